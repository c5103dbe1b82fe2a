"""Input and output schemas: pydantic models that also write the OpenAPI document.

Inputs are forgiving about transport (a form sends strings, JSON sends numbers) but every
refusal is a :class:`~dialog.errors.DialogError` with a stable code: field types raise
domain errors directly (see :mod:`dialog.actions.fields`), and anything pydantic itself
refuses becomes ``invalid_field`` naming the field.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from dialog.errors import DialogError
from dialog.services import untrusted_input

M = TypeVar("M", bound=BaseModel)


class Input(BaseModel):
    """Base of every action's input. Unknown fields are ignored (the contract of today)."""

    model_config = ConfigDict(extra="ignore", arbitrary_types_allowed=True)


class StrictInput(Input):
    """An input that refuses fields it does not know (``unknown_field``, 400), so a typo in
    a field name is an error and not silently lost."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


class Output(BaseModel):
    """Base of every result schema; reads ORM objects by attribute."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    @classmethod
    def dump(cls, source: Any) -> dict[str, Any]:
        """Serialise an ORM object (or a mapping, or an instance) to JSON-ready data."""
        if isinstance(source, cls):
            return source.model_dump(mode="json", by_alias=False)
        return cls.model_validate(source, from_attributes=True).model_dump(mode="json")

    @classmethod
    def dump_all(cls, sources: Any) -> list[dict[str, Any]]:
        return [cls.dump(source) for source in sources]


def parse_input(model: type[M], data: dict[str, Any]) -> M:
    """Validate ``data`` against ``model``; every refusal is a DialogError with a code.

    Text no database can store (NUL, a lone surrogate) is refused first, on every face:
    400 ``invalid_characters`` naming the field.
    """
    untrusted_input.refuse_bad_characters(data)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "body"
        if first["type"] == "extra_forbidden":
            raise DialogError("unknown_field", field=field) from None
        if first["type"] == "missing":
            raise DialogError("field_required", field=field) from None
        raise DialogError("invalid_field", field=field) from None

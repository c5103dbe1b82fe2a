"""Field types for inputs and outputs, each with its stable error code and JSON schema.

``Id`` parses like every id in the product (a positive integer or its digits); loose fields
(``Loose*``) accept what the transport sent and leave the domain check, with its specific
code, to the operation, while documenting the expected type in OpenAPI.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from dialog.services.ids import LARGEST_ID, parse_client_id, parse_id


def _id_field(value: Any, info: Any) -> int:
    return parse_id(value, info.field_name or "id")


def _optional_id(value: Any, info: Any) -> int | None:
    if value is None or value == "":
        return None
    return parse_id(value, info.field_name or "id")


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "on", "yes", "ja")
    return bool(value)


#: A positive integer id; anything else is ``field_required`` naming the field, and an id
#: past :data:`LARGEST_ID` is 404 ``id_out_of_range``.
Id = Annotated[int, BeforeValidator(_id_field),
               WithJsonSchema({"type": "integer", "minimum": 1, "maximum": LARGEST_ID})]
OptionalId = Annotated[int | None, BeforeValidator(_optional_id),
                       WithJsonSchema({"type": ["integer", "null"], "minimum": 1,
                                       "maximum": LARGEST_ID})]
#: The phone's idempotency key: ``client_id_required`` / ``client_id_too_long``.
ClientId = Annotated[str, BeforeValidator(parse_client_id),
                     WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 64})]
#: A checkbox or boolean: "on", "true", 1 and true are true.
Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]


# Loose fields: the operation checks them itself, with a specific code; the schema documents
# what is expected. For another shape write ``Annotated[Any, WithJsonSchema({...})]``.
LooseText = Annotated[Any, WithJsonSchema({"type": "string"})]
LooseOptionalText = Annotated[Any, WithJsonSchema({"type": ["string", "null"]})]
LooseIds = Annotated[Any, WithJsonSchema({"type": "array", "items": {"type": "integer"}})]
LooseNumber = Annotated[Any, WithJsonSchema({"type": ["number", "null"]})]

#: Timestamps serialise exactly as ``datetime.isoformat()`` (``+00:00``, not ``Z``).
Timestamp = Annotated[datetime, PlainSerializer(lambda value: value.isoformat(),
                                                return_type=str)]

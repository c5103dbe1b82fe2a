"""What a job is: a target ``"package.module:function"`` and keyword arguments (int or str)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: ``package.module:function``: dotted module, one function name.
TARGET = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*$")

JobFunction = Callable[..., None]


@dataclass(frozen=True)
class Job:
    """One request for work; ``job_id`` (optional) makes equal requests coalesce."""

    target: str
    kwargs: dict[str, int | str] = field(default_factory=dict)
    job_id: str | None = None

    def as_message(self) -> dict[str, Any]:
        return {"target": self.target, "kwargs": dict(self.kwargs), "job_id": self.job_id}

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> Job:
        return make(str(message["target"]), message.get("job_id"), dict(message["kwargs"]))


def make(target: str, job_id: str | None, kwargs: dict[str, Any]) -> Job:
    """Check a job's shape (a clear error at enqueue time, not in the worker) and build it."""
    if not TARGET.match(target):
        raise ValueError(f"job target must be 'package.module:function', got {target!r}")
    if job_id is not None and (not isinstance(job_id, str) or not job_id):
        raise ValueError("job_id must be a non-empty string")
    for name, value in kwargs.items():
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError(f"job argument {name}={value!r}: only int and str travel to jobs")
    return Job(target, dict(kwargs), job_id)


def resolve(target: str) -> JobFunction:
    """Import the module of a target and return its function."""
    module_name, _, function_name = target.partition(":")
    function = getattr(importlib.import_module(module_name), function_name, None)
    if not callable(function):
        raise LookupError(f"job target {target!r} is not a function")
    return function  # type: ignore[no-any-return]

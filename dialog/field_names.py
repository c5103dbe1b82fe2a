"""Field names in messages people read: a human name, never a path like ``q.0``.

A refusal names the field it is about (the ``field`` parameter of ``errors.*`` messages).
Inside the code a field is a path (``q.0``: the first ``q`` of a query string;
``items.3.text``). ``translate`` shows it by its name in ``fields.<name>`` when the
translations have one (``q`` is *sökordet*), else as the path without its list indices.
"""

from __future__ import annotations

from collections.abc import Callable


def field_name(path: object, lookup: Callable[[str], str | None]) -> str:
    """The name people read for the field at ``path`` (``lookup`` finds ``fields.<name>``)."""
    parts = [part for part in str(path).split(".") if part and not part.isdigit()]
    plain = ".".join(parts) or str(path)
    return lookup(f"fields.{plain}") or (parts and lookup(f"fields.{parts[-1]}")) or plain

"""Small-number suppression: nobody can be singled out from a published count.

A stakeholder group or age band with fewer than ``THRESHOLD`` participants is published
as "färre än 5" (``None`` in the data). When exactly one count is suppressed, the next
smallest is suppressed too, so the hidden number cannot be worked out from the total.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

THRESHOLD = 5
Key = TypeVar("Key", bound=Hashable)


def is_small(count: int) -> bool:
    """True for a count that must not be published (zero is safe: it singles out nobody)."""
    return 0 < count < THRESHOLD


def suppress(cells: Sequence[tuple[Key, int]]) -> list[tuple[Key, int | None]]:
    """Return the cells with small counts replaced by ``None`` (primary and secondary)."""
    hidden = {i for i, (_key, count) in enumerate(cells) if is_small(count)}
    if len(hidden) == 1:
        others = [(count, i) for i, (_key, count) in enumerate(cells)
                  if i not in hidden and count > 0]
        if others:
            hidden.add(min(others)[1])
    return [(key, None if i in hidden else count) for i, (key, count) in enumerate(cells)]


def suppress_total(total: int) -> int | None:
    """A total is suppressed by the same rule as any other count."""
    return None if is_small(total) else total

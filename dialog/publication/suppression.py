"""Small-number suppression: nobody can be singled out from a published count.

A stakeholder group or age band with fewer than ``THRESHOLD`` participants is published
as "färre än 5" (``None`` in the data). When exactly one count is suppressed, the next
smallest is suppressed too, so the hidden number cannot be worked out from the total. That
second count is not small, so it is published as hidden for another reason: ``why`` tells
the two apart (``SMALL``: under the threshold; ``PROTECTING``: hidden to protect a small one).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

THRESHOLD = 5
#: Why a count is hidden: it is under ``THRESHOLD`` ...
SMALL = "small"
#: ... or it is the next smallest, hidden so that the one small count cannot be worked out.
PROTECTING = "protecting"
Key = TypeVar("Key", bound=Hashable)


def is_small(count: int) -> bool:
    """True for a count that must not be published (zero is safe: it singles out nobody)."""
    return 0 < count < THRESHOLD


def suppress(cells: Sequence[tuple[Key, int]]) -> list[tuple[Key, int | None]]:
    """Return the cells with small counts replaced by ``None`` (primary and secondary)."""
    return [(key, count) for key, count, _why in suppress_why(cells)]


def suppress_why(cells: Sequence[tuple[Key, int]]) -> list[tuple[Key, int | None, str | None]]:
    """Like ``suppress``, with why each hidden count is hidden (``SMALL`` or ``PROTECTING``)."""
    why: dict[int, str] = {i: SMALL for i, (_key, count) in enumerate(cells) if is_small(count)}
    if len(why) == 1:
        others = [(count, i) for i, (_key, count) in enumerate(cells)
                  if i not in why and count > 0]
        if others:
            why[min(others)[1]] = PROTECTING
    return [(key, None if i in why else count, why.get(i))
            for i, (key, count) in enumerate(cells)]


def suppress_total(total: int) -> int | None:
    """A total is suppressed by the same rule as any other count."""
    return None if is_small(total) else total

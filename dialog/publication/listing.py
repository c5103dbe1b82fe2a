"""The published perspectives a page at a time, searched by their words and filtered.

The public page lists ``PAGE_SIZE`` perspectives per page (``?page=``), finds words in their
text (``?q=``, case-insensitive; ``#123`` or ``123`` also finds perspective 123) and filters
by kind and stakeholder group (``?kind=``, ``?group=``). Pages are plain links and a form:
they work without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

PAGE_SIZE = 50
#: Longest search text read; longer input is cut, never refused.
MAX_QUERY = 200
#: ``?group=`` value for perspectives without a stakeholder group.
UNGROUPED = "-"


@dataclass(frozen=True)
class Listing:
    """One page of the (searched, filtered) perspectives."""

    items: list[dict[str, Any]]
    #: How many match the search and filters, on every page together.
    matching: int
    page: int
    pages: int
    query: str
    kind: str
    group: str
    size: int = PAGE_SIZE

    @property
    def filtered(self) -> bool:
        return bool(self.query or self.kind or self.group)

    @property
    def first(self) -> int:
        """The number (from 1) of the page's first perspective among those matching."""
        return (self.page - 1) * self.size + 1

    def href(self, page: int) -> str:
        """A link to ``page`` of the same search, relative to the page it is on."""
        asked = {"q": self.query, "kind": self.kind, "group": self.group,
                 "page": page if page > 1 else ""}
        return "?" + urlencode({k: v for k, v in asked.items() if v}) + "#perspectives"


def page_number(value: Any) -> int:
    """``?page=`` as a page number: anything that is not a positive integer is page 1."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() and 0 < len(text) < 7 and int(text) > 0 else 1


def listing(perspectives: list[dict[str, Any]], *, query: str = "", kind: str = "",
            group: str = "", page: int = 1, size: int = PAGE_SIZE) -> Listing:
    """The ``page`` of perspectives matching ``query``, ``kind`` and ``group``.

    A page past the last shows the last page.
    """
    query = " ".join(query.split())[:MAX_QUERY]
    found = [p for p in perspectives if _matches(p, query.casefold(), kind, group)]
    pages = max(1, -(-len(found) // size))
    page = min(max(page, 1), pages)
    return Listing(found[(page - 1) * size:page * size], len(found), page, pages, query,
                   kind, group, size)


def pages_of(perspectives: list[dict[str, Any]], ids: set[int],
             size: int = PAGE_SIZE) -> dict[int, int]:
    """On which page of the unfiltered list each of ``ids`` is (published ones only)."""
    return {p["id"]: index // size + 1 for index, p in enumerate(perspectives) if p["id"] in ids}


def _matches(item: dict[str, Any], folded: str, kind: str, group: str) -> bool:
    if kind and item.get("kind") != kind:
        return False
    if group and (item.get("stakeholder_group") or UNGROUPED) != group:
        return False
    if not folded:
        return True
    if folded.lstrip("#").isdigit() and str(item["id"]) == folded.lstrip("#"):
        return True
    return all(word in str(item.get("text", "")).casefold() for word in folded.split())

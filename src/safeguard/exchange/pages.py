"""The page format of a feed, shared by publisher and subscriber.

A signed page is ``{"page": {...}, "signature": base64}``. The page says which feed
(``feed``, ``feed_uid``), its sequence number ``seq`` (1 for the first page with items,
then +1 a page), the cursor it continues (``prev``) and the one to ask with next
(``next``), whether ``more`` is waiting, and ``items``: each the full current state of one
entry at the publisher (``id`` there, ``type``, ``value``, ``external_id``, ``category``,
``note``, ``disabled``). A page is applied by putting every item's state, so applying a page
twice, or an item sent twice, changes nothing more.

Cursors are ``SEQ.ENTRY.CHANGE``: the page sequence, the last entry id and the last index
change seq the subscriber has seen. ``""`` is the start of a feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from safeguard.exchange.errors import PageRejected

VERSION = 1
OPINIONS = ("false_positive", "confirmed")


@dataclass(frozen=True, slots=True)
class Cursor:
    seq: int = 0
    entry: int = 0
    change: int = 0

    @classmethod
    def parse(cls, text: str | None) -> Cursor:
        if not text:
            return cls()
        parts = text.split(".")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            raise PageRejected(f"malformed cursor {text!r} (expected SEQ.ENTRY.CHANGE)")
        return cls(int(parts[0]), int(parts[1]), int(parts[2]))

    def __str__(self) -> str:
        return f"{self.seq}.{self.entry}.{self.change}"

    @property
    def text(self) -> str:
        return "" if self == Cursor() else str(self)


def item_fields(item: Any) -> dict[str, Any]:
    """One item, checked for shape (a signed page from a pinned key is trusted for
    content, but its shape is still checked before anything is written)."""
    if not isinstance(item, dict):
        raise PageRejected("an item is not an object")
    for field, kinds in (
        ("id", int),
        ("type", str),
        ("value", str),
        ("disabled", bool),
    ):
        if not isinstance(item.get(field), kinds):
            raise PageRejected(f"an item's {field!r} is missing or of the wrong type")
    for field in ("external_id", "category", "note"):
        if item.get(field) is not None and not isinstance(item[field], str):
            raise PageRejected(f"an item's {field!r} is not a string")
    return item

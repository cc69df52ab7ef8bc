"""Hash-list file formats. Each format is a module with ``read`` and ``write``; the
``FORMATS`` registry below is the one place a new format is added.

Readers stream: they yield ``ParsedEntry`` or ``LineIssue`` one at a time and never hold the
file in memory, so a multi-GB list imports in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    signal_type: str
    value: str
    line: int
    external_id: str | None = None
    category: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class LineIssue:
    """A problem at a place in the input: ``line`` is 1-based (0 when not line-based)."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ExportEntry:
    signal_type: str
    value: str
    external_id: str | None
    category: str | None
    note: str | None


class HashListFormat(Protocol):
    name: str

    def read(
        self, stream: BinaryIO, *, default_type: str | None = None
    ) -> Iterator[ParsedEntry | LineIssue]: ...

    def write(self, entries: Iterable[ExportEntry], stream: BinaryIO) -> int: ...


def strip_bom(first: bytes) -> bytes:
    return first[3:] if first.startswith(b"\xef\xbb\xbf") else first


def formats() -> dict[str, HashListFormat]:
    from safeguard.banks.formats import csv_format, plain, urls, vics

    known: tuple[HashListFormat, ...] = (
        plain.PlainFormat(),
        csv_format.CsvFormat(),
        vics.VicsFormat(),
        urls.UrlListFormat(),
        urls.KeywordListFormat(),
    )
    return {f.name: f for f in known}


def get_format(name: str) -> HashListFormat:
    known = formats()
    try:
        return known[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r} (known: {', '.join(sorted(known))})") from None

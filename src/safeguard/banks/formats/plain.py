"""Plain text: one hash per line. Blank lines and lines starting with ``#`` are skipped.
The type comes from ``--type`` or from the length (32 md5, 40 sha1)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from safeguard.banks.formats import ExportEntry, LineIssue, ParsedEntry, strip_bom
from safeguard.banks.formats.values import parse_value
from safeguard.signals.errors import InvalidSignal


class PlainFormat:
    name = "plain"

    def read(
        self, stream: BinaryIO, *, default_type: str | None = None
    ) -> Iterator[ParsedEntry | LineIssue]:
        for number, raw in enumerate(stream, start=1):
            if number == 1:
                raw = strip_bom(raw)
            try:
                text = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                yield LineIssue(number, "not UTF-8 text")
                continue
            if not text or text.startswith("#"):
                continue
            try:
                kind, value = parse_value(text, default_type)
            except InvalidSignal as e:
                yield LineIssue(number, str(e))
                continue
            yield ParsedEntry(kind, value, number)

    def write(self, entries: Iterable[ExportEntry], stream: BinaryIO) -> int:
        n = 0
        for e in entries:
            stream.write(e.value.encode() + b"\n")
            n += 1
        return n

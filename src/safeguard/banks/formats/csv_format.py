"""CSV with a header row: ``type,value`` required; ``id``, ``category``, ``note`` optional
(other columns are ignored)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from safeguard.banks.formats import ExportEntry, LineIssue, ParsedEntry
from safeguard.banks.formats.values import parse_value
from safeguard.signals.errors import InvalidSignal

REQUIRED = ("type", "value")
OPTIONAL = ("id", "category", "note")
MAX_FIELD = 10_000


class CsvFormat:
    name = "csv"

    def read(
        self, stream: BinaryIO, *, default_type: str | None = None
    ) -> Iterator[ParsedEntry | LineIssue]:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
        try:
            yield from self._rows(text, default_type)
        finally:
            # The stream belongs to the caller (an import reads it twice): a wrapper that
            # is garbage-collected closes what it wraps, so let go of it first.
            text.detach()

    def _rows(
        self, text: io.TextIOWrapper, default_type: str | None
    ) -> Iterator[ParsedEntry | LineIssue]:
        reader = csv.reader(text)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            yield LineIssue(1, "empty CSV: expected a header row with at least type,value")
            return
        except (csv.Error, UnicodeDecodeError) as e:
            yield LineIssue(1, f"unreadable header: {e}")
            return
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            yield LineIssue(
                1, f"header lacks column(s) {', '.join(missing)}; found: {', '.join(header)}"
            )
            return
        col = {name: header.index(name) for name in (*REQUIRED, *OPTIONAL) if name in header}
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as e:
                yield LineIssue(reader.line_num, f"unreadable row: {e}")
                return
            line = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) != len(header):
                yield LineIssue(line, f"{len(row)} fields, but the header has {len(header)}")
                continue
            if any(len(c) > MAX_FIELD for c in row):
                yield LineIssue(line, f"a field is longer than {MAX_FIELD} characters")
                continue
            declared = row[col["type"]].strip() or default_type
            try:
                kind, value = parse_value(row[col["value"]], declared)
            except InvalidSignal as e:
                yield LineIssue(line, str(e))
                continue

            def opt(name: str, r: list[str] = row) -> str | None:
                return (r[col[name]].strip() or None) if name in col else None

            yield ParsedEntry(kind, value, line, opt("id"), opt("category"), opt("note"))

    def write(self, entries: Iterable[ExportEntry], stream: BinaryIO) -> int:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text)
        writer.writerow(["type", "value", "id", "category", "note"])
        n = 0
        for e in entries:
            writer.writerow(
                [e.signal_type, e.value, e.external_id or "", e.category or "", e.note or ""]
            )
            n += 1
        text.flush()
        text.detach()
        return n

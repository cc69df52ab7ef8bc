"""URL and search-term lists: one URL (or term) a line, hashed on import.

``urls``: each line a URL (canonicalised and hashed: ``url`` = SHA-256, or ``url_md5`` with
``--type url_md5``), or an already hashed one (64 hex digits: ``url``, 32: ``url_md5``), as
hotlines distribute them. ``keywords``: each line a search term (hashed to ``keyword``), or
its SHA-256. Blank lines and lines starting with ``#`` are skipped. The plain URLs and terms
are not kept; export writes the digests, one a line. See ``safeguard.signals.urls``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from safeguard.banks.formats import ExportEntry, LineIssue, ParsedEntry, strip_bom
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.urls import term_sha256, url_md5, url_sha256

_HEX = re.compile(r"^[0-9A-Fa-f]+$")


def _lines(stream: BinaryIO) -> Iterator[tuple[int, str] | LineIssue]:
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = strip_bom(raw)
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            yield LineIssue(number, "not UTF-8 text")
            continue
        if text and not text.startswith("#"):
            yield number, text


def _write(entries: Iterable[ExportEntry], stream: BinaryIO) -> int:
    n = 0
    for e in entries:
        stream.write(e.value.encode() + b"\n")
        n += 1
    return n


class UrlListFormat:
    name = "urls"

    def read(
        self, stream: BinaryIO, *, default_type: str | None = None
    ) -> Iterator[ParsedEntry | LineIssue]:
        if default_type not in (None, "url", "url_md5"):
            yield LineIssue(0, f"a URL list holds url or url_md5 entries, not {default_type}")
            return
        digest: Callable[[str], str] = url_md5 if default_type == "url_md5" else url_sha256
        for item in _lines(stream):
            if isinstance(item, LineIssue):
                yield item
                continue
            number, text = item
            if _HEX.match(text) and len(text) in (32, 64):
                kind = "url" if len(text) == 64 else "url_md5"
                yield ParsedEntry(kind, text.lower(), number)
                continue
            try:
                value = digest(text)
            except InvalidSignal as e:
                yield LineIssue(number, str(e))
                continue
            yield ParsedEntry("url_md5" if default_type == "url_md5" else "url", value, number)

    def write(self, entries: Iterable[ExportEntry], stream: BinaryIO) -> int:
        return _write(entries, stream)


class KeywordListFormat:
    name = "keywords"

    def read(
        self, stream: BinaryIO, *, default_type: str | None = None
    ) -> Iterator[ParsedEntry | LineIssue]:
        if default_type not in (None, "keyword"):
            yield LineIssue(0, f"a keyword list holds keyword entries, not {default_type}")
            return
        for item in _lines(stream):
            if isinstance(item, LineIssue):
                yield item
                continue
            number, text = item
            if _HEX.match(text) and len(text) == 64:
                yield ParsedEntry("keyword", text.lower(), number)
                continue
            try:
                yield ParsedEntry("keyword", term_sha256(text), number)
            except InvalidSignal as e:
                yield LineIssue(number, str(e))

    def write(self, entries: Iterable[ExportEntry], stream: BinaryIO) -> int:
        return _write(entries, stream)

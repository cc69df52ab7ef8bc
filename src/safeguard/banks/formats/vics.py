"""Project VIC VICS JSON (2.0): hash sets (``value[]`` of media with ``MD5``, ``SHA1``,
``Category``, ``MediaID``) and case exports (``value[].Media[]``).

Read as a stream of JSON events (ijson), so a multi-GB export never sits in memory; a UTF-8
byte-order mark is tolerated. Each media item gives one entry per hash it carries. VICS has no
field for PDQ, so exporting a bank writes its MD5 and SHA-1 entries and reports what it left
out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import ijson

from safeguard.banks.formats import ExportEntry, LineIssue, ParsedEntry
from safeguard.banks.formats.values import parse_value
from safeguard.signals.errors import InvalidSignal

CONTEXT = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media"
_HASH_FIELDS = {"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256"}
_ITEM = "value.item"
_MEDIA_ARRAY = "value.item.Media"
_CASE_MEDIA = "value.item.Media.item"
_BOM = b"\xef\xbb\xbf"


class _WithoutBom:
    """A reader that drops a leading UTF-8 byte-order mark."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        head = stream.read(3)
        self._pending = b"" if head == _BOM else head

    def read(self, n: int = -1) -> bytes:
        if n == 0:
            return b""  # ijson probes the stream's type with read(0)
        if self._pending:
            rest = self._stream.read(-1 if n < 0 else max(0, n - len(self._pending)))
            out, self._pending = self._pending + rest, b""
            return out
        return self._stream.read(n)


class _Builder:
    """Builds one JSON object from ijson events (a tiny ObjectBuilder that can skip a key)."""

    def __init__(self) -> None:
        self.stack: list[Any] = []
        self.key: list[str | None] = []
        self.value: Any = None

    def event(self, event: str, value: Any) -> None:
        if event == "map_key":
            self.key[-1] = value
            return
        if event in ("start_map", "start_array"):
            container: Any = {} if event == "start_map" else []
            self._put(container)
            self.stack.append(container)
            self.key.append(None)
            return
        if event in ("end_map", "end_array"):
            self.stack.pop()
            self.key.pop()
            return
        self._put(value)

    def _put(self, value: Any) -> None:
        if not self.stack:
            self.value = value
        elif isinstance(self.stack[-1], list):
            self.stack[-1].append(value)
        else:
            self.stack[-1][self.key[-1]] = value


def _entries_of(media: Any, where: str) -> Iterator[ParsedEntry | LineIssue]:
    if not isinstance(media, dict):
        yield LineIssue(0, f"{where}: expected an object, got {type(media).__name__}")
        return
    category = media.get("Category")
    media_id = media.get("MediaID")
    found = False
    for field, kind in _HASH_FIELDS.items():
        raw = media.get(field)
        if raw in (None, ""):
            continue
        found = True
        if not isinstance(raw, str):
            yield LineIssue(0, f"{where}: {field} must be a string")
            continue
        try:
            t, value = parse_value(raw, kind)
        except InvalidSignal as e:
            yield LineIssue(0, f"{where}: {field}: {e}")
            continue
        yield ParsedEntry(
            t,
            value,
            0,
            external_id=None if media_id is None else str(media_id),
            category=None if category is None else str(category),
        )
    if not found:
        yield LineIssue(0, f"{where}: no MD5, SHA1 or SHA256")


class VicsFormat:
    name = "vics"

    def read(
        self, stream: BinaryIO, *, default_type: str | None = None
    ) -> Iterator[ParsedEntry | LineIssue]:
        item: _Builder | None = None
        media: _Builder | None = None
        items = case_media = 0
        saw_value = False
        try:
            for prefix, event, value in ijson.parse(_WithoutBom(stream), use_float=True):
                if prefix == "" and event == "start_array":
                    yield LineIssue(0, "top level is an array: expected a VICS object with 'value'")
                    return
                if prefix == "value":
                    if event == "start_array":
                        saw_value = True
                    elif event != "end_array":
                        yield LineIssue(0, "'value' must be an array of media or cases")
                        return
                    continue
                if prefix == _CASE_MEDIA or prefix.startswith(_CASE_MEDIA + "."):
                    media = media or _Builder()
                    media.event(event, value)
                    if not media.stack:  # one case media item is complete
                        yield from _entries_of(media.value, f"value[{items}].Media[{case_media}]")
                        case_media += 1
                        media = None
                    continue
                if prefix == _MEDIA_ARRAY or (
                    prefix == _ITEM and event == "map_key" and value == "Media"
                ):
                    continue  # a case's Media array: its items are handled above
                if prefix == _ITEM or prefix.startswith(_ITEM + "."):
                    item = item or _Builder()
                    item.event(event, value)
                    if not item.stack:  # one item of value[] is complete
                        if case_media == 0:
                            yield from _entries_of(item.value, f"value[{items}]")
                        items += 1
                        case_media = 0
                        item = None
        except ijson.common.IncompleteJSONError as e:
            yield LineIssue(0, f"truncated or malformed JSON: {e}")
            return
        except ijson.common.JSONError as e:
            yield LineIssue(0, f"malformed JSON: {e}")
            return
        if not saw_value:
            yield LineIssue(
                0, "no top-level 'value' array: not a VICS JSON hash set or case export"
            )

    def write(self, entries: Iterable[ExportEntry], stream: BinaryIO) -> int:
        stream.write(b'{"@odata.context":' + json.dumps(CONTEXT).encode() + b',"value":[')
        n = 0
        for e in entries:
            field = {"md5": "MD5", "sha1": "SHA1", "sha256": "SHA256"}.get(e.signal_type)
            if field is None:
                continue
            media: dict[str, Any] = {field: e.value.upper()}
            if e.external_id is not None:
                media["MediaID"] = int(e.external_id) if e.external_id.isdigit() else e.external_id
            if e.category is not None and e.category.lstrip("-").isdigit():
                media["Category"] = int(e.category)
            stream.write((b"," if n else b"") + json.dumps(media, separators=(",", ":")).encode())
            n += 1
        stream.write(b"]}\n")
        return n

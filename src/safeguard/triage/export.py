"""Case exports: VICS 2.0 JSON (Project VIC / CAID) and CSV, written as streams.

The VICS export is one ``Case`` whose ``Media`` are the case's distinct contents (by MD5),
each with the ``MediaFiles`` where it was found. Items are read from the store in MD5 order,
a page at a time, and each ``Media`` is written as soon as its last file is read, so a case
of millions of items is exported in the memory of one media's files. Items without an MD5
(the file could not be read) are left out of the VICS export and counted.

``Category`` is the integer of the case's scheme (``categories.vics_number``): the
examiner's verdict when any file of that content has one (the most serious), otherwise the
category a known-hash set gave it, with ``IsPrecategorized`` true.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from sqlalchemy.orm import Session

from safeguard import __version__
from safeguard.store.models.triage import TriageCase, TriageItem
from safeguard.triage import categories
from safeguard.triage.case import case_sources, category_of, is_carved, item_row, iter_items
from safeguard.triage.sources import carved_offset

VICS_CONTEXT = (
    "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/{scheme}/$metadata#Cases"
)
APPLICATION = "Safeguard"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    format: str
    items: int
    media: int = 0
    left_out: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "items": self.items,
            "media": self.media,
            "left_out": self.left_out,
        }


def case_uuid(case: TriageCase) -> str:
    """A stable GUID for the case (VICS ``CaseID``), derived from its identity."""
    created = case.created_at.isoformat() if case.created_at else ""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"safeguard-triage:{case.name}:{created}"))


def _vics_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _split(path: str) -> tuple[str, str]:
    head, sep, name = path.rpartition("/")
    return (head + sep if sep else ""), name


def _media(
    case: TriageCase, media_id: int, items: list[TriageItem], positions: dict[int, int]
) -> dict[str, Any]:
    first = items[0]
    examined = [i.examiner_code for i in items if i.examiner_code is not None]
    hashed = [i.hash_code for i in items if i.hash_code is not None]
    order = categories.ORDER[case.scheme]
    code: str | None = None
    precategorised = False
    if examined:
        code = min(examined, key=order.index)
    elif hashed:
        code = min(hashed, key=order.index)
        precategorised = True
    files = []
    for item in items:
        folder, name = _split(item.path)
        entry: dict[str, Any] = {
            "FileName": name,
            "FilePath": folder,
            "Created": _vics_time(item.created),
            "Written": _vics_time(item.modified),
            "Accessed": _vics_time(item.accessed),
            "Deleted": not item.allocated,
            "Unallocated": is_carved(item),
            "SourceID": positions.get(item.source_id, 0),
        }
        if entry["Unallocated"]:
            # A carved item's byte offset from the start of the disk image, as other VICS
            # writers record carved files (a file system's file has no single one).
            entry["PhysicalLocation"] = carved_offset(item.path)
        files.append(entry)
    return {
        "MediaID": media_id,
        "MD5": (first.md5 or "").upper(),
        "SHA1": (first.sha1 or "").upper(),
        "Category": categories.vics_number(case.scheme, code),
        "IsPrecategorized": precategorised,
        "MediaSize": first.size,
        "MimeType": first.mime or "application/octet-stream",
        "MediaFiles": files,
    }


def write_vics(session: Session, case: TriageCase, out: IO[bytes]) -> ExportSummary:
    """Stream the case as a VICS 2.0 case export to ``out``."""
    scheme = case.scheme.upper()
    positions = {s.id: s.position + 1 for s in case_sources(session, case)}
    head = {
        "@odata.context": VICS_CONTEXT.format(scheme=scheme),
    }
    case_fields = {
        "CaseID": case_uuid(case),
        "CaseNumber": case.name,
        "SourceApplicationName": APPLICATION,
        "SourceApplicationVersion": __version__,
    }
    out.write(json.dumps(head)[:-1].encode() + b',"value":[')
    out.write(json.dumps(case_fields)[:-1].encode() + b',"Media":[')
    media = items = left_out = 0
    group: list[TriageItem] = []

    def flush() -> None:
        nonlocal media
        if not group:
            return
        media += 1
        body = json.dumps(_media(case, media, group, positions), separators=(",", ":"))
        out.write((b"," if media > 1 else b"") + body.encode())
        group.clear()

    for item in iter_items(session, case, order="md5"):
        if item.md5 is None:
            left_out += 1
            continue
        items += 1
        if group and group[0].md5 != item.md5:
            flush()
        group.append(item)
    flush()
    out.write(b"]}]}\n")
    return ExportSummary("vics", items, media, left_out)


CSV_FIELDS = (
    "id",
    "source",
    "path",
    "container",
    "kind",
    "mime",
    "size",
    "md5",
    "sha1",
    "sha256",
    "pdq",
    "deleted",
    "created",
    "modified",
    "accessed",
    "changed",
    "known",
    "banks",
    "scheme",
    "category",
    "category_by",
    "precategory",
    "note",
    "stack",
    "error",
)


def _csv_rows(session: Session, case: TriageCase) -> Iterator[list[Any]]:
    names = {s.id: s.location for s in case_sources(session, case)}
    for item in iter_items(session, case):
        row = item_row(case, item, names.get(item.source_id, ""))
        category = category_of(case, item)
        yield [
            row["id"],
            row["source"],
            row["path"],
            row["container"] or "",
            row["kind"],
            row["mime"] or "",
            "" if row["size"] is None else row["size"],
            row["md5"] or "",
            row["sha1"] or "",
            row["sha256"] or "",
            row["pdq"] or "",
            "yes" if row["deleted"] else "no",
            row["created"] or "",
            row["modified"] or "",
            row["accessed"] or "",
            row["changed"] or "",
            "yes" if row["known"] else "no",
            ";".join(sorted({m["bank"] for m in row["matches"]})),
            case.scheme,
            "" if category is None else category.code,
            "" if category is None else category.by,
            item.hash_code or "",
            row["note"] or "",
            "" if row["stack"] is None else row["stack"],
            row["error"] or "",
        ]


def _cell(value: Any) -> Any:
    # A cell a spreadsheet would run as a formula is quoted (file names are attacker-chosen).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(session: Session, case: TriageCase, out: IO[bytes]) -> ExportSummary:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_FIELDS)
    n = 0
    for row in _csv_rows(session, case):
        writer.writerow([_cell(v) for v in row])
        n += 1
    text.flush()
    text.detach()
    return ExportSummary("csv", n)

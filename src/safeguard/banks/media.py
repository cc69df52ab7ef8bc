"""Adding pictures and videos to a bank from the media itself (``safeguard banks
import-media``): every signal Safeguard computes becomes an entry, with the file's name (or
the id a CSV gives it) as external id.

Per file: MD5, SHA-1 and SHA-256 of the bytes; for a picture its PDQ (when its quality is
at least ``pdq.MIN_QUALITY``: a flatter picture's PDQ matches too much to be listed) and the
region rows of ``signals.regions`` linked to that PDQ entry (unless turned off); for a
video the PDQ of each keyframe (quality at least ``MIN_QUALITY``), noted with its frame
number and time. Each file is one transaction, so a bad file is an error record (nothing of
it is added) and the others are still added. Entries are written by ``banks.entries`` only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from safeguard.banks.entries import (
    NewEntry,
    NewRegion,
    add_entries,
    add_regions,
    put_local_features,
)
from safeguard.banks.lists import BankError, get_bank
from safeguard.signals.decode import ImageLimits, decode_image
from safeguard.signals.errors import InvalidSignal, SignalError
from safeguard.signals.hashing import hash_paths
from safeguard.signals.media import FileHashes, HashOptions
from safeguard.signals.pdq import MIN_QUALITY
from safeguard.signals.regions import pdq_regions
from safeguard.signals.types import FILE_DIGESTS
from safeguard.signals.video import VideoSampling
from safeguard.store.db import Database

_FILE_COLUMNS = ("file", "path", "name")
_ID_COLUMNS = ("id", "external_id")


class InvalidIdList(BankError):
    """The CSV of external ids cannot be read."""

    code = "invalid_id_list"


@dataclass(frozen=True, slots=True)
class MediaOptions:
    """How media becomes entries."""

    #: Store the region rows of each picture (``signals.regions``).
    regions: bool = True
    #: Keep each picture's ORB features (``signals.local``) for verifying candidates near
    #: the radius. Off by default: local features are sensitive (docs/matching.md).
    local_features: bool = False
    #: Hashing processes (1: in this process).
    workers: int = 1
    hash_options: HashOptions = field(
        default_factory=lambda: HashOptions(video_sampling=VideoSampling(mode="keyframes"))
    )


@dataclass(slots=True)
class MediaImportRecord:
    """What one file added to the bank, or why it added nothing."""

    path: str
    kind: str = "other"
    external_id: str | None = None
    added: int = 0
    regions: int = 0
    local_features: bool = False
    pdq: str | None = None
    pdq_quality: int | None = None
    frames: int = 0
    skipped: list[str] = field(default_factory=list)
    error: str | None = None
    error_code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "external_id": self.external_id,
            "pdq": self.pdq,
            "pdq_quality": self.pdq_quality,
            "frames": self.frames,
            "added": self.added,
            "regions": self.regions,
            "local_features": self.local_features,
            "skipped": self.skipped,
            "error": self.error,
            "error_code": self.error_code,
        }


def read_id_list(text: str) -> dict[str, str]:
    """``{file name or path: external id}`` from a CSV with a header naming a file column
    (``file``, ``path`` or ``name``) and an id column (``id`` or ``external_id``)."""
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    file_col = next((c for c in _FILE_COLUMNS if c in columns), None)
    id_col = next((c for c in _ID_COLUMNS if c in columns), None)
    if file_col is None or id_col is None:
        raise InvalidIdList(
            "the id CSV needs a header with a file column (file, path or name) and an id "
            f"column (id or external_id); found {', '.join(columns) or 'none'}"
        )
    ids: dict[str, str] = {}
    for n, row in enumerate(reader, start=2):
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        name, value = clean.get(file_col, ""), clean.get(id_col, "")
        if not name or not value:
            raise InvalidIdList(f"line {n}: a file and an id are both needed")
        if len(value) > 200:
            raise InvalidIdList(f"line {n}: an id is at most 200 characters")
        ids[name] = value
    return ids


def external_id_of(path: str, ids: Mapping[str, str] | None) -> str:
    """The id the CSV gives this file (by its path as walked, then by its name), else its
    name."""
    name = Path(path).name
    if ids:
        return ids.get(path) or ids.get(name) or name
    return name


def entries_of(
    record: FileHashes, external_id: str, category: str | None = None
) -> tuple[list[NewEntry], list[str]]:
    """The entries a hashed file gives (each with ``category`` when given), and what was
    left out and why."""
    out = [
        NewEntry(t, value, external_id=external_id, category=category)
        for t in FILE_DIGESTS
        if isinstance(value := getattr(record, t), str) and value
    ]
    skipped: list[str] = []
    if record.kind == "image" and record.pdq:
        if (record.pdq_quality or 0) >= MIN_QUALITY:
            out.append(NewEntry("pdq", record.pdq, external_id=external_id, category=category))
        else:
            skipped.append(f"pdq: quality {record.pdq_quality} is below {MIN_QUALITY}")
    low = 0
    for frame in record.vpdq or ():
        if frame.quality >= MIN_QUALITY:
            note = f"frame {frame.frame} at {frame.ts:.2f} s"
            out.append(
                NewEntry(
                    "pdq", frame.pdq.hex, external_id=external_id, category=category, note=note
                )
            )
        else:
            low += 1
    if low:
        skipped.append(f"{low} keyframe(s) of quality below {MIN_QUALITY}")
    return out, skipped


def media_hash_options(options: MediaOptions) -> HashOptions:
    """What to compute for each file so ``add_hashed`` can store all ``options`` ask for."""
    hashing = options.hash_options
    return replace(
        hashing,
        regions=hashing.regions or options.regions,
        local_features=hashing.local_features or options.local_features,
    )


def import_media(
    db: Database,
    bank_name: str,
    items: Iterable[Path | FileHashes],
    *,
    actor: str,
    ids: Mapping[str, str] | None = None,
    options: MediaOptions | None = None,
    on_record: Callable[[MediaImportRecord], None] | None = None,
) -> Iterator[MediaImportRecord]:
    """Hash each file (``items`` as ``collect_files`` gives them: folders walked, walk
    errors as failed records) and add its entries to the bank, one transaction per file.
    Raises ``BankNotFound`` before hashing anything if the bank is not there; every
    per-file failure is a record with ``error`` set."""
    options = options or MediaOptions()
    with db.session() as s:
        get_bank(s, bank_name)
    for hashed in hash_paths(items, media_hash_options(options), workers=options.workers):
        record = add_hashed(
            db,
            bank_name,
            hashed,
            external_id=external_id_of(hashed.path, ids),
            actor=actor,
            options=options,
        )
        if on_record is not None:
            on_record(record)
        yield record


def add_hashed(
    db: Database,
    bank_name: str,
    hashed: FileHashes,
    *,
    external_id: str,
    actor: str,
    options: MediaOptions,
    category: str | None = None,
) -> MediaImportRecord:
    """Add one hashed file's entries (and, for a picture, its region rows and kept local
    features as ``options`` says) to the bank in one transaction of its own. ``hashed``
    must have been computed with ``regions``/``local_features`` on for those to be
    stored (``media_hash_options``). Never raises for the file: a failure is the record's
    ``error``."""
    record = MediaImportRecord(
        path=hashed.path,
        kind=hashed.kind,
        external_id=external_id,
        pdq=hashed.pdq,
        pdq_quality=hashed.pdq_quality,
        frames=len(hashed.vpdq or ()),
    )
    if hashed.error is not None:
        # Nothing of a file that failed is added, not even its digests: a list entry should
        # be content someone could look at, and a half-imported file is hard to notice.
        record.error, record.error_code = hashed.error, hashed.error_code
        return record
    entries, record.skipped = entries_of(hashed, external_id, category)
    try:
        with db.session() as s:
            record.added = add_entries(s, bank_name, entries, actor=actor)
            has_pdq = any(e.signal_type == "pdq" for e in entries)
            if hashed.kind == "image" and has_pdq and hashed.pdq:
                if options.regions:
                    found = [
                        NewRegion(str(r["region"]), str(r["pdq"])) for r in hashed.pdq_regions or ()
                    ]
                    record.regions = add_regions(s, bank_name, hashed.pdq, found)
                if options.local_features and hashed.local_features:
                    record.local_features = put_local_features(
                        s, bank_name, hashed.pdq, hashed.local_features
                    )
    except (BankError, InvalidSignal) as e:
        record.added = record.regions = 0
        record.error, record.error_code = str(e), getattr(e, "code", "invalid")
    return record


def regions_of_media(data: bytes, limits: ImageLimits | None = None) -> list[NewRegion]:
    """The region hashes of a picture given as encoded bytes (a case's kept evidence), or
    none when it is not a picture that decodes within the limits."""
    try:
        decoded = decode_image(data, limits=limits)
    except SignalError:
        return []
    return [NewRegion(r.region, r.hash.hex) for r in pdq_regions(decoded.pixels)]

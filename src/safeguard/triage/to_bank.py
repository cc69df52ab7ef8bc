"""Adding a triage case's categorised pictures and videos to a bank (``safeguard triage
add-to-bank``), with every signal Safeguard computes: digests, PDQ, keyframe PDQs of a
video, the region rows of a picture (``signals.regions``) and, when asked, its local
features.

Triage keeps no media, and its own PDQ is computed from a reduced decode, so each item's
bytes are read again from the seized media (``triage.content``), checked against the
SHA-256 the run recorded (an item whose bytes changed is refused), and hashed as
``banks import-media`` hashes a file. The entries are written by ``banks.media.add_hashed``
(and so by ``banks.entries``), one transaction per item: a failed item is an error record
and the others are still added. Each entry's external id is ``triage:CASE:ITEM`` and its
category the item's (the examiner's verdict, else the one its hashes brought), so a later
case pre-categorises what it matches. The act is written to the case's audit trail.

Which items: by default every picture or video of the case with a category other than
``0`` (not indecent / non-pertinent); ``codes`` narrows it to those categories and ``ids``
to those items (which must be categorised). Items with the same content are added once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import func, select

from safeguard import audit
from safeguard.banks.lists import get_bank
from safeguard.banks.media import MediaImportRecord, MediaOptions, add_hashed, media_hash_options
from safeguard.errors import InvalidInput, NotFound, SafeguardError
from safeguard.signals.media import hash_bytes
from safeguard.store.db import Database
from safeguard.store.models.triage import TriageItem
from safeguard.triage import categories
from safeguard.triage.case import get_case, subject
from safeguard.triage.content import MiB, item_content

#: Kinds of item that can become bank entries with perceptual signals.
MEDIA_KINDS = ("image", "video")
#: The largest item read back (a video is spooled to a temporary file to be hashed).
MAX_ITEM_BYTES = 512 * MiB


@dataclass(frozen=True, slots=True)
class ToBankOptions:
    """Which items, and how they become entries."""

    #: Only items of these categories (the case's scheme; default: every one but ``0``).
    codes: tuple[str, ...] = ()
    #: Only these item ids (each must be categorised).
    ids: tuple[int, ...] = ()
    media: MediaOptions = field(default_factory=MediaOptions)
    max_bytes: int = MAX_ITEM_BYTES


@dataclass(slots=True)
class ItemToBankRecord:
    """What one item added to the bank, or why it added nothing."""

    item: int
    code: str | None
    media: MediaImportRecord

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "category": self.code} | self.media.to_json()


@dataclass(frozen=True, slots=True)
class _Wanted:
    id: int
    path: str
    kind: str
    sha256: str | None
    code: str


def external_id_of(case_name: str, item_id: int) -> str:
    return f"triage:{case_name}:{item_id}"


def _wanted(db: Database, case_name: str, bank_name: str, opts: ToBankOptions) -> list[_Wanted]:
    with db.session() as s:
        case = get_case(s, case_name)
        get_bank(s, bank_name)
        if opts.codes:
            codes = {categories.parse_code(case.scheme, c) for c in opts.codes}
        else:
            codes = {c for c in categories.ORDER[case.scheme] if c != "0"}
        effective = func.coalesce(TriageItem.examiner_code, TriageItem.hash_code)
        query = select(
            TriageItem.id, TriageItem.path, TriageItem.kind, TriageItem.sha256, effective
        ).where(TriageItem.case_id == case.id)
        if opts.ids:
            wanted_ids = sorted(set(opts.ids))
            rows = list(s.execute(query.where(TriageItem.id.in_(wanted_ids))))
            found = {int(r[0]): r for r in rows}
            missing = [i for i in wanted_ids if i not in found]
            if missing:
                raise NotFound(
                    f"no item {', '.join(map(str, missing[:10]))} in case {case_name!r}",
                    code="item_not_found",
                )
            uncategorised = [i for i in wanted_ids if found[i][4] is None]
            if uncategorised:
                raise InvalidInput(
                    f"item {', '.join(map(str, uncategorised[:10]))} has no category yet: "
                    "categorise it first",
                    code="not_categorised",
                )
        else:
            rows = list(
                s.execute(
                    query.where(effective.in_(sorted(codes)), TriageItem.kind.in_(MEDIA_KINDS))
                    .where(TriageItem.md5.is_not(None))
                    .order_by(TriageItem.id)
                )
            )
    out: list[_Wanted] = []
    seen: set[str] = set()
    for item_id, path, kind, sha256, code in rows:
        if opts.ids and opts.codes and code not in codes:
            continue  # ids and codes together: the named items of those categories
        if sha256 is not None:
            if sha256 in seen:
                continue
            seen.add(sha256)
        out.append(_Wanted(int(item_id), str(path), str(kind), sha256, str(code)))
    return out


def add_case_to_bank(
    db: Database,
    case_name: str,
    bank_name: str,
    *,
    actor: str,
    options: ToBankOptions | None = None,
    on_record: Callable[[ItemToBankRecord], None] | None = None,
) -> Iterator[ItemToBankRecord]:
    """Add the chosen items of the case to the bank, one record per item (distinct content).
    Raises before reading anything when the case, the bank, a code or an id is wrong; a
    per-item failure (unreadable, changed since the run, not a picture) is a record with
    ``error`` set. The act is audited on the case when the generator is exhausted."""
    opts = options or ToBankOptions()
    wanted = _wanted(db, case_name, bank_name, opts)
    totals = {"items": 0, "added": 0, "regions": 0, "errors": 0}
    for w in wanted:
        record = ItemToBankRecord(w.id, w.code, _add_item(db, case_name, bank_name, w, opts, actor))
        totals["items"] += 1
        totals["added"] += record.media.added
        totals["regions"] += record.media.regions
        totals["errors"] += record.media.error is not None
        if on_record is not None:
            on_record(record)
        yield record
    with db.session() as s:
        case = get_case(s, case_name)
        audit.record(
            s,
            actor,
            "triage_added_to_bank",
            subject(case),
            {
                "bank": bank_name,
                "codes": list(opts.codes),
                "ids": list(opts.ids),
                "regions": opts.media.regions,
                "local_features": opts.media.local_features,
            }
            | totals,
        )


def _add_item(
    db: Database, case_name: str, bank_name: str, w: _Wanted, opts: ToBankOptions, actor: str
) -> MediaImportRecord:
    external_id = external_id_of(case_name, w.id)
    failed = MediaImportRecord(path=w.path, kind=w.kind, external_id=external_id)
    try:
        with db.session() as s:
            item = s.get(TriageItem, w.id)
            if item is None:
                raise NotFound(f"item {w.id} is gone", code="item_not_found")
            data = item_content(s, item, max_bytes=opts.max_bytes)
    except (SafeguardError, OSError) as e:
        failed.error = f"cannot read item {w.id} from its source: {e}"
        failed.error_code = getattr(e, "code", "unreadable")
        return failed
    if w.sha256 is not None and hashlib.sha256(data).hexdigest() != w.sha256:
        # The bank must hold what the examiner categorised, not what the media holds now.
        failed.error = f"item {w.id} differs from what the run hashed: the source changed"
        failed.error_code = "source_changed"
        return failed
    name = PurePosixPath(w.path).name or f"item-{w.id}"
    hashed = hash_bytes(name, data, media_hash_options(opts.media))
    hashed.path = w.path
    if hashed.kind not in MEDIA_KINDS:
        failed.kind = hashed.kind
        failed.error = f"item {w.id} is not a picture or a video"
        failed.error_code = "not_media"
        return failed
    return add_hashed(
        db,
        bank_name,
        hashed,
        external_id=external_id,
        actor=actor,
        options=opts.media,
        category=w.code,
    )


def summary_of(records: Sequence[ItemToBankRecord]) -> dict[str, int]:
    """Totals of a run, for the command line."""
    return {
        "items": len(records),
        "added": sum(r.media.added for r in records),
        "regions": sum(r.media.regions for r in records),
        "errors": sum(r.media.error is not None for r in records),
    }

"""Bank entries: the one module that writes them.

Adding entries (from an import, a case confirmed to a bank, the API, pictures imported as
media), their region rows (``add_regions``: PDQ of crops, linked to the whole-picture
entry, never listed or exported as items), disabling and re-enabling them, and the index
change log rows that tell every matcher about it all happen here, in the caller's
transaction. Inserts skip values already in the bank, so
adding the same list twice adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks.formats import ExportEntry, ParsedEntry
from safeguard.banks.formats.values import parse_value
from safeguard.banks.lists import BankError, get_bank
from safeguard.signals.pdq import PdqHash
from safeguard.signals.regions import REGION_SIGNAL, REGIONS
from safeguard.store.models import Bank, Entry, EntryFeatures, IndexChange


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A signal to add to a bank, with the metadata it carries there."""

    signal_type: str
    value: str
    external_id: str | None = None
    category: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class NewRegion:
    """The PDQ (hex) of one region (a key of ``signals.regions.REGIONS``) of a picture."""

    region: str
    value: str


def insert_ignoring_duplicates(bind: Engine | Connection) -> sqlite.Insert | postgresql.Insert:
    """A Core INSERT that skips rows already in the bank, run as an executemany.

    Executed with a list of parameter dicts, SQLAlchemy compiles it once and batches the
    rows itself ("insertmanyvalues"); building one ``.values(rows)`` statement per batch
    instead spent ~200 µs a line compiling SQL (bench/bank_import)."""
    dialect = bind.dialect.name
    table = cast(Table, Entry.__table__)
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(
            index_elements=["bank_id", "signal_type", "value"]
        )
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(
            index_elements=["bank_id", "signal_type", "value"]
        )
    raise BankError(f"unsupported database {dialect!r}: use SQLite or PostgreSQL")


def entry_count(session: Session, bank_id: int) -> int:
    return int(session.scalar(select(func.count()).where(Entry.bank_id == bank_id)) or 0)


def entry_row(bank_id: int, e: ParsedEntry, now: datetime) -> dict[str, object]:
    return {
        "bank_id": bank_id,
        "signal_type": e.signal_type,
        "value": e.value,
        "external_id": e.external_id,
        "category": e.category,
        "note": e.note,
        "added_at": now,
        "disabled": False,
    }


def add_entries(
    session: Session, bank_name: str, entries: Iterable[NewEntry], *, actor: str
) -> int:
    """Add signals to a bank in the caller's transaction; values already there are kept
    (and re-enabled if they were disabled). Returns how many rows were new. Raises
    ``InvalidSignal`` for a malformed value before writing anything."""
    target = get_bank(session, bank_name)
    now = datetime.now(UTC)
    rows = []
    for e in entries:
        kind, value = parse_value(e.value, e.signal_type)
        parsed = ParsedEntry(kind, value, 0, e.external_id, e.category, e.note)
        rows.append(entry_row(target.id, parsed, now))
    if not rows:
        return 0
    before = entry_count(session, target.id)
    session.execute(insert_ignoring_duplicates(session.connection()), rows)
    added = entry_count(session, target.id) - before
    _reenable(session, target, rows)
    audit.record(session, actor, "entries.add", target.name, {"read": len(rows), "added": added})
    return added


def add_regions(
    session: Session, bank_name: str, parent_pdq: str, regions: Iterable[NewRegion]
) -> int:
    """Add region rows to the bank's whole-picture PDQ entry ``parent_pdq`` (which must be
    there: add it first), in the caller's transaction; a region hash already in the bank
    (this entry's or another's) is kept as it is. Returns how many rows were new."""
    target = get_bank(session, bank_name)
    parent_value = PdqHash.from_hex(parent_pdq).hex
    parent = session.scalar(
        select(Entry.id).where(
            Entry.bank_id == target.id, Entry.signal_type == "pdq", Entry.value == parent_value
        )
    )
    if parent is None:
        raise BankError(f"no PDQ entry {parent_value} in {bank_name!r} to add regions to")
    now = datetime.now(UTC)
    rows: list[dict[str, object]] = []
    for r in regions:
        if r.region not in REGIONS:
            raise BankError(f"unknown region {r.region!r}")
        row = entry_row(
            target.id, ParsedEntry(REGION_SIGNAL, PdqHash.from_hex(r.value).hex, 0), now
        )
        rows.append(row | {"parent_id": parent, "region": r.region})
    if not rows:
        return 0
    before = entry_count(session, target.id)
    session.execute(insert_ignoring_duplicates(session.connection()), rows)
    return entry_count(session, target.id) - before


def put_local_features(
    session: Session, bank_name: str, parent_pdq: str, data: bytes, *, kind: str = "orb"
) -> bool:
    """Keep the local features (``signals.local.OrbFeatures.to_bytes``) of the picture
    behind the bank's PDQ entry ``parent_pdq``, replacing any kept before. Returns False
    when there is no such entry."""
    target = get_bank(session, bank_name)
    parent = session.scalar(
        select(Entry.id).where(
            Entry.bank_id == target.id,
            Entry.signal_type == "pdq",
            Entry.value == PdqHash.from_hex(parent_pdq).hex,
        )
    )
    if parent is None:
        return False
    row = session.get(EntryFeatures, parent)
    if row is None:
        session.add(EntryFeatures(entry_id=parent, kind=kind, data=data))
    else:
        row.kind, row.data = kind, data
    # Matchers widen their verification search to this entry (``Matcher.refresh``).
    session.add(IndexChange(op="entry_features_kept", bank_id=target.id, entry_id=parent))
    return True


def _reenable(session: Session, bank: Bank, rows: Sequence[dict[str, Any]]) -> None:
    for r in rows:
        entry = session.scalar(
            select(Entry).where(
                Entry.bank_id == bank.id,
                Entry.signal_type == r["signal_type"],
                Entry.value == r["value"],
                Entry.disabled.is_(True),
            )
        )
        if entry is not None:
            entry.disabled = False
            session.add(IndexChange(op="entry_enabled", bank_id=bank.id, entry_id=entry.id))


def disable_entries_by_id(session: Session, ids: Iterable[int]) -> int:
    """Disable these entries (a case found them false positives); returns how many changed."""
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    changed = 0
    for entry in session.scalars(select(Entry).where(Entry.id.in_(wanted))):
        if not entry.disabled:
            entry.disabled = True
            session.add(IndexChange(op="entry_disabled", bank_id=entry.bank_id, entry_id=entry.id))
            changed += 1
    return changed


def set_entries_disabled(
    session: Session,
    name: str,
    values: Iterable[tuple[str | None, str]],
    disabled: bool,
    actor: str,
) -> tuple[int, list[str]]:
    """Disable (or re-enable) entries given as (type or None, value). Returns how many
    changed, and the values that are not in the bank."""
    bank = get_bank(session, name)
    changed = 0
    missing: list[str] = []
    for declared, raw in values:
        kind, value = parse_value(raw, declared)
        entry = session.scalar(
            select(Entry).where(
                Entry.bank_id == bank.id, Entry.signal_type == kind, Entry.value == value
            )
        )
        if entry is None:
            missing.append(value)
            continue
        if entry.disabled != disabled:
            entry.disabled = disabled
            session.add(
                IndexChange(
                    op="entry_disabled" if disabled else "entry_enabled",
                    bank_id=bank.id,
                    entry_id=entry.id,
                )
            )
            changed += 1
    audit.record(
        session,
        actor,
        "entries.disable" if disabled else "entries.enable",
        name,
        {"changed": changed, "missing": len(missing)},
    )
    return changed, missing


def iter_entries(
    session: Session, bank: Bank, *, types: Iterable[str] | None = None, batch: int = 10_000
) -> Iterator[ExportEntry]:
    """Every enabled entry of a bank in id order, fetched in batches (region rows are not
    entries of their own: they are left out)."""
    wanted = list(types) if types else None
    last = 0
    while True:
        q = (
            select(Entry)
            .where(
                Entry.bank_id == bank.id,
                Entry.id > last,
                Entry.disabled.is_(False),
                Entry.parent_id.is_(None),  # region rows are part of their entry
            )
            .order_by(Entry.id)
            .limit(batch)
        )
        if wanted:
            q = q.where(Entry.signal_type.in_(wanted))
        rows = session.scalars(q).all()
        if not rows:
            return
        for e in rows:
            yield ExportEntry(e.signal_type, e.value, e.external_id, e.category, e.note)
        last = rows[-1].id


def page_entries(
    session: Session, bank: Bank, *, after: int = 0, limit: int = 100, needle: str = ""
) -> list[Entry]:
    """Entries in id order after ``after``, disabled ones included; ``needle`` keeps those
    whose value (any case) or external id is exactly it."""
    query = select(Entry).where(
        Entry.bank_id == bank.id, Entry.id > after, Entry.parent_id.is_(None)
    )
    if needle:
        query = query.where(or_(Entry.value == needle.lower(), Entry.external_id == needle))
    return list(session.scalars(query.order_by(Entry.id).limit(limit)))


@dataclass(frozen=True, slots=True)
class EntryState:
    """What an entry should be after a write: its value, metadata and disabled flag (an
    entry mirrored from another instance's list)."""

    signal_type: str
    value: str
    external_id: str | None = None
    category: str | None = None
    note: str | None = None
    disabled: bool = False


_MUTABLE = ("external_id", "category", "note", "disabled")


def put_entry_states(
    session: Session, bank: Bank, states: Sequence[EntryState], *, chunk: int = 2000
) -> list[int]:
    """Make each (type, value) of ``bank`` have exactly the given metadata and disabled
    flag, adding the missing ones in bulk, in the caller's transaction. Returns the entry
    ids in the order of ``states``. Disable and enable changes go to the index change log;
    metadata changes are logged as ``entry_updated``. Raises ``InvalidSignal`` for a
    malformed value before writing anything."""
    now = datetime.now(UTC)
    rows: list[dict[str, object]] = []
    for s in states:
        kind, value = parse_value(s.value, s.signal_type)
        row = entry_row(
            bank.id, ParsedEntry(kind, value, 0, s.external_id, s.category, s.note), now
        )
        row["disabled"] = s.disabled
        rows.append(row)
    if not rows:
        return []
    session.execute(insert_ignoring_duplicates(session.connection()), rows)
    ids: list[int] = []
    updates: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    found: dict[tuple[str, str], Any] = {}
    by_type: dict[str, list[str]] = {}
    for r in rows:
        by_type.setdefault(str(r["signal_type"]), []).append(str(r["value"]))
    for kind, values in by_type.items():
        # (bank, type, value) is the unique index: each lookup is a seek, not a scan.
        for start in range(0, len(values), chunk):
            found.update(
                ((r.signal_type, r.value), r)
                for r in session.execute(
                    select(
                        Entry.id,
                        Entry.signal_type,
                        Entry.value,
                        Entry.external_id,
                        Entry.category,
                        Entry.note,
                        Entry.disabled,
                    ).where(
                        Entry.bank_id == bank.id,
                        Entry.signal_type == kind,
                        Entry.value.in_(values[start : start + chunk]),
                    )
                )
            )
    for row in rows:
        have = found[(str(row["signal_type"]), str(row["value"]))]
        ids.append(have.id)
        if any(getattr(have, f) != row[f] for f in _MUTABLE):
            updates.append({"b_id": have.id, **{f: row[f] for f in _MUTABLE}})
            if have.disabled != row["disabled"]:
                op = "entry_disabled" if row["disabled"] else "entry_enabled"
            else:
                op = "entry_updated"
            changes.append({"op": op, "bank_id": bank.id, "entry_id": have.id, "at": now})
    if updates:
        table = cast(Table, Entry.__table__)
        session.connection().execute(
            update(table).where(table.c.id == bindparam("b_id")),
            updates,
        )
        session.connection().execute(insert(cast(Table, IndexChange.__table__)), changes)
    return ids


def set_entry_metadata(
    session: Session,
    name: str,
    values: Iterable[tuple[str | None, str]],
    *,
    actor: str,
    category: str | None = None,
    external_id: str | None = None,
    note: str | None = None,
) -> int:
    """Change the metadata of entries given as (type or None, value); fields left None are
    kept. Logged as ``entry_updated`` (subscribers of a feed of this bank see it). Returns
    how many changed."""
    bank = get_bank(session, name)
    changed = 0
    for declared, raw in values:
        kind, value = parse_value(raw, declared)
        entry = session.scalar(
            select(Entry).where(
                Entry.bank_id == bank.id, Entry.signal_type == kind, Entry.value == value
            )
        )
        if entry is None:
            continue
        before = (entry.category, entry.external_id, entry.note)
        if category is not None:
            entry.category = category
        if external_id is not None:
            entry.external_id = external_id
        if note is not None:
            entry.note = note
        if (entry.category, entry.external_id, entry.note) != before:
            session.add(IndexChange(op="entry_updated", bank_id=bank.id, entry_id=entry.id))
            changed += 1
    audit.record(session, actor, "entries.update", name, {"changed": changed})
    return changed

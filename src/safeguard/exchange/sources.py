"""Lists pulled from external exchanges (NCMEC, StopNCII, ThreatExchange-style files) into
local banks through ``exchange.adapters``.

``sync_source`` asks the source's adapter for pages after the stored checkpoint and writes
each page with its new checkpoint in one transaction: the page's records replace what
those records brought before, a deleted record withdraws its entries (disabled, unless
another record of the source still lists them), and a complete page (a whole file)
withdraws every record not in it. An adapter failure (refused credentials, a malformed
answer) stops the sync at that page with nothing of it written; the error is kept on the
source and the next sync resumes at the checkpoint. Reviewers' opinions of entries from
a source (``opinions``) are reported to its exchange first, where it takes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks.entries import EntryState, disable_entries_by_id, put_entry_states
from safeguard.banks.lists import get_bank
from safeguard.exchange import adapters
from safeguard.exchange.adapters.base import (
    ExchangeAdapter,
    ExternalRecord,
    ExternalSignal,
    FetchedPage,
    Opinion,
)
from safeguard.exchange.errors import (
    AdapterSettingsInvalid,
    ExchangeError,
    OpinionsUnsupported,
    SourceExists,
    SourceNotFound,
)
from safeguard.store.db import Database
from safeguard.store.models import (
    Bank,
    ExchangeSource,
    ExchangeSourceOutbox,
    ExchangeSourceRecord,
)

MAX_PAGES_PER_SYNC = 100_000
_CHUNK = 500

AdapterFactory = Callable[[str, Mapping[str, Any], Mapping[str, str]], ExchangeAdapter]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    name: str
    kind: str
    bank: str
    config: dict[str, Any]
    checkpoint: dict[str, Any] | None
    last_sync_at: datetime | None
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "bank": self.bank,
            "config": self.config,
            "checkpoint": self.checkpoint,
            "last_sync_at": self.last_sync_at.isoformat() if self.last_sync_at else None,
            "last_error": self.last_error,
        }


def _info(session: Session, src: ExchangeSource) -> SourceInfo:
    bank = session.get(Bank, src.bank_id)
    return SourceInfo(
        src.id,
        src.name,
        src.kind,
        bank.name if bank else "",
        dict(src.config),
        dict(src.checkpoint) if src.checkpoint is not None else None,
        src.last_sync_at,
        src.last_error,
    )


def add_source(
    session: Session,
    name: str,
    kind: str,
    *,
    into: str,
    options: Mapping[str, Any],
    actor: str,
) -> SourceInfo:
    """Record an external source pulled into bank ``into``; its options are checked by the
    adapter (credentials kept apart, never listed). Nothing is fetched until a sync."""
    cls = adapters.adapter_class(kind)
    config, credentials = cls.split_options(options)
    bank = get_bank(session, into)
    if session.scalar(select(ExchangeSource.id).where(ExchangeSource.name == name)) is not None:
        raise SourceExists(f"a source named {name!r} exists")
    src = ExchangeSource(
        name=name,
        kind=kind,
        bank_id=bank.id,
        config=config,
        credentials=credentials,
        checkpoint=None,
        enabled=True,
    )
    session.add(src)
    session.flush()
    audit.record(
        session,
        actor,
        "exchange.source_add",
        f"source:{src.id}",
        {"name": name, "kind": kind, "bank": bank.name, "config": config},
    )
    return _info(session, src)


def list_sources(session: Session) -> list[SourceInfo]:
    return [
        _info(session, s)
        for s in session.scalars(select(ExchangeSource).order_by(ExchangeSource.id))
    ]


def remove_source(session: Session, name: str, *, actor: str) -> SourceInfo:
    """Stop pulling from a source: it, its provenance rows and its queued opinions go; the
    entries it brought stay in the bank as they are (disable or delete them there)."""
    src = session.scalar(select(ExchangeSource).where(ExchangeSource.name == name))
    if src is None:
        raise SourceNotFound(f"no source {name!r}")
    info = _info(session, src)
    session.execute(delete(ExchangeSourceOutbox).where(ExchangeSourceOutbox.source_id == src.id))
    session.execute(delete(ExchangeSourceRecord).where(ExchangeSourceRecord.source_id == src.id))
    session.delete(src)
    audit.record(session, actor, "exchange.source_remove", f"source:{info.id}", {"name": name})
    return info


def source_id(session: Session, name: str) -> int:
    found = session.scalar(select(ExchangeSource.id).where(ExchangeSource.name == name))
    if found is None:
        raise SourceNotFound(f"no source {name!r}")
    return found


@dataclass
class SourceSyncReport:
    source: str
    kind: str
    pages: int = 0
    records: int = 0
    opinions_sent: int = 0
    deleted: int = 0
    disabled_entries: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "pages": self.pages,
            "records": self.records,
            "opinions_sent": self.opinions_sent,
            "deleted": self.deleted,
            "disabled_entries": self.disabled_entries,
            "skipped": self.skipped,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class PageApplied:
    records: int
    deleted: int
    disabled_entries: int


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def apply_page(
    db: Database,
    source: int,
    page: FetchedPage,
    expected_checkpoint: dict[str, Any] | None,
    actor: str,
) -> PageApplied:
    """Write one page and its checkpoint in one transaction (see the module docstring).
    Refused with nothing written if the checkpoint moved meanwhile (another sync)."""
    latest: dict[str, ExternalRecord] = {}
    for record in page.records:
        latest[record.key] = record  # a later record of the same key replaces an earlier one
    with db.session() as session:
        src = session.scalar(
            select(ExchangeSource).where(ExchangeSource.id == source).with_for_update()
        )
        if src is None:
            raise SourceNotFound(f"no source {source}")
        if src.checkpoint != expected_checkpoint:
            raise ExchangeError("the source's checkpoint moved while fetching (another sync ran)")
        bank = session.get(Bank, src.bank_id)
        if bank is None:
            raise SourceNotFound(f"the bank of source {src.name} is gone")
        links = ExchangeSourceRecord
        table = cast(Table, links.__table__)
        # The links these records (or, for a whole list, all of the source's) had before:
        # (key, entry) -> link id. Only the difference is written afterwards.
        old: dict[tuple[str, int], int] = {}
        if page.complete:
            query = select(links.id, links.record_key, links.entry_id).where(
                links.source_id == src.id
            )
            old.update(((k, e), i) for i, k, e in session.execute(query))
        else:
            for chunk in _chunks(list(latest)):
                query = select(links.id, links.record_key, links.entry_id).where(
                    links.source_id == src.id, links.record_key.in_(chunk)
                )
                old.update(((k, e), i) for i, k, e in session.execute(query))
        live = [r for r in latest.values() if not r.deleted]
        states = [
            EntryState(s.signal_type, s.value, r.key[:200], r.category, r.note, r.disabled)
            for r in live
            for s in r.signals
        ]
        ids = put_entry_states(session, bank, states)
        pairs = {
            (r.key, entry_id)
            for r, entry_id in zip((r for r in live for _ in r.signals), ids, strict=True)
        }
        stale = sorted(i for pair, i in old.items() if pair not in pairs)
        for start in range(0, len(stale), _CHUNK):
            session.execute(delete(table).where(table.c.id.in_(stale[start : start + _CHUNK])))
        added = sorted(pair for pair in pairs if pair not in old)
        if added:
            session.execute(
                insert(table),
                [{"source_id": src.id, "record_key": k, "entry_id": e} for k, e in added],
            )
        # Entries no record of this source lists any more are withdrawn (disabled).
        candidates = sorted({e for (_, e) in old} - {e for _, e in pairs})
        disabled = 0
        for start in range(0, len(candidates), _CHUNK):
            some = candidates[start : start + _CHUNK]
            still = set(
                session.scalars(
                    select(links.entry_id).where(
                        links.source_id == src.id, links.entry_id.in_(some)
                    )
                )
            )
            disabled += disable_entries_by_id(session, [e for e in some if e not in still])
        deleted = sum(1 for r in latest.values() if r.deleted)
        src.checkpoint = page.checkpoint
        src.last_sync_at = datetime.now(UTC)
        src.last_error = None
        audit.record(
            session,
            actor,
            "exchange.source_sync",
            f"source:{src.id}",
            {
                "name": src.name,
                "records": len(latest),
                "deleted": deleted,
                "disabled_entries": disabled,
                "skipped": page.skipped,
                "bank": bank.name,
            },
        )
    return PageApplied(len(latest), deleted, disabled)


def send_opinions(db: Database, source: int, adapter: ExchangeAdapter) -> int:
    """Report the opinions queued for this source (oldest first); returns how many the
    exchange took. One the adapter cannot send (no such fingerprint, no feedback key) keeps
    its error and is not retried; a refused or failed request stops here, to be retried."""
    with db.session() as session:
        pending = session.execute(
            select(
                ExchangeSourceOutbox.id,
                ExchangeSourceOutbox.record_key,
                ExchangeSourceOutbox.signal_type,
                ExchangeSourceOutbox.value,
                ExchangeSourceOutbox.opinion,
            )
            .where(
                ExchangeSourceOutbox.source_id == source,
                ExchangeSourceOutbox.sent_at.is_(None),
                ExchangeSourceOutbox.error.is_(None),
            )
            .order_by(ExchangeSourceOutbox.id)
            .limit(1000)
        ).all()
    sent = 0
    for row in pending:
        opinion: Opinion = "confirmed" if row.opinion == "confirmed" else "false_positive"
        error: str | None = None
        try:
            adapter.report_opinion(
                row.record_key, ExternalSignal(row.signal_type, row.value), opinion
            )
            sent += 1
        except (AdapterSettingsInvalid, OpinionsUnsupported) as e:
            error = str(e)
        with db.session() as session:
            item = session.get(ExchangeSourceOutbox, row.id)
            if item is not None:
                item.sent_at = datetime.now(UTC) if error is None else None
                item.error = error
    return sent


def _fail(db: Database, source: int, message: str) -> None:
    with db.session() as session:
        src = session.get(ExchangeSource, source)
        if src is not None:
            src.last_error = message[:2000]


def sync_source(
    db: Database,
    source: int,
    *,
    actor: str = "exchange-sync",
    factory: AdapterFactory = adapters.build,
) -> SourceSyncReport:
    """Pull and apply pages until the adapter has no more; a failure stops at the page it
    happened on (earlier pages stay applied) and is in the report's and source's error."""
    with db.session() as session:
        src = session.get(ExchangeSource, source)
        if src is None:
            raise SourceNotFound(f"no source {source}")
        name, kind = src.name, src.kind
        config, credentials = dict(src.config), dict(src.credentials)
        checkpoint = dict(src.checkpoint) if src.checkpoint is not None else None
    report = SourceSyncReport(name, kind)
    try:
        adapter = factory(kind, config, credentials)
        if adapter.takes_opinions:
            report.opinions_sent = send_opinions(db, source, adapter)
        pages = adapter.fetch(checkpoint)
        for _, page in zip(range(MAX_PAGES_PER_SYNC), pages, strict=False):
            applied = apply_page(db, source, page, checkpoint, actor)
            checkpoint = page.checkpoint
            report.pages += 1
            report.records += applied.records
            report.deleted += applied.deleted
            report.disabled_entries += applied.disabled_entries
            for reason, n in page.skipped.items():
                report.skipped[reason] = report.skipped.get(reason, 0) + n
    except ExchangeError as e:
        report.error = str(e)
        _fail(db, source, f"{e.code}: {e}")
    return report


def sync_sources(
    db: Database, *, actor: str = "exchange-sync", factory: AdapterFactory = adapters.build
) -> list[SourceSyncReport]:
    with db.session() as session:
        ids = list(
            session.scalars(
                select(ExchangeSource.id)
                .where(ExchangeSource.enabled.is_(True))
                .order_by(ExchangeSource.id)
            )
        )
    return [sync_source(db, i, actor=actor, factory=factory) for i in ids]

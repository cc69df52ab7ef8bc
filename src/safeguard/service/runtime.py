"""What one worker process holds while it serves: the database, its own ``Matcher`` kept in
step with the store by a background thread, the webhook deliverer, and the evidence store.

The same thread purges kept evidence past its retention period, at start and then every
``PURGE_EVERY_SECONDS`` (when the deployment keeps evidence at all); ``safeguard evidence
purge`` does the same on demand. Two workers purging at once cannot both delete a row: the
loser's transaction fails and is rolled back, and it tries again next time.

Several workers each hold their own matcher. A refresher thread calls ``Matcher.refresh``
(incremental: new entries by id, disables through the change log) every
``refresh_seconds``, so a bank change made through any worker, or the CLI, reaches every
worker within a few seconds without a restart. The first load (a snapshot from the data
dir, then catching up) runs on that thread too, so ``/healthz`` answers at once and
``/readyz`` says when matching is possible.
"""

from __future__ import annotations

import gc
import json
import logging
import threading
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, text

from safeguard.exchange import opinions as exchange_opinions
from safeguard.exchange import signing as exchange_signing
from safeguard.exchange.subscriber import Syncer
from safeguard.matching.matcher import Matcher
from safeguard.review.check import Checker
from safeguard.review.evidence import EvidenceStore
from safeguard.review.webhooks import Deliverer
from safeguard.service.settings import ServiceSettings
from safeguard.signals.budget import DecodeBudget
from safeguard.store.db import Database, open_database
from safeguard.store.models import Entry, IndexChange

log = logging.getLogger(__name__)

#: How often a worker looks for evidence past its retention period.
PURGE_EVERY_SECONDS = 3600.0
PURGE_ACTOR = "retention-job"


@dataclass(frozen=True, slots=True)
class IndexStatus:
    ready: bool
    entries: dict[str, int]
    pdq_pending_merge: int
    last_entry_id: int
    last_change_seq: int
    database_last_entry_id: int
    database_last_change_seq: int
    radius: int
    refreshed_seconds_ago: float | None
    last_error: str | None


class Runtime:
    def __init__(self, settings: ServiceSettings, db: Database | None = None) -> None:
        self.settings = settings
        self.db = db or open_database(settings.db_url)
        self._owns_db = db is None
        self.evidence = EvidenceStore(settings)
        self.evidence.check()
        self.deliverer = Deliverer(self.db, settings.webhooks)
        #: Every image decode of this process reserves its memory here first.
        self.decode_budget = DecodeBudget(
            settings.decode_budget_bytes,
            per_image=settings.max_decode_bytes,
            wait=settings.decode_wait_seconds,
        )
        self._matcher: Matcher | None = None
        self._matcher_ready = threading.Event()
        self._stop = threading.Event()
        self._refresh_lock = threading.Lock()
        self._refresher: threading.Thread | None = None
        self.last_refresh: float | None = None
        self.last_error: str | None = None
        self._next_purge = 0.0
        self._exchange_key: Ed25519PrivateKey | None = None
        self.syncer: Syncer | None = None
        exchange_opinions.install()

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        if self.settings.run_refresher:
            self._refresher = threading.Thread(
                target=self._refresh_loop, name="matcher-refresh", daemon=True
            )
            self._refresher.start()
        else:
            self.load_matcher()
        if self.settings.run_deliverer:
            self.deliverer.start()
        if self.settings.run_exchange_sync and self.settings.exchange_sync_seconds > 0:
            self.syncer = Syncer(
                self.db, self.settings.data_dir, self.settings.exchange_sync_seconds
            )
            self.syncer.start()

    def stop(self) -> None:
        self._stop.set()
        if self._refresher is not None:
            self._refresher.join(timeout=10)
        self.deliverer.stop()
        if self.syncer is not None:
            self.syncer.stop()
        if self._owns_db:
            self.db.dispose()

    def exchange_key(self) -> Ed25519PrivateKey:
        """This instance's Ed25519 key that signs feed pages (made on first use)."""
        if self._exchange_key is None:
            self._exchange_key = exchange_signing.load_or_create_key(self.settings.data_dir)
        return self._exchange_key

    # --- the matcher -------------------------------------------------------------------

    def load_matcher(self) -> Matcher:
        with self._refresh_lock:
            if self._matcher is None:
                self._matcher = Matcher.open(self.db, self.settings.base.index_dir)
                self._matcher.regions = self.settings.regions
                self._matcher.local_search = self.settings.local_search
                self._matcher.whole_overlap = self.settings.whole_overlap
                self.last_refresh = time.monotonic()
                if self.settings.freeze_gc:
                    gc.freeze()  # see ServiceSettings.freeze_gc
                self._matcher_ready.set()
            return self._matcher

    def checker(self) -> Checker | None:
        """The central check operation over this worker's matcher (None while it loads)."""
        matcher = self.matcher
        if matcher is None:
            return None
        return Checker(
            self.db,
            matcher,
            default_action=self.settings.default_action,
            dihedral=self.settings.dihedral,
            variants=self.settings.variants,
            verify=self.settings.verify,
            keeper=self.evidence,
        )

    @property
    def matcher(self) -> Matcher | None:
        """The matcher once loaded (None while the first load runs)."""
        return self._matcher if self._matcher_ready.is_set() else None

    def refresh(self) -> int:
        """Catch up with the store now; returns entries added."""
        matcher = self.load_matcher()
        with self._refresh_lock:
            added = matcher.refresh()
            self.last_refresh = time.monotonic()
            return added

    def _refresh_loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.refresh()
                self.last_error = None
            except Exception as e:  # keep serving the index we have; say so in /readyz
                log.exception("matcher refresh failed")
                self.last_error = f"{type(e).__name__}: {e}"
            self.purge_evidence_if_due(time.monotonic())
            self._stop.wait(self.settings.refresh_seconds)

    def purge_evidence_if_due(self, now: float) -> list[int] | None:
        """Purge evidence past retention when the last purge is ``PURGE_EVERY_SECONDS``
        old; returns the cases purged, or None when it was not due (or evidence is off)."""
        if not self.settings.evidence.enabled or now < self._next_purge:
            return None
        self._next_purge = now + PURGE_EVERY_SECONDS
        try:
            with self.db.session() as session:
                purged = self.evidence.purge(session, actor=PURGE_ACTOR)
        except Exception:  # another worker purged the same rows, or the database is away
            log.exception("evidence purge failed; trying again later")
            return []
        if purged:
            log.info("purged the evidence of %d case(s) past retention", len(purged))
        return purged

    def wait_ready(self, timeout: float) -> bool:
        return self._matcher_ready.wait(timeout)

    # --- health ------------------------------------------------------------------------

    def database_ok(self) -> bool:
        try:
            with self.db.session() as s:
                s.execute(text("SELECT 1"))
        except Exception:  # any failure to reach the database means not ready
            log.exception("database check failed")
            return False
        return True

    def index_status(self) -> IndexStatus:
        with self.db.session() as s:
            newest = int(s.scalar(select(func.max(Entry.id))) or 0)
            seq = int(s.scalar(select(func.max(IndexChange.seq))) or 0)
        m = self.matcher
        ago = None if self.last_refresh is None else time.monotonic() - self.last_refresh
        if m is None:
            return IndexStatus(False, {}, 0, 0, 0, newest, seq, 31, ago, self.last_error)
        entries = {"pdq": len(m.pdq), **{t: len(i) for t, i in m.exact.items()}}
        return IndexStatus(
            True,
            entries,
            m.pdq.pending,
            m.mark.last_entry_id,
            m.mark.last_change_seq,
            newest,
            seq,
            m.radius,
            ago,
            self.last_error,
        )


def prepare_index(settings: ServiceSettings) -> tuple[int, bool]:
    """Before starting workers: bring the snapshot in the data dir up to date, so each
    worker loads it instead of reading every entry. Returns (entries indexed, saved)."""
    state = settings.base.index_dir / "current" / "state.json"
    try:
        saved_mark = json.loads(state.read_text())
    except (OSError, ValueError):
        saved_mark = {}
    db = open_database(settings.db_url)
    try:
        before = time.monotonic()
        matcher = Matcher.open(db, settings.base.index_dir)
        total = len(matcher.pdq) + sum(len(i) for i in matcher.exact.values())
        stale = (
            saved_mark.get("last_entry_id") != matcher.mark.last_entry_id
            or saved_mark.get("last_change_seq") != matcher.mark.last_change_seq
        )
        if stale and total:
            matcher.pdq.merge()
            matcher.save_snapshot()
        log.info("index ready: %d entries in %.1f s", total, time.monotonic() - before)
        return total, stale and total > 0
    finally:
        db.dispose()

"""Running a triage case on Dask: verify the sources, hash every file on workers, match
and pre-categorise here, write each batch in one transaction, then build the stacks.

The order of a run, every time it is started:

1. each source not yet hashed is hashed whole (``hash_before``); an E01's stored
   acquisition hashes are checked against its media, and a mismatch stops the run;
2. the sources are walked; files whose item is already in the store are skipped, so a run
   killed at any point (``kill -9`` included) resumes where its last transaction ended,
   losing nothing and writing nothing twice (items are unique per source and location);
3. workers read and hash (``triage.worker``); this process matches each record against the
   banks, takes the category of what it matched, and inserts the batch's items together,
   an archive's members with the archive;
4. when every file is in, each source is hashed again (``hash_after``), the stacks are
   built and the case is done.

The index stays in this process, as in ``safeguard scan``; workers only read and hash.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import event, func, insert, select
from sqlalchemy.exc import IntegrityError

from safeguard import audit
from safeguard.errors import Conflict, InvalidInput, SafeguardError
from safeguard.matching.matcher import Match, Matcher
from safeguard.scan.archives import ArchiveLimits
from safeguard.scan.cluster import dask_client, distributed
from safeguard.scan.runner import hashes_of
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.media import FileHashes, HashOptions
from safeguard.signals.types import FILE_DIGESTS
from safeguard.store.db import Database
from safeguard.store.models.triage import TriageItem, TriageSource
from safeguard.triage import categories, sources
from safeguard.triage.case import case_sources, get_case, source_ref, subject
from safeguard.triage.known import KnownDigests, load_known
from safeguard.triage.sources import FoundFile, SourceRef, carved_offset, item_key
from safeguard.triage.stacks import build_stacks
from safeguard.triage.worker import (
    Record,
    failed_record,
    hash_files,
    prepare_worker,
    share_pictures,
)

MiB = 1 << 20
#: SQLite page cache of a run's connections, in KiB (the store's default is 64 MiB each):
#: a case's items and their key index grow without bound, and a cache that fills with them
#: is memory that grows with the number of files (docs/benchmarks.md).
RUN_PAGE_CACHE_KIB = 4096
_DATETIME_FIELDS = ("created", "modified", "accessed", "changed")


class TriageRunError(SafeguardError):
    """The run cannot start or go on (cluster, evidence that changed)."""

    code = "triage_run_failed"


class Hasher(Protocol):
    """What a task runs: ``worker.hash_files`` (swappable for tests)."""

    def __call__(
        self,
        ref: SourceRef,
        files: Sequence[FoundFile],
        options: HashOptions,
        limits: ArchiveLimits,
        known: KnownDigests | None = None,
    ) -> list[Record]: ...


#: What a run computes unless told otherwise: every signal, pictures decoded only as far as
#: PDQ needs (``signals.decode.decode_for_pdq``; measured in docs/signals.md).
TRIAGE_OPTIONS = HashOptions(reduced_pdq=True)


@dataclass(frozen=True, slots=True)
class TriageProgress:
    stage: str
    files_total: int
    files_done: int
    bytes_total: int
    bytes_done: int
    known: int
    unknown: int
    elapsed: float


@dataclass(slots=True)
class RunSummary:
    case: str
    files: int = 0
    items: int = 0
    bytes: int = 0
    known: int = 0
    unknown: int = 0
    deleted: int = 0
    #: Items carved from unallocated or unpartitioned space (``triage.carve``).
    carved: int = 0
    errors: int = 0
    already_done: int = 0
    stacks: int = 0
    workers: int = 0
    elapsed: float = 0.0
    hashing_s: float = 0.0
    #: The part of ``hashing_s`` spent waiting for the Dask cluster to start (it starts
    #: while the sources are verified and counted, ``cluster_start_s`` in all).
    cluster_s: float = 0.0
    cluster_start_s: float = 0.0
    verify_s: float = 0.0
    sources_unchanged: bool = True
    error_codes: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "files": self.files,
            "items": self.items,
            "bytes": self.bytes,
            "known": self.known,
            "unknown": self.unknown,
            "deleted": self.deleted,
            "carved": self.carved,
            "errors": self.errors,
            "error_codes": dict(sorted(self.error_codes.items())),
            "already_done": self.already_done,
            "stacks": self.stacks,
            "workers": self.workers,
            "elapsed_s": round(self.elapsed, 3),
            "hashing_s": round(self.hashing_s, 3),
            "cluster_s": round(self.cluster_s, 3),
            "cluster_start_s": round(self.cluster_start_s, 3),
            "verify_s": round(self.verify_s, 3),
            "files_per_s": round(self.files / self.hashing_s, 2) if self.hashing_s else 0.0,
            "mb_per_s": round(self.bytes / MiB / self.hashing_s, 3) if self.hashing_s else 0.0,
            "sources_unchanged": self.sources_unchanged,
        }


@dataclass(slots=True)
class _Unit:
    source_id: int
    ref: SourceRef
    files: list[FoundFile]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    def split(self) -> list[_Unit]:
        return [_Unit(self.source_id, self.ref, [f]) for f in self.files]


def run_case(
    db: Database,
    name: str,
    *,
    matcher: Matcher | None,
    actor: str,
    options: HashOptions | None = None,
    limits: ArchiveLimits | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[TriageProgress], None] | None = None,
    batch_size: int = 128,
    batch_bytes: int = 64 * MiB,
    verify_after: bool = True,
    hasher: Hasher = hash_files,
    skip_known_pdq: bool = True,
    carve: bool = False,
) -> RunSummary:
    """Run (or resume) case ``name``; see the module docstring for the order of work.

    ``skip_known_pdq``: pictures whose MD5 or SHA-1 is already in a blocking bank are not
    decoded for PDQ (they are known whatever their PDQ). ``carve``: disk images' unallocated
    and unpartitioned space is also carved for pictures and videos (``triage.carve``);
    carved items are listed under ``$CarvedFiles`` with their offset in the image. Off
    here; the CLI turns it on unless ``--no-carve``."""
    started = time.perf_counter()
    options = options or TRIAGE_OPTIONS
    limits = limits or ArchiveLimits()
    summary = RunSummary(case=name)
    tracker = _Tracker(summary, started, progress)
    with db.session() as s:
        case = get_case(s, name)
        case_id, scheme = case.id, case.scheme
        case.status = "running"
        todo = [(src.id, source_ref(src), src.hash_before) for src in case_sources(s, case)]
        summary.already_done = int(
            s.scalar(select(func.count(TriageItem.id)).where(TriageItem.case_id == case_id)) or 0
        )
        audit.record(
            s,
            actor,
            "triage_run_started",
            subject(case),
            {
                "workers": workers,
                "scheduler": scheduler,
                "resumed": summary.already_done > 0,
                "pdq_decoding": _pdq_decoding(options),
                "skip_known_pdq": skip_known_pdq,
                "carve": carve,
            },
        )
        known = load_known(s) if skip_known_pdq and matcher is not None else None
    # The cluster starts on its own thread while this one verifies and counts the sources:
    # its worker processes take about a second to start and import, time in which this
    # process reads the whole image anyway.
    images = [ref for _, ref, _ in todo if ref.kind in ("raw", "e01")]
    cluster = _ClusterStart(workers, scheduler, images)
    try:
        with cluster:
            verifying = time.perf_counter()
            unreadable: set[int] = set()
            for source_id, ref, before in todo:
                if before is None:
                    tracker.stage("verifying source")
                    try:
                        _hash_source(db, name, source_id, ref, actor, "before")
                    except (InvalidInput, OSError) as e:
                        _source_unreadable(db, name, source_id, ref, e, actor, summary)
                        unreadable.add(source_id)
            summary.verify_s = time.perf_counter() - verifying
            tracker.stage("counting files")
            pending = [
                (sid, ref)
                for sid, ref, _ in todo
                if sid not in unreadable and not _source_done(db, sid)
            ]
            for sid, ref in list(pending):
                files, size = 0, 0
                try:
                    for found in sources.walk(ref, carve_unallocated=carve):
                        files += 1
                        size += found.size
                except (InvalidInput, OSError) as e:
                    _source_unreadable(db, name, sid, ref, e, actor, summary)
                    unreadable.add(sid)
                    pending.remove((sid, ref))
                    continue
                tracker.files_total += files
                tracker.bytes_total += size
            tracker.stage("hashing")
            hashing = time.perf_counter()
            units = _units(db, pending, batch_size, batch_bytes, tracker, carve)
            writer = _Writer(db, case_id, scheme, matcher, summary, tracker)
            with _bounded_page_cache(db, RUN_PAGE_CACHE_KIB):
                client, n_workers = cluster.wait()
                summary.workers = n_workers
                summary.cluster_s = time.perf_counter() - hashing
                summary.cluster_start_s = cluster.start_s
                with _shared_pictures(client):
                    _run(client, units, hasher, options, limits, known, writer, 2 * n_workers + 1)
        # Every record is written; the cluster closes on its own thread meanwhile.
        summary.hashing_s = time.perf_counter() - hashing
        if verify_after:
            verifying = time.perf_counter()
            tracker.stage("verifying source")
            for source_id, ref, _ in todo:
                if source_id in unreadable:
                    continue
                unchanged = _hash_source(db, name, source_id, ref, actor, "after")
                summary.sources_unchanged &= unchanged
            summary.verify_s += time.perf_counter() - verifying
    finally:
        cluster.finish()
    tracker.stage("stacking")
    with db.session() as s:
        case = get_case(s, name)
        summary.stacks = build_stacks(s, case)
        for src in case_sources(s, case):
            src.done = True
        case.status = "done"
        case.finished_at = datetime.now(UTC)
        summary.elapsed = time.perf_counter() - started
        audit.record(s, actor, "triage_run_finished", subject(case), summary.to_json())
    tracker.stage("done")
    return summary


class _ClusterStart:
    """``dask_client`` entered on a thread of its own, so the run does other work while the
    scheduler and workers start and warm up (``worker.prepare_worker``: imports, a first
    decode, the disk images opened); ``wait()`` gives the client (or raises the start's
    error; ``start_s`` includes the warming). Leaving without an error closes the cluster
    on a thread of its own too, so the run hashes its sources again while the workers stop;
    ``finish()`` waits for that."""

    def __init__(
        self, workers: int | None, scheduler: str | None, images: Sequence[SourceRef] = ()
    ) -> None:
        self._context = dask_client(workers, scheduler, error=TriageRunError)
        self._images = [(ref.location, ref.kind) for ref in images]
        self._client: tuple[Any, int] | None = None
        self._error: BaseException | None = None
        self.start_s = 0.0
        self._thread = threading.Thread(target=self._start, name="triage-cluster", daemon=True)
        self._closing: threading.Thread | None = None

    def _start(self) -> None:
        started = time.perf_counter()
        try:
            self._client = self._context.__enter__()
            with suppress(Exception):  # warming is an optimisation: a failure costs time only
                self._client[0].run(prepare_worker, self._images)
        except BaseException as e:  # noqa: BLE001 - handed to the run's thread by wait()
            self._error = e
        self.start_s = time.perf_counter() - started

    def wait(self) -> tuple[Any, int]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._client is not None
        return self._client

    def __enter__(self) -> _ClusterStart:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self._thread.join()
        if self._client is None:
            return
        if kind is not None:  # failing: close now, so the error comes after the cleanup
            self._close()
            return
        self._closing = threading.Thread(target=self._close, name="triage-cluster-close")
        self._closing.start()

    def _close(self) -> None:
        with suppress(Exception):  # the run's outcome is decided; a slow close must not undo it
            self._context.__exit__(None, None, None)

    def finish(self) -> None:
        """Wait until the cluster is closed (when ``__exit__`` left it closing)."""
        if self._closing is not None:
            self._closing.join()
            self._closing = None


@contextmanager
def _shared_pictures(client: Any) -> Iterator[None]:
    """A folder for the run's picture cache, shared by the workers on this machine
    (``worker.PictureCache``), removed afterwards."""
    folder = tempfile.mkdtemp(prefix="safeguard-triage-pictures-")
    try:
        client.run(share_pictures, folder)
        yield
    finally:
        with suppress(Exception):  # a lost worker must not hide the run's own outcome
            client.run(share_pictures, None)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _bounded_page_cache(db: Database, kib: int) -> Iterator[None]:
    """While the run writes, every SQLite connection it takes keeps at most ``kib`` KiB of
    page cache; the store's own setting comes back for connections made afterwards."""
    if db.engine.dialect.name != "sqlite":
        yield
        return

    def bound(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA cache_size=-{int(kib)}")
        cursor.close()

    event.listen(db.engine, "checkout", bound)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", bound)


def _pdq_decoding(options: HashOptions) -> str:
    if options.reduced_pdq:
        return "reduced"
    return "fast" if options.fast else "full"


def _source_done(db: Database, source_id: int) -> bool:
    with db.session() as s:
        return bool(s.scalar(select(TriageSource.done).where(TriageSource.id == source_id)))


#: The key of the one item that stands for a source no reader could open.
SOURCE_ITEM_KEY = item_key(None, None, "<source>")


def _source_unreadable(
    db: Database,
    name: str,
    source_id: int,
    ref: SourceRef,
    error: InvalidInput | OSError,
    actor: str,
    summary: RunSummary,
) -> None:
    """A source no reader can open (a damaged E01, a device that fails): one item in its
    place carries the error (``error_code`` the reader's, e.g. ``bad_image``), the run goes
    on with the other sources, and the audit log says so. A later run tries it again (it
    has no hashes yet) and adds no second item."""
    if isinstance(error, InvalidInput):
        message, code = str(error), error.code or "bad_source"
    else:
        message, code = f"{ref.location}: cannot read the source: {error}", "unreadable_source"
    with db.session() as s:
        case = get_case(s, name)
        have = s.scalar(
            select(TriageItem.id).where(
                TriageItem.source_id == source_id, TriageItem.key == SOURCE_ITEM_KEY
            )
        )
        if have is None:
            s.add(
                TriageItem(
                    case_id=case.id,
                    source_id=source_id,
                    key=SOURCE_ITEM_KEY,
                    path=ref.location,
                    kind="other",
                    error=message,
                    error_code=code,
                )
            )
            summary.items += 1
            summary.errors += 1
            summary.error_codes[code] = summary.error_codes.get(code, 0) + 1
        audit.record(
            s,
            actor,
            "triage_source_unreadable",
            subject(case),
            {"source": ref.location, "kind": ref.kind, "error": message, "code": code},
        )


def _hash_source(
    db: Database, name: str, source_id: int, ref: SourceRef, actor: str, when: str
) -> bool:
    """Hash a source whole and record it; returns whether it is unchanged since before."""
    digests = sources.source_hashes(ref)
    acquisition = sources.verify_acquisition(ref, digests) if when == "before" else None
    layout = sources.describe(ref) if when == "before" else None
    with db.session() as s:
        case = get_case(s, name)
        src = s.get(TriageSource, source_id)
        assert src is not None
        unchanged = True
        if when == "before":
            src.hash_before = digests
            src.acquisition = acquisition
            src.layout = layout
        else:
            src.hash_after = digests
            before = src.hash_before or {}
            unchanged = all(
                before.get(k) == digests.get(k) for k in ("md5", "sha1", "sha256", "tree_sha256")
            )
        audit.record(
            s,
            actor,
            f"triage_source_hashed_{when}",
            subject(case),
            {
                "source": ref.location,
                "kind": ref.kind,
                "hashes": digests,
                "acquisition": acquisition,
                **({"unchanged": unchanged} if when == "after" else {}),
            },
        )
    if acquisition is not None and not acquisition["verified"]:
        raise Conflict(
            f"{ref.location}: the media does not match the hashes stored at acquisition "
            f"({acquisition['stored']}); not triaging an image that fails verification",
            code="acquisition_mismatch",
        )
    return unchanged


class _Tracker:
    def __init__(
        self,
        summary: RunSummary,
        started: float,
        callback: Callable[[TriageProgress], None] | None,
    ) -> None:
        self.summary = summary
        self.started = started
        self.callback = callback
        self.files_total = self.files_done = self.bytes_total = self.bytes_done = 0
        self.current = "starting"

    def stage(self, name: str) -> None:
        self.current = name
        self.report()

    def report(self) -> None:
        if self.callback is not None:
            self.callback(
                TriageProgress(
                    self.current,
                    self.files_total,
                    self.files_done,
                    self.bytes_total,
                    self.bytes_done,
                    self.summary.known,
                    self.summary.unknown,
                    time.perf_counter() - self.started,
                )
            )


def _units(
    db: Database,
    pending: list[tuple[int, SourceRef]],
    batch_size: int,
    batch_bytes: int,
    tracker: _Tracker,
    carve: bool = False,
) -> Iterator[_Unit]:
    """Batches of files not yet in the store, walked lazily (bounded memory)."""
    for source_id, ref in pending:
        batch: list[FoundFile] = []
        size = 0
        for found in sources.walk(ref, carve_unallocated=carve):
            batch.append(found)
            size += found.size
            if len(batch) >= batch_size or size >= batch_bytes:
                yield from _not_done(db, source_id, ref, batch, tracker)
                batch, size = [], 0
        if batch:
            yield from _not_done(db, source_id, ref, batch, tracker)


def _not_done(
    db: Database, source_id: int, ref: SourceRef, batch: list[FoundFile], tracker: _Tracker
) -> Iterator[_Unit]:
    keys = [f.key for f in batch]
    with db.session() as s:
        done = set(
            s.scalars(
                select(TriageItem.key).where(
                    TriageItem.source_id == source_id, TriageItem.key.in_(keys)
                )
            )
        )
    todo = [f for f in batch if f.key not in done]
    skipped = [f for f in batch if f.key in done]
    # Done by an earlier run: counted as done, so the bar starts where that run stopped.
    tracker.files_done += len(skipped)
    tracker.bytes_done += sum(f.size for f in skipped)
    if todo:
        yield _Unit(source_id, ref, todo)


class _Writer:
    """Matches a unit's records, pre-categorises them and inserts them in one transaction."""

    def __init__(
        self,
        db: Database,
        case_id: int,
        scheme: str,
        matcher: Matcher | None,
        summary: RunSummary,
        tracker: _Tracker,
    ) -> None:
        self.db = db
        self.case_id = case_id
        self.scheme = scheme
        self.matcher = matcher
        self.summary = summary
        self.tracker = tracker

    def write(self, unit: _Unit, records: list[Record]) -> None:
        rows = [self._row(unit.source_id, r) for r in records]
        try:
            with self.db.session() as s:
                s.execute(insert(TriageItem), rows)
        except IntegrityError:
            # Another run of the same case wrote some of them: keep theirs, add the rest.
            with self.db.session() as s:
                keys = [r["key"] for r in rows]
                have = set(
                    s.scalars(
                        select(TriageItem.key).where(
                            TriageItem.source_id == unit.source_id, TriageItem.key.in_(keys)
                        )
                    )
                )
                fresh = [r for r in rows if r["key"] not in have]
                if fresh:
                    s.execute(insert(TriageItem), fresh)
                rows = fresh
        for row in rows:
            self.summary.items += 1
            if row["container"] is None:
                self.summary.files += 1
                self.summary.bytes += int(row["size"] or 0)
            if row["known"]:
                self.summary.known += 1
            else:
                self.summary.unknown += 1
            if not row["allocated"]:
                self.summary.deleted += 1
                if row["inode"] is None and carved_offset(row["path"]) is not None:
                    self.summary.carved += 1
            if row["error"] is not None:
                self.summary.errors += 1
                code = str(row["error_code"] or "error")
                self.summary.error_codes[code] = self.summary.error_codes.get(code, 0) + 1
        self.tracker.files_done += len(unit.files)
        self.tracker.bytes_done += unit.size
        self.tracker.report()

    def _row(self, source_id: int, record: Record) -> dict[str, Any]:
        matches: list[Match] = []
        error, code = record.get("error"), record.get("error_code")
        if self.matcher is not None and any(record.get(k) for k in ("md5", "pdq", "vpdq")):
            try:
                hashes = hashes_of(record)
                if _has_candidates(self.matcher, hashes):
                    matches = self.matcher.match_record(hashes)
            except InvalidSignal as e:
                if error is None:
                    error, code = f"cannot match: {e}", "internal_error"
        blocking = [m for m in matches if m.bank_kind == "block"]
        hash_code, hash_by = _precategory(self.scheme, blocking)
        vpdq = record.get("vpdq")
        row: dict[str, Any] = {
            "case_id": self.case_id,
            "source_id": source_id,
            "key": record["key"],
            "path": record["path"],
            "container": record.get("container"),
            "partition": record.get("partition"),
            "inode": record.get("inode"),
            "allocated": bool(record.get("allocated", True)),
            "kind": record.get("kind") or "other",
            "mime": record.get("mime"),
            "size": record.get("size"),
            "md5": record.get("md5"),
            "sha1": record.get("sha1"),
            "sha256": record.get("sha256"),
            "pdq": record.get("pdq"),
            "pdq_quality": record.get("pdq_quality"),
            "vpdq": vpdq,
            "known": bool(blocking),
            "matches": [m.to_json() for m in matches] or None,
            "hash_code": hash_code,
            "hash_by": hash_by,
            "error": error,
            "error_code": code,
        }
        for name in _DATETIME_FIELDS:
            value = record.get(name)
            row[name] = datetime.fromisoformat(value) if isinstance(value, str) else None
        return row


def _has_candidates(matcher: Matcher, hashes: FileHashes) -> bool:
    """Whether the indexes hold anything near the record (no database read): most files
    of a case match nothing, and ``match_record`` opens a session for each."""
    for name in FILE_DIGESTS:
        value = getattr(hashes, name)
        if value and matcher.candidates(name, value):
            return True
    if hashes.pdq and (hashes.pdq_quality or 0) > 0 and matcher.candidates("pdq", hashes.pdq):
        return True
    return any(matcher.candidates("pdq", frame.pdq.hex) for frame in hashes.vpdq or ())


def _precategory(scheme: str, matches: list[Match]) -> tuple[str | None, str | None]:
    """The most serious category among the known-hash entries matched, and its bank."""
    order = categories.ORDER[scheme]
    best: tuple[int, str, str] | None = None
    for m in matches:
        code = categories.from_entry(scheme, m.category)
        if code is None:
            continue
        rank = order.index(code)
        if best is None or rank < best[0]:
            best = (rank, code, m.bank)
    if best is None:
        return None, None
    return best[1], f"hash:{best[2]}"


# --- Dask ------------------------------------------------------------------------------------

#: Tasks between two clearings of Dask's task-name cache (``_forget_task_names``).
_FORGET_EVERY = 1024


def _forget_task_names() -> None:
    """Empty ``dask.utils.key_split``'s cache. The scheduler (in this process for a local
    cluster) and the client split every task's key through it, and it keeps up to 100,000
    keys: each task's key is new (``hash_files-<uuid>``), so it only grows, by about 240
    bytes a task (docs/benchmarks.md). Emptied now and then, it costs a re-split of the
    keys still in flight."""
    key_split = importlib.import_module("dask.utils").key_split
    key_split.cache_clear()


def _run(
    client: Any,
    units: Iterator[_Unit],
    hasher: Hasher,
    options: HashOptions,
    limits: ArchiveLimits,
    known: KnownDigests | None,
    writer: _Writer,
    window: int,
) -> None:
    dd = distributed()
    # Sent once to every worker, not with each task (a hash set can be large).
    known_arg: Any = None
    if known is not None and len(known):
        known_arg = client.scatter(known, broadcast=True, hash=False)
    retry: deque[_Unit] = deque()
    in_flight: dict[str, _Unit] = {}
    completed = dd.as_completed(with_results=False, loop=client.loop)

    def fill() -> None:
        while len(in_flight) < window:
            unit = retry.popleft() if retry else next(units, None)
            if unit is None:
                return
            future = client.submit(
                hasher, unit.ref, unit.files, options, limits, known_arg, pure=False, retries=0
            )
            in_flight[future.key] = unit
            completed.add(future)

    fill()
    try:
        for done, future in enumerate(completed, 1):
            if done % _FORGET_EVERY == 0:
                _forget_task_names()
            unit = in_flight.pop(future.key)
            records: list[Record] | None = None
            try:
                records = future.result()
            except CancelledError:
                raise TriageRunError(
                    "the Dask cluster dropped the work (scheduler lost?); run again to resume"
                ) from None
            except Exception as e:  # noqa: BLE001 - a failing task must not stop the run
                if len(unit.files) > 1:
                    retry.extend(unit.split())
                else:
                    code = "worker_crashed" if isinstance(e, dd.KilledWorker) else "internal_error"
                    records = [failed_record(unit.files[0], code, f"{e!r}")]
            finally:
                future.release()
            if records is not None:
                writer.write(unit, records)
            fill()
    finally:
        in_flight.clear()
        completed.clear()

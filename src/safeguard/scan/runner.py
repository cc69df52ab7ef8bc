"""Bulk scanning on Dask: walk the sources, hash on workers, match here, append JSON lines.

Workers only hash (``safeguard.scan.worker.hash_batch``); this process matches every record
against the ``Matcher`` and writes it. The index stays in one place: it can be large, and
shipping it to every worker would cost more than the hashes it saves.

Work goes out as tasks of up to ``batch_size`` small files (fewer when they add up to
``batch_bytes``), one task per archive and per large file, with a bounded number of tasks
in flight, so a million paths never sit in the scheduler at once.

Failures stay local to the files they concern:

- a task that raises is split and its files retried one per task; a file that still
  raises gets an ``internal_error`` record;
- when a worker dies, Dask fails every task that was on it (``KilledWorker``), queued ones
  too, so each of their files becomes a suspect and is run again alone, with nothing else
  in the cluster: a file that kills its worker then is the culprit (``worker_crashed``),
  and the others get their records. The scan goes on;
- losing the scheduler, the output file or the database stops the scan with ``ScanError``;
  everything written so far stays, and running the same command again resumes.

With ``scheduler=None`` a ``LocalCluster`` of worker processes is started and stopped here.
With the address of a running scheduler, its workers must be able to open the paths given
(a shared file system mounted at the same place) and have Safeguard installed; relative
paths are made absolute before they are sent.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from safeguard.matching.matcher import Matcher
from safeguard.scan.archives import ArchiveLimits, has_archive_suffix
from safeguard.scan.cluster import dask_client, distributed
from safeguard.scan.output import Finished, ScanError, ScanOutput
from safeguard.scan.worker import FileRef, Record, failed_record, hash_batch
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.files import WalkError, iter_files
from safeguard.signals.media import VIDEO_EXTENSIONS, FileHashes, HashOptions, Kind
from safeguard.signals.video import VideoFrameHash

MiB = 1 << 20
#: Seconds to wait for a scheduler to answer, and for a remote cluster to have a worker.


class Hasher(Protocol):
    """What a task runs: ``hash_batch`` by default (swappable for tests and extensions)."""

    def __call__(
        self,
        files: Sequence[FileRef],
        options: HashOptions,
        limits: ArchiveLimits,
        skip: Mapping[str, Collection[str]] | None = None,
    ) -> list[Record]: ...


@dataclass(frozen=True, slots=True)
class ScanProgress:
    """Where a running scan is; ``files`` count the paths found by walking the sources."""

    files_total: int
    files_done: int
    bytes_total: int
    bytes_done: int
    records: int
    elapsed: float


@dataclass(slots=True)
class ScanSummary:
    """What one run did. ``files`` and ``bytes`` are the inputs found on disk this run
    (archives counted once, by their size on disk); ``members`` are the records inside
    archives; ``images``/``videos``/``other`` count every record by kind."""

    output: str
    files: int = 0
    archives: int = 0
    members: int = 0
    images: int = 0
    videos: int = 0
    other: int = 0
    matched: int = 0
    errors: int = 0
    bytes: int = 0
    records: int = 0
    elapsed: float = 0.0
    workers: int = 0
    #: Seconds spent starting (or connecting to) the Dask cluster, included in ``elapsed``.
    cluster_start_s: float = 0.0
    #: Records the output already held when this run started (a resumed scan).
    already_done: int = 0
    #: How many of those had an error.
    previous_errors: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)

    @property
    def files_per_s(self) -> float:
        return self.files / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MiB / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def failed(self) -> bool:
        """True when any input in the output file, from this run or an earlier one, failed."""
        return self.errors + self.previous_errors > 0

    def count(self, line: Mapping[str, Any]) -> None:
        self.records += 1
        if "container" in line:
            self.members += 1
        else:
            self.files += 1
            self.bytes += int(line.get("size") or 0)
        if "archive" in line:
            self.archives += 1
        kind = line.get("kind")
        if kind == "image":
            self.images += 1
        elif kind == "video":
            self.videos += 1
        else:
            self.other += 1
        if line.get("matches"):
            self.matched += 1
        if line.get("error") is not None:
            self.errors += 1
            code = str(line.get("error_code") or "error")
            self.error_codes[code] = self.error_codes.get(code, 0) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "files": self.files,
            "archives": self.archives,
            "members": self.members,
            "images": self.images,
            "videos": self.videos,
            "other": self.other,
            "matched": self.matched,
            "errors": self.errors,
            "error_codes": dict(sorted(self.error_codes.items())),
            "records": self.records,
            "bytes": self.bytes,
            "mb": round(self.bytes / MiB, 3),
            "elapsed_s": round(self.elapsed, 3),
            "files_per_s": round(self.files_per_s, 2),
            "mb_per_s": round(self.mb_per_s, 3),
            "workers": self.workers,
            "cluster_start_s": round(self.cluster_start_s, 3),
            "already_done": self.already_done,
            "previous_errors": self.previous_errors,
        }


@dataclass(slots=True)
class _Unit:
    """One task's worth of files, with their sizes on disk."""

    files: list[FileRef] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    skip: dict[str, list[str]] = field(default_factory=dict)
    #: Run with nothing else in the cluster (a suspect after a worker died).
    solo: bool = False

    @property
    def size(self) -> int:
        return sum(self.sizes)

    def add(self, ref: FileRef, size: int) -> None:
        self.files.append(ref)
        self.sizes.append(size)

    def split(self) -> list[_Unit]:
        return [
            _Unit([ref], [size], {ref[0]: self.skip[ref[0]]} if ref[0] in self.skip else {})
            for ref, size in zip(self.files, self.sizes, strict=True)
        ]


def scan(
    sources: Iterable[str | Path],
    out_path: str | Path,
    *,
    matcher: Matcher | None,
    options: HashOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[ScanProgress], None] | None = None,
    limits: ArchiveLimits | None = None,
    dihedral: bool = False,
    batch_size: int = 32,
    batch_bytes: int = 64 * MiB,
    hasher: Hasher = hash_batch,
    refresh_every: float = 60.0,
    follow_symlinks: bool = False,
) -> ScanSummary:
    """Hash every file under ``sources`` (archives opened) on Dask, match each record with
    ``matcher`` (None: no matching, ``matches`` is null) and append one JSON line per file,
    member and archive to ``out_path``. Records already in ``out_path`` are skipped, so an
    interrupted scan resumes where it stopped and a finished one does nothing.

    ``workers`` sizes the local cluster (default: all cores); ``scheduler`` is the address
    of a running one instead. Symbolic links leading out of a source folder are recorded
    (``symlink_outside``), not followed, unless ``follow_symlinks``. Raises ``ScanError``
    when the scan cannot start or go on.
    """
    started = time.perf_counter()
    options = options or HashOptions()
    limits = limits or ArchiveLimits()
    out = Path(out_path)
    with ScanOutput(out) as output:
        finished = output.finished
        summary = ScanSummary(
            output=str(out),
            already_done=finished.records,
            previous_errors=finished.errors,
        )
        writer = _RecordWriter(output, finished, matcher, dihedral, summary, refresh_every)
        walk_errors, units = _plan(
            sources, finished, batch_size, batch_bytes, output.identity, follow_symlinks
        )
        for record in walk_errors:
            writer.write(record)
        tracker = _Tracker(units, summary, started, progress)
        if units:
            connecting = time.perf_counter()
            with dask_client(workers, scheduler, error=ScanError) as (client, n_workers):
                summary.cluster_start_s = time.perf_counter() - connecting
                summary.workers = n_workers
                _run(client, units, hasher, options, limits, writer, tracker, 2 * n_workers + 1)
        summary.elapsed = time.perf_counter() - started
        tracker.report()
        return summary


# --- planning --------------------------------------------------------------------------------


def _plan(
    sources: Iterable[str | Path],
    finished: Finished,
    batch_size: int,
    batch_bytes: int,
    skip_file: tuple[int, int],
    follow_symlinks: bool = False,
) -> tuple[list[Record], list[_Unit]]:
    """Walk the sources: failed walks become records, files not yet done become units."""
    errors: list[Record] = []
    units: list[_Unit] = []
    batch = _Unit()
    for item in iter_files(sources, follow_outside=follow_symlinks):
        if isinstance(item, WalkError):
            if item.path not in finished.keys:
                errors.append(failed_record(item.path, item.code, item.message))
            continue
        display = str(item)
        if display in finished.keys:
            continue
        try:
            st = item.stat()
        except OSError:
            size = 0  # the worker reports why
        else:
            if (st.st_dev, st.st_ino) == skip_file:
                continue  # the results file itself, inside a scanned folder
            size = st.st_size
        ref = (display, os.path.abspath(display))
        partly_done = finished.members.get(display)
        if (
            partly_done
            or has_archive_suffix(display)
            or item.suffix.lower() in VIDEO_EXTENSIONS
            or size >= batch_bytes
        ):
            skip = {display: sorted(partly_done)} if partly_done else {}
            units.append(_Unit([ref], [size], skip))
            continue
        batch.add(ref, size)
        if len(batch.files) >= batch_size or batch.size >= batch_bytes:
            units.append(batch)
            batch = _Unit()
    if batch.files:
        units.append(batch)
    return errors, units


# --- matching and writing --------------------------------------------------------------------


class _RecordWriter:
    """Matches a record, writes it once, counts it."""

    def __init__(
        self,
        output: ScanOutput,
        finished: Finished,
        matcher: Matcher | None,
        dihedral: bool,
        summary: ScanSummary,
        refresh_every: float,
    ) -> None:
        self._output = output
        self._keys = finished.keys
        self._matcher = matcher
        self._dihedral = dihedral
        self._summary = summary
        self._refresh_every = refresh_every
        self._refreshed = time.monotonic()

    def write(self, record: Record) -> None:
        key = str(record["path"])
        if key in self._keys:  # already in the output: never twice
            return
        line = self._with_matches(record)
        self._output.write(line)
        self._keys.add(key)
        self._summary.count(line)

    def _with_matches(self, record: Record) -> Record:
        matches: list[dict[str, Any]] | None = None
        error, code = record.get("error"), record.get("error_code")
        if self._matcher is not None:
            if time.monotonic() - self._refreshed > self._refresh_every:
                # Entries added to the banks while a long scan runs count from now on.
                self._matcher.refresh()
                self._refreshed = time.monotonic()
            try:
                found = self._matcher.match_record(hashes_of(record), dihedral=self._dihedral)
                matches = [m.to_json() for m in found]
            except InvalidSignal as e:
                matches = []
                if error is None:
                    error, code = f"cannot match: {e}", "internal_error"
        line = {k: v for k, v in record.items() if k not in ("error", "error_code")}
        line["matches"] = matches
        line["error"] = error
        line["error_code"] = code
        return line


_KINDS: dict[str, Kind] = {"image": "image", "video": "video", "other": "other"}


def hashes_of(record: Mapping[str, Any]) -> FileHashes:
    """The ``FileHashes`` a record came from, as far as matching needs it."""
    frames = record.get("vpdq")
    return FileHashes(
        path=str(record["path"]),
        kind=_KINDS.get(str(record.get("kind")), "other"),
        size=record.get("size"),
        md5=record.get("md5"),
        sha1=record.get("sha1"),
        sha256=record.get("sha256"),
        pdq=record.get("pdq"),
        pdq_quality=record.get("pdq_quality"),
        vpdq=[VideoFrameHash.from_json(f) for f in frames] if frames else None,
    )


# --- running on Dask -------------------------------------------------------------------------


class _Tracker:
    def __init__(
        self,
        units: list[_Unit],
        summary: ScanSummary,
        started: float,
        callback: Callable[[ScanProgress], None] | None,
    ) -> None:
        self.files_total = sum(len(u.files) for u in units)
        self.bytes_total = sum(u.size for u in units)
        self.files_done = 0
        self.bytes_done = 0
        self._summary = summary
        self._started = started
        self._callback = callback

    def done(self, unit: _Unit) -> None:
        self.files_done += len(unit.files)
        self.bytes_done += unit.size
        self.report()

    def report(self) -> None:
        if self._callback is not None:
            self._callback(
                ScanProgress(
                    self.files_total,
                    self.files_done,
                    self.bytes_total,
                    self.bytes_done,
                    self._summary.records,
                    time.perf_counter() - self._started,
                )
            )


def _run(
    client: Any,
    units: list[_Unit],
    hasher: Hasher,
    options: HashOptions,
    limits: ArchiveLimits,
    writer: _RecordWriter,
    tracker: _Tracker,
    window: int,
) -> None:
    dd = distributed()
    queue: deque[_Unit] = deque(units)
    suspects: deque[_Unit] = deque()
    in_flight: dict[str, _Unit] = {}
    completed = dd.as_completed(with_results=False, loop=client.loop)

    def submit(unit: _Unit) -> None:
        future = client.submit(
            hasher, unit.files, options, limits, unit.skip, pure=False, retries=0
        )
        in_flight[future.key] = unit
        completed.add(future)

    def fill() -> None:
        if suspects:
            # Suspects run one by one on an otherwise idle cluster, so a worker that dies
            # can only have died of the suspect's file.
            if not in_flight:
                suspect = suspects.popleft()
                suspect.solo = True
                submit(suspect)
            return
        while queue and len(in_flight) < window:
            submit(queue.popleft())

    fill()
    try:
        for future in completed:
            unit = in_flight.pop(future.key)
            records: list[Record] | None = None
            try:
                records = future.result()
            except CancelledError:
                raise ScanError(
                    "the Dask cluster dropped the work (scheduler lost?); run again to resume"
                ) from None
            except dd.KilledWorker:
                if unit.solo:
                    records = _failed(
                        unit, "worker_crashed", "the hashing process died on this file"
                    )
                else:
                    suspects.extend(unit.split())
            except Exception as e:  # noqa: BLE001 - a failing task must not stop the scan
                if len(unit.files) > 1:
                    queue.extendleft(reversed(unit.split()))
                else:
                    records = _failed(unit, "internal_error", f"internal error: {e!r}")
            finally:
                future.release()
            if records is not None:
                for record in records:
                    writer.write(record)
                tracker.done(unit)
            fill()
    finally:
        in_flight.clear()
        completed.clear()


def _failed(unit: _Unit, code: str, message: str) -> list[Record]:
    return [failed_record(display, code, message) for display, _ in unit.files]

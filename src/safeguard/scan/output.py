"""The scan's results file: JSON lines, appended, and the memory of a resumable scan.

Opening it takes an exclusive lock (two scans appending to one file would interleave
records) and reads what an earlier run wrote: the keys (``path``) of finished records, so
they are skipped, and how many of them failed. A last line without its newline was cut off
by a crash mid-write: it is dropped (truncated away) and its file done again. Any other
line that is not a record means the file is not ours, and the scan refuses to touch it.

Each record is written with one ``write`` and flushed, so a killed scan loses at most the
line being written; ``fsync`` every ``fsync_every`` records and at close bounds what a power
cut can lose.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from safeguard.errors import InvalidInput

#: Separates an archive's path from its members' in display paths.
MEMBER_SEPARATOR = "!/"


class ScanError(InvalidInput):
    """The scan cannot start or go on: its output file, the cluster, the database."""


@dataclass(slots=True)
class Finished:
    """What the results file already holds."""

    keys: set[str] = field(default_factory=set)
    records: int = 0
    errors: int = 0
    #: Top-level archive path -> member paths written (an archive cut off half-way).
    members: dict[str, set[str]] = field(default_factory=dict)
    #: Bytes of a cut-off last line that were dropped.
    dropped_bytes: int = 0

    def add(self, record: Mapping[str, Any]) -> None:
        key = str(record["path"])
        self.keys.add(key)
        self.records += 1
        if record.get("error") is not None:
            self.errors += 1
        if MEMBER_SEPARATOR in key and "container" in record:
            top = key.split(MEMBER_SEPARATOR, 1)[0]
            self.members.setdefault(top, set()).add(key)


class ScanOutput:
    """The results file, open for appending, with what it held when opened."""

    def __init__(self, path: Path, *, fsync_every: int = 256) -> None:
        self.path = path
        self._fsync_every = max(1, fsync_every)
        self._unsynced = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file: BinaryIO = open(path, "a+b")  # noqa: SIM115 - closed in close()
        except OSError as e:
            raise ScanError(f"{path}: cannot open the results file: {e.strerror or e}") from None
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._file.close()
            raise ScanError(f"{path}: another scan is writing to this file") from None
        try:
            self.finished = self._load()
            st = os.fstat(self._file.fileno())
        except BaseException:
            self._file.close()
            raise
        #: (device, inode): a scan of the folder that holds the results skips this file.
        self.identity = (st.st_dev, st.st_ino)

    def _load(self) -> Finished:
        finished = Finished()
        f = self._file
        f.seek(0)
        good = 0
        for number, line in enumerate(f, start=1):
            if not line.endswith(b"\n"):
                finished.dropped_bytes = len(line)
                break
            good += len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("path"), str):
                    raise ValueError("no path")
            except ValueError:
                raise ScanError(
                    f"{self.path}:{number}: not a scan record; refusing to append to this file"
                ) from None
            finished.add(record)
        if finished.dropped_bytes:
            f.truncate(good)
            os.fsync(f.fileno())
        f.seek(0, os.SEEK_END)
        return finished

    def write(self, record: Mapping[str, Any]) -> None:
        # ensure_ascii keeps undecodable file names (surrogate escapes) round-trippable.
        line = json.dumps(record, separators=(",", ":")) + "\n"
        self._file.write(line.encode("utf-8"))
        self._file.flush()
        self._unsynced += 1
        if self._unsynced >= self._fsync_every:
            self.sync()

    def sync(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._unsynced = 0

    def close(self) -> None:
        if self._file.closed:
            return
        try:
            self.sync()
        finally:
            self._file.close()  # releases the lock

    def __enter__(self) -> ScanOutput:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

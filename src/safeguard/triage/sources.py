"""Seized media as triage sources: what a path is, the files in it, and its own hashes.

A source is one of:

- ``folder``: walked recursively (``safeguard.files.iter_files``: links followed, loops
  refused);
- ``file``: a single file; zip and tar archives among them are opened by the worker;
- ``raw`` or ``e01``: a disk image, read through The Sleuth Kit (``disk``): every partition
  and file system, deleted files included.

What a source is comes from its content (the E01 signature, a partition table or file
system TSK reads), never from its name. Everything is opened read-only. ``source_hashes``
digests a source as a whole, before and after the run, so the report can show the
evidence did not change; for an E01 it also checks the hashes stored at acquisition.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

from safeguard.errors import InvalidInput, NotFound
from safeguard.signals.files import WalkError, iter_files
from safeguard.triage import disk
from safeguard.triage.carve import MAX_ITEMS, CarvedItem, carve, free_ranges

SourceKind = Literal["folder", "file", "raw", "e01"]
MiB = 1 << 20
_CHUNK = 4 * MiB


@dataclass(frozen=True, slots=True)
class FoundFile:
    """One file in a source, as walking found it (before its content is read)."""

    path: str
    size: int
    partition: int | None = None
    inode: int | None = None
    allocated: bool = True
    created: datetime | None = None
    modified: datetime | None = None
    accessed: datetime | None = None
    changed: datetime | None = None
    #: Why the file could not even be walked (then nothing else is known).
    error_code: str | None = None
    error: str | None = None
    #: A carved item's absolute byte offset in the image (None for a file a file system
    #: names).
    carved_at: int | None = None
    #: An NTFS alternate data stream's name (``path`` is then ``file:stream``).
    stream: str | None = None
    #: Why a carved item is only part of a picture (fragmented or overwritten): its bytes
    #: are still hashed, and its record carries this as a ``carved_partial`` error.
    carve_error: str | None = None

    @property
    def key(self) -> str:
        return item_key(self.partition, self.inode, self.path)


def item_key(partition: int | None, inode: int | None, path: str) -> str:
    """Where an item is, as one digest: unique within its source. In a disk image a deleted
    file and a new one may share a path, never an inode, so both count; in a folder the
    path alone does (its inode changes when the folder is copied between two runs)."""
    where = f"{partition}|{inode}|{path}" if partition is not None else f"||{path}"
    return hashlib.sha256(where.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SourceRef:
    """What a worker needs to open a source: plain data, sent to Dask workers."""

    location: str
    kind: SourceKind


class Reader(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


def detect_kind(path: str | Path) -> SourceKind:
    """The kind of a source, from its content. Raises ``NotFound`` when it is missing."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    try:
        with p.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file or folder", code="source_not_found") from None
    except OSError as e:
        raise InvalidInput(f"{path}: cannot read: {e.strerror or e}", code="unreadable") from None
    if disk.is_ewf(head):
        return "e01"
    if _is_disk_image(str(p)):
        return "raw"
    return "file"


def _is_disk_image(location: str) -> bool:
    try:
        found, _ = disk.volumes(location, "raw")
    except InvalidInput:
        return False
    finally:
        disk.open_image.cache_clear()
        disk.open_fs.cache_clear()
    return bool(found)


def describe(ref: SourceRef) -> list[dict[str, Any]] | None:
    """The partitions and file systems of a disk image (None for other sources)."""
    if ref.kind not in ("raw", "e01"):
        return None
    found, unread = disk.volumes(ref.location, ref.kind)
    return [v.to_json() for v in found] + [u | {"fs_type": None} for u in unread]


#: The virtual folder carved items are listed in, under their file system (as Autopsy
#: does); the name of each is its byte offset in the image: ``/p1/$CarvedFiles/1234.jpg``.
CARVED_DIR = "$CarvedFiles"
#: The virtual folder of the space outside every partition (or after a bare file system):
#: its carved items are ``/$Unpartitioned/$CarvedFiles/1234.jpg``, with no partition.
UNPARTITIONED_DIR = "$Unpartitioned"


def carved_offset(path: str) -> int | None:
    """The image offset of a carved item from its path (None if it was not carved)."""
    folder, _, name = path.rpartition("/")
    if not folder.endswith("/" + CARVED_DIR) and folder != CARVED_DIR:
        return None
    stem = name.split(".", 1)[0]
    return int(stem) if stem.isdigit() else None


def is_unpartitioned(path: str) -> bool:
    """Whether a carved item's path is in the space outside every partition."""
    return path.startswith(f"/{UNPARTITIONED_DIR}/{CARVED_DIR}/")


@lru_cache(maxsize=16)
def _carved(
    location: str, kind: SourceKind, offset: int | None, max_items: int
) -> tuple[CarvedItem, ...]:
    """What carving finds in one file system's unallocated space (``offset`` its start),
    or outside every partition (``offset`` None). Kept per process: the run walks twice."""
    named: dict[int, int] = {}
    if offset is None:
        ranges = disk.unpartitioned(location, kind)
    else:
        start, end = disk.fs_extent(location, kind, offset)
        allocated, named = disk.carving_map(location, kind, offset)
        ranges = free_ranges(start, end, allocated)

    def read_at(at: int, size: int) -> bytes:
        return disk.read_at(location, kind, at, size)

    return tuple(carve(read_at, ranges, max_items=max_items, named=named))


def _carved_files(
    ref: SourceRef, offset: int | None, prefix: str, left: int
) -> tuple[list[FoundFile], int]:
    """Carved items as found files, and how many more the source may carve."""
    out: list[FoundFile] = []
    for item in _carved(ref.location, ref.kind, offset, left):
        if item.error_code == "carve_limit":
            left = 0
            out.append(
                FoundFile(
                    path=f"{prefix}/{CARVED_DIR}/{item.offset}.limit",
                    size=0,
                    partition=offset,
                    allocated=False,
                    carved_at=item.offset,
                    error_code=item.error_code,
                    error=item.error,
                )
            )
            break
        left -= 1
        out.append(
            FoundFile(
                path=f"{prefix}/{CARVED_DIR}/{item.offset}.{item.format}",
                size=item.size,
                partition=offset,
                allocated=False,
                carved_at=item.offset,
                carve_error=item.error,
            )
        )
    return out, left


def walk(ref: SourceRef, *, carve_unallocated: bool = False) -> Iterator[FoundFile]:
    """Every file in the source, in a stable order. ``carve_unallocated``: then, for each
    file system of a disk image, the pictures and videos carved from its unallocated space,
    and last those carved from the space outside every partition (``triage.carve``; at
    most ``carve.MAX_ITEMS`` a source)."""
    if ref.kind == "folder":
        yield from _walk_folder(ref.location)
    elif ref.kind == "file":
        st = os.stat(ref.location)
        yield FoundFile(
            path=Path(ref.location).name,
            size=st.st_size,
            modified=_ts(st.st_mtime),
            accessed=_ts(st.st_atime),
            changed=_ts(st.st_ctime),
        )
    else:
        volumes, _ = disk.volumes(ref.location, ref.kind)
        left = MAX_ITEMS  # carved items the source may still have (one bound a source)
        for vol in volumes:
            prefix = "" if vol.slot is None else f"/p{vol.slot}"
            for f in disk.walk_fs(ref.location, ref.kind, vol.offset):
                if f.error is not None:
                    yield FoundFile(
                        path=prefix + f.path,
                        size=0,
                        partition=vol.offset,
                        inode=f.inode,
                        error_code="unreadable_folder",
                        error=f"The Sleuth Kit cannot list this folder: {f.error}",
                    )
                    continue
                yield FoundFile(
                    path=prefix + f.path,
                    size=f.size,
                    partition=vol.offset,
                    inode=f.inode,
                    allocated=f.allocated,
                    created=f.created,
                    modified=f.modified,
                    accessed=f.accessed,
                    changed=f.changed,
                    stream=f.stream,
                )
            if carve_unallocated and left > 0:
                found, left = _carved_files(ref, vol.offset, prefix, left)
                yield from found
        if carve_unallocated and left > 0:
            found, left = _carved_files(ref, None, f"/{UNPARTITIONED_DIR}", left)
            yield from found


def _ts(seconds: float) -> datetime | None:
    return datetime.fromtimestamp(seconds, UTC) if seconds > 0 else None


def _walk_folder(root: str) -> Iterator[FoundFile]:
    base = Path(root)
    for item in iter_files([base]):
        if isinstance(item, WalkError):
            rel = os.path.relpath(item.path, base)
            yield FoundFile(path=rel, size=0, error_code=item.code, error=item.message)
            continue
        rel = item.relative_to(base).as_posix()
        try:
            st = item.stat()
        except OSError as e:
            yield FoundFile(path=rel, size=0, error_code="unreadable", error=str(e))
            continue
        yield FoundFile(
            path=rel,
            size=st.st_size,
            inode=st.st_ino,
            modified=_ts(st.st_mtime),
            accessed=_ts(st.st_atime),
            changed=_ts(st.st_ctime),
        )


def open_file(ref: SourceRef, found: FoundFile) -> Reader:
    """A read-only reader of one found file's content."""
    if ref.kind in ("raw", "e01"):
        if found.carved_at is None:
            found = replace(found, carved_at=carved_offset(found.path))
        if found.carved_at is not None and found.inode is None:
            return disk.ImageRangeReader(ref.location, ref.kind, found.carved_at, found.size)
        if found.partition is None or found.inode is None:
            raise InvalidInput("a file in a disk image needs its partition and inode")
        return disk.DiskFileReader(
            ref.location, ref.kind, found.partition, found.inode, found.stream
        )
    if ref.kind == "folder":
        return Path(ref.location, found.path).open("rb")
    return Path(ref.location).open("rb")


def source_hashes(ref: SourceRef) -> dict[str, Any]:
    """Digests of the whole source, with the time they were taken.

    Images and files: MD5, SHA-1 and SHA-256 of their bytes (an E01's of the media it
    holds). Folders: ``tree_sha256``, SHA-256 over one line per file (path, size, SHA-256)
    in walk order, so a file added, removed, renamed or changed shows.
    """
    at = datetime.now(UTC).isoformat()
    if ref.kind == "folder":
        tree = hashlib.sha256()
        files = total = 0
        for found in _walk_folder(ref.location):
            if found.error_code is not None:
                tree.update(f"{found.path}\t!{found.error_code}\n".encode())
                continue
            digest = hashlib.sha256()
            with Path(ref.location, found.path).open("rb") as f:
                while chunk := f.read(_CHUNK):
                    digest.update(chunk)
            tree.update(f"{found.path}\t{found.size}\t{digest.hexdigest()}\n".encode())
            files += 1
            total += found.size
        return {"tree_sha256": tree.hexdigest(), "files": files, "size": total, "at": at}
    d = disk.image_digests(ref.location, "e01" if ref.kind == "e01" else "raw")
    out = {"md5": d.md5, "sha1": d.sha1, "sha256": d.sha256, "size": d.size, "at": at}
    if ref.kind == "raw":
        out["segments"] = len(disk.raw_segments(ref.location))
    return out


def verify_acquisition(ref: SourceRef, computed: dict[str, Any]) -> dict[str, Any] | None:
    """For an E01: the stored acquisition hashes and whether the media matches each."""
    if ref.kind != "e01":
        return None
    stored = disk.ewf_stored_hashes(ref.location)
    checks = {name: computed.get(name) == value for name, value in stored.items()}
    return {
        "stored": stored,
        "matches": checks,
        "verified": bool(checks) and all(checks.values()),
    }

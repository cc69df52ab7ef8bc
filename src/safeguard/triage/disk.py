"""Disk images through The Sleuth Kit: raw (dd) and E01, every partition, every file.

``pytsk3`` reads the volume system (MBR, GPT and the others TSK knows) and each file system
in it (FAT, exFAT, NTFS, ext2/3/4, HFS+ ...); E01 images are read through ``libewf``
(``pyewf``) behind TSK's image interface. Both libraries only read: nothing here can write
to the evidence. They are the ``[forensics]`` extra; ``forensics()`` says so when missing.

Walking yields every file TSK can name, allocated **and deleted** (names marked unallocated,
orphan files TSK collects under ``$OrphanFiles``), with its inode, size and MAC times. A
worker reads a file back by (file system offset, inode), the only address that stays right
for a deleted file whose name was reused.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from safeguard.errors import InvalidInput, Unsupported
from safeguard.triage.digests import StreamDigests

MiB = 1 << 20
EWF_MAGIC = b"EVF\x09\x0d\x0a\xff\x00"
_CHUNK = 4 * MiB
#: What TSK calls a FAT volume label: a directory entry, not a file.
_FAT_LABEL = "(Volume Label Entry)"
#: NTFS keeps its own structures in the first MFT entries ($MFT, $LogFile, $Extend...).
_NTFS_RESERVED = 27
#: exFAT's own structures, which TSK lists in the root folder as regular files.
_EXFAT_RESERVED = frozenset({"$ALLOC_BITMAP", "$UPCASE_TABLE"})
#: HFS+ keeps its own files (catalog, extents, allocation ...) under catalog node IDs below
#: 16; TSK lists them in the root folder as ``$CatalogFile`` and the like.
_HFS_FIRST_USER_ID = 16
#: Directories deeper than this are not entered (a corrupt file system can loop).
MAX_DEPTH = 256


def forensics(module: str) -> Any:
    """Import ``pytsk3`` or ``pyewf``, or say which extra brings them."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise Unsupported(
            f"disk images need {module}: pip install 'safeguard[forensics]'",
            code="forensics_missing",
        ) from None


def is_ewf(head: bytes) -> bool:
    return head.startswith(EWF_MAGIC)


def _ewf_image(path: str) -> Any:
    pytsk3 = forensics("pytsk3")
    pyewf = forensics("pyewf")

    class EwfImage(pytsk3.Img_Info):  # type: ignore[misc,name-defined]
        """TSK's image interface over a libewf handle (opened read-only)."""

        def __init__(self, handle: Any) -> None:
            self._handle = handle
            super().__init__(url="", type=pytsk3.TSK_IMG_TYPE_EXTERNAL)

        def close(self) -> None:
            self._handle.close()

        def read(self, offset: int, size: int) -> bytes:
            data: bytes = self._handle.read_buffer_at_offset(size, offset)
            return data

        def get_size(self) -> int:
            size: int = self._handle.get_media_size()
            return size

    handle = pyewf.handle()
    handle.open(pyewf.glob(path), "r")
    return EwfImage(handle)


@lru_cache(maxsize=4)
def open_image(path: str, kind: str) -> Any:
    """The TSK image of a raw or E01 file, opened once per process (workers reuse it)."""
    pytsk3 = forensics("pytsk3")
    try:
        if kind == "e01":
            return _ewf_image(path)
        return pytsk3.Img_Info(path)
    except OSError as e:
        raise InvalidInput(f"{path}: cannot open the image: {e}", code="bad_image") from None


@lru_cache(maxsize=16)
def open_fs(path: str, kind: str, offset: int) -> Any:
    pytsk3 = forensics("pytsk3")
    return pytsk3.FS_Info(open_image(path, kind), offset=offset)


@dataclass(frozen=True, slots=True)
class Volume:
    """One file system in an image: its byte offset and what TSK calls it."""

    offset: int
    fs_type: str
    #: The partition's description from the partition table ("" for a bare file system).
    description: str
    #: Its number among the partitions of the table, from 1 (None for a bare file system).
    slot: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "offset": self.offset,
            "fs_type": self.fs_type,
            "description": self.description,
            "slot": self.slot,
        }


def volumes(path: str, kind: str) -> tuple[list[Volume], list[dict[str, Any]]]:
    """Every file system TSK reads in the image, and the partitions it could not read."""
    pytsk3 = forensics("pytsk3")
    img = open_image(path, kind)
    found: list[Volume] = []
    unread: list[dict[str, Any]] = []
    try:
        vs = pytsk3.Volume_Info(img)
    except OSError:
        vs = None  # no partition table: the image may be one file system
    if vs is None:
        try:
            fs = open_fs(path, kind, 0)
        except OSError as e:
            raise InvalidInput(
                f"{path}: no partition table or file system that The Sleuth Kit reads ({e})",
                code="no_file_system",
            ) from None
        return [Volume(0, _fs_name(fs), "", None)], unread
    block = vs.info.block_size
    number = 0
    for part in vs:
        if not int(part.flags) & int(pytsk3.TSK_VS_PART_FLAG_ALLOC):
            continue
        number += 1
        offset = int(part.start) * block
        description = part.desc.decode("utf-8", "replace")
        try:
            fs = open_fs(path, kind, offset)
        except OSError:
            unread.append({"offset": offset, "slot": int(part.addr), "description": description})
            continue
        found.append(Volume(offset, _fs_name(fs), description, number))
    return found, unread


def _fs_name(fs: Any) -> str:
    pytsk3 = forensics("pytsk3")
    value = int(fs.info.ftype)
    for name in dir(pytsk3):
        if name.startswith("TSK_FS_TYPE_") and not name.endswith(("_DETECT", "_ENUM")):
            constant = getattr(pytsk3, name)
            if isinstance(constant, int) and constant == value:
                return name.removeprefix("TSK_FS_TYPE_").lower()
    return f"type {value:#x}"


@dataclass(frozen=True, slots=True)
class DiskFile:
    """One file found in a file system."""

    path: str
    inode: int
    size: int
    allocated: bool
    created: datetime | None
    modified: datetime | None
    accessed: datetime | None
    changed: datetime | None
    #: Set for an allocated folder TSK could not list (then the item is that folder, and
    #: what it holds is unknown): reported, never dropped in silence.
    error: str | None = None
    #: The name of an NTFS alternate data stream (a named ``$DATA`` attribute); then
    #: ``path`` is ``file:stream`` and ``size`` the stream's.
    stream: str | None = None


def _named_streams(entry: Any, data_type: int) -> list[tuple[str, int]]:
    """An NTFS file's or folder's alternate data streams: (name, size) of each named
    ``$DATA`` attribute, in name order (the unnamed one is the file's own content)."""
    out: list[tuple[str, int]] = []
    try:
        for attr in entry:
            info = attr.info
            if int(info.type) != data_type or not info.name:
                continue
            raw = info.name
            name = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
            out.append((name, int(info.size)))
    except OSError:
        return []  # attributes TSK cannot load: the file itself is still listed
    return sorted(out)


def _time(seconds: Any) -> datetime | None:
    s = int(seconds or 0)
    if s <= 0:
        return None
    try:
        return datetime.fromtimestamp(s, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def walk_fs(path: str, kind: str, offset: int) -> Iterator[DiskFile]:
    """Every regular file of one file system, allocated and deleted, depth first in name
    order. A directory is entered once (by inode), so a corrupt tree cannot loop. An
    allocated directory TSK cannot list is yielded as an item with ``error`` set (TSK's
    HFS+ reader, for one, refuses some valid catalog nodes); a deleted one whose blocks are
    gone is passed over."""
    pytsk3 = forensics("pytsk3")
    fs = open_fs(path, kind, offset)
    reg = int(pytsk3.TSK_FS_META_TYPE_REG)
    dir_types = {int(pytsk3.TSK_FS_META_TYPE_DIR), int(pytsk3.TSK_FS_META_TYPE_VIRT_DIR)}
    name_unalloc = int(pytsk3.TSK_FS_NAME_FLAG_UNALLOC)
    meta_unalloc = int(pytsk3.TSK_FS_META_FLAG_UNALLOC)
    root = int(fs.info.root_inum)
    ntfs = _fs_name(fs).startswith("ntfs")
    exfat = _fs_name(fs) == "exfat"
    hfs = _fs_name(fs).startswith("hfs")
    ntfs_data = int(pytsk3.TSK_FS_ATTR_TYPE_NTFS_DATA)
    seen: set[int] = {root}
    stack: list[tuple[int, str, int, bool]] = [(root, "", 0, True)]
    if ntfs:
        yield from _root_streams(fs, root, ntfs_data)
    while stack:
        inode, prefix, depth, folder_allocated = stack.pop()
        try:
            directory = fs.open_dir(inode=inode)
        except OSError as e:
            if folder_allocated:
                if hfs:
                    try:
                        listed = list(hfs_folder(path, kind, offset, inode, prefix, depth))
                    except (OSError, Unsupported):
                        pass  # libfshfs missing or refusing too: report the folder below
                    else:
                        yield from listed
                        continue
                yield DiskFile(prefix or "/", inode, 0, True, None, None, None, None, str(e))
            continue  # else a deleted directory whose blocks are gone
        entries: list[tuple[str, Any]] = []
        for entry in directory:
            raw = entry.info.name.name
            name = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
            if name in (".", "..") or entry.info.meta is None:
                continue
            entries.append((name, entry))
        entries.sort(key=lambda e: e[0])
        subdirs: list[tuple[int, str, int, bool]] = []
        for name, entry in entries:
            meta = entry.info.meta
            mtype = int(meta.type)
            full = f"{prefix}/{name}"
            addr = int(meta.addr)
            if ntfs and addr < _NTFS_RESERVED and name.startswith("$"):
                continue  # $MFT, $LogFile, $Extend...: the file system's own structures
            if exfat and not prefix and name in _EXFAT_RESERVED:
                continue
            if hfs and addr < _HFS_FIRST_USER_ID and name.startswith("$"):
                continue
            allocated = not (
                int(entry.info.name.flags) & name_unalloc or int(meta.flags) & meta_unalloc
            )
            times = (  # created, modified, accessed, changed
                _time(getattr(meta, "crtime", 0)),
                _time(meta.mtime),
                _time(meta.atime),
                _time(meta.ctime),
            )
            # Alternate data streams, of files and folders alike: each is an item of its
            # own, ``path:stream`` (content hidden there is content all the same).
            streams = _named_streams(entry, ntfs_data) if ntfs else []
            for stream, size in streams:
                yield DiskFile(f"{full}:{stream}", addr, size, allocated, *times, stream=stream)
            if mtype in dir_types:
                if addr not in seen and depth < MAX_DEPTH:
                    seen.add(addr)
                    subdirs.append((addr, full, depth + 1, allocated))
                continue
            if mtype != reg or name.endswith(_FAT_LABEL):
                continue
            yield DiskFile(full, addr, int(meta.size), allocated, *times)
        stack.extend(reversed(subdirs))


def _root_streams(fs: Any, root: int, data_type: int) -> Iterator[DiskFile]:
    """The alternate data streams of an NTFS volume's root folder, ``/:stream``: no folder
    lists the root as an entry, so the walk would never see them."""
    try:
        folder = fs.open_meta(inode=root)
    except OSError:
        return
    meta = folder.info.meta
    times = (
        _time(getattr(meta, "crtime", 0)),
        _time(meta.mtime),
        _time(meta.atime),
        _time(meta.ctime),
    )
    for stream, size in _named_streams(folder, data_type):
        yield DiskFile(f"/:{stream}", root, size, True, *times, stream=stream)


# --- HFS+ folders The Sleuth Kit refuses: libfshfs --------------------------------------------


class _VolumeWindow:
    """The image from a file system's offset on, as the file object libfshfs reads."""

    def __init__(self, path: str, kind: str, offset: int) -> None:
        self._img = open_image(path, kind)
        self._base = offset
        self._size = int(self._img.get_size()) - offset
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self._size - self._pos:
            size = max(0, self._size - self._pos)
        if size == 0:
            return b""
        data: bytes = self._img.read(self._base + self._pos, size)
        self._pos += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        self._pos = {0: offset, 1: self._pos + offset, 2: self._size + offset}[whence]
        return self._pos

    def tell(self) -> int:
        return self._pos

    def get_size(self) -> int:
        return self._size


def hfs_volume(path: str, kind: str, offset: int) -> Any:
    """The HFS+ volume at ``offset`` opened by libfshfs (``pyfshfs``), an HFS+ reader
    independent of The Sleuth Kit; kept per process like ``open_fs``."""
    return _hfs_opened(path, kind, offset)[0]


@lru_cache(maxsize=4)
def _hfs_opened(path: str, kind: str, offset: int) -> tuple[Any, _VolumeWindow]:
    # The window is kept with the volume: libfshfs reads through it while the volume is open.
    pyfshfs = forensics("pyfshfs")
    volume = pyfshfs.volume()
    window = _VolumeWindow(path, kind, offset)
    volume.open_file_object(window)
    return volume, window


def _naive_utc(value: Any) -> datetime | None:
    if not isinstance(value, datetime) or value.year <= 1904:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def hfs_folder(
    path: str, kind: str, offset: int, cnid: int, prefix: str, depth: int
) -> Iterator[DiskFile]:
    """Every regular file under the HFS+ folder ``cnid``, listed by libfshfs: the walk's
    fallback for a folder The Sleuth Kit refuses (its HFS+ reader rejects some valid
    catalog nodes: sleuthkit issues #2899, #3527). Depth first in name order, like
    ``walk_fs``; a file's inode is its catalog node ID, by which it is read back."""
    volume = hfs_volume(path, kind, offset)
    root = volume.get_file_entry_by_identifier(cnid)
    if root is None:
        raise OSError(f"libfshfs finds no folder {cnid}")
    stack: list[tuple[Any, str, int]] = [(root, prefix, depth)]
    while stack:
        folder, where, level = stack.pop()
        subs = sorted(((str(sub.name), sub) for sub in folder.sub_file_entries), key=lambda e: e[0])
        folders: list[tuple[Any, str, int]] = []
        for name, sub in subs:
            full = f"{where}/{name}"
            mode = int(sub.file_mode) & 0o170000
            if mode == 0o040000:
                if level < MAX_DEPTH:
                    folders.append((sub, full, level + 1))
                continue
            if mode != 0o100000:
                continue  # links, devices: not content
            yield DiskFile(
                full,
                int(sub.identifier),
                int(sub.size),
                True,
                _naive_utc(sub.creation_time),
                _naive_utc(sub.modification_time),
                _naive_utc(sub.access_time),
                _naive_utc(sub.entry_modification_time),
            )
        stack.extend(reversed(folders))


def _hfs_runs(path: str, kind: str, offset: int, cnid: int) -> list[tuple[int, int]]:
    """(absolute offset, length) of the data of every file under an HFS+ folder The Sleuth
    Kit refuses (carving must not take them for free space); [] without libfshfs."""
    try:
        volume = hfs_volume(path, kind, offset)
        out: list[tuple[int, int]] = []
        for found in hfs_folder(path, kind, offset, cnid, "", 0):
            entry = volume.get_file_entry_by_identifier(found.inode)
            for i in range(int(entry.number_of_extents)):
                start, size, _flags = entry.get_extent(i)
                out.append((offset + int(start), int(size)))
        return out
    except (OSError, Unsupported):
        return []


class DiskFileReader:
    """Reads one file of an image by inode, in chunks (``read`` like a file object);
    with ``stream``, that NTFS alternate data stream of it instead."""

    def __init__(
        self, path: str, kind: str, offset: int, inode: int, stream: str | None = None
    ) -> None:
        fs = open_fs(path, kind, offset)
        self._pos = 0
        self._attr: tuple[Any, ...] = ()
        self._hfs: Any = None
        try:
            self._file = fs.open_meta(inode=inode)
        except OSError:
            if stream is not None or not _fs_name(fs).startswith("hfs"):
                raise
            # A file in a folder The Sleuth Kit refuses (``hfs_folder``): read by libfshfs.
            self._hfs = hfs_volume(path, kind, offset).get_file_entry_by_identifier(inode)
            self._size = int(self._hfs.size)
            return
        self._size = int(self._file.info.meta.size)
        if stream is not None:
            self._attr = self._stream_attribute(stream)

    def _stream_attribute(self, stream: str) -> tuple[Any, ...]:
        data_type = int(forensics("pytsk3").TSK_FS_ATTR_TYPE_NTFS_DATA)
        for attr in self._file:
            info = attr.info
            raw = info.name
            name = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            if int(info.type) == data_type and name == stream:
                self._size = int(info.size)
                return (info.type, info.id)
        raise OSError(f"no data stream named {stream!r}")

    def read(self, n: int = -1) -> bytes:
        remaining = self._size - self._pos
        if n < 0 or n > remaining:
            n = remaining
        if n <= 0:
            return b""
        try:
            if self._hfs is not None:
                data: bytes = self._hfs.read_buffer_at_offset(n, self._pos)
            else:
                data = self._file.read_random(self._pos, n, *self._attr)
        except OSError:
            data = b""
        if not data:
            # A deleted file whose clusters TSK cannot follow: stop, the caller sees the
            # short read.
            self._pos = self._size
            return b""
        self._pos += len(data)
        return data


@dataclass(frozen=True, slots=True)
class ImageDigests:
    md5: str
    sha1: str
    sha256: str
    size: int


_FIRST_SEGMENT = re.compile(r"\.(0*1)$")


def raw_segments(path: str | Path) -> list[Path]:
    """The files of a raw image: ``disk.001`` with ``disk.002``, ``disk.003`` ... next to
    it (a split image, as ``split``, FTK Imager and others write it; The Sleuth Kit joins
    them the same way when given the first), or the one file."""
    first = Path(path)
    found = _FIRST_SEGMENT.search(first.name)
    if found is None:
        return [first]
    width = len(found.group(1))
    stem = first.name[: found.start(1)]
    out = [first]
    number = 2
    while (nxt := first.with_name(f"{stem}{number:0{width}d}")).is_file():
        out.append(nxt)
        number += 1
    return out


def raw_size(path: str | Path) -> int:
    return sum(p.stat().st_size for p in raw_segments(path))


def image_digests(path: str, kind: str) -> ImageDigests:
    """MD5, SHA-1 and SHA-256 of the media an image holds (for E01: the acquired disk, as
    its stored hashes describe it; for raw: the file's bytes, every segment of a split
    image in order)."""
    # The three digests run on two threads beside the reader (``triage.digests``): the
    # whole image is read twice a run (before and after), and one thread doing all three
    # took about twice as long.
    with StreamDigests() as digests:
        if kind == "e01":
            img = open_image(path, kind)
            total = int(img.get_size())
            while digests.size < total:
                chunk = img.read(digests.size, min(_CHUNK, total - digests.size))
                if not chunk:
                    break
                digests.update(chunk)
        else:
            for segment in raw_segments(path):
                with segment.open("rb") as f:
                    while chunk := f.read(_CHUNK):
                        digests.update(chunk)
        d = digests.result()
    return ImageDigests(d.md5, d.sha1, d.sha256, d.size)


def ewf_stored_hashes(path: str) -> dict[str, str]:
    """The hashes the acquisition tool stored in the E01 (lower-case hex), by name."""
    img = open_image(path, "e01")
    out: dict[str, str] = {}
    for name in ("MD5", "SHA1", "SHA256"):
        try:
            value = img._handle.get_hash_value(name)
        except OSError:
            value = None
        if value:
            out[name.lower()] = str(value).lower()
    return out


# --- carving support -------------------------------------------------------------------------


def fs_extent(path: str, kind: str, offset: int) -> tuple[int, int]:
    """(start, end): the absolute byte range of the file system at ``offset``, clipped
    to the image."""
    fs = open_fs(path, kind, offset)
    end = offset + (int(fs.info.last_block) + 1) * int(fs.info.block_size)
    return offset, min(end, int(open_image(path, kind).get_size()))


def unpartitioned(path: str, kind: str) -> list[tuple[int, int]]:
    """(start, stop) absolute byte ranges of the image outside every partition the
    partition table names (gaps between partitions, before the first and after the last,
    the table's own sectors included), or after the end of a bare file system. Content
    there belongs to nothing: old partitions, a larger disk imaged before, hidden data."""
    pytsk3 = forensics("pytsk3")
    img = open_image(path, kind)
    total = int(img.get_size())
    try:
        vs = pytsk3.Volume_Info(img)
    except OSError:
        vs = None
    if vs is None:
        try:
            _, end = fs_extent(path, kind, 0)
        except OSError:
            return []  # neither a table nor a file system: not a disk image triage reads
        return [(end, total)] if end < total else []
    block = int(vs.info.block_size)
    used: list[tuple[int, int]] = []
    for part in vs:
        if int(part.flags) & int(pytsk3.TSK_VS_PART_FLAG_ALLOC):
            used.append((int(part.start) * block, int(part.len) * block))
    used.sort()
    out: list[tuple[int, int]] = []
    at = 0
    for begin, length in used:
        if begin > at:
            out.append((at, min(begin, total)))
        at = max(at, begin + length)
    if at < total:
        out.append((at, total))
    return [(a, b) for a, b in out if a < b]


def read_at(path: str, kind: str, offset: int, size: int) -> bytes:
    """``size`` bytes of the image at absolute ``offset`` (fewer at its end)."""
    img = open_image(path, kind)
    total = int(img.get_size())
    size = min(size, total - offset)
    if size <= 0:
        return b""
    data: bytes = img.read(offset, size)
    return data


def allocated_runs(path: str, kind: str, offset: int) -> list[tuple[int, int]]:
    """(absolute offset, length) of the blocks every allocated entry of the file system
    occupies: regular files, directories and the file system's own files (NTFS ``$MFT``
    ...). What is outside them is unallocated for carving."""
    return carving_map(path, kind, offset)[0]


def carving_map(path: str, kind: str, offset: int) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """What carving needs of a file system: ``allocated_runs``, and for each *deleted*
    file it still names with its first block (FAT and NTFS keep it), the absolute offset
    of that block and the file's size: such a file is an item already, not to be carved
    twice."""
    pytsk3 = forensics("pytsk3")
    fs = open_fs(path, kind, offset)
    block = int(fs.info.block_size)
    name_unalloc = int(pytsk3.TSK_FS_NAME_FLAG_UNALLOC)
    meta_unalloc = int(pytsk3.TSK_FS_META_FLAG_UNALLOC)
    dir_types = {int(pytsk3.TSK_FS_META_TYPE_DIR), int(pytsk3.TSK_FS_META_TYPE_VIRT_DIR)}
    runs: list[tuple[int, int]] = []
    deleted_starts: dict[int, int] = {}
    root = int(fs.info.root_inum)
    seen: set[int] = {root}
    stack = [(root, 0)]
    _runs_of(fs, root, block, offset, runs)
    hfs = _fs_name(fs).startswith("hfs")
    while stack:
        inode, depth = stack.pop()
        try:
            directory = fs.open_dir(inode=inode)
        except OSError:
            if hfs:
                runs.extend(_hfs_runs(path, kind, offset, inode))
            continue
        for entry in directory:
            meta = entry.info.meta
            raw = entry.info.name.name
            if meta is None or raw in (b".", b".."):
                continue
            addr = int(meta.addr)
            if int(entry.info.name.flags) & name_unalloc or int(meta.flags) & meta_unalloc:
                if int(meta.type) not in dir_types:
                    first: list[tuple[int, int]] = []
                    _runs_of(fs, addr, block, offset, first)
                    if first:
                        deleted_starts[first[0][0]] = int(meta.size)
                continue
            if addr in seen:
                continue
            seen.add(addr)
            _runs_of(fs, addr, block, offset, runs)
            if int(meta.type) in dir_types and depth < MAX_DEPTH:
                stack.append((addr, depth + 1))
    return runs, deleted_starts


def _runs_of(fs: Any, inode: int, block: int, offset: int, runs: list[tuple[int, int]]) -> None:
    try:
        f = fs.open_meta(inode=inode)
        for attr in f:
            for run in attr:
                if int(run.len) > 0 and int(run.addr) > 0:
                    runs.append((offset + int(run.addr) * block, int(run.len) * block))
    except (OSError, RuntimeError):
        return  # an entry TSK cannot follow covers nothing we know of


class ImageRangeReader:
    """Reads ``size`` bytes of the image from absolute ``offset`` (a carved item)."""

    def __init__(self, path: str, kind: str, offset: int, size: int) -> None:
        self._path, self._kind = path, kind
        self._pos, self._end = offset, offset + size

    def read(self, n: int = -1) -> bytes:
        remaining = self._end - self._pos
        if n < 0 or n > remaining:
            n = remaining
        if n <= 0:
            return b""
        data = read_at(self._path, self._kind, self._pos, min(n, _CHUNK))
        self._pos += len(data) if data else remaining
        return data

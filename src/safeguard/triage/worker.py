"""What a Dask worker runs for triage: read found files from their source, hash them, and
open the archives among them; one JSON-ready record per file and per archive member.

Content decides everything: the kind (``sniff_kind`` on the first bytes, no name), the MIME
type (``mime_of``), whether a file is an archive. Pictures, videos and archives up to the
limits are read once into memory and hashed there (every signal); anything else is streamed
through MD5, SHA-1 and SHA-256 in chunks, so a 50 GB file costs 4 MiB of memory.

Nothing here raises for bad content or a broken file system: a record's ``error`` says
what went wrong, and the digests are kept whenever the bytes could be read.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from safeguard.scan.archives import (
    ArchiveLimits,
    Member,
    NotAnArchive,
    archive_format,
    walk_archive_bytes,
)
from safeguard.scan.worker import item_record
from safeguard.signals.crypto import CryptoDigests
from safeguard.signals.media import FileHashes, HashOptions, hash_bytes, hash_file, sniff_kind
from safeguard.triage import disk
from safeguard.triage.known import KnownDigests
from safeguard.triage.sources import FoundFile, SourceRef, item_key, open_file

Record = dict[str, Any]
MiB = 1 << 20
_CHUNK = 4 * MiB
_HEAD = 4096
#: Buffers from this size are digested on three threads (``_update_all``); smaller ones,
#: such as most pictures, on the task's own thread, where handing them to the pool's
#: threads costs more CPU than the overlap saves when the cores are busy.
_THREADED_FROM = 1 * MiB

_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"BM", 0, "image/bmp"),
    (b"\x1a\x45\xdf\xa3", 0, "video/x-matroska"),
    (b"FLV\x01", 0, "video/x-flv"),
    (b"OggS", 0, "application/ogg"),
    (b"\x00\x00\x01\xba", 0, "video/mpeg"),
    (b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", 0, "video/x-ms-asf"),
    (b"PK\x03\x04", 0, "application/zip"),
    (b"PK\x05\x06", 0, "application/zip"),
    (b"\x1f\x8b", 0, "application/gzip"),
    (b"BZh", 0, "application/x-bzip2"),
    (b"\xfd7zXZ\x00", 0, "application/x-xz"),
    (b"7z\xbc\xaf\x27\x1c", 0, "application/x-7z-compressed"),
    (b"ustar", 257, "application/x-tar"),
    (b"%PDF-", 0, "application/pdf"),
    (b"SQLite format 3\x00", 0, "application/vnd.sqlite3"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "application/x-ole-storage"),
)
_HEIF = {b"heic": "image/heic", b"heix": "image/heic", b"mif1": "image/heif"}
_HEIF |= {b"avif": "image/avif", b"avis": "image/avif"}


def mime_of(head: bytes) -> str:
    """The MIME type of content from its first bytes (``application/octet-stream`` when
    nothing is recognised; ``text/plain`` for UTF-8 text)."""
    for magic, at, mime in _MAGIC:
        if head[at : at + len(magic)] == magic:
            return mime
    if head[:4] == b"RIFF":
        return {b"WEBP": "image/webp", b"AVI ": "video/x-msvideo", b"WAVE": "audio/wav"}.get(
            head[8:12], "application/octet-stream"
        )
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF:
            return _HEIF[brand]
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if head:
        try:
            text = head[:1024].decode("utf-8")
        except UnicodeDecodeError:
            # Cut in the middle of a character at the end: try without the last 3 bytes.
            try:
                text = head[: max(0, min(len(head), 1024) - 3)].decode("utf-8")
            except UnicodeDecodeError:
                return "application/octet-stream"
        if all(c.isprintable() or c in "\r\n\t\f" for c in text):
            return "text/plain"
    return "application/octet-stream"


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _meta(found: FoundFile, path: str | None = None) -> Record:
    where = path if path is not None else found.path
    return {
        "path": where,
        "size": found.size,
        "partition": found.partition,
        "inode": found.inode,
        "allocated": found.allocated,
        "created": _iso(found.created),
        "modified": _iso(found.modified),
        "accessed": _iso(found.accessed),
        "changed": _iso(found.changed),
        "key": item_key(found.partition, found.inode, where),
    }


#: What a picture's record takes from its decoding (the rest are digests and metadata).
_IMAGE_FIELDS = (
    "pdq",
    "pdq_quality",
    "pdq_dihedral",
    "pdq_variants",
    "width",
    "height",
    "exif_orientation",
    "error",
    "error_code",
)


class PictureCache:
    """The image fields of pictures already decoded, by SHA-256 of their bytes and the
    hashing options: a copy of a picture (common on seized media: backups, the same download
    in several folders) is not decoded again. Identical bytes decode to identical pixels, so
    the cached fields are exactly what decoding again would give.

    In memory, per worker process, bounded (least recently used out first): ~65,536
    pictures take ~25 MB. With ``shared`` (a folder the run made on this machine) the fields
    are also written there, one small JSON file a picture, so the run's *other* worker
    processes find them too: without it every worker decoded each picture once (two workers,
    twice the decoding of the copies). A missing or unwritable folder only costs decoding."""

    def __init__(self, size: int = 65_536, shared: Path | None = None) -> None:
        self.size = size
        self.shared = shared
        self._fields: OrderedDict[tuple[str, HashOptions], dict[str, Any]] = OrderedDict()
        self.hits = 0
        self.shared_hits = 0

    def get(self, sha256: str, options: HashOptions) -> dict[str, Any] | None:
        key = (sha256, options)
        fields = self._fields.get(key)
        if fields is not None:
            self._fields.move_to_end(key)
            self.hits += 1
            return fields
        if self.shared is None:
            return None
        try:
            fields = json.loads(self._shared_path(sha256, options).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(fields, dict):
            return None
        self._remember(key, fields)
        self.hits += 1
        self.shared_hits += 1
        return fields

    def put(self, sha256: str, options: HashOptions, record: Record) -> None:
        fields = {name: record.get(name) for name in _IMAGE_FIELDS}
        self._remember((sha256, options), fields)
        if self.shared is None:
            return
        target = self._shared_path(sha256, options)
        partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            target.parent.mkdir(exist_ok=True)
            partial.write_text(json.dumps(fields))
            os.replace(partial, target)  # readers see the whole file or none
        except OSError:
            return

    def _remember(self, key: tuple[str, HashOptions], fields: dict[str, Any]) -> None:
        self._fields[key] = fields
        while len(self._fields) > self.size:
            self._fields.popitem(last=False)

    def _shared_path(self, sha256: str, options: HashOptions) -> Path:
        assert self.shared is not None
        tag = hashlib.sha1(repr(options).encode()).hexdigest()[:12]
        return self.shared / sha256[:2] / f"{sha256}-{tag}.json"


#: One per worker process: Dask runs a process's tasks one after another on its threads,
#: so this is shared by the tasks of one run (and is only a cache: losing it costs time).
_PICTURES = PictureCache()


def share_pictures(folder: str | None) -> None:
    """Run on every worker at the start of a run (``client.run``): use ``folder`` as the
    shared picture cache when it exists on this machine, or stop sharing (None). A worker on
    another machine, where the run's folder does not exist, keeps its own cache only."""
    path = Path(folder) if folder else None
    _PICTURES.shared = path if path is not None and path.is_dir() else None


def prepare_worker(locations: Sequence[tuple[str, str]] = ()) -> None:
    """Run on every worker while the run still verifies its sources (``client.run``): what
    a worker's first task would otherwise pay on the hashing clock, paid before it. Imports
    the decoders and digests, decodes one small picture drawn here (numpy, Pillow's JPEG
    plugin and PDQ's cached operators warm up) and opens each disk image's file systems
    once (``disk.open_image`` keeps them per process). A failure only costs that time
    later, so nothing here raises."""
    from io import BytesIO

    try:
        from PIL import Image

        buffer = BytesIO()
        Image.new("RGB", (64, 48), (90, 140, 200)).save(buffer, "JPEG")
        hash_bytes("warm.jpg", buffer.getvalue(), HashOptions(reduced_pdq=True))
        for location, kind in locations:
            volumes, _ = disk.volumes(location, kind)
            for volume in volumes:
                disk.open_fs(location, kind, volume.offset)
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def hash_files(
    ref: SourceRef,
    files: Sequence[FoundFile],
    options: HashOptions,
    limits: ArchiveLimits,
    known: KnownDigests | None = None,
) -> list[Record]:
    """The Dask task: records for every file of one source in ``files``. Pictures whose
    MD5 or SHA-1 is in ``known`` are not decoded (no PDQ: they are known material)."""
    out: list[Record] = []
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="digest") as pool:
        for found in files:
            try:
                out.extend(hash_found(ref, found, options, limits, known, pool=pool))
            except Exception as e:  # noqa: BLE001 - a bug on one file must not lose the batch
                out.append(failed_record(found, "internal_error", f"internal error: {e!r}"))
    return out


def _digests(data: bytes, pool: ThreadPoolExecutor | None) -> CryptoDigests:
    """MD5, SHA-1 and SHA-256 of ``data``; with a pool, MD5 and SHA-1 on its threads while
    this one does SHA-256 (hashlib releases the GIL on large buffers), so a worker uses a
    core the other workers leave idle."""
    md5, sha1, sha256 = hashlib.md5(), hashlib.sha1(), hashlib.sha256()
    _update_all((md5, sha1, sha256), data, pool)
    return CryptoDigests(len(data), md5.hexdigest(), sha1.hexdigest(), sha256.hexdigest())


def _update_all(hashes: tuple[Any, Any, Any], data: bytes, pool: ThreadPoolExecutor | None) -> None:
    """Feed ``data`` to the three hashes; with a pool and a large buffer, the first two on
    its threads while this one feeds the third (hashlib releases the GIL on large buffers)."""
    if pool is None or len(data) < _THREADED_FROM:
        for h in hashes:
            h.update(data)
        return
    pending = [pool.submit(h.update, data) for h in hashes[:2]]
    hashes[2].update(data)
    for future in pending:
        future.result()


def failed_record(found: FoundFile, code: str, message: str) -> Record:
    return (
        _meta(found)
        | FileHashes(path=found.path).fail(code, message).to_json()
        | {
            "path": found.path,
            "mime": None,
        }
    )


def hash_found(
    ref: SourceRef,
    found: FoundFile,
    options: HashOptions,
    limits: ArchiveLimits,
    known: KnownDigests | None = None,
    pictures: PictureCache | None = None,
    pool: ThreadPoolExecutor | None = None,
) -> list[Record]:
    """Records for one found file: its own, then its archive members' if it is one."""
    if found.error_code is not None:
        return [failed_record(found, found.error_code, found.error or found.error_code)]
    try:
        reader = open_file(ref, found)
    except OSError as e:
        return [failed_record(found, "unreadable", f"cannot read: {e.strerror or e}")]
    head = reader.read(_HEAD)
    kind = sniff_kind(head, "")
    archive = archive_format(head, "")
    mime = mime_of(head)
    keep = 0
    if kind == "image":
        keep = options.image_limits.max_bytes
    elif archive is not None:
        keep = limits.max_member_bytes
    if kind == "video":
        record = _hash_video(reader, head, options)
    elif found.size <= keep:
        data = head + _read_all(reader, keep - len(head))
        if kind == "image":
            record = _hash_picture(data, options, known, pictures or _PICTURES, pool)
        else:
            record = hash_bytes("content", data, options).to_json()
        if archive is not None:
            record["kind"] = "other"
    else:
        record = _stream_digests(reader, head, pool)
        if kind == "image":
            record["error_code"] = "too_large"
            record["error"] = f"{found.size} bytes is over the image limit of {keep}"
    if record.get("error_code") == "empty_file":
        # An empty file is evidence too (its digests are those of no bytes), not a failure.
        record["error"] = record["error_code"] = None
    if record.get("size") is not None and record["size"] < found.size and record["error"] is None:
        record["error_code"] = "short_read"
        record["error"] = (
            f"read {record['size']} of {found.size} bytes (deleted file partly overwritten, "
            "or its clusters could not be followed)"
        )
    if found.carve_error is not None:
        # Part of a picture: its digests stand for these bytes only, so it says so.
        decoded = record.get("error")
        record["error_code"] = "carved_partial"
        record["error"] = found.carve_error + (f"; {decoded}" if decoded else "")
    own = _meta(found) | record | {"path": found.path, "mime": mime}
    if archive is None or found.size > keep:
        return [own]
    members = _members(found, data, options, limits)
    own["archive"] = archive
    own["members"] = len(members)
    return [*members, own]


def _hash_picture(
    data: bytes,
    options: HashOptions,
    known: KnownDigests | None,
    pictures: PictureCache,
    pool: ThreadPoolExecutor | None = None,
) -> Record:
    digests = _digests(data, pool)
    if known is not None and known.knows(digests):
        record = hash_bytes("content", data, options, digests=digests, perceptual=False)
        out = record.to_json()
        out["pdq_skipped"] = "known"
        return out
    cached = pictures.get(digests.sha256, options) if digests.size else None
    if cached is not None:
        record = hash_bytes("content", data, options, digests=digests, perceptual=False)
        return record.to_json() | cached
    out = hash_bytes("content", data, options, digests=digests).to_json()
    if digests.size and out.get("kind") == "image":
        pictures.put(digests.sha256, options, out)
    return out


def _read_all(reader: Any, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size <= limit and (chunk := reader.read(_CHUNK)):
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _stream_digests(reader: Any, head: bytes, pool: ThreadPoolExecutor | None = None) -> Record:
    md5, sha1, sha256 = hashlib.md5(), hashlib.sha1(), hashlib.sha256()
    size = 0
    chunk = head
    while chunk:
        _update_all((md5, sha1, sha256), chunk, pool)
        size += len(chunk)
        chunk = reader.read(_CHUNK)
    record = FileHashes(path="content", kind="other", size=size)
    record.md5, record.sha1, record.sha256 = md5.hexdigest(), sha1.hexdigest(), sha256.hexdigest()
    return record.to_json()


def _hash_video(reader: Any, head: bytes, options: HashOptions) -> Record:
    # The decoder needs a seekable file: spool the content to a temporary one.
    with tempfile.NamedTemporaryFile(prefix="safeguard-triage-") as tmp:
        chunk = head
        while chunk:
            tmp.write(chunk)
            chunk = reader.read(_CHUNK)
        tmp.flush()
        return hash_file(tmp.name, options).to_json()


def _members(
    found: FoundFile, data: bytes, options: HashOptions, limits: ArchiveLimits
) -> list[Record]:
    out: list[Record] = []
    try:
        items = list(walk_archive_bytes(found.path, data, limits))
    except NotAnArchive:
        return out
    for item in items:
        if item.container is None:
            continue  # the archive itself: its own record is the file's
        try:
            record = item_record(item, found.path, options)
        except Exception as e:  # noqa: BLE001 - one member's bug must not lose the rest
            record = FileHashes(path=item.path).fail("internal_error", repr(e)).to_json()
        member_data = item.data if isinstance(item, Member) else getattr(item, "data", None)
        mime = mime_of(member_data[:_HEAD]) if member_data else None
        base = _meta(found, item.path)
        base.update(created=None, modified=None, accessed=None, changed=None)
        out.append(base | record | {"path": item.path, "mime": mime, "key": base["key"]})
    return out

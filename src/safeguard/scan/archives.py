"""Zip and tar archives, walked in memory: every member comes out as (display path, bytes),
or as a precise record of why it was not read. Nothing is ever extracted to disk, so a
member named ``../../etc/passwd`` is only ever a string in a report.

Archives are where hostile input lives, so every limit is enforced while the bytes are
being decompressed, never only from what the headers declare (headers can lie):

- a member's uncompressed size (``member_too_large``), counted chunk by chunk;
- the compression ratio, from the compressed bytes really consumed (``compression_ratio``);
- the total uncompressed bytes of one archive, nested archives included
  (``archive_too_large``), and its number of members (``too_many_members``);
- nesting depth: an archive inside an archive is walked too, up to ``max_depth`` levels
  (``archive_too_deep`` beyond); display paths chain with ``!/``:
  ``outer.zip!/inner.tar!/x.jpg``.

Members are refused for unsafe names (``unsafe_path``: ``..``, absolute paths, drive letters,
backslash variants), encryption (``encrypted``) and unsupported compression; links and
special files inside tars are skipped with a record. A damaged or truncated archive ends
with an error on its own record, after every member that could be read (a zip whose central
directory is gone is recovered from its local headers).

When a name occurs more than once in one archive, the second gets ``#2`` after it, the third
``#3``, so every display path is unique (resumable scans key on them).
"""

from __future__ import annotations

import bz2
import copy
import gzip
import io
import lzma
import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal, Protocol

from safeguard.scan import zipread

ArchiveFormat = Literal["zip", "tar", "tar.gz", "tar.bz2", "tar.xz"]

MiB = 1 << 20
#: How many leading bytes ``archive_format`` looks at.
HEAD_BYTES = 4096
_READ_CHUNK = 1 * MiB
_COMPRESSED_TAR_SUFFIXES: dict[ArchiveFormat, tuple[str, ...]] = {
    "tar.gz": (".tar.gz", ".tgz", ".taz"),
    "tar.bz2": (".tar.bz2", ".tbz2", ".tbz", ".tb2"),
    "tar.xz": (".tar.xz", ".txz"),
}
ARCHIVE_SUFFIXES: tuple[str, ...] = (
    ".zip",
    ".tar",
    *(s for suffixes in _COMPRESSED_TAR_SUFFIXES.values() for s in suffixes),
)


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Bounds on the work and memory one archive may cost.

    A member is held in memory while it is hashed, so ``max_member_bytes`` bounds a
    worker's memory (times ``max_depth`` for nested archives, which are held while walked).
    """

    max_member_bytes: int = 256 * MiB
    #: Uncompressed bytes read from one archive, the archives inside it included.
    max_total_bytes: int = 16 * 1024 * MiB
    #: Uncompressed / compressed. Deflate tops out near 1030; real photos and videos are
    #: close to 1, documents under 20.
    max_ratio: float = 200.0
    #: The ratio is judged only past this many uncompressed bytes: a small, very
    #: compressible file (a blank picture) costs nothing to read.
    ratio_grace_bytes: int = 8 * MiB
    #: Members of one archive, the archives inside it included.
    max_members: int = 100_000
    #: Archive levels walked: 3 walks ``a.zip!/b.zip!/c.zip!/x``.
    max_depth: int = 3

    def __post_init__(self) -> None:
        for name in ("max_member_bytes", "max_total_bytes", "max_members", "max_depth"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.max_ratio < 1 or self.ratio_grace_bytes < 0:
            raise ValueError("max_ratio must be >= 1 and ratio_grace_bytes >= 0")


@dataclass(frozen=True, slots=True)
class Member:
    """A member's content, to be hashed. ``container`` is the display path of the archive
    it is in."""

    path: str
    container: str
    data: bytes


@dataclass(frozen=True, slots=True)
class MemberError:
    """A member that was refused or could not be read."""

    path: str
    container: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class MemberSkipped:
    """A member without content of its own: a link or a special file."""

    path: str
    container: str
    code: Literal["symlink", "hardlink", "special_file"]
    message: str


@dataclass(frozen=True, slots=True)
class ArchiveEnd:
    """The last item of every archive walked (nested ones included), after its members.

    ``data`` is the archive's own bytes when it was a member of another archive (None for
    the archive on disk, whose ``container`` is None too); ``code``/``message`` say why it
    was not read to the end.
    """

    path: str
    container: str | None
    format: ArchiveFormat
    depth: int
    members: int
    data: bytes | None = None
    code: str | None = None
    message: str | None = None


ArchiveItem = Member | MemberError | MemberSkipped | ArchiveEnd


class NotAnArchive(ValueError):
    """``walk_archive`` was given a file that is not a zip or tar archive."""


class _Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class _Refusal(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _MemberRefused(_Refusal):
    """This member is not read; the archive goes on."""


class _ArchiveRefused(_Refusal):
    """The archive is not read any further."""


# --- names -----------------------------------------------------------------------------------

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name would escape an extraction folder, or None when it is safe.

    Backslashes count as separators (Windows extractors treat them so), which catches
    ``..\\..\\x`` and ``\\\\server\\share`` as well.
    """
    if not name:
        return "empty name"
    if "\x00" in name:
        return "NUL byte in the name"
    norm = name.replace("\\", "/")
    if norm.startswith("/"):
        return "absolute path"
    if _DRIVE.match(norm):
        return "drive letter"
    if ".." in norm.split("/"):
        return "parent-directory (..) component"
    return None


def printable(name: str) -> str:
    """The name with control characters escaped (``\\x0a``), for reports and terminals."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


class _Names:
    """Display paths of one archive's members, unique even when names repeat."""

    def __init__(self, parent: str) -> None:
        self._parent = parent
        self._seen: dict[str, int] = {}

    def make(self, name: str) -> str:
        base = f"{self._parent}!/{printable(name)}"
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        return base if n == 1 else f"{base}#{n}"


# --- recognising archives --------------------------------------------------------------------


def _is_tar_header(block: bytes) -> bool:
    if len(block) < 512 or block[0] == 0:
        return False
    if block[257:262] == b"ustar":
        return True
    # Pre-POSIX (v7) tars have no magic: check the header checksum instead.
    field = block[148:156].replace(b"\x00", b" ").strip()
    try:
        stored = int(field, 8)
    except ValueError:
        return False
    return stored == sum(block[:148]) + 8 * 32 + sum(block[156:512])


def _peek_decompressed(head: bytes, fmt: ArchiveFormat) -> bytes:
    try:
        if fmt == "tar.gz":
            return zlib.decompressobj(wbits=31).decompress(head, 512)
        if fmt == "tar.xz":
            return lzma.LZMADecompressor().decompress(head, 512)
        # bzip2 gives nothing before a whole block (up to 900 kB) is in: only small files.
        return bz2.BZ2Decompressor().decompress(head, 512)
    except (zlib.error, lzma.LZMAError, OSError, EOFError, ValueError):
        return b""


def archive_format(head: bytes, name: str = "") -> ArchiveFormat | None:
    """The archive format of content starting with ``head`` (``HEAD_BYTES`` are enough),
    from its bytes; for compressed tars the name helps when the head cannot tell (bzip2).
    A compressed file that is not a tar (``notes.txt.gz``) is not an archive."""
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if _is_tar_header(head[:512]):
        return "tar"
    compressed: ArchiveFormat | None = None
    if head[:2] == b"\x1f\x8b":
        compressed = "tar.gz"
    elif head[:6] == b"\xfd7zXZ\x00":
        compressed = "tar.xz"
    elif head[:3] == b"BZh":
        compressed = "tar.bz2"
    if compressed is None:
        return None
    if name.lower().endswith(_COMPRESSED_TAR_SUFFIXES[compressed]):
        return compressed
    return compressed if _is_tar_header(_peek_decompressed(head, compressed)) else None


def has_archive_suffix(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


# --- walking ---------------------------------------------------------------------------------


def walk_archive(
    path: str | Path, limits: ArchiveLimits | None = None, *, display: str | None = None
) -> Iterator[ArchiveItem]:
    """Every member of the archive at ``path`` (and of the archives inside it), ending with
    its ``ArchiveEnd``. Raises ``OSError`` if the file cannot be opened and ``NotAnArchive``
    if it is not a zip or tar; problems inside the archive are items, never exceptions."""
    shown = display if display is not None else str(path)
    with open(path, "rb") as f:
        fmt = archive_format(f.read(HEAD_BYTES), shown)
        if fmt is None:
            raise NotAnArchive(f"{shown}: not a zip or tar archive")
        f.seek(0)
        yield from _Walker(limits or ArchiveLimits()).walk(f, fmt, shown, None, 1, None)


def walk_archive_bytes(
    display: str, data: bytes, limits: ArchiveLimits | None = None
) -> Iterator[ArchiveItem]:
    """Like ``walk_archive``, for an archive already in memory; its ``ArchiveEnd`` carries
    ``data``."""
    fmt = archive_format(data[:HEAD_BYTES], display)
    if fmt is None:
        raise NotAnArchive(f"{display}: not a zip or tar archive")
    yield from _Walker(limits or ArchiveLimits()).walk(
        io.BytesIO(data), fmt, display, None, 1, data
    )


class _Counter:
    def __init__(self) -> None:
        self.n = 0


class _CountingRaw(io.RawIOBase):
    """Counts the compressed bytes a decompressor pulls from the file."""

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


class _GuardedStream:
    """The uncompressed tar stream, charged to the archive's budget as tarfile reads it,
    headers and skipped member data included; a ratio check when it is compressed."""

    def __init__(self, inner: _Readable, walker: _Walker, compressed: _CountingRaw | None) -> None:
        self._inner = inner
        self._walker = walker
        self._compressed = compressed
        self.count = 0

    def read(self, n: int = -1, /) -> bytes:
        data = self._inner.read(n if n >= 0 else _READ_CHUNK)
        self.count += len(data)
        self._walker.charge(len(data))
        limits = self._walker.limits
        if self._compressed is not None and self.count > limits.ratio_grace_bytes:
            packed = max(1, self._compressed.count)
            if self.count > limits.max_ratio * packed:
                raise _ArchiveRefused(
                    "compression_ratio",
                    f"expands more than {limits.max_ratio:g} times ({self.count:,} bytes from "
                    f"{packed:,}): likely a decompression bomb; reading stopped",
                )
        return data


class _Walker:
    """One archive on disk and everything nested in it, sharing one budget."""

    def __init__(self, limits: ArchiveLimits) -> None:
        self.limits = limits
        self.total = 0
        self.members = 0

    def charge(self, n: int) -> None:
        self.total += n
        if self.total > self.limits.max_total_bytes:
            raise _ArchiveRefused(
                "archive_too_large",
                f"more than {self.limits.max_total_bytes:,} uncompressed bytes in this archive "
                "(nested archives included): the rest was not read",
            )

    def count_member(self) -> None:
        self.members += 1
        if self.members > self.limits.max_members:
            raise _ArchiveRefused(
                "too_many_members",
                f"more than {self.limits.max_members:,} members (nested archives included): "
                "the rest were not read",
            )

    def walk(
        self,
        f: BinaryIO,
        fmt: ArchiveFormat,
        display: str,
        container: str | None,
        depth: int,
        data: bytes | None,
    ) -> Iterator[ArchiveItem]:
        counter = _Counter()
        code = message = None
        try:
            if fmt == "zip":
                yield from self._zip(f, display, depth, counter)
            else:
                yield from self._tar(f, fmt, display, depth, counter)
        except _ArchiveRefused as e:
            code, message = e.code, e.message
        yield ArchiveEnd(display, container, fmt, depth, counter.n, data, code, message)

    def read(
        self,
        stream: _Readable,
        *,
        declared: int | None,
        consumed: Callable[[], int] | None,
        charge: bool,
    ) -> bytes:
        """A member's bytes, chunk by chunk, stopping as soon as a limit is passed."""
        limits = self.limits
        parts: list[bytes] = []
        n = 0
        while chunk := stream.read(_READ_CHUNK):
            n += len(chunk)
            if charge:
                self.charge(len(chunk))
            if n > limits.max_member_bytes:
                said = "" if declared is None else f"; its header declares {declared:,}"
                raise _MemberRefused(
                    "member_too_large",
                    f"more than {limits.max_member_bytes:,} bytes uncompressed{said}: "
                    "reading stopped at the limit",
                )
            if consumed is not None and n > limits.ratio_grace_bytes:
                packed = max(1, consumed())
                if n > limits.max_ratio * packed:
                    raise _MemberRefused(
                        "compression_ratio",
                        f"expands more than {limits.max_ratio:g} times ({n:,} bytes from "
                        f"{packed:,}): likely a zip bomb; reading stopped",
                    )
            parts.append(chunk)
        return b"".join(parts)

    def member(self, path: str, container: str, data: bytes, depth: int) -> Iterator[ArchiveItem]:
        """A member read whole: a file to hash, or an archive to walk in turn."""
        fmt = archive_format(data[:HEAD_BYTES], path)
        if fmt is None:
            yield Member(path, container, data)
            return
        if depth >= self.limits.max_depth:
            yield ArchiveEnd(
                path,
                container,
                fmt,
                depth + 1,
                0,
                data,
                "archive_too_deep",
                f"archive nested more than {self.limits.max_depth} levels deep: hashed as a "
                "file, its members were not read",
            )
            return
        yield from self.walk(io.BytesIO(data), fmt, path, container, depth + 1, data)

    # --- zip ---------------------------------------------------------------------------------

    def _zip(
        self, f: BinaryIO, display: str, depth: int, counter: _Counter
    ) -> Iterator[ArchiveItem]:
        names = _Names(display)
        declared = zipread.declared_entries(f)
        room = self.limits.max_members - self.members
        if declared is not None and declared > room:
            # Refused before zipfile loads a directory that size into memory.
            raise _ArchiveRefused(
                "too_many_members",
                f"its directory lists {declared:,} members, more than the {room:,} allowed: "
                "none were read",
            )
        try:
            zf = zipfile.ZipFile(f)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
            yield from self._zip_local(f, display, depth, counter, names, str(e))
            return
        with zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                self.count_member()
                counter.n += 1
                path = names.make(info.filename)
                refusal: MemberError | MemberSkipped | None = self._zip_policy(
                    path, display, info.filename, info.flag_bits, info.compress_type, info.file_size
                )
                if refusal is None and info.create_system == 3:
                    refusal = _unix_mode_skip(path, display, info.external_attr >> 16)
                if refusal is not None:
                    yield refusal
                    continue
                try:
                    with zf.open(_raw_probe(info)) as raw:
                        reader = zipread.MemberReader(raw, info.compress_type, info.CRC)
                        data = self.read(
                            reader,
                            declared=info.file_size,
                            consumed=reader.consumed,
                            charge=True,
                        )
                except _MemberRefused as e:
                    yield MemberError(path, display, e.code, e.message)
                    continue
                except NotImplementedError as e:
                    yield MemberError(path, display, "unsupported_compression", str(e))
                    continue
                except (zipfile.BadZipFile, zipread.ZipDataError, EOFError, OSError) as e:
                    yield MemberError(path, display, "corrupt_archive", f"damaged member: {e}")
                    continue
                if len(data) != info.file_size:
                    yield _size_mismatch(path, display, info.file_size, len(data))
                    continue
                yield from self.member(path, display, data, depth)

    def _zip_policy(
        self, path: str, container: str, name: str, flags: int, method: int, declared: int | None
    ) -> MemberError | None:
        reason = unsafe_name_reason(name)
        if reason is not None:
            return MemberError(
                path, container, "unsafe_path", f"unsafe member name ({reason}): refused"
            )
        if flags & zipread.FLAG_ENCRYPTED:
            return MemberError(
                path,
                container,
                "encrypted",
                "encrypted member: it cannot be read without its password",
            )
        if method not in zipread.SUPPORTED_METHODS:
            return MemberError(
                path,
                container,
                "unsupported_compression",
                f"{zipread.method_name(method)} compression is not supported",
            )
        if declared is not None and declared > self.limits.max_member_bytes:
            return MemberError(
                path,
                container,
                "member_too_large",
                f"declares {declared:,} bytes, more than the limit of "
                f"{self.limits.max_member_bytes:,}",
            )
        return None

    def _zip_local(
        self,
        f: BinaryIO,
        display: str,
        depth: int,
        counter: _Counter,
        names: _Names,
        why: str,
    ) -> Iterator[ArchiveItem]:
        """Recovery when the central directory is unreadable: members from local headers."""
        walk = zipread.LocalWalk(f)

        def damaged(detail: str) -> _ArchiveRefused:
            return _ArchiveRefused(
                "corrupt_archive",
                f"truncated or damaged zip ({why}); {detail}; "
                f"{counter.n} members recovered from local headers",
            )

        while True:
            try:
                entry = walk.next()
            except zipread.ZipTruncated as e:
                raise damaged(str(e)) from None
            if entry is None:
                raise damaged("no readable central directory")
            known = entry.compressed_size is not None
            if entry.is_dir and known:
                walk.offset = entry.data_offset + (entry.compressed_size or 0)
                continue
            self.count_member()
            counter.n += 1
            path = names.make(entry.name)
            refusal = self._zip_policy(
                path, display, entry.name, entry.flags, entry.method, entry.file_size
            )
            if refusal is not None and known:
                yield refusal
                walk.offset = entry.data_offset + (entry.compressed_size or 0)
                continue
            if not known and (
                entry.encrypted
                or entry.method not in zipread.SUPPORTED_METHODS
                or entry.method == zipread.STORED
            ):
                if refusal is not None:
                    yield refusal
                raise damaged(f"cannot tell where {path} ends")
            reader = zipread.MemberReader(
                zipread.Window(f, entry.data_offset, entry.compressed_size),
                entry.method,
                entry.crc if known else None,
            )
            try:
                data = self.read(
                    reader, declared=entry.file_size, consumed=reader.consumed, charge=True
                )
            except _MemberRefused as e:
                yield MemberError(path, display, e.code, e.message)
                if not known:
                    raise damaged(f"cannot tell where {path} ends") from None
                walk.offset = entry.data_offset + (entry.compressed_size or 0)
                continue
            except zipread.ZipTruncated:
                yield MemberError(
                    path, display, "corrupt_archive", "the archive ends inside this member"
                )
                raise damaged(f"it ends inside {path}") from None
            except zipread.ZipDataError as e:
                yield MemberError(path, display, "corrupt_archive", f"damaged member: {e}")
                if not known:
                    raise damaged(f"cannot tell where {path} ends") from None
                walk.offset = entry.data_offset + (entry.compressed_size or 0)
                continue
            if known:
                walk.offset = entry.data_offset + (entry.compressed_size or 0)
            else:
                end = entry.data_offset + reader.fed - reader.overrun
                crc = walk.skip_descriptor(end)
                if crc is not None and crc != reader.crc:
                    yield MemberError(
                        path,
                        display,
                        "corrupt_archive",
                        "damaged member: CRC mismatch with its descriptor",
                    )
                    continue
            if refusal is not None:
                yield refusal
            elif entry.file_size is not None and len(data) != entry.file_size:
                yield _size_mismatch(path, display, entry.file_size, len(data))
            elif not entry.is_dir:
                yield from self.member(path, display, data, depth)

    # --- tar ---------------------------------------------------------------------------------

    def _tar(
        self, f: BinaryIO, fmt: ArchiveFormat, display: str, depth: int, counter: _Counter
    ) -> Iterator[ArchiveItem]:
        counting = _CountingRaw(f)
        raw: BinaryIO = io.BufferedReader(counting)
        inner = _decompressing(fmt, raw)
        stream = _GuardedStream(inner, self, counting if fmt != "tar" else None)
        try:
            # Stream mode: one pass, no seeking, the same for a file and for nested bytes.
            with tarfile.open(fileobj=stream, mode="r|") as tf:  # type: ignore[call-overload]
                yield from self._tar_members(tf, stream, display, depth, counter)
        except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as e:
            raise _ArchiveRefused(
                "corrupt_archive", f"damaged or truncated {fmt} archive: {e}"
            ) from None

    def _tar_members(
        self,
        tf: tarfile.TarFile,
        stream: _GuardedStream,
        display: str,
        depth: int,
        counter: _Counter,
    ) -> Iterator[ArchiveItem]:
        names = _Names(display)
        for info in tf:
            if info.isdir():
                continue
            self.count_member()
            counter.n += 1
            path = names.make(info.name)
            skipped = _tar_skip(path, display, info)
            if skipped is not None:
                yield skipped
                continue
            if info.size > self.limits.max_member_bytes:
                yield MemberError(
                    path,
                    display,
                    "member_too_large",
                    f"declares {info.size:,} bytes, more than the limit of "
                    f"{self.limits.max_member_bytes:,}",
                )
                continue
            member = tf.extractfile(info)
            if member is None:  # pragma: no cover - isreg() members always have data
                continue
            try:
                data = self.read(member, declared=info.size, consumed=None, charge=False)
            except _MemberRefused as e:
                yield MemberError(path, display, e.code, e.message)
                continue
            except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as e:
                yield MemberError(
                    path, display, "corrupt_archive", f"the archive ends or breaks here: {e}"
                )
                raise
            yield from self.member(path, display, data, depth)
        _check_tar_end(tf, stream)


def _raw_probe(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A copy of ``info`` that makes zipfile hand over the member's compressed bytes as they
    are (we inflate them ourselves, bounded) without checking a CRC over them."""
    probe = copy.copy(info)
    probe.compress_type = zipfile.ZIP_STORED
    probe.file_size = info.compress_size
    probe.CRC = None  # type: ignore[assignment]
    return probe


def _size_mismatch(path: str, container: str, declared: int, actual: int) -> MemberError:
    return MemberError(
        path,
        container,
        "corrupt_archive",
        f"its header declares {declared:,} bytes but the data holds {actual:,}: "
        "damaged or altered header",
    )


def _unix_mode_skip(path: str, container: str, mode: int) -> MemberSkipped | None:
    # Many writers store permission bits only (no file type): that is a regular file.
    kind = stat.S_IFMT(mode)
    if kind in (0, stat.S_IFREG, stat.S_IFDIR):
        return None
    if stat.S_ISLNK(mode):
        return MemberSkipped(path, container, "symlink", "symbolic link: links are not followed")
    return MemberSkipped(
        path, container, "special_file", "special file (device, FIFO, socket): no content"
    )


def _tar_skip(
    path: str, container: str, info: tarfile.TarInfo
) -> MemberError | MemberSkipped | None:
    reason = unsafe_name_reason(info.name)
    if reason is not None:
        return MemberError(
            path, container, "unsafe_path", f"unsafe member name ({reason}): refused"
        )
    if info.issym():
        return MemberSkipped(
            path,
            container,
            "symlink",
            f"symbolic link to {printable(info.linkname)!r}: links are not followed",
        )
    if info.islnk():
        return MemberSkipped(
            path,
            container,
            "hardlink",
            f"hard link to {printable(info.linkname)!r}: its content is that member's",
        )
    if not info.isreg():
        return MemberSkipped(
            path, container, "special_file", "special file (device, FIFO): no content to read"
        )
    return None


def _check_tar_end(tf: tarfile.TarFile, stream: _GuardedStream) -> None:
    """tarfile ends quietly when the file stops at (or inside) a header; a whole archive has
    an end-of-archive block there."""
    need = tf.offset + tarfile.BLOCKSIZE
    while stream.count < need:
        if not stream.read(need - stream.count):
            raise _ArchiveRefused(
                "corrupt_archive", "truncated: the archive ends without its end-of-archive block"
            )


def _decompressing(fmt: ArchiveFormat, raw: BinaryIO) -> _Readable:
    if fmt == "tar.gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if fmt == "tar.bz2":
        return bz2.BZ2File(raw)
    if fmt == "tar.xz":
        return lzma.LZMAFile(raw)
    return raw

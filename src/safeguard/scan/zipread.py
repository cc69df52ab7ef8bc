"""Reading zip members at the byte level, without trusting the headers.

``zipfile`` is used to find members (its central-directory parser is good), but the member
data is decompressed here: ``zipfile`` trusts the declared sizes, and for bzip2 members it
inflates each read without an output bound, so a few kilobytes can become gigabytes in one
call. ``MemberReader`` inflates with a bound on every call, counts the compressed bytes it
really consumed (for the compression-ratio limit) and checks the CRC itself.

When the central directory is gone (a truncated download, a carved file), members can still
be recovered by walking the local file headers from the start: ``iter_local_entries``.
"""

from __future__ import annotations

import bz2
import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Protocol

STORED = 0
DEFLATED = 8
BZIP2 = 12
SUPPORTED_METHODS = frozenset({STORED, DEFLATED, BZIP2})
METHOD_NAMES = {
    STORED: "stored",
    DEFLATED: "deflate",
    9: "deflate64",
    BZIP2: "bzip2",
    14: "lzma",
    93: "zstandard",
    95: "xz",
    98: "ppmd",
    99: "aes",
}
FLAG_ENCRYPTED = 0x1
FLAG_DATA_DESCRIPTOR = 0x8
FLAG_UTF8 = 0x800

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_DESCRIPTOR = b"PK\x07\x08"
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_RAW_CHUNK = 1 << 16


class ZipDataError(Exception):
    """The member's bytes are damaged: bad compressed stream or CRC mismatch."""


class ZipTruncated(ZipDataError):
    """The data ends before the member does."""


class _Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


def method_name(method: int) -> str:
    return METHOD_NAMES.get(method, f"method {method}")


class MemberReader:
    """A member's content from its raw compressed bytes, ``read(n)`` never returning more
    than ``n`` bytes however well the data compresses.

    ``raw`` yields the compressed bytes; for a member whose compressed size is unknown (a
    data descriptor follows it) it may run past the end, and ``overrun`` says by how much
    once the stream has ended.
    """

    def __init__(self, raw: _Readable, method: int, expected_crc: int | None) -> None:
        if method not in SUPPORTED_METHODS:
            raise ValueError(f"unsupported compression: {method_name(method)}")
        self._raw = raw
        self._method = method
        self._expected_crc = expected_crc
        self._crc = 0
        self._inflate = zlib.decompressobj(-15) if method == DEFLATED else None
        self._bunzip = bz2.BZ2Decompressor() if method == BZIP2 else None
        self._tail = b""
        self.fed = 0
        self.eof = False

    def consumed(self) -> int:
        """Compressed bytes used so far (an upper bound for bzip2, which buffers)."""
        return self.fed - len(self._tail)

    @property
    def crc(self) -> int:
        """CRC-32 of the content returned so far."""
        return self._crc

    @property
    def overrun(self) -> int:
        if self._inflate is not None:
            return len(self._inflate.unused_data)
        if self._bunzip is not None and self._bunzip.eof:
            return len(self._bunzip.unused_data)
        return 0

    def _feed(self) -> bytes:
        chunk = self._raw.read(_RAW_CHUNK)
        self.fed += len(chunk)
        return chunk

    def read(self, n: int = -1, /) -> bytes:
        """Up to ``n`` bytes of content (64 KiB when negative); b"" at the end. Raises
        ``ZipDataError`` (damaged stream, CRC mismatch) or ``ZipTruncated``."""
        while not self.eof:
            out = self._step(n if n > 0 else _RAW_CHUNK)
            if out:
                self._crc = zlib.crc32(out, self._crc)
            if self.eof:
                self._verify()
            if out:
                return out
        return b""

    def _step(self, n: int) -> bytes:
        if self._inflate is not None:
            data = self._tail or self._feed()
            try:
                out = self._inflate.decompress(data, n)
            except zlib.error as e:
                raise ZipDataError(f"damaged deflate data: {e}") from None
            self._tail = self._inflate.unconsumed_tail
            if self._inflate.eof:
                self._finish()
            elif not data and not out:
                raise ZipTruncated("compressed data ends before the member does")
            return out
        if self._bunzip is not None:
            data = self._feed() if self._bunzip.needs_input else b""
            try:
                out = self._bunzip.decompress(data, n)
            except (OSError, EOFError, ValueError) as e:
                raise ZipDataError(f"damaged bzip2 data: {e}") from None
            if self._bunzip.eof:
                self._finish()
            elif not data and not out:
                raise ZipTruncated("compressed data ends before the member does")
            return out
        out = self._raw.read(n)
        self.fed += len(out)
        if not out:
            self._finish()
        return out

    def _finish(self) -> None:
        self.eof = True

    def _verify(self) -> None:
        if self._expected_crc is not None and self._crc != self._expected_crc:
            raise ZipDataError(
                f"CRC mismatch (header {self._expected_crc:08x}, data {self._crc:08x}): "
                "damaged or altered member"
            )


class Window:
    """At most ``size`` bytes of ``fp`` from ``start`` (None: to the end of the file);
    raises ``ZipTruncated`` when the file ends first."""

    def __init__(self, fp: BinaryIO, start: int, size: int | None) -> None:
        self._fp = fp
        self._pos = start
        self._left = size

    def read(self, n: int = -1) -> bytes:
        want = n if n >= 0 else _RAW_CHUNK
        if self._left is not None:
            want = min(want, self._left)
            if want == 0:
                return b""
        self._fp.seek(self._pos)
        data = self._fp.read(want)
        self._pos += len(data)
        if self._left is not None:
            self._left -= len(data)
            if not data:
                raise ZipTruncated("the archive ends inside this member")
        return data


def declared_entries(fp: BinaryIO) -> int | None:
    """How many entries the end-of-central-directory record declares (Zip64 aware), or None
    when there is no readable record. Read before ``zipfile`` loads the whole directory."""
    fp.seek(0, 2)
    size = fp.tell()
    start = max(0, size - (22 + 0xFFFF))
    fp.seek(start)
    tail = fp.read(size - start)
    i = tail.rfind(_EOCD)
    if i < 0 or len(tail) - i < 22:
        return None
    entries = int(struct.unpack_from("<H", tail, i + 10)[0])
    if entries != 0xFFFF:
        return entries
    loc = i - 20
    if loc < 0 or tail[loc : loc + 4] != _EOCD64_LOCATOR:
        return entries
    (offset,) = struct.unpack_from("<Q", tail, loc + 8)
    fp.seek(offset)
    record = fp.read(56)
    if len(record) < 56 or record[:4] != _EOCD64:
        return entries
    return int(struct.unpack_from("<Q", record, 32)[0])


@dataclass(frozen=True, slots=True)
class LocalEntry:
    """One member as its local header describes it."""

    name: str
    flags: int
    method: int
    crc: int
    compressed_size: int | None
    file_size: int | None
    data_offset: int

    @property
    def encrypted(self) -> bool:
        return bool(self.flags & FLAG_ENCRYPTED)

    @property
    def is_dir(self) -> bool:
        return self.name.endswith("/")


def decode_name(raw: bytes, flags: int) -> str:
    # The UTF-8 flag is often missing on names that are UTF-8 in practice; cp437 is the
    # format's default, as zipfile does.
    return raw.decode("utf-8" if flags & FLAG_UTF8 else "cp437", "replace")


def _zip64_sizes(extra: bytes, csize: int, usize: int) -> tuple[int, int]:
    i = 0
    while i + 4 <= len(extra):
        tag, length = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4 : i + 4 + length]
        if tag == 0x0001:
            values = [int(v) for v in struct.unpack_from(f"<{len(body) // 8}Q", body)]
            if usize == 0xFFFFFFFF and values:
                usize = values.pop(0)
            if csize == 0xFFFFFFFF and values:
                csize = values.pop(0)
            break
        i += 4 + length
    return csize, usize


class LocalWalk:
    """Walks local headers one by one: ``next()`` parses the header at the current offset,
    ``skip_to(offset)`` moves past the member's data once the caller knows where it ends.

    Ends (returns None) at the central directory or at anything that is not a local
    header; raises ``ZipTruncated`` when the file ends inside a header.
    """

    def __init__(self, fp: BinaryIO) -> None:
        self._fp = fp
        self.offset = 0
        fp.seek(0, 2)
        self.size = fp.tell()
        self.reached_directory = False

    def next(self) -> LocalEntry | None:
        fp = self._fp
        fp.seek(self.offset)
        header = fp.read(_LOCAL_HEADER.size)
        if header[:4] in (_CENTRAL, _EOCD):
            self.reached_directory = True
            return None
        if header[:4] != _LOCAL:
            # The end of the file, or bytes that are not a header: nothing more to recover.
            return None
        if len(header) < _LOCAL_HEADER.size:
            raise ZipTruncated("the archive ends inside a member header")
        (_, _, flags, method, _, _, crc, csize, usize, nlen, xlen) = _LOCAL_HEADER.unpack(header)
        name = fp.read(nlen)
        extra = fp.read(xlen)
        if len(name) < nlen or len(extra) < xlen:
            raise ZipTruncated("the archive ends inside a member header")
        csize, usize = _zip64_sizes(extra, csize, usize)
        unknown = bool(flags & FLAG_DATA_DESCRIPTOR)
        return LocalEntry(
            name=decode_name(name, flags),
            flags=flags,
            method=method,
            crc=crc,
            compressed_size=None if unknown else csize,
            file_size=None if unknown else usize,
            data_offset=self.offset + _LOCAL_HEADER.size + nlen + xlen,
        )

    def skip_descriptor(self, data_end: int) -> int | None:
        """Move past the data descriptor that follows data ending at ``data_end`` and return
        the CRC it records. Its signature is optional and its sizes are 4 or 8 bytes: take
        the layout after which a header follows (None when none fits)."""
        fp = self._fp
        fp.seek(data_end)
        probe = fp.read(32)
        start = 4 if probe[:4] == _DESCRIPTOR else 0
        for body in (12, 20):
            if probe[start + body : start + body + 4] in (_LOCAL, _CENTRAL, _EOCD):
                self.offset = data_end + start + body
                crc: int = struct.unpack_from("<I", probe, start)[0]
                return crc
        self.offset = data_end + start + 12
        return None

"""Carving pictures out of a file system's unallocated space: JPEG, PNG and GIF.

A deleted file's directory entry and metadata can be gone (ext4 clears a deleted file's
extents) while its content is still in blocks nothing uses. Carving finds such content by
its signature, without the file system's help:

1. the blocks every allocated file occupies are collected from The Sleuth Kit (their data
   runs); everything else in the file system's extent is *unallocated* for carving;
2. that space is scanned for the formats' headers (JPEG ``FF D8 FF``, PNG's 8-byte
   signature, ``GIF87a``/``GIF89a``);
3. from each header, the format's own structure is followed to its end, not a blind
   search for a footer: JPEG marker segments by their lengths, then the entropy-coded data
   to ``FF D9`` (so a thumbnail's own ``FF D9`` inside EXIF does not cut the picture short);
   PNG chunks to ``IEND``; GIF blocks to the trailer ``3B``. A header whose structure breaks
   before its end, or that runs over ``max_size``, is not carved.

Each carved item keeps its byte offset in the image and its size. Carved items are read
back by that offset, so nothing needs copying. Only pictures are carved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

MiB = 1 << 20
#: Carved items larger than this are not carved (a broken structure would run on).
MAX_CARVED = 64 * MiB
#: Smaller than this is a stray signature, not a picture.
MIN_CARVED = 64
_SCAN_CHUNK = 4 * MiB
_FIRST_READ = 256 * 1024

_JPEG = b"\xff\xd8\xff"
_PNG = b"\x89PNG\r\n\x1a\n"
_GIF = (b"GIF87a", b"GIF89a")
#: What ``CarvedItem.format`` is for each signature.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (_JPEG, "jpg"),
    (_PNG, "png"),
    (_GIF[0], "gif"),
    (_GIF[1], "gif"),
)
_LONGEST = max(len(sig) for sig, _ in _SIGNATURES)

#: Read ``size`` bytes at an absolute ``offset`` of the image (fewer at its end).
ReadAt = Callable[[int, int], bytes]


class _NeedMore(Exception):
    """The buffer ended before the structure did."""


@dataclass(frozen=True, slots=True)
class CarvedItem:
    offset: int
    size: int
    format: str


def jpeg_length(buf: bytes) -> int | None:
    """Length of the JPEG starting at ``buf[0]`` (``FF D8``), None if it is not one;
    raises ``_NeedMore`` when ``buf`` ends first."""
    n = len(buf)
    pos = 2
    in_scan = False
    while True:
        if in_scan:
            # Entropy-coded data: FF 00 is a stuffed byte, FF D0-D7 restart markers.
            while True:
                at = buf.find(b"\xff", pos)
                if at < 0 or at + 1 >= n:
                    raise _NeedMore
                nxt = buf[at + 1]
                if nxt == 0 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    pos = at + 1 if nxt == 0xFF else at + 2
                    continue
                pos = at
                in_scan = False
                break
        if pos + 1 >= n:
            raise _NeedMore
        if buf[pos] != 0xFF:
            return None
        while pos < n and buf[pos] == 0xFF:
            pos += 1  # fill bytes
        if pos >= n:
            raise _NeedMore
        marker = buf[pos]
        pos += 1
        if marker == 0xD9:
            return pos
        if marker == 0xD8 or marker == 0x00:
            return None
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        if pos + 2 > n:
            raise _NeedMore
        length = int.from_bytes(buf[pos : pos + 2], "big")
        if length < 2:
            return None
        pos += length
        if pos > n:
            raise _NeedMore
        if marker == 0xDA:
            in_scan = True


def png_length(buf: bytes) -> int | None:
    """Length of the PNG starting at ``buf[0]``, up to and with its ``IEND`` chunk."""
    pos = len(_PNG)
    first = True
    while True:
        if pos + 8 > len(buf):
            raise _NeedMore
        length = int.from_bytes(buf[pos : pos + 4], "big")
        kind = buf[pos + 4 : pos + 8]
        if length > MAX_CARVED or not kind.isalpha():
            return None
        if first and kind != b"IHDR":
            return None
        first = False
        pos += 12 + length
        if pos > len(buf):
            raise _NeedMore
        if kind == b"IEND":
            return pos


def gif_length(buf: bytes) -> int | None:
    """Length of the GIF starting at ``buf[0]``, up to and with its trailer ``3B``."""
    n = len(buf)

    def need(upto: int) -> None:
        if upto > n:
            raise _NeedMore

    need(13)
    flags = buf[10]
    pos = 13
    if flags & 0x80:
        pos += 3 * (2 << (flags & 0x07))
    while True:
        need(pos + 1)
        block = buf[pos]
        if block == 0x3B:
            return pos + 1
        if block == 0x21:  # extension: label, then sub-blocks
            pos += 2
        elif block == 0x2C:  # image descriptor, local colour table, LZW code size
            need(pos + 10)
            local = buf[pos + 9]
            pos += 10
            if local & 0x80:
                pos += 3 * (2 << (local & 0x07))
            pos += 1
        else:
            return None
        while True:  # data sub-blocks up to the empty one
            need(pos + 1)
            size = buf[pos]
            pos += 1 + size
            if size == 0:
                break


_LENGTH = {"jpg": jpeg_length, "png": png_length, "gif": gif_length}


def _measure(read_at: ReadAt, offset: int, end: int, fmt: str, max_size: int) -> int | None:
    size = min(_FIRST_READ, end - offset, max_size)
    while True:
        buf = read_at(offset, size)
        try:
            length = _LENGTH[fmt](buf)
        except (_NeedMore, IndexError):
            if len(buf) < size or size >= min(max_size, end - offset):
                return None  # the structure runs past the space or the size bound
            size = min(size * 4, max_size, end - offset)
            continue
        if length is None or length < MIN_CARVED:
            return None
        return length


def carve(
    read_at: ReadAt,
    start: int,
    end: int,
    allocated: list[tuple[int, int]],
    *,
    max_size: int = MAX_CARVED,
) -> Iterator[CarvedItem]:
    """Pictures whose first byte lies in ``[start, end)`` outside every ``allocated``
    ``(offset, length)`` range (absolute byte offsets), in offset order. A picture found is
    skipped over: nothing is carved from inside another carved picture."""
    ranges = _merge(allocated)
    at = start
    r = 0
    while at < end:
        while r < len(ranges) and ranges[r][1] <= at:
            r += 1
        if r < len(ranges) and ranges[r][0] <= at:
            at = ranges[r][1]  # inside an allocated file: jump past it
            continue
        stop = min(end, at + _SCAN_CHUNK, ranges[r][0] if r < len(ranges) else end)
        chunk = read_at(at, stop - at + _LONGEST - 1)
        if not chunk:
            return
        hit = _first_signature(chunk, stop - at)
        if hit is None:
            at = stop
            continue
        found_at, fmt = at + hit[0], hit[1]
        length = _measure(read_at, found_at, end, fmt, max_size)
        if length is None:
            at = found_at + 1
            continue
        yield CarvedItem(found_at, length, fmt)
        at = found_at + length


def _first_signature(chunk: bytes, limit: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for sig, fmt in _SIGNATURES:
        pos = chunk.find(sig, 0, limit + len(sig) - 1)
        if pos >= 0 and pos < limit and (best is None or pos < best[0]):
            best = (pos, fmt)
    return best


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(offset, length) ranges as sorted, merged (start, stop) pairs."""
    out: list[tuple[int, int]] = []
    for begin, length in sorted(ranges):
        stop = begin + length
        if out and begin <= out[-1][1]:
            if stop > out[-1][1]:
                out[-1] = (out[-1][0], stop)
        else:
            out.append((begin, stop))
    return out

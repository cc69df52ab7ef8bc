"""The index snapshot file: a versioned, checksummed container of named numpy arrays.

No pickle: a snapshot is a fixed header, a table of sections, a JSON object of parameters,
and the raw little-endian bytes of each array. Everything is checked on load, so a
truncated, corrupted or foreign file raises ``SnapshotError`` instead of loading garbage.

Format version 1 (all integers little-endian; offsets from the start of the file)::

    offset  size  field
    0       8     magic: 89 53 47 49 44 58 0D 0A  ("\\x89SGIDX\\r\\n", PNG-style: the high
                  byte and CR LF catch 7-bit and text-mode transfers)
    8       4     u32 format version = 1
    12      4     u32 S, the number of sections (at most 64)
    16      16    kind, ASCII, NUL-padded: "pdq", "md5", "sha1" or "sha256"
    32      8     u64 M, the length of the JSON parameters
    40      96*S  section records, each:
                    0   16  name, ASCII, NUL-padded
                    16  8   numpy dtype string, ASCII, NUL-padded: "<u8", "<u4", "<u2",
                            "|u1", "<i8", "<i2", or "|S<n>" (fixed-width bytes)
                    24  4   u32 number of dimensions (1 or 2)
                    28  4   u32 reserved, 0
                    32  16  2 x u64 shape (the second is 0 for one dimension)
                    48  8   u64 offset of the section's bytes (a multiple of 64)
                    56  8   u64 length in bytes (= product of shape x item size)
                    64  32  SHA-256 of the section's bytes
    40+96S  M     the parameters: a UTF-8 JSON object (meaning defined by the kind)
    40+96S+M 32   SHA-256 of bytes [0, 40+96S+M): the header is checked as a whole
    then          sections in table order, each starting at its offset (zero padding before
                  it); the file ends exactly where the last section ends

Arrays are C-ordered. A reader checks, in order: magic, version, header checksum, kind,
that sections lie inside the file in order without overlap and that the file has no
trailing bytes, dtype and shape against the length, that padding is zero, and each
section's checksum: so every byte of the file is covered by some check.

Writes go to a temporary file in the same directory, fsynced, then ``os.replace``d over
the target, so a reader (or a crash) sees the old snapshot or the new one, never half.

This module owns the container only; what the arrays mean belongs to each index.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.errors import InternalError

MAGIC = b"\x89SGIDX\r\n"
FORMAT_VERSION = 1
MAX_SECTIONS = 64
MAX_META_BYTES = 1 << 20
ALIGN = 64

_FIXED = struct.Struct("<8sII16sQ")
_RECORD = struct.Struct("<16s8sII2QQQ32s")
_ALLOWED_DTYPES = {"<u8", "<u4", "<u2", "|u1", "<i8", "<i2"}
_CHUNK = 1 << 24


class SnapshotError(InternalError):
    """A snapshot cannot be read: not a snapshot, wrong version or kind, truncated, or
    corrupted (a checksum does not match)."""


def _pad(text: str, size: int) -> bytes:
    raw = text.encode("ascii")
    if len(raw) > size:
        raise ValueError(f"{text!r} is longer than {size} bytes")
    return raw.ljust(size, b"\0")


def _unpad(raw: bytes) -> str:
    try:
        return raw.rstrip(b"\0").decode("ascii")
    except UnicodeDecodeError:
        raise SnapshotError("a header field is not ASCII") from None


def _dtype_code(array: npt.NDArray[Any]) -> str:
    dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
    code = dtype.str
    if code not in _ALLOWED_DTYPES and not (dtype.kind == "S" and code.startswith("|S")):
        raise ValueError(f"dtype {array.dtype} cannot be stored in a snapshot")
    return code


def _align(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def write_snapshot(
    path: str | os.PathLike[str],
    kind: str,
    meta: Mapping[str, Any],
    arrays: Mapping[str, npt.NDArray[Any]],
) -> None:
    """Write ``arrays`` (1-D or 2-D) and ``meta`` (JSON-serialisable) to ``path``, atomically."""
    target = Path(path)
    if len(arrays) > MAX_SECTIONS:
        raise ValueError(f"at most {MAX_SECTIONS} sections")
    meta_bytes = json.dumps(dict(meta), sort_keys=True, separators=(",", ":")).encode()
    if len(meta_bytes) > MAX_META_BYTES:
        raise ValueError("snapshot parameters are too large")
    prepared: list[tuple[str, str, tuple[int, ...], npt.NDArray[Any]]] = []
    for name, array in arrays.items():
        if array.ndim not in (1, 2):
            raise ValueError(f"section {name!r} must have 1 or 2 dimensions")
        code = _dtype_code(array)
        data = np.ascontiguousarray(array, dtype=np.dtype(code))
        prepared.append((name, code, tuple(int(x) for x in array.shape), data))

    header_len = _FIXED.size + _RECORD.size * len(prepared) + len(meta_bytes) + 32
    offset = _align(header_len)
    records: list[bytes] = []
    layout: list[tuple[int, npt.NDArray[Any]]] = []
    for name, code, shape, data in prepared:
        raw = data.reshape(-1).view(np.uint8)
        digest = hashlib.sha256(raw.data).digest()
        dims = (*shape, 0) if len(shape) == 1 else shape
        records.append(
            _RECORD.pack(
                _pad(name, 16), _pad(code, 8), len(shape), 0, *dims, offset, raw.nbytes, digest
            )
        )
        layout.append((offset, raw))
        offset = _align(offset + raw.nbytes)
    header = (
        _FIXED.pack(MAGIC, FORMAT_VERSION, len(prepared), _pad(kind, 16), len(meta_bytes))
        + b"".join(records)
        + meta_bytes
    )
    header += hashlib.sha256(header).digest()

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(header)
            for start, raw in layout:
                f.write(b"\0" * (start - f.tell()))
                f.write(raw.data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_snapshot(
    path: str | os.PathLike[str], kinds: tuple[str, ...]
) -> tuple[str, dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """(kind, parameters, arrays) of a snapshot whose kind is one of ``kinds``.

    Raises ``SnapshotError`` for anything but a complete, intact snapshot of version 1.
    """
    source = Path(path)
    try:
        with source.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            return _read(f, size, kinds, source)
    except OSError as e:
        raise SnapshotError(f"cannot read snapshot {source}: {e}") from e


def _read(
    f: Any, size: int, kinds: tuple[str, ...], source: Path
) -> tuple[str, dict[str, Any], dict[str, npt.NDArray[Any]]]:
    fixed = f.read(_FIXED.size)
    if len(fixed) < _FIXED.size or not fixed.startswith(MAGIC):
        raise SnapshotError(f"{source} is not a Safeguard index snapshot")
    _, version, count, kind_raw, meta_len = _FIXED.unpack(fixed)
    if version != FORMAT_VERSION:
        raise SnapshotError(
            f"{source} has snapshot format version {version}; this build reads "
            f"version {FORMAT_VERSION}"
        )
    if count > MAX_SECTIONS or meta_len > MAX_META_BYTES:
        raise SnapshotError(f"{source}: corrupt header (section count or parameter length)")
    rest_len = _RECORD.size * count + meta_len + 32
    rest = f.read(rest_len)
    if len(rest) < rest_len:
        raise SnapshotError(f"{source} is truncated (in the header)")
    header = fixed + rest[:-32]
    if hashlib.sha256(header).digest() != rest[-32:]:
        raise SnapshotError(f"{source}: header checksum mismatch (corrupt file)")
    kind = _unpad(kind_raw)
    if kind not in kinds:
        raise SnapshotError(f"{source} holds a {kind!r} index, expected {' or '.join(kinds)}")
    try:
        meta = json.loads(rest[_RECORD.size * count : -32])
    except ValueError:
        raise SnapshotError(f"{source}: parameters are not valid JSON") from None
    if not isinstance(meta, dict):
        raise SnapshotError(f"{source}: parameters are not a JSON object")

    sections = []
    end = _FIXED.size + rest_len
    for i in range(count):
        name_raw, code_raw, ndim, _, d0, d1, offset, length, digest = _RECORD.unpack_from(
            rest, i * _RECORD.size
        )
        name, code = _unpad(name_raw), _unpad(code_raw)
        if code not in _ALLOWED_DTYPES and not (code.startswith("|S") and code[2:].isdigit()):
            raise SnapshotError(f"{source}: section {name!r} has unknown dtype {code!r}")
        dtype = np.dtype(code)
        shape = (d0,) if ndim == 1 else (d0, d1)
        if ndim not in (1, 2) or int(np.prod(shape)) * dtype.itemsize != length:
            raise SnapshotError(f"{source}: section {name!r} has an inconsistent shape")
        if offset < end or offset % ALIGN:
            raise SnapshotError(f"{source}: section {name!r} has a bad offset")
        if offset + length > size:
            raise SnapshotError(f"{source} is truncated (in section {name!r})")
        end = offset + length
        sections.append((name, dtype, shape, offset, length, digest))
    if end != size:
        raise SnapshotError(f"{source} has {size - end} unexpected bytes at the end")

    arrays: dict[str, npt.NDArray[Any]] = {}
    position = _FIXED.size + rest_len
    for name, dtype, shape, offset, length, digest in sections:
        # Padding is checked too, so that every byte of the file is covered by a check.
        if any(f.read(offset - position)):
            raise SnapshotError(f"{source}: non-zero padding before section {name!r}")
        buffer = np.empty(length, dtype=np.uint8)
        view = buffer.data
        got = 0
        while got < length:
            n = f.readinto(view[got : got + _CHUNK])
            if not n:
                raise SnapshotError(f"{source} is truncated (in section {name!r})")
            got += n
        position = offset + length
        if hashlib.sha256(buffer.data).digest() != digest:
            raise SnapshotError(f"{source}: section {name!r} checksum mismatch (corrupt file)")
        arrays[name] = buffer.view(dtype).reshape(shape)
    return kind, meta, arrays

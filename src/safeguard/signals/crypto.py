"""Cryptographic signals: MD5, SHA-1 and SHA-256 of a file's bytes, in one streamed read.

Known-hash lists (NCMEC, Project VIC / CAID, hotline lists) still carry MD5 and SHA-1, so
all three are computed together; the read optionally keeps the bytes for a decoder when the
file is small enough, so media files are read from disk once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from safeguard.signals.errors import UnreadableFile

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class CryptoDigests:
    size: int
    md5: str
    sha1: str
    sha256: str


@dataclass(frozen=True, slots=True)
class ReadResult:
    digests: CryptoDigests
    #: The first bytes of the file (for sniffing its kind), always kept.
    head: bytes
    #: The whole content when it fit in ``keep_up_to``; None otherwise.
    content: bytes | None


def read_and_digest(
    path: Path, *, keep_up_to: int | Callable[[bytes], int] = 0, head_size: int = 64
) -> ReadResult:
    """Read ``path`` once, hashing as it goes; keep the bytes if there are at most
    ``keep_up_to`` of them. ``keep_up_to`` may be a function of the file's first bytes, so
    the caller can decide from the content's kind how much to hold in memory."""
    md5, sha1, sha256 = hashlib.md5(), hashlib.sha1(), hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as f:
            head = f.read(head_size)
            limit = keep_up_to(head) if callable(keep_up_to) else keep_up_to
            kept: list[bytes] | None = [] if limit > 0 else None
            chunk = head
            while chunk:
                md5.update(chunk)
                sha1.update(chunk)
                sha256.update(chunk)
                size += len(chunk)
                if kept is not None:
                    if size <= limit:
                        kept.append(chunk)
                    else:
                        kept = None
                chunk = f.read(CHUNK)
    except OSError as e:
        raise UnreadableFile(f"cannot read: {e.strerror or e}") from None
    digests = CryptoDigests(size, md5.hexdigest(), sha1.hexdigest(), sha256.hexdigest())
    return ReadResult(digests, head, b"".join(kept) if kept is not None else None)


def digest_bytes(data: bytes) -> CryptoDigests:
    return CryptoDigests(
        len(data),
        hashlib.md5(data).hexdigest(),
        hashlib.sha1(data).hexdigest(),
        hashlib.sha256(data).hexdigest(),
    )

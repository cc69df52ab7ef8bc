"""Hamming-distance primitives on 256-bit hashes, and the brute-force radius search.

A hash is held as a row of 4 ``uint64`` words, word ``i`` being the big-endian integer of
bytes ``8i .. 8i+7``: so bit ``k`` of the hash (counting from the most significant bit of
byte 0, as the hex form reads) is bit ``63 - k % 64`` of word ``k // 64``, and substrings of
the bit string are plain shifts. Distances do not depend on the word order; keys do.

This module owns the representation (bytes <-> words) and the scan; the indexes build on it.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from safeguard.signals.pdq import HASH_BITS, PdqHash

HASH_BYTES = HASH_BITS // 8
WORDS = HASH_BITS // 64

Words = npt.NDArray[np.uint64]
Int64s = npt.NDArray[np.int64]
Distances = npt.NDArray[np.int16]

#: Hashes a caller may pass: PdqHash objects, 32-byte strings, or an (N, 32) uint8 array.
HashesLike = npt.NDArray[np.uint8] | Iterable[PdqHash | bytes]

#: Queries x stored hashes compared per block of a brute-force scan; bounds the temporary
#: (block * 4 * 8 bytes) while keeping numpy's per-call overhead small.
_SCAN_BLOCK = 1 << 19


def to_words(hashes: HashesLike) -> Words:
    """(N, 4) uint64 words of the hashes; raises ``ValueError`` for a wrong width."""
    if isinstance(hashes, np.ndarray):
        raw = np.ascontiguousarray(hashes)
        if raw.dtype != np.uint8 or raw.ndim != 2 or raw.shape[1] != HASH_BYTES:
            shape = f"{raw.dtype}{raw.shape}"
            raise ValueError(f"expected an (N, {HASH_BYTES}) uint8 array, got {shape}")
        # A big-endian view of the same bytes, then one native copy: no bytes object in
        # between (at 10^8 hashes each extra copy is 3.2 GB).
        words: Words = raw.view(">u8").reshape(-1, WORDS).astype(np.uint64)
        return words
    else:
        parts = [h.value if isinstance(h, PdqHash) else bytes(h) for h in hashes]
        if any(len(p) != HASH_BYTES for p in parts):
            raise ValueError(f"every hash must have {HASH_BYTES} bytes")
        data = b"".join(parts)
    return np.frombuffer(data, dtype=">u8").astype(np.uint64).reshape(-1, WORDS)


def query_words(query: PdqHash | bytes) -> Words:
    """(1, 4) words of one hash."""
    return to_words([query])


def to_bytes(words: Words) -> npt.NDArray[np.uint8]:
    """The inverse of ``to_words``: an (N, 32) uint8 array."""
    return np.ascontiguousarray(words, dtype=">u8").view(np.uint8).reshape(-1, HASH_BYTES)


def popcount_distances(xor: Words) -> Distances:
    """Bits set in each row of an (..., 4) array of XORed words."""
    counts = np.ascontiguousarray(np.bitwise_count(xor))
    # The four per-word counts (each <= 64) sit in one uint32; add them in 16-bit lanes,
    # which is several times faster than a reduction along a length-4 axis, and cannot
    # overflow (the total is at most 256).
    packed = counts.view(np.uint32)[..., 0]
    lanes = (packed & 0x00FF00FF) + ((packed >> 8) & 0x00FF00FF)
    out: Distances = ((lanes & 0xFFFF) + (lanes >> 16)).astype(np.int16)
    return out


def distances(stored: Words, query: Words) -> Distances:
    """Hamming distances between each row of ``stored`` and the row(s) of ``query``
    (broadcast: a (1, 4) query against all, or one query per row)."""
    return popcount_distances(stored ^ query)


def flat_search(stored: Words, queries: Words, radius: int) -> tuple[Int64s, Int64s, Distances]:
    """Every (query index, stored row, distance) with distance <= radius, by scanning."""
    n = stored.shape[0]
    found_q: list[Int64s] = []
    found_r: list[Int64s] = []
    found_d: list[Distances] = []
    if n:
        per_block = max(1, _SCAN_BLOCK // n)
        for q0 in range(0, queries.shape[0], per_block):
            block = queries[q0 : q0 + per_block]
            dist = distances(stored[None, :, :], block[:, None, :])
            qi, rows = np.nonzero(dist <= radius)
            found_q.append(qi.astype(np.int64) + q0)
            found_r.append(rows.astype(np.int64))
            found_d.append(dist[qi, rows])
    if not found_q:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int16)
    return np.concatenate(found_q), np.concatenate(found_r), np.concatenate(found_d)

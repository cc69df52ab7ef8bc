"""Multi-index hashing: an immutable, exact radius-search structure over 256-bit hashes.

Norouzi, Punjani and Fleet ("Fast search in Hamming space with multi-index hashing", 2012)
cut the 256 bits into m disjoint substrings. If two hashes are within distance r, then
with r = s*m + a (0 <= a < m) one of the first a+1 substrings differs in at most s bits,
or one of the other m-a-1 differs in at most s-1 (otherwise the distance would be at
least (a+1)(s+1) + (m-a-1)s = r+1). So probing, per substring table, every key within s
(or s-1) bits of the query's key finds every hash within r; each candidate is then checked
with a full 256-bit popcount, so the answer is exact.

Here m = 11 (substrings of 24, 24, 24 and 8 x 23 bits): the smallest m for which r = 31 needs
at most 2 flipped bits per key (31 = 2*11 + 9: 10 tables probed within 2 bits, one within
1). Each table is looked up by the top ``key_bits`` bits of its substring, with key_bits
about log2 N (at most 23), so that a probed bucket holds about one hash. A shorter key only
makes buckets larger, never loses a match: two hashes within s bits on a substring are
within s bits on its prefix. Radii up to 32 are exact this way; larger radii scan.

Memory, per hash (N hashes, T = 11 tables, K = 2**key_bits keys per table):

* the hash, 32 bytes (``words``), and its entry id: 4 bytes (``id_offsets``, uint32, added
  to ``id_base``) when the ids span less than 2**32, as row ids do, else 8 (int64, base 0);
* table 0 stores nothing per hash: ``words`` and ``ids`` are kept sorted by table 0's key,
  so a position in table 0 *is* a row;
* tables 1..10 store each row once, in key order, as a 3-byte little-endian integer
  (4 bytes above 2**24 rows) packed in one byte array (``rows``, plus one byte of padding),
  read through a uint32 view with a 3-byte stride: one memory access a row. A row number
  needs ``row_bits(N)`` bits (20 at 10**6); the bits left over above it hold the next
  ``suffix_bits[t]`` bits of the substring after the key (see *Suffix filter*);
* a directory per table: for each block of 16 keys, the position of its first row
  (``bases``, uint32) and the 16 bucket sizes as 4-bit counts in one uint64 (``nibbles``);
  a size of 15 or more is written as 15, and a block holding one has instead of its base
  the top bit set and an index into ``overflow_starts``, a row of its 16 bucket starts and
  its end (68 bytes a block; only clustered data, near-duplicate families sharing keys,
  fills buckets that far). That is 0.75 bytes per key, about 0.6 bytes per hash per table
  at K ~ N (plus 3.6 per hash on the benchmark's clustered data at 10**7).

At 10**7 hashes: 32 + 4 + 10 * 3 + 11 * 0.75 * 2**23 / 10**7 ~ 73 bytes a hash.

Positions are global over the tables: table t's rows occupy positions [t*N, (t+1)*N), and
position p >= N holds ``e = int.from_bytes(rows[r*(p-N) : r*(p-N) + r], "little")`` (r = 3
or 4): row ``e & (2**row_bits(N) - 1)`` and suffix ``e >> row_bits(N)``.

Suffix filter. With a key of k bits of a b-bit substring, a bucket is probed when the
key is within s flips of the query's, but the b - k bits after the key are not looked at,
so most rows found this way (about 2,000 a query at 10**6, k = 20) are random hashes that a
full popcount then rejects, each a random read of ``words``. Where the row number leaves
bits free, the next bits of the substring are stored beside it, and a row found through
a probe of f flipped key bits is verified only when f plus the popcount of its stored suffix
against the query's stays within the table's limit (s or s-1). This is still exact: a hash
within r is, by the pigeonhole bound above, within the limit on the *whole* substring of
some table, so on that table's key and stored suffix together, and that probe keeps it. At
10**6 (4 free bits over 20-bit row numbers) it leaves about a quarter of the rows to verify.
Snapshots written before the filter have no suffix bits (``suffix_bits`` all 0) and are
searched as before.

This module owns the structure (build, probe, verify) and nothing mutable; ``pdq_index``
layers the updates, tombstones and snapshots on top. The probe-and-verify loop runs
compiled (``mih_kernel``) when numba is installed, else as the numpy code below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

import numpy as np
import numpy.typing as npt

from safeguard.index import mih_kernel
from safeguard.index.hamming import (
    WORDS,
    Distances,
    Int64s,
    Words,
    flat_search,
    popcount_distances,
)

#: Bit lengths of the substrings, in order along the hash (sum 256).
SUBSTRING_BITS: tuple[int, ...] = (24, 24, 24) + (23,) * 8
TABLES = len(SUBSTRING_BITS)
SUBSTRING_STARTS: tuple[int, ...] = tuple(int(x) for x in np.cumsum((0, *SUBSTRING_BITS[:-1])))
_SUB_STARTS = np.array(SUBSTRING_STARTS, dtype=np.int64)
_SUB_BITS = np.array(SUBSTRING_BITS, dtype=np.int64)
#: Largest radius the tables answer exactly: 3 * 11 - 1 (at most 2 flips per key).
MAX_RADIUS = 3 * TABLES - 1
MIN_KEY_BITS = 8
MAX_KEY_BITS = min(SUBSTRING_BITS)
BLOCK_KEYS = 16
#: A 4-bit bucket size of 15 means "15 or more: look it up in the overflow table".
ESCAPE = 15
#: Queries probed together; bounds temporaries (queries x ~3000 probes x 8 bytes).
_QUERY_BLOCK = 64
#: Batches of at least this many queries take the sorted path (compiled kernels only): each
#: table probed for the whole batch with its probes sorted by key, so that its directory
#: and rows are read in order rather than at random (``mih_kernel``, sorted batch path).
SORTED_BATCH_FROM = 256
#: Queries a sorted pass takes at most (its probes: ~211 a table each, 8 bytes).
_SORTED_BLOCK = 4096
#: The sorted path orders probes and candidates into this many buckets (by their top bits):
#: enough that one bucket's directory, rows or hashes stay in cache.
_ORDER_BUCKETS_LOG2 = 12
#: Room for candidates a sorted pass starts with, a query (about 470 at 10**6 on uniform
#: data; the pass grows it when a batch finds more).
_CANDIDATES_A_QUERY = 768

_U64 = np.uint64
_NIBBLE_SHIFTS = (np.arange(BLOCK_KEYS, dtype=_U64) * _U64(4)).astype(_U64)
_LOW_NIBBLES = _U64(0x0F0F0F0F0F0F0F0F)
_BYTE_SUM = _U64(0x0101010101010101)
_NIBBLE_LSB = _U64(0x1111111111111111)


def default_key_bits(n: int) -> int:
    """About log2 N bits, so a bucket holds about one hash (clamped to the substring)."""
    return max(MIN_KEY_BITS, min(MAX_KEY_BITS, round(math.log2(max(n, 2)))))


def substring_keys(words: Words, start: int, bits: int) -> npt.NDArray[np.uint64]:
    """The ``bits``-bit integer at bit ``start`` of each hash (most significant bit first)."""
    word, offset = divmod(start, 64)
    if offset + bits <= 64:
        out: npt.NDArray[np.uint64] = (words[:, word] >> _U64(64 - offset - bits)) & _U64(
            (1 << bits) - 1
        )
        return out
    high = 64 - offset
    low = bits - high
    out = ((words[:, word] & _U64((1 << high) - 1)) << _U64(low)) | (
        words[:, word + 1] >> _U64(64 - low)
    )
    return out


def overflow_flag(bases: npt.NDArray[np.uint32] | npt.NDArray[np.uint64]) -> int:
    """The bit marking an overflowing block's base: the top bit of the base type."""
    return 1 << (bases.dtype.itemsize * 8 - 1)


def _like(
    bases: npt.NDArray[np.uint32] | npt.NDArray[np.uint64], values: Int64s
) -> npt.NDArray[np.uint32] | npt.NDArray[np.uint64]:
    """``values`` in the position type chosen for ``bases``."""
    if bases.dtype == np.uint32:
        return values.astype(np.uint32)
    return values.astype(np.uint64)


def row_bytes(n: int) -> int:
    """Bytes per stored row number: 3 up to 2**24 rows, else 4."""
    return 3 if n <= 2**24 else 4


def row_bits(n: int) -> int:
    """Bits of a stored row number (rows 0..n-1)."""
    return max(1, (n - 1).bit_length())


def default_suffix_bits(n: int, key_bits: int) -> tuple[int, ...]:
    """Substring bits after the key that fit beside each table's row numbers (table 0
    stores no rows: its positions are rows)."""
    free = 8 * row_bytes(n) - row_bits(n)
    return (0, *(max(0, min(bits - key_bits, free)) for bits in SUBSTRING_BITS[1:]))


def compact_ids(ids: Int64s) -> tuple[int, npt.NDArray[np.uint32] | Int64s]:
    """(base, offsets): uint32 offsets from the smallest id when the ids span less than
    2**32 (database row ids do), else the ids themselves with base 0."""
    if ids.size and int(ids.max()) - int(ids.min()) < 2**32:
        base = int(ids.min())
        return base, (ids - base).astype(np.uint32)
    return 0, ids


def key_order(keys: npt.NDArray[np.uint64], key_bits: int) -> npt.NDArray[np.intp]:
    """The permutation sorting ``keys``: an LSD radix sort as numpy's stable sort of 8- and
    16-bit digits (which it does by counting), 2-3 times faster than a comparison sort."""
    if key_bits <= 16:
        return np.argsort(keys.astype(np.uint16), kind="stable")
    first = np.argsort((keys & _U64(0xFF)).astype(np.uint8), kind="stable")
    second = np.argsort(np.take((keys >> _U64(8)).astype(np.uint16), first), kind="stable")
    return np.take(first, second)


@lru_cache(maxsize=1)
def _substring_weights() -> npt.NDArray[np.float64]:
    """(256, T) matrix turning a row of hash bits into the T substrings with one product:
    exact in float64, since every substring is below 2**53."""
    weights = np.zeros((WORDS * 64, TABLES))
    for t, (start, bits) in enumerate(zip(SUBSTRING_STARTS, SUBSTRING_BITS, strict=True)):
        for i in range(bits):
            weights[start + i, t] = float(1 << (bits - 1 - i))
    return weights


def query_substrings(queries: Words) -> npt.NDArray[np.uint64]:
    """(Q, T) substrings of a few queries (cheaper per call than T shift passes)."""
    bits = np.unpackbits(np.ascontiguousarray(queries, dtype=">u8").view(np.uint8), axis=1)
    out: npt.NDArray[np.uint64] = (bits @ _substring_weights()).astype(_U64)
    return out


def query_keys(queries: Words, key_bits: int) -> npt.NDArray[np.uint64]:
    """(Q, T) table keys of a few queries: the top ``key_bits`` of each substring."""
    shifts = np.array([bits - key_bits for bits in SUBSTRING_BITS], dtype=_U64)
    keys: npt.NDArray[np.uint64] = query_substrings(queries) >> shifts
    return keys


@lru_cache(maxsize=64)
def _flip_masks(bits: int, flips: int) -> npt.NDArray[np.uint64]:
    """Every XOR mask of at most ``flips`` set bits among ``bits``."""
    masks = [0]
    for k in range(1, flips + 1):
        masks.extend(sum(1 << i for i in combo) for combo in combinations(range(bits), k))
    return np.array(masks, dtype=_U64)


@lru_cache(maxsize=64)
def probe_plan(
    key_bits: int, radius: int
) -> tuple[
    npt.NDArray[np.intp], npt.NDArray[np.uint64], npt.NDArray[np.uint64], int, npt.NDArray[np.int64]
]:
    """For an exact search within ``radius``, per probe (ordered by table): its table, the
    table shifted into global key space (t << key_bits), and its XOR mask; the number of
    table-0 probes; and per probe its slack, the flips its table allows minus those of its
    mask (what the suffix filter may still spend).

    With radius = s*T + a, tables 0..a are probed within s bits and the rest within s-1
    (not at all when s = 0): the refined pigeonhole bound from the module docstring.
    """
    if not 0 <= radius <= MAX_RADIUS:
        raise ValueError(f"multi-index probing covers radii 0..{MAX_RADIUS}, got {radius}")
    s, a = divmod(radius, TABLES)
    tables: list[npt.NDArray[np.intp]] = []
    masks: list[npt.NDArray[np.uint64]] = []
    for t in range(TABLES):
        flips = s if t <= a else s - 1
        if flips < 0:
            continue
        m = _flip_masks(key_bits, flips)
        tables.append(np.full(m.size, t, dtype=np.intp))
        masks.append(m)
    table = np.concatenate(tables)
    mask = np.concatenate(masks)
    limit = np.where(table <= a, s, s - 1).astype(np.int64)
    flipped = np.array([int(m).bit_count() for m in mask.tolist()], dtype=np.int64)
    return table, table.astype(_U64) << _U64(key_bits), mask, masks[0].size, limit - flipped


@lru_cache(maxsize=64)
def sorted_plan(
    key_bits: int, radius: int
) -> tuple[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Int64s, Int64s] | None, ...]:
    """``probe_plan`` for the sorted batch path, per table: its masks and their slack
    grouped by the masks' bits above the ordering shift (``order_shift``), the groups'
    boundaries and those high bits (``mih_kernel.ordered_probes``); None for a table not
    probed."""
    tables, _, masks, _, slack = probe_plan(key_bits, radius)
    shift = order_shift(key_bits)
    plan: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Int64s, Int64s] | None] = []
    for t in range(TABLES):
        mine = np.flatnonzero(tables == t)
        if not mine.size:
            plan.append(None)
            continue
        m = masks[mine].astype(np.int64)
        order = np.argsort(m >> shift, kind="stable")
        m = m[order]
        high, first = np.unique(m >> shift, return_index=True)
        bounds = np.append(first, m.size).astype(np.int64)
        plan.append((m, slack[mine][order].astype(np.int64), bounds, high.astype(np.int64)))
    return tuple(plan)


def order_shift(key_bits: int) -> int:
    """The sorted path orders a table's probes by ``key >> order_shift(key_bits)``: into
    ``2**_ORDER_BUCKETS_LOG2`` buckets (fewer for short keys)."""
    return max(0, key_bits - _ORDER_BUCKETS_LOG2)


@dataclass(frozen=True, slots=True, eq=False)
class MihSegment:
    """N hashes with their ids and the 11 substring tables. Never modified once built."""

    words: Words
    id_base: int
    id_offsets: npt.NDArray[np.uint32] | Int64s
    key_bits: int
    nibbles: npt.NDArray[np.uint64]
    bases: npt.NDArray[np.uint32] | npt.NDArray[np.uint64]
    overflow_starts: npt.NDArray[np.uint32] | npt.NDArray[np.uint64]
    rows: npt.NDArray[np.uint8]
    #: Per table, the substring bits after the key stored above each row number (table 0:
    #: 0); all 0 for snapshots written before the suffix filter.
    suffix_bits: tuple[int, ...] = (0,) * TABLES
    _row_view: npt.NDArray[np.uint32] = field(init=False, repr=False)
    _suffix_array: npt.NDArray[np.int64] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = self.words.shape[0]
        blocks = TABLES * (1 << self.key_bits) // BLOCK_KEYS
        width = row_bytes(n)
        problems = [
            (self.words.shape != (n, WORDS), "words"),
            (self.id_offsets.shape != (n,), "ids"),
            (self.id_offsets.dtype == np.int64 and self.id_base != 0, "id_base"),
            (not MIN_KEY_BITS <= self.key_bits <= MAX_KEY_BITS, "key_bits"),
            (self.nibbles.shape != (blocks,), "nibbles"),
            (self.bases.shape != (blocks,), "bases"),
            (
                self.overflow_starts.ndim != 2 or self.overflow_starts.shape[1] != BLOCK_KEYS + 1,
                "overflow",
            ),
            (self.overflow_starts.dtype != self.bases.dtype, "overflow_starts"),
            (self.rows.shape != (width * (TABLES - 1) * n + 1,), "rows"),
            (
                len(self.suffix_bits) != TABLES
                or self.suffix_bits[0] != 0
                or any(
                    not 0 <= sb <= bits - self.key_bits or row_bits(n) + sb > 8 * width
                    for sb, bits in zip(self.suffix_bits, SUBSTRING_BITS, strict=False)
                ),
                "suffix_bits",
            ),
        ]
        bad = [name for failed, name in problems if failed]
        if bad:
            raise ValueError(f"inconsistent multi-index arrays: {', '.join(bad)}")
        # Row i of the tables is the uint32 at byte 3i (masked to 24 bits) or 4i.
        view = np.ndarray(((TABLES - 1) * n,), dtype="<u4", buffer=self.rows.data, strides=(width,))
        object.__setattr__(self, "_row_view", view)
        object.__setattr__(self, "_suffix_array", np.array(self.suffix_bits, dtype=np.int64))
        self._check_bounds()

    def _check_bounds(self) -> None:
        """Every bucket lies inside its table and every stored row inside ``words``: what
        makes every read of a search in bounds (the compiled kernel does not check), even
        for a snapshot that is intact but was not written by ``build``."""
        n = len(self)
        per_table = self.bases.size // TABLES
        low = (np.arange(self.bases.size, dtype=np.int64) // per_table) * n
        flag = overflow_flag(self.bases)
        flagged = self.bases >= flag
        plain = np.flatnonzero(~flagged)
        packed = self.nibbles[plain]
        pairs = (packed & _LOW_NIBBLES) + ((packed >> _U64(4)) & _LOW_NIBBLES)
        # Byte sums of up to 8 x 30: add in 16-bit lanes so that nothing carries over.
        lanes = (pairs & _U64(0x00FF00FF00FF00FF)) + ((pairs >> _U64(8)) & _U64(0x00FF00FF00FF00FF))
        totals = ((lanes * _U64(0x0001000100010001)) >> _U64(48)).astype(np.int64)
        start = self.bases[plain].astype(np.int64)
        problems = [
            bool(np.any(start < low[plain]) or np.any(start + totals > low[plain] + n)),
        ]
        index = (self.bases[flagged] - flag).astype(np.int64)
        if index.size:
            edges = self.overflow_starts.astype(np.int64)
            problems.append(bool(index.max() >= edges.shape[0]))
            if not problems[-1]:
                edges = edges[index]
                lo = low[flagged][:, None]
                problems.append(bool(np.any(edges < lo) or np.any(edges > lo + n)))
                problems.append(bool(np.any(np.diff(edges, axis=1) < 0)))
        # Per table (bounded temporaries): every row number below n, and nothing stored
        # above the table's suffix bits.
        low_bits = row_bits(n)
        for t in range(1, TABLES):
            entries = self._row_view[(t - 1) * n : t * n]
            if self._row_view.strides[0] == 3:
                entries = entries & np.uint32(0xFFFFFF)
            problems.append(int((entries & np.uint32((1 << low_bits) - 1)).max()) >= n)
            problems.append(bool(np.any(entries >> np.uint32(low_bits + self.suffix_bits[t]))))
        if any(problems):
            raise ValueError("multi-index arrays point outside the table")

    @property
    def ids(self) -> Int64s:
        """The entry id of every row."""
        return self.entry_ids(np.arange(len(self)))

    def entry_ids(self, rows: Int64s) -> Int64s:
        out: Int64s = np.take(self.id_offsets, rows).astype(np.int64) + self.id_base
        return out

    def __len__(self) -> int:
        return int(self.words.shape[0])

    @property
    def nbytes(self) -> int:
        return sum(
            a.nbytes
            for a in (
                self.words,
                self.id_offsets,
                self.nibbles,
                self.bases,
                self.overflow_starts,
                self.rows,
            )
        )

    @classmethod
    def build(
        cls,
        words: Words,
        ids: Int64s,
        key_bits: int | None = None,
        *,
        reuse_input: bool = False,
    ) -> MihSegment:
        """The segment of ``words`` (ids row for row). With ``reuse_input`` the caller hands
        ``words`` over: it is reordered in place, one column at a time, instead of copied
        whole, which saves 32 bytes a hash of peak memory while building."""
        n = words.shape[0]
        if n == 0:
            raise ValueError("a multi-index segment needs at least one hash")
        d = default_key_bits(n) if key_bits is None else key_bits
        keys = substring_keys(words, SUBSTRING_STARTS[0], d)
        order = key_order(keys, d)
        if reuse_input and words.flags.c_contiguous and words.flags.writeable:
            for column in range(words.shape[1]):
                words[:, column] = np.take(words[:, column], order)
        else:
            words = np.take(words, order, axis=0)
        ids = np.take(ids.astype(np.int64, copy=False), order)
        id_base, id_offsets = compact_ids(ids)
        del ids
        keys = np.take(keys, order)
        del order

        keys_per_table = 1 << d
        blocks_per_table = keys_per_table // BLOCK_KEYS
        nblocks = TABLES * blocks_per_table
        nibbles = np.empty(nblocks, dtype=_U64)
        # Narrow types where the sizes allow (positions run to 11 N, rows to N); the top bit
        # of a base marks an overflowing block.
        bases: npt.NDArray[np.uint32] | npt.NDArray[np.uint64] = (
            np.empty(nblocks, dtype=np.uint32)
            if TABLES * n < 2**31
            else np.empty(nblocks, dtype=np.uint64)
        )
        flag = overflow_flag(bases)
        overflowed = 0
        width = row_bytes(n)
        suffix_bits = default_suffix_bits(n, d)
        low_bits = row_bits(n)
        packed_rows = np.zeros(width * (TABLES - 1) * n + 1, dtype=np.uint8)
        row_cells = packed_rows[:-1].reshape((TABLES - 1) * n, width)
        overflow_starts: list[npt.NDArray[np.int64]] = []
        for t in range(TABLES):
            suffixes = None
            if t:
                bits = SUBSTRING_BITS[t]
                full = substring_keys(words, SUBSTRING_STARTS[t], bits)
                keys = full >> _U64(bits - d)
                if suffix_bits[t]:
                    suffixes = (full >> _U64(bits - d - suffix_bits[t])) & _U64(
                        (1 << suffix_bits[t]) - 1
                    )
                del full
            counts = np.bincount(keys.astype(np.intp), minlength=keys_per_table)
            block = counts.reshape(blocks_per_table, BLOCK_KEYS)
            totals = block.sum(axis=1)
            span = slice(t * blocks_per_table, (t + 1) * blocks_per_table)
            bases[span] = np.cumsum(totals) - totals + t * n
            small = np.minimum(block, ESCAPE).astype(_U64)
            nibbles[span] = np.bitwise_or.reduce(small << _NIBBLE_SHIFTS, axis=1)
            big = np.flatnonzero((block >= ESCAPE).any(axis=1))
            edges = np.zeros((big.size, BLOCK_KEYS + 1), dtype=np.int64)
            np.cumsum(block[big], axis=1, out=edges[:, 1:])
            overflow_starts.append(edges + bases[span][big, None].astype(np.int64))
            bases[span][big] = flag | (overflowed + np.arange(big.size))
            overflowed += big.size
            if t:
                rows = key_order(keys, d).astype("<u4")
                if suffixes is not None:
                    rows |= np.take(suffixes, rows).astype("<u4") << np.uint32(low_bits)
                    del suffixes
                row_cells[(t - 1) * n : t * n] = rows.view(np.uint8).reshape(n, 4)[:, :width]
        return cls(
            words=words,
            id_base=id_base,
            id_offsets=id_offsets,
            key_bits=d,
            nibbles=nibbles,
            bases=bases,
            overflow_starts=_like(bases, np.concatenate(overflow_starts)),
            rows=packed_rows,
            suffix_bits=suffix_bits,
        )

    def _locate(self, g: npt.NDArray[np.uint64]) -> tuple[Int64s, Int64s]:
        """First global position and size of each bucket (global key t << key_bits | key)."""
        blk = (g >> _U64(4)).astype(np.intp)
        shift = (g & _U64(BLOCK_KEYS - 1)) << _U64(2)
        packed = self.nibbles[blk]
        y = packed & ((_U64(1) << shift) - _U64(1))
        # Sum the 4-bit sizes below this key: add nibble pairs into bytes, bytes by multiply.
        pairs = (y & _LOW_NIBBLES) + ((y >> _U64(4)) & _LOW_NIBBLES)
        prefix = (pairs * _BYTE_SUM) >> _U64(56)
        base = self.bases[blk]
        start = base.astype(np.int64) + prefix.astype(np.int64)
        size = ((packed >> shift) & _U64(ESCAPE)).astype(np.int64)
        # A flagged base is an overflowing block's row in the overflow table.
        flag = overflow_flag(self.bases)
        hit = np.flatnonzero(base >= flag)
        if hit.size:
            edges = self.overflow_starts[(base[hit] - flag).astype(np.intp)]
            j = (g[hit] & _U64(BLOCK_KEYS - 1)).astype(np.intp)
            lo = edges[np.arange(hit.size), j].astype(np.int64)
            start[hit] = lo
            size[hit] = edges[np.arange(hit.size), j + 1].astype(np.int64) - lo
        return start, size

    def search(self, queries: Words, radius: int) -> tuple[Int64s, Int64s, Distances]:
        """Every (query index, row, distance) with distance <= radius, each pair once."""
        if radius > MAX_RADIUS:
            return flat_search(self.words, queries, radius)
        if queries.shape[0] >= SORTED_BATCH_FROM and mih_kernel.compiled_kernel() is not None:
            batch = mih_kernel.compiled_batch_kernels()
            if batch is not None:
                sorted_parts = [
                    self._search_sorted(batch, queries[q0 : q0 + _SORTED_BLOCK], radius, q0)
                    for q0 in range(0, queries.shape[0], _SORTED_BLOCK)
                ]
                qi, rows, dist = zip(*sorted_parts, strict=True)
                return np.concatenate(qi), np.concatenate(rows), np.concatenate(dist)
        parts = [
            self._search_block(queries[q0 : q0 + _QUERY_BLOCK], radius, q0)
            for q0 in range(0, queries.shape[0], _QUERY_BLOCK)
        ]
        if len(parts) == 1:
            return parts[0]
        qi, rows, dist = zip(*parts, strict=True)
        return np.concatenate(qi), np.concatenate(rows), np.concatenate(dist)

    def _search_sorted(
        self, batch: mih_kernel.BatchKernels, queries: Words, radius: int, q0: int
    ) -> tuple[Int64s, Int64s, Distances]:
        """The sorted batch path (``SORTED_BATCH_FROM``): same answer as ``_search_block``."""
        n = len(self)
        plan = sorted_plan(self.key_bits, radius)
        qwords = np.ascontiguousarray(queries)
        keys, suffixes = batch.cut_queries(
            qwords, _SUB_STARTS, _SUB_BITS, self._suffix_array, self.key_bits
        )
        most = max(part[0].size for part in plan if part is not None)
        ordered = np.empty(qwords.shape[0] * most, dtype=np.int64)
        key_shift = order_shift(self.key_bits)
        starts = np.empty((1 << (self.key_bits - key_shift)) + 1, dtype=np.int64)
        # (+ 2: the walk writes a bucket's first two slots before it knows they are used.)
        candidates = np.empty(qwords.shape[0] * _CANDIDATES_A_QUERY + 2, dtype=np.int64)
        count = 0
        flag = _U64(overflow_flag(self.bases))
        entry_mask = _U64((1 << (8 * row_bytes(n))) - 1)
        for t, part in enumerate(plan):
            if part is None:
                continue
            made = batch.ordered_probes(keys[t], *part, key_shift, ordered, starts)
            probes = ordered[:made]
            done = 0
            while True:
                done, count = batch.walk_table(
                    probes,
                    done,
                    t,
                    self.key_bits,
                    suffixes[t],
                    self.nibbles,
                    self.bases,
                    flag,
                    self.overflow_starts,
                    self._row_view,
                    entry_mask,
                    row_bits(n),
                    n,
                    candidates,
                    count,
                )
                if done == made:
                    break
                grown = np.empty(2 * candidates.size, dtype=np.int64)
                grown[:count] = candidates[:count]
                candidates = grown
        # Verified in row order (near-sequential reads of words; candidates are row << 20 |
        # query); then one sort removes the hashes found through several tables and orders
        # the matches by (query, row).
        row_shift = max(0, row_bits(n) - _ORDER_BUCKETS_LOG2)
        in_order = batch.partition(
            candidates,
            count,
            20 + row_shift,
            ((n - 1) >> row_shift) + 1,
            np.empty(count, dtype=np.int64),
            np.empty(((n - 1) >> row_shift) + 2, dtype=np.int64),
        )
        found = np.unique(batch.verify_candidates(in_order, qwords, self.words, radius, n))
        qi, rows = np.divmod(found >> 9, n)
        return qi + q0, rows, (found & 511).astype(np.int16)

    def _search_block(
        self, queries: Words, radius: int, q0: int
    ) -> tuple[Int64s, Int64s, Distances]:
        n = self.words.shape[0]
        nq = queries.shape[0]
        tables, offsets, masks, table0, slack = probe_plan(self.key_bits, radius)
        kernel = mih_kernel.compiled_kernel()
        if kernel is not None:
            found_q, found_r, found_d = kernel(
                np.ascontiguousarray(queries),
                _SUB_STARTS,
                _SUB_BITS,
                self._suffix_array,
                self.key_bits,
                radius,
                tables,
                offsets,
                masks,
                slack,
                table0,
                self.nibbles,
                self.bases,
                _U64(overflow_flag(self.bases)),
                self.overflow_starts,
                self.rows,
                row_bytes(n),
                row_bits(n),
                self.words,
                n,
            )
            return found_q + q0, found_r, found_d.astype(np.int16)
        keys = query_keys(queries, self.key_bits)
        # Probes table-major (all queries' table-0 probes first): positions found through
        # table 0 are rows already, and come first.
        probes = (keys[:, tables] ^ masks) | offsets
        start, size = self._locate(probes.T.ravel())
        nonempty = np.flatnonzero(size)
        start, size = start[nonempty], size[nonempty]
        ends = np.cumsum(size)
        total = int(ends[-1]) if ends.size else 0
        from_table0 = int(np.searchsorted(nonempty, table0 * nq))
        direct = int(ends[from_table0 - 1]) if from_table0 else 0
        pos = np.repeat(start - (ends - size), size) + np.arange(total, dtype=np.int64)
        rows = pos.copy()
        # Indexing, not np.take: take would first copy the whole strided view. The suffix
        # bits above the row number are masked off (this path verifies every row found).
        rows[direct:] = self._row_view[pos[direct:] - n] & np.uint32((1 << row_bits(n)) - 1)
        if nq == 1:
            qi = np.zeros(total, dtype=np.int64)
            dist = popcount_distances(np.take(self.words, rows, axis=0) ^ queries)
        else:
            qi = np.repeat(nonempty % nq, size)
            dist = popcount_distances(np.take(self.words, rows, axis=0) ^ queries[qi])
        keep = np.flatnonzero(dist <= radius)
        # A hash found through several tables is reported once: duplicates are equal in
        # (query, row, distance), so one sort of the three packed in an int64 removes them.
        found = np.unique(((qi[keep] * n + rows[keep]) << 9) | dist[keep])
        qi, rows = np.divmod(found >> 9, n)
        return qi + q0, rows, (found & 511).astype(np.int16)

    def arrays(self) -> dict[str, npt.NDArray[np.generic]]:
        """The arrays that define the segment, by snapshot section name (16 bytes at most)."""
        return {
            "words": self.words,
            "ids": self.id_offsets,
            "nibbles": self.nibbles,
            "bases": self.bases,
            "ovf_starts": self.overflow_starts,
            "rows": self.rows,
        }

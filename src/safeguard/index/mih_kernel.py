"""The multi-index probe-and-verify loop, compiled with numba when numba is installed.

``mih`` answers a query with about sixty numpy operations of a few microseconds each; the
same loop compiled costs little more than its memory reads. Measured at 10**7 hashes
(bench/results/index.md): p50 0.27 ms against 0.44 ms on random hashes, and p99 0.86 ms
against 1.57 ms on clustered ones, where near-duplicate families make long buckets. The
numpy code in ``mih`` stays the reference and the fallback; both give identical results
(the tests run both). Without numba, or with ``SAFEGUARD_INDEX_KERNEL=numpy`` in the
environment, the numpy code runs.

``search_block`` below is plain Python over numpy arrays (correct, but far too slow to run
uncompiled); ``compiled_kernel`` returns it compiled, or None. Integer types are spelled
out everywhere because numba, like numpy, turns uint64 mixed with int64 into float64.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

Kernel = Callable[..., tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]]

_M1 = np.uint64(0x5555555555555555)
_M2 = np.uint64(0x3333333333333333)
_M4 = np.uint64(0x0F0F0F0F0F0F0F0F)
_H01 = np.uint64(0x0101010101010101)


def search_block(
    qwords: Any,
    sub_starts: Any,
    sub_bits: Any,
    suffix_bits: Any,
    key_bits: int,
    radius: int,
    tables: Any,
    offsets: Any,
    masks: Any,
    slack: Any,
    table0: int,
    nibbles: Any,
    bases: Any,
    flag: Any,
    overflow_starts: Any,
    rows: Any,
    width: int,
    low_bits: int,
    words: Any,
    n: int,
) -> tuple[Any, Any, Any]:
    """(query, row, distance) of every match of every query, sorted by query then row,
    each once. Arguments as in ``MihSegment`` and ``probe_plan``; ``flag`` as np.uint64;
    ``sub_starts``/``sub_bits`` where each table's substring lies (int64 arrays, so a
    query's keys and suffixes are cut here rather than by a dozen numpy calls);
    ``low_bits`` the bits of a row number."""
    one = np.uint64(1)
    four = np.uint64(4)
    fifteen = np.uint64(15)
    cap = 1024
    out_q = np.empty(cap, np.int64)
    out_r = np.empty(cap, np.int64)
    out_d = np.empty(cap, np.int64)
    total = 0
    row_mask = (np.int64(1) << low_bits) - 1
    buf = np.empty(256, np.int64)
    starts = np.empty(masks.size, np.int64)
    ends = np.empty(masks.size, np.int64)
    tables_n = sub_starts.size
    qkeys = np.empty(tables_n, np.uint64)
    qsuffixes = np.empty(tables_n, np.int64)
    for i in range(qwords.shape[0]):
        for t in range(tables_n):
            # The substring's bits, most significant first (as mih.substring_keys).
            w = sub_starts[t] // 64
            offset = sub_starts[t] % 64
            b = sub_bits[t]
            if offset + b <= 64:
                full = (qwords[i, w] >> np.uint64(64 - offset - b)) & ((one << np.uint64(b)) - one)
            else:
                low = b - (64 - offset)
                high_part = qwords[i, w] & ((one << np.uint64(64 - offset)) - one)
                full = (high_part << np.uint64(low)) | (qwords[i, w + 1] >> np.uint64(64 - low))
            qkeys[t] = full >> np.uint64(b - key_bits)
            sb = suffix_bits[t]
            qsuffixes[t] = np.int64(
                (full >> np.uint64(b - key_bits - sb)) & ((one << np.uint64(sb)) - one)
            )
        # Three passes (buckets, rows, hashes) rather than one fused loop: the loads of each
        # pass are independent of one another, so the processor overlaps their cache misses.
        count = 0
        for p in range(masks.size):
            g = (qkeys[tables[p]] ^ masks[p]) | offsets[p]
            blk = np.int64(g >> four)
            j = np.int64(g & fifteen)
            base = np.uint64(bases[blk])
            if base >= flag:
                # An overflowing block: its bucket boundaries are written out.
                e = np.int64(base - flag)
                starts[p] = np.int64(overflow_starts[e, j])
                ends[p] = np.int64(overflow_starts[e, j + 1])
            else:
                packed = nibbles[blk]
                shift = np.uint64(4 * j)
                y = packed & ((one << shift) - one)
                pairs = (y & _M4) + ((y >> four) & _M4)
                starts[p] = np.int64(base) + np.int64((pairs * _H01) >> np.uint64(56))
                ends[p] = starts[p] + np.int64((packed >> shift) & fifteen)
            count += ends[p] - starts[p]
        if count > buf.size:
            buf = np.empty(2 * count, np.int64)
        k: Any = 0
        for p in range(table0):
            # Table 0's positions are rows.
            for pos in range(starts[p], ends[p]):
                buf[k] = pos
                k += 1
        for p in range(table0, masks.size):
            wanted = qsuffixes[tables[p]]
            allowed = slack[p]
            for pos in range(starts[p], ends[p]):
                at = (pos - n) * width
                entry = np.int64(rows[at]) | (np.int64(rows[at + 1]) << 8)
                entry |= np.int64(rows[at + 2]) << 16
                if width == 4:
                    entry |= np.int64(rows[at + 3]) << 24
                # The suffix filter (mih's docstring); written without a branch, since
                # about three rows in four fail it at random.
                x = np.uint64((entry >> low_bits) ^ wanted)
                x = x - ((x >> one) & _M1)
                x = (x & _M2) + ((x >> np.uint64(2)) & _M2)
                x = (x + (x >> four)) & _M4
                buf[k] = entry & row_mask
                k += np.int64(np.int64((x * _H01) >> np.uint64(56)) <= allowed)
        found = 0
        for c in range(k):
            row = buf[c]
            d: Any = 0
            for w in range(4):
                x = words[row, w] ^ qwords[i, w]
                x = x - ((x >> one) & _M1)
                x = (x & _M2) + ((x >> np.uint64(2)) & _M2)
                x = (x + (x >> four)) & _M4
                d += np.int64((x * _H01) >> np.uint64(56))
            if d <= radius:
                # In place: slot `found` <= c has been read already.
                buf[found] = (row << 9) | d
                found += 1
        # A hash found through several tables is reported once.
        matches = np.sort(buf[:found])
        for k in range(found):
            if k and matches[k] == matches[k - 1]:
                continue
            if total == cap:
                cap *= 2
                grown_q = np.empty(cap, np.int64)
                grown_r = np.empty(cap, np.int64)
                grown_d = np.empty(cap, np.int64)
                grown_q[:total] = out_q[:total]
                grown_r[:total] = out_r[:total]
                grown_d[:total] = out_d[:total]
                out_q, out_r, out_d = grown_q, grown_r, grown_d
            out_q[total] = i
            out_r[total] = matches[k] >> 9
            out_d[total] = matches[k] & 511
            total += 1
    return out_q[:total], out_r[:total], out_d[:total]


# --- the sorted batch path ----------------------------------------------------------------
#
# For a large batch, ``search_block``'s ~1,300 random reads of table rows a query are what
# costs (~30 ns each on the benchmark machine). ``mih.MihSegment`` instead probes one table
# at a time for the whole batch with its probes *ordered by key* (a counting sort on the
# key's top bits), so that the directory and the rows of each table are read in order.
# Packed int64 layouts:
#   probe      key << 24 | slack << 20 | query      (key < 2**23, slack < 16, query < 2**20)
#   candidate  row << 20 | query
#   match      (query * n + row) << 9 | distance


def cut_queries(
    qwords: Any, sub_starts: Any, sub_bits: Any, suffix_bits: Any, key_bits: int
) -> Any:
    """(T, Q) keys and (T, Q) suffixes of the queries, as ``search_block`` cuts them."""
    one = np.uint64(1)
    tables_n = sub_starts.size
    keys = np.empty((tables_n, qwords.shape[0]), np.int64)
    suffixes = np.empty((tables_n, qwords.shape[0]), np.int64)
    for i in range(qwords.shape[0]):
        for t in range(tables_n):
            w = sub_starts[t] // 64
            offset = sub_starts[t] % 64
            b = sub_bits[t]
            if offset + b <= 64:
                full = (qwords[i, w] >> np.uint64(64 - offset - b)) & ((one << np.uint64(b)) - one)
            else:
                low = b - (64 - offset)
                high_part = qwords[i, w] & ((one << np.uint64(64 - offset)) - one)
                full = (high_part << np.uint64(low)) | (qwords[i, w + 1] >> np.uint64(64 - low))
            keys[t, i] = np.int64(full >> np.uint64(b - key_bits))
            sb = suffix_bits[t]
            suffixes[t, i] = np.int64(
                (full >> np.uint64(b - key_bits - sb)) & ((one << np.uint64(sb)) - one)
            )
    return keys, suffixes


def ordered_probes(
    keys: Any,
    masks: Any,
    slack: Any,
    group_starts: Any,
    group_high: Any,
    shift: int,
    out: Any,
    starts: Any,
) -> Any:
    """The packed probes of one table for every query, into ``out`` ordered by ``key >>
    shift``; their number. ``masks`` (and their ``slack``) come grouped by ``mask >>
    shift``: group g is ``masks[group_starts[g]:group_starts[g + 1]]``, all with that
    high part ``group_high[g]``, so all its probes of one query fall in one bucket (at 20
    key bits and 4,096 buckets, 211 masks make 79 groups). A counting sort by group: one
    pass counts (a group at a time), one places (a run per group), rather than writing the
    probes and reading them back. ``starts`` holds ``(max key >> shift) + 2`` counters."""
    for b in range(starts.size):
        starts[b] = 0
    groups = group_high.size
    for i in range(keys.size):
        high = keys[i] >> shift
        for g in range(groups):
            starts[(high ^ group_high[g]) + 1] += group_starts[g + 1] - group_starts[g]
    for b in range(starts.size - 1):
        starts[b + 1] += starts[b]
    for i in range(keys.size):
        key = keys[i]
        high = key >> shift
        for g in range(groups):
            b = high ^ group_high[g]
            at = starts[b]
            for p in range(group_starts[g], group_starts[g + 1]):
                out[at] = ((key ^ masks[p]) << 24) | (slack[p] << 20) | i
                at += 1
            starts[b] = at
    return group_starts[groups] * keys.size


def walk_table(
    probes: Any,
    first: int,
    table: int,
    key_bits: int,
    suffixes: Any,
    nibbles: Any,
    bases: Any,
    flag: Any,
    overflow_starts: Any,
    row_view: Any,
    entry_mask: Any,
    low_bits: int,
    n: int,
    out: Any,
    count: int,
) -> tuple[Any, Any]:
    """Append to ``out`` (from ``count``) the packed candidates of one table's ordered
    probes, from probe ``first`` on: positions as rows for table 0, else the rows that pass
    the suffix filter. Returns (the next probe, the new count): the next probe is
    ``probes.size`` when all are done, else the one whose bucket did not fit (the caller
    grows ``out`` and calls again; rebinding ``out`` in here would make numba count
    references on every probe). ``row_view`` is ``MihSegment``'s uint32 view of the rows
    (``entry_mask`` keeps its 3 or 4 bytes).

    Unsigned arithmetic throughout, so that no index needs numba's negative-index fix-up.
    The first two rows of a bucket are read whether or not it has them (a clamped position,
    kept only when it is there): most buckets hold 0, 1 or 2 rows at random, and a loop of
    that length would mispredict its exit on nearly every probe (measured: this halves the
    walk). Longer buckets finish in the loop."""
    zero = np.uint64(0)
    one = np.uint64(1)
    two = np.uint64(2)
    four = np.uint64(4)
    fifteen = np.uint64(15)
    at_query = np.uint64(20)
    row_mask = (one << np.uint64(low_bits)) - one
    suffix_shift = np.uint64(low_bits)
    offset = np.uint64(table) << np.uint64(key_bits)
    # Two slots beyond a bucket's rows: the unconditional writes of its first two.
    room = np.uint64(out.size - 2)
    k = np.uint64(count)
    un = np.uint64(n)
    last_row = np.uint64(row_view.size - 1)
    for c in range(first, probes.size):
        v = np.uint64(probes[np.uint64(c)])
        i = v & np.uint64(0xFFFFF)
        allowed = (v >> at_query) & fifteen
        g = (v >> np.uint64(24)) | offset
        blk = g >> four
        j = g & fifteen
        base = np.uint64(bases[blk])
        if base >= flag:
            e = base - flag
            start = np.uint64(overflow_starts[e, j])
            end = np.uint64(overflow_starts[e, j + one])
        else:
            packed = np.uint64(nibbles[blk])
            shift = four * j
            y = packed & ((one << shift) - one)
            pairs = (y & _M4) + ((y >> four) & _M4)
            start = base + ((pairs * _H01) >> np.uint64(56))
            end = start + ((packed >> shift) & fifteen)
        size = end - start
        if k + size > room:
            return c, np.int64(k)
        if table == 0:
            out[k] = np.int64((start << at_query) | i)
            k += np.uint64(size > zero)
            out[k] = np.int64(((start + one) << at_query) | i)
            k += np.uint64(size > one)
            for pos in range(start + two, end):
                out[k] = np.int64((np.uint64(pos) << at_query) | i)
                k += one
            continue
        wanted = np.uint64(suffixes[i])
        # Table t's rows are positions [t*n, (t+1)*n), row_view entries from (t-1)*n.
        r = start - un
        entry = np.uint64(row_view[r if r < last_row else last_row]) & entry_mask
        x = (entry >> suffix_shift) ^ wanted
        x = x - ((x >> one) & _M1)
        x = (x & _M2) + ((x >> two) & _M2)
        x = (x + (x >> four)) & _M4
        out[k] = np.int64(((entry & row_mask) << at_query) | i)
        k += np.uint64((((x * _H01) >> np.uint64(56)) <= allowed) & (size > zero))
        r = start + one - un
        entry = np.uint64(row_view[r if r < last_row else last_row]) & entry_mask
        x = (entry >> suffix_shift) ^ wanted
        x = x - ((x >> one) & _M1)
        x = (x & _M2) + ((x >> two) & _M2)
        x = (x + (x >> four)) & _M4
        out[k] = np.int64(((entry & row_mask) << at_query) | i)
        k += np.uint64((((x * _H01) >> np.uint64(56)) <= allowed) & (size > one))
        for pos in range(start + two, end):
            entry = np.uint64(row_view[np.uint64(pos) - un]) & entry_mask
            x = (entry >> suffix_shift) ^ wanted
            x = x - ((x >> one) & _M1)
            x = (x & _M2) + ((x >> two) & _M2)
            x = (x + (x >> four)) & _M4
            out[k] = np.int64(((entry & row_mask) << at_query) | i)
            k += np.uint64(((x * _H01) >> np.uint64(56)) <= allowed)
    return probes.size, np.int64(k)


def partition(values: Any, count: int, shift: int, buckets: int, out: Any, starts: Any) -> Any:
    """``values[:count]`` ordered by ``value >> shift`` (< ``buckets``), stable, into ``out``:
    a counting sort, cheaper than a full sort where only locality matters (the order of
    probes and candidates changes no answer)."""
    for b in range(buckets + 1):
        starts[b] = 0
    for c in range(count):
        starts[(values[c] >> shift) + 1] += 1
    for b in range(buckets):
        starts[b + 1] += starts[b]
    for c in range(count):
        b = values[c] >> shift
        out[starts[b]] = values[c]
        starts[b] += 1
    return out[:count]


def verify_candidates(candidates: Any, qwords: Any, words: Any, radius: int, n: int) -> Any:
    """The packed matches among packed candidates (duplicates kept)."""
    one = np.uint64(1)
    four = np.uint64(4)
    out = np.empty(candidates.size, np.int64)
    found = 0
    for c in range(candidates.size):
        row = candidates[c] >> 20
        i = candidates[c] & 0xFFFFF
        d: Any = 0
        for w in range(4):
            x = words[row, w] ^ qwords[i, w]
            x = x - ((x >> one) & _M1)
            x = (x & _M2) + ((x >> np.uint64(2)) & _M2)
            x = (x + (x >> four)) & _M4
            d += np.int64((x * _H01) >> np.uint64(56))
        if d <= radius:
            out[found] = ((i * n + row) << 9) | d
            found += 1
    return out[:found]


@dataclass(frozen=True)
class BatchKernels:
    cut_queries: Callable[..., Any]
    ordered_probes: Callable[..., Any]
    walk_table: Callable[..., tuple[Any, Any]]
    partition: Callable[..., Any]
    verify_candidates: Callable[..., Any]


def numba_module() -> Any:
    """The numba module, or None (not installed, or ``SAFEGUARD_INDEX_KERNEL=numpy``); the
    matcher's compiled shortlist kernel asks it too."""
    if os.environ.get("SAFEGUARD_INDEX_KERNEL", "").lower() == "numpy":
        return None
    try:
        import numba  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    return numba


@lru_cache(maxsize=1)
def compiled_batch_kernels() -> BatchKernels | None:
    """The sorted batch path's loops compiled (cached on disk by numba), or None."""
    numba = numba_module()
    if numba is None:
        return None
    jit = numba.njit(cache=True, nogil=True)
    return BatchKernels(
        jit(cut_queries),
        jit(ordered_probes),
        jit(walk_table),
        jit(partition),
        jit(verify_candidates),
    )


@lru_cache(maxsize=1)
def compiled_kernel() -> Kernel | None:
    """``search_block`` compiled (cached on disk by numba), or None without numba."""
    numba = numba_module()
    if numba is None:
        return None
    kernel: Kernel = numba.njit(cache=True, nogil=True)(search_block)
    return kernel

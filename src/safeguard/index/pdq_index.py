"""``PdqIndex``: exact PDQ radius search over millions of hashes, updated in place.

An index is an immutable *state* swapped atomically on every change:

* ``main``: the bulk of the hashes, in a multi-index-hashing segment (``mih``), or a flat
  array scanned by brute force while it holds fewer than ``flat_below`` hashes, where the
  scan is faster than probing;
* ``delta``: hashes added since ``main`` was built, scanned by brute force;
* ``disabled``: the sorted entry ids that searches must not report (tombstones).

``add`` appends to a copy of the delta, ``disable``/``enable`` replace the tombstones, and
each publishes a new state with one reference assignment. A search reads the reference
once, so it sees the state before an update or the one after, never a mixture. When the
delta reaches ``merge_threshold`` hashes, a merge builds a new ``main`` from the old one and
the delta on a background thread (searches go on against the old state meanwhile) and
swaps it in, keeping whatever was added to the delta during the build.

Entry ids are int64 values chosen by the caller (the store uses its row ids). The same id
may be added more than once; a search reports each id once, at its smallest distance.
Disabled entries stay in the structures (they may be enabled again); ``disable`` hides an
id wherever it occurs.

Snapshots use ``snapshot``'s container with kind ``"pdq"``; parameters (JSON)::

    {"main": "mih" | "flat" | "none", "key_bits": int, "id_base": int,
     "substring_bits": [24, 24, ...], "block_keys": 16, "merge_threshold": int,
     "flat_below": int, "row_suffix_bits": [0, s1, ..., s10]}

(``row_suffix_bits``: per table, the substring bits stored above each row number in
``rows``, see ``mih``; absent in snapshots written before it, which read as all 0.)

and sections (absent ones are empty)::

    words       <u8 (N, 4)   main hashes; word i = big-endian integer of bytes 8i..8i+7
    ids         <i8 (N,)     main entry ids, row for row (mih: <u4 offsets from "id_base"
                             when the ids span less than 2**32)
    nibbles     <u8 (B,)     mih only: 16 4-bit bucket sizes per block (key j at bits 4j..)
    bases       <u4|<u8 (B,) mih only: global position of each block's first row, or, for a
                             block with a bucket of 15 or more rows, the top bit set and
                             its row in ovf_starts (<u4 while 11 N < 2**31)
    ovf_starts  <u4|<u8 (K, 17) mih only: those blocks' 16 bucket starts and their end
    rows        |u1 (10rN+1,) mih only: rows of tables 1..10 in key order, r = 3 (N <= 2**24)
                             or 4 bytes each, little-endian, then one zero byte; the bits
                             above a row number hold the table's row_suffix_bits
    delta_words <u8 (D, 4)   the delta's hashes
    delta_ids   <i8 (D,)     the delta's ids
    disabled    <i8 (T,)     sorted, unique disabled entry ids

(``mih`` describes the multi-index layout; B = 11 * 2**key_bits / 16.)

This module owns the update and concurrency rules and the PDQ-facing API; the search
structures live in ``mih`` and ``hamming``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.index.entries import IdsLike, as_ids
from safeguard.index.hamming import (
    WORDS,
    Distances,
    HashesLike,
    Int64s,
    Words,
    flat_search,
    query_words,
    to_words,
)
from safeguard.index.mih import BLOCK_KEYS, SUBSTRING_BITS, MihSegment
from safeguard.index.snapshot import SnapshotError, read_snapshot, write_snapshot
from safeguard.signals.pdq import HASH_BITS, MATCH_THRESHOLD, PdqHash, dihedral_of_hash

log = logging.getLogger(__name__)

#: Below this many hashes a numpy scan beats probing the tables (see bench/results/index.md).
FLAT_BELOW = 16_384
#: The delta is scanned on every search: at 16k hashes that adds ~0.1-0.2 ms a query.
MERGE_THRESHOLD = 16_384

#: One hit of the index: (entry id, Hamming distance).
Hit = tuple[int, int]


@dataclass(frozen=True, slots=True, eq=False)
class FlatSegment:
    """Hashes and ids scanned by brute force."""

    words: Words
    ids: Int64s

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    @property
    def nbytes(self) -> int:
        return int(self.words.nbytes + self.ids.nbytes)

    def entry_ids(self, rows: Int64s) -> Int64s:
        return self.ids[rows]

    def search(self, queries: Words, radius: int) -> tuple[Int64s, Int64s, Distances]:
        return flat_search(self.words, queries, radius)


_EMPTY = FlatSegment(np.empty((0, WORDS), dtype=np.uint64), np.empty(0, dtype=np.int64))


@dataclass(frozen=True, slots=True, eq=False)
class _State:
    main: MihSegment | FlatSegment
    delta: FlatSegment
    disabled: Int64s


@dataclass(frozen=True, slots=True, eq=False)
class BatchMatches:
    """Matches of a batch of queries as parallel arrays, sorted by (query, distance, id)."""

    n_queries: int
    query: Int64s
    entry_id: Int64s
    distance: Distances

    def per_query(self) -> list[list[Hit]]:
        """For each query, its matches as (entry id, distance)."""
        out: list[list[Hit]] = [[] for _ in range(self.n_queries)]
        for q, e, d in zip(
            self.query.tolist(), self.entry_id.tolist(), self.distance.tolist(), strict=True
        ):
            out[q].append((e, d))
        return out


def _check_radius(radius: int) -> None:
    if not 0 <= radius <= HASH_BITS:
        raise ValueError(f"radius must be in 0..{HASH_BITS}, got {radius}")


class PdqIndex:
    """Every stored PDQ hash within a radius of a query, exactly; see the module docstring.

    ``merge_threshold``: delta size that starts a merge. ``flat_below``: below this many
    hashes ``main`` is scanned rather than indexed. ``background_merge``: merge on a thread
    (else inside the ``add`` that crossed the threshold). ``key_bits``: override the table
    key width (tests use it to force small tables; default about log2 N).
    """

    def __init__(
        self,
        *,
        merge_threshold: int = MERGE_THRESHOLD,
        flat_below: int = FLAT_BELOW,
        background_merge: bool = True,
        key_bits: int | None = None,
    ) -> None:
        if merge_threshold < 1:
            raise ValueError("merge_threshold must be positive")
        self.merge_threshold = merge_threshold
        self.flat_below = flat_below
        self.background_merge = background_merge
        self.key_bits = key_bits
        self._state = _State(_EMPTY, _EMPTY, np.empty(0, dtype=np.int64))
        # Writers (add/disable/enable and the swap at the end of a merge) take _write_lock;
        # merges take _merge_lock for their whole length. Readers take no lock.
        self._write_lock = threading.Lock()
        self._merge_lock = threading.Lock()
        self._merge_thread: threading.Thread | None = None
        self._merge_error: BaseException | None = None

    # --- construction -----------------------------------------------------------------

    @classmethod
    def build(
        cls,
        entry_ids: IdsLike,
        hashes: HashesLike,
        **options: Any,
    ) -> PdqIndex:
        """An index holding ``hashes`` (ids row for row), built in one go."""
        index = cls(**options)
        ids = as_ids(entry_ids)
        words = to_words(hashes)
        if ids.shape[0] != words.shape[0]:
            raise ValueError(f"{ids.shape[0]} entry ids for {words.shape[0]} hashes")
        index._state = _State(index._build_main(words, ids), _EMPTY, index._state.disabled)
        return index

    def _build_main(self, words: Words, ids: Int64s) -> MihSegment | FlatSegment:
        if words.shape[0] < max(self.flat_below, 1):
            return FlatSegment(np.ascontiguousarray(words), np.ascontiguousarray(ids))
        # Every caller hands over arrays made for this build (to_words, concatenate).
        return MihSegment.build(words, ids, self.key_bits, reuse_input=True)

    # --- size -------------------------------------------------------------------------

    def __len__(self) -> int:
        """Hashes held, disabled ones included."""
        state = self._state
        return len(state.main) + len(state.delta)

    @property
    def pending(self) -> int:
        """Hashes in the delta, waiting for a merge."""
        return len(self._state.delta)

    @property
    def disabled_ids(self) -> Int64s:
        return self._state.disabled

    @property
    def uses_tables(self) -> bool:
        """Whether ``main`` is a multi-index segment (False: a brute-force scan)."""
        return isinstance(self._state.main, MihSegment)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays of the current state."""
        state = self._state
        return state.main.nbytes + state.delta.nbytes + int(state.disabled.nbytes)

    # --- updates ----------------------------------------------------------------------

    def add(self, entry_ids: IdsLike, hashes: HashesLike) -> None:
        """Add hashes (ids row for row); searches see them as soon as this returns.

        A batch at least as large as ``main`` (and ``merge_threshold``) is merged into
        ``main`` before this returns (searches see all of it at once, when the new ``main``
        is swapped in) rather than put in the delta, which every search scans: so filling an
        index batch by batch rebuilds it a logarithmic number of times. Smaller batches go
        to the delta, and a background merge folds in whatever has gathered there while the
        previous one ran. To load millions of hashes at once, ``build`` is cheapest.
        """
        ids = as_ids(entry_ids)
        words = to_words(hashes)
        if ids.shape[0] != words.shape[0]:
            raise ValueError(f"{ids.shape[0]} entry ids for {words.shape[0]} hashes")
        if ids.shape[0] >= max(self.merge_threshold, len(self._state.main)):
            self._merge_once(FlatSegment(words, ids))
            return
        with self._write_lock:
            state = self._state
            delta = FlatSegment(
                np.concatenate((state.delta.words, words)), np.concatenate((state.delta.ids, ids))
            )
            self._state = _State(state.main, delta, state.disabled)
        if len(delta) >= self.merge_threshold:
            if self.background_merge:
                self._start_background_merge()
            else:
                self.merge()

    def disable(self, entry_ids: IdsLike) -> None:
        """Hide entries from searches (reversible with ``enable``)."""
        ids = as_ids(entry_ids)
        with self._write_lock:
            state = self._state
            self._state = _State(state.main, state.delta, np.union1d(state.disabled, ids))

    def enable(self, entry_ids: IdsLike) -> None:
        """Show disabled entries again."""
        ids = as_ids(entry_ids)
        with self._write_lock:
            state = self._state
            disabled = np.setdiff1d(state.disabled, ids, assume_unique=False)
            self._state = _State(state.main, state.delta, disabled)

    def merge(self) -> None:
        """Fold the delta into ``main`` now, waiting for a background merge to finish first.

        Re-raises the error of a failed background merge (the index is unchanged by it).
        """
        thread = self._merge_thread
        if thread is not None:
            thread.join()
        error, self._merge_error = self._merge_error, None
        if error is not None:
            raise error
        self._merge_once()

    def _start_background_merge(self) -> None:
        with self._write_lock:
            if self._merge_thread is not None and self._merge_thread.is_alive():
                return
            thread = threading.Thread(target=self._background_merge, name="pdq-index-merge")
            thread.daemon = True
            self._merge_thread = thread
        thread.start()

    def _background_merge(self) -> None:
        try:
            while len(self._state.delta) >= self.merge_threshold:
                self._merge_once()
        except Exception as e:  # kept for merge() to re-raise; the old state stays valid
            log.exception("background merge of a PDQ index failed")
            self._merge_error = e

    def _merge_once(self, batch: FlatSegment = _EMPTY) -> None:
        """Build ``main`` from the current one, the delta and ``batch``, and swap it in."""
        with self._merge_lock:
            state = self._state
            taken = len(state.delta)
            if not taken and not len(batch):
                return
            # Built off to the side: searches keep using `state` until the swap below.
            main = self._build_main(
                np.concatenate((state.main.words, state.delta.words, batch.words)),
                np.concatenate((state.main.ids, state.delta.ids, batch.ids)),
            )
            with self._write_lock:
                current = self._state
                # Only merges replace main, and they hold _merge_lock, so current.main is
                # state.main and current.delta extends state.delta.
                rest = FlatSegment(current.delta.words[taken:], current.delta.ids[taken:])
                self._state = _State(main, rest, current.disabled)

    # --- search -----------------------------------------------------------------------

    def search(
        self,
        query: PdqHash | bytes,
        radius: int = MATCH_THRESHOLD,
        *,
        dihedral: bool = False,
        variants: Sequence[PdqHash | bytes] | None = None,
    ) -> list[Hit]:
        """Every enabled entry within ``radius`` bits of ``query``, as (entry id, distance),
        sorted by distance then id. Exact for every radius (tables up to 32, a scan above).

        ``dihedral``: also search the query's 8 rotations/mirrors (approximated from the
        hash by ``dihedral_of_hash``), or the caller's ``variants`` when given (the exact
        ones, computed from the picture's DCT); each entry is reported at its best distance.
        """
        _check_radius(radius)
        if variants is not None:
            words = to_words([query, *variants])
        elif dihedral:
            words = _dihedral_words(query)
        else:
            words = query_words(query)
        qmap = np.zeros(words.shape[0], dtype=np.int64)
        _, ids, dist = self._search(self._state, words, qmap, radius)
        return list(zip(ids.tolist(), dist.tolist(), strict=True))

    def search_many(
        self,
        queries: HashesLike,
        radius: int = MATCH_THRESHOLD,
        *,
        dihedral: bool = False,
    ) -> BatchMatches:
        """``search`` for a batch (an (Q, 32) uint8 array or hashes), vectorised."""
        _check_radius(radius)
        words = to_words(queries)
        n = words.shape[0]
        qmap = np.arange(n, dtype=np.int64)
        if dihedral:
            parts = [_dihedral_words(PdqHash(bytes(_row_bytes(w)))) for w in words]
            qmap = np.repeat(qmap, [p.shape[0] for p in parts])
            words = np.concatenate(parts) if parts else words
        qi, ids, dist = self._search(self._state, words, qmap, radius)
        return BatchMatches(n, qi, ids, dist)

    @staticmethod
    def _search(
        state: _State, words: Words, qmap: Int64s, radius: int
    ) -> tuple[Int64s, Int64s, Distances]:
        found: list[tuple[Int64s, Int64s, Distances]] = []
        for segment in (state.main, state.delta):
            if len(segment):
                qi, rows, dist = segment.search(words, radius)
                if qi.size:  # (most searches find nothing: no ids to look up, no joins)
                    found.append((qmap[qi], segment.entry_ids(rows), dist))
        if not found:
            return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int16)
        if len(found) == 1:
            qi, ids, dist = found[0]
        else:
            qi, ids, dist = (np.concatenate(x) for x in zip(*found, strict=True))
        if state.disabled.size and ids.size:
            keep = np.flatnonzero(~np.isin(ids, state.disabled))
            qi, ids, dist = qi[keep], ids[keep], dist[keep]
        if ids.size > 1:
            # One result per (query, id): its smallest distance.
            order = np.lexsort((dist, ids, qi))
            qi, ids, dist = qi[order], ids[order], dist[order]
            first = np.ones(ids.size, dtype=bool)
            first[1:] = (qi[1:] != qi[:-1]) | (ids[1:] != ids[:-1])
            qi, ids, dist = qi[first], ids[first], dist[first]
            # Sorted by (query, id) now: a stable sort by (query, distance) keeps id order.
            order = np.argsort(qi * 512 + dist, kind="stable")
            qi, ids, dist = qi[order], ids[order], dist[order]
        return qi, ids, dist

    # --- snapshots --------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write a snapshot of the current state (atomically: temp file, then rename)."""
        state = self._state
        main = state.main
        kind = "mih" if isinstance(main, MihSegment) else ("flat" if len(main) else "none")
        arrays: dict[str, npt.NDArray[Any]] = {"words": main.words, "ids": main.ids}
        key_bits = id_base = 0
        suffix_bits: list[int] = [0] * len(SUBSTRING_BITS)
        if isinstance(main, MihSegment):
            arrays.update(main.arrays())
            key_bits, id_base = main.key_bits, main.id_base
            suffix_bits = list(main.suffix_bits)
        arrays.update(
            delta_words=state.delta.words, delta_ids=state.delta.ids, disabled=state.disabled
        )
        meta = {
            "main": kind,
            "key_bits": key_bits,
            "id_base": id_base,
            "substring_bits": list(SUBSTRING_BITS),
            "block_keys": BLOCK_KEYS,
            "merge_threshold": self.merge_threshold,
            "flat_below": self.flat_below,
            "row_suffix_bits": suffix_bits,
        }
        write_snapshot(path, "pdq", meta, arrays)

    @classmethod
    def load(cls, path: str | os.PathLike[str], **options: Any) -> PdqIndex:
        """An index from a snapshot; ``SnapshotError`` if it is not an intact one."""
        _, meta, arrays = read_snapshot(path, ("pdq",))
        try:
            if meta.get("substring_bits") != list(SUBSTRING_BITS) or (
                meta.get("block_keys") != BLOCK_KEYS
            ):
                raise SnapshotError(f"{path}: multi-index layout differs from this build's")
            settings: dict[str, Any] = {
                "merge_threshold": int(meta["merge_threshold"]),
                "flat_below": int(meta["flat_below"]),
            }
            settings.update(options)
            index = cls(**settings)
            words = _expect(arrays, "words", np.uint64, 2)
            main: MihSegment | FlatSegment
            if meta["main"] == "mih":
                main = MihSegment(
                    words=words,
                    id_base=int(meta["id_base"]),
                    id_offsets=_expect(arrays, "ids", (np.uint32, np.int64), 1),
                    key_bits=int(meta["key_bits"]),
                    nibbles=_expect(arrays, "nibbles", np.uint64, 1),
                    bases=_expect(arrays, "bases", (np.uint32, np.uint64), 1),
                    overflow_starts=_expect(arrays, "ovf_starts", (np.uint32, np.uint64), 2),
                    rows=_expect(arrays, "rows", np.uint8, 1),
                    suffix_bits=tuple(
                        int(b) for b in meta.get("row_suffix_bits", [0] * len(SUBSTRING_BITS))
                    ),
                )
            elif meta["main"] in ("flat", "none"):
                main = FlatSegment(words.reshape(-1, WORDS), _expect(arrays, "ids", np.int64, 1))
            else:
                raise SnapshotError(f"{path}: unknown main segment kind {meta['main']!r}")
            delta = FlatSegment(
                _expect(arrays, "delta_words", np.uint64, 2).reshape(-1, WORDS),
                _expect(arrays, "delta_ids", np.int64, 1),
            )
            for segment in (main, delta):
                if segment.words.shape != (len(segment.ids), WORDS):
                    raise SnapshotError(f"{path}: hashes and ids differ in number")
            disabled = _expect(arrays, "disabled", np.int64, 1)
        except (KeyError, TypeError, ValueError) as e:
            raise SnapshotError(f"{path}: inconsistent PDQ index snapshot: {e}") from e
        index._state = _State(main, delta, disabled)
        return index


def _expect(
    arrays: dict[str, npt.NDArray[Any]],
    name: str,
    dtypes: type[np.generic] | tuple[type[np.generic], ...],
    ndim: int,
) -> Any:
    if name not in arrays:
        raise SnapshotError(f"snapshot section {name!r} is missing")
    array = arrays[name]
    allowed = dtypes if isinstance(dtypes, tuple) else (dtypes,)
    if array.dtype not in [np.dtype(d) for d in allowed] or array.ndim != ndim:
        raise SnapshotError(f"snapshot section {name!r} has dtype {array.dtype}{array.shape}")
    return array


def _row_bytes(word_row: Words) -> bytes:
    return np.ascontiguousarray(word_row, dtype=">u8").tobytes()


def _dihedral_words(query: PdqHash | bytes) -> Words:
    """The query and its 8 approximate dihedral variants (duplicates removed)."""
    base = query if isinstance(query, PdqHash) else PdqHash(bytes(query))
    variants = {base.value: None}
    variants.update((v.value, None) for v in dihedral_of_hash(base).values())
    return to_words(list(variants))

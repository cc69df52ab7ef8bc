"""``ExactIndex``: which entries hold a given MD5, SHA-1 or SHA-256 digest.

Digests are kept as fixed-width byte strings (numpy ``S16``/``S20``/``S32``) sorted, with the
entry ids row for row: L + 8 bytes an entry, lookups by binary search. As in ``PdqIndex``,
the state (sorted ``main``, a small sorted ``delta`` of recent additions, and the sorted
disabled ids) is immutable and replaced by one reference assignment, so lookups from other
threads see the state before or after an update, never a mixture. When the delta reaches
``merge_threshold`` entries it is folded into ``main`` by the writer with a linear merge
(a binary search for each new key, then one copy), while readers keep the old state.

Snapshots use ``snapshot``'s container with the signal's name as kind (``"md5"``,
``"sha1"``, ``"sha256"``); parameters ``{"merge_threshold": int}``; sections ``keys``
(``|S<L>`` (N,), sorted), ``ids`` (``<i8`` (N,)), ``delta_keys``, ``delta_ids`` (likewise),
``disabled`` (``<i8``, sorted, unique).

This module owns exact-digest lookup; digest parsing is ``safeguard.signals.types``'.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.index.entries import IdsLike, as_ids
from safeguard.index.snapshot import SnapshotError, read_snapshot, write_snapshot
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.types import EXACT_SIGNALS, signal_type

MERGE_THRESHOLD = 65_536

Keys = npt.NDArray[np.bytes_]
Int64s = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, eq=False)
class _Sorted:
    keys: Keys
    ids: Int64s

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def lookup(self, queries: Keys) -> tuple[Int64s, Int64s]:
        """(query index, id) for every stored key equal to a query."""
        lo = np.searchsorted(self.keys, queries, side="left")
        hi = np.searchsorted(self.keys, queries, side="right")
        size = hi - lo
        total = int(size.sum())
        ends = np.cumsum(size)
        at = np.repeat(lo - (ends - size), size) + np.arange(total)
        return np.repeat(np.arange(queries.size), size), self.ids[at]

    def merged(self, other: _Sorted) -> _Sorted:
        """Both sets of keys, sorted, in O(N + D log N)."""
        where = np.searchsorted(self.keys, other.keys)
        keys = np.insert(self.keys, where, other.keys)
        return _Sorted(keys, np.insert(self.ids, where, other.ids))


@dataclass(frozen=True, slots=True, eq=False)
class _State:
    main: _Sorted
    delta: _Sorted
    disabled: Int64s


class ExactIndex:
    """Digest -> entry ids for one cryptographic signal type (md5, sha1 or sha256)."""

    def __init__(self, signal: str, *, merge_threshold: int = MERGE_THRESHOLD) -> None:
        name = signal.lower()
        if name not in EXACT_SIGNALS:
            raise ValueError(f"exact index signals are {', '.join(EXACT_SIGNALS)}, not {signal!r}")
        self.signal = name
        self.digest_size = signal_type(name).hex_length // 2
        self.merge_threshold = merge_threshold
        empty = self._sorted(np.empty(0, dtype=self._dtype), np.empty(0, dtype=np.int64))
        self._state = _State(empty, empty, np.empty(0, dtype=np.int64))
        self._write_lock = threading.Lock()

    @property
    def _dtype(self) -> np.dtype[np.bytes_]:
        return np.dtype(f"S{self.digest_size}")

    @staticmethod
    def _sorted(keys: Keys, ids: Int64s) -> _Sorted:
        order = np.argsort(keys, kind="stable")
        return _Sorted(keys[order], ids[order])

    def _keys(self, digests: Iterable[str | bytes]) -> Keys:
        raw: list[bytes] = []
        kind = signal_type(self.signal)
        for d in digests:
            value = bytes.fromhex(kind.normalize(d)) if isinstance(d, str) else bytes(d)
            if len(value) != self.digest_size:
                raise InvalidSignal(
                    f"a {self.signal} digest has {self.digest_size} bytes, got {len(value)}"
                )
            raw.append(value)
        # frombuffer keeps every byte; building from bytes objects would not be affected
        # either, but this is also the fastest way in.
        return np.frombuffer(b"".join(raw), dtype=self._dtype)

    @classmethod
    def build(
        cls, signal: str, entry_ids: IdsLike, digests: Iterable[str | bytes], **options: Any
    ) -> ExactIndex:
        index = cls(signal, **options)
        ids = as_ids(entry_ids)
        keys = index._keys(digests)
        if ids.shape[0] != keys.shape[0]:
            raise ValueError(f"{ids.shape[0]} entry ids for {keys.shape[0]} digests")
        state = index._state
        index._state = _State(cls._sorted(keys, ids), state.delta, state.disabled)
        return index

    def __len__(self) -> int:
        state = self._state
        return len(state.main) + len(state.delta)

    @property
    def nbytes(self) -> int:
        s = self._state
        return sum(
            a.nbytes for a in (s.main.keys, s.main.ids, s.delta.keys, s.delta.ids, s.disabled)
        )

    def add(self, entry_ids: IdsLike, digests: Iterable[str | bytes]) -> None:
        """Add digests (ids row for row); lookups see them as soon as this returns."""
        ids = as_ids(entry_ids)
        keys = self._keys(digests)
        if ids.shape[0] != keys.shape[0]:
            raise ValueError(f"{ids.shape[0]} entry ids for {keys.shape[0]} digests")
        with self._write_lock:
            state = self._state
            delta = state.delta.merged(self._sorted(keys, ids))
            main = state.main
            if len(delta) >= self.merge_threshold:
                main, delta = main.merged(delta), _Sorted(delta.keys[:0], delta.ids[:0])
            self._state = _State(main, delta, state.disabled)

    def disable(self, entry_ids: IdsLike) -> None:
        ids = as_ids(entry_ids)
        with self._write_lock:
            s = self._state
            self._state = _State(s.main, s.delta, np.union1d(s.disabled, ids))

    def enable(self, entry_ids: IdsLike) -> None:
        ids = as_ids(entry_ids)
        with self._write_lock:
            s = self._state
            self._state = _State(s.main, s.delta, np.setdiff1d(s.disabled, ids))

    def lookup(self, digest: str | bytes) -> list[int]:
        """The enabled entry ids holding ``digest``, ascending."""
        return self.lookup_many([digest])[0]

    def lookup_many(self, digests: Iterable[str | bytes]) -> list[list[int]]:
        """``lookup`` for each digest."""
        state = self._state
        queries = self._keys(digests)
        found = [seg.lookup(queries) for seg in (state.main, state.delta) if len(seg)]
        out: list[list[int]] = [[] for _ in range(queries.size)]
        if not found:
            return out
        qi = np.concatenate([f[0] for f in found])
        ids = np.concatenate([f[1] for f in found])
        if state.disabled.size:
            keep = ~np.isin(ids, state.disabled)
            qi, ids = qi[keep], ids[keep]
        order = np.lexsort((ids, qi))
        last: tuple[int, int] | None = None
        for q, e in zip(qi[order].tolist(), ids[order].tolist(), strict=True):
            if (q, e) != last:
                out[q].append(e)
                last = (q, e)
        return out

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write a snapshot of the current state (atomically: temp file, then rename)."""
        s = self._state
        write_snapshot(
            path,
            self.signal,
            {"merge_threshold": self.merge_threshold},
            {
                "keys": s.main.keys,
                "ids": s.main.ids,
                "delta_keys": s.delta.keys,
                "delta_ids": s.delta.ids,
                "disabled": s.disabled,
            },
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str], signal: str | None = None) -> ExactIndex:
        """An index from a snapshot (of ``signal``, if given); ``SnapshotError`` if it is
        not an intact one."""
        kinds = (signal.lower(),) if signal else EXACT_SIGNALS
        kind, meta, arrays = read_snapshot(path, kinds)
        try:
            index = cls(kind, merge_threshold=int(meta["merge_threshold"]))
            parts = []
            for keys_name, ids_name in (("keys", "ids"), ("delta_keys", "delta_ids")):
                keys, ids = arrays[keys_name], arrays[ids_name]
                if keys.dtype != index._dtype or ids.dtype != np.int64:
                    raise SnapshotError(f"{path}: section {keys_name!r} has the wrong type")
                if keys.shape != ids.shape or keys.ndim != 1:
                    raise SnapshotError(f"{path}: keys and ids differ in number")
                parts.append(_Sorted(keys, ids))
            disabled = arrays["disabled"]
            if disabled.dtype != np.int64 or disabled.ndim != 1:
                raise SnapshotError(f"{path}: section 'disabled' has the wrong type")
        except (KeyError, TypeError, ValueError) as e:
            raise SnapshotError(f"{path}: inconsistent exact index snapshot: {e}") from e
        index._state = _State(parts[0], parts[1], disabled)
        return index

"""A shortlist by local features, for copies whose PDQ is far from every stored hash
(asymmetric and one-side crops, perspective): the picture's kept ORB features are summed
into one global descriptor, and a query that matched nothing by hash is compared with
every entry's descriptor; the few nearest are then verified geometrically
(``signals.local.verify_same_picture``) by the matcher.

The descriptor is VLAD (``signals.vlad.vlad``, reused as is) over ORB descriptors, each
descriptor's 256 bits taken as 0/1 floats, with ``WORDS`` visual words learned once from
benign pictures outside the benchmark (``bench/robust_words.py``) and shipped in
``data/orb_words.npy``, so the bank side and the query side describe pictures in the same
space whichever process computes them.

The VLAD vector (``WORDS`` x 256 floats) is kept in a **ternary code**: per word, whether
any descriptor fell in it (``WORDS`` bits), and the sign of each of its 256 components
(``WORDS`` x 32 bytes): 1,028 bytes an entry. The similarity of two codes is the cosine of
their ternary vectors (+1/-1 on the words both use, 0 elsewhere). On ``bench/robust``'s
330 originals, 32 words in this code put the original of a 15 %/10 % asymmetric crop in
the top 5 for 98.8 % of queries, against 99.7 % for the float vector (32 KB) and 93.3 %
for a 512-bit random projection (measured before this module was written, with words
learned from the same four pictures; the choice of code was made on the benchmark's
originals, the words were not learned on them).

The code is derived from the kept ORB record (``banks.entries.put_local_features``), so
nothing more is stored per entry; the matcher builds the index from those records when
it loads (``Matcher.refresh``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.matching.shortlist_kernel import compiled_nearest
from safeguard.signals.local import OrbFeatures
from safeguard.signals.vlad import vlad

WORDS = 32
WORDS_FILE = Path(__file__).resolve().parent / "data" / "orb_words.npy"
#: Bytes of one code: the word mask, then the sign bits.
CODE_BYTES = WORDS // 8 + WORDS * 32
#: Bytes an entry takes in ``LocalShortlist``.
MEMORY_BYTES = WORDS * 32 + WORDS + 8
#: From this many codes on, a matcher groups them into inverted lists (``CoarseLists``):
#: below it the full scan costs a few ms (about 1.1 us an entry; 11 ms at 10^4).
LISTS_FROM = 50_000
#: Lists are built again when the shortlist holds this many times the codes they were
#: sized for (``lists_due``).
REGROW = 4
#: Rows compared at once (bounds the temporary arrays of a search to a few MB).
_CHUNK = 8192
#: (code, centre) pairs from which a list assignment runs compiled (``shortlist_kernel``):
#: below it numpy takes well under a second, less than a first compilation.
_COMPILED_FROM = 1_000_000

F32 = npt.NDArray[np.float32]
U8 = npt.NDArray[np.uint8]


@lru_cache(maxsize=1)
def words() -> F32:
    """The shipped visual words, (``WORDS``, 256) float32 (read once; never changed)."""
    loaded = np.load(WORDS_FILE)
    if loaded.shape != (WORDS, 256):
        raise ValueError(f"{WORDS_FILE} has shape {loaded.shape}, expected ({WORDS}, 256)")
    return np.asarray(loaded, np.float32)


def global_vector(features: OrbFeatures) -> F32:
    """The normalised VLAD vector (``WORDS`` * 256,) of a picture's ORB features."""
    bits = np.unpackbits(features.descriptors, axis=1).astype(np.float32)
    return vlad(bits, words())


def code_of(features: OrbFeatures) -> bytes:
    """The ternary code (``CODE_BYTES``) of a picture's ORB features."""
    v = global_vector(features).reshape(WORDS, 256)
    used = np.abs(v).sum(axis=1) > 0
    signs = np.packbits(v > 0, axis=1)
    return np.packbits(used).tobytes() + signs.tobytes()


U64 = npt.NDArray[np.uint64]


def _split(code: bytes) -> tuple[npt.NDArray[np.bool_], U64]:
    """The word mask, and the sign bits as (``WORDS``, 4) 64-bit words (popcounts of
    64-bit words are 8x fewer operations than of bytes)."""
    if len(code) != CODE_BYTES:
        raise ValueError(f"a shortlist code is {CODE_BYTES} bytes, got {len(code)}")
    raw = np.frombuffer(code, np.uint8)
    used = np.unpackbits(raw[: WORDS // 8])[:WORDS].astype(bool)
    signs = raw[WORDS // 8 :].copy().view(np.uint64).reshape(WORDS, 4)
    return used, signs


@dataclass
class LocalShortlist:
    """The codes of every entry that kept local features, searched by brute force.
    In memory an entry takes ``MEMORY_BYTES``: its sign bits, one byte a word for the word
    mask (faster to combine than bits) and its id."""

    ids: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    used: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros((0, WORDS), bool))
    signs: U64 = field(default_factory=lambda: np.zeros((0, WORDS, 4), np.uint64))
    #: Inverted lists (``build_lists``); None: every search scans every code.
    lists: CoarseLists | None = None
    #: Lists scanned a search when there are lists.
    probe: int = 16

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __contains__(self, entry: int) -> bool:
        return bool((self.ids == entry).any())

    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.used.nbytes + self.signs.nbytes)

    def add(self, entries: list[int], codes: list[bytes]) -> None:
        if not entries:
            return
        split = [_split(c) for c in codes]
        used = np.array([u for u, _ in split])
        signs = np.array([s for _, s in split])
        self.ids = np.concatenate([self.ids, np.array(entries, np.int64)])
        self.used = np.concatenate([self.used, used])
        self.signs = np.concatenate([self.signs, signs])
        if self.lists is not None:
            self.lists.assign(used, signs)

    def put(self, entries: list[int], codes: list[bytes]) -> None:
        """Add these entries' codes, replacing the code of any entry already here (its kept
        features were replaced: the old code would shortlist the old picture)."""
        if not entries:
            return
        have = {int(e): i for i, e in enumerate(self.ids)}
        fresh_entries: list[int] = []
        fresh_codes: list[bytes] = []
        for entry, code in zip(entries, codes, strict=True):
            row = have.get(int(entry))
            if row is None:
                fresh_entries.append(entry)
                fresh_codes.append(code)
                continue
            self.used[row], self.signs[row] = _split(code)
            if self.lists is not None:
                self.lists.reassign(row, self.used[row], self.signs[row])
        self.add(fresh_entries, fresh_codes)

    def search(self, code: bytes, k: int) -> list[tuple[int, float]]:
        """The ``k`` entries whose codes are most similar to ``code``: (entry, cosine),
        most similar first; nothing for a query that used no word."""
        used, signs = _split(code)
        if not used.any() or len(self) == 0 or k <= 0:
            return []
        if self.lists is not None and len(self.lists.assigned) == len(self):
            rows = self.lists.rows_to_scan(used, signs, self.probe)
            scores = _scores(self.used[rows], self.signs[rows], used, signs)
            return _top(self.ids[rows], scores, k)
        return _top(self.ids, _scores(self.used, self.signs, used, signs), k)

    def build_lists(self, nlist: int, *, sample: int = 20_000, rounds: int = 4) -> None:
        """Group the codes into ``nlist`` inverted lists (``CoarseLists.fit``) so a search
        scans only the ``probe`` lists nearest the query instead of every code."""
        self.lists = CoarseLists.fit(self.used, self.signs, nlist, sample=sample, rounds=rounds)

    def save(self, path: Path) -> None:
        arrays: dict[str, npt.NDArray[Any]] = {
            "ids": self.ids,
            "used": self.used,
            "signs": self.signs,
        }
        if self.lists is not None:
            arrays |= {
                "centre_used": self.lists.centre_used,
                "centre_signs": self.lists.centre_signs,
                "assigned": self.lists.assigned,
            }
        with path.open("wb") as f:
            np.savez(f, allow_pickle=False, **arrays)

    @classmethod
    def load(cls, path: Path) -> LocalShortlist:
        """Raises ``OSError``, ``ValueError`` or ``KeyError`` for a missing or damaged file."""
        with np.load(path, allow_pickle=False) as z:
            ids, used, signs = z["ids"], z["used"], z["signs"]
            lists = None
            if "assigned" in z:
                c_used, c_signs, assigned = z["centre_used"], z["centre_signs"], z["assigned"]
                nlist = len(c_used)
                if (
                    c_signs.shape != (nlist, WORDS, 4)
                    or assigned.shape != (len(ids),)
                    or (
                        len(assigned)
                        and not 0 <= int(assigned.min()) <= int(assigned.max()) < nlist
                    )
                ):
                    raise ValueError(f"{path} holds damaged inverted lists")
                lists = CoarseLists(
                    c_used.astype(bool), c_signs.astype(np.uint64), assigned.astype(np.int32)
                )
        n = len(ids)
        if used.shape != (n, WORDS) or signs.shape != (n, WORDS, 4):
            raise ValueError(f"{path} does not hold {WORDS}-word shortlist codes")
        return cls(ids.astype(np.int64), used.astype(bool), signs.astype(np.uint64), lists)

    def lists_due(self) -> bool:
        """Whether inverted lists should be (re)built: the shortlist is large enough and has
        none yet, or it has grown to ``REGROW`` times the ``nlist**2`` codes its lists were
        sized for, so each list holds that many times the codes a search was meant to scan.
        At 10^6 codes lists built at 50,000 (224 lists) cost 5.7x the search time of
        ``sqrt(n)`` lists for the same recall (``bench.robust_local_ivf``), while a rebuild
        costs about 84 s of CPU there; growing by 4x between builds keeps rebuilds to a
        handful over a bank's life (50k, 200k, 800k, 3.2M, ...)."""
        if len(self) < LISTS_FROM:
            return False
        return self.lists is None or len(self) >= REGROW * len(self.lists) ** 2

    def build_default_lists(self) -> None:
        """Inverted lists sized for the shortlist: about ``sqrt(n)`` lists."""
        self.build_lists(max(16, round(math.sqrt(len(self)))))


def _scores(
    used_rows: npt.NDArray[np.bool_], sign_rows: U64, used: npt.NDArray[np.bool_], signs: U64
) -> F32:
    """Cosine of one code's ternary vector with each row's (see the module docstring)."""
    out = np.empty(len(used_rows), np.float32)
    for start in range(0, len(used_rows), _CHUNK):
        part = slice(start, start + _CHUNK)
        differ = np.bitwise_count(sign_rows[part] ^ signs).sum(axis=2, dtype=np.int32)
        both = used_rows[part] & used
        dot = ((256 - 2 * differ) * both).sum(axis=1)
        norm = 256.0 * np.sqrt(used_rows[part].sum(axis=1) * float(used.sum()))
        out[part] = dot / np.maximum(norm, 1.0)
    return out


def _top(ids: npt.NDArray[np.int64], scores: F32, k: int) -> list[tuple[int, float]]:
    k = min(k, len(ids))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(ids[i]), float(scores[i])) for i in top]


def _majority(used: npt.NDArray[np.bool_], signs: U64) -> tuple[npt.NDArray[np.bool_], U64]:
    """The code nearest a group of codes: a word is used when most members use it, and
    each sign is the members' majority among those that use the word."""
    if len(used) == 0:
        return np.zeros(WORDS, bool), np.zeros((WORDS, 4), np.uint64)
    bits = np.unpackbits(signs.view(np.uint8).reshape(len(used), WORDS, 32), axis=2)
    votes = ((2 * bits.astype(np.int32) - 1) * used[:, :, None]).sum(axis=0)
    centre_used = used.mean(axis=0) >= 0.5
    if not centre_used.any():
        centre_used = used.mean(axis=0) >= used.mean(axis=0).max()
    centre_signs = np.packbits(votes > 0, axis=1).view(np.uint64).reshape(WORDS, 4)
    return centre_used, centre_signs


@dataclass
class CoarseLists:
    """An inverted file over shortlist codes: ``nlist`` centre codes (learned from the
    codes themselves by a few rounds of k-majority, the binary form of k-means), each code
    assigned to its most similar centre. A search compares the query with the centres and
    scans only the codes of the ``probe`` most similar ones, so it costs about
    ``nlist + probe / nlist * n`` comparisons instead of ``n``: the nearest codes are found
    unless they sit in lists the query is not nearest to (``bench.robust_local_ivf``
    measures how often that changes the top 5 against the full scan).

    Centres are learned once (``fit``); codes added later are assigned to the nearest
    existing centre, and a replaced code is assigned again (``reassign``)."""

    centre_used: npt.NDArray[np.bool_]
    centre_signs: U64
    #: The list (centre) of each code, in the shortlist's row order.
    assigned: npt.NDArray[np.int32]
    _order: npt.NDArray[np.intp] | None = None
    _bounds: npt.NDArray[np.intp] = field(default_factory=lambda: np.zeros(0, np.intp))

    @classmethod
    def fit(
        cls,
        used: npt.NDArray[np.bool_],
        signs: U64,
        nlist: int,
        *,
        sample: int = 20_000,
        rounds: int = 4,
        seed: int = 0,
    ) -> CoarseLists:
        n = len(used)
        if n == 0 or nlist <= 0:
            raise ValueError("inverted lists need codes and at least one list")
        rng = np.random.default_rng(seed)
        train = rng.choice(n, min(n, sample), replace=False)
        nlist = min(nlist, len(train))
        starts = rng.choice(len(train), nlist, replace=False)
        c_used, c_signs = used[train[starts]].copy(), signs[train[starts]].copy()
        for _ in range(rounds):
            near = _nearest(c_used, c_signs, used[train], signs[train])
            for c in range(nlist):
                members = train[near == c]
                if len(members):
                    c_used[c], c_signs[c] = _majority(used[members], signs[members])
        lists = cls(c_used, c_signs, np.zeros(0, np.int32))
        lists.assign(used, signs)
        return lists

    def __len__(self) -> int:
        return int(self.centre_used.shape[0])

    def assign(self, used: npt.NDArray[np.bool_], signs: U64) -> None:
        """Put these codes (appended to the shortlist) in their nearest lists."""
        near = _nearest(self.centre_used, self.centre_signs, used, signs)
        self.assigned = np.concatenate([self.assigned, near.astype(np.int32)])
        self._order = None

    def reassign(self, row: int, used: npt.NDArray[np.bool_], signs: U64) -> None:
        centre = _nearest(self.centre_used, self.centre_signs, used[None], signs[None])
        self.assigned[row] = centre[0]
        self._order = None

    def rows_to_scan(
        self, used: npt.NDArray[np.bool_], signs: U64, probe: int
    ) -> npt.NDArray[np.intp]:
        """Rows of the shortlist in the ``probe`` lists most similar to the query."""
        scores = _scores(self.centre_used, self.centre_signs, used, signs)
        probe = min(max(1, probe), len(self))
        lists = np.argpartition(-scores, probe - 1)[:probe]
        if self._order is None or len(self._order) != len(self.assigned):
            # Rows grouped by list, sorted again only after codes were added or moved.
            self._order = np.argsort(self.assigned, kind="stable")
            self._bounds = np.searchsorted(self.assigned[self._order], np.arange(len(self) + 1))
        parts = [self._order[self._bounds[c] : self._bounds[c + 1]] for c in lists]
        return np.sort(np.concatenate(parts))


def _nearest(
    c_used: npt.NDArray[np.bool_], c_signs: U64, used: npt.NDArray[np.bool_], signs: U64
) -> npt.NDArray[np.int32]:
    """For each code (rows of ``used``/``signs``), the most similar centre (the first on a
    tie). Compiled (``shortlist_kernel``) when numba is there and the job is large enough to
    repay a first compilation; the numpy loop otherwise. Both give the same centres."""
    kernel = compiled_nearest() if len(used) * len(c_used) >= _COMPILED_FROM else None
    if kernel is not None:
        out = np.zeros(len(used), np.int32)
        counts = c_used.sum(axis=1).astype(np.float64)
        return kernel(c_used, c_signs, used, signs, counts, out)
    return _nearest_numpy(c_used, c_signs, used, signs)


def _nearest_numpy(
    c_used: npt.NDArray[np.bool_], c_signs: U64, used: npt.NDArray[np.bool_], signs: U64
) -> npt.NDArray[np.int32]:
    best = np.full(len(used), -np.inf, np.float32)
    near = np.zeros(len(used), np.int32)
    for c in range(len(c_used)):
        s = _scores(used, signs, c_used[c], c_signs[c])
        better = s > best
        best[better], near[better] = s[better], c
    return near

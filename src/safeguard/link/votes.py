"""Descriptor votes: a shortlist for pictures whose global vector misses their place.

The first shortlist round compares one VLAD vector a view (``signals.vlad``). A vector
sums every keypoint's residual, so a view whose place fills only part of it, or whose
keypoints are mostly changed, gets a vector unlike its place's: a picture printed on the
side of a bus among the bus's panels, one laid on a tiled wall, a holographic foil, a
solarised copy. On seen generator v23 those views' place was among the five nearest items
for 9-50 % of the pictures nothing linked (``docs/link.md``).

Votes ask the keypoints one by one (Sivic and Zisserman's "Video Google", 2003, and
Jegou et al.'s voting over descriptors, 2008, in the simplest form). Every stored view's
``descriptors`` strongest RootSIFT descriptors are put in one inverted-file index
(FAISS, 8-bit scalar quantised: 128 bytes a descriptor). Each of a new view's strongest
descriptors is searched; its nearest descriptor of another item **votes** for that item
when it is clearly nearer than the nearest descriptor of a third item (the ratio test,
across items: a tile or a letter that every picture has votes for nobody). The items with
the most votes, ``min_votes`` or more, are verified besides the VLAD shortlist.

A build asks for votes after its two shortlist rounds are verified, for the pictures they
linked to nothing (``linking.descriptor_vote_rows``): a new picture alone votes for any
item, another new picture only among the stored pictures still alone (so a picture stored
alone is found from its new partner's side, as one build of them all would have found it
from its own). Pictures already linked do not need it, and their votes for each other's
look-alikes would only add verifications.

The index is kept in the store (``votes.npz``: the FAISS index serialised, and which item
and view each row is of; about 128 bytes a descriptor on disk and in memory while it is
used). A build adds its new items' views to it; it is made again over the whole store
when it is missing or damaged, when it was made with another ``descriptors``, when it
holds an item the store does not (a build cut short), or when the store has grown past
``RETRAIN_GROWTH`` times the descriptors its inverted lists were trained for (the lists
would grow long and each search slow). ``link query`` votes too, when the store has an
index: its ``items`` most voted items are verified besides the VLAD candidates. Live
linking does not vote.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from safeguard.link.store import LinkStore

F32 = npt.NDArray[np.float32]
I32 = npt.NDArray[np.int32]
Pair = tuple[str, int, str, int]


@dataclass(frozen=True, slots=True)
class VoteOptions:
    #: Items verified per new item by votes, besides the VLAD shortlist (0: no votes).
    items: int = 3
    #: Strongest descriptors of each view indexed and asked (features are kept strongest
    #: first).
    descriptors: int = 800
    #: Nearest stored descriptors looked at for each asked one.
    neighbours: int = 8
    #: A vote needs the nearest descriptor of another item nearer than this times the
    #: nearest of a third item (distances, not squared).
    ratio: float = 0.8
    #: Votes an item needs (fewer is chance).
    min_votes: int = 4
    #: Inverted lists searched for each descriptor.
    probes: int = 4
    #: Descriptors the index's coarse quantiser is trained on (a sample).
    training: int = 200_000

    def __post_init__(self) -> None:
        if self.items < 0 or self.descriptors < 1 or self.neighbours < 2:
            raise ValueError("items >= 0, descriptors >= 1 and neighbours >= 2")
        if not 0 < self.ratio <= 1 or self.min_votes < 1 or self.probes < 1:
            raise ValueError("ratio in (0, 1], min_votes >= 1 and probes >= 1")


DEFAULT_VOTES = VoteOptions()


#: A kept index is made again when the store holds this many times the descriptors its
#: inverted lists were trained for (``lists_for`` grows as the square root: 4 x the
#: descriptors, lists twice as long as planned).
RETRAIN_GROWTH = 4.0


@dataclass(frozen=True)
class DescriptorIndex:
    """Stored views' descriptors in one index: which item and view each row is of."""

    index: object  # a faiss index
    item: I32  # row -> position in ``items``
    view: I32
    items: tuple[str, ...]
    position: dict[str, int]
    #: Descriptors the inverted lists were planned for (``lists_for``) when it was made,
    #: and the ``VoteOptions.descriptors`` it was made with.
    planned: int = 0
    descriptors: int = DEFAULT_VOTES.descriptors

    @property
    def size(self) -> int:
        return len(self.item)


def lists_for(n: int, training: int) -> int:
    """Inverted lists for ``n`` descriptors: about 4 sqrt(n) (FAISS's advice), at most
    4,096, and at least 39 training points a list (FAISS's k-means asks for that)."""
    return int(max(1, min(4096, 4 * math.sqrt(max(n, 1)), min(n, training) // 39)))


def build_index(
    views: Callable[[], Iterable[tuple[str, int, F32]]], options: VoteOptions = DEFAULT_VOTES
) -> DescriptorIndex:
    """An index over the first ``descriptors`` of each (item, view, RootSIFT descriptors)
    that ``views()`` gives. It is called twice: once for a training sample (up to 32
    descriptors a view, at most ``training``), once to add the views a block at a time,
    so the store's descriptors are never all in memory at once as float32 (only the
    index's 128 bytes a descriptor)."""
    import faiss

    faiss.omp_set_num_threads(max(1, os.cpu_count() or 1))
    rng = np.random.default_rng(0)
    sample: list[F32] = []
    total = 0
    for _, _, d in views():
        d = d[: options.descriptors]
        total += len(d)
        if len(d):
            sample.append(np.asarray(d[rng.choice(len(d), min(len(d), 32), replace=False)]))
    train = np.concatenate(sample).astype(np.float32) if sample else np.zeros((0, 128), np.float32)
    if len(train) > options.training:
        train = train[np.sort(rng.choice(len(train), options.training, replace=False))]
    index = faiss.IndexIVFScalarQuantizer(
        faiss.IndexFlatL2(128), 128, lists_for(total, len(train)), faiss.ScalarQuantizer.QT_8bit
    )
    empty = DescriptorIndex(
        index, np.zeros(0, np.int32), np.zeros(0, np.int32), (), {}, total, options.descriptors
    )
    if not total:
        index.nprobe = options.probes
        return empty
    index.train(train)
    return extend_index(empty, views(), options)


def extend_index(
    index: DescriptorIndex,
    views: Iterable[tuple[str, int, F32]],
    options: VoteOptions = DEFAULT_VOTES,
) -> DescriptorIndex:
    """``index`` with the first ``descriptors`` of each (item, view, RootSIFT
    descriptors) of ``views`` added, a block at a time (the FAISS index is added to in
    place; the row arrays are new)."""
    names = dict(index.position)
    items: list[I32] = [index.item]
    view_of: list[I32] = [index.view]
    block: list[F32] = []
    held = 0
    faiss_index = index.index
    for item, view, d in views:
        d = np.ascontiguousarray(d[: options.descriptors], np.float32)
        if not len(d):
            continue
        n = names.setdefault(item, len(names))
        items.append(np.full(len(d), n, np.int32))
        view_of.append(np.full(len(d), view, np.int32))
        block.append(d)
        held += len(d)
        if held >= 65_536:
            faiss_index.add(np.concatenate(block))  # type: ignore[attr-defined]
            block, held = [], 0
    if block:
        faiss_index.add(np.concatenate(block))  # type: ignore[attr-defined]
    faiss_index.nprobe = options.probes  # type: ignore[attr-defined]
    return DescriptorIndex(
        faiss_index,
        np.concatenate(items).astype(np.int32),
        np.concatenate(view_of).astype(np.int32),
        tuple(names),
        names,
        index.planned,
        index.descriptors,
    )


def index_arrays(index: DescriptorIndex) -> dict[str, npt.NDArray[np.generic]]:
    """``index`` as plain arrays (``votes.npz``): the FAISS index serialised to bytes."""
    import faiss

    return {
        "index": np.asarray(faiss.serialize_index(index.index), np.uint8),  # type: ignore[arg-type]
        "item": index.item,
        "view": index.view,
        "items": np.array(index.items, str).reshape(-1),
        "planned": np.array(index.planned, np.int64),
        "descriptors": np.array(index.descriptors, np.int64),
    }


def index_from_arrays(
    arrays: dict[str, npt.NDArray[np.generic]], options: VoteOptions = DEFAULT_VOTES
) -> DescriptorIndex:
    """The index ``index_arrays`` wrote. Raises ``ValueError`` on arrays that do not
    describe one (missing, of other lengths, rows of unknown items, a FAISS index that
    does not read or holds another number of rows)."""
    import faiss

    try:
        item = np.asarray(arrays["item"], np.int32)
        view = np.asarray(arrays["view"], np.int32)
        items = tuple(str(x) for x in arrays["items"])
        planned = int(arrays["planned"])
        descriptors = int(arrays["descriptors"])
        raw = np.ascontiguousarray(arrays["index"], np.uint8)
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"votes index: {e}") from None
    if len(item) != len(view) or (len(item) and (item.min() < 0 or item.max() >= len(items))):
        raise ValueError("votes index: row arrays do not match its items")
    try:
        faiss_index = faiss.deserialize_index(raw)
    except RuntimeError as e:
        raise ValueError(f"votes index: FAISS could not read it ({e})") from None
    if faiss_index.ntotal != len(item) or faiss_index.d != 128:
        raise ValueError("votes index: FAISS rows do not match the row arrays")
    faiss_index.nprobe = options.probes  # type: ignore[attr-defined]
    names = {x: n for n, x in enumerate(items)}
    return DescriptorIndex(faiss_index, item, view, items, names, planned, descriptors)


def votes_of(
    index: DescriptorIndex, item: str, descriptors: F32, options: VoteOptions = DEFAULT_VOTES
) -> dict[tuple[str, int], int]:
    """The votes one view of ``item`` (its RootSIFT ``descriptors``) gives: by (other
    item, its view), each asked descriptor's nearest of another item when it passes the
    ratio test against the nearest of a third item."""
    q = np.ascontiguousarray(descriptors[: options.descriptors], np.float32)
    if not len(q) or not index.size:
        return {}
    k = min(options.neighbours, index.size)
    dist, rows = index.index.search(q, k)  # type: ignore[attr-defined]
    me = index.position.get(item, -1)
    bar = options.ratio**2  # FAISS gives squared distances
    out: dict[tuple[str, int], int] = {}
    for d, r in zip(dist, rows, strict=True):
        ok = r >= 0
        d, r = d[ok], r[ok]
        owner = index.item[r]
        other = owner != me
        d, r, owner = d[other], r[other], owner[other]
        if len(owner) < 2:
            continue
        third = np.flatnonzero(owner != owner[0])
        if not len(third) or d[0] >= bar * d[third[0]]:
            continue
        key = (index.items[int(owner[0])], int(index.view[r[0]]))
        out[key] = out.get(key, 0) + 1
    return out


def tally(
    index: DescriptorIndex,
    queries: Iterable[tuple[str, int, F32]],
    options: VoteOptions = DEFAULT_VOTES,
) -> dict[str, list[tuple[str, int, int, int]]]:
    """For each item of ``queries`` (item, view, descriptors): the other items it votes
    for, most votes first (ties by id), each as (item, votes over all the querying item's
    views, the querying view and the other item's view that gave the most of them)."""
    totals: dict[str, dict[str, int]] = {}
    best: dict[tuple[str, str], tuple[int, int, int]] = {}  # (votes, view, other's view)
    for item, view, d in queries:
        mine = totals.setdefault(item, {})
        for (other, other_view), n in votes_of(index, item, d, options).items():
            mine[other] = mine.get(other, 0) + n
            if n > best.get((item, other), (0, 0, 0))[0]:
                best[item, other] = (n, view, other_view)
    return {
        item: [
            (other, n, *best[item, other][1:])
            for other, n in sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        for item, mine in totals.items()
    }


def vote_rows(
    index: DescriptorIndex,
    queries: Iterable[tuple[str, int, F32]],
    done: set[tuple[str, str]],
    options: VoteOptions = DEFAULT_VOTES,
    among: Collection[str] | None = None,
) -> list[Pair]:
    """For each item of ``queries`` (item, view, descriptors), its ``items`` most voted
    other items with ``min_votes`` or more (``tally``; only those in ``among`` when
    given), as pairs in id order. Item pairs in ``done`` (in id order: the VLAD
    shortlist's, ``item_pairs``) count among the ``items`` but are not given again; the
    pairs given are added to it."""
    out: list[Pair] = []
    for item, ranked in tally(index, queries, options).items():
        eligible = [
            r for r in ranked if r[1] >= options.min_votes and (among is None or r[0] in among)
        ]
        for other, _, view, other_view in eligible[: options.items]:
            key = (item, other) if item < other else (other, item)
            if key in done:  # shortlisted already: it takes its place, nothing is added
                continue
            done.add(key)
            out.append(
                (item, view, other, other_view) if item < other else (other, other_view, item, view)
            )
    return out


def item_pairs(pairs: Iterable[Pair]) -> set[tuple[str, str]]:
    """The unordered item pairs of view pairs, each in id order."""
    return {(a, b) if a < b else (b, a) for a, _, b, _ in pairs}


def store_views(store: LinkStore, ids: Sequence[str]) -> Iterable[tuple[str, int, F32]]:
    """(item, view, RootSIFT descriptors) of every view of ``ids`` in the store."""
    for item in ids:
        for v, f in enumerate(store.features(item)):
            yield item, v, f.rootsift()

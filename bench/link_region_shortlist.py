"""Would region vectors find the views whole-picture VLAD misses? (development data)

A view that holds its place in part of the frame -- a photograph of a screen, a chat
screenshot, a wide security-camera view -- or that is itself a part of another view -- a
zoom, a corner crop -- has a whole-picture VLAD vector unlike its place's other views.
VLAD over the descriptors inside a few fixed windows of each view ("regions", Arandjelović
& Zisserman's multiVLAD, 2013) compares a part of one view with the whole of another.

From a built store (``bench/link`` run) this simulates, per view kind, with every view a
query:

- ``whole5``: the first shortlist round as built (top 5 by VLAD after query expansion);
- ``whole<5+m>``: the same budget as the next one, spent on more whole-picture neighbours;
- ``regions``: the top 5 plus the ``m`` best other items by region score, the largest
  cosine between a region vector of one view and the whole vector of the other, either
  way (a batch build holds both; an incremental one needs the stored views' region
  vectors);

and reports the per-query reach@k (a picture of the query's place among its candidates)
and the same-place pair recall (a pair found from either side). With ``--verify N``, a
sample of N pairs each list adds to the top 5 is verified (``verify`` alone); with
``--unlinked``, every picture the build linked to nothing is verified against the pairs
each list adds for it: would it now link to its own place, or to another?

    PYTHONPATH=src:. python -m bench.link_region_shortlist \\
        --root bench/.cache/link/link-v11-heldout --unlinked --verify 300 \\
        --name link-region-shortlist-v11

Reads the store only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.link_recall_stages import kind_of, open_run
from bench.machine import cpu_model, emit
from safeguard.link.features import PlaceFeatures
from safeguard.link.linking import cached_features, expanded_similarities, similarities
from safeguard.link.objects import region_vector
from safeguard.link.store import LinkStore
from safeguard.link.verify import verify

#: Windows as fractions of the frame (x0, y0, x1, y1): the centre and the four corners,
#: each 0.6 of the width and height.
REGION_WINDOWS: tuple[tuple[float, float, float, float], ...] = (
    (0.2, 0.2, 0.8, 0.8),
    (0.0, 0.0, 0.6, 0.6),
    (0.4, 0.0, 1.0, 0.6),
    (0.0, 0.4, 0.6, 1.0),
    (0.4, 0.4, 1.0, 1.0),
)


def region_vectors(f: PlaceFeatures, codebook: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """(windows, words * 128) VLAD vectors of the descriptors inside each window."""
    w, h = f.width, f.height
    return np.stack(
        [
            region_vector(f, (round(x0 * w), round(y0 * h), round(x1 * w), round(y1 * h)), codebook)
            for x0, y0, x1, y1 in REGION_WINDOWS
        ]
    )


def _rate(hits: dict[str, list[bool]]) -> dict[str, float]:
    return {k: round(float(np.mean(v)), 4) for k, v in sorted(hits.items())}


@dataclass(frozen=True)
class Lists:
    """Each view's candidates (row indices of the store's global rows) by list name, and
    what is known of each row."""

    store: LinkStore
    items: list[str]
    labels: npt.NDArray[np.str_]
    kinds: npt.NDArray[np.str_]
    lists: dict[str, list[set[int]]]
    #: The first round's size (``whole{k}`` is that list).
    k: int

    @property
    def first(self) -> list[set[int]]:
        return self.lists[f"whole{self.k}"]

    @property
    def more(self) -> dict[str, list[set[int]]]:
        """The lists other than the first round."""
        return {n: c for n, c in self.lists.items() if n != f"whole{self.k}"}

    def links(self, i: int, j: int) -> bool:
        """Does ``verify`` alone link rows ``i`` and ``j`` (their first views)?"""
        root = str(self.store.root)
        fa, ra = cached_features(root, self.items[i])[0]
        fb, rb = cached_features(root, self.items[j])[0]
        return verify(fa, fb, rootsift_a=ra, rootsift_b=rb).linked


def _verify_extra(run: Lists, n: int, seed: int) -> dict[str, Any]:
    """A sample of ``n`` of each list's pairs beyond the first round's, verified directly
    (``verify`` alone: the later tests of a build are not asked)."""
    first = {(min(q, j), max(q, j)) for q, c in enumerate(run.first) for j in c}
    labels, kinds = run.labels, run.kinds
    out: dict[str, Any] = {}
    for name, cands in run.more.items():
        extra = sorted({(min(q, j), max(q, j)) for q, c in enumerate(cands) for j in c} - first)
        sample = random.Random(seed).sample(extra, min(n, len(extra)))
        linked: Counter[str] = Counter()
        asked: Counter[str] = Counter()
        kinds_linked: Counter[str] = Counter()
        for i, j in sample:
            side = "same" if labels[i] == labels[j] else "different"
            asked[side] += 1
            if run.links(i, j):
                linked[side] += 1
                if side == "same":
                    kinds_linked.update({str(kinds[i]), str(kinds[j])})
        out[name] = {
            "extra_pairs": len(extra),
            "sampled": len(sample),
            "same_place_asked": asked["same"],
            "same_place_linked": linked["same"],
            "different_place_asked": asked["different"],
            "different_place_linked": linked["different"],
            "same_place_linked_by_kind": dict(kinds_linked.most_common()),
        }
    return out


def _unlinked(run: Lists) -> dict[str, Any]:
    """The pictures the build linked to nothing, each verified (``verify`` alone) against
    its candidates of each list beyond the first round's top ``k``: how many would link
    to their own place, and how many to another."""
    labels, kinds, items = run.labels, run.kinds, run.items
    linked = {
        x for link in run.store.links.values() if link.kind == "place" for x in (link.a, link.b)
    }
    alone = [
        q for q in range(len(items)) if items[q] not in linked and (labels == labels[q]).sum() >= 2
    ]
    out: dict[str, Any] = {
        "pictures_linked_to_nothing": len(alone),
        # Of those, the ones whose place was among the first round's top k already: lost
        # at verification, not at the shortlist.
        f"of_which_own_place_in_top{run.k}": sum(
            any(labels[j] == labels[q] for j in run.first[q]) for q in alone
        ),
    }
    for name, lists in run.more.items():
        right: Counter[str] = Counter()
        wrong: Counter[str] = Counter()
        asked = 0
        for q in alone:
            own = other = False
            for j in sorted(lists[q] - run.first[q]):
                asked += 1
                if run.links(q, j):
                    own |= labels[j] == labels[q]
                    other |= labels[j] != labels[q]
            if own:
                right[str(kinds[q])] += 1
            if other:
                wrong[str(kinds[q])] += 1
        out[name] = {
            "verified": asked,
            "now_linked_to_own_place": sum(right.values()),
            "now_linked_to_another": sum(wrong.values()),
            "own_by_kind": dict(right.most_common()),
            "another_by_kind": dict(wrong.most_common()),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="a bench/link run's cache")
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--extra", type=int, default=3, help="region candidates a query (m)")
    parser.add_argument(
        "--verify", type=int, default=0, help="extra pairs of each list verified (a sample)"
    )
    parser.add_argument(
        "--unlinked",
        action="store_true",
        help="verify the region candidates of every picture the build linked to nothing",
    )
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    t0 = time.perf_counter()
    store, place = open_run(args.root, args.store)
    assert store.codebook is not None
    rows = store.global_rows()
    n = len(rows.item)
    items = [str(i) for i in rows.item]
    labels = np.array([place[i] for i in items])
    kinds = np.array([kind_of(store.items[i].path) for i in items])
    r = len(REGION_WINDOWS)
    regions = np.zeros((n * r, rows.vlad.shape[1]), np.float16)
    for qi in range(n):
        f = store.features(items[qi])[int(rows.view[qi])]
        regions[qi * r : (qi + 1) * r] = region_vectors(f, store.codebook)
    t_regions = time.perf_counter() - t0
    # part[a, b]: the best cosine of a region of view a with the whole of view b.
    part = np.full((n, n), -np.inf, np.float32)
    for start in range(0, n, 256):
        q = np.arange(start, min(n, start + 256))
        sims = similarities(rows.vlad, regions[start * r : (q[-1] + 1) * r].astype(np.float32))
        part[q] = sims.reshape(len(q), r, n).max(axis=1)
    either = np.maximum(part, part.T)
    np.fill_diagonal(either, -np.inf)
    np.fill_diagonal(part, -np.inf)
    t_sims = time.perf_counter() - t0 - t_regions
    k, m = 5, args.extra
    lists: dict[str, list[set[int]]] = {f"whole{k}": [], f"whole{k + m}": []}
    lists["regions"], lists["regions_query_side"] = [], []
    for start in range(0, n, 512):
        q = np.arange(start, min(n, start + 512))
        sims = expanded_similarities(rows, q)
        for row, qi in enumerate(q.tolist()):
            s = sims[row].copy()
            s[np.array(items) == items[qi]] = -np.inf
            order = [int(j) for j in np.argsort(-s)[: k + m]]
            top = set(order[:k])
            lists[f"whole{k}"].append(top)
            lists[f"whole{k + m}"].append(set(order))
            for name, score in (("regions", either[qi]), ("regions_query_side", part[qi])):
                extra = [int(j) for j in np.argsort(-score) if int(j) not in top][:m]
                lists[name].append(top | set(extra))
    out: dict[str, Any] = {}
    same_pairs = {
        (i, j) for i in range(n) for j in np.flatnonzero(labels == labels[i]).tolist() if j > i
    }
    for name, cands in lists.items():
        reach: dict[str, list[bool]] = {}
        for qi in range(n):
            if (labels == labels[qi]).sum() < 2:
                continue
            hit = any(labels[j] == labels[qi] for j in cands[qi])
            reach.setdefault("all", []).append(hit)
            reach.setdefault(str(kinds[qi]), []).append(hit)
        found = {(min(qi, j), max(qi, j)) for qi in range(n) for j in cands[qi]} & same_pairs
        pair: dict[str, list[bool]] = {}
        for i, j in same_pairs:
            hit = (i, j) in found
            pair.setdefault("all", []).append(hit)
            for kind in {str(kinds[i]), str(kinds[j])}:
                pair.setdefault(kind, []).append(hit)
        out[name] = {"reach": _rate(reach), "pair_recall": _rate(pair)}
    run = Lists(store, items, labels, kinds, lists, k)
    if args.verify:
        out["extra_pairs_verified"] = _verify_extra(run, args.verify, args.seed)
    if args.unlinked:
        out["unlinked"] = _unlinked(run)
    result = {
        "bench": "link_region_shortlist",
        "root": str(args.root),
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "views": n,
        "windows": [list(w) for w in REGION_WINDOWS],
        "k": k,
        "extra": m,
        "seconds": {"region_vectors": round(t_regions, 1), "similarities": round(t_sims, 1)},
        **out,
    }
    emit(result, args.name or f"link-region-shortlist-{args.root.name}")


if __name__ == "__main__":
    main()

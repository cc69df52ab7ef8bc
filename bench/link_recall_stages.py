"""Where the views of one kind fail to link, from a built store and its truth (development
data): the shortlist stage (each view kind's same-place pair recall in the top 5 and top
20 by VLAD, plain and with query expansion, its median rank as a query, and which kinds
fill its top 5) and the verification stage (same-place pairs of a sample of places
verified directly: linked, too few matches, too few inliers or which later test refused
it); with ``--pairs``, every same-place pair of the sampled places and their pictures'
five nearest pictures of other places, by test and view kind.

    PYTHONPATH=src:. python -m bench.link_recall_stages \\
        --root bench/.cache/link/link-v8-heldout --store store-2 --kinds phone,infrared

Reads the store only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from bench.machine import cpu_model, emit
from safeguard.link.linking import cached_features, expanded_similarities, similarities
from safeguard.link.store import LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, Verification, VerifyOptions, verify


def open_run(root: Path, store: str = "store-2") -> tuple[LinkStore, dict[str, str]]:
    """A ``bench/link`` run's built store (``root``: its cache folder) and each stored
    item's place from the run's truth file."""
    built = LinkStore.open(root / store)
    truth = json.loads((root / "collection.truth.json").read_text())
    return built, {i.id: truth[Path(i.path).name] for i in built.items.values()}


def kind_of(path: str) -> str:
    name = Path(path).name
    return name.split("__", 1)[1].split(".")[0] if "__" in name else "picture"


def shortlist_stage(store: LinkStore, place: dict[str, str]) -> dict[str, Any]:
    rows = store.global_rows()
    n = len(rows.item)
    labels = np.array([place[str(i)] for i in rows.item])
    kinds = np.array([kind_of(store.items[str(i)].path) for i in rows.item])
    ranks: dict[str, dict[tuple[int, int], int]] = {"plain": {}, "expanded": {}}
    neighbours: dict[str, Counter[str]] = {}
    for start in range(0, n, 512):
        q = np.arange(start, min(n, start + 512))
        for name, sims in (
            ("plain", similarities(rows.vlad, rows.vlad[q].astype(np.float32))),
            ("expanded", expanded_similarities(rows, q)),
        ):
            for r, qi in enumerate(q):
                s = sims[r].copy()
                s[qi] = -np.inf
                order = np.argsort(-s)
                rank = np.empty(n, np.int64)
                rank[order] = np.arange(n)
                for j in np.flatnonzero(labels == labels[qi]):
                    if j != qi:
                        ranks[name][(int(qi), int(j))] = int(rank[j])
                if name == "plain":
                    neighbours.setdefault(kinds[qi], Counter()).update(kinds[order[:5]])
    out: dict[str, Any] = {}
    for name, rk in ranks.items():
        per = {}
        for k in sorted(set(kinds)):
            keys = [(i, j) for (i, j) in rk if kinds[i] == k]
            per[k] = {
                "top5_pair_recall": round(
                    float(np.mean([min(rk[(i, j)], rk[(j, i)]) < 5 for i, j in keys])), 3
                ),
                "top20_pair_recall": round(
                    float(np.mean([min(rk[(i, j)], rk[(j, i)]) < 20 for i, j in keys])), 3
                ),
                "median_rank_as_query": float(np.median([rk[key] for key in keys])),
            }
        out[name] = per
    out["top5_neighbour_kinds_plain"] = {k: dict(c.most_common()) for k, c in neighbours.items()}
    return out


def refusal(v: Verification, o: VerifyOptions = DEFAULT_VERIFY) -> str:
    """Which of ``verify``'s tests turned the pair down, in the order it applies them
    (``linked`` when none did)."""
    if v.linked:
        return "linked"
    if v.matches < 8:
        return "fewer_than_8_matches"
    if not v.linked_before_repeat_tests:
        return "too_few_inliers_or_ratio"
    if v.distinct is not None and v.distinct < o.min_distinct_fraction * v.inliers:
        return "distinct_inliers_test"
    if v.cells is not None and v.cells < o.min_cells:
        return "cells"
    if v.model == "fundamental" and v.cells is not None and v.cells < o.min_fundamental_cells:
        return "fundamental_cells"
    if v.model == "fundamental" and v.inliers < o.min_fundamental_inlier_ratio * v.matches:
        return "fundamental_inlier_ratio"
    if v.overlap_support is not None and v.overlap_support < o.min_overlap_support:
        return "overlap_support"
    if v.overlap_cover is not None and v.overlap_cover < o.min_overlap_cover:
        return "overlap_cover"
    return "region_cover"


def nearest_other_places(
    store: LinkStore, place: dict[str, str], items: list[str], k: int = 5
) -> list[tuple[str, str]]:
    """Each of ``items`` with its ``k`` nearest pictures of other places by VLAD after
    query expansion (the first shortlist round's wrong candidates), nearest first."""
    rows = store.global_rows()
    ids = [str(x) for x in rows.item]
    where = {x: n for n, x in enumerate(ids)}
    queries = np.array([where[i] for i in items])
    out: list[tuple[str, str]] = []
    for start in range(0, len(queries), 256):
        block = queries[start : start + 256]
        sims = expanded_similarities(rows, block)
        for r, qi in enumerate(block):
            a = ids[qi]
            others = [ids[int(j)] for j in np.argsort(-sims[r]) if place[ids[int(j)]] != place[a]]
            out += [(a, b) for b in others[:k]]
    return out


def pair_stage(store: LinkStore, place: dict[str, str], places: int, seed: int) -> dict[str, Any]:
    """Every same-place pair of a sample of places, and each of their pictures' five
    nearest pictures of other places (the first shortlist round), verified directly:
    which test turned each down, per view kind, and the region cover of the pairs that
    reached that test."""
    by: dict[str, list[str]] = {}
    for i in store.items.values():
        by.setdefault(place[i.id], []).append(i.id)
    sample = random.Random(seed).sample(sorted(by), min(places, len(by)))
    root = str(store.root)
    kind = {i.id: kind_of(i.path) for i in store.items.values()}
    reasons: dict[str, dict[str, Counter[str]]] = {"same": {}, "different": {}}
    covers: dict[str, list[float]] = {"same": [], "different": []}

    def run(a: str, b: str, side: str) -> None:
        fa, ra = cached_features(root, a)[0]
        fb, rb = cached_features(root, b)[0]
        v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        why = refusal(v)
        for k in {kind[a], kind[b], "all"}:
            reasons[side].setdefault(k, Counter())[why] += 1
        if v.region_cover is not None:
            covers[side].append(v.region_cover)

    for p in sample:
        for a, b in combinations(by[p], 2):
            run(a, b, "same")
    seen: set[frozenset[str]] = set()
    for a, b in nearest_other_places(store, place, [i for p in sample for i in by[p]]):
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            run(a, b, "different")
    return {
        "places": len(sample),
        "reasons": {
            side: {k: dict(c.most_common()) for k, c in sorted(per.items())}
            for side, per in reasons.items()
        },
        "region_cover_measured": {
            side: [round(float(x), 3) for x in np.percentile(v, [0, 10, 25, 50, 75, 90, 100])]
            if v
            else []
            for side, v in covers.items()
        },
    }


def verification_stage(
    store: LinkStore, place: dict[str, str], kinds: list[str], places: int, seed: int
) -> dict[str, Any]:
    by: dict[tuple[str, str], str] = {}
    for i in store.items.values():
        by[(place[i.id], kind_of(i.path))] = i.id
    labels = sorted({p for p, _ in by})
    sample = random.Random(seed).sample(labels, min(places, len(labels)))
    all_kinds = sorted({k for _, k in by})
    out: dict[str, Any] = {}
    root = str(store.root)
    for k in kinds:
        per: dict[str, Counter[str]] = {}
        for p in sample:
            if (p, k) not in by:
                continue
            fa, ra = cached_features(root, by[(p, k)])[0]
            for other in all_kinds:
                if other == k or (p, other) not in by:
                    continue
                fb, rb = cached_features(root, by[(p, other)])[0]
                v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
                per.setdefault(other, Counter())[refusal(v)] += 1
        out[k] = {o: dict(c) for o, c in per.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--kinds", default="phone,infrared")
    parser.add_argument("--places", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", default=None)
    parser.add_argument("--pairs", action="store_true",
                        help="also verify every same-place pair of the sampled places and "
                             "their pictures' five nearest other-place pictures")  # fmt: skip
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, place = open_run(args.root, args.store)
    keypoints: dict[str, list[int]] = {}
    for i in store.items.values():
        keypoints.setdefault(kind_of(i.path), []).append(i.views[0].keypoints)
    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "median_keypoints": {k: float(np.median(v)) for k, v in sorted(keypoints.items())},
        "shortlist": shortlist_stage(store, place),
        "verification": verification_stage(
            store, place, args.kinds.split(","), args.places, args.seed
        ),
    }
    if args.pairs:
        result["pairs"] = pair_stage(store, place, args.places, args.seed)
    result["seconds"] = round(time.perf_counter() - t, 1)
    emit(result, args.name)


if __name__ == "__main__":
    main()

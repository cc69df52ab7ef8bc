"""Where the views of one kind fail to link, from a built store and its truth (development
data): the shortlist stage (each view kind's same-place pair recall in the top 5 and top
20 by VLAD, plain and with query expansion, its median rank as a query, and which kinds
fill its top 5) and the verification stage (same-place pairs of a sample of places
verified directly: linked, too few matches, too few inliers or refused by a later test).

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
from pathlib import Path
from typing import Any

import numpy as np

from bench.machine import cpu_model, emit
from safeguard.link.linking import cached_features, expanded_similarities, similarities
from safeguard.link.store import LinkStore
from safeguard.link.verify import verify


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
                if v.linked:
                    why = "linked"
                elif v.matches < 8:
                    why = "fewer_than_8_matches"
                elif not v.linked_before_repeat_tests:
                    why = "too_few_inliers_or_ratio"
                elif v.distinct is not None and v.distinct < 0.5 * v.inliers:
                    why = "distinct_inliers_test"
                else:
                    why = "cells_overlap_or_region_cover"
                per.setdefault(other, Counter())[why] += 1
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
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store = LinkStore.open(args.root / args.store)
    truth = json.loads((args.root / "collection.truth.json").read_text())
    place = {i.id: truth[Path(i.path).name] for i in store.items.values()}
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
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

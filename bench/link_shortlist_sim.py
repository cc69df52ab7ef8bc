"""Simulate the shortlist on a built link store's VLAD vectors and links: top-k pair recall
of one round (query expansion as ``linking.expanded_similarities``) for k = 5, 8, 10,
and of the second round (verified query expansion, ``linking.second_round_rows``) after a
first round of 5, with the store's place links standing for the first round's verified
links (in a full build every item is a query, so they are the links a first round of 5
found).

    python -m bench.link_shortlist_sim --root bench/.cache/link/link-10k-v4 --store store-2 \\
        --name link-shortlist-sim-10k-v4

With ``--built``, for a store built with the second round: the pairs the build verified,
made again with the product's functions (``shortlist_rows`` for every item, with
``--mirrored`` also ``mirrored_rows`` as a build since the seventh round does, the store's
links among those pairs as the first round's, then ``second_round_rows``), and their
recall over every same-place pair.

Queries: every view of randomly chosen places, 1,800 views in all (as the third round's
simulation); the recall counts a same-place pair of those places once, found from either
side. Prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.machine import cpu_model, emit
from safeguard.link.linking import (
    EXPANSION,
    EXPANSION_ALPHA,
    MIRRORED,
    SECOND_ROUND,
    mirrored_rows,
    second_round_rows,
    shortlist_rows,
)
from safeguard.link.store import LinkStore

RESULTS = Path(__file__).parent / "results"
Found = set[tuple[int, int]]


def _top(sims: npt.NDArray[np.float32], k: int, banned: list[set[int]]) -> list[list[int]]:
    out = []
    for r in range(len(sims)):
        s = sims[r].copy()
        s[list(banned[r])] = -np.inf
        t = np.argpartition(-s, k)[:k]
        out.append([int(x) for x in t[np.argsort(-s[t])]])
    return out


def _found(q: npt.NDArray[np.intp], tops: list[list[int]], labels: npt.NDArray[np.str_]) -> Found:
    return {
        (min(int(i), j), max(int(i), j))
        for i, t in zip(q, tops, strict=True)
        for j in t
        if labels[j] == labels[i]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="has collection.truth.json")
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--queries", type=int, default=1800)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--name", default=None)
    parser.add_argument("--built", action="store_true", help="the build's own two rounds")
    parser.add_argument(
        "--mirrored", action="store_true", help="with --built: the mirrored queries too"
    )
    args = parser.parse_args()
    if args.built:
        built(args)
        return
    t0 = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store = LinkStore.open(args.root / args.store)
    truth = json.loads((args.root / "collection.truth.json").read_text())
    rows = store.global_rows()
    ids = [str(x) for x in rows.item]
    row_of = {
        (str(i), int(v)): r for r, (i, v) in enumerate(zip(rows.item, rows.view, strict=True))
    }
    name = {i.id: Path(i.path).name for i in store.items.values()}
    labels = np.array([truth[name[i]] for i in ids])
    vectors = rows.vlad.astype(np.float32)
    del rows
    linked: list[set[int]] = [set() for _ in ids]
    for link in store.links.values():
        if link.kind == "place":
            a, b = row_of[(link.a, link.view_a)], row_of[(link.b, link.view_b)]
            linked[a].add(b)
            linked[b].add(a)
    rng = np.random.default_rng(args.seed)
    places = np.unique(labels)
    per_place = max(1, len(ids) // len(places))
    chosen = rng.choice(places, min(len(places), args.queries // per_place + 1), replace=False)
    q = np.flatnonzero(np.isin(labels, chosen))[: args.queries]
    counts: dict[str, int] = {}
    for x in labels:
        counts[str(x)] = counts.get(str(x), 0) + 1
    total = sum(counts[str(p)] * (counts[str(p)] - 1) // 2 for p in set(labels[q]))
    own = [{int(i)} for i in q]

    sims = vectors[q] @ vectors.T
    masked = sims.copy()
    masked[np.arange(len(q)), q] = -np.inf
    near = np.argpartition(-masked, EXPANSION - 1, axis=1)[:, :EXPANSION]
    weights = np.clip(np.take_along_axis(masked, near, axis=1), 0.0, None) ** EXPANSION_ALPHA
    expanded = vectors[q].copy()
    for j in range(EXPANSION):
        expanded += weights[:, j : j + 1] * vectors[near[:, j]]
    expanded /= np.maximum(np.linalg.norm(expanded, axis=1, keepdims=True), 1e-12)
    first_sims = expanded @ vectors.T
    result: dict[str, Any] = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "pictures": len(ids),
        "queries": len(q),
        "same_place_pairs_of_queried_places": total,
        "one_round": {},
    }
    first5: list[list[int]] = []
    for k in (5, 8, 10):
        tops = _top(first_sims, k, own)
        if k == 5:
            first5 = tops
        result["one_round"][f"top{k}_pair_recall"] = round(len(_found(q, tops, labels)) / total, 4)

    second = np.empty_like(expanded)
    banned = []
    for r, i in enumerate(q):
        group = {int(i)} | linked[i]
        second[r] = vectors[list(group)].sum(axis=0)
        banned.append(group | set(first5[r]))
    second /= np.maximum(np.linalg.norm(second, axis=1, keepdims=True), 1e-12)
    tops2 = _top(second @ vectors.T, SECOND_ROUND, banned)
    both = _found(q, first5, labels) | _found(q, tops2, labels)
    result["two_rounds"] = {
        "first": 5,
        "second": SECOND_ROUND,
        "pair_recall": round(len(both) / total, 4),
        "queries_with_a_verified_link": int(sum(bool(linked[i]) for i in q)),
    }
    result["seconds"] = round(time.perf_counter() - t0, 1)
    emit(result, args.name)


def built(args: argparse.Namespace) -> None:
    t0 = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store = LinkStore.open(args.root / args.store)
    truth = json.loads((args.root / "collection.truth.json").read_text())
    label = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    rows = store.global_rows()
    ids = sorted(store.items)
    first = shortlist_rows(rows, ids, 5)
    mirror = mirrored_rows(store, ids, first, MIRRORED) if args.mirrored else []
    first = sorted(first + mirror)
    keys = {(a, b) for a, _, b, _ in first}
    place = [x for x in store.links.values() if x.kind == "place"]
    first_links = [x for x in place if (min(x.a, x.b), max(x.a, x.b)) in keys]
    more = second_round_rows(rows, ids, first_links, first, SECOND_ROUND)
    counts: dict[str, int] = {}
    for x in label.values():
        counts[x] = counts.get(x, 0) + 1
    total = sum(c * (c - 1) // 2 for c in counts.values())

    def same(pairs: list[tuple[str, int, str, int]]) -> set[tuple[str, str]]:
        return {(a, b) for a, _, b, _ in pairs if label[a] == label[b]}

    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "pictures": len(ids),
        "same_place_pairs": total,
        "first_round_pairs": len(first),
        "of_which_mirrored_queries": len(mirror),
        "second_round_pairs": len(more),
        "first_round_links_in_store": len(first_links),
        "place_links_in_store": len(place),
        "pair_recall_first_round": round(len(same(first)) / total, 4),
        "pair_recall_first_round_without_mirrored": round(
            len(same(first) - same(mirror)) / total, 4
        ),
        "pair_recall_both_rounds": round(len(same(first) | same(more)) / total, 4),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

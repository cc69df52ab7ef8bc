"""Guided matching for near misses, measured on a built store (development data; issue 14).

Of the same-place pairs that verification refuses for too few inliers, about half have
10-19 (docs/benchmarks.md, "Where a picture's place is lost"). Guided matching (Hartley and
Zisserman, 4.7) takes the homography fitted to such a pair's few ratio-test inliers and
matches again under it: each keypoint of a is sent into b and paired with the nearest
descriptor among b's keypoints within ``--radius`` working-frame pixels, if it is clearly
nearer than the second nearest there (``--ratio``). The guided matches then go through
every test of ``verify`` as they are, except the distinctive-inlier test, which is asked of
the inliers that were also plain ratio-test matches (a guided match is chosen among a few
neighbours, so it is rarely distinctive against the whole picture).

Two measures:

- ``pairs``: every same-place pair of ``--places`` sampled places and each of their
  pictures' five nearest other-place pictures (the first shortlist round), verified plainly
  and, when refused for too few inliers, guided: links gained on each side;
- ``attach``: each picture the store left without a place link is verified, plainly and
  guided, against its ``--candidates`` nearest pictures; it joins a place group when at
  least ``--votes`` of them in that group link to it guided and no picture of another
  group does (``linking.attach_links`` simulated on a store built without it).
  Reported: pictures attached to their own place's group and to another's, and the
  same-place pairs in one group before and after.

    PYTHONPATH=src:. python -m bench.link_guided --root bench/.cache/link/link-v10-rerun

Reads the store only; prints JSON and writes ``bench/results/<name>.json`` with ``--name``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rich.progress import Progress

from bench.link_recall_stages import kind_of, open_run
from bench.machine import cpu_model, emit
from safeguard.link.features import PlaceFeatures
from safeguard.link.guided import GuidedOptions, guided_verify
from safeguard.link.linking import cached_features, expanded_similarities, groups
from safeguard.link.store import LinkStore
from safeguard.link.verify import Verification, verify

F32 = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Guided:
    verification: Verification
    #: Whether a guided pass was made (a near miss with a homography seed).
    tried: bool = False


def guided(
    a: PlaceFeatures,
    b: PlaceFeatures,
    ra: F32,
    rb: F32,
    plain: Verification,
    options: GuidedOptions,
) -> Guided:
    v = guided_verify(a, b, plain, guided=options, rootsift_a=ra, rootsift_b=rb)
    return Guided(plain) if v is None else Guided(v, True)


Verifier = Callable[[str, str], tuple[Verification, Guided]]


def verifier(root: str, options: GuidedOptions) -> Verifier:
    def run(x: str, y: str) -> tuple[Verification, Guided]:
        fa, ra = cached_features(root, x)[0]
        fb, rb = cached_features(root, y)[0]
        plain = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        return plain, guided(fa, fb, ra, rb, plain, options)

    return run


def nearest(
    store: LinkStore, ids: list[str], k: int, skip: Callable[[str, str], bool]
) -> dict[str, list[str]]:
    """Each of ``ids``' ``k`` nearest other items by the first shortlist round (query
    expansion), leaving out those ``skip`` names."""
    rows = store.global_rows()
    row_item = [str(x) for x in rows.item]
    where = {x: n for n, x in enumerate(row_item)}
    queries = np.array([where[i] for i in ids], np.intp)
    out: dict[str, list[str]] = {}
    for start in range(0, len(queries), 256):
        block = queries[start : start + 256]
        sims = expanded_similarities(rows, block)
        for r, qi in enumerate(block):
            me, got = row_item[qi], []
            for j in np.argsort(-sims[r]):
                other = row_item[int(j)]
                if other != me and other not in got and not skip(me, other):
                    got.append(other)
                if len(got) >= k:
                    break
            out[me] = got
    return out


def pair_measure(
    store: LinkStore, place: dict[str, str], run: Verifier, places: int, seed: int
) -> dict[str, Any]:
    by: dict[str, list[str]] = {}
    for i in store.items.values():
        by.setdefault(place[i.id], []).append(i.id)
    sample = random.Random(seed).sample(sorted(by), min(places, len(by)))
    kind = {i.id: kind_of(i.path) for i in store.items.values()}
    work = [(x, y, "same") for p in sample for x, y in combinations(by[p], 2)]
    ids = [i for p in sample for i in by[p]]
    seen: set[frozenset[str]] = set()
    for x, ys in nearest(store, ids, 5, lambda m, o: place[m] == place[o]).items():
        for y in ys:
            if frozenset((x, y)) not in seen:
                seen.add(frozenset((x, y)))
                work.append((x, y, "different"))
    out: dict[str, Counter[str]] = {"same": Counter(), "different": Counter()}
    gained: dict[str, Counter[str]] = {"same": Counter(), "different": Counter()}
    with Progress(transient=True) as bar:
        task = bar.add_task("pairs", total=len(work))
        for x, y, side in work:
            plain, g = run(x, y)
            c = out[side]
            c["pairs"] += 1
            c["linked_plain"] += plain.linked
            c["guided_tried"] += g.tried
            c["linked_guided"] += g.verification.linked
            if g.verification.linked and not plain.linked:
                gained[side][" / ".join(sorted((kind[x], kind[y])))] += 1
            bar.advance(task)
    return {
        "places": len(sample),
        "counts": {k: dict(v) for k, v in out.items()},
        "gained_by_kinds": {k: dict(v.most_common(12)) for k, v in gained.items()},
    }


def _pairs_in_groups(members: list[list[str]], place: dict[str, str]) -> int:
    total = 0
    for g in members:
        c = Counter(place[m] for m in g)
        total += sum(n * (n - 1) // 2 for n in c.values())
    return total


def attach_measure(
    store: LinkStore, place: dict[str, str], run: Verifier, candidates: int, votes: int
) -> dict[str, Any]:
    found = [g.members for g in groups(store) if g.kind == "place"]
    group_of = {m: n for n, g in enumerate(found) for m in g}
    alone = sorted(i for i in store.items if i not in group_of)
    counts = Counter(place.values())
    true_pairs = sum(n * (n - 1) // 2 for n in counts.values())
    before = _pairs_in_groups(found, place)
    near = nearest(store, alone, candidates, lambda m, o: False)
    joined: dict[int, list[str]] = {}
    right = wrong = refused_two_groups = 0
    wrong_examples: list[dict[str, Any]] = []
    with Progress(transient=True) as bar:
        task = bar.add_task("alone", total=len(alone))
        for x in alone:
            tally: Counter[int] = Counter()
            for y in near[x]:
                if y not in group_of:
                    continue
                _, g = run(x, y)
                if g.tried and g.verification.linked:  # guided links only, as the build
                    tally[group_of[y]] += 1
            bar.advance(task)
            if not tally:
                continue
            (top, n), *rest = tally.most_common()
            if rest:
                refused_two_groups += 1
                continue
            if n < votes:
                continue
            joined.setdefault(top, []).append(x)
            majority = Counter(place[m] for m in found[top]).most_common(1)[0][0]
            if majority == place[x]:
                right += 1
            else:
                wrong += 1
                wrong_examples.append(
                    {"picture": Path(store.items[x].path).name, "group_place": majority}
                )
    after = _pairs_in_groups(
        [g + joined.get(n, []) for n, g in enumerate(found)], place
    )  # fmt: skip
    return {
        "pictures": len(store.items),
        "alone": len(alone),
        "attached_to_own_place": right,
        "attached_to_another_place": wrong,
        "wrong_examples": wrong_examples[:20],
        "refused_links_to_two_groups": refused_two_groups,
        "pairs_in_one_group_before": round(before / max(1, true_pairs), 4),
        "pairs_in_one_group_after": round(after / max(1, true_pairs), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="a bench/link run's cache")
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--measure", choices=("pairs", "attach", "both"), default="both")
    parser.add_argument("--places", type=int, default=24, help="places sampled for pairs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--radius", type=float, default=6.0, help="working-frame pixels")
    parser.add_argument("--ratio", type=float, default=0.85, help="within the radius")
    parser.add_argument("--min-seed", type=int, default=8, help="homography inliers")
    parser.add_argument("--candidates", type=int, default=10)
    parser.add_argument("--votes", type=int, default=2)
    parser.add_argument("--name", default=None, help="write bench/results/<name>.json")
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, place = open_run(args.root, args.store)
    options = GuidedOptions(args.radius, args.ratio, args.min_seed)
    run = verifier(str(store.root), options)
    result: dict[str, Any] = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "settings": {k: v for k, v in vars(args).items() if k not in ("root", "name")},
    }
    if args.measure in ("pairs", "both"):
        result["pairs"] = pair_measure(store, place, run, args.places, args.seed)
    if args.measure in ("attach", "both"):
        result["attach"] = attach_measure(store, place, run, args.candidates, args.votes)
    result["seconds"] = round(time.perf_counter() - t, 1)
    emit(result, args.name)


if __name__ == "__main__":
    main()

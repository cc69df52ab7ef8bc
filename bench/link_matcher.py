"""Tentative matches by one matrix product against OpenCV's brute-force matcher, on the
stored features of a built store (development data).

``signals.local.tentative_matches`` used to call ``cv2.BFMatcher.knnMatch`` and then
``match`` back; RootSIFT descriptors now take one BLAS matrix product
(``_l2_nearest``). Timed in one run on the same pairs: 300 random stored place links
(views of one place that linked) and 120 random items against each of their 5 nearest
pictures of other places, every pair matched plain and mirrored as ``verify`` does.
Reported: how many matchings give the identical index pairs, how many matches differ in
the rest, and the CPU a matching costs each way.

    PYTHONPATH=src:. python -m bench.link_matcher \\
        --root bench/.cache/link/link-v13-heldout --name link-matcher-v13

Reads the store only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")

import numpy as np

from bench.link_recall_stages import nearest_other_places, open_run
from bench.machine import cpu_model, emit
from safeguard.link.features import mirrored
from safeguard.link.linking import cached_features
from safeguard.signals.local import brute_force_matches, tentative_matches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="a bench/link run's cache")
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--links", type=int, default=300, help="stored place links matched")
    parser.add_argument("--items", type=int, default=120, help="items against 5 other places")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    store, place = open_run(args.root, args.store)
    rng = random.Random(args.seed)
    links = [x for x in store.links.values() if x.kind == "place"]
    pairs = [(x.a, x.view_a, x.b, x.view_b) for x in rng.sample(links, min(args.links, len(links)))]
    items = rng.sample(sorted(store.items), min(args.items, len(store.items)))
    pairs += [(a, 0, b, 0) for a, b in nearest_other_places(store, place, items)]
    root = str(store.root)
    seconds = {"opencv": 0.0, "matrix_product": 0.0}
    identical = differing = matched = total = 0
    for a, va, b, vb in pairs:
        ra = cached_features(root, a)[va][1]
        rb = cached_features(root, b)[vb][1]
        for other in (rb, np.ascontiguousarray(mirrored(rb), np.float32)):
            t = time.process_time()
            old = brute_force_matches(ra, other)
            seconds["opencv"] += time.process_time() - t
            t = time.process_time()
            new = tentative_matches(ra, other)
            seconds["matrix_product"] += time.process_time() - t
            total += 1
            matched += len(new)
            if np.array_equal(old, new):
                identical += 1
            else:
                differing += len({tuple(p) for p in old} ^ {tuple(p) for p in new})
    result: dict[str, Any] = {
        "bench": "link_matcher",
        "root": str(args.root),
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "pairs": len(pairs),
        "matchings": total,
        "identical_matchings": identical,
        "matches_differing_in_the_rest": differing,
        "matches_found": matched,
        "ms_per_matching": {k: round(1000 * v / total, 2) for k, v in seconds.items()},
        "less_cpu_x": round(seconds["opencv"] / seconds["matrix_product"], 2),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

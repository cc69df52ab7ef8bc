"""Inverted lists for the local-feature shortlist (``matching.local_shortlist.CoarseLists``)
against its brute-force scan, at ``--entries`` codes: the top ``LOCAL_MAX`` of each query
by both, how much of the scan's top 5 the lists keep (recall@5 against brute force), how
often the query's own original is in each top 5, and CPU ms a search (the machine is
shared: process time), with the cost extrapolated to 10^6 entries.

The entries: the codes of ``bench/robust``'s 330 originals and of ``--rooms`` generated
benign rooms (``bench.link.room_v3``), then **synthetic** codes up to ``--entries``, each
the code of 300 ORB descriptors drawn from two random pictures of that pool (real pictures
at that count would take hours to generate and describe on this machine). A real bank's
codes cluster differently; the figures are for this mix. The queries: the asymmetric crop,
the one-side crop and the perspective copy of every original (the copies the shortlist is
for). Nothing here is tuned on: the list counts and probes are swept and all reported.

    python -m bench.robust_local_ivf --entries 100000
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from bench.link import room_v3
from bench.robust import originals
from bench.robust_local_scale import QUERIES
from bench.robust_transforms import TRANSFORMS
from safeguard.matching.local_shortlist import CoarseLists, LocalShortlist, code_of
from safeguard.matching.matcher import LOCAL_MAX
from safeguard.signals.local import OrbFeatures, orb_features

cv2.setNumThreads(1)
REPO = Path(__file__).resolve().parents[1]


def _mixture(pool: list[OrbFeatures], rng: np.random.Generator) -> bytes:
    a, b = rng.choice(len(pool), 2, replace=False)
    desc = np.concatenate([pool[a].descriptors, pool[b].descriptors])
    if len(desc) == 0:
        return code_of(pool[a])
    pick = rng.choice(len(desc), min(300, len(desc)), replace=False)
    return code_of(OrbFeatures(np.zeros((len(pick), 2), np.float32), desc[pick]))


def run(entries: int, rooms: int, lists: list[int], probes: list[int]) -> dict[str, Any]:
    start = time.perf_counter()
    origs = originals(330)
    pool = [orb_features(p) for _, p, _ in origs]
    pool += [orb_features(room_v3(seed, 640, 480)) for seed in range(rooms)]
    codes = [code_of(f) for f in pool]
    rng = np.random.default_rng(13)
    while len(codes) < entries:
        codes.append(_mixture(pool, rng))
    shortlist = LocalShortlist()
    shortlist.add(list(range(len(codes))), codes)
    queries = [
        (i, code_of(orb_features(TRANSFORMS[t](p))))
        for t in QUERIES
        for i, (_, p, _) in enumerate(origs)
    ]
    t0 = time.process_time()
    brute = [[j for j, _ in shortlist.search(c, LOCAL_MAX)] for _, c in queries]
    brute_ms = (time.process_time() - t0) * 1e3 / len(queries)
    own_brute = sum(i in top for (i, _), top in zip(queries, brute, strict=True))
    rows: list[dict[str, Any]] = []
    for nlist in lists:
        t0 = time.process_time()
        shortlist.lists = CoarseLists.fit(shortlist.used, shortlist.signs, nlist)
        fit_s = time.process_time() - t0
        sizes = np.bincount(shortlist.lists.assigned, minlength=nlist)
        for probe in probes:
            shortlist.probe = probe
            t0 = time.process_time()
            tops = [[j for j, _ in shortlist.search(c, LOCAL_MAX)] for _, c in queries]
            ms = (time.process_time() - t0) * 1e3 / len(queries)
            kept = sum(len(set(a) & set(b)) for a, b in zip(tops, brute, strict=True))
            own = sum(i in top for (i, _), top in zip(queries, tops, strict=True))
            rows.append(
                {
                    "lists": nlist,
                    "probe": probe,
                    "fit_and_assign_s_cpu": round(fit_s, 1),
                    "largest_list": int(sizes.max()),
                    "empty_lists": int((sizes == 0).sum()),
                    "recall_at_5_vs_brute_force": round(kept / (LOCAL_MAX * len(queries)), 4),
                    "own_original_in_top5": round(own / len(queries), 4),
                    "ms_per_search_cpu": round(ms, 2),
                    "speed_up_vs_brute_force": round(brute_ms / ms, 1),
                }
            )
            print(rows[-1], flush=True)
        shortlist.lists = None
    return {
        "benchmark": "robust-local-ivf",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "entries": len(codes),
        "real_codes": len(pool),
        "synthetic_codes": len(codes) - len(pool),
        "queries": len(queries),
        "brute_force": {
            "ms_per_search_cpu": round(brute_ms, 2),
            "own_original_in_top5": round(own_brute / len(queries), 4),
            "ms_extrapolated_1e6": round(brute_ms * 1e6 / len(codes), 1),
        },
        "inverted_lists": rows,
        "seconds": round(time.perf_counter() - start, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rooms", type=int, default=300)
    parser.add_argument("--lists", type=int, nargs="+", default=[256])
    parser.add_argument("--probes", type=int, nargs="+", default=[4, 8, 16, 32])
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "robust-local-ivf.json"
    )
    args = parser.parse_args()
    result = run(args.entries, args.rooms, args.lists, args.probes)
    text = json.dumps(result, indent=2)
    print(text)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

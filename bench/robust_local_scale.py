"""The local-feature shortlist (``matching/local_shortlist.py``) beyond ``bench/robust``'s
330 originals: the same queries (asymmetric crop, one-side crop, perspective) against the
originals plus ``--distractors`` generated benign rooms (``bench.link.room_v3``: tiled
floors, wallpaper, checkerboards and shelves of identical boxes, the repeated patterns
that fool geometric verification most), and what the shortlist costs at ``--entries``
entries (search time on real codes repeated to that size, memory), extrapolated to 10^6
and 10^7 (the search is a brute-force scan: linear).

Reports, per transform: the own original in the shortlist (top ``LOCAL_MAX``), verified
(own original found), and verified wrong pictures (another original or a room); and ms
per miss split into code, search and verification (CPU time: the machine is shared).
Prints JSON, writes ``bench/results/robust-local-scale.json``.

    python -m bench.robust_local_scale --distractors 2000 --entries 10000
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

from bench.link import room_v3
from bench.robust import originals
from bench.robust_transforms import TRANSFORMS
from safeguard.matching.local_shortlist import MEMORY_BYTES, LocalShortlist, code_of
from safeguard.matching.matcher import LOCAL_MAX
from safeguard.signals.local import orb_features, verify_same_picture

cv2.setNumThreads(1)
REPO = Path(__file__).resolve().parents[1]
QUERIES = (
    "crop asymmetric (15% left, 10% bottom)",
    "crop one side (20% top)",
    "perspective 6%",
)


def run(distractors: int, entries: int, whole_overlap: bool = True) -> dict[str, Any]:
    start = time.perf_counter()
    origs = originals(330)
    n = len(origs)
    base = [label.split("[")[0] for label, _, _ in origs]
    feats = [orb_features(p) for _, p, _ in origs]
    t0 = time.process_time()
    codes = [code_of(f) for f in feats]
    code_ms = (time.process_time() - t0) * 1e3 / n
    for seed in range(distractors):
        f = orb_features(room_v3(seed, 640, 480))
        feats.append(f)
        codes.append(code_of(f))
    shortlist = LocalShortlist()
    shortlist.add(list(range(len(codes))), codes)
    per: dict[str, Any] = {}
    wrong_pairs: dict[str, int] = {}
    cost = {"code": 0.0, "search": 0.0, "verify": 0.0, "queries": 0}
    for tname in QUERIES:
        transform = TRANSFORMS[tname]
        row = {"queries": n, "in_shortlist": 0, "verified_own": 0, "verified_tile": 0}
        row |= {"verified_wrong_original": 0, "verified_room": 0}
        for i, (_, pixels, _) in enumerate(origs):
            q = orb_features(transform(pixels))
            t1 = time.process_time()
            code = code_of(q)
            t2 = time.process_time()
            picked = [j for j, _ in shortlist.search(code, LOCAL_MAX)]
            t3 = time.process_time()
            verdicts = {
                j: verify_same_picture(q, feats[j], whole_overlap=whole_overlap).verified
                for j in picked
            }
            t4 = time.process_time()
            cost["code"] += (t2 - t1) * 1e3
            cost["search"] += (t3 - t2) * 1e3
            cost["verify"] += (t4 - t3) * 1e3
            cost["queries"] += 1
            row["in_shortlist"] += int(i in picked)
            for j, ok in verdicts.items():
                if not ok:
                    continue
                if j == i:
                    row["verified_own"] += 1
                elif j >= n:
                    row["verified_room"] += 1
                elif base[j] == base[i]:
                    row["verified_tile"] += 1
                else:
                    row["verified_wrong_original"] += 1
                    key = " ~ ".join(sorted((base[i], base[j])))
                    wrong_pairs[key] = wrong_pairs.get(key, 0) + 1
        row["recall"] = round(row["verified_own"] / n, 4)
        per[tname] = row
    # The scan at ``entries``: real codes repeated to that size (the time does not depend
    # on what the codes say).
    big = LocalShortlist()
    reps = -(-entries // len(codes))
    big.add(list(range(len(codes) * reps)), codes * reps)
    probe = [code_of(orb_features(TRANSFORMS[QUERIES[0]](p))) for _, p, _ in origs[:20]]
    t0 = time.process_time()
    for c in probe:
        big.search(c, LOCAL_MAX)
    scan_ms = (time.process_time() - t0) * 1e3 / len(probe)
    q = max(1, int(cost["queries"]))
    per_entry_ms = scan_ms / len(big)
    return {
        "benchmark": "robust-local-scale",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "originals": n,
        "distractor_rooms": distractors,
        "shortlist_entries": len(codes),
        "local_max": LOCAL_MAX,
        "whole_overlap": whole_overlap,
        "transforms": per,
        "verified_wrong_by_picture_pair": wrong_pairs,
        "ms_per_entry_code": round(code_ms, 3),
        "ms_per_miss": {
            "code": round(cost["code"] / q, 2),
            f"search_at_{len(codes)}": round(cost["search"] / q, 2),
            "verify": round(cost["verify"] / q, 2),
        },
        f"ms_search_at_{len(big)}": round(scan_ms, 2),
        "ms_search_extrapolated": {
            "1e6": round(per_entry_ms * 1e6, 1),
            "1e7": round(per_entry_ms * 1e7, 1),
        },
        "memory_bytes_per_entry": MEMORY_BYTES,
        f"memory_bytes_at_{len(big)}": big.nbytes(),
        "memory_bytes_extrapolated": {"1e6": MEMORY_BYTES * 10**6, "1e7": MEMORY_BYTES * 10**7},
        "seconds": round(time.perf_counter() - start, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--distractors", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument(
        "--no-whole-overlap",
        action="store_true",
        help="Verify without asking for agreement over the whole overlap (the matcher's "
        "shortlist asks by default; issue 13).",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "robust-local-scale.json"
    )
    args = parser.parse_args()
    result = run(args.distractors, args.entries, not args.no_whole_overlap)
    text = json.dumps(result, indent=2)
    print(text)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

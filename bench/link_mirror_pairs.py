"""Mirror on and off over all pairs of a small generated collection (development data):
same-place and different-place pairs linked, and the time of one verification each way.

    PYTHONPATH=src:. python -m bench.link_mirror_pairs v5 20 120  # generator, rooms, pictures

The collection is made in /tmp/link6-mirror/<generator>-<rooms>. Prints one JSON object
(``bench/results/link-mirror-pairs-v5-dev.json`` is its output for the line above).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from itertools import combinations
from pathlib import Path

from bench.link import make_collection
from safeguard.link.features import features_from_bytes
from safeguard.link.verify import DEFAULT_VERIFY, verify


def main() -> None:
    gen, rooms, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    folder = Path(f"/tmp/link6-mirror/{gen}-{rooms}/collection")
    truth_file = folder.parent / "truth.json"
    if truth_file.exists():
        truth = json.loads(truth_file.read_text())
    else:
        folder.parent.mkdir(parents=True, exist_ok=True)
        truth = make_collection(folder, rooms, generator=gen, size=(400, 300), real=False)
        truth_file.write_text(json.dumps(truth))
    names = sorted(truth)[:m]
    feats = {n: features_from_bytes((folder / n).read_bytes())[0] for n in names}
    roots = {n: f.rootsift() for n, f in feats.items()}
    settings = {"off": dataclasses.replace(DEFAULT_VERIFY, mirror=False), "on": DEFAULT_VERIFY}
    res = {k: {"same": 0, "diff": 0, "s": 0.0} for k in settings}
    wrong = []
    for a, b in combinations(names, 2):
        for k, o in settings.items():
            t = time.perf_counter()
            v = verify(feats[a], feats[b], o, rootsift_a=roots[a], rootsift_b=roots[b])
            res[k]["s"] += time.perf_counter() - t
            if v.linked:
                res[k]["same" if truth[a] == truth[b] else "diff"] += 1
                if truth[a] != truth[b]:
                    wrong.append((k, a, b, v.inliers, v.mirrored))
    n = len(names) * (len(names) - 1) // 2
    out = {
        "generator": gen,
        "pictures": len(names),
        "pairs": n,
        "places": len({truth[x] for x in names}),
        "same_place_pairs": sum(truth[a] == truth[b] for a, b in combinations(names, 2)),
        **{k: {**r, "ms": round(float(r["s"]) / n * 1000, 2)} for k, r in res.items()},
        "wrong": wrong,
        "load": os.getloadavg(),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()

"""Would a denser grid of bank-side regions find one-side and asymmetric crops? (issue 13)

Adds 20 regions to ``signals.regions.REGIONS`` in this process only (one side cut by 10, 20
and 30 %; the four corner crops keeping 85 and 90 % of each side) and measures, on the
``bench/robust`` originals, recall at 31 of the query's own PDQ against each original's
whole-picture and region hashes, for crops on that grid and crops off it, with the wrong
pairs within 31 and the nearest wrong distance. Run with and without the grid:

    python -m bench.robust_region_grid            # the 11 regions Safeguard stores
    python -m bench.robust_region_grid --grid     # the 31 of the denser grid

Writes ``bench/results/robust-region-grid[-dense].json``.
"""

import argparse
import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.robust import _bits, _distances, originals
from bench.robust_transforms import TRANSFORMS, Pixels, crop_box
from safeguard.signals import regions
from safeguard.signals.pdq import pdq_from_pixels

GRID: dict[str, tuple[float, float, float, float]] = {}
for cut in (10, 20, 30):
    f = cut / 100
    GRID[f"t{100 - cut}"] = (f, 1.0, 0.0, 1.0)
    GRID[f"b{100 - cut}"] = (0.0, 1.0 - f, 0.0, 1.0)
    GRID[f"l{100 - cut}"] = (0.0, 1.0, f, 1.0)
    GRID[f"r{100 - cut}"] = (0.0, 1.0, 0.0, 1.0 - f)
for keep in (85, 90):
    f = 1 - keep / 100
    GRID[f"tl{keep}"] = (0.0, 1.0 - f, 0.0, 1.0 - f)
    GRID[f"tr{keep}"] = (0.0, 1.0 - f, f, 1.0)
    GRID[f"bl{keep}"] = (f, 1.0, 0.0, 1.0 - f)
    GRID[f"br{keep}"] = (f, 1.0, f, 1.0)

CROPS: dict[str, Callable[[Pixels], Pixels]] = {
    "crop 5% each side": TRANSFORMS["crop 5% each side"],
    "crop asymmetric (15% left, 10% bottom)": TRANSFORMS["crop asymmetric (15% left, 10% bottom)"],
    "crop one side (20% top), on the grid": TRANSFORMS["crop one side (20% top)"],
    "off the grid: 12% left, 7% bottom": lambda a: crop_box(a, 0, 0.07, 0.12, 0),
    "off the grid: 25% top": lambda a: crop_box(a, 0.25, 0, 0, 0),
    "off the grid: 16% top, 8% right": lambda a: crop_box(a, 0.16, 0, 0, 0.08),
    "off the grid: 33% left": lambda a: crop_box(a, 0, 0, 0.33, 0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grid", action="store_true", help="Add the 20 grid regions.")
    parser.add_argument("--originals", type=int, default=330)
    args = parser.parse_args()
    if args.grid:
        regions.REGIONS.update({k: v for k, v in GRID.items() if k not in regions.REGIONS})
    origs = originals(args.originals)
    rows, owner = [], []
    for j, (_, p, h) in enumerate(origs):
        rows.append(h)
        owner.append(j)
        for r in regions.pdq_regions(p):
            rows.append(r.hash.hex)
            owner.append(j)
    stored = _bits(rows)
    starts = np.flatnonzero(np.r_[True, np.diff(owner) != 0])
    base = np.array([label.split("[")[0] for label, _, _ in origs])
    out: dict[str, object] = {
        "benchmark": "robust-region-grid",
        "load_average": os.getloadavg(),
        "originals": len(origs),
        "regions": len(regions.REGIONS),
        "region_rows_per_entry": round(len(rows) / len(origs) - 1, 2),
        "index_bytes_per_entry": round(32 * len(rows) / len(origs), 1),
    }
    for name, transform in CROPS.items():
        hit = wrong = 0
        nearest_wrong = 256
        for i, (_, p, _) in enumerate(origs):
            q = _bits([pdq_from_pixels(transform(p)).hash.hex])
            d = np.minimum.reduceat(_distances(q, stored), starts, axis=1)[0]
            hit += int(d[i] <= 31)
            other = base != base[i]
            wrong += int((d[other] <= 31).sum())
            nearest_wrong = min(nearest_wrong, int(d[other].min()))
        out[name] = {
            "recall_at_31": round(hit / len(origs), 4),
            "wrong_pairs_at_31": wrong,
            "nearest_wrong": nearest_wrong,
        }
    text = json.dumps(out, indent=1)
    print(text)
    suffix = "-dense" if args.grid else ""
    Path(f"bench/results/robust-region-grid{suffix}.json").write_text(text + "\n")


if __name__ == "__main__":
    main()

"""Does a link's own evidence tell a look-alike place from the same place? (development
data)

On the held-out generators v10, v11 and v13 every wrong place link joined two places built
from one template (twin rooms, caravans of one model, hotel rooms of one chain, sleeper
cabins, office pods). For the place links of built stores this compares, right against
wrong, the evidence each link carries: inliers, the distinctive share of them, grid cells,
region cover, inliers over tentative matches, and the model. Reported per store: the
10th, 50th and 90th percentiles of each, and the AUC of each alone (the chance that a
random right link scores higher than a random wrong one; 0.5 is no separation).

    PYTHONPATH=src:. python -m bench.link_lookalike_evidence \\
        --roots bench/.cache/link/link-v10-rerun,bench/.cache/link/link-v13-heldout

Reads the stores only; prints JSON and, with ``--name``, writes
``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.link_recall_stages import open_run
from bench.machine import cpu_model, emit
from safeguard.link.store import Link

EVIDENCE = ("inliers", "distinct_share", "cells", "region_cover", "inlier_ratio", "homography")


def evidence(link: Link) -> tuple[float, ...]:
    inliers = float(link.inliers or 0)
    return (
        inliers,
        (link.distinct or 0) / max(inliers, 1.0),
        float(link.cells or 0),
        float(link.region_cover) if link.region_cover is not None else float("nan"),
        inliers / max(float(link.matches or 0), 1.0),
        float(link.model == "homography"),
    )


def auc(right: npt.NDArray[np.float64], wrong: npt.NDArray[np.float64]) -> float:
    """P(a right link's value > a wrong one's), ties counted half (Mann-Whitney)."""
    right, wrong = right[~np.isnan(right)], wrong[~np.isnan(wrong)]
    if not len(right) or not len(wrong):
        return float("nan")
    both = np.concatenate([right, wrong])
    order = both.argsort(kind="mergesort")
    ranks = np.empty(len(both))
    ranks[order] = np.arange(1, len(both) + 1)
    for v in np.unique(both):  # average ranks of ties
        tie = both == v
        ranks[tie] = ranks[tie].mean()
    u = ranks[: len(right)].sum() - len(right) * (len(right) + 1) / 2
    return float(u / (len(right) * len(wrong)))


def one_store(root: Path) -> dict[str, Any]:
    store, place = open_run(root)
    right, wrong = [], []
    for link in store.links.values():
        if link.kind == "place":
            (right if place[link.a] == place[link.b] else wrong).append(evidence(link))
    r, w = np.array(right, np.float64), np.array(wrong, np.float64)
    out: dict[str, Any] = {"right_links": len(r), "wrong_links": len(w)}
    for k, name in enumerate(EVIDENCE):
        out[name] = {
            "right_p10_p50_p90": np.round(np.nanpercentile(r[:, k], [10, 50, 90]), 3).tolist(),
            "wrong_p10_p50_p90": (
                np.round(np.nanpercentile(w[:, k], [10, 50, 90]), 3).tolist() if len(w) else []
            ),
            "auc": round(auc(r[:, k], w[:, k]), 3) if len(w) else None,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roots", required=True, help="bench/link run caches, comma-separated")
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    result = {
        "bench": "link_lookalike_evidence",
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "stores": {Path(r).name: one_store(Path(r)) for r in args.roots.split(",")},
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

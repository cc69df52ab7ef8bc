"""Do twin rooms look different to the verification? On a built store of generator v6
(development data), re-verify the wrong links between the two rooms of a twin pair (one
template, different details; ``bench/link_rooms_v6.py``) and a sample of right links, and
compare the evidence a test could use: inliers, overlap support, region cover, cells,
inlier ratio, the share of distinctive inliers, and how the rest of the matched region
agrees — the keypoints of each picture that the link's homography puts inside the other
picture's matched region, how many land on a keypoint there (within 3 px) and how many of
those have a close descriptor (RootSIFT distance < 0.4) or not.

    python -m bench.link_twins --root bench/.cache/link/link-v6-heldout --store store-2 \\
        --right 2000 --name link-twins-v6

Prints the 10th, 50th and 90th percentiles of each figure for both kinds of link, and
writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import os
import time
from typing import Any

import cv2
import numpy as np

from bench.link_reverify import labelled_place_links, labelled_store_parser
from bench.machine import cpu_model, emit
from safeguard.link.linking import cached_features
from safeguard.link.store import Link
from safeguard.link.verify import DEFAULT_VERIFY, _homography, verify
from safeguard.signals.local import tentative_matches

TWIN_BLOCK, TWIN_SEEDS = 25, (11, 12)  # bench/link_rooms_v6.is_twin


def is_twin_pair(a: str, b: str) -> bool:
    x, y = int(a[-5:]), int(b[-5:])
    return abs(x - y) == 1 and x // TWIN_BLOCK == y // TWIN_BLOCK and x % TWIN_BLOCK in TWIN_SEEDS


def _inside(points: np.ndarray, hull_of: np.ndarray) -> np.ndarray:
    hull = cv2.convexHull(hull_of.astype(np.float32))
    return np.array(
        [cv2.pointPolygonTest(hull, (float(x), float(y)), False) >= 0 for x, y in points], bool
    )


def region_agreement(fa: Any, ra: np.ndarray, fb: Any, rb: np.ndarray) -> dict[str, float]:
    """How the matched region agrees beyond its inliers (both directions summed)."""
    pairs = tentative_matches(ra, rb, DEFAULT_VERIFY.ratio)
    pa = fa.points[pairs[:, 0]].astype(np.float64)
    pb = fb.points[pairs[:, 1]].astype(np.float64)
    h, keep = _homography(pa, pb, DEFAULT_VERIFY)
    if h is None or keep.sum() < 10:
        return {}
    inside = landed = close = 0
    for src, dst, hh, hull, r_src, r_dst in (
        (fa.points, fb.points, h, pb[keep], ra, rb),
        (fb.points, fa.points, np.linalg.inv(h), pa[keep], rb, ra),
    ):
        mapped = cv2.perspectiveTransform(src.reshape(-1, 1, 2).astype(np.float64), hh)
        mapped = mapped.reshape(-1, 2)
        idx = np.flatnonzero(_inside(mapped, hull))
        inside += len(idx)
        if len(idx) == 0:
            continue
        d2 = ((mapped[idx, None, :] - dst[None, :, :].astype(np.float64)) ** 2).sum(-1)
        j = d2.argmin(1)
        near = d2[np.arange(len(idx)), j] < 9.0
        landed += int(near.sum())
        close += int((np.linalg.norm(r_src[idx[near]] - r_dst[j[near]], axis=1) < 0.4).sum())
    return {
        "inliers_over_region_keypoints": 2 * int(keep.sum()) / max(1, inside),
        "region_keypoints_agreeing": close / max(1, inside),
        "landed_keypoints_disagreeing": (landed - close) / max(1, landed),
    }


def evidence(store: Any, link: Link) -> dict[str, float]:
    fa, ra = cached_features(str(store.root), link.a)[link.view_a]
    fb, rb = cached_features(str(store.root), link.b)[link.view_b]
    v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
    out: dict[str, float] = {
        "inliers": v.inliers,
        "inlier_ratio": v.inliers / max(1, v.matches),
        "distinct_fraction": (v.distinct or 0) / max(1, v.inliers),
        "cells": v.cells or 0,
    }
    if v.region_cover is not None:
        out["region_cover"] = v.region_cover
    if v.overlap_support is not None:
        out["overlap_support"] = v.overlap_support
    return out | region_agreement(fa, ra, fb, rb)


def percentiles(rows: list[dict[str, float]]) -> dict[str, list[float]]:
    keys = sorted({k for r in rows for k in r})
    return {
        k: [round(float(x), 3) for x in np.percentile([r[k] for r in rows if k in r], [10, 50, 90])]
        for k in keys
    }


def main() -> None:
    args = labelled_store_parser(__doc__.split("\n\n")[0], 2000).parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, label, _place, wrong, sample = labelled_place_links(
        args.root, args.store, args.right, args.seed
    )
    twins = [x for x in wrong if is_twin_pair(label[x.a], label[x.b])]
    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "twin_links": len(twins),
        "right_links": len(sample),
        "percentiles_10_50_90": {
            "twin": percentiles([evidence(store, x) for x in twins]),
            "right": percentiles([evidence(store, x) for x in sample]),
        },
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

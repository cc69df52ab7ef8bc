"""How far from a plain 2-D edit is the homography of a verified pair? Own copies of the
transforms only the local-feature shortlist finds (asymmetric crop, one-side crop,
perspective) against the coaster pair, bench/robust's only wrong pictures (issue 13, "Same
picture or same object").

A re-upload is cropped, scaled or turned: a similarity, whose homography has no
perspective and no anisotropy. Two photographs of one flat object taken from two places
differ by a perspective. If the coaster pair's homographies were far from a similarity and
the asymmetric crops' near one, a bar on the distortion would refuse the pair without an
agreement bar fitted to it. Reported for each verified pair (``verify_same_picture``, the
whole-overlap check at its default):

- ``anisotropy``: the ratio of the singular values of the affine part of the best affine
  fit to the homography at the query frame's corners (1: a similarity);
- ``perspective``: the largest distance between where the homography and that affine fit
  send the corners, over the mapped frame's size (0: affine).

Prints JSON; writes ``bench/results/robust-copy-geometry.json`` (``--out ''``: none).
Every third original (``--step``), about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.robust import TRANSFORMS, originals
from bench.robust_whole_overlap import COASTER
from safeguard.signals.local import (
    OrbFeatures,
    fit_model,
    orb_features,
    tentative_matches,
    verify_same_picture,
)

REPO = Path(__file__).resolve().parents[1]
COPIES = ("crop asymmetric (15% left, 10% bottom)", "crop one side (20% top)", "perspective 6%")


def distortion(h: npt.NDArray[np.float64], width: float, height: float) -> tuple[float, float]:
    """(anisotropy, perspective) of the homography ``h`` over a ``width`` x ``height``
    frame (see the module's docstring)."""
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float64)
    mapped = cv2.perspectiveTransform(corners.reshape(-1, 1, 2), h).reshape(-1, 2)
    design = np.hstack([corners, np.ones((4, 1))])
    affine, *_ = np.linalg.lstsq(design, mapped, rcond=None)
    singular = np.linalg.svd(affine[:2, :2], compute_uv=False)
    scale = float(np.sqrt(abs(np.linalg.det(affine[:2, :2]))))
    off = float(np.abs(design @ affine - mapped).max()) / max(1e-9, scale * max(width, height))
    return float(singular[0] / singular[1]), off


def homography(q: OrbFeatures, c: OrbFeatures) -> npt.NDArray[np.float64] | None:
    """The homography ``verify_same_picture`` fits (same matches, same MAGSAC call)."""
    pairs = tentative_matches(q.descriptors, c.descriptors, 0.8, cv2.NORM_HAMMING)
    if len(pairs) < 8:
        return None
    pa = q.points[pairs[:, 0]].astype(np.float64)
    pb = c.points[pairs[:, 1]].astype(np.float64)
    h, _ = fit_model(
        lambda: cv2.findHomography(pa, pb, cv2.USAC_MAGSAC, 5.0, maxIters=2000, confidence=0.999)
    )
    return h if h is not None and h.shape == (3, 3) else None


def _frame(f: OrbFeatures) -> tuple[float, float]:
    p = f.points
    return (float(p[:, 0].max()), float(p[:, 1].max())) if len(p) else (1.0, 1.0)


def _summary(values: list[tuple[float, float]]) -> dict[str, Any]:
    if not values:
        return {"pairs": 0}
    a = np.array([v[0] for v in values])
    p = np.array([v[1] for v in values])
    cut = [0, 5, 50, 95, 100]
    return {
        "pairs": len(values),
        "anisotropy_min_p5_median_p95_max": [round(float(x), 4) for x in np.percentile(a, cut)],
        "perspective_min_p5_median_p95_max": [round(float(x), 4) for x in np.percentile(p, cut)],
    }


def run(step: int) -> dict[str, Any]:
    origs = originals(330)
    base = [label.split("[")[0] for label, _, _ in origs]
    feats = [orb_features(p) for _, p, _ in origs]
    out: dict[str, Any] = {
        "benchmark": "robust_copy_geometry",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "step": step,
    }
    for name in COPIES:
        values = []
        for i in range(0, len(origs), step):
            q = orb_features(TRANSFORMS[name](origs[i][1]))
            if (
                verify_same_picture(q, feats[i]).verified
                and (h := homography(q, feats[i])) is not None
            ):
                values.append(distortion(h, *_frame(q)))
        out[name] = _summary(values)
    left = [i for i, b in enumerate(base) if b == COASTER[0]]
    right = [i for i, b in enumerate(base) if b == COASTER[1]]
    values = []
    for i in left:
        for j in right:
            for q, c in ((feats[i], feats[j]), (feats[j], feats[i])):
                if verify_same_picture(q, c).verified and (h := homography(q, c)) is not None:
                    values.append(distortion(h, *_frame(q)))
    out["coaster tile pairs (wrong)"] = _summary(values)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--step", type=int, default=3, help="every n-th original")
    parser.add_argument("--out", default=str(REPO / "bench/results/robust-copy-geometry.json"))
    args = parser.parse_args()
    result = run(args.step)
    text = json.dumps(result, indent=1)
    if args.out:
        Path(args.out).write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

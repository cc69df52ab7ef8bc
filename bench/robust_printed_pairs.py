"""Wrong pairs of the coaster's kind, made in code: one printed flat object photographed in
two different scenes, both kept as bank entries (issue 13, "the same picture or the same
flat object").

bench/robust has exactly one such pair (two photographs of one printed coaster), so a
whole-overlap bar read off it is fitted to it. Here each of ``--pairs`` cards (random
shapes and letters on a light ground, made with OpenCV) is laid with its own perspective
on two different procedural backgrounds (smooth colour, grain, noise), covering 35-80 % of
a 640 x 480 frame, each under its own light gradient and JPEG quality. Each scene is
verified against the other both ways (``signals.local.verify_same_picture``): a verified
pair is a wrong match, since neither is a copy of the other. Beside them, own copies of
each first scene (asymmetric crop, one-side crop, perspective: the transforms only the
local-feature shortlist finds) against it. Reported: how many wrong pairs pass the
homography alone, pass with the whole-overlap check at the default bar, and reach each
agreement bar; the same for the own copies. Benign, synthetic pictures only; nothing
here was used to choose a bar.

Prints JSON, writes ``bench/results/robust-printed-pairs.json`` (``--out ''`` writes none).
About a second a pair.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.robust_transforms import crop_box, perspective
from safeguard.signals.local import MIN_AGREEMENT, orb_features, verify_same_picture

REPO = Path(__file__).resolve().parents[1]
Pixels = npt.NDArray[np.uint8]
WIDTH, HEIGHT = 640, 480
BARS = (0.4, 0.5, 0.55, 0.6, 0.65, 0.7)
LETTERS = list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
COPIES: dict[str, Callable[[Pixels], Pixels]] = {
    "crop asymmetric (15% left, 10% bottom)": lambda a: crop_box(a, 0.0, 0.10, 0.15, 0.0),
    "crop one side (20% top)": lambda a: crop_box(a, 0.20, 0.0, 0.0, 0.0),
    "perspective 6%": perspective,
}


def _point(rng: np.random.Generator, w: int, h: int) -> tuple[int, int]:
    return int(rng.integers(0, w)), int(rng.integers(0, h))


def _colour(rng: np.random.Generator, high: int = 256) -> tuple[int, int, int]:
    r, g, b = (int(x) for x in rng.integers(0, high, 3))
    return r, g, b


def card(rng: np.random.Generator, w: int = 400, h: int = 300) -> Pixels:
    """A printed card: shapes and letters on a light ground."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = rng.integers(150, 256, 3)
    for _ in range(int(rng.integers(8, 20))):
        kind = int(rng.integers(0, 3))
        if kind == 0:
            thickness = int(rng.choice([-1, 2, 4]))
            cv2.rectangle(img, _point(rng, w, h), _point(rng, w, h), _colour(rng), thickness)
        elif kind == 1:
            radius, thickness = int(rng.integers(8, 70)), int(rng.choice([-1, 3]))
            cv2.circle(img, _point(rng, w, h), radius, _colour(rng), thickness)
        else:
            width = int(rng.integers(1, 6))
            cv2.line(img, _point(rng, w, h), _point(rng, w, h), _colour(rng), width)
    for _ in range(int(rng.integers(3, 7))):
        text = "".join(rng.choice(LETTERS, int(rng.integers(3, 10))))
        at = (int(rng.integers(0, w - 60)), int(rng.integers(20, h)))
        font, size = int(rng.integers(0, 7)), float(rng.uniform(0.6, 1.6))
        cv2.putText(img, text, at, font, size, _colour(rng, 120), int(rng.integers(1, 4)))
    return img


def background(rng: np.random.Generator) -> Pixels:
    """A surface: smooth colour, a wood-like grain, noise."""
    coarse = rng.integers(0, 256, (HEIGHT // 16 + 2, WIDTH // 16 + 2, 3)).astype(np.float32)
    smooth = cv2.resize(coarse, (WIDTH, HEIGHT), interpolation=cv2.INTER_CUBIC)
    noise = rng.normal(0, rng.uniform(5, 25), (HEIGHT, WIDTH, 3)).astype(np.float32)
    grain = np.sin(np.linspace(0, rng.uniform(20, 80), WIDTH))[None, :, None] * rng.uniform(0, 30)
    return np.clip(smooth * rng.uniform(0.5, 1) + noise + grain, 0, 255).astype(np.uint8)


def scene(rng: np.random.Generator, obj: Pixels, cover: float) -> Pixels:
    """``obj`` lying on a new background, covering about ``cover`` of the frame, seen
    with a perspective of its own, under a light gradient of its own, saved as JPEG."""
    out = background(rng)
    ow = np.sqrt(cover * WIDTH * HEIGHT * 4 / 3)
    oh = ow * 3 / 4
    cx, cy = rng.uniform(0.35, 0.65) * WIDTH, rng.uniform(0.35, 0.65) * HEIGHT
    x0, x1, y0, y1 = cx - ow / 2, cx + ow / 2, cy - oh / 2, cy + oh / 2
    corners = np.float32([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    corners += rng.normal(0, 0.06 * ow, corners.shape).astype(np.float32)
    h, w = obj.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, corners)
    warped = cv2.warpPerspective(obj, m, (WIDTH, HEIGHT))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (WIDTH, HEIGHT)) > 127
    out[mask] = warped[mask]
    gx = np.linspace(rng.uniform(0.6, 1.0), rng.uniform(0.8, 1.2), WIDTH)[None, :, None]
    gy = np.linspace(rng.uniform(0.7, 1.1), rng.uniform(0.8, 1.2), HEIGHT)[:, None, None]
    lit = np.clip(out.astype(np.float32) * gx * gy, 0, 255).astype(np.uint8)
    quality = int(rng.integers(70, 95))
    _, buf = cv2.imencode(".jpg", lit, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return np.ascontiguousarray(cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1])


def _at_bars(agreements: list[float]) -> dict[str, int]:
    return {str(b): sum(a >= b for a in agreements) for b in BARS}


def run(pairs: int, seed: int = 20261206) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    homography = accepted = 0
    wrong: list[float] = []
    own: dict[str, dict[str, Any]] = {k: {"copies": 0, "accepted": 0, "a": []} for k in COPIES}
    for _ in range(pairs):
        obj = card(rng)
        cover = float(rng.uniform(0.35, 0.8))
        first = scene(rng, obj, cover)
        second = scene(rng, obj, cover * float(rng.uniform(0.8, 1.2)))
        fa, fb = orb_features(first), orb_features(second)
        for q, c in ((fa, fb), (fb, fa)):
            homography += int(verify_same_picture(q, c, whole_overlap=False).verified)
            v = verify_same_picture(q, c, whole_overlap=True)
            accepted += int(v.verified)
            if v.agreement is not None:
                wrong.append(v.agreement)
        for name, transform in COPIES.items():
            v = verify_same_picture(orb_features(transform(first)), fa, whole_overlap=True)
            own[name]["copies"] += 1
            own[name]["accepted"] += int(v.verified)
            if v.agreement is not None:
                own[name]["a"].append(v.agreement)
    return {
        "benchmark": "robust_printed_pairs",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "seed": seed,
        "min_agreement_default": MIN_AGREEMENT,
        "wrong_pairs": 2 * pairs,
        "wrong_pass_homography": homography,
        "wrong_accepted_at_default": accepted,
        "wrong_at_or_above_bar": _at_bars(wrong),
        "wrong_agreement_median_max": [round(float(np.median(wrong)), 3), round(max(wrong), 3)]
        if wrong
        else None,
        "own_copies": {
            name: {
                "copies": o["copies"],
                "accepted_at_default": o["accepted"],
                "at_or_above_bar": _at_bars(o["a"]),
                "agreement_p5_median": [round(float(np.percentile(o["a"], p)), 3) for p in (5, 50)]
                if o["a"]
                else None,
            }
            for name, o in own.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=40, help="printed cards (2 wrong pairs each)")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument(
        "--out",
        default=str(REPO / "bench" / "results" / "robust-printed-pairs.json"),
        help="results file; '' to write none",
    )
    args = parser.parse_args()
    text = json.dumps(run(args.pairs, args.seed), indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()

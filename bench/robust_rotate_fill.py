"""Rotate with the frame kept, on hash-only lists: what the straightened query loses, and
which fills of the cut corners win it back (issue 13, sixth round).

Two parts, on ``bench/robust``'s 330 originals (benign pictures):

1. **Where the bits go, at the true angle** (oracle): the copy straightened by the known
   angle, with (a) the lost corners restored from the original (interpolation alone),
   (b) the original with its corners cut and filled (the loss of the corners alone), and
   the fills of the real straightening: black, the mean colour, OpenCV inpainting, a blur
   of the surroundings, the query's edges replicated or reflected outward.
2. **The fills as queries** (the real pipeline: ``signals.variants.pdq_variants`` with its
   estimated angle), for each set of fills in ``FILL_SETS``: recall of the whole-picture
   hashes (PDQ, the 7 dihedral hashes and every derived query, as ``bench/robust``'s
   ``pdq+variants``) per angle, and the nearest wrong original any query hash comes to.
   The fills were chosen on the **development half** (originals of even index) at 4°;
   the **held-out half** (odd index) and the other angles were measured after.
   Part 2 repeats the sixth round's pipeline (the angle found on the decimated copy, then
   again on a 512 px RGB copy); the seventh round's (one search, on the luma copy) is
   measured by ``bench/robust_rotate_heldout.py``.

    python -m bench.robust_rotate_fill [--angles 4,-4,2,3,5,8]
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from bench.robust import RADIUS, REPO, _bits, _distances, originals
from bench.robust_transforms import rotate
from safeguard.signals import variants
from safeguard.signals.pdq import pdq_dihedral_of_pixels, pdq_from_pixels

FILL_SETS: dict[str, tuple[str, ...]] = {
    "surroundings (before)": ("surroundings",),
    "replicate": ("replicate",),
    "replicate+surroundings": ("replicate", "surroundings"),
    "replicate+reflect+surroundings (chosen)": ("replicate", "reflect", "surroundings"),
}


def _hex(pixels: np.ndarray) -> str:
    arr = np.ascontiguousarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return pdq_from_pixels(arr).hash.hex


def losses(origs: list[tuple[str, np.ndarray, str]], angle: float) -> dict[str, Any]:
    """Part 1: recall and median distance at the true angle, per way of filling."""
    whole = _bits([h for _, _, h in origs])
    dist: dict[str, list[int]] = {}
    lost_area: list[float] = []
    for i, (_, p, _) in enumerate(origs):
        h, w = p.shape[:2]
        q = rotate(p, angle)
        turn = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), -angle, 1.0)
        back = cv2.warpAffine(q, turn, (w, h), flags=cv2.INTER_CUBIC)
        ones = Image.new("L", (w, h), 255)
        valid = np.asarray(ones.rotate(-angle, resample=Image.Resampling.BILINEAR)) > 250
        lost = ~valid
        lost_area.append(float(lost.mean()))
        mask = cv2.dilate(lost.astype(np.uint8) * 255, np.ones((3, 3), np.uint8))
        candidates = {
            "interpolation alone (corners restored)": np.where(lost[..., None], p, back),
            "corners alone, blur fill (no interpolation)": variants._fill_from_surroundings(
                p.copy(), valid
            ),
            "black": np.where(lost[..., None], 0, back),
            "mean colour": np.where(lost[..., None], back[valid].mean(0), back),
            "inpaint (Telea)": cv2.inpaint(back, mask, 5, cv2.INPAINT_TELEA),
            "blur of the surroundings": variants.straighten(q, angle, fill="surroundings"),
            "edges replicated": variants.straighten(q, angle, fill="replicate"),
            "edges reflected": variants.straighten(q, angle, fill="reflect"),
        }
        for name, c in candidates.items():
            # None: the straightened picture was refused (smaller than MIN_SIDE): a miss.
            x = 256 if c is None else int(_distances(_bits([_hex(c)]), whole[i : i + 1])[0, 0])
            dist.setdefault(name, []).append(x)
    return {
        "angle": angle,
        "lost_area_fraction": round(float(np.mean(lost_area)), 4),
        "ways": {
            k: {"recall": round(float(np.mean(np.array(v) <= RADIUS)), 4), "median": np.median(v)}
            for k, v in dist.items()
        },
    }


def queries(origs: list[tuple[str, np.ndarray, str]], angles: list[float]) -> dict[str, Any]:
    """Part 2: per angle, per half and per set of fills, recall and the nearest wrong."""
    whole = _bits([h for _, _, h in origs])
    n = len(origs)
    out: dict[str, Any] = {}
    for angle in angles:
        own = {k: np.full(n, 256) for k in FILL_SETS}
        wrong = {k: np.full(n, 256) for k in FILL_SETS}
        deskewed_hashes = np.zeros(n, np.int32)
        for i, (_, p, _) in enumerate(origs):
            q = rotate(p, angle)
            base = [pdq_from_pixels(q).hash.hex]
            base += [h.hex for h in list(pdq_dihedral_of_pixels(q).values())[1:]]
            # The trims once, then the straightened copies of every fill (as pdq_variants
            # makes them: the angle found on the decimated copy gates, then on the medium).
            variants.DESKEW_QUERY_FILLS = ()
            base += [v.hash.hex for v in variants.pdq_variants(q)]
            d_base = _distances(_bits(base), whole).min(0)
            per_fill = {f: d_base for f in variants.DESKEW_FILLS}
            h, w = q.shape[:2]
            small, _ = variants._decimated(q, variants.DETECT_SIDE)
            if variants.estimate_rotation(small) is not None:
                side = round(variants.DETECT_SIDE * max(h, w) / max(1, min(h, w)))
                medium, _ = variants._reduced(q, side)
                found = variants.estimate_rotation(medium)
                if found is not None:
                    pics = variants.straightened(medium, *found, variants.DESKEW_FILLS)
                    for f, pic in zip(variants.DESKEW_FILLS, pics, strict=True):
                        if pic is None:
                            continue
                        r = pdq_from_pixels(pic)
                        if r.quality >= variants.MIN_QUALITY:
                            d = _distances(_bits([r.hash.hex]), whole)[0]
                            per_fill[f] = np.minimum(d_base, d)
                            deskewed_hashes[i] += 1
            for k, fills in FILL_SETS.items():
                d = np.min([per_fill[f] for f in fills], axis=0)
                own[k][i] = d[i]
                d[i] = 256
                wrong[k][i] = d.min()
        halves = {"development (even)": slice(0, n, 2), "held-out (odd)": slice(1, n, 2)}
        out[str(angle)] = {
            k: {
                **{h: round(float(np.mean(own[k][s] <= RADIUS)), 4) for h, s in halves.items()},
                "all": round(float(np.mean(own[k] <= RADIUS)), 4),
                "nearest_wrong": int(wrong[k].min()),
            }
            for k in FILL_SETS
        }
        out[str(angle)]["deskewed_queries_per_copy"] = {
            "mean": round(float(deskewed_hashes.mean()), 2),
            "max": int(deskewed_hashes.max()),
        }
    variants.DESKEW_QUERY_FILLS = FILL_SETS["replicate+reflect+surroundings (chosen)"]
    return out


def turned_upload_cost(rounds: int = 8) -> dict[str, Any]:
    """CPU ms to hash a turned 1280 x 860 upload with variants, by the fills used (and the
    plain hashing as the anchor), medians over rounds interleaved."""
    import io
    import statistics
    import time

    from skimage import data

    from safeguard.signals.media import HashOptions, hash_bytes

    pics = []
    for name in ("astronaut", "coffee", "chelsea"):
        img = Image.fromarray(getattr(data, name)()).resize((1280, 860)).rotate(4.0)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=90)
        pics.append(buf.getvalue())
    settings: dict[str, tuple[HashOptions, tuple[str, ...]]] = {
        "plain": (HashOptions(), ()),
        "variants, one fill (before)": (HashOptions(variants=True), ("surroundings",)),
        "variants, three fills": (
            HashOptions(variants=True),
            FILL_SETS["replicate+reflect+surroundings (chosen)"],
        ),
    }
    times: dict[str, list[float]] = {k: [] for k in settings}
    for _ in range(rounds):
        for k, (options, fills) in settings.items():
            variants.DESKEW_QUERY_FILLS = fills or variants.DESKEW_QUERY_FILLS
            t = time.process_time()
            for p in pics:
                hash_bytes("upload.jpg", p, options)
            times[k].append((time.process_time() - t) / len(pics) * 1e3)
    variants.DESKEW_QUERY_FILLS = FILL_SETS["replicate+reflect+surroundings (chosen)"]
    med = {k: round(statistics.median(v), 2) for k, v in times.items()}
    return {
        "ms_cpu_median": med,
        "ratio_to_plain": {k: round(v / med["plain"], 2) for k, v in med.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--originals", type=int, default=330)
    parser.add_argument("--angles", default="4,-4,2,3,5,8")
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "robust-rotate-fill.json"
    )
    args = parser.parse_args()
    origs = originals(args.originals)
    angles = [float(a) for a in args.angles.split(",")]
    result = {
        "benchmark": "robust-rotate-fill",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "originals": len(origs),
        "losses_at_the_true_angle": losses(origs, 4.0),
        "queries": queries(origs, angles),
        "turned_upload_cost": turned_upload_cost(),
    }
    text = json.dumps(result, indent=2, default=float)
    print(text)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

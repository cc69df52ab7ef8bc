"""Rotate with the frame kept, on hash-only lists, on pictures nobody tuned on (issue 13,
seventh and eighth rounds).

Four sets of benign originals:

- **development**: ``bench/robust``'s originals of even index (the deskewing was developed
  on these, at 4°);
- **held-out (odd)**: its originals of odd index (measured once in the sixth round, not
  developed on since);
- **fresh**: ``bench.robust_fresh`` (opencv-doc photographs and their quarters, none
  among the 330), fixed and committed before this round's development, measured once
  after the code was frozen;
- **fresh2**: ``bench.robust_fresh2`` (the photographs of Debian's
  ``plasma-workspace-wallpapers`` and their quarters and ninths, none among the others),
  fixed and committed before the eighth round's development, measured once after the
  code was frozen.

Per angle, the query's hashes are those a hash-only list is checked with
(``bench/robust``'s ``pdq+variants``: PDQ, the 7 dihedral hashes and every derived query of
``signals.variants.pdq_variants``). Recall at 31 per set; the nearest wrong original over
all 460 originals (must stay above 31) and the wrong pairs within 31; ``deskewed`` queries a
copy; and the known hard case, originals whose own four corners are of one colour (what
deskewing takes for a rotation's fill): how many, and recall without them.

    python -m bench.robust_rotate_heldout [--angles 4,-4,2,3,5]
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

from bench.robust import RADIUS, REPO, _bits, _distances, originals
from bench.robust_fresh import fresh_originals
from bench.robust_fresh2 import fresh2_originals
from bench.robust_transforms import rotate
from safeguard.signals import variants
from safeguard.signals.pdq import pdq_dihedral_of_pixels, pdq_from_pixels

cv2.setNumThreads(1)


def own_uniform_corners(pixels: np.ndarray) -> bool:
    """The original's own corners are of one colour: a turned copy's fill is then not told
    from the picture (the known hard case)."""
    return variants._corner_background(variants.luma(pixels)) is not None


def measure(sets: dict[str, list[tuple[str, np.ndarray, str]]], angle: float) -> dict[str, Any]:
    everyone = [o for s in sets.values() for o in s]
    whole = _bits([h for _, _, h in everyone])
    out: dict[str, Any] = {}
    start = 0
    for name, origs in sets.items():
        own = np.full(len(origs), 256)
        wrong = np.full(len(origs), 256)
        wrong_pairs = 0
        query_hashes = 0
        deskewed = np.zeros(len(origs), np.int32)
        hard = np.zeros(len(origs), bool)
        for i, (_, p, _) in enumerate(origs):
            q = rotate(p, angle)
            hashes = [pdq_from_pixels(q).hash.hex]
            hashes += [h.hex for h in list(pdq_dihedral_of_pixels(q).values())[1:]]
            found = variants.pdq_variants(q)
            hashes += [v.hash.hex for v in found]
            deskewed[i] = sum(v.name == "deskewed" for v in found)
            d = _distances(_bits(hashes), whole)
            own[i] = d[:, start + i].min()
            d[:, start + i] = 256
            wrong[i] = d.min()
            wrong_pairs += int((d.min(0) <= RADIUS).sum())
            query_hashes += len(hashes)
            hard[i] = own_uniform_corners(p)
        hit = own <= RADIUS
        out[name] = {
            "originals": len(origs),
            "recall": round(float(hit.mean()), 4),
            "hits": int(hit.sum()),
            "own_uniform_corners": int(hard.sum()),
            "recall_without_own_uniform_corners": round(float(hit[~hard].mean()), 4),
            "nearest_wrong": int(wrong.min()),
            "wrong_originals_within_radius": wrong_pairs,
            "query_hashes": query_hashes,
            "deskewed_queries_per_copy": {
                "mean": round(float(deskewed.mean()), 2),
                "max": int(deskewed.max()),
            },
        }
        start += len(origs)
    return out


def hash_change_by_side(
    origs: list[tuple[str, np.ndarray, str]], angle: float = 4.0
) -> dict[str, Any]:
    """How far the ``deskewed`` hashes move when a turned copy is straightened at a given
    short side rather than on the halved copy ``pdq_variants`` straightens (development
    half only; the angle found as ``pdq_variants`` finds it), and recall of each."""
    out: dict[str, Any] = {}
    for side in (384, 320, 256):
        moved, hits, n = [], 0, 0
        for _, p, h in origs:
            q = rotate(p, angle)
            grey = variants._binned(variants._grey(q), variants.ANGLE_SIDE)
            found = variants.estimate_rotation(grey)
            if found is None:
                continue
            n += 1
            hashes = []
            for s in (None, side):
                gh, gw = grey.shape
                copy = grey
                if s is not None and min(gh, gw) > s:
                    size = (round(gw * s / min(gh, gw)), round(gh * s / min(gh, gw)))
                    copy = cv2.resize(grey, size, interpolation=cv2.INTER_LINEAR)
                pics = variants.straightened(copy, *found, variants.DESKEW_QUERY_FILLS)
                hashes.append([pdq_from_pixels(x).hash.hex for x in pics if x is not None])
            if hashes[0] and hashes[1]:
                moved.append(int(_distances(_bits(hashes[0][:1]), _bits(hashes[1][:1]))[0, 0]))
            hits += int(_distances(_bits(hashes[1] or ["00" * 32]), _bits([h])).min() <= RADIUS)
        out[str(side)] = {
            "copies": n,
            "bits_moved_median": float(np.median(moved)) if moved else None,
            "changed_fraction": round(float(np.mean(np.array(moved) > 0)), 3) if moved else None,
            "recall_of_deskewed_alone": round(hits / max(1, n), 4),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--angles", default="4,-4,2,3,5")
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "robust-rotate-heldout.json"
    )
    args = parser.parse_args()
    known = originals(330)
    fresh = fresh_originals(known)
    sets = {
        "development (even)": known[0::2],
        "held-out (odd)": known[1::2],
        "fresh (opencv-doc)": fresh,
        "fresh2 (plasma wallpapers)": fresh2_originals(known, fresh),
    }
    result: dict[str, Any] = {
        "benchmark": "robust-rotate-heldout",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "deskew_query_fills": list(variants.DESKEW_QUERY_FILLS),
        "angles": {},
    }
    for a in [float(x) for x in args.angles.split(",")]:
        result["angles"][str(a)] = measure(sets, a)
        print(a, json.dumps(result["angles"][str(a)]), flush=True)
    result["hash_change_by_side_development"] = hash_change_by_side(sets["development (even)"])
    result["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    text = json.dumps(result, indent=2, default=float)
    print(text)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

"""Robust matching benchmark: recall of PDQ alone against PDQ with the query-side variants
(``signals.variants``: trimmed, deskewed; and the exact dihedral hashes), per named transform,
on benign originals, with the wrong matches those extra queries could bring.

Originals: scikit-image's sample pictures that ship with the package, distinct tiles of
them at three scales (a whole-picture resize is the same picture, so not another original),
and the PDQ test vectors in ``../shared/testdata/pdq`` (without the edited copies of the
bridge); any two originals within 40 bits of each other, under any rotation or mirror, are
reduced to one, so a "wrong original" is another picture.
For every (original, transform) the query's hashes are compared with every original:

- recall @ 31: the query's own original within 31 bits (PDQ alone: the query's hash;
  with variants: any of its hashes);
- wrong matches: the other originals within 31 bits of any query hash (must be 0), the
  nearest wrong distance, and the wrong-pair rate per query hash (pairs within 31 over
  query hashes x wrong originals), which scales to a bank: expected false candidates per
  query = rate x hashes per query x bank size.

Prints JSON, writes ``bench/results/robust.json``. One process, modest: ~10 minutes on
one core at the default size.
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from bench.robust_transforms import TRANSFORMS, Pixels
from safeguard.signals.pdq import pdq_from_pixels
from safeguard.signals.variants import pdq_variants

cv2.setNumThreads(1)
REPO = Path(__file__).resolve().parents[1]
RADIUS = 31
#: Recall is also reported for originals at least this large (short side, pixels).
LARGE = 200
_SKIMAGE = [
    "astronaut", "brick", "camera", "cat", "chelsea", "clock", "coffee", "coins", "colorwheel",
    "grass", "gravel", "horse", "hubble_deep_field", "immunohistochemistry", "logo", "moon",
    "page", "rocket", "text", "retina", "microaneurysms", "shepp_logan_phantom", "eagle",
    "camera", "checkerboard",
]  # fmt: skip


def _same_picture(relative: Path) -> bool:
    """Test vectors that are edits of another (the bridge's modifications and turns): the
    same picture, so not another original."""
    parts = relative.parts
    if parts[0] == "bridge-mods":
        return relative.name != "aaa-orig.jpg"
    return "dih" in parts


def _rgb(a: np.ndarray) -> Pixels:
    if a.dtype != np.uint8:
        a = (255 * (a.astype(np.float64) / max(1e-9, float(a.max())))).astype(np.uint8)
    if a.ndim == 2:
        a = np.stack([a] * 3, -1)
    return np.ascontiguousarray(a[..., :3])


def _bases() -> list[tuple[str, Pixels]]:
    from skimage import data

    out: list[tuple[str, Pixels]] = []
    testdata = REPO.parent / "shared" / "testdata" / "pdq" / "images"
    for path in sorted(testdata.rglob("*")):
        if path.suffix.lower() in {".jpg", ".jpeg", ".png"}:
            if _same_picture(path.relative_to(testdata)):
                continue
            with Image.open(path) as img:
                img.thumbnail((768, 768))
                rgb = _rgb(np.asarray(img.convert("RGB")))
            out.append((f"pdq:{path.relative_to(testdata)}", rgb))
    for name in dict.fromkeys(_SKIMAGE):
        try:
            out.append((f"skimage:{name}", _rgb(getattr(data, name)())))
        except Exception:  # noqa: BLE001 -- pictures that need a download are skipped
            continue
    return out


def _derive(name: str, a: Pixels) -> list[tuple[str, Pixels]]:
    """The base, its half-size resize, and tiles at two scales."""
    h, w = a.shape[:2]
    out = [(name, a)]
    for frac, grid in ((0.5, 3), (0.33, 4), (0.25, 5)):
        th, tw = int(h * frac), int(w * frac)
        if min(th, tw) < 96:
            continue
        for i in range(grid):
            for j in range(grid):
                y = (h - th) * i // max(1, grid - 1)
                x = (w - tw) * j // max(1, grid - 1)
                out.append((f"{name}[{frac}:{i},{j}]", a[y : y + th, x : x + tw]))
    return out


def _bits(hexes: list[str]) -> np.ndarray:
    raw = np.frombuffer(bytes.fromhex("".join(hexes)), dtype=np.uint8).reshape(-1, 32)
    return np.unpackbits(raw, axis=1).astype(np.float32)


def _distances(q: np.ndarray, o: np.ndarray) -> np.ndarray:
    # Hamming distance of 0/1 rows: |q| + |o| - 2 q.o
    return (q.sum(1)[:, None] + o.sum(1)[None, :] - 2 * q @ o.T).round().astype(np.int32)


def originals(limit: int) -> list[tuple[str, Pixels, str]]:
    kept: list[tuple[str, Pixels, str]] = []
    kept_bits: list[np.ndarray] = []
    for name, base in _bases():
        for label, pixels in _derive(name, base):
            r = pdq_from_pixels(pixels)
            if r.quality < 50:
                continue
            b = _bits([r.hash.hex])[0]
            # Another picture, not a rotation or mirror image of one already kept.
            flips = _bits([h.hex for h in r.dihedral().values()])
            if kept_bits and (_distances(flips, np.array(kept_bits)) <= 40).any():
                continue
            kept.append((label, np.ascontiguousarray(pixels), r.hash.hex))
            kept_bits.append(b)
            if len(kept) >= limit:
                return kept
    return kept


def run(limit: int) -> dict[str, Any]:
    start = time.perf_counter()
    origs = originals(limit)
    obits = _bits([h for _, _, h in origs])
    n = len(origs)
    per: dict[str, Any] = {}
    totals = {"pdq_ms": 0.0, "variant_ms": 0.0, "queries": 0, "extra": 0}
    variant_wins: dict[str, int] = {}
    for tname, transform in TRANSFORMS.items():
        pdq_hit = var_hit = 0
        wrong_pdq = wrong_var = 0
        pairs_pdq = pairs_var = 0
        hashes_pdq = hashes_var = 0
        nearest_wrong: list[int] = []
        large = large_hit = 0
        for i, (_, pixels, _) in enumerate(origs):
            q = transform(pixels)
            t0 = time.perf_counter()
            r = pdq_from_pixels(q)
            t1 = time.perf_counter()
            names = ["exact", *[f"dihedral:{d.value}" for d in r.dihedral()][1:]]
            hexes = [r.hash.hex] + [h.hex for h in list(r.dihedral().values())[1:]]
            derived = pdq_variants(q)
            t2 = time.perf_counter()
            names += [v.name for v in derived]
            hexes += [v.hash.hex for v in derived]
            totals["pdq_ms"] += (t1 - t0) * 1e3
            totals["variant_ms"] += (t2 - t1) * 1e3
            totals["queries"] += 1
            totals["extra"] += len(hexes) - 1
            d = _distances(_bits(hexes), obits)  # (hashes, originals)
            own = d[:, i]
            wrong = np.delete(d, i, axis=1)
            pdq_hit += int(own[0] <= RADIUS)
            is_large = min(pixels.shape[:2]) >= LARGE
            large += is_large
            if (own <= RADIUS).any():
                var_hit += 1
                large_hit += is_large
                if own[0] > RADIUS:
                    best = names[int(np.argmin(own))].split(":")[0]
                    variant_wins[best] = variant_wins.get(best, 0) + 1
            wrong_pdq += int((wrong[0] <= RADIUS).sum())
            wrong_var += int((wrong <= RADIUS).sum())
            pairs_pdq += int((wrong[0] <= RADIUS).sum())
            pairs_var += int((wrong <= RADIUS).sum())
            hashes_pdq += 1
            hashes_var += len(hexes)
            nearest_wrong.append(int(wrong.min()))
        per[tname] = {
            "recall_pdq": round(pdq_hit / n, 4),
            "recall_pdq_variants": round(var_hit / n, 4),
            f"recall_pdq_variants_short_side_ge_{LARGE}": round(large_hit / max(1, large), 4),
            f"originals_short_side_ge_{LARGE}": large,
            "wrong_originals_within_31_pdq": wrong_pdq,
            "wrong_originals_within_31_variants": wrong_var,
            "nearest_wrong_min": int(min(nearest_wrong)),
            "nearest_wrong_p1": float(np.percentile(nearest_wrong, 1)),
            "wrong_pair_rate_per_hash_pdq": pairs_pdq / (hashes_pdq * (n - 1)),
            "wrong_pair_rate_per_hash_variants": pairs_var / (hashes_var * (n - 1)),
        }
        print(f"{tname}: {per[tname]}", file=sys.stderr)
    q = max(1, int(totals["queries"]))
    all_pairs = sum(v["wrong_pair_rate_per_hash_variants"] for v in per.values()) / len(per)
    return {
        "benchmark": "robust",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "originals": n,
        "radius": RADIUS,
        "queries": q,
        "transforms": per,
        "matches_won_by_variant": variant_wins,
        "extra_hashes_per_query": round(totals["extra"] / q, 2),
        "ms_per_query_pdq": round(totals["pdq_ms"] / q, 2),
        "ms_per_query_variants_extra": round(totals["variant_ms"] / q, 2),
        "mean_wrong_pair_rate_per_hash_variants": all_pairs,
        "expected_false_candidates_per_query_at_1e7": all_pairs * (1 + totals["extra"] / q) * 1e7,
        "seconds": round(time.perf_counter() - start, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--originals", type=int, default=330)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "robust.json")
    args = parser.parse_args()
    result = run(args.originals)
    text = json.dumps(result, indent=2)
    print(text)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

"""How far reduced-size JPEG decoding moves PDQ, per decoded size: the evidence behind
``signals.decode.PDQ_MIN_SIDE`` (the reduced decoding triage uses by default).

For every JPEG the default path hashes (full-size RGB decode, ``decode_image``) and each
DCT scale 1/2, 1/4, 1/8 (luma only, ``decode_image(fast=True, scale=s)``, the reference's
filter at the original size), the Hamming distance between the two hashes; also luma at
full size (scale 1), for reference. A *rule* (M, F) — "pictures whose short side is at
least F are decoded at the largest power-of-two scale that keeps the short side at least M
pixels; smaller ones exactly as the default path (distance 0)" — is then read off for
several M and F. ``decode_for_pdq`` implements the rule (``PDQ_MIN_SIDE``,
``PDQ_REDUCE_FROM``).

Two sets, kept apart so the choice of M is not scored on the pictures it was chosen on:

- **tuning**: the triage benchmark's pictures (``bench/.cache/triage-pictures``: 240 at
  1920x1080, 80 at 640x480) and pictures made by ``bench.corpus`` for this study from
  scikit-image samples at camera sizes (4000x3000, 3024x4032, 2592x1944);
- **held-out**: the JPEGs shipped in Debian's ``opencv-doc`` (``/usr/share/doc/opencv-doc``,
  photographs and figures, none made by this project), the PDQ reference vectors' pictures
  (``../shared/testdata/pdq/images``), and more ``bench.corpus`` pictures from other sample
  crops and seeds (4000x3000, 1920x1080, 1280x720).

Prints one JSON object; ``--out`` also writes it (``bench/results/triage-pdq-scale.json``).
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import SizeClass, build_corpus

HERE = Path(__file__).resolve().parent
TRIAGE_PICTURES = HERE / ".cache" / "triage-pictures"
TUNING_CLASSES = (
    SizeClass("tune-4000x3000", "JPEG", ((4000, 3000),), 40),
    SizeClass("tune-3024x4032", "JPEG", ((3024, 4032),), 30),
    SizeClass("tune-2592x1944", "JPEG", ((2592, 1944),), 30),
)
HELDOUT_CLASSES = (
    SizeClass("held-4000x3000", "JPEG", ((4000, 3000),), 30),
    SizeClass("held-1920x1080", "JPEG", ((1920, 1080),), 60),
    SizeClass("held-1280x720", "JPEG", ((1280, 720),), 60),
)
OPENCV_DOC = Path("/usr/share/doc/opencv-doc")
SHARED_PDQ = HERE.parent.parent / "shared" / "testdata" / "pdq" / "images"
SCALES = (2, 4, 8)
RULES = tuple((m, f) for f in (0, 512) for m in (64, 96, 128, 192, 256, 512))


def _jpegs(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg") and p.is_file()
    )


def distances(paths: list[Path]) -> list[dict[str, Any]]:
    from safeguard.signals.decode import decode_image
    from safeguard.signals.errors import SignalError
    from safeguard.signals.pdq import pdq_from_pixels

    rows: list[dict[str, Any]] = []
    for path in paths:
        data = path.read_bytes()
        try:
            full_img = decode_image(data)
        except SignalError:
            continue
        if full_img.format != "JPEG" or full_img.pixels.ndim not in (2, 3):
            continue
        size = (full_img.width, full_img.height)
        full = pdq_from_pixels(full_img.pixels, size)
        row: dict[str, Any] = {
            "name": path.name,
            "width": size[0],
            "height": size[1],
            "quality": full.quality,
            "d": {},
        }
        for s in (1, *SCALES):
            if min(size) // s < 8:
                break
            try:
                reduced = decode_image(data, fast=True, scale=s)
            except SignalError:
                break
            if reduced.pixels.ndim != 2:
                break  # CMYK and the like: Pillow decodes them, never reduced
            row["d"][s] = full.hash.distance(pdq_from_pixels(reduced.pixels, size).hash)
        if row["d"]:
            rows.append(row)
    return rows


def rule_scale(width: int, height: int, min_side: int, reduce_from: int = 0) -> int:
    if min(width, height) < reduce_from:
        return 1
    for s in (8, 4, 2):
        if min(width, height) // s >= min_side:
            return s
    return 1


def summary(rows: list[dict[str, Any]], quality_at_least: int = 0) -> dict[str, Any]:
    kept = [r for r in rows if r["quality"] >= quality_at_least]
    out: dict[str, Any] = {"pictures": len(kept), "rules": {}}
    for m, f in RULES:
        scales = [rule_scale(r["width"], r["height"], m, f) for r in kept]
        d = np.array(
            [r["d"].get(s, 0) if s > 1 else 0 for r, s in zip(kept, scales, strict=True)],
            dtype=float,
        )
        reduced = sum(s > 1 for s in scales)
        if d.size == 0:
            continue
        worst = sorted(
            ((int(x), r["name"], r["width"], r["height"]) for x, r in zip(d, kept, strict=True)),
            reverse=True,
        )[:5]
        out["rules"][f"M={m},F={f}"] = {
            "reduced": reduced,
            "p50": float(np.percentile(d, 50)),
            "p95": float(np.percentile(d, 95)),
            "p99": float(np.percentile(d, 99)),
            "max": int(d.max()),
            "over_10": int((d > 10).sum()),
            "over_20": int((d > 20).sum()),
            "over_31": int((d > 31).sum()),
            "worst": worst,
        }
    per_scale: dict[int, dict[str, Any]] = {}
    for s in (1, *SCALES):
        d = np.array([r["d"][s] for r in kept if s in r["d"]], dtype=float)
        if d.size:
            per_scale[s] = {
                "pictures": int(d.size),
                "p50": float(np.percentile(d, 50)),
                "p95": float(np.percentile(d, 95)),
                "p99": float(np.percentile(d, 99)),
                "max": int(d.max()),
            }
    out["per_scale"] = per_scale
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--rows", type=Path, default=None, help="save/reuse per-picture rows")
    args = parser.parse_args()
    started = time.perf_counter()
    cache = HERE / ".cache"
    tuning = _jpegs(TRIAGE_PICTURES) + build_corpus(
        cache / "pdq-scale-tuning", classes=TUNING_CLASSES
    )
    heldout_made = build_corpus(cache / "pdq-scale-heldout", classes=HELDOUT_CLASSES)
    heldout = _jpegs(OPENCV_DOC) + _jpegs(SHARED_PDQ) + heldout_made
    result: dict[str, Any] = {"benchmark": "triage-pdq-scale"}
    saved: dict[str, Any] = {}
    if args.rows is not None and args.rows.exists():
        saved = json.loads(args.rows.read_text())
    for name, paths in (("tuning", tuning), ("heldout", heldout)):
        if name in saved:
            rows = [r | {"d": {int(k): v for k, v in r["d"].items()}} for r in saved[name]]
        else:
            rows = saved[name] = distances(paths)
            if args.rows is not None:
                args.rows.write_text(json.dumps(saved))
        result[name] = {
            "all": summary(rows),
            "quality_at_least_50": summary(rows, 50),
            "quality_at_least_80": summary(rows, 80),
        }
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    text = json.dumps(result, indent=2)
    if args.out is not None:
        args.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

"""The image-hashing benchmark: how fast Safeguard computes PDQ, exact and fast, against the
reference (``pdqhash``, Meta's C++) and decoding-only limits, and how far its hashes are from
the reference's, on the benign corpus from ``bench.corpus``.

Everything runs in one process on one core: the BLAS/OpenMP thread counts are pinned below,
before numpy is first imported. Files are read into memory first, so the disk is not
measured (except by ``hash_file``, which reads its path; the corpus is in the page cache by
then). Rates are images per second, best of N passes over the corpus, passes of the methods
interleaved so that load from elsewhere on the machine hits them alike.

Prints one JSON object on stdout, writes it to ``bench/results/hashing.json`` and a table to
``bench/results/hashing.md``; a progress bar goes to stderr.
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import gc
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import imagehash
import numpy as np
import pdqhash
import simplejpeg
from PIL import Image, features
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench.corpus import DEFAULT_DIR, build_corpus, read_manifest
from bench.machine import cpu_model, version
from safeguard.signals.decode import FAST_MIN_SIDE, decode_image, fast_scale
from safeguard.signals.pdq import PdqHash, pdq_from_pixels

RESULTS_DIR = Path(__file__).resolve().parent / "results"
ANCHOR = "pdqhash"
EXACT = "safeguard_exact"
FAST = "safeguard_fast"
CLASS_ORDER = ("640x480", "1920x1080", "4000x3000", "png")
#: Targets from the issue.
EXACT_MIN_SPEEDUP = 5.0
FAST_MIN_SPEEDUP = 12.0
EXACT_CLOSE_BITS = 2
EXACT_CLOSE_FRACTION = 0.99
COMPATIBLE_QUALITY = 80
COMPATIBLE_BITS = 10
EXACT_MAX_QUALITY_DIFF = 2
FAST_P99_BITS = 10
FAST_MAX_BITS = 31


@dataclass(frozen=True, slots=True)
class CorpusFile:
    name: str
    path: Path
    size_class: str
    format: str
    width: int
    height: int
    data: bytes


#: A hash as (hex, quality); decode-only methods return None.
HashOut = tuple[str, int] | None


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    description: str
    run: Callable[[CorpusFile], HashOut]
    jpeg_only: bool = False

    def applies(self, f: CorpusFile) -> bool:
        return f.format == "JPEG" or not self.jpeg_only


# --- the methods ---------------------------------------------------------------------------


def _open(f: CorpusFile) -> Image.Image:
    return Image.open(BytesIO(f.data))


def _anchor(f: CorpusFile) -> HashOut:
    bits, quality = pdqhash.compute(np.asarray(_open(f).convert("RGB")))
    return np.packbits(bits.astype(np.uint8)).tobytes().hex(), int(quality)


def _phash(f: CorpusFile) -> HashOut:
    imagehash.phash(_open(f))
    return None


def _pillow_rgb(f: CorpusFile) -> HashOut:
    np.asarray(_open(f).convert("RGB"))
    return None


def _pillow_draft(f: CorpusFile) -> HashOut:
    im = _open(f)
    width, height = im.size
    # Pillow picks the largest DCT scale that keeps both sides at or above the request.
    im.draft("RGB", (min(width, FAST_MIN_SIDE), min(height, FAST_MIN_SIDE)))
    np.asarray(im.convert("RGB"))
    return None


def _scaled_minimums(f: CorpusFile) -> dict[str, int]:
    # The same request Safeguard's fast mode makes: the power-of-two DCT scale that keeps the
    # short side at least 512 px.
    scale = fast_scale(f.width, f.height)
    return {"min_width": -(-f.width // scale), "min_height": -(-f.height // scale)}


def _simplejpeg_rgb(f: CorpusFile) -> HashOut:
    simplejpeg.decode_jpeg(f.data, colorspace="RGB")
    return None


def _simplejpeg_scaled_rgb(f: CorpusFile) -> HashOut:
    simplejpeg.decode_jpeg(f.data, colorspace="RGB", **_scaled_minimums(f))
    return None


def _simplejpeg_scaled_gray(f: CorpusFile) -> HashOut:
    simplejpeg.decode_jpeg(f.data, colorspace="GRAY", **_scaled_minimums(f))
    return None


def _safeguard(fast: bool) -> Callable[[CorpusFile], HashOut]:
    def run(f: CorpusFile) -> HashOut:
        decoded = decode_image(f.data, fast=fast)
        result = pdq_from_pixels(decoded.pixels, (decoded.width, decoded.height))
        return result.hash.hex, result.quality

    return run


def _hash_file_methods() -> tuple[list[Method], str | None]:
    """``hash_file`` (digests + kind sniffing + PDQ, reading the path) if it can be imported
    yet, else no methods and the reason."""
    try:
        from safeguard.signals.media import HashOptions, hash_file
    except ImportError as e:
        return [], f"safeguard.signals.media.hash_file could not be imported: {e}"

    def make(fast: bool) -> Callable[[CorpusFile], HashOut]:
        options = HashOptions(fast=fast)

        def run(f: CorpusFile) -> HashOut:
            record = hash_file(f.path, options)
            if record.error is not None or record.pdq is None or record.pdq_quality is None:
                raise RuntimeError(f"hash_file failed on {f.name}: {record.error}")
            return record.pdq, record.pdq_quality

        return run

    found = [
        Method(
            "safeguard_hash_file_exact",
            "safeguard.signals.media.hash_file(path, HashOptions()): read + MD5/SHA-1/SHA-256 "
            "+ exact PDQ",
            make(False),
        ),
        Method(
            "safeguard_hash_file_fast",
            "hash_file(path, HashOptions(fast=True)): read + digests + fast PDQ",
            make(True),
        ),
    ]
    return found, None


def methods() -> tuple[list[Method], str | None]:
    """The methods to measure, and why ``hash_file`` is missing from them if it is."""
    with_path, missing = _hash_file_methods()
    found = [
        Method(
            ANCHOR,
            "anchor: pdqhash.compute(np.asarray(Image.open(b).convert('RGB'))) (Meta's C++)",
            _anchor,
        ),
        Method("imagehash_phash", "imagehash.phash(Image.open(b))", _phash),
        Method("pillow_decode_rgb", "np.asarray(Image.open(b).convert('RGB'))", _pillow_rgb),
        Method(
            "pillow_draft_rgb",
            "Image.draft('RGB', ...) keeping >= 512 px on the short side, then RGB array",
            _pillow_draft,
        ),
        Method(
            "simplejpeg_decode_rgb",
            "simplejpeg.decode_jpeg(b, 'RGB'), full size (JPEG only)",
            _simplejpeg_rgb,
            jpeg_only=True,
        ),
        Method(
            "simplejpeg_scaled_rgb",
            "simplejpeg.decode_jpeg(b, 'RGB', power-of-two scale, >= 512 px) (JPEG only)",
            _simplejpeg_scaled_rgb,
            jpeg_only=True,
        ),
        Method(
            "simplejpeg_scaled_gray",
            "simplejpeg.decode_jpeg(b, 'GRAY', power-of-two scale, >= 512 px), the decode fast "
            "mode asks for (JPEG only)",
            _simplejpeg_scaled_gray,
            jpeg_only=True,
        ),
        Method(
            EXACT,
            "pdq_from_pixels(d.pixels, (d.width, d.height)), d = decode_image(b)",
            _safeguard(False),
        ),
        Method(
            FAST,
            "pdq_from_pixels(d.pixels, (d.width, d.height)), d = decode_image(b, fast=True)",
            _safeguard(True),
        ),
    ]
    return found + with_path, missing


# --- corpus --------------------------------------------------------------------------------


def _class_of(fmt: str, width: int, height: int) -> str:
    return f"{width}x{height}" if fmt == "JPEG" else fmt.lower()


def load_corpus(corpus_dir: Path) -> list[CorpusFile]:
    """Every image of the corpus, read into memory; classes from the manifest if there is
    one, else from format and size."""
    try:
        entries: dict[str, Any] = read_manifest(corpus_dir)["files"]
    except FileNotFoundError:
        entries = {}
        for path in sorted(corpus_dir.iterdir()):
            if not path.is_file() or path.name.startswith("."):
                continue
            try:
                with Image.open(path) as im:
                    fmt, (width, height) = im.format or "unknown", im.size
            except OSError:
                continue
            entries[path.name] = {
                "format": fmt,
                "width": width,
                "height": height,
                "size_class": _class_of(fmt, width, height),
            }
    return [
        CorpusFile(
            name=name,
            path=corpus_dir / name,
            size_class=e["size_class"],
            format=e["format"],
            width=e["width"],
            height=e["height"],
            data=(corpus_dir / name).read_bytes(),
        )
        for name, e in entries.items()
    ]


# --- measuring -----------------------------------------------------------------------------


@dataclass(slots=True)
class Timings:
    """Seconds per file per pass (NaN where a method does not apply), and first-pass hashes."""

    seconds: dict[str, np.ndarray]
    outputs: dict[str, list[HashOut]]


def measure(
    files: Sequence[CorpusFile], ms: Sequence[Method], repeat: int, console: Console
) -> Timings:
    seconds = {m.name: np.full((repeat, len(files)), np.nan) for m in ms}
    outputs: dict[str, list[HashOut]] = {m.name: [None] * len(files) for m in ms}
    total = repeat * sum(sum(m.applies(f) for f in files) for m in ms)
    columns = (
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    # One call each first, so lazy imports and first-use caches are not timed.
    for m in ms:
        m.run(next(f for f in files if m.applies(f)))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("hashing", total=total)
        for r in range(repeat):
            for m in ms:
                progress.update(task, description=f"pass {r + 1}/{repeat} {m.name}")
                row = seconds[m.name][r]
                gc.collect()
                gc.disable()
                try:
                    for i, f in enumerate(files):
                        if not m.applies(f):
                            continue
                        start = time.perf_counter()
                        out = m.run(f)
                        row[i] = time.perf_counter() - start
                        if r == 0:
                            outputs[m.name][i] = out
                        progress.advance(task)
                finally:
                    gc.enable()
    return Timings(seconds, outputs)


def _rate(seconds: np.ndarray, mask: np.ndarray) -> dict[str, Any] | None:
    """Best-of-passes rate over the files in ``mask``."""
    n = int(mask.sum())
    if n == 0:
        return None
    per_pass = np.nansum(seconds[:, mask], axis=1)
    best = float(per_pass.min())
    return {
        "n": n,
        "images_per_s": round(n / best, 2),
        "best_s": round(best, 4),
        "median_pass_s": round(float(np.median(per_pass)), 4),
        "ms_per_image": round(1000 * best / n, 3),
    }


def rates(files: Sequence[CorpusFile], ms: Sequence[Method], t: Timings) -> dict[str, Any]:
    classes = [c for c in CLASS_ORDER if any(f.size_class == c for f in files)]
    classes += sorted({f.size_class for f in files} - set(classes))
    out: dict[str, Any] = {}
    for m in ms:
        applies = np.array([m.applies(f) for f in files])
        by_class = {
            c: _rate(t.seconds[m.name], applies & np.array([f.size_class == c for f in files]))
            for c in classes
        }
        jpeg = np.array([f.format == "JPEG" for f in files])
        out[m.name] = {
            "description": m.description,
            "all": _rate(t.seconds[m.name], applies),
            "jpeg": _rate(t.seconds[m.name], applies & jpeg),
            "by_class": by_class,
        }
    return out


def _percentile(values: np.ndarray, p: float) -> int:
    # Nearest rank: an actual observed distance, never an interpolation.
    return int(np.percentile(values, p, method="inverted_cdf"))


def _distance(a: HashOut, b: HashOut) -> int:
    if a is None or b is None:
        raise ValueError("a hashing method returned no hash")
    return PdqHash.from_hex(a[0]).distance(PdqHash.from_hex(b[0]))


def deviation(files: Sequence[CorpusFile], t: Timings, mode: str) -> dict[str, Any]:
    anchor = t.outputs[ANCHOR]
    ours = t.outputs[mode]
    dist: list[int] = []
    qdiff: list[int] = []
    for a, o in zip(anchor, ours, strict=True):
        if a is None or o is None:
            raise ValueError("a hashing method returned no hash")
        dist.append(_distance(a, o))
        qdiff.append(o[1] - a[1])
    d = np.array(dist)
    q = np.array(qdiff)
    anchor_q = np.array([a[1] for a in anchor if a is not None])
    good = anchor_q >= COMPATIBLE_QUALITY
    by_class: dict[str, Any] = {}
    for c in dict.fromkeys(f.size_class for f in files):
        mask = np.array([f.size_class == c for f in files])
        by_class[c] = {
            "n": int(mask.sum()),
            "p50": _percentile(d[mask], 50),
            "max": int(d[mask].max()),
            "max_abs_quality_diff": int(np.abs(q[mask]).max()),
        }
    worst = np.argsort(-d, kind="stable")[:5]
    return {
        "n": len(d),
        "fraction_le_2_bits": round(float((d <= EXACT_CLOSE_BITS).mean()), 4),
        "p50": _percentile(d, 50),
        "p95": _percentile(d, 95),
        "p99": _percentile(d, 99),
        "max": int(d.max()),
        "n_anchor_quality_ge_80": int(good.sum()),
        "max_anchor_quality_ge_80": int(d[good].max()) if good.any() else None,
        "max_abs_quality_diff": int(np.abs(q).max()),
        "by_class": by_class,
        "worst": [
            {
                "file": files[i].name,
                "class": files[i].size_class,
                "distance": int(d[i]),
                "anchor_quality": int(anchor_q[i]),
                "quality": int(anchor_q[i] + q[i]),
            }
            for i in worst
            if d[i] > 0
        ],
    }


def targets(r: dict[str, Any], dev: dict[str, dict[str, Any]]) -> dict[str, Any]:
    anchor_rate = r[ANCHOR]["all"]["images_per_s"]
    exact_x = r[EXACT]["all"]["images_per_s"] / anchor_rate
    fast_x = r[FAST]["all"]["images_per_s"] / anchor_rate
    ex, fa = dev[EXACT], dev[FAST]
    ex80 = ex["max_anchor_quality_ge_80"]

    def target(value: Any, goal: str, passed: bool) -> dict[str, Any]:
        return {"value": value, "target": goal, "pass": bool(passed)}

    found: dict[str, Any] = {
        "exact_speedup": target(
            round(exact_x, 2), f">= {EXACT_MIN_SPEEDUP}x", exact_x >= EXACT_MIN_SPEEDUP
        ),
        "fast_speedup": target(
            round(fast_x, 2), f">= {FAST_MIN_SPEEDUP}x", fast_x >= FAST_MIN_SPEEDUP
        ),
        "exact_fraction_le_2_bits": target(
            ex["fraction_le_2_bits"],
            f">= {EXACT_CLOSE_FRACTION}",
            ex["fraction_le_2_bits"] >= EXACT_CLOSE_FRACTION,
        ),
        "exact_max_bits_quality_ge_80": target(
            ex80, f"<= {COMPATIBLE_BITS}", ex80 is None or ex80 <= COMPATIBLE_BITS
        ),
        "exact_max_abs_quality_diff": target(
            ex["max_abs_quality_diff"],
            f"<= {EXACT_MAX_QUALITY_DIFF}",
            ex["max_abs_quality_diff"] <= EXACT_MAX_QUALITY_DIFF,
        ),
        "fast_p99_bits": target(fa["p99"], f"<= {FAST_P99_BITS}", fa["p99"] <= FAST_P99_BITS),
        "fast_max_bits": target(fa["max"], f"<= {FAST_MAX_BITS}", fa["max"] <= FAST_MAX_BITS),
    }
    found["all_pass"] = all(v["pass"] for v in found.values())
    return found


def speedups(r: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """Each Safeguard mode's rate over the anchor's, per size class: the whole-corpus ratio
    is dominated by the 12 MP files, where most of the time goes."""
    out: dict[str, dict[str, float | None]] = {}
    for name, entry in r.items():
        if not name.startswith("safeguard_"):
            continue
        ratios: dict[str, float | None] = {}
        for c, rate in entry["by_class"].items():
            anchor = r[ANCHOR]["by_class"][c]
            ratios[c] = (
                None
                if rate is None or anchor is None
                else round(rate["images_per_s"] / anchor["images_per_s"], 2)
            )
        out[name] = ratios
    return out


def hash_file_agreement(t: Timings, missing: str | None) -> dict[str, Any]:
    """Whether ``hash_file`` gave the same PDQ as decode + pdq_from_pixels on the bytes."""
    pairs = {"safeguard_hash_file_exact": EXACT, "safeguard_hash_file_fast": FAST}
    if missing is not None:
        return {"measured": False, "reason": missing}
    differing = {
        name: sum(a != b for a, b in zip(t.outputs[name], t.outputs[ref], strict=True))
        for name, ref in pairs.items()
    }
    return {"measured": True, "files_with_a_different_pdq": differing}


# --- reporting -----------------------------------------------------------------------------


def _shown(path: Path) -> str:
    """A path relative to the repository when it is inside it (results are committed)."""
    repo = Path(__file__).resolve().parents[1]
    try:
        return str(path.resolve().relative_to(repo))
    except ValueError:
        return str(path)


def machine() -> dict[str, Any]:
    cpu = cpu_model()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_available": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": {
            "safeguard": version("safeguard"),
            "numpy": np.__version__,
            "pillow": version("pillow"),
            "libjpeg_turbo_in_pillow": features.version("libjpeg_turbo"),
            "simplejpeg": version("simplejpeg"),
            "pdqhash": version("pdqhash"),
            "imagehash": version("imagehash"),
            "scikit-image": version("scikit-image"),
        },
        "threads": {
            v: os.environ.get(v)
            for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
        },
    }


def _cell(entry: dict[str, Any] | None) -> str:
    return "—" if entry is None else f"{entry['images_per_s']:.1f}"


def markdown(result: dict[str, Any]) -> str:
    r = result["rates"]
    classes = list(r[ANCHOR]["by_class"])
    anchor_all = r[ANCHOR]["all"]["images_per_s"]
    mach = result["machine"]
    lines = [
        "# Image hashing benchmark",
        "",
        f"Generated by `python -m bench.hashing` at {result['generated_at']}; "
        f"best of {result['repeat']} passes, one process, one core.",
        "",
        f"Machine: {mach['cpu']}, {mach['cores']} cores (load average "
        f"{mach['load_average_at_start'][0]} at start, {mach['load_average_at_end'][0]} at "
        f"end; the machine is shared), Python {mach['python']}; "
        + ", ".join(f"{k} {v}" for k, v in mach["versions"].items() if v),
        "",
        f"Corpus: {result['corpus']['files']} files, "
        f"{result['corpus']['bytes'] / 1e6:.0f} MB ("
        + ", ".join(f"{c}: {n}" for c, n in result["corpus"]["by_class"].items())
        + ").",
        "",
        "## Throughput (images/s, higher is better)",
        "",
        "| method | all | × anchor | " + " | ".join(classes) + " |",
        "|---|---:|---:|" + "---:|" * len(classes),
    ]
    for name, entry in r.items():
        # Against the anchor on the same files: JPEG-only methods against its JPEG rate.
        jpeg_only = entry["all"]["n"] != r[ANCHOR]["all"]["n"]
        anchor_same = r[ANCHOR]["jpeg"]["images_per_s"] if jpeg_only else anchor_all
        speedup = entry["all"]["images_per_s"] / anchor_same
        lines.append(
            f"| `{name}` | {_cell(entry['all'])} | {speedup:.1f}× | "
            + " | ".join(_cell(entry["by_class"][c]) for c in classes)
            + " |"
        )
    lines += [
        "",
        "Safeguard over the anchor by size class (the `all` column is dominated by the "
        "4000x3000 files, where most of the time goes):",
        "",
        "| mode | " + " | ".join(classes) + " |",
        "|---|" + "---:|" * len(classes),
    ]
    for name, ratios in result["speedup_by_class"].items():
        cells = ["—" if ratios[c] is None else f"{ratios[c]:.1f}×" for c in classes]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    lines += ["", "Methods:", ""]
    lines += [f"- `{name}`: {entry['description']}" for name, entry in r.items()]
    lines += [
        "- `simplejpeg_*` decode JPEG only: their `all` is over the JPEG files, and their "
        "`× anchor` compares with the anchor's rate on those same files "
        f"({r[ANCHOR]['jpeg']['images_per_s']:.1f} images/s).",
        "",
        "## Distance from the anchor's hash (bits of 256)",
        "",
        "| mode | ≤ 2 bits | p50 | p95 | p99 | max | max, anchor quality ≥ 80 "
        "| max \\|Δ quality\\| |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, d in result["deviation"].items():
        lines.append(
            f"| `{mode}` | {100 * d['fraction_le_2_bits']:.1f} % | {d['p50']} | {d['p95']} "
            f"| {d['p99']} | {d['max']} | {d['max_anchor_quality_ge_80']} "
            f"| {d['max_abs_quality_diff']} |"
        )
    lines += [
        "",
        "By size class (p50 / max bits, max |Δ quality|):",
        "",
        "| mode | " + " | ".join(classes) + " |",
        "|---|" + "---|" * len(classes),
    ]
    for mode, d in result["deviation"].items():
        cells = [
            f"{d['by_class'][c]['p50']} / {d['by_class'][c]['max']}, "
            f"{d['by_class'][c]['max_abs_quality_diff']}"
            for c in classes
        ]
        lines.append(f"| `{mode}` | " + " | ".join(cells) + " |")
    lines += ["", "Largest distances:", ""]
    for mode, d in result["deviation"].items():
        worst = ", ".join(
            f"`{w['file']}` {w['distance']} (quality {w['anchor_quality']}→{w['quality']})"
            for w in d["worst"]
        )
        lines.append(f"- `{mode}`: {worst or 'none'}")
    lines += ["", "## Targets", "", "| target | value | goal | |", "|---|---:|---|---|"]
    for name, tgt in result["targets"].items():
        if name == "all_pass":
            continue
        mark = "pass" if tgt["pass"] else "**FAIL**"
        lines.append(f"| {name} | {tgt['value']} | {tgt['target']} | {mark} |")
    hf = result["hash_file"]
    if not hf["measured"]:
        lines += ["", f"`hash_file` was not measured: {hf['reason']}."]
    else:
        lines += [
            "",
            "`hash_file` reads each file from its path (in the page cache), so its rates "
            "include the read and the MD5/SHA-1/SHA-256 digests. Files whose PDQ differs from "
            f"decode + `pdq_from_pixels` on the same bytes: {hf['files_with_a_different_pdq']}.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.hashing",
        description="Benchmark Safeguard's PDQ hashing (exact and fast) against pdqhash and "
        "decode-only limits on one core. Prints one JSON object on stdout.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help=f"folder of images (default: build/refresh the benign corpus in {DEFAULT_DIR})",
    )
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best counts (3)")
    parser.add_argument(
        "--json-out",
        type=Path,
        default=RESULTS_DIR / "hashing.json",
        help="where to write the JSON; the markdown goes beside it with .md "
        "(default: bench/results/hashing.json)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    console = Console(stderr=True)

    corpus_dir: Path = args.corpus or DEFAULT_DIR
    if args.corpus is None:
        with console.status("building the corpus (first run: a few minutes)"):
            build_corpus(corpus_dir)
    files = load_corpus(corpus_dir)
    if not files:
        parser.error(f"no images found in {corpus_dir}")

    ms, hash_file_missing = methods()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    timings = measure(files, ms, args.repeat, console)
    r = rates(files, ms, timings)
    dev = {mode: deviation(files, timings, mode) for mode in (EXACT, FAST)}
    by_class: dict[str, int] = {}
    for f in files:
        by_class[f.size_class] = by_class.get(f.size_class, 0) + 1
    mach = machine()
    # Other work on the machine shows here; the rates are best-of-passes to damp it.
    mach["load_average_at_start"] = load_at_start
    mach["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result: dict[str, Any] = {
        "benchmark": "hashing",
        "generated_at": started,
        "repeat": args.repeat,
        "machine": mach,
        "corpus": {
            "dir": _shown(corpus_dir),
            "files": len(files),
            "bytes": sum(len(f.data) for f in files),
            "by_class": by_class,
        },
        "rates": r,
        "deviation": dev,
        "speedup_by_class": speedups(r),
        "targets": targets(r, dev),
        "hash_file": hash_file_agreement(timings, hash_file_missing),
        "files": [
            {
                "file": f.name,
                "class": f.size_class,
                "bytes": len(f.data),
                "anchor": timings.outputs[ANCHOR][i],
                "exact": timings.outputs[EXACT][i],
                "fast": timings.outputs[FAST][i],
                "exact_distance": _distance(timings.outputs[ANCHOR][i], timings.outputs[EXACT][i]),
                "fast_distance": _distance(timings.outputs[ANCHOR][i], timings.outputs[FAST][i]),
            }
            for i, f in enumerate(files)
        ],
    }
    text = json.dumps(result, indent=1)
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(text + "\n")
    args.json_out.with_suffix(".md").write_text(markdown(result))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

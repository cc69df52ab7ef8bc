"""The benign image corpus the benchmarks share, and nothing else.

Every picture is made from scikit-image's bundled sample images (the ones that ship inside the
wheel; none needs a download): a deterministic random crop, a Lanczos resize to the target
size, sometimes a mirror and a colour/brightness change, then mild Gaussian noise (σ 2-3
levels, like a camera sensor) so that JPEG files have realistic entropy instead of the tiny,
unrealistically fast-to-decode files a smooth upscaled picture would give.

The default corpus: 100 JPEGs at 640×480, 60 at 1920×1080, 40 at 4000×3000 (quality 90) and
20 PNGs at 800×600 and 1600×1200. Seeds are fixed, so the same library versions give the same
bytes on every run. ``manifest.json`` records each file's SHA-256 and a fingerprint of the
generator (this file's source, the parameters and the library versions): a rebuild reuses
files whose bytes still match, and regenerates everything when the generator changed.

Run ``python -m bench.corpus [OUT_DIR]``; the default location is ``bench/.cache/corpus``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
import warnings
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np
import numpy.typing as npt
import PIL
from PIL import Image, features

DEFAULT_DIR = Path(__file__).resolve().parent / ".cache" / "corpus"
MANIFEST = "manifest.json"
#: Bump when the output changes for a reason the source hash does not show.
GENERATOR_VERSION = 1
SEED = 20_251_122
JPEG_QUALITY = 90

Format = Literal["JPEG", "PNG"]
UInt8Array = npt.NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class SizeClass:
    """A group of corpus files of one format; ``sizes`` are cycled through by file index."""

    name: str
    format: Format
    sizes: tuple[tuple[int, int], ...]
    count: int


DEFAULT_CLASSES: tuple[SizeClass, ...] = (
    SizeClass("640x480", "JPEG", ((640, 480),), 100),
    SizeClass("1920x1080", "JPEG", ((1920, 1080),), 60),
    SizeClass("4000x3000", "JPEG", ((4000, 3000),), 40),
    SizeClass("png", "PNG", ((800, 600), (1600, 1200)), 20),
)

#: Bundled scikit-image pictures that load offline. ``microaneurysms`` (102 px) and the
#: generated patterns (``checkerboard``, ``binary_blobs``) are left out as too unlike photos.
SOURCES: tuple[str, ...] = (
    "astronaut",
    "camera",
    "coffee",
    "chelsea",
    "rocket",
    "coins",
    "moon",
    "page",
    "text",
    "horse",
    "brick",
    "grass",
    "gravel",
    "hubble_deep_field",
    "immunohistochemistry",
    "retina",
    "logo",
    "cat",
    "clock",
    "colorwheel",
    "cell",
    "motorcycle_left",
    "motorcycle_right",
)


@dataclass(frozen=True, slots=True)
class ImageSpec:
    """Everything that decides one corpus file's bytes."""

    file_name: str
    size_class: str
    format: Format
    width: int
    height: int
    source: str
    #: Crop box in source pixels (left, top, right, bottom), fractional.
    box: tuple[float, float, float, float]
    mirror: bool
    #: (gain, gamma, saturation, r, g, b white balance), or None for no colour change.
    colour: tuple[float, float, float, float, float, float] | None
    noise_sigma: float
    #: Output mode: "RGB", "L" (greyscale source kept grey) or "RGBA" (PNG with alpha).
    mode: str
    #: Seed for the noise field.
    noise_seed: int


@lru_cache(maxsize=len(SOURCES))
def load_source(name: str) -> UInt8Array:
    """One bundled sample picture as uint8, HxW (grey) or HxWx3 (colour)."""
    # Imported here: scikit-image is slow to import and only the generator needs it.
    from skimage import data

    if name in ("motorcycle_left", "motorcycle_right"):
        stereo = cast(Callable[[], tuple[Any, Any, Any]], data.stereo_motorcycle)
        left, right, _ = stereo()
        img = left if name == "motorcycle_left" else right
    else:
        img = getattr(data, name)()
    arr = np.asarray(img)
    if arr.dtype == np.bool_:
        arr = arr.astype(np.uint8) * 255
    if arr.ndim == 3 and arr.shape[2] == 4:
        # Composite over white, as a viewer would show it.
        alpha = arr[:, :, 3:4].astype(np.float32) / 255.0
        arr = arr[:, :, :3].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)
        arr = np.rint(arr)
    return np.ascontiguousarray(arr, dtype=np.uint8)


def _scaled(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return max(8, round(size[0] * scale)), max(8, round(size[1] * scale))


def plan(classes: Sequence[SizeClass] = DEFAULT_CLASSES, *, scale: float = 1.0) -> list[ImageSpec]:
    """The specification of every corpus file, in order. Pure: no image is loaded except
    to learn source sizes."""
    specs: list[ImageSpec] = []
    for class_number, cls in enumerate(classes):
        class_seed = zlib.crc32(cls.name.encode())
        ext = "jpg" if cls.format == "JPEG" else "png"
        for i in range(cls.count):
            rng = np.random.default_rng([SEED, class_seed, i])
            width, height = _scaled(cls.sizes[i % len(cls.sizes)], scale)
            source = SOURCES[(i + 5 * class_number) % len(SOURCES)]
            src_h, src_w = load_source(source).shape[:2]
            # The largest box of the target's aspect ratio, shrunk to 60-100 % of its side.
            aspect = width / height
            crop_w, crop_h = (src_h * aspect, float(src_h))
            if crop_w > src_w:
                crop_w, crop_h = float(src_w), src_w / aspect
            shrink = float(rng.uniform(0.6, 1.0))
            crop_w, crop_h = crop_w * shrink, crop_h * shrink
            left = float(rng.uniform(0.0, src_w - crop_w))
            top = float(rng.uniform(0.0, src_h - crop_h))
            mirror = bool(rng.random() < 0.5)
            colour: tuple[float, float, float, float, float, float] | None = None
            if rng.random() < 0.4:
                gain = float(rng.uniform(0.8, 1.2))
                gamma = float(rng.uniform(0.8, 1.25))
                sat = float(rng.uniform(0.7, 1.3))
                r, g, b = (float(x) for x in rng.uniform(0.92, 1.08, size=3))
                colour = (gain, gamma, sat, r, g, b)
            sigma = float(rng.uniform(2.0, 3.0))
            grey_source = load_source(source).ndim == 2
            if cls.format == "PNG" and i % 10 == 9:
                mode = "RGBA"
            elif grey_source and rng.random() < 0.25:
                mode = "L"
            else:
                mode = "RGB"
            if grey_source and mode != "L" and colour is None:
                # A grey picture saved as colour gets a tint, as old or toned photos have.
                r, g, b = (float(x) for x in rng.uniform(0.85, 1.15, size=3))
                colour = (1.0, 1.0, 1.0, r, g, b)
            specs.append(
                ImageSpec(
                    file_name=f"{cls.name}-{i:03d}.{ext}",
                    size_class=cls.name,
                    format=cls.format,
                    width=width,
                    height=height,
                    source=source,
                    box=(left, top, left + crop_w, top + crop_h),
                    mirror=mirror,
                    colour=colour,
                    noise_sigma=sigma,
                    mode=mode,
                    noise_seed=int(rng.integers(0, 2**63 - 1)),
                )
            )
    return specs


def render(spec: ImageSpec) -> bytes:
    """The file's bytes (JPEG or PNG) for one specification."""
    src = load_source(spec.source)
    if spec.mode != "L" and src.ndim == 2:
        src = np.repeat(src[:, :, None], 3, axis=2)
    im = Image.fromarray(src)
    im = im.resize((spec.width, spec.height), Image.Resampling.LANCZOS, box=spec.box)
    pixels = np.asarray(im, dtype=np.float32)
    if spec.mirror:
        pixels = pixels[:, ::-1]
    if spec.colour is not None:
        gain, gamma, sat, r, g, b = spec.colour
        pixels = 255.0 * np.power(pixels / 255.0, gamma) * gain
        if pixels.ndim == 3:
            pixels = pixels * np.array([r, g, b], dtype=np.float32)
            luma = pixels @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
            pixels = luma[:, :, None] + sat * (pixels - luma[:, :, None])
    rng = np.random.default_rng(spec.noise_seed)
    pixels = pixels + rng.standard_normal(pixels.shape, dtype=np.float32) * spec.noise_sigma
    out = np.clip(np.rint(pixels), 0, 255).astype(np.uint8)
    image = Image.fromarray(out)
    if spec.mode == "RGBA":
        # A soft vignette in the alpha channel: decoders must drop it, not composite it.
        yy, xx = np.mgrid[0 : spec.height, 0 : spec.width].astype(np.float32)
        dist = np.hypot(xx / spec.width - 0.5, yy / spec.height - 0.5)
        alpha = np.clip(255.0 * (1.2 - dist * 1.5), 0, 255).astype(np.uint8)
        image = Image.fromarray(np.dstack([out, alpha]))
    buf = io.BytesIO()
    if spec.format == "JPEG":
        image.save(buf, "JPEG", quality=JPEG_QUALITY)
    else:
        image.save(buf, "PNG")
    return buf.getvalue()


def _generator_fingerprint(classes: Sequence[SizeClass], scale: float) -> dict[str, Any]:
    return {
        "version": GENERATOR_VERSION,
        "source_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "seed": SEED,
        "scale": scale,
        "classes": [
            {"name": c.name, "format": c.format, "sizes": c.sizes, "count": c.count}
            for c in classes
        ],
        "libraries": {
            "numpy": np.__version__,
            "pillow": PIL.__version__,
            "libjpeg_turbo": features.version("libjpeg_turbo"),
            "zlib": features.version("zlib"),
            "scikit-image": metadata.version("scikit-image"),
        },
    }


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        loaded = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of a built corpus (raises FileNotFoundError if there is none)."""
    manifest = _read_manifest(Path(out_dir) / MANIFEST)
    if manifest is None:
        raise FileNotFoundError(f"no readable {MANIFEST} in {out_dir}")
    return manifest


def build_corpus(
    out_dir: str | Path = DEFAULT_DIR,
    *,
    scale: float = 1.0,
    counts: Mapping[str, int] | None = None,
    classes: Sequence[SizeClass] = DEFAULT_CLASSES,
    on_file: Callable[[Path, bool], None] | None = None,
) -> list[Path]:
    """Build (or bring up to date) the corpus in ``out_dir`` and return its files in order.

    ``scale`` multiplies every target size and ``counts`` overrides the number of files per
    size class (by name), for quick small corpora in tests. Files already present with the
    bytes the manifest records are kept; ``on_file(path, generated)`` is called per file.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if counts is not None:
        unknown = set(counts) - {c.name for c in classes}
        if unknown:
            raise ValueError(f"unknown size classes: {sorted(unknown)}")
        classes = [
            SizeClass(c.name, c.format, c.sizes, counts.get(c.name, c.count)) for c in classes
        ]
    # Through JSON and back, so it compares equal to the one read from the manifest.
    generator = json.loads(json.dumps(_generator_fingerprint(classes, scale)))
    old = _read_manifest(out / MANIFEST)
    same_generator = old is not None and old.get("generator") == generator
    old_files: dict[str, Any] = old.get("files", {}) if old is not None and same_generator else {}

    files: dict[str, dict[str, Any]] = {}
    paths: list[Path] = []
    for spec in plan(classes, scale=scale):
        path = out / spec.file_name
        recorded = old_files.get(spec.file_name)
        data: bytes | None = None
        if recorded is not None and path.is_file():
            existing = path.read_bytes()
            if hashlib.sha256(existing).hexdigest() == recorded["sha256"]:
                data = existing
        generated = data is None
        if data is None:
            data = render(spec)
            _write_atomic(path, data)
        digest = hashlib.sha256(data).hexdigest()
        if generated and recorded is not None and recorded["sha256"] != digest:
            warnings.warn(
                f"{spec.file_name}: the same generator produced different bytes than the "
                "manifest records; the corpus is not deterministic here",
                stacklevel=2,
            )
        files[spec.file_name] = {
            "sha256": digest,
            "bytes": len(data),
            "size_class": spec.size_class,
            "format": spec.format,
            "width": spec.width,
            "height": spec.height,
            "mode": spec.mode,
            "source": spec.source,
            "mirror": spec.mirror,
            "colour_changed": spec.colour is not None,
            "noise_sigma": round(spec.noise_sigma, 3),
        }
        paths.append(path)
        if on_file is not None:
            on_file(path, generated)

    if old is not None:
        # Files the previous manifest listed but this corpus no longer has.
        for name in set(old.get("files", {})) - set(files):
            (out / name).unlink(missing_ok=True)
    manifest = {"generator": generator, "files": files}
    _write_atomic(out / MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode())
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus",
        description="Build the deterministic benign image corpus (scikit-image sample "
        "pictures only) used by the benchmarks. Prints a JSON summary on stdout.",
    )
    parser.add_argument(
        "out_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DIR,
        help=f"where to write the files (default: {DEFAULT_DIR})",
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every image size (default 1.0)"
    )
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")

    from rich.console import Console
    from rich.progress import Progress

    total = sum(c.count for c in DEFAULT_CLASSES)
    generated = 0
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("corpus", total=total)

        def on_file(path: Path, made: bool) -> None:
            nonlocal generated
            generated += made
            progress.update(task, advance=1, description=path.name)

        paths = build_corpus(args.out_dir, scale=args.scale, on_file=on_file)
    summary = {
        "out_dir": str(args.out_dir),
        "files": len(paths),
        "generated": generated,
        "reused": len(paths) - generated,
        "bytes": sum(p.stat().st_size for p in paths),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

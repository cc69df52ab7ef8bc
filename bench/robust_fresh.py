"""A fresh held-out set of originals for ``bench/robust``'s rotation figures (issue 13,
seventh round), fixed before any development of the round and not looked at until the
code was frozen.

The photographs of Debian's ``opencv-doc`` examples (``/usr/share/doc/opencv-doc/examples/
data``; none of them is among ``bench.robust``'s 330 originals, which come from
scikit-image and ``../shared/testdata/pdq``), each whole (long side at most 768 px) and its
four corner quarters (half the width and height). Originals of PDQ quality under 50, and
any within 40 bits of another fresh original or of one of the 330 under any rotation or
mirror, are left out, so every fresh original is another picture.

Benign pictures only (fish, fruit, buildings, a painting, toys, a street, a football
player, a squirrel, a butterfly, etc.).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from bench.robust import _bits, _distances, _rgb, originals
from bench.robust_transforms import Pixels
from safeguard.signals.pdq import pdq_from_pixels

OPENCV = Path("/usr/share/doc/opencv-doc/examples/data")
#: The photographs (no logos, charts, calibration boards, drawn shapes or text scans;
#: one picture of each stereo or same-place pair).
FRESH_FILES = (
    "Blender_Suzanne1.jpg", "HappyFish.jpg", "aero1.jpg", "aloeL.jpg", "apple.jpg",
    "baboon.jpg", "basketball1.png", "board.jpg", "box_in_scene.png", "building.jpg",
    "butterfly.jpg", "ela_original.jpg", "fruits.jpg", "graf1.png", "home.jpg", "left.jpg",
    "leuvenA.jpg", "licenseplate_motion.jpg", "messi5.jpg", "orange.jpg", "pca_test1.jpg",
    "rubberwhale1.png", "smarties.png", "squirrel_cls.jpg", "starry_night.jpg", "stuff.jpg",
    "text_defocus.jpg",
)  # fmt: skip
#: Quarters smaller than this (short side, pixels) are not kept.
MIN_TILE = 96


def _derive(name: str, a: Pixels) -> list[tuple[str, Pixels]]:
    """The picture and its four corner quarters."""
    h, w = a.shape[:2]
    out = [(name, a)]
    th, tw = h // 2, w // 2
    if min(th, tw) >= MIN_TILE:
        for i, j in ((0, 0), (0, 1), (1, 0), (1, 1)):
            out.append((f"{name}[q{i}{j}]", a[i * (h - th) :][:th, j * (w - tw) :][:, :tw]))
    return out


def fresh_originals(
    known: list[tuple[str, Pixels, str]] | None = None,
) -> list[tuple[str, Pixels, str]]:
    """(label, RGB pixels, PDQ hex) of each fresh original; ``known``: ``bench.robust``'s
    originals (computed when not given), which no fresh original may repeat."""
    if known is None:
        known = originals(330)
    known_bits = [b for b in _bits([h for _, _, h in known])]
    kept: list[tuple[str, Pixels, str]] = []
    for name in FRESH_FILES:
        path = OPENCV / name
        if not path.exists():
            raise FileNotFoundError(f"{path}: install Debian's opencv-doc")
        with Image.open(path) as img:
            img.thumbnail((768, 768))
            base = _rgb(np.asarray(img.convert("RGB")))
        keep_distinct(_derive(f"opencv:{name}", base), known_bits, kept)
    return kept


def keep_distinct(
    derived: list[tuple[str, Pixels]],
    known_bits: list[np.ndarray],
    kept: list[tuple[str, Pixels, str]],
) -> None:
    """Append to ``kept`` each derived picture of PDQ quality >= 50 that is not within 40
    bits of anything in ``known_bits`` under any turn or mirror (and add it there)."""
    for label, pixels in derived:
        r = pdq_from_pixels(np.ascontiguousarray(pixels))
        if r.quality < 50:
            continue
        flips = _bits([h.hex for h in r.dihedral().values()])
        if (_distances(flips, np.array(known_bits)) <= 40).any():
            continue
        kept.append((label, np.ascontiguousarray(pixels), r.hash.hex))
        known_bits.append(_bits([r.hash.hex])[0])

"""A second fresh held-out set of originals for ``bench/robust``'s rotation figures (issue
13, eighth round), fixed and committed before any development of the round, and not
measured until the code was frozen.

The photographs among Debian's ``plasma-workspace-wallpapers`` (KDE's wallpapers, GPL-2+;
``/usr/share/wallpapers/<Name>/contents/images/2560x1600.jpg``): eleven real photographs
(a jetty, cups, a lake at dusk, boats, leaves, a building's facade, a kite in the sky,
a forest canopy, a forest path, a lake at night); the drawn and rendered wallpapers are
left out. None of them is among ``bench.robust``'s 330 originals (scikit-image and
``../shared/testdata/pdq``) nor among ``bench.robust_fresh``'s (opencv-doc).

Each photograph, reduced to a long side of ``BASE_SIDE``, gives its whole picture, its four
corner quarters and its nine ninths (a 3 x 3 grid), each at most 768 px long. Originals of
PDQ quality under 50, and any within 40 bits of another fresh original, of one of the 330
or of an opencv-doc fresh original under any rotation or mirror, are left out, so every
original is another picture.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from bench.robust import _bits, _rgb, originals
from bench.robust_fresh import fresh_originals, keep_distinct
from bench.robust_transforms import Pixels

WALLPAPERS = Path("/usr/share/wallpapers")
#: The photographs (not the drawn or rendered wallpapers of the package).
PHOTOGRAPHS = (
    "BytheWater", "ColdRipple", "ColorfulCups", "DarkestHour", "EveningGlow", "FallenLeaf",
    "Grey", "Kite", "OneStandsOut", "Path", "summer_1am",
)  # fmt: skip
#: The size each photograph is read at (every one ships it).
IMAGE = "contents/images/2560x1600.jpg"
#: The long side a photograph is reduced to before it is cut.
BASE_SIDE = 1536
#: Each original's long side at most.
MAX_SIDE = 768


def _fit(a: Pixels) -> Pixels:
    img = Image.fromarray(a)
    img.thumbnail((MAX_SIDE, MAX_SIDE))
    return np.ascontiguousarray(np.asarray(img))


def _derive(name: str, a: Pixels) -> list[tuple[str, Pixels]]:
    """The picture, its four corner quarters and its nine ninths."""
    h, w = a.shape[:2]
    out = [(name, _fit(a))]
    for i in range(2):
        for j in range(2):
            tile = a[i * (h - h // 2) :][: h // 2, j * (w - w // 2) :][:, : w // 2]
            out.append((f"{name}[q{i}{j}]", _fit(tile)))
    for i in range(3):
        for j in range(3):
            tile = a[i * h // 3 : (i + 1) * h // 3, j * w // 3 : (j + 1) * w // 3]
            out.append((f"{name}[n{i}{j}]", _fit(tile)))
    return out


def fresh2_originals(
    known: list[tuple[str, Pixels, str]] | None = None,
    fresh: list[tuple[str, Pixels, str]] | None = None,
) -> list[tuple[str, Pixels, str]]:
    """(label, RGB pixels, PDQ hex) of each original of this set; ``known``:
    ``bench.robust``'s originals, ``fresh``: ``bench.robust_fresh``'s (computed when not
    given), which no original of this set may repeat."""
    if known is None:
        known = originals(330)
    if fresh is None:
        fresh = fresh_originals(known)
    known_bits = [b for b in _bits([h for _, _, h in known + fresh])]
    kept: list[tuple[str, Pixels, str]] = []
    for name in PHOTOGRAPHS:
        path = WALLPAPERS / name / IMAGE
        if not path.exists():
            raise FileNotFoundError(f"{path}: install Debian's plasma-workspace-wallpapers")
        with Image.open(path) as img:
            img.thumbnail((BASE_SIDE, BASE_SIDE))
            base = _rgb(np.asarray(img.convert("RGB")))
        keep_distinct(_derive(f"kde:{name}", base), known_bits, kept)
    return kept

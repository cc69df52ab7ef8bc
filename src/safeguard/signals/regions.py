"""Bank-side region signals: the PDQ of a fixed set of crops of a picture, stored beside its
whole-picture hash when an entry is added from the media itself, so a cropped copy (whose
own PDQ is far from the whole picture's) still lands within the radius of one region.

A region is named by a short key and given as fractions of the picture (top, bottom, left,
right; half-open). The set is fixed (``REGIONS``) so every entry carries the same regions
and a match names the one that found it (``region:<key>``):

- ``c90``, ``c80``, ``c70``: centre crops keeping 90/80/70 % of each side (a copy cropped
  by 5/10/15 % on every side);
- ``tl75``, ``tr75``, ``bl75``, ``br75``: the four corner crops keeping 75 % of each side
  (a copy cropped mostly from two sides);
- ``t85``, ``b85``, ``l85``, ``r85``: one side cut by 15 % (a copy cropped from one side).

Pure functions; the store and the matcher decide what to do with the hashes.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from safeguard.signals.pdq import PdqHash, pdq_from_pixels

#: The ``signal_type`` of a region row in a bank (not a signal type a query carries: a
#: query's PDQ is searched against whole-picture and region hashes alike).
REGION_SIGNAL = "pdq_region"

#: key -> (top, bottom, left, right) as fractions of the height and width.
REGIONS: dict[str, tuple[float, float, float, float]] = {
    "c90": (0.05, 0.95, 0.05, 0.95),
    "c80": (0.10, 0.90, 0.10, 0.90),
    "c70": (0.15, 0.85, 0.15, 0.85),
    "tl75": (0.0, 0.75, 0.0, 0.75),
    "tr75": (0.0, 0.75, 0.25, 1.0),
    "bl75": (0.25, 1.0, 0.0, 0.75),
    "br75": (0.25, 1.0, 0.25, 1.0),
    "t85": (0.15, 1.0, 0.0, 1.0),
    "b85": (0.0, 0.85, 0.0, 1.0),
    "l85": (0.0, 1.0, 0.15, 1.0),
    "r85": (0.0, 1.0, 0.0, 0.85),
}
#: Regions whose PDQ quality is below this are not stored (a flat corner matches anything
#: flat); the whole-picture hash of such an entry still is. 20, the floor of a derived
#: query (``variants.MIN_QUALITY``), since issue 13's fourth round (was 50): on
#: ``bench/robust`` the 60 region rows of quality 20-49 (1.7 % of rows) brought no wrong
#: pair within 31 bits over 9,570 queries (nearest 68 bits) and took crop 10 % + JPEG 75
#: from 83.3 to 85.2 % by hash (development data).
MIN_REGION_QUALITY = 20
#: A region smaller than this on a side is not hashed (PDQ needs some pixels).
MIN_REGION_SIDE = 48
#: Pictures whose short side is longer are reduced to it first (area filter): eleven
#: full-size PDQs of a 12 MP photo cost seconds, and PDQ loses nothing above ~512 px.
REGION_WORKING_SIDE = 1024


@dataclass(frozen=True, slots=True)
class RegionHash:
    """The PDQ of one named region of a picture."""

    region: str
    hash: PdqHash
    quality: int

    def to_json(self) -> dict[str, object]:
        return {"region": self.region, "pdq": self.hash.hex, "quality": self.quality}


def region_box(
    height: int, width: int, fractions: tuple[float, float, float, float]
) -> tuple[int, int, int, int]:
    """Pixel bounds (top, bottom, left, right; half-open) of a region of an h x w picture."""
    t, b, left, r = fractions
    return (round(t * height), round(b * height), round(left * width), round(r * width))


def pdq_regions(
    pixels: npt.NDArray[np.generic], keys: tuple[str, ...] | None = None
) -> list[RegionHash]:
    """PDQ of each region (all of ``REGIONS`` by default) worth storing: big enough and of
    quality at least ``MIN_REGION_QUALITY``."""
    h, w = pixels.shape[:2]
    if min(h, w) > REGION_WORKING_SIDE:
        scale = REGION_WORKING_SIDE / min(h, w)
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        arr = pixels if pixels.dtype == np.uint8 else np.clip(pixels, 0, 255).astype(np.uint8)
        pixels = np.asarray(
            cv2.resize(np.ascontiguousarray(arr), size, interpolation=cv2.INTER_AREA)
        )
        h, w = pixels.shape[:2]
    out: list[RegionHash] = []
    for key in keys or tuple(REGIONS):
        top, bottom, left, right = region_box(h, w, REGIONS[key])
        if min(bottom - top, right - left) < MIN_REGION_SIDE:
            continue
        r = pdq_from_pixels(np.ascontiguousarray(pixels[top:bottom, left:right]))
        if r.quality >= MIN_REGION_QUALITY:
            out.append(RegionHash(key, r.hash, r.quality))
    return out

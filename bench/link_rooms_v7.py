"""Generator v7 of ``bench/link.py``: benign places as investigators meet them, held out.

Written blind, like v6: its author read only the brief of issue 14 (``issues show 14``), the
first page of the project's DESIGN.md and STYLE.md, ``docs/architecture.md``,
``bench/link_rooms_v6.py`` (for the interface, the truth format and what v6 covers; its
3-D renderer is reused from there) and, in ``bench/link.py``, only the generator plumbing
(``GENERATORS``, the ``views_*`` signatures, ``make_collection``'s writer, the argument
parser). Nothing of the linker's code, tests, docs or results was read, and the linker
was never run on these pictures; use it once, for a held-out figure. (After the generator
was written and tested, its author read the top of ``CHANGELOG.md`` to add its entry;
the linking entry there describes a test against objects shared between places. Nothing
was changed in the generator after that.)

Run with ``--generator v7 --no-real`` (``--no-real`` because some posters here are
scikit-image sample pictures, which the real part of ``bench/link.py`` may hold as places
of their own). To look at the pictures and the truth without linking anything:
``PYTHONPATH=src .venv/bin/python -m bench.link_rooms_v7 --rooms 12 --out /tmp/v7``.

**What a place is.** Each seed is one place, built in 3-D from textured planes (walls,
floor, ceiling or sky, steps) and freestanding cut-outs (furniture), rendered by v6's
pinhole renderer. A place has *fixed* parts (walls, windows, built-in fittings, what is
painted or hung on the walls) and *movable* parts (furniture positions, bedding, the things
lying about), and it has an *outside* (what its windows, windscreen or sky show) that
depends on the season and the time of day. Two pictures show the same place exactly when
they come from the same seed; everything else in the truth is a different place.

**Kinds of place** (none is in v1-v6): classroom, gym, stairwell (real steps and a
handrail), shop interior (aisles of shelves), garden (fences, hedge, lawn and path, sky),
vehicle interior (seen from the back seat: front seats, dashboard, windscreen, side
windows), bedroom, living room and office, and chain hotel rooms.

**What is new compared with v1-v6:**

- *Re-dressed rooms.* The ``redressed`` view shows the same place after the furniture was
  moved (every movable piece at a new position, some left out), the bedding changed (new
  pattern and colours), other things lying about, and other daylight. Fixed parts stay.
- *Big foreground occluders.* The ``occluded`` view has a defocused near object (a door
  edge, a curtain, foliage, a box or the back of a chair) covering 37-61 % of the frame
  (measured on 400 draws at each of 4 sizes; the tests check 35-65 %).
- *Wide-angle lens distortion.* ``wide``: horizontal field of view 95-112 degrees with
  barrel distortion (k1 0.12-0.25), as a phone's ultra-wide camera gives.
- *A picture of a screen showing the picture.* ``screen``: the original shown on a
  monitor (RGB sub-pixel stripes resampled without filtering, so moiré appears), seen at
  an angle inside a dark bezel with the monitor's own colour, a glare spot and a window's
  reflection.
- *Heavy crops.* ``crop``: 16-36 % of the area of a nearby view, where a person would
  crop (of 6 random windows, the one with the most edges, so not a bare wall), half of
  them scaled up to full width.
- *Very low resolution.* ``tiny``: 160 px wide with a strong white-balance cast.
- *Video frames.* ``frame``: 16:9, camera-pan motion blur (7-17 px), 0.8 of the size,
  JPEG 35-50 with 4:2:0 chroma, and a camera's on-screen date and time (the same font and
  layout in every place: a realistic shared element of different places).
- *Season and time of day through the windows.* ``season``: the outside changes (summer or
  autumn in the original; winter, dusk or night in this view) and the light inside with it
  (lamp light at night and dusk, cold light in winter).
- *Colour casts and white balance* in most views (per-channel gains 0.75-1.25).
- *Real textures.* scikit-image sample pictures (brick, grass, gravel, coffee, chelsea,
  rocket, coins, moon, hubble_deep_field, colorwheel, immunohistochemistry, page, text)
  as posters, packaging, brick walls, lawns and paths. No picture of a person is used.
- *Different places that share a lot.* Furniture comes mostly from one catalogue (seeds
  from 32,000,000): 2 school desk and chair designs, 2 wardrobes, 2 beds, 2 sofas,
  2 bookcases, 2 sets of car seats and dashboards, 2 shelf units, 8 product packages,
  8 posters, wall bars, a basketball board, 2 scoreboards, a fire-exit sign, an alphabet
  strip, a garden bench and a shed; two classrooms with the same desks and posters differ
  in their walls, board, windows and layout.
- *Chain hotel rooms* (6 % of seeds: ``seed % 50`` in {7, 19, 33}, three rooms of one of
  4 templates in every 50 seeds): the same box, walls, furniture, print, bedding and lamp;
  they differ only in the door's number plate, the view out of the window, whether the bed
  is made, and the things lying about. **They are different places** (different labels):
  a link between two rooms of a chain is a wrong link. Kept to 6 % so the task stays fair.

**Pictures per place: 9** (the original and 8 views): ``original`` (PNG), ``redressed``
(JPEG 85), ``occluded`` (JPEG 80), ``wide`` (JPEG 85), ``screen`` (JPEG 80), ``crop``
(JPEG 80), ``tiny`` (160 px wide, JPEG 70), ``frame`` (16:9, JPEG 35-50), ``season``
(JPEG 85). All views but ``screen`` are taken from other camera positions (moved up to
0.6 m and turned up to 18 degrees in rooms; less in vehicles and stairwells).

**Proportions** (of seeds). Drawn with these shares: chain hotel rooms 6 % (exactly 3 in
every 50 seeds); of the others classroom 16 %, gym 10 %, stairwell 10 %, shop 12 %,
garden 12 %, vehicle 10 %, bedroom 14 %, living room 10 %, office 6 %. Counted on seeds
0-999 (``kind_counts``): hotel 60, classroom 151, gym 112, stairwell 103, shop 101,
garden 112, vehicle 70, bedroom 140, living room 77, office 74 (the tests check each
share of the 940 within ±4 points). The first 60 seeds (a default ``--rooms 60`` run):
classroom 11, garden 10, bedroom 8, living 8, stairwell 6, office 5, hotel 4 (seeds 7,
19, 33 of one chain and 57 of another), vehicle 3, shop 3, gym 2. Original outside:
summer 60 %, autumn 40 % (183 and 117 on seeds 0-299); the ``season`` view: winter,
dusk or night, a third each. Occluders: door edge, curtain, foliage, box, chair back, a
fifth each.

**Speed**: 0.42 s of CPU a place (9 pictures of 400x300; 0.86 s wall) against v6's
0.27 s (0.55 s wall) in the same run (seeds 200-224 and 300-324 of each), at load
average 15-16 on the shared 2-core machine: 1.55x v6's CPU time.

**Seeds**: a place from ``default_rng(30_000_000 + seed)``; a chain template from
``31_000_000 + template``; the catalogue from ``32_000_000`` plus an offset per object;
the views from ``33_000_000 + seed`` (the ``seed`` ``make_collection`` passes to the
views); a place's second dressing from ``34_000_000 + seed``. Everything is deterministic
by seed. Pictures not made by ``room_v7`` (the real pictures of ``bench/link.py`` when
run without ``--no-real``) are hung as a flat print 2 m wide on a grey wall and
re-photographed the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.link_rooms_v6 import (
    RES,
    Camera,
    Place,
    Plane,
    _Box,
    _box_planes,
    _c,
    _fit,
    _jpeg,
    _look_at,
    _paste,
    _prop,
    _rgba,
    _sensor,
    _surface,
    _write,
    dry_run,
    render,
    write_pictures,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator

PLACE_SEED = 30_000_000
CHAIN_SEED = 31_000_000
CATALOGUE_SEED = 32_000_000
VIEW_SEED = 33_000_000
DRESS_SEED = 34_000_000
CHAIN_BLOCK = 50
CHAIN_SLOTS = (7, 19, 33)
CHAIN_TEMPLATES = 4
VIEW_KINDS = ("redressed", "occluded", "wide", "screen", "crop", "tiny", "frame", "season")
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
JPEG_START = b"\xff\xd8"
TINY_WIDTH = 160
KINDS = (
    ("classroom", 0.16),
    ("gym", 0.10),
    ("stairwell", 0.10),
    ("shop", 0.12),
    ("garden", 0.12),
    ("vehicle", 0.10),
    ("bedroom", 0.14),
    ("living", 0.10),
    ("office", 0.06),
)
ORIGINAL_OUTSIDE = ("summer", "autumn")
SEASON_OUTSIDE = ("winter", "dusk", "night")
OCCLUDERS = ("door", "curtain", "foliage", "box", "chair")
WORDS_V7 = ("maths", "reading", "week 3", "homework", "quiet please", "room 12", "project")


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


# --- scikit-image sample pictures (shipped with the package, no download) -----------------

SAMPLES = (
    "brick",
    "grass",
    "gravel",
    "coffee",
    "chelsea",
    "rocket",
    "coins",
    "moon",
    "hubble_deep_field",
    "colorwheel",
    "immunohistochemistry",
    "page",
    "text",
)


@cache
def sample(name: str) -> U8:
    """A scikit-image sample picture as RGB uint8 (grey ones repeated over 3 channels)."""
    import skimage.data

    img = np.asarray(getattr(skimage.data, name)())
    if img.dtype != np.uint8:
        img = (255 * (img.astype(np.float64) / max(float(img.max()), 1e-9))).astype(np.uint8)
    if img.ndim == 2:
        img = np.dstack([img] * 3)
    return np.ascontiguousarray(img[:, :, :3])


def _tinted(img: U8, colour: tuple[int, int, int], strength: float) -> U8:
    """A grey sample picture coloured like a material (brick red, grass green)."""
    grey = img.astype(np.float32).mean(axis=2, keepdims=True) / 255.0
    out = grey * np.array(colour, np.float32) * (1 + strength) + (1 - strength) * grey * 128
    return np.asarray(np.clip(out, 0, 255), np.uint8)


def _texture(name: str, w: int, h: int, colour: tuple[int, int, int] | None = None) -> U8:
    """A sample picture tiled over ``w`` x ``h`` (brick, grass, gravel), tinted."""
    tile = sample(name)
    reps = (h // tile.shape[0] + 1, w // tile.shape[1] + 1, 1)
    img = np.ascontiguousarray(np.tile(tile, reps)[:h, :w])
    return _tinted(img, colour, 0.6) if colour is not None else img


# --- the catalogue: identical wherever it appears -------------------------------------------


def _cat(item: str, index: int) -> Rng:
    return np.random.default_rng(CATALOGUE_SEED + 1000 * sum(map(ord, item)) + index)


POSTERS = (
    ("rocket", "SPACE"),
    ("hubble_deep_field", "STARS"),
    ("moon", "THE MOON"),
    ("colorwheel", "COLOURS"),
    ("coins", "MONEY"),
    ("chelsea", "PETS"),
    ("coffee", "CAFE"),
    ("immunohistochemistry", "CELLS"),
)


def poster(index: int) -> U8:
    """One of 8 printed posters (0.5 x 0.7 m): a sample picture above a caption band."""
    rng = _cat("poster", index)
    name, caption = POSTERS[index]
    w, h = int(0.5 * RES), int(0.7 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 200, 256)
    img[6 : h - 34, 6 : w - 6] = _fit(sample(name), w - 12, h - 40)
    img[h - 30 :] = _c(rng, 0, 90)
    _write(img, caption, (8, h - 9), 0.55, (250, 250, 250), 1)
    return img


def package(index: int) -> U8:
    """One of 8 product packages (0.18 x 0.26 m front): a picture window and a brand."""
    rng = _cat("package", index)
    w, h = int(0.18 * RES), int(0.26 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 20, 240)
    img[: h // 5] = _c(rng)
    name = ("coffee", "grass", "gravel", "coins", "chelsea", "page", "colorwheel", "rocket")[index]
    img[h // 4 : h * 3 // 4, 4 : w - 4] = _fit(sample(name), w - 8, h * 3 // 4 - h // 4)
    brand = ("ROAST", "FIELD", "STONE", "PENNY", "PURR", "PRESS", "HUE", "ZOOM")[index]
    _write(img, brand, (2, h // 6), 0.28, (255, 255, 255), 1)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (15, 15, 15), 1)
    return img


def school_desk(index: int) -> U8:
    """One of 2 school desks with a chair behind it (RGBA cut-out, 0.7 x 0.8 m)."""
    rng = _cat("desk", index)
    w, h = int(0.7 * RES), int(0.8 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    seat = (*_c(rng, 30, 230), 255)
    top = (*_c(rng, 150, 230), 255)
    frame = (*_c(rng, 20, 90), 255)
    cv2.rectangle(img, (w // 4, 0), (3 * w // 4, h // 3), seat, -1)  # chair back
    cv2.rectangle(img, (w // 4 + 6, 6), (3 * w // 4 - 6, h // 3 - 6), frame, 2)
    cv2.rectangle(img, (0, h // 3), (w - 1, h // 3 + 12), top, -1)  # desk top
    cv2.rectangle(img, (4, h // 3 + 12), (w - 5, h // 2 + 10), (*top[:3], 255), 2)
    for x in (6, w - 12):
        cv2.rectangle(img, (x, h // 3 + 12), (x + 6, h - 1), frame, -1)
    if index == 1:
        cv2.rectangle(img, (w // 3, h // 3 + 16), (2 * w // 3, h // 2 + 4), frame, -1)
    return img


def wardrobe(index: int) -> U8:
    rng = _cat("wardrobe", index)
    w, h = int(1.0 * RES), int(1.9 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    img[:] = (*_c(rng, 90, 240), 255)
    doors = 2 + index
    for d in range(doors):
        x0 = d * w // doors
        cv2.rectangle(img, (x0 + 4, 6), (x0 + w // doors - 4, h - 30), (40, 40, 40, 255), 2)
        cv2.line(
            img,
            (x0 + w // doors - 14, h // 2 - 20),
            (x0 + w // doors - 14, h // 2 + 20),
            (180, 180, 180, 255),
            4,
        )
    img[h - 24 :] = (*_c(rng, 20, 80), 255)
    return img


def bed(index: int, bedding: Rng, made: bool = True) -> U8:
    """One of 2 bed frames (catalogue) dressed with bedding drawn from ``bedding``."""
    rng = _cat("bed", index)
    w, h = int(1.7 * RES), int(1.05 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    wood = (*_c(rng, 40, 180), 255)
    cv2.rectangle(img, (0, 0), (w - 1, h // 2), wood, -1)  # headboard
    if index == 1:
        for x in range(12, w - 12, 28):
            cv2.line(img, (x, 10), (x, h // 2 - 6), (*_c(rng, 20, 60), 255), 5)
    cover = np.empty((h - h // 2 - 14, w - 8, 3), np.uint8)
    cover[:] = _c(bedding, 40, 250)
    pattern = int(bedding.integers(0, 4))
    second = _c(bedding)
    ch, cw = cover.shape[:2]
    step = int(bedding.integers(10, 26))
    if pattern == 0:  # stripes
        for x in range(0, cw, step * 2):
            cover[:, x : x + step] = second
    elif pattern == 1:  # checks
        for y in range(0, ch, step * 2):
            cover[y : y + step] = (cover[y : y + step] * 0.6 + np.array(second) * 0.4).astype(
                np.uint8
            )
        for x in range(0, cw, step * 2):
            cover[:, x : x + step] = (cover[:, x : x + step] * 0.6 + np.array(second) * 0.4).astype(
                np.uint8
            )
    elif pattern == 2:  # dots and flowers
        for _ in range(40):
            p = (int(bedding.integers(0, cw)), int(bedding.integers(0, ch)))
            cv2.circle(cover, p, int(bedding.integers(3, 9)), second, -1)
    else:  # a printed texture
        name = ("grass", "gravel", "coins", "brick")[int(bedding.integers(0, 4))]
        cover = _tinted(_fit(sample(name), cw, ch), _c(bedding, 60, 250), 0.5)
    if not made:  # a rumpled, half-turned-back cover
        cover = np.ascontiguousarray(cover[:, ::-1])
        cv2.rectangle(cover, (0, 0), (cw - 1, ch // 3), (240, 240, 236), -1)
        for _ in range(6):
            x = int(bedding.integers(0, cw))
            cv2.line(cover, (x, 0), (x + int(bedding.integers(-40, 40)), ch), (90, 90, 90), 1)
    img[h // 2 + 10 : h - 4, 4 : w - 4, :3] = cover
    img[h // 2 + 10 : h - 4, 4 : w - 4, 3] = 255
    for px in (w // 4, 3 * w // 4):
        cv2.ellipse(
            img, (px, h // 2 + 6), (w // 7, 18), 0, 0, 360, (*_c(bedding, 200, 256), 255), -1
        )
    return img


def sofa(index: int) -> U8:
    rng = _cat("sofa", index)
    w, h = int(2.0 * RES), int(0.85 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    col = (*_c(rng, 30, 210), 255)
    cv2.rectangle(img, (0, 10), (w - 1, h - 20), col, -1)
    for i in range(2 + index):
        x0 = 24 + i * (w - 48) // (2 + index)
        cv2.rectangle(
            img,
            (x0, h // 2),
            (x0 + (w - 48) // (2 + index) - 4, h - 26),
            (*_c(rng, 20, 230), 255),
            3,
        )
    cv2.rectangle(img, (0, 0), (26, h - 1), col, -1)
    cv2.rectangle(img, (w - 27, 0), (w - 1, h - 1), col, -1)
    return img


def bookcase(index: int, books: Rng) -> U8:
    """One of 2 bookcases (catalogue) with this place's own books."""
    rng = _cat("bookcase", index)
    w, h = int((0.8 + 0.4 * index) * RES), int(1.8 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    img[:] = (*_c(rng, 60, 240), 255)
    shelves = 5
    for s in range(shelves):
        y1 = (s + 1) * h // shelves - 8
        y0 = s * h // shelves + 8
        img[y0:y1, 8 : w - 8, :3] = (40, 35, 30)
        x = 10
        while x < w - 20 and books.random() < 0.93:
            bw = int(books.integers(5, 14))
            bh = int(books.integers((y1 - y0) // 2, y1 - y0 - 2))
            cv2.rectangle(img, (x, y1 - bh), (x + bw, y1 - 1), (*_c(books, 20, 240), 255), -1)
            x += bw + 1
    return img


def car_seats(index: int) -> U8:
    """One of 2 car models' front seats seen from behind (RGBA, 1.5 x 0.85 m)."""
    rng = _cat("seats", index)
    w, h = int(1.5 * RES), int(0.85 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    fabric = _c(rng, 20, 120)
    for cx in (w // 4, 3 * w // 4):
        back = np.array(
            [[cx - 100, h - 1], [cx - 90, 60], [cx + 90, 60], [cx + 100, h - 1]], np.int32
        )
        cv2.fillPoly(img, [back], (*fabric, 255))
        cv2.rectangle(img, (cx - 45, 0), (cx + 45, 50), (*fabric, 255), -1)  # head rest
        cv2.line(img, (cx - 25, 50), (cx - 25, 62), (150, 150, 150, 255), 3)
        cv2.line(img, (cx + 25, 50), (cx + 25, 62), (150, 150, 150, 255), 3)
        for y in range(90, h - 10, 22 if index else 34):
            cv2.line(img, (cx - 80, y), (cx + 80, y), (*_c(rng, 0, 60), 255), 2)
        if index == 1:
            cv2.rectangle(
                img, (cx - 60, h // 2), (cx + 60, h // 2 + 70), (*_c(rng, 30, 90), 255), -1
            )  # seat-back pocket
    return img


def dashboard(index: int, w: int, h: int) -> U8:
    rng = _cat("dash", index)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 15, 70)
    cx = w // 3 if index == 0 else w // 4
    cv2.ellipse(img, (cx, h // 3), (70, 40), 0, 180, 360, (5, 5, 5), -1)  # instrument hood
    for dx in (-30, 30):
        cv2.circle(img, (cx + dx, h // 3 + 10), 24, (200, 200, 200), 2)
        cv2.line(img, (cx + dx, h // 3 + 10), (cx + dx + 14, h // 3), (250, 80, 40), 2)
    cv2.rectangle(img, (w // 2 - 50, h // 4), (w // 2 + 50, h // 4 + 60), (10, 10, 10), -1)
    _write(img, ("AUTO", "ECO")[index], (w // 2 - 30, h // 4 + 38), 0.6, (80, 200, 250), 1)
    for x in range(w // 2 - 46, w // 2 + 50, 24):
        cv2.rectangle(img, (x, h // 4 + 70), (x + 18, h // 4 + 84), (60, 60, 60), -1)
    cv2.circle(img, (cx, h // 3 + 70), 75, (25, 25, 25), 14)  # steering wheel
    return img


def shelf_unit(index: int, stock: Rng) -> U8:
    """One of 2 shop shelf units (1.6 x 1.8 m) stocked from the 8 packages."""
    rng = _cat("shelf", index)
    w, h = int(1.6 * RES), int(1.8 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    img[:] = (*_c(rng, 150, 250), 255)
    rows = 4 + index
    for r in range(rows):
        y1 = (r + 1) * h // rows - 6
        img[y1 : y1 + 6, :, :3] = _c(rng, 40, 120)
        p = package(int(stock.integers(0, 8)))
        x = 6
        while x + p.shape[1] < w - 6:
            ph = min(p.shape[0], y1 - r * h // rows - 4)
            img[y1 - ph : y1, x : x + p.shape[1], :3] = p[-ph:]
            x += p.shape[1] + 2
            if stock.random() < 0.25:
                p = package(int(stock.integers(0, 8)))
        tag = _c(stock, 200, 256)
        cv2.rectangle(img, (w // 3, y1), (w // 3 + 30, y1 + 6), (*tag, 255), -1)
    return img


def wall_bars(w: int, h: int) -> U8:
    rng = _cat("bars", 0)
    img = np.zeros((h, w, 4), np.uint8)
    wood = (*_c(rng, 150, 220), 255)
    for x in range(0, w, w // 4):
        cv2.rectangle(img, (x, 0), (x + 10, h - 1), wood, -1)
        for y in range(10, h, 28):
            cv2.line(img, (x + 10, y), (x + w // 4 - 2, y), wood, 5)
    return img


def backboard() -> U8:
    img = np.full((int(0.9 * RES), int(1.2 * RES), 3), 245, np.uint8)
    h, w = img.shape[:2]
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (200, 40, 20), 6)
    cv2.rectangle(img, (w // 3, h // 3), (2 * w // 3, 3 * h // 4), (200, 40, 20), 4)
    cv2.ellipse(img, (w // 2, 3 * h // 4 + 10), (32, 8), 0, 0, 360, (240, 110, 20), 4)
    return img


def scoreboard(index: int, score: Rng) -> U8:
    img = np.zeros((int(0.6 * RES), int(1.4 * RES), 3), np.uint8)
    h, w = img.shape[:2]
    img[:] = ((15, 15, 40), (40, 15, 15))[index]
    _write(img, "HOME", (20, 35), 0.7, (250, 250, 250), 1)
    _write(img, "GUEST", (w - 110, 35), 0.7, (250, 250, 250), 1)
    for x, n in ((30, score.integers(0, 99)), (w - 100, score.integers(0, 99))):
        _write(
            img, f"{int(n):02d}", (x, h - 25), 1.6, (250, 60, 40) if index else (250, 200, 40), 3
        )
    return img


def exit_sign() -> U8:
    img = np.empty((int(0.18 * RES), int(0.4 * RES), 3), np.uint8)
    img[:] = (20, 150, 70)
    h, w = img.shape[:2]
    _write(img, "EXIT", (w // 2 - 6, h - 12), 0.6, (250, 250, 250), 2)
    cv2.rectangle(img, (6, 6), (w // 2 - 14, h - 7), (250, 250, 250), -1)
    cv2.arrowedLine(img, (10, h // 2), (w // 2 - 18, h // 2), (20, 150, 70), 3, tipLength=0.4)
    return img


def alphabet_strip(w: int) -> U8:
    rng = _cat("alphabet", 0)
    h = int(0.22 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = 250
    cell = 34
    for i, ch in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3):
        x = i * cell
        if x >= w:
            break
        cv2.rectangle(img, (x, 0), (x + cell - 2, h - 1), _c(rng, 60, 230), -1)
        _write(img, ch + ch.lower(), (x + 3, h - 12), 0.5, (255, 255, 255), 1)
    return img


def bench_and_shed(which: str) -> U8:
    rng = _cat(which, 0)
    if which == "bench":
        w, h = int(1.5 * RES), int(0.85 * RES)
        img = np.zeros((h, w, 4), np.uint8)
        wood = (*_c(rng, 90, 190), 255)
        for y in range(0, h // 2, 22):
            cv2.rectangle(img, (0, y), (w - 1, y + 14), wood, -1)
        cv2.rectangle(img, (0, h // 2 + 10), (w - 1, h // 2 + 30), wood, -1)
        for x in (10, w - 30):
            cv2.rectangle(img, (x, h // 2), (x + 18, h - 1), (40, 40, 40, 255), -1)
        return img
    w, h = int(2.2 * RES), int(2.3 * RES)
    img = np.zeros((h, w, 4), np.uint8)
    col = (*_c(rng, 60, 160), 255)
    cv2.fillPoly(
        img, [np.array([[0, h // 4], [w // 2, 0], [w - 1, h // 4]], np.int32)], (50, 50, 50, 255)
    )
    cv2.rectangle(img, (0, h // 4), (w - 1, h - 1), col, -1)
    for x in range(0, w, 16):
        cv2.line(img, (x, h // 4), (x, h - 1), (*_c(rng, 20, 60), 255), 1)
    cv2.rectangle(img, (w // 3, h // 2 - 20), (2 * w // 3, h - 1), (*_c(rng, 20, 90), 255), -1)
    cv2.rectangle(img, (w * 3 // 4, h // 3), (w - 20, h // 2), (180, 200, 220, 255), -1)
    return img


# --- the outside: the same place in other seasons and at other times ----------------------


def outside(seed: int, condition: str, w: int, h: int, kind: str = "land") -> U8:
    """What a place's windows show: hills, trees and houses (or a road for vehicles) drawn
    from ``seed`` (so the geometry is the same in every condition), coloured for
    ``condition`` (summer, autumn, winter, dusk, night)."""
    rng = np.random.default_rng(seed)
    sky = {
        "summer": ((90, 150, 230), (190, 220, 250)),
        "autumn": ((140, 160, 190), (210, 210, 215)),
        "winter": ((175, 185, 200), (225, 230, 235)),
        "dusk": ((60, 50, 110), (250, 150, 80)),
        "night": ((5, 8, 25), (20, 25, 50)),
    }[condition]
    ground = {
        "summer": (70, 140, 60),
        "autumn": (120, 110, 50),
        "winter": (235, 238, 242),
        "dusk": (50, 50, 45),
        "night": (12, 14, 18),
    }[condition]
    foliage = {
        "summer": (40, 110, 40),
        "autumn": (200, 110, 30),
        "winter": None,
        "dusk": (30, 40, 30),
        "night": (8, 12, 10),
    }[condition]
    img = np.empty((h, w, 3), np.uint8)
    t = np.linspace(0, 1, h)[:, None, None]
    img[:] = (np.array(sky[0]) * (1 - t) + np.array(sky[1]) * t).astype(np.uint8)
    horizon = int(h * rng.uniform(0.45, 0.65))
    if kind == "road":
        cv2.fillPoly(
            img, [np.array([[0, h], [w, h], [w, horizon], [0, horizon]], np.int32)], ground
        )
        road = (60, 60, 65) if condition not in ("night",) else (15, 15, 18)
        cv2.fillPoly(
            img,
            [
                np.array(
                    [[w // 4, h], [3 * w // 4, h], [w // 2 + 8, horizon], [w // 2 - 8, horizon]],
                    np.int32,
                )
            ],
            road,
        )
        for i in range(6):
            y = horizon + int((h - horizon) * (i / 6) ** 1.5)
            cv2.line(img, (w // 2, y), (w // 2, y + 4 + i * 3), (230, 230, 200), 1 + i // 2)
    else:
        pts = [(0, horizon)] + [
            (x, horizon - int(rng.integers(0, h // 6))) for x in range(0, w + 40, 40)
        ]
        cv2.fillPoly(img, [np.array([*pts, (w, h), (0, h)], np.int32)], ground)
    for _ in range(int(rng.integers(3, 8))):  # houses
        hx, hw = int(rng.integers(0, w)), int(rng.integers(w // 16, w // 7))
        hh = int(rng.integers(h // 10, h // 4))
        wall = _c(rng, 90, 220)
        if condition == "night":
            wall = tuple(v // 6 for v in wall)  # type: ignore[assignment]
        elif condition == "dusk":
            wall = tuple(v // 2 for v in wall)  # type: ignore[assignment]
        top = horizon - hh // 2
        cv2.rectangle(img, (hx, top), (hx + hw, top + hh), wall, -1)
        roof = (40, 30, 30) if condition != "winter" else (240, 240, 245)
        cv2.fillPoly(
            img,
            [
                np.array(
                    [[hx - 4, top], [hx + hw // 2, top - hh // 3], [hx + hw + 4, top]], np.int32
                )
            ],
            roof,
        )
        for wy in range(top + 5, top + hh - 8, 14):
            for wx in range(hx + 4, hx + hw - 8, 12):
                lit = condition in ("night", "dusk") and rng.random() < 0.6
                col = (250, 220, 120) if lit else (60, 70, 90)
                img[wy : wy + 7, wx : wx + 6] = col
    for _ in range(int(rng.integers(4, 10))):  # trees
        tx, ty = int(rng.integers(0, w)), horizon + int(rng.integers(-h // 10, h // 5))
        th = int(rng.integers(h // 8, h // 3))
        trunk = (60, 40, 25) if condition != "night" else (10, 8, 6)
        cv2.line(img, (tx, ty), (tx, ty - th), trunk, max(2, th // 12))
        if foliage is None:  # bare branches
            for _ in range(5):
                a = rng.uniform(-2.4, -0.7)
                ln = th * rng.uniform(0.2, 0.45)
                y0 = ty - int(th * rng.uniform(0.4, 0.9))
                cv2.line(
                    img, (tx, y0), (tx + int(ln * np.cos(a)), y0 + int(ln * np.sin(a))), trunk, 2
                )
        else:
            cv2.circle(img, (tx, ty - th), th // 3, foliage, -1)
    if condition == "night":
        for _ in range(40):
            img[int(rng.integers(0, horizon // 2)), int(rng.integers(0, w))] = (230, 230, 200)
    return img


# --- places ---------------------------------------------------------------------------------


@dataclass
class Window:
    """A hole in a wall and the far plane seen through it (re-coloured per condition)."""

    p0: F64  # the outside plane's top-left corner
    u: F64
    v: F64
    w_m: float
    h_m: float
    res: float
    kind: str  # "land" or "road"


@dataclass
class Scene:
    """A place of generator v7: fixed planes, movable pieces, windows onto an outside."""

    seed: int
    kind: str
    box: _Box
    fixed: list[Plane]  # walls, floors, steps: drawn in order after the outside
    fixed_props: list[Plane]  # built-in cut-outs (drawn with the movable ones, by depth)
    pieces: list[tuple[U8, float]]  # movable cut-outs and the height they stand at
    dress: Callable[[Rng], list[tuple[U8, float]]]  # this place's bedding and loose things
    windows: list[Window]
    camera: Camera
    outside_seed: int
    condition: str
    scale: float = 1.0  # how far the camera may move (metres of a room)
    grid: int = 0  # how many of the first movable pieces stand in rows (desks)
    layout: list[Plane] = field(default_factory=list)  # the movable pieces as placed
    chain: int | None = None

    def place(self, condition: str | None = None, layout: list[Plane] | None = None) -> Place:
        """The renderable place, seen under ``condition`` with the movable pieces in
        ``layout`` (default: as in the original)."""
        cond = condition or self.condition
        far: list[Plane] = []
        for i, win in enumerate(self.windows):
            tw, th = int(win.w_m * win.res), int(win.h_m * win.res)
            tex = outside(self.outside_seed + i, cond, tw, th, win.kind)
            far.append(Plane(_rgba(tex), win.p0, win.u, win.v, win.res))
        props = self.fixed_props + (self.layout if layout is None else layout)
        return Place(self.kind, far + self.fixed, props, self.camera)


def _hole(tex: U8, x0: int, y0: int, x1: int, y1: int, frame: tuple[int, int, int]) -> None:
    """Cut a window into a wall texture (see-through), with a frame and a mullion."""
    th, tw = tex.shape[:2]
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(tw, x1), min(th, y1)
    cv2.rectangle(tex, (x0 - 8, y0 - 8), (x1 + 8, y1 + 8), (*frame, 255), -1)
    tex[y0:y1, x0:x1, 3] = 0
    tex[y0:y1, (x0 + x1) // 2 - 3 : (x0 + x1) // 2 + 3] = (*frame, 255)


def _layout(scene: Scene, pieces: list[tuple[U8, float]], rng: Rng) -> list[Plane]:
    """Stand the movable pieces at positions drawn from ``rng``: big ones (wider than
    0.6 m) against the back wall (within 1.2 m of it), small ones anywhere between there and
    2 m in front of the original camera."""
    box = scene.box
    out: list[Plane] = []
    near = min(box.depth - 0.2, scene.camera.pos[2] + 2.0)
    if scene.grid:  # a classroom's desks: in rows one day, in groups another
        desks, pieces = pieces[: scene.grid], pieces[scene.grid :]
        cols = int(rng.integers(3, 6))
        gap_x = (box.width - 1.2) / cols
        gap_z = float(rng.uniform(0.9, 1.4))
        groups = rng.random() < 0.4
        for i, (img, lift) in enumerate(desks):
            r, c = divmod(i, cols)
            x = -box.width / 2 + 0.6 + gap_x * (c + 0.5) + float(rng.normal(0, 0.05))
            if groups:
                x += (0.25 if c % 2 == 0 else -0.25) * gap_x
            z = box.depth - 2.0 - r * gap_z + float(rng.normal(0, 0.05))
            if z > near - 0.5:
                out.append(_prop(img, box, x, z, lift))
    for img, lift in pieces:
        half = img.shape[1] / RES / 2
        room = max(0.05, box.width / 2 - half - 0.05)
        x = float(rng.uniform(-room, room))
        far = max(near, box.depth - 1.2) if half > 0.3 else near
        z = float(rng.uniform(far, box.depth - 0.1))
        out.append(_prop(img, box, x, z, lift))
    return out


def place_kind(seed: int) -> str:
    """The kind of place ``seed`` is (cheap: no textures)."""
    if seed % CHAIN_BLOCK in CHAIN_SLOTS:
        return "hotel"
    u = np.random.default_rng(PLACE_SEED + seed).random()
    acc = 0.0
    for kind, share in KINDS:
        acc += share
        if u < acc:
            return kind
    return KINDS[-1][0]


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def _things(rng: Rng, n: int) -> list[tuple[U8, float]]:
    """Loose things: a bag, a box, a bottle, a ball, a stack of books."""
    out = []
    for _ in range(n):
        w, h = int(rng.uniform(0.15, 0.5) * RES), int(rng.uniform(0.15, 0.45) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        col = (*_c(rng), 255)
        kind = int(rng.integers(0, 4))
        if kind == 0:
            cv2.rectangle(img, (0, h // 3), (w - 1, h - 1), col, -1)
            cv2.ellipse(img, (w // 2, h // 3), (w // 4, h // 4), 0, 180, 360, col, 3)
        elif kind == 1:
            cv2.circle(img, (w // 2, h - min(w, h) // 2), min(w, h) // 2 - 1, col, -1)
            cv2.line(img, (0, h - min(w, h) // 2), (w, h - min(w, h) // 2), (*_c(rng), 255), 2)
        elif kind == 2:
            y = h
            while y > 8:
                t = int(rng.integers(6, 14))
                cv2.rectangle(
                    img, (int(rng.integers(0, 6)), y - t), (w - 1, y - 1), (*_c(rng), 255), -1
                )
                y -= t
        else:
            cv2.rectangle(img, (0, 0), (w - 1, h - 1), col, -1)
            cv2.line(img, (0, 0), (w - 1, h - 1), (*_c(rng), 255), 2)
            cv2.line(img, (w - 1, 0), (0, h - 1), (*_c(rng), 255), 2)
        out.append((img, 0.0))
    return out


def _own_art(rng: Rng, w: int, h: int) -> U8:
    """A one-off picture of this place: a crop of a sample picture, recoloured, framed."""
    name = SAMPLES[int(rng.integers(3, len(SAMPLES)))]
    src = sample(name)
    sh, sw = src.shape[:2]
    cw, ch = int(sw * rng.uniform(0.3, 0.6)), int(sh * rng.uniform(0.3, 0.6))
    x, y = int(rng.integers(0, sw - cw)), int(rng.integers(0, sh - ch))
    img = _fit(src[y : y + ch, x : x + cw], w, h)
    gains = rng.uniform(0.6, 1.3, 3).astype(np.float32)
    img = np.clip(img.astype(np.float32) * gains, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        img = np.ascontiguousarray(img[:, ::-1])
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), _c(rng, 0, 120), max(3, w // 16))
    return img


def _hang(
    tex: U8, item: U8, rng: Rng, taken: list[tuple[int, int, int, int]], top: tuple[float, float]
) -> None:
    """Hang ``item`` on a wall texture where it is free (30 tries, else left out)."""
    th, tw = tex.shape[:2]
    ih, iw = item.shape[:2]
    for _ in range(30):
        x, y = int(rng.integers(0, max(1, tw - iw))), int(rng.uniform(*top) * RES)
        if y + ih > th - 10:
            continue
        if all(
            x + iw + 10 <= a or x >= c + 10 or y + ih + 10 <= b or y >= d + 10
            for a, b, c, d in taken
        ):
            taken.append(_paste(tex, item, x, y))
            return


def _build(seed: int) -> Scene:
    kind = place_kind(seed)
    rng = np.random.default_rng(PLACE_SEED + seed)
    rng.random()  # the draw place_kind made
    chain = None
    t = rng
    if kind == "hotel":
        chain = (seed // CHAIN_BLOCK) % CHAIN_TEMPLATES
        t = np.random.default_rng(CHAIN_SEED + chain)
    builder = {
        "classroom": _classroom,
        "gym": _gym,
        "stairwell": _stairwell,
        "shop": _shop,
        "garden": _garden,
        "vehicle": _vehicle,
    }.get(kind, _home)
    scene = builder(seed, kind, rng, t)
    scene.chain = chain
    scene.layout = _layout(scene, scene.pieces + scene.dress(rng), rng)
    return scene


def _paint(rng: Rng, h: int, w: int, base: tuple[int, int, int], amp: float) -> U8:
    """A painted surface (RGBA): a colour, a soft uneven shade and a grain, this place's
    own (one channel of shade and grain mapped to the colour by a look-up table: about
    twice as fast as v6's normal noise on a gym's walls)."""
    low = cv2.resize(
        rng.normal(0, 1, (4, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR
    )
    grain = rng.integers(0, 11, (h, w), dtype=np.uint8).astype(np.float32)
    v = cv2.addWeighted(low, float(amp), grain, 1.0, 123.0, dtype=cv2.CV_8U)
    idx = np.arange(256, dtype=np.int16) - 128
    lut = np.clip(np.array(base, np.int16)[None, :] + idx[:, None], 0, 255).astype(np.uint8)
    out = np.empty((h, w, 4), np.uint8)
    out[:, :, :3] = cv2.LUT(cv2.merge([v, v, v]), lut.reshape(256, 1, 3))
    out[:, :, 3] = 255
    return out


def _walls(t: Rng, rng: Rng, box: _Box, colours: tuple[tuple[int, int, int], ...]) -> list[U8]:
    """back, left, right, floor and ceiling textures (plain, with this place's shading)."""
    back = _paint(rng, int(box.height * RES), int(box.width * RES), colours[0], 10)
    side = (int(box.height * RES), int((box.depth - box.near) * RES))
    left = _paint(rng, *side, colours[1], 10)
    right = _paint(rng, *side, colours[1], 10)
    floor = _paint(
        rng, int((box.depth - box.near) * RES / 2), int(box.width * RES / 2), colours[2], 8
    )
    top = _paint(
        rng, int((box.depth - box.near) * RES / 4), int(box.width * RES / 4), _c(t, 215, 250), 5
    )
    return [back, left, right, floor, top]


def _side_window(
    box: _Box,
    tex: U8,
    side: str,
    z0: float,
    z1: float,
    y0: float,
    y1: float,
    frame: tuple[int, int, int],
    kind: str = "land",
) -> Window:
    """A window in the left or right wall between depths z0..z1 and heights y0..y1 (m below
    the ceiling); returns the outside plane 6 m beyond it."""
    if side == "left":
        a, b = z0 - box.near, z1 - box.near
        x = -box.width / 2 - 6.0
        _hole(tex, int(a * RES), int(y0 * RES), int(b * RES), int(y1 * RES), frame)
        return Window(
            _vec(x, box.ceiling - 4.0, box.near - 10),
            _vec(0, 0, 1),
            _vec(0, 1, 0),
            box.depth - box.near + 20,
            box.height + 8,
            RES / 8,
            kind,
        )
    a, b = box.depth - z1, box.depth - z0  # the right wall runs from depth to near
    x = box.width / 2 + 6.0
    _hole(tex, int(a * RES), int(y0 * RES), int(b * RES), int(y1 * RES), frame)
    return Window(
        _vec(x, box.ceiling - 4.0, box.depth + 10),
        _vec(0, 0, -1),
        _vec(0, 1, 0),
        box.depth - box.near + 20,
        box.height + 8,
        RES / 8,
        kind,
    )


def _back_window(
    box: _Box,
    tex: U8,
    x0: float,
    x1: float,
    y0: float,
    y1: float,
    frame: tuple[int, int, int],
    kind: str = "land",
) -> Window:
    """A window in the back wall (x0..x1 m from its left edge); outside 8 m behind."""
    _hole(tex, int(x0 * RES), int(y0 * RES), int(x1 * RES), int(y1 * RES), frame)
    return Window(
        _vec(-box.width / 2 - 10, box.ceiling - 5.0, box.depth + 8),
        _vec(1, 0, 0),
        _vec(0, 1, 0),
        box.width + 20,
        box.height + 10,
        RES / 8,
        kind,
    )


def _camera(rng: Rng, box: _Box, z: float, pitch: tuple[float, float] = (-9, -2)) -> Camera:
    return Camera(
        _vec(float(rng.uniform(-0.3, 0.3)) * box.width / 4, float(rng.uniform(-0.1, 0.1)), z),
        float(rng.uniform(-8, 8)),
        float(rng.uniform(*pitch)),
        0.0,
        float(rng.uniform(62, 74)),
    )


def _scene(seed: int, kind: str, box: _Box, walls: list[U8], **kw: Any) -> Scene:
    back, left, right, floor, top = walls
    planes = _box_planes(box, back, left, right, floor, top)
    return Scene(seed=seed, kind=kind, box=box, fixed=planes + kw.pop("extra", []), **kw)


def _classroom(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    box = _Box(
        float(rng.uniform(6.0, 8.0)),
        float(rng.uniform(2.8, 3.3)),
        float(rng.uniform(5.0, 6.5)),
        -2.5,
    )
    walls = _walls(t, rng, box, (_c(rng, 150, 240), _c(rng, 150, 240), _c(rng, 60, 160)))
    back, left = walls[0], walls[1]
    bw = back.shape[1]
    # The board: a whiteboard or a green chalkboard with this class's own writing.
    board_w, board_h = int(rng.uniform(2.4, 3.4) * RES), int(1.1 * RES)
    bx, by = int(rng.uniform(0.15, 0.5) * (bw - board_w)), int(0.8 * RES)
    board = np.empty((board_h, board_w, 3), np.uint8)
    white = rng.random() < 0.6
    board[:] = (240, 242, 240) if white else (40, 80, 55)
    ink = [(30, 40, 160), (170, 30, 30), (20, 20, 20)] if white else [(240, 240, 235)]
    for line in range(int(rng.integers(2, 5))):
        text = " ".join(str(rng.choice(WORDS_V7)) for _ in range(2))
        if rng.random() < 0.5:
            text = f"{int(rng.integers(2, 99))} + {int(rng.integers(2, 99))} ="
        _write(
            board,
            text,
            (int(rng.integers(10, board_w // 3)), 40 + line * 42),
            float(rng.uniform(0.7, 1.0)),
            ink[int(rng.integers(0, len(ink)))],
            2,
        )
    cv2.rectangle(board, (0, 0), (board_w - 1, board_h - 1), (160, 160, 160), 8)
    taken = [_paste(back, board, bx, by)]
    taken.append(_paste(back, alphabet_strip(bw - 40), 20, int(0.35 * RES)))
    for _ in range(int(rng.integers(2, 5))):
        _hang(back, poster(int(rng.integers(0, 8))), rng, taken, (0.7, 1.2))
    for _ in range(int(rng.integers(2, 6))):  # children's own drawings on the side wall
        _paste(
            left if rng.random() < 0.5 else walls[2],
            _own_art(rng, 60, 80),
            int(rng.integers(0, walls[1].shape[1] - 60)),
            int(rng.uniform(0.9, 1.3) * RES),
        )
    frame = _c(rng, 200, 256)
    windows = [
        _side_window(box, left, "left", z, z + 1.3, 0.7, 2.0, frame)
        for z in np.arange(box.near + 1.0, box.depth - 1.0, 2.0)
    ]
    design = int(rng.integers(0, 2))
    pieces = [(school_desk(design), 0.0) for _ in range(int(rng.integers(6, 12)))]
    pieces.append((wardrobe(int(rng.integers(0, 2))), 0.0))

    def dress(d: Rng) -> list[tuple[U8, float]]:
        return _things(d, int(d.integers(2, 5)))

    return _scene(
        seed,
        kind,
        box,
        walls,
        fixed_props=[],
        pieces=pieces,
        dress=dress,
        windows=windows,
        camera=_camera(rng, box, float(rng.uniform(-1.8, -1.2))),
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
        grid=len(pieces) - 1,
    )


def _condition(rng: Rng) -> str:
    return "summer" if rng.random() < 0.6 else "autumn"


def _gym(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    box = _Box(
        float(rng.uniform(9.0, 12.0)),
        float(rng.uniform(5.0, 6.5)),
        float(rng.uniform(8.0, 11.0)),
        -3.0,
    )
    walls = _walls(t, rng, box, (_c(rng, 120, 240), _c(rng, 120, 240), (190, 150, 100)))
    back, left, right, floor = walls[:4]
    # Planks with the court's lines.
    fh, fw = floor.shape[:2]
    for x in range(0, fw, 9):
        floor[:, x : x + 1, :3] = (150, 110, 70)
    line = _c(rng, 20, 250)
    cv2.rectangle(floor, (20, 20), (fw - 20, fh - 20), (*line, 255), 3)
    cv2.circle(floor, (fw // 2, fh // 2), fh // 6, (*line, 255), 3)
    cv2.line(floor, (20, fh // 2), (fw - 20, fh // 2), (*line, 255), 3)
    bw = back.shape[1]
    taken = [
        _paste(back, backboard(), bw // 2 - int(0.6 * RES), int(box.height * RES) - int(3.9 * RES))
    ]
    sb = scoreboard(int(rng.integers(0, 2)), rng)
    _hang(back, sb, rng, taken, (0.4, 1.2))
    bars = wall_bars(int(rng.uniform(3, 6) * RES), int(2.6 * RES))
    _paste(
        left if rng.random() < 0.5 else right,
        bars,
        int(rng.uniform(1, 4) * RES),
        int((box.height - 2.6) * RES),
    )
    stripe = _c(rng, 20, 200)
    for wall in (back, left, right):
        wall[-int(1.2 * RES) :, :, :3] = np.clip(
            wall[-int(1.2 * RES) :, :, :3].astype(np.int16) // 2 + np.array(stripe) // 2, 0, 255
        ).astype(np.uint8)
    frame = _c(rng, 180, 256)
    side = "right" if rng.random() < 0.5 else "left"
    windows = [
        _side_window(box, right if side == "right" else left, side, z, z + 1.6, 0.4, 1.4, frame)
        for z in np.arange(box.near + 1.0, box.depth - 1.0, 2.2)
    ]
    mat_col = _c(_cat("mat", 0), 20, 120)
    mat = np.zeros((int(0.5 * RES), int(2.0 * RES), 4), np.uint8)
    mat[:] = (*mat_col, 255)
    for x in range(0, mat.shape[1], 60):
        mat[:, x : x + 2, :3] = 20
    pieces = [(mat, 0.0) for _ in range(int(rng.integers(1, 4)))]

    def dress(d: Rng) -> list[tuple[U8, float]]:
        return _things(d, int(d.integers(2, 6)))

    return _scene(
        seed,
        kind,
        box,
        walls,
        fixed_props=[],
        pieces=pieces,
        dress=dress,
        windows=windows,
        camera=_camera(rng, box, float(rng.uniform(-2.5, -1.5))),
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
    )


def _stairwell(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    box = _Box(
        float(rng.uniform(2.2, 3.0)),
        float(rng.uniform(4.2, 5.0)),
        float(rng.uniform(4.6, 5.6)),
        -1.5,
    )
    low, high = _c(rng, 60, 180), _c(rng, 170, 245)
    walls = _walls(t, rng, box, (high, high, _c(rng, 80, 160)))
    back, left, right = walls[:3]
    dado = int((box.height - 1.2) * RES)
    for wall in (back, left, right):  # two-tone paint, darker below
        below = wall[dado:, :, :3].astype(np.float32) * 0.4 + np.array(low, np.float32) * 0.6
        wall[dado:, :, :3] = np.clip(below, 0, 255).astype(np.uint8)
        wall[dado - 6 : dado, :, :3] = _c(rng, 0, 100)
    floor_no = str(int(rng.integers(0, 12)))
    num = np.zeros((int(0.5 * RES), int(0.4 * RES), 3), np.uint8)
    num[:] = _c(rng, 0, 256)
    _write(num, floor_no, (10, num.shape[0] - 20), 2.6, _c(rng, 0, 256), 6)
    taken = [_paste(back, num, int(rng.uniform(0.1, 0.4) * RES), int((box.height - 3.1) * RES))]
    taken.append(_paste(back, exit_sign(), back.shape[1] - int(0.6 * RES), int(0.4 * RES)))
    board = _own_art(rng, int(0.6 * RES), int(0.45 * RES))
    _hang(left, board, rng, [], (box.height - 2.4, box.height - 1.8))
    frame = _c(rng, 180, 256)
    windows = [_back_window(box, back, box.width / 2 - 0.1, box.width / 2 + 0.7, 0.5, 1.6, frame)]
    # Steps rising away from the camera, then a landing; drawn far to near.
    rise, going, n = 0.17, 0.28, int(rng.integers(8, 12))
    z0 = float(rng.uniform(0.6, 1.2))
    tread_col, nosing, riser_col = _c(rng, 90, 200), _c(rng, 0, 80), _c(rng, 100, 220)
    w_m = box.width - 0.1
    steps: list[Plane] = []
    for i in reversed(range(n)):
        z, top_y = z0 + i * going, box.eye - (i + 1) * rise
        tread = np.empty((int(going * RES), int(w_m * RES), 3), np.uint8)
        tread[:] = tread_col
        tread[-8:] = nosing
        riser = _surface(rng, int(rise * RES), int(w_m * RES), riser_col, 6)
        steps.append(
            Plane(
                _rgba(tread), _vec(-w_m / 2, top_y, z + going), _vec(1, 0, 0), _vec(0, 0, -1), RES
            )
        )
        steps.append(
            Plane(_rgba(riser), _vec(-w_m / 2, top_y, z), _vec(1, 0, 0), _vec(0, 1, 0), RES)
        )
    landing_y = box.eye - n * rise
    landing_rows = max(2, int((box.depth - z0 - n * going) * RES) + 2)
    landing = np.empty((landing_rows, int(w_m * RES), 3), np.uint8)
    landing[:] = tread_col
    steps.insert(
        0,
        Plane(
            _rgba(landing), _vec(-w_m / 2, landing_y, box.depth), _vec(1, 0, 0), _vec(0, 0, -1), RES
        ),
    )
    # A handrail along the left, following the slope.
    rail = np.zeros((12, int(np.hypot(n * going, n * rise) * RES)), np.uint8)
    rail_rgba = _rgba(np.dstack([rail + v for v in _c(rng, 0, 200)]).astype(np.uint8))
    slope = _vec(0, -rise, going) / np.hypot(rise, going)
    steps.append(
        Plane(
            rail_rgba,
            _vec(-box.width / 2 + 0.05, box.eye - 0.95, z0),
            _vec(0, 0, 0) + slope,
            _vec(0, 1, 0),
            RES,
        )
    )
    pieces: list[tuple[U8, float]] = []

    def dress(d: Rng) -> list[tuple[U8, float]]:
        return _things(d, int(d.integers(0, 2)))

    cam = _camera(rng, box, float(rng.uniform(-1.3, -0.8)), (2, 12))
    return _scene(
        seed,
        kind,
        box,
        walls,
        extra=steps,
        fixed_props=[],
        pieces=pieces,
        dress=dress,
        windows=windows,
        camera=cam,
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
        scale=0.5,
    )


def _shop(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    box = _Box(
        float(rng.uniform(6.0, 9.0)),
        float(rng.uniform(3.0, 3.8)),
        float(rng.uniform(6.0, 9.0)),
        -2.5,
    )
    walls = _walls(t, rng, box, (_c(rng, 180, 250), _c(rng, 180, 250), _c(rng, 150, 240)))
    back, left, right, floor = walls[:4]
    fh, fw = floor.shape[:2]
    tile = int(rng.integers(18, 30))
    for x in range(0, fw, tile):
        floor[:, x : x + 1, :3] = 120
    for y in range(0, fh, tile):
        floor[y : y + 1, :, :3] = 120
    design = int(rng.integers(0, 2))
    for wall in (back, right):  # shelves all along the walls
        x = 0
        while x < wall.shape[1] - int(1.6 * RES):
            _paste(wall, shelf_unit(design, rng), x, wall.shape[0] - int(1.8 * RES))
            x += int(1.6 * RES)
    sign = np.empty((int(0.35 * RES), int(rng.uniform(1.2, 2.4) * RES), 3), np.uint8)
    sign[:] = _c(rng)
    _write(sign, f"AISLE {int(rng.integers(1, 20))}", (10, sign.shape[0] - 16), 1.1, _c(rng), 2)
    _paste(back, sign, int(rng.uniform(0.1, 0.6) * back.shape[1]), int(0.2 * RES))
    frame = (60, 60, 60)
    windows = [
        _side_window(box, left, "left", z, z + 2.0, 0.4, box.height - 0.2, frame)
        for z in np.arange(box.near + 0.5, box.depth - 1.5, 2.2)
    ]
    pieces = [(shelf_unit(design, rng), 0.0) for _ in range(int(rng.integers(1, 3)))]

    def dress(d: Rng) -> list[tuple[U8, float]]:
        stand = np.zeros((int(0.9 * RES), int(0.6 * RES), 4), np.uint8)
        stand[:] = (*_c(d), 255)
        _write(stand, f"{int(d.integers(1, 9))}.99", (6, 60), 0.9, (255, 255, 255), 2)
        return [(stand, 0.0), *_things(d, int(d.integers(1, 3)))]

    return _scene(
        seed,
        kind,
        box,
        walls,
        fixed_props=[],
        pieces=pieces,
        dress=dress,
        windows=windows,
        camera=_camera(rng, box, float(rng.uniform(-1.8, -1.0))),
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
    )


def _garden(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    box = _Box(
        float(rng.uniform(7.0, 10.0)),
        float(rng.uniform(1.6, 2.2)),
        float(rng.uniform(6.0, 9.0)),
        -3.0,
    )
    walls = _walls(t, rng, box, (_c(rng), _c(rng), _c(rng)))
    back, left, right, floor, top = walls
    bh, bw = back.shape[:2]
    if rng.random() < 0.5:  # a brick wall at the back
        back[:, :, :3] = _texture("brick", bw, bh, _c(rng, 120, 220))
    else:  # a plank fence
        wood = _c(rng, 80, 180)
        for x in range(0, bw, 24):
            back[:, x : x + 22, :3] = np.clip(np.array(wood) + rng.integers(-25, 25, 3), 0, 255)
            back[:, x + 22 : x + 24, :3] = 30
    for wall in (left, right):  # hedges, uneven on top (see-through above)
        wh, ww = wall.shape[:2]
        wall[:, :, :3] = _texture("grass", ww, wh, (40, int(rng.integers(90, 150)), 40))
        edge = (cv2.resize(rng.random((1, ww // 40 + 2)).astype(np.float32), (ww, 1)) * 40).astype(
            int
        )
        for x in range(ww):
            wall[: int(edge[0, x]), x, 3] = 0
    fh, fw = floor.shape[:2]
    floor[:, :, :3] = _texture("grass", fw, fh, (60, int(rng.integers(120, 170)), 50))
    px = int(rng.uniform(0.2, 0.6) * fw)
    path_w = int(rng.uniform(0.6, 1.2) * RES / 2)
    floor[:, px : px + path_w, :3] = _texture("gravel", path_w, fh, _c(rng, 150, 220))
    top[:, :, 3] = 0  # open sky: the ceiling is see-through
    # No holes: what shows above the fence and the hedges is the far land and the sky,
    # on three tall planes whose horizon lies about level with the fence's top.
    top_y, tall = box.ceiling - 12.0, 24.0
    windows = [
        Window(
            _vec(-box.width / 2 - 10, top_y, box.depth + 8),
            _vec(1, 0, 0),
            _vec(0, 1, 0),
            box.width + 20,
            tall,
            RES / 10,
            "land",
        ),
        Window(
            _vec(-box.width / 2 - 6, top_y, box.near - 10),
            _vec(0, 0, 1),
            _vec(0, 1, 0),
            box.depth - box.near + 20,
            tall,
            RES / 10,
            "land",
        ),
        Window(
            _vec(box.width / 2 + 6, top_y, box.depth + 10),
            _vec(0, 0, -1),
            _vec(0, 1, 0),
            box.depth - box.near + 20,
            tall,
            RES / 10,
            "land",
        ),
    ]
    shed = bench_and_shed("shed")
    fixed = [_prop(shed, box, float(rng.uniform(-box.width / 3, box.width / 3)), box.depth - 1.3)]
    pieces = [(bench_and_shed("bench"), 0.0)]
    for _ in range(int(rng.integers(2, 5))):  # pots with plants: this garden's own
        pot = np.zeros((int(rng.uniform(0.4, 1.0) * RES), int(0.4 * RES), 4), np.uint8)
        ph, pw = pot.shape[:2]
        cv2.rectangle(
            pot, (pw // 5, ph * 2 // 3), (pw * 4 // 5, ph - 1), (*_c(rng, 90, 200), 255), -1
        )
        for _ in range(10):
            cv2.ellipse(
                pot,
                (int(rng.integers(10, pw - 10)), int(rng.integers(8, ph * 2 // 3))),
                (int(rng.integers(6, 16)), 5),
                float(rng.uniform(0, 180)),
                0,
                360,
                (*_c(rng, 0, 256), 255),
                -1,
            )
        pieces.append((pot, 0.0))

    def dress(d: Rng) -> list[tuple[U8, float]]:
        return _things(d, int(d.integers(1, 3)))

    return _scene(
        seed,
        kind,
        box,
        walls,
        fixed_props=fixed,
        pieces=pieces,
        dress=dress,
        windows=windows,
        camera=_camera(rng, box, float(rng.uniform(-2.0, -1.0))),
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
    )


def _vehicle(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    box = _Box(1.55, 1.25, float(rng.uniform(1.3, 1.6)), -1.0, 0.9)
    model = int(rng.integers(0, 2))
    trim = _c(_cat("trim", model), 40, 160)
    walls = _walls(t, rng, box, (trim, trim, _c(rng, 20, 60)))
    back, left, right, _floor, _top = walls
    bh, bw = back.shape[:2]
    dash_h = int(0.55 * RES)
    back[bh - dash_h :, :, :3] = dashboard(model, bw, dash_h)
    frame = (20, 20, 20)
    windows = [
        _back_window(box, back, 0.08, box.width - 0.08, 0.12, box.height - 0.58, frame, "road")
    ]
    windows.append(_side_window(box, left, "left", -0.8, box.depth - 0.2, 0.15, 0.6, frame))
    windows.append(_side_window(box, right, "right", -0.8, box.depth - 0.2, 0.15, 0.6, frame))
    # This car's own things: a sticker on the windscreen's corner, a hanging freshener.
    sticker = np.empty((40, 56, 3), np.uint8)
    sticker[:] = _c(rng)
    _write(sticker, str(int(rng.integers(10, 99))), (6, 30), 0.8, _c(rng), 2)
    _paste(back, sticker, int(rng.uniform(0.1, 0.3) * bw), int(0.15 * RES))
    fresh = np.zeros((int(0.25 * RES), int(0.1 * RES), 4), np.uint8)
    fh, fw = fresh.shape[:2]
    cv2.line(fresh, (fw // 2, 0), (fw // 2, fh // 3), (30, 30, 30, 255), 1)
    pts = np.array(
        [[fw // 2, fh // 3], [fw - 1, fh * 2 // 3], [fw // 2, fh - 1], [0, fh * 2 // 3]], np.int32
    )
    cv2.fillPoly(fresh, [pts], (*_c(rng), 255))
    seats = car_seats(model)
    fixed = [
        _prop(seats, box, 0.0, float(box.depth - 0.9), 0.05),
        _prop(fresh, box, float(rng.uniform(-0.1, 0.1)), box.depth - 0.35, box.height - 0.55),
    ]

    def dress(d: Rng) -> list[tuple[U8, float]]:
        return _things(d, int(d.integers(0, 2)))

    cam = Camera(
        _vec(float(rng.uniform(-0.2, 0.2)), -0.25, -0.7),
        float(rng.uniform(-6, 6)),
        float(rng.uniform(-6, 0)),
        0.0,
        float(rng.uniform(70, 80)),
    )
    return _scene(
        seed,
        kind,
        box,
        walls,
        fixed_props=fixed,
        pieces=[],
        dress=dress,
        windows=windows,
        camera=cam,
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
        scale=0.25,
    )


def _home(seed: int, kind: str, rng: Rng, t: Rng) -> Scene:
    """Bedrooms, living rooms, offices and chain hotel rooms (``t``: the chain's template,
    else ``rng``)."""
    box = _Box(float(t.uniform(3.6, 5.2)), float(t.uniform(2.4, 2.8)), float(t.uniform(3.8, 5.0)))
    walls = _walls(t, t, box, (_c(t, 90, 240), _c(t, 90, 240), _c(t, 60, 200)))
    back, left, right = walls[:3]
    if kind == "hotel":  # the paint is the chain's, its unevenness this room's
        for wall in walls[:3]:
            wall[:, :, :3] = np.clip(
                wall[:, :, :3].astype(np.int16) + rng.integers(-4, 5, (*wall.shape[:2], 1)), 0, 255
            )
    taken: list[tuple[int, int, int, int]] = []
    frame = _c(t, 200, 256)
    bw = back.shape[1]
    wx = float(t.uniform(0.3, max(0.4, box.width - 1.8)))
    windows = [_back_window(box, back, wx, wx + float(t.uniform(1.0, 1.5)), 0.4, 1.5, frame)]
    taken.append((int(wx * RES) - 20, 0, int((wx + 1.6) * RES), back.shape[0]))
    for _ in range(int(t.integers(1, 3))):
        _hang(back, poster(int(t.integers(0, 8))), t, taken, (0.3, 0.9))
    own = t if kind == "hotel" else rng
    _hang(
        back,
        _own_art(own, int(own.uniform(0.4, 0.9) * RES), int(own.uniform(0.3, 0.6) * RES)),
        own,
        taken,
        (0.3, 0.9),
    )
    _paste(
        left if own.random() < 0.5 else right,
        _own_art(own, 120, 90),
        int(own.uniform(0.5, 2.5) * RES),
        int(0.7 * RES),
    )
    if kind == "hotel":  # the door's number plate: this room's own
        door = np.empty((int(2.0 * RES), int(0.9 * RES), 3), np.uint8)
        door[:] = _c(t, 60, 200)
        plate = np.full((50, 90, 3), 235, np.uint8)
        _write(plate, f"{int(rng.integers(101, 999))}", (6, 38), 1.0, (20, 20, 20), 2)
        door[int(0.35 * RES) : int(0.35 * RES) + 50, 40:130] = plate
        _paste(right, door, int(t.uniform(0.3, 1.5) * RES), right.shape[0] - door.shape[0])
    else:
        for _ in range(2):  # sockets and switches
            x, y = int(rng.integers(10, bw - 30)), int(rng.uniform(1.2, 2.0) * RES)
            cv2.rectangle(back, (x, y), (x + 18, y + 18), (235, 235, 230, 255), -1)
    pieces: list[tuple[U8, float]] = []
    made, frame_design, chain_bedding = True, 0, 0
    if kind in ("bedroom", "hotel"):
        pieces.append((wardrobe(int(t.integers(0, 2))), 0.0))
        frame_design = int(t.integers(0, 2))
        chain_bedding = int(t.integers(0, 1 << 30))
        if kind == "hotel":
            made = rng.random() < 0.5
    if kind == "living":
        pieces += [(sofa(int(t.integers(0, 2))), 0.0), (bookcase(int(t.integers(0, 2)), rng), 0.0)]
    if kind == "office":
        pieces += [
            (bookcase(int(t.integers(0, 2)), rng), 0.0),
            (school_desk(int(t.integers(0, 2))), 0.0),
        ]
        pieces.append((wardrobe(int(t.integers(0, 2))), 0.0))

    def dress(d: Rng) -> list[tuple[U8, float]]:
        out = _things(d, int(d.integers(1, 4)))
        if kind == "hotel":  # the chain's bedding, made or not
            out.append((bed(frame_design, np.random.default_rng(chain_bedding), made), 0.0))
        elif kind == "bedroom":  # this room's bedding of the day
            out.append((bed(frame_design, d, bool(d.random() < 0.7)), 0.0))
        return out

    return _scene(
        seed,
        kind,
        box,
        walls,
        fixed_props=[],
        pieces=pieces,
        dress=dress,
        windows=windows,
        camera=_camera(rng, box, float(rng.uniform(-0.3, 0.2))),
        outside_seed=PLACE_SEED + seed,
        condition=_condition(rng),
    )


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Scene`` for ``views_v7``."""

    scene: Scene | None

    def __array_finalize__(self, obj: Any) -> None:
        self.scene = getattr(obj, "scene", None)


def scene_v7(seed: int) -> Scene:
    """The model of place ``seed`` (deterministic)."""
    return _build(seed)


def room_v7(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v7 (``bench/link.py --generator v7``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v7``."""
    scene = scene_v7(seed)
    img = render(scene.place(), scene.camera, width, height)
    img = _sensor(img, np.random.default_rng(PLACE_SEED + seed), 2.5)
    out = img.view(RoomPicture)
    out.scene = scene
    return out


# --- views ---------------------------------------------------------------------------------


def _cast(img: U8, rng: Rng, spread: float, gain: float = 1.0) -> U8:
    """A white-balance error: per-channel gains within 1 ± ``spread``, times ``gain``."""
    gains = (1 + rng.uniform(-spread, spread, 3)) * gain
    return np.clip(img.astype(np.float32) * gains.astype(np.float32), 0, 255).astype(np.uint8)


def _lamp(img: U8, rng: Rng, gain: float, tint: tuple[float, float, float], gamma: float) -> U8:
    """Indoor light after dark: darker, tinted, a lamp's pool of light somewhere."""
    h, w = img.shape[:2]
    x = (img.astype(np.float32) / 255.0) ** np.float32(gamma)
    x *= np.array(tint, np.float32) * np.float32(gain)
    cy, cx = rng.uniform(0.2, 0.8) * h, rng.uniform(0.2, 0.8) * w
    yy, xx = np.mgrid[0:h, 0:w]
    pool = 0.6 + 0.8 * np.exp(-(((yy - cy) / h) ** 2 + ((xx - cx) / w) ** 2) / 0.12)
    x *= pool.astype(np.float32)[:, :, None]
    return np.asarray(np.clip(x * 255.0, 0, 255), np.uint8)


def _move(
    scene: Scene, rng: Rng, reach: tuple[float, float], turn: tuple[float, float], zoom: float = 1.0
) -> Camera:
    """Another camera position: moved ``reach`` m (times the place's scale) in a random
    horizontal direction, turned ``turn`` degrees; kept inside the place."""
    cam, box, s = scene.camera, scene.box, scene.scale
    a = float(rng.uniform(0, 2 * np.pi))
    d = float(rng.uniform(*reach)) * s
    pos = cam.pos + _vec(d * np.cos(a), float(rng.uniform(-0.12, 0.12)) * s, 0.7 * d * np.sin(a))
    pos[0] = np.clip(pos[0], -box.width / 2 + 0.3 * s, box.width / 2 - 0.3 * s)
    pos[2] = np.clip(pos[2], box.near + 0.2, min(box.depth - 1.0, cam.pos[2] + 0.8 * s + 0.01))
    side = float(rng.choice((-1.0, 1.0)))
    moved = Camera(
        pos,
        cam.yaw + side * float(rng.uniform(*turn)),
        cam.pitch + float(rng.uniform(-4, 4)),
        0.0,
        cam.hfov / zoom,
    )
    if scene.kind == "flat":  # a print on a wall is photographed, not the wall beside it
        return _look_at(pos, _vec(0, 0, box.depth), moved.hfov)
    return moved


def _redress(scene: Scene, d: Rng) -> list[Plane]:
    """The same place another day: each movable piece kept with 80 % chance (at least
    one), all at new positions; new bedding and loose things."""
    grid = scene.pieces[: scene.grid]
    kept = grid + [p for p in scene.pieces[scene.grid :] if d.random() < 0.8]
    if scene.pieces and not kept:
        kept = [scene.pieces[int(d.integers(0, len(scene.pieces)))]]
    return _layout(scene, kept + scene.dress(d), d)


def occlude(img: U8, rng: Rng) -> tuple[U8, float, str]:
    """A defocused near object over the picture; returns the picture, the share of the
    frame it covers (blurred mask > 0.5) and what it is."""
    h, w = img.shape[:2]
    what = OCCLUDERS[int(rng.integers(0, len(OCCLUDERS)))]
    mask = np.zeros((h, w), np.float32)
    colour = np.empty((h, w, 3), np.float32)
    colour[:] = _c(rng, 30, 230)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    left = rng.random() < 0.5
    if what in ("door", "curtain"):
        f = float(rng.uniform(0.4, 0.6))
        slant = float(rng.uniform(-0.06, 0.06)) * w
        edge = f * w + slant * (yy / h - 0.5)
        mask[:] = (xx < edge) if left else (xx > w - edge)
        if what == "door":  # paint with a panel's moulding and a handle
            colour *= (0.85 + 0.15 * (yy / h))[:, :, None]
            hx = int(f * w * 0.85) if left else int(w - f * w * 0.85)
            cv2.circle(
                colour, (hx, int(h * rng.uniform(0.45, 0.65))), max(3, w // 60), (200, 190, 150), -1
            )
        else:  # folds
            period = float(rng.uniform(0.03, 0.07)) * w
            colour *= (0.72 + 0.28 * np.sin(xx / period * 2 * np.pi + yy / h))[:, :, None]
    elif what == "foliage":
        f = float(rng.uniform(0.46, 0.6))
        poly = np.zeros((h, w), np.uint8)
        base = colour.copy()
        base[:] = (25, int(rng.integers(60, 110)), 30)
        colour = base
        cx = 0 if left else w
        for _ in range(int(140 * w / 400)):
            reach = f * w * 1.05
            x = int(cx + (1 if left else -1) * abs(rng.normal(0, 0.5)) * reach)
            y = int(rng.integers(0, h))
            axes = (int(rng.integers(8, 22) * w / 400), int(rng.integers(4, 9) * w / 400))
            ang = float(rng.uniform(0, 180))
            cv2.ellipse(poly, (x, y), axes, ang, 0, 360, 1, -1)
            cv2.ellipse(
                colour, (x, y), axes, ang, 0, 360, (30, float(rng.integers(70, 190)), 40), -1
            )
        fill = (xx < f * w * 0.8) if left else (xx > w - f * w * 0.8)
        mask[:] = np.maximum(poly.astype(np.float32), fill)
    else:  # a box or a chair's back, rising from the bottom
        f = float(rng.uniform(0.45, 0.6))
        top = h * (1 - f)
        if what == "box":
            mask[:] = yy > top + float(rng.uniform(-0.04, 0.04)) * h * (xx / w - 0.5)
            colour[:] = (int(rng.integers(150, 200)), int(rng.integers(110, 150)), 80)
            tape = int(rng.uniform(0.3, 0.7) * w)
            colour[:, tape - w // 30 : tape + w // 30] = (200, 180, 140)
        else:
            width = float(rng.uniform(0.75, 0.9)) * w
            x0 = float(rng.uniform(0, w - width))
            inside = (xx > x0) & (xx < x0 + width) & (yy > top)
            corner = ((xx - x0 - width / 2) / (width / 2)) ** 2 + ((yy - top) / (0.12 * h)) ** 2
            mask[:] = inside | ((corner < 1) & (yy <= top))
            colour *= (0.8 + 0.2 * np.cos((xx - x0) / width * np.pi))[:, :, None]
    sigma = float(rng.uniform(3.0, 7.0)) * w / 400
    mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), sigma), np.float32)
    colour = np.asarray(cv2.GaussianBlur(colour, (0, 0), sigma / 2), np.float32)
    out = img.astype(np.float32) * (1 - mask[:, :, None]) + colour * mask[:, :, None]
    return np.clip(out, 0, 255).astype(np.uint8), float((mask > 0.5).mean()), what


def wide_angle(scene: Scene, cam: Camera, w: int, h: int, k1: float) -> U8:
    """The place through an ultra-wide lens: a wider rectilinear render, barrel-distorted
    (a point at radius r, in half-widths, is drawn from radius r (1 + k1 r^2))."""
    s = 1 + k1 * (1 + (h / w) ** 2)
    big_w, big_h = int(np.ceil(w * s / 2)) * 2, int(np.ceil(h * s / 2)) * 2
    f = (w / 2) / np.tan(np.radians(cam.hfov) / 2)
    big_fov = float(np.degrees(2 * np.arctan(big_w / 2 / f)))
    big = render(
        scene.place(), Camera(cam.pos, cam.yaw, cam.pitch, cam.roll, big_fov), big_w, big_h
    )
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    xn, yn = (xx - w / 2) / (w / 2), (yy - h / 2) / (w / 2)
    factor = 1 + np.float32(k1) * (xn**2 + yn**2)
    mx = (big_w / 2 + xn * factor * (w / 2)).astype(np.float32)
    my = (big_h / 2 + yn * factor * (w / 2)).astype(np.float32)
    out = cv2.remap(big, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    return np.asarray(out, np.uint8)


def on_screen(img: U8, rng: Rng) -> U8:
    """A photo of a monitor showing ``img``: sub-pixel stripes resampled without a filter
    (moiré), the panel's white point, a bezel, a tilt, a glare spot and a reflection."""
    h, w = img.shape[:2]
    panel = np.repeat(np.repeat(img.astype(np.float32), 3, axis=0), 3, axis=1)
    stripes = np.zeros((3, 3, 3), np.float32)
    for c in range(3):
        stripes[:, c, c] = 1.0
    stripes[2] *= 0.45  # the dark gap between rows of pixels
    panel *= np.tile(stripes, (h, w, 1)) * np.float32(2.4)
    panel *= (1 + rng.uniform(-0.08, 0.08, 3)).astype(np.float32)
    # The camera's optics soften the stripes more or less (moiré from faint to strong).
    panel = np.asarray(
        cv2.GaussianBlur(np.clip(panel, 0, 255), (0, 0), float(rng.uniform(0.4, 0.9))), np.float32
    )
    # Where the screen lies in the photo: 70-95 % of the width, tilted.
    sw = float(rng.uniform(0.7, 0.95)) * w
    sh = sw * h / w
    cx, cy = (
        w / 2 + float(rng.uniform(-0.04, 0.04)) * w,
        h / 2 + float(rng.uniform(-0.05, 0.05)) * h,
    )
    quad = np.array(
        [
            [cx - sw / 2, cy - sh / 2],
            [cx + sw / 2, cy - sh / 2],
            [cx + sw / 2, cy + sh / 2],
            [cx - sw / 2, cy + sh / 2],
        ],
        np.float32,
    )
    quad += rng.uniform(-0.06, 0.06, (4, 2)).astype(np.float32) * np.float32(w)
    src = np.array([[0, 0], [3 * w, 0], [3 * w, 3 * h], [0, 3 * h]], np.float32)
    m = cv2.getPerspectiveTransform(src, quad)
    out = np.empty((h, w, 3), np.float32)
    top, bottom = np.array(_c(rng, 40, 200), np.float32), np.array(_c(rng, 40, 200), np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    out[:] = top * (1 - t) + bottom * t  # the viewer's own room, out of focus
    centre = quad.mean(axis=0)
    bezel = (quad - centre) * np.float32(float(rng.uniform(1.04, 1.08))) + centre
    cv2.fillPoly(out, [np.round(bezel).astype(np.int32)], _c(rng, 5, 45))
    shown = cv2.warpPerspective(panel, m, (w, h), flags=cv2.INTER_LINEAR)
    inside = np.zeros((h, w), np.uint8)
    cv2.fillPoly(inside, [np.round(quad).astype(np.int32)], 1)
    out = np.where(inside[:, :, None] > 0, shown, out)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = float(rng.uniform(0.2, 0.8)) * w, float(rng.uniform(0.2, 0.8)) * h
    glare = float(rng.uniform(60, 140)) * np.exp(
        -(((xx - gx) ** 2 + (yy - gy) ** 2) / (0.02 * w * w))
    )
    out += glare[:, :, None]
    refl = np.zeros((h, w), np.float32)
    pts = (rng.uniform(0, 0.45, (4, 2)) + rng.uniform(0.1, 0.45, (1, 2))) * np.array([w, h])
    cv2.fillPoly(refl, [np.round(cv2.convexHull(pts.astype(np.float32))).astype(np.int32)], 1.0)
    out += (refl * inside * float(rng.uniform(20, 45)))[:, :, None]
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.6), np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def video_frame(img: U8, rng: Rng) -> U8:
    """A frame of a video: 16:9, a pan's motion blur, 0.8 of the size, a camera's date and
    time burnt in."""
    h, w = img.shape[:2]
    fh = min(h, round(w * 9 / 16))
    y0 = int(rng.integers(0, h - fh + 1))
    frame = img[y0 : y0 + fh]
    n = round(float(rng.uniform(7, 17)) * w / 400) | 1
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2] = 1.0
    rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), float(rng.uniform(-20, 20)), 1.0)
    kernel = cv2.warpAffine(kernel, rot, (n, n))
    kernel = np.asarray(kernel, np.float32) / np.float32(max(float(kernel.sum()), 1e-6))
    frame = np.asarray(cv2.filter2D(frame, -1, kernel), np.uint8)
    frame = np.asarray(
        cv2.resize(frame, (int(w * 0.8), int(fh * 0.8)), interpolation=cv2.INTER_AREA), np.uint8
    )
    frame = np.ascontiguousarray(frame)
    stamp = (
        f"2026-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d} "
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}:"
        f"{int(rng.integers(0, 60)):02d}"
    )
    scale = frame.shape[1] / 640
    at = (int(10 * scale) + 2, frame.shape[0] - int(12 * scale) - 2)
    cv2.putText(frame, stamp, at, cv2.FONT_HERSHEY_SIMPLEX, scale, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.putText(frame, stamp, at, cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), 1, cv2.LINE_AA)
    return np.asarray(frame, np.uint8)


def crop_window(img: U8, cw: int, ch: int, rng: Rng) -> tuple[int, int]:
    """Where a person would crop: of 6 random windows, the one with the most edges (a crop
    of something, not of a bare wall)."""
    h, w = img.shape[:2]
    edges = cv2.Canny(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), 60, 160)
    integral = cv2.integral(edges)
    best, at = -1.0, (0, 0)
    for _ in range(6):
        x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
        total = float(
            integral[y + ch, x + cw] - integral[y, x + cw] - integral[y + ch, x] + integral[y, x]
        )
        if total > best:
            best, at = total, (x, y)
    return at


def _flat_scene(img: U8, seed: int) -> Scene:
    """A picture not made by ``room_v7``, hung flat on a grey wall (2 m wide, 2.2 m away)."""
    h, w = img.shape[:2]
    res = w / 2.0
    wall = np.full((h * 3, w * 3, 3), 128, np.uint8)
    wall[h : 2 * h, w : 2 * w] = img[:, :, :3]
    plane = Plane(_rgba(wall), _vec(-3.0, -1.5 * h / res, 2.2), _vec(1, 0, 0), _vec(0, 1, 0), res)
    hfov = float(np.degrees(2 * np.arctan(1.0 / 2.2)))
    box = _Box(6.0, 3.0 * h / res, 2.2, -3.0, 1.5 * h / res)

    def dress(d: Rng) -> list[tuple[U8, float]]:
        return []

    return Scene(
        seed=-1 - seed,
        kind="flat",
        box=box,
        fixed=[plane],
        fixed_props=[],
        pieces=[],
        dress=dress,
        windows=[],
        camera=Camera(_vec(0, 0, 0), 0.0, 0.0, 0.0, hfov),
        outside_seed=0,
        condition="summer",
        scale=0.5,
    )


def views_v7(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v7's eight pictures of a place (see the module's docstring)."""
    scene = getattr(img, "scene", None) or _flat_scene(img, seed)
    rng = np.random.default_rng(VIEW_SEED + seed)
    h, w = img.shape[:2]
    out: dict[str, bytes] = {}

    dressed = _redress(scene, np.random.default_rng(DRESS_SEED + scene.seed))
    pic = render(scene.place(layout=dressed), _move(scene, rng, (0.2, 0.6), (4, 15)), w, h)
    out["redressed"] = _jpeg(
        _sensor(_cast(pic, rng, 0.08, float(rng.uniform(0.85, 1.15))), rng, 2.5), 85
    )

    pic = render(scene.place(), _move(scene, rng, (0.1, 0.4), (3, 10)), w, h)
    pic, _, _ = occlude(_cast(pic, rng, 0.1), rng)
    out["occluded"] = _jpeg(_sensor(pic, rng, 2.5), 80)

    cam = _move(scene, rng, (0.1, 0.5), (0, 8))
    cam.hfov = float(rng.uniform(95, 112))
    pic = wide_angle(scene, cam, w, h, float(rng.uniform(0.12, 0.25)))
    out["wide"] = _jpeg(_sensor(_cast(pic, rng, 0.1), rng, 3.0), 85)

    out["screen"] = _jpeg(_sensor(on_screen(np.asarray(img), rng), rng, 3.0), 80)

    pic = render(scene.place(), _move(scene, rng, (0.1, 0.4), (2, 10)), w, h)
    side = float(rng.uniform(0.4, 0.6))
    cw, ch = int(w * side), int(h * side)
    x, y = crop_window(pic, cw, ch, rng)
    crop = np.ascontiguousarray(pic[y : y + ch, x : x + cw])
    if rng.random() < 0.5:
        crop = np.asarray(cv2.resize(crop, (w, h), interpolation=cv2.INTER_CUBIC), np.uint8)
    out["crop"] = _jpeg(_sensor(_cast(crop, rng, 0.12), rng, 2.5), 80)

    pic = render(scene.place(), _move(scene, rng, (0.2, 0.6), (3, 14)), w, h)
    pic = _cast(pic, rng, 0.25)
    tiny = cv2.resize(
        pic, (TINY_WIDTH, max(1, round(TINY_WIDTH * h / w))), interpolation=cv2.INTER_AREA
    )
    out["tiny"] = _jpeg(np.asarray(tiny, np.uint8), 70)

    pic = render(scene.place(), _move(scene, rng, (0.1, 0.5), (2, 12)), w, h)
    frame = video_frame(_sensor(_cast(pic, rng, 0.1), rng, 3.0), rng)
    out["frame"] = _jpeg(frame, int(rng.integers(35, 51)))

    condition = SEASON_OUTSIDE[int(rng.integers(0, len(SEASON_OUTSIDE)))]
    pic = render(scene.place(condition=condition), _move(scene, rng, (0.1, 0.4), (2, 10)), w, h)
    if condition == "night":
        pic = _lamp(pic, rng, float(rng.uniform(0.55, 0.75)), (1.2, 1.0, 0.7), 1.3)
    elif condition == "dusk":
        pic = _lamp(pic, rng, float(rng.uniform(0.7, 0.85)), (1.1, 0.95, 0.85), 1.15)
    else:
        pic = _cast(pic, rng, 0.04, float(rng.uniform(1.0, 1.12)))
        pic = np.clip(pic.astype(np.float32) * np.array([0.9, 1.0, 1.12], np.float32), 0, 255)
        pic = pic.astype(np.uint8)
    out["season"] = _jpeg(_sensor(pic, rng, 3.5 if condition == "night" else 2.5), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v7", room=room_v7, views=views_v7)


def main() -> None:
    dry_run("v7", make_pictures, place_kind)


if __name__ == "__main__":
    main()

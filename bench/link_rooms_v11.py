"""Generator v11 of ``bench/link.py``: benign places as social media, phones and cameras at
night show them (mirror selfies, stories, filters, flash, screens, thumbnails), held out.

Written blind, like v6-v10: its author read only the brief of issue 14 (``issues show
14``), the first page of the project's DESIGN.md and STYLE.md, ``docs/architecture.md``,
``bench/link_rooms_v10.py`` and ``bench/link_rooms_v9.py`` (v10 nearly all; of v9 its
docstring, constants, renderer and ``views_v9``: for the interface, the truth format, the
shared picture writer, the renderer and what they cover), ``tests/bench/test_link_rooms_v10.py``
(for the shape of the tests) and, in ``bench/link.py``, only the generator plumbing:
``GENERATORS``, ``make_collection`` (its writer and ``views_*`` dict; the lines that add
the real pictures were on the same screen) and the ``--generator`` argument with the
parser lines round it (a grep for the plumbing also showed the module's import lines,
one line of its docstring and the ``room_v2``-``room_v5``/``views_v4``/``views_v5``
definition lines). Of ``bench/link_rooms_v6.py`` only the heads of ``write_pictures`` and
``dry_run`` were read (a grep that showed their signatures, ``dry_run``'s docstring and its
first parser lines), which v10 calls and this module calls the same way. Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run on these pictures (v10's generator, not the linker, was run once beside
v11's for the speed comparison): use it once, for a held-out figure. v9's projective
renderer (``render``, ``Plane``, ``Camera``, ``box_planes``) and a few of v10's drawing
primitives (paint, wood, tiles, bricks, fabric, art, book spines, labels, clocks, notes,
screens, window outsides, doors, JPEG and noise helpers) are imported; the places (their
shells, surfaces, furniture, wall things and look-alikes) and every view are v11's own.

Run with ``--generator v11 --no-real``. To look at the pictures and the truth without
linking anything: ``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v11 --rooms 12
--out /tmp/v11``.

**What a place is.** Each seed is one place built in 3-D as a *shell*: a cross-section
(a rectangle for most rooms; a pentagon-like attic with knee walls, slopes and a flat
collar strip; a caravan with coved roof corners; a boat cabin whose hull narrows to the
cabin sole) extruded from front to back, closed by a back and a front wall cut to that
shape. Fixed things are drawn into the shell's textures (windows with what they show,
roof windows in attic slopes, portholes with the sea, a garage's up-and-over door and
pegboard of tools, a basement's pipes, fuse box and joists, a stairwell's handrail,
posters, noticeboards, leaflet racks, clocks, pictures, shelves of books, sockets,
radiators, curtains and blinds); furniture and fittings are 3-D boxes (beds, bunks,
lockers, desks, wardrobes, sofas, workbenches, tool chests, racking, washing machines,
dryers, water heaters, overhead caravan lockers, dinettes, settees and berths, a chart
table, rows of waiting-room chairs, a reception counter, plants, a flight of stairs with
balusters). Loose things and bedding change from day to day. Two pictures show the same
place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(200_000_000 + seed)``): concrete with its
own stains and joints, blocks each their own shade, wood with its own boards, lino with
its own speckle, carpet tiles, wallboard, paint with its own unevenness, fabrics, art,
labels, outside views (sky, buildings, sea). No photograph is read, so two ordinary places
cannot share a photographed surface; the tests check that no two ordinary places share any
texture that is not a plain colour. What any two places may still have alike is what is
generic in real places too: socket plates, the twelve dots of a clock face, the Hershey
fonts of the (random) lettering.

**Kinds of place** (new or under-used so far): garage/workshop, basement laundry room,
attic bedroom (sloped ceiling), caravan interior, boat cabin, stairwell landing,
dormitory/hostel room, waiting room, and ordinary bedrooms and living rooms.

**Views (what is new compared with v1-v10):**

- ``mirror``: a mirror selfie: the room seen reflected in a wall mirror (a camera near the
  front wall looking into the room, moved up to 0.5 m and turned up to 20 degrees, 55-66
  degrees wide, the picture flipped left to right) inside a mirror 62-85 % of the frame
  wide and 70-92 % high, with a frame (wood or painted, 2-5 % of the width), the wall
  round it cut from the place's own front wall, a slight grey-green tint of the glass, a
  smear of glare, a plain dark out-of-focus silhouette holding a phone in front of the
  reflection (no person drawn, a shape), and the mirror seen 0-12 degrees off-axis (a
  keystone of up to 8 %).
- ``story``: a 9:16 social-media story: a picture from a camera moved up to 0.4 m, scaled
  to the story's width (0.8 of the original's width) and placed at 40-60 % of its height;
  above and below it, fill bars of the same picture enlarged to the full height, blurred
  (sigma 1/18 of the width) and darkened to 55-80 %; progress bars and a round avatar
  (random colour) at the top. JPEG 80.
- ``square``: a 1:1 crop (the height by the height, taken anywhere across) of a picture
  from a camera moved up to 0.3 m, resized to 0.8 of the height, JPEG 82.
- ``graded``: a colour-graded filter, one of four presets (a quarter each): teal-orange
  (shadows pushed to teal, highlights to orange, strength 0.25-0.4, saturation x1.3),
  faded (blacks lifted to 35-60, contrast x0.72-0.82, a warm or green tint), high contrast
  (an S-curve of strength 5-8, saturation x1.2-1.5), toned monochrome (70-100 %
  desaturated, sepia or blue toning); all with a vignette (corners at 45-75 % of the
  centre). Camera moved up to 0.3 m, turned up to 10 degrees. JPEG 85.
- ``floor``: a pet's-eye view: the camera at 0.2-0.35 m, looking level to 14 degrees up,
  72-84 degrees wide, moved up to 0.6 m and turned up to 20 degrees. JPEG 85.
- ``flash``: flash at night: only 4-10 % of warm ambient light; the flash's light falls
  off with the square of the distance (exposed for near things: full light at 0.85-1.15
  times the distance of the nearest fifth of the picture, clipped at 2.4x: nearer surfaces
  blown out, far walls dark) and by 30-45 % towards the frame's corners; cool flash
  colour, noise sigma 5 plus blotchy chroma noise in the darks. Camera moved up to 0.4 m,
  turned up to 14 degrees; distances from a depth picture of the same camera (the
  renderer run on distance textures). JPEG 80.
- ``shoulder``: an over-the-shoulder picture: a large plain silhouette (a head's ellipse
  and a shoulder's) of one dark colour close to the lens, heavily out of focus (blur sigma
  1/22 of the width), on the left or right, hiding 25-45 % of the frame; camera moved up
  to 0.3 m. JPEG 85.
- ``screen``: a photo of a screen showing the room: a picture at half the size (camera
  moved up to 0.4 m) on a display with RGB sub-pixel stripes (3 display pixels a picture
  pixel) and dark row gaps, a bezel of 3-6 % of the width, seen with keystone (up to 12 %)
  and a turn of up to 6 degrees, 70-90 % of the frame wide, resampled without prefiltering
  (moiré), a glare ellipse (alpha 0.15-0.3), a dim unlit background (smooth noise),
  slight defocus. JPEG 85.
- ``beforeafter``: a split "before / after" collage: two halves side by side, each a
  random half-width cut of a picture from its own camera (moved up to 0.5 m, turned up to
  15 degrees): "before" on another day's bedding and clutter, dimmer and cooler
  (x0.7-0.85), "after" on a third day's, brighter and warmer; a white divider 2-6 px and a
  tag of random syllables on each half. JPEG 85.
- ``rotated``: a portrait phone picture saved without its EXIF orientation: rendered
  portrait (the original's height wide, its width high; camera moved up to 0.4 m) and
  stored turned by 90 degrees either way, so it has the original's shape but lies on its
  side. JPEG 85.
- ``thumbnail``: a thumbnail 160 px wide (JPEG 70) of a picture from a camera moved up to
  0.3 m, upscaled back to the full size (bicubic). JPEG 85.
- ``grain``: a long exposure in the dark: 15-30 % of the light, pushed back up, grain
  (sigma 12-20) and blotchy low-frequency chroma noise, then heavy noise reduction (two
  bilateral passes of diameter 9, colour sigma 50-80, and a median of 3): flat areas
  smeared like watercolour, fine detail gone. Camera moved up to 0.3 m. JPEG 75.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds):

- *Flats of one building* (6 %: ``seed % 50`` in {13, 14, 15}, kind ``building flat``):
  the open-plan living-kitchen of three flats of one building (template ``201_000_000 +
  seed // 50``): the same size, the same fitted kitchen (units with their doors and
  worktop, in the same place along the back wall, the same fridge), the same flooring
  (each flat's lit its own way), the same window places and frames. They differ in the
  wall paint, what the windows show, the curtains, the sofa, table and other furniture and
  where they stand, what hangs on the walls, bedding, cushions and clutter, and the
  camera.
- *Identical dormitory rooms* (2 %: ``seed % 100`` in {27, 28}, ``twin dorm``): one hall
  (``202_000_000 + seed // 100``): the same size, the same two beds' frames, desks and
  lockers in the same places, the same lino, the same window place, frame and curtains,
  and the same wall colour (each wall a shade of it, with the room's own unevenness). They
  differ in bedding, posters and what hangs on the walls, what the window shows, the
  clutter and the camera.
- *Caravans of one model* (2 %: ``seed % 100`` in {81, 82}, ``caravan model``): one model
  (``203_000_000 + seed // 100``): the same shell and size, the same wallboard, floor,
  overhead lockers, dinette upholstery, kitchen unit and window places and frames. They
  differ in what the windows show, the blinds, the ceiling's paint, the cushions, the
  pictures on the walls, the clutter and the camera.

**Pictures per place: 13** (the original and 12 views): ``original`` (PNG), ``mirror``
(JPEG 85), ``story`` (0.8 of the width by 16/9 of that, JPEG 80), ``square`` (0.8 of the
height square, JPEG 82), ``graded`` (JPEG 85), ``floor`` (JPEG 85), ``flash`` (JPEG 80),
``shoulder`` (JPEG 85), ``screen`` (JPEG 85), ``beforeafter`` (JPEG 85), ``rotated``
(the original's shape, JPEG 85), ``thumbnail`` (the original's size, JPEG 85 of a JPEG
70 at 160 px wide), ``grain`` (JPEG 75). Every view but ``story`` and ``square`` has
the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 flats in every 50 seeds, 2 dorm rooms and
2 caravans in every 100); the other seeds draw their kind with shares garage 11 %,
basement 10 %, attic 11 %, caravan 10 %, boat 9 %, stairwell 9 %, dorm 10 %, waiting
room 10 %, bedroom 10 %, living room 10 %. Counted on seeds 0-999 (``kind_counts``):
flats 60, twin dorm rooms 20, model caravans 20; of the other 900: stairwell 107, garage 106,
caravan 93, dorm 92, attic 91, boat 87, basement 85, bedroom 85, waiting room 82, living
room 72 (the tests check each share within ±4 points). The first 60 seeds (a default
``--rooms 60`` run): boat 8, garage 8, caravan 7, basement 7, stairwell 6, attic 5, dorm
4, living 4, waiting 3, bedroom 3, flats 3 (seeds 13-15), twin dorm rooms 2 (27, 28).

**Speed**: 0.57 s of CPU a place (13 pictures at 400x300; 0.60-0.62 s wall), seeds
200-223, two runs, at load average 5.6-6.1 on the shared 2-core machine (a long benchmark
running beside it); v10 took 0.41 s a place on the same seeds just before (load 5.6-5.9):
about 1.4x v10's CPU time (two more views, and the flash view's depth picture). About
1.6 s of CPU a place at 800x600 (seeds 200-207, same load).

**Seeds**: a place ``200_000_000 + seed``; building template ``201_000_000 + seed // 50``;
dorm hall ``202_000_000 + seed // 100``; caravan model ``203_000_000 + seed // 100``; a
day's bedding and clutter ``204_000_000 + 3 * seed + day`` (day 0 in the original and all
views but ``beforeafter``, which shows days 1 and 2); views ``default_rng([205_000_000,
seed, i])`` (``i`` the index ``make_collection`` passes); the original's sensor noise
``206_000_000 + seed``. Deterministic by seed. No person is drawn: the only figure is a
plain out-of-focus silhouette shape. Lettering is random syllables. Pictures not made by
``room_v11`` (the real pictures of ``bench/link.py`` when run without ``--no-real``) are
hung as a print 2 m wide on the back wall of a generated bedroom or living room and seen
the same ways.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.link_rooms_v6 import dry_run, write_pictures
from bench.link_rooms_v9 import Camera, Plane, box_planes, render
from bench.link_rooms_v10 import (
    _art,
    _books,
    _bricks,
    _c,
    _clock,
    _door,
    _fabric,
    _field,
    _framed,
    _jpeg,
    _label,
    _noise,
    _notes,
    _outside,
    _paint,
    _paste,
    _screen,
    _shade,
    _text,
    _tiles,
    _u8,
    _unjpeg,
    _wood,
    _word,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]
Point = tuple[float, float]

PLACE_SEED = 200_000_000
FLAT_SEED = 201_000_000
DORM_SEED = 202_000_000
CARAVAN_SEED = 203_000_000
DAY_SEED = 204_000_000
VIEW_SEED = 205_000_000
SENSOR_SEED = 206_000_000
FLAT_EVERY, FLAT_SLOTS = 50, (13, 14, 15)
DORM_EVERY, DORM_SLOTS = 100, (27, 28)
CARAVAN_EVERY, CARAVAN_SLOTS = 100, (81, 82)
RES = 180.0  # texture pixels a metre (v10's, whose bricks are drawn at this scale)
KINDS = (
    ("garage", 0.11),
    ("basement", 0.10),
    ("attic", 0.11),
    ("caravan", 0.10),
    ("boat", 0.09),
    ("stairwell", 0.09),
    ("dorm", 0.10),
    ("waiting", 0.10),
    ("bedroom", 0.10),
    ("living", 0.10),
)
VIEW_KINDS = (
    "mirror",
    "story",
    "square",
    "graded",
    "floor",
    "flash",
    "shoulder",
    "screen",
    "beforeafter",
    "rotated",
    "thumbnail",
    "grain",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
GRADES = ("tealorange", "faded", "contrast", "toned")
THUMB_WIDTH = 160
DEPTH_SCALE = 40.0  # depth pictures: grey level per metre


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


def _px(metres: float) -> int:
    return max(4, round(metres * RES))


# --- v11's own surfaces, every one drawn from the rng it is given ----------------------------


def _concrete(rng: Rng, w: int, h: int, tone: int) -> U8:
    """Concrete: cloudy grey, fine grain, stains, a few joints and oil spots."""
    k = 1 + 0.07 * _field(rng, w, h, 60) + 0.04 * _field(rng, w, h, 9) + 0.05 * _field(rng, w, h, 1)
    tint = np.array(rng.uniform(0.94, 1.06, 3), np.float32)
    img = _u8(np.float32(tone) * tint[None, None, :] * k[:, :, None])
    for _ in range(int(rng.integers(2, 7))):  # stains
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        ax = (int(rng.integers(8, max(9, w // 6))), int(rng.integers(6, max(7, h // 6))))
        layer = img.copy()
        cv2.ellipse(
            layer, (x, y), ax, float(rng.uniform(0, 180)), 0, 360, _shade(_c(rng, 40, 90), 1.0), -1
        )
        a = float(rng.uniform(0.15, 0.45))
        img = _u8(img.astype(np.float32) * (1 - a) + layer.astype(np.float32) * a)
    for _ in range(int(rng.integers(0, 3))):  # joints or cracks
        if rng.random() < 0.5:
            x = int(rng.integers(0, w))
            cv2.line(img, (x, 0), (x + int(rng.integers(-8, 9)), h), _shade((tone,) * 3, 0.6), 1)  # type: ignore[arg-type]
        else:
            pts = np.cumsum(rng.integers(-6, 7, (12, 2)), axis=0) + rng.integers(0, [w, h])
            cv2.polylines(img, [pts.astype(np.int32)], False, _shade((tone,) * 3, 0.55), 1)  # type: ignore[arg-type]
    return np.asarray(cv2.GaussianBlur(img, (3, 3), 0.6), np.uint8)


def _blocks(rng: Rng, w: int, h: int, colour: Colour, painted: bool) -> U8:
    """Concrete blocks (0.44 x 0.215 m), each its own shade and pores; mortar joints."""
    out = np.empty((h, w, 3), np.uint8)
    out[:] = _shade(colour, 0.8 if not painted else 0.93)
    bw, bh = _px(0.44), _px(0.215)
    pores = 1 + (0.12 if not painted else 0.04) * _field(rng, w, h, 1)
    spread = (0.85, 1.12) if not painted else (0.97, 1.03)
    for row, y in enumerate(range(0, h, bh + 2)):
        shift = (bw // 2) * (row % 2)
        for x in range(-shift, w, bw + 2):
            x0, x1, y1 = max(0, x), min(w, x + bw), min(h, y + bh)
            if x1 <= x0 or y1 <= y:
                continue
            base = np.array(_shade(colour, float(rng.uniform(*spread))), np.float32)
            out[y:y1, x0:x1] = _u8(base[None, None, :] * pores[y:y1, x0:x1, None])
    return out


def _lino(rng: Rng, w: int, h: int) -> U8:
    """Sheet vinyl: a colour with speckles of two or three others, scuffs."""
    img = _paint(rng, w, h, _c(rng, 90, 220))
    for _ in range(int(rng.integers(2, 4))):
        col = _c(rng, 30, 250)
        n = w * h // int(rng.integers(40, 120))
        xs, ys = rng.integers(0, w, n), rng.integers(0, h, n)
        img[ys, xs] = col
    img = np.asarray(cv2.GaussianBlur(img, (3, 3), 0.5), np.uint8)
    for _ in range(int(rng.integers(3, 10))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.line(
            img,
            (x, y),
            (x + int(rng.integers(-30, 31)), y + int(rng.integers(-6, 7))),
            _shade(tuple(int(v) for v in img[y, x]), 0.8),
            1,
        )  # type: ignore[arg-type]
    return img


def _carpet_tiles(rng: Rng, w: int, h: int) -> U8:
    """Carpet tiles 0.5 m square, laid quarter-turned: stripes alternating direction."""
    colour = _c(rng, 50, 170)
    out = np.empty((h, w, 3), np.uint8)
    s = _px(0.5)
    yy, xx = np.mgrid[0:s, 0:s].astype(np.float32)
    for ty in range(0, h, s):
        for tx in range(0, w, s):
            turn = ((tx // s) + (ty // s)) % 2
            a = xx if turn else yy
            stripes = 1 + 0.07 * np.sin(a * float(rng.uniform(0.9, 1.3)))
            k = float(rng.uniform(0.92, 1.08))
            tile = _u8(np.array(_shade(colour, k), np.float32)[None, None, :] * stripes[:, :, None])
            _paste(out, tile, tx, ty)
    grain = 1 + 0.1 * _field(rng, w, h, 1) + 0.05 * _field(rng, w, h, 30)
    return _u8(out.astype(np.float32) * grain[:, :, None])


def _wallboard(rng: Rng, w: int, h: int) -> U8:
    """A caravan's vinyl wallboard: a pale colour with a small, faint printed motif."""
    img = _paint(rng, w, h, _c(rng, 170, 245))
    col = _shade(tuple(int(v) for v in img[0, 0]), float(rng.uniform(0.8, 0.92)))  # type: ignore[arg-type]
    step = int(rng.integers(10, 22))
    shape = int(rng.integers(0, 3))
    for y in range(0, h, step):
        for x in range((y // step % 2) * step // 2, w, step):
            jx, jy = x + int(rng.integers(-2, 3)), y + int(rng.integers(-2, 3))
            if shape == 0:
                cv2.circle(img, (jx, jy), max(1, step // 6), col, -1)
            elif shape == 1:
                cv2.line(img, (jx, jy), (jx + step // 3, jy + step // 4), col, 1)
            else:
                cv2.rectangle(img, (jx, jy), (jx + step // 4, jy + step // 4), col, 1)
    return img


def _panelling(rng: Rng, w: int, h: int) -> U8:
    """Varnished tongue-and-groove boards (a boat's, a stairwell's dado)."""
    return _wood(rng, w, h, _c(rng, 110, 200), _px(float(rng.uniform(0.07, 0.12))), along_x=False)


def _deck(rng: Rng, w: int, h: int) -> U8:
    """A cabin sole: teak planks with light holly lines."""
    img = _wood(rng, w, h, _c(rng, 110, 170), _px(float(rng.uniform(0.06, 0.09))))
    step = _px(float(rng.uniform(0.12, 0.18)))
    for y in range(int(rng.integers(0, step)), h, step):
        cv2.line(img, (0, y), (w, y), _c(rng, 200, 240), 1)
    return img


def _headliner(rng: Rng, w: int, h: int) -> U8:
    """A padded vinyl headliner: buttoned in a grid, each pad shaded."""
    img = _paint(rng, w, h, _c(rng, 190, 245))
    step = _px(float(rng.uniform(0.2, 0.3)))
    for y in range(step // 2, h, step):
        for x in range(step // 2, w, step):
            cv2.circle(img, (x, y), 2, _shade(tuple(int(v) for v in img[y, x]), 0.7), -1)  # type: ignore[arg-type]
    return img


def _joists(rng: Rng, w: int, h: int, along_x: bool) -> U8:
    """A basement's ceiling: boards between joists seen from below."""
    img = _wood(rng, w, h, _c(rng, 120, 200), _px(0.14), along_x=along_x)
    step = _px(float(rng.uniform(0.4, 0.6)))
    dark = _c(rng, 60, 110)
    for a in range(int(rng.integers(0, step)), w if not along_x else h, step):
        if along_x:
            cv2.rectangle(img, (0, a), (w, a + _px(0.05)), dark, -1)
        else:
            cv2.rectangle(img, (a, 0), (a + _px(0.05), h), dark, -1)
    return img


def _sea(rng: Rng, w: int, h: int) -> U8:
    """What a porthole shows: sky, clouds, the sea with its waves, maybe a far shore."""
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    sky = _u8(
        np.array(_c(rng, 120, 210), np.float32) * np.float32(0.9) * (1 - t) + np.float32(230) * t
    )
    cloud = np.clip(_field(rng, w, h, 12) - 0.3, 0, 1)
    img = _u8(sky.astype(np.float32) + 70 * cloud[:, :, None])
    horizon = int(h * rng.uniform(0.35, 0.6))
    if rng.random() < 0.6:  # a far shore
        xs = np.linspace(0, w, 7)
        ys = horizon - rng.uniform(1, h * 0.15, 7)
        pts = np.concatenate([np.stack([xs, ys], 1), [[w, horizon], [0, horizon]]]).astype(np.int32)
        cv2.fillPoly(img, [pts], _c(rng, 40, 120))
    water = np.array(_c(rng, 20, 110), np.float32) * np.array([0.5, 0.8, 1.2], np.float32)
    yy = np.arange(h - horizon, dtype=np.float32)[:, None]
    xx = np.arange(w, dtype=np.float32)[None, :]
    waves = 1 + 0.18 * np.sin(
        xx * float(rng.uniform(0.3, 0.7)) + yy * 1.7 + _field(rng, w, h - horizon, 5) * 3
    )
    img[horizon:] = _u8(water[None, None, :] * waves[:, :, None])
    return img


def _pegboard(rng: Rng, w: int, h: int) -> U8:
    """A pegboard with its holes and tools hanging on it (outlined shapes, random colours)."""
    img = _paint(rng, w, h, _c(rng, 150, 220))
    for y in range(4, h, 9):
        for x in range(4, w, 9):
            img[y : y + 2, x : x + 2] = _shade(tuple(int(v) for v in img[y, x]), 0.4)  # type: ignore[arg-type]
    for _ in range(int(rng.integers(5, 12))):
        x, y = int(rng.integers(5, max(6, w - 25))), int(rng.integers(5, max(6, h - 40)))
        col = _c(rng, 20, 230)
        what = int(rng.integers(0, 4))
        ln = int(rng.integers(18, 45))
        if what == 0:  # a spanner
            cv2.line(img, (x, y), (x, y + ln), col, 3)
            cv2.circle(img, (x, y), 5, col, 2)
        elif what == 1:  # a hammer
            cv2.line(img, (x, y), (x, y + ln), _c(rng, 90, 200), 4)
            cv2.rectangle(img, (x - 8, y - 3), (x + 8, y + 4), col, -1)
        elif what == 2:  # a saw
            pts = np.array([[x, y], [x + ln, y + 6], [x + ln, y + 14], [x, y + 12]], np.int32)
            cv2.fillPoly(img, [pts], _c(rng, 160, 220))
            cv2.rectangle(img, (x - 10, y), (x, y + 12), col, -1)
        else:  # a coil of cable
            cv2.circle(img, (x + 10, y + 10), int(rng.integers(6, 12)), col, 3)
    return img


def _up_and_over(rng: Rng, w: int, h: int) -> U8:
    """A garage's up-and-over door: ribbed metal panels, a handle."""
    col = _c(rng, 60, 235)
    img = _paint(rng, w, h, col)
    step = int(rng.integers(8, 16))
    for x in range(0, w, step):
        cv2.line(img, (x, 0), (x, h), _shade(col, 0.8), 2)
        cv2.line(img, (x + 2, 0), (x + 2, h), _shade(col, 1.12), 1)
    cv2.rectangle(
        img, (w // 2 - 12, int(h * 0.7)), (w // 2 + 12, int(h * 0.7) + 6), (70, 70, 70), -1
    )
    return img


def _leaflets(rng: Rng, w: int, h: int) -> U8:
    """A wall rack of leaflets: rows of pockets, each with a printed leaflet."""
    img = _paint(rng, w, h, _c(rng, 150, 240))
    rows, cols = int(rng.integers(2, 4)), int(rng.integers(2, 5))
    pw, ph = w // cols, h // rows
    for r in range(rows):
        for c in range(cols):
            _paste(img, _label(rng, pw - 6, ph - 8), c * pw + 3, r * ph + 2)
            cv2.rectangle(
                img,
                (c * pw + 2, r * ph + ph // 2),
                (c * pw + pw - 3, r * ph + ph - 3),
                (225, 228, 230),
                2,
            )
    return img


def _fusebox(rng: Rng, w: int, h: int) -> U8:
    img = _paint(rng, w, h, _c(rng, 180, 240))
    for i in range(int(rng.integers(4, 10))):
        x = 4 + i * max(3, (w - 8) // 10)
        cv2.rectangle(img, (x, h // 3), (x + max(2, w // 14), h // 3 + h // 4), _c(rng, 0, 256), -1)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), _shade(tuple(int(v) for v in img[2, 2]), 0.7), 2)  # type: ignore[arg-type]
    return img


def _lifebuoy(rng: Rng, s: int, bg: U8) -> U8:
    img = bg.copy()
    a, b = _c(rng, 150, 255), _c(rng, 200, 255)
    c = s // 2
    for k in range(8):
        cv2.ellipse(
            img, (c, c), (c - 2, c - 2), 0, k * 45, k * 45 + 45, a if k % 2 else b, max(3, s // 6)
        )
    return img


def _plant(rng: Rng, w: int, h: int) -> U8:
    """A pot plant's foliage: leaves drawn one by one."""
    img = _paint(rng, w, h, _c(rng, 20, 70))
    for _ in range(w * h // 25):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        g = _c(rng, 20, 150)
        cv2.ellipse(
            img,
            (x, y),
            (int(rng.integers(3, 8)), 2),
            float(rng.uniform(0, 180)),
            0,
            360,
            (g[0] // 2, g[1], g[2] // 3),
            -1,
        )
    return img


def _blind(rng: Rng, w: int, h: int) -> U8:
    """A pleated blind, half down."""
    col = _c(rng, 170, 250)
    img = _paint(rng, w, h, col)
    for y in range(0, h, 4):
        cv2.line(img, (0, y), (w, y), _shade(col, 0.85), 1)
    return img


def _window(rng: Rng, w: int, h: int, outside: U8, frame: Colour, round_: bool = False) -> U8:
    """A window (an RGB patch): its frame, the outside, bars; rounded corners for caravans."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = frame
    b = max(4, w // 18)
    inner = cv2.resize(outside, (w - 2 * b, h - 2 * b), interpolation=cv2.INTER_AREA)
    if round_:
        mask = np.zeros((h - 2 * b, w - 2 * b), np.uint8)
        r = max(4, min(w, h) // 5)
        cv2.rectangle(mask, (r, 0), (w - 2 * b - r, h - 2 * b), 255, -1)
        cv2.rectangle(mask, (0, r), (w - 2 * b, h - 2 * b - r), 255, -1)
        for cx, cy in (
            (r, r),
            (w - 2 * b - r, r),
            (r, h - 2 * b - r),
            (w - 2 * b - r, h - 2 * b - r),
        ):
            cv2.circle(mask, (cx, cy), r, 255, -1)
        region = img[b:-b, b:-b]
        region[mask > 0] = inner[mask > 0]
    else:
        img[b:-b, b:-b] = inner
        for i in range(1, int(rng.integers(0, 3)) + 1):
            x = b + i * (w - 2 * b) // 3
            cv2.rectangle(img, (x - b // 3, b), (x + b // 3, h - b), frame, -1)
    return img


# --- the shell of a place --------------------------------------------------------------------


SIZES = {  # width, height (ridge), depth ranges (m)
    "garage": ((2.8, 3.6), (2.3, 2.6), (5.0, 6.0)),
    "basement": ((3.0, 4.5), (2.0, 2.3), (3.5, 5.5)),
    "attic": ((3.6, 5.0), (2.4, 2.8), (3.5, 5.5)),
    "caravan": ((2.1, 2.3), (1.95, 2.05), (4.0, 5.5)),
    "boat": ((2.4, 3.2), (1.85, 2.0), (3.0, 4.5)),
    "stairwell": ((2.2, 3.0), (2.6, 3.0), (3.5, 5.0)),
    "dorm": ((3.0, 4.0), (2.5, 2.8), (4.0, 5.0)),
    "waiting": ((4.0, 6.0), (2.6, 3.0), (4.5, 7.0)),
    "bedroom": ((3.0, 4.2), (2.4, 2.7), (3.2, 4.5)),
    "living": ((3.8, 5.5), (2.4, 2.8), (4.0, 6.0)),
}


def _profile(base: str, rng: Rng, w: float, h: float) -> list[tuple[Point, str]]:
    """The cross-section (x, y), counter-clockwise from the floor's left end; each point
    starts an edge of the named role (floor, wall, slope, ceiling, hull)."""
    x = w / 2
    if base == "attic":
        knee = float(rng.uniform(0.8, 1.3))
        collar = float(rng.uniform(0.3, 0.6))
        return [
            ((-x, 0), "floor"),
            ((x, 0), "wall"),
            ((x, knee), "slope"),
            ((collar, h), "ceiling"),
            ((-collar, h), "slope"),
            ((-x, knee), "wall"),
        ]
    if base == "caravan":
        return [
            ((-x, 0), "floor"),
            ((x, 0), "wall"),
            ((x, h - 0.25), "slope"),
            ((x - 0.3, h), "ceiling"),
            ((-x + 0.3, h), "slope"),
            ((-x, h - 0.25), "wall"),
        ]
    if base == "boat":
        sole = float(rng.uniform(0.45, 0.6)) * x
        return [
            ((-sole, 0), "floor"),
            ((sole, 0), "hull"),
            ((x, 0.5), "wall"),
            ((x, h - 0.22), "slope"),
            ((x - 0.35, h), "ceiling"),
            ((-x + 0.35, h), "slope"),
            ((-x, h - 0.22), "wall"),
            ((-x, 0.5), "hull"),
        ]
    return [((-x, 0), "floor"), ((x, 0), "wall"), ((x, h), "ceiling"), ((-x, h), "wall")]


def _half_width(profile: list[tuple[Point, str]], y: float) -> float:
    """Half the width of the (convex, symmetric) cross-section at height y."""
    best = 0.0
    pts = [p for p, _ in profile]
    for i in range(len(pts)):
        (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % len(pts)]
        if min(y0, y1) - 1e-9 <= y <= max(y0, y1) + 1e-9:
            if abs(y1 - y0) < 1e-9:
                best = max(best, abs(x0), abs(x1))
            else:
                t = (y - y0) / (y1 - y0)
                best = max(best, abs(x0 + t * (x1 - x0)))
    return best


@dataclass
class Surface:
    """One face of the shell: a side surface (an extruded edge) or an end wall."""

    name: str
    role: str
    tex: U8
    origin: F64
    u: F64
    v: F64
    size: tuple[float, float]


def _side_frame(p0: Point, p1: Point, centre: Point, depth: float) -> tuple[F64, F64, F64, float]:
    """Origin, u (along the depth) and v (down the edge) of an extruded edge, oriented so
    that its texture is seen upright and unmirrored from inside; and the edge's length."""
    e = np.array([p1[0] - p0[0], p1[1] - p0[1]])
    length = float(np.hypot(*e))
    if abs(e[1]) > 1e-9:
        start = p0 if p0[1] > p1[1] else p1
        d2 = -np.abs(e[1]) / length
        v = _vec(float((e[0] if e[1] < 0 else -e[0]) / length), float(d2), 0.0)
    else:
        start = p0 if p0[0] < p1[0] else p1
        v = _vec(1.0, 0.0, 0.0)
    mid = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
    inward = _vec(centre[0] - mid[0], centre[1] - mid[1], 0.0)
    u = _vec(0, 0, 1)
    origin = _vec(start[0], start[1], 0.0)
    if float(np.dot(np.cross(u, v), inward)) < 0:
        u = _vec(0, 0, -1)
        origin = _vec(start[0], start[1], depth)
    return origin, u, v, length


def _end_mask(profile: list[tuple[Point, str]], w: float, h: float, mirror: bool) -> U8:
    """The alpha of an end wall's texture: the cross-section, seen from inside."""
    tw, th = _px(w), _px(h)
    pts = []
    for (x, y), _ in profile:
        tx = (x + w / 2) if not mirror else (w / 2 - x)
        pts.append((tx * RES, (h - y) * RES))
    mask = np.zeros((th, tw), np.uint8)
    cv2.fillPoly(mask, [np.round(np.array(pts) * 4).astype(np.int32)], 255, cv2.LINE_AA, shift=2)
    return mask


# --- furniture ---------------------------------------------------------------------------------


@dataclass
class Box:
    """A piece of furniture or a thing: centre (x, z) of its footprint, width (x), depth
    (z), height, standing at y0, with its textures; ``soft`` bedding changes by day."""

    x: float
    z: float
    w: float
    d: float
    h: float
    y0: float
    tex: dict[str, U8]
    soft: str = ""


def _piece(rng: Rng, name: str) -> dict[str, U8]:
    """The textures of one piece, its design drawn from ``rng``."""
    n = 96
    if name in ("bed", "bunk", "berth"):
        frame = (
            _wood(rng, n, n // 3, _c(rng, 60, 210), 10)
            if rng.random() < 0.6
            else _paint(rng, n, n // 3, _c(rng, 40, 240))
        )
        head = (
            _wood(rng, n, n // 2, _c(rng, 60, 200), 12)
            if rng.random() < 0.5
            else _fabric(rng, n, n // 2)
        )
        return {"front": frame, "top": frame, "head": head}
    if name in ("wardrobe", "chest", "units", "cabinet", "lockers", "overhead", "locker", "galley"):
        body = (
            _wood(rng, n, n, _c(rng, 60, 230), 10, along_x=False)
            if rng.random() < 0.5
            else _paint(rng, n, n, _c(rng, 100, 250))
        )
        front = body.copy()
        rows = 1 if name in ("overhead", "locker") else int(rng.integers(1, 4))
        cols = int(rng.integers(1, 4))
        handle = _c(rng, 20, 220)
        for r in range(rows):
            for c in range(cols):
                x0, y0 = 3 + c * n // cols, 3 + r * n // rows
                x1, y1 = (c + 1) * n // cols - 3, (r + 1) * n // rows - 3
                cv2.rectangle(front, (x0, y0), (x1, y1), _shade(handle, 0.5), 1)
                if name == "locker":  # vents
                    for k in range(4):
                        cv2.line(
                            front,
                            (x0 + 6, y0 + 8 + 4 * k),
                            (x1 - 6, y0 + 8 + 4 * k),
                            _shade(handle, 0.4),
                            1,
                        )
                cv2.rectangle(
                    front, ((x0 + x1) // 2 - 5, y1 - 9), ((x0 + x1) // 2 + 5, y1 - 6), handle, -1
                )
        top = body
        if name in ("units", "galley"):  # a worktop, maybe a hob or a sink
            top = _paint(rng, n, n, _c(rng, 30, 240))
            if rng.random() < 0.7:
                for cx, cy in ((30, 30), (66, 30), (30, 66), (66, 66)):
                    cv2.circle(top, (cx, cy), 12, (30, 30, 30), 3)
        return {"front": front, "left": body, "right": body, "top": top}
    if name in ("sofa", "chair", "armchair", "dinette", "settee", "seat", "chairs"):
        cloth = _fabric(rng, n, n // 2)
        return {"front": cloth, "top": cloth}
    if name in ("table", "desk", "counter", "workbench", "charttable"):
        top = (
            _wood(rng, n, n, _c(rng, 60, 230), 16)
            if rng.random() < 0.6
            else _paint(rng, n, n, _c(rng, 40, 240))
        )
        side = _u8(top.astype(np.float32) * 0.8)
        if name == "counter":
            side = _paint(rng, n, n // 2, _c(rng, 40, 240))
            _text(side, rng, _word(rng).upper(), 8, n // 4, 10, _c(rng, 0, 80))
        return {"front": side, "top": top}
    if name in ("washer", "dryer"):
        white = _paint(rng, n, n, (238, 238, 236) if rng.random() < 0.85 else _c(rng, 150, 250))
        front = white.copy()
        cv2.circle(front, (n // 2, n // 2 + 8), 28, (120, 120, 125), 4)
        cv2.circle(front, (n // 2, n // 2 + 8), 24, _c(rng, 20, 90), -1)
        cv2.rectangle(front, (8, 6), (40, 14), _c(rng, 150, 230), -1)
        for k in range(int(rng.integers(2, 6))):
            cv2.circle(front, (56 + 7 * k, 10), 2, _c(rng, 0, 120), -1)
        return {"front": front, "top": white}
    if name in ("heater", "fridge", "freezer", "cooler"):
        white = _paint(rng, n, n * 2, _c(rng, 190, 250))
        front = white.copy()
        if name == "fridge":
            front = _notes(rng, n, n * 2, tuple(int(v) for v in white[0, 0]))  # type: ignore[arg-type]
        else:
            cv2.rectangle(front, (n // 3, n // 3), (2 * n // 3, n // 3 + 12), _c(rng, 0, 256), -1)
        return {"front": front, "top": white}
    if name in ("toolchest",):
        body = _paint(rng, n, n, _c(rng, 60, 240))
        front = body.copy()
        for y in range(8, n - 6, int(rng.integers(10, 20))):
            cv2.line(front, (4, y), (n - 4, y), (40, 40, 40), 1)
            cv2.rectangle(front, (n // 2 - 14, y + 3), (n // 2 + 14, y + 5), (200, 200, 205), -1)
        return {"front": front, "top": body}
    if name in ("racking", "shelves", "bookcase"):
        front = np.zeros((n * 2, n, 3), np.uint8)
        frame = _c(rng, 40, 220)
        front[:] = frame
        rows = 4
        for r in range(rows):
            y0 = r * (n * 2 // rows) + 4
            y1 = (r + 1) * (n * 2 // rows) - 4
            inner = (
                _books(rng, n - 8, y1 - y0) if name == "bookcase" else _tins(rng, n - 8, y1 - y0)
            )
            _paste(front, inner, 4, y0)
        return {"front": front, "top": _paint(rng, 32, 32, frame)}
    if name == "plant":
        return {"front": _plant(rng, 48, 64), "top": _plant(rng, 48, 48)}
    if name == "tv":
        scr = _screen(rng, n, n // 2)
        return {"front": scr, "top": np.full((4, 4, 3), 25, np.uint8)}
    if name == "lamp":
        shade = _fabric(rng, 48, 32)
        return {"front": shade, "top": _u8(shade.astype(np.float32) * 1.2)}
    body = _paint(rng, n, n, _c(rng, 40, 240))
    return {"front": body}


def _tins(rng: Rng, w: int, h: int) -> U8:
    """A shelf of tins, boxes and bottles."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 20, 80)
    x = int(rng.integers(0, 5))
    while x < w - 4:
        bw = int(rng.integers(6, 22))
        bh = int(rng.integers(max(3, h // 3), max(4, h - 2)))
        if rng.random() < 0.5:
            _paste(img, _label(rng, bw, bh), x, h - bh)
        else:
            cv2.rectangle(img, (x, h - bh), (x + bw - 1, h), _c(rng, 30, 250), -1)
        x += bw + int(rng.integers(0, 5))
    return img


PIECES = {  # name, width, depth, height (m), y0; the first ones matter most
    "garage": [
        ("workbench", 1.8, 0.6, 0.9, 0.0),
        ("racking", 1.2, 0.45, 1.9, 0.0),
        ("toolchest", 0.7, 0.45, 1.0, 0.0),
        ("freezer", 0.6, 0.65, 0.9, 0.0),
        ("cabinet", 0.8, 0.4, 1.8, 0.0),
        ("boxes", 0.6, 0.5, 0.5, 0.0),
    ],
    "basement": [
        ("washer", 0.6, 0.6, 0.85, 0.0),
        ("dryer", 0.6, 0.6, 0.85, 0.0),
        ("heater", 0.55, 0.55, 1.5, 0.0),
        ("racking", 1.0, 0.4, 1.8, 0.0),
        ("units", 1.0, 0.55, 0.9, 0.0),
        ("basket", 0.5, 0.4, 0.45, 0.0),
    ],
    "attic": [
        ("bed", 1.4, 2.0, 0.45, 0.0),
        ("chest", 0.8, 0.45, 0.75, 0.0),
        ("desk", 1.0, 0.55, 0.75, 0.0),
        ("lamp", 0.3, 0.3, 0.45, 0.0),
        ("bookcase", 0.8, 0.3, 0.9, 0.0),
    ],
    "caravan": [
        ("dinette", 0.5, 1.2, 0.45, 0.0),
        ("dinette", 0.5, 1.2, 0.45, 0.0),
        ("table", 0.8, 0.7, 0.72, 0.0),
        ("galley", 1.2, 0.55, 0.9, 0.0),
        ("fridge", 0.5, 0.5, 1.2, 0.0),
        ("overhead", 1.6, 0.35, 0.33, 1.38),
        ("overhead", 1.6, 0.35, 0.33, 1.38),
    ],
    "boat": [
        ("berth", 0.7, 1.9, 0.42, 0.0),
        ("berth", 0.7, 1.9, 0.42, 0.0),
        ("charttable", 0.7, 0.5, 0.75, 0.0),
        ("galley", 1.0, 0.5, 0.9, 0.0),
        ("overhead", 1.2, 0.3, 0.3, 1.35),
    ],
    "stairwell": [
        ("cabinet", 0.8, 0.35, 0.9, 0.0),
        ("plant", 0.4, 0.4, 0.9, 0.0),
    ],
    "dorm": [
        ("bed", 0.9, 2.0, 0.5, 0.0),
        ("bed", 0.9, 2.0, 0.5, 0.0),
        ("desk", 1.0, 0.55, 0.75, 0.0),
        ("desk", 1.0, 0.55, 0.75, 0.0),
        ("locker", 0.5, 0.5, 1.8, 0.0),
        ("locker", 0.5, 0.5, 1.8, 0.0),
    ],
    "waiting": [
        ("counter", 1.8, 0.6, 1.05, 0.0),
        ("plant", 0.5, 0.5, 1.2, 0.0),
        ("table", 0.8, 0.6, 0.45, 0.0),
        ("cooler", 0.35, 0.35, 1.3, 0.0),
        ("chairs", 2.2, 0.55, 0.85, 0.0),
        ("chairs", 2.2, 0.55, 0.85, 0.0),
        ("chairs", 1.65, 0.55, 0.85, 0.0),
    ],
    "bedroom": [
        ("bed", 1.4, 2.0, 0.5, 0.0),
        ("wardrobe", 1.0, 0.6, 2.0, 0.0),
        ("chest", 0.8, 0.45, 0.8, 0.0),
        ("lamp", 0.3, 0.3, 0.5, 0.0),
        ("desk", 1.0, 0.55, 0.75, 0.0),
    ],
    "living": [
        ("sofa", 2.0, 0.9, 0.85, 0.0),
        ("table", 1.1, 0.6, 0.45, 0.0),
        ("tvunit", 1.6, 0.45, 0.55, 0.0),
        ("armchair", 0.8, 0.8, 0.9, 0.0),
        ("bookcase", 1.0, 0.35, 1.8, 0.0),
        ("plant", 0.45, 0.45, 1.1, 0.0),
    ],
    "flat": [
        ("sofa", 2.0, 0.9, 0.85, 0.0),
        ("table", 1.0, 0.8, 0.75, 0.0),
        ("armchair", 0.8, 0.8, 0.9, 0.0),
        ("bookcase", 0.9, 0.35, 1.8, 0.0),
    ],
}


# --- look-alikes -------------------------------------------------------------------------------


def is_flat(seed: int) -> bool:
    return seed % FLAT_EVERY in FLAT_SLOTS


def is_dorm_twin(seed: int) -> bool:
    return seed % DORM_EVERY in DORM_SLOTS


def is_caravan_model(seed: int) -> bool:
    return seed % CARAVAN_EVERY in CARAVAN_SLOTS


def is_distractor(seed: int) -> bool:
    return is_flat(seed) or is_dorm_twin(seed) or is_caravan_model(seed)


def place_kind(seed: int) -> str:
    """The kind of place ``seed`` is (a look-alike's kind names its group)."""
    if is_flat(seed):
        return "building flat"
    if is_dorm_twin(seed):
        return "twin dorm"
    if is_caravan_model(seed):
        return "caravan model"
    rng = np.random.default_rng(PLACE_SEED + seed)
    names = [k for k, _ in KINDS]
    shares = np.array([s for _, s in KINDS])
    return str(names[int(rng.choice(len(names), p=shares / shares.sum()))])


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def _base_kind(kind: str) -> str:
    return {"building flat": "flat", "twin dorm": "dorm", "caravan model": "caravan"}.get(
        kind, kind
    )


@dataclass
class Shared:
    """What the look-alike places of one group share (see the module's docstring); empty
    for an ordinary place."""

    size: tuple[float, float, float] | None = None
    floor: U8 | None = None
    wall: U8 | None = None  # a caravan model's wallboard
    paint: Colour | None = None  # a dorm hall's wall colour
    pieces: dict[str, dict[str, U8]] = field(default_factory=dict)
    spots: dict[str, tuple[str, float]] = field(default_factory=dict)  # piece: (wall, along)
    windows: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    frame: Colour | None = None
    curtain: U8 | None = None


def _template(seed: int) -> Shared:
    if is_flat(seed):
        t = np.random.default_rng(FLAT_SEED + seed // FLAT_EVERY)
        w, h, d = float(t.uniform(4.2, 5.2)), float(t.uniform(2.5, 2.6)), float(t.uniform(4.5, 6.0))
        floor = (
            _wood(t, _px(w), _px(d), _c(t, 90, 210), _px(float(t.uniform(0.12, 0.2))))
            if t.random() < 0.6
            else _tiles(t, _px(w), _px(d), _px(0.4), _c(t, 120, 240), _c(t, 60, 160))
        )
        pieces = {"units": _piece(t, "units"), "fridge": _piece(t, "fridge")}
        spots = {"fridge": ("back", 0.0), "units": ("back", float(t.uniform(0.85, 1.0)))}
        side = str(t.choice(["left", "right"]))
        wins = [(side, float(t.uniform(1.2, d - 2.0)), 0.9, float(t.uniform(1.2, 1.6)), 1.3)]
        return Shared(
            size=(w, h, d),
            floor=floor,
            pieces=pieces,
            spots=spots,
            windows=wins,
            frame=_c(t, 40, 240),
        )
    if is_dorm_twin(seed):
        t = np.random.default_rng(DORM_SEED + seed // DORM_EVERY)
        w, h, d = float(t.uniform(3.0, 3.6)), float(t.uniform(2.5, 2.7)), float(t.uniform(4.0, 4.8))
        bed, desk, locker = _piece(t, "bed"), _piece(t, "desk"), _piece(t, "locker")
        pieces = {"bed": bed, "desk": desk, "locker": locker}
        wins = [("back", float(t.uniform(0.6, w - 1.8)), 0.9, 1.2, 1.3)]
        return Shared(
            size=(w, h, d),
            floor=_lino(t, _px(w), _px(d)),
            paint=_c(t, 150, 245),
            pieces=pieces,
            windows=wins,
            frame=_c(t, 40, 240),
            curtain=_fabric(t, 120, 160),
        )
    if is_caravan_model(seed):
        t = np.random.default_rng(CARAVAN_SEED + seed // CARAVAN_EVERY)
        w, h, d = (
            float(t.uniform(2.1, 2.3)),
            float(t.uniform(1.95, 2.05)),
            float(t.uniform(4.2, 5.2)),
        )
        pieces = {
            name: _piece(t, name) for name in ("dinette", "overhead", "galley", "fridge", "table")
        }
        wins = [
            ("back", 0.25, 0.85, w - 0.5, 0.7),
            ("left", float(t.uniform(1.5, d - 1.5)), 0.95, 0.9, 0.6),
            ("right", float(t.uniform(1.5, d - 1.5)), 0.95, 0.9, 0.6),
        ]
        return Shared(
            size=(w, h, d),
            floor=_wood(t, _px(w), _px(d), _c(t, 100, 210), _px(0.12)),
            wall=_wallboard(t, _px(d), _px(h)),
            pieces=pieces,
            windows=wins,
            frame=_c(t, 150, 250),
        )
    return Shared()


# --- building a place ------------------------------------------------------------------------


@dataclass
class Place:
    seed: int
    kind: str
    width: float
    height: float
    depth: float
    profile: list[tuple[Point, str]]
    surfaces: list[Surface]
    boxes: list[Box]
    tops: list[tuple[float, float, float, float, float]]  # x, z, w, d, top: clutter goes here
    camera: Camera
    cache: dict[int, list[Plane]] = field(default_factory=dict)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = _planes(self, day)
        return self.cache[day]

    def surface(self, name: str) -> Surface:
        return next(s for s in self.surfaces if s.name == name)

    def textures(self) -> dict[str, U8]:
        """Every texture of the place by name (for the tests)."""
        out = {f"surface {s.name}": s.tex for s in self.surfaces}
        for i, b in enumerate(self.boxes):
            out |= {f"box {i} {k}": v for k, v in b.tex.items()}
        return out


class _Wall:
    """Placing things on one surface's texture: metres to texels, free spots."""

    def __init__(self, surf: Surface, top: float, mask: U8 | None, rng: Rng) -> None:
        self.surf, self.top, self.mask, self.rng = surf, top, mask, rng
        self.taken: list[tuple[int, int, int, int]] = []

    @property
    def img(self) -> U8:
        return self.surf.tex

    def take(self, box: tuple[int, int, int, int]) -> None:
        self.taken.append(box)

    def free(self, x: int, y: int, w: int, h: int, gap: int = 8) -> bool:
        th, tw = self.img.shape[:2]
        if x < 2 or y < 2 or x + w > tw - 2 or y + h > th - 2:
            return False
        if self.mask is not None and not all(
            self.mask[yy, xx] > 200 for xx in (x, x + w - 1) for yy in (y, y + h - 1)
        ):
            return False
        return all(
            x + w + gap < a or a + c + gap < x or y + h + gap < b or b + d + gap < y
            for a, b, c, d in self.taken
        )

    def spot(self, w: int, h: int, top_lo: float, top_hi: float) -> tuple[int, int] | None:
        """A free place for a w x h patch whose top is top_lo-top_hi m above the floor."""
        tw = self.img.shape[1]
        for _ in range(25):
            y = round((self.top - float(self.rng.uniform(top_lo, top_hi))) * RES)
            x = int(self.rng.integers(2, max(3, tw - w - 2)))
            if self.free(x, y, w, h):
                self.take((x, y, w, h))
                return x, y
        return None


def _surface_texture(
    base: str, role: str, rng: Rng, w: int, h: int, shared: Shared, paint: Colour
) -> U8:
    """A shell surface's texture (w x h texels) for this kind of place and role."""
    if role == "floor":
        if shared.floor is not None:
            f = shared.floor
            return np.ascontiguousarray(
                np.tile(f, (h // f.shape[0] + 1, w // f.shape[1] + 1, 1))[:h, :w]
            )
        if base == "garage":
            return _concrete(rng, w, h, int(rng.integers(110, 170)))
        if base == "basement":
            return (
                _concrete(rng, w, h, int(rng.integers(100, 160)))
                if rng.random() < 0.5
                else _lino(rng, w, h)
            )
        if base == "boat":
            return _deck(rng, w, h)
        if base in ("dorm",):
            return _lino(rng, w, h)
        if base == "waiting":
            return _carpet_tiles(rng, w, h) if rng.random() < 0.6 else _lino(rng, w, h)
        if base == "stairwell":
            r = rng.random()
            return (
                _carpet_tiles(rng, w, h)
                if r < 0.35
                else _lino(rng, w, h)
                if r < 0.7
                else _tiles(rng, w, h, _px(0.3), _c(rng, 80, 230), _c(rng, 50, 160))
            )
        if base == "caravan":
            return (
                _wood(rng, w, h, _c(rng, 100, 210), _px(0.12))
                if rng.random() < 0.6
                else _carpet_tiles(rng, w, h)
            )
        if rng.random() < 0.55:
            return _wood(rng, w, h, _c(rng, 90, 210), _px(float(rng.uniform(0.1, 0.2))))
        return _carpet_tiles(rng, w, h) if rng.random() < 0.3 else _lino(rng, w, h)
    if role == "ceiling":
        if base == "basement":
            return _joists(rng, w, h, along_x=bool(rng.random() < 0.5))
        if base == "boat":
            return _headliner(rng, w, h)
        tex = _paint(rng, w, h, (238, 238, 234) if base != "garage" else _c(rng, 170, 235))
        if base in ("garage", "waiting"):  # strip lights
            for k in range(int(rng.integers(1, 3))):
                x = int(w * rng.uniform(0.2, 0.8))
                cv2.rectangle(
                    tex,
                    (x, int(h * 0.2) + k * 30),
                    (x + _px(0.12), int(h * 0.2) + k * 30 + _px(1.2)),
                    (252, 252, 248),
                    -1,
                )
        elif base not in ("caravan",):
            cv2.circle(
                tex,
                (w // 2 + int(rng.integers(-20, 21)), h // 2),
                _px(float(rng.uniform(0.12, 0.22))),
                _c(rng, 200, 256),
                -1,
            )
        return tex
    if role == "hull":
        return _u8(_panelling(rng, w, h).astype(np.float32) * 0.8)
    if role == "slope":
        if base == "caravan":
            return (
                _wallboard(rng, w, h)
                if shared.wall is None
                else np.ascontiguousarray(shared.wall[:h, :w])
            )
        if base == "boat":
            return _headliner(rng, w, h)
        return _paint(rng, w, h, paint)
    # walls
    if shared.wall is not None:
        s = shared.wall
        return np.ascontiguousarray(
            np.tile(s, (h // s.shape[0] + 1, w // s.shape[1] + 1, 1))[:h, :w]
        )
    if base == "garage":
        r = rng.random()
        return (
            _blocks(rng, w, h, _c(rng, 130, 220), painted=r < 0.4)
            if r < 0.7
            else _paint(rng, w, h, _c(rng, 170, 240))
        )
    if base == "basement":
        r = rng.random()
        if r < 0.45:
            return _blocks(rng, w, h, _c(rng, 140, 235), painted=r < 0.25)
        return (
            _bricks(rng, w, h, _c(rng, 120, 220))
            if r < 0.7
            else _concrete(rng, w, h, int(rng.integers(140, 210)))
        )
    if base == "caravan":
        return _wallboard(rng, w, h)
    if base == "boat":
        return _panelling(rng, w, h)
    tex = _paint(rng, w, h, _shade(paint, float(rng.uniform(0.9, 1.02))))
    if base in ("stairwell", "waiting") and rng.random() < 0.6:  # a dado: panelling or a band
        lo = h - _px(float(rng.uniform(0.9, 1.1)))
        tex[lo:] = (
            _panelling(rng, w, h - lo)
            if base == "stairwell"
            else _paint(rng, w, h - lo, _c(rng, 40, 220))
        )
        cv2.line(tex, (0, lo), (w, lo), _c(rng, 40, 240), 3)
    elif base in ("bedroom", "living", "flat", "attic") and rng.random() < 0.15:
        tex = _wallpaper(rng, w, h)
    return tex


def _wallpaper(rng: Rng, w: int, h: int) -> U8:
    img = _paint(rng, w, h, _c(rng, 150, 245))
    col = _c(rng, 30, 200)
    size = int(rng.integers(10, 26))
    for y in range(0, h, size * 2):
        for x in range(0, w, size * 2):
            jx, jy = x + int(rng.integers(0, size)), y + int(rng.integers(0, size))
            if rng.random() < 0.5:
                cv2.circle(img, (jx, jy), size // 3, col, -1)
            else:
                cv2.ellipse(
                    img,
                    (jx, jy),
                    (size // 2, size // 5),
                    float(rng.uniform(0, 180)),
                    0,
                    360,
                    col,
                    -1,
                )
    return img


def _curtains(rng: Rng, wall: _Wall, box: tuple[int, int, int, int], fabric: U8) -> None:
    x, y, w, h = box
    rail = max(0, y - _px(0.1))
    ch = min(wall.img.shape[0] - rail - 2, h + _px(0.3))
    half = _px(float(rng.uniform(0.2, 0.35)))
    for left in (True, False):
        panel = cv2.resize(fabric, (half, max(4, ch)), interpolation=cv2.INTER_LINEAR)
        folds = 0.8 + 0.2 * np.sin(
            np.arange(half, dtype=np.float32) * float(rng.uniform(0.25, 0.45))
        )
        panel = _u8(panel.astype(np.float32) * folds[None, :, None])
        _paste(wall.img, panel, x - half + _px(0.08) if left else x + w - _px(0.08), rail)
    cv2.line(wall.img, (x - half, rail), (x + w + half, rail), (60, 60, 60), 3)


def _windows(base: str, rng: Rng, walls: dict[str, _Wall], shared: Shared, h: float) -> None:
    """Windows (what they show drawn from the place's own rng), roof windows, portholes."""
    frame = shared.frame or ((236, 236, 232) if rng.random() < 0.7 else _c(rng, 40, 200))
    curtain = shared.curtain if shared.curtain is not None else _fabric(rng, 120, 160)
    wins = list(shared.windows)
    sides = [n for n in ("back", "left", "right") if n in walls]
    if not wins:
        if base in ("bedroom", "living", "flat", "dorm", "waiting"):
            wins = [
                (
                    str(rng.choice(sides)),
                    -1.0,
                    float(rng.uniform(0.8, 1.0)),
                    float(rng.uniform(0.7, 1.5)),
                    float(rng.uniform(1.0, 1.4)),
                )
                for _ in range(int(rng.integers(1, 3)))
            ]
        elif base == "garage" and rng.random() < 0.7:
            wins = [
                (str(rng.choice(["left", "right"])), -1.0, 1.2, float(rng.uniform(0.6, 1.0)), 0.6)
            ]
        elif base == "basement":
            wins = [
                (
                    str(rng.choice(sides)),
                    -1.0,
                    h - 0.55,
                    float(rng.uniform(0.6, 0.9)),
                    float(rng.uniform(0.3, 0.42)),
                )
            ]
        elif base == "stairwell":
            wins = [
                (
                    "back",
                    -1.0,
                    float(rng.uniform(0.9, 1.1)),
                    float(rng.uniform(0.7, 1.1)),
                    float(rng.uniform(1.2, 1.5)),
                )
            ]
        elif base == "caravan":
            wins = [("back", 0.25, 0.85, walls["back"].img.shape[1] / RES - 0.5, 0.65)] + [
                (s, -1.0, 0.95, float(rng.uniform(0.7, 1.1)), 0.55)
                for s in ("left", "right")
                if rng.random() < 0.8
            ]
        elif base == "attic" and rng.random() < 0.5:
            wins = [("back", -1.0, 1.2, 0.6, 0.7)]
    for name, along, y_low, wm, hm in wins:
        wall = walls.get(name)
        if wall is None:
            continue
        ww, wh = _px(wm), _px(hm)
        y = round((wall.top - y_low - hm) * RES)
        tw = wall.img.shape[1]
        xs = (
            [round(along * RES)]
            if along >= 0
            else [int(rng.integers(2, max(3, tw - ww - 2))) for _ in range(20)]
        )
        for x in xs:
            if wall.free(x, y, ww, wh, gap=_px(0.3)):
                outside = _sea(rng, ww, wh) if base == "boat" else _outside(rng, ww, wh)
                _paste(
                    wall.img, _window(rng, ww, wh, outside, frame, round_=base == "caravan"), x, y
                )
                wall.take((x - _px(0.25), y - _px(0.15), ww + _px(0.5), wh + _px(0.3)))
                if base in ("bedroom", "living", "flat", "dorm", "attic") or (
                    base == "waiting" and rng.random() < 0.5
                ):
                    _curtains(rng, wall, (x, y, ww, wh), curtain)
                elif base == "caravan":
                    _paste(
                        wall.img, _blind(rng, ww - 8, int(wh * rng.uniform(0.2, 0.5))), x + 4, y + 4
                    )
                break
    if base == "attic":  # roof windows in the slopes
        for name in ("slope left", "slope right"):
            wall = walls[name]
            if rng.random() < 0.75:
                ww, wh = _px(float(rng.uniform(0.55, 0.78))), _px(float(rng.uniform(0.8, 1.0)))
                th, tw = wall.img.shape[:2]
                x = int(rng.integers(2, max(3, tw - ww - 2)))
                y = max(2, (th - wh) // 2 + int(rng.integers(-10, 11)))
                if wh < th - 4 and wall.free(x, y, ww, wh):
                    sky = _outside(rng, ww, wh * 3)[:wh]  # mostly sky
                    _paste(wall.img, _window(rng, ww, wh, sky, _c(rng, 60, 240)), x, y)
                    wall.take((x, y, ww, wh))
    if base == "boat":  # portholes
        for name in ("left", "right"):
            wall = walls[name]
            th, tw = wall.img.shape[:2]
            s = _px(float(rng.uniform(0.18, 0.26)))
            ring = _c(rng, 150, 230)
            for _ in range(int(rng.integers(2, 4))):
                x, y = (
                    int(rng.integers(2, max(3, tw - s - 2))),
                    max(2, int(th * rng.uniform(0.15, 0.35))),
                )
                if wall.free(x, y, s, s, gap=_px(0.4)):
                    disc = wall.img[y : y + s, x : x + s].copy()
                    mask = np.zeros((s, s), np.uint8)
                    cv2.circle(mask, (s // 2, s // 2), s // 2 - 3, 255, -1)
                    disc[mask > 0] = _sea(rng, s, s)[mask > 0]
                    cv2.circle(disc, (s // 2, s // 2), s // 2 - 2, ring, 4)
                    _paste(wall.img, disc, x, y)
                    wall.take((x, y, s, s))


def _doors(base: str, rng: Rng, walls: dict[str, _Wall]) -> None:
    if base in ("caravan", "attic"):
        return
    names = {
        "stairwell": ["left", "right"],
        "boat": ["back"],
        "waiting": ["left", "right", "back"],
    }.get(base, ["left", "right", "back"])
    n = 2 if base in ("stairwell", "waiting") else 1
    for name in [str(x) for x in rng.choice(names, size=min(n, len(names)), replace=False)]:
        wall = walls[name]
        dw, dh = _px(0.6 if base == "boat" else 0.85), _px(1.7 if base == "boat" else 2.0)
        y = round((wall.top - dh / RES) * RES)
        for _ in range(10):
            x = int(rng.integers(2, max(3, wall.img.shape[1] - dw - 2)))
            if wall.free(x, y, dw, dh, gap=10):
                col = (236, 234, 228) if rng.random() < 0.5 else _c(rng, 60, 220)
                _paste(wall.img, _door(rng, dw, dh, col), x, y)
                wall.take((x, y, dw, dh))
                break
    if base == "garage" and rng.random() < 0.5:
        wall = walls["back"]
        dw, dh = min(wall.img.shape[1] - 8, _px(float(rng.uniform(2.1, 2.4)))), _px(2.0)
        y = round((wall.top - 2.0) * RES)
        x = (wall.img.shape[1] - dw) // 2 + int(rng.integers(-20, 21))
        if wall.free(x, y, dw, dh, gap=2):
            _paste(wall.img, _up_and_over(rng, dw, dh), x, y)
            wall.take((x, y, dw, dh))


def _wall_things(base: str, name: str, rng: Rng, wall: _Wall) -> None:
    """Things fixed to one wall, drawn into its texture (see the module's docstring)."""
    wants: list[str] = []
    if base in ("bedroom", "living", "flat", "attic", "stairwell", "caravan"):
        wants += ["picture"] * int(rng.integers(1, 3))
    if base in ("bedroom", "living", "attic") and rng.random() < 0.5:
        wants.append("shelf")
    if base in ("dorm", "attic", "waiting", "garage") and rng.random() < 0.7:
        wants += ["poster"] * int(rng.integers(1, 3))
    if base in ("dorm", "waiting") and rng.random() < 0.5:
        wants.append("notes")
    if base == "waiting" and rng.random() < 0.6:
        wants.append("leaflets")
    if base in ("waiting", "living") and rng.random() < 0.3:
        wants.append("tv")
    if base in ("waiting", "boat", "living", "garage") and rng.random() < 0.4:
        wants.append("clock")
    if base == "garage" and rng.random() < 0.7:
        wants.append("pegboard")
    if base in ("garage", "basement") and rng.random() < 0.5:
        wants.append("fusebox")
    if base in ("garage", "basement") and rng.random() < 0.6:
        wants.append("tins")
    if base == "basement" and rng.random() < 0.8:
        wants.append("pipes")
    if base == "boat":
        wants += ["chart"] if rng.random() < 0.6 else []
        wants += ["lifebuoy"] if rng.random() < 0.4 else []
        wants += ["clock"] if rng.random() < 0.5 else []
    if base == "stairwell" and rng.random() < 0.7:
        wants.append("handrail")
    if base == "attic" and rng.random() < 0.4:
        wants.append("lights")
    if base not in ("boat", "caravan"):
        wants += ["socket"] * int(rng.integers(1, 3))
        if rng.random() < 0.4:
            wants.append("radiator")
    else:
        wants.append("socket")
    img = wall.img
    for want in wants:
        if want == "picture":
            w, h = _px(float(rng.uniform(0.25, 0.8))), _px(float(rng.uniform(0.25, 0.6)))
            p = wall.spot(w, h, 1.5, 2.0)
            if p:
                _paste(img, _framed(rng, w, h), *p)
        elif want in ("poster", "chart"):
            w, h = _px(float(rng.uniform(0.4, 0.7))), _px(float(rng.uniform(0.5, 0.85)))
            p = wall.spot(w, h, 1.6, 2.0)
            if p:
                _paste(img, _art(rng, w, h), *p)
        elif want == "shelf":
            w, sh = _px(float(rng.uniform(0.6, 1.1))), _px(0.28)
            p = wall.spot(w, sh + 4, 1.6, 2.0)
            if p:
                _paste(img, _books(rng, w, sh), *p)
                cv2.rectangle(
                    img, (p[0] - 2, p[1] + sh), (p[0] + w + 2, p[1] + sh + 3), _c(rng, 60, 200), -1
                )
        elif want == "tins":
            w, sh = _px(float(rng.uniform(0.7, 1.2))), _px(0.25)
            p = wall.spot(w, sh + 4, 1.7, 2.0)
            if p:
                _paste(img, _tins(rng, w, sh), *p)
                cv2.rectangle(
                    img, (p[0] - 2, p[1] + sh), (p[0] + w + 2, p[1] + sh + 3), _c(rng, 60, 200), -1
                )
        elif want == "notes":
            w, h = _px(float(rng.uniform(0.8, 1.4))), _px(float(rng.uniform(0.5, 0.8)))
            p = wall.spot(w, h, 1.6, 1.9)
            if p:
                _paste(
                    img,
                    _notes(rng, w, h, (180, 140, 90) if rng.random() < 0.6 else _c(rng, 150, 250)),
                    *p,
                )
        elif want == "leaflets":
            w, h = _px(float(rng.uniform(0.5, 0.9))), _px(float(rng.uniform(0.5, 0.8)))
            p = wall.spot(w, h, 1.5, 1.8)
            if p:
                _paste(img, _leaflets(rng, w, h), *p)
        elif want == "tv":
            w = _px(float(rng.uniform(0.7, 1.1)))
            h = w * 9 // 16
            p = wall.spot(w, h, 1.8, 2.1)
            if p:
                tv = np.full((h, w, 3), 18, np.uint8)
                _paste(tv, _screen(rng, w - 8, h - 8), 4, 4)
                _paste(img, tv, *p)
        elif want == "clock":
            s = _px(float(rng.uniform(0.22, 0.35)))
            p = wall.spot(s, s, 1.8, 2.1)
            if p:
                _paste(img, _clock(rng, s), *p)
        elif want == "lifebuoy":
            s = _px(0.45)
            p = wall.spot(s, s, 1.5, 1.7)
            if p:
                _paste(img, _lifebuoy(rng, s, img[p[1] : p[1] + s, p[0] : p[0] + s]), *p)
        elif want == "pegboard":
            w, h = _px(float(rng.uniform(1.0, 1.6))), _px(float(rng.uniform(0.6, 0.8)))
            p = wall.spot(w, h, 1.7, 1.9)
            if p:
                _paste(img, _pegboard(rng, w, h), *p)
        elif want == "fusebox":
            w, h = _px(float(rng.uniform(0.35, 0.5))), _px(0.3)
            p = wall.spot(w, h, 1.8, 2.0)
            if p:
                _paste(img, _fusebox(rng, w, h), *p)
        elif want == "pipes":
            th, tw = img.shape[:2]
            y = int(rng.integers(_px(0.08), _px(0.3)))
            for _ in range(int(rng.integers(2, 4))):
                col = ((184, 115, 51), (200, 200, 200), (235, 235, 230), _c(rng, 40, 240))[
                    int(rng.integers(0, 4))
                ]
                t = int(rng.integers(4, 9))
                for k in range(t):  # shaded round pipe
                    cv2.line(
                        img,
                        (0, y + k),
                        (tw, y + k),
                        _shade(col, 0.65 + 0.5 * np.sin(np.pi * (k + 0.5) / t)),
                        1,
                    )
                for x in range(int(rng.integers(0, 60)), tw, int(rng.integers(80, 160))):
                    cv2.rectangle(img, (x, y - 2), (x + 4, y + t + 2), (90, 90, 90), -1)
                y += t + int(rng.integers(4, 12))
            wall.take((0, 0, tw, y + 4))
        elif want == "handrail":
            th, tw = img.shape[:2]
            y0, y1 = (
                round((wall.top - 0.9) * RES),
                round((wall.top - 0.9 - float(rng.uniform(0.6, 1.2))) * RES),
            )
            col = _c(rng, 40, 200)
            cv2.line(img, (0, y0), (tw, y1), col, 5)
            for x in range(30, tw, int(rng.integers(120, 200))):
                yy = y0 + (y1 - y0) * x // tw
                cv2.line(img, (x, yy), (x, yy + 10), (150, 150, 150), 3)
        elif want == "lights":
            th, tw = img.shape[:2]
            y = round((wall.top - float(rng.uniform(1.6, 2.0))) * RES)
            for x in range(0, tw, 14):
                yy = y + int(12 * np.sin(x / 60 + float(rng.uniform(0, 0.3))))
                if 0 <= yy < th:
                    cv2.circle(img, (x, yy), 3, _c(rng, 150, 256), -1)
        elif want == "socket":
            s = _px(0.085)
            p = wall.spot(s, s, 0.3, 0.35) if rng.random() < 0.6 else wall.spot(s, s, 1.05, 1.15)
            if p:
                cv2.rectangle(img, p, (p[0] + s, p[1] + s), (238, 238, 235), -1)
                cv2.circle(img, (p[0] + s // 3, p[1] + s // 2), 2, (40, 40, 40), -1)
                cv2.circle(img, (p[0] + 2 * s // 3, p[1] + s // 2), 2, (40, 40, 40), -1)
        elif want == "radiator":
            w, h = _px(float(rng.uniform(0.6, 1.4))), _px(0.55)
            p = wall.spot(w, h, 0.7, 0.75)
            if p:
                col = (236, 236, 232) if rng.random() < 0.7 else _c(rng, 60, 220)
                cv2.rectangle(img, p, (p[0] + w, p[1] + h), col, -1)
                for x in range(p[0] + 4, p[0] + w - 2, 9):
                    cv2.line(img, (x, p[1] + 4), (x, p[1] + h - 4), _shade(col, 0.8), 2)


def _sides(boxes: list[Box], tex: dict[str, U8], wall: str) -> dict[str, U8]:
    """A piece's five faces, its main face turned to the room."""
    main = tex.get("front", next(iter(tex.values())))
    side = tex.get("left", _u8(cv2.resize(main, (32, 32)).astype(np.float32) * 0.8))
    faces = {"front": main, "back": side, "left": side, "right": side, "top": tex.get("top", side)}
    if wall == "left":
        faces = {**faces, "front": side, "right": main}
    elif wall == "right":
        faces = {**faces, "front": side, "left": main}
    return faces


def _furnish(
    place_rng: Rng,
    arrange: Rng,
    base: str,
    shared: Shared,
    profile: list[tuple[Point, str]],
    w: float,
    d: float,
) -> tuple[list[Box], list[tuple[float, float, float, float, float]]]:
    """The pieces of this kind of place, along the walls or in the middle, away from the
    camera; a look-alike's shared pieces first, placed by the group's own ``arrange``."""
    boxes: list[Box] = []
    tops: list[tuple[float, float, float, float, float]] = []
    used: list[tuple[float, float, float, float]] = []
    front_free = 1.2 if base not in ("caravan", "boat") else 0.9
    pieces = list(PIECES[base])
    if base == "flat":
        pieces = [("fridge", 0.6, 0.65, 1.8, 0.0), ("units", 2.4, 0.6, 0.9, 0.0), *pieces]
    pieces.sort(key=lambda p: p[0] not in shared.pieces)  # shared ones first (stable)
    for name, pw, pd, ph, y0 in pieces:
        own = name in shared.pieces
        tex = shared.pieces[name] if own else _piece(place_rng, name)
        rng = arrange if own else place_rng
        for _ in range(25):
            if name in shared.spots:
                wall, along = shared.spots[name]
                wall = wall if _ == 0 else str(rng.choice(["back", "left", "right"]))
            else:
                walls = ["back", "left", "right", "middle"]
                p = [0.35, 0.25, 0.25, 0.15]
                if name in ("overhead", "berth", "dinette", "bed") and base in (
                    "caravan",
                    "boat",
                    "dorm",
                ):
                    walls, p = ["left", "right"], [0.5, 0.5]
                if base == "stairwell":
                    walls, p = ["back", "left", "right"], [0.5, 0.25, 0.25]
                wall = str(rng.choice(walls, p=p))
                along = float(rng.uniform(0, 1))
            half = _half_width(profile, y0 + ph) - 0.02
            if wall == "back":
                bw, bd = pw, pd
                x = -half + bw / 2 + along * max(0.0, 2 * half - bw)
                z = d - bd / 2 - 0.02
            elif wall in ("left", "right"):
                bw, bd = pd, pw
                x = (-1 if wall == "left" else 1) * (half - bw / 2)
                z = front_free + bd / 2 + along * max(0.0, d - front_free - bd - 0.02)
            else:
                bw, bd = pw, pd
                x = float(rng.uniform(-w / 5, w / 5))
                z = float(rng.uniform(d * 0.45, d * 0.7))
            if bw > 2 * half or z - bd / 2 < front_free * 0.7 or z + bd / 2 > d:
                continue
            r = (x - bw / 2, z - bd / 2, x + bw / 2, z + bd / 2)
            if y0 < 1.0 and any(
                r[0] < u[2] and u[0] < r[2] and r[1] < u[3] and u[1] < r[3] for u in used
            ):
                continue
            if y0 < 1.0:
                used.append(r)
            _add_piece(
                boxes, tops, name, tex, _sides(boxes, tex, wall), (x, z, bw, bd, ph, y0), wall, rng
            )
            break
    return boxes, tops


def _add_piece(
    boxes: list[Box],
    tops: list[tuple[float, float, float, float, float]],
    name: str,
    tex: dict[str, U8],
    faces: dict[str, U8],
    where: tuple[float, float, float, float, float, float],
    wall: str,
    rng: Rng,
) -> None:
    """One piece as its boxes (a bed's base, bedding and headboard; a table's top and
    leg; a plant's pot and leaves; ...) and the surfaces it offers."""
    x, z, bw, bd, h, y0 = where
    if name in ("bed", "berth"):
        boxes.append(Box(x, z, bw, bd, 0.25, y0, faces))
        boxes.append(Box(x, z, bw * 0.97, bd * 0.97, h - 0.25, y0 + 0.25, {}, soft="bedding"))
        if name == "bed":
            head = tex.get("head", faces["front"])
            if wall in ("back", "middle"):
                boxes.append(Box(x, z + bd / 2 - 0.03, bw, 0.06, 0.55, 0.45, {"front": head}))
            else:
                boxes.append(Box(x, z + bd / 2 - 0.03, bw, 0.06, 0.5, 0.4, {"front": head}))
        tops.append((x, z, bw * 0.7, bd * 0.6, y0 + h))
    elif name in ("sofa", "armchair", "dinette", "settee"):
        boxes.append(Box(x, z, bw, bd, h * 0.55, y0, faces))
        boxes.append(Box(x, z, bw * 0.7, bd * 0.7, 0.12, y0 + h * 0.55, {}, soft="cushion"))
        tops.append((x, z, bw * 0.6, bd * 0.5, y0 + h * 0.55))
    elif name == "lamp":
        boxes.append(
            Box(x, z, 0.04, 0.04, h * 0.7, y0, {"front": _paint(rng, 8, 8, _c(rng, 20, 200))})
        )
        boxes.append(Box(x, z, bw, bd, h * 0.3, y0 + h * 0.7, faces))
    elif name in ("desk", "table", "workbench", "charttable"):
        boxes.append(Box(x, z, bw, bd, 0.05, y0 + h - 0.05, faces))
        for dx in (-1, 1):
            boxes.append(
                Box(x + dx * (bw / 2 - 0.03), z, 0.05, bd, h - 0.05, y0, {"front": faces["front"]})
            )
        if name == "desk" and rng.random() < 0.5:
            boxes.append(
                Box(
                    x,
                    z + bd * 0.2,
                    0.5,
                    0.03,
                    0.32,
                    y0 + h + 0.06,
                    {"front": _screen(rng, 96, 60), "top": np.full((4, 4, 3), 30, np.uint8)},
                )
            )
        tops.append((x, z - bd * 0.1, bw * 0.8, bd * 0.5, y0 + h))
    elif name == "tvunit":
        boxes.append(Box(x, z, bw, bd, h, y0, faces))
        tv = _piece(rng, "tv")
        boxes.append(Box(x, z, min(bw, 1.1), 0.05, 0.62, y0 + h + 0.02, tv))
    elif name == "plant":
        pot = _paint(rng, 24, 24, _c(rng, 40, 230))
        boxes.append(Box(x, z, bw * 0.6, bd * 0.6, h * 0.35, y0, {"front": pot}))
        boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                h * 0.65,
                y0 + h * 0.35,
                {
                    "front": tex["front"],
                    "top": tex["top"],
                    "left": tex["front"],
                    "right": tex["front"],
                    "back": tex["front"],
                },
            )
        )
    elif name == "chairs":  # a row of seats, their backs to the wall
        along_x = wall in ("back", "middle")
        n = max(1, round((bw if along_x else bd) / 0.55))
        for k in range(n):
            t = (k + 0.5) / n - 0.5
            sx, sz = (x + t * bw, z) if along_x else (x, z + t * bd)
            boxes.append(Box(sx, sz, 0.5, 0.5, 0.45, y0, faces))
            if wall == "left":
                back = (sx - 0.22, sz, 0.06, 0.5)
            elif wall == "right":
                back = (sx + 0.22, sz, 0.06, 0.5)
            else:
                back = (sx, sz + 0.22, 0.5, 0.06)
            boxes.append(Box(back[0], back[1], back[2], back[3], 0.42, y0 + 0.45, faces))
    elif name == "basket":
        boxes.append(Box(x, z, bw, bd, h, y0, {}, soft="laundry"))
    elif name == "boxes":
        y = y0
        for _ in range(int(rng.integers(2, 4))):
            s = float(rng.uniform(0.35, 0.55))
            boxes.append(
                Box(
                    x + float(rng.uniform(-0.05, 0.05)),
                    z,
                    s,
                    s * 0.8,
                    s * 0.7,
                    y,
                    {"front": _label(rng, 64, 48), "top": _paint(rng, 24, 24, _c(rng, 150, 200))},
                )
            )
            y += s * 0.7
    else:
        boxes.append(Box(x, z, bw, bd, h, y0, faces))
        if h < 1.2 and y0 < 1.0:
            tops.append((x, z, bw * 0.8, bd * 0.7, y0 + h))


def _stairs(rng: Rng, w: float, d: float, h: float) -> list[Box]:
    """A flight rising from the landing towards the back along one side, its balusters
    and a stepped handrail."""
    side = 1 if rng.random() < 0.5 else -1
    fw = float(rng.uniform(0.85, 1.0))
    cx = side * (w / 2 - fw / 2 - 0.02)
    z0 = float(rng.uniform(1.4, 2.0))
    rise, run = float(rng.uniform(0.17, 0.2)), float(rng.uniform(0.25, 0.28))
    n = min(int((d - z0) / run), int((h - 0.3) / rise))
    tread = _fabric(rng, 64, 32) if rng.random() < 0.5 else _wood(rng, 64, 32, _c(rng, 80, 200), 8)
    riser = _paint(rng, 64, 24, _c(rng, 180, 250))
    rail = _wood(rng, 32, 16, _c(rng, 60, 200), 4)
    post = _paint(rng, 8, 32, _c(rng, 150, 250) if rng.random() < 0.6 else _c(rng, 40, 120))
    out = []
    inner = cx - side * fw / 2
    for k in range(1, n + 1):
        z = z0 + (k - 0.5) * run
        out.append(
            Box(
                cx,
                z,
                fw,
                run,
                k * rise,
                0.0,
                {"front": riser, "top": tread, "left": riser, "right": riser},
            )
        )
        if k % 2 == 1:
            out.append(Box(inner + side * 0.03, z, 0.035, 0.035, 0.85, k * rise, {"front": post}))
            out.append(
                Box(
                    inner + side * 0.03,
                    z + run / 2,
                    0.06,
                    run * 2 + 0.02,
                    0.05,
                    k * rise + 0.85,
                    {"front": rail, "top": rail},
                )
            )
    return out


def build_place(seed: int) -> Place:
    kind = place_kind(seed)
    base = _base_kind(kind)
    rng = np.random.default_rng(PLACE_SEED + seed)
    rng.random()  # the kind's draw
    shared = _template(seed)
    (w0, w1), (h0, h1), (d0, d1) = SIZES["living" if base == "flat" else base]
    width, height, depth = (
        float(rng.uniform(w0, w1)),
        float(rng.uniform(h0, h1)),
        float(rng.uniform(d0, d1)),
    )
    if shared.size is not None:
        width, height, depth = shared.size
    shape_rng = (
        np.random.default_rng([CARAVAN_SEED, seed // CARAVAN_EVERY])
        if is_caravan_model(seed)
        else rng
    )
    profile = _profile(base, shape_rng, width, height)
    paint = shared.paint or _c(rng, 120, 250)

    pts = [p for p, _ in profile]
    centre = (0.0, float(np.mean([p[1] for p in pts])))
    surfaces: list[Surface] = []
    walls: dict[str, _Wall] = {}
    for i, (p0, role) in enumerate(profile):
        p1 = pts[(i + 1) % len(pts)]
        origin, u, v, length = _side_frame(p0, p1, centre, depth)
        mid_x = (p0[0] + p1[0]) / 2
        side = "left" if mid_x < 0 else "right"
        name = (
            role if role in ("floor", "ceiling") else (side if role == "wall" else f"{role} {side}")
        )
        tw, th = _px(depth), _px(length)
        if role == "floor":
            tw, th = _px(depth), _px(length)
        tex = _surface_texture(base, role, rng, tw, th, shared, paint)
        if role == "floor" and shared.floor is not None:  # laid along the width, like the template
            tex = np.ascontiguousarray(
                np.rot90(_surface_texture(base, role, rng, th, tw, shared, paint))
            )
        surf = Surface(name, role, tex, origin, u, v, (depth, length))
        surfaces.append(surf)
        walls[name] = _Wall(surf, float(origin[1]), None, rng)
    rect = len(profile) == 4
    for name in ("back", "front"):
        tw, th = _px(width), _px(height)
        tex = _surface_texture(base, "wall", rng, tw, th, shared, paint)
        mask = None if rect else _end_mask(profile, width, height, mirror=name == "front")
        if name == "back":
            origin, u = _vec(-width / 2, height, depth), _vec(1, 0, 0)
        else:
            origin, u = _vec(width / 2, height, 0), _vec(-1, 0, 0)
        surf = Surface(name, "end", tex, origin, u, _vec(0, -1, 0), (width, height))
        surfaces.append(surf)
        eroded = (
            None
            if mask is None
            else np.asarray(cv2.erode(mask, np.ones((15, 15), np.uint8)), np.uint8)
        )
        walls[name] = _Wall(surf, height, eroded, rng)

    _windows(base, rng, walls, shared, height)
    _doors(base, rng, walls)
    for name in ("back", "left", "right", "front"):
        _wall_things(base, name, rng, walls[name])

    # Light: each surface its own level and a gradient across it, the same every day.
    for surf in surfaces:
        lo, hi = {
            "floor": (0.8, 1.0),
            "ceiling": (0.75, 0.95),
            "slope": (0.72, 0.92),
            "hull": (0.6, 0.8),
        }.get(surf.role, (0.9, 1.0) if surf.name == "back" else (0.72, 0.96))
        level = float(rng.uniform(lo, hi))
        ramp = np.linspace(
            level * float(rng.uniform(0.85, 1.0)),
            level * float(rng.uniform(1.0, 1.1)),
            surf.tex.shape[1],
            dtype=np.float32,
        )
        if rng.random() < 0.5:
            ramp = ramp[::-1]
        lit = _u8(surf.tex[:, :, :3].astype(np.float32) * ramp[None, :, None])
        if surf.role == "end" and not rect:
            mask = _end_mask(profile, width, height, mirror=surf.name == "front")
            lit = np.dstack([lit, mask])
        surf.tex = np.ascontiguousarray(lit)

    arrange = rng
    if is_dorm_twin(seed):
        arrange = np.random.default_rng([DORM_SEED, seed // DORM_EVERY, 1])
    elif is_caravan_model(seed):
        arrange = np.random.default_rng([CARAVAN_SEED, seed // CARAVAN_EVERY, 1])
    elif is_flat(seed):
        arrange = np.random.default_rng([FLAT_SEED, seed // FLAT_EVERY, 1])
    boxes, tops = _furnish(rng, arrange, base, shared, profile, width, depth)
    if base == "stairwell":
        boxes += _stairs(rng, width, depth, height)

    cam_x = float(rng.uniform(-0.2, 0.2)) * width
    y = float(rng.uniform(1.5, 1.7))
    yaw, pitch, hfov = (
        float(rng.uniform(-15, 15)),
        float(rng.uniform(-14, -5)),
        float(rng.uniform(62, 72)),
    )
    if base in ("caravan", "boat"):
        y = float(rng.uniform(1.45, 1.58))
        cam_x = float(rng.uniform(-0.12, 0.12)) * width
        yaw, hfov = float(rng.uniform(-8, 8)), float(rng.uniform(70, 78))
    elif base == "attic":
        cam_x = float(rng.uniform(-0.08, 0.08)) * width
    cam = Camera(_vec(cam_x, y, float(rng.uniform(0.3, 0.55))), yaw, pitch, hfov)
    return Place(seed, kind, width, height, depth, profile, surfaces, boxes, tops, cam)


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: boxes, bags, books, toys, laundry, on the floor and on
    surfaces."""
    out: list[Box] = []
    for _ in range(int(day.integers(2, 7))):
        s = float(day.uniform(0.12, 0.4))
        h = float(day.uniform(0.06, 0.32))
        if place.tops and day.random() < 0.6:
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            half = _half_width(place.profile, 0.0) - 0.3
            x = float(day.uniform(-half, half))
            z = float(day.uniform(min(1.0, place.depth * 0.4), place.depth - 0.3))
            y0 = 0.0
        tex = _label(day, 64, 48) if day.random() < 0.7 else _fabric(day, 64, 48)
        out.append(
            Box(
                x,
                z,
                s,
                s * float(day.uniform(0.5, 1.2)),
                h,
                y0,
                {"front": tex, "top": _label(day, 48, 48)},
            )
        )
    return out


def _planes(place: Place, day: int) -> list[Plane]:
    planes = [Plane(s.tex, s.origin, s.u, s.v, s.size, wall=True) for s in place.surfaces]
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    soft = {
        "bedding": _fabric(rng, 96, 96),
        "cushion": _fabric(rng, 64, 32),
        "laundry": _fabric(rng, 64, 48),
    }
    for b in place.boxes + _clutter(place, rng):
        tex = b.tex
        if b.soft:
            cloth = soft[b.soft]
            tex = {"front": cloth, "top": cloth, "left": cloth, "right": cloth, "back": cloth}
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v11``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v11(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v11 (``bench/link.py --generator v11``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v11``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    bedroom or living room."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 20_000_000
    while is_distractor(seed) or place_kind(seed) not in ("living", "bedroom"):
        seed += 1
    place = build_place(seed)
    back = place.surface("back")
    h, w = img.shape[:2]
    pw = _px(min(2.0, place.width - 0.4))
    ph = max(8, int(pw * h / w))
    tex = back.tex.copy()
    pic = cv2.resize(np.ascontiguousarray(img[:, :, :3]), (pw, ph), interpolation=cv2.INTER_AREA)
    _paste(tex, pic, (tex.shape[1] - pw) // 2, max(0, (tex.shape[0] - ph) // 3))
    back.tex = tex
    place.cache.clear()
    return place


# --- views -----------------------------------------------------------------------------------


def _small(place: Place) -> float:
    """How far a camera may move in this kind of place, relative to a room's reach."""
    return {"caravan": 0.5, "boat": 0.5, "stairwell": 0.7}.get(_base_kind(place.kind), 1.0)


def _inside(place: Place, pos: F64, margin: float = 0.25) -> F64:
    out = pos.copy()
    out[1] = np.clip(out[1], 0.15, place.height - 0.12)
    half = max(0.05, _half_width(place.profile, float(out[1])) - margin)
    out[0] = np.clip(out[0], -half, half)
    out[2] = np.clip(out[2], 0.2, place.depth - max(0.8, place.depth / 3))
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float, height: float | None = None) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places) and turned up to
    ``turn`` degrees; at ``height`` if given."""
    c = place.camera
    k = _small(place)
    pos = c.pos + _vec(
        rng.uniform(-reach, reach) * k,
        rng.uniform(-0.08, 0.08) * k,
        rng.uniform(-0.2 * reach, reach) * k,
    )
    if height is not None:
        pos[1] = height
    return Camera(
        _inside(place, pos),
        c.yaw + float(rng.uniform(-turn, turn)),
        c.pitch + float(rng.uniform(-4, 4)),
        c.hfov,
    )


def depth_picture(planes: list[Plane], cam: Camera, w: int, h: int) -> F32:
    """Distance (m) from the camera a pixel, by the same renderer run on textures that hold
    each texel's distance (``DEPTH_SCALE`` grey levels a metre); nothing seen: far."""
    flat: list[Plane] = []
    for p in planes:
        th, tw = p.tex.shape[:2]
        gw, gh = min(tw, 24), min(th, 24)
        if p.tex.shape[2] == 4:
            gw, gh = min(tw, 96), min(th, 96)
        s = (np.arange(gw) + 0.5) / gw * p.size[0]
        t = (np.arange(gh) + 0.5) / gh * p.size[1]
        pts = p.origin[None, None, :] + s[None, :, None] * p.u + t[:, None, None] * p.v
        dist = np.linalg.norm(pts - cam.pos, axis=2)
        grey = _u8(np.clip(dist * DEPTH_SCALE, 1, 255))
        tex = np.repeat(grey[:, :, None], 3, axis=2)
        if p.tex.shape[2] == 4:
            alpha = cv2.resize(p.tex[:, :, 3], (gw, gh), interpolation=cv2.INTER_NEAREST)
            tex = np.dstack([tex, alpha])
        flat.append(Plane(np.ascontiguousarray(tex), p.origin, p.u, p.v, p.size, p.solid, p.wall))
    d = render(flat, cam, w, h)[:, :, 0].astype(np.float32) / np.float32(DEPTH_SCALE)
    return np.where(d <= 0, np.float32(255 / DEPTH_SCALE), d).astype(np.float32)


def _blur(img: U8, sigma: float) -> U8:
    return np.asarray(cv2.GaussianBlur(img, (0, 0), max(0.3, sigma)), np.uint8)


def floor_camera(place: Place, rng: Rng) -> Camera:
    """A pet's eye: 0.2-0.35 m over the floor, level to 14 degrees up, 72-84 degrees wide."""
    cam = moved(place, rng, 0.6, 20, height=float(rng.uniform(0.2, 0.35)))
    cam.pitch, cam.hfov = float(rng.uniform(0, 14)), float(rng.uniform(72, 84))
    return cam


def mirror_frame(reflection: U8, wall: U8, rng: Rng, w: int, h: int) -> U8:
    """The reflection (already flipped) in a framed mirror on the wall, a plain blurred
    silhouette with a phone in front of it, tint, glare, seen slightly off-axis."""
    out = cv2.resize(np.ascontiguousarray(wall[:, :, :3]), (w, h), interpolation=cv2.INTER_AREA)
    mh, mw = reflection.shape[:2]
    x0 = (w - mw) // 2 + int(rng.integers(-(w - mw) // 3, (w - mw) // 3 + 1))
    y0 = (h - mh) // 2 + int(rng.integers(-(h - mh) // 3, (h - mh) // 3 + 1))
    f = max(2, int(w * float(rng.uniform(0.02, 0.05))))
    frame_tex = (
        _wood(rng, mw + 2 * f, mh + 2 * f, _c(rng, 60, 200), max(4, f))
        if rng.random() < 0.5
        else _paint(rng, mw + 2 * f, mh + 2 * f, _c(rng, 20, 245))
    )
    _paste(out, frame_tex, x0 - f, y0 - f)
    glass = reflection.astype(np.float32) * np.array([0.93, 0.97, 0.95], np.float32)
    yy, xx = np.mgrid[0:mh, 0:mw].astype(np.float32)
    band = np.exp(-(((xx / mw - yy / mh * 0.6) - float(rng.uniform(0.1, 0.7))) ** 2) / 0.01)
    glass += band[:, :, None] * np.float32(rng.uniform(25, 55))
    # the one holding the phone: a plain dark shape, out of focus
    sil = np.zeros((mh, mw), np.uint8)
    cx = int(mw * rng.uniform(0.35, 0.65))
    hr = int(mh * rng.uniform(0.1, 0.14))
    hy = int(mh * rng.uniform(0.35, 0.5))
    cv2.ellipse(sil, (cx, hy), (int(hr * 0.8), hr), 0, 0, 360, 255, -1)
    cv2.ellipse(
        sil,
        (cx, hy + int(hr * 3.2)),
        (int(mw * rng.uniform(0.17, 0.24)), int(hr * 2.3)),
        0,
        0,
        360,
        255,
        -1,
    )
    cv2.rectangle(sil, (cx - hr // 2, hy - hr // 3), (cx + hr // 2, hy + hr), 255, -1)  # phone
    alpha = cv2.GaussianBlur(sil, (0, 0), max(1.0, mw / 60)).astype(np.float32)[:, :, None] / 255
    body = np.array(_c(rng, 15, 80), np.float32)
    glass = glass * (1 - 0.92 * alpha) + body * 0.92 * alpha
    _paste(out, _u8(glass), x0, y0)
    k = float(rng.uniform(0, 0.08))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dy = k * h / 2
    dst = (
        np.float32([[0, dy], [w, 0], [w, h], [0, h - dy]])
        if rng.random() < 0.5
        else np.float32([[0, 0], [w, dy], [w, h - dy], [0, h]])
    )
    out = cv2.warpPerspective(
        out, cv2.getPerspectiveTransform(src, dst), (w, h), borderMode=cv2.BORDER_REPLICATE
    )
    return np.asarray(out, np.uint8)


def mirror_selfie(place: Place, rng: Rng, w: int, h: int) -> U8:
    cam = moved(place, rng, 0.5, 20)
    cam.hfov = float(rng.uniform(55, 66))
    mw, mh = int(w * rng.uniform(0.62, 0.85)), int(h * rng.uniform(0.7, 0.92))
    reflection = np.ascontiguousarray(render(place.planes(0), cam, mw, mh)[:, ::-1])
    front = place.surface("front").tex
    fh, fw = front.shape[:2]
    cw, ch = min(fw, _px(1.6)), min(fh, _px(1.2))
    x = int(rng.integers(0, max(1, fw - cw)))
    y = int(np.clip(_px(place.height - 1.9), 0, max(0, fh - ch)))
    wall = front[y : y + ch, x : x + cw, :3]
    if front.shape[2] == 4 and (front[y : y + ch, x : x + cw, 3] < 128).any():
        wall = _paint(rng, cw, ch, tuple(int(v) for v in np.median(front[fh // 2, :, :3], axis=0)))  # type: ignore[arg-type]
    return _noise(mirror_frame(reflection, np.ascontiguousarray(wall), rng, w, h), rng, 2.5)


def story_frame(picture: U8, rng: Rng, w: int) -> U8:
    """A 9:16 story ``w`` wide: the picture across it, blurred fill bars above and below,
    progress bars and an avatar."""
    sh = w * 16 // 9
    ph, pw = picture.shape[:2]
    fit = cv2.resize(picture, (w, max(8, ph * w // pw)), interpolation=cv2.INTER_AREA)
    fill_w = max(w, pw * sh // ph)
    fill = cv2.resize(picture, (fill_w, sh), interpolation=cv2.INTER_LINEAR)
    x = (fill_w - w) // 2
    out = _blur(np.ascontiguousarray(fill[:, x : x + w]), w / 18)
    out = _u8(out.astype(np.float32) * np.float32(rng.uniform(0.55, 0.8)))
    y = int((sh - fit.shape[0]) * rng.uniform(0.4, 0.6))
    _paste(out, fit, 0, y)
    n = int(rng.integers(1, 5))
    seg = (w - 12) // n
    for i in range(n):
        cv2.line(
            out,
            (6 + i * seg, 6),
            (4 + (i + 1) * seg, 6),
            (255, 255, 255) if i == 0 else (170, 170, 170),
            2,
        )
    cv2.circle(out, (18, 24), 9, _c(rng, 40, 255), -1)
    return out


def grade(img: U8, rng: Rng, preset: str) -> U8:
    """A colour-graded filter (``GRADES``) with a vignette."""
    x = img.astype(np.float32) / 255
    lum = x.mean(axis=2, keepdims=True)
    if preset == "tealorange":
        s = np.float32(rng.uniform(0.25, 0.4))
        teal, orange = np.array([0.0, 0.5, 0.55], np.float32), np.array([1.0, 0.6, 0.3], np.float32)
        x = x + s * ((1 - lum) * (teal - x) * 0.6 + lum * (orange - x) * 0.5)
        x = lum + (x - lum) * 1.3
    elif preset == "faded":
        lift = np.float32(rng.uniform(35, 60) / 255)
        x = 0.5 + (x - 0.5) * np.float32(rng.uniform(0.72, 0.82))
        x = lift + x * (1 - lift)
        x = x * (
            np.array([1.06, 1.0, 0.9], np.float32)
            if rng.random() < 0.5
            else np.array([0.95, 1.05, 0.95], np.float32)
        )
    elif preset == "contrast":
        k = np.float32(rng.uniform(5, 8))
        x = 1 / (1 + np.exp(-k * (x - 0.5)))
        x = (x - 1 / (1 + np.exp(k / 2))) / (1 - 2 / (1 + np.exp(k / 2)))
        lum = x.mean(axis=2, keepdims=True)
        x = lum + (x - lum) * np.float32(rng.uniform(1.2, 1.5))
    else:  # toned
        x = x + (lum - x) * np.float32(rng.uniform(0.7, 1.0))
        x = x * (
            np.array([1.1, 0.98, 0.8], np.float32)
            if rng.random() < 0.5
            else np.array([0.85, 0.97, 1.12], np.float32)
        )
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    corner = np.float32(rng.uniform(0.45, 0.75))
    x = x * (1 - (1 - corner) * r2 / 2)[:, :, None]
    return _u8(x * 255)


def flash_light(img: U8, depth: F32, rng: Rng) -> U8:
    """Flash at night: a little warm ambient light, the flash falling off with the square of
    the distance and towards the corners, noise and blotchy chroma noise in the darks."""
    h, w = depth.shape
    # exposed for the near things: full light at the nearest fifth's distance
    d0 = np.float32(np.percentile(depth, 20) * rng.uniform(0.85, 1.15))
    fl = np.minimum((d0 / np.maximum(depth, 0.05)) ** 2, 2.4)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = (((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2) / 2
    fl = fl * (1 - np.float32(rng.uniform(0.3, 0.45)) * r2)
    amb = np.float32(rng.uniform(0.04, 0.1))
    light = amb * np.array([1.2, 0.95, 0.7], np.float32) + fl[:, :, None] * np.array(
        [0.97, 1.0, 1.06], np.float32
    )
    out = img.astype(np.float32) * light
    dark = np.clip(1 - out.mean(axis=2) / 90, 0, 1)[:, :, None]
    blotch = np.stack([_field(rng, w, h, 8) for _ in range(3)], axis=2) * 10
    out = out + blotch * dark + rng.standard_normal(out.shape, dtype=np.float32) * 5
    return _u8(out)


def shoulder_blur(img: U8, rng: Rng) -> U8:
    """A plain silhouette (head and shoulder) close to the lens, out of focus, at one side,
    hiding 25-45 % of the frame."""
    h, w = img.shape[:2]
    target = float(rng.uniform(0.25, 0.45))
    side = int(rng.integers(0, 2))
    col = np.array(_c(rng, 15, 90), np.float32)
    for scale in np.linspace(0.6, 1.6, 11):
        mask = np.zeros((h, w), np.uint8)
        sx = 0 if side == 0 else w
        cv2.ellipse(
            mask, (sx, h), (int(w * 0.45 * scale), int(h * 0.5 * scale)), 0, 0, 360, 255, -1
        )
        hx = int(w * 0.2 * scale) if side == 0 else w - int(w * 0.2 * scale)
        cv2.ellipse(
            mask,
            (hx, int(h * (1 - 0.55 * scale))),
            (int(w * 0.13 * scale), int(h * 0.24 * scale)),
            0,
            0,
            360,
            255,
            -1,
        )
        if (mask > 0).mean() >= target:
            break
    sigma = w / 22
    alpha = cv2.GaussianBlur(mask, (0, 0), sigma).astype(np.float32)[:, :, None] / 255
    shade = 0.7 + 0.3 * _field(rng, w, h, max(4, w // 8))[:, :, None] * 0.3
    return _u8(img.astype(np.float32) * (1 - alpha) + col * shade * alpha)


def screen_photo(picture: U8, rng: Rng, w: int, h: int) -> U8:
    """A photo of a display showing the picture: sub-pixel stripes, bezel, keystone, moiré,
    glare, a dim background."""
    ph, pw = picture.shape[:2]
    sub = np.zeros((ph * 3, pw * 3, 3), np.uint8)
    big = np.repeat(np.repeat(picture, 3, axis=0), 3, axis=1)
    for c in range(3):
        sub[:, c::3, c] = big[:, c::3, c]
    sub[2::3] = (sub[2::3].astype(np.float32) * 0.35).astype(np.uint8)  # row gaps
    sub = _u8(sub.astype(np.float32) * np.array([2.9, 2.9, 3.1], np.float32))
    bez = int(pw * 3 * rng.uniform(0.03, 0.06))
    dev = np.full((sub.shape[0] + 2 * bez, sub.shape[1] + 2 * bez, 3), _c(rng, 8, 45), np.uint8)
    dev[bez:-bez, bez:-bez] = sub
    bg = _u8(
        np.float32(rng.uniform(25, 60))
        * (1 + 0.3 * _field(rng, w, h, max(8, w // 6)))[:, :, None]
        * np.array(rng.uniform(0.8, 1.2, 3), np.float32)
    )
    cover = float(rng.uniform(0.7, 0.9))
    dw = w * cover
    dh = dw * dev.shape[0] / dev.shape[1]
    cx, cy = (
        w / 2 + float(rng.uniform(-0.05, 0.05)) * w,
        h / 2 + float(rng.uniform(-0.05, 0.05)) * h,
    )
    k = float(rng.uniform(0, 0.12)) * dh / 2
    corners = np.array(
        [[-dw / 2, -dh / 2 + k], [dw / 2, -dh / 2], [dw / 2, dh / 2], [-dw / 2, dh / 2 - k]]
    )
    if rng.random() < 0.5:
        corners[:, 0] *= -1
        corners = corners[[1, 0, 3, 2]]
    a = np.radians(float(rng.uniform(-6, 6)))
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    dst = (corners @ rot.T + (cx, cy)).astype(np.float32)
    src = np.float32([[0, 0], [dev.shape[1], 0], [dev.shape[1], dev.shape[0]], [0, dev.shape[0]]])
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(dev, m, (w, h), flags=cv2.INTER_LINEAR)  # no prefilter: moiré
    mask = cv2.warpPerspective(
        np.full(dev.shape[:2], 255, np.uint8), m, (w, h), flags=cv2.INTER_LINEAR
    )
    al = mask.astype(np.float32)[:, :, None] / 255
    out = bg.astype(np.float32) * (1 - al) + warped.astype(np.float32) * al
    gl = np.zeros((h, w), np.uint8)
    cv2.ellipse(
        gl,
        (int(rng.uniform(0.2, 0.8) * w), int(rng.uniform(0.2, 0.8) * h)),
        (int(w * rng.uniform(0.1, 0.25)), int(h * rng.uniform(0.06, 0.15))),
        float(rng.uniform(0, 180)),
        0,
        360,
        255,
        -1,
    )
    glare = cv2.GaussianBlur(gl, (0, 0), w / 25).astype(np.float32)[:, :, None] / 255
    out = out + glare * al * 255 * np.float32(rng.uniform(0.15, 0.3))
    return _blur(_u8(out), float(rng.uniform(0.6, 1.2)))


def before_after(before: U8, after: U8, rng: Rng) -> U8:
    """Two pictures' random half-width cuts side by side, a white divider, syllable tags."""
    h, w = before.shape[:2]
    half = w // 2
    out = np.empty((h, w, 3), np.uint8)
    for i, pic in enumerate((before, after)):
        x = int(rng.integers(0, w - half + 1))
        out[:, i * half : (i + 1) * half] = pic[:, x : x + half]
        tag = _word(rng, (2, 3))
        cv2.rectangle(
            out, (i * half + 6, h - 22), (i * half + 6 + 9 * len(tag), h - 6), (250, 250, 250), -1
        )
        _text(out, rng, tag, i * half + 8, h - 9, 12, (20, 20, 20))
    dw = int(rng.integers(2, 7))
    out[:, half - dw // 2 : half - dw // 2 + dw] = 255
    return out


def unrotated(portrait: U8, rng: Rng) -> U8:
    """A portrait picture stored turned by 90 degrees either way (no EXIF orientation)."""
    return np.ascontiguousarray(np.rot90(portrait, 1 if rng.random() < 0.5 else 3))


def thumbnail_upscaled(img: U8) -> U8:
    """A 160 px wide thumbnail (JPEG 70), upscaled back to the picture's size."""
    h, w = img.shape[:2]
    small = cv2.resize(
        img, (THUMB_WIDTH, max(2, round(h * THUMB_WIDTH / w))), interpolation=cv2.INTER_AREA
    )
    small = _unjpeg(_jpeg(small, 70))
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC), np.uint8)


def long_exposure(img: U8, rng: Rng) -> U8:
    """A dark long exposure pushed up: grain and blotchy chroma noise, then heavy noise
    reduction smearing flat areas and fine detail."""
    h, w = img.shape[:2]
    light = np.float32(rng.uniform(0.15, 0.3))
    x = img.astype(np.float32) * light
    x = x + rng.standard_normal(x.shape, dtype=np.float32) * np.float32(rng.uniform(12, 20)) * light
    x = x + np.stack([_field(rng, w, h, 6) for _ in range(3)], axis=2) * 4 * light
    x = _u8(x / light * np.float32(rng.uniform(0.85, 1.0)))
    sc = float(rng.uniform(50, 80))
    for _ in range(2):
        x = np.asarray(cv2.bilateralFilter(x, 9, sc, 5), np.uint8)
    return np.asarray(cv2.medianBlur(x, 3), np.uint8)


def views_v11(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v11's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)
    out: dict[str, bytes] = {}
    out["mirror"] = _jpeg(mirror_selfie(place, rng, w, h), 85)

    sw = max(90, int(w * 0.8)) // 2 * 2
    pic = _noise(render(planes, moved(place, rng, 0.4, 12), w, h), rng, 2.0)
    out["story"] = _jpeg(story_frame(pic, rng, sw), 80)

    pic = _noise(render(planes, moved(place, rng, 0.3, 10), w, h), rng, 2.0)
    x = int(rng.integers(0, w - h + 1)) if w > h else 0
    side = min(w, h)
    sq = int(side * 0.8)
    out["square"] = _jpeg(
        cv2.resize(pic[:side, x : x + side], (sq, sq), interpolation=cv2.INTER_AREA), 82
    )

    pic = _noise(render(planes, moved(place, rng, 0.3, 10), w, h), rng, 2.0)
    out["graded"] = _jpeg(grade(pic, rng, GRADES[int(rng.integers(0, len(GRADES)))]), 85)

    out["floor"] = _jpeg(_noise(render(planes, floor_camera(place, rng), w, h), rng, 3.0), 85)

    cam = moved(place, rng, 0.4, 14)
    out["flash"] = _jpeg(
        flash_light(render(planes, cam, w, h), depth_picture(planes, cam, w, h), rng), 80
    )

    pic = _noise(render(planes, moved(place, rng, 0.3, 10), w, h), rng, 2.0)
    out["shoulder"] = _jpeg(shoulder_blur(pic, rng), 85)

    pic = render(planes, moved(place, rng, 0.4, 12), max(40, w // 2), max(30, h // 2))
    out["screen"] = _jpeg(_noise(screen_photo(pic, rng, w, h), rng, 3.0), 85)

    gains = (
        np.float32(rng.uniform(0.7, 0.85)) * np.array([0.92, 0.98, 1.08], np.float32),
        np.float32(rng.uniform(1.0, 1.15)) * np.array([1.08, 1.0, 0.9], np.float32),
    )
    pics = [
        _noise(
            _u8(render(place.planes(day), moved(place, rng, 0.5, 15), w, h).astype(np.float32) * g),
            rng,
            2.0,
        )
        for day, g in zip((1, 2), gains, strict=True)
    ]
    out["beforeafter"] = _jpeg(before_after(pics[0], pics[1], rng), 85)

    cam = moved(place, rng, 0.4, 12)
    cam.hfov = float(np.degrees(2 * np.arctan(np.tan(np.radians(cam.hfov) / 2) * h / w)))
    out["rotated"] = _jpeg(unrotated(_noise(render(planes, cam, h, w), rng, 2.0), rng), 85)

    pic = _noise(render(planes, moved(place, rng, 0.3, 8), w, h), rng, 2.0)
    out["thumbnail"] = _jpeg(thumbnail_upscaled(pic), 85)

    pic = render(planes, moved(place, rng, 0.3, 8), w, h)
    out["grain"] = _jpeg(long_exposure(pic, rng), 75)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v11", room=room_v11, views=views_v11)


def main() -> None:
    dry_run("v11", make_pictures, place_kind)


if __name__ == "__main__":
    main()

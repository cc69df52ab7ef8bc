"""Generator v12 of ``bench/link.py``: benign places (homes, hotel corridors, lifts, car
parks, barns, locker areas, cafés, craft rooms, stockrooms) as wide-angle, night-mode,
security-camera, messaging-app and through-the-glass pictures show them, held out.

Written blind, like v6-v11: its author read only the brief of issue 14 (``issues show
14``), the first page of the project's DESIGN.md and STYLE.md, ``docs/architecture.md``,
``bench/link_rooms_v11.py`` and ``bench/link_rooms_v10.py`` (v11 whole but for two short
stretches the terminal truncated; of v10 its docstring, constants, drawing helpers, the
``_planes``/``room_v10``/``_print_place``/``moved`` code, the view functions
``walkthrough``, ``child_eye``, ``doorway``, ``lamp_light``, ``next_day`` and ``views_v10``,
the head of ``digital_zoom`` and a grep of its ``def`` lines and renderer calls:
for the interface, the truth format, the shared picture writer and what they cover),
``tests/bench/test_link_rooms_v11.py`` (for the shape of the tests) and, in
``bench/link.py``, only the generator plumbing: the import lines of v7-v11, ``GENERATORS``,
the ``views_*`` dict of ``make_collection`` with the lines round it (two lines that read
the opencv-doc pictures were on the same screen) and the ``--generator`` argument with the
parser lines round it (a grep for the plumbing also showed one line of the module's
docstring and one comment line). v9's renderer was only imported and its signatures
printed (``inspect.signature``); ``bench/link_rooms_v6.py`` was not read: its
``write_pictures`` and ``dry_run`` are called exactly as v11 calls them. Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run on these pictures: use it once, for a held-out figure. v9's projective
renderer (``render``, ``Plane``, ``Camera``, ``box_planes``) and small drawing primitives of
v10 (paint, wood, tiles, bricks, fabric, art, book spines, labels, clocks, notes, screens,
window outsides, doors, JPEG and noise helpers) and v11 (concrete, blocks, lino, carpet
tiles, panelling, tins, plants, blinds, wallpaper) are imported; the places (shells,
their kinds, furniture, wall things, look-alikes) and every view are v12's own.

Run with ``--generator v12 --no-real``. To look at the pictures and the truth without
linking anything: ``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v12 --rooms 12
--out /tmp/v12``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling, back,
left, right and front walls, every one drawn) with its fixed things drawn into the wall
textures (windows with what they show, doors, pictures, posters, shelves, clocks, sockets,
radiators, splashback and wall tiles, mirrors, towels, whiteboards and pinboards, menu and
chalk boards, exit signs, extinguishers, a lift's control panel and etched panels, a car
park's level signs and open sides, a barn's tack and ladder, coat hooks) and furniture
and fittings as 3-D boxes (beds, wardrobes, desks, sofas, kitchen units and wall
cabinets, fridges, baths, basins, craft tables and chairs, storage trays, stockroom
racking with cartons, pallets, cars, car-park columns and ceiling beams, stall
partitions, hay bales, feed bins, lockers, benches, a café's counter, cake case, tables
and pendant lights, handrails, a housekeeping trolley, rugs). Loose things and bedding
change from day to day. Two pictures show the same place exactly when they come from the
same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(300_000_000 + seed)``): paint with its
own unevenness, wood, tiles, concrete, straw, brushed steel with its own streaks, carpets
with their own pattern, fabrics, art, labels, outside views. No photograph is read, so two
ordinary places cannot share a photographed surface; the tests check that no two ordinary
places share any texture that is not a plain colour. What any two places may still have
alike is what is generic in real places too: socket plates, clock dots, the Hershey fonts
of the (random) lettering, the digits of a security camera's timestamp.

**Kinds of place**: ordinary rooms (bedroom, living room, kitchen, bathroom, hotel room)
and kinds not used before: a classroom-like craft room, a small shop's stockroom, a hotel
corridor (1.6-2.2 m wide, 10-18 m long, doors along both sides), a lift interior (1.1-1.6
x 1.2-2.1 m), a car park level (12-18 x 14-22 m, columns, beams, parked cars, open sides),
a barn/stable interior (stalls, hay bales, tack), a locker area (lockers and benches
only) and a café corner. No person is drawn anywhere.

**Views (what is new compared with v1-v11), at 400x300 unless said:**

- ``corner``: a strong wide-angle from a room corner: the camera 0.25 m (a lift 0.15 m)
  from both walls of a front corner, at 1.5-1.9 m, aimed at a point 30-80 % across the
  back half of the far side, pitched 4-14 degrees down, 100-118 degrees wide
  (rectilinear: things at the edges stretched). JPEG 85.
- ``door``: two-thirds hidden by a half-closed door: the camera at the front wall (in
  the doorway, 0.05 m in; in a car park where it was moved to), moved up to 0.2 m
  across, turned up to 10 degrees, 60-72 degrees wide; a door leaf near the lens (the
  place's own door colour, panelled) covers 60-72 % of the width from one side as a
  trapezoid (the hinge edge 4-8 % taller than the free edge), in the hall's shade (45-70
  % of the light, a gradient), out of focus (sigma 1.2-2.4 px at 400); the door frame's
  jamb on the other side (4-9 % of the width). JPEG 85.
- ``nightmode``: a phone's night mode in near darkness: 3-7 % of the light; 6-10 frames,
  each shifted up to 1.2 px (imperfect alignment), with read noise (sigma 0.6-1.2 grey
  levels at the frame's exposure) and shot noise (4 photo-electrons a grey level),
  averaged; brightened to 70-90 % of the full exposure with a lifting curve (gamma
  0.75-0.85); two bilateral passes (diameter 7, colour sigma 30-50): smooth; then an
  unsharp mask of amount 1.3-2.2 at sigma 1.2-2.0: haloed, oversharpened edges; a colour
  shift (warm, green or magenta cast, a third each) and saturation x0.75-0.95. JPEG 85.
- ``reflection``: the room reflected in a window at night: the picture (camera moved up to
  0.4 m, turned up to 12 degrees, 58-70 degrees wide) flipped left to right and added at
  28-45 % over a dark outside (a night sky of 4-22 grey levels, buildings with 15-35 % of
  their windows lit, blurred street lights), a quarter of it as a second copy shifted 2-6
  px by 1-3 px (the other pane of double glazing), 0-2 window bars in front; noise sigma 4. JPEG 85.
- ``dutch``: tilted: the camera rolled 15-30 degrees either way (moved up to 0.3 m, turned
  up to 10 degrees); the renderer fills the whole frame. JPEG 85.
- ``cornercrop``: a heavy crop to one corner: 20-30 % of the frame's area (0.45-0.55 of
  its width and height, the same aspect) at one of the four corners of a picture (camera
  moved up to 0.3 m, sensor noise sigma 2.5), upscaled bicubically to the full size. JPEG
  85.
- ``season``: another season: day 1's bedding and clutter; one wall (back, left or right)
  repainted in one new colour (the things on it stay); the rug replaced by another (one
  laid where there was none in a home, hotel room or café); decorations: a garland of
  bunting or coloured bulbs along 2-3 walls 0.15-0.45 m under the ceiling, paper
  snowflakes or cut-outs on the windows, and a decorated tree (a stack of green boxes,
  half the places) or a pile of wrapped parcels (the other half; neither in a lift, where
  a removal firm's padded blanket hangs over one wall instead of the new paint); camera
  moved up to 0.4 m, turned up to 12 degrees, warmer light (x0.9-1.05, red up 8 %, blue
  down 12 %). JPEG 85.
- ``cctv``: a security camera's still from high in a corner: 0.15 m under the ceiling and
  0.15 m from two walls (a front corner 65 %, a back corner 35 %), aimed at the middle of
  the floor's far part (pitched down accordingly, at most 60 degrees), 95-115 degrees
  wide; barrel distortion (k 0.12-0.28), 40-100 % desaturated (night IR-like), contrast
  x0.8-0.95; scaled to 0.45-0.6 of the size, JPEG 12-25 (low bitrate), scaled back; a
  timestamp overlay (digits of a random date and time, white with a dark outline) top
  left and a camera name of random syllables bottom right. JPEG 85.
- ``chat``: a screenshot of a messaging app: a portrait screen 0.75 of the picture's
  width wide and twice that high, light or dark theme, a status bar, a header with a
  round avatar and a name of syllables, text bubbles of syllables on both sides, the
  picture (camera moved up to 0.4 m, recompressed at JPEG 70) as a rounded bubble 62-75 %
  of the screen wide, a time under it, an input bar. PNG-like sharp UI, saved as JPEG 90.
- ``rainglass``: through dirty, rain-streaked glass: 50-130 drops (radius 1.5-7 px at
  400) and 6-16 run-down streaks refract the picture (displacement 6-12 px along the
  water's slope) and blur it inside the water, bright rims on the drops, a smudged film
  of dirt (15-35 % of a grey-brown haze, uneven), contrast x0.78-0.9, dust specks; camera
  moved up to 0.4 m. JPEG 85.
- ``panblur``: a motion-blurred pan: the camera turned up to 25 degrees (moved up to 0.4
  m), a linear blur of 3-9 % of the width within 10 degrees of horizontal, a little
  vertical shake (0-1.5 % of the height), 80-100 % of the light. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds):

- *Hotel corridors of one chain* (6 %: ``seed % 50`` in {21, 22, 23}, kind ``chain
  corridor``; template ``301_000_000 + seed // 50``): the same width and height, the same
  patterned carpet (the chain's pattern, tiled), the same room doors (design, colour,
  plaque, spacing along both walls), the same wall paint colour and dado, the same wall
  lights and ceiling lights. They differ in length, the plaques' lettering, the art
  between the doors, the end wall (window and what it shows, or a fire door), exit signs
  and extinguishers, each wall's unevenness and light, clutter (trays, a trolley) and the
  camera.
- *Lifts of one manufacturer* (2 %: ``seed % 100`` in {57, 58}, ``lift model``; template
  ``302_000_000 + seed // 100``): the same cabin size, the same panel layout and etched
  pattern, the same control panel, handrails, ceiling, floor and doors. They differ in
  the steel's own brush streaks, scratches and fingerprints, the notices taped up
  (certificates, posters), a floor mat, clutter and the camera.
- *Identical classrooms of one school* (2 %: ``seed % 100`` in {88, 89}, ``school
  classroom``; template ``303_000_000 + seed // 100``): the same size, lino, wall colour,
  desks and chairs (design and places), teacher's desk, whiteboard frame, cupboards and
  window places and frames. They differ in what is written on the whiteboard, the
  pictures and posters pinned up, what the windows show, the blinds, each wall's
  unevenness and light, clutter (bags, books) and the camera.

**Pictures per place: 12** (the original and 11 views): ``original`` (PNG), ``corner``,
``door``, ``nightmode``, ``reflection``, ``dutch``, ``cornercrop``, ``season``, ``cctv``,
``chat`` (0.75 of the width by 1.5 of it, JPEG 90), ``rainglass``, ``panblur`` (all JPEG 85
at the original's size but ``chat``).

**Proportions** (of seeds). Look-alikes 10 % (3 chain corridors in every 50 seeds, 2
lifts and 2 classrooms in every 100); the other seeds draw their kind with shares
bedroom 9 %, living room 9 %, kitchen 8 %, bathroom 7 %, hotel room 8 %, craft room 8 %,
stockroom 8 %, corridor 7 %, lift 6 %, car park 7 %, barn 8 %, locker area 8 %, café 7 %
(the tests check each share within ±4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): chain corridors 60, lifts of one maker 20, classrooms of one school 20;
of the other 900: bedroom 95, living 80, craft 75, car park 72, kitchen 70, stockroom 70,
bathroom 69, hotel 68, locker 65, barn 63, corridor 61, lift 60, café 52. The first 60
seeds (a default ``--rooms 60`` run): hotel 7, bathroom 7, café 7, lift 6, car park 5,
kitchen 5, craft 5, living 4, barn 3, bedroom 3, corridor 1, stockroom 1, locker 1, chain
corridors 3 (seeds 21-23), lifts of one maker 2 (57, 58); the school's classrooms are
seeds 88 and 89, so ``--rooms 90`` or more holds every group.

**Speed**: 0.74 s of CPU a place (12 pictures at 400x300; 0.76 s wall), seeds 200-223,
one run, at load average 3.6-4.7 on the shared 2-core machine (a long benchmark running
beside it). Car parks and barns are the slowest to build (about 1 s for the place alone:
their large floors, drawn at fewer texels a metre, ``AREA_TEXELS``); lifts and bathrooms
the quickest (under 0.1 s). Not measured at 800x600.

**Seeds**: a place ``300_000_000 + seed``; chain template ``301_000_000 + seed // 50``;
lift model ``302_000_000 + seed // 100``; school ``303_000_000 + seed // 100``; a day's
bedding, clutter and (day 1) season ``304_000_000 + 3 * seed + day`` (day 0 everywhere
but ``season``); views ``default_rng([305_000_000, seed, i])`` (``i`` the index
``make_collection`` passes); the original's sensor noise ``306_000_000 + seed``.
Deterministic by seed. No person is drawn. Lettering is random syllables (a security
camera's timestamp and the app's clock are digits). Pictures not made by ``room_v12``
(the real pictures of ``bench/link.py`` when run without ``--no-real``) are hung as a
print 2 m wide on the back wall of a generated bedroom, living room or café and seen the
same ways.
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
from bench.link_rooms_v11 import (
    _blind,
    _blocks,
    _carpet_tiles,
    _concrete,
    _lino,
    _panelling,
    _plant,
    _tins,
    _wallpaper,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 300_000_000
CHAIN_SEED = 301_000_000
LIFT_SEED = 302_000_000
SCHOOL_SEED = 303_000_000
DAY_SEED = 304_000_000
VIEW_SEED = 305_000_000
SENSOR_SEED = 306_000_000
CHAIN_EVERY, CHAIN_SLOTS = 50, (21, 22, 23)
LIFT_EVERY, LIFT_SLOTS = 100, (57, 58)
SCHOOL_EVERY, SCHOOL_SLOTS = 100, (88, 89)
RES = 180.0  # wall texture pixels a metre (v10's and v11's scale; their bricks need it)
AREA_TEXELS = 2_500_000  # floors and ceilings of large places are drawn coarser than RES
KINDS = (
    ("bedroom", 0.09),
    ("living", 0.09),
    ("kitchen", 0.08),
    ("bathroom", 0.07),
    ("hotel", 0.08),
    ("craft", 0.08),
    ("stockroom", 0.08),
    ("corridor", 0.07),
    ("lift", 0.06),
    ("carpark", 0.07),
    ("barn", 0.08),
    ("locker", 0.08),
    ("cafe", 0.07),
)
VIEW_KINDS = (
    "corner",
    "door",
    "nightmode",
    "reflection",
    "dutch",
    "cornercrop",
    "season",
    "cctv",
    "chat",
    "rainglass",
    "panblur",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
HOMES = ("bedroom", "living", "hotel", "cafe")  # kinds that have (or get) a rug


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


def _px(metres: float, res: float = RES) -> int:
    return max(4, round(metres * res))


def _blur(img: U8, sigma: float) -> U8:
    return np.asarray(cv2.GaussianBlur(img, (0, 0), max(0.3, sigma)), np.uint8)


# --- v12's own surfaces, every one drawn from the rng it is given ----------------------------


def _hotel_carpet(rng: Rng, w: int, h: int) -> U8:
    """A patterned hotel carpet: a ground colour, a repeating motif of medallions, lozenges
    or scrolls in two others, a border of stripes; the pile's own grain."""
    ground, a, b = _c(rng, 30, 160), _c(rng, 40, 230), _c(rng, 40, 230)
    rep = int(rng.integers(36, 70))
    tile = np.empty((rep, rep, 3), np.uint8)
    tile[:] = ground
    motif = int(rng.integers(0, 3))
    c = rep // 2
    if motif == 0:
        cv2.circle(tile, (c, c), rep // 3, a, max(2, rep // 12))
        cv2.circle(tile, (c, c), rep // 8, b, -1)
        for cx, cy in ((0, 0), (rep, 0), (0, rep), (rep, rep)):
            cv2.circle(tile, (cx, cy), rep // 6, b, -1)
    elif motif == 1:
        pts = np.array([[c, 2], [rep - 2, c], [c, rep - 2], [2, c]], np.int32)
        cv2.polylines(tile, [pts], True, a, max(2, rep // 14))
        cv2.rectangle(tile, (c - rep // 10, c - rep // 10), (c + rep // 10, c + rep // 10), b, -1)
    else:
        for k in range(3):
            cv2.ellipse(tile, (c, c), (rep // 2 - 3 - 5 * k, rep // 4), 45 * k, 0, 300, a, 2)
        cv2.circle(tile, (2, 2), rep // 7, b, -1)
    tile = _blur(tile, 0.8)
    img = np.tile(tile, (h // rep + 1, w // rep + 1, 1))[:h, :w]
    grain = 1 + 0.08 * _field(rng, w, h, 1) + 0.06 * _field(rng, w, h, 40)
    return _u8(img.astype(np.float32) * grain[:, :, None])


def _carpet(rng: Rng, w: int, h: int) -> U8:
    """A plain wall-to-wall carpet: one colour, its pile and wear."""
    col = np.array(_c(rng, 50, 210), np.float32)
    k = 1 + 0.1 * _field(rng, w, h, 1) + 0.05 * _field(rng, w, h, 4) + 0.05 * _field(rng, w, h, 60)
    return _u8(col[None, None, :] * k[:, :, None])


def _rug(rng: Rng, w: int, h: int) -> U8:
    """A rug: a border, a field of motifs or stripes, fringes."""
    img = _fabric(rng, w, h)
    b = max(3, min(w, h) // 10)
    col = _c(rng, 20, 230)
    cv2.rectangle(img, (b, b), (w - b, h - b), col, max(2, b // 2))
    if rng.random() < 0.5:
        cv2.circle(img, (w // 2, h // 2), min(w, h) // 4, _c(rng, 20, 230), max(2, b // 2))
    img[:, :2] = 235
    img[:, -2:] = 235
    return img


def _steel(rng: Rng, w: int, h: int, tone: int) -> U8:
    """Brushed stainless steel: fine horizontal streaks, a soft sheen."""
    streak = rng.standard_normal((h, 1)).astype(np.float32) * 0.05
    fine = cv2.resize(
        rng.standard_normal((h, max(2, w // 40))).astype(np.float32), (w, h), cv2.INTER_LINEAR
    )
    sheen = 0.08 * _field(rng, w, h, max(8, w // 3))
    k = 1 + streak + 0.03 * fine + sheen
    tint = np.array([tone, tone, tone + 4], np.float32)
    return _u8(tint[None, None, :] * k[:, :, None])


def _straw(rng: Rng, w: int, h: int) -> U8:
    """Straw bedding over earth: short stalks lying every way (noise smeared along four
    directions, the direction changing over the floor), earth showing through."""
    noise = rng.standard_normal((h, w)).astype(np.float32)
    pick = ((_field(rng, w, h, 24) + 2.5) * 0.8).astype(np.int32) % 4
    stalks = np.zeros((h, w), np.float32)
    for a in range(4):
        k = np.zeros((9, 9), np.float32)
        ang = a * np.pi / 4 + float(rng.uniform(-0.2, 0.2))
        for t in np.linspace(-4, 4, 17):
            k[round(4 + t * np.sin(ang)), round(4 + t * np.cos(ang))] = 1
        smeared = cv2.filter2D(noise, -1, k / k.sum())
        stalks = np.where(pick == a, smeared, stalks)
    v = np.clip(stalks * 2.2, -1, 1)
    straw = np.array(_c(rng, 170, 230), np.float32) * np.array([1.0, 0.85, 0.5], np.float32)
    earth = np.array(_c(rng, 70, 120), np.float32) * np.array([0.9, 0.75, 0.6], np.float32)
    cover = np.clip(0.75 + 0.5 * _field(rng, w, h, 40), 0, 1)[:, :, None]
    img = straw * (0.78 + 0.3 * v)[:, :, None] * cover + earth * (1 - cover)
    return _u8(img)


def _bale(rng: Rng, w: int, h: int) -> U8:
    """A hay bale's side: packed straw in flakes, two strings."""
    img = _straw(rng, w, h)
    for x in range(0, w, int(rng.integers(8, 14))):
        cv2.line(img, (x, 0), (x, h), _shade(tuple(int(v) for v in img[h // 2, x]), 0.75), 1)  # type: ignore[arg-type]
    col = _c(rng, 20, 230)
    for f in (0.3, 0.7):
        cv2.line(img, (0, int(h * f)), (w, int(h * f)), col, 2)
    return img


def _planks(rng: Rng, w: int, h: int) -> U8:
    """A barn's walls: wide vertical boards, weathered, dark gaps between them."""
    img = _wood(rng, w, h, _c(rng, 80, 170), _px(float(rng.uniform(0.15, 0.25))), along_x=False)
    stains = 1 + 0.15 * _field(rng, w, h, 30)
    return _u8(img.astype(np.float32) * stains[:, :, None])


def _asphalt(rng: Rng, w: int, h: int, res: float) -> U8:
    """A car park's deck: concrete or asphalt, painted bay lines, arrows, oil stains."""
    img = (
        _concrete(rng, w, h, int(rng.integers(100, 160)))
        if rng.random() < 0.6
        else _u8(
            np.float32(rng.uniform(55, 85))
            * (1 + 0.15 * _field(rng, w, h, 1) + 0.08 * _field(rng, w, h, 25))[:, :, None]
            * np.ones(3, np.float32)
        )
    )
    line = (238, 238, 230) if rng.random() < 0.6 else (230, 200, 40)
    bay = _px(float(rng.uniform(2.4, 2.6)), res)
    lane = _px(float(rng.uniform(4.8, 5.2)), res)
    t = max(2, _px(0.1, res))
    for band in (0, h - lane):  # bays along the far and near sides (texture rows)
        for x in range(int(rng.integers(0, bay)), w, bay):
            cv2.line(img, (x, band), (x, band + lane), line, t)
    for _ in range(int(rng.integers(3, 9))):  # oil stains
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.ellipse(
            img,
            (x, y),
            (int(rng.integers(6, 20)), int(rng.integers(4, 14))),
            0,
            0,
            360,
            (40, 40, 42),
            -1,
        )
    for _ in range(int(rng.integers(1, 3))):  # arrows
        x, y = (
            int(rng.integers(w // 5, 4 * w // 5)),
            h // 2 + int(rng.integers(-h // 8, h // 8 + 1)),
        )
        s = _px(0.6, res)
        pts = np.array(
            [
                [x, y - s],
                [x + s // 2, y],
                [x + s // 5, y],
                [x + s // 5, y + s],
                [x - s // 5, y + s],
                [x - s // 5, y],
                [x - s // 2, y],
            ],
            np.int32,
        )
        cv2.fillPoly(img, [pts], line)
    return _blur(img, 0.6)


def _ceiling_tiles(rng: Rng, w: int, h: int, res: float) -> U8:
    """A suspended ceiling: 0.6 m tiles in a grid, a few light panels, a few stained."""
    img = _paint(rng, w, h, _c(rng, 215, 245))
    s = _px(0.6, res)
    grid = _c(rng, 150, 230)
    for x in range(int(rng.integers(0, s)), w, s):
        cv2.line(img, (x, 0), (x, h), grid, 2)
    for y in range(int(rng.integers(0, s)), h, s):
        cv2.line(img, (0, y), (w, y), grid, 2)
    for _ in range(max(2, w * h // (s * s * 5))):
        x, y = int(rng.integers(0, max(1, w // s))) * s, int(rng.integers(0, max(1, h // s))) * s
        if rng.random() < 0.75:
            cv2.rectangle(img, (x + 3, y + 3), (x + s - 3, y + s - 3), (252, 252, 248), -1)
        else:
            cv2.circle(img, (x + s // 2, y + s // 2), s // 4, _c(rng, 160, 210), -1)
    return img


def _rafters(rng: Rng, w: int, h: int, res: float) -> U8:
    """A barn's roof from below: boards with dark rafters across."""
    img = _wood(rng, w, h, _c(rng, 70, 150), _px(0.2, res))
    step = _px(float(rng.uniform(0.8, 1.3)), res)
    for y in range(int(rng.integers(0, step)), h, step):
        cv2.rectangle(img, (0, y), (w, y + _px(0.12, res)), _c(rng, 30, 70), -1)
    return img


def _board(rng: Rng, w: int, h: int, dark: bool) -> U8:
    """A whiteboard (marker writing) or a chalk menu board (chalk lettering)."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = (35, 45, 40) if dark else (244, 246, 246)
    ink = (
        [(235, 235, 225), _c(rng, 150, 256)]
        if dark
        else [(20, 40, 160), (20, 20, 20), (170, 30, 30)]
    )
    line_h = max(8, h // 9)
    for i, y in enumerate(range(line_h + 2, h - 4, line_h + 3)):
        text = " ".join(_word(rng, (1, 3)) for _ in range(int(rng.integers(1, 4))))
        _text(img, rng, text, 6, y, line_h, ink[i % len(ink)])
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (120, 120, 125) if not dark else (90, 60, 40), 3)
    return img


def _exit_sign(rng: Rng, w: int, h: int) -> U8:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = (20, 150, 70)
    cv2.rectangle(img, (2, 2), (w - 3, h - 3), (240, 240, 240), 1)
    pts = np.array([[w // 5, h // 2], [w // 3, h // 4], [w // 3, h * 3 // 4]], np.int32)
    cv2.fillPoly(img, [pts], (240, 240, 240))
    _text(
        img,
        rng,
        _word(rng, (1, 2)).upper(),
        w // 2 - 2,
        h * 2 // 3,
        max(5, h // 3),
        (240, 240, 240),
    )
    return img


def _extinguisher(rng: Rng, w: int, h: int, bg: U8) -> U8:
    img = bg.copy()
    cv2.rectangle(img, (w // 4, h // 6), (3 * w // 4, h - 2), (190, 25, 25), -1)
    cv2.rectangle(img, (w // 4, h // 2), (3 * w // 4, h // 2 + h // 8), _c(rng, 180, 256), -1)
    cv2.line(img, (w // 2, h // 6), (w // 2 + w // 5, 2), (30, 30, 30), 2)
    return img


def _lift_panel(rng: Rng, w: int, h: int) -> U8:
    """A lift's control panel: a steel strip, a display, round buttons in rows."""
    img = _steel(rng, w, h, int(rng.integers(170, 215)))
    cv2.rectangle(img, (4, 6), (w - 5, 6 + h // 8), (20, 20, 24), -1)
    _text(img, rng, _word(rng, (1, 1)).upper(), 8, 6 + h // 10, max(5, h // 14), (230, 80, 40))
    ring = _c(rng, 60, 230)
    rows, cols = int(rng.integers(4, 8)), int(rng.integers(1, 3))
    r = max(2, min(w // (cols * 4), h // (rows * 5)))
    for i in range(rows):
        for j in range(cols):
            cx = (j + 1) * w // (cols + 1)
            cy = h // 4 + i * (h * 2 // 3) // rows
            cv2.circle(img, (cx, cy), r, ring, -1)
            cv2.circle(img, (cx, cy), max(1, r - 2), (225, 225, 228), -1)
    return img


def _etched(rng: Rng, w: int, h: int) -> npt.NDArray[np.float32]:
    """A lift maker's etched decoration as a relief (-1..1): lines, diamonds or circles."""
    m = np.zeros((h, w), np.float32)
    style = int(rng.integers(0, 3))
    step = int(rng.integers(20, 40))
    if style == 0:
        for x in range(-h, w, step):
            cv2.line(m, (x, 0), (x + h, h), 1.0, 1)
            cv2.line(m, (x + h, 0), (x, h), 1.0, 1)
    elif style == 1:
        for y in range(step // 2, h, step):
            for x in range(step // 2, w, step):
                cv2.circle(m, (x, y), step // 3, 1.0, 1)
    else:
        for y in range(0, h, step):
            cv2.line(m, (0, y), (w, y + int(rng.integers(-4, 5))), 1.0, 2)
    return m


def _night_outside(rng: Rng, w: int, h: int) -> U8:
    """What a window shows at night: a dark sky, dark buildings with some lit windows,
    street lights."""
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    sky = np.array(_c(rng, 4, 22), np.float32) * np.array([0.7, 0.8, 1.2], np.float32)
    img = _u8(sky * (1 - t) + sky * 1.8 * t + np.zeros((h, w, 1), np.float32))
    x = int(rng.integers(-20, 0))
    while x < w:
        bw = int(rng.integers(w // 10, w // 4 + 2))
        top = int(h * rng.uniform(0.15, 0.6))
        col = _c(rng, 12, 40)
        cv2.rectangle(img, (x, top), (x + bw, h), col, -1)
        lit_share = float(rng.uniform(0.15, 0.35))
        step = int(rng.integers(8, 16))
        for wy in range(top + 4, h - 4, step):
            for wx in range(x + 3, x + bw - 4, step):
                if rng.random() < lit_share:
                    cv2.rectangle(
                        img, (wx, wy), (wx + step // 2, wy + step // 2), _c(rng, 150, 235), -1
                    )
        x += bw + int(rng.integers(0, 12))
    glow = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 7))):
        cv2.circle(glow, (int(rng.integers(0, w)), int(h * rng.uniform(0.6, 0.95))), 3, 1.0, -1)
    glow = cv2.GaussianBlur(glow, (0, 0), max(2.0, w / 60)) * 6
    lamp = np.array([255, 190, 100], np.float32)
    return _u8(img.astype(np.float32) + np.clip(glow, 0, 1)[:, :, None] * lamp)


# --- the shell and its walls -----------------------------------------------------------------


SIZES = {  # width, height, depth ranges (m)
    "bedroom": ((3.0, 4.2), (2.4, 2.7), (3.2, 4.5)),
    "living": ((3.8, 5.5), (2.4, 2.8), (4.0, 6.0)),
    "kitchen": ((2.8, 4.0), (2.4, 2.7), (3.0, 4.5)),
    "bathroom": ((1.8, 2.6), (2.3, 2.6), (2.2, 3.2)),
    "hotel": ((3.2, 4.2), (2.5, 2.8), (4.0, 5.5)),
    "craft": ((5.5, 7.5), (2.7, 3.2), (6.0, 8.0)),
    "stockroom": ((2.5, 4.0), (2.4, 3.0), (3.5, 6.0)),
    "corridor": ((1.6, 2.2), (2.4, 2.7), (10.0, 18.0)),
    "lift": ((1.1, 1.6), (2.1, 2.4), (1.2, 2.1)),
    "carpark": ((12.0, 18.0), (2.3, 2.6), (14.0, 22.0)),
    "barn": ((5.0, 8.0), (3.5, 5.0), (7.0, 12.0)),
    "locker": ((3.5, 6.0), (2.5, 2.9), (4.5, 7.0)),
    "cafe": ((4.0, 7.0), (2.6, 3.2), (4.5, 7.0)),
}


@dataclass
class Surface:
    """One face of the shell. ``bare`` marks the texels that are still plain wall (a
    repaint covers them); ``ramp`` is the light across it (one value a column)."""

    name: str
    tex: U8
    origin: F64
    u: F64
    v: F64
    size: tuple[float, float]
    res: float
    bare: npt.NDArray[np.bool_] | None = None
    ramp: F32 | None = None


class _Wall:
    """Placing things on one wall's texture: metres to texels, free spots."""

    def __init__(self, surf: Surface, height: float, rng: Rng) -> None:
        self.surf, self.height, self.rng = surf, height, rng
        self.taken: list[tuple[int, int, int, int]] = []

    @property
    def img(self) -> U8:
        return self.surf.tex

    def free(self, x: int, y: int, w: int, h: int, gap: int = 8) -> bool:
        th, tw = self.img.shape[:2]
        if x < 2 or y < 2 or x + w > tw - 2 or y + h > th - 2:
            return False
        return all(
            x + w + gap < a or a + c + gap < x or y + h + gap < b or b + d + gap < y
            for a, b, c, d in self.taken
        )

    def y_of(self, metres_up: float) -> int:
        return round((self.height - metres_up) * RES)

    def spot(
        self, w: int, h: int, top_lo: float, top_hi: float, tries: int = 25
    ) -> tuple[int, int] | None:
        """A free place for a w x h patch whose top is top_lo-top_hi m above the floor."""
        tw = self.img.shape[1]
        for _ in range(tries):
            y = self.y_of(float(self.rng.uniform(top_lo, top_hi)))
            x = int(self.rng.integers(2, max(3, tw - w - 2)))
            if self.free(x, y, w, h):
                self.taken.append((x, y, w, h))
                return x, y
        return None

    def at(self, x: int, y: int, w: int, h: int, gap: int = 8) -> bool:
        if self.free(x, y, w, h, gap):
            self.taken.append((x, y, w, h))
            return True
        return False


def _wall_texture(kind: str, rng: Rng, w: int, h: int, paint: Colour) -> U8:
    """A wall's texture (w x h texels at RES) for this kind of place."""
    if kind == "lift":
        return _steel(rng, w, h, int(rng.integers(150, 205)))
    if kind == "barn":
        return _planks(rng, w, h)
    if kind == "carpark":
        img = _concrete(rng, w, h, int(rng.integers(140, 200)))
        band = _px(float(rng.uniform(0.8, 1.2)))
        img[h - band :] = _u8(
            img[h - band :].astype(np.float32) * 0.5 + np.array(paint, np.float32) * 0.5
        )
        return img
    if kind == "stockroom":
        r = rng.random()
        return (
            _blocks(rng, w, h, _c(rng, 140, 235), painted=r < 0.6)
            if r < 0.8
            else _paint(rng, w, h, paint)
        )
    tex = _paint(rng, w, h, _shade(paint, float(rng.uniform(0.92, 1.02))))
    if kind in ("bathroom", "locker"):  # tiles to 1.2-1.5 m or the whole wall
        full = kind == "bathroom" and rng.random() < 0.4
        top = 0 if full else h - _px(float(rng.uniform(1.2, 1.5)))
        s = _px(float(rng.uniform(0.1, 0.3)))
        tex[top:] = _tiles(rng, w, h - top, s, _c(rng, 150, 250), _c(rng, 120, 230))
    elif kind == "cafe":
        r = rng.random()
        if r < 0.35:
            tex = _bricks(rng, w, h, _c(rng, 120, 220))
        elif r < 0.65:
            lo = h - _px(float(rng.uniform(0.9, 1.2)))
            tex[lo:] = _panelling(rng, w, h - lo)
    elif kind in ("corridor", "craft", "hotel") and rng.random() < 0.5:
        lo = h - _px(float(rng.uniform(0.85, 1.0)))
        tex[lo:] = _paint(rng, w, h - lo, _c(rng, 60, 220))
        cv2.line(tex, (0, lo), (w, lo), _c(rng, 40, 240), 3)
    elif kind in ("bedroom", "living", "hotel") and rng.random() < 0.2:
        tex = _wallpaper(rng, w, h)
    return tex


def _floor_texture(kind: str, rng: Rng, w: int, h: int, res: float) -> U8:
    """A floor's texture (w x h texels at ``res``; row 0 at the back wall)."""
    if kind == "corridor":
        return _hotel_carpet(rng, w, h)
    if kind == "carpark":
        return _asphalt(rng, w, h, res)
    if kind == "barn":
        return _straw(rng, w, h)
    if kind == "stockroom":
        if rng.random() < 0.5:
            return _concrete(rng, w, h, int(rng.integers(110, 170)))
        return _u8(
            _concrete(rng, w, h, 150).astype(np.float32) * 0.4
            + np.array(_c(rng, 60, 200), np.float32) * 0.6
        )
    if kind == "lift":
        if rng.random() < 0.5:
            img = _paint(rng, w, h, _c(rng, 30, 90))
            for y in range(3, h, 9):
                for x in range(3 + (y // 9 % 2) * 4, w, 9):
                    cv2.circle(img, (x, y), 2, _shade(tuple(int(v) for v in img[y, x]), 1.3), -1)  # type: ignore[arg-type]
            return img
        return _tiles(rng, w, h, _px(0.3, res), _c(rng, 60, 220), _c(rng, 40, 160))
    if kind in ("bathroom", "locker"):
        return _tiles(
            rng, w, h, _px(float(rng.uniform(0.15, 0.3)), res), _c(rng, 100, 240), _c(rng, 60, 200)
        )
    if kind == "kitchen":
        r = rng.random()
        if r < 0.5:
            return _tiles(
                rng,
                w,
                h,
                _px(float(rng.uniform(0.3, 0.45)), res),
                _c(rng, 100, 240),
                _c(rng, 60, 200),
            )
        return _lino(rng, w, h) if r < 0.75 else _wood(rng, w, h, _c(rng, 90, 210), _px(0.15, res))
    if kind == "craft":
        return _lino(rng, w, h)
    if kind == "cafe":
        r = rng.random()
        if r < 0.4:
            return _wood(rng, w, h, _c(rng, 80, 200), _px(float(rng.uniform(0.1, 0.2)), res))
        if r < 0.7:
            return _tiles(rng, w, h, _px(0.3, res), _c(rng, 180, 250), _c(rng, 20, 90))
        return _concrete(rng, w, h, int(rng.integers(120, 190)))
    r = rng.random()
    if r < 0.5:
        return _wood(rng, w, h, _c(rng, 90, 210), _px(float(rng.uniform(0.1, 0.2)), res))
    if r < 0.8 or kind == "hotel":
        return _carpet(rng, w, h)
    return _carpet_tiles(rng, w, h) if rng.random() < 0.5 else _lino(rng, w, h)


def _ceiling_texture(kind: str, rng: Rng, w: int, h: int, res: float) -> U8:
    if kind in ("craft", "stockroom", "corridor", "locker") or (
        kind == "cafe" and rng.random() < 0.4
    ):
        return _ceiling_tiles(rng, w, h, res)
    if kind == "carpark":
        img = _concrete(rng, w, h, int(rng.integers(150, 200)))
        for x in range(int(rng.integers(0, w // 4)), w, max(8, w // int(rng.integers(3, 6)))):
            for y in range(int(rng.integers(0, h // 5)), h, max(8, h // int(rng.integers(4, 7)))):
                cv2.rectangle(
                    img, (x, y), (x + _px(0.12, res), y + _px(1.2, res)), (252, 252, 246), -1
                )
        return img
    if kind == "barn":
        return _rafters(rng, w, h, res)
    if kind == "lift":
        img = _steel(rng, w, h, int(rng.integers(180, 230)))
        for y in range(h // 4, h, h // 3):
            for x in range(w // 4, w, w // 3):
                cv2.circle(img, (x, y), max(3, w // 12), (252, 252, 240), -1)
        return img
    img = _paint(rng, w, h, (238, 238, 234) if rng.random() < 0.8 else _c(rng, 180, 245))
    if kind == "hotel" or rng.random() < 0.3:  # spots
        for _ in range(int(rng.integers(3, 8))):
            cv2.circle(
                img,
                (int(rng.integers(10, w - 10)), int(rng.integers(10, h - 10))),
                5,
                (252, 252, 240),
                -1,
            )
    else:
        cv2.circle(
            img,
            (w // 2 + int(rng.integers(-20, 21)), h // 2),
            _px(float(rng.uniform(0.12, 0.25)), res),
            _c(rng, 190, 256),
            -1,
        )
    return img


# --- look-alikes -------------------------------------------------------------------------------


def is_chain_corridor(seed: int) -> bool:
    return seed % CHAIN_EVERY in CHAIN_SLOTS


def is_lift_model(seed: int) -> bool:
    return seed % LIFT_EVERY in LIFT_SLOTS


def is_school_room(seed: int) -> bool:
    return seed % SCHOOL_EVERY in SCHOOL_SLOTS


def is_distractor(seed: int) -> bool:
    return is_chain_corridor(seed) or is_lift_model(seed) or is_school_room(seed)


def place_kind(seed: int) -> str:
    """The kind of place ``seed`` is (a look-alike's kind names its group)."""
    if is_chain_corridor(seed):
        return "chain corridor"
    if is_lift_model(seed):
        return "lift model"
    if is_school_room(seed):
        return "school classroom"
    rng = np.random.default_rng(PLACE_SEED + seed)
    names = [k for k, _ in KINDS]
    shares = np.array([s for _, s in KINDS])
    return str(names[int(rng.choice(len(names), p=shares / shares.sum()))])


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return {"chain corridor": "corridor", "lift model": "lift", "school classroom": "craft"}.get(
        kind, kind
    )


@dataclass
class Shared:
    """What the look-alike places of one group share (see the module's docstring); empty
    for an ordinary place."""

    size: tuple[float, float, float] | None = None  # a corridor's depth is its own
    floor: U8 | None = None  # a tile of it, repeated
    paint: Colour | None = None
    door: U8 | None = None
    plaque: Colour | None = None
    doors_every: float = 0.0
    doors_from: float = 0.0
    sconce: U8 | None = None
    ceiling: U8 | None = None
    dado: tuple[int, Colour] | None = None
    etch: npt.NDArray[np.float32] | None = None
    panel: U8 | None = None
    pieces: dict[str, dict[str, U8]] = field(default_factory=dict)
    layout: Rng | None = None
    windows: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    frame: Colour | None = None
    board: tuple[str, float, float, float] | None = None  # wall, along, width, height


def _template(seed: int) -> Shared:
    if is_chain_corridor(seed):
        t = np.random.default_rng(CHAIN_SEED + seed // CHAIN_EVERY)
        w, h = float(t.uniform(1.7, 2.1)), float(t.uniform(2.45, 2.65))
        door = _door(t, _px(0.9), _px(2.05), _c(t, 40, 230))
        cv2.circle(door, (door.shape[1] // 2, _px(1.5)), 3, (30, 30, 30), -1)  # spy hole
        sconce = np.empty((_px(0.3), _px(0.18), 3), np.uint8)
        sconce[:] = _c(t, 60, 200)
        cv2.ellipse(
            sconce,
            (sconce.shape[1] // 2, sconce.shape[0] // 3),
            (sconce.shape[1] // 2 - 2, sconce.shape[0] // 3),
            0,
            0,
            360,
            (252, 240, 200),
            -1,
        )
        dado = (_px(float(t.uniform(0.85, 1.0))), _c(t, 60, 220))
        return Shared(
            size=(w, h, 0.0),
            floor=_hotel_carpet(t, _px(2.0), _px(2.0)),
            paint=_c(t, 150, 245),
            door=door,
            plaque=_c(t, 150, 240),
            doors_every=float(t.uniform(3.6, 4.6)),
            doors_from=float(t.uniform(1.2, 2.2)),
            sconce=sconce,
            ceiling=_ceiling_tiles(t, _px(w), _px(4.0), RES),
            dado=dado,
        )
    if is_lift_model(seed):
        t = np.random.default_rng(LIFT_SEED + seed // LIFT_EVERY)
        w, h, d = (
            float(t.uniform(1.2, 1.5)),
            float(t.uniform(2.15, 2.35)),
            float(t.uniform(1.4, 2.0)),
        )
        return Shared(
            size=(w, h, d),
            floor=_floor_texture("lift", t, _px(w), _px(d), RES),
            etch=_etched(t, _px(max(w, d)), _px(h)),
            panel=_lift_panel(t, _px(0.22), _px(0.9)),
            ceiling=_ceiling_texture("lift", t, _px(w), _px(d), RES),
            door=_steel(t, _px(w), _px(h), int(t.uniform(150, 200))),
            pieces={"rail": {"front": _steel(t, 32, 8, 220), "top": _steel(t, 32, 8, 230)}},
        )
    if is_school_room(seed):
        t = np.random.default_rng(SCHOOL_SEED + seed // SCHOOL_EVERY)
        w, h, d = float(t.uniform(6.0, 7.2)), float(t.uniform(2.8, 3.1)), float(t.uniform(6.5, 7.8))
        pieces = {name: _piece(t, name) for name in ("table", "chair", "desk", "cubbies", "units")}
        side = str(t.choice(["left", "right"]))
        wins = [(side, 1.2 + 1.6 * k, 0.9, 1.3, 1.4) for k in range(int(t.integers(2, 4)))]
        return Shared(
            size=(w, h, d),
            floor=_lino(t, _px(w, 120), _px(d, 120)),
            paint=_c(t, 160, 245),
            pieces=pieces,
            layout=np.random.default_rng([SCHOOL_SEED, seed // SCHOOL_EVERY, 1]),
            windows=wins,
            frame=_c(t, 40, 240),
            board=("back", float(t.uniform(0.8, w - 3.2)), 2.4, 1.2),
        )
    return Shared()


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


def _doors_front(rng: Rng, n: int, rows: int, body: Colour, vents: bool) -> U8:
    """A cabinet's or locker bank's front: doors in a grid, handles, maybe vents and tags."""
    w, h = 96, 96 if rows < 3 else 192
    img = _paint(rng, w, h, body)
    handle = _c(rng, 20, 220)
    for r in range(rows):
        for c in range(n):
            x0, y0 = 2 + c * w // n, 2 + r * h // rows
            x1, y1 = (c + 1) * w // n - 2, (r + 1) * h // rows - 2
            cv2.rectangle(img, (x0, y0), (x1, y1), _shade(body, 0.6), 1)
            if vents:
                for k in range(3):
                    yy = y0 + 6 + 3 * k
                    cv2.line(img, (x0 + 3, yy), (x1 - 3, yy), _shade(body, 0.45), 1)
                cv2.rectangle(img, (x0 + 3, y0 + 18), (x1 - 3, y0 + 24), (235, 235, 225), -1)
                _text(img, rng, _word(rng, (1, 1)), x0 + 3, y0 + 24, 5, (30, 30, 30))
            cv2.rectangle(
                img, (x1 - 5, (y0 + y1) // 2 - 3), (x1 - 3, (y0 + y1) // 2 + 3), handle, -1
            )
    return img


def _piece(rng: Rng, name: str) -> dict[str, U8]:
    """The textures of one piece, its design drawn from ``rng``."""
    n = 96
    if name in ("bed", "bench"):
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
    if name in ("wardrobe", "chest", "units", "wallunits", "cubbies", "bin", "lockers", "case"):
        body = _c(rng, 60, 250)
        if name == "lockers":
            front = _doors_front(rng, int(rng.integers(2, 4)), int(rng.integers(1, 3)), body, True)
        elif name == "cubbies":  # open trays of colours
            front = _paint(rng, n, n, body)
            for r in range(4):
                for c in range(3):
                    x0, y0 = 4 + c * 30, 4 + r * 23
                    cv2.rectangle(front, (x0, y0), (x0 + 26, y0 + 19), _c(rng, 30, 256), -1)
        elif name == "case":  # a glass cake case
            front = _paint(rng, n, n // 2, _c(rng, 40, 120))
            for k in range(int(rng.integers(4, 9))):
                cv2.circle(front, (8 + k * 11, 20 + (k % 2) * 12), 5, _c(rng, 100, 256), -1)
        else:
            front = _doors_front(rng, int(rng.integers(1, 4)), int(rng.integers(1, 3)), body, False)
        top = (
            _paint(rng, n, n, _c(rng, 30, 240))
            if name in ("units", "case")
            else _paint(rng, n, n, body)
        )
        if name == "units" and rng.random() < 0.6:
            cv2.rectangle(top, (20, 20), (70, 70), (150, 155, 160), -1)  # a sink
        return {
            "front": front,
            "left": _paint(rng, n, n, body),
            "right": _paint(rng, n, n, body),
            "top": top,
        }
    if name in ("sofa", "armchair", "chair", "stool"):
        cloth = (
            _fabric(rng, n, n // 2)
            if name != "chair"
            else _paint(rng, n // 2, n // 2, _c(rng, 20, 250))
        )
        return {"front": cloth, "top": cloth}
    if name in ("table", "desk", "counter", "craft", "trolley", "pallet"):
        top = (
            _wood(rng, n, n, _c(rng, 60, 230), 16)
            if rng.random() < 0.6
            else _paint(rng, n, n, _c(rng, 40, 240))
        )
        side = _u8(top.astype(np.float32) * 0.8)
        if name == "counter":
            side = (
                _wood(rng, n, n // 2, _c(rng, 50, 200), 8, along_x=False)
                if rng.random() < 0.5
                else _paint(rng, n, n // 2, _c(rng, 40, 240))
            )
            _text(side, rng, _word(rng).upper(), 8, n // 4, 10, _c(rng, 0, 256))
        return {"front": side, "top": top}
    if name in ("fridge", "bath", "basin", "washer"):
        white = _paint(rng, n, n, (238, 238, 236) if rng.random() < 0.8 else _c(rng, 150, 250))
        front = white.copy()
        if name == "fridge":
            _paste(front, _notes(rng, 60, 50, (238, 238, 236)), 18, 20)
        elif name == "bath":
            cv2.rectangle(front, (0, 0), (n - 1, 8), _shade((238, 238, 236), 0.85), -1)
        return {"front": front, "top": _paint(rng, n, n, (225, 228, 230))}
    if name in ("racking", "bookcase"):
        front = np.zeros((n * 2, n, 3), np.uint8)
        frame = _c(rng, 40, 230) if name == "racking" else _c(rng, 60, 200)
        front[:] = frame
        for r in range(4):
            y0, y1 = r * (n // 2) + 4, (r + 1) * (n // 2) - 4
            inner = (
                _books(rng, n - 8, y1 - y0) if name == "bookcase" else _tins(rng, n - 8, y1 - y0)
            )
            _paste(front, inner, 4, y0)
        return {"front": front, "top": _paint(rng, 32, 32, frame)}
    if name == "cartons":
        return {"front": _label(rng, 64, 48), "top": _paint(rng, 24, 24, _c(rng, 150, 210))}
    if name == "bale":
        return {"front": _bale(rng, 96, 48), "top": _straw(rng, 64, 48)}
    if name == "stall":
        boards = _wood(rng, n, n // 2, _c(rng, 70, 170), 12)
        return {"front": boards, "top": _paint(rng, 16, 16, _c(rng, 40, 90))}
    if name == "car":
        body = _c(rng, 20, 240)
        side = _paint(rng, n, n // 3, body)
        cv2.circle(side, (20, n // 3), 10, (25, 25, 25), -1)
        cv2.circle(side, (n - 20, n // 3), 10, (25, 25, 25), -1)
        face = _paint(rng, n, n // 3, body)
        for x in (8, n - 24):
            cv2.rectangle(face, (x, 8), (x + 16, 16), (235, 235, 215), -1)
        cv2.rectangle(face, (n // 2 - 18, 18), (n // 2 + 18, 27), (240, 240, 235), -1)
        _text(face, rng, _word(rng, (2, 2)).upper(), n // 2 - 16, 26, 6, (20, 20, 20))
        glass = _paint(rng, n, n // 3, (50, 60, 70))
        return {
            "front": face,
            "back": face,
            "left": side,
            "right": side,
            "top": _paint(rng, n, n, body),
            "glass": glass,
        }
    if name == "plant":
        return {"front": _plant(rng, 48, 64), "top": _plant(rng, 48, 48)}
    if name == "lamp":
        shade = _fabric(rng, 48, 32)
        return {"front": shade, "top": _u8(shade.astype(np.float32) * 1.2)}
    if name == "tv":
        return {"front": _screen(rng, n, n // 2), "top": np.full((4, 4, 3), 25, np.uint8)}
    return {"front": _paint(rng, n, n, _c(rng, 40, 240))}


PIECES = {  # name, width, depth, height, y0 (m), where: "wall", "middle" or "back"
    "bedroom": [
        ("bed", 1.4, 2.0, 0.5, 0.0, "wall"),
        ("wardrobe", 1.0, 0.6, 2.0, 0.0, "wall"),
        ("chest", 0.8, 0.45, 0.8, 0.0, "wall"),
        ("lamp", 0.3, 0.3, 0.5, 0.0, "wall"),
        ("desk", 1.0, 0.55, 0.75, 0.0, "wall"),
    ],
    "living": [
        ("sofa", 2.0, 0.9, 0.85, 0.0, "wall"),
        ("table", 1.1, 0.6, 0.45, 0.0, "middle"),
        ("tvunit", 1.6, 0.45, 0.55, 0.0, "wall"),
        ("armchair", 0.8, 0.8, 0.9, 0.0, "wall"),
        ("bookcase", 1.0, 0.35, 1.8, 0.0, "wall"),
        ("plant", 0.45, 0.45, 1.1, 0.0, "wall"),
    ],
    "kitchen": [
        ("units", 2.4, 0.6, 0.9, 0.0, "back"),
        ("wallunits", 2.0, 0.35, 0.7, 1.45, "back"),
        ("fridge", 0.6, 0.65, 1.8, 0.0, "wall"),
        ("units", 1.2, 0.6, 0.9, 0.0, "wall"),
        ("table", 1.0, 0.8, 0.75, 0.0, "middle"),
        ("chair", 0.45, 0.45, 0.9, 0.0, "middle"),
    ],
    "bathroom": [
        ("bath", 0.75, 1.7, 0.55, 0.0, "wall"),
        ("basin", 0.55, 0.45, 0.85, 0.0, "wall"),
        ("chest", 0.6, 0.35, 0.6, 1.3, "wall"),
        ("washer", 0.6, 0.6, 0.85, 0.0, "wall"),
    ],
    "hotel": [
        ("bed", 1.6, 2.0, 0.55, 0.0, "back"),
        ("chest", 0.5, 0.4, 0.55, 0.0, "back"),
        ("chest", 0.5, 0.4, 0.55, 0.0, "back"),
        ("desk", 1.2, 0.5, 0.75, 0.0, "wall"),
        ("armchair", 0.8, 0.8, 0.9, 0.0, "wall"),
        ("lamp", 0.3, 0.3, 0.5, 0.0, "wall"),
        ("tvunit", 1.2, 0.45, 0.6, 0.0, "wall"),
    ],
    "craft": [
        ("cubbies", 1.2, 0.4, 1.0, 0.0, "wall"),
        ("units", 1.6, 0.6, 0.9, 0.0, "wall"),
        ("desk", 1.4, 0.7, 0.75, 0.0, "back"),
        ("cubbies", 1.2, 0.4, 1.0, 0.0, "wall"),
        ("bookcase", 1.0, 0.35, 1.6, 0.0, "wall"),
    ],
    "stockroom": [
        ("racking", 1.8, 0.5, 2.0, 0.0, "wall"),
        ("racking", 1.8, 0.5, 2.0, 0.0, "wall"),
        ("racking", 1.5, 0.5, 2.0, 0.0, "back"),
        ("pallet", 1.2, 1.0, 0.15, 0.0, "middle"),
        ("desk", 1.0, 0.6, 0.75, 0.0, "wall"),
        ("trolley", 0.9, 0.6, 0.9, 0.0, "middle"),
    ],
    "corridor": [],
    "lift": [],
    "carpark": [],
    "barn": [
        ("bale", 1.0, 0.5, 0.45, 0.0, "wall"),
        ("bin", 1.0, 0.6, 0.8, 0.0, "wall"),
        ("chest", 0.9, 0.5, 0.9, 0.0, "wall"),
        ("bale", 1.0, 0.5, 0.45, 0.0, "back"),
    ],
    "locker": [],
    "cafe": [
        ("counter", 2.4, 0.7, 1.05, 0.0, "back"),
        ("case", 1.0, 0.5, 0.5, 1.05, "back"),
        ("wallunits", 1.6, 0.3, 0.8, 1.6, "back"),
        ("plant", 0.5, 0.5, 1.2, 0.0, "wall"),
        ("bookcase", 0.9, 0.35, 1.6, 0.0, "wall"),
    ],
}


def _sides(tex: dict[str, U8], wall: str) -> dict[str, U8]:
    """A piece's five faces, its main face turned to the room."""
    main = tex.get("front", next(iter(tex.values())))
    side = tex.get("left", _u8(cv2.resize(main, (32, 32)).astype(np.float32) * 0.8))
    faces = {"front": main, "back": side, "left": side, "right": side, "top": tex.get("top", side)}
    if wall == "left":
        faces = {**faces, "front": side, "right": main}
    elif wall == "right":
        faces = {**faces, "front": side, "left": main}
    return faces


Spot = tuple[float, float, float, float, str]  # x, z, width (x), depth (z), wall


class _Floor:
    """Where pieces stand: footprints taken so far, the free strip in front of the camera."""

    def __init__(self, w: float, d: float, front_free: float) -> None:
        self.w, self.d, self.front_free = w, d, front_free
        self.used: list[tuple[float, float, float, float]] = []

    def fits(self, x: float, z: float, bw: float, bd: float) -> bool:
        r = (x - bw / 2, z - bd / 2, x + bw / 2, z + bd / 2)
        if r[0] < -self.w / 2 - 1e-6 or r[2] > self.w / 2 + 1e-6 or r[1] < 0 or r[3] > self.d:
            return False
        return not any(
            r[0] < u[2] and u[0] < r[2] and r[1] < u[3] and u[1] < r[3] for u in self.used
        )

    def take(self, x: float, z: float, bw: float, bd: float) -> None:
        self.used.append((x - bw / 2, z - bd / 2, x + bw / 2, z + bd / 2))

    def put(self, rng: Rng, pw: float, pd: float, high: bool, where: str) -> Spot | None:
        w, d, ff = self.w, self.d, self.front_free
        for _ in range(25):
            wall = (
                where
                if where in ("back", "middle")
                else str(rng.choice(["back", "left", "right"], p=[0.4, 0.3, 0.3]))
            )
            along = float(rng.uniform(0, 1))
            if wall == "back":
                bw, bd = pw, pd
                x, z = -w / 2 + bw / 2 + along * max(0.0, w - bw), d - bd / 2 - 0.02
            elif wall in ("left", "right"):
                bw, bd = pd, pw
                x = (-1 if wall == "left" else 1) * (w / 2 - bw / 2 - 0.02)
                z = ff + bd / 2 + along * max(0.0, d - ff - bd - 0.02)
            else:
                bw, bd = pw, pd
                x, z = float(rng.uniform(-w / 4, w / 4)), float(rng.uniform(d * 0.4, d * 0.75))
            if bw > w or z - bd / 2 < ff * 0.7 or z + bd / 2 > d:
                continue
            if not high and not self.fits(x, z, bw, bd):
                continue
            if not high:
                self.take(x, z, bw, bd)
            return x, z, bw, bd, wall
        return None


def _add(
    boxes: list[Box],
    tops: list[tuple[float, float, float, float, float]],
    name: str,
    tex: dict[str, U8],
    spot: Spot,
    h: float,
    y0: float,
    rng: Rng,
) -> None:
    """One piece as its boxes (a bed's base, bedding and headboard; a table's top and legs;
    a chair's seat and back; a car's body, cabin and windows; ...)."""
    x, z, bw, bd, wall = spot
    faces = _sides(tex, wall)
    if name == "bed":
        boxes.append(Box(x, z, bw, bd, 0.25, y0, faces))
        boxes.append(Box(x, z, bw * 0.97, bd * 0.97, h - 0.25, y0 + 0.25, {}, soft="bedding"))
        hx, hz, hw, hd = (x, z + bd / 2 - 0.03, bw, 0.06)
        if wall == "left":
            hx, hz, hw, hd = x - bw / 2 + 0.03, z, 0.06, bd
        elif wall == "right":
            hx, hz, hw, hd = x + bw / 2 - 0.03, z, 0.06, bd
        boxes.append(
            Box(
                hx,
                hz,
                hw,
                hd,
                0.6,
                y0 + 0.4,
                {"front": tex["head"], "left": tex["head"], "right": tex["head"]},
            )
        )
        tops.append((x, z, bw * 0.6, bd * 0.5, y0 + h))
    elif name in ("sofa", "armchair"):
        boxes.append(Box(x, z, bw, bd, h * 0.55, y0, faces))
        boxes.append(Box(x, z, bw * 0.7, bd * 0.7, 0.12, y0 + h * 0.55, {}, soft="cushion"))
        tops.append((x, z, bw * 0.6, bd * 0.5, y0 + h * 0.55))
    elif name in ("table", "desk", "craft", "cafetable"):
        boxes.append(Box(x, z, bw, bd, 0.05, y0 + h - 0.05, faces))
        for dx in (-1, 1):
            boxes.append(
                Box(
                    x + dx * (bw / 2 - 0.04),
                    z,
                    0.05,
                    bd * 0.9,
                    h - 0.05,
                    y0,
                    {"front": faces["front"]},
                )
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
    elif name == "chair":
        boxes.append(Box(x, z, bw, bd, 0.45, y0, faces))
        back = {
            "back": (x, z + bd / 2 - 0.03, bw, 0.05),
            "front": (x, z - bd / 2 + 0.03, bw, 0.05),
            "left": (x - bw / 2 + 0.03, z, 0.05, bd),
            "right": (x + bw / 2 - 0.03, z, 0.05, bd),
        }.get(wall, (x, z + bd / 2 - 0.03, bw, 0.05))
        boxes.append(Box(*back, 0.42, y0 + 0.45, faces))
    elif name == "tvunit":
        boxes.append(Box(x, z, bw, bd, h, y0, faces))
        boxes.append(
            Box(
                x,
                z,
                min(bw, 1.1) if wall not in ("left", "right") else 0.05,
                0.05 if wall not in ("left", "right") else min(bd, 1.1),
                0.62,
                y0 + h + 0.02,
                _sides(_piece(rng, "tv"), wall),
            )
        )
    elif name == "plant":
        pot = _paint(rng, 24, 24, _c(rng, 40, 230))
        boxes.append(Box(x, z, bw * 0.6, bd * 0.6, h * 0.35, y0, {"front": pot}))
        leaves = {k: tex["front"] for k in ("front", "left", "right", "back")} | {"top": tex["top"]}
        boxes.append(Box(x, z, bw, bd, h * 0.65, y0 + h * 0.35, leaves))
    elif name == "lamp":
        boxes.append(
            Box(x, z, 0.04, 0.04, h * 0.7, y0, {"front": _paint(rng, 8, 8, _c(rng, 20, 200))})
        )
        boxes.append(Box(x, z, bw, bd, h * 0.3, y0 + h * 0.7, faces))
    elif name == "pallet":
        boxes.append(Box(x, z, bw, bd, h, y0, faces))
        y = y0 + h
        for _ in range(int(rng.integers(1, 4))):
            boxes.append(Box(x, z, bw * 0.95, bd * 0.95, 0.4, y, _piece(rng, "cartons")))
            y += 0.4
    else:
        boxes.append(Box(x, z, bw, bd, h, y0, faces))
        if h < 1.2 and y0 < 1.0:
            tops.append((x, z, bw * 0.8, bd * 0.7, y0 + h))


def _car(rng: Rng, x: float, z: float, along_z: bool) -> list[Box]:
    """A parked car: a body, a cabin with its windows (a box each), facing the aisle."""
    tex = _piece(rng, "car")
    glass = tex["glass"]
    L, W = float(rng.uniform(3.9, 4.7)), float(rng.uniform(1.7, 1.85))
    bw, bd = (W, L) if along_z else (L, W)
    if along_z:
        body = {
            "front": tex["front"],
            "back": tex["back"],
            "left": tex["left"],
            "right": tex["right"],
            "top": tex["top"],
        }
    else:
        body = {
            "front": tex["left"],
            "back": tex["left"],
            "left": tex["front"],
            "right": tex["back"],
            "top": tex["top"],
        }
    cab = {"front": glass, "back": glass, "left": glass, "right": glass, "top": tex["top"]}
    cw, cd = (bw * 0.85, bd * 0.5) if along_z else (bw * 0.5, bd * 0.85)
    return [Box(x, z, bw, bd, 0.75, 0.2, body), Box(x, z, cw, cd, 0.5, 0.95, cab)]


def _layout(
    kind: str,
    rng: Rng,
    shared: Shared,
    w: float,
    d: float,
    h: float,
    boxes: list[Box],
    tops: list[tuple[float, float, float, float, float]],
    fl: _Floor,
) -> None:
    """The kinds with a layout of their own: desks in rows, a car park's columns, beams and
    cars, a barn's stalls, a locker area's lockers and benches, a café's tables, a lift's
    rails, a corridor's console."""
    if kind == "craft":
        lay = shared.layout or rng
        tex = {n: shared.pieces.get(n) or _piece(rng, n) for n in ("table", "chair")}
        cols = 2 if w < 6.5 else 3
        rows = int(lay.integers(2, 4))
        for r in range(rows):
            for c in range(cols):
                x = -w / 2 + (c + 0.5) * w / cols + float(lay.uniform(-0.2, 0.2))
                z = (
                    2.0
                    + r * (d - 3.2) / max(1, rows - 1 if rows > 1 else 1) * 0.9
                    + float(lay.uniform(-0.15, 0.15))
                )
                if z + 0.8 > d - 0.7:
                    continue
                fl.take(x, z, 1.6, 1.6)
                _add(boxes, tops, "craft", tex["table"], (x, z, 1.4, 0.8, "middle"), 0.68, 0.0, lay)
                for dz, wall in ((-0.6, "front"), (0.6, "back")):
                    for dx in (-0.35, 0.35):
                        _add(
                            boxes,
                            tops,
                            "chair",
                            tex["chair"],
                            (x + dx, z + dz, 0.38, 0.38, wall),
                            0.8,
                            0.0,
                            lay,
                        )
    elif kind == "carpark":
        col = {"front": _concrete(rng, 32, 96, int(rng.integers(150, 210)))}
        band = _c(rng, 40, 240)
        cv2.rectangle(col["front"], (0, 60), (32, 80), band, -1)
        sx, sz = float(rng.uniform(5.0, 8.0)), float(rng.uniform(5.0, 8.0))
        beam = {"front": _concrete(rng, 96, 24, 170)}
        for zc in np.arange(sz, d - 0.5, sz):
            boxes.append(Box(0.0, float(zc), w, 0.4, 0.45, h - 0.45, beam))
            for xc in np.arange(-w / 2 + sx, w / 2 - 0.5, sx):
                boxes.append(Box(float(xc), float(zc), 0.5, 0.5, h, 0.0, col))
        cars = 0
        for xc in np.arange(-w / 2 + 1.3, w / 2 - 1.2, 2.5):  # the far row of bays
            if rng.random() < 0.55 and cars < 7:
                boxes += _car(rng, float(xc), d - 2.6, along_z=True)
                cars += 1
        for side in (-1, 1):  # bays along the sides
            for zc in np.arange(4.0, d - 5.5, 2.5):
                if rng.random() < 0.4 and cars < 10:
                    boxes += _car(rng, side * (w / 2 - 2.6), float(zc), along_z=False)
                    cars += 1
    elif kind == "barn":
        stall = _piece(rng, "stall")
        depth_stall = min(float(rng.uniform(2.0, 2.8)), w / 2 - 1.2)
        for side in (-1, 1):
            for zc in np.arange(
                float(rng.uniform(2.0, 3.0)), d - 1.0, float(rng.uniform(3.0, 3.6))
            ):
                boxes.append(
                    Box(
                        side * (w / 2 - depth_stall / 2),
                        float(zc),
                        depth_stall,
                        0.06,
                        1.4,
                        0.0,
                        _sides(stall, "back"),
                    )
                )
                boxes.append(
                    Box(
                        side * (w / 2 - depth_stall),
                        float(zc) + 1.6,
                        0.06,
                        3.2,
                        0.12,
                        1.25,
                        _sides(stall, "back"),
                    )
                )
        fl.take(-w / 2, 0, depth_stall * 2, d)
        fl.take(w / 2, 0, depth_stall * 2, d)
        bale = _piece(rng, "bale")
        x0 = float(rng.uniform(-w / 4, w / 4))
        for layer in range(int(rng.integers(2, 4))):
            for k in range(int(rng.integers(2, 4)) - (layer > 0)):
                boxes.append(
                    Box(x0 + (k - 1) * 1.02, d - 0.6, 1.0, 0.5 * 1.0, 0.45, 0.45 * layer, bale)
                )
        fl.take(x0, d - 0.6, 3.2, 1.2)
    elif kind == "locker":
        bank = _piece(rng, "lockers")
        bench = _piece(rng, "bench")
        unit = float(rng.uniform(0.8, 1.0))  # one bank of the front's lockers
        for wall in ("left", "right", "back"):
            length = w - 1.2 if wall == "back" else d - 2.0
            k = max(1, int(length / unit))
            for i in range(k):
                t = (i + 0.5) * unit - k * unit / 2
                if wall == "back":
                    boxes.append(Box(t, d - 0.27, unit - 0.01, 0.5, 1.8, 0.0, _sides(bank, "back")))
                else:
                    sgn = -1 if wall == "left" else 1
                    x, z = sgn * (w / 2 - 0.27), 1.5 + length / 2 + t
                    boxes.append(Box(x, z, 0.5, unit - 0.01, 1.8, 0.0, _sides(bank, wall)))
            if wall == "back":
                fl.take(0.0, d - 0.27, w - 1.2, 0.5)
            else:
                fl.take(
                    (-1 if wall == "left" else 1) * (w / 2 - 0.27), 1.5 + length / 2, 0.5, length
                )
        n = 1 if w < 4.5 else 2
        for k in range(n):
            x = (k - (n - 1) / 2) * w / 3 + float(rng.uniform(-0.2, 0.2))
            ln = float(rng.uniform(1.5, min(3.0, d - 3.0)))
            z = float(rng.uniform(2.0, max(2.1, d - 1.2 - ln))) + ln / 2
            boxes.append(Box(x, z, 0.35, ln, 0.45, 0.0, _sides(bench, "left")))
            tops.append((x, z, 0.25, ln * 0.8, 0.45))
            fl.take(x, z, 0.5, ln)
    elif kind == "cafe":
        table = _piece(rng, "table")
        chair = _piece(rng, "chair")
        shade = (
            _fabric(rng, 32, 24) if rng.random() < 0.5 else _paint(rng, 32, 24, _c(rng, 20, 250))
        )
        for _ in range(int(rng.integers(2, 6))):
            x, z = float(rng.uniform(-w / 2 + 0.8, w / 2 - 0.8)), float(rng.uniform(1.8, d - 1.6))
            if not fl.fits(x, z, 1.6, 1.2):
                continue
            fl.take(x, z, 1.6, 1.2)
            _add(boxes, tops, "cafetable", table, (x, z, 0.7, 0.7, "middle"), 0.75, 0.0, rng)
            _add(boxes, tops, "chair", chair, (x - 0.55, z, 0.4, 0.4, "left"), 0.85, 0.0, rng)
            _add(boxes, tops, "chair", chair, (x + 0.55, z, 0.4, 0.4, "right"), 0.85, 0.0, rng)
            boxes.append(Box(x, z, 0.3, 0.3, 0.22, h - 0.95, {"front": shade, "top": shade}))
            boxes.append(
                Box(x, z, 0.015, 0.015, 0.73, h - 0.73, {"front": np.full((4, 4, 3), 30, np.uint8)})
            )
    elif kind == "lift":
        rail = shared.pieces.get("rail") or {
            "front": _steel(rng, 32, 8, 220),
            "top": _steel(rng, 32, 8, 230),
        }
        boxes.append(Box(0.0, d - 0.07, w - 0.3, 0.04, 0.05, 0.9, rail))
        for sgn in (-1, 1):
            boxes.append(Box(sgn * (w / 2 - 0.07), d / 2 + 0.2, 0.04, d - 0.7, 0.05, 0.9, rail))
    elif kind == "corridor" and rng.random() < 0.35:
        sgn = -1 if rng.random() < 0.5 else 1
        z = float(rng.uniform(3.0, d - 3.0))
        _add(
            boxes,
            tops,
            "table",
            _piece(rng, "table"),
            (sgn * (w / 2 - 0.22), z, 0.4, 1.0, "left" if sgn < 0 else "right"),
            0.8,
            0.0,
            rng,
        )
        _add(
            boxes,
            tops,
            "plant",
            _piece(rng, "plant"),
            (sgn * (w / 2 - 0.22), z, 0.3, 0.3, "middle"),
            0.5,
            0.8,
            rng,
        )


def _furnish(
    kind: str, rng: Rng, shared: Shared, w: float, d: float, h: float
) -> tuple[list[Box], list[tuple[float, float, float, float, float]]]:
    boxes: list[Box] = []
    tops: list[tuple[float, float, float, float, float]] = []
    front_free = {"bathroom": 0.8, "lift": 0.5, "corridor": 1.5, "carpark": 3.0}.get(kind, 1.2)
    fl = _Floor(w, d, front_free)
    _layout(kind, rng, shared, w, d, h, boxes, tops, fl)
    last: dict[str, Spot] = {}
    for name, pw, pd, ph, y0, where in PIECES[kind]:
        tex = shared.pieces.get(name) or _piece(rng, name)
        if name in ("wallunits", "case") and ("units" in last or "counter" in last):
            x, z, bw, bd, wall = last.get("counter") or last["units"]
            depth = pd
            spot: Spot | None = (
                (x, z + (bd - depth) / 2 if name == "wallunits" else z, min(pw, bw), depth, wall)
                if wall in ("back", "middle")
                else (
                    x + (1 if wall == "left" else -1) * (bw - depth) / 2
                    if name == "wallunits"
                    else x,
                    z,
                    depth,
                    min(pw, bd),
                    wall,
                )
            )
        else:
            spot = fl.put(rng, pw, pd, y0 >= 1.0, where)
        if spot is None:
            continue
        last.setdefault(name, spot)
        _add(boxes, tops, name, tex, spot, ph, y0, rng)
    return boxes, tops


# --- building a place ------------------------------------------------------------------------


@dataclass
class Place:
    seed: int
    kind: str
    width: float
    height: float
    depth: float
    surfaces: dict[str, Surface]
    boxes: list[Box]
    tops: list[tuple[float, float, float, float, float]]
    camera: Camera
    door_colour: Colour
    windows: list[tuple[str, int, int, int, int]]  # wall, x, y, w, h (texels)
    rug: tuple[float, float, float, float] | None
    rug_tex: U8 | None
    cache: dict[tuple[int, bool], list[Plane]] = field(default_factory=dict)

    def planes(self, day: int = 0, season: bool = False) -> list[Plane]:
        if (day, season) not in self.cache:
            self.cache[(day, season)] = _planes(self, day, season)
        return self.cache[(day, season)]

    def textures(self) -> dict[str, U8]:
        """Every texture of the place by name (for the tests)."""
        out = {f"surface {k}": s.tex for k, s in self.surfaces.items()}
        for i, b in enumerate(self.boxes):
            out |= {f"box {i} {k}": v for k, v in b.tex.items()}
        if self.rug_tex is not None:
            out["rug"] = self.rug_tex
        return out


def _frames(w: float, h: float, d: float) -> dict[str, tuple[F64, F64, F64, tuple[float, float]]]:
    """Origin, u, v and size of each face of the box (seen upright from inside)."""
    down, east, north = _vec(0, -1, 0), _vec(1, 0, 0), _vec(0, 0, 1)
    return {
        "back": (_vec(-w / 2, h, d), east, down, (w, h)),
        "left": (_vec(-w / 2, h, 0), north, down, (d, h)),
        "right": (_vec(w / 2, h, d), -north, down, (d, h)),
        "front": (_vec(w / 2, h, 0), -east, down, (w, h)),
        "floor": (_vec(-w / 2, 0, d), east, -north, (w, d)),
        "ceiling": (_vec(-w / 2, h, 0), east, north, (w, d)),
    }


def _opening(
    rng: Rng,
    wall: _Wall,
    kind: str,
    wins: list[tuple[str, int, int, int, int]],
    name: str,
    along: float,
    y_low: float,
    wm: float,
    hm: float,
    frame: Colour,
    tries: int = 20,
) -> bool:
    """A window on ``wall`` (``along`` < 0: anywhere free): frame, bars, what it shows."""
    ww, wh = _px(wm), _px(hm)
    y = wall.y_of(y_low + hm)
    tw = wall.img.shape[1]
    xs = (
        [round(along * RES)]
        if along >= 0
        else [int(rng.integers(2, max(3, tw - ww - 2))) for _ in range(tries)]
    )
    for x in xs:
        if wall.at(x, y, ww, wh, gap=_px(0.3)):
            outside = _outside(rng, ww, wh)
            if kind == "bathroom":  # frosted glass
                outside = _blur(_u8(outside.astype(np.float32) * 0.4 + 150), ww / 25)
            img = np.empty((wh, ww, 3), np.uint8)
            img[:] = frame
            b = max(4, ww // 18)
            img[b:-b, b:-b] = cv2.resize(
                outside, (ww - 2 * b, wh - 2 * b), interpolation=cv2.INTER_AREA
            )
            for i in range(1, int(rng.integers(0, 3)) + 1):
                bx = b + i * (ww - 2 * b) // 3
                cv2.rectangle(img, (bx - b // 3, b), (bx + b // 3, wh - b), frame, -1)
            _paste(wall.img, img, x, y)
            wins.append((wall.surf.name, x, y, ww, wh))
            if kind in ("bedroom", "living", "hotel") and rng.random() < 0.8:
                cloth = _fabric(rng, 60, 120)
                half = _px(float(rng.uniform(0.2, 0.35)))
                rail = max(0, y - _px(0.1))
                ch = min(wall.img.shape[0] - rail - 2, wh + _px(0.3))
                for left in (True, False):
                    panel = cv2.resize(cloth, (half, max(4, ch)), interpolation=cv2.INTER_LINEAR)
                    folds = 0.8 + 0.2 * np.sin(
                        np.arange(half, dtype=np.float32) * float(rng.uniform(0.25, 0.45))
                    )
                    _paste(
                        wall.img,
                        _u8(panel.astype(np.float32) * folds[None, :, None]),
                        x - half + _px(0.08) if left else x + ww - _px(0.08),
                        rail,
                    )
                wall.taken.append((x - half, rail, ww + 2 * half, ch))
            elif kind in ("craft", "kitchen", "cafe", "locker") and rng.random() < 0.5:
                _paste(
                    wall.img, _blind(rng, ww - 2 * b, int(wh * rng.uniform(0.2, 0.5))), x + b, y + b
                )
            return True
    return False


def _door_on(
    rng: Rng, wall: _Wall, colour: Colour, leaf: U8 | None = None, x: int | None = None
) -> int | None:
    dw, dh = (_px(0.9), _px(2.05)) if leaf is None else leaf.shape[1::-1]
    y = wall.y_of(dh / RES)
    for _ in range(12 if x is None else 1):
        xx = int(rng.integers(2, max(3, wall.img.shape[1] - dw - 2))) if x is None else x
        if wall.at(xx, y, dw, dh, gap=6):
            _paste(wall.img, _door(rng, dw, dh, colour) if leaf is None else leaf, xx, y)
            cv2.rectangle(wall.img, (xx - 3, y - 3), (xx + dw + 2, y + dh), _shade(colour, 0.7), 3)
            return xx
    return None


def _fixtures(
    kind: str,
    rng: Rng,
    walls: dict[str, _Wall],
    shared: Shared,
    dims: tuple[float, float, float],
    door_colour: Colour,
) -> list[tuple[str, int, int, int, int]]:
    """Windows, doors and the kind's own fixed things (see the module's docstring)."""
    w, h, d = dims
    wins: list[tuple[str, int, int, int, int]] = []
    frame = shared.frame or ((236, 236, 232) if rng.random() < 0.7 else _c(rng, 40, 200))
    for name, along, y_low, wm, hm in shared.windows:
        _opening(rng, walls[name], kind, wins, name, along, y_low, wm, hm, frame)
    sides = ["back", "left", "right"]
    if kind in ("bedroom", "living", "hotel", "kitchen") or (
        kind == "craft" and not shared.windows
    ):
        for _ in range(int(rng.integers(1, 3))):
            _opening(
                rng,
                walls[str(rng.choice(sides))],
                kind,
                wins,
                "",
                -1,
                float(rng.uniform(0.8, 1.0)),
                float(rng.uniform(0.7, 1.5)),
                float(rng.uniform(1.0, 1.4)),
                frame,
            )
    elif kind == "bathroom":
        _opening(rng, walls[str(rng.choice(sides))], kind, wins, "", -1, 1.4, 0.6, 0.6, frame)
    elif kind in ("stockroom", "locker") and rng.random() < 0.5:
        _opening(
            rng,
            walls[str(rng.choice(sides))],
            kind,
            wins,
            "",
            -1,
            h - 0.6,
            float(rng.uniform(0.8, 1.4)),
            0.4,
            frame,
        )
    elif kind == "cafe":
        side = str(rng.choice(["left", "right"]))
        _opening(
            rng,
            walls[side],
            kind,
            wins,
            "",
            -1,
            0.5,
            float(rng.uniform(1.4, min(3.0, d - 2.0))),
            float(rng.uniform(1.6, 1.9)),
            _c(rng, 20, 120),
        )
    elif kind == "barn":
        for _ in range(int(rng.integers(1, 4))):
            _opening(
                rng,
                walls[str(rng.choice(["left", "right"]))],
                kind,
                wins,
                "",
                -1,
                float(rng.uniform(1.6, 2.2)),
                0.7,
                0.6,
                _c(rng, 60, 200),
            )
    elif kind == "carpark":  # open sides: long openings between piers
        for name in ("left", "right", "back"):
            if rng.random() < 0.7:
                wall = walls[name]
                tw = wall.img.shape[1]
                span = _px(float(rng.uniform(3.0, 5.0)))
                pier = _px(0.5)
                for x in range(_px(1.0), tw - span - 2, span + pier):
                    wy, wh = wall.y_of(h - 0.35), _px(h - 0.35 - 1.1)
                    if wall.at(x, wy, span, wh, gap=2):
                        _paste(wall.img, _outside(rng, span, wh), x, wy)
                        wins.append((name, x, wy, span, wh))
    # doors
    if kind == "corridor":
        leaf = shared.door
        every = shared.doors_every or float(rng.uniform(3.0, 4.5))
        start = shared.doors_from or float(rng.uniform(1.0, 2.2))
        colour = door_colour
        if leaf is None:
            leaf = _door(rng, _px(0.9), _px(2.05), colour)
        plaque = shared.plaque or _c(rng, 150, 240)
        for name, off in (("left", 0.0), ("right", every / 2)):
            wall = walls[name]
            for z in np.arange(start + off, d - 1.0, every):
                x = round(z * RES) if name == "left" else round((d - z) * RES) - leaf.shape[1]
                if _door_on(rng, wall, colour, leaf, x) is not None:
                    py = wall.y_of(1.55)
                    px = x + leaf.shape[1] + _px(0.1)
                    cv2.rectangle(wall.img, (px, py), (px + _px(0.16), py + _px(0.1)), plaque, -1)
                    _text(
                        wall.img,
                        rng,
                        _word(rng, (1, 2)).upper(),
                        px + 2,
                        py + _px(0.08),
                        8,
                        (30, 30, 30),
                    )
                    if shared.sconce is not None and z + every / 2 < d - 1.0:
                        sx = x + round(every / 2 * RES) * (1 if name == "left" else -1)
                        _paste(wall.img, shared.sconce, sx, wall.y_of(1.9))
        back = walls["back"]
        if rng.random() < 0.6:
            _opening(rng, back, kind, wins, "back", -1, 0.9, min(1.2, w - 0.5), 1.3, frame)
        else:
            _door_on(rng, back, _c(rng, 60, 230), x=(back.img.shape[1] - _px(0.9)) // 2)
            p = back.spot(_px(0.35), _px(0.15), 2.35, 2.4)
            if p:
                _paste(back.img, _exit_sign(rng, _px(0.35), _px(0.15)), *p)
    elif kind == "lift":
        front = walls["front"]
        if shared.door is not None:
            front.img[:] = shared.door[: front.img.shape[0], : front.img.shape[1]]
        fw = front.img.shape[1]
        cv2.line(
            front.img, (fw // 2, front.y_of(2.05)), (fw // 2, front.img.shape[0]), (40, 40, 40), 2
        )
        cv2.rectangle(
            front.img,
            (_px(0.1), front.y_of(2.05)),
            (fw - _px(0.1), front.img.shape[0] - 1),
            (60, 60, 60),
            2,
        )
        panel = shared.panel if shared.panel is not None else _lift_panel(rng, _px(0.22), _px(0.9))
        side = walls["right"]
        x = side.img.shape[1] - _px(0.45)
        side.at(x, side.y_of(1.6), panel.shape[1], panel.shape[0], gap=2)
        _paste(side.img, panel, x, side.y_of(1.6))
    else:
        names = (
            ["front", "front", "left", "right"] if kind != "carpark" else ["front", "left", "right"]
        )
        _door_on(rng, walls[str(rng.choice(names))], door_colour)
        if kind in ("barn",):
            back = walls["back"]
            bw = min(back.img.shape[1] - 8, _px(float(rng.uniform(2.5, 3.5))))
            bh = _px(float(rng.uniform(2.6, 3.0)))
            x = (back.img.shape[1] - bw) // 2 + int(rng.integers(-20, 21))
            if back.at(x, back.y_of(bh / RES), bw, bh, gap=2):
                leaf = _planks(rng, bw, bh)
                cv2.line(leaf, (0, 0), (bw, bh), _c(rng, 40, 120), 8)
                cv2.line(leaf, (bw, 0), (0, bh), _c(rng, 40, 120), 8)
                cv2.rectangle(leaf, (0, 0), (bw - 1, bh - 1), _c(rng, 40, 120), 8)
                _paste(back.img, leaf, x, back.y_of(bh / RES))
    return wins


def _wall_things(kind: str, rng: Rng, wall: _Wall, shared: Shared) -> None:
    """Things fixed to one wall, drawn into its texture (see the module's docstring)."""
    wants: list[str] = []
    homes = ("bedroom", "living", "hotel", "cafe")
    if kind in homes:
        wants += ["picture"] * int(rng.integers(1, 3))
    if kind in ("bedroom", "living") and rng.random() < 0.5:
        wants.append("shelf")
    if kind in ("craft", "cafe", "locker", "stockroom") and rng.random() < 0.7:
        wants += ["poster"] * int(rng.integers(1, 3))
    if kind in ("craft", "locker", "stockroom") and rng.random() < 0.5:
        wants.append("notes")
    if kind == "craft":
        wants += ["artwork"] * int(rng.integers(1, 4))
    if kind in ("cafe",) and rng.random() < 0.6:
        wants.append("chalk")
    if kind in ("craft", "locker", "cafe", "kitchen", "corridor") and rng.random() < 0.35:
        wants.append("clock")
    if kind in ("corridor",):
        wants += ["picture"] * int(rng.integers(0, 3))
    if (
        kind in ("corridor", "stockroom", "carpark", "craft", "locker", "cafe", "barn")
        and rng.random() < 0.5
    ):
        wants.append("extinguisher")
    if kind in ("corridor", "carpark", "stockroom", "locker") and rng.random() < 0.5:
        wants.append("exit")
    if kind == "carpark":
        wants += ["levelsign"] * int(rng.integers(1, 3))
    if kind == "barn":
        wants += ["tack"] * int(rng.integers(1, 4))
        if rng.random() < 0.4:
            wants.append("ladder")
    if kind == "bathroom":
        wants += ["mirror", "towel"] if rng.random() < 0.6 else ["towel"]
    if kind == "locker":
        wants.append("hooks")
    if kind == "kitchen":
        wants += ["splash"] if rng.random() < 0.6 else []
    if kind == "lift":
        wants += ["notice"] * int(rng.integers(0, 3)) + ["scratch"]
    if kind not in ("lift", "carpark", "barn"):
        wants += ["socket"] * int(rng.integers(1, 3))
        if rng.random() < 0.4 and kind not in ("corridor",):
            wants.append("radiator")
    img = wall.img
    for want in wants:
        if want in ("picture", "poster", "artwork"):
            lo, hi = (0.25, 0.8) if want != "artwork" else (0.25, 0.45)
            pw, ph = (
                _px(float(rng.uniform(lo, hi))),
                _px(float(rng.uniform(lo, 0.6 if want == "picture" else 0.85))),
            )
            p = wall.spot(pw, ph, 1.5, 2.1)
            if p:
                _paste(img, _framed(rng, pw, ph) if want == "picture" else _art(rng, pw, ph), *p)
        elif want == "shelf":
            sw, sh = _px(float(rng.uniform(0.6, 1.1))), _px(0.28)
            p = wall.spot(sw, sh + 4, 1.6, 2.0)
            if p:
                _paste(img, _books(rng, sw, sh), *p)
                cv2.rectangle(
                    img, (p[0] - 2, p[1] + sh), (p[0] + sw + 2, p[1] + sh + 3), _c(rng, 60, 200), -1
                )
        elif want == "notes":
            nw, nh = _px(float(rng.uniform(0.8, 1.4))), _px(float(rng.uniform(0.5, 0.8)))
            p = wall.spot(nw, nh, 1.6, 1.9)
            if p:
                _paste(
                    img,
                    _notes(
                        rng, nw, nh, (180, 140, 90) if rng.random() < 0.6 else _c(rng, 150, 250)
                    ),
                    *p,
                )
        elif want == "chalk":
            cw, ch = _px(float(rng.uniform(0.6, 1.0))), _px(float(rng.uniform(0.7, 1.0)))
            p = wall.spot(cw, ch, 1.9, 2.3)
            if p:
                _paste(img, _board(rng, cw, ch, dark=True), *p)
        elif want == "clock":
            s = _px(float(rng.uniform(0.22, 0.35)))
            p = wall.spot(s, s, 2.0, 2.3)
            if p:
                _paste(img, _clock(rng, s), *p)
        elif want == "extinguisher":
            ew, eh = _px(0.25), _px(0.6)
            p = wall.spot(ew, eh, 1.1, 1.2)
            if p:
                _paste(img, _extinguisher(rng, ew, eh, img[p[1] : p[1] + eh, p[0] : p[0] + ew]), *p)
        elif want == "exit":
            p = wall.spot(_px(0.35), _px(0.15), 2.2, 2.3)
            if p:
                _paste(img, _exit_sign(rng, _px(0.35), _px(0.15)), *p)
        elif want == "levelsign":
            sw = _px(float(rng.uniform(0.6, 1.0)))
            p = wall.spot(sw, sw, 2.0, 2.2)
            if p:
                sign = np.empty((sw, sw, 3), np.uint8)
                sign[:] = _c(rng, 20, 240)
                ink = (255, 255, 255) if int(np.mean(sign[0, 0])) < 130 else (15, 15, 15)
                _text(sign, rng, _word(rng, (1, 1)).upper(), sw // 8, sw // 2, sw // 3, ink)
                _text(sign, rng, _word(rng, (2, 3)), sw // 10, sw * 5 // 6, sw // 8, ink)
                _paste(img, sign, *p)
        elif want == "tack":
            tw, th = _px(float(rng.uniform(0.6, 1.2))), _px(0.8)
            p = wall.spot(tw, th, 1.7, 1.9)
            if p:
                x0, y0 = p
                for k in range(int(rng.integers(2, 5))):
                    hx = x0 + k * tw // 4 + 6
                    cv2.rectangle(img, (hx - 2, y0), (hx + 2, y0 + 8), (50, 50, 50), -1)
                    col = _c(rng, 20, 200)
                    r = int(rng.integers(10, 28))
                    cv2.ellipse(img, (hx, y0 + 8 + r), (r // 2, r), 0, 0, 360, col, 3)
        elif want == "ladder":
            lw, lh = _px(0.45), min(img.shape[0] - 4, _px(3.0))
            p = wall.spot(lw, lh, lh / RES, lh / RES + 0.01)
            if p:
                col = _c(rng, 70, 170)
                cv2.line(img, (p[0], p[1]), (p[0], p[1] + lh), col, 6)
                cv2.line(img, (p[0] + lw, p[1]), (p[0] + lw, p[1] + lh), col, 6)
                for y in range(p[1] + 20, p[1] + lh, _px(0.3)):
                    cv2.line(img, (p[0], y), (p[0] + lw, y), col, 5)
        elif want == "mirror":
            mw, mh = _px(float(rng.uniform(0.5, 0.8))), _px(float(rng.uniform(0.6, 0.9)))
            p = wall.spot(mw, mh, 1.8, 1.95)
            if p:
                t = np.linspace(0, 1, mw, dtype=np.float32)[None, :, None]
                glass = _u8(
                    np.array([175, 190, 195], np.float32) * (0.85 + 0.25 * t)
                    + np.zeros((mh, 1, 1), np.float32)
                )
                cv2.rectangle(glass, (0, 0), (mw - 1, mh - 1), _c(rng, 120, 240), 3)
                _paste(img, glass, *p)
        elif want == "towel":
            tw, th = _px(float(rng.uniform(0.3, 0.6))), _px(float(rng.uniform(0.5, 0.8)))
            p = wall.spot(tw, th, 1.3, 1.5)
            if p:
                _paste(img, _fabric(rng, tw, th), *p)
                cv2.line(img, (p[0] - 6, p[1]), (p[0] + tw + 6, p[1]), (200, 200, 205), 3)
        elif want == "hooks":
            y = wall.y_of(1.75)
            for x in range(int(rng.integers(10, 40)), img.shape[1] - 10, int(rng.integers(40, 70))):
                if wall.free(x, y, 6, 14, gap=0):
                    cv2.rectangle(img, (x, y), (x + 5, y + 12), (80, 80, 85), -1)
                    if rng.random() < 0.3:  # a towel or a bag on it
                        _paste(img, _fabric(rng, 30, 50), x - 12, y + 10)
        elif want == "splash":
            sw, sh = min(img.shape[1] - 8, _px(float(rng.uniform(1.5, 2.5)))), _px(0.55)
            p = wall.spot(sw, sh, 1.45, 1.5)
            if p:
                _paste(
                    img,
                    _tiles(
                        rng,
                        sw,
                        sh,
                        _px(float(rng.uniform(0.08, 0.15))),
                        _c(rng, 120, 250),
                        _c(rng, 100, 220),
                    ),
                    *p,
                )
        elif want == "notice":
            nw, nh = _px(float(rng.uniform(0.2, 0.3))), _px(float(rng.uniform(0.25, 0.35)))
            p = wall.spot(nw, nh, 1.5, 1.8)
            if p:
                _paste(
                    img,
                    _label(rng, nw, nh) if rng.random() < 0.5 else _board(rng, nw, nh, False),
                    *p,
                )
        elif want == "scratch":
            for _ in range(int(rng.integers(5, 20))):
                x, y = int(rng.integers(0, img.shape[1])), int(rng.integers(0, img.shape[0]))
                cv2.line(
                    img,
                    (x, y),
                    (x + int(rng.integers(-40, 41)), y + int(rng.integers(-8, 9))),
                    _shade(tuple(int(v) for v in img[y, x]), float(rng.uniform(0.7, 1.2))),
                    1,
                )  # type: ignore[arg-type]
        elif want == "socket":
            s = _px(0.085)
            p = wall.spot(s, s, 0.3, 0.35) if rng.random() < 0.6 else wall.spot(s, s, 1.05, 1.15)
            if p:
                cv2.rectangle(img, p, (p[0] + s, p[1] + s), (238, 238, 235), -1)
                cv2.circle(img, (p[0] + s // 3, p[1] + s // 2), 2, (40, 40, 40), -1)
                cv2.circle(img, (p[0] + 2 * s // 3, p[1] + s // 2), 2, (40, 40, 40), -1)
        elif want == "radiator":
            rw, rh = _px(float(rng.uniform(0.6, 1.4))), _px(0.55)
            p = wall.spot(rw, rh, 0.7, 0.75)
            if p:
                col = (236, 236, 232) if rng.random() < 0.7 else _c(rng, 60, 220)
                cv2.rectangle(img, p, (p[0] + rw, p[1] + rh), col, -1)
                for x in range(p[0] + 4, p[0] + rw - 2, 9):
                    cv2.line(img, (x, p[1] + 4), (x, p[1] + rh - 4), _shade(col, 0.8), 2)


def _fill(tex: U8, tw: int, th: int) -> U8:
    """A shared texture covering a tw x th surface: repeated if smaller, cut if larger."""
    reps = (th // tex.shape[0] + 1, tw // tex.shape[1] + 1, 1)
    return np.ascontiguousarray(np.tile(tex, reps)[:th, :tw])


def build_place(seed: int) -> Place:
    kind = place_kind(seed)
    base = base_kind(kind)
    rng = np.random.default_rng(PLACE_SEED + seed)
    rng.random()  # the kind's draw
    shared = _template(seed)
    (w0, w1), (h0, h1), (d0, d1) = SIZES[base]
    width, height, depth = (
        float(rng.uniform(w0, w1)),
        float(rng.uniform(h0, h1)),
        float(rng.uniform(d0, d1)),
    )
    if shared.size is not None:
        width, height = shared.size[0], shared.size[1]
        depth = shared.size[2] or depth
    paint = shared.paint or _c(rng, 120, 250)
    door_colour = (236, 234, 228) if rng.random() < 0.5 else _c(rng, 60, 220)
    if shared.door is not None and base == "corridor":
        door_colour = tuple(int(v) for v in shared.door[shared.door.shape[0] // 6, 4])  # type: ignore[assignment]
    surfaces: dict[str, Surface] = {}
    walls: dict[str, _Wall] = {}
    area_res = min(RES, float(np.sqrt(AREA_TEXELS / (width * depth))))
    for name, (origin, u, v, size) in _frames(width, height, depth).items():
        res = RES if name not in ("floor", "ceiling") else area_res
        tw, th = _px(size[0], res), _px(size[1], res)
        if name == "floor":
            tex = (
                _floor_texture(base, rng, tw, th, res)
                if shared.floor is None
                else (
                    _fill(shared.floor, tw, th)
                    if base == "corridor"
                    else np.asarray(
                        cv2.resize(shared.floor, (tw, th), interpolation=cv2.INTER_AREA), np.uint8
                    )
                )
            )
        elif name == "ceiling":
            tex = (
                _ceiling_texture(base, rng, tw, th, res)
                if shared.ceiling is None
                else (
                    _fill(shared.ceiling, tw, th)
                    if base == "corridor"
                    else np.asarray(
                        cv2.resize(shared.ceiling, (tw, th), interpolation=cv2.INTER_AREA), np.uint8
                    )
                )
            )
        else:
            tex = _wall_texture(base, rng, tw, th, paint)
            if shared.dado is not None:
                lo, col = shared.dado
                tex[th - lo :] = _u8(
                    tex[th - lo :].astype(np.float32) * np.array(col, np.float32) / 200
                )
                cv2.line(tex, (0, th - lo), (tw, th - lo), _shade(col, 0.7), 3)
            if shared.etch is not None:
                e = (
                    shared.etch[:th, :tw]
                    if shared.etch.shape[1] >= tw
                    else cv2.resize(shared.etch, (tw, th))
                )
                tex = _u8(tex.astype(np.float32) * (1 + 0.14 * e)[:, :, None])
                for x in range(0, tw, max(20, tw // 3)):  # panel seams
                    cv2.line(tex, (x, 0), (x, th), (70, 70, 75), 2)
        surf = Surface(name, np.ascontiguousarray(tex), origin, u, v, size, res)
        surfaces[name] = surf
        if name not in ("floor", "ceiling"):
            surf.bare = tex.copy()  # type: ignore[assignment]  # the plain wall, compared below
            walls[name] = _Wall(surf, height, rng)

    if shared.board is not None:
        name, along, bw_m, bh_m = shared.board
        wall = walls[name]
        x, y, bw, bh = round(along * RES), wall.y_of(0.9 + bh_m), _px(bw_m), _px(bh_m)
        wall.at(x, y, bw, bh, gap=4)
        _paste(wall.img, _board(rng, bw, bh, dark=False), x, y)
    elif base == "craft":
        wall = walls["back"]
        bw, bh = _px(min(2.4, width - 1.0)), _px(1.2)
        p = wall.spot(bw, bh, 2.05, 2.15)
        if p:
            _paste(wall.img, _board(rng, bw, bh, dark=False), *p)
    windows = _fixtures(base, rng, walls, shared, (width, height, depth), door_colour)
    for name in ("back", "left", "right", "front"):
        _wall_things(base, rng, walls[name], shared)

    # Light: each surface its own level and a gradient across it, the same every day.
    for name, surf in surfaces.items():
        lo, hi = {"floor": (0.8, 1.0), "ceiling": (0.75, 0.95), "back": (0.9, 1.0)}.get(
            name, (0.72, 0.96)
        )
        if base == "carpark":
            lo, hi = lo * 0.8, hi * 0.85
        level = float(rng.uniform(lo, hi))
        ramp = np.linspace(
            level * float(rng.uniform(0.82, 1.0)),
            level * float(rng.uniform(1.0, 1.1)),
            surf.tex.shape[1],
            dtype=np.float32,
        )
        if rng.random() < 0.5:
            ramp = ramp[::-1].copy()
        if surf.bare is not None:
            surf.bare = (surf.tex == surf.bare).all(axis=2)  # type: ignore[assignment]
        surf.ramp = ramp
        surf.tex = np.ascontiguousarray(_u8(surf.tex.astype(np.float32) * ramp[None, :, None]))

    boxes, tops = _furnish(base, rng, shared, width, depth, height)
    rug = rug_tex = None
    if base in HOMES and rng.random() < 0.6:
        rug = (
            float(rng.uniform(-0.2, 0.2)) * width,
            depth * float(rng.uniform(0.45, 0.6)),
            float(rng.uniform(1.4, 2.4)),
            float(rng.uniform(1.0, 1.8)),
        )
        rug_tex = _rug(rng, 128, 96)

    cam_x = float(rng.uniform(-0.2, 0.2)) * width
    y, z = float(rng.uniform(1.5, 1.7)), float(rng.uniform(0.3, 0.55))
    yaw, pitch, hfov = (
        float(rng.uniform(-15, 15)),
        float(rng.uniform(-14, -5)),
        float(rng.uniform(62, 72)),
    )
    if base == "corridor":
        cam_x, z = float(rng.uniform(-0.15, 0.15)) * width, float(rng.uniform(0.3, 1.0))
        yaw, pitch = float(rng.uniform(-6, 6)), float(rng.uniform(-8, -2))
    elif base == "lift":
        cam_x, z = float(rng.uniform(-0.1, 0.1)) * width, float(rng.uniform(0.15, 0.25))
        yaw, hfov = float(rng.uniform(-10, 10)), float(rng.uniform(74, 82))
    elif base == "carpark":
        cam_x, z = float(rng.uniform(-0.3, 0.3)) * width, float(rng.uniform(1.0, 3.0))
        yaw, pitch = float(rng.uniform(-20, 20)), float(rng.uniform(-8, -2))
    elif base == "bathroom":
        z, hfov = float(rng.uniform(0.25, 0.4)), float(rng.uniform(70, 78))
    elif base == "barn":
        pitch = float(rng.uniform(-8, 0))
    cam = Camera(_vec(cam_x, y, z), yaw, pitch, hfov)
    return Place(
        seed,
        kind,
        width,
        height,
        depth,
        surfaces,
        boxes,
        tops,
        cam,
        door_colour,
        windows,
        rug,
        rug_tex,
    )


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: boxes, bags, parcels, trays, on the floor and on surfaces."""
    out: list[Box] = []
    for _ in range(int(day.integers(2, 7))):
        s = float(day.uniform(0.12, 0.4))
        h = float(day.uniform(0.06, 0.32))
        if place.tops and day.random() < 0.6:
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
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


def _garland(img: U8, rng: Rng, y: int) -> None:
    """Bunting or a string of coloured bulbs sagging across a wall's texture."""
    w = img.shape[1]
    sag = int(rng.integers(8, 30))
    span = int(rng.integers(120, 260))
    bunting = rng.random() < 0.5
    cols = [_c(rng, 60, 256) for _ in range(int(rng.integers(3, 6)))]
    xs = np.arange(0, w, 2)
    ys = y + sag * (1 - ((xs % span) / span * 2 - 1) ** 2)
    cv2.polylines(img, [np.stack([xs, ys], 1).astype(np.int32)], False, (40, 40, 40), 1)
    step = int(rng.integers(14, 26))
    for i, x in enumerate(range(0, w, step)):
        yy = int(y + sag * (1 - ((x % span) / span * 2 - 1) ** 2))
        col = cols[i % len(cols)]
        if bunting:
            cv2.fillPoly(img, [np.array([[x - 6, yy], [x + 6, yy], [x, yy + 14]], np.int32)], col)
        else:
            cv2.circle(img, (x, yy + 4), 3, col, -1)
            cv2.circle(img, (x, yy + 4), 6, _shade(col, 0.6), 1)


def _season(place: Place, rng: Rng) -> tuple[dict[str, U8], list[Box]]:
    """Another season's look: one wall repainted, garlands, window cut-outs, a tree or
    parcels, the rug replaced (or one laid)."""
    texs = {k: s.tex for k, s in place.surfaces.items()}
    name = str(rng.choice(["back", "left", "right"]))
    s = place.surfaces[name]
    th, tw = s.tex.shape[:2]
    ramp = s.ramp if s.ramp is not None else np.ones(tw, np.float32)
    if base_kind(place.kind) == "lift":  # a protective blanket hung over a wall instead
        new = _u8(_fabric(rng, tw, th).astype(np.float32) * ramp[None, :, None])
        texs[name] = new
    else:
        paint = _paint(rng, tw, th, _c(rng, 60, 245)).astype(np.float32) * ramp[None, :, None]
        bare = s.bare if s.bare is not None else np.ones((th, tw), bool)
        mixed = s.tex.astype(np.float32) * 0.15 + paint * 0.85
        texs[name] = _u8(np.where(bare[:, :, None], mixed, s.tex.astype(np.float32)))
    for wall in [
        str(x)
        for x in rng.choice(
            ["back", "left", "right", "front"], size=int(rng.integers(2, 4)), replace=False
        )
    ]:
        img = texs[wall].copy()
        _garland(img, rng, _px(float(rng.uniform(0.15, 0.45))))
        texs[wall] = img
    for wall, x, y, ww, wh in place.windows:
        img = texs[wall] if texs[wall] is not place.surfaces[wall].tex else texs[wall].copy()
        for _ in range(int(rng.integers(2, 6))):
            cx, cy = x + int(rng.integers(0, ww)), y + int(rng.integers(0, wh))
            r = int(rng.integers(6, 16))
            if rng.random() < 0.6:  # a paper snowflake
                for a in range(0, 180, 30):
                    dx, dy = int(r * np.cos(np.radians(a))), int(r * np.sin(np.radians(a)))
                    cv2.line(img, (cx - dx, cy - dy), (cx + dx, cy + dy), (245, 245, 245), 2)
            else:  # a cut-out leaf or star
                cv2.circle(img, (cx, cy), r // 2, _c(rng, 120, 256), -1)
        texs[wall] = img
    extra: list[Box] = []
    w, d = place.width, place.depth
    x = (w / 2 - 0.5) * (1 if rng.random() < 0.5 else -1)
    z = float(rng.uniform(max(1.2, d * 0.5), max(1.3, d - 0.6)))
    if base_kind(place.kind) == "lift":  # no tree or parcels in a lift
        pass
    elif rng.random() < 0.5:
        green = _paint(rng, 48, 48, _c(rng, 20, 90))
        for _ in range(40):
            cv2.circle(
                green,
                (int(rng.integers(0, 48)), int(rng.integers(0, 48))),
                2,
                _c(rng, 100, 256),
                -1,
            )
        tree = {"front": green, "top": green, "left": green, "right": green, "back": green}
        for k, (s_, hh) in enumerate(((0.9, 0.5), (0.65, 0.5), (0.4, 0.45))):
            extra.append(Box(x, z, s_, s_, hh, 0.3 + k * 0.5, tree))
        extra.append(
            Box(x, z, 0.25, 0.25, 0.3, 0.0, {"front": _paint(rng, 16, 16, _c(rng, 40, 200))})
        )
    else:
        for _ in range(int(rng.integers(3, 6))):
            sz = float(rng.uniform(0.15, 0.4))
            extra.append(
                Box(
                    x + float(rng.uniform(-0.3, 0.3)),
                    z + float(rng.uniform(-0.3, 0.3)),
                    sz,
                    sz,
                    sz * 0.7,
                    0.0,
                    {"front": _label(rng, 48, 48), "top": _fabric(rng, 32, 32)},
                )
            )
    return texs, extra


def _planes(place: Place, day: int, season: bool) -> list[Plane]:
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    texs = {k: s.tex for k, s in place.surfaces.items()}
    extra: list[Box] = []
    rug, rug_tex = place.rug, place.rug_tex
    if season:
        texs, extra = _season(place, rng)
        if rug is not None or base_kind(place.kind) in HOMES:
            rug = rug or (
                0.0,
                place.depth * 0.55,
                float(rng.uniform(1.4, 2.2)),
                float(rng.uniform(1.0, 1.6)),
            )
            rug_tex = _rug(rng, 128, 96)
    planes = [
        Plane(texs[k], s.origin, s.u, s.v, s.size, wall=True) for k, s in place.surfaces.items()
    ]
    soft = {"bedding": _fabric(rng, 96, 96), "cushion": _fabric(rng, 64, 32)}
    if rug is not None and rug_tex is not None:
        planes += box_planes(
            {"top": rug_tex, "front": rug_tex}, rug[0], rug[1], rug[2], rug[3], 0.012, 0.0
        )
    for b in place.boxes + _clutter(place, rng) + extra:
        tex = b.tex
        if b.soft:
            cloth = soft[b.soft]
            tex = {"front": cloth, "top": cloth, "left": cloth, "right": cloth, "back": cloth}
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v12``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v12(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v12 (``bench/link.py --generator v12``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v12``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    bedroom, living room or café."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 30_000_000
    while is_distractor(seed) or place_kind(seed) not in ("living", "bedroom", "cafe"):
        seed += 1
    place = build_place(seed)
    back = place.surfaces["back"]
    h, w = img.shape[:2]
    pw = _px(min(2.0, place.width - 0.4))
    ph = max(8, int(pw * h / w))
    tex = back.tex.copy()
    pic = cv2.resize(np.ascontiguousarray(img[:, :, :3]), (pw, ph), interpolation=cv2.INTER_AREA)
    _paste(tex, pic, (tex.shape[1] - pw) // 2, max(0, (tex.shape[0] - ph) // 3))
    back.tex = tex
    if back.bare is not None:
        bare = back.bare.copy()
        bare[
            max(0, (tex.shape[0] - ph) // 3) : max(0, (tex.shape[0] - ph) // 3) + ph,
            (tex.shape[1] - pw) // 2 : (tex.shape[1] - pw) // 2 + pw,
        ] = False
        back.bare = bare
    place.cache.clear()
    return place


# --- views -----------------------------------------------------------------------------------


def _small(place: Place) -> float:
    """How far a camera may move in this kind of place, relative to a room's reach."""
    return {"lift": 0.3, "bathroom": 0.5, "corridor": 0.6}.get(base_kind(place.kind), 1.0)


def _inside(place: Place, pos: F64, margin: float = 0.25) -> F64:
    out = pos.copy()
    m = min(margin, place.width / 4)
    out[0] = np.clip(out[0], -place.width / 2 + m, place.width / 2 - m)
    out[1] = np.clip(out[1], 0.3, place.height - 0.1)
    far = place.depth - (0.6 if base_kind(place.kind) == "lift" else max(0.8, place.depth / 3))
    out[2] = np.clip(out[2], 0.12, max(0.13, far))
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


def _aim(pos: F64, target: F64) -> tuple[float, float]:
    d = target - pos
    return float(np.degrees(np.arctan2(d[0], d[2]))), float(
        np.degrees(np.arctan2(d[1], np.hypot(d[0], d[2])))
    )


def corner_camera(place: Place, rng: Rng) -> Camera:
    """A strong wide-angle from a front corner: 100-118 degrees, aimed across the room."""
    side = 1 if rng.random() < 0.5 else -1
    m = 0.15 if base_kind(place.kind) == "lift" else 0.25
    pos = _vec(side * (place.width / 2 - m), float(rng.uniform(1.5, 1.9)), m)
    pos[1] = min(pos[1], place.height - 0.2)
    target = _vec(
        -side * place.width / 2 * float(rng.uniform(0.3, 0.8)),
        1.0,
        place.depth * float(rng.uniform(0.6, 1.0)),
    )
    yaw, _ = _aim(pos, target)
    return Camera(pos, yaw, -float(rng.uniform(4, 14)), float(rng.uniform(100, 118)))


def cctv_camera(place: Place, rng: Rng) -> Camera:
    """A security camera 0.15 m under the ceiling in a corner (front 65 %, back 35 %),
    aimed at the middle of the far part of the floor, 95-115 degrees wide."""
    sx = 1 if rng.random() < 0.5 else -1
    front = rng.random() < 0.65
    w, h, d = place.width, place.height, place.depth
    pos = _vec(sx * (w / 2 - 0.15), h - 0.15, 0.15 if front else d - 0.15)
    target = _vec(
        -sx * w * float(rng.uniform(0.0, 0.2)),
        0.0,
        d * (float(rng.uniform(0.55, 0.75)) if front else float(rng.uniform(0.25, 0.45))),
    )
    yaw, pitch = _aim(pos, target)
    return Camera(pos, yaw, max(-60.0, pitch), float(rng.uniform(95, 115)))


def door_gap(room: U8, rng: Rng, colour: Colour) -> U8:
    """A half-closed door near the lens hides 60-72 % of the width from one side (a
    trapezoid, in the hall's shade, out of focus); the frame's jamb on the other side."""
    h, w = room.shape[:2]
    cover = float(rng.uniform(0.6, 0.72))
    edge = cover * w
    taller = float(rng.uniform(0.04, 0.08)) * h
    leaf = _door(rng, max(8, int(edge)), h, colour)
    dark = np.float32(rng.uniform(0.45, 0.7))
    grad = np.linspace(1.0, 0.75, leaf.shape[1], dtype=np.float32)[None, :, None]
    leaf = _u8(leaf.astype(np.float32) * dark * grad)
    src = np.float32([[0, 0], [leaf.shape[1], 0], [leaf.shape[1], h], [0, h]])
    dst = np.float32([[0, -taller], [edge, 0], [edge, h], [0, h + taller]])
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(leaf, m, (w, h), borderMode=cv2.BORDER_REPLICATE)
    mask = cv2.warpPerspective(np.full((h, leaf.shape[1]), 255, np.uint8), m, (w, h))
    jamb_w = int(w * rng.uniform(0.04, 0.09))
    mask[:, w - jamb_w :] = 255
    warped[:, w - jamb_w :] = _shade(colour, float(dark) * 0.8)
    if rng.random() < 0.5:  # the door on the right
        warped, mask = np.ascontiguousarray(warped[:, ::-1]), np.ascontiguousarray(mask[:, ::-1])
    sigma = float(rng.uniform(1.2, 2.4)) * w / 400
    warped = _blur(warped, sigma)
    a = cv2.GaussianBlur(mask, (0, 0), sigma).astype(np.float32)[:, :, None] / 255
    return _u8(room.astype(np.float32) * (1 - a) + warped.astype(np.float32) * a)


def night_mode(img: U8, rng: Rng) -> U8:
    """A phone's night mode: several very dark noisy frames merged, brightened, smoothed,
    oversharpened, with a colour cast."""
    h, w = img.shape[:2]
    light = np.float32(rng.uniform(0.03, 0.07))
    dark = img.astype(np.float32) * light
    n = int(rng.integers(6, 11))
    read = np.float32(rng.uniform(0.6, 1.2))  # grey levels at the frame's own exposure
    acc = np.zeros_like(dark)
    for _ in range(n):
        dx, dy = rng.uniform(-1.2, 1.2, 2)
        f = cv2.warpAffine(
            dark, np.float32([[1, 0, dx], [0, 1, dy]]), (w, h), borderMode=cv2.BORDER_REFLECT
        )
        shot = np.sqrt(np.maximum(f, 0) / 4) * rng.standard_normal(f.shape, dtype=np.float32)
        acc += f + shot + read * rng.standard_normal(f.shape, dtype=np.float32)
    x = acc / n / light * np.float32(rng.uniform(0.7, 0.9))
    x = 255 * (np.clip(x, 0, 255) / 255) ** np.float32(rng.uniform(0.75, 0.85))
    x8 = _u8(x)
    for _ in range(2):
        x8 = np.asarray(cv2.bilateralFilter(x8, 7, float(rng.uniform(30, 50)), 5), np.uint8)
    s = float(rng.uniform(1.2, 2.0))
    amount = np.float32(rng.uniform(1.3, 2.2))
    y = x8.astype(np.float32)
    y = y + amount * (y - cv2.GaussianBlur(y, (0, 0), s))
    cast = (
        np.array([1.12, 1.0, 0.8], np.float32),
        np.array([0.92, 1.08, 0.9], np.float32),
        np.array([1.08, 0.9, 1.1], np.float32),
    )[int(rng.integers(0, 3))]
    lum = y.mean(axis=2, keepdims=True)
    y = lum + (y - lum) * np.float32(rng.uniform(0.75, 0.95))
    return _u8(y * cast)


def window_reflection(room: U8, rng: Rng) -> U8:
    """The room, mirrored, faint over a dark night outside, a second fainter copy (double
    glazing), window bars in front."""
    h, w = room.shape[:2]
    out = _night_outside(rng, w, h).astype(np.float32)
    mirror = room[:, ::-1].astype(np.float32)
    r = np.float32(rng.uniform(0.28, 0.45))
    dx, dy = int(rng.integers(2, 7)) * (1 if rng.random() < 0.5 else -1), int(rng.integers(1, 4))
    ghost = np.roll(np.roll(mirror, dx, axis=1), dy, axis=0)
    out = out + r * 0.75 * mirror + r * 0.25 * ghost  # two panes: most of it, and the rest
    bar = np.array(_c(rng, 10, 40), np.float32)
    for _ in range(int(rng.integers(0, 3))):
        if rng.random() < 0.5:
            x = int(rng.integers(w // 6, 5 * w // 6))
            out[:, x : x + max(3, w // 50)] = bar
        else:
            y = int(rng.integers(h // 6, 5 * h // 6))
            out[y : y + max(3, h // 40)] = bar
    return _noise(_u8(out), rng, 4.0)


def corner_crop(img: U8, rng: Rng) -> U8:
    """20-30 % of the frame's area at one corner (the same aspect), upscaled bicubically."""
    h, w = img.shape[:2]
    f = float(np.sqrt(rng.uniform(0.2, 0.3)))
    cw, ch = max(8, int(w * f)), max(8, int(h * f))
    corner = int(rng.integers(0, 4))
    x = 0 if corner in (0, 2) else w - cw
    y = 0 if corner in (0, 1) else h - ch
    return np.asarray(
        cv2.resize(img[y : y + ch, x : x + cw], (w, h), interpolation=cv2.INTER_CUBIC), np.uint8
    )


def _stamp(img: U8, text: str, x: int, y: int, scale: float) -> None:
    for col, thick in (((10, 10, 10), 3), ((250, 250, 250), 1)):
        cv2.putText(img, text, (x, y), cv2.FONT_HERSHEY_SIMPLEX, scale, col, thick, cv2.LINE_AA)


def cctv_frame(img: U8, rng: Rng) -> U8:
    """A security camera's still: barrel distortion, washed-out colour, low bitrate, a
    timestamp and a camera name burnt in."""
    h, w = img.shape[:2]
    k = np.float32(rng.uniform(0.12, 0.28))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    nx, ny = (xx - w / 2) / (w / 2), (yy - h / 2) / (w / 2)
    r2 = (nx**2 + ny**2) / (1 + (h / w) ** 2)
    scale = (1 + k * r2) / (1 + k)
    out = cv2.remap(
        img,
        w / 2 + (xx - w / 2) * scale,
        h / 2 + (yy - h / 2) * scale,
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    x = out.astype(np.float32)
    lum = x.mean(axis=2, keepdims=True)
    x = x + (lum - x) * np.float32(rng.uniform(0.4, 1.0))
    x = 128 + (x - 128) * np.float32(rng.uniform(0.8, 0.95))
    x8 = _noise(_u8(x), rng, 3.0)
    f = float(rng.uniform(0.45, 0.6))
    small = cv2.resize(x8, (max(16, int(w * f)), max(12, int(h * f))), interpolation=cv2.INTER_AREA)
    small = _unjpeg(_jpeg(small, int(rng.integers(12, 26))))
    out = np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8).copy()
    date = [int(rng.integers(2015, 2026)), int(rng.integers(1, 13)), int(rng.integers(1, 29))]
    time = [int(rng.integers(0, 24)), int(rng.integers(0, 60)), int(rng.integers(0, 60))]
    stamp = "{}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*date, *time)
    sc = 0.4 * w / 400
    _stamp(out, stamp, int(w * 0.02), int(h * 0.07), sc)
    name = f"{_word(rng, (1, 2)).upper()} {int(rng.integers(1, 17))}"
    _stamp(out, name, int(w * 0.98 - len(name) * 9 * sc * 2), int(h * 0.95), sc)
    return out


def chat_screenshot(picture: U8, rng: Rng, w: int) -> U8:
    """A messaging app's screenshot ``w`` wide and twice as high: status bar, header,
    text bubbles of syllables, the picture as a rounded bubble, an input bar."""
    h = 2 * w
    dark = rng.random() < 0.4
    bg = _c(rng, 10, 35) if dark else _c(rng, 225, 250)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = bg
    ink = (235, 235, 235) if dark else (25, 25, 25)
    if rng.random() < 0.4:  # a faint wallpaper of shapes
        for _ in range(60):
            cv2.circle(
                img,
                (int(rng.integers(0, w)), int(rng.integers(0, h))),
                int(rng.integers(3, 9)),
                _shade(bg, 0.93 if not dark else 1.4),
                1,
            )
    bar = int(h * 0.035)
    head = int(h * 0.075)
    cv2.rectangle(
        img, (0, 0), (w, bar + head), _shade(bg, 0.9) if not dark else _shade(bg, 1.6), -1
    )
    cv2.putText(
        img,
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}",
        (6, bar - 4),
        cv2.FONT_HERSHEY_SIMPLEX,
        bar / 30,
        ink,
        1,
        cv2.LINE_AA,
    )
    for i in range(3):
        cv2.rectangle(img, (w - 12 - i * 9, bar - 6 - 2 * i), (w - 6 - i * 9, bar - 4), ink, -1)
    cy = bar + head // 2
    cv2.line(img, (8, cy), (14, cy - 6), ink, 2)
    cv2.line(img, (8, cy), (14, cy + 6), ink, 2)
    cv2.circle(img, (34, cy), head // 3, _c(rng, 40, 255), -1)
    _text(img, rng, _word(rng, (2, 3)).capitalize(), 34 + head // 2, cy + 4, max(8, head // 4), ink)
    mine = _c(rng, 120, 230) if not dark else _c(rng, 20, 110)
    theirs = (255, 255, 255) if not dark else _shade(bg, 2.0)
    top, bottom = bar + head + 6, h - int(h * 0.07) - 6
    pw = int(w * rng.uniform(0.62, 0.75))
    ph = max(8, picture.shape[0] * pw // picture.shape[1])
    pic = cv2.resize(picture, (pw, ph), interpolation=cv2.INTER_AREA)
    pic = _unjpeg(_jpeg(pic, 70))
    right = rng.random() < 0.5
    py = int(rng.integers(top + 10, max(top + 11, bottom - ph - 20)))
    px = w - pw - 10 if right else 10
    # text bubbles above and below the picture
    for y0, y1 in ((top, py - 6), (py + ph + 22, bottom)):
        y = y1 if y0 == top else y0
        step = -1 if y0 == top else 1
        while (y > y0 + 20) if step < 0 else (y < y1 - 20):
            lines = int(rng.integers(1, 3))
            bh = 8 + 12 * lines
            bw = int(w * rng.uniform(0.3, 0.7))
            side = rng.random() < 0.5
            bx = w - bw - 10 if side else 10
            by = y - bh if step < 0 else y
            cv2.rectangle(img, (bx, by), (bx + bw, by + bh), mine if side else theirs, -1)
            for k in range(lines):
                _text(
                    img,
                    rng,
                    " ".join(_word(rng, (1, 2)) for _ in range(3)),
                    bx + 5,
                    by + 14 + 12 * k,
                    8,
                    ink if not side or dark else (20, 20, 20),
                )
            y += step * (bh + 6)
    cv2.rectangle(img, (px - 3, py - 3), (px + pw + 3, py + ph + 18), mine if right else theirs, -1)
    mask = np.zeros((ph, pw), np.uint8)
    rad = max(4, pw // 20)
    cv2.rectangle(mask, (rad, 0), (pw - rad, ph), 255, -1)
    cv2.rectangle(mask, (0, rad), (pw, ph - rad), 255, -1)
    for cx, cyy in ((rad, rad), (pw - rad, rad), (rad, ph - rad), (pw - rad, ph - rad)):
        cv2.circle(mask, (cx, cyy), rad, 255, -1)
    region = img[py : py + ph, px : px + pw]
    region[mask > 0] = pic[mask > 0]
    cv2.putText(
        img,
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}",
        (px + pw - 34, py + ph + 13),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.3,
        (90, 90, 90),
        1,
        cv2.LINE_AA,
    )
    cv2.rectangle(
        img, (0, h - int(h * 0.07)), (w, h), _shade(bg, 0.92) if not dark else _shade(bg, 1.5), -1
    )
    cv2.rectangle(img, (10, h - int(h * 0.055)), (w - 44, h - int(h * 0.015)), theirs, -1)
    cv2.circle(img, (w - 22, h - int(h * 0.035)), int(h * 0.02), mine, -1)
    return img


def rain_glass(img: U8, rng: Rng) -> U8:
    """Through dirty, rain-streaked glass: drops and streaks refract and blur, a smudged
    film of dirt, lower contrast, dust."""
    h, w = img.shape[:2]
    s = w / 400
    water = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(50, 131) * (w * h) / 120_000) + 1):
        cv2.circle(
            water,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            max(1, int(rng.uniform(1.5, 7) * s)),
            1.0,
            -1,
        )
    for _ in range(int(rng.integers(6, 17))):
        x, y = float(rng.integers(0, w)), float(rng.integers(0, h // 2))
        pts = [(x, y)]
        for _ in range(int(rng.integers(6, 20))):
            x += float(rng.uniform(-3, 3)) * s
            y += float(rng.uniform(6, 18)) * s
            pts.append((x, y))
        cv2.polylines(
            water, [np.array(pts, np.int32)], False, 1.0, max(1, int(rng.uniform(1.5, 4) * s))
        )
    hb = cv2.GaussianBlur(water, (0, 0), 1.5 * s)
    gx = cv2.Sobel(hb, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(hb, cv2.CV_32F, 0, 1, ksize=3)
    disp = np.float32(rng.uniform(6, 12) * s)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    out = cv2.remap(
        img, xx + gx * disp, yy + gy * disp, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    ).astype(np.float32)
    inside = np.clip(hb * 2, 0, 1)[:, :, None]
    out = out * (1 - inside) + cv2.GaussianBlur(out, (0, 0), 2.0 * s) * inside
    out += np.clip(-gy, 0, 1)[:, :, None] * 60  # bright rims where the light catches
    film = np.clip(0.5 + 0.6 * _field(rng, w, h, max(8, int(40 * s))), 0, 1) * np.float32(
        rng.uniform(0.15, 0.35)
    )
    haze = np.array(_c(rng, 150, 190), np.float32) * np.array([1.0, 0.97, 0.9], np.float32)
    out = out * (1 - film[:, :, None]) + haze * film[:, :, None]
    out = 128 + (out - 128) * np.float32(rng.uniform(0.78, 0.9))
    o8 = _u8(out)
    for _ in range(int(rng.integers(20, 60))):
        cv2.circle(o8, (int(rng.integers(0, w)), int(rng.integers(0, h))), 1, _c(rng, 40, 110), -1)
    return _blur(o8, 0.6)


def pan_blur(img: U8, rng: Rng) -> U8:
    """A motion-blurred pan: a line blur of 3-9 % of the width within 10 degrees of
    horizontal, a little vertical shake, 80-100 % of the light."""
    h, w = img.shape[:2]
    n = max(2, round(float(rng.uniform(0.03, 0.09)) * w))
    a = np.radians(float(rng.uniform(-10, 10)))
    shake = float(rng.uniform(0, 0.015)) * h
    size = 2 * n + 1
    k = np.zeros((size, size), np.float32)
    for t in np.linspace(-n / 2, n / 2, 4 * n + 1):
        k[
            round(n + t * np.sin(a) + shake * np.sin(t / max(1, n) * 6)), round(n + t * np.cos(a))
        ] += 1
    out = cv2.filter2D(img, -1, k / k.sum(), borderType=cv2.BORDER_REFLECT)
    return _u8(out.astype(np.float32) * np.float32(rng.uniform(0.8, 1.0)))


def views_v12(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v12's eleven pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)
    out: dict[str, bytes] = {}
    out["corner"] = _jpeg(_noise(render(planes, corner_camera(place, rng), w, h), rng, 2.5), 85)

    cam = moved(place, rng, 0.2, 10)
    cam.pos[2] = 0.05 if base_kind(place.kind) != "carpark" else cam.pos[2]
    cam.hfov = float(rng.uniform(60, 72))
    out["door"] = _jpeg(
        _noise(door_gap(render(planes, cam, w, h), rng, place.door_colour), rng, 2.5), 85
    )

    out["nightmode"] = _jpeg(night_mode(render(planes, moved(place, rng, 0.3, 10), w, h), rng), 85)

    cam = moved(place, rng, 0.4, 12)
    cam.hfov = float(rng.uniform(58, 70))
    out["reflection"] = _jpeg(window_reflection(render(planes, cam, w, h), rng), 85)

    cam = moved(place, rng, 0.3, 10)
    cam.roll = float(rng.uniform(15, 30)) * (1 if rng.random() < 0.5 else -1)
    out["dutch"] = _jpeg(_noise(render(planes, cam, w, h), rng, 2.5), 85)

    pic = _noise(render(planes, moved(place, rng, 0.3, 10), w, h), rng, 2.5)
    out["cornercrop"] = _jpeg(corner_crop(pic, rng), 85)

    pic = render(place.planes(1, season=True), moved(place, rng, 0.4, 12), w, h)
    warm = np.array([1.08, 1.0, 0.88], np.float32) * np.float32(rng.uniform(0.9, 1.05))
    out["season"] = _jpeg(_noise(_u8(pic.astype(np.float32) * warm), rng, 2.5), 85)

    out["cctv"] = _jpeg(cctv_frame(render(planes, cctv_camera(place, rng), w, h), rng), 85)

    pic = _noise(render(planes, moved(place, rng, 0.4, 12), w, h), rng, 2.0)
    out["chat"] = _jpeg(chat_screenshot(pic, rng, max(60, int(w * 0.75)) // 2 * 2), 90)

    out["rainglass"] = _jpeg(
        rain_glass(_noise(render(planes, moved(place, rng, 0.4, 12), w, h), rng, 2.0), rng), 85
    )

    out["panblur"] = _jpeg(
        pan_blur(_noise(render(planes, moved(place, rng, 0.4, 25), w, h), rng, 2.0), rng), 85
    )
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v12", room=room_v12, views=views_v12)


def main() -> None:
    dry_run("v12", make_pictures, place_kind)


if __name__ == "__main__":
    main()

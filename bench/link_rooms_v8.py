"""Generator v8 of ``bench/link.py``: benign places as phones, video calls and night
cameras show them, held out.

Written blind, like v6 and v7: its author read only the brief of issue 14 (``issues show
14``), the first page of the project's DESIGN.md and STYLE.md, ``docs/architecture.md``,
``bench/link_rooms_v7.py`` and ``bench/link_rooms_v6.py`` (for the interface, the truth
format, the shared picture writer and what they cover; v6's pinhole renderer and v6's
writer and dry run are reused) and, in ``bench/link.py``, only the generator plumbing
(``GENERATORS``, the ``views_*`` signatures, ``make_collection``'s writer, the argument
parser). Nothing of the linker's code, tests, docs or results was read, and the linker
was never run on these pictures; use it once, for a held-out figure.

Run with ``--generator v8 --no-real`` (``--no-real`` keeps the collection to generated
places only). To look at the pictures and the truth without linking anything:
``PYTHONPATH=src .venv/bin/python -m bench.link_rooms_v8 --rooms 12 --out /tmp/v8``.

**What a place is.** Each seed is one room built in 3-D (a box of textured walls, floor
and ceiling, with freestanding cut-outs for furniture) and rendered by v6's pinhole
renderer. A place has a *fixed geometry* (the positions and sizes of its windows, doors,
radiators, sockets, light switches, shelves, kitchen units, tiles, mirror cabinets,
whiteboards, its own framed pictures, the tent's seams and zip) drawn from
``default_rng(40_000_000 + seed)``, and a *look* (wall paint, bedding, curtains, rug,
upholstery) drawn from ``default_rng(44_000_000 + 2 * seed + look)``: look 0 is the
original, look 1 the ``repainted`` view. Each wall is lit a little differently (the back
wall at 90-100 %, the side walls at 72-95 %, with a gradient along it), the same in
every look. Two pictures show the same place exactly when
they come from the same seed.

**Kinds of place**: bedroom, living room, bathroom, kitchen, hallway (narrow and deep,
doors on both sides), office, hotel room and tent (fabric walls with seams, a zipped door
with a mesh window, a groundsheet). Bathrooms, hallways and tents are in none of v1-v7.

**Views (what is new compared with v1-v7):**

- ``pan``: a phone panning: the camera turned so that the view shares only 30-60 % of
  the original's horizontal field of view (angular overlap), moved up to 0.25 m. In
  pixels, for a turn about the camera's centre, that keeps 32-59 % of the original's
  columns in view at a 68 degree field of view (0.5 - 0.5 tan((0.5 - o) H) / tan(H / 2)
  for overlap o and field of view H); the move changes that a little.
- ``portrait``: a 9:16 portrait strip cut out of a landscape frame (from a moved camera),
  kept at the frame's height (of 4 random strips, the one with the most edges), half of
  them scaled by 1.5.
- ``phone``: a phone camera's look: local HDR tone mapping (log-luminance base layer
  compressed to 0.45-0.7), saturation 1.1-1.35, strong sharpening with halos (unsharp mask
  amount 1.2-2.0, radius 1.5-3 px), vignetting (corners at 45-70 %), chroma noise and JPEG
  quality 30-45.
- ``infrared``: a night camera: greyscale from an infrared-like mix (red weighted 0.6),
  an illuminator's hot spot and fall-off, gamma, heavy noise, softness, 0.75 of the size,
  a camera caption ("IR CAM 0n" and a date, the same layout everywhere), JPEG 55.
- ``reflection``: the place seen mirrored, half of them in a framed wall mirror covering
  55-75 % of the width (the wall around it painted like the place), half of them
  reflected in a dark window at night (30-45 % of the room's light over an outside night
  scene, with the window's glazing bars in front).
- ``videocall``: a 16:9 video-call frame: the room as the caller's camera, a
  picture-in-picture tile (the other side's camera switched off: initials on a coloured
  disc), a bottom bar of round buttons, a name label and a call timer; the same interface
  layout in every place (a realistic element shared by different places).
- ``stickers``: what people post: 2-5 stickers (smileys, hearts, stars) from one shared
  set, one caption in a shared font, and one region (8-20 % of the frame) blurred or
  pixelated out.
- ``repainted``: the same room after redecorating: other wall paint (not on wallpapered
  or tiled parts), other bedding, curtains, rug and upholstery, the furniture shifted by
  up to 0.3 m; windows, doors, radiators, sockets, switches, shelves, units and the
  room's own pictures stay where they were. Camera moved.
- ``evening``: the room at another time of day: the windows show dusk or night, the light
  is lamp light (darker, warm, a pool of light), camera moved.

**Different places that share a lot** (distractors; different labels in the truth):

- *Rooms of one building* (7.5 %: ``seed % 40`` in {13, 14, 15}, three rooms in every 40
  seeds): one building template (``41_000_000 + seed // 40``) gives the floor, the paint,
  the door design, the radiator model, the window frames, the socket plates and the
  furniture designs (a flat's kitchen has a tiled floor); the template is a hotel floor
  (three hotel rooms, each door with its own number), a flat (a bedroom, a living room
  and a kitchen) or an office floor (three offices). The rooms differ in their size, the
  places of their fittings, their own pictures, their loose things and their furniture's
  layout.
- *Mass-produced furniture*: every piece comes from one catalogue (``42_000_000``), two
  designs of each (bed, sofa, wardrobe, desk, table, kitchen counter, fridge, bathtub,
  washbasin, shoe rack, filing cabinet, armchair, sleeping bag, backpack), so most rooms
  of a kind share furniture designs; only the upholstery and bedding differ.
- *One stock poster* (``seed % 20 == 3``, 5 %): a print of ``starry_night.jpg`` or
  ``butterfly.jpg`` (Debian's opencv-doc sample photographs) framed on a wall.
- *One wallpaper pattern* (``seed % 25 == 9``, 4 %): one of two catalogue wallpapers on
  one wall. Both kept small so the task stays fair.

**Pictures per place: 10** (the original and 9 views): ``original`` (PNG), ``pan`` (JPEG
85), ``portrait`` (JPEG 80), ``phone`` (JPEG 30-45), ``infrared`` (JPEG 55),
``reflection`` (JPEG 80), ``videocall`` (16:9, JPEG 60), ``stickers`` (JPEG 85),
``repainted`` (JPEG 85), ``evening`` (JPEG 80).

**Proportions** (of seeds). Building rooms 7.5 % (exactly 3 in every 40 seeds); of the
others bedroom 18 %, living room 16 %, bathroom 12 %, kitchen 14 %, hallway 10 %,
office 10 %, hotel room 10 %, tent 10 %. Counted on seeds 0-999 (``kind_counts``):
building rooms 75; of the other 925, bedroom 163, living room 154, bathroom 96, kitchen
148, hallway 81, office 98, hotel room 85, tent 100 (the tests check each share within
±4 points). The first 60 seeds (a default ``--rooms 60`` run): bedroom 12, kitchen 11,
hotel 10 (seeds 53-55 of one hotel floor), office 9 (seeds 13-15 of one office floor),
living 6, hallway 5, tent 4, bathroom 3. Stock poster 5 % of seeds (48 of the 50 such
seeds in 0-999 have a free stretch of side wall for it), shared wallpaper 4 % (40 in
0-999). Reflection: mirror or window, half each; stickers: blurred or pixelated, half
each; evening: dusk or night, half each (drawn per place). Every room but a tent also
has 1-3 loose things of its own (a pot plant, a floor lamp, a stack of boxes, a laundry
basket), moved with the furniture in ``repainted``.

**Speed**: 0.50 s of CPU a place (10 pictures of 400x300; 0.79 s wall) against v7's
0.50 s and v6's 0.29 s in the same run (seeds 200-223 of each), at load average 4.4-5.3
on the shared 2-core machine: 1.01x v7's CPU time. About 1.0 s of CPU a place at
800x600 (seeds 7, 9, 10 and 13, load 5.3).

**Seeds**: geometry ``40_000_000 + seed``; building template ``41_000_000 + seed // 40``;
catalogue ``42_000_000`` plus an offset per piece; views ``43_000_000 + seed`` (the
``seed`` ``make_collection`` passes to the views); looks ``44_000_000 + 2 * seed + look``.
Deterministic by seed. Textures are drawn in code, but for the two stock posters (Debian's
``opencv-doc`` photographs; scikit-image's ``coffee`` and ``rocket`` stand in where that
package is missing, which changes those pictures); no picture of a person. Pictures
not made by ``room_v8`` (the real pictures of ``bench/link.py`` when run without
``--no-real``) are hung as a flat print 2 m wide on a grey wall and seen the same ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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

PLACE_SEED = 40_000_000
BUILDING_SEED = 41_000_000
CATALOGUE_SEED = 42_000_000
VIEW_SEED = 43_000_000
LOOK_SEED = 44_000_000
BUILDING_BLOCK = 40
BUILDING_SLOTS = (13, 14, 15)
BUILDING_KINDS = ("hotel floor", "flat", "office floor")
POSTER_EVERY, POSTER_SLOT = 20, 3
WALLPAPER_EVERY, WALLPAPER_SLOT = 25, 9
SHIFT = 0.3  # m: how far a redecorated room's furniture may stand from where it stood
VIEW_KINDS = (
    "pan",
    "portrait",
    "phone",
    "infrared",
    "reflection",
    "videocall",
    "stickers",
    "repainted",
    "evening",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
JPEG_START = b"\xff\xd8"
KINDS = (
    ("bedroom", 0.18),
    ("living", 0.16),
    ("bathroom", 0.12),
    ("kitchen", 0.14),
    ("hallway", 0.10),
    ("office", 0.10),
    ("hotel", 0.10),
    ("tent", 0.10),
)
OPENCV_DATA = Path("/usr/share/doc/opencv-doc/examples/data")
STOCK_POSTERS = ("starry_night.jpg", "butterfly.jpg")
CAPTIONS = ("new room!", "home sweet home", "moving day", "my space", "cosy", "finally done")
NAMES = ("Sam", "Alex", "Robin", "Kim", "Jo", "Charlie", "Max", "Taylor")


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


# --- textures that ship with packages -------------------------------------------------------


@cache
def _photo(name: str) -> U8:
    """An opencv-doc sample photograph (RGB; Debian's ``opencv-doc``); without that
    package, a scikit-image sample instead (other pictures, so install it)."""
    path = OPENCV_DATA / name
    img = cv2.imread(str(path)) if path.exists() else None
    if img is None:
        import skimage.data

        stand_in = "coffee" if name == STOCK_POSTERS[0] else "rocket"
        return np.ascontiguousarray(np.asarray(getattr(skimage.data, stand_in)(), np.uint8))
    return np.ascontiguousarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB))


def _tiled(tile: U8, w: int, h: int) -> U8:
    reps = (h // tile.shape[0] + 1, w // tile.shape[1] + 1, 1)
    return np.ascontiguousarray(np.tile(tile, reps)[:h, :w])


# --- the catalogue: identical wherever it appears -------------------------------------------


def _cat(item: str, index: int) -> Rng:
    return np.random.default_rng(CATALOGUE_SEED + 1000 * sum(map(ord, item)) + index)


#: name: (width m, height m, soft (covered by the look's fabric), drawer rows, columns, legs)
PIECES: dict[str, tuple[float, float, bool, int, int, bool]] = {
    "bed": (1.6, 1.0, True, 0, 0, True),
    "sofa": (1.9, 0.85, True, 0, 0, True),
    "armchair": (0.85, 0.9, True, 0, 0, True),
    "wardrobe": (1.0, 1.95, False, 1, 2, False),
    "desk": (1.2, 0.75, False, 3, 1, True),
    "table": (1.1, 0.75, False, 0, 0, True),
    "counter": (2.2, 0.9, False, 2, 4, False),
    "fridge": (0.6, 1.75, False, 2, 1, False),
    "bathtub": (1.7, 0.58, False, 0, 0, False),
    "basin": (0.55, 0.85, False, 0, 0, False),
    "shoe_rack": (0.8, 0.5, False, 3, 1, True),
    "filing": (0.45, 1.3, False, 4, 1, False),
    "sleeping_bag": (0.8, 0.35, True, 0, 0, False),
    "backpack": (0.35, 0.55, True, 0, 0, False),
}


def _fabric(look: Rng, w: int, h: int) -> U8:
    """Bedding, upholstery or a curtain: a colour with stripes, checks, dots or plain."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(look, 30, 245)
    second = _c(look)
    step = int(look.integers(8, 24))
    pattern = int(look.integers(0, 4))
    if pattern == 0:
        for x in range(0, w, 2 * step):
            img[:, x : x + step] = second
    elif pattern == 1:
        for y in range(0, h, 2 * step):
            img[y : y + step : 2] = second
        for x in range(0, w, 2 * step):
            img[:, x : x + step : 2] = second
    elif pattern == 2:
        for y in range(step // 2, h, step):
            for x in range(step // 2 + (y // step % 2) * step // 2, w, step):
                cv2.circle(img, (x, y), max(2, step // 4), second, -1)
    return img


def piece(name: str, index: int, look: Rng) -> U8:
    """One of 2 catalogue designs of a piece of furniture as an RGBA cut-out; soft parts
    (bedding, upholstery) take their fabric from ``look``."""
    rng = _cat(name, index)
    w_m, h_m, _soft, rows, cols, legs = PIECES[name]
    w, h = int(w_m * RES), int(h_m * RES)
    img = np.zeros((h, w, 4), np.uint8)
    body = (*_c(rng, 40, 235), 255)
    dark = (*_c(rng, 10, 70), 255)
    leg = h // 8 if legs else 0
    if name == "bed":
        cv2.rectangle(img, (0, 0), (w - 1, h // 2), body, -1)  # headboard
        if index == 1:
            for x in range(14, w - 14, 30):
                cv2.line(img, (x, 10), (x, h // 2 - 8), dark, 6)
        cover = _fabric(look, w - 12, h - h // 2 - leg)
        img[h // 2 : h - leg, 6 : w - 6, :3] = cover
        img[h // 2 : h - leg, 6 : w - 6, 3] = 255
        pillow = _c(look, 180, 256)
        for x in (w // 4, 3 * w // 4):
            cv2.ellipse(img, (x, h // 2 + 6), (w // 6, h // 12), 0, 0, 360, (*pillow, 255), -1)
    elif name in ("sofa", "armchair"):
        fab = _fabric(look, w, h - leg)
        img[: h - leg, :, :3] = fab
        img[: h - leg, :, 3] = 255
        arm = w // 8 if name == "sofa" else w // 6
        shade = np.array([0.75, 0.75, 0.75], np.float32)
        for x0 in (0, w - arm):
            img[h // 4 : h - leg, x0 : x0 + arm, :3] = (
                img[h // 4 : h - leg, x0 : x0 + arm, :3] * shade
            ).astype(np.uint8)
        cv2.line(img, (arm, h // 2), (w - arm, h // 2), dark, 2 + index * 2)
    elif name == "sleeping_bag":
        fab = _fabric(look, w, h)
        cv2.ellipse(img, (w // 2, h // 2), (w // 2 - 1, h // 2 - 1), 0, 0, 360, (255,) * 4, -1)
        img[:, :, :3] = np.where(img[:, :, 3:4] > 0, fab, 0)
        cv2.line(img, (w // 6, h // 2), (5 * w // 6, h // 2), dark, 2)
    elif name == "backpack":
        fab = _fabric(look, w, h)
        cv2.rectangle(img, (0, h // 8), (w - 1, h - 1), (255,) * 4, -1)
        cv2.ellipse(img, (w // 2, h // 8), (w // 2 - 1, h // 8), 0, 180, 360, (255,) * 4, -1)
        img[:, :, :3] = np.where(img[:, :, 3:4] > 0, fab, 0)
        cv2.rectangle(img, (w // 6, h // 2), (5 * w // 6, h - 8), dark, 2)
    elif name == "bathtub":
        img[:] = (*_c(rng, 225, 256), 255)
        cv2.rectangle(img, (0, 0), (w - 1, h // 6), (*_c(rng, 200, 240), 255), -1)
        cv2.circle(img, (w // 8 + index * w // 2, h // 12), 6, dark, -1)
    elif name == "basin":
        cv2.rectangle(img, (w // 3, h // 4), (2 * w // 3, h - 1), (*_c(rng, 225, 256), 255), -1)
        cv2.ellipse(
            img, (w // 2, h // 4), (w // 2 - 1, h // 4), 0, 0, 180, (235, 235, 235, 255), -1
        )
        cv2.rectangle(img, (w // 2 - 4, 0), (w // 2 + 4, h // 6), (160, 160, 170, 255), -1)
    else:  # boxy furniture: a body, a top, drawers or doors with handles, legs
        cv2.rectangle(img, (0, 0), (w - 1, h - 1 - leg), body, -1)
        cv2.rectangle(img, (0, 0), (w - 1, max(4, h // 20)), (*_c(rng, 40, 235), 255), -1)
        if rows and cols:
            ph, pw = (h - leg - h // 20) // rows, w // cols
            for r in range(rows):
                for c in range(cols):
                    x0, y0 = c * pw + 4, h // 20 + r * ph + 4
                    cv2.rectangle(img, (x0, y0), (x0 + pw - 8, y0 + ph - 8), dark, 2)
                    hx = x0 + pw // 2 - 4 if index == 0 else x0 + pw - 18
                    cv2.rectangle(img, (hx, y0 + ph // 2 - 3), (hx + 8, y0 + ph // 2 + 3), dark, -1)
        if name == "desk":
            cv2.rectangle(img, (w // 3, 0), (2 * w // 3, h // 20 + 2), (30, 30, 30, 255), -1)
    if legs:
        for x in (4, w - 12):
            cv2.rectangle(img, (x, h - leg - 1), (x + 8, h - 1), dark, -1)
    return img


def wallpaper(index: int, w: int, h: int) -> U8:
    """One of 2 catalogue wallpapers covering a wall (the shared-wallpaper share)."""
    rng = _cat("wallpaper", index)
    rep = int(rng.integers(40, 64))
    tile = np.empty((rep, rep, 3), np.uint8)
    tile[:] = _c(rng, 160, 245)
    a, b = _c(rng, 30, 180), _c(rng, 30, 180)
    if index == 0:  # leaves on a trellis
        cv2.line(tile, (0, rep // 2), (rep, rep // 2), a, 2)
        cv2.line(tile, (rep // 2, 0), (rep // 2, rep), a, 2)
        for dx, dy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            cv2.ellipse(
                tile,
                (rep // 2 + dx * rep // 4, rep // 2 + dy * rep // 4),
                (7, 3),
                45 * dx * dy,
                0,
                360,
                b,
                -1,
            )
    else:  # diamonds and dots
        pts = np.array([[rep // 2, 4], [rep - 4, rep // 2], [rep // 2, rep - 4], [4, rep // 2]])
        cv2.polylines(tile, [pts.astype(np.int32)], True, a, 2)
        cv2.circle(tile, (rep // 2, rep // 2), 5, b, -1)
    return _tiled(tile, w, h)


def tiles(index: int, w: int, h: int) -> U8:
    """One of 2 catalogue ceramic tiles with grout (bathroom and kitchen walls)."""
    rng = _cat("tiles", index)
    s = (30, 46)[index]
    tile = np.empty((s, s // (1 + index), 3), np.uint8)
    tile[:] = _c(rng, 170, 252)
    tile[:2] = tile[:, :2] = _c(rng, 90, 200)
    return _tiled(tile, w, h)


def stock_poster(index: int) -> U8:
    """A framed print of one of two opencv-doc photographs (0.6 x 0.5 m)."""
    w, h = int(0.6 * RES), int(0.5 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = (30, 28, 26)
    img[8 : h - 8, 8 : w - 8] = _fit(_photo(STOCK_POSTERS[index]), w - 16, h - 16)
    return img


# --- the place model ------------------------------------------------------------------------


@dataclass
class Fitting:
    """Something fixed on a wall: ``x`` and ``y`` (m) of its top-left corner from the wall
    texture's top-left, its size (m)."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    seed: int = 0


@dataclass
class Style:
    """Materials a building template shares between its rooms (or a room's own)."""

    floor: tuple[str, int, tuple[int, int, int]]
    paint: tuple[int, int, int]
    door: tuple[int, int, int]
    door_panels: int
    frame: tuple[int, int, int]
    radiator_fins: int
    socket: tuple[int, int, int]


@dataclass
class Spec:
    """Place ``seed``: what stays when the room is redecorated."""

    seed: int
    kind: str
    box: _Box
    style: Style
    walls: dict[str, list[Fitting]]  # "back", "left", "right"
    furniture: list[tuple[str, int, float, float]]  # name, design, x, z
    camera: Camera
    outside: int
    building: int | None = None
    wallpaper: int | None = None
    tiles: int = 0
    things: list[tuple[int, float, float]] = field(default_factory=list)  # own: seed, x, z


def is_building(seed: int) -> bool:
    return seed % BUILDING_BLOCK in BUILDING_SLOTS


def place_kind(seed: int) -> str:
    """The kind of place ``seed`` (a building's rooms take the kind their floor gives)."""
    if is_building(seed):
        template = BUILDING_KINDS[_building_index(seed)]
        if template == "hotel floor":
            return "hotel"
        if template == "office floor":
            return "office"
        return ("bedroom", "living", "kitchen")[seed % BUILDING_BLOCK - BUILDING_SLOTS[0]]
    u = float(np.random.default_rng(PLACE_SEED + seed).random())
    total = 0.0
    for kind, share in KINDS:
        total += share
        if u < total:
            return kind
    return KINDS[-1][0]


def _building_index(seed: int) -> int:
    return int(np.random.default_rng(BUILDING_SEED + seed // BUILDING_BLOCK).integers(0, 3))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    """How many places of each kind among seeds ``first`` .. ``first + count - 1``
    (building rooms counted as ``"building"``)."""
    out: dict[str, int] = {}
    for s in range(first, first + count):
        k = "building" if is_building(s) else place_kind(s)
        out[k] = out.get(k, 0) + 1
    return out


def _style(rng: Rng, kind: str) -> Style:
    floor_kind = {
        "bathroom": "tiles",
        "kitchen": "tiles",
        "tent": "sheet",
        "hotel": "carpet",
        "office": "carpet",
    }.get(kind, ("planks", "carpet")[int(rng.integers(0, 2))])
    return Style(
        floor=(floor_kind, int(rng.integers(0, 2)), _c(rng, 60, 200)),
        paint=_c(rng, 120, 245),
        door=_c(rng, 60, 250),
        door_panels=int(rng.integers(0, 3)),
        frame=_c(rng, 150, 256),
        radiator_fins=int(rng.integers(8, 18)),
        socket=_c(rng, 200, 256),
    )


def _arrange(rng: Rng, wall_w: float, items: list[Fitting]) -> list[Fitting]:
    """Items side by side along a wall in random order, the spare room spread at random
    (never overlapping); items too wide for the wall are dropped from the end."""
    order = [items[int(i)] for i in rng.permutation(len(items))]
    while order and sum(f.w for f in order) + 0.2 * (len(order) + 1) > wall_w:
        order.pop()
    spare = wall_w - sum(f.w for f in order) - 0.2 * (len(order) + 1)
    gaps = rng.dirichlet(np.ones(len(order) + 1)) * spare
    x = 0.2 + float(gaps[0])
    out = []
    for f, gap in zip(order, gaps[1:], strict=True):
        out.append(replace(f, x=x))
        x += f.w + 0.2 + float(gap)
    return out


def _window(rng: Rng, height: float) -> Fitting:
    w, h = float(rng.uniform(0.9, 1.6)), float(rng.uniform(1.0, 1.35))
    return Fitting("window", 0, height - 0.9 - h, w, h, int(rng.integers(0, 2**31)))


def spec_v8(seed: int) -> Spec:
    """The fixed geometry of place ``seed`` (deterministic)."""
    g = np.random.default_rng(PLACE_SEED + seed)
    g.random()  # the draw place_kind used
    kind = place_kind(seed)
    building = seed // BUILDING_BLOCK if is_building(seed) else None
    style = _style(
        np.random.default_rng(BUILDING_SEED + 7919 * (building + 1)) if building is not None else g,
        kind,
    )
    if kind == "hallway":
        box = _Box(
            float(g.uniform(1.5, 2.0)), float(g.uniform(2.4, 2.7)), float(g.uniform(4.5, 6.0)), -1.0
        )
    elif kind == "tent":
        box = _Box(
            float(g.uniform(2.0, 2.6)),
            float(g.uniform(1.5, 1.8)),
            float(g.uniform(1.8, 2.3)),
            -1.0,
            1.0,
        )
    elif kind == "bathroom":
        box = _Box(
            float(g.uniform(2.2, 3.0)), float(g.uniform(2.3, 2.6)), float(g.uniform(2.2, 3.0)), -1.0
        )
    else:
        box = _Box(
            float(g.uniform(3.0, 4.6)), float(g.uniform(2.4, 2.8)), float(g.uniform(3.2, 4.8)), -1.0
        )
    side_w = box.depth - box.near
    height = box.height

    def door() -> Fitting:
        return Fitting("door", 0, height - 2.05, 0.85, 2.05)

    def socket() -> Fitting:
        return Fitting("socket", 0, height - 0.38, 0.09, 0.09)

    def switch() -> Fitting:
        return Fitting("switch", 0, height - 1.2, 0.08, 0.08)

    def art() -> Fitting:
        w = float(g.uniform(0.35, 0.9))
        h = w * float(g.uniform(0.6, 1.3))
        return Fitting(
            "art",
            0,
            float(g.uniform(0.35, max(0.4, height - 1.5 - h))),
            w,
            h,
            int(g.integers(0, 2**31)),
        )

    def shelf() -> Fitting:
        return Fitting(
            "shelf",
            0,
            height - float(g.uniform(1.4, 1.8)),
            float(g.uniform(0.6, 1.2)),
            0.3,
            int(g.integers(0, 2**31)),
        )

    def radiator(w: float) -> Fitting:
        return Fitting("radiator", 0, height - 0.7, w, 0.55)

    walls: dict[str, list[Fitting]] = {"back": [], "left": [], "right": []}
    furniture: list[tuple[str, int, float, float]] = []
    d = int(g.integers(0, 2))  # catalogue design for the room
    if building is not None:  # one building furnishes its rooms alike
        d = building % 2

    def put(name: str, x: float, z: float) -> None:
        furniture.append((name, (d + len(furniture)) % 2, x, z))

    back_z = box.depth - 0.45
    half = box.width / 2
    if kind == "tent":
        walls["back"] = [Fitting("zip", box.width / 2 - 0.45, 0.15, 0.9, height - 0.2)]
        walls["left"] = _arrange(
            g,
            side_w,
            [Fitting("pocket", 0, height - 0.7, 0.4, 0.3), Fitting("seam", 0, 0, 0.02, height)],
        )
        walls["right"] = _arrange(
            g,
            side_w,
            [Fitting("pocket", 0, height - 0.8, 0.5, 0.3), Fitting("vent", 0, 0.25, 0.5, 0.25)],
        )
        put("sleeping_bag", float(g.uniform(-half + 0.5, 0)), back_z - 0.4)
        put("sleeping_bag", float(g.uniform(0, half - 0.5)), back_z - 0.2)
        put("backpack", float(g.uniform(-half + 0.3, half - 0.3)), back_z - 0.9)
    elif kind == "hallway":
        walls["back"] = [Fitting("door", box.width / 2 - 0.42, height - 2.05, 0.85, 2.05)]
        walls["left"] = _arrange(
            g,
            side_w,
            [door(), door(), switch(), art(), Fitting("hooks", 0, height - 1.75, 0.7, 0.12)],
        )
        walls["right"] = _arrange(
            g,
            side_w,
            [
                door(),
                radiator(float(g.uniform(0.6, 1.0))),
                socket(),
                Fitting("mirror", 0, height - 1.8, 0.5, 0.8),
            ],
        )
        put(
            "shoe_rack",
            float(g.uniform(-half + 0.45, half - 0.45)),
            float(g.uniform(1.5, box.depth - 1.0)),
        )
    else:
        window = _window(g, height)
        back_items = [window, radiator(min(window.w, 1.1)), socket()]
        left_items = [door(), switch(), socket()]
        right_items = [art(), shelf() if g.random() < 0.6 else art()]
        if kind == "bathroom":
            window = replace(window, w=0.6, h=0.6, y=height - 2.0)
            back_items = [window, Fitting("cabinet", 0, height - 1.9, 0.6, 0.7)]
            right_items = [Fitting("towel_rail", 0, height - 1.4, 0.5, 0.8), art()]
            put("bathtub", float(g.uniform(-half + 0.9, half - 0.9)), back_z)
            put(
                "basin",
                float(g.uniform(-half + 0.3, half - 0.3)),
                float(g.uniform(1.0, back_z - 0.5)),
            )
        elif kind == "kitchen":
            back_items = [
                window,
                Fitting("units", 0, height - 2.2, float(g.uniform(1.2, 2.0)), 0.7),
                socket(),
                socket(),
            ]
            put("counter", float(g.uniform(-half + 1.2, half - 1.2)) if half > 1.3 else 0.0, back_z)
            put("fridge", float(g.choice((-1, 1))) * (half - 0.4), back_z - 0.1)
            put(
                "table",
                float(g.uniform(-half + 0.6, half - 0.6)),
                float(g.uniform(1.2, back_z - 0.9)),
            )
        elif kind == "office":
            back_items = [window, _window(g, height), radiator(1.0), socket()]
            right_items = [
                Fitting(
                    "whiteboard",
                    0,
                    height - 2.0,
                    float(g.uniform(1.0, 1.8)),
                    0.9,
                    int(g.integers(0, 2**31)),
                ),
                art(),
            ]
            for i in range(int(g.integers(1, 3))):
                put("desk", float(g.uniform(-half + 0.7, half - 0.7)), back_z - 0.6 - 1.0 * i)
            put("filing", float(g.choice((-1, 1))) * (half - 0.3), back_z)
        elif kind == "hotel":
            right_items = [art(), Fitting("tv", 0, height - 1.7, 0.9, 0.55)]
            put("bed", float(g.uniform(-half + 0.9, half - 0.9)), back_z - 0.6)
            put("desk", float(g.choice((-1, 1))) * (half - 0.7), back_z - 1.6)
            put("armchair", float(g.uniform(-half + 0.5, half - 0.5)), float(g.uniform(0.9, 1.6)))
        elif kind == "bedroom":
            put("bed", float(g.uniform(-half + 0.9, half - 0.9)), back_z - 0.5)
            put("wardrobe", float(g.choice((-1, 1))) * (half - 0.55), back_z)
            if g.random() < 0.5:
                put("desk", float(g.uniform(-half + 0.7, half - 0.7)), float(g.uniform(1.0, 1.8)))
        else:  # living room
            right_items.append(art())
            put("sofa", float(g.uniform(-half + 1.0, half - 1.0)), back_z - 0.3)
            put("armchair", float(g.uniform(-half + 0.5, half - 0.5)), float(g.uniform(1.0, 1.8)))
            put(
                "table",
                float(g.uniform(-half + 0.6, half - 0.6)),
                float(g.uniform(1.6, back_z - 1.0)),
            )
        walls["back"] = _arrange(g, box.width, back_items)
        walls["left"] = _arrange(g, side_w, left_items)
        walls["right"] = _arrange(g, side_w, right_items)
    if seed % POSTER_EVERY == POSTER_SLOT:
        wall = ("left", "right")[int(g.integers(0, 2))]
        fits = walls[wall]
        taken = [(f.x, f.x + f.w) for f in fits]
        for x in np.linspace(0.3, side_w - 0.9, 12):
            if all(x + 0.6 < a - 0.1 or x > b + 0.1 for a, b in taken):
                fits.append(Fitting("stock", float(x), 0.5, 0.6, 0.5, int(g.integers(0, 2))))
                break
    cam = Camera(
        _vec(float(g.uniform(-0.25, 0.25)) * box.width / 2, 0.0, float(g.uniform(-0.5, -0.2))),
        float(g.uniform(-12, 12)),
        float(g.uniform(-8, -2)) if kind != "tent" else float(g.uniform(-4, 2)),
        0.0,
        float(g.uniform(62, 74)),
    )
    if kind == "tent":
        cam.pos[1] = 0.0
    return Spec(
        seed=seed,
        kind=kind,
        box=box,
        style=style,
        walls=walls,
        furniture=furniture,
        camera=cam,
        outside=int(g.integers(0, 2**31)),
        building=building,
        wallpaper=int(g.integers(0, 2)) if seed % WALLPAPER_EVERY == WALLPAPER_SLOT else None,
        tiles=int(g.integers(0, 2)),
        things=[
            (
                int(g.integers(0, 2**31)),
                float(g.uniform(-0.45, 0.45)) * box.width,
                float(g.uniform(0.8, max(0.9, box.depth - 0.5))),
            )
            for _ in range(int(g.integers(1, 4)))
        ][: 0 if kind == "tent" else 3],
    )


# --- painting a place -----------------------------------------------------------------------

HOURS = ("day", "dusk", "night")


def outside(seed: int, hour: str, w: int, h: int) -> U8:
    """What a window shows: sky, distant roofs with their windows, tree tops; the shapes
    from ``seed``, the colours from the hour (lit windows after dark)."""
    rng = np.random.default_rng(seed)
    sky = {
        "day": ((120, 170, 230), (215, 230, 245)),
        "dusk": ((70, 60, 120), (240, 150, 90)),
        "night": ((8, 10, 28), (30, 32, 60)),
    }[hour]
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    img = (np.array(sky[0], np.float32) * (1 - t) + np.array(sky[1], np.float32) * t).astype(
        np.uint8
    )
    img = np.ascontiguousarray(np.broadcast_to(img, (h, w, 3)))
    dim = {"day": 1.0, "dusk": 0.55, "night": 0.18}[hour]
    x = 0
    while x < w:
        bw = int(rng.integers(w // 8, w // 3 + 2))
        top = int(rng.uniform(0.25, 0.7) * h)
        wall = np.array(_c(rng, 70, 210), np.float32) * dim
        cv2.rectangle(img, (x, top), (x + bw, h), tuple(int(v) for v in wall), -1)
        for wy in range(top + 6, h - 4, 14):
            for wx in range(x + 5, x + bw - 6, 12):
                lit = rng.random() < 0.35
                col = (
                    (250, 220, 140) if lit and hour != "day" else tuple(int(v) for v in wall * 0.5)
                )
                cv2.rectangle(img, (wx, wy), (wx + 5, wy + 7), col, -1)
        x += bw + int(rng.integers(0, w // 10 + 1))
    for _ in range(int(rng.integers(2, 6))):
        green = np.array((40, int(rng.integers(80, 150)), 45), np.float32) * dim
        cv2.circle(
            img,
            (int(rng.integers(0, w)), h - int(rng.integers(0, h // 4))),
            int(rng.integers(h // 8, h // 3)),
            tuple(int(v) for v in green),
            -1,
        )
    return img


def _art(seed: int, w: int, h: int) -> U8:
    """A room's own framed picture: shapes and colours of its own."""
    rng = np.random.default_rng(seed)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 10, 80)
    inner = np.empty((h - 12, w - 12, 3), np.uint8)
    a, b = np.array(_c(rng), np.float32), np.array(_c(rng), np.float32)
    t = np.linspace(0, 1, h - 12, dtype=np.float32)[:, None, None]
    inner[:] = (a * (1 - t) + b * t).astype(np.uint8)
    for _ in range(int(rng.integers(6, 16))):
        p = (int(rng.integers(0, w - 12)), int(rng.integers(0, h - 12)))
        q = (int(rng.integers(0, w - 12)), int(rng.integers(0, h - 12)))
        shape = int(rng.integers(0, 3))
        if shape == 0:
            cv2.circle(inner, p, int(rng.integers(3, max(4, w // 4))), _c(rng), -1)
        elif shape == 1:
            cv2.rectangle(inner, p, q, _c(rng), -1)
        else:
            cv2.line(inner, p, q, _c(rng), int(rng.integers(2, 7)))
    img[6:-6, 6:-6] = inner
    return img


def _fitting(
    tex: U8, f: Fitting, spec: Spec, look: Rng, hour: str, paint: tuple[int, int, int]
) -> None:
    """Draw one fitting onto a wall texture (RGBA, ``RES`` pixels a metre)."""
    x0, y0 = int(f.x * RES), int(f.y * RES)
    w, h = max(2, int(f.w * RES)), max(2, int(f.h * RES))
    x1, y1 = x0 + w, y0 + h
    st = spec.style
    rng = np.random.default_rng(f.seed + 17)
    if f.kind == "window":
        view = outside(spec.outside, hour, w, h)
        if spec.kind == "bathroom":
            view = np.asarray(cv2.GaussianBlur(view, (0, 0), 6), np.uint8) // 2 + 110
        _paste(tex, view, x0, y0)
        cv2.rectangle(tex, (x0, y0), (x1, y1), (*st.frame, 255), 8)
        cv2.line(tex, ((x0 + x1) // 2, y0), ((x0 + x1) // 2, y1), (*st.frame, 255), 6)
        if f.h > 0.9:
            cv2.line(tex, (x0, y0 + h // 3), (x1, y0 + h // 3), (*st.frame, 255), 5)
        cv2.rectangle(tex, (x0 - 8, y1), (x1 + 8, y1 + 10), (*st.frame, 255), -1)
        if spec.kind not in ("bathroom", "office"):  # curtains: part of the look
            cw = int(float(look.uniform(0.15, 0.28)) * w)
            for cx in (x0 - cw // 2, x1 - cw // 2):
                curtain = _fabric(look, cw, h + 30)
                folds = 0.8 + 0.2 * np.sin(np.arange(cw, dtype=np.float32) / 4.0)
                curtain = (curtain * folds[None, :, None]).astype(np.uint8)
                _paste(tex, curtain, cx, y0 - 20)
    elif f.kind == "door":
        cv2.rectangle(tex, (x0 - 10, y0 - 10), (x1 + 10, y1), (*st.frame, 255), -1)
        cv2.rectangle(tex, (x0, y0), (x1, y1), (*st.door, 255), -1)
        shade = tuple(int(v * 0.75) for v in st.door)
        if st.door_panels == 1:
            cv2.rectangle(tex, (x0 + 16, y0 + 16), (x1 - 16, y0 + h // 2 - 8), (*shade, 255), 3)
            cv2.rectangle(tex, (x0 + 16, y0 + h // 2 + 8), (x1 - 16, y1 - 16), (*shade, 255), 3)
        elif st.door_panels == 2:
            for py in (y0 + 16, y0 + h // 2 + 8):
                for px in (x0 + 14, (x0 + x1) // 2 + 6):
                    cv2.rectangle(
                        tex, (px, py), (px + w // 2 - 20, py + h // 2 - 26), (*shade, 255), 3
                    )
        cv2.circle(tex, (x1 - 18, y0 + int(h * 0.52)), 6, (190, 180, 140, 255), -1)
        if spec.kind == "hotel":  # the room's number plate
            number = f"{100 + spec.seed % 900}"
            cv2.rectangle(
                tex,
                (x0 + w // 2 - 30, y0 + 40),
                (x0 + w // 2 + 30, y0 + 66),
                (200, 180, 110, 255),
                -1,
            )
            _write(tex, number, (x0 + w // 2 - 24, y0 + 61), 0.6, (20, 20, 20), 1)
    elif f.kind in ("radiator", "towel_rail"):
        fins = st.radiator_fins if f.kind == "radiator" else 6
        cv2.rectangle(tex, (x0, y0), (x1, y1), (*st.socket, 255), -1)
        step = w / fins if f.kind == "radiator" else h / fins
        for i in range(1, fins):
            if f.kind == "radiator":
                xx = int(x0 + i * step)
                cv2.line(tex, (xx, y0 + 3), (xx, y1 - 3), (150, 150, 150, 255), 2)
            else:
                yy = int(y0 + i * step)
                cv2.line(tex, (x0, yy), (x1, yy), (120, 120, 125, 255), 3)
    elif f.kind in ("socket", "switch"):
        cv2.rectangle(tex, (x0, y0), (x1, y1), (*st.socket, 255), -1)
        cv2.rectangle(tex, (x0, y0), (x1, y1), (120, 120, 120, 255), 1)
        if f.kind == "socket":
            for dx in (w // 3, 2 * w // 3):
                cv2.circle(tex, (x0 + dx, y0 + h // 2), 2, (30, 30, 30, 255), -1)
        else:
            cv2.rectangle(
                tex,
                (x0 + w // 3, y0 + h // 4),
                (x1 - w // 3, y1 - h // 4),
                (170, 170, 170, 255),
                -1,
            )
    elif f.kind == "art":
        _paste(tex, _art(f.seed, w, h), x0, y0)
    elif f.kind == "stock":
        _paste(tex, stock_poster(f.seed), x0, y0)
    elif f.kind == "shelf":
        cv2.rectangle(tex, (x0, y1 - 6), (x1, y1), (*_c(rng, 60, 200), 255), -1)
        x = x0 + 4
        while x < x1 - 12:
            bw = int(rng.integers(6, 16))
            bh = int(rng.integers(h // 2, h - 6))
            if rng.random() < 0.85:
                cv2.rectangle(tex, (x, y1 - 6 - bh), (x + bw, y1 - 7), (*_c(rng, 20, 240), 255), -1)
            x += bw + 1
    elif f.kind in ("cabinet", "mirror"):
        cv2.rectangle(tex, (x0, y0), (x1, y1), (*st.frame, 255), -1)
        glass = np.linspace(200, 150, h - 16, dtype=np.float32)[:, None, None] * np.ones(
            (1, w - 16, 3), np.float32
        )
        glass[:, : (w - 16) // 3] += 20
        _paste(tex, np.clip(glass, 0, 255).astype(np.uint8), x0 + 8, y0 + 8)
    elif f.kind == "units":
        cat = _cat("units", spec.tiles)
        body = (*_c(cat, 60, 240), 255)
        cv2.rectangle(tex, (x0, y0), (x1, y1), body, -1)
        n = max(2, round(f.w / 0.5))
        for i in range(n):
            ux = x0 + i * w // n
            cv2.rectangle(tex, (ux + 3, y0 + 3), (ux + w // n - 3, y1 - 3), (60, 60, 60, 255), 2)
            cv2.rectangle(
                tex,
                (ux + w // n - 14, y1 - 26),
                (ux + w // n - 10, y1 - 8),
                (200, 200, 200, 255),
                -1,
            )
    elif f.kind == "whiteboard":
        cv2.rectangle(tex, (x0, y0), (x1, y1), (245, 245, 245, 255), -1)
        cv2.rectangle(tex, (x0, y0), (x1, y1), (170, 170, 175, 255), 5)
        words = ("agenda", "week 12", "plan", "ideas", "todo", "review")
        for i in range(int(rng.integers(2, 5))):
            _write(
                tex,
                str(words[int(rng.integers(0, len(words)))]),
                (x0 + 12, y0 + 32 + 34 * i),
                0.8,
                _c(rng, 0, 160),
                2,
            )
    elif f.kind == "tv":
        cv2.rectangle(tex, (x0, y0), (x1, y1), (18, 18, 20, 255), -1)
        cv2.line(tex, (x0 + w // 5, y0 + 4), (x0 + w // 3, y1 - 4), (50, 50, 55, 255), 6)
    elif f.kind == "hooks":
        cv2.rectangle(tex, (x0, y0), (x1, y1), (*st.door, 255), -1)
        for i in range(5):
            hx = x0 + (2 * i + 1) * w // 10
            cv2.circle(tex, (hx, y1 + 6), 5, (90, 90, 90, 255), -1)
    elif f.kind == "zip":  # the tent's door: an arch, its zip and a mesh window
        dark = tuple(int(v * 0.7) for v in paint)
        cv2.ellipse(tex, ((x0 + x1) // 2, y1), (w // 2, h), 0, 180, 360, (*dark, 255), 4)
        cv2.line(tex, ((x0 + x1) // 2, y0), ((x0 + x1) // 2, y1), (40, 40, 40, 255), 3)
        mx0, my0 = x0 + w // 5, y0 + h // 4
        mesh = np.asarray(
            _tent_mesh(w * 3 // 5, h // 4, outside(spec.outside, hour, w * 3 // 5, h // 4)),
            np.uint8,
        )
        _paste(tex, mesh, mx0, my0)
    elif f.kind in ("pocket", "vent"):
        mesh = np.full((h, w, 3), 60, np.uint8)
        _paste(tex, _tent_mesh(w, h, mesh), x0, y0)
        cv2.rectangle(tex, (x0, y0), (x1, y1), (30, 30, 30, 255), 2)
    elif f.kind == "seam":
        cv2.line(tex, (x0, 0), (x0, tex.shape[0]), (*(int(v * 0.6) for v in paint), 255), 3)


def thing(seed: int) -> U8:
    """One of a place's own loose things (RGBA cut-out): a pot plant, a floor lamp, a stack
    of boxes or a laundry basket, its shape and colours its own."""
    rng = np.random.default_rng(seed)
    which = int(rng.integers(0, 4))
    if which == 0:  # pot plant
        w, h = int(rng.uniform(0.35, 0.6) * RES), int(rng.uniform(0.6, 1.1) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        pot = (*_c(rng, 60, 230), 255)
        cv2.rectangle(img, (w // 4, h - h // 4), (3 * w // 4, h - 1), pot, -1)
        for _ in range(int(rng.integers(12, 30))):
            cx, cy = int(rng.integers(w // 6, w - w // 6)), int(rng.integers(0, h - h // 4))
            axes = (int(rng.integers(4, w // 4 + 5)), int(rng.integers(2, 8)))
            green = (int(rng.integers(20, 70)), int(rng.integers(90, 190)), 40, 255)
            cv2.ellipse(img, (cx, cy), axes, float(rng.uniform(0, 180)), 0, 360, green, -1)
    elif which == 1:  # floor lamp
        w, h = int(0.45 * RES), int(rng.uniform(1.3, 1.7) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        shade = (*_c(rng, 150, 256), 255)
        pts = np.array([[w // 5, 0], [4 * w // 5, 0], [w - 2, h // 5], [2, h // 5]])
        cv2.fillPoly(img, [pts.astype(np.int32)], shade)
        cv2.line(img, (w // 2, h // 5), (w // 2, h - 6), (40, 40, 40, 255), 4)
        cv2.ellipse(img, (w // 2, h - 5), (w // 4, 4), 0, 0, 360, (40, 40, 40, 255), -1)
    elif which == 2:  # boxes
        w, h = int(rng.uniform(0.5, 0.8) * RES), int(rng.uniform(0.4, 0.9) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        y = h
        while y > 10:
            bh = int(rng.integers(h // 4, h // 2 + 2))
            inset = int(rng.integers(0, w // 6 + 1))
            brown = (int(rng.integers(150, 210)), int(rng.integers(110, 160)), 80, 255)
            cv2.rectangle(img, (inset, max(0, y - bh)), (w - 1 - inset, y - 1), brown, -1)
            cv2.rectangle(
                img, (inset, max(0, y - bh)), (w - 1 - inset, y - 1), (90, 70, 40, 255), 1
            )
            _write(img, str(rng.integers(1, 99)), (inset + 6, y - bh // 3), 0.5, (40, 30, 20), 1)
            y -= bh
    else:  # laundry basket
        w, h = int(rng.uniform(0.4, 0.55) * RES), int(rng.uniform(0.35, 0.5) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        img[:, :] = (*_c(rng, 40, 240), 255)
        for yy in range(4, h, 8):
            img[yy : yy + 2, :, :3] = (img[yy : yy + 2, :, :3] * 0.6).astype(np.uint8)
        img[:8, :, :3] = _fabric(rng, w, 8)
    return img


def _tent_mesh(w: int, h: int, behind: U8) -> U8:
    out = behind.copy()
    out[::4] = out[::4] // 3
    out[:, ::4] = out[:, ::4] // 3
    return out


def _wall(spec: Spec, name: str, look: Rng, hour: str, paint: tuple[int, int, int]) -> U8:
    box = spec.box
    w_m = box.width if name == "back" else box.depth - box.near
    w, h = int(w_m * RES), int(box.height * RES)
    grain = np.random.default_rng(PLACE_SEED + 97 * spec.seed + len(name))
    if spec.kind == "tent":
        rgb = _surface(grain, h, w, spec.style.paint, 14)
        for x in range(0, w, int(0.6 * RES)):  # panel seams
            rgb[:, x : x + 2] = (rgb[:, x : x + 2] * 0.7).astype(np.uint8)
    elif spec.wallpaper is not None and name == "back":
        rgb = wallpaper(spec.wallpaper, w, h)
    else:
        rgb = _surface(grain, h, w, paint, 8)
    if spec.kind == "bathroom":
        band = int(1.4 * RES)
        rgb[h - band :] = tiles(spec.tiles, w, band)
    elif spec.kind == "kitchen" and name == "back":
        rgb[h - int(1.5 * RES) : h - int(0.9 * RES)] = tiles(
            spec.tiles, w, int(1.5 * RES) - int(0.9 * RES)
        )
    if spec.kind not in ("tent", "bathroom"):  # skirting
        rgb[h - 14 :] = spec.style.frame
    tex = _rgba(np.ascontiguousarray(rgb))
    for f in spec.walls[name]:
        _fitting(tex, f, spec, look, hour, paint)
    return tex


def _floor(spec: Spec, look: Rng, rug: bool) -> U8:
    box, (kind, index, colour) = spec.box, spec.style.floor
    res = RES // 2
    w, h = int(box.width * res), int((box.depth - box.near) * res)
    grain = np.random.default_rng(PLACE_SEED + 31 * spec.seed + 5)
    if kind == "tiles":
        rgb = tiles(index, w, h)
    elif kind == "planks":
        rgb = np.empty((h, w, 3), np.uint8)
        board = 12 + 4 * index
        for x in range(0, w, board):
            rgb[:, x : x + board] = np.clip(np.array(colour) + grain.integers(-16, 17, 3), 0, 255)
            rgb[:, x : x + 1] = 45
        streaks = grain.normal(0, 9, (h // 6 + 1, w)).astype(np.float32)  # wood grain
        streaks = cv2.resize(streaks, (w, h), interpolation=cv2.INTER_LINEAR)
        rgb = np.clip(rgb.astype(np.float32) + streaks[:, :, None], 0, 255).astype(np.uint8)
    else:
        rgb = _surface(grain, h, w, colour if kind == "carpet" else (60, 75, 60), 8)
    if rug:
        rw, rh = int(w * float(look.uniform(0.4, 0.6))), int(h * float(look.uniform(0.2, 0.35)))
        rgb[h // 4 : h // 4 + rh, (w - rw) // 2 : (w - rw) // 2 + rw] = _fabric(look, rw, rh)
    return _rgba(np.ascontiguousarray(rgb))


def _ceiling(spec: Spec) -> U8:
    box = spec.box
    res = RES // 4
    w, h = int(box.width * res), int((box.depth - box.near) * res)
    grain = np.random.default_rng(PLACE_SEED + 31 * spec.seed + 6)
    base = spec.style.paint if spec.kind == "tent" else (236, 234, 228)
    rgb = _surface(grain, h, w, base, 5)
    if spec.kind != "tent":
        cv2.circle(rgb, (w // 2, int(h * 0.55)), max(4, res // 5), (250, 250, 240), -1)
    return _rgba(rgb)


def place_v8(spec: Spec, look: int = 0, hour: str = "day") -> Place:
    """The place in one look (0: as first seen; 1: redecorated, each piece of furniture
    moved up to ``SHIFT`` m along and across the room), at one hour of the day."""
    shift = SHIFT if look else 0.0
    rng = np.random.default_rng(LOOK_SEED + 2 * spec.seed + look)
    paint = spec.style.paint if look == 0 else _c(rng, 110, 245)
    box = spec.box
    walls = {name: _wall(spec, name, rng, hour, paint) for name in ("back", "left", "right")}
    light = np.random.default_rng(PLACE_SEED + 53 * spec.seed + 11)  # the room's own light
    for name, tex in walls.items():
        level = float(light.uniform(0.9, 1.0) if name == "back" else light.uniform(0.72, 0.95))
        ramp = np.linspace(level, level * float(light.uniform(0.8, 1.05)), tex.shape[1])
        shaded = tex[:, :, :3].astype(np.float32) * ramp.astype(np.float32)[None, :, None]
        tex[:, :, :3] = np.clip(shaded, 0, 255).astype(np.uint8)
    floor = _floor(spec, rng, spec.kind in ("bedroom", "living", "hotel"))
    planes = _box_planes(box, walls["back"], walls["left"], walls["right"], floor, _ceiling(spec))
    props: list[Plane] = []
    half = box.width / 2
    for name, design, x, z in spec.furniture:
        cut = piece(name, design, rng)
        wm = cut.shape[1] / RES
        dx = float(rng.uniform(-shift, shift)) if shift else 0.0
        x = float(np.clip(x + dx, -half + wm / 2, half - wm / 2)) if wm < box.width else 0.0
        z = float(
            np.clip(z + (float(rng.uniform(-shift, shift)) if shift else 0.0), 0.6, box.depth - 0.3)
        )
        props.append(_prop(cut, box, x, z))
    for seed, x, z in spec.things:
        cut = thing(seed)
        if shift:
            x += float(rng.uniform(-shift, shift))
            z += float(rng.uniform(-shift, shift))
        wm = cut.shape[1] / RES
        x = float(np.clip(x, -half + wm / 2, half - wm / 2))
        props.append(_prop(cut, box, x, float(np.clip(z, 0.6, box.depth - 0.3))))
    return Place(spec.kind, planes, props, spec.camera)


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Spec`` for ``views_v8``."""

    spec: Spec | None

    def __array_finalize__(self, obj: Any) -> None:
        self.spec = getattr(obj, "spec", None)


def room_v8(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v8 (``bench/link.py --generator v8``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v8``."""
    spec = spec_v8(seed)
    img = render(place_v8(spec), spec.camera, width, height)
    img = _sensor(img, np.random.default_rng(PLACE_SEED + seed + 1), 2.0)
    out = img.view(RoomPicture)
    out.spec = spec
    return out


# --- views ----------------------------------------------------------------------------------


def _u8(x: npt.NDArray[Any]) -> U8:
    return np.asarray(np.clip(x, 0, 255), np.uint8)


@dataclass
class Shooter:
    """Renders a place from any camera, in a look and at an hour (cached per look/hour);
    pictures not made by ``room_v8`` are a flat print on a grey wall."""

    spec: Spec | None
    flat: Place | None
    camera: Camera
    box: _Box
    cache: dict[tuple[int, str], Place] = field(default_factory=dict)

    def shoot(self, cam: Camera, w: int, h: int, look: int = 0, hour: str = "day") -> U8:
        if self.spec is None:
            assert self.flat is not None
            return render(self.flat, cam, w, h)
        key = (look, hour)
        if key not in self.cache:
            self.cache[key] = place_v8(self.spec, look, hour)
        return render(self.cache[key], cam, w, h)


def _shooter(img: U8) -> Shooter:
    spec = getattr(img, "spec", None)
    if spec is not None:
        return Shooter(spec, None, spec.camera, spec.box)
    h, w = img.shape[:2]
    res = w / 2.0  # the picture is 2 m wide, 2.2 m away
    wall = np.full((h * 3, w * 3, 3), 128, np.uint8)
    wall[h : 2 * h, w : 2 * w] = img[:, :, :3]
    plane = Plane(_rgba(wall), _vec(-3.0, -1.5 * h / res, 2.2), _vec(1, 0, 0), _vec(0, 1, 0), res)
    hfov = float(np.degrees(2 * np.arctan(1.0 / 2.2)))
    cam = Camera(_vec(0, 0, 0), 0.0, 0.0, 0.0, hfov)
    box = _Box(6.0, 3.0 * h / res, 2.2, -3.0, 1.5 * h / res)
    return Shooter(None, Place("flat", [plane], [], cam), cam, box)


def _move(s: Shooter, rng: Rng, reach: float, turn: float, zoom: float = 1.0) -> Camera:
    """The original camera moved up to ``reach`` m (kept inside the room) and turned up to
    ``turn`` degrees."""
    cam, box = s.camera, s.box
    scale = 0.4 if s.spec is None or s.spec.kind == "tent" else 1.0
    pos = cam.pos + _vec(
        float(rng.uniform(-reach, reach)) * scale,
        float(rng.uniform(-0.1, 0.1)) * scale,
        float(rng.uniform(-0.2 * reach, reach)) * scale,
    )
    pos[0] = np.clip(pos[0], -box.width / 2 + 0.25, box.width / 2 - 0.25)
    pos[2] = np.clip(pos[2], box.near + 0.15, max(box.near + 0.2, box.depth - 1.2))
    return Camera(
        pos,
        cam.yaw + float(rng.uniform(-turn, turn)),
        cam.pitch + float(rng.uniform(-3, 3)),
        0.0,
        cam.hfov / zoom,
    )


def pan_camera(s: Shooter, rng: Rng, overlap: float) -> Camera:
    """A phone's pan: the camera turned so that the two views share ``overlap`` of the
    original's horizontal field of view (as angles), moved up to 0.25 m."""
    cam = _move(s, rng, 0.25, 0.0)
    turn = (1.0 - overlap) * s.camera.hfov
    cam.yaw = s.camera.yaw + float(rng.choice((-1.0, 1.0))) * turn
    return cam


def portrait_strip(img: U8, rng: Rng) -> U8:
    """A 9:16 portrait cut out of a landscape frame, the frame's height, where a person
    would cut it (of 4 random strips, the one with the most edges, not a bare wall); half
    of them scaled by 1.5."""
    h, w = img.shape[:2]
    sw = round(h * 9 / 16)
    edges = cv2.Canny(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), 60, 160).sum(axis=0)
    starts = [int(rng.integers(0, w - sw + 1)) for _ in range(4)]
    x = max(starts, key=lambda x0: int(edges[x0 : x0 + sw].sum()))
    strip = np.ascontiguousarray(img[:, x : x + sw])
    if rng.random() < 0.5:
        strip = np.asarray(
            cv2.resize(strip, (round(sw * 1.5), round(h * 1.5)), interpolation=cv2.INTER_CUBIC),
            np.uint8,
        )
    return strip


def phone_look(img: U8, rng: Rng) -> U8:
    """A phone camera's processing: local HDR tone mapping, saturation, strong sharpening
    (halos), vignetting, chroma noise."""
    h, w = img.shape[:2]
    x = img.astype(np.float32) / 255.0 + 1e-3
    lum = 0.299 * x[:, :, 0] + 0.587 * x[:, :, 1] + 0.114 * x[:, :, 2]
    log = np.log(lum)
    base = np.asarray(cv2.GaussianBlur(log, (0, 0), max(2.0, w / 40)), np.float32)
    compress = float(rng.uniform(0.45, 0.7))
    new_log = compress * (base - float(base.mean())) + (log - base) * 1.3 + float(np.log(0.45))
    ratio = np.exp(new_log) / lum
    x = x * ratio[:, :, None]
    grey = x.mean(axis=2, keepdims=True)
    x = grey + (x - grey) * float(rng.uniform(1.1, 1.35))
    out = np.clip(x * 255.0, 0, 255)
    radius = float(rng.uniform(1.5, 3.0)) * w / 400
    amount = float(rng.uniform(1.2, 2.0))
    out = out + amount * (out - cv2.GaussianBlur(out, (0, 0), radius))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    corner = float(rng.uniform(0.45, 0.7))
    out = out * (1 - (1 - corner) * r2 / 2)[:, :, None]
    chroma = cv2.resize(rng.normal(0, 6, (h // 2, w // 2, 3)).astype(np.float32), (w, h))
    return _u8(out + chroma)


def infrared(img: U8, rng: Rng, camera: int) -> U8:
    """A night camera's infrared frame: grey (red weighted), an illuminator's hot spot and
    fall-off, gamma, heavy noise, softness, 0.75 of the size, a caption."""
    h, w = img.shape[:2]
    x = img.astype(np.float32) / 255.0
    grey = 0.6 * x[:, :, 0] + 0.3 * x[:, :, 1] + 0.1 * x[:, :, 2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w * float(rng.uniform(0.4, 0.6)), h * float(rng.uniform(0.4, 0.6))
    spot = np.exp(-(((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) / 0.15)
    grey = grey ** float(rng.uniform(0.7, 0.9)) * (0.35 + 0.9 * spot)
    grey = np.asarray(cv2.GaussianBlur(grey, (0, 0), 1.0), np.float32)
    out = grey * 255.0 + rng.normal(0, 9, grey.shape).astype(np.float32)
    small = cv2.resize(_u8(out), (int(w * 0.75), int(h * 0.75)), interpolation=cv2.INTER_AREA)
    rgb = np.ascontiguousarray(np.dstack([small] * 3))
    scale = rgb.shape[1] / 600
    stamp = f"IR CAM 0{camera}  2026-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
    cv2.putText(
        rgb,
        stamp,
        (8, int(22 * scale) + 6),
        cv2.FONT_HERSHEY_SIMPLEX,
        scale,
        (255, 255, 255),
        1,
        cv2.LINE_AA,
    )
    return rgb


def in_mirror(room: U8, rng: Rng, paint: tuple[int, int, int]) -> U8:
    """The room mirrored in a framed wall mirror covering 55-75 % of the frame's width, the
    wall around it painted like the room."""
    h, w = room.shape[:2]
    out = np.empty((h, w, 3), np.float32)
    out[:] = paint
    out *= np.linspace(0.85, 1.05, w, dtype=np.float32)[None, :, None]
    mw = int(float(rng.uniform(0.55, 0.75)) * w)
    mh = min(h - 12, int(mw * float(rng.uniform(0.8, 1.1))))
    x0 = int(rng.integers(6, w - mw - 5))
    y0 = int(rng.integers(6, max(7, h - mh - 5)))
    mirrored = cv2.flip(room, 1)
    cx, cy = int(rng.integers(0, w - mw + 1)), int(rng.integers(0, max(1, h - mh + 1)))
    part = mirrored[cy : cy + mh, cx : cx + mw].astype(np.float32) * 0.92 + 8
    frame = _c(rng, 20, 200)
    cv2.rectangle(out, (x0 - 8, y0 - 8), (x0 + mw + 7, y0 + mh + 7), frame, -1)
    out[y0 : y0 + part.shape[0], x0 : x0 + part.shape[1]] = part
    return _u8(out)


def in_window(room: U8, rng: Rng, night: U8) -> U8:
    """The room reflected in a dark window at night: 30-45 % of the room's light over the
    outside, the window's glazing bars in front."""
    h, w = room.shape[:2]
    k = float(rng.uniform(0.3, 0.45))
    out = cv2.flip(room, 1).astype(np.float32) * k + night.astype(np.float32) * (1 - k * 0.5)
    bar = _c(rng, 150, 250)
    for x in (int(w * float(rng.uniform(0.3, 0.7))),):
        cv2.rectangle(out, (x - 6, 0), (x + 6, h), bar, -1)
    y = int(h * float(rng.uniform(0.25, 0.45)))
    cv2.rectangle(out, (0, y - 5), (w, y + 5), bar, -1)
    cv2.rectangle(out, (0, 0), (w - 1, h - 1), bar, 14)
    return _u8(out)


def video_call(room: U8, rng: Rng) -> U8:
    """A 16:9 video-call frame: the room as the caller's camera, a picture-in-picture tile
    (the other camera off: initials on a disc), a bar of round buttons, a name and a timer.
    The interface's layout is the same everywhere."""
    h, w = room.shape[:2]
    fh = min(h, round(w * 9 / 16))
    y0 = int(rng.integers(0, h - fh + 1))
    frame = np.ascontiguousarray(room[y0 : y0 + fh].copy())
    s = w / 400
    pw, ph = int(104 * s), int(66 * s)
    px, py = w - pw - int(8 * s), int(8 * s)
    frame[py : py + ph, px : px + pw] = (48, 52, 60)
    name = NAMES[int(rng.integers(0, len(NAMES)))]
    disc = _c(rng, 60, 220)
    cv2.circle(frame, (px + pw // 2, py + ph // 2), int(20 * s), disc, -1)
    cv2.putText(
        frame,
        name[:2].upper(),
        (px + pw // 2 - int(12 * s), py + ph // 2 + int(6 * s)),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.5 * s,
        (255, 255, 255),
        1,
        cv2.LINE_AA,
    )
    cv2.rectangle(frame, (px, py), (px + pw, py + ph), (230, 230, 230), 1)
    bar = frame[fh - int(40 * s) :].astype(np.float32) * 0.45
    frame[fh - int(40 * s) :] = bar.astype(np.uint8)
    for i, colour in enumerate(((90, 90, 95), (90, 90, 95), (90, 90, 95), (215, 40, 40))):
        cv2.circle(
            frame, (int(w / 2 + (i - 1.5) * 40 * s), fh - int(20 * s)), int(13 * s), colour, -1
        )
    mins, secs = int(rng.integers(0, 60)), int(rng.integers(0, 60))
    cv2.putText(
        frame,
        f"{name}  {mins:02d}:{secs:02d}",
        (int(8 * s), int(20 * s)),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.45 * s,
        (255, 255, 255),
        1,
        cv2.LINE_AA,
    )
    return frame


def _sticker(rng: Rng, size: int) -> U8:
    """One of a shared set of stickers: a smiley, a heart or a star (RGBA)."""
    img = np.zeros((size, size, 4), np.uint8)
    c = size // 2
    which = int(rng.integers(0, 3))
    if which == 0:
        cv2.circle(img, (c, c), c - 2, (250, 205, 40, 255), -1)
        for ex in (c - size // 6, c + size // 6):
            cv2.circle(img, (ex, c - size // 8), max(2, size // 14), (40, 30, 20, 255), -1)
        cv2.ellipse(
            img,
            (c, c + size // 12),
            (size // 4, size // 6),
            0,
            10,
            170,
            (40, 30, 20, 255),
            max(2, size // 20),
        )
    elif which == 1:
        r = size // 4
        cv2.circle(img, (c - r + 2, c - r // 2), r, (230, 40, 80, 255), -1)
        cv2.circle(img, (c + r - 2, c - r // 2), r, (230, 40, 80, 255), -1)
        pts = np.array([[c - 2 * r + 2, c - r // 3], [c + 2 * r - 2, c - r // 3], [c, size - 4]])
        cv2.fillPoly(img, [pts.astype(np.int32)], (230, 40, 80, 255))
    else:
        ang = np.arange(10) * np.pi / 5 - np.pi / 2
        rad = np.where(np.arange(10) % 2 == 0, c - 2, (c - 2) * 0.45)
        pts = np.stack([c + rad * np.cos(ang), c + rad * np.sin(ang)], axis=1)
        cv2.fillPoly(img, [pts.astype(np.int32)], (255, 200, 30, 255))
    return img


def stickers(img: U8, rng: Rng) -> tuple[U8, float]:
    """2-5 stickers, one caption and one region (8-20 % of the frame) blurred or
    pixelated out; returns the picture and the share of the frame hidden."""
    h, w = img.shape[:2]
    out = np.ascontiguousarray(img.copy())
    share = float(rng.uniform(0.08, 0.2))
    bw = int(w * np.sqrt(share) * float(rng.uniform(0.8, 1.25)))
    bh = min(h, int(share * w * h / max(bw, 1)))
    bw = min(w, bw)
    x, y = int(rng.integers(0, w - bw + 1)), int(rng.integers(0, h - bh + 1))
    region = out[y : y + bh, x : x + bw]
    if rng.random() < 0.5:
        region = cv2.GaussianBlur(region, (0, 0), max(4.0, w / 40))
    else:
        block = max(4, w // 40)
        small = cv2.resize(
            region, (max(1, bw // block), max(1, bh // block)), interpolation=cv2.INTER_AREA
        )
        region = cv2.resize(small, (bw, bh), interpolation=cv2.INTER_NEAREST)
    out[y : y + bh, x : x + bw] = region
    hidden = bw * bh / (w * h)
    tex = _rgba(out)
    for _ in range(int(rng.integers(2, 6))):
        size = int(w * float(rng.uniform(0.08, 0.16)))
        _paste(
            tex, _sticker(rng, size), int(rng.integers(0, w - size)), int(rng.integers(0, h - size))
        )
    out = np.ascontiguousarray(tex[:, :, :3])
    caption = CAPTIONS[int(rng.integers(0, len(CAPTIONS)))]
    scale = w / 400
    at = (int(rng.integers(4, max(5, w // 3))), int(h * float(rng.uniform(0.15, 0.9))))
    cv2.putText(out, caption, at, cv2.FONT_HERSHEY_DUPLEX, 0.9 * scale, (0, 0, 0), 4, cv2.LINE_AA)
    cv2.putText(
        out, caption, at, cv2.FONT_HERSHEY_DUPLEX, 0.9 * scale, (255, 255, 255), 2, cv2.LINE_AA
    )
    return out, hidden


def evening_light(img: U8, rng: Rng, hour: str) -> U8:
    """Lamp light after dark or at dusk: darker, warm, a pool of light somewhere."""
    h, w = img.shape[:2]
    gain, gamma = (0.75, 1.15) if hour == "dusk" else (0.6, 1.3)
    x = (img.astype(np.float32) / 255.0) ** np.float32(gamma) * np.float32(gain)
    x *= np.array((1.15, 1.0, 0.75), np.float32)
    cy, cx = rng.uniform(0.2, 0.8) * h, rng.uniform(0.2, 0.8) * w
    yy, xx = np.mgrid[0:h, 0:w]
    pool = 0.6 + 0.8 * np.exp(-(((yy - cy) / h) ** 2 + ((xx - cx) / w) ** 2) / 0.12)
    return _u8(x * pool.astype(np.float32)[:, :, None] * 255.0)


def views_v8(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v8's nine pictures of a place (see the module's docstring)."""
    s = _shooter(img)
    rng = np.random.default_rng(VIEW_SEED + seed)
    h, w = img.shape[:2]
    out: dict[str, bytes] = {}

    pic = s.shoot(pan_camera(s, rng, float(rng.uniform(0.3, 0.6))), w, h)
    out["pan"] = _jpeg(_sensor(pic, rng, 2.5), 85)

    pic = s.shoot(_move(s, rng, 0.4, 10), w, h)
    out["portrait"] = _jpeg(_sensor(portrait_strip(pic, rng), rng, 2.0), 80)

    pic = s.shoot(_move(s, rng, 0.4, 10), w, h)
    out["phone"] = _jpeg(phone_look(pic, rng), int(rng.integers(30, 46)))

    pic = s.shoot(_move(s, rng, 0.3, 8), w, h, hour="night")
    out["infrared"] = _jpeg(infrared(pic, rng, int(rng.integers(1, 5))), 55)

    pic = s.shoot(_move(s, rng, 0.4, 10), w, h)
    if rng.random() < 0.5:
        paint = s.spec.style.paint if s.spec is not None else (128, 128, 128)
        pic = in_mirror(pic, rng, paint)
    else:
        night = outside(int(rng.integers(0, 2**31)), "night", w, h)
        pic = in_window(pic, rng, night)
    out["reflection"] = _jpeg(_sensor(pic, rng, 2.5), 80)

    pic = s.shoot(_move(s, rng, 0.4, 10), w, h)
    out["videocall"] = _jpeg(video_call(_sensor(pic, rng, 3.0), rng), 60)

    pic = s.shoot(_move(s, rng, 0.4, 10), w, h)
    pic, _ = stickers(pic, rng)
    out["stickers"] = _jpeg(pic, 85)

    pic = s.shoot(_move(s, rng, 0.4, 10), w, h, look=1)
    out["repainted"] = _jpeg(_sensor(pic, rng, 2.5), 85)

    hour = ("dusk", "night")[int(rng.integers(0, 2))]
    pic = s.shoot(_move(s, rng, 0.4, 10), w, h, hour=hour)
    out["evening"] = _jpeg(_sensor(evening_light(pic, rng, hour), rng, 3.5), 80)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v8", room=room_v8, views=views_v8)


def main() -> None:
    dry_run("v8", make_pictures, place_kind)


if __name__ == "__main__":
    main()

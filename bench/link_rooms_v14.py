"""Generator v14 of ``bench/link.py``: benign places (garage workshops, waiting rooms, hair
salons, corner shops, indoor pools, pubs, open-plan offices, bedrooms, living rooms) as
low sun, moving day, phone panoramas, rolling-shutter wobble, newsprint, instant prints
on a table, crumpled prints, watermarked and captioned reposts, redacted reposts and
cartoon filters show them, held out.

Written blind, like v6-v13: its author read only the brief of issue 14 (``issues show 14
| head -80``), ``STYLE.md`` (``/work/shared/STYLE.md``), the ``[tool.ruff]`` and
``[tool.mypy]`` sections of ``pyproject.toml``, ``bench/link_rooms_v13.py`` whole (for the
interface, the truth format, the shared picture writer, the place model and the
primitives imported below), ``bench/link_rooms_v12.py`` in part (its docstring, its import
lines, a grep of its ``def``/``class`` lines and the bodies of ``_steel`` and
``_rafters``), ``tests/bench/test_link_rooms_v13.py`` (for the shape of the tests) and, in
``bench/link.py``, only the generator plumbing: a grep for ``v13`` and the lines round
each hit (the import lines 66-72, ``GENERATORS`` at 612-630, the ``views_*`` dict of
``make_collection`` at 668-684 and the ``--generator`` argument at 1240-1258). Of
``bench/link_rooms_v6.py``-``v11.py`` only the names of their views were read (a grep of
the ``out["..."]`` keys of v6-v13, to avoid repeating them) and the signatures of v9's
``render``, ``Plane``, ``Camera``, ``box_planes``, v6's ``write_pictures`` and ``dry_run``
and of the v10, v11 and v12 primitives imported below were printed
(``inspect.signature``); v13's dry run was listed (``--help``) and timed, and
``python -m bench.link --help`` was run once to check the plumbing. Nothing of
the linker's code, tests, docs or results was read, and neither the linker nor
``bench.link`` was ever run on these pictures: use it once, for a held-out figure. v9's
projective renderer, v6's picture writer and dry run, v13's place model (surfaces,
boxes, walls, floor plans, furniture pieces, windows, doors, curtains, wall things,
lighting) and small drawing primitives of v10-v13 are imported; the kinds of place, their
builders, the look-alikes, the belongings and every view are v14's own.

Run with ``--generator v14 --no-real``. To look at the pictures and the truth without
linking anything: ``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v14 --rooms 12
--out /tmp/v14``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall textures (windows with
what they show, blinds or curtains, doors, pictures, shelves, sockets, radiators, clocks,
exit signs, extinguishers; a workshop's pegboard of tools, roller door and hung bicycle; a
waiting room's reception screen, queue display and leaflet rack; a salon's mirrors and
price board; a shop's price cards and sign; a pool's tiles, depth marks and rules board; a
pub's back-bar mirror, dartboard and chalkboard; an office's whiteboard and window band)
and furniture and fittings as 3-D boxes (beds, wardrobes, sofas, tables, lamps, plants;
a workbench, shelving with tins and boxes, a tool chest; rows of linked seats, a reception
counter, a water cooler, a low table; salon chairs, backwash basins, a reception desk;
shop shelving, drinks fridges, a counter with its till, crates; a lifeguard's chair,
starting blocks, benches, backstroke flags; a bar counter with taps and stools, tables;
desk clusters with screens and chairs, filing cabinets, a printer). The pool of an
indoor pool is drawn into its floor (water, lane lines, lane ropes, its edge). Loose
things and bedding change from day to day. Two pictures show the same place exactly when
they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(500_000_000 + seed)``); no photograph is
read, so two ordinary places cannot share a photographed surface; the tests check that
no two ordinary places share any texture that is not a plain colour. What any two places
may still have alike is what is generic in real places too: socket plates, clock dots,
the Hershey fonts of the (random) lettering, digits.

**Kinds of place** (the seven besides bedrooms and living rooms new against v12's and
v13's; v12 had ordinary kitchens, v14's are only look-alikes): garage workshop (3-6 x 2.4-3 x 5-7
m), waiting room, hair salon, corner shop, indoor pool (10-14 x 4-6 x 16-26 m), pub,
open-plan office; ordinary bedrooms and living rooms; and, as look-alikes only, a student
hall's room, a hospital side room and a show flat's kitchen. No person is drawn anywhere.

**Views (none of their names used in v6-v13), at the original's size** (a camera "moved
up to 0.4 m" is also turned up to 12 degrees and tilted up to 4):

- ``sunpatch``: low sun through a window: the room's light x0.55-0.7 and warmer; one hard
  patch of sun on the floor by the left or right wall (reaching 30-60 % of the width in,
  15-30 % of the depth long, between 35 % and 80 % of the depth, sheared) or by the back
  wall (25-45 % of the depth in, 25-45 % of the width across), and one on another wall
  (15-30 % of its length, from 10-30 % to 45-70 % of the height, on a side wall in its far
  half), each cut by the shadows of 1-3 glazing bars, edges softened 1-2 texels; in the
  patches the light is x1.5-2.0 of the original's, warm; the patches are rendered as a
  second picture (at half size) so that furniture hides them; camera moved up to 0.4 m,
  turned up to 12 degrees. JPEG 85.
- ``movingday``: moving day, or a refit (day 2's clutter): every low piece of furniture
  (footprint at least 0.15 m2, standing below 0.6 m, at most 1.3 m high, bedding and
  cushions too) under a dust sheet of one off-white cloth, rugs lifted, 4-10 cardboard
  cartons (taped, a scrawled word) on the floor, some stacked two high; camera moved up to
  0.4 m. JPEG 85.
- ``panorama``: a phone panorama shown in a viewer: a sweep of 100-130 degrees from near
  the place's camera (moved up to 0.3 m, turned up to 10 degrees), held level (pitch 0-6
  down), projected on a cylinder, 2.4-3.2 times as wide as high, two or three stitching
  seams (exposure steps of 4-10 %, a 1-2 px vertical step), the top and bottom edges ragged
  with the hand's drift (up to 4 % of the height, filled black), shown full width on a
  black (70 %) or white viewer. JPEG 85.
- ``jello``: rolling-shutter wobble from a shaking phone: rows shifted sideways by one or
  two waves (1.5-4 % of the width, 1-3 cycles down the frame) and a shear (up to 5 %),
  rows slightly bunched and stretched (up to 2 % of the height), a sideways smear of 1-2 %
  of the width; camera moved up to 0.4 m, turned up to 12 degrees. JPEG 85.
- ``halftone``: printed in a newsletter and scanned: saturation x0.75-0.9, CMYK screens
  at 15/75/0/45 degrees with a period of 3-4.5 px (at 400 wide), one ink 1 px out of
  register, on a paper tone; scanned: blur sigma 0.6-0.9 px, turned 0.5-2 degrees, the
  print 92-98 % of the scan on the paper's white, scanner noise. JPEG 85.
- ``instant``: an instant print lying on a table, photographed: a square crop of a shot
  (camera moved up to 0.4 m), faded (contrast x0.75-0.85, lifted blacks, a warm or cool
  cast) in a white frame (6 % at the sides and top, 22 % at the bottom) with a word
  written on it; on a wooden, cloth or painted table filling the frame; the print 60-85 %
  of the height, turned up to 25 degrees, corners moved up to 5 % (perspective), a soft
  shadow, a band of glare (10-25 %). JPEG 85.
- ``crumpled``: a print folded in four, crumpled, flattened and photographed: a white
  paper border of 2-5 %, the fold lines (one down, one across at 45-55 %) as ridges, a
  crumpled height field (displacement up to 1.5-4 px at 400, shading x0.8-1.15 from its
  slope), on a table: 88-96 % of the height, turned up to 6 degrees, corners moved up to
  3 %; camera moved up to 0.4 m. JPEG 85.
- ``watermark``: reposted by a site: a word-and-domain watermark tiled diagonally (25-40
  degrees, white at 22-40 % with a dark edge), a corner badge of two letters; scaled
  down to 60-80 % and back (the site's copy); camera moved up to 0.4 m. JPEG 80.
- ``caption``: a repost with a caption: a light (70 %) or dark canvas, 1-3 lines of
  syllables in bold over 18-30 % of the height, the picture (camera moved up to 0.4 m,
  4:3) fitted below it, centred. JPEG 85.
- ``redacted``: a privacy-edited repost: 1-3 regions (10-28 % of the width by 12-35 % of the
  height) pixelated (blocks of 5-12 px at 400), blurred (sigma 5-9 px) or blacked out, and
  a marker scribble (4-8 px wide) over one of them; camera moved up to 0.4 m. JPEG 85.
- ``cartoon``: a cartoon filter: two edge-keeping (bilateral) passes, 5-8 levels a
  channel, dark lines where the smoothed grey drops below its neighbourhood, saturation
  x1.2-1.4; camera moved up to 0.4 m. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (4-9 of a
bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a fruit
bowl, a box, on the tops and the floor), each day's clutter, how each surface is lit, the
camera and, where said, a window's view and what is pinned or written up.

- *Rooms of one student hall* (6 %: ``seed % 50`` in {14, 15, 16}, kind ``student hall
  room``; template ``501_000_000 + seed // 50``): size, paint, carpet, the window's place,
  frame and curtains, the bed, desk, shelf, chair, wardrobe, the corner basin with its
  mirror, the empty pinboard's frame, door and sockets. The student's own: what is pinned
  on the pinboard (notes, 0-2 posters), the books on the shelf above the desk, the duvet
  (the same every day), what the window shows.
- *Side rooms of one hospital* (2 %: ``seed % 100`` in {41, 42}, ``hospital side room``;
  template ``502_000_000 + seed // 100``): size, paint, lino, ceiling tiles, the bed-head
  panel, the bed and the hospital's linen, the locker, the over-bed table, the visitor's
  chair, the basin with hand-rub and towel dispensers, the curtain on its rail, the
  window's place and blind, the TV arm, the care board's frame. The room's own: what is
  written on the care board, what the window shows.
- *Kitchens of one developer's show flats* (2 %: ``seed % 100`` in {57, 58}, ``show flat
  kitchen``; template ``503_000_000 + seed // 100``): size, paint, floor, splashback, base
  and wall units, worktop, hob, oven, sink, tall fridge, island or table and stools,
  pendant lights, the window's place and frame. The flat's own: what the window shows.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (14, 15, 16) or seed % 100 in
(41, 42, 57, 58)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (student rooms) or ``seed // 100`` (side rooms, kitchens).

**Pictures per place: 12** (the original and 11 views): ``original`` (PNG),
``sunpatch``, ``movingday``, ``panorama``, ``jello``, ``halftone``, ``instant``,
``crumpled``, ``caption``, ``redacted``, ``cartoon`` (JPEG 85) and ``watermark`` (JPEG
80), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 student rooms in every 50 seeds, 2 side
rooms and 2 kitchens in every 100); the other seeds draw their kind with equal shares of
1/9: bedroom, living room, workshop, waiting room, salon, shop, pool, pub, office (the
tests check each within ±4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): student hall rooms 60, hospital side rooms 20, show flat kitchens 20; of
the other 900: salon 116, bedroom 112, living 103, office 99, waiting 99, shop 98, pool 93,
workshop 91, pub 89. The first 60 seeds (a default ``--rooms 60`` run): waiting 14,
workshop 7, living 6, shop 6, office 5, bedroom 5, salon 4, pool 3, pub 3, student rooms 3
(seeds 14-16), side rooms 2 (41, 42), kitchens 2 (57, 58): every kind and group is in it.

**Speed**: 0.52 s of CPU a place (12 pictures at 400x300), seeds 200-223, one run, at load
average 3.0-3.4 on the shared 2-core machine; 1.18 s at 800x600 (seeds 200-207). A dry run
of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 6.3 s against v13's 6.3 s,
run one after the other at load average 1.9. Surfaces are drawn at 120 texels a metre,
large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``500_000_000 + seed``; student hall ``501_000_000 + seed // 50``;
hospital ``502_000_000 + seed // 100``; developer ``503_000_000 + seed // 100``; a day's
bedding and clutter ``504_000_000 + 3 * seed + day`` (day 0 everywhere but ``movingday``,
day 2); views ``default_rng([505_000_000, seed, i])`` (``i`` the index ``make_collection``
passes); the original's sensor noise ``506_000_000 + seed``. Deterministic by seed.
Lettering is random syllables (digits for depth marks and queue numbers). Pictures
not made by ``room_v14`` (the real pictures of ``bench/link.py`` when run without
``--no-real``) are hung as a print 2 m wide on the back wall of a generated bedroom, living
room, waiting room or pub and seen the same ways.
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
    _fabric,
    _field,
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
from bench.link_rooms_v12 import _board, _rafters, _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    Top,
    _add,
    _belonging,
    _Build,
    _cabinet,
    _carpeted,
    _checker,
    _colour_at,
    _curtains,
    _door_on,
    _faces,
    _Floor,
    _framed_art,
    _frames,
    _home_pieces,
    _lay_rug,
    _light,
    _lum,
    _noticeboard,
    _piece,
    _plain_ceiling,
    _planks,
    _poster,
    _roof,
    _small_things,
    _tiled_ceiling,
    _tone,
    _vec,
    _Wall,
    _window,
    _windows,
    _wood_tone,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 500_000_000
STUDENT_SEED = 501_000_000
HOSPITAL_SEED = 502_000_000
DEVELOPER_SEED = 503_000_000
DAY_SEED = 504_000_000
VIEW_SEED = 505_000_000
SENSOR_SEED = 506_000_000
STUDENT_EVERY, STUDENT_SLOTS = 50, (14, 15, 16)
HOSPITAL_EVERY, HOSPITAL_SLOTS = 100, (41, 42)
DEVELOPER_EVERY, DEVELOPER_SLOTS = 100, (57, 58)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("bedroom", 1 / 9),
    ("living", 1 / 9),
    ("workshop", 1 / 9),
    ("waiting", 1 / 9),
    ("salon", 1 / 9),
    ("shop", 1 / 9),
    ("pool", 1 / 9),
    ("pub", 1 / 9),
    ("office", 1 / 9),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "student hall room": "studentroom",
    "hospital side room": "sideroom",
    "show flat kitchen": "showkitchen",
}
VIEW_KINDS = (
    "sunpatch",
    "movingday",
    "panorama",
    "jello",
    "halftone",
    "instant",
    "crumpled",
    "watermark",
    "caption",
    "redacted",
    "cartoon",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "bedroom": ((3.0, 4.2), (2.4, 2.7), (3.2, 4.5)),
    "living": ((3.8, 5.5), (2.4, 2.8), (4.0, 6.0)),
    "workshop": ((3.0, 6.0), (2.4, 3.0), (5.0, 7.0)),
    "waiting": ((4.0, 7.0), (2.5, 3.0), (5.0, 8.0)),
    "salon": ((3.5, 5.5), (2.6, 3.2), (6.0, 10.0)),
    "shop": ((4.5, 7.0), (2.6, 3.2), (6.0, 10.0)),
    "pool": ((10.0, 14.0), (4.0, 6.0), (16.0, 26.0)),
    "pub": ((5.0, 9.0), (2.6, 3.2), (6.0, 10.0)),
    "office": ((6.0, 10.0), (2.6, 3.0), (7.0, 12.0)),
    "studentroom": ((2.6, 3.2), (2.4, 2.6), (3.4, 4.2)),
    "sideroom": ((3.4, 4.2), (2.6, 2.9), (4.0, 5.0)),
    "showkitchen": ((3.0, 4.2), (2.4, 2.7), (3.5, 5.0)),
}
SMALL = {"studentroom": 0.5, "showkitchen": 0.7, "sideroom": 0.7, "workshop": 0.8}
PRINT_KINDS = ("bedroom", "living", "waiting", "pub")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_student_room(seed: int) -> bool:
    return seed % STUDENT_EVERY in STUDENT_SLOTS


def is_side_room(seed: int) -> bool:
    return seed % HOSPITAL_EVERY in HOSPITAL_SLOTS


def is_show_kitchen(seed: int) -> bool:
    return seed % DEVELOPER_EVERY in DEVELOPER_SLOTS


def is_distractor(seed: int) -> bool:
    return is_student_room(seed) or is_side_room(seed) or is_show_kitchen(seed)


def _kind_of(u: float) -> str:
    total = sum(s for _, s in KINDS)
    acc = 0.0
    for name, share in KINDS:
        acc += share / total
        if u < acc:
            return name
    return KINDS[-1][0]


def place_kind(seed: int) -> str:
    """The kind of place ``seed`` is (a look-alike's kind names its group)."""
    if is_student_room(seed):
        return "student hall room"
    if is_side_room(seed):
        return "hospital side room"
    if is_show_kitchen(seed):
        return "show flat kitchen"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_student_room(seed):
        return np.random.default_rng(STUDENT_SEED + seed // STUDENT_EVERY)
    if is_side_room(seed):
        return np.random.default_rng(HOSPITAL_SEED + seed // HOSPITAL_EVERY)
    if is_show_kitchen(seed):
        return np.random.default_rng(DEVELOPER_SEED + seed // DEVELOPER_EVERY)
    return None


# --- v14's own surfaces and things, every one drawn from the rng it is given --------------------


def _pegboard(rng: Rng, w: int, h: int) -> U8:
    """A workshop's pegboard: a grid of holes, tools hung on it (hammers, spanners,
    screwdrivers, saws, pliers, tape measures), each with its outline drawn."""
    board = _tone(rng, (150, 110, 70), (215, 180, 140)) if rng.random() < 0.6 else _c(rng, 60, 240)
    img = _paint(rng, w, h, board)
    pitch = max(3, w // 40)
    img[pitch // 2 :: pitch, pitch // 2 :: pitch] = _shade(board, 0.45)
    outline = _c(rng, 10, 250) if rng.random() < 0.5 else _shade(board, 0.6)
    for _ in range(int(rng.integers(6, 14))):
        col = _c(rng, 20, 240)
        handle = _c(rng, 20, 240)
        x, y = int(rng.integers(w // 12, w - w // 12)), int(rng.integers(h // 8, h - h // 3))
        size = int(rng.integers(max(6, h // 6), max(8, h // 3)))
        what = int(rng.integers(0, 6))
        if what == 0:  # hammer
            cv2.rectangle(img, (x - 1, y), (x + 1, y + size), handle, -1)
            cv2.rectangle(img, (x - size // 4, y - 2), (x + size // 4, y + 3), col, -1)
        elif what == 1:  # spanner
            cv2.line(img, (x, y), (x, y + size), col, max(2, size // 10))
            cv2.circle(img, (x, y), max(2, size // 7), col, 2)
        elif what == 2:  # screwdriver
            cv2.rectangle(img, (x - 2, y), (x + 2, y + size // 3), handle, -1)
            cv2.line(img, (x, y + size // 3), (x, y + size), (170, 170, 175), 1)
        elif what == 3:  # saw
            pts = np.array(
                [[x, y], [x + size, y], [x + size, y + size // 4], [x + size // 5, y + size // 2]],
                np.int32,
            )
            cv2.fillPoly(img, [pts], (185, 188, 192))
            cv2.rectangle(img, (x - size // 5, y), (x, y + size // 3), handle, -1)
        elif what == 4:  # pliers
            cv2.line(img, (x, y), (x - size // 5, y + size), col, 2)
            cv2.line(img, (x, y), (x + size // 5, y + size), col, 2)
        else:  # tape measure
            cv2.rectangle(img, (x, y), (x + size // 3, y + size // 3), col, -1)
            cv2.circle(img, (x + size // 6, y + size // 6), max(1, size // 12), (30, 30, 30), -1)
        if rng.random() < 0.5:
            cv2.rectangle(img, (x - size // 3, y - 3), (x + size // 2, y + size + 3), outline, 1)
    return img


def _roller_door(rng: Rng, w: int, h: int) -> U8:
    """A garage's roller door from inside: horizontal slats, a bottom rail, a handle."""
    col = _c(rng, 60, 240)
    img = _steel(rng, w, h, int(np.mean(col))) if rng.random() < 0.4 else _paint(rng, w, h, col)
    slat = max(3, h // int(rng.integers(14, 24)))
    for y in range(0, h, slat):
        cv2.line(img, (0, y), (w, y), _shade(_colour_at(img, 0, 0), 0.7), 1)
        cv2.line(img, (0, y + 1), (w, y + 1), _shade(_colour_at(img, 0, 0), 1.15), 1)
    cv2.rectangle(img, (0, h - slat), (w, h), _c(rng, 30, 120), -1)
    cv2.rectangle(
        img, (w // 2 - w // 20, h - 3 * slat), (w // 2 + w // 20, h - 2 * slat), (40, 40, 44), -1
    )
    return img


def _oily_concrete(rng: Rng, w: int, h: int, res: float) -> U8:
    """A garage floor: concrete, dark oil stains, saw-cut joints, maybe a painted bay line."""
    img = _concrete(rng, w, h, int(rng.integers(120, 200))).astype(np.float32)
    stains = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 9))):
        cv2.ellipse(
            stains,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            (int(rng.integers(3, max(4, w // 10))), int(rng.integers(3, max(4, h // 10)))),
            float(rng.uniform(0, 180)),
            0,
            360,
            float(rng.uniform(0.2, 0.6)),
            -1,
        )
    stains = np.asarray(cv2.GaussianBlur(stains, (0, 0), max(1.0, 0.05 * res)), np.float32)
    out = _u8(img * (1 - stains[:, :, None]))
    step = max(8, round(float(rng.uniform(2.0, 3.5)) * res))
    for x in range(int(rng.integers(0, step)), w, step):
        cv2.line(out, (x, 0), (x, h), (70, 70, 70), 1)
    if rng.random() < 0.5:
        x = int(rng.integers(w // 4, 3 * w // 4))
        cv2.line(out, (x, 0), (x, h), _c(rng, 150, 256), max(1, round(0.08 * res)))
    return out


def _bicycle(img: U8, rng: Rng, x: int, y: int, size: int) -> None:
    """A bicycle hung flat on a wall by its wheels: two wheels, the frame, a saddle."""
    col = _c(rng, 10, 250)
    r = size // 4
    a, b = (x + r, y + size // 2), (x + 3 * r + r // 2, y + size // 2)
    for c in (a, b):
        cv2.circle(img, c, r, (30, 30, 30), max(2, size // 40))
        cv2.circle(img, c, max(2, r // 8), (150, 150, 150), -1)
    top = (x + 2 * r, y + size // 2 - r)
    cv2.line(img, a, top, col, max(2, size // 35))
    cv2.line(img, top, b, col, max(2, size // 35))
    cv2.line(img, a, (x + 2 * r + r // 3, y + size // 2), col, max(2, size // 35))
    cv2.rectangle(img, (top[0] - r // 3, top[1] - 4), (top[0] + r // 4, top[1]), (25, 25, 25), -1)


def _goods(rng: Rng, w: int, h: int, shelves: int) -> U8:
    """Shop shelving's front: shelves of packets, boxes, jars and tins, price strips."""
    frame = _c(rng, 60, 250)
    img = _paint(rng, w, h, frame)
    sh = max(6, (h - 4) // shelves)
    for k in range(shelves):
        y0 = 2 + k * sh
        inner = np.empty((sh - 5, w - 4, 3), np.uint8)
        inner[:] = _shade(frame, 0.5)
        if rng.random() < 0.3:
            _paste(inner, _tins(rng, inner.shape[1], inner.shape[0]), 0, 0)
        else:
            x = 0
            while x < inner.shape[1]:
                pw = int(rng.integers(3, max(4, w // 10)))
                ph = int(inner.shape[0] * rng.uniform(0.55, 1.0))
                col = _c(rng, 10, 256)
                cv2.rectangle(
                    inner, (x, inner.shape[0] - ph), (x + pw - 1, inner.shape[0]), col, -1
                )
                if ph > 6:
                    band = _c(rng, 0, 256)
                    yb = inner.shape[0] - ph + ph // 3
                    cv2.rectangle(inner, (x, yb), (x + pw - 1, yb + max(1, ph // 5)), band, -1)
                x += pw + int(rng.integers(0, 2))
        _paste(img, inner, 2, y0)
        strip = _c(rng, 150, 256) if rng.random() < 0.5 else (245, 245, 240)
        cv2.rectangle(img, (0, y0 + sh - 4), (w, y0 + sh - 1), strip, -1)
    return img


def _fridge_front(rng: Rng, w: int, h: int) -> U8:
    """A drinks fridge's front: a lit header with a word, glass doors, shelves of bottles
    and cans behind them, handles."""
    body = _c(rng, 20, 240)
    img = _paint(rng, w, h, body)
    hh = max(6, h // 10)
    cv2.rectangle(img, (0, 0), (w, hh), _c(rng, 20, 256), -1)
    _text(img, rng, _word(rng, (1, 3)).upper(), 4, hh - 2, max(5, hh - 3), _c(rng, 200, 256))
    doors = int(rng.integers(1, 4))
    dw = (w - 4) // doors
    for d in range(doors):
        x0 = 2 + d * dw
        inner = np.empty((h - hh - 8, dw - 6, 3), np.uint8)
        inner[:] = _tone(rng, (200, 210, 215), (240, 245, 250))
        rows = int(rng.integers(4, 7))
        rh = inner.shape[0] // rows
        for r in range(rows):
            x = 1
            while x < inner.shape[1] - 2:
                bw = int(rng.integers(2, 5))
                bh = int(rh * rng.uniform(0.5, 0.9))
                cv2.rectangle(
                    inner, (x, (r + 1) * rh - bh), (x + bw - 1, (r + 1) * rh - 1), _c(rng), -1
                )
                x += bw + 1
            cv2.line(
                inner, (0, (r + 1) * rh - 1), (inner.shape[1], (r + 1) * rh - 1), (150, 150, 155), 1
            )
        _paste(img, inner, x0 + 3, hh + 4)
        cv2.rectangle(img, (x0 + dw - 6, hh + h // 3), (x0 + dw - 4, hh + h // 2), (60, 60, 60), -1)
    return img


def _bottles(rng: Rng, w: int, h: int, back: Colour) -> U8:
    """Shelves of bottles against ``back``: a back bar or a salon's products, each bottle
    its own height, glass or colour and label."""
    img = _paint(rng, w, h, back)
    shelves = int(rng.integers(2, 5))
    sh = h // shelves
    for k in range(shelves):
        base = (k + 1) * sh - 2
        x = 2
        while x < w - 3:
            bw = int(rng.integers(3, max(4, w // 18)))
            bh = int(sh * rng.uniform(0.45, 0.9))
            glass = _c(rng, 20, 250)
            cv2.rectangle(img, (x, base - bh), (x + bw, base), glass, -1)
            cv2.rectangle(
                img,
                (x + bw // 3, base - bh - bh // 4),
                (x + bw - bw // 3, base - bh),
                _shade(glass, 0.8),
                -1,
            )
            if bh > 8:
                cv2.rectangle(img, (x, base - bh // 2), (x + bw, base - bh // 5), _c(rng), -1)
            x += bw + int(rng.integers(1, 4))
        cv2.rectangle(img, (0, base), (w, base + 2), _shade(back, 0.6), -1)
    return img


def _mirror(rng: Rng, w: int, h: int) -> U8:
    """A mirror: silvery, a soft blur of a room in it, a frame or a bevel."""
    room = np.array(_tone(rng, (150, 160, 165), (205, 215, 220)), np.float32)
    k = 1 + 0.12 * _field(rng, w, h, max(4, w // 4)) + 0.05 * _field(rng, w, h, max(2, w // 12))
    img = _u8(room[None, None, :] * k[:, :, None])
    t = np.linspace(0, 1, w, dtype=np.float32)[None, :, None]
    img = _u8(img.astype(np.float32) * (0.9 + 0.2 * t))
    edge = _c(rng, 20, 240) if rng.random() < 0.6 else (225, 228, 230)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), edge, max(2, w // 30))
    return img


def _dartboard(rng: Rng, s: int) -> U8:
    """A dartboard on its cabinet's back: twenty segments in two colours, the doubles and
    trebles rings in two others, the bull."""
    img = _paint(rng, s, s, _tone(rng, (20, 20, 20), (90, 60, 40)))
    c, r = (s // 2, s // 2), s // 2 - 2
    a, b = _tone(rng, (10, 10, 10), (40, 40, 40)), _tone(rng, (200, 190, 150), (245, 235, 200))
    red, green = _tone(rng, (160, 20, 20), (230, 60, 50)), _tone(rng, (10, 100, 40), (60, 160, 80))
    for k in range(20):
        for rr, cols in (
            (r, (red, green)),
            (int(r * 0.9), (a, b)),
            (int(r * 0.6), (red, green)),
            (int(r * 0.55), (a, b)),
        ):
            cv2.ellipse(img, c, (rr, rr), 0, k * 18 - 9, k * 18 + 9, cols[k % 2], -1)
    cv2.circle(img, c, max(2, r // 10), green, -1)
    cv2.circle(img, c, max(1, r // 22), red, -1)
    return img


def _water(rng: Rng, w: int, h: int, res: float, lanes: int) -> U8:
    """A pool's water seen from its end: blue over the tiled bottom, dark lane lines with
    their T ends, caustic light, the surface's ripples."""
    blue = np.array(_tone(rng, (30, 120, 150), (110, 190, 215)), np.float32)
    img = np.empty((h, w, 3), np.float32)
    img[:] = blue
    lane = w / lanes
    dark = blue * np.float32(rng.uniform(0.3, 0.5))
    t = max(2, round(0.25 * res))
    for k in range(lanes):
        x = int((k + 0.5) * lane)
        img[round(2.0 * res) : h - round(2.0 * res), x - t // 2 : x + t // 2] = dark
        for y in (round(2.0 * res), h - round(2.0 * res)):
            img[
                max(0, y - t // 2) : y + t // 2, max(0, x - round(0.5 * res)) : x + round(0.5 * res)
            ] = dark
    cell = max(3, round(float(rng.uniform(0.3, 0.6)) * res))
    caustic = np.abs(_field(rng, w, h, cell)) < 0.25
    img[caustic] = img[caustic] * 1.18 + 20
    ripple = 1 + 0.06 * _field(rng, w, h, max(2, cell // 2))
    return _u8(cv2.GaussianBlur(img * ripple[:, :, None], (0, 0), 0.8))


def _lane_rope(img: U8, rng: Rng, x: int, y0: int, y1: int, res: float) -> None:
    """A lane rope along the pool: floats in two or three colours in turn."""
    cols = [_c(rng, 20, 256) for _ in range(int(rng.integers(2, 4)))]
    step = max(2, round(0.12 * res))
    for k, y in enumerate(range(y0, y1, step)):
        cv2.circle(img, (x, y), max(1, step // 2), cols[(k // 4) % len(cols)], -1)


def _whiteboard(rng: Rng, w: int, h: int) -> U8:
    """A whiteboard: an aluminium frame, marker lines of syllables, boxes and arrows."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _tone(rng, (236, 238, 236), (252, 252, 252))
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (175, 178, 182), max(2, w // 60))
    _scribble_text(img, rng)
    return img


def _scribble_text(img: U8, rng: Rng) -> None:
    """Marker writing: lines of syllables, a box or an arrow, in one to three colours."""
    h, w = img.shape[:2]
    inks = [
        ((20, 40, 160), (20, 20, 20), (180, 30, 30), (20, 120, 40))[int(rng.integers(0, 4))]
        for _ in range(int(rng.integers(1, 4)))
    ]
    lh = max(6, h // 8)
    for y in range(lh + 2, h - 4, lh + int(rng.integers(0, lh // 2 + 1))):
        if rng.random() < 0.2:
            continue
        line = " ".join(_word(rng, (1, 3)) for _ in range(int(rng.integers(1, 4))))
        _text(
            img,
            rng,
            line,
            int(rng.integers(3, max(4, w // 5))),
            y,
            lh - 2,
            inks[int(rng.integers(0, len(inks)))],
        )
    if rng.random() < 0.6:
        x, y = int(rng.integers(0, max(1, w // 2))), int(rng.integers(0, max(1, h // 2)))
        cv2.rectangle(img, (x, y), (x + w // 4, y + h // 4), inks[0], 1)
    if rng.random() < 0.5:
        p0 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        cv2.arrowedLine(img, p0, p1, inks[-1], 1)


def _leaflets(rng: Rng, w: int, h: int) -> U8:
    """A leaflet rack: pockets in a grid, a leaflet in each."""
    img = _paint(rng, w, h, _c(rng, 150, 250) if rng.random() < 0.5 else (60, 60, 66))
    cols, rows = int(rng.integers(2, 5)), int(rng.integers(3, 6))
    cw, ch = w // cols, h // rows
    for r in range(rows):
        for c in range(cols):
            if rng.random() < 0.85:
                leaf = _label(rng, max(4, cw - 4), max(4, ch - 3))
                _paste(img, leaf, c * cw + 2, r * ch + 1)
            cv2.line(
                img,
                (c * cw, r * ch + ch * 2 // 3),
                ((c + 1) * cw, r * ch + ch * 2 // 3),
                (200, 205, 210),
                1,
            )
    return img


def _queue_display(rng: Rng, w: int, h: int) -> U8:
    """A queue number display: red or amber LED digits on black, a letter and a desk."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = _tone(rng, (5, 5, 5), (35, 35, 35))
    ink = ((255, 40, 30), (255, 160, 20), (80, 255, 80))[int(rng.integers(0, 3))]
    text = f"{chr(65 + int(rng.integers(0, 6)))}{int(rng.integers(1, 100)):02d}"
    cv2.putText(img, text, (3, h - 4), cv2.FONT_HERSHEY_SIMPLEX, h / 30, ink, max(1, h // 12))
    cv2.putText(
        img,
        str(int(rng.integers(1, 9))),
        (w * 3 // 4, h - 4),
        cv2.FONT_HERSHEY_SIMPLEX,
        h / 40,
        ink,
        1,
    )
    return img


def _bedhead(rng: Rng, w: int, h: int) -> U8:
    """A hospital bed-head panel: a pale trunking strip, sockets, gas outlets, a reading
    light, a call button."""
    body = _tone(rng, (210, 212, 210), (245, 245, 240))
    img = _paint(rng, w, h, body)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), _shade(body, 0.75), 1)
    x = int(rng.integers(4, 12))
    while x < w - 10:
        what = int(rng.integers(0, 4))
        if what == 0:
            cv2.rectangle(img, (x, h // 3), (x + 8, h // 3 + 8), (250, 250, 250), -1)
            cv2.circle(img, (x + 4, h // 3 + 4), 1, (30, 30, 30), -1)
        elif what == 1:
            cv2.circle(img, (x + 4, h // 2), 4, _c(rng, 20, 256), -1)
            cv2.circle(img, (x + 4, h // 2), 1, (30, 30, 30), -1)
        elif what == 2:
            cv2.rectangle(img, (x, 2), (x + 14, 6), (252, 250, 236), -1)
        else:
            cv2.circle(img, (x + 3, h * 2 // 3), 3, (210, 40, 40), -1)
        x += int(rng.integers(10, 24))
    return img


def _dust_sheet(rng: Rng) -> U8:
    """A dust sheet: off-white cloth in soft folds, a few paint spots."""
    n = 96
    col = np.array(_tone(rng, (215, 210, 195), (245, 242, 232)), np.float32)
    k = 0.85 + 0.15 * np.sin(
        np.arange(n, dtype=np.float32)[None, :] * float(rng.uniform(0.15, 0.35))
        + 2.0 * _field(rng, n, n, 24)
    )
    img = _u8(col[None, None, :] * k[:, :, None])
    for _ in range(int(rng.integers(2, 12))):
        cv2.circle(
            img,
            (int(rng.integers(0, n)), int(rng.integers(0, n))),
            int(rng.integers(1, 3)),
            _c(rng, 40, 250),
            -1,
        )
    return img


def _carton(rng: Rng) -> U8:
    """A cardboard carton's side: brown board, a band of tape, a word in marker."""
    img = _paint(rng, 48, 40, _tone(rng, (150, 110, 60), (205, 165, 110)))
    cv2.rectangle(img, (0, 0), (47, 6), _tone(rng, (180, 150, 90), (235, 220, 170)), -1)
    _text(img, rng, _word(rng, (1, 3)).upper(), 4, 26, 9, (30, 30, 30))
    return img


def _hob(rng: Rng) -> U8:
    """A hob's top: black glass or steel, four rings of two sizes."""
    img = _paint(rng, 64, 48, _tone(rng, (10, 10, 10), (45, 45, 45)))
    ring = _c(rng, 90, 200)
    for (cx, cy), r in (((16, 12), 8), ((46, 12), 10), ((16, 35), 10), ((46, 35), 8)):
        cv2.circle(img, (cx, cy), r, ring, 1)
    return img


def _oven(rng: Rng, body: Colour) -> U8:
    """An oven's front under the worktop: a dark window, a handle, knobs, a display."""
    img = _paint(rng, 64, 64, body)
    cv2.rectangle(img, (4, 4), (60, 12), (30, 30, 32), -1)
    for k in range(4):
        cv2.circle(img, (10 + k * 12, 8), 2, _c(rng, 120, 256), -1)
    cv2.rectangle(img, (8, 22), (56, 56), (25, 22, 20), -1)
    cv2.rectangle(img, (10, 16), (54, 18), (190, 190, 195), -1)
    return img


def _produce(rng: Rng) -> U8:
    """A crate of fruit or vegetables from above: round things of one or two colours."""
    img = _paint(rng, 48, 32, _tone(rng, (120, 80, 40), (200, 160, 110)))
    cols = [_c(rng, 30, 256) for _ in range(int(rng.integers(1, 3)))]
    for y in range(4, 32, 7):
        for x in range(int(rng.integers(2, 5)), 48, 7):
            cv2.circle(img, (x, y), 3, cols[int(rng.integers(0, len(cols)))], -1)
    return img


def _flags(rng: Rng, w: int) -> U8:
    """Backstroke flags on their line: triangles in two or three colours in turn."""
    img = np.empty((16, w, 3), np.uint8)
    img[:] = _c(rng, 150, 256)
    cols = [_c(rng, 20, 256) for _ in range(int(rng.integers(2, 4)))]
    step = max(6, w // int(rng.integers(25, 50)))
    for k, x in enumerate(range(0, w, step)):
        tri = np.array([[x, 1], [x + step - 1, 1], [x + step // 2, 15]], np.int32)
        cv2.fillPoly(img, [tri], cols[k % len(cols)])
    return img


def _sign(rng: Rng, w: int, h: int) -> U8:
    """A painted sign: a colour, a word in a contrasting one."""
    col = _c(rng, 20, 240)
    img = _paint(rng, w, h, col)
    ink = (245, 245, 240) if np.mean(col) < 128 else (20, 20, 20)
    _text(img, rng, _word(rng, (2, 3)).upper(), max(2, w // 12), h * 3 // 4, max(5, h // 2), ink)
    return img


# --- the place model ------------------------------------------------------------------------


@dataclass
class Place:
    seed: int
    kind: str
    width: float
    height: float
    depth: float
    surfaces: dict[str, Surface]
    boxes: list[Box]  # fixed things
    belongings: list[Box]  # the occupant's own small things (look-alikes)
    tops: list[Top]
    camera: Camera
    bedding: U8 | None = None  # a hospital's or a student's own linen, the same every day
    cache: dict[int, list[Plane]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = _surface_planes(self) + _box_planes(self, day)
        return self.cache[day]

    def textures(self) -> dict[str, U8]:
        """Every texture of the place as drawn, by name (for the tests)."""
        out = {f"surface {k}": s.tex for k, s in self.surfaces.items()}
        for i, b in enumerate(self.boxes):
            out |= {f"box {i} {k}": v for k, v in b.tex.items()}
        for i, b in enumerate(self.belongings):
            out |= {f"belonging {i} {k}": v for k, v in b.tex.items()}
        return out


def _box(
    b: _Build,
    spot: tuple[float, float, float, float, str],
    h: float,
    tex: dict[str, U8],
    y0: float = 0.0,
    top: bool = True,
) -> None:
    """A plain box at ``spot`` (its main face turned the spot's way), a top to put
    things on if asked."""
    x, z, bw, bd, facing = spot
    b.boxes.append(Box(x, z, bw, bd, h, y0, _faces(tex, facing)))
    if top:
        b.tops.append((x, z, bw * 0.7, bd * 0.6, y0 + h))


def _skirting(b: _Build, colour: Colour, high: float) -> None:
    """A skirting board ``high`` m along the foot of every wall."""
    for name in ("back", "left", "right", "front"):
        s = b.surfaces[name]
        y = round((b.h - high) * s.res)
        s.tex[y:] = colour
        s.tex[y : y + 1] = _shade(colour, 0.7)


def _wall_shelf(wall: _Wall, rng: Rng, books: Rng, lo: float, hi: float) -> None:
    """A shelf on a wall with a row of books (drawn from ``books``)."""
    sw, sh = wall.px(float(rng.uniform(0.6, 1.1))), wall.px(0.28)
    p = wall.put(_books(books, sw, sh), lo, hi)
    if p:
        cv2.rectangle(
            wall.img, (p[0] - 2, p[1] + sh), (p[0] + sw + 2, p[1] + sh + 3), _c(rng, 60, 220), -1
        )


def _seat_row(
    b: _Build, x: float, z: float, n: int, along_z: bool, facing: str, cloth: U8, frame: U8
) -> None:
    """Linked seats: ``n`` seats 0.52 m apart on a beam, their backs away from ``facing``."""
    for k in range(n):
        off = (k - (n - 1) / 2) * 0.52
        sx, sz = (x, z + off) if along_z else (x + off, z)
        seat = {"front": cloth, "top": cloth}
        _add(
            b.boxes,
            b.tops,
            "chair",
            {**seat, "leg": frame[:8, :8]},
            (sx, sz, 0.48, 0.48, facing),
            0.82,
        )
    bw, bd = (0.08, n * 0.52) if along_z else (n * 0.52, 0.08)
    b.boxes.append(Box(x, z, bw, bd, 0.06, 0.3, {"front": frame, "top": frame}))


def _inward(side: str) -> str:
    """Which way a piece against the ``side`` wall faces: into the room."""
    return {"left": "right", "right": "left", "back": "front", "front": "back"}[side]


def _side_x(b: _Build, side: str, depth: float) -> float:
    """The x of a piece ``depth`` deep standing against the left or right wall."""
    sgn = -1 if side == "left" else 1
    return sgn * (b.w / 2 - depth / 2 - 0.02)


def _along_wall(wall: _Wall, side: str, z: float) -> float:
    """How far along a left or right wall's texture the depth ``z`` is."""
    return z if side == "left" else wall.length - z


# --- building a place: one function a kind draws its shell, fixed things and furniture ---------


def _build_home(b: _Build) -> None:
    """A bedroom or a living room: paint, now and then wallpaper on one wall, a skirting
    board, a wooden or carpeted floor, windows with curtains or blinds, a door, pictures,
    shelves of books, a mirror, sockets, radiators, furniture, a rug."""
    r = b.fix
    b.paint_walls(_c(r, 120, 250))
    if r.random() < 0.4:
        name = str(r.choice(["back", "left", "right"]))
        tw, th, _ = b.texels(name)
        b.fill(name, _wallpaper(r, tw, th))
    _skirting(
        b, (238, 238, 232) if r.random() < 0.6 else _wood_tone(r), float(r.uniform(0.07, 0.14))
    )
    b.floor(_planks if r.random() < 0.55 else _carpeted)
    b.ceiling(_plain_ceiling)
    frame = (236, 236, 232) if r.random() < 0.7 else _c(r, 40, 200)
    for _ in range(int(r.integers(1, 3))):
        side = str(r.choice(["back", "left", "right"]))
        low, hm = float(r.uniform(0.8, 1.0)), float(r.uniform(1.0, 1.4))
        n = len(b.wall(side).taken)
        _windows(b, side, r, 1, low, (0.8, 1.5), hm, frame, curtains=r.random() < 0.6)
        wall = b.wall(side)
        if len(wall.taken) > n and r.random() < 0.5:  # a roller blind half down
            x, y, ww, wh = wall.taken[n]
            _paste(wall.img, _blind(r, ww, int(wh * r.uniform(0.2, 0.6))), x, y)
    _door_on(b.wall(str(r.choice(["front", "front", "left", "right"]))), r, _c(r, 60, 240))
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        for _ in range(int(r.integers(0, 3))):
            _framed_art(wall, 0.3, 0.8, (1.5, 2.0))
        if r.random() < 0.3:
            _wall_shelf(wall, r, r, 1.6, 2.0)
        extra = ("radiator",) if r.random() < 0.4 else ()
        _small_things(wall, ("socket",) * int(r.integers(1, 3)) + extra)
    if b.kind == "bedroom" and r.random() < 0.6:
        wall = b.wall(str(r.choice(["left", "right", "front"])))
        wall.put(_mirror(r, wall.px(0.45), wall.px(1.1)), 1.7, 1.9)
    fl = _Floor(b.w, b.d, 1.2)
    _home_pieces(r, b.kind, fl, b.boxes, b.tops)
    if r.random() < 0.5:
        spot = fl.against(r, 0.5, 0.4)
        if spot:
            basket = _fabric(r, 32, 32) if r.random() < 0.5 else _paint(r, 32, 32, _c(r, 40, 240))
            _box(b, spot, 0.45, {"front": basket})
    if r.random() < 0.6:
        _lay_rug(
            b,
            float(r.uniform(-0.2, 0.2)) * b.w,
            b.d * float(r.uniform(0.45, 0.6)),
            float(r.uniform(1.4, 2.4)),
            float(r.uniform(1.0, 1.8)),
        )


def _build_workshop(b: _Build) -> None:
    """A garage workshop: brick, block or painted walls, an oily concrete floor, rafters or
    a painted ceiling with strip lights, a roller door, a pegboard of tools, a bicycle on
    the wall, a small window, a workbench with a vice, shelving, a tool chest, tins."""
    r = b.fix
    colour = _c(r, 110, 240)
    what = r.random()
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if what < 0.4:
            b.fill(name, _bricks(r, tw, th, _tone(r, (120, 50, 30), (200, 120, 90))))
        elif what < 0.8:
            b.fill(name, _blocks(r, tw, th, colour, r.random() < 0.7))
        else:
            b.fill(name, _paint(r, tw, th, colour))
    b.floor(_oily_concrete)
    if r.random() < 0.5:
        b.ceiling(_rafters)
    else:
        tw, th, res = b.texels("ceiling")
        ceiling = _plain_ceiling(r, tw, th, res)
        for _ in range(int(r.integers(1, 4))):
            lx, ly = int(r.integers(0, tw)), int(r.integers(th // 5, 4 * th // 5))
            cv2.rectangle(
                ceiling,
                (lx - 3, ly - round(0.6 * res)),
                (lx + 3, ly + round(0.6 * res)),
                (252, 252, 246),
                -1,
            )
        b.fill("ceiling", ceiling)
    door_wall = b.wall("front" if r.random() < 0.5 else "back")
    dw, dh = door_wall.px(min(b.w - 0.4, float(r.uniform(2.3, 2.8)))), door_wall.px(2.1)
    dx = (door_wall.img.shape[1] - dw) // 2
    if door_wall.claim(dx, door_wall.y_of(2.1), dw, dh, gap=2):
        _paste(door_wall.img, _roller_door(r, dw, dh), dx, door_wall.y_of(2.1))
    pegs = b.wall(str(r.choice(["back", "left", "right"])))
    pegs.put(
        _pegboard(r, pegs.px(float(r.uniform(1.2, 2.4))), pegs.px(float(r.uniform(0.8, 1.1)))),
        1.95,
        2.1,
    )
    if r.random() < 0.5:
        wall = b.wall(str(r.choice(["left", "right"])))
        size = wall.px(1.1)
        for _ in range(10):
            gx = int(r.integers(2, max(3, wall.img.shape[1] - size - 2)))
            y = wall.y_of(float(r.uniform(2.0, min(2.2, b.h - 0.1))))
            if wall.claim(gx, y, size, size * 3 // 4):
                _bicycle(wall.img, r, gx, y, size)
                break
    _windows(b, str(r.choice(["left", "right"])), r, 1, 1.2, (0.8, 1.2), 0.7, _c(r, 40, 240))
    _door_on(b.wall(str(r.choice(["left", "right"]))), r, _c(r, 40, 240))
    for name in ("back", "left", "right", "front"):
        extra = tuple(k for k, p in (("extinguisher", 0.4), ("clock", 0.2)) if r.random() < p)
        _small_things(b.wall(name), ("socket", "socket", *extra))
        if r.random() < 0.3:
            _poster(b.wall(name), 1)
    fl = _Floor(b.w, b.d, 1.5)
    bench = _piece(r, "table")
    spot = fl.against(r, float(r.uniform(1.8, 2.4)), 0.65, ("back", "left", "right"))
    if spot:
        _add(b.boxes, b.tops, "table", bench, spot, 0.9)
        vice = _steel(r, 16, 16, int(r.integers(80, 160)))
        x, z, bw, bd, _f = spot
        b.boxes.append(Box(x + bw * 0.3, z, 0.15, 0.15, 0.14, 0.9, {"front": vice, "top": vice}))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, float(r.uniform(0.9, 1.2)), 0.45)
        if spot:
            _box(b, spot, float(r.uniform(1.6, 2.0)), {"front": _goods(r, 64, 128, 5)}, top=False)
    if r.random() < 0.7:
        spot = fl.against(r, 0.7, 0.45)
        if spot:
            chest = _cabinet(r, 1, int(r.integers(4, 7)), _c(r, 30, 240))
            _box(b, spot, float(r.uniform(0.8, 1.1)), {"front": chest})
    for _ in range(int(r.integers(0, 5))):
        spot = fl.against(r, 0.3, 0.3) or fl.middle(r, 0.3, 0.3)
        if spot:
            tin = _tins(r, 32, 24)
            _box(b, spot, 0.25, {"front": tin, "top": _paint(r, 8, 8, _c(r, 40, 220))}, top=False)
    if r.random() < 0.4:
        spot = fl.middle(r, 0.55, 1.0)
        if spot:
            body = _paint(r, 32, 32, _c(r, 20, 240))
            _box(b, spot, 0.35, {"front": body, "top": body}, top=False)
            x, z, _w, bd, _f = spot
            b.boxes.append(Box(x, z - bd / 2, 0.45, 0.04, 0.6, 0.3, {"front": body[:8, :8]}))


def _build_waiting(b: _Build) -> None:
    """A surgery's or an office's waiting room: paint above a dado, lino or carpet tiles,
    a suspended ceiling, a reception counter behind a glass screen with a sign, a queue
    display, a leaflet rack, posters, a noticeboard, a wall TV, rows of linked seats, a
    water cooler, a low table with magazines, a plant, doors to the rooms beyond."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    if r.random() < 0.5:
        lower, lo = _c(r, 60, 230), float(r.uniform(0.9, 1.1))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            y = round((b.h - lo) * res)
            b.surfaces[name].tex[y:] = _paint(r, tw, th - y, lower)
            cv2.rectangle(b.surfaces[name].tex, (0, y - 2), (tw, y + 1), _shade(lower, 0.7), -1)
    b.floor(lambda g, w, h, res: _lino(g, w, h) if g.random() < 0.5 else _carpet_tiles(g, w, h))
    b.ceiling(_tiled_ceiling)
    desk_wall = str(r.choice(["back", "left", "right"]))
    fl = _Floor(b.w, b.d, 1.4)
    length = float(r.uniform(1.8, 2.8))
    spot = fl.against(r, length, 0.65, (desk_wall,))
    if spot:
        front = (
            _paint(r, 96, 48, _c(r, 40, 240))
            if r.random() < 0.5
            else _wood(r, 96, 48, _wood_tone(r), 12)
        )
        _add(
            b.boxes,
            b.tops,
            "counter",
            {"front": front, "top": _paint(r, 48, 48, _c(r, 120, 250))},
            spot,
            1.05,
        )
        x, z, bw, bd, facing = spot
        glass = _u8(
            np.array(_tone(r, (170, 195, 200), (215, 230, 235)), np.float32)[None, None, :]
            * (1 + 0.06 * _field(r, 64, 32, 8))[:, :, None]
        )
        gw, gd = (bw, 0.02) if facing in ("front", "back") else (0.02, bd)
        b.boxes.append(Box(x, z, gw, gd, 0.6, 1.05, _faces({"front": glass}, facing)))
        wall = b.wall(desk_wall)
        wall.put(
            _sign(r, wall.px(float(r.uniform(0.8, 1.4))), wall.px(0.25)), 2.3, min(b.h - 0.1, 2.45)
        )
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        _poster(wall, int(r.integers(0, 3)))
        extra = tuple(
            k
            for k, p in (("clock", 0.3), ("exit", 0.4), ("extinguisher", 0.3), ("radiator", 0.4))
            if r.random() < p
        )
        _small_things(wall, ("socket", *extra))
    wall = b.wall(str(r.choice(["back", "left", "right"])))
    wall.put(_queue_display(r, wall.px(0.5), wall.px(0.2)), 2.15, min(b.h - 0.1, 2.3))
    wall = b.wall(str(r.choice(["back", "left", "right"])))
    wall.put(
        _leaflets(r, wall.px(float(r.uniform(0.4, 0.8))), wall.px(float(r.uniform(0.6, 0.9)))),
        1.5,
        1.7,
    )
    if r.random() < 0.6:
        _noticeboard(b.wall(str(r.choice(["left", "right", "front"]))))
    if r.random() < 0.5:
        wall = b.wall(str(r.choice(["back", "left", "right"])))
        wall.put(_screen(r, wall.px(0.9), wall.px(0.52)), 2.2, min(b.h - 0.1, 2.4))
    _door_on(b.wall("front"), r, _c(r, 40, 240))
    for _ in range(int(r.integers(1, 3))):
        _door_on(b.wall(str(r.choice(["back", "left", "right"]))), r, _c(r, 40, 240))
    cloth = _fabric(r, 48, 48) if r.random() < 0.5 else _paint(r, 48, 48, _c(r, 20, 240))
    frame = _steel(r, 32, 16, int(r.integers(90, 200)))
    for side in ("left", "right"):
        if r.random() < 0.2:
            continue
        n = int(r.integers(3, 8))
        z = float(r.uniform(1.8, max(1.9, b.d - n * 0.52 / 2 - 0.5)))
        x = _side_x(b, side, 0.5)
        if fl.fits(x, z, 0.5, n * 0.52):
            fl.take(x, z, 0.5, n * 0.52)
            _seat_row(b, x, z, n, True, _inward(side), cloth, frame)
    for _ in range(int(r.integers(0, 3))):
        n = int(r.integers(3, 7))
        x, z = float(r.uniform(-0.5, 0.5)), b.d * float(r.uniform(0.4, 0.7))
        if fl.fits(x, z, n * 0.52, 0.6):
            fl.take(x, z, n * 0.52, 0.6)
            _seat_row(b, x, z, n, False, "back" if desk_wall == "back" else "front", cloth, frame)
    spot = fl.against(r, 0.32, 0.32) if r.random() < 0.7 else None
    if spot:
        _box(
            b,
            spot,
            1.0,
            {"front": _paint(r, 16, 32, (236, 236, 236) if r.random() < 0.6 else _c(r))},
            top=False,
        )
        blue = _paint(r, 16, 16, _tone(r, (120, 170, 210), (180, 215, 240)))
        b.boxes.append(Box(spot[0], spot[1], 0.26, 0.26, 0.38, 1.0, {"front": blue, "top": blue}))
    spot = fl.middle(r, 0.9, 0.5)
    if spot:
        table = _piece(r, "table")
        top = table["top"].copy()
        for _ in range(int(r.integers(2, 6))):
            _paste(top, _label(r, 24, 32), int(r.integers(0, 70)), int(r.integers(0, 60)))
        _add(b.boxes, b.tops, "table", {**table, "top": top}, spot, 0.45)
    if r.random() < 0.6:
        spot = fl.against(r, 0.5, 0.5)
        if spot:
            _add(b.boxes, b.tops, "plant", _piece(r, "plant"), spot, float(r.uniform(0.9, 1.5)))


def _build_salon(b: _Build) -> None:
    """A hair salon: paint (tiles now and then), a glass shop front behind the camera, a
    row of mirrors over a counter along one wall with a styling chair before each,
    backwash basins and shelves of products at the back, a price board, a reception desk,
    a sofa, a trolley, a plant, a chequered or wooden floor, downlights."""
    r = b.fix
    b.paint_walls(_c(r, 100, 250))
    if r.random() < 0.3:
        name = str(r.choice(["back", "left", "right"]))
        tw, th, res = b.texels(name)
        b.fill(
            name,
            _tiles(
                r,
                tw,
                th,
                max(3, round(float(r.uniform(0.1, 0.3)) * res)),
                _c(r, 120, 250),
                _c(r, 100, 230),
            ),
        )
    tw, th, res = b.texels("front")
    front = _outside(r, tw, th)
    bar = _c(r, 20, 200)
    cv2.rectangle(front, (0, 0), (tw - 1, th - 1), bar, max(3, round(0.08 * res)))
    for mx in range(0, tw, max(8, round(float(r.uniform(1.2, 2.0)) * res))):
        cv2.line(front, (mx, 0), (mx, th), bar, max(2, round(0.05 * res)))
    b.fill("front", front)
    b.floor(_checker if r.random() < 0.5 else _planks)
    b.ceiling(_plain_ceiling)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    wall = b.wall(side)
    fl = _Floor(b.w, b.d, 1.3)
    chair_col = _c(r, 10, 240)
    seat = _paint(r, 32, 32, chair_col) if r.random() < 0.6 else _fabric(r, 32, 32)
    chrome = _steel(r, 16, 16, int(r.integers(150, 220)))
    counter = _piece(r, "table")["top"]
    step = float(r.uniform(1.2, 1.5))
    mw, mh = float(r.uniform(0.6, 0.9)), float(r.uniform(1.0, 1.3))
    z = 1.8
    while z + step / 2 < b.d - 1.0:
        wall.put(
            _mirror(r, wall.px(mw), wall.px(mh)),
            0.95 + mh,
            1.0 + mh,
            along=(
                _along_wall(wall, side, z) - mw / 2,
                _along_wall(wall, side, z) - mw / 2 + 0.05 + mw,
            ),
            tries=3,
        )
        x = _side_x(b, side, 0.4)
        b.boxes.append(
            Box(x, z, 0.4, min(step - 0.1, 1.1), 0.05, 0.8, {"front": counter, "top": counter})
        )
        b.tops.append((x, z, 0.3, 0.6, 0.85))
        sgn = -1 if side == "left" else 1
        cx, face = sgn * (b.w / 2 - 1.1), side  # the chair faces its mirror
        b.boxes.append(Box(cx, z, 0.3, 0.3, 0.4, 0.0, {"front": chrome, "top": chrome}))
        b.boxes.append(
            Box(cx, z, 0.55, 0.55, 0.12, 0.4, _faces({"front": seat, "top": seat}, face))
        )
        b.boxes.append(
            Box(cx - sgn * 0.26, z, 0.06, 0.55, 0.6, 0.52, _faces({"front": seat}, face))
        )
        fl.take(cx, z, 0.7, 0.7)
        fl.take(x, z, 0.4, 1.0)
        z += step
    back = b.wall("back")
    back.put(
        _bottles(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.8), _c(r, 60, 250)), 2.1, 2.2
    )
    basin = _paint(r, 32, 32, (20, 20, 22) if r.random() < 0.5 else (240, 240, 238))
    for k in range(int(r.integers(2, 4))):
        x = -b.w / 2 + 0.6 + k * 0.75
        if fl.fits(x, b.d - 0.3, 0.6, 0.5):
            fl.take(x, b.d - 0.6, 0.6, 1.2)
            b.boxes.append(Box(x, b.d - 0.25, 0.5, 0.45, 0.9, 0.0, {"front": basin, "top": basin}))
            b.boxes.append(Box(x, b.d - 0.85, 0.55, 0.6, 0.45, 0.0, {"front": seat, "top": seat}))
            b.boxes.append(Box(x, b.d - 0.55, 0.55, 0.1, 0.5, 0.45, {"front": seat, "back": seat}))
    ow = b.wall(other)
    ow.put(
        _board(
            r,
            ow.px(float(r.uniform(0.6, 1.0))),
            ow.px(float(r.uniform(0.8, 1.2))),
            r.random() < 0.5,
        ),
        2.0,
        2.2,
    )
    _poster(ow, int(r.integers(1, 4)))
    for name in ("back", side, other):
        _small_things(b.wall(name), ("socket",) + (("clock",) if r.random() < 0.3 else ()))
    _door_on(back, r, _c(r, 40, 240), wm=0.8)
    spot = fl.against(r, 1.6, 0.8, (other,))
    if spot:
        _add(b.boxes, b.tops, "sofa", _piece(r, "sofa"), spot, 0.85)
    spot = fl.against(r, 1.2, 0.55, (other,))
    if spot:
        _add(b.boxes, b.tops, "counter", _piece(r, "counter"), spot, 1.05)
    if r.random() < 0.7:
        spot = fl.middle(r, 0.4, 0.4)
        if spot:
            _box(b, spot, 0.8, {"front": _cabinet(r, 1, 4, _c(r, 20, 240))})
    if r.random() < 0.5:
        spot = fl.against(r, 0.45, 0.45)
        if spot:
            _add(b.boxes, b.tops, "plant", _piece(r, "plant"), spot, float(r.uniform(0.9, 1.6)))


def _build_shop(b: _Build) -> None:
    """A corner shop: shelving of goods along both walls, drinks fridges along the back,
    one or two double-sided aisles with promotions on their ends, a counter with its till
    by the door, crates of fruit and vegetables, a rack of papers, a sign, price cards,
    posters, a chequered floor or lino, a suspended ceiling."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    b.floor(_checker if r.random() < 0.6 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 1.6)
    back = b.wall("back")
    back.put(
        _sign(r, back.px(float(r.uniform(1.5, 2.5))), back.px(0.3)), 2.45, min(b.h - 0.05, 2.6)
    )
    n = int(r.integers(2, 5))
    for k in range(n):
        x = (k - (n - 1) / 2) * 0.82
        if abs(x) + 0.4 < b.w / 2 - 0.5:
            _box(
                b,
                (x, b.d - 0.37, 0.8, 0.7, "front"),
                2.0,
                {"front": _fridge_front(r, 64, 128)},
                top=False,
            )
            fl.take(x, b.d - 0.37, 0.8, 0.72)
    for side in ("left", "right"):
        z = float(r.uniform(2.4, 2.9))
        hs = float(r.uniform(1.8, 2.1))
        wall = b.wall(side)
        while z + 0.5 < b.d - 0.9:
            x = _side_x(b, side, 0.45)
            _box(
                b, (x, z, 0.45, 1.0, _inward(side)), hs, {"front": _goods(r, 64, 128, 5)}, top=False
            )
            fl.take(x, z, 0.45, 1.0)
            cw, ch = wall.px(0.1), wall.px(0.06)
            card = _label(r, cw, ch)
            along = _along_wall(wall, side, z)
            if wall.claim(wall.x_of(along) - cw // 2, wall.y_of(hs + 0.15), cw, ch, gap=1):
                _paste(wall.img, card, wall.x_of(along) - cw // 2, wall.y_of(hs + 0.15))
            z += 1.0
    aisles = int(r.integers(1, 3)) if b.w > 5.0 else 1
    hs = float(r.uniform(1.3, 1.6))
    for a in range(aisles):
        x = (a - (aisles - 1) / 2) * float(r.uniform(1.6, 2.0))
        z = float(r.uniform(2.6, 3.2))
        end = _label(r, 48, 64)
        while z + 0.5 < b.d - 1.8:
            tex = {
                "front": end,
                "back": end,
                "left": _goods(r, 64, 96, 4),
                "right": _goods(r, 64, 96, 4),
                "top": _paint(r, 8, 8, (200, 200, 200)),
            }
            b.boxes.append(Box(x, z, 0.9, 0.95, hs, 0.0, tex))
            fl.take(x, z, 0.9, 0.95)
            z += 0.95
    side = str(r.choice(["left", "right"]))
    cx = (-1 if side == "left" else 1) * (b.w / 2 - 1.2)
    _add(b.boxes, b.tops, "counter", _piece(r, "counter"), (cx, 1.55, 1.6, 0.6, "front"), 1.0)
    b.boxes.append(
        Box(
            cx + 0.4,
            1.6,
            0.35,
            0.04,
            0.26,
            1.1,
            {"front": _paint(r, 8, 8, (30, 30, 32)), "back": _screen(r, 48, 32)},
        )
    )
    b.boxes.append(
        Box(cx + 0.4, 1.6, 0.05, 0.05, 0.1, 1.0, {"front": _paint(r, 8, 8, (40, 40, 40))})
    )
    for _ in range(int(r.integers(1, 5))):
        spot = fl.against(r, 0.55, 0.4, ("left", "right")) or fl.middle(r, 0.55, 0.4)
        if spot:
            crate = _wood(r, 32, 16, _wood_tone(r), 4)
            _box(b, spot, 0.35, {"front": crate, "top": _produce(r)}, top=False)
    if r.random() < 0.6:
        spot = fl.against(r, 0.6, 0.4)
        if spot:
            papers = _paint(r, 48, 64, _c(r, 40, 240))
            for y in range(4, 60, 14):
                _paste(papers, _label(r, 40, 12), 4, y)
            _box(b, spot, 1.1, {"front": papers})
    for name in ("back", "front", "left", "right"):
        _poster(b.wall(name), int(r.integers(0, 2)))
        _small_things(b.wall(name), ("socket",) + (("extinguisher",) if r.random() < 0.3 else ()))
    _door_on(b.wall("front"), r, _c(r, 40, 240))


def _build_pool(b: _Build) -> None:
    """An indoor pool: tiled walls to 1.8-2.4 m, paint or blocks above, high windows on one
    side, a tiled surround with the pool drawn into the floor (water, lane lines, lane
    ropes, its edge, depth marks), a roof of trusses, a lifeguard's chair, starting blocks,
    backstroke flags, benches, a rope reel, a big clock, a rules board."""
    r = b.fix
    tile, grout = _c(r, 150, 250), _c(r, 120, 240)
    upper = _c(r, 120, 250)
    blocks = r.random() < 0.5
    tile_h = float(r.uniform(1.8, 2.4))
    band = _c(r, 20, 220)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        tex = _blocks(r, tw, th, upper, True) if blocks else _paint(r, tw, th, upper)
        y = round((b.h - tile_h) * res)
        tex[y:] = _tiles(r, tw, th - y, max(3, round(0.15 * res)), tile, grout)
        tex[y : y + max(2, round(0.1 * res))] = band
        b.fill(name, tex)
    tw, th, res = b.texels("floor")
    floor = _tiles(
        r, tw, th, max(3, round(float(r.uniform(0.2, 0.3)) * res)), _c(r, 150, 250), grout
    )
    side_gap = float(r.uniform(1.6, 2.4))
    pw = min(b.w - 2 * side_gap, float(r.uniform(8.0, 12.5)))
    z0 = float(r.uniform(2.5, 3.5))
    z1 = b.d - float(r.uniform(1.8, 3.0))
    lanes = max(3, int(pw // 2.0))
    c0, c1 = round((b.w / 2 - pw / 2) * res), round((b.w / 2 + pw / 2) * res)
    r0, r1 = round((b.d - z1) * res), round((b.d - z0) * res)
    coping = _c(r, 150, 256)
    e = max(2, round(0.3 * res))
    cv2.rectangle(floor, (c0 - e, r0 - e), (c1 + e, r1 + e), coping, -1)
    floor[r0:r1, c0:c1] = _water(r, c1 - c0, r1 - r0, res, lanes)
    for k in range(1, lanes):
        _lane_rope(floor, r, c0 + (c1 - c0) * k // lanes, r0, r1, res)
    for depth, row in (
        (float(r.uniform(0.9, 1.2)), r1 + e + 4),
        (float(r.uniform(1.8, 2.2)), r0 - e - 4),
    ):
        for col in (c0 + (c1 - c0) // 6, c1 - (c1 - c0) // 4):
            cv2.putText(
                floor,
                f"{depth:.1f}M",
                (col, row + (max(6, round(0.25 * res)) if row > r1 else 0)),
                cv2.FONT_HERSHEY_SIMPLEX,
                max(0.2, 0.01 * res),
                (20, 20, 30),
                1,
            )
    b.fill("floor", floor)
    b.ceiling(_roof)
    side = str(r.choice(["left", "right"]))
    frame = _c(r, 40, 240)
    _windows(
        b,
        side,
        r,
        int(r.integers(2, 6)),
        tile_h + 0.3,
        (1.5, 3.0),
        min(1.8, b.h - tile_h - 0.6),
        frame,
    )
    back = b.wall("back")
    back.put(
        _clock(r, back.px(float(r.uniform(0.5, 0.8)))), min(b.h - 0.2, 3.6), min(b.h - 0.1, 4.0)
    )
    board = b.wall(str(r.choice(["back", "left", "right"])))
    board.put(
        _label(r, board.px(float(r.uniform(0.8, 1.2))), board.px(float(r.uniform(1.0, 1.4)))),
        1.9,
        2.1,
    )
    for name in ("back", "left", "right", "front"):
        extra = tuple(k for k, p in (("exit", 0.6), ("extinguisher", 0.4)) if r.random() < p)
        _small_things(b.wall(name), extra)
        if r.random() < 0.3:
            _poster(b.wall(name), 1)
    _door_on(b.wall("front"), r, _c(r, 40, 240), wm=1.2)
    _door_on(b.wall(str(r.choice(["left", "right"]))), r, _c(r, 40, 240))
    chrome = _steel(r, 16, 32, int(r.integers(160, 230)))
    block = _paint(r, 16, 16, _c(r, 30, 250))
    for k in range(lanes):
        x = -pw / 2 + (k + 0.5) * pw / lanes
        b.boxes.append(
            Box(
                x,
                z1 + 0.35,
                0.5,
                0.5,
                0.7,
                0.0,
                {"front": block, "top": block, "left": chrome, "right": chrome},
            )
        )
    flags = _flags(r, 256)
    for z in (z0 + 5.0, z1 - 5.0):
        if z0 + 1 < z < z1 - 1:
            b.boxes.append(
                Box(0.0, z, pw + 2 * e / res, 0.01, 0.2, 1.8, {"front": flags, "back": flags})
            )
            for sgn in (-1, 1):
                b.boxes.append(
                    Box(sgn * (pw / 2 + 0.5), z, 0.05, 0.05, 2.0, 0.0, {"front": chrome})
                )
    seat_side = "right" if side == "left" else "left"
    gx = (-1 if seat_side == "left" else 1) * (pw / 2 + side_gap / 2)
    chair_col = _paint(r, 16, 32, _c(r, 30, 250))
    gz = float(r.uniform(z0 + 2, max(z0 + 2.5, (z0 + z1) / 2)))
    b.boxes.append(
        Box(gx, gz, 0.7, 0.7, 1.6, 0.0, {"front": chrome, "left": chrome, "right": chrome})
    )
    b.boxes.append(Box(gx, gz, 0.6, 0.6, 0.5, 1.6, {"front": chair_col, "top": chair_col}))
    bench = (
        _wood(r, 64, 16, _wood_tone(r), 6)
        if r.random() < 0.6
        else _paint(r, 64, 16, _c(r, 30, 250))
    )
    x = (-1 if side == "left" else 1) * (b.w / 2 - 0.25)
    z = float(r.uniform(z0, z0 + 3))
    while z < z1 - 1:
        b.boxes.append(Box(x, z, 0.4, 2.0, 0.45, 0.0, {"front": bench, "top": bench}))
        b.tops.append((x, z, 0.3, 1.5, 0.45))
        z += float(r.uniform(3.0, 5.0))
    reel = _paint(r, 32, 32, _c(r, 30, 250))
    b.boxes.append(Box(gx, z1 + 1.0, 0.6, 1.2, 1.1, 0.0, {"front": reel, "left": _flags(r, 64)}))
    for sgn in (-1, 1):
        b.boxes.append(Box(sgn * (pw / 2 - 0.3), z1 - 0.4, 0.05, 0.3, 0.9, 0.0, {"front": chrome}))


def _build_pub(b: _Build) -> None:
    """A pub: panelling to a dado, wallpaper or paint above, boards or a patterned carpet,
    beams or a plain ceiling, a bar counter with taps and stools, a back bar of bottles
    round a mirror, small tables with stools, a banquette, a dartboard, a chalkboard,
    old prints, a fireplace, a fruit machine, small windows."""
    r = b.fix
    b.paint_walls(_c(r, 60, 230))
    lo = float(r.uniform(0.9, 1.2))
    paper = r.random() < 0.5
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        tex = _wallpaper(r, tw, th) if paper else b.surfaces[name].tex
        y = round((b.h - lo) * res)
        tex[y:] = _panelling(r, tw, th - y)
        cv2.rectangle(tex, (0, y - 3), (tw, y), _wood_tone(r), -1)
        b.fill(name, tex)
    b.floor(_planks if r.random() < 0.5 else _carpeted)
    b.ceiling(_rafters if r.random() < 0.5 else _plain_ceiling)
    bar_wall = "back" if r.random() < 0.6 else str(r.choice(["left", "right"]))
    fl = _Floor(b.w, b.d, 1.4)
    wood = _wood_tone(r)
    front = _panelling(r, 96, 48) if r.random() < 0.5 else _wood(r, 96, 48, wood, 10)
    top = _wood(r, 96, 32, _shade(wood, 0.8), 16)
    wall = b.wall(bar_wall)
    length = min(wall.length - 1.0, float(r.uniform(3.0, 5.0)))
    if bar_wall == "back":
        spot = (float(r.uniform(-0.3, 0.3)) * (b.w - length), b.d - 1.0, length, 0.6, "front")
        back_bar = (spot[0] + b.w / 2 - length / 2, length)
    else:
        z = float(r.uniform(2.5, max(2.6, b.d - length / 2 - 0.4)))
        sgn = -1 if bar_wall == "left" else 1
        spot = (sgn * (b.w / 2 - 1.0), z, 0.6, length, _inward(bar_wall))
        back_bar = (_along_wall(wall, bar_wall, z) - length / 2, length)
    fl.take(spot[0], spot[1], spot[2] + 0.8, spot[3] + 0.8)
    _box(b, spot, 1.05, {"front": front, "top": top})
    bw = wall.px(back_bar[1])
    shelves = _bottles(r, bw, wall.px(1.0), _shade(wood, 0.6))
    mw = bw // 3
    _paste(shelves, _mirror(r, mw, shelves.shape[0] * 2 // 3), bw // 3, shelves.shape[0] // 6)
    bx = wall.x_of(back_bar[0])
    if wall.claim(bx, wall.y_of(2.3), bw, shelves.shape[0], gap=0):
        _paste(wall.img, shelves, bx, wall.y_of(2.3))
    tap = _paint(r, 8, 16, _c(r, 20, 256))
    chrome = _steel(r, 8, 16, int(r.integers(160, 220)))
    sx, sz, sw, sd, facing = spot
    for k in range(int(r.integers(2, 6))):
        t = (k + 1) / 7 - 0.5
        tx, tz = (sx + t * sw, sz) if facing == "front" else (sx, sz + t * sd)
        b.boxes.append(Box(tx, tz, 0.05, 0.05, 0.28, 1.05, {"front": chrome}))
        b.boxes.append(Box(tx, tz, 0.06, 0.03, 0.1, 1.33, {"front": tap, "back": tap}))
    stool = _paint(r, 16, 16, _c(r, 20, 200))
    leg = _paint(r, 8, 8, _c(r, 20, 120))
    for k in range(int(r.integers(2, 6))):
        t = (k + 0.5) / 5 - 0.5
        if facing == "front":
            x, z = sx + t * sw, sz - sd / 2 - 0.35
        else:
            x, z = sx + (0.65 if facing == "right" else -0.65), sz + t * sd
        b.boxes.append(Box(x, z, 0.05, 0.05, 0.7, 0.0, {"front": leg}))
        b.boxes.append(Box(x, z, 0.36, 0.36, 0.06, 0.7, {"front": stool, "top": stool}))
    table, chair = _piece(r, "table"), _piece(r, "chair")
    for _ in range(int(r.integers(2, 6))):
        spot2 = fl.middle(r, 1.6, 1.6)
        if spot2 is None:
            continue
        x, z = spot2[0], spot2[1]
        _add(b.boxes, b.tops, "table", table, (x, z, 0.7, 0.7, "front"), 0.74)
        for dx, dz, f in ((-0.55, 0.0, "right"), (0.55, 0.0, "left"), (0.0, 0.55, "front")):
            if r.random() < 0.7:
                _add(b.boxes, b.tops, "chair", chair, (x + dx, z + dz, 0.42, 0.42, f), 0.85)
    other = [s for s in ("left", "right") if s != bar_wall]
    bside = str(r.choice(other))
    spot3 = fl.against(r, float(r.uniform(2.0, 3.5)), 0.6, (bside,))
    if spot3:
        _add(b.boxes, b.tops, "sofa", _piece(r, "sofa"), spot3, 0.9)
    dwall = b.wall(str(r.choice(other)))
    s = dwall.px(0.45)
    board = _paint(r, s + 8, s + 8, _tone(r, (50, 25, 10), (110, 70, 40)))
    _paste(board, _dartboard(r, s), 4, 4)
    dwall.put(board, 1.95, 2.05)
    cwall = b.wall(str(r.choice(["back", "left", "right"])))
    cwall.put(
        _board(r, cwall.px(float(r.uniform(0.5, 0.8))), cwall.px(float(r.uniform(0.7, 1.0))), True),
        1.9,
        2.1,
    )
    for name in ("back", "left", "right", "front"):
        w_ = b.wall(name)
        for _ in range(int(r.integers(0, 3))):
            _framed_art(w_, 0.25, 0.6, (1.6, 2.1))
        _small_things(w_, ("socket",) + (("radiator",) if r.random() < 0.3 else ()))
    if r.random() < 0.5:
        fw = b.wall(str(r.choice(other)))
        pw, ph = fw.px(1.2), fw.px(1.1)
        fire = _bricks(r, pw, ph, _tone(r, (120, 50, 30), (190, 110, 80)))
        cv2.rectangle(fire, (pw // 4, ph // 3), (3 * pw // 4, ph), (20, 15, 12), -1)
        cv2.rectangle(fire, (0, 0), (pw, ph // 10), _wood_tone(r), -1)
        fx = fw.x_of(float(r.uniform(0.5, max(0.6, fw.length - 1.8))))
        if fw.claim(fx, fw.y_of(1.1), pw, ph, gap=2):
            _paste(fw.img, fire, fx, fw.y_of(1.1))
    if r.random() < 0.5:
        spot4 = fl.against(r, 0.7, 0.6)
        if spot4:
            machine = _paint(r, 48, 96, _c(r, 20, 240))
            _paste(machine, _screen(r, 36, 28), 6, 10)
            _paste(machine, _label(r, 36, 20), 6, 44)
            _box(b, spot4, 1.8, {"front": machine}, top=False)
    for name in other:
        _windows(b, name, r, int(r.integers(0, 3)), 1.0, (0.6, 1.0), 0.9, _c(r, 20, 200))
    _door_on(b.wall("front"), r, _c(r, 30, 200))


def _build_office(b: _Build) -> None:
    """An open-plan office: paint, a band of windows on one side with blinds, carpet tiles,
    a suspended ceiling, clusters of desks with screens and chairs, filing cabinets, a
    printer, a tall cupboard, plants, a whiteboard, a noticeboard, posters, a clock."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    b.floor(lambda g, w, h, res: _carpet_tiles(g, w, h))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    frame = _c(r, 40, 220)
    along = 0.4
    ww = float(r.uniform(1.2, 1.8))
    while along + ww < wall.length - 0.3:
        view = _outside(r, wall.px(ww), wall.px(1.5))
        if _window(wall, r, view, along, 0.9, ww, 1.5, frame) and r.random() < 0.6:
            wx, wy = wall.x_of(along), wall.y_of(2.4)
            _paste(wall.img, _blind(r, wall.px(ww), wall.px(float(r.uniform(0.2, 0.9)))), wx, wy)
        along += ww + float(r.uniform(0.2, 0.5))
    back = b.wall("back")
    back.put(
        _whiteboard(r, back.px(float(r.uniform(1.5, 2.4))), back.px(float(r.uniform(1.0, 1.2)))),
        2.0,
        2.1,
    )
    for name in ("back", "left", "right", "front"):
        w_ = b.wall(name)
        if name != side:
            _poster(w_, int(r.integers(0, 3)))
        extra = tuple(
            k
            for k, p in (("clock", 0.3), ("exit", 0.5), ("extinguisher", 0.4), ("radiator", 0.3))
            if r.random() < p
        )
        _small_things(w_, ("socket", *extra))
    _noticeboard(b.wall("left" if side == "right" else "right"))
    _door_on(b.wall("front"), r, _c(r, 40, 240))
    fl = _Floor(b.w, b.d, 1.6)
    desk, chair = _piece(r, "desk"), _piece(r, "chair")
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 3.2, 2.8)
        if spot is None:
            continue
        x, z = spot[0], spot[1]
        for dx in (-0.7, 0.7):
            for dz, f in ((-0.4, "front"), (0.4, "back")):
                _add(b.boxes, b.tops, "desk", desk, (x + dx, z + dz, 1.38, 0.78, f), 0.74)
                sz = z + dz + (0.15 if f == "front" else -0.15)
                b.boxes.append(
                    Box(
                        x + dx,
                        sz,
                        0.55,
                        0.04,
                        0.34,
                        0.86,
                        _faces(
                            {"front": _screen(r, 64, 40), "back": _paint(r, 8, 8, (35, 35, 38))},
                            "front" if f == "back" else "back",
                        ),
                    )
                )
                b.boxes.append(
                    Box(
                        x + dx, sz, 0.05, 0.05, 0.12, 0.74, {"front": _paint(r, 8, 8, (40, 40, 40))}
                    )
                )
                if r.random() < 0.8:
                    cz = z + dz + (-0.65 if f == "front" else 0.65)
                    _add(
                        b.boxes,
                        b.tops,
                        "chair",
                        chair,
                        (x + dx, cz, 0.5, 0.5, "back" if f == "front" else "front"),
                        0.95,
                    )
    body = _c(r, 60, 240)
    for _ in range(int(r.integers(2, 6))):
        spot = fl.against(r, 0.5, 0.6, ("back", "left" if side == "right" else "right"))
        if spot:
            _box(
                b,
                spot,
                float(r.uniform(0.7, 1.3)),
                {"front": _cabinet(r, 1, int(r.integers(2, 5)), body)},
            )
    spot = fl.against(r, 0.6, 0.55)
    if spot:
        printer = _steel(r, 32, 32, int(r.integers(170, 230)))
        cv2.rectangle(printer, (4, 4), (14, 10), (40, 40, 40), -1)
        _box(b, spot, 1.0, {"front": printer, "top": _paint(r, 16, 16, (70, 70, 74))})
    if r.random() < 0.6:
        spot = fl.against(r, 1.0, 0.5)
        if spot:
            _box(b, spot, 2.0, {"front": _cabinet(r, 2, 1, body)}, top=False)
    for _ in range(int(r.integers(0, 4))):
        spot = fl.against(r, 0.5, 0.5)
        if spot:
            _add(b.boxes, b.tops, "plant", _piece(r, "plant"), spot, float(r.uniform(0.8, 1.6)))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_studentroom(b: _Build) -> None:
    """A room of one student hall: every fixed thing the hall's (see the module's
    docstring); what is pinned up, the books on the shelf, the duvet and the window's view
    the student's own."""
    r, o = b.fix, b.own
    b.paint_walls(_c(r, 150, 245), 0.02)
    b.floor(_carpeted)
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    ww, wh, low = (
        float(r.uniform(1.0, 1.3)),
        float(r.uniform(1.1, 1.3)),
        float(r.uniform(0.8, 0.95)),
    )
    along = (back.length - ww) / 2 + float(r.uniform(-0.3, 0.3))
    frame = (236, 236, 232) if r.random() < 0.7 else _c(r, 40, 200)
    _window(back, r, _outside(o, back.px(ww), back.px(wh)), along, low, ww, wh, frame)
    _curtains(back, r, along, low, ww, wh, _fabric(r, 48, 96))
    bed_side = str(r.choice(["left", "right"]))
    desk_side = "right" if bed_side == "left" else "left"
    sb = -1 if bed_side == "left" else 1
    _add(
        b.boxes,
        b.tops,
        "bed",
        _piece(r, "bed"),
        (sb * (b.w / 2 - 0.47), b.d - 1.02, 0.9, 2.0, "front"),
        0.5,
    )
    dz = b.d - 0.9
    sd = -sb
    _add(
        b.boxes,
        b.tops,
        "desk",
        _piece(r, "desk"),
        (sd * (b.w / 2 - 0.3), dz, 0.58, 1.2, _inward(desk_side)),
        0.74,
    )
    _add(
        b.boxes,
        b.tops,
        "chair",
        _piece(r, "chair"),
        (sd * (b.w / 2 - 0.85), dz, 0.45, 0.45, desk_side),
        0.88,
    )
    _add(
        b.boxes,
        b.tops,
        "wardrobe",
        _piece(r, "wardrobe"),
        (sb * (b.w / 2 - 0.32), 0.9, 0.6, 0.9, _inward(bed_side)),
        1.95,
    )
    wall = b.wall(desk_side)
    centre = _along_wall(wall, desk_side, dz)
    pw, ph = wall.px(float(r.uniform(1.0, 1.3))), wall.px(float(r.uniform(0.7, 0.85)))
    cork = _tone(r, (160, 120, 70), (205, 165, 115))
    px_, py = wall.x_of(centre) - pw // 2, wall.y_of(1.95)
    if wall.claim(px_, py, pw, ph, gap=0):
        board = _notes(o, pw, ph, cork)  # what is pinned up: the student's own
        for _ in range(int(o.integers(0, 3))):
            aw, ah = int(pw * o.uniform(0.2, 0.35)), int(ph * o.uniform(0.3, 0.55))
            _paste(board, _art(o, aw, ah), int(o.integers(0, pw - aw)), int(o.integers(0, ph - ah)))
        cv2.rectangle(board, (0, 0), (pw - 1, ph - 1), _c(r, 20, 200), 3)
        _paste(wall.img, board, px_, py)
    sw, sh = wall.px(1.0), wall.px(0.28)
    sx, sy = wall.x_of(centre) - sw // 2, wall.y_of(2.35)
    if wall.claim(sx, sy, sw, sh + 3, gap=0):
        _paste(wall.img, _books(o, sw, sh), sx, sy)  # the student's own books
        cv2.rectangle(wall.img, (sx - 2, sy + sh), (sx + sw + 2, sy + sh + 3), _wood_tone(r), -1)
    mw = wall.px(0.45)
    m_along = _along_wall(wall, desk_side, 0.6)
    wall.put(
        _mirror(r, mw, wall.px(0.6)), 1.75, 1.76, along=(m_along - 0.25, m_along - 0.2), tries=2
    )
    basin = _paint(r, 16, 16, (245, 245, 242))
    b.boxes.append(
        Box(
            sd * (b.w / 2 - 0.22),
            0.65,
            0.42,
            0.5,
            0.18,
            0.72,
            _faces({"front": basin}, _inward(desk_side)),
        )
    )
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",))
    _door_on(b.wall("front"), r, _c(r, 60, 230), along=0.75 if sb > 0 else b.w - 1.65)
    b.bedding = _fabric(o, 96, 96)  # the student's own duvet


def _build_sideroom(b: _Build) -> None:
    """A side room of one hospital: every fixed thing the hospital's (see the module's
    docstring); what is written on the care board and the window's view the room's own."""
    r, o = b.fix, b.own
    b.paint_walls(_tone(r, (200, 210, 205), (245, 245, 238)), 0.02)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    tw = back.img.shape[1]
    pw, ph = back.px(2.2), back.px(0.35)
    if back.claim((tw - pw) // 2, back.y_of(1.55), pw, ph, gap=0):
        _paste(back.img, _bedhead(r, pw, ph), (tw - pw) // 2, back.y_of(1.55))
    frame = _steel(r, 64, 24, int(r.integers(150, 220)))
    mattress = _paint(r, 64, 24, _tone(r, (90, 110, 140), (160, 180, 200)))
    _add(
        b.boxes,
        b.tops,
        "bed",
        {"front": frame, "top": mattress, "head": frame},
        (0.0, b.d - 1.15, 1.0, 2.1, "front"),
        0.65,
    )
    _add(
        b.boxes,
        b.tops,
        "bedside",
        _piece(r, "bedside"),
        (0.85, b.d - 0.3, 0.45, 0.45, "front"),
        0.8,
    )
    table = _piece(r, "table")
    _add(b.boxes, b.tops, "table", table, (-0.2, b.d - 1.6, 0.85, 0.4, "front"), 0.9)
    vinyl = _paint(r, 32, 32, _c(r, 30, 220))
    _add(
        b.boxes,
        b.tops,
        "armchair",
        {"front": vinyl, "top": vinyl},
        (-1.05, b.d - 1.1, 0.7, 0.7, "right"),
        1.0,
    )
    rail = _steel(r, 32, 8, int(r.integers(150, 220)))
    b.boxes.append(Box(0.0, b.d - 2.4, 2.4, 0.03, 0.03, b.h - 0.15, {"front": rail}))
    cur = _fabric(r, 48, 96)
    b.boxes.append(Box(1.0, b.d - 2.4, 0.4, 0.12, b.h - 0.75, 0.55, {"front": cur, "back": cur}))
    b.boxes.append(Box(-b.w / 2 + 0.4, 0.8, 0.5, 0.06, 0.3, 2.1, {"front": _screen(r, 48, 32)}))
    wside = str(r.choice(["left", "right"]))
    oside = "right" if wside == "left" else "left"
    wall = b.wall(wside)
    ww, wh = float(r.uniform(1.2, 1.6)), float(r.uniform(1.2, 1.4))
    along = _along_wall(wall, wside, b.d * 0.55) - ww / 2
    view = _outside(o, wall.px(ww), wall.px(wh))
    _window(wall, r, view, along, 0.9, ww, wh, (236, 236, 232))
    _paste(
        wall.img,
        _blind(r, wall.px(ww), wall.px(wh * float(r.uniform(0.2, 0.5)))),
        wall.x_of(along),
        wall.y_of(0.9 + wh),
    )
    ow = b.wall(oside)
    cw, ch = ow.px(0.9), ow.px(0.6)
    care = np.empty((ch, cw, 3), np.uint8)
    care[:] = (250, 250, 250)
    _scribble_text(care, o)  # what is written up: the room's own
    cv2.rectangle(care, (0, 0), (cw - 1, ch - 1), _c(r, 20, 200), 4)
    _text(care, r, _word(r, (2, 3)).upper(), 6, 12, 8, _c(r, 20, 160))
    ca = _along_wall(ow, oside, b.d * 0.6)
    cx = ow.x_of(ca) - cw // 2
    if ow.claim(cx, ow.y_of(1.8), cw, ch, gap=0):
        _paste(ow.img, care, cx, ow.y_of(1.8))
    basin = _paint(r, 16, 16, (245, 245, 242))
    sgn = -1 if oside == "left" else 1
    b.boxes.append(
        Box(
            sgn * (b.w / 2 - 0.25),
            1.0,
            0.45,
            0.55,
            0.2,
            0.8,
            _faces({"front": basin}, _inward(oside)),
        )
    )
    da = _along_wall(ow, oside, 1.0)
    for k, (wm, hm, col) in enumerate(((0.1, 0.2, (240, 240, 240)), (0.28, 0.35, (235, 235, 230)))):
        patch = _paint(r, ow.px(wm), ow.px(hm), _shade(col, float(r.uniform(0.95, 1.0))))
        cv2.rectangle(patch, (0, 0), (patch.shape[1] - 1, patch.shape[0] - 1), _c(r, 20, 200), 2)
        x = ow.x_of(da + (k - 0.5) * 0.4) - patch.shape[1] // 2
        if ow.claim(x, ow.y_of(1.6), patch.shape[1], patch.shape[0], gap=0):
            _paste(ow.img, patch, x, ow.y_of(1.6))
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",) + (("clock",) if name == "front" else ()))
    _door_on(b.wall("front"), r, _c(r, 60, 230), wm=1.1, along=b.w / 2 - 0.55)
    linen = _paint(r, 96, 96, _tone(r, (230, 235, 240), (250, 250, 252)))
    linen[60:72] = _c(r, 60, 200)
    b.bedding = linen


def _build_showkitchen(b: _Build) -> None:
    """A kitchen of one developer's show flats: every fixed thing the developer's (see
    the module's docstring); the window's view the flat's own."""
    r, o = b.fix, b.own
    b.paint_walls(_c(r, 170, 250), 0.02)
    if r.random() < 0.5:
        b.floor(_planks)
    else:
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(4, round(0.45 * res)), _c(g, 120, 240), _c(g, 90, 200)
            )
        )
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    tw, _th, res = b.texels("back")
    y0, y1 = back.y_of(1.5), back.y_of(0.92)
    back.img[y0:y1] = _tiles(
        r,
        tw,
        y1 - y0,
        max(3, round(float(r.uniform(0.07, 0.15)) * res)),
        _c(r, 120, 252),
        _c(r, 100, 230),
    )
    body = _c(r, 40, 250)
    worktop = (
        _wood(r, 96, 32, _wood_tone(r), 24)
        if r.random() < 0.5
        else _paint(r, 96, 32, _c(r, 20, 240))
    )
    units = int((b.w - 0.7) // 0.6)
    fridge_left = r.random() < 0.5
    x0 = -b.w / 2 + (0.68 if fridge_left else 0.02)
    hob_at, sink_at = int(r.integers(0, units)), int(r.integers(0, units))
    hood = _steel(r, 32, 32, int(r.integers(150, 220)))
    for k in range(units):
        x = x0 + 0.3 + 0.6 * k
        front = _oven(r, body) if k == hob_at else _cabinet(r, 1, int(r.choice([1, 1, 3])), body)
        b.boxes.append(
            Box(
                x,
                b.d - 0.3,
                0.6,
                0.58,
                0.88,
                0.0,
                {"front": front, "left": _paint(r, 8, 8, body), "right": _paint(r, 8, 8, body)},
            )
        )
        if k == hob_at:
            b.boxes.append(
                Box(x, b.d - 0.3, 0.58, 0.5, 0.01, 0.92, dict.fromkeys(("front", "top"), _hob(r)))
            )
            b.boxes.append(Box(x, b.d - 0.2, 0.6, 0.4, 0.45, 1.6, {"front": hood, "top": hood}))
        else:
            b.boxes.append(
                Box(
                    x,
                    b.d - 0.18,
                    0.6,
                    0.35,
                    0.7,
                    1.5,
                    {"front": _cabinet(r, 1, 1, body), "left": _paint(r, 8, 8, body)},
                )
            )
        if k == sink_at and k != hob_at:
            sink = _steel(r, 32, 24, int(r.integers(160, 220)))
            b.boxes.append(Box(x, b.d - 0.3, 0.5, 0.4, 0.01, 0.92, {"front": sink, "top": sink}))
            b.boxes.append(Box(x, b.d - 0.05, 0.03, 0.03, 0.3, 0.92, {"front": sink}))
    wx = 0.33 if fridge_left else -0.33
    b.boxes.append(
        Box(wx, b.d - 0.31, b.w - 0.68, 0.62, 0.04, 0.88, {"front": worktop, "top": worktop})
    )
    b.tops.append((x0 + 0.3 * units, b.d - 0.3, 0.6 * units * 0.8, 0.4, 0.92))
    fx = -b.w / 2 + 0.35 if fridge_left else b.w / 2 - 0.35
    fridge = (
        _steel(r, 48, 96, int(r.integers(160, 225)))
        if r.random() < 0.5
        else _paint(r, 48, 96, body)
    )
    cv2.rectangle(fridge, (40, 20), (43, 60), (60, 60, 64), -1)
    cv2.line(fridge, (0, 36), (48, 36), _shade(_colour_at(fridge, 2, 2), 0.7), 1)
    b.boxes.append(
        Box(
            fx, b.d - 0.33, 0.64, 0.64, 1.9, 0.0, {"front": fridge, "left": fridge, "right": fridge}
        )
    )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    ww, wh = float(r.uniform(0.9, 1.3)), float(r.uniform(1.0, 1.3))
    along = _along_wall(wall, side, b.d * 0.55) - ww / 2
    _window(wall, r, _outside(o, wall.px(ww), wall.px(wh)), along, 1.0, ww, wh, (236, 236, 232))
    other = b.wall("right" if side == "left" else "left")
    _framed_art(other, 0.4, 0.7, (1.6, 1.9))
    other.put(_clock(r, other.px(0.3)), 2.1, min(b.h - 0.1, 2.3))
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",))
    _door_on(b.wall("front"), r, _c(r, 60, 230), along=0.3)
    seat = _piece(r, "stool")
    island = b.w >= 3.5 and b.d >= 4.2
    cz = b.d - float(r.uniform(1.7, 2.0))
    if island:
        _box(
            b,
            (0.0, cz, 1.4, 0.8, "front"),
            0.92,
            {"front": _cabinet(r, 3, 1, body), "top": worktop},
        )
    else:
        _add(b.boxes, b.tops, "table", _piece(r, "table"), (0.0, cz, 1.2, 0.8, "front"), 0.75)
    for k in range(int(r.integers(2, 4))):
        x = (k - 1) * 0.5
        hs = 0.65 if island else 0.45
        b.boxes.append(Box(x, cz - 0.65, 0.04, 0.04, hs, 0.0, {"front": seat["leg"]}))
        b.boxes.append(
            Box(x, cz - 0.65, 0.38, 0.38, 0.05, hs, {"front": seat["front"], "top": seat["top"]})
        )
    shade = _paint(r, 16, 16, _c(r, 20, 250))
    for k in range(int(r.integers(2, 4))):
        x = (k - 1) * 0.5
        b.boxes.append(
            Box(x, cz, 0.01, 0.01, 0.8, b.h - 0.8, {"front": _paint(r, 4, 4, (30, 30, 30))})
        )
        b.boxes.append(Box(x, cz, 0.25, 0.25, 0.2, b.h - 1.0, {"front": shade, "top": shade}))


# --- belongings, clutter, light and camera ----------------------------------------------------


BELONGINGS = (
    "bag",
    "book",
    "bottle",
    "mug",
    "phone",
    "laptop",
    "shoes",
    "clothes",
    "flowers",
    "cards",
    "fruit",
    "box",
)


def _thing(rng: Rng, name: str, x: float, z: float, y0: float) -> list[Box]:
    """One of the occupant's things at (x, z) on a surface ``y0`` m up: v13's for the
    names it knows, v14's own for flowers, cards, a fruit bowl and a box."""
    if name == "flowers":
        vase = _paint(rng, 16, 24, _c(rng, 20, 250))
        bloom = _plant(rng, 32, 32)
        for _ in range(int(rng.integers(3, 9))):
            cv2.circle(
                bloom, (int(rng.integers(2, 30)), int(rng.integers(2, 20))), 3, _c(rng, 80, 256), -1
            )
        return [
            Box(x, z, 0.1, 0.1, 0.22, y0, {"front": vase}),
            Box(
                x,
                z,
                0.25,
                0.2,
                0.25,
                y0 + 0.22,
                dict.fromkeys(("front", "left", "right", "back", "top"), bloom),
            ),
        ]
    if name == "cards":
        return [
            Box(x + dx, z, 0.12, 0.01, 0.16, y0, {"front": _art(rng, 24, 32)})
            for dx in np.linspace(-0.15, 0.15, int(rng.integers(1, 4)))
        ]
    if name == "fruit":
        return [
            Box(
                x,
                z,
                0.28,
                0.28,
                0.1,
                y0,
                {"front": _paint(rng, 16, 8, _c(rng, 20, 250)), "top": _produce(rng)},
            )
        ]
    if name == "box":
        return [Box(x, z, 0.3, 0.25, 0.2, y0, {"front": _carton(rng), "top": _carton(rng)})]
    return _belonging(rng, name, x, z, y0)


def _belongings(b: _Build) -> list[Box]:
    """The occupant's own things (a look-alike's differences besides its light, its camera
    and, where said, a window's view and what is pinned or written up): 4-9 of them."""
    o = b.own
    out: list[Box] = []
    for _ in range(int(o.integers(4, 10))):
        name = str(o.choice(BELONGINGS))
        if (name in ("shoes", "bag", "box") and o.random() < 0.7) or not b.tops:
            x = float(o.uniform(-b.w / 2 + 0.35, b.w / 2 - 0.35))
            z = float(o.uniform(max(0.6, b.d * 0.4), b.d - 0.3))
            out += _thing(o, name, x, z, 0.0)
        else:
            x, z, tw, td, y0 = b.tops[int(o.integers(0, len(b.tops)))]
            out += _thing(
                o,
                name,
                x + float(o.uniform(-tw / 2, tw / 2)),
                z + float(o.uniform(-td / 2, td / 2)),
                y0,
            )
    return out


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: bags, boxes, parcels, cloths, on tops and on the floor."""
    out: list[Box] = []
    for _ in range(int(day.integers(1, 5))):
        s, h = float(day.uniform(0.12, 0.4)), float(day.uniform(0.06, 0.3))
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


BUILDERS = {
    "bedroom": _build_home,
    "living": _build_home,
    "workshop": _build_workshop,
    "waiting": _build_waiting,
    "salon": _build_salon,
    "shop": _build_shop,
    "pool": _build_pool,
    "pub": _build_pub,
    "office": _build_office,
    "studentroom": _build_studentroom,
    "sideroom": _build_sideroom,
    "showkitchen": _build_showkitchen,
}


def _camera(base: str, rng: Rng, w: float, h: float, d: float) -> Camera:
    """The place's own camera: near the front wall at eye height, looking in."""
    x, y, z = (
        float(rng.uniform(-0.2, 0.2)) * w,
        float(rng.uniform(1.5, 1.7)),
        float(rng.uniform(0.3, 0.6)),
    )
    yaw, pitch, hfov = (
        float(rng.uniform(-15, 15)),
        float(rng.uniform(-14, -5)),
        float(rng.uniform(62, 72)),
    )
    if base == "pool":
        z, yaw, pitch = (
            float(rng.uniform(0.8, 2.0)),
            float(rng.uniform(-18, 18)),
            float(rng.uniform(-14, -4)),
        )
    elif base in ("waiting", "shop", "pub", "office", "salon"):
        z, pitch = float(rng.uniform(0.4, 1.2)), float(rng.uniform(-12, -4))
    elif base in ("studentroom", "showkitchen", "sideroom"):
        x, z = float(rng.uniform(-0.12, 0.12)) * w, float(rng.uniform(0.15, 0.35))
        hfov = float(rng.uniform(70, 80))
    return Camera(_vec(x, min(y, h - 0.2), z), yaw, pitch, hfov)


def build_place(seed: int) -> Place:
    kind = place_kind(seed)
    base = base_kind(kind)
    own = np.random.default_rng(PLACE_SEED + seed)
    own.random()  # the kind's draw
    template = group_rng(seed)
    fix = template if template is not None else own
    (w0, w1), (h0, h1), (d0, d1) = SIZES[base]
    w, h, d = float(fix.uniform(w0, w1)), float(fix.uniform(h0, h1)), float(fix.uniform(d0, d1))
    surfaces: dict[str, Surface] = {}
    for name, (origin, u, v, size) in _frames(w, h, d).items():
        res = min(RES, float(np.sqrt(SURFACE_TEXELS / (size[0] * size[1]))))
        tw, th = max(8, round(size[0] * res)), max(8, round(size[1] * res))
        surfaces[name] = Surface(name, np.zeros((th, tw, 3), np.uint8), origin, u, v, size, res)
    b = _Build(kind, fix, own, w, h, d, surfaces)
    BUILDERS[base](b)
    belongings = _belongings(b) if template is not None else []
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(base, own, w, h, d)
    return Place(seed, kind, w, h, d, surfaces, b.boxes, belongings, b.tops, camera, b.bedding)


def _surface_planes(place: Place, lit: dict[str, U8] | None = None) -> list[Plane]:
    """The shell's six planes, as lit (or with ``lit``'s textures where it has one)."""
    lit = lit or {}
    return [
        Plane(
            lit.get(s.name, s.lit if s.lit is not None else s.tex),
            s.origin,
            s.u,
            s.v,
            s.size,
            wall=True,
        )
        for s in place.surfaces.values()
    ]


def _box_planes(place: Place, day: int, sheet: U8 | None = None) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings, the day's bedding and
    clutter; with ``sheet``, low furniture under dust sheets and rugs lifted."""
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    bedding = place.bedding if place.bedding is not None else _fabric(rng, 96, 96)
    soft = {"bedding": bedding, "cushion": _fabric(rng, 64, 32)}
    planes: list[Plane] = []
    for b in place.boxes + place.belongings + _clutter(place, rng):
        tex = b.tex
        if b.soft:
            tex = dict.fromkeys(("front", "back", "left", "right", "top"), soft[b.soft])
        if sheet is not None:
            if b.h < 0.02:
                continue  # a rug, rolled up and gone
            if b.soft or (b.w * b.d >= 0.15 and b.y0 < 0.6 and b.h <= 1.3):
                tex = dict.fromkeys(("front", "back", "left", "right", "top"), sheet)
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v14``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v14(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v14 (``bench/link.py --generator v14``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v14``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    bedroom, living room, waiting room or pub."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 50_000_000
    while is_distractor(seed) or place_kind(seed) not in PRINT_KINDS:
        seed += 1
    place = build_place(seed)
    back = place.surfaces["back"]
    h, w = img.shape[:2]
    pw = round(min(2.0, place.width - 0.4) * back.res)
    ph = max(8, int(pw * h / w))
    pic = np.asarray(
        cv2.resize(np.ascontiguousarray(img[:, :, :3]), (pw, ph), interpolation=cv2.INTER_AREA),
        np.uint8,
    )
    x, y = (back.tex.shape[1] - pw) // 2, max(0, (back.tex.shape[0] - ph) // 3)
    for tex in (back.tex, back.lit):
        if tex is not None:
            _paste(tex, pic, x, y)
    place.cache.clear()
    return place


# --- views -----------------------------------------------------------------------------------


def _inside(place: Place, pos: F64, margin: float = 0.25) -> F64:
    out = pos.copy()
    m = min(margin, place.width / 4)
    out[0] = np.clip(out[0], -place.width / 2 + m, place.width / 2 - m)
    out[1] = np.clip(out[1], 0.3, place.height - 0.1)
    small = place.base in ("studentroom", "sideroom", "showkitchen")
    far = place.depth - (0.6 if small else max(0.8, place.depth / 3))
    out[2] = np.clip(out[2], 0.12, max(0.13, far))
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places) and turned up to
    ``turn`` degrees."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    pos = c.pos + _vec(
        rng.uniform(-reach, reach) * k,
        rng.uniform(-0.08, 0.08) * k,
        rng.uniform(-0.2 * reach, reach) * k,
    )
    return Camera(
        _inside(place, pos),
        c.yaw + float(rng.uniform(-turn, turn)),
        c.pitch + float(rng.uniform(-4, 4)),
        c.hfov,
    )


def _quad(
    mask: npt.NDArray[np.float32], pts: list[tuple[float, float]], rng: Rng, bar: int
) -> None:
    """A patch of sun (a quadrilateral of texels) with 1-3 glazing bars' shadows across it."""
    poly = np.array(pts, np.float32)
    cv2.fillPoly(mask, [poly.astype(np.int32)], 1.0)
    for _ in range(int(rng.integers(1, 4))):
        t = float(rng.uniform(0.2, 0.8))
        a = poly[0] + (poly[1] - poly[0]) * t
        b = poly[3] + (poly[2] - poly[3]) * t
        cv2.line(mask, (int(a[0]), int(a[1])), (int(b[0]), int(b[1])), 0.0, bar)


def sun_masks(place: Place, rng: Rng) -> dict[str, U8]:
    """Where low sun falls (white) in the floor's and one wall's texture: a sheared patch on
    the floor by the window's wall, another on a wall, cut by the glazing bars' shadows."""
    w, d = place.width, place.depth
    masks = {n: np.zeros(s.tex.shape[:2], np.float32) for n, s in place.surfaces.items()}
    floor = place.surfaces["floor"]
    res = floor.res

    def fpt(x: float, z: float) -> tuple[float, float]:
        return (x + w / 2) * res, (d - z) * res

    window = str(rng.choice(["left", "right", "back"]))
    bar = max(1, round(float(rng.uniform(0.04, 0.07)) * res))
    if window == "back":
        reach, length = float(rng.uniform(0.25, 0.45)) * d, float(rng.uniform(0.25, 0.45)) * w
        shear = float(rng.uniform(-0.3, 0.3)) * length
        x0 = float(rng.uniform(-w / 2 + 0.2, max(-w / 2 + 0.3, w / 2 - length - 0.2)))
        zb = d - 0.1
        pts = [
            fpt(x0, zb),
            fpt(x0 + length, zb),
            fpt(x0 + length + shear, zb - reach),
            fpt(x0 + shear, zb - reach),
        ]
    else:
        reach, length = float(rng.uniform(0.3, 0.6)) * w, float(rng.uniform(0.15, 0.3)) * d
        shear = float(rng.uniform(-0.5, 0.5)) * length
        sgn = -1 if window == "left" else 1
        xa = sgn * (w / 2 - 0.1)
        xb = xa - sgn * reach
        z0 = float(rng.uniform(0.35 * d, max(0.36 * d, 0.8 * d - length)))
        pts = [fpt(xa, z0), fpt(xa, z0 + length), fpt(xb, z0 + length + shear), fpt(xb, z0 + shear)]
    _quad(masks["floor"], pts, rng, bar)
    other = str(rng.choice([n for n in ("back", "left", "right") if n != window]))
    surf = place.surfaces[other]
    r, span = surf.res, surf.size[0]
    length_w = float(rng.uniform(0.15, 0.3)) * span
    if other == "back":
        along = float(rng.uniform(0.05, 0.9 - length_w / span)) * span
    elif other == "left":  # its texture runs from the front: the far half
        along = float(rng.uniform(0.45, max(0.46, 0.95 - length_w / span))) * span
    else:  # the right wall's texture runs from the back
        along = float(rng.uniform(0.05, max(0.06, 0.55 - length_w / span))) * span
    hh = place.height
    lo, hi = float(rng.uniform(0.1, 0.3)) * hh, float(rng.uniform(0.45, 0.7)) * hh
    lean = float(rng.uniform(-0.3, 0.3)) * length_w
    top, bottom = (hh - hi) * r, (hh - lo) * r
    pts = [
        (along * r, bottom),
        ((along + length_w) * r, bottom),
        ((along + length_w + lean) * r, top),
        ((along + lean) * r, top),
    ]
    _quad(masks[other], pts, rng, max(1, round(0.05 * r)))
    out: dict[str, U8] = {}
    for n, m in masks.items():
        soft = cv2.GaussianBlur(m, (0, 0), float(rng.uniform(1.0, 2.0)))
        out[n] = np.ascontiguousarray(np.repeat(_u8(soft * 255)[:, :, None], 3, axis=2))
    return out


def sunlit(place: Place, rng: Rng, cam: Camera, w: int, h: int) -> U8:
    """Low sun: the room dimmer and warmer but for hard patches of sun on the floor and a
    wall (rendered as a second, half-sized picture so that furniture hides them)."""
    base = render(place.planes(0), cam, w, h).astype(np.float32)
    black = {n: np.zeros((8, 8, 3), np.uint8) for n in place.surfaces}
    masks = sun_masks(place, rng)
    flat = np.zeros((4, 4, 3), np.uint8)
    planes = _surface_planes(place, {**black, **masks}) + [
        Plane(flat, p.origin, p.u, p.v, p.size) for p in _box_planes(place, 0)
    ]
    m = render(planes, cam, max(8, w // 2), max(8, h // 2))
    sun = cv2.resize(_lum(m) / 255, (w, h), interpolation=cv2.INTER_LINEAR)[:, :, None]
    dim = np.float32(rng.uniform(0.55, 0.7)) * np.array([1.04, 0.98, 0.88], np.float32)
    boost = np.float32(rng.uniform(1.5, 2.0)) * np.array([1.08, 1.0, 0.82], np.float32)
    return _u8(base * (dim * (1 - sun) + boost * sun))


def moving_day(place: Place, rng: Rng) -> list[Plane]:
    """Moving day (day 2's clutter): low furniture under one dust sheet, rugs lifted, 4-10
    cartons on the floor, some stacked two high."""
    planes = _surface_planes(place) + _box_planes(place, 2, sheet=_dust_sheet(rng))
    looks = [_carton(rng) for _ in range(3)]
    for _ in range(int(rng.integers(4, 11))):
        s, hh = float(rng.uniform(0.35, 0.6)), float(rng.uniform(0.3, 0.5))
        x = float(rng.uniform(-place.width / 2 + 0.4, place.width / 2 - 0.4))
        z = float(rng.uniform(max(1.0, place.depth * 0.3), place.depth - 0.4))
        tex = looks[int(rng.integers(0, 3))]
        planes += box_planes(
            {"front": tex, "left": tex, "right": tex, "back": tex, "top": tex},
            x,
            z,
            s,
            s * 0.8,
            hh,
            0.0,
        )
        if rng.random() < 0.4:
            planes += box_planes({"front": tex, "top": tex}, x, z, s * 0.9, s * 0.7, hh * 0.9, hh)
    return planes


def panorama(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A phone panorama shown in a viewer: a cylindrical sweep of 100-130 degrees,
    seams with exposure steps, ragged top and bottom, letterboxed in ``w`` x ``h``."""
    sweep = np.radians(float(rng.uniform(100, 130)))
    ph = max(8, int(w / rng.uniform(2.4, 3.2)))
    k = 0.8  # the sweep is rendered a little coarser than it is shown
    f = w / sweep * k
    half = sweep / 2
    wr = int(2 * f * np.tan(half)) + 2
    hr = int(ph * k / np.cos(half)) + 2
    c = moved(place, rng, 0.3, 0)
    cam = Camera(
        c.pos,
        place.camera.yaw + float(rng.uniform(-10, 10)),
        -float(rng.uniform(0, 6)),
        float(np.degrees(2 * np.arctan((wr / 2) / f))),
    )
    flat = _noise(render(place.planes(0), cam, wr, hr), rng, 2.0)
    xs = (np.arange(w, dtype=np.float32) - w / 2) / (w / sweep)
    ys = (np.arange(ph, dtype=np.float32) - ph / 2) * k
    drift = (
        float(rng.uniform(0.0, 0.04))
        * ph
        * np.sin(xs * float(rng.uniform(1, 3)) + float(rng.uniform(0, 6)))
    )
    map_x = (wr / 2 + f * np.tan(xs))[None, :] * np.ones((ph, 1), np.float32)
    map_y = hr / 2 + (ys[:, None] + drift[None, :] * k) / np.cos(xs)[None, :]
    seams = np.sort(rng.uniform(0.15, 0.85, int(rng.integers(2, 4)))) * w
    gain = np.ones(w, np.float32)
    for sx in seams:
        step = 1 + float(rng.choice([-1, 1])) * float(rng.uniform(0.04, 0.1))
        gain[int(sx) :] *= step
        map_y[:, int(sx) :] += float(rng.choice([-1, 1])) * float(rng.uniform(1, 2))
    pano = cv2.remap(
        flat,
        map_x.astype(np.float32),
        map_y.astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(0, 0, 0),
    )
    pano = _u8(pano.astype(np.float32) * gain[None, :, None])
    out = np.empty((h, w, 3), np.uint8)
    out[:] = (0, 0, 0) if rng.random() < 0.7 else (250, 250, 250)
    y0 = max(0, (h - ph) // 2)
    out[y0 : y0 + min(ph, h)] = pano[: min(ph, h)]
    return out


def jello(img: U8, rng: Rng) -> U8:
    """Rolling-shutter wobble: rows shifted sideways by one or two waves and a shear,
    bunched and stretched a little, smeared sideways."""
    h, w = img.shape[:2]
    rows = np.arange(h, dtype=np.float32) / h
    shift = np.float32(rng.uniform(-0.05, 0.05)) * (rows - 0.5) * w
    for _ in range(int(rng.integers(1, 3))):
        shift += (
            np.float32(rng.uniform(0.015, 0.04))
            * w
            * np.sin(
                2 * np.pi * rows * np.float32(rng.uniform(1, 3)) + np.float32(rng.uniform(0, 6))
            )
        )
    bunch = (
        np.float32(rng.uniform(0.0, 0.02))
        * h
        * np.sin(2 * np.pi * rows * np.float32(rng.uniform(1, 2.5)))
    )
    xx, yy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    out = cv2.remap(
        img,
        xx + shift[:, None],
        yy + bunch[:, None],
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    n = max(2, int(w * rng.uniform(0.01, 0.02)))
    return np.asarray(cv2.blur(out, (n, 1)), np.uint8)


def halftone(img: U8, rng: Rng) -> U8:
    """Printed in a newsletter and scanned: CMYK dot screens at their usual angles on a
    paper tone, one ink out of register; then a scan: soft, turned, noisy."""
    h, w = img.shape[:2]
    s = w / 400
    x = img.astype(np.float32) / 255
    grey = x.mean(axis=2, keepdims=True)
    x = grey + (x - grey) * np.float32(rng.uniform(0.75, 0.9))
    cmy = 1 - np.clip(x, 0, 1)
    key = cmy.min(axis=2)
    cmyk = [cmy[:, :, 0] - key, cmy[:, :, 1] - key, cmy[:, :, 2] - key, key]
    period = float(rng.uniform(3.0, 4.5)) * s
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    paper = np.array(_tone(rng, (232, 228, 210), (250, 248, 240)), np.float32)
    out = np.ones((h, w, 3), np.float32) * paper
    inks = ((0, 160, 230), (230, 0, 140), (255, 225, 0), (25, 25, 25))
    late = int(rng.integers(0, 3))
    for i, (angle, amount, ink) in enumerate(zip((15, 75, 0, 45), cmyk, inks, strict=True)):
        a = np.radians(angle)
        u = xx * np.cos(a) + yy * np.sin(a)
        v = -xx * np.sin(a) + yy * np.cos(a)
        screen = 0.5 + 0.25 * (np.cos(2 * np.pi * u / period) + np.cos(2 * np.pi * v / period))
        dots = np.clip((amount - screen) * 4 + 0.5, 0, 1)
        if i == late:
            dots = np.roll(dots, 1, axis=1)
        absorb = 1 - np.array(ink, np.float32) / 255
        out *= 1 - dots[:, :, None] * absorb
    printed = cv2.GaussianBlur(_u8(out), (0, 0), float(rng.uniform(0.6, 0.9)) * s)
    turn = float(rng.uniform(0.5, 2.0)) * float(rng.choice([-1, 1]))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), turn, float(rng.uniform(0.92, 0.98)))
    scan = cv2.warpAffine(printed, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(250, 250, 250))
    return _noise(np.asarray(scan, np.uint8), rng, 2.0)


def _table(rng: Rng, w: int, h: int) -> U8:
    """A table top filling the frame: wood, a cloth or paint."""
    what = rng.random()
    if what < 0.5:
        return _wood(rng, w, h, _wood_tone(rng), max(8, w // int(rng.integers(3, 7))))
    if what < 0.75:
        return np.asarray(
            cv2.resize(_fabric(rng, max(8, w // 3), max(8, h // 3)), (w, h)), np.uint8
        )
    return _paint(rng, w, h, _c(rng, 40, 240))


def on_table(
    pic: U8, rng: Rng, w: int, h: int, cover: tuple[float, float], turn: float, jitter: float
) -> U8:
    """A print lying on a table, photographed from above: ``cover`` of the frame's height,
    turned up to ``turn`` degrees, corners moved up to ``jitter`` of the width, a soft
    shadow, a band of glare, light falling off across."""
    s = w / 400
    ph0, pw0 = pic.shape[:2]
    scale = float(rng.uniform(*cover)) * h / ph0
    pw, ph = pw0 * scale, ph0 * scale
    a = np.radians(float(rng.uniform(-turn, turn)))
    cx, cy = (
        w / 2 + float(rng.uniform(-0.04, 0.04)) * w,
        h / 2 + float(rng.uniform(-0.04, 0.04)) * h,
    )
    corners = np.array([[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]])
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    dst = corners @ rot.T + [cx, cy] + rng.uniform(-jitter, jitter, (4, 2)) * w
    src = np.array([[0, 0], [pw0, 0], [pw0, ph0], [0, ph0]], np.float32)
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(pic, m, (w, h), flags=cv2.INTER_AREA).astype(np.float32)
    mask = cv2.warpPerspective(np.ones((ph0, pw0), np.float32), m, (w, h), flags=cv2.INTER_LINEAR)[
        :, :, None
    ]
    shadow = cv2.GaussianBlur(
        np.roll(mask[:, :, 0], (int(4 * s), int(3 * s)), axis=(0, 1)), (0, 0), 4 * s
    )
    table = _table(rng, w, h).astype(np.float32) * (
        1 - np.float32(rng.uniform(0.35, 0.5)) * shadow[:, :, None]
    )
    out = table * (1 - mask) + warped * mask
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    g = float(rng.uniform(0, np.pi))
    pos = (xx * np.cos(g) + yy * np.sin(g)) / max(w, h)
    glare = np.exp(-(((pos - float(rng.uniform(0.2, 0.8))) / float(rng.uniform(0.05, 0.15))) ** 2))
    out += (255 * np.float32(rng.uniform(0.1, 0.25)) * glare)[:, :, None] * mask
    out *= (1 - np.float32(rng.uniform(0.05, 0.2)) * pos)[:, :, None]
    return _noise(_u8(out), rng, 3.0)


def instant_print(shot: U8, rng: Rng) -> U8:
    """An instant print of ``shot``: a square crop, faded with a cast, in its white frame
    (wide at the bottom) with a word written on it."""
    h, w = shot.shape[:2]
    side = min(w, h)
    x0, y0 = int(rng.integers(0, w - side + 1)), int(rng.integers(0, h - side + 1))
    sq = shot[y0 : y0 + side, x0 : x0 + side].astype(np.float32)
    cast = (
        np.array([1.06, 1.0, 0.9], np.float32)
        if rng.random() < 0.5
        else np.array([0.92, 1.0, 1.06], np.float32)
    )
    sq = (np.float32(rng.uniform(20, 40)) + sq * np.float32(rng.uniform(0.75, 0.85))) * cast
    b, bottom = max(2, round(0.06 * side)), max(4, round(0.22 * side))
    out = np.empty((side + b + bottom, side + 2 * b, 3), np.uint8)
    out[:] = _tone(rng, (236, 234, 226), (252, 252, 248))
    out[b : b + side, b : b + side] = _u8(sq)
    ink = ((30, 30, 120), (20, 20, 20), (120, 20, 20))[int(rng.integers(0, 3))]
    cv2.putText(
        out,
        _word(rng, (2, 3)),
        (b + side // 8, side + b + bottom * 2 // 3),
        cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
        side / 260,
        ink,
        max(1, side // 150),
        cv2.LINE_AA,
    )
    return out


def crumple(shot: U8, rng: Rng) -> U8:
    """A print of ``shot`` folded in four and crumpled: a paper border, the folds as
    ridges, a crumpled height field bending and shading the picture."""
    h, w = shot.shape[:2]
    s = w / 400
    bd = max(2, int(float(rng.uniform(0.02, 0.05)) * h))
    pic = np.empty((h + 2 * bd, w + 2 * bd, 3), np.uint8)
    pic[:] = _tone(rng, (236, 234, 226), (252, 252, 248))
    pic[bd : bd + h, bd : bd + w] = shot
    ph, pw = pic.shape[:2]
    height = _field(rng, pw, ph, max(4, pw // 6)) * np.float32(rng.uniform(2, 4)) + _field(
        rng, pw, ph, max(2, pw // 25)
    ) * np.float32(rng.uniform(0.6, 1.2))
    yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
    for pos, dist in (
        (float(rng.uniform(0.45, 0.55)) * pw, xx),
        (float(rng.uniform(0.45, 0.55)) * ph, yy),
    ):
        height += float(rng.choice([-1, 1])) * 5 * np.exp(-np.abs(dist - pos) / (0.012 * pw))
    gy, gx = np.gradient(height)
    g = float(np.abs(np.stack([gx, gy])).max()) + 1e-6
    disp = float(rng.uniform(1.5, 4.0)) * s
    bent = cv2.remap(
        pic,
        xx + gx / g * disp,
        yy + gy / g * disp,
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    la = float(rng.uniform(0, 2 * np.pi))
    shade = np.clip(1 + 0.15 * (gx * np.cos(la) + gy * np.sin(la)) / (g * 0.5), 0.8, 1.15)
    return _u8(bent.astype(np.float32) * shade[:, :, None])


def watermark(img: U8, rng: Rng) -> U8:
    """Reposted by a site: a word and a domain tiled diagonally in white with a dark edge, a
    corner badge of two letters, the site's smaller copy scaled back up."""
    h, w = img.shape[:2]
    s = w / 400
    mark = f"{_word(rng, (2, 3))}.{rng.choice(['com', 'net', 'org', 'io'])}"
    d = int(np.hypot(w, h)) + 20
    layer = np.zeros((d, d), np.float32)
    scale = float(rng.uniform(0.7, 1.0)) * s
    tw, th = cv2.getTextSize(mark, cv2.FONT_HERSHEY_DUPLEX, scale, max(1, int(2 * s)))[0]
    step_y = int(float(rng.uniform(0.25, 0.35)) * h)
    for k, y in enumerate(range(th, d, step_y)):
        for x in range(-(k % 2) * tw // 2, d, tw + int(0.3 * w)):
            cv2.putText(
                layer,
                mark,
                (x, y),
                cv2.FONT_HERSHEY_DUPLEX,
                scale,
                1.0,
                max(1, int(2 * s)),
                cv2.LINE_AA,
            )
    m = cv2.getRotationMatrix2D(
        (d / 2, d / 2), float(rng.uniform(25, 40)) * float(rng.choice([-1, 1])), 1.0
    )
    turned = cv2.warpAffine(layer, m, (d, d))
    y0, x0 = (d - h) // 2, (d - w) // 2
    text = turned[y0 : y0 + h, x0 : x0 + w]
    edge = np.clip(cv2.dilate(text, np.ones((3, 3), np.uint8)) - text, 0, 1)
    a = np.float32(rng.uniform(0.22, 0.4))
    out = (
        img.astype(np.float32) * (1 - a * text - 0.5 * a * edge)[:, :, None]
        + (255 * a * text)[:, :, None]
    )
    bw, bh = int(0.14 * w), int(0.07 * w)
    bx = int(rng.choice([int(0.03 * w), w - bw - int(0.03 * w)]))
    by = int(rng.choice([int(0.03 * h), h - bh - int(0.03 * h)]))
    badge = _c(rng, 20, 240)
    cv2.rectangle(out, (bx, by), (bx + bw, by + bh), badge, -1)
    letters = (_word(rng, (1, 1))[:2]).upper()
    ink = (250, 250, 250) if np.mean(badge) < 140 else (15, 15, 15)
    cv2.putText(
        out,
        letters,
        (bx + bw // 5, by + bh * 3 // 4),
        cv2.FONT_HERSHEY_DUPLEX,
        0.5 * s,
        ink,
        1,
        cv2.LINE_AA,
    )
    f = float(rng.uniform(0.6, 0.8))
    small = cv2.resize(
        _u8(out), (max(8, int(w * f)), max(8, int(h * f))), interpolation=cv2.INTER_AREA
    )
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)


def captioned(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A repost with a caption: 1-3 lines of bold syllables over the top 18-30 % of a light
    or dark canvas, the picture (4:3) fitted below, centred."""
    light = rng.random() < 0.7
    out = np.empty((h, w, 3), np.uint8)
    out[:] = (255, 255, 255) if light else (22, 24, 28)
    ink = (15, 15, 15) if light else (240, 240, 240)
    band = int(float(rng.uniform(0.18, 0.3)) * h)
    lines = [
        " ".join(_word(rng, (1, 3)) for _ in range(int(rng.integers(2, 5))))
        for _ in range(int(rng.integers(1, 4)))
    ]
    lh = band / (len(lines) + 0.6)
    thick = max(1, round(w / 250))
    for i, line in enumerate(lines):
        (tw, th), _ = cv2.getTextSize(line, cv2.FONT_HERSHEY_DUPLEX, 1.0, thick)
        scale = min(0.7 * lh / th, 0.94 * w / tw)
        cv2.putText(
            out,
            line,
            (int(0.03 * w), int((i + 0.9) * lh)),
            cv2.FONT_HERSHEY_DUPLEX,
            scale,
            ink,
            thick,
            cv2.LINE_AA,
        )
    margin = int(0.03 * h)
    ph = h - band - margin
    pw = ph * 4 // 3
    if pw > w - 2 * margin:
        pw = w - 2 * margin
        ph = pw * 3 // 4
    pic = _noise(
        render(place.planes(0), moved(place, rng, 0.4, 12), max(8, pw), max(8, ph)), rng, 2.0
    )
    x0 = (w - pic.shape[1]) // 2
    out[band : band + pic.shape[0], x0 : x0 + pic.shape[1]] = pic
    return out


def redacted(img: U8, rng: Rng) -> U8:
    """A privacy-edited repost: 1-3 regions pixelated, blurred or blacked out, a marker
    scribble over one of them."""
    h, w = img.shape[:2]
    s = w / 400
    out = img.copy()
    boxes = []
    for _ in range(int(rng.integers(1, 4))):
        bw, bh = int(float(rng.uniform(0.1, 0.28)) * w), int(float(rng.uniform(0.12, 0.35)) * h)
        x, y = int(rng.integers(0, w - bw)), int(rng.integers(0, h - bh))
        region = out[y : y + bh, x : x + bw]
        how = int(rng.integers(0, 3))
        if how == 0:
            block = max(2, int(float(rng.uniform(5, 12)) * s))
            small = cv2.resize(
                region, (max(1, bw // block), max(1, bh // block)), interpolation=cv2.INTER_AREA
            )
            out[y : y + bh, x : x + bw] = cv2.resize(
                small, (bw, bh), interpolation=cv2.INTER_NEAREST
            )
        elif how == 1:
            out[y : y + bh, x : x + bw] = cv2.GaussianBlur(
                region, (0, 0), float(rng.uniform(5, 9)) * s
            )
        else:
            out[y : y + bh, x : x + bw] = 0
        boxes.append((x, y, bw, bh))
    x, y, bw, bh = boxes[int(rng.integers(0, len(boxes)))]
    n = int(rng.integers(6, 14))
    pts = np.stack([x + rng.uniform(0, bw, n), y + np.linspace(0, bh, n)], 1).astype(np.int32)
    marker = ((230, 30, 40), (30, 30, 220), (20, 20, 20), (250, 200, 20))[int(rng.integers(0, 4))]
    cv2.polylines(out, [pts], False, marker, max(2, int(float(rng.uniform(4, 8)) * s)), cv2.LINE_AA)
    return out


def cartoon(img: U8, rng: Rng) -> U8:
    """A cartoon filter: edge-keeping smoothing, few levels a channel, dark lines where
    the smoothed grey drops below its neighbourhood, stronger colour."""
    smooth = np.asarray(img, np.uint8)
    for _ in range(2):
        smooth = np.asarray(cv2.bilateralFilter(smooth, 7, float(rng.uniform(40, 70)), 5), np.uint8)
    levels = int(rng.integers(5, 9))
    step = 256 / levels
    q = (np.floor(smooth.astype(np.float32) / step) + 0.5) * step
    grey = cv2.medianBlur(cv2.cvtColor(smooth, cv2.COLOR_RGB2GRAY), 5)
    lines = cv2.adaptiveThreshold(
        grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 9, float(rng.uniform(4, 7))
    )
    g = q.mean(axis=2, keepdims=True)
    q = g + (q - g) * np.float32(rng.uniform(1.2, 1.4))
    return _u8(q * (lines.astype(np.float32)[:, :, None] / 255))


def views_v14(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v14's eleven pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(cam: Camera, sigma: float = 2.0) -> U8:
        return _noise(render(planes, cam, w, h), rng, sigma)

    out: dict[str, bytes] = {}
    out["sunpatch"] = _jpeg(
        _noise(sunlit(place, rng, moved(place, rng, 0.4, 12), w, h), rng, 2.0), 85
    )
    out["movingday"] = _jpeg(
        _noise(render(moving_day(place, rng), moved(place, rng, 0.4, 12), w, h), rng, 2.0), 85
    )
    out["panorama"] = _jpeg(panorama(place, rng, w, h), 85)
    out["jello"] = _jpeg(jello(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["halftone"] = _jpeg(halftone(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["instant"] = _jpeg(
        on_table(
            instant_print(shot(moved(place, rng, 0.4, 12)), rng), rng, w, h, (0.6, 0.85), 25, 0.05
        ),
        85,
    )
    out["crumpled"] = _jpeg(
        on_table(crumple(shot(moved(place, rng, 0.4, 12)), rng), rng, w, h, (0.88, 0.96), 6, 0.03),
        85,
    )
    out["watermark"] = _jpeg(watermark(shot(moved(place, rng, 0.4, 12)), rng), 80)
    out["caption"] = _jpeg(captioned(place, rng, w, h), 85)
    out["redacted"] = _jpeg(redacted(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["cartoon"] = _jpeg(cartoon(shot(moved(place, rng, 0.4, 12)), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v14", room=room_v14, views=views_v14)


def main() -> None:
    dry_run("v14", make_pictures, place_kind)


if __name__ == "__main__":
    main()

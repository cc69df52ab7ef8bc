"""Generator v15 of ``bench/link.py``: benign places (laundrettes, church halls, school
science labs, barber shops, hotel corridors, attic bedrooms, basements, changing rooms) as
glass doors, action cameras, handheld night shots, messenger re-shares, prints on a fridge,
ceiling cameras, doorways, makeovers, telephoto details, vertical phone shots, sepia filters
and the opposite corner show them, held out.

Written blind, like v6-v14: its author read only the brief of issue 14 (``issues show 14 |
head -80``), ``STYLE.md`` (``/work/shared/STYLE.md``), the ``[tool.ruff]`` and
``[tool.mypy]`` sections of ``pyproject.toml``, ``bench/link_rooms_v14.py`` whole (for the
interface, the truth format, the place model and the primitives imported below),
``tests/bench/test_link_rooms_v14.py`` whole (for the shape of the tests) and, in
``bench/link.py``, only the generator plumbing: a grep for ``v14`` and the lines round each
hit (the import lines 60-76, ``GENERATORS`` at 608-635, the ``views_*`` dict of
``make_collection`` at 662-700 and the ``--generator`` argument at 1236-1266). Of
``bench/link_rooms_v6.py``-``v13.py`` only the names of their views were read (a grep of
the ``out["..."]`` keys of v6-v14, which finds none in v10, and a grep of v15's twelve
names as quoted strings in every ``bench/link_rooms_v*.py`` and ``bench/link.py``, which
finds none) and the signatures of v9's ``render``, ``Plane``, ``Camera``, ``box_planes``,
v6's ``write_pictures`` and ``dry_run`` and of the v10-v13 primitives imported below were
printed (``inspect.signature``, methods of the classes too); v13's ``_frames`` was printed
for one box (to learn which way the surfaces' textures run) and v9's renderer was run on
six plain-coloured walls (to learn which way a camera's yaw turns); v13's ``_door_on``,
tried on bare walls, drew nothing, so v15 draws its own doors (``_door``). ``python -m
bench.link --help`` was run once to check the plumbing; v15's own pictures were looked at
(a sheet of the original and its twelve views for one place of each kind). Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run on these pictures: use it once, for a held-out figure. v9's projective
renderer, v6's picture writer and dry run, v13's place model (surfaces, boxes, walls, floor
plans, furniture pieces, windows, curtains, wall things, lighting), v14's belongings and
small helpers (mirrors, bottles, signs, whiteboards, seat rows, skirting) and small drawing
primitives of v10-v12 are imported; the kinds of place, their builders, the look-alikes,
the clutter and every view are v15's own.

Run with ``--generator v15 --no-real``. To look at the pictures and the truth without
linking anything: ``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v15 --rooms 12
--out /tmp/v15``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn; an attic's two sloping ceilings too) with its fixed things drawn
into the wall textures (windows with what they show, blinds or curtains, doors, pictures,
signs, sockets, radiators, clocks, exit signs, extinguishers; a laundrette's shop front,
price board and sign; a hall's stage curtains, serving hatch and number board; a lab's
whiteboard, chart, window band, eyewash sign and fire blanket; a barber's long mirror,
price board and products; a corridor's numbered doors, wall lights and fire door; an
attic's roof windows showing the sky; a basement's light well; a changing room's mirror
and showers' doorway) and furniture and fittings as 3-D boxes (washing machines in a row,
dryers two high, a folding table, linked seats, a soap machine; a stage and its steps,
stacks of chairs, folding tables on their edges, a piano; lab benches with black tops, gas
taps and stools, a fume cupboard, glass-fronted cupboards; barber chairs, a counter, a
pole, a bench; a console table; a bed under a slope, a desk, a chest, a wardrobe; stairs,
pipes along the joists, a boiler, shelving of boxes, a freezer, a washing machine, a
workbench; lockers, benches, a rail of hooks). Loose things and bedding change from day to
day. Two pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(600_000_000 + seed)``); no photograph is
read, so two ordinary places cannot share a photographed surface; the tests check that no
two ordinary places share any texture that is not a plain colour. What any two places may
still have alike is what is generic in real places too: socket plates, clock dots, the
Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a main kind of v12-v14): laundrette (4-6.5 x 2.6-3 x 7-11
m, width x height x depth), church hall (8-12 x 3.6-5.5 x 12-18), school science lab (7-10
x 2.7-3.2 x 8-12), barber shop (3.5-5 x 2.6-3.1 x 5-8), hotel corridor (1.8-2.4 x 2.4-2.8 x
14-24), attic bedroom (4-5.6 x 2.3-2.6 x 3.5-5.5, knee walls 0.9-1.3 m, slopes running
1.0-1.4 m in), basement (4-8 x 2.1-2.5 x 5-9), changing room (4-7 x 2.5-3 x 6-10); and, as
look-alikes only, a rental flat's living room, a prefab classroom and a shop's fitting
room. No person is drawn anywhere.

**Views (none of their names used in v6-v14), at the original's size** (a camera "moved
up to 0.4 m" is also turned up to 12 degrees and tilted up to 4; in small places it moves
less: x0.35 in a fitting room, x0.6 in a corridor, x0.7 in an attic, x0.8 in a flat):

- ``glassdoor``: photographed through a glass door: a street (drawn) reflected, mirrored
  and blurred (sigma 1.5-3 px at 400 wide), weight 18-32 % (x0.6 on one side of the
  frame to x1.4 on the other), a green tint, contrast x0.8-0.9, smudges (up to +10-25),
  the door's stile (3-7 % of the width, one side) and top rail, a push bar at 55-70 % of
  the height, a sticker with a word; camera moved up to 0.4 m. JPEG 85.
- ``actioncam``: an action camera: camera moved up to 0.4 m and turned up to 15 degrees, a
  100-115 degree lens, barrel distortion k = 0.25-0.45 (scaled so that the frame stays
  full), saturation x1.15-1.35, contrast x1.05-1.2, a vignette (light x(1 - 0.15-0.3
  r^2), r = 1 at the sides' middles), noise sigma 2.5. JPEG 85.
- ``longexposure``: a handheld night-mode photo: light x0.2-0.35 with a warm cast, shake
  blur along a line of 4-10 px at any angle, luminance noise sigma 3-6 and colour noise 2-4
  (at a quarter size), lifted by the phone (gamma 0.55-0.7, x0.75-0.9); camera moved up
  to 0.4 m. JPEG 85.
- ``reshared``: re-shared through messengers twice: down to 18-30 % of the width at JPEG
  20-35, then 80-100 % of that at JPEG 30-45, shown at the original's size; camera moved up
  to 0.4 m. JPEG 80.
- ``fridgedoor``: a print on a fridge door, photographed: a white, cream or brushed-steel
  door with its handle, 1-3 other papers (lists, a calendar grid), the print 45-65 % of the
  width with a 3 % white border, turned up to 8 degrees, a soft shadow, 2-4 round or
  square magnets near its corners; the whole photographed at an angle (corners moved up to
  6 %), a glare spot (+40-90, 6-15 % of the width); camera moved up to 0.4 m. JPEG 85.
- ``ceilingcam``: a security camera's still: from a front corner 0.15 m under the ceiling
  (moved along the wall and down until clear of fixed things), aimed across and down at
  the floor 45-70 % of the depth in (tilted -3 to +6 degrees more), 85-100 degrees wide,
  rendered at a third of the size, grey (30 %: faintly green), contrast x0.75-0.95,
  interlaced rows shifted 1-2 px (50 %), noise sigma 4, a timestamp and ``CAM nn`` at the
  top (60 %) or bottom. JPEG 60-75.
- ``throughdoor``: from the next room through a doorway: the opening 40-60 % of the width
  (its left edge 5-95 % less that), its head 0-12 % down, the near wall (paint, x0.45-0.75
  darker) with the door's frame (3-5 % of the width) and an open leaf (10-20 % of the
  width) on one side, all out of focus (sigma 3-6 px at 400); camera moved up to 0.4 m.
  JPEG 85.
- ``makeover``: redecorated: the back, left or right wall repainted in a new colour
  (its paint, texels within 30 of its median colour, recoloured, shading kept, what hangs
  on it kept), 1-3 pieces of furniture (footprint 0.1-3 m2, standing on the floor, at most
  2.2 m high) with what stands on them moved 0.3-0.9 m (less in small places), a new rug,
  another day's clutter; camera moved up to 0.4 m. JPEG 85.
- ``telephoto``: a zoomed detail: camera moved up to 0.3 m, turned within 30 % of the
  original's width and tilted -5 to +30 % of its height from the original's aim, 16-28
  degrees wide (up to 1.7 times that in small places), rendered at 55-80 % and scaled up
  (digital zoom). JPEG 85.
- ``pillarbox``: a vertical phone photo, 9:16 to 10:16, 65-80 degrees high, camera moved up
  to 0.4 m, shown in the middle of a landscape frame over a copy of itself enlarged to the
  width, blurred (sigma 12-20 px at 400) and darkened (x0.5-0.7). JPEG 85.
- ``sepia``: a vintage filter: sepia, blacks lifted by 20-45 and contrast x0.7-0.85, a
  vignette (corners x0.35-0.6), grain sigma 5-9, soft (sigma 0.6-1 px), 10-39 dust specks,
  1-3 scratches; camera moved up to 0.4 m. JPEG 85.
- ``oppositecorner``: from the other end: a camera at a back corner, 1.4-1.7 m up (the
  first of 24 spots from the corner inwards clear of fixed things by 0.25 m, never in front
  of 45 % of the depth but in corridors and fitting rooms), aimed at the front wall 10-40
  % of the width across from the middle and 0.3-0.7 m lower, turned up to 8 degrees more,
  66-76 degrees wide. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's: 4-9
of a bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a
fruit bowl, a box, on the tops and the floor), each day's clutter, how each surface is lit,
the camera and, where said, what the windows show, what is hung, pinned or written up.

- *Living rooms of one landlord's identical rental flats* (6 %: ``seed % 50`` in {21, 22,
  23}, kind ``rental flat living room``; template ``601_000_000 + seed // 50``): size,
  paint, skirting, carpet, ceiling, the windows on the back wall with their curtains, the
  door, sockets and radiator, and the landlord's furniture (v13's living-room pieces: sofa,
  chairs, tables, units, lamps, plants, rug). The tenant's own: what the windows show and
  0-2 framed pictures on the side walls.
- *Prefab classrooms of one school* (2 %: ``seed % 100`` in {33, 34}, ``prefab
  classroom``; template ``602_000_000 + seed // 100``): size, panelled walls and rail,
  carpet tiles, ceiling, the window band, the whiteboard's frame, the display boards'
  frames, the desks and chairs in rows, the teacher's desk, cupboards, sockets, clock and
  door. The room's own: what is written on the whiteboard, what is pinned on the display
  boards, what the windows show.
- *Fitting rooms of one chain of shops* (2 %: ``seed % 100`` in {45, 46}, ``fitting
  room``; template ``603_000_000 + seed // 100``): size, paint or wallpaper, carpet, the
  ceiling's light, the curtain, the long mirror (showing the curtain), the number sign,
  the rules card, the hooks and the stool. The shopper's own: 0-3 garments on the hooks.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (21, 22, 23) or seed % 100 in
(33, 34, 45, 46)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (flats) or ``seed // 100`` (classrooms, fitting rooms).

**Pictures per place: 13** (the original and 12 views): ``original`` (PNG),
``glassdoor``, ``actioncam``, ``longexposure``, ``fridgedoor``, ``throughdoor``,
``makeover``, ``telephoto``, ``pillarbox``, ``sepia``, ``oppositecorner`` (JPEG 85),
``reshared`` (JPEG 80) and ``ceilingcam`` (JPEG 60-75), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 flats in every 50 seeds, 2 classrooms
and 2 fitting rooms in every 100); the other seeds draw their kind with equal shares of
1/8 (the tests check each within ±4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): rental flats 60, prefab classrooms 20, fitting rooms 20; of the other
900: attic bedroom 122, barber 122, changing room 121, hotel corridor 117, science lab
113, church hall 111, basement 98, laundrette 96. The first 60 seeds (a default ``--rooms
60`` run): barber 12, attic 9, laundrette 9, corridor 7, changing 5, hall 4, basement 4,
lab 3, flats 3 (seeds 21-23), classrooms 2 (33, 34), fitting rooms 2 (45, 46): every kind
and group is in it.

**Speed**: a dry run of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 6.2 s
(5.8 s of CPU) and one of 315 places at 400x300 took 2 min 53 s (163 s of CPU, 0.52 s a
place of 13 pictures, 136 MB at most), both at ``nice -n 19`` at load average 3.3-3.9 on
the shared 2-core machine; 1.4 s of CPU a place at 800x600 (seeds 200-207, with the
start-up). ``build_place`` ran without error on seeds 0-999 (0.1 s a place). Surfaces are
drawn at 120 texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``600_000_000 + seed``; landlord ``601_000_000 + seed // 50``; school
``602_000_000 + seed // 100``; chain ``603_000_000 + seed // 100``; a day's bedding and
clutter ``604_000_000 + 3 * seed + day`` (day 0 everywhere but ``makeover``, day 1); views
``default_rng([605_000_000, seed, i])`` (``i`` the index ``make_collection`` passes); the
original's sensor noise ``606_000_000 + seed``. Deterministic by seed. Lettering is random
syllables (digits for room, locker and dryer numbers, timestamps). Pictures not made by
``room_v15`` (the real pictures of ``bench/link.py`` when run without ``--no-real``) are
hung as a print 2 m wide on the back wall of a generated laundrette, church hall, attic
bedroom or basement and seen the same ways.
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
    _bricks,
    _c,
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
    _wallpaper,
)
from bench.link_rooms_v12 import _board, _rafters, _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    Top,
    _add,
    _Build,
    _cabinet,
    _carpeted,
    _checker,
    _curtains,
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
from bench.link_rooms_v14 import (
    _along_wall,
    _belongings,
    _bottles,
    _box,
    _carton,
    _inward,
    _mirror,
    _seat_row,
    _side_x,
    _sign,
    _skirting,
    _whiteboard,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 600_000_000
FLAT_SEED = 601_000_000
SCHOOL_SEED = 602_000_000
STORE_SEED = 603_000_000
DAY_SEED = 604_000_000
VIEW_SEED = 605_000_000
SENSOR_SEED = 606_000_000
FLAT_EVERY, FLAT_SLOTS = 50, (21, 22, 23)
SCHOOL_EVERY, SCHOOL_SLOTS = 100, (33, 34)
STORE_EVERY, STORE_SLOTS = 100, (45, 46)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("laundrette", 1 / 8),
    ("church hall", 1 / 8),
    ("science lab", 1 / 8),
    ("barber", 1 / 8),
    ("hotel corridor", 1 / 8),
    ("attic bedroom", 1 / 8),
    ("basement", 1 / 8),
    ("changing room", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "rental flat living room": "rentalflat",
    "prefab classroom": "prefab",
    "fitting room": "fitting",
}
VIEW_KINDS = (
    "glassdoor",
    "actioncam",
    "longexposure",
    "reshared",
    "fridgedoor",
    "ceilingcam",
    "throughdoor",
    "makeover",
    "telephoto",
    "pillarbox",
    "sepia",
    "oppositecorner",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "laundrette": ((4.0, 6.5), (2.6, 3.0), (7.0, 11.0)),
    "church hall": ((8.0, 12.0), (3.6, 5.5), (12.0, 18.0)),
    "science lab": ((7.0, 10.0), (2.7, 3.2), (8.0, 12.0)),
    "barber": ((3.5, 5.0), (2.6, 3.1), (5.0, 8.0)),
    "hotel corridor": ((1.8, 2.4), (2.4, 2.8), (14.0, 24.0)),
    "attic bedroom": ((4.0, 5.6), (2.3, 2.6), (3.5, 5.5)),
    "basement": ((4.0, 8.0), (2.1, 2.5), (5.0, 9.0)),
    "changing room": ((4.0, 7.0), (2.5, 3.0), (6.0, 10.0)),
    "rentalflat": ((3.6, 5.0), (2.4, 2.6), (4.0, 5.5)),
    "prefab": ((6.5, 8.5), (2.5, 2.8), (7.0, 9.5)),
    "fitting": ((1.1, 1.5), (2.2, 2.5), (1.3, 1.8)),
}
SMALL = {"fitting": 0.35, "hotel corridor": 0.6, "attic bedroom": 0.7, "rentalflat": 0.8}
PRINT_KINDS = ("laundrette", "church hall", "attic bedroom", "basement")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_rental_flat(seed: int) -> bool:
    return seed % FLAT_EVERY in FLAT_SLOTS


def is_prefab_classroom(seed: int) -> bool:
    return seed % SCHOOL_EVERY in SCHOOL_SLOTS


def is_fitting_room(seed: int) -> bool:
    return seed % STORE_EVERY in STORE_SLOTS


def is_distractor(seed: int) -> bool:
    return is_rental_flat(seed) or is_prefab_classroom(seed) or is_fitting_room(seed)


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
    if is_rental_flat(seed):
        return "rental flat living room"
    if is_prefab_classroom(seed):
        return "prefab classroom"
    if is_fitting_room(seed):
        return "fitting room"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_rental_flat(seed):
        return np.random.default_rng(FLAT_SEED + seed // FLAT_EVERY)
    if is_prefab_classroom(seed):
        return np.random.default_rng(SCHOOL_SEED + seed // SCHOOL_EVERY)
    if is_fitting_room(seed):
        return np.random.default_rng(STORE_SEED + seed // STORE_EVERY)
    return None


# --- v15's own surfaces and things, every one drawn from the rng it is given --------------------


def _washer(rng: Rng, body: Colour) -> U8:
    """A front-loading washing machine: a control strip with knobs and a display, a
    round door of dark glass with a glint, a coin box."""
    img = _paint(rng, 48, 64, body)
    cv2.rectangle(img, (2, 2), (45, 12), _shade(body, 0.8), -1)
    for k in range(3):
        cv2.circle(img, (7 + 7 * k, 7), 2, _c(rng, 20, 256), -1)
    cv2.rectangle(img, (31, 4), (43, 10), _tone(rng, (20, 40, 20), (40, 80, 50)), -1)
    cv2.circle(img, (24, 38), 16, _tone(rng, (150, 150, 155), (215, 215, 220)), 3)
    cv2.circle(img, (24, 38), 13, _tone(rng, (20, 25, 30), (80, 90, 100)), -1)
    cv2.ellipse(img, (19, 33), (5, 3), -30, 0, 360, (205, 210, 215), -1)
    cv2.rectangle(img, (36, 55), (44, 61), (70, 70, 74), -1)
    return img


def _dryer(rng: Rng, body: Colour) -> U8:
    """A tumble dryer's front: a big round door, a small panel with a coin slot."""
    img = _paint(rng, 64, 48, body)
    cv2.circle(img, (26, 26), 19, _tone(rng, (140, 140, 145), (210, 210, 215)), 3)
    cv2.circle(img, (26, 26), 16, _tone(rng, (25, 25, 30), (90, 95, 100)), -1)
    cv2.rectangle(img, (50, 8), (60, 40), _shade(body, 0.75), -1)
    cv2.rectangle(img, (53, 12), (57, 20), (30, 30, 30), -1)
    cv2.putText(
        img, str(int(rng.integers(1, 40))), (51, 36), cv2.FONT_HERSHEY_PLAIN, 0.6, (20, 20, 20)
    )
    return img


def _lockers(rng: Rng, w: int, h: int, cols: int, rows: int, body: Colour) -> U8:
    """A bank of lockers: doors in a grid, vents, numbers, locks, here and there a key."""
    img = _paint(rng, w, h, _shade(body, 0.65))
    cw, ch = w // cols, h // rows
    start = int(rng.integers(1, 300))
    for r in range(rows):
        for c in range(cols):
            x0, y0 = c * cw + 1, r * ch + 1
            cv2.rectangle(img, (x0, y0), (x0 + cw - 2, y0 + ch - 2), body, -1)
            for k in range(3):
                yv = y0 + 3 + 2 * k
                cv2.line(img, (x0 + cw // 4, yv), (x0 + 3 * cw // 4, yv), _shade(body, 0.6), 1)
            cv2.putText(
                img,
                str(start + r * cols + c),
                (x0 + 2, y0 + ch // 2 + 2),
                cv2.FONT_HERSHEY_PLAIN,
                max(0.5, cw / 40),
                (25, 25, 25),
                1,
            )
            cv2.circle(img, (x0 + cw - 5, y0 + ch // 2), 2, (175, 175, 180), -1)
            if rng.random() < 0.4:
                cv2.rectangle(
                    img,
                    (x0 + cw - 7, y0 + ch // 2 + 2),
                    (x0 + cw - 3, y0 + ch // 2 + 7),
                    _c(rng, 30, 256),
                    -1,
                )
    return img


def _runner(rng: Rng, w: int, h: int, res: float) -> U8:
    """A hotel corridor's carpet: a ground colour, a border down both sides, a motif of
    diamonds and dots repeated along its length."""
    ground = _c(rng, 30, 200)
    img = _paint(rng, w, h, ground)
    border, motif = _c(rng, 20, 230), _c(rng, 20, 240)
    bw = max(2, round(float(rng.uniform(0.12, 0.25)) * res))
    img[:, :bw] = border
    img[:, w - bw :] = border
    step = max(6, round(float(rng.uniform(0.5, 0.9)) * res))
    cx = w // 2
    for y in range(int(rng.integers(0, step)), h, step):
        r = step // 3
        pts = np.array([[cx, y - r], [cx + r, y], [cx, y + r], [cx - r, y]], np.int32)
        cv2.fillPoly(img, [pts], motif)
        for sx in (cx - w // 4, cx + w // 4):
            cv2.circle(img, (sx, y + step // 2), max(1, r // 3), border, -1)
    return img


def _velvet(rng: Rng, w: int, h: int) -> U8:
    """Stage curtains: a deep colour in vertical folds, a pelmet along the top."""
    col = np.array(_tone(rng, (60, 10, 15), (150, 40, 60)), np.float32)
    if rng.random() < 0.4:
        col = np.array(_tone(rng, (10, 30, 60), (40, 80, 140)), np.float32)
    period = float(rng.uniform(0.05, 0.09)) * w + 2
    xs = np.arange(w, dtype=np.float32)
    k = 0.75 + 0.25 * np.sin(2 * np.pi * xs / period + 0.4 * _field(rng, w, 1, max(2, w // 8))[0])
    img = _u8(col[None, None, :] * k[None, :, None] * np.ones((h, 1, 1), np.float32))
    cv2.rectangle(img, (0, 0), (w, max(3, h // 8)), _shade(tuple(int(c) for c in col), 0.8), -1)  # type: ignore[arg-type]
    return img


def _chair_stack(rng: Rng, colour: Colour, n: int) -> U8:
    """A stack of ``n`` plastic chairs from the front: their seats' edges as bands."""
    img = _paint(rng, 32, 16 + 6 * n, _shade(colour, 0.6))
    for k in range(n):
        cv2.rectangle(img, (1, 4 + 6 * k), (30, 7 + 6 * k), colour, -1)
    cv2.rectangle(img, (2, 6 * n + 4), (4, 16 + 6 * n), (60, 60, 60), -1)
    cv2.rectangle(img, (27, 6 * n + 4), (29, 16 + 6 * n), (60, 60, 60), -1)
    return img


def _chart(rng: Rng, w: int, h: int) -> U8:
    """A science chart: rows of coloured cells of one or two letters in families, a title."""
    img = _paint(rng, w, h, _tone(rng, (235, 235, 230), (252, 252, 248)))
    fams = [_c(rng, 90, 256) for _ in range(int(rng.integers(4, 8)))]
    cols, rows = 18, 7
    cw, ch = max(3, (w - 4) // cols), max(3, (h - 12) // (rows + 1))
    for r in range(rows):
        for c in range(cols):
            if r == 0 and 0 < c < cols - 1:
                continue
            if r in (1, 2) and 1 < c < 12:
                continue
            x0, y0 = 2 + c * cw, 10 + r * ch
            cv2.rectangle(img, (x0, y0), (x0 + cw - 1, y0 + ch - 1), fams[(c + r) % len(fams)], -1)
            if cw >= 6:
                cv2.putText(
                    img,
                    chr(65 + int(rng.integers(0, 26))),
                    (x0 + 1, y0 + ch - 2),
                    cv2.FONT_HERSHEY_PLAIN,
                    cw / 20,
                    (20, 20, 20),
                    1,
                )
    _text(img, rng, _word(rng, (2, 4)).upper(), 3, 8, 6, (30, 30, 30))
    return img


def _fume_cupboard(rng: Rng) -> U8:
    """A fume cupboard's front: a frame, a glass sash half down, a lit inside, a panel."""
    body = _tone(rng, (190, 195, 190), (240, 240, 235))
    img = _paint(rng, 64, 96, body)
    cv2.rectangle(img, (4, 14), (59, 70), _tone(rng, (150, 170, 175), (200, 215, 220)), -1)
    cv2.rectangle(img, (4, 14 + int(rng.integers(14, 36))), (59, 70), (110, 130, 135), 2)
    cv2.rectangle(img, (4, 74), (59, 92), _shade(body, 0.8), -1)
    cv2.rectangle(img, (8, 3), (30, 10), (30, 30, 30), -1)
    cv2.circle(img, (40, 7), 2, (30, 200, 40), -1)
    return img


def _pole(rng: Rng) -> U8:
    """A barber's pole: diagonal stripes in two or three colours, caps."""
    img = np.empty((64, 16, 3), np.uint8)
    cols = [(240, 240, 240), _tone(rng, (170, 10, 10), (230, 50, 50))]
    if rng.random() < 0.6:
        cols.append(_tone(rng, (10, 30, 140), (50, 80, 210)))
    yy, xx = np.mgrid[0:64, 0:16]
    band = ((yy + xx) // 5) % len(cols)
    for k, col in enumerate(cols):
        img[band == k] = col
    img[:4], img[-4:] = (180, 180, 185), (180, 180, 185)
    return img


def _panels(rng: Rng, w: int, h: int, colour: Colour, res: float) -> U8:
    """A prefab building's wall: painted panels with joints every 1.2 m and a rail."""
    img = _paint(rng, w, h, colour)
    step = max(6, round(1.2 * res))
    for x in range(int(rng.integers(0, step)), w, step):
        cv2.line(img, (x, 0), (x, h), _shade(colour, 0.78), 1)
    y = h - round(float(rng.uniform(0.9, 1.1)) * res)
    cv2.rectangle(img, (0, y - 2), (w, y + 2), _c(rng, 60, 230), -1)
    return img


def _sky(rng: Rng, w: int, h: int) -> U8:
    """A roof window's view: sky from blue to pale, soft clouds."""
    top = np.array(_tone(rng, (60, 110, 180), (140, 180, 230)), np.float32)
    low = np.array(_tone(rng, (170, 195, 220), (230, 235, 245)), np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    img = top * (1 - t) + low * t + np.zeros((1, w, 1), np.float32)
    cloud = np.clip(_field(rng, w, h, max(3, w // 3)) * 1.8 - 0.2, 0, 1)[:, :, None]
    return _u8(img * (1 - cloud) + 245 * cloud)


def _storage(rng: Rng, w: int, h: int) -> U8:
    """Metal shelving of cartons and plastic boxes."""
    img = _paint(rng, w, h, _tone(rng, (90, 90, 95), (170, 170, 175)))
    shelves = int(rng.integers(3, 6))
    sh = h // shelves
    for k in range(shelves):
        x = 2
        while x < w - 8:
            bw = int(rng.integers(w // 6, w // 3))
            bh = int(sh * rng.uniform(0.5, 0.9))
            if rng.random() < 0.6:
                box = cv2.resize(_carton(rng), (bw, bh), interpolation=cv2.INTER_AREA)
            else:
                box = _paint(rng, bw, bh, _c(rng, 20, 256))
                cv2.rectangle(box, (0, 0), (bw - 1, bh // 5), _shade(_c(rng, 20, 256), 0.8), -1)
            _paste(img, np.asarray(box, np.uint8), x, (k + 1) * sh - 3 - bh)
            x += bw + int(rng.integers(1, 4))
        cv2.rectangle(img, (0, (k + 1) * sh - 3), (w, (k + 1) * sh), (60, 60, 64), -1)
    return img


def _garment(rng: Rng) -> U8:
    """A garment on a hanger: cloth in one colour or a print, a collar or a waistband."""
    img = _fabric(rng, 32, 48) if rng.random() < 0.5 else _paint(rng, 32, 48, _c(rng, 20, 250))
    cv2.line(img, (8, 2), (24, 2), (40, 40, 40), 2)
    cv2.rectangle(img, (12, 2), (20, 6), _shade(_c(rng, 20, 250), 0.8), -1)
    return img


def _door(
    wall: _Wall, rng: Rng, colour: Colour, wm: float = 0.9, along: float | None = None
) -> bool:
    """A door 2.0-2.1 m high and ``wm`` wide, ``along`` m from the wall texture's left
    edge (anywhere it fits if None): a frame, two panels or a glass panel, a handle, a
    kick plate now and then. Whether there was room for it."""
    hm = float(rng.uniform(2.0, 2.1))
    y = wall.y_of(hm + 0.05)
    dw, dh = wall.px(wm + 0.1), wall.img.shape[0] - y - 3  # down to the threshold
    tw = wall.img.shape[1]
    starts = (
        [wall.x_of(along)]
        if along is not None
        else [int(rng.integers(0, max(1, tw - dw))) for _ in range(12)]
    )
    for x in starts:
        if x < 0 or x + dw > tw or not wall.claim(x, y, dw, dh, gap=0):
            continue
        frame = (
            _tone(rng, (215, 215, 210), (250, 250, 245))
            if rng.random() < 0.6
            else _shade(colour, 0.7)
        )
        door = _paint(rng, dw, dh, colour)
        f = max(2, dw // 14)
        cv2.rectangle(door, (0, 0), (dw - 1, dh - 1), frame, f)
        if rng.random() < 0.3:
            glass = _tone(rng, (150, 170, 180), (210, 225, 230))
            cv2.rectangle(door, (dw // 4, dh // 8), (3 * dw // 4, dh // 2), glass, -1)
        else:
            for y0, y1 in ((dh // 10, dh // 2 - dh // 20), (dh // 2 + dh // 20, dh - dh // 10)):
                cv2.rectangle(door, (dw // 6, y0), (5 * dw // 6, y1), _shade(colour, 0.82), 1)
        hx = dw - dw // 6 if rng.random() < 0.5 else dw // 6
        cv2.rectangle(door, (hx - 2, dh // 2 - 2), (hx + 3, dh // 2 + 1), (200, 200, 190), -1)
        if rng.random() < 0.3:
            cv2.rectangle(door, (f, dh - dh // 10), (dw - f, dh - f), (175, 175, 180), -1)
        _paste(wall.img, door, x, y)
        return True
    return False


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
    slope: tuple[float, float] | None = None  # an attic's knee height and slope's run (m)
    cache: dict[int, list[Plane]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = surface_planes(self) + box_planes_of(self, day)
        return self.cache[day]

    def textures(self) -> dict[str, U8]:
        """Every texture of the place as drawn, by name (for the tests)."""
        out = {f"surface {k}": s.tex for k, s in self.surfaces.items()}
        for i, b in enumerate(self.boxes):
            out |= {f"box {i} {k}": v for k, v in b.tex.items()}
        for i, b in enumerate(self.belongings):
            out |= {f"belonging {i} {k}": v for k, v in b.tex.items()}
        return out


@dataclass
class _Build15(_Build):
    """v13's building state and the occupant's own fixed-looking things (a look-alike's
    garments on their hooks), kept apart from the template's."""

    own_boxes: list[Box] = field(default_factory=list)


def _wall_texture(b: _Build, name: str, make: Any) -> None:
    tw, th, res = b.texels(name)
    b.fill(name, make(tw, th, res))


def _lower_tiles(b: _Build, high: float, tile: Colour, grout: Colour, size: float) -> None:
    """Tiles up to ``high`` m on every wall, paint above."""
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        y = round((b.h - high) * res)
        b.surfaces[name].tex[y:] = _tiles(b.fix, tw, th - y, max(3, round(size * res)), tile, grout)


def _own_art(wall: _Wall, o: Rng, lo: float, hi: float, top: float) -> None:
    """A framed picture of the occupant's own, where there is room on ``wall``."""
    aw, ah = wall.px(float(o.uniform(lo, hi))), wall.px(float(o.uniform(lo, hi)))
    for _ in range(12):
        x = int(o.integers(2, max(3, wall.img.shape[1] - aw - 2)))
        y = wall.y_of(top)
        if wall.claim(x, y, aw, ah, gap=2):
            art = _art(o, aw, ah)
            cv2.rectangle(art, (0, 0), (aw - 1, ah - 1), _c(o, 10, 250), max(2, aw // 20))
            _paste(wall.img, art, x, y)
            return


# --- building a place: one function a kind draws its shell, fixed things and furniture ---------


def _build_laundrette(b: _Build) -> None:
    """A laundrette: a shop front behind the camera, tiles to a dado or paint, a chequered
    or lino floor, a suspended ceiling, washing machines along one wall, dryers two high
    along the other, a folding table, a row of seats, a soap machine, a price board, a
    sign, posters, a noticeboard, a clock."""
    r = b.fix
    b.paint_walls(_c(r, 140, 250))
    if r.random() < 0.6:
        _lower_tiles(b, float(r.uniform(1.2, 1.6)), _c(r, 150, 250), _c(r, 110, 230), 0.15)
    tw, th, res = b.texels("front")
    front = _outside(r, tw, th)
    bar = _c(r, 20, 200)
    cv2.rectangle(front, (0, 0), (tw - 1, th - 1), bar, max(3, round(0.08 * res)))
    b.fill("front", front)
    b.floor(_checker if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 1.6)
    wside = str(r.choice(["left", "right"]))
    dside = "right" if wside == "left" else "left"
    washer = _washer(r, _tone(r, (200, 200, 200), (250, 250, 250)))
    z = float(r.uniform(1.8, 2.4))
    while z + 0.35 < b.d - 0.5:
        x = _side_x(b, wside, 0.65)
        b.boxes.append(Box(x, z, 0.65, 0.62, 0.9, 0.0, _faces({"front": washer}, _inward(wside))))
        b.tops.append((x, z, 0.4, 0.4, 0.9))
        fl.take(x, z, 0.7, 0.65)
        z += 0.65
    dryer = _dryer(r, _tone(r, (160, 160, 165), (240, 240, 240)))
    z = float(r.uniform(2.2, 3.0))
    while z + 0.4 < b.d - 0.5:
        x = _side_x(b, dside, 0.7)
        for level in (0.0, 0.85):
            b.boxes.append(
                Box(x, z, 0.7, 0.78, 0.85, level, _faces({"front": dryer}, _inward(dside)))
            )
        fl.take(x, z, 0.75, 0.8)
        z += 0.8
    spot = fl.middle(r, 2.0, 0.8)
    if spot:
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.9)
    cloth = _paint(r, 32, 32, _c(r, 20, 240))
    frame = _steel(r, 32, 16, int(r.integers(90, 200)))
    n = int(r.integers(3, 6))
    _seat_row(b, float(r.uniform(-0.3, 0.3)) * b.w, 1.4, n, False, "back", cloth, frame)
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), 2.4, min(b.h - 0.05, 2.6))
    back.put(
        _board(r, back.px(float(r.uniform(0.6, 1.0))), back.px(float(r.uniform(0.7, 1.0))), False),
        2.0,
        2.2,
    )
    spot = fl.against(r, 0.6, 0.5, ("back",))
    if spot:
        machine = _paint(r, 32, 64, _c(r, 20, 240))
        _paste(machine, _label(r, 24, 20), 4, 6)
        cv2.rectangle(machine, (10, 40), (22, 46), (30, 30, 30), -1)
        _box(b, spot, 1.6, {"front": machine}, top=False)
    _noticeboard(b.wall(str(r.choice(["back", dside]))))
    for name in ("back", "left", "right"):
        _poster(b.wall(name), int(r.integers(0, 3)))
        extra = tuple(k for k, p in (("clock", 0.4), ("extinguisher", 0.3)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(back, r, _c(r, 40, 240))


def _build_hall(b: _Build) -> None:
    """A church hall: panelling to a dado, paint above, a wooden floor with court lines, a
    roof of trusses or a plain ceiling, tall windows on both sides, a stage with curtains
    and steps at the back, stacks of chairs, folding tables on their edges, a serving hatch,
    a piano, a noticeboard, a board of numbers, radiators."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    lo = float(r.uniform(1.0, 1.3))
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        y = round((b.h - lo) * res)
        b.surfaces[name].tex[y:] = _panelling(r, tw, th - y)
    tw, th, res = b.texels("floor")
    floor = _planks(r, tw, th, res)
    line = _c(r, 20, 256)
    m = round(float(r.uniform(1.5, 2.5)) * res)
    cv2.rectangle(floor, (m, m), (tw - m, th - m), line, max(1, round(0.05 * res)))
    cv2.line(floor, (m, th // 2), (tw - m, th // 2), line, max(1, round(0.05 * res)))
    b.fill("floor", floor)
    b.ceiling(_roof if r.random() < 0.6 else _plain_ceiling)
    sd = float(r.uniform(2.5, 3.5))
    sh = float(r.uniform(0.6, 0.9))
    sw = b.w * float(r.uniform(0.6, 0.8))
    stage = _panelling(r, 96, 32)
    b.boxes.append(
        Box(0.0, b.d - sd / 2, sw, sd, sh, 0.0, {"front": stage, "top": _planks(r, 64, 64, 20)})
    )
    for k in range(2):
        b.boxes.append(
            Box(
                sw / 2 - 0.5,
                b.d - sd - 0.2 - 0.25 * k,
                0.9,
                0.25,
                sh * (2 - k) / 3,
                0.0,
                {"front": stage},
            )
        )
    back = b.wall("back")
    cw = back.px(sw)
    ch = back.px(min(b.h - sh - 0.2, float(r.uniform(2.4, 3.2))))
    cx = (back.img.shape[1] - cw) // 2
    if back.claim(cx, back.y_of(sh + ch / back.px(1.0)), cw, ch, gap=0):
        _paste(back.img, _velvet(r, cw, ch), cx, back.y_of(sh + ch / back.px(1.0)))
    fl = _Floor(b.w, b.d - sd - 0.6, 2.0)
    for side in ("left", "right"):
        _windows(
            b,
            side,
            r,
            int(r.integers(2, 5)),
            float(r.uniform(1.3, 1.7)),
            (1.0, 1.6),
            min(b.h - 2.0, float(r.uniform(1.8, 2.6))),
            _c(r, 40, 240),
        )
    chair_col = _c(r, 20, 240)
    for _ in range(int(r.integers(2, 6))):
        n = int(r.integers(5, 11))
        spot = fl.against(r, 0.5, 0.55)
        if spot:
            _box(b, spot, 0.9 + 0.06 * n, {"front": _chair_stack(r, chair_col, n)}, top=False)
    table = _wood(r, 64, 32, _wood_tone(r), 16)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.8, 0.1, ("left", "right"))
        if spot:
            _box(b, spot, 0.75, {"front": table, "back": table}, top=False)
    hside = str(r.choice(["left", "right"]))
    hw = b.wall(hside)
    pw, ph = hw.px(float(r.uniform(1.5, 2.2))), hw.px(0.9)
    along = _along_wall(hw, hside, b.d * float(r.uniform(0.3, 0.5)))
    if hw.claim(hw.x_of(along), hw.y_of(1.95), pw, ph, gap=2):
        shutter = _paint(r, pw, ph, _c(r, 100, 230))
        for y in range(0, ph, max(3, ph // 16)):
            cv2.line(shutter, (0, y), (pw, y), _shade(_c(r, 100, 230), 0.7), 1)
        _paste(hw.img, shutter, hw.x_of(along), hw.y_of(1.95))
    spot = fl.against(r, 1.5, 0.6)
    if spot:
        piano = _wood(r, 64, 48, _shade(_wood_tone(r), 0.5), 64)
        keys = _paint(r, 64, 8, _tone(r, (225, 222, 210), (250, 250, 245)))
        keys[:, ::3] = (20, 20, 20)
        _box(b, spot, 1.25, {"front": piano, "top": keys})
    for name in ("left", "right", "front"):
        extra = tuple(k for k, p in (("radiator", 0.7), ("exit", 0.5)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _noticeboard(b.wall(str(r.choice(["left", "right"]))))
    nw = b.wall(str(r.choice(["left", "right"])))
    nb = _wood(r, nw.px(0.6), nw.px(0.9), _wood_tone(r), 64)
    for k in range(4):
        _text(
            nb, r, str(int(r.integers(1, 800))), 6, 14 + k * nb.shape[0] // 5, 10, (240, 240, 230)
        )
    nw.put(nb, 2.2, 2.4)
    _door(b.wall("front"), r, _c(r, 40, 220), wm=1.6)
    _door(b.wall(str(r.choice(["left", "right"]))), r, _c(r, 40, 220))


def _build_lab(b: _Build) -> None:
    """A school science lab: paint or blocks, a band of windows with blinds, lino, a
    suspended ceiling, rows of benches with black tops, gas taps, sinks and stools, a
    fume cupboard, glass-fronted cupboards, a whiteboard and a teacher's bench at the
    back, a chart, safety signs, an eyewash sign, a fire blanket."""
    r = b.fix
    colour = _c(r, 150, 250)
    if r.random() < 0.5:
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _blocks(r, tw, th, colour, True))
    else:
        b.paint_walls(colour)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    wall = b.wall(side)
    along, ww = 0.5, float(r.uniform(1.2, 1.8))
    frame = _c(r, 40, 220)
    while along + ww < wall.length - 0.4:
        view = _outside(r, wall.px(ww), wall.px(1.3))
        if _window(wall, r, view, along, 1.0, ww, 1.3, frame) and r.random() < 0.5:
            _paste(
                wall.img,
                _blind(r, wall.px(ww), wall.px(float(r.uniform(0.2, 0.8)))),
                wall.x_of(along),
                wall.y_of(2.3),
            )
        along += ww + float(r.uniform(0.2, 0.4))
    back = b.wall("back")
    back.put(_whiteboard(r, back.px(float(r.uniform(2.0, 3.0))), back.px(1.1)), 2.1, 2.2)
    ow = b.wall(other)
    ow.put(
        _chart(r, ow.px(float(r.uniform(1.0, 1.5))), ow.px(float(r.uniform(0.6, 0.9)))), 2.1, 2.3
    )
    for _ in range(int(r.integers(1, 3))):
        ow.put(_sign(r, ow.px(0.4), ow.px(0.3)), 1.7, 2.0)
    eye = _paint(r, 16, 16, _tone(r, (20, 130, 60), (60, 180, 100)))
    cv2.line(eye, (3, 8), (13, 8), (250, 250, 250), 2)
    ow.put(eye, 1.6, 1.8)
    fl = _Floor(b.w, b.d, 1.5)
    bench = {
        "front": _cabinet(r, 4, 2, _c(r, 60, 230)),
        "top": _paint(r, 32, 32, _tone(r, (20, 20, 22), (60, 60, 64))),
    }
    tap = _steel(r, 8, 8, int(r.integers(140, 210)))
    stool = _piece(r, "stool")
    rows = int(r.integers(2, 4))
    for k in range(rows):
        z = 2.2 + k * float(r.uniform(1.8, 2.2))
        for x in (-b.w / 4, b.w / 4):
            if not fl.fits(x, z, 2.4, 0.9):
                continue
            fl.take(x, z, 2.4, 1.6)
            b.boxes.append(Box(x, z, 2.4, 0.9, 0.9, 0.0, {**bench, "back": bench["front"]}))
            b.tops.append((x, z, 1.8, 0.6, 0.9))
            for dx in (-0.6, 0.0, 0.6):
                b.boxes.append(Box(x + dx, z, 0.04, 0.04, 0.18, 0.9, {"front": tap}))
            for dx in (-0.6, 0.6):
                b.boxes.append(Box(x + dx, z - 0.7, 0.04, 0.04, 0.65, 0.0, {"front": stool["leg"]}))
                b.boxes.append(
                    Box(
                        x + dx,
                        z - 0.7,
                        0.34,
                        0.34,
                        0.05,
                        0.65,
                        {"front": stool["front"], "top": stool["top"]},
                    )
                )
    spot = fl.against(r, 1.5, 0.8, ("back", other))
    if spot:
        _box(b, spot, 2.3, {"front": _fume_cupboard(r)}, top=False)
    glass = _bottles(r, 64, 96, _tone(r, (200, 210, 210), (240, 245, 245)))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.0, 0.45, (other,))
        if spot:
            _box(b, spot, 2.0, {"front": glass}, top=False)
    spot = fl.against(r, 2.0, 0.7, ("back",))
    if spot:
        _add(b.boxes, b.tops, "counter", {"front": bench["front"], "top": bench["top"]}, spot, 0.95)
    for name in ("back", "left", "right", "front"):
        extra = tuple(
            k for k, p in (("clock", 0.3), ("exit", 0.4), ("extinguisher", 0.6)) if r.random() < p
        )
        _small_things(b.wall(name), ("socket", "socket", *extra))
    blanket = _paint(r, 16, 24, _tone(r, (170, 20, 20), (230, 60, 50)))
    b.wall(str(r.choice(["back", other]))).put(blanket, 1.8, 1.9)
    _door(b.wall("front"), r, _c(r, 40, 220))


def _build_barber(b: _Build) -> None:
    """A barber shop: brick, panelling or paint, a black-and-white or wooden floor, one long
    mirror over a counter along one wall with heavy barber chairs before it, a pole by the
    door, shelves of products, a price board, a bench for waiting, a TV, a coat stand."""
    r = b.fix
    what = r.random()
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if what < 0.35:
            b.fill(name, _bricks(r, tw, th, _tone(r, (110, 50, 30), (190, 120, 90))))
        elif what < 0.6:
            tex = _paint(r, tw, th, _c(r, 60, 240))
            y = round((b.h - 1.1) * res)
            tex[y:] = _panelling(r, tw, th - y)
            b.fill(name, tex)
    if what >= 0.6:
        b.paint_walls(_c(r, 40, 250))
    b.floor(_checker if r.random() < 0.7 else _planks)
    b.ceiling(_plain_ceiling)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    wall = b.wall(side)
    fl = _Floor(b.w, b.d, 1.2)
    z0, z1 = 1.6, b.d - 0.8
    mh = float(r.uniform(0.9, 1.2))
    wall.put(
        _mirror(r, wall.px(z1 - z0), wall.px(mh)),
        1.0 + mh,
        1.05 + mh,
        along=(_along_wall(wall, side, z0 if side == "left" else z1) - 0.05,) * 2,
        tries=2,
    )
    counter = (
        _wood(r, 64, 16, _wood_tone(r), 16)
        if r.random() < 0.5
        else _paint(r, 64, 16, _c(r, 20, 240))
    )
    x = _side_x(b, side, 0.45)
    b.boxes.append(
        Box(
            x,
            (z0 + z1) / 2,
            0.45,
            z1 - z0,
            0.85,
            0.0,
            _faces({"front": counter, "top": counter}, _inward(side)),
        )
    )
    b.tops.append((x, (z0 + z1) / 2, 0.3, (z1 - z0) * 0.8, 0.85))
    fl.take(x, (z0 + z1) / 2, 0.45, z1 - z0)
    leather = _paint(
        r, 32, 32, _tone(r, (20, 10, 10), (160, 30, 30)) if r.random() < 0.6 else _c(r, 10, 200)
    )
    chrome = _steel(r, 16, 16, int(r.integers(150, 220)))
    sgn = -1 if side == "left" else 1
    z = z0 + 0.6
    while z < z1 - 0.3:
        cx = sgn * (b.w / 2 - 1.2)
        b.boxes.append(Box(cx, z, 0.5, 0.5, 0.35, 0.0, {"front": chrome, "top": chrome}))
        b.boxes.append(
            Box(cx, z, 0.6, 0.6, 0.18, 0.35, _faces({"front": leather, "top": leather}, side))
        )
        b.boxes.append(
            Box(cx - sgn * 0.27, z, 0.08, 0.6, 0.7, 0.53, _faces({"front": leather}, side))
        )
        b.boxes.append(
            Box(cx - sgn * 0.27, z, 0.1, 0.25, 0.15, 1.25, _faces({"front": leather}, side))
        )
        fl.take(cx, z, 0.9, 0.9)
        z += float(r.uniform(1.1, 1.4))
    pole = _pole(r)
    b.boxes.append(
        Box(
            -sgn * (b.w / 2 - 0.1),
            0.8,
            0.14,
            0.14,
            0.7,
            1.4,
            dict.fromkeys(("front", "left", "right", "back"), pole),
        )
    )
    back = b.wall("back")
    back.put(
        _bottles(r, back.px(float(r.uniform(1.0, 1.8))), back.px(0.7), _c(r, 40, 250)), 2.0, 2.2
    )
    ow = b.wall(other)
    ow.put(
        _board(r, ow.px(float(r.uniform(0.6, 0.9))), ow.px(float(r.uniform(0.8, 1.1))), True),
        2.0,
        2.2,
    )
    if r.random() < 0.7:
        ow.put(_screen(r, ow.px(0.8), ow.px(0.45)), 2.3, min(b.h - 0.1, 2.5))
    for _ in range(int(r.integers(0, 3))):
        _framed_art(ow, 0.3, 0.6, (1.6, 2.0))
    spot = fl.against(r, float(r.uniform(1.4, 2.2)), 0.6, (other,))
    if spot:
        _add(b.boxes, b.tops, "sofa", _piece(r, "sofa"), spot, 0.85)
    if r.random() < 0.6:
        spot = fl.against(r, 0.4, 0.4)
        if spot:
            stand = _wood(r, 8, 32, _wood_tone(r), 32)
            _box(b, spot, 1.8, {"front": stand, "left": stand}, top=False)
    for name in ("back", side, other):
        _small_things(b.wall(name), ("socket",) + (("clock",) if r.random() < 0.4 else ()))
    _door(back, r, _c(r, 30, 220), wm=0.8)


def _build_corridor(b: _Build) -> None:
    """A hotel corridor: wallpaper or paint over a dado, a patterned runner carpet, a plain
    ceiling with downlights, numbered doors on both sides, wall lights, framed prints, a
    fire door with glass at the far end, exit signs, a console table with a mirror."""
    r = b.fix
    paper = r.random() < 0.6
    colour = _c(r, 120, 240)
    lo = float(r.uniform(0.9, 1.1)) if r.random() < 0.5 else 0.0
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        tex = _wallpaper(r, tw, th) if paper else _paint(r, tw, th, colour)
        if lo:
            y = round((b.h - lo) * res)
            tex[y:] = _paint(r, tw, th - y, _c(r, 40, 200))
            tex[y - 2 : y + 1] = _wood_tone(r)
        b.fill(name, tex)
    _skirting(b, _wood_tone(r) if r.random() < 0.5 else (235, 235, 230), 0.12)
    b.floor(_runner)
    tw, th, res = b.texels("ceiling")
    ceiling = _plain_ceiling(r, tw, th, res)
    for y in range(round(1.5 * res), th, max(8, round(float(r.uniform(2.0, 3.0)) * res))):
        cv2.circle(ceiling, (tw // 2, y), max(2, round(0.06 * res)), (252, 250, 240), -1)
    b.fill("ceiling", ceiling)
    door_col = _c(r, 30, 220) if r.random() < 0.6 else _wood_tone(r)
    plate = _tone(r, (150, 120, 50), (230, 200, 120))
    first = int(r.integers(1, 9)) * 100 + int(r.integers(1, 20))
    step = float(r.uniform(3.2, 4.5))
    sconce = _paint(r, 16, 16, _tone(r, (220, 200, 150), (255, 245, 210)))
    for k, side in enumerate(("left", "right")):
        wall = b.wall(side)
        z = float(r.uniform(1.5, 2.5)) + k * step / 2
        num = first + k
        while z + 1.0 < b.d - 0.5:
            along = _along_wall(wall, side, z)
            start = along - 0.45
            if _door(wall, r, door_col, wm=0.9, along=start):
                pl = _paint(r, wall.px(0.16), wall.px(0.1), plate)
                _text(pl, r, str(num), 1, pl.shape[0] - 2, max(4, pl.shape[0] - 4), (25, 25, 25))
                px_ = wall.x_of(start + 1.0)
                if wall.claim(px_, wall.y_of(1.6), pl.shape[1], pl.shape[0], gap=0):
                    _paste(wall.img, pl, px_, wall.y_of(1.6))
            num += 2
            lamp = _along_wall(wall, side, z + step / 2)
            if wall.claim(wall.x_of(lamp), wall.y_of(2.0), wall.px(0.14), wall.px(0.2), gap=0):
                _paste(
                    wall.img,
                    np.asarray(cv2.resize(sconce, (wall.px(0.14), wall.px(0.2))), np.uint8),
                    wall.x_of(lamp),
                    wall.y_of(2.0),
                )
            z += step
        for _ in range(int(r.integers(0, 3))):
            _framed_art(wall, 0.4, 0.7, (1.7, 1.9))
    back = b.wall("back")
    dw, dh = back.px(min(b.w - 0.3, 1.6)), back.px(2.1)
    dx = (back.img.shape[1] - dw) // 2
    if back.claim(dx, back.y_of(2.1), dw, dh, gap=0):
        fire = _paint(r, dw, dh, _c(r, 30, 220))
        cv2.line(fire, (dw // 2, 0), (dw // 2, dh), (40, 40, 40), 2)
        for gx in (dw // 8, dw // 2 + dw // 8):
            cv2.rectangle(
                fire,
                (gx, dh // 8),
                (gx + dw // 4, dh // 2),
                _tone(r, (150, 170, 175), (200, 215, 220)),
                -1,
            )
        _paste(back.img, fire, dx, back.y_of(2.1))
    _small_things(back, ("exit",))
    if r.random() < 0.6:
        side = str(r.choice(["left", "right"]))
        z = float(r.uniform(3.0, b.d - 3.0))
        x = _side_x(b, side, 0.35)
        if abs(x) > 0.3:
            _add(
                b.boxes, b.tops, "table", _piece(r, "table"), (x, z, 0.35, 1.0, _inward(side)), 0.8
            )
            wall = b.wall(side)
            wall.put(
                _mirror(r, wall.px(0.7), wall.px(0.9)),
                1.9,
                2.0,
                along=(_along_wall(wall, side, z) - 0.35,) * 2,
                tries=1,
            )
    if r.random() < 0.5:
        x = _side_x(b, "left", 0.3)
        b.boxes.append(
            Box(
                x,
                b.d * 0.5,
                0.3,
                0.6,
                0.5,
                0.0,
                {"front": _paint(r, 16, 16, (200, 30, 30)), "top": _label(r, 16, 16)},
            )
        )


def _slope_surfaces(w: float, h: float, d: float, knee: float, run: float) -> dict[str, Surface]:
    """An attic's two sloping ceilings, from the knee walls up to the flat middle."""
    length = float(np.hypot(run, h - knee))
    out: dict[str, Surface] = {}
    for name, origin, u, v in (
        ("slope left", _vec(-w / 2 + run, h, 0.0), _vec(0, 0, 1), _vec(-run, knee - h, 0) / length),
        ("slope right", _vec(w / 2 - run, h, d), _vec(0, 0, -1), _vec(run, knee - h, 0) / length),
    ):
        size = (d, length)
        res = min(RES, float(np.sqrt(SURFACE_TEXELS / (size[0] * size[1]))))
        tw, th = max(8, round(size[0] * res)), max(8, round(size[1] * res))
        out[name] = Surface(name, np.zeros((th, tw, 3), np.uint8), origin, u, v, size, res)
    return out


def _build_attic(b: _Build) -> None:
    """An attic bedroom: sloping ceilings with roof windows showing the sky, low knee walls,
    a gable window, boards or carpet, a bed under one slope, a desk under the other, a
    chest of drawers, a wardrobe against a gable wall, shelves, pictures, a rug."""
    r = b.fix
    colour = _c(r, 150, 250)
    b.paint_walls(colour)
    for name in ("slope left", "slope right"):
        tw, th, _res = b.texels(name)
        b.fill(name, _paint(r, tw, th, _shade(colour, float(r.uniform(0.95, 1.05)))))
        wall = b.wall(name)
        frame = (236, 236, 232) if r.random() < 0.6 else _wood_tone(r)
        for _ in range(int(r.integers(1, 3))):
            ww = float(r.uniform(0.6, 0.9))
            along = float(r.uniform(0.4, max(0.5, wall.length - ww - 0.4)))
            _window(wall, r, _sky(r, wall.px(ww), wall.px(1.0)), along, 0.45, ww, 1.0, frame)
        if r.random() < 0.4:
            beam = _wood(r, 16, 64, _wood_tone(r), 16)
            tw, th, res = b.texels(name)
            bw = max(2, round(0.12 * res))
            for x in range(
                int(r.integers(0, tw // 3)), tw - bw, max(8, tw // int(r.integers(2, 5)))
            ):
                b.surfaces[name].tex[:, x : x + bw] = np.asarray(
                    cv2.resize(beam, (bw, th)), np.uint8
                )
    b.floor(_planks if r.random() < 0.6 else _carpeted)
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    if r.random() < 0.7:
        ww = float(r.uniform(0.6, 1.0))
        _window(
            back,
            r,
            _outside(r, back.px(ww), back.px(1.0)),
            (b.w - ww) / 2,
            1.0,
            ww,
            1.0,
            (236, 236, 232),
        )
        if r.random() < 0.5:
            _curtains(back, r, (b.w - ww) / 2, 1.0, ww, 1.0, _fabric(r, 48, 96))
    else:
        _framed_art(back, 0.5, 0.9, (1.8, 2.1))
    _door(b.wall("front"), r, _c(r, 60, 240), along=float(r.uniform(0.3, 0.6)) * b.w)
    bed_side = str(r.choice(["left", "right"]))
    sb = -1 if bed_side == "left" else 1
    _add(
        b.boxes,
        b.tops,
        "bed",
        _piece(r, "bed"),
        (sb * (b.w / 2 - 0.75), b.d - 1.1, 1.4, 2.0, "front"),
        0.45,
    )
    _add(
        b.boxes,
        b.tops,
        "bedside",
        _piece(r, "bedside"),
        (sb * (b.w / 2 - 0.5), b.d - 2.4, 0.4, 0.4, "front"),
        0.5,
    )
    _add(
        b.boxes,
        b.tops,
        "desk",
        _piece(r, "desk"),
        (-sb * (b.w / 2 - 0.75), b.d * 0.55, 0.6, 1.2, _inward("left" if sb > 0 else "right")),
        0.74,
    )
    _add(
        b.boxes,
        b.tops,
        "chair",
        _piece(r, "chair"),
        (-sb * (b.w / 2 - 1.3), b.d * 0.55, 0.45, 0.45, "left" if sb > 0 else "right"),
        0.88,
    )
    if r.random() < 0.7:
        _add(
            b.boxes,
            b.tops,
            "wardrobe",
            _piece(r, "wardrobe"),
            (float(r.uniform(-0.4, 0.4)), b.d - 0.32, 0.9, 0.6, "front"),
            1.8,
        )
    _box(
        b,
        (-sb * (b.w / 2 - 0.75), b.d - 0.5, 0.8, 0.45, "front"),
        0.8,
        {"front": _cabinet(r, 2, 3, _c(r, 40, 250))},
    )
    for name in ("back", "front", "left", "right"):
        _small_things(b.wall(name), ("socket",))
    if r.random() < 0.6:
        _lay_rug(
            b,
            0.0,
            b.d * float(r.uniform(0.4, 0.6)),
            float(r.uniform(1.4, 2.0)),
            float(r.uniform(1.0, 1.6)),
        )


def _build_basement(b: _Build) -> None:
    """A basement: bare or painted blocks or brick, a concrete floor, exposed joists with
    pipes along them, a small high window in a light well, stairs up along one wall,
    shelving of boxes, a boiler and its cylinder, a chest freezer, a washing machine, a
    workbench, a dehumidifier."""
    r = b.fix
    colour = _c(r, 120, 240)
    what = r.random()
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        if what < 0.6:
            b.fill(name, _blocks(r, tw, th, colour, r.random() < 0.6))
        else:
            b.fill(name, _bricks(r, tw, th, _tone(r, (110, 60, 40), (190, 130, 100))))
    tone = int(r.integers(110, 190))
    b.floor(lambda g, w, h, res: _concrete(g, w, h, tone))
    b.ceiling(_rafters)
    back = b.wall("back")
    ww = float(r.uniform(0.6, 1.0))
    along = float(r.uniform(0.4, max(0.5, b.w - ww - 0.4)))
    _window(
        back, r, _outside(r, back.px(ww), back.px(0.4)), along, b.h - 0.6, ww, 0.4, _c(r, 40, 240)
    )
    pipe = _steel(r, 32, 8, int(r.integers(100, 200)))
    copper = _paint(r, 32, 8, _tone(r, (150, 80, 40), (210, 130, 80)))
    for _ in range(int(r.integers(2, 5))):
        x = float(r.uniform(-b.w / 2 + 0.2, b.w / 2 - 0.2))
        t = float(r.uniform(0.04, 0.1))
        tex = pipe if r.random() < 0.5 else copper
        b.boxes.append(
            Box(x, b.d / 2, t, b.d - 0.05, t, b.h - 0.25, {"front": tex, "left": tex, "right": tex})
        )
    fl = _Floor(b.w, b.d, 1.2)
    sside = str(r.choice(["left", "right"]))
    sx = _side_x(b, sside, 0.9)
    tread = _wood(r, 32, 16, _wood_tone(r), 8)
    riser = _paint(r, 32, 16, _c(r, 60, 230))
    steps = max(4, int((b.h - 0.2) / 0.2))
    z_top = b.d - 0.2
    for k in range(steps):
        z = z_top - (steps - k) * 0.25
        if z < 1.2:
            continue
        b.boxes.append(
            Box(
                sx,
                z,
                0.9,
                0.25,
                0.2 * (k + 1),
                0.0,
                {"front": riser, "top": tread, "left": riser, "right": riser},
            )
        )
    fl.take(sx, z_top - steps * 0.125, 0.9, steps * 0.25)
    boiler = _paint(r, 32, 48, _tone(r, (225, 225, 220), (250, 250, 248)))
    cv2.rectangle(boiler, (8, 30), (24, 36), (30, 30, 30), -1)
    cv2.circle(boiler, (20, 33), 1, (30, 220, 60), -1)
    spot = fl.against(r, 0.6, 0.6, ("back",))
    if spot:
        _box(b, spot, float(r.uniform(1.6, 1.9)), {"front": boiler, "left": boiler}, top=False)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, float(r.uniform(0.9, 1.5)), 0.45)
        if spot:
            _box(b, spot, float(r.uniform(1.6, 1.9)), {"front": _storage(r, 64, 112)}, top=False)
    white = _paint(r, 32, 32, _tone(r, (225, 225, 225), (250, 250, 250)))
    for what_, pw, pd, ph, faces in (
        ("freezer", 1.1, 0.65, 0.85, {"front": white, "top": white}),
        (
            "washer",
            0.6,
            0.6,
            0.85,
            {"front": _washer(r, _tone(r, (215, 215, 215), (250, 250, 250))), "top": white},
        ),
        ("bench", 1.6, 0.6, 0.9, _piece(r, "table")),
        ("dehumidifier", 0.35, 0.25, 0.55, {"front": _paint(r, 16, 24, _c(r, 150, 250))}),
    ):
        if what_ == "bench" or r.random() < 0.7:
            spot = fl.against(r, pw, pd)
            if spot:
                _box(b, spot, ph, faces)
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",))
    _door(b.wall("front"), r, _c(r, 40, 230))


def _build_changing(b: _Build) -> None:
    """A changing room: tiles to 1.5-2 m and paint above, a small-tiled floor, a suspended
    ceiling, banks of lockers along both side walls, benches down the middle with a
    rail of coat hooks, a mirror over a shelf with hair dryers at the back, the opening to
    the showers, signs, a clock."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    _lower_tiles(b, float(r.uniform(1.5, 2.0)), _c(r, 150, 250), _c(r, 100, 220), 0.15)
    b.floor(
        lambda g, w, h, res: _tiles(
            g, w, h, max(3, round(0.1 * res)), _c(g, 100, 230), _c(g, 80, 200)
        )
    )
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 1.4)
    body = _c(r, 30, 240)
    for side in ("left", "right"):
        z = float(r.uniform(1.6, 2.2))
        length = b.d - z - 0.4
        if length < 1.0:
            continue
        x = _side_x(b, side, 0.5)
        cols = max(2, int(length / 0.35))
        locker = _lockers(r, 24 * cols, 96, cols, int(r.choice([2, 3, 4])), body)
        b.boxes.append(
            Box(
                x,
                z + length / 2,
                0.5,
                length,
                1.85,
                0.0,
                _faces({"front": locker, "top": _paint(r, 8, 8, body)}, _inward(side)),
            )
        )
        fl.take(x, z + length / 2, 0.5, length)
    slats = _wood(r, 64, 16, _wood_tone(r), 4, along_x=True)
    rail = _steel(r, 32, 8, int(r.integers(150, 220)))
    hook = _paint(r, 8, 8, _tone(r, (30, 30, 30), (200, 200, 200)))
    z = float(r.uniform(2.4, 3.0))
    length = min(float(r.uniform(2.0, 3.5)), b.d - z - 1.0)
    if length > 1.0:
        for dx in (-0.25, 0.25):
            b.boxes.append(
                Box(
                    dx,
                    z + length / 2,
                    0.35,
                    length,
                    0.45,
                    0.0,
                    {"front": slats, "top": slats, "left": slats, "right": slats},
                )
            )
            b.tops.append((dx, z + length / 2, 0.25, length * 0.8, 0.45))
        b.boxes.append(
            Box(
                0.0,
                z + length / 2,
                0.05,
                length,
                0.06,
                1.75,
                {"front": rail, "left": rail, "right": rail},
            )
        )
        for k in range(int(length / 0.3)):
            hz = z + 0.15 + 0.3 * k
            b.boxes.append(
                Box(0.0, hz, 0.16, 0.03, 0.08, 1.65, {"front": hook, "left": hook, "right": hook})
            )
        for hz in (z + 0.05, z + length - 0.05):
            b.boxes.append(Box(0.0, hz, 0.05, 0.05, 1.75, 0.0, {"front": rail}))
    back = b.wall("back")
    mw = float(r.uniform(1.2, 2.2))
    back.put(_mirror(r, back.px(mw), back.px(0.8)), 1.9, 2.0)
    _door(back, r, _tone(r, (20, 30, 30), (70, 80, 90)), wm=1.1)
    back.put(_sign(r, back.px(0.6), back.px(0.2)), 2.35, min(b.h - 0.05, 2.5))
    spot = fl.against(r, mw, 0.35, ("back",))
    if spot:
        _box(b, spot, 0.05, {"front": _paint(r, 16, 8, _c(r, 150, 250))}, y0=1.0)
    for name in ("back", "front", "left", "right"):
        extra = tuple(k for k, p in (("clock", 0.4), ("exit", 0.5)) if r.random() < p)
        _small_things(b.wall(name), extra)
        if r.random() < 0.4:
            _poster(b.wall(name), 1)
    _door(b.wall("front"), r, _c(r, 40, 230))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_rentalflat(b: _Build) -> None:
    """A living room of one landlord's identical rental flats: every fixed thing and every
    piece of the landlord's furniture the template's (see the module's docstring); what
    the windows show and the pictures the tenant hung the flat's own."""
    r, o = b.fix, b.own
    b.paint_walls(_tone(r, (215, 205, 180), (245, 240, 225)), 0.02)
    _skirting(b, (238, 238, 232), 0.1)
    b.floor(_carpeted)
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    n = int(r.integers(1, 3))
    ww, wh = float(r.uniform(1.0, 1.5)), float(r.uniform(1.1, 1.4))
    cloth = _fabric(r, 48, 96)
    for k in range(n):
        along = (k + 1) * back.length / (n + 1) - ww / 2
        _window(back, r, _outside(o, back.px(ww), back.px(wh)), along, 0.9, ww, wh, (236, 236, 232))
        _curtains(back, r, along, 0.9, ww, wh, cloth)
    _door(b.wall("front"), r, _c(r, 200, 250), along=0.3)
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",) + (("radiator",) if name == "back" else ()))
    fl = _Floor(b.w, b.d, 1.2)
    _home_pieces(r, "living", fl, b.boxes, b.tops)
    for name in ("left", "right"):
        if o.random() < 0.8:
            _own_art(b.wall(name), o, 0.4, 0.8, 1.9)


def _build_prefab(b: _Build) -> None:
    """A prefab classroom of one school: the template's panelled walls, carpet tiles,
    ceiling, window band, whiteboard, display boards, desks and chairs in rows, teacher's
    desk, cupboards and door; what is written on the whiteboard, pinned on the boards and
    what the windows show the room's own."""
    r, o = b.fix, b.own
    colour = _c(r, 160, 250)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _panels(r, tw, th, colour, res))
    b.floor(lambda g, w, h, res: _carpet_tiles(g, w, h))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    wall = b.wall(side)
    along, ww = 0.6, float(r.uniform(1.2, 1.6))
    frame = _c(r, 40, 240)
    while along + ww < wall.length - 0.5:
        _window(wall, r, _outside(o, wall.px(ww), wall.px(1.2)), along, 0.9, ww, 1.2, frame)
        along += ww + 0.4
    back = b.wall("back")
    bw, bh = back.px(float(r.uniform(2.0, 2.8))), back.px(1.1)
    bx = (back.img.shape[1] - bw) // 2
    if back.claim(bx, back.y_of(2.1), bw, bh, gap=0):
        board = _whiteboard(o, bw, bh)  # what is written on it: the room's own
        cv2.rectangle(
            board,
            (0, 0),
            (bw - 1, bh - 1),
            _tone(r, (150, 150, 155), (200, 200, 205)),
            max(2, bw // 50),
        )
        _paste(back.img, board, bx, back.y_of(2.1))
    ow = b.wall(other)
    cork = _tone(r, (160, 120, 70), (205, 165, 115))
    n = int(r.integers(2, 4))
    pw, ph = ow.px(float(r.uniform(1.0, 1.4))), ow.px(0.9)
    edge = _c(r, 20, 220)
    for k in range(n):
        x = ow.x_of((k + 0.5) * ow.length / n) - pw // 2
        if ow.claim(x, ow.y_of(2.0), pw, ph, gap=0):
            board = _notes(o, pw, ph, cork)  # what is pinned up: the room's own
            for _ in range(int(o.integers(0, 3))):
                aw, ah = int(pw * o.uniform(0.2, 0.35)), int(ph * o.uniform(0.3, 0.5))
                _paste(
                    board, _art(o, aw, ah), int(o.integers(0, pw - aw)), int(o.integers(0, ph - ah))
                )
            cv2.rectangle(board, (0, 0), (pw - 1, ph - 1), edge, 3)
            _paste(ow.img, board, x, ow.y_of(2.0))
    desk, chair = _piece(r, "desk"), _piece(r, "chair")
    cols, rows = int(r.integers(3, 5)), int(r.integers(3, 5))
    for i in range(rows):
        for j in range(cols):
            dx_ = (j - (cols - 1) / 2) * 1.6
            z = 1.8 + i * 1.4
            if z > b.d - 2.0:
                continue
            _add(b.boxes, b.tops, "desk", desk, (dx_, z, 1.2, 0.55, "front"), 0.72)
            for dx in (-0.3, 0.3):
                _add(b.boxes, b.tops, "chair", chair, (dx_ + dx, z - 0.5, 0.4, 0.4, "back"), 0.8)
    _add(
        b.boxes,
        b.tops,
        "desk",
        desk,
        (float(r.uniform(-1.5, 1.5)), b.d - 1.2, 1.4, 0.7, "front"),
        0.74,
    )
    cup = _cabinet(r, 2, 2, _c(r, 60, 240))
    for k in range(int(r.integers(1, 3))):
        cx = _side_x(b, other, 0.5)
        b.boxes.append(
            Box(
                cx,
                1.2 + 1.1 * k,
                0.5,
                1.0,
                1.0,
                0.0,
                _faces({"front": cup, "top": cup}, _inward(other)),
            )
        )
        b.tops.append((cx, 1.2 + 1.1 * k, 0.35, 0.7, 1.0))
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",) + (("clock",) if name == "back" else ()))
    _door(b.wall("front"), r, _c(r, 40, 230), along=0.4)


def _build_fitting(b: _Build) -> None:
    """A fitting room of one chain of shops: the chain's paint or wallpaper, carpet, a long
    mirror, hooks, a stool, a curtain and a sign (see the module's docstring); the
    garments on the hooks and the shopper's things their own."""
    r, o = b.fix, b.own
    if r.random() < 0.5:
        b.paint_walls(_c(r, 150, 250), 0.02)
    else:
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _wallpaper(r, tw, th))
    b.floor(_carpeted)
    tw, th, res = b.texels("ceiling")
    ceiling = _plain_ceiling(r, tw, th, res)
    cv2.circle(ceiling, (tw // 2, th // 2), max(2, round(0.08 * res)), (252, 250, 240), -1)
    b.fill("ceiling", ceiling)
    tw, th, res = b.texels("front")
    front = b.surfaces["front"].tex
    front[:, :] = _fabric(r, tw, th) if r.random() < 0.5 else _paint(r, tw, th, _c(r, 20, 230))
    for x in range(0, tw, max(4, tw // 9)):  # the curtain's folds
        cv2.line(front, (x, 0), (x, th), _shade(_c(r, 20, 230), 0.5), 1)
    back = b.wall("back")
    mw = min(b.w - 0.3, float(r.uniform(0.5, 0.8)))
    mpw, mph = back.px(mw), back.px(1.5)
    # The mirror shows the curtain behind the shopper (the template's, so shared).
    seen = np.asarray(cv2.resize(front[: th * 3 // 4, ::-1], (mpw, mph)), np.float32)
    mirror = _u8(cv2.GaussianBlur(seen, (0, 0), 1.0) * 0.85 + 25)
    cv2.rectangle(mirror, (0, 0), (mpw - 1, mph - 1), _c(r, 20, 240), max(2, mpw // 25))
    back.put(mirror, 1.85, 1.86, along=((b.w - mw) / 2,) * 2, tries=1)
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    sign = _paint(r, wall.px(0.2), wall.px(0.12), _c(r, 20, 240))
    _text(
        sign,
        r,
        str(int(r.integers(1, 12))),
        3,
        sign.shape[0] - 3,
        sign.shape[0] - 5,
        (250, 250, 250),
    )
    wall.put(sign, 2.1, 2.15)
    hook = _steel(r, 8, 8, int(r.integers(120, 220)))
    hx = _side_x(b, side, 0.06)
    for k in range(3):
        z = 0.35 + k * (b.d - 0.6) / 2
        b.boxes.append(Box(hx, z, 0.06, 0.03, 0.05, 1.7, {"front": hook, "top": hook}))
        if o.random() < 0.7:  # a garment on the hook: the shopper's own
            g = _garment(o)
            gx = _side_x(b, side, 0.12)
            _b15(b).own_boxes.append(
                Box(
                    gx,
                    z,
                    0.08,
                    0.45,
                    float(o.uniform(0.6, 1.0)),
                    0.75,
                    dict.fromkeys(("front", "left", "right", "back"), g),
                )
            )
    oside = "right" if side == "left" else "left"
    rules = b.wall(oside)
    rules.put(_label(r, rules.px(0.25), rules.px(0.35)), 1.7, 1.8)
    stool = _piece(r, "stool")
    sx = _side_x(b, oside, 0.4)
    b.boxes.append(
        Box(sx, b.d - 0.5, 0.38, 0.38, 0.45, 0.0, {"front": stool["front"], "top": stool["top"]})
    )
    b.tops.append((sx, b.d - 0.5, 0.3, 0.3, 0.45))


def _b15(b: _Build) -> _Build15:
    assert isinstance(b, _Build15)
    return b


BUILDERS = {
    "laundrette": _build_laundrette,
    "church hall": _build_hall,
    "science lab": _build_lab,
    "barber": _build_barber,
    "hotel corridor": _build_corridor,
    "attic bedroom": _build_attic,
    "basement": _build_basement,
    "changing room": _build_changing,
    "rentalflat": _build_rentalflat,
    "prefab": _build_prefab,
    "fitting": _build_fitting,
}


# --- clutter, light and camera ----------------------------------------------------------------


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: bags, boxes, folded towels, parcels, on tops and the floor."""
    out: list[Box] = []
    for _ in range(int(day.integers(1, 5))):
        s, h = float(day.uniform(0.12, 0.4)), float(day.uniform(0.06, 0.3))
        if place.tops and day.random() < 0.6:
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
            z = float(
                day.uniform(
                    min(1.0, place.depth * 0.4), max(min(1.0, place.depth * 0.4), place.depth - 0.3)
                )
            )
            y0 = 0.0
        tex = _label(day, 64, 48) if day.random() < 0.6 else _fabric(day, 64, 48)
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
    if base == "church hall":
        z, pitch = float(rng.uniform(0.5, 1.5)), float(rng.uniform(-10, -3))
    elif base == "hotel corridor":
        x, z, yaw, pitch = (
            float(rng.uniform(-0.12, 0.12)) * w,
            float(rng.uniform(0.3, 0.8)),
            float(rng.uniform(-6, 6)),
            float(rng.uniform(-8, -2)),
        )
    elif base == "fitting":
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.15, 0.3))
        yaw, pitch, hfov = (
            float(rng.uniform(-10, 10)),
            float(rng.uniform(-20, -8)),
            float(rng.uniform(75, 85)),
        )
    elif base == "attic bedroom":
        x, y = float(rng.uniform(-0.08, 0.08)) * w, float(rng.uniform(1.45, 1.65))
    elif base == "basement":
        y = float(rng.uniform(1.4, 1.6))
    elif base in ("laundrette", "science lab", "changing room", "barber", "prefab"):
        z, pitch = float(rng.uniform(0.4, 1.2)), float(rng.uniform(-12, -4))
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
    slope = None
    if base == "attic bedroom":
        slope = (float(fix.uniform(0.9, 1.3)), float(fix.uniform(1.0, 1.4)))
        surfaces |= _slope_surfaces(w, h, d, *slope)
    b = _Build15(kind, fix, own, w, h, d, surfaces)
    BUILDERS[base](b)
    belongings = (_belongings(b) if template is not None else []) + b.own_boxes
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(base, own, w, h, d)
    return Place(seed, kind, w, h, d, surfaces, b.boxes, belongings, b.tops, camera, slope)


def surface_planes(place: Place, lit: dict[str, U8] | None = None) -> list[Plane]:
    """The shell's planes (an attic's slopes too), as lit (or with ``lit``'s textures)."""
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


def box_planes_of(place: Place, day: int, boxes: list[Box] | None = None) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things (or ``boxes``), belongings, the day's
    bedding, cushions and clutter."""
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    soft = {"bedding": _fabric(rng, 96, 96), "cushion": _fabric(rng, 64, 32)}
    planes: list[Plane] = []
    for b in (place.boxes if boxes is None else boxes) + place.belongings + _clutter(place, rng):
        tex = b.tex
        if b.soft:
            tex = dict.fromkeys(
                ("front", "back", "left", "right", "top"), soft.get(b.soft, soft["cushion"])
            )
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v15``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v15(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v15 (``bench/link.py --generator v15``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v15``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    laundrette, church hall, attic bedroom or basement."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 60_000_000
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


# --- cameras for the views -----------------------------------------------------------------------


def _headroom_x(place: Place, y: float) -> float:
    """How far from a side wall a camera ``y`` m up must stay (an attic's slopes)."""
    if place.slope is None:
        return 0.0
    knee, run = place.slope
    if y + 0.15 <= knee:
        return 0.0
    return run * (y + 0.15 - knee) / (place.height - knee) + 0.1


def _inside(place: Place, pos: F64, margin: float = 0.25) -> F64:
    out = pos.copy()
    out[1] = np.clip(out[1], 0.3, place.height - 0.12)
    m = max(min(margin, place.width / 4), _headroom_x(place, float(out[1])))
    out[0] = np.clip(out[0], -place.width / 2 + m, place.width / 2 - m)
    small = place.base in ("fitting", "rentalflat", "attic bedroom")
    far = place.depth - (0.6 if small else max(0.8, place.depth / 3))
    out[2] = np.clip(out[2], 0.12, max(0.13, far))
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places), turned up to
    ``turn`` degrees and tilted up to 4."""
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


def _free(place: Place, pos: F64) -> bool:
    """Whether a camera at ``pos`` is clear of every fixed thing (by 0.25 m)."""
    x, y, z = (float(v) for v in pos)
    for b in place.boxes:
        if (
            abs(x - b.x) < b.w / 2 + 0.25
            and abs(z - b.z) < b.d / 2 + 0.25
            and b.y0 - 0.2 < y < b.y0 + b.h + 0.3
        ):
            return False
    return True


def _aim(pos: F64, target: F64) -> tuple[float, float]:
    """Yaw and pitch (degrees) of a camera at ``pos`` looking at ``target``."""
    d = target - pos
    yaw = float(np.degrees(np.arctan2(d[0], d[2])))
    pitch = float(np.degrees(np.arctan2(d[1], np.hypot(d[0], d[2]))))
    return yaw, pitch


def opposite_corner(place: Place, rng: Rng) -> Camera:
    """From near a back corner, looking across the room at the front's opposite corner
    (the first clear spot of up to 24 tried, further in each time)."""
    w, h, d = place.width, place.height, place.depth
    side = float(rng.choice([-1.0, 1.0]))
    y = min(float(rng.uniform(1.4, 1.7)), h - 0.25)
    pos = _inside(place, _vec(side * w / 2, y, d), 0.4)
    for k in range(24):
        t = k / 24
        cand = _inside(place, _vec(side * (w / 2) * (1 - t), y, d - 0.4 - t * 0.5 * d), 0.4)
        if cand[2] < place.depth * 0.45 and place.base not in ("fitting", "hotel corridor"):
            continue
        if _free(place, cand):
            pos = cand
            break
    target = _vec(-side * w * float(rng.uniform(0.1, 0.4)), y - float(rng.uniform(0.3, 0.7)), 0.0)
    yaw, pitch = _aim(pos, target)
    return Camera(pos, yaw + float(rng.uniform(-8, 8)), pitch, float(rng.uniform(66, 76)))


def _ceiling_camera(place: Place, rng: Rng) -> Camera:
    """A security camera up in a front corner, looking down across the room."""
    w, h, d = place.width, place.height, place.depth
    side = float(rng.choice([-1.0, 1.0]))
    pos = _inside(place, _vec(side * w / 2, h - 0.15, 0.15), 0.2)
    for k in range(12):
        if _free(place, pos):
            break
        pos = _inside(
            place, _vec(side * w / 2 * (1 - k / 12), h - 0.15 - 0.05 * k, 0.15 + 0.1 * k), 0.2
        )
    target = _vec(
        -side * w * float(rng.uniform(0.0, 0.25)),
        0.0,
        min(d, max(2.0, d * float(rng.uniform(0.45, 0.7)))),
    )
    yaw, pitch = _aim(pos, target)
    return Camera(pos, yaw, pitch + float(rng.uniform(-3, 6)), float(rng.uniform(85, 100)))


# --- views ----------------------------------------------------------------------------------------


def through_glass(img: U8, rng: Rng) -> U8:
    """Through a glass door: the street behind the photographer reflected (mirrored,
    soft), a green tint, less contrast, smudges, the door's frame, push bar and a sticker."""
    h, w = img.shape[:2]
    s = w / 400
    refl = cv2.GaussianBlur(_outside(rng, w, h)[:, ::-1], (0, 0), float(rng.uniform(1.5, 3.0)) * s)
    a = np.float32(rng.uniform(0.18, 0.32))
    t = np.linspace(0, 1, w, dtype=np.float32)[None, :, None]
    ramp = a * (0.6 + 0.8 * t if rng.random() < 0.5 else 1.4 - 0.8 * t)
    tint = np.array([0.9, 1.0, 0.94], np.float32)
    x = img.astype(np.float32)
    x = (x - 128) * np.float32(rng.uniform(0.8, 0.9)) + 128
    smudge = np.clip(_field(rng, w, h, max(4, w // 6)), 0, 1)[:, :, None] * np.float32(
        rng.uniform(10, 25)
    )
    out = x * tint * (1 - ramp) + refl.astype(np.float32) * ramp + smudge
    frame = _c(rng, 20, 220)
    fw = max(3, int(float(rng.uniform(0.03, 0.07)) * w))
    left = rng.random() < 0.5
    x0 = 0 if left else w - fw
    out[:, x0 : x0 + fw] = frame
    cv2.rectangle(out, (0, 0), (w, fw // 2), frame, -1)
    yb = int(float(rng.uniform(0.55, 0.7)) * h)
    cv2.rectangle(
        out, (0, yb), (w, yb + max(2, fw // 2)), _tone(rng, (150, 150, 155), (215, 215, 220)), -1
    )
    sx, sy = int(float(rng.uniform(0.2, 0.7)) * w), int(float(rng.uniform(0.15, 0.45)) * h)
    sw, sh = int(0.16 * w), int(0.07 * w)
    cv2.rectangle(out, (sx, sy), (sx + sw, sy + sh), _c(rng, 150, 256), -1)
    cv2.putText(
        out,
        _word(rng, (1, 2)).upper(),
        (sx + 3, sy + sh - 4),
        cv2.FONT_HERSHEY_DUPLEX,
        0.4 * s,
        (20, 20, 20),
        1,
        cv2.LINE_AA,
    )
    return _u8(out)


def barrel(img: U8, k: float) -> U8:
    """Barrel distortion of strength ``k``, scaled so that the frame stays full."""
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w / 2, h / 2
    nx, ny = (xx - cx) / cx, (yy - cy) / cx
    r2 = nx * nx + ny * ny
    corner = 1 + (cy / cx) ** 2
    f = (1 + k * r2) / (1 + k * corner)
    return np.asarray(
        cv2.remap(
            img, cx + nx * f * cx, cy + ny * f * cx, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
        ),
        np.uint8,
    )


def action_cam(place: Place, rng: Rng, w: int, h: int) -> U8:
    """An action camera: a very wide lens (100-115 degrees) with strong barrel
    distortion, punchy colour, a vignette."""
    c = moved(place, rng, 0.4, 15)
    cam = Camera(c.pos, c.yaw, c.pitch, float(rng.uniform(100, 115)))
    img = barrel(render(place.planes(0), cam, w, h), float(rng.uniform(0.25, 0.45))).astype(
        np.float32
    )
    g = img.mean(axis=2, keepdims=True)
    img = g + (img - g) * np.float32(rng.uniform(1.15, 1.35))
    img = (img - 128) * np.float32(rng.uniform(1.05, 1.2)) + 128
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (w / 2)) ** 2
    img *= (1 - np.float32(rng.uniform(0.15, 0.3)) * r2)[:, :, None]
    return _noise(_u8(img), rng, 2.5)


def long_exposure(img: U8, rng: Rng) -> U8:
    """A handheld night-mode photo: little light (x0.2-0.35 before the phone lifts it),
    a warm lamp cast, shake blur along a line, heavy luminance and colour noise."""
    h, w = img.shape[:2]
    s = w / 400
    x = (
        img.astype(np.float32)
        * np.float32(rng.uniform(0.2, 0.35))
        * np.array([1.1, 1.0, 0.8], np.float32)
    )
    n = max(3, int(float(rng.uniform(4, 10)) * s))
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2, :] = 1 / n
    rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), float(rng.uniform(0, 180)), 1.0)
    kernel = np.asarray(cv2.warpAffine(kernel, rot, (n, n)), np.float32)
    kernel /= max(1e-6, float(kernel.sum()))
    x = np.asarray(cv2.filter2D(x, -1, kernel), np.float32)
    x += rng.normal(0, float(rng.uniform(3, 6)), (h, w, 1)).astype(np.float32)
    chroma = cv2.resize(
        rng.normal(0, float(rng.uniform(2, 4)), (h // 4 + 1, w // 4 + 1, 3)).astype(np.float32),
        (w, h),
    )
    x = np.clip(x + chroma, 0, 255) / 255
    lifted = (
        np.power(x, np.float32(rng.uniform(0.55, 0.7))) * 255 * np.float32(rng.uniform(0.75, 0.9))
    )
    return _u8(lifted)


def _rejpeg(img: U8, quality: int) -> U8:
    """``img`` through a JPEG of ``quality`` and back."""
    out = cv2.imdecode(np.frombuffer(_jpeg(img, quality), np.uint8), cv2.IMREAD_COLOR)
    assert out is not None
    return np.ascontiguousarray(np.asarray(out, np.uint8)[:, :, ::-1])


def reshared(img: U8, rng: Rng) -> bytes:
    """Re-shared through messengers twice: 18-30 % of the width at JPEG 20-35, then 80-100
    % of that again at JPEG 30-45, shown back at the original's size (JPEG 80)."""
    h, w = img.shape[:2]
    f = float(rng.uniform(0.18, 0.3))
    small = cv2.resize(img, (max(8, int(w * f)), max(6, int(h * f))), interpolation=cv2.INTER_AREA)
    once = _rejpeg(np.asarray(small, np.uint8), int(rng.integers(20, 36)))
    g = float(rng.uniform(0.8, 1.0))
    again = cv2.resize(
        np.ascontiguousarray(once),
        (max(8, int(once.shape[1] * g)), max(6, int(once.shape[0] * g))),
        interpolation=cv2.INTER_AREA,
    )
    twice = _rejpeg(np.asarray(again, np.uint8), int(rng.integers(30, 46)))
    shown = cv2.resize(np.ascontiguousarray(twice), (w, h), interpolation=cv2.INTER_LINEAR)
    return _jpeg(np.asarray(shown, np.uint8), 80)


def on_fridge(shot: U8, rng: Rng, w: int, h: int) -> U8:
    """A print on a fridge door, photographed: the print (45-65 % of the width, white
    border, turned up to 8 degrees) held by 2-4 magnets among 1-3 other papers (lists,
    a calendar) on a white, cream or steel door with its handle; the photo taken at an
    angle (corners moved up to 6 %), a flash or window glare, noise."""
    s = w / 400
    door = (
        _steel(rng, w, h, int(rng.integers(170, 225)))
        if rng.random() < 0.4
        else _paint(rng, w, h, _tone(rng, (225, 222, 210), (252, 252, 248)))
    )
    hx = int(rng.choice([int(0.04 * w), int(0.93 * w)]))
    cv2.rectangle(
        door,
        (hx, int(0.1 * h)),
        (hx + max(3, int(0.025 * w)), int(0.9 * h)),
        _tone(rng, (90, 90, 95), (200, 200, 205)),
        -1,
    )
    for _ in range(int(rng.integers(1, 4))):
        pw, ph = int(float(rng.uniform(0.15, 0.28)) * w), int(float(rng.uniform(0.2, 0.4)) * h)
        paper = _label(rng, pw, ph) if rng.random() < 0.5 else _paint(rng, pw, ph, (248, 248, 244))
        if paper.shape[0] > 20 and rng.random() < 0.5:
            for k in range(1, 5):
                cv2.line(paper, (0, k * ph // 5), (pw, k * ph // 5), (120, 120, 120), 1)
                cv2.line(paper, (k * pw // 5, 0), (k * pw // 5, ph), (120, 120, 120), 1)
        _paste(
            door, paper, int(rng.integers(0, max(1, w - pw))), int(rng.integers(0, max(1, h - ph)))
        )
    pw = int(float(rng.uniform(0.45, 0.65)) * w)
    ph = pw * shot.shape[0] // shot.shape[1]
    b = max(2, int(0.03 * pw))
    pr = np.full((ph + 2 * b, pw + 2 * b, 3), 248, np.uint8)
    pr[b : b + ph, b : b + pw] = cv2.resize(shot, (pw, ph), interpolation=cv2.INTER_AREA)
    m = cv2.getRotationMatrix2D((pr.shape[1] / 2, pr.shape[0] / 2), float(rng.uniform(-8, 8)), 1.0)
    cx, cy = w / 2 + float(rng.uniform(-0.1, 0.1)) * w, h / 2 + float(rng.uniform(-0.08, 0.08)) * h
    m[0, 2] += cx - pr.shape[1] / 2
    m[1, 2] += cy - pr.shape[0] / 2
    warped = cv2.warpAffine(pr, m, (w, h), flags=cv2.INTER_AREA).astype(np.float32)
    mask = cv2.warpAffine(np.ones(pr.shape[:2], np.float32), m, (w, h))[:, :, None]
    shadow = cv2.GaussianBlur(
        np.roll(mask[:, :, 0], (int(3 * s), int(3 * s)), axis=(0, 1)), (0, 0), 3 * s
    )
    out = door.astype(np.float32) * (1 - 0.35 * shadow[:, :, None])
    out = out * (1 - mask) + warped * mask
    corners = np.array(
        [[0, 0], [pr.shape[1], 0], [pr.shape[1], pr.shape[0]], [0, pr.shape[0]]], np.float32
    )
    placed = cv2.transform(corners[None], m)[0]
    for k in rng.choice(4, int(rng.integers(2, 5)), replace=False):
        px_, py = placed[int(k)] + (np.array([cx, cy]) - placed[int(k)]) * 0.08
        col = _c(rng, 20, 256)
        rad = max(3, int(float(rng.uniform(0.025, 0.04)) * w))
        cv2.circle(out, (int(px_) + 2, int(py) + 2), rad, (40, 40, 40), -1)
        if rng.random() < 0.5:
            cv2.circle(out, (int(px_), int(py)), rad, col, -1)
        else:
            cv2.rectangle(
                out, (int(px_) - rad, int(py) - rad), (int(px_) + rad, int(py) + rad // 2), col, -1
            )
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = src + rng.uniform(-0.06, 0.06, (4, 2)).astype(np.float32) * w
    out = cv2.warpPerspective(
        _u8(out), cv2.getPerspectiveTransform(src, dst), (w, h), borderMode=cv2.BORDER_REPLICATE
    ).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = float(rng.uniform(0.2, 0.8)) * w, float(rng.uniform(0.2, 0.8)) * h
    glare = np.exp(
        -((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (float(rng.uniform(0.06, 0.15)) * w) ** 2)
    )
    out += (np.float32(rng.uniform(40, 90)) * glare)[:, :, None]
    return _noise(_u8(out), rng, 3.0)


def ceiling_cam(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A security camera's still: from a front corner up by the ceiling, wide, grey (now
    and then faintly green), a third of the size scaled back up, interlaced rows, a
    timestamp and a camera's name."""
    s = w / 400
    small = render(place.planes(0), _ceiling_camera(place, rng), max(8, w // 3), max(6, h // 3))
    grey = _lum(small)
    big = cv2.resize(grey, (w, h), interpolation=cv2.INTER_LINEAR)
    big = (big - 128) * np.float32(rng.uniform(0.75, 0.95)) + 128 + np.float32(rng.uniform(-15, 10))
    if rng.random() < 0.5:
        big[1::2] = np.roll(big[1::2], int(rng.integers(1, 3)), axis=1)
    rgb = np.repeat(big[:, :, None], 3, axis=2)
    if rng.random() < 0.3:
        rgb *= np.array([0.92, 1.0, 0.92], np.float32)
    out = _noise(_u8(rgb), rng, 4.0)
    day = (int(rng.integers(2019, 2027)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    hms = (int(rng.integers(0, 24)), int(rng.integers(0, 60)), int(rng.integers(0, 60)))
    stamp = "{}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*day, *hms)
    name = f"CAM {int(rng.integers(1, 17)):02d}"
    y = int(0.07 * h) if rng.random() < 0.6 else h - int(0.04 * h)
    for text, x in ((stamp, int(0.03 * w)), (name, int(0.78 * w))):
        cv2.putText(out, text, (x, y), cv2.FONT_HERSHEY_PLAIN, 0.9 * s, (0, 0, 0), 3)
        cv2.putText(out, text, (x, y), cv2.FONT_HERSHEY_PLAIN, 0.9 * s, (245, 245, 245), 1)
    return out


def through_door(img: U8, rng: Rng) -> U8:
    """From the next room, through a doorway: the near wall (out of focus, darker) with
    its door frame hides 35-60 % of the picture, an open door leaf on one side."""
    h, w = img.shape[:2]
    s = w / 400
    ow = float(rng.uniform(0.4, 0.6))
    x0 = int(float(rng.uniform(0.05, 0.95 - ow)) * w)
    x1 = x0 + int(ow * w)
    top = int(float(rng.uniform(0.0, 0.12)) * h)
    near = _paint(rng, w, h, _c(rng, 80, 240)).astype(np.float32) * np.float32(
        rng.uniform(0.45, 0.75)
    )
    trim = np.array(
        _tone(rng, (200, 200, 195), (250, 250, 245)) if rng.random() < 0.6 else _wood_tone(rng),
        np.float32,
    )
    fw = max(3, int(float(rng.uniform(0.03, 0.05)) * w))
    mask = np.ones((h, w), np.float32)
    mask[top:, x0:x1] = 0
    layer = near.copy()
    layer[max(0, top - fw) :, max(0, x0 - fw) : x0] = trim * 0.7
    layer[max(0, top - fw) :, x1 : x1 + fw] = trim * 0.7
    if top > 0:
        layer[max(0, top - fw) : top, max(0, x0 - fw) : x1 + fw] = trim * 0.7
    leaf_w = int(float(rng.uniform(0.1, 0.2)) * w)
    if rng.random() < 0.5:
        pts = np.array(
            [[x0, top], [x0 + leaf_w, top + h // 12], [x0 + leaf_w, h - h // 12], [x0, h]], np.int32
        )
    else:
        pts = np.array(
            [[x1, top], [x1 - leaf_w, top + h // 12], [x1 - leaf_w, h - h // 12], [x1, h]], np.int32
        )
    leaf = np.array(_c(rng, 60, 240), np.float32) * np.float32(rng.uniform(0.5, 0.8))
    cv2.fillPoly(layer, [pts], leaf.tolist())
    cv2.fillPoly(mask, [pts], 1.0)
    sigma = float(rng.uniform(3, 6)) * s
    layer = np.asarray(cv2.GaussianBlur(layer, (0, 0), sigma), np.float32)
    mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), sigma * 0.6), np.float32)[:, :, None]
    return _noise(_u8(img.astype(np.float32) * (1 - mask) + layer * mask), rng, 2.0)


def made_over(place: Place, rng: Rng) -> list[Plane]:
    """A makeover: one wall repainted in a new colour (what is on it kept), 1-3 pieces of
    furniture with what stands on them moved 0.3-0.9 m, a new rug, another day's clutter."""
    name = str(rng.choice(["back", "left", "right"]))
    surf = place.surfaces[name]
    tex = (surf.lit if surf.lit is not None else surf.tex).astype(np.float32)
    ref = np.median(tex.reshape(-1, 3), axis=0)
    near = (np.abs(tex - ref).max(axis=2) < 30)[:, :, None]
    new = np.array(_c(rng, 40, 250), np.float32)
    while float(np.abs(new - ref).sum()) < 120:
        new = np.array(_c(rng, 40, 250), np.float32)
    shade = tex.mean(axis=2, keepdims=True) / max(1.0, float(ref.mean()))
    repainted = _u8(np.where(near, new * shade, tex))
    boxes = list(place.boxes)
    anchors = [
        i for i, b in enumerate(boxes) if b.y0 == 0.0 and 0.1 <= b.w * b.d <= 3.0 and b.h <= 2.2
    ]
    for i in (
        rng.choice(anchors, min(len(anchors), int(rng.integers(1, 4))), replace=False)
        if anchors
        else []
    ):
        a = boxes[int(i)]
        ang = float(rng.uniform(0, 2 * np.pi))
        dist = float(rng.uniform(0.3, 0.9)) * SMALL.get(place.base, 1.0)
        dx, dz = dist * np.cos(ang), dist * np.sin(ang)
        dx = float(np.clip(a.x + dx, -place.width / 2 + a.w / 2, place.width / 2 - a.w / 2)) - a.x
        dz = float(np.clip(a.z + dz, a.d / 2, place.depth - a.d / 2)) - a.z
        for j, b in enumerate(boxes):
            if abs(b.x - a.x) <= a.w / 2 + 0.05 and abs(b.z - a.z) <= a.d / 2 + 0.05:
                boxes[j] = Box(b.x + dx, b.z + dz, b.w, b.d, b.h, b.y0, b.tex, b.soft)
    rug = _fabric(rng, 64, 48)
    boxes.append(
        Box(
            float(rng.uniform(-0.2, 0.2)) * place.width,
            place.depth * float(rng.uniform(0.4, 0.6)),
            min(2.0, place.width * 0.5),
            min(1.4, place.depth * 0.3),
            0.01,
            0.0,
            {"front": rug, "top": rug},
        )
    )
    return surface_planes(place, {name: repainted}) + box_planes_of(place, 1, boxes)


def telephoto(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A zoomed detail: a narrow view (16-28 degrees) of a part of what the original
    shows, digitally zoomed (rendered at 55-80 % and scaled up)."""
    c = moved(place, rng, 0.3, 0)
    vfov = c.hfov * h / w
    wide = 1 / max(0.6, SMALL.get(place.base, 1.0))  # less narrow in small places
    cam = Camera(
        c.pos,
        place.camera.yaw + float(rng.uniform(-0.3, 0.3)) * c.hfov,
        place.camera.pitch + float(rng.uniform(-0.05, 0.3)) * vfov,
        float(rng.uniform(16, 28)) * wide,
    )
    k = float(rng.uniform(0.55, 0.8))
    small = render(place.planes(0), cam, max(8, int(w * k)), max(6, int(h * k)))
    return _noise(
        np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC), np.uint8), rng, 2.0
    )


def pillarbox(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A vertical phone photo (9:16 to 10:16, 65-80 degrees high) shown in a landscape
    frame over a blurred, darkened, enlarged copy of itself."""
    pw = max(8, int(h * float(rng.uniform(0.56, 0.63))))
    vfov = np.radians(float(rng.uniform(65, 80)))
    hfov = float(np.degrees(2 * np.arctan(np.tan(vfov / 2) * pw / h)))
    c = moved(place, rng, 0.4, 12)
    tall = _noise(render(place.planes(0), Camera(c.pos, c.yaw, c.pitch, hfov), pw, h), rng, 2.0)
    scale = w / pw
    big = cv2.resize(tall, (w, int(h * scale)), interpolation=cv2.INTER_LINEAR)
    y0 = (big.shape[0] - h) // 2
    back = cv2.GaussianBlur(big[y0 : y0 + h], (0, 0), float(rng.uniform(12, 20)) * w / 400)
    out = _u8(back.astype(np.float32) * np.float32(rng.uniform(0.5, 0.7)))
    x0 = (w - pw) // 2
    out[:, x0 : x0 + pw] = tall
    return out


def sepia(img: U8, rng: Rng) -> U8:
    """A vintage filter: sepia, faded blacks, a vignette (corners x0.35-0.6), grain, dust
    specks and 1-3 scratches, a little softness."""
    h, w = img.shape[:2]
    s = w / 400
    x = img.astype(np.float32)
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], np.float32)
    x = x @ m.T
    x = np.float32(rng.uniform(20, 45)) + x * np.float32(rng.uniform(0.7, 0.85))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    corner = np.float32(rng.uniform(0.35, 0.6))
    x *= (1 - (1 - corner) * np.clip(r2 / 2, 0, 1) ** 1.2)[:, :, None]
    x += rng.normal(0, float(rng.uniform(5, 9)), (h, w, 1)).astype(np.float32)
    out = _u8(cv2.GaussianBlur(x, (0, 0), float(rng.uniform(0.6, 1.0)) * s))
    for _ in range(int(rng.integers(10, 40))):
        col = (30, 25, 20) if rng.random() < 0.6 else (235, 225, 205)
        cv2.circle(
            out,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            int(rng.integers(1, max(2, int(2 * s)) + 1)),
            col,
            -1,
        )
    for _ in range(int(rng.integers(1, 4))):
        sx = int(rng.integers(0, w))
        cv2.line(
            out, (sx, 0), (sx + int(rng.integers(-w // 20, w // 20 + 1)), h), (220, 210, 190), 1
        )
    return out


def views_v15(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v15's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(cam: Camera, sigma: float = 2.0) -> U8:
        return _noise(render(planes, cam, w, h), rng, sigma)

    out: dict[str, bytes] = {}
    out["glassdoor"] = _jpeg(through_glass(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["actioncam"] = _jpeg(action_cam(place, rng, w, h), 85)
    out["longexposure"] = _jpeg(long_exposure(shot(moved(place, rng, 0.4, 12), 0.0), rng), 85)
    out["reshared"] = reshared(shot(moved(place, rng, 0.4, 12)), rng)
    out["fridgedoor"] = _jpeg(on_fridge(shot(moved(place, rng, 0.4, 12)), rng, w, h), 85)
    out["ceilingcam"] = _jpeg(ceiling_cam(place, rng, w, h), int(rng.integers(60, 76)))
    out["throughdoor"] = _jpeg(through_door(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["makeover"] = _jpeg(
        _noise(render(made_over(place, rng), moved(place, rng, 0.4, 12), w, h), rng, 2.0), 85
    )
    out["telephoto"] = _jpeg(telephoto(place, rng, w, h), 85)
    out["pillarbox"] = _jpeg(pillarbox(place, rng, w, h), 85)
    out["sepia"] = _jpeg(sepia(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["oppositecorner"] = _jpeg(shot(opposite_corner(place, rng)), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v15", room=room_v15, views=views_v15)


def main() -> None:
    dry_run("v15", make_pictures, place_kind)


if __name__ == "__main__":
    main()

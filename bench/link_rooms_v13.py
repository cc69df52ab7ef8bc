"""Generator v13 of ``bench/link.py``: benign places (sports halls, community halls, library
reading rooms, train carriages, greenhouses, music practice rooms, laundrettes, galleries,
bedrooms, living rooms) as fingers on the lens, miniature and HDR filters, cracked and
steamed-up glass, old tapes, GIFs, flares, video players, toy cameras and wrong aspect
ratios show them, held out.

Written blind, like v6-v12: its author read only the brief of issue 14 (``issues show
14``), the first page of the project's DESIGN.md (to its "Facts to build on" heading) and
STYLE.md, ``docs/architecture.md``, ``bench/link_rooms_v12.py`` whole,
``bench/link_rooms_v11.py`` in part (its docstring, imports, constants and surface
primitives, lines 1-564, its ``_tins`` and the head of its ``PIECES``, lines 818-860,
a grep of its ``def``/``class`` lines and the heads of ``_wallpaper`` and ``_panelling``)
and ``bench/link_rooms_v10.py`` in part (its docstring, lines 1-140; its constants,
helpers and drawing primitives, lines 150-700; a grep of its ``def``/``class`` lines): for
the interface, the truth format, the shared picture writer and the primitives imported
below; ``tests/bench/test_link_rooms_v12.py`` (for the shape of the tests); in
``bench/link.py`` only the generator plumbing: a grep for it (which showed the v6-v12
import lines, one line of the module's docstring, one comment line, the ``GENERATORS`` and
views-dict lines and the ``--generator`` line), ``GENERATORS`` (lines 610-628), the
``views_*`` dict of ``make_collection`` with the lines round it (655-690: the lines that
read the opencv-doc pictures and the writer were on the same screen), the parser lines
round ``--generator`` (1240-1262), and the context lines ``git diff`` showed round the
four plumbing edits. Of ``bench/link_rooms_v6.py``-``v9.py`` only the names of their views
were read (a grep of the ``out["..."]`` keys, to avoid repeating them), and the signatures
of v9's ``render``, ``Plane``, ``Camera``, ``box_planes`` and v6's ``write_pictures`` and
``dry_run`` were printed (``inspect.signature``) and the options of v12's dry run listed
(``python -m bench.link_rooms_v12 --help``); also the ``[tool.ruff]``/``[tool.mypy]``
sections of ``pyproject.toml`` and the Makefile's ruff and mypy lines. Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run on these pictures: use it once, for a held-out figure. v9's projective
renderer, v6's picture writer and dry run, and small drawing primitives of v10 (paint,
wood, tiles, fabric, art, book spines, labels, clocks, notes, screens, window outsides,
doors, JPEG and noise helpers), v11 (concrete, lino, panelling, plants, tins) and v12
(carpets, a hotel carpet, a rug, ceiling tiles, boards, exit signs, extinguishers,
brushed steel) are imported; the places (shells, kinds, furniture, wall things,
look-alikes, belongings) and every view are v13's own.

Run with ``--generator v13 --no-real``. To look at the pictures and the truth without
linking anything: ``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v13 --rooms 12
--out /tmp/v13``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling, back,
left, right and front walls, every one drawn) with its fixed things drawn into the wall
textures (windows with what they show, curtains, doors, pictures, posters, noticeboards,
clocks, sockets, radiators, exit signs, extinguishers; a sports hall's crash padding,
backboard, scoreboard and wall bars; a hall's stage curtain, serving hatch and honours
board; a carriage's band of windows, adverts and destination display; a greenhouse's
glazing over the garden; acoustic foam and hung guitars; a laundrette's machine numbers,
price board and shop sign; a gallery's paintings, label cards and title lettering) and
furniture and fittings as 3-D boxes (beds, wardrobes, chests, desks, chairs, sofas, TV
units, bookcases, lamps, plants, rugs; benches, piles of mats, vaulting boxes, cones, a
goal; a stage, rows and stacks of stacking chairs, folding tables, an upright piano;
bookcases along the walls and in free-standing rows, reading tables, an issue desk; bays
of facing seats, tables, luggage racks, poles; staging with pots, a potting bench, grow
bags; a drum kit, amplifiers, music stands, a keyboard; washing machines and stacked
dryers, a counter, a bench, vending and change machines, baskets; plinths with
sculptures, a gallery bench, a rope barrier). Loose things and bedding change from day to
day. Two pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(400_000_000 + seed)``): paint with its
own unevenness, block walls each block its own shade, maple strips and court lines at the
hall's own places, parquet, carpets, lino, paving, gravel, the garden behind the glass, the
country a train passes, moquette, foam, curtains, fabrics, book spines, art, labels. No
photograph is read, so two ordinary places cannot share a photographed surface; the tests
check that no two ordinary places share any texture that is not a plain colour. What any
two places may still have alike is what is generic in real places too: socket plates,
clock dots, machine numbers, the Hershey fonts of the (random) lettering, a tape's
``PLAY``.

**Kinds of place**: sports hall (10-16 x 5.5-7.5 x 14-24 m), community hall (7-11 m wide,
10-16 m deep, a stage across the back), library reading room, train carriage (2.6-2.9 m
wide, 14-20 m long, seen from its end), greenhouse, music practice room, laundrette,
gallery room; ordinary bedrooms and living rooms; and, as look-alikes only, a hotel
chain's room, an office pod and a sleeper compartment. No person is drawn anywhere (a
fingertip on the lens is a blurred skin-toned blob).

**Views (none of them used in v1-v12), at the original's size:**

- ``finger``: a fingertip over part of the lens: an ellipse 24-36 % of the width by 35-50 %
  of the height from the left or right edge (its centre 6 % outside to 4 % inside the
  frame, at 35-80 % of the height, tilted up to 25 degrees) or from a bottom corner
  (tilted 20-60 degrees), out of focus (sigma 4-7 % of the width), in a skin tone drawn
  between a light (236, 196, 168) and a dark (90, 56, 38) one, darker where it is thick,
  glowing red at its rim (30-60 %), with a veil of scattered light round it (10-25 %);
  camera moved up to 0.3 m, turned up to 10 degrees. JPEG 85.
- ``tiltshift``: a miniature effect from above: another day's bedding and clutter; the
  camera held up (moved up to 0.3 m, turned up to 10 degrees) at 2.3 m to 0.15 m under
  the ceiling (at most 4.5 m), pitched 22-50 degrees down at the middle of the floor; a
  sharp band 12-20 % of the height at 45-65 % of it, blur growing above and below to
  sigma 3-5 px (at 400 wide) over 35 % of the height; saturation x1.3-1.6, contrast
  x1.08-1.18. JPEG 85.
- ``hdr``: an over-processed HDR look: log luminance split into a base (sigma 5-10 % of
  the width), a middle band and fine detail (below 1.2 %): base x0.3-0.5, middle x2-3,
  fine x1.3-1.8 (haloes), the 99.5th percentile at 0.97, gamma 0.75-0.9, saturation
  x1.3-1.6; camera moved up to 0.4 m, turned up to 12 degrees. JPEG 85.
- ``cracked``: through a cracked screen protector: an impact 15-85 % across and down, 6-11
  cracks wandering out from it and 1-3 arcs round it (radius 5-25 % of the width); each
  shard between two cracks shifted up to 2.5 px (at 400) and shaded x0.93-1.06; the
  cracks bright with a glint, dark beside; camera moved up to 0.3 m. JPEG 85.
- ``steam``: a steamed-up lens: a patchy pale veil of 45-75 % over a blur of sigma 3-7 px,
  but for a band 12-22 % of the width wiped across on a gentle curve (70-90 % thinner,
  nearly sharp); droplets in the mist; camera moved up to 0.4 m. JPEG 85.
- ``vhs``: a camcorder tape played back and digitised: the camcorder at 1.0-1.4 m, 48-58
  degrees wide (moved up to 0.4 m); luma softened with ringing; chroma at an eighth to a
  fifth of the width, shifted 2-4 px right, saturation x0.7-0.9; 75-85 % of the lines;
  odd lines 1-2.5 px out of step with even ones; a band of tracking noise (2-5 % of the
  height at 72-93 % of it); the head-switching skew at the bottom; ``PLAY`` and a tape
  counter on screen. JPEG 85.
- ``gif``: a frame of an animated GIF shown enlarged: scaled to 0.5-0.65, a palette of
  its own of 32, 48, 64 or 96 colours, ordered (Bayer) dithering, enlarged back without
  smoothing; camera moved up to 0.4 m. PNG.
- ``flare``: towards a bright light: exposure x0.7-0.85; at the brightest spot of the
  upper 70 % a bloom (sigma 4-8 % of the width), a starburst of 6-8 rays and a veil of
  glare; 4-7 coloured ghost discs along the line through the centre; camera moved up to
  0.4 m. JPEG 85.
- ``player``: a video player's screenshot: a 16:9 frame (camera moved up to 0.4 m, 4-10
  degrees wider) letterboxed in black, 1-2 subtitle lines of syllables, a channel logo,
  a progress bar at 5-95 %, times and buttons. JPEG 85.
- ``toycam``: a toy camera: barrel distortion (k 0.05-0.12), red scaled 0.6-1.4 % out and
  blue as much in (colour fringes), soft corners, a vignette of 40-65 %, a light leak (orange, red
  or yellow) from one side, crushed blacks, saturation x1.1-1.35, grain 4-7; camera moved
  up to 0.4 m. JPEG 85.
- ``squashed``: stored at the wrong aspect: a frame 1.25-1.45 times as wide (the same
  vertical view) squeezed across (70 %) or as tall squeezed down (30 %); camera moved up
  to 0.4 m. JPEG 80.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same code as an ordinary place of its kind, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (4-9 of
a suitcase, clothes, a laptop, a book, a bottle, shoes, a bag, a mug, a phone, a jacket,
snacks, on the beds, desks, racks, chairs or the floor), each day's clutter, how each
surface is lit, the camera and, where said, a window's view.

- *Rooms of one hotel chain* (6 %: ``seed % 50`` in {36, 37, 38}, kind ``chain hotel
  room``; template ``401_000_000 + seed // 50``): size, paint, the bed wall's colour, its
  upholstered headboard and reading lights, the print over the bed, the patterned carpet,
  the window's place, frame and curtains, the mirror, sockets and doors, the bed, bedside
  tables, lamps, desk, chair, luggage rack, wardrobe and armchair (designs and places), the
  chain's linen. The window shows the same street (drawn 1.5 times the window's width),
  each room its own stretch of it.
- *Office pods of one maker* (2 %: ``seed % 100`` in {52, 53}, ``office pod``; template
  ``402_000_000 + seed // 100``): felt walls and ceiling, carpet, the desk, the screen on
  its arm, the chair, a drawer unit, an empty pinboard, a coat hook. Only the glass front
  behind the camera (the office round the pod) is the pod's own.
- *Sleeper compartments of one train's stock* (2 %: ``seed % 100`` in {8, 9}, ``sleeper
  cabin``; template ``403_000_000 + seed // 100``): panelling, lino, the two berths with
  the operator's blankets, the rail, ladder, cabinet, mirror, notice, the window's place
  and frame and the blind. How far the blind is down (50-92 %) and the country below it
  are the compartment's own.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (36, 37, 38) or seed % 100 in
(52, 53, 8, 9)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (hotel rooms) or ``seed // 100`` (pods, sleepers).

**Pictures per place: 12** (the original and 11 views): ``original`` (PNG), ``finger``,
``tiltshift``, ``hdr``, ``cracked``, ``steam``, ``vhs``, ``gif`` (PNG), ``flare``,
``player``, ``toycam`` (JPEG 85) and ``squashed`` (JPEG 80), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 hotel rooms in every 50 seeds, 2 pods and
2 sleepers in every 100); the other seeds draw their kind with equal shares of 10 %:
bedroom, living room, sports hall, community hall, library, train, greenhouse, music
room, laundrette, gallery (the tests check each within ±4 points on seeds 0-999).
Counted on seeds 0-999 (``kind_counts``): chain hotel rooms 60, office pods 20, sleeper
cabins 20; of the other 900: greenhouse 108, library 96, gallery 96, living 90, bedroom
89, gym 88, train 85, laundrette 84, hall 83, music 81. The first 60 seeds (a default
``--rooms 60`` run): library 9, bedroom 6, greenhouse 6, music 6, gallery 6, hall 5,
living 4, gym 4, laundrette 4, train 3, hotel rooms 3 (seeds 36-38), sleepers 2 (8, 9),
pods 2 (52, 53): every group is in it.

**Speed**: 0.58 s of CPU a place (12 pictures at 400x300), seeds 200-223, one run, at load
average 3.1-3.8 on the shared 2-core machine (a long benchmark running beside it); 1.36 s
at 800x600 (seeds 200-207). Halls, trains and sports halls are the slowest (many boxes;
large surfaces), sleeper compartments and pods the quickest. Surfaces are drawn at 120
texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``400_000_000 + seed``; hotel chain ``401_000_000 + seed // 50``; pod
maker ``402_000_000 + seed // 100``; sleeper stock ``403_000_000 + seed // 100``; a day's
bedding and clutter ``404_000_000 + 3 * seed + day`` (day 0 everywhere but ``tiltshift``,
day 1); views ``default_rng([405_000_000, seed, i])`` (``i`` the index
``make_collection`` passes); the original's sensor noise ``406_000_000 + seed``.
Deterministic by seed. Lettering is random syllables (a scoreboard, a tape counter, a
player's times and machine numbers are digits). Pictures not made by ``room_v13`` (the
real pictures of ``bench/link.py`` when run without ``--no-real``) are hung as a print 2
m wide on the back wall of a generated bedroom, living room, hall or gallery and seen the
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
    _wood,
    _word,
)
from bench.link_rooms_v11 import _concrete, _lino, _panelling, _plant, _tins
from bench.link_rooms_v12 import (
    _board,
    _carpet,
    _ceiling_tiles,
    _exit_sign,
    _extinguisher,
    _hotel_carpet,
    _rug,
    _steel,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 400_000_000
HOTEL_SEED = 401_000_000
POD_SEED = 402_000_000
SLEEPER_SEED = 403_000_000
DAY_SEED = 404_000_000
VIEW_SEED = 405_000_000
SENSOR_SEED = 406_000_000
HOTEL_EVERY, HOTEL_SLOTS = 50, (36, 37, 38)
POD_EVERY, POD_SLOTS = 100, (52, 53)
SLEEPER_EVERY, SLEEPER_SLOTS = 100, (8, 9)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("bedroom", 0.10),
    ("living", 0.10),
    ("gym", 0.10),
    ("hall", 0.10),
    ("library", 0.10),
    ("train", 0.10),
    ("greenhouse", 0.10),
    ("music", 0.10),
    ("laundrette", 0.10),
    ("gallery", 0.10),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "chain hotel room": "hotelroom",
    "office pod": "pod",
    "sleeper cabin": "sleeper",
}
VIEW_KINDS = (
    "finger",
    "tiltshift",
    "hdr",
    "cracked",
    "steam",
    "vhs",
    "gif",
    "flare",
    "player",
    "toycam",
    "squashed",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "bedroom": ((3.0, 4.2), (2.4, 2.7), (3.2, 4.5)),
    "living": ((3.8, 5.5), (2.4, 2.8), (4.0, 6.0)),
    "gym": ((10.0, 16.0), (5.5, 7.5), (14.0, 24.0)),
    "hall": ((7.0, 11.0), (3.2, 4.5), (10.0, 16.0)),
    "library": ((5.0, 9.0), (2.6, 3.4), (6.0, 10.0)),
    "train": ((2.6, 2.9), (2.1, 2.4), (14.0, 20.0)),
    "greenhouse": ((2.6, 4.5), (2.3, 2.8), (3.0, 6.0)),
    "music": ((2.8, 4.5), (2.5, 2.9), (3.0, 5.0)),
    "laundrette": ((3.5, 5.5), (2.6, 3.2), (6.0, 10.0)),
    "gallery": ((6.0, 10.0), (3.0, 4.5), (7.0, 12.0)),
    "hotelroom": ((3.4, 4.0), (2.5, 2.7), (4.2, 5.2)),
    "pod": ((2.0, 2.4), (2.2, 2.4), (1.6, 2.2)),
    "sleeper": ((1.9, 2.2), (2.2, 2.4), (1.9, 2.2)),
}
SMALL = {"pod": 0.3, "sleeper": 0.3, "train": 0.5, "greenhouse": 0.6, "music": 0.7}
SKIN = ((236, 196, 168), (90, 56, 38))  # the lightest and darkest skin tone of a fingertip


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


def _blur(img: U8, sigma: float) -> U8:
    return np.asarray(cv2.GaussianBlur(img, (0, 0), max(0.3, sigma)), np.uint8)


def _png(img: U8) -> bytes:
    ok, buf = cv2.imencode(".png", cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2BGR))
    assert ok
    return bytes(buf.tobytes())


def _tone(rng: Rng, lo: Colour, hi: Colour) -> Colour:
    r, g, b = (int(rng.integers(a, z + 1)) for a, z in zip(lo, hi, strict=True))
    return r, g, b


def _wood_tone(rng: Rng) -> Colour:
    return _tone(rng, (120, 75, 35), (225, 180, 130))


def _colour_at(img: U8, y: int, x: int) -> Colour:
    r, g, b = (int(v) for v in img[y, x, :3])
    return r, g, b


def _lum(img: npt.NDArray[Any]) -> F32:
    x = img.astype(np.float32)
    return np.asarray(0.299 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2], np.float32)


# --- seeds and kinds ---------------------------------------------------------------------------


def is_chain_hotel(seed: int) -> bool:
    return seed % HOTEL_EVERY in HOTEL_SLOTS


def is_office_pod(seed: int) -> bool:
    return seed % POD_EVERY in POD_SLOTS


def is_sleeper_cabin(seed: int) -> bool:
    return seed % SLEEPER_EVERY in SLEEPER_SLOTS


def is_distractor(seed: int) -> bool:
    return is_chain_hotel(seed) or is_office_pod(seed) or is_sleeper_cabin(seed)


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
    if is_chain_hotel(seed):
        return "chain hotel room"
    if is_office_pod(seed):
        return "office pod"
    if is_sleeper_cabin(seed):
        return "sleeper cabin"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_chain_hotel(seed):
        return np.random.default_rng(HOTEL_SEED + seed // HOTEL_EVERY)
    if is_office_pod(seed):
        return np.random.default_rng(POD_SEED + seed // POD_EVERY)
    if is_sleeper_cabin(seed):
        return np.random.default_rng(SLEEPER_SEED + seed // SLEEPER_EVERY)
    return None


# --- v13's own surfaces, every one drawn from the rng it is given ------------------------------


def _court(rng: Rng, w: int, h: int, res: float) -> U8:
    """A sports hall's floor: maple strips under varnish (each strip its own shade, butt
    joints, a faint grain), a basketball court's lines and one to three badminton courts in
    other colours, each at the hall's own place."""
    maple = np.array(_tone(rng, (185, 140, 80), (235, 195, 140)), np.float32)
    strip = max(2, round(0.07 * res))
    shade = rng.uniform(0.9, 1.08, w // strip + 1).astype(np.float32)
    k = np.repeat(shade, strip)[:w][None, :] * (
        1 + 0.03 * _field(rng, w, h, 1) + 0.05 * _field(rng, w, h, max(4, w // 6))
    )
    img = _u8(maple[None, None, :] * k[:, :, None])
    joint = _shade(_colour_at(img, 0, 0), 0.6)
    for x in range(0, w, strip):
        y = int(rng.integers(0, max(1, h)))
        while y < h:
            cv2.line(img, (x, y), (x + strip - 1, y), joint, 1)
            y += max(8, round(float(rng.uniform(1.0, 3.0)) * res))
    t = max(1, round(0.05 * res))
    main, other = _c(rng, 0, 256), _c(rng, 0, 256)

    def m(metres: float) -> int:
        return round(metres * res)

    inset = float(rng.uniform(0.6, 1.4))
    cv2.rectangle(img, (m(inset), m(inset)), (w - m(inset), h - m(inset)), main, t)
    cv2.line(img, (m(inset), h // 2), (w - m(inset), h // 2), main, t)
    cv2.circle(img, (w // 2, h // 2), m(1.8), main, t)
    for end, sgn in ((m(inset), 1), (h - m(inset), -1)):
        y1 = end + sgn * m(5.8)
        cv2.rectangle(
            img, (w // 2 - m(2.45), min(end, y1)), (w // 2 + m(2.45), max(end, y1)), main, t
        )
        a0 = 0 if sgn > 0 else 180
        cv2.ellipse(img, (w // 2, end + sgn * m(1.6)), (m(6.75), m(6.75)), 0, a0, a0 + 180, main, t)
    for _ in range(int(rng.integers(1, 4))):
        cw, cd = m(6.1), m(13.4)
        x = int(rng.integers(0, max(1, w - cw)))
        y = int(rng.integers(0, max(1, h - cd)))
        cv2.rectangle(img, (x, y), (x + cw, y + cd), other, t)
        cv2.line(img, (x, y + cd // 2), (x + cw, y + cd // 2), other, t)
        cv2.line(img, (x + cw // 2, y), (x + cw // 2, y + cd), other, t)
    return img


def _parquet(rng: Rng, w: int, h: int, res: float) -> U8:
    """Wood blocks laid in a basket weave: squares of three or four slats, turned in turn."""
    cell = max(6, round(float(rng.uniform(0.22, 0.32)) * res))
    slat = max(2, cell // int(rng.integers(3, 5)))
    colour = _wood_tone(rng)
    along = _wood(rng, w, h, colour, slat, along_x=True)
    across = _wood(rng, w, h, _shade(colour, float(rng.uniform(0.85, 1.05))), slat, along_x=False)
    yy, xx = np.mgrid[0:h, 0:w]
    turn = ((yy // cell + xx // cell) % 2 == 0)[:, :, None]
    img = np.ascontiguousarray(np.where(turn, along, across))
    dark = _shade(colour, 0.5)
    for x in range(0, w, cell):
        cv2.line(img, (x, 0), (x, h), dark, 1)
    for y in range(0, h, cell):
        cv2.line(img, (0, y), (w, y), dark, 1)
    return img


def _paving(rng: Rng, w: int, h: int, res: float) -> U8:
    """Paving slabs (each its own shade, lichen spots) or gravel (pebbles of two tones)."""
    if rng.random() < 0.5:
        tone = int(rng.integers(120, 200))
        slab = max(6, round(float(rng.uniform(0.4, 0.6)) * res))
        out = np.empty((h, w, 3), np.uint8)
        out[:] = _shade((tone, tone, tone - 6), 0.6)
        grain = 1 + 0.06 * _field(rng, w, h, 1) + 0.05 * _field(rng, w, h, 8)
        for y in range(0, h, slab):
            for x in range(int(rng.integers(0, slab)) * ((y // slab) % 2) - slab, w, slab):
                x0, x1, y1 = max(0, x + 1), min(w, x + slab - 1), min(h, y + slab - 1)
                if x1 <= x0 or y1 <= y + 1:
                    continue
                base = np.array(_shade((tone, tone - 4, tone - 10), float(rng.uniform(0.85, 1.1))))
                out[y + 1 : y1, x0:x1] = _u8(base[None, None, :] * grain[y + 1 : y1, x0:x1, None])
        for _ in range(int(rng.integers(5, 25))):
            cv2.circle(
                out,
                (int(rng.integers(0, w)), int(rng.integers(0, h))),
                int(rng.integers(1, 5)),
                _tone(rng, (120, 130, 60), (190, 200, 110)),
                -1,
            )
        return out
    a, b = np.array(_c(rng, 110, 210), np.float32), np.array(_c(rng, 90, 190), np.float32)
    pick = (_field(rng, w, h, 1) > 0.2)[:, :, None]
    k = (1 + 0.22 * _field(rng, w, h, 1) + 0.1 * _field(rng, w, h, 3))[:, :, None]
    return _u8(np.where(pick, a, b) * k)


def _flecked_carpet(rng: Rng, w: int, h: int) -> U8:
    """A hard-wearing carpet: a ground colour flecked with two others."""
    img = _carpet(rng, w, h)
    for _ in range(2):
        n = w * h // int(rng.integers(15, 60))
        img[rng.integers(0, h, n), rng.integers(0, w, n)] = _c(rng, 20, 240)
    return _blur(img, 0.5)


def _checker(rng: Rng, w: int, h: int, res: float) -> U8:
    """Floor tiles of two colours in a chequer, each tile its own slight shade."""
    a, b = _c(rng, 150, 250), _c(rng, 10, 120)
    s = max(4, round(float(rng.uniform(0.25, 0.4)) * res))
    out = np.empty((h, w, 3), np.uint8)
    out[:] = _c(rng, 100, 180)
    speck = 1 + 0.04 * _field(rng, w, h, 2)
    for ty in range(0, h, s):
        for tx in range(0, w, s):
            y1, x1 = min(h, ty + s - 1), min(w, tx + s - 1)
            col = a if (tx // s + ty // s) % 2 == 0 else b
            base = np.array(_shade(col, float(rng.uniform(0.93, 1.06))), np.float32)
            out[ty:y1, tx:x1] = _u8(base[None, None, :] * speck[ty:y1, tx:x1, None])
    return out


def _sky(rng: Rng, w: int, h: int) -> U8:
    """Sky seen from below: a blue gradient, clouds."""
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    top = np.array(_c(rng, 90, 190), np.float32) * np.array([0.7, 0.85, 1.12], np.float32)
    img = top * (1 - t) * np.ones((1, w, 1), np.float32) + np.float32(225) * t
    cloud = np.clip(_field(rng, w, h, max(6, w // 8)) - float(rng.uniform(0.0, 0.6)), 0, 1)
    return _u8(img + 110 * cloud[:, :, None])


def _garden(rng: Rng, w: int, h: int, res: float) -> U8:
    """What a greenhouse's glass shows (w x h texels, h the wall's height): sky, trees,
    a fence or a hedge, a lawn."""
    img = _sky(rng, w, h)

    def y_of(up: float) -> int:
        return h - round(up * res)

    for _ in range(int(rng.integers(2, 7))):
        cx = int(rng.integers(0, w))
        r = max(3, round(float(rng.uniform(0.4, 1.1)) * res))
        cy = y_of(float(rng.uniform(1.9, 3.2))) + r
        green = _tone(rng, (20, 60, 15), (90, 150, 70))
        for _ in range(int(rng.integers(5, 10))):
            d = rng.integers(-r, r + 1, 2)
            cv2.circle(
                img,
                (cx + int(d[0]), cy + int(d[1]) // 2),
                int(r * rng.uniform(0.4, 0.8)),
                green,
                -1,
            )
        cv2.line(img, (cx, cy), (cx, h), _tone(rng, (50, 35, 20), (100, 75, 50)), max(2, r // 5))
    top = y_of(float(rng.uniform(1.4, 2.0)))
    if rng.random() < 0.55:
        fence = _wood(rng, w, h - top, _wood_tone(rng), max(3, round(0.12 * res)), along_x=False)
        img[top:] = fence
    else:
        hedge = np.array(_tone(rng, (20, 50, 15), (70, 120, 50)), np.float32)
        k = 1 + 0.25 * _field(rng, w, h - top, 2) + 0.15 * _field(rng, w, h - top, 9)
        img[top:] = _u8(hedge[None, None, :] * k[:, :, None])
    lawn = y_of(float(rng.uniform(0.25, 0.5)))
    grass = np.array(_tone(rng, (50, 110, 30), (110, 180, 80)), np.float32)
    img[lawn:] = _u8(grass[None, None, :] * (1 + 0.15 * _field(rng, w, h - lawn, 2))[:, :, None])
    return img


def _glazing(img: U8, rng: Rng, res: float, bar: Colour, rails: list[float]) -> None:
    """Glazing bars across a glass wall or roof: vertical bars every 0.55-0.8 m, rails at the
    given heights (metres from the texture's bottom)."""
    h, w = img.shape[:2]
    step = max(6, round(float(rng.uniform(0.55, 0.8)) * res))
    t = max(2, round(0.045 * res))
    for x in range(int(rng.integers(0, step)), w, step):
        cv2.rectangle(img, (x, 0), (x + t, h), bar, -1)
    for up in rails:
        y = h - round(up * res)
        cv2.rectangle(img, (0, y - t // 2), (w, y + t // 2), bar, -1)


def _glass_wall(rng: Rng, w: int, h: int, res: float) -> U8:
    """A greenhouse wall: a low wall of boards or render, then glass (the garden behind,
    tinted, a film of dirt), glazing bars, moss along the bottom rail."""
    img = _garden(rng, w, h, res).astype(np.float32)
    tint = np.array([0.9, 1.0, 0.94], np.float32) * np.float32(rng.uniform(0.9, 1.02))
    dirt = np.clip(0.5 + 0.6 * _field(rng, w, h, max(6, w // 12)), 0, 1) * np.float32(
        rng.uniform(0.06, 0.18)
    )
    img = img * tint * (1 - dirt[:, :, None]) + np.float32(170) * dirt[:, :, None]
    out = _u8(img)
    low = float(rng.uniform(0.5, 0.8))
    ly = h - round(low * res)
    if rng.random() < 0.5:
        out[ly:] = _wood(rng, w, h - ly, _c(rng, 60, 230), max(3, round(0.12 * res)))
    else:
        out[ly:] = _concrete(rng, w, h - ly, int(rng.integers(140, 220)))
    bar = (235, 235, 232) if rng.random() < 0.4 else _c(rng, 40, 200)
    _glazing(out, rng, res, bar, [low, float(rng.uniform(1.5, 1.8))])
    moss = _tone(rng, (50, 80, 20), (100, 140, 60))
    for _ in range(int(rng.integers(4, 20))):
        cv2.circle(out, (int(rng.integers(0, w)), ly), int(rng.integers(1, 4)), moss, -1)
    return out


def _moquette(rng: Rng, w: int, h: int) -> U8:
    """A train seat's moquette: a dense small repeat in three or four colours, the weave."""
    rep = int(rng.integers(8, 18))
    tile = np.empty((rep, rep, 3), np.uint8)
    tile[:] = _c(rng, 10, 160)
    for _ in range(int(rng.integers(2, 5))):
        col = _c(rng, 0, 256)
        what = int(rng.integers(0, 3))
        a, b = rng.integers(0, rep, 2)
        if what == 0:
            cv2.line(tile, (int(a), 0), (int(b), rep), col, 1)
        elif what == 1:
            cv2.circle(tile, (int(a), int(b)), max(1, rep // 6), col, -1)
        else:
            c = rep // 2
            pts = np.array([[c, int(a) // 2], [rep - 1, c], [c, rep - 1 - int(b) // 2], [0, c]])
            cv2.polylines(tile, [pts.astype(np.int32)], True, col, 1)
    img = np.tile(tile, (h // rep + 1, w // rep + 1, 1))[:h, :w]
    return _u8(img.astype(np.float32) * (1 + 0.08 * _field(rng, w, h, 1))[:, :, None])


def _landscape(rng: Rng, w: int, h: int) -> U8:
    """What a moving train's windows show: sky, hills, fields, trees and poles, smeared
    along the track."""
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    top = np.array(_c(rng, 100, 200), np.float32) * np.array([0.75, 0.88, 1.1], np.float32)
    img = _u8(top * (1 - t) * np.ones((1, w, 1), np.float32) + np.float32(220) * t)
    horizon = int(h * rng.uniform(0.35, 0.55))
    for layer in range(2):
        xs = np.linspace(0, w, int(rng.integers(5, 12)))
        ys = horizon - rng.uniform(0, h * (0.25 - 0.1 * layer), len(xs))
        pts = np.concatenate([np.stack([xs, ys], 1), [[w, h], [0, h]]]).astype(np.int32)
        cv2.fillPoly(img, [pts], _tone(rng, (40, 70, 40), (120, 160, 110)))
    x = 0
    while x < w:
        fw = int(rng.integers(w // 12 + 2, w // 4 + 3))
        col = _tone(rng, (60, 90, 20), (200, 190, 110))
        pts = np.array(
            [[x, horizon + 2], [x + fw, horizon + 2], [x + fw + fw // 3, h], [x - fw // 3, h]],
            np.int32,
        )
        cv2.fillPoly(img, [pts], col)
        x += fw
    for _ in range(int(rng.integers(3, 12))):
        tx, r = int(rng.integers(0, w)), int(rng.integers(2, max(3, h // 6)))
        cv2.circle(img, (tx, horizon - r // 2), r, _tone(rng, (20, 50, 15), (80, 120, 60)), -1)
    for px in range(int(rng.integers(0, w // 3 + 1)), w, max(8, w // int(rng.integers(3, 7)))):
        cv2.line(img, (px, int(h * 0.1)), (px, h), (70, 60, 50), 1)
    smear = max(3, int(w * rng.uniform(0.01, 0.03)))
    return np.asarray(cv2.blur(img, (smear, 1)), np.uint8)


def _led_sign(rng: Rng, w: int, h: int) -> U8:
    """A dot-matrix destination display: amber, orange or white syllables on black."""
    img = np.zeros((h, w, 3), np.uint8)
    ink = ((255, 170, 30), (255, 110, 20), (230, 230, 220))[int(rng.integers(0, 3))]
    cv2.putText(img, _word(rng, (2, 4)).upper(), (2, h - 3), cv2.FONT_HERSHEY_PLAIN, h / 14, ink, 1)
    dots = np.zeros((h, w), np.float32)
    dots[::2, ::2] = 1.0
    return _u8(img.astype(np.float32) * dots[:, :, None] + 12)


def _foam(rng: Rng, w: int, h: int, res: float, colour: Colour) -> U8:
    """Acoustic foam: 0.5 m panels of egg-crate or wedge relief, the wedges turned in turn."""
    p = max(4, round(float(rng.uniform(0.08, 0.14)) * res))
    panel = max(8, round(0.5 * res))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.5:
        relief = np.sin(2 * np.pi * xx / p) * np.sin(2 * np.pi * yy / p)
    else:
        turn = ((yy // panel + xx // panel) % 2).astype(bool)
        relief = np.where(turn, np.sin(2 * np.pi * xx / p), np.sin(2 * np.pi * yy / p))
    k = 0.82 + 0.16 * relief + 0.04 * _field(rng, w, h, 2)
    img = _u8(np.array(colour, np.float32)[None, None, :] * k[:, :, None])
    for x in range(0, w, panel):
        cv2.line(img, (x, 0), (x, h), _shade(colour, 0.55), 1)
    for y in range(0, h, panel):
        cv2.line(img, (0, y), (w, y), _shade(colour, 0.55), 1)
    return img


def _felt(rng: Rng, w: int, h: int, res: float, col: Colour) -> U8:
    """Felt acoustic panels: a colour, fine fibres, maybe vertical grooves."""
    k = 1 + 0.05 * _field(rng, w, h, 1) + 0.03 * _field(rng, w, h, 12)
    img = _u8(np.array(col, np.float32)[None, None, :] * k[:, :, None])
    if rng.random() < 0.6:
        step = max(3, round(float(rng.uniform(0.08, 0.3)) * res))
        for x in range(int(rng.integers(0, step)), w, step):
            cv2.line(img, (x, 0), (x, h), _shade(col, 0.7), 1)
    return img


def _curtain(rng: Rng, w: int, h: int) -> U8:
    """A stage curtain: heavy cloth in deep folds, a pelmet with a fringe."""
    col = _c(rng, 30, 200)
    x = np.arange(w, dtype=np.float32)
    period = float(rng.uniform(10, 22))
    wobble = 2 * _field(rng, w, 1, 20)[0]
    folds = 0.62 + 0.38 * (0.5 + 0.5 * np.sin(2 * np.pi * x / period + wobble))
    nap = 1 + 0.05 * _field(rng, w, h, 3)
    img = _u8(np.array(col, np.float32)[None, None, :] * folds[None, :, None] * nap[:, :, None])
    band = max(4, int(h * rng.uniform(0.06, 0.12)))
    img[:band] = _shade(col, 0.7) if rng.random() < 0.5 else _c(rng, 30, 200)
    fringe = _c(rng, 150, 256)
    for fx in range(0, w, 4):
        cv2.line(img, (fx, band), (fx, band + 3), fringe, 1)
    return img


def _washer(rng: Rng, body: Colour, dryer: bool, steel: bool) -> U8:
    """A front-loading washer's or dryer's face: controls, a dial, a display, the round
    door with laundry tumbling behind its glass."""
    n = 96
    img = _steel(rng, n, n, int(np.mean(body))) if steel else _paint(rng, n, n, body)
    cv2.rectangle(img, (0, 0), (n, 16), _shade(body, 0.8), -1)
    cv2.circle(img, (n - 16, 8), 5, (60, 60, 65), -1)
    cv2.rectangle(img, (30, 4), (54, 12), (25, 30, 25), -1)
    cv2.putText(
        img, f"{int(rng.integers(0, 99)):02d}", (32, 12), cv2.FONT_HERSHEY_PLAIN, 0.6, (90, 230, 90)
    )
    cv2.rectangle(img, (4, 3), (22, 13), _shade(body, 0.65), 1)  # the soap drawer
    r = 34 if dryer else 28
    c = (n // 2, 18 + (n - 18) // 2)
    cv2.circle(img, c, r + 4, (205, 205, 210), -1)
    cv2.circle(img, c, r, (38, 42, 52), -1)
    for _ in range(int(rng.integers(0, 9))):
        d = rng.integers(-r // 2, r // 2 + 1, 2)
        cv2.circle(img, (c[0] + int(d[0]), c[1] + int(d[1])), int(rng.integers(4, 11)), _c(rng), -1)
    cv2.ellipse(img, c, (r - 5, r - 5), 0, 200, 250, (235, 235, 240), 2)
    return img


def _vending(rng: Rng, w: int, h: int) -> U8:
    """A vending machine's front: products on shelves behind glass, a keypad, a coin slot."""
    img = _paint(rng, w, h, _c(rng, 20, 230))
    gw = int(w * 0.68)
    inner = np.empty((h - 16, gw - 8, 3), np.uint8)
    inner[:] = (30, 32, 36)
    rows = int(rng.integers(4, 7))
    rh = inner.shape[0] // rows
    for r in range(rows):
        _paste(inner, _tins(rng, inner.shape[1], rh - 3), 0, r * rh)
    _paste(img, inner, 4, 8)
    for r in range(4):
        for c in range(3):
            cv2.rectangle(
                img,
                (gw + 4 + 6 * c, 20 + 7 * r),
                (gw + 8 + 6 * c, 24 + 7 * r),
                (210, 210, 210),
                -1,
            )
    cv2.rectangle(img, (gw + 6, h // 2), (gw + 16, h // 2 + 10), (40, 40, 40), -1)
    return img


def _piano(rng: Rng, w: int, h: int) -> U8:
    """An upright piano's front: wood or black lacquer, a music desk, the keyboard, a name."""
    if rng.random() < 0.5:
        img = _wood(rng, w, h, _tone(rng, (60, 30, 15), (170, 110, 70)), 12, along_x=False)
    else:
        img = _u8(
            np.array(_c(rng, 10, 40), np.float32)[None, None, :]
            * (1 + 0.3 * _field(rng, w, h, max(4, w // 4)))[:, :, None]
        )
    ky = int(h * rng.uniform(0.52, 0.6))
    kh = max(5, h // 9)
    ivory = _tone(rng, (225, 215, 190), (250, 248, 240))
    cv2.rectangle(img, (3, ky), (w - 4, ky + kh), ivory, -1)
    n = int(rng.integers(30, 40))
    kw = (w - 7) / n
    for i in range(n + 1):
        x = int(3 + i * kw)
        cv2.line(img, (x, ky), (x, ky + kh), (90, 90, 90), 1)
        if i % 7 not in (2, 6) and i < n:
            cv2.rectangle(
                img,
                (x + int(kw * 0.6), ky),
                (x + int(kw * 1.3), ky + kh // 2 + 1),
                (15, 15, 15),
                -1,
            )
    cv2.rectangle(img, (w // 5, ky - h // 4), (4 * w // 5, ky - h // 8), _shade(ivory, 0.9), -1)
    _text(img, rng, _word(rng, (2, 3)).upper(), w // 3, ky - h // 3, 7, (210, 180, 90))
    return img


def _sheet(rng: Rng, w: int, h: int) -> U8:
    """A page of sheet music: staves of five lines, notes, a title."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _tone(rng, (225, 220, 200), (252, 250, 244))
    _text(img, rng, _word(rng, (2, 3)).capitalize(), w // 4, 8, 6, (20, 20, 20))
    gap = max(2, h // 25)
    for top in range(12, h - 5 * gap, 6 * gap):
        for k in range(5):
            cv2.line(img, (3, top + k * gap), (w - 3, top + k * gap), (60, 60, 60), 1)
        for x in range(8, w - 6, int(rng.integers(5, 10))):
            y = top + int(rng.integers(-1, 9)) * gap // 2
            cv2.circle(img, (x, y), max(1, gap // 2 + 1), (15, 15, 15), -1)
            cv2.line(img, (x + gap // 2, y), (x + gap // 2, y - 3 * gap), (15, 15, 15), 1)
    return img


def _drumhead(rng: Rng, s: int, shell: Colour) -> U8:
    img = _paint(rng, s, s, shell)
    cv2.circle(img, (s // 2, s // 2), s // 2 - 2, _tone(rng, (220, 215, 200), (250, 250, 245)), -1)
    cv2.circle(img, (s // 2, s // 2), s // 2 - 2, (170, 170, 175), 2)
    if rng.random() < 0.6:
        _text(img, rng, _word(rng, (1, 2)).upper(), s // 4, s // 2 + 4, max(5, s // 7), _c(rng))
    return img


def _grille(rng: Rng, w: int, h: int) -> U8:
    """An amplifier's front: a control strip with knobs, grille cloth, a name."""
    img = _u8(
        np.array(_c(rng, 15, 70), np.float32)[None, None, :]
        * (1 + 0.15 * _field(rng, w, h, 1))[:, :, None]
    )
    cv2.rectangle(img, (0, 0), (w, h // 5), _c(rng, 20, 220), -1)
    for k in range(int(rng.integers(3, 8))):
        cv2.circle(img, (6 + k * 8, h // 10), 2, (20, 20, 20), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), w // 3, h // 2, 8, _c(rng, 150, 256))
    return img


def _bookcase(rng: Rng, w: int, h: int, frame: Colour) -> U8:
    """A bookcase's front: its frame, five or six shelves of books and boxes."""
    img = _paint(rng, w, h, frame)
    shelves = int(rng.integers(5, 7))
    sh = (h - 4) // shelves
    for k in range(shelves):
        _paste(img, _books(rng, w - 8, sh - 4), 4, 2 + k * sh)
    return img


def _card(rng: Rng, w: int, h: int) -> U8:
    """A gallery's label card: a title, a line or two of small text."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _tone(rng, (235, 232, 222), (252, 252, 250))
    _text(
        img, rng, _word(rng, (2, 3)).capitalize(), 2, max(5, h // 3), max(4, h // 4), (20, 20, 20)
    )
    for k in range(int(rng.integers(1, 3))):
        y = max(6, h // 3) + (k + 1) * max(3, h // 4)
        cv2.line(img, (2, y), (int(w * rng.uniform(0.4, 0.9)), y), (110, 110, 110), 1)
    return img


def _scoreboard(rng: Rng, w: int, h: int) -> U8:
    """A sports hall's scoreboard: two scores, a clock, two team names of syllables."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = _c(rng, 5, 40)
    ink = ((255, 60, 40), (255, 180, 30), (240, 240, 230))[int(rng.integers(0, 3))]
    sc = h / 40
    for x in (w // 12, w * 7 // 12):
        cv2.putText(
            img, f"{int(rng.integers(0, 100)):02d}", (x, int(h * 0.85)), 0, sc, ink, max(1, h // 16)
        )
        _text(img, rng, _word(rng, (1, 2)).upper(), x, int(h * 0.3), max(5, h // 6), ink)
    cv2.putText(
        img,
        f"{int(rng.integers(0, 60)):02d}:{int(rng.integers(0, 60)):02d}",
        (w * 5 // 12 - 4, int(h * 0.55)),
        0,
        sc * 0.45,
        (240, 240, 240),
        1,
    )
    return img


def _guitar(img: U8, rng: Rng, x: int, y: int, length: int) -> None:
    """A guitar hung on a wall by its head at (x, y), ``length`` texels long."""
    body = _c(rng, 20, 240)
    neck = _wood_tone(rng)
    cv2.rectangle(img, (x - 2, y), (x + 2, y + 4), (40, 40, 40), -1)
    cv2.rectangle(img, (x - length // 22, y + 3), (x + length // 22, y + length // 9), neck, -1)
    cv2.rectangle(
        img, (x - length // 40, y + length // 9), (x + length // 40, y + length // 2), neck, -1
    )
    cy = y + int(length * 0.72)
    cv2.ellipse(img, (x, cy), (length // 5, length // 6), 0, 0, 360, body, -1)
    cv2.ellipse(
        img, (x, y + length // 2 + length // 12), (length // 7, length // 8), 0, 0, 360, body, -1
    )
    cv2.circle(img, (x, y + length // 2 + length // 10), max(2, length // 18), (20, 20, 20), -1)


def _wallbars(img: U8, rng: Rng, x: int, y: int, w: int, h: int, res: float) -> None:
    """Gym wall bars: two wooden posts and round rungs every 0.15 m."""
    col = _wood_tone(rng)
    post = max(2, round(0.06 * res))
    cv2.rectangle(img, (x, y), (x + post, y + h), col, -1)
    cv2.rectangle(img, (x + w - post, y), (x + w, y + h), col, -1)
    step = max(3, round(0.15 * res))
    for yy in range(y + step // 2, y + h, step):
        cv2.line(img, (x, yy), (x + w, yy), _shade(col, 0.9), max(1, round(0.03 * res)))


def _backboard(img: U8, rng: Rng, cx: int, y: int, res: float) -> None:
    """A basketball backboard (white or clear) with its hoop, ``y`` its top."""
    bw, bh = round(1.8 * res), round(1.05 * res)
    face = (240, 240, 238) if rng.random() < 0.6 else _tone(rng, (170, 190, 200), (210, 225, 235))
    edge = _c(rng, 0, 256)
    cv2.rectangle(img, (cx - bw // 2, y), (cx + bw // 2, y + bh), face, -1)
    cv2.rectangle(img, (cx - bw // 2, y), (cx + bw // 2, y + bh), edge, max(1, round(0.05 * res)))
    sq = round(0.59 * res), round(0.45 * res)
    cv2.rectangle(
        img,
        (cx - sq[0] // 2, y + bh - sq[1] - round(0.15 * res)),
        (cx + sq[0] // 2, y + bh - round(0.15 * res)),
        edge,
        max(1, round(0.04 * res)),
    )
    hoop = (240, 110, 20) if rng.random() < 0.7 else _c(rng, 100, 256)
    cv2.ellipse(
        img,
        (cx, y + bh - round(0.1 * res)),
        (round(0.23 * res), round(0.06 * res)),
        0,
        0,
        360,
        hoop,
        2,
    )


def _cabinet(rng: Rng, cols: int, rows: int, body: Colour) -> U8:
    """A cabinet's front: doors or drawers in a grid, handles."""
    w, h = 96, 96
    img = _paint(rng, w, h, body) if rng.random() < 0.6 else _wood(rng, w, h, body, 16)
    handle = _c(rng, 20, 220)
    for r in range(rows):
        for c in range(cols):
            x0, y0 = 2 + c * w // cols, 2 + r * h // rows
            x1, y1 = (c + 1) * w // cols - 2, (r + 1) * h // rows - 2
            cv2.rectangle(img, (x0, y0), (x1, y1), _shade(body, 0.6), 1)
            if rows > 1:
                cv2.rectangle(
                    img, ((x0 + x1) // 2 - 5, y0 + 4), ((x0 + x1) // 2 + 5, y0 + 6), handle, -1
                )
            else:
                cv2.rectangle(
                    img, (x1 - 5, (y0 + y1) // 2 - 4), (x1 - 3, (y0 + y1) // 2 + 4), handle, -1
                )
    return img


# --- the place model ------------------------------------------------------------------------


@dataclass
class Surface:
    """One face of the shell: its texture as drawn (``tex``) and as lit (``lit``)."""

    name: str
    tex: U8
    origin: F64
    u: F64
    v: F64
    size: tuple[float, float]
    res: float
    lit: U8 | None = None


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


Top = tuple[float, float, float, float, float]  # x, z, width, depth, height of a free top


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
    bedding: U8 | None = None  # a hotel's or a train's own linen, the same every day
    cache: dict[int, list[Plane]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = _planes(self, day)
        return self.cache[day]

    def textures(self) -> dict[str, U8]:
        """Every texture of the place as drawn, by name (for the tests)."""
        out = {f"surface {k}": s.tex for k, s in self.surfaces.items()}
        for i, b in enumerate(self.boxes):
            out |= {f"box {i} {k}": v for k, v in b.tex.items()}
        for i, b in enumerate(self.belongings):
            out |= {f"belonging {i} {k}": v for k, v in b.tex.items()}
        return out


def _frames(w: float, h: float, d: float) -> dict[str, tuple[F64, F64, F64, tuple[float, float]]]:
    """Origin, u, v and size of each face of the box, seen upright from inside. On the left
    wall texture columns run from the front to the back, on the right wall from the back
    to the front; the floor's rows from the back, the ceiling's from the front."""
    down, east, north = _vec(0, -1, 0), _vec(1, 0, 0), _vec(0, 0, 1)
    return {
        "back": (_vec(-w / 2, h, d), east, down, (w, h)),
        "left": (_vec(-w / 2, h, 0), north, down, (d, h)),
        "right": (_vec(w / 2, h, d), -north, down, (d, h)),
        "front": (_vec(w / 2, h, 0), -east, down, (w, h)),
        "floor": (_vec(-w / 2, 0, d), east, -north, (w, d)),
        "ceiling": (_vec(-w / 2, h, 0), east, north, (w, d)),
    }


class _Wall:
    """Placing things on one wall's texture: metres to texels, free spots."""

    def __init__(self, surf: Surface, rng: Rng) -> None:
        self.surf, self.rng = surf, rng
        self.height, self.length = surf.size[1], surf.size[0]
        self.taken: list[tuple[int, int, int, int]] = []

    @property
    def img(self) -> U8:
        return self.surf.tex

    def px(self, metres: float) -> int:
        return max(2, round(metres * self.surf.res))

    def y_of(self, up: float) -> int:
        """The texture row ``up`` metres above the floor."""
        return round((self.height - up) * self.surf.res)

    def x_of(self, along: float) -> int:
        return round(along * self.surf.res)

    def claim(self, x: int, y: int, w: int, h: int, gap: int = 4) -> bool:
        th, tw = self.img.shape[:2]
        if x < 1 or y < 1 or x + w > tw - 1 or y + h > th - 1:
            return False
        if any(
            not (x + w + gap < a or a + c + gap < x or y + h + gap < b or b + d + gap < y)
            for a, b, c, d in self.taken
        ):
            return False
        self.taken.append((x, y, w, h))
        return True

    def put(
        self,
        patch: U8,
        top_lo: float,
        top_hi: float,
        along: tuple[float, float] | None = None,
        tries: int = 25,
        gap: int = 4,
    ) -> tuple[int, int] | None:
        """``patch`` pasted where it is free, its top ``top_lo``-``top_hi`` m above the floor
        (and its left edge ``along`` m along the wall if given)."""
        h, w = patch.shape[:2]
        lo, hi = along if along is not None else (0.0, self.length)
        for _ in range(tries):
            y = self.y_of(float(self.rng.uniform(top_lo, top_hi)))
            x = self.x_of(float(self.rng.uniform(lo, max(lo, hi - w / self.surf.res))))
            if self.claim(x, y, w, h, gap):
                _paste(self.img, patch, x, y)
                return x, y
        return None


def _window(
    wall: _Wall,
    rng: Rng,
    view: U8,
    along: float,
    low: float,
    wm: float,
    hm: float,
    frame: Colour,
) -> bool:
    """A window ``wm`` x ``hm`` m with its sill ``low`` m up and its left edge ``along`` m
    along the wall: a frame, what ``view`` shows, a bar or two."""
    ww, wh = wall.px(wm), wall.px(hm)
    x, y = wall.x_of(along), wall.y_of(low + hm)
    if not wall.claim(x, y, ww, wh, gap=2):
        return False
    img = np.empty((wh, ww, 3), np.uint8)
    img[:] = frame
    b = max(2, ww // 20)
    img[b:-b, b:-b] = cv2.resize(view, (ww - 2 * b, wh - 2 * b), interpolation=cv2.INTER_AREA)
    for i in range(1, int(rng.integers(0, 3)) + 1):
        bx = b + i * (ww - 2 * b) // 3
        cv2.rectangle(img, (bx - b // 2, b), (bx + b // 2, wh - b), frame, -1)
    _paste(wall.img, img, x, y)
    return True


def _socket(wall: _Wall) -> None:
    s = wall.px(0.085)
    low = wall.rng.random() < 0.6
    p = wall.put(np.full((s, s, 3), 236, np.uint8), 0.38 if low else 1.15, 0.42 if low else 1.2)
    if p:
        for fx in (1, 2):
            cv2.circle(
                wall.img, (p[0] + fx * s // 3, p[1] + s // 2), max(1, s // 8), (40, 40, 40), -1
            )


def _radiator(wall: _Wall) -> None:
    rng = wall.rng
    rw, rh = wall.px(float(rng.uniform(0.6, 1.4))), wall.px(0.55)
    col = (236, 236, 232) if rng.random() < 0.7 else _c(rng, 60, 220)
    patch = np.empty((rh, rw, 3), np.uint8)
    patch[:] = col
    for x in range(3, rw - 2, max(3, wall.px(0.05))):
        cv2.line(patch, (x, 3), (x, rh - 3), _shade(col, 0.8), 1)
    wall.put(patch, 0.7, 0.75)


def _framed_art(wall: _Wall, lo: float, hi: float, top: tuple[float, float]) -> None:
    rng = wall.rng
    pw, ph = wall.px(float(rng.uniform(lo, hi))), wall.px(float(rng.uniform(lo, hi)))
    wall.put(_framed(rng, pw, ph) if rng.random() < 0.7 else _art(rng, pw, ph), *top)


def _poster(wall: _Wall, n: int) -> None:
    rng = wall.rng
    for _ in range(n):
        pw, ph = wall.px(float(rng.uniform(0.3, 0.6))), wall.px(float(rng.uniform(0.4, 0.8)))
        wall.put(_art(rng, pw, ph), 1.5, 2.0)


def _noticeboard(wall: _Wall) -> None:
    rng = wall.rng
    nw, nh = wall.px(float(rng.uniform(0.8, 1.5))), wall.px(float(rng.uniform(0.5, 0.9)))
    cork = _tone(rng, (160, 120, 70), (205, 165, 115)) if rng.random() < 0.7 else _c(rng, 60, 220)
    wall.put(_notes(rng, nw, nh, cork), 1.6, 1.95)


def _small_things(wall: _Wall, kinds: tuple[str, ...]) -> None:
    """Clocks, exit signs, extinguishers, sockets, radiators, as ``kinds`` lists them."""
    rng = wall.rng
    for k in kinds:
        if k == "clock":
            s = wall.px(float(rng.uniform(0.25, 0.4)))
            wall.put(_clock(rng, s), 2.1, max(2.15, min(2.6, wall.height - 0.3)))
        elif k == "exit":
            wall.put(_exit_sign(rng, wall.px(0.35), wall.px(0.15)), 2.2, 2.3)
        elif k == "extinguisher":
            ew, eh = wall.px(0.22), wall.px(0.6)
            y = wall.y_of(1.1)
            for _ in range(10):
                x = int(rng.integers(2, max(3, wall.img.shape[1] - ew - 2)))
                if wall.claim(x, y, ew, eh):
                    bg = wall.img[y : y + eh, x : x + ew]
                    _paste(wall.img, _extinguisher(rng, bg.shape[1], bg.shape[0], bg), x, y)
                    break
        elif k == "socket":
            _socket(wall)
        elif k == "radiator":
            _radiator(wall)


# --- furniture -----------------------------------------------------------------------------


def _faces(tex: dict[str, U8], facing: str) -> dict[str, U8]:
    """A piece's five faces, its main one facing ``facing`` (front: towards the camera, -z;
    back: +z; left: -x; right: +x)."""
    main = tex["front"]
    side = tex.get("side")
    if side is None:
        side = _u8(
            cv2.resize(main, (32, 32), interpolation=cv2.INTER_AREA).astype(np.float32) * 0.8
        )
    out = {k: side for k in ("front", "back", "left", "right")}
    out[facing] = main
    out["top"] = tex.get("top", side)
    return out


def _piece(rng: Rng, name: str) -> dict[str, U8]:
    """The textures of one piece, its design drawn from ``rng``."""
    n = 96
    if name in ("bed", "berth"):
        frame = (
            _wood(rng, n, n // 3, _wood_tone(rng), 10)
            if rng.random() < 0.6
            else _paint(rng, n, n // 3, _c(rng, 40, 240))
        )
        head = (
            _fabric(rng, n, n // 2)
            if rng.random() < 0.5
            else _wood(rng, n, n // 2, _wood_tone(rng), 12)
        )
        return {"front": frame, "top": frame, "head": head}
    if name in ("wardrobe", "chest", "bedside", "tvunit", "unit"):
        cols, rows = {"wardrobe": (2, 1), "chest": (2, 3), "bedside": (1, 2), "tvunit": (3, 1)}.get(
            name, (2, 2)
        )
        body = _c(rng, 50, 250)
        return {"front": _cabinet(rng, cols, rows, body), "side": _paint(rng, 48, 48, body),
                "top": _paint(rng, 48, 48, _shade(body, 1.05))}  # fmt: skip
    if name in ("sofa", "armchair", "upholstered"):
        cloth = _fabric(rng, n, n // 2)
        return {"front": cloth, "top": cloth}
    if name in ("table", "desk", "folding", "reading", "counter", "staging", "potting"):
        top = (
            _wood(rng, n, n, _wood_tone(rng), 16)
            if rng.random() < 0.6
            else _paint(rng, n, n, _c(rng, 40, 240))
        )
        if name == "staging":  # slats
            for x in range(0, n, 8):
                cv2.line(top, (x, 0), (x, n), (40, 35, 30), 2)
        side = _u8(top.astype(np.float32) * 0.8)
        if name == "counter":
            side = _paint(rng, n, n // 2, _c(rng, 40, 240))
            _text(side, rng, _word(rng).upper(), 8, n // 4, 10, _c(rng))
        return {"front": side, "top": top}
    if name in ("chair", "stool", "stackchair"):
        col = _c(rng, 20, 250)
        seat = _paint(rng, 32, 32, col) if rng.random() < 0.6 else _fabric(rng, 32, 32)
        return {"front": seat, "top": seat, "leg": _paint(rng, 8, 8, _c(rng, 20, 200))}
    if name == "bookcase":
        return {"front": _bookcase(rng, 64, 128, _c(rng, 40, 230))}
    if name == "lamp":
        shade = _fabric(rng, 48, 32)
        return {
            "front": shade,
            "top": _u8(shade.astype(np.float32) * 1.15),
            "leg": _paint(rng, 8, 8, _c(rng, 20, 200)),
        }
    if name == "plant":
        return {
            "front": _plant(rng, 48, 64),
            "top": _plant(rng, 48, 48),
            "pot": _paint(rng, 24, 24, _c(rng, 40, 230)),
        }
    if name == "tv":
        return {"front": _screen(rng, n, n // 2), "top": np.full((4, 4, 3), 25, np.uint8)}
    return {"front": _paint(rng, n, n, _c(rng, 40, 240))}


def _add(
    boxes: list[Box],
    tops: list[Top],
    name: str,
    tex: dict[str, U8],
    spot: tuple[float, float, float, float, str],
    h: float,
    y0: float = 0.0,
) -> None:
    """One piece as its boxes: a bed's base, bedding and headboard; a table's top and legs;
    a chair's seat, back and legs; a sofa's base, back and cushions; a lamp; a plant."""
    x, z, bw, bd, facing = spot
    faces = _faces(tex, facing)

    def back_of(t: float) -> tuple[float, float, float, float]:
        """The strip ``t`` thick along the side opposite ``facing``: centre x, z, size."""
        if facing == "front":
            return x, z + bd / 2 - t / 2, bw, t
        if facing == "back":
            return x, z - bd / 2 + t / 2, bw, t
        if facing == "left":
            return x + bw / 2 - t / 2, z, t, bd
        return x - bw / 2 + t / 2, z, t, bd

    if name in ("bed", "berth"):
        boxes.append(Box(x, z, bw, bd, 0.25, y0, faces))
        boxes.append(Box(x, z, bw * 0.97, bd * 0.97, h - 0.25, y0 + 0.25, {}, soft="bedding"))
        if name == "bed":
            boxes.append(Box(*back_of(0.06), 0.6, y0 + 0.35, {k: tex["head"] for k in faces}))
        tops.append((x, z, bw * 0.6, bd * 0.5, y0 + h))
    elif name in ("sofa", "armchair"):
        boxes.append(Box(x, z, bw, bd, h * 0.5, y0, faces))
        boxes.append(Box(*back_of(0.2), h * 0.5, y0 + h * 0.5, faces))
        boxes.append(Box(x, z, bw * 0.8, bd * 0.6, 0.1, y0 + h * 0.5, {}, soft="cushion"))
        tops.append((x, z, bw * 0.6, bd * 0.4, y0 + h * 0.5 + 0.1))
    elif name in ("table", "desk", "folding", "reading", "staging", "potting"):
        boxes.append(Box(x, z, bw, bd, 0.04, y0 + h - 0.04, faces))
        leg = {"front": faces["front"], "left": faces["left"], "right": faces["right"]}
        for sgn in (-1, 1):
            if facing in ("left", "right"):
                boxes.append(Box(x, z + sgn * (bd / 2 - 0.04), bw * 0.9, 0.04, h - 0.04, y0, leg))
            else:
                boxes.append(Box(x + sgn * (bw / 2 - 0.04), z, 0.04, bd * 0.9, h - 0.04, y0, leg))
        tops.append((x, z, bw * 0.8, bd * 0.6, y0 + h))
    elif name in ("chair", "stackchair"):
        boxes.append(Box(x, z, bw, bd, 0.05, y0 + 0.42, faces))
        boxes.append(Box(*back_of(0.04), h - 0.47, y0 + 0.47, faces))
        leg = {"front": tex["leg"], "left": tex["leg"], "right": tex["leg"], "back": tex["leg"]}
        for sgn in (-1, 1):
            boxes.append(Box(x + sgn * (bw / 2 - 0.02), z, 0.03, bd * 0.9, 0.42, y0, leg))
    elif name == "lamp":
        boxes.append(Box(x, z, 0.04, 0.04, h * 0.7, y0, {"front": tex["leg"]}))
        boxes.append(Box(x, z, bw, bd, h * 0.3, y0 + h * 0.7, faces))
    elif name == "plant":
        boxes.append(Box(x, z, bw * 0.6, bd * 0.6, h * 0.35, y0, {"front": tex["pot"]}))
        leaves = dict.fromkeys(("front", "left", "right", "back"), tex["front"]) | {
            "top": tex["top"]
        }
        boxes.append(Box(x, z, bw, bd, h * 0.65, y0 + h * 0.35, leaves))
    else:
        boxes.append(Box(x, z, bw, bd, h, y0, faces))
        if h < 1.2:
            tops.append((x, z, bw * 0.8, bd * 0.7, y0 + h))


Spot = tuple[float, float, float, float, str]  # x, z, width (x), depth (z), facing


class _Floor:
    """Where pieces stand: the footprints taken so far, a free strip before the camera."""

    def __init__(self, w: float, d: float, keep_front: float) -> None:
        self.w, self.d, self.keep_front = w, d, keep_front
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

    def against(
        self, rng: Rng, pw: float, pd: float, walls: tuple[str, ...] = ("back", "left", "right")
    ) -> Spot | None:
        """A free spot against one of ``walls`` for a piece ``pw`` wide and ``pd`` deep,
        turned to face the room."""
        w, d = self.w, self.d
        for _ in range(30):
            wall = str(rng.choice(walls))
            if wall == "back":
                bw, bd = pw, pd
                x = float(rng.uniform(-w / 2 + bw / 2, max(-w / 2 + bw / 2, w / 2 - bw / 2)))
                z, facing = d - bd / 2 - 0.02, "front"
            else:
                bw, bd = pd, pw
                sgn = -1 if wall == "left" else 1
                x = sgn * (w / 2 - bw / 2 - 0.02)
                z = float(
                    rng.uniform(self.keep_front + bd / 2, max(self.keep_front + bd / 2, d - bd / 2))
                )
                facing = "right" if wall == "left" else "left"
            if z - bd / 2 < self.keep_front or not self.fits(x, z, bw, bd):
                continue
            self.take(x, z, bw, bd)
            return x, z, bw, bd, facing
        return None

    def middle(self, rng: Rng, pw: float, pd: float, facing: str = "front") -> Spot | None:
        for _ in range(30):
            x = float(rng.uniform(-self.w / 4, self.w / 4))
            z = float(rng.uniform(max(self.keep_front + pd / 2, self.d * 0.35), self.d * 0.75))
            if self.fits(x, z, pw, pd):
                self.take(x, z, pw, pd)
                return x, z, pw, pd, facing
        return None


def _home_pieces(rng: Rng, kind: str, fl: _Floor, boxes: list[Box], tops: list[Top]) -> None:
    """A bedroom's or living room's furniture against the walls and in the middle."""
    spec = {
        "bedroom": [
            ("bed", 1.4, 2.0, 0.5),
            ("wardrobe", 1.0, 0.6, 2.0),
            ("chest", 0.8, 0.45, 0.8),
            ("desk", 1.0, 0.55, 0.75),
            ("chair", 0.45, 0.45, 0.9),
            ("lamp", 0.3, 0.3, 0.5),
        ],
        "living": [
            ("sofa", 2.0, 0.9, 0.85),
            ("armchair", 0.85, 0.85, 0.9),
            ("tvunit", 1.6, 0.45, 0.55),
            ("bookcase", 1.0, 0.35, 1.9),
            ("plant", 0.45, 0.45, 1.1),
            ("lamp", 0.35, 0.35, 1.5),
        ],
    }[kind]
    for name, pw, pd, ph in spec:
        spot = fl.against(rng, pw, pd)
        if spot is None:
            continue
        tex = _piece(rng, name)
        _add(boxes, tops, name, tex, spot, ph)
        if name == "tvunit":
            x, z, _bw, _bd, facing = spot
            tw, td = (1.0, 0.05) if facing in ("front", "back") else (0.05, 1.0)
            boxes.append(Box(x, z, tw, td, 0.6, ph + 0.02, _faces(_piece(rng, "tv"), facing)))
    if kind == "living":
        spot = fl.middle(rng, 1.1, 0.6)
        if spot:
            _add(boxes, tops, "table", _piece(rng, "table"), spot, 0.45)


# --- building a place: one function a kind draws its shell, fixed things and furniture ---------


@dataclass
class _Build:
    """A place being built: ``fix`` draws everything fixed (a look-alike's template),
    ``own`` what is the place's own (its light, camera, belongings, a window's view)."""

    kind: str
    fix: Rng
    own: Rng
    w: float
    h: float
    d: float
    surfaces: dict[str, Surface]
    boxes: list[Box] = field(default_factory=list)
    tops: list[Top] = field(default_factory=list)
    bedding: U8 | None = None
    walls: dict[str, _Wall] = field(default_factory=dict)

    def texels(self, name: str) -> tuple[int, int, float]:
        s = self.surfaces[name]
        return s.tex.shape[1], s.tex.shape[0], s.res

    def fill(self, name: str, tex: U8) -> None:
        s = self.surfaces[name]
        assert tex.shape == s.tex.shape, (name, tex.shape, s.tex.shape)
        s.tex = np.ascontiguousarray(tex)

    def wall(self, name: str) -> _Wall:
        if name not in self.walls:
            self.walls[name] = _Wall(self.surfaces[name], self.fix)
        return self.walls[name]

    def paint_walls(self, colour: Colour, spread: float = 0.05) -> None:
        for name in ("back", "left", "right", "front"):
            tw, th, _ = self.texels(name)
            k = float(self.fix.uniform(1 - spread, 1 + spread / 2))
            self.fill(name, _paint(self.fix, tw, th, _shade(colour, k)))

    def floor(self, make: Any) -> None:
        tw, th, res = self.texels("floor")
        self.fill("floor", make(self.fix, tw, th, res))

    def ceiling(self, make: Any) -> None:
        tw, th, res = self.texels("ceiling")
        self.fill("ceiling", make(self.fix, tw, th, res))


def _plain_ceiling(rng: Rng, w: int, h: int, res: float) -> U8:
    """A painted ceiling with a light or a few spots."""
    img = _paint(rng, w, h, (238, 238, 234) if rng.random() < 0.8 else _c(rng, 180, 245))
    if rng.random() < 0.5:
        for _ in range(int(rng.integers(2, 8))):
            cv2.circle(
                img,
                (int(rng.integers(0, w)), int(rng.integers(0, h))),
                max(2, round(0.05 * res)),
                (252, 250, 240),
                -1,
            )
    else:
        cv2.circle(
            img,
            (w // 2 + int(rng.integers(-w // 6, w // 6 + 1)), h // 2),
            max(3, round(float(rng.uniform(0.12, 0.3)) * res)),
            _c(rng, 190, 256),
            -1,
        )
    return img


def _roof(rng: Rng, w: int, h: int, res: float) -> U8:
    """A sports hall's roof from below: panels, steel trusses across, rows of lights."""
    img = _paint(rng, w, h, _c(rng, 170, 240))
    step = max(8, round(float(rng.uniform(3.0, 5.0)) * res))
    steel = _c(rng, 40, 200)
    for y in range(int(rng.integers(0, step)), h, step):
        cv2.rectangle(img, (0, y), (w, y + max(2, round(0.3 * res))), steel, -1)
        for x in range(0, w, max(4, round(0.6 * res))):
            cv2.line(
                img, (x, y), (x + round(0.3 * res), y + round(0.3 * res)), _shade(steel, 0.7), 1
            )
    lamp = max(3, round(0.25 * res))
    for y in range(step // 2, h, step):
        for x in range(
            int(rng.integers(0, 2 * lamp)) + lamp,
            w - lamp,
            max(2 * lamp, round(float(rng.uniform(2.0, 3.5)) * res)),
        ):
            cv2.rectangle(
                img, (x - lamp, y - lamp // 2), (x + lamp, y + lamp // 2), (252, 252, 244), -1
            )
    return img


def _blocks(rng: Rng, w: int, h: int, res: float, colour: Colour) -> U8:
    """Painted concrete blocks 0.44 x 0.215 m, each its own slight shade, mortar joints."""
    out = np.empty((h, w, 3), np.uint8)
    out[:] = _shade(colour, 0.9)
    bw, bh = max(4, round(0.44 * res)), max(2, round(0.215 * res))
    pores = 1 + 0.04 * _field(rng, w, h, 1)
    for row, y in enumerate(range(0, h, bh + 1)):
        for x in range(-(bw // 2) * (row % 2), w, bw + 1):
            x0, x1, y1 = max(0, x), min(w, x + bw), min(h, y + bh)
            if x1 > x0 and y1 > y:
                base = np.array(_shade(colour, float(rng.uniform(0.96, 1.04))), np.float32)
                out[y:y1, x0:x1] = _u8(base[None, None, :] * pores[y:y1, x0:x1, None])
    return out


def _door_on(
    wall: _Wall, rng: Rng, colour: Colour, wm: float = 0.9, along: float | None = None
) -> bool:
    """A door (``wm`` m wide, 2.05 m high, standing on the floor) and its frame."""
    dw, dh = wall.px(wm), wall.px(2.05)
    y = wall.y_of(2.05)
    for _ in range(12 if along is None else 1):
        x = (
            int(rng.integers(2, max(3, wall.img.shape[1] - dw - 2)))
            if along is None
            else wall.x_of(along)
        )
        if wall.claim(x, y, dw, dh, gap=6):
            _paste(wall.img, _door(rng, dw, dh, colour), x, y)
            cv2.rectangle(wall.img, (x - 2, y - 2), (x + dw + 1, y + dh), _shade(colour, 0.7), 2)
            return True
    return False


def _windows(
    b: _Build, name: str, rng: Rng, n: int, low: float, wm: tuple[float, float], hm: float,
    frame: Colour, view: Any = _outside, curtains: bool = False,
) -> None:  # fmt: skip
    """Up to ``n`` windows on wall ``name``, each showing its own ``view(rng, w, h)``."""
    wall = b.wall(name)
    for _ in range(n):
        ww = float(rng.uniform(*wm))
        for _ in range(10):
            along = float(rng.uniform(0.2, max(0.25, wall.length - ww - 0.2)))
            view_img = view(rng, wall.px(ww), wall.px(hm))
            if _window(wall, rng, view_img, along, low, ww, hm, frame):
                if curtains:
                    _curtains(wall, rng, along, low, ww, hm, _fabric(rng, 48, 96))
                break


def _curtains(
    wall: _Wall, rng: Rng, along: float, low: float, wm: float, hm: float, cloth: U8
) -> None:
    """Two curtains drawn back beside a window, hanging from a rail above it."""
    half = wall.px(float(rng.uniform(0.18, 0.3)))
    top = max(0, wall.y_of(low + hm + 0.12))
    ch = min(wall.img.shape[0] - top - 1, wall.px(hm + 0.35))
    folds = 0.8 + 0.2 * np.sin(np.arange(half, dtype=np.float32) * float(rng.uniform(0.5, 0.9)))
    panel = cv2.resize(cloth, (half, max(2, ch)), interpolation=cv2.INTER_LINEAR)
    panel = _u8(panel.astype(np.float32) * folds[None, :, None])
    x0 = wall.x_of(along)
    _paste(wall.img, panel, x0 - half + wall.px(0.06), top)
    _paste(wall.img, panel, x0 + wall.px(wm) - wall.px(0.06), top)
    cv2.line(wall.img, (x0 - half, top), (x0 + wall.px(wm) + half, top), (60, 60, 60), 2)
    wall.taken.append((x0 - half, top, wall.px(wm) + 2 * half, ch))


def _lay_rug(b: _Build, x: float, z: float, w: float, d: float) -> None:
    tex = _rug(b.fix, 128, 96)
    b.boxes.append(Box(x, z, w, d, 0.012, 0.0, {"top": tex, "front": tex}))


def _planks(rng: Rng, w: int, h: int, res: float) -> U8:
    return _wood(rng, w, h, _wood_tone(rng), max(3, round(float(rng.uniform(0.1, 0.2)) * res)))


def _carpeted(rng: Rng, w: int, h: int, res: float) -> U8:
    return _carpet(rng, w, h) if rng.random() < 0.5 else _flecked_carpet(rng, w, h)


def _tiled_ceiling(rng: Rng, w: int, h: int, res: float) -> U8:
    return _ceiling_tiles(rng, w, h, res)


def _pendants(rng: Rng, w: int, h: int, res: float) -> U8:
    """A hall's painted ceiling with rows of round pendant lights."""
    img = _paint(rng, w, h, _c(rng, 200, 250))
    step = max(6, round(float(rng.uniform(2.0, 3.0)) * res))
    r = max(2, round(0.18 * res))
    for y in range(int(rng.integers(step // 3, step)), h, step):
        for x in range(int(rng.integers(step // 3, step)), w, step):
            cv2.circle(img, (x, y), r, (252, 248, 232), -1)
            cv2.circle(img, (x, y), r, _c(rng, 40, 200), 1)
    return img


def _track_lights(rng: Rng, w: int, h: int, res: float) -> U8:
    """A gallery's ceiling: white paint, black tracks along it with spotlights."""
    img = _paint(rng, w, h, _tone(rng, (228, 228, 224), (250, 250, 248)))
    for _ in range(int(rng.integers(2, 5))):
        x = int(rng.integers(w // 8, 7 * w // 8))
        cv2.line(img, (x, 0), (x, h), (30, 30, 32), max(1, round(0.04 * res)))
        for y in range(
            int(rng.integers(0, max(1, h // 6))),
            h,
            max(4, round(float(rng.uniform(0.8, 1.6)) * res)),
        ):
            cv2.circle(img, (x, y), max(2, round(0.06 * res)), (40, 40, 44), -1)
    return img


def _build_home(b: _Build) -> None:
    """A bedroom or a living room: paint (a feature wall now and then), a wooden or carpeted
    floor, windows with curtains, a door, pictures, shelves, sockets, radiators, furniture."""
    r = b.fix
    b.paint_walls(_c(r, 120, 250))
    if r.random() < 0.3:
        tw, th, _ = b.texels("back")
        b.fill("back", _paint(r, tw, th, _c(r, 40, 230)))
    b.floor(_planks if r.random() < 0.5 else _carpeted)
    b.ceiling(_plain_ceiling)
    frame = (236, 236, 232) if r.random() < 0.7 else _c(r, 40, 200)
    for _ in range(int(r.integers(1, 3))):
        side = str(r.choice(["back", "left", "right"]))
        low = float(r.uniform(0.8, 1.0))
        _windows(b, side, r, 1, low, (0.8, 1.5), float(r.uniform(1.0, 1.4)), frame, curtains=True)
    _door_on(b.wall(str(r.choice(["front", "front", "left", "right"]))), r, _c(r, 60, 240))
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        for _ in range(int(r.integers(0, 3))):
            _framed_art(wall, 0.3, 0.8, (1.5, 2.0))
        if r.random() < 0.3:
            sw, sh = wall.px(float(r.uniform(0.6, 1.1))), wall.px(0.28)
            p = wall.put(_books(r, sw, sh), 1.6, 2.0)
            if p:
                cv2.rectangle(
                    wall.img,
                    (p[0] - 2, p[1] + sh),
                    (p[0] + sw + 2, p[1] + sh + 3),
                    _c(r, 60, 200),
                    -1,
                )
        extra = ("radiator",) if r.random() < 0.4 else ()
        _small_things(wall, ("socket",) * int(r.integers(1, 3)) + extra)
    fl = _Floor(b.w, b.d, 1.2)
    _home_pieces(r, b.kind, fl, b.boxes, b.tops)
    if r.random() < 0.6:
        _lay_rug(b, float(r.uniform(-0.2, 0.2)) * b.w, b.d * float(r.uniform(0.45, 0.6)),
                 float(r.uniform(1.4, 2.4)), float(r.uniform(1.0, 1.8)))  # fmt: skip


def _build_gym(b: _Build) -> None:
    """A sports hall: painted block walls (a stripe), a court's floor, a roof of trusses,
    crash padding, a backboard and a scoreboard, wall bars, high windows, double doors,
    benches, piles of mats, a vaulting box, cones, maybe a goal."""
    r = b.fix
    colour = _c(r, 150, 250)
    stripe = _c(r, 20, 230) if r.random() < 0.5 else None
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        tex = _blocks(r, tw, th, res, _shade(colour, float(r.uniform(0.95, 1.03))))
        if stripe is not None:
            y0, y1 = round((b.h - 1.25) * res), round((b.h - 1.0) * res)
            tex[y0:y1] = stripe
        b.fill(name, tex)
    b.floor(_court)
    b.ceiling(_roof)
    back = b.wall("back")
    tw = back.img.shape[1]
    if r.random() < 0.6:
        pw, ph = (
            back.px(float(r.uniform(0.5, 0.9)) * back.length),
            back.px(float(r.uniform(1.8, 2.2))),
        )
        pad_col = _c(r, 20, 230)
        pad = _paint(r, pw, ph, pad_col)
        for px_ in range(0, pw, back.px(1.0)):
            cv2.line(pad, (px_, 0), (px_, ph), _shade(pad_col, 0.6), 2)
        xt = (tw - pw) // 2 + int(r.integers(-tw // 10, tw // 10 + 1))
        if back.claim(xt, back.img.shape[0] - ph - 1, pw, ph, gap=0):
            _paste(back.img, pad, xt, back.img.shape[0] - ph - 1)
    bw, bh = back.px(1.9), back.px(1.2)
    if back.claim(tw // 2 - bw // 2, back.y_of(4.0), bw, bh):
        _backboard(back.img, r, tw // 2, back.y_of(3.95), back.surf.res)
    board = b.wall(str(r.choice(["back", "left", "right"])))
    sw = board.px(float(r.uniform(1.6, 2.6)))
    board.put(_scoreboard(r, sw, sw * 2 // 5), 4.2, min(b.h - 0.3, 5.2))
    side = str(r.choice(["left", "right"]))
    bars = b.wall(side)
    n = int(r.integers(3, 9))
    sec = bars.px(0.95)
    x0 = bars.x_of(float(r.uniform(1.5, max(1.6, bars.length - n * 0.95 - 1.5))))
    if bars.claim(x0, bars.y_of(2.6), n * sec, bars.px(2.6), gap=2):
        for k in range(n):
            _wallbars(
                bars.img, r, x0 + k * sec, bars.y_of(2.6), sec - 2, bars.px(2.6), bars.surf.res
            )
    frame = _c(r, 40, 240)
    low = float(r.uniform(3.2, b.h - 2.0))
    for name in ("left", "right"):
        if name != side or r.random() < 0.5:
            _windows(
                b, name, r, int(r.integers(2, 6)), low, (1.5, 3.0), min(1.6, b.h - low - 0.4), frame
            )
    _door_on(b.wall("front"), r, _c(r, 40, 240), wm=1.8)
    if r.random() < 0.5:
        _door_on(b.wall(str(r.choice(["left", "right"]))), r, _c(r, 40, 240), wm=1.8)
    for name in ("back", "left", "right", "front"):
        extra = tuple(
            k for k, p in (("exit", 0.6), ("extinguisher", 0.4), ("clock", 0.2)) if r.random() < p
        )
        _small_things(b.wall(name), ("socket", *extra))
    if r.random() < 0.5:
        _noticeboard(b.wall(str(r.choice(["left", "right"]))))
    fl = _Floor(b.w, b.d, 2.5)
    top = _wood(r, 96, 24, _wood_tone(r), 8)
    legs = _paint(r, 96, 24, _c(r, 20, 230))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, float(r.uniform(3.0, 4.0)), 0.3, ("left", "right", "back"))
        if spot:
            x, z, sw_, sd, facing = spot
            b.boxes.append(
                Box(x, z, sw_, sd, 0.4, 0.0, _faces({"front": legs, "top": top}, facing))
            )
            b.tops.append((x, z, sw_ * 0.8, sd * 0.6, 0.4))
    mat_col = _c(r, 20, 200)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 2.0, 1.0)
        if spot:
            x, z, mw, md, facing = spot
            mat = _paint(r, 96, 48, mat_col)
            cv2.rectangle(mat, (0, 0), (95, 47), _shade(mat_col, 0.6), 2)
            hm = 0.05 * int(r.integers(2, 9))
            b.boxes.append(Box(x, z, mw, md, hm, 0.0, _faces({"front": mat, "top": mat}, facing)))
            b.tops.append((x, z, mw * 0.8, md * 0.8, hm))
    if r.random() < 0.6:
        spot = fl.against(r, 1.5, 0.6) or fl.middle(r, 1.5, 0.6)
        if spot:
            vault = _wood(r, 96, 64, _wood_tone(r), 12)
            cv2.rectangle(vault, (0, 0), (95, 10), _c(r, 20, 200), -1)
            b.boxes.append(
                Box(
                    *spot[:4],
                    1.1,
                    0.0,
                    _faces({"front": vault, "top": _paint(r, 48, 24, _c(r, 20, 200))}, spot[4]),
                )
            )
    cone = _c(r, 150, 256)
    for _ in range(int(r.integers(0, 9))):
        x, z = float(r.uniform(-b.w / 3, b.w / 3)), float(r.uniform(b.d * 0.3, b.d * 0.8))
        if fl.fits(x, z, 0.25, 0.25):
            b.boxes.append(Box(x, z, 0.2, 0.2, 0.3, 0.0, {"front": _paint(r, 8, 12, cone)}))
    if r.random() < 0.4:
        stripes = _paint(r, 8, 64, (240, 240, 240))
        red = _c(r, 20, 256)
        for y in range(0, 64, 16):
            stripes[y : y + 8] = red
        z = b.d - 0.6
        for sgn in (-1, 1):
            b.boxes.append(Box(sgn * 1.5, z, 0.08, 0.08, 2.0, 0.0, {"front": stripes}))
        b.boxes.append(
            Box(
                0.0,
                z,
                3.08,
                0.08,
                0.08,
                2.0,
                {"front": np.ascontiguousarray(stripes.transpose(1, 0, 2))},
            )
        )


def _build_hall(b: _Build) -> None:
    """A community or church hall: a stage with its curtain, tall windows, a parquet
    floor, a dado, a serving hatch, an honours board, a noticeboard, rows of stacking
    chairs, stacks of them, folding tables, an upright piano."""
    r = b.fix
    b.paint_walls(_c(r, 130, 250))
    if r.random() < 0.5:
        wood = r.random() < 0.5
        lo = float(r.uniform(1.0, 1.2))
        col = _c(r, 60, 220)
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            tex = b.surfaces[name].tex
            y = round((b.h - lo) * res)
            tex[y:] = _panelling(r, tw, th - y) if wood else _paint(r, tw, th - y, col)
            cv2.line(tex, (0, y), (tw, y), _shade(col, 0.7), 2)
    b.floor(_parquet if r.random() < 0.6 else _planks)
    b.ceiling(_tiled_ceiling if r.random() < 0.4 else _pendants)
    sd, sh = min(float(r.uniform(2.5, 3.5)), b.d / 4), float(r.uniform(0.6, 0.9))
    back = b.wall("back")
    tw, th = back.img.shape[1], back.img.shape[0]
    top, low = back.y_of(b.h - 0.15), back.y_of(sh)
    back.img[top:low] = _paint(r, tw, low - top, _c(r, 40, 230))
    cw, ch = back.px(float(r.uniform(0.7, 0.9)) * back.length), back.px(b.h - 0.5 - sh)
    _paste(back.img, _curtain(r, cw, ch), (tw - cw) // 2, back.y_of(b.h - 0.5))
    back.taken.append((0, top, tw, low - top))
    front = (
        _wood(r, 96, 32, _wood_tone(r), 8)
        if r.random() < 0.5
        else _paint(r, 96, 32, _c(r, 40, 230))
    )
    b.boxes.append(
        Box(0.0, b.d - sd / 2, b.w, sd, sh, 0.0, {"front": front, "top": _planks(r, 96, 64, 60.0)})
    )
    b.tops.append((0.0, b.d - sd / 2, b.w * 0.8, sd * 0.5, sh))
    sgn = 1 if r.random() < 0.5 else -1
    b.boxes.append(
        Box(sgn * (b.w / 2 - 0.8), b.d - sd - 0.3, 1.0, 0.6, sh / 2, 0.0, {"front": front})
    )
    frame = (236, 236, 232) if r.random() < 0.5 else _c(r, 40, 200)
    hm = min(2.2, b.h - 1.4)
    for name in ("left", "right"):
        _windows(b, name, r, int(r.integers(2, 5)), 1.0, (0.9, 1.4), hm, frame)
        _small_things(b.wall(name), ("radiator", "socket"))
    if r.random() < 0.5:
        wall = b.wall(str(r.choice(["left", "right"])))
        hw, hh = wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.8)
        hatch = _steel(r, hw, hh, int(r.integers(150, 210)))
        for y in range(0, hh, 5):
            cv2.line(hatch, (0, y), (hw, y), (110, 110, 115), 1)
        cv2.rectangle(hatch, (0, hh - 4), (hw, hh), _wood_tone(r), -1)
        wall.put(hatch, 1.85, 1.9)
    if r.random() < 0.4:
        wall = b.wall(str(r.choice(["left", "right", "front"])))
        bw, bh = wall.px(float(r.uniform(0.8, 1.3))), wall.px(float(r.uniform(0.9, 1.4)))
        honours = _wood(r, bw, bh, _tone(r, (50, 25, 10), (110, 70, 40)), 14)
        gold = _tone(r, (190, 150, 60), (240, 210, 120))
        _text(honours, r, _word(r, (2, 3)).upper(), 6, 14, 10, gold)
        for k, y in enumerate(range(26, bh - 6, 10)):
            _text(
                honours,
                r,
                f"{1950 + int(r.integers(0, 70)) + k}  {_word(r, (2, 3))}",
                6,
                y,
                7,
                gold,
            )
        wall.put(honours, 2.2, 2.5)
    for name in ("left", "right", "front"):
        wall = b.wall(name)
        if r.random() < 0.4:
            _noticeboard(wall)
        _poster(wall, int(r.integers(0, 3)))
        extra = tuple(
            k for k, p in (("exit", 0.5), ("extinguisher", 0.4), ("clock", 0.3)) if r.random() < p
        )
        _small_things(wall, extra)
    _door_on(b.wall("front"), r, _c(r, 40, 240), wm=1.6)
    fl = _Floor(b.w, b.d - sd, 1.5)
    chair = _piece(r, "stackchair")
    if r.random() < 0.65:
        rows, per = int(r.integers(2, 5)), int(r.integers(4, 9))
        z = float(r.uniform(2.5, 4.0))
        for _ in range(rows):
            for k in range(per):
                x = (k - (per - 1) / 2) * 0.55 + float(r.uniform(-0.02, 0.02))
                if fl.fits(x, z, 0.5, 0.5) and z < b.d - sd - 0.6:
                    fl.take(x, z, 0.5, 0.5)
                    _add(b.boxes, b.tops, "stackchair", chair, (x, z, 0.45, 0.45, "back"), 0.85)
            z += 0.95
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.5, 0.5, ("left", "right"))
        if spot:
            stack = _paint(r, 32, 96, _colour_at(chair["front"], 4, 4))
            for y in range(0, 96, 6):
                cv2.line(stack, (0, y), (32, y), (40, 40, 40), 1)
            b.boxes.append(
                Box(*spot[:4], float(r.uniform(1.0, 1.8)), 0.0, _faces({"front": stack}, spot[4]))
            )
    table = _piece(r, "folding")
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.8, 0.75, ("left", "right"))
        if spot:
            _add(b.boxes, b.tops, "folding", table, spot, 0.74)
    if r.random() < 0.4:
        spot = fl.against(r, 1.45, 0.6, ("left", "right"))
        if spot:
            b.boxes.append(
                Box(*spot[:4], 1.25, 0.0, _faces({"front": _piano(r, 128, 112)}, spot[4]))
            )
            b.tops.append((*spot[:2], 1.0, 0.3, 1.25))


def _build_library(b: _Build) -> None:
    """A library's reading room: bookcases along the walls and in free-standing rows,
    reading tables and chairs, armchairs, an issue desk with a screen, windows on one side,
    posters, a noticeboard, a clock, a carpet, a suspended ceiling."""
    r = b.fix
    b.paint_walls(_c(r, 140, 250))
    b.floor(_carpeted)
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    frame = (236, 236, 232) if r.random() < 0.6 else _c(r, 40, 200)
    wall = b.wall(side)
    for _ in range(int(r.integers(1, 4))):
        ww = float(r.uniform(0.9, 1.6))
        along = float(r.uniform(0.3, max(0.35, wall.length * 0.45 - ww)))
        if side == "right":  # the right wall's texture runs from the back
            along = wall.length - along - ww
        _window(wall, r, _outside(r, wall.px(ww), wall.px(1.3)), along, 0.9, ww, 1.3, frame)
    for name in ("back", "left", "right", "front"):
        w_ = b.wall(name)
        _poster(w_, int(r.integers(0, 3)))
        extra = tuple(
            k for k, p in (("clock", 0.3), ("exit", 0.4), ("extinguisher", 0.3)) if r.random() < p
        )
        _small_things(w_, ("socket", *extra))
    if r.random() < 0.6:
        _noticeboard(b.wall("front"))
    _door_on(b.wall("front"), r, _c(r, 40, 240))
    fl = _Floor(b.w, b.d, 1.2)
    frame_col = _c(r, 40, 230)
    side_tex = _paint(r, 32, 32, frame_col)
    hb = float(r.uniform(1.8, 2.2))
    n = int(b.w // 0.9)
    for k in range(n):
        x = -n * 0.45 + 0.45 + k * 0.9
        b.boxes.append(
            Box(
                x,
                b.d - 0.19,
                0.88,
                0.35,
                hb,
                0.0,
                {
                    "front": _bookcase(r, 64, 128, frame_col),
                    "left": side_tex,
                    "right": side_tex,
                    "top": side_tex,
                },
            )
        )
        fl.take(x, b.d - 0.19, 0.88, 0.35)
    for sgn in (-1, 1):
        z = b.d - 0.6 - 0.45
        while z > b.d * 0.5:
            face = "right" if sgn < 0 else "left"
            b.boxes.append(
                Box(
                    sgn * (b.w / 2 - 0.19),
                    z,
                    0.35,
                    0.88,
                    hb,
                    0.0,
                    _faces({"front": _bookcase(r, 64, 128, frame_col), "side": side_tex}, face),
                )
            )
            fl.take(sgn * (b.w / 2 - 0.19), z, 0.35, 0.88)
            z -= 0.9
    for _ in range(int(r.integers(1, 3))):
        k = int(r.integers(2, 5))
        z = b.d * float(r.uniform(0.5, 0.65))
        x0 = float(r.uniform(-0.5, 0.5))
        if not fl.fits(x0, z, k * 0.9 + 0.4, 1.6):
            continue
        fl.take(x0, z, k * 0.9 + 0.4, 0.8)
        hr = float(r.uniform(1.3, 1.7))
        for i in range(k):
            x = x0 + (i - (k - 1) / 2) * 0.9
            tex = {
                "front": _bookcase(r, 64, 96, frame_col),
                "back": _bookcase(r, 64, 96, frame_col),
                "left": side_tex,
                "right": side_tex,
                "top": side_tex,
            }
            b.boxes.append(Box(x, z, 0.88, 0.6, hr, 0.0, tex))
    table, chair = _piece(r, "reading"), _piece(r, "chair")
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 2.4, 1.9)
        if spot is None:
            continue
        x, z = spot[0], spot[1]
        _add(b.boxes, b.tops, "reading", table, (x, z, 1.6, 0.9, "front"), 0.74)
        for dx in (-0.4, 0.4):
            for dz, facing in ((-0.7, "back"), (0.7, "front")):
                if r.random() < 0.75:
                    _add(
                        b.boxes, b.tops, "chair", chair, (x + dx, z + dz, 0.44, 0.44, facing), 0.85
                    )
    for _ in range(int(r.integers(0, 3))):
        spot = fl.against(r, 0.85, 0.85, ("left", "right"))
        if spot:
            _add(b.boxes, b.tops, "armchair", _piece(r, "armchair"), spot, 0.9)
    if r.random() < 0.6:
        spot = fl.against(r, 1.8, 0.7, ("left", "right"))
        if spot:
            _add(b.boxes, b.tops, "counter", _piece(r, "counter"), spot, 1.0)
            x, z, _, _, facing = spot
            scr = (0.5, 0.04) if facing in ("front", "back") else (0.04, 0.5)
            b.boxes.append(
                Box(x, z, *scr, 0.32, 1.02, _faces({"front": _screen(r, 64, 40)}, facing))
            )
    if r.random() < 0.5:
        spot = fl.against(r, 0.5, 0.5)
        if spot:
            _add(b.boxes, b.tops, "plant", _piece(r, "plant"), spot, 1.2)


def _build_train(b: _Build) -> None:
    """A train carriage from its end: bays of facing seats in moquette either side of the
    aisle, tables, a band of windows either side showing the country smeared by speed,
    adverts, luggage racks, poles, a gangway door with a destination display."""
    r = b.fix
    panel, lower = _c(r, 150, 250), _c(r, 40, 220)
    mq = _moquette(r, 96, 96)
    low, top = float(r.uniform(0.82, 0.92)), float(r.uniform(1.62, min(1.8, b.h - 0.3)))
    for name in ("left", "right"):
        tw, th, res = b.texels(name)
        tex = _paint(r, tw, th, panel)
        y = round((b.h - 0.8) * res)
        tex[y:] = _paint(r, tw, th - y, lower)
        b.fill(name, tex)
        wall = b.wall(name)
        scene = _landscape(r, tw, wall.px(top - low))
        along = float(r.uniform(0.4, 1.0))
        ww, pillar = float(r.uniform(1.2, 1.7)), float(r.uniform(0.2, 0.35))
        while along + ww < wall.length - 0.4:
            x, wpx = wall.x_of(along), wall.px(ww)
            if wall.claim(x, wall.y_of(top), wpx, wall.px(top - low), gap=1):
                win = np.empty((wall.px(top - low), wpx, 3), np.uint8)
                win[:] = (60, 62, 66)
                e = max(2, wall.px(0.04))
                win[e:-e, e:-e] = cv2.resize(
                    scene[:, x : x + wpx], (wpx - 2 * e, win.shape[0] - 2 * e)
                )
                _paste(wall.img, win, x, wall.y_of(top))
            along += ww + pillar
        if b.h - top > 0.45:
            along = float(r.uniform(0.3, 1.0))
            while along < wall.length - 1.0:
                aw = float(r.uniform(0.5, 0.9))
                ad = (
                    _label(r, wall.px(aw), wall.px(0.22))
                    if r.random() < 0.5
                    else _art(r, wall.px(aw), wall.px(0.22))
                )
                _paste(wall.img, ad, wall.x_of(along), wall.y_of(top + 0.32))
                along += aw + float(r.uniform(0.2, 1.5))
    door_col = _c(r, 60, 230)
    for name in ("back", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _paint(r, tw, th, panel))
        wall = b.wall(name)
        dw, dh = wall.px(0.85), wall.px(1.95)
        x = (tw - dw) // 2
        door = _paint(r, dw, dh, door_col)
        gw, gh = dw * 2 // 3, dh * 2 // 5
        door[dh // 8 : dh // 8 + gh, (dw - gw) // 2 : (dw + gw) // 2] = _u8(
            np.array(_c(r, 30, 70), np.float32)
            * (1 + 0.3 * _field(r, gw, gh, max(2, gw // 3)))[:, :, None]
        )
        wall.claim(x, wall.y_of(1.95), dw, dh, gap=2)
        _paste(wall.img, door, x, wall.y_of(1.95))
        if b.h > 2.15:
            sw_ = wall.px(0.7)
            _paste(
                wall.img,
                _led_sign(r, sw_, max(8, wall.px(0.12))),
                (tw - sw_) // 2,
                wall.y_of(min(b.h - 0.04, 2.12)),
            )
        _small_things(wall, ("extinguisher",) if r.random() < 0.4 else ())
    tw, th, res = b.texels("floor")
    floor = _lino(r, tw, th)
    seat_w = float(r.uniform(0.9, 1.0))
    aisle = b.w - 2 * (seat_w + 0.05)
    half = round(aisle / 2 * res)
    floor[:, tw // 2 - half : tw // 2 + half] = _u8(
        _moquette(r, 2 * half, th).astype(np.float32) * 0.7
    )
    b.fill("floor", floor)
    tw, th, res = b.texels("ceiling")
    ceiling = _paint(r, tw, th, _c(r, 190, 250))
    for sgn in (-1, 1):
        x = tw // 2 + sgn * round(float(r.uniform(0.4, 0.55)) * res)
        cv2.rectangle(ceiling, (x - 4, 0), (x + 4, th), (252, 252, 246), -1)
    b.fill("ceiling", ceiling)
    shell = _paint(r, 32, 32, _c(r, 60, 230))
    head = _paint(r, 32, 16, _c(r, 150, 256))
    table = _piece(r, "table")["top"]
    rack_y = min(b.h - 0.12, top + 0.15)
    steel = _steel(r, 32, 96, int(r.integers(150, 210)))
    for sgn in (-1, 1):
        b.boxes.append(
            Box(
                sgn * (b.w / 2 - 0.17),
                b.d / 2,
                0.3,
                b.d - 1.0,
                0.04,
                rack_y,
                {"front": steel, "top": steel},
            )
        )
    bay = float(r.uniform(1.75, 2.0))
    z = float(r.uniform(0.9, 1.4))
    while z + bay < b.d - 0.8:
        for sgn in (-1, 1):
            cx = sgn * (b.w / 2 - 0.05 - seat_w / 2)
            seat = {"front": shell, "back": shell, "left": shell, "right": shell, "top": mq}
            for cz, near in ((z + 0.3, True), (z + bay - 0.3, False)):
                b.boxes.append(Box(cx, cz, seat_w, 0.48, 0.43, 0.0, seat))
                b.tops.append((cx, cz, seat_w * 0.7, 0.3, 0.43))
                bz = z + 0.05 if near else z + bay - 0.05
                faces = {
                    "front": shell if near else mq,
                    "back": mq if near else shell,
                    "left": shell,
                    "right": shell,
                    "top": head,
                }
                b.boxes.append(Box(cx, bz, seat_w, 0.1, 0.8, 0.43, faces))
            if r.random() < 0.5:
                tx = sgn * (b.w / 2 - 0.05 - 0.3)
                b.boxes.append(
                    Box(tx, z + bay / 2, 0.6, 0.45, 0.03, 0.72, {"front": shell, "top": table})
                )
                b.tops.append((tx, z + bay / 2, 0.4, 0.3, 0.75))
        z += bay
    pole = _paint(r, 8, 8, _c(r, 150, 256))
    for _ in range(int(r.integers(0, 4))):
        pz = float(r.uniform(1.5, b.d - 1.5))
        b.boxes.append(
            Box(
                (1 if r.random() < 0.5 else -1) * (aisle / 2 + 0.03),
                pz,
                0.04,
                0.04,
                b.h,
                0.0,
                {"front": pole},
            )
        )


def _build_greenhouse(b: _Build) -> None:
    """A greenhouse: glass walls on a low wall (the garden behind), a glass roof, paving or
    gravel, staging along the sides with pots of plants, a potting bench, grow bags with
    tall plants, a watering can."""
    r = b.fix
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _glass_wall(r, tw, th, res))
    tw, th, res = b.texels("ceiling")
    roof = _sky(r, tw, th)
    _glazing(roof, r, res, (225, 225, 222) if r.random() < 0.4 else _c(r, 40, 200), [])
    if r.random() < 0.4:  # shade netting over part of the roof
        x0 = int(r.integers(0, tw // 2))
        net = roof[:, x0 : x0 + tw // 2].astype(np.float32) * 0.55
        net[::3] *= 0.6
        net[:, ::3] *= 0.6
        roof[:, x0 : x0 + tw // 2] = _u8(net * np.array([0.8, 1.0, 0.8], np.float32))
    b.fill("ceiling", roof)
    b.floor(_paving)
    plants = [_plant(r, 48, 48) for _ in range(3)]
    for sgn in (-1, 1):
        if r.random() < 0.15:
            continue
        depth = float(r.uniform(0.5, 0.7))
        length = b.d - float(r.uniform(0.8, 1.4))
        hs = float(r.uniform(0.75, 0.85))
        x, z = sgn * (b.w / 2 - depth / 2 - 0.03), b.d - 0.05 - length / 2
        _add(
            b.boxes,
            b.tops,
            "staging",
            _piece(r, "staging"),
            (x, z, depth, length, "right" if sgn < 0 else "left"),
            hs,
        )
        pz = z - length / 2 + 0.15
        while pz < z + length / 2 - 0.15:
            s = float(r.uniform(0.1, 0.2))
            px = x + float(r.uniform(-depth / 4, depth / 4))
            pot = _paint(
                r,
                12,
                12,
                _tone(r, (150, 60, 30), (210, 120, 80)) if r.random() < 0.6 else _c(r, 10, 256),
            )
            b.boxes.append(Box(px, pz, s, s, s * 0.9, hs, {"front": pot}))
            leaf = plants[int(r.integers(0, len(plants)))]
            ph = float(r.uniform(0.08, 0.35))
            b.boxes.append(
                Box(
                    px,
                    pz,
                    s * 1.3,
                    s * 1.3,
                    ph,
                    hs + s * 0.9,
                    dict.fromkeys(("front", "left", "right", "back", "top"), leaf),
                )
            )
            pz += s + float(r.uniform(0.03, 0.2))
    if r.random() < 0.6:
        bw = min(1.6, b.w - 1.6)
        _add(
            b.boxes,
            b.tops,
            "potting",
            _piece(r, "potting"),
            (float(r.uniform(-0.2, 0.2)), b.d - 0.35, bw, 0.6, "front"),
            0.85,
        )
        for k in range(int(r.integers(1, 4))):
            b.boxes.append(
                Box(
                    -bw / 2 + 0.3 + 0.35 * k,
                    b.d - 0.4,
                    0.3,
                    0.45,
                    0.14,
                    0.0,
                    {"front": _label(r, 48, 24), "top": _label(r, 48, 48)},
                )
            )
    else:
        bag = _label(r, 64, 24)
        for k in range(int(r.integers(1, 3))):
            gx = float(r.uniform(-b.w / 4, b.w / 4))
            b.boxes.append(Box(gx, b.d - 0.3, 0.9, 0.35, 0.12, 0.0, {"front": bag, "top": bag}))
            for dx in (-0.3, 0.0, 0.3):
                b.boxes.append(
                    Box(
                        gx + dx,
                        b.d - 0.3,
                        0.25,
                        0.25,
                        float(r.uniform(0.8, 1.6)),
                        0.12,
                        dict.fromkeys(("front", "left", "right", "back", "top"), plants[k % 3]),
                    )
                )
    can = _paint(r, 16, 16, _tone(r, (30, 90, 30), (190, 200, 200)))
    b.boxes.append(
        Box(
            float(r.uniform(-0.4, 0.4)),
            float(r.uniform(1.0, b.d - 1.0)),
            0.15,
            0.3,
            0.3,
            0.0,
            {"front": can},
        )
    )


def _build_music(b: _Build) -> None:
    """A music practice room: acoustic foam on the walls, guitars hung up, posters, a
    carpet, an upright piano, a drum kit on a rug, amplifiers, music stands, chairs."""
    r = b.fix
    b.paint_walls(_c(r, 60, 250))
    foam_col = _c(r, 20, 200)
    for name in [
        str(n) for n in r.choice(["back", "left", "right"], int(r.integers(1, 4)), replace=False)
    ]:
        wall = b.wall(name)
        fw, fh = (
            wall.px(float(r.uniform(0.5, 0.9)) * wall.length),
            wall.px(float(r.uniform(1.0, 1.4))),
        )
        wall.put(_foam(r, fw, fh, wall.surf.res, foam_col), 2.0, 2.3)
    b.floor(_carpeted)
    b.ceiling(_plain_ceiling)
    _door_on(b.wall(str(r.choice(["front", "left", "right"]))), r, _c(r, 40, 240))
    for _ in range(int(r.integers(1, 4))):
        wall = b.wall(str(r.choice(["back", "left", "right"])))
        glen = wall.px(1.0)
        for _ in range(10):
            gx = int(r.integers(2, max(3, wall.img.shape[1] - glen // 2 - 2)))
            y = wall.y_of(float(r.uniform(1.9, 2.1)))
            if wall.claim(gx, y, glen * 2 // 5, glen):
                _guitar(wall.img, r, gx + glen // 5, y, glen)
                break
    for name in ("back", "left", "right", "front"):
        _poster(b.wall(name), int(r.integers(0, 2)))
        _small_things(b.wall(name), ("socket",) + (("clock",) if r.random() < 0.15 else ()))
    fl = _Floor(b.w, b.d, 1.0)
    if r.random() < 0.75:
        sgn = 1 if r.random() < 0.5 else -1
        cx, cz = sgn * max(0.0, b.w / 2 - 1.0), b.d - 1.0
        fl.take(cx, cz, 1.8, 1.7)
        _lay_rug(b, cx, cz, 1.8, 1.6)
        shell = _c(r, 10, 250)
        side = _paint(r, 32, 32, shell)
        head = _drumhead(r, 48, shell)
        brass = _u8(
            np.array(_tone(r, (170, 130, 40), (225, 190, 100)), np.float32)[None, None, :]
            * (1 + 0.1 * np.sin(np.arange(32, dtype=np.float32) * 1.3))[None, :, None]
            * np.ones((32, 1, 1), np.float32)
        )
        dark = _paint(r, 8, 8, _c(r, 20, 80))
        b.boxes.append(
            Box(
                cx,
                cz,
                0.55,
                0.45,
                0.55,
                0.0,
                {
                    "front": _drumhead(r, 64, shell),
                    "left": side,
                    "right": side,
                    "back": side,
                    "top": side,
                },
            )
        )
        for dx in (-0.16, 0.16):
            b.boxes.append(
                Box(cx + dx, cz - 0.05, 0.25, 0.25, 0.2, 0.62, {"front": side, "top": head})
            )
        for dx, dz, s, hh, y0 in ((-0.45, -0.35, 0.36, 0.14, 0.55), (0.5, -0.25, 0.4, 0.45, 0.05)):
            b.boxes.append(Box(cx + dx, cz + dz, s, s, hh, y0, {"front": side, "top": head}))
        for dx, y0 in (
            (-0.55, float(r.uniform(1.05, 1.3))),
            (0.55, float(r.uniform(1.05, 1.3))),
            (-0.75, 0.8),
        ):
            b.boxes.append(Box(cx + dx, cz + 0.1, 0.02, 0.02, y0, 0.0, {"front": dark}))
            b.boxes.append(
                Box(cx + dx, cz + 0.1, 0.38, 0.38, 0.01, y0, {"front": brass, "top": brass})
            )
        b.boxes.append(
            Box(
                cx,
                cz - 0.7,
                0.35,
                0.35,
                0.5,
                0.0,
                {"front": dark, "top": _paint(r, 16, 16, _c(r, 10, 80))},
            )
        )
    if r.random() < 0.6:
        spot = fl.against(r, 1.45, 0.6)
        if spot:
            b.boxes.append(
                Box(*spot[:4], 1.25, 0.0, _faces({"front": _piano(r, 128, 112)}, spot[4]))
            )
            b.tops.append((*spot[:2], 1.0, 0.3, 1.25))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.6, 0.3)
        if spot:
            b.boxes.append(Box(*spot[:4], 0.5, 0.0, _faces({"front": _grille(r, 64, 48)}, spot[4])))
            b.tops.append((*spot[:2], 0.4, 0.2, 0.5))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 0.6, 0.5)
        if spot:
            x, z = spot[0], spot[1]
            b.boxes.append(
                Box(x, z, 0.02, 0.02, 0.95, 0.0, {"front": _paint(r, 8, 8, _c(r, 10, 60))})
            )
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.5,
                    0.02,
                    0.35,
                    0.9,
                    {"front": _sheet(r, 64, 48), "back": _paint(r, 8, 8, (30, 30, 30))},
                )
            )
    chair = _piece(r, "chair")
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 0.5, 0.5, str(r.choice(["front", "left", "right"])))
        if spot:
            _add(b.boxes, b.tops, "chair", chair, (*spot[:2], 0.44, 0.44, spot[4]), 0.85)
    if r.random() < 0.4:
        spot = fl.against(r, 1.2, 0.35)
        if spot:
            keys = _piano(r, 96, 48)[20:32]
            b.boxes.append(
                Box(
                    *spot[:4],
                    0.1,
                    0.75,
                    _faces({"front": _paint(r, 16, 8, (25, 25, 25)), "top": keys}, spot[4]),
                )
            )
            b.boxes.append(
                Box(*spot[:2], 0.05, 0.05, 0.75, 0.0, {"front": _paint(r, 8, 8, (40, 40, 40))})
            )


def _build_laundrette(b: _Build) -> None:
    """A laundrette: a row of washing machines along one wall (numbered), stacked dryers
    along the other or at the back, a folding counter, a bench, baskets, a vending and a
    change machine, a price board, notices, a chequered floor, a suspended ceiling."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    if r.random() < 0.5:
        lo = float(r.uniform(1.2, 1.6))
        tile, grout = _c(r, 150, 250), _c(r, 110, 230)
        size = float(r.uniform(0.1, 0.2))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            y = round((b.h - lo) * res)
            b.surfaces[name].tex[y:] = _tiles(r, tw, th - y, max(3, round(size * res)), tile, grout)
    b.floor(_checker if r.random() < 0.6 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling)
    wash = str(r.choice(["left", "right"]))
    dry = "right" if wash == "left" else "left"
    dry_back = r.random() < 0.35
    steel = r.random() < 0.4
    body = (238, 238, 236) if r.random() < 0.6 else _c(r, 150, 250)
    fl = _Floor(b.w, b.d, 1.3)
    start = float(r.uniform(1.4, 2.0))
    plate_col = _c(r, 150, 256)
    wall = b.wall(wash)
    sgn = -1 if wash == "left" else 1
    n = int((b.d - start - 0.3) // 0.7)
    for k in range(n):
        z = start + 0.35 + 0.7 * k
        x = sgn * (b.w / 2 - 0.37)
        b.boxes.append(
            Box(
                x,
                z,
                0.7,
                0.68,
                0.95,
                0.0,
                _faces(
                    {"front": _washer(r, body, False, steel), "side": _paint(r, 16, 16, body)},
                    "right" if sgn < 0 else "left",
                ),
            )
        )
        b.tops.append((x, z, 0.5, 0.5, 0.95))
        fl.take(x, z, 0.7, 0.7)
        along = z if wash == "left" else b.d - z
        pw, ph = wall.px(0.14), wall.px(0.1)
        plate = np.empty((ph, pw, 3), np.uint8)
        plate[:] = plate_col
        cv2.putText(
            plate, str(k + 1), (2, ph - 2), cv2.FONT_HERSHEY_SIMPLEX, ph / 30, (20, 20, 20), 1
        )
        if wall.claim(wall.x_of(along) - pw // 2, wall.y_of(1.3), pw, ph, gap=0):
            _paste(wall.img, plate, wall.x_of(along) - pw // 2, wall.y_of(1.3))
    if dry_back:
        m = int((b.w - 1.0) // 0.75)
        for k in range(m):
            x = (k - (m - 1) / 2) * 0.75
            for y0 in (0.0, 0.87):
                b.boxes.append(
                    Box(
                        x,
                        b.d - 0.4,
                        0.72,
                        0.75,
                        0.85,
                        y0,
                        {
                            "front": _washer(r, body, True, steel),
                            "left": _paint(r, 16, 16, body),
                            "right": _paint(r, 16, 16, body),
                            "top": _paint(r, 16, 16, body),
                        },
                    )
                )
        fl.take(0.0, b.d - 0.4, m * 0.75, 0.8)
    else:
        sgn = -sgn
        m = int((b.d - start - 0.3) // 0.75)
        for k in range(m):
            z = start + 0.375 + 0.75 * k
            for y0 in (0.0, 0.87):
                b.boxes.append(
                    Box(
                        sgn * (b.w / 2 - 0.4),
                        z,
                        0.75,
                        0.72,
                        0.85,
                        y0,
                        _faces(
                            {
                                "front": _washer(r, body, True, steel),
                                "side": _paint(r, 16, 16, body),
                            },
                            "right" if sgn < 0 else "left",
                        ),
                    )
                )
            fl.take(sgn * (b.w / 2 - 0.4), z, 0.75, 0.75)
    back = b.wall("back")
    back.put(
        _board(
            r,
            back.px(float(r.uniform(0.8, 1.2))),
            back.px(float(r.uniform(0.6, 0.9))),
            r.random() < 0.5,
        ),
        2.0,
        2.2,
    )
    if r.random() < 0.6:
        sw_ = back.px(float(r.uniform(1.4, 2.4)))
        sign = _paint(r, sw_, back.px(0.3), _c(r, 20, 230))
        _text(
            sign,
            r,
            _word(r, (2, 3)).upper(),
            6,
            sign.shape[0] * 3 // 4,
            sign.shape[0] // 2,
            _c(r, 180, 256) if sign[2, 2].mean() < 128 else (20, 20, 20),
        )
        back.put(sign, min(b.h - 0.1, 2.6), min(b.h - 0.05, 2.7))
    if r.random() < 0.3:
        back.put(_screen(r, back.px(0.8), back.px(0.45)), 2.1, 2.3)
    for name in ("back", dry, "front"):
        w_ = b.wall(name)
        if r.random() < 0.5:
            _noticeboard(w_)
        _poster(w_, int(r.integers(0, 2)))
        extra = tuple(k for k, p in (("clock", 0.4), ("extinguisher", 0.4)) if r.random() < p)
        _small_things(w_, ("socket", *extra))
    _door_on(b.wall("front"), r, _c(r, 40, 240))
    if r.random() < 0.7:
        spot = fl.middle(r, 1.6, 0.7)
        if spot:
            _add(b.boxes, b.tops, "counter", _piece(r, "counter"), spot, 0.9)
    bench = _piece(r, "table")
    spot = fl.against(r, float(r.uniform(1.4, 2.2)), 0.4, ("back", dry)) or fl.middle(r, 1.6, 0.4)
    if spot:
        b.boxes.append(
            Box(
                *spot[:4],
                0.45,
                0.0,
                _faces({"front": bench["front"], "top": bench["top"]}, spot[4]),
            )
        )
        b.tops.append((*spot[:2], spot[2] * 0.8, spot[3] * 0.6, 0.45))
    if r.random() < 0.5:
        spot = fl.against(r, 0.9, 0.8, ("back", dry))
        if spot:
            b.boxes.append(
                Box(*spot[:4], 1.8, 0.0, _faces({"front": _vending(r, 64, 128)}, spot[4]))
            )
    if r.random() < 0.6:
        spot = fl.against(r, 0.5, 0.35, ("back", dry))
        if spot:
            change = _paint(r, 32, 96, _c(r, 20, 230))
            cv2.rectangle(change, (6, 20), (26, 40), (30, 30, 30), -1)
            cv2.rectangle(change, (12, 60), (20, 64), (10, 10, 10), -1)
            b.boxes.append(Box(*spot[:4], 1.5, 0.0, _faces({"front": change}, spot[4])))
    basket = _c(r, 20, 256)
    for _ in range(int(r.integers(1, 4))):
        tex = _paint(r, 32, 24, basket)
        for x in range(0, 32, 4):
            cv2.line(tex, (x, 4), (x, 20), _shade(basket, 0.6), 1)
        if b.tops and r.random() < 0.5:
            x, z, _, _, y0 = b.tops[int(r.integers(0, len(b.tops)))]
            b.boxes.append(
                Box(x, z, 0.5, 0.38, 0.28, y0, {"front": tex, "top": _fabric(r, 32, 24)})
            )
        else:
            spot = fl.middle(r, 0.55, 0.4)
            if spot:
                b.boxes.append(Box(*spot[:4], 0.28, 0.0, {"front": tex, "top": _fabric(r, 32, 24)}))


def _build_gallery(b: _Build) -> None:
    """A gallery room: white walls (a coloured one now and then) with paintings and their
    label cards, an exhibition's title in big letters, track lights, a polished concrete
    or wooden floor, plinths with sculptures, a bench, a rope barrier."""
    r = b.fix
    b.paint_walls(_tone(r, (228, 226, 218), (252, 252, 250)), 0.02)
    if r.random() < 0.4:
        name = str(r.choice(["back", "left", "right"]))
        tw, th, _ = b.texels(name)
        b.fill(name, _paint(r, tw, th, _c(r, 30, 220)))
    b.floor(
        (lambda g, w, h, res: _concrete(g, w, h, int(g.integers(150, 215))))
        if r.random() < 0.5
        else _planks
    )
    b.ceiling(_track_lights)
    if r.random() < 0.5:
        wall = b.wall(str(r.choice(["back", "left", "right"])))
        title = _word(r, (2, 3)).upper() + " " + _word(r, (1, 3)).upper()
        th = wall.px(float(r.uniform(0.15, 0.3)))
        tw = min(wall.img.shape[1] - 4, int(th * 0.75 * len(title)))
        y = wall.y_of(min(b.h - 0.3, float(r.uniform(2.4, 2.7))))
        for _ in range(10):
            tx = int(r.integers(2, max(3, wall.img.shape[1] - tw - 2)))
            if wall.claim(tx, y, tw, th + 4):
                _text(
                    wall.img,
                    r,
                    title,
                    tx,
                    y + th,
                    th,
                    _c(r, 0, 90) if wall.img[y, tx].mean() > 128 else (245, 245, 245),
                )
                break
    _door_on(b.wall("front"), r, _c(r, 40, 240), wm=1.2)
    for name in ("back", "left", "right"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 5))):
            wm, hm = float(r.uniform(0.6, 1.8)), float(r.uniform(0.5, 1.4))
            art = (
                _framed(r, wall.px(wm), wall.px(hm))
                if r.random() < 0.5
                else _art(r, wall.px(wm), wall.px(hm))
            )
            top = 1.55 + hm / 2
            p = wall.put(art, top, top + 0.05, gap=wall.px(0.5))
            if p:
                cw, ch = wall.px(0.14), wall.px(0.1)
                cx = p[0] + art.shape[1] + wall.px(0.12)
                if wall.claim(cx, wall.y_of(1.45), cw, ch, gap=0):
                    _paste(wall.img, _card(r, cw, ch), cx, wall.y_of(1.45))
        extra = tuple(k for k, p in (("exit", 0.3), ("extinguisher", 0.3)) if r.random() < p)
        _small_things(wall, ("socket", *extra))
    fl = _Floor(b.w, b.d, 1.5)
    white = _paint(r, 32, 32, _tone(r, (232, 232, 228), (252, 252, 250)))
    for _ in range(int(r.integers(1, 4))):
        s, hp = float(r.uniform(0.4, 0.6)), float(r.uniform(0.8, 1.2))
        spot = fl.middle(r, s + 0.4, s + 0.4) if r.random() < 0.6 else fl.against(r, s, s)
        if spot is None:
            continue
        x, z = spot[0], spot[1]
        b.boxes.append(Box(x, z, s, s, hp, 0.0, {"front": white, "top": white}))
        level = hp
        for _ in range(int(r.integers(1, 4))):
            sw_, sh = float(r.uniform(0.1, s * 0.9)), float(r.uniform(0.1, 0.5))
            what = r.random()
            tex = (
                _art(r, 32, 32)
                if what < 0.4
                else (
                    _wood(r, 32, 32, _wood_tone(r), 6) if what < 0.7 else _paint(r, 16, 16, _c(r))
                )
            )
            b.boxes.append(
                Box(
                    x + float(r.uniform(-0.05, 0.05)),
                    z,
                    sw_,
                    sw_ * float(r.uniform(0.5, 1.0)),
                    sh,
                    level,
                    {"front": tex, "top": tex},
                )
            )
            level += sh
    if r.random() < 0.6:
        spot = fl.middle(r, 1.8, 0.45)
        if spot:
            seat = _u8(
                np.array(_c(r, 20, 200), np.float32)[None, None, :]
                * (1 + 0.12 * _field(r, 48, 16, 6))[:, :, None]
            )
            b.boxes.append(
                Box(*spot[:4], 0.45, 0.0, {"front": _paint(r, 16, 16, _c(r, 20, 120)), "top": seat})
            )
            b.tops.append((*spot[:2], spot[2] * 0.8, 0.3, 0.45))
    if r.random() < 0.3:
        z = b.d - float(r.uniform(0.8, 1.2))
        post = _steel(r, 8, 32, int(r.integers(150, 220)))
        rope = _paint(r, 32, 4, _c(r, 100, 230))
        xs = [float(x) for x in np.linspace(-b.w / 4, b.w / 4, int(r.integers(2, 4)))]
        for x in xs:
            b.boxes.append(Box(x, z, 0.05, 0.05, 0.9, 0.0, {"front": post}))
        b.boxes.append(Box(0.0, z, xs[-1] - xs[0], 0.02, 0.03, 0.8, {"front": rope}))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _office(rng: Rng, w: int, h: int) -> U8:
    """What an office pod's glass front shows: the open-plan office beyond, out of focus."""
    img = np.empty((h, w, 3), np.uint8)
    img[: h // 3] = _c(rng, 190, 250)
    img[h // 3 : h * 3 // 5] = _c(rng, 120, 230)
    img[h * 3 // 5 :] = _c(rng, 50, 160)
    for _ in range(int(rng.integers(4, 12))):
        x, y = int(rng.integers(0, w)), int(h * rng.uniform(0.45, 0.7))
        cv2.rectangle(
            img, (x, y), (x + int(rng.integers(w // 10, w // 4)), y + h // 10), _c(rng, 30, 240), -1
        )
    for _ in range(int(rng.integers(1, 4))):
        cv2.circle(
            img,
            (int(rng.integers(0, w)), int(h * 0.55)),
            h // 10,
            _tone(rng, (20, 70, 20), (80, 150, 70)),
            -1,
        )
    return _blur(img, w / 60)


def _build_hotelroom(b: _Build) -> None:
    """A room of one hotel chain: every fixed thing the chain's (see the module's
    docstring); the view from the window the same street seen from a few metres along."""
    r, o = b.fix, b.own
    b.paint_walls(_c(r, 170, 245), 0.02)
    tw, th, _res = b.texels("back")
    b.fill("back", _paint(r, tw, th, _c(r, 60, 230)))
    b.floor(lambda g, w, h, res: _hotel_carpet(g, w, h))
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    hw, hh = back.px(2.3), back.px(1.1)
    panel = _fabric(r, hw, hh)
    for x in range(0, hw, max(3, back.px(0.25))):
        cv2.line(panel, (x, 0), (x, hh), _shade(_colour_at(panel, 2, 2), 0.7), 1)
    back.claim((tw - hw) // 2, back.y_of(1.6), hw, hh, gap=0)
    _paste(back.img, panel, (tw - hw) // 2, back.y_of(1.6))
    lamp = _c(r, 40, 220)
    for sgn in (-1, 1):
        cx = tw // 2 + sgn * (hw // 2 + back.px(0.25))
        cv2.circle(back.img, (cx, back.y_of(1.4)), back.px(0.07), lamp, -1)
        cv2.line(back.img, (cx, back.y_of(1.4)), (cx, back.y_of(1.15)), lamp, 2)
    aw, ah = back.px(float(r.uniform(0.8, 1.2))), back.px(float(r.uniform(0.45, 0.6)))
    if back.claim((tw - aw) // 2, back.y_of(2.35), aw, ah, gap=0):
        _paste(back.img, _framed(r, aw, ah), (tw - aw) // 2, back.y_of(2.35))
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    wall = b.wall(side)
    ww, wh, low = float(r.uniform(1.2, 1.8)), float(r.uniform(1.3, 1.6)), float(r.uniform(0.6, 0.9))
    along = (
        float(r.uniform(0.5, 1.0))
        if side == "right"
        else wall.length - ww - float(r.uniform(0.5, 1.0))
    )
    street = _outside(r, wall.px(ww) * 3 // 2, wall.px(wh))
    off = int(o.integers(0, street.shape[1] - wall.px(ww) + 1))  # the room's own stretch of it
    frame = (236, 236, 232) if r.random() < 0.6 else _c(r, 40, 200)
    _window(
        wall, r, np.ascontiguousarray(street[:, off : off + wall.px(ww)]), along, low, ww, wh, frame
    )
    _curtains(wall, r, along, low, ww, wh, _fabric(r, 48, 96))
    ow = b.wall(other)
    mw, mh = ow.px(0.7), ow.px(0.9)
    t = np.linspace(0, 1, mw, dtype=np.float32)[None, :, None]
    mirror = _u8(
        np.array([175, 190, 195], np.float32) * (0.85 + 0.25 * t) + np.zeros((mh, 1, 1), np.float32)
    )
    cv2.rectangle(mirror, (0, 0), (mw - 1, mh - 1), _c(r, 60, 230), 3)
    desk_z = b.d * 0.5
    m_along = desk_z - 0.35 if other == "left" else b.d - desk_z - 0.35
    if ow.claim(ow.x_of(m_along), ow.y_of(1.95), mw, mh, gap=0):
        _paste(ow.img, mirror, ow.x_of(m_along), ow.y_of(1.95))
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket", "socket"))
    door = _c(r, 60, 230)
    _door_on(b.wall("front"), r, door, along=0.3)
    _door_on(b.wall("front"), r, door, along=b.w - 1.3)
    bed = _piece(r, "bed")
    _add(b.boxes, b.tops, "bed", bed, (0.0, b.d - 1.05, 1.6, 2.0, "front"), 0.55)
    bedside, lamp_tex = _piece(r, "bedside"), _piece(r, "lamp")
    for sgn in (-1, 1):
        _add(b.boxes, b.tops, "bedside", bedside, (sgn * 1.12, b.d - 0.25, 0.5, 0.4, "front"), 0.55)
        _add(
            b.boxes, [], "lamp", lamp_tex, (sgn * 1.12, b.d - 0.25, 0.25, 0.25, "front"), 0.45, 0.55
        )
    so = -1 if other == "left" else 1
    inward_o = "right" if other == "left" else "left"
    _add(
        b.boxes,
        b.tops,
        "desk",
        _piece(r, "desk"),
        (so * (b.w / 2 - 0.3), desk_z, 0.55, 1.2, inward_o),
        0.75,
    )
    _add(
        b.boxes,
        b.tops,
        "chair",
        _piece(r, "chair"),
        (so * (b.w / 2 - 0.8), desk_z, 0.45, 0.45, inward_o),
        0.9,
    )
    rack = _wood(r, 48, 24, _wood_tone(r), 6)
    b.boxes.append(
        Box(
            so * (b.w / 2 - 0.3),
            1.2,
            0.5,
            0.9,
            0.45,
            0.0,
            _faces({"front": rack, "top": rack}, inward_o),
        )
    )
    b.tops.append((so * (b.w / 2 - 0.3), 1.2, 0.4, 0.7, 0.45))
    sw = -so
    inward_w = "right" if sw < 0 else "left"
    _add(
        b.boxes,
        b.tops,
        "wardrobe",
        _piece(r, "wardrobe"),
        (sw * (b.w / 2 - 0.32), 1.1, 0.6, 1.0, inward_w),
        2.0,
    )
    _add(
        b.boxes,
        b.tops,
        "armchair",
        _piece(r, "armchair"),
        (sw * (b.w / 2 - 0.5), b.d * 0.5, 0.8, 0.8, inward_w),
        0.9,
    )
    linen = _paint(r, 96, 96, _tone(r, (236, 236, 230), (250, 250, 248)))
    linen[56:76] = _fabric(r, 96, 20)
    b.bedding = linen


def _build_pod(b: _Build) -> None:
    """An office pod of one maker: felt walls, a desk along the back, a screen on an arm, a
    chair, an empty pinboard, a coat hook, a carpet; the glass front (behind the camera)
    shows the office round the pod."""
    r, o = b.fix, b.own
    felt = _c(r, 40, 220)
    for name in ("back", "left", "right"):
        tw, th, res = b.texels(name)
        b.fill(name, _felt(r, tw, th, res, felt))
    tw, th, res = b.texels("front")
    glass = _office(o, tw, th).astype(np.float32)
    band = round((b.h - 1.2) * res), round((b.h - 0.9) * res)
    glass[band[0] : band[1]] = glass[band[0] : band[1]] * 0.3 + 180
    front = _u8(glass)
    frame = _c(r, 20, 120)
    cv2.rectangle(front, (0, 0), (tw - 1, th - 1), frame, 6)
    cv2.line(front, (tw // 2, 0), (tw // 2, th), frame, 4)
    b.fill("front", front)
    b.floor(lambda g, w, h, res: _flecked_carpet(g, w, h))
    tw, th, res = b.texels("ceiling")
    ceiling = _felt(r, tw, th, res, _shade(felt, 1.1))
    cv2.circle(ceiling, (tw // 2, th // 2), round(0.2 * res), (252, 250, 240), -1)
    b.fill("ceiling", ceiling)
    back = b.wall("back")
    pw, ph = back.px(b.w * 0.6), back.px(0.45)
    cork = _paint(r, pw, ph, _tone(r, (160, 120, 70), (205, 165, 115)))
    cv2.rectangle(cork, (0, 0), (pw - 1, ph - 1), _c(r, 20, 200), 3)
    back.claim((back.img.shape[1] - pw) // 2, back.y_of(1.75), pw, ph)
    _paste(back.img, cork, (back.img.shape[1] - pw) // 2, back.y_of(1.75))
    side = b.wall(str(r.choice(["left", "right"])))
    hook = _c(r, 20, 200)
    hx = side.x_of(float(r.uniform(0.3, side.length - 0.3)))
    cv2.rectangle(side.img, (hx, side.y_of(1.75)), (hx + side.px(0.04), side.y_of(1.6)), hook, -1)
    _small_things(back, ("socket",))
    desk = _piece(r, "desk")
    b.boxes.append(
        Box(
            0.0, b.d - 0.3, b.w - 0.1, 0.6, 0.04, 0.73, {"front": desk["front"], "top": desk["top"]}
        )
    )
    b.tops.append((0.0, b.d - 0.35, b.w * 0.7, 0.35, 0.77))
    b.boxes.append(
        Box(0.0, b.d - 0.1, 0.05, 0.05, 0.3, 0.77, {"front": _paint(r, 8, 8, (40, 40, 44))})
    )
    b.boxes.append(
        Box(
            0.0,
            b.d - 0.14,
            0.6,
            0.04,
            0.36,
            0.98,
            {"front": _screen(r, 96, 56), "back": _paint(r, 8, 8, (30, 30, 30))},
        )
    )
    _add(
        b.boxes,
        b.tops,
        "chair",
        _piece(r, "chair"),
        (float(r.uniform(-0.15, 0.15)), b.d - 0.95, 0.5, 0.5, "back"),
        0.95,
    )
    cab = _piece(r, "bedside")
    sgn = 1 if r.random() < 0.5 else -1
    _add(
        b.boxes, b.tops, "bedside", cab, (sgn * (b.w / 2 - 0.3), b.d - 0.32, 0.4, 0.5, "front"), 0.6
    )


def _build_sleeper(b: _Build) -> None:
    """A sleeper compartment of one train's stock: panelled walls, two berths on one side
    with the operator's blankets, a ladder, a cabinet with a table top, a window on the
    back wall with its blind (where the blind stops, and what the window shows, is the
    compartment's own)."""
    r, o = b.fix, b.own
    tone = _wood_tone(r)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(
            name,
            _wood(
                r, tw, th, tone, max(3, round(float(r.uniform(0.08, 0.12)) * res)), along_x=False
            ),
        )
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    ww, wh, low = (
        float(r.uniform(0.8, 1.1)),
        float(r.uniform(0.6, 0.75)),
        float(r.uniform(0.9, 1.05)),
    )
    blind = _paint(r, back.px(ww), back.px(wh), _c(r, 120, 240))
    for y in range(0, blind.shape[0], 4):
        cv2.line(blind, (0, y), (blind.shape[1], y), _shade(_colour_at(blind, 0, 0), 0.85), 1)
    view = _landscape(o, back.px(ww), back.px(wh))
    down = int(blind.shape[0] * o.uniform(0.5, 0.92))  # how far the blind is pulled down
    view[:down] = blind[-down:]
    along = (back.length - ww) / 2 + float(r.uniform(-0.2, 0.2))
    _window(back, r, view, along, low, ww, wh, _c(r, 30, 120))
    sgn = 1 if r.random() < 0.5 else -1
    inward = "left" if sgn > 0 else "right"
    other = b.wall("left" if sgn > 0 else "right")
    mw, mh = other.px(0.4), other.px(0.55)
    mirror = _u8(
        np.full((mh, mw, 3), (180, 192, 198), np.float32)
        * (1 + 0.05 * _field(r, mw, mh, 8))[:, :, None]
    )
    other.put(mirror, 1.85, 1.9)
    notice = _label(r, other.px(0.25), other.px(0.3))
    other.put(notice, 1.7, 1.75)
    _small_things(other, ("socket",))
    berth = _piece(r, "berth")
    bx = sgn * (b.w / 2 - 0.36)
    _add(b.boxes, b.tops, "berth", berth, (bx, b.d / 2, 0.7, b.d - 0.1, inward), 0.55)
    _add(b.boxes, b.tops, "berth", berth, (bx, b.d / 2, 0.7, b.d - 0.1, inward), 0.32, 1.35)
    steel = _steel(r, 32, 8, int(r.integers(160, 220)))
    b.boxes.append(
        Box(
            sgn * (b.w / 2 - 0.72),
            b.d / 2,
            0.03,
            b.d - 0.5,
            0.18,
            1.67,
            {"front": steel, "left": steel, "right": steel},
        )
    )
    rungs = _paint(r, 16, 64, _c(r, 120, 220))
    for y in range(4, 64, 10):
        cv2.line(rungs, (0, y), (16, y), (60, 60, 60), 2)
    b.boxes.append(
        Box(
            sgn * (b.w / 2 - 0.76),
            0.45,
            0.04,
            0.4,
            1.35,
            0.0,
            {"front": rungs, "left": rungs, "right": rungs},
        )
    )
    cab = _piece(r, "bedside")
    _add(
        b.boxes,
        b.tops,
        "bedside",
        cab,
        (-sgn * (b.w / 2 - 0.3), b.d - 0.3, 0.55, 0.5, "front"),
        0.78,
    )
    b.bedding = _fabric(r, 96, 96)


# --- belongings, clutter, light and camera ----------------------------------------------------


def _belonging(rng: Rng, name: str, x: float, z: float, y0: float) -> list[Box]:
    """One of the occupant's things, standing at (x, z) on a surface ``y0`` m up."""
    if name == "suitcase":
        col = _c(rng, 10, 250)
        tex = _paint(rng, 48, 64, col)
        cv2.rectangle(tex, (4, 4), (43, 59), _shade(col, 0.7), 2)
        cv2.rectangle(tex, (18, 0), (30, 4), (30, 30, 30), -1)
        return (
            [Box(x, z, 0.45, 0.25, 0.65, y0, {"front": tex, "top": tex})]
            if y0 == 0
            else [Box(x, z, 0.65, 0.45, 0.25, y0, {"front": tex, "top": tex})]
        )
    if name == "laptop":
        lid = _paint(rng, 32, 24, _c(rng, 20, 230))
        _paste(lid, _label(rng, 10, 8), int(rng.integers(2, 20)), int(rng.integers(2, 14)))
        return [
            Box(
                x, z, 0.33, 0.23, 0.02, y0, {"front": lid, "top": _paint(rng, 32, 24, (50, 50, 55))}
            ),
            Box(
                x,
                z + 0.11,
                0.33,
                0.01,
                0.22,
                y0 + 0.02,
                {"front": _screen(rng, 64, 40), "back": lid},
            ),
        ]
    if name == "shoes":
        col = _c(rng, 10, 240)
        tex = _paint(rng, 16, 8, col)
        return [
            Box(x + dx, z, 0.1, 0.27, 0.1, 0.0, {"front": tex, "top": tex}) for dx in (-0.07, 0.07)
        ]
    sizes = {
        "clothes": (0.35, 0.3, 0.07),
        "book": (0.16, 0.23, 0.03),
        "bottle": (0.07, 0.07, 0.25),
        "bag": (0.4, 0.2, 0.3),
        "mug": (0.09, 0.09, 0.1),
        "phone": (0.07, 0.15, 0.01),
        "jacket": (0.5, 0.12, 0.55),
        "snacks": (0.15, 0.08, 0.2),
    }
    w, d, h = sizes[name]
    if name in ("clothes", "bag", "jacket"):
        tex = _fabric(rng, 48, 48)
    elif name == "phone":
        tex = _screen(rng, 16, 24)
    else:
        tex = _label(rng, 32, 40)
    return [Box(x, z, w, d, h, y0, {"front": tex, "top": tex, "left": tex, "right": tex})]


BELONGINGS = (
    "suitcase",
    "clothes",
    "laptop",
    "book",
    "bottle",
    "shoes",
    "bag",
    "mug",
    "phone",
    "jacket",
    "snacks",
)


def _belongings(b: _Build) -> list[Box]:
    """The occupant's own things (a look-alike's only differences besides its light, its
    camera and a window's view): 4-9 of them on the place's surfaces and floor."""
    o = b.own
    out: list[Box] = []
    for _ in range(int(o.integers(4, 10))):
        name = str(o.choice(BELONGINGS))
        on_floor = (name in ("suitcase", "shoes") and o.random() < 0.7) or not b.tops
        if on_floor:
            x = float(o.uniform(-b.w / 2 + 0.35, b.w / 2 - 0.35))
            z = float(o.uniform(max(0.5, b.d * 0.4), b.d - 0.3))
            out += _belonging(o, name, x, z, 0.0)
        else:
            x, z, tw, td, y0 = b.tops[int(o.integers(0, len(b.tops)))]
            out += _belonging(
                o,
                name,
                x + float(o.uniform(-tw / 2, tw / 2)),
                z + float(o.uniform(-td / 2, td / 2)),
                y0,
            )
    return out


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: boxes, bags, parcels, on surfaces and on the floor."""
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
    "gym": _build_gym,
    "hall": _build_hall,
    "library": _build_library,
    "train": _build_train,
    "greenhouse": _build_greenhouse,
    "music": _build_music,
    "laundrette": _build_laundrette,
    "gallery": _build_gallery,
    "hotelroom": _build_hotelroom,
    "pod": _build_pod,
    "sleeper": _build_sleeper,
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
    if base == "gym":
        z, yaw, pitch = (
            float(rng.uniform(1.0, 3.0)),
            float(rng.uniform(-20, 20)),
            float(rng.uniform(-8, -1)),
        )
    elif base in ("hall", "gallery", "library"):
        z, pitch = float(rng.uniform(0.5, 1.5)), float(rng.uniform(-10, -3))
    elif base == "train":
        x, z = float(rng.uniform(-0.08, 0.08)), float(rng.uniform(0.4, 0.9))
        yaw, pitch, hfov = (
            float(rng.uniform(-5, 5)),
            float(rng.uniform(-8, -2)),
            float(rng.uniform(64, 74)),
        )
    elif base == "pod":
        x, y, z = (
            float(rng.uniform(-0.1, 0.1)) * w,
            float(rng.uniform(1.3, 1.55)),
            float(rng.uniform(0.15, 0.25)),
        )
        pitch, hfov = float(rng.uniform(-20, -8)), float(rng.uniform(76, 84))
    elif base == "sleeper":
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.12, 0.2))
        yaw, pitch, hfov = (
            float(rng.uniform(-8, 8)),
            float(rng.uniform(-14, -6)),
            float(rng.uniform(76, 84)),
        )
    elif base in ("greenhouse", "music"):
        z, hfov = float(rng.uniform(0.3, 0.5)), float(rng.uniform(66, 76))
    return Camera(_vec(x, min(y, h - 0.2), z), yaw, pitch, hfov)


def _light(surf: Surface, rng: Rng, exposure: float) -> None:
    """The surface lit: its own level and a gradient across it, the same every day."""
    lo, hi = {"floor": (0.8, 1.0), "ceiling": (0.75, 0.95), "back": (0.9, 1.0)}.get(
        surf.name, (0.72, 0.96)
    )
    level = float(rng.uniform(lo, hi)) * exposure
    ramp = np.linspace(
        level * float(rng.uniform(0.82, 1.0)),
        level * float(rng.uniform(1.0, 1.1)),
        surf.tex.shape[1],
        dtype=np.float32,
    )
    if rng.random() < 0.5:
        ramp = ramp[::-1].copy()
    surf.lit = np.ascontiguousarray(_u8(surf.tex.astype(np.float32) * ramp[None, :, None]))


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


def _planes(place: Place, day: int) -> list[Plane]:
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    planes = [
        Plane(s.lit if s.lit is not None else s.tex, s.origin, s.u, s.v, s.size, wall=True)
        for s in place.surfaces.values()
    ]
    bedding = place.bedding if place.bedding is not None else _fabric(rng, 96, 96)
    soft = {"bedding": bedding, "cushion": _fabric(rng, 64, 32)}
    for b in place.boxes + place.belongings + _clutter(place, rng):
        tex = b.tex
        if b.soft:
            tex = dict.fromkeys(("front", "back", "left", "right", "top"), soft[b.soft])
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v13``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v13(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v13 (``bench/link.py --generator v13``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v13``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    bedroom, living room, hall or gallery."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 40_000_000
    while is_distractor(seed) or place_kind(seed) not in ("living", "bedroom", "hall", "gallery"):
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
    far = place.depth - (0.6 if place.base in ("pod", "sleeper") else max(0.8, place.depth / 3))
    out[2] = np.clip(out[2], 0.12, max(0.13, far))
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float, height: float | None = None) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places) and turned up to
    ``turn`` degrees; at ``height`` if given."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
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


def high_camera(place: Place, rng: Rng) -> Camera:
    """A camera held up high (2.3 m, or more in a tall place, up to 4.5 m; under the ceiling
    in a low one), looking down at the middle of the floor: 22-50 degrees."""
    c = moved(place, rng, 0.3, 10)
    top = min(place.height - 0.15, 4.5)
    y = float(rng.uniform(min(2.3, top), top))
    ahead = max(1.0, place.depth * 0.5 - float(c.pos[2]))
    pitch = float(np.clip(np.degrees(np.arctan2(y, ahead)) * rng.uniform(0.85, 1.1), 22, 50))
    return Camera(_vec(float(c.pos[0]), y, float(c.pos[2])), c.yaw, -pitch, c.hfov)


def fingertip(img: U8, rng: Rng) -> U8:
    """A fingertip over part of the lens: a large skin-toned blob from an edge or a bottom
    corner, far out of focus, darker where it is thick, glowing red at its rim where light
    passes through, a veil of scattered light round it."""
    h, w = img.shape[:2]
    t = float(rng.uniform(0, 1))
    tone = np.array(SKIN[0], np.float32) * (1 - t) + np.array(SKIN[1], np.float32) * t
    where = int(rng.integers(0, 4))
    ax, ay = float(rng.uniform(0.24, 0.36)) * w, float(rng.uniform(0.35, 0.5)) * h
    if where < 2:
        cx = float(rng.uniform(-0.06, 0.04)) * w
        cx = cx if where == 0 else w - cx
        cy, ang = float(rng.uniform(0.35, 0.8)) * h, float(rng.uniform(-25, 25))
    else:
        cx = float(rng.uniform(0.05, 0.2)) * w if where == 2 else w * float(rng.uniform(0.8, 0.95))
        cy, ang = (
            h * float(rng.uniform(0.95, 1.05)),
            float(rng.uniform(20, 60)) * (1 if where == 2 else -1),
        )
    mask = np.zeros((h, w), np.float32)
    cv2.ellipse(mask, (int(cx), int(cy)), (int(ax), int(ay)), ang, 0, 360, 1.0, -1)
    sigma = float(rng.uniform(0.04, 0.07)) * w
    a = np.clip(cv2.GaussianBlur(mask, (0, 0), sigma) * 1.25, 0, 1)[:, :, None]
    glow = np.array([255, 110, 70], np.float32)
    rim = np.clip(4 * a * (1 - a), 0, 1) * np.float32(rng.uniform(0.3, 0.6))
    finger = tone * (0.55 + 0.25 * a)
    finger = finger * (1 - rim) + glow * 0.8 * rim
    out = img.astype(np.float32) * (1 - a) + finger * a
    veil = cv2.GaussianBlur(mask, (0, 0), sigma * 2.5)[:, :, None] * np.float32(
        rng.uniform(0.1, 0.25)
    )
    return _u8(out * (1 - veil) + tone * 1.1 * veil)


def tilt_shift(img: U8, rng: Rng) -> U8:
    """A miniature (tilt-shift) effect: a sharp band across, blur growing above and below it
    to sigma 3-5 px (at 400 wide), stronger colour and contrast."""
    h, w = img.shape[:2]
    centre, half = float(rng.uniform(0.45, 0.65)) * h, float(rng.uniform(0.06, 0.1)) * h
    smax = float(rng.uniform(3, 5)) * w / 400
    levels = np.stack(
        [img.astype(np.float32)]
        + [cv2.GaussianBlur(img, (0, 0), smax * f).astype(np.float32) for f in (1 / 3, 2 / 3, 1)]
    )
    dist = np.clip((np.abs(np.arange(h, dtype=np.float32) - centre) - half) / (0.35 * h), 0, 1) * 3
    lo = np.minimum(dist.astype(np.int32), 2)
    frac = (dist - lo)[:, None, None]
    rows = np.arange(h)
    out = levels[lo, rows] * (1 - frac) + levels[lo + 1, rows] * frac
    lum = out.mean(axis=2, keepdims=True)
    out = lum + (out - lum) * np.float32(rng.uniform(1.3, 1.6))
    return _u8(128 + (out - 128) * np.float32(rng.uniform(1.08, 1.18)))


def hdr_tonemap(img: U8, rng: Rng) -> U8:
    """An over-processed HDR look: the light's large-scale range squeezed, its detail
    boosted (haloes round edges), saturation raised."""
    _h, w = img.shape[:2]
    x = img.astype(np.float32) / 255 + 1e-3
    lum = _lum(img) / 255 + 1e-3
    log = np.log(lum)
    base = cv2.GaussianBlur(log, (0, 0), float(rng.uniform(0.05, 0.1)) * w)
    fine = cv2.GaussianBlur(log, (0, 0), 0.012 * w)
    new = (
        base * np.float32(rng.uniform(0.3, 0.5))
        + (fine - base) * np.float32(rng.uniform(2.0, 3.0))
        + (log - fine) * np.float32(rng.uniform(1.3, 1.8))
    )
    new = new - np.float32(np.percentile(new, 99.5))
    lnew = np.exp(new) ** np.float32(rng.uniform(0.75, 0.9)) * 0.97
    out = x * (lnew / lum)[:, :, None]
    grey = out.mean(axis=2, keepdims=True)
    out = grey + (out - grey) * np.float32(rng.uniform(1.3, 1.6))
    return _u8(out * 255)


def cracked_glass(img: U8, rng: Rng) -> U8:
    """Through a cracked screen protector: cracks running out from an impact point and
    rings round it, each shard between two cracks shifted and shaded a little, the cracks
    bright where they catch the light, dark beside."""
    h, w = img.shape[:2]
    s = w / 400
    cx, cy = float(rng.uniform(0.15, 0.85)) * w, float(rng.uniform(0.15, 0.85)) * h
    n = int(rng.integers(6, 12))
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = np.mod(np.arctan2(yy - cy, xx - cx), 2 * np.pi)
    sector = np.searchsorted(angles, ang) % n
    dx, dy = rng.uniform(-2.5, 2.5, n) * s, rng.uniform(-2.5, 2.5, n) * s
    bright = rng.uniform(0.93, 1.06, n).astype(np.float32)
    out = cv2.remap(
        img,
        xx + dx[sector].astype(np.float32),
        yy + dy[sector].astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    out = out.astype(np.float32) * bright[sector][:, :, None]
    lines = np.zeros((h, w), np.float32)
    reach = 1.5 * max(w, h)
    for a in angles:
        pts, r, t = [(cx, cy)], 0.0, float(a)
        while r < reach:
            r += 8 * s
            t += float(rng.normal(0, 0.05))
            pts.append((cx + r * np.cos(t), cy + r * np.sin(t)))
        cv2.polylines(lines, [np.array(pts, np.int32)], False, 1.0, 1)
    for _ in range(int(rng.integers(1, 4))):
        rad = float(rng.uniform(0.05, 0.25)) * w
        a0 = float(rng.uniform(0, 2 * np.pi))
        ts = np.linspace(a0, a0 + float(rng.uniform(1.0, 4.0)), 24)
        rr = rad * (1 + rng.normal(0, 0.04, len(ts)))
        arc = np.stack([cx + rr * np.cos(ts), cy + rr * np.sin(ts)], 1).astype(np.int32)
        cv2.polylines(lines, [arc], False, 1.0, 1)
    cv2.circle(lines, (int(cx), int(cy)), max(2, int(4 * s)), 1.0, -1)
    dark = np.roll(lines, 1, axis=1)
    glint = cv2.GaussianBlur(lines, (0, 0), 1.2 * s)
    out = out * (1 - 0.5 * dark[:, :, None]) + (150 * lines + 40 * glint)[:, :, None]
    return _blur(_u8(out), 0.5 * s)


def steamed_lens(img: U8, rng: Rng) -> U8:
    """A steamed-up lens: a milky, blurred veil over everything but a wiped band, where it
    is thin and the picture almost sharp; tiny droplets in the mist."""
    h, w = img.shape[:2]
    s = w / 400
    haze = float(rng.uniform(0.45, 0.75))
    blurred = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(3, 7)) * s).astype(np.float32)
    sharp = cv2.GaussianBlur(img, (0, 0), 0.8 * s).astype(np.float32)
    veil = np.array(_tone(rng, (215, 215, 210), (245, 245, 245)), np.float32)
    mask = np.zeros((h, w), np.float32)
    y0, y1 = float(rng.uniform(0.2, 0.8)) * h, float(rng.uniform(0.2, 0.8)) * h
    bow = float(rng.uniform(-0.2, 0.2)) * h
    xs = np.linspace(-0.05 * w, 1.05 * w, 24)
    ys = y0 + (y1 - y0) * xs / w + bow * np.sin(np.pi * xs / w)
    cv2.polylines(
        mask,
        [np.stack([xs, ys], 1).astype(np.int32)],
        False,
        1.0,
        max(2, int(float(rng.uniform(0.12, 0.22)) * w)),
    )
    wipe = cv2.GaussianBlur(mask, (0, 0), 0.03 * w)
    local = (
        haze
        * (1 - wipe * float(rng.uniform(0.7, 0.9)))
        * np.clip(1 + 0.2 * _field(rng, w, h, max(4, int(30 * s))), 0.6, 1.4)
    )
    local = np.clip(local, 0, 0.95)[:, :, None]
    base = blurred * (1 - wipe[:, :, None]) + sharp * wipe[:, :, None]
    out = base * (1 - local) + veil * local
    drops = (rng.random((h, w)) < 0.004) & (wipe < 0.3)
    out[drops] += 30
    return _blur(_u8(out), 0.6 * s)


def _osd(img: U8, text: str, x: int, y: int, scale: float) -> None:
    for col, thick in (((10, 10, 10), 3), ((245, 245, 245), 1)):
        cv2.putText(img, text, (x, y), cv2.FONT_HERSHEY_SIMPLEX, scale, col, thick, cv2.LINE_AA)


def vhs_frame(img: U8, rng: Rng) -> U8:
    """A frame of a camcorder tape played back and digitised: soft luma with ringing,
    smeared and shifted colour, washed-out saturation, interlaced fields out of step,
    fewer lines, a band of tracking noise, the head-switching skew at the bottom, an
    on-screen ``PLAY`` and a tape counter."""
    h, w = img.shape[:2]
    s = w / 400
    ycc = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb).astype(np.float32)
    y = cv2.blur(ycc[:, :, 0], (3, 1))
    y = y + float(rng.uniform(0.6, 1.0)) * (
        y - cv2.GaussianBlur(y, (0, 0), sigmaX=2.5 * s, sigmaY=0.3)
    )
    cw = max(8, int(w / rng.uniform(5, 8)))
    chroma = cv2.resize(
        cv2.resize(ycc[:, :, 1:], (cw, h), interpolation=cv2.INTER_AREA),
        (w, h),
        interpolation=cv2.INTER_LINEAR,
    )
    chroma = np.roll(chroma, max(1, int(rng.uniform(2, 4) * s)), axis=1)
    chroma = 128 + (chroma - 128) * np.float32(rng.uniform(0.7, 0.9))
    lines = max(16, int(h * rng.uniform(0.75, 0.85)))
    y = cv2.resize(
        cv2.resize(y, (w, lines), interpolation=cv2.INTER_AREA),
        (w, h),
        interpolation=cv2.INTER_LINEAR,
    )
    y[1::2] = np.roll(y[1::2], max(1, round(float(rng.uniform(1.0, 2.5)) * s)), axis=1)
    band, bh = int(rng.uniform(0.72, 0.93) * h), max(2, int(rng.uniform(0.02, 0.05) * h))
    for row in range(band, min(h, band + bh)):
        hiss = np.asarray(rng.normal(0, 25, w), np.float32)
        y[row] = np.roll(y[row], int(rng.integers(-8, 9) * s)) + hiss
        if rng.random() < 0.4:
            x0 = int(rng.integers(0, w))
            y[row, x0 : x0 + int(rng.integers(5, 40) * s)] = 235
    skew = max(2, int(rng.uniform(0.015, 0.035) * h))
    for k, row in enumerate(range(h - skew, h)):
        y[row] = np.roll(y[row], int((k + 1) / skew * rng.uniform(6, 14) * s))
        chroma[row] = np.roll(chroma[row], int((k + 1) / skew * 6 * s), axis=0)
    ycc = np.concatenate([y[:, :, None], chroma], axis=2)
    out = _noise(np.asarray(cv2.cvtColor(_u8(ycc), cv2.COLOR_YCrCb2RGB), np.uint8), rng, 3.0)
    sc = 0.5 * s
    _osd(out, "PLAY", int(0.05 * w), int(0.1 * h), sc)
    counter = (
        f"{int(rng.integers(0, 2))}:{int(rng.integers(0, 60)):02d}:{int(rng.integers(0, 60)):02d}"
    )
    _osd(out, counter, int(0.72 * w), int(0.92 * h) - skew, sc)
    return out


def gif_frame(img: U8, rng: Rng) -> U8:
    """A frame of an animated GIF shown enlarged: 0.5-0.65 of the size, 32-96 colours of
    its own palette, ordered dithering, enlarged back without smoothing."""
    h, w = img.shape[:2]
    f = float(rng.uniform(0.5, 0.65))
    sw, sh = max(8, int(w * f)), max(8, int(h * f))
    small = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA).astype(np.float32)
    pix = small.reshape(-1, 3)
    k = int(rng.choice([32, 48, 64, 96]))
    sample = pix[rng.choice(len(pix), min(3000, len(pix)), replace=False)]
    centres = sample[rng.choice(len(sample), k, replace=False)].copy()
    for _ in range(8):
        lab = ((sample[:, None, :] - centres[None]) ** 2).sum(axis=2).argmin(axis=1)
        for j in range(k):
            members = sample[lab == j]
            if len(members):
                centres[j] = members.mean(axis=0)
    bayer = (
        np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], np.float32) / 16
        - 0.5
    )
    step = 255 / k ** (1 / 3) * float(rng.uniform(0.4, 0.7))
    dither = np.tile(bayer, (sh // 4 + 1, sw // 4 + 1))[:sh, :sw]
    pix = (small + dither[:, :, None] * step).reshape(-1, 3)
    lab = np.concatenate(
        [
            ((pix[i : i + 8192, None, :] - centres[None]) ** 2).sum(axis=2).argmin(axis=1)
            for i in range(0, len(pix), 8192)
        ]
    )
    q = _u8(centres[lab].reshape(sh, sw, 3))
    return np.asarray(cv2.resize(q, (w, h), interpolation=cv2.INTER_NEAREST), np.uint8)


def lens_flare(img: U8, rng: Rng) -> U8:
    """Shooting towards a bright light: exposure pulled down, a bloom round the brightest
    spot of the upper picture, a starburst, a veil of glare, ghosts of the aperture along
    the line through the centre."""
    h, w = img.shape[:2]
    s = w / 400
    g = cv2.GaussianBlur(_lum(img), (0, 0), 0.03 * w)
    upper = g[: int(0.7 * h)]
    peak_y, peak_x = np.unravel_index(int(upper.argmax()), upper.shape)
    sx = float(np.clip(peak_x + rng.uniform(-0.05, 0.05) * w, 0, w - 1))
    sy = float(np.clip(peak_y + rng.uniform(-0.05, 0.05) * h, 0, h - 1))
    out = img.astype(np.float32) * np.float32(rng.uniform(0.7, 0.85))
    warm = np.array([255, rng.uniform(200, 240), rng.uniform(150, 200)], np.float32) / 255
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = (xx - sx) ** 2 + (yy - sy) ** 2
    bloom = np.exp(-r2 / (2 * (float(rng.uniform(0.04, 0.08)) * w) ** 2)) * np.float32(
        rng.uniform(0.9, 1.3)
    )
    veil = np.exp(-r2 / (2 * (float(rng.uniform(0.35, 0.6)) * w) ** 2)) * np.float32(
        rng.uniform(0.12, 0.25)
    ) + np.float32(rng.uniform(0.04, 0.1))
    star = np.zeros((h, w), np.float32)
    n = int(rng.integers(6, 9))
    a0 = float(rng.uniform(0, np.pi))
    for k in range(n):
        a = a0 + k * np.pi / n
        ln = float(rng.uniform(0.3, 0.6)) * w
        p0 = (int(sx - ln * np.cos(a)), int(sy - ln * np.sin(a)))
        p1 = (int(sx + ln * np.cos(a)), int(sy + ln * np.sin(a)))
        cv2.line(star, p0, p1, 1.0, 1, cv2.LINE_AA)
    star = (
        cv2.GaussianBlur(star, (0, 0), 1.2 * s)
        * np.exp(-np.sqrt(r2) / (0.25 * w))
        * np.float32(rng.uniform(0.5, 0.9))
    )
    ghosts = np.zeros((h, w, 3), np.float32)
    palette = ((120, 255, 150), (200, 120, 255), (255, 170, 80), (110, 210, 255))
    for _ in range(int(rng.integers(4, 8))):
        t = float(rng.uniform(-1.2, 0.6))
        gx, gy = w / 2 + (sx - w / 2) * t, h / 2 + (sy - h / 2) * t
        layer = np.zeros((h, w), np.float32)
        cv2.circle(
            layer, (int(gx), int(gy)), max(2, int(float(rng.uniform(0.015, 0.08)) * w)), 1.0, -1
        )
        col = np.array(palette[int(rng.integers(0, len(palette)))], np.float32)
        ghosts += layer[:, :, None] * col * np.float32(rng.uniform(0.05, 0.15))
    ghosts = np.asarray(cv2.GaussianBlur(ghosts, (0, 0), 1.5 * s), np.float32)
    light = (bloom + veil + star)[:, :, None] * warm * 255
    return _u8(out + light + ghosts)


def video_player(frame: U8, rng: Rng, w: int, h: int) -> U8:
    """A video player's screenshot: the 16:9 ``frame`` letterboxed in a ``w`` x ``h``
    window, a subtitle, a channel's logo, the controls (progress bar, times, buttons)."""
    out = np.zeros((h, w, 3), np.uint8)
    fh = frame.shape[0]
    y0 = (h - fh) // 2
    out[y0 : y0 + fh] = frame
    s = w / 400
    words = [
        " ".join(_word(rng, (1, 3)) for _ in range(int(rng.integers(2, 5))))
        for _ in range(int(rng.integers(1, 3)))
    ]
    for i, line in enumerate(reversed(words)):
        size = cv2.getTextSize(line, cv2.FONT_HERSHEY_SIMPLEX, 0.45 * s, 1)[0]
        _osd(out, line, (w - size[0]) // 2, y0 + fh - int(34 * s) - i * int(15 * s), 0.45 * s)
    logo = np.zeros((h, w, 3), np.uint8)
    cv2.putText(
        logo,
        _word(rng, (1, 2)).upper(),
        (w - int(70 * s), y0 + int(22 * s)),
        cv2.FONT_HERSHEY_DUPLEX,
        0.55 * s,
        (255, 255, 255),
        1,
        cv2.LINE_AA,
    )
    out = _u8(out.astype(np.float32) + logo.astype(np.float32) * 0.55)
    shade = np.linspace(0, 0.6, int(28 * s), dtype=np.float32)[:, None, None]
    band = slice(y0 + fh - len(shade), y0 + fh)
    out[band] = _u8(out[band].astype(np.float32) * (1 - shade))
    by = y0 + fh - int(16 * s)
    played = int(w * 0.04 + (w * 0.92) * float(rng.uniform(0.05, 0.95)))
    cv2.line(out, (int(w * 0.04), by), (int(w * 0.96), by), (150, 150, 150), max(1, int(2 * s)))
    tint = ((230, 30, 30), (245, 245, 245), _c(rng, 60, 256))[int(rng.integers(0, 3))]
    cv2.line(out, (int(w * 0.04), by), (played, by), tint, max(1, int(2 * s)))
    cv2.circle(out, (played, by), max(2, int(4 * s)), tint, -1)
    iy = y0 + fh - int(6 * s)
    tri = np.array(
        [
            [int(w * 0.04), iy - int(6 * s)],
            [int(w * 0.04), iy + int(1 * s)],
            [int(w * 0.04 + 7 * s), iy - int(2.5 * s)],
        ],
        np.int32,
    )
    cv2.fillPoly(out, [tri], (245, 245, 245))
    total = int(rng.integers(60, 3600))
    now = int(total * (played - w * 0.04) / (w * 0.92))
    cv2.putText(
        out,
        f"{now // 60}:{now % 60:02d} / {total // 60}:{total % 60:02d}",
        (int(w * 0.1), iy),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.3 * s,
        (235, 235, 235),
        1,
        cv2.LINE_AA,
    )
    cv2.rectangle(
        out, (int(w * 0.9), iy - int(6 * s)), (int(w * 0.9 + 8 * s), iy), (235, 235, 235), 1
    )
    return out


def toy_camera(img: U8, rng: Rng) -> U8:
    """A cheap toy camera: barrel distortion, colour fringes growing to the edges, soft
    corners, a heavy vignette, a light leak from one side, crushed blacks, grain."""
    h, w = img.shape[:2]
    s = w / 400
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    nx, ny = (xx - w / 2) / (w / 2), (yy - h / 2) / (w / 2)
    r2 = (nx**2 + ny**2) / (1 + (h / w) ** 2)
    k = np.float32(rng.uniform(0.05, 0.12))
    chans = []
    ca = float(rng.uniform(0.006, 0.014))
    for c, extra in ((0, 1 + ca), (1, 1.0), (2, 1 - ca)):
        scale = (1 + k * r2) / (1 + k) * np.float32(extra)
        chans.append(
            cv2.remap(
                img[:, :, c],
                w / 2 + (xx - w / 2) * scale,
                h / 2 + (yy - h / 2) * scale,
                cv2.INTER_LINEAR,
                borderMode=cv2.BORDER_REFLECT,
            )
        )
    out = np.stack(chans, axis=2).astype(np.float32)
    soft = cv2.GaussianBlur(out, (0, 0), float(rng.uniform(1.5, 3.0)) * s)
    m = np.clip(r2, 0, 1)[:, :, None] ** 1.5
    out = out * (1 - m) + soft * m
    out *= (1 - np.float32(rng.uniform(0.4, 0.65)) * np.clip(r2, 0, 1.2))[:, :, None]
    lx = 0.0 if rng.random() < 0.5 else float(w)
    ly = float(rng.uniform(0, h))
    leak = np.exp(
        -((xx - lx) ** 2 + (yy - ly) ** 2) / (2 * (float(rng.uniform(0.25, 0.5)) * w) ** 2)
    )
    col = (
        np.array(
            ((255, 120, 40), (255, 70, 60), (255, 200, 80))[int(rng.integers(0, 3))], np.float32
        )
        / 255
    )
    out += leak[:, :, None] * col * np.float32(rng.uniform(40, 100))
    out = (out - np.float32(rng.uniform(10, 25))) * np.float32(rng.uniform(1.05, 1.15))
    grey = out.mean(axis=2, keepdims=True)
    out = grey + (out - grey) * np.float32(rng.uniform(1.1, 1.35))
    return _noise(_u8(out), rng, float(rng.uniform(4, 7)))


def squashed(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A picture stored at the wrong aspect: a wider frame (1.25-1.45 times, the same
    height of view) squeezed across to ``w`` x ``h`` (70 %), or a taller one squeezed
    down (30 %); camera moved up to 0.4 m, turned up to 12 degrees."""
    cam = moved(place, rng, 0.4, 12)
    f = float(rng.uniform(1.25, 1.45))
    if rng.random() < 0.7:
        cam.hfov = float(np.degrees(2 * np.arctan(np.tan(np.radians(cam.hfov) / 2) * f)))
        big = render(place.planes(0), cam, round(w * f), h)
    else:
        big = render(place.planes(0), cam, w, round(h * f))
    return np.asarray(
        cv2.resize(_noise(big, rng, 2.0), (w, h), interpolation=cv2.INTER_AREA), np.uint8
    )


def views_v13(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v13's eleven pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(cam: Camera, sigma: float = 2.0) -> U8:
        return _noise(render(planes, cam, w, h), rng, sigma)

    out: dict[str, bytes] = {}
    out["finger"] = _jpeg(fingertip(shot(moved(place, rng, 0.3, 10)), rng), 85)
    pic = _noise(render(place.planes(1), high_camera(place, rng), w, h), rng, 2.0)
    out["tiltshift"] = _jpeg(tilt_shift(pic, rng), 85)
    out["hdr"] = _jpeg(hdr_tonemap(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["cracked"] = _jpeg(cracked_glass(shot(moved(place, rng, 0.3, 10)), rng), 85)
    out["steam"] = _jpeg(steamed_lens(shot(moved(place, rng, 0.4, 12)), rng), 85)
    cam = moved(place, rng, 0.4, 12, height=float(rng.uniform(1.0, 1.4)))
    cam.hfov = float(rng.uniform(48, 58))
    out["vhs"] = _jpeg(vhs_frame(render(planes, cam, w, h), rng), 85)
    out["gif"] = _png(gif_frame(shot(moved(place, rng, 0.4, 12)), rng))
    out["flare"] = _jpeg(lens_flare(shot(moved(place, rng, 0.4, 12)), rng), 85)
    cam = moved(place, rng, 0.4, 12)
    cam.hfov += float(rng.uniform(4, 10))
    frame = _noise(render(planes, cam, w, max(8, w * 9 // 16)), rng, 2.0)
    out["player"] = _jpeg(video_player(frame, rng, w, h), 85)
    out["toycam"] = _jpeg(toy_camera(render(planes, moved(place, rng, 0.4, 12), w, h), rng), 85)
    out["squashed"] = _jpeg(squashed(place, rng, w, h), 80)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v13", room=room_v13, views=views_v13)


def main() -> None:
    dry_run("v13", make_pictures, place_kind)


if __name__ == "__main__":
    main()

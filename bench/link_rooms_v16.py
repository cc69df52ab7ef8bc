"""Generator v16 of ``bench/link.py``: benign places (bakeries, boathouses, pottery studios,
bike shops, music shops, dance studios, restaurant kitchens, server rooms) as laptop screens,
photo grids, expired film, DVR quad splits, pet cameras, night vision, upscaled thumbnails,
zoomed crops, mirrors, power cuts, flatbed scans and slideshow dissolves show them, held out.

Written blind, like v6-v15: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]`` and ``[tool.mypy]`` sections of
``pyproject.toml``, ``bench/link_rooms_v15.py`` whole (for the interface, the truth format,
the place model and the primitives imported below), ``tests/bench/test_link_rooms_v15.py``
whole (for the shape of the tests) and, in ``bench/link.py``, only the generator plumbing: a
grep for ``v15`` and the lines round each hit (the import lines 58-78, ``GENERATORS`` at
605-640, the ``views_*`` dict of ``make_collection`` at 660-705 and the ``--generator``
argument at 1240-1285, a range that also shows the end of a results writer and
``verify_options``). Of ``bench/link_rooms_v6.py``-``v14.py`` only the first paragraphs of
their docstrings (for the kinds of place they name) and the names of their views were read
(a grep of the ``out["..."]`` keys of v6-v15; a grep of v16's twelve names as quoted strings
in every ``bench/link_rooms_v*.py``, which finds none; a grep of the names of kinds v16
considered in the same files, which found a florist, caravans, student rooms, hotel rooms,
cabins, dormitories and hostels, so v16 has none of them). The signatures of the v6-v15
primitives imported below were printed (``inspect.signature``, methods of the classes too),
and a few were run to learn what a signature does not say: v13's ``_frames`` printed for one
box and v9's renderer run on six plain-coloured walls (which way the textures run and a
camera's yaw turns), v13's ``_Build`` and ``_Wall.put`` run once (its walls draw from the
template's generator), v13's ``_add`` and ``_piece`` once on a bed (its bedding is
``soft``; the names of a piece's faces), v15's ``build_place`` once (the same), v13's
``_tone`` five times (it draws each channel apart, so v16 draws greys with its own
``_between``) and v13's ``_Wall.claim`` watched on five boathouses (it refuses a patch that
reaches a texture's last row). ``python -m bench.link --help`` was run once to check the
plumbing; v16's own pictures were looked at (sheets of the original and its twelve views for
one or two places of each kind). Nothing of the linker's code, tests, docs or results was
read, and neither the linker nor ``bench.link`` was ever run on these pictures: use it once,
for a held-out figure. v9's projective renderer, v6's picture writer and dry run, v13's place
model (surfaces, boxes, walls, floor plans, furniture pieces, windows, curtains, wall things,
lighting), v14's belongings and small helpers (mirrors, bottles, signs, whiteboards,
cartons, skirting), v15's doors, tiles to a dado, framed pictures of the occupant's own,
sky, shelving of boxes, barrel distortion and re-JPEG, and small drawing primitives of
v10-v12 are imported; the kinds of place, their builders, the look-alikes, the clutter, the
cameras and every view are v16's own.

Run with ``--generator v16 --no-real``. To look at the pictures and the truth without
linking anything: ``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v16 --rooms 12
--out /tmp/v16``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(windows with what they show, blinds or curtains, doors, shop fronts, boards, signs,
posters, sockets, clocks, exit signs, extinguishers; a bakery's menu board; a boathouse's
channel of water in its floor and its open water doors showing a lake, oars and life rings;
a pottery's aprons and glaze chart; a bike shop's bikes and tyres hung on slatwall; a music
shop's rows of guitars; a dance studio's mirror wall, which shows the room as it was built;
a kitchen's hanging pans and ticket rail; a server room's raised floor and warning signs)
and furniture and fittings as 3-D boxes (a bakery's glass counter of cakes with its till,
bread racks, deck oven, café table and chairs; a boathouse's rowing boat in its channel,
kayaks on racks, a workbench, a coil of rope; a pottery's wheels and stools, a wedging table,
shelves of pots, a kiln, a sink; a bike shop's boxed new bikes, counter, workstand and
shelving of parts; a music shop's upright pianos, stacked amplifiers, a drum kit on a
riser, a counter; a dance studio's barres, piano, speakers, bench, cubbies and mats; a
kitchen's steel counters, wall shelves, range under its hood, dishwasher and island; a
server room's two rows of racks facing each other across an aisle, cable trays, a cooling
unit at the aisle's end, a console cart). Loose things change from day to day. Two pictures
show the same place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(700_000_000 + seed)``); no photograph is
read, so two ordinary places cannot share a photographed surface; the tests check that no
two ordinary places share any texture that is not a plain colour. What any two places may
still have alike is what is generic in real places too: socket plates, clock dots, the
Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v15): bakery (4-7 x 2.7-3.2 x 5-8 m,
width x height x depth), boathouse (5-8 x 3.5-5 x 8-12), pottery studio (5-8 x 2.8-3.4 x
6-9), bike shop (4-6.5 x 2.8-3.3 x 7-11), music shop (4.5-7 x 2.8-3.4 x 7-11), dance studio
(7-12 x 3-4 x 8-13), restaurant kitchen (4-7 x 2.6-3 x 5-9), server room (4-7 x 2.6-3 x
5-9, its camera in the aisle); and, as look-alikes only, a conference centre's meeting room
(4-6.5 x 2.5-2.9 x 4.5-7), a self-storage unit (1.5-3 x 2.4-2.8 x 2.5-4.5) and a holiday
park's chalet (3.5-5 x 2.3-2.6 x 4-6). No person is drawn anywhere.

**Views (none of their names used in v6-v15), at the original's size.** A camera "moved up
to 0.4 m" is also turned up to 12 degrees and tilted up to 4 (the first of 8 moves that
leaves it 0.15 m clear of every thing, else not moved; in small places it moves less: x0.35
in a storage unit, x0.7 in a chalet). Difficulty as meant, not measured:

- ``laptopmoire`` (medium): the picture on a laptop's screen, photographed at an angle: a
  shot (camera moved up to 0.4 m) shown with a backlight's gamma 0.8-0.95, contrast
  x0.85-0.95 and a blue cast, drawn as red, green and blue sub-pixel stripes (the other two
  channels x0.45) at 3 times the size and squeezed onto the screen bilinearly without
  smoothing first, so that the stripes beat (moiré), plus a cosine interference of period
  3-7 px at 10-80 degrees, amplitude 5-12; the screen 55-80 % of the width, its far side
  8-20 % shorter, turned up to 5 degrees, a black bezel (2.5-4 %), a keyboard deck, a desk
  and a blurred street behind, a soft diagonal glare (+20-45). JPEG 85.
- ``photogrid`` (hard): a grid of shots of the place (2x2, 3x2, or one big and two small),
  each tile rendered at its own size and shape from a camera moved up to 0.6 m and turned
  up to 25 degrees (a third of them zoomed details 25-40 degrees wide), gutters of 2-6 px in
  white, black or a pastel. JPEG 85.
- ``expiredfilm`` (easy): an expired film: a cast to cyan-green or magenta (channels
  x0.8-1.15), blacks lifted 15-35 and contrast x0.75-0.9, halation (brights over 180 bled
  red, sigma 3 px at 400), a light leak (orange-red, +60-140 fading over 25-45 % of the frame
  from one edge), a heavy vignette (corners x0.3-0.55), clumpy grain (sigma 8-14 at half
  size); camera moved up to 0.4 m. JPEG 85.
- ``quadsplit`` (hard): a DVR's quad split: four feeds at half size, from the two front
  corners looking in and the two back corners looking to the front, 0.15 m under the
  ceiling (moved along and down until clear of fixed things), 80-95 degrees wide, aimed at
  the floor 45-70 % (front) or 25-50 % (back) of the depth in, tilted -3 to +5 degrees
  more; each feed faded (saturation x0.3-0.7, or grey for a quarter of them), noise sigma
  3-5, its channel name; the date and time across the top, black lines between the feeds.
  JPEG 65-80.
- ``petcam`` (hard): a pet camera on the floor or a low shelf: 0.25-0.6 m high, at the front
  wall's foot or by a side wall up to 1.5 m in (the first of 12 spots 0.1 m clear of every
  thing), aimed into the room (yaw up to 25 degrees off 60 % of the depth), tilted up 2-10
  degrees, 110-125 degrees wide with barrel distortion k = 0.2-0.35, soft (sigma 0.8 px at
  400), saturation x0.75-0.9; an app's overlay: a red dot and ``LIVE``, the time, a battery,
  a darkened bar of three round buttons at the bottom. JPEG 70-80.
- ``nightvision`` (medium): an infrared camera at night: camera moved up to 0.4 m and
  turned up to 20 degrees, 80-95 degrees wide; grey (half red, 0.4 green, 0.1 blue), lit by
  its own lamp (centre x1.1-1.4 falling to x0.3-0.5 at the corners), gamma 0.8-1.0, brights
  bloomed, noise sigma 6-10, green phosphor (60 %) or grey, ``IR`` and a temperature at the
  top. JPEG 75.
- ``upscaled`` (hard): a thumbnail blown up: camera moved up to 0.3 m, the shot shrunk to
  56-96 px wide, saved at JPEG 50-70, scaled back bicubically, smoothed like an upscaler
  (bilateral filter, colour sigma 30-50) and sharpened (unsharp amount 0.6-1.2). JPEG 85.
- ``zoomcrop`` (medium): a cropped detail: camera moved up to 0.3 m and turned up to 8
  degrees, a crop 35-50 % of the width (the same shape), the busiest (most edges after a
  blur of 1.5 px at 400) of six: the four corners each moved in up to 8 %, the top middle
  and the middle; scaled up bilinearly and sharpened a little (amount 0.4). JPEG 85.
- ``mirrorwall`` (hard): a mirror-selfie with no one in it: a mirror (0.6-0.9 x 1.0-1.3 m,
  the photographer's, not among the place's fittings) on a side wall, its foot 0.9-1.2 m up,
  30-70 % of the depth in (the first of 16 tries clear of things against that wall),
  photographed from 1.2-2.2 m out and up to 0.6 m along (the first of 12 spots 0.2 m clear of
  things, else the place's camera), aimed at it (turned up to 6 degrees more), 50-65
  degrees wide; it shows the other side of the room, mirrored (rendered from its middle
  along the reflected line of sight, as wide as the patch of the far wall it reflects), in
  a frame of 3-6 cm with a bright edge. JPEG 85.
- ``powercut`` (hard): a power cut, lit by a torch: camera moved up to 0.4 m; light
  x(0.03-0.08 + a spot at 25-75 % across and down, sigma 15-30 % of the width), warm (green
  x0.9, blue x0.7), lifted by the phone (gamma 0.7-0.85), noise sigma 5-9 and colour noise
  3-5 at a quarter size. JPEG 80.
- ``flatbedscan`` (easy): a print scanned on a flatbed: camera moved up to 0.4 m; the print
  72-88 % of the width with a white border (3-5 %), yellowed (blue x0.88-0.95), contrast
  x0.85-0.95, turned up to 3 degrees, near a corner of the glass, on the lid's white-grey
  with a soft gradient, soft (sigma 0.6 px at 400), 5-20 dust specks and a hair. JPEG 90.
- ``crossfade`` (medium): a slideshow caught mid-dissolve: two shots (cameras moved up to
  0.5 m, turned up to 15 degrees), each zoomed 1.0-1.15 about a point within the middle
  half (a pan and zoom), blended with weight 0.35-0.65, a progress bar along the bottom.
  JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's: 4-9
of a bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a
fruit bowl, a box, on the tops and the floor), each day's clutter, how each surface is lit,
the camera and, where said, what the windows show, what is written, shown or stored.

- *Meeting rooms of one conference centre* (6 %: ``seed % 50`` in {16, 17, 18}, kind
  ``meeting room``; template ``701_000_000 + seed // 50``): size, paint and a feature
  wall, carpet tiles, ceiling, the window band with its blinds, the long table and its
  chairs, the conference phone, the screen's frame, the whiteboard's frame, the
  sideboard, sockets, clock and door. The room's own: what the screen shows, what is
  written on the whiteboard, what the windows show.
- *Units of one self-storage building* (2 %: ``seed % 100`` in {27, 28}, ``storage
  unit``; template ``702_000_000 + seed // 100``): size, the corrugated steel walls and
  their posts, the roller door, the concrete floor, the mesh ceiling and its lamp. The
  tenant's own: everything stored (4-9 stacks of cartons, crates or wrapped furniture,
  0.4-1.9 m high, standing on the floor, their middles 1 m or more in).
- *Chalets of one holiday park* (2 %: ``seed % 100`` in {52, 53}, ``holiday chalet``;
  template ``703_000_000 + seed // 100``): size, the pine cladding and ceiling, the floor,
  the windows with their curtains, the door, the kitchenette (cupboards with a hob, wall
  cupboards), the sofa, coffee table, chair and low cupboard, the wall lamp and sockets.
  The guest's own: what the windows show and 0-2 framed pictures.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (16, 17, 18) or seed % 100 in
(27, 28, 52, 53)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (meeting rooms) or ``seed // 100`` (storage units, chalets).

**Pictures per place: 13** (the original and 12 views): ``original`` (PNG),
``laptopmoire``, ``photogrid``, ``expiredfilm``, ``upscaled``, ``zoomcrop``,
``mirrorwall``, ``crossfade`` (JPEG 85), ``quadsplit`` (JPEG 65-80), ``petcam`` (JPEG
70-80), ``nightvision`` (JPEG 75), ``powercut`` (JPEG 80) and ``flatbedscan`` (JPEG 90),
all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 meeting rooms in every 50 seeds, 2 storage
units and 2 chalets in every 100); the other seeds draw their kind with equal shares of 1/8
(the tests check each within ±4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): meeting rooms 60, storage units 20, chalets 20; of the other 900:
restaurant kitchen 121, music shop 120, bike shop 120, bakery 116, server room 109,
boathouse 107, dance studio 105, pottery studio 102. The first 60 seeds (a default
``--rooms 60`` run): kitchen 13, bakery 8, music shop 7, bike shop 7, server room 6,
boathouse 5, pottery 4, dance studio 3, meeting rooms 3 (seeds 16-18), storage units 2 (27,
28), chalets 2 (52, 53): every kind and group is in it.

**Speed**: a dry run of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 7.0 s
(6.2 s of CPU, 158 MB at most) and one of 60 places at 400x300 took 33 s (30.5 s of CPU,
0.5 s a place of 13 pictures, 166 MB at most), both at ``nice -n 19`` at load average
2.1-3.4 on the shared 2-core machine; 1.2 s of CPU a place at 800x600 (seeds 200-207).
``build_place`` ran without error on seeds 0-999 (0.14 s a place) and all twelve views on
seeds 0-299 at 96x72. Surfaces are drawn at 120 texels a metre, large ones coarser (at most
360,000 texels a surface).

**Seeds**: a place ``700_000_000 + seed``; conference centre ``701_000_000 + seed // 50``;
storage building ``702_000_000 + seed // 100``; holiday park ``703_000_000 + seed //
100``; a day's bedding and clutter ``704_000_000 + 3 * seed + day`` (day 0); views
``default_rng([705_000_000, seed, i])`` (``i`` the index ``make_collection`` passes); the
original's sensor noise ``706_000_000 + seed``. Deterministic by seed. Lettering is random
syllables (digits for prices, channels, temperatures and timestamps). Pictures not made by
``room_v16`` (the real pictures of ``bench/link.py`` when run without ``--no-real``) are
hung as a print 2 m wide on the back wall of a generated bakery, pottery studio, bike shop
or music shop and seen the same ways.
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
    _bricks,
    _c,
    _fabric,
    _field,
    _jpeg,
    _label,
    _noise,
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
from bench.link_rooms_v11 import _blind, _blocks, _carpet_tiles, _concrete, _lino
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
    _frames,
    _light,
    _noticeboard,
    _piece,
    _plain_ceiling,
    _planks,
    _poster,
    _roof,
    _small_things,
    _tiled_ceiling,
    _vec,
    _Wall,
    _window,
    _windows,
    _wood_tone,
)
from bench.link_rooms_v14 import (
    _belongings,
    _bottles,
    _box,
    _carton,
    _inward,
    _mirror,
    _side_x,
    _sign,
    _skirting,
    _whiteboard,
)
from bench.link_rooms_v15 import (
    _door,
    _lower_tiles,
    _own_art,
    _rejpeg,
    _sky,
    _storage,
    barrel,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 700_000_000
MEETING_SEED = 701_000_000
STORAGE_SEED = 702_000_000
CHALET_SEED = 703_000_000
DAY_SEED = 704_000_000
VIEW_SEED = 705_000_000
SENSOR_SEED = 706_000_000
MEETING_EVERY, MEETING_SLOTS = 50, (16, 17, 18)
STORAGE_EVERY, STORAGE_SLOTS = 100, (27, 28)
CHALET_EVERY, CHALET_SLOTS = 100, (52, 53)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("bakery", 1 / 8),
    ("boathouse", 1 / 8),
    ("pottery studio", 1 / 8),
    ("bike shop", 1 / 8),
    ("music shop", 1 / 8),
    ("dance studio", 1 / 8),
    ("restaurant kitchen", 1 / 8),
    ("server room", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "meeting room": "meeting",
    "storage unit": "storage",
    "holiday chalet": "chalet",
}
VIEW_KINDS = (
    "laptopmoire",
    "photogrid",
    "expiredfilm",
    "quadsplit",
    "petcam",
    "nightvision",
    "upscaled",
    "zoomcrop",
    "mirrorwall",
    "powercut",
    "flatbedscan",
    "crossfade",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "bakery": ((4.0, 7.0), (2.7, 3.2), (5.0, 8.0)),
    "boathouse": ((5.0, 8.0), (3.5, 5.0), (8.0, 12.0)),
    "pottery studio": ((5.0, 8.0), (2.8, 3.4), (6.0, 9.0)),
    "bike shop": ((4.0, 6.5), (2.8, 3.3), (7.0, 11.0)),
    "music shop": ((4.5, 7.0), (2.8, 3.4), (7.0, 11.0)),
    "dance studio": ((7.0, 12.0), (3.0, 4.0), (8.0, 13.0)),
    "restaurant kitchen": ((4.0, 7.0), (2.6, 3.0), (5.0, 9.0)),
    "server room": ((4.0, 7.0), (2.6, 3.0), (5.0, 9.0)),
    "meeting": ((4.0, 6.5), (2.5, 2.9), (4.5, 7.0)),
    "storage": ((1.5, 3.0), (2.4, 2.8), (2.5, 4.5)),
    "chalet": ((3.5, 5.0), (2.3, 2.6), (4.0, 6.0)),
}
SMALL = {"storage": 0.35, "chalet": 0.7}
PRINT_KINDS = ("bakery", "pottery studio", "bike shop", "music shop")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_meeting_room(seed: int) -> bool:
    return seed % MEETING_EVERY in MEETING_SLOTS


def is_storage_unit(seed: int) -> bool:
    return seed % STORAGE_EVERY in STORAGE_SLOTS


def is_holiday_chalet(seed: int) -> bool:
    return seed % CHALET_EVERY in CHALET_SLOTS


def is_distractor(seed: int) -> bool:
    return is_meeting_room(seed) or is_storage_unit(seed) or is_holiday_chalet(seed)


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
    if is_meeting_room(seed):
        return "meeting room"
    if is_storage_unit(seed):
        return "storage unit"
    if is_holiday_chalet(seed):
        return "holiday chalet"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_meeting_room(seed):
        return np.random.default_rng(MEETING_SEED + seed // MEETING_EVERY)
    if is_storage_unit(seed):
        return np.random.default_rng(STORAGE_SEED + seed // STORAGE_EVERY)
    if is_holiday_chalet(seed):
        return np.random.default_rng(CHALET_SEED + seed // CHALET_EVERY)
    return None


# --- v16's own surfaces and things, every one drawn from the rng it is given --------------------


def _between(rng: Rng, lo: Colour, hi: Colour) -> Colour:
    """A colour on the line from ``lo`` to ``hi`` (one draw, so greys stay grey)."""
    t = float(rng.random())
    r, g, b = (int(a + (z - a) * t) for a, z in zip(lo, hi, strict=True))
    return (r, g, b)


def _lighter(colour: Colour, k: float) -> Colour:
    r, g, b = (min(255, int(c * k)) for c in colour)
    return (r, g, b)


def _loaves(rng: Rng, w: int, h: int) -> U8:
    """Bread on wooden shelves: 3-5 shelves of round and long loaves in crust browns,
    scored, a price card here and there."""
    img = _wood(rng, w, h, _shade(_wood_tone(rng), 0.7), max(4, h // 6))
    shelves = int(rng.integers(3, 6))
    sh = h // shelves
    for k in range(shelves):
        y1 = (k + 1) * sh - 3
        x = int(rng.integers(1, 6))
        while x < w - 8:
            lw = int(rng.integers(max(5, w // 14), max(6, w // 6)))
            lh = max(3, int(sh * rng.uniform(0.3, 0.6)))
            crust = _between(rng, (120, 70, 30), (215, 160, 90))
            cx, cy = x + lw // 2, y1 - lh // 2
            cv2.ellipse(img, (cx, cy), (lw // 2, lh // 2), 0, 0, 360, crust, -1)
            for s in range(int(rng.integers(0, 4))):
                sx = x + (s + 1) * lw // 5
                cv2.line(img, (sx - 1, cy - lh // 4), (sx + 1, cy + lh // 4), _lighter(crust, 1.3))
            x += lw + int(rng.integers(1, 4))
        cv2.rectangle(img, (0, y1), (w, y1 + 3), _shade(_wood_tone(rng), 0.6), -1)
        if rng.random() < 0.6:
            px = int(rng.integers(0, max(1, w - 12)))
            cv2.rectangle(img, (px, y1 - 1), (px + 10, y1 + 5), (245, 245, 240), -1)
    return img


def _display_case(rng: Rng, w: int, h: int) -> U8:
    """A bakery's glass counter from the front: a panelled base, a glass front over two or
    three trays of cakes and pastries (round, square and crescent), price cards."""
    base = _c(rng, 40, 240)
    img = _paint(rng, w, h, base)
    gy = int(h * rng.uniform(0.45, 0.55))
    inside = _between(rng, (200, 200, 195), (245, 245, 240))
    cv2.rectangle(img, (2, 2), (w - 3, gy), inside, -1)
    trays = int(rng.integers(2, 4))
    for t in range(trays):
        ty = 4 + (t + 1) * (gy - 6) // trays
        cv2.line(img, (3, ty), (w - 4, ty), (170, 170, 175), 1)
        x = 4
        while x < w - 8:
            size = int(rng.integers(3, max(4, (gy - 6) // trays - 1)))
            col = (
                _c(rng, 60, 256)
                if rng.random() < 0.5
                else _between(rng, (150, 90, 40), (240, 200, 140))
            )
            shape = rng.random()
            if shape < 0.4:
                cv2.circle(img, (x + size, ty - size), size, col, -1)
            elif shape < 0.7:
                cv2.rectangle(img, (x, ty - 2 * size), (x + 2 * size, ty - 1), col, -1)
            else:
                cv2.ellipse(img, (x + size, ty - 1), (size, size), 0, 180, 360, col, -1)
            if rng.random() < 0.3:
                cv2.rectangle(img, (x, ty - 3), (x + 5, ty), (250, 250, 250), -1)
            x += 2 * size + int(rng.integers(2, 5))
    cv2.rectangle(img, (0, 0), (w - 1, gy + 1), _shade(base, 0.6), 2)
    for k in range(1, int(rng.integers(2, 5))):
        cv2.line(img, (k * w // 4, gy + 3), (k * w // 4, h), _shade(base, 0.8), 1)
    return img


def _oven(rng: Rng) -> U8:
    """A deck oven: steel, two or three decks each with a dark glass door, a handle and a
    dial panel down the side."""
    img = _steel(rng, 64, 72, int(rng.integers(150, 215)))
    decks = int(rng.integers(2, 4))
    dh = 60 // decks
    for k in range(decks):
        y = 4 + k * dh
        cv2.rectangle(img, (4, y), (48, y + dh - 4), (40, 38, 36), -1)
        cv2.rectangle(
            img, (8, y + 3), (44, y + dh - 10), _between(rng, (60, 40, 25), (140, 90, 45)), -1
        )
        cv2.line(img, (8, y + dh - 7), (44, y + dh - 7), (200, 200, 205), 2)
        for j in range(2):
            cv2.circle(img, (56, y + 5 + 7 * j), 2, (30, 30, 30), -1)
        cv2.rectangle(img, (53, y + dh - 9), (60, y + dh - 6), (40, 160, 60), -1)
    return img


def _lake(rng: Rng, w: int, h: int) -> U8:
    """Through a boathouse's open doors: sky, a far shore of trees, water with ripples."""
    img = np.asarray(_sky(rng, w, h), np.float32).copy()
    horizon = int(h * rng.uniform(0.35, 0.55))
    trees = _between(rng, (30, 60, 30), (80, 120, 70))
    tops = horizon - (np.abs(_field(rng, w, 1, max(2, w // 6))[0]) * h * 0.2).astype(int) - 2
    for x in range(w):
        img[max(0, int(tops[x])) : horizon, x] = trees
    water = np.array(_between(rng, (40, 70, 80), (110, 140, 150)), np.float32)
    t = np.linspace(0, 1, h - horizon, dtype=np.float32)[:, None, None]
    img[horizon:] = water * (0.8 + 0.4 * t)
    for _ in range(int(rng.integers(8, 20))):
        y = int(rng.integers(horizon + 1, h))
        x = int(rng.integers(0, w))
        ln = int(rng.integers(3, max(4, w // 5)))
        cv2.line(
            img, (x, y), (x + ln, y), _lighter(_between(rng, (90, 120, 130), (170, 190, 200)), 1.0)
        )
    return _u8(img)


def _water(rng: Rng, w: int, h: int) -> U8:
    """Dark water in a channel: greens and blues, lighter ripple lines."""
    col = np.array(_between(rng, (20, 45, 45), (60, 90, 90)), np.float32)
    img = col[None, None, :] * (0.8 + 0.4 * _field(rng, w, h, max(4, w // 5))[:, :, None])
    out = _u8(img)
    for _ in range(int(w * h // 200) + 4):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.ellipse(
            out, (x, y), (int(rng.integers(2, 8)), 1), 0, 0, 360, _lighter(_c(rng, 60, 130), 1.2), 1
        )
    return out


def _hull(rng: Rng, w: int, h: int) -> U8:
    """A boat's hull from the side: a painted hull, a stripe, a wooden gunwale, a name."""
    img = _paint(rng, w, h, _c(rng, 30, 250))
    cv2.rectangle(img, (0, 0), (w, max(2, h // 6)), _wood_tone(rng), -1)
    y = int(h * rng.uniform(0.35, 0.6))
    cv2.rectangle(img, (0, y), (w, y + max(1, h // 10)), _c(rng, 20, 250), -1)
    if w > 40:
        _text(img, rng, _word(rng, (2, 3)).upper(), w // 6, h - 3, max(5, h // 3), (30, 30, 30))
    return img


def _spot(
    wall: _Wall, rng: Rng, w: int, h: int, top: tuple[float, float]
) -> tuple[int, int] | None:
    """Where on ``wall`` a w x h thing whose top is ``top`` m up can go (claimed, nothing
    pasted: the caller draws it there), or None after 12 tries."""
    tw = wall.img.shape[1]
    for _ in range(12):
        x = int(rng.integers(0, max(1, tw - w)))
        y = wall.y_of(float(rng.uniform(*top)))
        if x + w <= tw and y >= 0 and wall.claim(x, y, w, h, gap=3):
            return x, y
    return None


def _open_boat(rng: Rng) -> U8:
    """A rowing boat from above: a painted rim, a wooden inside with thwarts, oars
    shipped along one side."""
    img = _wood(rng, 32, 96, _wood_tone(rng), 6, along_x=False)
    rim = _c(rng, 30, 250)
    cv2.rectangle(img, (0, 0), (31, 95), rim, 3)
    for y in (24, 50, 76):
        cv2.rectangle(img, (3, y), (28, y + 5), _shade(_wood_tone(rng), 0.8), -1)
    cv2.line(img, (6, 10), (6, 86), _wood_tone(rng), 2)
    return img


def _oars(wall: _Wall, rng: Rng, n: int, high: float) -> None:
    """Oars and paddles hung on a wall in groups (shafts with blades), and 1-2 life rings."""
    wood = _wood_tone(rng)
    blade = _c(rng, 20, 250)
    for _ in range(n):
        ow = wall.px(float(rng.uniform(0.8, 1.4)))
        oh = wall.px(min(high - 0.4, float(rng.uniform(2.0, 2.6))))
        at = _spot(wall, rng, ow, oh, (high - 0.2, high))
        if not at:
            continue
        x, y = at
        for k in range(int(rng.integers(2, 5))):
            sx = x + (k + 1) * ow // 5
            cv2.line(wall.img, (sx, y), (sx, y + oh - oh // 4), wood, max(1, ow // 30))
            cv2.ellipse(
                wall.img, (sx, y + oh - oh // 8), (max(2, ow // 14), oh // 8), 0, 0, 360, blade, -1
            )
    for _ in range(int(rng.integers(1, 3))):
        rw = wall.px(0.6)
        at = _spot(wall, rng, rw, rw, (2.0, 2.4))
        if at:
            c = (at[0] + rw // 2, at[1] + rw // 2)
            cv2.circle(wall.img, c, rw // 2 - 1, (235, 235, 235), max(2, rw // 6))
            for a in range(0, 360, 90):
                cv2.ellipse(
                    wall.img,
                    c,
                    (rw // 2 - 1, rw // 2 - 1),
                    0,
                    a,
                    a + 40,
                    (215, 40, 35),
                    max(2, rw // 6),
                )


def _pots(rng: Rng, w: int, h: int) -> U8:
    """Shelves of pottery: bowls, vases, mugs and jars in glazes and bare clay."""
    img = _wood(rng, w, h, _wood_tone(rng), max(4, h // 5))
    shelves = int(rng.integers(3, 6))
    sh = h // shelves
    clay = _between(rng, (150, 100, 70), (220, 190, 160))
    for k in range(shelves):
        y1 = (k + 1) * sh - 2
        x = int(rng.integers(1, 5))
        while x < w - 6:
            pw = int(rng.integers(4, max(5, w // 8)))
            ph = int(sh * rng.uniform(0.35, 0.85))
            col = clay if rng.random() < 0.4 else _c(rng, 30, 240)
            kind = rng.random()
            if kind < 0.35:  # a bowl
                cv2.ellipse(
                    img, (x + pw // 2, y1 - 1), (pw // 2, max(2, ph // 2)), 0, 180, 360, col, -1
                )
            elif kind < 0.7:  # a vase
                pts = np.array(
                    [
                        [x + pw // 3, y1 - ph],
                        [x + 2 * pw // 3, y1 - ph],
                        [x + pw, y1 - ph // 2],
                        [x + 2 * pw // 3, y1],
                        [x + pw // 3, y1],
                        [x, y1 - ph // 2],
                    ],
                    np.int32,
                )
                cv2.fillPoly(img, [pts], col)
            else:  # a mug or jar
                cv2.rectangle(img, (x, y1 - ph * 2 // 3), (x + pw, y1), col, -1)
            x += pw + int(rng.integers(1, 4))
        cv2.rectangle(img, (0, y1), (w, y1 + 2), (70, 60, 50), -1)
    return img


def _wheel_top(rng: Rng) -> U8:
    """A potter's wheel from above: a splash pan round a wheel head, clay slip."""
    img = _paint(rng, 48, 48, _c(rng, 40, 200))
    pan = _between(rng, (150, 150, 155), (225, 225, 228))
    cv2.circle(img, (24, 24), 22, pan, -1)
    cv2.circle(img, (24, 24), 12, _between(rng, (100, 100, 105), (170, 170, 175)), -1)
    if rng.random() < 0.6:
        cv2.circle(img, (24, 24), 7, _between(rng, (140, 95, 65), (200, 160, 120)), -1)
    return img


def _glaze_chart(rng: Rng, w: int, h: int) -> U8:
    """A glaze test chart: tiles in rows of glaze colours, their names."""
    img = _paint(rng, w, h, (240, 238, 232))
    cols, rows = 4, int(rng.integers(3, 6))
    cw, ch = max(3, (w - 4) // cols), max(3, (h - 10) // rows)
    for r in range(rows):
        for c in range(cols):
            x0, y0 = 2 + c * cw, 8 + r * ch
            cv2.rectangle(img, (x0 + 1, y0 + 1), (x0 + cw - 2, y0 + ch - 4), _c(rng, 20, 250), -1)
    _text(img, rng, _word(rng, (2, 3)).upper(), 2, 7, 5, (30, 30, 30))
    return img


def _aprons(wall: _Wall, rng: Rng, top: float) -> None:
    """A row of 2-5 aprons on pegs, clay-stained."""
    n = int(rng.integers(2, 6))
    aw, ah = wall.px(0.35), wall.px(0.75)
    at = _spot(wall, rng, n * (aw + 4), ah, (top, top + 0.1))
    if not at:
        return
    for k in range(n):
        a = _paint(rng, aw, ah, _c(rng, 30, 240))
        stain = _field(rng, aw, ah, max(2, aw // 3)) > 0.65
        a[stain] = _between(rng, (150, 110, 80), (210, 180, 150))
        cv2.line(a, (aw // 4, 0), (aw // 2, ah // 6), (40, 40, 40), 1)
        cv2.line(a, (3 * aw // 4, 0), (aw // 2, ah // 6), (40, 40, 40), 1)
        _paste(wall.img, a, at[0] + k * (aw + 4), at[1])


def _slatwall(rng: Rng, w: int, h: int, colour: Colour, res: float) -> U8:
    """Slatwall: horizontal grooves every 15 cm with a metal insert."""
    img = _paint(rng, w, h, colour)
    step = max(4, round(0.15 * res))
    for y in range(int(rng.integers(0, step)), h, step):
        cv2.line(img, (0, y), (w, y), _shade(colour, 0.7), 1)
    return img


def _bike(img: U8, rng: Rng, x: int, y: int, w: int, h: int) -> None:
    """A bicycle from the side drawn at (x, y) in a w x h box: two wheels with spokes, a
    diamond frame, saddle and bars."""
    r = max(3, int(min(h * 0.36, w * 0.22)))
    c1 = (x + r + 1, y + h - r - 1)
    c2 = (x + w - r - 1, y + h - r - 1)
    tyre = _between(rng, (15, 15, 15), (60, 60, 60))
    for c in (c1, c2):
        cv2.circle(img, c, r, tyre, max(1, r // 6))
        for a in range(0, 180, 30):
            dx, dy = int(r * np.cos(np.radians(a))), int(r * np.sin(np.radians(a)))
            cv2.line(img, (c[0] - dx, c[1] - dy), (c[0] + dx, c[1] + dy), (170, 170, 175), 1)
    frame = _c(rng, 20, 250)
    t = max(1, r // 5)
    bb = (x + w // 2 - r // 5, c1[1])
    seat = (bb[0] - r // 3, c1[1] - int(1.6 * r))
    head = (c2[0] - r // 3, c1[1] - int(1.5 * r))
    for p, q in ((c1, bb), (bb, seat), (seat, c1), (seat, head), (bb, head), (head, c2)):
        cv2.line(img, p, q, frame, t)
    cv2.line(
        img, (seat[0] - r // 3, seat[1] - 2), (seat[0] + r // 4, seat[1] - 2), (25, 25, 25), t + 1
    )
    cv2.line(img, head, (head[0] + r // 4, head[1] - r // 3), (40, 40, 40), t)


def _tyres(img: U8, rng: Rng, x: int, y: int, w: int, n: int) -> None:
    """Tyres hung in a row on a rail."""
    r = max(3, w // (2 * n) - 1)
    cv2.line(img, (x, y), (x + w, y), (90, 90, 95), 2)
    for k in range(n):
        cv2.circle(img, (x + r + k * 2 * r + k, y + r), r, (25, 25, 25), max(1, r // 4))
        if rng.random() < 0.5:
            cv2.rectangle(
                img,
                (x + r + k * 2 * r + k - 2, y + r - 3),
                (x + r + k * 2 * r + k + 2, y + r + 3),
                _c(rng, 100, 256),
                -1,
            )


def _bike_box(rng: Rng, w: int, h: int) -> U8:
    """A boxed new bike: a brown carton printed with a bike's outline and a make."""
    card = _between(rng, (150, 110, 70), (205, 170, 120))
    img = _paint(rng, w, h, card)
    ink = _shade(_c(rng, 20, 200), 0.5)
    sub = np.empty((h * 2 // 3, w * 2 // 3, 3), np.uint8)
    sub[:] = card
    _bike(sub, rng, 1, 1, sub.shape[1] - 2, sub.shape[0] - 2)
    sub[(sub != np.array(card, np.uint8)).any(axis=2)] = ink
    _paste(img, sub, w // 6, h // 4)
    _text(img, rng, _word(rng, (2, 3)).upper(), 3, h // 5, max(5, h // 7), ink)
    return img


def _guitar(img: U8, rng: Rng, x: int, y: int, w: int, h: int) -> None:
    """A guitar hung by its head drawn at (x, y) in a w x h box: a body of two rounds, a
    sound hole or pickups, a neck, a head."""
    body = _wood_tone(rng) if rng.random() < 0.5 else _c(rng, 10, 250)
    cx = x + w // 2
    r1, r2 = max(2, w // 2 - 1), max(2, int(w * 0.38))
    cv2.circle(img, (cx, y + h - r1 - 1), r1, body, -1)
    cv2.circle(img, (cx, y + h - 2 * r1 - r2 // 2), r2, body, -1)
    if rng.random() < 0.5:
        cv2.circle(img, (cx, y + h - 2 * r1), max(1, r2 // 2), (20, 15, 10), -1)
    else:
        for k in range(2):
            yy = y + h - r1 - k * r1 // 2
            cv2.rectangle(img, (cx - r2 // 2, yy - 1), (cx + r2 // 2, yy + 1), (230, 230, 225), -1)
    neck_top = y + h // 8
    cv2.line(
        img,
        (cx, y + h - 2 * r1 - r2),
        (cx, neck_top),
        _shade(_wood_tone(rng), 0.6),
        max(1, w // 8),
    )
    cv2.rectangle(img, (cx - max(1, w // 8), y), (cx + max(1, w // 8), neck_top), (40, 30, 25), -1)


def _amp(rng: Rng) -> U8:
    """An amplifier's front: a black or tweed cabinet, a grille cloth, a control strip."""
    body = (30, 28, 26) if rng.random() < 0.6 else _between(rng, (160, 140, 100), (220, 200, 160))
    img = _paint(rng, 48, 40, body)
    cv2.rectangle(img, (3, 10), (44, 36), _between(rng, (40, 40, 40), (200, 190, 170)), -1)
    cv2.rectangle(img, (3, 2), (44, 8), (200, 200, 195), -1)
    for k in range(5):
        cv2.circle(img, (8 + 8 * k, 5), 1, (20, 20, 20), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 6, 30, 6, (230, 220, 200))
    return img


def _drum(rng: Rng) -> U8:
    """A drum kit from the front: a bass drum with its head, toms and a cymbal over it."""
    img = _paint(rng, 48, 48, _between(rng, (60, 60, 60), (120, 120, 120)))
    shell = _c(rng, 20, 240)
    cv2.circle(img, (24, 32), 15, shell, -1)
    cv2.circle(img, (24, 32), 12, (235, 232, 225), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 14, 35, 5, (20, 20, 20))
    for cx in (12, 36):
        cv2.ellipse(img, (cx, 12), (7, 5), 0, 0, 360, shell, -1)
    cv2.ellipse(img, (24, 5), (14, 2), 0, 0, 360, (200, 170, 60), -1)
    return img


def _piano_front(rng: Rng) -> U8:
    """An upright piano's front: a dark or wooden case, a keyboard band, a music desk."""
    case = (
        _shade(_wood_tone(rng), float(rng.uniform(0.3, 0.8)))
        if rng.random() < 0.6
        else (25, 25, 28)
    )
    img = _paint(rng, 64, 48, case)
    cv2.rectangle(img, (2, 22), (61, 27), (245, 245, 240), -1)
    for x in range(3, 61, 3):
        cv2.line(img, (x, 22), (x, 27), (120, 120, 120), 1)
        if x % 7 not in (0, 3):
            cv2.rectangle(img, (x - 1, 22), (x, 24), (15, 15, 15), -1)
    cv2.rectangle(img, (12, 8), (51, 14), _shade(case, 0.7), -1)
    return img


def _rack(rng: Rng) -> U8:
    """A server rack's front: a black frame, servers of 1-4 units with drive bays and LEDs,
    blanking panels, a switch with ports; now and then a perforated door over it."""
    img = _paint(rng, 48, 128, (18, 18, 20))
    y = 4
    while y < 122:
        u = int(rng.choice([1, 1, 2, 2, 3, 4]))
        uh = 3 * u
        if y + uh > 124:
            break
        kind = rng.random()
        if kind < 0.2:
            cv2.rectangle(img, (4, y), (43, y + uh - 1), (35, 35, 38), -1)  # a blank
        elif kind < 0.35:  # a switch: rows of ports
            cv2.rectangle(
                img, (4, y), (43, y + uh - 1), _between(rng, (50, 60, 70), (90, 100, 110)), -1
            )
            for px in range(6, 42, 3):
                cv2.rectangle(img, (px, y + 1), (px + 1, y + 2), (15, 15, 15), -1)
                if rng.random() < 0.5:
                    img[y, px] = (40, 220, 60)
        else:
            face = _between(rng, (40, 40, 44), (150, 150, 155))
            cv2.rectangle(img, (4, y), (43, y + uh - 1), face, -1)
            for bx in range(6, 34, 4):
                cv2.rectangle(img, (bx, y + 1), (bx + 2, y + uh - 2), _shade(face, 0.6), -1)
            for k in range(int(rng.integers(1, 4))):
                img[y + 1, 38 + 2 * k] = (
                    (40, 230, 70),
                    (60, 120, 255),
                    (255, 170, 30),
                )[int(rng.integers(0, 3))]
        y += uh + 1
    if rng.random() < 0.35:
        door = np.zeros_like(img)
        door[1::3, 1::3] = 1
        img = np.where(door > 0, (60, 60, 64), img).astype(np.uint8)
    return img


def _raised_floor(rng: Rng, w: int, h: int, res: float) -> U8:
    """A raised floor of 0.6 m tiles, grey with dark seams, some perforated; a yellow and
    black tape line."""
    tone = int(rng.integers(150, 215))
    img = _paint(rng, w, h, (tone, tone, tone + 3))
    step = max(4, round(0.6 * res))
    for y in range(0, h, step):
        for x in range(0, w, step):
            if rng.random() < 0.2:
                img[y + 2 : y + step - 2 : 3, x + 2 : x + step - 2 : 3] = (90, 90, 95)
    img[::step] = (70, 70, 75)
    img[:, ::step] = (70, 70, 75)
    tape = int(rng.integers(h // 4, 3 * h // 4))
    tw = max(2, round(0.05 * res))
    for x in range(0, w, 2 * tw):
        img[tape : tape + tw, x : x + tw] = (230, 200, 20)
        img[tape : tape + tw, x + tw : x + 2 * tw] = (25, 25, 25)
    return img


def _crac(rng: Rng) -> U8:
    """A cooling unit's front: cream panels, a grille at the top, a small screen."""
    body = _between(rng, (200, 200, 190), (240, 238, 228))
    img = _paint(rng, 48, 96, body)
    for y in range(4, 30, 3):
        cv2.line(img, (4, y), (43, y), _shade(body, 0.6), 1)
    cv2.line(img, (24, 32), (24, 94), _shade(body, 0.8), 1)
    cv2.rectangle(img, (30, 40), (42, 48), (20, 40, 60), -1)
    _text(img, rng, str(int(rng.integers(16, 25))), 32, 47, 6, (120, 220, 255))
    return img


def _hob(rng: Rng, w: int, h: int) -> U8:
    """A range's top: steel with 4-6 burners (black rings on grates)."""
    img = _steel(rng, w, h, int(rng.integers(140, 210)))
    n = int(rng.choice([4, 6]))
    cols = n // 2
    for k in range(n):
        cx = (k % cols + 0.5) * w / cols
        cy = (k // cols + 0.5) * h / 2
        r = int(min(w / cols, h / 2) * 0.35)
        cv2.rectangle(
            img,
            (int(cx) - r - 2, int(cy) - r - 2),
            (int(cx) + r + 2, int(cy) + r + 2),
            (30, 30, 30),
            1,
        )
        cv2.circle(img, (int(cx), int(cy)), r, (25, 25, 25), max(1, r // 3))
        cv2.circle(img, (int(cx), int(cy)), max(1, r // 3), (50, 50, 50), -1)
    return img


def _oven_front(rng: Rng, w: int, h: int) -> U8:
    """Steel oven doors under a range: knobs along the top, dark windows, bar handles."""
    img = _steel(rng, w, h, int(rng.integers(140, 210)))
    for k in range(6):
        cv2.circle(img, (int((k + 0.5) * w / 6), h // 10), max(1, h // 20), (25, 25, 25), -1)
    doors = int(rng.integers(1, 3))
    for k in range(doors):
        x0, x1 = k * w // doors + 3, (k + 1) * w // doors - 3
        cv2.rectangle(img, (x0, h // 4), (x1, h - 4), (60, 60, 64), 1)
        cv2.line(img, (x0 + 3, h // 4 + 4), (x1 - 3, h // 4 + 4), (210, 210, 215), 2)
        cv2.rectangle(img, (x0 + 6, h // 3 + 2), (x1 - 6, h * 2 // 3), (35, 30, 28), -1)
    return img


def _pans(wall: _Wall, rng: Rng, top: float) -> None:
    """A rail of hanging pans, ladles and whisks."""
    n = int(rng.integers(4, 9))
    pw, ph = wall.px(0.3), wall.px(0.5)
    at = _spot(wall, rng, n * pw, ph, (top, top + 0.1))
    if not at:
        return
    x0, y0 = at
    img = wall.img
    cv2.line(img, (x0, y0 + 2), (x0 + n * pw, y0 + 2), (160, 160, 165), max(2, pw // 12))
    for k in range(n):
        cx = x0 + k * pw + pw // 2
        if rng.random() < 0.6:
            r = int(pw * rng.uniform(0.25, 0.45))
            col = (
                _between(rng, (30, 30, 30), (90, 90, 95))
                if rng.random() < 0.6
                else _between(rng, (150, 80, 40), (210, 130, 80))
            )
            cv2.line(img, (cx, y0 + 2), (cx, y0 + ph - 2 * r), (120, 120, 125), max(1, pw // 15))
            cv2.circle(img, (cx, y0 + ph - r - 1), r, col, -1)
        else:
            cv2.line(img, (cx, y0 + 2), (cx, y0 + ph - ph // 5), (170, 170, 175), max(1, pw // 15))
            cv2.ellipse(
                img, (cx, y0 + ph - ph // 8), (pw // 6, ph // 8), 0, 0, 360, (160, 160, 165), -1
            )


def _ticket_rail(wall: _Wall, rng: Rng) -> None:
    """A ticket rail: a steel strip with order tickets hanging from it."""
    w, h = wall.px(float(rng.uniform(0.8, 1.4))), wall.px(0.2)
    at = _spot(wall, rng, w, h, (1.75, 1.85))
    if not at:
        return
    x0, y0 = at
    bar = max(2, h // 6)
    _paste(wall.img, _steel(rng, w, bar, int(rng.integers(150, 210))), x0, y0)
    x = 2
    while x < w - h // 2:
        tw = max(3, h // 2)
        _paste(wall.img, _label(rng, tw, h - bar), x0 + x, y0 + bar)
        x += tw + int(rng.integers(1, 6))


def _corrugated(rng: Rng, w: int, h: int, colour: Colour, res: float) -> U8:
    """Corrugated steel sheet: vertical ribs every 0.2 m with shading, posts every 1.2 m."""
    img = _paint(rng, w, h, colour).astype(np.float32)
    step = max(4, round(0.2 * res))
    xs = np.arange(w, dtype=np.float32)
    img *= (0.85 + 0.15 * np.cos(2 * np.pi * xs / step))[None, :, None]
    post = max(6, round(1.2 * res))
    for x in range(int(rng.integers(0, post)), w, post):
        img[:, x : x + max(2, round(0.06 * res))] = _shade(colour, 0.6)
    return _u8(img)


def _mesh(rng: Rng, w: int, h: int, res: float) -> U8:
    """A steel mesh ceiling: a grid of wires over the dark roof above, a lamp."""
    img = _paint(rng, w, h, _between(rng, (40, 40, 45), (90, 90, 95)))
    step = max(3, round(0.1 * res))
    img[::step] = (170, 170, 175)
    img[:, ::step] = (170, 170, 175)
    cv2.circle(img, (w // 2, h // 2), max(2, round(0.12 * res)), (250, 248, 235), -1)
    return img


def _roller_door(rng: Rng, w: int, h: int, res: float) -> U8:
    """A roller door from inside: horizontal slats, a pull strap, side guides."""
    colour = _c(rng, 60, 230)
    img = _paint(rng, w, h, colour)
    step = max(3, round(0.08 * res))
    for y in range(0, h, step):
        cv2.line(img, (0, y), (w, y), _shade(colour, 0.7), 1)
    gw = max(2, round(0.06 * res))
    img[:, :gw] = (120, 120, 125)
    img[:, w - gw :] = (120, 120, 125)
    return img


def _cladding(rng: Rng, w: int, h: int, res: float) -> U8:
    """Pine cladding: vertical boards 10 cm wide, knots."""
    tone = _between(rng, (180, 140, 90), (230, 195, 140))
    img = _wood(rng, w, h, tone, max(3, round(0.1 * res)), along_x=False)
    for _ in range(int(w * h // 4000) + 3):
        cv2.ellipse(
            img,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            (2, 3),
            0,
            0,
            360,
            _shade(tone, 0.55),
            -1,
        )
    return img


def _feature(rng: Rng, w: int, h: int) -> U8:
    """A meeting room's feature wall: stripes or a large graphic in the firm's colours."""
    a, b = _c(rng, 30, 240), _c(rng, 30, 240)
    img = _paint(rng, w, h, a)
    if rng.random() < 0.5:
        step = max(6, w // int(rng.integers(6, 14)))
        for x in range(0, w, 2 * step):
            cv2.rectangle(img, (x, 0), (x + step, h), b, -1)
    else:
        for _ in range(int(rng.integers(3, 7))):
            cv2.circle(
                img,
                (int(rng.integers(0, w)), int(rng.integers(0, h))),
                int(rng.integers(h // 8, h // 2)),
                _c(rng, 30, 240),
                -1,
            )
    return img


def _stored(rng: Rng) -> dict[str, U8]:
    """Something stored: a stack of cartons, a crate, a wrapped piece of furniture."""
    what = rng.random()
    if what < 0.5:
        boxes = [np.asarray(cv2.resize(_carton(rng), (32, 24)), np.uint8) for _ in range(3)]
        stack = np.concatenate(boxes, axis=0)
        return {"front": stack, "left": stack, "right": stack, "top": boxes[0]}
    if what < 0.7:
        crate = _paint(rng, 32, 24, _c(rng, 20, 240))
        cv2.rectangle(crate, (2, 2), (29, 6), _shade(_c(rng, 20, 240), 0.7), -1)
        return {"front": crate, "left": crate, "right": crate, "top": _label(rng, 32, 32)}
    wrap = _paint(rng, 32, 48, _between(rng, (170, 170, 170), (235, 235, 235)))
    for _ in range(6):
        cv2.line(
            wrap, (int(rng.integers(0, 32)), 0), (int(rng.integers(0, 32)), 47), (250, 250, 250), 1
        )
    return {"front": wrap, "left": wrap, "right": wrap, "top": wrap}


# --- building a place: one function a kind draws its shell, fixed things and furniture ---------


def _shop_front(b: _Build) -> None:
    """The front wall as a shop window and door behind the camera: the street, bars."""
    r = b.fix
    tw, th, res = b.texels("front")
    front = _outside(r, tw, th)
    bar = _c(r, 20, 200)
    cv2.rectangle(front, (0, 0), (tw - 1, th - 1), bar, max(3, round(0.08 * res)))
    x = int(r.integers(tw // 5, 4 * tw // 5))
    cv2.line(front, (x, 0), (x, th), bar, max(2, round(0.05 * res)))
    b.fill("front", front)


def _build_bakery(b: _Build) -> None:
    """A bakery: paint or tiles to a dado or brick behind the counter, a chequered or tiled
    floor, a glass counter of cakes across the room with a till on it, bread racks and a deck
    oven behind, a menu board, a café table with chairs by the window."""
    r = b.fix
    b.paint_walls(_between(r, (200, 180, 150), (250, 240, 225)))
    if r.random() < 0.6:
        _lower_tiles(b, float(r.uniform(1.0, 1.5)), _c(r, 160, 250), _c(r, 120, 230), 0.1)
    if r.random() < 0.4:
        tw, th, _res = b.texels("back")
        b.fill("back", _bricks(r, tw, th, _between(r, (120, 60, 40), (200, 140, 100))))
    _shop_front(b)
    b.floor(
        _checker
        if r.random() < 0.5
        else lambda g, w, h, res: _tiles(
            g,
            w,
            h,
            max(3, round(0.3 * res)),
            _between(g, (140, 70, 50), (200, 120, 90)),
            _c(g, 100, 200),
        )
    )
    b.ceiling(_plain_ceiling)
    fl = _Floor(b.w, b.d, 1.4)
    zc = b.d * float(r.uniform(0.45, 0.6))
    cw = b.w * float(r.uniform(0.5, 0.75))
    cx = float(r.uniform(-0.15, 0.15)) * b.w
    case = _display_case(r, 160, 64)
    top = _paint(r, 32, 32, _between(r, (200, 200, 200), (250, 250, 250)))
    b.boxes.append(
        Box(cx, zc, cw, 0.7, 1.1, 0.0, {"front": case, "top": top, "left": case, "right": case})
    )
    b.tops.append((cx, zc, cw * 0.8, 0.5, 1.1))
    fl.take(cx, zc, cw, 1.8)
    till = _paint(r, 16, 16, (30, 30, 32))
    cv2.rectangle(till, (2, 2), (13, 8), _between(r, (80, 140, 160), (160, 210, 230)), -1)
    b.boxes.append(Box(cx + cw / 2 - 0.3, zc, 0.35, 0.35, 0.3, 1.1, {"front": till, "top": till}))
    rack = _loaves(r, 96, 128)
    n = int(r.integers(1, 3))
    for k in range(n):
        rw = float(r.uniform(1.0, 1.6))
        x = -b.w / 2 + 0.3 + rw / 2 + k * (rw + 0.2)
        if x + rw / 2 < b.w / 2 - 0.2:
            b.boxes.append(
                Box(
                    x,
                    b.d - 0.25,
                    rw,
                    0.45,
                    1.9,
                    0.0,
                    {"front": rack, "top": _planks(r, 32, 16, 20)},
                )
            )
    fl.take(0.0, b.d - 0.3, b.w, 0.6)
    b.boxes.append(Box(b.w / 2 - 0.7, b.d - 0.45, 1.0, 0.85, 1.8, 0.0, {"front": _oven(r)}))
    fl.take(b.w / 2 - 0.7, b.d - 0.45, 1.0, 0.9)
    back = b.wall("back")
    back.put(
        _board(r, back.px(float(r.uniform(1.2, 1.8))), back.px(0.8), True), 2.6, min(b.h - 0.1, 2.9)
    )
    back.put(
        _sign(r, back.px(float(r.uniform(0.8, 1.4))), back.px(0.25)),
        min(b.h - 0.05, 2.95),
        min(b.h - 0.05, 3.0),
    )
    spot = fl.against(r, 0.7, 0.7, ("left", "right"))
    if spot:
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.74)
        chair = _piece(r, "chair")
        for _ in range(2):
            seat = fl.against(r, 0.42, 0.42, ("left", "right"))
            if seat:
                _add(b.boxes, b.tops, "chair", chair, seat, 0.86)
    for name in ("back", "left", "right"):
        _poster(b.wall(name), int(r.integers(0, 2)))
        extra = tuple(k for k, p in (("clock", 0.4), ("extinguisher", 0.3)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(back, r, _c(r, 40, 230))


def _build_boathouse(b: _Build) -> None:
    """A boathouse: vertical boards, a plank floor with a channel of water down the middle
    to open doors at the back showing the lake, a boat moored in it, kayaks on racks along
    the sides, oars and life rings on the walls, a workbench, rafters."""
    r = b.fix
    tone = _between(r, (90, 60, 40), (200, 170, 130)) if r.random() < 0.6 else _c(r, 60, 220)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _wood(r, tw, th, tone, max(3, round(0.15 * res)), along_x=False))
    cw = float(r.uniform(2.0, min(3.2, b.w - 2.4)))
    zf = float(r.uniform(2.2, 3.2))
    tw, th, res = b.texels("floor")
    floor = _planks(r, tw, th, res)
    x0, x1 = round((b.w - cw) / 2 * res), round((b.w + cw) / 2 * res)
    y1 = round((b.d - zf) * res)
    floor[:y1, x0:x1] = _water(r, x1 - x0, y1)
    floor[:y1, max(0, x0 - 3) : x0] = (60, 45, 30)
    floor[:y1, x1 : x1 + 3] = (60, 45, 30)
    b.fill("floor", floor)
    b.ceiling(_rafters)
    back = b.wall("back")
    dh = min(b.h - 0.4, float(r.uniform(2.6, 3.4)))
    dw = back.px(cw + 0.4)
    dx = (back.img.shape[1] - dw) // 2
    dy = back.y_of(dh)
    if back.claim(dx, dy, dw, back.img.shape[0] - dy - 1, gap=0):
        lake = _lake(r, dw, back.img.shape[0] - dy - 1)
        cv2.rectangle(
            lake, (0, 0), (dw - 1, lake.shape[0] - 1), _shade(tone, 0.6), max(2, dw // 40)
        )
        _paste(back.img, lake, dx, back.y_of(dh))
    bl = min(b.d - zf - 0.6, float(r.uniform(3.5, 5.0)))
    bw = min(cw - 0.6, float(r.uniform(0.9, 1.3)))
    hull = _hull(r, 128, 24)
    b.boxes.append(
        Box(
            float(r.uniform(-0.2, 0.2)),
            zf + 0.4 + bl / 2,
            bw,
            bl,
            0.35,
            0.0,
            {
                "front": _hull(r, 48, 24),
                "left": hull,
                "right": hull,
                "back": hull,
                "top": _open_boat(r),
            },
        )
    )
    for side in ("left", "right"):
        ww = (b.w - cw) / 2
        x = _side_x(b, side, min(0.6, ww - 0.3))
        for level in (0.9, 1.6) if r.random() < 0.7 else (1.2,):
            kl = min(b.d - 3.0, float(r.uniform(3.0, 4.5)))
            kz = float(r.uniform(2.5, max(2.6, b.d - kl / 2 - 0.5)))
            kay = _hull(r, 96, 12)
            b.boxes.append(
                Box(x, kz, 0.5, kl, 0.25, level, _faces({"front": kay, "top": kay}, _inward(side)))
            )
            b.boxes.append(
                Box(
                    x,
                    kz - kl / 3,
                    0.55,
                    0.06,
                    0.06,
                    level - 0.06,
                    {"front": _wood(r, 16, 8, _wood_tone(r), 4)},
                )
            )
            b.boxes.append(
                Box(
                    x,
                    kz + kl / 3,
                    0.55,
                    0.06,
                    0.06,
                    level - 0.06,
                    {"front": _wood(r, 16, 8, _wood_tone(r), 4)},
                )
            )
        _oars(b.wall(side), r, int(r.integers(1, 3)), min(b.h - 0.2, 3.0))
    side = str(r.choice(["left", "right"]))
    x = _side_x(b, side, 0.6)
    bench = _wood(r, 64, 32, _wood_tone(r), 8)
    b.boxes.append(
        Box(
            x,
            1.4,
            0.6,
            1.6,
            0.9,
            0.0,
            _faces({"front": bench, "top": _planks(r, 32, 64, 24)}, _inward(side)),
        )
    )
    b.tops.append((x, 1.4, 0.4, 1.3, 0.9))
    rope = _paint(r, 16, 16, _between(r, (150, 120, 70), (215, 190, 140)))
    cv2.circle(rope, (8, 8), 6, _shade(_between(r, (150, 120, 70), (215, 190, 140)), 0.7), 2)
    b.boxes.append(Box(-x * 0.9, 1.8, 0.5, 0.5, 0.15, 0.0, {"front": rope, "top": rope}))
    for name in ("left", "right", "front"):
        _small_things(b.wall(name), ("socket",) + (("extinguisher",) if r.random() < 0.5 else ()))
    if r.random() < 0.6:
        _noticeboard(b.wall(side))


def _build_pottery(b: _Build) -> None:
    """A pottery studio: whitewashed brick or blocks, concrete, windows on one side with the
    wheels before them, a wedging table in the middle, shelves of pots, a kiln, a sink,
    aprons on pegs, a glaze chart, a noticeboard."""
    r = b.fix
    white = _between(r, (220, 215, 205), (250, 248, 240))
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        if r.random() < 0.5:
            b.fill(name, _blocks(r, tw, th, white, True))
        else:
            b.fill(name, _bricks(r, tw, th, white))
    tone = int(r.integers(120, 200))
    b.floor(lambda g, w, h, res: _concrete(g, w, h, tone))
    b.ceiling(_roof if r.random() < 0.4 else _tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    _windows(
        b,
        side,
        r,
        int(r.integers(2, 4)),
        float(r.uniform(1.0, 1.2)),
        (1.0, 1.6),
        min(b.h - 1.4, 1.4),
        _c(r, 40, 230),
    )
    fl = _Floor(b.w, b.d, 1.4)
    wheel_body = _steel(r, 32, 24, int(r.integers(90, 200)))
    stool = _piece(r, "stool")
    z = float(r.uniform(2.0, 2.6))
    x = _side_x(b, side, 0.6) + (0.3 if side == "left" else -0.3)
    for _ in range(int(r.integers(2, 5))):
        if z > b.d - 1.2:
            break
        b.boxes.append(
            Box(
                x,
                z,
                0.6,
                0.6,
                0.45,
                0.0,
                {
                    "front": wheel_body,
                    "left": wheel_body,
                    "right": wheel_body,
                    "top": _wheel_top(r),
                },
            )
        )
        sx = x + (0.55 if side == "left" else -0.55)
        b.boxes.append(
            Box(sx, z, 0.35, 0.35, 0.5, 0.0, {"front": stool["front"], "top": stool["top"]})
        )
        fl.take(x, z, 1.6, 0.9)
        z += float(r.uniform(1.2, 1.5))
    spot = _Floor(b.w, b.d, 2.6).middle(r, float(r.uniform(1.6, 2.4)), 0.9)
    if spot and fl.fits(spot[0], spot[1], 2.4, 1.0):
        fl.take(spot[0], spot[1], 2.4, 1.0)
        table = _wood(r, 64, 32, _wood_tone(r), 16)
        _add(
            b.boxes,
            b.tops,
            "wedging",
            {"front": table, "top": _concrete(r, 48, 32, tone + 20)},
            spot,
            0.86,
        )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, float(r.uniform(1.0, 1.8)), 0.4, (other, "back"))
        if spot:
            _box(b, spot, float(r.uniform(1.7, 2.1)), {"front": _pots(r, 96, 128)}, top=False)
    spot = fl.against(r, 0.9, 0.9, ("back", other))
    if spot:
        kiln = _steel(r, 48, 48, int(r.integers(110, 200)))
        cv2.rectangle(kiln, (4, 4), (43, 12), (40, 40, 40), -1)
        for k in range(3):
            cv2.circle(kiln, (10 + 12 * k, 8), 2, (220, 220, 220), -1)
        _box(b, spot, 1.1, {"front": kiln, "left": kiln, "right": kiln})
    spot = fl.against(r, 1.0, 0.6, (other, "back"))
    if spot:
        sink = _paint(r, 32, 32, _between(r, (200, 200, 200), (245, 245, 245)))
        _box(b, spot, 0.9, {"front": _cabinet(r, 2, 1, _c(r, 60, 230)), "top": sink})
    ow = b.wall(other)
    _aprons(ow, r, 1.8)
    ow.put(_glaze_chart(r, ow.px(0.7), ow.px(0.9)), 2.1, 2.3)
    _noticeboard(b.wall("back"))
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",) + (("clock",) if r.random() < 0.4 else ()))
    _door(b.wall("front"), r, _c(r, 40, 230))


def _build_bikeshop(b: _Build) -> None:
    """A bike shop: slatwall with bikes and tyres hung on it, brick at the back, concrete or
    lino, a suspended ceiling, bikes on stands down the middle, a counter, a workstand,
    shelving of boxed parts, a sign."""
    r = b.fix
    colour = _c(r, 120, 250)
    for name in ("left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _slatwall(r, tw, th, colour, res))
    tw, th, res = b.texels("back")
    b.fill(
        "back",
        _bricks(r, tw, th, _between(r, (110, 60, 40), (200, 150, 110)))
        if r.random() < 0.6
        else _slatwall(r, tw, th, colour, res),
    )
    tone = int(r.integers(110, 200))
    b.floor(
        (lambda g, w, h, res: _concrete(g, w, h, tone))
        if r.random() < 0.5
        else (lambda g, w, h, res: _lino(g, w, h))
    )
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    for side in ("left", "right"):
        wall = b.wall(side)
        bw, bh = wall.px(1.7), wall.px(0.95)
        for _ in range(int(r.integers(2, 6))):
            at = _spot(wall, r, bw, bh, (1.9, min(b.h - 0.1, 2.8)))
            if at:
                _bike(wall.img, r, at[0], at[1], bw, bh)
        tw_ = wall.px(float(r.uniform(1.0, 2.0)))
        at = _spot(wall, r, tw_, wall.px(0.5), (1.3, 1.5))
        if at:
            _tyres(wall.img, r, at[0], at[1], tw_, int(r.integers(3, 7)))
    fl = _Floor(b.w, b.d, 1.5)
    side_tex = _bike_box(r, 96, 56)
    plain = _paint(r, 16, 16, _between(r, (150, 110, 70), (205, 170, 120)))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.middle(r, 1.5, 0.22, facing=str(r.choice(["front", "left", "right"])))
        if spot:
            _box(b, spot, 0.9, {"front": side_tex, "back": side_tex, "left": plain, "top": plain})
    spot = fl.against(r, float(r.uniform(1.5, 2.2)), 0.6, ("back",))
    if spot:
        counter = _cabinet(r, 3, 1, _c(r, 30, 230))
        _box(b, spot, 1.0, {"front": counter, "top": _paint(r, 32, 16, _c(r, 30, 200))})
    spot = fl.against(r, 0.4, 0.4)
    if spot:
        stand = _steel(r, 8, 32, int(r.integers(80, 180)))
        x, z, _w, _d, _f = spot
        b.boxes.append(Box(x, z, 0.06, 0.06, 1.4, 0.0, {"front": stand, "left": stand}))
        b.boxes.append(
            Box(
                x,
                z,
                0.12,
                0.9,
                0.08,
                1.3,
                {"front": stand, "left": stand, "right": stand, "top": stand},
            )
        )
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, float(r.uniform(0.9, 1.4)), 0.45, ("back",))
        if spot:
            _box(b, spot, float(r.uniform(1.6, 2.0)), {"front": _storage(r, 64, 112)}, top=False)
    back = b.wall("back")
    back.put(
        _sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)),
        min(b.h - 0.1, 2.7),
        min(b.h - 0.05, 2.9),
    )
    for name in ("back", "left", "right"):
        _poster(b.wall(name), int(r.integers(0, 2)))
        _small_things(b.wall(name), ("socket",) + (("clock",) if r.random() < 0.3 else ()))
    _door(back, r, _c(r, 40, 230))


def _build_music(b: _Build) -> None:
    """A music shop: paint or panelling, boards or carpet, guitars hung in rows on both
    side walls, upright pianos against the back, amplifiers stacked, a drum kit on a
    riser, a counter, posters, a sign."""
    r = b.fix
    b.paint_walls(_c(r, 40, 240))
    _skirting(b, _wood_tone(r), 0.12)
    b.floor(_planks if r.random() < 0.6 else _carpeted)
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    for side in ("left", "right"):
        wall = b.wall(side)
        gw, gh = wall.px(0.38), wall.px(1.05)
        for row_top in (2.9, 1.75) if b.h > 3.0 else (2.6,):
            along = 1.6
            while along + 0.4 < wall.length - 0.5:
                gx, gy = wall.x_of(along), wall.y_of(min(b.h - 0.05, row_top))
                if wall.claim(gx, gy, gw, gh, gap=0):
                    _guitar(wall.img, r, gx, gy, gw, gh)
                along += float(r.uniform(0.45, 0.6))
    fl = _Floor(b.w, b.d, 1.6)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.45, 0.6, ("back",))
        if spot:
            _box(
                b,
                spot,
                1.25,
                {"front": _piano_front(r), "top": _wood(r, 32, 16, _wood_tone(r), 16)},
            )
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.6, 0.35, ("back", "left", "right"))
        if spot:
            amp = _amp(r)
            _box(b, spot, 0.5, {"front": amp, "top": _paint(r, 16, 16, (30, 28, 26))})
            if r.random() < 0.5:  # another on top of it
                _box(b, spot, 0.45, {"front": _amp(r)}, y0=0.5, top=False)
    spot = fl.middle(r, 1.6, 1.4)
    if spot:
        x, z, _w, _d, _f = spot
        riser = _paint(r, 32, 16, (40, 40, 44))
        b.boxes.append(
            Box(x, z, 1.8, 1.6, 0.2, 0.0, {"front": riser, "top": _carpeted(r, 32, 32, 20)})
        )
        b.boxes.append(
            Box(
                x,
                z,
                0.6,
                0.5,
                0.6,
                0.2,
                {"front": _drum(r), "top": _paint(r, 16, 16, (235, 232, 225))},
            )
        )
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {
                "front": _cabinet(r, 3, 1, _c(r, 30, 230)),
                "top": _wood(r, 32, 16, _wood_tone(r), 16),
            },
        )
    back = b.wall("back")
    back.put(
        _sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)),
        min(b.h - 0.1, 2.7),
        min(b.h - 0.05, 2.9),
    )
    for name in ("back", "left", "right"):
        _poster(b.wall(name), int(r.integers(0, 3)))
        _small_things(b.wall(name), ("socket",) + (("exit",) if r.random() < 0.4 else ()))
    _door(back, r, _c(r, 30, 230))


def _build_dance(b: _Build) -> None:
    """A dance studio: a mirror wall at the back with a barre before it, a barre along one
    side under windows, a sprung wooden or dark vinyl floor, a plain ceiling or a roof,
    an upright piano, speakers up high, a bench, a stack of mats, a noticeboard, a clock."""
    r = b.fix
    b.paint_walls(_c(r, 150, 250))
    b.floor(
        _planks
        if r.random() < 0.6
        else (lambda g, w, h, res: _paint(g, w, h, _between(g, (30, 30, 35), (80, 80, 85))))
    )
    b.ceiling(_plain_ceiling if r.random() < 0.6 else _roof)
    back = b.wall("back")
    mw = min(b.w - 0.6, float(r.uniform(5.0, 10.0)))
    glass = back.put(
        _mirror(r, back.px(mw), back.px(1.9)), 2.1, 2.2, along=((b.w - mw) / 2,) * 2, tries=1
    )
    rail = (
        _wood(r, 32, 8, _wood_tone(r), 4)
        if r.random() < 0.6
        else _steel(r, 32, 8, int(r.integers(150, 220)))
    )
    b.boxes.append(
        Box(
            0.0,
            b.d - 0.25,
            mw - 0.2,
            0.05,
            0.05,
            float(r.uniform(0.95, 1.05)),
            {"front": rail, "top": rail},
        )
    )
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    _windows(
        b,
        side,
        r,
        int(r.integers(2, 5)),
        float(r.uniform(1.0, 1.3)),
        (1.2, 2.0),
        min(b.h - 1.3, 1.8),
        _c(r, 40, 240),
    )
    if r.random() < 0.6:
        x = _side_x(b, side, 0.05) + (0.2 if side == "left" else -0.2)
        b.boxes.append(
            Box(
                x,
                b.d / 2,
                0.05,
                b.d - 3.0,
                0.05,
                1.0,
                {"front": rail, "left": rail, "right": rail, "top": rail},
            )
        )
    fl = _Floor(b.w, b.d - 1.0, 1.8)
    spot = fl.against(r, 1.45, 0.6, (other,))
    if spot:
        _box(b, spot, 1.25, {"front": _piano_front(r), "top": _wood(r, 32, 16, _wood_tone(r), 16)})
    spk = _paint(r, 16, 24, (25, 25, 28))
    cv2.circle(spk, (8, 15), 5, (60, 60, 64), -1)
    for s in (-1, 1):
        b.boxes.append(
            Box(
                s * (b.w / 2 - 0.25),
                1.0,
                0.3,
                0.3,
                0.45,
                b.h - 0.8,
                {"front": spk, "left": spk, "right": spk},
            )
        )
    spot = fl.against(r, float(r.uniform(1.5, 2.5)), 0.4, (other,))
    if spot:
        _box(
            b,
            spot,
            0.45,
            {
                "front": _wood(r, 64, 16, _wood_tone(r), 8),
                "top": _wood(r, 64, 16, _wood_tone(r), 8),
            },
        )
    spot = fl.against(r, 1.0, 0.6, (other,))
    if spot:
        mats = _paint(r, 32, 32, _c(r, 30, 240))
        for y in range(0, 32, 4):
            cv2.line(mats, (0, y), (31, y), _shade(_c(r, 30, 240), 0.7), 1)
        _box(
            b,
            spot,
            float(r.uniform(0.3, 0.7)),
            {"front": mats, "top": _paint(r, 16, 16, _c(r, 30, 240))},
        )
    spot = fl.against(r, float(r.uniform(1.2, 2.0)), 0.4, (other,))
    if spot:
        _box(b, spot, float(r.uniform(0.9, 1.3)), {"front": _cabinet(r, 4, 3, _c(r, 40, 240))})
    _noticeboard(b.wall(other))
    for name in ("left", "right"):
        _poster(b.wall(name), int(r.integers(1, 4)))
    for name in ("left", "right", "front"):
        extra = tuple(k for k, p in (("clock", 0.5), ("exit", 0.5)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(b.wall("front"), r, _c(r, 40, 230))
    if glass:
        _reflect(b, back, glass, back.px(mw), back.px(1.9))


def _reflect(b: _Build, wall: _Wall, at: tuple[int, int], pw: int, ph: int) -> None:
    """The room as a mirror wall at ``at`` on the back wall shows it (seen from it, looking
    to the front, mirrored, a little grey): drawn once into the wall, as the mirror's
    picture."""
    planes = [Plane(s.tex, s.origin, s.u, s.v, s.size, wall=True) for s in b.surfaces.values()]
    for q in b.boxes:
        planes += box_planes(q.tex, q.x, q.z, q.w, q.d, q.h, q.y0)
    mw = pw / wall.px(1.0)
    along = at[0] / wall.px(1.0) + mw / 2
    eye = _vec(-b.w / 2 + along, 1.2, b.d - 0.1)
    hfov = min(110.0, float(np.degrees(2 * np.arctan(mw / b.d))))
    rw = min(pw, 480)
    rh = max(8, rw * ph // pw)
    seen = render(planes, Camera(eye, 180.0, 0.0, hfov), rw, rh)
    glass = cv2.resize(seen[:, ::-1], (pw, ph), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    x, y = at
    old = wall.img[y : y + ph, x : x + pw].astype(np.float32)
    wall.img[y : y + ph, x : x + pw] = _u8(0.8 * glass + 0.2 * old)


def _build_kitchen(b: _Build) -> None:
    """A restaurant kitchen: white or pale tiles up to 2 m, quarry tiles, a suspended
    ceiling, steel counters with cupboards along both sides, a range with its hood at the
    back, shelves of containers, pans on a rail, a ticket rail, a dishwasher, signs."""
    r = b.fix
    b.paint_walls(_c(r, 180, 250))
    _lower_tiles(
        b,
        float(r.uniform(1.8, 2.2)),
        _between(r, (215, 215, 210), (250, 250, 248)),
        _c(r, 120, 220),
        float(r.uniform(0.1, 0.2)),
    )
    b.floor(
        lambda g, w, h, res: _tiles(
            g,
            w,
            h,
            max(3, round(0.15 * res)),
            _between(g, (120, 50, 40), (190, 100, 80)),
            _c(g, 60, 140),
        )
    )
    b.ceiling(_tiled_ceiling)
    steel = _steel(r, 32, 16, int(r.integers(150, 215)))
    cup = _cabinet(r, 4, 1, _between(r, (150, 150, 155), (215, 215, 218)))
    fl = _Floor(b.w, b.d, 1.2)
    for side in ("left", "right"):
        z0 = float(r.uniform(1.3, 1.8))
        length = b.d - z0 - 0.2
        if length < 1.0:
            continue
        x = _side_x(b, side, 0.7)
        b.boxes.append(
            Box(
                x,
                z0 + length / 2,
                0.7,
                length,
                0.9,
                0.0,
                _faces({"front": cup, "top": steel}, _inward(side)),
            )
        )
        b.tops.append((x, z0 + length / 2, 0.5, length * 0.8, 0.9))
        fl.take(x, z0 + length / 2, 0.7, length)
        xs = _side_x(b, side, 0.35)
        b.boxes.append(
            Box(
                xs,
                z0 + length / 2,
                0.35,
                length * 0.7,
                0.04,
                1.6,
                _faces(
                    {"front": steel, "top": _bottles(r, 96, 32, (180, 180, 185))}, _inward(side)
                ),
            )
        )
        b.boxes.append(
            Box(
                xs,
                z0 + length / 2,
                0.3,
                length * 0.7,
                0.3,
                1.64,
                _faces({"front": _bottles(r, 96, 32, (180, 180, 185))}, _inward(side)),
            )
        )
    rw = min(b.w - 1.8, float(r.uniform(1.2, 2.0)))
    rx = float(r.uniform(-0.2, 0.2)) * (b.w - rw - 1.6)
    b.boxes.append(
        Box(
            rx,
            b.d - 0.45,
            rw,
            0.9,
            0.9,
            0.0,
            {
                "front": _oven_front(r, 64, 32),
                "top": _hob(r, 64, 32),
                "left": steel,
                "right": steel,
            },
        )
    )
    hood = _steel(r, 64, 24, int(r.integers(130, 200)))
    for x in range(4, 60, 6):
        cv2.line(hood, (x, 6), (x, 20), (90, 90, 95), 1)
    b.boxes.append(
        Box(
            rx,
            b.d - 0.5,
            rw + 0.2,
            1.0,
            0.55,
            min(b.h - 0.6, 1.95),
            {"front": hood, "left": hood, "right": hood},
        )
    )
    fl.take(rx, b.d - 0.45, rw, 1.0)
    spot = fl.against(r, 0.65, 0.65, ("back",))
    if spot:
        dw = _steel(r, 32, 32, int(r.integers(160, 220)))
        cv2.line(dw, (4, 6), (28, 6), (60, 60, 60), 2)
        _box(b, spot, 0.85, {"front": dw, "top": steel})
    spot = fl.middle(r, 1.6, 0.8)
    if spot and b.w > 4.8:
        _add(b.boxes, b.tops, "island", {"front": cup, "top": steel}, spot, 0.9)
    back = b.wall("back")
    _pans(b.wall(str(r.choice(["left", "right"]))), r, 2.15)
    _ticket_rail(b.wall(str(r.choice(["left", "right"]))), r)
    for _ in range(int(r.integers(1, 3))):
        back.put(_sign(r, back.px(0.4), back.px(0.3)), 1.9, 2.2)
    for name in ("back", "left", "right", "front"):
        extra = tuple(k for k, p in (("extinguisher", 0.6), ("exit", 0.4)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(b.wall("front"), r, _c(r, 120, 230))


def _build_server(b: _Build) -> None:
    """A server room: painted blocks or paint, a raised floor, a suspended ceiling, two
    rows of racks running in from the front, facing each other across an aisle, cable
    trays over them, a cooling unit at the aisle's end, a console cart, warning signs, an
    extinguisher."""
    r = b.fix
    colour = _c(r, 170, 250)
    if r.random() < 0.5:
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _blocks(r, tw, th, colour, True))
    else:
        b.paint_walls(colour)
    b.floor(_raised_floor)
    b.ceiling(_tiled_ceiling)
    racks = [_rack(r) for _ in range(int(r.integers(3, 6)))]
    top = _paint(r, 16, 16, (30, 30, 32))
    panel = _paint(r, 24, 64, _between(r, (20, 20, 22), (70, 70, 76)))
    _text(panel, r, _word(r, (1, 2)).upper(), 3, 12, 6, (220, 220, 225))
    aisle = float(r.uniform(1.0, 1.4))
    xc = float(r.uniform(-0.5, 0.5)) * max(0.0, b.w - aisle - 2.8)
    z0, z1 = float(r.uniform(2.0, 2.6)), b.d - float(r.uniform(0.9, 1.5))
    n = max(1, int((z1 - z0) / 0.6))
    tray = _paint(r, 32, 8, _between(r, (180, 150, 20), (240, 210, 60)))
    k = 0
    for side in ("left", "right"):
        x = xc + (-1 if side == "left" else 1) * (aisle / 2 + 0.5)
        for i in range(n):
            z = z0 + 0.3 + i * 0.6
            face = {
                "front": racks[k % len(racks)],
                "back": racks[(k + 2) % len(racks)],
                "left": panel,
                "right": panel,
                "top": top,
            }
            b.boxes.append(Box(x, z, 1.0, 0.6, 2.0, 0.0, _faces(face, _inward(side))))
            k += 1
        b.boxes.append(
            Box(
                x,
                z0 + n * 0.3,
                0.3,
                n * 0.6,
                0.08,
                min(b.h - 0.2, 2.4),
                {"front": tray, "top": tray},
            )
        )
    crac = {"front": _crac(r), "top": _paint(r, 16, 16, (200, 200, 195))}
    b.boxes.append(Box(xc, b.d - 0.45, min(aisle + 0.6, 1.8), 0.8, 1.95, 0.0, crac))
    spare = str(r.choice(["left", "right"]))
    sx = _side_x(b, spare, 0.7)
    if abs(sx - xc) > aisle / 2 + 1.6:
        b.boxes.append(
            Box(sx, 1.2, 0.7, 0.6, 1.2, 0.0, _faces({"front": _screen(r, 32, 24)}, _inward(spare)))
        )
    side = spare
    _b16(b).stand_x = xc
    for name in ("back", side, "front"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 3))):
            wall.put(_sign(r, wall.px(0.4), wall.px(0.3)), 1.8, 2.1)
        _small_things(wall, ("socket", "extinguisher") if name == "back" else ("exit",))
    _door(b.wall("front"), r, _c(r, 40, 230))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_meeting(b: _Build) -> None:
    """A meeting room of one conference centre: every fixed thing the template's (see the
    module's docstring); what the screen shows, what is written on the whiteboard and what
    the windows show the room's own."""
    r, o = b.fix, b.own
    b.paint_walls(_between(r, (200, 200, 195), (245, 245, 240)), 0.02)
    feature = str(r.choice(["left", "right"]))
    side = "right" if feature == "left" else "left"
    tw, th, _res = b.texels(feature)
    b.fill(feature, _feature(r, tw, th))
    b.floor(lambda g, w, h, res: _carpet_tiles(g, w, h))
    b.ceiling(_tiled_ceiling)
    wall = b.wall(side)
    along, ww = 0.6, float(r.uniform(1.2, 1.6))
    frame = _c(r, 40, 230)
    views: list[tuple[float, float]] = []
    while along + ww < wall.length - 0.5:
        views.append((along, ww))
        along += ww + 0.3
    blinds = [float(r.uniform(0.2, 0.6)) for _ in views]
    fl = _Floor(b.w, b.d, 1.3)
    tl = min(b.d - 2.6, float(r.uniform(2.4, 3.6)))
    tz = 1.4 + tl / 2 + 0.3
    table = (
        _wood(r, 64, 32, _wood_tone(r), 16)
        if r.random() < 0.6
        else _paint(r, 32, 32, _c(r, 180, 250))
    )
    _add(
        b.boxes,
        b.tops,
        "table",
        {"front": _paint(r, 32, 16, _shade(_wood_tone(r), 0.5)), "top": table},
        (0.0, tz, 1.2, tl, "front"),
        0.74,
    )
    fl.take(0.0, tz, 2.8, tl + 1.0)
    chair = _piece(r, "chair")
    for s in (-1, 1):
        for k in range(max(1, int(tl / 0.8))):
            cz = tz - tl / 2 + 0.4 + k * 0.8
            _add(
                b.boxes,
                b.tops,
                "chair",
                chair,
                (s * 0.85, cz, 0.45, 0.45, "left" if s > 0 else "right"),
                0.9,
            )
    phone = _paint(r, 16, 16, (30, 30, 32))
    cv2.circle(phone, (8, 8), 4, (70, 70, 74), -1)
    b.boxes.append(Box(0.0, tz, 0.3, 0.3, 0.05, 0.74, {"front": phone, "top": phone}))
    back = b.wall("back")
    sw, sh = back.px(float(r.uniform(1.3, 1.8))), back.px(0.85)
    sx = (back.img.shape[1] - sw) // 2
    screen_at = (sx, back.y_of(1.95)) if back.claim(sx, back.y_of(1.95), sw, sh, gap=0) else None
    bezel = max(2, sw // 40)
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.45, ("back",))
    if spot:
        _box(
            b,
            spot,
            0.75,
            {"front": _cabinet(r, 3, 1, _c(r, 40, 230)), "top": _paint(r, 32, 16, _c(r, 40, 200))},
        )
    fw = b.wall(feature)
    wbw, wbh = fw.px(float(r.uniform(1.2, 1.8))), fw.px(1.0)
    wb_at = None
    for _ in range(12):
        x = int(r.integers(0, max(1, fw.img.shape[1] - wbw)))
        if fw.claim(x, fw.y_of(2.05), wbw, wbh, gap=2):
            wb_at = (x, fw.y_of(2.05))
            break
    edge = _between(r, (150, 150, 155), (200, 200, 205))
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",) + (("clock",) if name == "back" else ()))
    _door(b.wall("front"), r, _c(r, 40, 230), along=0.4)
    # The room's own: what the windows show, the screen, the whiteboard's writing.
    for (al, wd), bl in zip(views, blinds, strict=True):
        if _window(wall, r, _outside(o, wall.px(wd), wall.px(1.3)), al, 0.9, wd, 1.3, frame):
            _paste(wall.img, _blind(r, wall.px(wd), wall.px(bl)), wall.x_of(al), wall.y_of(2.2))
    if screen_at:
        scr = _screen(o, sw, sh)
        cv2.rectangle(scr, (0, 0), (sw - 1, sh - 1), (20, 20, 22), bezel)
        _paste(back.img, scr, *screen_at)
    if wb_at:
        board = _whiteboard(o, wbw, wbh)
        cv2.rectangle(board, (0, 0), (wbw - 1, wbh - 1), edge, max(2, wbw // 50))
        _paste(fw.img, board, *wb_at)


def _build_storage(b: _Build) -> None:
    """A unit of one self-storage building: the template's corrugated walls, roller door,
    concrete, mesh ceiling and lamp; everything stored the tenant's own."""
    r, o = b.fix, b.own
    colour = _between(r, (150, 160, 170), (215, 220, 225)) if r.random() < 0.7 else _c(r, 80, 220)
    for name in ("back", "left", "right"):
        tw, th, res = b.texels(name)
        b.fill(name, _corrugated(r, tw, th, colour, res))
    tw, th, res = b.texels("front")
    b.fill("front", _roller_door(r, tw, th, res))
    tone = int(r.integers(120, 190))
    b.floor(lambda g, w, h, res: _concrete(g, w, h, tone))
    b.ceiling(_mesh)
    st = _b16(b)
    for _ in range(int(o.integers(4, 10))):
        w_, d_ = float(o.uniform(0.4, 1.0)), float(o.uniform(0.4, 0.9))
        h_ = float(o.uniform(0.4, 1.9))
        x = (
            float(o.uniform(-b.w / 2 + w_ / 2 + 0.05, b.w / 2 - w_ / 2 - 0.05))
            if b.w > w_ + 0.2
            else 0.0
        )
        z = float(o.uniform(max(1.0, d_ / 2 + 0.8), max(1.05, b.d - d_ / 2 - 0.05)))
        if any(
            abs(q.x - x) < (q.w + w_) / 2 and abs(q.z - z) < (q.d + d_) / 2 for q in st.own_boxes
        ):
            continue
        st.own_boxes.append(Box(x, z, w_, d_, h_, 0.0, _stored(o)))
        st.own_tops.append((x, z, w_ * 0.7, d_ * 0.7, h_))


def _build_chalet(b: _Build) -> None:
    """A chalet of one holiday park: the template's pine cladding, floor, windows and
    curtains, kitchenette and furniture; what the windows show and the guest's pictures
    their own."""
    r, o = b.fix, b.own
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _cladding(r, tw, th, res))
    b.floor(_planks if r.random() < 0.5 else _carpeted)
    b.ceiling(lambda g, w, h, res: _cladding(g, w, h, res))
    back = b.wall("back")
    n = int(r.integers(1, 3))
    ww, wh = float(r.uniform(0.9, 1.3)), float(r.uniform(1.0, 1.2))
    cloth = _fabric(r, 48, 96)
    frame = _between(r, (230, 230, 225), (250, 250, 248))
    spots = [(k + 1) * back.length / (n + 1) - ww / 2 for k in range(n)]
    kside = str(r.choice(["left", "right"]))
    sside = "right" if kside == "left" else "left"
    sw_along = float(r.uniform(1.0, 2.0))
    fl = _Floor(b.w, b.d, 1.2)
    z0 = float(r.uniform(1.3, 1.7))
    length = min(b.d - z0 - 0.3, float(r.uniform(2.0, 2.8)))
    kx = _side_x(b, kside, 0.6)
    b.boxes.append(
        Box(
            kx,
            z0 + length / 2,
            0.6,
            length,
            0.9,
            0.0,
            _faces(
                {"front": _cabinet(r, 4, 1, _c(r, 120, 250)), "top": _hob(r, 64, 32)},
                _inward(kside),
            ),
        )
    )
    b.tops.append((kx, z0 + length / 2, 0.4, length * 0.7, 0.9))
    kx2 = _side_x(b, kside, 0.35)
    b.boxes.append(
        Box(
            kx2,
            z0 + length / 2,
            0.35,
            length,
            0.6,
            1.5,
            _faces({"front": _cabinet(r, 4, 1, _c(r, 120, 250))}, _inward(kside)),
        )
    )
    fl.take(kx, z0 + length / 2, 0.7, length)
    _add(
        b.boxes,
        b.tops,
        "sofa",
        _piece(r, "sofa"),
        (_side_x(b, sside, 0.9), b.d * 0.6, 0.9, 1.8, _inward(sside)),
        0.85,
    )
    fl.take(_side_x(b, sside, 0.9), b.d * 0.6, 0.9, 1.8)
    spot = fl.middle(r, 0.9, 0.6)
    if spot:
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.45)
    spot = fl.against(r, 0.7, 0.7, ("back",))
    if spot:
        _add(b.boxes, b.tops, "chair", _piece(r, "chair"), spot, 0.9)
    spot = fl.against(r, 1.0, 0.45, ("back", kside))
    if spot:
        _box(b, spot, 0.55, {"front": _cabinet(r, 2, 1, _wood_tone(r))})
    lamp = _paint(r, 16, 16, _between(r, (220, 200, 150), (255, 245, 210)))
    sw = b.wall(sside)
    sw.put(lamp, 1.9, 2.0, along=(sw_along, sw_along + 0.1), tries=2)
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",))
    _door(b.wall("front"), r, (236, 236, 232), along=0.3)
    # The guest's own: what the windows show, their pictures.
    for along in spots:
        _window(back, r, _outside(o, back.px(ww), back.px(wh)), along, 0.9, ww, wh, frame)
        _curtains(back, r, along, 0.9, ww, wh, cloth)
    if o.random() < 0.8:
        _own_art(b.wall(sside), o, 0.3, 0.6, 1.9)
    if o.random() < 0.4:
        _own_art(b.wall("front"), o, 0.3, 0.6, 1.9)


@dataclass
class _Build16(_Build):
    """v13's building state and the tenant's own stored things (a storage unit's
    contents), kept apart from the template's."""

    own_boxes: list[Box] = field(default_factory=list)
    own_tops: list[Top] = field(default_factory=list)
    stand_x: float | None = None  # where across the camera must stand (a server room's aisle)


def _b16(b: _Build) -> _Build16:
    assert isinstance(b, _Build16)
    return b


BUILDERS = {
    "bakery": _build_bakery,
    "boathouse": _build_boathouse,
    "pottery studio": _build_pottery,
    "bike shop": _build_bikeshop,
    "music shop": _build_music,
    "dance studio": _build_dance,
    "restaurant kitchen": _build_kitchen,
    "server room": _build_server,
    "meeting": _build_meeting,
    "storage": _build_storage,
    "chalet": _build_chalet,
}


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
    belongings: list[Box]  # the occupant's own things (look-alikes)
    tops: list[Top]
    camera: Camera
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


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: parcels, crates, stacks of paper, a folded cloth, on tops
    and the floor."""
    out: list[Box] = []
    for _ in range(int(day.integers(1, 5))):
        s, h = float(day.uniform(0.12, 0.45)), float(day.uniform(0.05, 0.35))
        if place.tops and day.random() < 0.6:
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
            lo = min(1.0, place.depth * 0.4)
            z = float(day.uniform(lo, max(lo, place.depth - 0.3)))
            y0 = 0.0
        what = day.random()
        if what < 0.4:
            tex = _carton(day)
        elif what < 0.7:
            tex = _label(day, 64, 48)
        else:
            tex = _fabric(day, 64, 48)
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
    if base in ("boathouse", "dance studio"):
        z, pitch = float(rng.uniform(0.5, 1.3)), float(rng.uniform(-10, -2))
    elif base == "storage":
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.1, 0.3))
        yaw, pitch, hfov = (
            float(rng.uniform(-8, 8)),
            float(rng.uniform(-18, -8)),
            float(rng.uniform(72, 82)),
        )
    elif base == "chalet":
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.3, 0.5))
    elif base in ("bike shop", "music shop", "restaurant kitchen", "server room"):
        z, pitch = float(rng.uniform(0.4, 1.1)), float(rng.uniform(-12, -4))
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
    b = _Build16(kind, fix, own, w, h, d, surfaces)
    BUILDERS[base](b)
    b.tops.extend(b.own_tops)
    belongings = b.own_boxes + (_belongings(b) if template is not None else [])
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(base, own, w, h, d)
    if b.stand_x is not None:
        camera.pos[0] = b.stand_x + float(own.uniform(-0.2, 0.2))
    return Place(seed, kind, w, h, d, surfaces, b.boxes, belongings, b.tops, camera)


def surface_planes(place: Place) -> list[Plane]:
    """The shell's planes, as lit."""
    return [
        Plane(s.lit if s.lit is not None else s.tex, s.origin, s.u, s.v, s.size, wall=True)
        for s in place.surfaces.values()
    ]


def box_planes_of(place: Place, day: int, extra: list[Box] | None = None) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings, the day's bedding, cushions
    and clutter (and ``extra`` boxes)."""
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    soft = {"bedding": _fabric(rng, 96, 96), "cushion": _fabric(rng, 64, 32)}
    planes: list[Plane] = []
    for b in place.boxes + place.belongings + _clutter(place, rng) + (extra or []):
        tex = b.tex
        if b.soft:
            tex = dict.fromkeys(
                ("front", "back", "left", "right", "top"), soft.get(b.soft, soft["cushion"])
            )
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v16``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v16(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v16 (``bench/link.py --generator v16``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v16``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    bakery, pottery studio, bike shop or music shop."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 70_000_000
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
    x, y = (back.tex.shape[1] - pw) // 2, max(0, (back.tex.shape[0] - ph) // 4)
    for tex in (back.tex, back.lit):
        if tex is not None:
            _paste(tex, pic, x, y)
    place.cache.clear()
    return place


# --- cameras for the views -----------------------------------------------------------------------


def _inside(place: Place, pos: F64, margin: float = 0.25) -> F64:
    out = pos.copy()
    out[1] = np.clip(out[1], 0.2, place.height - 0.12)
    m = min(margin, place.width / 4)
    out[0] = np.clip(out[0], -place.width / 2 + m, place.width / 2 - m)
    far = place.depth - (0.5 if place.base in SMALL else max(0.8, place.depth / 3))
    out[2] = np.clip(out[2], 0.1, max(0.11, far))
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places), turned up to
    ``turn`` degrees and tilted up to 4; the first of 8 moves that leaves it clear of
    every thing by 0.15 m, or not moved."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    pos = c.pos
    for _ in range(8):
        cand = _inside(
            place,
            c.pos
            + _vec(
                rng.uniform(-reach, reach) * k,
                rng.uniform(-0.08, 0.08) * k,
                rng.uniform(-0.2 * reach, reach) * k,
            ),
        )
        if _free(place, cand, 0.15):
            pos = cand
            break
    return Camera(
        pos,
        c.yaw + float(rng.uniform(-turn, turn)),
        c.pitch + float(rng.uniform(-4, 4)),
        c.hfov,
    )


def _free(place: Place, pos: F64, clear: float = 0.25) -> bool:
    """Whether a camera at ``pos`` is clear of every fixed thing (by ``clear`` m)."""
    x, y, z = (float(v) for v in pos)
    for b in place.boxes + place.belongings:
        if (
            abs(x - b.x) < b.w / 2 + clear
            and abs(z - b.z) < b.d / 2 + clear
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


def corner_camera(place: Place, rng: Rng, side: float, back: bool) -> Camera:
    """A security camera up in a corner (front or back, left or right), moved along the
    wall and down until clear of fixed things, looking across the room and down."""
    w, h, d = place.width, place.height, place.depth
    z0 = d - 0.15 if back else 0.15
    step = -0.1 if back else 0.1
    pos = _vec(side * (w / 2 - 0.15), h - 0.15, z0)
    for k in range(12):
        cand = _vec(side * (w / 2 - 0.15) * (1 - k / 14), h - 0.15 - 0.05 * k, z0 + step * k)
        cand[1] = min(cand[1], h - 0.12)
        if _free(place, cand, 0.15):
            pos = cand
            break
    tz = d * float(rng.uniform(0.25, 0.5)) if back else d * float(rng.uniform(0.45, 0.7))
    target = _vec(-side * w * float(rng.uniform(0.0, 0.2)), 0.0, min(d - 0.3, max(1.5, tz)))
    yaw, pitch = _aim(pos, target)
    return Camera(pos, yaw, pitch + float(rng.uniform(-3, 5)), float(rng.uniform(80, 95)))


def pet_camera(place: Place, rng: Rng) -> Camera:
    """A pet camera low down: at the front wall's foot or by a side wall up to 1.5 m in,
    0.25-0.6 m high, aimed into the room and a little up, very wide."""
    w, d = place.width, place.depth
    y = float(rng.uniform(0.25, 0.6))
    pos = _inside(place, _vec(0.0, y, 0.15), 0.12)
    for _ in range(12):  # the first spot clear of things by 0.1 m
        if rng.random() < 0.5:
            cand = _vec(float(rng.uniform(-0.35, 0.35)) * w, y, 0.15)
        else:
            side = float(rng.choice([-1.0, 1.0]))
            cand = _vec(side * (w / 2 - 0.15), y, float(rng.uniform(0.3, min(1.5, d * 0.3))))
        cand = _inside(place, cand, 0.12)
        if _free(place, cand, 0.1):
            pos = cand
            break
    yaw, _ = _aim(pos, _vec(0.0, y, d * 0.6))
    return Camera(
        pos,
        yaw + float(rng.uniform(-25, 25)),
        float(rng.uniform(2, 10)),
        float(rng.uniform(110, 125)),
    )


# --- views ----------------------------------------------------------------------------------------


def _unsharp(img: U8, amount: float, sigma: float) -> U8:
    x = img.astype(np.float32)
    return _u8(x + amount * (x - cv2.GaussianBlur(x, (0, 0), sigma)))


def _stamp(rng: Rng) -> str:
    day = (int(rng.integers(2019, 2027)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    hms = (int(rng.integers(0, 24)), int(rng.integers(0, 60)), int(rng.integers(0, 60)))
    return "{}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*day, *hms)


def _outlined(img: U8, text: str, org: tuple[int, int], scale: float, colour: Colour) -> None:
    cv2.putText(img, text, org, cv2.FONT_HERSHEY_PLAIN, scale, (0, 0, 0), 3)
    cv2.putText(img, text, org, cv2.FONT_HERSHEY_PLAIN, scale, colour, 1)


def on_laptop(shot: U8, rng: Rng) -> U8:
    """The picture on a laptop's screen photographed at an angle: backlit colour, sub-pixel
    stripes squeezed onto the screen so that they beat (moiré), an interference pattern, a
    bezel, lid and keyboard, a desk and a blurred room, a glare."""
    h, w = shot.shape[:2]
    s = w / 400
    back = cv2.GaussianBlur(_outside(rng, w, h), (0, 0), 6 * s).astype(np.float32) * 0.6
    desk_y = int(h * rng.uniform(0.72, 0.85))
    back[desk_y:] = np.array(_wood_tone(rng), np.float32) * 0.8
    x = shot.astype(np.float32) / 255
    x = np.power(x, np.float32(rng.uniform(0.8, 0.95)))
    x = (x - 0.5) * np.float32(rng.uniform(0.85, 0.95)) + 0.5
    x = x * np.array([0.93, 0.98, 1.06], np.float32) * 255
    big = cv2.resize(x, (w * 3, h * 3), interpolation=cv2.INTER_NEAREST)
    stripe = np.full((1, w * 3, 3), 0.45, np.float32)
    for c in range(3):
        stripe[0, c::3, c] = 1.0
    big = big * stripe * (3 / 1.9)
    sw = float(rng.uniform(0.55, 0.8)) * w
    sh = sw * h / w
    cx, cy = w / 2 + float(rng.uniform(-0.08, 0.08)) * w, min(desk_y - sh / 2 - 0.04 * h, h / 2)
    short = float(rng.uniform(0.08, 0.2))
    near_left = rng.random() < 0.5
    l_k, r_k = (1.0, 1 - short) if near_left else (1 - short, 1.0)
    quad = np.array(
        [
            [cx - sw / 2, cy - sh / 2 * l_k],
            [cx + sw / 2, cy - sh / 2 * r_k],
            [cx + sw / 2, cy + sh / 2 * r_k],
            [cx - sw / 2, cy + sh / 2 * l_k],
        ],
        np.float32,
    )
    rot = cv2.getRotationMatrix2D((cx, cy), float(rng.uniform(-5, 5)), 1.0)
    quad = cv2.transform(quad[None], rot)[0].astype(np.float32)
    bz = float(rng.uniform(0.025, 0.04)) * w
    centre = quad.mean(axis=0)
    outer = (centre + (quad - centre) * (1 + 2 * bz / sw)).astype(np.float32)
    lid = np.array(_between(rng, (20, 20, 22), (190, 190, 195)), np.float32)
    out = back.copy()
    cv2.fillPoly(out, [outer.astype(np.int32)], (12.0, 12.0, 14.0))
    deck = np.array(
        [outer[3], outer[2], outer[2] + [0.06 * w, 0.14 * h], outer[3] + [-0.06 * w, 0.14 * h]],
        np.int32,
    )
    cv2.fillPoly(out, [deck], (lid * 0.9).tolist())
    for k in range(1, 4):
        a = outer[3] + (deck[3] - outer[3]) * k / 4
        bb = outer[2] + (deck[2] - outer[2]) * k / 4
        cv2.line(out, tuple(int(v) for v in a), tuple(int(v) for v in bb), (lid * 0.55).tolist(), 1)
    src = np.array([[0, 0], [w * 3, 0], [w * 3, h * 3], [0, h * 3]], np.float32)
    m = cv2.getPerspectiveTransform(src, quad)
    screen = cv2.warpPerspective(big, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(
        np.ones((h * 3, w * 3), np.float32), m, (w, h), flags=cv2.INTER_NEAREST
    )
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = np.radians(float(rng.uniform(10, 80)))
    period = float(rng.uniform(3, 7)) * s
    wave = np.cos(2 * np.pi * (xx * np.cos(ang) + yy * np.sin(ang)) / period)
    screen = screen + (np.float32(rng.uniform(5, 12)) * wave)[:, :, None]
    glare_d = (xx - yy * float(rng.uniform(0.5, 1.5)) - float(rng.uniform(0.1, 0.6)) * w) / (
        0.12 * w
    )
    screen = screen + (np.float32(rng.uniform(20, 45)) * np.exp(-(glare_d**2)))[:, :, None]
    out = out * (1 - mask[:, :, None]) + screen * mask[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def _fill_crop(img: U8, w: int, h: int) -> U8:
    """``img`` cropped to the shape of w x h about its middle and scaled to it."""
    ih, iw = img.shape[:2]
    if iw * h > ih * w:
        cw = ih * w // h
        img = img[:, (iw - cw) // 2 : (iw - cw) // 2 + cw]
    else:
        ch = iw * h // w
        img = img[(ih - ch) // 2 : (ih - ch) // 2 + ch]
    return np.asarray(
        cv2.resize(np.ascontiguousarray(img), (w, h), interpolation=cv2.INTER_AREA), np.uint8
    )


def photo_grid(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A grid of shots of the place (2x2, 3x2, or one big and two small), each tile from its
    own camera, gutters in white, black or a pastel."""
    g = max(2, int(float(rng.uniform(2, 6)) * w / 400))
    gutter = [(250, 250, 250), (10, 10, 10), _between(rng, (200, 190, 200), (250, 240, 250))][
        int(rng.integers(0, 3))
    ]
    out = np.empty((h, w, 3), np.uint8)
    out[:] = gutter
    layout = int(rng.integers(0, 3))
    tiles: list[tuple[int, int, int, int]] = []
    if layout == 0:
        for r in range(2):
            for j in range(2):
                tiles.append((j * w // 2, r * h // 2, w // 2, h // 2))
    elif layout == 1:
        for r in range(2):
            for j in range(3):
                tiles.append((j * w // 3, r * h // 2, w // 3, h // 2))
    else:
        bw = int(w * 0.62)
        tiles = [(0, 0, bw, h), (bw, 0, w - bw, h // 2), (bw, h // 2, w - bw, h - h // 2)]
    planes = place.planes(0)
    for x, y, tw, th in tiles:
        iw, ih = max(8, tw - 2 * g), max(6, th - 2 * g)
        c = moved(place, rng, 0.6, 25)
        hfov = float(rng.uniform(25, 40)) if rng.random() < 1 / 3 else c.hfov
        vfov = 2 * np.degrees(np.arctan(np.tan(np.radians(hfov) / 2) * h / w))
        hf = float(np.degrees(2 * np.arctan(np.tan(np.radians(vfov) / 2) * iw / ih)))
        hf = min(hf, 110.0)
        tile = render(planes, Camera(c.pos, c.yaw, c.pitch, hf), iw, ih)
        out[y + g : y + g + ih, x + g : x + g + iw] = _noise(tile, rng, 2.0)
    return out


def expired_film(img: U8, rng: Rng) -> U8:
    """An expired film: a colour cast, faded blacks, a light leak from one edge, a heavy
    vignette, clumpy grain, a little halation."""
    h, w = img.shape[:2]
    s = w / 400
    x = img.astype(np.float32)
    cast = (
        np.array([0.8, 1.1, 1.05], np.float32)
        if rng.random() < 0.5
        else np.array([1.12, 0.82, 1.05], np.float32)
    )
    x = x * (cast + rng.uniform(-0.03, 0.03, 3).astype(np.float32))
    x = np.float32(rng.uniform(15, 35)) + x * np.float32(rng.uniform(0.75, 0.9))
    bright = np.clip(x - 180, 0, None)
    x += cv2.GaussianBlur(bright, (0, 0), 3 * s) * np.array([0.8, 0.3, 0.2], np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    edge = int(rng.integers(0, 4))
    dist = (xx / w, 1 - xx / w, yy / h, 1 - yy / h)[edge]
    reach = np.float32(rng.uniform(0.25, 0.45))
    leak = np.clip(1 - dist / reach, 0, 1) ** 1.5 * np.float32(rng.uniform(60, 140))
    x += leak[:, :, None] * np.array([1.0, 0.45, 0.15], np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    corner = np.float32(rng.uniform(0.3, 0.55))
    x *= (1 - (1 - corner) * np.clip(r2 / 2, 0, 1) ** 1.1)[:, :, None]
    grain = rng.normal(0, float(rng.uniform(8, 14)), (h // 2 + 1, w // 2 + 1)).astype(np.float32)
    x += cv2.resize(grain, (w, h), interpolation=cv2.INTER_LINEAR)[:, :, None]
    return _u8(x)


def quad_split(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A DVR's quad split: four corner cameras (two at the front looking in, two at the back
    looking to the front), faded or grey, noisy, named, the date and time on top."""
    fw, fh = w // 2, h // 2
    out = np.zeros((h, w, 3), np.uint8)
    planes = place.planes(0)
    order = [(-1.0, False), (1.0, False), (-1.0, True), (1.0, True)]
    for k, (side, back) in enumerate(order):
        feed = render(planes, corner_camera(place, rng, side, back), fw, fh).astype(np.float32)
        grey = feed.mean(axis=2, keepdims=True)
        sat = 0.0 if rng.random() < 0.25 else float(rng.uniform(0.3, 0.7))
        feed = grey + (feed - grey) * np.float32(sat)
        feed = (
            (feed - 128) * np.float32(rng.uniform(0.8, 1.0))
            + 128
            + np.float32(rng.uniform(-10, 10))
        )
        tile = _noise(_u8(feed), rng, float(rng.uniform(3, 5)))
        _outlined(tile, f"CH{k + 1}", (4, fh - 6), 0.8 * w / 400, (240, 240, 240))
        y0, x0 = (k // 2) * fh, (k % 2) * fw
        out[y0 : y0 + fh, x0 : x0 + fw] = tile
    lw = max(1, w // 300)
    out[fh - lw : fh + lw] = 0
    out[:, fw - lw : fw + lw] = 0
    _outlined(out, _stamp(rng), (int(0.3 * w), int(0.06 * h)), 0.9 * w / 400, (250, 250, 250))
    return out


def pet_cam(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A pet camera's live view: low, very wide, barrel-distorted, soft, a little faded,
    the app's overlay."""
    s = w / 400
    img = render(place.planes(0), pet_camera(place, rng), w, h)
    img = barrel(img, float(rng.uniform(0.2, 0.35)))
    x = cv2.GaussianBlur(img.astype(np.float32), (0, 0), 0.8 * s)
    g = x.mean(axis=2, keepdims=True)
    x = g + (x - g) * np.float32(rng.uniform(0.75, 0.9))
    out = _noise(_u8(x), rng, 2.5)
    cv2.circle(out, (int(14 * s), int(14 * s)), max(2, int(5 * s)), (230, 40, 40), -1)
    _outlined(out, "LIVE", (int(24 * s), int(19 * s)), 1.0 * s, (250, 250, 250))
    _outlined(out, _stamp(rng)[11:], (int(0.42 * w), int(19 * s)), 1.0 * s, (250, 250, 250))
    bx = w - int(40 * s)
    cv2.rectangle(out, (bx, int(8 * s)), (bx + int(24 * s), int(18 * s)), (250, 250, 250), 1)
    level = float(rng.uniform(0.2, 1.0))
    cv2.rectangle(
        out,
        (bx + 2, int(8 * s) + 2),
        (bx + 2 + int((24 * s - 4) * level), int(18 * s) - 2),
        (250, 250, 250),
        -1,
    )
    bar = out[h - int(0.16 * h) :].astype(np.float32) * 0.55
    out[h - int(0.16 * h) :] = _u8(bar)
    for k in range(3):
        cx = int(w * (0.3 + 0.2 * k))
        cv2.circle(
            out, (cx, h - int(0.08 * h)), max(3, int(0.05 * h)), (235, 235, 235), max(1, int(2 * s))
        )
    return out


def night_vision(img: U8, rng: Rng) -> U8:
    """An infrared camera at night: grey from red and green, lit by its own lamp (bright in
    the middle, dark at the corners), green or grey, brights bloomed, noisy, labelled."""
    h, w = img.shape[:2]
    s = w / 400
    x = img.astype(np.float32)
    grey = 0.5 * x[:, :, 0] + 0.4 * x[:, :, 1] + 0.1 * x[:, :, 2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (w / 2)) ** 2
    centre, edge = np.float32(rng.uniform(1.1, 1.4)), np.float32(rng.uniform(0.3, 0.5))
    grey = grey * (centre - (centre - edge) * np.clip(r2 / 1.56, 0, 1))
    grey = 255 * np.power(np.clip(grey / 255, 0, 1), np.float32(rng.uniform(0.8, 1.0)))
    grey += cv2.GaussianBlur(np.clip(grey - 200, 0, None), (0, 0), 4 * s) * 0.8
    grey += rng.normal(0, float(rng.uniform(6, 10)), (h, w)).astype(np.float32)
    tint = np.array([0.55, 1.0, 0.55], np.float32) if rng.random() < 0.6 else np.ones(3, np.float32)
    out = _u8(grey[:, :, None] * tint)
    _outlined(out, "IR", (int(8 * s), int(18 * s)), 1.0 * s, (240, 240, 240))
    _outlined(
        out,
        f"{int(rng.integers(14, 27))}C",
        (w - int(44 * s), int(18 * s)),
        1.0 * s,
        (240, 240, 240),
    )
    return out


def upscaled(img: U8, rng: Rng) -> U8:
    """A thumbnail blown up: 56-96 px wide at JPEG 50-70, scaled back bicubically, smoothed
    and sharpened like an upscaler."""
    h, w = img.shape[:2]
    tw = int(rng.integers(56, 97))
    th = max(6, tw * h // w)
    small = np.asarray(cv2.resize(img, (tw, th), interpolation=cv2.INTER_AREA), np.uint8)
    small = _rejpeg(small, int(rng.integers(50, 71)))
    big = np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC), np.uint8)
    smooth = cv2.bilateralFilter(big, 9, float(rng.uniform(30, 50)), 7 * w / 400)
    return _unsharp(np.asarray(smooth, np.uint8), float(rng.uniform(0.6, 1.2)), 1.5 * w / 400)


def zoom_crop(img: U8, rng: Rng) -> U8:
    """A cropped detail: 35-50 % of the width, the busiest of six crops (the four corners,
    each moved in up to 8 %, the top middle and the middle), scaled up and sharpened a
    little."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.35, 0.5))
    cw, ch = max(8, int(w * k)), max(6, int(h * k))
    ox, oy = int(float(rng.uniform(0, 0.08)) * w), int(float(rng.uniform(0, 0.08)) * h)
    spots = [
        (ox, oy),
        (w - cw - ox, oy),
        (ox, h - ch - oy),
        (w - cw - ox, h - ch - oy),
        ((w - cw) // 2, oy),
        ((w - cw) // 2, (h - ch) // 2),
    ]
    grey = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2GRAY).astype(np.float32)
    edges = np.abs(cv2.Laplacian(cv2.GaussianBlur(grey, (0, 0), 1.5 * w / 400), cv2.CV_32F))
    x, y = max(spots, key=lambda p: float(edges[p[1] : p[1] + ch, p[0] : p[0] + cw].mean()))
    crop = np.ascontiguousarray(img[y : y + ch, x : x + cw])
    big = np.asarray(cv2.resize(crop, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)
    return _unsharp(big, 0.4, 1.2 * w / 400)


def _mirror_spot(place: Place, rng: Rng, mw: float, mh: float) -> tuple[float, float, float]:
    """Where on a side wall a mirror mw x mh m can hang unhidden: (side, z of its middle,
    height of its foot); the first of 16 tries clear of things against that wall, or the
    last tried."""
    side, zm, y0 = 1.0, place.depth / 2, 1.0
    for _ in range(16):
        side = float(rng.choice([-1.0, 1.0]))
        zm = float(rng.uniform(0.3, 0.7)) * place.depth
        y0 = min(float(rng.uniform(0.9, 1.2)), place.height - mh - 0.05)
        wall_x = side * place.width / 2
        if not any(
            abs(b.x - wall_x) - b.w / 2 < 0.6
            and abs(b.z - zm) < b.d / 2 + mw / 2
            and b.y0 < y0 + mh
            and b.y0 + b.h > y0
            for b in place.boxes
        ):
            break
    return side, zm, y0


def mirror_wall(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A mirror-selfie without anyone in it: a mirror hung on a side wall photographed from
    1.2-2.2 m; it shows the other side of the room, mirrored, in a frame; round it the wall
    it hangs on."""
    mw = min(float(rng.uniform(0.6, 0.9)), place.depth - 0.4)
    mh = min(float(rng.uniform(1.0, 1.3)), place.height - 0.7)
    side, zm, y0 = _mirror_spot(place, rng, mw, mh)
    wall_x = side * place.width / 2
    pos = place.camera.pos
    for _ in range(12):  # the first spot clear of things by 0.2 m, else the place's camera
        dist = min(float(rng.uniform(1.2, 2.2)), place.width - 0.4)
        cand = _inside(
            place,
            _vec(
                wall_x - side * dist,
                float(rng.uniform(1.3, 1.6)),
                zm + float(rng.uniform(-0.6, 0.6)),
            ),
            0.2,
        )
        if _free(place, cand, 0.2):
            pos = cand
            break
    centre = _vec(wall_x, y0 + mh / 2, zm)
    yaw, pitch = _aim(pos, centre)
    # What the mirror shows: seen from its middle along the reflected line of sight (the
    # x component turned back), as wide as the patch of the far wall it reflects.
    d_cam = abs(float(pos[0]) - wall_x)
    hfov = float(np.degrees(2 * np.arctan(mw * (d_cam + place.width) / (2 * d_cam * place.width))))
    rw = max(16, int(mw * 200 * w / 400))
    rh = max(16, int(rw * mh / mw))
    eye = _vec(wall_x - side * 0.08, y0 + mh / 2, zm)
    seen = render(place.planes(0), Camera(eye, -yaw, pitch, min(hfov, 100.0)), rw, rh)
    glass = _u8(seen[:, ::-1].astype(np.float32) * 0.92 + 12)
    fr = max(2, int(float(rng.uniform(0.03, 0.06)) / mw * rw))
    cv2.rectangle(glass, (0, 0), (rw - 1, rh - 1), _c(rng, 20, 230), fr)
    cv2.line(glass, (fr, fr), (fr, rh - fr), (245, 245, 245), 1)
    wall = "left" if side < 0 else "right"
    mirror = Box(
        wall_x - side * 0.03, zm, 0.02, mw, mh, y0, _faces({"front": glass}, _inward(wall))
    )
    planes = surface_planes(place) + box_planes_of(place, 0, [mirror])
    cam = Camera(
        pos,
        yaw + float(rng.uniform(-6, 6)),
        pitch + float(rng.uniform(-3, 3)),
        float(rng.uniform(50, 65)),
    )
    return _noise(render(planes, cam, w, h), rng, 2.0)


def power_cut(img: U8, rng: Rng) -> U8:
    """A power cut, lit by a torch: a spot of warm light, the rest nearly black, lifted by
    the phone, heavy noise."""
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = float(rng.uniform(0.25, 0.75)) * w, float(rng.uniform(0.25, 0.75)) * h
    sigma = float(rng.uniform(0.15, 0.3)) * w
    light = np.float32(rng.uniform(0.03, 0.08)) + np.exp(
        -((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sigma**2)
    )
    x = img.astype(np.float32) * light[:, :, None] * np.array([1.0, 0.9, 0.7], np.float32)
    x = 255 * np.power(np.clip(x / 255, 0, 1), np.float32(rng.uniform(0.7, 0.85)))
    x += rng.normal(0, float(rng.uniform(5, 9)), (h, w, 1)).astype(np.float32)
    chroma = rng.normal(0, float(rng.uniform(3, 5)), (h // 4 + 1, w // 4 + 1, 3)).astype(np.float32)
    x += cv2.resize(chroma, (w, h))
    return _u8(x)


def flatbed_scan(img: U8, rng: Rng) -> U8:
    """A print scanned on a flatbed: the print with a white border, yellowed, a little flat,
    turned up to 3 degrees near a corner of the glass, on the lid's white-grey, dust, a
    hair, soft."""
    h, w = img.shape[:2]
    s = w / 400
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    lid = 238 - 18 * (xx / w) * float(rng.uniform(0.3, 1.0)) - 10 * (yy / h)
    out = np.repeat(lid[:, :, None], 3, axis=2)
    pw = int(float(rng.uniform(0.72, 0.88)) * w)
    ph = pw * h // w
    bd = max(2, int(float(rng.uniform(0.03, 0.05)) * pw))
    pic = img.astype(np.float32)
    pic = (pic - 128) * np.float32(rng.uniform(0.85, 0.95)) + 128
    pic *= np.array([1.0, 0.98, float(rng.uniform(0.88, 0.95))], np.float32)
    pr = np.full((ph + 2 * bd, pw + 2 * bd, 3), 248, np.float32)
    pr[bd : bd + ph, bd : bd + pw] = cv2.resize(pic, (pw, ph), interpolation=cv2.INTER_AREA)
    m = cv2.getRotationMatrix2D((pr.shape[1] / 2, pr.shape[0] / 2), float(rng.uniform(-3, 3)), 1.0)
    ox = float(rng.uniform(0.01, 0.04)) * w
    oy = float(rng.uniform(0.01, 0.04)) * h
    m[0, 2] += ox if rng.random() < 0.5 else w - pr.shape[1] - ox
    m[1, 2] += oy if rng.random() < 0.5 else h - pr.shape[0] - oy
    warped = cv2.warpAffine(pr, m, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpAffine(np.ones(pr.shape[:2], np.float32), m, (w, h))[:, :, None]
    out = out * (1 - mask) + warped * mask
    res = _u8(cv2.GaussianBlur(out, (0, 0), 0.6 * s))
    for _ in range(int(rng.integers(5, 21))):
        cv2.circle(
            res,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            int(rng.integers(1, max(2, int(2 * s)) + 1)),
            (40, 40, 40),
            -1,
        )
    start = np.array([float(rng.uniform(0, w)), float(rng.uniform(0, h))])
    pts = np.cumsum(rng.normal(0, 3 * s, (12, 2)), axis=0) + start
    cv2.polylines(res, [pts.astype(np.int32)], False, (30, 28, 25), 1)
    return res


def crossfade(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A slideshow caught mid-dissolve: two shots of the place, each panned and zoomed a
    little, blended, a progress bar."""
    planes = place.planes(0)
    shots = []
    for _ in range(2):
        img = render(planes, moved(place, rng, 0.5, 15), w, h)
        z = float(rng.uniform(1.0, 1.15))
        cx, cy = float(rng.uniform(0.25, 0.75)) * w, float(rng.uniform(0.25, 0.75)) * h
        m = np.array([[z, 0, cx * (1 - z)], [0, z, cy * (1 - z)]], np.float32)
        shots.append(
            cv2.warpAffine(
                img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
            ).astype(np.float32)
        )
    a = np.float32(rng.uniform(0.35, 0.65))
    out = _noise(_u8(shots[0] * a + shots[1] * (1 - a)), rng, 2.0)
    bar = max(2, h // 60)
    cv2.rectangle(out, (0, h - bar), (w, h), (90, 90, 90), -1)
    cv2.rectangle(
        out, (0, h - bar), (int(w * float(rng.uniform(0.1, 0.9))), h), (240, 240, 240), -1
    )
    return out


def views_v16(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v16's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(cam: Camera, sigma: float = 2.0) -> U8:
        return _noise(render(planes, cam, w, h), rng, sigma)

    def nv_camera() -> Camera:
        c = moved(place, rng, 0.4, 20)
        return Camera(c.pos, c.yaw, c.pitch, float(rng.uniform(80, 95)))

    out: dict[str, bytes] = {}
    out["laptopmoire"] = _jpeg(on_laptop(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["photogrid"] = _jpeg(photo_grid(place, rng, w, h), 85)
    out["expiredfilm"] = _jpeg(expired_film(shot(moved(place, rng, 0.4, 12)), rng), 85)
    out["quadsplit"] = _jpeg(quad_split(place, rng, w, h), int(rng.integers(65, 81)))
    out["petcam"] = _jpeg(pet_cam(place, rng, w, h), int(rng.integers(70, 81)))
    out["nightvision"] = _jpeg(night_vision(shot(nv_camera(), 0.0), rng), 75)
    out["upscaled"] = _jpeg(upscaled(shot(moved(place, rng, 0.3, 12)), rng), 85)
    out["zoomcrop"] = _jpeg(zoom_crop(shot(moved(place, rng, 0.3, 8)), rng), 85)
    out["mirrorwall"] = _jpeg(mirror_wall(place, rng, w, h), 85)
    out["powercut"] = _jpeg(power_cut(shot(moved(place, rng, 0.4, 12), 0.0), rng), 80)
    out["flatbedscan"] = _jpeg(flatbed_scan(shot(moved(place, rng, 0.4, 12)), rng), 90)
    out["crossfade"] = _jpeg(crossfade(place, rng, w, h), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v16", room=room_v16, views=views_v16)


def main() -> None:
    dry_run("v16", make_pictures, place_kind)


if __name__ == "__main__":
    main()

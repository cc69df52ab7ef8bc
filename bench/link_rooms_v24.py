"""Generator v24 of ``bench/link.py``: benign places (railway signal boxes, lighthouse watch
rooms, mushroom farms, stonemasons' workshops, dye houses, archive strongrooms, watermills,
pumping stations) as a polarising filter, a WebP copy, a zoom lens's pincushion, a phone's
perspective correction, sunglasses, a wrong portrait mode, a zoom burst, a colour-splash
filter, reeded glass, a chalk drawing, a lithophane and a line-drawing toy show them, held
out.

Written blind, like v6-v23: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml``, ``bench/link_rooms_v23.py``
whole (for the interface, the truth format, the place model and the primitives imported
below) and ``tests/bench/test_link_rooms_v23.py`` whole (for the shape of the tests) and,
in ``bench/link.py``, only the generator plumbing: a grep for ``v23`` and the lines round
each hit (the imports at 55-90, ``GENERATORS`` and the start of ``make_collection`` with
its ``views_*`` dict at 620-720, and the start of ``main`` with the ``--generator``
argument at 1290-1325, which also shows the end of ``verify_options``). Of
``bench/link_rooms_v6.py``-``v22.py`` only the first paragraphs of their docstrings, their
``KINDS`` tuples, ``GROUPS`` dicts, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by
importing the modules, v6-v23; v22's and v23's ``is_distractor`` were called on seeds
0-99 to see their slots), the parts of v16's-v22's docstrings that list what they read
and the words they considered and dropped (their second paragraphs, found by a grep for
"considered", "dropped" and "Written blind") and the lines a grep found for words v24
considered were read, with a few lines round some hits (v12's lines 75-85 on its
``nightmode``). For kinds and groups: signal box, lever, lighthouse, lamp room, lantern,
mushroom, fung, mason, dye, vat, archive, strongroom, watermill, mill, pumping, pump, beam
engine, carrel, study, bird, hide, site cabin, cabin, welfare. For views: fring,
chromatic, aberration, pincushion, strap, sharpen, halo, sunglass, tinted, polaris, webp,
upright, perspective corr, keystone corr, vertical, bokeh, depth of field, portrait mode,
focus, zoom blur, zoom burst, radial, splash, selective colo(u)r, reeded, fluted, ribbed,
chalk, blackboard, lithoph, litho, 3-d print, etch, etch-a, sketch. None of v24's kinds,
groups or views is a kind, group or view of v6-v23 (the tests check the names against the
``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v23's modules). Most hits were other
senses: "lever" a typewriter's carriage lever in v21, "pump" a forecourt's pumps in v21,
"mill" v17's converted mill of artists' studios (a group named ``mill``; v24's kind is
``watermill``, a working mill's stone floor), "lantern" and "tinted" things and glass,
"hide" furniture hiding walls, "study" a study in v20's escape rooms, "cabin" sleeper,
lift, boat, sauna and airliner cabins, "strap" a watch's and a roller door's, "splash"
splashbacks, "ribbed" things, "chalk" chalkboards and a climbing centre's chalk, "etch"
lifts' etched panels, "upright" and "vertical" the words in drawing code, "pincushion"
v18's ``loupe`` (a magnifying glass's 12 % at its rim) and "perspective corrected" v20's
``docscan``. Ideas were dropped because an older generator had them or something close:
colour fringes (v13's ``toycam``), an over-sharpened "enhanced" copy (v8's ``phone`` and
v12's ``nightmode`` oversharpen with halos), a camera strap hanging into the frame (v7's
``occluded`` and v10's ``foreground``: a defocused near thing), over- and underexposure
(v10's ``webcam``, v19 dropped one; v9's ``lowlight``, v12's ``nightmode``), white
balance and duotone (v20 dropped white balance; v15's ``sepia``, v22's ``cyanotype``),
inverted colours (v17's ``negative``), a slide deck and a book page (v18's ``listing``,
v17's ``magazine``), an oil-paint filter (v11's ``grain``, which made v19 and v22 drop a
watercolour), paper cut-outs (v21's ``stencil`` and ``paintbynumbers``), a screen's
subpixels seen close (v16's ``laptopmoire``, v19's ``crt``), teletext blocks (v13's
``gif``, v19's ``crossstitch``), glass bricks (v20's ``bubblewrap``), a pinhole camera
(v13's ``toycam``, v23's ``lenshood``), a carton print (v21 dropped a cereal box), an
X-ray scanner's palette (v17's ``thermal``); as kinds, a letterpress or etching studio
(v17's print shop), a cooperage (barrels in wine and beer places), a carpet showroom
(v18's fabric shop and tile showroom), a dental lab (v18 considered dentists, v17's
consulting rooms), an organ builder (v16's music shop), a distillery (v23's brewhouse); as
groups, phone boxes and toll booths (v23's bus shelters, v21's kiosks), office
kitchenettes (v14's show flat kitchens), warehouse aisles (v17's hardware store; v22
dropped a hardware aisle), photo booths (about pictures of people). The nearest kept:
``pincushion`` is a whole lens's mild distortion, unlike v18's ``loupe`` (a glass over
part of a print); ``sunglasses`` tints through a lens, unlike v12's ``rainglass`` and v13's
``steam``; ``reededglass`` refracts each rib's strip flipped, unlike v20's ``bubblewrap``
(round cells) and v12's ``rainglass``; ``zoomburst`` streaks outwards from a point, unlike
v6's ``blur`` and v12's ``panblur`` (one way); ``fakebokeh`` blurs all but a blob, unlike
v13's ``tiltshift`` (a band); ``chalked`` is pale lines on a dark board, unlike v17's
``pencil`` (grey on white); ``etchsketch`` is outlines only, like ``pencil`` and v21's
``asciiart`` in what it keeps, but in a toy's frame; a carrel is a desk in a library,
unlike v13's office pods and library; a site cabin is a hired office on a building site,
nearest v15's prefab classrooms. No signature or source of an older primitive was read
but for v20's ``Place`` fields and ``room_v23``'s and ``views_v23``'s signatures
(``inspect.signature``): they are called as v23 calls them (and OpenCV was asked once
whether it writes WebP). The worktree's ``.venv`` is a link to a ready
virtualenv; nothing was installed. Sheets of the originals of 16 seeds and of seed 3's
twelve views at 320x240 were looked at once, and 8 originals again after the changes
(after which the mushroom farm's racks left
aisles of at least 1 m with the camera in one, and the strongroom's camera was stood
beside its runs), and ``room_v24`` and ``views_v24`` were timed. ``mypy`` was run on v24
and its tests (its output names lines of v10-v12 and v18, which v24 imports, none of v24's
or its tests'); ``ruff`` on ``bench/link.py``, which was never run, not even ``--help``.
Nothing of the linker's code, tests, docs or results was read, and neither the linker nor
``bench.link`` was ever run on these pictures: keep it for after the next linker change,
then use it once, for a held-out figure: ``python -m bench.link --name link-v24-heldout
--generator v24 --no-real --size 400x300 --rooms 315 --workers 2 --skip-costs``. v9's
projective renderer, v6's picture writer and dry run, v13's place model (surfaces, boxes,
walls, floor plans, furniture pieces, windows, wall things, lighting), v14's belongings
and small helpers, v15's doors and sky, v16's colour ramp and aiming, v17's building
state, clearance test, shell planes, grained paint and off-square warp, v18's colour
picker, v19's small helpers, v20's builder state with the kinds' model generator, its
place model (made v24's by a subclass with v24's kinds and day seeds), its loose things of
a day and small helpers, v21's chalkboards, poles and wall spots, v22's shelving, desk,
grid, float blit and percentile stretch, v23's steel bodies, glow, sacks, standing boxes
and brick walls, and small drawing primitives of v10-v12 are imported; v23's place
builder, cameras, moves and print place are copied with v24's kinds, seeds and shares;
the kinds of place, their builders, the kinds' mass-produced things, the look-alikes, the
cameras' settings and every view are v24's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v24 --rooms 12 --size 400x300
--out /tmp/v24``.

**What a place is.** As v23's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, diagrams, charts, templates, shelves of jars, notices, gauges,
sockets, clocks, doors) and furniture and fittings as 3-D boxes (lever frames, machines,
racks, benches, vats, shelving runs, tuns, pumps, pipes, desks, tables). Loose things
(v20's) change from day to day. Two pictures show the same place exactly when they come
from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_500_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([1_508_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *signal box*: the lever frame, the block instrument (two to four);
- *lighthouse watch room*: the rotation machine, the spare lamp changer;
- *mushroom farm*: the growing rack (two to four rows), the humidifier;
- *stonemason's workshop*: the banker (two or three), the bridge saw;
- *dye house*: the dye vat (two to four), the drying rack (one or two);
- *archive strongroom*: the mobile shelving run (three to six), the plan chest;
- *watermill*: the millstone tun, the hopper;
- *pumping station*: the pump and its motor (two or three of each).

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (none of them a kind named by v6-v23; sizes width x height x depth in m):

- *signal box* (5-8 x 2.8-3.3 x 3.5-4.5): painted timber, boards (70 %) or lino, a boarded
  ceiling; the lever frame (1.1 high) across the middle, a shelf over it with the block
  instruments, windows all along the back wall onto the line, the box's track diagram, a
  desk with the train register, a stove with its flue, a clock, a door.
- *lighthouse watch room* (3.5-5 x 2.6-3 x 3.5-5): painted iron plates with rivets (50 %)
  or plaster over a dark dado, a chequered (60 %) or lino floor, the ceiling with the
  hatch to the lantern; the rotation machine (1.1 high), a steel ladder to the hatch, a
  bench with the lamp changer, a desk with the log, sea charts, a barometer, two small
  windows, a clock, a door. The camera is 74-84 degrees wide.
- *mushroom farm* (5-8 x 2.8-3.4 x 8-14): insulated panels, concrete, a duct along the
  ceiling; two to four rows of growing racks (2.2 high) along the room, aisles at least 1
  m, the farm's beds (compost, white or brown caps) on their tiers, the humidifier high on
  a wall, crates, a notice, a door. The camera stands in an aisle looking down it.
- *stonemason's workshop* (6-9 x 3.5-4.5 x 6-10): blocks or brick (40 %), dusty concrete;
  the bridge saw (1.8 high) at the back, two or three bankers each with a block in work,
  slabs leaning on a wall, blocks on pallets, zinc templates, a rack of tools, a window, a
  door.
- *dye house* (5-8 x 3-4 x 6-9): tiles (50 %) or paint, concrete; two to four dye vats
  (1.0 high) with the day's dye, one or two drying racks (1.8 high) hung with skeins, a
  steel sink, shelves of dye jars, a chalkboard of recipes, a window, a door.
- *archive strongroom* (4-7 x 2.5-3 x 6-10): painted block, lino, a tiled ceiling, no
  window; three to six mobile shelving runs (2.2 high) from one side wall full of the
  archive's boxes, the plan chest, a reading table with boxes out, a hygrometer, a notice,
  a grey strong door. The camera stands beside the runs looking past their ends.
- *watermill* (5-8 x 3-4 x 5-8): stone (60 %) or whitewash, boards, a beamed ceiling; the
  millstone tun (1.4 m across) with the hopper over it, the sack hoist's chain, sacks of
  flour, a bin, a small window, a notice, a door.
- *pumping station* (8-12 x 5-7 x 8-12): brick over glazed tiles to 1.5 m, a tiled floor,
  the crane's yellow beam across; two or three pumps (1.2 high) each with its motor, pipes
  to the back wall, a control panel, a gauge board, tall windows along a side, a clock, a
  notice, a door.

and, as look-alikes only, a *study carrel* (1.8-2.2 x 2.6-3 x 1.6-2), a *bird hide*
(3-4.5 x 2.2-2.6 x 2-2.8) and a *site cabin* (2.4-2.8 x 2.4-2.6 x 5-6.5). No person or
animal is drawn anywhere, nor any figure of one (a hide looks out on water, reeds and
trees only).

**Views (none of their names used in v6-v23), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.25 in a carrel, x0.4 in a bird hide,
x0.5 in a site cabin, x0.7 in a signal box or a watch room; up to 0.08 m in height),
turned up to 12 degrees and tilted up to 4 (the first of 8 moves that leaves it 0.15 m
clear of every thing, else not moved), with sensor noise (sigma 2). The four easy views
start from a shot moved up to 0.3 m and turned up to 8 degrees, every other from a shot
moved up to 0.4 m and turned up to 12. Difficulty as meant, not measured:

- ``polariser`` (easy): through a polarising filter: saturation x1.15-1.3, the glare on
  bright pale surfaces cut 15-30 %, x0.85-0.93, a touch cooler. JPEG 88.
- ``webpcopy`` (easy): scaled to 70-85 %, saved as WebP at quality 15-35, shown back at
  full size. PNG (converted back losslessly).
- ``pincushion`` (easy): a zoom lens's long end: pincushion distortion (5-10 % at the
  corners), soft 0.4-0.7 px at 400. JPEG 88.
- ``uprighted`` (easy): a phone's perspective correction: the top stretched 4-9 % each
  side, turned up to 1.5 degrees, cropped to fill. JPEG 88.
- ``sunglasses`` (medium): through a sunglasses lens: brown, grey or green, x0.45-0.6 at
  the top to x0.85-0.95 at the bottom, x1.08 contrast, the lens's rim darkening the
  corners, a window's faint reflection (8-14 %). JPEG 85.
- ``fakebokeh`` (medium): a portrait mode that guessed the subject wrong: a wobbly
  ellipse (30-50 % of the width) kept sharp, the rest blurred by a disc (3-6 px at 400,
  highlights blooming), a soft halo at the cut. JPEG 85.
- ``zoomburst`` (medium): the zoom ring turned during the exposure: the picture averaged
  with itself scaled up to x1.04-1.10 about a point within 10 % of the middle. JPEG 85.
- ``colorsplash`` (medium): a colour-splash filter: grey but for one band of hue (a
  strongly coloured spot's, 12-20 of 180 each side), x1.1 saturation there. JPEG 85.
- ``reededglass`` (hard): through a reeded glass screen: ribs 7-12 px wide at 400
  (upright, horizontal in a quarter), each showing a strip 1.6-2.6 times as wide flipped
  into it, soft along the ribs, dark joins, a bright line down each rib, blacks lifted
  8-16. JPEG 85.
- ``chalked`` (hard): drawn in chalk on a blackboard: the outlines as broken chalk
  strokes, light areas hatched and smudged (up to 45 %), eraser smears, a wooden frame
  (3-5 % of the width); off square by up to 3 %. JPEG 85.
- ``lithophane`` (very hard): a 3-D printed lithophane lit from behind: grey as light
  through plastic, warm, soft (1.5-2.5 px at 400), layer lines every 2-3 px, in a frame
  62-74 % of the width glowing into a dim room; off square by up to 3 %. JPEG 85.
- ``etchsketch`` (very hard): traced on a line-drawing toy: the outlines at half size as
  thin dark lines, three to six long strokes between them, on a silver-grey screen in a
  red frame (10-14 % of the height) with two white knobs, on a desk; off square by up to
  3 %. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in a carrel, much in a hide, between in a cabin.

- *Carrels of one university library* (4 %: ``seed % 50`` in {14, 15}, kind ``study
  carrel``; template ``1_501_000_000 + seed // 50``; so seeds 14, 15, 64, 65, 114, ...):
  the size, the partitions' cloth (to 1.35 m) and the library's shelves seen over them,
  the desk, the shelf, the lamp, the floor and the ceiling. The carrel's own (little): its
  number plate, a note on the partition, one to three books on the shelf and the
  belongings on the desk (each wall differs from a sibling's in under 5 % of its
  texels). The camera sits at the desk (1.2-1.35 m up, 0.25-0.45 m in) facing the
  partition.
- *Hides of one nature reserve* (3 %: ``seed % 100`` in {25, 26, 27}, kind ``bird
  hide``; template ``1_502_000_000 + seed // 100``; seeds 25-27, 125-127, ...): the size,
  the boarded walls, floor and roof, the slot (0.4-0.5 m high across the back wall) with
  its flap and elbow ledge, the bench, the sightings board. The hide's own (much): what
  the slot looks out on (sky, the far bank's trees, water with their reflection, reeds),
  the board's chalked entries, one to three notices. The camera stands in the door
  (0.3-0.55 m in) looking at the slot.
- *Cabins of one plant-hire firm* (3 %: ``seed % 100`` in {41, 42, 43}, kind ``site
  cabin``; template ``1_503_000_000 + seed // 100``; seeds 41-43, 141-143, ...): the size,
  the panels, the four windows' frames, the strip light, the desk, the heater, the plan
  chest, the hooks, the firm's sticker. The cabin's own: what the windows look out on, one
  or two site drawings on the back wall and on the desk's wall, the year planner, the
  mugs on the desk. The camera stands at one end (0.3-0.6 m in) looking along.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (14, 15) or seed % 100 in (25,
26, 27, 41, 42, 43)``; two look-alikes are of one group exactly when they have the same
kind and the same ``seed // 50`` (carrels) or ``seed // 100`` (hides, cabins). The slots
are neither v22's nor v23's (the tests check), and every group has members in the first
60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``webpcopy``
(PNG) and ``polariser``, ``pincushion``, ``uprighted``, ``sunglasses``, ``fakebokeh``,
``zoomburst``, ``colorsplash``, ``reededglass``, ``chalked``, ``lithophane``,
``etchsketch`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (2 carrels in every 50 seeds, 3 hides and 3
cabins in every 100); the other seeds draw their kind with equal shares of 1/8 (the tests
check each within +-4 points on seeds 0-999). Counted on seeds 0-999 (``kind_counts``):
study carrels 40, bird hides 30, site cabins 30; of the other 900: dye house 139, signal
box 120, watermill 114, stonemason's workshop 113, pumping station 106, lighthouse watch
room 106, mushroom farm 106, archive strongroom 96. The first 60 seeds (a default
``--rooms 60`` run): signal box 10, pumping station 9, mushroom farm 8, dye house 7,
stonemason's workshop 6, lighthouse watch room 4, archive strongroom 4, watermill 4, bird
hides 3 (25-27), site cabins 3 (41-43), study carrels 2 (14, 15): every kind and group is
in it. The held-out run's 315 seeds: watermill 39, signal box 38, dye house 38, mushroom
farm 38, pumping station 36, stonemason's workshop 34, lighthouse watch room 34, archive
strongroom 27, study carrels 13, bird hides 9, site cabins 9.

**Speed**: ``room_v24`` and ``views_v24`` of seeds 0-44 at 400x300 took 0.43 s a place
on average (0.28-0.81 s; 13 pictures), one core, on the shared machine. Surfaces are drawn
at 120 texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_500_000_000 + seed``; library ``1_501_000_000 + seed // 50``;
reserve ``1_502_000_000 + seed // 100``; hire firm ``1_503_000_000 + seed // 100``; a
day's loose things ``1_504_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_505_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_506_000_000 + seed``; a kind's mass-produced things
``default_rng([1_508_000_000, k])``. None is a seed of v6-v23. Deterministic by seed (the
WebP copy as deterministic as the machine's libwebp). Lettering is random syllables
(digits for numbers). Pictures not made by ``room_v24`` (the real pictures of
``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide on the back
wall of a generated dye house, stonemason's workshop or pumping station (seeds from
``1_507_000_000``) and seen the same ways.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.link_rooms_v6 import dry_run, write_pictures
from bench.link_rooms_v9 import Camera, Plane, box_planes, render
from bench.link_rooms_v10 import (
    _c,
    _field,
    _jpeg,
    _label,
    _noise,
    _outside,
    _paste,
    _shade,
    _text,
    _tiles,
    _u8,
    _wood,
    _word,
)
from bench.link_rooms_v11 import _lino
from bench.link_rooms_v12 import _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    _add,
    _cabinet,
    _faces,
    _Floor,
    _frames,
    _light,
    _piece,
    _plain_ceiling,
    _planks,
    _small_things,
    _tiled_ceiling,
    _vec,
    _window,
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box, _inward
from bench.link_rooms_v15 import _door, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, _tilted, surface_planes
from bench.link_rooms_v18 import _pick
from bench.link_rooms_v19 import _all_faces, _scale
from bench.link_rooms_v20 import Place as _Place20
from bench.link_rooms_v20 import _Build20, _day_things, _frame, _mass_produced, _model, _other, _png
from bench.link_rooms_v21 import _chalkboard, _pole, _wall_box
from bench.link_rooms_v22 import _blit_f, _desk, _grid, _shelved, _stretched
from bench.link_rooms_v23 import _glow, _malt_sack, _standing, _steel_body, _walls_of

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_500_000_000
CARREL_SEED = 1_501_000_000
HIDE_SEED = 1_502_000_000
CABIN_SEED = 1_503_000_000
DAY_SEED = 1_504_000_000
VIEW_SEED = 1_505_000_000
SENSOR_SEED = 1_506_000_000
PRINT_SEED = 1_507_000_000
MODEL_SEED = 1_508_000_000
CARREL_EVERY, CARREL_SLOTS = 50, (14, 15)
HIDE_EVERY, HIDE_SLOTS = 100, (25, 26, 27)
CABIN_EVERY, CABIN_SLOTS = 100, (41, 42, 43)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("signal box", 1 / 8),
    ("lighthouse watch room", 1 / 8),
    ("mushroom farm", 1 / 8),
    ("stonemason's workshop", 1 / 8),
    ("dye house", 1 / 8),
    ("archive strongroom", 1 / 8),
    ("watermill", 1 / 8),
    ("pumping station", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "study carrel": "carrel",
    "bird hide": "birdhide",
    "site cabin": "sitecabin",
}
VIEW_KINDS = (
    "polariser",
    "webpcopy",
    "pincushion",
    "uprighted",
    "sunglasses",
    "fakebokeh",
    "zoomburst",
    "colorsplash",
    "reededglass",
    "chalked",
    "lithophane",
    "etchsketch",
)
PNG_VIEWS = ("webpcopy",)  # a WebP copy converted back losslessly; every other a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "signal box": ((5.0, 8.0), (2.8, 3.3), (3.5, 4.5)),
    "lighthouse watch room": ((3.5, 5.0), (2.6, 3.0), (3.5, 5.0)),
    "mushroom farm": ((5.0, 8.0), (2.8, 3.4), (8.0, 14.0)),
    "stonemason's workshop": ((6.0, 9.0), (3.5, 4.5), (6.0, 10.0)),
    "dye house": ((5.0, 8.0), (3.0, 4.0), (6.0, 9.0)),
    "archive strongroom": ((4.0, 7.0), (2.5, 3.0), (6.0, 10.0)),
    "watermill": ((5.0, 8.0), (3.0, 4.0), (5.0, 8.0)),
    "pumping station": ((8.0, 12.0), (5.0, 7.0), (8.0, 12.0)),
    "carrel": ((1.8, 2.2), (2.6, 3.0), (1.6, 2.0)),
    "birdhide": ((3.0, 4.5), (2.2, 2.6), (2.0, 2.8)),
    "sitecabin": ((2.4, 2.8), (2.4, 2.6), (5.0, 6.5)),
}
SMALL = {  # shares of a move in small places
    "carrel": 0.25,
    "birdhide": 0.4,
    "sitecabin": 0.5,
    "lighthouse watch room": 0.7,
    "signal box": 0.7,
}
PRINT_KINDS = ("dye house", "stonemason's workshop", "pumping station")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_study_carrel(seed: int) -> bool:
    return seed % CARREL_EVERY in CARREL_SLOTS


def is_bird_hide(seed: int) -> bool:
    return seed % HIDE_EVERY in HIDE_SLOTS


def is_site_cabin(seed: int) -> bool:
    return seed % CABIN_EVERY in CABIN_SLOTS


def is_distractor(seed: int) -> bool:
    return is_study_carrel(seed) or is_bird_hide(seed) or is_site_cabin(seed)


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
    if is_study_carrel(seed):
        return "study carrel"
    if is_bird_hide(seed):
        return "bird hide"
    if is_site_cabin(seed):
        return "site cabin"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_study_carrel(seed):
        return np.random.default_rng(CARREL_SEED + seed // CARREL_EVERY)
    if is_bird_hide(seed):
        return np.random.default_rng(HIDE_SEED + seed // HIDE_EVERY)
    if is_site_cabin(seed):
        return np.random.default_rng(CABIN_SEED + seed // CABIN_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _paint_of(b: _Build17, colour: Colour, amount: float = 3.0) -> None:
    """Every wall a grained paint near ``colour`` (drawn from the place's generator)."""
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(b.fix, tw, th, colour, amount))


def _panelled(b: _Build17, colour: Colour, step_m: float) -> None:
    """Every wall in panels of ``colour`` with darker joints every ``step_m`` metres."""
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _grained(b.fix, tw, th, colour, 2.0)
        step = max(4, round(step_m * res))
        for x in range(step, tw, step):
            cv2.line(img, (x, 0), (x, th - 1), _shade(colour, 0.8), 1)
        b.fill(name, img)


def _dial(img: U8, cx: int, cy: int, rad: int, face: Colour, hand: float) -> None:
    """A round gauge or clock face with a hand at ``hand`` turns."""
    cv2.circle(img, (cx, cy), rad, face, -1)
    cv2.circle(img, (cx, cy), rad, (40, 40, 40), 1)
    a = 2 * np.pi * hand
    cv2.line(
        img,
        (cx, cy),
        (int(cx + 0.8 * rad * np.sin(a)), int(cy - 0.8 * rad * np.cos(a))),
        (20, 20, 20),
        1,
    )


def _concrete(colour: Colour) -> Callable[[Rng, int, int, float], U8]:
    return lambda g, w, h, res: _grained(g, w, h, _between(g, _shade(colour, 0.85), colour), 6.0)


def _boards(tone: Colour) -> Callable[[Rng, int, int, float], U8]:
    return lambda g, w, h, res: _wood(g, w, h, tone, max(3, round(0.15 * res)))


# --- v24's own surfaces and things, every one drawn from the rng it is given --------------------

# signal box


def _lever_frame(m: Rng) -> dict[str, U8]:
    """The kind's lever frame: a row of tall levers in the railway's colours (red, yellow,
    black, blue, white spares) with brass number plates over a cast-iron frame."""
    front = _grained(m, 96, 48, (40, 40, 44), 2.0)
    colours = [(200, 30, 30), (230, 190, 30), (25, 25, 25), (40, 70, 160), (235, 235, 230)]
    for k, x in enumerate(range(2, 94, 5)):
        col = colours[int(m.integers(0, len(colours)))] if k % 7 else colours[0]
        cv2.rectangle(front, (x, 2), (x + 1, 40), col, -1)
        cv2.rectangle(front, (x, 8), (x + 2, 10), (200, 170, 80), -1)
    front[42:] = (70, 70, 74)
    top = _grained(m, 96, 16, (60, 60, 64), 2.0)
    for x in range(2, 94, 5):
        cv2.line(top, (x, 0), (x, 15), (20, 20, 22), 1)
    return {"front": front, "side": _grained(m, 16, 48, (40, 40, 44), 2.0), "top": top}


def _block_instrument(m: Rng) -> dict[str, U8]:
    """The kind's block instrument: a mahogany case with a dial, a needle and a plunger."""
    front = _wood(m, 24, 32, (110, 55, 30), 3)
    _dial(front, 12, 11, 7, (240, 236, 220), float(m.uniform(0, 1)))
    cv2.circle(front, (12, 25), 3, (30, 30, 30), -1)
    cv2.rectangle(front, (6, 29), (17, 31), (200, 170, 80), -1)
    side = _wood(m, 16, 32, (110, 55, 30), 3)
    return {"front": front, "side": side, "top": side}


def _diagram(rng: Rng, w: int, h: int) -> U8:
    """The box's track diagram: white board, black running lines, red and yellow signal
    marks, numbers: the box's own layout."""
    img = _grained(rng, w, h, (238, 236, 228), 1.0)
    ys = sorted(int(rng.integers(h // 5, h - h // 5)) for _ in range(int(rng.integers(2, 5))))
    for y in ys:
        cv2.line(img, (2, y), (w - 3, y), (20, 20, 20), max(1, h // 30))
    for _ in range(int(rng.integers(2, 6))):
        a, b = rng.choice(len(ys), 2)
        x = int(rng.integers(w // 8, w - w // 4))
        cv2.line(img, (x, ys[a]), (x + w // 8, ys[b]), (20, 20, 20), max(1, h // 30))
    for _ in range(int(rng.integers(6, 14))):
        x, y = int(rng.integers(2, w - 4)), ys[int(rng.integers(0, len(ys)))]
        cv2.circle(
            img, (x, y - h // 12), max(1, h // 24), _pick(rng, [(210, 30, 30), (230, 190, 30)]), -1
        )
    return img


def _build_signal_box(b: _Build17) -> None:
    """A railway signal box's operating floor: painted timber, boards, a boarded ceiling;
    the kind's lever frame along the middle, the kind's block instruments on the shelf
    over it, windows all along the back wall onto the line, the box's track diagram, a
    desk with the train register, a stove, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    frame, instrument = _lever_frame(m), _block_instrument(m)
    _paint_of(b, _pick(r, [(225, 215, 180), (200, 215, 190), (230, 228, 220), _c(r, 120, 240)]))
    b.floor(_planks if r.random() < 0.7 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_boards(_between(r, (170, 140, 100), (220, 200, 160))))
    length = b.w - float(r.uniform(1.2, 2.0))
    zf = b.d * float(r.uniform(0.55, 0.65))
    _model(b, Box(0.0, zf, length, 0.5, 1.1, 0.0, _faces(frame, "front")))
    shelf = _wood(r, 48, 8, _wood_tone(r), 4)
    b.boxes.append(Box(0.0, zf + 0.35, length, 0.25, 0.04, 1.25, _all_faces(shelf)))
    n = int(r.integers(2, 5))
    for k in range(n):
        x = -length / 2 + (k + 0.5) * length / n
        _model(b, Box(x, zf + 0.35, 0.24, 0.2, 0.34, 1.29, _faces(instrument, "front")))
    back = b.wall("back")
    at = float(r.uniform(0.2, 0.5))
    frame_c = _pick(r, [(240, 240, 236), (120, 30, 30), (40, 70, 50)])
    while at + 1.2 < back.length - 0.2:
        _window(back, r, _outside(r, 64, 32), at, 1.0, 1.2, 1.4, frame_c)
        at += float(r.uniform(1.3, 1.5))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_diagram(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.5)), 2.4, 2.6)
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, zf, length, 1.2)
    spot = fl.against(r, 1.0, 0.55, (_other(side),)) or fl.middle(r, 1.0, 0.55)
    if spot:
        x, z, _w, _d, _f = spot
        _box(
            b,
            spot,
            0.8,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 32, 16, _wood_tone(r), 4)},
        )
        book = _grained(r, 16, 12, (240, 236, 220), 1.0)
        for y in range(2, 12, 2):
            book[y, 1:15] = (120, 120, 140)
        b.boxes.append(Box(x, z, 0.45, 0.32, 0.03, 0.8, _all_faces(book)))
    spot = fl.against(r, 0.5, 0.5, (side, _other(side)))
    if spot:
        x, z, _w, _d, _f = spot
        stove = _grained(r, 16, 24, (30, 30, 32), 2.0)
        stove = _glow(stove, 8, 14, 3, (200, 90, 20))
        _standing(
            b, spot, 0.7, {"front": stove, "side": _grained(r, 16, 24, (30, 30, 32), 2.0)}, False
        )
        b.boxes.append(_pole(r, x, z, b.h - 0.7, 0.7, 0.06))
    _small_things(b.wall(side), ("clock",))
    _door(b.wall(_other(side)), r, _c(r, 40, 200))


# lighthouse watch room


def _rotation_machine(m: Rng) -> dict[str, U8]:
    """The kind's rotation machine: a cast-iron clockwork case, a brass dial, a winding
    handle's boss and the makers' plate."""
    paint = _pick(m, [(40, 70, 50), (30, 30, 34), (90, 30, 30)])
    front = _grained(m, 32, 48, paint, 2.0)
    cv2.rectangle(front, (2, 2), (29, 45), _shade(paint, 0.6), 1)
    _dial(front, 16, 14, 8, (230, 200, 120), float(m.uniform(0, 1)))
    cv2.circle(front, (16, 32), 3, (200, 170, 80), -1)
    cv2.rectangle(front, (9, 40), (22, 44), (200, 170, 80), -1)
    side = _grained(m, 32, 48, paint, 2.0)
    return {"front": front, "side": side, "top": _grained(m, 32, 32, paint, 2.0)}


def _lamp_changer(m: Rng) -> dict[str, U8]:
    """The kind's spare lamp changer: a brass frame with two bulbs in a glass case."""
    front = _grained(m, 24, 24, (60, 60, 64), 2.0)
    cv2.rectangle(front, (3, 3), (20, 20), (200, 170, 80), 1)
    for x in (8, 15):
        cv2.circle(front, (x, 11), 3, (245, 240, 220), -1)
    return {"front": front, "side": front, "top": _grained(m, 24, 24, (200, 170, 80), 2.0)}


def _sea_chart(rng: Rng, w: int, h: int) -> U8:
    """A sea chart: pale blue sea, contour lines, buff land, soundings and a compass rose."""
    img = _grained(rng, w, h, (205, 225, 235), 1.0)
    land = _field(rng, w, h, max(4, w // 4)) > 0.55
    img[land] = (235, 220, 170)
    for k in range(3):
        c = (_field(rng, w, h, max(4, w // 4)) > 0.45 + 0.05 * k).astype(np.uint8)
        edge = cv2.morphologyEx(c, cv2.MORPH_GRADIENT, np.ones((2, 2), np.uint8)) > 0
        img[edge] = (110, 150, 190)
    cx, cy = int(rng.integers(w // 4, 3 * w // 4)), int(rng.integers(h // 4, 3 * h // 4))
    cv2.circle(img, (cx, cy), max(3, min(w, h) // 6), (150, 60, 120), 1)
    for _ in range(max(4, w * h // 200)):
        img[int(rng.integers(0, h)), int(rng.integers(0, w))] = (60, 60, 80)
    return img


def _build_lighthouse(b: _Build17) -> None:
    """A lighthouse's watch room (the room under the lantern): painted iron plates
    with rivets or plaster, a chequered or lino floor, the ceiling with the hatch up to the
    lantern; the kind's rotation machine in the middle, the ladder to the hatch, the
    kind's lamp changer on a bench, a desk with the log, sea charts, a barometer, two
    small windows, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    machine, changer = _rotation_machine(m), _lamp_changer(m)
    paint = _pick(r, [(240, 238, 230), (225, 230, 220), (200, 215, 225), _c(r, 150, 245)])
    rivets = r.random() < 0.5
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 2.0)
        if rivets:
            step = max(4, round(0.6 * res))
            for y in range(step, th, step):
                cv2.line(img, (0, y), (tw - 1, y), _shade(paint, 0.8), 1)
                for x in range(0, tw, max(2, step // 6)):
                    img[min(th - 1, y + 2), x] = _shade(paint, 0.6)
        b.fill(name, img)
    dado = _pick(r, [(40, 60, 90), (30, 30, 34), (120, 30, 30)])
    for name in ("back", "left", "right", "front"):
        w_ = b.wall(name)
        w_.img[w_.y_of(0.9) :] = _grained(
            r, w_.img.shape[1], w_.img.shape[0] - w_.y_of(0.9), dado, 2.0
        )
    two = (_c(r, 20, 120), _between(r, (200, 200, 195), (245, 245, 240)))

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, two[1], 2.0)
        step = max(2, round(0.3 * res))
        for y in range(0, h, step):
            for x in range((y // step) % 2 * step, w, 2 * step):
                img[y : y + step, x : x + step] = two[0]
        return img

    b.floor(floor if r.random() < 0.6 else (lambda g, w, h, res: _lino(g, w, h)))
    hx = float(r.uniform(-0.4, 0.4))

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _lighter(paint, 1.02), 2.0)
        cx, cy = int((hx + b.w / 2) * res), int(b.d * 0.7 * res)
        cv2.circle(img, (cx, min(h - 1, cy)), max(2, int(0.35 * res)), (60, 60, 64), -1)
        return img

    b.ceiling(ceiling)
    _model(
        b,
        Box(float(r.uniform(-0.3, 0.3)), b.d * 0.45, 0.6, 0.5, 1.1, 0.0, _faces(machine, "front")),
    )
    for dx in (-0.22, 0.22):
        b.boxes.append(_pole(r, hx + dx, b.d * 0.7, b.h, 0.0, 0.025))
    for k in range(1, int(b.h / 0.3)):
        b.boxes.append(
            Box(hx, b.d * 0.7, 0.44, 0.03, 0.03, 0.3 * k, _all_faces(_steel(r, 8, 4, 150)))
        )
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, b.d * 0.45, 0.9, 0.8)
    fl.take(hx, b.d * 0.7, 0.6, 0.5)
    side = str(r.choice(["left", "right"]))
    spot = fl.against(r, 1.0, 0.5, (side,))
    if spot:
        x1, z1, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 2, 1, dado), "top": _wood(r, 32, 16, _wood_tone(r), 4)},
        )
        _model(b, Box(x1, z1, 0.3, 0.3, 0.3, 0.85, _faces(changer, facing)))
    spot = fl.against(r, 0.9, 0.5, (_other(side), "back"))
    if spot:
        x1, z1, _w, _d, _f = spot
        _box(
            b,
            spot,
            0.75,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 32, 16, _wood_tone(r), 4)},
        )
        b.boxes.append(
            Box(
                x1, z1, 0.35, 0.25, 0.04, 0.75, _all_faces(_grained(r, 16, 12, _c(r, 20, 140), 2.0))
            )
        )
    for name in ("left", "right", "back"):
        w_ = b.wall(name)
        if r.random() < 0.7:
            pw = float(r.uniform(0.6, 1.0))
            w_.put(_frame(_sea_chart(r, w_.px(pw), w_.px(pw * 0.7)), (235, 235, 230), 2), 2.1, 2.3)
    back = b.wall("back")
    baro = np.zeros((back.px(0.3), back.px(0.3), 3), np.uint8)
    baro[:] = _wood_tone(r)
    s = baro.shape[0]
    _dial(baro, s // 2, s // 2, max(2, s // 2 - 3), (240, 236, 220), float(r.uniform(0, 1)))
    _paste(back.img, baro, back.x_of(float(r.uniform(0.3, max(0.4, b.w - 0.6)))), back.y_of(1.9))
    for name in (side, "back"):
        w_ = b.wall(name)
        at = float(r.uniform(0.5, max(0.6, w_.length - 1.2)))
        _window(w_, r, _sky(r, 32, 32), at, 1.2, 0.6, 0.6, dado)
    _small_things(b.wall(_other(side)), ("clock",))
    _door(b.wall(_other(side)), r, dado)


# mushroom farm


def _grow_rack(m: Rng) -> dict[str, U8]:
    """The kind's growing rack: galvanised uprights and rails in five tiers."""
    rail = (185, 188, 192)
    side = _grained(m, 96, 64, (60, 58, 52), 2.0)
    for y in range(4, 64, 12):
        cv2.rectangle(side, (0, y), (95, y + 1), rail, -1)
    for x in range(0, 96, 16):
        cv2.rectangle(side, (x, 0), (x + 1, 63), rail, -1)
    end = _grained(m, 16, 64, (60, 58, 52), 2.0)
    end[:, :2] = rail
    end[:, -2:] = rail
    return {"front": end, "side": side, "top": _grained(m, 16, 16, rail, 2.0)}


def _humidifier(m: Rng) -> dict[str, U8]:
    """The kind's humidifier: a white box with a grille and a green lamp."""
    front = _grained(m, 32, 24, (235, 235, 230), 1.0)
    for y in range(4, 18, 2):
        cv2.line(front, (4, y), (27, y), (150, 150, 150), 1)
    cv2.circle(front, (28, 21), 1, (40, 220, 60), -1)
    return {"front": front, "side": _grained(m, 16, 24, (235, 235, 230), 1.0), "top": front}


def _beds(rng: Rng, w: int, h: int) -> U8:
    """A tier of the farm's growing bags seen from the side: dark compost, white or brown
    caps in clusters."""
    img = _grained(rng, w, h, _between(rng, (70, 50, 35), (110, 80, 55)), 8.0)
    cap = _pick(rng, [(240, 236, 225), (190, 150, 110), (225, 210, 180)])
    for _ in range(max(6, w // 3)):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, max(1, h // 2)))
        rad = int(rng.integers(1, max(2, h // 3)))
        cv2.circle(img, (x, y), rad, _shade(cap, float(rng.uniform(0.85, 1.0))), -1)
    return img


def _build_mushroom_farm(b: _Build17) -> None:
    """A mushroom farm's growing room: insulated panels, concrete, a duct along the
    ceiling; two to four rows of the kind's growing racks along the room with the farm's
    beds on their tiers, the kind's humidifier on a wall, a hose, a trolley of crates,
    a notice, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, hum = _grow_rack(m), _humidifier(m)
    _panelled(b, _between(r, (215, 218, 215), (245, 245, 240)), 1.0)
    b.floor(_concrete(_between(r, (130, 130, 125), (175, 172, 165))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (230, 232, 230), 2.0))
    rows = min(int(r.integers(2, 5)), int((b.w - 1.4) / 1.9) + 1)  # aisles at least 1 m
    length = b.d - float(r.uniform(1.8, 2.6))
    z = 1.3 + length / 2
    xs = np.linspace(-b.w / 2 + 0.7, b.w / 2 - 0.7, rows)
    aisle = int(r.integers(0, rows - 1))
    st = _b17(b)
    st.stand = (float(xs[aisle] + xs[aisle + 1]) / 2, 0.0)  # the camera in an aisle
    st.look = (st.stand[0], 1.0, b.d)
    for x in xs:
        _model(
            b,
            Box(
                float(x),
                z,
                0.9,
                length,
                2.2,
                0.0,
                {
                    "front": rack["front"],
                    "back": rack["front"],
                    "left": rack["side"],
                    "right": rack["side"],
                    "top": rack["top"],
                },
            ),
        )
        for tier in range(4):
            for sgn in (-1.0, 1.0):
                if r.random() < 0.85:
                    bed = _beds(r, 96, 8)
                    b.boxes.append(
                        Box(
                            float(x) + sgn * 0.46,
                            z,
                            0.01,
                            length * 0.97,
                            0.25,
                            0.1 + 0.5 * tier,
                            _faces({"front": bed}, "left" if sgn < 0 else "right"),
                        )
                    )
    b.boxes.append(
        Box(
            0.0,
            b.d / 2,
            0.5,
            b.d - 1.0,
            0.4,
            b.h - 0.45,
            _all_faces(_grained(r, 16, 48, (190, 192, 196), 2.0)),
        )
    )
    name = str(r.choice(["left", "right"]))
    x, zz, bw, bd = _wall_box(b, name, float(r.uniform(0.8, max(0.9, b.d - 1.5))), 0.7, 0.35)
    _model(b, Box(x, zz, bw, bd, 0.5, b.h - 1.0, _faces(hum, _inward(name))))
    crate = _grained(r, 24, 12, _pick(r, [(60, 110, 170), (40, 120, 60), (30, 30, 32)]), 2.0)
    for k in range(int(r.integers(1, 4))):
        b.boxes.append(
            Box(float(r.uniform(-0.3, 0.3)), 1.2, 0.6, 0.4, 0.25, 0.25 * k, _all_faces(crate))
        )
    back = b.wall("back")
    back.put(_label(r, back.px(0.5), back.px(0.6)), 1.9, 2.0)
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", _other(name)]))), r, _c(r, 120, 240))


# stonemason's workshop


def _banker(m: Rng) -> dict[str, U8]:
    """The kind's banker (a mason's stout bench): a thick oak top on a block base."""
    top = _wood(m, 32, 32, (160, 120, 80), 6)
    front = _grained(m, 32, 32, (150, 145, 135), 4.0)
    front[:6] = (130, 95, 60)
    return {"front": front, "side": front, "top": top}


def _bridge_saw(m: Rng) -> dict[str, U8]:
    """The kind's bridge saw: a steel gantry over the bed, the blade guard, the control
    box in the maker's colour."""
    paint = _pick(m, [(230, 120, 30), (40, 90, 160), (220, 200, 40)])
    front = _grained(m, 64, 48, (60, 62, 64), 2.0)
    cv2.rectangle(front, (0, 0), (63, 10), paint, -1)
    cv2.rectangle(front, (0, 0), (6, 47), paint, -1)
    cv2.rectangle(front, (57, 0), (63, 47), paint, -1)
    cv2.circle(front, (30, 18), 8, (180, 180, 185), -1)
    cv2.rectangle(front, (44, 14), (54, 26), (40, 40, 42), -1)
    return {
        "front": front,
        "side": _grained(m, 48, 48, paint, 2.0),
        "top": _grained(m, 64, 48, (120, 120, 125), 3.0),
    }


def _stone(rng: Rng) -> Colour:
    return _pick(
        rng, [(215, 205, 180), (200, 160, 120), (150, 150, 150), (190, 185, 175), (120, 110, 100)]
    )


def _templates(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Zinc templates hung on nails: pale grey sheets cut to mouldings' profiles."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = wall
    for k in range(int(rng.integers(2, 5))):
        x0 = k * w // 4 + int(rng.integers(0, max(1, w // 16)))
        pts = [(x0, 0), (x0 + w // 5, 0)]
        for y in range(h // 6, h, max(2, h // 6)):
            pts.append((x0 + int(rng.integers(w // 12, w // 5)), y))
        pts.append((x0, h - 1))
        cv2.fillPoly(img, [np.array(pts, np.int32)], (190, 195, 198))
        cv2.polylines(img, [np.array(pts, np.int32)], True, (120, 125, 130), 1)
    return img


def _build_mason(b: _Build17) -> None:
    """A stonemason's workshop: blocks or brick, dusty concrete, a roof of sheets; the
    kind's bankers (two or three) each with a block in work, the kind's bridge saw at the
    back, slabs leaning on a wall, blocks on pallets, zinc templates and a rack of tools on
    the walls, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    banker, saw = _banker(m), _bridge_saw(m)
    wall_c = _between(r, (170, 165, 155), (215, 210, 200))
    if r.random() < 0.4:
        _walls_of(b, 0.0, _between(r, (130, 80, 60), (190, 150, 120)), 1.0)
        wall_c = _shade(wall_c, 0.7)
    else:
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(4, round(0.3 * res)), wall_c, _shade(wall_c, 0.8)))
    b.floor(_concrete(_between(r, (170, 168, 160), (210, 205, 195))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (150, 152, 150), 2.0))
    fl = _Floor(b.w, b.d, 1.2)
    spot = fl.against(r, 2.2, 1.4, ("back",)) or fl.against(r, 2.2, 1.4, ("left", "right"))
    if spot:
        _standing(b, spot, 1.8, saw, True)
    for _ in range(int(r.integers(2, 4))):
        spot = fl.middle(r, 0.9, 0.9)
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, 0.8, 0.8, 0.9, 0.0, _faces(banker, facing)))
            size = float(r.uniform(0.25, 0.5))
            b.boxes.append(
                Box(
                    x,
                    z,
                    size,
                    size * 0.8,
                    float(r.uniform(0.2, 0.45)),
                    0.9,
                    _all_faces(_grained(r, 16, 16, _stone(r), 6.0)),
                )
            )
    side = str(r.choice(["left", "right"]))
    for k in range(int(r.integers(2, 6))):
        x, z, bw, bd = _wall_box(b, side, 1.0 + 0.35 * k, float(r.uniform(0.8, 1.4)), 0.06)
        b.boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                float(r.uniform(1.0, 1.8)),
                0.0,
                _all_faces(_grained(r, 24, 32, _stone(r), 5.0)),
            )
        )
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.2, 1.0, (_other(side), "back"))
        if spot:
            x, z, _w, _d, facing = spot
            pallet = _wood(r, 32, 8, _between(r, (170, 140, 100), (210, 180, 140)), 3)
            b.boxes.append(Box(x, z, _w, _d, 0.14, 0.0, _all_faces(pallet)))
            b.boxes.append(
                Box(
                    x,
                    z,
                    _w * 0.8,
                    _d * 0.7,
                    float(r.uniform(0.3, 0.7)),
                    0.14,
                    _all_faces(_grained(r, 24, 24, _stone(r), 6.0)),
                )
            )
    wall = b.wall(_other(side))
    wall.put(
        _templates(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.9), _wall_colour_of(wall)),
        2.4,
        2.6,
    )
    tools = _grained(r, wall.px(0.9), wall.px(0.4), _wood_tone(r), 3.0)
    for x in range(3, tools.shape[1] - 3, max(3, tools.shape[1] // 10)):
        cv2.line(
            tools,
            (x, 3),
            (x, tools.shape[0] - 4),
            _pick(r, [(60, 60, 64), (150, 110, 70)]),
            max(1, tools.shape[0] // 20),
        )
    wall.put(tools, 1.7, 1.8)
    at = float(r.uniform(0.6, max(0.7, b.d - 2.0)))
    _window(b.wall(side), r, _outside(r, 48, 32), at, 1.6, 1.6, 1.2, _c(r, 30, 150))
    _small_things(b.wall("back"), ("socket",))
    _door(b.wall(str(r.choice(["back", _other(side)]))), r, _c(r, 40, 200))


def _wall_colour_of(wall: Any) -> Colour:
    """The wall's colour where templates are hung (its texture's median)."""
    med = np.median(wall.img.reshape(-1, 3), axis=0)
    return (int(med[0]), int(med[1]), int(med[2]))


# dye house


def _dye_vat(m: Rng) -> dict[str, U8]:
    """The kind's dye vat: a steel tank with a rolled rim, a drain valve and a
    thermometer; its top the steel round the dye."""
    front = _steel_body(m, 32, 32, 195)
    cv2.rectangle(front, (14, 26), (18, 31), (80, 80, 84), -1)
    cv2.rectangle(front, (25, 6), (27, 20), (230, 230, 230), -1)
    cv2.line(front, (26, 12), (26, 20), (200, 40, 40), 1)
    top = _steel(m, 32, 32, 170)
    return {"front": front, "side": front, "top": top}


def _drying_rack(m: Rng) -> dict[str, U8]:
    """The kind's drying rack: a wooden frame with poles across."""
    wood = _pick(m, [(190, 150, 100), (150, 110, 70)])
    front = _grained(m, 48, 48, (40, 38, 36), 2.0)
    for y in (0, 12, 24):
        cv2.rectangle(front, (0, y), (47, y + 2), wood, -1)
    for x in (0, 45):
        cv2.rectangle(front, (x, 0), (x + 2, 47), wood, -1)
    return {
        "front": front,
        "side": _grained(m, 16, 48, wood, 2.0),
        "top": _grained(m, 48, 16, wood, 2.0),
    }


def _dye_jars(rng: Rng, w: int, h: int) -> U8:
    """Shelves of jars of dye powder and extract: strong colours, white lids, labels."""

    def jar(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), _c(rng, 20, 240), -1)
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1 - ih + 1), (240, 240, 236), -1)

    return _shelved(rng, w, h, _between(rng, (200, 195, 185), (245, 240, 232)), jar)


def _build_dye_house(b: _Build17) -> None:
    """A natural dye house: tiles or paint, concrete with a drain; the kind's dye vats (two
    to four) with the day's dye in them, the kind's drying racks hung with the house's
    skeins, a steel sink, shelves of dye jars, a chalkboard of recipes, a window, a
    door."""
    r, m = b.fix, _mass_produced(b)
    vat, rack = _dye_vat(m), _drying_rack(m)
    if r.random() < 0.5:
        colour = _between(r, (220, 225, 220), (250, 250, 245))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.15 * res)), colour, (170, 172, 168)))
    else:
        _paint_of(b, _pick(r, [(235, 230, 215), (215, 225, 230), _c(r, 140, 250)]))
    b.floor(_concrete(_between(r, (140, 140, 135), (185, 180, 172))))
    b.ceiling(_plain_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.1)
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.9, 0.9, (side, "back")) or fl.middle(r, 0.9, 0.9)
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, 0.85, 0.85, 1.0, 0.0, _faces(vat, facing)))
            dye = _grained(r, 16, 16, _c(r, 10, 200), 4.0)
            b.boxes.append(Box(x, z, 0.75, 0.75, 0.01, 1.0, _all_faces(dye)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.8, 0.5) or fl.against(r, 1.8, 0.5, (other,))
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, _w, _d, 1.8, 0.0, _faces(rack, facing)))
            along = _w if facing in ("front", "back") else _d
            for k in range(int(r.integers(3, 9))):
                off = -along / 2 + 0.15 + k * (along - 0.3) / 8
                sx, sz = (x + off, z) if facing in ("front", "back") else (x, z + off)
                skein = _grained(r, 4, 16, _c(r, 30, 250), 6.0)
                b.boxes.append(Box(sx, sz, 0.12, 0.12, 0.6, 1.1, _all_faces(skein)))
    spot = fl.against(r, 1.2, 0.6, (other, "back"))
    if spot:
        _box(b, spot, 0.9, {"front": _steel(r, 32, 24, 190), "top": _steel(r, 32, 16, 210)})
    wall = b.wall(other)
    wall.put(_dye_jars(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.9)), 2.1, 2.3)
    wall.put(_chalkboard(r, wall.px(0.8), wall.px(0.6)), 2.2, 2.4)
    back = b.wall("back")
    at = float(r.uniform(0.5, max(0.6, b.w - 1.8)))
    _window(back, r, _outside(r, 48, 32), at, 1.1, 1.4, 1.2, _c(r, 120, 250))
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice([side, other]))), r, _c(r, 40, 220))


# archive strongroom


def _mobile_run(m: Rng) -> dict[str, U8]:
    """The kind's mobile shelving run: its end panel in the maker's colour with a
    three-spoked handwheel and a label holder; its sides empty steel shelves."""
    paint = _pick(m, [(200, 200, 196), (120, 140, 160), (230, 220, 190), (70, 90, 80)])
    end = _grained(m, 24, 64, paint, 2.0)
    cv2.circle(end, (12, 26), 7, (50, 50, 54), 1)
    for a in (0, 2.1, 4.2):
        cv2.line(end, (12, 26), (int(12 + 7 * np.cos(a)), int(26 + 7 * np.sin(a))), (50, 50, 54), 1)
    cv2.rectangle(end, (6, 6), (17, 12), (245, 245, 240), -1)
    side = _grained(m, 96, 64, (150, 152, 155), 2.0)
    for y in range(2, 64, 12):
        side[y : y + 2] = (200, 200, 204)
    return {
        "front": end,
        "back": end,
        "left": side,
        "right": side,
        "top": _grained(m, 24, 24, paint, 2.0),
    }


def _plan_chest(m: Rng) -> dict[str, U8]:
    """The kind's plan chest: wide shallow drawers with label frames and pulls."""
    paint = _pick(m, [(200, 200, 196), (60, 80, 100)])
    front = _grained(m, 48, 32, paint, 2.0)
    for y in range(2, 32, 6):
        cv2.line(front, (0, y), (47, y), _shade(paint, 0.7), 1)
        cv2.rectangle(front, (20, y + 2), (27, y + 3), (60, 60, 62), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 32, paint, 2.0),
        "top": _grained(m, 48, 32, paint, 2.0),
    }


def _archive_boxes(rng: Rng, w: int, h: int) -> U8:
    """Tiers of the archive's boxes: grey or buff board boxes with labels and numbers."""
    img = _grained(rng, w, h, (50, 50, 54), 2.0)
    tier = max(4, h // 5)
    for y in range(0, h - tier + 1, tier):
        x = 0
        while x < w - 2:
            bw = int(rng.integers(max(2, w // 30), max(3, w // 12)))
            col = _pick(rng, [(170, 165, 155), (200, 180, 140), (120, 125, 130), (215, 210, 200)])
            cv2.rectangle(img, (x, y + 1), (min(w - 1, x + bw - 1), y + tier - 2), col, -1)
            cv2.rectangle(
                img,
                (x + 1, y + tier // 3),
                (min(w - 1, x + bw - 2), y + tier // 2),
                (245, 245, 240),
                -1,
            )
            x += bw
    return img


def _build_archive(b: _Build17) -> None:
    """An archive's strongroom: painted block, lino, a tiled ceiling, no window; runs of
    the kind's mobile shelving along one side full of the archive's boxes, the kind's
    plan chest, a reading table with boxes out, a hygrometer, a notice, a strong door."""
    r, m = b.fix, _mass_produced(b)
    run, chest = _mobile_run(m), _plan_chest(m)
    _paint_of(b, _pick(r, [(230, 230, 225), (220, 225, 215), _c(r, 150, 245)]), 2.0)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    n = int(r.integers(3, 7))
    length = min(b.w * 0.55, float(r.uniform(2.0, 3.2)))
    x = sgn * (b.w / 2 - 0.1 - length / 2)
    z = float(r.uniform(1.6, 2.2))
    for _ in range(n):
        if z + 0.5 > b.d - 0.4:
            break
        _model(
            b,
            Box(
                x,
                z,
                length,
                0.5,
                2.2,
                0.0,
                {
                    **run,
                    "front": run["left"],
                    "back": run["left"],
                    "left": run["front"],
                    "right": run["front"],
                },
            ),
        )
        for face_z in (z - 0.255, z + 0.255):
            boxes = _archive_boxes(r, 96, 64)
            b.boxes.append(Box(x, face_z, length * 0.95, 0.01, 2.0, 0.05, _all_faces(boxes)))
        z += float(r.uniform(0.5, 1.2))
    st = _b17(b)
    st.stand = (-sgn * (length + 0.1) / 2, 0.0)  # the camera in the open side, by the runs
    st.look = (st.stand[0] + sgn * 1.0, 1.1, b.d)
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(x, b.d / 2, length + 0.2, b.d)
    spot = fl.against(r, 1.2, 0.8, (_other(side), "back"))
    if spot:
        _standing(b, spot, 0.9, chest, True)
    spot = fl.middle(r, 1.4, 0.8) or fl.against(r, 1.4, 0.8, (_other(side),))
    if spot:
        x0, z0, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        for k in range(int(r.integers(1, 4))):
            b.boxes.append(
                Box(
                    x0 - 0.4 + 0.35 * k,
                    z0,
                    0.3,
                    0.22,
                    0.12,
                    0.75,
                    _all_faces(_grained(r, 8, 8, (190, 175, 140), 2.0)),
                )
            )
    wall = b.wall(_other(side))
    hyg = np.zeros((wall.px(0.25), wall.px(0.2), 3), np.uint8)
    hyg[:] = (240, 240, 236)
    cv2.rectangle(hyg, (2, 2), (hyg.shape[1] - 3, hyg.shape[0] // 2), (30, 60, 40), -1)
    _text(
        hyg,
        r,
        str(int(r.integers(35, 60))),
        3,
        hyg.shape[0] // 2 - 2,
        max(3, hyg.shape[0] // 4),
        (120, 240, 140),
    )
    _paste(
        wall.img, hyg, wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 1.0)))), wall.y_of(1.7)
    )
    wall.put(_label(r, wall.px(0.5), wall.px(0.65)), 1.9, 2.0)
    _small_things(b.wall("back"), ("socket",))
    _door(b.wall("back" if r.random() < 0.5 else _other(side)), r, (130, 132, 136))


# watermill


def _millstone_tun(m: Rng) -> dict[str, U8]:
    """The kind's millstone tun: the wooden case round the stones, staves and iron bands."""
    wood = _pick(m, [(150, 105, 65), (180, 140, 90)])
    side = _wood(m, 48, 16, wood, 3)
    for y in (2, 13):
        cv2.line(side, (0, y), (47, y), (50, 50, 52), 1)
    top = _grained(m, 48, 48, (190, 185, 175), 5.0)
    cv2.circle(top, (24, 24), 6, (60, 55, 50), -1)
    return {"front": side, "side": side, "top": top}


def _hopper(m: Rng) -> dict[str, U8]:
    """The kind's hopper over the stones: boarded sides, the grain spout."""
    wood = _pick(m, [(170, 125, 80), (140, 100, 60)])
    front = _wood(m, 24, 24, wood, 3)
    cv2.rectangle(front, (10, 18), (14, 23), (90, 70, 50), -1)
    return {
        "front": front,
        "side": _wood(m, 24, 24, wood, 3),
        "top": _grained(m, 24, 24, (200, 180, 120), 6.0),
    }


def _build_watermill(b: _Build17) -> None:
    """A working watermill's stone floor: stone or whitewash, boards, a beamed ceiling;
    the kind's millstone tun with its hopper, the sack hoist's chain, sacks of flour, bins,
    a chute, a notice, a small window, a door."""
    r, m = b.fix, _mass_produced(b)
    tun, hopper = _millstone_tun(m), _hopper(m)
    stone = r.random() < 0.6
    colour = (
        _between(r, (165, 155, 135), (215, 205, 185))
        if stone
        else _between(r, (225, 222, 210), (250, 248, 240))
    )
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if stone:
            b.fill(name, _tiles(r, tw, th, max(4, round(0.35 * res)), colour, _shade(colour, 0.7)))
        else:
            b.fill(name, _grained(r, tw, th, colour, 5.0))
    b.floor(_planks)
    tone = _between(r, (90, 60, 40), (140, 100, 65))

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _wood(g, w, h, _lighter(tone, 1.3), max(3, round(0.2 * res)))
        for y in range(0, h, max(4, round(1.2 * res))):
            img[y : y + max(2, round(0.2 * res))] = tone
        return img

    b.ceiling(ceiling)
    tx, tz = float(r.uniform(-0.5, 0.5)), b.d * float(r.uniform(0.5, 0.62))
    _model(b, Box(tx, tz, 1.4, 1.4, 0.6, 0.0, tun))
    _model(b, Box(tx, tz, 0.6, 0.6, 0.5, 0.8, hopper))
    b.boxes.append(Box(tx, tz, 0.8, 0.8, 0.2, 0.6, _all_faces(_wood(r, 16, 8, tone, 3))))
    b.boxes.append(_pole(r, tx + 0.2, tz, b.h - 1.3, 1.3, 0.05))
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(tx, tz, 1.8, 1.8)
    hx = float(r.uniform(-b.w / 3, b.w / 3))
    b.boxes.append(_pole(r, hx, b.d * 0.35, b.h - 0.5, 0.5, 0.015))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.8, 0.6, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, facing = spot
            for k in range(int(r.integers(1, 4))):
                b.boxes.append(Box(x, z, 0.55, 0.4, 0.22, 0.22 * k, _faces(_malt_sack(r), facing)))
    spot = fl.against(r, 0.8, 0.8, ("left", "right", "back"))
    if spot:
        _standing(
            b,
            spot,
            1.0,
            {
                "front": _wood(r, 24, 24, _wood_tone(r), 4),
                "top": _wood(r, 24, 24, _wood_tone(r), 4),
            },
            False,
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    at = float(r.uniform(0.6, max(0.7, wall.length - 1.5)))
    _window(wall, r, _outside(r, 32, 32), at, 1.2, 0.8, 0.8, tone)
    wall = b.wall(_other(side))
    wall.put(_label(r, wall.px(0.5), wall.px(0.6)), 1.9, 2.0)
    _door(b.wall(str(r.choice(["back", _other(side)]))), r, tone)


# pumping station


def _pump(m: Rng) -> dict[str, U8]:
    """The kind's pump casing: a painted volute with flanges and the maker's plate."""
    paint = _pick(m, [(40, 110, 70), (40, 80, 150), (150, 40, 35), (90, 100, 110)])
    front = _grained(m, 48, 48, paint, 2.0)
    cv2.circle(front, (24, 24), 18, _shade(paint, 0.7), 2)
    cv2.circle(front, (24, 24), 6, (60, 60, 62), -1)
    cv2.rectangle(front, (30, 36), (44, 44), (200, 170, 80), -1)
    return {
        "front": front,
        "side": _grained(m, 48, 48, paint, 2.0),
        "top": _grained(m, 48, 48, paint, 2.0),
    }


def _motor(m: Rng) -> dict[str, U8]:
    """The kind's motor: a ribbed drum with its terminal box."""
    paint = _pick(m, [(60, 70, 80), (120, 130, 120)])
    side = _grained(m, 48, 32, paint, 2.0)
    for x in range(2, 48, 4):
        cv2.line(side, (x, 0), (x, 31), _shade(paint, 0.75), 1)
    cv2.rectangle(side, (18, 0), (30, 8), (40, 40, 44), -1)
    return {"front": side, "side": side, "top": _grained(m, 32, 32, paint, 2.0)}


def _build_pumping_station(b: _Build17) -> None:
    """A water pumping station's engine hall: brick over glazed tiles to a dado, a tiled
    floor, the crane's beam across the top; the kind's pumps (two or three) each with the
    kind's motor, the station's pipework to the back wall, a control panel, a gauge
    board, tall windows along one side, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    pump, motor = _pump(m), _motor(m)
    _walls_of(b, 0.0, _between(r, (140, 80, 60), (200, 150, 110)), 1.0)
    glaze = _pick(r, [(235, 230, 210), (60, 110, 90), (120, 60, 50), (200, 210, 215)])
    for name in ("back", "left", "right", "front"):
        w_ = b.wall(name)
        y = w_.y_of(1.5)
        res = w_.px(1.0)
        w_.img[y:] = _tiles(
            r,
            w_.img.shape[1],
            w_.img.shape[0] - y,
            max(3, round(0.15 * res)),
            glaze,
            _shade(glaze, 0.8),
        )
    floor_c = (_c(r, 40, 160), _between(r, (200, 195, 185), (240, 235, 225)))
    b.floor(lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.3 * res)), floor_c[1], floor_c[0]))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (210, 208, 200), 2.0))
    beam = _grained(r, 64, 8, (230, 190, 30), 2.0)
    b.boxes.append(
        Box(0.0, b.d * float(r.uniform(0.4, 0.6)), b.w - 0.2, 0.4, 0.5, b.h - 0.8, _all_faces(beam))
    )
    n = int(r.integers(2, 4))
    pipe_c = _pick(r, [(40, 80, 150), (40, 110, 70), (150, 40, 35), (70, 70, 74)])
    for k in range(n):
        x = -b.w / 2 + (k + 0.5) * b.w / n
        z = b.d * float(r.uniform(0.45, 0.6))
        _model(b, Box(x, z, 1.2, 1.0, 1.2, 0.0, _faces(pump, "front")))
        _model(b, Box(x, z + 0.9, 0.8, 0.9, 0.9, 0.0, _faces(motor, "front")))
        pipe = _grained(r, 8, 48, pipe_c, 2.0)
        length = b.d - z - 0.5
        b.boxes.append(Box(x, z + 0.5 + length / 2, 0.45, length, 0.45, 0.4, _all_faces(pipe)))
    side = str(r.choice(["left", "right"]))
    fl = _Floor(b.w, b.d, 1.2)
    spot = fl.against(r, 1.6, 0.5, (_other(side),))
    if spot:
        _standing(
            b,
            spot,
            2.0,
            {"front": _cabinet(r, 2, 2, _c(r, 60, 200)), "top": _steel(r, 32, 16, 150)},
            False,
        )
    wall = b.wall(_other(side))
    gauges = _grained(r, wall.px(1.2), wall.px(0.6), _wood_tone(r), 2.0)
    gh = gauges.shape[0]
    for k in range(int(r.integers(2, 5))):
        _dial(
            gauges,
            (k + 1) * gauges.shape[1] // 5,
            gh // 2,
            max(2, gh // 3),
            (240, 236, 220),
            float(r.uniform(0, 1)),
        )
    wall.put(gauges, 2.6, 2.8)
    wall = b.wall(side)
    at = float(r.uniform(0.8, 1.5))
    while at + 1.4 < wall.length - 0.6:
        _window(wall, r, _outside(r, 32, 64), at, 2.0, 1.2, min(3.2, b.h - 2.6), _c(r, 30, 150))
        at += float(r.uniform(2.4, 3.2))
    back = b.wall("back")
    _small_things(back, ("clock", "socket"))
    wall = b.wall(_other(side))
    wall.put(_label(r, wall.px(0.5), wall.px(0.7)), 1.9, 2.0)
    _door(b.wall(str(r.choice(["back", _other(side)]))), r, _c(r, 30, 180))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _opening(
    wall: Any, left: float, bottom: float, width: float, height: float
) -> tuple[int, int, int, int]:
    """The texel box (x0, y0, x1, y1) of a rectangle on ``wall`` given in metres from its
    left end and the floor."""
    x0, x1 = sorted((wall.x_of(left), wall.x_of(left + width)))
    y0, y1 = sorted((wall.y_of(bottom + height), wall.y_of(bottom)))
    return x0, y0, max(x0 + 2, x1), max(y0 + 2, y1)


def _into(wall: Any, box: tuple[int, int, int, int], img: U8) -> None:
    """``img`` scaled into the texel box ``box`` of ``wall``."""
    x0, y0, x1, y1 = box
    wall.img[y0:y1, x0:x1] = cv2.resize(img, (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)


def _spines(rng: Rng) -> dict[str, U8]:
    """A book: a coloured spine with a title band."""
    spine = _grained(rng, 8, 24, _c(rng, 20, 230), 2.0)
    spine[4:7] = _c(rng, 120, 256)
    return _all_faces(spine)


def _library(rng: Rng, w: int, h: int) -> U8:
    """The library beyond the partitions: tall shelves of books, soft."""

    def book(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(img, (x, y1 - ih), (x + max(1, iw // 2), y1), _c(rng, 40, 220), -1)

    img = _shelved(rng, w, h, _between(rng, (150, 120, 90), (210, 190, 160)), book)
    return np.asarray(cv2.GaussianBlur(img, (0, 0), 1.0), np.uint8)


def _build_carrel(b: _Build17) -> None:
    """A study carrel of one university library: every fixed thing the template's (the
    partitions, the library seen over them, the desk, the shelf, the lamp, the floor and
    ceiling); the carrel's number, its reader's books and note and what lies on the desk
    its own (little)."""
    r, o = b.fix, b.own
    cloth = _pick(r, [(90, 110, 140), (150, 60, 50), (80, 120, 90), (170, 165, 150)])
    part = 1.35
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _library(r, tw, th)
        py = th - round(part * res)
        img[py:] = _grained(r, tw, th - py, cloth, 3.0)
        img[py : py + max(2, round(0.04 * res))] = (190, 192, 196)
        b.fill(name, img)
    b.floor(lambda g, w, h, res: _grained(g, w, h, _between(g, (80, 80, 90), (130, 120, 110)), 5.0))
    b.ceiling(_tiled_ceiling)
    top = _wood(r, 48, 24, _between(r, (180, 150, 110), (225, 205, 170)), 6)
    front = _grained(r, 48, 16, _shade(cloth, 0.8), 2.0)
    dz = b.d - 0.35
    b.boxes.append(
        Box(
            0.0,
            dz,
            b.w - 0.1,
            0.65,
            0.74,
            0.0,
            {"front": front, "left": front, "right": front, "back": front, "top": top},
        )
    )
    b.tops.append((0.0, dz, b.w * 0.4, 0.3, 0.74))
    shelf = _wood(r, 48, 8, _wood_tone(r), 4)
    b.boxes.append(Box(0.0, b.d - 0.15, b.w - 0.2, 0.28, 0.03, 1.15, _all_faces(shelf)))
    lamp = _grained(r, 8, 16, _pick(r, [(30, 30, 34), (230, 230, 226)]), 2.0)
    lx = (b.w / 2 - 0.3) * float(r.choice([-1.0, 1.0]))
    b.boxes.append(Box(lx, b.d - 0.25, 0.12, 0.12, 0.45, 0.74, _all_faces(lamp)))
    # The carrel's own: its number plate, a few books on the shelf, a note on the partition.
    back = b.wall("back")
    plate = _grained(o, back.px(0.2), back.px(0.1), (245, 245, 240), 1.0)
    _text(
        plate,
        o,
        str(int(o.integers(1, 200))),
        2,
        plate.shape[0] - 2,
        plate.shape[0] - 3,
        (30, 30, 30),
    )
    _paste(back.img, plate, back.x_of(float(o.uniform(0.2, b.w - 0.5))), back.y_of(1.3))
    note = _grained(
        o,
        back.px(0.12),
        back.px(0.12),
        _pick(o, [(250, 240, 120), (250, 180, 200), (160, 230, 250)]),
        1.0,
    )
    _paste(back.img, note, back.x_of(float(o.uniform(0.3, b.w - 0.4))), back.y_of(1.05))
    st = _b17(b)
    x = -b.w / 2 + 0.2
    for _ in range(int(o.integers(1, 4))):
        bw = float(o.uniform(0.03, 0.07))
        st.own_boxes.append(
            Box(x + bw / 2, b.d - 0.12, bw, 0.18, float(o.uniform(0.18, 0.26)), 1.18, _spines(o))
        )
        x += bw + float(o.uniform(0.0, 0.4))
    st.stand = (float(o.uniform(-0.15, 0.15)), float(o.uniform(0.25, 0.45)))
    st.look = (0.0, 0.9, b.d)


def _waterside(o: Rng, w: int, h: int) -> U8:
    """What a hide's slot looks out on: sky, the far bank's trees, open water with their
    reflection, reeds in front."""
    img = np.zeros((h, w, 3), np.float32)
    sky_h = int(h * float(o.uniform(0.25, 0.4)))
    img[:sky_h] = cv2.resize(_sky(o, 32, 16), (w, sky_h))
    bank = np.zeros((h, w), np.float32)
    line = sky_h + (_field(o, w, 1, max(4, w // 6))[0] * h * 0.12).astype(int)
    tree = _between(o, (40, 70, 40), (90, 120, 70))
    for x in range(w):
        bank[max(0, sky_h - int(h * 0.15) + int(line[x] - sky_h)) : sky_h + int(h * 0.05), x] = 1
    img[bank > 0] = tree
    water = _between(o, (70, 100, 120), (140, 170, 180))
    wy = sky_h + int(h * 0.05)
    img[wy:] = water
    refl = np.flipud(img[max(0, 2 * wy - h) : wy])
    img[wy : wy + refl.shape[0]] = img[wy : wy + refl.shape[0]] * 0.6 + refl * 0.4
    reed = _between(o, (120, 110, 60), (170, 150, 80))
    for _ in range(w // 2):
        x = int(o.integers(0, w))
        cv2.line(
            img,
            (x, h - 1),
            (x + int(o.integers(-3, 4)), h - int(o.integers(h // 8, h // 3))),
            reed,
            1,
        )
    return _u8(img)


def _build_bird_hide(b: _Build17) -> None:
    """A bird hide of one nature reserve: every fixed thing the template's (the boarded
    walls, the slot with its flap and elbow ledge, the bench, the sightings board, the
    floor and roof); what the slot looks out on, the board's entries and the notices the
    hide's own (much)."""
    r, o = b.fix, b.own
    tone = _between(r, (110, 80, 50), (170, 130, 90))
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _wood(r, tw, th, tone, max(3, round(0.15 * res))))
    b.floor(_boards(_shade(tone, 0.8)))
    b.ceiling(_boards(_shade(tone, 0.9)))
    back = b.wall("back")
    sill, slot_h = float(r.uniform(1.05, 1.2)), float(r.uniform(0.4, 0.5))
    slot = _opening(back, 0.35, sill, b.w - 0.7, slot_h)
    x0, y0, x1, y1 = slot
    back.img[y0:y1, x0:x1] = 25  # the template's dark slot; the view is each hide's own
    flap = _wood(r, 48, 8, _shade(tone, 0.7), 3)
    b.boxes.append(
        Box(0.0, b.d - 0.2, b.w - 0.6, 0.35, 0.03, sill + slot_h + 0.02, _all_faces(flap))
    )
    ledge = _wood(r, 48, 8, _lighter(tone, 1.2), 3)
    b.boxes.append(Box(0.0, b.d - 0.15, b.w - 0.5, 0.3, 0.04, sill - 0.04, _all_faces(ledge)))
    b.tops.append((0.0, b.d - 0.15, b.w * 0.4, 0.15, sill))
    bench = _wood(r, 48, 8, _shade(tone, 0.85), 3)
    b.boxes.append(Box(0.0, b.d - 0.75, b.w - 0.8, 0.35, 0.45, 0.0, _all_faces(bench)))
    board_side = str(r.choice(["left", "right"]))
    wall = b.wall(board_side)
    board = _opening(wall, 0.3, 1.1, 1.0, 0.7)
    bx0, by0, bx1, by1 = board
    wall.img[by0:by1, bx0:bx1] = _grained(r, bx1 - bx0, by1 - by0, (30, 34, 32), 2.0)
    cv2.rectangle(
        wall.img, (bx0, by0), (bx1 - 1, by1 - 1), _lighter(tone, 1.3), max(1, wall.px(0.03))
    )
    # The hide's own: the water it looks out on, the week's sightings, the notices.
    _into(back, (x0 + 1, y0 + 1, x1 - 1, y1 - 1), _waterside(o, 96, 24))
    step = max(3, (by1 - by0) // 7)
    for y in range(by0 + step, by1 - 2, step):
        if o.random() < 0.8:
            _text(wall.img, o, _word(o, (1, 3)), bx0 + 3, y, max(3, step - 1), (225, 225, 215))
    other = b.wall(_other(board_side))
    for _ in range(int(o.integers(1, 4))):
        _paste(
            other.img,
            _label(o, other.px(0.3), other.px(0.4)),
            other.x_of(float(o.uniform(0.3, max(0.4, b.d - 0.6)))),
            other.y_of(float(o.uniform(1.5, 1.9))),
        )
    st = _b17(b)
    st.stand = (float(o.uniform(-0.4, 0.4)), float(o.uniform(0.3, 0.55)))
    st.look = (float(o.uniform(-0.5, 0.5)), 1.25, b.d)


def _site_plan(o: Rng, w: int, h: int) -> U8:
    """A site drawing: white paper, blue and black lines of a plan, a title block."""
    img = _grained(o, w, h, (245, 245, 240), 1.0)
    ink = _pick(o, [(40, 60, 140), (30, 30, 30)])
    for _ in range(int(o.integers(4, 10))):
        x, y = int(o.integers(0, w)), int(o.integers(0, h))
        cv2.rectangle(
            img,
            (x, y),
            (x + int(o.integers(2, max(3, w // 3))), y + int(o.integers(2, max(3, h // 3)))),
            ink,
            1,
        )
    cv2.rectangle(img, (w * 2 // 3, h * 4 // 5), (w - 2, h - 2), (30, 30, 30), 1)
    return img


def _planner(o: Rng, w: int, h: int) -> U8:
    """A year planner: a grid with coloured bars of the jobs booked."""
    img = _grained(o, w, h, (250, 250, 246), 1.0)
    for y in range(0, h, max(2, h // 12)):
        cv2.line(img, (0, y), (w - 1, y), (180, 180, 190), 1)
    for _ in range(int(o.integers(3, 9))):
        y = int(o.integers(0, 12)) * max(2, h // 12)
        x = int(o.integers(0, w))
        cv2.rectangle(
            img,
            (x, y + 1),
            (min(w - 1, x + int(o.integers(3, max(4, w // 3)))), y + max(2, h // 12) - 1),
            _c(o, 40, 240),
            -1,
        )
    return img


def _build_site_cabin(b: _Build17) -> None:
    """A site cabin of one plant-hire firm: every fixed thing the template's (the panels,
    the windows' frames, the desk, the heater, the plan chest, the hooks, the firm's
    sticker, floor and ceiling); the drawings and planner on the walls, the notices, what
    the windows look out on and what lies on the desk the cabin's own."""
    r, o = b.fix, b.own
    panel = _between(r, (215, 215, 210), (245, 245, 240))
    _panelled(b, panel, 1.2)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(panel, 1.02), 2.0))
    b.boxes.append(
        Box(
            0.0,
            b.d / 2,
            0.15,
            1.5,
            0.06,
            b.h - 0.06,
            _all_faces(_grained(r, 8, 32, (250, 250, 245), 1.0)),
        )
    )
    frame = _pick(r, [(240, 240, 236), (60, 60, 64), (120, 120, 124)])
    windows: list[tuple[str, tuple[int, int, int, int]]] = []
    for name in ("left", "right"):
        wall = b.wall(name)
        for at in (1.0, b.d - 2.2):
            box = _opening(wall, at, 1.0, 1.1, 0.9)
            x0, y0, x1, y1 = box
            wall.img[y0:y1, x0:x1] = (200, 210, 220)
            cv2.rectangle(wall.img, (x0, y0), (x1 - 1, y1 - 1), frame, max(1, wall.px(0.05)))
            windows.append(
                (
                    name,
                    (
                        x0 + wall.px(0.05),
                        y0 + wall.px(0.05),
                        x1 - wall.px(0.05),
                        y1 - wall.px(0.05),
                    ),
                )
            )
    desk_side = str(r.choice(["left", "right"]))
    sgn = 1.0 if desk_side == "right" else -1.0
    top = _grained(r, 48, 16, _pick(r, [(200, 190, 170), (230, 230, 226)]), 2.0)
    body = _cabinet(r, 3, 1, _c(r, 100, 220))
    dx = sgn * (b.w / 2 - 0.38)
    b.boxes.append(
        Box(
            dx,
            b.d * 0.55,
            0.7,
            2.0,
            0.74,
            0.0,
            {**_faces({"front": body}, _inward(desk_side)), "top": top},
        )
    )
    b.tops.append((dx, b.d * 0.55, 0.3, 0.8, 0.74))
    heater = _steel(r, 24, 16, 200)
    for x in range(2, 22, 3):
        cv2.line(heater, (x, 2), (x, 13), (120, 120, 125), 1)
    hx, hz, hbw, hbd = _wall_box(b, _other(desk_side), b.d * 0.45, 0.7, 0.15)
    b.boxes.append(
        Box(hx, hz, hbw, hbd, 0.5, 0.15, _faces({"front": heater}, _inward(_other(desk_side))))
    )
    chest = _cabinet(r, 1, 4, _c(r, 60, 200))
    b.boxes.append(Box(0.0, b.d - 0.4, 1.2, 0.7, 0.8, 0.0, _faces({"front": chest}, "front")))
    back = b.wall("back")
    sticker = _grained(r, back.px(0.6), back.px(0.2), _c(r, 20, 200), 2.0)
    _text(
        sticker,
        r,
        _word(r, (1, 2)).upper(),
        2,
        sticker.shape[0] - 3,
        sticker.shape[0] - 6,
        (250, 250, 250),
    )
    back.put(sticker, 2.2, 2.25)
    hooks = b.wall(_other(desk_side))
    for k in range(4):
        x = hooks.x_of(b.d - 1.0 - 0.2 * k)
        cv2.circle(hooks.img, (x, hooks.y_of(1.7)), max(1, hooks.px(0.02)), (60, 60, 64), -1)
    _small_things(back, ("socket",))
    # The cabin's own: views out, drawings, planner, notices, things on the desk.
    for name, box in windows:
        _into(b.wall(name), box, _outside(o, 48, 40))
    for name in ("back", desk_side):
        wall = b.wall(name)
        for _ in range(int(o.integers(1, 3))):
            pw = float(o.uniform(0.4, 0.7))
            _paste(
                wall.img,
                _site_plan(o, wall.px(pw), wall.px(pw * 0.7)),
                wall.x_of(float(o.uniform(0.2, max(0.3, wall.length - 0.8)))),
                wall.y_of(float(o.uniform(1.6, 2.0))),
            )
    _paste(
        back.img,
        _planner(o, back.px(0.9), back.px(0.6)),
        back.x_of(float(o.uniform(0.2, max(0.3, b.w - 1.0)))),
        back.y_of(2.05),
    )
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        mug = _grained(o, 8, 8, _c(o, 30, 250), 2.0)
        st.own_boxes.append(
            Box(
                dx + float(o.uniform(-0.2, 0.2)),
                b.d * 0.55 + float(o.uniform(-0.8, 0.8)),
                0.09,
                0.09,
                0.1,
                0.74,
                _all_faces(mug),
            )
        )
    st.stand = (float(o.uniform(-0.3, 0.3)), float(o.uniform(0.3, 0.6)))
    st.look = (float(o.uniform(-0.3, 0.3)), 1.2, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "signal box": _build_signal_box,
    "lighthouse watch room": _build_lighthouse,
    "mushroom farm": _build_mushroom_farm,
    "stonemason's workshop": _build_mason,
    "dye house": _build_dye_house,
    "archive strongroom": _build_archive,
    "watermill": _build_watermill,
    "pumping station": _build_pumping_station,
    "carrel": _build_carrel,
    "birdhide": _build_bird_hide,
    "sitecabin": _build_site_cabin,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v24's kinds and v24's day seeds."""

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = surface_planes(self) + box_planes_of(self, day)  # type: ignore[arg-type]
        return self.cache[day]


def box_planes_of(place: Place, day: int) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings and the day's loose things
    (v20's: a carton, a paper bag, a stack of leaflets, a folded cloth)."""
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    planes: list[Plane] = []
    for b in place.boxes + place.belongings + _day_things(place, rng):
        planes += box_planes(b.tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


def _camera(b: _Build17, rng: Rng) -> Camera:
    """The place's own camera: near the front wall at eye height, looking in (in a
    look-alike, where its builder stands it, aimed at what it looks at)."""
    x, y, z = (
        float(rng.uniform(-0.2, 0.2)) * b.w,
        float(rng.uniform(1.5, 1.7)),
        float(rng.uniform(0.4, 1.1)),
    )
    yaw, pitch, hfov = (
        float(rng.uniform(-15, 15)),
        float(rng.uniform(-12, -4)),
        float(rng.uniform(62, 72)),
    )
    base = base_kind(b.kind)
    if base in SMALL:
        hfov = float(rng.uniform(74, 84))
        z = min(z, 0.6)
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.1, 0.1)) * SMALL.get(base, 1.0)
        if b.stand[1] > 0:
            z = b.stand[1]
    if base == "carrel":
        y = float(rng.uniform(1.2, 1.35))  # seated
    pos = _vec(x, min(y, b.h - 0.2), z)
    if b.look is not None:
        yaw, pitch = _aim(pos, _vec(*b.look))
        yaw += float(rng.uniform(-8, 8))
        pitch += float(rng.uniform(-4, 2))
    return Camera(pos, yaw, pitch, hfov)


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
    b = _Build20(kind, fix, own, w, h, d, surfaces)
    if template is None:
        b.model = model_rng(kind)
    BUILDERS[base](b)
    b.tops.extend(b.own_tops)
    belongings = b.own_boxes
    if template is not None:
        belongings += _belongings(b)
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(b, own)
    models = [i for i, box in enumerate(b.boxes) if any(box is m for m in b.models)]
    return Place(
        seed, kind, w, h, d, surfaces, b.boxes, belongings, b.tops, camera, models, d, b.floors
    )


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v24``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v24(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v24 (``bench/link.py --generator v24``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v24``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    dye house, stonemason's workshop or pumping station."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + PRINT_SEED
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
    m = min(margin, place.width / 4)
    out[0] = np.clip(out[0], -place.width / 2 + m, place.width / 2 - m)
    far = place.depth - (0.5 if place.base in SMALL else max(0.8, place.depth / 3))
    out[2] = np.clip(out[2], 0.1, max(0.11, min(far, place.walk - 0.3)))
    out[1] = np.clip(out[1], 0.05, place.height - 0.12)
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (x0.25 in a carrel, x0.4 in a bird hide,
    x0.5 in a site cabin, x0.7 in a signal box or a lighthouse's watch room), its height
    kept within 0.08 m, turned up to ``turn`` degrees and tilted up to 4; the first of 8
    moves that leaves it clear of every thing by 0.15 m, or not moved."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    pos = c.pos
    for _ in range(8):
        cand = _inside(
            place,
            c.pos
            + _vec(
                rng.uniform(-reach, reach) * k,
                rng.uniform(-0.08, 0.08),
                rng.uniform(-0.2 * reach, reach) * k,
            ),
        )
        if _free(place, cand, 0.15):  # type: ignore[arg-type]
            pos = cand
            break
    return Camera(
        pos, c.yaw + float(rng.uniform(-turn, turn)), c.pitch + float(rng.uniform(-4, 4)), c.hfov
    )


# --- views ----------------------------------------------------------------------------------------


def polariser(img: U8, rng: Rng) -> U8:
    """The shot through a polarising filter: colours x1.15-1.3 as saturated, the glare on
    bright, pale surfaces (windows, gloss paint, steel) cut by 15-30 %, the whole x0.85-0.93
    (the filter's loss, mostly made up by the exposure) and a touch cooler."""
    f = img.astype(np.float32)
    grey = f.mean(axis=2, keepdims=True)
    f = grey + (f - grey) * float(rng.uniform(1.15, 1.3))
    spread = f.max(axis=2) - f.min(axis=2)
    glare = np.clip((grey[:, :, 0] - 160) / 80, 0, 1) * np.clip(1 - spread / 60, 0, 1)
    f *= (1 - float(rng.uniform(0.15, 0.3)) * glare)[:, :, None]
    f *= float(rng.uniform(0.85, 0.93)) * np.array([0.97, 1.0, 1.04], np.float32)
    return _noise(_u8(f), rng, 1.5)


def webp_copy(img: U8, rng: Rng) -> U8:
    """The shot as a site serves it: scaled to 70-85 %, saved as WebP at quality 15-35
    (its smoothed blocks and smeared colour), and shown back at the full size."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.7, 0.85))
    small = cv2.resize(img, (max(8, int(w * k)), max(8, int(h * k))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(
        ".webp",
        np.ascontiguousarray(small[:, :, ::-1]),
        [cv2.IMWRITE_WEBP_QUALITY, int(rng.integers(15, 36))],
    )
    if not ok:
        raise RuntimeError("OpenCV could not write WebP")
    back = np.asarray(cv2.imdecode(buf, cv2.IMREAD_COLOR), np.uint8)[:, :, ::-1]
    return np.asarray(
        cv2.resize(np.ascontiguousarray(back), (w, h), interpolation=cv2.INTER_LINEAR), np.uint8
    )


def pincushion(img: U8, rng: Rng) -> U8:
    """The shot at a zoom lens's long end: pincushion distortion (the rim magnified, 5-10 %
    at the corners), so the middle looks pinched and straight lines bow in; a little soft
    (0.4-0.7 px at 400)."""
    h, w = img.shape[:2]
    s = _scale(w)
    yy, xx = _grid(h, w)
    u, v = (xx - w / 2) / (w / 2), (yy - h / 2) / (w / 2)
    r2 = u * u + v * v
    corner = 1 + (h / w) ** 2
    k = float(rng.uniform(0.05, 0.1)) / corner
    scale = 1 / (1 + k * r2)
    mx = (u * scale * (w / 2) + w / 2).astype(np.float32)
    my = (v * scale * (w / 2) + h / 2).astype(np.float32)
    f = cv2.remap(img.astype(np.float32), mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    f = cv2.GaussianBlur(f, (0, 0), float(rng.uniform(0.4, 0.7)) * s)
    return _noise(_u8(f), rng, 1.5)


def uprighted(img: U8, rng: Rng) -> U8:
    """The shot put through a phone's perspective correction: the top stretched 4-9 % each
    side (to make converging verticals parallel), turned up to 1.5 degrees and cropped to
    fill the frame."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.04, 0.09))
    crop = float(rng.uniform(0.01, 0.03))
    src = np.array(
        [
            [w * (k + crop), h * crop],
            [w * (1 - k - crop), h * crop],
            [w * (1 - crop), h * (1 - crop)],
            [w * crop, h * (1 - crop)],
        ],
        np.float32,
    )
    ang = np.radians(float(rng.uniform(-1.5, 1.5)))
    c = src.mean(axis=0)
    rot = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]], np.float32)
    src = ((src - c) @ rot.T * 0.97 + c).astype(np.float32)
    dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    return _noise(np.asarray(out, np.uint8), rng, 1.5)


def sunglasses(img: U8, rng: Rng) -> U8:
    """The shot through one lens of a pair of sunglasses held to the camera: tinted
    (brown, grey or green), graded (x0.45-0.6 at the top to x0.85-0.95 at the bottom),
    x1.08 contrast, the lens's rim darkening two corners, a faint reflection of a bright
    window (8-14 %)."""
    h, w = img.shape[:2]
    s = _scale(w)
    yy, xx = _grid(h, w)
    tints = ((1.0, 0.82, 0.58), (0.85, 0.85, 0.85), (0.72, 0.9, 0.7))  # brown, grey, green
    tint = np.array(tints[int(rng.integers(0, 3))], np.float32)
    top, bottom = float(rng.uniform(0.45, 0.6)), float(rng.uniform(0.85, 0.95))
    grade = top + (bottom - top) * (yy / h)
    f = (img.astype(np.float32) - 128) * 1.08 + 128
    f = f * tint * grade[:, :, None]
    ax, ay = float(rng.uniform(0.55, 0.62)) * w, float(rng.uniform(0.62, 0.75)) * h
    cx = w / 2 + float(rng.uniform(-0.06, 0.06)) * w
    d = ((xx - cx) / ax) ** 2 + ((yy - h / 2) / ay) ** 2
    rim = np.clip((d - 1.0) / 0.25, 0, 1)
    f = f * (1 - 0.9 * rim[:, :, None]) + rim[:, :, None] * 8
    glow = np.zeros((h, w), np.float32)
    gx, gy = int(rng.uniform(0.2, 0.8) * w), int(rng.uniform(0.15, 0.5) * h)
    cv2.rectangle(glow, (gx, gy), (gx + int(0.15 * w), gy + int(0.22 * h)), 1.0, -1)
    glow = np.asarray(cv2.GaussianBlur(glow, (0, 0), 8 * s), np.float32)
    f += (glow * 255 * float(rng.uniform(0.08, 0.14)))[:, :, None]
    return _noise(_u8(f), rng, 2.0)


def fake_bokeh(img: U8, rng: Rng) -> U8:
    """The shot in a phone's portrait mode that guessed the subject wrong: one blob (an
    ellipse 30-50 % of the width, edged by a smooth random wobble) kept sharp, the rest
    blurred as by a wide lens (a disc of 3-6 px radius at 400, highlights blooming into
    discs), a soft cut-out's halo at the edge."""
    h, w = img.shape[:2]
    s = _scale(w)
    yy, xx = _grid(h, w)
    cx, cy = float(rng.uniform(0.3, 0.7)) * w, float(rng.uniform(0.35, 0.7)) * h
    ax, ay = float(rng.uniform(0.15, 0.25)) * w, float(rng.uniform(0.2, 0.35)) * h
    d = ((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2
    d += _field(rng, w, h, max(4, int(24 * s))) * 0.6
    mask = (d < 1.0).astype(np.float32)
    mask = cv2.GaussianBlur(mask, (0, 0), float(rng.uniform(1.5, 3.0)) * s)
    rad = max(2, int(float(rng.uniform(3, 6)) * s))
    disc = np.zeros((2 * rad + 1, 2 * rad + 1), np.float32)
    cv2.circle(disc, (rad, rad), rad, 1.0, -1)
    disc /= disc.sum()
    lin = (img.astype(np.float32) / 255) ** 2.2
    blurred = cv2.filter2D(lin, -1, disc, borderType=cv2.BORDER_REFLECT) ** (1 / 2.2) * 255
    out = img.astype(np.float32) * mask[:, :, None] + blurred * (1 - mask[:, :, None])
    return _noise(_u8(out), rng, 1.5)


def zoom_burst(img: U8, rng: Rng) -> U8:
    """The shot taken while the zoom ring turned (a zoom burst): the picture averaged with
    itself scaled up to x1.04-1.10 about a point near the middle (within 10 %), so it
    streaks outwards, sharper to that point."""
    h, w = img.shape[:2]
    cx = w / 2 + float(rng.uniform(-0.1, 0.1)) * w
    cy = h / 2 + float(rng.uniform(-0.1, 0.1)) * h
    z = float(rng.uniform(0.04, 0.1))
    f = img.astype(np.float32)
    acc = np.zeros_like(f)
    n = 14
    for k in range(n):
        m = cv2.getRotationMatrix2D((cx, cy), 0.0, 1 + z * k / (n - 1))
        acc += cv2.warpAffine(f, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    return _noise(_u8(acc / n), rng, 2.0)


def colour_splash(img: U8, rng: Rng) -> U8:
    """The shot through a phone's colour-splash filter: grey but for one band of hue (the
    hue of a strongly coloured spot of the picture, else a random one; 12-20 of 180 each
    side), kept at x1.1 saturation, the band's edge soft."""
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    sat = hsv[:, :, 1].ravel()
    strong = np.flatnonzero(sat > 90)
    hue = (
        float(hsv[:, :, 0].ravel()[strong[int(rng.integers(0, len(strong)))]])
        if len(strong)
        else float(rng.uniform(0, 180))
    )
    width = float(rng.uniform(12, 20))
    dist = np.abs(((hsv[:, :, 0].astype(np.float32) - hue + 90) % 180) - 90)
    keep = np.clip((width - dist) / 6 + 0.5, 0, 1)
    f = img.astype(np.float32)
    grey = f @ np.array([0.299, 0.587, 0.114], np.float32)
    grey = grey[:, :, None]
    out = grey + (f - grey) * (1.1 * keep)[:, :, None]
    return _noise(_u8(out), rng, 1.5)


def reeded_glass(img: U8, rng: Rng) -> U8:
    """The shot through a reeded (fluted) glass screen: upright ribs (horizontal in a
    quarter) 7-12 px wide at 400, each a small lens showing a strip 1.6-2.6 times its
    width flipped and squeezed into it, soft along the rib (1-2 px), darker at the ribs'
    joins, a bright line down each rib, the glass lifting the blacks (+8-16)."""
    w = img.shape[1]
    s = _scale(w)
    f = img.astype(np.float32)
    across = rng.random() < 0.25
    if across:
        f = np.ascontiguousarray(f.transpose(1, 0, 2))
    gh, gw = f.shape[:2]
    pw = max(4.0, float(rng.uniform(7, 12)) * s)
    mag = float(rng.uniform(1.6, 2.6))
    xs = np.arange(gw, dtype=np.float32)
    phase = float(rng.uniform(0, pw))
    centre = (np.floor((xs + phase) / pw) + 0.5) * pw - phase
    u = (xs - centre) / (pw / 2)
    src_x = np.clip(centre - u * (pw / 2) * mag, 0, gw - 1)
    mx = np.broadcast_to(src_x[None, :], (gh, gw)).astype(np.float32)
    my = np.broadcast_to(np.arange(gh, dtype=np.float32)[:, None], (gh, gw)).astype(np.float32)
    out = cv2.remap(
        f,
        np.ascontiguousarray(mx),
        np.ascontiguousarray(my),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    soft = float(rng.uniform(1.0, 2.0)) * s
    out = cv2.GaussianBlur(out, (1, 2 * int(3 * soft) + 1), soft)
    shade = 1 - 0.25 * np.abs(u) ** 4
    line = np.exp(-(((u + 0.35) / 0.12) ** 2)) * float(rng.uniform(25, 45))
    out = out * shade[None, :, None] + line[None, :, None]
    lift = float(rng.uniform(8, 16))
    out = lift + out * (1 - lift / 255)
    if across:
        out = np.ascontiguousarray(out.transpose(1, 0, 2))
    return _noise(_u8(out), rng, 2.0)


def chalked(img: U8, rng: Rng) -> U8:
    """The picture drawn in chalk on a blackboard, photographed: its outlines (edges of the
    grey picture softened 1 px at 400) as broken chalk strokes, its light areas filled in
    hatched, smudged chalk (up to 45 %), on a dark green or black board with eraser
    smears, in a wooden frame (3-5 % of the width) filling the frame; off square by up to
    3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    board = np.array(_pick(rng, [(40, 70, 55), (35, 38, 40), (45, 60, 50)]), np.float32)
    fw = max(3, int(w * float(rng.uniform(0.03, 0.05))))
    iw, ih = w - 2 * fw, h - 2 * fw
    lum = cv2.resize(img, (iw, ih), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    t = _stretched(lum, 2, 98)
    soft = cv2.GaussianBlur((t * 255).astype(np.uint8), (0, 0), 1.0 * s)
    edges = cv2.Canny(soft, 30, 80).astype(np.float32) / 255
    breaks = (_field(rng, iw, ih, max(3, int(6 * s))) > 0.35).astype(np.float32)
    strokes = cv2.GaussianBlur(edges * breaks, (0, 0), 0.6 * s) * 2.2
    yy, xx = _grid(ih, iw)
    hatch = (np.sin((xx + yy) * (2 * np.pi / max(3.0, 4 * s))) > 0.2).astype(np.float32)
    tone = np.clip((t - 0.45) * 1.8, 0, 1) * (0.5 + 0.5 * hatch) * 0.45
    tone = cv2.GaussianBlur(tone, (0, 0), 1.2 * s)
    chalk = np.clip(strokes + tone, 0, 1) * (0.75 + 0.25 * rng.random((ih, iw)).astype(np.float32))
    surface = np.empty((ih, iw, 3), np.float32)
    surface[:] = board
    smear = np.clip(_field(rng, iw, ih, max(8, iw // 5)) - 0.6, 0, 1)[:, :, None] * 40
    surface = surface + smear
    white = np.array((235, 235, 225), np.float32)
    surface = surface + (white - surface) * chalk[:, :, None]
    out = np.empty((h, w, 3), np.float32)
    out[:] = _wood(rng, w, h, _wood_tone(rng), max(3, fw)).astype(np.float32)
    out[fw : fw + ih, fw : fw + iw] = surface
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.0)


def lithophane(img: U8, rng: Rng) -> U8:
    """The picture as a 3-D printed lithophane lit from behind, photographed: grey
    (stretched between its 2nd and 98th percentiles) as light through white plastic of
    varying thickness, warm (a bulb's 255/225/170), soft (1.5-2.5 px at 400), the
    printer's layer lines across it (every 2-3 px, +-5 %), in a pale plastic frame
    62-74 % of the width, glowing a little into a dim room (20-40); off square by up to
    3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    pw = int(w * float(rng.uniform(0.62, 0.74)))
    ph = int(pw * h / w)
    lum = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    t = _stretched(lum, 2, 98)
    t = np.asarray(cv2.GaussianBlur(t, (0, 0), float(rng.uniform(1.5, 2.5)) * s), np.float32)
    step = max(2, int(rng.integers(2, 4) * s))
    layers = 1 + 0.05 * np.sin(np.arange(ph, dtype=np.float32) * (2 * np.pi / step))[:, None]
    light = np.clip((0.12 + 0.88 * t**1.2) * layers, 0, 1)
    lamp = np.array((255, 225, 170), np.float32)
    panel = light[:, :, None] * lamp
    bd = max(3, int(pw * 0.04))
    sheet = np.empty((ph + 2 * bd, pw + 2 * bd, 3), np.float32)
    sheet[:] = (70, 66, 60)
    sheet[bd : bd + ph, bd : bd + pw] = panel
    out = np.empty((h, w, 3), np.float32)
    out[:] = float(rng.uniform(20, 40))
    x0 = (w - sheet.shape[1]) // 2 + int(float(rng.uniform(-0.04, 0.04)) * w)
    y0 = (h - sheet.shape[0]) // 2 + int(float(rng.uniform(-0.04, 0.04)) * h)
    glow = np.zeros((h, w, 3), np.float32)
    _blit_f(glow, sheet, x0, y0)
    glow = cv2.GaussianBlur(glow, (0, 0), 14 * s) * 0.35
    out += glow
    _blit_f(out, sheet, x0, y0)
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.5)


def etch_sketch(img: U8, rng: Rng) -> U8:
    """The picture traced on a line-drawing toy's grey screen (its knobs draw one dark
    line), photographed: the grey picture's outlines at half size (edges of the picture
    softened 1 px) as thin dark lines, with three to six long straight strokes where the
    line travelled between them, on the silver-grey screen in a red plastic frame (10-14 %
    of the height) with two white knobs, on a desk; off square by up to 3 %."""
    h, w = img.shape[:2]
    out = _desk(rng, w, h)
    tw = int(w * float(rng.uniform(0.86, 0.94)))
    th = int(tw * h / w)
    fb = max(4, int(th * float(rng.uniform(0.1, 0.14))))
    sw, sh = tw - 2 * fb, th - 2 * fb - fb // 2
    half = cv2.resize(img, (max(8, sw // 2), max(8, sh // 2)), interpolation=cv2.INTER_AREA)
    grey = cv2.GaussianBlur(cv2.cvtColor(half, cv2.COLOR_RGB2GRAY), (0, 0), 1.0)
    edges = cv2.Canny(grey, 25, 70)
    pts = np.argwhere(edges > 0)
    for _ in range(int(rng.integers(3, 7))):
        if len(pts) > 1:
            a, b = pts[rng.choice(len(pts), 2, replace=False)]
            cv2.line(edges, (int(a[1]), int(a[0])), (int(b[1]), int(b[0])), 255, 1)
    lines = cv2.resize(edges, (sw, sh), interpolation=cv2.INTER_NEAREST).astype(np.float32) / 255
    screen = np.empty((sh, sw, 3), np.float32)
    screen[:] = _between(rng, (180, 180, 175), (205, 205, 200))
    screen *= 1 - 0.6 * lines[:, :, None]
    toy = np.empty((th, tw, 3), np.float32)
    toy[:] = _between(rng, (180, 20, 25), (220, 45, 40))
    toy[fb : fb + sh, fb : fb + sw] = screen
    for kx in (fb, tw - fb):
        cv2.circle(toy, (kx, th - fb // 2 - 1), max(2, int(fb * 0.4)), (240, 238, 230), -1)
    x0, y0 = (w - tw) // 2, (h - th) // 2
    _blit_f(out, toy, x0, y0)
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.0)


def views_v24(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v24's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["polariser"] = _jpeg(polariser(shot(0.3, 8), rng), 88)
    out["webpcopy"] = _png(webp_copy(shot(0.3, 8), rng))
    out["pincushion"] = _jpeg(pincushion(shot(0.3, 8), rng), 88)
    out["uprighted"] = _jpeg(uprighted(shot(0.3, 8), rng), 88)
    out["sunglasses"] = _jpeg(sunglasses(shot(0.4, 12), rng), 85)
    out["fakebokeh"] = _jpeg(fake_bokeh(shot(0.4, 12), rng), 85)
    out["zoomburst"] = _jpeg(zoom_burst(shot(0.4, 12), rng), 85)
    out["colorsplash"] = _jpeg(colour_splash(shot(0.4, 12), rng), 85)
    out["reededglass"] = _jpeg(reeded_glass(shot(0.4, 12), rng), 85)
    out["chalked"] = _jpeg(chalked(shot(0.4, 12), rng), 85)
    out["lithophane"] = _jpeg(lithophane(shot(0.4, 12), rng), 85)
    out["etchsketch"] = _jpeg(etch_sketch(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v24", room=room_v24, views=views_v24)


def main() -> None:
    dry_run("v24", make_pictures, place_kind)


if __name__ == "__main__":
    main()

"""Generator v25 of ``bench/link.py``: benign places (ropewalks, stables' tack rooms,
sawmills, canal lock keepers' huts, sign writers' workshops, herbaria, old telephone
exchanges' switchboard rooms, globe makers' workshops) as a dreamy glow filter, a warm
sensor's amplifier glow, a print that slipped on a scanner, a torn screen grab, a slide
with Newton's rings, a canvas print, a hand-tinted print, a thin magazine page, a recursive
filter, a sliding-tile puzzle, an autochrome plate and string art show them, held out.

Written blind, like v6-v24: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml``, ``bench/link_rooms_v24.py``
whole (for the interface, the truth format, the place model and the primitives imported
below) and ``tests/bench/test_link_rooms_v24.py`` whole (for the shape of the tests) and,
in ``bench/link.py``, only the generator plumbing: a grep for ``v24`` and the lines round
each hit (the imports at 76-88, ``GENERATORS`` at 645-656, the ``views_*`` dict of
``make_collection`` at 708-720 and the ``--generator`` argument at 1338-1356). Of
``bench/link_rooms_v6.py``-``v23.py`` only the first paragraphs of their docstrings, their
``KINDS`` tuples, ``GROUPS`` dicts, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by
importing the modules, v6-v24, with every ``is_distractor`` called on seeds 0-99 to see
their slots), the parts of v16's-v23's docstrings that list what they read and the words
they considered and dropped (the paragraphs holding "Written blind", "considered" or
"dropped", printed by importing the modules) and the lines a grep found for words v25
considered were read, with a few lines round some hits (v18's lines 214-220 on
``rawpreview``). For kinds and groups: ropewalk, rope walk, rope, tack room, saddle,
harness, sawmill, saw mill, lock keep, lock-keep, canal, windlass, sign writ, signwrit,
sign paint, herbari, pressed plant, switchboard, telephone exch, exchange, globe,
interpret, welding, weld, railway arch, arch unit, viaduct. For views: orton, dreamy, soft
glow, star filter, starburst, cross screen, faded, sun-faded, sunfad, slip, newton,
canvas, hand-tint, hand tint, handtint, hand colour, show-through, show through, droste,
recursive, infinite, sliding, slide puzzle, 15-puzzle, fifteen, autochrome, starch, string
art, nails, thread, amp glow, hot pixel, stuck pixel, tearing, screen tear, torn, tear,
glow, bloom. None of v25's kinds, groups or views is a kind, group or view of v6-v24 (the
tests check the names against the ``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v24's
modules). Most hits were other senses: "rope" a gallery's and a museum's rope barriers,
a pool's lane ropes, a boathouse's coil and v23's bell ropes with their sallies (v25's
ropewalk is where rope is made: strands along a long shed, a forming jack, a traveller),
"saddle" a bicycle's, "canal" a word v18 considered (it dropped a narrowboat), "globe" a
snow globe v21 and v22 dropped, "interpret" v20's museum's interpretation panels, "weld"
an evidence bag's welded edges and a steel tank's seam, "canvas" v6's drawing code, v14's
caption's background and v17's artist's canvases, "slip" a potter's clay slip, "sliding"
a width bar, "nails", "thread", "torn", "tear", "glow" and "bloom" things, drawing code
and v20's ``tornhalf`` (a torn print). Ideas were dropped because an older generator had
them or something close. Of the kinds the brief offered: a clockmaker's (v20's clock
repairer), a bicycle repair shop (v16's bike shop; v22 dropped one too), a bookbinder's
bench (v20's bookbindery), a glassblower's studio (v23's glassblowing studio), a map
printer's (v17's print shop), an ice rink's plant room (v18's ice rink, v24's pumping
station), an orangery (v13's greenhouse), a piano tuner's store (v16's music shop; v22
dropped a piano showroom), a natural history store room of drawers (v20's museum room,
v24's archive strongroom), a bell foundry (v23's bell ringing chamber, v22's forge); also
a tannery and a hand papermaker's (v24's dye house's vats), a cider press house (v23's
brewhouse), a creamery (v22's cheese shop), a stained-glass workshop (v20's
``stainedglass``), a cobbler's (v19's shoe shop; v22 considered cobblers). Of the groups the
brief offered: self-storage units (v16), hospital locker bays (v12's locker areas, v14's
hospital side rooms), hotel-corridor alcoves (v12's corridors, v15's hotel corridors),
train compartments (v13's train carriages and sleeper cabins), laundromat bays (v13's and
v15's laundrettes); also language-lab booths (v24's study carrels), stable stalls (v12's
barns), cookery-school stations (v14's show flat kitchens, v16's restaurant kitchen),
lifeguard towers (v17's beach huts, v24's bird hides), tower-block landings (v23 dropped
lift lobbies), monastery guest cells (v11's dorms, v14's student rooms). Of the views the
brief offered every one was taken: a rain-streaked window (v12's ``rainglass``), a puzzle
(v17's ``jigsaw``), a mug (v20), a newspaper halftone (v14), night-vision green (v16's
``nightvision``), a rolling-shutter skew (v14's ``jello``), a fisheye doorbell (v9's
``fisheye``; v23 dropped a peephole), an embroidered patch (v19's ``crossstitch``), a
chat app (v12's ``chat``), tilt-shift (v13), pixel sorting (v19's ``pixelsort``), frosted
glass (v13's ``steam``; v22 dropped it), a mosaic of tiles (v23's ``tilemural``), HDR
(v13's ``hdr``), a long exposure (v15's ``longexposure``); also a star filter (v13's
``flare`` has a starburst), a sun-faded print (v11's ``faded`` grade, v16's
``expiredfilm``), a photomosaic (v23's ``tilemural``, v22's toy-brick mosaic), a
beauty-mode smoothing (v11's ``grain``, a watercolour v19 and v22 dropped), a scrapbook
page (v15's ``fridgedoor``, v14's ``instant``), a cookie banner over a web page (v18's
``listing``), a car's rear window (not a room's picture), marquetry (v21's
``paintbynumbers``), a dot-matrix print (v23's ``fax``). The nearest kept: ``ampglow``'s
hot pixels are like a part of v18's ``rawpreview`` (its glow, colour noise and
development are not); ``screentear`` joins two shots like v16's ``crossfade`` (blended,
not cut) and v20's ``tornhalf`` (paper); ``scanslip`` is a scanner's fault unlike v16's
``flatbedscan``; ``canvasprint`` prints on a thing like v20's ``mug`` and v21's
``tshirt``, but flat, woven and wrapped round a stretcher at an angle; ``handtinted``
keeps weak colour everywhere, unlike v24's ``colorsplash`` (one hue) and v15's ``sepia``;
``slidepuzzle`` moves tiles about, unlike v17's ``jigsaw``; ``autochrome`` is an old
colour process like v22's ``cyanotype`` and ``tintype`` but in coloured grains; a ropewalk
and a sawmill are long working sheds like v24's mushroom farm and stonemason's workshop;
a lock keeper's hut is a small room of windows like v24's signal box; a herbarium's
cabinets stand like v24's archive's shelving; interpreting booths look through glass at
one hall, like v22's airliner cabins' and v24's bird hides' windows but onto the same
hall. No signature or source of an older primitive was read: they are called as v24
calls them (v24's own helpers for paint, panels, dials, concrete, boards and openings are
imported from it). The worktree's ``.venv`` is a link to a ready virtualenv; nothing was
installed. Sheets of the originals of one place of each kind and group and of seed 3's
twelve views at 320x240 were looked at twice (after the first the front 2-3 m of the
sawmill, sign writer's, herbarium and globe maker's floors were kept clear of things,
the autochrome's grain made less clumped, Newton's rings spaced by the square of the
radius; a failing test had the canvas print's mirrored picture put right), and ``room_v25`` and
``views_v25`` were timed. ``mypy`` (as configured, on ``src``) and ``ruff`` were run;
``bench/link.py`` was never run, not even ``--help``. Nothing of the linker's code, tests,
docs or results was read, and neither the linker nor ``bench.link`` was ever run on these
pictures: keep it for after the next linker change, then use it once, for a held-out
figure: ``python -m bench.link --name link-v25-heldout --generator v25 --no-real --size
400x300 --rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's picture
writer and dry run, v13's place model (surfaces, boxes, walls, floor plans, furniture
pieces, windows, wall things, lighting), v14's belongings and small helpers, v15's doors
and sky, v16's colour ramp and aiming, v17's building state, clearance test, shell
planes, grained paint and off-square warp, v18's colour picker, v19's small helpers,
v20's builder state with the kinds' model generator, its place model (made v25's by a
subclass with v25's kinds and day seeds), its loose things of a day and small helpers,
v21's chalkboards, poles and wall spots, v22's shelving, grid, float blit and percentile
stretch, v23's glow, standing boxes and brick walls, v24's paint, panels, dials,
concrete, boards and wall openings, and small drawing primitives of v10-v12 are imported;
v24's place builder, cameras, moves and print place are copied with v25's kinds, seeds
and shares; the kinds of place, their builders, the kinds' mass-produced things, the
look-alikes, the cameras' settings and every view are v25's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v25 --rooms 12 --size 400x300
--out /tmp/v25``.

**What a place is.** As v24's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, hanks, bridles, alphabets, specimen boards, gores, notices,
dials, sockets, clocks, doors) and furniture and fittings as 3-D boxes (jacks, strands,
racks, saddles, saws, logs, board stacks, consoles, easels, cabinets, switchboards,
globes, benches, desks, tables). Loose things (v20's) change from day to day. Two
pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_600_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([1_608_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *ropewalk*: the forming jack, the traveller;
- *tack room*: the saddle rack (three to six, some doubled), the tack trunk (one or two);
- *sawmill*: the band saw, the saw bench;
- *lock keeper's hut*: the lock control console, the stove;
- *sign writer's workshop*: the easel (one or two), the paint trolley;
- *herbarium*: the herbarium cabinet (four to eight, or pairs back to back), the plant
  press;
- *switchboard room*: the switchboard position (two to five), the relay rack (two to
  four);
- *globe maker's workshop*: the globe stand (two to five), the drying cabinet.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (none of them a kind named by v6-v24; sizes width x height x depth in m):

- *ropewalk* (5-7 x 3-3.8 x 16-24): brick (50 %) or boards, boards or concrete, a boarded
  roof; the forming jack (1.5 high) at the far end, three or four strands along the walk at
  1 m over stakes every 3-4.5 m, the traveller on the walk, coils of rope, hanks on pegs,
  windows along one side, a notice, a door. The camera stands beside the strands looking
  down the walk.
- *tack room* (3-4.5 x 2.5-3 x 3-4.5): tongue-and-groove boards (60 %) or whitewash,
  rubber matting or brick pavers; saddle racks along one wall each with a saddle and a
  numnah, trunks, bridles and head collars on hooks with name plates, rugs over a rail, a
  chalkboard of feeds, a small window, a door. No animal is drawn.
- *sawmill* (8-12 x 4.5-6 x 9-14): timber cladding, concrete with sawdust; the band saw
  (2.8 high) with a log on its carriage rails, the saw bench, logs, stickered stacks of
  boards, a wide doorway onto the yard, a notice, a door.
- *lock keeper's hut* (2.6-3.4 x 2.3-2.7 x 2.6-3.4): boards (60 %) or paint, boards or
  lino; windows on two or three sides onto the lock (sky, the towpath hedge, the water, a
  gate's black-and-white balance beam), the console under one, the stove with its flue,
  a desk with the log and a kettle, windlasses on hooks, a lifebuoy, a notice, a clock, a
  door. The camera is 74-84 degrees wide.
- *sign writer's workshop* (5-8 x 3-3.8 x 5-8): paint, boards spotted with paint; easels
  each with a board in work (a ground colour, a rule and lettering), the trolley, finished
  boards leaning on a wall, a bench of tins, sheets of alphabets, a window, a door.
- *herbarium* (5-8 x 2.7-3.2 x 6-10): paint, lino, a tiled ceiling; herbarium cabinets
  (2.2 high) along a wall or back to back, a mounting table with specimen sheets, the
  press on a bench, a board of pinned specimens, a hygrometer, a window with a blind, a
  door.
- *switchboard room* (5-8 x 3-3.6 x 5-8): paint over a dark dado, boards or lino;
  switchboard positions (1.6 high) in a row along the back wall, relay racks (2.2 high)
  along a side, a supervisor's desk with a book, tall windows, a clock, a notice, a door.
- *globe maker's workshop* (4-6.5 x 2.8-3.4 x 4-6.5): paint, boards; globe stands each
  with a globe of a made-up world, the drying cabinet, a bench of blank spheres, printed
  gores drying on a line, shelves of small globes, a window, a door.

and, as look-alikes only, an *interpreting booth* (2-2.4 x 2.3-2.5 x 1.8-2.2), a *welding
booth* (2-2.6 x 2.4-2.8 x 2.2-2.8) and a *railway arch unit* (5-7 x 4-5.5 x 10-16). No
person or animal is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v24), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.25 in an interpreting booth, x0.4 in
a welding booth, x0.5 in a lock keeper's hut, x0.7 in a tack room; up to 0.08 m in
height), turned up to 12 degrees and tilted up to 4 (the first of 8 moves that leaves it
0.15 m clear of every thing, else not moved), with sensor noise (sigma 2). The four easy
views start from a shot moved up to 0.3 m and turned up to 8 degrees (``screentear`` from
two such shots), every other from a shot moved up to 0.4 m and turned up to 12.
Difficulty as meant, not measured:

- ``ortonglow`` (easy): a "dreamy" filter: a copy x1.3-1.6 as bright, blurred 6-10 px at
  400, screened over at 35-55 %, x1.08 contrast, x1.1 saturation. JPEG 88.
- ``ampglow`` (easy): a long exposure on a warm sensor: magenta glow from one corner
  (25-50 there, falling off over 15-30 % of the width), 0.05-0.15 % hot pixels, colour
  noise (sigma 4-6), x0.9-1.0. JPEG 88.
- ``scanslip`` (easy): a print that slipped on a flatbed: kept above a line 20-70 % down,
  a smeared band (10-25 % of the height), below it moved down and 2-6 % across; x0.95,
  +6. JPEG 88.
- ``screentear`` (easy): a screen recording's torn frame: above a line 30-70 % down one
  shot, below it another; scaled to 55-75 % and back. PNG.
- ``newtonrings`` (medium): a slide scanned in its mount (8-12 % each side, white, grey or
  black) with rainbow rings (+-12-25) over a patch 25-50 % of the width. JPEG 85.
- ``canvasprint`` (medium): a canvas print on a wall at an angle: weave +-5 %, matte
  (x0.88, +14), the wrapped edge on the near side, 70-82 % of the width, the far side
  8-14 % shorter, a soft shadow. JPEG 85.
- ``handtinted`` (medium): a black-and-white print coloured by hand: warm grey, washes of
  its own colours blurred 8-14 px, x0.35-0.5 (then x2.2 in the blotches' mean), off by 3-8
  px, in a cream border (3-5 %). JPEG 85.
- ``showthrough`` (medium): a thin magazine page, scanned: the picture on 80-88 % of the
  height, caption lines, the other side's columns and picture showing through mirrored
  (10-18 %). JPEG 85.
- ``droste`` (hard): a recursive filter: a framed copy (35-50 % of the width) set into the
  picture three or four levels deep, zoomed to 80-90 % round the frame. JPEG 85.
- ``slidepuzzle`` (hard): a sliding-tile puzzle mid-game: 4 x 4 tiles (3 x 3 in a third),
  8-20 random moves of the blank, thin gaps, a dark game screen with a bar of moves.
  JPEG 85.
- ``autochrome`` (hard): an autochrome plate on a light box: grains of orange-red, green
  and violet starch (1-2 px at 400) each passing its colour, x0.6-0.75, soft 1-1.5 px, a
  black mask and a paper label. JPEG 85.
- ``stringart`` (very hard): string art of the picture's middle square: a round white
  board with 120-180 nails and 350-550 dark threads, each the darkest of 24 tries from the
  last nail, on a wall; off square by up to 2 %. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in an interpreting booth, much in a railway arch, between in a welding booth.

- *Interpreting booths of one conference centre* (4 %: ``seed % 50`` in {19, 20}, kind
  ``interpreting booth``; template ``1_601_000_000 + seed // 50``; so seeds 19, 20, 69,
  70, 119, ...): the size, the fabric walls, the window and the one hall seen through it,
  the desk, the two consoles and microphones, the lamp, the carpet and ceiling. The
  booth's own (little): its language plate, a note on a side wall, one to three papers on
  the desk and the belongings (each wall differs from a sibling's in under 5 % of its
  texels). The camera sits at the desk (1.2-1.35 m up, 0.3-0.5 m in) facing the window.
- *Welding booths of one training college* (3 %: ``seed % 100`` in {33, 34, 35}, kind
  ``welding booth``; template ``1_602_000_000 + seed // 100``; seeds 33-35, 133-135, ...):
  the size, the steel screens, the bench, the extraction arm and hood, the grinder, the
  floor and ceiling. The booth's own (between): the wall round the bench (soot, spatter,
  chalk marks, the bay's number; about a third of the back wall), one or two notices, the
  gloves on the hook, two to four practice pieces on the bench. The camera stands in the
  opening (0.3-0.55 m in) looking at the bench.
- *Units of one railway viaduct* (3 %: ``seed % 100`` in {47, 48, 49}, kind ``railway
  arch unit``; template ``1_603_000_000 + seed // 100``; seeds 47-49, 147-149, ...): the
  size, the brick walls and vault, the small back window and door, the concrete floor, the
  strip lights. The tenant's own (much): the paint and shelving on the side walls to
  2-2.6 m (nearly half of each), the sign on the back wall, three to six benches, stacks
  and racks standing inside. The camera stands at the roller door (0.5-1 m in) looking
  along.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (19, 20) or seed % 100 in (33,
34, 35, 47, 48, 49)``; two look-alikes are of one group exactly when they have the same
kind and the same ``seed // 50`` (interpreting booths) or ``seed // 100`` (welding booths,
railway arches). The slots are neither v23's nor v24's (the tests check), and every group
has members in the first 60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``screentear``
(PNG) and ``ortonglow``, ``ampglow``, ``scanslip``, ``newtonrings``, ``canvasprint``,
``handtinted``, ``showthrough``, ``droste``, ``slidepuzzle``, ``autochrome``,
``stringart`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (2 interpreting booths in every 50 seeds, 3
welding booths and 3 railway arches in every 100); the other seeds draw their kind with
equal shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on
seeds 0-999 (``kind_counts``): interpreting booths 40, welding booths 30, railway arch
units 30; of the other 900: switchboard room 128, ropewalk 127, lock keeper's hut 121,
globe maker's workshop 114, sawmill 105, sign writer's workshop 102, herbarium 102, tack
room 101. The first 60 seeds (a default ``--rooms 60`` run): lock keeper's hut 13,
switchboard room 10, tack room 7, globe maker's workshop 7, sawmill 6, sign writer's
workshop 6, herbarium 2, ropewalk 1, welding booths 3 (33-35), railway arch units 3
(47-49), interpreting booths 2 (19, 20): every kind and group is in it. The held-out
run's 315 seeds: switchboard room 48, lock keeper's hut 47, ropewalk 41, globe maker's
workshop 36, sawmill 31, tack room 30, sign writer's workshop 28, herbarium 24,
interpreting booths 12, welding booths 9, railway arch units 9.

**Speed**: ``room_v25`` and ``views_v25`` of seeds 0-44 at 400x300 took 0.40 s a place
on average (0.30-0.62 s; 13 pictures), one core, on the shared machine. Surfaces are drawn
at 120 texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_600_000_000 + seed``; conference centre ``1_601_000_000 + seed //
50``; college ``1_602_000_000 + seed // 100``; viaduct ``1_603_000_000 + seed // 100``; a
day's loose things ``1_604_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_605_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_606_000_000 + seed``; a kind's mass-produced things
``default_rng([1_608_000_000, k])``. None is a seed of v6-v24. Deterministic by seed.
Lettering is random syllables (digits for numbers); every map on a globe is made up.
Pictures not made by ``room_v25`` (the real pictures of ``bench/link.py`` when run
without ``--no-real``) are hung as a print 2 m wide on the back wall of a generated
sawmill, sign writer's workshop or switchboard room (seeds from ``1_607_000_000``) and
seen the same ways.
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
from bench.link_rooms_v20 import _Build20, _day_things, _mass_produced, _model, _other, _png
from bench.link_rooms_v21 import _chalkboard, _pole, _wall_box
from bench.link_rooms_v22 import _grid, _shelved, _stretched
from bench.link_rooms_v23 import _standing, _walls_of
from bench.link_rooms_v24 import _boards, _concrete, _dial, _into, _opening, _paint_of, _panelled

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_600_000_000
BOOTH_SEED = 1_601_000_000
COLLEGE_SEED = 1_602_000_000
VIADUCT_SEED = 1_603_000_000
DAY_SEED = 1_604_000_000
VIEW_SEED = 1_605_000_000
SENSOR_SEED = 1_606_000_000
PRINT_SEED = 1_607_000_000
MODEL_SEED = 1_608_000_000
BOOTH_EVERY, BOOTH_SLOTS = 50, (19, 20)
WELDING_EVERY, WELDING_SLOTS = 100, (33, 34, 35)
ARCH_EVERY, ARCH_SLOTS = 100, (47, 48, 49)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("ropewalk", 1 / 8),
    ("tack room", 1 / 8),
    ("sawmill", 1 / 8),
    ("lock keeper's hut", 1 / 8),
    ("sign writer's workshop", 1 / 8),
    ("herbarium", 1 / 8),
    ("switchboard room", 1 / 8),
    ("globe maker's workshop", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "interpreting booth": "interpbooth",
    "welding booth": "weldbooth",
    "railway arch unit": "railarch",
}
VIEW_KINDS = (
    "ortonglow",
    "ampglow",
    "scanslip",
    "screentear",
    "newtonrings",
    "canvasprint",
    "handtinted",
    "showthrough",
    "droste",
    "slidepuzzle",
    "autochrome",
    "stringart",
)
PNG_VIEWS = ("screentear",)  # a screen grab, saved losslessly; every other a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "ropewalk": ((5.0, 7.0), (3.0, 3.8), (16.0, 24.0)),
    "tack room": ((3.0, 4.5), (2.5, 3.0), (3.0, 4.5)),
    "sawmill": ((8.0, 12.0), (4.5, 6.0), (9.0, 14.0)),
    "lock keeper's hut": ((2.6, 3.4), (2.3, 2.7), (2.6, 3.4)),
    "sign writer's workshop": ((5.0, 8.0), (3.0, 3.8), (5.0, 8.0)),
    "herbarium": ((5.0, 8.0), (2.7, 3.2), (6.0, 10.0)),
    "switchboard room": ((5.0, 8.0), (3.0, 3.6), (5.0, 8.0)),
    "globe maker's workshop": ((4.0, 6.5), (2.8, 3.4), (4.0, 6.5)),
    "interpbooth": ((2.0, 2.4), (2.3, 2.5), (1.8, 2.2)),
    "weldbooth": ((2.0, 2.6), (2.4, 2.8), (2.2, 2.8)),
    "railarch": ((5.0, 7.0), (4.0, 5.5), (10.0, 16.0)),
}
SMALL = {  # shares of a move in small places
    "interpbooth": 0.25,
    "weldbooth": 0.4,
    "lock keeper's hut": 0.5,
    "tack room": 0.7,
}
PRINT_KINDS = ("sawmill", "sign writer's workshop", "switchboard room")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_interpreting_booth(seed: int) -> bool:
    return seed % BOOTH_EVERY in BOOTH_SLOTS


def is_welding_booth(seed: int) -> bool:
    return seed % WELDING_EVERY in WELDING_SLOTS


def is_railway_arch(seed: int) -> bool:
    return seed % ARCH_EVERY in ARCH_SLOTS


def is_distractor(seed: int) -> bool:
    return is_interpreting_booth(seed) or is_welding_booth(seed) or is_railway_arch(seed)


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
    if is_interpreting_booth(seed):
        return "interpreting booth"
    if is_welding_booth(seed):
        return "welding booth"
    if is_railway_arch(seed):
        return "railway arch unit"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_interpreting_booth(seed):
        return np.random.default_rng(BOOTH_SEED + seed // BOOTH_EVERY)
    if is_welding_booth(seed):
        return np.random.default_rng(COLLEGE_SEED + seed // WELDING_EVERY)
    if is_railway_arch(seed):
        return np.random.default_rng(VIADUCT_SEED + seed // ARCH_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _walls(b: _Build17) -> tuple[str, ...]:
    return ("back", "left", "right", "front")


def _sheet(rng: Rng, w: int, h: int, colour: Colour, ink: Colour, lines: int) -> U8:
    """A printed or written sheet: paper with ``lines`` lines of lettering."""
    img = _grained(rng, w, h, colour, 1.0)
    step = max(3, h // (lines + 1))
    for k in range(1, lines + 1):
        x0 = int(rng.integers(1, max(2, w // 6)))
        x1 = int(rng.integers(w // 2, max(w // 2 + 1, w - 1)))
        cv2.line(img, (x0, k * step), (x1, k * step), ink, 1)
    return img


def _lettering(rng: Rng, w: int, h: int, ground: Colour, ink: Colour) -> U8:
    """A painted sign board: a ground colour, a rule and one or two words of lettering."""
    img = _grained(rng, w, h, ground, 1.5)
    cv2.rectangle(img, (1, 1), (w - 2, h - 2), ink, max(1, h // 20))
    _text(img, rng, _word(rng, (1, 3)).upper(), max(2, w // 12), h * 2 // 3, max(3, h // 2), ink)
    return img


# --- v25's own surfaces and things, every one drawn from the rng it is given --------------------

# ropewalk


def _forming_jack(m: Rng) -> dict[str, U8]:
    """The kind's forming jack at the head of the walk: a cast-iron frame with a big
    wheel driving four hooks, on a plinth."""
    paint = _pick(m, [(40, 70, 50), (50, 52, 56), (110, 40, 35)])
    front = _grained(m, 48, 48, paint, 2.0)
    cv2.circle(front, (24, 20), 15, _lighter(paint, 1.6), 2)
    for dx, dy in ((-6, -6), (6, -6), (-6, 6), (6, 6)):
        cv2.circle(front, (24 + dx, 20 + dy), 2, (200, 170, 80), -1)
    cv2.rectangle(front, (3, 39), (44, 47), _shade(paint, 0.6), -1)
    return {
        "front": front,
        "side": _grained(m, 16, 48, paint, 2.0),
        "top": _grained(m, 48, 16, _shade(paint, 0.8), 2.0),
    }


def _traveller(m: Rng) -> dict[str, U8]:
    """The kind's traveller (the sledge that walks down the rope as it is laid): a boarded
    frame on iron wheels with three hooks and a weight box."""
    wood = _pick(m, [(150, 110, 70), (120, 90, 60)])
    front = _wood(m, 32, 32, wood, 4)
    for x in (8, 16, 24):
        cv2.circle(front, (x, 10), 2, (60, 60, 62), -1)
    for x in (6, 26):
        cv2.circle(front, (x, 28), 4, (40, 40, 42), -1)
    return {"front": front, "side": _wood(m, 32, 32, wood, 4), "top": _wood(m, 32, 32, wood, 4)}


def _hanks(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Hanks of finished rope hung on pegs: loops in hemp, white and coloured rope."""
    img = _grained(rng, w, h, wall, 2.0)
    for k in range(int(rng.integers(3, 7))):
        x = (k + 0.5) * w / 7 + float(rng.uniform(-2, 2))
        col = _pick(rng, [(200, 170, 110), (235, 232, 220), (40, 80, 160), (170, 40, 40)])
        cv2.ellipse(
            img,
            (int(x), h // 2),
            (max(2, w // 18), max(3, h // 2 - 2)),
            0.0,
            0.0,
            360.0,
            col,
            max(1, w // 60),
        )
        cv2.circle(img, (int(x), 2), 1, (40, 40, 40), -1)
    return img


def _build_ropewalk(b: _Build17) -> None:
    """A ropewalk: a long narrow shed (brick or boards), boards or concrete underfoot, a
    boarded roof; the kind's forming jack at the far end, the kind's traveller on the walk,
    three or four strands stretched along it over stakes, coils of rope, hanks on pegs,
    windows along one side, a notice, a door. The camera stands at the near end looking
    down the walk."""
    r, m = b.fix, _mass_produced(b)
    jack, traveller = _forming_jack(m), _traveller(m)
    if r.random() < 0.5:
        _walls_of(b, 0.0, _between(r, (140, 80, 60), (200, 150, 110)), 1.0)
        wall_c = _between(r, (150, 100, 80), (190, 150, 120))
    else:
        wall_c = _between(r, (120, 90, 60), (180, 150, 110))
        for name in _walls(b):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, wall_c, max(3, round(0.18 * res))))
    b.floor(
        _planks if r.random() < 0.5 else _concrete(_between(r, (150, 145, 135), (190, 185, 175)))
    )
    b.ceiling(_boards(_between(r, (110, 80, 55), (170, 140, 100))))
    _model(b, Box(0.0, b.d - 0.6, 1.4, 0.6, 1.5, 0.0, _faces(jack, "front")))
    strands = int(r.integers(3, 5))
    xs = [-0.45 + 0.3 * k for k in range(strands)]
    length = b.d - 1.8
    hemp = _pick(r, [(200, 170, 110), (225, 215, 185), (180, 150, 100)])
    for x in xs:
        strand = _grained(r, 4, 64, hemp, 6.0)
        b.boxes.append(Box(x, 0.9 + length / 2, 0.025, length, 0.025, 1.0, _all_faces(strand)))
    head = _wood(r, 48, 8, _wood_tone(r), 3)
    for z in np.arange(3.0, b.d - 2.0, float(r.uniform(3.0, 4.5))):
        b.boxes.append(_pole(r, -0.6, float(z), 1.0, 0.0, 0.05))
        b.boxes.append(Box(0.0, float(z), 1.4, 0.08, 0.06, 1.02, _all_faces(head)))
    tz = float(r.uniform(0.45, 0.7)) * b.d
    _model(b, Box(0.0, tz, 1.0, 0.8, 0.9, 0.0, _faces(traveller, "front")))
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    for _ in range(int(r.integers(2, 6))):
        coil = _grained(r, 24, 24, hemp, 4.0)
        cv2.circle(coil, (12, 12), 9, _shade(hemp, 0.7), 2)
        cv2.circle(coil, (12, 12), 4, _shade(hemp, 0.6), 2)
        x = sgn * (b.w / 2 - float(r.uniform(0.5, 0.9)))
        b.boxes.append(
            Box(x, float(r.uniform(3.0, b.d - 2.0)), 0.7, 0.7, 0.3, 0.0, _all_faces(coil))
        )
    wall = b.wall(side)
    wall.put(_hanks(r, wall.px(float(r.uniform(1.5, 2.5))), wall.px(0.9), wall_c), 2.2, 2.4)
    other = b.wall(_other(side))
    at = float(r.uniform(1.0, 2.0))
    frame = _c(r, 30, 200)
    while at + 1.0 < other.length - 1.0:
        _window(other, r, _outside(r, 32, 32), at, 1.2, 1.0, 1.0, frame)
        at += float(r.uniform(2.5, 3.5))
    back = b.wall("back")
    back.put(_label(r, back.px(0.5), back.px(0.6)), 1.9, 2.0)
    st = _b17(b)
    st.stand = (sgn * float(r.uniform(0.9, 1.3)), 0.0)  # beside the strands
    st.look = (0.0, 1.0, b.d)
    _door(b.wall(str(r.choice(["back", side]))), r, _c(r, 40, 200))


# tack room


def _saddle_rack(m: Rng) -> dict[str, U8]:
    """The kind's saddle rack: a steel bracket with a shaped top and a name clip."""
    paint = _pick(m, [(30, 30, 34), (40, 70, 50), (200, 200, 196)])
    front = _grained(m, 24, 16, paint, 2.0)
    cv2.rectangle(front, (9, 10), (14, 14), (230, 230, 226), -1)
    return {"front": front, "side": _grained(m, 32, 16, paint, 2.0), "top": front}


def _tack_trunk(m: Rng) -> dict[str, U8]:
    """The kind's tack trunk: a painted box with brass corners and a hasp."""
    paint = _pick(m, [(30, 50, 90), (100, 30, 30), (30, 70, 50)])
    front = _grained(m, 48, 24, paint, 2.0)
    for x in (0, 44):
        front[:4, x : x + 4] = (200, 170, 80)
        front[-4:, x : x + 4] = (200, 170, 80)
    cv2.rectangle(front, (21, 2), (26, 9), (200, 170, 80), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 24, paint, 2.0),
        "top": _grained(m, 48, 24, paint, 2.0),
    }


def _bridles(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Bridles and head collars on a row of hooks: leather loops, brass buckles, a name
    plate over each hook."""
    img = _grained(rng, w, h, wall, 2.0)
    n = int(rng.integers(3, 7))
    for k in range(n):
        x = int((k + 0.5) * w / n)
        leather = _pick(rng, [(90, 55, 30), (50, 30, 20), (130, 80, 40), _c(rng, 30, 200)])
        cv2.rectangle(img, (x - w // (4 * n), 1), (x + w // (4 * n), h // 8), (240, 236, 220), -1)
        cv2.ellipse(
            img,
            (x, h // 2),
            (max(2, w // (3 * n)), max(3, h // 3)),
            0.0,
            0.0,
            360.0,
            leather,
            max(1, w // 80),
        )
        cv2.circle(img, (x, h * 5 // 6), max(1, h // 20), (200, 170, 80), -1)
    return img


def _build_tack_room(b: _Build17) -> None:
    """A riding stable's tack room: tongue-and-groove boards or whitewash, rubber matting
    or brick pavers; the kind's saddle racks (three to six) on one wall each with a saddle
    and a numnah, the kind's tack trunk (one or two), bridles on hooks, rugs over a rail, a
    chalkboard of feeds, a small window, a door. No animal is drawn."""
    r, m = b.fix, _mass_produced(b)
    rack, trunk = _saddle_rack(m), _tack_trunk(m)
    wall_c = _between(r, (170, 130, 90), (220, 190, 150))
    if r.random() < 0.6:
        for name in _walls(b):
            tw, th, res = b.texels(name)
            img = _grained(r, tw, th, wall_c, 2.0)
            for x in range(0, tw, max(3, round(0.1 * res))):
                img[:, x] = _shade(wall_c, 0.8)
            b.fill(name, img)
    else:
        wall_c = _between(r, (225, 222, 212), (250, 248, 240))
        _paint_of(b, wall_c, 4.0)
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _grained(g, w, h, (40, 40, 42), 4.0))
    else:
        pav = _between(r, (120, 60, 45), (170, 100, 80))
        b.floor(lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.2 * res)), pav, (90, 85, 80)))
    b.ceiling(_boards(_between(r, (150, 120, 90), (210, 190, 160))))
    side = str(r.choice(["left", "right"]))
    n = int(r.integers(3, 7))
    for k in range(n):
        along = 0.5 + k * (b.d - 1.0) / max(1, n)
        for level in (1.0, 1.7)[: 1 + int(r.random() < 0.5)]:
            x, z, bw, bd = _wall_box(b, side, along, 0.32, 0.55)
            _model(b, Box(x, z, bw, bd, 0.06, level, _faces(rack, _inward(side))))
            leather = _between(r, (60, 35, 20), (150, 95, 50))
            saddle = _grained(r, 16, 16, leather, 3.0)
            saddle[12:] = _c(r, 40, 230)  # the numnah
            b.boxes.append(Box(x, z, bw * 1.2, bd * 0.9, 0.22, level + 0.06, _all_faces(saddle)))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take((1.0 if side == "right" else -1.0) * (b.w / 2 - 0.3), b.d / 2, 0.6, b.d)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.9, 0.5, (_other(side), "back"))
        if spot:
            _standing(b, spot, 0.55, trunk, True)
    wall = b.wall(_other(side))
    wall.put(_bridles(r, wall.px(float(r.uniform(1.0, 1.8))), wall.px(0.7), wall_c), 1.9, 2.1)
    back = b.wall("back")
    rail_z = b.d - 0.12
    b.boxes.append(Box(0.0, rail_z, b.w * 0.6, 0.04, 0.04, 1.5, _all_faces(_steel(r, 16, 4, 170))))
    for k in range(int(r.integers(1, 4))):
        rug = _grained(r, 24, 24, _c(r, 30, 200), 3.0)
        for y in range(0, 24, 6):
            rug[y : y + 1] = _c(r, 100, 250)
        b.boxes.append(
            Box(-b.w * 0.25 + 0.5 * k, rail_z - 0.06, 0.45, 0.04, 0.8, 0.72, _all_faces(rug))
        )
    back.put(_chalkboard(r, back.px(0.7), back.px(0.5)), 2.1, 2.3)
    _window(
        back,
        r,
        _sky(r, 32, 32),
        float(r.uniform(0.3, max(0.4, b.w - 1.2))),
        1.5,
        0.6,
        0.6,
        _c(r, 30, 200),
    )
    _small_things(back, ("socket",))
    _door(b.wall(_other(side)), r, _c(r, 30, 200))


# sawmill


def _band_saw(m: Rng) -> dict[str, U8]:
    """The kind's band saw: a tall cast frame over two wheel housings, the blade guard, a
    maker's plate."""
    paint = _pick(m, [(40, 90, 60), (60, 70, 90), (200, 170, 40)])
    front = _grained(m, 32, 64, paint, 2.0)
    cv2.circle(front, (16, 12), 11, _shade(paint, 0.7), 2)
    cv2.circle(front, (16, 50), 11, _shade(paint, 0.7), 2)
    cv2.line(front, (27, 12), (27, 50), (200, 200, 205), 1)
    cv2.rectangle(front, (10, 28), (22, 33), (200, 170, 80), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 64, paint, 2.0),
        "top": _grained(m, 32, 24, paint, 2.0),
    }


def _saw_bench(m: Rng) -> dict[str, U8]:
    """The kind's saw bench: a steel table on a box stand, a round blade's slot, a fence."""
    paint = _pick(m, [(80, 90, 100), (150, 60, 40)])
    front = _grained(m, 48, 32, paint, 2.0)
    cv2.rectangle(front, (18, 12), (30, 20), (40, 40, 44), -1)
    top = _steel(m, 48, 32, 175)
    cv2.line(top, (24, 4), (24, 28), (40, 40, 44), 1)
    cv2.rectangle(top, (4, 0), (6, 31), (200, 170, 40), -1)
    return {"front": front, "side": front, "top": top}


def _ends(rng: Rng, w: int, h: int) -> U8:
    """A stickered stack of sawn boards seen from its end: pale board ends with dark
    sticks between the layers."""
    wood = _between(rng, (190, 150, 100), (230, 200, 150))
    img = _grained(rng, w, h, wood, 5.0)
    for y in range(0, h, max(3, h // 8)):
        img[y : y + 1] = (70, 55, 40)
        for x in range(0, w, max(3, w // 6)):
            img[y : y + max(2, h // 8), x : x + 1] = _shade(wood, 0.75)
    return img


def _bark(rng: Rng) -> dict[str, U8]:
    """A log: bark along it, a pale end with rings."""
    bark = _grained(rng, 32, 16, _between(rng, (70, 55, 40), (120, 100, 80)), 12.0)
    end = _grained(rng, 16, 16, _between(rng, (200, 170, 120), (230, 205, 160)), 3.0)
    for rad in (3, 5, 7):
        cv2.circle(end, (8, 8), rad, _shade((200, 170, 120), 0.8), 1)
    return {"front": end, "back": end, "left": bark, "right": bark, "top": bark}


def _build_sawmill(b: _Build17) -> None:
    """A small sawmill's shed: timber cladding, concrete dusted with sawdust, a roof of
    sheets; the kind's band saw with a log on its carriage rails, the kind's saw bench, logs
    waiting, stacks of sawn boards, a roller table, a wide doorway onto the yard, a notice,
    a door."""
    r, m = b.fix, _mass_produced(b)
    saw, bench = _band_saw(m), _saw_bench(m)
    clad = _between(r, (110, 80, 55), (170, 130, 90))
    for name in _walls(b):
        tw, th, res = b.texels(name)
        b.fill(name, _wood(r, tw, th, clad, max(3, round(0.2 * res))))

    def dusty(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (140, 135, 125), (175, 170, 160)), 6.0)
        dust = _field(g, w, h, max(4, w // 6)) > 0.55
        img[dust] = (205, 180, 135)
        return img

    b.floor(dusty)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (160, 162, 160), 3.0))
    sx = float(r.uniform(-0.3, 0.3)) * b.w
    sz = b.d * float(r.uniform(0.55, 0.7))
    _model(b, Box(sx, sz, 1.4, 1.0, 2.8, 0.0, _faces(saw, "front")))
    rail = _steel(r, 8, 48, 150)
    for dx in (-1.1, -1.7):
        b.boxes.append(Box(sx + dx, sz, 0.08, 5.0, 0.25, 0.0, _all_faces(rail)))
    log_len = float(r.uniform(2.5, 4.5))
    b.boxes.append(Box(sx - 1.4, sz, 0.5, log_len, 0.5, 0.25, _bark(r)))
    fl = _Floor(b.w, b.d, 1.2)
    fl.take(0.0, 1.0, b.w, 2.0)  # the camera's end kept clear
    fl.take(sx - 0.6, sz, 3.0, 5.5)
    spot = fl.middle(r, 1.2, 0.9) or fl.against(r, 1.2, 0.9, ("left", "right"))
    if spot:
        _standing(b, spot, 0.9, bench, True)
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 1.2, 2.4, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _facing = spot
            ends = _ends(r, 32, 32)
            b.boxes.append(
                Box(
                    x,
                    z,
                    _w * 0.9,
                    _d * 0.9,
                    float(r.uniform(0.6, 1.6)),
                    0.1,
                    {
                        "front": ends,
                        "back": ends,
                        "left": _wood(r, 48, 16, (200, 165, 115), 4),
                        "right": _wood(r, 48, 16, (200, 165, 115), 4),
                        "top": _wood(r, 48, 16, (205, 170, 120), 4),
                    },
                )
            )
    for k in range(int(r.integers(1, 4))):
        b.boxes.append(
            Box(float(r.uniform(-0.3, 0.3)) * b.w, 2.2 + 0.6 * k, 3.0, 0.45, 0.45, 0.0, _bark(r))
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    at = float(r.uniform(1.0, max(1.1, wall.length - 4.5)))
    _window(wall, r, _outside(r, 64, 48), at, 0.0, 3.2, min(3.2, b.h - 0.8), clad)
    wall = b.wall(_other(side))
    wall.put(_label(r, wall.px(0.5), wall.px(0.6)), 1.9, 2.0)
    _small_things(b.wall("back"), ("socket",))
    _door(b.wall(_other(side)), r, _c(r, 30, 200))


# lock keeper's hut


def _hut_stove(m: Rng) -> dict[str, U8]:
    """The kind's stove: a small black cast-iron stove with a door and a vent."""
    front = _grained(m, 24, 24, (30, 30, 32), 2.0)
    cv2.rectangle(front, (5, 6), (18, 16), (50, 50, 54), 1)
    cv2.rectangle(front, (8, 19), (15, 21), (60, 60, 64), -1)
    return {"front": front, "side": _grained(m, 24, 24, (30, 30, 32), 2.0), "top": front}


def _lock_console(m: Rng) -> dict[str, U8]:
    """The kind's lock control console: a grey steel desk with a mimic of the lock, lamps
    and push buttons."""
    front = _grained(m, 48, 24, (150, 155, 160), 2.0)
    top = _grained(m, 48, 24, (170, 175, 180), 2.0)
    cv2.rectangle(top, (4, 8), (43, 14), (40, 80, 140), 1)
    for x in range(6, 44, 6):
        cv2.circle(top, (x, 19), 1, _pick(m, [(220, 40, 40), (40, 200, 60), (230, 200, 40)]), -1)
    return {"front": front, "side": front, "top": top}


def _lockside(rng: Rng, w: int, h: int) -> U8:
    """What a lock keeper's window looks out on: sky, the far towpath's hedge, the lock's
    water between stone sides, a black-and-white balance beam of a gate."""
    img = np.zeros((h, w, 3), np.uint8)
    sky_h = max(2, int(h * float(rng.uniform(0.3, 0.45))))
    img[:sky_h] = cv2.resize(_sky(rng, 16, 8), (w, sky_h))
    hedge = _grained(rng, w, max(1, h // 6), _between(rng, (40, 70, 40), (90, 120, 70)), 10.0)
    img[sky_h : sky_h + hedge.shape[0]] = hedge[: max(0, min(hedge.shape[0], h - sky_h))]
    y = min(h - 1, sky_h + hedge.shape[0])
    img[y:] = _grained(rng, w, h - y, _between(rng, (60, 80, 80), (110, 130, 120)), 4.0)
    stone = _between(rng, (150, 145, 135), (190, 185, 175))
    cv2.rectangle(img, (0, y), (w - 1, y + max(1, h // 20)), stone, -1)
    by = y - max(2, h // 10)
    x0 = int(rng.integers(0, max(1, w // 3)))
    cv2.line(img, (x0, by), (x0 + w // 2, by), (245, 245, 240), max(1, h // 24))
    for x in range(x0, x0 + w // 2, max(2, w // 16)):
        cv2.line(img, (x, by), (x + max(1, w // 32), by), (20, 20, 20), max(1, h // 24))
    return img


def _build_lock_keeper(b: _Build17) -> None:
    """A canal lock keeper's hut: painted boards or plaster, lino or boards, a boarded
    ceiling; windows on two or three sides onto the lock, the kind's control console under
    one, the kind's stove, windlasses on hooks, a lifebuoy, a desk with the lock's log, a
    notice of opening hours, a kettle, a door."""
    r, m = b.fix, _mass_produced(b)
    stove, console = _hut_stove(m), _lock_console(m)
    paint = _pick(r, [(230, 228, 215), (200, 220, 200), (215, 225, 235), _c(r, 140, 245)])
    if r.random() < 0.6:
        _panelled(b, paint, 0.12)
    else:
        _paint_of(b, paint)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_boards(_lighter(paint, 1.02)))
    trim = _pick(r, [(30, 60, 40), (120, 30, 30), (30, 40, 90)])
    for name in ("back", "left", "right")[: int(r.integers(2, 4))]:
        wall = b.wall(name)
        at = float(r.uniform(0.3, max(0.4, wall.length - 1.4)))
        _window(wall, r, _lockside(r, 64, 40), at, 1.0, 1.0, 0.9, trim)
    x, z, bw, bd = _wall_box(b, "back", float(r.uniform(0.3, max(0.4, b.w - 1.5))), 1.1, 0.55)
    _model(b, Box(x, z, bw, bd, 0.95, 0.0, _faces(console, "front")))
    side = str(r.choice(["left", "right"]))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(x, z, bw + 0.2, bd + 0.2)
    spot = fl.against(r, 0.5, 0.45, (side,))
    if spot:
        sx, sz, _w, _d, _f = spot
        _standing(b, spot, 0.6, stove, True)
        b.boxes.append(_pole(r, sx, sz, b.h - 0.6, 0.6, 0.05))
    spot = fl.against(r, 0.9, 0.5, (_other(side),))
    if spot:
        dx, dz, _w, _d, _facing = spot
        _box(
            b,
            spot,
            0.75,
            {"front": _cabinet(r, 2, 1, trim), "top": _wood(r, 32, 16, _wood_tone(r), 4)},
        )
        log = _sheet(r, 16, 12, (240, 236, 220), (60, 60, 120), 4)
        b.boxes.append(Box(dx, dz, 0.35, 0.25, 0.03, 0.75, _all_faces(log)))
        kettle = _steel(r, 8, 8, 200)
        b.boxes.append(Box(dx + 0.25, dz, 0.14, 0.14, 0.18, 0.75, _all_faces(kettle)))
    wall = b.wall(side)
    tools = _grained(r, wall.px(0.7), wall.px(0.4), paint, 2.0)
    th, tw = tools.shape[:2]
    for k in range(int(r.integers(2, 4))):
        x0 = (k + 1) * tw // 4
        cv2.line(tools, (x0, 2), (x0, th - 4), (40, 40, 42), max(1, tw // 40))
        cv2.line(tools, (x0, th - 4), (x0 + tw // 8, th - 4), (40, 40, 42), max(1, tw // 40))
    wall.put(tools, 1.7, 1.8)
    buoy = np.zeros((wall.px(0.6), wall.px(0.6), 3), np.uint8)
    buoy[:] = paint
    s = buoy.shape[0]
    cv2.circle(buoy, (s // 2, s // 2), s // 2 - 1, (220, 60, 40), max(2, s // 6))
    for a in (0.0, 1.57, 3.14, 4.71):
        cx, cy = (
            int(s / 2 + (s / 2 - s / 12) * np.cos(a)),
            int(s / 2 + (s / 2 - s / 12) * np.sin(a)),
        )
        cv2.circle(buoy, (cx, cy), max(1, s // 12), (245, 245, 240), -1)
    _paste(
        wall.img,
        buoy,
        wall.x_of(float(r.uniform(0.2, max(0.3, wall.length - 0.8)))),
        wall.y_of(2.0),
    )
    other = b.wall(_other(side))
    other.put(_label(r, other.px(0.4), other.px(0.5)), 1.8, 1.9)
    _small_things(other, ("clock",))
    _door(b.wall("front" if r.random() < 0.3 else _other(side)), r, trim)


# sign writer's workshop


def _easel(m: Rng) -> dict[str, U8]:
    """The kind's big studio easel: two wooden uprights, a ledge and a crank."""
    wood = _pick(m, [(170, 130, 85), (120, 85, 55)])
    front = _grained(m, 32, 64, (0, 0, 0), 0.0)
    front[:] = (25, 25, 25)
    cv2.rectangle(front, (3, 0), (7, 63), wood, -1)
    cv2.rectangle(front, (24, 0), (28, 63), wood, -1)
    cv2.rectangle(front, (0, 40), (31, 43), wood, -1)
    cv2.circle(front, (16, 56), 3, (60, 60, 62), -1)
    return {"front": front, "side": _wood(m, 16, 64, wood, 3), "top": _wood(m, 32, 16, wood, 3)}


def _paint_trolley(m: Rng) -> dict[str, U8]:
    """The kind's paint trolley: a steel trolley with three drawers and castors."""
    paint = _pick(m, [(200, 40, 35), (40, 60, 120), (60, 60, 64)])
    front = _grained(m, 32, 32, paint, 2.0)
    for y in (4, 13, 22):
        cv2.rectangle(front, (3, y), (28, y + 7), _shade(paint, 0.8), 1)
        cv2.rectangle(front, (13, y + 3), (18, y + 4), (200, 200, 205), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 32, paint, 2.0),
        "top": _steel(m, 32, 24, 180),
    }


def _alphabets(rng: Rng, w: int, h: int) -> U8:
    """Sheets of alphabets and lettering samples pinned up: white sheets with rows of
    letters in black, red and gold."""
    img = _grained(rng, w, h, (240, 236, 224), 1.0)
    step = max(4, h // 6)
    for y in range(step, h, step):
        ink = _pick(rng, [(20, 20, 20), (170, 30, 30), (180, 140, 50), (30, 50, 120)])
        _text(img, rng, _word(rng, (2, 4)).upper(), 2, y, max(3, step - 2), ink)
    return img


def _build_sign_writer(b: _Build17) -> None:
    """A sign writer's workshop: painted walls, boards spotted with paint; the kind's easel
    (one or two) each with a board in work, the kind's paint trolley, finished boards leaning
    on a wall, a bench of tins and brush jars, sheets of alphabets, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    easel, trolley = _easel(m), _paint_trolley(m)
    wall_c = _pick(r, [(235, 232, 222), (215, 220, 210), _c(r, 150, 245)])
    _paint_of(b, wall_c, 4.0)

    def spotted(g: Rng, w: int, h: int, res: float) -> U8:
        img = _wood(
            g, w, h, _between(g, (150, 110, 70), (200, 160, 110)), max(3, round(0.15 * res))
        )
        for _ in range(max(4, w * h // 400)):
            cv2.circle(img, (int(g.integers(0, w)), int(g.integers(0, h))), 1, _c(g, 30, 250), -1)
        return img

    b.floor(spotted)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(wall_c, 1.03), 2.0))
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 1.5, b.w, 3.0)  # the camera's end kept clear
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.2, 0.8)
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, 1.0, 0.6, 2.0, 0.0, _faces(easel, "front")))
            bw, bh = float(r.uniform(0.8, 1.4)), float(r.uniform(0.4, 0.7))
            ground = _c(r, 20, 240)
            board = _lettering(
                r,
                96,
                int(96 * bh / bw),
                ground,
                _pick(r, [(245, 240, 220), (20, 20, 20), (200, 160, 60)]),
            )
            b.boxes.append(Box(x, z - 0.32, bw, 0.03, bh, 1.0, _faces({"front": board}, "front")))
    spot = fl.against(r, 0.6, 0.5, ("left", "right", "back"))
    if spot:
        _standing(b, spot, 0.85, trolley, True)
    side = str(r.choice(["left", "right"]))
    for k in range(int(r.integers(2, 5))):
        x, z, bw, bd = _wall_box(b, side, 0.8 + 0.9 * k, float(r.uniform(0.6, 1.2)), 0.04)
        sign = _lettering(r, 64, 32, _c(r, 20, 240), _pick(r, [(245, 240, 220), (20, 20, 20)]))
        b.boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                float(r.uniform(0.4, 0.9)),
                0.0,
                _faces({"front": sign}, _inward(side)),
            )
        )
    spot = fl.against(r, 1.8, 0.6, (_other(side), "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
        for k in range(int(r.integers(3, 8))):
            tin = _grained(r, 8, 8, _c(r, 30, 250), 2.0)
            tin[:2] = (190, 190, 195)
            off = -_w / 2 + 0.15 + k * 0.2
            tx, tz = (x + off, z) if facing in ("front", "back") else (x, z + off)
            b.boxes.append(Box(tx, tz, 0.12, 0.12, 0.14, 0.9, _all_faces(tin)))
    wall = b.wall(_other(side))
    wall.put(_alphabets(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.8)), 2.2, 2.4)
    back = b.wall("back")
    _window(
        back,
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.5, max(0.6, b.w - 1.8))),
        1.0,
        1.4,
        1.3,
        _c(r, 30, 220),
    )
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice([side, _other(side)]))), r, _c(r, 30, 220))


# herbarium


def _herbarium_cabinet(m: Rng) -> dict[str, U8]:
    """The kind's herbarium cabinet: a tall steel cupboard of two doors with a lever
    handle, a label holder and a vent."""
    paint = _pick(m, [(215, 205, 180), (190, 195, 190), (170, 185, 200)])
    front = _grained(m, 32, 64, paint, 2.0)
    cv2.line(front, (16, 2), (16, 61), _shade(paint, 0.7), 1)
    cv2.rectangle(front, (13, 28), (14, 38), (60, 60, 64), -1)
    cv2.rectangle(front, (4, 6), (12, 10), (245, 245, 240), -1)
    for y in range(54, 60, 2):
        cv2.line(front, (20, y), (28, y), _shade(paint, 0.6), 1)
    return {
        "front": front,
        "side": _grained(m, 32, 64, paint, 2.0),
        "top": _grained(m, 32, 32, paint, 2.0),
    }


def _plant_press(m: Rng) -> dict[str, U8]:
    """The kind's plant press: two wooden lattices with straps round a stack of paper."""
    wood = _pick(m, [(180, 140, 90), (150, 110, 70)])
    front = _grained(m, 32, 16, (235, 230, 215), 2.0)
    front[:3] = wood
    front[-3:] = wood
    for x in (8, 24):
        front[:, x : x + 2] = (60, 50, 40)
    top = _grained(m, 32, 32, (40, 40, 40), 1.0)
    for k in range(0, 32, 6):
        top[k : k + 2] = wood
        top[:, k : k + 2] = wood
    return {"front": front, "side": front, "top": top}


def _specimen(rng: Rng, w: int, h: int) -> U8:
    """A herbarium sheet: white card, a pressed plant (a stem, leaves, a flower head), a
    label in the corner."""
    img = _grained(rng, w, h, (242, 240, 232), 1.0)
    green = _between(rng, (60, 90, 40), (120, 140, 70))
    x = int(rng.integers(w // 3, 2 * w // 3))
    top = int(rng.integers(h // 8, h // 3))
    cv2.line(img, (x, h - 2), (x + int(rng.integers(-w // 6, w // 6 + 1)), top), green, 1)
    for _ in range(int(rng.integers(3, 8))):
        ly = int(rng.integers(top, h - 2))
        cv2.ellipse(
            img,
            (x + int(rng.integers(-w // 5, w // 5 + 1)), ly),
            (max(1, w // 10), max(1, w // 24)),
            float(rng.uniform(0, 180)),
            0.0,
            360.0,
            green,
            -1,
        )
    cv2.circle(img, (x, top), max(1, w // 14), _c(rng, 60, 230), -1)
    cv2.rectangle(img, (w * 2 // 3, h * 5 // 6), (w - 2, h - 2), (200, 200, 190), 1)
    return img


def _build_herbarium(b: _Build17) -> None:
    """A herbarium's collection room: painted walls, lino, a tiled ceiling; rows of the
    kind's cabinets (four to eight) back to back or along a wall, the kind's plant press on
    a bench, a mounting table with sheets out, specimen sheets pinned on a board, a window
    with a blind, a hygrometer's dial, a door."""
    r, m = b.fix, _mass_produced(b)
    cab, press = _herbarium_cabinet(m), _plant_press(m)
    _paint_of(b, _pick(r, [(235, 235, 228), (220, 228, 222), _c(r, 160, 245)]), 2.0)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    n = int(r.integers(4, 9))
    along_wall = r.random() < 0.5
    for k in range(n):
        if along_wall:
            x, z, bw, bd = _wall_box(b, side, 0.8 + 0.75 * k, 0.72, 0.55)
            if z + 0.4 > b.d:
                break
            _model(b, Box(x, z, bw, bd, 2.2, 0.0, _faces(cab, _inward(side))))
        else:
            x = sgn * (b.w / 2 - 1.6)
            z = 1.8 + 0.75 * k
            if z + 0.6 > b.d:
                break
            for dx, face in ((-0.28, "left"), (0.28, "right")):
                _model(b, Box(x + dx, z, 0.55, 0.72, 2.2, 0.0, _faces(cab, face)))
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 1.0, b.w, 2.0)  # the camera's end kept clear
    fl.take(sgn * (b.w / 2 - 1.2), b.d / 2, 2.4, b.d)
    spot = fl.middle(r, 1.6, 0.9) or fl.against(r, 1.6, 0.9, (_other(side), "back"))
    if spot:
        x0, z0, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        for k in range(int(r.integers(1, 4))):
            sheet = _specimen(r, 24, 36)
            b.boxes.append(Box(x0 - 0.45 + 0.4 * k, z0, 0.28, 0.42, 0.01, 0.75, _all_faces(sheet)))
    spot = fl.against(r, 1.0, 0.5, (_other(side), "back"))
    if spot:
        px, pz, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 32, 16, _wood_tone(r), 4)},
        )
        _model(b, Box(px, pz, 0.45, 0.32, 0.2, 0.85, _faces(press, facing)))
    wall = b.wall(_other(side))
    board = _grained(r, wall.px(1.4), wall.px(0.8), (180, 150, 110), 4.0)
    bh, bw_ = board.shape[:2]
    for k in range(int(r.integers(2, 5))):
        sh = _specimen(r, max(4, bw_ // 5), max(6, bh * 3 // 4))
        _paste(board, sh, 2 + k * (bw_ // 4), bh // 8)
    wall.put(board, 2.0, 2.2)
    hyg = np.zeros((wall.px(0.22), wall.px(0.22), 3), np.uint8)
    hyg[:] = _wood_tone(r)
    s = hyg.shape[0]
    _dial(hyg, s // 2, s // 2, max(2, s // 2 - 2), (240, 236, 220), float(r.uniform(0, 1)))
    _paste(
        wall.img, hyg, wall.x_of(float(r.uniform(0.3, max(0.4, wall.length - 0.6)))), wall.y_of(1.7)
    )
    back = b.wall("back")
    blind = _grained(r, 48, 48, (235, 232, 220), 1.0)
    for y in range(0, 48, 3):
        blind[y] = (205, 200, 190)
    blind[32:] = cv2.resize(_outside(r, 48, 16), (48, 16))
    _window(
        back, r, blind, float(r.uniform(0.5, max(0.6, b.w - 1.8))), 1.0, 1.3, 1.3, (230, 230, 226)
    )
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", _other(side)]))), r, _c(r, 60, 220))


# switchboard room


def _switchboard(m: Rng) -> dict[str, U8]:
    """The kind's manual switchboard position: a wooden cabinet with a field of jacks, rows
    of lamps, a key shelf with cords and plugs."""
    wood = _pick(m, [(110, 60, 35), (150, 105, 65)])
    front = _wood(m, 48, 64, wood, 3)
    cv2.rectangle(front, (4, 4), (43, 36), (30, 28, 26), -1)
    for y in range(7, 34, 4):
        for x in range(7, 42, 3):
            front[y, x] = (200, 170, 80)
    for x in range(7, 42, 3):
        front[38, x] = _pick(m, [(230, 220, 180), (200, 60, 40)])
    cv2.rectangle(front, (0, 42), (47, 48), _shade(wood, 0.7), -1)
    for x in range(4, 46, 4):
        cv2.line(front, (x, 48), (x, 60), (20, 20, 20), 1)
        front[42, x] = (200, 170, 80)
    return {"front": front, "side": _wood(m, 32, 64, wood, 3), "top": _wood(m, 48, 32, wood, 3)}


def _relay_rack(m: Rng) -> dict[str, U8]:
    """The kind's relay rack: a grey steel frame with shelves of relays in rows."""
    front = _grained(m, 32, 64, (120, 124, 128), 2.0)
    for y in range(3, 62, 5):
        front[y : y + 3, 2:30] = (70, 72, 76)
        for x in range(3, 30, 2):
            front[y + 1, x] = (190, 190, 195)
    return {
        "front": front,
        "side": _grained(m, 24, 64, (110, 112, 116), 2.0),
        "top": _grained(m, 32, 24, (110, 112, 116), 2.0),
    }


def _build_switchboard(b: _Build17) -> None:
    """An old telephone exchange's switchboard room (kept as it was): painted walls over a
    dark dado, parquet or lino; the kind's switchboard positions (two to five) in a row
    along the back wall, the kind's relay racks (two to four) along a side, a supervisor's
    desk, tall windows, a clock, a notice, a door."""
    r, m = b.fix, _mass_produced(b)
    board, rack = _switchboard(m), _relay_rack(m)
    paint = _pick(r, [(230, 225, 205), (215, 225, 215), _c(r, 150, 240)])
    _paint_of(b, paint, 2.0)
    dado = _pick(r, [(90, 60, 40), (40, 60, 50), (60, 50, 70)])
    for name in _walls(b):
        w_ = b.wall(name)
        y = w_.y_of(1.0)
        w_.img[y:] = _grained(r, w_.img.shape[1], w_.img.shape[0] - y, dado, 2.0)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(paint, 1.03), 2.0))
    n = min(int(r.integers(2, 6)), int((b.w - 0.6) / 0.9))
    x0 = -n * 0.9 / 2 + 0.45 + float(r.uniform(-0.3, 0.3))
    for k in range(n):
        _model(b, Box(x0 + 0.9 * k, b.d - 0.45, 0.9, 0.7, 1.6, 0.0, _faces(board, "front")))
    side = str(r.choice(["left", "right"]))
    for k in range(int(r.integers(2, 5))):
        x, z, bw, bd = _wall_box(b, side, 1.0 + 0.7 * k, 0.6, 0.45)
        if z + 0.6 > b.d - 1.0:
            break
        _model(b, Box(x, z, bw, bd, 2.2, 0.0, _faces(rack, _inward(side))))
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, b.d - 0.45, b.w, 1.6)
    spot = fl.middle(r, 1.3, 0.7) or fl.against(r, 1.3, 0.7, (_other(side),))
    if spot:
        x, z, _w, _d, _f = spot
        _box(
            b,
            spot,
            0.76,
            {"front": _cabinet(r, 2, 2, _wood_tone(r)), "top": _wood(r, 32, 16, _wood_tone(r), 4)},
        )
        book = _sheet(r, 16, 12, (235, 230, 215), (40, 40, 60), 4)
        b.boxes.append(Box(x, z, 0.4, 0.3, 0.04, 0.76, _all_faces(book)))
    wall = b.wall(_other(side))
    at = float(r.uniform(0.8, 1.4))
    while at + 1.0 < wall.length - 0.8:
        _window(wall, r, _outside(r, 32, 64), at, 1.1, 1.0, min(1.9, b.h - 1.4), _c(r, 30, 200))
        at += float(r.uniform(1.8, 2.4))
    back = b.wall("back")
    _small_things(back, ("clock",))
    back.put(_label(r, back.px(0.5), back.px(0.6)), 2.2, 2.4)
    _door(b.wall(str(r.choice([side, "front"]))), r, dado)


# globe maker's workshop


def _globe_stand(m: Rng) -> dict[str, U8]:
    """The kind's globe stand: a turned wooden stand with a brass half-meridian."""
    wood = _pick(m, [(120, 80, 45), (170, 130, 85), (40, 30, 25)])
    front = _grained(m, 32, 48, (0, 0, 0), 0.0)
    front[:] = (30, 28, 26)
    cv2.rectangle(front, (14, 8), (17, 47), wood, -1)
    cv2.rectangle(front, (6, 42), (25, 47), wood, -1)
    cv2.ellipse(front, (16, 8), (12, 8), 0.0, 180.0, 360.0, (200, 170, 80), 1)
    return {"front": front, "side": front, "top": _grained(m, 32, 32, wood, 2.0)}


def _drying_cabinet(m: Rng) -> dict[str, U8]:
    """The kind's gore drying cabinet: a painted cupboard of many thin wire-fronted
    trays."""
    paint = _pick(m, [(220, 215, 200), (70, 90, 110)])
    front = _grained(m, 48, 48, paint, 2.0)
    for y in range(3, 46, 4):
        cv2.line(front, (3, y), (44, y), _shade(paint, 0.65), 1)
    return {
        "front": front,
        "side": _grained(m, 32, 48, paint, 2.0),
        "top": _grained(m, 48, 32, paint, 2.0),
    }


def _world(rng: Rng, s: int) -> U8:
    """A made-up globe's face: blue sea, land in buff, green and pink, grid lines, on a
    dark ground round the sphere."""
    img = np.zeros((s, s, 3), np.uint8)
    img[:] = (40, 36, 32)
    sea = _between(rng, (150, 190, 210), (200, 220, 225))
    face = np.zeros((s, s, 3), np.uint8)
    face[:] = sea
    for col in ((230, 215, 170), (170, 200, 140), (230, 190, 190)):
        land = _field(rng, s, s, max(3, s // 4)) > 0.62
        face[land] = col
    for k in range(1, 4):
        cv2.line(face, (0, k * s // 4), (s - 1, k * s // 4), _shade(sea, 0.8), 1)
        cv2.ellipse(
            face, (s // 2, s // 2), (k * s // 8, s // 2), 0.0, 0.0, 360.0, _shade(sea, 0.8), 1
        )
    mask = np.zeros((s, s), np.uint8)
    cv2.circle(mask, (s // 2, s // 2), s // 2 - 1, 1, -1)
    img[mask > 0] = face[mask > 0]
    return img


def _gores(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Printed globe gores hung to dry on a line: pointed strips of a map."""
    img = _grained(rng, w, h, wall, 2.0)
    cv2.line(img, (0, 2), (w - 1, 2), (60, 60, 60), 1)
    n = int(rng.integers(4, 10))
    gw = max(3, w // (n + 1))
    for k in range(n):
        x = (k + 1) * w // (n + 1)
        strip = _world(rng, max(4, gw))
        strip = cv2.resize(strip, (gw, max(4, h - 6)))
        pts = np.array([[x, 3], [x + gw // 2, h // 2], [x, h - 3], [x - gw // 2, h // 2]], np.int32)
        mask = np.zeros((h, w), np.uint8)
        cv2.fillPoly(mask, [pts], 1)
        full = np.zeros_like(img)
        x0 = max(0, x - gw // 2)
        x1 = min(w, x0 + gw)
        full[3 : 3 + strip.shape[0], x0:x1] = strip[: h - 3, : x1 - x0]
        img[mask > 0] = full[mask > 0]
    return img


def _build_globe_maker(b: _Build17) -> None:
    """A globe maker's workshop: painted walls, boards, a plain ceiling; the kind's globe
    stands (two to five) each with a globe of the workshop's own making, the kind's drying
    cabinet, gores drying on a line, a bench with blank spheres, shelves of small globes,
    a window, a door. Every map is made up."""
    r, m = b.fix, _mass_produced(b)
    stand, cabinet = _globe_stand(m), _drying_cabinet(m)
    wall_c = _pick(r, [(236, 230, 215), (210, 220, 225), _c(r, 150, 245)])
    _paint_of(b, wall_c, 3.0)
    b.floor(_planks)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(wall_c, 1.03), 2.0))
    fl = _Floor(b.w, b.d, 0.9)
    fl.take(0.0, 1.0, b.w, 2.0)  # the camera's end kept clear
    for _ in range(int(r.integers(2, 6))):
        spot = fl.middle(r, 0.6, 0.6) or fl.against(r, 0.6, 0.6, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, facing = spot
            size = float(r.uniform(0.35, 0.6))
            _model(b, Box(x, z, 0.5, 0.5, 0.9, 0.0, _faces(stand, "front")))
            b.boxes.append(Box(x, z, size, size, size, 0.9, _all_faces(_world(r, 32))))
    spot = fl.against(r, 1.0, 0.6, ("left", "right", "back"))
    if spot:
        _standing(b, spot, 1.6, cabinet, True)
    spot = fl.against(r, 1.8, 0.7, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
        for k in range(int(r.integers(1, 4))):
            blank = _grained(r, 16, 16, (240, 238, 230), 2.0)
            off = -_w / 2 + 0.3 + 0.45 * k
            tx, tz = (x + off, z) if facing in ("front", "back") else (x, z + off)
            b.boxes.append(Box(tx, tz, 0.3, 0.3, 0.3, 0.9, _all_faces(blank)))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_gores(r, wall.px(float(r.uniform(1.5, 2.5))), wall.px(0.7), wall_c), 2.3, 2.5)

    def small_globe(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        s = max(3, min(iw, ih))
        _paste(img, _world(r, s), x, max(0, y1 - s))

    other = b.wall(_other(side))
    other.put(
        _shelved(
            r, other.px(float(r.uniform(1.0, 1.8))), other.px(0.9), _wood_tone(r), small_globe
        ),
        2.1,
        2.3,
    )
    back = b.wall("back")
    _window(
        back,
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.4, max(0.5, b.w - 1.6))),
        1.0,
        1.2,
        1.2,
        _c(r, 30, 220),
    )
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice([side, _other(side)]))), r, _c(r, 30, 220))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _hall(rng: Rng, w: int, h: int) -> U8:
    """A conference hall seen from an interpreters' booth: rows of desks with microphones,
    a stage with a screen and flags of colour, ceiling lights."""
    img = _grained(rng, w, h, _between(rng, (120, 110, 100), (170, 160, 150)), 3.0)
    cv2.rectangle(img, (w // 4, h // 10), (3 * w // 4, h // 3), (235, 238, 240), -1)
    cv2.rectangle(img, (0, h // 3), (w - 1, h // 3 + max(1, h // 12)), _c(rng, 40, 160), -1)
    desk = _between(rng, (170, 140, 100), (220, 200, 170))
    for k in range(5):
        y = h // 2 + k * h // 10
        cv2.line(img, (w // 12 - k * 2, y), (w - w // 12 + k * 2, y), desk, max(1, h // 30))
        for x in range(w // 10, w - w // 10, max(3, w // 14)):
            img[max(0, y - 2), x] = (30, 30, 30)
    for x in range(w // 8, w, w // 4):
        cv2.circle(img, (x, 2), max(1, h // 30), (255, 250, 230), -1)
    return np.asarray(cv2.GaussianBlur(img, (0, 0), 0.6), np.uint8)


def _build_interp_booth(b: _Build17) -> None:
    """An interpreters' booth of one conference centre: every fixed thing the template's
    (the fabric walls, the window and the hall seen through it, the desk, the two consoles,
    the microphones, the lamp, the carpet and ceiling); the booth's language plate, a note
    on the side wall and what lies on the desk its own (little)."""
    r, o = b.fix, b.own
    cloth = _pick(r, [(90, 95, 110), (130, 120, 110), (70, 80, 90)])
    for name in _walls(b):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, cloth, 3.0)
        for x in range(0, tw, max(4, round(0.6 * res))):
            img[:, x : x + 1] = _shade(cloth, 0.75)
        b.fill(name, img)
    b.floor(lambda g, w, h, res: _grained(g, w, h, _between(g, (60, 60, 70), (100, 90, 90)), 5.0))
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    win = _opening(back, 0.2, 0.85, b.w - 0.4, 1.0)
    x0, y0, x1, y1 = win
    frame = _pick(r, [(40, 40, 44), (180, 180, 184)])
    back.img[y0:y1, x0:x1] = frame
    _into(back, (x0 + 2, y0 + 2, x1 - 2, y1 - 2), _hall(r, 96, 40))
    top = _grained(r, 48, 16, _between(r, (150, 150, 150), (220, 215, 205)), 2.0)
    front = _grained(r, 48, 16, _shade(cloth, 0.9), 2.0)
    dz = b.d - 0.3
    b.boxes.append(
        Box(
            0.0,
            dz,
            b.w - 0.1,
            0.55,
            0.74,
            0.0,
            {"front": front, "top": top, "left": front, "right": front, "back": front},
        )
    )
    b.tops.append((0.0, dz - 0.1, b.w * 0.3, 0.2, 0.74))
    console = _grained(r, 24, 16, (50, 52, 56), 1.5)
    for x in range(3, 22, 4):
        cv2.rectangle(
            console,
            (x, 9),
            (x + 2, 12),
            _pick(r, [(230, 230, 226), (200, 40, 40), (40, 160, 60)]),
            -1,
        )
    for dx in (-0.45, 0.45):
        b.boxes.append(
            Box(
                dx * b.w / 2.2,
                dz + 0.05,
                0.36,
                0.22,
                0.07,
                0.74,
                _faces({"front": console, "top": console}, "front"),
            )
        )
        b.boxes.append(_pole(r, dx * b.w / 2.2, dz + 0.12, 0.3, 0.81, 0.008))
    lamp = _grained(r, 8, 16, (30, 30, 34), 2.0)
    b.boxes.append(Box(0.0, dz + 0.15, 0.1, 0.1, 0.35, 0.74, _all_faces(lamp)))
    # The booth's own: its language plate, a note, papers and a cup on the desk.
    plate = _grained(o, back.px(0.26), back.px(0.09), (245, 245, 240), 1.0)
    _text(
        plate, o, _word(o, (1, 2)).upper(), 2, plate.shape[0] - 2, plate.shape[0] - 3, (30, 30, 30)
    )
    _paste(back.img, plate, back.x_of(float(o.uniform(0.25, b.w - 0.6))), back.y_of(2.0))
    side = b.wall(str(o.choice(["left", "right"])))
    note = _grained(
        o,
        side.px(0.1),
        side.px(0.1),
        _pick(o, [(250, 240, 120), (250, 180, 200), (160, 230, 250)]),
        1.0,
    )
    _paste(side.img, note, side.x_of(float(o.uniform(0.3, b.d - 0.4))), side.y_of(1.4))
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        paper = _sheet(o, 12, 16, (245, 245, 240), (40, 40, 40), 5)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.6, 0.6)) * b.w / 2,
                dz - float(o.uniform(0.0, 0.15)),
                0.21,
                0.29,
                0.01,
                0.74,
                _all_faces(paper),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)), float(o.uniform(0.3, 0.5)))
    st.look = (0.0, 1.2, b.d)


def _spatter(o: Rng, w: int, h: int, wall: Colour) -> U8:
    """A welding bay's back wall round the bench: soot and spatter, chalked marks, the
    trainee's bay number painted large."""
    img = _grained(o, w, h, wall, 2.0).astype(np.float32)
    soot = np.clip(_field(o, w, h, max(4, w // 4)) - 0.35, 0, 1)[:, :, None]
    img = img * (1 - 0.8 * soot)
    out = _u8(img)
    for _ in range(max(6, w * h // 60)):
        out[int(o.integers(0, h)), int(o.integers(0, w))] = (30, 28, 26)
    for _ in range(int(o.integers(2, 6))):
        x, y = int(o.integers(0, w)), int(o.integers(0, h))
        cv2.line(
            out,
            (x, y),
            (x + int(o.integers(-w // 4, w // 4 + 1)), y + int(o.integers(-3, 4))),
            (235, 235, 225),
            1,
        )
    _text(out, o, str(int(o.integers(1, 40))), 2, h // 3, max(4, h // 4), (245, 220, 40))
    return out


def _build_weld_booth(b: _Build17) -> None:
    """A welding booth of one training college: every fixed thing the template's (the steel
    screens, the steel bench, the extraction arm and hood, the grinder, the floor and the
    open ceiling); the sooted and chalked wall round the bench with the bay's number, the
    notices, the gloves on the hook and the practice pieces on the bench its own (between a
    carrel's little and a railway arch's much)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(120, 125, 120), (60, 90, 80), (150, 150, 140)])
    _panelled(b, paint, 1.0)
    b.floor(_concrete(_between(r, (120, 120, 118), (160, 158, 150))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (50, 50, 54), 3.0))
    dz = b.d - 0.4
    top = _steel(r, 48, 24, 140)
    body = _grained(r, 48, 16, (70, 70, 74), 2.0)
    b.boxes.append(
        Box(
            0.0,
            dz,
            b.w - 0.4,
            0.7,
            0.85,
            0.0,
            {"front": body, "top": top, "left": body, "right": body, "back": body},
        )
    )
    b.tops.append((0.0, dz, b.w * 0.35, 0.25, 0.85))
    hx = float(r.uniform(-0.3, 0.3)) * b.w
    b.boxes.append(_pole(r, hx, dz + 0.2, b.h - 1.6, 1.6, 0.05))
    hood = _grained(r, 16, 16, _pick(r, [(230, 190, 30), (200, 200, 200)]), 2.0)
    b.boxes.append(Box(hx, dz - 0.1, 0.35, 0.35, 0.3, 1.35, _all_faces(hood)))
    grinder = _grained(r, 16, 12, (40, 80, 150), 2.0)
    b.boxes.append(Box(b.w / 2 - 0.45, dz, 0.3, 0.25, 0.25, 0.85, _all_faces(grinder)))
    # The booth's own: the wall round the bench, notices, gloves, practice pieces.
    back = b.wall("back")
    box = _opening(back, 0.2, 0.85, b.w - 0.4, 1.1)
    x0, y0, x1, y1 = box
    back.img[y0:y1, x0:x1] = _spatter(o, x1 - x0, y1 - y0, paint)
    side = str(o.choice(["left", "right"]))
    wall = b.wall(side)
    for _ in range(int(o.integers(1, 3))):
        _paste(
            wall.img,
            _label(o, wall.px(0.3), wall.px(0.42)),
            wall.x_of(float(o.uniform(0.2, max(0.3, b.d - 0.6)))),
            wall.y_of(float(o.uniform(1.5, 1.9))),
        )
    gloves = _grained(
        o,
        wall.px(0.2),
        wall.px(0.3),
        _pick(o, [(200, 120, 40), (40, 80, 160), (160, 40, 40), (90, 90, 90)]),
        4.0,
    )
    _paste(wall.img, gloves, wall.x_of(float(o.uniform(0.3, max(0.4, b.d - 0.5)))), wall.y_of(1.3))
    st = _b17(b)
    for _ in range(int(o.integers(2, 5))):
        piece = _steel(o, 16, 8, int(o.integers(110, 170)))
        cv2.line(piece, (0, 4), (15, 4), (60, 58, 56), 2)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.35, 0.35)) * b.w,
                dz + float(o.uniform(-0.2, 0.2)),
                float(o.uniform(0.1, 0.3)),
                float(o.uniform(0.08, 0.2)),
                0.02,
                0.85,
                _all_faces(piece),
            )
        )
    st.stand = (float(o.uniform(-0.3, 0.3)), float(o.uniform(0.3, 0.55)))
    st.look = (float(o.uniform(-0.3, 0.3)), 1.0, b.d)


def _tenant_wall(o: Rng, w: int, h: int, colour: Colour) -> U8:
    """A tenant's lower wall in a railway arch: their own paint, shelving and signs."""

    def stock(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(img, (x, y1 - ih), (x + max(1, iw // 2), y1), _c(o, 30, 240), -1)

    img = _grained(o, w, h, colour, 3.0)
    if o.random() < 0.7:
        sw = int(w * float(o.uniform(0.25, 0.5)))
        sx = int(o.integers(0, max(1, w - sw)))
        img[h // 4 :, sx : sx + sw] = _shelved(o, sw, h - h // 4, _wood_tone(o), stock)[:, : w - sx]
    return img


def _build_rail_arch(b: _Build17) -> None:
    """A unit under a railway viaduct, one of a row let to different tenants: every fixed
    thing the template's (the size, the brick walls and vault, the small back window and
    door, the concrete floor, the strip lights); the paint and shelving on the lower walls,
    the tenant's sign and everything standing inside the tenant's own (much)."""
    r, o = b.fix, b.own
    brick = _between(r, (130, 70, 50), (180, 120, 90))
    _walls_of(b, 0.0, brick, 1.0)

    def vault(g: Rng, w: int, h: int, res: float) -> U8:
        img = _tiles(g, w, h, max(3, round(0.25 * res)), brick, _shade(brick, 0.7))
        for x in range(w):  # darker towards the springing lines
            img[:, x] = (
                img[:, x].astype(np.float32) * (0.7 + 0.3 * np.sin(np.pi * x / max(1, w - 1)))
            ).astype(np.uint8)
        return img

    b.ceiling(vault)
    b.floor(_concrete(_between(r, (130, 130, 128), (170, 168, 160))))
    back = b.wall("back")
    _window(
        back,
        r,
        _sky(r, 32, 16),
        float(r.uniform(0.5, max(0.6, b.w - 1.6))),
        b.h - 1.6,
        1.0,
        0.6,
        (40, 40, 44),
    )
    _door(back, r, (50, 50, 54))
    light = _grained(r, 8, 32, (250, 250, 245), 1.0)
    for k in range(int(r.integers(2, 4))):
        b.boxes.append(Box(0.0, 2.0 + 3.0 * k, 0.12, 1.5, 0.06, b.h - 0.3, _all_faces(light)))
    # The tenant's own: paint and shelving on the lower walls, a sign, what stands inside.
    colour = _c(o, 80, 245)
    height = float(o.uniform(2.0, 2.6))
    for name in ("left", "right"):
        wall = b.wall(name)
        y = wall.y_of(height)
        th = wall.img.shape[0] - y
        wall.img[y:] = _tenant_wall(o, wall.img.shape[1], th, colour)
    sign = _lettering(
        o, back.px(1.6), back.px(0.4), _c(o, 20, 230), _pick(o, [(250, 250, 245), (20, 20, 20)])
    )
    _paste(back.img, sign, back.x_of(float(o.uniform(0.3, max(0.4, b.w - 2.0)))), back.y_of(2.6))
    st = _b17(b)
    sgn = float(o.choice([-1.0, 1.0]))
    for k in range(int(o.integers(3, 7))):
        kind = int(o.integers(0, 3))
        x = (
            sgn * (b.w / 2 - float(o.uniform(0.5, 1.2)))
            if k % 2
            else -sgn * (b.w / 2 - float(o.uniform(0.5, 1.0)))
        )
        z = float(o.uniform(2.5, b.d - 1.0))
        if kind == 0:  # a workbench or counter
            tex = {
                "front": _cabinet(o, 3, 1, _c(o, 40, 220)),
                "top": _wood(o, 32, 16, _wood_tone(o), 4),
            }
            st.own_boxes.append(
                Box(x, z, 0.7, 1.8, 0.9, 0.0, _faces(tex, "left" if x > 0 else "right"))
            )
        elif kind == 1:  # a stack of crates or cartons
            crate = _grained(
                o, 16, 16, _pick(o, [(190, 160, 110), (60, 110, 170), (40, 120, 60)]), 3.0
            )
            st.own_boxes.append(
                Box(x, z, 0.8, 0.8, float(o.uniform(0.6, 1.6)), 0.0, _all_faces(crate))
            )
        else:  # a tall rack of the tenant's stock
            rack = _shelved(
                o,
                32,
                48,
                _c(o, 30, 200),
                lambda img, x_, y1, iw, ih: cv2.rectangle(
                    img, (x_, y1 - ih), (x_ + max(1, iw // 2), y1), _c(o, 30, 240), -1
                ),
            )
            st.own_boxes.append(
                Box(x, z, 0.5, 1.6, 2.0, 0.0, _faces({"front": rack}, "left" if x > 0 else "right"))
            )
    st.stand = (float(o.uniform(-0.4, 0.4)), float(o.uniform(0.5, 1.0)))
    st.look = (float(o.uniform(-0.5, 0.5)), 1.4, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "ropewalk": _build_ropewalk,
    "tack room": _build_tack_room,
    "sawmill": _build_sawmill,
    "lock keeper's hut": _build_lock_keeper,
    "sign writer's workshop": _build_sign_writer,
    "herbarium": _build_herbarium,
    "switchboard room": _build_switchboard,
    "globe maker's workshop": _build_globe_maker,
    "interpbooth": _build_interp_booth,
    "weldbooth": _build_weld_booth,
    "railarch": _build_rail_arch,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v25's kinds and v25's day seeds."""

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
    """The place's own camera: near the front wall at eye height, looking in (where its
    builder stands it, aimed at what it looks at)."""
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
    if base == "interpbooth":
        y = float(rng.uniform(1.2, 1.35))  # seated at the desk
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
    """The original picture of a place, carrying its ``Place`` for ``views_v25``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v25(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v25 (``bench/link.py --generator v25``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v25``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    sawmill, sign writer's workshop or switchboard room."""
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
    """The place's camera moved up to ``reach`` m (x0.25 in an interpreting booth, x0.4 in
    a welding booth, x0.5 in a lock keeper's hut, x0.7 in a tack room), its height kept
    within 0.08 m, turned up to ``turn`` degrees and tilted up to 4; the first of 8 moves
    that leaves it clear of every thing by 0.15 m, or not moved."""
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


def orton_glow(img: U8, rng: Rng) -> U8:
    """The shot through a phone's "dreamy" filter (the Orton effect): a copy brightened
    x1.3-1.6 and blurred (6-10 px at 400) screened over it at 35-55 %, then x1.08 contrast
    and x1.1 saturation."""
    s = _scale(img.shape[1])
    f = img.astype(np.float32) / 255
    bright = np.clip(f * float(rng.uniform(1.3, 1.6)), 0, 1)
    soft = cv2.GaussianBlur(bright, (0, 0), float(rng.uniform(6, 10)) * s)
    a = float(rng.uniform(0.35, 0.55))
    out = f * (1 - a) + (1 - (1 - f) * (1 - soft)) * a
    out = (out - 0.5) * 1.08 + 0.5
    grey = out.mean(axis=2, keepdims=True)
    out = grey + (out - grey) * 1.1
    return _noise(_u8(out * 255), rng, 1.5)


def amp_glow(img: U8, rng: Rng) -> U8:
    """The shot as a long exposure on a warm phone sensor: a magenta amplifier glow from
    one corner (25-50 of 255 there, falling off over 15-30 % of the width), hot pixels
    (0.05-0.15 %, some 2 x 2), colour noise (sigma 4-6), the picture x0.9-1.0."""
    h, w = img.shape[:2]
    yy, xx = _grid(h, w)
    cx, cy = float(rng.choice([0.0, w - 1.0])), float(rng.choice([0.0, h - 1.0]))
    d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / w
    glow = np.exp(-d / float(rng.uniform(0.15, 0.3))) * float(rng.uniform(25, 50))
    f = img.astype(np.float32) * float(rng.uniform(0.9, 1.0))
    f += glow[:, :, None] * np.array([1.0, 0.35, 0.9], np.float32)
    f += rng.normal(0, float(rng.uniform(4, 6)), f.shape).astype(np.float32)
    out = _u8(f)
    for _ in range(max(3, int(h * w * float(rng.uniform(0.0005, 0.0015))))):
        y, x = int(rng.integers(0, h - 1)), int(rng.integers(0, w - 1))
        col = _pick(rng, [(255, 60, 60), (60, 255, 60), (90, 90, 255), (255, 255, 255)])
        k = 2 if rng.random() < 0.25 else 1
        out[y : y + k, x : x + k] = col
    return out


def scan_slip(img: U8, rng: Rng) -> U8:
    """The picture as a print scanned on a flatbed while it slipped: above a line (20-70 %
    down) kept, then a band (10-25 % of the height) of the line's row smeared as the print
    slid, below it the rest of the print moved down by the band and across by 2-6 % of the
    width; the scanner's flat light (x0.95, +6)."""
    h, w = img.shape[:2]
    y0 = int(h * float(rng.uniform(0.2, 0.7)))
    band = max(2, int(h * float(rng.uniform(0.1, 0.25))))
    dx = int(w * float(rng.uniform(0.02, 0.06))) * int(rng.choice([-1, 1]))
    f = img.astype(np.float32)
    out = f.copy()
    shifted = np.roll(f, dx, axis=1)
    end = min(h, y0 + band)
    for i in range(y0, end):
        t = (i - y0) / max(1, band)
        row = np.roll(f[y0], int(dx * t), axis=0)
        out[i] = cv2.GaussianBlur(row[None], (0, 0), 1.0 + 3 * t)[0] * 0.85 + f[i] * 0.15
    if end < h:
        out[end:] = shifted[y0 : y0 + h - end]
    out = out * 0.95 + 6
    return _noise(_u8(out), rng, 1.5)


def screen_tear(top: U8, bottom: U8, rng: Rng) -> U8:
    """A frame grabbed from a screen recording of a walk-through while the screen tore:
    above a line (30-70 % down) one moment, below it a later one (another shot), the
    video's softness (scaled to 55-75 % and back)."""
    h, w = top.shape[:2]
    y = int(h * float(rng.uniform(0.3, 0.7)))
    out = top.copy()
    out[y:] = bottom[y:]
    k = float(rng.uniform(0.55, 0.75))
    small = cv2.resize(out, (max(8, int(w * k)), max(8, int(h * k))), interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)


def newton_rings(img: U8, rng: Rng) -> U8:
    """The picture as a slide scanned in its mount with Newton's rings: a white or grey
    plastic mount (8-12 % each side), the slide inside it a little soft, and rainbow rings
    where the film touched the glass (a patch 25-50 % of the width, +-12-25)."""
    h, w = img.shape[:2]
    s = _scale(w)
    bw = int(w * float(rng.uniform(0.08, 0.12)))
    iw, ih = w - 2 * bw, h - 2 * bw
    pic = cv2.resize(img, (iw, ih), interpolation=cv2.INTER_AREA).astype(np.float32)
    pic = cv2.GaussianBlur(pic, (0, 0), 0.6 * s)
    yy, xx = _grid(ih, iw)
    cx, cy = float(rng.uniform(0.2, 0.8)) * iw, float(rng.uniform(0.2, 0.8)) * ih
    rad = float(rng.uniform(0.25, 0.5)) * w / 2
    r2 = ((xx - cx) ** 2 + (yy - cy) ** 2) / (float(rng.uniform(6, 10)) * s) ** 2
    env = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * rad**2))
    amp = float(rng.uniform(12, 25))
    for c, lam in enumerate((1.0, 0.84, 0.7)):
        pic[:, :, c] += amp * env * np.cos(2 * np.pi * r2 * lam * 0.25)
    out = np.empty((h, w, 3), np.float32)
    out[:] = _pick(rng, [(235, 235, 230), (150, 150, 152), (60, 60, 62)])
    out[bw : bw + ih, bw : bw + iw] = pic
    return _noise(_u8(out), rng, 2.0)


def canvas_print(img: U8, rng: Rng) -> U8:
    """The picture as a canvas print on a wall, photographed at an angle: the canvas's
    weave (+-5 %), matte (x0.88, blacks +14), wrapped round its stretcher (the wrapped edge
    shown darker on the near side), 70-82 % of the width, one side 8-14 % shorter in
    perspective, a soft shadow on a plain wall."""
    h, w = img.shape[:2]
    s = _scale(w)
    pw = int(w * float(rng.uniform(0.7, 0.82)))
    ph = min(int(pw * h / w), int(h * 0.85))
    edge = max(3, int(pw * 0.05))
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    yy, xx = _grid(ph, pw)
    step = max(2.0, 2.5 * s)
    weave = 1 + 0.05 * np.sign(np.sin(xx * np.pi / step) * np.sin(yy * np.pi / step))
    pic = (14 + pic * 0.88) * weave[:, :, None]
    wall = np.array(_pick(rng, [(225, 222, 215), (200, 205, 210), (230, 220, 200)]), np.float32)
    out = np.empty((h, w, 3), np.float32)
    out[:] = wall
    shrink = float(rng.uniform(0.08, 0.14)) * ph
    x0 = (w - pw) // 2 + int(float(rng.uniform(-0.04, 0.04)) * w)
    y0 = (h - ph) // 2
    near_left = rng.random() < 0.5
    if near_left:  # the wrapped edge (the picture's rim folded round, darker) on the near side
        sheet = np.concatenate([pic[:, :edge][:, ::-1] * 0.6, pic], axis=1)
    else:
        sheet = np.concatenate([pic, pic[:, -edge:][:, ::-1] * 0.6], axis=1)
    sheet = np.ascontiguousarray(sheet)
    sw = sheet.shape[1]
    src = np.array([[0, 0], [sw, 0], [sw, ph], [0, ph]], np.float32)
    if near_left:
        dst = [
            [x0 - edge, y0],
            [x0 + pw, y0 + shrink / 2],
            [x0 + pw, y0 + ph - shrink / 2],
            [x0 - edge, y0 + ph],
        ]
    else:
        dst = [
            [x0, y0 + shrink / 2],
            [x0 + pw + edge, y0],
            [x0 + pw + edge, y0 + ph],
            [x0, y0 + ph - shrink / 2],
        ]
    m = cv2.getPerspectiveTransform(src, np.array(dst, np.float32))
    warped = cv2.warpPerspective(sheet, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((ph, sw), np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
    shadow = cv2.GaussianBlur(np.roll(mask, (int(6 * s), int(6 * s)), axis=(0, 1)), (0, 0), 6 * s)
    out *= (1 - 0.35 * shadow)[:, :, None]
    out = out * (1 - mask[:, :, None]) + warped * mask[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def hand_tinted(img: U8, rng: Rng) -> U8:
    """The picture as a black-and-white print coloured by hand: grey (stretched 2-98 %)
    toned warm, washes of its own colours blurred (8-14 px at 400), weakened (x0.35-0.5),
    blotchy and off by 3-8 px, in a cream border (3-5 %)."""
    h, w = img.shape[:2]
    s = _scale(w)
    f = img.astype(np.float32)
    grey = _stretched(f.mean(axis=2), 2, 98)[:, :, None] * 235 + 10
    toned = grey * np.array([1.0, 0.96, 0.88], np.float32)
    chroma = f - f.mean(axis=2, keepdims=True)
    chroma = cv2.GaussianBlur(chroma, (0, 0), float(rng.uniform(8, 14)) * s)
    off = (
        int(float(rng.uniform(3, 8)) * s) * int(rng.choice([-1, 1])),
        int(float(rng.uniform(3, 8)) * s),
    )
    chroma = np.roll(chroma, off, axis=(1, 0))
    blotch = 0.7 + 0.6 * _field(rng, w, h, max(4, int(30 * s)))
    out = toned + chroma * float(rng.uniform(0.35, 0.5)) * 2.2 * blotch[:, :, None]
    bd = max(2, int(w * float(rng.uniform(0.03, 0.05))))
    paper = np.empty((h, w, 3), np.float32)
    paper[:] = (238, 230, 210)
    inner = cv2.resize(out, (w - 2 * bd, h - 2 * bd), interpolation=cv2.INTER_AREA)
    paper[bd : h - bd, bd : w - bd] = inner
    return _noise(_u8(paper), rng, 2.0)


def show_through(img: U8, rng: Rng) -> U8:
    """The picture printed on a thin magazine page, scanned: the picture on 80-88 % of the
    page's height, caption lines under it, and the other side of the page showing through
    mirrored (its columns of text and a picture of its own, 10-18 %)."""
    h, w = img.shape[:2]
    s = _scale(w)
    paper = np.array((240, 237, 228), np.float32)
    out = np.empty((h, w, 3), np.float32)
    out[:] = paper
    mg = max(2, int(w * 0.04))
    ph = int(h * float(rng.uniform(0.8, 0.88)))
    pic = cv2.resize(img, (w - 2 * mg, ph - mg), interpolation=cv2.INTER_AREA).astype(np.float32)
    out[mg:ph, mg : w - mg] = pic * paper / 255
    for y in range(ph + max(3, int(6 * s)), h - 2, max(3, int(7 * s))):
        cv2.line(
            out,
            (mg, y),
            (mg + int((w - 2 * mg) * float(rng.uniform(0.5, 1.0))), y),
            (70, 70, 70),
            1,
        )
    rev = np.ones((h, w), np.float32)
    cols = int(rng.integers(2, 4))
    for c in range(cols):
        cx0 = mg + c * (w - 2 * mg) // cols
        for y in range(mg, h - mg, max(3, int(6 * s))):
            cv2.line(rev, (cx0 + 2, y), (cx0 + (w - 2 * mg) // cols - 4, y), 0.3, 1)
    bx, by = int(rng.integers(0, w // 2)), int(rng.integers(0, h // 2))
    rev[by : by + h // 2, bx : bx + w // 2] = (
        0.35 + 0.5 * _field(rng, w // 2, h // 2, max(4, w // 10))[: h - by, : w - bx]
    )
    rev = cv2.GaussianBlur(np.ascontiguousarray(rev[:, ::-1]), (0, 0), 1.5 * s)
    k = float(rng.uniform(0.1, 0.18))
    out *= (1 - k * (1 - rev))[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def droste(img: U8, rng: Rng) -> U8:
    """The picture through a "recursive" filter: a framed copy of itself (35-50 % of the
    width) set into it, holding a smaller copy again (three or four levels), then zoomed
    to 80-90 % round the frame."""
    h, w = img.shape[:2]
    fw = int(w * float(rng.uniform(0.35, 0.5)))
    fh = int(fw * h / w)
    fx, fy = int(rng.integers(0, w - fw)), int(rng.integers(0, h - fh))
    bd = max(2, fw // 16)
    frame = _pick(rng, [(30, 30, 30), (240, 240, 236), (170, 130, 60)])
    out = img.copy()
    for _ in range(int(rng.integers(3, 5))):
        inner = cv2.resize(out, (fw - 2 * bd, fh - 2 * bd), interpolation=cv2.INTER_AREA)
        out = out.copy()
        out[fy : fy + fh, fx : fx + fw] = frame
        out[fy + bd : fy + fh - bd, fx + bd : fx + fw - bd] = inner
    z = float(rng.uniform(0.8, 0.9))
    cw, ch = int(w * z), int(h * z)
    cx = int(np.clip(fx + fw / 2 - cw / 2, 0, w - cw))
    cy = int(np.clip(fy + fh / 2 - ch / 2, 0, h - ch))
    crop = cv2.resize(out[cy : cy + ch, cx : cx + cw], (w, h), interpolation=cv2.INTER_LINEAR)
    return _noise(np.asarray(crop, np.uint8), rng, 1.5)


def slide_puzzle(img: U8, rng: Rng) -> U8:
    """The picture as a sliding-tile puzzle in a phone game, screenshotted mid-game: cut
    into 4 x 4 tiles (3 x 3 in a third), the blank tile moved 8-20 times at random (so
    tiles have slid out of place), thin gaps, on the game's dark screen with a bar of
    moves across the top."""
    h, w = img.shape[:2]
    n = 3 if rng.random() < 1 / 3 else 4
    out = np.empty((h, w, 3), np.uint8)
    out[:] = _pick(rng, [(30, 32, 40), (40, 30, 50), (25, 45, 45)])
    bar = max(6, h // 10)
    out[:bar] = _shade(tuple(int(v) for v in out[0, 0]), 1.6)  # type: ignore[arg-type]
    _text(out, rng, str(int(rng.integers(8, 21))), 4, bar - 2, max(4, bar - 3), (240, 240, 240))
    bw = int(w * float(rng.uniform(0.86, 0.92)))
    bh = min(int(bw * h / w), h - bar - 4)
    bw = int(bh * w / h)
    tw, th = bw // n, bh // n
    pic = cv2.resize(img, (tw * n, th * n), interpolation=cv2.INTER_AREA)
    order = list(range(n * n))
    blank = n * n - 1
    last = -1
    for _ in range(int(rng.integers(8, 21))):
        r0, c0 = divmod(order.index(blank), n)
        steps = [(r0 + dr, c0 + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        steps = [(a, c) for a, c in steps if 0 <= a < n and 0 <= c < n and a * n + c != last]
        a, c = steps[int(rng.integers(0, len(steps)))]
        last = r0 * n + c0
        i, j = order.index(blank), a * n + c
        order[i], order[j] = order[j], order[i]
    x0, y0 = (w - tw * n) // 2, bar + (h - bar - th * n) // 2
    gap = max(1, tw // 40)
    for pos, tile in enumerate(order):
        if tile == blank:
            continue
        pr, pc = divmod(pos, n)
        tr, tc = divmod(tile, n)
        out[
            y0 + pr * th + gap : y0 + (pr + 1) * th - gap,
            x0 + pc * tw + gap : x0 + (pc + 1) * tw - gap,
        ] = pic[tr * th + gap : (tr + 1) * th - gap, tc * tw + gap : (tc + 1) * tw - gap]
    return out


def autochrome(img: U8, rng: Rng) -> U8:
    """The picture as an autochrome (an early colour plate) on a light box: each grain of
    dyed starch (orange-red, green or violet, 1-2 px at 400, a little clumped) passing its
    own colour, the plate dark (x0.6-0.75) and soft (1-1.5 px), in a black mask with a
    paper label along the bottom."""
    h, w = img.shape[:2]
    s = _scale(w)
    g = max(1.0, float(rng.uniform(1.0, 2.0)) * s)
    gh, gw = max(4, int(h / g)), max(4, int(w / g))
    clump = _field(rng, gw, gh, max(3, gw // 30))
    u = (rng.random((gh, gw)) * 0.92 + clump * 0.08).astype(np.float32)
    grain = np.digitize(u, [0.34, 0.66]).astype(np.uint8)
    grain = cv2.resize(grain, (w, h), interpolation=cv2.INTER_NEAREST)
    filters = np.array([[1.0, 0.4, 0.08], [0.15, 1.0, 0.25], [0.35, 0.2, 1.0]], np.float32)
    lin = (img.astype(np.float32) / 255) ** 2.2
    through = lin * filters[grain] * 2.2
    out = np.clip(through, 0, 1) ** (1 / 2.2) * 255 * float(rng.uniform(0.6, 0.75))
    out = cv2.GaussianBlur(out, (0, 0), float(rng.uniform(1.0, 1.5)) * s)
    mask = np.zeros((h, w), np.float32)
    m = max(3, int(w * float(rng.uniform(0.05, 0.08))))
    cv2.rectangle(mask, (m, m), (w - m, h - 2 * m), 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 1.0 * s)
    out = out * mask[:, :, None] + 8 * (1 - mask[:, :, None])
    cv2.rectangle(out, (w // 3, h - 2 * m + m // 2), (2 * w // 3, h - m // 2), (215, 205, 180), -1)
    return _noise(_u8(out), rng, 2.0)


def string_art(img: U8, rng: Rng) -> U8:
    """The picture as string art, photographed: a round white board with 120-180 nails at
    its rim and 350-550 dark threads strung nail to nail, each chosen (best of 24 tries)
    where the grey picture is darkest, on a wall."""
    h, w = img.shape[:2]
    s = _scale(w)
    d = int(min(w, h) * float(rng.uniform(0.86, 0.94)))
    out = _grained(
        rng, w, h, _pick(rng, [(200, 190, 175), (150, 160, 170), (210, 210, 205)]), 2.0
    ).astype(np.float32)
    lo = 96
    side = min(h, w)
    sq = img[(h - side) // 2 : (h + side) // 2, (w - side) // 2 : (w + side) // 2]
    grey = cv2.resize(sq, (lo, lo), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    dark = 1 - _stretched(grey, 2, 98)
    nails = int(rng.integers(120, 181))
    ang = np.linspace(0, 2 * np.pi, nails, endpoint=False)
    pts_lo = np.stack([lo / 2 + (lo / 2 - 1) * np.cos(ang), lo / 2 + (lo / 2 - 1) * np.sin(ang)], 1)
    t = np.linspace(0, 1, 48, dtype=np.float32)[None, :]
    cur = int(rng.integers(0, nails))
    lines: list[tuple[int, int]] = []
    tmp = np.zeros((lo, lo), np.float32)
    for _ in range(int(rng.integers(350, 551))):
        cand = rng.choice(nails, 24, replace=False)
        cand = cand[cand != cur]
        a = pts_lo[cur]
        bpts = pts_lo[cand]
        xs = np.clip((a[0] + (bpts[:, 0:1] - a[0]) * t).astype(int), 0, lo - 1)
        ys = np.clip((a[1] + (bpts[:, 1:2] - a[1]) * t).astype(int), 0, lo - 1)
        best = int(cand[int(np.argmax(dark[ys, xs].mean(axis=1)))])
        tmp[:] = 0
        p, q = pts_lo[cur], pts_lo[best]
        cv2.line(tmp, (int(p[0]), int(p[1])), (int(q[0]), int(q[1])), 0.2, 1)
        dark -= tmp
        lines.append((cur, best))
        cur = best
    board = np.empty((d, d, 3), np.float32)
    board[:] = _pick(rng, [(240, 238, 230), (230, 225, 210)])
    cover = np.zeros((d, d), np.float32)
    one = np.zeros((d, d), np.float32)
    scale = d / lo
    for a_, b_ in lines:
        one[:] = 0
        p, q = pts_lo[a_] * scale, pts_lo[b_] * scale
        cv2.line(one, (int(p[0]), int(p[1])), (int(q[0]), int(q[1])), 1.0, 1, cv2.LINE_AA)
        cover += one
    board *= np.exp(-0.45 * cover)[:, :, None]
    for p in pts_lo * scale:
        cv2.circle(board, (int(p[0]), int(p[1])), max(1, int(1.2 * s)), (150, 150, 155), -1)
    mask = np.zeros((d, d), np.float32)
    cv2.circle(mask, (d // 2, d // 2), d // 2, 1.0, -1)
    x0, y0 = (w - d) // 2, (h - d) // 2
    region = out[y0 : y0 + d, x0 : x0 + d]
    out[y0 : y0 + d, x0 : x0 + d] = region * (1 - mask[:, :, None]) + board * mask[:, :, None]
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def views_v25(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v25's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["ortonglow"] = _jpeg(orton_glow(shot(0.3, 8), rng), 88)
    out["ampglow"] = _jpeg(amp_glow(shot(0.3, 8), rng), 88)
    out["scanslip"] = _jpeg(scan_slip(shot(0.3, 8), rng), 88)
    out["screentear"] = _png(screen_tear(shot(0.3, 8), shot(0.3, 8), rng))
    out["newtonrings"] = _jpeg(newton_rings(shot(0.4, 12), rng), 85)
    out["canvasprint"] = _jpeg(canvas_print(shot(0.4, 12), rng), 85)
    out["handtinted"] = _jpeg(hand_tinted(shot(0.4, 12), rng), 85)
    out["showthrough"] = _jpeg(show_through(shot(0.4, 12), rng), 85)
    out["droste"] = _jpeg(droste(shot(0.4, 12), rng), 85)
    out["slidepuzzle"] = _jpeg(slide_puzzle(shot(0.4, 12), rng), 85)
    out["autochrome"] = _jpeg(autochrome(shot(0.4, 12), rng), 85)
    out["stringart"] = _jpeg(string_art(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v25", room=room_v25, views=views_v25)


def main() -> None:
    dry_run("v25", make_pictures, place_kind)


if __name__ == "__main__":
    main()

"""Generator v23 of ``bench/link.py``: benign places (beekeepers' honey houses,
microbrewery brewhouses, glassblowing studios, soap workshops, club observatories, bell
ringing chambers, candle workshops, weaving studios) as a wrong lens hood, dust on the
sensor, a shot tilted up, heat haze, a prism held to the lens, laminated prints, bus-side
adverts, tiled murals, holographic foil, Super 8 film, solarised prints and faxes show
them, held out.

Written blind, like v6-v22: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml``, ``bench/link_rooms_v22.py``
whole (for the interface, the truth format, the place model and the primitives imported
below) and ``tests/bench/test_link_rooms_v22.py`` whole (for the shape of the tests) and,
in ``bench/link.py``, only the generator plumbing: a grep for ``v22`` and the lines round
each hit (the imports at 55-85, ``GENERATORS`` and the start of ``make_collection`` with
its ``views_*`` dict at 620-715, and the start of ``main`` with the ``--generator``
argument at 1285-1320, which also shows the end of ``verify_options``). Of
``bench/link_rooms_v6.py``-``v21.py`` only the first paragraphs of their docstrings, their
``KINDS`` tuples, ``GROUPS`` dicts, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by
importing the modules, v6-v22), the parts of v16's-v21's docstrings that list what they
read and the words they considered and dropped (v16's lines 6-40, v17's 7-45, v18's 7-60,
v19's 7-50, v20's 7-70, v21's 7-70, found by a grep for "considered", "dropped" and
"Written blind") and the lines a grep found for words v23 considered were read, with a
few lines round some hits (v15's lines 115-122 on ``sepia``, v16's 136-142 on
``flatbedscan``, v17's 180-190 on ``negative``). For kinds and groups: honey, beekeep,
brew, ferment, glassblow, glass blow, furnace, annealer, soap, observator, telescope,
ringing, bell, candle, weav, loom, checkout, supermarket, car wash, wash bay, bus shelter,
shelter, bus. For views: lens hood, hood, vignet, petal, sensor dust, dust, hair in,
tilt up, looking up, look up, upward, keystone, converging, heat haze, shimmer, prism,
laminat, mural, glaze, holo, iridesc, rainbow, foil, cine, super 8, sprocket, gate weave,
solari, sabattier, fax, error diffus, floyd, 1-bit, one-bit, bilevel. None of v23's kinds,
groups or views is a kind, group or view of v6-v22 (the tests check the names against the
``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v22's modules). Most hits were other
senses: "honey" a jar colour in v22's cheese shop, "soap" a product box in v6, a washing
machine's drawer in v13 and a laundrette's machine in v15, "bell" an enlarger's bellows,
"ringing" a tape's soft luma in v13's ``vhs``, "weave" a texture's noise in v10 and wood
blocks in v13, "loom" in "bloom", "hood" a forge's and a hob's hood, "laminate" desk tops,
"mural" a fence's murals in v9 and a toy shop's in v20, "glaze" a pottery's glaze chart in
v16 and glazed tiles and screens in v18 and v19, "holo" in v21's text, "rainbow" a
thermal palette in v17, "bus" in "busiest", "cine" in "cinema", "keystone" the keystoning
of v9's, v11's and v17's prints, screens and projections. The nearest kept: dust specks
and a hair are parts of v12's, v15's ``sepia``, v16's ``flatbedscan`` and v22's
``microfilm`` views (``sensordust`` is soft out-of-focus spots on an otherwise kept shot,
nothing else); v17's ``negative`` is a 35 mm strip with sprocket holes on a light box
(``cinefilm`` is one positive Super 8 frame, 4:3, its gate's corners, grain and a hair);
v18's ``lowink`` and v17's ``photocopy`` are greys, v19's ``receipt`` a thermal till roll
(``fax`` is black and white dots in doubled lines with a header); v22's ``billboard`` is a
poster on a frame (``busside`` is an advert on a moving vehicle's panels). Ideas were
dropped because an older generator had them or something close: a bookbinder's (v20's
bookbindery), a pottery kiln room (v16's pottery studio), an aquarium shop (v18's public
aquarium, v19's pet shop), a seed library (v13's library), a tailor (v20), a chocolatier
(v22 looked at sweets and confection), a tyre-fitting bay (v14's garage workshop), a
sailmaker's loft (v20's tailor, v18's fabric shop), a costume hire shop and a hat shop
(figures of people; v21 dropped the hat shop), fencing and archery (weapons); as groups,
cruise and ferry cabins (v13's sleeper cabins; v22 dropped ferry cabins), motel rooms
(v7's and v13's chain hotel rooms), lock-up garages (v16's storage units), a cable car's
cabins (close to v22's airliner cabins: rows of windows with their own views), lift
lobbies (v12's lifts and corridors); as views, a peephole and a porthole (v9's
``fisheye``, v22's ``binoculars``), a telescope's eyepiece (``binoculars``), a low camera
(v10's ``childeye``), a ladder's view (v19's ``stepladder``), a fly screen and a fence
(v18's ``grille``), a woven tapestry, beads, sticky notes and a pixel-art sprite (v19's
``crossstitch``, v13's ``gif``), low-poly triangles (v20's ``stainedglass``), a backlit
poster (``billboard``, v22's ``windowfilm``), a lens's smudge and haze (v13's
``finger``, words v18 considered), a missed focus (v6's ``blur``), a cushion or a plate
(v21's ``tshirt``, v20's ``mug``), a Game Boy camera (v19's ``eink``, v13's ``gif``), a
progressive JPEG half loaded (v18's ``truncated``), a photo-album sleeve (v18's
``evidencebag``), a spatial white-balance mix (v20 dropped white-balance views), linocut
and woodcut (words v22 considered), an emboss (too close to v21's ``pyrography`` and
v17's ``pencil`` in what it keeps). No signature or source of an older primitive was
read: they are called as v22 calls them. The worktree's ``.venv`` is a link to a ready
virtualenv; nothing was installed. Sheets of the original and its twelve views of seeds
0, 8 and 37 at 400x300 were looked at once (after which the lens hood's petals were cut
deeper, the bus-side advert made larger and a bus shelter's own street view fainter and
smaller), and ``room_v23`` and ``views_v23`` were timed. ``mypy`` was run on v23 and its
tests (its output names lines of v10-v12 and v18, which v23 imports,
none of v23's or its tests'); ``ruff`` on ``bench/link.py``, which was never run,
not even ``--help``. Nothing of the linker's code, tests, docs or results was read, and
neither the linker nor ``bench.link`` was ever run on these pictures: keep it for after
v22's held-out run, then use it once, for a held-out figure: ``python -m bench.link
--name link-v23-heldout --generator v23 --no-real --size 400x300 --rooms 315 --workers 2
--skip-costs``. v9's projective renderer, v6's picture writer and dry run, v13's place
model (surfaces, boxes, walls, floor plans, furniture pieces, windows, wall things,
lighting), v14's belongings and small helpers, v15's doors and sky, v16's colour ramp and
aiming, v17's building state, clearance test, shell planes, grained paint and off-square
warp, v18's colour picker, v19's small helpers, v20's builder state with the kinds' model
generator, its place model (made v23's by a subclass with v23's kinds and day seeds), its
loose things of a day and small helpers, v21's chalkboards, poles and wall spots, v22's
shelving, desk, quad warp and percentile stretch, and small drawing primitives of v10-v12
are imported; v22's place builder, cameras, moves and print place are copied with v23's
kinds, seeds and shares; the kinds of place, their builders, the kinds' mass-produced
things, the look-alikes, the cameras' settings and every view are v23's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v23 --rooms 12 --size 400x300
--out /tmp/v23``.

**What a place is.** As v22's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (shelves of jars, bottles, glass, soap, candles and yarn, star charts, peal
boards, woven hangings, chalkboards, signs, windows, doors, sockets, clocks) and furniture
and fittings as 3-D boxes (vessels, tanks, kilns, racks, benches, tables, chairs, looms,
ropes, pallets, sacks, hive boxes). Loose things (v20's) change from day to day. Two
pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_400_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([1_408_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *honey house*: the extractor, the uncapping tank, the settling bucket (one or two);
- *brewhouse*: the brew kettle, the conical fermenter (one to four), the keg (stacks);
- *glassblowing studio*: the furnace, the glory hole, the annealer;
- *soap workshop*: the curing rack (one to three; the bars on it the workshop's own),
  the log cutter, the melting pot;
- *observatory*: the telescope's pier, mount head and tube;
- *bell ringing chamber*: the rope maker's sally (on every rope), the bench;
- *candle workshop*: the wax melter (one or two), the dipping frame (one or two);
- *weaving studio*: the floor loom (one to three), the warping board.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (none of them a kind named by v6-v22; sizes width x height x depth in m):

- *honey house* (4-6 x 2.5-3 x 4.5-7): white tiles (50 %) or paint, lino or concrete; the
  extractor (0.8 m, 0.95 high) in the middle, the uncapping tank (1.4 m) by a wall,
  buckets, two to four stacks of one to four hive boxes (supers, frames of comb on top), a
  bench, shelves of jars of honey, a window, a poster, a door.
- *brewhouse* (6-10 x 3.5-5 x 8-12): brick (50 %) or paint, a coloured resin floor; the
  brew kettle (1.6 m, 1.5 high) with its flue by the back wall, one to four fermenters
  (1 m, 2.4 high), stacks of kegs, pallets of malt sacks, shelves of bottles, a
  chalkboard, a window, a sign, a door.
- *glassblowing studio* (6-9 x 3.2-4.5 x 6-10): brick (60 %) or blocks, concrete, a dark
  ceiling; the furnace (1.2 x 1.0 x 1.4 m) with its flue, the glory hole, the annealer,
  the gaffer's bench, a steel marver, four to eight blowpipes, shelves of glass, a
  window, a door.
- *soap workshop* (4-6.5 x 2.6-3.1 x 5-8): tiles (30 %) or pale paint, lino; one to three
  curing racks (1.7 m) with bars, a bench with the log cutter and the melting pot, a
  table of moulds, shelves of wrapped soap, a chalkboard, a window, a door.
- *observatory* (4-6 x 3-4 x 4-6): dark or pale panels, boards or lino, the ceiling drawn
  as the dome's ribs with its slit (20-32 % wide) open on the sky; the telescope in the
  middle (pier 1.2 m, the tube 1.2 m long at 1.45-1.67 m), a desk with a screen, a chair,
  star charts, shelves of eyepiece cases, a red lamp's glow, a clock, a door. The camera
  is 74-84 degrees wide.
- *bell ringing chamber* (4-6 x 3-4 x 4-6): stone blocks (50 %) or plaster, boards, a
  timber ceiling with the ropes' holes; six or eight ropes in a circle, each with its
  sally at 0.9-1.3 m, benches along the sides, peal boards, a tall narrow window, a
  notice, a clock, a door. The camera is 74-84 degrees wide.
- *candle workshop* (4-6.5 x 2.6-3.2 x 5-8): paint, boards or lino; a bench (1.6-2.4 m)
  with one or two wax melters, one or two dipping frames (1.6 m), a table of pillars,
  sacks of wax, shelves of candles, a chalkboard, a window, a door.
- *weaving studio* (5-8 x 2.7-3.3 x 6-10): brick (30 %) or pale paint, boards; one to
  three floor looms (1.2 x 1.0 x 1.5 m), the warping board on a side wall, shelves of
  yarn cones, woven hangings, a table, windows along a side, a door.

and, as look-alikes only, a *supermarket checkout* (4-5 x 3-3.6 x 6-8), a *car wash bay*
(4.2-5 x 3.4-3.9 x 6-7.5) and a *bus shelter* (3-4 x 2.3-2.6 x 1.4-1.8). No person or
animal is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v22), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3 in a bus shelter, x0.7 in an
observatory or a ringing chamber; up to 0.08 m in height), turned up to 12 degrees and
tilted up to 4 (the first of 8 moves that leaves it 0.15 m clear of every thing, else not
moved), with sensor noise (sigma 2). Every view but ``tiltup`` (which renders the place
again itself) starts from such a shot. Difficulty as meant, not measured:

- ``lenshood`` (easy): dark petals cut softly into the corners by a hood meant for a
  longer lens (outside a superellipse reaching just past the frame's sides), turned 0-12
  degrees, its rim catching a little light. JPEG 85.
- ``sensordust`` (easy): 8-18 soft dark spots (radius 2-8 px at 400, x0.55-0.85 at their
  middles), most in one region, and one or two soft fibres. JPEG 85.
- ``tiltup`` (easy): the camera moved up to 0.3 m, turned up to 8 degrees and tilted up
  14-24 degrees more (at most 30 up), rendered again. JPEG 85.
- ``heathaze`` (medium): shimmered through hot air (a smooth displacement, features 8-16
  px, up to 1.5-3.5 px at 400, twice as strong at the bottom), softened, x0.92-0.97
  contrast; the heater's blurred top along the bottom in half. JPEG 85.
- ``prism`` (medium): one side (30-45 % of the frame) overlaid with a refracted copy
  (shifted 12-25 %, flipped in half, x0.5-0.7, red and blue spread 1.5-3 %, mixed 35-70
  %), a bright line at the prism's edge. JPEG 85.
- ``laminated`` (medium): printed (70-82 % of the width), laminated (rounded pouch, a
  clear margin, a glare band x+50-90, bubbles), taped to a wall; off square by up to 4 %.
  JPEG 85.
- ``busside`` (hard): an advert (40-45 % of the width) on a bus's side under its windows,
  between its wheels, crossed by panel seams and rivets, seen at an angle (far end 6-14 %
  shorter), smeared 2-6 px by the bus's motion; road and sky. JPEG 85.
- ``tilemural`` (hard): fired on 4-6 glazed tiles across (74-86 % of the width), grout
  lines, each tile's own glaze (x0.94-1.06, colour off by 3 %) and highlight, x0.85
  saturation, plain tiles round it; off square by up to 3 %. JPEG 85.
- ``holofoil`` (hard): a holographic card (58-70 % of the width, white border) on a desk,
  the print x0.8 saturation over a rainbow (3-6 cycles, 25-45 % where it is light),
  sparkles; off square by up to 4 %. JPEG 85.
- ``cinefilm`` (hard): a Super 8 frame (the picture's middle at 4:3, 70-80 % of the
  height) with rounded gate corners on black film, the neighbouring frames, a sprocket
  hole, warm and faded (red x1.08, blue x0.85, blacks +18-30), soft (1-1.6 px), grain
  (sigma 6-9), gate weave, a hair, a vignette. JPEG 85.
- ``solarised`` (very hard): a Sabattier print: grey stretched, the tones above 0.45-0.6
  reversed (x0.6-1.0), pale Mackie lines at the turn, toned, on paper (80-88 % of the
  width) with a border on a desk; off square by up to 3 %. JPEG 85.
- ``fax`` (very hard): black and white dots only (grey stretched, contrast x1.2, dithered
  against a smoothed random threshold), every line doubled (2 px at 400), 80-90 % of the
  width on a page with a header line, one or two streaks, skewed up to 1.5 degrees. PNG
  (a received fax saved lossless).

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind.

- *Checkout lanes of one supermarket* (6 %: ``seed % 50`` in {8, 9, 10}, kind
  ``supermarket checkout``; template ``1_401_000_000 + seed // 50``; so seeds 8-10,
  58-60, 108-110, ...): the size, the walls with the brand's band, the floor tiles, the
  ceiling, the back wall's shelving and sign, the checkout (a 3-3.8 m belt, its body, the
  scanner, the till, the bagging bay), the lane light's pole, the impulse shelf's body, an
  exit sign. The lane's own: its number on the light, the week's offer poster on a side
  wall, the impulse shelf's wares, two to six goods on the belt. The camera stands at the
  lane's end (0.5-0.9 m in) looking along the belt.
- *Bays of one self-service car wash* (2 %: ``seed % 100`` in {31, 32}, kind ``car wash
  bay``; template ``1_402_000_000 + seed // 100``; seeds 31, 32, 131, 132, ...): the
  size, the wall panels and their band, the floor and its drain, the selector console, the
  lance holster, the boom, the foam brush, the logo. The bay's own: its number on the back
  wall, the price board, a notice, stains low on the side walls, what its open end (the
  front wall, behind the camera) shows. The camera stands in the open end (0.3-0.7 m in)
  looking in.
- *Shelters of one city's bus-shelter contract* (2 %: ``seed % 100`` in {37, 38}, kind
  ``bus shelter``; template ``1_403_000_000 + seed // 100``; seeds 37, 38, 137, 138,
  ...): the size, the frame and its mullions, the panels below 1.2 m, the roof's fascia,
  the band of dots on the glass, the floor, the seat, the advert case, the bin, the logo.
  The shelter's own: the street faint through the glass (x0.35 over a pale 150), the
  advert in the case, the timetable, the stop's name plate. The camera stands at the open
  front (0.1-0.25 m in) looking at the back, 74-84 degrees wide.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (8, 9, 10) or seed % 100 in (31,
32, 37, 38)``; two look-alikes are of one group exactly when they have the same kind and
the same ``seed // 50`` (checkouts) or ``seed // 100`` (car wash bays, bus shelters). The
slots are not v22's (the tests check), and every group has members in the first 60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``fax`` (PNG)
and ``lenshood``, ``sensordust``, ``tiltup``, ``heathaze``, ``prism``, ``laminated``,
``busside``, ``tilemural``, ``holofoil``, ``cinefilm``, ``solarised`` (JPEG 85), all at
the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 checkouts in every 50 seeds, 2 car wash
bays and 2 bus shelters in every 100); the other seeds draw their kind with equal shares of
1/8 (the tests check each within +-4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): supermarket checkouts 60, car wash bays 20, bus shelters 20; of the
other 900: soap workshop 130, weaving studio 119, glassblowing studio 114, observatory
113, bell ringing chamber 110, candle workshop 109, honey house 105, brewhouse 100. The
first 60 seeds (a default ``--rooms 60`` run): weaving studio 10, candle workshop 10, soap
workshop 8, brewhouse 6, bell ringing chamber 6, glassblowing studio 6, observatory 3,
honey house 2, supermarket checkouts 5 (seeds 8-10, 58, 59), car wash bays 2 (31, 32), bus
shelters 2 (37, 38): every kind and group is in it. The held-out run's 315 seeds: weaving
studio 43, soap workshop 42, glassblowing studio 39, candle workshop 37, bell ringing
chamber 32, observatory 31, honey house 31, brewhouse 27, supermarket checkouts 21, car
wash bays 6, bus shelters 6.

**Speed**: ``room_v23`` and ``views_v23`` of seeds 0-19 at 400x300 took 0.50 s of CPU a
place (13 pictures), one core, on the shared machine. Surfaces are drawn at 120 texels a
metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_400_000_000 + seed``; supermarket ``1_401_000_000 + seed // 50``;
car wash ``1_402_000_000 + seed // 100``; shelter contract ``1_403_000_000 + seed //
100``; a day's loose things ``1_404_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_405_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_406_000_000 + seed``; a kind's mass-produced things
``default_rng([1_408_000_000, k])``. None is a seed of v6-v22. Deterministic by seed.
Lettering is random syllables (digits for prices, numbers and dates). Pictures not made
by ``room_v23`` (the real pictures of ``bench/link.py`` when run without ``--no-real``)
are hung as a print 2 m wide on the back wall of a generated honey house, soap workshop or
weaving studio (seeds from ``1_407_000_000``) and seen the same ways.
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
    _bricks,
    _c,
    _field,
    _jpeg,
    _label,
    _noise,
    _outside,
    _paste,
    _screen,
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
    _poster,
    _small_things,
    _tiled_ceiling,
    _vec,
    _window,
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box, _inward, _side_x, _sign, _skirting
from bench.link_rooms_v15 import _door, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, _tilted, surface_planes
from bench.link_rooms_v18 import _pick
from bench.link_rooms_v19 import _all_faces, _scale
from bench.link_rooms_v20 import Place as _Place20
from bench.link_rooms_v20 import _Build20, _day_things, _frame, _mass_produced, _model, _other, _png
from bench.link_rooms_v21 import _chalkboard, _pole, _wall_box
from bench.link_rooms_v22 import (
    _blit_f,
    _desk,
    _grid,
    _over,
    _quad,
    _shelved,
    _stretched,
    _wall_colour,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_400_000_000
CHECKOUT_SEED = 1_401_000_000
CARWASH_SEED = 1_402_000_000
SHELTER_SEED = 1_403_000_000
DAY_SEED = 1_404_000_000
VIEW_SEED = 1_405_000_000
SENSOR_SEED = 1_406_000_000
PRINT_SEED = 1_407_000_000
MODEL_SEED = 1_408_000_000
CHECKOUT_EVERY, CHECKOUT_SLOTS = 50, (8, 9, 10)
CARWASH_EVERY, CARWASH_SLOTS = 100, (31, 32)
SHELTER_EVERY, SHELTER_SLOTS = 100, (37, 38)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("honey house", 1 / 8),
    ("brewhouse", 1 / 8),
    ("glassblowing studio", 1 / 8),
    ("soap workshop", 1 / 8),
    ("observatory", 1 / 8),
    ("bell ringing chamber", 1 / 8),
    ("candle workshop", 1 / 8),
    ("weaving studio", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "supermarket checkout": "checkout",
    "car wash bay": "carwash",
    "bus shelter": "shelter",
}
VIEW_KINDS = (
    "lenshood",
    "sensordust",
    "tiltup",
    "heathaze",
    "prism",
    "laminated",
    "busside",
    "tilemural",
    "holofoil",
    "cinefilm",
    "solarised",
    "fax",
)
PNG_VIEWS = ("fax",)  # a received fax saved as a lossless file; every other a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "honey house": ((4.0, 6.0), (2.5, 3.0), (4.5, 7.0)),
    "brewhouse": ((6.0, 10.0), (3.5, 5.0), (8.0, 12.0)),
    "glassblowing studio": ((6.0, 9.0), (3.2, 4.5), (6.0, 10.0)),
    "soap workshop": ((4.0, 6.5), (2.6, 3.1), (5.0, 8.0)),
    "observatory": ((4.0, 6.0), (3.0, 4.0), (4.0, 6.0)),
    "bell ringing chamber": ((4.0, 6.0), (3.0, 4.0), (4.0, 6.0)),
    "candle workshop": ((4.0, 6.5), (2.6, 3.2), (5.0, 8.0)),
    "weaving studio": ((5.0, 8.0), (2.7, 3.3), (6.0, 10.0)),
    "checkout": ((4.0, 5.0), (3.0, 3.6), (6.0, 8.0)),
    "carwash": ((4.2, 5.0), (3.4, 3.9), (6.0, 7.5)),
    "shelter": ((3.0, 4.0), (2.3, 2.6), (1.4, 1.8)),
}
SMALL = {"shelter": 0.3, "observatory": 0.7, "bell ringing chamber": 0.7}  # shares of a move
PRINT_KINDS = ("honey house", "soap workshop", "weaving studio")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_checkout(seed: int) -> bool:
    return seed % CHECKOUT_EVERY in CHECKOUT_SLOTS


def is_carwash_bay(seed: int) -> bool:
    return seed % CARWASH_EVERY in CARWASH_SLOTS


def is_bus_shelter(seed: int) -> bool:
    return seed % SHELTER_EVERY in SHELTER_SLOTS


def is_distractor(seed: int) -> bool:
    return is_checkout(seed) or is_carwash_bay(seed) or is_bus_shelter(seed)


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
    if is_checkout(seed):
        return "supermarket checkout"
    if is_carwash_bay(seed):
        return "car wash bay"
    if is_bus_shelter(seed):
        return "bus shelter"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_checkout(seed):
        return np.random.default_rng(CHECKOUT_SEED + seed // CHECKOUT_EVERY)
    if is_carwash_bay(seed):
        return np.random.default_rng(CARWASH_SEED + seed // CARWASH_EVERY)
    if is_bus_shelter(seed):
        return np.random.default_rng(SHELTER_SEED + seed // SHELTER_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _steel_body(m: Rng, w: int, h: int, level: int) -> U8:
    """Brushed steel with a weld seam and a rim."""
    img = _steel(m, w, h, level)
    cv2.line(img, (0, h // 2), (w - 1, h // 2), (level - 40,) * 3, 1)
    img[:2] = (min(255, level + 30),) * 3
    return img


def _glow(img: U8, cx: int, cy: int, rad: int, colour: Colour) -> U8:
    """``img`` with a soft glowing disc (a furnace's mouth, a lamp)."""
    g = np.zeros(img.shape[:2], np.float32)
    cv2.circle(g, (cx, cy), rad, 1.0, -1)
    g = np.asarray(cv2.GaussianBlur(g, (0, 0), max(1.0, rad / 2)), np.float32)
    return _u8(img.astype(np.float32) + g[:, :, None] * np.array(colour, np.float32))


def _standing(b: _Build17, spot: Any, h: float, tex: dict[str, U8], model: bool) -> None:
    """A box standing on the floor at ``spot`` facing its way."""
    x, z, w, d, facing = spot
    box = Box(x, z, w, d, h, 0.0, _faces(tex, facing))
    if model:
        _model(b, box)
    else:
        b.boxes.append(box)


def _walls_of(b: _Build17, u: float, colour: Colour, brick: float) -> None:
    """Brick (when ``u`` < ``brick``) of a colour near ``colour``, else paint."""
    if u < brick:
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _bricks(b.fix, tw, th, colour))
    else:
        b.paint_walls(colour)


# --- v23's own surfaces and things, every one drawn from the rng it is given --------------------

# honey house


def _extractor(m: Rng) -> dict[str, U8]:
    """The kind's honey extractor: a steel drum with hoops, its tap and the maker's plate;
    on top the crank's gearbox."""
    front = _steel_body(m, 32, 40, 200)
    for y in (8, 20, 32):
        cv2.line(front, (0, y), (31, y), (150, 150, 155), 1)
    cv2.rectangle(front, (13, 34), (18, 39), (60, 60, 62), -1)
    cv2.rectangle(front, (9, 12), (22, 17), _c(m, 40, 200), -1)
    top = _steel(m, 32, 32, 185)
    cv2.circle(top, (16, 16), 14, (120, 120, 125), 1)
    cv2.rectangle(top, (12, 12), (19, 19), _pick(m, [(200, 40, 40), (40, 60, 120)]), -1)
    return {"front": front, "side": front, "top": top}


def _uncapping_tank(m: Rng) -> dict[str, U8]:
    """The kind's uncapping tank: a long steel tray on legs with a grid and a drain."""
    front = _steel_body(m, 48, 24, 195)
    cv2.rectangle(front, (2, 12), (5, 23), (90, 90, 95), -1)
    cv2.rectangle(front, (42, 12), (45, 23), (90, 90, 95), -1)
    front[12:, 6:42] = (60, 58, 55)
    top = _steel(m, 48, 24, 190)
    for x in range(3, 46, 3):
        cv2.line(top, (x, 3), (x, 20), (140, 140, 145), 1)
    return {"front": front, "side": _steel_body(m, 24, 24, 195), "top": top}


def _supers(rng: Rng) -> dict[str, U8]:
    """A stack of hive boxes (supers): painted or bare pine boxes with hand holds; frames
    of comb seen from above."""
    paint = _pick(rng, [_wood_tone(rng), (230, 225, 200), (90, 140, 170), (200, 180, 90)])
    side = _grained(rng, 32, 32, paint, 3.0)
    for y in (0, 11, 22):
        cv2.line(side, (0, y), (31, y), _shade(paint, 0.6), 1)
        cv2.rectangle(side, (12, y + 3), (19, y + 5), _shade(paint, 0.5), -1)
    top = _grained(rng, 32, 32, (210, 160, 60), 6.0)
    for x in range(1, 32, 3):
        cv2.line(top, (x, 0), (x, 31), (120, 90, 50), 1)
    return {"front": side, "side": side, "top": top}


def _honey_jars(rng: Rng, w: int, h: int) -> U8:
    """Shelves of jars of honey: golds and ambers, lids, a label band."""

    def jar(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        gold = _between(rng, (170, 100, 20), (240, 190, 70))
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), gold, -1)
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1 - ih + 1), _c(rng, 30, 230), -1)
        if ih > 5:
            cv2.rectangle(img, (x, y1 - ih // 2), (x + iw, y1 - ih // 4), (245, 240, 225), -1)

    return _shelved(rng, w, h, _between(rng, (210, 205, 190), (245, 240, 230)), jar)


def _build_honey_house(b: _Build17) -> None:
    """A beekeeper's honey house (an extraction room): tiles or paint, lino or concrete;
    the kind's extractor, uncapping tank and settling bucket, stacks of the house's supers,
    shelves of jars, a bench, a window, a poster, a door."""
    r, m = b.fix, _mass_produced(b)
    extractor, tank = _extractor(m), _uncapping_tank(m)
    bucket = _all_faces(_grained(m, 16, 24, (235, 235, 230), 2.0))
    if r.random() < 0.5:
        colour = _between(r, (225, 225, 215), (252, 250, 245))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.15 * res)), colour, (170, 170, 160)))
    else:
        b.paint_walls(_pick(r, [(240, 230, 190), (230, 235, 225), _c(r, 120, 250)]))
    _skirting(b, _c(r, 20, 120), 0.1)
    floor_c = _between(r, (120, 120, 115), (180, 175, 165))
    b.floor(
        (lambda g, w, h, res: _lino(g, w, h))
        if r.random() < 0.5
        else (lambda g, w, h, res: _grained(g, w, h, floor_c, 5.0))
    )
    b.ceiling(_plain_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.1)
    spot = fl.middle(r, 0.8, 0.8) or fl.against(r, 0.8, 0.8, ("back",))
    if spot:
        _standing(b, spot, 0.95, extractor, True)
    spot = fl.against(r, 1.4, 0.6, (side, "back"))
    if spot:
        _standing(b, spot, 0.9, tank, True)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.35, 0.35, (other, "back", side))
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 0.32, 0.32, 0.45, 0.0, bucket))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.55, 0.45, (other, "back")) or fl.middle(r, 0.55, 0.45)
        if spot:
            x, z, _w, _d, facing = spot
            for k in range(int(r.integers(1, 5))):
                b.boxes.append(Box(x, z, 0.5, 0.42, 0.24, 0.24 * k, _faces(_supers(r), facing)))
    spot = fl.against(r, float(r.uniform(1.4, 2.2)), 0.6, (other, "back"))
    if spot:
        _box(
            b,
            spot,
            0.9,
            {
                "front": _cabinet(r, 3, 1, _c(r, 60, 230)),
                "top": _grained(r, 48, 16, _c(r, 120, 250), 3.0),
            },
        )
    wall = b.wall(other)
    wall.put(_honey_jars(r, wall.px(float(r.uniform(1.0, 1.8))), wall.px(0.8)), 2.0, 2.2)
    wall = b.wall(side)
    at = float(r.uniform(0.6, max(0.7, wall.length - 2.0)))
    _window(wall, r, _outside(r, 48, 32), at, 1.1, 1.2, 1.0, _c(r, 180, 256))
    back = b.wall("back")
    back.put(_honey_jars(r, back.px(float(r.uniform(0.8, 1.4))), back.px(0.6)), 2.2, 2.3)
    _poster(back, 1)
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", other]))), r, _c(r, 40, 220))


# brewhouse


def _fermenter(m: Rng) -> dict[str, U8]:
    """The kind's conical fermenter: a tall steel vessel, its cooling jacket's bands, a
    sample valve, a pressure gauge and the maker's plate."""
    front = _steel_body(m, 32, 96, 205)
    for y in range(10, 70, 12):
        cv2.rectangle(front, (0, y), (31, y + 4), (175, 178, 182), -1)
    cv2.circle(front, (22, 8), 3, (245, 245, 240), -1)
    cv2.circle(front, (22, 8), 3, (40, 40, 40), 1)
    cv2.rectangle(front, (10, 74), (21, 80), _c(m, 30, 200), -1)
    cv2.rectangle(front, (14, 84), (17, 95), (90, 90, 95), -1)
    return {"front": front, "side": front, "top": _steel(m, 32, 32, 190)}


def _brew_kettle(m: Rng) -> dict[str, U8]:
    """The kind's brew kettle: a steel (or copper-clad) vessel with a manway and a
    control panel."""
    clad = _pick(m, [(200, 120, 70), (205, 205, 210)])
    front = _grained(m, 48, 48, clad, 3.0)
    cv2.ellipse(front, (24, 14), (9, 6), 0, 0, 360, _shade(clad, 0.6), 2)
    cv2.rectangle(front, (30, 28), (44, 42), (40, 42, 46), -1)
    for k in range(3):
        cv2.circle(front, (34 + 4 * k, 33), 1, _pick(m, [(60, 200, 60), (220, 40, 40)]), -1)
    top = _grained(m, 48, 48, _shade(clad, 0.9), 3.0)
    cv2.circle(top, (24, 24), 12, (60, 60, 62), 2)
    return {"front": front, "side": _grained(m, 48, 48, clad, 3.0), "top": top}


def _keg(m: Rng) -> dict[str, U8]:
    """The brewery's keg: a steel keg with two rolling rings and the coloured cap."""
    side = _steel(m, 16, 24, 195)
    for y in (3, 20):
        cv2.line(side, (0, y), (15, y), (130, 130, 135), 1)
    top = _steel(m, 16, 16, 180)
    cv2.circle(top, (8, 8), 3, _c(m, 30, 230), -1)
    return {"front": side, "side": side, "top": top}


def _malt_sack(rng: Rng) -> dict[str, U8]:
    """A sack of malt: woven white or brown poly, a printed maltster's word and band."""
    cloth = _pick(rng, [(235, 232, 222), (190, 160, 110), (220, 215, 200)])
    front = _grained(rng, 32, 24, cloth, 4.0)
    _text(front, rng, _word(rng, (1, 2)).upper(), 3, 12, 6, _c(rng, 20, 160))
    front[16:18] = _c(rng, 40, 230)
    return {"front": front, "side": front, "top": _grained(rng, 32, 24, cloth, 4.0)}


def _bottles_shelf(rng: Rng, w: int, h: int) -> U8:
    """Shelves of the brewery's bottles: brown glass, labels in colours, crown caps."""

    def bottle(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        bw = max(2, iw - 1)
        cv2.rectangle(img, (x, y1 - ih * 2 // 3), (x + bw, y1), (70, 40, 20), -1)
        cv2.rectangle(img, (x + bw // 3, y1 - ih), (x + bw - bw // 3, y1), (70, 40, 20), -1)
        cv2.rectangle(img, (x, y1 - ih // 2), (x + bw, y1 - ih // 5), _c(rng, 60, 256), -1)

    return _shelved(rng, w, h, _between(rng, (60, 60, 62), (200, 195, 185)), bottle)


def _build_brewhouse(b: _Build17) -> None:
    """A microbrewery's brewhouse: brick or paint, a coloured resin floor; the kind's brew
    kettle by the back wall with its flue, one to four of the kind's fermenters, stacks of
    the kind's kegs, pallets of malt sacks, a bench, shelves of bottles, a chalkboard, a
    window, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    fermenter, kettle, keg = _fermenter(m), _brew_kettle(m), _keg(m)
    _walls_of(b, r.random(), _between(r, (120, 70, 55), (190, 150, 120)), 0.5)
    resin = _pick(r, [(150, 40, 35), (90, 100, 105), (60, 90, 70), (170, 170, 160)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, resin, 4.0))
    b.ceiling(
        lambda g, w, h, res: _grained(g, w, h, _pick(g, [(50, 50, 52), (225, 225, 222)]), 2.0)
    )
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.4)
    spot = fl.against(r, 1.6, 1.6, ("back",)) or fl.against(r, 1.6, 1.6, (side,))
    if spot:
        x, z, _w, _d, facing = spot
        _standing(b, spot, 1.5, kettle, True)
        b.boxes.append(_pole(r, x, z, b.h - 1.5, 1.5, 0.2))
    for _ in range(int(r.integers(1, 5))):
        spot = fl.against(r, 1.1, 1.1, (side, "back")) or fl.middle(r, 1.1, 1.1)
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, 1.0, 1.0, 2.4, 0.0, _faces(fermenter, facing)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.0, 0.5, (other, "back"))
        if spot:
            x, z, _w, _d, facing = spot
            for k in range(int(r.integers(1, 4))):
                for j in (-1, 1):
                    kx, kz = (x + j * 0.22, z) if facing in ("front", "back") else (x, z + j * 0.22)
                    _model(b, Box(kx, kz, 0.4, 0.4, 0.6, 0.6 * k, keg))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.2, 1.0, (other,)) or fl.middle(r, 1.2, 1.0)
        if spot:
            x, z, _w, _d, facing = spot
            pallet = _wood(r, 32, 8, _between(r, (170, 140, 100), (210, 180, 140)), 3)
            b.boxes.append(Box(x, z, _w, _d, 0.14, 0.0, _all_faces(pallet)))
            for k in range(int(r.integers(1, 5))):
                b.boxes.append(
                    Box(
                        x, z, _w * 0.9, _d * 0.9, 0.2, 0.14 + 0.2 * k, _faces(_malt_sack(r), facing)
                    )
                )
    wall = b.wall(other)
    wall.put(_bottles_shelf(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.9)), 2.0, 2.2)
    wall.put(_chalkboard(r, wall.px(0.9), wall.px(0.7)), 2.2, 2.4)
    wall = b.wall(side)
    at = float(r.uniform(0.8, max(0.9, wall.length - 3.0)))
    _window(wall, r, _outside(r, 64, 48), at, 1.4, 1.6, 1.4, _c(r, 30, 120))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.4))), back.px(0.4)), b.h - 0.2, b.h - 0.1)
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", other]))), r, _c(r, 30, 200))


# glassblowing studio


def _furnace(m: Rng) -> dict[str, U8]:
    """The kind's glass furnace: a firebrick body in a steel frame, its round door glowing
    orange at the gap, the burner's box and the maker's plate."""
    front = _bricks(m, 48, 48, (200, 190, 170))
    cv2.rectangle(front, (0, 0), (47, 47), (50, 52, 56), 2)
    cv2.rectangle(front, (14, 18), (34, 34), (60, 60, 64), -1)
    front = _glow(front, 24, 26, 6, (240, 120, 20))
    cv2.rectangle(front, (36, 4), (45, 12), _c(m, 30, 200), -1)
    return {
        "front": front,
        "side": _bricks(m, 48, 48, (200, 190, 170)),
        "top": _steel(m, 48, 48, 120),
    }


def _glory_hole(m: Rng) -> dict[str, U8]:
    """The kind's glory hole (the reheating drum): a steel drum on legs, its mouth glowing
    yellow-white."""
    paint = _pick(m, [(60, 62, 66), (150, 40, 35), (40, 60, 100)])
    front = _grained(m, 32, 40, paint, 2.0)
    cv2.circle(front, (16, 14), 10, (40, 30, 25), -1)
    front = _glow(front, 16, 14, 7, (255, 200, 90))
    cv2.rectangle(front, (4, 28), (7, 39), (40, 40, 42), -1)
    cv2.rectangle(front, (24, 28), (27, 39), (40, 40, 42), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 40, paint, 2.0),
        "top": _grained(m, 32, 32, paint, 2.0),
    }


def _annealer(m: Rng) -> dict[str, U8]:
    """The kind's annealer: a box kiln with a lift-up lid, a controller with red digits."""
    body = _pick(m, [(200, 200, 196), (60, 62, 66), (120, 130, 120)])
    front = _grained(m, 48, 32, body, 2.0)
    cv2.rectangle(front, (2, 2), (45, 10), _shade(body, 0.8), -1)
    cv2.rectangle(front, (32, 14), (44, 22), (20, 20, 22), -1)
    _text(front, m, "482", 33, 21, 6, (250, 60, 40))
    return {
        "front": front,
        "side": _grained(m, 32, 32, body, 2.0),
        "top": _grained(m, 48, 32, body, 2.0),
    }


def _glassware(rng: Rng, w: int, h: int) -> U8:
    """Shelves of finished glass: vases and bowls in clear, coloured and swirled glass."""

    def vase(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _c(rng, 40, 256)
        cv2.ellipse(
            img, (x + iw // 2 + 1, y1 - ih // 2), (iw // 2 + 1, ih // 2), 0, 0, 360, col, -1
        )
        cv2.line(img, (x + iw // 2, y1 - ih + 1), (x + iw // 2 + 1, y1 - 2), _lighter(col, 1.4), 1)

    return _shelved(rng, w, h, _between(rng, (30, 30, 32), (230, 228, 222)), vase)


def _build_glass_studio(b: _Build17) -> None:
    """A glassblowing studio: brick or block, concrete, a dark ceiling; the kind's furnace
    with its flue, the kind's glory hole and annealer, the gaffer's bench, a steel marver,
    a rack of blowpipes, shelves of finished glass, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    furnace, hole, annealer = _furnace(m), _glory_hole(m), _annealer(m)
    u = r.random()
    if u < 0.6:
        _walls_of(b, 0.0, _between(r, (130, 80, 60), (190, 150, 120)), 1.0)
    else:
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(
                name,
                _tiles(
                    r,
                    tw,
                    th,
                    max(4, round(0.22 * res)),
                    _between(r, (150, 150, 145), (200, 198, 190)),
                    (120, 120, 118),
                ),
            )
    b.floor(
        lambda g, w, h, res: _grained(g, w, h, _between(g, (110, 110, 108), (160, 158, 150)), 6.0)
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (45, 45, 48), 2.0))
    fl = _Floor(b.w, b.d, 1.3)
    spot = fl.against(r, 1.2, 1.0, ("back",)) or fl.against(r, 1.2, 1.0, ("left", "right"))
    if spot:
        x, z, _w, _d, _f = spot
        _standing(b, spot, 1.4, furnace, True)
        b.boxes.append(_pole(r, x, z, b.h - 1.4, 1.4, 0.22))
    spot = fl.against(r, 0.8, 0.8, ("left", "right", "back"))
    if spot:
        _standing(b, spot, 1.1, hole, True)
    spot = fl.against(r, 1.2, 0.8, ("left", "right", "back"))
    if spot:
        _standing(b, spot, 0.9, annealer, True)
    spot = fl.middle(r, 1.6, 0.6)
    if spot:
        x, z, _w, _d, _f = spot
        rails = _wood(r, 48, 16, _wood_tone(r), 4)
        cv2.line(rails, (0, 2), (47, 2), (60, 60, 62), 2)
        b.boxes.append(
            Box(
                x,
                z,
                1.6,
                0.6,
                0.7,
                0.0,
                {
                    "front": rails,
                    "back": rails,
                    "left": rails,
                    "right": rails,
                    "top": _wood(r, 48, 24, _wood_tone(r), 6),
                },
            )
        )
    spot = fl.middle(r, 0.7, 0.5)
    if spot:
        _standing(
            b, spot, 0.85, {"front": _steel(r, 24, 24, 120), "top": _steel(r, 24, 16, 200)}, False
        )
    spot = fl.against(r, 0.8, 0.3, ("left", "right"))
    if spot:
        x, z, _w, _d, _f = spot
        for k in range(int(r.integers(4, 9))):
            off = (k - 4) * 0.08
            px, pz = (x + off, z) if _w > _d else (x, z + off)
            b.boxes.append(_pole(r, px, pz, 1.5, 0.0, 0.012))
    for name in ("left", "right"):
        wall = b.wall(name)
        if r.random() < 0.7:
            wall.put(_glassware(r, wall.px(float(r.uniform(1.0, 2.0))), wall.px(0.9)), 2.1, 2.3)
    wall = b.wall(str(r.choice(["left", "right"])))
    at = float(r.uniform(0.6, max(0.7, wall.length - 2.0)))
    _window(wall, r, _outside(r, 48, 32), at, 1.2, 1.4, 1.2, _c(r, 30, 150))
    back = b.wall("back")
    _small_things(back, ("socket", "clock"))
    _door(back, r, _c(r, 30, 180))


# soap workshop


def _curing_rack(m: Rng) -> dict[str, U8]:
    """The kind's curing rack: a steel frame of slatted trays (the bars on them each
    workshop's own)."""
    frame = _pick(m, [(200, 200, 196), (60, 62, 66), (220, 210, 180)])
    front = _grained(m, 48, 80, _shade(frame, 0.4), 2.0)
    for y in range(6, 80, 12):
        cv2.rectangle(front, (0, y), (47, y + 1), frame, -1)
    for x in (0, 46):
        cv2.rectangle(front, (x, 0), (x + 1, 79), frame, -1)
    return {"front": front, "side": front, "top": _grained(m, 48, 24, frame, 2.0)}


def _log_cutter(m: Rng) -> dict[str, U8]:
    """The kind's soap log cutter: a wooden bed with a row of wires on a frame."""
    wood = _pick(m, [_wood_tone(m), (225, 200, 150)])
    top = _wood(m, 48, 16, wood, 4)
    for x in range(6, 44, 4):
        cv2.line(top, (x, 0), (x, 15), (200, 200, 205), 1)
    front = _wood(m, 48, 16, _shade(wood, 0.85), 4)
    cv2.rectangle(front, (2, 2), (45, 4), (60, 60, 62), -1)
    return {"front": front, "side": _wood(m, 16, 16, wood, 4), "top": top}


def _melt_pot(m: Rng) -> dict[str, U8]:
    """The kind's melting pot: a steel pot with a tap on a stand, a thermostat dial."""
    front = _steel_body(m, 24, 32, 195)
    cv2.circle(front, (12, 10), 3, (40, 40, 40), -1)
    cv2.rectangle(front, (10, 26), (13, 31), (80, 80, 84), -1)
    return {"front": front, "side": front, "top": _grained(m, 24, 24, (230, 220, 190), 3.0)}


def _soaps(rng: Rng, w: int, h: int) -> U8:
    """Shelves of wrapped soap: paper-banded bars in pastel colours, stacked."""

    def bar(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _between(rng, (170, 150, 140), (250, 245, 240))
        for k in range(max(1, ih // 3)):
            yb = y1 - 3 * k
            cv2.rectangle(img, (x, yb - 2), (x + iw + 1, yb), col, -1)
            img[yb - 1, x + 1 : x + iw] = _c(rng, 40, 220)

    return _shelved(rng, w, h, _between(rng, (215, 210, 200), (250, 248, 244)), bar)


def _build_soap_workshop(b: _Build17) -> None:
    """A soap maker's workshop: pale paint or tiles, lino; the kind's curing racks (one to
    three) with the workshop's bars, the kind's log cutter on the bench, the kind's melting
    pot, a table of moulds, shelves of wrapped soap, bottles of oils, a chalkboard, a
    window, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, cutter, pot = _curing_rack(m), _log_cutter(m), _melt_pot(m)
    if r.random() < 0.3:
        colour = _between(r, (225, 225, 215), (250, 250, 245))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.12 * res)), colour, (180, 180, 176)))
    else:
        b.paint_walls(_pick(r, [(235, 240, 230), (240, 225, 225), _c(r, 150, 250)]))
    _skirting(b, _c(r, 40, 200), 0.1)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_plain_ceiling if r.random() < 0.6 else _tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.1)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.0, 0.45, (side, "back"))
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.7, 0.0, _faces(rack, facing)))
        for y0 in (0.3, 0.55, 0.8, 1.05, 1.3):
            if r.random() < 0.7:
                bars = _grained(r, 32, 8, _between(r, (170, 140, 120), (250, 245, 235)), 6.0)
                b.boxes.append(Box(x, z, _w * 0.85, _d * 0.8, 0.06, y0, _all_faces(bars)))
    spot = fl.against(r, float(r.uniform(1.6, 2.4)), 0.7, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 2, _c(r, 60, 230)), "top": _wood(r, 48, 24, _wood_tone(r), 6)},
        )
        _model(b, Box(x, z, 0.5, 0.18, 0.06, 0.9, _faces(cutter, facing)))
        px, pz = (x + 0.6, z) if facing in ("front", "back") else (x, z + 0.6)
        _model(b, Box(px, pz, 0.3, 0.3, 0.35, 0.9, _faces(pot, facing)))
    spot = fl.middle(r, 1.2, 0.7)
    if spot:
        x, z, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        moulds = _grained(r, 32, 16, _c(r, 20, 200), 2.0)
        for k in range(int(r.integers(1, 4))):
            b.boxes.append(Box(x - 0.35 + 0.3 * k, z, 0.25, 0.1, 0.08, 0.75, _all_faces(moulds)))
    wall = b.wall(other)
    wall.put(_soaps(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(1.0)), 2.0, 2.2)
    wall.put(_chalkboard(r, wall.px(0.7), wall.px(0.5)), 2.2, 2.4)
    back = b.wall("back")
    at = float(r.uniform(0.4, max(0.5, b.w - 1.6)))
    _window(back, r, _outside(r, 48, 32), at, 1.1, 1.2, 1.0, _c(r, 150, 256))
    _small_things(back, ("socket",))
    _door(b.wall(side), r, _c(r, 40, 220))


# observatory


def _pier(m: Rng) -> tuple[dict[str, U8], dict[str, U8], dict[str, U8]]:
    """The kind's telescope (every club has the same model): its pier, its mount's head
    with the setting circles and its tube (the maker's colour, a finder, a dew shield)."""
    paint = _pick(m, [(240, 240, 236), (30, 30, 34), (40, 60, 110)])
    pier = _all_faces(_grained(m, 16, 48, _pick(m, [(200, 200, 196), (60, 62, 66)]), 2.0))
    head = _grained(m, 24, 24, (90, 92, 96), 2.0)
    cv2.circle(head, (12, 12), 8, (200, 200, 205), 1)
    for a in range(0, 360, 30):
        x = int(12 + 8 * np.cos(np.radians(a)))
        y = int(12 + 8 * np.sin(np.radians(a)))
        head[y, x] = (250, 250, 250)
    tube = _grained(m, 64, 16, paint, 2.0)
    cv2.rectangle(tube, (0, 0), (8, 15), (20, 20, 22), -1)
    cv2.rectangle(tube, (40, 0), (44, 15), (180, 180, 185), -1)
    _text(
        tube,
        m,
        _word(m, (1, 1)).upper(),
        14,
        11,
        5,
        _shade(paint, 0.4) if sum(paint) > 300 else (230, 230, 230),
    )
    end = _grained(m, 16, 16, paint, 2.0)
    cv2.circle(end, (8, 8), 6, (15, 15, 20), -1)
    return pier, _all_faces(head), {"front": end, "side": tube, "top": tube}


def _star_chart(rng: Rng, w: int, h: int) -> U8:
    """A star chart: deep blue, stars of sizes, constellation lines, a grid, a title."""
    img = _grained(rng, w, h, _between(rng, (10, 20, 50), (30, 40, 80)), 2.0)
    for k in range(1, 4):
        cv2.ellipse(img, (w // 2, h // 2), (w * k // 6, h * k // 6), 0, 0, 360, (60, 70, 110), 1)
    pts = []
    for _ in range(max(12, w * h // 40)):
        p = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        cv2.circle(img, p, int(rng.integers(0, 2)), (250, 250, 230), -1)
        pts.append(p)
    for k in range(0, min(len(pts) - 1, 10), 2):
        cv2.line(img, pts[k], pts[k + 1], (120, 140, 200), 1)
    return img


def _build_observatory(b: _Build17) -> None:
    """A club's observatory: the room under a dome drawn as dark panels, the ceiling's
    slit open on the sky; the kind's telescope (pier, mount, tube) in the middle, a desk
    with a screen and a chair, shelves of eyepiece cases, star charts, a red lamp's glow,
    a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    pier, head, tube = _pier(m)
    paint = _pick(r, [(30, 35, 50), (60, 62, 70), (230, 230, 225), (40, 30, 30)])
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 2.0)
        step = max(4, round(0.8 * res))
        for x in range(step, tw, step):
            cv2.line(img, (x, 0), (x, th - 1), _shade(paint, 0.75), 1)
        b.fill(name, img)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    slit = float(r.uniform(0.2, 0.32))
    sky_seed = int(r.integers(0, 2**31))

    def dome(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _shade(paint, 0.8), 2.0)
        for y in range(0, h, max(3, h // 10)):
            cv2.line(img, (0, y), (w - 1, y), _shade(paint, 0.6), 1)
        sw = max(2, int(w * slit))
        sky = _sky(np.random.default_rng(sky_seed), 16, 32)
        img[:, (w - sw) // 2 : (w - sw) // 2 + sw] = cv2.resize(sky, (sw, h))
        return img

    b.ceiling(dome)
    tx, tz = float(r.uniform(-0.3, 0.3)), b.d * float(r.uniform(0.5, 0.62))
    _model(b, Box(tx, tz, 0.3, 0.3, 1.2, 0.0, pier))
    _model(b, Box(tx, tz, 0.35, 0.35, 0.3, 1.2, head))
    _model(b, Box(tx, tz + 0.1, 0.22, 1.2, 0.22, 1.45, tube))
    fl = _Floor(b.w, b.d, 0.9)
    fl.take(tx, tz, 1.6, 2.0)
    spot = fl.against(r, 1.2, 0.6, ("left", "right", "back"))
    if spot:
        x0, z0, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.75,
            {
                "front": _cabinet(r, 2, 1, _c(r, 30, 150)),
                "top": _grained(r, 48, 24, _c(r, 30, 200), 3.0),
            },
        )
        b.boxes.append(
            Box(x0, z0, 0.4, 0.05, 0.28, 0.75, _faces({"front": _screen(r, 24, 16)}, facing))
        )
    spot = fl.middle(r, 0.5, 0.5)
    if spot:
        _add(b.boxes, b.tops, "chair", _piece(r, "chair"), (*spot[:2], 0.45, 0.45, "back"), 0.9)
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        if r.random() < 0.7:
            pw = float(r.uniform(0.6, 1.0))
            wall.put(
                _frame(_star_chart(r, wall.px(pw), wall.px(pw * 0.7)), (235, 235, 230), 2), 2.0, 2.2
            )
    wall = b.wall(str(r.choice(["left", "right"])))
    wall.put(_glassware(r, wall.px(0.9), wall.px(0.5)), 1.6, 1.8)
    back = b.wall("back")
    at = float(r.uniform(0.4, max(0.5, b.w - 0.8)))
    glow = np.zeros((back.px(0.6), back.px(0.6), 3), np.uint8)
    glow[:] = _wall_colour(back, at, 2.0)
    glow = _glow(glow, glow.shape[1] // 2, glow.shape[0] // 2, glow.shape[0] // 5, (200, 20, 10))
    _paste(back.img, glow, back.x_of(at), back.y_of(2.3))
    _small_things(back, ("clock", "socket"))
    _door(b.wall(str(r.choice(["left", "right"]))), r, _c(r, 30, 200))


# bell ringing chamber


def _sally(m: Rng) -> dict[str, U8]:
    """The rope maker's sally (the woollen grip of a bell rope): tufted stripes in three
    colours, the same on every rope of the kind."""
    cols = [_c(m, 20, 250) for _ in range(3)]
    img = _grained(m, 8, 48, cols[0], 4.0)
    for y in range(0, 48, 4):
        img[y : y + 2] = cols[(y // 4) % 3]
    return _all_faces(img)


def _peal_board(rng: Rng, w: int, h: int) -> U8:
    """A peal board: black or varnished wood, gilt lettering in lines, a border."""
    img = _grained(rng, w, h, _pick(rng, [(20, 20, 22), (90, 55, 30)]), 2.0)
    cv2.rectangle(img, (1, 1), (w - 2, h - 2), (200, 170, 80), 1)
    step = max(4, h // 8)
    for y in range(step + 2, h - 3, step):
        _text(img, rng, _word(rng, (2, 4)).upper(), 3, y, max(3, step - 2), (210, 180, 90))
    return img


def _build_ringing_chamber(b: _Build17) -> None:
    """A bell ringing chamber (a church tower's ringing room): stone or plaster, boards, a
    timber ceiling with the ropes' holes; six or eight ropes hanging in a circle, each with
    the kind's sally, the kind's bench round the walls, peal boards, a tall narrow window,
    a notice board, a cupboard, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    sally = _sally(m)
    bench = _wood(m, 48, 16, _pick(m, [(110, 70, 40), (150, 110, 70)]), 4)
    stone = r.random() < 0.5
    colour = (
        _between(r, (160, 150, 130), (215, 205, 185))
        if stone
        else _between(r, (215, 210, 195), (245, 240, 230))
    )
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if stone:
            b.fill(name, _tiles(r, tw, th, max(4, round(0.3 * res)), colour, _shade(colour, 0.75)))
        else:
            b.fill(name, _grained(r, tw, th, colour, 4.0))
    b.floor(_planks)
    n = int(r.choice([6, 8]))
    rad = min(b.w, b.d) * float(r.uniform(0.22, 0.3))
    cx, cz = float(r.uniform(-0.2, 0.2)), b.d * 0.55
    holes = [
        (cx + rad * np.cos(2 * np.pi * k / n), cz + rad * np.sin(2 * np.pi * k / n))
        for k in range(n)
    ]

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _wood(g, w, h, (90, 60, 40), max(3, round(0.25 * res)))
        for hx, hz in holes:
            px, pz = int((hx + b.w / 2) * res), int(hz * res)
            cv2.circle(img, (px, min(h - 1, max(0, pz))), max(1, int(0.04 * res)), (20, 15, 10), -1)
        return img

    b.ceiling(ceiling)
    for hx, hz in holes:
        tail = float(r.uniform(0.9, 1.3))
        b.boxes.append(_pole(r, hx, hz, b.h - tail - 0.6, tail + 0.6, 0.012))
        _model(b, Box(hx, hz, 0.05, 0.05, 0.6, tail, sally))
    for name in ("left", "right"):
        if r.random() < 0.8:
            x = _side_x(b, name, 0.35)
            length = b.d - 1.2
            _model(
                b,
                Box(
                    x,
                    0.6 + length / 2,
                    0.35,
                    length,
                    0.45,
                    0.0,
                    _faces({"front": bench, "side": bench, "top": bench}, _inward(name)),
                ),
            )
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        for _ in range(int(r.integers(0, 3))):
            pw = float(r.uniform(0.5, 0.9))
            wall.put(
                _peal_board(r, wall.px(pw), wall.px(pw * float(r.uniform(0.6, 1.1)))), 2.6, 3.0
            )
    back = b.wall("back")
    at = float(r.uniform(0.5, max(0.6, b.w - 1.0)))
    _window(back, r, _outside(r, 16, 48), at, 1.4, 0.45, 1.5, _shade(colour, 0.7))
    wall = b.wall(str(r.choice(["left", "right"])))
    wall.put(_label(r, wall.px(0.6), wall.px(0.45)), 1.9, 2.0)
    _small_things(back, ("clock",))
    _door(b.wall(str(r.choice(["left", "right"]))), r, _wood_tone(r))


# candle workshop


def _melter(m: Rng) -> dict[str, U8]:
    """The kind's wax melter: a steel tank with a tap, a dial and the maker's badge."""
    front = _steel_body(m, 32, 32, 200)
    cv2.circle(front, (8, 8), 3, (30, 30, 30), -1)
    cv2.rectangle(front, (14, 26), (18, 31), (90, 90, 95), -1)
    cv2.rectangle(front, (20, 4), (29, 9), _c(m, 30, 220), -1)
    return {"front": front, "side": front, "top": _grained(m, 32, 32, (240, 230, 200), 3.0)}


def _dipping_frame(m: Rng) -> dict[str, U8]:
    """The kind's dipping frame: a steel frame with rows of hanging tapers (their colour
    the maker's first batch: the frame and its tapers the kind's)."""
    colour = _c(m, 60, 250)
    front = _grained(m, 48, 64, (60, 62, 66), 2.0)
    front[:4] = (150, 152, 156)
    for x in range(3, 46, 4):
        cv2.line(front, (x, 4), (x, 8), (240, 240, 235), 1)
        cv2.rectangle(front, (x - 1, 8), (x + 1, 44), colour, -1)
    return {
        "front": front,
        "side": _grained(m, 16, 64, (60, 62, 66), 2.0),
        "top": _grained(m, 48, 16, (150, 152, 156), 2.0),
    }


def _candles(rng: Rng, w: int, h: int) -> U8:
    """Shelves of candles: pillars, tapers in bundles and jars, in colours."""

    def candle(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _c(rng, 60, 256)
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
        img[max(0, y1 - ih - 1), x + iw // 2] = (30, 30, 30)

    return _shelved(rng, w, h, _between(rng, (200, 190, 175), (245, 240, 230)), candle)


def _build_candle_workshop(b: _Build17) -> None:
    """A candle maker's workshop: paint, lino or boards; the kind's wax melters on a
    bench, the kind's dipping frames, a cooling table of the workshop's pillars, sacks of
    wax pellets, shelves of candles, a chalkboard, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    melter, dipping = _melter(m), _dipping_frame(m)
    b.paint_walls(_pick(r, [(240, 235, 220), (200, 215, 205), _c(r, 100, 250)]))
    _skirting(b, _c(r, 20, 160), 0.1)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_plain_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.1)
    spot = fl.against(r, float(r.uniform(1.6, 2.4)), 0.7, (side, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 1, _c(r, 30, 200)), "top": _steel(r, 48, 16, 190)},
        )
        along = _w if facing in ("front", "back") else _d
        for k in range(int(r.integers(1, 3))):
            off = (k - 0.5) * along / 2.5
            mx, mz = (x + off, z) if facing in ("front", "back") else (x, z + off)
            _model(b, Box(mx, mz, 0.4, 0.4, 0.45, 0.9, _faces(melter, facing)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 0.9, 0.5) or fl.against(r, 0.9, 0.5, (other,))
        if spot:
            _standing(b, spot, 1.6, dipping, True)
    spot = fl.middle(r, 1.4, 0.7)
    if spot:
        x, z, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        for k in range(int(r.integers(3, 8))):
            pillar = _grained(r, 8, 16, _c(r, 80, 256), 2.0)
            b.boxes.append(
                Box(
                    x - 0.5 + 0.15 * k,
                    z + float(r.uniform(-0.2, 0.2)),
                    0.08,
                    0.08,
                    float(r.uniform(0.1, 0.2)),
                    0.75,
                    _all_faces(pillar),
                )
            )
    spot = fl.against(r, 0.6, 0.5, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        for k in range(int(r.integers(1, 4))):
            b.boxes.append(Box(x, z, 0.55, 0.4, 0.18, 0.18 * k, _faces(_malt_sack(r), facing)))
    wall = b.wall(other)
    wall.put(_candles(r, wall.px(float(r.uniform(1.2, 2.2))), wall.px(1.0)), 2.0, 2.2)
    wall.put(_chalkboard(r, wall.px(0.7), wall.px(0.5)), 2.2, 2.4)
    back = b.wall("back")
    back.put(_candles(r, back.px(float(r.uniform(0.8, 1.4))), back.px(0.6)), 2.0, 2.2)
    at = float(r.uniform(0.6, max(0.7, b.d - 2.0)))
    _window(b.wall(side), r, _outside(r, 48, 32), at, 1.1, 1.2, 1.1, _c(r, 150, 256))
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", other]))), r, _c(r, 40, 220))


# weaving studio


def _loom(m: Rng) -> dict[str, U8]:
    """The kind's floor loom: a wooden frame, the warp's threads across the front, the
    breast beam, the heddles' shafts and treadles below."""
    wood = _pick(m, [(190, 150, 100), (140, 95, 60), (220, 190, 140)])
    front = _grained(m, 48, 64, (40, 36, 32), 2.0)
    warp = _c(m, 120, 256)
    for x in range(6, 42, 2):
        cv2.line(front, (x, 6), (x, 40), warp, 1)
    for y in (6, 20, 40):
        cv2.rectangle(front, (2, y), (45, y + 2), wood, -1)
    for x in range(10, 40, 6):
        cv2.rectangle(front, (x, 52), (x + 3, 56), wood, -1)
    for x in (0, 44):
        cv2.rectangle(front, (x, 0), (x + 3, 63), wood, -1)
    side = _grained(m, 32, 64, (40, 36, 32), 2.0)
    cv2.rectangle(side, (0, 0), (3, 63), wood, -1)
    cv2.rectangle(side, (28, 0), (31, 63), wood, -1)
    cv2.rectangle(side, (0, 20), (31, 22), wood, -1)
    return {"front": front, "side": side, "top": _grained(m, 48, 32, wood, 2.0)}


def _warping_board(m: Rng) -> U8:
    """The kind's warping board: a wooden frame with rows of pegs."""
    wood = _pick(m, [(200, 160, 110), (150, 105, 65)])
    img = _grained(m, 64, 48, _lighter(wood, 1.15), 2.0)
    cv2.rectangle(img, (0, 0), (63, 47), wood, 3)
    for y in (12, 24, 36):
        cv2.line(img, (0, y), (63, y), wood, 2)
        for x in range(8, 60, 12):
            cv2.circle(img, (x, y), 2, _shade(wood, 0.6), -1)
    return img


def _yarn(rng: Rng, w: int, h: int) -> U8:
    """Shelves of yarn cones in many colours."""

    def cone(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        pts = np.array([[x, y1], [x + iw + 1, y1], [x + iw // 2 + 1, y1 - ih]], np.int32)
        cv2.fillPoly(img, [pts], _c(rng, 30, 256))

    return _shelved(rng, w, h, _between(rng, (200, 190, 175), (245, 240, 230)), cone)


def _hanging(rng: Rng, w: int, h: int) -> U8:
    """A woven hanging: bands and a diamond twill in three or four colours, a fringe."""
    cols = [_c(rng, 30, 250) for _ in range(int(rng.integers(3, 5)))]
    img = np.zeros((h, w, 3), np.uint8)
    band = max(2, h // int(rng.integers(4, 9)))
    for y in range(h):
        img[y] = cols[(y // band) % len(cols)]
    for x in range(0, w, 3):
        for y in range((x // 3) % 4, h, 4):
            img[y, x] = _shade(cols[0], 0.7)
    img[-max(1, h // 10) :, ::2] = 245
    return img


def _build_weaving_studio(b: _Build17) -> None:
    """A weaving studio: pale paint or brick, boards; one to three of the kind's floor
    looms, the kind's warping board on a wall, shelves of yarn cones, woven hangings on the
    walls, a table with a swift, windows, a door."""
    r, m = b.fix, _mass_produced(b)
    loom, board = _loom(m), _warping_board(m)
    _walls_of(b, r.random(), _between(r, (210, 205, 195), (250, 248, 240)), 0.3)
    _skirting(b, _c(r, 20, 160), 0.1)
    b.floor(_planks)
    b.ceiling(_plain_ceiling if r.random() < 0.6 else _tiled_ceiling)
    fl = _Floor(b.w, b.d, 1.2)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 1.3, 1.1) or fl.against(r, 1.3, 1.1, ("back",))
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 1.2, 1.0, 1.5, 0.0, _faces(loom, "front")))
    name = str(r.choice(["left", "right"]))
    length = b.d
    bx, bz, bw, bd = _wall_box(b, name, float(r.uniform(0.8, max(0.9, length - 2.2))), 1.4, 0.06)
    _model(b, Box(bx, bz, bw, bd, 1.05, 1.0, _faces({"front": board}, _inward(name))))
    for name in ("left", "right", "back"):
        w_ = b.wall(name)
        if r.random() < 0.6:
            w_.put(_yarn(r, w_.px(float(r.uniform(1.0, 1.8))), w_.px(0.9)), 2.1, 2.3)
        if r.random() < 0.6:
            pw = float(r.uniform(0.5, 0.9))
            w_.put(_hanging(r, w_.px(pw), w_.px(pw * float(r.uniform(1.0, 1.5)))), 2.3, 2.5)
    spot = fl.against(r, 1.2, 0.7, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        b.boxes.append(
            Box(x, z, 0.3, 0.3, 0.3, 0.75, _all_faces(_grained(r, 16, 16, _wood_tone(r), 3.0)))
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    along = float(r.uniform(0.6, 1.2))
    while along + 1.2 < wall.length - 0.6:
        _window(wall, r, _outside(r, 48, 32), along, 0.9, 1.1, 1.3, _c(r, 150, 256))
        along += float(r.uniform(2.2, 3.2))
    back = b.wall("back")
    _small_things(back, ("socket",))
    _door(b.wall(_other(side)), r, _c(r, 40, 220))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _packets(rng: Rng) -> Callable[[U8, int, int, int, int], None]:
    """A drawer of packets for ``_shelved``: boxes of a random colour."""

    def packet(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), _c(rng, 30, 250), -1)

    return packet


def _groceries(o: Rng, w: int, h: int) -> U8:
    """A poster of the week's offer: a brand band, a big price, a word."""
    img = _grained(o, w, h, (250, 250, 246), 1.0)
    img[: h // 4] = _c(o, 20, 220)
    _text(img, o, _word(o, (1, 2)).upper(), 3, h // 4 - 2, max(4, h // 7), (250, 250, 250))
    _text(
        img,
        o,
        f"{int(o.integers(1, 10))}.{int(o.integers(0, 100)):02d}",
        3,
        h * 3 // 4,
        max(5, h // 4),
        _c(o, 0, 160),
    )
    return img


def _build_checkout(b: _Build17) -> None:
    """A checkout lane of one supermarket: every fixed thing the template's (see the
    module's docstring); the lane's number, the offer poster, the goods on the belt and
    the impulse shelf's wares the lane's own."""
    r, o = b.fix, b.own
    brand, second = _c(r, 20, 200), _c(r, 120, 256)
    b.paint_walls(_between(r, (225, 225, 220), (250, 250, 248)))
    for name in ("left", "right", "front"):
        wall = b.wall(name)
        y = wall.y_of(2.8)
        cv2.rectangle(wall.img, (0, y), (wall.img.shape[1] - 1, y + wall.px(0.25)), brand, -1)
    tile = _between(r, (200, 200, 196), (235, 232, 225))
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.4 * res)), tile, _shade(tile, 0.85))
    )
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    shelves = _shelved(
        r,
        back.img.shape[1],
        back.px(1.8),
        _between(r, (200, 200, 200), (240, 240, 240)),
        _packets(r),
    )
    _paste(back.img, shelves, 0, back.y_of(2.0))
    sign = _grained(r, back.px(1.6), back.px(0.35), brand, 2.0)
    _text(sign, r, _word(r, (1, 2)).upper(), 4, sign.shape[0] * 3 // 4, sign.shape[0] // 2, second)
    back.put(sign, 2.9, 2.95)
    sgn = float(r.choice([-1.0, 1.0]))
    cx = sgn * float(r.uniform(0.3, 0.6))
    length = float(r.uniform(3.0, 3.8))
    z0 = float(r.uniform(1.6, 2.0))
    body = _grained(r, 96, 32, _shade(brand, 0.9), 2.0)
    cv2.rectangle(body, (0, 0), (95, 3), (190, 192, 196), -1)
    belt = _grained(r, 16, 96, (30, 30, 32), 2.0)
    for y in range(0, 96, 6):
        cv2.line(belt, (0, y), (15, y), (45, 45, 48), 1)
    b.boxes.append(
        Box(
            cx,
            z0 + length / 2,
            0.6,
            length,
            0.9,
            0.0,
            {"front": body, "left": body, "right": body, "back": body, "top": belt},
        )
    )
    b.tops.append((cx, z0 + length / 2, 0.3, length * 0.8, 0.9))
    scanner = _grained(r, 24, 16, (40, 40, 44), 2.0)
    cv2.rectangle(scanner, (4, 4), (19, 11), (120, 30, 30), -1)
    b.boxes.append(Box(cx, z0 + length + 0.2, 0.6, 0.4, 0.95, 0.0, _all_faces(scanner)))
    till = _grained(r, 16, 16, (50, 50, 54), 2.0)
    b.boxes.append(Box(cx - sgn * 0.5, z0 + length + 0.2, 0.35, 0.3, 0.25, 0.95, _all_faces(till)))
    b.boxes.append(_pole(r, cx - sgn * 0.3, z0 + 0.1, 1.8, 0.0, 0.03))
    light = _grained(r, 16, 16, brand, 2.0)
    b.boxes.append(
        Box(cx - sgn * 0.3, z0 + 0.1, 0.3, 0.05, 0.3, 1.8, _faces({"front": light}, "front"))
    )
    impulse = _grained(r, 32, 48, _shade(brand, 0.7), 2.0)
    ix = cx + sgn * 0.55
    b.boxes.append(
        Box(
            ix,
            z0 + 0.6,
            0.35,
            1.0,
            1.3,
            0.0,
            _faces({"front": impulse, "side": impulse, "top": impulse}, "front"),
        )
    )
    bag_bay = _steel(r, 32, 32, 200)
    b.boxes.append(Box(cx, z0 + length + 0.9, 0.7, 0.8, 0.8, 0.0, _all_faces(bag_bay)))
    _small_things(b.wall("left" if sgn > 0 else "right"), ("exit",))
    # The lane's own: its number, the offer poster, the impulse shelf's wares, the belt's goods.
    st = _b17(b)
    num = _grained(o, 16, 16, (250, 250, 248), 1.0)
    _text(num, o, str(int(o.integers(1, 30))), 2, 13, 10, brand)
    st.own_boxes.append(Box(cx - sgn * 0.3, z0 + 0.07, 0.24, 0.01, 0.24, 1.83, _all_faces(num)))
    wall = b.wall("left" if sgn < 0 else "right")
    poster = _groceries(o, wall.px(0.7), wall.px(1.0))
    _paste(
        wall.img,
        poster,
        wall.x_of(float(o.uniform(0.8, max(0.9, wall.length - 1.5)))),
        wall.y_of(2.3),
    )
    wares = _shelved(
        o,
        32,
        48,
        _shade(brand, 0.7),
        _packets(o),
    )
    st.own_boxes.append(
        Box(
            ix - sgn * 0.18,
            z0 + 0.6,
            0.01,
            0.95,
            1.2,
            0.05,
            _faces({"front": wares}, "right" if sgn < 0 else "left"),
        )
    )
    for _k in range(int(o.integers(2, 7))):
        item = _grained(o, 8, 8, _c(o, 30, 250), 3.0)
        size = float(o.uniform(0.08, 0.22))
        st.own_boxes.append(
            Box(
                cx + float(o.uniform(-0.15, 0.15)),
                z0 + float(o.uniform(0.3, length - 0.3)),
                size,
                size,
                float(o.uniform(0.05, 0.25)),
                0.9,
                _all_faces(item),
            )
        )
    st.stand = (cx + float(o.uniform(-0.3, 0.3)) - sgn * 0.9, float(o.uniform(0.5, 0.9)))
    st.look = (cx, 1.0, z0 + length * 0.7)


def _build_carwash(b: _Build17) -> None:
    """A bay of one self-service car wash: every fixed thing the template's (see the
    module's docstring); the bay's number, its price board, the notice, the stains on its
    walls and what the open end shows the bay's own."""
    r, o = b.fix, b.own
    brand, second = _c(r, 20, 200), _c(r, 120, 256)
    panel = _between(r, (200, 205, 210), (245, 248, 250))
    for name in ("left", "right", "back", "front"):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 2.0)
        step = max(4, round(0.5 * res))
        for jx in range(step, tw, step):
            cv2.line(img, (jx, 0), (jx, th - 1), _shade(panel, 0.8), 1)
        by = th - max(2, round(0.9 * res))
        img[by : by + max(2, round(0.2 * res))] = brand
        b.fill(name, img)
    b.floor(lambda g, w, h, res: _grained(g, w, h, (120, 122, 124), 6.0))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _shade(panel, 0.7), 2.0))
    grate = _grained(r, 48, 8, (50, 50, 52), 2.0)
    for gx in range(0, 48, 2):
        grate[:, gx] = (20, 20, 22)
    b.boxes.append(Box(0.0, b.d * 0.55, 0.3, b.d * 0.6, 0.01, 0.0, _all_faces(grate)))
    sgn = float(r.choice([-1.0, 1.0]))
    side = "right" if sgn > 0 else "left"
    console = _grained(r, 32, 64, brand, 2.0)
    cv2.rectangle(console, (4, 6), (27, 20), (20, 30, 40), -1)
    for k in range(6):
        cv2.circle(
            console,
            (8 + 8 * (k % 3), 28 + 8 * (k // 3)),
            2,
            _pick(r, [(240, 240, 240), (250, 200, 40), (60, 200, 60)]),
            -1,
        )
    cv2.rectangle(console, (10, 48), (21, 52), (30, 30, 30), -1)
    x, z, bw, bd = _wall_box(b, side, b.d * float(r.uniform(0.55, 0.75)), 0.5, 0.3)
    b.boxes.append(
        Box(
            x,
            z,
            bw,
            bd,
            1.6,
            0.0,
            _faces(
                {
                    "front": console,
                    "side": _grained(r, 16, 64, brand, 2.0),
                    "top": _grained(r, 16, 16, brand, 2.0),
                },
                _inward(side),
            ),
        )
    )
    holster = _steel(r, 8, 32, 150)
    hx, hz, hbw, hbd = _wall_box(b, side, b.d * 0.4, 0.15, 0.15)
    b.boxes.append(Box(hx, hz, hbw, hbd, 0.6, 0.9, _all_faces(holster)))
    b.boxes.append(
        Box(0.0, b.d * 0.5, 0.08, b.d * 0.7, 0.08, b.h - 0.5, _all_faces(_steel(r, 8, 48, 180)))
    )
    brush = _grained(r, 16, 16, second, 6.0)
    b.boxes.append(Box(-sgn * (b.w / 2 - 0.2), b.d * 0.45, 0.2, 0.2, 0.3, 1.0, _all_faces(brush)))
    back = b.wall("back")
    logo = _grained(r, back.px(1.4), back.px(0.4), brand, 2.0)
    _text(logo, r, _word(r, (1, 2)).upper(), 4, logo.shape[0] * 3 // 4, logo.shape[0] // 2, second)
    back.put(logo, 3.2, 3.3)
    # The bay's own: number, price board, notice, stains, the view out of its open end.
    num = _grained(o, back.px(0.6), back.px(0.6), second, 1.0)
    _text(num, o, str(int(o.integers(1, 9))), 4, num.shape[0] - 4, num.shape[0] - 8, brand)
    _paste(back.img, num, back.x_of(b.w / 2 - 0.3), back.y_of(2.6))
    wall = b.wall(side)
    price = _label(o, wall.px(0.5), wall.px(0.7))
    _paste(
        wall.img,
        price,
        wall.x_of(float(o.uniform(0.3, max(0.4, wall.length - 0.8)))),
        wall.y_of(2.2),
    )
    other = b.wall(_other(side))
    notice = _label(o, other.px(0.4), other.px(0.5))
    _paste(
        other.img,
        notice,
        other.x_of(float(o.uniform(0.5, max(0.6, other.length - 0.8)))),
        other.y_of(1.8),
    )
    for name in ("left", "right"):
        w_ = b.wall(name)
        for _k in range(int(o.integers(2, 6))):
            sx, sy = int(o.integers(0, w_.img.shape[1] - 4)), w_.y_of(float(o.uniform(0.1, 0.6)))
            sw, sh = int(o.integers(4, 24)), int(o.integers(4, 30))
            patch = w_.img[sy : sy + sh, sx : sx + sw].astype(np.float32)
            w_.img[sy : sy + sh, sx : sx + sw] = _u8(patch * float(o.uniform(0.7, 0.9)))
    front = b.wall("front")
    ow, oh = front.px(b.w - 1.6), front.px(2.4)
    view = np.asarray(cv2.resize(_outside(o, 64, 48), (ow, oh)), np.uint8)
    _paste(front.img, view, front.x_of(0.8), front.y_of(2.4))
    st = _b17(b)
    st.stand = (float(o.uniform(-0.4, 0.4)), float(o.uniform(0.3, 0.7)))
    st.look = (0.0, 1.2, b.d)


def _build_shelter(b: _Build17) -> None:
    """A bus shelter of one city's contract: every fixed thing the template's (see the
    module's docstring); the advert in its case, the timetable, the stop's name, what
    the glass shows behind it and the litter the shelter's own."""
    r, o = b.fix, b.own
    frame = _pick(r, [(60, 62, 66), (30, 60, 45), (200, 202, 206), (40, 40, 90)])
    b.floor(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(0.45 * res)), (170, 168, 160), (120, 118, 112)
        )
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _shade(frame, 0.9), 2.0))
    glass_seed = int(r.integers(0, 2**31))
    for k, name in enumerate(("back", "left", "right", "front")):
        tw, th, res = b.texels(name)
        street = np.asarray(
            cv2.resize(_outside(np.random.default_rng([glass_seed, k]), 64, 48), (tw, th)), np.uint8
        ).astype(np.float32)
        img = _u8(street * 0.8 + 40)
        step = max(4, round(1.2 * res))
        for x in range(0, tw, step):
            cv2.rectangle(img, (x, 0), (x + max(1, round(0.05 * res)), th - 1), frame, -1)
        for y in (0, th - max(2, round(0.25 * res)), th // 2):
            cv2.rectangle(img, (0, y), (tw - 1, y + max(1, round(0.04 * res))), frame, -1)
        b.fill(name, img)
    for name in ("back", "left", "right"):
        w_ = b.wall(name)
        panel = _grained(
            r, w_.img.shape[1], w_.img.shape[0] - w_.y_of(1.2), _shade(frame, 1.3), 2.0
        )
        for x in range(0, panel.shape[1], max(3, w_.px(0.3))):
            cv2.line(panel, (x, 0), (x, panel.shape[0] - 1), _shade(frame, 0.9), 1)
        w_.img[w_.y_of(1.2) :] = panel
        w_.img[: w_.y_of(b.h - 0.3)] = frame  # the roof's fascia
        band = w_.y_of(1.5)
        for x in range(0, w_.img.shape[1], max(3, w_.px(0.08))):
            cv2.circle(w_.img, (x, band), max(1, w_.px(0.025)), (240, 240, 240), -1)
    seat = _steel(r, 48, 8, 170)
    b.boxes.append(Box(0.0, b.d - 0.25, min(2.0, b.w - 0.6), 0.25, 0.05, 0.5, _all_faces(seat)))
    b.boxes.append(Box(0.0, b.d - 0.25, 0.05, 0.05, 0.5, 0.0, _all_faces(_steel(r, 4, 8, 120))))
    sgn = float(r.choice([-1.0, 1.0]))
    side = "right" if sgn > 0 else "left"
    case = _grained(r, 32, 48, frame, 2.0)
    b.boxes.append(
        Box(
            sgn * (b.w / 2 - 0.06),
            b.d / 2,
            0.08,
            1.2,
            1.8,
            0.2,
            _faces({"front": case, "side": case, "top": case}, _inward(side)),
        )
    )
    bin_ = _grained(r, 16, 24, frame, 2.0)
    cv2.rectangle(bin_, (3, 3), (12, 6), (20, 20, 20), -1)
    b.boxes.append(Box(-sgn * (b.w / 2 - 0.25), b.d - 0.3, 0.3, 0.3, 0.7, 0.0, _all_faces(bin_)))
    back = b.wall("back")
    logo = _grained(r, back.px(0.8), back.px(0.2), _c(r, 20, 200), 2.0)
    _text(
        logo, r, _word(r, (1, 2)).upper(), 3, logo.shape[0] - 3, logo.shape[0] - 6, (250, 250, 250)
    )
    back.put(logo, b.h - 0.15, b.h - 0.1)
    # The shelter's own: the street behind the glass, the advert, timetable, stop name.
    for name in ("back", "left", "right"):
        w_ = b.wall(name)
        th, tw = w_.img.shape[:2]
        own_view = np.asarray(cv2.resize(_outside(o, 64, 48), (tw, th)), np.uint8).astype(
            np.float32
        )
        keep = (w_.img.astype(np.int32) != np.array(frame)).any(axis=2)
        keep[w_.y_of(1.2) :] = False  # the panel below the glass is the template's
        keep &= (w_.img != 240).any(axis=2)  # and the band of dots on the glass
        w_.img[keep] = _u8(own_view * 0.35 + 150)[keep]
    st = _b17(b)
    advert = _groceries(o, 32, 48)
    st.own_boxes.append(
        Box(
            sgn * (b.w / 2 - 0.11),
            b.d / 2,
            0.01,
            1.1,
            1.7,
            0.25,
            _faces({"front": advert}, _inward(side)),
        )
    )
    timetable = _label(o, back.px(0.4), back.px(0.55))
    _paste(
        back.img, timetable, back.x_of(float(o.uniform(0.3, max(0.4, b.w - 0.7)))), back.y_of(1.8)
    )
    plate = _grained(o, back.px(0.7), back.px(0.15), (250, 250, 248), 1.0)
    _text(
        plate,
        o,
        _word(o, (2, 3)).capitalize(),
        2,
        plate.shape[0] - 2,
        plate.shape[0] - 4,
        (30, 30, 30),
    )
    _paste(back.img, plate, back.x_of(b.w / 2 - 0.35), back.y_of(2.15))
    st.stand = (float(o.uniform(-0.3, 0.3)), float(o.uniform(0.1, 0.25)))
    st.look = (float(o.uniform(-0.4, 0.4)), 1.2, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "honey house": _build_honey_house,
    "brewhouse": _build_brewhouse,
    "glassblowing studio": _build_glass_studio,
    "soap workshop": _build_soap_workshop,
    "observatory": _build_observatory,
    "bell ringing chamber": _build_ringing_chamber,
    "candle workshop": _build_candle_workshop,
    "weaving studio": _build_weaving_studio,
    "checkout": _build_checkout,
    "carwash": _build_carwash,
    "shelter": _build_shelter,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v23's kinds and v23's day seeds."""

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
        x = b.stand[0] + float(rng.uniform(-0.1, 0.1)) * (0.3 if base == "shelter" else 1.0)
        if b.stand[1] > 0:
            z = b.stand[1]
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
    """The original picture of a place, carrying its ``Place`` for ``views_v23``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v23(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v23 (``bench/link.py --generator v23``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v23``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    honey house, soap workshop or weaving studio."""
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
    """The place's camera moved up to ``reach`` m (x0.3 in a bus shelter, x0.7 in an
    observatory or a ringing chamber), its height kept within 0.08 m, turned up to
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


def lens_hood(img: U8, rng: Rng) -> U8:
    """The shot through a petal lens hood meant for a longer lens (or twisted on its
    bayonet): four dark petals cut soft into the corners (the frame outside a rounded
    superellipse (power 2.5-3.2) reaching 1.0-1.08 half-widths across and 1.02-1.15
    half-heights down, so the sides are barely touched), turned 0-12 degrees, out of focus (soft
    over 3-5 % of the width), the inner edge of the hood catching a little light."""
    h, w = img.shape[:2]
    yy, xx = _grid(h, w)
    ang = np.radians(float(rng.uniform(0, 12)) * float(rng.choice([-1.0, 1.0])))
    u = (xx - w / 2) / (w / 2)
    v = (yy - h / 2) / (h / 2)
    ur, vr = u * np.cos(ang) - v * np.sin(ang), u * np.sin(ang) + v * np.cos(ang)
    ax, ay = float(rng.uniform(1.0, 1.08)), float(rng.uniform(1.02, 1.15))
    p = float(rng.uniform(2.5, 3.2))
    d = (np.abs(ur / ax) ** p + np.abs(vr / ay) ** p) ** (1 / p)
    soft = float(rng.uniform(0.03, 0.05)) * 2
    inside = np.clip((1 - d) / soft + 0.5, 0, 1).astype(np.float32)
    rim = np.exp(-(((d - 1.0) / (soft * 0.6)) ** 2)) * float(rng.uniform(12, 28))
    out = img.astype(np.float32) * inside[:, :, None] + (1 - inside)[:, :, None] * 6.0
    out += (rim * (1 - inside))[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def sensor_dust(img: U8, rng: Rng) -> U8:
    """The shot at a small aperture with dust on the sensor: 8-18 soft dark spots (radius
    2-8 px at 400, each x0.55-0.85 at its middle, blurred by half its radius), one or two
    fibres (soft dark curves 12-40 px long), most spots in one region of the frame (a
    corner or an edge, where the sensor was cleaned least), the picture otherwise kept."""
    h, w = img.shape[:2]
    s = _scale(w)
    shade = np.ones((h, w), np.float32)
    cx, cy = float(rng.uniform(0.1, 0.9)) * w, float(rng.uniform(0.1, 0.9)) * h
    for k in range(int(rng.integers(8, 19))):
        if k % 3 == 2:
            x, y = float(rng.uniform(0, w)), float(rng.uniform(0, h))
        else:
            x, y = cx + float(rng.normal(0, 0.2)) * w, cy + float(rng.normal(0, 0.2)) * h
        rad = max(1.0, float(rng.uniform(2, 8)) * s)
        spot = np.zeros((h, w), np.float32)
        cv2.circle(spot, (int(x), int(y)), int(rad), 1.0, -1)
        spot = np.asarray(cv2.GaussianBlur(spot, (0, 0), rad / 2), np.float32)
        shade *= 1 - spot * float(rng.uniform(0.15, 0.45))
    for _ in range(int(rng.integers(1, 3))):
        x, y = float(rng.uniform(0, w)), float(rng.uniform(0, h))
        pts = [(int(x), int(y))]
        a = float(rng.uniform(0, 2 * np.pi))
        for _k in range(6):
            a += float(rng.normal(0, 0.5))
            x += np.cos(a) * float(rng.uniform(2, 7)) * s
            y += np.sin(a) * float(rng.uniform(2, 7)) * s
            pts.append((int(x), int(y)))
        fibre = np.zeros((h, w), np.float32)
        cv2.polylines(fibre, [np.array(pts, np.int32)], False, 1.0, max(1, int(s)))
        fibre = np.asarray(cv2.GaussianBlur(fibre, (0, 0), 1.2 * s), np.float32)
        shade *= 1 - 0.5 * np.clip(fibre * 2, 0, 1)
    return _noise(_u8(img.astype(np.float32) * shade[:, :, None]), rng, 2.0)


def tilt_up(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place shot tilted up (to get the top shelves or the ceiling in): the place's
    camera moved up to 0.3 m, turned up to 8 degrees, tilted up 14-24 degrees from its
    own pitch (at most 30 degrees up), so the verticals converge upwards."""
    cam = moved(place, rng, 0.3, 8)
    pitch = min(30.0, place.camera.pitch + float(rng.uniform(14, 24)))
    return _noise(
        render(place.planes(0), Camera(cam.pos, cam.yaw, pitch, cam.hfov), w, h), rng, 2.0
    )


def heat_haze(img: U8, rng: Rng) -> U8:
    """The shot through the hot air over a heater in front of the lens: the picture
    shimmered by a smooth random displacement (features 8-16 px at 400, up to 1.5-3.5 px
    at 400, twice as strong at the bottom as at the top, rising more than sideways),
    softened (0.5-1.0 px at 400), x0.92-0.97 contrast; in half of them the heater's top
    out of focus along the bottom 6-12 % (dark, soft)."""
    h, w = img.shape[:2]
    s = _scale(w)
    yy, xx = _grid(h, w)
    scale = max(3, int(float(rng.uniform(8, 16)) * s))
    amp = float(rng.uniform(1.5, 3.5)) * s
    ramp = 0.5 + 0.5 * yy / h
    dx = _field(rng, w, h, scale) * amp * 0.6 * ramp
    dy = _field(rng, w, h, scale) * amp * ramp
    f = cv2.remap(
        img.astype(np.float32),
        (xx + dx).astype(np.float32),
        (yy + dy).astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    f = np.asarray(cv2.GaussianBlur(f, (0, 0), float(rng.uniform(0.5, 1.0)) * s), np.float32)
    k = float(rng.uniform(0.92, 0.97))
    f = (f - 128) * k + 128
    if rng.random() < 0.5:
        band = int(h * float(rng.uniform(0.06, 0.12)))
        mask = np.zeros((h, w), np.float32)
        mask[h - band :] = 1
        mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), 4 * s), np.float32)
        f = f * (1 - 0.85 * mask[:, :, None]) + 0.85 * mask[:, :, None] * float(rng.uniform(30, 70))
    return _noise(_u8(f), rng, 2.0)


def _to_left(a: F32, side: int) -> F32:
    """``a`` turned so that ``side`` (0 left, 1 right, 2 top, 3 bottom) is on the left."""
    if side == 0:
        return a
    if side == 1:
        return np.ascontiguousarray(a[:, ::-1])
    if side == 2:
        return np.ascontiguousarray(a.transpose(1, 0, 2))
    return np.ascontiguousarray(a[::-1].transpose(1, 0, 2))


def _from_left(a: F32, side: int) -> F32:
    """The inverse of ``_to_left``."""
    if side == 0:
        return a
    if side == 1:
        return np.ascontiguousarray(a[:, ::-1])
    if side == 2:
        return np.ascontiguousarray(a.transpose(1, 0, 2))
    return np.ascontiguousarray(a.transpose(1, 0, 2)[::-1])


def prism(img: U8, rng: Rng) -> U8:
    """The shot through a glass prism held against the lens: one side (left, right, top or
    bottom; 30-45 % of the frame) shows the picture again, refracted over it: a copy
    shifted 12-25 % of the frame along, flipped across the prism's edge in half of them,
    x0.5-0.7 as bright, its colours spread (red and blue 1.5-3 % apart) and soft, mixed
    35-70 % over the picture there; a bright blurred line at the prism's edge."""
    w = img.shape[1]
    s = _scale(w)
    side = int(rng.integers(0, 4))
    g = _to_left(img.astype(np.float32), side)
    gw = g.shape[1]
    edge = int(gw * float(rng.uniform(0.3, 0.45)))
    shift = int(gw * float(rng.uniform(0.12, 0.25)))
    spread = max(1, int(gw * float(rng.uniform(0.015, 0.03))))
    ghost = np.roll(g, shift, axis=1)
    if rng.random() < 0.5:
        ghost = np.ascontiguousarray(ghost[:, ::-1])
    ghost = np.stack(
        [
            np.roll(ghost[:, :, 0], -spread, axis=1),
            ghost[:, :, 1],
            np.roll(ghost[:, :, 2], spread, axis=1),
        ],
        axis=2,
    )
    ghost = np.asarray(cv2.GaussianBlur(ghost, (0, 0), 1.2 * s), np.float32)
    ghost *= float(rng.uniform(0.5, 0.7))
    cols = np.arange(gw, dtype=np.float32)
    ramp = np.clip((edge - cols) / max(2.0, 6 * s), 0, 1)[None, :, None]
    mix = float(rng.uniform(0.35, 0.7))
    out = g * (1 - ramp) + (g * (1 - mix) + ghost * mix + 20) * ramp
    line = np.exp(-(((cols - edge) / (2.5 * s)) ** 2))[None, :, None]
    out = out + line * float(rng.uniform(40, 80))
    return _noise(_u8(_from_left(out, side)), rng, 2.0)


def _wall(rng: Rng, w: int, h: int) -> F32:
    """A painted wall or a door to stick a print on: paint with a grain, a shadow."""
    paint = _pick(rng, [(235, 230, 215), (200, 215, 225), (230, 215, 200), _c(rng, 80, 230)])
    return _grained(rng, w, h, paint, 3.0).astype(np.float32)


def laminated(img: U8, rng: Rng) -> U8:
    """The picture printed, laminated and stuck on a wall, photographed: the print 70-82 %
    of the width (a little flat: x0.92 saturation) in a clear pouch with rounded corners
    and a clear margin (2-4 % of the width) showing the wall through a faint sheen; the
    pouch's glare (a soft band x+50-90 across 10-20 % of it), two to five trapped bubbles
    (pale rings), tape at two or four corners; off square by up to 4 %, a soft shadow."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _wall(rng, w, h)
    pw = int(w * float(rng.uniform(0.7, 0.82)))
    ph = int(pw * h / w)
    margin = max(3, int(w * float(rng.uniform(0.02, 0.04))))
    x0 = (w - pw) // 2 + int(float(rng.uniform(-0.04, 0.04)) * w)
    y0 = (h - ph) // 2 + int(float(rng.uniform(-0.04, 0.04)) * h)
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = pic.mean(axis=2, keepdims=True)
    pic = grey + (pic - grey) * 0.92
    shadow = np.zeros((h, w), np.float32)
    cv2.rectangle(
        shadow,
        (x0 - margin + int(3 * s), y0 - margin + int(4 * s)),
        (x0 + pw + margin + int(3 * s), y0 + ph + margin + int(4 * s)),
        1.0,
        -1,
    )
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), 3 * s), np.float32)
    out *= (1 - 0.3 * shadow)[:, :, None]
    pouch = np.zeros((h, w), np.float32)
    rad = max(2, margin * 2)
    cv2.rectangle(
        pouch, (x0 - margin + rad, y0 - margin), (x0 + pw + margin - rad, y0 + ph + margin), 1.0, -1
    )
    cv2.rectangle(
        pouch, (x0 - margin, y0 - margin + rad), (x0 + pw + margin, y0 + ph + margin - rad), 1.0, -1
    )
    for cx in (x0 - margin + rad, x0 + pw + margin - rad):
        for cy in (y0 - margin + rad, y0 + ph + margin - rad):
            cv2.circle(pouch, (cx, cy), rad, 1.0, -1)
    out = out * (1 - 0.12 * pouch[:, :, None]) + 0.12 * pouch[:, :, None] * 245
    _blit_f(out, pic, x0, y0)
    yy, xx = _grid(h, w)
    ang = float(rng.uniform(0.3, 1.2))
    c0 = float(rng.uniform(0.3, 0.7)) * (w + h) * 0.8
    width = float(rng.uniform(0.1, 0.2)) * w
    glare = np.exp(-(((xx * np.cos(ang) + yy * np.sin(ang) - c0) / width) ** 2))
    out += (glare * pouch * float(rng.uniform(50, 90)))[:, :, None]
    for _ in range(int(rng.integers(2, 6))):
        bx, by = int(rng.integers(x0, x0 + pw)), int(rng.integers(y0, y0 + ph))
        br = max(2, int(float(rng.uniform(3, 9)) * s))
        cv2.ellipse(
            out,
            (bx, by),
            (br, int(br * 0.7)),
            0,
            0,
            360,
            (235, 235, 235),
            max(1, int(s)),
            cv2.LINE_AA,
        )
    tape = np.array((235, 232, 215), np.float32)
    corners = [(x0 - margin, y0 - margin), (x0 + pw + margin, y0 - margin)]
    if rng.random() < 0.5:
        corners += [(x0 - margin, y0 + ph + margin), (x0 + pw + margin, y0 + ph + margin)]
    tl = max(6, int(18 * s))
    for cx, cy in corners:
        box = cv2.boxPoints(
            (
                (float(cx), float(cy)),
                (float(tl), float(tl) * 0.45),
                float(rng.uniform(30, 60)) * float(rng.choice([-1, 1])),
            )
        )
        cv2.fillPoly(
            out,
            [box.astype(np.int32)],
            (tape * 0.6 + out[min(h - 1, max(0, cy)), min(w - 1, max(0, cx))] * 0.4).tolist(),
        )
    return _noise(_tilted(_u8(out), rng, 0.04), rng, 2.0)


def bus_side(img: U8, rng: Rng) -> U8:
    """The picture as an advert on the side of a bus, photographed from the pavement as it
    pulls away: the bus's side (its livery, a row of dark windows with reflections above,
    wheel arches and wheels below) seen at an angle (the far end 6-14 % shorter); the
    advert (the picture's shape, 40-45 % of the frame's width) on the lower panel, crossed by the
    body's panel joins (three to five dark seams) and a row of rivets; the bus moving
    (a horizontal smear of 2-6 px at 400); a road, a kerb and sky."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.float32)
    horizon = int(h * float(rng.uniform(0.3, 0.4)))
    out[:horizon] = cv2.resize(_sky(rng, 32, 16), (w, horizon))
    out[horizon:] = _grained(rng, w, h - horizon, _between(rng, (80, 80, 84), (120, 120, 122)), 5.0)
    livery = np.array(
        _pick(rng, [(200, 30, 30), (240, 240, 236), (30, 80, 160), (40, 130, 70), (240, 200, 40)]),
        np.float32,
    )
    sw, sh = int(w * 1.1), int(h * 0.8)
    side = np.empty((sh, sw, 3), np.float32)
    side[:] = livery
    win_h = int(sh * 0.3)
    side[int(sh * 0.06) : int(sh * 0.06) + win_h] = 40
    sky = cv2.resize(_sky(rng, 16, 8), (sw, win_h)).astype(np.float32)
    side[int(sh * 0.06) : int(sh * 0.06) + win_h] += sky * 0.25
    for x in range(0, sw, max(8, int(sw / float(rng.uniform(5, 8))))):
        cv2.rectangle(
            side,
            (x, int(sh * 0.06)),
            (x + max(2, int(4 * s)), int(sh * 0.06) + win_h),
            livery.tolist(),
            -1,
        )
    ah = int(sh * float(rng.uniform(0.5, 0.56)))
    aw = int(ah * w / h)
    ax = int(sw * float(rng.uniform(0.2, 0.45)))
    ay = int(sh * 0.4)
    advert = cv2.resize(img, (aw, ah), interpolation=cv2.INTER_AREA).astype(np.float32)
    _blit_f(side, advert, ax, ay)
    for x in np.linspace(0, sw, int(rng.integers(4, 7)))[1:-1]:
        cv2.line(
            side,
            (int(x), int(sh * 0.37)),
            (int(x), sh - 1),
            (livery * 0.5).tolist(),
            max(1, int(s)),
        )
    for x in range(0, sw, max(4, int(10 * s))):
        cv2.circle(side, (x, int(sh * 0.38)), max(1, int(s)), (livery * 0.7).tolist(), -1)
    for u in (0.12, 0.8):
        cx = int(sw * u)
        cv2.circle(side, (cx, sh), int(sh * 0.16), (20, 20, 22), -1)
        cv2.circle(side, (cx, sh), int(sh * 0.09), (150, 150, 155), -1)
    k = float(rng.uniform(0.06, 0.14))
    x0 = -int(w * 0.05)
    y0 = int(h * float(rng.uniform(0.08, 0.14)))
    far_right = rng.random() < 0.5
    lk, rk = (0.0, k) if far_right else (k, 0.0)
    dst = np.array(
        [
            [x0, y0 + sh * lk / 2],
            [x0 + sw, y0 + sh * rk / 2],
            [x0 + sw, y0 + sh * (1 - rk / 2)],
            [x0, y0 + sh * (1 - lk / 2)],
        ],
        np.float32,
    )
    layer, mask = _quad(side, dst, w, h)
    out = _over(out, layer, mask)
    smear = max(1, int(float(rng.uniform(2, 6)) * s))
    kernel = np.ones((1, smear), np.float32) / smear
    out = np.asarray(cv2.filter2D(out, -1, kernel), np.float32)
    return _noise(_u8(out), rng, 2.0)


def tile_mural(img: U8, rng: Rng) -> U8:
    """The picture fired onto glazed wall tiles (a tiled mural), photographed: 4-6 tiles
    across (the picture's shape, 74-86 % of the width), grout lines (2-4 px at 400, pale
    grey), each tile's glaze its own (x0.94-1.06, its colour off by up to 3 %) and a little
    flat (x0.85 saturation), each tile catching the window's light in a soft highlight at
    its own spot (the tiles are not quite flat); plain tiles round it; off square by up
    to 3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    plain = np.array(_between(rng, (200, 200, 195), (245, 245, 240)), np.float32)
    grout = np.array(_between(rng, (150, 150, 145), (200, 198, 190)), np.float32)
    cols = int(rng.integers(4, 7))
    mw = int(w * float(rng.uniform(0.74, 0.86)))
    tile = mw // cols
    rows = max(2, round(mw * h / w / tile))
    mw, mh = tile * cols, tile * rows
    out = np.empty((h, w, 3), np.float32)
    out[:] = plain
    g = max(1, round(float(rng.uniform(2, 4)) * s))
    x0, y0 = (w - mw) // 2, (h - mh) // 2
    for x in range((x0 % tile) - tile, w, tile):
        out[:, max(0, x) : max(0, x + g)] = grout
    for y in range((y0 % tile) - tile, h, tile):
        out[max(0, y) : max(0, y + g)] = grout
    pic = cv2.resize(img, (mw, mh), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = pic.mean(axis=2, keepdims=True)
    pic = grey + (pic - grey) * 0.85
    yy, xx = _grid(tile, tile)
    for i in range(cols):
        for j in range(rows):
            t = pic[j * tile : (j + 1) * tile, i * tile : (i + 1) * tile].copy()
            t *= float(rng.uniform(0.94, 1.06)) * rng.uniform(0.97, 1.03, 3).astype(np.float32)
            hx, hy = float(rng.uniform(0.2, 0.8)) * tile, float(rng.uniform(0.2, 0.8)) * tile
            spot = np.exp(-(((xx - hx) ** 2 + (yy - hy) ** 2) / (2 * (0.18 * tile) ** 2)))
            t += (spot * float(rng.uniform(30, 70)))[:, :, None]
            t[:g] = grout
            t[:, :g] = grout
            out[y0 + j * tile : y0 + (j + 1) * tile, x0 + i * tile : x0 + (i + 1) * tile] = t
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.0)


def holofoil(img: U8, rng: Rng) -> U8:
    """The picture printed on holographic foil (a shiny trading card), photographed on a
    desk: the card 58-70 % of the width with a white border (3 % of its width), the print
    over the foil (its inks x0.8 saturation, the lights letting the foil through) and the
    foil's rainbow (bands of hue across it at 3-6 cycles, turned 20-70 degrees, 25-45 %
    strong where the print is light) and sparkles; off square by up to 4 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _desk(rng, w, h)
    cw = int(w * float(rng.uniform(0.58, 0.7)))
    ch = int(cw * h / w)
    bd = max(2, int(cw * 0.03))
    pw, ph = cw - 2 * bd, ch - 2 * bd
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = pic.mean(axis=2, keepdims=True)
    pic = grey + (pic - grey) * 0.8
    yy, xx = _grid(ph, pw)
    ang = np.radians(float(rng.uniform(20, 70)))
    cycles = float(rng.uniform(3, 6))
    phase = (xx * np.cos(ang) + yy * np.sin(ang)) / max(pw, ph) * cycles + float(rng.uniform(0, 1))
    hue = (phase % 1.0) * 180
    hsv = np.stack([hue, np.full_like(hue, 200), np.full_like(hue, 255)], axis=2).astype(np.uint8)
    rainbow = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB).astype(np.float32)
    light = (pic.mean(axis=2) / 255)[:, :, None]
    k = float(rng.uniform(0.25, 0.45))
    pic = pic * (1 - k * light) + rainbow * k * light
    sparkle = (rng.random((ph, pw)) < 0.004 * light[:, :, 0]).astype(np.float32)
    sparkle = np.asarray(cv2.GaussianBlur(sparkle, (0, 0), 0.8 * s), np.float32) * 400
    pic += np.clip(sparkle, 0, 120)[:, :, None]
    card = np.full((ch, cw, 3), 245, np.float32)
    card[bd : bd + ph, bd : bd + pw] = pic
    x0 = (w - cw) / 2 + float(rng.uniform(-0.05, 0.05)) * w
    y0 = (h - ch) / 2 + float(rng.uniform(-0.05, 0.05)) * h
    j = rng.uniform(-0.04, 0.04, (4, 2)) * np.array([cw, ch])
    dst = (np.array([[x0, y0], [x0 + cw, y0], [x0 + cw, y0 + ch], [x0, y0 + ch]]) + j).astype(
        np.float32
    )
    shadow_dst = dst + np.float32(4 * s)
    _l, smask = _quad(np.zeros((ch, cw, 3), np.float32), shadow_dst, w, h)
    smask = np.asarray(cv2.GaussianBlur(smask, (0, 0), 3 * s), np.float32)
    out *= (1 - 0.35 * smask)[:, :, None]
    layer, mask = _quad(card, dst, w, h)
    return _noise(_u8(_over(out, layer, mask)), rng, 2.0)


def cine_film(img: U8, rng: Rng) -> U8:
    """The picture as a frame of Super 8 film, scanned: the frame 4:3 (the picture's middle
    cropped to it), 70-80 % of the height, with the gate's rounded corners, on the black
    film; a sprocket hole (bright, rounded) at the left edge level with the frame line;
    the neighbouring frames' edges above and below (the same picture a little moved);
    the colours warm and faded (red x1.08, blue x0.85, blacks lifted by 18-30), soft
    (1.0-1.6 px at 400), heavy grain (sigma 6-9), the gate weaving it 1-2 % off centre, a
    hair caught in the gate along an edge, a vignette (x0.75 at the corners)."""
    h, w = img.shape[:2]
    s = _scale(w)
    cw0 = min(w, int(h * 4 / 3))
    cx0 = (w - cw0) // 2
    crop = img[:, cx0 : cx0 + cw0].astype(np.float32)
    fh = int(h * float(rng.uniform(0.7, 0.8)))
    fw = int(fh * 4 / 3)
    frame = cv2.resize(crop, (fw, fh), interpolation=cv2.INTER_AREA).astype(np.float32)
    frame = np.asarray(
        cv2.GaussianBlur(frame, (0, 0), float(rng.uniform(1.0, 1.6)) * s), np.float32
    )
    frame *= np.array([1.08, 1.0, 0.85], np.float32)
    lift = float(rng.uniform(18, 30))
    frame = lift + frame * (1 - lift / 255)
    yy, xx = _grid(fh, fw)
    r2 = ((xx - fw / 2) / (fw / 2)) ** 2 + ((yy - fh / 2) / (fh / 2)) ** 2
    frame *= (1 - 0.125 * r2)[:, :, None]
    mask = np.zeros((fh, fw), np.float32)
    rad = max(2, int(fh * 0.06))
    cv2.rectangle(mask, (rad, 0), (fw - rad, fh - 1), 1.0, -1)
    cv2.rectangle(mask, (0, rad), (fw - 1, fh - rad), 1.0, -1)
    for cx in (rad, fw - rad):
        for cy in (rad, fh - rad):
            cv2.circle(mask, (cx, cy), rad, 1.0, -1)
    out = np.full((h, w, 3), float(rng.uniform(8, 18)), np.float32)
    gap = max(3, int(fh * 0.06))
    x0 = (w - fw) // 2 + int(float(rng.uniform(-0.02, 0.02)) * w) + int(0.04 * w)
    y0 = (h - fh) // 2 + int(float(rng.uniform(-0.02, 0.02)) * h)
    for dy in (-(fh + gap), 0, fh + gap):
        shifted = np.roll(
            frame, (int(rng.integers(-3, 4) * s), int(rng.integers(-3, 4) * s)), axis=(0, 1)
        )
        layer = np.zeros_like(out)
        _blit_f(layer, shifted, x0, y0 + dy)
        mm = np.zeros((h, w, 1), np.float32)
        _blit_f(mm, mask[:, :, None], x0, y0 + dy)
        out = out * (1 - mm) + layer * mm
    hole_w, hole_h = max(4, int(fw * 0.07)), max(6, int(fh * 0.14))
    hx = max(2, x0 - hole_w - int(0.06 * fw))
    hy = y0 - gap // 2 - hole_h // 2
    cv2.rectangle(out, (hx, hy), (hx + hole_w, hy + hole_h), (235, 230, 215), -1)
    out += rng.normal(0, float(rng.uniform(6, 9)), (h, w)).astype(np.float32)[:, :, None]
    hair = []
    x, y = float(x0 + float(rng.uniform(0.05, 0.3)) * fw), float(y0 + fh - 2)
    for _k in range(8):
        hair.append((int(x), int(y)))
        x += float(rng.uniform(2, 8)) * s
        y -= float(rng.uniform(-2, 6)) * s
    cv2.polylines(out, [np.array(hair, np.int32)], False, (15, 12, 10), max(1, int(s)), cv2.LINE_AA)
    return _noise(_u8(out), rng, 1.0)


def solarised(img: U8, rng: Rng) -> U8:
    """The picture as a solarised (Sabattier) darkroom print, photographed: grey (stretched
    between its 2nd and 98th percentiles, from no higher than 64 to no lower than 192),
    the tones above a turning point (0.45-0.6) reversed (darkening again, x0.6-1.0), thin
    pale Mackie lines where a light area meets a dark one; toned (selenium purple-brown or
    warm sepia) on a paper 80-88 % of the width with a white border, on a desk; off square
    by up to 3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _desk(rng, w, h)
    pw = int(w * float(rng.uniform(0.8, 0.88)))
    ph = int(pw * h / w)
    bd = max(3, int(pw * 0.04))
    iw, ih = pw - 2 * bd, ph - 2 * bd
    lum = cv2.resize(img, (iw, ih), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    t = _stretched(lum, 2, 98)
    p = float(rng.uniform(0.45, 0.6))
    k = float(rng.uniform(0.6, 1.0))
    tone = np.where(t < p, t, p - (t - p) * k)
    tone = np.clip((tone - tone.min()) / max(1e-3, float(tone.max() - tone.min())), 0, 1)
    light = (cv2.GaussianBlur(t, (0, 0), 1.0 * s) > p).astype(np.uint8)
    edge = cv2.morphologyEx(light, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8)).astype(np.float32)
    tone = np.clip(tone + 0.55 * edge, 0, 1)
    dark = np.array(_pick(rng, [(60, 35, 45), (55, 40, 25), (25, 25, 28)]), np.float32)
    paper = np.array(_between(rng, (240, 236, 225), (250, 248, 242)), np.float32)
    body = dark + (paper - dark) * tone[:, :, None]
    sheet = np.empty((ph, pw, 3), np.float32)
    sheet[:] = paper
    sheet[bd : bd + ih, bd : bd + iw] = body
    _blit_f(out, sheet, (w - pw) // 2, (h - ph) // 2)
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.0)


def fax(img: U8, rng: Rng) -> U8:
    """The picture faxed (in standard mode) and the received page grabbed: on a white page
    (a thermal paper's faint grey-yellow), the picture 80-90 % of the width as black and
    white dots only (its grey stretched between its 2nd and 98th percentiles, from no
    higher than 64 to no lower than 192, contrast x1.2, dithered against a random
    threshold smoothed over 0.6 px at 400), every line doubled (half the vertical
    resolution: 2 px at 400); the sender's header line at the top (date, time, a number,
    a page); one or two streaks (a line of dots dropped white or stuck black) across the
    page; skewed up to 1.5 degrees."""
    h, w = img.shape[:2]
    s = _scale(w)
    paper = np.array(_between(rng, (236, 236, 228), (250, 250, 244)), np.float32)
    page = np.empty((h, w), np.float32)
    page[:] = 1.0
    pw = int(w * float(rng.uniform(0.8, 0.9)))
    ph = min(int(pw * h / w), int(h * 0.86))
    pw = int(ph * w / h)
    lum = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    t = np.clip((_stretched(lum, 2, 98) - 0.5) * 1.2 + 0.5, 0, 1)
    step = max(2, round(2 * s))
    t = np.repeat(t[::step], step, axis=0)[:ph]
    noise = rng.random((ph, pw)).astype(np.float32)
    noise = np.asarray(cv2.GaussianBlur(noise, (0, 0), 0.6 * s), np.float32)
    noise = (noise - noise.mean()) / max(1e-3, float(noise.std())) * 0.29 + 0.5
    noise = np.repeat(noise[::step], step, axis=0)[:ph]
    dots = (t > noise).astype(np.float32)
    x0, y0 = (w - pw) // 2, h - ph - int((h - ph) * 0.35)
    page[y0 : y0 + ph, x0 : x0 + pw] = dots
    header = np.ones((max(8, int(12 * s)), w), np.float32)
    line = (
        f"{int(rng.integers(1, 29)):02d}/{int(rng.integers(1, 13)):02d} "
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}  "
        f"{int(rng.integers(1000000, 9999999))}  P.{int(rng.integers(1, 4)):02d}"
    )
    cv2.putText(
        header,
        line,
        (int(6 * s), header.shape[0] - 2),
        cv2.FONT_HERSHEY_PLAIN,
        0.8 * s,
        0.0,
        max(1, int(s)),
    )
    header = (header > 0.5).astype(np.float32)
    page[: header.shape[0]] = np.minimum(page[: header.shape[0]], header)
    for _ in range(int(rng.integers(1, 3))):
        y = int(rng.integers(y0, y0 + ph - step))
        page[y : y + step] = float(rng.choice([0.0, 1.0]))
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-1.5, 1.5)), 1.0)
    page = np.asarray(
        cv2.warpAffine(page, rot, (w, h), flags=cv2.INTER_NEAREST, borderValue=1.0), np.float32
    )
    out = paper * page[:, :, None] + np.array((25, 25, 30), np.float32) * (1 - page[:, :, None])
    return _u8(out)


def views_v23(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v23's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["lenshood"] = _jpeg(lens_hood(shot(0.4, 12), rng), 85)
    out["sensordust"] = _jpeg(sensor_dust(shot(0.4, 12), rng), 85)
    out["tiltup"] = _jpeg(tilt_up(place, rng, w, h), 85)
    out["heathaze"] = _jpeg(heat_haze(shot(0.4, 12), rng), 85)
    out["prism"] = _jpeg(prism(shot(0.4, 12), rng), 85)
    out["laminated"] = _jpeg(laminated(shot(0.4, 12), rng), 85)
    out["busside"] = _jpeg(bus_side(shot(0.4, 12), rng), 85)
    out["tilemural"] = _jpeg(tile_mural(shot(0.4, 12), rng), 85)
    out["holofoil"] = _jpeg(holofoil(shot(0.4, 12), rng), 85)
    out["cinefilm"] = _jpeg(cine_film(shot(0.4, 12), rng), 85)
    out["solarised"] = _jpeg(solarised(shot(0.4, 12), rng), 85)
    out["fax"] = _png(fax(shot(0.4, 12), rng))
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v23", room=room_v23, views=views_v23)


def main() -> None:
    dry_run("v23", make_pictures, place_kind)


if __name__ == "__main__":
    main()

"""Generator v32 of ``bench/link.py``: benign places (dental surgeries, physiotherapy
clinics, nursery playrooms, estate agents' offices, mattress showrooms, nail bars, school
cloakrooms, youth clubs) as a shot from a step back, fluorescent light, a shaken hand, an
overexposed shot, a heavily recompressed copy, a tilted crop, a phone gallery's details
sheet, a print shop's order page, a digital photo frame, a laminated placemat, a tablet
on a kitchen stand and a notebook's cover show them, held out.

Written blind, like v6-v31: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides)
and ``[tool.pytest.ini_options]`` sections of ``pyproject.toml`` (printed on their own),
``bench/link_rooms_v31.py`` whole (for the interface, the truth format, the place model
and the primitives imported below), ``tests/bench/test_link_rooms_v31.py`` and
``tests/bench/conftest.py`` whole (for the shape of the tests),
``bench/link_rooms_check.py`` whole (the crash check, run below) and, in
``bench/link.py``, only the generator plumbing: a grep for ``v31`` and the lines round
each hit (the imports at 86-92, the ends of ``GENERATORS`` and ``VIEWS`` at 660-702 and
``main``'s ``--generator`` help at 1380-1395, which is left as it was). Of
``bench/link_rooms_v6.py``-``v30.py`` only the first paragraph of their docstrings and
their ``KINDS``, ``GROUPS``, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by
importing the modules, v31's too; v32's names are checked against v6-v31's by the tests),
the list of files a grep found for the words dental, dentist, physio, nursery, playroom,
estate agent, mattress, nail bar, manicure, cloakroom, youth club, ferry, serviced
office, care home, tungsten, placemat, place mat, photobook, photo book, digital frame,
tablet, notes app, gallery, shake, straighten, blown, seminar, motorhome, camper, nail,
youth, cloak, frame, digital, heavy, stepp, blur, tote, narrowboat, canal boat,
treehouse, garden office, garden room, summerhouse, notebook, green cast, print order,
details, tilt and photo booth, and the hits, one line each, cut to 50-60 characters
either side of the word (at most three to six a word), for dental, dentist, mattress,
ferry, serviced office, tungsten, photo book, notes app, straighten, seminar, motorhome,
camper, digital frame, photo frame, narrowboat, canal boat, treehouse, garden office,
garden room, summerhouse, notebook, green cast, print order, details, placemat, tilt,
photo booth, care, spin studio and tablet. A slip to report: to learn the methods of the
building state the builders are handed, ``inspect`` printed the signatures of the
primitives imported below, the names of the attributes of v17's ``_Build17`` and the
first 100 characters of its source (its decorator, its class line and the start of its
docstring); nothing else of an older primitive's source was read, and nothing of the
linker. Ideas were dropped because an older generator had dropped them or had something
close: ferry cabins (v13's sleeper cabins; v22 and v23 dropped them), serviced offices
(v13's office pods; v27 dropped them), motorhomes and camper vans (v30 dropped them;
v11's caravans), narrowboats (v18 dropped one) and photo booths (v24 and v27 dropped
them) as look-alikes; as views a tungsten white balance (v20 dropped one), a photo book
(v28's ``pageturn``), a notes app (v19) and a straighten tool (v18's ``editor``). The
nearest kept: a dental surgery is a room of treatment like v17's consulting rooms (v18
considered dentists; v24 and v29 mention a dental lab); a physiotherapy clinic is a gym
of a kind like v7's and v13's gyms (couches in curtained bays, wall bars); a nursery
playroom is a room of small tables like v7's classroom; an estate agent's office is an
office like v7's, v8's and v14's (desks with client chairs, property cards); a mattress
showroom is a showroom like v29's stoves and v30's cars (and v14 drew mattresses on
beds); a nail bar is a salon like v14's; a school cloakroom is a room of pegs and lockers
like v12's locker areas and v15's changing rooms; a youth club is a hall of games like
v17's snooker hall and v18's amusement arcade. Of the groups: a university seminar room
is a teaching room like v16's meeting rooms and v20's lecture theatres; a garden office
is one of a maker's garden buildings like v17's beach huts, v20's allotment sheds and
v31's shepherd's huts; a care home room is a room of a home like v14's hospital side
rooms and student hall rooms. Of the views, by their names only (no older view's code was
read): ``steppedback`` moves the camera like v30's ``twosteps`` (backwards, the lens
wider); ``greencast`` changes the light's colour like v6's ``night`` and v31's
``bluehour``; ``shakeblur`` blurs like v6's ``blur`` and v12's ``panblur`` (a wandering
path); ``blownout`` is too bright where v9's ``lowlight`` is too dark; ``heavyjpeg``
re-encodes like v10's ``resaved`` and v31's ``emailed`` (deeper); ``tiltcrop`` turns and
crops like v6's ``roll``, v12's ``dutch`` and v7's ``crop`` (a few degrees, no corner
showing); ``galleryinfo`` and ``printorder`` are screenshots of an app like v31's
``cloudalbum`` and ``forumthread`` and v18's ``listing``; ``digitalframe``, ``placemat``,
``tabletstand`` and ``notebookcover`` show the picture on things like v29's
``photoclock``, v31's ``mousemat``, v16's ``laptopmoire`` and v17's ``magazine``. v31's
small drawing helpers (its wear, framed pictures, loud carpets, texture triples, its
apps' icons and thumbnails, its tables under things and its slant) are imported from it,
as v31 imported v30's; v6's picture writer and dry run, v9's renderer, v13's place model,
v20's builder state and loose things of a day and the other primitives are imported from
the modules v31 imports them from. v31's place builder, camera, moves and print place are
copied with v32's kinds, seeds and shares; the kinds of place, their builders, the kinds'
mass-produced things, the look-alikes and their scheme, the ``steppedback`` camera and
every view are v32's own. The worktree's ``.venv`` is a link to a ready virtualenv;
nothing was installed. Sheets of the originals of 22 places (two of every kind and group)
at 320x240, of twelve of them and the twelve views of six at 240x180 and of three
cloakrooms (twice, after changes) were looked at (after which the cloakroom's coats were
hung in front of their pegs, not inside them, with two runs at least, lockers and more
paints, and the garden office's chair made lower). ``mypy`` and ``ruff`` were run.
Nothing of the linker's code, tests, docs or results was read, and neither the linker nor
``bench.link`` was ever run (not even ``--help``; the crash check imports its tables of
generators): keep it for a held-out run, once: ``python -m bench.link --name
link-v32-heldout --generator v32 --no-real --size 400x300 --rooms 315 --workers 2
--skip-costs``.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v32 --rooms 100 --size 400x300
--out /tmp/v32``.

**What a place is.** As v31's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, boards, racks of polish, property cards, murals, signs,
posters, curtains, doors) and furniture and fittings as 3-D boxes. Loose things (v20's)
change from day to day. Two pictures show the same place exactly when they come from the
same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(2_300_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([2_308_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *dental surgery*: the dental chair, the delivery unit (its column and the operating
  light's head);
- *physiotherapy clinic*: the treatment couch (two to six, in curtained bays), the wall
  bars (one to three);
- *nursery playroom*: the low activity table and the tiny chair (four a table, one to
  three tables);
- *estate agent's office*: the desk and the swivel chair (two to five);
- *mattress showroom*: the divan bed with its mattress (rows of two to five);
- *nail bar*: the manicure table and the client's tub chair (two to five);
- *school cloakroom*: the peg bench unit (two or three runs);
- *youth club*: the pool table, the table football.

What is the place's own is a fair share of every picture: the walls' paint, tiles,
papers, bands and friezes and their colours, the windows and what they show, the signs,
posters, boards, racks, cards, murals and curtains, the floors' colours and patterns,
the layout (which wall the fittings stand along, how many and where), the things that
are not the kind's (cabinet runs, curtains, balls and mats, toy boxes and rugs, client
chairs and sofas, headboards, pillows and price signs, stools and lamps, coats and bags,
beanbags, sofas and counters, plants) and the wear (faded and grubby patches and scuffs
on every wall, more on the floors of the busier kinds). The tests check that two
ordinary places share no texture that is not a plain colour but the kind's models, that
two places of a kind share the same ones, that no place of another kind has them, and
that two places of a kind look different (their originals differ by more than 20 levels
on average and correlate under 0.9 at 16 x 12).

**Kinds of place** (sizes width x height x depth in m): a *dental surgery* (3.6-5 x
2.6-3 x 4.2-6: paint over tiles or a second colour, a speckled vinyl floor, a grid
ceiling; the chair in the middle with its unit, a cabinet run with a worktop and sink
along one side and wall cupboards over it, a screen on an arm, a stool, a window, posters,
a clock), a *physiotherapy clinic* (8-13 x 2.7-3.2 x 8-13: paint with a stripe, wood or
tiles, a grid ceiling; couches along one side in bays between curtains, wall bars and
exercise balls along the other, a mat, a desk, a mirror, windows, posters), a *nursery
playroom* (7-11 x 2.6-3.1 x 7-11: pale paint with a frieze of letters and dots, a floor,
a painted ceiling; groups of low tables and tiny chairs, tray units, toy boxes, a play
rug, cushions, a board of the children's paintings (patterns), windows), an *estate
agent's office* (5.5-9 x 2.7-3.3 x 8-13: paint with one wall in the agency's colour, wood
or carpet tiles, a ceiling of downlights; desks with their chairs, monitors and two client
chairs each, in a row or staggered, rows of property cards on a wall, hanging cards, the
agency's name, a sofa, plants), a *mattress showroom* (12-20 x 3-4 x 14-22: paint under
a band in the store's colour, a carpet, a grid ceiling; rows of divans with their own
headboards, pillows and price signs, sale banners, a desk, posters, windows), a *nail
bar* (4-6.5 x 2.6-3.1 x 6-10: paint with one papered wall, tiles, a plain ceiling; a row
of manicure tables with tub chairs, stools and lamps, racks of polish on two walls, a
pedicure bench, a price list, a reception desk, plants), a *school cloakroom* (4-7 x
2.6-3.2 x 5-9: painted block walls with a band, a speckled vinyl floor, a grid ceiling;
runs of peg benches along the walls and down the middle with the children's coats and
bags, a notice board, lost property, a window) and a *youth club* (10-16 x 3-4 x 10-16:
paint with a low band, a worn floor, boards or tiles over; the pool table, the table
football, a table tennis table, sofas, beanbags, a tuck shop counter, a mural, the
club's name, a TV, windows with grilles, posters); and, as look-alikes only, a
*university seminar room* (6-7 x 2.7-2.9 x 6.2-7.4), a *garden office* (3-3.8 x 2.3-2.5
x 2.6-3.2) and a *care home room* (3.4-4 x 2.5-2.7 x 4-4.8). No person or animal is
drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v31), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3-0.6 in the small places: the
look-alikes and the dental surgery; up to 0.08 m in height), turned up to 12 degrees and
tilted up to 4 (the first of 8 moves that leaves it 0.15 m clear of every thing, else not
moved), with sensor noise (sigma 2).
``heavyjpeg``, ``tiltcrop``, ``galleryinfo`` and ``printorder`` start from the original
picture itself, ``steppedback`` from its own camera, ``greencast`` and ``blownout`` from a
shot moved up to 0.3 m and turned up to 8 degrees, ``shakeblur`` from one moved up to
0.25 m and turned up to 6, every other from a shot moved up to 0.4 m and turned up to 12.
Six are plain photographic changes (another viewpoint, other light twice, a shaken
hand, re-encoding, a turned crop), two are screenshots of an app framing the picture in
its own chrome (the same app in every picture of the view, with each picture's own text),
four show the picture on something photographed. Difficulty as meant, not measured:

- ``steppedback`` (medium): the photographer stepped back towards the door, 0.3-0.9 m
  (x the small places' share), up to 0.2 m aside, the lens zoomed out (8-16 degrees
  wider, at most 95), turned up to 6 degrees, tilted up to 3. JPEG 90.
- ``greencast`` (easy): under old fluorescent tubes: red x0.82-0.9, green x1.04-1.1,
  blue x0.8-0.9, contrast x0.8-0.9 round a lifted middle (+6-12). JPEG 88.
- ``shakeblur`` (medium): a shaking hand: blurred along a wandering path 1.2-2.4 % of
  the width long. JPEG 88.
- ``blownout`` (medium): overexposed: x1.6-2.2 the light, highlights rolled off into
  white above 200, 10-20 % of the colour gone. JPEG 88.
- ``heavyjpeg`` (easy): a site that squeezes uploads: shrunk to 60-75 % of the width,
  saved at JPEG quality 14-24, shown full size again; JPEG 90.
- ``tiltcrop`` (easy to medium): turned 3-7 degrees either way and cropped to the largest
  frame with no corner showing, off centre by up to 3 % and 0-6 % further in. JPEG 88.
- ``galleryinfo`` (medium): a screenshot of one made-up phone gallery app with its
  details sheet swiped up: the status bar, the picture in the top 42-50 % on black, the
  dark sheet (the date, an amber "Add description", rows for the file, the camera and
  the size with amber icons, a made-up map with an amber pin), a bottom bar of icons.
  PNG.
- ``printorder`` (medium to hard): a browser's screenshot of one made-up photo printing
  shop's order page (``printlark.example``): the tab strip, the address bar (the order's
  own number), the shop's orange header, steps 1-2-3, the picture as a print with a white
  border and a shadow (44-54 % of the width), sizes with radio buttons, a quantity and a
  price, an orange "Add to basket" button. JPEG 85.
- ``digitalframe`` (hard): on a digital photo frame (50-64 % of the width; a black,
  wooden or white bezel of 5-8 %) on a sideboard against a wall: the LCD's lifted blacks
  and blue, a window's reflection across the screen (12-22 %), turned a little (one side
  90-97 % as tall), its shadow. JPEG 85.
- ``placemat`` (hard): printed on a glossy laminated placemat (70-82 % of the width) on a
  dining table, a plate over 34-44 % of its width with a knife and fork, a glass's
  shadow, a band of sheen, seen at a slant (the far edge 78-90 % as wide). JPEG 85.
- ``tabletstand`` (hard): on a tablet (56-70 % of the width) in a stand on a worktop
  before tiles: the screen's glass reflecting the room (x0.85-0.92, a soft pale patch,
  the ceiling light's spot), leaning back (its top 88-95 % as wide). JPEG 85.
- ``notebookcover`` (very hard): printed on a spiral notebook's matte cover (54-68 % of
  the width) on a desk: wire rings along its top or left edge, a label, a pen lying
  across it, turned up to 12 degrees and seen at a slant (the far edge 84-94 % as
  wide). JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 7.0 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in a seminar room, between in a garden office, much in a care home room.

*The scheme.* Every residue mod 100 is held by some older generator's ``is_distractor``,
v30 took residues mod 33 and v31 mod 37, so v32 takes a fourth modulus, 43 (prime to 33
and 37): a look-alike is a seed whose residue mod 43 is 4 (a seminar room), 24 (a garden
office) or 34 (a care home room), 3 in 43 seeds (7.0 %). The residues were chosen so that
none of the meetings with v30's slots (``seed % 33 in (5, 16, 27)``; 6 in 0-999, the
first 335) or v31's (``seed % 37 in (2, 13, 20)``; 7 in 0-999, the first 335) falls in
the held-out run's 315 seeds (a test checks). A template is shared by the three slots of
a group in 129 seeds (``group_of(seed) = seed // 129``): seeds 4, 47 and 90 are three
seminar rooms of one block, 133, 176 and 219 three of another. A held-out run of 315
seeds holds six templates of three members, one of two (seminar rooms 262 and 305) and
two single members (a garden office 282, a care home room 292): 22 look-alikes (7.0 %);
a run of 100 seeds holds every kind and at least a pair of every group.

- *University seminar rooms of one teaching block*, one a room's (``seed % 43 == 4``,
  kind ``university seminar room``; template ``2_301_000_000 + seed // 129``): the size,
  the paint, the windows with the campus outside, the carpet tiles, the grid ceiling, the
  tables in a U and the chairs, the whiteboard, the lectern. The room's own (little): what
  is written on the whiteboard, its number plate, a notice by the door and what is left on
  the tables (each wall differs from a sibling's in under 5 % of its texels). The camera
  stands 0.5-0.8 m in at the door, looking at the whiteboard.
- *Garden offices of one maker's design in one estate's gardens*, one an owner's (``seed
  % 43 == 24``, kind ``garden office``; template ``2_302_000_000 + seed // 129``): the
  size, the painted boarded walls, the side window with the garden outside, the floor,
  the ceiling with its downlights, the built-in desk along the back, the heater. The
  owner's own (between): the blind, one to three pictures, a shelf and what is on it, a
  pin board of notes, the chair, the rug and what is on the desk (walls differ in under
  half their texels). The camera stands 0.25-0.4 m in at the doors.
- *Rooms of one care home*, one a resident's (``seed % 43 == 34``, kind ``care home
  room``; template ``2_303_000_000 + seed // 129``): the size, the paint, the window, the
  floor, the ceiling, the bed, the wardrobe, the chest of drawers, the armchair and the
  grab rail. The resident's own (much): the paper they chose over 60-90 % of the back and
  both side walls above the rail (to 1.6-2.2 m), their curtains, three to seven
  photographs and pictures, the bedspread and cushions, a rug and their ornaments (walls
  differ in over a quarter of their texels). The camera stands 0.3-0.45 m in at the door.

The predicate: ``is_distractor(seed)`` is ``seed % 43 in (4, 24, 34)``; two look-alikes
are of one group exactly when they have the same kind and the same ``seed // 129``.

**Pictures per place: 13** (the original and 12 views): ``original`` and
``galleryinfo`` (PNG) and ``steppedback``, ``greencast``, ``shakeblur``, ``blownout``,
``heavyjpeg``, ``tiltcrop``, ``printorder``, ``digitalframe``, ``placemat``,
``tabletstand``, ``notebookcover`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 3/43 (7.0 %); the other seeds draw their kind with
equal shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on
seeds 0-999 (``kind_counts``): seminar rooms 24, garden offices 23, care home rooms 23; of
the other 930: school cloakroom 135, dental surgery 128, nail bar 127, nursery playroom
119, estate agent's office 110, physiotherapy clinic 107, youth club 107, mattress
showroom 97. The held-out run's 315 seeds: school cloakroom 44, nail bar 42, dental
surgery 40, nursery playroom 37, estate agent's office 36, mattress showroom 36,
physiotherapy clinic 29, youth club 29, seminar rooms 8, garden offices 7, care home
rooms 7.

**Speed**: ``room_v32`` and ``views_v32`` of 22 places (two of each kind and group) at
400x300 took 0.32 s a place on average (0.22-0.45 s; 13 pictures), one core, on the
shared machine. The crash check (``python -m bench.link_rooms_check --generator v32
--rooms 315 --size 400x300``) built 315 of 315 places (in 97 s), and 20 of 20 at
800x600 (in 17 s). Surfaces are drawn at 120 texels a metre, large ones coarser (at
most 360,000 texels a surface). The tests (45) take about 10 s.

**Seeds**: a place ``2_300_000_000 + seed``; a teaching block ``2_301_000_000 + seed //
129``; a garden office maker's estate ``2_302_000_000 + seed // 129``; a care home
``2_303_000_000 + seed // 129``; a day's loose things ``2_304_000_000 + 3 * seed + day``
(day 0); views ``default_rng([2_305_000_000, seed, i])`` (``i`` the index
``make_collection`` passes); the original's sensor noise ``2_306_000_000 + seed``; a
kind's mass-produced things ``default_rng([2_308_000_000, k])``. None is a seed of
v6-v31. Deterministic by seed. Lettering is random syllables (digits for numbers); every
name, address, price and file name is made up. Pictures not made by ``room_v32`` (the real
pictures of ``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide
on the back wall of a generated youth club, mattress showroom or physiotherapy clinic
(seeds from ``2_307_000_000``) and seen the same ways (``heavyjpeg``, ``tiltcrop``,
``galleryinfo`` and ``printorder`` then start from that place's own picture).
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
    _noise,
    _outside,
    _paste,
    _shade,
    _tiles,
    _u8,
    _wood,
    _word,
)
from bench.link_rooms_v12 import _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    _cabinet,
    _faces,
    _Floor,
    _frames,
    _light,
    _vec,
    _window,
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box
from bench.link_rooms_v15 import _door
from bench.link_rooms_v16 import _aim, _between, _lighter
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, surface_planes
from bench.link_rooms_v18 import _pick
from bench.link_rooms_v19 import _all_faces, _scale
from bench.link_rooms_v20 import Place as _Place20
from bench.link_rooms_v20 import _Build20, _day_things, _mass_produced, _model, _other, _png
from bench.link_rooms_v22 import _grid
from bench.link_rooms_v24 import _boards, _opening
from bench.link_rooms_v27 import _sheet
from bench.link_rooms_v28 import _fit, _shelf_of, _spots
from bench.link_rooms_v29 import (
    _blend,
    _bottles,
    _graphic,
    _must,
    _paste_f,
    _pots,
    _rounded,
    _say,
    _shadow,
    _stripes,
)
from bench.link_rooms_v30 import _books, _rejpeg, _screen_text, _sign
from bench.link_rooms_v31 import (
    _far_top,
    _framed,
    _icon,
    _patterned,
    _table,
    _tex3,
    _wear,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 2_300_000_000
SEMINAR_SEED = 2_301_000_000
GARDEN_SEED = 2_302_000_000
CAREHOME_SEED = 2_303_000_000
DAY_SEED = 2_304_000_000
VIEW_SEED = 2_305_000_000
SENSOR_SEED = 2_306_000_000
PRINT_SEED = 2_307_000_000
MODEL_SEED = 2_308_000_000
EVERY = 43  # the look-alike slots repeat every 43 seeds (not 33, 37 or 100: see the docstring)
TEMPLATE_SPAN = 129  # a group's template is shared by its slots in 129 seeds (three members)
SEMINAR_SLOTS = (4,)
GARDEN_SLOTS = (24,)
CAREHOME_SLOTS = (34,)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("dental surgery", 1 / 8),
    ("physiotherapy clinic", 1 / 8),
    ("nursery playroom", 1 / 8),
    ("estate agent's office", 1 / 8),
    ("mattress showroom", 1 / 8),
    ("nail bar", 1 / 8),
    ("school cloakroom", 1 / 8),
    ("youth club", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "university seminar room": "seminarroom",
    "garden office": "gardenoffice",
    "care home room": "carehomeroom",
}
VIEW_KINDS = (
    "steppedback",
    "greencast",
    "shakeblur",
    "blownout",
    "heavyjpeg",
    "tiltcrop",
    "galleryinfo",
    "printorder",
    "digitalframe",
    "placemat",
    "tabletstand",
    "notebookcover",
)
PNG_VIEWS = ("galleryinfo",)  # a phone gallery's screenshot, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "dental surgery": ((3.6, 5.0), (2.6, 3.0), (4.2, 6.0)),
    "physiotherapy clinic": ((8.0, 13.0), (2.7, 3.2), (8.0, 13.0)),
    "nursery playroom": ((7.0, 11.0), (2.6, 3.1), (7.0, 11.0)),
    "estate agent's office": ((5.5, 9.0), (2.7, 3.3), (8.0, 13.0)),
    "mattress showroom": ((12.0, 20.0), (3.0, 4.0), (14.0, 22.0)),
    "nail bar": ((4.0, 6.5), (2.6, 3.1), (6.0, 10.0)),
    "school cloakroom": ((4.0, 7.0), (2.6, 3.2), (5.0, 9.0)),
    "youth club": ((10.0, 16.0), (3.0, 4.0), (10.0, 16.0)),
    "seminarroom": ((6.0, 7.0), (2.7, 2.9), (6.2, 7.4)),
    "gardenoffice": ((3.0, 3.8), (2.3, 2.5), (2.6, 3.2)),
    "carehomeroom": ((3.4, 4.0), (2.5, 2.7), (4.0, 4.8)),
}
SMALL = {  # shares of a move in small places
    "seminarroom": 0.6,
    "gardenoffice": 0.3,
    "carehomeroom": 0.4,
    "dental surgery": 0.6,
}
PRINT_KINDS = ("youth club", "mattress showroom", "physiotherapy clinic")
WALLS = ("back", "left", "right", "front")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_seminar_room(seed: int) -> bool:
    return seed % EVERY in SEMINAR_SLOTS


def is_garden_office(seed: int) -> bool:
    return seed % EVERY in GARDEN_SLOTS


def is_care_home_room(seed: int) -> bool:
    return seed % EVERY in CAREHOME_SLOTS


def is_distractor(seed: int) -> bool:
    return is_seminar_room(seed) or is_garden_office(seed) or is_care_home_room(seed)


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
    if is_seminar_room(seed):
        return "university seminar room"
    if is_garden_office(seed):
        return "garden office"
    if is_care_home_room(seed):
        return "care home room"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_of(seed: int) -> int:
    """Which template of its group a look-alike is built from (members share it)."""
    return seed // TEMPLATE_SPAN


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_seminar_room(seed):
        return np.random.default_rng(SEMINAR_SEED + group_of(seed))
    if is_garden_office(seed):
        return np.random.default_rng(GARDEN_SEED + group_of(seed))
    if is_care_home_room(seed):
        return np.random.default_rng(CAREHOME_SEED + group_of(seed))
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _worn_walls(b: _Build17, amount: int) -> None:
    """Wear on every wall of a place, from the place's own generator."""
    for name in WALLS:
        wall = b.wall(name)
        _wear(wall.img, b.fix, float(wall.px(1.0)), amount, 0.5)


def _painted_walls(b: _Build17, paint: Colour, low: Colour | None, dado: float) -> None:
    """Every wall in ``paint``; under ``dado`` m a second colour (``low``) or tiles."""
    r = b.fix
    tiled = low is None
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.5)
        lh = int(dado * res)
        if lh > 2:
            if tiled:
                img[th - lh :] = _tiles(
                    r, tw, lh, max(3, round(0.15 * res)), _lighter(paint, 1.08), _shade(paint, 0.85)
                )
            else:
                img[th - lh :] = _grained(r, tw, lh, low, 1.5)  # type: ignore[arg-type]
            img[th - lh : th - lh + max(1, round(0.03 * res))] = _shade(paint, 0.7)
        b.fill(name, img)


def _posters(b: _Build17, r: Rng, walls: tuple[str, ...], n: int, lo: float, hi: float) -> None:
    """``n`` posters, notices or pictures of ``lo``-``hi`` m on the named walls."""
    for _ in range(n):
        wall = b.wall(str(r.choice(list(walls))))
        pw, ph = float(r.uniform(lo, hi)), float(r.uniform(lo, hi))
        u = r.random()
        if u < 0.35:
            pic = _graphic(r, wall.px(pw), wall.px(ph), _c(r, 40, 240))
        elif u < 0.7:
            pic = _sheet(r, wall.px(pw * 0.8), wall.px(ph), (30, 30, 30), int(r.integers(3, 8)))
        else:
            pic = _framed(r, wall.px(pw), wall.px(ph * 0.8), _c(r, 20, 230))
        _paste(
            wall.img,
            pic,
            wall.x_of(float(r.uniform(0.2, max(0.3, wall.length - pw - 0.2)))),
            wall.y_of(float(r.uniform(1.5, min(wall_top(b), 2.2)))),
        )


def wall_top(b: _Build17) -> float:
    return float(b.h - 0.15)


def _windows(b: _Build17, r: Rng, name: str, low: float, hm: float, view: U8) -> None:
    wall = b.wall(name)
    frame = _pick(r, [(240, 240, 236), (60, 60, 64), (150, 110, 70), _c(r, 40, 230)])
    at = float(r.uniform(0.5, 1.5))
    wm = float(r.uniform(0.9, 1.8))
    while at + wm < wall.length - 0.4:
        _window(wall, r, view, at, low, wm, min(hm, b.h - low - 0.2), frame)
        at += wm + float(r.uniform(0.5, 2.0))


def _blob(r: Rng, w: int, h: int, colour: Colour) -> U8:
    """A soft round thing (a ball, a cushion, a beanbag) on a dark ground."""
    img = _grained(r, w, h, _shade(colour, 0.5), 2.0)
    cv2.ellipse(
        img, (w // 2, h // 2), (max(1, w // 2 - 1), max(1, h // 2 - 1)), 0, 0, 360, colour, -1
    )
    cv2.ellipse(
        img,
        (w // 3, h // 3),
        (max(1, w // 6), max(1, h // 6)),
        0,
        0,
        360,
        _lighter(colour, 1.3),
        -1,
    )
    return img


# --- v32's own surfaces and things, every one drawn from the rng it is given --------------------

# dental surgery


def _dental_chair(m: Rng) -> dict[str, U8]:
    """The kind's dental chair: a long upholstered seat and back in the maker's colour
    on a white base, a headrest pad."""
    hide = _pick(m, [(40, 120, 160), (60, 160, 120), (200, 200, 196), (120, 60, 140)])
    top = _grained(m, 16, 48, hide, 1.0)
    top[:6] = _shade(hide, 0.8)
    top[:, :1] = top[:, -1:] = _shade(hide, 0.6)
    front = _grained(m, 32, 16, (236, 236, 232), 1.0)
    front[:5] = hide
    return _tex3(front, _grained(m, 48, 16, (230, 230, 226), 1.0), top)


def _delivery_unit(m: Rng) -> dict[str, U8]:
    """The kind's delivery unit: a white column with the cuspidor bowl, the instrument
    tray and its hoses, the operating light's head on its arm above."""
    col = _grained(m, 16, 48, (240, 240, 236), 1.0)
    col[6:10, 2:14] = _pick(m, [(40, 120, 160), (60, 160, 120), (120, 60, 140)])
    for x in (3, 6, 9, 12):
        cv2.line(col, (x, 12), (x + 1, 30), (50, 50, 54), 1)
    top = _grained(m, 16, 16, (246, 246, 242), 1.0)
    cv2.circle(top, (8, 8), 5, (200, 206, 210), -1)
    return _tex3(col, col, top)


def _build_dental(b: _Build17) -> None:
    """A dental practice's surgery: walls in the practice's paint, tiled or painted low,
    a sheet vinyl floor, a grid ceiling; the kind's chair in the middle with the kind's
    delivery unit beside it, a run of cabinets with a worktop and sink along a wall, a
    screen on an arm, the practice's posters and notices, a window with a blind, a
    clock, a stool, a door."""
    r, m = b.fix, _mass_produced(b)
    chair, unit = _dental_chair(m), _delivery_unit(m)
    paint = _pick(r, [(230, 236, 240), (220, 236, 224), (246, 240, 226), _c(r, 150, 245)])
    low = None if r.random() < 0.5 else _c(r, 60, 230)
    _painted_walls(b, paint, low, float(r.uniform(0.9, 1.3)))
    vinyl = _pick(r, [(150, 170, 190), (190, 190, 180), (110, 150, 140), _c(r, 80, 220)])

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, vinyl, 2.0)
        _spots(g, img, max(8, w * h // 60), _shade(vinyl, 0.8), 1)
        _wear(img, g, res, 6)
        return img

    b.floor(floor)
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(0.6 * res)), (240, 240, 236), (200, 200, 196)
        )
    )
    side = str(r.choice(["left", "right"]))
    x = float(r.uniform(-0.4, 0.4))
    z = b.d * float(r.uniform(0.5, 0.62))
    _model(b, Box(x, z, 0.65, 1.9, 0.55, 0.0, _faces(chair, "front")))
    sx = 1.0 if side == "right" else -1.0
    _model(b, Box(x - sx * 0.6, z + 0.4, 0.3, 0.3, 0.95, 0.0, _faces(unit, "front")))
    _model(b, Box(x - sx * 0.2, z + 0.2, 0.4, 0.3, 0.12, 2.0, _faces(unit, "front")))
    fl = _Floor(b.w, b.d, 0.3)
    fl.take(x, z, 1.4, 2.4)
    fl.take(0.0, 0.8, b.w, 1.6)
    tone = _pick(r, [(240, 240, 236), _wood_tone(r), _c(r, 60, 230)])
    run = min(b.d - 2.2, float(r.uniform(2.0, 3.6)))
    cab = _cabinet(r, int(r.integers(3, 7)), 2, tone)
    wx, wz, bw, bd = _side_run(b, side, b.d - run / 2 - 0.1, run, 0.6)
    b.boxes.append(
        Box(wx, wz, bw, bd, 0.9, 0.0, _faces({"front": cab, "top": _worktop(r)}, _other(side)))
    )
    b.tops.append((wx, wz, bw, bd, 0.9))
    wall = b.wall(side)
    l0, t0, l1, t1 = _opening(wall, float(r.uniform(0.3, 1.2)), 1.4, min(run, 2.0), 0.7)
    wall.img[t0:t1, l0:l1] = cv2.resize(
        _cabinet(r, int(r.integers(2, 5)), 1, tone),
        (l1 - l0, t1 - t0),
        interpolation=cv2.INTER_NEAREST,
    )
    screen = _screen_text(r, 24, 16, 4, (200, 220, 250))
    b.boxes.append(
        Box(x + sx * 0.7, z - 0.4, 0.45, 0.05, 0.3, 1.3, _faces({"front": screen}, "back"))
    )
    stool = _grained(r, 8, 8, _c(r, 30, 200), 1.5)
    b.boxes.append(Box(x + sx * 0.7, z + 0.3, 0.4, 0.4, 0.55, 0.0, _all_faces(stool)))
    _windows(b, r, _other(side), 1.0, 1.2, _outside(r, 48, 32))
    back = b.wall("back")
    _posters(b, r, ("back", "front", _other(side)), int(r.integers(2, 6)), 0.3, 0.7)
    clock = _grained(r, back.px(0.3), back.px(0.3), (244, 244, 240), 1.0)
    cv2.circle(
        clock, (clock.shape[1] // 2, clock.shape[0] // 2), clock.shape[0] // 2 - 1, _c(r, 0, 160), 2
    )
    _paste(back.img, clock, back.x_of(float(r.uniform(0.3, b.w - 0.6))), back.y_of(2.3))
    _door(b.wall("front"), r, _c(r, 60, 240))
    _worn_walls(b, int(r.integers(3, 10)))


def _worktop(r: Rng) -> U8:
    top = _grained(r, 32, 16, _pick(r, [(220, 220, 216), (60, 60, 64), (200, 190, 170)]), 2.0)
    cv2.rectangle(top, (20, 4), (28, 11), (170, 174, 180), -1)
    return top


def _side_run(
    b: _Build17, side: str, z: float, length: float, depth: float
) -> tuple[float, float, float, float]:
    """A run of units ``length`` m long along a side wall, centred ``z`` m in."""
    sx = 1.0 if side == "right" else -1.0
    return sx * (b.w / 2 - depth / 2 - 0.02), z, depth, length


# physiotherapy clinic


def _couch(m: Rng) -> dict[str, U8]:
    """The kind's treatment couch: a padded top in the maker's vinyl with its face hole
    and paper roll, on a grey electric base."""
    vinyl = _pick(m, [(40, 60, 110), (30, 110, 120), (70, 70, 76), (150, 40, 60)])
    top = _grained(m, 16, 48, vinyl, 1.0)
    cv2.ellipse(top, (8, 5), (3, 2), 0, 0, 360, (20, 20, 24), -1)
    top[14:40, 3:13] = (244, 244, 240)
    front = _grained(m, 16, 16, (120, 124, 130), 1.0)
    front[:4] = vinyl
    side = _grained(m, 48, 16, (120, 124, 130), 1.0)
    side[:4] = vinyl
    return _tex3(front, side, top)


def _wall_bars(m: Rng) -> dict[str, U8]:
    """The kind's wall bars: a ladder of round rungs in the maker's wood."""
    tone = _wood_tone(m)
    front = _grained(m, 32, 64, (40, 40, 44), 1.0)
    front[:, :3] = front[:, -3:] = tone
    for y in range(2, 64, 5):
        front[y : y + 2] = tone
    return _tex3(front, front[:, :4].copy(), front[:4].copy())


def _build_physio(b: _Build17) -> None:
    """A physiotherapy clinic's gym and treatment area: painted walls with a stripe,
    a sports vinyl or carpet tile floor, a grid ceiling; a row of the kind's couches in
    bays between curtains (two to six), the kind's wall bars, exercise balls, mats,
    steps, a desk, a mirror, posters and a window, a door."""
    r, m = b.fix, _mass_produced(b)
    couch, bars = _couch(m), _wall_bars(m)
    paint = _pick(r, [(236, 236, 232), (220, 230, 240), (236, 226, 210), _c(r, 120, 240)])
    stripe = _c(r, 30, 230)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        y = th - int(float(r.uniform(0.9, 1.3)) * res)
        img[y : y + max(2, round(float(r.uniform(0.05, 0.3)) * res))] = stripe
        b.fill(name, img)
    floor = _pick(r, [(200, 150, 90), (90, 120, 160), (120, 120, 124), _c(r, 60, 220)])
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _wood(g, w, h, floor, 5))
    else:
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(4, round(0.5 * res)), floor, _shade(floor, 0.9)
            )
        )
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(0.6 * res)), (236, 236, 232), (190, 190, 186)
        )
    )
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.2, b.w, 2.4)
    side = str(r.choice(["left", "right"]))
    sx = 1.0 if side == "right" else -1.0
    bays = max(2, min(int((b.d - 3.5) / 2.0), int(r.integers(2, 7))))
    curtain = _pick(r, [(120, 170, 200), (170, 200, 150), (220, 200, 150), _c(r, 40, 230)])
    z = b.d - 1.1
    for _ in range(bays):
        x = sx * (b.w / 2 - 1.1)
        _model(b, Box(x, z, 1.9, 0.7, 0.7, 0.0, _faces(couch, _other(side))))
        drape = _grained(r, 32, 48, curtain, 2.0)
        _stripes(drape, r, 3, _shade(curtain, 0.8))
        b.boxes.append(Box(x, z + 1.0, 2.2, 0.04, 1.7, 0.3, _all_faces(drape)))
        fl.take(x, z, 2.4, 2.0)
        z -= 2.0
    other = _other(side)
    ox = -sx * (b.w / 2 - 0.12)
    for k in range(int(r.integers(1, 4))):
        zz = b.d - 1.0 - 1.0 * k
        _model(b, Box(ox, zz, 0.15, 0.9, 2.3, 0.0, _faces(bars, side)))
        fl.take(ox, zz, 0.6, 1.0)
    for _ in range(int(r.integers(2, 6))):
        spot = fl.against(r, 0.65, 0.65, (other, "back"))
        if spot:
            ball = _blob(r, 16, 16, _c(r, 40, 240))
            _box(b, spot, float(r.uniform(0.55, 0.75)), {"front": ball, "top": ball})
    mat = _grained(r, 16, 32, _c(r, 20, 200), 2.0)
    b.boxes.append(
        Box(float(r.uniform(-1.0, 1.0)), b.d * 0.45, 1.0, 1.9, 0.03, 0.0, _all_faces(mat))
    )
    spot = fl.against(r, 1.4, 0.7, ("front", other))
    if spot:
        _box(b, spot, 0.75, {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _worktop(r)})
    wall = b.wall(other)
    mirror = _grained(r, wall.px(1.2), wall.px(1.6), (196, 206, 212), 3.0)
    _paste(
        wall.img,
        mirror,
        wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 4.0)))),
        wall.y_of(2.0),
    )
    _windows(b, r, "back", 1.0, 1.3, _outside(r, 48, 32))
    _posters(b, r, ("front", other), int(r.integers(2, 6)), 0.4, 0.8)
    _door(b.wall("front"), r, _c(r, 40, 220))
    _worn_walls(b, int(r.integers(4, 12)))


# nursery playroom


def _low_table(m: Rng) -> dict[str, U8]:
    """The kind's low activity table: a rounded beech top with a coloured edge band on
    short legs."""
    band = _pick(m, [(220, 60, 50), (40, 120, 200), (60, 170, 80), (240, 190, 40)])
    top = _grained(m, 32, 24, (220, 190, 140), 1.5)
    top[:2] = top[-2:] = band
    front = _grained(m, 32, 12, (200, 170, 120), 1.0)
    front[:3] = band
    return _tex3(front, front[:, :24].copy(), top)


def _tiny_chair(m: Rng) -> dict[str, U8]:
    """The kind's tiny chair: a moulded seat in one of the maker's colours."""
    col = _pick(m, [(220, 60, 50), (40, 120, 200), (60, 170, 80), (240, 190, 40)])
    front = _grained(m, 12, 16, col, 1.0)
    front[8:10] = _shade(col, 0.7)
    return _tex3(front, front[:, :6].copy(), _grained(m, 12, 12, col, 1.0))


def _build_nursery(b: _Build17) -> None:
    """A day nursery's playroom: walls in the nursery's pale paint with a frieze of
    letters or shapes, a vinyl floor with a play rug, a painted ceiling; groups of the
    kind's low tables ringed by the kind's tiny chairs, cubby units of trays, toy boxes,
    a book corner of cushions, the children's paintings (patterns) on a board, windows,
    a door."""
    r, m = b.fix, _mass_produced(b)
    table, chair = _low_table(m), _tiny_chair(m)
    paint = _pick(r, [(246, 240, 220), (226, 240, 230), (236, 232, 246), _c(r, 150, 250)])
    frieze = [_c(r, 40, 250) for _ in range(4)]
    fy = float(r.uniform(1.2, 1.6))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        y = th - int(fy * res)
        step = max(4, round(0.3 * res))
        for k, xx in enumerate(range(int(r.integers(0, step)), tw - step, step)):
            col = frieze[k % len(frieze)]
            if r.random() < 0.5:
                cv2.circle(img, (xx + step // 2, y), max(2, step // 3), col, -1)
            else:
                _say(
                    img,
                    r,
                    chr(65 + int(r.integers(0, 26))),
                    xx,
                    y + step // 3,
                    max(3, step * 2 // 3),
                    col,
                )
        b.fill(name, img)
    vinyl = _pick(r, [(200, 190, 170), (170, 190, 200), (190, 200, 170), _c(r, 100, 230)])
    b.floor(
        lambda g, w, h, res: (
            _wood(g, w, h, vinyl, 4) if g.random() < 0.5 else _grained(g, w, h, vinyl, 2.0)
        )
    )
    b.ceiling(
        lambda g, w, h, res: _grained(g, w, h, _between(g, (236, 236, 230), (250, 250, 246)), 1.0)
    )
    fl = _Floor(b.w, b.d, 0.35)
    fl.take(0.0, 1.2, b.w, 2.4)
    groups = int(r.integers(1, 4))
    for _ in range(groups):
        spot = fl.against(r, 1.9, 1.6, ("back", "left", "right"))
        cx = float(r.uniform(-b.w / 2 + 1.5, b.w / 2 - 1.5))
        cz = float(r.uniform(3.0, b.d - 1.8))
        if spot is not None:
            cx, cz = spot[0], spot[1]
            fl.take(cx, cz, 1.9, 1.6)
        _model(b, Box(cx, cz, 1.1, 0.7, 0.5, 0.0, _faces(table, "front")))
        b.tops.append((cx, cz, 1.1, 0.7, 0.5))
        for dx, dz, face in (
            (-0.3, -0.55, "back"),
            (0.3, -0.55, "back"),
            (-0.3, 0.55, "front"),
            (0.3, 0.55, "front"),
        ):
            _model(b, Box(cx + dx, cz + dz, 0.3, 0.3, 0.55, 0.0, _faces(chair, face)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, float(r.uniform(1.0, 2.0)), 0.4, ("left", "right", "back"))
        if spot:
            trays = _cabinet(r, int(r.integers(3, 6)), int(r.integers(2, 4)), _c(r, 60, 240))
            _box(b, spot, 0.9, {"front": trays, "top": _wood(r, 32, 8, _wood_tone(r), 3)})
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.6, 0.45, ("left", "right", "back", "front"))
        if spot:
            _box(
                b,
                spot,
                0.45,
                {
                    "front": _grained(r, 16, 12, _c(r, 40, 240), 2.0),
                    "top": _grained(r, 16, 12, _c(r, 40, 240), 2.0),
                },
            )
    rug = _patterned(r, 48, 32, _c(r, 60, 230), 8, 3)
    b.boxes.append(
        Box(
            float(r.uniform(-1.0, 1.0)),
            float(r.uniform(3.0, b.d - 2.0)),
            float(r.uniform(1.8, 3.0)),
            float(r.uniform(1.4, 2.2)),
            0.01,
            0.0,
            _all_faces(rug),
        )
    )
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.5, 0.5, ("left", "right", "back"))
        if spot:
            cushion = _blob(r, 12, 12, _c(r, 40, 240))
            _box(b, spot, 0.3, {"front": cushion, "top": cushion})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    board = _grained(r, wall.px(float(r.uniform(1.5, 2.5))), wall.px(1.0), _c(r, 60, 240), 1.5)
    for _ in range(int(r.integers(4, 10))):
        art = _graphic(r, max(4, board.shape[1] // 6), max(4, board.shape[0] // 3), _c(r, 60, 250))
        _paste(
            board,
            art,
            int(r.integers(0, max(1, board.shape[1] * 5 // 6))),
            int(r.integers(0, max(1, board.shape[0] * 2 // 3))),
        )
    _paste(
        wall.img,
        board,
        wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 3.0)))),
        wall.y_of(1.9),
    )
    _windows(b, r, _other(side), 0.7, 1.3, _outside(r, 48, 32))
    _posters(b, r, ("back",), int(r.integers(1, 4)), 0.4, 0.8)
    _door(b.wall("front"), r, _c(r, 40, 240))
    _worn_walls(b, int(r.integers(4, 12)))


# estate agent's office


def _agent_desk(m: Rng) -> dict[str, U8]:
    """The kind's desk: a white or oak top on a panel base with the maker's modesty
    panel, a monitor's foot on the top."""
    top_c = _pick(m, [(240, 240, 236), (200, 170, 120), (60, 60, 64)])
    top = _grained(m, 48, 24, top_c, 1.0)
    top[3:8, 30:40] = (30, 30, 34)
    front = _grained(m, 48, 24, _pick(m, [(230, 230, 226), (90, 94, 100)]), 1.0)
    front[:3] = top_c
    return _tex3(front, front[:, :24].copy(), top)


def _agent_chair(m: Rng) -> dict[str, U8]:
    """The kind's swivel chair: a fabric back in the maker's colour on a black frame."""
    fab = _pick(m, [(30, 30, 34), (40, 60, 110), (120, 30, 40)])
    back = _grained(m, 16, 24, fab, 1.5)
    back[16:] = (20, 20, 22)
    return _tex3(back, back[:, :6].copy(), back[:6].copy())


def _property_card(r: Rng, w: int, h: int, brand: Colour) -> U8:
    """A property card in the window or on the wall: a made-up house or street, a band
    in the agency's colour with a price."""
    card = _grained(r, max(8, w), max(8, h), (248, 248, 244), 1.0)
    ch, cw = card.shape[:2]
    card[2 : ch * 3 // 5, 2 : cw - 2] = _fit(_outside(r, 32, 24), cw - 4, ch * 3 // 5 - 2)
    card[ch * 3 // 5 + 1 : ch * 3 // 5 + max(2, ch // 6)] = brand
    _say(
        card,
        r,
        f"{int(r.integers(90, 990))},000",
        2,
        ch - max(2, ch // 10),
        max(3, ch // 8),
        (30, 30, 34),
    )
    return card


def _build_estate_agent(b: _Build17) -> None:
    """An estate agent's high street office: walls in the agency's paint or a feature
    colour, a carpet or wood floor, a ceiling with spots; the kind's desks with the
    kind's chairs and two client chairs each, in a row or staggered, property cards in
    rows on a wall and on hanging displays, the agency's name on the back wall, a sofa,
    a brochure rack, plants, a door to the back office."""
    r, m = b.fix, _mass_produced(b)
    desk, chair = _agent_desk(m), _agent_chair(m)
    brand = _c(r, 20, 220)
    paint = _pick(r, [(240, 240, 236), (220, 220, 214), (60, 64, 72), _c(r, 120, 240)])
    feature = str(r.choice(["back", "left", "right"]))
    for name in WALLS:
        tw, th, _res = b.texels(name)
        img = _grained(r, tw, th, brand if name == feature else paint, 1.0)
        b.fill(name, img)
    if r.random() < 0.5:
        tone = _wood_tone(r)
        b.floor(lambda g, w, h, res: _wood(g, w, h, tone, 6))
    else:
        carpet = _pick(r, [(80, 84, 90), (120, 100, 80), (40, 50, 70), _c(r, 40, 160)])
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(4, round(0.5 * res)), carpet, _shade(carpet, 0.9)
            )
        )

    def spots(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (244, 244, 240), 1.0)
        step = max(6, round(float(g.uniform(1.2, 2.0)) * res))
        for y in range(step // 2, h, step):
            for x in range(step // 2, w, step):
                cv2.circle(img, (x, y), max(1, round(0.06 * res)), (255, 255, 236), -1)
        return img

    b.ceiling(spots)
    fl = _Floor(b.w, b.d, 0.35)
    fl.take(0.0, 1.3, b.w, 2.6)
    n = max(2, min(int((b.d - 4.0) / 1.8), int(r.integers(2, 6))))
    side = str(r.choice(["left", "right"]))
    sx = 1.0 if side == "right" else -1.0
    stagger = r.random() < 0.5
    client = _grained(r, 12, 16, _c(r, 30, 220), 1.5)
    for k in range(n):
        z = b.d - 1.3 - 1.8 * k
        x = sx * (b.w / 2 - 1.0) - (sx * 1.6 if stagger and k % 2 else 0.0)
        _model(b, Box(x, z, 1.4, 0.75, 0.75, 0.0, _faces(desk, "front")))
        _model(b, Box(x, z + 0.7, 0.55, 0.55, 1.0, 0.0, _faces(chair, "front")))
        for dx in (-0.35, 0.35):
            b.boxes.append(Box(x + dx, z - 0.7, 0.45, 0.45, 0.85, 0.0, _all_faces(client)))
        screen = _screen_text(r, 24, 16, 4, (40, 40, 44))
        b.boxes.append(
            Box(
                x,
                z + 0.2,
                0.5,
                0.05,
                0.32,
                0.78,
                _faces({"front": _grained(r, 8, 8, (30, 30, 34), 1.0), "back": screen}, "front"),
            )
        )
        b.tops.append((x, z, 1.4, 0.75, 0.75))
        fl.take(x, z, 1.6, 2.2)
    other = _other(side)
    wall = b.wall(other)
    cw, ch = wall.px(0.42), wall.px(0.3)
    rows = int(r.integers(2, 5))
    start = float(r.uniform(0.4, 1.5))
    cols = max(1, int((wall.length - start - 1.0) / 0.5))
    for i in range(rows):
        for j in range(cols):
            if r.random() < 0.85:
                _paste(
                    wall.img,
                    _property_card(r, cw, ch, brand),
                    wall.x_of(start + 0.5 * j),
                    wall.y_of(2.1 - 0.38 * i),
                )
    for _ in range(int(r.integers(0, 3))):
        hang = _property_card(r, 24, 32, brand)
        b.boxes.append(
            Box(
                float(r.uniform(-b.w / 4, b.w / 4)),
                float(r.uniform(0.8, 1.6)),
                0.5,
                0.03,
                0.65,
                1.3,
                _all_faces(hang),
            )
        )
    back = b.wall("back")
    name_sign = _sign(
        r,
        back.px(float(r.uniform(1.5, 2.5))),
        back.px(0.4),
        brand if feature != "back" else paint,
        _c(r, 0, 255),
        _word(r, (2, 3)).upper(),
    )
    _paste(
        back.img,
        name_sign,
        back.x_of(float(r.uniform(0.3, max(0.4, b.w - 2.8)))),
        back.y_of(min(b.h - 0.2, 2.4)),
    )
    spot = fl.against(r, 1.8, 0.8, (other, "front"))
    if spot:
        sofa = _grained(r, 32, 16, _c(r, 30, 220), 2.0)
        _box(b, spot, 0.8, {"front": sofa, "top": sofa})
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.45, 0.45, ("back", other, "front"))
        if spot:
            plant = _grained(r, 12, 24, (50, 110, 50), 6.0)
            plant[16:] = _c(r, 30, 230)
            _box(b, spot, float(r.uniform(0.8, 1.6)), {"front": plant, "top": plant[:12].copy()})
    _door(back, r, _c(r, 30, 230))
    _worn_walls(b, int(r.integers(3, 10)))


# mattress showroom


def _divan(m: Rng) -> dict[str, U8]:
    """The kind's divan bed: the base in the maker's fabric with its drawer and a
    quilted mattress on top in the maker's ticking."""
    fab = _pick(m, [(120, 120, 126), (200, 190, 170), (60, 64, 80), (150, 120, 100)])
    front = _grained(m, 48, 16, fab, 1.5)
    front[:6] = (244, 244, 240)
    front[9:14, 8:40] = _shade(fab, 0.8)
    top = _grained(m, 48, 64, (246, 246, 242), 1.0)
    for y in range(4, 64, 6):
        for x in range(4, 48, 6):
            top[y, x] = (210, 210, 214)
    top[:, :2] = top[:, -2:] = _pick(m, [(40, 60, 120), (160, 40, 60), (60, 60, 64)])
    side = _grained(m, 64, 16, fab, 1.5)
    side[:6] = (244, 244, 240)
    return _tex3(front, side, top)


def _build_mattress(b: _Build17) -> None:
    """A bed and mattress store's showroom: walls in the store's paint with brand
    banners, a carpet, a grid ceiling; the kind's divans in rows (two to four rows, each
    of two to five), each with a headboard in its own fabric, pillows and a price sign
    stand, sale banners, a sales desk, a door."""
    r, m = b.fix, _mass_produced(b)
    divan = _divan(m)
    paint = _pick(r, [(240, 240, 236), (220, 226, 236), (60, 70, 90), _c(r, 100, 240)])
    brand = _c(r, 20, 230)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        band = max(2, round(float(r.uniform(0.3, 0.7)) * res))
        img[:band] = brand
        b.fill(name, img)
    carpet = _pick(r, [(90, 94, 110), (140, 120, 100), (60, 70, 60), _c(r, 40, 180)])
    b.floor(
        lambda g, w, h, res: (
            _patterned(g, w, h, carpet, round(0.8 * res), 2)
            if g.random() < 0.4
            else _grained(g, w, h, carpet, 3.0)
        )
    )
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(0.6 * res)), (236, 236, 232), (200, 200, 196)
        )
    )
    rows = max(1, min(int((b.d - 5.0) / 3.6), int(r.integers(2, 5))))
    per = max(1, min(int((b.w - 2.0) / 2.6), int(r.integers(2, 6))))
    x0 = -per * 2.6 / 2 + 1.3 + float(r.uniform(-0.5, 0.5))
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.3, b.w, 2.6)
    z = b.d - 1.5
    for _ in range(rows):
        for j in range(per):
            x = x0 + 2.6 * j
            _model(b, Box(x, z, 1.5, 2.0, 0.6, 0.0, _faces(divan, "front")))
            head = _grained(r, 32, 16, _c(r, 30, 230), 2.0)
            _stripes(head, r, int(r.integers(3, 8)), _c(r, 30, 230))
            b.boxes.append(Box(x, z + 1.05, 1.6, 0.1, 1.2, 0.0, _all_faces(head)))
            pillow = _grained(r, 16, 8, _c(r, 180, 255), 1.5)
            b.boxes.append(Box(x, z + 0.75, 1.2, 0.35, 0.15, 0.6, _all_faces(pillow)))
            price = _sign(r, 24, 16, (250, 250, 246), brand, f"{int(r.integers(2, 30)) * 50}")
            b.boxes.append(
                Box(x + 0.9, z - 0.8, 0.3, 0.04, 0.2, 0.5, _faces({"front": price}, "front"))
            )
            fl.take(x, z, 2.2, 2.6)
        z -= 3.6
    back = b.wall("back")
    for _ in range(int(r.integers(1, 4))):
        ban = _sign(
            r,
            back.px(float(r.uniform(1.5, 3.0))),
            back.px(0.6),
            _c(r, 150, 255),
            brand,
            f"{_word(r, (1, 2)).upper()} {int(r.integers(2, 7)) * 10}%",
        )
        _paste(
            back.img,
            ban,
            back.x_of(float(r.uniform(0.3, max(0.4, b.w - 3.2)))),
            back.y_of(float(r.uniform(2.0, b.h - 0.8))),
        )
    spot = fl.against(r, 1.6, 0.7, ("left", "right"))
    if spot:
        _box(b, spot, 1.0, {"front": _grained(r, 32, 16, brand, 1.0), "top": _worktop(r)})
    _posters(b, r, ("left", "right"), int(r.integers(2, 6)), 0.8, 1.6)
    _windows(b, r, str(r.choice(["left", "right"])), 0.9, 1.8, _outside(r, 48, 32))
    _door(b.wall("front"), r, _c(r, 30, 200))
    _worn_walls(b, int(r.integers(5, 14)))


# nail bar


def _nail_table(m: Rng) -> dict[str, U8]:
    """The kind's manicure table: a white gloss top with an armrest pad and a dust
    extractor grille, drawers in front, a lamp's foot at the back."""
    pad = _pick(m, [(30, 30, 34), (240, 200, 210), (200, 180, 150)])
    top = _grained(m, 32, 16, (248, 248, 246), 1.0)
    top[4:10, 10:20] = pad
    top[4:10, 22:28] = (180, 182, 186)
    top[4:10, 23:28:2] = (90, 92, 96)
    front = _cabinet(m, 2, 2, (246, 246, 244))
    return _tex3(front, _grained(m, 16, 16, (244, 244, 242), 1.0), top)


def _nail_chair(m: Rng) -> dict[str, U8]:
    """The kind's client chair: a tub chair in the maker's velvet."""
    vel = _pick(m, [(200, 150, 170), (60, 60, 64), (190, 170, 130), (120, 160, 160)])
    back = _grained(m, 16, 16, vel, 2.0)
    back[:3] = _shade(vel, 0.8)
    return _tex3(back, back, back)


def _polish_rack(r: Rng, w: int, h: int) -> U8:
    """A wall rack of polish bottles in rows: a white frame, a bottle of a colour at
    every place."""
    img = _grained(r, max(8, w), max(8, h), (244, 244, 240), 1.0)
    ih, iw = img.shape[:2]
    rows = max(2, int(r.integers(4, 10)))
    step_y = max(3, ih // rows)
    step_x = max(2, step_y * 2 // 3)
    for y in range(1, ih - step_y + 1, step_y):
        img[y + step_y - 1] = (200, 200, 196)
        for x in range(1, iw - step_x, step_x):
            img[y + step_y // 3 : y + step_y - 1, x : x + max(1, step_x - 1)] = _c(r, 10, 250)
    return img


def _build_nail_bar(b: _Build17) -> None:
    """A high street nail bar: walls in the salon's paint with one papered or mirrored,
    a tiled or glossy floor, a ceiling with a chandelier or spots; a row (or two) of the
    kind's manicure tables with the kind's client chairs in front and a stool behind,
    racks of polish on the walls, a pedicure bench, a price list, a reception desk,
    plants, a door."""
    r, m = b.fix, _mass_produced(b)
    table, chair = _nail_table(m), _nail_chair(m)
    paint = _pick(r, [(246, 236, 236), (236, 236, 240), (40, 40, 44), _c(r, 120, 250)])
    feature = str(r.choice(["back", "left", "right"]))
    paper = _c(r, 60, 240)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        if name == feature:
            img = _patterned(r, tw, th, paper, round(float(r.uniform(0.15, 0.35)) * res), 2)
        b.fill(name, img)
    tile = _pick(r, [(240, 240, 236), (40, 40, 44), (200, 190, 180), _c(r, 80, 240)])
    b.floor(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(float(g.uniform(0.4, 0.8)) * res)), tile, _shade(tile, 0.85)
        )
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (246, 246, 244), 1.0))
    side = str(r.choice(["left", "right"]))
    sx = 1.0 if side == "right" else -1.0
    n = max(2, min(int((b.d - 3.0) / 1.3), int(r.integers(2, 6))))
    stool = _grained(r, 8, 8, _c(r, 20, 200), 1.5)
    fl = _Floor(b.w, b.d, 0.3)
    fl.take(0.0, 1.0, b.w, 2.0)
    x = sx * (b.w / 2 - 0.75)
    for k in range(n):
        z = b.d - 1.0 - 1.3 * k
        _model(b, Box(x, z, 0.5, 1.0, 0.75, 0.0, _faces(table, _other(side))))
        _model(b, Box(x - sx * 0.65, z, 0.55, 0.55, 0.8, 0.0, _faces(chair, side)))
        b.boxes.append(Box(x + sx * 0.45, z, 0.35, 0.35, 0.5, 0.0, _all_faces(stool)))
        lamp = _grained(r, 8, 8, (250, 250, 246), 1.0)
        b.boxes.append(Box(x + sx * 0.1, z + 0.3, 0.15, 0.15, 0.45, 0.75, _all_faces(lamp)))
        b.tops.append((x, z, 0.5, 1.0, 0.75))
        fl.take(x - sx * 0.3, z, 1.8, 1.3)
    wall = b.wall(side)
    rack = _polish_rack(r, wall.px(float(r.uniform(1.0, 2.4))), wall.px(float(r.uniform(0.6, 1.1))))
    _paste(
        wall.img,
        rack,
        wall.x_of(float(r.uniform(0.3, max(0.4, wall.length - 2.6)))),
        wall.y_of(2.1),
    )
    other = _other(side)
    owall = b.wall(other)
    rack2 = _polish_rack(
        r, owall.px(float(r.uniform(0.8, 1.8))), owall.px(float(r.uniform(0.8, 1.4)))
    )
    _paste(
        owall.img,
        rack2,
        owall.x_of(float(r.uniform(0.3, max(0.4, owall.length - 2.0)))),
        owall.y_of(2.0),
    )
    if r.random() < 0.6:
        spot = fl.against(r, 2.0, 0.7, (other, "back"))
        if spot:
            bench = _grained(r, 32, 16, _c(r, 30, 220), 2.0)
            bench[10:] = (240, 240, 236)
            _box(b, spot, 0.95, {"front": bench, "top": bench})
    back = b.wall("back")
    prices = _sheet(
        r, back.px(0.7), back.px(1.0), _c(r, 0, 120), int(r.integers(6, 12)), _c(r, 200, 255)
    )
    _paste(back.img, prices, back.x_of(float(r.uniform(0.3, max(0.4, b.w - 1.0)))), back.y_of(2.0))
    spot = fl.against(r, 1.3, 0.6, ("front", other))
    if spot:
        _box(
            b, spot, 1.05, {"front": _grained(r, 32, 16, _c(r, 100, 255), 1.0), "top": _worktop(r)}
        )
    for _ in range(int(r.integers(0, 3))):
        spot = fl.against(r, 0.4, 0.4, ("back", other, "front"))
        if spot:
            plant = _grained(r, 12, 24, (60, 120, 60), 6.0)
            _box(b, spot, float(r.uniform(0.6, 1.4)), {"front": plant, "top": plant[:12].copy()})
    _door(b.wall("front"), r, _c(r, 30, 230))
    _worn_walls(b, int(r.integers(3, 9)))


# school cloakroom


def _peg_bench(m: Rng) -> dict[str, U8]:
    """The kind's cloakroom unit: a bench on a steel frame with a shoe grid under it
    and a peg rail above (the pegs in the maker's colour) on a back board."""
    peg = _pick(m, [(220, 60, 50), (40, 120, 200), (60, 170, 80), (240, 190, 40)])
    front = _grained(m, 48, 64, (200, 170, 120), 1.0)
    front[:, :] = _shade((200, 170, 120), 0.95)
    for x in range(4, 48, 8):
        cv2.circle(front, (x, 10), 2, peg, -1)
    front[40:44] = (180, 150, 100)
    front[44:, ::6] = (150, 152, 156)
    front[52] = (150, 152, 156)
    return _tex3(front, front[:, :8].copy(), _grained(m, 48, 8, (190, 160, 110), 1.0))


def _build_cloakroom(b: _Build17) -> None:
    """A primary school's cloakroom: block walls in the school's paint with a colour
    band, a vinyl floor, a tiled ceiling; runs of the kind's peg benches along the walls
    and down the middle, the children's coats and bags on the pegs (every one its own
    colour), lockers, a notice board, lost property, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    unit = _peg_bench(m)
    paint = _pick(
        r,
        [(236, 232, 214), (214, 226, 236), (226, 236, 214), (240, 210, 190), _c(r, 60, 245)],
    )
    band = _c(r, 40, 230)
    blocks = r.random() < 0.6
    band_y, band_h = float(r.uniform(0.9, 1.6)), float(r.uniform(0.06, 0.3))
    for name in WALLS:
        tw, th, res = b.texels(name)
        if blocks:
            img = _tiles(r, tw, th, max(3, round(0.22 * res)), paint, _shade(paint, 0.9))
        else:
            img = _grained(r, tw, th, paint, 2.0)
        y = th - int(band_y * res)
        img[y : y + max(2, round(band_h * res))] = band
        b.fill(name, img)
    vinyl = _pick(r, [(160, 150, 140), (120, 140, 160), (150, 110, 90), _c(r, 80, 200)])

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, vinyl, 2.5)
        _spots(g, img, max(8, w * h // 50), _lighter(vinyl, 1.2), 1)
        _wear(img, g, res, 18)
        return img

    b.floor(floor)
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(0.6 * res)), (236, 236, 232), (196, 196, 192)
        )
    )
    fl = _Floor(b.w, b.d, 0.35)
    fl.take(0.0, 1.0, b.w, 2.0)
    runs: list[tuple[float, float, float, str]] = []
    for side in ("left", "right"):  # a run along either side wall, each its own length
        length = min(b.d - 2.6, float(r.uniform(2.0, 5.0)))
        z = b.d - 0.3 - length / 2 - float(r.uniform(0.0, max(0.01, b.d - 2.6 - length)))
        sx = 1.0 if side == "right" else -1.0
        runs.append((sx * (b.w / 2 - 0.2), z, length, _other(side)))
    if b.w > 5.0 and r.random() < 0.6:
        length = min(b.d - 3.5, float(r.uniform(2.0, 4.0)))
        runs.append((float(r.uniform(-0.4, 0.4)), b.d - 1.0 - length / 2, length, "left"))
    for x, z, length, facing in runs:
        off = 0.28 if facing == "right" else -0.28  # the coats hang in front of the unit
        _model(b, Box(x, z, 0.4, length, 1.6, 0.0, _faces(unit, facing)))
        fl.take(x, z, 1.4, length + 0.2)
        k = 0.0
        while k < length - 0.3:
            if r.random() < 0.7:
                coat = _grained(r, 12, 24, _c(r, 20, 240), 3.0)
                b.boxes.append(
                    Box(x + off, z - length / 2 + 0.2 + k, 0.12, 0.3, 0.6, 0.8, _all_faces(coat))
                )
            if r.random() < 0.3:
                bag = _grained(r, 12, 12, _c(r, 20, 240), 2.0)
                b.boxes.append(
                    Box(x + off, z - length / 2 + 0.2 + k, 0.2, 0.3, 0.3, 0.0, _all_faces(bag))
                )
            k += float(r.uniform(0.28, 0.4))
    if r.random() < 0.5:
        spot = fl.against(r, float(r.uniform(1.2, 2.4)), 0.45, ("back", "front"))
        if spot:
            lockers = _cabinet(r, int(r.integers(4, 9)), int(r.integers(2, 5)), _c(r, 30, 240))
            _box(
                b,
                spot,
                float(r.uniform(1.2, 1.8)),
                {"front": lockers, "top": _steel(r, 32, 8, 160)},
            )
    back = b.wall("back")
    board = _grained(r, back.px(float(r.uniform(1.0, 2.0))), back.px(0.9), _c(r, 60, 240), 1.5)
    for _ in range(int(r.integers(3, 8))):
        sheet = _sheet(r, max(4, board.shape[1] // 4), max(4, board.shape[0] // 3), (30, 30, 30), 3)
        _paste(
            board,
            sheet,
            int(r.integers(0, max(1, board.shape[1] * 3 // 4))),
            int(r.integers(0, max(1, board.shape[0] * 2 // 3))),
        )
    _paste(back.img, board, back.x_of(float(r.uniform(0.3, max(0.4, b.w - 2.2)))), back.y_of(2.0))
    if r.random() < 0.7:
        _windows(b, r, "back", 1.3, 1.0, _outside(r, 48, 32))
    spot = fl.against(r, 0.8, 0.5, ("back", "front"))
    if spot:
        lost = _grained(r, 16, 12, _c(r, 40, 220), 2.0)
        lost[:3] = _c(r, 20, 240)
        _box(b, spot, 0.6, {"front": lost, "top": _grained(r, 16, 12, _c(r, 20, 240), 4.0)})
    _posters(b, r, ("front", "back"), int(r.integers(1, 4)), 0.3, 0.6)
    _door(b.wall("front"), r, _c(r, 30, 220))
    _worn_walls(b, int(r.integers(10, 24)))


# youth club


def _pool_table(m: Rng) -> dict[str, U8]:
    """The kind's pool table: a cloth in the maker's green, blue or red inside wooden
    cushions with pockets, on a panelled body."""
    cloth = _pick(m, [(30, 110, 60), (30, 70, 140), (140, 30, 40)])
    tone = _wood_tone(m)
    top = _grained(m, 32, 56, cloth, 1.0)
    top[:3] = top[-3:] = tone
    top[:, :3] = top[:, -3:] = tone
    for x, y in ((2, 2), (29, 2), (2, 28), (29, 28), (2, 53), (29, 53)):
        cv2.circle(top, (x, y), 2, (10, 10, 10), -1)
    front = _wood(m, 32, 16, tone, 3)
    return _tex3(front, _wood(m, 56, 16, tone, 3), top)


def _table_football(m: Rng) -> dict[str, U8]:
    """The kind's table football: a green pitch with its white lines and rods across,
    the players (blocks) in two colours, in a cabinet."""
    top = _grained(m, 24, 40, (40, 130, 60), 1.0)
    cv2.rectangle(top, (2, 2), (21, 37), (240, 240, 240), 1)
    top[19:21] = (240, 240, 240)
    a, c = _pick(m, [(220, 40, 40), (240, 200, 40)]), _pick(m, [(40, 80, 200), (240, 240, 240)])
    for k, y in enumerate(range(4, 40, 5)):
        top[y] = (180, 182, 186)
        top[y - 1 : y + 2, 5:20:5] = a if k % 2 else c
    front = _grained(m, 24, 16, _pick(m, [(30, 30, 34), (200, 40, 40), (40, 40, 120)]), 1.0)
    return _tex3(front, _grained(m, 40, 16, (30, 30, 34), 1.0), top)


def _build_youth_club(b: _Build17) -> None:
    """A town's youth club: walls in the club's paint with a big mural and a graffiti
    style name board, a vinyl or painted floor, a ceiling of boards or tiles; the
    kind's pool table and table football, sofas and beanbags, a table tennis table, a
    tuck shop counter, a TV, a notice board, windows with grilles, a door."""
    r, m = b.fix, _mass_produced(b)
    pool, foos = _pool_table(m), _table_football(m)
    paint = _pick(r, [(60, 60, 90), (220, 220, 210), (200, 80, 60), (60, 120, 120), _c(r, 40, 240)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 2.0)
        if r.random() < 0.5:
            img[th - int(1.0 * res) :] = _grained(r, tw, int(1.0 * res), _c(r, 20, 200), 2.0)
        b.fill(name, img)
    floor = _pick(r, [(70, 74, 80), (150, 120, 90), (120, 40, 40), _c(r, 40, 200)])

    def painted(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, floor, 3.0)
        _wear(img, g, res, 25)
        return img

    b.floor(painted)
    b.ceiling(
        _boards(_between(r, (180, 180, 176), (230, 230, 224)))
        if r.random() < 0.5
        else (
            lambda g, w, h, res: _tiles(
                g, w, h, max(4, round(0.6 * res)), (230, 230, 226), (190, 190, 186)
            )
        )
    )
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.3, b.w, 2.6)
    px = float(r.uniform(-b.w / 4, b.w / 4))
    pz = float(r.uniform(b.d * 0.45, b.d * 0.65))
    _model(b, Box(px, pz, 1.1, 2.0, 0.8, 0.0, _faces(pool, "front")))
    b.tops.append((px, pz, 1.1, 2.0, 0.8))
    fl.take(px, pz, 2.8, 3.6)
    x, z, _w, _d, facing = _must(b, fl, r, 1.6, 1.0, ("left", "right", "back"))
    _model(b, Box(x, z, 1.4, 0.75, 0.9, 0.0, _faces(foos, facing)))
    if r.random() < 0.6:
        spot = fl.against(r, 2.8, 1.6, ("left", "right", "back"))
        if spot:
            tt = _grained(r, 32, 16, (30, 60, 120), 1.0)
            tt[7:9] = (240, 240, 240)
            b.boxes.append(
                Box(
                    spot[0],
                    spot[1],
                    2.6,
                    1.4,
                    0.76,
                    0.0,
                    {"top": tt, "front": _grained(r, 16, 4, (30, 30, 34), 1.0)},
                )
            )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 2.0, 0.85, ("left", "right", "back", "front"))
        if spot:
            cover = _c(r, 20, 220)
            sofa = _grained(r, 32, 16, cover, 3.0)
            sofa[:5] = _shade(cover, 0.8)
            _box(b, spot, 0.85, {"front": sofa, "top": sofa})
    for _ in range(int(r.integers(1, 5))):
        spot = fl.against(r, 0.8, 0.8, ("left", "right", "back"))
        if spot:
            bean = _blob(r, 16, 16, _c(r, 30, 240))
            _box(b, spot, 0.5, {"front": bean, "top": bean})
    spot = fl.against(r, 2.4, 0.7, ("left", "right", "back"))
    if spot:
        shop = _grained(r, 32, 16, _c(r, 30, 220), 1.5)
        _box(b, spot, 1.0, {"front": shop, "top": _worktop(r)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    mural = _graphic(
        r,
        wall.px(float(r.uniform(3.0, min(6.0, wall.length - 1.0)))),
        wall.px(float(r.uniform(1.4, 2.0))),
        _c(r, 40, 250),
    )
    _paste(wall.img, mural, wall.x_of(float(r.uniform(0.5, 1.5))), wall.y_of(min(b.h - 0.2, 2.6)))
    back = b.wall("back")
    tag = _sign(
        r,
        back.px(float(r.uniform(2.0, 3.5))),
        back.px(0.7),
        _c(r, 0, 255),
        _c(r, 0, 255),
        _word(r, (2, 3)).upper(),
    )
    _paste(
        back.img,
        tag,
        back.x_of(float(r.uniform(0.5, max(0.6, b.w - 4.0)))),
        back.y_of(min(b.h - 0.2, 2.8)),
    )
    tv = _screen_text(r, back.px(1.2), back.px(0.7), 3, _c(r, 100, 255))
    _paste(back.img, tv, back.x_of(float(r.uniform(0.5, max(0.6, b.w - 1.8)))), back.y_of(1.8))
    other = b.wall(_other(side))
    view = _outside(r, 48, 32)
    view[::4] = (60, 60, 64)
    view[:, ::4] = (60, 60, 64)
    _windows(b, r, _other(side), 1.2, 1.2, view)
    _posters(b, r, ("front", _other(side)), int(r.integers(2, 7)), 0.4, 0.9)
    del other
    _door(b.wall("front"), r, _c(r, 20, 200))
    _worn_walls(b, int(r.integers(12, 30)))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_seminar(b: _Build17) -> None:
    """A university teaching block's seminar room, one of the block's rooms fitted
    alike: every fixed thing the template's (the size, the paint, the windows with the
    campus outside, the carpet tiles, the grid ceiling, the tables in a U, the chairs,
    the whiteboard, the lectern); what is written on the
    whiteboard, a notice by the door, a room number and what is left on the tables the
    room's own (little)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(236, 236, 230), (220, 228, 236), (236, 228, 214)])
    for name in WALLS:
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(r, tw, th, paint, 1.0))
    carpet = _pick(r, [(70, 80, 100), (100, 90, 80), (60, 90, 80)])
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(4, round(0.5 * res)), carpet, _shade(carpet, 0.9))
    )
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(0.6 * res)), (236, 236, 232), (196, 196, 192)
        )
    )
    _windows(b, r, "left", 0.9, 1.5, _outside(r, 48, 32))
    back = b.wall("back")
    wb = (back.x_of(b.w / 2 - 1.2), back.y_of(2.1), back.px(2.4), back.px(1.1))
    board = _grained(r, wb[2], wb[3], (250, 250, 250), 0.5)
    cv2.rectangle(
        board,
        (0, 0),
        (board.shape[1] - 1, board.shape[0] - 1),
        (170, 172, 176),
        max(1, back.px(0.03)),
    )
    _paste(back.img, board, wb[0], wb[1])
    table = {
        "front": _grained(r, 32, 16, (90, 94, 100), 1.0),
        "top": _grained(r, 32, 16, _pick(r, [(220, 200, 160), (236, 236, 232)]), 1.0),
    }
    chair = _grained(r, 12, 16, _pick(r, [(40, 60, 120), (30, 30, 34), (140, 40, 40)]), 1.0)
    for x, z, w, d in (
        (-(b.w / 2 - 1.2), b.d * 0.55, 0.7, 3.2),
        (b.w / 2 - 1.2, b.d * 0.55, 0.7, 3.2),
        (0.0, b.d * 0.55 + 1.25, b.w - 3.1, 0.7),
    ):
        b.boxes.append(Box(x, z, w, d, 0.72, 0.0, _faces(table, "front")))
        b.tops.append((x, z, w, d, 0.72))
    for k in range(4):
        zz = b.d * 0.55 - 1.2 + 0.8 * k
        for sx in (-1.0, 1.0):
            b.boxes.append(Box(sx * (b.w / 2 - 0.6), zz, 0.45, 0.45, 0.85, 0.0, _all_faces(chair)))
    lectern = _wood(r, 16, 24, _wood_tone(r), 3)
    b.boxes.append(Box(b.w / 2 - 0.6, b.d - 0.5, 0.5, 0.45, 1.1, 0.0, _all_faces(lectern)))
    # The room's own: the whiteboard's writing, a notice, its number, things left out.
    ink = _pick(o, [(30, 30, 160), (20, 20, 24), (160, 30, 30), (30, 120, 50)])
    for k in range(int(o.integers(2, 6))):
        _say(
            back.img,
            o,
            " ".join(_word(o, (1, 3)) for _ in range(int(o.integers(1, 4)))),
            wb[0] + back.px(0.1),
            wb[1] + back.px(0.2 + 0.2 * k),
            max(3, back.px(0.09)),
            ink,
        )
    front = b.wall("front")
    notice = _sheet(o, front.px(0.21), front.px(0.3), (30, 30, 30), 5)
    _paste(
        front.img,
        notice,
        front.x_of(float(o.uniform(0.2, b.w - 0.5))),
        front.y_of(float(o.uniform(1.4, 1.7))),
    )
    plate = _sign(
        o,
        back.px(0.3),
        back.px(0.12),
        (250, 250, 246),
        (20, 20, 20),
        f"{int(o.integers(0, 6))}.{int(o.integers(1, 40)):02d}",
    )
    _paste(back.img, plate, back.x_of(float(o.uniform(0.1, 0.6))), back.y_of(1.7))
    st = _b17(b)
    for _ in range(int(o.integers(1, 5))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 1.0, b.w / 2 - 1.0)),
                b.d * 0.55 + 1.25,
                float(o.uniform(0.1, 0.3)),
                float(o.uniform(0.1, 0.25)),
                float(o.uniform(0.03, 0.25)),
                0.72,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.3, 0.3)), float(o.uniform(0.5, 0.8)))
    st.look = (0.0, 1.3, b.d)


def _build_garden_office(b: _Build17) -> None:
    """A garden office, one of a maker's insulated garden rooms of one design put up in
    one estate's gardens: every fixed thing the maker's (the size, the painted boarded
    walls, the side window and the glazed doors with the garden outside, the oak-look
    floor, the ceiling with its downlights, the built-in desk along the back, the
    heater); the blind's colour, the pictures and pin board, the shelf and what is on
    it, the chair, the rug and what is on the desk the owner's own (between)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(236, 236, 230), (214, 224, 214), (230, 224, 214)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        _stripes(img, r, max(3, round(0.12 * res)), _shade(paint, 0.93), vertical=False)
        b.fill(name, img)
    garden = _outside(r, 48, 32)
    frame = _pick(r, [(50, 52, 56), (240, 240, 236), (100, 80, 60)])
    wall = b.wall("right")
    _window(wall, r, garden, 0.4, 0.9, min(1.2, wall.length - 0.8), 1.0, frame)
    tone = _wood_tone(r)
    b.floor(lambda g, w, h, res: _wood(g, w, h, tone, 5))

    def lights(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (246, 246, 242), 1.0)
        for y in (h // 3, 2 * h // 3):
            for x in (w // 3, 2 * w // 3):
                cv2.circle(img, (x, y), max(1, round(0.05 * res)), (255, 255, 230), -1)
        return img

    b.ceiling(lights)
    desk = {
        "front": _grained(r, 32, 16, (240, 240, 236), 1.0),
        "top": _wood(r, 32, 16, _wood_tone(r), 3),
    }
    b.boxes.append(Box(0.0, b.d - 0.35, b.w - 0.2, 0.6, 0.74, 0.0, _faces(desk, "front")))
    b.tops.append((0.0, b.d - 0.35, b.w - 0.2, 0.6, 0.74))
    heater = _grained(r, 16, 8, (240, 240, 236), 1.0)
    heater[1::3] = (210, 210, 206)
    b.boxes.append(Box(-(b.w / 2 - 0.06), b.d * 0.4, 0.1, 0.8, 0.45, 0.15, _all_faces(heater)))
    # The owner's own: a blind, pictures, a pin board, a shelf, a chair, a rug.
    wall = b.wall("right")
    drop = float(o.uniform(0.2, 0.6))
    l0, t0, l1, t1 = _opening(wall, 0.4, 1.9 - drop, min(1.2, wall.length - 0.8), drop)
    blind = _grained(o, max(2, l1 - l0), max(2, t1 - t0), _c(o, 40, 240), 1.5)
    _stripes(blind, o, max(2, wall.px(0.04)), _c(o, 40, 240), vertical=False)
    wall.img[t0:t1, l0:l1] = blind[: t1 - t0, : l1 - l0]
    back = b.wall("back")
    for _ in range(int(o.integers(1, 4))):
        pic = _framed(
            o,
            back.px(float(o.uniform(0.3, 0.6))),
            back.px(float(o.uniform(0.25, 0.5))),
            _c(o, 20, 240),
        )
        _paste(
            back.img,
            pic,
            back.x_of(float(o.uniform(0.1, max(0.15, b.w - 0.7)))),
            back.y_of(float(o.uniform(1.6, 2.1))),
        )
    shelf_w = float(o.uniform(0.7, min(1.3, b.w - 0.6)))
    l0, t0, l1, t1 = _opening(
        back, float(o.uniform(0.1, max(0.15, b.w - shelf_w - 0.1))), 1.05, shelf_w, 0.4
    )
    back.img[t0:t1, l0:l1] = _shelf_of(
        o, l1 - l0, t1 - t0, _wood_tone(o), (_books, _bottles, _pots)[int(o.integers(0, 3))](o)
    )[: t1 - t0, : l1 - l0]
    left = b.wall("left")
    pin = _grained(
        o,
        left.px(float(o.uniform(0.6, 1.0))),
        left.px(float(o.uniform(0.5, 0.8))),
        (180, 140, 100),
        2.0,
    )
    for _ in range(int(o.integers(2, 7))):
        sh = _sheet(o, max(4, pin.shape[1] // 3), max(4, pin.shape[0] // 3), (30, 30, 30), 3)
        _paste(
            pin,
            sh,
            int(o.integers(0, max(1, pin.shape[1] * 2 // 3))),
            int(o.integers(0, max(1, pin.shape[0] * 2 // 3))),
        )
    _paste(
        left.img,
        pin,
        left.x_of(float(o.uniform(0.2, max(0.25, left.length - 1.2)))),
        left.y_of(1.9),
    )
    st = _b17(b)
    chair = _grained(o, 16, 24, _c(o, 20, 220), 2.0)
    st.own_boxes.append(
        Box(float(o.uniform(-0.5, 0.5)), b.d - 0.85, 0.5, 0.5, 0.85, 0.0, _all_faces(chair))
    )
    rug = _patterned(o, 32, 24, _c(o, 30, 220), 6, 2)
    st.own_boxes.append(
        Box(
            float(o.uniform(-0.2, 0.2)),
            b.d * 0.5,
            float(o.uniform(1.0, 1.6)),
            float(o.uniform(0.7, 1.1)),
            0.01,
            0.0,
            _all_faces(rug),
        )
    )
    for _ in range(int(o.integers(2, 5))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.4, b.w / 2 - 0.4)),
                b.d - 0.35,
                float(o.uniform(0.1, 0.4)),
                float(o.uniform(0.1, 0.3)),
                float(o.uniform(0.03, 0.4)),
                0.74,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.15, 0.15)), float(o.uniform(0.25, 0.4)))
    st.look = (0.0, 1.0, b.d)


def _build_care_home(b: _Build17) -> None:
    """A resident's room in a care home, one of the home's rooms fitted alike: every
    fixed thing the home's (the size, the paint, the window, the vinyl floor, the
    ceiling, the profiling bed, the wardrobe, the chest of drawers, the armchair, the
    grab rail); the resident's own (much): the wallpaper they chose over most of the
    back and side walls, their curtains, photographs and pictures, the bedspread and
    cushions, a rug, ornaments and a lamp."""
    r, o = b.fix, b.own
    paint = _pick(r, [(236, 230, 214), (220, 230, 226), (230, 224, 232)])
    for name in WALLS:
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(r, tw, th, paint, 1.0))
    wall = b.wall("left")
    _window(wall, r, _outside(r, 48, 32), wall.length * 0.45, 0.9, 1.2, 1.2, (240, 240, 236))
    vinyl = _pick(r, [(170, 150, 120), (150, 150, 146), (130, 110, 90)])
    b.floor(lambda g, w, h, res: _wood(g, w, h, vinyl, 5))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (244, 244, 240), 1.0))
    bed = {
        "front": _grained(r, 32, 12, _wood_tone(r), 2.0),
        "top": _grained(r, 32, 48, (240, 240, 236), 1.0),
    }
    b.boxes.append(Box(b.w / 2 - 0.6, b.d - 1.15, 1.0, 2.1, 0.55, 0.0, _faces(bed, "front")))
    wood = _wood_tone(r)
    b.boxes.append(
        Box(
            -(b.w / 2 - 0.35),
            b.d - 0.7,
            0.6,
            1.0,
            1.9,
            0.0,
            _faces({"front": _cabinet(r, 2, 1, wood), "top": _wood(r, 16, 16, wood, 3)}, "right"),
        )
    )
    b.boxes.append(
        Box(
            0.0,
            b.d - 0.3,
            0.8,
            0.45,
            0.85,
            0.0,
            _faces({"front": _cabinet(r, 1, 3, wood), "top": _wood(r, 16, 16, wood, 3)}, "front"),
        )
    )
    b.tops.append((0.0, b.d - 0.3, 0.8, 0.45, 0.85))
    arm = _grained(r, 16, 16, _pick(r, [(90, 120, 90), (140, 100, 110), (90, 100, 140)]), 1.5)
    b.boxes.append(Box(-(b.w / 2 - 0.5), b.d * 0.4, 0.7, 0.7, 0.95, 0.0, _all_faces(arm)))
    rail = b.wall("right")
    rail.img[rail.y_of(0.95) : rail.y_of(0.9), :] = (200, 200, 204)
    # The resident's own: wallpaper, curtains, photographs, bedding, a rug, ornaments.
    paper = _c(o, 60, 240)
    height = float(o.uniform(1.6, min(2.2, b.h - 0.1)))
    step_m = float(o.uniform(0.15, 0.4))
    for name in ("back", "right", "left"):
        wall = b.wall(name)
        frac = float(o.uniform(0.6, 0.9))
        start = float(o.uniform(0.0, max(0.02, (1 - frac) * wall.length)))
        l0, t0, l1, t1 = _opening(wall, start, 0.95, frac * wall.length, height - 0.95)
        img = _patterned(o, l1 - l0, t1 - t0, paper, max(4, wall.px(step_m)), 2)
        wall.img[t0:t1, l0:l1] = img[: t1 - t0, : l1 - l0]
    wall = b.wall("left")
    fabric = _c(o, 40, 240)
    for cx in (wall.length * 0.45 - 0.3, wall.length * 0.45 + 1.2):
        curtain = _grained(o, wall.px(0.3), wall.px(1.5), fabric, 2.0)
        _stripes(curtain, o, max(2, wall.px(float(o.uniform(0.03, 0.1)))), _c(o, 30, 250))
        _paste(wall.img, curtain, wall.x_of(max(0.0, cx)), wall.y_of(2.2))
    for _ in range(int(o.integers(3, 8))):
        name = str(o.choice(["back", "right", "front"]))
        wall = b.wall(name)
        pic = _framed(
            o,
            wall.px(float(o.uniform(0.15, 0.4))),
            wall.px(float(o.uniform(0.15, 0.35))),
            _c(o, 20, 240),
        )
        _paste(
            wall.img,
            pic,
            wall.x_of(float(o.uniform(0.1, max(0.15, wall.length - 0.5)))),
            wall.y_of(float(o.uniform(1.3, 1.9))),
        )
    st = _b17(b)
    spread = _grained(o, 32, 48, _c(o, 40, 250), 2.0)
    _stripes(spread, o, int(o.integers(2, 8)), _c(o, 40, 250))
    st.own_boxes.append(Box(b.w / 2 - 0.6, b.d - 1.1, 1.05, 1.7, 0.1, 0.55, _all_faces(spread)))
    for _ in range(int(o.integers(1, 4))):
        cushion = _blob(o, 12, 12, _c(o, 30, 250))
        st.own_boxes.append(
            Box(
                b.w / 2 - 0.6 + float(o.uniform(-0.3, 0.3)),
                b.d - 0.3,
                0.4,
                0.15,
                0.3,
                0.6,
                _all_faces(cushion),
            )
        )
    rug = _patterned(o, 32, 24, _c(o, 30, 220), 6, 2)
    st.own_boxes.append(
        Box(
            float(o.uniform(-0.4, 0.2)),
            b.d * float(o.uniform(0.45, 0.6)),
            float(o.uniform(0.9, 1.5)),
            float(o.uniform(0.6, 1.0)),
            0.01,
            0.0,
            _all_faces(rug),
        )
    )
    for _ in range(int(o.integers(2, 6))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.3, 0.3)),
                b.d - 0.3,
                float(o.uniform(0.08, 0.25)),
                0.12,
                float(o.uniform(0.06, 0.35)),
                0.85,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.1)), float(o.uniform(0.3, 0.45)))
    st.look = (float(o.uniform(-0.3, 0.3)), 1.0, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "dental surgery": _build_dental,
    "physiotherapy clinic": _build_physio,
    "nursery playroom": _build_nursery,
    "estate agent's office": _build_estate_agent,
    "mattress showroom": _build_mattress,
    "nail bar": _build_nail_bar,
    "school cloakroom": _build_cloakroom,
    "youth club": _build_youth_club,
    "seminarroom": _build_seminar,
    "gardenoffice": _build_garden_office,
    "carehomeroom": _build_care_home,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v32's kinds and v32's day seeds."""

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = surface_planes(self) + box_planes_of(self, day)  # type: ignore[arg-type]
        return self.cache[day]


def box_planes_of(place: Place, day: int) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings and the day's loose things
    (v20's)."""
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
        hfov = float(rng.uniform(72, 82))
        z = min(z, 0.6)
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.1, 0.1)) * SMALL.get(base, 1.0)
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
    """The original picture of a place, carrying its ``Place`` for ``views_v32``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v32(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v32 (``bench/link.py --generator v32``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v32``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    youth club, mattress showroom or physiotherapy clinic."""
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
    """The place's camera moved up to ``reach`` m (less in small places: see ``SMALL``),
    its height kept within 0.08 m, turned up to ``turn`` degrees and tilted up to 4; the
    first of 8 moves that leaves it clear of every thing by 0.15 m, or not moved."""
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


def stepped_back(place: Place, rng: Rng) -> Camera:
    """The camera of ``steppedback``: the photographer stepped back towards the door,
    0.3-0.9 m (x the small places' share, never nearer the front wall than 0.12 m),
    0.2 m aside at most, the lens zoomed out (a field of view 8-16 degrees wider, at
    most 95), turned up to 6 degrees and tilted up to 3; the first of eight ever
    shorter steps that leaves it 0.12 m clear of every thing, else where it stood."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    back = float(rng.uniform(0.3, 0.9)) * k
    side = float(rng.uniform(-0.2, 0.2)) * k
    pos = c.pos
    for n in range(8):
        short = 1.0 - n / 8
        cand = _vec(
            float(c.pos[0]) + side * short,
            float(c.pos[1]),
            max(0.12, float(c.pos[2]) - back * short),
        )
        cand = _inside(place, cand, 0.2)
        cand[2] = max(0.12, min(float(cand[2]), float(c.pos[2])))
        if _free(place, cand, 0.12):  # type: ignore[arg-type]
            pos = cand
            break
    hfov = min(95.0, c.hfov + float(rng.uniform(8, 16)))
    return Camera(pos, c.yaw + float(rng.uniform(-6, 6)), c.pitch + float(rng.uniform(-3, 3)), hfov)


# --- views ----------------------------------------------------------------------------------------


def green_cast(img: U8, rng: Rng) -> U8:
    """The place re-photographed under old fluorescent tubes the phone did not correct
    for: a green cast (red x0.82-0.9, green x1.04-1.1, blue x0.8-0.9), contrast down
    to 80-90 % round a lifted middle (+6-12), sensor noise (sigma 2)."""
    cast = np.array(
        [rng.uniform(0.82, 0.9), rng.uniform(1.04, 1.1), rng.uniform(0.8, 0.9)], np.float32
    )
    k = float(rng.uniform(0.8, 0.9))
    out = (img.astype(np.float32) - 128.0) * k + 128.0 + float(rng.uniform(6, 12))
    return _noise(_u8(out * cast), rng, 2.0)


def _shake_kernel(rng: Rng, length: float) -> F32:
    """A hand's shake during the exposure: a short wandering path ``length`` pixels
    long, drawn as the blur kernel (weights summing to 1)."""
    size = max(3, int(length) * 2 + 3) | 1
    k = np.zeros((size, size), np.float32)
    ang = float(rng.uniform(0, 2 * np.pi))
    x, y = size / 2.0, size / 2.0
    steps = max(4, int(length * 2))
    for _ in range(steps):
        ang += float(rng.normal(0.0, 0.35))
        x = float(np.clip(x + 0.5 * np.cos(ang), 0, size - 1))
        y = float(np.clip(y + 0.5 * np.sin(ang), 0, size - 1))
        k[int(y), int(x)] += 1.0
    return np.asarray(k / k.sum(), np.float32)


def shake_blur(img: U8, rng: Rng) -> U8:
    """The place re-photographed with a shaking hand: blurred along a short wandering
    path (1.2-2.4 % of the width long), sensor noise (sigma 2)."""
    w = img.shape[1]
    kernel = _shake_kernel(rng, w * float(rng.uniform(0.012, 0.024)))
    out = cv2.filter2D(img.astype(np.float32), -1, kernel, borderType=cv2.BORDER_REFLECT)
    return _noise(_u8(np.asarray(out, np.float32)), rng, 2.0)


def blown_out(img: U8, rng: Rng) -> U8:
    """The place re-photographed overexposed: 1.6-2.2 times the light, the highlights
    rolled off into white (a soft knee from 200), colour 10-20 % washed out."""
    f = img.astype(np.float32) * float(rng.uniform(1.6, 2.2))
    knee = 200.0
    over = np.maximum(f - knee, 0.0)
    f = np.where(f > knee, knee + 55.0 * (1 - np.exp(-over / 55.0)), f)
    grey = f.mean(axis=2, keepdims=True)
    mix = float(rng.uniform(0.1, 0.2))
    return _noise(_u8(f * (1 - mix) + grey * mix), rng, 1.5)


def heavy_jpeg(img: U8, rng: Rng) -> U8:
    """The picture as a site that squeezes uploads keeps it: shrunk to 60-75 % of its
    width, saved at JPEG quality 14-24 (blocks and ringing), shown full size again."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.6, 0.75))
    size = (max(8, round(w * k)), max(6, round(h * k)))
    small = np.asarray(
        cv2.resize(np.ascontiguousarray(img), size, interpolation=cv2.INTER_AREA), np.uint8
    )
    small = _rejpeg(small, int(rng.integers(14, 25)))
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)


def tilt_crop(img: U8, rng: Rng) -> U8:
    """The picture turned 3-7 degrees either way in an editor and cropped to the
    largest frame of the same shape with no corner showing, off centre by up to 3 %
    (and zoomed in as much more as that needs), then a further 0-6 % in, blown up to the
    frame."""
    h, w = img.shape[:2]
    deg = float(rng.uniform(3, 7)) * float(rng.choice([-1.0, 1.0]))
    a = np.radians(abs(deg))
    # the scale that keeps a w x h frame inside the turned picture
    scale = max(
        (w * np.cos(a) + h * np.sin(a)) / w,
        (w * np.sin(a) + h * np.cos(a)) / h,
    ) * (1 + float(rng.uniform(0.0, 0.06)))
    ox, oy = float(rng.uniform(-0.03, 0.03)), float(rng.uniform(-0.03, 0.03))
    scale *= 1 + 2 * max(abs(ox), abs(oy))  # the off-centre crop still inside
    cx, cy = w / 2 + ox * w, h / 2 + oy * h
    mat = cv2.getRotationMatrix2D((cx, cy), deg, scale)
    mat[0, 2] += w / 2 - cx
    mat[1, 2] += h / 2 - cy
    out = cv2.warpAffine(img, mat, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)
    return np.asarray(out, np.uint8)


# The gallery app of ``galleryinfo`` (made up): a dark theme, an amber accent.
_GAL_BG = (12, 12, 14)
_GAL_SHEET = (34, 35, 40)
_GAL_ACCENT = (255, 176, 32)
_GAL_INK = (232, 232, 236)
_GAL_DIM = (150, 152, 160)


def gallery_info(img: U8, rng: Rng) -> U8:
    """A screenshot of one phone gallery app (made up; every ``galleryinfo`` is this
    app) with its details sheet swiped up: the status bar (the time, the battery) on
    black, the picture fitted into the top 42-50 % of the screen, then the dark grey
    sheet with rounded corners: a handle, the date and time (each picture's own), an
    amber "Add description" line, rows with round amber icons for the file (a made-up
    name), the camera and the size, a made-up map of blocks and roads with an amber
    pin, and a bottom bar of four icons."""
    h, w = img.shape[:2]
    s = _scale(min(w, int(h * 4 / 3)))
    out = np.full((h, w, 3), _GAL_BG, np.float32)
    sb = max(3, round(h * 0.045))
    _say(
        out,
        rng,
        f"{int(rng.integers(0, 24))}:{int(rng.integers(10, 60))}",
        max(2, int(6 * s)),
        sb - 1,
        max(2, sb * 2 // 3),
        _GAL_INK,
    )
    bx = w - max(10, int(22 * s))
    cv2.rectangle(
        out, (bx, max(0, sb // 4)), (bx + max(5, int(12 * s)), max(1, sb * 3 // 4)), _GAL_INK, -1
    )
    top = sb
    bottom = top + int(h * float(rng.uniform(0.42, 0.5)))
    vh, vw = bottom - top, w
    ih, iw = img.shape[:2]
    scale = min(vw / iw, vh / ih)
    pw, ph = max(2, int(iw * scale)), max(2, int(ih * scale))
    _paste_f(out, _fit(img, pw, ph).astype(np.float32), (vw - pw) // 2, top + (vh - ph) // 2)
    sheet_top = bottom + max(1, int(4 * s))
    nb = max(5, round(h * 0.08))
    sh = h - nb - sheet_top
    if sh > 4:
        sheet = np.full((sh, w, 3), _GAL_SHEET, np.float32)
        mask = _rounded(sh + 40, w, max(2, int(14 * s)))[:sh]
        _blend(out, sheet, 0, sheet_top, np.asarray(mask, np.float32))
        cv2.line(
            out,
            (w // 2 - max(4, int(16 * s)), sheet_top + max(2, int(5 * s))),
            (w // 2 + max(4, int(16 * s)), sheet_top + max(2, int(5 * s))),
            _GAL_DIM,
            max(1, int(3 * s)),
        )
        y = sheet_top + max(6, int(22 * s))
        line = max(4, int(22 * s))
        x0 = max(3, int(14 * s))
        day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[int(rng.integers(0, 7))]
        _say(
            out,
            rng,
            f"{day} {int(rng.integers(1, 29))}.{int(rng.integers(1, 13))}."
            f"{int(rng.integers(2016, 2027))}  "
            f"{int(rng.integers(0, 24))}:{int(rng.integers(10, 60))}",
            x0,
            y,
            max(2, int(9 * s)),
            _GAL_INK,
        )
        y += line
        _say(out, rng, "Add description", x0, y, max(2, int(7 * s)), _GAL_ACCENT)
        rows = (
            f"IMG_{int(rng.integers(1000, 9999))}{int(rng.integers(10, 99))}.jpg",
            f"{_word(rng, (1, 2)).title()} {int(rng.integers(5, 16))}  "
            f"f/{int(rng.integers(15, 28)) / 10}",
            f"{int(rng.integers(8, 50))} MP  {int(rng.integers(20, 90)) / 10} MB",
        )
        for k, text in enumerate(rows):
            y += line
            if y > h - nb - max(3, int(8 * s)):
                break
            cv2.circle(
                out,
                (x0 + max(2, int(6 * s)), y - max(1, int(4 * s))),
                max(2, int(6 * s)),
                _GAL_ACCENT,
                -1,
            )
            _say(
                out,
                rng,
                text,
                x0 + max(6, int(20 * s)),
                y,
                max(2, int(7 * s)),
                _GAL_INK if k == 0 else _GAL_DIM,
            )
        my = y + max(3, int(10 * s))
        mh = h - nb - my - max(2, int(6 * s))
        if mh > 6:
            mw = w - 2 * x0
            mp = _grained(rng, mw, mh, (206, 214, 200), 1.0)
            for _ in range(int(rng.integers(3, 7))):
                if rng.random() < 0.5:
                    yy = int(rng.integers(0, mh))
                    cv2.line(
                        mp,
                        (0, yy),
                        (mw - 1, yy + int(rng.integers(-mh // 3 - 1, mh // 3 + 1))),
                        (250, 250, 250),
                        max(1, int(3 * s)),
                    )
                else:
                    xx = int(rng.integers(0, mw))
                    cv2.line(
                        mp,
                        (xx, 0),
                        (xx + int(rng.integers(-mw // 6 - 1, mw // 6 + 1)), mh - 1),
                        (250, 250, 250),
                        max(1, int(3 * s)),
                    )
            px, py = int(rng.integers(mw // 4, max(mw // 4 + 1, 3 * mw // 4))), mh // 2
            cv2.circle(mp, (px, py), max(2, int(6 * s)), _GAL_ACCENT, -1)
            _paste_f(out, mp.astype(np.float32), x0, my)
    out[h - nb :] = _GAL_BG
    for k, kind in enumerate((1, 0, 4, 3)):
        _icon(out, kind, w * (2 * k + 1) // 8, h - nb // 2, max(2, nb // 4), _GAL_INK, False)
    return _u8(out)


# The print shop of ``printorder`` (made up): its header's colour and its name.
_SHOP_TOP = (232, 92, 36)
_SHOP_PAGE = (248, 247, 244)
_SHOP_NAME = "PRINTLARK"


def print_order(img: U8, rng: Rng) -> U8:
    """A browser's screenshot of one photo printing shop's order page (made up; every
    ``printorder`` is this shop): the browser's light tab strip and address bar, the
    shop's orange header with its name, steps 1-2-3 with the second lit, the picture
    as a print with a white border and a shadow on the left (44-54 % of the width),
    the options on the right (sizes with radio buttons, one chosen; a quantity; a
    price; an orange "Add to basket" button)."""
    h, w = img.shape[:2]
    s = _scale(min(w, int(h * 4 / 3)))
    out = np.full((h, w, 3), _SHOP_PAGE, np.float32)
    tabs, addr, head = max(3, round(h * 0.05)), max(4, round(h * 0.06)), max(5, round(h * 0.08))
    out[:tabs] = (222, 224, 228)
    tw = max(8, int(w * float(rng.uniform(0.18, 0.26))))
    out[max(1, tabs // 5) : tabs, max(2, int(6 * s)) : max(2, int(6 * s)) + tw] = (248, 248, 250)
    _say(
        out,
        rng,
        f"{_SHOP_NAME.title()} - {_word(rng, (1, 2)).title()}",
        max(2, int(10 * s)),
        tabs - max(1, tabs // 4),
        max(2, tabs // 2),
        (50, 52, 58),
    )
    out[tabs : tabs + addr] = (248, 248, 250)
    cv2.rectangle(
        out,
        (max(2, int(30 * s)), tabs + 2),
        (w - max(2, int(30 * s)), tabs + addr - 2),
        (230, 232, 236),
        -1,
    )
    _say(
        out,
        rng,
        f"printlark.example/order/{int(rng.integers(100000, 999999))}",
        max(4, int(38 * s)),
        tabs + addr - max(2, addr // 3),
        max(2, addr // 2),
        (70, 72, 80),
    )
    y0 = tabs + addr
    out[y0 : y0 + head] = _SHOP_TOP
    _say(
        out,
        rng,
        _SHOP_NAME,
        max(3, int(12 * s)),
        y0 + head * 3 // 4,
        max(3, head // 2),
        (255, 255, 255),
    )
    sy = y0 + head + max(3, int(12 * s))
    for k in range(3):
        cx = w // 2 + (k - 1) * max(12, int(60 * s))
        col = _SHOP_TOP if k == 1 else (200, 200, 204)
        cv2.circle(out, (cx, sy), max(2, int(7 * s)), col, -1)
    py = sy + max(4, int(16 * s))
    avail_w = int(w * float(rng.uniform(0.44, 0.54)))
    avail_h = h - py - max(4, int(12 * s))
    ih, iw = img.shape[:2]
    border = max(2, int(8 * s))
    scale = min((avail_w - 2 * border) / iw, (avail_h - 2 * border) / ih)
    pw, ph = max(2, int(iw * scale)), max(2, int(ih * scale))
    px = max(2, int(16 * s))
    _shadow(out, px + int(3 * s), py + int(4 * s), pw + 2 * border, ph + 2 * border, 4 * s, 0.35)
    out[py : py + ph + 2 * border, px : px + pw + 2 * border] = (255, 255, 255)
    _paste_f(out, _fit(img, pw, ph).astype(np.float32), px + border, py + border)
    ox = px + pw + 2 * border + max(6, int(24 * s))
    y = py + max(4, int(10 * s))
    _say(out, rng, "Print size", ox, y, max(2, int(9 * s)), (40, 42, 48))
    chosen = int(rng.integers(0, 4))
    for k, label in enumerate(("10x15", "13x18", "20x30", "30x45")):
        y += max(4, int(18 * s))
        cv2.circle(
            out,
            (ox + max(2, int(5 * s)), y - max(1, int(4 * s))),
            max(2, int(5 * s)),
            (120, 122, 128),
            1,
        )
        if k == chosen:
            cv2.circle(
                out,
                (ox + max(2, int(5 * s)), y - max(1, int(4 * s))),
                max(1, int(3 * s)),
                _SHOP_TOP,
                -1,
            )
        _say(out, rng, f"{label} cm", ox + max(6, int(16 * s)), y, max(2, int(7 * s)), (60, 62, 68))
    y += max(4, int(22 * s))
    _say(
        out,
        rng,
        f"Qty {int(rng.integers(1, 6))}   {int(rng.integers(1, 30))}.{int(rng.integers(10, 99))}",
        ox,
        y,
        max(2, int(8 * s)),
        (40, 42, 48),
    )
    y += max(4, int(12 * s))
    bw, bh = min(w - ox - 4, max(12, int(110 * s))), max(5, int(22 * s))
    if bw > 4 and y + bh < h:
        cv2.rectangle(out, (ox, y), (ox + bw, y + bh), _SHOP_TOP, -1)
        _say(
            out,
            rng,
            "Add to basket",
            ox + max(2, int(8 * s)),
            y + bh * 3 // 4,
            max(2, int(8 * s)),
            (255, 255, 255),
        )
    return _u8(out)


def _wall_behind(rng: Rng, w: int, h: int) -> F32:
    """A wall in a home behind a thing on a sideboard or worktop: paint or a paper, a
    little darker towards the top."""
    if rng.random() < 0.6:
        img = _grained(rng, w, h, _c(rng, 120, 240), 1.5)
    else:
        img = _patterned(rng, w, h, _c(rng, 120, 240), max(6, w // 14), 2)
    yy, _xx = _grid(h, w)
    light = 0.85 + 0.2 * np.asarray(yy, np.float32) / max(1, h - 1)
    return np.asarray(np.asarray(img, np.float32) * light[:, :, None], np.float32)


def _turn_quad(
    img: F32 | U8,
    rng: Rng,
    box: tuple[int, int, int, int],
    w: int,
    h: int,
    turn: float,
    far: float,
    shape: F32 | None = None,
) -> tuple[F32, F32]:
    """``img`` warped into a quadrangle of a ``w`` x ``h`` frame: a ``pw`` x ``ph`` box at
    ``x0``, ``y0`` (``box`` is ``x0, y0, pw, ph``) turned about its upright axis (one
    side ``turn`` times as tall) and leaning back (its top ``far`` times as wide); the
    warped picture and its mask (``shape``, a mask of the picture's outline, or all of
    it)."""
    x0, y0, pw, ph = box
    ih, iw = img.shape[:2]
    dl = ph * (1 - turn) / 2 if rng.random() < 0.5 else 0.0
    dr = ph * (1 - turn) / 2 if dl == 0.0 else 0.0
    dx = pw * (1 - far) / 2
    src = np.array([[0, 0], [iw, 0], [iw, ih], [0, ih]], np.float32)
    dst = np.array(
        [[x0 + dx, y0 + dl], [x0 + pw - dx, y0 + dr], [x0 + pw, y0 + ph - dr], [x0, y0 + ph - dl]],
        np.float32,
    )
    mat = cv2.getPerspectiveTransform(src, dst)
    pic = np.asarray(cv2.warpPerspective(np.asarray(img, np.float32), mat, (w, h)), np.float32)
    mask = np.asarray(
        cv2.warpPerspective(np.ones((ih, iw), np.float32) if shape is None else shape, mat, (w, h)),
        np.float32,
    )
    return pic, mask


def digital_frame(img: U8, rng: Rng) -> U8:
    """The picture on a digital photo frame standing on a sideboard against a wall:
    the frame (50-64 % of the width) with a black or wooden bezel (5-8 % of it) and a
    thin white edge round the screen, the screen a little blue and its blacks lifted
    (an LCD's), a window's reflection across it (a soft pale band, 8-16 %), the frame
    turned a little (one side 90-97 % as tall), its shadow on the wall, the
    sideboard's top under it."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _wall_behind(rng, w, h)
    top_y = int(h * float(rng.uniform(0.7, 0.8)))
    board = _table(rng, w, h - top_y)
    out[top_y:] = board
    out[top_y : top_y + max(1, int(3 * s))] *= 1.15
    fw = int(w * float(rng.uniform(0.5, 0.64)))
    fh = min(int(fw * 0.72), top_y - max(4, int(h * 0.06)))
    fw = min(fw, int(fh / 0.72))
    x0 = (w - fw) // 2 + int(rng.integers(-max(1, w // 12), max(2, w // 12)))
    y0 = top_y - fh - max(1, int(4 * s))
    bez = max(2, int(fw * float(rng.uniform(0.05, 0.08))))
    body = np.array(
        _pick(rng, [(20, 20, 22), (40, 38, 36), (150, 110, 70), (230, 230, 226)]), np.float32
    )
    face = np.ones((fh, fw, 3), np.float32) * body
    sw, sh = max(2, fw - 2 * bez), max(2, fh - 2 * bez)
    screen = _fit(img, sw, sh).astype(np.float32)
    screen = screen * 0.9 + np.array([12.0, 14.0, 22.0], np.float32)
    yy, xx = _grid(sh, sw)
    off = float(rng.uniform(0.2, 0.8)) * sw
    band = np.abs(np.asarray(xx, np.float32) - off - 0.6 * np.asarray(yy, np.float32)) < sw * float(
        rng.uniform(0.08, 0.16)
    )
    refl = np.asarray(
        cv2.GaussianBlur(band.astype(np.float32), (0, 0), max(1.0, 6 * s)), np.float32
    ) * float(rng.uniform(0.12, 0.22))
    screen = screen * (1 - refl[:, :, None]) + 245.0 * refl[:, :, None]
    face[bez : bez + sh, bez : bez + sw] = screen[:sh, :sw]
    edge = max(1, bez // 5)
    cv2.rectangle(
        face,
        (bez - edge, bez - edge),
        (bez + sw + edge - 1, bez + sh + edge - 1),
        (236, 236, 232),
        edge,
    )
    _shadow(out, x0 + int(5 * s), y0 + int(3 * s), fw, fh, 6 * s, 0.4)
    pic, mask = _turn_quad(face, rng, (x0, y0, fw, fh), w, h, float(rng.uniform(0.9, 0.97)), 1.0)
    out = out * (1 - mask[:, :, None]) + pic * mask[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def place_mat(img: U8, rng: Rng) -> U8:
    """The picture printed on a laminated placemat on a dining table, photographed from
    the next seat: the mat (70-82 % of the width, rounded corners, glossy: a soft band
    of sheen +15-30 %), a plate on it (its rim 34-44 % of the mat's width, off to one
    side) with a knife and fork beside it, a glass's shadow, the whole seen at a slant
    (the far edge 78-90 % of the near one's width)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    mw = int(w * float(rng.uniform(0.7, 0.82)))
    mh = min(int(mw * 0.7), int(h * 0.86))
    x0 = (w - mw) // 2 + int(rng.integers(-max(1, w // 30), max(2, w // 30)))
    y0 = (h - mh) // 2
    mat = _fit(img, mw, mh).astype(np.float32)
    yy, xx = _grid(mh, mw)
    off = float(rng.uniform(0.1, 0.9)) * mw
    band = np.abs(np.asarray(xx, np.float32) - off + 0.8 * np.asarray(yy, np.float32)) < mw * 0.1
    sheen = np.asarray(
        cv2.GaussianBlur(band.astype(np.float32), (0, 0), max(1.0, 8 * s)), np.float32
    ) * float(rng.uniform(0.15, 0.3))
    mat = mat * (1 - sheen[:, :, None]) + 255.0 * sheen[:, :, None]
    mask = _rounded(mh, mw, max(2, mh // 12)).astype(np.float32)
    _shadow(out, x0 + int(2 * s), y0 + int(3 * s), mw, mh, 2 * s, 0.25)
    _blend(out, mat, x0, y0, mask)
    pr = max(4, int(mw * float(rng.uniform(0.34, 0.44)) / 2))
    side = float(rng.choice([-1.0, 1.0]))
    pcx = int(x0 + mw / 2 + side * mw * float(rng.uniform(0.12, 0.24)))
    pcy = int(y0 + mh * float(rng.uniform(0.45, 0.6)))
    plate = _pick(rng, [(248, 248, 246), (236, 232, 220), (40, 60, 90), (200, 220, 230)])
    shadow = np.zeros((h, w), np.float32)
    cv2.circle(shadow, (pcx + int(4 * s), pcy + int(5 * s)), pr, 1.0, -1)
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 5 * s)), np.float32)
    out *= (1 - 0.4 * shadow)[:, :, None]
    cv2.circle(out, (pcx, pcy), pr, plate, -1)
    cv2.circle(out, (pcx, pcy), max(2, int(pr * 0.7)), _shade(plate, 0.93), max(1, int(2 * s)))
    steel = (196, 198, 204)
    for dx in (-1, 1):
        kx = pcx + dx * (pr + max(3, int(12 * s)))
        cv2.line(
            out, (kx, pcy - int(pr * 0.9)), (kx, pcy + int(pr * 0.9)), steel, max(1, int(4 * s))
        )
    gx = pcx - int(side * pr * 1.6)
    gy = pcy - int(pr * 0.9)
    g = np.zeros((h, w), np.float32)
    cv2.circle(g, (gx, gy), max(2, pr // 3), 1.0, max(1, int(3 * s)))
    out *= (1 - 0.3 * np.asarray(cv2.GaussianBlur(g, (0, 0), max(1.0, 2 * s)), np.float32))[
        :, :, None
    ]
    return _noise(_far_top(out, float(rng.uniform(0.78, 0.9))), rng, 2.0)


def tablet_stand(img: U8, rng: Rng) -> U8:
    """The picture on a tablet propped in a stand on a kitchen worktop, photographed
    from in front: the tablet (56-70 % of the width, a black or white body with rounded
    corners, a bezel of 3-5 %), the screen's glass reflecting the room (the picture
    x0.85-0.92 with a pale soft patch and the ceiling light's spot), leaning back in
    its stand (its top 88-95 % as wide), the stand's foot and shadow, tiles behind."""
    h, w = img.shape[:2]
    s = _scale(w)
    tile = _c(rng, 150, 250)
    wall = _tiles(
        rng, w, h, max(6, int(w * float(rng.uniform(0.06, 0.1)))), tile, _shade(tile, 0.85)
    )
    out = wall.astype(np.float32)
    top_y = int(h * float(rng.uniform(0.8, 0.88)))
    out[top_y:] = _table(rng, w, h - top_y)
    tw = int(w * float(rng.uniform(0.56, 0.7)))
    th = min(int(tw * 0.72), top_y - max(4, int(h * 0.05)))
    tw = min(tw, int(th / 0.72))
    x0 = (w - tw) // 2 + int(rng.integers(-max(1, w // 14), max(2, w // 14)))
    y0 = top_y - th - max(2, int(6 * s))
    body = np.array(_pick(rng, [(18, 18, 20), (236, 236, 234), (60, 62, 66)]), np.float32)
    face = np.ones((th, tw, 3), np.float32) * body
    bez = max(2, int(tw * float(rng.uniform(0.03, 0.05))))
    sw, sh = max(2, tw - 2 * bez), max(2, th - 2 * bez)
    screen = _fit(img, sw, sh).astype(np.float32) * float(rng.uniform(0.85, 0.92))
    patch = _field(rng, sw, sh, max(4, sw // 3))
    screen += (np.asarray(patch, np.float32) * float(rng.uniform(14, 30)))[:, :, None]
    spot = np.zeros((sh, sw), np.float32)
    cv2.circle(
        spot,
        (int(rng.integers(0, sw)), int(rng.integers(0, max(1, sh // 3)))),
        max(2, sw // 20),
        1.0,
        -1,
    )
    spot = np.asarray(cv2.GaussianBlur(spot, (0, 0), max(1.0, 4 * s)), np.float32)
    screen = screen * (1 - 0.7 * spot[:, :, None]) + 255.0 * 0.7 * spot[:, :, None]
    face[bez : bez + sh, bez : bez + sw] = screen[:sh, :sw]
    foot_w = int(tw * 0.3)
    cv2.rectangle(
        out,
        (x0 + tw // 2 - foot_w // 2, top_y - max(2, int(6 * s))),
        (x0 + tw // 2 + foot_w // 2, top_y + max(2, int(8 * s))),
        (120, 122, 126),
        -1,
    )
    _shadow(out, x0 + int(4 * s), y0 + int(6 * s), tw, th, 5 * s, 0.4)
    outline = np.asarray(_rounded(th, tw, max(2, th // 12)), np.float32)
    far = float(rng.uniform(0.88, 0.95))
    pic, mask = _turn_quad(face, rng, (x0, y0, tw, th), w, h, 1.0, far, outline)
    out = out * (1 - mask[:, :, None]) + pic * mask[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def notebook_cover(img: U8, rng: Rng) -> U8:
    """The picture printed on a spiral-bound notebook's cover lying on a desk,
    photographed from above and in front: the cover (54-68 % of the width, matte: its
    colour x0.85-0.95 and contrast x0.85-0.92) with a row of wire rings along its top
    or left edge, a white label in a corner (a made-up subject line), a pen lying
    across it at an angle, their shadows, turned up to 12 degrees and seen at a slant
    (the far edge 84-94 % as wide)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    nw = int(w * float(rng.uniform(0.54, 0.68)))
    nh = min(int(nw * float(rng.uniform(0.7, 1.2))), int(h * 0.84))
    x0 = (w - nw) // 2 + int(rng.integers(-max(1, w // 20), max(2, w // 20)))
    y0 = (h - nh) // 2
    cover = _fit(img, nw, nh).astype(np.float32)
    grey = cover.mean(axis=2, keepdims=True)
    cover = (cover - 128) * float(rng.uniform(0.85, 0.92)) + 128
    cover = cover * float(rng.uniform(0.85, 0.95)) + grey * 0.05
    _shadow(out, x0 + int(3 * s), y0 + int(4 * s), nw, nh, 3 * s, 0.35)
    out[y0 + max(1, int(2 * s)) : y0 + nh + max(1, int(2 * s)), x0 : x0 + nw] = (246, 246, 242)
    _paste_f(out, cover, x0, y0)
    lw, lh = max(4, nw // 3), max(3, nh // 9)
    lx, ly = x0 + nw - lw - max(2, nw // 14), y0 + nh - lh - max(2, nh // 14)
    out[ly : ly + lh, lx : lx + lw] = (250, 250, 248)
    cv2.line(out, (lx + 2, ly + lh * 2 // 3), (lx + lw - 3, ly + lh * 2 // 3), (160, 170, 200), 1)
    _say(out, rng, _word(rng, (1, 3)).title(), lx + 3, ly + lh // 2, max(2, lh // 3), (30, 30, 60))
    step = max(3, int(9 * s))
    along_top = rng.random() < 0.5
    ring = (170, 172, 178)
    if along_top:
        for x in range(x0 + step, x0 + nw - step // 2, step):
            cv2.ellipse(
                out,
                (x, y0),
                (max(1, step // 3), max(2, step // 2)),
                0,
                180,
                360,
                ring,
                max(1, int(1.5 * s)),
            )
            cv2.circle(out, (x, y0 + max(2, step // 2)), max(1, step // 5), (40, 40, 44), -1)
    else:
        for y in range(y0 + step, y0 + nh - step // 2, step):
            cv2.ellipse(
                out,
                (x0, y),
                (max(2, step // 2), max(1, step // 3)),
                0,
                90,
                270,
                ring,
                max(1, int(1.5 * s)),
            )
            cv2.circle(out, (x0 + max(2, step // 2), y), max(1, step // 5), (40, 40, 44), -1)
    ang = float(rng.uniform(-0.6, 0.6))
    cx, cy = x0 + nw * float(rng.uniform(0.3, 0.7)), y0 + nh * float(rng.uniform(0.3, 0.7))
    half = nw * 0.4
    p0 = (int(cx - half * np.cos(ang)), int(cy - half * np.sin(ang)))
    p1 = (int(cx + half * np.cos(ang)), int(cy + half * np.sin(ang)))
    pen = _pick(rng, [(20, 40, 140), (20, 20, 22), (180, 30, 30), (230, 230, 232)])
    shadow = np.zeros((h, w), np.float32)
    cv2.line(
        shadow,
        (p0[0] + int(4 * s), p0[1] + int(5 * s)),
        (p1[0] + int(4 * s), p1[1] + int(5 * s)),
        1.0,
        max(2, int(6 * s)),
    )
    out *= (1 - 0.45 * np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 3 * s)), np.float32))[
        :, :, None
    ]
    cv2.line(out, p0, p1, pen, max(2, int(6 * s)))
    cv2.line(
        out,
        p0,
        (int(p0[0] + 0.12 * (p1[0] - p0[0])), int(p0[1] + 0.12 * (p1[1] - p0[1]))),
        (200, 200, 204),
        max(1, int(4 * s)),
    )
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-12, 12)), 1.0)
    turned = np.asarray(
        cv2.warpAffine(_u8(out), mat, (w, h), borderMode=cv2.BORDER_REFLECT), np.uint8
    )
    return _noise(_far_top(turned, float(rng.uniform(0.84, 0.94))), rng, 2.0)


def views_v32(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v32's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
        photo = render(place.planes(0), place.camera, img.shape[1], img.shape[0])
    else:
        photo = np.asarray(img)
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    back = _noise(render(planes, stepped_back(place, rng), w, h), rng, 2.0)
    out["steppedback"] = _jpeg(back, 90)
    out["greencast"] = _jpeg(green_cast(shot(0.3, 8), rng), 88)
    out["shakeblur"] = _jpeg(shake_blur(shot(0.25, 6), rng), 88)
    out["blownout"] = _jpeg(blown_out(shot(0.3, 8), rng), 88)
    out["heavyjpeg"] = _jpeg(heavy_jpeg(photo, rng), 90)
    out["tiltcrop"] = _jpeg(tilt_crop(photo, rng), 88)
    out["galleryinfo"] = _png(gallery_info(photo, rng))
    out["printorder"] = _jpeg(print_order(photo, rng), 85)
    out["digitalframe"] = _jpeg(digital_frame(shot(0.4, 12), rng), 85)
    out["placemat"] = _jpeg(place_mat(shot(0.4, 12), rng), 85)
    out["tabletstand"] = _jpeg(tablet_stand(shot(0.4, 12), rng), 85)
    out["notebookcover"] = _jpeg(notebook_cover(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v32", room=room_v32, views=views_v32)


def main() -> None:
    dry_run("v32", make_pictures, place_kind)


if __name__ == "__main__":
    main()

"""Generator v30 of ``bench/link.py``: benign places (baggage reclaim halls, milking
parlours, LAN gaming centres, conveyor sushi bars, tram depots, indoor bowls halls, school
canteens, car showrooms) as a picture forwarded from chat to chat, a phone's pinch-zoomed
crop, a shot from a step or two further in, a window's daylight, lamps at night, a car's
dashboard screen, a phone's flash, a printed cushion, a printed shower curtain, a dim and
noisy phone shot, a handheld games console's screen and a postcard in a wire rack show
them, held out.

Written blind, like v6-v29: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml`` (printed on their own, lines
123-165), ``bench/link_rooms_v29.py`` whole (for the interface, the truth format, the
place model and the primitives imported below), ``tests/bench/test_link_rooms_v29.py``
and ``tests/bench/conftest.py`` whole (for the shape of the tests),
``bench/link_rooms_check.py`` whole (the crash check, run below) and, in ``bench/link.py``,
only the generator plumbing: a grep for ``v29`` and the lines round each hit (the imports
at 84-92, ``GENERATORS`` and ``VIEWS`` at 628-700, which showed the last four lines of the
generic ``views`` before them and the first lines of ``_skimage_scene`` after, and
``main``'s ``--generator`` argument at 1366-1395). Of ``bench/link_rooms_v6.py``-``v29.py``
only the first paragraph of their docstrings and their ``KINDS``, ``GROUPS``,
``VIEW_KINDS`` and ``*_SEED`` constants (printed by importing the modules; v30's names
were then checked against them by a script), and the lines a grep of v6-v29 found for
words v30 considered: a list of the files for baggage, reclaim, carousel, milking,
parlour, gaming, esports, sushi, conveyor, tram, depot, bowls, canteen, showroom, car show,
bus, double-deck, food truck, food van, market stall, market hall, cushion, shower
curtain, dashboard, infotainment, handheld, postcard, forwarded, lamplight, windowlight,
flashlit, nightphone, pinchzoom, twosteps, two steps, camper, motorhome, campervan, upper
deck, coach, double, fleet, galley, trader, stall, lamp, flash, sofa, curtain, console,
rack and tyre, and for tram, conveyor, bowls, canteen, market stall, market hall, market
(v19), postcard, handheld, dashboard, bus, parlour, camper, galley, fleet and stall the
hits, one line each, cut to 60 characters either side of the word (at most eight a
word), and v10's ``lamp`` and v11's ``flash`` view lines the same way. Beyond that list, by
a slip, three lines of v28's docstring (60-62, cut to 120 characters) were printed once
to see why market stalls had been "dropped" (they say v19 and v24 dropped them as
look-alikes, not why); nothing else of any older generator. ``mypy`` was run on v29 once
to compare its count of errors in the modules it imports (77 in 4 files, as v30's). None
of v30's kinds, groups or views is a kind, group or view of v6-v29 (the tests check the
names against the ``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v29's modules). Ideas were
dropped because an older generator had them or something close: an indoor archery range
(weapons), a spin studio (v7's and v13's gyms), a tyre fitting centre (v11's garage, v14's
garage workshop), a commercial laundry (v13's and v15's laundrettes), a TV studio (v20's
radio studio, v21's photo studio), a flight simulator hall (v19's golf simulator bays), a
camper van conversion (v11's caravan) and a co-working phone booth (v13's office pods,
v25's interpreting booths) as look-alikes. The nearest kept: a milking parlour is a farm
building like v12's barn (no animal in it: stalls, a pit and a milk tank); a baggage
reclaim hall is a hall of travel like v18's departure lounge and v19's ticket hall
(carousels and trolleys); a conveyor sushi bar serves food like v12's café and v21's
burger bars (a belt loop round a kitchen island, stools); a car showroom shows things like
v18's tile showroom and v29's stove showroom (one maker's car, the kind's model); a tram
depot is a shed of vehicles like v12's car park and v26's glider hangar; an indoor bowls
hall is a hall of play like v17's bowling alley (long green rink carpets); a LAN gaming
centre is a room of machines like v16's server room (desks, monitors and chairs); a
school canteen is a school room like v7's classroom (folding table units and a servery).
Covered market stalls were dropped as look-alikes by v19 and v24 (their reasons were not
read); no older generator has them as a kind or group, and v30's are one hall's stalls of
one size. Of the views: ``lamplight`` and ``flashlit`` are the plain changes of light the
brief names, as v10's ``lamp`` (curtains drawn, one lamp) and v11's ``flash`` (flash at
night on 4-10 % of the light) were, with other parameters: several pools of lamplight at
30-45 % of the light, a flash on 20-35 % of it with its clipped reflection; ``forwarded``
re-encodes like v10's ``resaved`` and v15's ``reshared`` (a chain of shrinking messaging
passes, seen full size); ``pinchzoom`` crops like v7's ``crop`` and v16's ``zoomcrop`` (a
gallery's screenshot with its status bar); ``twosteps`` moves the camera like v20's
``parallax`` (a step to the side) and v15's ``oppositecorner``, but forward into the place
and turned; ``nightphone`` is dim like v9's ``lowlight`` and v15's ``longexposure``
(colour blotches, a shake and the phone's smear); ``dashscreen`` shows it on a screen like
v17's and v26's screens (a car's, from a front seat); ``cushion`` and ``showercurtain``
print it on cloth like v21's ``tshirt`` (stuffed and shaded; folded on a rail);
``handheld`` shows it small on a device like v19's ``watchface`` (blown-up blocks in 32
levels); ``postcardrack`` hides it among others like v16's ``photogrid`` (a card in a
wire pocket). No source of an older primitive was read: they are called as v29 calls
them (v29's own helpers are imported from it). The worktree's ``.venv`` is a link to a
ready virtualenv; nothing was installed. Sheets of the originals of 22 places (two of
every kind, three of every group) and of the twelve views of two places at 320x240 were
looked at (after which the gaming centres' first row was moved back twice, ``forwarded``
shrinks less and ``nightphone``'s noise was lowered). ``mypy`` (its output names lines of
v10-v18, which v30 imports through v29's primitives, none of v30's) and ``ruff`` were run.
Nothing of the linker's code, tests, docs or results was read, and neither the linker nor
``bench.link`` was ever run (not even ``--help``): keep it for a held-out run, once:
``python -m bench.link --name link-v30-heldout --generator v30 --no-real --size 400x300
--rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's picture writer and
dry run, v13's place model, v14's belongings, v15's doors and sky, v16's colour ramp and
aiming, v17's building state, clearance test, shell planes and grained paint, v18's colour
picker, v19's small helpers, v20's builder state with the kinds' model generator, its
place model (made v30's by a subclass with v30's kinds and day seeds) and loose things of
a day, v21's wall boxes, v22's grid, v23's standing boxes and brick walls, v24's paint,
concrete, boards and wall openings, v27's sheets and landscapes, v28's shelves, spots,
fitting and warping, v29's stripes, graphics, pots, bottles, rounded masks, blending,
shadows and lettering and small drawing primitives of v10-v12 are imported; v29's place
builder, cameras, moves and print place are copied with v30's kinds, seeds and shares; the
kinds of place, their builders, the kinds' mass-produced things, the look-alikes and their
scheme, the ``twosteps`` camera and every view are v30's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v30 --rooms 100 --size 400x300
--out /tmp/v30``.

**What a place is.** As v29's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, screens, adverts, honours boards, menus, signs, doors) and
furniture, machines and vehicles as 3-D boxes. Loose things (v20's) change from day to
day. Two pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(2_100_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([2_108_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own, but each
stands at least once in every place of its kind:

- *baggage reclaim hall*: the carousel's belt section (many, in one or two loops), the
  luggage trolley (three to six a row, one to three rows);
- *milking parlour*: the herringbone stall (many, in two rows along the pit), the bulk
  milk tank;
- *LAN gaming centre*: the gaming station (desk, monitor and tower; many, in rows), the
  gaming chair (one a station);
- *conveyor sushi bar*: the conveyor counter section (many, in a loop), the bar stool
  (many, along it);
- *tram depot*: the tram (one to three a track), the lifting jack (two);
- *indoor bowls hall*: the rink carpet (three or four), the rink-end scoreboard (one a
  rink);
- *school canteen*: the folding table unit with its two rows of stools (many, in a grid),
  the servery counter (one or two);
- *car showroom*: the car (two to five, nose on or side on), the sign totem.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (sizes width x height x depth in m): a *baggage reclaim hall* (18-26 x
4-5.5 x 16-24: clad walls with adverts and flight screens, terrazzo, a ceiling of light
strips; one or two carousels round a bed with suitcases on them and a hanging belt
number, rows of trolleys by the walls, an exit sign and door), a *milking parlour* (7-10 x
3-3.6 x 10-15: white cladding with a coloured band or whitewashed block, grooved
concrete, the pit down the middle with the stalls in two rows along it, the milk tank by
the back wall, the milk line, hose reels, a notice, windows), a *LAN gaming centre*
(8-13 x 2.8-3.3 x 9-14: dark walls with a neon strip, patterned carpet tiles, a black
ceiling with LED dots; rows of stations and chairs turned alternately to and from the
door, a counter, a drinks fridge, a big screen, a tournament board, posters), a
*conveyor sushi bar* (6-10 x 2.8-3.2 x 8-12: slatted wood or paint, tiles, a panel
ceiling; the conveyor loop round a kitchen island with plates going round, stools along
the near side, booths, a menu of coloured plates and prices, paper lamps, a window), a
*tram depot* (16-24 x 6.5-8 x 28-38: brick or paint, concrete, a roof of trusses; two to
four tracks of rails with pits, trams on bogies, jacks, tool cabinets, a gantry walkway,
high windows, the depot's name), an *indoor bowls hall* (14-22 x 3.6-4.4 x 28-36: paint
or panelling under honours boards, a surround floor, rows of lights; the rinks down the
hall to a ditch, scoreboards at the near end, benches and bowls bags, windows along a
side), a *school canteen* (10-16 x 3-3.6 x 10-15: painted block walls with a band, a
flecked lino floor, a tiled ceiling; table units in a grid, the servery by the back wall,
a tray rack, a water fountain, a mural of shapes and notice boards, windows), a *car
showroom* (14-22 x 4.5-6 x 14-20: panelled walls, glazing along a side onto the street,
large floor tiles, a tiled ceiling; the cars, the totem, sales desks, plants, an offer
banner, a screen); and, as look-alikes only, a *bus upper deck* (2.35-2.45 x 1.75-1.85 x
8.5-10), a *food truck* (2-2.3 x 2-2.2 x 4-5.2) and a *covered market stall* (2.6-3.6 x
2.4-2.7 x 2-2.8). No person or animal is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v29), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3 in a bus, a food truck or a
market stall; up to 0.08 m in height), turned up to 12 degrees and tilted up to 4 (the
first of 8 moves that leaves it 0.15 m clear of every thing, else not moved), with sensor
noise (sigma 2). ``forwarded`` and ``pinchzoom`` start from the original picture itself
(a copy of the same photograph), ``twosteps`` from its own camera, ``windowlight`` and
``lamplight`` from a shot moved up to 0.3 m and turned up to 8 degrees, every other from a
shot moved up to 0.4 m and turned up to 12. Seven are the plain photographic changes
(another viewpoint, other light, re-encoding, cropping, a dim noisy phone), five show the
picture on or in something. Difficulty as meant, not measured:

- ``forwarded`` (easy): three to five passes of a messaging app, each shrinking the
  picture by 5-20 % (to no less than 60 % of its width) and saving it at JPEG quality
  60-80, shown full size again; JPEG 72-80.
- ``pinchzoom`` (easy): a gallery's screenshot of the picture pinched open: a part 55-72 %
  of its width and height (anywhere) zoomed to fill the screen, turned up to 3 degrees,
  sharpened, a status bar over the top 5 %. PNG.
- ``twosteps`` (medium): the place photographed again from a step or two further in:
  0.5-1.2 m forward and up to 0.6 m aside (x0.3 in the small places; the first of ten ever
  shorter steps that leaves the camera 0.2 m clear of every thing), turned 10-22 degrees
  to one side, tilted -5 to +3, the field of view -6 to +4 degrees. JPEG 90.
- ``windowlight`` (medium): daylight from one side (1.35-1.6 times as bright at that edge,
  0.7-0.85 at the other), a slanted patch of sun (+25-40 %) low in the frame, a cool cast
  (blue x1.05-1.12, red x0.9-0.96), highlights clipped. JPEG 90.
- ``lamplight`` (medium): night by the lamps: 30-45 % of the light, two to four warm pools
  (+60-100 % at their middles, 12-22 % of the width across), a warm cast (red x1.15-1.25,
  blue x0.62-0.75), darker corners, noise (sigma 3). JPEG 85.
- ``dashscreen`` (medium): the picture on a car's dashboard screen (62-74 % of the width,
  16:10, in a bezel, with a status bar and a strip of app icons), vents under it, a
  diagonal glare (18-28 % white), seen from a front seat (the far side 86-94 % as high).
  JPEG 85.
- ``flashlit`` (medium to hard): a phone's flash in a dim room: 20-35 % of the light, the
  flash falling off from near the middle (1.2-1.5 times the light there, half of it 28-40 %
  of the half-diagonal out), a cold cast, a clipped hot spot 1.5-3 % of the width across.
  JPEG 85.
- ``cushion`` (hard): a square from the picture's middle printed on a cushion on a sofa
  (56-70 % of the height), stuffed (edges pulled in 6-10 % at their middles), shaded to
  x0.62 at its edges, a weave, a piping, turned up to 14 degrees, its shadow. JPEG 85.
- ``showercurtain`` (hard): printed on a shower curtain hanging from rings on a rail (70-85
  % of the width), folds every 7-11 % of its width shifting the print by 12-20 % of a fold
  and shading it (troughs x0.6-0.75), a wavy hem, tiles round it. JPEG 85.
- ``nightphone`` (hard): a phone in the dark: 12-20 % of the light, read noise (sigma
  1.2-2) and blotches of colour noise, pushed up x2.8-4, 35-50 % of its colour gone, blacks
  lifted, a shake of 2-5 px at 400 wide, a 3x3 median smear. JPEG 78.
- ``handheld`` (very hard): the picture on a handheld games console's screen (34-42 % of
  the width, 4:3) at 80-112 pixels across blown up into blocks in 32 levels a channel, the
  console round it (72-86 % of the width) with a cross pad and buttons, on a table, turned
  up to 6 degrees. JPEG 85.
- ``postcardrack`` (very hard): the picture on one postcard (18-24 % of the width, in a
  white border) in a wire rack of three rows of four or five, every other card a made-up
  landscape or pattern, the lower 22-34 % of each card behind its pocket's lip and price
  tag, seen from a side (the far side 88-94 % as high). JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 9.1 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
on a bus, between in a food truck, much on a market stall.

*The scheme.* Every residue mod 100 is held by some older generator's ``is_distractor``
(v29 took the last three). That disjointness was only a convention (each generator's truth
stands alone: a v30 label never meets a v29 one), so v30 takes another modulus: a
look-alike is a seed whose residue mod 33 is 5 (a bus), 16 (a food truck) or 27 (a market
stall), 3 in 33 seeds (9.1 %, within the 8-10 % asked), spread evenly so that no stretch of
33 seeds is without one of each. A template is shared by the three slots of a group in 99
seeds (``group_of(seed) = seed // 99``): seeds 5, 38 and 71 are three buses of one fleet,
104, 137 and 170 three of another. A held-out run of 315 seeds holds nine templates of three
members (three of each group) and two single members (302 and 313), 29 look-alikes; the
default ``--rooms 60`` holds a bus pair (5, 38), a food truck pair (16, 49) and one
market stall (27). These
seeds overlap older generators' look-alike slots on purpose (mod 33 against mod 100); the
tests check v30's own predicate, groups and templates against each other instead.

- *Buses of one fleet, upper deck*, one a bus (``seed % 33 == 5``, kind ``bus upper deck``;
  template ``2_101_000_000 + seed // 99``): the size, the lining, the window band with its
  frames and the depot outside, the windscreen and route number, the speckled vinyl floor,
  the ceiling's light strips, the rows of seats in the fleet's moquette, the cove frames
  with their adverts. The bus's own (little): one or two of the cove adverts, a sticker
  by a window and one or two things left on seats (each wall differs from a sibling's in
  under 5 % of its texels). The camera stands at the back of the aisle (0.3-0.45 m in),
  looking forward.
- *Food trucks of one converter's fit-out*, one a trader's (``seed % 33 == 16``, kind
  ``food truck``; template ``2_102_000_000 + seed // 99``): the size, the steel lower walls
  and white panels, the chequer-plate floor, the ceiling, the cooking line and hood along
  the back, the fridge and sink on one side, the serving hatch and its counter on the
  other. The trader's own (between): what is seen out of the hatch (their pitch), the menu
  board (0.9-1.5 m wide), stickers, a shelf of jars and sauces over the fridge (1-1.4 m),
  things on the cooking line and a bucket (walls differ in under half their texels). The
  camera stands 0.25-0.4 m in at the back door.
- *Stalls of one covered market hall*, one a trader's (``seed % 33 == 27``, kind
  ``covered market stall``; template ``2_103_000_000 + seed // 99``): the size, the painted
  partitions and their top rail, the hall's floor, the roof with its skylight, the counter
  across the front. The trader's own (much): what covers the back and both side walls
  (60-90 % of their length, up to 1.8-2.1 m: shelves of books, jars or pot plants, or
  pegboards and rails of hung goods; walls differ in over 40 % of their texels), the name
  board, the goods on the counter and crates on the floor. The camera stands in the aisle
  0.2-0.3 m in, looking at the back.

The predicate: ``is_distractor(seed)`` is ``seed % 33 in (5, 16, 27)``; two look-alikes
are of one group exactly when they have the same kind and the same ``seed // 99``.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``pinchzoom``
(PNG) and ``forwarded``, ``twosteps``, ``windowlight``, ``lamplight``, ``dashscreen``,
``flashlit``, ``cushion``, ``showercurtain``, ``nightphone``, ``handheld``,
``postcardrack`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 3/33 (9.1 %); the other seeds draw their kind with
equal shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on
seeds 0-999 (``kind_counts``): buses 31, food trucks 30, market stalls 30; of the other
909: tram depot 125, baggage reclaim hall 124, indoor bowls hall 121, milking parlour 120,
car showroom 116, school canteen 103, LAN gaming centre 102, conveyor sushi bar 98. The
first 100 seeds: car showroom 20, indoor bowls hall 13, tram depot 12, milking parlour 12,
baggage reclaim hall 11, school canteen 10, conveyor sushi bar 8, LAN gaming centre 5,
three of each group: every kind and group is in it (and in the first 60). The held-out
run's 315 seeds: car showroom 47, indoor bowls hall 40, milking parlour 40, baggage
reclaim hall 39, tram depot 36, conveyor sushi bar 31, school canteen 30, LAN gaming
centre 23, buses 10, food trucks 10, market stalls 9.

**Speed**: ``room_v30`` and ``views_v30`` of 22 places (two of each kind and group) at
400x300 took 0.40 s a place on average (0.26-0.75 s; 13 pictures), one core, on the
shared machine. The crash check (``python -m bench.link_rooms_check --generator v30
--rooms 315 --size 400x300``) built 315 of 315 places (in 113 s), and 20 of 20 at
800x600. Surfaces are drawn at 120 texels a metre, large ones coarser (at most 360,000
texels a surface).

**Seeds**: a place ``2_100_000_000 + seed``; a bus fleet ``2_101_000_000 + seed // 99``;
a food truck converter ``2_102_000_000 + seed // 99``; a market hall ``2_103_000_000 +
seed // 99``; a day's loose things ``2_104_000_000 + 3 * seed + day`` (day 0); views
``default_rng([2_105_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``2_106_000_000 + seed``; a kind's mass-produced things
``default_rng([2_108_000_000, k])``. None is a seed of v6-v29. Deterministic by seed.
Lettering is random syllables (digits for numbers); every name, route, price and score is
made up. Pictures not made by ``room_v30`` (the real pictures of ``bench/link.py`` when
run without ``--no-real``) are hung as a print 2 m wide on the back wall of a generated
car showroom, school canteen or LAN gaming centre (seeds from ``2_107_000_000``) and seen
the same ways (``forwarded`` and ``pinchzoom`` then start from that place's own picture).
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
    _text,
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
    _tiled_ceiling,
    _vec,
    _window,
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box, _inward
from bench.link_rooms_v15 import _door, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, surface_planes
from bench.link_rooms_v18 import _pick
from bench.link_rooms_v19 import _all_faces, _scale
from bench.link_rooms_v20 import Place as _Place20
from bench.link_rooms_v20 import _Build20, _day_things, _mass_produced, _model, _other, _png
from bench.link_rooms_v21 import _wall_box
from bench.link_rooms_v22 import _grid
from bench.link_rooms_v23 import _walls_of
from bench.link_rooms_v24 import _boards, _concrete, _opening, _paint_of
from bench.link_rooms_v27 import _landscape, _sheet
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

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 2_100_000_000
FLEET_SEED = 2_101_000_000
CONVERTER_SEED = 2_102_000_000
MARKET_SEED = 2_103_000_000
DAY_SEED = 2_104_000_000
VIEW_SEED = 2_105_000_000
SENSOR_SEED = 2_106_000_000
PRINT_SEED = 2_107_000_000
MODEL_SEED = 2_108_000_000
EVERY = 33  # the look-alike slots repeat every 33 seeds (not 100: see the docstring)
TEMPLATE_SPAN = 99  # a group's template is shared by its slots in 99 seeds (three members)
BUS_SLOTS = (5,)
TRUCK_SLOTS = (16,)
STALL_SLOTS = (27,)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("baggage reclaim hall", 1 / 8),
    ("milking parlour", 1 / 8),
    ("LAN gaming centre", 1 / 8),
    ("conveyor sushi bar", 1 / 8),
    ("tram depot", 1 / 8),
    ("indoor bowls hall", 1 / 8),
    ("school canteen", 1 / 8),
    ("car showroom", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "bus upper deck": "busdeck",
    "food truck": "foodtruck",
    "covered market stall": "marketstall",
}
VIEW_KINDS = (
    "forwarded",
    "pinchzoom",
    "twosteps",
    "windowlight",
    "lamplight",
    "dashscreen",
    "flashlit",
    "cushion",
    "showercurtain",
    "nightphone",
    "handheld",
    "postcardrack",
)
PNG_VIEWS = ("pinchzoom",)  # a gallery's screenshot, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "baggage reclaim hall": ((18.0, 26.0), (4.0, 5.5), (16.0, 24.0)),
    "milking parlour": ((7.0, 10.0), (3.0, 3.6), (10.0, 15.0)),
    "LAN gaming centre": ((8.0, 13.0), (2.8, 3.3), (9.0, 14.0)),
    "conveyor sushi bar": ((6.0, 10.0), (2.8, 3.2), (8.0, 12.0)),
    "tram depot": ((16.0, 24.0), (6.5, 8.0), (28.0, 38.0)),
    "indoor bowls hall": ((14.0, 22.0), (3.6, 4.4), (28.0, 36.0)),
    "school canteen": ((10.0, 16.0), (3.0, 3.6), (10.0, 15.0)),
    "car showroom": ((14.0, 22.0), (4.5, 6.0), (14.0, 20.0)),
    "busdeck": ((2.35, 2.45), (1.75, 1.85), (8.5, 10.0)),
    "foodtruck": ((2.0, 2.3), (2.0, 2.2), (4.0, 5.2)),
    "marketstall": ((2.6, 3.6), (2.4, 2.7), (2.0, 2.8)),
}
SMALL = {  # shares of a move in small places
    "busdeck": 0.3,
    "foodtruck": 0.3,
    "marketstall": 0.3,
}
PRINT_KINDS = ("car showroom", "school canteen", "LAN gaming centre")
WALLS = ("back", "left", "right", "front")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_bus_deck(seed: int) -> bool:
    return seed % EVERY in BUS_SLOTS


def is_food_truck(seed: int) -> bool:
    return seed % EVERY in TRUCK_SLOTS


def is_market_stall(seed: int) -> bool:
    return seed % EVERY in STALL_SLOTS


def is_distractor(seed: int) -> bool:
    return is_bus_deck(seed) or is_food_truck(seed) or is_market_stall(seed)


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
    if is_bus_deck(seed):
        return "bus upper deck"
    if is_food_truck(seed):
        return "food truck"
    if is_market_stall(seed):
        return "covered market stall"
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
    if is_bus_deck(seed):
        return np.random.default_rng(FLEET_SEED + group_of(seed))
    if is_food_truck(seed):
        return np.random.default_rng(CONVERTER_SEED + group_of(seed))
    if is_market_stall(seed):
        return np.random.default_rng(MARKET_SEED + group_of(seed))
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _sign(r: Rng, w: int, h: int, ground: Colour, ink: Colour, text: str) -> U8:
    """A board with one line of lettering across it."""
    img = _grained(r, max(8, w), max(6, h), ground, 1.0)
    ih = img.shape[0]
    _text(img, r, text, 3, ih * 3 // 4, max(3, ih * 2 // 3), ink)
    return img


def _books(rng: Rng) -> Callable[[U8, int, int, int], int]:
    """Books, boxes and tins standing on a market stall's shelf."""

    def book(img: U8, x: int, y1: int, ih: int) -> int:
        bw = int(rng.integers(2, 7))
        bh = int(ih * float(rng.uniform(0.5, 0.95)))
        col = _c(rng, 25, 240)
        img[max(0, y1 - bh) : y1, x : x + bw] = col
        if bw > 3:
            img[max(0, y1 - bh * 3 // 4) : max(0, y1 - bh * 3 // 4) + 1, x : x + bw] = _shade(
                col, 0.6
            )
        return bw

    return book


def _hung(rng: Rng, w: int, h: int, ground: Colour) -> U8:
    """Goods hung on a pegboard or a rail: scarves, bags and prints in bands of colour."""
    img = _grained(rng, max(8, w), max(8, h), ground, 2.0)
    ih, iw = img.shape[:2]
    step = max(3, ih // 12)
    for y in range(step, ih, step * 2):
        img[y, :: max(2, step // 2)] = _shade(ground, 0.6)
    x = int(rng.integers(0, max(1, iw // 12)))
    while x < iw - 2:
        gw = int(rng.integers(max(2, iw // 30), max(3, iw // 10)))
        top = int(rng.integers(0, max(1, ih // 3)))
        gh = int(ih * float(rng.uniform(0.3, 0.8)))
        col = _c(rng, 20, 245)
        img[top : top + gh, x : x + gw] = col
        if rng.random() < 0.5:
            for yy in range(top, top + gh, max(2, gh // 6)):
                img[yy : yy + max(1, gh // 14), x : x + gw] = _c(rng, 20, 245)
        x += gw + int(rng.integers(1, max(2, iw // 25)))
    return img


def _screen_text(r: Rng, w: int, h: int, rows: int, ink: Colour) -> U8:
    """A dark display with rows of made-up lettering and numbers."""
    img = _grained(r, max(8, w), max(8, h), (14, 16, 22), 1.0)
    ih = img.shape[0]
    step = max(3, ih // (rows + 1))
    for k, y in enumerate(range(step, ih - 1, step)):
        _text(
            img,
            r,
            f"{_word(r, (1, 2)).upper()} {int(r.integers(10, 99))}{k}",
            3,
            y,
            max(3, step * 2 // 3),
            ink,
        )
    return img


def _frame_of(tex: dict[str, U8]) -> dict[str, U8]:
    """Every face named: a texture with ``front`` and ``side`` given for all four sides."""
    side = tex.get("side", tex["front"])
    return {
        "front": tex["front"],
        "back": tex.get("back", tex["front"]),
        "left": tex.get("left", side),
        "right": tex.get("right", side),
        "top": tex.get("top", side),
    }


# --- v30's own surfaces and things, every one drawn from the rng it is given --------------------

# baggage reclaim hall


def _reclaim_belt(m: Rng) -> dict[str, U8]:
    """The kind's reclaim carousel section: a run of overlapping steel slats (the flat
    plate belt) with a black rubber edge, on a skirt in the maker's grey with its blue
    badge."""
    top = _steel(m, 64, 32, 150)
    for x in range(0, 64, 6):
        top[:, x] = (95, 97, 100)
        top[:, x + 1] = (190, 192, 196)
    top[:3] = (30, 30, 32)
    top[-3:] = (30, 30, 32)
    skirt = _pick(m, [(150, 154, 160), (60, 64, 70), (190, 190, 186)])
    front = _grained(m, 64, 16, skirt, 1.0)
    front[:3] = (30, 30, 32)
    front[8:12, 28:37] = (40, 90, 170)
    return {"top": top, "front": front, "side": front[:, :32].copy()}


def _trolley(m: Rng) -> dict[str, U8]:
    """The kind's luggage trolley (a row of them nested): a steel frame with a mesh back,
    the handle bar in the airport supplier's colour, four small black wheels."""
    handle = _pick(m, [(220, 40, 40), (30, 90, 190), (240, 190, 30), (40, 150, 80)])
    front = _grained(m, 24, 32, (70, 72, 76), 2.0)
    cv2.rectangle(front, (2, 3), (21, 24), (175, 177, 181), 1)
    for x in range(4, 21, 3):
        front[4:24, x] = (160, 162, 166)
    front[0:3] = handle
    for x in (4, 19):
        cv2.circle(front, (x, 28), 3, (20, 20, 22), -1)
    side = _grained(m, 48, 32, (70, 72, 76), 2.0)
    cv2.line(side, (2, 2), (40, 26), (175, 177, 181), 1)
    side[24:26, 2:46] = (175, 177, 181)
    side[0:3, 0:6] = handle
    return {"front": front, "side": side, "top": _steel(m, 24, 48, 170)}


def _suitcase(rng: Rng) -> dict[str, U8]:
    """A suitcase or a bag: a shell in a colour, ribs or a zip, a handle and a tag."""
    col = _pick(rng, [(30, 30, 34), (60, 70, 110), (150, 30, 40), _c(rng, 30, 230)])
    img = _grained(rng, 16, 20, col, 2.0)
    for x in range(3, 16, 4):
        img[:, x] = _shade(col, 0.8)
    img[1:3, 5:11] = (20, 20, 22)
    img[4:7, 12:15] = _pick(rng, [(250, 250, 240), (240, 200, 40)])
    return _all_faces(img)


def _build_reclaim(b: _Build17) -> None:
    """An airport's baggage reclaim hall: clad walls with adverts and exit signs, a
    terrazzo floor, a ceiling of light strips; one or two of the kind's carousels (two
    runs of its belt sections round a bed), suitcases on them, rows of the kind's
    trolleys by the walls, a belt number on a hanging board, the flight screens, a
    customs exit."""
    r, m = b.fix, _mass_produced(b)
    belt, trolley = _reclaim_belt(m), _trolley(m)
    clad = _between(r, (190, 194, 200), (236, 236, 232))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, clad, 1.0)
        _stripes(img, r, max(3, round(1.5 * res)), _shade(clad, 0.85))
        img[th - int(0.15 * res) :] = (60, 62, 66)
        b.fill(name, img)

    def terrazzo(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (170, 165, 155), (215, 210, 200)), 3.0)
        _spots(g, img, max(30, w * h // 60), (90, 90, 96), 1)
        _spots(g, img, max(30, w * h // 90), (240, 236, 226), 1)
        return img

    b.floor(terrazzo)

    def strips(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (200, 202, 206), 1.0)
        for y in range(int(g.integers(2, 8)), h, max(4, round(2.4 * res))):
            img[y : y + max(1, round(0.2 * res))] = (252, 252, 246)
        return img

    b.ceiling(strips)
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 1.4, b.w, 2.8)
    for k in range(int(r.integers(1, 3))):
        n = int(r.integers(4, 8))
        length = 2.0 * n
        spot = fl.middle(r, length + 1.6, 4.4)
        if spot is None:
            if k:
                break
            spot = (0.0, b.d / 2, length, 4.4, "front")
        x, z, _w, _d, _f = spot
        x0 = x - length / 2
        for zz in (z - 1.4, z + 1.4):
            for j in range(n):
                _model(b, Box(x0 + 1.0 + 2.0 * j, zz, 2.0, 1.2, 0.45, 0.0, _faces(belt, "front")))
        for xx in (x0 - 0.6, x0 + length + 0.6):
            _model(b, Box(xx, z, 1.2, 4.0, 0.45, 0.0, _faces(belt, "left")))
        bed = _grained(r, 64, 16, _pick(r, [(60, 62, 68), (150, 120, 90), (200, 200, 196)]), 2.0)
        b.boxes.append(Box(x, z, length, 1.6, 0.7, 0.0, _all_faces(bed)))
        for _ in range(int(r.integers(2, 7))):
            zz = float(r.choice([z - 1.4, z + 1.4]))
            b.boxes.append(
                Box(
                    x0 + float(r.uniform(0.4, length - 0.4)),
                    zz,
                    float(r.uniform(0.4, 0.7)),
                    float(r.uniform(0.25, 0.45)),
                    float(r.uniform(0.5, 0.75)),
                    0.45,
                    _suitcase(r),
                )
            )
        number = _sign(r, 64, 40, (20, 24, 40), (250, 200, 40), str(int(r.integers(1, 12))))
        b.boxes.append(Box(x, z, 1.2, 0.1, 0.8, b.h - 1.4, _faces({"front": number}, "front")))
    for k in range(int(r.integers(1, 4))):
        walls = ("left", "right", "back")
        spot = fl.against(r, 4.0, 1.2, walls) if k else _must(b, fl, r, 4.0, 1.2, walls)
        if spot:
            x, z, _w, _d, facing = spot
            along = facing in ("front", "back")
            for j in range(int(r.integers(3, 7))):
                dx, dz = (0.55 * j - 1.5, 0.0) if along else (0.0, 0.55 * j - 1.5)
                _model(b, Box(x + dx, z + dz, 0.6, 1.0, 1.0, 0.0, _faces(trolley, facing)))
    back = b.wall("back")
    for _ in range(int(r.integers(2, 4))):
        screen = _screen_text(r, back.px(1.4), back.px(0.8), 6, (250, 230, 120))
        _paste(
            back.img,
            screen,
            back.x_of(float(r.uniform(0.5, max(0.6, b.w - 2.0)))),
            back.y_of(float(r.uniform(2.6, 3.0))),
        )
    for name in ("left", "right"):
        wall = b.wall(name)
        at = float(r.uniform(1.0, 3.0))
        while at + 2.0 < wall.length - 1.0:
            ad = _graphic(r, wall.px(2.0), wall.px(1.2), _c(r, 40, 240))
            _paste(wall.img, ad, wall.x_of(at), wall.y_of(2.4))
            at += float(r.uniform(4.0, 7.0))
    exit_ = _sign(r, back.px(2.0), back.px(0.4), (40, 140, 60), (250, 250, 250), "EXIT")
    back.put(exit_, 2.5, 2.7)
    _door(back, r, (200, 200, 204))


# milking parlour


def _stall(m: Rng) -> dict[str, U8]:
    """The kind's herringbone stall: galvanised rails angled to the pit, the feed trough
    at the back, the milking cluster hanging on its arm, the glass jar and the pulsator
    box in the maker's colour."""
    front = _grained(m, 32, 40, (120, 122, 118), 2.0)
    for y in (6, 14, 22):
        cv2.line(front, (0, y), (31, y + 8), (196, 198, 200), 2)
    cv2.line(front, (2, 0), (2, 39), (196, 198, 200), 2)
    cv2.ellipse(front, (20, 30), (4, 6), 0.0, 0.0, 360.0, (200, 214, 220), -1)
    box = _pick(m, [(40, 90, 170), (220, 60, 40), (40, 140, 80)])
    front[2:8, 22:30] = box
    for x in (14, 17, 20, 23):
        cv2.line(front, (19, 24), (x, 36), (30, 30, 32), 1)
    top = _grained(m, 32, 32, (150, 152, 150), 2.0)
    top[:, :6] = (90, 94, 96)
    return {"front": front, "side": front, "top": top}


def _milk_tank(m: Rng) -> dict[str, U8]:
    """The kind's bulk milk tank: a stainless tank with a round manway on top, the
    outlet valve, the cooling unit's panel with its display and dial."""
    front = _steel(m, 48, 32, 190)
    for y in range(4, 32, 7):
        front[y] = (160, 162, 166)
    cv2.rectangle(front, (32, 6), (44, 18), (40, 44, 50), -1)
    front[9:12, 34:42] = (60, 220, 120)
    cv2.circle(front, (8, 26), 3, (90, 92, 96), -1)
    top = _steel(m, 48, 32, 200)
    cv2.circle(top, (24, 16), 7, (150, 152, 156), 2)
    return {"front": front, "side": _steel(m, 32, 32, 185), "top": top}


def _build_parlour(b: _Build17) -> None:
    """A dairy's herringbone milking parlour (no animal in it): white cladding or
    whitewashed block with a coloured band, a grooved concrete floor, the pit down the
    middle, a ceiling of sheets; the kind's stalls in two rows along the pit, the kind's
    bulk tank by the back wall, the milk line along the walls, hose reels, a notice
    board, windows and a door."""
    r, m = b.fix, _mass_produced(b)
    stall, tank = _stall(m), _milk_tank(m)
    if r.random() < 0.5:
        white = _between(r, (226, 230, 228), (246, 246, 242))
        for name in WALLS:
            tw, th, res = b.texels(name)
            img = _grained(r, tw, th, white, 1.0)
            _stripes(img, r, max(3, round(0.5 * res)), _shade(white, 0.9))
            band = _c(r, 40, 200)
            img[th - int(1.2 * res) : th - int(1.0 * res)] = band
            img[int(0.9 * res) : int(0.93 * res)] = (200, 204, 208)
            b.fill(name, img)
    else:
        _walls_of(b, 0.0, _between(r, (220, 220, 214), (244, 242, 236)), 1.0)

    def concrete(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (130, 130, 126), (170, 168, 160)))(g, w, h, res)
        for y in range(0, h, max(2, round(0.08 * res))):
            img[y] = _shade(tuple(int(v) for v in img[y, 0]), 0.85)  # type: ignore[arg-type]
        return img

    b.floor(concrete)
    b.ceiling(_boards(_between(r, (190, 190, 186), (230, 230, 226))))
    pit = float(r.uniform(1.8, 2.2))
    pit_floor = _grained(r, 16, 64, (96, 98, 96), 3.0)
    b.boxes.append(Box(0.0, b.d / 2, pit, b.d - 1.0, 0.01, 0.0, _all_faces(pit_floor)))
    step = float(r.uniform(0.85, 1.0))
    z = float(r.uniform(2.0, 2.8))
    while z < b.d - 3.0:
        for side in ("left", "right"):
            x = (pit / 2 + 0.6) * (-1 if side == "left" else 1)
            _model(b, Box(x, z, 1.2, step * 0.95, 1.3, 0.0, _faces(stall, _other(side))))
        z += step
    x = float(r.uniform(-b.w / 2 + 1.5, b.w / 2 - 1.5))
    _model(b, Box(x, b.d - 1.1, 2.4, 1.5, 1.7, 0.0, _faces(tank, "front")))
    for name in ("left", "right"):
        wall = b.wall(name)
        y = wall.y_of(1.6)
        wall.img[y : y + max(2, wall.px(0.05))] = (200, 202, 206)
        at = float(r.uniform(1.0, 3.0))
        while at + 1.6 < wall.length - 1.0:
            _window(wall, r, _sky(r, 32, 16), at, 2.0, 1.6, 0.8, (230, 230, 226))
            at += float(r.uniform(3.0, 5.0))
    back = b.wall("back")
    board = _sheet(r, back.px(0.8), back.px(0.6), (30, 30, 30), 8)
    _paste(
        back.img,
        board,
        back.x_of(float(r.uniform(0.3, max(0.4, b.w - 1.2)))),
        back.y_of(float(r.uniform(1.6, 1.9))),
    )
    for _ in range(int(r.integers(1, 3))):
        reel = _grained(r, 16, 16, _pick(r, [(220, 60, 40), (40, 90, 170)]), 1.5)
        cv2.circle(reel, (8, 8), 5, (30, 30, 32), 1)
        x, z, bw, bd = _wall_box(
            b, str(r.choice(["left", "right"])), float(r.uniform(1.0, 3.0)), 0.5, 0.3
        )
        b.boxes.append(Box(x, z, bw, bd, 0.5, 1.2, _all_faces(reel)))
    _door(b.wall("front"), r, _c(r, 30, 200))


# LAN gaming centre


def _station(m: Rng) -> tuple[dict[str, U8], dict[str, U8], dict[str, U8]]:
    """The kind's gaming station: a black desk with the keyboard and its glowing mouse
    mat, a curved monitor on a stand (its back with the maker's light strip) and a tower
    with a glass side and fans."""
    glow = _pick(m, [(40, 200, 250), (250, 40, 160), (120, 250, 60)])
    desk_front = _grained(m, 48, 24, (24, 24, 28), 1.0)
    desk_front[2:4] = glow
    desk_top = _grained(m, 48, 24, (20, 20, 24), 1.0)
    cv2.rectangle(desk_top, (8, 14), (30, 20), (50, 50, 56), -1)
    desk_top[21:23, 4:44] = glow
    screen = _grained(m, 48, 24, (10, 12, 20), 1.0)
    cv2.rectangle(screen, (2, 2), (45, 21), (30, 60, 120), -1)
    cv2.line(screen, (2, 16), (45, 10), (200, 120, 60), 2)
    back = _grained(m, 48, 24, (34, 34, 38), 1.0)
    back[10:12, 6:42] = glow
    monitor = {
        "front": screen,
        "back": back,
        "left": back[:, :4].copy(),
        "right": back[:, :4].copy(),
        "top": back[:4].copy(),
    }
    tower = _grained(m, 16, 32, (26, 26, 30), 1.0)
    for y in (6, 16, 26):
        cv2.circle(tower, (8, y), 4, glow, 1)
    desk = {
        "front": desk_front,
        "back": desk_front,
        "left": desk_front[:, :24].copy(),
        "right": desk_front[:, :24].copy(),
        "top": desk_top,
    }
    return desk, monitor, _all_faces(tower)


def _gaming_chair(m: Rng) -> dict[str, U8]:
    """The kind's gaming chair: a bucket back in black with the maker's coloured wings
    and stripe, a star base."""
    wing = _pick(m, [(200, 30, 40), (30, 90, 200), (240, 200, 30), (250, 250, 250)])
    back = _grained(m, 24, 40, (22, 22, 24), 1.5)
    back[:, :4] = wing
    back[:, -4:] = wing
    back[4:30, 10:14] = wing
    back[34:, 4:20] = (40, 40, 44)
    return {
        "front": back,
        "back": back,
        "left": back[:, :8].copy(),
        "right": back[:, :8].copy(),
        "top": back[:8].copy(),
    }


def _build_gaming(b: _Build17) -> None:
    """A LAN gaming centre: dark walls with neon strips and a big graphic, carpet tiles,
    a black ceiling with LED dots; rows of the kind's gaming stations (desk, monitor,
    tower), a kind's gaming chair at each, the rows turned alternately to and from the
    door; a counter with a drinks fridge, a big screen, a tournament board, posters."""
    r, m = b.fix, _mass_produced(b)
    (desk, monitor, tower), chair = _station(m), _gaming_chair(m)
    dark = _pick(r, [(24, 24, 30), (30, 20, 40), (16, 28, 36)])
    neon = _c(r, 60, 255)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, dark, 1.5)
        y = th - int(float(r.uniform(1.0, 2.2)) * res)
        img[y : y + max(1, round(0.04 * res))] = neon
        b.fill(name, img)
    carpet = _pick(r, [(40, 40, 50), (50, 30, 40), (30, 40, 50)])

    def tiles(g: Rng, w: int, h: int, res: float) -> U8:
        img = _tiles(g, w, h, max(4, round(0.5 * res)), carpet, _shade(carpet, 0.8))
        _spots(g, img, max(20, w * h // 300), _c(g, 60, 240), 1)
        return img

    b.floor(tiles)

    def leds(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (14, 14, 18), 1.0)
        _spots(g, img, max(10, w * h // 500), (230, 230, 255), 1)
        return img

    b.ceiling(leds)
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.3, b.w, 2.6)
    per = max(1, min(int((b.w - 2.0) / 1.3), int(r.integers(4, 9))))
    x0 = -per * 1.3 / 2 + 0.65 + float(r.uniform(-0.5, 0.5))
    z = float(r.uniform(4.8, 5.4))
    row = 0
    while z < b.d - 2.0:
        away = row % 2 == 0
        facing = "back" if away else "front"
        for j in range(per):
            x = x0 + 1.3 * j
            _model(b, Box(x, z, 1.2, 0.7, 0.75, 0.0, desk))
            mz = z + (0.2 if away else -0.2)
            _model(b, Box(x, mz, 0.7, 0.06, 0.42, 0.85, _faces(monitor, facing)))
            _model(b, Box(x + 0.45, z, 0.2, 0.45, 0.45, 0.75, tower))
            cz = z - 0.6 if away else z + 0.6
            _model(b, Box(x, cz, 0.6, 0.6, 1.3, 0.0, _faces(chair, "front" if away else "back")))
        fl.take(x0 - 0.65 + per * 0.65, z, per * 1.3, 2.4)
        z += float(r.uniform(2.4, 3.0))
        row += 1
    spot = fl.against(r, 2.4, 0.8, ("left", "right"))
    if spot:
        _box(
            b,
            spot,
            1.05,
            {
                "front": _cabinet(r, 3, 1, _c(r, 20, 120)),
                "top": _grained(r, 48, 16, (30, 30, 34), 1.0),
            },
        )
    spot = fl.against(r, 0.8, 0.7, ("left", "right", "back"))
    if spot:
        fridge = _grained(r, 16, 32, (20, 20, 24), 1.0)
        for y in range(3, 30, 6):
            for x in range(2, 14, 3):
                fridge[y : y + 4, x : x + 2] = _c(r, 40, 250)
        _box(b, spot, 1.9, {"front": fridge, "top": _grained(r, 16, 16, (30, 30, 34), 1.0)})
    back = b.wall("back")
    big = _graphic(r, back.px(3.0), back.px(1.7), _c(r, 20, 120))
    cv2.rectangle(
        big, (0, 0), (big.shape[1] - 1, big.shape[0] - 1), (10, 10, 12), max(1, big.shape[1] // 60)
    )
    back.put(big, b.h - 0.3, b.h - 0.2)
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_screen_text(r, wall.px(1.6), wall.px(1.0), 8, (120, 250, 200)), 2.3, 2.5)
    other = b.wall(_other(side))
    for _ in range(int(r.integers(1, 4))):
        poster = _graphic(r, other.px(0.6), other.px(0.9), _c(r, 20, 230))
        _paste(
            other.img,
            poster,
            other.x_of(float(r.uniform(0.5, max(0.6, other.length - 1.0)))),
            other.y_of(2.2),
        )
    _door(b.wall("front"), r, (30, 30, 34))


# conveyor sushi bar


def _conveyor(m: Rng) -> dict[str, U8]:
    """The kind's conveyor counter section: a chain of crescent plates running in a
    steel channel along a counter top in the maker's laminate, its front panel with a
    kick plate."""
    lam = _pick(m, [(190, 150, 100), (230, 226, 216), (40, 40, 44), (150, 40, 40)])
    top = _grained(m, 64, 32, lam, 1.5)
    top[10:22] = (200, 202, 206)
    for x in range(0, 64, 5):
        cv2.ellipse(top, (x + 2, 16), (3, 5), 0.0, -90.0, 90.0, (150, 152, 156), 1)
    top[10] = (120, 122, 126)
    top[21] = (120, 122, 126)
    front = _grained(m, 64, 24, _shade(lam, 0.85), 1.5)
    front[-4:] = (60, 60, 64)
    front[2:4] = (200, 202, 206)
    return {"top": top, "front": front, "side": front[:, :32].copy()}


def _stool(m: Rng) -> dict[str, U8]:
    """The kind's bar stool: a round padded seat in the maker's colour on a chrome post
    with a foot ring and a round base."""
    pad = _pick(m, [(150, 30, 30), (30, 30, 34), (200, 150, 60), (40, 90, 60)])
    front = _grained(m, 16, 32, (190, 190, 194), 1.0)
    front[:6] = pad
    front[6:30, :5] = (60, 58, 56)
    front[6:30, 11:] = (60, 58, 56)
    front[20:22] = (220, 220, 224)
    front[29:] = (200, 200, 204)
    top = _grained(m, 16, 16, pad, 1.5)
    cv2.circle(top, (8, 8), 6, _shade(pad, 0.8), 1)
    return {"front": front, "side": front, "top": top}


def _plate(rng: Rng) -> dict[str, U8]:
    """A plate going round on the belt: a coloured rim (the price), a dome over it."""
    rim = _pick(rng, [(40, 90, 200), (220, 40, 40), (240, 200, 40), (30, 30, 30), (250, 250, 250)])
    top = _grained(rng, 12, 12, (240, 240, 236), 1.5)
    cv2.circle(top, (6, 6), 5, rim, 1)
    cv2.ellipse(top, (6, 6), (3, 2), 0.0, 0.0, 360.0, _c(rng, 60, 250), -1)
    side = _grained(rng, 12, 6, rim, 1.5)
    return {"top": top, "front": side, "side": side}


def _build_sushi(b: _Build17) -> None:
    """A conveyor sushi bar: slatted wood or painted walls, a tiled floor, a ceiling of
    panels with paper lamps; a loop of the kind's conveyor counter sections round a
    kitchen island, the kind's stools along it, plates going round, booths by a wall,
    menu boards with prices, a window onto the street, a door."""
    r, m = b.fix, _mass_produced(b)
    belt, stool = _conveyor(m), _stool(m)
    if r.random() < 0.5:
        tone = _wood_tone(r)
        for name in WALLS:
            tw, th, res = b.texels(name)
            img = _wood(r, tw, th, tone, 3)
            _stripes(img, r, max(3, round(0.12 * res)), _shade(tone, 0.6))
            b.fill(name, img)
    else:
        _paint_of(b, _pick(r, [(236, 228, 210), (180, 40, 40), (40, 40, 44), _c(r, 80, 230)]), 1.5)
    tile = _between(r, (80, 80, 84), (200, 196, 186))
    b.floor(lambda g, w, h, res: _tiles(g, w, h, max(4, round(0.4 * res)), tile, _shade(tile, 0.8)))
    b.ceiling(_tiled_ceiling)
    n = max(2, min(int((b.w - 3.0) / 1.5), int(r.integers(3, 7))))
    length = 1.5 * n
    z0 = float(r.uniform(3.0, max(3.1, b.d - 5.0)))
    x0 = -length / 2 + float(r.uniform(-0.6, 0.6))
    for zz, facing in ((z0, "front"), (z0 + 2.6, "back")):
        for j in range(n):
            _model(b, Box(x0 + 0.75 + 1.5 * j, zz, 1.5, 0.7, 0.95, 0.0, _faces(belt, facing)))
    for xx, facing in ((x0 - 0.35, "left"), (x0 + length + 0.35, "right")):
        _model(b, Box(xx, z0 + 1.3, 0.7, 3.3, 0.95, 0.0, _faces(belt, facing)))
    island = _grained(r, 32, 16, (200, 200, 204), 1.5)
    b.boxes.append(Box(x0 + length / 2, z0 + 1.3, length - 0.2, 1.8, 1.0, 0.0, _all_faces(island)))
    b.tops.append((x0 + length / 2, z0 + 1.3, length - 0.2, 1.8, 1.0))
    for j in range(n * 2):
        x = x0 + 0.4 + 0.75 * j
        if r.random() < 0.85 or j == 0:
            _model(b, Box(x, z0 - 0.65, 0.38, 0.38, 0.72, 0.0, _faces(stool, "front")))
    for _ in range(int(r.integers(4, 12))):
        zz = float(r.choice([z0, z0 + 2.6]))
        b.boxes.append(
            Box(x0 + float(r.uniform(0.2, length - 0.2)), zz, 0.2, 0.2, 0.05, 0.95, _plate(r))
        )
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.2, b.w, 2.4)
    fl.take(x0 + length / 2, z0 + 1.3, length + 1.8, 4.6)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.6, 1.2, ("left", "right", "back"))
        if spot:
            seat = _grained(r, 32, 16, _pick(r, [(120, 30, 30), (40, 40, 44), _wood_tone(r)]), 1.5)
            _box(b, spot, 0.75, {"front": seat, "top": _wood(r, 32, 16, _wood_tone(r), 3)})
    back = b.wall("back")
    menu = _grained(r, back.px(2.4), back.px(0.8), _pick(r, [(20, 20, 22), (240, 236, 220)]), 1.0)
    mh, mw = menu.shape[:2]
    for k in range(int(r.integers(4, 8))):
        cx = int(mw * (k + 0.5) / 8)
        cv2.circle(
            menu,
            (cx, mh // 3),
            max(2, mh // 6),
            _pick(r, [(40, 90, 200), (220, 40, 40), (240, 200, 40)]),
            -1,
        )
        _text(
            menu,
            r,
            str(int(r.integers(1, 9)) * 100),
            cx - mh // 6,
            mh * 5 // 6,
            max(3, mh // 5),
            (200, 40, 40),
        )
    back.put(menu, 2.5, min(b.h - 0.1, 2.7))
    for _ in range(int(r.integers(2, 5))):
        lamp = _grained(r, 8, 12, _pick(r, [(240, 230, 210), (220, 60, 40)]), 2.0)
        lamp[::3] = _shade(tuple(int(v) for v in lamp[0, 0]), 0.8)  # type: ignore[arg-type]
        b.boxes.append(
            Box(
                float(r.uniform(-b.w / 2 + 1.0, b.w / 2 - 1.0)),
                float(r.uniform(2.0, b.d - 1.0)),
                0.35,
                0.35,
                0.5,
                b.h - 0.9,
                _all_faces(lamp),
            )
        )
    side = str(r.choice(["left", "right"]))
    _window(
        b.wall(side),
        r,
        _outside(r, 64, 40),
        float(r.uniform(0.5, max(0.6, b.d - 4.0))),
        0.9,
        2.6,
        1.4,
        _c(r, 20, 200),
    )
    _door(b.wall("front"), r, _c(r, 30, 200))


# tram depot


def _tram(m: Rng) -> dict[str, U8]:
    """The kind's tram: a low-floor car in the operator's livery, a band of windows and
    double doors down its sides, the rounded cab with a windscreen, headlights and a
    destination display."""
    livery = _pick(
        m, [(200, 30, 40), (240, 200, 30), (30, 110, 70), (230, 230, 226), (20, 90, 170)]
    )
    side = _grained(m, 64, 24, livery, 1.0)
    side[5:14] = (40, 50, 60)
    for x in range(4, 64, 8):
        side[5:14, x] = livery
    for x in (14, 44):
        side[5:22, x : x + 6] = (50, 56, 64)
        side[5:22, x + 3] = (20, 20, 22)
    side[-3:] = (30, 30, 32)
    front = _grained(m, 24, 24, livery, 1.0)
    cv2.rectangle(front, (2, 3), (21, 13), (36, 44, 54), -1)
    front[1:3, 5:19] = (20, 20, 20)
    front[1:3, 6:14] = (250, 180, 40)
    for x in (4, 19):
        cv2.circle(front, (x, 18), 2, (250, 250, 230), -1)
    return {
        "front": front,
        "back": front,
        "left": side,
        "right": side,
        "top": _grained(m, 24, 64, (130, 132, 136), 1.5),
    }


def _jack(m: Rng) -> dict[str, U8]:
    """The kind's lifting jack: a mobile column lift in the maker's yellow, a control
    box with a red stop button, the fork at its foot."""
    body = _pick(m, [(240, 190, 20), (230, 110, 20), (40, 90, 170)])
    front = _grained(m, 16, 48, body, 1.5)
    front[10:18, 3:13] = (40, 40, 44)
    cv2.circle(front, (8, 14), 2, (220, 30, 30), -1)
    front[40:] = (60, 60, 64)
    for y in range(22, 40, 4):
        front[y, 2:14] = _shade(body, 0.8)
    return {"front": front, "side": front, "top": _grained(m, 16, 16, body, 1.5)}


def _build_tram_depot(b: _Build17) -> None:
    """A tram depot's maintenance shed: brick or clad walls with high windows, a
    concrete floor with rails and inspection pits, a roof of trusses and lamps; two to
    four tracks, the kind's trams on some (one to three cars a track), the kind's
    lifting jacks by one, tool cabinets and a sand hopper by the walls, a gantry walkway,
    signs."""
    r, m = b.fix, _mass_produced(b)
    tram, jack = _tram(m), _jack(m)
    if r.random() < 0.5:
        _walls_of(b, 0.0, _between(r, (130, 70, 50), (190, 130, 100)), 1.0)
    else:
        _paint_of(b, _between(r, (170, 176, 180), (230, 226, 214)), 2.0)
    b.floor(_concrete(_between(r, (120, 118, 114), (170, 166, 160))))
    b.ceiling(_boards(_between(r, (90, 94, 100), (160, 160, 156))))
    tracks = min(int(r.integers(2, 5)), max(1, int((b.w - 4.0) / 4.5)))
    gauge = 4.5
    start = -tracks * gauge / 2 + gauge / 2 + float(r.uniform(-1.0, 1.0))
    rail = _steel(r, 4, 64, 150)
    pit = _grained(r, 16, 64, (40, 40, 44), 2.0)
    trams = 0
    for k in range(tracks):
        x = start + k * gauge
        for dx in (-0.72, 0.72):
            b.boxes.append(Box(x + dx, b.d / 2, 0.08, b.d - 0.4, 0.05, 0.0, _all_faces(rail)))
        if r.random() < 0.5:
            b.boxes.append(Box(x, b.d / 2 + 2.0, 1.1, b.d - 8.0, 0.01, 0.0, _all_faces(pit)))
        if k == 0 or r.random() < 0.7:
            z = float(r.uniform(6.0, 9.0))
            for _ in range(int(r.integers(1, 4))):
                length = 9.0
                if z + length > b.d - 1.0:
                    break
                _model(b, Box(x, z + length / 2, 2.65, length, 2.9, 0.45, tram))
                bogie = _grained(r, 16, 8, (30, 30, 32), 1.5)
                b.boxes.append(
                    Box(x, z + length / 2, 2.2, length - 2.0, 0.45, 0.0, _all_faces(bogie))
                )
                z += length + 0.4
                trams += 1
            if trams and k == 0:
                for dz in (-3.0, 3.0):
                    _model(
                        b,
                        Box(
                            x - 2.0, float(z - 5.0 + dz), 0.7, 0.7, 2.4, 0.0, _faces(jack, "right")
                        ),
                    )
    fl = _Floor(b.w, b.d, 0.5)
    fl.take(start + (tracks - 1) * gauge / 2, b.d / 2, tracks * gauge, b.d)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.4, 0.6, ("left", "right", "back"))
        if spot:
            _box(
                b,
                spot,
                1.9,
                {"front": _cabinet(r, 2, 3, _c(r, 40, 220)), "top": _steel(r, 16, 16, 160)},
            )
    gantry = _steel(r, 64, 8, 170)
    gantry[:2] = (240, 200, 30)
    side = str(r.choice(["left", "right"]))
    x, z, bw, bd = _wall_box(b, side, b.d / 2, b.d - 6.0, 1.0)
    b.boxes.append(Box(x, z, bw, bd, 0.15, 3.6, _all_faces(gantry)))
    for name in ("left", "right"):
        wall = b.wall(name)
        at = float(r.uniform(1.0, 4.0))
        while at + 3.0 < wall.length - 1.0:
            _window(wall, r, _sky(r, 32, 16), at, b.h - 2.4, 3.0, 1.6, (200, 200, 196))
            at += float(r.uniform(5.0, 7.0))
    back = b.wall("back")
    back.put(
        _sign(
            r, back.px(3.0), back.px(0.6), (250, 250, 246), (30, 30, 30), _word(r, (2, 4)).upper()
        ),
        5.2,
        min(b.h - 0.2, 5.8),
    )
    for _ in range(int(r.integers(1, 3))):
        sign = _sheet(r, back.px(0.6), back.px(0.45), (200, 30, 30), 4)
        _paste(
            back.img, sign, back.x_of(float(r.uniform(0.5, max(0.6, b.w - 1.0)))), back.y_of(1.9)
        )
    _door(b.wall("front"), r, _c(r, 30, 200))


# indoor bowls hall


def _rink_mat(m: Rng) -> dict[str, U8]:
    """The kind's rink carpet: a needle-punched green strip one rink wide with faint
    rows from the loom, the white boundary threads and the centre line markers, its
    dark edge strip."""
    green = _pick(m, [(60, 120, 60), (50, 110, 70), (70, 130, 50)])
    top = _grained(m, 32, 64, green, 2.0)
    for y in range(0, 64, 4):
        top[y] = _shade(green, 0.94)
    top[:, 1] = (240, 240, 236)
    top[:, -2] = (240, 240, 236)
    for y in (8, 56):
        top[y, 14:18] = (240, 240, 236)
    edge = _grained(m, 32, 4, (30, 40, 30), 1.0)
    return {"top": top, "front": edge, "side": _grained(m, 64, 4, (30, 40, 30), 1.0)}


def _scoreboard(m: Rng) -> dict[str, U8]:
    """The kind's rink-end scoreboard: a black stand with two rows of white number
    flaps and the maker's coloured crest."""
    front = _grained(m, 24, 32, (24, 24, 28), 1.0)
    for y in (4, 14):
        for x in (3, 13):
            front[y : y + 8, x : x + 8] = (240, 240, 236)
            front[y + 3 : y + 5, x + 2 : x + 6] = (24, 24, 28)
    crest = _pick(m, [(200, 40, 40), (40, 80, 180), (220, 180, 40)])
    cv2.circle(front, (12, 27), 3, crest, -1)
    return {"front": front, "side": _grained(m, 8, 32, (24, 24, 28), 1.0), "top": front[:8].copy()}


def _build_bowls(b: _Build17) -> None:
    """An indoor bowls club's hall: panelled or painted walls with honours boards, a
    surround floor, a long ceiling of light rows; three or four of the kind's rink
    carpets down the hall with their ditches, the kind's scoreboard at the near end of
    each, benches and bowls bags along the near wall, windows along a side, a door."""
    r, m = b.fix, _mass_produced(b)
    mat, board = _rink_mat(m), _scoreboard(m)
    if r.random() < 0.5:
        _paint_of(b, _between(r, (210, 206, 190), (240, 236, 226)), 1.5)
    else:
        tone = _wood_tone(r)
        for name in WALLS:
            tw, th, res = b.texels(name)
            img = _wood(r, tw, th, tone, 4)
            img[: th - int(1.1 * res)] = _grained(
                r, tw, th - int(1.1 * res), _between(r, (220, 216, 200), (244, 240, 230)), 1.0
            )
            b.fill(name, img)
    surround = _pick(r, [(120, 90, 70), (90, 90, 96), (150, 130, 100)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, surround, 3.0))

    def light_rows(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (226, 226, 222), 1.0)
        for x in range(int(g.integers(1, 6)), w, max(4, round(1.6 * res))):
            img[:, x : x + max(1, round(0.15 * res))] = (252, 252, 244)
        return img

    b.ceiling(light_rows)
    rink_w = float(r.uniform(4.6, 5.0))
    rinks = max(1, min(int((b.w - 1.5) / rink_w), int(r.integers(3, 5))))
    start = -rinks * rink_w / 2 + rink_w / 2
    z0, z1 = float(r.uniform(2.6, 3.2)), b.d - 1.2
    for k in range(rinks):
        x = start + k * rink_w
        _model(b, Box(x, (z0 + z1) / 2, rink_w - 0.1, z1 - z0, 0.03, 0.0, _faces(mat, "front")))
        _model(
            b,
            Box(
                x + float(r.uniform(-1.0, 1.0)),
                z0 - 0.5,
                0.5,
                0.25,
                1.1,
                0.0,
                _faces(board, "front"),
            ),
        )
    ditch = _grained(r, 64, 8, (60, 54, 44), 2.0)
    b.boxes.append(Box(0.0, z1 + 0.3, rinks * rink_w, 0.3, 0.02, 0.0, _all_faces(ditch)))
    fl = _Floor(b.w, b.d, 0.3)
    fl.take(0.0, (z0 + z1) / 2, rinks * rink_w + 0.4, z1 - z0 + 1.6)
    fl.take(0.0, 0.8, b.w, 1.6)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.8, 0.45, ("left", "right")) or fl.middle(r, 1.8, 0.45)
        if spot:
            x, z, _w, _d, _f = spot
            _box(
                b,
                spot,
                0.45,
                {
                    "front": _wood(r, 32, 8, _wood_tone(r), 3),
                    "top": _wood(r, 32, 8, _wood_tone(r), 3),
                },
            )
            for _k in range(int(r.integers(0, 3))):
                bag = _grained(r, 12, 8, _c(r, 20, 200), 2.0)
                b.boxes.append(
                    Box(x + float(r.uniform(-0.5, 0.5)), z, 0.4, 0.25, 0.28, 0.45, _all_faces(bag))
                )
    back = b.wall("back")
    for _ in range(int(r.integers(1, 4))):
        honours = _wood(r, back.px(1.2), back.px(1.0), _wood_tone(r), 3)
        hh = honours.shape[0]
        for y in range(max(3, hh // 6), hh - 2, max(3, hh // 8)):
            _text(
                honours,
                r,
                f"{int(r.integers(1950, 2030))} {_word(r, (2, 3)).upper()}",
                3,
                y,
                max(2, hh // 12),
                (220, 190, 90),
            )
        _paste(
            back.img, honours, back.x_of(float(r.uniform(0.5, max(0.6, b.w - 1.5)))), back.y_of(2.6)
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    at = float(r.uniform(1.0, 3.0))
    while at + 2.4 < wall.length - 1.0:
        _window(wall, r, _outside(r, 48, 32), at, 1.2, 2.4, 1.4, _c(r, 30, 230))
        at += float(r.uniform(3.5, 5.5))
    _door(b.wall(_other(side)), r, _c(r, 30, 200))


# school canteen


def _canteen_table(m: Rng) -> tuple[dict[str, U8], dict[str, U8]]:
    """The kind's folding canteen table unit: a laminate top in the maker's colour on a
    grey frame, and its two rows of round stools on arms."""
    lam = _pick(m, [(230, 120, 40), (60, 130, 190), (90, 170, 80), (230, 226, 216)])
    top = _grained(m, 48, 16, lam, 1.0)
    top[:1] = _shade(lam, 0.7)
    top[-1:] = _shade(lam, 0.7)
    front = _grained(m, 48, 16, (110, 112, 118), 1.5)
    front[:3] = _shade(lam, 0.8)
    stool_c = _pick(m, [(40, 40, 44), (200, 60, 40), (40, 90, 170)])
    stools = _grained(m, 48, 16, (130, 132, 138), 1.5)
    stools[:] = (0, 0, 0)
    stools[:] = _grained(m, 48, 16, (100, 102, 108), 1.5)
    for x in range(2, 48, 8):
        stools[:4, x : x + 6] = stool_c
        stools[4:, x + 2 : x + 4] = (150, 152, 156)
    stool_top = _grained(m, 48, 8, (100, 102, 108), 1.5)
    for x in range(2, 48, 8):
        cv2.circle(stool_top, (x + 3, 4), 3, stool_c, -1)
    return (
        {"top": top, "front": front, "side": front[:, :16].copy()},
        {"top": stool_top, "front": stools, "side": stools[:, :8].copy()},
    )


def _servery(m: Rng) -> dict[str, U8]:
    """The kind's servery counter: a stainless hot cupboard with four wells of trays on
    top, the sneeze guard's glass and lamps, a tray slide along its front."""
    front = _steel(m, 64, 24, 185)
    for x in range(2, 64, 16):
        cv2.rectangle(front, (x, 6), (x + 13, 20), (150, 152, 156), 1)
        front[12:14, x + 5 : x + 9] = (90, 92, 96)
    front[:3] = (130, 132, 136)
    top = _steel(m, 64, 24, 200)
    for x in range(3, 64, 16):
        cv2.rectangle(top, (x, 4), (x + 12, 18), (120, 124, 130), -1)
    return {"front": front, "side": _steel(m, 24, 24, 180), "top": top}


def _build_canteen(b: _Build17) -> None:
    """A school canteen: painted block walls with a coloured band, a lino floor, a
    suspended tile ceiling; rows of the kind's folding table units with their stools,
    the kind's servery counters along the back by the kitchen hatch, a tray rack, a
    water fountain, bins, notice boards and a painted mural of shapes, windows, doors."""
    r, m = b.fix, _mass_produced(b)
    (table, stools), servery = _canteen_table(m), _servery(m)
    paint = _pick(r, [(236, 232, 214), (210, 226, 236), (230, 236, 210), _c(r, 160, 240)])
    band = _c(r, 40, 220)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _tiles(r, tw, th, max(3, round(0.22 * res)), paint, _shade(paint, 0.92))
        y = th - int(1.1 * res)
        img[y : y + max(2, round(0.12 * res))] = band
        b.fill(name, img)
    lino = _pick(r, [(170, 160, 140), (120, 140, 150), (180, 120, 100), (140, 150, 120)])

    def flecked(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, lino, 2.0)
        _spots(g, img, max(30, w * h // 80), _shade(lino, 0.75), 1)
        return img

    b.floor(flecked)
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 0.5)
    fl.take(0.0, 1.2, b.w, 2.4)
    for k in range(int(r.integers(1, 3))):
        spot = fl.against(r, 2.6, 0.9, ("back",)) if k else _must(b, fl, r, 2.6, 0.9, ("back",))
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, 2.4, 0.8, 0.9, 0.0, _faces(servery, facing)))
            guard = _grained(r, 32, 8, (200, 214, 220), 2.0)
            b.boxes.append(Box(x, z, 2.4, 0.3, 0.45, 0.9, _all_faces(guard)))
    cols = max(1, min(int((b.w - 2.0) / 3.2), int(r.integers(2, 5))))
    rows_ = max(1, min(int((b.d - 5.0) / 2.4), int(r.integers(2, 6))))
    x0 = -cols * 3.2 / 2 + 1.6
    z0 = float(r.uniform(3.0, 3.6))
    for i in range(rows_):
        for j in range(cols):
            if i + j and r.random() < 0.15:
                continue
            x, z = x0 + 3.2 * j, z0 + 2.4 * i
            _model(b, Box(x, z, 2.4, 0.75, 0.72, 0.0, _faces(table, "front")))
            for dz in (-0.62, 0.62):
                _model(b, Box(x, z + dz, 2.2, 0.3, 0.45, 0.0, _faces(stools, "front")))
            fl.take(x, z, 2.8, 2.0)
    spot = fl.against(r, 1.2, 0.5, ("left", "right", "back"))
    if spot:
        rack = _grained(r, 24, 32, (170, 172, 176), 1.5)
        for y in range(2, 32, 3):
            rack[y] = _c(r, 40, 230)
        _box(b, spot, 1.6, {"front": rack, "top": _steel(r, 24, 16, 170)})
    spot = fl.against(r, 0.5, 0.4, ("left", "right"))
    if spot:
        _box(b, spot, 1.0, {"front": _steel(r, 8, 16, 200), "top": _steel(r, 8, 8, 210)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(
        _graphic(r, wall.px(float(r.uniform(2.5, 4.5))), wall.px(1.4), _c(r, 120, 240)), 2.6, 2.8
    )
    for _ in range(int(r.integers(1, 3))):
        board = _grained(
            r, wall.px(1.0), wall.px(0.7), _pick(r, [(60, 90, 160), (170, 130, 90)]), 2.0
        )
        for _k in range(int(r.integers(2, 6))):
            sheet = _sheet(
                r, max(4, board.shape[1] // 4), max(4, board.shape[0] // 3), (30, 30, 30), 4
            )
            _paste(
                board,
                sheet,
                int(r.integers(0, max(1, board.shape[1] * 3 // 4))),
                int(r.integers(0, max(1, board.shape[0] * 2 // 3))),
            )
        _paste(
            wall.img,
            board,
            wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 1.5)))),
            wall.y_of(1.9),
        )
    other = b.wall(_other(side))
    at = float(r.uniform(0.8, 2.0))
    while at + 2.0 < other.length - 0.8:
        _window(other, r, _outside(r, 48, 32), at, 1.0, 2.0, 1.5, _c(r, 30, 230))
        at += float(r.uniform(3.0, 4.5))
    _door(b.wall("front"), r, _c(r, 30, 200))


# car showroom


def _car(m: Rng) -> dict[str, U8]:
    """The kind's car: one maker's hatchback in its launch colour: the grille and
    headlights, the tail lights, the side with two doors, windows and black wheels, the
    roof with the glass."""
    paint = _pick(m, [(200, 30, 40), (30, 60, 140), (236, 236, 232), (40, 40, 44), (220, 120, 30)])
    side = _grained(m, 64, 24, paint, 1.0)
    side[2:10, 12:54] = (40, 50, 60)
    side[2:10, 32] = paint
    side[10:11, 8:58] = _shade(paint, 0.7)
    for x in (14, 50):
        cv2.circle(side, (x, 19), 5, (20, 20, 22), -1)
        cv2.circle(side, (x, 19), 2, (170, 172, 176), -1)
    front = _grained(m, 32, 24, paint, 1.0)
    front[2:9, 4:28] = (40, 50, 60)
    front[13:17, 10:22] = (20, 20, 22)
    for x in (3, 24):
        front[11:14, x : x + 5] = (250, 250, 236)
    back = _grained(m, 32, 24, paint, 1.0)
    back[2:9, 5:27] = (40, 50, 60)
    for x in (2, 25):
        back[11:14, x : x + 5] = (200, 20, 20)
    top = _grained(m, 32, 64, paint, 1.0)
    top[8:26, 3:29] = (40, 50, 60)
    return {"front": front, "back": back, "left": side, "right": side, "top": top}


def _totem(m: Rng) -> dict[str, U8]:
    """The kind's sign totem: a slim pylon in the maker's grey with its badge near the
    top and a lit band."""
    grey = _pick(m, [(60, 62, 68), (200, 200, 204), (20, 30, 60)])
    front = _grained(m, 16, 64, grey, 1.0)
    cv2.circle(front, (8, 10), 5, (230, 230, 234), -1)
    cv2.circle(front, (8, 10), 3, _pick(m, [(40, 80, 180), (200, 30, 40)]), -1)
    front[20:22] = (250, 250, 250)
    return {
        "front": front,
        "side": _grained(m, 8, 64, grey, 1.0),
        "top": _grained(m, 16, 8, grey, 1.0),
    }


def _build_showroom(b: _Build17) -> None:
    """A car dealer's showroom: white or grey panelled walls, big glazing along a side,
    a floor of large polished tiles, a ceiling of panels and lights; two to five of the
    kind's cars on the floor (nose to the door or side on), the kind's sign totem, sales
    desks with chairs, plants, an offer banner, a screen."""
    r, m = b.fix, _mass_produced(b)
    car, totem = _car(m), _totem(m)
    panel = _pick(r, [(240, 240, 238), (200, 202, 206), (60, 62, 68), _c(r, 150, 240)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 1.0)
        _stripes(img, r, max(3, round(1.2 * res)), _shade(panel, 0.9))
        b.fill(name, img)
    tile = _between(r, (170, 170, 172), (236, 234, 230))
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(4, round(0.9 * res)), tile, _shade(tile, 0.88))
    )
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.5, b.w, 3.0)
    for k in range(int(r.integers(2, 6))):
        side_on = r.random() < 0.4
        pw, pd = (5.2, 2.8) if side_on else (2.8, 5.2)
        spot = fl.middle(r, pw, pd) or fl.against(r, pw, pd, ("back", "left", "right"))
        if spot is None and not k:
            spot = (0.0, b.d / 2, pw, pd, "front")
        if spot is None:
            continue
        x, z, _w, _d, _f = spot
        if side_on:
            tex = {
                "front": car["left"],
                "back": car["right"],
                "left": car["front"],
                "right": car["back"],
                "top": car["top"],
            }
            _model(b, Box(x, z, 4.3, 1.8, 1.45, 0.0, tex))
        else:
            _model(b, Box(x, z, 1.8, 4.3, 1.45, 0.0, car))
    x, z, _w, _d, facing = _must(b, fl, r, 0.8, 0.5, ("back", "left", "right"))
    _model(b, Box(x, z, 0.6, 0.3, 2.6, 0.0, _faces(totem, facing)))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.6, 0.8, ("left", "right", "back")) or fl.middle(r, 1.6, 0.8)
        if spot:
            _box(
                b,
                spot,
                0.75,
                {
                    "front": _grained(r, 32, 16, _pick(r, [(240, 240, 238), (40, 40, 44)]), 1.0),
                    "top": _wood(r, 32, 16, _wood_tone(r), 3),
                },
            )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.6, 0.6, ("left", "right", "back"))
        if spot:
            pot = _grained(r, 16, 24, _pick(r, [(60, 60, 64), (240, 240, 236)]), 1.5)
            pot[:10] = _pick(r, [(50, 120, 50), (80, 150, 60)])
            _box(b, spot, 1.4, {"front": pot, "top": _grained(r, 16, 16, (60, 130, 60), 4.0)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    h0, v0, h1, v1 = _opening(wall, 0.5, 0.2, wall.length - 1.0, b.h - 0.8)
    wall.img[v0:v1, h0:h1] = _outside(r, h1 - h0, v1 - v0)
    for k in range(1, int((h1 - h0) / max(1, wall.px(3.0))) + 1):
        xk = h0 + k * wall.px(3.0)
        wall.img[v0:v1, xk : xk + max(2, wall.px(0.08))] = (60, 62, 66)
    back = b.wall("back")
    banner = _sign(
        r,
        back.px(4.0),
        back.px(0.8),
        _c(r, 20, 200),
        _c(r, 200, 255),
        f"{_word(r, (2, 3)).upper()} {int(r.integers(1, 9))}.{int(r.integers(0, 10))}%",
    )
    back.put(banner, b.h - 0.5, b.h - 0.3)
    screen = _graphic(r, back.px(2.0), back.px(1.2), _c(r, 20, 100))
    back.put(screen, 2.6, 2.9)
    _door(b.wall(_other(side)), r, (60, 62, 66))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_bus_deck(b: _Build17) -> None:
    """A double-decker's upper deck, one of a bus fleet's buses of one model parked in its
    depot: every fixed thing the template's (the size, the lining, the window band with
    its frames and the depot outside, the windscreen, the vinyl floor, the ceiling with
    its light strips and bell pushes, the rows of seats in the fleet's moquette, the
    cove frames with their adverts); one or two of the adverts, a sticker on a window
    frame and what is left on a seat the bus's own (little)."""
    r, o = b.fix, b.own
    lining = _between(r, (200, 200, 196), (236, 234, 226))
    for name in WALLS:
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(r, tw, th, lining, 1.0))
    depot = _grained(r, 64, 24, _between(r, (50, 50, 56), (90, 90, 96)), 2.0)
    for x in range(4, 64, 12):
        cv2.circle(depot, (x, 5), 2, (250, 240, 200), -1)
    depot[16:] = _grained(r, 64, 8, (70, 70, 74), 2.0)
    frame = _pick(r, [(60, 60, 64), (200, 200, 196), (30, 30, 34)])
    coves: list[tuple[str, float]] = []
    for name in ("left", "right"):
        wall = b.wall(name)
        h0, v0, h1, v1 = _opening(wall, 0.3, 0.85, wall.length - 0.6, 0.65)
        wall.img[v0:v1, h0:h1] = np.asarray(cv2.resize(depot, (h1 - h0, v1 - v0)), np.uint8)
        cv2.rectangle(wall.img, (h0, v0), (h1 - 1, v1 - 1), frame, max(2, wall.px(0.04)))
        pitch = wall.px(float(r.uniform(1.1, 1.4)))
        for x in range(h0 + pitch, h1, pitch):
            wall.img[v0:v1, x : x + max(2, wall.px(0.06))] = frame
        at = 0.5
        while at + 0.7 < wall.length - 0.3:
            ad = _graphic(r, wall.px(0.65), wall.px(0.18), _c(r, 40, 240))
            _paste(wall.img, ad, wall.x_of(at), wall.y_of(1.7))
            coves.append((name, at))
            at += 0.8
    back = b.wall("back")
    h0, v0, h1, v1 = _opening(back, 0.05, 0.8, b.w - 0.1, 0.85)
    back.img[v0:v1, h0:h1] = np.asarray(cv2.resize(depot, (h1 - h0, v1 - v0)), np.uint8)
    back.img[v0 : v0 + max(2, back.px(0.05)), h0:h1] = frame
    sign = _sign(
        r, back.px(0.5), back.px(0.12), (20, 20, 20), (250, 180, 40), str(int(r.integers(1, 400)))
    )
    _paste(back.img, sign, back.x_of(b.w / 2 - 0.25), back.y_of(1.7))
    vinyl = _between(r, (70, 80, 100), (120, 120, 126))

    def speckled(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, vinyl, 2.0)
        _spots(g, img, max(30, w * h // 60), _lighter(vinyl, 1.5), 1)
        return img

    b.floor(speckled)

    def strips(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (236, 236, 232), 1.0)
        for x in (w // 4, 3 * w // 4):
            img[:, x : x + max(1, round(0.08 * res))] = (252, 252, 244)
        return img

    b.ceiling(strips)
    base = _pick(r, [(40, 60, 140), (150, 30, 50), (40, 40, 44), (30, 100, 110)])
    moquette = _grained(r, 24, 32, base, 2.0)
    for y in range(0, 32, 6):
        for x in range(int(y // 6) % 2 * 3, 24, 6):
            moquette[y : y + 2, x : x + 3] = _c(r, 60, 250)
    moquette[:3] = (200, 200, 204)
    seat = {"front": moquette, "top": moquette[:8].copy(), "side": _grained(r, 8, 32, base, 2.0)}
    aisle = float(r.uniform(0.42, 0.5))
    z = float(r.uniform(1.4, 1.7))
    while z < b.d - 1.0:
        for sx in (-1.0, 1.0):
            w = (b.w - aisle) / 2 - 0.05
            b.boxes.append(
                Box(sx * (aisle / 2 + w / 2), z, w, 0.5, 1.0, 0.0, _faces(seat, "front"))
            )
        z += float(r.choice([0.76, 0.8]))
    # The bus's own: an advert or two in the coves, a sticker, what is left on a seat.
    for _ in range(int(o.integers(1, 3))):
        name, at = coves[int(o.integers(0, len(coves)))]
        wall = b.wall(name)
        ad = _graphic(o, wall.px(0.65), wall.px(0.18), _c(o, 40, 240))
        _text(
            ad,
            o,
            _word(o, (2, 3)).upper(),
            2,
            ad.shape[0] * 3 // 4,
            max(3, ad.shape[0] // 2),
            _c(o, 10, 250),
        )
        _paste(wall.img, ad, wall.x_of(at), wall.y_of(1.7))
    name = str(o.choice(["left", "right"]))
    wall = b.wall(name)
    sticker = _grained(o, wall.px(0.1), wall.px(0.1), _c(o, 30, 250), 1.0)
    _paste(
        wall.img,
        sticker,
        wall.x_of(float(o.uniform(0.5, wall.length - 0.6))),
        wall.y_of(float(o.uniform(1.0, 1.4))),
    )
    st = _b17(b)
    for _ in range(int(o.integers(1, 3))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * float(o.uniform(0.5, 0.8)),
                float(o.uniform(2.0, b.d - 1.5)),
                float(o.uniform(0.25, 0.4)),
                0.25,
                float(o.uniform(0.05, 0.25)),
                0.45,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.08, 0.08)), float(o.uniform(0.3, 0.45)))
    st.look = (0.0, 1.0, b.d)


def _build_food_truck(b: _Build17) -> None:
    """A food truck's kitchen, one of a converter's trucks of one fit-out: every fixed
    thing the converter's (the size, the steel walls and white upper panels, the
    chequer-plate floor, the ceiling with its extractor, the cooking line along the back
    (griddle, fryer, hood), the fridge and the sink along one side, the serving hatch
    with its counter on the other); the trader's menu board and stickers round the
    hatch, what is seen out of it (their pitch), a shelf of jars and sauces over the
    fridge, things on the counters and a bucket their own (between)."""
    r, o = b.fix, b.own
    upper = _between(r, (226, 226, 222), (246, 246, 242))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, upper, 1.0)
        y = th - int(1.3 * res)
        img[y:] = _steel(r, tw, th - y, 190)
        b.fill(name, img)

    def plate(g: Rng, w: int, h: int, res: float) -> U8:
        img = _steel(g, w, h, 160)
        step = max(3, round(res / 14))
        for y in range(0, h, step):
            img[y, (y // step) % 2 :: step] = (205, 205, 208)
        return img

    b.floor(plate)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (240, 240, 238), 1.0))
    line = {"front": _steel(r, 48, 24, 180), "top": _steel(r, 48, 24, 120)}
    cv2.rectangle(line["top"], (4, 4), (22, 20), (40, 40, 42), -1)
    cv2.rectangle(line["top"], (28, 4), (44, 20), (120, 100, 40), -1)
    for knob in range(4, 48, 10):
        cv2.circle(line["front"], (knob, 6), 2, (30, 30, 32), -1)
    b.boxes.append(Box(0.0, b.d - 0.35, b.w - 0.1, 0.7, 0.9, 0.0, _faces(line, "front")))
    b.tops.append((0.0, b.d - 0.35, b.w - 0.1, 0.7, 0.9))
    hood = {"front": _steel(r, 48, 16, 200), "top": _steel(r, 48, 16, 190)}
    b.boxes.append(Box(0.0, b.d - 0.3, b.w - 0.1, 0.6, 0.45, b.h - 0.5, _faces(hood, "front")))
    hatch_side = str(r.choice(["left", "right"]))
    other = _other(hatch_side)
    fridge = {"front": _steel(r, 24, 32, 205), "top": _steel(r, 24, 16, 190)}
    fridge["front"][14:16, 2:22] = (120, 122, 126)
    x, z, bw, bd = _wall_box(b, other, 1.4, 1.0, 0.6)
    b.boxes.append(Box(x, z, bw, bd, 0.9, 0.0, _faces(fridge, _inward(other))))
    sink = {"front": _steel(r, 24, 24, 185), "top": _steel(r, 24, 24, 200)}
    cv2.rectangle(sink["top"], (4, 4), (19, 19), (130, 134, 140), -1)
    x, z, bw, bd = _wall_box(b, other, 2.5, 0.9, 0.6)
    b.boxes.append(Box(x, z, bw, bd, 0.9, 0.0, _faces(sink, _inward(other))))
    b.tops.append((x, z, bw, bd, 0.9))
    counter = {"front": _steel(r, 48, 24, 175), "top": _steel(r, 48, 24, 205)}
    hatch_at = float(r.uniform(0.8, max(0.9, b.d - 2.6)))
    x, z, bw, bd = _wall_box(b, hatch_side, hatch_at + 0.8, 1.6, 0.45)
    b.boxes.append(Box(x, z, bw, bd, 1.0, 0.0, _faces(counter, _inward(hatch_side))))
    b.tops.append((x, z, bw, bd, 1.0))
    wall = b.wall(hatch_side)
    h0, v0, h1, v1 = _opening(wall, hatch_at, 1.05, 1.6, 0.85)
    cv2.rectangle(
        wall.img, (h0 - 2, v0 - 2), (h1 + 1, v1 + 1), (120, 122, 126), max(2, wall.px(0.04))
    )
    # The trader's own: the view from the pitch, the menu board, stickers, a shelf.
    wall.img[v0:v1, h0:h1] = _outside(o, h1 - h0, v1 - v0)
    menu_w = float(o.uniform(0.9, min(1.5, wall.length - 0.4)))
    menu = _grained(
        o,
        wall.px(menu_w),
        wall.px(0.45),
        _pick(o, [(20, 20, 22), (40, 60, 40), _c(o, 30, 240)]),
        1.0,
    )
    mh = menu.shape[0]
    ink = _pick(o, [(250, 250, 240), (250, 220, 80), (20, 20, 20)])
    for k, y in enumerate(range(max(3, mh // 5), mh - 1, max(3, mh // 5))):
        _text(
            menu,
            o,
            f"{_word(o, (1, 3)).upper()} {int(o.integers(3, 15))}.{int(o.integers(0, 10))}0",
            3,
            y,
            max(3, mh // 7),
            ink if k else _c(o, 150, 255),
        )
    _paste(
        wall.img,
        menu,
        wall.x_of(float(o.uniform(0.1, max(0.15, wall.length - menu_w - 0.1)))),
        wall.y_of(2.0 if b.h > 2.05 else b.h - 0.05),
    )
    for _ in range(int(o.integers(2, 6))):
        name = str(o.choice(["left", "right", "back"]))
        w_ = b.wall(name)
        st_img = _graphic(
            o,
            w_.px(float(o.uniform(0.08, 0.18))),
            w_.px(float(o.uniform(0.08, 0.15))),
            _c(o, 30, 250),
        )
        _paste(
            w_.img,
            st_img,
            w_.x_of(float(o.uniform(0.1, max(0.2, w_.length - 0.3)))),
            w_.y_of(float(o.uniform(1.0, 1.9))),
        )
    shelf_wall = b.wall(other)
    l0, t0, l1, t1 = _opening(
        shelf_wall,
        float(o.uniform(0.9, max(1.0, shelf_wall.length - 1.8))),
        1.3,
        float(o.uniform(1.0, 1.4)),
        0.6,
    )
    shelf_wall.img[t0:t1, l0:l1] = _shelf_of(
        o, l1 - l0, t1 - t0, _pick(o, [(240, 240, 236), _wood_tone(o)]), _bottles(o)
    )[: t1 - t0, : l1 - l0]
    st = _b17(b)
    for _ in range(int(o.integers(2, 6))):
        thing = _grained(o, 12, 16, _c(o, 30, 240), 2.0)
        s = float(o.uniform(0.08, 0.2))
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.3, b.w / 2 - 0.3)),
                b.d - 0.35,
                s,
                s,
                float(o.uniform(0.08, 0.3)),
                0.9,
                _all_faces(thing),
            )
        )
    bucket = _grained(o, 12, 12, _pick(o, [(200, 40, 40), (40, 90, 180), (240, 240, 236)]), 2.0)
    st.own_boxes.append(
        Box(
            float(o.uniform(-0.3, 0.3)) * b.w,
            float(o.uniform(1.0, b.d - 1.2)),
            0.3,
            0.3,
            0.3,
            0.0,
            _all_faces(bucket),
        )
    )
    st.stand = (float(o.uniform(-0.12, 0.12)) * b.w, float(o.uniform(0.25, 0.4)))
    st.look = (0.0, 1.1, b.d)


def _build_market_stall(b: _Build17) -> None:
    """A stall in a covered market hall, one of the hall's stalls of one size: every fixed
    thing the hall's (the size, the painted partitions above 2 m and the stall frame,
    the hall floor, the roof over it with its skylight, the counter across the front);
    what covers the back and both side walls (the goods: shelves of books, jars and
    boxes, pegboards of hung things or racks of scarves, 60-90 % of each wall's length
    up to 1.8-2.1 m), the stall's name board, the goods on the counter and the crates
    on the floor the trader's own (much)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(40, 80, 60), (30, 50, 90), (140, 30, 40), (230, 226, 210)])
    _paint_of(b, paint, 1.5)
    for name in ("back", "left", "right"):
        wall = b.wall(name)
        y = wall.y_of(2.15)
        wall.img[y : y + max(2, wall.px(0.06))] = _shade(paint, 0.6)
    b.floor(_concrete(_between(r, (110, 110, 108), (170, 164, 150))))

    def roof(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (70, 72, 78), 2.0)
        img[h // 3 : h // 3 + max(2, h // 6)] = (230, 236, 240)
        return img

    b.ceiling(roof)
    counter = {
        "front": _wood(r, 48, 16, _wood_tone(r), 3),
        "top": _wood(r, 48, 16, _wood_tone(r), 3),
    }
    cz = float(r.uniform(0.75, 0.9))
    b.boxes.append(Box(0.0, cz, b.w - 1.0, 0.5, 0.9, 0.0, _faces(counter, "front")))
    b.tops.append((0.0, cz, b.w - 1.0, 0.5, 0.9))
    # The trader's own: the goods on three walls, a name board, things on the counter.
    height = float(o.uniform(1.8, 2.1))
    frac = float(o.uniform(0.6, 0.9))
    for name in ("back", "left", "right"):
        wall = b.wall(name)
        start = float(o.uniform(0.0, max(0.05, (1 - frac) * wall.length)))
        l0, t0, l1, t1 = _opening(wall, start, 0.0, frac * wall.length, height)
        cover = o.random()
        if cover < 0.4:
            img = _shelf_of(
                o,
                l1 - l0,
                t1 - t0,
                _pick(o, [(240, 240, 236), _wood_tone(o)]),
                (_books, _bottles, _pots)[int(o.integers(0, 3))](o),
            )
        else:
            img = _hung(
                o, l1 - l0, t1 - t0, _pick(o, [(200, 170, 120), (60, 60, 64), _c(o, 60, 230)])
            )
        wall.img[t0:t1, l0:l1] = img[: t1 - t0, : l1 - l0]
    back = b.wall("back")
    board = _sign(
        o,
        back.px(min(1.6, b.w - 0.4)),
        back.px(0.3),
        _c(o, 20, 240),
        _c(o, 10, 250),
        _word(o, (2, 4)).upper(),
    )
    _paste(back.img, board, back.x_of(0.2), back.y_of(b.h - 0.05))
    st = _b17(b)
    for _ in range(int(o.integers(3, 8))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        s = float(o.uniform(0.12, 0.3))
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.7, b.w / 2 - 0.7)),
                cz,
                s,
                s,
                float(o.uniform(0.05, 0.3)),
                0.9,
                _all_faces(thing),
            )
        )
    for _ in range(int(o.integers(1, 4))):
        crate = _wood(o, 16, 12, _wood_tone(o), 2)
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.4, b.w / 2 - 0.4)),
                float(o.uniform(1.5, b.d - 0.4)),
                0.5,
                0.35,
                float(o.uniform(0.25, 0.6)),
                0.0,
                _all_faces(crate),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.2, 0.3)))
    st.look = (float(o.choice([-1.0, 1.0])) * float(o.uniform(0.1, 0.3)) * b.w, 1.1, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "baggage reclaim hall": _build_reclaim,
    "milking parlour": _build_parlour,
    "LAN gaming centre": _build_gaming,
    "conveyor sushi bar": _build_sushi,
    "tram depot": _build_tram_depot,
    "indoor bowls hall": _build_bowls,
    "school canteen": _build_canteen,
    "car showroom": _build_showroom,
    "busdeck": _build_bus_deck,
    "foodtruck": _build_food_truck,
    "marketstall": _build_market_stall,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v30's kinds and v30's day seeds."""

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
        hfov = float(rng.uniform(74, 84))
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
    """The original picture of a place, carrying its ``Place`` for ``views_v30``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v30(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v30 (``bench/link.py --generator v30``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v30``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    car showroom, school canteen or LAN gaming centre."""
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


def stepped(place: Place, rng: Rng) -> Camera:
    """The camera of ``twosteps``: a step or two into the place (0.5-1.2 m forward and up
    to 0.6 m aside; x0.3 in a bus, a food truck or a market stall), turned 10-22 degrees
    to one side, tilted by -5 to +3 degrees, another phone's lens (the field of view
    -6 to +4 degrees); the first of ten ever shorter steps that leaves it 0.2 m clear of
    every thing, or where it stood."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    fwd, aside = float(rng.uniform(0.5, 1.2)), float(rng.uniform(-0.6, 0.6))
    pos = c.pos
    for n in range(10):
        short = 1.0 - n / 10
        cand = _inside(place, c.pos + _vec(aside * k * short, 0.0, fwd * k * short))
        if _free(place, cand, 0.2):  # type: ignore[arg-type]
            pos = cand
            break
    turn = float(rng.uniform(10, 22)) * float(rng.choice([-1.0, 1.0]))
    return Camera(
        pos, c.yaw + turn, c.pitch + float(rng.uniform(-5, 3)), c.hfov + float(rng.uniform(-6, 4))
    )


# --- views ----------------------------------------------------------------------------------------


def _rejpeg(img: U8, quality: int) -> U8:
    """``img`` through a JPEG encoder and decoder at ``quality``."""
    back = cv2.imdecode(np.frombuffer(_jpeg(img, quality), np.uint8), cv2.IMREAD_COLOR)
    assert back is not None
    return np.ascontiguousarray(np.asarray(back, np.uint8)[:, :, ::-1])


def _laid(h: int, w: int, mask: F32, x: int, y: int) -> F32:
    """An ``h`` x ``w`` frame holding ``mask`` with its corner at ``x``, ``y`` (clipped)."""
    out = np.zeros((h, w), np.float32)
    mh, mw = mask.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + mw), min(h, y + mh)
    if x1 > x0 and y1 > y0:
        out[y0:y1, x0:x1] = mask[y0 - y : y1 - y, x0 - x : x1 - x]
    return out


def forwarded(img: U8, rng: Rng) -> U8:
    """The picture forwarded from chat to chat: three to five passes of a messaging app,
    each shrinking it by 5-20 % (never below 60 % of the original width) and saving it
    at JPEG quality 60-80, then shown full size again (scaled back up)."""
    h, w = img.shape[:2]
    cur = np.ascontiguousarray(img)
    scale = 1.0
    for _ in range(int(rng.integers(3, 6))):
        scale = max(0.6, scale * float(rng.uniform(0.8, 0.95)))
        size = (max(16, round(w * scale)), max(12, round(h * scale)))
        cur = np.asarray(cv2.resize(cur, size, interpolation=cv2.INTER_AREA), np.uint8)
        cur = _rejpeg(cur, int(rng.integers(60, 81)))
    return np.asarray(cv2.resize(cur, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)


def pinch_zoom(img: U8, rng: Rng) -> U8:
    """The picture pinched open in a phone's gallery and screenshotted: a part 55-72 % of
    its width and height (anywhere in it) zoomed to fill the screen, turned up to 3
    degrees (the gallery's straighten), sharpened as phones do, a status bar (the time
    and the battery) over the top 5 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = float(rng.uniform(0.55, 0.72))
    cw, ch = w * k, h * k
    cx = float(rng.uniform(cw / 2, w - cw / 2))
    cy = float(rng.uniform(ch / 2, h - ch / 2))
    mat = cv2.getRotationMatrix2D((cx, cy), float(rng.uniform(-3, 3)), 1 / k)
    mat[0, 2] += w / 2 - cx
    mat[1, 2] += h / 2 - cy
    out = np.asarray(
        cv2.warpAffine(img, mat, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT),
        np.float32,
    )
    soft = np.asarray(cv2.GaussianBlur(out, (0, 0), 1.2), np.float32)
    out = out + 0.6 * (out - soft)
    bar = max(3, int(h * 0.05))
    out[:bar] = out[:bar] * 0.35
    _say(
        out,
        rng,
        f"{int(rng.integers(0, 24))}:{int(rng.integers(10, 60))}",
        max(3, int(8 * s)),
        bar - max(1, bar // 5),
        max(2, bar * 2 // 3),
        (250, 250, 250),
    )
    bx = w - max(10, int(24 * s))
    cv2.rectangle(out, (bx, bar // 4), (bx + max(6, int(14 * s)), bar * 3 // 4), (250, 250, 250), 1)
    return _u8(out)


def window_light(img: U8, rng: Rng) -> U8:
    """The place re-photographed in a window's daylight: light falling from one side (the
    frame 1.35-1.6 times as bright at that edge, 0.7-0.85 at the other), a slanted patch
    of sun (+25-40 %) on the lower half, a cool cast (blue x1.05-1.12, red x0.9-0.96),
    the brightest parts clipped."""
    h, w = img.shape[:2]
    _yy, xx = _grid(h, w)
    t = np.asarray(xx, np.float32) / max(1, w - 1)
    if rng.random() < 0.5:
        t = 1 - t
    lo, hi = float(rng.uniform(0.7, 0.85)), float(rng.uniform(1.35, 1.6))
    light = lo + (hi - lo) * (1 - t) ** 1.5
    patch = np.zeros((h, w), np.float32)
    near = float(t[0, 0] < 0.5)
    x0 = int(w * float(rng.uniform(0.05, 0.3)))
    if not near:
        x0 = w - x0 - int(w * 0.3)
    pw, slant = int(w * float(rng.uniform(0.2, 0.35))), int(w * float(rng.uniform(0.1, 0.25)))
    y0, y1 = int(h * float(rng.uniform(0.5, 0.62))), int(h * float(rng.uniform(0.85, 1.0)))
    pts = np.array([[x0, y0], [x0 + pw, y0], [x0 + pw + slant, y1], [x0 + slant, y1]], np.int32)
    cv2.fillPoly(patch, [pts], 1.0)
    patch = np.asarray(cv2.GaussianBlur(patch, (0, 0), max(1.0, w * 0.01)), np.float32)
    light = light + float(rng.uniform(0.25, 0.4)) * patch
    cast = np.array([rng.uniform(0.9, 0.96), 1.0, rng.uniform(1.05, 1.12)], np.float32)
    out = img.astype(np.float32) * light[:, :, None] * cast
    return _noise(_u8(out), rng, 1.5)


def lamp_light(img: U8, rng: Rng) -> U8:
    """The place re-photographed at night by its lamps: 30-45 % of the light, two to four
    warm pools of lamplight (each adding 60-100 % at its middle, 12-22 % of the width
    across), a warm cast (red x1.15-1.25, blue x0.62-0.75), darker corners, sensor
    noise (sigma 3)."""
    h, w = img.shape[:2]
    yy, xx = _grid(h, w)
    light = np.full((h, w), float(rng.uniform(0.3, 0.45)), np.float32)
    for _ in range(int(rng.integers(2, 5))):
        cx, cy = float(rng.uniform(0.1, 0.9)) * w, float(rng.uniform(0.15, 0.7)) * h
        sig = float(rng.uniform(0.12, 0.22)) * w
        d2 = (np.asarray(xx, np.float32) - cx) ** 2 + (np.asarray(yy, np.float32) - cy) ** 2
        light += float(rng.uniform(0.6, 1.0)) * np.exp(-d2 / (2 * sig * sig))
    r2 = (np.asarray(xx, np.float32) / w - 0.5) ** 2 + (np.asarray(yy, np.float32) / h - 0.5) ** 2
    light *= 1 - 0.5 * r2
    cast = np.array([rng.uniform(1.15, 1.25), 1.0, rng.uniform(0.62, 0.75)], np.float32)
    out = img.astype(np.float32) * light[:, :, None] * cast
    return _noise(_u8(out), rng, 3.0)


def flash_lit(img: U8, rng: Rng) -> U8:
    """The place re-photographed with the phone's flash in a dim room: 20-35 % of the
    room's light, the flash falling off from near the middle (1.2-1.5 times the light
    there, half of that 28-40 % of the half-diagonal out), a cold cast, a clipped hot
    spot (the flash's reflection, 1.5-3 % of the width across) near the middle."""
    h, w = img.shape[:2]
    yy, xx = _grid(h, w)
    cx = w / 2 + float(rng.uniform(-0.08, 0.08)) * w
    cy = h / 2 + float(rng.uniform(-0.08, 0.08)) * h
    r0 = float(rng.uniform(0.28, 0.4)) * float(np.hypot(w, h)) / 2
    d2 = ((np.asarray(xx, np.float32) - cx) ** 2 + (np.asarray(yy, np.float32) - cy) ** 2) / r0**2
    light = float(rng.uniform(0.2, 0.35)) + float(rng.uniform(1.2, 1.5)) / (1 + d2)
    cast = np.array([rng.uniform(0.94, 0.98), 1.0, rng.uniform(1.03, 1.08)], np.float32)
    out = img.astype(np.float32) * light[:, :, None] * cast
    spot = np.zeros((h, w), np.float32)
    sx = int(cx + float(rng.uniform(-0.12, 0.12)) * w)
    sy = int(cy + float(rng.uniform(-0.12, 0.12)) * h)
    rad = max(2, int(w * float(rng.uniform(0.015, 0.03)) / 2))
    cv2.ellipse(
        spot, (sx, sy), (rad, max(1, rad * 2 // 3)), float(rng.uniform(0, 180)), 0.0, 360.0, 1.0, -1
    )
    spot = np.maximum(
        spot, np.asarray(cv2.GaussianBlur(spot, (0, 0), max(1.0, rad * 0.8)), np.float32) * 0.8
    )
    out = out * (1 - spot[:, :, None]) + 255.0 * spot[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def night_phone(img: U8, rng: Rng) -> U8:
    """The place re-photographed on a phone in the dark: 12-20 % of the light, read
    noise and blotches of colour noise, pushed back up x2.8-4 by the phone, half its
    colour gone (35-50 % grey), the blacks lifted, a shake of 2-5 px (at 400 wide), the
    phone's denoising smear."""
    h, w = img.shape[:2]
    s = _scale(w)
    f = img.astype(np.float32) * float(rng.uniform(0.12, 0.2))
    f += rng.normal(0.0, float(rng.uniform(1.2, 2.0)), f.shape).astype(np.float32)
    for c in range(3):
        f[:, :, c] += (_field(rng, w, h, max(3, w // 40)) - 0.5) * float(rng.uniform(2, 4))
    f *= float(rng.uniform(2.8, 4.0))
    grey = f.mean(axis=2, keepdims=True)
    mix = float(rng.uniform(0.35, 0.5))
    f = f * (1 - mix) + grey * mix + float(rng.uniform(8, 14))
    n = max(2, int(float(rng.uniform(2, 5)) * s))
    kernel = np.zeros((n, n), np.float32)
    a = float(rng.uniform(0, np.pi))
    cv2.line(
        kernel,
        (int(n / 2 - np.cos(a) * n / 2), int(n / 2 - np.sin(a) * n / 2)),
        (int(n / 2 + np.cos(a) * (n - 1) / 2), int(n / 2 + np.sin(a) * (n - 1) / 2)),
        1.0,
        1,
    )
    kernel /= max(1e-6, float(kernel.sum()))
    f = np.asarray(cv2.filter2D(f, -1, kernel), np.float32)
    return np.asarray(cv2.medianBlur(_u8(f), 3), np.uint8)


def dash_screen(img: U8, rng: Rng) -> U8:
    """The picture on a car's dashboard screen, photographed from a front seat: a dark
    dashboard of grained plastic, the screen (62-74 % of the frame's width, 16:10) in a
    black bezel, a status bar over its top and a strip of app icons down its left (the
    picture fitted in the rest), air vents under it, a diagonal glare (18-28 % white)
    across it, seen from one side (the far side 86-94 % of the near one's height)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _grained(rng, w, h, _pick(rng, [(34, 34, 38), (50, 46, 42), (24, 26, 30)]), 2.0).astype(
        np.float32
    )
    sw = int(w * float(rng.uniform(0.62, 0.74)))
    sh = min(int(sw * 10 / 16), int(h * 0.72))
    x0 = (w - sw) // 2 + int(rng.integers(-max(1, w // 30), max(2, w // 30)))
    y0 = int(h * float(rng.uniform(0.06, 0.14)))
    bez = max(2, int(6 * s))
    out[max(0, y0 - bez) : y0 + sh + bez, max(0, x0 - bez) : x0 + sw + bez] = (8, 8, 10)
    strip = max(6, int(sw * 0.1))
    bar = max(4, int(sh * 0.08))
    out[y0 : y0 + sh, x0 : x0 + sw] = (18, 20, 26)
    for k in range(5):
        cy = y0 + bar + (sh - bar) * (2 * k + 1) // 10
        cv2.circle(out, (x0 + strip // 2, cy), max(2, strip // 3), _c(rng, 60, 240), -1)
    _say(
        out,
        rng,
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}",
        x0 + strip + 3,
        y0 + bar - 1,
        max(2, bar * 2 // 3),
        (230, 230, 236),
    )
    _paste_f(out, _fit(img, sw - strip, sh - bar), x0 + strip, y0 + bar)
    yy, xx = _grid(h, w)
    slope = float(rng.uniform(0.4, 1.2))
    off = float(rng.uniform(0.2, 0.8)) * w
    band = np.abs(
        (np.asarray(xx, np.float32) - off) - slope * np.asarray(yy, np.float32)
    ) < w * float(rng.uniform(0.05, 0.12))
    glare = np.asarray(
        cv2.GaussianBlur(band.astype(np.float32), (0, 0), max(1.0, 6 * s)), np.float32
    )
    inside = np.zeros((h, w), np.float32)
    inside[y0 : y0 + sh, x0 : x0 + sw] = 1.0
    g = glare * inside * float(rng.uniform(0.18, 0.28))
    out = out * (1 - g[:, :, None]) + 255.0 * g[:, :, None]
    vy = y0 + sh + bez + max(3, int(10 * s))
    for y in range(vy, min(h - 2, vy + max(8, int(30 * s))), max(2, int(5 * s))):
        cv2.line(out, (x0 + sw // 6, y), (x0 + sw // 2 - 4, y), (70, 70, 74), max(1, int(2 * s)))
        cv2.line(
            out, (x0 + sw // 2 + 4, y), (x0 + sw * 5 // 6, y), (70, 70, 74), max(1, int(2 * s))
        )
    far = float(rng.uniform(0.86, 0.94))
    dy = h * (1 - far) / 2
    left_near = rng.random() < 0.5
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = np.array(
        [
            [0, 0 if left_near else dy],
            [w, dy if left_near else 0],
            [w, h - (dy if left_near else 0)],
            [0, h - (0 if left_near else dy)],
        ],
        np.float32,
    )
    seen = cv2.warpPerspective(
        out, cv2.getPerspectiveTransform(src, dst), (w, h), borderMode=cv2.BORDER_REPLICATE
    )
    return _noise(_u8(np.asarray(seen)), rng, 2.0)


def cushion(img: U8, rng: Rng) -> U8:
    """The picture printed on a square cushion on a sofa, photographed: the cushion (a
    square from the picture's middle, 56-70 % of the frame's height) stuffed (its edges
    pulled in 6-10 % at their middles, the print darker towards them, x0.62 at the
    edge), the fabric's weave over it, a piping round it, turned up to 14 degrees, its
    shadow on the sofa's seat and back behind it."""
    h, w = img.shape[:2]
    s = _scale(w)
    sofa = _pick(rng, [(120, 110, 100), (60, 70, 90), (150, 60, 50), (90, 110, 80)])
    out = _grained(rng, w, h, sofa, 2.0).astype(np.float32)
    seat_y = int(h * float(rng.uniform(0.7, 0.8)))
    out[seat_y:] *= 0.85
    cv2.line(out, (0, seat_y), (w - 1, seat_y), _shade(sofa, 0.6), max(1, int(3 * s)))
    for x in (int(w * float(rng.uniform(0.02, 0.12))), int(w * float(rng.uniform(0.88, 0.98)))):
        cv2.line(out, (x, 0), (x, seat_y), _shade(sofa, 0.7), max(1, int(2 * s)))
    side = max(8, int(h * float(rng.uniform(0.56, 0.7))))
    pic = _fit(img, side, side).astype(np.float32)
    yy, xx = _grid(side, side)
    weave = ((np.asarray(xx) % 3 == 0) | (np.asarray(yy) % 3 == 0)).astype(np.float32)
    pic *= (1 - 0.05 * weave)[:, :, None]
    big = int(side * 1.3)
    a = float(rng.uniform(0.06, 0.1))
    theta = np.radians(float(rng.uniform(-14, 14)))
    gy, gx = _grid(big, big)
    u = (np.asarray(gx, np.float32) - big / 2) / (side / 2)
    v = (np.asarray(gy, np.float32) - big / 2) / (side / 2)
    ur = u * np.cos(theta) + v * np.sin(theta)
    vr = -u * np.sin(theta) + v * np.cos(theta)
    su = ur / (1 - a * (1 - np.clip(vr, -1, 1) ** 2))
    sv = vr / (1 - a * (1 - np.clip(ur, -1, 1) ** 2))
    mask = ((np.abs(su) <= 1) & (np.abs(sv) <= 1)).astype(np.float32)
    map_x = ((su + 1) / 2 * (side - 1)).astype(np.float32)
    map_y = ((sv + 1) / 2 * (side - 1)).astype(np.float32)
    face = np.asarray(
        cv2.remap(pic, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT), np.float32
    )
    edge = np.clip(np.maximum(np.abs(su), np.abs(sv)), 0, 1)
    face *= (1 - 0.38 * edge**3)[:, :, None]
    cx = w // 2 + int(rng.integers(-max(1, w // 10), max(2, w // 10)))
    cy = min(h - big // 2, int(h * 0.5))
    shadow = _laid(h, w, mask, cx - big // 2 + int(6 * s), cy - big // 2 + int(8 * s))
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 8 * s)), np.float32)
    out *= (1 - 0.45 * shadow)[:, :, None]
    ring = mask - np.asarray(
        cv2.erode(mask, np.ones((3, 3), np.uint8), iterations=max(1, int(2 * s))), np.float32
    )
    piping = np.array(_shade(sofa, 0.8), np.float32)
    face = face * (1 - ring[:, :, None]) + piping * ring[:, :, None]
    _blend(out, face, cx - big // 2, cy - big // 2, mask)
    return _noise(_u8(out), rng, 2.0)


def shower_curtain(img: U8, rng: Rng) -> U8:
    """The picture printed on a shower curtain, photographed in the bathroom: the curtain
    70-85 % of the frame's width hanging from rings on a rail, its folds (every 7-11 % of
    its width) shifting the print sideways by 12-20 % of a fold and shading it (the
    troughs x0.6-0.75), a wavy hem; tiles round it."""
    h, w = img.shape[:2]
    s = _scale(w)
    tile = _pick(rng, [(236, 236, 232), (200, 220, 226), (60, 64, 70), (220, 210, 190)])
    out = _tiles(rng, w, h, max(4, int(18 * s)), tile, _shade(tile, 0.8)).astype(np.float32)
    cw = int(w * float(rng.uniform(0.7, 0.85)))
    x0 = (w - cw) // 2 + int(rng.integers(-max(1, (w - cw) // 3), max(2, (w - cw) // 3)))
    y0 = int(h * float(rng.uniform(0.05, 0.09)))
    y1 = int(h * float(rng.uniform(0.94, 1.0)))
    ch = y1 - y0
    pic = _fit(img, cw, ch).astype(np.float32)
    period = cw * float(rng.uniform(0.07, 0.11))
    phase = float(rng.uniform(0, 2 * np.pi))
    amp = period * float(rng.uniform(0.12, 0.2))
    yy, xx = _grid(ch, cw)
    wave = 2 * np.pi * np.asarray(xx, np.float32) / period + phase
    map_x = np.clip(np.asarray(xx, np.float32) + amp * np.sin(wave), 0, cw - 1).astype(np.float32)
    map_y = np.asarray(yy, np.float32)
    curtain = np.asarray(cv2.remap(pic, map_x, map_y, cv2.INTER_LINEAR), np.float32)
    depth = float(rng.uniform(0.25, 0.4))
    curtain *= (1 - depth * (0.5 + 0.5 * np.cos(wave)))[:, :, None]
    mask = np.ones((ch, cw), np.float32)
    hem = (0.5 + 0.5 * np.sin(wave[0])) * max(2, int(8 * s))
    mask[np.asarray(yy) > (ch - 1 - hem)[None, :]] = 0.0
    _blend(out, curtain, x0, y0, mask)
    rail_y = max(1, y0 - max(2, int(5 * s)))
    cv2.line(out, (0, rail_y), (w - 1, rail_y), (200, 202, 206), max(2, int(3 * s)))
    step = max(3, int(period / 2))
    for x in range(x0 + step // 2, x0 + cw, step):
        cv2.circle(
            out,
            (x, rail_y + max(1, int(3 * s))),
            max(2, int(4 * s)),
            (230, 232, 236),
            max(1, int(s)),
        )
    return _noise(_u8(out), rng, 2.0)


def handheld(img: U8, rng: Rng) -> U8:
    """The picture on a handheld games console's small screen, photographed on a table:
    the console (72-86 % of the frame's width, rounded) in a colour, its screen 34-42 %
    of the frame's width (4:3) in a dark bezel showing the picture at 80-112 pixels
    across (blown up into blocks) in 32 levels a channel, a cross pad and four buttons
    beside it, speaker holes; turned up to 6 degrees."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _wood(rng, w, h, _wood_tone(rng), 6).astype(np.float32)
    sw = int(w * float(rng.uniform(0.34, 0.42)))
    sh = sw * 3 // 4
    bw = min(w - 4, int(w * float(rng.uniform(0.72, 0.86))))
    bh = min(h - 4, max(sh + int(sh * 0.35), int(bw * 0.45)))
    bx, by = (w - bw) // 2, (h - bh) // 2
    body = _pick(rng, [(200, 40, 50), (40, 90, 180), (230, 230, 226), (50, 50, 56), (240, 190, 40)])
    _shadow(out, bx + int(5 * s), by + int(6 * s), bw, bh, 6 * s, 0.5)
    _blend(out, np.full((bh, bw, 3), body, np.float32), bx, by, _rounded(bh, bw, bh // 4))
    sx, sy = (w - sw) // 2, (h - sh) // 2
    bez = max(3, int(8 * s))
    out[sy - bez : sy + sh + bez, sx - bez : sx + sw + bez] = (30, 30, 34)
    lw = int(rng.integers(80, 113))
    lh = max(4, lw * 3 // 4)
    low = _fit(img, lw, lh)
    low = (low // 8 * 8 + 4).astype(np.uint8)
    screen = np.asarray(cv2.resize(low, (sw, sh), interpolation=cv2.INTER_NEAREST), np.float32)
    _paste_f(out, screen, sx, sy)
    pad_x = (bx + sx - bez) // 2
    arm, thick = max(4, int(14 * s)), max(2, int(5 * s))
    cv2.rectangle(
        out, (pad_x - arm, h // 2 - thick), (pad_x + arm, h // 2 + thick), (30, 30, 34), -1
    )
    cv2.rectangle(
        out, (pad_x - thick, h // 2 - arm), (pad_x + thick, h // 2 + arm), (30, 30, 34), -1
    )
    btn_x = (sx + sw + bez + bx + bw) // 2
    for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
        cv2.circle(
            out, (btn_x + dx * arm, h // 2 + dy * arm), max(2, int(6 * s)), _c(rng, 30, 230), -1
        )
    for k in range(3):
        cv2.circle(
            out,
            (bx + bw - max(6, bw // 10) + k * max(2, int(4 * s)), by + bh - max(6, bh // 8)),
            max(1, int(1.5 * s)),
            _shade(body, 0.5),
            -1,
        )
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-6, 6)), 1.0)
    turned = cv2.warpAffine(_u8(out), mat, (w, h), borderMode=cv2.BORDER_REFLECT)
    return _noise(np.asarray(turned, np.uint8), rng, 2.0)


def postcard_rack(img: U8, rng: Rng) -> U8:
    """The picture as one postcard in a shop's wire rack, photographed: four or five
    columns of three rows of pockets, a made-up landscape or pattern on every other
    card, the picture (in a white border) on one, each card 18-24 % of the frame's width
    (landscape), its lower 22-34 % behind its pocket's wire lip and price tag, the rack's
    uprights; seen from one side (the far side 88-94 % of the near one's height)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _grained(
        rng, w, h, _pick(rng, [(226, 220, 208), (190, 200, 206), (200, 180, 160)]), 2.0
    ).astype(np.float32)
    cw = int(w * float(rng.uniform(0.18, 0.24)))
    ch = int(cw * 0.7)
    cols = 5 if 5 * cw + 6 * max(2, int(6 * s)) < w else 4
    gap = max(2, (w - cols * cw) // (cols + 1))
    rows = 3
    rh = max(ch // 2, (h - 2 * gap) // rows)
    pick = (int(rng.integers(0, rows)), int(rng.integers(0, cols)))
    wire = (60, 62, 66)
    for i in range(rows):
        top = gap + i * rh
        hide = float(rng.uniform(0.22, 0.34))
        for j in range(cols):
            x = gap + j * (cw + gap)
            card = np.full((ch, cw, 3), 250, np.float32)
            bd = max(1, int(cw * 0.05))
            inner = (cw - 2 * bd, ch - 2 * bd)
            if (i, j) == pick:
                face = _fit(img, *inner).astype(np.float32)
            elif rng.random() < 0.6:
                face = _landscape(rng, *inner).astype(np.float32)
            else:
                face = _graphic(rng, *inner, _c(rng, 40, 230)).astype(np.float32)
            card[bd : bd + inner[1], bd : bd + inner[0]] = face[: inner[1], : inner[0]]
            _shadow(out, x + 2, top + 2, cw, ch, 2 * s, 0.3)
            _paste_f(out, card, x, top)
            lip = top + int(ch * (1 - hide))
            cv2.rectangle(
                out, (x - 1, lip), (x + cw, top + ch + max(2, int(4 * s))), (214, 208, 196), -1
            )
            for yy in range(lip, top + ch + max(2, int(4 * s)), max(2, int(4 * s))):
                cv2.line(out, (x - 1, yy), (x + cw, yy), wire, 1)
            tag = (x + cw // 2 - max(3, int(8 * s)), lip + max(1, int(2 * s)))
            cv2.rectangle(
                out,
                tag,
                (tag[0] + max(6, int(16 * s)), tag[1] + max(3, int(8 * s))),
                (250, 230, 60),
                -1,
            )
    for j in range(cols + 1):
        x = gap // 2 + j * (cw + gap) - 1
        cv2.line(out, (x, 0), (x, h - 1), wire, max(1, int(2 * s)))
    far = float(rng.uniform(0.88, 0.94))
    dy = h * (1 - far) / 2
    left_near = rng.random() < 0.5
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = np.array(
        [
            [0, 0 if left_near else dy],
            [w, dy if left_near else 0],
            [w, h - (dy if left_near else 0)],
            [0, h - (0 if left_near else dy)],
        ],
        np.float32,
    )
    seen = cv2.warpPerspective(
        out, cv2.getPerspectiveTransform(src, dst), (w, h), borderMode=cv2.BORDER_REPLICATE
    )
    return _noise(_u8(np.asarray(seen)), rng, 2.0)


def views_v30(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v30's twelve pictures of a place (see the module's docstring)."""
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
    out["forwarded"] = _jpeg(forwarded(photo, rng), int(rng.integers(72, 81)))
    out["pinchzoom"] = _png(pinch_zoom(photo, rng))
    out["twosteps"] = _jpeg(_noise(render(planes, stepped(place, rng), w, h), rng, 2.0), 90)
    out["windowlight"] = _jpeg(window_light(shot(0.3, 8), rng), 90)
    out["lamplight"] = _jpeg(lamp_light(shot(0.3, 8), rng), 85)
    out["dashscreen"] = _jpeg(dash_screen(shot(0.4, 12), rng), 85)
    out["flashlit"] = _jpeg(flash_lit(shot(0.4, 12), rng), 85)
    out["cushion"] = _jpeg(cushion(shot(0.4, 12), rng), 85)
    out["showercurtain"] = _jpeg(shower_curtain(shot(0.4, 12), rng), 85)
    out["nightphone"] = _jpeg(night_phone(shot(0.4, 12), rng), 78)
    out["handheld"] = _jpeg(handheld(shot(0.4, 12), rng), 85)
    out["postcardrack"] = _jpeg(postcard_rack(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v30", room=room_v30, views=views_v30)


def main() -> None:
    dry_run("v30", make_pictures, place_kind)


if __name__ == "__main__":
    main()

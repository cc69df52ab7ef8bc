"""Generator v31 of ``bench/link.py``: benign places (council chambers, airport security
halls, station cycle hubs, bingo halls, exam halls, traffic control rooms, register office
ceremony rooms, banqueting suites) as a picture e-mailed at medium size, a trimmed copy, a
shot from a crouch, dusk with the lights off, a cloud photo app's screenshot, a shot
against the light, a web forum's thread, a printed mouse mat, a dim digital zoom, a
biscuit tin's lid, a paperback's cover and a coaster under a glass show them, held out.

Written blind, like v6-v30: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml`` (printed on their own, lines
123-165), ``bench/link_rooms_v30.py`` whole (for the interface, the truth format, the
place model and the primitives imported below), ``tests/bench/test_link_rooms_v30.py``
and ``tests/bench/conftest.py`` whole (for the shape of the tests),
``bench/link_rooms_check.py`` whole (the crash check, run below) and, in ``bench/link.py``,
only the generator plumbing: a grep for ``v30`` and the lines round each hit (the imports
at 84-92, ``GENERATORS`` and ``VIEWS`` at 630-700, which showed the last lines of the
generic ``views`` before them and the first line of ``_skimage_scene`` after, and
``main``'s arguments at 1360-1395, which showed the end of the verify-option parser before
it). Of ``bench/link_rooms_v6.py``-``v30.py`` only the first paragraph of their
docstrings and their ``KINDS``, ``GROUPS``, ``VIEW_KINDS`` and ``*_SEED`` constants
(printed by importing the modules; v31's names are checked against them by the tests),
and what a grep of v6-v29 found for words v31 considered: the list of files for cookery,
cooking school, council, sorting, barrel, cellar, cash and carry, warehouse, soft play,
security hall, screening, cycle hub, cycle park, cable car, gondola, kitchenette, removal,
hire van, emailed, email, crouch, blue hour, bluehour, trimmed, backlit, dimzoom, album,
forum, paperback, phone case, phonecase, mousemat, mouse mat, corkboard, cork, x-ray,
airport security, bingo, exam hall, examination, control room, register office, wedding,
bookshop, crazy golf, mini golf, distill, ballroom, banquet, charging, dojo, cycle, bike
park, bicycle park, upholster, function room and video wall, and the hits, one line each,
cut to 60 characters either side of the word (at most four to eight a word), for cookery,
council, soft play, cable car, kitchenette, cellar, warehouse, backlit, phone case,
sorting, gondola, cork, x-ray, examination, wedding, distill, banquet, charging, dojo,
cycle, upholster, toll, crane cab, tower crane, lorry, sleeper cab, shepherd, hire van,
luton, removal, ceremony, bingo, traffic, lock screen, lockscreen, mosaic, lego, place
mat, blue hour, against the light, againstlight, crane, seat-back, seatback, in-flight,
inflight, coaster, mouse, paperback, book cover, cork board, pinboard, notice board,
biscuit, tin lid, slate, forum, album app, photo app and cloud. Nothing else of any older
generator was read (no slip to report). None of v31's kinds, groups or views is a kind,
group or view of v6-v30 (the tests check the names against the ``KINDS``, ``GROUPS`` and
``VIEW_KINDS`` of v6-v30's modules). Ideas were dropped because an older generator had
dropped them or had something close: a cookery school (v25 dropped its stations), a mail
sorting office (v28 dropped a mailroom: v18's post office's sorting frame), a soft play
centre (v29), a wine cellar of barrels (v26), a cash and carry's racking (v24 dropped
warehouse aisles), cable car cabins (v23, v26), office kitchenettes (v24; v14's show flat
kitchens) and toll booths (v24) as look-alikes; as views a phone case (v27), a phone's
lock screen (v27), a cork board (v22) and a toy-brick mosaic (v22). The nearest kept: a
council chamber is a room of seats like v20's lecture theatres and v16's meeting rooms
(delegate desks in rows before a dais); an airport security hall is a hall of travel like
v18's departure lounge and v30's baggage reclaim hall (X-ray lanes and arches); a station
cycle hub shows bicycles like v16's bike shop and is covered parking like v12's car park
(two-tier racks); a bingo hall is a hall of games like v18's amusement arcade (long tables,
a flashboard); an exam hall is a sports hall like v13's (single desks in a grid); a
traffic control room is a room of screens like v16's server room and v24's signal box
(consoles before a video wall; v27 dropped an air traffic control cab, for reasons not
read); a register office ceremony room and a banqueting suite are halls of chairs like
v13's and v15's halls (rows either side of an aisle; round tables). Of the groups: a tower
crane cab is a cab up high like v29's wind turbine nacelle, a shepherd's hut one of a
maker's huts like v17's beach huts and v20's allotment sheds, a hire van's load space a
vehicle like v30's food truck (v12 drew a removal firm's blanket once, by the one line
read). Of the views, by their names only (no older view's code was read): ``emailed``
re-encodes like v10's ``resaved``, v15's ``reshared`` and v30's ``forwarded`` (one deep
shrink, not a chain); ``trimmed`` crops like v7's ``crop`` and v30's ``pinchzoom`` (every
edge its own cut, the shape changed); ``crouched`` moves the camera down like v10's
``childeye`` (and turns and tilts it up); ``bluehour`` changes the light like v6's
``night`` and v8's ``evening``; ``againstlight`` glares like v13's ``flare`` and v14's
``sunpatch``; ``dimzoom`` is dim like v9's ``lowlight`` and v30's ``nightphone`` but
zoomed; ``cloudalbum`` and ``forumthread`` are screenshots of an app like v29's
``burstpicker`` and v18's ``listing``; ``mousemat``, ``biscuittin``, ``paperback`` and
``coaster`` print the picture on things like v21's ``tshirt``, v20's ``mug``, v17's
``magazine`` and v22's ``photocake``. No source of an older primitive was read: they are
called as v30 calls them (v30's own helpers are imported from it). The worktree's
``.venv`` is a link to a ready virtualenv; nothing was installed. Sheets of the originals
of 22 places (two of every kind, three of every group) and of the twelve views of two
places at 320x240 were looked at (after which the council chairs were made lower and the
crane cab's seat smaller). ``mypy`` and ``ruff`` were run. Nothing of the linker's code,
tests, docs or results was read, and neither the linker nor ``bench.link`` was ever run
(not even ``--help``): keep it for a held-out run, once: ``python -m bench.link --name
link-v31-heldout --generator v31 --no-real --size 400x300 --rooms 315 --workers 2
--skip-costs``. v9's projective renderer, v6's picture writer and dry run, v13's place
model, v14's belongings, v15's doors and sky, v16's colour ramp and aiming, v17's building
state, clearance test, shell planes and grained paint, v18's colour picker, v19's small
helpers, v20's builder state with the kinds' model generator, its place model (made v31's
by a subclass with v31's kinds and day seeds) and loose things of a day, v21's wall boxes,
v22's grid, v24's concrete, boards and wall openings, v27's sheets and landscapes, v28's
shelves, spots and fitting, v29's graphics, pots, bottles, rounded masks, blending,
shadows, stripes and lettering, v30's signs, screens of text, hung goods, books, JPEG
round trip and mask placing and small drawing primitives of v10-v12 are imported; v30's
place builder, cameras, moves and print place are copied with v31's kinds, seeds and
shares; the kinds of place, their builders, the kinds' mass-produced things, the wear, the
look-alikes and their scheme, the ``crouched`` camera and every view are v31's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v31 --rooms 100 --size 400x300
--out /tmp/v31``.

**What a place is.** As v30's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, video walls, crests, signs, paintings, curtains, doors) and
furniture, machines and vehicles as 3-D boxes. Loose things (v20's) change from day to
day. Two pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(2_200_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([2_208_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own, but each
stands at least once in every place of its kind:

- *council chamber*: the delegate desk with its microphone, the high-backed chair (one a
  desk, in two to four rows);
- *airport security hall*: the X-ray scanner, the roller table (two a scanner), the
  walk-through arch (one a lane; two to five lanes);
- *station cycle hub*: the two-tier rack (one a row, two to four rows), the repair stand
  and pump;
- *bingo hall*: the long bingo table (many, in a grid), the flashboard (one);
- *exam hall*: the single exam desk and the stacking chair (one a desk; a grid of up to
  11 x 10);
- *traffic control room*: the operator console with its bank of monitors, the operator
  chair (one to three rows);
- *register office ceremony room*: the ceremony chair (rows either side of the aisle), the
  registrar's desk;
- *banqueting suite*: the round table in its cloth, the covered banquet chair (four a
  table).

What is the place's own is a fair share of every picture, not only the floor: the walls'
paint, papers, panelling and their colours, the windows and what they show, the signs,
crests, paintings, boards, screens, murals and curtains, the carpets' and floors' colours
and patterns, the layout (how many rows, lanes and tables and where), the things that are
not the kind's (trays, barriers, bicycles, chairs of a bingo hall, stands, lockers, bars,
lamps, flowers) and the wear (faded and grubby patches and scuffs on every wall, more on
the floors of the busier kinds) are all drawn from the place's own generator. The tests
check that two ordinary places share no texture that is not a plain colour but the kind's
models, that two places of a kind share the same ones, that no place of another kind has
them, and that two places of a kind look different (their originals differ by more than
20 levels on average and correlate under 0.9 at 16 x 12).

**Kinds of place** (sizes width x height x depth in m): a *council chamber* (12-18 x 4-5.5
x 12-18: wood panelling to 1-1.5 m under the council's paint, a patterned carpet, a plaster
ceiling; rows of desks and chairs before a dais with the chair's table, the crest above
it, benches along a side, paintings, tall windows, a clock), an *airport security hall*
(16-26 x 3.4-4.4 x 14-22: clad walls with a band, a studded rubber or tiled floor, light
strips; lanes of roller table, scanner and roller table with an arch beside, stacks of
trays, queue barriers of belts and posts, a supervisor's desk, liquids signs, a lit
advert), a *station cycle hub* (9-16 x 2.7-3.3 x 12-20: painted concrete with a stripe, a
resin floor with a painted lane, a soffit with pipes; long two-tier racks with the users'
bicycles on both tiers, the repair stand, lockers, a bay sign, a mural, a notice board), a
*bingo hall* (14-22 x 3.5-4.5 x 16-24: a dark or bright colour with a frieze of lights, a
loud carpet, a panel ceiling; long tables with their rows of chairs, the flashboard over
the caller's stand at the back, a bar, a screen, jackpot posters), an *exam hall* (14-20 x
5-6.5 x 14-22: painted block walls, a sports floor with its court lines in the school's
colours, a boarded ceiling; the grid of desks and chairs facing the back, candidate
cards, the exam clock and a board of the times, the invigilator's table, high windows,
wall bars, notices), a *traffic control room* (10-16 x 3-3.6 x 8-12: acoustic panelling,
carpet tiles, a tiled ceiling; the video wall of road cameras, maps and lists across the
back, rows of consoles and chairs before it, a supervisor's desk, a strip of clocks,
charts), a *register office ceremony room* (7-11 x 3-3.8 x 8-12: papered or painted walls
over a dado, a carpet, a plaster ceiling; chairs either side of an aisle runner before
the registrar's desk, flowers on stands, curtained windows, paintings, chandeliers) and a
*banqueting suite* (14-22 x 3.4-4.4 x 14-22: painted walls with panel mouldings, a
patterned carpet, a coffered ceiling; round tables ringed by chairs, a dance floor of
parquet or squares, a stage with a top table, a bar, curtained windows, chandeliers);
and, as look-alikes only, a *tower crane cab* (1.7-1.9 x 2.1-2.3 x 1.9-2.2), a
*shepherd's hut* (2.2-2.4 x 2.2-2.45 x 4.2-5) and a *hire van load space* (1.7-1.8 x
1.75-1.9 x 3.3-4.1). No person or animal is drawn anywhere, nor any figure of one (the
forum's avatars are an initial in a circle).

**Views (none of their names used in v6-v30), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.25-0.35 in the look-alikes; up to
0.08 m in height), turned up to 12 degrees and tilted up to 4 (the first of 8 moves that
leaves it 0.15 m clear of every thing, else not moved), with sensor noise (sigma 2).
``emailed``, ``trimmed``, ``cloudalbum`` and ``forumthread`` start from the original
picture itself (a copy of the same photograph), ``crouched`` from its own camera,
``bluehour`` and ``againstlight`` from a shot moved up to 0.3 m and turned up to 8
degrees, every other from a shot moved up to 0.4 m and turned up to 12. Six are plain
photographic changes (re-encoding, cropping, another viewpoint, other light twice, a dim
noisy phone), two are screenshots of an app framing the picture in its own chrome (the
same app in every picture of the view, with each picture's own text, icons and
thumbnails), four show the picture printed on something. Difficulty as meant, not
measured:

- ``emailed`` (easy): a mail app's "medium" size: shrunk to 38-55 % of the width, saved
  once at JPEG quality 50-68, shown full size again; JPEG 80-88.
- ``trimmed`` (easy): 4-16 % cut off each edge (each its own share), the rest scaled back
  up to the frame (its shape changed a little). JPEG 88.
- ``crouched`` (medium): the place photographed again from a crouch: the camera 0.85-1.15 m
  above the floor (at most 0.55 of the height in the look-alikes), moved up to 0.5 m aside
  and forward (x the look-alikes' share; the first of ten ever shorter moves 0.15 m clear
  of every thing), turned 6-16 degrees to one side, tilted up 2-8. JPEG 90.
- ``bluehour`` (medium): dusk with the lights off: 45-60 % of the light, +10-25 % from
  above, a blue cast (red x0.75-0.85, blue x1.1-1.2), shadows lifted bluish (+6-12),
  noise (sigma 2.5). JPEG 88.
- ``cloudalbum`` (medium): a screenshot of one made-up cloud photo app: the status bar,
  the white top bar (teal back arrow, the album's name and date, share, heart, grid), the
  picture fitted into a black viewer, a strip of six to nine thumbnails of made-up
  pictures with the picture's own outlined in teal, a bottom bar of four icons with one
  teal; the chrome is 33 % of the height. PNG.
- ``againstlight`` (medium to hard): against a window just out of frame: the room 50-65 %
  as bright with crushed shadows (gamma 1.3-1.6), a warm veil of glare (35-55 % at its
  strongest) from a top corner over 35-55 % of the diagonal. JPEG 88.
- ``forumthread`` (medium to hard): a browser's screenshot of one made-up forum
  (``hearthboard.example``): the dark tab strip (two to four tabs), the address bar (the
  thread's own path), the forum's indigo header with its house logo and name, a
  breadcrumb, a post (initial avatar, user name, date, one to three lines), the picture
  46-60 % of the page's width, reply, quote and like buttons, a sidebar of related
  threads. JPEG 85.
- ``mousemat`` (hard): the picture printed on a mouse mat (60-72 % of the width, rounded,
  contrast x0.8-0.9, a weave) on a desk, a keyboard's edge over 0-12 % of its top, a mouse
  (9-13 % of the width) with its cable, seen from the chair (the far edge 82-92 % as
  wide). JPEG 85.
- ``dimzoom`` (hard): a phone's digital zoom in a dim room: a part 50-66 % of the width and
  height (anywhere) at 25-40 % of the light with read noise (sigma 3-5) and colour
  blotches, pushed up x2-3, 30-45 % of its colour gone, a 3x3 median smear, blown up to
  the frame. JPEG 75.
- ``biscuittin`` (hard): the picture on a biscuit tin's lid (62-76 % of the width,
  rounded) inside an embossed metal rim (7-10 % of the lid's width), the tin's side under
  it, a band of shine (+20-35 %), dents (6 %), turned up to 8 degrees, seen at a slant
  (the far edge 86-94 % as wide). JPEG 85.
- ``paperback`` (very hard): the picture cut to a 2:3 cover from its middle, under a title
  band (18-26 % of the cover) and an author's band, one of four to seven paperbacks (26-34
  % of the width) lying at up to 10 degrees on a table, the others' covers made up. JPEG
  85.
- ``coaster`` (very hard): a disc from the picture's middle (90 % of its height across) on
  a round coaster with a cork rim (its diameter 46-58 % of the height before the slant), a
  glass's base over 38-52 % of it blurring, tinting and brightening what is under it with
  a wet ring, seen from the seat (squashed to 72-86 % of its height). JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 8.1 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in a crane cab, between in a shepherd's hut, much in a hire van.

*The scheme.* Every residue mod 100 is held by some older generator's ``is_distractor``
(v30 said so, and took residues mod 33 instead). Each generator's truth stands alone (a
v31 label never meets a v30 one), but a held-out run of v31 should not repeat v30's
look-alike seeds, so v31 takes a third modulus: a look-alike is a seed whose residue mod 37
is 2 (a crane cab), 13 (a shepherd's hut) or 20 (a hire van), 3 in 37 seeds (8.1 %, within
the 8-10 % asked), so that no stretch of 37 seeds is without one of each. 37 is prime to
33, so by the Chinese remainder theorem v31's slots meet v30's (``seed % 33 in (5, 16,
27)``) on exactly 9 seeds in every 1,221; the residues 2, 13 and 20 were chosen (all under
23, so that a run of 60 holds a pair of each group) so that none of those meetings falls
in the held-out run's 315 seeds (the first are 335, 346 and 390; 6 in 0-999; a test
checks). A template is shared by the three slots of a group in 111 seeds (``group_of(seed)
= seed // 111``): seeds 2, 39 and 76 are three cabs of one site, 113, 150 and 187 three of
another. A held-out run of 315 seeds holds eight templates of three members and one of two
(hire vans 242 and 279), 26 look-alikes (8.3 %); the default ``--rooms 60`` holds a pair of
each group (2 and 39, 13 and 50, 20 and 57).

- *Tower crane cabs of one site*, one a crane's (``seed % 37 == 2``, kind ``tower crane
  cab``; template ``2_201_000_000 + seed // 111``): the size, the painted lower panels, the
  glazing on three sides with the site below and the jib's lattice through the
  windscreen, the ribbed floor mat, the ceiling, the seat between its two joystick
  consoles, the display on its bracket, the heater. The crane's own (little): its number
  plate, a sticker on a frame, a notice sheet and one or two things on the floor (each
  wall differs from a sibling's in under 5 % of its texels). The camera stands 0.25-0.35 m
  in behind the seat, looking down through the windscreen.
- *Shepherd's huts of one maker on one field*, one a keeper's (``seed % 37 == 13``, kind
  ``shepherd's hut``; template ``2_202_000_000 + seed // 111``): the size, the painted
  tongue-and-groove walls, the three windows with the field outside, the floorboards, the
  boarded ceiling, the bed across the back, the stove and its flue, the table. The
  keeper's own (between): the curtains beside every window, two to four pictures, a shelf
  of books, jars or pots (0.8-1.2 m), coats on the hooks, the rug, the duvet, cushions and
  things on the table (walls differ in under half their texels). The camera stands
  0.3-0.45 m in at the door.
- *Hire vans of one firm*, one a hirer's (``seed % 37 == 20``, kind ``hire van load
  space``; template ``2_203_000_000 + seed // 111``): the size, the ply lining with its tie
  rails, the steel bulkhead with the window to the cab, the ply floor with its lashing
  rings, the ribbed roof with its light, the wheel arches. The hirer's own (much): removal
  blankets hung over the rails on both sides and the bulkhead (60-90 % of each wall's
  length, up to 1.3-1.7 m; walls differ in over 40 % of their texels), their straps, four
  to nine boxes and one or two pieces of furniture. The camera stands 0.2-0.35 m in at the
  open back doors, looking at the bulkhead.

The predicate: ``is_distractor(seed)`` is ``seed % 37 in (2, 13, 20)``; two look-alikes
are of one group exactly when they have the same kind and the same ``seed // 111``.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``cloudalbum``
(PNG) and ``emailed``, ``trimmed``, ``crouched``, ``bluehour``, ``againstlight``,
``forumthread``, ``mousemat``, ``dimzoom``, ``biscuittin``, ``paperback``, ``coaster``
(JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 3/37 (8.1 %); the other seeds draw their kind with
equal shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on
seeds 0-999 (``kind_counts``): crane cabs 27, shepherd's huts 27, hire vans 27; of the
other 919: traffic control room 129, banqueting suite 124, register office ceremony room
115, bingo hall 114, airport security hall 114, council chamber 112, station cycle hub
106, exam hall 105. The first 100 seeds: traffic control room 17, council chamber 15,
register office ceremony room 13, station cycle hub 10, banqueting suite 10, bingo hall 9,
exam hall 9, airport security hall 8, three of each group: every kind and group is in it
(and in the first 60). The held-out run's 315 seeds: traffic control room 46, council
chamber 40, airport security hall 38, register office ceremony room 37, banqueting suite
35, exam hall 35, station cycle hub 33, bingo hall 25, crane cabs 9, shepherd's huts 9,
hire vans 8.

**Speed**: ``room_v31`` and ``views_v31`` of 22 places (two of each kind and group) at
400x300 took 0.36 s a place on average (0.19-0.71 s; 13 pictures), one core, on the
shared machine. The crash check (``python -m bench.link_rooms_check --generator v31
--rooms 315 --size 400x300``) built 315 of 315 places (in 116 s), and 20 of 20 at 800x600
(in 17 s). Surfaces are drawn at 120 texels a metre, large ones coarser (at most 360,000
texels a surface). The tests (45) take about 10 s.

**Seeds**: a place ``2_200_000_000 + seed``; a crane site ``2_201_000_000 + seed // 111``;
a hut maker's field ``2_202_000_000 + seed // 111``; a van hire firm ``2_203_000_000 + seed
// 111``; a day's loose things ``2_204_000_000 + 3 * seed + day`` (day 0); views
``default_rng([2_205_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``2_206_000_000 + seed``; a kind's mass-produced things
``default_rng([2_208_000_000, k])``. None is a seed of v6-v30. Deterministic by seed.
Lettering is random syllables (digits for numbers); every name, address, route, price
and score is made up. Pictures not made by ``room_v31`` (the real pictures of
``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide on the back
wall of a generated council chamber, banqueting suite or exam hall (seeds from
``2_207_000_000``) and seen the same ways (``emailed``, ``trimmed``, ``cloudalbum`` and
``forumthread`` then start from that place's own picture).
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
from bench.link_rooms_v14 import _belongings, _box
from bench.link_rooms_v15 import _door, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, surface_planes
from bench.link_rooms_v18 import _pick
from bench.link_rooms_v19 import _all_faces, _scale
from bench.link_rooms_v20 import Place as _Place20
from bench.link_rooms_v20 import _Build20, _day_things, _mass_produced, _model, _other, _png
from bench.link_rooms_v21 import _wall_box
from bench.link_rooms_v22 import _grid
from bench.link_rooms_v24 import _boards, _concrete, _opening
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
from bench.link_rooms_v30 import _books, _hung, _laid, _rejpeg, _screen_text, _sign

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 2_200_000_000
CRANE_SEED = 2_201_000_000
HUT_SEED = 2_202_000_000
VAN_SEED = 2_203_000_000
DAY_SEED = 2_204_000_000
VIEW_SEED = 2_205_000_000
SENSOR_SEED = 2_206_000_000
PRINT_SEED = 2_207_000_000
MODEL_SEED = 2_208_000_000
EVERY = 37  # the look-alike slots repeat every 37 seeds (not 33 or 100: see the docstring)
TEMPLATE_SPAN = 111  # a group's template is shared by its slots in 111 seeds (three members)
CRANE_SLOTS = (2,)
HUT_SLOTS = (13,)
VAN_SLOTS = (20,)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("council chamber", 1 / 8),
    ("airport security hall", 1 / 8),
    ("station cycle hub", 1 / 8),
    ("bingo hall", 1 / 8),
    ("exam hall", 1 / 8),
    ("traffic control room", 1 / 8),
    ("register office ceremony room", 1 / 8),
    ("banqueting suite", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "tower crane cab": "cranecab",
    "shepherd's hut": "shepherdhut",
    "hire van load space": "hirevan",
}
VIEW_KINDS = (
    "emailed",
    "trimmed",
    "crouched",
    "bluehour",
    "cloudalbum",
    "againstlight",
    "forumthread",
    "mousemat",
    "dimzoom",
    "biscuittin",
    "paperback",
    "coaster",
)
PNG_VIEWS = ("cloudalbum",)  # a photo app's screenshot, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "council chamber": ((12.0, 18.0), (4.0, 5.5), (12.0, 18.0)),
    "airport security hall": ((16.0, 26.0), (3.4, 4.4), (14.0, 22.0)),
    "station cycle hub": ((9.0, 16.0), (2.7, 3.3), (12.0, 20.0)),
    "bingo hall": ((14.0, 22.0), (3.5, 4.5), (16.0, 24.0)),
    "exam hall": ((14.0, 20.0), (5.0, 6.5), (14.0, 22.0)),
    "traffic control room": ((10.0, 16.0), (3.0, 3.6), (8.0, 12.0)),
    "register office ceremony room": ((7.0, 11.0), (3.0, 3.8), (8.0, 12.0)),
    "banqueting suite": ((14.0, 22.0), (3.4, 4.4), (14.0, 22.0)),
    "cranecab": ((1.7, 1.9), (2.1, 2.3), (1.9, 2.2)),
    "shepherdhut": ((2.2, 2.4), (2.2, 2.45), (4.2, 5.0)),
    "hirevan": ((1.7, 1.8), (1.75, 1.9), (3.3, 4.1)),
}
SMALL = {  # shares of a move in small places
    "cranecab": 0.25,
    "shepherdhut": 0.35,
    "hirevan": 0.3,
}
PRINT_KINDS = ("council chamber", "banqueting suite", "exam hall")
WALLS = ("back", "left", "right", "front")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_crane_cab(seed: int) -> bool:
    return seed % EVERY in CRANE_SLOTS


def is_shepherd_hut(seed: int) -> bool:
    return seed % EVERY in HUT_SLOTS


def is_hire_van(seed: int) -> bool:
    return seed % EVERY in VAN_SLOTS


def is_distractor(seed: int) -> bool:
    return is_crane_cab(seed) or is_shepherd_hut(seed) or is_hire_van(seed)


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
    if is_crane_cab(seed):
        return "tower crane cab"
    if is_shepherd_hut(seed):
        return "shepherd's hut"
    if is_hire_van(seed):
        return "hire van load space"
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
    if is_crane_cab(seed):
        return np.random.default_rng(CRANE_SEED + group_of(seed))
    if is_shepherd_hut(seed):
        return np.random.default_rng(HUT_SEED + group_of(seed))
    if is_hire_van(seed):
        return np.random.default_rng(VAN_SEED + group_of(seed))
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _wear(img: U8, r: Rng, res: float, amount: int, low: float = 1.0) -> None:
    """A place's own wear on a texture: faded or grubby patches anywhere, scuffs and
    marks along its lower ``low`` share (a wall's skirting, a floor's walkways)."""
    h, w = img.shape[:2]
    for _ in range(amount):
        ax = max(2, int(float(r.uniform(0.08, 0.7)) * res))
        ay = max(2, int(ax * float(r.uniform(0.3, 1.0))))
        cx = int(r.integers(0, max(1, w)))
        cy = int(r.integers(int(h * (1 - low)), max(int(h * (1 - low)) + 1, h)))
        x0, y0, x1, y1 = max(0, cx - ax), max(0, cy - ax), min(w, cx + ax), min(h, cy + ax)
        if x1 <= x0 or y1 <= y0:
            continue
        mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
        cv2.ellipse(mask, (cx - x0, cy - y0), (ax, ay), float(r.uniform(0, 180)), 0.0, 360.0, 1, -1)
        f = float(r.uniform(0.8, 0.94)) if r.random() < 0.7 else float(r.uniform(1.05, 1.12))
        part = img[y0:y1, x0:x1]
        sel = mask.astype(bool)
        part[sel] = np.clip(part[sel].astype(np.float32) * f, 0, 255).astype(np.uint8)
    for _ in range(amount):
        y = int(h - 1 - float(r.uniform(0.02, 0.35)) * res * low)
        x = int(r.integers(0, max(1, w)))
        n = max(2, int(float(r.uniform(0.1, 0.6)) * res))
        cv2.line(
            img,
            (x, max(0, y)),
            (min(w - 1, x + n), max(0, y + int(r.integers(-2, 3)))),
            _shade(tuple(int(v) for v in img[max(0, y), min(w - 1, x)]), 0.7),  # type: ignore[arg-type]
            1,
        )


def _worn_walls(b: _Build17, amount: int) -> None:
    """Wear on every wall of a place, from the place's own generator."""
    for name in WALLS:
        wall = b.wall(name)
        _wear(wall.img, b.fix, float(wall.px(1.0)), amount, 0.5)


def _framed(r: Rng, w: int, h: int, frame: Colour) -> U8:
    """A painting of a made-up landscape in a frame."""
    img = _landscape(r, max(8, w), max(8, h))
    t = max(1, min(img.shape[:2]) // 12)
    cv2.rectangle(img, (0, 0), (img.shape[1] - 1, img.shape[0] - 1), frame, t)
    return img


def _bike(r: Rng, w: int, h: int) -> U8:
    """A bicycle from the side on a transparent-looking dark ground: two wheels, the
    frame in a colour, the saddle and the bars."""
    img = _grained(r, max(16, w), max(10, h), (46, 48, 52), 1.0)
    ih, iw = img.shape[:2]
    frame = _c(r, 20, 240)
    rad = max(3, min(ih // 2 - 1, iw // 5))
    wy = ih - rad - 1
    ax, bx = rad + 1, iw - rad - 2
    for x in (ax, bx):
        cv2.circle(img, (x, wy), rad, (20, 20, 22), max(1, rad // 6))
        cv2.circle(img, (x, wy), max(1, rad // 5), (160, 160, 164), -1)
    mid = (ax + bx) // 2
    top = max(1, wy - rad)
    cv2.line(img, (ax, wy), (mid, wy), frame, max(1, rad // 5))
    cv2.line(img, (mid, wy), (mid - rad // 3, top), frame, max(1, rad // 5))
    cv2.line(img, (mid - rad // 3, top), (bx - rad // 2, top), frame, max(1, rad // 5))
    cv2.line(img, (bx - rad // 2, top), (bx, wy), frame, max(1, rad // 5))
    cv2.line(img, (ax, wy), (mid - rad // 3, top), frame, max(1, rad // 5))
    img[max(0, top - 2) : top, max(0, mid - rad // 3 - 3) : mid - rad // 3 + 3] = (20, 20, 22)
    return img


def _patterned(g: Rng, w: int, h: int, ground: Colour, step: int, n: int) -> U8:
    """A loud carpet: a ground with a repeating grid of motifs in ``n`` colours."""
    img = _grained(g, w, h, ground, 2.0)
    cols = [_c(g, 30, 240) for _ in range(n)]
    step = max(4, step)
    kind = int(g.integers(0, 3))
    for j, y in enumerate(range(step // 2, h, step)):
        for i, x in enumerate(range(step // 2, w, step)):
            col = cols[(i + j) % n]
            if kind == 0:
                cv2.circle(img, (x, y), max(1, step // 4), col, -1)
            elif kind == 1:
                pts = np.array(
                    [[x, y - step // 3], [x + step // 3, y], [x, y + step // 3], [x - step // 3, y]]
                )
                cv2.fillPoly(img, [pts.astype(np.int32)], col)
            else:
                cv2.rectangle(img, (x - step // 4, y - step // 4), (x, y), col, -1)
    return img


def _tex3(front: U8, side: U8, top: U8) -> dict[str, U8]:
    return {"front": front, "side": side, "top": top}


# --- v31's own surfaces and things, every one drawn from the rng it is given --------------------

# council chamber


def _delegate_desk(m: Rng) -> dict[str, U8]:
    """The kind's delegate desk: a veneered unit with a brass strip, a leather inlay on
    its top, the conference microphone on its goose-neck with a red ring and a name
    plate holder."""
    tone = _wood_tone(m)
    front = _wood(m, 48, 24, tone, 3)
    front[2:4] = (190, 160, 80)
    top = _wood(m, 48, 24, tone, 3)
    top[5:19, 4:30] = _pick(m, [(40, 70, 50), (90, 30, 30), (30, 40, 70)])
    cv2.line(top, (38, 20), (41, 6), (20, 20, 22), 1)
    cv2.circle(top, (41, 5), 2, (220, 40, 30), -1)
    top[19:22, 32:46] = (230, 230, 226)
    return _tex3(front, front[:, :24].copy(), top)


def _council_chair(m: Rng) -> dict[str, U8]:
    """The kind's high-backed chair: buttoned leather in the maker's colour on a dark
    frame."""
    hide = _pick(m, [(40, 80, 50), (110, 30, 30), (40, 50, 90), (90, 60, 40)])
    back = _grained(m, 24, 40, hide, 1.5)
    for y in range(4, 28, 5):
        for x in range(3 + (y // 5) % 2 * 2, 22, 4):
            back[y, x] = _shade(hide, 0.6)
    back[30:] = (40, 30, 24)
    return _tex3(back, back[:, :10].copy(), back[:8].copy())


def _build_council(b: _Build17) -> None:
    """A town's council chamber: panelled lower walls under paint of the council's own,
    a patterned carpet, a plaster ceiling; rows of the kind's delegate desks and chairs
    facing the dais at the back, benches along a side, the dais with the chair's table,
    the council's crest above it, paintings, windows, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    desk, chair = _delegate_desk(m), _council_chair(m)
    tone = _wood_tone(r)
    paint = _pick(r, [(200, 190, 160), (160, 180, 170), (210, 200, 190), _c(r, 90, 230)])
    dado = float(r.uniform(1.0, 1.5))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.5)
        low = _wood(r, tw, int(dado * res), tone, 4)
        for xp in range(int(r.integers(0, 20)), tw, max(4, round(0.9 * res))):
            low[:, xp : xp + max(1, round(0.03 * res))] = _shade(tone, 0.7)
        img[th - low.shape[0] :] = low
        b.fill(name, img)
    carpet = _pick(r, [(120, 30, 40), (30, 60, 100), (40, 90, 60), (120, 90, 50)])
    b.floor(lambda g, w, h, res: _patterned(g, w, h, carpet, round(0.5 * res), 2))
    b.ceiling(
        lambda g, w, h, res: _grained(g, w, h, _between(g, (220, 216, 204), (244, 240, 232)), 1.0)
    )
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.3, b.w, 2.6)
    dais = _wood(r, 64, 16, _wood_tone(r), 3)
    dz = b.d - 1.6
    b.boxes.append(Box(0.0, dz, min(b.w - 2.0, 6.0), 2.4, 0.3, 0.0, _all_faces(dais)))
    table = {
        "front": _wood(r, 64, 16, _wood_tone(r), 3),
        "top": _grained(r, 64, 16, _c(r, 20, 120), 1.5),
    }
    b.boxes.append(Box(0.0, dz + 0.3, min(b.w - 3.0, 4.0), 0.8, 0.75, 0.3, _faces(table, "front")))
    fl.take(0.0, dz, b.w, 3.2)
    per = max(2, min(int((b.w - 3.0) / 1.2), int(r.integers(4, 9))))
    rows = max(1, min(int((dz - 5.5) / 1.7), int(r.integers(2, 5))))
    x0 = -per * 1.2 / 2 + 0.6 + float(r.uniform(-0.6, 0.6))
    z = dz - 2.6
    for _ in range(rows):
        for j in range(per):
            x = x0 + 1.2 * j
            _model(b, Box(x, z, 1.1, 0.6, 0.75, 0.0, _faces(desk, "front")))
            _model(b, Box(x, z - 0.6, 0.6, 0.55, 1.0, 0.0, _faces(chair, "front")))
        fl.take(x0 - 0.6 + per * 0.6, z - 0.3, per * 1.2, 1.6)
        z -= 1.7
    side = str(r.choice(["left", "right"]))
    for _ in range(int(r.integers(0, 3))):
        spot = fl.against(r, 2.4, 0.5, (side,))
        if spot:
            _box(
                b,
                spot,
                0.45,
                {
                    "front": _wood(r, 32, 8, _wood_tone(r), 3),
                    "top": _grained(r, 32, 8, _c(r, 30, 150), 1.5),
                },
            )
    back = b.wall("back")
    crest = _graphic(r, back.px(1.2), back.px(1.4), _c(r, 120, 240))
    cv2.circle(
        crest,
        (crest.shape[1] // 2, crest.shape[0] // 2),
        max(2, crest.shape[1] // 3),
        _c(r, 20, 200),
        max(1, crest.shape[1] // 20),
    )
    _paste(back.img, crest, back.x_of(b.w / 2 - 0.6), back.y_of(min(b.h - 0.3, 3.6)))
    for name in ("back", _other(side)):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 4))):
            pic = _framed(
                r,
                wall.px(float(r.uniform(0.6, 1.2))),
                wall.px(float(r.uniform(0.6, 1.0))),
                (180, 150, 70),
            )
            _paste(
                wall.img,
                pic,
                wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 1.4)))),
                wall.y_of(float(r.uniform(2.4, 2.9))),
            )
    wall = b.wall(side)
    at = float(r.uniform(1.0, 2.5))
    while at + 1.6 < wall.length - 1.0:
        _window(
            wall,
            r,
            _sky(r, 32, 24),
            at,
            dado + 0.3,
            1.4,
            min(b.h - dado - 0.8, 2.4),
            _c(r, 180, 250),
        )
        at += float(r.uniform(2.8, 4.0))
    clock = _grained(r, back.px(0.5), back.px(0.5), (240, 238, 230), 1.0)
    ch = clock.shape[0]
    cv2.circle(clock, (ch // 2, ch // 2), ch // 2 - 1, _c(r, 10, 120), max(1, ch // 12))
    cv2.line(
        clock,
        (ch // 2, ch // 2),
        (ch // 2 + int(r.integers(-ch // 3, ch // 3)), ch // 4),
        (20, 20, 20),
        max(1, ch // 20),
    )
    _paste(
        back.img,
        clock,
        back.x_of(float(r.uniform(0.4, max(0.5, b.w - 1.0)))),
        back.y_of(min(b.h - 0.2, 3.2)),
    )
    _door(b.wall("front"), r, _wood_tone(r))
    _worn_walls(b, int(r.integers(6, 16)))


# airport security hall


def _xray(m: Rng) -> dict[str, U8]:
    """The kind's baggage X-ray scanner: a tunnel housing in the maker's two-tone
    grey with its lead curtain (black strips), the operator's hood and the maker's
    coloured stripe along the side."""
    body = _pick(m, [(200, 202, 206), (170, 176, 184), (220, 220, 214)])
    stripe = _pick(m, [(30, 90, 170), (200, 60, 30), (30, 140, 120)])
    front = _grained(m, 32, 32, body, 1.0)
    front[14:30, 6:26] = (30, 30, 32)
    for x in range(7, 26, 3):
        front[14:30, x] = (60, 60, 64)
    front[4:7] = stripe
    side = _grained(m, 64, 32, body, 1.0)
    side[4:7] = stripe
    side[10:16, 44:60] = (40, 44, 50)
    top = _grained(m, 32, 64, _shade(body, 0.92), 1.0)
    return _tex3(front, side, top)


def _rollers(m: Rng) -> dict[str, U8]:
    """The kind's roller table: galvanised rollers across a steel frame with the maker's
    kick plate."""
    top = _steel(m, 32, 64, 170)
    for y in range(0, 64, 4):
        top[y : y + 2] = (120, 122, 126)
    front = _steel(m, 64, 16, 150)
    front[-4:] = _pick(m, [(60, 60, 66), (40, 60, 100)])
    return _tex3(front, front[:, :32].copy(), top)


def _arch(m: Rng) -> dict[str, U8]:
    """The kind's walk-through detector arch: two grey panels and a head with its
    light bar, the opening dark."""
    grey = _pick(m, [(190, 192, 196), (120, 124, 130), (230, 230, 226)])
    front = _grained(m, 24, 48, grey, 1.0)
    front[6:, 5:19] = (60, 62, 66)
    front[1:4, 6:18] = (60, 220, 90)
    return _tex3(front, _grained(m, 12, 48, grey, 1.0), _grained(m, 24, 12, grey, 1.0))


def _build_security(b: _Build17) -> None:
    """An airport's security search hall: clad walls of the airport's own colour with
    signs and a lit advert, a studded rubber or tiled floor, a ceiling of light strips;
    two to five lanes, each the kind's roller tables either side of the kind's X-ray
    scanner and the kind's walk-through arch beside it, stacks of trays, queue barriers
    in front, a supervisor's desk, a door."""
    r, m = b.fix, _mass_produced(b)
    xray, rollers, arch = _xray(m), _rollers(m), _arch(m)
    clad = _pick(r, [(230, 230, 226), (200, 210, 220), (60, 64, 72), _c(r, 120, 240)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, clad, 1.0)
        _stripes(img, r, max(3, round(float(r.uniform(0.8, 1.6)) * res)), _shade(clad, 0.88))
        band = _c(r, 30, 230)
        y = th - int(float(r.uniform(1.0, 1.6)) * res)
        img[y : y + max(2, round(0.1 * res))] = band
        b.fill(name, img)
    floor = _pick(r, [(70, 72, 76), (150, 150, 146), (40, 60, 90), (120, 100, 80)])
    if r.random() < 0.5:

        def studded(g: Rng, w: int, h: int, res: float) -> U8:
            img = _grained(g, w, h, floor, 2.0)
            step = max(3, round(0.1 * res))
            img[::step, ::step] = _lighter(floor, 1.3)
            _wear(img, g, res, 12)
            return img

        b.floor(studded)
    else:
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(4, round(0.6 * res)), floor, _shade(floor, 0.8)
            )
        )

    def strips(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (214, 216, 220), 1.0)
        for x in range(int(g.integers(2, 10)), w, max(4, round(float(g.uniform(1.5, 3.0)) * res))):
            img[:, x : x + max(1, round(0.15 * res))] = (252, 252, 248)
        return img

    b.ceiling(strips)
    lanes = max(1, min(int((b.w - 3.0) / 3.6), int(r.integers(2, 6))))
    start = -lanes * 3.6 / 2 + 1.8 + float(r.uniform(-0.8, 0.8))
    z0 = float(r.uniform(3.6, 4.6))
    trays = _grained(
        r, 16, 8, _pick(r, [(90, 94, 100), (30, 30, 34), (200, 200, 196), _c(r, 40, 200)]), 1.5
    )
    for k in range(lanes):
        x = start + 3.6 * k
        _model(b, Box(x, z0 + 1.3, 0.9, 2.6, 0.75, 0.0, _faces(rollers, "left")))
        _model(b, Box(x, z0 + 4.0, 1.2, 2.8, 1.7, 0.0, _faces(xray, "front")))
        _model(b, Box(x, z0 + 6.6, 0.9, 2.4, 0.75, 0.0, _faces(rollers, "left")))
        _model(b, Box(x + 1.5, z0 + 3.2, 0.9, 0.6, 2.2, 0.0, _faces(arch, "front")))
        b.boxes.append(
            Box(x, z0 + 0.6, 0.55, 0.4, float(r.uniform(0.3, 0.7)), 0.75, _all_faces(trays))
        )
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.2, b.w, 2.4)
    fl.take(start + (lanes - 1) * 1.8 + 0.5, z0 + 4.0, lanes * 3.6 + 1.0, 8.6)
    belt = _grained(
        r, 32, 4, _pick(r, [(30, 60, 150), (200, 30, 40), (40, 40, 44), _c(r, 30, 220)]), 1.0
    )
    post = _steel(r, 4, 16, 170)
    for k in range(int(r.integers(2, 5))):
        zz = z0 - 0.8 - 0.9 * k
        if zz < 2.0:
            break
        bx = float(r.uniform(-1.0, 1.0))
        b.boxes.append(
            Box(
                bx,
                zz,
                float(r.uniform(3.0, min(8.0, b.w - 2.0))),
                0.05,
                0.12,
                0.85,
                _all_faces(belt),
            )
        )
        b.boxes.append(Box(bx, zz, 0.08, 0.08, 0.95, 0.0, _all_faces(post)))
    spot = fl.against(r, 1.8, 0.8, ("left", "right", "back"))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {
                "front": _cabinet(r, 2, 1, _c(r, 30, 200)),
                "top": _grained(r, 32, 16, (40, 40, 44), 1.0),
            },
        )
    back = b.wall("back")
    for _ in range(int(r.integers(2, 5))):
        sign = _sign(
            r,
            back.px(float(r.uniform(1.2, 2.4))),
            back.px(0.45),
            _pick(r, [(250, 220, 30), (30, 60, 140), (250, 250, 246)]),
            (20, 20, 22),
            f"{_word(r, (1, 2)).upper()} {int(r.integers(1, 9)) * 50} ML",
        )
        _paste(
            back.img,
            sign,
            back.x_of(float(r.uniform(0.5, max(0.6, b.w - 2.5)))),
            back.y_of(float(r.uniform(2.4, min(b.h - 0.3, 3.2)))),
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    ad = _graphic(r, wall.px(float(r.uniform(2.0, 3.5))), wall.px(1.4), _c(r, 20, 240))
    wall.put(ad, 2.6, min(b.h - 0.2, 3.0))
    _door(b.wall(_other(side)), r, _c(r, 30, 200))
    _worn_walls(b, int(r.integers(8, 20)))


# station cycle hub


def _two_tier(m: Rng) -> dict[str, U8]:
    """The kind's two-tier cycle rack bay: the galvanised lower channels and the upper
    tier's pull-down rails on their posts, the maker's numbered tags."""
    front = _steel(m, 32, 48, 160)
    front[:, ::6] = (110, 112, 116)
    front[16:18] = (120, 122, 128)
    front[44:] = (90, 92, 96)
    tag = _pick(m, [(30, 90, 170), (240, 190, 30), (30, 140, 80)])
    front[18:21, 2:30:6] = tag
    side = _steel(m, 64, 48, 150)
    side[16:19] = (120, 122, 128)
    for x in range(4, 64, 8):
        cv2.line(side, (x, 18), (x + 6, 46), (110, 112, 116), 1)
    return _tex3(front, side, _steel(m, 32, 64, 170))


def _pump(m: Rng) -> dict[str, U8]:
    """The kind's repair stand and pump: a post in the maker's colour with its hanger
    arms, tools on cables and the pump's gauge."""
    col = _pick(m, [(30, 120, 60), (30, 60, 150), (200, 40, 40), (60, 60, 64)])
    front = _grained(m, 16, 48, col, 1.0)
    front[4:6, 2:14] = (180, 182, 186)
    cv2.circle(front, (8, 30), 3, (240, 240, 236), -1)
    for x in (3, 7, 11):
        front[8:20, x] = (30, 30, 32)
    return _tex3(front, front, _grained(m, 16, 16, col, 1.0))


def _build_cycle_hub(b: _Build17) -> None:
    """A railway station's covered cycle hub: painted concrete walls of the operator's
    own colours with big bay letters and a mural, a resin floor with painted lanes, a
    concrete soffit with pipes and lights; rows of the kind's two-tier racks down the
    hall with the users' own bicycles on them, the kind's repair stand, lockers, a
    notice board, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, pump = _two_tier(m), _pump(m)
    paint = _pick(r, [(220, 220, 214), (60, 70, 80), (200, 200, 170), _c(r, 80, 230)])
    stripe = _c(r, 30, 240)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 2.0)
        y = th - int(float(r.uniform(0.9, 1.4)) * res)
        img[y : y + max(2, round(float(r.uniform(0.1, 0.4)) * res))] = stripe
        b.fill(name, img)
    resin = _pick(r, [(80, 84, 90), (60, 110, 80), (150, 146, 140), (110, 60, 50)])
    lane = _pick(r, [(240, 240, 236), (240, 200, 30), (40, 140, 80)])

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, resin, 2.5)
        x = int(w * float(g.uniform(0.35, 0.65)))
        for y in range(0, h, max(4, round(1.0 * res))):
            img[y : y + max(1, round(0.5 * res)), x : x + max(1, round(0.08 * res))] = lane
        _wear(img, g, res, 20)
        return img

    b.floor(floor)

    def soffit(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (140, 140, 136), (190, 188, 182)))(g, w, h, res)
        for x in range(int(g.integers(2, 30)), w, max(6, round(float(g.uniform(2.0, 4.0)) * res))):
            img[:, x : x + max(1, round(0.12 * res))] = _c(g, 60, 220)
        return img

    b.ceiling(soffit)
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.3, b.w, 2.6)
    rows = max(1, min(int((b.w - 3.0) / 2.6), int(r.integers(2, 5))))
    start = -rows * 2.6 / 2 + 1.3 + float(r.uniform(-0.6, 0.6))
    z0, z1 = float(r.uniform(3.0, 4.0)), b.d - float(r.uniform(1.0, 2.0))
    for k in range(rows):
        x = start + 2.6 * k
        length = z1 - z0
        _model(b, Box(x, (z0 + z1) / 2, 0.5, length, 2.2, 0.0, _faces(rack, "front")))
        fl.take(x, (z0 + z1) / 2, 2.4, length + 0.4)
        zz = z0 + 0.3
        while zz < z1 - 0.3:
            for dx, y0 in ((-0.55, 0.0), (0.55, 1.15)):
                if r.random() < 0.65:
                    bike = _bike(r, 48, 28)
                    b.boxes.append(
                        Box(
                            x + dx * float(r.choice([-1.0, 1.0])),
                            zz,
                            0.12,
                            1.7,
                            1.0,
                            y0,
                            _frame_of_bike(bike),
                        )
                    )
            zz += float(r.uniform(0.4, 0.55))
    x, z, _w, _d, facing = _must(b, fl, r, 0.5, 0.4, ("left", "right", "back"))
    _model(b, Box(x, z, 0.4, 0.3, 1.5, 0.0, _faces(pump, facing)))
    spot = fl.against(r, 2.4, 0.5, ("left", "right", "back"))
    if spot:
        lockers = _cabinet(r, int(r.integers(4, 8)), int(r.integers(2, 4)), _c(r, 40, 220))
        _box(b, spot, 1.9, {"front": lockers, "top": _steel(r, 32, 8, 160)})
    back = b.wall("back")
    letter = _sign(
        r,
        back.px(1.4),
        back.px(1.0),
        stripe,
        _c(r, 0, 255),
        f"{chr(65 + int(r.integers(0, 8)))}{int(r.integers(1, 9))}",
    )
    _paste(
        back.img,
        letter,
        back.x_of(float(r.uniform(0.5, max(0.6, b.w - 2.0)))),
        back.y_of(min(b.h - 0.2, 2.6)),
    )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    mural = _graphic(
        r, wall.px(float(r.uniform(3.0, 6.0))), wall.px(float(r.uniform(1.2, 1.8))), _c(r, 40, 240)
    )
    wall.put(mural, 2.3, min(b.h - 0.2, 2.6))
    board = _grained(r, wall.px(1.0), wall.px(0.8), (180, 140, 100), 2.0)
    for _k in range(int(r.integers(2, 6))):
        sheet = _sheet(r, max(4, board.shape[1] // 4), max(4, board.shape[0] // 3), (30, 30, 30), 4)
        _paste(
            board,
            sheet,
            int(r.integers(0, max(1, board.shape[1] * 3 // 4))),
            int(r.integers(0, max(1, board.shape[0] * 2 // 3))),
        )
    other = b.wall(_other(side))
    _paste(
        other.img,
        board,
        other.x_of(float(r.uniform(0.5, max(0.6, other.length - 1.5)))),
        other.y_of(1.8),
    )
    _door(b.wall("front"), r, _c(r, 30, 200))
    _worn_walls(b, int(r.integers(12, 30)))


def _frame_of_bike(bike: U8) -> dict[str, U8]:
    """A bicycle as a thin box: its picture on both sides, dark ends and top."""
    dark = np.ascontiguousarray(bike[:, :4])
    return {
        "front": dark,
        "back": dark,
        "left": bike,
        "right": bike[:, ::-1].copy(),
        "top": np.ascontiguousarray(bike[:4]),
    }


# bingo hall


def _bingo_table(m: Rng) -> dict[str, U8]:
    """The kind's bingo table: a long laminate top in the maker's colour with its
    dabber rail, on a dark steel frame with a modesty panel."""
    lam = _pick(m, [(200, 60, 50), (40, 90, 160), (230, 226, 216), (60, 130, 80)])
    top = _grained(m, 64, 16, lam, 1.0)
    top[7:9] = _shade(lam, 0.7)
    for x in range(4, 64, 10):
        top[10:14, x : x + 6] = (240, 240, 236)
    front = _grained(m, 64, 16, (50, 50, 56), 1.0)
    front[:3] = _shade(lam, 0.8)
    return _tex3(front, front[:, :16].copy(), top)


def _flashboard(m: Rng) -> dict[str, U8]:
    """The kind's flashboard: the numbers 1-90 in a grid of nine rows of ten, some lit
    in the maker's colour, the last number called in a big window."""
    lit = _pick(m, [(250, 200, 40), (250, 80, 60), (80, 220, 250)])
    front = _grained(m, 64, 40, (20, 20, 24), 1.0)
    for i in range(9):
        for j in range(10):
            on = m.random() < 0.35
            front[3 + i * 4 : 5 + i * 4, 3 + j * 4 : 6 + j * 4] = lit if on else (60, 60, 66)
    front[8:30, 46:60] = (10, 10, 12)
    front[12:26, 49:57] = lit
    return _tex3(
        front, _grained(m, 8, 40, (30, 30, 34), 1.0), _grained(m, 64, 8, (30, 30, 34), 1.0)
    )


def _build_bingo(b: _Build17) -> None:
    """A bingo hall: walls of the club's own dark or bright colour with a frieze of
    lights, a loud patterned carpet, a ceiling of panels; rows of the kind's long tables
    with chairs, the caller's stand at the back under the kind's flashboard, screens,
    jackpot posters, a bar counter along a side, a door."""
    r, m = b.fix, _mass_produced(b)
    table, board = _bingo_table(m), _flashboard(m)
    paint = _pick(r, [(80, 30, 90), (130, 20, 40), (20, 40, 90), (230, 210, 170), _c(r, 30, 200)])
    frieze = _c(r, 150, 255)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.5)
        y = th - int(float(r.uniform(2.4, 3.0)) * res)
        img[y : y + max(2, round(0.06 * res))] = frieze
        img[
            y + max(3, round(0.1 * res)) :: max(6, round(0.5 * res)), :: max(4, round(0.3 * res))
        ] = (255, 250, 220)
        b.fill(name, img)
    ground = _pick(r, [(90, 20, 40), (20, 30, 70), (30, 60, 50), (60, 30, 70)])
    b.floor(
        lambda g, w, h, res: _patterned(
            g, w, h, ground, round(float(g.uniform(0.3, 0.6)) * res), int(g.integers(2, 4))
        )
    )
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.3, b.w, 2.6)
    bz = b.d - 0.4
    _model(b, Box(float(r.uniform(-1.5, 1.5)), bz, 3.2, 0.3, 2.0, 1.6, _faces(board, "front")))
    stand = _grained(r, 32, 16, _c(r, 30, 220), 1.5)
    b.boxes.append(
        Box(float(r.uniform(-2.0, 2.0)), bz - 1.2, 1.8, 0.8, 1.1, 0.0, _all_faces(stand))
    )
    fl.take(0.0, bz - 1.0, b.w, 2.4)
    chair = _grained(
        r, 48, 16, _pick(r, [(120, 30, 40), (30, 30, 34), (40, 60, 120), _c(r, 30, 220)]), 1.5
    )
    cols = max(1, min(int((b.w - 2.0) / 4.6), int(r.integers(2, 5))))
    x0 = -cols * 4.6 / 2 + 2.3 + float(r.uniform(-0.5, 0.5))
    z = float(r.uniform(3.2, 4.0))
    while z < bz - 3.0:
        for j in range(cols):
            x = x0 + 4.6 * j
            if z > 4.5 and r.random() < 0.1:
                continue
            _model(b, Box(x, z, 3.8, 0.7, 0.74, 0.0, _faces(table, "front")))
            for dz in (-0.6, 0.6):
                b.boxes.append(Box(x, z + dz, 3.4, 0.35, 0.85, 0.0, _all_faces(chair)))
        fl.take(x0 + 4.6 * (cols - 1) / 2, z, cols * 4.6, 2.0)
        z += float(r.uniform(2.0, 2.6))
    side = str(r.choice(["left", "right"]))
    spot = fl.against(r, 4.0, 0.8, (side,))
    if spot:
        bar = _wood(r, 48, 16, _wood_tone(r), 3)
        bar[:2] = _c(r, 100, 250)
        _box(b, spot, 1.1, {"front": bar, "top": _grained(r, 48, 16, (30, 30, 34), 1.0)})
    wall = b.wall(side)
    wall.put(_screen_text(r, wall.px(1.6), wall.px(0.9), 5, _c(r, 150, 255)), 2.4, 2.6)
    other = b.wall(_other(side))
    for _ in range(int(r.integers(2, 5))):
        poster = _sign(
            r,
            other.px(0.9),
            other.px(0.6),
            _c(r, 20, 240),
            _c(r, 10, 250),
            f"{int(r.integers(1, 99))}0 {_word(r, (1, 2)).upper()}",
        )
        _paste(
            other.img,
            poster,
            other.x_of(float(r.uniform(0.5, max(0.6, other.length - 1.2)))),
            other.y_of(float(r.uniform(1.9, 2.3))),
        )
    _door(b.wall("front"), r, _c(r, 30, 200))
    _worn_walls(b, int(r.integers(6, 18)))


# exam hall


def _exam_desk(m: Rng) -> dict[str, U8]:
    """The kind's single exam desk: a small laminate top in the maker's beech or grey
    with a lipped edge, on a tubular frame."""
    lam = _pick(m, [(210, 180, 130), (190, 190, 186), (230, 210, 170)])
    top = _grained(m, 24, 16, lam, 1.0)
    top[:1] = _shade(lam, 0.7)
    top[-1:] = _shade(lam, 0.7)
    front = _grained(m, 24, 16, (80, 82, 88), 1.0)
    front[:3] = _shade(lam, 0.85)
    front[3:, 3:21] = _lighter((80, 82, 88), 1.2)
    return _tex3(front, front[:, :16].copy(), top)


def _exam_chair(m: Rng) -> dict[str, U8]:
    """The kind's stacking chair: a moulded polypropylene shell in the maker's colour
    with a handle slot, on tubular legs."""
    shell = _pick(m, [(40, 90, 170), (220, 100, 30), (60, 60, 64), (40, 140, 90), (200, 40, 50)])
    front = _grained(m, 16, 24, shell, 1.0)
    front[2:4, 5:11] = _shade(shell, 0.5)
    front[14:, :3] = (170, 172, 176)
    front[14:, 13:] = (170, 172, 176)
    front[12:14] = _shade(shell, 0.8)
    return _tex3(front, front[:, :8].copy(), _grained(m, 16, 16, shell, 1.0))


def _build_exam_hall(b: _Build17) -> None:
    """A school's sports hall set out for exams: painted block walls of the school's own
    colours with high windows and wall bars, a sports floor with its court lines, a
    ceiling of boards and lamps; a grid of the kind's exam desks each with the kind's
    chair, candidate numbers, the invigilator's table, the exam clock and a board with
    the times, notices, a door."""
    r, m = b.fix, _mass_produced(b)
    desk, chair = _exam_desk(m), _exam_chair(m)
    paint = _pick(r, [(226, 222, 206), (200, 214, 226), (220, 226, 200), _c(r, 120, 240)])
    band = _c(r, 30, 220)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _tiles(r, tw, th, max(3, round(0.22 * res)), paint, _shade(paint, 0.92))
        y = th - int(float(r.uniform(1.8, 2.4)) * res)
        img[y:] = (img[y:].astype(np.float32) * 0.9 + np.array(band, np.float32) * 0.1).astype(
            np.uint8
        )
        b.fill(name, img)
    wood = _pick(r, [(200, 160, 110), (180, 140, 90), (120, 140, 160), (190, 90, 70)])
    lines = [_c(r, 40, 250) for _ in range(int(r.integers(2, 4)))]

    def sports(g: Rng, w: int, h: int, res: float) -> U8:
        img = _wood(g, w, h, wood, 6) if g.random() < 0.6 else _grained(g, w, h, wood, 2.0)
        t = max(1, round(0.05 * res))
        for k, col in enumerate(lines):
            m0 = int((0.4 + 0.9 * k) * res)
            cv2.rectangle(img, (m0, m0), (w - m0, h - m0), col, t)
            cv2.circle(img, (w // 2, h // 2), int((1.2 + k) * res), col, t)
        return img

    b.floor(sports)
    b.ceiling(_boards(_between(r, (180, 180, 176), (230, 228, 220))))
    fl = _Floor(b.w, b.d, 0.5)
    fl.take(0.0, 1.6, b.w, 3.2)
    cols = max(2, min(int((b.w - 2.0) / 1.3), int(r.integers(6, 12))))
    rows_ = max(2, min(int((b.d - 6.0) / 1.35), int(r.integers(5, 11))))
    step_x, step_z = float(r.uniform(1.2, 1.4)), float(r.uniform(1.25, 1.45))
    x0 = -(cols - 1) * step_x / 2 + float(r.uniform(-0.4, 0.4))
    z0 = float(r.uniform(3.4, 4.2))
    card = _grained(r, 8, 8, (250, 250, 246), 1.0)
    for i in range(rows_):
        for j in range(cols):
            x, z = x0 + step_x * j, z0 + step_z * i
            if z > b.d - 1.5:
                continue
            _model(b, Box(x, z, 0.6, 0.45, 0.72, 0.0, _faces(desk, "back")))
            _model(b, Box(x, z - 0.4, 0.42, 0.42, 0.82, 0.0, _faces(chair, "back")))
            if r.random() < 0.5:
                b.boxes.append(Box(x + 0.18, z + 0.12, 0.1, 0.06, 0.01, 0.72, _all_faces(card)))
    fl.take(0.0, z0 + rows_ * step_z / 2, b.w, rows_ * step_z + 1.0)
    back = b.wall("back")
    clock = _grained(r, back.px(0.7), back.px(0.7), (246, 246, 240), 1.0)
    ch = clock.shape[0]
    cv2.circle(clock, (ch // 2, ch // 2), ch // 2 - 1, _c(r, 10, 160), max(1, ch // 10))
    a = float(r.uniform(0, 2 * np.pi))
    cv2.line(
        clock,
        (ch // 2, ch // 2),
        (int(ch / 2 + np.cos(a) * ch / 3), int(ch / 2 + np.sin(a) * ch / 3)),
        (20, 20, 20),
        max(1, ch // 16),
    )
    _paste(
        back.img, clock, back.x_of(float(r.uniform(0.5, max(0.6, b.w / 2 - 1.0)))), back.y_of(3.0)
    )
    times = _grained(r, back.px(2.4), back.px(1.2), (246, 246, 244), 1.0)
    th_ = times.shape[0]
    for k, y in enumerate(range(max(3, th_ // 6), th_ - 2, max(3, th_ // 5))):
        _text(
            times,
            r,
            f"{_word(r, (1, 3)).upper()} {9 + k}:{int(r.integers(0, 6))}0",
            3,
            y,
            max(3, th_ // 8),
            _pick(r, [(20, 20, 20), (30, 60, 160), (180, 30, 30)]),
        )
    _paste(
        back.img,
        times,
        back.x_of(float(r.uniform(b.w / 2, max(b.w / 2 + 0.1, b.w - 2.6)))),
        back.y_of(2.6),
    )
    spot = fl.against(r, 1.6, 0.8, ("back",)) or fl.middle(r, 1.6, 0.8)
    if spot:
        _box(
            b,
            spot,
            0.75,
            {
                "front": _grained(r, 32, 16, _c(r, 40, 200), 1.5),
                "top": _wood(r, 32, 16, _wood_tone(r), 3),
            },
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    at = float(r.uniform(0.8, 2.0))
    while at + 2.0 < wall.length - 0.8:
        _window(wall, r, _sky(r, 32, 16), at, b.h - 1.6, 2.0, 1.2, _c(r, 150, 250))
        at += float(r.uniform(2.6, 4.0))
    other = b.wall(_other(side))
    tone = _wood_tone(r)
    at = float(r.uniform(1.0, 3.0))
    for _ in range(int(r.integers(0, 5))):
        bars = _wood(r, other.px(0.9), other.px(2.4), tone, 2)
        bars[:, :] = (bars.astype(np.float32) * 0.3 + np.array(paint, np.float32) * 0.7).astype(
            np.uint8
        )
        for y in range(0, bars.shape[0], max(2, bars.shape[0] // 16)):
            bars[y : y + max(1, bars.shape[0] // 60)] = tone
        for x in (0, bars.shape[1] - max(2, bars.shape[1] // 12)):
            bars[:, x : x + max(2, bars.shape[1] // 12)] = _shade(tone, 0.8)
        if at + 1.0 < other.length - 0.5:
            _paste(other.img, bars, other.x_of(at), other.y_of(2.4))
        at += 1.0
    for _ in range(int(r.integers(1, 4))):
        note = _sign(
            r,
            other.px(0.8),
            other.px(0.3),
            (250, 250, 246),
            (200, 30, 30),
            _word(r, (2, 3)).upper(),
        )
        _paste(
            other.img,
            note,
            other.x_of(float(r.uniform(0.5, max(0.6, other.length - 1.0)))),
            other.y_of(float(r.uniform(1.8, 2.8))),
        )
    _door(b.wall("front"), r, _c(r, 30, 200))
    _worn_walls(b, int(r.integers(10, 24)))


# traffic control room


def _console(m: Rng) -> tuple[dict[str, U8], dict[str, U8]]:
    """The kind's operator console: a curved desk in the maker's grey with a cable
    spine, and its bank of three monitors (the screens of the control system's map and
    lists facing the operator, the casings' backs dark with the maker's badge)."""
    grey = _pick(m, [(90, 94, 100), (200, 200, 196), (40, 44, 50)])
    front = _grained(m, 48, 24, grey, 1.0)
    front[2:4] = (30, 30, 34)
    top = _grained(m, 48, 24, _shade(grey, 0.8), 1.0)
    top[14:20, 8:40] = (30, 30, 34)
    screens = _grained(m, 48, 16, (14, 16, 22), 1.0)
    for x in (1, 17, 33):
        screens[2:14, x : x + 14] = (30, 50, 70)
        cv2.line(screens, (x + 1, 12), (x + 12, 4), (60, 200, 90), 1)
        screens[3:5, x + 2 : x + 8] = (230, 200, 40)
    back = _grained(m, 48, 16, (24, 24, 28), 1.0)
    back[12:14, 22:26] = _pick(m, [(200, 200, 200), (40, 120, 220)])
    return (
        _tex3(front, front[:, :24].copy(), top),
        {
            "front": back,
            "back": screens,
            "left": back[:, :4].copy(),
            "right": back[:, :4].copy(),
            "top": back[:4].copy(),
        },
    )


def _op_chair(m: Rng) -> dict[str, U8]:
    """The kind's 24-hour operator chair: a tall mesh back in black with the maker's
    coloured lumbar pad and a headrest."""
    pad = _pick(m, [(200, 40, 40), (40, 90, 200), (90, 90, 96)])
    back = _grained(m, 24, 40, (28, 28, 30), 1.5)
    back[::2, ::2] = (44, 44, 48)
    back[20:26, 4:20] = pad
    back[:6, 6:18] = (20, 20, 22)
    return _tex3(back, back[:, :8].copy(), back[:8].copy())


def _video_wall(r: Rng, w: int, h: int, cols: int, rows: int) -> U8:
    """A wall of display panels in thin bezels showing the control room's own feeds:
    road camera pictures, maps of roads in colours, lists."""
    img = np.full((max(8, h), max(8, w), 3), (12, 12, 14), np.uint8)
    ih, iw = img.shape[:2]
    pw, ph = iw // cols, ih // rows
    for i in range(rows):
        for j in range(cols):
            x, y = j * pw + 1, i * ph + 1
            u = r.random()
            if u < 0.45:
                tile = _outside(r, max(4, pw - 2), max(4, ph - 2))
            elif u < 0.8:
                tile = _grained(r, max(4, pw - 2), max(4, ph - 2), (20, 30, 40), 1.0)
                for _ in range(int(r.integers(3, 9))):
                    cv2.line(
                        tile,
                        (int(r.integers(0, pw)), int(r.integers(0, ph))),
                        (int(r.integers(0, pw)), int(r.integers(0, ph))),
                        _pick(r, [(60, 200, 90), (240, 180, 40), (220, 50, 40), (200, 200, 210)]),
                        max(1, pw // 40),
                    )
            else:
                tile = _screen_text(r, max(8, pw - 2), max(8, ph - 2), 5, _c(r, 150, 255))
            _paste(img, tile, x, y)
    return img


def _build_control_room(b: _Build17) -> None:
    """A road traffic control room: acoustic panel walls of the operator's own colour, a
    carpet tile floor, a ceiling of tiles and downlights; the video wall of road
    cameras and maps across the back, two or three rows of the kind's consoles with their
    monitors and the kind's chairs facing it, a supervisor's desk, a clock strip, a
    door."""
    r, m = b.fix, _mass_produced(b)
    (desk, monitors), chair = _console(m), _op_chair(m)
    panel = _pick(r, [(60, 64, 72), (120, 110, 100), (40, 50, 70), (200, 196, 186), _c(r, 40, 200)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 2.0)
        _stripes(img, r, max(3, round(float(r.uniform(0.6, 1.2)) * res)), _shade(panel, 0.8))
        b.fill(name, img)
    carpet = _pick(r, [(50, 54, 60), (40, 50, 80), (80, 60, 50), (60, 70, 60)])

    def tiles(g: Rng, w: int, h: int, res: float) -> U8:
        img = _tiles(g, w, h, max(4, round(0.5 * res)), carpet, _shade(carpet, 0.85))
        _wear(img, g, res, 10)
        return img

    b.floor(tiles)
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    cols, rows = int(r.integers(3, 7)), int(r.integers(2, 4))
    vw = min(b.w - 1.0, cols * float(r.uniform(1.1, 1.5)))
    vh = min(b.h - 0.8, rows * vw / cols * 0.56)
    wall_img = _video_wall(r, back.px(vw), back.px(vh), cols, rows)
    _paste(
        back.img,
        wall_img,
        back.x_of((b.w - vw) / 2 + float(r.uniform(-0.5, 0.5))),
        back.y_of(min(b.h - 0.2, vh + 0.8)),
    )
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.2, b.w, 2.4)
    fl.take(0.0, b.d - 0.8, b.w, 1.6)
    per = max(1, min(int((b.w - 2.0) / 1.8), int(r.integers(3, 7))))
    x0 = -(per - 1) * 1.8 / 2 + float(r.uniform(-0.5, 0.5))
    z = b.d - float(r.uniform(2.6, 3.2))
    for _ in range(int(r.integers(2, 4))):
        if z < 3.4:
            break
        for j in range(per):
            x = x0 + 1.8 * j
            _model(b, Box(x, z, 1.6, 0.8, 0.74, 0.0, _faces(desk, "front")))
            _model(b, Box(x, z + 0.15, 1.5, 0.12, 0.42, 0.74, monitors))
            _model(b, Box(x, z - 0.7, 0.6, 0.6, 1.25, 0.0, _faces(chair, "front")))
        fl.take(x0 + (per - 1) * 0.9, z - 0.3, per * 1.8, 2.0)
        z -= float(r.uniform(2.2, 2.8))
    spot = fl.against(r, 2.0, 0.8, ("left", "right"))
    if spot:
        _box(
            b,
            spot,
            0.75,
            {
                "front": _grained(r, 32, 16, _c(r, 20, 200), 1.0),
                "top": _wood(r, 32, 16, _wood_tone(r), 3),
            },
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    clocks = _screen_text(r, wall.px(2.0), wall.px(0.3), 1, (250, 60, 40))
    _paste(
        wall.img,
        clocks,
        wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 2.5)))),
        wall.y_of(min(b.h - 0.2, 2.6)),
    )
    for _ in range(int(r.integers(1, 3))):
        chart = _sheet(r, wall.px(0.7), wall.px(0.5), (30, 30, 30), 6)
        _paste(
            wall.img,
            chart,
            wall.x_of(float(r.uniform(0.5, max(0.6, wall.length - 1.0)))),
            wall.y_of(1.8),
        )
    _door(b.wall(_other(side)), r, _c(r, 30, 200))
    _worn_walls(b, int(r.integers(4, 12)))


# register office ceremony room


def _ceremony_chair(m: Rng) -> dict[str, U8]:
    """The kind's ceremony chair: a spindle-backed chair in the maker's gold, silver or
    white finish with its padded seat."""
    finish = _pick(m, [(200, 170, 90), (200, 200, 204), (240, 238, 232), (60, 40, 30)])
    front = _grained(m, 16, 32, (36, 34, 32), 1.0)
    front[:, :2] = finish
    front[:, 14:] = finish
    for x in (4, 7, 10):
        front[2:16, x] = finish
    front[:2] = finish
    front[16:19] = _pick(m, [(240, 236, 226), (150, 30, 40), (200, 180, 150)])
    return _tex3(front, front[:, :6].copy(), _grained(m, 16, 16, finish, 1.0))


def _registrar_desk(m: Rng) -> dict[str, U8]:
    """The kind's registrar's desk: a veneered front with two inlaid panels and a
    brass rail, a leather top."""
    tone = _wood_tone(m)
    front = _wood(m, 48, 24, tone, 3)
    for x in (4, 26):
        cv2.rectangle(front, (x, 5), (x + 17, 20), _shade(tone, 0.7), 1)
    front[1:2] = (200, 170, 80)
    top = _grained(m, 48, 24, _pick(m, [(40, 70, 50), (90, 30, 30), (30, 30, 34)]), 1.0)
    return _tex3(front, front[:, :24].copy(), top)


def _build_ceremony(b: _Build17) -> None:
    """A register office's ceremony room: papered or painted walls of the office's own
    with a dado rail, curtained windows, a carpet, a plaster ceiling; rows of the kind's
    ceremony chairs either side of an aisle runner facing the kind's registrar's desk at
    the back, flowers on stands, a mirror and paintings, a chandelier or two, a door."""
    r, m = b.fix, _mass_produced(b)
    chair, desk = _ceremony_chair(m), _registrar_desk(m)
    paint = _pick(
        r, [(230, 220, 200), (200, 214, 200), (220, 200, 210), (190, 200, 220), _c(r, 120, 240)]
    )
    motif = _shade(paint, float(r.uniform(0.8, 0.92)))
    papered = r.random() < 0.6
    dado = float(r.uniform(0.8, 1.1))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        if papered:
            step = max(4, round(float(r.uniform(0.2, 0.4)) * res))
            for y in range(step // 2, th, step):
                for xp in range((y // step) % 2 * step // 2, tw, step):
                    cv2.circle(img, (xp, y), max(1, step // 5), motif, -1)
        y = th - int(dado * res)
        img[y:] = _grained(r, tw, th - y, _shade(paint, 0.85), 1.0)
        img[y : y + max(2, round(0.04 * res))] = (240, 238, 230)
        b.fill(name, img)
    carpet = _pick(r, [(120, 40, 50), (60, 70, 100), (160, 140, 110), (80, 100, 80)])
    b.floor(
        lambda g, w, h, res: (
            _patterned(g, w, h, carpet, round(0.35 * res), 2)
            if g.random() < 0.5
            else _grained(g, w, h, carpet, 3.0)
        )
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (242, 240, 234), 1.0))
    fl = _Floor(b.w, b.d, 0.3)
    fl.take(0.0, 1.0, b.w, 2.0)
    dz = b.d - float(r.uniform(1.2, 1.8))
    _model(b, Box(float(r.uniform(-0.5, 0.5)), dz, 1.6, 0.7, 0.76, 0.0, _faces(desk, "front")))
    fl.take(0.0, dz, 3.0, 2.0)
    aisle = float(r.uniform(1.0, 1.6))
    per = max(1, min(int((b.w / 2 - aisle / 2 - 0.5) / 0.5), int(r.integers(3, 7))))
    runner = _grained(r, 16, 64, _pick(r, [(160, 20, 40), (240, 236, 226), (40, 60, 120)]), 1.5)
    runner[:, :2] = (200, 170, 80)
    runner[:, -2:] = (200, 170, 80)
    b.boxes.append(Box(0.0, (dz + 1.4) / 2, aisle * 0.8, dz - 1.6, 0.01, 0.0, _all_faces(runner)))
    z = dz - float(r.uniform(1.8, 2.4))
    while z > 2.2:
        for sx in (-1.0, 1.0):
            for j in range(per):
                x = sx * (aisle / 2 + 0.3 + 0.5 * j)
                _model(b, Box(x, z, 0.45, 0.45, 0.95, 0.0, _faces(chair, "front")))
        fl.take(0.0, z, b.w, 0.9)
        z -= float(r.uniform(0.9, 1.1))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.5, 0.5, ("back", "left", "right"))
        if spot:
            flowers = _graphic(r, 16, 24, _c(r, 120, 250))
            flowers[16:] = _wood_tone(r)
            _box(b, spot, 1.2, {"front": flowers, "top": _grained(r, 16, 16, (60, 130, 60), 4.0)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    drape = _pick(r, [(150, 30, 50), (200, 180, 120), (60, 80, 60), _c(r, 40, 220)])
    at = float(r.uniform(0.8, 2.0))
    while at + 1.4 < wall.length - 0.8:
        _window(
            wall,
            r,
            _outside(r, 32, 48),
            at,
            dado + 0.1,
            1.2,
            min(b.h - dado - 0.5, 1.9),
            (240, 240, 236),
        )
        for cx in (at - 0.35, at + 1.25):
            curtain = _grained(r, wall.px(0.35), wall.px(min(b.h - 0.5, 2.6)), drape, 2.0)
            _stripes(curtain, r, max(2, wall.px(0.08)), _shade(drape, 0.75))
            _paste(
                wall.img, curtain, wall.x_of(max(0.0, cx)), wall.y_of(min(b.h - 0.2, dado + 2.2))
            )
        at += float(r.uniform(2.2, 3.2))
    back = b.wall("back")
    for _ in range(int(r.integers(1, 3))):
        pic = _framed(
            r,
            back.px(float(r.uniform(0.6, 1.1))),
            back.px(float(r.uniform(0.5, 0.9))),
            _pick(r, [(200, 170, 80), (30, 30, 30), (240, 240, 236)]),
        )
        _paste(
            back.img,
            pic,
            back.x_of(float(r.uniform(0.3, max(0.4, b.w - 1.2)))),
            back.y_of(float(r.uniform(2.2, min(b.h - 0.3, 2.7)))),
        )
    for _ in range(int(r.integers(1, 3))):
        lamp = _grained(r, 12, 12, _pick(r, [(250, 240, 200), (230, 230, 236)]), 3.0)
        b.boxes.append(
            Box(
                float(r.uniform(-b.w / 3, b.w / 3)),
                float(r.uniform(2.5, b.d - 2.0)),
                0.6,
                0.6,
                0.5,
                b.h - 0.9,
                _all_faces(lamp),
            )
        )
    _door(b.wall(_other(side)), r, _wood_tone(r))
    _worn_walls(b, int(r.integers(3, 9)))


# banqueting suite


def _round_table(m: Rng) -> dict[str, U8]:
    """The kind's banqueting table: a round table dressed in the venue's floor-length
    white cloth, its top laid with the maker's place settings and a centre piece."""
    front = _grained(m, 32, 24, (244, 244, 240), 1.5)
    for x in range(2, 32, 5):
        front[:, x] = (226, 226, 222)
    top = _grained(m, 32, 32, (246, 246, 242), 1.0)
    cv2.circle(top, (16, 16), 15, (230, 230, 226), 1)
    for a in range(0, 360, 45):
        x, y = int(16 + 11 * np.cos(np.radians(a))), int(16 + 11 * np.sin(np.radians(a)))
        cv2.circle(top, (x, y), 2, (210, 210, 214), -1)
    cv2.circle(top, (16, 16), 3, _pick(m, [(200, 40, 60), (240, 200, 80), (60, 120, 60)]), -1)
    return _tex3(front, front, top)


def _banquet_chair(m: Rng) -> dict[str, U8]:
    """The kind's banquet chair: a stretch cover in white or black with the maker's
    coloured sash tied round its back."""
    cover = _pick(m, [(244, 244, 240), (30, 30, 34)])
    sash = _pick(m, [(180, 30, 50), (200, 170, 80), (80, 60, 140), (60, 130, 110)])
    back = _grained(m, 16, 32, cover, 1.0)
    back[9:13] = sash
    cv2.line(back, (8, 12), (5, 18), sash, 1)
    cv2.line(back, (8, 12), (11, 18), sash, 1)
    return _tex3(back, back[:, :6].copy(), back[:8].copy())


def _build_banqueting(b: _Build17) -> None:
    """A hotel's banqueting suite: walls of the hotel's own paint with panel mouldings,
    curtained windows, a patterned carpet, a ceiling with coffers; a grid of the kind's
    round tables, each ringed by the kind's chairs, a dance floor, a top table on a
    stage at the back, a bar along a side, chandeliers, a door."""
    r, m = b.fix, _mass_produced(b)
    table, chair = _round_table(m), _banquet_chair(m)
    paint = _pick(
        r, [(230, 220, 196), (200, 210, 220), (220, 200, 190), (120, 40, 50), _c(r, 80, 240)]
    )
    mould = _lighter(paint, 1.15)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        pw = max(6, round(float(r.uniform(1.0, 1.8)) * res))
        for xp in range(round(0.2 * res), tw - pw // 2, pw):
            cv2.rectangle(
                img,
                (xp, round(0.4 * res)),
                (xp + pw - round(0.3 * res), th - round(1.1 * res)),
                mould,
                max(1, round(0.03 * res)),
            )
        b.fill(name, img)
    carpet = _pick(r, [(110, 30, 40), (30, 40, 80), (100, 80, 50), (40, 70, 60)])
    b.floor(
        lambda g, w, h, res: _patterned(
            g, w, h, carpet, round(float(g.uniform(0.4, 0.7)) * res), int(g.integers(2, 4))
        )
    )

    def coffers(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (236, 232, 222), 1.0)
        step = max(6, round(float(g.uniform(1.5, 2.5)) * res))
        for x in range(0, w, step):
            img[:, x : x + max(1, round(0.1 * res))] = (210, 204, 190)
        for y in range(0, h, step):
            img[y : y + max(1, round(0.1 * res))] = (210, 204, 190)
        return img

    b.ceiling(coffers)
    fl = _Floor(b.w, b.d, 0.4)
    fl.take(0.0, 1.4, b.w, 2.8)
    stage = _wood(r, 64, 16, _wood_tone(r), 3)
    sz = b.d - 1.2
    b.boxes.append(
        Box(0.0, sz, min(b.w - 2.0, float(r.uniform(5.0, 9.0))), 2.0, 0.4, 0.0, _all_faces(stage))
    )
    cloth = _grained(r, 64, 16, _pick(r, [(244, 244, 240), (200, 170, 90), (150, 30, 50)]), 1.0)
    b.boxes.append(Box(0.0, sz, min(b.w - 3.0, 4.5), 0.8, 0.75, 0.4, _all_faces(cloth)))
    fl.take(0.0, sz, b.w, 2.6)
    dance = (float(r.uniform(-b.w / 4, b.w / 4)), float(r.uniform(b.d / 2, b.d - 4.5)))
    dfl = (
        _wood(r, 64, 64, _wood_tone(r), 4)
        if r.random() < 0.5
        else _tiles(r, 64, 64, 8, (240, 240, 236), (20, 20, 22))
    )
    if r.random() >= 0.5:
        for y in range(0, 64, 8):
            for xq in range((y // 8) % 2 * 8, 64, 16):
                dfl[y : y + 8, xq : xq + 8] = (20, 20, 22)
    size = float(r.uniform(3.5, 5.0))
    b.boxes.append(Box(dance[0], dance[1], size, size, 0.02, 0.0, _all_faces(dfl)))
    fl.take(dance[0], dance[1], size + 0.4, size + 0.4)
    for _ in range(int(r.integers(6, 20))):
        spot = fl.middle(r, 2.8, 2.8)
        if spot is None:
            break
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 1.6, 1.6, 0.76, 0.0, _faces(table, "front")))
        for dx, dz, face in (
            (0.0, -1.05, "front"),
            (0.0, 1.05, "back"),
            (-1.05, 0.0, "left"),
            (1.05, 0.0, "right"),
        ):
            _model(
                b,
                Box(
                    x + dx,
                    z + dz,
                    0.45,
                    0.45,
                    0.95,
                    0.0,
                    _faces(chair, _other(face) if face in ("left", "right") else face),
                ),
            )
    x, z, _w, _d, _f = _must(b, fl, r, 2.8, 2.8, ("left", "right", "back"))
    _model(b, Box(x, z, 1.6, 1.6, 0.76, 0.0, _faces(table, "front")))
    _model(b, Box(x, z - 1.05, 0.45, 0.45, 0.95, 0.0, _faces(chair, "front")))
    side = str(r.choice(["left", "right"]))
    spot = fl.against(r, 4.0, 0.8, (side,))
    if spot:
        bar = _wood(r, 48, 16, _wood_tone(r), 3)
        _box(b, spot, 1.1, {"front": bar, "top": _grained(r, 48, 16, (30, 30, 34), 1.0)})
    wall = b.wall(_other(side))
    drape = _pick(r, [(150, 30, 50), (200, 180, 120), (60, 80, 60), _c(r, 40, 220)])
    at = float(r.uniform(1.0, 2.5))
    while at + 1.6 < wall.length - 1.0:
        _window(wall, r, _outside(r, 32, 48), at, 0.8, 1.4, min(b.h - 1.3, 2.4), (240, 240, 236))
        curtain = _grained(r, wall.px(0.4), wall.px(b.h - 0.4), drape, 2.0)
        _stripes(curtain, r, max(2, wall.px(0.08)), _shade(drape, 0.75))
        _paste(wall.img, curtain, wall.x_of(at + 1.45), wall.y_of(b.h - 0.2))
        at += float(r.uniform(3.0, 4.5))
    for _ in range(int(r.integers(1, 4))):
        lamp = _grained(r, 12, 12, (250, 240, 200), 3.0)
        _spots(r, lamp, 20, (255, 255, 255), 1)
        b.boxes.append(
            Box(
                float(r.uniform(-b.w / 3, b.w / 3)),
                float(r.uniform(3.0, b.d - 3.0)),
                1.0,
                1.0,
                0.7,
                b.h - 1.1,
                _all_faces(lamp),
            )
        )
    _door(b.wall("front"), r, _wood_tone(r))
    _worn_walls(b, int(r.integers(4, 12)))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_crane_cab(b: _Build17) -> None:
    """A tower crane's cab, one of a building site's cranes of one make: every fixed
    thing the template's (the size, the painted lower panels, the glazing all round with
    the site below and the jib seen through the windscreen, the ribbed floor mat, the
    ceiling, the seat between its two joystick consoles, the display on its bracket, the
    heater); the crane's number plate, a sticker on a frame, a notice and what is left
    on the floor the crane's own (little)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(240, 200, 30), (230, 230, 226), (200, 70, 30), (60, 110, 170)])
    site = _outside(r, 96, 48)
    frame = _shade(paint, 0.6)
    jib = _pick(r, [(240, 200, 30), (220, 60, 30), (230, 230, 226)])
    for name in WALLS:
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(r, tw, th, paint, 1.0))
    for name, bottom, top in (("back", 0.45, 0.2), ("left", 0.85, 0.3), ("right", 0.85, 0.3)):
        wall = b.wall(name)
        h0, v0, h1, v1 = _opening(wall, 0.1, bottom, wall.length - 0.2, b.h - bottom - top)
        view = np.asarray(cv2.resize(site, (h1 - h0, v1 - v0)), np.uint8)
        if name == "back":
            vw, vh = h1 - h0, v1 - v0
            t = max(1, vw // 60)
            for k in range(0, vw, max(4, vw // 8)):
                cv2.line(view, (k, vh // 3), (k + vw // 16, vh // 6), jib, t)
            cv2.line(view, (0, vh // 3), (vw - 1, vh // 3), jib, 2 * t)
            cv2.line(view, (0, vh // 6), (vw - 1, vh // 6), jib, 2 * t)
        else:
            view = np.ascontiguousarray(view[:, ::-1]) if name == "left" else view
        wall.img[v0:v1, h0:h1] = view
        cv2.rectangle(wall.img, (h0, v0), (h1 - 1, v1 - 1), frame, max(2, wall.px(0.05)))
        mid = (h0 + h1) // 2
        wall.img[v0:v1, mid : mid + max(2, wall.px(0.04))] = frame

    def mat(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (44, 44, 48), 1.5)
        for y in range(0, h, max(3, round(0.05 * res))):
            img[y] = (64, 64, 68)
        return img

    b.floor(mat)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (228, 228, 224), 1.0))
    seat = _grained(r, 16, 24, _pick(r, [(30, 30, 34), (50, 60, 80)]), 1.5)
    b.boxes.append(Box(0.0, b.d * 0.58, 0.5, 0.5, 0.8, 0.0, _all_faces(seat)))
    console = {
        "front": _grained(r, 16, 16, (50, 52, 56), 1.0),
        "top": _grained(r, 16, 24, (40, 42, 46), 1.0),
    }
    cv2.circle(console["top"], (8, 8), 3, (20, 20, 22), -1)
    console["top"][16:19, 3:13] = _c(r, 60, 240)
    for sx in (-1.0, 1.0):
        b.boxes.append(
            Box(sx * 0.45, b.d * 0.5 + 0.1, 0.25, 0.6, 0.75, 0.0, _faces(console, "front"))
        )
    screen = _screen_text(r, 24, 16, 3, (120, 250, 120))
    b.boxes.append(
        Box(
            0.35,
            b.d - 0.35,
            0.3,
            0.05,
            0.2,
            1.1,
            _faces({"front": screen, "top": screen[:4].copy()}, "front"),
        )
    )
    heater = _grained(r, 16, 8, (200, 200, 196), 1.0)
    heater[2::3] = (150, 150, 146)
    x, z, bw, bd = _wall_box(b, "left", b.d * 0.35, 0.4, 0.15)
    b.boxes.append(Box(x, z, bw, bd, 0.3, 0.05, _all_faces(heater)))
    # The crane's own: its number plate, a sticker, a notice, a flask and a bag.
    back = b.wall("back")
    plate = _sign(
        o, back.px(0.3), back.px(0.1), (250, 250, 246), (20, 20, 20), f"TC{int(o.integers(1, 99))}"
    )
    _paste(back.img, plate, back.x_of(float(o.uniform(0.1, b.w - 0.45))), back.y_of(0.4))
    name = str(o.choice(["left", "right"]))
    wall = b.wall(name)
    sticker = _graphic(o, wall.px(0.1), wall.px(0.1), _c(o, 30, 250))
    _paste(
        wall.img,
        sticker,
        wall.x_of(float(o.uniform(0.2, wall.length - 0.3))),
        wall.y_of(float(o.uniform(1.2, 1.8))),
    )
    wall = b.wall(_other(name))
    notice = _sheet(o, wall.px(0.21), wall.px(0.3), (30, 30, 30), 5)
    _paste(wall.img, notice, wall.x_of(float(o.uniform(0.2, wall.length - 0.4))), wall.y_of(0.8))
    st = _b17(b)
    for _ in range(int(o.integers(1, 3))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * float(o.uniform(0.5, 0.7)),
                float(o.uniform(0.9, b.d - 0.4)),
                float(o.uniform(0.1, 0.3)),
                float(o.uniform(0.1, 0.25)),
                float(o.uniform(0.1, 0.35)),
                0.0,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.1, 0.1)), float(o.uniform(0.25, 0.35)))
    st.look = (0.0, 0.9, b.d)


def _build_shepherd_hut(b: _Build17) -> None:
    """A shepherd's hut on a glamping site, one of a hut maker's huts of one design
    pitched on one field: every fixed thing the maker's and the site's (the size, the
    painted tongue-and-groove walls, the windows with the field outside, the floorboards,
    the boarded ceiling, the bed across the back, the wood stove and its flue, the table
    and bench); the curtains, the pictures and mirror, a shelf of things, the coats on
    the hooks, the rug, the bedding and cushions the keeper's own (between)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(220, 226, 214), (180, 200, 190), (236, 230, 214), (160, 180, 200)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, paint, 1.0)
        _stripes(img, r, max(3, round(0.1 * res)), _shade(paint, 0.9))
        b.fill(name, img)
    field = _outside(r, 48, 32)
    frame = _pick(r, [(240, 240, 236), (60, 80, 60), (120, 80, 50)])
    windows: list[tuple[str, float]] = []
    for name, at in (("left", b.d * 0.35), ("right", b.d * 0.55), ("back", b.w / 2 - 0.4)):
        wall = b.wall(name)
        _window(wall, r, field, at, 1.0 if name != "back" else 1.1, 0.8, 0.7, frame)
        windows.append((name, at))
    tone = _wood_tone(r)
    b.floor(lambda g, w, h, res: _wood(g, w, h, tone, 5))
    b.ceiling(_boards(_lighter(paint, 1.05)))
    bed = {
        "front": _wood(r, 32, 12, _wood_tone(r), 3),
        "top": _grained(r, 32, 16, (240, 240, 236), 1.0),
    }
    b.boxes.append(Box(0.0, b.d - 0.7, b.w - 0.1, 1.35, 0.5, 0.0, _faces(bed, "front")))
    b.tops.append((0.0, b.d - 0.7, b.w - 0.1, 1.35, 0.5))
    stove = {
        "front": _grained(r, 16, 16, (30, 30, 32), 1.5),
        "top": _grained(r, 16, 16, (40, 40, 42), 1.0),
    }
    stove["front"][5:12, 3:13] = (200, 100, 30)
    x, z, bw, bd = _wall_box(b, "left", 1.0, 0.45, 0.45)
    b.boxes.append(Box(x, z, bw, bd, 0.6, 0.15, _faces(stove, "right")))
    flue = _grained(r, 4, 32, (30, 30, 32), 1.0)
    b.boxes.append(Box(x, z, 0.12, 0.12, b.h - 0.75, 0.75, _all_faces(flue)))
    table = {"front": _wood(r, 24, 12, _wood_tone(r), 3), "top": _wood(r, 24, 16, _wood_tone(r), 3)}
    x, z, bw, bd = _wall_box(b, "right", b.d * 0.45, 0.8, 0.5)
    b.boxes.append(Box(x, z, bw, bd, 0.72, 0.0, _faces(table, "left")))
    b.tops.append((x, z, bw, bd, 0.72))
    # The keeper's own: curtains, pictures, a shelf, coats on hooks, a rug, bedding.
    fabric = _c(o, 40, 240)
    for name, at in windows:
        wall = b.wall(name)
        for cx in (at - 0.22, at + 0.8):
            curtain = _grained(o, wall.px(0.22), wall.px(0.9), fabric, 2.0)
            _stripes(curtain, o, max(2, wall.px(float(o.uniform(0.03, 0.08)))), _c(o, 20, 250))
            _paste(
                wall.img,
                curtain,
                wall.x_of(max(0.0, cx)),
                wall.y_of(1.85 if name != "back" else 1.95),
            )
    for _ in range(int(o.integers(2, 5))):
        name = str(o.choice(["left", "right", "front"]))
        wall = b.wall(name)
        pic = _framed(
            o,
            wall.px(float(o.uniform(0.2, 0.45))),
            wall.px(float(o.uniform(0.2, 0.4))),
            _c(o, 20, 240),
        )
        _paste(
            wall.img,
            pic,
            wall.x_of(float(o.uniform(0.1, max(0.15, wall.length - 0.5)))),
            wall.y_of(float(o.uniform(1.5, 2.0))),
        )
    wall = b.wall("right")
    shelf_w = float(o.uniform(0.8, 1.2))
    l0, t0, l1, t1 = _opening(
        wall, float(o.uniform(0.2, max(0.25, wall.length - shelf_w - 1.6))), 1.35, shelf_w, 0.45
    )
    wall.img[t0:t1, l0:l1] = _shelf_of(
        o, l1 - l0, t1 - t0, _wood_tone(o), (_books, _bottles, _pots)[int(o.integers(0, 3))](o)
    )[: t1 - t0, : l1 - l0]
    wall = b.wall("front")
    l0, t0, l1, t1 = _opening(
        wall,
        float(o.uniform(0.1, max(0.15, wall.length - 0.8))),
        0.9,
        float(o.uniform(0.5, 0.7)),
        0.9,
    )
    wall.img[t0:t1, l0:l1] = _hung(o, l1 - l0, t1 - t0, paint)[: t1 - t0, : l1 - l0]
    st = _b17(b)
    rug = _patterned(o, 32, 24, _c(o, 30, 200), 6, 2)
    st.own_boxes.append(
        Box(
            float(o.uniform(-0.2, 0.2)),
            float(o.uniform(1.4, b.d - 2.0)),
            float(o.uniform(0.9, 1.4)),
            float(o.uniform(0.6, 1.0)),
            0.01,
            0.0,
            _all_faces(rug),
        )
    )
    duvet = _grained(o, 32, 16, _c(o, 40, 250), 2.0)
    _stripes(duvet, o, int(o.integers(2, 6)), _c(o, 40, 250))
    st.own_boxes.append(Box(0.0, b.d - 0.75, b.w - 0.3, 1.2, 0.12, 0.5, _all_faces(duvet)))
    for _ in range(int(o.integers(1, 4))):
        cushion = _grained(o, 12, 12, _c(o, 30, 250), 2.0)
        st.own_boxes.append(
            Box(float(o.uniform(-0.8, 0.8)), b.d - 0.25, 0.4, 0.15, 0.35, 0.6, _all_faces(cushion))
        )
    for _ in range(int(o.integers(1, 3))):
        thing = _grained(o, 12, 12, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(0.5, 0.9)),
                float(o.uniform(b.d * 0.45 - 0.3, b.d * 0.45 + 0.3)),
                0.15,
                0.15,
                float(o.uniform(0.08, 0.3)),
                0.72,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.15, 0.15)), float(o.uniform(0.3, 0.45)))
    st.look = (float(o.uniform(-0.3, 0.3)), 1.0, b.d)


def _blanket(o: Rng, w: int, h: int) -> U8:
    """A removal blanket hung over a rail: quilted in a colour with its stitched
    diamonds and a bound edge, hanging in folds."""
    col = _pick(o, [(40, 70, 150), (90, 94, 100), (40, 110, 70), (150, 40, 40), _c(o, 30, 200)])
    img = _grained(o, max(8, w), max(8, h), col, 3.0)
    ih, iw = img.shape[:2]
    step = max(4, ih // int(o.integers(5, 10)))
    for k in range(-ih, iw + ih, step):
        cv2.line(img, (k, 0), (k + ih, ih), _shade(col, 0.75), 1)
        cv2.line(img, (k, ih), (k + ih, 0), _shade(col, 0.75), 1)
    img[: max(2, ih // 30)] = _shade(col, 0.5)
    img[-max(2, ih // 30) :] = _shade(col, 0.5)
    folds = 0.8 + 0.2 * np.cos(np.arange(iw) / max(2.0, iw / float(o.uniform(4, 12))) * 2 * np.pi)
    return _u8(img.astype(np.float32) * folds[None, :, None].astype(np.float32))


def _build_hire_van(b: _Build17) -> None:
    """A hire firm's large van seen from its open back doors, one of the firm's vans of
    one make: every fixed thing the firm's (the size, the ply lining with its tie
    rails, the steel bulkhead with the window to the cab, the ply floor with its lashing
    rings, the ribbed roof with its light, the wheel arches); the hirer's removal
    blankets hung over the rails on the sides and the bulkhead (60-90 % of each wall's
    length, up to 1.3-1.7 m), their straps and the load (boxes, a piece or two of
    furniture) their own (much)."""
    r, o = b.fix, b.own
    ply = _wood_tone(r)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _wood(r, tw, th, _lighter(ply, 1.1), 6)
        for y in (0.6, 1.2):
            yy = th - int(y * res)
            img[yy : yy + max(2, round(0.04 * res))] = (150, 152, 156)
        b.fill(name, img)
    back = b.wall("back")
    back.img[:] = _steel(r, back.img.shape[1], back.img.shape[0], 185)
    h0, v0, h1, v1 = _opening(back, b.w / 2 - 0.35, 1.3, 0.7, 0.35)
    cab = _grained(r, h1 - h0, v1 - v0, (30, 32, 36), 2.0)
    cab[(v1 - v0) // 2 :, : (h1 - h0) // 3] = _pick(r, [(60, 60, 70), (40, 50, 80)])
    back.img[v0:v1, h0:h1] = cab

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _wood(g, w, h, _shade(ply, 0.8), 4)
        for y in range(round(0.5 * res), h, max(4, round(0.9 * res))):
            for x in (round(0.1 * res), w - round(0.1 * res)):
                cv2.circle(img, (x, y), max(1, round(0.03 * res)), (150, 152, 156), -1)
        return img

    b.floor(floor)

    def roof(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (226, 226, 222), 1.0)
        for y in range(0, h, max(4, round(0.5 * res))):
            img[y : y + max(1, round(0.05 * res))] = (190, 190, 186)
        img[h // 2 - 3 : h // 2 + 3, w // 2 - 8 : w // 2 + 8] = (252, 252, 240)
        return img

    b.ceiling(roof)
    arch = _grained(r, 16, 16, (60, 62, 66), 1.5)
    for sx in (-1.0, 1.0):
        b.boxes.append(
            Box(sx * (b.w / 2 - 0.12), b.d * 0.55, 0.24, 1.0, 0.3, 0.0, _all_faces(arch))
        )
    # The hirer's own: blankets over the rails, straps, the load.
    height = float(o.uniform(1.3, min(1.7, b.h - 0.05)))
    frac = float(o.uniform(0.6, 0.9))
    strap = _c(o, 30, 250)
    for name in ("back", "left", "right"):
        wall = b.wall(name)
        start = float(o.uniform(0.0, max(0.02, (1 - frac) * wall.length)))
        l0, t0, l1, t1 = _opening(wall, start, 0.0, frac * wall.length, height)
        img = _blanket(o, l1 - l0, t1 - t0)
        for _ in range(int(o.integers(0, 3))):
            x = int(o.integers(0, max(1, img.shape[1])))
            img[:, x : x + max(2, img.shape[1] // 60)] = strap
        wall.img[t0:t1, l0:l1] = img[: t1 - t0, : l1 - l0]
    st = _b17(b)
    for _ in range(int(o.integers(4, 10))):
        box = _grained(o, 12, 12, _pick(o, [(180, 140, 90), (200, 160, 110), (160, 120, 80)]), 2.0)
        box[5:7] = (210, 200, 170)
        s = float(o.uniform(0.3, 0.6))
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.3, b.w / 2 - 0.3)),
                float(o.uniform(1.2, b.d - 0.3)),
                s,
                s,
                float(o.uniform(0.25, 0.6)),
                0.0,
                _all_faces(box),
            )
        )
    for _ in range(int(o.integers(1, 3))):
        piece = _grained(o, 24, 24, _pick(o, [(240, 240, 236), _wood_tone(o), _c(o, 30, 200)]), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.3, 0.3)),
                float(o.uniform(1.8, b.d - 0.5)),
                float(o.uniform(0.6, 1.2)),
                float(o.uniform(0.5, 0.9)),
                float(o.uniform(0.6, 1.4)),
                0.0,
                _all_faces(piece),
            )
        )
    st.stand = (float(o.uniform(-0.12, 0.12)), float(o.uniform(0.2, 0.35)))
    st.look = (0.0, 0.9, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "council chamber": _build_council,
    "airport security hall": _build_security,
    "station cycle hub": _build_cycle_hub,
    "bingo hall": _build_bingo,
    "exam hall": _build_exam_hall,
    "traffic control room": _build_control_room,
    "register office ceremony room": _build_ceremony,
    "banqueting suite": _build_banqueting,
    "cranecab": _build_crane_cab,
    "shepherdhut": _build_shepherd_hut,
    "hirevan": _build_hire_van,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v31's kinds and v31's day seeds."""

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
    """The original picture of a place, carrying its ``Place`` for ``views_v31``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v31(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v31 (``bench/link.py --generator v31``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v31``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    council chamber, banqueting suite or exam hall."""
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


def crouched(place: Place, rng: Rng) -> Camera:
    """The camera of ``crouched``: the place photographed again from a crouch, the
    camera 0.85-1.15 m above the floor (at most 0.55 of the room's height in the small
    places), moved up to 0.5 m aside and forward (x the small places' share), turned
    6-16 degrees to one side and tilted up by 2-8 degrees from where the original
    looked; the first of ten ever shorter moves that leaves it 0.15 m clear of every
    thing, or kept where it stood (lowered)."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    y = min(float(rng.uniform(0.85, 1.15)), 0.55 * place.height if place.base in SMALL else 9.0)
    dx, dz = float(rng.uniform(-0.5, 0.5)), float(rng.uniform(0.0, 0.5))
    pos = _inside(place, _vec(float(c.pos[0]), y, float(c.pos[2])))
    for n in range(10):
        short = 1.0 - n / 10
        cand = _inside(
            place, _vec(float(c.pos[0]) + dx * k * short, y, float(c.pos[2]) + dz * k * short)
        )
        if _free(place, cand, 0.15):  # type: ignore[arg-type]
            pos = cand
            break
    turn = float(rng.uniform(6, 16)) * float(rng.choice([-1.0, 1.0]))
    return Camera(pos, c.yaw + turn, c.pitch + float(rng.uniform(2, 8)), c.hfov)


# --- views ----------------------------------------------------------------------------------------


def _far_top(img: F32 | U8, far: float) -> U8:
    """``img`` seen from in front and above, as a thing lying on a table: its top edge
    ``far`` times as wide as its bottom edge (centred), the rest filled by the edge."""
    h, w = img.shape[:2]
    dx = w * (1 - far) / 2
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = np.array([[dx, 0], [w - dx, 0], [w, h], [0, h]], np.float32)
    seen = cv2.warpPerspective(
        np.asarray(img, np.float32),
        cv2.getPerspectiveTransform(src, dst),
        (w, h),
        borderMode=cv2.BORDER_REPLICATE,
    )
    return _u8(np.asarray(seen, np.float32))


def _turned(img: U8, degrees: float) -> U8:
    h, w = img.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return np.asarray(cv2.warpAffine(img, mat, (w, h), borderMode=cv2.BORDER_REFLECT), np.uint8)


def _table(rng: Rng, w: int, h: int) -> F32:
    """A table or a worktop under a thing photographed: wood, pale laminate or speckled
    stone, lit a little more at the top."""
    u = rng.random()
    if u < 0.45:
        img = _wood(rng, w, h, _wood_tone(rng), 6)
    elif u < 0.75:
        img = _grained(rng, w, h, _pick(rng, [(236, 234, 228), (200, 204, 208), (60, 60, 64)]), 2.0)
    else:
        img = _grained(rng, w, h, _pick(rng, [(220, 216, 208), (90, 90, 94)]), 3.0)
        _spots(rng, img, max(10, w * h // 80), (140, 140, 140), 1)
    yy, _xx = _grid(h, w)
    light = 1.08 - 0.16 * np.asarray(yy, np.float32) / max(1, h - 1)
    return np.asarray(np.asarray(img, np.float32) * light[:, :, None], np.float32)


def emailed(img: U8, rng: Rng) -> U8:
    """The picture sent by e-mail at the mail app's "medium" size: shrunk to 38-55 % of
    its width, saved once at JPEG quality 50-68, then opened and shown full size (scaled
    back up)."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.38, 0.55))
    size = (max(8, round(w * k)), max(6, round(h * k)))
    small = np.asarray(
        cv2.resize(np.ascontiguousarray(img), size, interpolation=cv2.INTER_AREA), np.uint8
    )
    small = _rejpeg(small, int(rng.integers(50, 69)))
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)


def trimmed(img: U8, rng: Rng) -> U8:
    """The picture trimmed in an editor: 4-16 % cut off each edge (each its own share),
    what is left scaled back up to the whole frame (so its shape changes a little)."""
    h, w = img.shape[:2]
    left, right = float(rng.uniform(0.04, 0.16)), float(rng.uniform(0.04, 0.16))
    top, bottom = float(rng.uniform(0.04, 0.16)), float(rng.uniform(0.04, 0.16))
    x0, x1 = round(w * left), max(round(w * left) + 2, round(w * (1 - right)))
    y0, y1 = round(h * top), max(round(h * top) + 2, round(h * (1 - bottom)))
    part = np.ascontiguousarray(img[y0:y1, x0:x1])
    return np.asarray(cv2.resize(part, (w, h), interpolation=cv2.INTER_CUBIC), np.uint8)


def blue_hour(img: U8, rng: Rng) -> U8:
    """The place re-photographed at dusk, the lights off: 45-60 % of the light, a
    little more from above (+10-25 % at the top), a blue cast (red x0.75-0.85, blue
    x1.1-1.2), the shadows lifted bluish (+6-12), sensor noise (sigma 2.5)."""
    h, w = img.shape[:2]
    yy, _xx = _grid(h, w)
    light = float(rng.uniform(0.45, 0.6)) * (
        1 + float(rng.uniform(0.1, 0.25)) * (1 - np.asarray(yy, np.float32) / max(1, h - 1))
    )
    cast = np.array([rng.uniform(0.75, 0.85), 1.0, rng.uniform(1.1, 1.2)], np.float32)
    lift = float(rng.uniform(6, 12)) * np.array([0.6, 0.8, 1.2], np.float32)
    out = img.astype(np.float32) * light[:, :, None] * cast + lift
    return _noise(_u8(out), rng, 2.5)


def against_light(img: U8, rng: Rng) -> U8:
    """The place re-photographed against a bright window just out of frame: the camera
    exposing for the window, so the room 50-65 % as bright with its shadows crushed
    (gamma 1.3-1.6), a veil of glare (35-55 % white at its strongest, warm) spreading
    from the top corner on the window's side over 35-55 % of the diagonal."""
    h, w = img.shape[:2]
    f = (img.astype(np.float32) / 255.0) ** float(rng.uniform(1.3, 1.6))
    f *= float(rng.uniform(0.5, 0.65)) * 255.0
    yy, xx = _grid(h, w)
    left = rng.random() < 0.5
    cx = -0.1 * w if left else 1.1 * w
    cy = float(rng.uniform(-0.1, 0.3)) * h
    diag = float(np.hypot(w, h))
    d2 = ((np.asarray(xx, np.float32) - cx) ** 2 + (np.asarray(yy, np.float32) - cy) ** 2) / (
        float(rng.uniform(0.35, 0.55)) * diag
    ) ** 2
    veil = float(rng.uniform(0.35, 0.55)) * np.exp(-d2)
    warm = np.array([255.0, 246.0, 226.0], np.float32)
    out = f * (1 - veil[:, :, None]) + warm * veil[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def dim_zoom(img: U8, rng: Rng) -> U8:
    """The place re-photographed in a dim room on the phone's digital zoom: a part 50-66 %
    of the frame's width and height (anywhere) read from the sensor at 25-40 % of the
    light with read noise (sigma 3-5) and blotches of colour noise, pushed back up
    x2-3, 30-45 % of its colour gone, the phone's 3x3 median smear, then blown up to
    the whole frame (soft)."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.5, 0.66))
    cw, ch = max(8, round(w * k)), max(6, round(h * k))
    x0, y0 = int(rng.integers(0, max(1, w - cw + 1))), int(rng.integers(0, max(1, h - ch + 1)))
    part = img[y0 : y0 + ch, x0 : x0 + cw].astype(np.float32) * float(rng.uniform(0.25, 0.4))
    part += rng.normal(0.0, float(rng.uniform(3, 5)), part.shape).astype(np.float32)
    for c in range(3):
        part[:, :, c] += (_field(rng, cw, ch, max(3, cw // 30)) - 0.5) * float(rng.uniform(3, 6))
    part *= float(rng.uniform(2.0, 3.0))
    grey = part.mean(axis=2, keepdims=True)
    mix = float(rng.uniform(0.3, 0.45))
    part = part * (1 - mix) + grey * mix
    part_u8 = np.asarray(cv2.medianBlur(_u8(part), 3), np.uint8)
    return np.asarray(cv2.resize(part_u8, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8)


# The photo app of ``cloudalbum`` (made up): a light theme, a teal accent, its bars.
_APP_BAR = (250, 250, 252)
_APP_ACCENT = (0, 150, 136)
_APP_INK = (40, 44, 52)
_APP_STRIP = (238, 240, 243)
_APP_VIEWER = (16, 16, 18)


def _icon(out: F32 | U8, kind: int, cx: int, cy: int, r: int, col: Colour, fill: bool) -> None:
    """One of the apps' icons: a heart, a share arrow, a star, a grid, a magnifier, a
    cloud."""
    t = -1 if fill else max(1, r // 4)
    if kind == 0:
        pts = np.array(
            [
                [cx, cy + r],
                [cx - r, cy - r // 4],
                [cx - r // 2, cy - r],
                [cx, cy - r // 2],
                [cx + r // 2, cy - r],
                [cx + r, cy - r // 4],
            ],
            np.int32,
        )
        if fill:
            cv2.fillPoly(out, [pts], col)
        else:
            cv2.polylines(out, [pts], True, col, t)
    elif kind == 1:
        cv2.line(out, (cx - r, cy + r), (cx + r, cy - r), col, max(1, r // 4))
        cv2.line(out, (cx + r, cy - r), (cx + r // 4, cy - r), col, max(1, r // 4))
        cv2.line(out, (cx + r, cy - r), (cx + r, cy - r // 4), col, max(1, r // 4))
    elif kind == 2:
        pts = np.array(
            [
                [
                    cx + r * np.cos(a) * (1 if i % 2 == 0 else 0.45),
                    cy + r * np.sin(a) * (1 if i % 2 == 0 else 0.45),
                ]
                for i, a in enumerate(np.linspace(-np.pi / 2, 3 * np.pi / 2, 11)[:10])
            ],
            np.int32,
        )
        if fill:
            cv2.fillPoly(out, [pts], col)
        else:
            cv2.polylines(out, [pts], True, col, t)
    elif kind == 3:
        s = max(1, r // 2)
        for dx in (-s, s):
            for dy in (-s, s):
                cv2.rectangle(
                    out,
                    (cx + dx - s // 2 - 1, cy + dy - s // 2 - 1),
                    (cx + dx + s // 2, cy + dy + s // 2),
                    col,
                    t,
                )
    elif kind == 4:
        cv2.circle(out, (cx - r // 4, cy - r // 4), max(1, r * 2 // 3), col, max(1, r // 4))
        cv2.line(out, (cx + r // 4, cy + r // 4), (cx + r, cy + r), col, max(1, r // 3))
    else:
        cv2.ellipse(out, (cx, cy), (r, max(1, r // 2)), 0.0, 0.0, 360.0, col, t)
        cv2.circle(out, (cx - r // 3, cy - r // 3), max(1, r // 2), col, t)


def _thumb(rng: Rng, w: int, h: int) -> U8:
    """Another picture in an album or a sidebar: a made-up landscape, a street or a
    pattern."""
    u = rng.random()
    if u < 0.4:
        return _landscape(rng, max(4, w), max(4, h))
    if u < 0.7:
        return _outside(rng, max(4, w), max(4, h))
    return _graphic(rng, max(4, w), max(4, h), _c(rng, 30, 230))


def cloud_album(img: U8, rng: Rng) -> U8:
    """A screenshot of one cloud photo app (made up; every ``cloudalbum`` is this app)
    showing the picture: the status bar (the time, the battery), the app's white top bar
    with its teal back arrow, the album's name and the date (each picture's own), a
    share arrow, a heart (filled or not) and a menu; the picture fitted into a black
    viewer; a grey strip of six to nine thumbnails of the album's other pictures (made
    up) with the picture's own outlined in teal, scrolled anywhere; a white bottom bar
    of four icons, one of them teal (the open tab). The chrome takes 33 % of the
    height."""
    h, w = img.shape[:2]
    s = _scale(min(w, int(h * 4 / 3)))
    sb, tb = max(3, round(h * 0.04)), max(5, round(h * 0.09))
    ts, nb = max(6, round(h * 0.12)), max(5, round(h * 0.08))
    out = np.full((h, w, 3), _APP_BAR, np.float32)
    _say(
        out,
        rng,
        f"{int(rng.integers(0, 24))}:{int(rng.integers(10, 60))}",
        max(2, int(6 * s)),
        sb - 1,
        max(2, sb * 2 // 3),
        _APP_INK,
    )
    bx = w - max(10, int(22 * s))
    cv2.rectangle(
        out, (bx, max(0, sb // 4)), (bx + max(5, int(12 * s)), max(1, sb * 3 // 4)), _APP_INK, 1
    )
    r = max(2, tb // 4)
    cy = sb + tb // 2
    cv2.line(
        out, (max(2, int(8 * s)) + r, cy - r), (max(2, int(8 * s)), cy), _APP_ACCENT, max(1, r // 2)
    )
    cv2.line(
        out, (max(2, int(8 * s)), cy), (max(2, int(8 * s)) + r, cy + r), _APP_ACCENT, max(1, r // 2)
    )
    album = f"{_word(rng, (1, 3)).title()} {int(rng.integers(2015, 2026))}"
    _say(out, rng, album, max(4, int(24 * s)), cy, max(2, tb // 3), _APP_INK)
    _say(
        out,
        rng,
        f"{int(rng.integers(1, 29))}.{int(rng.integers(1, 13))}. "
        f"{int(rng.integers(0, 24))}:{int(rng.integers(10, 60))}",
        max(4, int(24 * s)),
        cy + tb // 3,
        max(2, tb // 5),
        (120, 124, 130),
    )
    for k, kind in enumerate((1, 0, 3)):
        _icon(
            out,
            kind,
            w - (k + 1) * max(6, int(22 * s)),
            cy,
            r,
            _APP_ACCENT if kind == 0 else _APP_INK,
            kind == 0 and rng.random() < 0.5,
        )
    top, bottom = sb + tb, h - ts - nb
    out[top:bottom] = _APP_VIEWER
    vh, vw = bottom - top, w
    ih, iw = img.shape[:2]
    scale = min(vw / iw, vh / ih)
    pw, ph = max(2, int(iw * scale)), max(2, int(ih * scale))
    _paste_f(out, _fit(img, pw, ph).astype(np.float32), (vw - pw) // 2, top + (vh - ph) // 2)
    out[bottom : bottom + ts] = _APP_STRIP
    side = max(4, ts - 4)
    n = int(rng.integers(6, 10))
    pick = int(rng.integers(0, n))
    x = int(rng.integers(-side // 2, 3))
    for k in range(n):
        if k == pick:
            th = _fit(img, side, side).astype(np.float32)
        else:
            th = _thumb(rng, side, side).astype(np.float32)
        th = th[:side, :side]
        if -side < x < w:
            x0 = max(0, x)
            part = th[:, x0 - x : min(side, w - x)]
            out[bottom + 2 : bottom + 2 + side, x0 : x0 + part.shape[1]] = part
            if k == pick:
                cv2.rectangle(
                    out,
                    (x, bottom + 2),
                    (x + side - 1, bottom + 1 + side),
                    _APP_ACCENT,
                    max(1, side // 14),
                )
        x += side + 3
    cv2.line(out, (0, h - nb), (w - 1, h - nb), (220, 222, 226), 1)
    tab = int(rng.integers(0, 4))
    for k, kind in enumerate((3, 5, 4, 2)):
        cx = w * (2 * k + 1) // 8
        _icon(
            out,
            kind,
            cx,
            h - nb // 2,
            max(2, nb // 4),
            _APP_ACCENT if k == tab else (150, 154, 160),
            False,
        )
    return _u8(out)


# The forum of ``forumthread`` (made up): its header's colour and its name.
_FORUM_TOP = (52, 58, 120)
_FORUM_PAGE = (236, 237, 241)
_FORUM_NAME = "HEARTHBOARD"


def forum_thread(img: U8, rng: Rng) -> U8:
    """A browser's screenshot of a thread on one web forum (made up; every
    ``forumthread`` is this forum): the browser's dark tab strip with two to four tabs
    (their titles the picture's own), the address bar with the forum's address and the
    thread's own path, the forum's indigo header with its white house logo and name, a
    breadcrumb, a white post with a round initial avatar (no face), a user name, a date
    and one to three lines of text, the picture 46-60 % of the page's width under them,
    reply, quote and like buttons with counts, and a sidebar of related threads with
    their thumbnails."""
    h, w = img.shape[:2]
    s = _scale(min(w, int(h * 4 / 3)))
    out = np.full((h, w, 3), _FORUM_PAGE, np.float32)
    tabs, addr, head = max(3, round(h * 0.05)), max(4, round(h * 0.06)), max(5, round(h * 0.09))
    out[:tabs] = (53, 54, 58)
    x = max(2, int(6 * s))
    for k in range(int(rng.integers(2, 5))):
        tw = max(8, int(w * float(rng.uniform(0.14, 0.22))))
        col = (72, 74, 80) if k else (88, 90, 96)
        out[max(1, tabs // 5) : tabs, x : min(w, x + tw)] = col
        _say(
            out,
            rng,
            _word(rng, (1, 3)).title(),
            x + 3,
            tabs - max(1, tabs // 4),
            max(2, tabs // 2),
            (220, 222, 226),
        )
        x += tw + 2
    out[tabs : tabs + addr] = (240, 240, 242)
    cv2.rectangle(
        out,
        (max(2, int(40 * s)), tabs + max(1, addr // 6)),
        (w - max(2, int(30 * s)), tabs + addr - max(1, addr // 6)),
        (255, 255, 255),
        -1,
    )
    _say(
        out,
        rng,
        f"hearthboard.example/t/{_word(rng, (2, 3))}.{int(rng.integers(1000, 99999))}",
        max(4, int(48 * s)),
        tabs + addr * 2 // 3,
        max(2, addr // 2),
        (60, 64, 70),
    )
    y0 = tabs + addr
    out[y0 : y0 + head] = _FORUM_TOP
    lx, ly, lr = max(3, int(12 * s)), y0 + head // 2, max(2, head // 3)
    roof = np.array([[lx, ly], [lx + lr, ly - lr], [lx + 2 * lr, ly]], np.int32)
    cv2.fillPoly(out, [roof], (255, 255, 255))
    cv2.rectangle(out, (lx + lr // 3, ly), (lx + 2 * lr - lr // 3, ly + lr), (255, 255, 255), -1)
    cv2.putText(
        out,
        _FORUM_NAME,
        (lx + 2 * lr + 4, ly + lr // 2),
        cv2.FONT_HERSHEY_SIMPLEX,
        max(0.2, head / 70),
        (255, 255, 255),
        max(1, head // 25),
        cv2.LINE_AA,
    )
    _say(
        out,
        rng,
        "Log in",
        w - max(10, int(50 * s)),
        ly + lr // 2,
        max(2, head // 4),
        (230, 230, 240),
    )
    y = y0 + head + max(3, int(6 * s))
    _say(
        out,
        rng,
        f"{_word(rng, (1, 2)).title()} > {_word(rng, (2, 3)).title()}",
        max(3, int(12 * s)),
        y + max(2, int(6 * s)),
        max(2, int(7 * s)),
        (90, 96, 140),
    )
    y += max(4, int(12 * s))
    main_w = int(w * 0.72)
    px0, px1 = max(3, int(10 * s)), main_w
    out[y : h - 1, px0:px1] = (255, 255, 255)
    ar = max(3, int(12 * s))
    acol = _c(rng, 40, 220)
    cv2.circle(out, (px0 + ar + 4, y + ar + 4), ar, acol, -1)
    _say(
        out,
        rng,
        _word(rng, (1, 1)).upper()[:1],
        px0 + ar,
        y + ar + 4 + ar // 2,
        max(2, ar),
        (255, 255, 255),
    )
    _say(
        out,
        rng,
        _word(rng, (2, 3)).lower(),
        px0 + 2 * ar + 10,
        y + ar,
        max(2, int(8 * s)),
        (40, 60, 140),
    )
    _say(
        out,
        rng,
        f"{int(rng.integers(1, 29))} {_word(rng, (1, 1)).title()} {int(rng.integers(2015, 2026))}",
        px0 + 2 * ar + 10,
        y + 2 * ar,
        max(2, int(6 * s)),
        (130, 134, 140),
    )
    y += 2 * ar + max(4, int(10 * s))
    for _ in range(int(rng.integers(1, 4))):
        _say(
            out,
            rng,
            " ".join(_word(rng, (1, 3)) for _ in range(int(rng.integers(3, 7)))),
            px0 + 6,
            y,
            max(2, int(7 * s)),
            (50, 52, 58),
        )
        y += max(3, int(11 * s))
    pw = int(w * float(rng.uniform(0.46, 0.6)))
    ph = int(pw * img.shape[0] / img.shape[1])
    ph = max(4, min(ph, h - y - max(8, int(24 * s))))
    pw = max(4, min(pw, int(ph * img.shape[1] / img.shape[0]), px1 - px0 - 8))
    _paste_f(out, _fit(img, pw, ph).astype(np.float32), px0 + 6, y)
    y += ph + max(3, int(8 * s))
    bx = px0 + 6
    for label in ("Reply", "Quote", f"{int(rng.integers(0, 250))}"):
        bw = max(8, int(40 * s))
        cv2.rectangle(out, (bx, y), (bx + bw, y + max(3, int(12 * s))), (226, 228, 236), -1)
        _say(out, rng, label, bx + 3, y + max(2, int(10 * s)), max(2, int(6 * s)), (60, 70, 120))
        bx += bw + max(2, int(6 * s))
    sx0 = main_w + max(3, int(8 * s))
    ys = y0 + head + max(4, int(18 * s))
    out[ys : h - 1, sx0 : w - 2] = (255, 255, 255)
    _say(out, rng, "Related", sx0 + 3, ys + max(3, int(10 * s)), max(2, int(7 * s)), _FORUM_TOP)
    ys += max(4, int(16 * s))
    row = max(6, int(26 * s))
    for _ in range(int(rng.integers(4, 7))):
        if ys + row > h - 2:
            break
        tsz = max(3, row - 4)
        _paste_f(out, _thumb(rng, tsz, tsz).astype(np.float32), sx0 + 3, ys)
        _say(
            out,
            rng,
            _word(rng, (2, 3)).title(),
            sx0 + tsz + 6,
            ys + tsz // 2,
            max(2, int(6 * s)),
            (50, 52, 58),
        )
        ys += row
    return _u8(out)


def mouse_mat(img: U8, rng: Rng) -> U8:
    """The picture printed on a mouse mat on a desk, photographed from the chair: the mat
    (60-72 % of the frame's width, rounded, its print duller: contrast x0.8-0.9 with a
    fabric weave) on a desk, a keyboard's edge over its top (0-12 % of it), a mouse on it
    (its body 9-13 % of the frame's width, with its cable), their shadows, the whole
    seen at a slant (the far edge 82-92 % of the near one's width)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    mw = int(w * float(rng.uniform(0.6, 0.72)))
    mh = min(int(mw * 0.78), int(h * 0.82))
    x0 = (w - mw) // 2 + int(rng.integers(-max(1, w // 20), max(2, w // 20)))
    y0 = (h - mh) // 2 + int(rng.integers(0, max(1, h // 12)))
    pic = _fit(img, mw, mh).astype(np.float32)
    k = float(rng.uniform(0.8, 0.9))
    pic = (pic - 128) * k + 128 + 6
    yy, xx = _grid(mh, mw)
    weave = ((np.asarray(xx) + np.asarray(yy)) % 3 == 0).astype(np.float32)
    pic *= (1 - 0.06 * weave)[:, :, None]
    mask = _rounded(mh, mw, max(2, mh // 10)).astype(np.float32)
    _shadow(out, x0 + int(3 * s), y0 + int(3 * s), mw, mh, 3 * s, 0.3)
    _blend(out, pic, x0, y0, mask)
    kb = int(mh * float(rng.uniform(0.0, 0.12)))
    if kb > 0:
        kx0, kx1 = x0 - int(mw * 0.05), x0 + int(mw * float(rng.uniform(0.7, 1.05)))
        ky0 = max(0, y0 - int(h * 0.2))
        body = _pick(rng, [(30, 30, 34), (220, 222, 226), (60, 62, 66)])
        _shadow(out, max(0, kx0), ky0 + int(3 * s), max(1, kx1 - kx0), y0 + kb - ky0, 3 * s, 0.4)
        out[ky0 : y0 + kb, max(0, kx0) : min(w, kx1)] = body
        step = max(3, int(9 * s))
        for yk in range(ky0 + 2, y0 + kb - 2, step):
            for xk in range(max(0, kx0) + 2, min(w, kx1) - step, step):
                out[yk : yk + step - 2, xk : xk + step - 2] = (
                    _shade(body, 0.8) if body[0] > 128 else _lighter(body, 1.6)
                )
    mwid = max(4, int(w * float(rng.uniform(0.09, 0.13))))
    mlen = int(mwid * 1.6)
    mx = x0 + int(mw * float(rng.uniform(0.55, 0.85)))
    my = y0 + int(mh * float(rng.uniform(0.35, 0.7)))
    mcol = _pick(rng, [(30, 30, 34), (200, 202, 206), (60, 60, 70)])
    shadow = np.zeros((h, w), np.float32)
    cv2.ellipse(
        shadow, (mx + int(4 * s), my + int(5 * s)), (mwid // 2, mlen // 2), 0.0, 0.0, 360.0, 1.0, -1
    )
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 4 * s)), np.float32)
    out *= (1 - 0.5 * shadow)[:, :, None]
    cv2.line(
        out,
        (mx, my - mlen // 2),
        (mx + int(rng.integers(-w // 8, w // 8 + 1)), 0),
        mcol,
        max(1, int(2 * s)),
    )
    cv2.ellipse(out, (mx, my), (mwid // 2, mlen // 2), 0.0, 0.0, 360.0, mcol, -1)
    cv2.line(out, (mx, my - mlen // 2), (mx, my - mlen // 6), _shade(mcol, 0.6), max(1, int(s)))
    cv2.ellipse(
        out,
        (mx - mwid // 6, my - mlen // 5),
        (max(1, mwid // 8), max(1, mlen // 8)),
        0.0,
        0.0,
        360.0,
        _lighter(mcol, 1.3),
        -1,
    )
    return _noise(_far_top(out, float(rng.uniform(0.82, 0.92))), rng, 2.0)


def biscuit_tin(img: U8, rng: Rng) -> U8:
    """The picture printed on a biscuit tin's lid, photographed on a worktop: the lid
    (62-76 % of the frame's width, rounded) with an embossed rim in a metal colour
    (7-10 % of its width) round the picture, the tin's side showing under it, a diagonal
    band of shine (+20-35 % towards white) and dents (the light wobbling 6 %), turned up
    to 8 degrees and seen at a slant (the far edge 86-94 % of the near one's width)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    lw = int(w * float(rng.uniform(0.62, 0.76)))
    lh = min(int(lw / 1.35), int(h * 0.74))
    x0 = (w - lw) // 2 + int(rng.integers(-max(1, w // 25), max(2, w // 25)))
    y0 = (h - lh) // 2 - int(h * 0.04)
    metal = np.array(
        _pick(rng, [(200, 170, 90), (170, 30, 40), (30, 60, 130), (190, 192, 196)]), np.float32
    )
    side_h = max(2, int(lh * float(rng.uniform(0.06, 0.1))))
    _shadow(out, x0 + int(4 * s), y0 + int(6 * s), lw, lh + side_h, 5 * s, 0.45)
    body = np.ones((lh, lw, 3), np.float32) * metal * 0.65
    _blend(out, body, x0, y0 + side_h, _rounded(lh, lw, max(2, lh // 8)).astype(np.float32))
    rim = max(2, int(lw * float(rng.uniform(0.07, 0.1))))
    lid = np.ones((lh, lw, 3), np.float32) * metal
    yy, xx = _grid(lh, lw)
    edge = np.minimum.reduce(
        [np.asarray(xx), np.asarray(yy), lw - 1 - np.asarray(xx), lh - 1 - np.asarray(yy)]
    ).astype(np.float32)
    lid *= (0.75 + 0.45 * np.clip(np.abs(np.sin(edge / max(1, rim) * np.pi)), 0, 1))[:, :, None]
    iw, ih = max(2, lw - 2 * rim), max(2, lh - 2 * rim)
    lid[rim : rim + ih, rim : rim + iw] = _fit(img, iw, ih).astype(np.float32)[:ih, :iw]
    dents = 1 + 0.06 * (_field(rng, lw, lh, max(3, lw // 6)) - 0.5) * 2
    lid *= np.asarray(dents, np.float32)[:, :, None]
    slope = float(rng.uniform(-1.0, 1.0))
    off = float(rng.uniform(0.2, 0.8)) * lw
    band = np.abs(
        np.asarray(xx, np.float32) - off - slope * np.asarray(yy, np.float32)
    ) < lw * float(rng.uniform(0.05, 0.12))
    shine = np.asarray(
        cv2.GaussianBlur(band.astype(np.float32), (0, 0), max(1.0, 5 * s)), np.float32
    ) * float(rng.uniform(0.2, 0.35))
    lid = lid * (1 - shine[:, :, None]) + 255.0 * shine[:, :, None]
    _blend(out, lid, x0, y0, _rounded(lh, lw, max(2, lh // 8)).astype(np.float32))
    turned = _turned(_u8(out), float(rng.uniform(-8, 8)))
    return _noise(_far_top(turned, float(rng.uniform(0.86, 0.94))), rng, 2.0)


def _cover(rng: Rng, face: F32, title: bool = True) -> F32:
    """A paperback's cover over ``face``: a title band across its top (18-26 %) in a
    colour with the title, an author's band at its foot (8-12 %)."""
    ch, cw = face.shape[:2]
    out = face.copy()
    tb = max(2, int(ch * float(rng.uniform(0.18, 0.26))))
    out[:tb] = _c(rng, 10, 250)
    if title:
        _say(
            out,
            rng,
            _word(rng, (2, 3)).upper(),
            max(1, cw // 12),
            tb * 2 // 3,
            max(2, tb // 2),
            _c(rng, 0, 255),
        )
    ab = max(2, int(ch * float(rng.uniform(0.08, 0.12))))
    out[ch - ab :] = out[ch - ab :] * 0.3
    _say(
        out,
        rng,
        f"{_word(rng, (1, 2)).title()} {_word(rng, (2, 3)).title()}",
        max(1, cw // 10),
        ch - ab // 4,
        max(2, ab * 2 // 3),
        (250, 250, 246),
    )
    return out


def paperback(img: U8, rng: Rng) -> U8:
    """The picture as a paperback's cover on a bookshop's table, photographed from
    above: four to seven books (2:3, 26-34 % of the frame's width, covers of made-up
    landscapes and patterns) lying at up to 10 degrees, one of them the picture's
    (cut to the cover's shape from its middle, under a title band across its top
    18-26 % and an author's band at its foot), its spine's edge shaded."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    bw = max(6, int(w * float(rng.uniform(0.26, 0.34))))
    bh = min(int(bw * 1.5), int(h * 0.9))
    bw = max(6, int(bh / 1.5))
    n = int(rng.integers(4, 8))
    pick = int(rng.integers(0, n))
    spots = [
        (
            int(rng.integers(-bw // 3, max(1, w - bw * 2 // 3))),
            int(rng.integers(-bh // 3, max(1, h - bh * 2 // 3))),
        )
        for _ in range(n)
    ]
    spots[pick] = (
        (w - bw) // 2 + int(rng.integers(-max(1, w // 8), max(2, w // 8))),
        (h - bh) // 2 + int(rng.integers(-max(1, h // 12), max(2, h // 12))),
    )
    order = [k for k in range(n) if k != pick] + [pick]
    for k in order:
        x, y = spots[k]
        if k == pick:
            ih, iw = img.shape[:2]
            cw = min(iw, int(ih * bw / bh))
            cx = (iw - cw) // 2
            face = _fit(np.ascontiguousarray(img[:, cx : cx + cw]), bw, bh).astype(np.float32)
        else:
            face = _thumb(rng, bw, bh).astype(np.float32)
        face = _cover(rng, face)
        face[:, : max(1, bw // 25)] *= 0.6
        big = int(np.hypot(bw, bh)) + 2
        canvas = np.zeros((big, big, 3), np.float32)
        mask = np.zeros((big, big), np.float32)
        ox, oy = (big - bw) // 2, (big - bh) // 2
        canvas[oy : oy + bh, ox : ox + bw] = face
        mask[oy : oy + bh, ox : ox + bw] = 1.0
        mat = cv2.getRotationMatrix2D((big / 2, big / 2), float(rng.uniform(-10, 10)), 1.0)
        canvas = np.asarray(cv2.warpAffine(canvas, mat, (big, big)), np.float32)
        mask = np.asarray(cv2.warpAffine(mask, mat, (big, big)), np.float32)
        sx, sy = x - ox, y - oy
        shade = _laid(h, w, mask, sx + int(3 * s), sy + int(4 * s))
        out *= (
            1 - 0.35 * np.asarray(cv2.GaussianBlur(shade, (0, 0), max(1.0, 3 * s)), np.float32)
        )[:, :, None]
        _blend(out, canvas, sx, sy, mask)
    return _noise(_u8(out), rng, 2.0)


def coaster(img: U8, rng: Rng) -> U8:
    """The picture printed on a round coaster on a café table, a glass standing on it,
    photographed from the seat: the coaster (its diameter 46-58 % of the frame's
    height) shows a disc from the picture's middle (90 % of its height across) inside a
    cork rim (3-5 % of the diameter); the glass's base (38-52 % of the coaster across,
    off its middle) blurs, tints and brightens what is under it, a wet ring round it;
    seen at a slant (squashed to 72-86 % of its height)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    dia = max(8, int(h * float(rng.uniform(0.46, 0.58)) / 0.8))
    dia = min(dia, w - 4, int(h / 0.72) - 4)
    ih, iw = img.shape[:2]
    side = max(2, int(ih * 0.9))
    cx0, cy0 = (iw - side) // 2, (ih - side) // 2
    disc = _fit(np.ascontiguousarray(img[cy0 : cy0 + side, cx0 : cx0 + side]), dia, dia).astype(
        np.float32
    )
    yy, xx = _grid(dia, dia)
    rr = np.hypot(np.asarray(xx, np.float32) - dia / 2, np.asarray(yy, np.float32) - dia / 2)
    mask = (rr <= dia / 2).astype(np.float32)
    rim = dia / 2 * (1 - float(rng.uniform(0.03, 0.05)))
    cork = np.array((170, 130, 85), np.float32)
    disc[rr > rim] = cork
    gr = dia * float(rng.uniform(0.38, 0.52)) / 2
    ang = float(rng.uniform(0, 2 * np.pi))
    gx, gy = dia / 2 + np.cos(ang) * dia * 0.18, dia / 2 + np.sin(ang) * dia * 0.18
    gd = np.hypot(np.asarray(xx, np.float32) - gx, np.asarray(yy, np.float32) - gy)
    under = (gd <= gr).astype(np.float32)
    blurred = np.asarray(cv2.GaussianBlur(disc, (0, 0), max(1.0, 3 * s)), np.float32)
    tint = np.array(
        _pick(rng, [(255, 250, 240), (250, 200, 120), (200, 230, 255), (230, 120, 90)]), np.float32
    )
    glass = blurred * 0.7 + tint * 0.3
    disc = disc * (1 - under[:, :, None]) + glass * under[:, :, None]
    ring = ((np.abs(gd - gr) < max(1.0, 2 * s)) & (rr <= rim)).astype(np.float32)
    disc = disc * (1 - 0.5 * ring[:, :, None]) + 255.0 * 0.5 * ring[:, :, None]
    squash = float(rng.uniform(0.72, 0.86))
    dh = max(2, int(dia * squash))
    disc = np.asarray(cv2.resize(disc, (dia, dh), interpolation=cv2.INTER_AREA), np.float32)
    mask = np.asarray(cv2.resize(mask, (dia, dh), interpolation=cv2.INTER_AREA), np.float32)
    x0 = (w - dia) // 2 + int(rng.integers(-max(1, (w - dia) // 3), max(2, (w - dia) // 3)))
    y0 = max(0, (h - dh) // 2 + int(rng.integers(-max(1, h // 12), max(2, h // 12))))
    shade = _laid(h, w, mask, x0 + int(2 * s), y0 + int(4 * s))
    out *= (1 - 0.35 * np.asarray(cv2.GaussianBlur(shade, (0, 0), max(1.0, 3 * s)), np.float32))[
        :, :, None
    ]
    _blend(out, disc, x0, y0, mask)
    return _noise(_u8(out), rng, 2.0)


def views_v31(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v31's twelve pictures of a place (see the module's docstring)."""
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
    out["emailed"] = _jpeg(emailed(photo, rng), int(rng.integers(80, 89)))
    out["trimmed"] = _jpeg(trimmed(photo, rng), 88)
    out["crouched"] = _jpeg(_noise(render(planes, crouched(place, rng), w, h), rng, 2.0), 90)
    out["bluehour"] = _jpeg(blue_hour(shot(0.3, 8), rng), 88)
    out["cloudalbum"] = _png(cloud_album(photo, rng))
    out["againstlight"] = _jpeg(against_light(shot(0.3, 8), rng), 88)
    out["forumthread"] = _jpeg(forum_thread(photo, rng), 85)
    out["mousemat"] = _jpeg(mouse_mat(shot(0.4, 12), rng), 85)
    out["dimzoom"] = _jpeg(dim_zoom(shot(0.4, 12), rng), 75)
    out["biscuittin"] = _jpeg(biscuit_tin(shot(0.4, 12), rng), 85)
    out["paperback"] = _jpeg(paperback(shot(0.4, 12), rng), 85)
    out["coaster"] = _jpeg(coaster(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v31", room=room_v31, views=views_v31)


def main() -> None:
    dry_run("v31", make_pictures, place_kind)


if __name__ == "__main__":
    main()

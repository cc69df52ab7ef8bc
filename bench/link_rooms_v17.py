"""Generator v17 of ``bench/link.py``: benign places (print shops, climbing centres, hardware
stores, bowling alleys, snooker halls, pharmacies, cinema auditoriums, fire stations) as
360-degree cameras, red-cyan 3-D photos, FPV drones, robot vacuums, virtual tours, thermal
cameras, film negatives, photocopies, jigsaws, projectors, pencil filters and magazine
spreads show them, held out.

Written blind, like v6-v16: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]`` and ``[tool.mypy]`` sections of
``pyproject.toml``, ``bench/link_rooms_v16.py`` whole (for the interface, the truth format,
the place model and the primitives imported below), ``tests/bench/test_link_rooms_v16.py``
whole (for the shape of the tests) and, in ``bench/link.py``, only the generator plumbing: a
grep for ``v16`` and the lines round each hit (the import lines 55-80, ``GENERATORS`` at
610-640, the ``views_*`` dict of ``make_collection`` at 668-700 and the ``--generator``
argument at 1240-1290, a range that also shows the end of a results writer and
``verify_options``). Of ``bench/link_rooms_v6.py``-``v15.py`` only the first paragraphs of
their docstrings were read (for the kinds of place they name), the names of their views (a
grep of the ``out["..."]`` keys of v6-v16, of v10's dict of views and of the quoted names
after ``VIEW_KINDS``, which also printed some kinds, moods and seasons), the seeds they use
(a grep for ``_000_000``), and the lines a grep found for names v17 considered: its twelve
view names as quoted strings (none), words for their ideas (thermal, anaglyph, stereo,
equirect, jigsaw, puzzle, negative, photocopy, copier, projector, sketch, pencil, drone,
vacuum, virtual tour, lightbox: none; "projected" and "magazine" once each in v14, for a
panorama's cylinder and a waiting room's magazines) and kinds of place (print, climbing,
hardware, bowling, snooker, billiard, pharmacy, cinema, fire station, beach hut, consulting,
clinic, artist and others: no kind of v17 found; the hits for printer, chemist, surgery,
classroom, bank, stable, tailor and optician showed lines of v6's, v7's, v12's, v14's and
v15's docstrings and code, with their look-alike groups of hotel rooms, classrooms, chain
corridors, lifts, rental flats, prefab classrooms and fitting rooms, and v14's waiting room
of a surgery, so v17 has none of them). The signatures of the v6-v16 primitives imported
below were printed (``inspect.signature``, methods of the classes too), and a few were run
or read to learn what a signature does not say: the source of v9's ``Camera`` and ``render``
(the camera's axes; planes painted far to near, walls first, by their middles), v13's
``_frames`` printed for one room, v9's renderer run on a room of plain-coloured walls with
lettered boxes (which way textures and box faces run), v13's ``_piece`` run on twenty names
and v10's ``_paint`` once (its noise is under the tests' 2.0 for a plain colour).
``python -m bench.link --help`` was run once to check the plumbing; v17's own pictures were
looked at (sheets of the original and its twelve views for one or two places of each kind
and group). Nothing of the linker's code, tests, docs or results was read, and neither the
linker nor ``bench.link`` was ever run on these pictures: use it once, for a held-out figure:
``python -m bench.link --name link-v17-heldout --generator v17 --no-real --size 400x300
--rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's picture writer and
dry run, v13's place model (surfaces, boxes, walls, floor plans, furniture pieces, windows,
wall things, lighting), v14's belongings and small helpers (bottles, signs, cartons,
skirting), v15's doors, framed pictures of the occupant's own, sky, re-JPEG and barrel
distortion, v16's colour ramp, shop front, spots on walls, hob, time stamps and outlined
lettering, and small drawing primitives of v10-v12 are imported; the kinds of place, their
builders, the look-alikes, the steps, the clutter, the cameras and every view are v17's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v17 --rooms 12 --size 400x300
--out /tmp/v17``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(windows with what they show, blinds, doors, shop fronts, signs, posters, sockets, clocks,
exit signs, extinguishers; a climbing centre's panels, bolt holes and holds; a hardware
store's pegboard of tools; a bowling alley's lanes, gutters, arrows and foul lines in its
floor and its pins under a neon masking panel; a snooker hall's panelling, cue racks and
scoreboards; a cinema's screen in its black masking with curtains, acoustic panels and
sconces; a fire station's sectional doors onto the street, bay lines and kit bays) and
furniture and fittings as 3-D boxes (a print shop's counter and screen, copiers, a
wide-format printer, shelving of paper, a cutting table, roll-up banners; a climbing
centre's volumes, benches and chalk buckets; a hardware store's gondolas with dressed ends,
hanging aisle signs, wall shelving, low shelves and a timber rack; a bowling alley's ball
returns, score screens, sofas and ball racks; a snooker hall's tables under their lamps and
chairs; a pharmacy's wall shelving of packs, a gondola, a counter and till, the
dispensary's shelves and a lit green cross; a cinema's rows of seats on steps; a fire
station's engines and workbench). A cinema's steps are walkable: cameras stand on them, the
day's clutter lies on them. Loose things change from day to day. Two pictures show the same
place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(800_000_000 + seed)``); no photograph is
read, so two ordinary places cannot share a photographed surface; the tests check that no
two ordinary places share any texture that is not a plain colour. What any two places may
still have alike is what is generic in real places too: socket plates, clock dots, the
Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v16; sizes width x height x depth in m):

- *print shop* (4-7 x 2.7-3.2 x 6-10): pale paint (half with a feature wall), lino or tiles,
  a suspended ceiling, a shop front behind the camera, a counter across at 30-42 % of the
  depth (+1 m) with a screen, one or two copiers along each side, a wide-format printer and
  one or two shelvings of paper at the back, a cutting table, one to three roll-up
  banners, print samples (posters), a sign, a door.
- *climbing centre* (8-14 x 4.5-6.5 x 10-16): a bouldering hall: plywood panels of one
  colour with holds (4-8 a square metre, 6-9 route colours, 12 % big ones, route tags) to
  4-5 m on the back and side walls, one to three volumes on each, blue or grey matting with
  chalk scuffs and a strip of rubber tiles at the front, a roof or rafters, shoe cubbies on
  the front wall, benches, chalk buckets, a sign over the holds.
- *hardware store* (6-10 x 3.2-4.2 x 10-16): gondolas 0.9-1.2 m wide and 1.8-2.3 m high in
  1.0-1.3 m sections running in from 2.2-3 m, 1.5-1.9 m aisles, four to seven runs of
  stock (tins, boxes, packets, bags, buckets) on them and offers on their ends, a hanging
  numbered sign over every aisle, wall shelving on one side, low shelves under pegboard of
  tools on the other, a timber rack at the back (60 %); the camera stands in the aisle
  nearest the middle.
- *bowling alley* (10-16 x 3-3.8 x 20-26): 5-8 lanes (1.06 m of maple boards with a
  darker pine end, seven arrows, dots, a foul line 7.5-8.5 m in, dark gutters) from a
  loud carpet to pins under a neon masking panel with lane numbers, ball returns and score
  screens between lane pairs, sofas behind the approach, ball racks, neon walls, a dark
  ceiling with rows of lights; the camera 0.4-1 m from the front wall.
- *snooker hall* (8-14 x 2.8-3.4 x 8-14): dark red, green or blue paint over wood
  panelling to 1-1.2 m, a patterned carpet, a dark ceiling, one to four columns and one to
  three rows of tables (snooker 1.9 x 3.7 in wide halls for 60 %, else pool 1.3 x 2.5) each
  under a long lamp, cue racks, scoreboards, pictures and chairs along the walls.
- *pharmacy* (4.5-7 x 2.6-3.1 x 6-10): pale walls, lino or tiles, a suspended ceiling, a
  shop front, wall shelving of packs with category signs over it, a gondola down the
  middle in shops over 5.2 m wide, a counter 1.6-2.2 m from the back with a till, the
  dispensary's shelves of white boxes behind it, a lit green cross hanging over it, one
  or two chairs, a door to a consulting room.
- *cinema auditorium* (8-14 x 6-9 x 12-20): a screen (70-88 % of the width, 1.85 or 2.39
  to 1, blank or a pre-show still) in black masking with curtains, walls of acoustic
  panels with sconces every 3 m, a dark ceiling with downlights, a carpet, 3-11 rows of
  seats (one central aisle or two side aisles) on steps of 0.3-0.45 m (less in low rooms)
  every 1-1.15 m rising towards the camera, which stands on the top step and looks at the
  back wall 30 % as high as the screen's middle (turned up to 8 degrees more, tilted -4 to
  +2).
- *fire station* (8-14 x 4.8-6 x 12-18): painted blocks, painted or bare concrete with
  yellow bay lines, stains and a drain, a roof or rafters, one (under 10 m wide) or two
  bays each with a sectional door in the back wall and an engine (2.5 x 7.5-9 x 3-3.3, red
  for 75 %, else lime) nose to it, seen from behind (a rear locker, lamp clusters,
  chevrons, a plate) and the side (the cab, locker shutters, a chequered band, wheels, a
  ladder on the roof), four to eight kit bays (helmet, coat, boots) on one side wall, high
  windows, a hose rack and a noticeboard on the other, a workbench; the camera stands
  between or beside the engines.

and, as look-alikes only, a clinic's *consulting room* (3-4.2 x 2.5-2.8 x 3.5-5), a
promenade's *beach hut* (1.8-2.6 x 2.1-2.5 x 2.2-3.2) and a converted mill's *artist's
studio* (4-6 x 3.2-4 x 5-7). No person is drawn anywhere.

**Views (none of their names or ideas used in v6-v16), at the original's size.** A camera
"moved up to 0.4 m" is also turned up to 12 degrees and tilted up to 4 (the first of 8
moves that leaves it 0.15 m clear of every thing, its height over the floor kept within
0.08 m, else not moved; in small places it moves less: x0.35 in a beach hut, x0.7 in a
consulting room). Five views stand somewhere else in the room (``equirect``,
``anaglyph``, ``fpvdrone``, ``robotvac``, ``virtualtour``). Difficulty as meant, not
measured:

- ``equirect`` (hard): a 360-degree camera's photo as a gallery app shows it: the camera
  on a pole 1.2-1.6 m over the floor, 35-65 % of the depth in, up to a quarter of the
  width off the middle, clear of everything below it by 0.3 m (the first of 16 tries,
  else at the place's camera), facing any way; the whole sphere in equirectangular
  projection (from six rendered cube faces 112 degrees wide), 2:1 and fitted to the width
  between dark bars with ``360`` on the top one, the far lens x0.88-1.12 brighter with
  blurred stitch seams at 90 degrees either side, three tripod legs under 70 degrees down
  and the nadir grey under 83. JPEG 85.
- ``anaglyph`` (medium): a red-cyan 3-D photo: two shots from eyes 6-7 cm apart (the
  pair moved up to 0.8 m and turned up to 15 degrees), each shifted to converge at 2-4 m,
  red from the left eye (its grey for half of them), green and blue from the right.
  JPEG 85.
- ``fpvdrone`` (hard): a frame of an FPV drone's analogue video: flying 1.8-2.6 m over the
  floor (at most 0.35 m under the ceiling), 30-70 % of the depth in, clear of things by
  0.4 m, heading for the back wall (turned up to 35 degrees), pitched down 10-25, banked
  8-25 degrees, 115-130 degrees wide with barrel k = 0.15-0.3; rendered at 55-70 % and
  scaled back, chroma smeared along the lines (7 px at 400), saturation x0.8-1.3, two to
  five bands of 2-5 rows torn by up to 8 px, noise sigma 5-9, white sparkles, a vignette
  (corners x0.65), the on-screen display: a voltage, a timer, a height, a signal, a
  crosshair. JPEG 70-80.
- ``robotvac`` (hard): a robot vacuum's camera: 7-12 cm over the floor, 25-85 % of the
  depth in, up to 40 % of the width off the middle, clear of things by 0.25 m (the first of
  24 tries, else under the place's camera), heading for the back wall (turned up to 50
  degrees), tilted up 5-15, 95-110 degrees wide with barrel k = 0.1-0.2; rendered at
  45-60 % and scaled back, its own white balance, contrast x0.85-0.95, noise sigma 4-6,
  the dark rim of its bumper over the bottom 6-10 %, one or two green detection boxes
  with a score, a timestamp. JPEG 60-75.
- ``virtualtour`` (medium): a still of a virtual tour's next node: the camera 1.2-2.5 m
  further in than the place's and up to 1 m across (x0.35 in a beach hut, x0.7 in a
  consulting room), 1.4-1.6 m over the floor on a tripod clear of everything below it by
  0.3 m (the first of 16 tries, else the place's camera moved up to 0.4 m), turned up to
  40 degrees, pitched -6 to +4, 75-90 degrees wide; the tour's flat tone (CLAHE on the
  lightness, clip 1.5-2.5, shadows lifted by 12 %), the viewer's overlay: two arrows on
  the floor (70 % white), a white card with a name and five stars, a compass, zoom
  buttons, a copyright line. JPEG 85.
- ``thermal`` (hard): a thermal camera's picture of a shot (camera moved up to 0.4 m): a
  sensor 80-160 px wide, a temperature from the blurred brightness (x0.7), a slow field
  (x0.12) and one to four warm or cold spots (0.1-0.3, 4-12 % of the width), auto-ranged
  (1st to 99.5th percentile), scaled up smoothly, in an ironbow (55 %), rainbow (25 %) or
  white-hot palette; for half of them the visible picture's edges blended in (weight
  0.25-0.5, like MSX); a scale bar at the right with its range, a crosshair with a
  reading. JPEG 80.
- ``negative`` (hard): a strip of colour negative on a light box, photographed: three
  frames (the middle one from the place's camera moved up to 0.4 m, the two others moved
  up to 0.6 m and turned up to 25 degrees), each inverted over an orange film base (gamma
  0.8-1.0, grain), the middle frame 62-72 % of the width and 3:2, sprocket holes letting
  the light through, frame numbers and a word in the margin, turned up to 4 degrees and
  moved up to 4 % across and 6 % down, each corner moved up to 3 % (off square), soft
  (sigma 0.7 px at 400), noise sigma 2.5. JPEG 85.
- ``photocopy`` (medium): a photocopy of a print of a shot (camera moved up to 0.4 m),
  scanned: grey, its levels crushed (black at 35-70, white at 165-205, gamma 0.85-1.2),
  soft (0.7 px at 400), 72-86 % of the width on white paper (238-250), turned up to 1.5
  degrees, toner specks (0.05-0.2 % of the pixels), a dark drum streak (70 %) or a light
  band, the lid's shadow (40-90 darker) over 3-6 % along one edge. JPEG 80.
- ``jigsaw`` (medium): a finished jigsaw of a shot (camera moved up to 0.4 m) on a
  wooden table, photographed: the puzzle 86-94 % of the size, 9-14 pieces across, a knob
  on every inner edge, each piece shifted up to a pixel and lit x0.96-1.04, the cuts dark
  (x0.5) with a light edge, one to three pieces missing (the table showing, x0.72), a
  shadow, a gloss band (+15-35), each corner moved up to 2 %. JPEG 85.
- ``projected`` (hard): a shot (camera moved up to 0.4 m) on a slide (white, dark or a
  colour; a title for half of them), the photo 78-92 % of the slide's width, projected in
  a dim room and photographed from the seats: blacks lifted to 30-60, contrast x0.75-0.9,
  a hot spot (corners x0.8), a lamp's tint, out of focus (sigma 0.6-1.4 px at 400); the
  screen 60-80 % of the width, keystoned (top 3-8 % wider) and seen off-axis (one side up
  to 8 % shorter), a grey screen round it, its spill of light, the room at 12-30 with a
  slow field, the backs of empty seats along the bottom for half of them, noise sigma 4-7.
  JPEG 80.
- ``pencil`` (medium): a pencil-sketch filter on a shot (camera moved up to 0.4 m): the
  grey picture colour-dodged with its blurred negative (sigma 3-7 px at 400), darkened
  (gamma 1.6-2.6), hatched where it is dark (every 4-7 px), on grainy paper (232-248,
  warm); coloured pencil (the colours at 40 %) for 40 % of them. JPEG 85.
- ``magazine`` (medium): a shot (camera moved up to 0.4 m) across a glossy magazine's
  double page, photographed on a table: the photo (cropped to fit) bleeding across both
  pages' top 68-80 %, a headline, columns of text, a page number below; the pages curving
  into the fold (squeezed there by 5-12 % across and 2-5 % down), the gutter's shadow
  (x0.45-0.65), a light bulge beside it, a gloss band; the spread 96-108 % of the width,
  each corner moved up to 3 %. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's: 4-9
of a bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a
fruit bowl, a box, on the tops and the floor), each day's clutter, how each surface is lit,
the camera and, where said, what the windows show, what is written, shown or stored.

- *Consulting rooms of one clinic* (6 %: ``seed % 50`` in {7, 8, 9}, kind ``consulting
  room``; template ``801_000_000 + seed // 50``): size, paint and skirting, lino, ceiling,
  the window's frame and blind, the desk, the monitor's stand, the doctor's and the
  patient's chairs, the examination couch with its paper roll, the sink unit and sharps
  bin, the eye chart, the cork noticeboard, sockets, clock and door. The room's own: what
  the window shows, what the computer shows, three to seven notes pinned on the board, 0-3
  pictures.
- *Beach huts of one promenade* (2 %: ``seed % 100`` in {41, 42}, ``beach hut``; template
  ``802_000_000 + seed // 100``): size, the painted boards, the floor and ceiling, the open
  doors onto the beach, the window's frame, the shelf, the worktop with a gas ring, the peg
  rail. The owner's own: what the window shows, up to eight things stored (folded
  deckchairs, a rolled windbreak, a cool box, buckets, towels), bunting (60 %), a picture
  (50 %).
- *Artists' studios of one mill* (2 %: ``seed % 100`` in {23, 24}, ``artist's studio``;
  template ``803_000_000 + seed // 100``): size, the whitewashed brick, the two or three
  tall windows with their glazing bars, floorboards, roof, the iron column, radiators, sink,
  pipe and door. The artist's own: what the windows show, up to eight canvases (painted
  or turned to the wall) against the walls, an easel with a canvas, a table of paints on a
  drop cloth, pictures hung (70 % for each of two walls).

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (7, 8, 9) or seed % 100 in (23,
24, 41, 42)``; two look-alikes are of one group exactly when they have the same kind and
the same ``seed // 50`` (consulting rooms) or ``seed // 100`` (beach huts, studios).

**Pictures per place: 13** (the original and 12 views): ``original`` (PNG), ``equirect``,
``anaglyph``, ``virtualtour``, ``negative``, ``jigsaw``, ``pencil``, ``magazine`` (JPEG 85),
``fpvdrone`` (JPEG 70-80), ``robotvac`` (JPEG 60-75), ``thermal``, ``photocopy`` and
``projected`` (JPEG 80), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 consulting rooms in every 50 seeds, 2 beach
huts and 2 studios in every 100); the other seeds draw their kind with equal shares of 1/8
(the tests check each within ±4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): consulting rooms 60, beach huts 20, studios 20; of the other 900: fire
station 125, snooker hall 123, cinema 116, print shop 115, hardware store 115, bowling
alley 105, climbing centre 101, pharmacy 100. The first 60 seeds (a default ``--rooms 60``
run): fire station 9, print shop 8, cinema 8, climbing centre 6, pharmacy 6, snooker hall
5, hardware store 4, bowling alley 4, consulting rooms 6 (seeds 7-9, 57-59), studios 2 (23,
24), beach huts 2 (41, 42): every kind and group is in it. The held-out run's 315 seeds:
snooker hall 42, cinema 39, fire station 38, print shop 36, hardware store 33, pharmacy 32,
bowling alley 32, climbing centre 30, consulting rooms 21, studios 6, beach huts 6.

**Speed**: a dry run of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 8.7 s
(8.7 s of CPU, 134 MB at most) and one of 60 places at 400x300 took 39 s (39.5 s of CPU,
0.66 s a place of 13 pictures, 144 MB at most), both at ``nice -n 19`` at load average
2.6-3.4 on the shared 2-core machine; 1.8 s of CPU a place at 800x600 (seeds 200-207).
``build_place`` ran without error on seeds 0-999 (0.11-0.19 s a place) and all twelve views
on seeds 0-299 at 96x72. Surfaces are drawn at 120 texels a metre, large ones coarser (at
most 360,000 texels a surface).

**Seeds**: a place ``800_000_000 + seed``; clinic ``801_000_000 + seed // 50``;
promenade ``802_000_000 + seed // 100``; mill ``803_000_000 + seed // 100``; a day's soft
furnishings and clutter ``804_000_000 + 3 * seed + day`` (day 0); views
``default_rng([805_000_000, seed, i])`` (``i`` the index ``make_collection`` passes); the
original's sensor noise ``806_000_000 + seed``. Deterministic by seed. Lettering is random
syllables (digits for prices, numbers, readings and timestamps). Pictures not made by
``room_v17`` (the real pictures of ``bench/link.py`` when run without ``--no-real``) are
hung as a print 2 m wide on the back wall of a generated snooker hall, cinema auditorium or
climbing centre (seeds from ``80_000_000``) and seen the same ways.
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
from bench.link_rooms_v11 import _blind, _blocks, _concrete, _lino
from bench.link_rooms_v12 import _rafters, _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    Top,
    _add,
    _Build,
    _cabinet,
    _carpeted,
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
    _box,
    _carton,
    _inward,
    _side_x,
    _sign,
    _skirting,
)
from bench.link_rooms_v15 import _door, _own_art, _sky, barrel
from bench.link_rooms_v16 import (
    _aim,
    _between,
    _fill_crop,
    _hob,
    _lighter,
    _outlined,
    _shop_front,
    _stamp,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 800_000_000
CLINIC_SEED = 801_000_000
HUTS_SEED = 802_000_000
MILL_SEED = 803_000_000
DAY_SEED = 804_000_000
VIEW_SEED = 805_000_000
SENSOR_SEED = 806_000_000
PRINT_SEED = 80_000_000
CLINIC_EVERY, CLINIC_SLOTS = 50, (7, 8, 9)
HUT_EVERY, HUT_SLOTS = 100, (41, 42)
MILL_EVERY, MILL_SLOTS = 100, (23, 24)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("print shop", 1 / 8),
    ("climbing centre", 1 / 8),
    ("hardware store", 1 / 8),
    ("bowling alley", 1 / 8),
    ("snooker hall", 1 / 8),
    ("pharmacy", 1 / 8),
    ("cinema auditorium", 1 / 8),
    ("fire station", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "consulting room": "clinic",
    "beach hut": "hut",
    "artist's studio": "mill",
}
VIEW_KINDS = (
    "equirect",
    "anaglyph",
    "fpvdrone",
    "robotvac",
    "virtualtour",
    "thermal",
    "negative",
    "photocopy",
    "jigsaw",
    "projected",
    "pencil",
    "magazine",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "print shop": ((4.0, 7.0), (2.7, 3.2), (6.0, 10.0)),
    "climbing centre": ((8.0, 14.0), (4.5, 6.5), (10.0, 16.0)),
    "hardware store": ((6.0, 10.0), (3.2, 4.2), (10.0, 16.0)),
    "bowling alley": ((10.0, 16.0), (3.0, 3.8), (20.0, 26.0)),
    "snooker hall": ((8.0, 14.0), (2.8, 3.4), (8.0, 14.0)),
    "pharmacy": ((4.5, 7.0), (2.6, 3.1), (6.0, 10.0)),
    "cinema auditorium": ((8.0, 14.0), (6.0, 9.0), (12.0, 20.0)),
    "fire station": ((8.0, 14.0), (4.8, 6.0), (12.0, 18.0)),
    "clinic": ((3.0, 4.2), (2.5, 2.8), (3.5, 5.0)),
    "hut": ((1.8, 2.6), (2.1, 2.5), (2.2, 3.2)),
    "mill": ((4.0, 6.0), (3.2, 4.0), (5.0, 7.0)),
}
SMALL = {"hut": 0.35, "clinic": 0.7}
PRINT_KINDS = ("snooker hall", "cinema auditorium", "climbing centre")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_consulting_room(seed: int) -> bool:
    return seed % CLINIC_EVERY in CLINIC_SLOTS


def is_beach_hut(seed: int) -> bool:
    return seed % HUT_EVERY in HUT_SLOTS


def is_artists_studio(seed: int) -> bool:
    return seed % MILL_EVERY in MILL_SLOTS


def is_distractor(seed: int) -> bool:
    return is_consulting_room(seed) or is_beach_hut(seed) or is_artists_studio(seed)


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
    if is_consulting_room(seed):
        return "consulting room"
    if is_beach_hut(seed):
        return "beach hut"
    if is_artists_studio(seed):
        return "artist's studio"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_consulting_room(seed):
        return np.random.default_rng(CLINIC_SEED + seed // CLINIC_EVERY)
    if is_beach_hut(seed):
        return np.random.default_rng(HUTS_SEED + seed // HUT_EVERY)
    if is_artists_studio(seed):
        return np.random.default_rng(MILL_SEED + seed // MILL_EVERY)
    return None


# --- v17's own surfaces and things, every one drawn from the rng it is given --------------------


def _grained(rng: Rng, w: int, h: int, colour: Colour, amp: float = 6.0) -> U8:
    """A painted surface with a faint blotchy grain (so that it is never a plain colour)."""
    base = _paint(rng, w, h, colour).astype(np.float32)
    blot = _field(rng, w, h, max(3, min(w, h) // 4))[:, :, None]
    return _u8(base + amp * (blot - 0.5))


def _rounded(img: U8, x0: int, y0: int, x1: int, y1: int, r: int, colour: Colour) -> None:
    """A filled rectangle with round corners of radius ``r``."""
    r = max(0, min(r, (x1 - x0) // 2, (y1 - y0) // 2))
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), colour, -1)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), colour, -1)
    if r > 0:
        for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
            cv2.circle(img, (cx, cy), r, colour, -1)


# print shop


def _copier(rng: Rng) -> U8:
    """A big office copier's front: a scanner lid, a control panel with a lit screen, an
    output tray, two to four paper drawers with handles, the maker's word and colour."""
    body = _between(rng, (195, 195, 192), (240, 240, 236))
    img = _grained(rng, 64, 64, body, 4.0)
    brand = _c(rng, 30, 220)
    cv2.rectangle(img, (1, 1), (62, 9), _shade(body, 0.82), -1)
    cv2.rectangle(img, (38, 12), (61, 21), (45, 45, 48), -1)
    cv2.rectangle(img, (40, 13), (51, 19), _between(rng, (60, 120, 160), (130, 200, 235)), -1)
    for k in range(3):
        cv2.circle(img, (54 + 3 * k, 17), 1, _c(rng, 60, 255), -1)
    cv2.rectangle(img, (3, 13), (33, 21), _shade(body, 0.7), 1)
    drawers = int(rng.integers(2, 5))
    dh = 38 // drawers
    for k in range(drawers):
        y = 24 + k * dh
        cv2.rectangle(img, (3, y), (60, y + dh - 2), _shade(body, 0.86), 1)
        cv2.line(img, (24, y + 3), (40, y + 3), (85, 85, 90), 2)
    cv2.rectangle(img, (0, 61), (63, 63), brand, -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 4, 8, 5, brand)
    return img


def _plotter(rng: Rng) -> U8:
    """A wide-format printer on its stand from the front: a long grey body, a window onto
    the carriage, a roll of paper below, a basket."""
    body = _between(rng, (40, 40, 44), (170, 170, 175))
    img = _grained(rng, 128, 48, (225, 225, 222), 3.0)
    cv2.rectangle(img, (0, 0), (127, 18), body, -1)
    cv2.rectangle(img, (10, 4), (100, 11), _shade(body, 0.55), -1)
    cv2.rectangle(img, (104, 4), (122, 12), _between(rng, (60, 120, 160), (130, 200, 235)), -1)
    cv2.rectangle(img, (6, 22), (121, 30), (245, 245, 240), -1)
    cv2.line(img, (6, 30), (121, 30), (150, 150, 150), 1)
    for x in (10, 118):
        cv2.line(img, (x, 18), (x, 47), body, 3)
    cv2.line(img, (10, 44), (118, 44), body, 2)
    return img


def _reams(rng: Rng, w: int, h: int) -> U8:
    """Steel shelving of paper stock: reams in their wrappers stacked on 4-6 shelves,
    coloured card, boxes of envelopes, a label on each shelf."""
    frame = _between(rng, (70, 70, 75), (190, 190, 195))
    img = _grained(rng, w, h, _shade(frame, 0.6), 4.0)
    shelves = int(rng.integers(4, 7))
    sh = h // shelves
    for k in range(shelves):
        y1 = (k + 1) * sh - 2
        x = 2
        while x < w - 6:
            rw = int(rng.integers(max(4, w // 12), max(5, w // 5)))
            wrap = (
                _between(rng, (225, 225, 220), (250, 250, 248))
                if rng.random() < 0.6
                else _c(rng, 60, 250)
            )
            stack = int(rng.integers(2, 6))
            rh = max(2, (sh - 4) // 6)
            for s in range(stack):
                y = y1 - (s + 1) * rh
                cv2.rectangle(img, (x, y), (x + rw - 1, y + rh - 1), wrap, -1)
                cv2.line(img, (x, y + rh - 1), (x + rw - 1, y + rh - 1), _shade(wrap, 0.75), 1)
                if rng.random() < 0.4:
                    cv2.rectangle(img, (x + rw // 3, y), (x + rw // 2, y + rh - 2), _c(rng), -1)
            x += rw + int(rng.integers(1, 4))
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), frame, -1)
        cv2.rectangle(img, (w // 3, y1), (w // 3 + 6, y1 + 2), (250, 250, 250), -1)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), frame, 2)
    return img


def _cutting_mat(rng: Rng, w: int, h: int) -> U8:
    """A cutting table's top: a green self-healing mat with a grid, a steel rule."""
    img = _grained(rng, w, h, _between(rng, (30, 90, 60), (60, 140, 100)), 5.0)
    step = max(3, w // 12)
    for x in range(0, w, step):
        cv2.line(img, (x, 0), (x, h), (170, 210, 180), 1)
    for y in range(0, h, step):
        cv2.line(img, (0, y), (w, y), (170, 210, 180), 1)
    x = int(rng.integers(step, max(step + 1, w - step)))
    cv2.line(img, (x, 2), (x, h - 3), (200, 200, 205), 2)
    return img


def _banner(rng: Rng) -> U8:
    """A roll-up banner: a bold background, big shapes, a word, a bar at the bottom."""
    a, b2 = _c(rng, 20, 240), _c(rng, 20, 240)
    img = _grained(rng, 48, 128, a, 8.0)
    for _ in range(int(rng.integers(2, 5))):
        cv2.circle(
            img,
            (int(rng.integers(0, 48)), int(rng.integers(20, 110))),
            int(rng.integers(6, 22)),
            _c(rng, 20, 250),
            -1,
        )
    cv2.rectangle(img, (0, 0), (47, 16), b2, -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 3, 12, 8, (250, 250, 250))
    cv2.rectangle(img, (0, 118), (47, 127), (150, 150, 155), -1)
    return img


# climbing centre


def _route_colours(rng: Rng) -> list[Colour]:
    """The set of hold colours of a climbing centre (each route one colour)."""
    base: list[Colour] = [
        (230, 40, 40),
        (250, 200, 30),
        (40, 170, 70),
        (40, 90, 220),
        (250, 130, 30),
        (160, 60, 190),
        (245, 245, 245),
        (30, 30, 30),
        (240, 110, 170),
        (120, 220, 220),
    ]
    picks = rng.permutation(len(base))[: int(rng.integers(6, 10))]
    return [_between(rng, _shade(base[int(i)], 0.85), base[int(i)]) for i in picks]


def _hold(img: U8, rng: Rng, cx: int, cy: int, r: int, colour: Colour) -> None:
    """One hold: an irregular blob with a darker rim, a highlight and its bolt."""
    n = int(rng.integers(5, 9))
    ang = np.sort(rng.uniform(0, 2 * np.pi, n))
    rad = r * rng.uniform(0.55, 1.2, n)
    squash = float(rng.uniform(0.55, 1.0))
    pts = np.stack([cx + rad * np.cos(ang), cy + squash * rad * np.sin(ang)], axis=1)
    poly = pts.astype(np.int32)
    cv2.fillPoly(img, [poly], colour)
    cv2.polylines(img, [poly], True, _shade(colour, 0.55), 1)
    if r > 3:
        cv2.circle(img, (cx - r // 4, cy - r // 4), max(1, r // 4), _lighter(colour, 1.3), -1)
    cv2.circle(img, (cx, cy), max(1, r // 6), (45, 45, 48), -1)


def _holds(wall: _Wall, rng: Rng, top: float, density: float, colours: list[Colour]) -> None:
    """Climbing holds on a wall up to ``top`` m: 4 x 8 ft panel seams, a grid of bolt
    holes, holds of the centre's colours (a few big, most small), route tags."""
    img = wall.img
    th, tw = img.shape[:2]
    per_m = wall.px(1.0)
    y_top = max(0, wall.y_of(top))
    c = img[th - 2, tw // 2]
    seam = _shade((int(c[0]), int(c[1]), int(c[2])), 0.8)
    for x in range(0, tw, max(4, round(1.22 * per_m))):
        cv2.line(img, (x, y_top), (x, th), seam, 1)
    for y in range(th, y_top, -max(4, round(2.44 * per_m))):
        cv2.line(img, (0, y), (tw, y), seam, 1)
    step = max(3, round(0.2 * per_m))
    dots = img[y_top:th:step, ::step]
    dots[:] = _u8(dots.astype(np.float32) * 0.75)
    for _ in range(int(tw / per_m * top * density)):
        cx = int(rng.integers(0, tw))
        cy = int(rng.integers(y_top + 2, max(y_top + 3, th - wall.px(0.15))))
        big = rng.random() < 0.12
        r = max(2, int(per_m * (rng.uniform(0.15, 0.3) if big else rng.uniform(0.04, 0.11))))
        colour = colours[int(rng.integers(0, len(colours)))]
        _hold(img, rng, cx, cy, r, colour)
        if rng.random() < 0.15:
            cv2.rectangle(img, (cx - 2, cy + r + 1), (cx + 2, cy + r + 4), colour, -1)
    cv2.line(img, (0, y_top), (tw, y_top), _shade(seam, 0.7), max(1, wall.px(0.03)))


def _volume(rng: Rng, colours: list[Colour]) -> U8:
    """A volume's face: bare or painted plywood with three to six holds on it."""
    img = _grained(rng, 48, 48, _between(rng, (170, 140, 100), (225, 200, 160)), 8.0)
    if rng.random() < 0.5:
        img = _grained(rng, 48, 48, _c(rng, 30, 220), 6.0)
    for _ in range(int(rng.integers(3, 7))):
        _hold(
            img,
            rng,
            int(rng.integers(6, 42)),
            int(rng.integers(6, 42)),
            int(rng.integers(3, 7)),
            colours[int(rng.integers(0, len(colours)))],
        )
    return img


def _mats(rng: Rng, w: int, h: int, res: float, front: float) -> U8:
    """A bouldering floor: thick matting in panels with zipped seams, chalk scuffs; a
    strip of rubber tiles at the front (``front`` m)."""
    col = (
        _between(rng, (30, 60, 140), (70, 110, 190))
        if rng.random() < 0.6
        else _between(rng, (35, 35, 40), (110, 110, 115))
    )
    img = _grained(rng, w, h, col, 10.0).astype(np.float32)
    chalk = np.clip(_field(rng, w, h, max(4, w // 10)) - 0.55, 0, 1)[:, :, None]
    img = img + chalk * 160
    out = _u8(img)
    step = max(4, round(2.0 * res))
    for x in range(int(rng.integers(0, step)), w, step):
        cv2.line(out, (x, 0), (x, h), _shade(col, 0.6), 1)
    for y in range(int(rng.integers(0, step)), h, step):
        cv2.line(out, (0, y), (w, y), _shade(col, 0.6), 1)
    y0 = h - max(2, round(front * res))
    out[y0:] = _tiles(rng, w, h - y0, max(3, round(0.5 * res)), _c(rng, 40, 120), (30, 30, 30))
    out[y0 : y0 + max(2, round(0.15 * res))] = _shade(col, 0.5)
    return out


def _cubbies(rng: Rng, w: int, h: int) -> U8:
    """Shoe cubbies and bag shelves: a grid of pigeonholes, some with a pair of shoes."""
    wood = _wood_tone(rng)
    img = _grained(rng, w, h, _shade(wood, 0.45), 4.0)
    cols, rows = int(rng.integers(5, 9)), int(rng.integers(3, 5))
    cw, ch = w // cols, h // rows
    for r in range(rows):
        for c in range(cols):
            x0, y0 = c * cw, r * ch
            cv2.rectangle(img, (x0, y0), (x0 + cw - 1, y0 + ch - 1), wood, 2)
            if rng.random() < 0.45:
                shoe = _c(rng, 20, 240)
                cv2.ellipse(img, (x0 + cw // 3, y0 + ch - 4), (cw // 5, 2), 0, 0, 360, shoe, -1)
                cv2.ellipse(img, (x0 + 2 * cw // 3, y0 + ch - 4), (cw // 5, 2), 0, 0, 360, shoe, -1)
    return img


# hardware store


def _pegboard(wall: _Wall, rng: Rng, along: float, length: float, low: float, high: float) -> None:
    """A run of pegboard on a wall with tools and packets hung on pegs: spanners,
    hammers, saws, tape measures, packets on cards, coils."""
    x0, x1 = wall.x_of(along), wall.x_of(along + length)
    y0, y1 = wall.y_of(high), wall.y_of(low)
    if x1 - x0 < 8 or y1 - y0 < 8 or not wall.claim(x0, y0, x1 - x0, y1 - y0, gap=2):
        return
    board = _grained(
        rng,
        x1 - x0,
        y1 - y0,
        _between(rng, (150, 110, 70), (200, 165, 120)) if rng.random() < 0.6 else (235, 235, 232),
        5.0,
    )
    step = max(3, wall.px(0.05))
    board[step // 2 :: step, step // 2 :: step] = _u8(
        board[step // 2 :: step, step // 2 :: step].astype(np.float32) * 0.45
    )
    bh, bw = board.shape[:2]
    cell = max(6, wall.px(0.22))
    for yy in range(2, bh - cell, cell):
        for xx in range(2, bw - cell, cell):
            kind = rng.random()
            col = _c(rng, 20, 240)
            cx, cy = xx + cell // 2, yy + cell // 2
            if kind < 0.35:  # a packet on a card
                cv2.rectangle(board, (xx + 2, yy + 2), (xx + cell - 3, yy + cell - 2), col, -1)
                cv2.rectangle(
                    board,
                    (xx + 3, yy + cell // 3),
                    (xx + cell - 4, yy + cell - 4),
                    (235, 235, 235),
                    -1,
                )
            elif kind < 0.55:  # a spanner
                cv2.line(
                    board, (cx, yy + 2), (cx, yy + cell - 4), (175, 175, 180), max(1, cell // 10)
                )
                cv2.circle(board, (cx, yy + cell - 4), max(2, cell // 7), (175, 175, 180), 1)
            elif kind < 0.7:  # a hammer
                cv2.line(
                    board, (cx, yy + 3), (cx, yy + cell - 2), _wood_tone(rng), max(1, cell // 8)
                )
                cv2.rectangle(
                    board, (cx - cell // 4, yy + 2), (cx + cell // 4, yy + 5), (60, 60, 65), -1
                )
            elif kind < 0.82:  # a saw
                pts = np.array([[xx + 2, yy + 3], [xx + cell - 2, yy + 3], [xx + 2, yy + cell - 3]])
                cv2.fillPoly(board, [pts.astype(np.int32)], (190, 190, 195))
                cv2.rectangle(board, (xx + 2, yy + 2), (xx + cell // 3, yy + cell // 3), col, -1)
            elif kind < 0.92:  # a tape measure
                cv2.rectangle(
                    board,
                    (cx - cell // 4, cy - cell // 4),
                    (cx + cell // 4, cy + cell // 4),
                    (235, 200, 30),
                    -1,
                )
                cv2.circle(board, (cx, cy), max(1, cell // 8), (40, 40, 40), -1)
            else:  # a coil of cable or rope
                cv2.circle(board, (cx, cy), max(2, cell // 3), col, max(1, cell // 8))
    _paste(wall.img, board, x0, y0)


def _goods(rng: Rng, w: int = 96, h: int = 128) -> U8:
    """A run of store shelving: uprights, four to six shelves of stock grouped by kind
    (tins, boxes, packets, bags, buckets), a price strip on every shelf edge."""
    img = _grained(rng, w, h, _between(rng, (60, 60, 64), (215, 215, 218)), 4.0)
    shelves = int(rng.integers(4, 7))
    sh = h // shelves
    edge = _c(rng, 40, 230)
    for k in range(shelves):
        y1 = (k + 1) * sh - 3
        kind = int(rng.integers(0, 5))
        col = _c(rng, 30, 240)
        x = 2
        while x < w - 4:
            iw = int(rng.integers(3, max(4, w // 9)))
            ih = max(3, int(sh * rng.uniform(0.4, 0.85)))
            if rng.random() < 0.2:
                col = _c(rng, 30, 240)
            if kind == 0:  # tins
                cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), (185, 185, 190), -1)
                cv2.rectangle(img, (x, y1 - ih * 2 // 3), (x + iw, y1 - ih // 4), col, -1)
            elif kind == 1:  # boxes
                cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
                cv2.rectangle(
                    img, (x + 1, y1 - ih + 2), (x + iw - 1, y1 - ih // 2), (240, 240, 235), -1
                )
            elif kind == 2:  # packets on hooks
                cv2.rectangle(img, (x, y1 - ih), (x + iw, y1 - ih // 3), col, -1)
            elif kind == 3:  # bags
                _rounded(img, x, y1 - ih, x + iw + 2, y1, 2, col)
                x += 2
            else:  # buckets
                pts = np.array([[x, y1 - ih], [x + iw + 2, y1 - ih], [x + iw, y1], [x + 2, y1]])
                cv2.fillPoly(img, [pts.astype(np.int32)], col)
                x += 2
            x += iw + int(rng.integers(1, 3))
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), edge, -1)
        for px in range(int(rng.integers(2, 12)), w - 6, int(rng.integers(10, 20))):
            cv2.rectangle(img, (px, y1), (px + 5, y1 + 2), (250, 250, 250), -1)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), _shade(edge, 0.7), 2)
    return img


def _endcap(rng: Rng) -> U8:
    """A gondola's end: a header with a price, stock stacked for an offer below."""
    img = _goods(rng, 48, 112)
    head = _c(rng, 30, 240)
    cv2.rectangle(img, (0, 0), (47, 20), head, -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 3, 9, 6, (250, 250, 250))
    _text(
        img,
        rng,
        f"{int(rng.integers(1, 99))}.{int(rng.integers(0, 99)):02d}",
        6,
        18,
        7,
        (255, 235, 60),
    )
    return img


def _aisle_sign(rng: Rng, number: int, colour: Colour) -> U8:
    """A hanging aisle sign: a coloured board, the aisle's number, a word or two."""
    img = _grained(rng, 64, 24, colour, 4.0)
    cv2.rectangle(img, (2, 2), (20, 21), (250, 250, 250), -1)
    _text(img, rng, str(number), 5, 18, 12, colour)
    _text(img, rng, _word(rng, (2, 3)).upper(), 24, 11, 6, (250, 250, 250))
    _text(img, rng, _word(rng, (1, 3)).upper(), 24, 20, 6, (250, 250, 250))
    return img


def _timber(rng: Rng, w: int, h: int) -> U8:
    """A timber rack's front: lengths of sawn wood and board ends on steel arms."""
    img = _grained(rng, w, h, (60, 60, 64), 3.0)
    for y in range(2, h - 2, max(3, h // 20)):
        cv2.line(
            img, (0, y), (w, y), _between(rng, (170, 130, 85), (230, 200, 150)), max(1, h // 30)
        )
    for x in range(0, w, max(8, w // 5)):
        cv2.rectangle(img, (x, 0), (x + 2, h), (180, 60, 40), -1)
    return img


# bowling alley


def _pins(img: U8, rng: Rng, cx: int, base: int, lane_w: int) -> None:
    """Ten pins as seen from the approach: four rows, white with two red neck stripes."""
    for row, n in enumerate((4, 3, 2, 1)):
        pw = max(2, lane_w // 9 + row // 2)
        ph = pw * 3
        y = base - row * max(1, pw // 3)
        for k in range(n):
            x = cx + int((k - (n - 1) / 2) * lane_w * 0.2)
            cv2.ellipse(
                img, (x, y - ph // 3), (pw // 2 + 1, ph // 3), 0, 0, 360, (245, 245, 240), -1
            )
            cv2.ellipse(
                img,
                (x, y - ph + ph // 5),
                (max(1, pw // 3), ph // 5),
                0,
                0,
                360,
                (245, 245, 240),
                -1,
            )
            cv2.line(
                img,
                (x - pw // 3, y - ph * 2 // 3),
                (x + pw // 3, y - ph * 2 // 3),
                (200, 30, 30),
                1,
            )


def _ball_rack(rng: Rng) -> U8:
    """A rack of house balls: three shelves of coloured balls with finger holes."""
    img = _grained(rng, 64, 48, (40, 40, 44), 3.0)
    for r in range(3):
        y = 10 + r * 15
        cv2.line(img, (0, y + 6), (63, y + 6), (150, 150, 155), 2)
        for k in range(6):
            col = _c(rng, 20, 250)
            cv2.circle(img, (6 + k * 10, y), 5, col, -1)
            cv2.circle(img, (5 + k * 10, y - 2), 1, (20, 20, 20), -1)
    return img


def _score_screen(rng: Rng) -> U8:
    """An overhead score screen: a blue screen, a grid of ten frames with marks."""
    img = _grained(rng, 64, 36, _between(rng, (10, 30, 80), (30, 60, 140)), 4.0)
    cv2.rectangle(img, (0, 0), (63, 35), (20, 20, 22), 2)
    for r in range(2):
        y = 8 + r * 13
        _text(img, rng, _word(rng, (1, 2)).upper(), 3, y + 7, 5, (250, 250, 250))
        for f in range(6):
            x = 18 + f * 7
            cv2.rectangle(img, (x, y), (x + 6, y + 9), (220, 220, 230), 1)
            if rng.random() < 0.7:
                _text(img, rng, str(int(rng.integers(0, 10))), x + 1, y + 8, 5, (255, 230, 80))
    return img


def _neon(rng: Rng, w: int, h: int) -> U8:
    """A bowling alley's wall: dark paint with neon-bright stripes, stars and rings."""
    img = _grained(rng, w, h, _between(rng, (15, 15, 30), (60, 40, 80)), 6.0)
    for _ in range(int(rng.integers(6, 14))):
        col = _c(rng, 120, 256)
        kind = rng.random()
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        s = int(rng.integers(max(4, h // 12), max(5, h // 4)))
        if kind < 0.35:
            cv2.line(img, (x, y), (x + 3 * s, y + int(rng.integers(-s, s))), col, max(1, s // 5))
        elif kind < 0.7:
            cv2.circle(img, (x, y), s, col, max(1, s // 6))
        else:
            ang = np.linspace(0, 2 * np.pi, 11)[:-1]
            rad = np.where(np.arange(10) % 2 == 0, s, s // 2)
            pts = np.stack([x + rad * np.sin(ang), y - rad * np.cos(ang)], axis=1)
            cv2.fillPoly(img, [pts.astype(np.int32)], col)
    return img


def _loud_carpet(rng: Rng, w: int, h: int, res: float) -> U8:
    """A leisure venue's carpet: a dark ground with scattered bright shapes."""
    img = _grained(rng, w, h, _between(rng, (15, 15, 35), (60, 30, 60)), 5.0)
    step = max(4, round(0.35 * res))
    cols = [_c(rng, 90, 256) for _ in range(3)]
    for y in range(0, h, step):
        for x in range(0, w, step):
            if rng.random() < 0.55:
                c = cols[int(rng.integers(0, 3))]
                if rng.random() < 0.5:
                    cv2.circle(img, (x + step // 2, y + step // 2), max(1, step // 5), c, 1)
                else:
                    cv2.line(img, (x, y + step // 2), (x + step // 2, y), c, 1)
    return img


# snooker hall


def _table_top(rng: Rng, snooker: bool) -> U8:
    """A snooker or pool table from above: wooden rails, green cloth, six pockets, balls
    where the last frame left them (and a snooker table's baulk line and D)."""
    img = _grained(rng, 48, 96, _shade(_wood_tone(rng), 0.6), 5.0)
    cloth = _between(rng, (20, 95, 40), (40, 140, 75)) if rng.random() < 0.85 else _c(rng, 30, 150)
    cv2.rectangle(img, (5, 5), (42, 90), cloth, -1)
    cv2.rectangle(img, (5, 5), (42, 90), _shade(cloth, 0.7), 1)
    for x, y in ((5, 5), (42, 5), (5, 47), (42, 47), (5, 90), (42, 90)):
        cv2.circle(img, (x, y), 3, (10, 10, 10), -1)
    if snooker:
        cv2.line(img, (6, 72), (41, 72), (235, 235, 230), 1)
        cv2.ellipse(img, (23, 72), (7, 7), 0, 0, 180, (235, 235, 230), 1)
    for _ in range(int(rng.integers(3, 12))):
        col = (200, 20, 20) if snooker and rng.random() < 0.6 else _c(rng, 20, 256)
        cv2.circle(img, (int(rng.integers(8, 40)), int(rng.integers(8, 88))), 1, col, -1)
    return img


def _table_side(rng: Rng) -> U8:
    """A billiard table's side: a polished wooden apron, a brass plate, a dark plinth."""
    wood = _shade(_wood_tone(rng), float(rng.uniform(0.45, 0.8)))
    img = _wood(rng, 96, 24, wood, 6)
    cv2.rectangle(img, (0, 0), (95, 4), _shade(wood, 0.7), -1)
    cv2.rectangle(img, (40, 8), (56, 13), (200, 170, 80), -1)
    cv2.rectangle(img, (0, 20), (95, 23), (25, 22, 20), -1)
    return img


def _cue_rack(rng: Rng, w: int, h: int) -> U8:
    """A wall rack of cues: a wooden board, 6-12 cues standing in it."""
    wood = _wood_tone(rng)
    img = _wood(rng, w, h, _shade(wood, 0.6), max(3, h // 6))
    n = int(rng.integers(6, 13))
    for k in range(n):
        x = 3 + k * (w - 6) // n
        cv2.line(img, (x, 2), (x, h - 3), _between(rng, (200, 170, 120), (235, 210, 160)), 1)
        cv2.line(img, (x, h * 2 // 3), (x, h - 3), _shade(_wood_tone(rng), 0.5), 2)
    cv2.rectangle(img, (0, h // 5), (w - 1, h // 5 + 2), _shade(wood, 0.4), -1)
    return img


def _scoreboard(rng: Rng, w: int, h: int) -> U8:
    """A wooden scoreboard: two scales of numbers with brass markers, a slate."""
    img = _wood(rng, w, h, _shade(_wood_tone(rng), 0.7), max(3, h // 4))
    cv2.rectangle(img, (3, 3), (w - 4, h // 3), (35, 40, 38), -1)
    for r in range(2):
        y = h // 2 + r * h // 4
        cv2.line(img, (4, y), (w - 5, y), (220, 210, 180), 1)
        for k in range(0, w - 8, max(3, w // 20)):
            cv2.line(img, (4 + k, y - 2), (4 + k, y), (220, 210, 180), 1)
        cv2.circle(img, (int(rng.integers(6, max(7, w - 6))), y), 2, (210, 180, 70), -1)
    return img


def _deep_carpet(rng: Rng, w: int, h: int, res: float) -> U8:
    """A hall's patterned carpet: a deep red, green or blue ground with a diamond trellis."""
    col = [
        _between(rng, (90, 20, 25), (140, 40, 45)),
        _between(rng, (20, 60, 35), (45, 100, 60)),
        _between(rng, (20, 30, 70), (45, 60, 120)),
    ][int(rng.integers(0, 3))]
    img = _grained(rng, w, h, col, 6.0)
    step = max(4, round(0.4 * res))
    line = _lighter(col, 1.5)
    for k in range(-h, w + h, step):
        cv2.line(img, (k, 0), (k + h, h), line, 1)
        cv2.line(img, (k, h), (k + h, 0), line, 1)
    return img


# pharmacy


def _packs(rng: Rng, w: int, h: int, white: bool) -> U8:
    """Shelves of small packs: cartons with coloured stripes, tubes, bottles, jars (a
    dispensary's are white boxes with a coloured band)."""
    img = _grained(rng, w, h, _between(rng, (200, 200, 200), (245, 245, 245)), 3.0)
    shelves = int(rng.integers(5, 8))
    sh = h // shelves
    for k in range(shelves):
        y1 = (k + 1) * sh - 2
        x = 2
        band = _c(rng, 30, 230)
        while x < w - 4:
            pw = int(rng.integers(2, max(3, w // 14)))
            ph = max(3, int(sh * rng.uniform(0.45, 0.85)))
            if rng.random() < 0.25:
                band = _c(rng, 30, 230)
            face = (245, 245, 242) if white or rng.random() < 0.5 else _c(rng, 60, 250)
            if not white and rng.random() < 0.2:
                cv2.rectangle(img, (x, y1 - ph), (x + pw, y1), _c(rng, 30, 230), -1)
                cv2.rectangle(img, (x, y1 - ph), (x + pw, y1 - ph + 2), (240, 240, 240), -1)
            else:
                cv2.rectangle(img, (x, y1 - ph), (x + pw, y1), face, -1)
                cv2.rectangle(img, (x, y1 - ph * 2 // 3), (x + pw, y1 - ph // 2), band, -1)
            x += pw + 1
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 1), (150, 150, 155), -1)
    return img


def _cross(rng: Rng, size: int = 48) -> U8:
    """A pharmacy's sign: a green cross, lit, on a dark or white square."""
    ground = (30, 30, 32) if rng.random() < 0.5 else (245, 245, 242)
    img = _grained(rng, size, size, ground, 3.0)
    g = _between(rng, (20, 150, 60), (60, 210, 110))
    a, b2 = size // 6, size // 2
    cv2.rectangle(img, (b2 - a, 4), (b2 + a, size - 5), g, -1)
    cv2.rectangle(img, (4, b2 - a), (size - 5, b2 + a), g, -1)
    cv2.rectangle(img, (b2 - a // 2, 8), (b2 + a // 2, size - 9), _lighter(g, 1.35), -1)
    return img


# cinema


def _acoustic(rng: Rng, w: int, h: int, res: float) -> U8:
    """An auditorium's side wall: fabric panels in one or two dark colours, seams."""
    a = _between(rng, (20, 20, 30), (80, 40, 50))
    b2 = _shade(a, float(rng.uniform(0.6, 0.9))) if rng.random() < 0.5 else _c(rng, 20, 90)
    img = _grained(rng, w, h, a, 4.0)
    pw, ph = max(4, round(float(rng.uniform(1.0, 1.5)) * res)), max(4, round(2.4 * res))
    for y in range(0, h, ph):
        for x in range(0, w, pw):
            if ((x // pw) + (y // ph)) % 2:
                img[y : y + ph, x : x + pw] = b2
            cv2.rectangle(img, (x, y), (x + pw - 1, y + ph - 1), _shade(a, 0.6), 1)
    return img


def _sconce(rng: Rng) -> U8:
    """A wall light glowing warm on a dark wall."""
    img = _grained(rng, 24, 24, (40, 30, 30), 3.0).astype(np.float32)
    yy, xx = np.mgrid[0:24, 0:24].astype(np.float32)
    glow = np.exp(-((xx - 12) ** 2 + (yy - 12) ** 2) / 40.0)[:, :, None]
    img = img + glow * np.array([230, 190, 120], np.float32)
    return _u8(img)


def _seat_backs(rng: Rng, n: int, colour: Colour) -> U8:
    """A row of cinema seats from behind: upholstered backs, dark gaps, cup holders."""
    w = max(8, n * 16)
    img = _grained(rng, w, 32, (25, 22, 22), 3.0)
    for k in range(n):
        x = k * 16
        _rounded(img, x + 1, 1, x + 14, 27, 4, colour)
        cv2.line(img, (x + 3, 6), (x + 12, 6), _lighter(colour, 1.2), 1)
        cv2.circle(img, (x + 15, 24), 2, (60, 60, 64), -1)
    return img


def _seat_fronts(rng: Rng, n: int, colour: Colour) -> U8:
    """A row of cinema seats from the front: backs, cushions, arms."""
    w = max(8, n * 16)
    img = _grained(rng, w, 32, (25, 22, 22), 3.0)
    for k in range(n):
        x = k * 16
        _rounded(img, x + 2, 1, x + 13, 18, 3, _shade(colour, 0.85))
        _rounded(img, x + 2, 19, x + 13, 26, 2, colour)
        cv2.rectangle(img, (x, 14), (x + 1, 31), (50, 45, 45), -1)
    return img


def _seat_tops(rng: Rng, n: int, colour: Colour) -> U8:
    """A row of cinema seats from above: the backs' rounded tops (at the top of the
    texture, the camera's side), the cushions, dark arms between them."""
    w = max(8, n * 16)
    img = _grained(rng, w, 16, (25, 22, 22), 3.0)
    for k in range(n):
        x = k * 16
        _rounded(img, x + 1, 0, x + 14, 5, 2, _lighter(colour, 1.15))
        _rounded(img, x + 2, 6, x + 13, 15, 2, _shade(colour, 0.8))
        cv2.rectangle(img, (x + 14, 3), (x + 15, 15), (45, 40, 40), -1)
    return img


def _screen_wall(b: _Build) -> tuple[float, float]:
    """The back wall of an auditorium: black masking round a screen (blank, or a still
    from the pre-show), curtains at its sides. Returns the screen's middle (x, height)."""
    r = b.fix
    back = b.wall("back")
    tw, th = back.img.shape[1], back.img.shape[0]
    back.img[:] = _grained(r, tw, th, (14, 14, 16), 3.0)
    sw = b.w * float(r.uniform(0.7, 0.88))
    sh = min(b.h - 1.6, sw / float(r.choice([1.85, 2.39])))
    low = float(r.uniform(1.0, 1.4))
    x0, y0 = back.x_of((b.w - sw) / 2), back.y_of(low + sh)
    pw, ph = back.px(sw), back.px(sh)
    if r.random() < 0.6:
        screen = _grained(r, pw, ph, _between(r, (175, 175, 172), (215, 215, 212)), 5.0)
    else:
        screen = _u8(np.asarray(_sky(r, pw, ph), np.float32) * 0.8)
        _text(
            screen, r, _word(r, (2, 3)).upper(), pw // 8, ph // 2, max(6, ph // 6), (245, 245, 240)
        )
    _paste(back.img, screen, x0, y0)
    back.claim(x0, y0, pw, ph, gap=0)
    tint = np.array(_between(r, (90, 15, 20), (150, 40, 50)), np.float32) / 128
    cloth = _u8(_fabric(r, 32, 64).astype(np.float32).mean(axis=2, keepdims=True) * tint)
    folds = (0.75 + 0.25 * np.cos(np.linspace(0, 12 * np.pi, 32)))[None, :, None]
    cloth = _u8(cloth.astype(np.float32) * folds)
    cw = back.px(float(r.uniform(0.8, 1.4)))
    for x in (max(0, x0 - cw), min(tw - cw, x0 + pw)):
        _paste(
            back.img,
            np.asarray(cv2.resize(cloth, (cw, th - back.y_of(low + sh + 0.4))), np.uint8),
            x,
            back.y_of(low + sh + 0.4),
        )
    return 0.0, low + sh / 2


# fire station


def _shutters(img: U8, x0: int, y0: int, x1: int, y1: int, tone: int) -> None:
    """A locker's roller shutter: ribbed aluminium, a bar handle at the foot."""
    cv2.rectangle(img, (x0, y0), (x1, y1), (tone, tone, tone + 3), -1)
    for y in range(y0, y1, 2):
        cv2.line(img, (x0, y), (x1, y), (tone - 35, tone - 35, tone - 30), 1)
    cv2.rectangle(img, (x0, y1 - 3), (x1, y1), (tone - 60, tone - 60, tone - 55), -1)


def _engine_side(rng: Rng, body: Colour, cab_right: bool) -> U8:
    """A fire engine's side: the cab at one end (doors, windows, a light bar), lockers with
    shutters, a chequered stripe, wheels."""
    w, h = 192, 72
    img = _grained(rng, w, h, body, 5.0)
    cab = 52
    cx0 = w - cab if cab_right else 0
    cv2.rectangle(img, (cx0 + 4, 6), (cx0 + cab - 6, 28), (40, 55, 70), -1)
    cv2.line(img, (cx0 + cab // 2, 6), (cx0 + cab // 2, 56), _shade(body, 0.6), 1)
    cv2.rectangle(img, (cx0, 0), (cx0 + cab, 3), (40, 80, 220), -1)
    lx0, lx1 = (4, w - cab - 4) if cab_right else (cab + 4, w - 4)
    n = int(rng.integers(3, 6))
    lw = (lx1 - lx0) // n
    tone = int(rng.integers(170, 215))
    for k in range(n):
        _shutters(img, lx0 + k * lw + 1, 6, lx0 + (k + 1) * lw - 2, 44, tone)
    stripe = (250, 210, 30) if rng.random() < 0.6 else (245, 245, 245)
    for x in range(0, w, 8):
        cv2.rectangle(img, (x, 46), (x + 3, 50), stripe, -1)
        cv2.rectangle(img, (x + 4, 46), (x + 7, 50), _shade(body, 0.8), -1)
    for x in (cx0 + cab // 2,) + (
        (w - cab - 30, w - cab - 60) if cab_right else (cab + 30, cab + 60)
    ):
        cv2.circle(img, (x, 62), 10, (20, 20, 22), -1)
        cv2.circle(img, (x, 62), 4, (170, 170, 175), -1)
    _text(img, rng, _word(rng, (2, 3)).upper(), lx0 + 6, 40, 7, (250, 250, 250))
    return img


def _engine_rear(rng: Rng, body: Colour) -> U8:
    """A fire engine's rear: a locker with a shutter, a ladder's foot, lamp clusters, a
    step, a chevron panel, a plate."""
    img = _grained(rng, 64, 80, body, 5.0)
    _shutters(img, 10, 8, 54, 52, int(rng.integers(170, 215)))
    cv2.line(img, (20, 0), (20, 8), (190, 190, 195), 2)
    cv2.line(img, (44, 0), (44, 8), (190, 190, 195), 2)
    for x in (3, 56):
        cv2.rectangle(img, (x, 40), (x + 5, 50), (220, 30, 30), -1)
        cv2.rectangle(img, (x, 51), (x + 5, 55), (250, 160, 30), -1)
    for x in range(0, 64, 8):
        cv2.line(img, (x, 58), (x + 6, 66), (250, 210, 30), 3)
    cv2.rectangle(img, (22, 68), (42, 74), (235, 235, 230), -1)
    _text(img, rng, str(int(rng.integers(10, 99))), 25, 74, 5, (20, 20, 20))
    cv2.rectangle(img, (0, 76), (63, 79), (30, 30, 32), -1)
    return img


def _engine_top(rng: Rng, body: Colour) -> U8:
    """A fire engine's roof: a ladder on its gantry, roof lockers, a light bar."""
    img = _grained(rng, 32, 128, _shade(body, 0.8), 4.0)
    cv2.rectangle(img, (8, 20), (24, 124), (170, 170, 175), 1)
    for y in range(22, 124, 5):
        cv2.line(img, (8, y), (24, y), (170, 170, 175), 1)
    cv2.rectangle(img, (2, 2), (29, 8), (40, 80, 220), -1)
    return img


def _kit_bays(wall: _Wall, rng: Rng, along: float, n: int) -> None:
    """Open kit bays on a wall: a helmet on the shelf, a fire coat with reflective bands
    on its peg and a pair of boots below, in each."""
    bw, bh = wall.px(0.6), wall.px(2.0)
    x0, y0 = wall.x_of(along), wall.y_of(2.1)
    if not wall.claim(x0, y0, n * bw, bh, gap=2):
        return
    frame = _between(rng, (60, 60, 65), (180, 180, 185))
    coat = _between(rng, (25, 30, 45), (160, 130, 80))
    helmet = (240, 235, 60) if rng.random() < 0.5 else (240, 240, 240)
    for k in range(n):
        bay = _grained(rng, bw, bh, _shade(frame, 0.5), 4.0)
        cv2.rectangle(bay, (0, 0), (bw - 1, bh - 1), frame, 2)
        cv2.line(bay, (0, bh // 6), (bw, bh // 6), frame, 2)
        cv2.ellipse(bay, (bw // 2, bh // 6 - 1), (bw // 3, bh // 14), 0, 180, 360, helmet, -1)
        top, foot = bh // 6 + 6, int(bh * 0.72)
        pts = np.array([[bw // 4, top], [3 * bw // 4, top], [4 * bw // 5, foot], [bw // 5, foot]])
        cv2.fillPoly(bay, [pts.astype(np.int32)], coat)
        for t in (0.55, 0.85):
            y = int(top + (foot - top) * t)
            cv2.line(bay, (bw // 5 + 2, y), (4 * bw // 5 - 2, y), (225, 230, 120), max(1, bh // 60))
        for bx in (bw // 3, 2 * bw // 3):
            cv2.rectangle(
                bay, (bx - bw // 10, bh - bh // 8), (bx + bw // 10, bh - 3), (20, 20, 22), -1
            )
        _paste(wall.img, bay, x0 + k * bw, y0)


def _hoses(rng: Rng, w: int, h: int) -> U8:
    """A hose rack: rolled lengths of hose on a steel rack, red, white or beige."""
    img = _grained(rng, w, h, (70, 70, 75), 3.0)
    r = max(3, min(w // 8, h // 4))
    for y in range(r + 1, h - r, 2 * r + 2):
        for x in range(r + 1, w - r, 2 * r + 2):
            col = [(200, 40, 35), (235, 235, 230), (215, 195, 150)][int(rng.integers(0, 3))]
            for rr in range(r, 1, -max(1, r // 4)):
                cv2.circle(img, (x, y), rr, _shade(col, 0.8 + 0.2 * (rr % 2)), 1)
    return img


def _bay_floor(rng: Rng, w: int, h: int, res: float, bays: list[float], width: float) -> U8:
    """An appliance bay's painted concrete: oil stains, yellow lines at the bays' edges,
    a drain channel across near the doors."""
    tone = int(rng.integers(110, 180))
    img = _concrete(rng, w, h, tone)
    if rng.random() < 0.5:  # painted red-brown
        t = float(rng.uniform(0, 1))
        img = _u8(
            img.astype(np.float32) * np.array([1.0, 0.7 + 0.1 * t, 0.6 + 0.1 * t], np.float32)
        )
    stain = _field(rng, w, h, max(4, w // 40)) > 0.8
    img[stain] = _u8(img[stain].astype(np.float32) * 0.82)
    half = w / 2
    for bx in bays:
        for e in (bx - width / 2, bx + width / 2):
            x = round(e * res + half)
            cv2.line(img, (x, 0), (x, h), (230, 200, 30), max(2, round(0.08 * res)))
    y = round(float(rng.uniform(0.8, 1.4)) * res)
    cv2.rectangle(img, (0, y), (w, y + max(2, round(0.15 * res))), (60, 60, 62), -1)
    for x in range(0, w, max(2, round(0.05 * res))):
        cv2.line(img, (x, y), (x, y + max(2, round(0.15 * res))), (100, 100, 104), 1)
    return img


# look-alikes' things


def _eye_chart(rng: Rng, w: int, h: int) -> U8:
    """A sight-test chart: rows of letters, each smaller, on white."""
    img = _grained(rng, w, h, (245, 245, 242), 2.0)
    y, size = h // 8 + 4, max(5, h // 7)
    while y < h - 3 and size >= 3:
        letters = "".join(chr(int(rng.integers(65, 91))) for _ in range(max(1, w // (size + 2))))
        _text(img, rng, letters[: max(1, (w - 4) // (size + 1))], 2, y, size, (20, 20, 20))
        y += size + 3
        size = max(2, int(size * 0.72))
    return img


def _couch(rng: Rng) -> dict[str, U8]:
    """An examination couch: a wipe-clean top with its paper roll, a steel base."""
    vinyl = _between(rng, (40, 80, 100), (90, 150, 170)) if rng.random() < 0.6 else _c(rng, 30, 180)
    top = _grained(rng, 32, 96, vinyl, 4.0)
    cv2.rectangle(top, (6, 10), (25, 95), (245, 245, 240), -1)
    cv2.rectangle(top, (0, 0), (31, 10), _shade(vinyl, 0.85), -1)
    side = _grained(rng, 96, 32, (40, 40, 44), 3.0)
    cv2.rectangle(side, (0, 0), (95, 8), vinyl, -1)
    cv2.line(side, (10, 31), (48, 10), (170, 170, 175), 2)
    return {"front": side, "left": side, "right": side, "top": top}


def _sharps(rng: Rng) -> U8:
    img = _grained(rng, 16, 16, (250, 215, 30), 4.0)
    cv2.rectangle(img, (0, 0), (15, 4), (220, 40, 40), -1)
    return img


def _boards(rng: Rng, w: int, h: int, colour: Colour, res: float) -> U8:
    """Painted tongue-and-groove boards: vertical boards 10 cm wide, dark grooves."""
    img = _grained(rng, w, h, colour, 6.0)
    step = max(3, round(0.1 * res))
    for x in range(int(rng.integers(0, step)), w, step):
        cv2.line(img, (x, 0), (x, h), _shade(colour, 0.72), 1)
    return img


def _stripes(rng: Rng, w: int, h: int, vertical: bool = True) -> U8:
    """Striped canvas (a deckchair's, a windbreak's)."""
    a, b2 = _c(rng, 40, 250), (245, 245, 240) if rng.random() < 0.6 else _c(rng, 40, 250)
    img = _grained(rng, w, h, a, 4.0)
    step = max(2, (w if vertical else h) // int(rng.integers(4, 9)))
    for k in range(0, w if vertical else h, 2 * step):
        if vertical:
            img[:, k : k + step] = b2
        else:
            img[k : k + step] = b2
    return img


def _beach_thing(o: Rng) -> tuple[tuple[float, float, float], dict[str, U8]]:
    """One of a beach-hut owner's things: (width, depth, height) m and faces."""
    what = o.random()
    if what < 0.3:  # a folded deckchair, standing
        canvas = _stripes(o, 32, 48)
        frame = _wood(o, 32, 48, _wood_tone(o), 8)
        frame[4:44, 4:28] = canvas[4:44, 4:28]
        return (0.55, 0.08, float(o.uniform(0.9, 1.1))), {"front": frame, "top": frame}
    if what < 0.45:  # a rolled windbreak
        roll = _stripes(o, 16, 64, vertical=False)
        return (0.16, 0.16, float(o.uniform(1.2, 1.5))), {"front": roll, "top": roll}
    if what < 0.65:  # a cool box
        body = _grained(o, 32, 24, _c(o, 60, 250), 4.0)
        cv2.rectangle(body, (0, 0), (31, 6), (245, 245, 240), -1)
        return (0.5, 0.32, 0.38), {"front": body, "top": _label(o, 32, 24)}
    if what < 0.8:  # buckets and spades
        pail = _grained(o, 24, 24, _c(o, 80, 256), 6.0)
        cv2.line(pail, (2, 2), (21, 2), (40, 40, 40), 1)
        return (0.25, 0.25, 0.25), {"front": pail, "top": pail}
    towels = _fabric(o, 32, 32)  # a pile of towels or a folded rug
    return (0.45, 0.35, float(o.uniform(0.15, 0.3))), {"front": towels, "top": towels}


def _bunting(wall: _Wall, o: Rng) -> None:
    """A string of bunting across a wall near the top (the owner's)."""
    img = wall.img
    tw = img.shape[1]
    y = wall.y_of(float(o.uniform(1.75, 1.95)))
    s = max(3, wall.px(0.14))
    cv2.line(img, (0, y), (tw, y + s // 2), (230, 230, 225), 1)
    for x in range(s // 2, tw - s, s + 2):
        yy = y + (x * (s // 2)) // max(1, tw)
        pts = np.array([[x, yy], [x + s, yy], [x + s // 2, yy + s + s // 3]])
        cv2.fillPoly(img, [pts.astype(np.int32)], _c(o, 40, 256))


def _canvas(o: Rng, w: int, h: int) -> U8:
    """An artist's canvas: an abstract or landscape painting, loose brushwork."""
    if o.random() < 0.4:
        img = np.asarray(_sky(o, w, h), np.uint8).copy()
        cv2.rectangle(img, (0, int(h * o.uniform(0.5, 0.75))), (w, h), _c(o, 30, 200), -1)
    else:
        img = _grained(o, w, h, _c(o, 40, 250), 12.0)
    for _ in range(int(o.integers(8, 30))):
        x, y = int(o.integers(0, w)), int(o.integers(0, h))
        cv2.line(
            img,
            (x, y),
            (x + int(o.integers(-w // 3, w // 3)), y + int(o.integers(-h // 4, h // 4))),
            _c(o, 20, 256),
            int(o.integers(1, max(2, w // 10))),
        )
    return img


def _canvas_back(o: Rng, w: int, h: int) -> U8:
    """A canvas from behind: raw linen in a wooden stretcher with a cross bar."""
    img = _grained(o, w, h, _between(o, (200, 185, 150), (235, 225, 200)), 5.0)
    wood = _wood_tone(o)
    t = max(2, w // 12)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), wood, t)
    cv2.line(img, (w // 2, 0), (w // 2, h), wood, t)
    return img


def _drop_cloth(o: Rng, w: int, h: int) -> U8:
    """A painter's drop cloth: canvas spattered and smeared with paint."""
    img = _grained(o, w, h, _between(o, (190, 180, 160), (235, 228, 210)), 8.0)
    for _ in range(int(o.integers(30, 90))):
        cv2.circle(
            img,
            (int(o.integers(0, w)), int(o.integers(0, h))),
            int(o.integers(1, 4)),
            _c(o, 20, 256),
            -1,
        )
    return img


def _paints_top(o: Rng) -> U8:
    """A painter's table from above: a palette, tubes, jars of brushes, rags."""
    img = _grained(o, 64, 32, _between(o, (150, 140, 130), (220, 210, 195)), 6.0)
    cv2.ellipse(img, (16, 16), (12, 9), 0, 0, 360, (225, 215, 190), -1)
    for _ in range(10):
        cv2.circle(img, (int(o.integers(6, 26)), int(o.integers(9, 24))), 2, _c(o, 20, 256), -1)
    for k in range(int(o.integers(3, 8))):
        x = 32 + k * 4
        cv2.rectangle(img, (x, 4), (x + 2, 14), _c(o, 40, 256), -1)
    for k in range(int(o.integers(1, 4))):
        cv2.circle(img, (40 + k * 8, 24), 3, (200, 215, 220), -1)
    return img


# --- building a place: one function a kind draws its shell, fixed things and furniture ---------


@dataclass
class _Build17(_Build):
    """v13's building state, the occupant's own things kept apart from the template's
    (look-alikes), walkable steps (a cinema's rows) and where the camera must stand."""

    own_boxes: list[Box] = field(default_factory=list)
    own_tops: list[Top] = field(default_factory=list)
    floors: list[Box] = field(default_factory=list)
    stand: tuple[float, float] | None = None  # (x, z) the place's camera stands at
    look: tuple[float, float, float] | None = None  # a point the place's camera looks at


def _b17(b: _Build) -> _Build17:
    assert isinstance(b, _Build17)
    return b


def _build_print(b: _Build) -> None:
    """A print shop: pale paint (a feature wall in the shop's colour), lino or tiles, a
    suspended ceiling, a counter across the room with a screen, big copiers along the
    sides, a wide-format printer and shelving of paper stock at the back, a cutting
    table, roll-up banners, print samples on the walls, a sign."""
    r = b.fix
    b.paint_walls(_between(r, (215, 215, 210), (250, 250, 245)))
    if r.random() < 0.5:
        side = str(r.choice(["left", "right"]))
        tw, th, _res = b.texels(side)
        b.fill(side, _grained(r, tw, th, _c(r, 40, 230), 6.0))
    _skirting(b, _c(r, 30, 120), 0.1)
    b.floor(
        (lambda g, w, h, res: _lino(g, w, h))
        if r.random() < 0.5
        else (
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.4 * res)), _c(g, 90, 200), _c(g, 60, 160)
            )
        )
    )
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    fl = _Floor(b.w, b.d, 1.4)
    zc = b.d * float(r.uniform(0.3, 0.42)) + 1.0
    cw = b.w * float(r.uniform(0.4, 0.6))
    cx = float(r.uniform(-0.2, 0.2)) * b.w
    counter = _cabinet(r, 3, 1, _c(r, 40, 230))
    top = _grained(r, 32, 16, _c(r, 60, 230), 3.0)
    b.boxes.append(
        Box(
            cx,
            zc,
            cw,
            0.6,
            1.0,
            0.0,
            {"front": counter, "top": top, "left": counter, "right": counter},
        )
    )
    b.tops.append((cx, zc, cw * 0.8, 0.4, 1.0))
    fl.take(cx, zc, cw, 1.6)
    b.boxes.append(Box(cx - cw / 4, zc, 0.45, 0.05, 0.32, 1.0, {"front": _screen(r, 32, 24)}))
    for side in ("left", "right"):
        for _ in range(int(r.integers(1, 3))):
            spot = fl.against(r, 1.2, 0.7, (side,))
            if spot:
                _box(
                    b,
                    spot,
                    1.15,
                    {"front": _copier(r), "top": _grained(r, 32, 32, (205, 205, 200), 3.0)},
                )
    spot = fl.against(r, 1.7, 0.6, ("back",))
    if spot:
        _box(b, spot, 1.1, {"front": _plotter(r), "top": _steel(r, 32, 16, 160)}, top=False)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, float(r.uniform(1.0, 1.6)), 0.45, ("back",))
        if spot:
            _box(b, spot, float(r.uniform(1.8, 2.1)), {"front": _reams(r, 96, 128)}, top=False)
    spot = fl.middle(r, 1.6, 0.9)
    if spot:
        _add(
            b.boxes,
            b.tops,
            "table",
            {"front": _cabinet(r, 2, 1, _c(r, 60, 230)), "top": _cutting_mat(r, 64, 32)},
            spot,
            0.9,
        )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.85, 0.25, ("left", "right", "back"))
        if spot:
            _box(b, spot, 2.0, {"front": _banner(r), "top": _steel(r, 16, 8, 150)}, top=False)
    back = b.wall("back")
    back.put(
        _sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)),
        min(b.h - 0.1, 2.7),
        min(b.h - 0.05, 2.9),
    )
    for name in ("back", "left", "right"):
        _poster(b.wall(name), int(r.integers(1, 4)))
        extra = tuple(k for k, p in (("clock", 0.4), ("extinguisher", 0.4)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(back, r, _c(r, 40, 230))


def _build_climb(b: _Build) -> None:
    """A climbing centre's bouldering hall: plywood walls in 4 x 8 ft panels covered in
    holds of the centre's colours to 4-5 m, volumes bolted on, thick matting, a roof or
    rafters, shoe cubbies on the front wall, benches, chalk buckets, a route sign."""
    r = b.fix
    colours = _route_colours(r)
    panel = _between(r, (150, 150, 155), (235, 235, 232)) if r.random() < 0.6 else _c(r, 30, 200)
    b.paint_walls(panel, 0.02)
    tw, th, _res = b.texels("front")
    b.fill("front", _grained(r, tw, th, _between(r, (200, 200, 195), (245, 245, 240)), 4.0))
    b.floor(lambda g, w, h, res: _mats(g, w, h, res, 1.6))
    b.ceiling(_roof if r.random() < 0.5 else _rafters)
    top = min(b.h - 0.4, float(r.uniform(4.0, 5.0)))
    for name in ("back", "left", "right"):
        _holds(b.wall(name), r, top, float(r.uniform(4.0, 8.0)), colours)
    for side in ("left", "right", "back"):
        for _ in range(int(r.integers(1, 4))):
            dep = float(r.uniform(0.4, 0.8))
            h = float(r.uniform(0.6, 1.4))
            y0 = float(r.uniform(0.8, max(0.9, top - h)))
            tex = {k: _volume(r, colours) for k in ("front", "left", "right", "top")}
            if side == "back":
                x = float(r.uniform(-0.4, 0.4)) * b.w
                b.boxes.append(Box(x, b.d - dep / 2, float(r.uniform(0.8, 1.6)), dep, h, y0, tex))
            else:
                z = float(r.uniform(2.5, b.d - 1.0))
                x = _side_x(b, side, dep)
                b.boxes.append(
                    Box(x, z, dep, float(r.uniform(0.8, 1.6)), h, y0, _faces(tex, _inward(side)))
                )
    fl = _Floor(b.w, b.d, 2.0)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.8, 0.45)
        if spot:
            _add(
                b.boxes,
                b.tops,
                "bench",
                {"front": _wood(r, 64, 16, _wood_tone(r), 8), "top": _planks(r, 64, 16, 30)},
                spot,
                0.45,
            )
    chalk = _grained(r, 16, 16, _c(r, 40, 230), 4.0)
    cv2.circle(chalk, (8, 8), 5, (245, 245, 245), -1)
    for _ in range(int(r.integers(2, 5))):
        x = float(r.uniform(-0.4, 0.4)) * b.w
        z = float(r.uniform(2.5, b.d - 1.5))
        b.boxes.append(Box(x, z, 0.22, 0.22, 0.25, 0.0, {"front": chalk, "top": chalk}))
    front = b.wall("front")
    front.put(_cubbies(r, front.px(float(r.uniform(2.0, 3.0))), front.px(1.2)), 1.3, 1.5)
    back = b.wall("back")
    back.put(
        _sign(r, back.px(float(r.uniform(1.5, 2.5))), back.px(0.4)),
        min(b.h - 0.1, top + 0.45),
        min(b.h - 0.05, top + 0.5),
    )
    _small_things(front, ("socket", "exit", "clock"))
    _door(front, r, _c(r, 40, 230))


def _build_hardware(b: _Build) -> None:
    """A hardware store: gondolas of stock running in from the front with aisles between
    them, their ends dressed with offers, hanging aisle signs, wall shelving on one side,
    pegboard of tools above low shelves on the other, a timber rack at the back; the
    camera stands in an aisle."""
    r = b.fix
    b.paint_walls(_between(r, (200, 200, 195), (245, 245, 240)))
    tone = int(r.integers(120, 200))
    b.floor(
        (lambda g, w, h, res: _concrete(g, w, h, tone))
        if r.random() < 0.6
        else (lambda g, w, h, res: _lino(g, w, h))
    )
    b.ceiling(_roof if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    gw, aisle = float(r.uniform(0.9, 1.2)), float(r.uniform(1.5, 1.9))
    n = max(1, int((b.w - 1.0 - aisle) / (gw + aisle)))
    xs = [(k - (n - 1) / 2) * (gw + aisle) for k in range(n)]
    z0, z1 = float(r.uniform(2.2, 3.0)), b.d - float(r.uniform(1.8, 2.6))
    seg = float(r.uniform(1.0, 1.3))
    m = max(1, int((z1 - z0) / seg))
    gh = min(b.h - 0.8, float(r.uniform(1.8, 2.3)))
    stock = [_goods(r) for _ in range(int(r.integers(4, 8)))]
    top = _grained(r, 16, 16, (90, 90, 95), 3.0)
    k = 0
    for x in xs:
        for j in range(m):
            face = {
                "left": stock[k % len(stock)],
                "right": stock[(k + 3) % len(stock)],
                "front": _endcap(r) if j == 0 else top,
                "back": _endcap(r) if j == m - 1 else top,
                "top": top,
            }
            b.boxes.append(Box(x, z0 + (j + 0.5) * seg, gw, seg, gh, 0.0, face))
            k += 1
    colour = _c(r, 30, 200)
    gaps = [xs[0] - (gw + aisle) / 2] + [x + (gw + aisle) / 2 for x in xs]
    for i, x in enumerate(gaps):
        sign = _aisle_sign(r, i + 1, colour)
        b.boxes.append(
            Box(
                x,
                z0 + float(r.uniform(0.8, 2.0)),
                0.9,
                0.03,
                0.33,
                b.h - 0.9,
                {"front": sign, "back": sign},
            )
        )
    pside = str(r.choice(["left", "right"]))
    sside = "right" if pside == "left" else "left"
    z = 1.6
    while z + 1.2 < b.d - 0.9:
        b.boxes.append(
            Box(
                _side_x(b, sside, 0.45),
                z + 0.6,
                0.45,
                1.2,
                gh,
                0.0,
                _faces(
                    {"front": stock[int(r.integers(0, len(stock)))], "top": top}, _inward(sside)
                ),
            )
        )
        b.boxes.append(
            Box(
                _side_x(b, pside, 0.45),
                z + 0.6,
                0.45,
                1.2,
                0.9,
                0.0,
                _faces({"front": _goods(r, 96, 48), "top": top}, _inward(pside)),
            )
        )
        z += 1.2
    pw = b.wall(pside)
    _pegboard(pw, r, 1.4, pw.length - 2.4, 0.95, min(b.h - 0.3, 2.4))
    if r.random() < 0.6:
        b.boxes.append(
            Box(
                0.0,
                b.d - 0.4,
                min(b.w - 2.0, 4.0),
                0.8,
                min(b.h - 0.4, 2.4),
                0.0,
                {"front": _timber(r, 96, 64), "top": top},
            )
        )
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.5, 2.5))), back.px(0.4)), b.h - 0.2, b.h - 0.1)
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",) + (("exit",) if r.random() < 0.5 else ()))
    _b17(b).stand = (min(gaps, key=abs) + float(r.uniform(-0.2, 0.2)), 0.0)


def _build_bowling(b: _Build) -> None:
    """A bowling alley: 5-8 lanes of maple running away from the camera (boards, gutters,
    arrows, dots, a foul line) to pin decks under a neon masking panel, ball returns
    between lane pairs, overhead score screens, sofas behind the approach, ball racks,
    neon walls, a dark ceiling with rows of lights, a loud carpet."""
    r = b.fix
    n = max(3, int((b.w - 1.2) / 1.75))
    pitch = (b.w - 1.2) / n
    xs = [-b.w / 2 + 0.6 + (k + 0.5) * pitch for k in range(n)]
    foul = float(r.uniform(7.5, 8.5))
    start = foul - 4.6
    tw, th, res = b.texels("floor")
    floor = _loud_carpet(r, tw, th, res)

    def col(x: float) -> int:
        return max(0, min(tw, round((x + b.w / 2) * res)))

    def row(z: float) -> int:
        return max(0, min(th, round((b.d - z) * res)))

    floor[: row(start), col(-b.w / 2 + 0.5) : col(b.w / 2 - 0.5)] = (38, 36, 40)
    maple = _between(r, (200, 160, 110), (230, 195, 145))
    for x in xs:
        x0, x1 = col(x - 0.53), col(x + 0.53)
        lane = _wood(r, x1 - x0, row(start), maple, max(2, round(0.05 * res)), along_x=False)
        pine = row(foul + 4.8)
        lane[:pine] = _u8(lane[:pine].astype(np.float32) * 0.93)
        for a in range(7):
            ax = round((a + 0.5) * (x1 - x0) / 7)
            ay = row(foul + 4.2 + 0.35 * abs(a - 3) * 0.3)
            s = max(2, round(0.08 * res))
            pts = np.array([[ax, ay - s], [ax - s // 2, ay + s], [ax + s // 2, ay + s]])
            cv2.fillPoly(lane, [pts.astype(np.int32)], (60, 40, 30))
            cv2.circle(lane, (ax, row(foul - 2.0)), max(1, s // 3), (60, 40, 30), -1)
        cv2.line(
            lane, (0, row(foul)), (x1 - x0, row(foul)), (40, 30, 25), max(1, round(0.03 * res))
        )
        floor[: row(start), x0:x1] = lane
        for g0, g1 in ((col(x - 0.77), x0), (x1, col(x + 0.77))):
            floor[: row(foul), g0:g1] = (70, 70, 76)
    b.fill("floor", floor)
    back = b.wall("back")
    bt = back.img
    bt[:] = _grained(r, bt.shape[1], bt.shape[0], (16, 16, 20), 3.0)
    panel_lo, panel_hi = 1.1, min(b.h - 0.3, 2.4)
    panel = _neon(r, bt.shape[1], back.y_of(panel_lo) - back.y_of(panel_hi))
    _paste(bt, panel, 0, back.y_of(panel_hi))
    for i, x in enumerate(xs):
        bx = round((x + b.w / 2) * back.px(1.0))
        _pins(bt, r, bx, back.y_of(0.05), back.px(1.06))
        _text(
            bt,
            r,
            str(i + 1),
            bx - back.px(0.1),
            back.y_of(panel_hi - 0.3),
            back.px(0.25),
            (250, 250, 250),
        )
    back.claim(0, back.y_of(panel_hi), bt.shape[1], bt.shape[0] - back.y_of(panel_hi), gap=0)
    for side in ("left", "right"):
        tw_, th_, _res = b.texels(side)
        b.fill(side, _neon(r, tw_, th_))
    tw_, th_, _res = b.texels("front")
    b.fill("front", _grained(r, tw_, th_, _between(r, (30, 25, 40), (90, 70, 100)), 5.0))

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (20, 20, 24), (60, 60, 66)), 4.0)
        for z in np.arange(2.0, b.d, 3.0):
            for x in xs:
                y, cx = round((b.d - z) * res), round((x + b.w / 2) * res)
                cv2.rectangle(img, (cx - 3, y - 1), (cx + 3, y + 1), (250, 248, 235), -1)
        return img

    b.ceiling(ceiling)
    hood = _grained(r, 32, 32, _c(r, 30, 220), 4.0)
    cv2.ellipse(hood, (16, 10), (14, 8), 0, 180, 360, _shade(_c(r, 30, 220), 0.6), -1)
    for k in range(0, n - 1, 2):
        xm = (xs[k] + xs[k + 1]) / 2
        b.boxes.append(
            Box(
                xm,
                start + 1.2,
                0.45,
                1.5,
                0.75,
                0.0,
                {"front": hood, "top": _ball_rack(r), "left": hood, "right": hood},
            )
        )
        scr = _score_screen(r)
        b.boxes.append(
            Box(
                xm,
                start - 0.2,
                0.9,
                0.06,
                0.55,
                min(b.h - 0.7, 2.3),
                {"front": scr, "back": _score_screen(r)},
            )
        )
        _add(b.boxes, b.tops, "sofa", _piece(r, "sofa"), (xm, start - 0.9, 1.6, 0.7, "back"), 0.8)
    for side in ("left", "right"):
        if start > 2.0:
            b.boxes.append(
                Box(
                    _side_x(b, side, 0.4),
                    float(r.uniform(1.0, start - 0.8)),
                    0.4,
                    1.4,
                    1.1,
                    0.0,
                    _faces(
                        {"front": _ball_rack(r), "top": _grained(r, 16, 16, (40, 40, 44), 3.0)},
                        _inward(side),
                    ),
                )
            )
        _small_things(b.wall(side), ("socket", "exit"))
    _door(b.wall("front"), r, _c(r, 40, 230))


def _build_snooker(b: _Build) -> None:
    """A snooker hall: dark paint over wood panelling to a dado, a patterned carpet, a dark
    ceiling, two to twelve snooker or pool tables in rows each under its long lamp, cue
    racks and scoreboards on the walls, pictures, chairs along the walls."""
    r = b.fix
    upper = [
        _between(r, (60, 20, 25), (120, 50, 55)),
        _between(r, (20, 50, 35), (50, 90, 60)),
        _between(r, (20, 30, 55), (50, 60, 100)),
    ][int(r.integers(0, 3))]
    b.paint_walls(upper)
    dado = float(r.uniform(1.0, 1.2))
    wood = _shade(_wood_tone(r), float(r.uniform(0.45, 0.8)))
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        y = wall.y_of(dado)
        th, tw = wall.img.shape[:2]
        wall.img[y:] = _wood(r, tw, th - y, wood, max(3, wall.px(0.3)), along_x=False)
        cv2.line(wall.img, (0, y), (tw, y), _shade(wood, 0.6), max(2, wall.px(0.04)))
    b.floor(_deep_carpet)
    b.ceiling(lambda g, w, h, res: _u8(_plain_ceiling(g, w, h, res).astype(np.float32) * 0.45))
    snooker = b.w > 10.5 and r.random() < 0.6
    tw_, tl = (1.9, 3.7) if snooker else (1.3, 2.5)
    gap = float(r.uniform(1.6, 2.0))
    cols = max(1, min(4, int((b.w - 0.8) / (tw_ + gap))))
    z = 2.3 + tl / 2
    zs: list[float] = []
    while z + tl / 2 < b.d - 1.2 and len(zs) < 3:
        zs.append(z)
        z += tl + gap
    shade = _grained(r, 64, 16, _between(r, (20, 50, 30), (40, 80, 50)), 3.0)
    cv2.line(shade, (0, 13), (63, 13), (200, 170, 80), 1)
    for x in [(k - (cols - 1) / 2) * (tw_ + gap) for k in range(cols)]:
        for z in zs:
            end, long = _table_side(r), _table_side(r)
            b.boxes.append(
                Box(
                    x,
                    z,
                    tw_,
                    tl,
                    0.86,
                    0.0,
                    {
                        "front": end,
                        "back": end,
                        "left": long,
                        "right": long,
                        "top": _table_top(r, snooker),
                    },
                )
            )
            b.tops.append((x, z, tw_ * 0.5, tl * 0.5, 0.86))
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.5,
                    tl * 0.75,
                    0.2,
                    min(b.h - 0.5, 1.95),
                    {"front": shade, "back": shade, "left": shade, "right": shade, "top": shade},
                )
            )
    for side in ("left", "right"):
        wall = b.wall(side)
        for _ in range(int(r.integers(1, 4))):
            wall.put(_cue_rack(r, wall.px(0.9), wall.px(1.3)), 2.0, 2.1)
        for _ in range(int(r.integers(0, 3))):
            wall.put(_scoreboard(r, wall.px(0.9), wall.px(0.4)), 1.85, 1.95)
        _poster(wall, int(r.integers(0, 3)))
        chair = _piece(r, "chair")
        for _ in range(int(r.integers(1, 4))):
            zc = float(r.uniform(1.8, b.d - 0.8))
            _add(
                b.boxes,
                b.tops,
                "chair",
                chair,
                (_side_x(b, side, 0.45), zc, 0.45, 0.45, _inward(side)),
                0.95,
            )
    _poster(b.wall("back"), int(r.integers(1, 3)))
    for name in ("back", "left", "right"):
        extra = tuple(k for k, p in (("clock", 0.4), ("exit", 0.5)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(b.wall("front"), r, _c(r, 40, 230))


def _build_pharmacy(b: _Build) -> None:
    """A pharmacy: pale walls, tiles or lino, a suspended ceiling, wall shelving of packs
    with category signs, a gondola of packs down the middle in wider shops, a counter
    at the back with a till, the dispensary's shelves of white boxes behind it, a lit
    green cross hanging over the counter, waiting chairs, a door to a consulting room."""
    r = b.fix
    b.paint_walls(_between(r, (225, 230, 228), (250, 250, 248)))
    b.floor(
        (lambda g, w, h, res: _lino(g, w, h))
        if r.random() < 0.5
        else (
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.3 * res)), _c(g, 170, 245), _c(g, 130, 200)
            )
        )
    )
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    zc = b.d - float(r.uniform(1.6, 2.2))
    cw = min(b.w - 1.2, float(r.uniform(2.0, 3.2)))
    cx = float(r.uniform(-0.2, 0.2)) * (b.w - cw)
    counter = _cabinet(r, 4, 1, _c(r, 40, 230))
    b.boxes.append(
        Box(
            cx,
            zc,
            cw,
            0.6,
            1.0,
            0.0,
            {
                "front": counter,
                "left": counter,
                "right": counter,
                "top": _grained(r, 32, 16, (235, 235, 230), 3.0),
            },
        )
    )
    b.tops.append((cx, zc, cw * 0.7, 0.4, 1.0))
    b.boxes.append(Box(cx + cw / 2 - 0.35, zc, 0.35, 0.3, 0.3, 1.0, {"front": _screen(r, 32, 24)}))
    cross = _cross(r)
    b.boxes.append(Box(cx, zc - 0.2, 0.55, 0.05, 0.55, b.h - 0.75, {"front": cross, "back": cross}))
    dh = min(b.h - 0.3, 2.2)
    x = -b.w / 2 + 0.3
    while x + 1.2 < b.w / 2 - 0.2:
        b.boxes.append(
            Box(x + 0.6, b.d - 0.2, 1.2, 0.4, dh, 0.0, {"front": _packs(r, 96, 128, True)})
        )
        x += 1.2
    for side in ("left", "right"):
        z = 1.8
        wall = b.wall(side)
        while z + 1.15 < zc - 0.8:
            b.boxes.append(
                Box(
                    _side_x(b, side, 0.4),
                    z + 0.6,
                    0.4,
                    1.15,
                    1.9,
                    0.0,
                    _faces({"front": _packs(r, 96, 128, False)}, _inward(side)),
                )
            )
            z += 1.2
        for _ in range(int(r.integers(1, 4))):
            wall.put(_sign(r, wall.px(1.0), wall.px(0.22)), 2.3, min(b.h - 0.05, 2.4))
    if b.w > 5.2:
        gx = float(r.uniform(-0.3, 0.3))
        z = 2.6
        while z + 1.0 < zc - 1.3:
            b.boxes.append(
                Box(
                    gx,
                    z + 0.5,
                    0.8,
                    1.0,
                    1.5,
                    0.0,
                    {
                        "left": _packs(r, 64, 80, False),
                        "right": _packs(r, 64, 80, False),
                        "front": _endcap(r),
                        "top": _grained(r, 16, 16, (200, 200, 200), 3.0),
                    },
                )
            )
            z += 1.0
    fl = _Floor(b.w, zc - 0.5, 1.5)
    chair = _piece(r, "chair")
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.5, 0.5, ("left", "right"))
        if spot:
            _add(b.boxes, b.tops, "chair", chair, spot, 0.9)
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",) + (("exit",) if r.random() < 0.4 else ()))
    _door(b.wall(str(r.choice(["left", "right"]))), r, _c(r, 60, 230))


def _build_cinema(b: _Build) -> None:
    """A cinema auditorium: a screen in black masking on the back wall with curtains at its
    sides, walls of acoustic panels with warm sconces, a dark ceiling with downlights, a
    carpet, 3-11 rows of seats stepping up towards the camera (one central aisle or two
    side aisles), a platform at the top where the camera stands, exit signs."""
    r = b.fix
    for name in ("left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _acoustic(r, tw, th, res))
    b.floor(_loud_carpet if r.random() < 0.5 else _deep_carpet)

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (10, 10, 14), (40, 38, 44)), 3.0)
        step = max(4, round(1.5 * res))
        for y in range(step // 2, h, step):
            for x in range(step // 2, w, step):
                cv2.circle(img, (x, y), max(1, round(0.06 * res)), (250, 240, 210), -1)
        return img

    b.ceiling(ceiling)
    _cx, cy = _screen_wall(b)
    first = b.d - float(r.uniform(4.5, 6.0))
    p = float(r.uniform(1.0, 1.15))
    n = min(11, max(3, int((first - p / 2 - 1.8) / p) + 1))
    t = min(float(r.uniform(0.3, 0.45)), (b.h - 2.8) / (n + 1))
    colour = [
        _between(r, (120, 20, 30), (190, 50, 60)),
        _between(r, (30, 40, 110), (60, 80, 170)),
        _between(r, (70, 70, 75), (120, 120, 125)),
    ][int(r.integers(0, 3))]
    central = r.random() < 0.5
    spans = (
        [(-b.w / 2 + 0.4, -0.6), (0.6, b.w / 2 - 0.4)]
        if central
        else [(-b.w / 2 + 1.3, b.w / 2 - 1.3)]
    )
    step_top = _carpeted(r, 32, 16, 30)
    step_front = _grained(r, 64, 8, (30, 28, 30), 3.0)
    for x in range(4, 64, 12):
        cv2.circle(step_front, (x, 4), 1, (250, 220, 150), -1)
    st = _b17(b)
    for k in range(n):
        zk, yk = first - k * p, k * t
        if k > 0:
            riser = Box(
                0.0, zk, b.w, p, yk, 0.0, {"front": step_front, "back": step_front, "top": step_top}
            )
            b.boxes.append(riser)
            st.floors.append(riser)
        for x0, x1 in spans:
            seats = max(1, int((x1 - x0) / 0.55))
            b.boxes.append(
                Box(
                    (x0 + x1) / 2,
                    zk - p / 2 + 0.3,
                    x1 - x0,
                    0.55,
                    0.85,
                    yk,
                    {
                        "front": _seat_backs(r, seats, colour),
                        "back": _seat_fronts(r, seats, colour),
                        "top": _seat_tops(r, seats, colour),
                        "left": _grained(r, 16, 16, (35, 32, 32), 3.0),
                        "right": _grained(r, 16, 16, (35, 32, 32), 3.0),
                    },
                )
            )
    length = first - (n - 1) * p - p / 2
    platform = Box(
        0.0,
        length / 2,
        b.w,
        length,
        n * t,
        0.0,
        {"front": step_front, "back": step_front, "top": step_top},
    )
    b.boxes.append(platform)
    st.floors.append(platform)
    for side in ("left", "right"):
        wall = b.wall(side)
        along = 2.0
        while along < wall.length - 2.0:
            wall.put(_sconce(r), 3.0, 3.05, along=(along, along + 0.05), tries=1)
            along += 3.0
        _small_things(wall, ("exit",))
    st.stand = (float(r.uniform(-0.3, 0.3)) * b.w, float(r.uniform(0.3, max(0.35, length - 0.4))))
    st.look = (0.0, cy * 0.3, b.d)


def _engine_front(rng: Rng, body: Colour) -> U8:
    """A fire engine's cab from the front: a windscreen, a grille, lamps, a bumper, a
    light bar, a word."""
    img = _grained(rng, 64, 80, body, 5.0)
    cv2.rectangle(img, (5, 8), (58, 36), (40, 55, 70), -1)
    cv2.rectangle(img, (4, 0), (59, 5), (40, 80, 220), -1)
    cv2.rectangle(img, (18, 44), (45, 60), (40, 40, 42), -1)
    for y in range(46, 60, 3):
        cv2.line(img, (19, y), (44, y), (150, 150, 155), 1)
    for x in (6, 50):
        cv2.rectangle(img, (x, 46), (x + 8, 52), (245, 245, 230), -1)
    cv2.rectangle(img, (0, 66), (63, 74), (200, 200, 205), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 16, 42, 5, (250, 250, 250))
    return img


def _bay_door(rng: Rng, w: int, h: int, res: float) -> U8:
    """A sectional bay door from inside: panels, a row of windows onto the street."""
    colour = (
        _c(rng, 120, 240) if rng.random() < 0.5 else _between(rng, (160, 30, 30), (220, 60, 50))
    )
    img = _grained(rng, w, h, colour, 4.0)
    step = max(4, round(0.55 * res))
    for y in range(0, h, step):
        cv2.line(img, (0, y), (w, y), _shade(colour, 0.7), max(1, round(0.02 * res)))
    y0 = round(h * 0.35)
    nwin = int(rng.integers(4, 7))
    ww = w // nwin
    view = _outside(rng, w, step)
    for k in range(nwin):
        x0 = k * ww + ww // 8
        img[y0 : y0 + step * 3 // 4, x0 : x0 + ww * 3 // 4] = view[
            : step * 3 // 4, x0 : x0 + ww * 3 // 4
        ]
    return img


def _build_fire(b: _Build) -> None:
    """A fire station's appliance bay: painted blocks, painted concrete with yellow bay
    lines and a drain, a roof or rafters, one or two fire engines nose to their sectional
    doors in the back wall (seen from behind and the side: lockers with shutters,
    chequered stripes, wheels, a ladder on the roof), kit bays with helmets, coats and
    boots, a hose rack, a noticeboard; the camera stands beside or between the engines."""
    r = b.fix
    colour = _between(r, (200, 195, 180), (245, 242, 232))
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        b.fill(name, _blocks(r, tw, th, colour, True))
    nb = 1 if b.w < 10.0 else 2
    bay = 4.2
    if nb == 1:
        side = float(r.choice([-1.0, 1.0]))
        bays = [side * (b.w / 2 - bay / 2 - 0.6)]
        stand = -side * float(r.uniform(0.5, 1.5))
    else:
        bays = [-(bay / 2 + 0.5), bay / 2 + 0.5]
        stand = float(r.uniform(-0.3, 0.3))
    tw, th, res = b.texels("floor")
    b.fill("floor", _bay_floor(r, tw, th, res, bays, bay - 0.6))
    b.ceiling(_roof if r.random() < 0.5 else _rafters)
    back = b.wall("back")
    dh = min(b.h - 0.5, 4.3)
    for bx in bays:
        dw = 3.8
        door = _bay_door(r, back.px(dw), back.px(dh), back.px(1.0))
        x0 = back.x_of(bx + b.w / 2 - dw / 2)
        if back.claim(x0, back.y_of(dh), door.shape[1], door.shape[0], gap=0):
            _paste(back.img, door, x0, back.y_of(dh))
    body = (
        _between(r, (170, 20, 20), (215, 40, 35))
        if r.random() < 0.75
        else _between(r, (200, 220, 40), (230, 245, 90))
    )
    for bx in bays:
        length = min(b.d - 5.5, float(r.uniform(7.5, 9.0)))
        height = float(r.uniform(3.0, 3.3))
        b.boxes.append(
            Box(
                bx,
                b.d - 1.2 - length / 2,
                2.5,
                length,
                height,
                0.0,
                {
                    "front": _engine_rear(r, body),
                    "back": _engine_front(r, body),
                    "left": _engine_side(r, body, cab_right=False),
                    "right": _engine_side(r, body, cab_right=True),
                    "top": _engine_top(r, body),
                },
            )
        )
    kside = str(r.choice(["left", "right"]))
    hside = "right" if kside == "left" else "left"
    kw = b.wall(kside)
    _kit_bays(kw, r, float(r.uniform(1.5, 3.0)), int(r.integers(4, 9)))
    _windows(
        b, hside, r, int(r.integers(2, 4)), 2.7, (1.2, 1.8), min(1.2, b.h - 3.1), _c(r, 40, 230)
    )
    hw = b.wall(hside)
    hw.put(_hoses(r, hw.px(float(r.uniform(1.2, 2.0))), hw.px(1.0)), 2.2, 2.4)
    _noticeboard(hw)
    fl = _Floor(b.w, b.d, 2.0)
    for x in bays:
        fl.take(x, b.d / 2, 3.2, b.d)
    spot = fl.against(r, float(r.uniform(1.5, 2.2)), 0.7, (hside,))
    if spot:
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 1, _c(r, 40, 230)), "top": _steel(r, 32, 16, 150)},
        )
    for name in ("left", "right", "front"):
        extra = tuple(k for k, p in (("clock", 0.5), ("extinguisher", 0.6)) if r.random() < p)
        _small_things(b.wall(name), ("socket", *extra))
    _door(b.wall("front"), r, _c(r, 40, 230))
    _b17(b).stand = (stand, 0.0)


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_clinic(b: _Build) -> None:
    """A consulting room of one clinic: every fixed thing the template's (see the module's
    docstring); what the window and the computer show, the notes on the noticeboard and
    pictures the room's own."""
    r, o = b.fix, b.own
    b.paint_walls(_between(r, (215, 225, 225), (248, 248, 245)), 0.02)
    _skirting(b, _c(r, 60, 200), 0.1)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    wside = str(r.choice(["left", "right"]))
    other = "right" if wside == "left" else "left"
    wall = b.wall(wside)
    ww = float(r.uniform(1.0, 1.4))
    along = float(r.uniform(1.0, max(1.05, wall.length - ww - 0.6)))
    frame = _c(r, 150, 250)
    blind = float(r.uniform(0.2, 0.5))
    fl = _Floor(b.w, b.d, 1.1)
    dw = min(b.w - 1.4, float(r.uniform(1.2, 1.6)))
    dx = float(r.uniform(-0.3, 0.3)) * (b.w - dw - 0.4)
    b.boxes.append(
        Box(
            dx,
            b.d - 0.35,
            dw,
            0.7,
            0.74,
            0.0,
            {
                "front": _cabinet(r, 2, 1, _c(r, 120, 240)),
                "top": _wood(r, 64, 32, _wood_tone(r), 16),
            },
        )
    )
    b.tops.append((dx - dw / 4, b.d - 0.3, dw * 0.4, 0.4, 0.74))
    fl.take(dx, b.d - 0.35, dw, 0.7)
    mx = dx + float(r.uniform(-0.2, 0.2)) * dw
    b.boxes.append(Box(mx, b.d - 0.45, 0.12, 0.12, 0.05, 0.74, {"front": _steel(r, 8, 8, 60)}))
    chair = _piece(r, "chair")
    _add(b.boxes, b.tops, "chair", chair, (dx + dw * 0.2, b.d - 1.1, 0.5, 0.5, "back"), 0.95)
    fl.take(dx + dw * 0.2, b.d - 1.1, 0.6, 0.6)
    spot = fl.against(r, 0.5, 0.5, (wside, other))
    if spot:
        _add(b.boxes, b.tops, "chair", _piece(r, "chair"), spot, 0.85)
    cz = float(r.uniform(1.5, max(1.55, b.d - 1.6)))
    cxo = _side_x(b, other, 0.65)
    b.boxes.append(Box(cxo, cz, 0.65, 1.9, 0.65, 0.0, _faces(_couch(r), _inward(other))))
    fl.take(cxo, cz, 0.7, 1.9)
    spot = fl.against(r, 0.9, 0.55, (wside, "back"))
    if spot:
        sink = _grained(r, 32, 32, (235, 235, 232), 2.0)
        cv2.ellipse(sink, (16, 16), (9, 7), 0, 0, 360, (200, 205, 210), -1)
        _box(b, spot, 0.9, {"front": _cabinet(r, 2, 1, _c(r, 150, 250)), "top": sink}, top=False)
        x, z, _w, _d, _f = spot
        b.boxes.append(
            Box(x + 0.3, z, 0.16, 0.16, 0.2, 0.9, {"front": _sharps(r), "top": _sharps(r)})
        )
    ow = b.wall(other)
    ow.put(_eye_chart(r, ow.px(0.45), ow.px(0.8)), 2.0, 2.1)
    board_wall = b.wall("back")
    bw_, bh_ = board_wall.px(float(r.uniform(0.8, 1.2))), board_wall.px(0.7)
    cork = _grained(r, bw_, bh_, _between(r, (170, 130, 90), (210, 170, 120)), 10.0)
    cv2.rectangle(cork, (0, 0), (bw_ - 1, bh_ - 1), _wood_tone(r), max(2, bw_ // 30))
    board_at = board_wall.put(cork, 1.9, 2.0)
    for name in ("back", "left", "right", "front"):
        _small_things(b.wall(name), ("socket",) + (("clock",) if name == other else ()))
    _door(b.wall("front"), r, _c(r, 120, 240), along=0.3)
    # The room's own: what the window and the screen show, the notes, the pictures.
    if _window(wall, r, _outside(o, wall.px(ww), wall.px(1.2)), along, 0.95, ww, 1.2, frame):
        _paste(wall.img, _blind(r, wall.px(ww), wall.px(blind)), wall.x_of(along), wall.y_of(2.15))
    st = _b17(b)
    st.own_boxes.append(
        Box(
            mx,
            b.d - 0.45,
            0.55,
            0.04,
            0.36,
            0.79,
            {"front": _screen(o, 48, 32), "back": _steel(o, 16, 16, 50)},
        )
    )
    if board_at:
        for _ in range(int(o.integers(3, 8))):
            nw, nh = int(o.integers(bw_ // 6, bw_ // 3)), int(o.integers(bh_ // 5, bh_ // 2))
            nx = board_at[0] + int(o.integers(3, max(4, bw_ - nw - 3)))
            ny = board_at[1] + int(o.integers(3, max(4, bh_ - nh - 3)))
            _paste(board_wall.img, _label(o, nw, nh), nx, ny)
    for name in ("left", "right", "front"):
        if o.random() < 0.4:
            _own_art(b.wall(name), o, 0.25, 0.45, 1.8)


def _build_hut(b: _Build) -> None:
    """A beach hut of one promenade: the template's painted boards, floor, ceiling, window
    frame, shelf, worktop with a gas ring, peg rail and open doors onto the beach;
    everything stored, bunting, pictures and what the window shows the owner's."""
    r, o = b.fix, b.own
    colour = _between(r, (170, 200, 210), (245, 240, 225)) if r.random() < 0.6 else _c(r, 120, 250)
    for name in ("back", "left", "right"):
        tw, th, res = b.texels(name)
        b.fill(name, _boards(r, tw, th, colour, res))
    tw, th, res = b.texels("front")
    front = _boards(r, tw, th, colour, res)
    dw = round(min(b.w - 0.3, 1.6) * res)
    dy = round((b.h - 1.9) * res)
    beach = np.asarray(_sky(r, dw, th - dy), np.uint8).copy()
    sand = _between(r, (200, 180, 130), (235, 215, 170))
    cv2.rectangle(beach, (0, (th - dy) * 2 // 3), (dw, th - dy), sand, -1)
    _paste(front, beach, (tw - dw) // 2, dy)
    b.fill("front", front)
    b.floor(_planks)
    b.ceiling(lambda g, w, h, res: _boards(g, w, h, _lighter(colour, 1.05), res))
    shelf_y = float(r.uniform(1.5, 1.7))
    plank = _wood(r, 64, 8, _wood_tone(r), 4)
    b.boxes.append(
        Box(
            0.0,
            b.d - 0.15,
            b.w - 0.1,
            0.3,
            0.03,
            shelf_y,
            {"front": plank, "top": _planks(r, 64, 16, 30)},
        )
    )
    kside = str(r.choice(["left", "right"]))
    pside = "right" if kside == "left" else "left"
    kx = _side_x(b, kside, 0.5)
    worktop = Box(
        kx,
        b.d - 0.6,
        0.5,
        0.9,
        0.85,
        0.0,
        _faces(
            {"front": _cabinet(r, 2, 1, _c(r, 100, 250)), "top": _hob(r, 32, 32)},
            _inward(kside),
        ),
    )
    b.boxes.append(worktop)
    pw = b.wall(pside)
    rail = _wood(r, pw.px(1.2), pw.px(0.08), _wood_tone(r), 4)
    for px in range(pw.px(0.1), rail.shape[1], pw.px(0.25)):
        cv2.circle(rail, (px, rail.shape[0] // 2), max(1, rail.shape[0] // 3), (60, 50, 40), -1)
    pw.put(rail, 1.75, 1.8)
    ww, wh = float(r.uniform(0.5, 0.8)), float(r.uniform(0.4, 0.5))
    wframe = _between(r, (230, 230, 225), (252, 252, 250))
    back = b.wall("back")
    # The owner's own: what the window shows, the things stored, bunting, pictures.
    _window(back, r, _outside(o, back.px(ww), back.px(wh)), (b.w - ww) / 2, 0.95, ww, wh, wframe)
    st = _b17(b)
    st.own_tops.append((0.0, b.d - 0.15, b.w * 0.8, 0.2, shelf_y + 0.03))
    st.own_tops.append((kx, b.d - 0.6, 0.3, 0.6, 0.85))
    for _ in range(int(o.integers(3, 9))):
        (w_, d_, h_), tex = _beach_thing(o)
        turn = o.random() < 0.5
        if turn:
            w_, d_ = d_, w_
        x = float(o.uniform(-b.w / 2 + w_ / 2 + 0.05, b.w / 2 - w_ / 2 - 0.05))
        z = float(o.uniform(max(0.9, d_ / 2 + 0.6), max(0.95, b.d - d_ / 2 - 0.3)))
        if any(
            abs(q.x - x) < (q.w + w_) / 2 and abs(q.z - z) < (q.d + d_) / 2
            for q in [*st.own_boxes, worktop]
        ):
            continue
        facing = str(o.choice(["front", "left", "right"]))
        st.own_boxes.append(Box(x, z, w_, d_, h_, 0.0, _faces(tex, facing)))
        if h_ < 0.5:
            st.own_tops.append((x, z, w_ * 0.6, d_ * 0.6, h_))
    if o.random() < 0.6:
        _bunting(b.wall(str(o.choice(["left", "right", "back"]))), o)
    if o.random() < 0.5:
        _own_art(b.wall(pside), o, 0.25, 0.45, 1.6)


def _build_mill(b: _Build) -> None:
    """An artist's studio in one converted mill: the template's whitewashed brick, tall
    windows with glazing bars, floorboards, roof, an iron column, radiators, a sink and
    pipes; what the windows show, the canvases, the easel, the table of paints, the drop
    cloth and the pictures hung the artist's own."""
    r, o = b.fix, b.own
    white = _between(r, (215, 210, 200), (248, 246, 240))
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        b.fill(name, _bricks(r, tw, th, white))
    b.floor(_planks)
    b.ceiling(_rafters if r.random() < 0.5 else _roof)
    wside = str(r.choice(["left", "right"]))
    other = "right" if wside == "left" else "left"
    wall = b.wall(wside)
    n = int(r.integers(2, 4))
    ww, wh = float(r.uniform(1.0, 1.3)), min(b.h - 1.2, float(r.uniform(1.6, 2.0)))
    spots = [(k + 1) * wall.length / (n + 1) - ww / 2 for k in range(n)]
    frame = _between(r, (20, 40, 30), (60, 70, 70)) if r.random() < 0.6 else (30, 30, 32)
    iron = _grained(r, 16, 64, _between(r, (20, 40, 30), (70, 80, 80)), 4.0)
    colx, colz = float(r.uniform(-0.2, 0.2)) * b.w, b.d * float(r.uniform(0.45, 0.6))
    b.boxes.append(
        Box(
            colx,
            colz,
            0.22,
            0.22,
            b.h,
            0.0,
            {"front": iron, "left": iron, "right": iron, "back": iron},
        )
    )
    rad = _grained(r, 48, 16, (235, 235, 230), 2.0)
    for rx in range(2, 48, 4):
        cv2.line(rad, (rx, 1), (rx, 14), (200, 200, 198), 1)
    for along in spots:
        z = along + ww / 2 if wside == "left" else b.d - along - ww / 2
        b.boxes.append(
            Box(
                _side_x(b, wside, 0.1),
                z,
                0.1,
                ww * 0.8,
                0.55,
                0.15,
                _faces({"front": rad}, _inward(wside)),
            )
        )
    fl = _Floor(b.w, b.d, 1.3)
    fl.take(colx, colz, 0.6, 0.6)
    spot = fl.against(r, 0.9, 0.6, (other, "back"))
    if spot:
        sink = _grained(r, 32, 32, (230, 228, 222), 3.0)
        cv2.rectangle(sink, (4, 4), (27, 27), (190, 190, 195), -1)
        _box(b, spot, 0.9, {"front": _cabinet(r, 2, 1, _c(r, 60, 230)), "top": sink}, top=False)
    b.boxes.append(
        Box(0.0, b.d - 0.08, b.w - 0.1, 0.06, 0.06, b.h - 0.4, {"front": _steel(r, 32, 8, 150)})
    )
    _door(b.wall("front"), r, _c(r, 40, 230))
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",))
    # The artist's own: what the windows show, canvases, easel, table, cloth, pictures.
    for along in spots:
        if _window(wall, r, _outside(o, wall.px(ww), wall.px(wh)), along, 0.8, ww, wh, frame):
            x0, y0 = wall.x_of(along), wall.y_of(0.8 + wh)
            pw_, ph_ = wall.px(ww), wall.px(wh)
            for k in (1, 2):
                cv2.line(
                    wall.img,
                    (x0 + k * pw_ // 3, y0),
                    (x0 + k * pw_ // 3, y0 + ph_),
                    frame,
                    max(1, pw_ // 40),
                )
            for k in (1, 2, 3):
                cv2.line(
                    wall.img,
                    (x0, y0 + k * ph_ // 4),
                    (x0 + pw_, y0 + k * ph_ // 4),
                    frame,
                    max(1, pw_ // 40),
                )
    st = _b17(b)
    for _ in range(int(o.integers(3, 9))):
        cw_, ch_ = float(o.uniform(0.5, 1.4)), float(o.uniform(0.5, 1.3))
        spot = fl.against(o, cw_, 0.05, (other, "back", wside))
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        tex = _canvas(o, 48, 48) if o.random() < 0.6 else _canvas_back(o, 48, 48)
        st.own_boxes.append(Box(x, z, _w, _d, ch_, 0.0, _faces({"front": tex, "top": tex}, facing)))
    spot = fl.middle(o, 0.8, 0.6, facing=str(o.choice(["front", "left", "right"])))
    if spot:
        x, z, _w, _d, facing = spot
        leg = _wood(o, 8, 32, _wood_tone(o), 4)
        st.own_boxes.append(Box(x, z, 0.06, 0.06, 1.75, 0.0, {"front": leg, "left": leg}))
        st.own_boxes.append(
            Box(
                x,
                z - 0.05,
                0.75,
                0.04,
                0.65,
                0.85,
                _faces({"front": _canvas(o, 48, 40), "back": _canvas_back(o, 48, 40)}, facing),
            )
        )
    spot = fl.middle(o, 1.5, 0.7)
    if spot:
        x, z, _w, _d, _f = spot
        table = _wood(o, 64, 16, _wood_tone(o), 8)
        st.own_boxes.append(Box(x, z, _w, _d, 0.8, 0.0, {"front": table, "top": _paints_top(o)}))
        st.own_tops.append((x, z, _w * 0.6, _d * 0.6, 0.8))
        cw_ = min(2.0, b.w - 2 * abs(x) - 0.1)  # a drop cloth under it, inside the room
        cd_ = min(1.6, 2 * (b.d - z) - 0.1, 2 * z - 0.1)
        st.own_boxes.append(
            Box(x, z, cw_, cd_, 0.01, 0.0, {"front": table, "top": _drop_cloth(o, 64, 48)})
        )
    for name in ("back", other):
        if o.random() < 0.7:
            _own_art(b.wall(name), o, 0.4, 0.9, 2.2)


BUILDERS = {
    "print shop": _build_print,
    "climbing centre": _build_climb,
    "hardware store": _build_hardware,
    "bowling alley": _build_bowling,
    "snooker hall": _build_snooker,
    "pharmacy": _build_pharmacy,
    "cinema auditorium": _build_cinema,
    "fire station": _build_fire,
    "clinic": _build_clinic,
    "hut": _build_hut,
    "mill": _build_mill,
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
    floors: list[Box] = field(default_factory=list)  # walkable steps among the boxes
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


def ground(place: Place, x: float, z: float) -> float:
    """How high the floor is at (x, z): the top of a step there (a cinema's rows), or 0."""
    tops = [
        b.y0 + b.h
        for b in place.floors
        if abs(x - b.x) <= b.w / 2 + 1e-9 and abs(z - b.z) <= b.d / 2 + 1e-9
    ]
    return max(tops, default=0.0)


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: parcels, crates, stacks of paper, a folded cloth, on tops
    and the floor (on a step where there is one)."""
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
            y0 = ground(place, x, z)
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


def _camera(b: _Build17, rng: Rng) -> Camera:
    """The place's own camera: near the front wall at eye height, looking in (standing
    where the kind says: in an aisle, between engines, on a cinema's top step)."""
    base = base_kind(b.kind)
    w, h = b.w, b.h
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
    if base in ("climbing centre", "fire station"):
        z, pitch, hfov = (
            float(rng.uniform(0.6, 1.5)),
            float(rng.uniform(-6, 2)),
            float(rng.uniform(66, 76)),
        )
    elif base == "bowling alley":
        z, pitch, yaw = (
            float(rng.uniform(0.4, 1.0)),
            float(rng.uniform(-9, -3)),
            float(rng.uniform(-8, 8)),
        )
    elif base in ("print shop", "hardware store", "pharmacy", "snooker hall"):
        z, pitch = float(rng.uniform(0.4, 1.1)), float(rng.uniform(-12, -4))
    elif base == "hut":
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.1, 0.3))
        yaw, pitch, hfov = (
            float(rng.uniform(-8, 8)),
            float(rng.uniform(-18, -8)),
            float(rng.uniform(72, 82)),
        )
    elif base == "clinic":
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.3, 0.5))
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.15, 0.15))
        if b.stand[1] > 0:
            z = b.stand[1]
    floor = max(
        (q.y0 + q.h for q in b.floors if abs(x - q.x) <= q.w / 2 and abs(z - q.z) <= q.d / 2),
        default=0.0,
    )
    pos = _vec(x, min(floor + y, h - 0.2), z)
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
    b = _Build17(kind, fix, own, w, h, d, surfaces)
    BUILDERS[base](b)
    b.tops.extend(b.own_tops)
    belongings = b.own_boxes + (_belongings(b) if template is not None else [])
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(b, own)
    return Place(seed, kind, w, h, d, surfaces, b.boxes, belongings, b.tops, camera, b.floors)


def surface_planes(place: Place) -> list[Plane]:
    """The shell's planes, as lit."""
    return [
        Plane(s.lit if s.lit is not None else s.tex, s.origin, s.u, s.v, s.size, wall=True)
        for s in place.surfaces.values()
    ]


def box_planes_of(place: Place, day: int, extra: list[Box] | None = None) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings, the day's soft furnishings
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
    """The original picture of a place, carrying its ``Place`` for ``views_v17``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v17(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v17 (``bench/link.py --generator v17``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v17``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    snooker hall, cinema auditorium or climbing centre."""
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
    out[2] = np.clip(out[2], 0.1, max(0.11, far))
    out[1] = np.clip(out[1], 0.05, place.height - 0.12)
    return out


def _free(place: Place, pos: F64, clear: float = 0.25, standing: bool = False) -> bool:
    """Whether a camera at ``pos`` is clear of every thing by ``clear`` m (of a step, only
    above it): of things at its height, or (``standing``, on a pole or a tripod) of
    everything not wholly above it."""
    x, y, z = (float(v) for v in pos)
    steps = {id(b) for b in place.floors}
    for b in place.boxes + place.belongings:
        if id(b) in steps:
            if abs(x - b.x) < b.w / 2 and abs(z - b.z) < b.d / 2 and y < b.y0 + b.h + 0.05:
                return False
        elif (
            abs(x - b.x) < b.w / 2 + clear
            and abs(z - b.z) < b.d / 2 + clear
            and (b.y0 - 0.2 < y < b.y0 + b.h + 0.3 or (standing and b.y0 < y + 0.3))
        ):
            return False
    return True


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places; its height over
    the floor kept within 0.08 m), turned up to ``turn`` degrees and tilted up to 4; the
    first of 8 moves that leaves it clear of every thing by 0.15 m, or not moved."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    over = float(c.pos[1]) - ground(place, float(c.pos[0]), float(c.pos[2]))
    pos = c.pos
    for _ in range(8):
        cand = _inside(
            place,
            c.pos
            + _vec(
                rng.uniform(-reach, reach) * k,
                0.0,
                rng.uniform(-0.2 * reach, reach) * k,
            ),
        )
        cand[1] = min(
            place.height - 0.12,
            ground(place, float(cand[0]), float(cand[2])) + over + float(rng.uniform(-0.08, 0.08)),
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


def station(
    place: Place,
    rng: Rng,
    over: tuple[float, float],
    zs: tuple[float, float],
    across: float,
    clear: float,
    tries: int = 16,
    standing: bool = False,
) -> F64 | None:
    """The first of ``tries`` spots ``over`` m above the floor, ``zs`` (fractions of the
    depth) in, up to ``across`` (a fraction of the width) either side of the middle, that
    is clear of every thing by ``clear`` m; None if none is."""
    for _ in range(tries):
        x = float(rng.uniform(-across, across)) * place.width
        z = float(rng.uniform(*zs)) * place.depth
        pos = _inside(place, _vec(x, 0.0, z), 0.3)
        pos[1] = min(
            place.height - 0.15,
            ground(place, float(pos[0]), float(pos[2])) + float(rng.uniform(*over)),
        )
        if _free(place, pos, clear, standing):
            return pos
    return None


def spherical_station(place: Place, rng: Rng) -> F64:
    """Where a 360-degree camera stands: 1.2-1.6 m up on a pole in the middle of the room
    (35-65 % of the depth in, up to a quarter of the width off the middle), clear of things
    by 0.3 m; else the place's own camera."""
    pos = station(place, rng, (1.2, 1.6), (0.35, 0.65), 0.25, 0.3, standing=True)
    return place.camera.pos.copy() if pos is None else pos


def drone_camera(place: Place, rng: Rng) -> Camera:
    """An FPV drone in flight: 1.8-2.6 m over the floor (0.35 m under the ceiling at most),
    30-70 % of the depth in, clear of things by 0.4 m; heading for the back wall (turned up
    to 35 degrees), pitched down 10-25, banked 8-25 degrees, 115-130 degrees wide."""
    pos = station(place, rng, (1.8, 2.6), (0.3, 0.7), 0.3, 0.4)
    if pos is None:
        pos = place.camera.pos.copy()
        pos[1] = min(place.height - 0.3, float(pos[1]) + 0.5)
    pos[1] = min(float(pos[1]), place.height - 0.35)
    yaw, _ = _aim(pos, _vec(float(rng.uniform(-0.3, 0.3)) * place.width, 1.0, place.depth))
    return Camera(
        pos,
        yaw + float(rng.uniform(-35, 35)),
        float(rng.uniform(-25, -10)),
        float(rng.uniform(115, 130)),
        roll=float(rng.choice([-1.0, 1.0])) * float(rng.uniform(8, 25)),
    )


def vacuum_camera(place: Place, rng: Rng) -> Camera:
    """A robot vacuum's front camera: 7-12 cm over the floor somewhere in the room (25-85 %
    of the depth in, up to 40 % of the width off the middle, clear of things by 0.25 m;
    else under the place's camera), heading for the back wall (turned up to 50 degrees),
    tilted up 5-15, 95-110 degrees wide."""
    pos = station(place, rng, (0.07, 0.12), (0.25, 0.85), 0.4, 0.25, tries=24)
    if pos is None:
        c = place.camera.pos
        pos = _vec(float(c[0]), ground(place, float(c[0]), float(c[2])) + 0.1, float(c[2]))
    yaw, _ = _aim(pos, _vec(float(rng.uniform(-0.3, 0.3)) * place.width, 0.1, place.depth))
    return Camera(
        pos,
        yaw + float(rng.uniform(-50, 50)),
        float(rng.uniform(5, 15)),
        float(rng.uniform(95, 110)),
    )


def tour_camera(place: Place, rng: Rng) -> Camera:
    """The next node of a virtual tour: 1.2-2.5 m further in than the place's camera and up
    to 1 m across (less in small places), 1.4-1.6 m over the floor, on a tripod clear of
    things by 0.3 m (the first of 16 tries; else the place's camera moved up to 0.4 m),
    turned up to 40 degrees from the place's camera, level to 6 degrees down or 4 up,
    75-90 degrees wide."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    pos = None
    for _ in range(16):
        cand = _inside(
            place,
            c.pos + _vec(float(rng.uniform(-1.0, 1.0)) * k, 0.0, float(rng.uniform(1.2, 2.5)) * k),
            0.35,
        )
        cand[1] = min(
            place.height - 0.15,
            ground(place, float(cand[0]), float(cand[2])) + float(rng.uniform(1.4, 1.6)),
        )
        if _free(place, cand, 0.3, standing=True):
            pos = cand
            break
    if pos is None:
        pos = moved(place, rng, 0.4, 0.0).pos
    return Camera(
        pos,
        c.yaw + float(rng.uniform(-40, 40)),
        float(rng.uniform(-6, 4)),
        float(rng.uniform(75, 90)),
    )


# --- views ----------------------------------------------------------------------------------------


def _luma(img: U8) -> F32:
    x = img.astype(np.float32)
    return np.asarray(0.299 * x[:, :, 0] + 0.587 * x[:, :, 1] + 0.114 * x[:, :, 2], np.float32)


def _smoothstep(e0: float, e1: float, x: npt.NDArray[Any]) -> npt.NDArray[Any]:
    t = np.clip((x - e0) / (e1 - e0), 0, 1)
    return t * t * (3 - 2 * t)


def _tilted(img: U8, rng: Rng, k: float) -> U8:
    """``img`` photographed a little off square: each corner moved up to ``k`` of the size
    (the edges filled by repeating)."""
    h, w = img.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = src + rng.uniform(-k, k, (4, 2)).astype(np.float32) * np.array([w, h], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    return np.asarray(
        cv2.warpPerspective(
            img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        ),
        np.uint8,
    )


def equirect(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A 360-degree camera's photo as a gallery app shows it: the whole sphere round a
    spot in the middle of the room in equirectangular projection (2:1, fitted to the
    width between dark bars), the stitch seams of its two lenses, its tripod at the nadir."""
    pos = spherical_station(place, rng)
    heading = float(rng.uniform(-180, 180))
    ew, eh = (w, w // 2) if w // 2 <= h else (2 * h, h)
    n = max(32, int(ew * 0.37))
    hf = 112.0
    f = (n / 2) / np.tan(np.radians(hf / 2))
    lon = ((np.arange(ew, dtype=np.float64) + 0.5) / ew * 2 - 1) * np.pi
    lat = (0.5 - (np.arange(eh, dtype=np.float64) + 0.5) / eh) * np.pi
    lons, lats = np.meshgrid(lon, lat)
    yaw = np.radians(heading) + lons
    d = np.stack([np.sin(yaw) * np.cos(lats), np.sin(lats), np.cos(yaw) * np.cos(lats)], axis=-1)
    cams = [Camera(pos, heading + 90.0 * k, 0.0, hf) for k in range(4)]
    cams += [Camera(pos, heading, 89.9, hf), Camera(pos, heading, -89.9, hf)]
    proj = [d @ c.axes().T for c in cams]
    which = np.argmax(np.stack([p[..., 2] for p in proj]), axis=0)
    out = np.zeros((eh, ew, 3), np.float32)
    planes = place.planes(0)
    for k, (cam, p) in enumerate(zip(cams, proj, strict=True)):
        mask = which == k
        if not mask.any():
            continue
        face = render(planes, cam, n, n).astype(np.float32)
        z = np.where(mask, p[..., 2], 1.0)
        mx = (n / 2 + f * p[..., 0] / z).astype(np.float32)
        my = (n / 2 + f * p[..., 1] / z).astype(np.float32)
        sample = cv2.remap(face, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        out[mask] = sample[mask]
    lon_deg, lat_deg = np.degrees(lons), np.degrees(lats)
    gain = float(rng.uniform(0.88, 1.12))
    out *= (1 + (gain - 1) * _smoothstep(84, 96, np.abs(lon_deg)))[:, :, None].astype(np.float32)
    seam = (np.abs(np.abs(lon_deg) - 90) < 2.5)[:, :, None]
    out = np.where(seam, cv2.blur(out, (max(3, ew // 80) | 1, 1)), out)
    legs = (np.mod(lon_deg + float(rng.uniform(0, 120)), 120) < 8) & (lat_deg < -70)
    out[legs] = (32, 32, 34)
    out[lat_deg < -83] = (56, 56, 58)
    canvas = np.full((h, w, 3), 18, np.uint8)
    y0, x0 = (h - eh) // 2, (w - ew) // 2
    canvas[y0 : y0 + eh, x0 : x0 + ew] = _noise(_u8(out), rng, 2.0)
    s = w / 400
    if y0 > 14 * s:
        _outlined(canvas, "360", (int(8 * s), int(y0 - 5 * s)), 0.9 * s, (235, 235, 235))
    return canvas


def anaglyph(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A red-cyan 3-D photo from a stereo camera: two shots from eyes 6-7 cm apart (the
    pair moved up to 0.8 m and turned up to 15 degrees), converged at 2-4 m, red from the
    left eye (its grey for half of them), green and blue from the right."""
    c = moved(place, rng, 0.8, 15)
    base = float(rng.uniform(0.06, 0.07))
    right = _vec(np.cos(np.radians(c.yaw)), 0.0, -np.sin(np.radians(c.yaw)))
    planes = place.planes(0)
    eyes = [
        render(planes, Camera(c.pos + side * right * base / 2, c.yaw, c.pitch, c.hfov), w, h)
        for side in (-1.0, 1.0)
    ]
    f = (w / 2) / np.tan(np.radians(c.hfov) / 2)
    sh = float(f * base / (2 * float(rng.uniform(2.0, 4.0))))
    left, rght = (
        np.asarray(
            cv2.warpAffine(
                e,
                np.array([[1, 0, k * sh], [0, 1, 0]], np.float32),
                (w, h),
                borderMode=cv2.BORDER_REPLICATE,
            ),
            np.uint8,
        )
        for e, k in zip(eyes, (-1.0, 1.0), strict=True)
    )
    red = _luma(left) if rng.random() < 0.5 else left[:, :, 0].astype(np.float32)
    out = np.stack([red, rght[:, :, 1].astype(np.float32), rght[:, :, 2].astype(np.float32)], 2)
    return _noise(_u8(out), rng, 2.0)


def fpv_drone(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A frame of an FPV drone's analogue video: banked, pitched down and very wide
    (barrel k = 0.15-0.3), low resolution (55-70 %), colour smeared along the lines,
    saturation x0.8-1.3, two to five torn bands, noise and white sparkles, a vignette,
    the on-screen display (voltage, a timer, height, signal, a crosshair)."""
    s = w / 400
    img = render(place.planes(0), drone_camera(place, rng), w, h)
    img = barrel(img, float(rng.uniform(0.15, 0.3)))
    lw = max(16, int(w * float(rng.uniform(0.55, 0.7))))
    lh = max(12, lw * h // w)
    img = np.asarray(
        cv2.resize(cv2.resize(img, (lw, lh), interpolation=cv2.INTER_AREA), (w, h)), np.uint8
    )
    ycc = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb).astype(np.float32)
    k = max(3, int(7 * s) | 1)
    chroma = cv2.blur(ycc[:, :, 1:], (k, 1))
    ycc[:, :, 1:] = 128 + (chroma - 128) * np.float32(rng.uniform(0.8, 1.3))
    img = np.asarray(cv2.cvtColor(_u8(ycc), cv2.COLOR_YCrCb2RGB), np.uint8)
    for _ in range(int(rng.integers(2, 6))):
        y = int(rng.integers(0, h))
        t = int(rng.integers(2, max(3, int(6 * s))))
        img[y : y + t] = np.roll(img[y : y + t], int(rng.integers(-8, 9) * s), axis=1)
    x = img.astype(np.float32) + rng.normal(0, float(rng.uniform(5, 9)), (h, w, 1)).astype(
        np.float32
    )
    for _ in range(int(rng.integers(3, 10))):
        y, x0 = int(rng.integers(0, h)), int(rng.integers(0, w))
        x[y, x0 : x0 + int(rng.integers(5, 30) * s)] = 235
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    x *= (1 - 0.35 * np.clip(r2 / 2, 0, 1))[:, :, None]
    out = _u8(x)
    white = (245, 245, 245)
    sc = 0.9 * s
    _outlined(out, f"{rng.uniform(14.8, 16.8):.1f}V", (int(8 * s), int(18 * s)), sc, white)
    secs = int(rng.integers(5, 600))
    _outlined(out, f"{secs // 60:02d}:{secs % 60:02d}", (w - int(52 * s), int(18 * s)), sc, white)
    _outlined(out, f"{rng.uniform(1.2, 3.0):.1f}M", (int(8 * s), h - int(10 * s)), sc, white)
    _outlined(out, f"{int(rng.integers(60, 100))}", (w - int(30 * s), h - int(10 * s)), sc, white)
    c, a = (w // 2, h // 2), max(4, int(9 * s))
    cv2.line(out, (c[0] - a, c[1]), (c[0] + a, c[1]), white, max(1, int(s)))
    cv2.line(out, (c[0], c[1] - a // 2), (c[0], c[1] + a // 2), white, max(1, int(s)))
    return out


def robot_vacuum(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A robot vacuum's camera frame: at floor level, wide and a little barrelled (k =
    0.1-0.2), low resolution (45-60 %), its own white balance, noisy, the dark rim of its
    bumper across the bottom, one or two detection boxes with scores, a timestamp."""
    s = w / 400
    img = render(place.planes(0), vacuum_camera(place, rng), w, h)
    img = barrel(img, float(rng.uniform(0.1, 0.2)))
    k = float(rng.uniform(0.45, 0.6))
    small = cv2.resize(
        img, (max(16, int(w * k)), max(12, int(h * k))), interpolation=cv2.INTER_AREA
    )
    x = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    x *= np.array(
        [rng.uniform(0.9, 1.05), rng.uniform(0.95, 1.1), rng.uniform(0.85, 1.0)], np.float32
    )
    x = (x - 128) * np.float32(rng.uniform(0.85, 0.95)) + 128
    out = _noise(_u8(x), rng, float(rng.uniform(4, 6)))
    a = int(0.5 * h)
    top = h - int(float(rng.uniform(0.06, 0.1)) * h)
    cv2.ellipse(
        out,
        (w // 2, top + a + int(0.25 * h)),
        (int(0.8 * w), a + int(0.25 * h)),
        0,
        180,
        360,
        (28, 28, 30),
        -1,
    )
    green = (60, 230, 90)
    for _ in range(int(rng.integers(1, 3))):
        bw, bh = int(w * float(rng.uniform(0.12, 0.3))), int(h * float(rng.uniform(0.12, 0.3)))
        x0 = int(rng.integers(int(0.05 * w), max(int(0.05 * w) + 1, w - bw - int(0.05 * w))))
        y0 = int(rng.integers(int(0.2 * h), max(int(0.2 * h) + 1, top - bh - 2)))
        cv2.rectangle(out, (x0, y0), (x0 + bw, y0 + bh), green, max(1, int(2 * s)))
        cv2.rectangle(out, (x0, y0 - int(11 * s)), (x0 + int(56 * s), y0), green, -1)
        cv2.putText(
            out,
            f"obj {rng.uniform(0.5, 0.99):.2f}",
            (x0 + int(2 * s), y0 - int(2 * s)),
            cv2.FONT_HERSHEY_PLAIN,
            0.75 * s,
            (10, 10, 10),
            1,
        )
    _outlined(out, _stamp(rng), (int(6 * s), int(14 * s)), 0.8 * s, (240, 240, 240))
    return out


def virtual_tour(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A still of a virtual tour's next node: the room from 1.2-2.5 m further in, the
    tour's flat tone (local contrast equalised, shadows lifted), its viewer's overlay:
    arrows on the floor, a card with the place's name and stars, a compass, zoom
    buttons, a copyright line."""
    s = w / 400
    img = render(place.planes(0), tour_camera(place, rng), w, h)
    lab = cv2.cvtColor(img, cv2.COLOR_RGB2LAB)
    clahe = cv2.createCLAHE(clipLimit=float(rng.uniform(1.5, 2.5)), tileGridSize=(4, 4))
    lab[:, :, 0] = clahe.apply(np.ascontiguousarray(lab[:, :, 0]))
    x = cv2.cvtColor(lab, cv2.COLOR_LAB2RGB).astype(np.float32)
    x = np.asarray(x + (255 - x) * 0.12 * (1 - x / 255), np.float32)
    out = _noise(_u8(x), rng, 1.5)
    over = out.copy()
    for k, (cx, cy) in enumerate(((0.5, 0.8), (float(rng.uniform(0.25, 0.75)), 0.68))):
        px, py = int(cx * w), int(cy * h)
        aw, ah = int((0.07 if k else 0.1) * w), int((0.025 if k else 0.035) * w)
        pts = np.array([[px - aw, py + ah], [px, py - ah], [px + aw, py + ah], [px, py]], np.int32)
        cv2.fillPoly(over, [pts], (250, 250, 250))
    out = _u8(out.astype(np.float32) * 0.3 + over.astype(np.float32) * 0.7)
    cw, ch = int(0.36 * w), int(0.16 * h)
    x0, y0 = int(8 * s), int(8 * s)
    _rounded(out, x0, y0, x0 + cw, y0 + ch, int(4 * s), (250, 250, 250))
    _text(
        out,
        rng,
        _word(rng, (2, 3)).capitalize(),
        x0 + int(6 * s),
        y0 + int(16 * s),
        max(6, int(11 * s)),
        (30, 30, 35),
    )
    for k in range(5):
        cv2.circle(
            out,
            (x0 + int((10 + 10 * k) * s), y0 + int(27 * s)),
            max(2, int(3.5 * s)),
            (250, 185, 20) if k < int(rng.integers(3, 6)) else (200, 200, 200),
            -1,
        )
    cv2.line(
        out,
        (x0 + int(6 * s), y0 + ch - int(8 * s)),
        (x0 + cw - int(30 * s), y0 + ch - int(8 * s)),
        (150, 150, 155),
        max(1, int(2 * s)),
    )
    c = (w - int(24 * s), h - int(24 * s))
    cv2.circle(out, c, int(15 * s), (250, 250, 250), -1)
    ang = np.radians(float(rng.uniform(0, 360)))
    tip = (int(c[0] + 11 * s * np.sin(ang)), int(c[1] - 11 * s * np.cos(ang)))
    side = (int(4 * s * np.cos(ang)), int(4 * s * np.sin(ang)))
    cv2.fillPoly(
        out,
        [
            np.array(
                [tip, (c[0] + side[0], c[1] + side[1]), (c[0] - side[0], c[1] - side[1])], np.int32
            )
        ],
        (220, 40, 40),
    )
    for k, sign in enumerate("+-"):
        bx, by = w - int(30 * s), h // 2 - int(22 * s) + k * int(24 * s)
        cv2.rectangle(out, (bx, by), (bx + int(20 * s), by + int(20 * s)), (250, 250, 250), -1)
        cv2.putText(
            out,
            sign,
            (bx + int(5 * s), by + int(15 * s)),
            cv2.FONT_HERSHEY_PLAIN,
            1.1 * s,
            (60, 60, 60),
            max(1, int(s)),
        )
    _outlined(
        out,
        f"(c) {int(rng.integers(2016, 2027))}",
        (int(6 * s), h - int(6 * s)),
        0.7 * s,
        (230, 230, 230),
    )
    return out


_PALETTES = {
    "ironbow": (
        (0.0, (0, 0, 10)),
        (0.2, (40, 0, 110)),
        (0.4, (150, 0, 140)),
        (0.6, (225, 70, 30)),
        (0.8, (250, 170, 20)),
        (1.0, (255, 250, 220)),
    ),
    "rainbow": (
        (0.0, (10, 10, 120)),
        (0.25, (20, 140, 230)),
        (0.5, (30, 200, 60)),
        (0.75, (250, 220, 30)),
        (1.0, (230, 30, 30)),
    ),
    "whitehot": ((0.0, (0, 0, 0)), (1.0, (255, 255, 255))),
}


def _palette(t: npt.NDArray[Any], name: str) -> U8:
    stops = _PALETTES[name]
    xs = [p for p, _ in stops]
    return _u8(np.stack([np.interp(t, xs, [c[k] for _, c in stops]) for k in range(3)], axis=-1))


def thermal(img: U8, rng: Rng) -> U8:
    """A thermal camera's picture: a sensor 80-160 px wide, a 'temperature' from the
    blurred brightness (x0.7), a slow field (x0.12) and one to four warm or cold spots
    (0.1-0.3),
    auto-ranged, scaled up smoothly, in an ironbow (55 %), rainbow (25 %) or white-hot
    palette; for half of them the visible picture's edges blended in (weight 0.25-0.5);
    a scale bar with the range, a crosshair and its reading."""
    h, w = img.shape[:2]
    s = w / 400
    grey = _luma(img) / 255
    sw = int(rng.integers(80, 161))
    sh = max(8, sw * h // w)
    small = cv2.resize(grey, (sw, sh), interpolation=cv2.INTER_AREA)
    t = 0.7 * cv2.GaussianBlur(small, (0, 0), 1.0) + 0.12 * _field(rng, sw, sh, max(3, sw // 5))
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    for _ in range(int(rng.integers(1, 5))):
        cx, cy = float(rng.uniform(0, sw)), float(rng.uniform(0, sh))
        sig = float(rng.uniform(0.04, 0.12)) * sw
        amp = float(rng.uniform(0.1, 0.3)) * (-1 if rng.random() < 0.3 else 1)
        t = t + amp * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sig**2))
    lo, hi = float(np.percentile(t, 1)), float(np.percentile(t, 99.5))
    t = np.clip((t - lo) / max(1e-6, hi - lo), 0, 1)
    big = cv2.resize(t.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.5:
        edge = np.abs(cv2.Laplacian(cv2.GaussianBlur(grey, (0, 0), s), cv2.CV_32F))
        big = np.clip(big + float(rng.uniform(0.25, 0.5)) * np.clip(edge * 12, 0, 1), 0, 1)
    u = rng.random()
    name = "ironbow" if u < 0.55 else "rainbow" if u < 0.8 else "whitehot"
    out = _palette(big, name)
    bx, by0, by1 = w - int(16 * s), int(0.2 * h), int(0.8 * h)
    bar = _palette(np.linspace(1, 0, by1 - by0)[:, None].repeat(max(2, int(8 * s)), 1), name)
    out[by0:by1, bx : bx + bar.shape[1]] = bar
    top_t = float(rng.uniform(22, 40))
    low_t = top_t - float(rng.uniform(6, 18))
    white = (250, 250, 250)
    for value, y in ((top_t, by0 + int(8 * s)), (low_t, by1)):
        text = f"{value:.1f}"
        (tw, _th), _base = cv2.getTextSize(text, cv2.FONT_HERSHEY_PLAIN, 0.8 * s, 3)
        _outlined(out, text, (bx - tw - 2, y), 0.8 * s, white)
    c, a = (w // 2, h // 2), max(4, int(8 * s))
    cv2.line(out, (c[0] - a, c[1]), (c[0] + a, c[1]), white, max(1, int(s)))
    cv2.line(out, (c[0], c[1] - a), (c[0], c[1] + a), white, max(1, int(s)))
    reading = low_t + (top_t - low_t) * float(big[h // 2, w // 2])
    _outlined(out, f"{reading:.1f}C", (c[0] + a + 3, c[1] - a), 0.9 * s, white)
    return out


def film_negative(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A strip of colour negative on a light box, photographed: three frames (the middle
    one from the place's camera moved up to 0.4 m, its neighbours up to 0.6 m and turned
    up to 25 degrees) inverted over the orange film base, the middle frame 62-72 % of the
    width, sprocket holes letting the light through, edge numbers, turned up to 4 degrees,
    seen a little off square, soft."""
    s = w / 400
    fw = int(w * float(rng.uniform(0.62, 0.72)))
    fh = fw * 2 // 3
    margin = max(4, int(fh * 0.2))
    gap = max(2, int(fw * 0.06))
    planes = place.planes(0)
    cams = [moved(place, rng, 0.6, 25), moved(place, rng, 0.4, 12), moved(place, rng, 0.6, 25)]
    base = np.array(_between(rng, (205, 120, 60), (235, 160, 95)), np.float32)
    length, height = 3 * fw + 4 * gap, fh + 2 * margin
    strip = np.empty((height, length, 3), np.float32)
    strip[:] = base
    gamma = np.float32(rng.uniform(0.8, 1.0))
    for k, cam in enumerate(cams):
        frame = render(planes, cam, fw, fh).astype(np.float32) / 255
        x0 = gap + k * (fw + gap)
        strip[margin : margin + fh, x0 : x0 + fw] = base * (1.08 - 0.92 * np.power(frame, gamma))
    strip += rng.normal(0, 3.0, strip.shape[:2])[:, :, None].astype(np.float32)
    light = np.array([245, 248, 250], np.float32)
    pitch = fw / 8
    hw, hh = max(2, int(pitch * 0.5)), max(2, int(margin * 0.42))
    for x in np.arange(pitch * 0.25, length - hw, pitch):
        for y in (int(margin * 0.22), height - int(margin * 0.22) - hh):
            strip[y : y + hh, int(x) : int(x) + hw] = light
    ink = _shade((int(base[0]), int(base[1]), int(base[2])), 0.55)
    first = int(rng.integers(1, 33))
    for k in range(3):
        x0 = gap + k * (fw + gap)
        tx = np.ascontiguousarray(
            strip[height - margin + 1 : height - int(margin * 0.22) - hh - 1].astype(np.uint8)
        )
        if tx.shape[0] >= 4:
            _text(
                tx, rng, f"{first + k}", x0 + fw // 3, tx.shape[0] - 1, max(3, tx.shape[0] - 1), ink
            )
            _text(
                tx,
                rng,
                _word(rng, (1, 2)).upper(),
                x0 + fw // 2,
                tx.shape[0] - 1,
                max(3, tx.shape[0] - 1),
                ink,
            )
            strip[height - margin + 1 : height - int(margin * 0.22) - hh - 1] = tx
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    box = light[None, None, :] * (1 - 0.08 * (xx / w)[:, :, None] - 0.05 * (yy / h)[:, :, None])
    cx, cy = gap + fw + gap + fw / 2, margin + fh / 2
    m = cv2.getRotationMatrix2D((cx, cy), float(rng.uniform(-4, 4)), 1.0)
    m[0, 2] += w / 2 - cx + float(rng.uniform(-0.04, 0.04)) * w
    m[1, 2] += h / 2 - cy + float(rng.uniform(-0.06, 0.06)) * h
    warped = cv2.warpAffine(strip, m, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpAffine(np.ones(strip.shape[:2], np.float32), m, (w, h))[:, :, None]
    out = _u8(box * (1 - mask) + warped * mask)
    out = _tilted(out, rng, 0.03)
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.7 * s), np.uint8)
    return _noise(out, rng, 2.5)


def photocopy(img: U8, rng: Rng) -> U8:
    """A photocopy of a print, scanned: grey, its levels crushed (black at 35-70, white at
    165-205, gamma 0.85-1.2), soft, 72-86 % of the width on white paper, turned up to
    1.5 degrees, toner specks, a drum streak, the lid's shadow along one edge."""
    h, w = img.shape[:2]
    s = w / 400
    lo, hi = float(rng.uniform(35, 70)), float(rng.uniform(165, 205))
    g = np.clip((_luma(img) - lo) / (hi - lo), 0, 1) ** np.float32(rng.uniform(0.85, 1.2))
    g = cv2.GaussianBlur(g * 235 + 12, (0, 0), 0.7 * s)
    pw = int(w * float(rng.uniform(0.72, 0.86)))
    ph = pw * h // w
    pic = cv2.resize(g, (pw, ph), interpolation=cv2.INTER_AREA)
    paper = float(rng.uniform(238, 250))
    out = paper + rng.normal(0, 2.0, (h, w)).astype(np.float32)
    m = cv2.getRotationMatrix2D((pw / 2, ph / 2), float(rng.uniform(-1.5, 1.5)), 1.0)
    m[0, 2] += (w - pw) / 2 + float(rng.uniform(-0.04, 0.04)) * w
    m[1, 2] += (h - ph) / 2 + float(rng.uniform(-0.04, 0.04)) * h
    warped = cv2.warpAffine(pic, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpAffine(np.ones((ph, pw), np.float32), m, (w, h))
    out = out * (1 - mask) + warped * mask
    n = int(w * h * float(rng.uniform(0.0005, 0.002)))
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    out[ys, xs] = rng.uniform(20, 90, n)
    if rng.random() < 0.7:
        x = int(rng.integers(0, w))
        out[:, x : x + max(1, int(s))] -= float(rng.uniform(25, 60))
    else:
        x = int(rng.integers(0, w))
        out[:, x : x + int(rng.integers(3, 9) * s)] += 40
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dist = (xx / w, 1 - xx / w, yy / h, 1 - yy / h)[int(rng.integers(0, 4))]
    reach = float(rng.uniform(0.03, 0.06))
    out -= float(rng.uniform(40, 90)) * np.clip(1 - dist / reach, 0, 1)
    return np.repeat(_u8(out)[:, :, None], 3, axis=2)


def jigsaw(img: U8, rng: Rng) -> U8:
    """A finished jigsaw of the picture on a wooden table, photographed: 9-14 pieces across
    (knobs on every inner edge), each piece shifted up to a pixel and lit x0.96-1.04, the
    cuts dark with a light edge, one to three pieces missing, a gloss, off square."""
    h, w = img.shape[:2]
    s = w / 400
    table = _wood(rng, w, h, _wood_tone(rng), max(6, h // 6)).astype(np.float32)
    k = float(rng.uniform(0.86, 0.94))
    pw, ph = int(w * k), int(h * k)
    ox = (w - pw) // 2 + int(rng.integers(-int(0.02 * w), int(0.02 * w) + 1))
    oy = (h - ph) // 2 + int(rng.integers(-int(0.02 * h), int(0.02 * h) + 1))
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    cols = int(rng.integers(9, 15))
    rows = max(4, round(cols * ph / pw))
    cw, ch = pw / cols, ph / rows
    yy, xx = np.mgrid[0:ph, 0:pw]
    ids = (
        np.clip((yy / ch).astype(int), 0, rows - 1) * cols
        + np.clip((xx / cw).astype(int), 0, cols - 1)
    ).astype(np.float32)
    kr = max(2, int(0.2 * min(cw, ch)))
    for r in range(rows):
        for c in range(cols):
            for dr, dc in ((0, 1), (1, 0)):
                if r + dr >= rows or c + dc >= cols:
                    continue
                sgn = 1 if rng.random() < 0.5 else -1
                owner = r * cols + c if sgn > 0 else (r + dr) * cols + c + dc
                if dc:
                    centre = (int((c + 1) * cw + sgn * kr * 0.8), int((r + 0.5) * ch))
                else:
                    centre = (int((c + 0.5) * cw), int((r + 1) * ch + sgn * kr * 0.8))
                cv2.circle(ids, centre, kr, float(owner), -1)
    piece = ids.astype(int)
    n = rows * cols
    dx = rng.integers(-1, 2, n) * max(1, round(s))
    dy = rng.integers(-1, 2, n) * max(1, round(s))
    lit = rng.uniform(0.96, 1.04, n).astype(np.float32)
    mapx = (xx - dx[piece]).astype(np.float32)
    mapy = (yy - dy[piece]).astype(np.float32)
    puzzle = np.asarray(
        cv2.remap(pic, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE), np.float32
    )
    puzzle *= lit[piece][:, :, None]
    cut = np.zeros((ph, pw), bool)
    cut[:, 1:] |= piece[:, 1:] != piece[:, :-1]
    cut[1:, :] |= piece[1:, :] != piece[:-1, :]
    glint = np.zeros_like(cut)
    glint[1:, 1:] = cut[:-1, :-1] & ~cut[1:, 1:]
    puzzle[cut] *= 0.5
    puzzle[glint] = np.minimum(puzzle[glint] * 1.12, 255)
    region = table[oy : oy + ph, ox : ox + pw]
    gone = np.isin(piece, rng.choice(n, int(rng.integers(1, 4)), replace=False))
    puzzle[gone] = region[gone] * 0.72
    table[oy + 2 : oy + ph + 3, ox + 2 : ox + pw + 3] *= 0.7
    table[oy : oy + ph, ox : ox + pw] = puzzle
    yy2, xx2 = np.mgrid[0:h, 0:w].astype(np.float32)
    band = (xx2 + yy2 * float(rng.uniform(0.5, 1.5)) - float(rng.uniform(0.2, 0.8)) * w) / (
        0.15 * w
    )
    table += (float(rng.uniform(15, 35)) * np.exp(-(band**2)))[:, :, None]
    out = _tilted(_u8(table), rng, 0.02)
    return _noise(out, rng, 2.0)


def projected(img: U8, rng: Rng) -> U8:
    """The picture projected on a screen in a dim room, photographed from the seats: on a
    slide (white, dark or a colour, a title for half of them), the photo 78-92 % of its
    width; the projection's blacks lifted to 30-60, contrast x0.75-0.9, a hot spot, a
    lamp's tint, out of focus (sigma 0.6-1.4 px at 400); the screen 60-80 % of the width,
    keystoned (top 3-8 % wider) and seen off-axis, its spill of light, the room dark and
    noisy, the backs of empty seats along the bottom for half of them."""
    h, w = img.shape[:2]
    s = w / 400
    ground_ = (
        (245.0, 245.0, 245.0)
        if rng.random() < 0.5
        else (25.0, 25.0, 28.0)
        if rng.random() < 0.5
        else tuple(float(v) for v in _c(rng, 40, 220))
    )
    slide = np.empty((h, w, 3), np.float32)
    slide[:] = ground_
    k = float(rng.uniform(0.78, 0.92))
    pw, ph = int(w * k), int(h * k)
    titled = rng.random() < 0.5
    top = int(0.12 * h) if titled else (h - ph) // 2
    ph = min(ph, h - top - 2)
    pw = min(pw, ph * w // h)
    slide[top : top + ph, (w - pw) // 2 : (w - pw) // 2 + pw] = cv2.resize(
        img, (pw, ph), interpolation=cv2.INTER_AREA
    )
    if titled:
        ink = (20, 20, 20) if sum(ground_) > 400 else (240, 240, 240)
        tmp = _u8(slide)
        _text(
            tmp,
            rng,
            _word(rng, (2, 4)).capitalize(),
            (w - pw) // 2,
            int(0.09 * h),
            max(6, int(0.06 * h)),
            ink,
        )
        slide = tmp.astype(np.float32)
    bl = float(rng.uniform(30, 60))
    slide = np.asarray(bl + slide * float(rng.uniform(0.75, 0.9)) * (255 - bl) / 255, np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    slide *= (1.06 - 0.26 * np.clip(r2 / 2, 0, 1))[:, :, None]
    slide *= np.array([rng.uniform(0.95, 1.02), 1.0, rng.uniform(0.98, 1.06)], np.float32)
    slide = np.asarray(
        cv2.GaussianBlur(slide, (0, 0), float(rng.uniform(0.6, 1.4)) * s), np.float32
    )
    sw = float(rng.uniform(0.6, 0.8)) * w
    sh = sw * h / w
    cx, cy = w / 2 + float(rng.uniform(-0.08, 0.08)) * w, h * float(rng.uniform(0.38, 0.46))
    ks = float(rng.uniform(0.03, 0.08))
    lk, rk = (
        (1.0, float(rng.uniform(0.92, 1.0)))
        if rng.random() < 0.5
        else (float(rng.uniform(0.92, 1.0)), 1.0)
    )
    quad = np.array(
        [
            [cx - sw / 2 * (1 + ks), cy - sh / 2 * lk],
            [cx + sw / 2 * (1 + ks), cy - sh / 2 * rk],
            [cx + sw / 2, cy + sh / 2 * rk],
            [cx - sw / 2, cy + sh / 2 * lk],
        ],
        np.float32,
    )
    room = float(rng.uniform(12, 30)) + 8 * (_field(rng, w, h, max(4, w // 6)) - 0.5)
    out = np.repeat(room[:, :, None], 3, axis=2).astype(np.float32)
    centre = quad.mean(axis=0)
    fabric = (centre + (quad - centre) * 1.05).astype(np.int32)
    cv2.fillPoly(out, [fabric], (float(rng.uniform(45, 70)),) * 3)
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m = cv2.getPerspectiveTransform(src, quad)
    pic = cv2.warpPerspective(slide, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (w, h))
    out = out * (1 - mask[:, :, None]) + pic * mask[:, :, None]
    spill = cv2.GaussianBlur(mask, (0, 0), 0.12 * w) * float(rng.uniform(20, 40))
    out += spill[:, :, None]
    if rng.random() < 0.5:
        seat = int(w / float(rng.uniform(6, 10)))
        for x in range(int(rng.integers(0, seat)), w + seat, seat):
            cv2.ellipse(
                out, (x, h), (int(seat * 0.42), int(0.1 * h)), 0, 180, 360, (8.0, 8.0, 10.0), -1
            )
    out += rng.normal(0, float(rng.uniform(4, 7)), (h, w, 1)).astype(np.float32)
    return _u8(out)


def pencil(img: U8, rng: Rng) -> U8:
    """A pencil-sketch filter: the grey picture colour-dodged with its blurred negative
    (sigma 3-7 px at 400), darkened (gamma 1.6-2.6), hatched where it is dark, on grainy
    paper; coloured pencil (the colours at 40 %) for 40 % of them."""
    h, w = img.shape[:2]
    s = w / 400
    grey = _luma(img)
    blur = cv2.GaussianBlur(255 - grey, (0, 0), float(rng.uniform(3, 7)) * s)
    dodge = np.clip(grey * 255 / np.clip(255 - blur, 1, 255), 0, 255)
    sketch = np.power(dodge / 255, np.float32(rng.uniform(1.6, 2.6)))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    period = float(rng.uniform(4, 7)) * s
    hatch = (np.mod(xx + yy, period) < max(1.0, s)).astype(np.float32)
    sketch = sketch - 0.14 * hatch * np.clip((110 - grey) / 110, 0, 1)
    paper = float(rng.uniform(232, 248)) + 6 * (_field(rng, w, h, max(4, w // 8)) - 0.5)
    paper = paper + rng.normal(0, 3, (h, w)).astype(np.float32)
    out = (
        np.clip(sketch, 0, 1)[:, :, None]
        * paper[:, :, None]
        * np.array([1.0, 0.99, 0.95], np.float32)
    )
    if rng.random() < 0.4:
        colour = img.astype(np.float32) / 255
        out = out * (0.6 + 0.4 * colour)
    return _u8(out)


def magazine(img: U8, rng: Rng) -> U8:
    """The picture across a glossy magazine's double page, photographed on a table: the
    photo bleeding across both pages' top 68-80 %, a headline, columns of text, a caption
    and page numbers below; the pages curving into the fold (squeezed there by 5-12 %
    across and 2-5 % down, the gutter's shadow, a light bulge beside it), a gloss; the
    spread 96-108 % of the width, seen a little off square."""
    h, w = img.shape[:2]
    s = w / 400
    sw = int(w * float(rng.uniform(0.96, 1.08)))
    sh = int(sw / 1.414)
    paper = float(rng.uniform(244, 252))
    spread = np.full((sh, sw, 3), paper, np.float32)
    top = int(sh * float(rng.uniform(0.68, 0.8)))
    spread[:top] = _fill_crop(img, sw, top)
    page = _u8(spread)
    ink = (40, 40, 45)
    _text(
        page,
        rng,
        _word(rng, (2, 3)).upper(),
        int(0.04 * sw),
        top + int(0.07 * sh),
        max(6, int(0.05 * sh)),
        ink,
    )
    for p in range(2):
        x0 = p * sw // 2 + int(0.05 * sw) + (int(0.18 * sw) if p == 0 else 0)
        for col in range(2 if p else 1):
            cx = x0 + col * int(0.21 * sw)
            for y in range(
                top + int(0.1 * sh) if p == 0 else top + int(0.04 * sh),
                sh - int(0.05 * sh),
                max(4, int(5 * s)),
            ):
                ln = int(0.18 * sw * float(rng.uniform(0.6, 1.0)))
                cv2.line(page, (cx, y), (cx + ln, y), (120, 120, 125), max(1, int(1.5 * s)))
    _text(
        page,
        rng,
        str(int(rng.integers(10, 180))),
        int(0.02 * sw),
        sh - int(0.015 * sh),
        max(4, int(0.025 * sh)),
        ink,
    )
    spread = page.astype(np.float32)
    xg = sw / 2 + float(rng.uniform(-0.01, 0.01)) * sw
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    u = xx - xg
    near = np.exp(-np.abs(u) / (0.08 * sw))
    mapx = (xg + u * (1 + float(rng.uniform(0.05, 0.12)) * near)).astype(np.float32)
    mapy = (sh / 2 + (yy - sh / 2) * (1 + float(rng.uniform(0.02, 0.05)) * near)).astype(np.float32)
    spread = np.asarray(
        cv2.remap(spread, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE),
        np.float32,
    )
    shade = 1 - float(rng.uniform(0.35, 0.55)) * np.exp(-((u / (0.025 * sw)) ** 2))
    spread = spread * shade[:, :, None]
    spread += (float(rng.uniform(8, 18)) * np.exp(-(((np.abs(u) - 0.07 * sw) / (0.03 * sw)) ** 2)))[
        :, :, None
    ]
    band = (xx + yy * float(rng.uniform(0.4, 1.2)) - float(rng.uniform(0.2, 0.8)) * sw) / (0.1 * sw)
    spread += (float(rng.uniform(15, 35)) * np.exp(-(band**2)))[:, :, None]
    table = _wood(rng, w, h, _wood_tone(rng), max(6, h // 5)).astype(np.float32) * 0.85
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    cx, cy = (
        w / 2 + float(rng.uniform(-0.03, 0.03)) * w,
        h / 2 + float(rng.uniform(-0.04, 0.04)) * h,
    )
    dst = np.array(
        [
            [cx - sw / 2, cy - sh / 2],
            [cx + sw / 2, cy - sh / 2],
            [cx + sw / 2, cy + sh / 2],
            [cx - sw / 2, cy + sh / 2],
        ],
        np.float32,
    )
    dst += rng.uniform(-0.03, 0.03, (4, 2)).astype(np.float32) * np.array([w, h], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(spread, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((sh, sw), np.float32), m, (w, h))[:, :, None]
    return _noise(_u8(table * (1 - mask) + warped * mask), rng, 2.0)


def views_v17(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v17's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["equirect"] = _jpeg(equirect(place, rng, w, h), 85)
    out["anaglyph"] = _jpeg(anaglyph(place, rng, w, h), 85)
    out["fpvdrone"] = _jpeg(fpv_drone(place, rng, w, h), int(rng.integers(70, 81)))
    out["robotvac"] = _jpeg(robot_vacuum(place, rng, w, h), int(rng.integers(60, 76)))
    out["virtualtour"] = _jpeg(virtual_tour(place, rng, w, h), 85)
    out["thermal"] = _jpeg(thermal(shot(0.4, 12), rng), 80)
    out["negative"] = _jpeg(film_negative(place, rng, w, h), 85)
    out["photocopy"] = _jpeg(photocopy(shot(0.4, 12), rng), 80)
    out["jigsaw"] = _jpeg(jigsaw(shot(0.4, 12), rng), 85)
    out["projected"] = _jpeg(projected(shot(0.4, 12), rng), 80)
    out["pencil"] = _jpeg(pencil(shot(0.4, 12), rng), 85)
    out["magazine"] = _jpeg(magazine(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v17", room=room_v17, views=views_v17)


def main() -> None:
    dry_run("v17", make_pictures, place_kind)


if __name__ == "__main__":
    main()

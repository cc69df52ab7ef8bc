"""Generator v20 of ``bench/link.py``: benign places (record shops, clock repairers, tailor's
workrooms, bookbinderies, escape rooms, toy shops, museum rooms, radio studios) as a step to
the side, a feed scrolled past, venetian blinds, torn prints, scanner apps, LED video walls,
risograph prints, mugs, stained glass, bubble wrap, convex security mirrors and lenticular
cards show them, held out.

Written blind, like v6-v19: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]`` and ``[tool.mypy]`` sections of
``pyproject.toml`` (and the mypy overrides and the pytest header that follow them),
``bench/link_rooms_v19.py`` whole (for the interface, the truth format, the place model and
the primitives imported below), ``tests/bench/test_link_rooms_v19.py`` whole (for the shape
of the tests) and, in ``bench/link.py``, only the generator plumbing: a grep for ``v19`` and
the lines round each hit (the imports at 60-90, ``GENERATORS`` and the ``views_*`` dict of
``make_collection`` at 615-720, with the end of the views function before them, and the
``--generator`` argument at 1270-1305, a range that also shows the end of
``verify_options``). Of ``bench/link_rooms_v6.py``-``v18.py`` only the first paragraphs of
their docstrings were read, the names of their views (their ``VIEW_KINDS`` and a grep of the
``out["..."]`` keys), their ``KINDS`` tuples and ``GROUPS`` dicts (printed by importing the
modules, v6-v19), their seed constants (a grep for ``SEED = `` in v12-v18 and for
``_000_000`` in v6-v12, whose hits name their look-alike groups), and the lines a grep found
for words v20 considered, with a few lines round some hits (v11's lines 74-82 on its
``graded`` and ``floor`` views, v18's lines 28-33 on what it dropped). For kinds and groups:
record, vinyl, clock repair, watchmaker, horolog, tailor, sewing, bookbind, book bind,
escape, toy shop, toyshop, museum, vitrine, radio studio, broadcast, microphone, allotment,
shed, lecture, hospitality, stadium, skybox. For views: parallax, convex, security mirror,
tungsten, white balance, stained, voronoi, mug, torn, bubble, led wall, led screen, video
wall, riso, misregist, scanner app, doc scan, document, fold, lenticular, colour profile,
display p3, p3, desaturat, warm, cast, scroll, blinds, venetian, slat, gallery app, photo
app. None of v20's kinds, groups or views is a kind, group or view of v6-v19 (the tests
check the names against the ``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v19's modules).
The hits were other senses (vinyl floors, garden sheds seen from outside in v7's and v10's
gardens, blinds at windows, a karaoke room's microphones, a stained ceiling tile, torn bands
of a v17 view's noise, a chat's text bubbles, an aquarium's bubbles), "tailor" a word on
v6's signs (kept, as v18 kept "florist"), "museum", "shed" and "stadium" words v18 and v19
considered and dropped, or ideas that made v20 drop one: v11's ``graded`` (tints and
desaturation: a colour-profile and a tungsten white-balance view dropped) and v12's colour
casts. The nearest kept: v13's music practice rooms with acoustic foam made v18 drop a
recording studio, and v20's radio studio has acoustic panels (foam wedges on a third of
them; kept: a broadcast desk, microphones on arms, an on-air light), v19's ``lensball``
(``convexmirror`` is a mirror, not inverted, seen from a back corner), v9's ``fisheye`` and
v15's ``actioncam`` (the mirror's squeeze is its own), v19's ``crossstitch`` (``stainedglass``
has irregular cells and lead), v14's ``halftone`` (``risograph`` is two spot inks in grain,
misregistered), v16's ``flatbedscan`` and v14's ``crumpled`` (``docscan`` is a phone app's
enhanced copy with two creases), v15's ``glassdoor`` and v12's ``rainglass`` (``bubblewrap``
lenses each bubble). The signatures of the v6-v19 primitives imported below were printed
(``inspect.signature``, the methods and fields of the classes too), and a few were run to
learn what a signature does not say: v13's ``_piece`` on 31 names, ``_frames`` on a 3 x 2.2
x 2.5 m room, v14's ``_belongings`` on a bare v17 builder with one top, v17's ``_free`` on a
v19 place with a box put under the camera and one round it, v9's ``Camera.axes`` (right,
down, forward), v16's ``_aim``, v17's ``_tilted``, v10's ``_field``, a sheet of v10-v18
textures (``_cabinet``, ``_label``, ``_sign``, ``_screen``, ``_outside``, ``_carton``,
``_fabric``, ``_table``, ``_speckle``, ``_flights``, ``_steel``, ``_lino``) looked at, and
v19's ``room_v19`` and ``views_v19`` (timed on seeds 0 and 41; one picture looked at).
Chasing a ``KeyError``, lines 525-540 of v9 (``box_planes``: its signature, docstring and
first lines) were read; ``mypy`` was run on v19 to compare (its output names lines of v18).
``python -m bench.link --help`` was run once to check the plumbing. Nothing of the linker's
code, tests, docs or results was read, and neither the linker nor ``bench.link`` was ever
run on these pictures: use it once, for a held-out figure: ``python -m bench.link --name
link-v20-heldout --generator v20 --no-real --size 400x300 --rooms 315 --workers 2
--skip-costs``. v9's projective renderer, v6's picture writer and dry run, v13's place model
(surfaces, boxes, walls, floor plans, furniture pieces, windows, wall things, lighting),
v14's belongings and small helpers, v15's doors and sky, v16's shop front, colour ramp and
aiming, v17's building state, clearance test, shell planes, grained paint and off-square
warp, v18's desk tops, terrazzo and colour picker, v19's chequer, coffers, till, wall spots
and small helpers, and small drawing primitives of v10-v12 are imported; the kinds of place,
their builders, the kinds' mass-produced things, the look-alikes, the day's loose things,
the cameras and every view are v20's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v20 --rooms 12 --size 400x300
--out /tmp/v20``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(records face out, gig posters, clocks, cloth on bolts, paper patterns, bound books,
finishing tools, puzzle boards, maps, toys on shelves, paintings and labels, acoustic
panels, slats, a slide and boards, a ground seen through glass, windows, signs, doors,
sockets, exit signs) and furniture and fittings as 3-D boxes (browser bins, counters,
benches, cabinets, presses, machines, tables, gondolas, cases on plinths, desks, seats,
tiers, chairs). Loose things (a carton, a paper bag, a stack of leaflets, a folded cloth)
change from day to day. Two pictures show the same place exactly when they come from the
same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_100_000_000 + seed)``); no photograph is read, so two ordinary places
cannot share a photographed surface. As in real places of one kind, though, some things
are mass-produced: the same model stands in every place of the kind. Those are drawn from
the kind's own generator (``default_rng([1_108_000_000, k])``, ``k`` the kind's place in
``KINDS``), so they are identical in every place of the kind and in no place of another
kind; where they stand is each place's own. The kinds' things:

- *record shop*: the browser bin's body (up to six of them; the records standing in each
  are the shop's own), the listening post, the turntable on the counter;
- *clock repairer*: the watchmaker's bench and its lamp (one or two), the parts cabinet of
  tiny drawers, the ultrasonic cleaner;
- *tailor's workroom*: the sewing machine's table and head (two to four), the vacuum
  ironing station, the rack of thread cones;
- *bookbindery*: the nipping press (on most benches), the standing press, the board
  chopper;
- *escape room*: the supplier's chest with its padlock, the keypad wall safe, the
  countdown clock;
- *toy shop*: the boxed brick set (a stack of three to seven), the play kitchen, the
  wooden train table;
- *museum room*: the display case's plinth (the finds under its glass are the museum's
  own), the gallery bench, the rope barrier's brass posts;
- *radio studio*: the mixing desk, the microphones on their arms, the monitor speakers,
  the on-air light.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them: a linker must not link two places because they show one model of press. What any
two places may still have alike is what is generic in real places too: socket plates, exit
signs, the Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v19; sizes width x height x depth in m):

- *record shop* (5-8 x 2.7-3.3 x 8-13): dark paint (40 %) or pale, a wall of gig posters
  for half, boards, lino or a chequered floor, a shop front; records face out on ledges
  (1.2 m panels to 2.1 m) along one side over a run of cabinets whose top shows records
  standing; browser bins (1.2 x 0.7 x 0.75, records standing on top) down the middle in
  one or two rows; the listening post (0.35 x 0.3 x 1.4) by the other wall; a counter with
  the turntable and a till; a sign, posters, a door.
- *clock repairer* (4-6.5 x 2.6-3.1 x 5-9): paint or wood panelling (40 %), boards or a
  carpet, a shop front; up to eight clocks on each side and the back wall (round, in a
  wooden square, or a box with a pendulum; 0.2-0.45 m, 1.6-2.6 m up, each at a time of its
  own); a glass counter of watches on velvet near the front; one or two watchmaker's
  benches (1.2 x 0.6 x 1.0) with lamps and trays; the parts cabinet (0.6 x 0.35 x 1.2); the
  cleaner on a side table; one to three longcase clocks (1.9 m); a sign, a door.
- *tailor's workroom* (5-8 x 2.7-3.3 x 6-10): pale paint, boards or lino, one or two
  windows on one side; a cutting table (1.8-2.4 x 1.0 x 0.9: brown paper, cloth, chalked
  pattern pieces, a tape); two to four sewing machines on their tables against that side or
  the back; the ironing station (1.3 x 0.45 x 0.85); the cone rack on the other wall; a
  rail of half-made suits and dresses (1.6-2.6 m); cloth on bolts, paper patterns on
  hooks, a long mirror, a clock, a door.
- *bookbindery* (5-9 x 2.8-3.6 x 7-12): brick (45 %) or paint, boards or a painted floor,
  rafters or a plain ceiling, windows along one side; one to three benches (1.8-2.6 x 0.8
  x 0.9: sections, book blocks, glue), most with a nipping press; the standing press (0.8 x 0.5 x
  1.8); the board chopper (1.0 x 0.7 x 1.05); a plan chest; shelves of bound books, a rack
  of finishing tools, a poster, a door.
- *escape room* (4-6 x 2.6-3.0 x 4.5-7): one of four themes from the room's own generator
  (a study in panelling, a laboratory in white tiles, a ship's cabin in planks, a bunker
  in concrete with painted pipes), its floor and three pieces of its furniture; a locked
  door with a keypad in the back wall; the chest (0.8 x 0.5 x 0.5); the safe (0.45 m, 1-1.45
  m up) on a side wall; the countdown clock high on the back wall; one to three puzzle
  boards, maps and control panels on each wall; a camera in a corner.
- *toy shop* (6-10 x 2.8-3.4 x 9-14): bright paint (big spots on the back wall for half),
  lino or boards, a tiled ceiling, a shop front; shelves of toys (boxes, round soft toys,
  balls, cars) along both sides; one or two gondolas (1.5 m high) of toys; the brick sets;
  the play kitchen (0.8 x 0.5 x 0.85); the train table (1.2 x 0.8 x 0.45); a counter with a
  till; two lines of bunting; a sign, a poster, a door.
- *museum room* (8-14 x 3.8-5.5 x 10-16): a deep paint (70 %) or stone, parquet or
  terrazzo, coffers or a plain ceiling; paintings (0.7-1.6 m wide) in gilt or dark frames
  with labels round three walls, interpretation panels; two to five display cases (1-1.6
  x 0.7, a plinth 0.9 m and glass 0.5 m over finds); a big object on a low plinth roped off
  with four posts; one or two benches (1.6 m); a wide doorway, exit signs. The camera
  stands 0.8-2 m in, nearly level.
- *radio studio* (3.6-6 x 2.6-3.1 x 4-7): acoustic panels (0.6 m squares in two or three
  colours; foam wedges for a third) on every wall, a carpet, a dark tiled ceiling; a window
  into the producer's booth on one side; a desk (2-2.8 x 0.9) 1.4-2 m from the back with
  the mixing desk, two screens, the speakers, two to four microphones on arms and a chair
  at each; a door in the back wall with the on-air light over it; the station's logo,
  posters. The camera is 70-80 degrees wide.

and, as look-alikes only, a site's *allotment shed* (2.4-3.6 x 2.0-2.4 x 1.9-2.8), a
university's *lecture theatre* (12-18 x 5.5-7 x 14-20) and a ground's *stadium hospitality
box* (4-6 x 2.6-3 x 5-7). No person is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v19), at the original's size.** A shot "moved up to
0.4 m" is the place's camera moved up to 0.4 m (x0.5 in a shed, x0.8 in a box, an escape
room or a studio; up to 0.08 m in height), turned up to 12 degrees and tilted up to 4 (the
first of 8 moves that leaves it 0.15 m clear of every thing, else not moved), with sensor
noise (sigma 2). Three views stand somewhere else (``parallax`` a step to the side,
``convexmirror`` in a back corner, half of ``lenticular`` up to 1 m away). Difficulty as
meant, not measured:

- ``parallax`` (easy): the place's camera stepped 0.6-1.2 m to one side and up to 0.3 m in
  or out, turned back to the spot 3-5 m along its view (both x0.5 in a shed, x0.8 in the
  small places; never beyond the back wall), 2-6 degrees wider or narrower (the first of 8
  steps clear of things by 0.15 m, else of 8 half steps, else not moved). JPEG 90.
- ``midscroll`` (easy): a desktop screenshot of a social feed mid-scroll: light (60 %) or
  dark, a top bar, a menu and suggestions either side, the shot at the feed column's width
  (52-62 % of the frame), 55-85 % of it showing (its top under the top bar or its foot off
  the screen), the post's header, buttons and caption, the next or last post's picture.
  PNG.
- ``blinds`` (easy): daylight through venetian blinds on a shot: the room x0.7-0.85, a
  skewed patch of light (36-80 % of the width, 44-72 % of the height) striped by the slats
  (a period of 5-9 % of the height, 45-60 % lit, turned up to 35 degrees), warm, x1.25-1.7
  where lit. JPEG 85.
- ``tornhalf`` (medium): a print of a shot (a white border, 3-5 % of the width) torn
  across (down it for 70 %), the kept 50-70 % lying on a desk (wood, grey laminate or dark
  felt): a jagged tear (a random walk and a slant of up to 12 %) with the paper's white
  core along it (1.5-3 px at 400), turned up to 8 degrees at 82-95 % of the frame, a
  shadow, a sheen. JPEG 85.
- ``docscan`` (medium): a phone scanner app's copy of a print of a shot folded in four: a
  white margin (2-4 %), the perspective corrected all but a little (each corner up to 2.5
  %), two creases (a bright ridge and a shadow, the far side x0.97) within 4 % of the
  middle, uneven light, then the app's enhancing: levels from the 1st-4th to the 80th-90th
  percentile (highlights clip to white), saturation x1.2-1.45, an unsharp mask. JPEG 80.
- ``ledboard`` (medium): a shot on an outdoor LED video wall photographed from the street
  at dusk: 56-84 LEDs across (round soft dots on black, a glow), modules of 16 x 16 LEDs
  x0.9-1.1, 0.4 % dead, saturation x1.2; the board in a dark frame at 72-88 % of the
  width, its top 4-10 % narrower each side and one side up to 16 % shorter; a dusk sky and
  buildings with lit windows round it; noise sigma 3. JPEG 85.
- ``risograph`` (hard): a two-colour risograph print of a shot: split into two spot inks
  (one of five pairs, by least squares in log space), each a grain screen (drawn at twice
  the size with 1 px dots, seen at the picture's) of uneven density (x0.8-1), the second
  drum 2-6 px and up to 0.6 degrees out of register, on off-white paper, the ink spread a
  little, the corners x0.93. JPEG 85.
- ``mug`` (hard): a shot printed on a white mug on a table: the wall and table behind out
  of focus, the mug 62-74 % of the height (radius 0.4-0.46 of that) 45-55 % across, seen a
  little from above; the print (72 % of the mug's height) wrapped round it, narrowing to
  its sides, turned up to 0.25 rad; lit from one side, a highlight down the glaze, a dark
  inside, a handle, a shadow. JPEG 85.
- ``stainedglass`` (hard): a stained-glass filter on a shot: 250-520 cells (at 400 x 300;
  Voronoi cells of a jittered grid) each the mean colour under it, saturated x1.3-1.7,
  lit from behind and mottled, lead cames (2-3 px at 400) between them, a vignette, each
  corner moved up to 2 %. JPEG 85.
- ``bubblewrap`` (hard): a shot under a sheet of bubble wrap: bubbles 5.5-8 % of the width
  across on a hexagonal grid turned up to 14 degrees, each a lens (x1.35-1.8 at its
  middle) with a darker edge, a highlight and a faint crescent from one light, 4-12 %
  popped (flat); the film hazy (x0.88-0.94, +12-24), two to five creases. JPEG 85.
- ``convexmirror`` (hard): the place in a convex security mirror in a back corner (0.35 m
  from both walls, 0.3-0.45 m under the ceiling and at most 2.6 m up, 1 m higher in a
  lecture theatre; 0.2 m and 1.9 m in a shed), photographed from a shot's spot (moved up to
  0.4 m) zoomed so that the mirror (radius 0.3 m; 0.45 m in places over 10 m deep, 0.2 m
  in a shed) is 25-34 % of the height across (8-70 degrees wide), up to 12 % off the
  middle; in it the room from the corner towards the middle of its front third, 116
  degrees squeezed into the disc, reversed left to right, darker to the rim, a dark rim
  and a highlight; noise sigma 2.5. JPEG 85.
- ``lenticular`` (hard): a lenticular card of two shots (moved up to 0.3 m and turned up
  to 8 degrees; moved up to 1 m and turned up to 15) photographed: lenses 3.5-5.5 px apart
  at 400, across a band (15-30 % of the width, its middle 30-70 % across) each lens shows
  more of the second shot, before it only the first, after it only the second; ridges,
  the plastic's haze, each corner moved up to 2 %. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 % of
seeds). A look-alike is built by the same kind of code as an ordinary place, but everything
fixed is drawn from its group's template generator, so the members of a group are identical
but for what is drawn from their own generator: their belongings (v14's: 4-9 of a bag, a
book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a fruit bowl, a
box, on the tops and the floor; none under a theatre's tiers), each day's loose things, how
each surface is lit, the camera and what is said below. Look-alikes have no mass-produced
things of a kind.

- *Allotment sheds of one site* (6 %: ``seed % 50`` in {12, 13, 14}, kind ``allotment
  shed``; template ``1_101_000_000 + seed // 50``): the kit's size, its stained boards
  inside, the window's frame and place in one side, the board floor, the rafters, the
  potting bench along the back, the shelf on the other side. The holder's own: what the
  window shows (the plot), two to four tools (a spade, a fork, a rake, a hoe, shears) on
  the other side and on the back, one to five seed packets on each, a calendar, three to
  eight pots and a seed tray on the bench, a watering can, a sack. The camera stands in
  the doorway (0.2-0.35 m in), 70-80 degrees wide.
- *Lecture theatres of one university* (2 %: ``seed % 100`` in {28, 29}, ``lecture
  theatre``; template ``1_102_000_000 + seed // 100``): the size, the tiers (0.9-1.0 m deep,
  0.18-0.24 m rise, from the front wall to 4-5 m from the screen end) with a desk and a row
  of seats on each, the timber slats of the side walls, the screen's frame (4-5.5 x 2.4-3
  m) and two boards' frames on the end wall, the lectern, the demonstration bench, the
  carpet, the ceiling, exit signs. The room's own: the slide on the screen (a title,
  bullets, a chart or a photograph), the writing on the boards, the room's number and a
  notice on a side wall. The camera stands on the upper tiers (about 1 m from the front
  wall, its eye 1.5-1.7 m above its tier) looking at the screen.
- *Hospitality boxes of one stadium* (2 %: ``seed % 100`` in {46, 47}, ``stadium
  hospitality box``; template ``1_103_000_000 + seed // 100``): the size, the striped walls
  in the club's colour, the carpet, the ceiling, the glass front's mullions and the ground
  seen through it (drawn three times as wide as the glass: the far stand's roof and
  floodlights, its seats with the club's word, advertising boards, the pitch), the buffet
  counter along one side, the table and four chairs, the TV's frame. The box's own: which
  stretch of the ground its glass shows (where along the stand it is), the TV's picture,
  a framed shirt with a number, the number and sponsor's plate by the door, three to seven
  dishes on the buffet, flowers on the table. The camera stands by the door (0.4-0.8 m in)
  looking out at the ground.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (12, 13, 14) or seed % 100 in (28,
29, 46, 47)``; two look-alikes are of one group exactly when they have the same kind and
the same ``seed // 50`` (sheds) or ``seed // 100`` (theatres, boxes).

**Pictures per place: 13** (the original and 12 views): ``original`` and ``midscroll``
(PNG), ``parallax`` (JPEG 90), ``docscan`` (JPEG 80) and ``blinds``, ``tornhalf``,
``ledboard``, ``risograph``, ``mug``, ``stainedglass``, ``bubblewrap``, ``convexmirror``,
``lenticular`` (JPEG 85), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 sheds in every 50 seeds, 2 theatres and 2
boxes in every 100); the other seeds draw their kind with equal shares of 1/8 (the tests
check each within +-4 points on seeds 0-999). Counted on seeds 0-999 (``kind_counts``):
sheds 60, theatres 20, boxes 20; of the other 900: record shop 126, escape room 122, toy
shop 118, radio studio 115, clock repairer 114, bookbindery 106, tailor's workroom 102,
museum room 97. The first 60 seeds (a default ``--rooms 60`` run): record shop 10, toy
shop 8, museum room 7, clock repairer 6, tailor's workroom 6, radio studio 6, bookbindery
5, escape room 5, sheds 3 (seeds 12-14), theatres 2 (28, 29), boxes 2 (46, 47): every kind
and group is in it. The held-out run's 315 seeds: record shop 45, clock repairer 40,
bookbindery 35, radio studio 35, tailor's workroom 34, museum room 32, toy shop 32, escape
room 29, sheds 21, theatres 6, boxes 6.

**Speed**: a dry run of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 7.4 s
(6.6 s of CPU, 0.55 s a place of 13 pictures, 138 MB at most) at ``nice -n 19`` at load
average 4.7-4.8 on the shared machine; 1.6 s of CPU a place at 800x600 (seeds 200-203, 246
MB at most). ``build_place`` ran without error on seeds 0-999 and all twelve views on seeds
0-199 at 96x72 (and 0-69 at 64x48 and 120x90). Surfaces are drawn at 120 texels a metre,
large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_100_000_000 + seed``; site ``1_101_000_000 + seed // 50``; university
``1_102_000_000 + seed // 100``; ground ``1_103_000_000 + seed // 100``; a day's soft
furnishings and loose things ``1_104_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_105_000_000, seed, i])`` (``i`` the index ``make_collection`` passes); the
original's sensor noise ``1_106_000_000 + seed``; a kind's mass-produced things
``default_rng([1_108_000_000, k])``. Deterministic by seed. Lettering is random syllables
(digits for prices, times, numbers and codes; "ON AIR" on the studios' light). Pictures not
made by ``room_v20`` (the real pictures of ``bench/link.py`` when run without
``--no-real``) are hung as a print 2 m wide on the back wall of a generated record shop,
museum room or radio studio (seeds from ``1_107_000_000``) and seen the same ways.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
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
from bench.link_rooms_v12 import _rafters, _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    Top,
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
    _Wall,
    _window,
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box, _carton, _inward, _side_x, _sign, _skirting
from bench.link_rooms_v15 import _door, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter, _shop_front
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, _tilted, surface_planes
from bench.link_rooms_v18 import _pick, _speckle, _table
from bench.link_rooms_v19 import (
    _all_faces,
    _chequer,
    _coffered,
    _on_wall,
    _scale,
    _till,
    _wall_spot,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_100_000_000
SITE_SEED = 1_101_000_000
CAMPUS_SEED = 1_102_000_000
GROUND_SEED = 1_103_000_000
DAY_SEED = 1_104_000_000
VIEW_SEED = 1_105_000_000
SENSOR_SEED = 1_106_000_000
PRINT_SEED = 1_107_000_000
MODEL_SEED = 1_108_000_000
SITE_EVERY, SITE_SLOTS = 50, (12, 13, 14)
CAMPUS_EVERY, CAMPUS_SLOTS = 100, (28, 29)
GROUND_EVERY, GROUND_SLOTS = 100, (46, 47)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("record shop", 1 / 8),
    ("clock repairer", 1 / 8),
    ("tailor's workroom", 1 / 8),
    ("bookbindery", 1 / 8),
    ("escape room", 1 / 8),
    ("toy shop", 1 / 8),
    ("museum room", 1 / 8),
    ("radio studio", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "allotment shed": "shed",
    "lecture theatre": "lecture",
    "stadium hospitality box": "skybox",
}
VIEW_KINDS = (
    "parallax",
    "midscroll",
    "blinds",
    "tornhalf",
    "docscan",
    "ledboard",
    "risograph",
    "mug",
    "stainedglass",
    "bubblewrap",
    "convexmirror",
    "lenticular",
)
PNG_VIEWS = ("midscroll",)  # a screenshot, saved lossless; every other view is a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "record shop": ((5.0, 8.0), (2.7, 3.3), (8.0, 13.0)),
    "clock repairer": ((4.0, 6.5), (2.6, 3.1), (5.0, 9.0)),
    "tailor's workroom": ((5.0, 8.0), (2.7, 3.3), (6.0, 10.0)),
    "bookbindery": ((5.0, 9.0), (2.8, 3.6), (7.0, 12.0)),
    "escape room": ((4.0, 6.0), (2.6, 3.0), (4.5, 7.0)),
    "toy shop": ((6.0, 10.0), (2.8, 3.4), (9.0, 14.0)),
    "museum room": ((8.0, 14.0), (3.8, 5.5), (10.0, 16.0)),
    "radio studio": ((3.6, 6.0), (2.6, 3.1), (4.0, 7.0)),
    "shed": ((2.4, 3.6), (2.0, 2.4), (1.9, 2.8)),
    "lecture": ((12.0, 18.0), (5.5, 7.0), (14.0, 20.0)),
    "skybox": ((4.0, 6.0), (2.6, 3.0), (5.0, 7.0)),
}
SMALL = {"shed": 0.5, "skybox": 0.8, "escape room": 0.8, "radio studio": 0.8}  # move shares
PRINT_KINDS = ("record shop", "museum room", "radio studio")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_allotment_shed(seed: int) -> bool:
    return seed % SITE_EVERY in SITE_SLOTS


def is_lecture_theatre(seed: int) -> bool:
    return seed % CAMPUS_EVERY in CAMPUS_SLOTS


def is_hospitality_box(seed: int) -> bool:
    return seed % GROUND_EVERY in GROUND_SLOTS


def is_distractor(seed: int) -> bool:
    return is_allotment_shed(seed) or is_lecture_theatre(seed) or is_hospitality_box(seed)


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
    if is_allotment_shed(seed):
        return "allotment shed"
    if is_lecture_theatre(seed):
        return "lecture theatre"
    if is_hospitality_box(seed):
        return "stadium hospitality box"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_allotment_shed(seed):
        return np.random.default_rng(SITE_SEED + seed // SITE_EVERY)
    if is_lecture_theatre(seed):
        return np.random.default_rng(CAMPUS_SEED + seed // CAMPUS_EVERY)
    if is_hospitality_box(seed):
        return np.random.default_rng(GROUND_SEED + seed // GROUND_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


@dataclass
class _Build20(_Build17):
    """v17's builder state with the kind's model generator, the boxes drawn from it and
    the tiers of a lecture theatre (how deep they run, how high the camera's floor is)."""

    model: Rng | None = None
    models: list[Box] = field(default_factory=list)
    eye_floor: float = 0.0  # the floor's height where the camera stands
    raised: float = 0.0  # the floor is stepped (tiers) from the front wall to this depth


def _b20(b: _Build17) -> _Build20:
    assert isinstance(b, _Build20)
    return b


def _mass_produced(b: _Build17) -> Rng:
    out = _b20(b).model
    assert out is not None
    return out


def _model(b: _Build17, box: Box) -> None:
    """Add a mass-produced thing (its textures drawn from the kind's generator)."""
    b.boxes.append(box)
    _b20(b).models.append(box)


# --- small drawing helpers ---------------------------------------------------------------------


def _other(side: str) -> str:
    return "right" if side == "left" else "left"


def _hang(wall: _Wall, patch: U8, along: float, top: float, claim: bool = True) -> bool:
    """Paste ``patch`` on ``wall`` with its left edge ``along`` m along and its top ``top``
    m up (claiming the spot first unless ``claim`` is False); whether it was hung."""
    x, y = wall.x_of(along), wall.y_of(top)
    ph, pw = patch.shape[:2]
    if claim and not wall.claim(x, y, pw, ph, gap=1):
        return False
    _paste(wall.img, patch, x, y)
    return True


def _frame(img: U8, colour: Colour, t: int) -> U8:
    """``img`` in a frame ``t`` texels wide."""
    h, w = img.shape[:2]
    out = np.empty((h + 2 * t, w + 2 * t, 3), np.uint8)
    out[:] = colour
    out[t : t + h, t : t + w] = img
    cv2.rectangle(out, (0, 0), (w + 2 * t - 1, h + 2 * t - 1), _shade(colour, 0.6), 1)
    return out


def _slab(b: _Build17, x: float, z: float, w: float, d: float, h: float, y0: float, tex: U8) -> Box:
    box = Box(x, z, w, d, h, y0, _all_faces(tex))
    b.boxes.append(box)
    return box


def _stripes_of(rng: Rng, w: int, h: int, colours: list[Colour], step: int) -> U8:
    """Vertical bands of ``colours`` in turn, ``step`` texels wide, grained."""
    img = _grained(rng, w, h, colours[0], 3.0)
    for k, x in enumerate(range(0, w, step)):
        img[:, x : x + step] = _grained(rng, min(step, w - x), h, colours[k % len(colours)], 3.0)
    return img


def _slats(rng: Rng, w: int, h: int, res: float, tone: Colour, gap: float = 0.03) -> U8:
    """Timber acoustic slats: vertical battens 0.04-0.06 m wide over a dark felt."""
    img = _grained(rng, w, h, (25, 25, 28), 2.0)
    bw = max(2, round(float(rng.uniform(0.04, 0.06)) * res))
    step = bw + max(1, round(gap * res))
    for x in range(0, w, step):
        img[:, x : x + bw] = _wood(rng, min(bw, w - x), h, tone, bw, along_x=False)
    return img


def _doodle(img: U8, rng: Rng, colour: Colour, lines: int) -> None:
    """Handwriting on a board: ``lines`` lines of wavy strokes and a few boxes and arrows."""
    h, w = img.shape[:2]
    for k in range(lines):
        y = int((k + 1) * h / (lines + 1))
        x = int(rng.integers(2, max(3, w // 8)))
        end = int(w * float(rng.uniform(0.4, 0.95)))
        pts = []
        while x < end:
            pts.append((x, y + int(rng.integers(-2, 3))))
            x += int(rng.integers(2, 5))
        if len(pts) > 1:
            cv2.polylines(img, [np.array(pts, np.int32)], False, colour, 1, cv2.LINE_AA)
    for _ in range(int(rng.integers(0, 3))):
        x0, y0 = int(rng.integers(0, max(1, w - 12))), int(rng.integers(0, max(1, h - 10)))
        cv2.rectangle(img, (x0, y0), (x0 + 10, y0 + 7), colour, 1)


# --- v20's own surfaces and things, every one drawn from the rng it is given --------------------

# record shop


def _sleeve(rng: Rng, s: int) -> U8:
    """One record sleeve's front: its colour and one of five designs (rings, stripes, a
    big word, a photograph, a grid), a thin edge."""
    img = _grained(rng, s, s, _c(rng, 0, 256), 4.0)
    u = int(rng.integers(0, 5))
    ink = _c(rng, 0, 256)
    if u == 0:
        for k in range(int(rng.integers(2, 6))):
            cv2.circle(
                img, (s // 2, s // 2), max(1, s // 2 - k * s // 10), _c(rng), max(1, s // 12)
            )
    elif u == 1:
        step = max(2, s // int(rng.integers(3, 8)))
        for y in range(0, s, 2 * step):
            img[y : y + step] = ink
    elif u == 2:
        _text(img, rng, _word(rng, (1, 2)).upper(), 1, s * 2 // 3, max(4, s // 3), ink)
    elif u == 3:
        img[:] = np.asarray(cv2.resize(_outside(rng, 32, 32), (s, s)), np.uint8)
        _text(img, rng, _word(rng, (1, 2)).upper(), 1, max(4, s // 4), max(3, s // 6), ink)
    else:
        step = max(2, s // 4)
        for y in range(0, s, step):
            for x in range(0, s, step):
                if rng.random() < 0.5:
                    cv2.rectangle(img, (x, y), (x + step - 1, y + step - 1), _c(rng), -1)
    cv2.rectangle(img, (0, 0), (s - 1, s - 1), _shade(ink, 0.5), 1)
    return img


def _sleeve_wall(rng: Rng, w: int, h: int) -> U8:
    """Records face out on ledges: rows of square sleeves, a divider card with a letter
    now and then."""
    img = _grained(rng, w, h, _between(rng, (30, 30, 32), (235, 232, 225)), 3.0)
    s = max(8, min(h // 3, int(float(rng.uniform(0.28, 0.33)) * h)))
    rows = max(1, h // (s + 3))
    for k in range(rows):
        y = 2 + k * (s + 3)
        x = 2
        while x + s < w:
            if rng.random() < 0.08:
                card = _grained(rng, s // 2, s, (245, 245, 240), 2.0)
                _text(
                    card, rng, chr(65 + int(rng.integers(0, 26))), 1, s // 2, s // 3, (20, 20, 20)
                )
                _paste(img, card, x, y)
                x += s // 2 + 2
                continue
            _paste(img, _sleeve(rng, s), x, y)
            x += s + 2
        cv2.rectangle(img, (0, y + s), (w - 1, y + s + 1), (90, 90, 92), -1)
    return img


def _crate_tops(rng: Rng, w: int, h: int) -> U8:
    """Records standing in a browser bin seen from above and in front: the top edges of
    many sleeves (thin stripes of their colours), the front one's art, divider tabs."""
    img = _grained(rng, w, h, (30, 28, 26), 2.0)
    y = 0
    while y < h - 2:
        t = int(rng.integers(1, 3))
        img[y : y + t] = _c(rng, 20, 250)
        if rng.random() < 0.06:
            tab = int(rng.integers(0, max(1, w - 8)))
            cv2.rectangle(img, (tab, y), (tab + 6, y + 2), (245, 245, 240), -1)
        y += t
    return img


def _browser_bin(m: Rng) -> dict[str, U8]:
    """A record browser bin: a waist-high wooden or black unit with a maker's plate, the
    bins' bays marked by uprights, kick plate."""
    body = _pick(m, [(40, 40, 42), _wood_tone(m), (200, 200, 196)])
    front = _grained(m, 64, 32, body, 3.0)
    for x in range(0, 64, 16):
        cv2.line(front, (x, 0), (x, 31), _shade(body, 0.7), 1)
    cv2.rectangle(front, (0, 27), (63, 31), _shade(body, 0.5), -1)
    cv2.rectangle(front, (26, 6), (37, 10), (200, 190, 150), -1)
    side = _grained(m, 32, 32, body, 3.0)
    cv2.rectangle(side, (0, 27), (31, 31), _shade(body, 0.5), -1)
    return {
        "front": front,
        "back": front,
        "left": side,
        "right": side,
        "top": _grained(m, 32, 16, _shade(body, 0.8), 3.0),
    }


def _listening_post(m: Rng) -> dict[str, U8]:
    """A listening post: a slim column with a scanner, a small screen, buttons and a pair
    of headphones on a hook."""
    body = _c(m, 20, 200)
    front = _grained(m, 16, 64, body, 3.0)
    cv2.rectangle(front, (3, 6), (12, 14), (20, 30, 40), -1)
    cv2.rectangle(front, (4, 7), (11, 13), (80, 170, 220), -1)
    for y in range(18, 28, 4):
        cv2.circle(front, (5, y), 1, (240, 240, 240), -1)
        cv2.circle(front, (10, y), 1, (240, 240, 240), -1)
    cv2.ellipse(front, (8, 36), (5, 5), 0, 180, 360, (20, 20, 22), 1)
    cv2.rectangle(front, (2, 36), (4, 40), (20, 20, 22), -1)
    cv2.rectangle(front, (12, 36), (14, 40), (20, 20, 22), -1)
    return {
        "front": front,
        "side": _grained(m, 16, 64, body, 3.0),
        "top": _grained(m, 8, 8, body, 2.0),
    }


def _turntable(m: Rng) -> dict[str, U8]:
    """A DJ turntable seen from above: a platter with its dots, a record, the tone arm,
    a pitch slider; silver or black body."""
    body = _pick(m, [(180, 182, 185), (30, 30, 32)])
    top = _grained(m, 40, 32, body, 2.0)
    cv2.circle(top, (17, 16), 14, (60, 60, 62), -1)
    cv2.circle(top, (17, 16), 12, (15, 15, 16), -1)
    cv2.circle(top, (17, 16), 4, _c(m, 60, 250), -1)
    cv2.line(top, (35, 4), (27, 22), (220, 220, 222), 1)
    cv2.rectangle(top, (34, 18), (37, 29), (90, 90, 92), -1)
    side = _grained(m, 40, 8, _shade(body, 0.8), 2.0)
    return {"front": side, "side": side, "top": top}


def _gig_posters(rng: Rng, w: int, h: int) -> U8:
    """A wall of gig posters pasted edge to edge: each a colour, a big word, a date."""
    img = _grained(rng, w, h, _c(rng), 3.0)
    x = 0
    while x < w:
        pw = int(rng.integers(max(6, h // 3), max(8, h // 2)))
        y = 0
        while y < h:
            ph = int(pw * float(rng.uniform(1.2, 1.5)))
            p = _grained(rng, pw, ph, _c(rng), 5.0)
            _text(p, rng, _word(rng, (1, 2)).upper(), 1, ph // 3, max(4, pw // 4), _c(rng))
            _text(
                p,
                rng,
                f"{int(rng.integers(1, 31))}.{int(rng.integers(1, 13))}",
                1,
                ph - 3,
                max(3, pw // 6),
                _c(rng),
            )
            _paste(img, p[: min(ph, h - y), : min(pw, w - x)], x, y)
            y += ph
        x += pw
    return img


def _build_record_shop(b: _Build17) -> None:
    """A record shop: paint (dark for 40 %), a wall of gig posters for half, boards, lino
    or a chequered floor, a shop front; records face out along a side wall over a run of
    cabinets, browser bins down the middle and along the other wall (the bins the kind's,
    the records in them the shop's own), a listening post (the kind's), a counter with a
    turntable (the kind's) and a till, a sign, posters, a door."""
    r, m = b.fix, _mass_produced(b)
    bin_, post, deck = _browser_bin(m), _listening_post(m), _turntable(m)
    b.paint_walls(
        _c(r, 20, 90) if r.random() < 0.4 else _between(r, (200, 200, 195), (250, 248, 240))
    )
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    if r.random() < 0.5:
        tw, th, _res = b.texels(other)
        b.fill(other, _gig_posters(r, tw, th))
    _skirting(b, _c(r, 20, 120), 0.1)
    u = r.random()
    if u < 0.4:
        b.floor(_planks)
    elif u < 0.7:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        a, c2 = _c(r, 20, 250), _c(r, 20, 250)
        b.floor(lambda g, w, h, res: _chequer(g, w, h, res, a, c2, 0.3))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    wall = b.wall(side)
    along = 1.0
    while along + 1.2 < wall.length - 0.8:
        _hang(wall, _sleeve_wall(r, wall.px(1.2), wall.px(1.1)), along, 2.1)
        along += 1.25
    fl = _Floor(b.w, b.d, 1.4)
    length = b.d - 2.0
    sx = _side_x(b, side, 0.45)
    b.boxes.append(
        Box(
            sx,
            1.0 + length / 2,
            0.45,
            length,
            0.9,
            0.0,
            _faces(
                {
                    "front": _cabinet(r, max(2, int(length / 0.6)), 1, _c(r, 30, 200)),
                    "top": _crate_tops(r, 96, 16),
                },
                _inward(side),
            ),
        )
    )
    fl.take(sx, 1.0 + length / 2, 0.6, length)
    rows = 1 if b.w < 6.5 else 2
    z = float(r.uniform(2.0, 2.8))
    count = 0
    while z + 1.2 < b.d - 1.6 and count < 6:
        for k in range(rows):
            x = (k - (rows - 1) / 2) * 1.6 + float(r.uniform(-0.2, 0.2))
            if not fl.fits(x, z + 0.35, 1.3, 0.8):
                continue
            fl.take(x, z + 0.35, 1.5, 1.0)
            _model(b, Box(x, z + 0.35, 1.2, 0.7, 0.75, 0.0, bin_))
            b.boxes.append(
                Box(
                    x,
                    z + 0.35,
                    1.1,
                    0.6,
                    0.12,
                    0.75,
                    {"front": _crate_tops(r, 48, 8), "top": _crate_tops(r, 48, 32)},
                )
            )
            count += 1
        z += 1.6
    spot = fl.against(r, 0.35, 0.3, (other,))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, 0.35, 0.3, 1.4, 0.0, _faces(post, facing)))
    spot = fl.against(r, float(r.uniform(1.6, 2.2)), 0.6, ("back",))
    if spot:
        x, z, cw, _cd, facing = spot
        _box(
            b,
            spot,
            1.0,
            {
                "front": _grained(r, 64, 32, _c(r, 20, 200), 3.0),
                "top": _grained(r, 32, 16, _c(r, 60, 200), 3.0),
            },
        )
        _model(b, Box(x - cw / 4, z, 0.45, 0.35, 0.12, 1.0, _faces(deck, "front")))
        b.boxes.append(Box(x + cw / 4, z, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), "front")))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(back, int(r.integers(1, 3)))
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# clock repairer


def _dial(rng: Rng, s: int, rim: Colour, face: Colour, roman: bool) -> U8:
    """A clock's face ``s`` texels across on a square of wall: a rim, twelve marks (or
    numerals), two hands at a time of its own."""
    img = np.zeros((s, s, 3), np.uint8)
    c = s // 2
    cv2.circle(img, (c, c), c - 1, rim, -1)
    cv2.circle(img, (c, c), max(2, c - max(2, s // 10)), face, -1)
    ink = (20, 20, 22) if sum(face) > 300 else (240, 240, 235)
    for k in range(12):
        a = 2 * np.pi * k / 12
        r0 = c - max(3, s // 6)
        p = (int(c + r0 * np.cos(a)), int(c + r0 * np.sin(a)))
        if roman and s >= 24:
            cv2.circle(img, p, max(1, s // 30), ink, -1)
        else:
            q = (int(c + (r0 + 2) * np.cos(a)), int(c + (r0 + 2) * np.sin(a)))
            cv2.line(img, p, q, ink, 1)
    for length, width in ((0.45, 2), (0.7, 1)):
        a = float(rng.uniform(0, 2 * np.pi))
        end = (int(c + length * c * np.cos(a)), int(c + length * c * np.sin(a)))
        cv2.line(img, (c, c), end, ink, width)
    return img


def _wall_clock(rng: Rng, s: int, wall_colour: Colour) -> U8:
    """One clock on the wall: round (a rim in wood, brass, black or a colour), square in a
    wooden case, or a box clock with a pendulum window below the dial."""
    u = rng.random()
    rim = _pick(rng, [_wood_tone(rng), (190, 160, 70), (30, 30, 32), _c(rng, 40, 230)])
    face = _pick(rng, [(245, 242, 230), (240, 240, 240), (30, 30, 34), (230, 215, 180)])
    if u < 0.6:
        img = _grained(rng, s, s, wall_colour, 2.0)
        dial = _dial(rng, s, rim, face, rng.random() < 0.4)
        mask = dial.any(axis=2)
        img[mask] = dial[mask]
        return img
    if u < 0.8:
        img = _grained(rng, s, s, _wood_tone(rng), 4.0)
        _paste(img, _dial(rng, s - 4, rim, face, True), 2, 2)
        return img
    img = _wood(rng, s, 2 * s, _wood_tone(rng), max(2, s // 3), along_x=False)
    _paste(img, _dial(rng, s - 4, (190, 160, 70), face, True), 2, 2)
    cv2.rectangle(img, (s // 4, s + 2), (3 * s // 4, 2 * s - 3), (40, 35, 30), -1)
    px = s // 2 + int(rng.integers(-s // 8, s // 8 + 1))
    cv2.line(img, (s // 2, s + 2), (px, 2 * s - 8), (190, 160, 70), 1)
    cv2.circle(img, (px, 2 * s - 8), max(2, s // 8), (200, 170, 80), -1)
    return img


def _watch_bench(m: Rng) -> dict[str, U8]:
    """A watchmaker's bench: a high desk with a bank of small drawers each side of the
    knee hole, brass pulls, a pale top with a green mat."""
    body = _pick(m, [_wood_tone(m), (225, 225, 220), (70, 90, 80)])
    front = _grained(m, 64, 48, body, 3.0)
    cv2.rectangle(front, (22, 20), (41, 47), (25, 22, 20), -1)
    for x0 in (1, 43):
        for y in range(3, 46, 6):
            cv2.rectangle(front, (x0, y), (x0 + 19, y + 4), _shade(body, 0.85), 1)
            cv2.circle(front, (x0 + 10, y + 2), 1, (200, 170, 80), -1)
    top = _grained(m, 64, 32, _lighter(body, 1.1), 3.0)
    cv2.rectangle(top, (10, 4), (54, 26), _between(m, (40, 100, 60), (70, 140, 90)), -1)
    return {"front": front, "side": _grained(m, 32, 48, body, 3.0), "top": top}


def _bench_lamp(m: Rng) -> dict[str, U8]:
    """The bench's lamp head: a shade in the maker's colour, a bright ring below."""
    colour = _c(m, 20, 230)
    side = _grained(m, 16, 8, colour, 2.0)
    top = _grained(m, 16, 16, colour, 2.0)
    cv2.circle(top, (8, 8), 5, (255, 250, 230), -1)
    return {"front": side, "side": side, "top": top}


def _parts_cabinet(m: Rng) -> dict[str, U8]:
    """A parts cabinet: a grid of 6 x 12 tiny drawers with label frames."""
    body = _pick(m, [(120, 125, 130), _wood_tone(m), (30, 60, 90)])
    front = _grained(m, 32, 64, body, 2.0)
    for y in range(1, 63, 5):
        for x in range(1, 31, 5):
            cv2.rectangle(front, (x, y), (x + 4, y + 4), _shade(body, 0.75), 1)
            front[y + 1, x + 1 : x + 4] = (235, 232, 220)
    return {
        "front": front,
        "side": _grained(m, 16, 64, body, 2.0),
        "top": _grained(m, 16, 16, body, 2.0),
    }


def _cleaner_tank(m: Rng) -> dict[str, U8]:
    """An ultrasonic cleaner: a steel box, a dial and a switch, a basket in the tank."""
    front = _steel(m, 24, 16, 180)
    cv2.circle(front, (7, 8), 3, (40, 40, 42), -1)
    cv2.rectangle(front, (15, 6), (19, 10), _c(m, 100, 250), -1)
    top = _steel(m, 24, 16, 170)
    cv2.rectangle(top, (3, 3), (20, 12), (150, 175, 185), -1)
    for x in range(4, 20, 3):
        cv2.line(top, (x, 3), (x, 12), (110, 120, 125), 1)
    return {"front": front, "side": _steel(m, 16, 16, 175), "top": top}


def _watch_tray(rng: Rng, w: int, h: int) -> U8:
    """A glass counter's top: watches on a velvet tray (round and square faces, straps),
    price tags."""
    img = _grained(rng, w, h, _pick(rng, [(30, 30, 60), (80, 20, 30), (30, 30, 32)]), 4.0)
    for y in range(4, h - 6, 10):
        for x in range(4, w - 6, 9):
            if rng.random() < 0.2:
                continue
            strap = _pick(rng, [(60, 40, 25), (20, 20, 20), (190, 190, 195), (200, 170, 80)])
            cv2.rectangle(img, (x + 2, y - 3), (x + 4, y + 7), strap, -1)
            case = _pick(rng, [(200, 200, 205), (200, 170, 80)])
            if rng.random() < 0.6:
                cv2.circle(img, (x + 3, y + 2), 3, case, -1)
                cv2.circle(img, (x + 3, y + 2), 2, _c(rng, 150, 256), -1)
            else:
                cv2.rectangle(img, (x, y - 1), (x + 6, y + 5), case, -1)
    return img


def _build_clock_repairer(b: _Build17) -> None:
    """A clock and watch repairer's: paint or wood panelling, boards or a carpet; clocks of
    every kind on the walls, one to three longcase clocks, a glass counter of watches at
    the front, the watchmaker's benches with their lamps, a parts cabinet and an
    ultrasonic cleaner on a side table (the benches, lamps, cabinet and cleaner the
    kind's), shelves, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    bench, lamp, cabinet, tank = (
        _watch_bench(m),
        _bench_lamp(m),
        _parts_cabinet(m),
        _cleaner_tank(m),
    )
    wall_colour = (
        _between(r, (200, 190, 170), (245, 240, 228)) if r.random() < 0.6 else _c(r, 40, 180)
    )
    if r.random() < 0.4:
        tone = _wood_tone(r)
        wall_colour = tone
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, tone, max(3, round(0.25 * res)), along_x=False))
    else:
        b.paint_walls(wall_colour)
    _skirting(b, _wood_tone(r), 0.15)
    b.floor(
        _planks
        if r.random() < 0.6
        else (lambda g, w, h, res: _grained(g, w, h, _c(g, 30, 140), 8.0))
    )
    b.ceiling(_plain_ceiling)
    _shop_front(b)
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        for _ in range(int(r.integers(4, 9))):
            size = float(r.uniform(0.2, 0.45))
            clock = _wall_clock(r, wall.px(size), wall_colour)
            top = float(r.uniform(1.6, min(b.h - 0.15, 2.6)))
            along = _wall_spot(
                wall, r, clock.shape[1] / wall.px(1.0), top - clock.shape[0] / wall.px(1.0), top
            )
            if along is not None:
                _hang(wall, clock, along, top, claim=False)
    fl = _Floor(b.w, b.d, 1.2)
    cw = min(b.w - 1.4, float(r.uniform(1.4, 2.2)))
    cz = float(r.uniform(1.4, 2.0))
    cx = float(r.uniform(-0.3, 0.3)) * (b.w - cw - 1.0)
    glass = _grained(r, 48, 24, (205, 215, 220), 3.0)
    b.boxes.append(
        Box(
            cx,
            cz,
            cw,
            0.55,
            0.95,
            0.0,
            {
                "front": glass,
                "back": glass,
                "left": glass,
                "right": glass,
                "top": _watch_tray(r, 96, 32),
            },
        )
    )
    b.tops.append((cx, cz, cw * 0.7, 0.3, 0.95))
    fl.take(cx, cz, cw + 0.4, 1.2)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.2, 0.6, ("back", "left", "right"))
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.0, 0.0, _faces(bench, facing)))
        _model(b, Box(x, z, 0.18, 0.18, 0.1, 1.45, _faces(lamp, facing)))
        b.boxes.append(Box(x, z, 0.02, 0.02, 0.45, 1.0, _all_faces(_steel(r, 4, 16, 160))))
        b.boxes.append(Box(x + 0.25, z, 0.3, 0.2, 0.02, 1.0, _all_faces(_watch_tray(r, 24, 16))))
        b.tops.append((x, z, 0.8, 0.3, 1.0))
    spot = fl.against(r, 0.6, 0.35, ("back", "left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.2, 0.0, _faces(cabinet, facing)))
    spot = fl.against(r, 0.8, 0.5, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.8)
        _model(b, Box(x, z, 0.3, 0.2, 0.22, 0.8, _faces(tank, facing)))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.5, 0.3, ("left", "right", "back"))
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        case = _wood(r, 16, 64, _wood_tone(r), 4, along_x=False)
        _paste(case, _dial(r, 14, (190, 160, 70), (245, 242, 230), True), 1, 4)
        cv2.rectangle(case, (4, 24), (11, 52), (40, 35, 30), -1)
        cv2.circle(case, (8, 48), 2, (200, 170, 80), -1)
        b.boxes.append(
            Box(
                x,
                z,
                _w,
                _d,
                1.9,
                0.0,
                _faces(
                    {"front": case, "side": _wood(r, 16, 64, _wood_tone(r), 4, along_x=False)},
                    facing,
                ),
            )
        )
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 200))


# tailor's workroom


def _machine_table(m: Rng) -> tuple[dict[str, U8], dict[str, U8]]:
    """An industrial sewing machine and its table: a laminate top with a motor box under
    it and a treadle bar; the machine's head in the maker's enamel with a wheel, a thread
    stand's cones and the maker's word."""
    lam = _pick(m, [(235, 230, 215), (200, 200, 196), _wood_tone(m)])
    front = _grained(m, 48, 32, (60, 60, 64), 2.0)
    front[:4] = lam
    cv2.rectangle(front, (30, 6), (44, 16), (40, 42, 46), -1)
    cv2.line(front, (6, 28), (40, 28), (90, 90, 94), 2)
    table = {"front": front, "side": front, "top": _grained(m, 48, 24, lam, 2.0)}
    enamel = _pick(m, [(30, 32, 36), (235, 235, 230), (60, 110, 90), (90, 80, 70)])
    head = _grained(m, 32, 24, enamel, 2.0)
    cv2.rectangle(head, (2, 4), (24, 9), _shade(enamel, 0.8), -1)
    cv2.rectangle(head, (20, 9), (24, 22), _shade(enamel, 0.8), -1)
    cv2.circle(head, (5, 14), 5, (40, 40, 42), 2)
    _text(head, m, _word(m, (1, 2)).upper(), 6, 8, 4, _lighter(enamel, 1.8))
    cv2.line(head, (22, 22), (22, 23), (200, 200, 205), 1)
    cone = _grained(m, 16, 16, _c(m, 30, 250), 4.0)
    return table, {"front": head, "side": _grained(m, 24, 24, enamel, 2.0), "top": cone}


def _ironing_station(m: Rng) -> dict[str, U8]:
    """A vacuum ironing table: a padded board on a white or grey cabinet, a steam
    generator below with a gauge, the iron's rest."""
    body = _pick(m, [(235, 235, 232), (150, 155, 160)])
    front = _grained(m, 48, 32, body, 2.0)
    cv2.rectangle(front, (4, 12), (20, 28), _shade(body, 0.8), -1)
    cv2.circle(front, (12, 18), 3, (250, 250, 250), -1)
    cv2.circle(front, (12, 18), 1, (20, 20, 20), -1)
    front[:4] = _pick(m, [(200, 200, 200), (160, 200, 220), (220, 200, 160)])
    top = _grained(m, 48, 16, (225, 228, 225), 4.0)
    cv2.ellipse(top, (48, 8), (14, 7), 0, 90, 270, (205, 205, 200), -1)
    cv2.rectangle(top, (4, 4), (12, 11), (60, 60, 64), -1)
    return {"front": front, "side": _grained(m, 16, 32, body, 2.0), "top": top}


def _cone_rack(m: Rng) -> dict[str, U8]:
    """A rack of thread cones on pins: rows of cones in the maker's range of colours."""
    img = _grained(m, 48, 32, (220, 215, 200), 2.0)
    for y in range(6, 32, 9):
        for x in range(3, 46, 5):
            col = _c(m, 20, 250)
            pts = np.array([[x, y + 6], [x + 3, y + 6], [x + 2, y], [x + 1, y]], np.int32)
            cv2.fillPoly(img, [pts], col)
        cv2.line(img, (0, y + 7), (47, y + 7), (120, 110, 90), 1)
    return {
        "front": img,
        "side": _grained(m, 8, 32, (200, 195, 180), 2.0),
        "top": _grained(m, 8, 8, (200, 195, 180), 2.0),
    }


def _cutting_top(rng: Rng, w: int, h: int) -> U8:
    """A cutting table's top: brown paper, a length of cloth with chalk lines, pattern
    pieces, shears' outline, a tape measure."""
    img = _grained(rng, w, h, _between(rng, (190, 160, 120), (220, 195, 160)), 3.0)
    cloth = _fabric(rng, w * 2 // 3, h * 3 // 4)
    _paste(img, cloth, w // 8, h // 8)
    for _ in range(int(rng.integers(2, 5))):
        x0, y0 = int(rng.integers(w // 8, w // 2)), int(rng.integers(h // 8, h // 2))
        pts = np.array(
            [[x0, y0], [x0 + w // 6, y0], [x0 + w // 5, y0 + h // 3], [x0 - 2, y0 + h // 3]],
            np.int32,
        )
        cv2.polylines(img, [pts], True, (245, 245, 240), 1)
    cv2.line(img, (2, h - 3), (w - 3, h - 3), (240, 210, 60), 2)
    return img


def _garments(rng: Rng, w: int, h: int) -> U8:
    """Half-made suits and dresses on a rail: tacked in white thread, each its cloth."""
    img = _grained(rng, w, h, (45, 45, 48), 2.0)
    x = 1
    while x < w - 4:
        gw = int(rng.integers(4, 8))
        cloth = _pick(rng, [(30, 35, 50), (60, 60, 62), (110, 90, 70), _c(rng, 30, 220)])
        length = int(h * float(rng.uniform(0.6, 0.95)))
        cv2.rectangle(img, (x, 3), (x + gw, length), cloth, -1)
        cv2.line(img, (x + gw // 2, 4), (x + gw // 2, length - 2), (235, 235, 230), 1)
        cv2.line(img, (x + gw // 2, 0), (x + gw // 2, 3), (170, 170, 175), 1)
        x += gw + 1
    return img


def _bolts(rng: Rng, w: int, h: int) -> U8:
    """Shelves of cloth on bolts, end on: rows of rounded ends in many cloths."""
    img = _grained(rng, w, h, _wood_tone(rng), 3.0)
    step = max(6, h // 5)
    for y in range(2, h - step + 1, step):
        x = 1
        while x < w - step:
            cv2.ellipse(
                img,
                (x + step // 2, y + step // 2),
                (step // 2 - 1, step // 2 - 1),
                0,
                0,
                360,
                _c(rng, 20, 240),
                -1,
            )
            x += step
        cv2.line(img, (0, y + step - 1), (w, y + step - 1), (60, 45, 30), 1)
    return img


def _build_tailors(b: _Build17) -> None:
    """A tailor's workroom: pale paint, boards or lino, a window or two along one side; a
    big cutting table with cloth and chalked patterns, two to four sewing machines on
    their tables, an ironing station and a rack of thread cones (the machines, the
    station and the rack the kind's), rails of half-made suits, shelves of cloth on bolts,
    paper patterns on hooks, a mirror, a door."""
    r, m = b.fix, _mass_produced(b)
    table, head = _machine_table(m)
    station, cones = _ironing_station(m), _cone_rack(m)
    b.paint_walls(_between(r, (215, 210, 200), (250, 248, 242)))
    _skirting(b, _c(r, 30, 160), 0.1)
    b.floor(_planks if r.random() < 0.55 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_plain_ceiling if r.random() < 0.6 else _tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    wall = b.wall(side)
    for k in range(int(r.integers(1, 3))):
        along = 1.0 + k * float(r.uniform(2.2, 3.0))
        if along + 1.2 < wall.length - 0.3:
            _window(wall, r, _outside(r, 64, 64), along, 0.9, 1.2, 1.4, _c(r, 150, 256))
    fl = _Floor(b.w, b.d, 1.3)
    spot = fl.middle(r, float(r.uniform(1.8, 2.4)), 1.0)
    if spot:
        _box(
            b,
            spot,
            0.9,
            {"front": _wood(r, 64, 32, _wood_tone(r), 8), "top": _cutting_top(r, 96, 48)},
        )
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 1.2, 0.6, (side, "back"))
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.75, 0.0, _faces(table, facing)))
        _model(
            b,
            Box(
                x,
                z,
                0.45 if facing in ("front", "back") else 0.2,
                0.2 if facing in ("front", "back") else 0.45,
                0.35,
                0.75,
                _faces(head, facing),
            ),
        )
        b.tops.append((x, z, _w * 0.6, _d * 0.5, 0.75))
    spot = fl.against(r, 1.3, 0.45, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.85, 0.0, _faces(station, facing)))
    wall = b.wall(other)
    rack_at = _wall_spot(wall, r, 0.8, 0.9, 1.5)
    if rack_at is not None:
        x, z = _on_wall(b, other, rack_at, 0.8, 0.1)
        _model(
            b,
            Box(
                x,
                z,
                0.8 if other in ("back", "front") else 0.1,
                0.1 if other in ("back", "front") else 0.8,
                0.6,
                0.9,
                _faces(cones, _inward(other)),
            ),
        )
    spot = fl.against(r, float(r.uniform(1.6, 2.6)), 0.55, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        rail_faces = _faces({"front": _garments(r, 96, 48), "top": _garments(r, 32, 16)}, facing)
        b.boxes.append(Box(x, z, _w, _d, 1.2, 0.5, rail_faces))
        b.boxes.append(Box(x, z, _w, 0.04, 0.04, 1.72, _all_faces(_steel(r, 16, 4, 175))))
    back = b.wall("back")
    back.put(_bolts(r, back.px(float(r.uniform(1.2, 2.0))), back.px(1.4)), 2.2, 2.3)
    patterns = _grained(r, wall.px(1.2), wall.px(0.9), (235, 225, 200), 3.0)
    for x in range(2, patterns.shape[1] - 8, 9):
        cv2.rectangle(
            patterns,
            (x, 4),
            (x + 7, patterns.shape[0] - int(r.integers(2, 20))),
            _between(r, (200, 180, 140), (250, 240, 220)),
            -1,
        )
        cv2.line(patterns, (x + 3, 0), (x + 3, 4), (40, 40, 40), 1)
    wall.put(patterns, 2.1, 2.3)
    mirror = _grained(
        r, back.px(0.5), back.px(1.6), _between(r, (170, 185, 192), (200, 210, 215)), 5.0
    )
    cv2.line(
        mirror,
        (0, mirror.shape[0] // 2),
        (mirror.shape[1] - 1, mirror.shape[0] // 3),
        (225, 232, 236),
        2,
    )
    back.put(mirror, 1.9, 2.0)
    _poster(back, 1)
    _small_things(back, ("socket", "clock"))
    _door(b.wall("front"), r, _c(r, 40, 220), along=0.3)


# bookbindery


def _nipping_press(m: Rng) -> dict[str, U8]:
    """A cast-iron nipping press: a frame in the maker's green, black or red with gilt
    lines, a platen, a screw and a bar."""
    iron = _pick(m, [(40, 70, 50), (25, 25, 28), (110, 30, 30)])
    front = _grained(m, 32, 32, (200, 200, 200), 2.0)
    front[:] = _lighter(iron, 1.0)
    cv2.rectangle(front, (6, 10), (25, 25), (60, 55, 50), -1)
    cv2.rectangle(front, (4, 24), (27, 27), _shade(iron, 0.7), -1)
    cv2.line(front, (16, 0), (16, 10), (160, 160, 165), 2)
    cv2.line(front, (4, 3), (27, 3), (180, 180, 185), 1)
    cv2.rectangle(front, (2, 2), (29, 29), (190, 160, 70), 1)
    return {
        "front": front,
        "side": _grained(m, 24, 32, iron, 2.0),
        "top": _grained(m, 24, 24, iron, 2.0),
    }


def _standing_press(m: Rng) -> dict[str, U8]:
    """A standing press: a tall iron frame on a wooden base, a big screw and wheel, the
    bed between two boards."""
    iron = _pick(m, [(30, 30, 32), (45, 60, 75), (70, 40, 30)])
    front = _grained(m, 32, 72, iron, 2.0)
    cv2.rectangle(front, (5, 24), (26, 60), (70, 60, 50), -1)
    cv2.rectangle(front, (6, 30), (25, 54), _wood_tone(m), -1)
    cv2.line(front, (16, 2), (16, 24), (150, 150, 155), 3)
    cv2.ellipse(front, (16, 6), (10, 3), 0, 0, 360, (120, 120, 125), 1)
    front[62:] = _wood_tone(m)
    return {
        "front": front,
        "side": _grained(m, 24, 72, iron, 2.0),
        "top": _grained(m, 24, 24, iron, 2.0),
    }


def _board_chopper(m: Rng) -> dict[str, U8]:
    """A board chopper (a guillotine for boards): a grey or green stand, the bed with a
    rule, the long blade arm raised, a counterweight."""
    body = _pick(m, [(120, 125, 128), (60, 90, 70), (200, 190, 160)])
    front = _grained(m, 48, 40, body, 2.0)
    front[:8] = _steel(m, 48, 8, 170)
    cv2.line(front, (2, 2), (45, 0), (40, 40, 40), 2)
    cv2.rectangle(front, (6, 14), (41, 38), _shade(body, 0.8), 1)
    top = _steel(m, 48, 24, 175)
    for x in range(2, 46, 4):
        cv2.line(top, (x, 20), (x, 23), (30, 30, 30), 1)
    return {"front": front, "side": _grained(m, 24, 40, body, 2.0), "top": top}


def _bench_top(rng: Rng, w: int, h: int) -> U8:
    """A binder's bench: scarred board, stacks of folded sections, a book block in a
    finishing press, paper offcuts, a pot of glue and a brush."""
    img = _wood(rng, w, h, _wood_tone(rng), max(3, h // 4))
    for _ in range(int(rng.integers(3, 8))):
        x, y = int(rng.integers(0, w - 10)), int(rng.integers(0, h - 8))
        cv2.rectangle(
            img,
            (x, y),
            (x + int(rng.integers(6, 14)), y + int(rng.integers(4, 9))),
            _between(rng, (225, 220, 200), (250, 248, 240)),
            -1,
        )
    cv2.circle(
        img, (int(rng.integers(4, w - 4)), int(rng.integers(4, h - 4))), 3, (200, 195, 180), -1
    )
    return img


def _bound_books(rng: Rng, w: int, h: int) -> U8:
    """Shelves of bound books: spines in leather and cloth, gilt bands, a few lying
    flat."""
    img = _grained(rng, w, h, _wood_tone(rng), 3.0)
    rows = max(2, h // 16)
    rh = h // rows
    for k in range(rows):
        y1 = (k + 1) * rh - 2
        x = 1
        while x < w - 3:
            bw = int(rng.integers(2, 5))
            bh = int(rh * float(rng.uniform(0.6, 0.95)))
            col = _pick(
                rng, [(110, 40, 30), (40, 60, 90), (40, 70, 45), (120, 90, 50), _c(rng, 20, 160)]
            )
            cv2.rectangle(img, (x, y1 - bh), (x + bw, y1), col, -1)
            if bh > 6:
                cv2.line(img, (x, y1 - bh + 2), (x + bw, y1 - bh + 2), (200, 170, 70), 1)
            x += bw + 1
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 1), (60, 45, 30), -1)
    return img


def _finishing_tools(rng: Rng, w: int, h: int) -> U8:
    """A rack of brass finishing tools in rows on a board: wooden handles, brass heads."""
    img = _grained(rng, w, h, _wood_tone(rng), 3.0)
    for y in range(3, h - 10, 12):
        cv2.line(img, (0, y + 10), (w, y + 10), (60, 45, 30), 1)
        for x in range(3, w - 3, 4):
            if rng.random() < 0.2:
                continue
            cv2.line(img, (x, y), (x, y + 6), _wood_tone(rng), 2)
            cv2.rectangle(img, (x - 1, y + 6), (x + 1, y + 9), (190, 160, 70), -1)
    return img


def _build_bookbindery(b: _Build17) -> None:
    """A bookbinder's workshop: brick or paint, boards or a painted floor, rafters or a
    plain ceiling, windows along one side; benches with sections, book blocks and glue,
    nipping presses on them, a standing press and a board chopper (the presses and the
    chopper the kind's), shelves of bound books, a rack of finishing tools, a plan chest
    of paper, a door."""
    r, m = b.fix, _mass_produced(b)
    nip, stand, chop = _nipping_press(m), _standing_press(m), _board_chopper(m)
    if r.random() < 0.45:
        tone = _between(r, (140, 70, 50), (200, 140, 110))
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _bricks(r, tw, th, tone))
    else:
        b.paint_walls(_between(r, (210, 205, 190), (248, 245, 236)))
    b.floor(
        _planks
        if r.random() < 0.6
        else (lambda g, w, h, res: _grained(g, w, h, _c(g, 60, 160), 5.0))
    )
    b.ceiling(_rafters if r.random() < 0.5 else _plain_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    wall = b.wall(side)
    along = 1.2
    while along + 1.3 < wall.length - 0.5:
        _window(wall, r, _outside(r, 64, 64), along, 1.0, 1.3, 1.5, _c(r, 30, 220))
        along += float(r.uniform(2.2, 3.2))
    fl = _Floor(b.w, b.d, 1.3)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, float(r.uniform(1.8, 2.6)), 0.8, (side, "back")) or fl.middle(
            r, 2.2, 0.9
        )
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        _box(
            b, spot, 0.9, {"front": _cabinet(r, 3, 2, _wood_tone(r)), "top": _bench_top(r, 96, 32)}
        )
        if r.random() < 0.8:
            _model(
                b,
                Box(
                    x + float(r.uniform(-0.3, 0.3)) * _w,
                    z,
                    0.35,
                    0.3,
                    0.42,
                    0.9,
                    _faces(nip, facing),
                ),
            )
    spot = fl.against(r, 0.8, 0.5, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.8, 0.0, _faces(stand, facing)))
    spot = fl.middle(r, 1.0, 0.7) or fl.against(r, 1.0, 0.7, (other,))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, 1.0, 0.7, 1.05, 0.0, _faces(chop, facing)))
    spot = fl.against(r, 1.2, 0.9, (other, "back"))
    if spot:
        _box(
            b,
            spot,
            0.85,
            {
                "front": _cabinet(r, 2, 5, _pick(r, [(60, 70, 80), _wood_tone(r)])),
                "top": _grained(r, 32, 24, _between(r, (225, 220, 200), (250, 248, 240)), 3.0),
            },
        )
    wall = b.wall(other)
    wall.put(_bound_books(r, wall.px(float(r.uniform(1.5, 2.5))), wall.px(1.6)), 2.2, 2.4)
    back = b.wall("back")
    back.put(_finishing_tools(r, back.px(float(r.uniform(1.0, 1.6))), back.px(0.7)), 1.9, 2.1)
    _poster(back, 1)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 200))


# escape room


def _lock_chest(m: Rng) -> dict[str, U8]:
    """The escape-room supplier's chest: planks banded in black iron, a hasp with a
    combination padlock (four brass wheels)."""
    wood = _wood_tone(m)
    front = _wood(m, 40, 24, wood, 6)
    for x in (3, 35):
        cv2.rectangle(front, (x, 0), (x + 2, 23), (30, 30, 30), -1)
    cv2.rectangle(front, (16, 6), (23, 16), (190, 160, 70), -1)
    for k in range(4):
        cv2.rectangle(front, (17, 8 + 2 * k), (22, 8 + 2 * k), (120, 100, 50), -1)
    top = _wood(m, 40, 24, _shade(wood, 0.9), 6)
    cv2.rectangle(top, (3, 0), (5, 23), (30, 30, 30), -1)
    cv2.rectangle(top, (35, 0), (37, 23), (30, 30, 30), -1)
    return {"front": front, "side": _wood(m, 24, 24, wood, 6), "top": top}


def _keypad_safe(m: Rng) -> dict[str, U8]:
    """A wall safe: a grey or black steel door with a keypad, a little screen and a
    handle."""
    body = _pick(m, [(60, 62, 66), (30, 30, 32), (150, 150, 140)])
    front = _grained(m, 32, 32, body, 2.0)
    cv2.rectangle(front, (2, 2), (29, 29), _shade(body, 0.7), 1)
    cv2.rectangle(front, (6, 6), (16, 10), (30, 60, 40), -1)
    for y in range(13, 26, 4):
        for x in range(6, 17, 4):
            cv2.rectangle(front, (x, y), (x + 2, y + 2), (200, 200, 205), -1)
    cv2.line(front, (23, 10), (23, 22), (200, 200, 205), 2)
    return {
        "front": front,
        "side": _grained(m, 16, 32, body, 2.0),
        "top": _grained(m, 16, 16, body, 2.0),
    }


def _countdown(m: Rng) -> dict[str, U8]:
    """The countdown clock every room of the maker has: a black box, red seven-segment
    digits, a little logo."""
    front = _grained(m, 48, 16, (12, 12, 14), 1.0)
    _text(
        front,
        m,
        f"{int(m.integers(30, 60))}:{int(m.integers(0, 60)):02d}",
        4,
        13,
        11,
        (255, 40, 30),
    )
    cv2.circle(front, (44, 3), 1, _c(m, 60, 250), -1)
    edge = _grained(m, 8, 16, (20, 20, 22), 1.0)
    return {"front": front, "side": edge, "top": edge}


def _symbols(rng: Rng, w: int, h: int) -> U8:
    """A puzzle board: a grid of painted symbols (circles, triangles, stars, numbers) in
    colours, some crossed out."""
    img = _grained(rng, w, h, _c(rng, 20, 120), 4.0)
    cell = max(6, min(w, h) // 4)
    for y in range(2, h - cell, cell):
        for x in range(2, w - cell, cell):
            col = _c(rng, 120, 256)
            c = (x + cell // 2, y + cell // 2)
            u = int(rng.integers(0, 4))
            if u == 0:
                cv2.circle(img, c, cell // 3, col, 1)
            elif u == 1:
                pts = np.array(
                    [[c[0], y + 1], [x + cell - 2, y + cell - 2], [x + 1, y + cell - 2]], np.int32
                )
                cv2.polylines(img, [pts], True, col, 1)
            elif u == 2:
                _text(img, rng, str(int(rng.integers(0, 10))), x + 1, y + cell - 2, cell - 2, col)
            else:
                cv2.rectangle(img, (x + 2, y + 2), (x + cell - 3, y + cell - 3), col, -1)
    return img


def _old_map(rng: Rng, w: int, h: int) -> U8:
    """A treasure map on parchment: a coastline, dotted paths, a compass rose, an X."""
    img = _grained(rng, w, h, _between(rng, (200, 175, 120), (235, 215, 170)), 6.0)
    pts = np.cumsum(rng.integers(-4, 5, (40, 2)), axis=0) + np.array([w // 2, h // 2])
    cv2.polylines(img, [np.clip(pts, 2, [w - 3, h - 3]).astype(np.int32)], True, (90, 60, 30), 1)
    for _ in range(int(rng.integers(4, 12))):
        x, y = int(rng.integers(2, w - 2)), int(rng.integers(2, h - 2))
        cv2.circle(img, (x, y), 1, (120, 50, 30), -1)
    cx, cy = int(rng.integers(6, max(7, w - 6))), int(rng.integers(6, max(7, h - 6)))
    cv2.line(img, (cx - 3, cy - 3), (cx + 3, cy + 3), (170, 30, 30), 2)
    cv2.line(img, (cx - 3, cy + 3), (cx + 3, cy - 3), (170, 30, 30), 2)
    return img


def _buttons(rng: Rng, w: int, h: int) -> U8:
    """A control panel: coloured push buttons, toggles, a dial and a row of lamps."""
    img = _steel(rng, w, h, int(rng.integers(80, 180)))
    for _ in range(int(rng.integers(5, 12))):
        x, y = int(rng.integers(4, w - 4)), int(rng.integers(4, h - 4))
        if rng.random() < 0.6:
            cv2.circle(img, (x, y), max(2, h // 10), _c(rng, 40, 256), -1)
        else:
            cv2.rectangle(img, (x - 1, y - 3), (x + 1, y + 3), (30, 30, 30), -1)
    return img


def _build_escape_room(b: _Build17) -> None:
    """An escape room, in one of four themes drawn from the place's own generator (a
    study, a laboratory, a ship's cabin, a bunker): its walls, floor and furniture, puzzle
    boards, a map, a control panel, a locked door with a keypad; the chest with its
    padlock, the wall safe and the countdown clock (the kind's: one supplier's props in
    every room), a camera in a corner."""
    r, m = b.fix, _mass_produced(b)
    chest, safe, clock = _lock_chest(m), _keypad_safe(m), _countdown(m)
    theme = int(r.integers(0, 4))
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if theme == 0:
            b.fill(name, _wood(r, tw, th, _wood_tone(r), max(3, round(0.2 * res)), along_x=False))
        elif theme == 1:
            b.fill(
                name,
                _tiles(
                    r,
                    tw,
                    th,
                    max(3, round(0.15 * res)),
                    _between(r, (225, 230, 230), (250, 250, 250)),
                    (170, 175, 175),
                ),
            )
        elif theme == 2:
            b.fill(name, _wood(r, tw, th, _wood_tone(r), max(3, round(0.15 * res))))
        else:
            b.fill(name, _grained(r, tw, th, _between(r, (110, 110, 105), (170, 168, 160)), 9.0))
    if theme == 3:
        for name in ("left", "right"):
            wall = b.wall(name)
            for _k in range(int(r.integers(1, 4))):
                y = wall.y_of(float(r.uniform(1.8, b.h - 0.2)))
                cv2.rectangle(
                    wall.img, (0, y), (wall.img.shape[1], y + wall.px(0.08)), _c(r, 40, 160), -1
                )
    floors = {
        0: lambda g, w, h, res: _grained(g, w, h, _c(g, 40, 120), 8.0),
        1: lambda g, w, h, res: _lino(g, w, h),
        2: _planks,
        3: lambda g, w, h, res: _grained(g, w, h, _c(g, 80, 140), 6.0),
    }
    b.floor(floors[theme])
    b.ceiling(
        _plain_ceiling
        if theme != 3
        else (lambda g, w, h, res: _grained(g, w, h, (90, 90, 88), 5.0))
    )
    fl = _Floor(b.w, b.d, 1.0)
    back = b.wall("back")
    _door(back, r, _pick(r, [(60, 60, 64), _wood_tone(r), (120, 30, 30)]))
    keypad = _grained(r, back.px(0.12), back.px(0.18), (40, 40, 44), 2.0)
    back.put(keypad, 1.45, 1.5)
    spot = fl.against(r, 0.8, 0.5, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.5, 0.0, _faces(chest, facing)))
        b.tops.append((x, z, _w * 0.6, _d * 0.6, 0.5))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    along = _wall_spot(wall, r, 0.45, 1.0, 1.45)
    if along is not None:
        x, z = _on_wall(b, side, along, 0.45, 0.2)
        _model(
            b,
            Box(
                x,
                z,
                0.45 if side in ("back", "front") else 0.2,
                0.2 if side in ("back", "front") else 0.45,
                0.45,
                1.0,
                _faces(safe, _inward(side)),
            ),
        )
    along = _wall_spot(back, r, 0.6, b.h - 0.6, b.h - 0.35)
    if along is not None:
        x, z = _on_wall(b, "back", along, 0.6, 0.08)
        _model(b, Box(x, z, 0.6, 0.08, 0.2, b.h - 0.55, _faces(clock, "front")))
    furniture = {
        0: ("desk", "bookcase", "armchair"),
        1: ("table", "shelf", "stool"),
        2: ("table", "cabinet", "chair"),
        3: ("desk", "locker", "chair"),
    }[theme]
    for name in furniture:
        spot = fl.against(r, 1.0 if name != "stool" else 0.4, 0.5, ("left", "right", "back"))
        if spot:
            _add(
                b.boxes,
                b.tops,
                name,
                _piece(r, name),
                spot,
                {"bookcase": 2.0, "shelf": 1.8, "locker": 1.9, "cabinet": 1.2, "armchair": 0.9}.get(
                    name, 0.75
                ),
            )
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        for make in (_symbols, _old_map, _buttons)[: int(r.integers(1, 4))]:
            wall.put(
                make(r, wall.px(float(r.uniform(0.5, 0.9))), wall.px(float(r.uniform(0.4, 0.7)))),
                1.6,
                2.1,
            )
    cam = _grained(r, 16, 16, (240, 240, 240), 2.0)
    cv2.circle(cam, (8, 8), 3, (20, 20, 20), -1)
    b.boxes.append(Box(-b.w / 2 + 0.1, b.d - 0.1, 0.12, 0.12, 0.1, b.h - 0.2, _all_faces(cam)))


# toy shop


def _brick_set(m: Rng) -> dict[str, U8]:
    """A boxed set of building bricks: the maker's colour and word, a picture of a model
    (coloured blocks), an age badge."""
    colour = _c(m, 30, 230)
    front = _grained(m, 48, 32, colour, 3.0)
    _text(front, m, _word(m, (1, 2)).upper(), 2, 8, 6, (250, 250, 250))
    for _ in range(8):
        x, y = int(m.integers(6, 40)), int(m.integers(12, 26))
        cv2.rectangle(front, (x, y), (x + 6, y + 4), _c(m, 60, 256), -1)
        cv2.circle(front, (x + 2, y), 1, _c(m, 60, 256), -1)
    cv2.circle(front, (42, 6), 4, (250, 250, 250), -1)
    side = _grained(m, 16, 32, colour, 3.0)
    return {
        "front": front,
        "back": front,
        "left": side,
        "right": side,
        "top": _grained(m, 48, 16, colour, 3.0),
    }


def _toy_kitchen(m: Rng) -> dict[str, U8]:
    """A play kitchen: pastel panels, two hob rings, an oven door with a window, knobs, a
    sink, a splashback with a clock."""
    colour = _c(m, 150, 256)
    front = _grained(m, 32, 40, colour, 2.0)
    cv2.rectangle(front, (4, 18), (27, 37), _shade(colour, 0.85), -1)
    cv2.rectangle(front, (8, 22), (23, 31), (60, 60, 70), -1)
    for x in (8, 16, 24):
        cv2.circle(front, (x, 13), 2, _c(m, 40, 250), -1)
    top = _grained(m, 32, 24, _lighter(colour, 1.1), 2.0)
    cv2.circle(top, (8, 8), 5, (40, 40, 40), 1)
    cv2.circle(top, (8, 18), 5, (40, 40, 40), 1)
    cv2.rectangle(top, (18, 5), (28, 19), (190, 200, 210), -1)
    return {"front": front, "side": _grained(m, 24, 40, colour, 2.0), "top": top}


def _train_table(m: Rng) -> dict[str, U8]:
    """A wooden train table's sides and its top: a green board with a figure-of-eight of
    beech track, a bridge, a station, little coloured wagons."""
    wood = _wood_tone(m)
    side = _wood(m, 48, 16, wood, 4)
    top = _grained(m, 64, 40, _between(m, (70, 140, 60), (110, 180, 90)), 6.0)
    cv2.ellipse(top, (20, 20), (14, 12), 0, 0, 360, (215, 185, 135), 3)
    cv2.ellipse(top, (44, 20), (14, 12), 0, 0, 360, (215, 185, 135), 3)
    cv2.rectangle(top, (28, 2), (36, 8), _c(m, 40, 250), -1)
    for k in range(5):
        x = 8 + 9 * k
        cv2.rectangle(top, (x, 30), (x + 5, 34), _c(m, 40, 250), -1)
    cv2.rectangle(top, (0, 0), (63, 39), wood, 2)
    return {"front": side, "side": side, "top": top}


def _toy_shelves(rng: Rng, w: int, h: int) -> U8:
    """Shelves of toys: boxed games, soft toys as round shapes, balls, cars, dolls'
    houses, bright shelf edges."""
    img = _grained(rng, w, h, _between(rng, (220, 220, 215), (250, 250, 248)), 3.0)
    rows = max(3, h // 18)
    rh = h // rows
    edge = _c(rng, 60, 250)
    for k in range(rows):
        y1 = (k + 1) * rh - 2
        x = 2
        while x < w - 8:
            iw = int(rng.integers(5, 12))
            col = _c(rng, 30, 256)
            u = rng.random()
            if u < 0.45:
                ih = int(rh * float(rng.uniform(0.5, 0.9)))
                cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
                cv2.rectangle(
                    img, (x + 1, y1 - ih + 2), (x + iw - 1, y1 - ih // 2), _c(rng, 60, 256), -1
                )
            elif u < 0.7:
                rad = max(2, iw // 2)
                cv2.circle(img, (x + rad, y1 - rad), rad, col, -1)
                cv2.circle(img, (x + rad - rad // 2, y1 - 2 * rad + 1), max(1, rad // 2), col, -1)
                cv2.circle(img, (x + rad + rad // 2, y1 - 2 * rad + 1), max(1, rad // 2), col, -1)
            elif u < 0.85:
                cv2.circle(img, (x + iw // 2, y1 - iw // 2), iw // 2, col, -1)
                cv2.line(img, (x + 1, y1 - iw // 2), (x + iw - 1, y1 - iw // 2), (250, 250, 250), 1)
            else:
                cv2.rectangle(img, (x, y1 - 4), (x + iw, y1 - 1), col, -1)
                cv2.circle(img, (x + 2, y1 - 1), 1, (20, 20, 20), -1)
                cv2.circle(img, (x + iw - 2, y1 - 1), 1, (20, 20, 20), -1)
            x += iw + 2
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), edge, -1)
    return img


def _build_toy_shop(b: _Build17) -> None:
    """A toy shop: bright paint (a mural of big shapes on the back wall for half), lino or
    boards, a tiled ceiling, a shop front; shelves of toys along both sides, one or two
    gondolas of boxed toys, stacks of the boxed brick set, a play kitchen and a wooden
    train table (the set, the kitchen and the table the kind's), a counter, kites or
    bunting high up, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    bricks, kitchen = _brick_set(m), _toy_kitchen(m)
    train = _train_table(m)
    b.paint_walls(_c(r, 150, 256))
    if r.random() < 0.5:
        back = b.wall("back")
        for _ in range(int(r.integers(4, 10))):
            centre = (
                int(r.integers(0, back.img.shape[1])),
                int(r.integers(back.y_of(2.6), back.img.shape[0])),
            )
            cv2.circle(back.img, centre, back.px(float(r.uniform(0.2, 0.6))), _c(r, 60, 256), -1)
    _skirting(b, _c(r, 40, 230), 0.1)
    b.floor(_planks if r.random() < 0.4 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    top = min(b.h - 0.4, float(r.uniform(2.0, 2.3)))
    for side in ("left", "right"):
        wall = b.wall(side)
        along = 1.0
        while along + 1.2 < wall.length - 0.6:
            _hang(wall, _toy_shelves(r, wall.px(1.2), wall.px(top - 0.1)), along, top)
            along += 1.22
    fl = _Floor(b.w, b.d, 1.4)
    for side in ("left", "right"):
        fl.take(_side_x(b, side, 0.4), b.d / 2, 0.8, b.d)
    for _ in range(1 if b.w < 7.5 else 2):
        length = min(b.d - 4.5, float(r.uniform(2.4, 4.0)))
        spot = fl.middle(r, 1.0, length + 0.8)
        if not spot or length < 1.0:
            continue
        x, z, _w, _d, _f = spot
        face = _toy_shelves(r, 96, 64)
        end = _toy_shelves(r, 32, 64)
        b.boxes.append(
            Box(
                x,
                z,
                0.9,
                length,
                1.5,
                0.0,
                {
                    "front": end,
                    "back": end,
                    "left": face,
                    "right": _toy_shelves(r, 96, 64),
                    "top": _steel(r, 16, 16, 150),
                },
            )
        )
    spot = fl.middle(r, 0.9, 0.7)
    if spot:
        x, z, _w, _d, _f = spot
        for k in range(int(r.integers(3, 8))):
            _model(b, Box(x, z, 0.48, 0.32, 0.1, 0.1 * k, bricks))
    spot = fl.against(r, 0.8, 0.5, ("back",)) or fl.middle(r, 0.8, 0.5)
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.85, 0.0, _faces(kitchen, facing)))
    spot = fl.middle(r, 1.2, 0.8)
    if spot:
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 1.2, 0.8, 0.45, 0.0, _faces(train, "front")))
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        x, z, _cw, _cd, facing = spot
        _box(
            b,
            spot,
            1.0,
            {
                "front": _grained(r, 64, 32, _c(r, 60, 250), 3.0),
                "top": _grained(r, 32, 16, _c(r, 150, 250), 3.0),
            },
        )
        b.boxes.append(Box(x, z, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), "front")))
    bunting = _grained(r, 96, 12, _c(r, 200, 256), 2.0)
    for x in range(0, 96, 8):
        pts = np.array([[x, 0], [x + 7, 0], [x + 3, 11]], np.int32)
        cv2.fillPoly(bunting, [pts], _c(r, 40, 256))
    for z in (b.d * 0.35, b.d * 0.65):
        b.boxes.append(
            Box(0.0, z, b.w - 0.2, 0.01, 0.2, b.h - 0.35, {"front": bunting, "back": bunting})
        )
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(back, 1)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 230))


# museum room


def _vitrine_base(m: Rng) -> dict[str, U8]:
    """A museum display case's plinth: white, grey or dark panels with a recessed kick,
    a lock, a small maker's plate."""
    body = _pick(m, [(240, 240, 236), (130, 132, 135), (40, 42, 46), _wood_tone(m)])
    front = _grained(m, 48, 32, body, 2.0)
    cv2.rectangle(front, (0, 27), (47, 31), _shade(body, 0.5), -1)
    cv2.circle(front, (40, 6), 1, (190, 170, 90), -1)
    cv2.rectangle(front, (4, 4), (43, 24), _shade(body, 0.9), 1)
    return {
        "front": front,
        "back": front,
        "left": _grained(m, 24, 32, body, 2.0),
        "right": _grained(m, 24, 32, body, 2.0),
        "top": _grained(m, 24, 24, body, 2.0),
    }


def _museum_bench(m: Rng) -> dict[str, U8]:
    """A gallery bench: a padded top in leather or wool on a dark or pale wood frame."""
    pad = _pick(m, [(40, 40, 44), (120, 40, 40), (40, 60, 90), (150, 130, 100)])
    frame = _pick(m, [(40, 30, 25), _wood_tone(m)])
    front = _grained(m, 48, 16, frame, 2.0)
    front[:5] = pad
    cv2.rectangle(front, (4, 6), (43, 15), _shade(frame, 0.5), -1)
    top = _grained(m, 48, 16, pad, 3.0)
    for x in range(8, 48, 12):
        cv2.circle(top, (x, 8), 1, _shade(pad, 0.6), -1)
    return {"front": front, "side": _grained(m, 16, 16, frame, 2.0), "top": top}


def _stanchion(m: Rng) -> dict[str, U8]:
    """A rope barrier's post: brass or chrome, a heavy round base and a ball top."""
    metal = _pick(m, [(200, 170, 80), (200, 202, 206)])
    side = _grained(m, 4, 32, metal, 3.0)
    side[:, 1] = _lighter(metal, 1.15)
    side[-4:] = _shade(metal, 0.7)
    return {"front": side, "side": side, "top": _grained(m, 4, 4, metal, 2.0)}


def _finds(rng: Rng, w: int, h: int, top: bool) -> U8:
    """Objects in a case on a linen ground: pots, coins, arrowheads and fossils as drawn
    shapes, little labels."""
    img = _grained(rng, w, h, _between(rng, (200, 190, 170), (240, 232, 215)), 3.0)
    for _ in range(int(rng.integers(3, 9))):
        x, y = int(rng.integers(4, w - 8)), int(rng.integers(4 if top else h // 3, h - 6))
        col = _pick(
            rng, [(150, 90, 50), (120, 110, 90), (190, 160, 80), (80, 80, 75), _c(rng, 60, 200)]
        )
        u = int(rng.integers(0, 4))
        if u == 0:
            pts = np.array(
                [[x, y], [x + 3, y - 6], [x + 6, y], [x + 5, y + 4], [x + 1, y + 4]], np.int32
            )
            cv2.fillPoly(img, [pts], col)
        elif u == 1:
            cv2.circle(img, (x, y), 2, col, -1)
        elif u == 2:
            cv2.ellipse(img, (x, y), (5, 3), 0, 0, 360, col, -1)
            cv2.ellipse(img, (x, y), (3, 2), 0, 0, 360, _shade(col, 0.7), 1)
        else:
            pts = np.array([[x, y + 3], [x + 2, y - 4], [x + 4, y + 3]], np.int32)
            cv2.fillPoly(img, [pts], col)
        cv2.rectangle(img, (x, y + 5), (x + 4, y + 6), (250, 250, 248), -1)
    if not top:
        img[: h // 4] = _u8(img[: h // 4].astype(np.float32) * 0.9 + 20)
    return img


def _painting(rng: Rng, w: int, h: int) -> U8:
    """An oil painting in a gilt or dark frame: a landscape, softened."""
    scene = np.asarray(cv2.resize(_outside(rng, 48, 36), (max(4, w - 6), max(4, h - 6))), np.uint8)
    scene = np.asarray(cv2.GaussianBlur(scene, (0, 0), 1.0), np.uint8)
    scene = _u8(scene.astype(np.float32) * 0.85 + np.array([20, 12, 0], np.float32))
    return _frame(scene, _pick(rng, [(190, 160, 70), (50, 40, 30), (160, 130, 60)]), 3)


def _panel(rng: Rng, w: int, h: int) -> U8:
    """An interpretation panel: a title, three blocks of lines, a small picture."""
    img = _grained(rng, w, h, _pick(rng, [(245, 243, 236), (40, 40, 44), _c(rng, 30, 120)]), 2.0)
    ink = (30, 30, 32) if int(img[0, 0].sum()) > 400 else (240, 240, 236)
    _text(img, rng, _word(rng, (2, 4)).upper(), 3, max(6, h // 8), max(5, h // 10), ink)
    for y in range(h // 4, h - 3, max(3, h // 16)):
        cv2.line(img, (3, y), (3 + int(w * float(rng.uniform(0.3, 0.55))), y), ink, 1)
    pic = np.asarray(cv2.resize(_outside(rng, 32, 24), (w // 3, h // 3)), np.uint8)
    _paste(img, pic, w - w // 3 - 3, h // 4)
    return img


def _build_museum(b: _Build17) -> None:
    """A museum gallery room: a deep paint or stone, parquet or stone, a coffered or plain
    ceiling; paintings in frames along the walls with labels, interpretation panels, cases
    of finds on plinths (the plinths the kind's, what is in the cases the museum's own), a
    big object on a low plinth roped off with brass posts (the posts the kind's), gallery
    benches (the kind's), a doorway to the next room, exit signs."""
    r, m = b.fix, _mass_produced(b)
    base, bench, post = _vitrine_base(m), _museum_bench(m), _stanchion(m)
    if r.random() < 0.7:
        b.paint_walls(
            _pick(r, [(120, 40, 45), (40, 70, 60), (40, 50, 80), (200, 195, 185), _c(r, 40, 200)])
        )
    else:
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _grained(r, tw, th, _between(r, (180, 170, 150), (225, 215, 195)), 5.0))
    _skirting(b, _pick(r, [(30, 30, 30), (230, 228, 220), _wood_tone(r)]), 0.2)
    b.floor(_planks if r.random() < 0.6 else _speckle)
    b.ceiling(_coffered if r.random() < 0.5 else _plain_ceiling)
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        along = float(r.uniform(0.8, 1.6))
        while along + 1.0 < wall.length - 0.8:
            pw = float(r.uniform(0.7, 1.6))
            ph = pw * float(r.uniform(0.6, 1.2))
            if along + pw > wall.length - 0.6:
                break
            top = min(b.h - 0.4, 1.5 + ph / 2 + float(r.uniform(0.0, 0.3)))
            if _hang(wall, _painting(r, wall.px(pw), wall.px(ph)), along, top):
                label = _grained(r, wall.px(0.12), wall.px(0.08), (245, 243, 236), 2.0)
                _hang(wall, label, along + pw + 0.08, 1.45, claim=False)
            along += pw + float(r.uniform(0.6, 1.4))
        if r.random() < 0.6:
            wall.put(_panel(r, wall.px(0.9), wall.px(0.7)), 1.9, 2.0)
    fl = _Floor(b.w, b.d, 1.5)
    for _ in range(int(r.integers(2, 6))):
        cw = float(r.uniform(1.0, 1.6))
        spot = fl.middle(r, cw + 0.8, 1.5)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, cw, 0.7, 0.9, 0.0, base))
        b.boxes.append(
            Box(
                x,
                z,
                cw,
                0.7,
                0.5,
                0.9,
                {
                    "front": _finds(r, 64, 24, False),
                    "back": _finds(r, 64, 24, False),
                    "left": _grained(r, 16, 16, (215, 225, 228), 2.0),
                    "right": _grained(r, 16, 16, (215, 225, 228), 2.0),
                    "top": _finds(r, 64, 32, True),
                },
            )
        )
    spot = fl.middle(r, 2.6, 2.6)
    if spot:
        x, z, _w, _d, _f = spot
        plinth = _grained(r, 32, 16, _between(r, (200, 200, 196), (245, 245, 240)), 2.0)
        b.boxes.append(Box(x, z, 1.2, 1.2, 0.3, 0.0, _all_faces(plinth)))
        thing = _grained(r, 32, 48, _pick(r, [(150, 90, 50), (120, 120, 115), (200, 170, 90)]), 6.0)
        cv2.ellipse(thing, (16, 28), (14, 18), 0, 0, 360, _shade((150, 110, 70), 0.8), 2)
        cv2.line(thing, (2, 20), (30, 20), _c(r, 20, 120), 2)
        b.boxes.append(Box(x, z, 0.6, 0.6, float(r.uniform(0.8, 1.5)), 0.3, _all_faces(thing)))
        rope = _grained(r, 32, 4, _pick(r, [(150, 20, 30), (20, 30, 80)]), 3.0)
        for dx, dz in ((-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)):
            _model(b, Box(x + dx * 1.0, z + dz * 1.0, 0.06, 0.06, 0.95, 0.0, post))
        for dz in (-1.0, 1.0):
            b.boxes.append(Box(x, z + dz, 2.0, 0.03, 0.03, 0.82, _all_faces(rope)))
        for dx in (-1.0, 1.0):
            b.boxes.append(Box(x + dx, z, 0.03, 2.0, 0.03, 0.82, _all_faces(rope)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.8, 1.0)
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 1.6, 0.5, 0.45, 0.0, _faces(bench, "front")))
    back = b.wall("back")
    _door(back, r, (20, 20, 22), wm=1.6)
    for name in ("left", "right", "back"):
        _small_things(b.wall(name), ("exit",))


# radio studio


def _mixing_desk(m: Rng) -> dict[str, U8]:
    """A broadcast mixing desk seen from above: rows of faders, knobs and lit buttons in
    channel strips, meters at the back; a dark case."""
    body = _pick(m, [(40, 42, 46), (170, 172, 176)])
    top = _grained(m, 64, 24, body, 2.0)
    for x in range(2, 62, 5):
        for y in range(2, 10, 3):
            cv2.circle(top, (x + 2, y), 1, _c(m, 60, 256), -1)
        cv2.rectangle(
            top,
            (x + 1, 11),
            (x + 3, 12),
            _pick(m, [(250, 60, 40), (60, 220, 90), (240, 200, 40)]),
            -1,
        )
        cv2.line(top, (x + 2, 14), (x + 2, 22), (15, 15, 15), 1)
        cv2.rectangle(
            top,
            (x + 1, 14 + int(m.integers(0, 7))),
            (x + 3, 16 + int(m.integers(0, 6))),
            (220, 220, 225),
            -1,
        )
    front = _grained(m, 64, 8, _shade(body, 0.8), 2.0)
    return {"front": front, "side": front, "top": top}


def _mic_arm(m: Rng) -> dict[str, U8]:
    """A broadcast microphone on its arm: a fat dark microphone body in a shock mount, a
    foam cover in the maker's colour."""
    foam = _pick(m, [(30, 30, 32), (200, 40, 40), (40, 80, 160)])
    side = _grained(m, 8, 24, (35, 35, 38), 2.0)
    side[:8] = foam
    cv2.line(side, (0, 14), (7, 14), (160, 160, 165), 1)
    return {"front": side, "side": side, "top": _grained(m, 8, 8, foam, 3.0)}


def _monitor_speaker(m: Rng) -> dict[str, U8]:
    """A studio monitor speaker: a black or white cabinet, a woofer, a tweeter, a port
    and the maker's badge."""
    body = _pick(m, [(25, 25, 28), (235, 235, 232)])
    front = _grained(m, 16, 24, body, 2.0)
    cv2.circle(front, (8, 15), 5, (60, 60, 62), -1)
    cv2.circle(front, (8, 15), 2, _c(m, 120, 250), -1)
    cv2.circle(front, (8, 5), 2, (50, 50, 52), -1)
    cv2.rectangle(front, (2, 21), (13, 22), (10, 10, 10), -1)
    return {
        "front": front,
        "side": _grained(m, 16, 24, body, 2.0),
        "top": _grained(m, 16, 16, body, 2.0),
    }


def _on_air(m: Rng) -> dict[str, U8]:
    """An on-air light: a box with a red lens and white letters."""
    front = _grained(m, 32, 12, (200, 30, 30), 2.0)
    _text(front, m, "ON AIR", 3, 10, 7, (255, 235, 230))
    edge = _grained(m, 8, 12, (40, 40, 42), 1.0)
    return {"front": front, "side": edge, "top": edge}


def _acoustic(rng: Rng, w: int, h: int, res: float) -> U8:
    """Acoustic panels: a grid of fabric-covered squares (0.6 m) in two or three colours,
    dark gaps; foam wedges for a third."""
    colours = [_c(rng, 20, 200) for _ in range(int(rng.integers(2, 4)))]
    img = _grained(rng, w, h, (20, 20, 22), 2.0)
    step = max(4, round(0.6 * res))
    foam = rng.random() < 0.33
    for y in range(0, h, step):
        for x in range(0, w, step):
            col = colours[int(rng.integers(0, len(colours)))]
            tile = _grained(rng, step - 2, step - 2, col, 4.0)
            if foam:
                for k in range(0, step - 2, max(2, step // 6)):
                    tile[:, k] = _shade(col, 0.6)
            _paste(img, tile[: h - y, : w - x], x + 1, y + 1)
    return img


def _build_radio_studio(b: _Build17) -> None:
    """A radio studio: acoustic panels on the walls, a carpet, a dark ceiling; a desk
    across the room with the mixing desk, screens, microphones on arms and monitor
    speakers (the desk, the microphones, the speakers and the on-air light over the door
    the kind's), guest chairs, a window into the producer's booth, the station's logo and
    posters."""
    r, m = b.fix, _mass_produced(b)
    desk_top, mic, speaker, light = _mixing_desk(m), _mic_arm(m), _monitor_speaker(m), _on_air(m)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _acoustic(r, tw, th, res))
    b.floor(lambda g, w, h, res: _grained(g, w, h, _c(g, 20, 110), 8.0))
    b.ceiling(
        lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.6 * res)), (40, 40, 44), (20, 20, 22))
    )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    booth = _grained(r, 64, 40, _between(r, (40, 40, 50), (90, 90, 100)), 4.0)
    _paste(booth, _screen(r, 20, 14), 8, 10)
    _paste(booth, _screen(r, 20, 14), 34, 10)
    cv2.rectangle(booth, (0, 28), (63, 39), _wood_tone(r), -1)
    _window(
        wall,
        r,
        booth,
        float(r.uniform(0.8, max(0.9, wall.length - 2.6))),
        0.9,
        1.6,
        1.0,
        (30, 30, 32),
    )
    dz = b.d - float(r.uniform(1.4, 2.0))
    dw = min(b.w - 0.8, float(r.uniform(2.0, 2.8)))
    dx = float(r.uniform(-0.3, 0.3)) * (b.w - dw - 0.6)
    face = _grained(r, 64, 24, _pick(r, [_wood_tone(r), (40, 40, 44), (230, 230, 226)]), 3.0)
    b.boxes.append(
        Box(
            dx,
            dz,
            dw,
            0.9,
            0.75,
            0.0,
            {
                "front": face,
                "left": face,
                "right": face,
                "top": _grained(r, 64, 32, _c(r, 20, 200), 3.0),
            },
        )
    )
    b.tops.append((dx, dz, dw * 0.7, 0.4, 0.75))
    _model(b, Box(dx, dz + 0.1, 1.0, 0.5, 0.08, 0.75, _faces(desk_top, "front")))
    for k in (-1, 1):
        _model(
            b,
            Box(
                dx + k * (dw / 2 - 0.2), dz + 0.25, 0.22, 0.25, 0.34, 0.75, _faces(speaker, "front")
            ),
        )
        b.boxes.append(
            Box(dx + k * 0.7, dz + 0.3, 0.5, 0.04, 0.32, 0.8, {"front": _screen(r, 40, 24)})
        )
    mics = int(r.integers(2, 5))
    for k in range(mics):
        mx = dx - dw / 2 + (k + 0.5) * dw / mics
        b.boxes.append(
            Box(mx, dz - 0.25, 0.02, 0.02, 0.45, 0.75, _all_faces(_steel(r, 4, 16, 120)))
        )
        _model(b, Box(mx, dz - 0.38, 0.07, 0.07, 0.2, 1.1, mic))
    chair = _piece(r, "chair")
    for k in range(mics):
        mx = dx - dw / 2 + (k + 0.5) * dw / mics
        _add(b.boxes, b.tops, "chair", chair, (mx, dz - 0.9, 0.5, 0.5, "back"), 0.95)
    back = b.wall("back")
    along = float(r.uniform(0.3, max(0.4, b.w - 1.3)))
    _door(back, r, (50, 50, 54), along=along)
    x, z = _on_wall(b, "back", along + 0.25, 0.4, 0.1)
    _model(b, Box(x, z, 0.4, 0.1, 0.15, min(b.h - 0.2, 2.25), _faces(light, "front")))
    logo = _grained(r, back.px(1.0), back.px(0.5), _c(r, 20, 230), 3.0)
    _text(
        logo,
        r,
        _word(r, (1, 2)).upper(),
        4,
        logo.shape[0] * 2 // 3,
        logo.shape[0] // 2,
        (250, 250, 250),
    )
    back.put(logo, 2.3, 2.5)
    _poster(b.wall(_other(side)), int(r.integers(1, 3)))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _tool(img: U8, rng: Rng, x: int, y: int, size: int) -> None:
    """A garden tool hanging on a hook, drawn flat: a spade, a fork, a rake, a hoe or
    shears, a wooden handle."""
    handle = _between(rng, (140, 100, 60), (200, 160, 110))
    steel = _between(rng, (120, 120, 125), (190, 190, 195))
    kind = int(rng.integers(0, 5))
    cv2.circle(img, (x, y - 2), 1, (40, 40, 40), -1)
    if kind == 4:
        cv2.line(img, (x, y), (x - size // 5, y + size // 2), handle, 2)
        cv2.line(img, (x, y), (x + size // 5, y + size // 2), handle, 2)
        cv2.line(img, (x - size // 5, y + size // 2), (x - size // 8, y + size), steel, 2)
        cv2.line(img, (x + size // 5, y + size // 2), (x + size // 8, y + size), steel, 2)
        return
    cv2.line(img, (x, y), (x, y + size * 3 // 4), handle, 2)
    head = y + size * 3 // 4
    if kind == 0:
        cv2.rectangle(img, (x - size // 8, head), (x + size // 8, y + size), steel, -1)
    elif kind == 1:
        for dx in (-size // 8, -size // 24, size // 24, size // 8):
            cv2.line(img, (x + dx, head), (x + dx, y + size), steel, 1)
        cv2.line(img, (x - size // 8, head), (x + size // 8, head), steel, 1)
    elif kind == 2:
        cv2.line(img, (x - size // 5, y + size), (x + size // 5, y + size), steel, 2)
        for dx in range(-size // 5, size // 5 + 1, 3):
            cv2.line(img, (x + dx, y + size), (x + dx, y + size + 2), steel, 1)
    else:
        cv2.line(img, (x, y + size), (x + size // 6, y + size), steel, 2)


def _build_shed(b: _Build17) -> None:
    """An allotment shed of one site's kit: every fixed thing the template's (see the
    module's docstring); the tools on the walls, seed packets and a calendar, what stands
    on the bench and the floor, and the window's view of the plot the holder's own."""
    r, o = b.fix, b.own
    tone = _between(r, (110, 80, 50), (190, 150, 100)) if r.random() < 0.6 else _c(r, 60, 180)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _wood(r, tw, th, tone, max(3, round(0.12 * res))))
    b.floor(lambda g, w, h, res: _wood(g, w, h, _shade(tone, 0.75), max(3, round(0.15 * res))))
    b.ceiling(_rafters)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    wall = b.wall(side)
    win_along = float(r.uniform(0.3, max(0.35, wall.length - 1.1)))
    win_w = min(0.9, wall.length - win_along - 0.1)
    _window(wall, r, _outside(r, 48, 32), win_along, 1.0, win_w, 0.6, _shade(tone, 0.8))
    bench_top = _wood(r, 64, 16, _lighter(tone, 1.1), 4)
    bench_front = _wood(r, 64, 32, _shade(tone, 0.9), 6)
    b.boxes.append(
        Box(
            0.0,
            b.d - 0.3,
            b.w - 0.3,
            0.55,
            0.85,
            0.0,
            {"front": bench_front, "left": bench_front, "right": bench_front, "top": bench_top},
        )
    )
    shelf = _wood(r, 32, 8, _lighter(tone, 1.05), 3)
    sx = _side_x(b, other, 0.25)
    b.boxes.append(Box(sx, b.d / 2, 0.25, b.d * 0.6, 0.03, 1.5, _all_faces(shelf)))
    # The holder's own: the view, tools, packets, a calendar, things on the bench and floor.
    x0, y0 = wall.x_of(win_along) + wall.px(0.08), wall.y_of(1.52)
    vw, vh = max(4, wall.px(win_w) - wall.px(0.16)), max(4, wall.px(0.44))
    _paste(wall.img, np.asarray(cv2.resize(_outside(o, 48, 32), (vw, vh)), np.uint8), x0, y0)
    for name in (other, "back"):
        w_ = b.wall(name)
        for _ in range(int(o.integers(2, 5))):
            x = int(o.integers(w_.px(0.2), max(w_.px(0.25), w_.img.shape[1] - w_.px(0.2))))
            _tool(
                w_.img, o, x, w_.y_of(float(o.uniform(1.7, 2.0))), w_.px(float(o.uniform(0.8, 1.1)))
            )
        for _ in range(int(o.integers(1, 6))):
            pk = _label(o, w_.px(0.08), w_.px(0.12))
            _paste(
                w_.img, pk, int(o.integers(0, max(1, w_.img.shape[1] - pk.shape[1]))), w_.y_of(1.45)
            )
    cal = _label(o, wall.px(0.3), wall.px(0.4))
    _paste(cal, _grained(o, cal.shape[1], cal.shape[0] // 2, _c(o, 60, 250), 3.0), 0, 0)
    _paste(wall.img, cal, wall.x_of(max(0.05, win_along - 0.45)), wall.y_of(1.8))
    st = _b17(b)
    for _ in range(int(o.integers(3, 9))):
        terracotta = _grained(o, 16, 16, _between(o, (170, 90, 60), (210, 120, 80)), 5.0)
        size = float(o.uniform(0.1, 0.25))
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.3, b.w / 2 - 0.3)),
                b.d - float(o.uniform(0.15, 0.45)),
                size,
                size,
                size * 0.9,
                0.85,
                _all_faces(terracotta),
            )
        )
    tray = _grained(o, 32, 16, _c(o, 20, 80), 3.0)
    for y in range(2, 16, 4):
        for x in range(2, 32, 4):
            cv2.circle(tray, (x, y), 1, _between(o, (60, 120, 40), (120, 190, 80)), -1)
    st.own_boxes.append(
        Box(float(o.uniform(-0.5, 0.5)), b.d - 0.3, 0.5, 0.3, 0.05, 0.85, _all_faces(tray))
    )
    can = _grained(o, 16, 24, _c(o, 30, 230), 3.0)
    st.own_boxes.append(
        Box(
            float(o.uniform(-b.w / 2 + 0.3, b.w / 2 - 0.3)),
            float(o.uniform(0.9, b.d - 0.8)),
            0.35,
            0.15,
            0.3,
            0.0,
            _all_faces(can),
        )
    )
    sack = _grained(o, 24, 32, _c(o, 20, 200), 4.0)
    _text(sack, o, _word(o, (1, 2)).upper(), 2, 14, 7, (250, 250, 250))
    st.own_boxes.append(
        Box(
            _side_x(b, other, 0.35),
            float(o.uniform(0.9, b.d - 0.7)),
            0.35,
            0.5,
            0.5,
            0.0,
            _faces({"front": sack, "top": sack}, _inward(other)),
        )
    )
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.2, 0.35)))


def _slide(o: Rng, w: int, h: int) -> U8:
    """A lecture's slide as projected: a title, bullet lines, a chart (bars or a curve)
    or a photograph, a footer."""
    img = _grained(o, w, h, _pick(o, [(248, 248, 246), (20, 30, 60), _c(o, 180, 256)]), 2.0)
    ink = (30, 30, 36) if int(img[0, 0].sum()) > 400 else (240, 240, 240)
    _text(img, o, _word(o, (2, 4)).capitalize(), w // 12, h // 6, max(6, h // 9), ink)
    for k in range(int(o.integers(2, 6))):
        y = h // 3 + k * max(4, h // 9)
        cv2.circle(img, (w // 12, y - 2), 1, ink, -1)
        cv2.line(
            img,
            (w // 12 + 4, y - 2),
            (w // 12 + int(w * float(o.uniform(0.2, 0.4))), y - 2),
            ink,
            1,
        )
    u = o.random()
    x0, y0, cw, ch = w // 2, h // 3, w * 2 // 5, h // 2
    if u < 0.4:
        for k in range(int(o.integers(3, 8))):
            bh = int(ch * float(o.uniform(0.2, 1.0)))
            cv2.rectangle(
                img,
                (x0 + k * cw // 8, y0 + ch - bh),
                (x0 + k * cw // 8 + cw // 10, y0 + ch),
                _c(o, 30, 230),
                -1,
            )
    elif u < 0.7:
        pts = np.array(
            [
                [
                    x0 + k * cw // 12,
                    y0 + ch - int(ch * (0.5 + 0.4 * np.sin(k * float(o.uniform(0.3, 0.9))))),
                ]
                for k in range(13)
            ],
            np.int32,
        )
        cv2.polylines(img, [pts], False, _c(o, 30, 230), 2)
        cv2.line(img, (x0, y0 + ch), (x0 + cw, y0 + ch), ink, 1)
        cv2.line(img, (x0, y0), (x0, y0 + ch), ink, 1)
    else:
        _paste(img, np.asarray(cv2.resize(_outside(o, 48, 32), (cw, ch)), np.uint8), x0, y0)
    return img


def _build_lecture(b: _Build17) -> None:
    """A lecture theatre of one university: every fixed thing the template's (see the
    module's docstring); what the screen shows, the writing on the boards, the room's
    number and its notices the room's own."""
    r, o = b.fix, b.own
    rise, step = float(r.uniform(0.18, 0.24)), float(r.uniform(0.9, 1.0))
    flat = float(r.uniform(4.0, 5.0))
    slat_tone = _wood_tone(r)
    for name in ("left", "right"):
        tw, th, res = b.texels(name)
        b.fill(name, _slats(r, tw, th, res, slat_tone))
    for name in ("back", "front"):
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(r, tw, th, _between(r, (200, 200, 195), (240, 238, 232)), 3.0))
    carpet = _c(r, 30, 140)
    b.floor(lambda g, w, h, res: _grained(g, w, h, _shade(carpet, 0.9), 6.0))
    b.ceiling(_tiled_ceiling)
    riser = _grained(r, 64, 8, _shade(carpet, 0.7), 3.0)
    cv2.line(riser, (0, 0), (63, 0), (230, 200, 60), 1)
    tread = _grained(r, 64, 16, carpet, 6.0)
    desk_face = _grained(r, 64, 16, _pick(r, [_wood_tone(r), (230, 230, 226), (60, 60, 64)]), 3.0)
    desk_top = _wood(r, 64, 16, _wood_tone(r), 4)
    seat = _c(r, 20, 200)
    seats = _grained(r, 96, 16, _shade(seat, 0.5), 2.0)
    for x in range(1, 96, 6):
        cv2.rectangle(seats, (x, 1), (x + 4, 15), seat, -1)
    n = int((b.d - flat) / step)
    aisle = 0.9
    for i in range(n):
        z1 = b.d - flat - i * step
        top = (i + 1) * rise
        b.boxes.append(
            Box(
                0.0,
                z1 - step / 2,
                b.w,
                step,
                top,
                0.0,
                {"front": riser, "left": riser, "right": riser, "top": tread},
            )
        )
        if i == 0:
            continue
        width = b.w - 2 * aisle
        b.boxes.append(
            Box(
                0.0,
                z1 - 0.2,
                width,
                0.4,
                0.72,
                top,
                {
                    "front": desk_face,
                    "back": desk_face,
                    "left": desk_face,
                    "right": desk_face,
                    "top": desk_top,
                },
            )
        )
        b.boxes.append(
            Box(
                0.0,
                z1 - step + 0.25,
                width,
                0.08,
                0.85,
                top,
                {"front": seats, "back": seats, "top": seats},
            )
        )
        b.tops.append((0.0, z1 - 0.2, width * 0.9, 0.3, top + 0.72))
    back = b.wall("back")
    sw, sh = min(b.w - 4.0, float(r.uniform(4.0, 5.5))), float(r.uniform(2.4, 3.0))
    s_top = min(b.h - 0.3, 1.4 + sh)
    sx, sy = back.x_of((b.w - sw) / 2), back.y_of(s_top)
    back.claim(sx, sy, back.px(sw), back.px(sh), gap=0)
    cv2.rectangle(
        back.img, (sx - 4, sy - 4), (sx + back.px(sw) + 4, sy + back.px(sh) + 4), (30, 30, 32), -1
    )
    boards = []
    bw_ = min(1.8, (b.w - sw) / 2 - 0.5)
    for k in (-1, 1):
        along = (b.w - sw) / 2 - bw_ - 0.2 if k < 0 else (b.w + sw) / 2 + 0.2
        if bw_ > 0.6:
            bx, by = back.x_of(along), back.y_of(2.2)
            back.claim(bx, by, back.px(bw_), back.px(1.2), gap=0)
            cv2.rectangle(
                back.img,
                (bx - 2, by - 2),
                (bx + back.px(bw_) + 2, by + back.px(1.2) + 2),
                (170, 172, 176),
                -1,
            )
            boards.append((bx, by, back.px(bw_), back.px(1.2)))
    lectern = _grained(r, 24, 32, _pick(r, [_wood_tone(r), (60, 60, 64)]), 3.0)
    lx = float(r.choice([-1.0, 1.0])) * b.w / 4
    b.boxes.append(
        Box(lx, b.d - 2.2, 0.6, 0.5, 1.15, 0.0, _faces({"front": lectern, "top": lectern}, "front"))
    )
    bench = _grained(r, 96, 24, _pick(r, [_wood_tone(r), (225, 225, 220)]), 3.0)
    b.boxes.append(Box(0.0, b.d - 1.4, min(b.w - 2.0, 3.5), 0.7, 0.9, 0.0, _all_faces(bench)))
    b.tops.append((0.0, b.d - 1.4, 2.0, 0.4, 0.9))
    for name in ("left", "right"):
        _small_things(b.wall(name), ("exit",))
    # The room's own: the slide, the boards' writing, its number, notices.
    _paste(back.img, _slide(o, back.px(sw), back.px(sh)), sx, sy)
    for bx, by, bw2, bh2 in boards:
        board = _grained(o, bw2, bh2, (246, 246, 244), 1.0)
        _doodle(
            board, o, _pick(o, [(30, 30, 120), (20, 20, 20), (160, 30, 30)]), int(o.integers(2, 7))
        )
        _paste(back.img, board, bx, by)
    side = str(o.choice(["left", "right"]))
    wall = b.wall(side)
    number = _grained(o, wall.px(0.4), wall.px(0.25), _c(o, 20, 200), 2.0)
    _text(
        number,
        o,
        f"{_word(o, (1, 1)).upper()}{int(o.integers(1, 40))}",
        3,
        number.shape[0] * 3 // 4,
        number.shape[0] // 2,
        (250, 250, 250),
    )
    _paste(wall.img, number, wall.x_of(0.4 if side == "left" else b.d - 0.8), wall.y_of(b.h - 0.6))
    notice = _label(o, wall.px(0.6), wall.px(0.8))
    _paste(wall.img, notice, wall.x_of(b.d - flat + 0.5 if side == "left" else 1.0), wall.y_of(2.0))
    st = _b20(b)
    st.raised = b.d - flat
    tier = int(np.clip((b.d - flat - 1.2) / step, 0, n - 1))
    st.eye_floor = (tier + 1) * rise
    st.stand = (float(o.uniform(-0.25, 0.25)) * b.w, float(b.d - flat - (tier + 0.5) * step))
    st.look = (0.0, 2.2, b.d)


def _stadium(rng: Rng, w: int, h: int, club: Colour, second: Colour) -> U8:
    """What a box's glass looks out on, drawn wide: sky, the far stand's roof with its
    floodlights, rows of seats in the club's colours, advertising boards, the pitch with
    its mowing stripes and lines, the balcony's rail."""
    img = np.asarray(cv2.resize(_sky(rng, 64, 16), (w, h)), np.uint8).copy()
    roof, seats_top, boards, pitch = (int(h * f) for f in (0.1, 0.16, 0.45, 0.5))
    img[roof:seats_top] = _grained(rng, w, seats_top - roof, (60, 62, 66), 3.0)
    for x in range(w // 12, w, w // 6):
        cv2.rectangle(img, (x, roof - 3), (x + 8, roof), (250, 250, 240), -1)
    rows = img[seats_top:boards]
    rows[:] = _grained(rng, w, boards - seats_top, club, 4.0)
    for y in range(0, boards - seats_top, 3):
        rows[y] = _shade(club, 0.6)
    band = (boards - seats_top) // 3
    rows[band : band + max(2, band // 3)] = second
    _text(rows, rng, _word(rng, (2, 3)).upper(), w // 3, band * 2 + 2, max(5, band // 2), second)
    x = 0
    while x < w:
        bw = int(rng.integers(w // 12, w // 6))
        img[boards:pitch, x : x + bw] = _c(rng, 20, 256)
        _text(
            img[boards:pitch, x : x + bw],
            rng,
            _word(rng, (1, 2)).upper(),
            2,
            pitch - boards - 2,
            max(4, pitch - boards - 3),
            (250, 250, 250),
        )
        x += bw
    grass = _between(rng, (40, 120, 40), (70, 150, 60))
    img[pitch:] = grass
    for k, y in enumerate(range(pitch, h, max(3, h // 14))):
        if k % 2:
            img[y : y + max(3, h // 14)] = _lighter(grass, 1.12)
    cv2.line(img, (w // 2, pitch), (w // 2, h), (245, 245, 245), 1)
    cv2.ellipse(
        img, (w // 2, (pitch + h) // 2), (w // 14, (h - pitch) // 5), 0, 0, 360, (245, 245, 245), 1
    )
    cv2.line(img, (0, pitch + 2), (w, pitch + 2), (245, 245, 245), 1)
    img[h - max(3, h // 20) :] = (40, 40, 44)
    return img


def _build_skybox(b: _Build17) -> None:
    """A hospitality box of one stadium: every fixed thing the template's (see the
    module's docstring); which part of the ground its glass looks out on, its number and
    sponsor, the framed shirt, the TV's picture and the food on the buffet the box's
    own."""
    r, o = b.fix, b.own
    club, second = _c(r, 20, 220), _c(r, 120, 256)
    for name in ("left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(
            name,
            _stripes_of(
                r, tw, th, [_shade(club, 0.5), _shade(club, 0.45)], max(3, round(0.3 * res))
            ),
        )
    b.floor(lambda g, w, h, res: _grained(g, w, h, _shade(second, 0.4), 7.0))
    b.ceiling(_plain_ceiling)
    back = b.wall("back")
    th, tw = back.img.shape[:2]
    wide = _stadium(r, tw * 3, th, club, second)
    mullion = max(2, back.px(0.06))
    pitch = back.px(float(r.uniform(1.2, 1.5)))
    frame = _pick(r, [(40, 40, 44), (200, 200, 205)])
    bar = _grained(r, 64, 24, _pick(r, [_wood_tone(r), (30, 30, 34), club]), 3.0)
    side = str(r.choice(["left", "right"]))
    bx = _side_x(b, side, 0.6)
    length = min(b.d - 2.0, float(r.uniform(2.0, 3.0)))
    b.boxes.append(
        Box(
            bx,
            1.0 + length / 2,
            0.6,
            length,
            0.95,
            0.0,
            _faces({"front": bar, "top": _grained(r, 32, 16, (235, 235, 230), 2.0)}, _inward(side)),
        )
    )
    table, chair = _piece(r, "table"), _piece(r, "chair")
    tx = float(r.uniform(-0.2, 0.2)) * (b.w - 2.0)
    tz = b.d / 2 + float(r.uniform(-0.3, 0.3))
    _add(b.boxes, b.tops, "table", table, (tx, tz, 1.6, 0.9, "front"), 0.75)
    for dx in (-0.5, 0.5):
        _add(b.boxes, b.tops, "chair", chair, (tx + dx, tz - 0.7, 0.45, 0.45, "back"), 0.9)
        _add(b.boxes, b.tops, "chair", chair, (tx + dx, tz + 0.7, 0.45, 0.45, "front"), 0.9)
    wall = b.wall(_other(side))
    tv_along = 0.6 if side == "right" else wall.length - 1.6
    tvx, tvy = wall.x_of(tv_along), wall.y_of(2.1)
    cv2.rectangle(
        wall.img,
        (tvx - 2, tvy - 2),
        (tvx + wall.px(1.0) + 2, tvy + wall.px(0.56) + 2),
        (10, 10, 10),
        -1,
    )
    _small_things(b.wall("front"), ("exit",))
    # The box's own: where along the stand it is, its number, the shirt, the TV, the food.
    shift = int(o.integers(0, tw * 2))
    view = wide[:, shift : shift + tw].copy()
    for x in range(0, tw, pitch):
        view[:, x : x + mullion] = frame
    view[: back.px(0.15)] = frame
    back.img[:] = view
    _paste(wall.img, _screen(o, wall.px(1.0), wall.px(0.56)), tvx, tvy)
    shirt = _grained(o, wall.px(0.6), wall.px(0.7), (245, 243, 236), 2.0)
    sh, sw = shirt.shape[:2]
    pts = np.array(
        [
            [sw // 4, sh // 8],
            [sw * 3 // 4, sh // 8],
            [sw - 2, sh // 3],
            [sw * 4 // 5, sh // 2],
            [sw * 4 // 5, sh - 3],
            [sw // 5, sh - 3],
            [sw // 5, sh // 2],
            [1, sh // 3],
        ],
        np.int32,
    )
    cv2.fillPoly(shirt, [pts], club)
    _text(shirt, o, str(int(o.integers(1, 40))), sw // 3, sh * 3 // 4, max(5, sh // 3), second)
    shirt = _frame(shirt, (40, 40, 42), 2)
    _paste(
        wall.img,
        shirt,
        wall.x_of(b.d / 2 - 0.3 if side == "right" else wall.length - b.d / 2 - 0.3),
        wall.y_of(2.0),
    )
    front = b.wall("front")
    plate = _grained(o, front.px(0.5), front.px(0.25), _c(o, 150, 256), 2.0)
    _text(
        plate,
        o,
        f"{int(o.integers(1, 60))} {_word(o, (2, 3)).upper()}",
        2,
        plate.shape[0] * 2 // 3,
        plate.shape[0] // 2,
        (30, 30, 30),
    )
    _paste(front.img, plate, front.x_of(float(o.uniform(0.3, b.w - 0.8))), front.y_of(1.7))
    st = _b17(b)
    for _ in range(int(o.integers(3, 8))):
        dish = _label(o, 16, 16) if o.random() < 0.5 else _grained(o, 16, 16, _c(o, 60, 250), 5.0)
        st.own_boxes.append(
            Box(
                bx,
                1.0 + float(o.uniform(0.2, length - 0.2)),
                0.3,
                0.25,
                float(o.uniform(0.04, 0.15)),
                0.95,
                _all_faces(dish),
            )
        )
    flowers = _grained(o, 16, 24, _c(o, 60, 256), 8.0)
    st.own_boxes.append(Box(tx, tz, 0.2, 0.2, 0.35, 0.75, _all_faces(flowers)))
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.4, 0.8)))
    st.look = (0.0, 1.1, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "record shop": _build_record_shop,
    "clock repairer": _build_clock_repairer,
    "tailor's workroom": _build_tailors,
    "bookbindery": _build_bookbindery,
    "escape room": _build_escape_room,
    "toy shop": _build_toy_shop,
    "museum room": _build_museum,
    "radio studio": _build_radio_studio,
    "shed": _build_shed,
    "lecture": _build_lecture,
    "skybox": _build_skybox,
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
    boxes: list[Box]  # fixed things, the kind's mass-produced things among them
    belongings: list[Box]  # the occupant's own things (look-alikes)
    tops: list[Top]
    camera: Camera
    models: list[int] = field(default_factory=list)  # which of ``boxes`` are the kind's
    walk: float = 0.0  # how deep the floor one can stand on is
    floors: list[Box] = field(default_factory=list)  # walkable steps (none in v20's kinds)
    raised: float = 0.0  # tiers from the front wall to this depth (a lecture theatre)
    cache: dict[int, list[Plane]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = surface_planes(self) + box_planes_of(self, day)  # type: ignore[arg-type]
        return self.cache[day]

    def textures(self) -> dict[str, U8]:
        """Every texture of the place as drawn, by name (for the tests): ``model ...`` for
        the kind's mass-produced things."""
        out = {f"surface {k}": s.tex for k, s in self.surfaces.items()}
        models = set(self.models)
        for i, b in enumerate(self.boxes):
            tag = "model" if i in models else "box"
            out |= {f"{tag} {i} {k}": v for k, v in b.tex.items()}
        for i, b in enumerate(self.belongings):
            out |= {f"belonging {i} {k}": v for k, v in b.tex.items()}
        return out


def _day_things(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: a carton, a paper bag, a stack of leaflets, a folded
    cloth, on tops and the floor one can stand on (not under a theatre's tiers)."""
    out: list[Box] = []
    for _ in range(int(day.integers(1, 5))):
        s, h = float(day.uniform(0.15, 0.4)), float(day.uniform(0.08, 0.35))
        if place.tops and (day.random() < 0.6 or place.raised > 0):
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
            lo = max(min(1.0, place.walk * 0.4), place.raised)
            z = float(day.uniform(lo, max(lo, place.walk - 0.3)))
            y0 = 0.0
        what = day.random()
        tex = (
            _carton(day)
            if what < 0.35
            else _grained(day, 24, 32, _c(day, 30, 250), 4.0)
            if what < 0.6
            else _label(day, 48, 32)
            if what < 0.8
            else _fabric(day, 48, 32)
        )
        d_ = s * float(day.uniform(0.5, 1.2))
        out.append(Box(x, z, s, d_, h, y0, {"front": tex, "left": tex, "top": _label(day, 32, 32)}))
    return out


def box_planes_of(place: Place, day: int) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings, the day's soft furnishings
    (an armchair's cushion) and loose things."""
    rng = np.random.default_rng(DAY_SEED + 3 * place.seed + day)
    soft = {"bedding": _fabric(rng, 96, 96), "cushion": _fabric(rng, 64, 32)}
    planes: list[Plane] = []
    for b in place.boxes + place.belongings + _day_things(place, rng):
        tex = b.tex
        if b.soft:
            tex = dict.fromkeys(
                ("front", "back", "left", "right", "top"), soft.get(b.soft, soft["cushion"])
            )
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


def _camera(b: _Build17, rng: Rng) -> Camera:
    """The place's own camera: near the front wall at eye height, looking in (in a shed's
    doorway; on a lecture theatre's upper tiers looking down at the screen; by a box's
    door looking out at the ground)."""
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
    if base == "museum room":
        z, pitch, hfov = (
            float(rng.uniform(0.8, 2.0)),
            float(rng.uniform(-8, 0)),
            float(rng.uniform(64, 74)),
        )
    elif base in ("shed", "escape room", "radio studio"):
        hfov = float(rng.uniform(70, 80))
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.1, 0.1))
        if b.stand[1] > 0:
            z = b.stand[1]
    y += _b20(b).eye_floor
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
        belongings += [x for x in _belongings(b) if x.y0 > 0 or x.z > b.raised]
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(b, own)
    models = [i for i, box in enumerate(b.boxes) if any(box is m for m in b.models)]
    return Place(
        seed,
        kind,
        w,
        h,
        d,
        surfaces,
        b.boxes,
        belongings,
        b.tops,
        camera,
        models,
        d,
        b.floors,
        b.raised,
    )


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v20``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v20(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v20 (``bench/link.py --generator v20``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v20``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    record shop, museum room or radio studio."""
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
    """The place's camera moved up to ``reach`` m (less in small places: x0.5 in a shed,
    x0.8 in a box, an escape room or a studio), its height kept within 0.08 m, turned up
    to ``turn`` degrees and tilted up to 4; the first of 8 moves that leaves it clear of
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


def _forward(cam: Camera) -> F64:
    return np.asarray(cam.axes()[2], np.float64)


def sidestep(place: Place, rng: Rng) -> tuple[Camera, F64]:
    """A second viewpoint of what the place's camera looks at: the camera stepped 0.6-1.2
    m to one side (x0.5 in a shed, x0.8 in a box, an escape room or a studio) and up to
    0.3 m in or out, turned back to the spot 3-5 m along the first camera's view (nearer
    in a small place, never through the back wall), 2-6 degrees wider or narrower; the
    first of 8 steps clear of things by 0.15 m, else half a step, else none. With the
    spot."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    fwd = _forward(c)
    dist = float(rng.uniform(3.0, 5.0)) * k
    along = (place.depth - 0.3 - float(c.pos[2])) / max(0.2, float(fwd[2]))
    target = c.pos + fwd * min(dist, along)
    right = np.asarray(c.axes()[0], np.float64)
    right = right / max(1e-6, float(np.linalg.norm(right[[0, 2]])))
    pos = c.pos
    for share in (1.0, 0.5):
        found = False
        for _ in range(8):
            step = float(rng.uniform(0.6, 1.2)) * k * share * float(rng.choice([-1.0, 1.0]))
            cand = _inside(
                place, c.pos + right * step + _vec(0.0, 0.0, float(rng.uniform(-0.3, 0.3)))
            )
            if abs(float(cand[0] - c.pos[0])) > 0.25 * k * share and _free(place, cand, 0.15):  # type: ignore[arg-type]
                pos, found = cand, True
                break
        if found:
            break
    yaw, pitch = _aim(pos, target)
    hfov = float(
        np.clip(c.hfov + float(rng.choice([-1.0, 1.0])) * float(rng.uniform(2, 6)), 40, 85)
    )
    return Camera(pos, yaw, pitch, hfov), target


def mirror_station(place: Place, rng: Rng) -> tuple[F64, F64]:
    """Where a convex security mirror hangs: in a back corner (either side), 0.35 m from
    both walls (0.2 in a shed), 0.3-0.45 m under the ceiling but at most 2.6 m up (1.9 in
    a shed); with the spot it faces (the middle of the room's first third, 1 m up)."""
    k = 0.2 if place.base == "shed" else 0.35
    sgn = float(rng.choice([-1.0, 1.0]))
    top = 1.9 if place.base == "shed" else 2.6
    y = min(place.height - float(rng.uniform(0.3, 0.45)), top)
    if place.base == "lecture":
        y = min(place.height - 0.3, y + 1.0)
    pos = _vec(sgn * (place.width / 2 - k), y, place.depth - k)
    return pos, _vec(-sgn * place.width * 0.1, 1.0, place.depth * 0.3)


# --- views ----------------------------------------------------------------------------------------


def parallax(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place from a step to one side, turned back to what the place's camera looks at
    (``sidestep``), with sensor noise."""
    cam, _spot = sidestep(place, rng)
    return _noise(render(place.planes(0), cam, w, h), rng, 2.0)


def _blit(dst: U8, src: U8, x: int, y: int) -> None:
    """Paste ``src`` at (x, y), clipped to ``dst`` on every side."""
    h, w = dst.shape[:2]
    sh, sw = src.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + sw), min(h, y + sh)
    if x1 > x0 and y1 > y0:
        dst[y0:y1, x0:x1] = src[y0 - y : y1 - y, x0 - x : x1 - x]


def _abstract(rng: Rng, w: int, h: int) -> U8:
    """Another post's picture in a feed: a two-colour gradient with a few soft shapes."""
    a, b2 = np.array(_c(rng), np.float32), np.array(_c(rng), np.float32)
    t = np.linspace(0, 1, max(1, h), dtype=np.float32)[:, None, None]
    img = np.broadcast_to(a * (1 - t) + b2 * t, (max(1, h), max(1, w), 3)).copy()
    for _ in range(int(rng.integers(2, 6))):
        cv2.circle(
            img,
            (int(rng.integers(0, max(1, w))), int(rng.integers(0, max(1, h)))),
            int(rng.integers(max(2, h // 10), max(3, h // 3))),
            tuple(float(c) for c in _c(rng)),
            -1,
        )
    return _u8(cv2.GaussianBlur(img, (0, 0), max(1.0, w / 80)))


def mid_scroll(img: U8, rng: Rng) -> U8:
    """A screenshot of a social feed on a desktop browser, taken mid-scroll: light (60 %)
    or dark, a top bar, a menu and a column of suggestions either side, the feed's column
    (52-62 % of the width) holding the picture at its width, scrolled so that 55-85 % of
    it shows (its top gone under the top bar, or its foot off the screen), the post's
    header, buttons and caption and the next or last post's picture around it."""
    h, w = img.shape[:2]
    s = _scale(w)
    dark = rng.random() < 0.4
    bg, card = ((22, 23, 26), (36, 37, 42)) if dark else ((238, 240, 243), (255, 255, 255))
    ink, faint = ((225, 226, 230), (95, 96, 104)) if dark else ((40, 41, 46), (200, 202, 208))
    accent = _c(rng, 20, 230)
    out = np.empty((h, w, 3), np.uint8)
    out[:] = bg
    top = max(10, int(0.085 * h))
    col = int(w * float(rng.uniform(0.52, 0.62)))
    x0 = int((w - col) * float(rng.uniform(0.42, 0.58)))
    cv2.rectangle(out, (x0 - max(2, int(4 * s)), 0), (x0 + col + max(2, int(4 * s)), h), card, -1)
    for y in range(top + int(12 * s), h - int(8 * s), max(8, int(22 * s))):
        cv2.circle(out, (int(10 * s), y), max(2, int(4 * s)), faint, -1)
        cv2.line(
            out,
            (int(20 * s), y),
            (max(int(22 * s), x0 - int(12 * s)), y),
            faint,
            max(1, int(2 * s)),
        )
    for y in range(top + int(16 * s), h - int(10 * s), max(10, int(30 * s))):
        rx = x0 + col + int(12 * s)
        cv2.circle(out, (rx + int(8 * s), y), max(3, int(7 * s)), _c(rng, 60, 230), -1)
        cv2.line(out, (rx + int(20 * s), y - int(3 * s)), (w - int(10 * s), y - int(3 * s)), ink, 1)
        cv2.line(
            out, (rx + int(20 * s), y + int(4 * s)), (w - int(30 * s), y + int(4 * s)), faint, 1
        )
    ph = max(4, col * h // w)
    pic = np.asarray(cv2.resize(img, (col, ph), interpolation=cv2.INTER_AREA), np.uint8)
    visible = float(rng.uniform(0.55, 0.85))
    header, footer = max(10, int(0.1 * h)), max(14, int(0.16 * h))

    def post_header(y: int) -> None:
        cv2.circle(
            out, (x0 + int(12 * s), y + header // 2), max(3, int(8 * s)), _c(rng, 40, 250), -1
        )
        _text(
            out,
            rng,
            _word(rng, (2, 3)),
            x0 + int(26 * s),
            y + header * 2 // 3,
            max(5, int(9 * s)),
            ink,
        )
        for k in range(3):
            cv2.circle(
                out, (x0 + col - int((8 + 5 * k) * s), y + header // 2), max(1, int(s)), ink, -1
            )

    def post_footer(y: int) -> None:
        r_ = max(2, int(6 * s))
        for k in range(3):
            cv2.circle(out, (x0 + int((12 + 20 * k) * s), y + int(10 * s)), r_, ink, 1)
        cv2.line(
            out,
            (x0 + int(6 * s), y + int(22 * s)),
            (x0 + col // 3, y + int(22 * s)),
            ink,
            max(1, int(2 * s)),
        )
        for k in range(2):
            yy = y + int((32 + 9 * k) * s)
            cv2.line(
                out,
                (x0 + int(6 * s), yy),
                (x0 + int(col * float(rng.uniform(0.5, 0.9))), yy),
                faint,
                max(1, int(2 * s)),
            )

    if rng.random() < 0.5:  # scrolled past the picture's top
        y = top - int(ph * (1 - visible))
        _blit(out, pic, x0, y)
        post_footer(y + ph)
        post_header(y + ph + footer)
        _blit(out, _abstract(rng, col, ph), x0, y + ph + footer + header)
    else:  # the picture runs off the foot of the screen
        y = h - int(ph * visible)
        post_header(y - header)
        _blit(out, _abstract(rng, col, ph), x0, y - header - footer - ph)
        post_footer(y - header - footer)
        _blit(out, pic, x0, y)
    out[:top] = card
    cv2.line(out, (0, top), (w, top), faint, 1)
    _text(out, rng, _word(rng, (1, 2)).lower(), int(8 * s), top * 2 // 3, max(6, top // 2), accent)
    cv2.rectangle(out, (w // 3, top // 4), (w * 2 // 3, top * 3 // 4), bg, -1)
    for k in range(3):
        cv2.circle(out, (w - int((14 + 18 * k) * s), top // 2), max(2, int(5 * s)), faint, -1)
    return out


def blinds(img: U8, rng: Rng) -> U8:
    """Daylight through venetian blinds: the room at x0.7-0.85, a patch of light (36-80 %
    of the width, skewed) striped by the slats (a period of 5-9 % of the height, 45-60 %
    of it lit, turned up to 35 degrees), warm, soft-edged, x1.25-1.7 where lit."""
    h, w = img.shape[:2]
    s = _scale(w)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = float(np.radians(rng.uniform(-35, 35)))
    period = float(rng.uniform(0.05, 0.09)) * h
    duty = float(rng.uniform(0.45, 0.6))
    phase = (yy * np.cos(angle) - xx * np.sin(angle)) / period + float(rng.uniform(0, 1))
    stripe = cv2.GaussianBlur((np.mod(phase, 1.0) < duty).astype(np.float32), (0, 0), 1.2 * s)
    cx, cy = float(rng.uniform(0.3, 0.7)) * w, float(rng.uniform(0.35, 0.7)) * h
    hw, hh = float(rng.uniform(0.18, 0.4)) * w, float(rng.uniform(0.22, 0.36)) * h
    skew = float(rng.uniform(-0.35, 0.35)) * hw
    quad = np.array(
        [
            [cx - hw + skew, cy - hh],
            [cx + hw + skew, cy - hh],
            [cx + hw - skew, cy + hh],
            [cx - hw - skew, cy + hh],
        ],
        np.int32,
    )
    patch = np.zeros((h, w), np.float32)
    cv2.fillPoly(patch, [quad], 1.0)
    patch = np.asarray(cv2.GaussianBlur(patch, (0, 0), 4 * s), np.float32)
    lit = patch * stripe
    amb, gain = float(rng.uniform(0.7, 0.85)), float(rng.uniform(0.55, 0.85))
    warm = np.array([1.0, 0.94, 0.8], np.float32)
    light = (amb + gain * lit)[:, :, None] * (1 + (warm - 1) * lit[:, :, None])
    return _noise(_u8(img.astype(np.float32) * light), rng, 2.0)


PAPER: Colour = (247, 246, 240)


def torn_half(img: U8, rng: Rng) -> U8:
    """A print of the picture torn across, the kept part (50-70 %) lying on a desk: a
    white border (3-5 % of the width), the tear jagged (a random walk and a slant of up
    to 12 %) with the paper's white core showing along it (1.5-3 px at 400), the piece
    turned up to 8 degrees at 82-95 % of the frame, a soft shadow, a sheen."""
    h, w = img.shape[:2]
    s = _scale(w)
    border = max(3, int(float(rng.uniform(0.03, 0.05)) * w))
    ph, pw = h + 2 * border, w + 2 * border
    sheet = np.empty((ph, pw, 3), np.float32)
    sheet[:] = PAPER
    sheet[border : border + h, border : border + w] = img
    vertical = rng.random() < 0.7
    if not vertical:
        sheet = np.ascontiguousarray(sheet.transpose(1, 0, 2))
    rows, cols = sheet.shape[:2]
    walk = np.cumsum(rng.normal(0, 0.9 * s, rows))
    walk += rng.integers(-1, 2, rows) * s - walk.mean()
    line = float(rng.uniform(0.5, 0.7)) * cols + walk
    line += float(rng.uniform(-0.12, 0.12)) * (np.arange(rows) - rows / 2)
    d = np.arange(cols, dtype=np.float32)[None, :] - line[:, None].astype(np.float32)
    mask = (d < 0).astype(np.float32)
    core = (d > -float(rng.uniform(1.5, 3.0)) * s) & (d < 0)
    sheet[core] = np.array(PAPER, np.float32) + rng.normal(0, 4, (int(core.sum()), 1)).astype(
        np.float32
    )
    if rng.random() < 0.5:
        sheet, mask = sheet[:, ::-1], mask[:, ::-1]
    if not vertical:
        sheet = np.ascontiguousarray(sheet.transpose(1, 0, 2))
        mask = np.ascontiguousarray(mask.T)
    sheet, mask = np.ascontiguousarray(sheet), np.ascontiguousarray(mask)
    ys, xs = np.nonzero(mask)
    centre = (float(xs.mean()), float(ys.mean()))
    scale = min(w / pw, h / ph) * float(rng.uniform(0.82, 0.95))
    m = cv2.getRotationMatrix2D(centre, float(rng.uniform(-8, 8)), scale)
    m[0, 2] += w * float(rng.uniform(0.45, 0.55)) - centre[0]
    m[1, 2] += h * float(rng.uniform(0.45, 0.55)) - centre[1]
    piece = cv2.warpAffine(sheet, m, (w, h), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_LINEAR)[:, :, None]
    out = _table(rng, w, h).astype(np.float32)
    shadow = cv2.GaussianBlur(
        np.roll(alpha[:, :, 0], (max(2, int(3 * s)), max(2, int(4 * s))), axis=(0, 1)),
        (0, 0),
        3 * s,
    )
    out *= (1 - 0.45 * shadow)[:, :, None]
    xx = np.arange(w, dtype=np.float32)[None, :, None]
    sheen = 16 * np.exp(-(((xx - float(rng.uniform(0.2, 0.8)) * w) / (0.25 * w)) ** 2))
    out = out * (1 - alpha) + (piece + sheen) * alpha
    return _noise(_u8(out), rng, 2.0)


def doc_scan(img: U8, rng: Rng) -> U8:
    """A phone scanner app's copy of a print that was folded in four: the page (a white
    margin of 2-4 %) corrected for perspective all but a little (each corner up to 2.5 %
    off), both creases (a bright ridge, a shadow beside it, the far side x0.97) near the
    middle, uneven light (x0.92-1), then the app's enhancing: levels from the 1st-4th to
    the 80th-90th percentile (the highlights clip to white), saturation x1.2-1.45, an
    unsharp mask."""
    h, w = img.shape[:2]
    s = _scale(w)
    margin = max(2, int(float(rng.uniform(0.02, 0.04)) * w))
    page = np.empty((h, w, 3), np.uint8)
    page[:] = PAPER
    page[margin : h - margin, margin : w - margin] = cv2.resize(
        img, (w - 2 * margin, h - 2 * margin), interpolation=cv2.INTER_AREA
    )
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = src + (rng.uniform(-0.025, 0.025, (4, 2)) * np.array([w, h])).astype(np.float32)
    warped = cv2.warpPerspective(
        page,
        cv2.getPerspectiveTransform(src, dst),
        (w, h),
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=PAPER,
    )
    f = np.asarray(warped, np.float32) / 255
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fold = np.ones((h, w), np.float32)
    for across, length in ((xx, w), (yy, h)):
        other = yy if across is xx else xx
        d = (
            across
            - (0.5 + float(rng.uniform(-0.04, 0.04))) * length
            - float(rng.uniform(-0.03, 0.03)) * (other - other.mean())
        )
        fold *= (
            1
            + 0.18 * np.exp(-((d / (0.8 * s)) ** 2))
            - 0.22 * np.exp(-(((d - 2.2 * s) / (1.3 * s)) ** 2))
        )
        fold *= np.where(d > 0, 0.97, 1.0).astype(np.float32)
    corner = rng.uniform(0, 1, 2) * np.array([w, h])
    far = np.sqrt((xx - corner[0]) ** 2 + (yy - corner[1]) ** 2) / np.hypot(w, h)
    f = f * (fold * (1 - 0.08 * far))[:, :, None]
    lo = float(np.percentile(f, rng.uniform(1, 4)))
    hi = max(lo + 0.25, float(np.percentile(f, rng.uniform(80, 90))))
    f = np.clip((f - lo) / (hi - lo), 0, 1)
    grey = f.mean(axis=2, keepdims=True)
    f = grey + (f - grey) * float(rng.uniform(1.2, 1.45))
    f = f + float(rng.uniform(0.6, 1.0)) * (f - cv2.GaussianBlur(f, (0, 0), 1.2 * s))
    return _noise(_u8(f * 255), rng, 1.5)


def led_board(img: U8, rng: Rng) -> U8:
    """The picture on an outdoor LED video wall, photographed from the street below and to
    one side at dusk: 56-84 LEDs across, each a soft round dot on black, modules of 16 x 16
    a little brighter or darker than each other (x0.9-1.1), 0.4 % of LEDs dead, a glow
    round each; the board in a dark frame at 72-88 % of the width, its top narrower (seen
    from below) and one side shorter; a dusk sky and buildings round it."""
    h, w = img.shape[:2]
    s = _scale(w)
    cols = int(rng.integers(56, 85))
    rows = max(8, round(cols * h / w))
    small = cv2.resize(img, (cols, rows), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    grey = small.mean(axis=2, keepdims=True)
    small = np.clip(grey + (small - grey) * 1.2, 0, 1) ** 0.85
    mod = rng.uniform(0.9, 1.1, (rows // 16 + 1, cols // 16 + 1)).astype(np.float32)
    small *= np.repeat(np.repeat(mod, 16, axis=0), 16, axis=1)[:rows, :cols, None]
    small[rng.random((rows, cols)) < 0.004] = 0
    p = 6
    yy, xx = np.mgrid[0:p, 0:p].astype(np.float32) - (p - 1) / 2
    dot = np.exp(-((np.sqrt(xx**2 + yy**2) / (p * float(rng.uniform(0.3, 0.4)))) ** 4))
    board = (
        np.repeat(np.repeat(small, p, axis=0), p, axis=1) * np.tile(dot, (rows, cols))[:, :, None]
    )
    board = board + 0.6 * cv2.GaussianBlur(board, (0, 0), p * 0.8)
    bh, bw = board.shape[:2]
    pad = max(2, int(0.04 * bw))
    framed = np.full((bh + 2 * pad, bw + 2 * pad, 3), 0.05, np.float32)
    framed[pad : pad + bh, pad : pad + bw] = board
    sky = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    top_c, low_c = (
        np.array(_between(rng, (40, 60, 100), (90, 110, 150)), np.float32),
        np.array(_between(rng, (140, 120, 120), (200, 160, 140)), np.float32),
    )
    out = np.broadcast_to(top_c * (1 - sky) + low_c * sky, (h, w, 3)).copy()
    x = 0
    while x < w:
        bw_ = int(rng.integers(w // 10, w // 4))
        top = int(h * float(rng.uniform(0.05, 0.5)))
        tone = float(rng.uniform(30, 60))
        out[top:, x : x + bw_] = tone
        for _ in range(int(rng.integers(2, 10))):
            wx, wy = x + int(rng.integers(0, max(1, bw_ - 4))), int(rng.integers(top, h - 4))
            out[wy : wy + max(2, int(4 * s)), wx : wx + max(2, int(3 * s))] = _between(
                rng, (180, 150, 90), (250, 220, 150)
            )
        x += bw_
    fw = float(rng.uniform(0.72, 0.88)) * w
    fh = fw * framed.shape[0] / framed.shape[1]
    cx, cy = w * float(rng.uniform(0.45, 0.55)), h * float(rng.uniform(0.42, 0.52))
    inset = float(rng.uniform(0.04, 0.1)) * fw
    short = float(rng.uniform(0.0, 0.08)) * fh
    left = rng.random() < 0.5
    dst = np.array(
        [
            [cx - fw / 2 + inset, cy - fh / 2 + (short if left else 0)],
            [cx + fw / 2 - inset, cy - fh / 2 + (0 if left else short)],
            [cx + fw / 2, cy + fh / 2 - (0 if left else short)],
            [cx - fw / 2, cy + fh / 2 - (short if left else 0)],
        ],
        np.float32,
    )
    fh_, fw_ = framed.shape[:2]
    src = np.array([[0, 0], [fw_, 0], [fw_, fh_], [0, fh_]], np.float32)
    hom = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(framed, hom, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((fh_, fw_), np.float32), hom, (w, h))[:, :, None]
    out = out * (1 - mask) + np.clip(warped, 0, 1.2) * 255 * mask
    return _noise(_u8(out), rng, 3.0)


INKS: tuple[tuple[Colour, Colour], ...] = (  # risograph ink pairs
    ((255, 72, 176), (0, 120, 191)),
    ((0, 131, 138), (255, 108, 47)),
    ((255, 102, 94), (0, 169, 92)),
    ((118, 91, 167), (255, 232, 0)),
    ((35, 35, 40), (255, 72, 176)),
)


def risograph(img: U8, rng: Rng) -> U8:
    """A two-colour risograph print of the picture, photographed flat: the picture split
    into two spot inks (one of five pairs, by least squares in log space), each ink a
    grain screen (drawn at twice the size, 1 px dots there, and seen at the picture's
    size) with its density uneven (x0.8-1), the second drum misregistered by 2-6 px and up
    to 0.6 degrees, on off-white paper, the ink spread a little, the corners x0.93."""
    h, w = img.shape[:2]
    s = _scale(w)
    h2, w2 = 2 * h, 2 * w
    pair = INKS[int(rng.integers(0, len(INKS)))]
    a_ink, b_ink = pair if rng.random() < 0.5 else pair[::-1]
    ia, ib = (np.clip(np.array(c, np.float32) / 255, 0.05, 1) for c in (a_ink, b_ink))
    basis = np.stack([np.log(ia), np.log(ib)], axis=1)
    f = np.clip(img.astype(np.float32) / 255, 0.03, 1)
    dens = np.clip(np.log(f) @ np.linalg.pinv(basis).T.astype(np.float32), 0, 1)
    dens = np.asarray(cv2.resize(dens, (w2, h2), interpolation=cv2.INTER_LINEAR), np.float32)

    def screen(d: F32) -> F32:
        t = rng.random((h2, w2)).astype(np.float32)
        uneven = 0.9 + 0.1 * np.clip(_field(rng, w2, h2, max(4, w2 // 8)) / 2, -1, 1)
        return (d * uneven > t).astype(np.float32)

    sa, sb = screen(dens[:, :, 0]), screen(dens[:, :, 1])
    m = cv2.getRotationMatrix2D((w, h), float(rng.uniform(-0.6, 0.6)), 1.0)
    m[:, 2] += rng.uniform(4, 12, 2) * s * rng.choice([-1.0, 1.0], 2)
    sb = np.asarray(
        cv2.warpAffine(sb, m, (w2, h2), flags=cv2.INTER_NEAREST, borderValue=0), np.float32
    )
    paper = np.array(_between(rng, (238, 234, 222), (250, 247, 238)), np.float32) / 255
    out = paper * (1 - sa[:, :, None] * (1 - ia)) * (1 - sb[:, :, None] * (1 - ib))
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.6 * s), np.float32)
    out = np.asarray(cv2.resize(out, (w, h), interpolation=cv2.INTER_AREA), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    vignette = 1 - 0.07 * (((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2) / 2
    return _noise(_u8(out * 255 * vignette[:, :, None]), rng, 1.5)


def mug(img: U8, rng: Rng) -> U8:
    """The picture printed on a white mug on a table, photographed: the room behind out
    of focus (a wall, the table's top), the mug 62-74 % of the height (its radius 0.4-0.46
    of that) 45-55 % across, seen a little from above (the rims ellipses 0.18-0.28 as deep
    as wide); the print (72 % of the mug's height) wrapped round it, turned up to 0.25 rad,
    so that it narrows towards the sides; lit from one side, a highlight down the glaze, a
    dark inside, a handle, a shadow."""
    h, w = img.shape[:2]
    s = _scale(w)
    big = float(rng.uniform(0.62, 0.74)) * h
    rad = big * float(rng.uniform(0.4, 0.46))
    ell = rad * float(rng.uniform(0.18, 0.28))
    cx = w * float(rng.uniform(0.45, 0.55))
    ytop = max(ell + 2, h / 2 - big / 2 - float(rng.uniform(0.0, 0.04)) * h)
    ybot = ytop + big
    horizon = int(ytop + big * float(rng.uniform(0.55, 0.8)))
    wall = np.array(_between(rng, (150, 140, 130), (235, 230, 220)), np.float32)
    out = np.empty((h, w, 3), np.float32)
    out[:] = wall * np.linspace(1.0, 0.85, h, dtype=np.float32)[:, None, None]
    out[horizon:] = _table(rng, w, h - horizon)
    out = np.asarray(cv2.GaussianBlur(out, (0, 0), 2.5 * s), np.float32)
    sgn = float(rng.choice([-1.0, 1.0]))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    shadow = np.zeros((h, w), np.float32)
    cv2.ellipse(
        shadow,
        (int(cx + sgn * rad * 0.4), int(ybot)),
        (int(rad * 1.25), max(2, int(ell * 1.3))),
        0,
        0,
        360,
        1.0,
        -1,
    )
    out *= (1 - 0.45 * cv2.GaussianBlur(shadow, (0, 0), 4 * s))[:, :, None]
    glaze = np.array((242, 240, 234), np.float32)
    handle = np.zeros((h, w), np.float32)
    hx = int(cx - sgn * rad)
    cv2.ellipse(
        handle,
        (hx, int(ytop + big * 0.45)),
        (max(3, int(rad * 0.5)), max(3, int(big * 0.28))),
        0,
        0,
        360,
        1.0,
        max(2, int(rad * 0.16)),
    )
    out = out * (1 - handle[:, :, None]) + (glaze * 0.8 * handle[:, :, None])
    xn = np.clip((xx - cx) / rad, -1, 1)
    theta = np.arcsin(xn)
    bulge = ell * np.sqrt(1 - xn**2)
    body = (np.abs(xx - cx) < rad) & (yy >= ytop + bulge) & (yy <= ybot + bulge)
    print_h = 0.72 * big
    span = print_h * (w / h) / rad
    u = (theta - float(rng.uniform(-0.25, 0.25))) / span + 0.5
    v = (yy - ytop - bulge - 0.14 * big) / print_h
    printed = body & (u >= 0) & (u <= 1) & (v >= 0) & (v <= 1)
    sample = cv2.remap(
        img,
        (u * (w - 1)).astype(np.float32),
        (v * (h - 1)).astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    ).astype(np.float32)
    surface = np.where(printed[:, :, None], sample, glaze)
    light = -sgn * float(rng.uniform(0.3, 0.9))
    shade = 0.45 + 0.55 * np.clip(np.cos(theta - light), 0, 1)
    spec = 70 * np.exp(-(((theta - light * 0.5) / 0.07) ** 2))
    lit = surface * shade[:, :, None] + spec[:, :, None]
    out = np.where(body[:, :, None], lit, out)
    mouth = np.zeros((h, w), np.uint8)
    cv2.ellipse(mouth, (int(cx), int(ytop)), (int(rad), max(2, int(ell))), 0, 0, 360, 1, -1)
    inside = np.array(_between(rng, (50, 40, 35), (110, 100, 95)), np.float32)
    out[mouth.astype(bool)] = inside * (
        0.7 + 0.3 * (yy[mouth.astype(bool)] - ytop + ell)[:, None] / (2 * ell + 1)
    )
    rim = np.zeros((h, w, 3), np.uint8)
    cv2.ellipse(
        rim,
        (int(cx), int(ytop)),
        (int(rad), max(2, int(ell))),
        0,
        0,
        360,
        (250, 250, 248),
        max(1, int(2 * s)),
    )
    out = np.where((rim.max(axis=2) > 0)[:, :, None], rim.astype(np.float32), out)
    return _noise(_u8(out), rng, 2.0)


def stained_glass(img: U8, rng: Rng) -> U8:
    """A stained-glass filter: 250-520 cells (at 400 x 300; Voronoi cells of a jittered
    grid), each the mean colour of the picture under it, saturated x1.3-1.7 and lit from
    behind, mottled like glass; lead cames (2-3 px at 400) between them; a vignette; off
    square by up to 2 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    n = float(rng.uniform(250, 520)) * (w * h) / (400 * 300)
    cell = float(np.sqrt(w * h / max(n, 4)))
    gy, gx = np.mgrid[cell / 2 : h : cell, cell / 2 : w : cell]
    ys = np.clip(gy + rng.uniform(-0.45, 0.45, gy.shape) * cell, 0, h - 1).astype(int).ravel()
    xs = np.clip(gx + rng.uniform(-0.45, 0.45, gx.shape) * cell, 0, w - 1).astype(int).ravel()
    src = np.full((h, w), 255, np.uint8)
    src[ys, xs] = 0
    _dist, labels = cv2.distanceTransformWithLabels(
        src, cv2.DIST_L2, 5, labelType=cv2.DIST_LABEL_PIXEL
    )
    flat = labels.ravel()
    counts = np.maximum(np.bincount(flat), 1).astype(np.float32)
    means = (
        np.stack(
            [np.bincount(flat, weights=img[:, :, c].ravel().astype(np.float64)) for c in range(3)],
            axis=1,
        )
        / counts[:, None]
    )
    glass = means[labels].astype(np.float32)
    grey = glass.mean(axis=2, keepdims=True)
    glass = grey + (glass - grey) * float(rng.uniform(1.3, 1.7))
    glass = glass * 1.08 + 12
    mottle = 0.9 + 0.1 * np.clip(_field(rng, w, h, max(3, int(cell / 2))), -2, 2)
    glass *= mottle[:, :, None]
    edge = np.zeros((h, w), np.uint8)
    edge[:, :-1] |= (labels[:, :-1] != labels[:, 1:]).astype(np.uint8)
    edge[:-1] |= (labels[:-1] != labels[1:]).astype(np.uint8)
    t = max(2, round(float(rng.uniform(2.0, 3.0)) * s))
    lead = cv2.dilate(edge, np.ones((t, t), np.uint8)).astype(bool)
    glass[lead] = (38, 36, 34)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    vignette = 1 - 0.18 * (((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2) / 2
    out = _tilted(_u8(glass * vignette[:, :, None]), rng, 0.02)
    return _noise(out, rng, 2.0)


def bubble_wrap(img: U8, rng: Rng) -> U8:
    """The picture under a sheet of bubble wrap: bubbles 5.5-8 % of the width across on a
    hexagonal grid (turned up to 14 degrees), each a little lens magnifying what is under
    it (x1.35-1.8 at its middle), a darker edge, a bright highlight and a faint crescent
    from one light; 4-12 % of the bubbles popped (flat); the film between them hazy
    (x0.88-0.94, +12-24) with a few creases."""
    h, w = img.shape[:2]
    s = _scale(w)
    rad = float(rng.uniform(0.055, 0.08)) * w / 2
    pitch = 2 * rad * float(rng.uniform(1.12, 1.25))
    rowh = pitch * np.sqrt(3) / 2
    ang = float(rng.uniform(-0.25, 0.25))
    ca, sa = float(np.cos(ang)), float(np.sin(ang))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ox, oy = rng.uniform(0, pitch, 2)
    u = (xx - ox) * ca + (yy - oy) * sa
    v = -(xx - ox) * sa + (yy - oy) * ca
    row = np.round(v / rowh)
    best = np.full((h, w), np.inf, np.float32)
    du = np.zeros((h, w), np.float32)
    dv = np.zeros((h, w), np.float32)
    ident = np.zeros((h, w), np.int64)
    for dr in (-1, 0, 1):
        rr = row + dr
        shift = np.mod(rr, 2) * pitch / 2
        col = np.round((u - shift) / pitch)
        cu, cv_ = col * pitch + shift, rr * rowh
        d2 = (u - cu) ** 2 + (v - cv_) ** 2
        better = d2 < best
        best = np.where(better, d2, best)
        du = np.where(better, u - cu, du)
        dv = np.where(better, v - cv_, dv)
        ident = np.where(better, (rr.astype(np.int64) * 1009 + col.astype(np.int64)), ident)
    r = np.sqrt(best) / rad
    keys = rng.integers(0, 1000, 4)
    popped = ((ident * int(keys[0]) + int(keys[1])) % 1000) < float(rng.uniform(0.04, 0.12)) * 1000
    lens = (r < 1) & ~popped
    mag = float(rng.uniform(0.55, 0.75))
    k = np.where(lens, mag + (1 - mag) * r**2, 1.0).astype(np.float32)
    dx, dy = du * ca - dv * sa, du * sa + dv * ca
    mapx, mapy = xx - dx * (1 - k), yy - dy * (1 - k)
    mapx, mapy = mapx.astype(np.float32), mapy.astype(np.float32)
    out = cv2.remap(img, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT).astype(
        np.float32
    )
    ring = np.exp(-(((r - 0.95) / 0.08) ** 2)) * lens
    out *= (1 - 0.3 * ring)[:, :, None]
    la = float(rng.uniform(0, 2 * np.pi))
    lx, ly = float(np.cos(la)), float(np.sin(la))
    spot = np.exp(-(((dx / rad - 0.38 * lx) ** 2 + (dy / rad - 0.38 * ly) ** 2) / 0.02)) * lens
    facing = np.clip(-(dx * lx + dy * ly) / (np.sqrt(best) + 1e-3), 0, 1)
    crescent = np.exp(-(((r - 0.82) / 0.07) ** 2)) * facing**2 * lens
    haze, lift = float(rng.uniform(0.88, 0.94)), float(rng.uniform(12, 24))
    out = out * haze + lift + (170 * spot + 45 * crescent)[:, :, None]
    creases = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 6))):
        pts = np.cumsum(rng.normal(0, 10 * s, (12, 2)), axis=0) + rng.uniform(0, 1, 2) * np.array(
            [w, h]
        )
        cv2.polylines(creases, [pts.astype(np.int32)], False, 1.0, 1, cv2.LINE_AA)
    out += 28 * cv2.GaussianBlur(creases, (0, 0), 0.8 * s)[:, :, None]
    return _noise(_u8(out), rng, 2.0)


MIRROR_HALF = 58.0  # degrees off its axis a convex mirror shows at its rim (as drawn)


def through_mirror(back: F32, inner: F32, cx: float, cy: float, rad: float) -> F32:
    """A convex mirror of radius ``rad`` at (cx, cy) over ``back``: ``inner`` (a square
    perspective view 2 x ``MIRROR_HALF`` degrees wide from the mirror) squeezed into the
    disc (angle off the axis proportional to the distance from the middle), reversed left
    to right as a mirror shows it, darker towards the rim (to x0.65), a little cool; a
    dark rim (8 % of the radius) round it and a soft highlight."""
    h, w = back.shape[:2]
    size = inner.shape[0]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - cx, yy - cy
    dist = np.sqrt(dx * dx + dy * dy)
    rho = dist / max(rad, 1e-3)
    half = np.radians(MIRROR_HALF)
    fin = (size / 2) / np.tan(half)
    far = fin * np.tan(np.clip(rho, 0, 1) * half)
    ux, uy = dx / (dist + 1e-6), dy / (dist + 1e-6)
    mapx = (size / 2 - ux * far).astype(np.float32)
    mapy = (size / 2 + uy * far).astype(np.float32)
    seen = cv2.remap(inner, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    seen = (
        seen
        * (1 - 0.35 * np.clip(rho, 0, 1) ** 4)[:, :, None]
        * np.array([0.95, 0.97, 1.0], np.float32)
    )
    glint = (
        55
        * np.exp(-(((rho - 0.72) / 0.1) ** 2))
        * np.clip(np.cos(np.arctan2(dy, dx) + 2.3), 0, 1) ** 4
    )
    seen = seen + glint[:, :, None]
    out = np.where((rho < 1)[:, :, None], seen, back)
    rim = (rho >= 1) & (rho < 1.08)
    out[rim] = (28, 28, 30)
    return np.asarray(out, np.float32)


def convex_mirror(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place in a convex security mirror hung in a back corner (``mirror_station``),
    photographed from near the place's camera (moved up to 0.4 m) zoomed so that the
    mirror's radius (0.3 m; 0.45 m in places over 10 m deep, 0.2 m in a shed) is 25-34 %
    of the height (8-70 degrees wide) and it sits up to 12 % off the middle; in it the room
    seen from the corner towards its front third (``through_mirror``)."""
    planes = place.planes(0)
    mpos, spot = mirror_station(place, rng)
    pos = moved(place, rng, 0.4, 0).pos
    dist = float(np.linalg.norm(mpos - pos))
    rad_m = 0.2 if place.base == "shed" else 0.45 if place.depth > 10 else 0.3
    f = float(rng.uniform(0.25, 0.34)) * h * dist / rad_m
    hfov = float(np.clip(np.degrees(2 * np.arctan(w / 2 / f)), 8, 70))
    yaw, pitch = _aim(pos, mpos)
    yaw -= float(rng.uniform(-0.12, 0.12)) * hfov
    pitch += float(rng.uniform(-0.08, 0.08)) * hfov * h / w
    cam = Camera(pos, yaw, pitch, hfov)
    room = render(planes, cam, w, h).astype(np.float32)
    f = (w / 2) / float(np.tan(np.radians(hfov) / 2))
    axes = np.asarray(cam.axes(), np.float64)
    d = mpos - pos
    depth = max(0.1, float(d @ axes[2]))
    px, py = w / 2 + f * float(d @ axes[0]) / depth, h / 2 + f * float(d @ axes[1]) / depth
    rad = f * rad_m / depth
    yaw2, pitch2 = _aim(mpos, spot)
    size = max(24, int(2 * rad))
    inner = render(planes, Camera(mpos, yaw2, pitch2, 2 * MIRROR_HALF), size, size).astype(
        np.float32
    )
    return _noise(_u8(through_mirror(room, inner, px, py, rad)), rng, 2.5)


def lenticular_mix(a: U8, b: U8, rng: Rng) -> U8:
    """A lenticular card showing ``a`` and ``b``, photographed: lenses 3.5-5.5 px apart
    (at 400); across a band (15-30 % of the width, its middle 30-70 % across) the lenses
    flip from one picture to the other, each lens showing a share of each by column; the
    ridges (x0.93-1.07 and a bright line each), the plastic's haze (x0.94, +8); off
    square by up to 2 %."""
    _h, w = a.shape[:2]
    s = _scale(w)
    p = max(3, round(float(rng.uniform(3.5, 5.5)) * s))
    mid, band = float(rng.uniform(0.3, 0.7)) * w, float(rng.uniform(0.15, 0.3)) * w
    xx = np.arange(w, dtype=np.float32)
    share = np.clip((xx - (mid - band / 2)) / band, 0, 1)
    if rng.random() < 0.5:
        share = 1 - share
    pick = (np.mod(xx, p) / p) < share
    mixed = np.where(pick[None, :, None], b, a).astype(np.float32)
    ridge = 1 + 0.07 * np.cos(2 * np.pi * xx / p)
    sheen = np.where(np.mod(np.arange(w), p) == 0, 18.0, 0.0).astype(np.float32)
    out = mixed * ridge[None, :, None] * 0.94 + 8 + sheen[None, :, None]
    return _tilted(_u8(out), rng, 0.02)


def lenticular(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A lenticular card of two shots of the place (``lenticular_mix``): the place's camera
    moved up to 0.3 m (turned up to 8 degrees) and up to 1 m (turned up to 15)."""
    planes = place.planes(0)
    a = render(planes, moved(place, rng, 0.3, 8), w, h)
    b = render(planes, moved(place, rng, 1.0, 15), w, h)
    return _noise(lenticular_mix(a, b, rng), rng, 2.0)


def views_v20(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v20's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["parallax"] = _jpeg(parallax(place, rng, w, h), 90)
    out["midscroll"] = _png(mid_scroll(shot(0.4, 12), rng))
    out["blinds"] = _jpeg(blinds(shot(0.4, 12), rng), 85)
    out["tornhalf"] = _jpeg(torn_half(shot(0.4, 12), rng), 85)
    out["docscan"] = _jpeg(doc_scan(shot(0.4, 12), rng), 80)
    out["ledboard"] = _jpeg(led_board(shot(0.4, 12), rng), 85)
    out["risograph"] = _jpeg(risograph(shot(0.4, 12), rng), 85)
    out["mug"] = _jpeg(mug(shot(0.4, 12), rng), 85)
    out["stainedglass"] = _jpeg(stained_glass(shot(0.4, 12), rng), 85)
    out["bubblewrap"] = _jpeg(bubble_wrap(shot(0.4, 12), rng), 85)
    out["convexmirror"] = _jpeg(convex_mirror(place, rng, w, h), 85)
    out["lenticular"] = _jpeg(lenticular(place, rng, w, h), 85)
    return out


def _png(img: U8) -> bytes:
    ok, data = cv2.imencode(".png", np.ascontiguousarray(img[:, :, ::-1]))
    assert ok
    return data.tobytes()


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v20", room=room_v20, views=views_v20)


def main() -> None:
    dry_run("v20", make_pictures, place_kind)


if __name__ == "__main__":
    main()

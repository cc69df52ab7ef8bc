"""Generator v29 of ``bench/link.py``: benign places (trampoline parks, cleanroom bays,
indoor cricket nets, indoor skateparks, ice sculpture studios, glaziers' workshops,
karting tracks, stove showrooms) as the month's photograph on a wall calendar, a music
app's cover art, a phone's burst picker, a share sheet drawn up over it, a sky
replacement, a photo wall clock, a print dialog's preview, an LP sleeve in a crate, a
street poster pasted on bricks, a drawing app's tracing layer, a picture-in-picture
window and a chat's "sensitive content" blur show them, held out.

Written blind, like v6-v28: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml`` (printed on their own, lines
123-165), ``bench/link_rooms_v28.py`` whole (for the interface, the truth format, the
place model and the primitives imported below), ``tests/bench/test_link_rooms_v28.py``
and ``tests/bench/conftest.py`` whole (for the shape of the tests),
``bench/link_rooms_check.py`` (the crash check, run below) and, in ``bench/link.py``,
only the generator plumbing: a grep for ``v28`` and the lines round each hit (the imports
at 80-90, ``GENERATORS`` at 630-662, ``VIEWS`` at 665-692 and ``main``'s ``--generator``
argument at 1370-1390). Of ``bench/link_rooms_v6.py``-``v28.py`` only the first paragraph
of their docstrings, their ``KINDS``, ``GROUPS``, ``VIEW_KINDS`` and ``*_SEED`` constants
(printed by importing the modules) and every ``is_distractor`` of v10-v28 called on
seeds 0-999 (only 78, 79 and 99 of the residues mod 100 are held by none, as v28's author
reported), and the lines a grep of v6-v28 found for words v29 considered (a list of the
files first, then for some words the hits, one line each, cut to 60 characters either
side of the word). For kinds and groups: organ, chocolat, trampolin, cleanroom, clean
room, cricket, cooper, barrel, skate, sculpt, ice sculpt, ice block, nacelle, turbine,
wind farm, utility, balcony, loggia, glazier, kart, go-kart, letterpress, piano, luthier,
violin, neon, planetarium, motor room, wind tunnel, sound stage, soft play, ball pit,
wafer, semiconductor, stove, fireplace (the files only for cricket, net, recording,
taxi, escalator, projection, bicycle, locker, map, tyre, upholster, sail, kayak, canoe,
bouldering, lift, dental, lab, glass, ice). For views: calendar, now playing,
nowplaying, album, share sheet, sharesheet, scrapbook, washi, burst, emboss, cookie,
consent, sleeve, record sleeve, vinyl, wheatpaste, wheat, paste-up, fly-post, flypost,
tracing, trace, onion, picture-in-picture, pip, floating, spoiler, sensitive, tap to
view, blur, sky replac, skyswap, replace the sky, print preview, printpreview,
presentation, slide deck, powerpoint, keynote, music player, share, picker, lock
screen, photo clock, clock face, clockface, photoclock, skyline, music, lp (the files
only for share, blur, vinyl, pip, music and lp). Beyond that list, by a slip, the
signatures (not the code) of seven older helpers were printed once with
``inspect.signature`` (v20's ``_Build20``, ``_mass_produced`` and ``_model``, v13's
``_Floor.against``, ``_Floor.middle`` and ``_window``, v23's ``_standing`` and v14's
``_box``); nothing else of them. None of v29's kinds, groups or views is a kind, group or
view of v6-v28 (the tests check the names against the ``KINDS``, ``GROUPS`` and
``VIEW_KINDS`` of v6-v28's modules). Ideas were dropped because an older generator had
them or something close. Kinds: an organ builder's (v24 and v26 dropped one: v16's music
shop), a chocolatier's (v23 dropped one), a cooperage (v24, v26 and v27 dropped one:
barrels in wine and beer places), a bell foundry (v27 dropped one; v23's bell ringing
chamber, v22's forge), a violin maker's (v22 and v26 dropped one), a letterpress studio
(v24 dropped one: v17's print shop), a planetarium (v26 dropped one), a soft play centre
(too close to v29's own trampoline park), a piano showroom (v16's music shop, v13's
piano), a lock-up garage (v11's garage), a hotel lift lobby (v15's hotel corridor, v12's
lift), a glamping pod (v17's beach huts, v16's chalets), a band's rehearsal room (v13's
music practice rooms). Views: an emboss filter (v23 dropped one: v21's ``pyrography``), a
cookie banner over a web page (v25 dropped one: v18's consent banner), a scrapbook page
(v25 dropped one), a slide deck (v24 dropped one: v18's ``listing``), a phone's lock
screen (v27 dropped one: v26's ``desktop``), a low-poly filter (v20's ``stainedglass``),
a duotone (v16's ``sepia``), a blurred-bars vertical video (v15's ``pillarbox``), a
colouring-book page (v24's ``etchsketch``, v17's ``pencil``), a wood print (v27's
``metalprint``), a peephole (v19's ``lensball``, v20's ``convexmirror``), a contact sheet
(v16's ``photogrid``), a TV wall (v20's ``ledboard``), a symmetry filter (v6's, v11's
``mirror``, v16's ``mirrorwall``), a sun-faded print (v25 dropped one; v16's
``expiredfilm``), a snow overlay (v7's and v12's ``season``). Most hits were other
senses: "organ" v26's perfumer's organ, "skate" v18's ice rink's skate marks, "sculpt" v13's
gallery's sculptures on plinths (v29's ice sculpture studio is a freezer room where blocks
are carved), "balcony" v20's stadium box's rail, "utility" v28's prose on its substations
("small utility rooms"), "calendar" v6's catalogue calendar and the calendar grid on v15's
``fridgedoor`` (v29's ``calendar`` is the picture as the month's photograph on a wall
calendar, its days below), "sleeve" v20's record shop's sleeves on its walls (a kind's
texture; v29's ``recordsleeve`` is a view), "picture-in-picture" v8's ``videocall``'s
tile of the other side (v29's ``pipwindow`` floats the picture itself, small, over a home
screen), "trace" v24's ``etchsketch`` (a line-drawing toy; v29's ``tracelayer`` keeps the
picture faded under the traced strokes), "burst" v13's flare's starburst and v24's
``zoomburst`` (v29's ``burstpicker`` is a phone's burst of frames), "clock face" clocks
drawn in rooms, "album" v23's and v27's dropped photo-album sleeves. The nearest kept: a
trampoline park, an indoor skatepark, indoor cricket nets and a karting track are halls of
play like v13's sports halls, v17's bowling alley and climbing centre and v27's table
tennis club (beds and a foam pit, ramps, net lanes and a bowling machine, a track of tyre
barriers and karts); a cleanroom bay is a room of machines like v16's server room; an ice
sculpture studio is cold like v18's ice rink (a freezer room with a block maker); a
glazier's workshop works glass like v23's glassblowing studio and v21's picture framer
(sheet glass on racks and a cutting table); a stove showroom shows things like v18's tile
showroom and v21's lighting shop (stoves on hearths with flues); wind turbine nacelles are
machine rooms like v28's substations (one make's machinery, one a turbine), new-build
utility rooms are like v14's show flat kitchens (a builder's fitted units) and glazed
balconies are like v28's lecturers' offices in how much is their own. Of the views:
``calendar`` puts the picture on paper like v15's ``fridgedoor`` and v17's ``magazine``;
``nowplaying``, ``sharesheet``, ``burstpicker``, ``printpreview``, ``pipwindow`` and
``spoilerblur`` are screenshots of apps like v12's ``chat``, v18's ``listing``, v27's
``mappin`` and v28's ``livestream`` (a cover over its own blur; a sheet over the bottom; a
strip of shaken frames; a page in a dialog; a small floating window; a hard blur with a
badge); ``skyswap`` edits the picture like v26's ``objectremoved`` and ``outpainted`` (a
sky painted over its top); ``photoclock`` and ``recordsleeve`` print it on things like
v20's ``mug`` and v28's ``photocube`` (a round face under hands; a square half hidden
behind the next sleeve); ``wheatpaste`` prints it on a rough ground like v25's
``canvasprint`` (bricks through thin paper, seen from the side); ``tracelayer`` draws over
it like v18's ``markup``. No source of an older primitive was read: they are called as
v28 calls them (and v28's shelves, spots, fitting and warping helpers are imported from
it). The worktree's ``.venv`` is a link to a ready virtualenv; nothing was installed.
Sheets of the originals of 22 places (two of every kind and group, and the three members
of each group again) and of the twelve views of two places at 320x240 were looked at
(after which the balcony's camera was aimed into a corner so that its own side wall is
in the picture), and ``room_v29`` and ``views_v29`` were timed (and v28's, on the same
machine, to compare). ``mypy`` (on v29 and its tests; its output names lines of v10-v28,
which v29 imports, none of v29's or its tests') and ``ruff`` were run. Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run (not even ``--help``): keep it for after v28's held-out run, then use it
once, for a held-out figure: ``python -m bench.link --name link-v29-heldout --generator
v29 --no-real --size 400x300 --rooms 315 --workers 2 --skip-costs``. v9's projective
renderer, v6's picture writer and dry run, v13's place model (surfaces, boxes, floor
plans, furniture pieces, windows, lighting), v14's belongings and small helpers, v15's
doors and sky, v16's colour ramp and aiming, v17's building state, clearance test, shell
planes, grained paint and off-square warp, v18's colour picker, v19's small helpers,
v20's builder state with the kinds' model generator, its place model (made v29's by a
subclass with v29's kinds and day seeds), its loose things of a day and small helpers,
v21's wall spots, v22's grid, v23's standing boxes and brick walls, v24's paint, concrete,
boards and wall openings, v27's sheets and painted landscapes, v28's shelves, splashes,
fitting and warping, and small drawing primitives of v10-v12 are imported; v28's place
builder, cameras, moves and print place are copied with v29's kinds, seeds and shares;
the kinds of place, their builders, the kinds' mass-produced things, the look-alikes,
the cameras' settings and every view are v29's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v29 --rooms 100 --size 400x300
--out /tmp/v29``.

**What a place is.** As v28's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, a city view, wall graphics and banners, fireplace surrounds,
boards of tools, shelves, signs, doors) and furniture and machines as 3-D boxes. Loose
things (v20's) change from day to day. Two pictures show the same place exactly when they
come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(2_000_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([2_008_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own, but each
stands at least once in every place of its kind:

- *trampoline park*: the trampoline bed (many, in a grid), the foam pit;
- *cleanroom bay*: the process tool (one to six), the wet bench;
- *indoor cricket nets*: the net divider (many, in runs), the bowling machine;
- *indoor skatepark*: the quarter pipe (one to five), the grind box (one to three);
- *ice sculpture studio*: the block maker, the sculpting turntable (one or two);
- *glazier's workshop*: the cutting table, the A-frame glass rack (one to three);
- *karting track*: the hire kart (four to nine), the tyre barrier (many, in runs);
- *stove showroom*: the display hearth (one to eight), the flue (one a hearth).

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (sizes width x height x depth in m): a *trampoline park* (10-16 x
4.5-6 x 12-18: bold wall graphics over a padded band, a rubber floor, a dark roof of lamps;
the beds in a grid of two to four by three to five, the foam pit by a wall, cubbies, a
rules board, the park's sign, high windows), a *cleanroom bay* (5-8 x 2.8-3.4 x 8-12:
yellow-lit panels with seams, a raised floor of perforated tiles, a ceiling of filter
units; the tools along both sides of an aisle, the wet bench at the back, trolleys of
wafer pods, a window onto the corridor, rules signs, a pass-through hatch), *indoor
cricket nets* (8-13 x 4-5.5 x 16-24: block walls with a painted dado, a sports floor;
two to four lanes of green pitch strips with their creases between runs of netting, the
bowling machine at a lane's far end, the camera at the head of a lane, kit benches and
bags, a scoreboard, high windows), an *indoor skatepark* (12-18 x 5-7 x 14-22: wall
graphics, scuffed concrete, a boarded roof; quarter pipes by the walls, grind boxes and a
rail in the middle, benches, banners, a window), an *ice sculpture studio* (5-8 x 3-3.8 x
6-9: frosted freezer panels, a rubber mat floor, the evaporator; the block maker, the
turntables with a block or a stacked abstract piece, pallets of blocks, a chest freezer, a
board of chisels and saws, a thermometer, a strip curtain door), a *glazier's workshop*
(6-10 x 3.2-4.2 x 8-12: brick or paint, concrete, a boarded roof; the cutting table, the
racks of sheet glass, sheets and glazed frames leaning on the walls, offcut bins, a bench,
a board of suction lifters, a big window, a roller door), a *karting track* (18-26 x 5-7 x
24-34: painted walls with sponsors' boards, a dark track with painted lines; runs of tyre
barrier with kerbs, karts in the pit lane and on the track, a pit wall, the start gantry,
a timing screen), a *stove showroom* (8-12 x 2.8-3.4 x 8-12: warm paint, boards or tiles,
a tiled ceiling; hearths each with a stove of the shop's own and its flue to the ceiling,
a wall of fireplace surrounds, log baskets, a counter, a shop window); and, as look-alikes
only, a *wind turbine nacelle* (2.8-3.4 x 2.4-2.8 x 6-8), a *new-build utility room*
(2-2.8 x 2.4-2.7 x 2.4-3.2) and a *glazed balcony* (3-4.5 x 2.5-2.8 x 1.8-2.4). No person
or animal is drawn anywhere, nor any figure of one; ice sculptures are stacked abstract
blocks, contacts in a share sheet are initials in circles, and the sensitive-content badge
is a struck-through circle.

**Views (none of their names used in v6-v28), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3 in a nacelle, a utility room or a
balcony, x0.7 in an ice sculpture studio; up to 0.08 m in height), turned up to 12 degrees
and tilted up to 4 (the first of 8 moves that leaves it 0.15 m clear of every thing, else
not moved), with sensor noise (sigma 2). The first four views start from a shot moved up
to 0.3 m and turned up to 8 degrees, every other from a shot moved up to 0.4 m and turned
up to 12. Difficulty as meant, not measured:

- ``calendar`` (easy): the month's photograph on a wall calendar: the page 82-92 % of the
  width, the picture over its top 56-62 %, a wire binding, the month's name and a grid of
  days below, the wall round it, turned up to 2 degrees, off square by up to 3 %. JPEG 88.
- ``nowplaying`` (easy): a music app's now-playing screen: the cover (a square from the
  picture's middle, 62-72 % of the height, rounded) over the picture blurred (sigma 10 % of
  the width) and darkened (x0.45-0.6), the title, a progress bar, the buttons. JPEG 85.
- ``burstpicker`` (medium): a phone's burst picker: the chosen frame (66-74 % of the
  height) on a dark page, a strip of nine to thirteen small frames of the burst (shifted up
  to 3 %, turned up to 1.5 degrees, zoomed 4-10 %), the chosen one framed and ticked. JPEG
  85.
- ``sharesheet`` (medium): a tablet's photo viewer with the share sheet drawn up: the
  picture dimmed (x0.6-0.75), the sheet over its bottom 38-52 % (a thumbnail and a file
  name, contacts' initials, app icons, actions). PNG.
- ``skyswap`` (medium): an editor's sky replacement: the top (down a wavy line at 18-32 %
  of the height, and what is bright just under it) replaced by a made-up blue or sunset
  sky with clouds, feathered, the rest graded warm or cool. JPEG 88.
- ``photoclock`` (medium to hard): a photo wall clock: a round face (a square from the
  picture's middle, 84-94 % of the height across) in a rim, markers, the hands and a cap
  over it, its shadow on the wall, up to 12 % off square. JPEG 85.
- ``printpreview`` (hard): a print dialog: the picture fitted inside the margins (7-12 %)
  of a portrait or landscape page in the preview pane (56-64 % of the width), settings and
  buttons beside it. PNG.
- ``recordsleeve`` (hard): an LP in a crate: the sleeve (a square from the picture's
  middle, 62-76 % of the height) leaning back (its top 84-92 % as wide), the lower 30-45 %
  hidden by the next sleeve, the tops of the sleeves behind, the crate's sides. JPEG 85.
- ``wheatpaste`` (hard): a street poster pasted on bricks: the print 72-86 % of the frame
  with the mortar and the bricks' relief showing through, wrinkles, damp patches, a torn
  corner, seen from a side (the far side 80-90 % of the near one's height). JPEG 85.
- ``tracelayer`` (hard): a drawing app's tracing layer: the picture at 28-42 % over white
  with ink strokes over its strongest edges (the top 4-7 % of the gradient), a tool bar, a
  layers panel. JPEG 88.
- ``pipwindow`` (very hard): a picture-in-picture window over a tablet's home screen: the
  picture cropped to 16:9 in a rounded window 28-38 % of the width in a corner, faint
  controls, app icons and a dock on a made-up wallpaper. JPEG 85.
- ``spoilerblur`` (very hard): a chat's sensitive-content cover: the picture (62-72 % of
  the height) blurred hard (sigma 2.5-4 % of the width), darkened (x0.6-0.75), sparkle
  dots, a badge and "Tap to view", other bubbles. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 3 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. Only three residues mod 100 were free,
so each group has one slot a hundred and a template is shared by the slots of 300 seeds:
members of a group are its three places in seeds 0-299 (78, 178 and 278 for the
nacelles), 300-599 and so on; a held-out run of 315 seeds holds three of each group, all
of one template. How much is their own varies: little in a nacelle, between in a utility
room, much on a balcony.

- *Wind turbine nacelles of one make*, one a turbine of a wind farm (1 %: ``seed % 100 ==
  78``, kind ``wind turbine nacelle``; template ``2_001_000_000 + seed // 300``): the size,
  the ribbed fibreglass shell, the chequer-plate floor, the roof hatch, the generator, the
  main shaft and the gearbox, the control cabinets along a side, the crane beam, the sign.
  The turbine's own (little): one or two notices or stickers on a wall and one or two
  things on the walkway (each wall differs from a sibling's in under 5 % of its texels).
  The camera stands at the rear on the walkway (0.3-0.45 m in), looking forward.
- *Utility rooms of one new-build estate's house type*, one a house (1 %: ``seed % 100 ==
  79``, kind ``new-build utility room``; template ``2_002_000_000 + seed // 300``): the
  size, the paint, the vinyl floor, the ceiling, the run of units with the worktop, the
  sink and the washing machine, the tiled splashback, the window over the sink, the boiler,
  the door. The household's own (between): shelves of bottles and tubs on a side wall
  (1-1.6 m wide, 1 m high), a calendar on the other, things on the worktop and a basket on
  the floor (walls differ in under half their texels). The camera stands 0.25-0.4 m in.
- *Glazed balconies of one tower block*, one a flat (1 %: ``seed % 100 == 99``, kind
  ``glazed balcony``; template ``2_003_000_000 + seed // 300``): the size, the paint, the
  tiled floor, the soffit, the glazing with its mullions over a solid parapet, the view
  of the city, the heater. The flat's own (much): what covers both side walls (60-90 % of
  their length, up to 1.8-2.2 m: shelves of pot plants, a trellis of climbers or a painted
  wall; side walls differ in over 40 % of their texels), pots, seats and a rug. The camera
  stands 0.2-0.3 m in, looking into a far corner.

The predicate: ``is_distractor(seed)`` is ``seed % 100 in (78, 79, 99)``; two look-alikes
are of one group exactly when they have the same kind and the same ``seed // 300``. The
slots are the residues that no ``is_distractor`` of v10-v28 holds on seeds 0-999 (the
tests check against every one); none is left for a later generator, which will need
another modulus or seeds of 1000 and up. A run of fewer than 79 places (the default
``--rooms 60``) holds no look-alike, and one of fewer than 179 no pair of one group.

**Pictures per place: 13** (the original and 12 views): ``original``, ``sharesheet`` and
``printpreview`` (PNG) and ``calendar``, ``nowplaying``, ``burstpicker``, ``skyswap``,
``photoclock``, ``recordsleeve``, ``wheatpaste``, ``tracelayer``, ``pipwindow``,
``spoilerblur`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 3 % (a nacelle, a utility room and a balcony in
every 100); the other seeds draw their kind with equal shares of 1/8 (the tests check each
within +-4 points on seeds 0-999). Counted on seeds 0-999 (``kind_counts``): nacelles 10,
utility rooms 10, balconies 10; of the other 970: indoor skatepark 131, cleanroom bay 128,
trampoline park 123, indoor cricket nets 121, karting track 121, ice sculpture studio 119,
stove showroom 117, glazier's workshop 110. The first 100 seeds: stove showroom 16, indoor
cricket nets 16, karting track 16, indoor skatepark 12, trampoline park 10, ice sculpture
studio 9, cleanroom bay 9, glazier's workshop 9, one of each group: every kind and group
is in it. The held-out run's 315 seeds: karting track 48, cleanroom bay 43, stove
showroom 38, indoor cricket nets 38, indoor skatepark 37, glazier's workshop 36, ice
sculpture studio 34, trampoline park 32, nacelles 3, utility rooms 3, balconies 3.

**Speed**: ``room_v29`` and ``views_v29`` of 22 places (two of each kind and group) at
400x300 took 0.55 s a place on average (0.41-0.76 s; 13 pictures), one core, on the
shared machine; v28's 22 places took 0.47 s (0.36-0.73 s) in the same run. The crash check
(``python -m bench.link_rooms_check --generator v29 --rooms 315 --size 400x300``) built
315 of 315 places. Surfaces are drawn at 120 texels a metre, large ones coarser (at most
360,000 texels a surface).

**Seeds**: a place ``2_000_000_000 + seed``; a wind farm ``2_001_000_000 + seed // 300``;
a housing estate ``2_002_000_000 + seed // 300``; a tower block ``2_003_000_000 + seed //
300``; a day's loose things ``2_004_000_000 + 3 * seed + day`` (day 0); views
``default_rng([2_005_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``2_006_000_000 + seed``; a kind's mass-produced things
``default_rng([2_008_000_000, k])``. None is a seed of v6-v28. Deterministic by seed.
Lettering is random syllables (digits for numbers); every city, landscape, file name and
lap time is made up. Pictures not made by ``room_v29`` (the real pictures of
``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide on the back
wall of a generated stove showroom, glazier's workshop or ice sculpture studio (seeds from
``2_007_000_000``) and seen the same ways.
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
from bench.link_rooms_v12 import _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    _cabinet,
    _faces,
    _Floor,
    _frames,
    _light,
    _planks,
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
from bench.link_rooms_v21 import _wall_box
from bench.link_rooms_v22 import _grid
from bench.link_rooms_v23 import _standing, _walls_of
from bench.link_rooms_v24 import _boards, _concrete, _opening, _paint_of
from bench.link_rooms_v27 import _landscape, _sheet
from bench.link_rooms_v28 import _fit, _luma, _shelf_of, _spots, _warp_onto

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 2_000_000_000
WINDFARM_SEED = 2_001_000_000
ESTATE_SEED = 2_002_000_000
TOWER_SEED = 2_003_000_000
DAY_SEED = 2_004_000_000
VIEW_SEED = 2_005_000_000
SENSOR_SEED = 2_006_000_000
PRINT_SEED = 2_007_000_000
MODEL_SEED = 2_008_000_000
EVERY = 100  # the slots repeat every 100 seeds
TEMPLATE_SPAN = 300  # a group's template is shared by the slots of 300 seeds (three members)
NACELLE_SLOTS = (78,)
UTILITY_SLOTS = (79,)
BALCONY_SLOTS = (99,)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("trampoline park", 1 / 8),
    ("cleanroom bay", 1 / 8),
    ("indoor cricket nets", 1 / 8),
    ("indoor skatepark", 1 / 8),
    ("ice sculpture studio", 1 / 8),
    ("glazier's workshop", 1 / 8),
    ("karting track", 1 / 8),
    ("stove showroom", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "wind turbine nacelle": "nacelle",
    "new-build utility room": "utilityroom",
    "glazed balcony": "glazedbalcony",
}
VIEW_KINDS = (
    "calendar",
    "nowplaying",
    "burstpicker",
    "sharesheet",
    "skyswap",
    "photoclock",
    "printpreview",
    "recordsleeve",
    "wheatpaste",
    "tracelayer",
    "pipwindow",
    "spoilerblur",
)
PNG_VIEWS = ("sharesheet", "printpreview")  # two screenshots, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "trampoline park": ((10.0, 16.0), (4.5, 6.0), (12.0, 18.0)),
    "cleanroom bay": ((5.0, 8.0), (2.8, 3.4), (8.0, 12.0)),
    "indoor cricket nets": ((8.0, 13.0), (4.0, 5.5), (16.0, 24.0)),
    "indoor skatepark": ((12.0, 18.0), (5.0, 7.0), (14.0, 22.0)),
    "ice sculpture studio": ((5.0, 8.0), (3.0, 3.8), (6.0, 9.0)),
    "glazier's workshop": ((6.0, 10.0), (3.2, 4.2), (8.0, 12.0)),
    "karting track": ((18.0, 26.0), (5.0, 7.0), (24.0, 34.0)),
    "stove showroom": ((8.0, 12.0), (2.8, 3.4), (8.0, 12.0)),
    "nacelle": ((2.8, 3.4), (2.4, 2.8), (6.0, 8.0)),
    "utilityroom": ((2.0, 2.8), (2.4, 2.7), (2.4, 3.2)),
    "glazedbalcony": ((3.0, 4.5), (2.5, 2.8), (1.8, 2.4)),
}
SMALL = {  # shares of a move in small places
    "nacelle": 0.3,
    "utilityroom": 0.3,
    "glazedbalcony": 0.3,
    "ice sculpture studio": 0.7,
}
PRINT_KINDS = ("stove showroom", "glazier's workshop", "ice sculpture studio")
WALLS = ("back", "left", "right", "front")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_nacelle(seed: int) -> bool:
    return seed % EVERY in NACELLE_SLOTS


def is_utility_room(seed: int) -> bool:
    return seed % EVERY in UTILITY_SLOTS


def is_balcony(seed: int) -> bool:
    return seed % EVERY in BALCONY_SLOTS


def is_distractor(seed: int) -> bool:
    return is_nacelle(seed) or is_utility_room(seed) or is_balcony(seed)


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
    if is_nacelle(seed):
        return "wind turbine nacelle"
    if is_utility_room(seed):
        return "new-build utility room"
    if is_balcony(seed):
        return "glazed balcony"
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
    if is_nacelle(seed):
        return np.random.default_rng(WINDFARM_SEED + group_of(seed))
    if is_utility_room(seed):
        return np.random.default_rng(ESTATE_SEED + group_of(seed))
    if is_balcony(seed):
        return np.random.default_rng(TOWER_SEED + group_of(seed))
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _stripes(img: U8, rng: Rng, step: int, colour: Colour, vertical: bool = True) -> None:
    """Seams every ``step`` texels (panel joints, ribs)."""
    n = img.shape[1] if vertical else img.shape[0]
    for k in range(int(rng.integers(0, max(1, step))), n, max(2, step)):
        if vertical:
            img[:, k] = colour
        else:
            img[k] = colour


def _graphic(rng: Rng, w: int, h: int, base: Colour) -> U8:
    """A wall graphic of big flat shapes: bands, zigzags and discs in three or four bold
    colours."""
    img = _grained(rng, max(8, w), max(8, h), base, 1.5)
    ih, iw = img.shape[:2]
    for _ in range(int(rng.integers(3, 7))):
        col = _c(rng, 30, 240)
        kind = rng.random()
        if kind < 0.4:
            y = int(rng.integers(0, ih))
            pts = [
                (x, y + int(rng.integers(-ih // 6, ih // 6 + 1)))
                for x in range(0, iw + ih // 3, max(4, ih // 3))
            ]
            cv2.polylines(img, [np.array(pts, np.int32)], False, col, max(2, ih // 14))
        elif kind < 0.7:
            cv2.circle(
                img,
                (int(rng.integers(0, iw)), int(rng.integers(0, ih))),
                int(rng.integers(max(2, ih // 8), max(3, ih // 3))),
                col,
                -1,
            )
        else:
            y = int(rng.integers(0, ih))
            img[y : y + int(rng.integers(max(1, ih // 12), max(2, ih // 5)))] = col
    return img


def _must(
    b: _Build17, fl: _Floor, r: Rng, pw: float, pd: float, walls: tuple[str, ...]
) -> tuple[float, float, float, float, str]:
    """A spot against ``walls``, else in the middle, else by the back wall's middle: a
    kind's mass-produced thing stands in every place of the kind."""
    spot = fl.against(r, pw, pd, walls) or fl.middle(r, pw, pd)
    if spot:
        return spot
    return (0.0, b.d - pd / 2 - 0.2, pw, pd, "front")


def _pots(rng: Rng) -> Callable[[U8, int, int, int], int]:
    """Pot plants standing on a shelf: a pot and a mound or spray of leaves."""

    def pot(img: U8, x: int, y1: int, ih: int) -> int:
        pw = int(rng.integers(3, 8))
        ph = max(2, int(ih * float(rng.uniform(0.2, 0.4))))
        img[max(0, y1 - ph) : y1, x : x + pw] = _pick(
            rng, [(170, 90, 60), (230, 230, 225), (60, 60, 64), _c(rng, 40, 230)]
        )
        leaf = _pick(rng, [(50, 120, 50), (80, 150, 60), (40, 90, 50), (110, 160, 80)])
        top = max(0, y1 - ph - int(ih * float(rng.uniform(0.2, 0.55))))
        cv2.ellipse(
            img,
            (x + pw // 2, (top + y1 - ph) // 2),
            (max(1, pw // 2 + 1), max(1, (y1 - ph - top) // 2)),
            0.0,
            0.0,
            360.0,
            leaf,
            -1,
        )
        return pw

    return pot


def _bottles(rng: Rng) -> Callable[[U8, int, int, int], int]:
    """Bottles, boxes and tubs of cleaning things on a shelf."""

    def bottle(img: U8, x: int, y1: int, ih: int) -> int:
        bw = int(rng.integers(2, 6))
        bh = int(ih * float(rng.uniform(0.35, 0.85)))
        col = _c(rng, 40, 245)
        img[max(0, y1 - bh) : y1, x : x + bw] = col
        if bw > 2:
            img[max(0, y1 - bh - 2) : max(0, y1 - bh), x + bw // 2] = _shade(col, 0.7)
            img[max(0, y1 - bh * 2 // 3) : max(0, y1 - bh // 3), x : x + bw] = (240, 240, 235)
        return bw

    return bottle


# --- v29's own surfaces and things, every one drawn from the rng it is given --------------------

# trampoline park


def _trampoline_bed(m: Rng) -> dict[str, U8]:
    """The kind's trampoline bed: a black jumping mat inside a padded frame in the park
    maker's colour, the skirt of pads down its sides."""
    pad = _pick(m, [(30, 110, 200), (230, 70, 40), (40, 160, 90), (250, 190, 30)])
    top = _grained(m, 48, 64, pad, 1.5)
    cv2.rectangle(top, (6, 6), (41, 57), (22, 22, 26), -1)
    for y in range(8, 57, 4):
        top[y, 7:41] = (34, 34, 38)
    side = _grained(m, 64, 16, pad, 1.5)
    side[:3] = _shade(pad, 0.75)
    for x in range(0, 64, 16):
        side[:, x] = _shade(pad, 0.7)
    return {
        "top": top,
        "front": side[:, :48].copy(),
        "back": side[:, :48].copy(),
        "left": side,
        "right": side,
    }


def _foam_pit(m: Rng) -> dict[str, U8]:
    """The kind's foam pit: a padded wall round a pit heaped with foam cubes in three
    colours."""
    wall = _pick(m, [(30, 60, 140), (200, 40, 50), (60, 60, 64)])
    front = _grained(m, 64, 24, wall, 1.5)
    front[:4] = (240, 240, 240)
    top = _grained(m, 64, 64, (230, 230, 230), 2.0)
    cols = [_c(m, 60, 250) for _ in range(3)]
    for y in range(0, 64, 5):
        for x in range(int(m.integers(0, 3)), 64, 5):
            cv2.rectangle(top, (x, y), (x + 4, y + 4), cols[int(m.integers(0, 3))], -1)
    return {"front": front, "side": front, "top": top}


def _build_trampoline_park(b: _Build17) -> None:
    """A trampoline park: walls painted in bold graphics above a padded band, a rubber
    floor, a dark roof with lamps; a grid of the kind's trampoline beds in the middle,
    the kind's foam pit by the back or a side, cubbies and benches by the front, a
    rules board, the park's sign, high windows, a door."""
    r, m = b.fix, _mass_produced(b)
    bed, pit = _trampoline_bed(m), _foam_pit(m)
    base = _pick(r, [(240, 240, 236), (40, 40, 60), _c(r, 60, 230)])
    band = _c(r, 30, 230)
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _graphic(r, tw, th, base)
        y = th - int(1.2 * res)
        img[y:] = _grained(r, tw, th - y, band, 1.5)
        _stripes(img[y:], r, max(3, round(1.0 * res)), _shade(band, 0.75))
        b.fill(name, img)
    rubber = _pick(r, [(60, 60, 66), (40, 70, 110), (90, 40, 40)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, rubber, 4.0))

    def roof(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (40, 40, 46), 2.0)
        for x in range(w // 8, w, max(2, w // 5)):
            for y in range(h // 8, h, max(2, h // 5)):
                cv2.circle(img, (x, y), max(1, w // 70), (250, 248, 235), -1)
        return img

    b.ceiling(roof)
    cols = min(int(r.integers(2, 5)), max(1, int((b.w - 3.0) / 2.1)))
    rows = min(int(r.integers(3, 6)), max(1, int((b.d - 6.0) / 2.7)))
    x0 = -cols * 2.1 / 2 + 1.05 + float(r.uniform(-1.0, 1.0))
    z0 = float(r.uniform(3.0, 4.0))
    for i in range(rows):
        for j in range(cols):
            _model(b, Box(x0 + 2.1 * j, z0 + 2.7 * i + 1.3, 2.0, 2.6, 0.6, 0.0, bed))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.2, b.w, 2.4)
    fl.take(x0 - 1.05 + cols * 1.05, z0 + rows * 1.35, cols * 2.1 + 1.0, rows * 2.7 + 1.0)
    _standing(b, _must(b, fl, r, 3.2, 3.0, ("back", "left", "right")), 0.8, pit, True)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.6, 0.45, ("left", "right"))
        if spot:
            cubby = _cabinet(r, 4, 2, _c(r, 40, 230))
            _box(b, spot, 0.9, {"front": cubby, "top": _grained(r, 32, 16, (200, 200, 200), 1.5)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_sheet(r, wall.px(0.8), wall.px(1.1), (30, 30, 30), 9), 2.4, 2.6)
    back = b.wall("back")
    sign = _grained(r, back.px(2.4), back.px(0.7), _c(r, 20, 120), 1.0)
    _text(
        sign,
        r,
        _word(r, (2, 3)).upper(),
        4,
        sign.shape[0] * 2 // 3,
        max(3, sign.shape[0] // 2),
        _c(r, 180, 255),
    )
    back.put(sign, b.h - 0.6, b.h - 0.4)
    other = b.wall(_other(side))
    at = float(r.uniform(1.0, 2.5))
    while at + 2.0 < other.length - 1.0:
        _window(other, r, _sky(r, 32, 16), at, b.h - 1.3, 2.0, 0.8, (220, 220, 216))
        at += float(r.uniform(3.5, 5.0))
    _door(b.wall("front"), r, _c(r, 30, 200))


# cleanroom bay


def _process_tool(m: Rng) -> dict[str, U8]:
    """The kind's process tool: a pale cabinet with two load ports for wafer pods, a
    touch screen on an arm, a signal tower of three lamps."""
    shell = _pick(m, [(226, 228, 230), (210, 214, 218)])
    front = _grained(m, 48, 48, shell, 1.0)
    for x in (6, 26):
        cv2.rectangle(front, (x, 22), (x + 15, 34), (150, 152, 156), -1)
        cv2.rectangle(front, (x + 2, 24), (x + 13, 32), (90, 92, 98), 1)
    cv2.rectangle(front, (30, 4), (43, 14), (20, 30, 50), -1)
    front[6:12, 32:41] = (70, 140, 220)
    for k, col in enumerate(((220, 40, 40), (240, 190, 30), (50, 190, 80))):
        front[3 + 3 * k : 5 + 3 * k, 4:7] = col
    front[44:] = (110, 112, 116)
    return {"front": front, "side": _grained(m, 32, 48, shell, 1.0), "top": _steel(m, 48, 32, 200)}


def _wet_bench(m: Rng) -> dict[str, U8]:
    """The kind's wet bench: a white polypropylene bench with three steel sinks, a
    splash shield and a panel of taps and readouts."""
    poly = _pick(m, [(240, 240, 236), (232, 234, 236)])
    front = _grained(m, 64, 24, poly, 1.0)
    for x in range(4, 60, 14):
        cv2.rectangle(front, (x, 6), (x + 10, 18), _shade(poly, 0.88), 1)
    front[2:4, 4:60] = (60, 120, 200)
    top = _grained(m, 64, 24, poly, 1.0)
    for x in (6, 26, 46):
        cv2.rectangle(top, (x, 5), (x + 12, 18), (170, 172, 176), -1)
        cv2.rectangle(top, (x + 2, 7), (x + 10, 16), (120, 124, 130), 1)
    return {"front": front, "side": _grained(m, 24, 24, poly, 1.0), "top": top}


def _build_cleanroom(b: _Build17) -> None:
    """A cleanroom bay under yellow lithography light: white wall panels with seams and
    a window onto the corridor, a raised floor of perforated tiles, a ceiling grid of
    filter units; the kind's process tools along the sides, the kind's wet bench at
    the back, trolleys of wafer pods, a pass-through hatch, rules signs, a door."""
    r, m = b.fix, _mass_produced(b)
    tool, bench = _process_tool(m), _wet_bench(m)
    panel = _between(r, (235, 225, 170), (248, 238, 190))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 1.0)
        _stripes(img, r, max(3, round(1.2 * res)), _shade(panel, 0.86))
        b.fill(name, img)

    def raised(g: Rng, w: int, h: int, res: float) -> U8:
        tile = _between(g, (180, 180, 176), (215, 212, 200))
        img = _tiles(g, w, h, max(4, round(0.6 * res)), tile, _shade(tile, 0.8))
        img[:: max(2, round(res / 20)), :: max(2, round(res / 20))] = _shade(tile, 0.6)
        return img

    b.floor(raised)
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(4, round(1.2 * res)), (242, 236, 200), (190, 186, 160)
        )
    )
    fl = _Floor(b.w, b.d, 0.5)
    fl.take(0.0, 1.0, b.w, 2.0)
    fl.take(0.0, b.d / 2, 1.4, b.d)  # the aisle down the middle
    _standing(b, _must(b, fl, r, 2.4, 0.8, ("back",)), 0.95, bench, True)
    for k in range(int(r.integers(3, 7))):
        spot = (
            fl.against(r, 1.5, 1.3, ("left", "right"))
            if k
            else _must(b, fl, r, 1.5, 1.3, ("left", "right"))
        )
        if spot:
            _standing(b, spot, 1.9, tool, True)
    st = _b17(b)
    st.look = (float(r.uniform(-0.3, 0.3)), 1.2, b.d)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.6, 0.5, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _f = spot
            _box(
                b,
                spot,
                0.9,
                {"front": _steel(r, 16, 24, 190), "top": _grained(r, 16, 16, (200, 200, 205), 1.0)},
            )
            for k in range(int(r.integers(1, 4))):
                pod = _grained(r, 8, 8, _pick(r, [(230, 140, 40), (120, 160, 220)]), 1.5)
                b.boxes.append(Box(x, z, 0.3, 0.3, 0.28, 0.9 + 0.28 * k, _all_faces(pod)))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    h0, v0, h1, v1 = _opening(
        wall, float(r.uniform(0.5, max(0.6, wall.length - 2.5))), 1.0, 1.8, 1.0
    )
    wall.img[v0:v1, h0:h1] = _grained(r, h1 - h0, v1 - v0, (150, 160, 170), 2.0)
    cv2.rectangle(wall.img, (h0, v0), (h1 - 1, v1 - 1), (200, 200, 205), max(1, (h1 - h0) // 40))
    back = b.wall("back")
    for _ in range(int(r.integers(1, 3))):
        sign = _sheet(r, back.px(0.4), back.px(0.3), (200, 30, 30), 4)
        _paste(
            back.img,
            sign,
            back.x_of(float(r.uniform(0.2, max(0.3, b.w - 0.6)))),
            back.y_of(float(r.uniform(1.7, 2.0))),
        )
    front_w = b.wall("front")
    hatch = _steel(r, front_w.px(0.6), front_w.px(0.6), 200)
    cv2.rectangle(hatch, (2, 2), (hatch.shape[1] - 3, hatch.shape[0] - 3), (120, 122, 126), 1)
    front_w.put(hatch, 1.6, 1.7)
    _door(front_w, r, (220, 222, 224))


# indoor cricket nets


def _bowling_machine(m: Rng) -> dict[str, U8]:
    """The kind's bowling machine: two spinning wheels in a yellow or blue housing on a
    tripod, the feed chute on top and its control box."""
    body = _pick(m, [(240, 200, 30), (30, 90, 190), (200, 40, 40)])
    front = _grained(m, 32, 48, (40, 40, 44), 1.0)
    cv2.rectangle(front, (4, 6), (27, 24), body, -1)
    for x in (10, 21):
        cv2.circle(front, (x, 15), 6, (30, 30, 32), -1)
        cv2.circle(front, (x, 15), 2, (180, 180, 184), -1)
    cv2.line(front, (16, 24), (6, 47), (150, 152, 156), 2)
    cv2.line(front, (16, 24), (26, 47), (150, 152, 156), 2)
    cv2.rectangle(front, (12, 0), (19, 6), (200, 200, 205), -1)
    return {"front": front, "side": front, "top": _grained(m, 32, 32, body, 1.5)}


def _net_frame(m: Rng) -> dict[str, U8]:
    """The kind's net divider: a stretch of dark green netting hung from a steel rail,
    its weighted hem on the floor."""
    net = _pick(m, [(30, 70, 40), (30, 32, 36), (20, 50, 90)])
    face = _grained(m, 64, 64, (200, 204, 200), 2.0)
    for k in range(0, 64, 4):
        face[:, k] = net
        face[k] = net
    face[:3] = (160, 162, 166)
    face[-4:] = _shade(net, 0.6)
    return {
        "left": face,
        "right": face,
        "front": face[:, :4].copy(),
        "back": face[:, :4].copy(),
        "top": _steel(m, 8, 64, 160),
    }


def _build_cricket_nets(b: _Build17) -> None:
    """An indoor cricket school's nets: painted block walls, a sports floor, a roof of
    lamps; two to four lanes running back from the front, the kind's net dividers
    between them, a green pitch strip down each with its creases, the kind's bowling
    machine at the far end of one or more, kit benches and bags by the front, a board of
    sessions, a scoreboard, high windows, a door."""
    r, m = b.fix, _mass_produced(b)
    machine, frame = _bowling_machine(m), _net_frame(m)
    block = _between(r, (200, 200, 190), (236, 232, 220))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _tiles(r, tw, th, max(3, round(0.22 * res)), block, _shade(block, 0.88))
        y = th - int(1.0 * res)
        img[y:] = _grained(r, tw, th - y, _c(r, 30, 160), 1.5)
        b.fill(name, img)
    floor_c = _pick(r, [(170, 120, 80), (90, 110, 130), (120, 120, 122)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, floor_c, 3.0))
    b.ceiling(_boards(_between(r, (150, 150, 150), (210, 210, 205))))
    lanes = min(int(r.integers(2, 5)), max(1, int((b.w - 1.0) / 3.2)))
    lane_w = float(r.uniform(3.0, 3.4))
    start = -lanes * lane_w / 2
    z0, z1 = float(r.uniform(1.6, 2.4)), b.d - 0.6
    for k in range(lanes + 1):
        x = start + k * lane_w
        z = z0
        while z + 2.0 <= z1:
            _model(b, Box(x, z + 1.0, 0.05, 2.0, min(b.h - 0.3, 3.6), 0.0, frame))
            z += 2.0
    for k in range(lanes):
        x = start + (k + 0.5) * lane_w
        pitch = _grained(r, 16, 64, _pick(r, [(60, 130, 70), (50, 110, 60)]), 2.0)
        pitch[6] = (245, 245, 240)
        pitch[-7] = (245, 245, 240)
        b.boxes.append(Box(x, (z0 + z1) / 2, 1.8, z1 - z0 - 0.4, 0.01, 0.0, _all_faces(pitch)))
        if k == 0 or r.random() < 0.6:
            _model(b, Box(x, z1 - 1.5, 0.6, 0.6, 1.5, 0.01, _faces(machine, "front")))
    st = _b17(b)
    lane = int(r.integers(0, lanes))
    st.stand = (start + (lane + 0.5) * lane_w + float(r.uniform(-0.4, 0.4)), 0.0)
    st.look = (start + (lane + 0.5) * lane_w, 1.1, b.d)
    fl = _Floor(b.w, b.d, 0.5)
    fl.take(0.0, (z0 + z1) / 2, lanes * lane_w + 0.6, z1 - z0 + 0.4)
    fl.take(st.stand[0], 0.7, 1.4, 1.4)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.4, 0.4, ("left", "right", "front")) or fl.middle(r, 1.4, 0.4)
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
                bag = _grained(r, 16, 8, _c(r, 20, 200), 2.0)
                b.boxes.append(
                    Box(x + float(r.uniform(-0.4, 0.4)), z, 0.7, 0.3, 0.25, 0.45, _all_faces(bag))
                )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_sheet(r, wall.px(0.9), wall.px(0.6), (20, 40, 100), 6), 2.1, 2.3)
    board = _grained(r, wall.px(1.6), wall.px(0.8), (20, 22, 26), 1.0)
    _text(
        board,
        r,
        f"{int(r.integers(0, 300))}-{int(r.integers(0, 10))}",
        3,
        board.shape[0] * 2 // 3,
        max(3, board.shape[0] // 2),
        (250, 200, 60),
    )
    b.wall(_other(side)).put(board, 3.4, min(b.h - 0.2, 3.8))
    at = float(r.uniform(1.0, 3.0))
    while at + 2.2 < wall.length - 1.0:
        _window(wall, r, _sky(r, 32, 16), at, b.h - 1.2, 2.2, 0.8, (230, 230, 226))
        at += float(r.uniform(4.0, 6.0))
    _door(b.wall("front"), r, _c(r, 30, 200))


# indoor skatepark


def _quarter_pipe(m: Rng) -> dict[str, U8]:
    """The kind's quarter pipe: a ramp of dark birch ply curving up to a steel coping,
    its side a curved profile over the frame, a deck plate on top."""
    ply = _pick(m, [(120, 100, 80), (70, 70, 74), (160, 140, 110)])
    face = _wood(m, 64, 32, ply, 3)
    for y in range(0, 32, 4):
        face[y] = _shade(ply, 0.9 - 0.01 * y)
    face[:3] = (200, 202, 206)
    side = _grained(m, 48, 32, (40, 40, 44), 1.5)
    cv2.ellipse(side, (48, 0), (44, 30), 0.0, 90.0, 180.0, ply, -1)
    for x in range(2, 48, 8):
        cv2.line(side, (x, 31), (x, 20), (90, 90, 94), 1)
    return {"front": face, "side": side, "top": _steel(m, 64, 16, 150)}


def _grind_box(m: Rng) -> dict[str, U8]:
    """The kind's grind box: a painted ply box with steel angle along its top edges."""
    paint = _pick(m, [(230, 60, 40), (40, 80, 200), (240, 200, 30), (40, 40, 44)])
    face = _grained(m, 64, 16, paint, 1.5)
    face[:2] = (210, 212, 216)
    top = _grained(m, 64, 24, paint, 1.5)
    top[:2] = (210, 212, 216)
    top[-2:] = (210, 212, 216)
    return {"front": face, "side": face[:, :24].copy(), "top": top}


def _build_skatepark(b: _Build17) -> None:
    """An indoor skatepark in a shed: walls painted with big graphics, a smooth concrete
    floor with scuffs, a roof of trusses and lamps; the kind's quarter pipes along the
    back and sides, the kind's grind boxes in the middle, a hand rail, benches and a
    counter by the front, banners, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    qp, gb = _quarter_pipe(m), _grind_box(m)
    base = _pick(r, [(210, 210, 205), (60, 60, 70), _c(r, 60, 220)])
    for name in WALLS:
        tw, th, _res = b.texels(name)
        b.fill(name, _graphic(r, tw, th, base))

    def slab(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (150, 150, 150), (190, 188, 184)))(g, w, h, res)
        for _ in range(max(20, w * h // 2000)):
            x, y = int(g.integers(0, w)), int(g.integers(0, h))
            cv2.line(
                img,
                (x, y),
                (x + int(g.integers(-12, 13)), y + int(g.integers(-4, 5))),
                (90, 90, 92),
                1,
            )
        return img

    b.floor(slab)
    b.ceiling(_boards(_between(r, (90, 90, 95), (150, 150, 150))))
    fl = _Floor(b.w, b.d, 0.3)
    fl.take(0.0, 1.5, b.w, 3.0)
    for k in range(int(r.integers(3, 6))):
        walls = ("back", "left", "right")
        spot = fl.against(r, 3.0, 2.2, walls) if k else _must(b, fl, r, 3.0, 2.2, walls)
        if spot:
            _standing(b, spot, 1.6, qp, True)
    for k in range(int(r.integers(2, 4))):
        spot = fl.middle(r, 2.6, 1.2) if k else _must(b, fl, r, 2.6, 1.2, ("left", "right"))
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 2.4, 1.0, 0.45, 0.0, _faces(gb, "front")))
    spot = fl.middle(r, 3.4, 0.6)
    if spot:
        x, z, _w, _d, _f = spot
        rail = _steel(r, 32, 4, 180)
        b.boxes.append(Box(x, z, 3.0, 0.06, 0.06, 0.5, _all_faces(rail)))
        for dx in (-1.3, 1.3):
            b.boxes.append(Box(x + dx, z, 0.06, 0.06, 0.5, 0.0, _all_faces(rail)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.6, 0.5, ("left", "right")) or fl.middle(r, 1.6, 0.5)
        if spot:
            _box(
                b,
                spot,
                0.45,
                {
                    "front": _wood(r, 32, 8, _wood_tone(r), 3),
                    "top": _wood(r, 32, 8, _wood_tone(r), 3),
                },
            )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    for _ in range(int(r.integers(1, 3))):
        banner = _grained(r, wall.px(2.0), wall.px(0.6), _c(r, 20, 240), 1.0)
        _text(
            banner,
            r,
            _word(r, (2, 3)).upper(),
            4,
            banner.shape[0] * 3 // 4,
            max(3, banner.shape[0] * 2 // 3),
            _c(r, 20, 250),
        )
        wall.put(banner, 3.6, min(b.h - 0.3, 4.4))
    _window(
        b.wall(_other(side)),
        r,
        _outside(r, 48, 32),
        float(r.uniform(1.0, 4.0)),
        2.6,
        2.4,
        1.2,
        _c(r, 30, 200),
    )
    _door(b.wall("front"), r, _c(r, 30, 200))


# ice sculpture studio


def _block_maker(m: Rng) -> dict[str, U8]:
    """The kind's ice block maker: a long steel tank of four cans under hinged lids, the
    circulation pumps on top, a panel of gauges."""
    front = _steel(m, 64, 24, 175)
    cv2.rectangle(front, (4, 4), (16, 12), (30, 50, 80), -1)
    for x in (7, 13):
        cv2.circle(front, (x, 8), 2, (240, 240, 240), -1)
    top = _steel(m, 64, 24, 185)
    for k in range(4):
        cv2.rectangle(top, (2 + 16 * k, 2), (14 + 16 * k, 21), (140, 144, 150), 1)
        cv2.circle(top, (8 + 16 * k, 11), 2, _pick(m, [(40, 90, 170), (60, 60, 64)]), -1)
    return {"front": front, "side": _steel(m, 24, 24, 170), "top": top}


def _turntable(m: Rng) -> dict[str, U8]:
    """The kind's sculpting turntable: a low blue stand with a tread-plate top that
    turns, its foot pedal."""
    blue = _pick(m, [(30, 70, 150), (40, 110, 160), (60, 60, 64)])
    front = _grained(m, 32, 16, blue, 1.5)
    front[:4] = (170, 172, 176)
    top = _steel(m, 32, 32, 165)
    for y in range(2, 32, 5):
        for x in range(2 + (y // 5) % 2 * 2, 32, 5):
            top[y, x : x + 2] = (205, 206, 210)
    return {"front": front, "side": front, "top": top}


def _ice(rng: Rng) -> dict[str, U8]:
    """A block of clear ice: pale blue, a cloudy core and a few bubbles."""
    img = _grained(rng, 16, 24, _between(rng, (190, 215, 235), (220, 236, 246)), 3.0)
    cv2.ellipse(img, (8, 12), (4, 7), 0.0, 0.0, 360.0, (240, 246, 250), -1)
    _spots(rng, img, 6, (250, 252, 255), 2)
    return _all_faces(img)


def _build_ice_studio(b: _Build17) -> None:
    """An ice sculptor's studio (a walk-in freezer room): frosted white panels, a
    rubber mat floor, a panel ceiling with the evaporator; the kind's block maker along
    a wall, the kind's turntables with blocks or abstract pieces on them, blocks of ice
    stacked on pallets, a chest freezer, a board of chisels and saws, a strip curtain
    door, a thermometer."""
    r, m = b.fix, _mass_produced(b)
    maker, table = _block_maker(m), _turntable(m)
    panel = _between(r, (222, 232, 238), (240, 244, 248))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 1.5)
        _stripes(img, r, max(3, round(1.1 * res)), _shade(panel, 0.85))
        frost = _field(r, tw, th, max(4, tw // 10))
        img[frost > 0.7] = (250, 252, 255)
        b.fill(name, img)
    mat = _pick(r, [(40, 40, 44), (60, 70, 80), (90, 40, 40)])
    b.floor(lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.5 * res)), mat, _shade(mat, 0.7)))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (230, 234, 238), 1.0))
    evap = {"front": _steel(r, 48, 16, 200), "top": _steel(r, 48, 16, 190)}
    cv2.rectangle(evap["front"], (4, 4), (43, 12), (90, 92, 96), 1)
    b.boxes.append(Box(0.0, b.d - 0.4, 1.4, 0.5, 0.5, b.h - 0.6, _faces(evap, "front")))
    fl = _Floor(b.w, b.d, 0.5)
    fl.take(0.0, 0.9, b.w, 1.8)
    _standing(b, _must(b, fl, r, 2.4, 0.9, ("left", "right", "back")), 0.9, maker, True)
    for k in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.4, 1.4) if k else _must(b, fl, r, 1.4, 1.4, ("back",))
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 1.0, 1.0, 0.45, 0.0, _faces(table, "front")))
            piece = r.random()
            if piece < 0.5:
                b.boxes.append(Box(x, z, 0.5, 0.25, float(r.uniform(0.8, 1.0)), 0.45, _ice(r)))
            else:
                y = 0.45
                for _k in range(int(r.integers(2, 4))):
                    s = float(r.uniform(0.2, 0.5))
                    hh = float(r.uniform(0.2, 0.45))
                    b.boxes.append(
                        Box(x + float(r.uniform(-0.1, 0.1)), z, s, s * 0.7, hh, y, _ice(r))
                    )
                    y += hh
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.2, 1.0, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _f = spot
            _box(
                b,
                spot,
                0.15,
                {
                    "front": _wood(r, 16, 4, (170, 140, 100), 3),
                    "top": _wood(r, 16, 16, (170, 140, 100), 3),
                },
            )
            for k in range(int(r.integers(1, 4))):
                b.boxes.append(Box(x, z, 1.0, 0.5, 0.25, 0.15 + 0.25 * k, _ice(r)))
    spot = fl.against(r, 1.2, 0.7, ("left", "right", "back"))
    if spot:
        _box(
            b,
            spot,
            0.85,
            {
                "front": _grained(r, 32, 16, (240, 240, 238), 1.0),
                "top": _grained(r, 32, 16, (236, 236, 232), 1.0),
            },
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    tools = _grained(
        r, wall.px(1.2), wall.px(0.7), _between(r, (150, 120, 90), (200, 170, 130)), 1.5
    )
    th_, tw_ = tools.shape[:2]
    for x in range(3, tw_ - 3, max(3, tw_ // 14)):
        cv2.line(
            tools, (x, 3), (x, int(th_ * r.uniform(0.4, 0.9))), _c(r, 40, 200), max(1, tw_ // 70)
        )
    wall.put(tools, 1.8, 1.9)
    therm = _grained(r, wall.px(0.25), wall.px(0.4), (245, 245, 245), 1.0)
    therm[2:-2, therm.shape[1] // 2] = (200, 30, 30)
    b.wall(_other(side)).put(therm, 1.8, 1.9)
    front_w = b.wall("front")
    x0, y0, x1, y1 = _opening(front_w, float(r.uniform(0.3, max(0.35, b.w - 1.5))), 0.0, 1.1, 2.0)
    strips = _grained(r, x1 - x0, y1 - y0, (200, 215, 220), 2.0)
    for x in range(0, x1 - x0, max(2, (x1 - x0) // 8)):
        strips[:, x] = (150, 165, 170)
    front_w.img[y0:y1, x0:x1] = strips


# glazier's workshop


def _cutting_table(m: Rng) -> dict[str, U8]:
    """The kind's glass cutting table: a big tilting table with a grey-green felt top, a
    measuring bar along two edges and the cutting bridge across it."""
    felt = _pick(m, [(80, 100, 90), (90, 90, 96), (50, 70, 100)])
    top = _grained(m, 64, 48, felt, 2.5)
    top[:3] = (220, 210, 150)
    top[:, :3] = (220, 210, 150)
    for x in range(3, 64, 4):
        top[1, x] = (40, 40, 40)
    top[:, 38:41] = (170, 172, 176)
    front = _steel(m, 64, 24, 120)
    front[:4] = _shade(felt, 0.8)
    return {"top": top, "front": front, "side": _steel(m, 48, 24, 120)}


def _glass_rack(m: Rng) -> dict[str, U8]:
    """The kind's A-frame rack: a steel frame with rubber-lined rests and sheets of float
    glass leaning on it, their green edges showing."""
    frame = _pick(m, [(200, 60, 40), (60, 60, 64), (40, 90, 160)])
    face = _grained(m, 64, 48, (150, 175, 170), 2.0)
    for x in range(0, 64, 5):
        face[:, x : x + 1] = (90, 140, 120)
    face[:, :3] = frame
    face[:, -3:] = frame
    face[-4:] = (30, 30, 32)
    end = _grained(m, 24, 48, (40, 40, 44), 1.5)
    cv2.line(end, (12, 0), (2, 47), frame, 2)
    cv2.line(end, (12, 0), (22, 47), frame, 2)
    return {"left": face, "right": face, "front": end, "back": end, "top": _steel(m, 64, 8, 150)}


def _glass(rng: Rng) -> dict[str, U8]:
    """A sheet of glass or a glazed window frame leaning on a wall."""
    img = _grained(rng, 24, 32, _between(rng, (160, 185, 180), (205, 220, 215)), 2.0)
    if rng.random() < 0.5:
        cv2.rectangle(img, (0, 0), (23, 31), _pick(rng, [(240, 240, 236), (90, 60, 40)]), 2)
    cv2.line(img, (4, 4), (14, 20), (235, 245, 245), 1)
    edge = _grained(rng, 3, 32, (60, 120, 100), 2.0)
    return {"front": img, "back": img, "left": edge, "right": edge, "top": edge[:3].copy()}


def _build_glazier(b: _Build17) -> None:
    """A glazier's workshop: brick or painted walls, a concrete floor, a boarded roof;
    the kind's cutting table in the middle, the kind's A-frame racks of sheet glass,
    sheets and window frames leaning on the walls, offcut bins, a bench with putty and
    beads, a board of suction lifters and cutters, a big window, a roller door."""
    r, m = b.fix, _mass_produced(b)
    table, rack = _cutting_table(m), _glass_rack(m)
    if r.random() < 0.5:
        wall_c = _between(r, (150, 95, 70), (200, 150, 115))
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        wall_c = _between(r, (200, 205, 200), (240, 238, 228))
        _paint_of(b, wall_c, 3.0)
    b.floor(_concrete(_between(r, (120, 118, 114), (170, 166, 160))))
    b.ceiling(_boards(_between(r, (110, 95, 80), (170, 150, 125))))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 1.0, b.w, 2.0)
    x, z, _w, _d, _f = fl.middle(r, 3.4, 2.4) or _must(b, fl, r, 3.4, 2.4, ("back",))
    _model(b, Box(x, z, 3.0, 2.0, 0.9, 0.0, _faces(table, "front")))
    b.tops.append((x, z, 3.0, 2.0, 0.9))
    for k in range(int(r.integers(1, 4))):
        walls = ("left", "right", "back")
        spot = fl.against(r, 2.8, 1.2, walls) if k else _must(b, fl, r, 2.8, 1.2, walls)
        if spot:
            x, z, _w, _d, facing = spot
            along = facing in ("front", "back")
            _model(b, Box(x, z, 2.6 if along else 0.9, 0.9 if along else 2.6, 1.8, 0.0, rack))
    for _ in range(int(r.integers(3, 8))):
        spot = fl.against(r, 1.0, 0.15, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, facing = spot
            flat = facing in ("front", "back")
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.9 if flat else 0.03,
                    0.03 if flat else 0.9,
                    float(r.uniform(1.0, 2.0)),
                    0.0,
                    _glass(r),
                )
            )
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.6, 0.6, ("left", "right", "back")) or fl.middle(r, 0.6, 0.6)
        if spot:
            bin_ = _grained(r, 16, 16, _pick(r, [(40, 90, 60), (60, 60, 64), (200, 120, 30)]), 2.0)
            _box(b, spot, 0.8, {"front": bin_, "top": _grained(r, 16, 16, (150, 170, 165), 3.0)})
    spot = fl.against(r, 1.8, 0.7, ("left", "right", "back"))
    if spot:
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    tools = _grained(
        r, wall.px(1.2), wall.px(0.7), _between(r, (160, 130, 100), (210, 180, 140)), 1.5
    )
    th_, tw_ = tools.shape[:2]
    for k in range(int(r.integers(2, 5))):
        cx = int(tw_ * (k + 0.5) / 5)
        cv2.circle(tools, (cx, th_ // 3), max(2, th_ // 8), (40, 40, 44), -1)
        cv2.circle(tools, (cx + max(3, th_ // 4), th_ // 3), max(2, th_ // 8), (40, 40, 44), -1)
        cv2.line(
            tools,
            (cx, th_ // 3),
            (cx + max(3, th_ // 4), th_ // 3),
            _c(r, 60, 230),
            max(1, th_ // 14),
        )
    wall.put(tools, 1.9, 2.0)
    _window(
        b.wall("back"),
        r,
        _outside(r, 64, 40),
        float(r.uniform(0.5, max(0.6, b.w - 3.0))),
        1.0,
        2.2,
        1.6,
        _c(r, 30, 200),
    )
    front_w = b.wall("front")
    x0, y0, x1, y1 = _opening(front_w, float(r.uniform(0.4, max(0.45, b.w - 3.4))), 0.0, 3.0, 2.8)
    roller = _grained(r, x1 - x0, y1 - y0, _pick(r, [(170, 172, 176), (40, 80, 120)]), 1.5)
    _stripes(
        roller,
        r,
        max(2, (y1 - y0) // 30),
        _shade(tuple(int(v) for v in roller[0, 0]), 0.8),  # type: ignore[arg-type]
        vertical=False,
    )
    front_w.img[y0:y1, x0:x1] = roller
    b.wall(_other(side)).put(_label(r, wall.px(0.8), wall.px(0.4)), 2.4, 2.6)


# karting track


def _kart(m: Rng) -> dict[str, U8]:
    """The kind's hire kart: a low chassis with a moulded body in the circuit's colour,
    a bumper round it, four fat tyres, a seat and a wheel."""
    body = _pick(m, [(230, 60, 30), (30, 80, 200), (240, 200, 30), (40, 150, 70)])
    top = _grained(m, 32, 48, (40, 40, 44), 1.5)
    cv2.rectangle(top, (6, 4), (25, 43), body, -1)
    cv2.rectangle(top, (11, 24), (20, 34), (20, 20, 22), -1)
    cv2.circle(top, (15, 20), 3, (60, 60, 64), 1)
    for x, y in ((1, 5), (26, 5), (1, 36), (26, 36)):
        top[y : y + 8, x : x + 5] = (18, 18, 20)
    side = _grained(m, 48, 12, (30, 30, 32), 1.5)
    side[2:8, 6:42] = body
    for x in (3, 36):
        cv2.circle(side, (x + 4, 8), 3, (15, 15, 17), -1)
    front = _grained(m, 32, 12, (30, 30, 32), 1.5)
    front[2:8, 4:28] = body
    front[4:7, 12:20] = (250, 250, 250)
    return {"top": top, "front": front, "back": front, "left": side, "right": side}


def _tyre_wall(m: Rng) -> dict[str, U8]:
    """The kind's tyre barrier: stacks of old tyres bolted together, faced with a
    coloured conveyor belt band."""
    face = _grained(m, 64, 24, (25, 25, 27), 1.5)
    for x in range(4, 64, 8):
        for y in (5, 15):
            cv2.circle(face, (x, y), 4, (45, 45, 48), 1)
    band = _pick(m, [(220, 40, 40), (240, 240, 240), (30, 80, 200)])
    face[9:12] = band
    return {
        "front": face,
        "side": face[:, :12].copy(),
        "top": _grained(m, 64, 12, (30, 30, 32), 1.5),
    }


def _build_karting(b: _Build17) -> None:
    """An indoor karting track in a big shed: painted walls with sponsors' boards, a dark
    track with painted kerbs and lines, a roof of trusses and lamps; runs of the kind's
    tyre barrier marking the track, the kind's karts parked in a row in the pit lane and
    out on the track, the start gantry, a timing screen, a pit wall, a door."""
    r, m = b.fix, _mass_produced(b)
    kart, tyres = _kart(m), _tyre_wall(m)
    paint = _pick(r, [(40, 40, 50), (220, 220, 215), _c(r, 40, 200)])
    _paint_of(b, paint, 2.0)

    def track(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (45, 45, 50), (75, 75, 80)), 4.0)
        for _ in range(int(g.integers(3, 7))):
            y = int(g.integers(0, h))
            cv2.line(
                img,
                (0, y),
                (w - 1, y + int(g.integers(-h // 4, h // 4 + 1))),
                (220, 220, 215),
                max(1, int(res * 0.1)),
            )
        return img

    b.floor(track)
    b.ceiling(_boards(_between(r, (70, 70, 76), (130, 130, 134))))
    st = _b17(b)
    st.look = (float(r.uniform(-2.0, 2.0)), 0.8, b.d)
    z = float(r.uniform(4.0, 6.0))
    while z < b.d - 3.0:
        x = float(r.uniform(-b.w / 2 + 3.0, b.w / 2 - 3.0))
        length = float(r.uniform(4.0, 8.0))
        for k in range(int(length // 2)):
            _model(
                b,
                Box(x - length / 2 + 1.0 + 2.0 * k, z, 2.0, 0.5, 0.6, 0.0, _faces(tyres, "front")),
            )
        kerb = _grained(r, 64, 8, (230, 230, 226), 1.5)
        for xx in range(0, 64, 16):
            kerb[:, xx : xx + 8] = (210, 40, 40)
        b.boxes.append(Box(x, z - 0.6, length, 0.3, 0.02, 0.0, _all_faces(kerb)))
        z += float(r.uniform(3.5, 5.5))
    pit_x = float(r.choice([-1.0, 1.0])) * (b.w / 2 - 1.2)
    for k in range(int(r.integers(3, 7))):
        _model(b, Box(pit_x, 3.0 + 1.6 * k, 1.0, 1.5, 0.45, 0.0, kart))
    for _ in range(int(r.integers(1, 4))):
        _model(
            b,
            Box(
                float(r.uniform(-b.w / 4, b.w / 4)),
                float(r.uniform(3.0, b.d - 4.0)),
                1.0,
                1.5,
                0.45,
                0.0,
                kart,
            ),
        )
    pit = _grained(r, 64, 16, _pick(r, [(230, 230, 226), (200, 40, 40)]), 1.5)
    b.boxes.append(
        Box(pit_x - float(np.sign(pit_x)) * 0.9, 3.0 + 4.0, 0.2, 8.0, 1.0, 0.0, _all_faces(pit))
    )
    gantry = _grained(r, 64, 8, (30, 30, 32), 1.0)
    for x in range(4, 64, 8):
        cv2.circle(gantry, (x, 4), 2, _pick(r, [(240, 40, 40), (40, 220, 80)]), -1)
    b.boxes.append(
        Box(
            0.0,
            float(r.uniform(3.0, 4.0)),
            min(8.0, b.w - 2.0),
            0.3,
            0.4,
            3.6,
            _faces({"front": gantry, "top": gantry}, "front"),
        )
    )
    back = b.wall("back")
    screen = _grained(r, back.px(3.0), back.px(1.6), (14, 16, 22), 1.0)
    sh = screen.shape[0]
    for k, y in enumerate(range(max(3, sh // 8), sh - 2, max(3, sh // 7))):
        _text(
            screen,
            r,
            f"{k + 1} {_word(r, (1, 2)).upper()} {int(r.integers(30, 60))}."
            f"{int(r.integers(0, 999)):03d}",
            3,
            y,
            max(3, sh // 10),
            (240, 240, 120),
        )
    back.put(screen, 4.2, min(b.h - 0.2, 4.6))
    for name in ("left", "right"):
        wall = b.wall(name)
        at = float(r.uniform(2.0, 4.0))
        while at + 3.0 < wall.length - 2.0:
            board = _grained(r, wall.px(3.0), wall.px(1.0), _c(r, 30, 240), 1.0)
            _text(
                board,
                r,
                _word(r, (1, 2)).upper(),
                4,
                board.shape[0] * 3 // 4,
                max(3, board.shape[0] * 2 // 3),
                _c(r, 10, 250),
            )
            _paste(wall.img, board, wall.x_of(at), wall.y_of(2.4))
            at += float(r.uniform(4.0, 7.0))
    _door(b.wall("front"), r, _c(r, 30, 200))


# stove showroom


def _display_hearth(m: Rng) -> dict[str, U8]:
    """The kind's display hearth: a maker's plinth with a slate top and a brick-slip
    front, its brass model plate."""
    slate = _pick(m, [(50, 52, 58), (70, 70, 74)])
    top = _grained(m, 32, 32, slate, 2.0)
    front = _tiles(m, 32, 12, 4, (160, 90, 70), (200, 190, 180))
    front[:2] = slate
    front[6:8, 13:19] = (200, 170, 90)
    return {"top": top, "front": front, "side": front[:, :16].copy()}


def _flue(m: Rng) -> dict[str, U8]:
    """The kind's twin-wall flue: a matt black pipe from stove to ceiling with its joint
    bands and a register plate."""
    black = _pick(m, [(30, 30, 32), (45, 45, 48)])
    face = _grained(m, 8, 64, black, 1.0)
    for y in range(6, 64, 16):
        face[y] = _lighter(black, 1.8)
    return _all_faces(face)


def _stove(rng: Rng) -> dict[str, U8]:
    """One stove on show: a cast or steel body in a colour, a glass door on the fire
    (logs and a glow, or dark), a price card."""
    body = _pick(
        rng, [(30, 30, 32), (60, 64, 70), (120, 40, 35), (200, 196, 186), _c(rng, 30, 200)]
    )
    front = _grained(rng, 24, 32, body, 1.5)
    cv2.rectangle(front, (4, 6), (19, 24), (20, 20, 20), -1)
    if rng.random() < 0.6:
        cv2.ellipse(front, (12, 22), (6, 3), 0.0, 180.0, 360.0, (250, 160, 40), -1)
        front[21:24, 6:18] = (90, 60, 40)
    front[27:31, 15:22] = (245, 245, 240)
    return {
        "front": front,
        "side": _grained(rng, 16, 32, body, 1.5),
        "top": _grained(rng, 24, 16, _shade(body, 0.85), 1.5),
    }


def _surrounds(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """A wall of fireplace surrounds on show: mantels of stone, wood and iron round dark
    openings, each with a price card."""
    img = _grained(rng, max(8, w), max(8, h), wall, 1.5)
    ih, iw = img.shape[:2]
    x = 2
    while x < iw - ih // 2:
        sw = int(ih * float(rng.uniform(0.6, 0.95)))
        tone = _pick(rng, [(220, 214, 200), (120, 80, 50), (40, 40, 42), _wood_tone(rng)])
        cv2.rectangle(img, (x, ih // 6), (min(iw - 1, x + sw), ih - 1), tone, -1)
        cv2.rectangle(
            img,
            (x, ih // 6),
            (min(iw - 1, x + sw), ih // 6 + max(2, ih // 14)),
            _shade(tone, 0.8),
            -1,
        )
        cv2.rectangle(img, (x + sw // 4, ih // 2), (x + sw * 3 // 4, ih - 1), (25, 22, 20), -1)
        img[ih // 4 : ih // 4 + 2, x + 2 : x + 6] = (250, 250, 245)
        x += sw + int(rng.integers(3, max(4, ih // 5)))
    return img


def _build_stove_showroom(b: _Build17) -> None:
    """A wood stove showroom: warm paint, boards or tiles, a tiled ceiling; the kind's
    display hearths in rows with a stove on each (every stove the showroom's own), the
    kind's flue from each stove to the ceiling, a wall of fireplace surrounds, log
    baskets, a counter with brochures, a shop window, a door."""
    r, m = b.fix, _mass_produced(b)
    hearth, flue = _display_hearth(m), _flue(m)
    paint = _pick(r, [(230, 220, 200), (200, 190, 170), (150, 160, 150), _c(r, 120, 230)])
    _paint_of(b, paint, 1.5)
    if r.random() < 0.5:
        b.floor(_planks)
    else:
        tile = _between(r, (150, 140, 130), (210, 200, 185))
        b.floor(
            lambda g, w, h, res: _tiles(g, w, h, max(4, round(0.5 * res)), tile, _shade(tile, 0.8))
        )
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 0.7)
    fl.take(0.0, 1.2, b.w, 2.4)
    for k in range(int(r.integers(4, 9))):
        walls = ("back", "left", "right")
        spot = fl.against(r, 1.3, 1.2, walls) or fl.middle(r, 1.5, 1.5)
        if not k:
            spot = spot or _must(b, fl, r, 1.3, 1.2, walls)
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, 1.0, 1.0, 0.15, 0.0, _faces(hearth, facing)))
            hs = float(r.uniform(0.7, 1.0))
            b.boxes.append(Box(x, z, 0.55, 0.45, hs, 0.15, _faces(_stove(r), facing)))
            _model(b, Box(x, z, 0.15, 0.15, b.h - 0.15 - hs, 0.15 + hs, flue))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.5, 0.5, ("left", "right", "back")) or fl.middle(r, 0.5, 0.5)
        if spot:
            logs = _wood(r, 16, 12, _wood_tone(r), 2)
            _spots(r, logs, 8, (90, 60, 40), 2)
            _box(b, spot, 0.4, {"front": _grained(r, 16, 12, (120, 90, 60), 3.0), "top": logs})
    spot = fl.against(r, 1.8, 0.7, ("left", "right"))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_surrounds(r, wall.px(float(r.uniform(3.0, 5.0))), wall.px(1.3), paint), 1.4, 1.5)
    back = b.wall("back")
    back.put(_label(r, back.px(1.2), back.px(0.4)), 2.5, min(b.h - 0.1, 2.8))
    front_w = b.wall("front")
    _window(
        front_w,
        r,
        _outside(r, 64, 40),
        float(r.uniform(0.5, max(0.6, b.w - 3.5))),
        0.5,
        3.0,
        1.9,
        _c(r, 30, 200),
    )
    _door(b.wall(_other(side)), r, _c(r, 30, 200))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_nacelle(b: _Build17) -> None:
    """A wind turbine's nacelle, one of a wind farm's turbines of one make: every fixed
    thing the template's (the size, the ribbed fibreglass shell, the chequer-plate
    floor, the roof hatch, the generator, the main shaft and gearbox, the control
    cabinets along a side, the service crane's beam, the signs); a notice or a sticker
    on a wall and a tool bag or a box of parts on the floor the turbine's own (little)."""
    r, o = b.fix, b.own
    shell = _between(r, (215, 215, 205), (240, 238, 228))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, shell, 1.5)
        _stripes(img, r, max(3, round(0.8 * res)), _shade(shell, 0.82))
        b.fill(name, img)

    def plate(g: Rng, w: int, h: int, res: float) -> U8:
        img = _steel(g, w, h, 150)
        step = max(3, round(res / 12))
        for y in range(0, h, step):
            img[y, (y // step) % 2 :: step] = (190, 190, 194)
        return img

    b.floor(plate)

    def hatch(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _shade(shell, 0.95), 1.5)
        cv2.rectangle(img, (w // 3, h // 3), (w // 2, h // 2), (150, 150, 146), max(1, w // 60))
        return img

    b.ceiling(hatch)
    body = _pick(r, [(70, 110, 160), (60, 120, 80), (200, 200, 196)])
    gen = {"front": _grained(r, 32, 32, body, 1.5), "top": _grained(r, 32, 32, body, 1.5)}
    for y in range(3, 32, 5):
        gen["front"][y] = _shade(body, 0.8)
    mx = -0.35 if r.random() < 0.5 else 0.35
    b.boxes.append(Box(mx, 1.7, 1.1, 1.2, 1.1, 0.2, _faces(gen, "front")))
    shaft = _steel(r, 16, 16, 140)
    b.boxes.append(Box(mx, (2.3 + b.d - 2.2) / 2, 0.35, b.d - 4.5, 0.35, 0.6, _all_faces(shaft)))
    gear = {
        "front": _grained(r, 32, 32, (80, 90, 100), 2.0),
        "top": _grained(r, 32, 32, (90, 100, 110), 2.0),
    }
    cv2.circle(gear["front"], (16, 16), 9, (60, 66, 74), 2)
    b.boxes.append(Box(mx, b.d - 1.6, 1.4, 1.4, 1.5, 0.0, _faces(gear, "front")))
    side = "right" if mx < 0 else "left"
    cab = {
        "front": _cabinet(r, 1, 2, _pick(r, [(200, 200, 196), (150, 155, 160)])),
        "top": _steel(r, 16, 16, 170),
    }
    for k in range(int(r.integers(2, 4))):
        x, z, bw, bd = _wall_box(b, side, 1.6 + 0.7 * k, 0.6, 0.4)
        b.boxes.append(Box(x, z, bw, bd, 1.8, 0.0, _faces(cab, _inward(side))))
    beam = _steel(r, 8, 32, 120)
    b.boxes.append(Box(mx, b.d / 2, 0.15, b.d - 1.0, 0.15, b.h - 0.3, _all_faces(beam)))
    wall = b.wall(side)
    sign = _grained(r, wall.px(0.3), wall.px(0.3), (30, 120, 60), 1.0)
    sign[sign.shape[0] // 3 : sign.shape[0] * 2 // 3, 3:-3] = (245, 245, 245)
    wall.put(sign, 2.1, 2.2)
    # The turbine's own: a notice or a sticker, and what is left on the floor.
    for _ in range(int(o.integers(1, 3))):
        name = str(o.choice(["back", "left", "right"]))
        w_ = b.wall(name)
        note = _sheet(
            o,
            w_.px(float(o.uniform(0.15, 0.25))),
            w_.px(float(o.uniform(0.2, 0.3))),
            (30, 30, 30),
            5,
            _pick(o, [(245, 245, 240), (250, 240, 150)]),
        )
        _paste(
            w_.img,
            note,
            w_.x_of(float(o.uniform(0.2, max(0.3, w_.length - 0.5)))),
            w_.y_of(float(o.uniform(1.4, 1.8))),
        )
    st = _b17(b)
    walk = -mx * 1.4
    for _ in range(int(o.integers(1, 3))):
        thing = _grained(o, 16, 16, _pick(o, [(200, 40, 35), (230, 200, 40), (60, 60, 64)]), 3.0)
        s = float(o.uniform(0.25, 0.4))
        st.own_boxes.append(
            Box(
                walk + float(o.uniform(-0.1, 0.1)),
                float(o.uniform(2.0, b.d - 1.2)),
                s,
                s,
                float(o.uniform(0.2, 0.35)),
                0.0,
                _all_faces(thing),
            )
        )
    st.stand = (walk + float(o.uniform(-0.1, 0.1)), float(o.uniform(0.3, 0.45)))
    st.look = (mx * 0.3, 1.0, b.d)


def _build_utility_room(b: _Build17) -> None:
    """A utility room of one new-build estate's house type, one a house: every fixed
    thing the builder's (the size, the paint, the vinyl floor, the ceiling, the run of
    units with the worktop, the sink and the washing machine along the back, the tiled
    splashback, the window over the sink, the boiler on a side wall, the door); the
    household's shelves of bottles and baskets on the other side wall (1.0-1.6 m), a
    calendar and notes, what stands on the worktop and the floor their own (between)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(236, 234, 226), (220, 226, 230), _c(r, 170, 240)])
    _paint_of(b, paint, 1.5)
    vinyl = _between(r, (150, 140, 130), (200, 196, 186))
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(4, round(0.4 * res)), vinyl, _shade(vinyl, 0.9))
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (242, 242, 240), 1.0))
    back = b.wall("back")
    h0, v0, h1, v1 = _opening(back, 0.0, 0.9, b.w, 0.5)
    tile = _pick(r, [(240, 240, 236), (200, 215, 220), (60, 64, 70)])
    back.img[v0:v1, h0:h1] = _tiles(
        r, h1 - h0, v1 - v0, max(3, back.px(0.1)), tile, _shade(tile, 0.85)
    )
    _window(back, r, _outside(r, 48, 32), (b.w - 0.9) / 2, 1.45, 0.9, 0.8, (245, 245, 242))
    units = max(2, int(b.w / 0.6))
    door_c = _pick(r, [(240, 240, 236), (60, 80, 100), (150, 160, 140)])
    top = (
        _wood(r, 32, 16, _wood_tone(r), 3)
        if r.random() < 0.5
        else _grained(r, 32, 16, (60, 60, 62), 2.0)
    )
    wash = int(r.integers(0, units))
    for k in range(units):
        x = -b.w / 2 + b.w * (k + 0.5) / units
        if k == wash:
            front = _grained(r, 16, 24, (245, 245, 245), 1.0)
            cv2.circle(front, (8, 14), 6, (90, 95, 100), 1)
            cv2.circle(front, (8, 14), 4, (60, 70, 80), -1)
        else:
            front = _cabinet(r, 1, 1, door_c)
        sink = top.copy()
        if k == units // 2 and k != wash:
            cv2.rectangle(sink, (6, 3), (25, 12), (190, 192, 196), -1)
        b.boxes.append(
            Box(
                x,
                b.d - 0.3,
                b.w / units - 0.01,
                0.6,
                0.9,
                0.0,
                _faces({"front": front, "top": sink}, "front"),
            )
        )
    b.tops.append((0.0, b.d - 0.3, b.w, 0.6, 0.9))
    side = str(r.choice(["left", "right"]))
    boiler = {
        "front": _grained(r, 16, 24, (245, 245, 243), 1.0),
        "top": _grained(r, 16, 16, (240, 240, 238), 1.0),
    }
    boiler["front"][16:19, 4:12] = (40, 120, 200)
    x, z, bw, bd = _wall_box(b, side, b.d - 1.2, 0.45, 0.35)
    b.boxes.append(Box(x, z, bw, bd, 0.7, 1.5, _faces(boiler, _inward(side))))
    # The household's own: shelves on the other side wall, a calendar, things about.
    wall = b.wall(_other(side))
    sw = float(o.uniform(1.0, min(1.6, wall.length - 0.6)))
    l0, t0, l1, t1 = _opening(
        wall, float(o.uniform(0.3, max(0.35, wall.length - sw - 0.3))), 1.0, sw, 1.0
    )
    wall.img[t0:t1, l0:l1] = _shelf_of(
        o, l1 - l0, t1 - t0, _pick(o, [(240, 240, 236), _wood_tone(o)]), _bottles(o)
    )[: t1 - t0, : l1 - l0]
    cal = _sheet(o, wall.px(0.3), wall.px(0.45), (30, 30, 30), 6)
    cal[: cal.shape[0] // 2] = _landscape(o, cal.shape[1], cal.shape[0] // 2)
    _paste(
        b.wall(side).img, cal, b.wall(side).x_of(float(o.uniform(0.3, 1.0))), b.wall(side).y_of(1.7)
    )
    st = _b17(b)
    for _ in range(int(o.integers(2, 5))):
        thing = _grained(o, 12, 16, _c(o, 30, 240), 2.0)
        s = float(o.uniform(0.08, 0.2))
        st.own_boxes.append(
            Box(
                float(o.uniform(-b.w / 2 + 0.3, b.w / 2 - 0.3)),
                b.d - 0.3,
                s,
                s,
                float(o.uniform(0.1, 0.3)),
                0.9,
                _all_faces(thing),
            )
        )
    basket = _grained(o, 16, 12, _pick(o, [(200, 170, 120), (230, 230, 226), _c(o, 40, 230)]), 3.0)
    st.own_boxes.append(
        Box(
            float(o.uniform(-0.3, 0.3)) * b.w,
            float(o.uniform(1.2, b.d - 0.9)),
            0.5,
            0.35,
            0.3,
            0.0,
            _all_faces(basket),
        )
    )
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.25, 0.4)))
    st.look = (0.0, 1.1, b.d)


def _build_balcony(b: _Build17) -> None:
    """A glazed balcony of one tower block, one a flat: every fixed thing the tower's
    (the size, the paint, the tiled floor, the soffit, the glazing along the back with
    its mullions over a solid parapet, the view over the city, the heater); what covers
    both side walls (60-90 % of them, up to 1.8-2.2 m: shelves of pot plants, a trellis
    of climbers or a painted wall), the pots, chairs and table standing about and the
    rug the flat's own (much)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(236, 232, 222), (210, 214, 216), _c(r, 150, 235)])
    _paint_of(b, paint, 1.5)
    tile = _between(r, (140, 130, 120), (210, 200, 185))
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(4, round(0.3 * res)), tile, _shade(tile, 0.85))
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (236, 236, 232), 1.5))
    back = b.wall("back")
    h0, v0, h1, v1 = _opening(back, 0.1, 0.95, b.w - 0.2, b.h - 1.2)
    view = _outside(r, h1 - h0, v1 - v0)
    back.img[v0:v1, h0:h1] = view
    frame = _pick(r, [(60, 60, 64), (240, 240, 236), (120, 110, 100)])
    cv2.rectangle(back.img, (h0, v0), (h1 - 1, v1 - 1), frame, max(2, (h1 - h0) // 80))
    for k in range(1, int(r.integers(3, 5))):
        xk = h0 + (h1 - h0) * k // 4
        back.img[v0:v1, xk : xk + max(1, (h1 - h0) // 100)] = frame
    heater = _grained(r, 32, 8, (240, 240, 236), 1.0)
    heater[3:5, 2:30] = (200, 80, 40)
    b.boxes.append(
        Box(
            0.0, 0.15, 1.0, 0.12, 0.15, b.h - 0.35, _faces({"front": heater, "top": heater}, "back")
        )
    )
    # The flat's own: both side walls, the pots, the chairs, the table and the rug.
    height = float(o.uniform(1.8, 2.2))
    frac = float(o.uniform(0.6, 0.9))
    for name in ("left", "right"):
        wall = b.wall(name)
        start = float(o.uniform(0.0, max(0.05, (1 - frac) * wall.length)))
        l0, t0, l1, t1 = _opening(wall, start, 0.0, frac * wall.length, height)
        cover = o.random()
        if cover < 0.4:
            img = _shelf_of(
                o, l1 - l0, t1 - t0, _pick(o, [(240, 240, 236), _wood_tone(o)]), _pots(o)
            )
        elif cover < 0.75:
            img = _grained(o, l1 - l0, t1 - t0, _wood_tone(o), 2.0)
            step = max(3, (t1 - t0) // 10)
            for k in range(-(t1 - t0), l1 - l0, step):
                cv2.line(img, (k, t1 - t0), (k + (t1 - t0), 0), _shade(_wood_tone(o), 0.7), 1)
            leaves = _field(o, l1 - l0, t1 - t0, max(3, (l1 - l0) // 8))
            img[leaves > 0.5] = _pick(o, [(50, 120, 50), (80, 150, 60), (40, 90, 50)])
        else:
            img = _graphic(o, l1 - l0, t1 - t0, _c(o, 60, 240))
        wall.img[t0:t1, l0:l1] = img[: t1 - t0, : l1 - l0]
    st = _b17(b)
    for _ in range(int(o.integers(2, 6))):
        pot = {
            "top": _grained(o, 16, 16, _pick(o, [(50, 120, 50), (90, 150, 70)]), 3.0),
            "front": _grained(
                o, 16, 24, _pick(o, [(170, 90, 60), (230, 230, 225), _c(o, 40, 230)]), 2.0
            ),
        }
        s = float(o.uniform(0.25, 0.5))
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * float(o.uniform(0.4, b.w / 2 - 0.3)),
                float(o.uniform(0.9, b.d - 0.3)),
                s,
                s,
                float(o.uniform(0.3, 1.1)),
                0.0,
                _faces(pot, "front"),
            )
        )
    for _ in range(int(o.integers(1, 3))):
        seat = _grained(o, 16, 16, _c(o, 30, 240), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.4, 0.4)) * b.w,
                float(o.uniform(1.0, b.d - 0.5)),
                0.45,
                0.45,
                float(o.uniform(0.45, 0.8)),
                0.0,
                _all_faces(seat),
            )
        )
    rug = _grained(o, 32, 24, _c(o, 40, 230), 3.0)
    for y in range(2, 24, 5):
        rug[y] = _c(o, 40, 230)
    st.own_boxes.append(Box(0.0, b.d / 2 + 0.2, b.w * 0.5, b.d * 0.45, 0.01, 0.0, _all_faces(rug)))
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.2, 0.3)))
    # Looking into a corner, so that a side wall and the glazing share the picture.
    st.look = (float(o.choice([-1.0, 1.0])) * float(o.uniform(0.3, 0.45)) * b.w, 1.1, b.d * 0.8)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "trampoline park": _build_trampoline_park,
    "cleanroom bay": _build_cleanroom,
    "indoor cricket nets": _build_cricket_nets,
    "indoor skatepark": _build_skatepark,
    "ice sculpture studio": _build_ice_studio,
    "glazier's workshop": _build_glazier,
    "karting track": _build_karting,
    "stove showroom": _build_stove_showroom,
    "nacelle": _build_nacelle,
    "utilityroom": _build_utility_room,
    "glazedbalcony": _build_balcony,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v29's kinds and v29's day seeds."""

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
    """The original picture of a place, carrying its ``Place`` for ``views_v29``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v29(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v29 (``bench/link.py --generator v29``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v29``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    stove showroom, glazier's workshop or ice sculpture studio."""
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


# --- views ----------------------------------------------------------------------------------------


def _say(img: Any, rng: Rng, text: str, x: int, y: int, size: int, colour: Colour) -> None:
    """v10's lettering on a picture of either type (the views draw on float pictures)."""
    _text(img, rng, text, x, y, size, colour)


def _rounded(mask_h: int, mask_w: int, rad: int) -> F32:
    """A mask of a rectangle with rounded corners."""
    mask = np.zeros((max(1, mask_h), max(1, mask_w)), np.float32)
    rad = max(0, min(rad, mask_h // 2, mask_w // 2))
    cv2.rectangle(mask, (rad, 0), (mask_w - 1 - rad, mask_h - 1), 1.0, -1)
    cv2.rectangle(mask, (0, rad), (mask_w - 1, mask_h - 1 - rad), 1.0, -1)
    for cx, cy in (
        (rad, rad),
        (mask_w - 1 - rad, rad),
        (rad, mask_h - 1 - rad),
        (mask_w - 1 - rad, mask_h - 1 - rad),
    ):
        cv2.circle(mask, (cx, cy), rad, 1.0, -1)
    return mask


def _blend(out: F32, pic: U8 | F32, x: int, y: int, mask: F32) -> None:
    """``pic`` laid on ``out`` at ``x``, ``y`` through ``mask`` (clipped at the edges)."""
    h, w = out.shape[:2]
    ph, pw = pic.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + pw), min(h, y + ph)
    if x1 <= x0 or y1 <= y0:
        return
    m = mask[y0 - y : y1 - y, x0 - x : x1 - x, None]
    region = out[y0:y1, x0:x1]
    out[y0:y1, x0:x1] = region * (1 - m) + pic[y0 - y : y1 - y, x0 - x : x1 - x] * m


def _shadow(out: F32, x: int, y: int, w: int, h: int, blur: float, strength: float) -> None:
    """A soft drop shadow under a rectangle."""
    oh, ow = out.shape[:2]
    mask = np.zeros((oh, ow), np.float32)
    cv2.rectangle(mask, (x, y), (x + w, y + h), 1.0, -1)
    mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), max(1.0, blur)), np.float32)
    out *= (1 - strength * mask)[:, :, None]


def calendar(img: U8, rng: Rng) -> U8:
    """The picture as the month's photograph on a wall calendar, photographed: the page
    82-92 % of the frame's width, the picture over its top 56-62 % (a little margin
    round it), a wire binding and a hanging hole at the top, the month's name and a grid
    of numbered days below, the wall round it; turned up to 2 degrees, off square by up
    to 3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _grained(
        rng, w, h, _pick(rng, [(225, 222, 212), (200, 205, 210), (170, 160, 150)]), 2.0
    ).astype(np.float32)
    pw = int(w * float(rng.uniform(0.82, 0.92)))
    x0 = (w - pw) // 2 + int(rng.integers(-max(1, w // 40), max(2, w // 40)))
    y0 = int(h * float(rng.uniform(0.03, 0.06)))
    _shadow(out, x0 + int(4 * s), y0 + int(4 * s), pw, h, 6 * s, 0.35)
    paper = np.array(_pick(rng, [(250, 250, 246), (246, 244, 236)]), np.float32)
    out[y0:, x0 : x0 + pw] = paper
    m = max(2, int(pw * 0.03))
    ph = int(h * float(rng.uniform(0.56, 0.62)))
    pic = _fit(img, pw - 2 * m, ph)
    out[y0 + m + int(6 * s) : y0 + m + int(6 * s) + ph, x0 + m : x0 + pw - m] = pic[
        : max(0, min(ph, h - y0 - m - int(6 * s)))
    ]
    for x in range(x0 + m, x0 + pw - m, max(3, int(7 * s))):
        cv2.ellipse(
            out,
            (x, y0 + int(2 * s)),
            (max(1, int(2 * s)), max(2, int(5 * s))),
            0.0,
            0.0,
            360.0,
            (120, 120, 126),
            1,
        )
    cv2.circle(out, (x0 + pw // 2, y0 + int(3 * s)), max(2, int(5 * s)), (60, 60, 60), -1)
    gy = y0 + m + int(6 * s) + ph + max(3, int(8 * s))
    ink = _pick(rng, [(30, 30, 30), (160, 30, 30), (30, 60, 120)])
    _say(
        out,
        rng,
        _word(rng, (2, 3)).upper(),
        x0 + m,
        gy + max(3, int(10 * s)),
        max(3, int(12 * s)),
        ink,
    )
    cell_w = (pw - 2 * m) / 7
    row = gy + max(6, int(18 * s))
    day = 1 - int(rng.integers(0, 7))
    while row < h - 2:
        for k in range(7):
            if 1 <= day <= 31:
                _say(
                    out,
                    rng,
                    str(day),
                    int(x0 + m + k * cell_w + 2),
                    row + max(3, int(8 * s)),
                    max(2, int(7 * s)),
                    (160, 30, 30) if k == 6 else (60, 60, 60),
                )
            day += 1
        cv2.line(out, (x0 + m, row), (x0 + pw - m, row), (200, 200, 196), 1)
        row += max(5, int(16 * s))
    page = _u8(out)
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-2, 2)), 1.0)
    page = np.asarray(cv2.warpAffine(page, mat, (w, h), borderMode=cv2.BORDER_REFLECT), np.uint8)
    return _noise(_tilted(page, rng, 0.03), rng, 2.0)


def now_playing(img: U8, rng: Rng) -> U8:
    """The picture as the cover art on a music app's now-playing screen, screenshotted:
    the screen filled with the picture blurred (sigma 10 % of the width) and darkened
    (x0.45-0.6), the cover (a square from the picture's middle, 62-72 % of the height)
    with rounded corners and a shadow on the left, the title and artist (made-up words),
    a progress bar with its times, and the play, skip and shuffle buttons on the right."""
    h, w = img.shape[:2]
    s = _scale(w)
    bg = cv2.GaussianBlur(img.astype(np.float32), (0, 0), max(2.0, 0.1 * w))
    out = np.asarray(bg, np.float32) * float(rng.uniform(0.45, 0.6))
    side = int(h * float(rng.uniform(0.62, 0.72)))
    x0, y0 = int(w * float(rng.uniform(0.05, 0.09))), (h - side) // 2
    _shadow(out, x0, y0 + int(5 * s), side, side, 10 * s, 0.5)
    _blend(out, _fit(img, side, side), x0, y0, _rounded(side, side, max(2, int(10 * s))))
    tx = x0 + side + max(6, int(w * 0.05))
    white = (245, 245, 245)
    _say(
        out,
        rng,
        " ".join(_word(rng, (1, 3)) for _ in range(2)),
        tx,
        int(h * 0.32),
        max(3, int(16 * s)),
        white,
    )
    _say(out, rng, _word(rng, (2, 3)), tx, int(h * 0.42), max(3, int(11 * s)), (200, 200, 200))
    bar_y, bar_x1 = int(h * 0.56), w - max(6, int(w * 0.05))
    frac = float(rng.uniform(0.1, 0.9))
    cv2.line(out, (tx, bar_y), (bar_x1, bar_y), (150, 150, 150), max(1, int(3 * s)))
    cv2.line(out, (tx, bar_y), (int(tx + (bar_x1 - tx) * frac), bar_y), white, max(1, int(3 * s)))
    cv2.circle(out, (int(tx + (bar_x1 - tx) * frac), bar_y), max(2, int(5 * s)), white, -1)
    for k, t in enumerate(
        (
            f"{int(rng.integers(0, 3))}:{int(rng.integers(10, 60))}",
            f"-{int(rng.integers(1, 4))}:{int(rng.integers(10, 60))}",
        )
    ):
        _say(
            out,
            rng,
            t,
            tx if k == 0 else bar_x1 - int(28 * s),
            bar_y + max(6, int(16 * s)),
            max(2, int(8 * s)),
            (200, 200, 200),
        )
    cy, cx = int(h * 0.75), (tx + bar_x1) // 2
    r_ = max(4, int(16 * s))
    cv2.circle(out, (cx, cy), r_, white, -1)
    cv2.rectangle(out, (cx - r_ // 3, cy - r_ // 2), (cx - r_ // 8, cy + r_ // 2), (40, 40, 40), -1)
    cv2.rectangle(out, (cx + r_ // 8, cy - r_ // 2), (cx + r_ // 3, cy + r_ // 2), (40, 40, 40), -1)
    for d in (-1, 1):
        bx = cx + d * 3 * r_
        pts = np.array(
            [
                [bx - d * r_ // 2, cy - r_ // 2],
                [bx + d * r_ // 2, cy],
                [bx - d * r_ // 2, cy + r_ // 2],
            ]
        )
        cv2.fillPoly(out, [pts.astype(np.int32)], white)
    return _u8(out)


def _shaken(img: U8, rng: Rng, w: int, h: int) -> U8:
    """One frame of a burst: the picture shifted and turned a little (a hand's shake),
    cropped to ``w`` x ``h``."""
    ih, iw = img.shape[:2]
    mat = cv2.getRotationMatrix2D(
        (iw / 2, ih / 2), float(rng.uniform(-1.5, 1.5)), float(rng.uniform(1.04, 1.1))
    )
    mat[:, 2] += (float(rng.uniform(-0.03, 0.03)) * iw, float(rng.uniform(-0.03, 0.03)) * ih)
    moved_ = cv2.warpAffine(img, mat, (iw, ih), borderMode=cv2.BORDER_REFLECT)
    return _fit(np.asarray(moved_, np.uint8), w, h)


def burst_picker(img: U8, rng: Rng) -> U8:
    """A phone gallery's burst picker, screenshotted: a dark page, a top bar with
    "Select" and "Done", the chosen frame (the picture) fitted in the middle (66-74 % of
    the height), and under it a strip of nine to thirteen small frames of the burst (the
    picture shaken by a hand: shifted up to 3 %, turned up to 1.5 degrees, zoomed 4-10 %),
    the chosen one framed in white with a blue tick."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.float32)
    out[:] = (12, 12, 14)
    top = max(6, int(h * 0.08))
    _say(
        out,
        rng,
        "Select",
        max(3, int(8 * s)),
        top - max(2, top // 4),
        max(3, top // 2),
        (240, 240, 240),
    )
    _say(
        out,
        rng,
        "Done",
        w - max(20, int(40 * s)),
        top - max(2, top // 4),
        max(3, top // 2),
        (60, 140, 255),
    )
    ph = int(h * float(rng.uniform(0.66, 0.74)))
    pw = min(w, ph * w // h)
    _paste_f(
        out,
        np.asarray(cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA), np.uint8),
        (w - pw) // 2,
        top + max(2, int(4 * s)),
    )
    n = int(rng.integers(9, 14))
    tw = max(4, (w - 4) // n)
    th = max(4, min(h - top - ph - max(4, int(12 * s)), tw * 3 // 4))
    ty = h - th - max(2, int(6 * s))
    pick = int(rng.integers(1, n - 1))
    for k in range(n):
        frame = _fit(img, tw - 2, th) if k == pick else _shaken(img, rng, tw - 2, th)
        _paste_f(out, frame, 2 + k * tw, ty)
        if k == pick:
            cv2.rectangle(
                out,
                (2 + k * tw - 1, ty - 1),
                (2 + k * tw + tw - 2, ty + th),
                (250, 250, 250),
                max(1, int(2 * s)),
            )
            cv2.circle(
                out,
                (2 + k * tw + tw - max(4, int(8 * s)), ty + th - max(4, int(8 * s))),
                max(2, int(5 * s)),
                (40, 120, 250),
                -1,
            )
    return _noise(_u8(out), rng, 0.8)


def _paste_f(out: F32, pic: U8 | F32, x: int, y: int) -> None:
    _blend(out, pic, x, y, np.ones(pic.shape[:2], np.float32))


def share_sheet(img: U8, rng: Rng) -> U8:
    """A tablet's photo viewer with the share sheet drawn up, screenshotted: the picture
    fitted to the screen's width (dimmed to x0.6-0.75 behind the sheet), the sheet
    (light or dark, rounded at the top) covering the bottom 38-52 %: a small copy of the
    picture with a made-up file name, a row of round contacts with initials, a row of
    app icons and lines of actions."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.asarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA), np.float32)
    out *= float(rng.uniform(0.6, 0.75))
    sheet_h = int(h * float(rng.uniform(0.38, 0.52)))
    dark = rng.random() < 0.4
    ground = (36, 36, 40) if dark else (242, 242, 246)
    ink = (235, 235, 240) if dark else (30, 30, 34)
    sheet = np.empty((sheet_h, w, 3), np.float32)
    sheet[:] = ground
    _blend(out, sheet, 0, h - sheet_h, _rounded(sheet_h + 40, w, max(4, int(14 * s)))[:sheet_h])
    y = h - sheet_h + max(4, int(10 * s))
    th = max(6, int(sheet_h * 0.2))
    _paste_f(out, _fit(img, th * 4 // 3, th), max(4, int(12 * s)), y)
    _say(
        out,
        rng,
        f"IMG_{int(rng.integers(1000, 9999))}",
        max(4, int(12 * s)) + th * 4 // 3 + 6,
        y + th // 2,
        max(3, int(10 * s)),
        ink,
    )
    y += th + max(4, int(10 * s))
    r_ = max(4, int(sheet_h * 0.1))
    for k in range(int(w // (3 * r_))):
        cx = max(4, int(12 * s)) + r_ + k * 3 * r_
        if cx + r_ > w:
            break
        cv2.circle(out, (cx, y + r_), r_, _c(rng, 60, 230), -1)
        _say(
            out,
            rng,
            "".join(str(c) for c in rng.choice(list("ABCDEFGHKLMNPRST"), 2)),
            cx - r_ // 2,
            y + r_ + r_ // 3,
            max(2, r_ * 2 // 3),
            (250, 250, 250),
        )
    y += 2 * r_ + max(4, int(10 * s))
    for k in range(int(w // (3 * r_))):
        x = max(4, int(12 * s)) + k * 3 * r_
        if x + 2 * r_ > w or y + 2 * r_ > h:
            break
        _blend(
            out,
            np.full((2 * r_, 2 * r_, 3), _c(rng, 30, 240), np.float32),
            x,
            y,
            _rounded(2 * r_, 2 * r_, r_ // 2),
        )
    y += 2 * r_ + max(4, int(10 * s))
    while y < h - 4:
        cv2.line(
            out,
            (max(4, int(12 * s)), y),
            (int(w * float(rng.uniform(0.3, 0.6))), y),
            ink,
            max(1, int(2 * s)),
        )
        y += max(5, int(16 * s))
    return _u8(out)


def sky_swap(img: U8, rng: Rng) -> U8:
    """The picture through a photo editor's sky replacement run on an indoor shot: it
    takes the top of the frame (down a wavy line at 18-32 % of the height, and whatever
    is bright just under it) for sky and paints in a made-up sky (a blue or sunset
    gradient with clouds), feathered at the edge, and grades the rest to match (warm or
    cool, up to 12 % per channel)."""
    h, w = img.shape[:2]
    s = _scale(w)
    f = img.astype(np.float32)
    grade = np.array(
        [rng.uniform(0.95, 1.12), rng.uniform(0.95, 1.05), rng.uniform(0.88, 1.08)], np.float32
    )
    f = f * grade + float(rng.uniform(-6, 10))
    line = (
        h * float(rng.uniform(0.18, 0.32)) + (_field(rng, w, 1, max(4, w // 4))[0] - 0.5) * h * 0.12
    )
    yy, _xx = _grid(h, w)
    bright = _luma(img) > float(np.quantile(_luma(img), 0.75))
    mask = (yy < line[None, :]).astype(np.float32)
    mask = np.maximum(mask, ((yy < line[None, :] + h * 0.08) & bright).astype(np.float32))
    mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), max(1.0, 4 * s)), np.float32)
    sunset = rng.random() < 0.5
    top_c = np.array((60, 90, 170) if sunset else (40, 110, 210), np.float32)
    low_c = np.array((250, 160, 90) if sunset else (190, 220, 245), np.float32)
    t = np.clip(yy / max(1.0, float(line.max()) + h * 0.08), 0, 1)[:, :, None]
    sky = top_c * (1 - t) + low_c * t
    cloud = np.clip((_field(rng, w, h, max(4, w // 6)) - 0.55) * 3, 0, 1)[:, :, None]
    sky = sky * (1 - cloud) + np.array((248, 246, 244), np.float32) * cloud
    out = f * (1 - mask[:, :, None]) + sky * mask[:, :, None]
    return _noise(_u8(out), rng, 1.5)


def photo_clock(img: U8, rng: Rng) -> U8:
    """The picture printed as the face of a photo wall clock, photographed on the wall:
    a round face (a square from the picture's middle, 84-94 % of the height across) in a
    rim, twelve markers and four numerals round it, the hour and minute hands (dark,
    edged in white) and a seconds hand over it, a cap in the middle, a shadow on the
    wall; seen up to 12 % off square."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _grained(
        rng, w, h, _pick(rng, [(226, 222, 214), (190, 200, 205), (140, 130, 120)]), 2.0
    ).astype(np.float32)
    d = max(8, int(min(h, w) * float(rng.uniform(0.84, 0.94))))
    slack = max(1, (w - d) // 2)
    cx, cy = w // 2 + int(rng.integers(-slack, slack + 1)) // 2, h // 2
    shadow = np.zeros((h, w), np.float32)
    cv2.circle(shadow, (cx + int(5 * s), cy + int(7 * s)), d // 2, 1.0, -1)
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 8 * s)), np.float32)
    out *= (1 - 0.4 * shadow)[:, :, None]
    face = np.zeros((d, d), np.float32)
    cv2.circle(face, (d // 2, d // 2), d // 2, 1.0, -1, cv2.LINE_AA)
    _blend(out, _fit(img, d, d), cx - d // 2, cy - d // 2, face)
    rim = _pick(rng, [(30, 30, 32), (200, 200, 204), (150, 110, 70)])
    cv2.circle(out, (cx, cy), d // 2, rim, max(2, int(6 * s)), cv2.LINE_AA)
    for k in range(12):
        a = k * np.pi / 6
        px, py = int(cx + 0.43 * d * np.sin(a)), int(cy - 0.43 * d * np.cos(a))
        rr = max(2, int((5 if k % 3 == 0 else 3) * s))
        cv2.circle(out, (px, py), rr + 1, (20, 20, 20), -1)
        cv2.circle(out, (px, py), rr, (250, 250, 250), -1)
    for a_deg, ln, th in (
        (float(rng.uniform(0, 360)), 0.25, 6),
        (float(rng.uniform(0, 360)), 0.4, 4),
    ):
        a = np.radians(a_deg)
        tip = (int(cx + ln * d * np.sin(a)), int(cy - ln * d * np.cos(a)))
        cv2.line(out, (cx, cy), tip, (250, 250, 250), max(2, int((th + 2) * s)), cv2.LINE_AA)
        cv2.line(out, (cx, cy), tip, (20, 20, 22), max(1, int(th * s)), cv2.LINE_AA)
    a = np.radians(float(rng.uniform(0, 360)))
    cv2.line(
        out,
        (cx, cy),
        (int(cx + 0.45 * d * np.sin(a)), int(cy - 0.45 * d * np.cos(a))),
        (210, 30, 30),
        max(1, int(1.5 * s)),
        cv2.LINE_AA,
    )
    cv2.circle(out, (cx, cy), max(2, int(6 * s)), (20, 20, 22), -1)
    tilt = float(rng.uniform(0.0, 0.12)) * float(rng.choice([-1.0, 1.0]))
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    dst = np.array(
        [
            [0, h * max(0.0, tilt) / 2],
            [w, h * max(0.0, -tilt) / 2],
            [w, h - h * max(0.0, -tilt) / 2],
            [0, h - h * max(0.0, tilt) / 2],
        ],
        np.float32,
    )
    mat = cv2.getPerspectiveTransform(src, dst)
    seen = np.asarray(cv2.warpPerspective(out, mat, (w, h), borderMode=cv2.BORDER_REPLICATE))
    return _noise(_u8(seen), rng, 2.0)


def print_preview(img: U8, rng: Rng) -> U8:
    """A desktop print dialog, screenshotted: a grey window, on the left a preview pane
    with the page (portrait or landscape, white, a shadow) and the picture fitted inside
    its margins (7-12 % of the page), on the right the settings (labels, drop-down boxes,
    a copies field) and the Cancel and Print buttons; a title bar."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.float32)
    out[:] = (236, 236, 238)
    bar = max(5, int(h * 0.07))
    out[:bar] = (214, 214, 218)
    for k, col in enumerate(((240, 90, 80), (240, 190, 60), (90, 190, 90))):
        cv2.circle(
            out,
            (max(4, int(10 * s)) + k * max(6, int(14 * s)), bar // 2),
            max(2, bar // 4),
            col,
            -1,
        )
    _say(out, rng, "Print", w // 2 - int(14 * s), bar * 3 // 4, max(3, bar // 2), (60, 60, 64))
    pane_w = int(w * float(rng.uniform(0.56, 0.64)))
    out[bar:, :pane_w] = (200, 202, 206)
    avail_h, avail_w = h - bar - 2 * max(4, int(10 * s)), pane_w - 2 * max(4, int(10 * s))
    portrait = rng.random() < 0.5
    aspect = 1 / 1.414 if portrait else 1.414
    page_h = int(min(avail_h, avail_w / aspect))
    page_w = int(page_h * aspect)
    px, py = (pane_w - page_w) // 2, bar + (h - bar - page_h) // 2
    _shadow(out, px + int(3 * s), py + int(3 * s), page_w, page_h, 4 * s, 0.4)
    out[py : py + page_h, px : px + page_w] = 255
    margin = float(rng.uniform(0.07, 0.12))
    iw, ih = int(page_w * (1 - 2 * margin)), int(page_h * (1 - 2 * margin))
    fw = min(iw, ih * w // max(1, h))
    fh = min(ih, fw * h // max(1, w))
    pic = np.asarray(
        cv2.resize(img, (max(1, fw), max(1, fh)), interpolation=cv2.INTER_AREA), np.uint8
    )
    _paste_f(
        out,
        pic,
        px + (page_w - fw) // 2,
        py + int(page_h * margin) + (ih - fh) // (2 if portrait else 1) // 2,
    )
    x = pane_w + max(6, int(14 * s))
    y = bar + max(8, int(20 * s))
    for label in ("Printer", "Copies", "Pages", "Paper", "Layout", "Colour"):
        if y > h - max(20, int(50 * s)):
            break
        _say(out, rng, label, x, y, max(2, int(8 * s)), (60, 60, 64))
        cv2.rectangle(
            out,
            (x + int(50 * s), y - int(10 * s)),
            (w - max(4, int(10 * s)), y + int(3 * s)),
            (252, 252, 252),
            -1,
        )
        _say(out, rng, _word(rng, (1, 2)), x + int(54 * s), y, max(2, int(7 * s)), (30, 30, 34))
        y += max(8, int(24 * s))
    by = h - max(10, int(26 * s))
    bw_ = max(10, int(46 * s))
    for k, (label, col) in enumerate((("Cancel", (252, 252, 252)), ("Print", (40, 120, 240)))):
        bx = w - (2 - k) * (bw_ + max(3, int(8 * s)))
        cv2.rectangle(out, (bx, by), (bx + bw_, by + max(5, int(16 * s))), col, -1)
        _say(
            out,
            rng,
            label,
            bx + 3,
            by + max(4, int(12 * s)),
            max(2, int(7 * s)),
            (30, 30, 34) if k == 0 else (255, 255, 255),
        )
    return _u8(out)


def record_sleeve(img: U8, rng: Rng) -> U8:
    """The picture as the cover of an LP in a crate of records, photographed from above
    and in front: the sleeve (a square from the picture's middle, 62-76 % of the frame's
    height across) leaning back (its top 84-92 % as wide as its bottom), the tops of the
    sleeves behind it showing above, the next sleeve in front (a plain or striped design
    of its own) hiding its lower 30-45 %, the crate's wooden sides, shadows."""
    h, w = img.shape[:2]
    s = _scale(w)
    crate = _wood_tone(rng)
    out = _wood(rng, w, h, crate, 6).astype(np.float32)
    side = int(min(h, w) * float(rng.uniform(0.62, 0.76)))
    cx = w // 2 + int(rng.integers(-max(1, (w - side) // 4), max(2, (w - side) // 4)))
    top = int(h * float(rng.uniform(0.12, 0.2)))
    for k in range(int(rng.integers(3, 6)), 0, -1):
        y = top - int(k * float(rng.uniform(5, 9)) * s)
        cv2.rectangle(
            out, (cx - side // 2 - k, y), (cx + side // 2 + k, y + side), _c(rng, 30, 240), -1
        )
        cv2.line(out, (cx - side // 2 - k, y), (cx + side // 2 + k, y), (240, 240, 236), 1)
    narrow = float(rng.uniform(0.84, 0.92))
    quad = np.array(
        [
            [cx - side * narrow / 2, top],
            [cx + side * narrow / 2, top],
            [cx + side / 2, top + side],
            [cx - side / 2, top + side],
        ],
        np.float32,
    )
    _warp_onto(out, _fit(img, side, side), quad)
    cover = float(rng.uniform(0.3, 0.45))
    fy = int(top + side * (1 - cover))
    _shadow(out, cx - side // 2, fy - int(6 * s), side, h, 5 * s, 0.45)
    front = _grained(rng, side + 8, h - fy + 8, _c(rng, 20, 240), 2.0)
    if rng.random() < 0.5:
        for y in range(0, front.shape[0], max(3, int(10 * s))):
            front[y : y + max(1, int(4 * s))] = _c(rng, 20, 240)
    _paste_f(out, front, cx - side // 2 - 4, fy)
    edge = max(4, int(w * 0.05))
    out[:, :edge] = _wood(rng, edge, h, _shade(crate, 0.8), 3)
    out[:, w - edge :] = _wood(rng, edge, h, _shade(crate, 0.8), 3)
    return _noise(_u8(out), rng, 2.0)


def wheat_paste(img: U8, rng: Rng) -> U8:
    """The picture printed on thin paper and pasted on a brick wall (a street poster),
    photographed a little from one side: the bricks' mortar lines and relief show
    through the paper, wrinkles from the paste, damp patches, a torn corner showing the
    brick, the print 72-86 % of the frame; the wall's far side 80-90 % of its near
    side's height."""
    h, w = img.shape[:2]
    s = _scale(w)
    cw, ch = w, h
    brick = _between(rng, (140, 70, 50), (190, 120, 90))
    bh = max(4, int(float(rng.uniform(12, 18)) * s))
    bw_ = bh * 3
    wall = np.empty((ch, cw, 3), np.float32)
    wall[:] = brick
    relief = np.ones((ch, cw), np.float32)
    for row, y in enumerate(range(0, ch, bh)):
        relief[y : y + max(1, bh // 6)] = 0.55
        for x in range((row % 2) * bw_ // 2, cw, bw_):
            relief[y : y + bh, x : x + max(1, bh // 6)] = 0.55
    wall *= (0.85 + 0.3 * _field(rng, cw, ch, max(3, bh)))[:, :, None]
    wall *= relief[:, :, None]
    k = float(rng.uniform(0.72, 0.86))
    pw, ph = int(cw * k), int(ch * k)
    x0, y0 = (cw - pw) // 2, (ch - ph) // 2
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    pic *= (0.72 + 0.28 * relief[y0 : y0 + ph, x0 : x0 + pw])[:, :, None]
    wr = _field(rng, pw, ph, max(3, pw // 14))
    pic *= (0.9 + 0.2 * np.abs(np.sin(wr * 18)))[:, :, None]
    damp = np.clip((_field(rng, pw, ph, max(4, pw // 5)) - 0.6) * 2.5, 0, 1)[:, :, None]
    pic = pic * (1 - 0.35 * damp) + np.array((120, 110, 80), np.float32) * 0.35 * damp
    mask = np.ones((ph, pw), np.float32)
    t = int(min(pw, ph) * float(rng.uniform(0.12, 0.25)))
    cx = int(rng.choice([0, pw - 1]))
    cy = int(rng.choice([0, ph - 1]))
    pts = [[cx, cy], [abs(cx - t), cy], [cx, abs(cy - t)]]
    for _ in range(4):
        pts.insert(
            2, [int(abs(cx - t * rng.uniform(0.2, 0.8))), int(abs(cy - t * rng.uniform(0.2, 0.8)))]
        )
    cv2.fillPoly(mask, [np.array(pts, np.int32)], 0.0)
    out = wall.copy()
    _blend(out, pic, x0, y0, mask)
    far = float(rng.uniform(0.8, 0.9))
    near_left = rng.random() < 0.5
    dy = h * (1 - far) / 2
    dst = np.array(
        [
            [0, 0 if near_left else dy],
            [w, dy if near_left else 0],
            [w, h - (dy if near_left else 0)],
            [0, h - (0 if near_left else dy)],
        ],
        np.float32,
    )
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    seen = cv2.warpPerspective(
        out, cv2.getPerspectiveTransform(src, dst), (w, h), borderMode=cv2.BORDER_REPLICATE
    )
    return _noise(_u8(np.asarray(seen)), rng, 2.5)


def trace_layer(img: U8, rng: Rng) -> U8:
    """The picture as a tracing layer in a drawing app, screenshotted: a dark interface,
    a tool bar down the left, a layers panel down the right (two small layers), and on
    the canvas the picture at 28-42 % opacity over white with strokes traced over its
    strongest edges (the top 4-7 % of the gradient, in one ink, 1-2 px at 400)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.float32)
    out[:] = (44, 44, 48)
    tool = max(8, int(w * 0.07))
    panel = int(w * float(rng.uniform(0.18, 0.22)))
    top = max(5, int(h * 0.07))
    out[:top] = (34, 34, 38)
    cw, ch = w - tool - panel - 2 * max(2, int(6 * s)), h - top - 2 * max(2, int(6 * s))
    fw = min(cw, ch * w // max(1, h))
    fh = min(ch, fw * h // max(1, w))
    pic = cv2.resize(img, (max(1, fw), max(1, fh)), interpolation=cv2.INTER_AREA).astype(np.float32)
    alpha = float(rng.uniform(0.28, 0.42))
    canvas = 255 * (1 - alpha) + pic * alpha
    grey = _luma(np.asarray(pic, np.uint8))
    gx, gy = cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1)
    mag = np.asarray(np.hypot(gx, gy), np.float32)
    edges = (mag > float(np.quantile(mag, 1 - float(rng.uniform(0.04, 0.07))))).astype(np.uint8)
    if s > 1.3:
        edges = np.asarray(cv2.dilate(edges, np.ones((2, 2), np.uint8)), np.uint8)
    ink = np.array(_pick(rng, [(20, 20, 24), (30, 60, 160), (160, 30, 40)]), np.float32)
    canvas[edges > 0] = ink
    cx, cy = tool + max(2, int(6 * s)) + (cw - fw) // 2, top + max(2, int(6 * s)) + (ch - fh) // 2
    _paste_f(out, canvas, cx, cy)
    for k in range(int(rng.integers(6, 10))):
        y = top + max(4, int(8 * s)) + k * max(6, int(22 * s))
        if y + tool // 2 > h:
            break
        cv2.rectangle(
            out,
            (tool // 4, y),
            (tool * 3 // 4, y + tool // 2),
            (120, 120, 126) if k else (60, 140, 250),
            -1,
        )
    px = w - panel + max(2, int(4 * s))
    lh = max(6, int(h * 0.12))
    for k, thumb in enumerate((np.where(edges[:, :, None] > 0, ink, 255).astype(np.float32), pic)):
        y = top + max(4, int(8 * s)) + k * (lh + max(3, int(6 * s)))
        cv2.rectangle(
            out, (px - 2, y - 2), (w - 3, y + lh + 2), (70, 70, 76) if k == 0 else (56, 56, 60), -1
        )
        _paste_f(
            out,
            np.asarray(
                cv2.resize(
                    np.asarray(thumb, np.float32), (lh * 4 // 3, lh), interpolation=cv2.INTER_AREA
                ),
                np.float32,
            ),
            px,
            y,
        )
        _say(
            out,
            rng,
            _word(rng, (1, 2)),
            px + lh * 4 // 3 + 3,
            y + lh // 2,
            max(2, int(7 * s)),
            (220, 220, 224),
        )
    return _u8(out)


def pip_window(img: U8, rng: Rng) -> U8:
    """The picture playing in a picture-in-picture window over a tablet's home screen,
    screenshotted: a made-up landscape as the wallpaper, a grid of app icons with their
    names, a dock, and the floating window (28-38 % of the width, rounded, a shadow) in
    a corner with the picture cropped to 16:9 and faint controls over it (close, play,
    a progress line)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = (
        _landscape(rng, w, h).astype(np.float32)
        if rng.random() < 0.6
        else np.asarray(cv2.resize(_graphic(rng, 64, 48, _c(rng, 40, 200)), (w, h)), np.float32)
    )
    out = cv2.GaussianBlur(out, (0, 0), max(1.0, 2 * s)) * 0.85
    icon = max(6, int(min(w, h) * 0.1))
    gap = icon // 2
    for row in range(3):
        for col in range(int((w - gap) // (icon + gap))):
            x, y = gap + col * (icon + gap), gap + row * (icon + 2 * gap)
            if y + icon > h * 0.75:
                break
            _blend(
                out,
                np.full((icon, icon, 3), _c(rng, 30, 245), np.float32),
                x,
                y,
                _rounded(icon, icon, icon // 4),
            )
            _say(
                out,
                rng,
                _word(rng, (1, 1)),
                x,
                y + icon + max(3, gap * 2 // 3),
                max(2, int(6 * s)),
                (250, 250, 250),
            )
    dock_h = icon + gap
    dock = np.full((dock_h, int(w * 0.6), 3), 230, np.float32)
    _blend(
        out,
        dock * 0.5 + out[h - dock_h - 2 : h - 2, int(w * 0.2) : int(w * 0.2) + dock.shape[1]] * 0.5,
        int(w * 0.2),
        h - dock_h - 2,
        _rounded(dock_h, dock.shape[1], dock_h // 3),
    )
    pw = int(w * float(rng.uniform(0.28, 0.38)))
    ph = pw * 9 // 16
    x = w - pw - gap if rng.random() < 0.5 else gap
    y = int(rng.choice([gap, h - ph - dock_h - gap]))
    _shadow(out, x, y + int(3 * s), pw, ph, 6 * s, 0.5)
    win = _fit(img, pw, ph).astype(np.float32)
    win[: max(3, ph // 6)] *= 0.7
    cv2.line(
        win,
        (max(3, pw // 20), ph - max(3, ph // 10)),
        (pw - max(3, pw // 20), ph - max(3, ph // 10)),
        (230, 230, 230),
        1,
    )
    cv2.line(win, (4, 4), (4 + max(3, ph // 10), 4 + max(3, ph // 10)), (240, 240, 240), 1)
    cv2.line(win, (4 + max(3, ph // 10), 4), (4, 4 + max(3, ph // 10)), (240, 240, 240), 1)
    _blend(out, win, x, y, _rounded(ph, pw, max(2, int(8 * s))))
    return _u8(out)


def spoiler_blur(img: U8, rng: Rng) -> U8:
    """The picture sent in a chat marked as sensitive, screenshotted before it is opened:
    a chat page with other bubbles, the picture's bubble (62-72 % of the height) with
    the picture blurred hard (sigma 2.5-4 % of the width) and darkened (x0.6-0.75), a
    scatter of sparkle dots over it, a round badge with a struck-through circle and
    "Tap to view" in the middle, a time stamp."""
    h, w = img.shape[:2]
    s = _scale(w)
    dark = rng.random() < 0.5
    out = np.empty((h, w, 3), np.float32)
    out[:] = (20, 22, 26) if dark else (232, 226, 216)
    ink = (220, 220, 224) if dark else (40, 40, 44)
    y = max(4, int(8 * s))
    for k in range(int(rng.integers(1, 3))):
        bw_ = int(w * float(rng.uniform(0.25, 0.5)))
        bh = max(6, int(16 * s))
        x = max(3, int(8 * s)) if k % 2 == 0 else w - bw_ - max(3, int(8 * s))
        _blend(
            out,
            np.full((bh, bw_, 3), (60, 60, 66) if dark else (255, 255, 255), np.float32),
            x,
            y,
            _rounded(bh, bw_, bh // 2),
        )
        cv2.line(out, (x + 4, y + bh // 2), (x + bw_ - 6, y + bh // 2), ink, 1)
        y += bh + max(3, int(6 * s))
    ph = int(h * float(rng.uniform(0.62, 0.72)))
    ph = min(ph, h - y - max(2, int(4 * s)))
    pw = min(int(ph * w / max(1, h)), w - max(6, int(16 * s)))
    x = w - pw - max(3, int(8 * s))
    pic = cv2.resize(img, (max(1, pw), max(1, ph)), interpolation=cv2.INTER_AREA).astype(np.float32)
    soft = cv2.GaussianBlur(pic, (0, 0), max(1.0, float(rng.uniform(0.025, 0.04)) * w))
    pic = np.asarray(soft, np.float32) * float(rng.uniform(0.6, 0.75))
    for _ in range(max(10, pw * ph // 60)):
        px_, py_ = int(rng.integers(0, max(1, pw))), int(rng.integers(0, max(1, ph)))
        pic[py_, px_] = np.minimum(255, pic[py_, px_] + 120)
    cx, cy = pw // 2, ph // 2
    rr = max(5, int(min(pw, ph) * 0.12))
    cv2.circle(pic, (cx, cy), rr, (30, 30, 34), -1)
    cv2.circle(pic, (cx, cy), rr // 2, (240, 240, 240), max(1, rr // 8))
    cv2.line(
        pic,
        (cx - rr // 2, cy + rr // 2),
        (cx + rr // 2, cy - rr // 2),
        (240, 240, 240),
        max(1, rr // 8),
    )
    _say(
        pic,
        rng,
        "Tap to view",
        cx - rr * 2,
        cy + rr + max(5, int(12 * s)),
        max(3, int(9 * s)),
        (245, 245, 245),
    )
    _blend(out, pic, x, y, _rounded(ph, pw, max(3, int(12 * s))))
    _say(
        out,
        rng,
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}",
        x - max(18, int(36 * s)),
        y + ph - 2,
        max(2, int(7 * s)),
        ink,
    )
    return _noise(_u8(out), rng, 0.8)


def views_v29(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v29's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["calendar"] = _jpeg(calendar(shot(0.3, 8), rng), 88)
    out["nowplaying"] = _jpeg(now_playing(shot(0.3, 8), rng), 85)
    out["burstpicker"] = _jpeg(burst_picker(shot(0.3, 8), rng), 85)
    out["sharesheet"] = _png(share_sheet(shot(0.3, 8), rng))
    out["skyswap"] = _jpeg(sky_swap(shot(0.4, 12), rng), 88)
    out["photoclock"] = _jpeg(photo_clock(shot(0.4, 12), rng), 85)
    out["printpreview"] = _png(print_preview(shot(0.4, 12), rng))
    out["recordsleeve"] = _jpeg(record_sleeve(shot(0.4, 12), rng), 85)
    out["wheatpaste"] = _jpeg(wheat_paste(shot(0.4, 12), rng), 85)
    out["tracelayer"] = _jpeg(trace_layer(shot(0.4, 12), rng), 88)
    out["pipwindow"] = _jpeg(pip_window(shot(0.4, 12), rng), 85)
    out["spoilerblur"] = _jpeg(spoiler_blur(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v29", room=room_v29, views=views_v29)


def main() -> None:
    dry_run("v29", make_pictures, place_kind)


if __name__ == "__main__":
    main()

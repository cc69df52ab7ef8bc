"""Generator v28 of ``bench/link.py``: benign places (jewellers' workshops, fibrous
plasterers' workshops, surfboard shaping bays, vertical farms, auction salerooms, 3D print
farms, harbour masters' offices, brush makers' workshops) as a slow-scan TV picture
received over the radio, a print developing under a darkroom's safelight, an artistic QR
code, a live stream's page, a wallpaper spanned across two monitors, a page turn, a
pop-art four-up, a carousel post's slide, a "select all squares" check, a large-format
camera's ground glass, an acrylic photo cube and a floor graphic show them, held out.

Written blind, like v6-v27: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml`` (printed on their own, lines
123-160), ``bench/link_rooms_v27.py`` whole (for the interface, the truth format, the
place model and the primitives imported below) and ``tests/bench/test_link_rooms_v27.py``
whole (for the shape of the tests) and, in ``bench/link.py``, only the generator plumbing:
a grep for ``v27`` and the lines round each hit (the imports at 80-90, ``GENERATORS`` at
630-662, the ``views_*`` dict of ``make_collection`` at 695-730 and ``main``'s
``--generator`` argument at 1362-1380). Of ``bench/link_rooms_v6.py``-``v26.py`` only the
first paragraphs of their docstrings, their ``KINDS`` tuples, ``GROUPS`` dicts,
``VIEW_KINDS`` and ``*_SEED`` constants (printed by importing the modules, v6-v27, with
every ``is_distractor`` called on seeds 0-999 to find the residues no older generator
uses), the paragraphs of v16's-v27's docstrings holding "Written blind", "considered" or
"dropped" (printed by importing the modules) and the lines a grep of v6-v27 found for
words v28 considered were read (one line a hit, no context; a count of files first, and
for some words the count only). For kinds and groups: jewel, goldsmith, silversmith,
plaster, cornice, surf, surfboard, hydropon, vertical farm, grow, auction, saleroom,
mailroom, pigeonhole, franking, yarn, wool, knit, 3d print, 3-d print, print farm,
harbour, brush maker, broom, soil, parachute, kite, substation, switchgear, transformer,
dark kitchen, ghost kitchen, university, staff office, lecturer, riser, meter (the last
two counted only). For views: monitor, bezel, dual, page curl, page turn, pageturn, curl,
captcha, carousel, ground glass, groundglass, fresnel, sstv, slow-scan, slow scan, photo
cube, cube, dust sheet, dustsheet, decorat, bunting, garland, livestream, stream, twitch,
chat column, viewer count, decal, floor graphic, safelight, qr code, qr-code, qrcode, qr,
seat back, seat-back, auditorium, projector, ebook, e-book, warhol, pop art, pop-art,
posteri, foldable, folding phone, crease (seat-back and auditorium counted only). None of
v28's kinds, groups or views is a kind, group or view of v6-v27 (the tests check the names
against the ``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v27's modules). Most hits were
other senses: "plaster" walls finished in plaster (v19's squash court, v23-v25), "surf"
a variable for a surface, "grow" v13's grow bags and v24's mushroom farm's growing racks
(v28's vertical farm is lit trays of greens in towers, nearest kept), "kite" a toy shop's
kites, "3-d print" v24's ``lithophane``, "university" v20's lecture theatres and v24's
carrels of one university library (v28's lecturer's offices are private rooms along one
corridor), "monitor" studio monitor speakers and a consulting room's monitor, "dual" v18's
``dualcam`` (a dual-camera app), "curl" paper curling in v9's ``print``, v19's
``receipt`` and v21's ``shredded``, "cube" v17's cube faces and v21's display cubes,
"decal" a chain shop's window decal in v6, "safelight" v22's darkroom, whose kind has one
on its wall (v28's ``safelight`` is a view: a print in the tray lit by one), "posteri" v21's
posterising code, "crease" creases in v20's ``docscan`` and ``bubblewrap``, "ebook" in
"notebooks". Ideas were dropped because an older generator had them or something close.
Of the kinds the brief offered every one was taken or close: a locksmith's (v21), a clock
repairer's (v20), a sail loft (v23 dropped a sailmaker's loft: v20's tailor, v18's fabric
shop), a rope walk (v25's ``ropewalk``), a stained-glass studio (v20's ``stainedglass``,
v23's glassblowing studio; v25 dropped one), a hat maker's (head forms; v21 and v23
dropped hat shops), a seed bank's cold room (v26 dropped one: v25's herbarium, v24's
archive strongroom), a survey office's map store and a print archive's plan store (v27's
drawing office with plan chests, v24's strongroom, v25's globe maker), a lock keeper's hut
(v25), a community radio studio (v20's radio studio), a cobbler's (v19's shoe shop; v25
dropped one). Also dropped: a mailroom (v18's post office's sorting frame of
pigeonholes), a yarn shop (v23's weaving studio's shelves of yarn), a soil testing
laboratory (close to v15's science lab and v26's core store). Of the groups the brief
offered every one was taken: self-storage units (v16), hotel rooms of a chain (v13),
school classrooms (v7, v15's prefab classrooms), beach huts (v17), market stalls (v19 and
v24 dropped them); a tower block's riser cupboards were dropped for v27's bin stores (a
small utility room, one a block). Of the views the brief offered all but one were taken: a
jigsaw (v17), a rain-streaked window (v12's ``rainglass``), a stereo pair (v17's
``anaglyph``; v19, v21 and v26 dropped one), a smartwatch (v19's ``watchface``), a
halftone reprint (v14), a tablet with glare (v16's ``laptopmoire``; v21 dropped a tablet),
a video call's grid (v8's ``videocall``), a dithered GIF (v13's ``gif``), a thermal
receipt (v19), a CRT (v19's ``crt``), a photocopy (v17), a magnifying glass (v18's
``loupe``), a fax (v23), strips re-assembled (v21's ``shredded``), a mosaic of tiles (v23's
``tilemural``; v25 dropped a photomosaic), tilt-shift (v13), a double exposure (v16's
``crossfade``; v21 and v26 dropped one), a night-mode smear (v12's ``nightmode``, v9's
``lowlight``); a picture split across two monitors was kept (``dualmonitor``). Also
dropped: party bunting and garlands put up in the place (v12's ``season``), the place
under dust sheets (v14's ``movingday``), a cinema screen seen over the seats (v17's
``projected`` and cinema auditorium), a half-folded foldable phone (too close to v28's own
``dualmonitor``). The nearest kept: ``dualmonitor`` photographs screens like v7's and
v11's ``screen`` and v16's ``laptopmoire``, but two of them with the picture cropped to a
band across both, the strip behind the bezels lost and each screen its own tone;
``safelight`` is monochrome like v16's ``nightvision`` and rippled like v21's ``puddle``,
but red and black on a print in a tray; ``sstv`` slants the picture like v26's
``wrongstride`` and v14's ``jello``, but as a radio decoder's clock error with static and
a callsign band; ``qrcode`` covers the picture with dots like v14's ``halftone`` and v23's
``fax``, but keeps the picture between a code's modules; ``livestream`` and ``carousel``
show the picture in an app like v12's ``chat``, v18's ``listing`` and v27's ``mappin`` (a
player beside a chat; one slice of a split post beside comments); ``captcha`` cuts the
picture into tiles like v25's ``slidepuzzle`` and v17's ``jigsaw``, but keeps them in place
with a few shrunk; ``pageturn`` folds the picture like v20's ``tornhalf`` tears it, as a
screen's page-curl with the page's back showing; ``popart`` flattens tones like v21's
``stencil`` and ``paintbynumbers``, four times in palettes of their own; ``groundglass``
turns the picture over like v19's ``lensball`` and v21's ``puddle``, flat on a gridded
glass with its hot spot; ``photocube`` prints the picture on a thing like v20's ``mug``
and v22's ``lasercrystal``, on one face of a cube among other prints; ``floordecal`` is a
print seen at a grazing angle like v22's ``billboard`` and v27's ``privacyfilter`` are seen
at an angle, far steeper, on a floor. A jeweller's workshop, a brush maker's and a
fibrous plasterer's are workshops like v27's tinsmith's and basket maker's (benches and
machines of their own trades); a vertical farm's towers stand in rows like v24's mushroom
farm's racks; a saleroom's chairs stand in rows like v20's lecture theatre's seats; a 3D
print farm's racks are shelving like v26's lamp room's; a harbour master's office looks
out like v25's lock keeper's hut and v24's signal box (onto a harbour, from a desk of
radios); substations are small utility rooms like v27's bin stores (switchgear of the
network's design, not bins), dark kitchens are let units like v25's railway arches and
v26's container shops (a kitchen line of the hub's), lecturers' offices are like v27's
charity shops in how much is their own (books, not stock). No signature or source of an
older primitive was read: they are called as v27 calls them (and v27's own sheet, notice
board and landscape are imported from it). The worktree's ``.venv`` is a link to a ready
virtualenv; nothing was installed. Sheets of the originals of 36 places (every kind
and group) and of the twelve views of two places at 320x240 were looked at (after which
the vertical farm's camera was stood at the head of an aisle with the rows set back 3-4 m,
and a QR code's dots made smaller), and ``room_v28`` and ``views_v28`` were timed (and
v27's, on the same machine, to compare). ``mypy`` (on v28 and its tests; its output names
lines of v10-v12 and v18, which v28 imports, none of v28's or its tests') and ``ruff`` were
run; ``python -m bench.link --help`` was run once to check the plumbing (its usage and the
first lines of its description were printed with the ``--generator`` help). Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run on these pictures: keep it for after v27's held-out run, then use it once, for
a held-out figure: ``python -m bench.link --name link-v28-heldout --generator v28 --no-real
--size 400x300 --rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's
picture writer and dry run, v13's place model (surfaces, boxes, walls, floor plans,
furniture pieces, windows, wall things, lighting), v14's belongings and small helpers,
v15's doors and sky, v16's colour ramp and aiming, v17's building state, clearance test,
shell planes, grained paint and off-square warp, v18's colour picker, v19's small helpers,
v20's builder state with the kinds' model generator, its place model (made v28's by a
subclass with v28's kinds and day seeds), its loose things of a day and small helpers,
v21's wall spots, v22's shelving and grid, v23's standing boxes and brick walls, v24's
paint, concrete, boards and wall openings, v27's sheets, notice boards and painted
landscapes, and small drawing primitives of v10-v12 are imported; v27's place builder,
cameras, moves and print place are copied with v28's kinds, seeds and shares; the kinds of
place, their builders, the kinds' mass-produced things, the look-alikes, the cameras'
settings and every view are v28's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v28 --rooms 100 --size 400x300
--out /tmp/v28``.

**What a place is.** As v27's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, a harbour view, cornices and roses, racks of brush stocks and
brooms, walls of lots, shelves of ring trays, spools and books, menu boards, signs,
doors) and furniture and machines as 3-D boxes. Loose things (v20's) change from day to
day. Two pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_900_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([1_908_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *jeweller's workshop*: the jeweller's bench (two or three), the polishing motor;
- *fibrous plasterer's workshop*: the running bench (two to four), the mixing bath;
- *surfboard shaping bay*: the shaping stands (a pair), the board rack;
- *vertical farm*: the growing tower (many, in rows), the nutrient unit;
- *auction saleroom*: the stacking chair (many, in rows), the rostrum;
- *3d print farm*: the printer rack (three to six), the filament dryer;
- *harbour master's office*: the radio console, the chart table;
- *brush maker's workshop*: the tufting machine, the trimming bench.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (sizes width x height x depth in m): a *jeweller's workshop* (3.5-5.5 x
2.5-3 x 4-6: pale paint, lino or boards; the benches with lamps along the back and a
side, the polishing motor on a cupboard, a safe, shelves of ring trays, a board of pliers
and files, a window with a blind, a clock, a door), a *fibrous plasterer's workshop* (6-10
x 3.2-4.2 x 7-11: whitewashed brick or paint, concrete splashed white, a boarded roof; the
running benches with casts on them, mixing baths, sacks of plaster, racks of cornice
lengths, ceiling roses hung up, a big window), a *surfboard shaping bay* (3.5-5 x 2.6-3.2
x 5-7.5: dark walls with a strip of side lights at board height, concrete dusted with
foam; the stands with a board on them, the rack with boards, boards leaning on the walls,
a bench, templates on the back wall), a *vertical farm* (8-13 x 3.5-4.8 x 10-15: white
insulated panels, an epoxy floor; two to four rows of towers of magenta-lit trays set back
3-4.2 m with aisles between, the camera at the head of an aisle, the nutrient unit,
trolleys of trays, a sign), an *auction saleroom* (9-14 x 3.5-5 x 11-17: deep paint,
boards or carpet; rows of chairs either side of a gangway facing the rostrum, walls hung
with framed lots, tables of small lots, furniture lots, a screen with the lot number,
high windows), a *3d print farm* (5-8 x 2.6-3.2 x 6-9: paint, lino or epoxy; racks of
printers along the walls, dryers, a packing table with prints, shelves of spools, a
whiteboard of jobs), a *harbour master's office* (4-6.5 x 2.6-3.1 x 4-6: paint, boards or
lino; a wide window onto the harbour over the radio console, the chart table with a made-up
chart, a tide board, a notice board, a lifebuoy, a filing cabinet, a clock), a *brush
maker's workshop* (4-7 x 2.8-3.4 x 5-8: brick or paint, boards or concrete; the tufting
machine, the trimming bench, bundles of bristle and fibre, racks of stocks, brooms hung
up, a bench, a window); and, as look-alikes only, an *electricity substation* (2.8-4 x
2.6-3 x 2.8-3.6), a *delivery dark kitchen* (3-4 x 2.6-3 x 3.5-4.5) and a *lecturer's
office* (2.8-3.6 x 2.7-3.1 x 3.6-4.6). No person or animal is drawn anywhere, nor any
figure of one; boats in the harbour are hulls and cabins.

**Views (none of their names used in v6-v27), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3 in a substation, x0.4 in a dark
kitchen, x0.45 in a lecturer's office, x0.7 in a jeweller's workshop or a shaping bay; up
to 0.08 m in height), turned up to 12 degrees and tilted up to 4 (the first of 8 moves that
leaves it 0.15 m clear of every thing, else not moved), with sensor noise (sigma 2). The
first four views start from a shot moved up to 0.3 m and turned up to 8 degrees, every
other from a shot moved up to 0.4 m and turned up to 12. Difficulty as meant, not
measured:

- ``sstv`` (easy): a slow-scan TV picture received by radio: 256 lines, soft along them,
  red and blue scans 2 px (at 400) off the green, slanted 3-6 % of the width top to
  bottom (wrapping), jittered lines, three to seven streaks of static, a callsign band
  over the top 8-11 %. JPEG 85.
- ``safelight`` (easy): a print developing in a tray under a red safelight: red and black,
  flattened, rippled 1-2 px, 80-90 % of the frame in the tray, a streak of reflected light,
  dark corners. JPEG 85.
- ``qrcode`` (easy to medium): an artistic QR code over the picture: 29 x 29 dots (44 % of
  a cell) over a square of 78-90 % of the height, paler under it (x0.8 + 45), the three
  finder squares. JPEG 88.
- ``livestream`` (medium): a live stream's page: the picture fitted in the player (the left
  72-78 %), a "LIVE" badge and a count, a title bar, the chat down the right. PNG.
- ``dualmonitor`` (medium): a wallpaper spanned across two monitors (5:4 or 16:10 each):
  a band of 40-55 % of the picture's height, the strip behind the bezels (3-5 % of the
  width) lost, the right screen x0.8-1.15, gamma 0.75-1.3, tinted, set up to 3 % higher or
  lower; stands, a desk, a wall; off square by up to 2 %. JPEG 85.
- ``pageturn`` (medium): a photo book or e-book mid page-turn: a corner (15-45 % of the
  page) lifted along a straight fold, the flap showing the page's back (14 % of the
  picture mirrored through paper), its shadow, the next page's lines of text. JPEG 88.
- ``popart`` (medium to hard): a pop-art four-up: the picture at half size four times,
  each in three or four flat tones of a palette of its own, white gutters. JPEG 88.
- ``carousel`` (hard): one slide of a post split into two or three: that slice cropped to
  4:5 (78-86 % of the height), arrows and dots, a side panel of comments; light or dark.
  JPEG 85.
- ``captcha`` (hard): a "select all squares" check: a square from the picture's middle in
  4 x 4 (or 3 x 3) tiles with gutters, two to five tiles shrunk to 82 % and ticked, a blue
  header and button, a grey page. PNG.
- ``groundglass`` (hard): a large-format camera's ground glass under the dark cloth: the
  picture turned half round, softened (1.5-2.5 px), falling to x0.35-0.5 at the corners,
  Fresnel rings, a ruled grid with a centre cross, clipped corners, 70-85 % of the frame.
  JPEG 85.
- ``photocube`` (hard): an acrylic photo cube on a shelf: the picture (a square from its
  middle) on the front face (on the side face in a third, x0.72), made-up landscapes or
  plain prints on the other faces, bright edges, a glare, a shadow. JPEG 85.
- ``floordecal`` (very hard): a floor graphic seen standing at its near edge: the far edge
  35-50 % of the near one's width at 12-28 % of the height, turned up to 8 degrees, a white
  edge, scuffs and worn patches, a tiled floor in the same perspective, a shine. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in a substation, much in a lecturer's office, between in a dark kitchen.

- *Electricity substations of one network's standard design*, one a street (4 %: ``seed %
  100`` in {75, 84, 91, 98}, kind ``electricity substation``; template ``1_901_000_000 +
  seed // 100``; so seeds 75, 84, 91, 98, 175, ...): the size, the brick or block walls,
  the concrete floor with chequer-plate trench covers, the soffit, the switchgear panels
  along the back, the transformer's finned tank by a side wall, the low-voltage board, the
  danger signs, the light, the louvred door. The street's own (little): one or two notices
  on a wall and one or two things left on the floor (each wall differs from a sibling's in
  under 5 % of its texels; under 1.5 % in the first hundred). The camera stands in the
  doorway (0.25-0.4 m in).
- *Dark kitchens of one delivery hub*, one a brand (3 %: ``seed % 100`` in {76, 85, 92},
  kind ``delivery dark kitchen``; template ``1_902_000_000 + seed // 100``): the size, the
  white panels, the floor, the ceiling, the steel line of range and ovens along the back
  under the canopy, the prep bench, the order screen and the hub's sign. The brand's own
  (between): its menu board over the line (45-65 % of the back wall's width), its shelves
  of packaging and stock on a side wall (1.2-2 m), its ticket rail, its bags on the bench
  (walls differ in 13-19 % of their texels). The camera stands 0.3-0.5 m in.
- *Lecturers' offices along one university corridor*, one an occupant (3 %: ``seed % 100``
  in {77, 90, 93}, kind ``lecturer's office``; template ``1_903_000_000 + seed // 100``):
  the size, the paint, the carpet tiles, the ceiling, the window, the desk and chair, the
  filing cabinet. The occupant's own (much): books and files on shelves along both side
  walls (60-85 % of their length, up to 1.8-2.1 m; side walls differ in over 50 % of their
  texels), one or two posters or a pinboard on the back wall, things standing about and
  papers on the desk. The camera stands 0.3-0.5 m in.

The predicate: ``is_distractor(seed)`` is ``seed % 100 in (75, 84, 91, 98, 76, 85, 92,
77, 90, 93)``; two look-alikes are of one group exactly when they have the same kind and
the same ``seed // 100``. The slots are residues that no ``is_distractor`` of v10-v27 holds
on seeds 0-999 (the tests check against every one). Only 13 residues of 100 were left
(75-79, 84, 85, 90-93, 98, 99), all at 75 or above, so a run of fewer than 76 places (the
default ``--rooms 60``) holds no look-alike; 78, 79 and 99 are still free.

**Pictures per place: 13** (the original and 12 views): ``original``, ``livestream`` and
``captcha`` (PNG) and ``sstv``, ``safelight``, ``qrcode``, ``dualmonitor``, ``pageturn``,
``popart``, ``carousel``, ``groundglass``, ``photocube``, ``floordecal`` (JPEG), all at the
original's size.

**Proportions** (of seeds). Look-alikes 10 % (4 substations, 3 dark kitchens and 3
lecturer's offices in every 100); the other seeds draw their kind with equal shares of
1/8 (the tests check each within +-4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): substations 40, dark kitchens 30, lecturer's offices 30; of the other
900: brush maker's workshop 120, harbour master's office 119, fibrous plasterer's workshop
115, vertical farm 113, 3d print farm 111, jeweller's workshop 109, auction saleroom 108,
surfboard shaping bay 105. The first 100 seeds: vertical farm 16, harbour master's office
14, brush maker's workshop 13, surfboard shaping bay 10, jeweller's workshop 10, fibrous
plasterer's workshop 9, auction saleroom 9, 3d print farm 9, substations 4, dark kitchens
3, lecturer's offices 3: every kind and group is in it. The held-out run's 315 seeds:
vertical farm 47, jeweller's workshop 39, harbour master's office 37, brush maker's
workshop 34, auction saleroom 33, fibrous plasterer's workshop 32, 3d print farm 32,
surfboard shaping bay 31, substations 12, dark kitchens 9, lecturer's offices 9.

**Speed**: ``room_v28`` and ``views_v28`` of 22 places (two of each kind and group) at
400x300 took 0.58 s a place on average (0.43-0.90 s; 13 pictures), one core, on the
shared machine; v27's 22 places took 0.55 s (0.45-0.69 s) in the same run. Surfaces are
drawn at 120 texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_900_000_000 + seed``; a substation network ``1_901_000_000 + seed
// 100``; a delivery hub ``1_902_000_000 + seed // 100``; a faculty ``1_903_000_000 + seed
// 100``; a day's loose things ``1_904_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_905_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_906_000_000 + seed``; a kind's mass-produced things
``default_rng([1_908_000_000, k])``. None is a seed of v6-v27. Deterministic by seed.
Lettering is random syllables (digits for numbers); every chart, harbour, landscape and
callsign is made up. Pictures not made by ``room_v28`` (the real pictures of
``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide on the back
wall of a generated auction saleroom, jeweller's workshop or brush maker's workshop (seeds
from ``1_907_000_000``) and seen the same ways.
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
    _cabinet,
    _faces,
    _Floor,
    _frames,
    _light,
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
from bench.link_rooms_v21 import _wall_box
from bench.link_rooms_v22 import _grid, _shelved
from bench.link_rooms_v23 import _standing, _walls_of
from bench.link_rooms_v24 import _boards, _concrete, _opening, _paint_of
from bench.link_rooms_v27 import _board, _landscape, _sheet

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_900_000_000
NETWORK_SEED = 1_901_000_000
HUB_SEED = 1_902_000_000
FACULTY_SEED = 1_903_000_000
DAY_SEED = 1_904_000_000
VIEW_SEED = 1_905_000_000
SENSOR_SEED = 1_906_000_000
PRINT_SEED = 1_907_000_000
MODEL_SEED = 1_908_000_000
EVERY = 100  # every look-alike group repeats its slots every 100 seeds
SUB_SLOTS = (75, 84, 91, 98)
KITCHEN_SLOTS = (76, 85, 92)
OFFICE_SLOTS = (77, 90, 93)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("jeweller's workshop", 1 / 8),
    ("fibrous plasterer's workshop", 1 / 8),
    ("surfboard shaping bay", 1 / 8),
    ("vertical farm", 1 / 8),
    ("auction saleroom", 1 / 8),
    ("3d print farm", 1 / 8),
    ("harbour master's office", 1 / 8),
    ("brush maker's workshop", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "electricity substation": "substation",
    "delivery dark kitchen": "darkkitchen",
    "lecturer's office": "lectureroffice",
}
VIEW_KINDS = (
    "sstv",
    "safelight",
    "qrcode",
    "livestream",
    "dualmonitor",
    "pageturn",
    "popart",
    "carousel",
    "captcha",
    "groundglass",
    "photocube",
    "floordecal",
)
PNG_VIEWS = ("livestream", "captcha")  # two screenshots, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "jeweller's workshop": ((3.5, 5.5), (2.5, 3.0), (4.0, 6.0)),
    "fibrous plasterer's workshop": ((6.0, 10.0), (3.2, 4.2), (7.0, 11.0)),
    "surfboard shaping bay": ((3.5, 5.0), (2.6, 3.2), (5.0, 7.5)),
    "vertical farm": ((8.0, 13.0), (3.5, 4.8), (10.0, 15.0)),
    "auction saleroom": ((9.0, 14.0), (3.5, 5.0), (11.0, 17.0)),
    "3d print farm": ((5.0, 8.0), (2.6, 3.2), (6.0, 9.0)),
    "harbour master's office": ((4.0, 6.5), (2.6, 3.1), (4.0, 6.0)),
    "brush maker's workshop": ((4.0, 7.0), (2.8, 3.4), (5.0, 8.0)),
    "substation": ((2.8, 4.0), (2.6, 3.0), (2.8, 3.6)),
    "darkkitchen": ((3.0, 4.0), (2.6, 3.0), (3.5, 4.5)),
    "lectureroffice": ((2.8, 3.6), (2.7, 3.1), (3.6, 4.6)),
}
SMALL = {  # shares of a move in small places
    "substation": 0.3,
    "darkkitchen": 0.4,
    "lectureroffice": 0.45,
    "jeweller's workshop": 0.7,
    "surfboard shaping bay": 0.7,
}
PRINT_KINDS = ("auction saleroom", "jeweller's workshop", "brush maker's workshop")
WALLS = ("back", "left", "right", "front")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_substation(seed: int) -> bool:
    return seed % EVERY in SUB_SLOTS


def is_dark_kitchen(seed: int) -> bool:
    return seed % EVERY in KITCHEN_SLOTS


def is_lecturers_office(seed: int) -> bool:
    return seed % EVERY in OFFICE_SLOTS


def is_distractor(seed: int) -> bool:
    return is_substation(seed) or is_dark_kitchen(seed) or is_lecturers_office(seed)


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
    if is_substation(seed):
        return "electricity substation"
    if is_dark_kitchen(seed):
        return "delivery dark kitchen"
    if is_lecturers_office(seed):
        return "lecturer's office"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_substation(seed):
        return np.random.default_rng(NETWORK_SEED + seed // EVERY)
    if is_dark_kitchen(seed):
        return np.random.default_rng(HUB_SEED + seed // EVERY)
    if is_lecturers_office(seed):
        return np.random.default_rng(FACULTY_SEED + seed // EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _shelf_of(
    rng: Rng, w: int, h: int, tone: Colour, item: Callable[[U8, int, int, int], int]
) -> U8:
    """Shelves (v22's) filled left to right by ``item(img, x, y1, ih)``, which draws one
    thing standing on the shelf at ``y1`` from ``x`` and returns its width."""

    def fill(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        k = x_
        while k < x_ + iw - 3:
            k += max(1, item(img, k, y1, ih)) + 1

    return _shelved(rng, max(8, w), max(8, h), tone, fill)


def _books(rng: Rng) -> Callable[[U8, int, int, int], int]:
    """Books, files and boxes standing on a shelf: spines of uneven width and height."""

    def book(img: U8, x: int, y1: int, ih: int) -> int:
        bw = int(rng.integers(1, 4))
        bh = int(ih * float(rng.uniform(0.55, 0.95)))
        img[max(0, y1 - bh) : y1, x : x + bw] = _c(rng, 25, 235)
        return bw

    return book


def _harbour(rng: Rng, w: int, h: int) -> U8:
    """A harbour seen from an office window: sky, the far shore, water with a quay and
    moored boats (hulls, cabins and masts), the near quay's edge."""
    img = _sky(rng, max(16, w), max(12, h)).astype(np.float32)
    ih, iw = img.shape[:2]
    sea = int(ih * float(rng.uniform(0.35, 0.5)))
    shore = _between(rng, (90, 110, 80), (150, 150, 120))
    img[sea - max(2, ih // 12) : sea] = shore
    water = np.array(_between(rng, (40, 80, 110), (80, 120, 140)), np.float32)
    ripple = _field(rng, iw, ih - sea, max(3, iw // 12))[:, :, None]
    img[sea:] = water * (0.85 + 0.3 * ripple)
    for _ in range(int(rng.integers(3, 8))):
        bx = int(rng.integers(0, max(1, iw - 8)))
        by = int(rng.integers(sea + 3, max(sea + 4, ih - ih // 5)))
        bw = int(rng.integers(max(4, iw // 14), max(5, iw // 6)))
        bh = max(2, bw // 4)
        hull = _pick(rng, [(235, 235, 230), (30, 60, 120), (160, 40, 35), (40, 40, 44)])
        pts = np.array([[bx, by], [bx + bw, by], [bx + bw - bh, by + bh], [bx + bh // 2, by + bh]])
        cv2.fillPoly(img, [pts.astype(np.int32)], hull)
        cv2.rectangle(img, (bx + bw // 4, by - bh), (bx + bw // 2, by), (230, 230, 225), -1)
        if rng.random() < 0.5:
            cv2.line(img, (bx + bw // 2, by - bh), (bx + bw // 2, by - 4 * bh), (90, 90, 90), 1)
    img[ih - max(2, ih // 8) :] = _between(rng, (120, 115, 105), (170, 165, 150))
    return _u8(img)


def _spots(rng: Rng, img: U8, n: int, colour: Colour, size: int) -> None:
    """``n`` splashes of ``colour`` up to ``size`` texels across."""
    ih, iw = img.shape[:2]
    for _ in range(n):
        cv2.circle(
            img,
            (int(rng.integers(0, iw)), int(rng.integers(0, ih))),
            int(rng.integers(1, max(2, size))),
            colour,
            -1,
        )


# --- v28's own surfaces and things, every one drawn from the rng it is given --------------------

# jeweller's workshop


def _jewellers_bench(m: Rng) -> dict[str, U8]:
    """The kind's jeweller's bench: a high beech bench with a half-round cut-out over a
    leather skin, the bench pin in the middle, a row of small drawers."""
    wood = _pick(m, [(190, 150, 100), (160, 120, 80)])
    front = _wood(m, 48, 32, wood, 4)
    cv2.ellipse(front, (24, 0), (10, 12), 0.0, 0.0, 180.0, (30, 26, 24), -1)
    cv2.ellipse(front, (24, 13), (9, 4), 0.0, 0.0, 180.0, (120, 80, 50), -1)
    for x in range(2, 46, 7):
        if abs(x + 3 - 24) > 12:
            cv2.rectangle(front, (x, 20), (x + 5, 25), _shade(wood, 0.8), 1)
            front[22, x + 2 : x + 4] = (200, 180, 90)
    top = _wood(m, 48, 24, wood, 4)
    cv2.rectangle(top, (22, 0), (26, 5), _lighter(wood, 1.2), -1)
    cv2.line(top, (6, 10), (14, 16), (90, 90, 95), 1)
    return {"front": front, "side": _wood(m, 24, 32, wood, 3), "top": top}


def _polisher(m: Rng) -> dict[str, U8]:
    """The kind's polishing motor: a grey or green motor between two cloth mops under a
    dust hood."""
    body = _pick(m, [(80, 110, 90), (120, 122, 125), (60, 70, 90)])
    front = _grained(m, 48, 24, (45, 45, 48), 1.5)
    cv2.rectangle(front, (18, 8), (29, 22), body, -1)
    for x, col in ((8, (240, 235, 225)), (39, (230, 170, 170))):
        cv2.circle(front, (x, 14), 7, col, -1)
        cv2.ellipse(front, (x, 14), (9, 9), 0.0, 180.0, 360.0, (70, 72, 76), 2)
    return {"front": front, "side": _grained(m, 24, 24, body, 1.5), "top": _steel(m, 48, 24, 140)}


def _build_jeweller(b: _Build17) -> None:
    """A jeweller's workshop: pale paint, lino or boards, a plain ceiling; the kind's
    benches along the back and a side, each with a lamp, the kind's polishing motor on
    a cupboard, a safe, shelves of ring trays and boxes, a board of pliers and files, a
    window with a blind, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    bench, polish = _jewellers_bench(m), _polisher(m)
    paint = _pick(r, [(232, 228, 215), (215, 222, 228), _c(r, 150, 240)])
    _paint_of(b, paint, 1.5)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(paint, 1.04), 1.5))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 0.8, b.w, 1.6)
    for k in range(int(r.integers(2, 4))):
        spot = fl.against(r, 1.3, 0.7, ("back", "left", "right") if k else ("back",))
        if spot:
            x, z, _w, _d, facing = spot
            _standing(b, spot, 0.95, bench, True)
            lamp = _grained(r, 8, 8, _c(r, 30, 230), 1.5)
            b.boxes.append(Box(x + 0.35, z, 0.12, 0.12, 0.45, 0.95, _all_faces(lamp)))
    spot = fl.against(r, 1.0, 0.6, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 2, 1, _c(r, 60, 200)), "top": _steel(r, 32, 16, 150)},
        )
        _model(b, Box(x, z, 0.8, 0.4, 0.4, 0.85, _faces(polish, facing)))
    spot = fl.against(r, 0.7, 0.7, ("left", "right"))
    if spot:
        safe = _grained(r, 24, 32, _pick(r, [(40, 70, 50), (60, 60, 64), (110, 40, 35)]), 1.5)
        cv2.circle(safe, (12, 12), 4, (190, 170, 90), 1)
        cv2.line(safe, (18, 20), (18, 26), (200, 190, 150), 1)
        _box(b, spot, 1.2, {"front": safe, "top": _grained(r, 24, 24, (50, 50, 52), 1.5)})
    side = str(r.choice(["left", "right"]))

    def tray(img: U8, x: int, y1: int, ih: int) -> int:
        tw = int(r.integers(3, 7))
        cv2.rectangle(
            img,
            (x, y1 - ih // 3),
            (x + tw, y1),
            _pick(r, [(30, 30, 80), (20, 20, 24), (120, 20, 40)]),
            -1,
        )
        img[y1 - ih // 3 + 1, x + 1 : x + tw : 2] = (220, 200, 120)
        return tw

    wall = b.wall(side)
    wall.put(
        _shelf_of(r, wall.px(float(r.uniform(1.0, 1.8))), wall.px(0.9), _wood_tone(r), tray),
        2.1,
        2.3,
    )
    board = _grained(
        r, wall.px(0.8), wall.px(0.5), _between(r, (150, 120, 90), (200, 180, 140)), 1.5
    )
    bh, bw = board.shape[:2]
    for x in range(3, bw - 2, max(3, bw // 12)):
        cv2.line(
            board,
            (x, 3),
            (x + int(r.integers(-1, 2)), int(bh * r.uniform(0.4, 0.8))),
            _c(r, 20, 160),
            max(1, bw // 90),
        )
    wall.put(board, 1.7, 1.8)
    back = b.wall("back")
    blind = _grained(r, 48, 48, (236, 232, 222), 1.0)
    for y in range(0, 20, 3):
        blind[y] = (212, 206, 196)
    blind[20:] = cv2.resize(_outside(r, 48, 28), (48, 28))
    _window(
        back, r, blind, float(r.uniform(0.3, max(0.4, b.w - 1.4))), 1.2, 1.0, 1.0, (235, 235, 232)
    )
    _small_things(b.wall(_other(side)), ("clock",))
    _door(b.wall(str(r.choice(["front", _other(side)]))), r, _c(r, 30, 200))


# fibrous plasterer's workshop


def _plaster_bench(m: Rng) -> dict[str, U8]:
    """The kind's running bench: a long thick top crusted white with plaster on dark
    trestle boards, runs of drips down its front."""
    top = _grained(m, 64, 24, (200, 198, 190), 3.0)
    _spots(m, top, 30, (245, 244, 238), 3)
    front = _wood(m, 64, 16, (90, 75, 60), 4)
    front[:3] = (225, 224, 218)
    for _ in range(14):
        x = int(m.integers(0, 64))
        cv2.line(front, (x, 2), (x, int(m.integers(4, 14))), (232, 230, 225), 1)
    return {"front": front, "side": front[:, :16].copy(), "top": top}


def _mixing_bath(m: Rng) -> dict[str, U8]:
    """The kind's mixing bath: a heavy plastic tub with rope handles, splashed, its
    plaster setting white inside."""
    tub = _pick(m, [(40, 40, 44), (40, 70, 140), (50, 110, 70)])
    front = _grained(m, 24, 16, tub, 2.0)
    _spots(m, front, 12, (240, 238, 232), 2)
    cv2.line(front, (3, 4), (8, 4), (200, 180, 120), 1)
    cv2.line(front, (15, 4), (20, 4), (200, 180, 120), 1)
    top = _grained(m, 24, 24, tub, 2.0)
    cv2.circle(top, (12, 12), 9, (238, 236, 230), -1)
    return {"front": front, "side": front, "top": top}


def _cornices(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Lengths of cast cornice on a wall rack: long white profiles in rows, each its own
    run of beads, steps and shadows."""
    img = _grained(rng, max(8, w), max(8, h), _shade(wall, 0.85), 2.0)
    ih, iw = img.shape[:2]
    y = 2
    while y < ih - 4:
        ph = int(rng.integers(max(3, ih // 10), max(4, ih // 5)))
        if y + ph >= ih:
            break
        x0 = int(rng.integers(0, max(1, iw // 6)))
        x1 = iw - 1 - int(rng.integers(0, max(1, iw // 6)))
        for k in range(ph):
            tone = 205 + int(45 * abs(np.sin(k * float(rng.uniform(0.6, 1.6)))))
            img[y + k, x0:x1] = (tone, tone, tone - 4)
        img[y + ph, x0:x1] = (90, 88, 84)
        y += ph + int(rng.integers(2, max(3, ih // 12)))
    return img


def _roses(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Ceiling roses hung on a wall: white discs with rings of leaves and beads."""
    img = _grained(rng, max(8, w), max(8, h), wall, 2.0)
    ih, iw = img.shape[:2]
    x = 2
    while x < iw - ih // 3:
        rad = int(ih * float(rng.uniform(0.2, 0.45)))
        cx, cy = x + rad, ih // 2
        cv2.circle(img, (cx, cy), rad, (242, 240, 234), -1)
        for k in range(1, 4):
            cv2.circle(img, (cx, cy), max(1, rad * k // 4), (190, 188, 182), 1)
        for a in np.linspace(0, 2 * np.pi, 12, endpoint=False):
            px, py = int(cx + 0.62 * rad * np.cos(a)), int(cy + 0.62 * rad * np.sin(a))
            cv2.circle(img, (px, py), max(1, rad // 8), (215, 212, 205), -1)
        x += 2 * rad + int(rng.integers(2, max(3, ih // 4)))
    return img


def _build_plasterer(b: _Build17) -> None:
    """A fibrous plasterer's workshop: whitewashed brick or paint, a concrete floor
    splashed white, a boarded roof; two to four of the kind's running benches, the
    kind's mixing baths, racks of cast cornice on a wall, ceiling roses hung up, sacks
    of plaster, a big window, a door."""
    r, m = b.fix, _mass_produced(b)
    bench, bath = _plaster_bench(m), _mixing_bath(m)
    wall_c = _between(r, (200, 198, 188), (240, 238, 230))
    if r.random() < 0.5:
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        _paint_of(b, wall_c, 5.0)

    def splashed(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (120, 118, 112), (165, 160, 150)))(g, w, h, res)
        _spots(g, img, max(30, w * h // 600), (236, 234, 228), 4)
        return img

    b.floor(splashed)
    b.ceiling(_boards(_between(r, (110, 95, 75), (170, 150, 120))))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.2, b.w, 2.4)
    for _ in range(int(r.integers(2, 5))):
        spot = fl.middle(r, 3.0, 1.4)
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 2.6, 1.0, 0.9, 0.0, _faces(bench, "front")))
            b.tops.append((x, z, 2.6, 1.0, 0.9))
            for _k in range(int(r.integers(0, 3))):
                cast = _grained(r, 16, 8, (236, 234, 228), 2.0)
                b.boxes.append(
                    Box(
                        x + float(r.uniform(-1.0, 1.0)),
                        z,
                        float(r.uniform(0.4, 1.2)),
                        0.25,
                        0.12,
                        0.9,
                        _all_faces(cast),
                    )
                )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.8, 0.8, ("left", "right", "back")) or fl.middle(r, 0.8, 0.8)
        if spot:
            _standing(b, spot, 0.6, bath, True)
    for _ in range(int(r.integers(2, 6))):
        spot = fl.against(r, 0.6, 0.45, ("left", "right", "back"))
        if spot:
            sack = _grained(r, 16, 24, _pick(r, [(225, 220, 205), (200, 185, 150)]), 3.0)
            _text(sack, r, _word(r, (1, 1)).upper(), 2, 14, 6, _c(r, 30, 160))
            _box(
                b,
                spot,
                float(r.uniform(0.3, 0.7)),
                {"front": sack, "top": _grained(r, 16, 16, (215, 210, 195), 3.0)},
            )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_cornices(r, wall.px(float(r.uniform(2.5, 4.0))), wall.px(1.6), wall_c), 2.3, 2.6)
    other = b.wall(_other(side))
    other.put(_roses(r, other.px(float(r.uniform(1.8, 3.0))), other.px(0.8), wall_c), 2.4, 2.7)
    back = b.wall("back")
    _window(
        back,
        r,
        _outside(r, 64, 40),
        float(r.uniform(0.5, max(0.6, b.w - 3.0))),
        1.0,
        2.2,
        1.6,
        _c(r, 30, 200),
    )
    back.put(_label(r, back.px(0.8), back.px(0.4)), 3.0, min(b.h - 0.2, 3.3))
    _door(b.wall(str(r.choice(["front", _other(side)]))), r, _c(r, 30, 200))


# surfboard shaping bay


def _shaping_stand(m: Rng) -> dict[str, U8]:
    """The kind's shaping stand: a steel post on a cross foot with a padded cradle."""
    pad = _pick(m, [(40, 40, 44), (150, 30, 30), (30, 60, 130)])
    front = _grained(m, 16, 32, (70, 72, 76), 1.0)
    front[:, :5] = (25, 25, 28)
    front[:, 11:] = (25, 25, 28)
    front[:5] = pad
    front[-3:] = (60, 62, 66)
    return {"front": front, "side": front, "top": _grained(m, 16, 16, pad, 1.5)}


def _board_rack(m: Rng) -> dict[str, U8]:
    """The kind's board rack: two steel uprights with padded arms in six tiers."""
    front = _grained(m, 32, 64, (30, 30, 32), 1.0)
    steel = _pick(m, [(150, 152, 156), (60, 62, 66)])
    front[:, 2:5] = steel
    front[:, 27:30] = steel
    for y in range(6, 64, 10):
        front[y : y + 2, 2:30] = (80, 60, 50)
    return {
        "front": front,
        "side": _grained(m, 16, 64, steel, 1.0),
        "top": _grained(m, 32, 16, steel, 1.0),
    }


def _surfboard(rng: Rng) -> dict[str, U8]:
    """A board or blank: white foam or a coloured glassed board, its stringer down the
    middle, sanded rails."""
    col = _pick(rng, [(245, 245, 240), (240, 240, 232), _c(rng, 60, 240)])
    top = _grained(rng, 16, 64, col, 1.5)
    top[:, 7:9] = (150, 110, 70)
    if rng.random() < 0.4:
        cv2.rectangle(top, (2, 20), (13, 30), _c(rng, 30, 230), -1)
    edge = np.ascontiguousarray(top[:, :4].transpose(1, 0, 2))
    return {
        "top": top,
        "front": top[:4].copy(),
        "back": top[:4].copy(),
        "left": edge,
        "right": edge,
    }


def _build_shaper(b: _Build17) -> None:
    """A surfboard shaping bay: walls painted dark with a bright strip of side lights at
    board height, a concrete floor dusted with foam, a dark roof; the kind's shaping
    stands with a board on them, the kind's board rack, boards and blanks leaning on the
    walls, a bench with planers and templates, a door."""
    r, m = b.fix, _mass_produced(b)
    stand, rack = _shaping_stand(m), _board_rack(m)
    dark = _pick(r, [(40, 60, 90), (50, 52, 56), (30, 70, 80), _c(r, 20, 90)])
    _paint_of(b, dark, 2.0)
    for name in ("left", "right"):
        w_ = b.wall(name)
        y0, y1 = w_.y_of(1.1), w_.y_of(0.95)
        w_.img[y0:y1] = (252, 248, 235)

    def dusted(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (110, 108, 104), (150, 146, 140)))(g, w, h, res)
        _spots(g, img, max(40, w * h // 300), (235, 235, 228), 2)
        return img

    b.floor(dusted)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (40, 40, 44), 2.0))
    z = float(r.uniform(2.4, max(2.5, b.d / 2)))
    x = float(r.uniform(-0.3, 0.3))
    for dz in (-0.55, 0.55):
        _model(b, Box(x, z + dz, 0.35, 0.3, 0.8, 0.0, _faces(stand, "front")))
    board = _surfboard(r)
    b.boxes.append(Box(x, z, 0.55, 1.9, 0.07, 0.8, board))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 0.8, b.w, 1.6)
    fl.take(x, z, 1.2, 2.6)
    side = str(r.choice(["left", "right"]))
    spot = fl.against(r, 1.2, 0.5, ("back", side))
    if spot:
        _standing(b, spot, 2.0, rack, True)
        x1, z1, _w, _d, facing = spot
        for k in range(int(r.integers(1, 4))):
            b.boxes.append(
                Box(
                    x1,
                    z1,
                    0.5 if facing in ("front", "back") else 0.3,
                    0.3 if facing in ("front", "back") else 0.5,
                    0.06,
                    0.55 + 0.33 * k,
                    _surfboard(r),
                )
            )
    for _ in range(int(r.integers(2, 6))):
        spot = fl.against(r, 0.6, 0.3, (_other(side), "back"))
        if spot:
            x2, z2, _w, _d, facing = spot
            flat = facing in ("front", "back")
            b.boxes.append(
                Box(
                    x2,
                    z2,
                    0.55 if flat else 0.08,
                    0.08 if flat else 0.55,
                    float(r.uniform(1.7, 2.3)),
                    0.0,
                    _surfboard(r),
                )
            )
    spot = fl.against(r, 1.6, 0.6, (side, "back"))
    if spot:
        _box(
            b,
            spot,
            0.85,
            {
                "front": _wood(r, 48, 16, _wood_tone(r), 4),
                "top": _wood(r, 48, 16, _wood_tone(r), 4),
            },
        )
    back = b.wall("back")
    temp = _grained(r, back.px(1.2), back.px(0.7), dark, 1.0)
    th, tw = temp.shape[:2]
    for k in range(int(r.integers(2, 5))):
        cx = int(tw * (k + 0.5) / 4.5)
        cv2.ellipse(
            temp,
            (cx, th // 2),
            (max(2, tw // 14), max(3, th // 2 - 2)),
            0.0,
            0.0,
            360.0,
            _c(r, 150, 250),
            1,
        )
    back.put(temp, 2.1, 2.3)
    back.put(_label(r, back.px(0.6), back.px(0.8)), 2.0, 2.2)
    _door(b.wall("front" if r.random() < 0.5 else _other(side)), r, _c(r, 30, 200))


# vertical farm


def _grow_tower(m: Rng) -> dict[str, U8]:
    """The kind's growing tower: a white steel frame of seven tiers, each a tray of
    leafy greens under a bar of magenta or white LEDs."""
    led = _pick(m, [(250, 120, 230), (240, 90, 200), (250, 235, 250)])
    face = _grained(m, 48, 64, (220, 222, 225), 1.0)
    for k in range(7):
        y = 2 + k * 9
        face[y : y + 2, 2:46] = led
        face[y + 2 : y + 5, 2:46] = _shade(led, 0.45)
        for x in range(3, 45, 3):
            cv2.circle(
                face, (x, y + 6), 1, _pick(m, [(60, 140, 60), (90, 170, 70), (120, 40, 80)]), -1
            )
        face[y + 7 : y + 9, 2:46] = (235, 235, 238)
    face[:, :2] = (200, 202, 205)
    face[:, -2:] = (200, 202, 205)
    end = _grained(m, 16, 64, (225, 226, 228), 1.0)
    for k in range(7):
        end[2 + k * 9 : 4 + k * 9] = led
    return {"front": end, "back": end, "left": face, "right": face, "top": _steel(m, 48, 16, 190)}


def _nutrient_unit(m: Rng) -> dict[str, U8]:
    """The kind's nutrient unit: a white tank cabinet with dosing pumps, pipes and a
    small screen of green figures."""
    front = _grained(m, 32, 40, (232, 234, 236), 1.0)
    cv2.rectangle(front, (4, 4), (16, 12), (20, 40, 30), -1)
    front[7:9, 6:14] = (80, 230, 120)
    for x in (20, 25):
        cv2.circle(front, (x, 8), 2, (40, 100, 170), -1)
    for y in (18, 26, 34):
        cv2.line(front, (2, y), (30, y), _pick(m, [(40, 100, 170), (60, 60, 64)]), 1)
    return {
        "front": front,
        "side": _grained(m, 24, 40, (225, 226, 228), 1.0),
        "top": _grained(m, 32, 24, (210, 212, 215), 1.0),
    }


def _build_vertical_farm(b: _Build17) -> None:
    """An indoor vertical farm: white insulated panels, an epoxy floor, a panel ceiling;
    two to four rows of the kind's growing towers running back from the front with
    aisles between, the kind's nutrient unit by the back wall, trolleys of trays, a
    sign, a door with a window."""
    r, m = b.fix, _mass_produced(b)
    tower, unit = _grow_tower(m), _nutrient_unit(m)
    panel = _pick(r, [(238, 240, 240), (228, 232, 230), (235, 232, 225)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 1.0)
        for col in range(0, tw, max(3, round(1.2 * res))):
            img[:, col] = _shade(panel, 0.85)
        b.fill(name, img)
    floor_c = _pick(r, [(90, 110, 100), (120, 120, 118), (70, 90, 120)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, floor_c, 3.0))
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(3, round(1.2 * res)), (225, 226, 228), (200, 200, 202)
        )
    )
    rows = min(int(r.integers(2, 5)), max(1, int((b.w - 1.0) / 2.4)))
    aisle = float(r.uniform(1.1, 1.5))
    span = rows * 0.9 + (rows - 1) * aisle
    x = start = -span / 2 + 0.45 + float(r.uniform(-0.5, 0.5))
    z0 = float(r.uniform(3.0, 4.2))
    for _ in range(rows):
        z = z0
        while z + 1.0 < b.d - 1.8:
            _model(b, Box(x, z + 0.6, 0.9, 1.2, min(b.h - 0.3, 2.6), 0.0, tower))
            z += 1.25
        x += 0.9 + aisle
    # The camera stands at the front of an aisle between two rows, looking down it.
    aisles = [start + 0.45 + aisle / 2 + k * (0.9 + aisle) for k in range(max(1, rows - 1))]
    ax = float(np.clip(aisles[int(r.integers(0, len(aisles)))], -b.w / 2 + 0.5, b.w / 2 - 0.5))
    st = _b17(b)
    st.stand = (ax, 0.0)
    st.look = (ax, 1.3, b.d)
    fl = _Floor(b.w, b.d, 0.7)
    fl.take(0.0, 1.0, b.w, 2.0)
    fl.take(start - 0.45 + span / 2, (z0 + b.d) / 2, span + 1.2, b.d - z0 + 0.4)
    spot = fl.against(r, 1.2, 0.9, ("back", "left", "right"))
    if spot:
        _standing(b, spot, 1.4, unit, True)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.8, 0.6, ("left", "right", "back")) or fl.middle(r, 0.8, 0.6)
        if spot:
            trays = _grained(r, 24, 24, (190, 192, 195), 1.5)
            for y in range(3, 22, 6):
                trays[y : y + 2] = _pick(r, [(80, 160, 70), (60, 130, 60), (140, 60, 90)])
            _box(b, spot, 1.1, {"front": trays, "top": _grained(r, 24, 16, (70, 140, 60), 3.0)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    sign = _grained(r, wall.px(1.0), wall.px(0.4), _pick(r, [(40, 120, 70), (30, 60, 120)]), 1.0)
    _text(
        sign,
        r,
        _word(r, (2, 3)).upper(),
        3,
        sign.shape[0] * 2 // 3,
        max(3, sign.shape[0] // 3),
        (250, 250, 250),
    )
    wall.put(sign, 2.3, 2.6)
    wall.put(_sheet(r, wall.px(0.3), wall.px(0.42), (30, 30, 30), 7), 1.7, 1.8)
    door = b.wall("front" if r.random() < 0.5 else _other(side))
    _door(door, r, _c(r, 120, 240))


# auction saleroom


def _sale_chair(m: Rng) -> dict[str, U8]:
    """The kind's stacking chair: a padded seat and back in the house's colour on a
    chrome frame."""
    cloth = _pick(m, [(120, 30, 40), (30, 50, 100), (60, 80, 60), (80, 80, 84)])
    front = _grained(m, 16, 32, (30, 30, 32), 1.0)
    front[:14, 1:15] = cloth
    front[16:20, 1:15] = _shade(cloth, 0.8)
    front[14:16] = (190, 190, 195)
    front[20:, 1:3] = (190, 190, 195)
    front[20:, 13:15] = (190, 190, 195)
    return {"front": front, "side": front, "top": _grained(m, 16, 16, cloth, 1.5)}


def _rostrum(m: Rng) -> dict[str, U8]:
    """The kind's rostrum: a raised mahogany desk with a gilt line and a brass holder for
    the lot number."""
    wood = _pick(m, [(110, 60, 40), (80, 50, 35)])
    front = _wood(m, 48, 32, wood, 4)
    cv2.rectangle(front, (3, 3), (44, 28), (190, 160, 80), 1)
    cv2.rectangle(front, (18, 8), (29, 14), (200, 175, 100), -1)
    return {"front": front, "side": _wood(m, 24, 32, wood, 4), "top": _wood(m, 48, 24, wood, 4)}


def _hang(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """A saleroom's wall of lots: framed landscapes, mirrors and prints hung close, each
    with a lot ticket."""
    img = _grained(rng, max(12, w), max(12, h), wall, 1.5)
    ih, iw = img.shape[:2]
    x = 2
    while x < iw - 8:
        pw = int(rng.integers(max(6, ih // 4), max(7, ih * 3 // 4)))
        ph = int(pw * float(rng.uniform(0.6, 1.3)))
        ph = min(ph, ih - 4)
        y = int(rng.integers(1, max(2, ih - ph - 1)))
        frame = _pick(rng, [(170, 140, 60), (60, 40, 30), (30, 30, 30), (200, 190, 170)])
        cv2.rectangle(img, (x, y), (min(iw - 1, x + pw), y + ph), frame, -1)
        inner = (
            _landscape(rng, max(4, pw - 4), max(4, ph - 4))
            if rng.random() < 0.7
            else _grained(rng, max(4, pw - 4), max(4, ph - 4), (200, 205, 210), 3.0)
        )
        _paste(img, inner, x + 2, y + 2)
        cv2.rectangle(img, (x, y + ph + 1), (x + 2, min(ih - 1, y + ph + 3)), (245, 245, 240), -1)
        x += pw + int(rng.integers(2, max(3, ih // 8)))
    return img


def _build_saleroom(b: _Build17) -> None:
    """An auction house's saleroom: deep paint, boards or carpet, a plain ceiling with
    lights; rows of the kind's chairs facing the kind's rostrum at the back, walls of
    lots hung close, tables of smaller lots and furniture lots standing by the walls, a
    screen of lot numbers, high windows, a door."""
    r, m = b.fix, _mass_produced(b)
    chair, rostrum = _sale_chair(m), _rostrum(m)
    paint = _pick(r, [(60, 90, 70), (120, 40, 45), (70, 75, 90), _c(r, 60, 200)])
    _paint_of(b, paint, 1.5)
    if r.random() < 0.5:
        b.floor(_planks)
    else:
        carpet = _pick(r, [(110, 40, 45), (40, 50, 80), (90, 80, 70)])
        b.floor(lambda g, w, h, res: _grained(g, w, h, carpet, 4.0))

    def lights(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (235, 232, 225), 1.5)
        for x in range(w // 6, w, max(2, w // 4)):
            for y in range(h // 6, h, max(2, h // 4)):
                cv2.circle(img, (x, y), max(1, w // 60), (255, 250, 230), -1)
        return img

    b.ceiling(lights)
    _model(
        b,
        Box(
            float(r.uniform(-0.3, 0.3)) * b.w,
            b.d - 1.0,
            1.6,
            0.8,
            1.2,
            0.0,
            _faces(rostrum, "front"),
        ),
    )
    cols = int(r.integers(4, 8))
    gap = float(r.uniform(0.9, 1.3))
    for i in range(int(r.integers(3, 7))):
        z = 3.0 + 1.0 * i
        if z > b.d - 3.0:
            break
        for j in range(cols):
            x = (j - (cols - 1) / 2) * 0.55
            x += gap / 2 * (1 if x > 0 else -1)
            if abs(x) < b.w / 2 - 0.6:
                _model(b, Box(x, z, 0.45, 0.45, 0.85, 0.0, _faces(chair, "front")))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.5, b.w, 3.0)
    fl.take(0.0, 3.0 + 3.0, cols * 0.55 + gap + 0.6, 7.0)
    fl.take(0.0, b.d - 1.0, 2.4, 1.8)
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 1.4, 0.7, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _f = spot
            _box(
                b,
                spot,
                0.75,
                {
                    "front": _wood(r, 32, 16, _wood_tone(r), 3),
                    "top": _wood(r, 32, 16, _wood_tone(r), 3),
                },
            )
            for _k in range(int(r.integers(1, 4))):
                lot = _grained(r, 8, 12, _c(r, 40, 240), 2.5)
                s = float(r.uniform(0.15, 0.35))
                b.boxes.append(
                    Box(
                        x + float(r.uniform(-0.45, 0.45)),
                        z,
                        s,
                        s,
                        float(r.uniform(0.15, 0.5)),
                        0.75,
                        _all_faces(lot),
                    )
                )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.0, 0.5, ("left", "right"))
        if spot:
            _box(
                b,
                spot,
                float(r.uniform(0.8, 1.3)),
                {
                    "front": _cabinet(r, 2, 3, _wood_tone(r)),
                    "top": _wood(r, 32, 16, _wood_tone(r), 3),
                },
            )
    for name in ("left", "right"):
        wall = b.wall(name)
        wall.put(
            _hang(r, wall.px(float(r.uniform(3.0, max(3.1, b.d - 4.0)))), wall.px(1.6), paint),
            2.6,
            2.9,
        )
    back = b.wall("back")
    screen = _grained(r, back.px(1.2), back.px(0.7), (20, 22, 30), 1.0)
    _text(
        screen,
        r,
        f"LOT {int(r.integers(1, 400))}",
        3,
        screen.shape[0] // 2,
        max(3, screen.shape[0] // 4),
        (240, 240, 240),
    )
    back.put(screen, 2.8, 3.0)
    at = float(r.uniform(1.0, 2.0))
    side = b.wall(str(r.choice(["left", "right"])))
    while at + 1.4 < side.length - 1.0:
        _window(side, r, _sky(r, 32, 16), at, b.h - 1.2, 1.4, 0.8, (240, 240, 236))
        at += float(r.uniform(3.0, 4.5))
    _door(b.wall("front"), r, _c(r, 30, 200))


# 3D print farm


def _printer_rack(m: Rng) -> dict[str, U8]:
    """The kind's printer rack: steel shelving of four tiers, each holding three of one
    maker's printers (dark frames, an orange gantry, a small blue screen, a print on the
    bed)."""
    front = _grained(m, 48, 64, (60, 62, 66), 1.0)
    gantry = _pick(m, [(230, 110, 30), (60, 60, 64), (200, 200, 205)])
    for t in range(4):
        y = 2 + t * 16
        front[y + 14 : y + 16] = (170, 172, 176)
        for k in range(3):
            x = 2 + k * 15
            cv2.rectangle(front, (x, y), (x + 13, y + 13), (30, 30, 32), -1)
            front[y + 3, x + 1 : x + 13] = gantry
            cv2.rectangle(front, (x + 3, y + 11), (x + 10, y + 12), (150, 150, 152), -1)
            front[y + 9 : y + 11, x + 6 : x + 8] = _c(m, 40, 240)
            front[y + 11, x + 11 : x + 13] = (60, 140, 230)
    return {
        "front": front,
        "side": _grained(m, 24, 64, (170, 172, 176), 1.0),
        "top": _steel(m, 48, 24, 170),
    }


def _dryer_cabinet(m: Rng) -> dict[str, U8]:
    """The kind's filament dryer: a grey cabinet with a glass door on rows of spools and
    a humidity read-out."""
    front = _grained(m, 24, 40, (150, 152, 156), 1.0)
    cv2.rectangle(front, (2, 6), (21, 37), (50, 55, 60), -1)
    for y in (12, 20, 28):
        for x in (7, 16):
            cv2.circle(front, (x, y), 3, _c(m, 30, 240), -1)
            front[y, x] = (30, 30, 30)
    front[2:4, 14:20] = (240, 80, 60)
    return {
        "front": front,
        "side": _grained(m, 24, 40, (150, 152, 156), 1.0),
        "top": _steel(m, 24, 24, 160),
    }


def _build_print_farm(b: _Build17) -> None:
    """A 3D print farm (a small firm's room of printers): paint, lino or epoxy, a tiled
    ceiling; the kind's printer racks along the walls, the kind's filament dryers,
    shelves of filament spools, a packing table with prints and boxes, a whiteboard of
    jobs, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, dryer = _printer_rack(m), _dryer_cabinet(m)
    paint = _pick(r, [(232, 232, 228), (210, 220, 230), _c(r, 140, 240)])
    _paint_of(b, paint, 1.5)
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        epoxy = _pick(r, [(120, 122, 125), (70, 90, 110)])
        b.floor(lambda g, w, h, res: _grained(g, w, h, epoxy, 3.0))
    b.ceiling(_tiled_ceiling)
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 0.9, b.w, 1.8)
    for _ in range(int(r.integers(3, 7))):
        spot = fl.against(r, 1.5, 0.6, ("back", "left", "right"))
        if spot:
            _standing(b, spot, 2.0, rack, True)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.7, 0.6, ("back", "left", "right"))
        if spot:
            _standing(b, spot, 1.5, dryer, True)
    spot = fl.middle(r, 1.8, 0.9)
    if spot:
        x, z, _w, _d, _f = spot
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 2, 1, _c(r, 60, 200)), "top": _wood(r, 48, 24, _wood_tone(r), 4)},
        )
        for _k in range(int(r.integers(2, 6))):
            thing = _grained(r, 8, 8, _c(r, 30, 240), 2.0)
            s = float(r.uniform(0.08, 0.3))
            b.boxes.append(
                Box(
                    x + float(r.uniform(-0.7, 0.7)),
                    z + float(r.uniform(-0.2, 0.2)),
                    s,
                    s,
                    s,
                    0.85,
                    _all_faces(thing),
                )
            )
    side = str(r.choice(["left", "right"]))

    def spool(img: U8, x: int, y1: int, ih: int) -> int:
        rad = max(1, ih // 3)
        cv2.circle(img, (x + rad, y1 - rad - 1), rad, _c(r, 20, 245), -1)
        if x + rad < img.shape[1]:  # seed 37's last spool (found by a crash check)
            img[max(0, y1 - rad - 1), x + rad] = (30, 30, 30)
        return 2 * rad

    wall = b.wall(side)
    wall.put(
        _shelf_of(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.8), (200, 200, 200), spool),
        2.3,
        2.5,
    )
    other = b.wall(_other(side))
    wb = _grained(r, other.px(1.2), other.px(0.8), (245, 245, 242), 1.0)
    wh, ww = wb.shape[:2]
    for y in range(3, wh - 2, max(3, wh // 7)):
        cv2.line(
            wb,
            (3, y),
            (int(ww * r.uniform(0.3, 0.9)), y),
            _pick(r, [(30, 30, 120), (160, 30, 30), (20, 20, 20)]),
            1,
        )
    other.put(wb, 1.9, 2.0)
    _window(
        b.wall("back"),
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.4, max(0.5, b.w - 1.6))),
        1.2,
        1.2,
        1.0,
        (235, 235, 232),
    )
    _door(b.wall(str(r.choice(["front", _other(side)]))), r, _c(r, 30, 220))


# harbour master's office


def _radio_desk(m: Rng) -> dict[str, U8]:
    """The kind's radio console: a grey desk front and top with three marine VHF sets,
    their green read-outs, knobs and handsets."""
    grey = _pick(m, [(170, 172, 170), (110, 115, 120)])
    front = _grained(m, 48, 24, grey, 1.5)
    cv2.line(front, (0, 3), (47, 3), _shade(grey, 0.7), 1)
    top = _grained(m, 48, 24, grey, 1.5)
    for k in range(3):
        x = 3 + k * 15
        cv2.rectangle(top, (x, 2), (x + 12, 10), (30, 32, 34), -1)
        top[4:7, x + 2 : x + 8] = (120, 230, 140)
        cv2.circle(top, (x + 10, 6), 1, (200, 200, 200), -1)
        cv2.rectangle(top, (x + 2, 13), (x + 6, 20), (20, 20, 22), -1)
    return {"front": front, "side": _grained(m, 24, 24, grey, 1.5), "top": top}


def _chart_table(m: Rng) -> dict[str, U8]:
    """The kind's chart table: a teak table with a brass rail round its sloping top and
    wide drawers of charts."""
    teak = _pick(m, [(150, 100, 60), (120, 80, 50)])
    front = _wood(m, 48, 24, teak, 4)
    for y in (6, 13, 20):
        cv2.line(front, (2, y), (45, y), _shade(teak, 0.7), 1)
        front[y - 3, 22:26] = (200, 170, 90)
    top = _wood(m, 48, 32, teak, 4)
    cv2.rectangle(top, (0, 0), (47, 31), (200, 170, 90), 1)
    return {"front": front, "side": _wood(m, 32, 24, teak, 4), "top": top}


def _chart(rng: Rng, w: int, h: int) -> U8:
    """A made-up sea chart: buff land, pale blue shallows, white deep water, depth
    figures and a compass rose."""
    img = _grained(rng, max(8, w), max(8, h), (240, 240, 235), 1.0)
    ih, iw = img.shape[:2]
    land = _field(rng, iw, ih, max(3, iw // 3))
    img[land > 0.55] = (200, 210, 230)
    img[land > 0.65] = (225, 205, 150)
    for _ in range(max(3, iw * ih // 120)):
        img[int(rng.integers(0, ih)), int(rng.integers(0, iw))] = (60, 60, 80)
    cv2.circle(img, (iw * 3 // 4, ih // 3), max(2, ih // 6), (150, 50, 120), 1)
    return img


def _build_harbour_office(b: _Build17) -> None:
    """A harbour master's office: paint, lino or boards, a tiled ceiling; big windows
    on the harbour along the back, the kind's radio console under them, the kind's chart
    table with a chart, a tide board, a notice board, a lifebuoy, a filing cabinet, a
    clock, a door."""
    r, m = b.fix, _mass_produced(b)
    radio, table = _radio_desk(m), _chart_table(m)
    paint = _pick(r, [(225, 228, 220), (200, 215, 230), _c(r, 150, 240)])
    _paint_of(b, paint, 1.5)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    ww = min(b.w - 0.6, float(r.uniform(2.4, 4.0)))
    x0 = float(r.uniform(0.3, max(0.35, b.w - ww - 0.3)))
    h0, v0, h1, v1 = _opening(back, x0, 0.95, ww, 1.35)
    back.img[v0:v1, h0:h1] = _harbour(r, h1 - h0, v1 - v0)
    frame = _pick(r, [(240, 240, 236), (60, 60, 64), (30, 70, 120)])
    cv2.rectangle(back.img, (h0, v0), (h1 - 1, v1 - 1), frame, max(2, (h1 - h0) // 60))
    for k in range(1, int(r.integers(2, 4))):
        xk = h0 + (h1 - h0) * k // 3
        back.img[v0:v1, xk : xk + max(1, (h1 - h0) // 80)] = frame
    rx = -b.w / 2 + x0 + ww / 2
    _model(b, Box(rx, b.d - 0.4, min(ww, 1.8), 0.7, 0.8, 0.0, _faces(radio, "front")))
    b.tops.append((rx, b.d - 0.4, min(ww, 1.8), 0.7, 0.8))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 0.8, b.w, 1.6)
    fl.take(rx, b.d - 0.4, min(ww, 1.8) + 0.6, 1.4)
    spot = fl.middle(r, 1.4, 1.0) or fl.against(r, 1.4, 1.0, ("left", "right"))
    if spot:
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 1.2, 0.8, 0.95, 0.0, _faces(table, "front")))
        b.boxes.append(Box(x, z, 0.9, 0.6, 0.01, 0.95, _all_faces(_chart(r, 32, 24))))
    spot = fl.against(r, 0.5, 0.6, ("left", "right"))
    if spot:
        _box(
            b,
            spot,
            1.3,
            {"front": _cabinet(r, 1, 4, (150, 155, 150)), "top": _steel(r, 16, 16, 160)},
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    tide = _grained(r, wall.px(0.6), wall.px(0.8), (245, 245, 240), 1.0)
    th_ = tide.shape[0]
    for y in range(4, th_ - 2, max(3, th_ // 10)):
        _text(
            tide,
            r,
            f"{int(r.integers(0, 2400)):04d} {float(r.uniform(0.5, 6.0)):.1f}",
            2,
            y,
            max(2, th_ // 14),
            (20, 30, 80),
        )
    wall.put(tide, 2.0, 2.1)
    wall.put(_board(r, wall.px(0.9), wall.px(0.6), (175, 135, 95)), 1.9, 2.0)
    other = b.wall(_other(side))
    buoy = _grained(r, other.px(0.75), other.px(0.75), paint, 1.5)
    bh_ = buoy.shape[0]
    cv2.circle(buoy, (bh_ // 2, bh_ // 2), bh_ * 2 // 5, (230, 90, 30), max(2, bh_ // 7))
    for a in (0.8, 2.4, 3.9, 5.5):
        cv2.ellipse(
            buoy,
            (bh_ // 2, bh_ // 2),
            (bh_ * 2 // 5, bh_ * 2 // 5),
            0.0,
            float(np.degrees(a)),
            float(np.degrees(a)) + 25,
            (245, 245, 240),
            max(2, bh_ // 7),
        )
    other.put(buoy, 2.0, 2.2)
    _small_things(other, ("clock",))
    _door(b.wall(str(r.choice(["front", _other(side)]))), r, _c(r, 30, 200))


# brush maker's workshop


def _tufting_machine(m: Rng) -> dict[str, U8]:
    """The kind's tufting machine: a cast green or grey body, the drilling and filling
    head, a hopper of bristle and a foot treadle."""
    cast = _pick(m, [(70, 100, 80), (90, 95, 100), (120, 70, 50)])
    front = _grained(m, 32, 48, cast, 2.0)
    cv2.rectangle(front, (6, 4), (25, 14), (200, 180, 130), -1)
    cv2.rectangle(front, (13, 14), (18, 24), (170, 172, 176), -1)
    cv2.rectangle(front, (8, 26), (23, 30), (40, 40, 42), -1)
    cv2.rectangle(front, (10, 42), (21, 46), (40, 40, 42), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 48, cast, 2.0),
        "top": _grained(m, 32, 24, (200, 180, 130), 2.0),
    }


def _trimmer(m: Rng) -> dict[str, U8]:
    """The kind's trimming bench: a steel bench with the guarded round blade that squares
    off the tufts, a bin of cuttings under it."""
    front = _steel(m, 48, 24, 150)
    cv2.rectangle(front, (28, 16), (44, 23), (200, 180, 130), -1)
    top = _steel(m, 48, 24, 165)
    cv2.circle(top, (14, 12), 8, (90, 92, 96), -1)
    cv2.circle(top, (14, 12), 8, (230, 200, 40), 1)
    return {"front": front, "side": _steel(m, 24, 24, 150), "top": top}


def _stocks(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Racks of brush stocks: rows of drilled wooden heads, some already tufted."""
    img = _grained(rng, max(8, w), max(8, h), _shade(wall, 0.8), 2.0)
    ih, iw = img.shape[:2]
    row = max(4, ih // 5)
    for y in range(1, ih - row + 1, row):
        img[y + row - 1] = (90, 70, 50)
        x = 1
        while x < iw - 4:
            sw = int(rng.integers(max(3, row), max(4, 2 * row)))
            wood = _wood_tone(rng)
            cv2.rectangle(img, (x, y + row // 2), (min(iw - 1, x + sw), y + row - 2), wood, -1)
            if rng.random() < 0.5:
                cv2.rectangle(
                    img,
                    (x, y + 1),
                    (min(iw - 1, x + sw), y + row // 2),
                    _pick(rng, [(30, 28, 26), (220, 200, 160), (240, 240, 235)]),
                    -1,
                )
            x += sw + 2
    return img


def _brooms(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Finished brooms and brushes hung on a wall: long handles over their heads."""
    img = _grained(rng, max(8, w), max(8, h), wall, 2.0)
    ih, iw = img.shape[:2]
    x = 3
    while x < iw - 6:
        head = int(rng.integers(max(4, iw // 20), max(5, iw // 8)))
        wood = _wood_tone(rng)
        cv2.line(img, (x + head // 2, 1), (x + head // 2, ih * 2 // 3), wood, max(1, iw // 120))
        cv2.rectangle(
            img, (x, ih * 2 // 3), (x + head, ih * 2 // 3 + ih // 12), _shade(wood, 0.8), -1
        )
        cv2.rectangle(
            img,
            (x, ih * 2 // 3 + ih // 12),
            (x + head, ih - 2),
            _pick(rng, [(30, 28, 26), (200, 170, 120), (200, 60, 50), (240, 240, 235)]),
            -1,
        )
        x += head + int(rng.integers(2, max(3, iw // 20)))
    return img


def _build_brush_maker(b: _Build17) -> None:
    """A brush maker's workshop: brick or paint, boards or concrete, a boarded roof; the
    kind's tufting machine and trimming bench, racks of stocks on a wall, finished
    brooms hung up, bundles of bristle and fibre standing, bins of handles, a bench, a
    window, a door."""
    r, m = b.fix, _mass_produced(b)
    tufter, trim = _tufting_machine(m), _trimmer(m)
    if r.random() < 0.5:
        wall_c = _between(r, (140, 90, 65), (190, 140, 110))
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        wall_c = _between(r, (200, 200, 185), (240, 236, 222))
        _paint_of(b, wall_c, 4.0)
    b.floor(
        _planks if r.random() < 0.5 else _concrete(_between(r, (120, 115, 105), (170, 165, 155)))
    )
    b.ceiling(_boards(_between(r, (100, 80, 60), (160, 130, 100))))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.0, b.w, 2.0)
    spot = fl.against(r, 1.1, 0.9, ("back", "left", "right")) or fl.middle(r, 1.1, 0.9)
    if spot:
        _standing(b, spot, 1.5, tufter, True)
    spot = fl.against(r, 1.6, 0.9, ("back", "left", "right")) or fl.middle(r, 1.6, 0.9)
    if spot:
        _standing(b, spot, 0.95, trim, True)
    for _ in range(int(r.integers(3, 8))):
        spot = fl.against(r, 0.4, 0.4, ("left", "right", "back")) or fl.middle(r, 0.4, 0.4)
        if spot:
            x, z, _w, _d, _f = spot
            fibre = _grained(
                r,
                12,
                32,
                _pick(r, [(200, 170, 110), (40, 36, 32), (235, 230, 215), (150, 110, 70)]),
                3.0,
            )
            for xx in range(0, 12, 2):
                fibre[:, xx] = _shade(tuple(int(v) for v in fibre[0, 0]), 0.85)  # type: ignore[arg-type]
            b.boxes.append(
                Box(x, z, 0.25, 0.25, float(r.uniform(0.6, 1.1)), 0.0, _all_faces(fibre))
            )
    spot = fl.against(r, 1.8, 0.6, ("left", "right", "back"))
    if spot:
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_stocks(r, wall.px(float(r.uniform(1.6, 2.6))), wall.px(1.0), wall_c), 2.1, 2.4)
    other = b.wall(_other(side))
    other.put(_brooms(r, other.px(float(r.uniform(1.4, 2.4))), other.px(1.4), wall_c), 2.3, 2.6)
    back = b.wall("back")
    _window(
        back,
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.4, max(0.5, b.w - 1.6))),
        1.0,
        1.2,
        1.1,
        _c(r, 30, 220),
    )
    back.put(_label(r, back.px(0.6), back.px(0.4)), 2.3, 2.5)
    _door(b.wall(str(r.choice(["front", side]))), r, _c(r, 30, 200))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _switchgear(r: Rng, body: Colour) -> dict[str, U8]:
    """A ring main unit or panel of switchgear: a steel cabinet with a mimic diagram,
    operating handles' sockets and labels."""
    front = _grained(r, 32, 40, body, 1.5)
    cv2.line(front, (4, 8), (28, 8), (30, 30, 30), 1)
    for x in (8, 16, 24):
        cv2.line(front, (x, 8), (x, 20), (30, 30, 30), 1)
        cv2.circle(front, (x, 24), 2, (20, 20, 20), -1)
        cv2.rectangle(front, (x - 3, 30), (x + 3, 33), (245, 245, 240), -1)
    cv2.rectangle(front, (2, 2), (29, 5), (250, 210, 30), -1)
    return {
        "front": front,
        "side": _grained(r, 16, 40, body, 1.5),
        "top": _grained(r, 32, 16, body, 1.5),
    }


def _build_substation(b: _Build17) -> None:
    """An electricity substation of one network's standard design, one a street: every
    fixed thing the template's (the size, the brick or block walls, the floor with its
    chequer-plate trench covers, the network's switchgear along the back, the
    transformer in its bay, the low-voltage board, the danger signs, the light, the
    louvred door); a notice or two on a wall and a sand bucket, a logbook or a cable
    drum left on the floor the street's own (little)."""
    r, o = b.fix, b.own
    if r.random() < 0.5:
        _walls_of(b, 0.0, _between(r, (140, 85, 60), (190, 135, 105)), 1.0)
    else:
        block = _between(r, (160, 160, 155), (210, 206, 198))
        for name in WALLS:
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.22 * res)), block, _shade(block, 0.85)))

    def trench(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (110, 108, 104), (150, 148, 142)))(g, w, h, res)
        y0, y1 = int(h * 0.55), int(h * 0.7)
        plate = _steel(g, w, y1 - y0, 140)
        for x in range(0, w, 4):
            for y in range(0, y1 - y0, 4):
                plate[y, x : x + 2] = (175, 175, 178)
        img[y0:y1] = plate
        return img

    b.floor(trench)
    b.ceiling(_concrete(_between(r, (150, 150, 146), (190, 188, 182))))
    body = _pick(r, [(120, 135, 120), (150, 152, 156), (60, 90, 70)])
    gear = _switchgear(r, body)
    n = max(1, int((b.w - 1.6) / 0.75))
    for k in range(n):
        x = -b.w / 2 + 0.5 + 0.75 * k
        b.boxes.append(Box(x, b.d - 0.45, 0.7, 0.6, 1.6, 0.0, _faces(gear, "front")))
    side = str(r.choice(["left", "right"]))
    fins = _grained(r, 32, 32, _pick(r, [(90, 110, 90), (120, 122, 125)]), 1.5)
    for x in range(1, 32, 3):
        fins[:, x] = _shade(tuple(int(v) for v in fins[0, 0]), 0.7)  # type: ignore[arg-type]
    x, z, bw, bd = _wall_box(b, side, b.d * 0.45, 1.2, 0.9)
    b.boxes.append(
        Box(
            x,
            z,
            bw,
            bd,
            1.5,
            0.0,
            _faces({"front": fins, "side": fins, "top": _steel(r, 32, 32, 130)}, _inward(side)),
        )
    )
    lvb = _grained(r, 32, 32, (60, 62, 66), 1.5)
    for y in range(4, 30, 6):
        for xx in range(3, 30, 5):
            lvb[y : y + 3, xx : xx + 2] = (30, 30, 30)
    other = b.wall(_other(side))
    other.put(lvb, 1.9, 2.0)
    for name in ("back", side):
        w_ = b.wall(name)
        sign = _grained(r, w_.px(0.35), w_.px(0.3), (250, 210, 30), 1.0)
        sh, sw = sign.shape[:2]
        pts = np.array([[sw // 2, 2], [sw - 3, sh - 3], [2, sh - 3]], np.int32)
        cv2.polylines(sign, [pts], True, (20, 20, 20), max(1, sw // 12))
        w_.put(sign, 2.2, 2.3)
    light = _grained(r, 16, 8, (250, 250, 235), 1.0)
    b.boxes.append(Box(0.0, b.d / 2, 0.4, 0.12, 0.08, b.h - 0.1, _all_faces(light)))
    front_w = b.wall("front")
    x0, y0, x1, y1 = _opening(front_w, 0.3, 0.0, min(1.8, b.w - 0.6), 2.1)
    door = _grained(
        r, x1 - x0, y1 - y0, _pick(r, [(60, 90, 70), (50, 60, 90), (120, 120, 118)]), 2.0
    )
    for y in range(0, y1 - y0, max(2, (y1 - y0) // 25)):
        door[y] = (25, 25, 25)
    front_w.img[y0:y1, x0:x1] = door
    # The street's own: a notice or two, and what is left on the floor.
    for _ in range(int(o.integers(1, 3))):
        name = str(o.choice(["back", "left", "right"]))
        w_ = b.wall(name)
        note = _sheet(
            o,
            w_.px(float(o.uniform(0.18, 0.28))),
            w_.px(float(o.uniform(0.22, 0.32))),
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
    for _ in range(int(o.integers(1, 3))):
        thing = _grained(
            o, 16, 16, _pick(o, [(200, 40, 35), (230, 200, 40), (60, 60, 64), (150, 110, 70)]), 3.0
        )
        s = float(o.uniform(0.25, 0.45))
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.3, 0.3)) * b.w,
                float(o.uniform(0.9, max(1.0, b.d - 1.3))),
                s,
                s,
                float(o.uniform(0.25, 0.45)),
                0.0,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.25, 0.4)))
    st.look = (0.0, 0.9, b.d)


def _build_dark_kitchen(b: _Build17) -> None:
    """A dark kitchen of one delivery hub, one a brand: every fixed thing the hub's (the
    size, the white wipe-clean panels, the anti-slip floor, the panel ceiling, the
    extraction canopy, the steel line of range and fryers along the back, the prep
    bench, the order screen, the hub's sign and hand-wash sink); the brand's menu
    board over the line, its shelves of packaging and stock, its bags on the bench and
    its order tickets their own (between)."""
    r, o = b.fix, b.own
    panel = _pick(r, [(240, 240, 238), (232, 236, 238)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 1.0)
        for col in range(0, tw, max(3, round(1.2 * res))):
            img[:, col] = _shade(panel, 0.88)
        b.fill(name, img)
    floor_c = _pick(r, [(150, 60, 50), (110, 112, 110), (60, 70, 80)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, floor_c, 5.0))
    b.ceiling(
        lambda g, w, h, res: _tiles(
            g, w, h, max(3, round(0.6 * res)), (236, 236, 234), (205, 205, 203)
        )
    )
    line_w = b.w - 0.3
    units = max(2, int(line_w / 0.8))
    for k in range(units):
        x = -line_w / 2 + line_w * (k + 0.5) / units
        front = _steel(r, 24, 24, 175)
        if k % 2 == 0:
            cv2.rectangle(front, (4, 10), (19, 20), (60, 62, 66), -1)
        top = _steel(r, 24, 24, 160)
        for cx in (6, 17):
            cv2.circle(top, (cx, 12), 4, (30, 30, 32), -1 if k % 2 else 1)
        b.boxes.append(
            Box(
                x,
                b.d - 0.4,
                line_w / units - 0.02,
                0.75,
                0.9,
                0.0,
                _faces({"front": front, "top": top}, "front"),
            )
        )
    b.tops.append((0.0, b.d - 0.4, line_w, 0.75, 0.9))
    canopy = _steel(r, 48, 16, 185)
    b.boxes.append(
        Box(
            0.0,
            b.d - 0.55,
            line_w,
            1.0,
            0.5,
            b.h - 0.6,
            _faces({"front": canopy, "top": canopy}, "front"),
        )
    )
    side = str(r.choice(["left", "right"]))
    x, z, bw, bd = _wall_box(b, side, b.d * 0.4, 1.4, 0.6)
    bench = {"front": _steel(r, 32, 16, 170), "top": _steel(r, 32, 16, 195)}
    b.boxes.append(Box(x, z, bw, bd, 0.9, 0.0, _faces(bench, _inward(side))))
    b.tops.append((x, z, bw, bd, 0.9))
    other = b.wall(_other(side))
    screen = _grained(r, other.px(0.5), other.px(0.3), (20, 22, 26), 1.0)
    for y in range(3, screen.shape[0] - 2, max(3, screen.shape[0] // 6)):
        screen[y, 3 : screen.shape[1] * 2 // 3] = (90, 200, 120)
    other.put(screen, 1.9, 2.0)
    sign = _grained(r, other.px(0.5), other.px(0.2), (30, 90, 160), 1.0)
    _text(
        sign,
        r,
        _word(r, (1, 2)).upper(),
        2,
        sign.shape[0] * 3 // 4,
        max(3, sign.shape[0] // 2),
        (250, 250, 250),
    )
    other.put(sign, 2.3, 2.4)
    # The brand's own: the menu board, shelves of packaging, bags and tickets.
    back = b.wall("back")
    mw = b.w * float(o.uniform(0.45, 0.65))
    p0, q0, p1, q1 = _opening(
        back,
        float(o.uniform(0.1, max(0.15, b.w - mw - 0.1))),
        1.55,
        mw,
        float(o.uniform(0.5, 0.75)),
    )
    brand = _c(o, 30, 230)
    menu = _grained(o, p1 - p0, q1 - q0, brand, 2.0)
    _text(
        menu,
        o,
        _word(o, (1, 2)).upper(),
        3,
        (q1 - q0) // 3,
        max(3, (q1 - q0) // 5),
        (250, 250, 250),
    )
    for y in range((q1 - q0) // 2, q1 - q0 - 2, max(3, (q1 - q0) // 8)):
        cv2.line(menu, (4, y), (int((p1 - p0) * o.uniform(0.3, 0.9)), y), (250, 250, 245), 1)
    back.img[q0:q1, p0:p1] = menu
    wall = b.wall(side)
    sw_ = float(o.uniform(1.2, min(2.0, b.d - 0.8)))
    l0, t0, l1, t1 = _opening(
        wall, float(o.uniform(0.3, max(0.35, wall.length - sw_ - 0.3))), 1.2, sw_, 0.9
    )

    def pack(img: U8, x_: int, y1: int, ih: int) -> int:
        pw = int(o.integers(2, 6))
        img[max(0, y1 - int(ih * o.uniform(0.4, 0.9))) : y1, x_ : x_ + pw] = _pick(
            o, [brand, (240, 238, 230), (150, 110, 70), _c(o, 30, 230)]
        )
        return pw

    wall.img[t0:t1, l0:l1] = _shelf_of(o, l1 - l0, t1 - t0, (200, 200, 202), pack)[
        : t1 - t0, : l1 - l0
    ]
    tickets = _grained(o, back.px(0.7), back.px(0.12), (180, 182, 186), 1.0)
    for x in range(2, tickets.shape[1] - 3, max(3, tickets.shape[1] // 7)):
        tickets[1:, x : x + max(2, tickets.shape[1] // 10)] = (250, 250, 245)
    _paste(back.img, tickets, back.x_of(float(o.uniform(0.2, max(0.3, b.w - 0.9)))), back.y_of(1.5))
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        bag = _grained(o, 16, 16, _pick(o, [brand, (150, 110, 70), (240, 238, 230)]), 2.0)
        st.own_boxes.append(
            Box(
                x + float(o.uniform(-0.4, 0.4)) * bw,
                z,
                0.3,
                0.2,
                float(o.uniform(0.25, 0.4)),
                0.9,
                _all_faces(bag),
            )
        )
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.3, 0.5)))
    st.look = (0.0, 1.2, b.d)


def _build_lecturer_office(b: _Build17) -> None:
    """A lecturer's office on one university corridor: every fixed thing the faculty's
    (the size, the paint, the carpet tiles, the ceiling tiles, the window in the back
    wall, the desk under it, the filing cabinet); the books and files on shelves along
    both side walls (60-85 % of their length, up to 1.8-2.1 m), the posters and the
    pinboard, the plant, the boxes of papers and what is on the desk the occupant's own
    (much)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(232, 230, 220), (215, 222, 228), _c(r, 160, 240)])
    _paint_of(b, paint, 1.5)
    carpet = _pick(r, [(80, 85, 95), (100, 90, 80), (60, 80, 70)])
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.5 * res)), carpet, _shade(carpet, 0.92))
    )
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    ww = min(b.w - 0.6, float(r.uniform(1.4, 2.2)))
    _window(back, r, _outside(r, 48, 32), (b.w - ww) / 2, 0.95, ww, 1.4, _c(r, 180, 245))
    desk = {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 48, 24, _wood_tone(r), 4)}
    b.boxes.append(Box(0.0, b.d - 0.5, min(1.6, b.w - 0.8), 0.75, 0.74, 0.0, _faces(desk, "front")))
    b.tops.append((0.0, b.d - 0.5, min(1.6, b.w - 0.8), 0.75, 0.74))
    chair = _grained(r, 16, 16, (40, 40, 44), 1.5)
    b.boxes.append(Box(0.2, b.d - 1.15, 0.5, 0.5, 0.9, 0.0, _all_faces(chair)))
    side = str(r.choice(["left", "right"]))
    x, z, bw, bd = _wall_box(b, side, 0.9, 0.5, 0.6)
    b.boxes.append(
        Box(
            x,
            z,
            bw,
            bd,
            1.3,
            0.0,
            _faces(
                {"front": _cabinet(r, 1, 4, (150, 155, 150)), "top": _steel(r, 16, 16, 160)},
                _inward(side),
            ),
        )
    )
    # The occupant's own: the shelves of books, posters, a pinboard, what stands about.
    height = float(o.uniform(1.8, 2.1))
    frac = float(o.uniform(0.6, 0.85))
    for name in ("left", "right"):
        wall = b.wall(name)
        start = float(o.uniform(0.2, max(0.25, (1 - frac) * wall.length)))
        l0, t0, l1, t1 = _opening(wall, start, 0.0, frac * wall.length, height)
        wall.img[t0:t1, l0:l1] = _shelf_of(o, l1 - l0, t1 - t0, _wood_tone(o), _books(o))[
            : t1 - t0, : l1 - l0
        ]
    for _ in range(int(o.integers(1, 3))):
        pw = float(o.uniform(0.4, 0.6))
        poster = (
            _landscape(o, back.px(pw), back.px(pw * 1.4))
            if o.random() < 0.5
            else _board(o, back.px(pw), back.px(pw * 0.8), (180, 140, 100))
        )
        _paste(
            back.img,
            poster,
            back.x_of(float(o.uniform(0.05, 0.3)) if o.random() < 0.5 else b.w - 0.1 - pw),
            back.y_of(float(o.uniform(1.8, 2.3))),
        )
    st = _b17(b)
    for _ in range(int(o.integers(2, 5))):
        thing = _grained(o, 16, 16, _c(o, 30, 240), 3.0)
        s = float(o.uniform(0.25, 0.45))
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * float(o.uniform(0.0, b.w / 2 - 0.5)),
                float(o.uniform(1.0, b.d - 1.4)),
                s,
                s,
                float(o.uniform(0.2, 0.6)),
                0.0,
                _all_faces(thing),
            )
        )
    for _ in range(int(o.integers(1, 4))):
        paper = _grained(o, 12, 12, _c(o, 150, 250), 2.0)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.6, 0.6)),
                b.d - 0.5,
                0.3,
                0.25,
                float(o.uniform(0.02, 0.15)),
                0.74,
                _all_faces(paper),
            )
        )
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.3, 0.5)))
    st.look = (0.0, 1.1, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "jeweller's workshop": _build_jeweller,
    "fibrous plasterer's workshop": _build_plasterer,
    "surfboard shaping bay": _build_shaper,
    "vertical farm": _build_vertical_farm,
    "auction saleroom": _build_saleroom,
    "3d print farm": _build_print_farm,
    "harbour master's office": _build_harbour_office,
    "brush maker's workshop": _build_brush_maker,
    "substation": _build_substation,
    "darkkitchen": _build_dark_kitchen,
    "lectureroffice": _build_lecturer_office,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v28's kinds and v28's day seeds."""

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
    """The original picture of a place, carrying its ``Place`` for ``views_v28``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v28(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v28 (``bench/link.py --generator v28``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v28``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    auction saleroom, jeweller's workshop or brush maker's workshop."""
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

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _luma(img: U8) -> F32:
    f = img.astype(np.float32)
    return np.asarray(0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2], np.float32)


def _fit(img: U8, w: int, h: int) -> U8:
    """``img`` cropped about its middle to the shape of ``w`` x ``h`` and resized to it."""
    ih, iw = img.shape[:2]
    if iw * h > ih * w:
        cw = max(1, ih * w // h)
        x0 = (iw - cw) // 2
        img = img[:, x0 : x0 + cw]
    else:
        ch = max(1, iw * h // w)
        y0 = (ih - ch) // 2
        img = img[y0 : y0 + ch]
    return np.asarray(
        cv2.resize(np.ascontiguousarray(img), (max(1, w), max(1, h)), interpolation=cv2.INTER_AREA),
        np.uint8,
    )


def _warp_onto(out: F32, tex: U8, quad: npt.NDArray[np.float32], shade: float = 1.0) -> F32:
    """``tex`` warped onto the quadrilateral ``quad`` (top left, top right, bottom right,
    bottom left) of ``out``; returns the mask it covers."""
    h, w = out.shape[:2]
    th, tw = tex.shape[:2]
    src = np.array([[0, 0], [tw - 1, 0], [tw - 1, th - 1], [0, th - 1]], np.float32)
    mat = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(tex, mat, (w, h), flags=cv2.INTER_LINEAR).astype(np.float32)
    mask = cv2.warpPerspective(np.ones((th, tw), np.float32), mat, (w, h), flags=cv2.INTER_LINEAR)
    out[:] = out * (1 - mask[:, :, None]) + warped * shade * mask[:, :, None]
    return np.asarray(mask, np.float32)


def sstv(img: U8, rng: Rng) -> U8:
    """The picture received over the radio as slow-scan television and saved from the
    decoding program: resampled to the mode's 256 lines (and 80 % of the columns), soft
    along the lines, its red and blue scans a little off the green, slanted by the sound
    card's clock (3-6 % of the width from top to bottom, wrapping round), each line
    jittered, three to seven streaks of static, a header band with a callsign."""
    h, w = img.shape[:2]
    s = _scale(w)
    lines = max(8, round(h * 256 / 300))
    f = cv2.resize(img, (max(8, int(w * 0.8)), lines), interpolation=cv2.INTER_AREA)
    f = cv2.resize(f, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    f = cv2.blur(f, (max(2, int(4 * s)), 1))
    off = max(1, int(2 * s))
    f[:, :, 0] = np.roll(f[:, :, 0], off, axis=1)
    f[:, :, 2] = np.roll(f[:, :, 2], -off, axis=1)
    slope = float(rng.uniform(0.03, 0.06)) * w / h * float(rng.choice([-1.0, 1.0]))
    shift = np.round(np.arange(h) * slope + rng.normal(0, 0.6 * s, h)).astype(np.int64)
    xs = (np.arange(w)[None, :] - shift[:, None]) % w
    f = f[np.arange(h)[:, None], xs]
    for _ in range(int(rng.integers(3, 8))):
        y = int(rng.integers(0, h))
        n = min(h - y, int(rng.integers(1, max(2, int(4 * s) + 1))))
        amt = float(rng.uniform(0.4, 0.9))
        f[y : y + n] = f[y : y + n] * (1 - amt) + rng.normal(128, 70, (n, w, 3)) * amt
    band = max(5, int(h * float(rng.uniform(0.08, 0.11))))
    f[:band] = _pick(rng, [(20, 20, 120), (120, 20, 20), (20, 20, 20), (240, 240, 240)])
    call = (
        str(rng.choice(list("GMKFW")))
        + str(int(rng.integers(0, 10)))
        + "".join(str(c) for c in rng.choice(list(LETTERS), 3))
    )
    ink = (20, 20, 20) if float(f[0, 0].mean()) > 128 else (250, 250, 80)
    _text(f, rng, call, max(2, int(8 * s)), band - max(1, band // 5), max(3, band * 3 // 4), ink)
    return _noise(_u8(f), rng, 4.0)


def safelight(img: U8, rng: Rng) -> U8:
    """The picture as a print coming up in a developing tray under a darkroom's red
    safelight, photographed: red and black only (its grey tones, a little flat, as the
    print is still developing), rippled by the developer (1-2 px at 400), in a white
    tray (80-90 % of the frame) that the light turns red, a streak of the safelight's
    reflection across it, the corners dark."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = float(rng.uniform(0.8, 0.9))
    pw, ph = int(w * k), int(h * k)
    grey = cv2.resize(_luma(img), (pw, ph), interpolation=cv2.INTER_AREA) / 255
    grey = 0.12 + 0.78 * grey ** float(rng.uniform(0.9, 1.3))
    yy, xx = _grid(ph, pw)
    amp = float(rng.uniform(1.0, 2.0)) * s
    per = float(rng.uniform(12, 25)) * s
    map_x = (xx + amp * np.sin(yy / per + float(rng.uniform(0, 6)))).astype(np.float32)
    map_y = (yy + amp * np.sin(xx / per * 1.3 + float(rng.uniform(0, 6)))).astype(np.float32)
    tone = np.asarray(
        cv2.remap(
            grey.astype(np.float32), map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
        ),
        np.float32,
    )
    red = np.array([235, 38, 22], np.float32)
    out = np.empty((h, w, 3), np.float32)
    out[:] = np.array([18, 4, 3], np.float32)
    t = max(3, int((1 - k) * w / 3))
    x0, y0 = (w - pw) // 2, (h - ph) // 2
    out[max(0, y0 - t) : y0 + ph + t, max(0, x0 - t) : x0 + pw + t] = red * 0.62
    out[y0 : y0 + ph, x0 : x0 + pw] = tone[:, :, None] * red
    gy, gx = _grid(h, w)
    off = float(rng.uniform(0.3, 0.9))
    streak = np.exp(
        -(((gx / w - gy / h * 0.5) - off) ** 2) / (2 * float(rng.uniform(0.03, 0.06)) ** 2)
    )
    out += streak[:, :, None] * np.array([70, 18, 10], np.float32) * float(rng.uniform(0.6, 1.0))
    rad = np.sqrt(((gx - w / 2) / (w / 2)) ** 2 + ((gy - h / 2) / (h / 2)) ** 2)
    out *= np.clip(1.05 - 0.35 * rad**2, 0.4, 1.0)[:, :, None]
    return _noise(_u8(out), rng, 3.0)


def qr_code(img: U8, rng: Rng) -> U8:
    """The picture behind an artistic QR code (a poster's): a code of 29 x 29 modules over
    a square in the middle (78-90 % of the height), paler under the code, each module a
    dark or light dot (44 % of its cell) at its middle, the three solid finder squares in
    its corners and a light quiet zone a cell wide round it."""
    h, w = img.shape[:2]
    n = 29
    side = int(min(h, w) * float(rng.uniform(0.78, 0.9)))
    cell = side / n
    x0 = (w - side) // 2 + int(rng.integers(-max(1, (w - side) // 3), max(2, (w - side) // 3)))
    y0 = (h - side) // 2
    out = img.astype(np.float32)
    q = max(1, int(cell))
    out[max(0, y0 - q) : y0 + side + q, max(0, x0 - q) : x0 + side + q] = (
        out[max(0, y0 - q) : y0 + side + q, max(0, x0 - q) : x0 + side + q] * 0.8 + 45
    )
    dots = rng.random((n, n)) < 0.5
    rad = max(1, int(cell * 0.22))
    for i in range(n):
        for j in range(n):
            if (i < 8 and j < 8) or (i < 8 and j >= n - 8) or (i >= n - 8 and j < 8):
                continue
            c = (int(x0 + (j + 0.5) * cell), int(y0 + (i + 0.5) * cell))
            cv2.circle(out, c, rad, (15, 15, 20) if dots[i, j] else (245, 245, 245), -1)
    for i, j in ((0, 0), (0, n - 7), (n - 7, 0)):
        for k, col in ((0, (15, 15, 20)), (1, (245, 245, 245)), (2, (15, 15, 20))):
            cv2.rectangle(
                out,
                (int(x0 + (j + k) * cell), int(y0 + (i + k) * cell)),
                (int(x0 + (j + 7 - k) * cell) - 1, int(y0 + (i + 7 - k) * cell) - 1),
                col,
                -1,
            )
    return _noise(_u8(out), rng, 1.5)


def livestream(img: U8, rng: Rng) -> U8:
    """A live stream's page, screenshotted: the picture in the player (the left 72-78 %
    of the page, fitted with black bars), a red "LIVE" badge and a viewer count on it, a
    dark top bar, the title and the channel's round icon under the player, and the chat
    down the right (coloured names, grey messages)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.uint8)
    out[:] = (14, 14, 18)
    top = max(4, int(h * 0.07))
    out[:top] = (28, 28, 34)
    _text(
        out,
        rng,
        _word(rng, (2, 3)),
        max(2, int(8 * s)),
        top - max(1, top // 4),
        max(3, top // 2),
        (230, 230, 235),
    )
    chat = int(w * float(rng.uniform(0.22, 0.28)))
    pw = w - chat - max(2, int(6 * s))
    ph = min(int(pw * 9 / 16), h - top - max(8, int(h * 0.16)))
    player = np.zeros((ph, pw, 3), np.uint8)
    fw = min(pw, ph * w // h)
    fh = min(ph, fw * h // w)
    pic = np.asarray(
        cv2.resize(img, (max(1, fw), max(1, fh)), interpolation=cv2.INTER_AREA), np.uint8
    )
    _paste(player, pic, (pw - fw) // 2, (ph - fh) // 2)
    _paste(out, player, 0, top)
    b = max(4, int(h * 0.05))
    bx, by = max(2, int(8 * s)), top + max(2, int(8 * s))
    out[by : by + b, bx : bx + b * 2] = (230, 30, 40)
    _text(out, rng, "LIVE", bx + 1, by + b * 3 // 4, max(2, b * 2 // 3), (255, 255, 255))
    _text(
        out,
        rng,
        f"{int(rng.integers(12, 9000))}",
        bx + b * 2 + 3,
        by + b * 3 // 4,
        max(2, b * 2 // 3),
        (240, 240, 240),
    )
    iy = top + ph + max(3, int(8 * s))
    ir = max(3, int(h * 0.045))
    cv2.circle(out, (max(2, int(8 * s)) + ir, iy + ir), ir, _c(rng, 60, 240), -1)
    _text(
        out,
        rng,
        " ".join(_word(rng, (1, 3)) for _ in range(3)),
        2 * ir + max(4, int(14 * s)),
        iy + ir,
        max(3, int(11 * s)),
        (240, 240, 245),
    )
    out[top:, w - chat - 1] = (40, 40, 48)
    y = top + max(4, int(10 * s))
    step = max(4, int(h * 0.06))
    while y < h - 3:
        x = w - chat + max(2, int(5 * s))
        name = _word(rng, (1, 2))
        _text(out, rng, name, x, y, max(2, int(9 * s)), _c(rng, 90, 255))
        cv2.line(
            out,
            (x + int(len(name) * 7 * s) + 3, y - 2),
            (w - max(2, int(5 * s)) - int(rng.integers(0, max(1, chat // 3))), y - 2),
            (150, 150, 160),
            1,
        )
        y += step
    return out


def dual_monitor(img: U8, rng: Rng) -> U8:
    """The picture set as a wallpaper spanned across two monitors on a desk, photographed:
    the two screens (5:4 or 16:10 each, 86-94 % of the frame's width together) show one
    band of it (cropped top and bottom to fill them), the strip behind their bezels lost,
    the right screen with its own brightness, gamma and tint, set a little higher or
    lower; the stands, the desk and the wall round them."""
    h, w = img.shape[:2]
    s = _scale(w)
    wall = _grained(rng, w, h, _pick(rng, [(220, 218, 210), (190, 200, 205), (150, 140, 130)]), 2.0)
    out = wall.astype(np.float32)
    desk_y = int(h * float(rng.uniform(0.78, 0.86)))
    out[desk_y:] = _grained(
        rng, w, h - desk_y, _pick(rng, [(120, 90, 60), (200, 195, 185), (60, 60, 64)]), 3.0
    )
    aspect = float(rng.choice([1.25, 1.6]))
    total = int(w * float(rng.uniform(0.86, 0.94)))
    gap = max(3, int(w * float(rng.uniform(0.03, 0.05))))
    pw = (total - gap) // 2
    ph = int(pw / aspect)
    span = _fit(img, total, ph).astype(np.float32)
    left, right = span[:, :pw], span[:, pw + gap : pw + gap + pw]
    gamma = float(rng.uniform(0.75, 1.3))
    tint = np.array([rng.uniform(0.9, 1.1), 1.0, rng.uniform(0.88, 1.12)], np.float32)
    right = np.clip(255 * (right / 255) ** gamma * tint * float(rng.uniform(0.8, 1.15)), 0, 255)
    x0 = (w - total) // 2
    y0 = max(2, desk_y - ph - int(h * float(rng.uniform(0.06, 0.12))))
    dy = int(h * float(rng.uniform(-0.03, 0.03)))
    bez = max(2, int(6 * s))
    for x, y, screen in ((x0, y0, left), (x0 + pw + gap, y0 + dy, right)):
        cv2.rectangle(
            out, (x + pw // 2 - bez, y + ph), (x + pw // 2 + bez, desk_y + 2), (40, 40, 44), -1
        )
        cv2.rectangle(
            out, (x - bez, y - bez), (x + pw + bez - 1, y + ph + bez - 1), (22, 22, 24), -1
        )
        yy0, yy1 = max(0, y), min(h, y + ph)
        out[yy0:yy1, x : x + pw] = screen[yy0 - y : yy1 - y, : min(pw, w - x)]
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def page_turn(img: U8, rng: Rng) -> U8:
    """The picture in a phone's photo book or e-book caught in the middle of a page turn,
    screenshotted: a corner lifted along a straight fold (15-45 % of the page), the flap
    folded over the picture showing the page's back (paper with the picture faintly
    through it, mirrored, shaded towards the fold), the flap's shadow on the picture, and
    the next page (paper with lines of text) where the corner lifted."""
    h, w = img.shape[:2]
    s = _scale(w)
    cx, cy = float(rng.choice([0.0, w - 1.0])), float(rng.choice([0.0, h - 1.0]))
    sx, sy = (1.0 if cx == 0 else -1.0), (1.0 if cy == 0 else -1.0)
    a = np.array([cx + sx * float(rng.uniform(0.5, 0.9)) * w, cy], np.float32)
    b = np.array([cx, cy + sy * float(rng.uniform(0.6, 1.0)) * h], np.float32)
    t = (b - a) / np.linalg.norm(b - a)
    n = np.array([-t[1], t[0]], np.float32)
    if float(np.dot(np.array([cx, cy], np.float32) - a, n)) < 0:
        n = -n
    yy, xx = _grid(h, w)
    d = (xx - a[0]) * n[0] + (yy - a[1]) * n[1]
    rx, ry = xx - 2 * d * n[0], yy - 2 * d * n[1]
    lifted = d > 0
    flap = (d < 0) & (rx >= 0) & (rx <= w - 1) & (ry >= 0) & (ry <= h - 1)
    paper = np.array(_pick(rng, [(246, 243, 235), (250, 250, 248), (236, 228, 210)]), np.float32)
    nxt = np.empty((h, w, 3), np.float32)
    nxt[:] = paper
    for y in range(int(h * 0.08), int(h * 0.92), max(3, int(11 * s))):
        x1 = int(w * float(rng.uniform(0.6, 0.92)))
        cv2.line(nxt, (int(w * 0.08), y), (x1, y), (90, 90, 95), max(1, int(2 * s)))
    f = img.astype(np.float32)
    shadow = cv2.GaussianBlur(flap.astype(np.float32), (0, 0), max(1.5, 6 * s))
    shadow = np.roll(shadow, (int(4 * s * -n[1]), int(4 * s * -n[0])), axis=(0, 1))
    out = f * (1 - 0.45 * shadow[:, :, None])
    out[lifted] = nxt[lifted]
    back = cv2.remap(
        f,
        rx.astype(np.float32),
        ry.astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    depth = np.clip(-d / max(1.0, 0.35 * max(w, h)), 0, 1)
    face = (paper * 0.86 + back * 0.14) * (0.78 + 0.22 * depth)[:, :, None]
    out[flap] = face[flap]
    return _noise(_u8(out), rng, 1.0)


def pop_art(img: U8, rng: Rng) -> U8:
    """The picture through an art app's pop-art filter: four copies at half size in a 2 x
    2 grid with white gutters, each posterised to three or four flat tones (by its own
    brightness's quantiles) and painted in a bold palette of its own."""
    h, w = img.shape[:2]
    s = _scale(w)
    gut = max(1, int(4 * s))
    tw, th = (w - 3 * gut) // 2, (h - 3 * gut) // 2
    grey = cv2.resize(_luma(img), (tw, th), interpolation=cv2.INTER_AREA)
    out = np.full((h, w, 3), 250, np.uint8)
    for k in range(4):
        levels = int(rng.integers(3, 5))
        cuts = np.quantile(grey, np.linspace(0, 1, levels + 1)[1:-1])
        band = np.digitize(grey, cuts)
        palette = np.array([_c(rng, 10, 250) for _ in range(levels)], np.uint8)
        order = np.argsort(palette.astype(np.int32).sum(axis=1))
        tile = palette[order][band]
        _paste(out, tile, gut + (k % 2) * (tw + gut), gut + (k // 2) * (th + gut))
    return _noise(out, rng, 1.5)


def carousel(img: U8, rng: Rng) -> U8:
    """A social post of the picture split into two or three slides (posted as a swipeable
    carousel), screenshotted in a browser on one slide: that slice of the picture,
    cropped to 4:5 about its middle, 78-86 % of the page's height on the left, the
    arrows and the dots over and under it, and the side panel with the account's round
    icon and name, comments as grey lines, the icons and the likes."""
    h, w = img.shape[:2]
    s = _scale(w)
    dark = rng.random() < 0.4
    ground = (18, 18, 20) if dark else (250, 250, 250)
    ink = (240, 240, 240) if dark else (30, 30, 30)
    out = np.empty((h, w, 3), np.uint8)
    out[:] = ground
    n = int(rng.choice([2, 3]))
    k = int(rng.integers(0, n))
    sw = w // n
    ph = int(h * float(rng.uniform(0.78, 0.86)))
    pw = int(ph * 0.8)
    piece = _fit(img[:, k * sw : (k + 1) * sw], pw, ph)
    x0, y0 = max(2, int(w * 0.04)), (h - ph) // 2
    _paste(out, piece, x0, y0)
    r = max(3, int(9 * s))
    for side, show in ((x0 + r + 3, k > 0), (x0 + pw - r - 3, k < n - 1)):
        if show:
            cv2.circle(out, (side, y0 + ph // 2), r, (245, 245, 245), -1)
            cv2.circle(out, (side, y0 + ph // 2), max(1, r // 3), (90, 90, 90), -1)
    for j in range(n):
        cv2.circle(
            out,
            (
                x0 + pw // 2 + (j - (n - 1) // 2) * 3 * max(2, int(3 * s)),
                y0 + ph - max(4, int(10 * s)),
            ),
            max(1, int(2 * s)),
            (70, 140, 240) if j == k else (200, 200, 200),
            -1,
        )
    px = x0 + pw + max(4, int(12 * s))
    ir = max(3, int(h * 0.04))
    cv2.circle(out, (px + ir, y0 + ir), ir, _c(rng, 40, 230), -1)
    _text(
        out, rng, _word(rng, (2, 3)), px + 2 * ir + 4, y0 + ir + ir // 2, max(3, int(10 * s)), ink
    )
    out[y0 + 2 * ir + 4, px : w - 4] = (120, 120, 125)
    y = y0 + 2 * ir + max(8, int(20 * s))
    while y < y0 + ph - max(12, int(40 * s)):
        cv2.line(
            out,
            (px, y),
            (px + int((w - px - 6) * float(rng.uniform(0.4, 1.0))), y),
            (140, 140, 145),
            max(1, int(2 * s)),
        )
        y += max(4, int(14 * s))
    for j in range(3):
        cv2.circle(out, (px + ir + j * 3 * ir, y0 + ph - ir * 2), ir // 2 + 1, ink, 1)
    return _noise(out, rng, 0.8)


def captcha(img: U8, rng: Rng) -> U8:
    """The picture used in a "select all squares with ..." check, screenshotted: a blue
    header with its instruction, the picture (a square from its middle) cut into 4 x 4
    tiles (3 x 3 in a third) with white gutters, two to five tiles picked (shrunk to 82 %
    with a blue tick), a footer with icons and the blue button, on a grey page."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.uint8)
    out[:] = _pick(rng, [(242, 242, 242), (250, 250, 250), (230, 234, 238)])
    side = int(h * float(rng.uniform(0.9, 0.96)))
    head = int(side * 0.2)
    grid = int(side * 0.64)
    pad = max(2, int(6 * s))
    wx, wy = (w - grid - 2 * pad) // 2, (h - side) // 2
    out[wy : wy + side, wx : wx + grid + 2 * pad] = 255
    blue = (26, 115, 232)
    out[wy + pad : wy + pad + head, wx + pad : wx + pad + grid] = blue
    _text(
        out,
        rng,
        "Select all squares with",
        wx + 2 * pad,
        wy + pad + head // 3,
        max(3, head // 6),
        (255, 255, 255),
    )
    _text(
        out,
        rng,
        _word(rng, (1, 2)),
        wx + 2 * pad,
        wy + pad + head * 3 // 4,
        max(3, head // 3),
        (255, 255, 255),
    )
    tiles = 4 if rng.random() < 2 / 3 else 3
    gut = max(1, int(3 * s))
    square = _fit(img, grid, grid)
    gx, gy = wx + pad, wy + 2 * pad + head
    step = grid / tiles
    picked = set(rng.choice(tiles * tiles, int(rng.integers(2, 6)), replace=False).tolist())
    for i in range(tiles):
        for j in range(tiles):
            x0, y0 = int(j * step), int(i * step)
            x1, y1 = int((j + 1) * step) - gut, int((i + 1) * step) - gut
            tile = square[y0:y1, x0:x1]
            if i * tiles + j in picked:
                th, tw = tile.shape[:2]
                small = np.asarray(
                    cv2.resize(
                        tile,
                        (max(1, int(tw * 0.82)), max(1, int(th * 0.82))),
                        interpolation=cv2.INTER_AREA,
                    ),
                    np.uint8,
                )
                _paste(
                    out,
                    small,
                    gx + x0 + (tw - small.shape[1]) // 2,
                    gy + y0 + (th - small.shape[0]) // 2,
                )
                rr = max(2, int(7 * s))
                cv2.circle(out, (gx + x0 + rr, gy + y0 + rr), rr, blue, -1)
                cv2.line(
                    out,
                    (gx + x0 + rr // 2, gy + y0 + rr),
                    (gx + x0 + rr, gy + y0 + rr * 3 // 2),
                    (255, 255, 255),
                    1,
                )
            else:
                _paste(out, tile, gx + x0, gy + y0)
    fy = gy + grid + pad
    for j in range(3):
        cv2.circle(
            out,
            (wx + 2 * pad + j * max(6, int(18 * s)), fy + max(4, int(10 * s))),
            max(2, int(6 * s)),
            (120, 120, 125),
            1,
        )
    bw, bh = max(10, int(grid * 0.3)), max(5, int(h * 0.07))
    bx = wx + pad + grid - bw
    out[fy : fy + bh, bx : bx + bw] = blue
    _text(
        out, rng, "VERIFY", bx + max(2, bw // 8), fy + bh * 3 // 4, max(3, bh // 2), (255, 255, 255)
    )
    return out


def ground_glass(img: U8, rng: Rng) -> U8:
    """The picture on a large-format camera's ground glass, photographed under the dark
    cloth: upside down and mirrored (turned half round, as the lens throws it), softened
    by the glass's grain (1.5-2.5 px at 400), bright in the middle and falling off to
    x0.35-0.5 at the corners, faint Fresnel rings, a ruled grid of thin dark lines with a
    centre cross, the glass's clipped corners; 70-85 % of the frame, the cloth's folds
    round it."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = float(rng.uniform(0.7, 0.85))
    gw, gh = int(w * k), int(h * k)
    f = cv2.resize(
        np.ascontiguousarray(img[::-1, ::-1]), (gw, gh), interpolation=cv2.INTER_AREA
    ).astype(np.float32)
    f = np.asarray(cv2.GaussianBlur(f, (0, 0), float(rng.uniform(1.5, 2.5)) * s), np.float32)
    f *= (1 + rng.normal(0, 0.05, (gh, gw)).astype(np.float32))[:, :, None]
    yy, xx = _grid(gh, gw)
    rad = np.sqrt((xx - gw / 2) ** 2 + (yy - gh / 2) ** 2) / np.sqrt((gw / 2) ** 2 + (gh / 2) ** 2)
    corner = float(rng.uniform(0.35, 0.5))
    f *= (1 - (1 - corner) * rad**1.6)[:, :, None]
    per = float(rng.uniform(5, 9)) * s
    f *= (1 + 0.05 * np.sin(rad * np.sqrt(gw * gh) / per * 2 * np.pi))[:, :, None]
    nx, ny = int(rng.choice([3, 4])), 3
    for j in range(1, nx):
        f[:, j * gw // nx] *= 0.55
    for i in range(1, ny):
        f[i * gh // ny] *= 0.55
    f[gh // 2 - max(2, gh // 30) : gh // 2 + max(2, gh // 30), gw // 2] *= 0.4
    f[gh // 2, gw // 2 - max(2, gh // 30) : gw // 2 + max(2, gh // 30)] *= 0.4
    cut = max(2, int(gw * 0.04))
    mask = np.ones((gh, gw), np.uint8)
    for cx, cy in ((0, 0), (gw - 1, 0), (0, gh - 1), (gw - 1, gh - 1)):
        tri = np.array([[cx, cy], [abs(cx - cut), cy], [cx, abs(cy - cut)]], np.int32)
        cv2.fillPoly(mask, [tri], 0)
    cloth = (_field(rng, w, h, max(4, w // 10)) * 30 + 12).astype(np.float32)
    folds = np.abs(
        np.sin(_grid(h, w)[1] / max(3.0, 14 * s) + _field(rng, w, h, max(4, w // 6)) * 6)
    )
    out = np.repeat((cloth * (0.6 + 0.4 * folds))[:, :, None], 3, axis=2)
    x0, y0 = (w - gw) // 2 + int(rng.integers(-max(1, w // 30), max(2, w // 30))), (h - gh) // 2
    m3 = mask[:, :, None].astype(np.float32)
    out[y0 : y0 + gh, x0 : x0 + gw] = out[y0 : y0 + gh, x0 : x0 + gw] * (1 - m3) + f * m3
    return _noise(_u8(out), rng, 3.0)


def photo_cube(img: U8, rng: Rng) -> U8:
    """The picture as one of the prints in a clear acrylic photo cube on a shelf,
    photographed from above one corner: the print on the face towards the camera (in
    a third on the side face; a square from its middle, the face 45-58 % of the frame's
    height), made-up landscapes or plain prints on the others, the side face darker and
    the top lighter, bright acrylic edges, a soft shadow, the wall and the shelf."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _grained(
        rng, w, h, _pick(rng, [(225, 222, 215), (205, 210, 215), (170, 160, 150)]), 2.0
    ).astype(np.float32)
    shelf = int(h * float(rng.uniform(0.55, 0.68)))
    out[shelf:] = _wood(rng, w, h - shelf, _wood_tone(rng), 6).astype(np.float32)
    side = h * float(rng.uniform(0.45, 0.58))
    x0 = w * float(rng.uniform(0.22, 0.4))
    y0 = shelf + h * 0.12 - side
    dx, dy = side * float(rng.uniform(0.35, 0.5)), side * float(rng.uniform(0.22, 0.32))
    tl, tr = np.array([x0, y0]), np.array([x0 + side, y0 + side * 0.03])
    br, bl = np.array([x0 + side, y0 + side]), np.array([x0, y0 + side * 0.97])
    back = np.array([dx, -dy])
    front_q = np.array([tl, tr, br, bl], np.float32)
    side_q = np.array([tr, tr + back, br + back, br], np.float32)
    top_q = np.array([tl + back, tr + back, tr, tl], np.float32)
    shadow = np.zeros((h, w), np.float32)
    cv2.fillPoly(
        shadow,
        [np.array([bl, br, br + back, bl + back], np.int32) + np.array([int(side * 0.08), 0])],
        1.0,
    )
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 6 * s)), np.float32)
    out *= (1 - 0.35 * shadow)[:, :, None]
    n = max(16, int(side))

    def other() -> U8:
        if rng.random() < 0.6:
            return _landscape(rng, n, n)
        return _grained(rng, n, n, _c(rng, 60, 240), 2.0)

    pic = _fit(img, n, n)
    on_side = rng.random() < 1 / 3
    _warp_onto(out, other() if on_side else pic, front_q, 1.0)
    _warp_onto(out, pic if on_side else other(), side_q, 0.72)
    _warp_onto(out, other(), top_q, 1.12)
    glare = np.zeros((h, w), np.float32)
    cv2.line(
        glare,
        tuple(int(v) for v in tl + (br - tl) * 0.15),
        tuple(int(v) for v in tl + (br - tl) * 0.45),
        1.0,
        max(2, int(10 * s)),
    )
    out += cv2.GaussianBlur(glare, (0, 0), max(1.0, 6 * s))[:, :, None] * float(rng.uniform(30, 60))
    edge = (250, 250, 250)
    for q in (front_q, side_q, top_q):
        cv2.polylines(out, [q.astype(np.int32)], True, edge, max(1, int(2 * s)), cv2.LINE_AA)
    return _noise(_u8(out), rng, 2.0)


def floor_decal(img: U8, rng: Rng) -> U8:
    """The picture printed as a floor graphic (a laminated vinyl decal with a white edge)
    in a shop or a station, photographed standing at its near edge: the far edge 35-50 %
    as wide as the near one, high in the frame, the decal turned up to 8 degrees, the
    tiled floor round it in the same perspective, grey scuffs and worn patches from
    trolleys and shoes, a shine down it."""
    h, w = img.shape[:2]
    s = _scale(w)
    cw, ch = 2 * w, 2 * h
    tile = _pick(rng, [(200, 198, 190), (150, 150, 150), (225, 220, 205), (120, 110, 100)])
    canvas = _tiles(
        rng, cw, ch, max(6, int(cw / float(rng.uniform(8, 14)))), tile, _shade(tile, 0.85)
    ).astype(np.float32)
    x0, y0 = w // 2, h // 2
    edge = max(2, int(w * 0.02))
    canvas[y0 - edge : y0 + h + edge, x0 - edge : x0 + w + edge] = 245
    canvas[y0 : y0 + h, x0 : x0 + w] = img.astype(np.float32) * 0.95
    marks = np.zeros((ch, cw), np.float32)
    for _ in range(int(rng.integers(8, 20))):
        p = (int(rng.integers(x0 - w // 4, x0 + w + w // 4)), int(rng.integers(y0, y0 + h)))
        q = (p[0] + int(rng.integers(-w // 4, w // 4)), p[1] + int(rng.integers(-h // 10, h // 10)))
        alpha = float(rng.uniform(0.15, 0.4))
        if rng.random() < 0.5:
            cv2.line(marks, p, q, alpha, max(1, int(float(rng.uniform(2, 8)) * s)))
        else:
            axes = (max(2, int(14 * s)), max(3, int(34 * s)))
            cv2.ellipse(marks, p, axes, float(rng.uniform(-30, 30)), 0.0, 360.0, alpha, -1)
    marks = cv2.GaussianBlur(marks, (0, 0), max(1.0, 3 * s))[:, :, None]
    canvas = canvas * (1 - marks) + 95 * marks
    near = w * float(rng.uniform(0.95, 1.2))
    far = near * float(rng.uniform(0.35, 0.5))
    yf, yn = h * float(rng.uniform(0.12, 0.28)), h * float(rng.uniform(0.92, 1.02))
    mid = w / 2 + w * float(rng.uniform(-0.08, 0.08))
    dst = np.array(
        [[mid - far / 2, yf], [mid + far / 2, yf], [mid + near / 2, yn], [mid - near / 2, yn]],
        np.float64,
    )
    ang = np.radians(float(rng.uniform(-8, 8)))
    c = dst.mean(axis=0)
    rot = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]])
    dst = (dst - c) @ rot.T + c
    src = np.array([[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h]], np.float32)
    mat = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    wall = _pick(rng, [(200, 200, 196), (150, 160, 170), (90, 90, 95)])
    out = cv2.warpPerspective(
        canvas,
        mat,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=wall,
    )
    gy, gx = _grid(h, w)
    shine = np.exp(-(((gx - mid) / w) ** 2) / (2 * float(rng.uniform(0.05, 0.12)) ** 2)) * np.clip(
        1 - gy / h, 0, 1
    )
    out = out + shine[:, :, None] * float(rng.uniform(25, 55))
    return _noise(_u8(out), rng, 2.5)


def views_v28(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v28's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["sstv"] = _jpeg(sstv(shot(0.3, 8), rng), 85)
    out["safelight"] = _jpeg(safelight(shot(0.3, 8), rng), 85)
    out["qrcode"] = _jpeg(qr_code(shot(0.3, 8), rng), 88)
    out["livestream"] = _png(livestream(shot(0.3, 8), rng))
    out["dualmonitor"] = _jpeg(dual_monitor(shot(0.4, 12), rng), 85)
    out["pageturn"] = _jpeg(page_turn(shot(0.4, 12), rng), 88)
    out["popart"] = _jpeg(pop_art(shot(0.4, 12), rng), 88)
    out["carousel"] = _jpeg(carousel(shot(0.4, 12), rng), 85)
    out["captcha"] = _png(captcha(shot(0.4, 12), rng))
    out["groundglass"] = _jpeg(ground_glass(shot(0.4, 12), rng), 85)
    out["photocube"] = _jpeg(photo_cube(shot(0.4, 12), rng), 85)
    out["floordecal"] = _jpeg(floor_decal(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v28", room=room_v28, views=views_v28)


def main() -> None:
    dry_run("v28", make_pictures, place_kind)


if __name__ == "__main__":
    main()

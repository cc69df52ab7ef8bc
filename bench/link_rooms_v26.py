"""Generator v26 of ``bench/link.py``: benign places (wheelwrights' shops, colliery lamp
rooms, weather observing offices, perfumers' laboratories, paper marblers' workshops,
gliding clubs' hangars, oast house stowages, geological core stores) as a desktop
wallpaper, a raw frame with its chroma planes swapped, a security camera with a cobweb on
its lens, a profile's cover photo, a damaged JPEG, a content-aware scale, a magic
eraser, a liquify tool, a generative expand, a shop-analytics heat map, a raw dump read
with the wrong row length and a print pulled from a fire show them, held out.

Written blind, like v6-v25: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml``, ``bench/link_rooms_v25.py``
whole (for the interface, the truth format, the place model and the primitives imported
below) and ``tests/bench/test_link_rooms_v25.py`` whole (for the shape of the tests) and,
in ``bench/link.py``, only the generator plumbing: a grep for ``v25`` and the lines round
each hit (the imports at 76-88, ``GENERATORS`` at 640-660, the ``views_*`` dict of
``make_collection`` at 700-725 and the ``--generator`` argument at 1335-1362). Of
``bench/link_rooms_v6.py``-``v24.py`` only the first paragraphs of their docstrings, their
``KINDS`` tuples, ``GROUPS`` dicts, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by
importing the modules, v6-v25, with every ``is_distractor`` called on seeds 0-199 to see
their slots), the paragraphs of v16's-v25's docstrings holding "Written blind",
"considered" or "dropped" (printed by importing the modules) and the lines a grep found
for words v26 considered were read (one line a hit, no more). For kinds and groups:
wheelwright, wheel, lamp room, colliery, miner, weather, barograph, perfum, marbl,
glider, hangar, oast, hop, core store, core tray, core sample, drill core, copier, print
room, loading, dock, container, box park, spoke. For views: desktop, wallpaper, taskbar,
icons, avatar, profile, cover photo, banner, corrupt, stride, shear, yuv, chroma, swap,
seam, retarget, liquid, liquif, warp tool, inpaint, eras, object remov, outpaint,
generative, expand, uncrop, heatmap, heat map, dwell, scorch, burn, char, fire, cobweb,
spider, web, light leak, leak, twirl, swirl, torch, flashlight, powercut. None of v26's
kinds, groups or views is a kind, group or view of v6-v25 (the tests check the names
against the ``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v25's modules). Most hits
were other senses: "wheel" bicycles', clocks' and mills' wheels, "lamp room" the
lighthouse's lantern v24 considered (v26's is a colliery's cap-lamp store), "marble"
v18's tiles and v22's cheese board, "hangar" what v18's departure lounge looks out on,
"copier" v17's print shop's copiers (a thing; v26's group is a room of an office block),
"loading" front-loading washers, "container" a thing in v16, "desktop" v20's
``midscroll`` (a social feed in a desktop browser; ``desktop`` is the picture as the
wallpaper under icons and a window), "avatar" the round avatars of v11's ``story`` and
v12's ``chat`` (``coverphoto`` is a band of the picture across a profile's top, with the
picture's middle as the avatar), "scorch"/"burn" v21's ``pyrography`` (burnt into wood;
``scorched`` is a print eaten by fire), "banner" v17's roll-up banners. Ideas were
dropped because an older generator had them or something close. Of the kinds the brief
offered: a fire station's appliance bay (v17's fire station), a beekeeper's extracting
room (v23's honey house), a taxidermist's workroom (animals' figures), a harp maker's
(v22 dropped a violin maker's, v16's music shop), a boat builder's loft (v16's
boathouse, v23 dropped a sailmaker's loft), a wine cellar (v22's wine merchant, v24
dropped a cooperage), a fencing salle (v23 dropped fencing: weapons), a fishmonger's
counter (animals), a kiln room (v23 dropped a pottery kiln room), a planetarium's
projector room (v23's observatory, v17's cinema auditorium), a signal box (v24), a seed
bank's store (v25's herbarium, v24's archive strongroom); also an upholsterer (v21
dropped one), an organ builder (v24 dropped one), a perfumer was kept (v23's soap and
candle workshops make things, a perfumer's organ is its own). Of the groups the brief
offered: a multi-storey car park's levels (v12's car parks), a ferry's cabins (v13's
sleeper cabins; v22 and v23 dropped ferry cabins), a call centre's desks (v13's office
pods, v24's study carrels), a school's classrooms (v7's classrooms, v15's prefab
classrooms), a stadium's turnstiles (v20's stadium boxes, v24 dropped toll booths), a
ward's bed bays (v14's hospital side rooms), a marina's berths (v11's boat, v16's
boathouse); also market stalls (v19 dropped them), lock-up garages (v23 dropped them,
v16's storage units), a cable car's cabins (v23 dropped them), photo booths (v24 dropped
them). Of the views the brief offered every one was taken: a colour negative (v17's
``negative``), thermal false colour (v17's ``thermal``), an e-ink reader (v19's
``eink``), a smartwatch (v19's ``watchface``), a framed photo re-photographed (v7's
``frame``, v25's ``canvasprint``), an anaglyph (v17), a lenticular or ribbed print (v20's
``lenticular``, v24's ``reededglass``), a chain-link fence (v18's ``grille``; v23
dropped a fence), a CCTV quad split (v16's ``quadsplit``), JPEG re-saves with a
watermark (v10's ``resaved``, v14's ``watermark``), low-light smearing (v9's
``lowlight``, v12's ``nightmode``), vignette and lens dust (v23's ``lenshood`` and
``sensordust``), stickers (v8's ``stickers``), a panorama with ghosting (v10's and v14's
``panorama``); also a light leak (v13's ``toycam``, v16's ``expiredfilm``), a torch in
the dark (v16's ``powercut``), interlaced video (v22 dropped it), a stereo card (v19 and
v21 dropped stereo pairs), a double exposure (v21 dropped it), duotone and chromatic
fringes (v24 dropped them), a wall calendar (v21 dropped it), a hex viewer's preview
pane (v18's ``editor``: a picture inside an app's frame). The nearest kept:
``corruptjpeg`` damages a file like v18's ``truncated`` (which greys the missing end;
here the picture goes on, slipped and tinted); ``wrongstride`` slants the picture like
v14's ``jello`` (a rolling shutter's sway), but as a steady wrap of rows with colours
rotated; ``seamcarved`` narrows the picture unevenly, unlike v13's ``squashed`` (even)
and with v15's ``pillarbox`` fill at the sides; ``outpainted`` makes up surroundings,
where ``pillarbox`` only blurs a copy; ``liquify`` warps in patches, unlike v19's
``kaleidoscope`` and v24's ``pincushion`` (the whole frame); ``objectremoved`` paints out
things like v14's ``redacted`` hides them, but by inpainting, not by marks; ``dwellmap``
colours over a grey shot, unlike v17's ``thermal`` (which replaces it); ``uvswap`` trades
hues like v11's ``graded`` tints them, but by a decoder's mistake that keeps brightness;
``cobweb`` hides part of the shot with soft pale threads, like v23's ``sensordust`` (soft
spots) and v13's ``finger``; a lamp room and a core store are long rooms of racking like
v24's archive strongroom and v17's hardware store; a container shop is let to a trader
like v25's railway arch units (it is a steel box, 2.3-2.4 m wide, with a glazed front).
No signature or source of an older primitive was read: they are called as v25 calls
them. The worktree's ``.venv`` is a link to a ready virtualenv; nothing was installed.
Sheets of the originals of two places of each kind and group and of three places' twelve
views at 320x240 were looked at (after which a cobweb's spokes were spread round its
hub, a fire's edge made smoother and its blisters kept near the burn, a wrong stride
kept to 1-2 pixels a row and a loading bay's pallets moved to its sides), and
``room_v26`` and ``views_v26`` were timed. ``mypy`` (as configured, on ``src``, and on
v26 and its tests) and ``ruff`` were run; ``bench/link.py`` was never run, not even
``--help``. Nothing of the linker's code, tests, docs or results was read, and neither
the linker nor ``bench.link`` was ever run on these pictures: keep it for after v25's
held-out run, then use it once, for a held-out figure: ``python -m bench.link --name
link-v26-heldout --generator v26 --no-real --size 400x300 --rooms 315 --workers 2
--skip-costs``. v9's projective renderer, v6's picture writer and dry run, v13's place
model (surfaces, boxes, walls, floor plans, furniture pieces, windows, wall things,
lighting), v14's belongings and small helpers, v15's doors and sky, v16's colour ramp and
aiming, v17's building state, clearance test, shell planes, grained paint and off-square
warp, v18's colour picker, v19's small helpers, v20's builder state with the kinds' model
generator, its place model (made v26's by a subclass with v26's kinds and day seeds), its
loose things of a day and small helpers, v21's chalkboards, poles and wall spots, v22's
shelving, grid and percentile stretch, v23's standing boxes and brick walls, v24's paint,
panels, dials, concrete, boards and wall openings, and small drawing primitives of
v10-v12 are imported; v25's place builder, cameras, moves and print place are copied with
v26's kinds, seeds and shares; the kinds of place, their builders, the kinds'
mass-produced things, the look-alikes, the cameras' settings and every view are v26's
own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v26 --rooms 12 --size 400x300
--out /tmp/v26``.

**What a place is.** As v25's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, wheels, spoke racks, tally boards, dials, weather charts,
marbled sheets, combs, notices, doors) and furniture and fittings as 3-D boxes. Loose
things (v20's) change from day to day. Two pictures show the same place exactly when
they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_700_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([1_708_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *wheelwright's shop*: the tyring platform, the hub-boring machine;
- *colliery lamp room*: the cap-lamp charging rack (two to six), the issue counter;
- *weather observing office*: the barograph, the teleprinter;
- *perfumer's laboratory*: the perfumer's organ, the balance;
- *paper marbler's workshop*: the marbling trough, the drying frame (one or two);
- *glider hangar*: the glider (fuselage, wings, tailplane; two to four), the wing dolly;
- *oast house stowage*: the hop press, the hop pocket (many);
- *core store*: the core racking (many), the core saw.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (sizes width x height x depth in m): a *wheelwright's shop* (6-9 x
3.2-4 x 6-10: brick or boards, shavings on earth or boards; a wheel in work on a stool,
wheels hung on a wall, spokes in a rack, hub blocks, a bench, a tool board, a window, a
door), a *colliery lamp room* (5-8 x 2.8-3.4 x 5-8: paint over white tiles, concrete;
racks along the back and a side, the counter on the other, a tally board of brass
checks, self-rescuers on shelves, a bench, a clock, high windows), a *weather observing
office* (3.5-5 x 2.6-3 x 3.5-5: paint, lino, a tiled ceiling; a window onto the
instrument enclosure, a desk with the barograph and the log, a panel of wind dials, a
weather chart of a made-up coast, notices, a cabinet, a clock), a *perfumer's
laboratory* (3.5-5.5 x 2.6-3.1 x 4-6: pale paint, lino or tiles; the organ against a
side wall, a bench with the balance and bottles, a fridge, shelves of brown bottles, a
window with a blind), a *paper marbler's workshop* (4-6.5 x 2.8-3.4 x 4-7: paint, boards
or concrete; the trough with a sheet on its size, drying frames, marbled sheets pegged
on a line, a bench of colour pots, combs hung up), a *glider hangar* (16-24 x 5-7 x
18-26: steel cladding, concrete, roof lights; gliders parked with wings at two heights,
a closed trailer, a bench, tyres, sliding doors, high windows), an *oast house stowage*
(6-10 x 3.5-4.5 x 8-14: brick or whitewash, boards; the press, rows of pockets, a
platform scale, the dark doorway to the kiln, a chalkboard, shovels, windows), a *core
store* (8-14 x 4-5.5 x 10-16: blocks or cladding, concrete; racking along both sides and
across the back, the saw, logging tables with trays of split core, pallets of trays,
strip lights, a roller door); and, as look-alikes only, an *office copier room* (2.4-3 x
2.5-2.7 x 2.4-3), a *distribution centre loading bay* (4-5 x 4-5 x 6-8) and a *box park
container shop* (2.3-2.4 x 2.3-2.4 x 5.8-6). No person or animal is drawn anywhere, nor
any figure of one.

**Views (none of their names used in v6-v25), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3 in a copier room, x0.5 in a
container shop, x0.6 in a weather office, x0.7 in a perfumer's lab; up to 0.08 m in
height), turned up to 12 degrees and tilted up to 4 (the first of 8 moves that leaves it
0.15 m clear of every thing, else not moved), with sensor noise (sigma 2). The four easy
views start from a shot moved up to 0.3 m and turned up to 8 degrees, every other from
a shot moved up to 0.4 m and turned up to 12. Difficulty as meant, not measured:

- ``desktop`` (easy): a computer's desktop screenshot: the shot as wallpaper (cropped
  0-6 %), 5-10 icons down the left, a taskbar (6-8 %), a file window over 16-30 % of the
  screen. PNG.
- ``uvswap`` (easy): a raw video frame decoded with U and V swapped: luma kept, chroma at
  half size and traded (blue for orange, red for cyan), soft. JPEG 88.
- ``cobweb`` (easy): a security camera with a cobweb on its lens: 7-12 spokes round a hub
  in the upper left or right and 8-16 rings, out of focus (2-4 px at 400), pale
  (+70-130); x0.93 +12; a date stamp. JPEG 85.
- ``coverphoto`` (easy to medium): a profile page: a band of the shot (80-100 % of its
  width) over the top 45-55 %, the shot's middle as a round avatar, a name, a button,
  tabs and lines of posts; light or dark. JPEG 88.
- ``corruptjpeg`` (medium): a damaged JPEG: from a block 30-75 % through, the blocks slip
  1-8 places back (wrapping along the rows) and their colour is offset (luma +-15-40,
  chroma +-15-35), a second smaller fault in half, grey blocks at the end. JPEG 80.
- ``seamcarved`` (medium): a content-aware scale: 18-28 % of the width taken out in seams
  of least detail (found at half size), the narrowed shot centred on its own blurred,
  darkened copy. JPEG 85.
- ``objectremoved`` (medium): a magic eraser: two to four of the busiest spots (blobs
  7-14 % of the width) inpainted and a little smeared. JPEG 88.
- ``liquify`` (medium): three to six liquify strokes (a push up to 35 % of the radius, a
  twist of 15-35 degrees or a bulge or pinch of 20-40 %) over patches 12-25 % of the
  width across. JPEG 88.
- ``outpainted`` (medium to hard): a generative expand cut back to the frame: the shot at
  60-74 %, off centre, its edges mirrored outwards and smoothed with distance, with a
  mottle (+-14) and a colour shift (+-12), a faint seam. JPEG 85.
- ``dwellmap`` (hard): a shop-analytics heat map: the shot in grey at 55-70 %, four to
  nine warm blobs mostly low in the frame (blue to red, 40-60 % opaque), a legend bar
  and a header with the camera's name. JPEG 85.
- ``wrongstride`` (hard): a raw dump read with rows 1 pixel (2 in a third; x the width /
  400) too long or short, so the picture slants and wraps round; read a byte or two in
  (colours rotated) in half. PNG.
- ``scorched`` (very hard): a print pulled from a fire, on a bench: a white border,
  yellowed; burnt away from one or two edges (15-35 % deep, a smooth ragged line), a
  black rim (3-7 px at 400), a brown scorch (12-30 px), blisters near the burn; 80-90 %
  of the frame, off square by up to 2 %. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in a copier room, much in a container shop, between in a loading bay.

- *Copier rooms of one office block*, one a floor (4 %: ``seed % 50`` in {4, 5}, kind
  ``office copier room``; template ``1_701_000_000 + seed // 50``; so seeds 4, 5, 54, 55,
  104, ...): the size, the paint, the carpet tiles and ceiling, the copier, the shredder,
  the bin, the shelves of paper, the notice board and its old notices, the door. The
  floor's own (little): one to three notices pinned over the board, a sticky note, one
  to three papers on the copier and the belongings (each wall differs from a sibling's in
  under 5 % of its texels). The camera stands in the doorway (0.3-0.5 m in) looking at
  the copier.
- *Loading bays of one distribution centre* (3 %: ``seed % 100`` in {1, 2, 3}, kind
  ``distribution centre loading bay``; template ``1_702_000_000 + seed // 100``; seeds 1-3,
  101-103, ...): the size, the cladding, the dock door with its shelter, bumpers and
  leveller, the control box, the floor, the roof and its lights. The bay's own (between):
  the strip of back wall beside the door (the carrier's band, notices, scuffs), the bay's
  number over the door, two to five pallets of goods and a roll cage at the sides. The
  camera stands 0.5-1.2 m in looking at the door.
- *Container shops of one box park* (3 %: ``seed % 100`` in {50, 51, 56}, kind ``box park
  container shop``; template ``1_703_000_000 + seed // 100``; seeds 50, 51, 56, 150, ...):
  the size, the corrugated steel, the ply floor, the glazed front, the spotlights. The
  trader's own (much): the lining of both side walls up to 1.5-1.9 m over 55-85 % of
  their length (paint or boards, shelving, a poster), the sign on the back wall, a
  counter and two to four crates or racks. The camera stands 0.4-0.8 m in looking along.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (4, 5) or seed % 100 in (1, 2,
3, 50, 51, 56)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (copier rooms) or ``seed // 100`` (loading bays, container
shops). No slot is one of v10-v25's (the tests check against every older
``is_distractor`` on seeds 0-999), and every group has members in the first 60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original``, ``desktop`` and
``wrongstride`` (PNG) and ``uvswap``, ``cobweb``, ``coverphoto``, ``corruptjpeg``,
``seamcarved``, ``objectremoved``, ``liquify``, ``outpainted``, ``dwellmap``,
``scorched`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (2 copier rooms in every 50 seeds, 3
loading bays and 3 container shops in every 100); the other seeds draw their kind with
equal shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on
seeds 0-999 (``kind_counts``): copier rooms 40, loading bays 30, container shops 30; of
the other 900: weather observing office 131, core store 123, oast house stowage 115,
wheelwright's shop 114, perfumer's laboratory 111, paper marbler's workshop 110, glider
hangar 98, colliery lamp room 98. The first 60 seeds (a default ``--rooms 60`` run):
paper marbler's workshop 8, perfumer's laboratory 8, weather observing office 7, glider
hangar 7, oast house stowage 6, colliery lamp room 5, wheelwright's shop 5, core store 4,
copier rooms 4 (4, 5, 54, 55), loading bays 3 (1-3), container shops 3 (50, 51, 56):
every kind and group is in it. The held-out run's 315 seeds: weather observing office
44, paper marbler's workshop 39, core store 36, glider hangar 35, colliery lamp room 32,
wheelwright's shop 32, oast house stowage 32, perfumer's laboratory 30, copier rooms 14,
loading bays 12, container shops 9.

**Speed**: ``room_v26`` and ``views_v26`` of 22 places (two of each kind and group) at
400x300 took 0.56 s a place on average (0.41-0.78 s; 13 pictures), one core, on the
shared machine. Surfaces are drawn at 120 texels a metre, large ones coarser (at most
360,000 texels a surface).

**Seeds**: a place ``1_700_000_000 + seed``; office block ``1_701_000_000 + seed // 50``;
distribution centre ``1_702_000_000 + seed // 100``; box park ``1_703_000_000 + seed //
100``; a day's loose things ``1_704_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_705_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_706_000_000 + seed``; a kind's mass-produced things
``default_rng([1_708_000_000, k])``. None is a seed of v6-v25. Deterministic by seed.
Lettering is random syllables (digits for numbers); every coast on a chart is made up.
Pictures not made by ``room_v26`` (the real pictures of ``bench/link.py`` when run
without ``--no-real``) are hung as a print 2 m wide on the back wall of a generated
wheelwright's shop, colliery lamp room or core store (seeds from ``1_707_000_000``) and
seen the same ways.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import pairwise
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
from bench.link_rooms_v22 import _grid, _shelved
from bench.link_rooms_v23 import _standing, _walls_of
from bench.link_rooms_v24 import _boards, _concrete, _dial, _opening, _paint_of, _panelled

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_700_000_000
OFFICE_SEED = 1_701_000_000
DEPOT_SEED = 1_702_000_000
BOXPARK_SEED = 1_703_000_000
DAY_SEED = 1_704_000_000
VIEW_SEED = 1_705_000_000
SENSOR_SEED = 1_706_000_000
PRINT_SEED = 1_707_000_000
MODEL_SEED = 1_708_000_000
COPY_EVERY, COPY_SLOTS = 50, (4, 5)
DOCK_EVERY, DOCK_SLOTS = 100, (1, 2, 3)
BOX_EVERY, BOX_SLOTS = 100, (50, 51, 56)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("wheelwright's shop", 1 / 8),
    ("colliery lamp room", 1 / 8),
    ("weather observing office", 1 / 8),
    ("perfumer's laboratory", 1 / 8),
    ("paper marbler's workshop", 1 / 8),
    ("glider hangar", 1 / 8),
    ("oast house stowage", 1 / 8),
    ("core store", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "office copier room": "copyroom",
    "distribution centre loading bay": "loadingbay",
    "box park container shop": "boxpark",
}
VIEW_KINDS = (
    "desktop",
    "uvswap",
    "cobweb",
    "coverphoto",
    "corruptjpeg",
    "seamcarved",
    "objectremoved",
    "liquify",
    "outpainted",
    "dwellmap",
    "wrongstride",
    "scorched",
)
PNG_VIEWS = ("desktop", "wrongstride")  # a screenshot and a raw dump, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "wheelwright's shop": ((6.0, 9.0), (3.2, 4.0), (6.0, 10.0)),
    "colliery lamp room": ((5.0, 8.0), (2.8, 3.4), (5.0, 8.0)),
    "weather observing office": ((3.5, 5.0), (2.6, 3.0), (3.5, 5.0)),
    "perfumer's laboratory": ((3.5, 5.5), (2.6, 3.1), (4.0, 6.0)),
    "paper marbler's workshop": ((4.0, 6.5), (2.8, 3.4), (4.0, 7.0)),
    "glider hangar": ((16.0, 24.0), (5.0, 7.0), (18.0, 26.0)),
    "oast house stowage": ((6.0, 10.0), (3.5, 4.5), (8.0, 14.0)),
    "core store": ((8.0, 14.0), (4.0, 5.5), (10.0, 16.0)),
    "copyroom": ((2.4, 3.0), (2.5, 2.7), (2.4, 3.0)),
    "loadingbay": ((4.0, 5.0), (4.0, 5.0), (6.0, 8.0)),
    "boxpark": ((2.3, 2.4), (2.3, 2.4), (5.8, 6.0)),
}
SMALL = {  # shares of a move in small places
    "copyroom": 0.3,
    "boxpark": 0.5,
    "weather observing office": 0.6,
    "perfumer's laboratory": 0.7,
}
PRINT_KINDS = ("wheelwright's shop", "colliery lamp room", "core store")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_copier_room(seed: int) -> bool:
    return seed % COPY_EVERY in COPY_SLOTS


def is_loading_bay(seed: int) -> bool:
    return seed % DOCK_EVERY in DOCK_SLOTS


def is_container_shop(seed: int) -> bool:
    return seed % BOX_EVERY in BOX_SLOTS


def is_distractor(seed: int) -> bool:
    return is_copier_room(seed) or is_loading_bay(seed) or is_container_shop(seed)


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
    if is_copier_room(seed):
        return "office copier room"
    if is_loading_bay(seed):
        return "distribution centre loading bay"
    if is_container_shop(seed):
        return "box park container shop"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_copier_room(seed):
        return np.random.default_rng(OFFICE_SEED + seed // COPY_EVERY)
    if is_loading_bay(seed):
        return np.random.default_rng(DEPOT_SEED + seed // DOCK_EVERY)
    if is_container_shop(seed):
        return np.random.default_rng(BOXPARK_SEED + seed // BOX_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------

WALLS = ("back", "left", "right", "front")


def _paper(rng: Rng, w: int, h: int, ink: Colour, lines: int, tint: Colour = (242, 240, 232)) -> U8:
    """A sheet of paper with ``lines`` ruled or printed lines of uneven length."""
    img = _grained(rng, max(4, w), max(4, h), tint, 1.2)
    step = max(2, img.shape[0] // (lines + 1))
    for k in range(1, lines + 1):
        x1 = int(rng.integers(img.shape[1] // 3, max(img.shape[1] // 3 + 1, img.shape[1] - 1)))
        cv2.line(img, (1, k * step), (x1, k * step), ink, 1)
    return img


def _notices(rng: Rng, w: int, h: int, board: Colour) -> U8:
    """A board with two to five sheets pinned on it."""
    img = _grained(rng, max(6, w), max(6, h), board, 3.0)
    ih, iw = img.shape[:2]
    for _ in range(int(rng.integers(2, 6))):
        sw, sh = max(3, int(iw * rng.uniform(0.18, 0.32))), max(4, int(ih * rng.uniform(0.35, 0.6)))
        sheet = _paper(rng, sw, sh, _pick(rng, [(30, 30, 30), (160, 30, 30), (30, 60, 140)]), 4)
        _paste(
            img, sheet, int(rng.integers(0, max(1, iw - sw))), int(rng.integers(0, max(1, ih - sh)))
        )
    return img


def _wheel(rng: Rng, s: int, rim: Colour, ground: Colour) -> U8:
    """A cartwheel face-on: an iron tyre on a wooden rim, a hub and 10-14 spokes."""
    img = _grained(rng, s, s, ground, 2.0)
    c = s // 2
    wood = _between(rng, (120, 80, 45), (175, 130, 80))
    n = int(rng.integers(10, 15))
    for k in range(n):
        a = 2 * np.pi * k / n + float(rng.uniform(0, 0.05))
        p = (int(c + (c - 3) * np.cos(a)), int(c + (c - 3) * np.sin(a)))
        cv2.line(img, (c, c), p, wood, max(1, s // 40))
    cv2.circle(img, (c, c), c - 2, wood, max(2, s // 14))
    cv2.circle(img, (c, c), c - 1, rim, max(1, s // 40))
    cv2.circle(img, (c, c), max(2, s // 10), _shade(wood, 0.8), -1)
    cv2.circle(img, (c, c), max(1, s // 30), (40, 40, 42), -1)
    return img


def _swirls(rng: Rng, w: int, h: int) -> U8:
    """A marbled pattern: bands of three to five colours combed and swirled."""
    cols = np.array([_c(rng, 30, 245) for _ in range(int(rng.integers(3, 6)))], np.float32)
    yy, xx = _grid(h, w)
    warp = _field(rng, w, h, max(3, w // 5)) * float(rng.uniform(6, 14))
    comb = np.sin(xx / max(1.0, w / float(rng.uniform(6, 14)))) * float(rng.uniform(0.5, 2.0))
    t = (yy / max(1.0, h / float(rng.uniform(4, 9))) + warp + comb) % len(cols)
    img = cols[t.astype(int) % len(cols)]
    return _u8(cv2.GaussianBlur(img, (0, 0), 0.6) + rng.normal(0, 2, img.shape))


def _rock(rng: Rng, w: int, h: int) -> U8:
    """Drill core laid in a tray: rows of rock of its own colours, broken here and there."""
    img = _grained(rng, w, h, (60, 55, 50), 2.0)
    rows = max(2, int(rng.integers(3, 6)))
    rh = max(2, h // rows)
    for k in range(rows):
        x = 0
        while x < w:
            seg = int(rng.integers(max(2, w // 10), max(3, w // 3)))
            col = _between(rng, (80, 75, 70), (200, 190, 170))
            img[k * rh + 1 : (k + 1) * rh - 1, x : x + seg - 1] = col
            x += seg
    return _u8(img.astype(np.float32) + rng.normal(0, 6, img.shape))


def _synoptic(rng: Rng, w: int, h: int) -> U8:
    """A weather chart: a coastline of a made-up land, curved isobars, fronts' marks."""
    img = _grained(rng, w, h, (240, 238, 228), 1.0)
    land = _field(rng, w, h, max(3, w // 4)) > 0.55
    img[land] = (215, 225, 200)
    for _ in range(int(rng.integers(2, 4))):
        cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h))
        for r_ in range(max(3, w // 12), w, max(3, w // 10)):
            cv2.ellipse(
                img,
                (cx, cy),
                (r_, int(r_ * rng.uniform(0.5, 0.9))),
                float(rng.uniform(0, 180)),
                0,
                360,
                (60, 60, 70),
                1,
            )
    x0 = int(rng.integers(0, w))
    for y in range(0, h, max(3, h // 8)):
        cv2.circle(img, (x0 + y // 3, y), max(1, w // 60), (200, 40, 40), -1)
    return img


# --- v26's own surfaces and things, every one drawn from the rng it is given --------------------

# wheelwright's shop


def _tyring_plate(m: Rng) -> dict[str, U8]:
    """The kind's tyring platform: a round cast-iron plate set in the floor, with a
    centre boss and clamp slots, on a low iron rim."""
    iron = _pick(m, [(58, 56, 54), (72, 66, 60)])
    top = _grained(m, 48, 48, (90, 84, 76), 2.0)
    cv2.circle(top, (24, 24), 22, iron, -1)
    cv2.circle(top, (24, 24), 4, _shade(iron, 0.6), -1)
    for a in np.linspace(0, 2 * np.pi, 6, endpoint=False):
        p = (int(24 + 15 * np.cos(a)), int(24 + 15 * np.sin(a)))
        cv2.circle(top, p, 2, (30, 30, 30), -1)
    side = _grained(m, 48, 8, iron, 2.0)
    return {"front": side, "side": side, "top": top}


def _boring_machine(m: Rng) -> dict[str, U8]:
    """The kind's hub-boring machine: a tall cast column with a hand wheel, a boring bar
    and a clamp table."""
    paint = _pick(m, [(50, 70, 60), (70, 60, 50), (40, 50, 70)])
    front = _grained(m, 24, 64, paint, 2.0)
    cv2.circle(front, (12, 12), 8, (40, 40, 40), 1)
    cv2.line(front, (12, 20), (12, 44), (200, 200, 205), 2)
    cv2.rectangle(front, (3, 44), (20, 50), _shade(paint, 0.7), -1)
    return {"front": front, "side": _grained(m, 24, 64, paint, 2.0), "top": front[:24]}


def _build_wheelwright(b: _Build17) -> None:
    """A wheelwright's shop: brick (50 %) or boarded walls, an earth-and-shavings or boarded
    floor, a boarded roof; the kind's tyring platform and hub-boring machine, a wheel in
    work on a low stool, finished wheels hung on one wall, spokes in a rack, stacks of
    felloes, hub blocks, a bench with a tool board, a window, big double doors."""
    r, m = b.fix, _mass_produced(b)
    plate, borer = _tyring_plate(m), _boring_machine(m)
    if r.random() < 0.5:
        wall_c = _between(r, (130, 75, 55), (190, 140, 110))
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        wall_c = _between(r, (110, 85, 60), (175, 145, 105))
        for name in WALLS:
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, wall_c, max(3, round(0.22 * res))))

    def shavings(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (95, 80, 65), (140, 120, 95)), 7.0)
        curls = _field(g, w, h, max(4, w // 8)) > 0.6
        img[curls] = _between(g, (200, 170, 120), (230, 205, 160))
        return img

    b.floor(shavings if r.random() < 0.6 else _planks)
    b.ceiling(_boards(_between(r, (100, 75, 50), (160, 130, 95))))
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 1.2, b.w, 2.4)  # the camera's end kept clear
    spot = fl.middle(r, 1.8, 1.8)
    if spot:
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 1.6, 1.6, 0.1, 0.0, _faces(plate, "front")))
    spot = fl.against(r, 0.8, 0.8, ("left", "right", "back"))
    if spot:
        _standing(b, spot, 1.9, borer, True)
    spot = fl.middle(r, 1.4, 1.0) or fl.against(r, 1.4, 1.0, ("left", "right"))
    if spot:  # a wheel in work on its stool
        x, z, _w, _d, _f = spot
        stool = _wood(r, 32, 16, _wood_tone(r), 4)
        b.boxes.append(Box(x, z, 0.5, 0.5, 0.45, 0.0, _all_faces(stool)))
        size = float(r.uniform(1.1, 1.5))
        wheel = _wheel(r, 64, (50, 50, 52), (45, 40, 35))
        b.boxes.append(Box(x, z, size, 0.12, size, 0.45, _faces({"front": wheel}, "front")))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.7, 0.7, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _f = spot
            end = _grained(r, 16, 16, _between(r, (180, 150, 100), (220, 190, 140)), 3.0)
            for rad in (2, 4, 6):
                cv2.circle(end, (8, 8), rad, _shade((180, 150, 100), 0.8), 1)
            bark = _grained(r, 16, 16, _between(r, (70, 55, 40), (110, 90, 70)), 10.0)
            tex = {"front": end, "back": end, "left": bark, "right": bark, "top": end}
            b.boxes.append(Box(x, z, 0.45, 0.45, float(r.uniform(0.4, 0.9)), 0.0, tex))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    n = int(r.integers(2, 5))
    strip = _grained(r, wall.px(1.3 * n), wall.px(1.3), wall_c, 2.0)
    for k in range(n):
        s = wall.px(float(r.uniform(0.95, 1.25)))
        _paste(strip, _wheel(r, s, (45, 45, 48), wall_c), wall.px(1.3 * k), 0)
    wall.put(strip, 2.6, min(b.h - 0.2, 3.0))
    other = b.wall(_other(side))
    rack = _grained(r, other.px(1.6), other.px(1.0), wall_c, 2.0)
    rh, rw = rack.shape[:2]
    spoke = _between(r, (190, 160, 110), (225, 200, 150))
    for x in range(2, rw - 2, max(2, rw // 30)):
        cv2.line(rack, (x, 3), (x + int(r.integers(-1, 2)), rh - 2), spoke, max(1, rw // 80))
    cv2.line(rack, (0, rh // 3), (rw - 1, rh // 3), (60, 50, 40), max(1, rh // 30))
    other.put(rack, 1.6, 1.9)
    spot = fl.against(r, 2.0, 0.7, ("back", _other(side)))
    if spot:
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 3, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
    back = b.wall("back")
    tools = _grained(r, back.px(1.2), back.px(0.7), _lighter(wall_c, 1.1), 2.0)
    th, tw = tools.shape[:2]
    for k in range(int(r.integers(4, 9))):
        x = 3 + k * tw // 9
        cv2.line(tools, (x, 3), (x, int(th * r.uniform(0.4, 0.9))), (50, 45, 40), max(1, tw // 60))
    back.put(tools, 1.8, 2.0)
    _window(
        back,
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.5, max(0.6, b.w - 2.0))),
        1.1,
        1.4,
        1.1,
        _c(r, 30, 200),
    )
    _door(b.wall(side), r, _c(r, 30, 180))


# colliery lamp room


def _lamp_rack(m: Rng) -> dict[str, U8]:
    """The kind's cap-lamp charging rack: a steel frame of five shelves, each with a row
    of lamps in their chargers and a red or green light under each."""
    paint = _pick(m, [(60, 90, 70), (90, 95, 100), (130, 110, 60)])
    front = _grained(m, 48, 64, paint, 2.0)
    for row in range(5):
        y = 4 + row * 12
        cv2.line(front, (1, y + 9), (46, y + 9), _shade(paint, 0.6), 1)
        for x in range(3, 46, 5):
            cv2.rectangle(front, (x, y), (x + 3, y + 5), (30, 30, 32), -1)
            cv2.circle(front, (x + 1, y + 1), 1, (230, 220, 170), -1)
            front[y + 7, x + 1] = (40, 210, 60) if (x + row) % 3 else (220, 40, 40)
    return {"front": front, "side": _grained(m, 24, 64, paint, 2.0), "top": _steel(m, 48, 24, 140)}


def _issue_counter(m: Rng) -> dict[str, U8]:
    """The kind's lamp issue counter: a steel-topped counter with a pass hatch's sill, a
    row of check hooks along its front."""
    paint = _pick(m, [(110, 80, 50), (60, 70, 80)])
    front = _grained(m, 64, 24, paint, 2.0)
    for x in range(4, 62, 4):
        cv2.circle(front, (x, 5), 1, (190, 160, 70), -1)
    return {"front": front, "side": _grained(m, 24, 24, paint, 2.0), "top": _steel(m, 64, 24, 160)}


def _tally_board(rng: Rng, w: int, h: int) -> U8:
    """A lamp tally board: rows of numbered hooks, a brass check on most of them."""
    img = _grained(rng, w, h, _between(rng, (40, 50, 45), (70, 60, 50)), 2.0)
    rows, cols = max(3, h // 8), max(4, w // 8)
    for i in range(rows):
        for j in range(cols):
            x, y = int((j + 0.5) * w / cols), int((i + 0.5) * h / rows)
            if rng.random() < 0.75:
                cv2.circle(img, (x, y), max(1, min(w // cols, h // rows) // 3), (200, 165, 70), -1)
            else:
                img[y, x] = (220, 220, 220)
    return img


def _build_lamp_room(b: _Build17) -> None:
    """A colliery's lamp room, kept as it was: white glazed tiles to a dado under paint,
    concrete; the kind's charging racks (two to six) along the back and a side, the
    kind's issue counter along the other side, a tally board of brass checks, shelves of
    self-rescuers, a bench, notices, a clock, high windows, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, counter = _lamp_rack(m), _issue_counter(m)
    paint = _pick(r, [(225, 222, 205), (200, 215, 200), _c(r, 150, 235)])
    _paint_of(b, paint, 2.0)
    tile = _pick(r, [(235, 235, 228), (200, 220, 210), (230, 215, 180)])
    for name in WALLS:
        w_ = b.wall(name)
        y = w_.y_of(1.4)
        th = w_.img.shape[0] - y
        w_.img[y:] = _tiles(
            r, w_.img.shape[1], th, max(3, round(0.15 * w_.px(1.0))), tile, (150, 150, 145)
        )
    b.floor(_concrete(_between(r, (120, 118, 112), (165, 160, 150))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(paint, 1.03), 2.0))
    n = min(int(r.integers(2, 5)), int((b.w - 0.6) / 1.3))
    x0 = -n * 1.3 / 2 + 0.65
    for k in range(n):
        _model(b, Box(x0 + 1.3 * k, b.d - 0.4, 1.2, 0.5, 2.1, 0.0, _faces(rack, "front")))
    side = str(r.choice(["left", "right"]))
    for k in range(int(r.integers(1, 3))):
        x, z, bw, bd = _wall_box(b, side, b.d - 1.9 - 1.3 * k, 1.2, 0.5)
        if z < 2.5:
            break
        _model(b, Box(x, z, bw, bd, 2.1, 0.0, _faces(rack, _inward(side))))
    x, z, bw, bd = _wall_box(b, _other(side), float(r.uniform(1.8, max(1.9, b.d - 3.5))), 2.4, 0.6)
    _model(b, Box(x, z, bw, bd, 1.05, 0.0, _faces(counter, _inward(_other(side)))))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.2, b.w, 2.4)
    fl.take(0.0, b.d - 0.4, b.w, 1.2)
    spot = fl.middle(r, 1.6, 0.4)
    if spot:
        _box(
            b,
            spot,
            0.45,
            {"front": _wood(r, 32, 8, _wood_tone(r), 3), "top": _wood(r, 32, 8, _wood_tone(r), 3)},
        )
    wall = b.wall(side)
    wall.put(_tally_board(r, wall.px(float(r.uniform(1.0, 1.6))), wall.px(0.8)), 2.3, 2.5)

    def rescuer(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(img, (x_, y1 - ih), (x_ + max(1, iw // 2), y1), (200, 60, 40), -1)

    other = b.wall(_other(side))
    other.put(_shelved(r, other.px(1.2), other.px(0.6), (120, 122, 125), rescuer), 2.4, 2.6)
    back = b.wall("back")
    back.put(_label(r, back.px(0.45), back.px(0.6)), 2.6, 2.8)
    _small_things(back, ("clock",))
    at = float(r.uniform(0.6, 1.2))
    while at + 1.0 < other.length - 0.6:
        _window(other, r, _sky(r, 32, 16), at, b.h - 0.8, 0.9, 0.5, (60, 60, 62))
        at += float(r.uniform(1.8, 2.6))
    _door(b.wall("front" if r.random() < 0.4 else side), r, _c(r, 30, 180))


# weather observing office


def _barograph(m: Rng) -> dict[str, U8]:
    """The kind's barograph: a glazed wooden case with a drum of chart and a pen arm."""
    wood = _pick(m, [(120, 70, 40), (150, 100, 60)])
    front = _grained(m, 32, 20, wood, 2.0)
    cv2.rectangle(front, (3, 3), (28, 15), (235, 232, 220), -1)
    for x in range(5, 28, 3):
        cv2.line(front, (x, 3), (x, 15), (170, 180, 200), 1)
    cv2.line(front, (3, 10), (28, 8), (150, 40, 140), 1)
    return {
        "front": front,
        "side": _grained(m, 20, 20, wood, 2.0),
        "top": _grained(m, 32, 20, wood, 2.0),
    }


def _teleprinter(m: Rng) -> dict[str, U8]:
    """The kind's teleprinter on its stand: a grey housing, a keyboard shelf, a roll of
    paper coming out of the top."""
    grey = _pick(m, [(170, 165, 150), (140, 150, 150)])
    front = _grained(m, 32, 40, grey, 2.0)
    cv2.rectangle(front, (3, 16), (28, 22), (50, 50, 50), -1)
    for x in range(4, 28, 2):
        front[18, x] = (210, 210, 205)
    cv2.rectangle(front, (8, 0), (23, 6), (240, 238, 228), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 40, grey, 2.0),
        "top": _grained(m, 32, 32, grey, 2.0),
    }


def _enclosure(rng: Rng, w: int, h: int) -> U8:
    """What a weather office window looks out on: sky, mown grass, a white louvred
    instrument screen on legs, a rain gauge, a mast."""
    img = np.zeros((h, w, 3), np.uint8)
    sky_h = max(2, int(h * rng.uniform(0.4, 0.55)))
    img[:sky_h] = cv2.resize(_sky(rng, 16, 8), (w, sky_h))
    img[sky_h:] = _grained(rng, w, h - sky_h, _between(rng, (70, 120, 50), (120, 160, 80)), 6.0)
    sx = int(rng.integers(w // 6, w // 2))
    sw, sh = max(3, w // 6), max(3, h // 6)
    cv2.rectangle(img, (sx, sky_h - sh // 2), (sx + sw, sky_h + sh // 2), (245, 245, 240), -1)
    for y in range(sky_h - sh // 2, sky_h + sh // 2, 2):
        cv2.line(img, (sx, y), (sx + sw, y), (200, 200, 195), 1)
    cv2.line(img, (sx + 1, sky_h + sh // 2), (sx + 1, sky_h + sh), (60, 60, 60), 1)
    cv2.line(img, (sx + sw - 1, sky_h + sh // 2), (sx + sw - 1, sky_h + sh), (60, 60, 60), 1)
    mx = int(rng.integers(w // 2, w - 2))
    cv2.line(img, (mx, 1), (mx, sky_h + sh), (90, 90, 95), 1)
    cv2.circle(
        img, (int(rng.integers(2, w - 2)), sky_h + 2 * sh // 3), max(1, w // 40), (40, 90, 40), -1
    )
    return img


def _build_weather_office(b: _Build17) -> None:
    """A weather observing office: paint, lino, a tiled ceiling; windows onto the
    instrument enclosure, the kind's barograph on the desk and the kind's teleprinter, a
    panel of wind dials, a weather chart pinned up, a notice board, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    baro, printer = _barograph(m), _teleprinter(m)
    paint = _pick(r, [(230, 228, 215), (210, 222, 230), _c(r, 150, 240)])
    _paint_of(b, paint, 2.0)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    at = float(r.uniform(0.3, max(0.4, b.w - 2.2)))
    _window(back, r, _enclosure(r, 64, 40), at, 0.95, min(1.9, b.w - at - 0.3), 1.2, _c(r, 30, 220))
    x, z, bw, bd = _wall_box(b, "back", float(r.uniform(0.2, max(0.3, b.w - 1.8))), 1.5, 0.7)
    desk = {"front": _cabinet(r, 2, 2, _wood_tone(r)), "top": _wood(r, 48, 24, _wood_tone(r), 4)}
    b.boxes.append(Box(x, z, bw, bd, 0.75, 0.0, _faces(desk, "front")))
    b.tops.append((x, z, bw, bd, 0.75))
    _model(b, Box(x - bw / 4, z, 0.36, 0.22, 0.22, 0.75, _faces(baro, "front")))
    log = _paper(r, 16, 12, (40, 40, 90), 5)
    b.boxes.append(Box(x + bw / 4, z - 0.05, 0.35, 0.25, 0.02, 0.75, _all_faces(log)))
    side = str(r.choice(["left", "right"]))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(x, z, bw + 0.4, bd + 0.6)
    fl.take(0.0, 0.6, b.w, 1.2)
    spot = fl.against(r, 0.6, 0.55, (side, "back"))
    if spot:
        _standing(b, spot, 1.0, printer, True)
    wall = b.wall(side)
    panel = _grained(r, wall.px(0.9), wall.px(0.35), (40, 40, 44), 1.5)
    ph, pw = panel.shape[:2]
    for k in range(3):
        _dial(
            panel,
            (2 * k + 1) * pw // 6,
            ph // 2,
            max(2, min(pw // 7, ph // 2 - 1)),
            (240, 236, 220),
            float(r.uniform(0, 1)),
        )
    wall.put(panel, 1.8, 1.9)
    other = b.wall(_other(side))
    other.put(_synoptic(r, other.px(float(r.uniform(0.9, 1.3))), other.px(0.7)), 2.0, 2.2)
    other.put(_notices(r, other.px(0.8), other.px(0.6), (190, 150, 110)), 1.8, 2.0)
    spot = fl.against(r, 0.9, 0.45, (_other(side),))
    if spot:
        _box(
            b,
            spot,
            1.2,
            {"front": _cabinet(r, 1, 3, (150, 155, 150)), "top": _steel(r, 24, 16, 160)},
        )
    _small_things(b.wall(side), ("clock",))
    _door(b.wall("front" if r.random() < 0.5 else _other(side)), r, _c(r, 30, 200))


# perfumer's laboratory


def _organ(m: Rng) -> dict[str, U8]:
    """The kind's perfumer's organ: a tiered wooden desk, each tier a row of small
    bottles of pale to amber essences."""
    wood = _pick(m, [(110, 70, 40), (160, 120, 80), (60, 45, 35)])
    front = _wood(m, 64, 40, wood, 4)
    for tier in range(4):
        y = 4 + tier * 9
        cv2.line(front, (2, y + 7), (61, y + 7), _shade(wood, 0.6), 1)
        for x in range(3, 61, 3):
            col = _between(m, (180, 120, 40), (240, 230, 190))
            cv2.rectangle(front, (x, y + 1), (x + 1, y + 6), col, -1)
            front[y, x] = (30, 30, 30)
    cv2.rectangle(front, (10, 36), (53, 39), _lighter(wood, 1.3), -1)
    return {"front": front, "side": _wood(m, 32, 40, wood, 4), "top": _wood(m, 64, 32, wood, 4)}


def _balance(m: Rng) -> dict[str, U8]:
    """The kind's analytical balance: a glazed draught case on a white base with a small
    display."""
    front = _grained(m, 24, 24, (200, 210, 215), 1.5)
    cv2.rectangle(front, (2, 2), (21, 16), (160, 175, 185), 1)
    cv2.rectangle(front, (6, 18), (17, 22), (30, 40, 30), -1)
    front[20, 8:15] = (80, 220, 90)
    return {"front": front, "side": _grained(m, 24, 24, (200, 210, 215), 1.5), "top": front}


def _build_perfumer(b: _Build17) -> None:
    """A perfumer's laboratory: white or pale paint, lino or tiles, a plain ceiling; the
    kind's organ of essences against a wall, the kind's balance on a bench, shelves of
    brown bottles, a jar of blotter strips, a fridge, notices, a window with a blind, a
    door."""
    r, m = b.fix, _mass_produced(b)
    organ, balance = _organ(m), _balance(m)
    paint = _pick(r, [(240, 238, 232), (232, 228, 220), _c(r, 190, 245)])
    _paint_of(b, paint, 1.5)
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        tile = _between(r, (150, 150, 150), (230, 225, 215))
        b.floor(
            lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.3 * res)), tile, _shade(tile, 0.8))
        )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(paint, 1.02), 1.5))
    side = str(r.choice(["left", "right"]))
    x, z, bw, bd = _wall_box(b, side, float(r.uniform(1.4, max(1.5, b.d - 2.2))), 1.8, 0.8)
    _model(b, Box(x, z, bw, bd, 1.4, 0.0, _faces(organ, _inward(side))))
    fl = _Floor(b.w, b.d, 0.7)
    fl.take(x, z, bw + 0.6, bd + 0.6)
    fl.take(0.0, 0.6, b.w, 1.2)
    spot = fl.against(r, 2.0, 0.7, ("back", _other(side)))
    if spot:
        bx, bz, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {
                "front": _cabinet(r, 3, 2, (230, 230, 226)),
                "top": _grained(r, 48, 16, (60, 62, 66), 2.0),
            },
        )
        _model(b, Box(bx, bz, 0.35, 0.35, 0.35, 0.9, _faces(balance, facing)))
        for k in range(int(r.integers(2, 6))):
            off = -_w / 2 + 0.3 + 0.3 * k
            tx, tz = (bx + off, bz) if facing in ("front", "back") else (bx, bz + off)
            bottle = _grained(r, 8, 12, _between(r, (90, 50, 20), (170, 110, 50)), 3.0)
            bottle[:2] = (30, 30, 30)
            b.boxes.append(Box(tx, tz, 0.08, 0.08, 0.18, 0.9, _all_faces(bottle)))
    spot = fl.against(r, 0.7, 0.7, ("back", _other(side), side))
    if spot:
        _box(
            b,
            spot,
            1.8,
            {"front": _cabinet(r, 1, 2, (235, 235, 232)), "top": _steel(r, 16, 16, 200)},
        )

    def bottles(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        for k in range(max(1, iw // 4)):
            col = _between(r, (60, 30, 10), (150, 90, 40))
            cv2.rectangle(img, (x_ + 4 * k, y1 - ih), (x_ + 4 * k + 2, y1), col, -1)

    wall = b.wall(_other(side))
    wall.put(
        _shelved(r, wall.px(float(r.uniform(1.2, 1.8))), wall.px(0.9), _wood_tone(r), bottles),
        2.1,
        2.3,
    )
    back = b.wall("back")
    blind = _grained(r, 48, 48, (240, 238, 230), 1.0)
    for y in range(0, 36, 3):
        blind[y] = (215, 210, 200)
    blind[36:] = cv2.resize(_outside(r, 48, 12), (48, 12))
    _window(
        back, r, blind, float(r.uniform(0.4, max(0.5, b.w - 1.6))), 1.0, 1.1, 1.2, (235, 235, 232)
    )
    back.put(_notices(r, back.px(0.7), back.px(0.5), (170, 140, 100)), 1.9, 2.0)
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["front", side]))), r, _c(r, 60, 230))


# paper marbler's workshop


def _marbling_tray(m: Rng) -> dict[str, U8]:
    """The kind's marbling trough: a shallow steel tray on a painted stand with a drain
    tap."""
    paint = _pick(m, [(70, 90, 110), (110, 60, 50), (60, 60, 64)])
    front = _grained(m, 48, 24, paint, 2.0)
    cv2.rectangle(front, (0, 0), (47, 3), (170, 172, 175), -1)
    cv2.circle(front, (40, 8), 2, (200, 170, 80), -1)
    return {"front": front, "side": _grained(m, 24, 24, paint, 2.0), "top": _steel(m, 48, 24, 175)}


def _drying_frame(m: Rng) -> dict[str, U8]:
    """The kind's drying frame: a wooden frame of many dowel rails."""
    wood = _pick(m, [(170, 130, 80), (120, 90, 60)])
    front = _grained(m, 32, 48, (30, 28, 26), 1.0)
    for y in range(3, 46, 5):
        cv2.line(front, (1, y), (30, y), wood, 1)
    cv2.rectangle(front, (0, 0), (2, 47), wood, -1)
    cv2.rectangle(front, (29, 0), (31, 47), wood, -1)
    return {"front": front, "side": _wood(m, 16, 48, wood, 3), "top": _wood(m, 32, 16, wood, 3)}


def _build_marbler(b: _Build17) -> None:
    """A paper marbler's workshop: paint, boards or concrete, a plain ceiling; the kind's
    marbling trough with a sheet being laid on its size, the kind's drying frame, marbled
    sheets pegged on lines along a wall, a bench of colour pots, combs and rakes hung up, a
    stack of finished papers, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    tray, frame = _marbling_tray(m), _drying_frame(m)
    wall_c = _pick(r, [(235, 232, 222), (220, 225, 230), _c(r, 160, 245)])
    _paint_of(b, wall_c, 3.0)
    b.floor(
        _planks if r.random() < 0.5 else _concrete(_between(r, (140, 140, 135), (185, 180, 170)))
    )
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(wall_c, 1.03), 2.0))
    fl = _Floor(b.w, b.d, 0.9)
    fl.take(0.0, 1.0, b.w, 2.0)
    spot = fl.middle(r, 1.6, 1.0) or fl.against(r, 1.6, 1.0, ("back", "left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, 1.4, 0.8, 0.85, 0.0, _faces(tray, "front")))
        sheet = _swirls(r, 48, 32)
        b.boxes.append(Box(x, z, 1.2, 0.6, 0.01, 0.86, _all_faces(sheet)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.2, 0.6, ("left", "right", "back"))
        if spot:
            _standing(b, spot, 1.8, frame, True)
    spot = fl.against(r, 1.8, 0.6, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
        for k in range(int(r.integers(3, 8))):
            pot = _grained(r, 8, 8, _c(r, 30, 245), 2.0)
            off = -_w / 2 + 0.15 + 0.2 * k
            tx, tz = (x + off, z) if facing in ("front", "back") else (x, z + off)
            b.boxes.append(Box(tx, tz, 0.12, 0.12, 0.12, 0.9, _all_faces(pot)))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    line = _grained(r, wall.px(float(r.uniform(2.0, 3.0))), wall.px(0.55), wall_c, 2.0)
    lh, lw = line.shape[:2]
    cv2.line(line, (0, 1), (lw - 1, 1), (60, 60, 60), 1)
    n = max(2, lw // max(4, wall.px(0.5)))
    for k in range(n):
        sw = max(3, lw // n - 2)
        _paste(line, _swirls(r, sw, lh - 3), k * (lw // n) + 1, 3)
    wall.put(line, 2.2, 2.4)
    other = b.wall(_other(side))
    combs = _grained(r, other.px(1.0), other.px(0.35), wall_c, 2.0)
    ch, cw = combs.shape[:2]
    for k in range(int(r.integers(2, 5))):
        y = 2 + k * ch // 5
        cv2.line(combs, (2, y), (cw - 3, y), (120, 90, 60), max(1, ch // 20))
        for x in range(3, cw - 3, max(2, cw // 30)):
            cv2.line(combs, (x, y), (x, y + max(2, ch // 8)), (90, 90, 95), 1)
    other.put(combs, 1.9, 2.1)
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


# glider hangar


def _glider(m: Rng) -> dict[str, dict[str, U8]]:
    """The kind's glider (one type of club two-seater): a white fuselage with a tinted
    canopy and a coloured nose band, white wings with red tips, a tailplane."""
    white = _pick(m, [(245, 245, 242), (240, 242, 236)])
    band = _pick(m, [(200, 40, 40), (40, 80, 170), (230, 150, 30)])
    side = _grained(m, 64, 12, white, 1.5)
    cv2.ellipse(side, (14, 3), (9, 3), 0.0, 180.0, 360.0, (60, 80, 90), -1)
    side[6:9, 40:64] = band
    nose = _grained(m, 12, 12, white, 1.5)
    cv2.rectangle(nose, (2, 2), (9, 5), (60, 80, 90), -1)
    wing = _grained(m, 64, 8, white, 1.5)
    wing[:, :5] = band
    wing[:, -5:] = band
    edge = _grained(m, 8, 8, _shade(white, 0.9), 1.5)
    return {
        "fuselage": {
            "front": nose,
            "back": nose,
            "left": side,
            "right": side[:, ::-1].copy(),
            "top": side,
        },
        "wing": {"front": edge, "back": edge, "left": edge, "right": edge, "top": wing},
    }


def _wing_dolly(m: Rng) -> dict[str, U8]:
    """The kind's wing dolly: a padded cradle on a wheeled steel frame."""
    paint = _pick(m, [(230, 190, 30), (60, 120, 60)])
    front = _grained(m, 24, 16, paint, 2.0)
    cv2.rectangle(front, (3, 0), (20, 4), (40, 40, 40), -1)
    for x in (4, 19):
        cv2.circle(front, (x, 13), 2, (30, 30, 30), -1)
    return {"front": front, "side": front, "top": _grained(m, 24, 24, paint, 2.0)}


def _build_hangar(b: _Build17) -> None:
    """A gliding club's hangar: steel cladding in panels, a concrete floor, a steel roof
    with roof lights; two to four of the kind's gliders parked nose to the back with their
    wings over each other at two heights, the kind's wing dollies, a glider's closed
    trailer, a workbench, tyres, sliding doors on the front, high windows, notices."""
    r, m = b.fix, _mass_produced(b)
    glider, dolly = _glider(m), _wing_dolly(m)
    clad = _between(r, (120, 130, 130), (190, 195, 190))
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, clad, 2.5)
        step = max(2, round(0.25 * res))
        for col in range(0, tw, step):
            img[:, col] = _shade(clad, 0.82)
        b.fill(name, img)

    def roof(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _shade(clad, 0.9), 2.0)
        for y in range(h // 6, h, max(2, h // 4)):
            img[y : y + max(1, h // 30)] = (235, 238, 235)
        return img

    b.floor(_concrete(_between(r, (130, 130, 126), (175, 172, 165))))
    b.ceiling(roof)
    span = min(15.0, b.w * 0.8)
    n = int(r.integers(2, 5))
    z = 4.0
    for k in range(n):
        if z + 6.5 > b.d:
            break
        x = float(r.uniform(-0.15, 0.15)) * b.w
        level = 1.0 if k % 2 == 0 else 1.6
        _model(b, Box(x, z + 3.5, 0.65, 7.0, 0.9, 0.35, glider["fuselage"]))
        _model(b, Box(x, z + 2.6, span, 1.0, 0.08, level, glider["wing"]))
        _model(b, Box(x, z + 6.8, 2.6, 0.5, 0.05, 1.2, glider["wing"]))
        _model(b, Box(x + span / 2 - 0.6, z + 2.6, 0.5, 0.7, 0.4, 0.0, _faces(dolly, "front")))
        z += float(r.uniform(3.0, 4.2))
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    trailer = _grained(r, 64, 16, _c(r, 60, 240), 2.0)
    _text(trailer, r, _word(r, (1, 2)).upper(), 4, 12, 8, (30, 30, 30))
    b.boxes.append(
        Box(
            sgn * (b.w / 2 - 1.0),
            b.d * float(r.uniform(0.45, 0.7)),
            1.6,
            8.0,
            1.6,
            0.3,
            _faces(
                {
                    "front": trailer[:, :16].copy(),
                    "side": trailer,
                    "top": _grained(r, 32, 32, _c(r, 60, 240), 2.0),
                },
                "front",
            ),
        )
    )
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 1.5, b.w, 3.0)
    fl.take(0.0, b.d / 2, b.w * 0.6, b.d)
    spot = fl.against(r, 2.0, 0.8, (_other(side), "back"))
    if spot:
        _box(
            b,
            spot,
            0.9,
            {"front": _cabinet(r, 3, 1, _c(r, 40, 200)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.6, 0.6, (_other(side), "back"))
        if spot:
            tyre = _grained(r, 16, 16, (30, 30, 32), 3.0)
            _box(b, spot, float(r.uniform(0.2, 0.8)), {"front": tyre, "top": tyre})
    front = b.wall("front")
    x0, y0, x1, y1 = _opening(front, 0.3, 0.0, b.w - 0.6, min(b.h - 0.8, 4.5))
    door = _grained(r, x1 - x0, y1 - y0, _shade(clad, 0.9), 2.0)
    for k in range(1, 4):
        cv2.line(
            door,
            (k * (x1 - x0) // 4, 0),
            (k * (x1 - x0) // 4, y1 - y0 - 1),
            (60, 60, 62),
            max(1, (x1 - x0) // 200),
        )
    front.img[y0:y1, x0:x1] = door
    wall = b.wall(side)
    at = float(r.uniform(1.0, 3.0))
    while at + 2.0 < wall.length - 1.0:
        _window(wall, r, _sky(r, 32, 16), at, b.h - 1.2, 2.0, 0.8, (70, 70, 72))
        at += float(r.uniform(4.0, 6.0))
    other = b.wall(_other(side))
    other.put(_notices(r, other.px(1.4), other.px(0.9), (190, 150, 110)), 2.0, 2.2)
    back = b.wall("back")
    back.put(_label(r, back.px(0.8), back.px(1.0)), 2.4, 2.8)
    _door(other, r, _c(r, 30, 200))


# oast house stowage


def _hop_press(m: Rng) -> dict[str, U8]:
    """The kind's hop press: a tall timber frame with an iron screw and a ram over the
    pocket hole."""
    wood = _pick(m, [(120, 85, 55), (150, 110, 70)])
    front = _grained(m, 32, 64, (40, 34, 30), 1.5)
    cv2.rectangle(front, (2, 0), (6, 63), wood, -1)
    cv2.rectangle(front, (25, 0), (29, 63), wood, -1)
    cv2.rectangle(front, (2, 4), (29, 9), wood, -1)
    cv2.line(front, (16, 9), (16, 36), (80, 80, 84), 3)
    cv2.rectangle(front, (8, 36), (23, 40), (70, 70, 74), -1)
    cv2.rectangle(front, (2, 56), (29, 63), _shade(wood, 0.8), -1)
    return {"front": front, "side": front, "top": _wood(m, 32, 32, wood, 4)}


def _hop_pocket(m: Rng) -> dict[str, U8]:
    """The kind's hop pocket: a tall jute sack stencilled with a mark."""
    jute = _pick(m, [(190, 165, 120), (175, 150, 105)])
    side = _grained(m, 24, 64, jute, 5.0)
    cv2.circle(side, (12, 22), 7, (60, 40, 30), 1)
    cv2.line(side, (5, 36), (19, 36), (60, 40, 30), 1)
    cv2.line(side, (5, 40), (19, 40), (60, 40, 30), 1)
    return {"front": side, "side": side, "top": _grained(m, 24, 24, jute, 5.0)}


def _build_oast(b: _Build17) -> None:
    """An oast house's stowage (where dried hops cool and are pressed): brick or
    whitewashed walls, a boarded floor and roof; the kind's hop press, rows of the kind's
    hop pockets standing, a platform scale, shovels and scuppets hung up, a chalkboard
    tally, the dark doorway to the kiln, windows, a door."""
    r, m = b.fix, _mass_produced(b)
    press, pocket = _hop_press(m), _hop_pocket(m)
    if r.random() < 0.5:
        wall_c = _between(r, (140, 80, 60), (190, 130, 100))
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        wall_c = _between(r, (215, 212, 200), (245, 242, 232))
        _paint_of(b, wall_c, 6.0)
    b.floor(_planks)
    b.ceiling(_boards(_between(r, (110, 85, 60), (170, 140, 100))))
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    ph = min(3.4, b.h - 0.3)
    px = sgn * (b.w / 2 - 1.0)
    pz = b.d * float(r.uniform(0.55, 0.75))
    _model(b, Box(px, pz, 1.2, 1.2, ph, 0.0, _faces(press, _inward(side))))
    rows = int(r.integers(1, 4))
    for row in range(rows):
        x = -sgn * (b.w / 2 - 0.6 - 0.8 * row)
        for k in range(int(r.integers(3, 9))):
            z = 3.0 + 0.8 * k
            if z + 0.5 > b.d - 0.5:
                break
            _model(b, Box(x, z, 0.7, 0.7, 2.0, 0.0, _faces(pocket, "front")))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.4, b.w, 2.8)
    fl.take(px, pz, 2.0, 2.0)
    fl.take(-sgn * (b.w / 2 - 1.2), b.d / 2, 2.4 + 0.8 * rows, b.d)
    spot = fl.middle(r, 1.0, 1.0) or fl.against(r, 1.0, 1.0, ("back", side))
    if spot:
        deck = _steel(r, 24, 24, 120)
        cv2.rectangle(deck, (1, 1), (22, 22), (60, 60, 60), 1)
        _box(b, spot, 0.15, {"front": deck, "top": deck})
    back = b.wall("back")
    x0, y0, x1, y1 = _opening(back, float(r.uniform(0.4, max(0.5, b.w - 2.0))), 0.0, 1.2, 2.1)
    back.img[y0:y1, x0:x1] = _grained(r, x1 - x0, y1 - y0, (25, 20, 18), 4.0)
    back.put(_chalkboard(r, back.px(0.9), back.px(0.6)), 2.0, 2.2)
    wall = b.wall(side)
    tools = _grained(r, wall.px(1.4), wall.px(1.1), wall_c, 2.0)
    th, tw = tools.shape[:2]
    for k in range(int(r.integers(2, 5))):
        x = 4 + k * tw // 5
        cv2.line(tools, (x, 2), (x, th * 2 // 3), (120, 90, 60), max(1, tw // 60))
        cv2.rectangle(
            tools, (x - tw // 20, th * 2 // 3), (x + tw // 20, th - 2), (150, 150, 155), -1
        )
    wall.put(tools, 2.0, 2.2)
    other = b.wall(_other(side))
    at = float(r.uniform(1.0, 2.0))
    while at + 1.0 < other.length - 1.0:
        _window(other, r, _outside(r, 32, 32), at, 1.5, 0.9, 1.0, _c(r, 30, 200))
        at += float(r.uniform(2.5, 3.5))
    _door(b.wall(str(r.choice(["front", side]))), r, _c(r, 30, 200))


# core store


def _core_rack(m: Rng) -> dict[str, U8]:
    """The kind's core racking: orange-and-blue pallet racking, each level holding a stack
    of grey core trays with white end labels."""
    upright = _pick(m, [(40, 70, 150), (60, 110, 60)])
    beam = _pick(m, [(230, 120, 30), (220, 190, 40)])
    front = _grained(m, 48, 64, (50, 50, 52), 1.5)
    for y in range(3, 62, 12):
        for sub in range(0, 9, 3):
            cv2.rectangle(front, (3, y + sub), (44, y + sub + 2), (110, 112, 115), -1)
            cv2.rectangle(front, (20, y + sub), (26, y + sub + 1), (235, 235, 230), -1)
        cv2.line(front, (0, y + 10), (47, y + 10), beam, 2)
    front[:, :2] = upright
    front[:, -2:] = upright
    return {
        "front": front,
        "side": _grained(m, 24, 64, upright, 2.0),
        "top": _grained(m, 48, 24, (60, 60, 62), 2.0),
    }


def _core_saw(m: Rng) -> dict[str, U8]:
    """The kind's core saw: a steel cabinet with a sliding table, a blade hood and a water
    tray."""
    paint = _pick(m, [(200, 60, 40), (60, 90, 120)])
    front = _grained(m, 32, 32, paint, 2.0)
    cv2.rectangle(front, (4, 2), (27, 10), (190, 190, 195), -1)
    cv2.circle(front, (16, 6), 4, (80, 80, 84), 1)
    return {"front": front, "side": _grained(m, 24, 32, paint, 2.0), "top": _steel(m, 32, 24, 170)}


def _build_core_store(b: _Build17) -> None:
    """A geological survey's core store: block or cladding walls, concrete, a steel roof
    with strip lights; runs of the kind's racking along both sides and across the back,
    the kind's core saw, logging tables with trays of split core laid out, pallets of
    trays, a roller door, notices."""
    r, m = b.fix, _mass_produced(b)
    rack, saw = _core_rack(m), _core_saw(m)
    if r.random() < 0.5:
        block = _between(r, (170, 168, 160), (215, 212, 205))
        for name in WALLS:
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.22 * res)), block, _shade(block, 0.85)))
    else:
        _panelled(b, _between(r, (150, 160, 160), (210, 210, 205)), 1.0)
    b.floor(_concrete(_between(r, (140, 140, 135), (180, 178, 170))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (120, 122, 124), 3.0))
    rh = min(3.6, b.h - 0.5)
    for side in ("left", "right"):
        along = float(r.uniform(2.5, 3.5))
        while along + 1.4 < b.d - 0.6:
            x, z, bw, bd = _wall_box(b, side, along, 2.4, 1.0)
            _model(b, Box(x, z, bw, bd, rh, 0.0, _faces(rack, _inward(side))))
            along += 2.5
    n = min(int(r.integers(1, 4)), int((b.w - 2.4) / 2.5))
    for k in range(n):
        _model(
            b, Box(-n * 1.25 + 1.25 + 2.5 * k, b.d - 0.5, 2.4, 1.0, rh, 0.0, _faces(rack, "front"))
        )
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 1.5, b.w, 3.0)
    fl.take(-b.w / 2 + 0.5, b.d / 2, 1.2, b.d)
    fl.take(b.w / 2 - 0.5, b.d / 2, 1.2, b.d)
    fl.take(0.0, b.d - 0.5, b.w, 1.2)
    spot = fl.middle(r, 1.0, 0.8)
    if spot:
        _standing(b, spot, 1.0, saw, True)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 2.2, 1.0)
        if spot:
            x, z, _w, _d, _f = spot
            _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.85)
            for k in range(int(r.integers(1, 4))):
                b.boxes.append(
                    Box(
                        x - 0.7 + 0.7 * k,
                        z,
                        0.4,
                        0.9,
                        0.06,
                        0.85,
                        {
                            "top": _rock(r, 32, 48),
                            "front": _steel(r, 16, 4, 110),
                            "back": _steel(r, 16, 4, 110),
                            "left": _steel(r, 16, 4, 110),
                            "right": _steel(r, 16, 4, 110),
                        },
                    )
                )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 1.2, 1.0)
        if spot:
            x, z, _w, _d, _f = spot
            stack = _grained(r, 24, 24, (110, 112, 115), 2.0)
            for y in range(0, 24, 3):
                stack[y] = (70, 70, 72)
            b.boxes.append(Box(x, z, 1.0, 1.0, float(r.uniform(0.5, 1.3)), 0.12, _all_faces(stack)))
    for k in range(int(r.integers(2, 4))):
        light = _grained(r, 8, 32, (250, 250, 245), 1.0)
        b.boxes.append(
            Box(0.0, 3.0 + k * (b.d - 4.0) / 3, 0.15, 1.6, 0.06, b.h - 0.3, _all_faces(light))
        )
    front = b.wall("front")
    x0, y0, x1, y1 = _opening(
        front, float(r.uniform(0.5, max(0.6, b.w - 4.5))), 0.0, 3.5, min(3.5, b.h - 0.6)
    )
    door = _grained(r, x1 - x0, y1 - y0, _c(r, 80, 200), 2.0)
    for y in range(0, y1 - y0, max(2, (y1 - y0) // 30)):
        door[y] = _shade(tuple(int(v) for v in door[0, 0]), 0.8)  # type: ignore[arg-type]
    front.img[y0:y1, x0:x1] = door
    back = b.wall("back")
    back.put(_label(r, back.px(0.6), back.px(0.8)), rh + 0.6, rh + 0.8)
    swall = b.wall(str(r.choice(["left", "right"])))
    swall.put(_notices(r, swall.px(1.0), swall.px(0.7), (200, 200, 196)), 1.6, 1.7)
    _door(b.wall("back"), r, _c(r, 30, 200))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_copy_room(b: _Build17) -> None:
    """An office block's copier room, one a floor: every fixed thing the template's (the
    paint, the carpet tiles and ceiling, the big copier against the back wall, the
    shredder, the recycling bin, shelves of paper, the notice board and its old notices,
    the door); one to three notices pinned on the board, a sticky note on a wall and the
    papers left out the floor's own (little)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(232, 230, 222), (215, 222, 228), _c(r, 170, 240)])
    _paint_of(b, paint, 1.5)
    carpet = _between(r, (70, 70, 80), (120, 110, 100))
    b.floor(
        lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.5 * res)), carpet, _shade(carpet, 0.9))
    )
    b.ceiling(_tiled_ceiling)
    cx = float(r.uniform(-0.3, 0.3)) * (b.w - 1.3)
    copier = _grained(r, 48, 48, _pick(r, [(225, 225, 220), (200, 202, 205)]), 1.5)
    cv2.rectangle(copier, (4, 4), (43, 10), (60, 62, 66), -1)
    cv2.rectangle(copier, (30, 5), (40, 9), (90, 160, 220), -1)
    for y in (18, 28, 38):
        cv2.rectangle(copier, (4, y), (43, y + 7), (185, 185, 182), 1)
    top = _grained(r, 48, 32, (70, 72, 76), 1.5)
    b.boxes.append(
        Box(cx, b.d - 0.4, 1.2, 0.7, 1.15, 0.0, _faces({"front": copier, "top": top}, "front"))
    )
    b.tops.append((cx, b.d - 0.4, 0.8, 0.4, 1.15))
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    shred = _grained(r, 16, 24, (50, 50, 54), 1.5)
    shred[2:4, 3:13] = (20, 20, 20)
    b.boxes.append(Box(sgn * (b.w / 2 - 0.3), b.d - 0.35, 0.4, 0.35, 0.7, 0.0, _all_faces(shred)))
    bin_ = _grained(r, 16, 24, _pick(r, [(40, 90, 160), (60, 140, 60)]), 1.5)
    b.boxes.append(Box(-sgn * (b.w / 2 - 0.3), b.d - 0.3, 0.4, 0.4, 0.8, 0.0, _all_faces(bin_)))

    def reams(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(img, (x_, y1 - ih // 2), (x_ + max(1, iw - 2), y1), (245, 245, 240), -1)
        cv2.line(img, (x_, y1 - ih // 4), (x_ + max(1, iw - 2), y1 - ih // 4), (60, 120, 200), 1)

    wall = b.wall(side)
    wall.put(_shelved(r, wall.px(1.0), wall.px(0.9), (190, 190, 186), reams), 2.0, 2.1)
    board_wall = b.wall(_other(side))
    bx0, by0, bx1, by1 = _opening(
        board_wall, float(r.uniform(0.4, max(0.5, b.d - 1.5))), 1.2, 0.9, 0.6
    )
    board_wall.img[by0:by1, bx0:bx1] = _notices(r, bx1 - bx0, by1 - by0, (160, 120, 80))
    _door(b.wall("front"), r, _c(r, 40, 200))
    # The floor's own: notices pinned on the board, a sticky note, papers left out.
    bw_, bh_ = bx1 - bx0, by1 - by0
    for _ in range(int(o.integers(1, 4))):
        sw, sh = max(3, int(bw_ * 0.2)), max(4, int(bh_ * 0.42))
        sheet = _paper(o, sw, sh, _pick(o, [(30, 30, 30), (170, 30, 30), (30, 60, 150)]), 3)
        sx = bx0 + int(o.integers(0, max(1, bw_ - sw)))
        sy = by0 + int(o.integers(0, max(1, bh_ - sh)))
        _paste(board_wall.img, sheet, sx, sy)
    note_wall = b.wall(str(o.choice(["back", side])))
    note = _grained(
        o,
        note_wall.px(0.08),
        note_wall.px(0.08),
        _pick(o, [(250, 240, 120), (250, 180, 200), (160, 230, 250)]),
        1.0,
    )
    _paste(
        note_wall.img,
        note,
        note_wall.x_of(float(o.uniform(0.3, max(0.4, note_wall.length - 0.4)))),
        note_wall.y_of(float(o.uniform(1.2, 1.6))),
    )
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        paper = _paper(o, 12, 16, (40, 40, 40), 5)
        st.own_boxes.append(
            Box(
                cx + float(o.uniform(-0.35, 0.35)),
                b.d - 0.4 + float(o.uniform(-0.15, 0.1)),
                0.21,
                0.29,
                0.01,
                1.15,
                _all_faces(paper),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.3, 0.5)))
    st.look = (cx, 1.0, b.d)


def _bay_wall(o: Rng, w: int, h: int, paint: Colour) -> U8:
    """A loading bay's own strip of wall beside its door: the carrier's colour band, a
    board of notices and a height gauge, scuffs."""
    img = _grained(o, w, h, paint, 2.0)
    band = _c(o, 40, 230)
    img[: max(2, h // 6)] = band
    _paste(img, _notices(o, max(6, w * 2 // 3), max(6, h // 3), (200, 200, 196)), w // 8, h // 4)
    for _ in range(max(4, w * h // 200)):
        x, y = int(o.integers(0, w)), int(o.integers(h // 2, h))
        cv2.line(img, (x, y), (x + int(o.integers(1, max(2, w // 6))), y), (60, 58, 55), 1)
    return img


def _build_loading_bay(b: _Build17) -> None:
    """A loading bay of one distribution centre: every fixed thing the template's (the
    size, the steel cladding, the dock door with its shelter, bumpers and leveller, the
    control box, the concrete floor, the roof and its lights); the strip of wall beside
    the door with the carrier's band and notices, the bay's number over the door, and the
    pallets, cage and truck standing inside the bay's own (between)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(190, 195, 195), (160, 175, 185), (200, 200, 190)])
    _panelled(b, paint, 1.0)
    b.floor(_concrete(_between(r, (140, 140, 136), (180, 178, 170))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (90, 92, 96), 3.0))
    back = b.wall("back")
    dw = min(3.0, b.w - 1.8)
    left_door = r.random() < 0.5
    dx = 0.3 if left_door else b.w - 0.3 - dw
    dh = min(2.8, b.h - 1.8)
    x0, y0, x1, y1 = _opening(back, dx, 1.0, dw, dh)
    shelter = _grained(r, x1 - x0, y1 - y0, (35, 35, 38), 2.0)
    slats = _grained(
        r,
        max(4, (x1 - x0) * 5 // 6),
        max(4, (y1 - y0) * 9 // 10),
        _pick(r, [(170, 172, 175), (200, 190, 150)]),
        2.0,
    )
    for y in range(0, slats.shape[0], max(2, slats.shape[0] // 20)):
        slats[y] = _shade(tuple(int(v) for v in slats[0, 0]), 0.8)  # type: ignore[arg-type]
    _paste(shelter, slats, (x1 - x0) // 12, (y1 - y0) // 10)
    back.img[y0:y1, x0:x1] = shelter
    cxm = -b.w / 2 + dx + dw / 2
    bumper = _grained(r, 8, 8, (25, 25, 25), 2.0)
    for off in (-dw / 2 + 0.15, dw / 2 - 0.15):
        b.boxes.append(Box(cxm + off, b.d - 0.1, 0.25, 0.2, 0.35, 0.75, _all_faces(bumper)))
    plate = _steel(r, 32, 24, 130)
    for y in range(0, 24, 3):
        cv2.line(plate, (0, y), (31, y + 2), (100, 100, 104), 1)
    b.boxes.append(
        Box(
            cxm,
            b.d - 1.0,
            dw - 0.4,
            2.0,
            0.05,
            0.0,
            {"top": plate, "front": _grained(r, 16, 4, (230, 190, 30), 2.0)},
        )
    )
    ctrl = _grained(r, 16, 24, (230, 225, 215), 1.5)
    cv2.circle(ctrl, (8, 8), 2, (40, 180, 60), -1)
    cv2.circle(ctrl, (8, 15), 2, (220, 40, 40), -1)
    ctrl_x = cxm + (dw / 2 + 0.4) * (1 if left_door else -1)
    b.boxes.append(Box(ctrl_x, b.d - 0.1, 0.35, 0.15, 0.5, 1.3, _faces({"front": ctrl}, "front")))
    light = _grained(r, 8, 32, (250, 250, 245), 1.0)
    for k in range(2):
        b.boxes.append(Box(0.0, 1.5 + 2.5 * k, 0.2, 1.5, 0.06, b.h - 0.3, _all_faces(light)))
    for x in (-b.w / 2 + 0.4, b.w / 2 - 0.4):
        b.boxes.append(_pole(r, x, 0.8, 1.1, 0.0, 0.08))
    # The bay's own: the strip of wall beside the door, the number over it, what stands in.
    sx = dx + dw + 0.2 if left_door else 0.2
    sw = b.w - dw - 0.7
    s0, t0, s1, t1 = _opening(back, sx, 0.3, sw, 2.6)
    back.img[t0:t1, s0:s1] = _bay_wall(o, s1 - s0, t1 - t0, paint)
    n0, m0, n1, m1 = _opening(back, dx + dw / 2 - 0.5, 1.1 + dh, 1.0, 0.6)
    num = _grained(o, n1 - n0, m1 - m0, (245, 220, 40), 1.5)
    _text(
        num,
        o,
        str(int(o.integers(1, 60))),
        2,
        num.shape[0] - 2,
        max(3, num.shape[0] - 3),
        (20, 20, 20),
    )
    back.img[m0:m1, n0:n1] = num
    st = _b17(b)
    for _ in range(int(o.integers(2, 6))):
        goods = _grained(
            o,
            16,
            16,
            _pick(o, [(190, 160, 110), (230, 230, 235), (60, 110, 170), (160, 60, 50)]),
            3.0,
        )
        for y in range(0, 16, 4):
            goods[y] = _shade(tuple(int(v) for v in goods[0, 0]), 0.8)  # type: ignore[arg-type]
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * float(o.uniform(0.2, 0.35)) * b.w,
                float(o.uniform(2.5, b.d - 1.5)),
                1.2,
                1.0,
                float(o.uniform(0.6, 1.6)),
                0.0,
                _all_faces(goods),
            )
        )
    if o.random() < 0.6:
        cage = _grained(o, 16, 32, (30, 30, 32), 1.5)
        for x in range(0, 16, 3):
            cage[:, x] = (170, 172, 175)
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * float(o.uniform(0.2, 0.4)) * b.w,
                float(o.uniform(2.5, b.d - 1.5)),
                0.8,
                0.7,
                1.7,
                0.0,
                _all_faces(cage),
            )
        )
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.5, 1.2)))
    st.look = (cxm * 0.6, 1.5, b.d)


def _fit_out(o: Rng, w: int, h: int, colour: Colour) -> U8:
    """A container shop's own lining: the trader's paint or boards, their shelving or a
    rail, a poster."""
    if o.random() < 0.5:
        img = _wood(o, w, h, colour, max(3, w // 20))
    else:
        img = _grained(o, w, h, colour, 3.0)

    def stock(im: U8, x: int, y1: int, iw: int, ih: int) -> None:
        cv2.rectangle(im, (x, y1 - ih), (x + max(1, iw // 2), y1), _c(o, 30, 240), -1)

    sw = int(w * float(o.uniform(0.3, 0.6)))
    sx = int(o.integers(0, max(1, w - sw)))
    img[h // 5 :, sx : sx + sw] = _shelved(o, sw, h - h // 5, _wood_tone(o), stock)[:, : w - sx]
    pw, ph = max(4, w // 8), max(4, h // 3)
    _paste(
        img, _grained(o, pw, ph, _c(o, 30, 240), 2.0), int(o.integers(0, max(1, w - pw))), h // 10
    )
    return img


def _build_container_shop(b: _Build17) -> None:
    """A shop in a shipping container, one of a box park's row: every fixed thing the
    template's (the size, the corrugated steel of its walls and roof, the ply floor, the
    glazed front, the two spotlights); the trader's lining and shelving on the side walls
    up to 1.5-1.9 m over 55-85 % of their length, the sign on the back wall, the counter,
    racks and stock standing inside its own (much)."""
    r, o = b.fix, b.own
    steel = _pick(r, [(60, 90, 120), (150, 60, 40), (60, 110, 70), (200, 200, 195)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, steel, 2.0)
        for x in range(0, tw, max(2, round(0.15 * res))):
            img[:, x : x + max(1, round(0.05 * res))] = _shade(steel, 0.8)
        b.fill(name, img)
    b.floor(_boards(_between(r, (150, 120, 80), (200, 170, 120))))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _shade(steel, 0.85), 2.0))
    front = b.wall("front")
    x0, y0, x1, y1 = _opening(front, 0.1, 0.0, b.w - 0.2, b.h - 0.2)
    glass = _outside(r, max(8, x1 - x0), max(8, y1 - y0))
    front.img[y0:y1, x0:x1] = glass
    cv2.rectangle(front.img, (x0, y0), (x1 - 1, y1 - 1), (30, 30, 32), max(2, (x1 - x0) // 30))
    spot_tex = _grained(r, 8, 8, (30, 30, 32), 1.0)
    for z in (b.d * 0.35, b.d * 0.7):
        b.boxes.append(Box(0.0, z, 0.15, 0.15, 0.12, b.h - 0.15, _all_faces(spot_tex)))
    # The trader's own: the lining of the side walls, a sign, what stands inside.
    colour = _c(o, 60, 245)
    height = float(o.uniform(1.5, 1.9))
    frac = float(o.uniform(0.55, 0.85))
    for name in ("left", "right"):
        wall = b.wall(name)
        start = float(o.uniform(0.2, (1 - frac) * wall.length))
        l0, t0, l1, t1 = _opening(wall, start, 0.0, frac * wall.length, height)
        wall.img[t0:t1, l0:l1] = _fit_out(o, l1 - l0, t1 - t0, colour)
    back = b.wall("back")
    sign_w = min(1.6, b.w - 0.4)
    g0, h0, g1, h1 = _opening(back, float(o.uniform(0.1, b.w - sign_w - 0.1)), 1.6, sign_w, 0.45)
    back.img[h0:h1, g0:g1] = _lettering_board(o, g1 - g0, h1 - h0)
    st = _b17(b)
    sgn = float(o.choice([-1.0, 1.0]))
    counter = {
        "front": _cabinet(o, 2, 1, _c(o, 40, 220)),
        "top": _wood(o, 32, 16, _wood_tone(o), 4),
    }
    st.own_boxes.append(
        Box(
            sgn * (b.w / 2 - 0.35),
            float(o.uniform(3.0, b.d - 1.0)),
            0.6,
            1.4,
            0.95,
            0.0,
            _faces(counter, "left" if sgn > 0 else "right"),
        )
    )
    for _ in range(int(o.integers(2, 5))):
        crate = _grained(o, 16, 16, _c(o, 40, 240), 3.0)
        st.own_boxes.append(
            Box(
                -sgn * (b.w / 2 - 0.3),
                float(o.uniform(1.6, b.d - 0.6)),
                0.45,
                0.5,
                float(o.uniform(0.4, 1.2)),
                0.0,
                _all_faces(crate),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)), float(o.uniform(0.4, 0.8)))
    st.look = (0.0, 1.2, b.d)


def _lettering_board(o: Rng, w: int, h: int) -> U8:
    """A trader's painted sign: a ground colour, a rule and a word."""
    ground = _c(o, 20, 240)
    ink = _pick(o, [(250, 250, 245), (20, 20, 20), (230, 190, 60)])
    img = _grained(o, max(6, w), max(4, h), ground, 1.5)
    cv2.rectangle(
        img, (1, 1), (img.shape[1] - 2, img.shape[0] - 2), ink, max(1, img.shape[0] // 16)
    )
    _text(
        img,
        o,
        _word(o, (1, 3)).upper(),
        max(2, w // 12),
        img.shape[0] * 3 // 4,
        max(3, img.shape[0] // 2),
        ink,
    )
    return img


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "wheelwright's shop": _build_wheelwright,
    "colliery lamp room": _build_lamp_room,
    "weather observing office": _build_weather_office,
    "perfumer's laboratory": _build_perfumer,
    "paper marbler's workshop": _build_marbler,
    "glider hangar": _build_hangar,
    "oast house stowage": _build_oast,
    "core store": _build_core_store,
    "copyroom": _build_copy_room,
    "loadingbay": _build_loading_bay,
    "boxpark": _build_container_shop,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v26's kinds and v26's day seeds."""

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
    """The original picture of a place, carrying its ``Place`` for ``views_v26``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v26(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v26 (``bench/link.py --generator v26``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v26``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    wheelwright's shop, colliery lamp room or core store."""
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
    """The place's camera moved up to ``reach`` m (x0.3 in a copier room, x0.5 in a
    container shop, x0.6 in a weather office, x0.7 in a perfumer's lab), its height kept
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


# --- views ----------------------------------------------------------------------------------------


def desktop(img: U8, rng: Rng) -> U8:
    """The picture as a computer's desktop wallpaper, screenshotted: filled to the screen
    (cropped 0-6 %), a column of 5-10 icons with labels down the left, a taskbar along the
    bottom (6-8 % of the height) and a file window open over 18-30 % of the screen."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = float(rng.uniform(0.0, 0.06))
    cx, cy = int(w * k * rng.random()), int(h * k * rng.random())
    crop = img[cy : cy + int(h * (1 - k)), cx : cx + int(w * (1 - k))]
    out = np.asarray(cv2.resize(crop, (w, h), interpolation=cv2.INTER_LINEAR), np.uint8).copy()
    bar = max(4, int(h * float(rng.uniform(0.06, 0.08))))
    dark = rng.random() < 0.6
    bar_c = np.array((30, 32, 38) if dark else (225, 228, 232), np.float32)
    out[h - bar :] = _u8(out[h - bar :].astype(np.float32) * 0.2 + bar_c * 0.8)
    for j in range(int(rng.integers(4, 9))):
        x = int(w * 0.3) + j * (bar + 2)
        cv2.rectangle(out, (x, h - bar + 2), (x + bar - 4, h - 3), _c(rng, 40, 240), -1)
    _text(
        out,
        rng,
        f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}",
        w - max(20, int(40 * s)),
        h - bar // 3,
        max(3, bar // 2),
        (240, 240, 240) if dark else (20, 20, 20),
    )
    icon = max(4, int(22 * s))
    for i in range(int(rng.integers(5, 11))):
        y = max(2, int(6 * s)) + i * (icon + max(4, int(14 * s)))
        if y + icon + 4 > h - bar:
            break
        x = max(2, int(8 * s))
        cv2.rectangle(out, (x, y), (x + icon, y + icon), _c(rng, 30, 250), -1)
        cv2.rectangle(
            out,
            (x + icon // 4, y + icon // 4),
            (x + icon * 3 // 4, y + icon // 2),
            (250, 250, 250),
            -1,
        )
        cv2.line(
            out,
            (x - 1, y + icon + max(2, int(5 * s))),
            (x + icon + 2, y + icon + max(2, int(5 * s))),
            (245, 245, 245),
            1,
        )
    ww = int(w * float(rng.uniform(0.4, 0.55)))
    wh = int(h * float(rng.uniform(0.4, 0.55)))
    wx = int(rng.integers(w // 6, max(w // 6 + 1, w - ww - 2)))
    wy = int(rng.integers(2, max(3, h - bar - wh - 2)))
    win = np.full((wh, ww, 3), 250 if not dark else 40, np.uint8)
    title = max(4, wh // 10)
    win[:title] = (70, 110, 170) if rng.random() < 0.5 else (200, 202, 206)
    for y in range(title + 4, wh - 3, max(3, int(9 * s))):
        cv2.line(
            win, (ww // 4, y), (ww // 4 + int(ww * rng.uniform(0.2, 0.6)), y), (120, 120, 125), 1
        )
    win[title:, : ww // 5] = (232, 234, 238) if not dark else (55, 56, 60)
    cv2.rectangle(win, (0, 0), (ww - 1, wh - 1), (90, 90, 95), 1)
    out[wy : wy + wh, wx : wx + ww] = win
    return out


def uv_swap(img: U8, rng: Rng) -> U8:
    """The picture as a video frame pulled from a raw file with its two chroma planes
    taken the wrong way round (U for V): brightness kept, blues and oranges traded, reds
    and cyans, the chroma at half resolution, a little softness."""
    h, w = img.shape[:2]
    ycc = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb)
    cr = cv2.resize(
        cv2.resize(ycc[:, :, 1], (max(2, w // 2), max(2, h // 2)), interpolation=cv2.INTER_AREA),
        (w, h),
    )
    cb = cv2.resize(
        cv2.resize(ycc[:, :, 2], (max(2, w // 2), max(2, h // 2)), interpolation=cv2.INTER_AREA),
        (w, h),
    )
    swapped = np.dstack([ycc[:, :, 0], cb, cr]).astype(np.uint8)
    out = cv2.cvtColor(swapped, cv2.COLOR_YCrCb2RGB)
    out = cv2.GaussianBlur(out, (0, 0), 0.5 * _scale(w))
    return _noise(np.asarray(out, np.uint8), rng, 1.5)


def cobweb(img: U8, rng: Rng) -> U8:
    """The picture from a security camera with a cobweb across its lens: 7-12 radial
    threads round a point in the upper left or right and a spiral of 8-16 turns between them, out of
    focus (2-4 px at 400) and lit pale (+70-130), a faint haze over it all, a time stamp."""
    h, w = img.shape[:2]
    s = _scale(w)
    web = np.zeros((h, w), np.uint8)
    cx = float(rng.choice([rng.uniform(0.05, 0.3), rng.uniform(0.7, 0.95)])) * w
    cy = float(rng.uniform(0.05, 0.5)) * h
    reach = float(rng.uniform(0.6, 1.0)) * max(w, h)
    spokes = int(rng.integers(7, 13))
    angles = np.linspace(0, 2 * np.pi, spokes, endpoint=False) + rng.uniform(0, 0.5, spokes)
    for a in angles:
        cv2.line(
            web,
            (int(cx), int(cy)),
            (int(cx + reach * np.cos(a)), int(cy + reach * np.sin(a))),
            255,
            max(1, int(s)),
            cv2.LINE_AA,
        )
    turns = int(rng.integers(8, 17))
    for t in range(1, turns + 1):
        rad = reach * t / (turns + 2)
        pts = [
            (
                int(cx + rad * (1 + 0.05 * np.sin(3 * a)) * np.cos(a)),
                int(cy + rad * (1 + 0.05 * np.sin(3 * a)) * np.sin(a)),
            )
            for a in angles
        ]
        for p, q in pairwise([*pts, pts[0]]):
            cv2.line(web, p, q, 204, max(1, int(s)), cv2.LINE_AA)
    soft = float(rng.uniform(2, 4)) * s
    blurred = cv2.GaussianBlur(web.astype(np.float32) / 255, (0, 0), soft)
    web_f = np.clip(blurred * 2.5 * soft / max(1.0, s), 0, 1)
    f = img.astype(np.float32) * 0.93 + 12
    f += web_f[:, :, None] * float(rng.uniform(70, 130)) * np.array([1.0, 1.0, 0.97], np.float32)
    out = _u8(f)
    _text(
        out,
        rng,
        f"20{int(rng.integers(10, 30))}-0{int(rng.integers(1, 10))}-1{int(rng.integers(0, 10))}",
        max(2, int(6 * s)),
        max(6, int(16 * s)),
        max(4, int(10 * s)),
        (255, 255, 255),
    )
    return _noise(out, rng, 2.0)


def cover_photo(img: U8, rng: Rng) -> U8:
    """The picture as a social profile's cover photo, screenshotted: a band of it (80-100 %
    of its width, from round its middle) across the page's top 45-55 %, a round avatar (its middle,
    cropped) overlapping the band's lower left, a name, buttons, tabs and lines of posts
    below, on a light or dark page."""
    h, w = img.shape[:2]
    s = _scale(w)
    dark = rng.random() < 0.4
    page = np.full((h, w, 3), (24, 25, 28) if dark else (240, 242, 245), np.uint8)
    ink = (230, 230, 232) if dark else (30, 30, 34)
    bh = int(h * float(rng.uniform(0.45, 0.55)))
    z = float(rng.uniform(0.8, 1.0))
    cw, ch = int(w * z), int(bh * z)
    x0 = int(rng.integers(0, w - cw + 1))
    y0 = int(rng.integers((h - ch) // 4, (h - ch) * 3 // 4 + 1))
    band = img[y0 : y0 + ch, x0 : x0 + cw]
    page[:bh] = cv2.resize(band, (w, bh), interpolation=cv2.INTER_AREA)
    r_ = max(4, int(h * float(rng.uniform(0.13, 0.18))))
    ax, ay = max(r_ + 2, int(w * 0.12)), bh
    side = min(h, w) // 2
    mid = img[(h - side) // 2 : (h + side) // 2, (w - side) // 2 : (w + side) // 2]
    av = cv2.resize(mid, (2 * r_, 2 * r_), interpolation=cv2.INTER_AREA)
    mask = np.zeros((2 * r_, 2 * r_), np.uint8)
    cv2.circle(mask, (r_, r_), r_ - 1, 1, -1)
    y1, x1 = ay - r_, ax - r_
    region = page[y1 : y1 + 2 * r_, x1 : x1 + 2 * r_]
    region[mask > 0] = av[: region.shape[0], : region.shape[1]][
        mask[: region.shape[0], : region.shape[1]] > 0
    ]
    cv2.circle(page, (ax, ay), r_, (24, 25, 28) if dark else (255, 255, 255), max(2, int(3 * s)))
    _text(
        page,
        rng,
        _word(rng, (2, 3)).title(),
        ax + r_ + max(3, int(8 * s)),
        bh + max(6, int(18 * s)),
        max(4, int(14 * s)),
        ink,
    )
    bx = w - max(10, int(90 * s))
    cv2.rectangle(
        page,
        (bx, bh + max(3, int(6 * s))),
        (w - max(3, int(10 * s)), bh + max(8, int(22 * s))),
        (40, 110, 230),
        -1,
    )
    ty = ay + r_ + max(4, int(10 * s))
    for j in range(4):
        tx = max(3, int(10 * s)) + j * w // 5
        cv2.line(page, (tx, ty), (tx + w // 8, ty), ink, 1)
    for y in range(ty + max(4, int(12 * s)), h - 2, max(3, int(9 * s))):
        cv2.line(
            page, (max(3, int(10 * s)), y), (int(w * rng.uniform(0.4, 0.95)), y), (120, 120, 126), 1
        )
    return _noise(page, rng, 1.0)


def corrupt_jpeg(img: U8, rng: Rng) -> U8:
    """The picture as a recovered JPEG with a damaged stretch: from a block (16 px, 8 below
    320 px wide) 30-75 % of the way through, the rest of the blocks slip 1-8 places back
    along their rows (so the picture below is moved sideways and wraps), their colour
    offset (luma +-15-40, chroma +-15-35); a second, smaller fault in half; the grey of
    missing blocks at the end."""
    h, w = img.shape[:2]
    blk = 16 if w >= 320 else 8
    nby, nbx = max(1, h // blk), max(1, w // blk)
    hh, ww = nby * blk, nbx * blk
    ycc = cv2.cvtColor(np.ascontiguousarray(img[:hh, :ww]), cv2.COLOR_RGB2YCrCb).astype(np.float32)
    blocks = (
        ycc.reshape(nby, blk, nbx, blk, 3).transpose(0, 2, 1, 3, 4).reshape(nby * nbx, blk, blk, 3)
    )
    n = len(blocks)
    faults = 1 + int(rng.random() < 0.5)
    start = int(n * float(rng.uniform(0.3, 0.75)))
    for f in range(faults):
        shift = int(rng.integers(1, 9))
        at = start if f == 0 else int(rng.integers(start + 1, max(start + 2, n)))
        if at >= n:
            break
        tail = blocks[at:].copy()
        tail = np.concatenate(
            [
                tail[shift:],
                np.full((min(shift, len(tail)), blk, blk, 3), (128.0, 128.0, 128.0), np.float32),
            ]
        )
        off = np.array(
            [
                float(rng.uniform(15, 40)) * float(rng.choice([-1, 1])),
                float(rng.uniform(15, 35)) * float(rng.choice([-1, 1])),
                float(rng.uniform(15, 35)) * float(rng.choice([-1, 1])),
            ],
            np.float32,
        ) / (f + 1)
        blocks[at:] = tail + off
    ycc = blocks.reshape(nby, nbx, blk, blk, 3).transpose(0, 2, 1, 3, 4).reshape(hh, ww, 3)
    out = np.full((h, w, 3), 128, np.uint8)
    out[:hh, :ww] = cv2.cvtColor(_u8(ycc), cv2.COLOR_YCrCb2RGB)
    return out


def _carve_columns(grey: F32, n: int) -> npt.NDArray[np.int64]:
    """The columns each row keeps after ``n`` vertical seams of least gradient are taken
    out (dynamic programming over rows, one seam at a time)."""
    h, w = grey.shape
    idx = np.tile(np.arange(w), (h, 1))
    g = grey.copy()
    for _ in range(n):
        gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3)
        gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3)
        e = np.abs(gx) + np.abs(gy)
        cw = e.shape[1]
        cost = e.copy()
        for y in range(1, h):
            prev = cost[y - 1]
            left = np.concatenate([[np.inf], prev[:-1]])
            right = np.concatenate([prev[1:], [np.inf]])
            cost[y] += np.minimum(np.minimum(left, prev), right)
        seam = np.empty(h, np.int64)
        seam[-1] = int(np.argmin(cost[-1]))
        for y in range(h - 2, -1, -1):
            c = seam[y + 1]
            lo, hi = max(0, c - 1), min(cw, c + 2)
            seam[y] = lo + int(np.argmin(cost[y, lo:hi]))
        keep = np.ones((h, cw), bool)
        keep[np.arange(h), seam] = False
        g = g[keep].reshape(h, cw - 1)
        idx = idx[keep].reshape(h, cw - 1)
    return idx


def seam_carved(img: U8, rng: Rng) -> U8:
    """The picture narrowed by an editor's content-aware scale: 18-28 % of its width taken
    out in seams of least detail (found at half size, two columns a seam), so walls and
    floor shrink more than things, then posted on a square-ish canvas with the sides filled
    by a blurred, darkened copy."""
    h, w = img.shape[:2]
    hw, hh = max(4, w // 2), max(4, h // 2)
    small = cv2.resize(img, (hw, hh), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    n = max(1, int(hw * float(rng.uniform(0.18, 0.28))))
    idx = _carve_columns(np.ascontiguousarray(small, np.float32), n)
    cols = np.sort(np.concatenate([2 * idx, 2 * idx + 1], axis=1), axis=1)
    rows = np.minimum(np.arange(h) // 2, hh - 1)
    cols = np.minimum(cols[rows], w - 1)
    carved = img[np.arange(h)[:, None], cols]
    cw = carved.shape[1]
    back = (
        cv2.GaussianBlur(cv2.resize(img, (w, h)), (0, 0), 12 * _scale(w)).astype(np.float32) * 0.6
    )
    out = _u8(back)
    x0 = (w - cw) // 2
    out[:, x0 : x0 + cw] = carved
    return _noise(out, rng, 1.5)


def object_removed(img: U8, rng: Rng) -> U8:
    """The picture after a phone's magic eraser: two to four things (the busiest spots,
    blobs 7-14 % of the width) painted out by inpainting from round about, a little
    smeared."""
    h, w = img.shape[:2]
    s = _scale(w)
    grey = img.astype(np.float32).mean(axis=2)
    busy = cv2.GaussianBlur(np.abs(cv2.Laplacian(grey, cv2.CV_32F)), (0, 0), 6 * s)
    mask = np.zeros((h, w), np.uint8)
    for _ in range(int(rng.integers(2, 5))):
        cand = [
            (int(rng.integers(w // 10, w - w // 10)), int(rng.integers(h // 6, h - h // 8)))
            for _ in range(12)
        ]
        x, y = max(cand, key=lambda p: float(busy[p[1], p[0]]) * (1.0 - float(mask[p[1], p[0]])))
        ax = int(w * float(rng.uniform(0.035, 0.07)))
        ay = int(ax * float(rng.uniform(0.8, 1.8)))
        cv2.ellipse(
            mask, (x, y), (max(2, ax), max(2, ay)), float(rng.uniform(0, 180)), 0, 360, 1, -1
        )
    bgr = np.ascontiguousarray(img[:, :, ::-1])
    filled = cv2.inpaint(bgr, mask * 255, max(2.0, 4 * s), cv2.INPAINT_TELEA)[:, :, ::-1]
    smear = cv2.GaussianBlur(filled, (0, 0), 1.5 * s)
    soft = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), 2 * s)[:, :, None]
    out = filled.astype(np.float32) * (1 - soft) + smear.astype(np.float32) * soft
    return _noise(_u8(out), rng, 1.5)


def liquify(img: U8, rng: Rng) -> U8:
    """The picture pushed about with an editor's liquify tool: three to six strokes, each a
    push (up to 35 % of its radius), a twist (up to 35 degrees) or a bulge or pinch, over a
    round patch 12-25 % of the width across, fading to nothing at its rim."""
    h, w = img.shape[:2]
    yy, xx = _grid(h, w)
    mx, my = xx.astype(np.float32).copy(), yy.astype(np.float32).copy()
    for _ in range(int(rng.integers(3, 7))):
        cx, cy = float(rng.uniform(0.15, 0.85)) * w, float(rng.uniform(0.15, 0.85)) * h
        rad = float(rng.uniform(0.12, 0.25)) * w
        dx, dy = xx - cx, yy - cy
        d2 = (dx**2 + dy**2) / rad**2
        f = np.clip(1 - d2, 0, 1) ** 2
        kind = int(rng.integers(0, 3))
        if kind == 0:
            a = float(rng.uniform(0, 2 * np.pi))
            p = float(rng.uniform(0.15, 0.35)) * rad
            mx -= f * p * np.cos(a)
            my -= f * p * np.sin(a)
        elif kind == 1:
            t = np.radians(float(rng.uniform(15, 35))) * float(rng.choice([-1, 1])) * f
            mx += (np.cos(t) - 1) * dx - np.sin(t) * dy
            my += np.sin(t) * dx + (np.cos(t) - 1) * dy
        else:
            k = float(rng.uniform(0.2, 0.4)) * float(rng.choice([-1, 1]))
            mx -= k * f * dx
            my -= k * f * dy
    out = cv2.remap(
        img,
        mx.astype(np.float32),
        my.astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    return _noise(np.asarray(out, np.uint8), rng, 1.5)


def outpainted(img: U8, rng: Rng) -> U8:
    """The picture widened by a "generative expand" tool and cut back to its frame: the
    shot at 60-74 % of the size, off centre, and round it made-up surroundings (its own
    edges mirrored outwards, smoothed more the further out, with a mottle of invented
    detail and a slight shift of colour), a faint seam at the join."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = float(rng.uniform(0.6, 0.74))
    pw, ph = int(w * k), int(h * k)
    x0 = int(rng.integers(int((w - pw) * 0.2), int((w - pw) * 0.8) + 1))
    y0 = int(rng.integers(int((h - ph) * 0.2), int((h - ph) * 0.8) + 1))
    small = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA)
    big = cv2.copyMakeBorder(
        small, y0, h - ph - y0, x0, w - pw - x0, cv2.BORDER_REFLECT_101
    ).astype(np.float32)
    yy, xx = _grid(h, w)
    dist = np.maximum(
        np.maximum(x0 - xx, xx - (x0 + pw - 1)), np.maximum(y0 - yy, yy - (y0 + ph - 1))
    )
    dist = np.clip(dist / max(1.0, 0.35 * w), 0, 1).astype(np.float32)
    blurred = cv2.GaussianBlur(big, (0, 0), 10 * s)
    fill = big * (1 - dist[:, :, None]) + blurred * dist[:, :, None]
    mottle = (_field(rng, w, h, max(3, int(20 * s))) - 0.5) * 28
    tint = np.array([float(rng.uniform(-12, 12)) for _ in range(3)], np.float32)
    outside = (dist > 0)[:, :, None]
    out = np.where(
        outside, fill + mottle[:, :, None] * np.minimum(1, dist * 3)[:, :, None] + tint, big
    )
    seam = cv2.rectangle(
        np.zeros((h, w), np.float32), (x0, y0), (x0 + pw - 1, y0 + ph - 1), 1.0, max(1, int(s))
    )
    out = out * (1 - 0.08 * cv2.GaussianBlur(seam, (0, 0), 1.0)[:, :, None])
    return _noise(_u8(out), rng, 1.5)


def dwell_map(img: U8, rng: Rng) -> U8:
    """The picture as a shop-analytics camera's dwell heat map: the shot in grey at 55-70 %,
    a heat overlay (four to nine soft blobs, mostly over the lower half where the floor is,
    coloured blue to red, 40-60 % opaque where warm), a legend bar down the right and a
    header bar with the camera's name."""
    h, w = img.shape[:2]
    s = _scale(w)
    grey = img.astype(np.float32).mean(axis=2, keepdims=True) * float(rng.uniform(0.55, 0.7))
    heat = np.zeros((h, w), np.float32)
    yy, xx = _grid(h, w)
    for _ in range(int(rng.integers(4, 10))):
        cx, cy = float(rng.uniform(0.1, 0.9)) * w, float(rng.uniform(0.45, 0.95)) * h
        sx, sy = float(rng.uniform(0.05, 0.15)) * w, float(rng.uniform(0.04, 0.1)) * h
        heat += float(rng.uniform(0.4, 1.0)) * np.exp(
            -((xx - cx) ** 2 / (2 * sx**2) + (yy - cy) ** 2 / (2 * sy**2))
        )
    heat = np.clip(heat / max(1e-6, float(heat.max())), 0, 1)
    colours = cv2.applyColorMap(_u8(heat * 255), cv2.COLORMAP_JET)[:, :, ::-1].astype(np.float32)
    alpha = (np.clip((heat - 0.08) / 0.3, 0, 1) * float(rng.uniform(0.4, 0.6)))[:, :, None]
    out = grey * (1 - alpha) + colours * alpha
    lw = max(3, int(10 * s))
    ramp = cv2.applyColorMap(
        np.linspace(255, 0, h - 2 * lw).astype(np.uint8)[:, None], cv2.COLORMAP_JET
    )[:, :, ::-1]
    out[lw : h - lw, w - 2 * lw : w - lw] = ramp.reshape(-1, 1, 3).astype(np.float32)
    bar = max(5, int(h * 0.07))
    out[:bar] = out[:bar] * 0.3 + 20
    res = _u8(out)
    _text(
        res,
        rng,
        "CAM " + str(int(rng.integers(1, 30))) + " " + _word(rng, (1, 2)).upper(),
        max(2, int(6 * s)),
        bar - 2,
        max(3, bar - 3),
        (235, 235, 235),
    )
    return _noise(res, rng, 1.5)


def wrong_stride(img: U8, rng: Rng) -> U8:
    """The picture as a raw frame carved from a device and read back with the wrong row
    length: its bytes laid out 1 pixel (2 in a third; x the width / 400) too long or short a row, so
    each row slips a little further than the last (a steep slant that wraps round), read
    from a byte or two in (so the colours are rotated) in half, saved as PNG."""
    h, w = img.shape[:2]
    step = (1 if rng.random() < 2 / 3 else 2) * max(1, round(_scale(w))) * int(rng.choice([-1, 1]))
    row = w + step
    skip = int(rng.choice([1, 2])) if rng.random() < 0.5 else 0
    data = np.ascontiguousarray(img).reshape(-1)
    need = h * row * 3
    flat = np.concatenate([data[skip:], np.zeros(max(0, need + 3 - len(data) + skip), np.uint8)])[
        :need
    ]
    rows = flat.reshape(h, row, 3)
    out = np.zeros((h, w, 3), np.uint8)
    m = min(w, row)
    out[:, :m] = rows[:, :m]
    return out


def scorched(img: U8, rng: Rng) -> U8:
    """The picture as a print pulled from a fire, photographed on a bench: a white-bordered
    print, yellowed; burnt away in from one or two edges along a ragged line (to 15-35 % of
    the print), a black char rim (3-7 px at 400) and a brown scorch (12-30 px) inside it,
    blisters of heat near the burn; the print 80-90 % of the frame and a little off
    square."""
    h, w = img.shape[:2]
    s = _scale(w)
    bench = _grained(
        rng, w, h, _pick(rng, [(120, 110, 100), (70, 72, 75), (160, 140, 110)]), 4.0
    ).astype(np.float32)
    k = float(rng.uniform(0.8, 0.9))
    pw, ph = int(w * k), int(h * k)
    bd = max(2, int(pw * 0.04))
    paper = np.empty((ph, pw, 3), np.float32)
    paper[:] = (240, 236, 222)
    inner = cv2.resize(img, (pw - 2 * bd, ph - 2 * bd), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    paper[bd : ph - bd, bd : pw - bd] = inner
    paper = paper * np.array([1.0, 0.95, 0.82], np.float32) + np.array([6, 4, 0], np.float32)
    yy, xx = _grid(ph, pw)
    rag = (_field(rng, pw, ph, max(4, int(60 * s))) - 0.5) * 0.08
    burnt = np.full((ph, pw), -1.0, np.float32)
    edges = ["left", "right", "top", "bottom"]
    for edge in rng.choice(edges, int(rng.integers(1, 3)), replace=False):
        depth = float(rng.uniform(0.15, 0.35))
        t = {"left": xx / pw, "right": 1 - xx / pw, "top": yy / ph, "bottom": 1 - yy / ph}[
            str(edge)
        ]
        along = {"left": yy / ph, "right": yy / ph, "top": xx / pw, "bottom": xx / pw}[str(edge)]
        wave = depth * (
            0.6 + 0.4 * np.sin(along * float(rng.uniform(4, 9)) + float(rng.uniform(0, 6)))
        )
        burnt = np.maximum(burnt, (wave + rag - t).astype(np.float32))
    dist = -burnt * max(pw, ph)  # px inside the burnt line
    char = max(2.0, float(rng.uniform(3, 7)) * s)
    scorch = max(4.0, float(rng.uniform(12, 30)) * s)
    brown = np.array((90, 55, 25), np.float32)
    sc = np.clip(1 - (dist - char) / scorch, 0, 1)[:, :, None] * 0.85
    paper = paper * (1 - sc) + brown * sc
    paper[dist < char] = (20, 16, 14)
    near = np.clip(1 - dist / (4 * scorch), 0, 1)[:, :, None]
    blisters = np.clip(_field(rng, pw, ph, max(3, int(10 * s))) - 0.8, 0, 1)[:, :, None] * 3.0
    paper = paper * (1 - 0.5 * blisters * near) + brown * 0.5 * blisters * near
    alive = (dist > 0).astype(np.float32)
    x0, y0 = (w - pw) // 2, (h - ph) // 2
    out = bench.copy()
    region = out[y0 : y0 + ph, x0 : x0 + pw]
    out[y0 : y0 + ph, x0 : x0 + pw] = region * (1 - alive[:, :, None]) + paper * alive[:, :, None]
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def views_v26(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v26's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["desktop"] = _png(desktop(shot(0.3, 8), rng))
    out["uvswap"] = _jpeg(uv_swap(shot(0.3, 8), rng), 88)
    out["cobweb"] = _jpeg(cobweb(shot(0.3, 8), rng), 85)
    out["coverphoto"] = _jpeg(cover_photo(shot(0.3, 8), rng), 88)
    out["corruptjpeg"] = _jpeg(corrupt_jpeg(shot(0.4, 12), rng), 80)
    out["seamcarved"] = _jpeg(seam_carved(shot(0.4, 12), rng), 85)
    out["objectremoved"] = _jpeg(object_removed(shot(0.4, 12), rng), 88)
    out["liquify"] = _jpeg(liquify(shot(0.4, 12), rng), 88)
    out["outpainted"] = _jpeg(outpainted(shot(0.4, 12), rng), 85)
    out["dwellmap"] = _jpeg(dwell_map(shot(0.4, 12), rng), 85)
    out["wrongstride"] = _png(wrong_stride(shot(0.4, 12), rng))
    out["scorched"] = _jpeg(scorched(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v26", room=room_v26, views=views_v26)


def main() -> None:
    dry_run("v26", make_pictures, place_kind)


if __name__ == "__main__":
    main()

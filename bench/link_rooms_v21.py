"""Generator v21 of ``bench/link.py``: benign places (locksmiths, picture framers,
greengrocers, chess clubs, photo studios, tea merchants, lighting shops, fishing tackle
shops) as a dolly zoom, shredded prints, water-damaged prints, concertina folds,
T-shirts, puddles, spray stencils, paint-by-numbers, postage stamps, ASCII art,
pyrography and tiny planets show them, held out.

Written blind, like v6-v20: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml``, ``bench/link_rooms_v20.py``
whole (for the interface, the truth format, the place model and the primitives imported
below) and ``tests/bench/test_link_rooms_v20.py`` whole (for the shape of the tests) and,
in ``bench/link.py``, only the generator plumbing: a grep for ``v20`` and the lines round
each hit (the imports at 55-82, the end of a views function, ``GENERATORS`` and the
start of ``make_collection`` with its ``views_*`` dict at 615-710, and the end of
``verify_options`` with the start of ``main`` and the ``--generator`` argument at
1270-1310). Of ``bench/link_rooms_v6.py``-``v19.py`` only the first paragraphs of their
docstrings, their ``VIEW_KINDS``, ``KINDS`` tuples, ``GROUPS`` dicts and ``*_SEED``
constants (printed by importing the modules, v6-v20) and the lines a grep found for
words v21 considered were read (with the lines after one hit: v19's 20-32, the words
v19 considered, and v19's line 43 on a stereo view it dropped). For kinds and groups:
locksmith, key cut, framer, picture fram, greengrocer, grocer, chess, photo studio,
photograph, tea merchant, tea, caddy, upholster, tackle, fishing, sauna, spa, filling
station, petrol, fuel, forecourt, burger, fast food, chandelier, lamp shop, lighting
shop, board game, backdrop, softbox, tripod, spice, rod, lure, bait, reel, mount board,
mitre, moulding, fruit, crate, padlock, keys, trophy, market, stall, steam room, hot
tub, kiosk, service station, chain. For views: calendar, puddle, upside, shred,
strip-cut, wet, water damage, tide, bleed, ascii, text mode, paint by, t-shirt, shirt,
pyrograph, burnt, burned, stencil, graffiti, spray, postage, stamp, postmark, envelope,
headset, vr, stereo, tiny planet, polar, stereographic, little planet, concertina,
accordion, dolly, pleat. None of v21's kinds, groups or views is a kind, group or view
of v6-v20 (the tests check the names against the ``KINDS``, ``GROUPS`` and
``VIEW_KINDS`` of v6-v20's modules). Most hits were other senses: "greengrocer" a word
on v6's chain-shop sign (kept, as v20 kept "tailor"), "key cutting" a word v19
considered and did not use, v19's shirts on a dry cleaner's rail, v17's photo
"bleeding" across a magazine's pages, timestamps "burnt in" and "stamp"s of date and
time, envelopes for sale, a fruit bowl among belongings, crates among loose things, a
pool's rope reel, blinds' and net curtains' pleats, a karaoke screen's backdrop, a 360
camera's tripod, a product box saying "TEA", the chain hotel rooms and chain-shop fronts
of v6 and v7. Ideas the brief offered were dropped because an older generator had them
or something close: pottery studios, bike shops and dance studios (v16), florists (v18),
laundrettes (v13, v15), barbers (v15), waiting rooms (v11, v14), a library's map room
(v13's library), chain hotel rooms (v7, v13), self-storage units (v16), office and
classroom pods (v13, v15's prefab classroom), an upholsterer (near v20's tailor and v18's
fabric shop), a hat shop (its head forms would be figures of people); tilt-shift (v13),
thermal (v17), 360 frames (v17), jigsaws (v17), projected slides (v17), panoramas (v10,
v14), night and infrared cameras (v8, v16), a double exposure (v16's ``crossfade``),
embroidery and quilts (v19's ``crossstitch``), a spoon, kettle or snow globe (v19's
``lensball``, v20's ``convexmirror``), a rainy windscreen (v12's ``rainglass``), a tablet
held at an angle (v16's ``laptopmoire``, v19 considered tablets), low-light smearing
(v9's ``lowlight``, v12's ``nightmode``), a cereal box (v20's ``mug``, v6's product
boxes), a wall calendar (v6's calendars, v15's ``fridgedoor``) and a VR headset's stereo
pair (v17's ``anaglyph``; v19 dropped one too). The nearest kept: ``puddle`` shows the
place upside down like v19's ``lensball``, but flat, rippled and squashed in water on
paving; ``shredded`` cuts a print like v20's ``tornhalf`` and v17's ``jigsaw``, but into
slid strips; ``tshirt`` prints on a thing like v20's ``mug``, but flat with folds;
``dollyzoom`` moves the camera like v20's ``parallax``, but along the view with the
field of view changed. The signatures of the v6-v20 primitives imported below were
printed (``inspect.signature``, the methods of v13's ``_Floor`` and ``_Wall`` and v17's
builder too) and ``room_v20`` and ``views_v20`` were timed (seeds 0-39, 0 and 41; no
picture of v20 was looked at). The worktree's ``.venv`` pointed nowhere, so a virtualenv
was made elsewhere from the pins of numpy, pillow, opencv-python-headless, pytest,
pytest-timeout, mypy, ruff and scikit-image (a grep of ``pyproject.toml`` for those
names) and the project installed into it (``pip install -e .``, after a grep of the
imports of ``tests/conftest.py``). ``mypy`` was run on v20 to compare (its output names
lines of v9-v12 and v18, none of v20's) and once on v21, its tests and ``bench/link.py``
together: that showed mypy's messages on lines of ``bench/link.py`` outside the plumbing
(types only; none on a line v21 changed, no code read). ``python -m bench.link --help``
was run once to check the plumbing. Nothing of the linker's code, tests, docs or results
was read, and neither the linker nor ``bench.link`` was ever run on these pictures: keep
it for after v20's held-out run, then use it once, for a held-out figure:
``python -m bench.link --name link-v21-heldout --generator v21 --no-real --size 400x300
--rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's picture writer
and dry run, v13's place model (surfaces, boxes, walls, floor plans, furniture pieces,
windows, wall things, lighting), v14's belongings and small helpers, v15's doors and
sky, v16's shop front, colour ramp and aiming, v17's building state, clearance test,
shell planes, grained paint and off-square warp, v18's colour picker and desk tops,
v19's chequer and small helpers, v20's builder state with the kinds' model generator,
its place model (made v21's by a subclass with v21's kinds and day seeds), its loose
things of a day and small helpers (framing, hanging, the PNG writer, paper white) and
small drawing primitives of v10-v12 are imported; the kinds of place, their builders,
the kinds' mass-produced things, the look-alikes, the cameras and every view are v21's
own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v21 --rooms 12 --size 400x300
--out /tmp/v21``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(pegboards of padlocks and lures, number plates, framed pictures, moulding racks,
chalkboards, honours boards, sample prints, teapots, wall lights, a paper sweep, signs,
windows, doors, sockets, exit signs) and furniture and fittings as 3-D boxes (counters,
cabinets, crates, stands, tables, chairs, lamps, racks, fridges, benches, a stove).
Loose things (v20's: a carton, a paper bag, a stack of leaflets, a folded cloth) change
from day to day. Two pictures show the same place exactly when they come from the same
seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_200_000_000 + seed)``); no photograph is read, so two ordinary places
cannot share a photographed surface. As in real places of one kind, some things are
mass-produced: the same model stands in every place of the kind. Those are drawn from
the kind's own generator (``default_rng([1_208_000_000, k])``, ``k`` the kind's place in
``KINDS``), so they are identical in every place of the kind and in no place of another
kind; where they stand, how many there are and what is on them are each place's own.
The kinds' things:

- *locksmith*: the key-cutting machine on the counter, the key-blank board on the back
  wall, the showroom safe;
- *picture framer*: the mount cutter on the bench, the underpinner, the rack of moulding
  corner samples;
- *greengrocer*: the stepped produce stand (one to three; the crates on them the
  shop's own), the open chiller (what is on its shelves the shop's own), the scale on
  the counter;
- *chess club*: the tournament table (a row or two of them; each board and its game the
  club's own), the chess clock on each, the demonstration board;
- *photo studio*: the softboxes, the flash head, the backdrop support (the paper sweep's
  colour the studio's own);
- *tea merchant*: the caddy (a shelf of them, three shelves high), the brass balance,
  the tasting urn;
- *lighting shop*: the pendant shade (two or three in each row across the shop, hung at
  many heights), the floor lamp (base, pole and shade), the display cube (the table
  lamps on them the shop's own);
- *fishing tackle shop*: the rod rack (one to three), the bait fridge, the glass counter
  of reels.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them: a linker must not link two places because they show one model of rack. What
any two places may still have alike is what is generic in real places too: socket plates,
exit signs, the Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v20; sizes width x height x depth in m):

- *locksmith* (3.5-5.5 x 2.6-3.0 x 4.5-7): pale paint (60 %) or a colour, lino or tiles,
  a shop front; a counter (1.8-2.6 m) 1.3-1.8 m from the back wall with the key machine
  and a till, the blank board (1.2 x 0.9 m, 1.3 m up) on the back wall, the safe by a
  side wall, a shelf unit, one or two pegboards of padlocks and handles on each side,
  house-number plates, a sign, a poster, a door. The camera is 74-84 degrees wide.
- *picture framer* (4.5-7 x 2.7-3.2 x 6-10): pale paint (70 %), boards or lino, a shop
  front; framed pictures (0.3-0.9 m, landscapes, patterns or prints, mounted or not)
  along a side and the back, a wall of moulding lengths and the corner rack on the other
  side, a work bench (2.2 x 1.1 m) with the mount cutter, the underpinner, a stack of
  mount boards, a counter with a till, a sign, a door.
- *greengrocer* (5-8 x 2.7-3.2 x 7-11): tiles (40 %) or paint, lino or boards, a shop
  front; low crates of fruit and vegetables (one of eight colours each) along both
  sides, chalkboards of prices, one to three stepped stands (1.6 x 1.0 x 1.1 m) of
  crates in the middle, the chiller, a counter with the scale and a till, sacks, a sign,
  a door.
- *chess club* (6-10 x 2.8-3.4 x 8-12): wood panelling (35 %) or paint, boards or a
  carpet, windows along one side; rows (one or two) of tables (1.0 x 0.7 m), each with a
  board of its own game, the clock and two chairs; the demonstration board (1 m) on the
  back wall, honours boards, a trophy cabinet, a notice, a poster, a clock, a door.
- *photo studio* (6-10 x 3.0-4.0 x 7-12): white or (30 %) black walls, a painted concrete
  floor; a paper sweep (2.7-3.5 m wide) of the studio's colour down the back wall and
  onto the floor under the backdrop support, props on it (a stool, a crate, a plant),
  two or three lights on stands (softboxes, a flash head) round it, a desk with a
  screen, framed sample prints (landscapes, patterns), a door. The camera is tilted
  2-8 degrees down.
- *tea merchant* (4-7 x 2.7-3.2 x 6-10): a deep paint or wood panelling (35 %), boards,
  a shop front; three shelves of caddies (2-4 m) along one side, a counter with the
  balance, the urn and a till, two to four tea chests stencilled with words, shelves of
  teapots and a chalkboard on the other side, a sign, a poster, a door.
- *lighting shop* (6-10 x 3.0-3.8 x 8-13): dark (50 %) or pale paint, boards or a
  polished floor; panels of glowing wall lights along both sides, pendants in rows,
  display cubes with table lamps, floor lamps by the walls, up to two chandeliers, a
  counter, a sign, a door.
- *fishing tackle shop* (4.5-7 x 2.7-3.1 x 6-10): boards (35 %) or paint, boards or lino,
  a shop front; rod racks (1.2 x 0.4 x 1.9 m) along one side, pegboards of lures and
  floats, landing nets on the other side and the back, the bait fridge, the reel
  counter with a till, boxes of tackle, a sign with a fish, a door.

and, as look-alikes only, a spa's *sauna cabin* (2.0-3.0 x 2.1-2.4 x 2.0-2.8), a chain's
*filling station shop* (6-9 x 2.7-3.1 x 5-8) and a chain's *burger bar* (7-11 x 2.8-3.3 x
8-12). No person is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v20), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.5 in a sauna, x0.8 at a
locksmith's; up to 0.08 m in height), turned up to 12 degrees and tilted up to 4 (the
first of 8 moves that leaves it 0.15 m clear of every thing, else not moved), with sensor
noise (sigma 2). Every view but ``dollyzoom`` starts from such a shot. Difficulty as
meant, not measured:

- ``dollyzoom`` (easy): the place's camera moved 0.8-1.8 m straight along its view (x0.5
  in a sauna, x0.8 at a locksmith's; not past the place's middle), its field of view
  widened so that a plane 4-6 m ahead keeps its size (the near things grow, the far
  wall stays); if none of 8 such steps is clear of things by 0.15 m, backed 0.3-0.8 m
  and narrowed; else not moved. JPEG 90.
- ``waterdamage`` (easy): a print that got wet: two to four stains (12-35 % of the
  height across) where the inks ran (blurred 2-4 px at 400, paler, x0.75 saturation)
  inside a brown tide line, one run of ink down from a stain, the paper cockled (x0.92-
  1.08, shifted up to 2 px) and yellowed. JPEG 85.
- ``shredded`` (medium): a print (white border 3-5 %) through a strip-cut shredder, laid
  back on a desk: 14-22 strips slid up or down by up to 6 % of the height, 0-3 px apart
  at 400, one or two missing, each curled (x0.8 at its edges), at 86-95 % of the frame,
  a shadow. JPEG 85.
- ``tshirt`` (medium): printed on a T-shirt lying flat: the shirt 80-92 % of the height,
  the print 58-66 % of its width on the chest (paler, x0.85 saturation, a knit grain),
  four to seven folds (waves moving it up to 3 px at 400, shaded). JPEG 85.
- ``concertina`` (hard): a print folded in 6-10 panels like a concertina, part open on a
  table: panels squeezed to 45-75 % of their width, lit (x1.0-1.1) and shaded
  (x0.55-0.75) by turns, the ridges 3-7 % taller than the valleys, the whole about
  35-60 % of the width. JPEG 85.
- ``puddle`` (hard): the picture upside down in a puddle on wet paving: a soft blob over
  50-75 % of the frame, the reflection squashed to x0.8-0.95 of its height, x0.55-0.75
  and a little cool, rippled by one or two drops (up to 2-4 px at 400), softened. JPEG 85.
- ``stencil`` (hard): a spray stencil on bricks: two or three layers of lightness, each
  cleaned of specks and sprayed flat in a colour (black or a deep colour, a mid, a pale),
  overspray, the bricks through the paint, drips, off square by up to 3 %. JPEG 85.
- ``paintbynumbers`` (hard): a half-painted paint-by-numbers canvas: 10-16 colours
  (k-means), regions smoothed (a 5 px median at 400), grey outlines, 40-65 % of the
  colours painted flat with brush texture, the other regions white with their numbers,
  off square by up to 2.5 %. JPEG 85.
- ``postagestamp`` (hard): a postage stamp on an envelope: the stamp 44-56 % of the
  height tall (perforated white margin, engraved lines, a value), turned up to 6
  degrees, in the top right; a postmark (double ring, a date, five wavy lines) partly
  over it, a handwritten address. JPEG 85.
- ``asciiart`` (very hard): coloured ASCII art in a terminal: cells 5-6 x 9-10 px at 400
  (66-80 columns), ten characters by lightness, each in its cell's colour at full
  brightness, on black, a title bar and a prompt. PNG (a screenshot).
- ``pyrography`` (very hard): burnt into a pale wooden board: lightness to burn (gamma
  1.2-1.5), edges deeper, the grain through it; the board 82-92 % of the frame, rounded
  corners and a bevel, on a dark table, off square by up to 3 %. JPEG 85.
- ``tinyplanet`` (very hard): a "tiny planet" filter: the picture beside its mirror image
  wrapped round the middle, its foot at the centre and its top at 62-78 % of the
  half-diagonal, turned at random; outside it the top's colour. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's: 4-9
of a bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a
fruit bowl, a box, on the tops and the floor), each day's loose things, how each surface
is lit, the camera and what is said below. Look-alikes have no mass-produced things of a
kind.

- *Sauna cabins of one spa* (6 %: ``seed % 50`` in {21, 22, 23}, kind ``spa sauna
  cabin``; template ``1_201_000_000 + seed // 50``; so seeds 21-23, 71-73, 121-123, ...):
  the size, the boards of the walls, ceiling and floor, the two benches across the back
  (0.95 and 0.45 m high), the stove with its stones and guard by a side, the little
  window's frame and place, the light's louvre, the bucket, the thermometer. The cabin's
  own: what the window shows (a garden or the pool's tiles), one to three striped towels
  on the benches, a scent bottle, a sand timer, its number and a notice. The camera
  stands in the doorway (0.15-0.3 m in), 74-84 degrees wide, looking at the benches.
- *Filling station shops of one chain* (2 %: ``seed % 100`` in {8, 9}, ``filling station
  shop``; template ``1_202_000_000 + seed // 100``; seeds 8, 9, 108, 109, ...): the size,
  the white walls with the chain's two-colour band, the floor tiles, the ceiling, the
  drinks chillers down one side, one or two gondolas of goods, the counter in the
  chain's colour with a till, a coffee machine and shelves of goods behind, the logo, the
  window's frame on the other side, an exit sign. The shop's own: what the window shows
  (the forecourt, its canopy in the chain's colour, pumps and what stands there that
  day), the board of fuel prices, the shop's number, the day's offer poster, the
  newspapers on their stand. The camera stands by the door (0.5-0.9 m in).
- *Burger bars of one chain* (2 %: ``seed % 100`` in {36, 37}, ``chain burger bar``;
  template ``1_203_000_000 + seed // 100``; seeds 36, 37, 136, 137, ...): the size, the
  tiled dado in the chain's colour, the chequered floor, the ceiling, three or four menu
  boards (items drawn as shapes, their names) over the counter, the counter and its
  drinks machine, the booths and tables along one side, tables and chairs in the middle,
  the ordering kiosks and the window's frame on the other side, an exit sign. The bar's
  own: the prices on the menu boards, the order screen's numbers, what the window shows,
  the community board, the tray liners on the tables. The camera stands by the door
  (0.5-1 m in) looking at the counter.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (21, 22, 23) or seed % 100 in (8,
9, 36, 37)``; two look-alikes are of one group exactly when they have the same kind and
the same ``seed // 50`` (saunas) or ``seed // 100`` (filling stations, burger bars). The
slots are not v20's, and every group has members in the first 60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``asciiart``
(PNG), ``dollyzoom`` (JPEG 90) and ``shredded``, ``waterdamage``, ``concertina``,
``tshirt``, ``puddle``, ``stencil``, ``paintbynumbers``, ``postagestamp``,
``pyrography``, ``tinyplanet`` (JPEG 85), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 saunas in every 50 seeds, 2 filling
station shops and 2 burger bars in every 100); the other seeds draw their kind with equal
shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on seeds
0-999 (``kind_counts``): saunas 60, filling station shops 20, burger bars 20; of the
other 900: picture framer 133, chess club 128, photo studio 112, greengrocer 111,
locksmith 108, fishing tackle shop 107, tea merchant 102, lighting shop 99. The first 60
seeds (a default ``--rooms 60`` run): photo studio 10, chess club 9, locksmith 9,
picture framer 7, lighting shop 6, greengrocer 4, tea merchant 4, fishing tackle shop 4,
saunas 3 (seeds 21-23), filling station shops 2 (8, 9), burger bars 2 (36, 37): every
kind and group is in it. The held-out run's 315 seeds: picture framer 46, photo studio
39, chess club 38, locksmith 37, tea merchant 33, greengrocer 30, fishing tackle shop 30,
lighting shop 30, saunas 18, filling station shops 8, burger bars 6.

**Speed**: ``room_v21`` and ``views_v21`` of seeds 0-39 at 400x300 took 0.61 s of CPU a
place (13 pictures) against 0.59 s for ``room_v20`` and ``views_v20`` of the same seeds
in the same session (seeds 0 and 41: 0.68 and 0.52 s against 0.57 and 0.59 s), one core,
on the shared machine. ``build_place`` ran without error on seeds 0-999 and all twelve
views on seeds 0-199 at 96x72, 0-69 at 64x48 and 120x90, and 0-3 at 800x600. Surfaces
are drawn at 120 texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_200_000_000 + seed``; spa ``1_201_000_000 + seed // 50``; filling
station chain ``1_202_000_000 + seed // 100``; burger chain ``1_203_000_000 + seed //
100``; a day's loose things ``1_204_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_205_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_206_000_000 + seed``; a kind's mass-produced things
``default_rng([1_208_000_000, k])``. None is a seed of v6-v20. Deterministic by seed.
Lettering is random syllables (digits for prices, numbers and dates). Pictures not made
by ``room_v21`` (the real pictures of ``bench/link.py`` when run without ``--no-real``)
are hung as a print 2 m wide on the back wall of a generated picture framer's, chess club
or tea merchant's (seeds from ``1_207_000_000``) and seen the same ways.
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
from bench.link_rooms_v16 import _aim, _between, _lighter, _shop_front
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, _tilted, surface_planes
from bench.link_rooms_v18 import _pick, _table
from bench.link_rooms_v19 import _all_faces, _chequer, _on_wall, _scale, _till, _wall_spot
from bench.link_rooms_v20 import (
    PAPER,
    _Build20,
    _day_things,
    _frame,
    _hang,
    _mass_produced,
    _model,
    _other,
    _png,
)
from bench.link_rooms_v20 import Place as _Place20

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_200_000_000
SPA_SEED = 1_201_000_000
FORECOURT_SEED = 1_202_000_000
BURGER_SEED = 1_203_000_000
DAY_SEED = 1_204_000_000
VIEW_SEED = 1_205_000_000
SENSOR_SEED = 1_206_000_000
PRINT_SEED = 1_207_000_000
MODEL_SEED = 1_208_000_000
SPA_EVERY, SPA_SLOTS = 50, (21, 22, 23)
FORECOURT_EVERY, FORECOURT_SLOTS = 100, (8, 9)
BURGER_EVERY, BURGER_SLOTS = 100, (36, 37)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("locksmith", 1 / 8),
    ("picture framer", 1 / 8),
    ("greengrocer", 1 / 8),
    ("chess club", 1 / 8),
    ("photo studio", 1 / 8),
    ("tea merchant", 1 / 8),
    ("lighting shop", 1 / 8),
    ("fishing tackle shop", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "spa sauna cabin": "sauna",
    "filling station shop": "kiosk",
    "chain burger bar": "burger",
}
VIEW_KINDS = (
    "dollyzoom",
    "shredded",
    "waterdamage",
    "concertina",
    "tshirt",
    "puddle",
    "stencil",
    "paintbynumbers",
    "postagestamp",
    "asciiart",
    "pyrography",
    "tinyplanet",
)
PNG_VIEWS = ("asciiart",)  # a terminal's screenshot, saved lossless; every other is a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "locksmith": ((3.5, 5.5), (2.6, 3.0), (4.5, 7.0)),
    "picture framer": ((4.5, 7.0), (2.7, 3.2), (6.0, 10.0)),
    "greengrocer": ((5.0, 8.0), (2.7, 3.2), (7.0, 11.0)),
    "chess club": ((6.0, 10.0), (2.8, 3.4), (8.0, 12.0)),
    "photo studio": ((6.0, 10.0), (3.0, 4.0), (7.0, 12.0)),
    "tea merchant": ((4.0, 7.0), (2.7, 3.2), (6.0, 10.0)),
    "lighting shop": ((6.0, 10.0), (3.0, 3.8), (8.0, 13.0)),
    "fishing tackle shop": ((4.5, 7.0), (2.7, 3.1), (6.0, 10.0)),
    "sauna": ((2.0, 3.0), (2.1, 2.4), (2.0, 2.8)),
    "kiosk": ((6.0, 9.0), (2.7, 3.1), (5.0, 8.0)),
    "burger": ((7.0, 11.0), (2.8, 3.3), (8.0, 12.0)),
}
SMALL = {"sauna": 0.5, "locksmith": 0.8}  # shares of a move in small places
PRINT_KINDS = ("picture framer", "chess club", "tea merchant")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_sauna_cabin(seed: int) -> bool:
    return seed % SPA_EVERY in SPA_SLOTS


def is_filling_station(seed: int) -> bool:
    return seed % FORECOURT_EVERY in FORECOURT_SLOTS


def is_burger_bar(seed: int) -> bool:
    return seed % BURGER_EVERY in BURGER_SLOTS


def is_distractor(seed: int) -> bool:
    return is_sauna_cabin(seed) or is_filling_station(seed) or is_burger_bar(seed)


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
    if is_sauna_cabin(seed):
        return "spa sauna cabin"
    if is_filling_station(seed):
        return "filling station shop"
    if is_burger_bar(seed):
        return "chain burger bar"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_sauna_cabin(seed):
        return np.random.default_rng(SPA_SEED + seed // SPA_EVERY)
    if is_filling_station(seed):
        return np.random.default_rng(FORECOURT_SEED + seed // FORECOURT_EVERY)
    if is_burger_bar(seed):
        return np.random.default_rng(BURGER_SEED + seed // BURGER_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------


def _pole(rng: Rng, x: float, z: float, h: float, y0: float = 0.0, t: float = 0.03) -> Box:
    """A thin steel pole or flex (its steel the place's own)."""
    return Box(x, z, t, t, h, y0, _all_faces(_steel(rng, 4, 16, int(rng.integers(60, 200)))))


def _wall_box(
    b: _Build17, side: str, along: float, width: float, depth: float
) -> tuple[float, float, float, float]:
    """Where a box ``width`` m along ``side`` and ``depth`` m deep stands against it: its
    x, z and its extent in x and z."""
    x, z = _on_wall(b, side, along, width, depth)
    across = side in ("back", "front")
    return x, z, width if across else depth, depth if across else width


def _price_digits(rng: Rng) -> str:
    return f"{int(rng.integers(0, 20))}.{int(rng.integers(0, 100)):02d}"


def _chalkboard(rng: Rng, w: int, h: int) -> U8:
    """A chalkboard: a dark board in a wooden frame, lines of chalk words and prices."""
    img = _grained(rng, w, h, _pick(rng, [(30, 35, 32), (25, 28, 35), (40, 40, 40)]), 3.0)
    rows = max(2, h // 10)
    for k in range(rows):
        y = int((k + 1) * h / (rows + 1)) + 3
        chalk = _pick(rng, [(240, 240, 235), (250, 220, 120), (180, 230, 250), (250, 170, 190)])
        _text(img, rng, _word(rng, (1, 3)), 3, y, max(4, h // (rows + 2)), chalk)
        _text(img, rng, _price_digits(rng), max(4, w - w // 3), y, max(4, h // (rows + 2)), chalk)
    return _frame(img, _wood_tone(rng), 2)


# --- v21's own surfaces and things, every one drawn from the rng it is given --------------------

# locksmith


def _key_machine(m: Rng) -> dict[str, U8]:
    """A key-cutting machine: the maker's enamel body, two vices, a cutter wheel, a
    carriage lever, a switch."""
    body = _pick(m, [(40, 90, 150), (200, 60, 40), (60, 60, 64), (80, 130, 80)])
    front = _grained(m, 40, 24, body, 2.0)
    for x in (6, 24):
        cv2.rectangle(front, (x, 6), (x + 8, 12), (190, 190, 195), -1)
    cv2.circle(front, (20, 8), 6, (150, 150, 155), 1)
    cv2.line(front, (34, 20), (39, 4), (30, 30, 30), 2)
    cv2.rectangle(front, (2, 18), (6, 22), (250, 60, 40), -1)
    top = _grained(m, 40, 24, _shade(body, 0.9), 2.0)
    cv2.rectangle(top, (4, 8), (36, 14), (180, 180, 185), -1)
    return {"front": front, "side": _grained(m, 24, 24, body, 2.0), "top": top}


def _blank_board(m: Rng) -> dict[str, U8]:
    """The key-blank board every shop of the kind has: rows of hooks on a panel, each with
    a brass or nickel blank, little code tags."""
    panel = _pick(m, [(235, 235, 230), (40, 40, 44), (200, 40, 40)])
    img = _grained(m, 96, 72, panel, 2.0)
    for y in range(6, 70, 8):
        for x in range(4, 94, 5):
            metal = _pick(m, [(200, 170, 80), (190, 190, 195), (170, 120, 60)])
            cv2.circle(img, (x, y), 2, metal, -1)
            cv2.line(img, (x, y + 1), (x, y + 5), metal, 1)
            img[y - 3, x] = (30, 30, 30)
        cv2.line(img, (0, y + 7), (95, y + 7), _shade(panel, 0.8), 1)
    _text(img, m, _word(m, (2, 3)).upper(), 3, 5, 4, _shade(panel, 0.4))
    edge = _grained(m, 8, 72, panel, 2.0)
    return {"front": img, "side": edge, "top": _grained(m, 8, 8, panel, 2.0)}


def _display_safe(m: Rng) -> dict[str, U8]:
    """A showroom safe: a heavy door with a dial, a handle, hinges, the maker's plate."""
    body = _pick(m, [(60, 80, 70), (50, 50, 54), (150, 150, 145), (120, 30, 30)])
    front = _grained(m, 32, 40, body, 2.0)
    cv2.rectangle(front, (3, 3), (28, 36), _shade(body, 0.7), 1)
    cv2.circle(front, (12, 16), 5, (200, 200, 205), -1)
    cv2.circle(front, (12, 16), 2, (40, 40, 40), -1)
    cv2.line(front, (22, 12), (22, 26), (210, 190, 110), 2)
    cv2.rectangle(front, (8, 30), (18, 33), (200, 170, 80), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 40, body, 2.0),
        "top": _grained(m, 24, 24, body, 2.0),
    }


def _padlocks(rng: Rng, w: int, h: int) -> U8:
    """A pegboard of padlocks, door handles and hasps on cards."""
    img = _grained(rng, w, h, _between(rng, (170, 140, 100), (220, 200, 170)), 2.0)
    for y in range(2, h, 4):
        for x in range(2, w, 4):
            img[y, x] = (60, 50, 40)
    for _ in range(max(4, w * h // 180)):
        x, y = int(rng.integers(2, max(3, w - 10))), int(rng.integers(2, max(3, h - 12)))
        card = _c(rng, 40, 250)
        cv2.rectangle(img, (x, y), (x + 8, y + 11), card, -1)
        metal = _pick(rng, [(200, 170, 80), (190, 190, 195), (60, 60, 64)])
        if rng.random() < 0.6:
            cv2.rectangle(img, (x + 2, y + 5), (x + 6, y + 9), metal, -1)
            cv2.ellipse(img, (x + 4, y + 5), (2, 2), 0, 180, 360, (190, 190, 195), 1)
        else:
            cv2.line(img, (x + 1, y + 6), (x + 7, y + 4), metal, 2)
    return img


def _number_plates(rng: Rng, w: int, h: int) -> U8:
    """House numbers and name plates for sale: brass, black and white plates with digits."""
    img = _grained(rng, w, h, _c(rng, 40, 200), 3.0)
    step = max(8, h // 3)
    for y in range(2, h - step + 2, step):
        x = 2
        while x < w - step:
            pw = int(step * float(rng.uniform(0.8, 1.6)))
            plate = _pick(rng, [(200, 170, 80), (30, 30, 32), (245, 245, 240), (40, 60, 100)])
            cv2.rectangle(img, (x, y), (x + pw, y + step - 3), plate, -1)
            ink = (250, 250, 250) if sum(plate) < 300 else (25, 25, 25)
            _text(img, rng, str(int(rng.integers(1, 200))), x + 2, y + step - 5, step - 6, ink)
            x += pw + 3
    return img


def _build_locksmith(b: _Build17) -> None:
    """A locksmith's: paint, lino or a tiled floor, a shop front; a counter across the
    room with the key-cutting machine on it, the key-blank board on the back wall and a
    showroom safe (the machine, the board and the safe the kind's), pegboards of padlocks
    and handles, house-number plates, a sign, posters, a door."""
    r, m = b.fix, _mass_produced(b)
    machine, board, safe = _key_machine(m), _blank_board(m), _display_safe(m)
    b.paint_walls(_between(r, (170, 170, 160), (250, 248, 240)) if r.random() < 0.6 else _c(r))
    _skirting(b, _c(r, 20, 120), 0.1)
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        tone = _c(r, 60, 200)
        b.floor(lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.3 * res)), tone, (90, 90, 90)))
    b.ceiling(_tiled_ceiling if r.random() < 0.6 else _plain_ceiling)
    _shop_front(b)
    back = b.wall("back")
    along = _wall_spot(back, r, 1.2, 1.2, 2.2)
    if along is not None:
        x, z, bw, bd = _wall_box(b, "back", along, 1.2, 0.05)
        _model(b, Box(x, z, bw, bd, 0.9, 1.3, _faces(board, "front")))
    for name in ("left", "right"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 3))):
            wall.put(_padlocks(r, wall.px(float(r.uniform(0.8, 1.4))), wall.px(1.0)), 2.0, 2.3)
        if r.random() < 0.6:
            wall.put(_number_plates(r, wall.px(0.9), wall.px(0.4)), 1.0, 1.2)
    fl = _Floor(b.w, b.d, 1.0)
    cz = b.d - float(r.uniform(1.3, 1.8))
    cw = min(b.w - 1.0, float(r.uniform(1.8, 2.6)))
    cx = float(r.uniform(-0.25, 0.25)) * (b.w - cw)
    _box(
        b,
        (cx, cz, cw, 0.6, "front"),
        1.0,
        {
            "front": _cabinet(r, max(2, int(cw / 0.5)), 1, _c(r, 30, 200)),
            "top": _grained(r, 48, 16, _c(r, 40, 200), 3.0),
        },
    )
    fl.take(cx, cz, cw + 0.4, 1.2)
    _model(b, Box(cx - cw / 4, cz, 0.4, 0.3, 0.3, 1.0, _faces(machine, "front")))
    b.boxes.append(Box(cx + cw / 4, cz, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), "front")))
    spot = fl.against(r, 0.5, 0.5, ("left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.7, 0.0, _faces(safe, facing)))
    spot = fl.against(r, 0.9, 0.4, ("left", "right"))
    if spot:
        _add(b.boxes, b.tops, "shelf", _piece(r, "shelf"), spot, 1.6)
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(b.wall(str(r.choice(["left", "right"]))), 1)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# picture framer


def _mount_cutter(m: Rng) -> dict[str, U8]:
    """A mount cutter: a long board with a ruled rail, a cutting head, squaring arm."""
    board = _pick(m, [(235, 235, 232), (60, 62, 66), (40, 80, 60)])
    top = _grained(m, 64, 32, board, 2.0)
    cv2.rectangle(top, (2, 4), (61, 7), (190, 192, 196), -1)
    for x in range(2, 62, 3):
        top[8, x] = (30, 30, 30)
    cv2.rectangle(top, (24, 2), (32, 10), _c(m, 60, 250), -1)
    cv2.line(top, (2, 10), (2, 30), (190, 192, 196), 2)
    edge = _grained(m, 64, 8, _shade(board, 0.7), 2.0)
    return {"front": edge, "side": edge, "top": top}


def _underpinner(m: Rng) -> dict[str, U8]:
    """An underpinner (frame joining machine): a cabinet on legs, a pin magazine, a
    clamp, a foot pedal."""
    body = _pick(m, [(200, 60, 40), (60, 90, 140), (230, 200, 60), (70, 70, 74)])
    front = _grained(m, 32, 64, body, 2.0)
    cv2.rectangle(front, (4, 4), (27, 20), _shade(body, 0.8), -1)
    cv2.rectangle(front, (12, 8), (19, 16), (190, 192, 196), -1)
    cv2.rectangle(front, (2, 24), (29, 26), (40, 40, 42), -1)
    cv2.line(front, (6, 26), (4, 63), (40, 40, 42), 2)
    cv2.line(front, (25, 26), (27, 63), (40, 40, 42), 2)
    cv2.rectangle(front, (10, 58), (22, 62), (30, 30, 30), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 64, body, 2.0),
        "top": _grained(m, 24, 24, body, 2.0),
    }


def _corner_rack(m: Rng) -> dict[str, U8]:
    """The supplier's rack of moulding corner samples: rows of L-shaped corners in gilt,
    wood, black, white and colours, each with a code."""
    img = _grained(m, 96, 64, (225, 222, 215), 2.0)
    for y in range(3, 60, 10):
        for x in range(3, 92, 9):
            col = _pick(
                m,
                [(200, 170, 70), _wood_tone(m), (25, 25, 25), (240, 240, 236), _c(m, 40, 230)],
            )
            t = int(m.integers(2, 4))
            cv2.rectangle(img, (x, y), (x + 7, y + t), col, -1)
            cv2.rectangle(img, (x, y), (x + t, y + 7), col, -1)
            img[y + 8, x + 3 : x + 6] = (60, 60, 60)
    edge = _grained(m, 8, 64, (200, 198, 190), 2.0)
    return {"front": img, "side": edge, "top": _grained(m, 8, 8, (200, 198, 190), 2.0)}


def _framed(rng: Rng, w: int, h: int) -> U8:
    """A framed picture for sale or on show: a landscape, a pattern or a print in a mount
    and a frame of any finish."""
    t = max(2, min(w, h) // 10)
    mount = max(1, min(w, h) // 8) if rng.random() < 0.7 else 0
    iw, ih = max(4, w - 2 * t - 2 * mount), max(4, h - 2 * t - 2 * mount)
    u = rng.random()
    if u < 0.6:
        art = np.asarray(cv2.resize(_outside(rng, 48, 36), (iw, ih)), np.uint8)
    elif u < 0.8:
        art = _grained(rng, iw, ih, _c(rng), 10.0)
        for _ in range(int(rng.integers(2, 6))):
            cv2.circle(
                art,
                (int(rng.integers(0, iw)), int(rng.integers(0, ih))),
                int(rng.integers(2, max(3, iw // 3))),
                _c(rng),
                -1,
            )
    else:
        art = _label(rng, iw, ih)
    if mount:
        art = _frame(art, _pick(rng, [(245, 243, 236), (30, 30, 32), _c(rng, 150, 256)]), mount)
    return _frame(
        art, _pick(rng, [(200, 170, 70), (30, 30, 30), _wood_tone(rng), (240, 240, 236)]), t
    )


def _mouldings(rng: Rng, w: int, h: int) -> U8:
    """A wall rack of moulding lengths lying on brackets: long bars of many finishes."""
    img = _grained(rng, w, h, _between(rng, (190, 185, 175), (235, 230, 220)), 2.0)
    y = 2
    while y < h - 3:
        t = int(rng.integers(2, 5))
        col = _pick(rng, [(200, 170, 70), _wood_tone(rng), (25, 25, 25), (240, 240, 236)])
        x0 = int(rng.integers(0, max(1, w // 6)))
        cv2.rectangle(img, (x0, y), (w - 1 - int(rng.integers(0, max(1, w // 6))), y + t), col, -1)
        y += t + int(rng.integers(1, 3))
    for x in range(w // 8, w, w // 4):
        cv2.rectangle(img, (x, 0), (x + 2, h - 1), (70, 70, 74), -1)
    return img


def _build_framer(b: _Build17) -> None:
    """A picture framer's: paint, boards, a shop front; framed pictures on the walls, the
    rack of corner samples, a wall of moulding lengths, a work bench with the mount cutter
    and the underpinner (the cutter, the underpinner and the rack the kind's), a counter,
    stacks of mount board, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    cutter, pinner, corners = _mount_cutter(m), _underpinner(m), _corner_rack(m)
    b.paint_walls(_between(r, (200, 195, 185), (250, 248, 242)) if r.random() < 0.7 else _c(r))
    _skirting(b, _c(r, 30, 160), 0.1)
    b.floor(_planks if r.random() < 0.6 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    for name in (side, "back"):
        wall = b.wall(name)
        along = float(r.uniform(0.5, 1.0))
        while along + 0.4 < wall.length - 0.4:
            fw, fh = float(r.uniform(0.3, 0.9)), float(r.uniform(0.3, 0.8))
            if along + fw > wall.length - 0.3:
                break
            _hang(wall, _framed(r, wall.px(fw), wall.px(fh)), along, float(r.uniform(1.6, 2.4)))
            along += fw + float(r.uniform(0.15, 0.5))
    wall = b.wall(other)
    wall.put(_mouldings(r, wall.px(float(r.uniform(1.6, 2.6))), wall.px(0.9)), 2.4, 2.5)
    spot_at = _wall_spot(wall, r, 1.1, 1.0, 1.9)
    if spot_at is not None:
        x, z, bw, bd = _wall_box(b, other, spot_at, 1.1, 0.06)
        _model(b, Box(x, z, bw, bd, 0.75, 1.15, _faces(corners, _inward(other))))
    fl = _Floor(b.w, b.d, 1.3)
    spot = fl.middle(r, 2.2, 1.1) or fl.against(r, 2.0, 0.9, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {
                "front": _cabinet(r, 4, 2, _wood_tone(r)),
                "top": _grained(r, 64, 32, _between(r, (200, 195, 180), (245, 243, 236)), 3.0),
            },
        )
        _model(b, Box(x, z, 1.2, 0.8, 0.06, 0.9, _faces(cutter, "front")))
    spot = fl.against(r, 0.5, 0.5, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.05, 0.0, _faces(pinner, facing)))
    spot = fl.against(r, 1.0, 0.7, (other, "back", side))
    if spot:
        x, z, _w, _d, _f = spot
        for k in range(int(r.integers(3, 9))):
            board = _grained(r, 32, 4, _c(r, 60, 256), 1.5)
            b.boxes.append(Box(x, z, _w * 0.9, _d * 0.9, 0.02, 0.02 * k, _all_faces(board)))
    spot = fl.against(r, float(r.uniform(1.2, 1.8)), 0.6, ("back", side))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            1.0,
            {
                "front": _grained(r, 64, 32, _c(r, 30, 200), 3.0),
                "top": _grained(r, 32, 16, _c(r, 60, 200), 3.0),
            },
        )
        b.boxes.append(Box(x, z, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), facing)))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# greengrocer


PRODUCE: tuple[Colour, ...] = (
    (200, 30, 30),  # apples, tomatoes
    (240, 140, 20),  # oranges
    (245, 220, 50),  # lemons
    (90, 160, 50),  # limes, greens
    (150, 110, 70),  # potatoes
    (110, 40, 90),  # red onions, plums
    (240, 210, 120),  # onions
    (60, 110, 40),  # cabbages
)


def _produce(rng: Rng, w: int, h: int) -> U8:
    """A crate of fruit or vegetables seen from above: packed round things of one kind,
    shaded, with the crate's rim."""
    base = PRODUCE[int(rng.integers(0, len(PRODUCE)))]
    img = _grained(rng, w, h, _shade(base, 0.5), 3.0)
    rad = max(2, int(min(w, h) * float(rng.uniform(0.08, 0.16))))
    for _ in range(int(w * h / (rad * rad) * 0.9)):
        c = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        col = _shade(base, float(rng.uniform(0.8, 1.15)))
        cv2.circle(img, c, rad, col, -1)
        cv2.circle(
            img, (c[0] - rad // 3, c[1] - rad // 3), max(1, rad // 3), _lighter(col, 1.2), -1
        )
    rim = _pick(rng, [_wood_tone(rng), (40, 120, 60), (30, 30, 30), (60, 90, 160)])
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), rim, max(1, min(w, h) // 12))
    return img


def _tiered_stand(m: Rng) -> dict[str, U8]:
    """The kind's stepped produce stand: three tiers with the maker's green or wood
    fronts, price-ticket rails along each step."""
    body = _pick(m, [(40, 100, 50), _wood_tone(m), (230, 230, 226), (40, 40, 44)])
    front = _grained(m, 64, 48, body, 3.0)
    for y in (15, 31, 47):
        cv2.rectangle(front, (0, y - 3), (63, y), (235, 235, 230), -1)
    side = _grained(m, 32, 48, body, 3.0)
    pts = np.array([[0, 47], [31, 47], [31, 0], [20, 0], [20, 16], [10, 16], [10, 32], [0, 32]])
    cv2.polylines(side, [pts.astype(np.int32)], True, _shade(body, 0.6), 1)
    return {"front": front, "side": side, "top": _grained(m, 32, 32, _shade(body, 0.8), 3.0)}


def _weighing_scale(m: Rng) -> dict[str, U8]:
    """A shop scale: a white or grey body, a digital display, a steel pan on top."""
    body = _pick(m, [(235, 235, 232), (150, 152, 156), (40, 40, 44)])
    front = _grained(m, 24, 16, body, 2.0)
    cv2.rectangle(front, (3, 3), (20, 8), (40, 60, 50), -1)
    _text(front, m, "0.000", 4, 8, 5, (120, 250, 140))
    top = _steel(m, 24, 24, 190)
    cv2.circle(top, (12, 12), 9, (210, 212, 216), 1)
    return {"front": front, "side": _grained(m, 16, 16, body, 2.0), "top": top}


def _chiller(m: Rng) -> dict[str, U8]:
    """An open-front chiller: a body in the maker's colour, a lit canopy, empty shelf
    bays (what is on them is the shop's own), a kick plate."""
    body = _pick(m, [(30, 30, 34), (230, 230, 226), (40, 60, 100)])
    front = _grained(m, 48, 72, body, 2.0)
    cv2.rectangle(front, (0, 0), (47, 7), (245, 245, 240), -1)
    _text(front, m, _word(m, (1, 2)).upper(), 3, 6, 5, _shade(body, 0.6))
    for y in (22, 36, 50, 62):
        cv2.rectangle(front, (2, y), (45, y + 1), (200, 202, 206), -1)
    cv2.rectangle(front, (0, 66), (47, 71), _shade(body, 0.6), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 72, body, 2.0),
        "top": _grained(m, 32, 32, body, 2.0),
    }


def _build_greengrocer(b: _Build17) -> None:
    """A greengrocer's: paint or tiles, lino or boards, a shop front; crates of fruit and
    vegetables on the kind's stepped stands and on low tables along the walls, an open
    chiller of salads (the stands, the chiller and the counter's scale the kind's),
    chalkboards of prices, sacks, a counter with a till, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    stand, scale, chiller = _tiered_stand(m), _weighing_scale(m), _chiller(m)
    if r.random() < 0.4:
        colour = _between(r, (200, 220, 200), (250, 250, 245))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.15 * res)), colour, (160, 160, 155)))
    else:
        b.paint_walls(_c(r, 100, 256))
    _skirting(b, _c(r, 20, 140), 0.1)
    b.floor((lambda g, w, h, res: _lino(g, w, h)) if r.random() < 0.6 else _planks)
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    fl = _Floor(b.w, b.d, 1.3)
    for side in ("left", "right"):
        wall = b.wall(side)
        along = 1.2
        while along + 1.2 < wall.length - 0.8:
            x, z, bw, bd = _wall_box(b, side, along + 0.6, 1.2, 0.8)
            crates = _produce(r, 48, 32)
            b.boxes.append(
                Box(
                    x,
                    z,
                    bw,
                    bd,
                    0.8,
                    0.0,
                    _faces(
                        {"front": _wood(r, 48, 24, _wood_tone(r), 6), "top": crates}, _inward(side)
                    ),
                )
            )
            fl.take(x, z, bw + 0.2, bd + 0.2)
            along += 1.3
        wall.put(_chalkboard(r, wall.px(0.8), wall.px(0.5)), 2.0, 2.3)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 1.6, 1.0)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 1.6, 1.0, 1.1, 0.0, _faces(stand, "front")))
        for dz, y0 in ((-0.33, 0.37), (0.0, 0.73), (0.33, 1.1)):
            b.boxes.append(Box(x, z + dz, 1.5, 0.3, 0.06, y0, _all_faces(_produce(r, 48, 12))))
    spot = fl.against(r, 1.2, 0.7, ("back", "left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.9, 0.0, _faces(chiller, facing)))
        goods = _grained(r, 48, 48, (30, 30, 30), 2.0)
        for y in range(2, 46, 12):
            for gx in range(2, 46, 6):
                cv2.rectangle(goods, (gx, y), (gx + 4, y + 9), _c(r, 60, 256), -1)
        fx = {"front": (0.0, -_d / 2), "back": (0.0, _d / 2), "left": (-_w / 2, 0.0)}
        ox, oz = fx.get(facing, (_w / 2, 0.0))
        gw, gd = (_w - 0.1, 0.02) if facing in ("front", "back") else (0.02, _d - 0.1)
        sx = 1.0 if facing != "left" else -1.0
        b.boxes.append(
            Box(
                x + ox + (0.01 * sx if facing in ("left", "right") else 0.0),
                z + oz + (-0.01 if facing == "front" else 0.01 if facing == "back" else 0.0),
                gw,
                gd,
                1.0,
                0.45,
                _faces({"front": goods, "side": goods, "top": goods}, facing),
            )
        )
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        x, z, cw, _cd, facing = spot
        _box(
            b,
            spot,
            0.95,
            {
                "front": _wood(r, 64, 32, _wood_tone(r), 8),
                "top": _grained(r, 32, 16, _c(r, 60, 200), 3.0),
            },
        )
        _model(b, Box(x - cw / 4, z, 0.35, 0.3, 0.12, 0.95, _faces(scale, "front")))
        b.boxes.append(Box(x + cw / 4, z, 0.35, 0.3, 0.22, 0.95, _faces(_till(r), "front")))
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.45, 0.35, ("back", "left", "right"))
        if spot:
            sack = _grained(r, 24, 32, _between(r, (160, 130, 90), (210, 180, 130)), 6.0)
            _text(sack, r, _word(r, (1, 2)).upper(), 2, 18, 6, (60, 40, 30))
            _box(b, spot, 0.55, {"front": sack, "top": _produce(r, 24, 24)})
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    back.put(_chalkboard(r, back.px(1.0), back.px(0.6)), 2.2, 2.4)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# chess club


def _chess_table(m: Rng) -> dict[str, U8]:
    """The club's tournament table: a laminate top and apron in the maker's finish, a
    modesty panel, steel legs."""
    top_c = _pick(m, [(235, 232, 222), _wood_tone(m), (60, 62, 66)])
    front = _grained(m, 48, 24, (70, 72, 76), 2.0)
    front[:5] = top_c
    cv2.rectangle(front, (6, 7), (41, 16), _shade(top_c, 0.85), -1)
    for x in (2, 44):
        cv2.rectangle(front, (x, 5), (x + 2, 23), (150, 152, 156), -1)
    return {"front": front, "side": front, "top": _grained(m, 48, 32, top_c, 2.0)}


def _chess_clock(m: Rng) -> dict[str, U8]:
    """A chess clock: a wedge case in the maker's colour, two faces, two buttons."""
    case = _pick(m, [(30, 30, 32), (120, 30, 30), _wood_tone(m)])
    front = _grained(m, 32, 16, case, 2.0)
    for x in (8, 24):
        cv2.circle(front, (x, 9), 5, (245, 245, 240), -1)
        cv2.line(front, (x, 9), (x + 2, 6), (20, 20, 20), 1)
    top = _grained(m, 32, 16, case, 2.0)
    for x in (8, 24):
        cv2.rectangle(top, (x - 3, 6), (x + 3, 10), (230, 200, 60), -1)
    return {"front": front, "side": _grained(m, 16, 16, case, 2.0), "top": top}


def _board_top(rng: Rng, s: int, pieces: bool = True) -> U8:
    """A chessboard from above (the squares' two colours are this board's own), pieces on
    some squares, a game in progress."""
    light = _pick(rng, [(235, 220, 180), (240, 240, 230), (220, 230, 210)])
    dark = _pick(rng, [(150, 100, 60), (60, 110, 70), (90, 90, 110), (110, 70, 50)])
    img = np.empty((s, s, 3), np.uint8)
    c = s / 8
    for i in range(8):
        for j in range(8):
            img[int(i * c) : int((i + 1) * c), int(j * c) : int((j + 1) * c)] = (
                light if (i + j) % 2 == 0 else dark
            )
    if pieces:
        for _ in range(int(rng.integers(8, 28))):
            i, j = int(rng.integers(0, 8)), int(rng.integers(0, 8))
            col = (245, 240, 230) if rng.random() < 0.5 else (25, 22, 20)
            cv2.circle(img, (int((j + 0.5) * c), int((i + 0.5) * c)), max(1, int(c / 3)), col, -1)
    return img


def _demo_board(m: Rng) -> dict[str, U8]:
    """A hanging demonstration board: a big printed board in a frame, the maker's
    letters and numbers along its edges, magnetic pieces in an opening position."""
    img = _grained(m, 72, 72, (245, 245, 240), 1.0)
    _paste(img, _board_top(m, 64), 4, 4)
    for k in range(8):
        _text(img, m, "ABCDEFGH"[k], 4 + k * 8 + 2, 71, 3, (40, 40, 40))
    edge = _grained(m, 8, 72, (40, 40, 44), 1.0)
    return {"front": img, "side": edge, "top": _grained(m, 8, 8, (40, 40, 44), 1.0)}


def _honours(rng: Rng, w: int, h: int) -> U8:
    """An honours board: dark wood, a gilt title, columns of gilt years and names."""
    img = _wood(rng, w, h, _shade(_wood_tone(rng), 0.6), max(3, h // 6))
    gold = (215, 180, 80)
    _text(img, rng, _word(rng, (2, 4)).upper(), 3, max(6, h // 8), max(4, h // 10), gold)
    for y in range(h // 5, h - 3, max(4, h // 12)):
        _text(img, rng, str(int(rng.integers(1950, 2026))), 3, y, max(3, h // 16), gold)
        cv2.line(
            img, (w // 4, y - 2), (w // 4 + int(w * float(rng.uniform(0.3, 0.6))), y - 2), gold, 1
        )
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), gold, 1)
    return img


def _trophies(rng: Rng, w: int, h: int) -> U8:
    """A cabinet of trophies behind glass: cups, shields and figures of chess pieces."""
    img = _grained(rng, w, h, _between(rng, (60, 50, 40), (120, 100, 80)), 3.0)
    rows = max(2, h // 24)
    for k in range(rows):
        y1 = (k + 1) * h // rows - 2
        x = 3
        while x < w - 8:
            col = _pick(rng, [(215, 180, 80), (200, 200, 205), (180, 110, 60)])
            th = int(h // rows * float(rng.uniform(0.4, 0.85)))
            cv2.rectangle(img, (x + 2, y1 - th // 3), (x + 5, y1), col, -1)
            cv2.ellipse(img, (x + 3, y1 - th // 2), (3, th // 4), 0, 0, 360, col, -1)
            x += int(rng.integers(8, 14))
        cv2.line(img, (0, y1 + 1), (w, y1 + 1), (200, 200, 200), 1)
    return _u8(img.astype(np.float32) * 0.85 + 25)


def _build_chess_club(b: _Build17) -> None:
    """A chess club's room: paint or panelling, boards or carpet, windows along one side;
    rows of the kind's tournament tables, each with a board of its own game and the
    kind's clock, chairs, the kind's demonstration board on the back wall, honours
    boards, a trophy cabinet, notices, a door."""
    r, m = b.fix, _mass_produced(b)
    table, clock, demo = _chess_table(m), _chess_clock(m), _demo_board(m)
    if r.random() < 0.35:
        tone = _wood_tone(r)
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, tone, max(3, round(0.3 * res)), along_x=False))
    else:
        b.paint_walls(_between(r, (190, 190, 175), (248, 245, 235)) if r.random() < 0.6 else _c(r))
    _skirting(b, _wood_tone(r), 0.15)
    b.floor(
        _planks
        if r.random() < 0.5
        else (lambda g, w, h, res: _grained(g, w, h, _c(g, 30, 150), 7.0))
    )
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    wall = b.wall(side)
    along = 1.0
    while along + 1.2 < wall.length - 0.5:
        _window(wall, r, _outside(r, 64, 64), along, 1.0, 1.1, 1.4, _c(r, 150, 256))
        along += float(r.uniform(2.0, 3.0))
    back = b.wall("back")
    at = _wall_spot(back, r, 1.0, 1.1, 2.3)
    if at is not None:
        x, z, bw, bd = _wall_box(b, "back", at, 1.0, 0.05)
        _model(b, Box(x, z, bw, bd, 1.0, 1.25, _faces(demo, "front")))
    fl = _Floor(b.w, b.d, 1.2)
    chair = _piece(r, "chair")
    rows = 2 if b.w > 7.5 else 1
    z = float(r.uniform(2.0, 2.6))
    while z + 1.0 < b.d - 1.5:
        for k in range(rows):
            x = (k - (rows - 1) / 2) * float(r.uniform(2.6, 3.2)) + float(r.uniform(-0.2, 0.2))
            if not fl.fits(x, z, 1.0, 1.8):
                continue
            fl.take(x, z, 1.2, 1.8)
            _model(b, Box(x, z, 1.0, 0.7, 0.74, 0.0, _faces(table, "front")))
            b.boxes.append(Box(x - 0.15, z, 0.4, 0.4, 0.01, 0.74, _all_faces(_board_top(r, 32))))
            _model(b, Box(x + 0.3, z, 0.2, 0.1, 0.1, 0.74, _faces(clock, "front")))
            b.tops.append((x, z, 0.8, 0.5, 0.74))
            _add(b.boxes, b.tops, "chair", chair, (x, z - 0.6, 0.45, 0.45, "back"), 0.9)
            _add(b.boxes, b.tops, "chair", chair, (x, z + 0.6, 0.45, 0.45, "front"), 0.9)
        z += float(r.uniform(1.9, 2.3))
    wall = b.wall(other)
    for _ in range(int(r.integers(1, 3))):
        wall.put(_honours(r, wall.px(float(r.uniform(0.8, 1.2))), wall.px(1.0)), 2.2, 2.5)
    spot = fl.against(r, 1.2, 0.45, (other, "back"))
    if spot:
        _box(
            b,
            spot,
            1.8,
            {"front": _trophies(r, 48, 72), "side": _wood(r, 16, 72, _wood_tone(r), 4)},
        )
    wall.put(_label(r, wall.px(0.8), wall.px(0.6)), 1.7, 1.8)
    _poster(back, 1)
    _small_things(back, ("socket", "clock"))
    _door(back, r, _c(r, 40, 200))


# photo studio


def _softbox(m: Rng) -> dict[str, U8]:
    """A softbox: a white diffuser face with a darker rim, black fabric sides, the
    maker's badge."""
    face = _grained(m, 32, 40, (248, 248, 246), 1.0)
    cv2.rectangle(face, (0, 0), (31, 39), (60, 60, 62), 2)
    side = _grained(m, 24, 40, (30, 30, 32), 2.0)
    _text(side, m, _word(m, (1, 2)).upper(), 2, 20, 4, _c(m, 120, 256))
    return {"front": face, "side": side, "top": _grained(m, 24, 24, (30, 30, 32), 2.0)}


def _strobe(m: Rng) -> dict[str, U8]:
    """A studio flash head: a body in the maker's colour, a silver reflector dish."""
    body = _pick(m, [(235, 235, 232), (30, 30, 32), (200, 60, 40)])
    front = _grained(m, 24, 24, (40, 40, 42), 2.0)
    cv2.circle(front, (12, 12), 11, (200, 202, 206), -1)
    cv2.circle(front, (12, 12), 5, (250, 250, 245), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 24, body, 2.0),
        "top": _grained(m, 24, 24, body, 2.0),
    }


def _roll_holder(m: Rng) -> dict[str, U8]:
    """A backdrop support: a black crossbar with the maker's end brackets and chains."""
    front = _grained(m, 96, 8, (30, 30, 32), 1.0)
    for x in (0, 88):
        cv2.rectangle(front, (x, 0), (x + 7, 7), _c(m, 60, 230), -1)
    cv2.line(front, (10, 6), (10, 7), (180, 180, 185), 1)
    return {"front": front, "side": _grained(m, 8, 8, (30, 30, 32), 1.0), "top": front}


def _build_photo_studio(b: _Build17) -> None:
    """A photographer's studio: white or black walls, a painted concrete floor, the
    kind's backdrop support with a paper sweep of the studio's own colour, softboxes and
    flash heads on stands (the kind's), props (a stool, crates, a plant), a desk with a
    screen, sample prints of landscapes and products, a door."""
    r, m = b.fix, _mass_produced(b)
    soft, flash, holder = _softbox(m), _strobe(m), _roll_holder(m)
    dark = r.random() < 0.3
    b.paint_walls(
        _between(r, (30, 30, 32), (60, 60, 64))
        if dark
        else _between(r, (225, 225, 220), (252, 252, 250))
    )
    b.floor(lambda g, w, h, res: _grained(g, w, h, _c(g, 60, 160), 5.0))
    b.ceiling(
        lambda g, w, h, res: _grained(g, w, h, (50, 50, 52) if dark else (230, 230, 228), 2.0)
    )
    back = b.wall("back")
    sweep_w = min(b.w - 1.2, float(r.uniform(2.7, 3.5)))
    paper = _c(r, 20, 256)
    sx = float(r.uniform(-0.3, 0.3)) * (b.w - sweep_w - 0.6)
    px0 = back.x_of((b.w - sweep_w) / 2 + sx)
    sweep = _grained(r, back.px(sweep_w), back.px(2.5), paper, 3.0)
    sweep = _u8(sweep.astype(np.float32) * np.linspace(1.05, 0.9, sweep.shape[0])[:, None, None])
    _paste(back.img, sweep, px0, back.y_of(2.5))
    back.claim(px0, back.y_of(2.5), sweep.shape[1], sweep.shape[0], gap=0)
    _model(b, Box(sx, b.d - 0.1, sweep_w + 0.2, 0.1, 0.15, 2.6, _faces(holder, "front")))
    b.boxes.append(
        Box(sx, b.d - 1.0, sweep_w, 1.9, 0.01, 0.0, _all_faces(_grained(r, 48, 32, paper, 3.0)))
    )
    fl = _Floor(b.w, b.d, 1.5)
    fl.take(sx, b.d - 1.0, sweep_w, 2.0)
    props = [("stool", 0.4, 0.4, 0.65), ("crate", 0.5, 0.4, 0.4), ("plant", 0.4, 0.4, 1.1)]
    for name, pw, pd, ph in props[: int(r.integers(1, 4))]:
        x = sx + float(r.uniform(-0.4, 0.4)) * sweep_w
        z = b.d - float(r.uniform(0.8, 1.5))
        tex = (
            _wood(r, 16, 24, _wood_tone(r), 4)
            if name != "plant"
            else _grained(r, 16, 32, _between(r, (40, 90, 40), (90, 150, 70)), 10.0)
        )
        b.boxes.append(Box(x, z, pw, pd, ph, 0.01, _all_faces(tex)))
    lights = int(r.integers(2, 4))
    for k in range(lights):
        sgn = -1.0 if k % 2 == 0 else 1.0
        x = sx + sgn * (sweep_w / 2 + float(r.uniform(-0.2, 0.4)))
        x = float(np.clip(x, -b.w / 2 + 0.5, b.w / 2 - 0.5))
        z = b.d - float(r.uniform(1.8, 3.2))
        if not fl.fits(x, z, 0.6, 0.6):
            continue
        fl.take(x, z, 0.8, 0.8)
        head_h = float(r.uniform(1.6, 2.2))
        b.boxes.append(_pole(r, x, z, head_h, 0.0))
        b.boxes.append(Box(x, z, 0.5, 0.5, 0.03, 0.0, _all_faces(_steel(r, 8, 8, 60))))
        if k < 2:
            _model(b, Box(x, z, 0.6, 0.3, 0.8, head_h - 0.4, _faces(soft, "back")))
        else:
            _model(b, Box(x, z, 0.25, 0.35, 0.25, head_h, _faces(flash, "back")))
    side = str(r.choice(["left", "right"]))
    spot = fl.against(r, 1.4, 0.7, (side,))
    if spot:
        _add(b.boxes, b.tops, "desk", _piece(r, "desk"), spot, 0.75)
        x, z, _w, _d, facing = spot
        b.boxes.append(
            Box(
                x,
                z,
                0.5 if facing in ("front", "back") else 0.04,
                0.04 if facing in ("front", "back") else 0.5,
                0.32,
                0.8,
                {
                    "front": _screen(r, 40, 24),
                    "back": _screen(r, 40, 24),
                    "left": _screen(r, 40, 24),
                    "right": _screen(r, 40, 24),
                },
            )
        )
    for name in ("left", "right"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 4))):
            pw = float(r.uniform(0.5, 1.0))
            wall.put(_framed(r, wall.px(pw), wall.px(pw * float(r.uniform(0.6, 1.3)))), 1.9, 2.3)
    _small_things(b.wall(_other(side)), ("socket",))
    _door(b.wall(_other(side)), r, _c(r, 40, 200))


# tea merchant


def _caddy(m: Rng) -> dict[str, U8]:
    """The supplier's big tea caddy: a lacquered tin (black, red or green) with a gilt
    label panel and a lid band."""
    tin = _pick(m, [(25, 25, 28), (150, 30, 30), (30, 80, 60), (40, 50, 90)])
    front = _grained(m, 24, 32, tin, 2.0)
    cv2.rectangle(front, (0, 0), (23, 5), _shade(tin, 0.6), -1)
    cv2.rectangle(front, (4, 10), (19, 24), (215, 185, 100), -1)
    cv2.rectangle(front, (6, 12), (17, 22), tin, 1)
    _text(front, m, _word(m, (1, 1)).upper(), 6, 19, 4, tin)
    return {"front": front, "side": front, "top": _grained(m, 24, 24, _shade(tin, 0.7), 2.0)}


def _balance(m: Rng) -> dict[str, U8]:
    """A brass counter balance: a beam, two pans, weights; on a dark base."""
    front = _grained(m, 32, 24, (40, 36, 32), 2.0)
    brass = (205, 170, 80)
    cv2.line(front, (16, 4), (16, 18), brass, 2)
    cv2.line(front, (4, 6), (28, 6), brass, 1)
    for x in (6, 26):
        cv2.ellipse(front, (x, 14), (5, 2), 0, 0, 180, brass, -1)
    cv2.rectangle(front, (10, 18), (22, 23), _shade(brass, 0.7), -1)
    return {"front": front, "side": front, "top": _grained(m, 32, 16, brass, 4.0)}


def _urn(m: Rng) -> dict[str, U8]:
    """A hot-water urn for tasting: a steel or copper drum, a tap, a gauge glass."""
    metal = _pick(m, [(190, 192, 196), (190, 120, 70)])
    front = _grained(m, 24, 32, metal, 3.0)
    for x in (3, 20):
        front[:, x] = _lighter(metal, 1.15)
    cv2.rectangle(front, (10, 22), (13, 27), (40, 40, 40), -1)
    cv2.line(front, (18, 6), (18, 20), (200, 220, 230), 1)
    return {"front": front, "side": front, "top": _grained(m, 24, 24, _shade(metal, 0.8), 2.0)}


def _teapots(rng: Rng, w: int, h: int) -> U8:
    """Shelves of teapots and cups for sale: round bodies, spouts, handles, lids."""
    img = _grained(rng, w, h, _between(rng, (200, 190, 170), (240, 235, 225)), 3.0)
    rows = max(2, h // 20)
    for k in range(rows):
        y1 = (k + 1) * h // rows - 2
        x = 4
        while x < w - 12:
            col = _c(rng, 40, 250)
            rad = int(rng.integers(3, 6))
            cv2.circle(img, (x + rad, y1 - rad), rad, col, -1)
            cv2.line(img, (x + 2 * rad, y1 - rad), (x + 2 * rad + 3, y1 - 2 * rad), col, 1)
            cv2.ellipse(img, (x, y1 - rad), (2, 3), 0, 90, 270, col, 1)
            x += 2 * rad + int(rng.integers(5, 9))
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 1), _wood_tone(rng), -1)
    return img


def _build_tea_merchant(b: _Build17) -> None:
    """A tea merchant's: deep paint or panelling, boards, a shop front; wall shelves of
    the supplier's caddies (as many as fit), a counter with the brass balance and the
    tasting urn (the caddies, the balance and the urn the kind's), tea chests stencilled
    with words, shelves of teapots, a chalkboard, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    caddy, balance, urn = _caddy(m), _balance(m), _urn(m)
    if r.random() < 0.35:
        tone = _wood_tone(r)
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, tone, max(3, round(0.2 * res)), along_x=False))
    else:
        b.paint_walls(_pick(r, [(40, 70, 60), (120, 40, 45), (230, 220, 200), _c(r, 40, 220)]))
    _skirting(b, _wood_tone(r), 0.12)
    b.floor(_planks)
    b.ceiling(_plain_ceiling)
    _shop_front(b)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    wall = b.wall(side)
    length = min(wall.length - 2.0, float(r.uniform(2.0, 4.0)))
    along0 = float(r.uniform(1.0, max(1.05, wall.length - length - 0.8)))
    shelf_tex = _wood(r, 64, 8, _wood_tone(r), 3)
    x_shelf = _side_x(b, side, 0.32)
    for y0 in (0.9, 1.4, 1.9):
        z_mid = along0 + length / 2 if side == "left" else b.d - along0 - length / 2
        b.boxes.append(Box(x_shelf, z_mid, 0.32, length, 0.03, y0, _all_faces(shelf_tex)))
        n = int(length / 0.36)
        for k in range(n):
            zk = z_mid - length / 2 + (k + 0.5) * length / n
            _model(b, Box(x_shelf, zk, 0.28, 0.28, 0.38, y0 + 0.03, _faces(caddy, _inward(side))))
    fl = _Floor(b.w, b.d, 1.3)
    fl.take(x_shelf, b.d / 2, 0.8, b.d)
    spot = fl.against(r, float(r.uniform(1.6, 2.4)), 0.6, ("back",))
    if spot:
        x, z, cw, _cd, _facing = spot
        _box(
            b,
            spot,
            0.95,
            {
                "front": _wood(r, 64, 32, _wood_tone(r), 8),
                "top": _grained(r, 32, 16, _wood_tone(r), 3.0),
            },
        )
        _model(b, Box(x - cw / 4, z, 0.4, 0.25, 0.3, 0.95, _faces(balance, "front")))
        _model(b, Box(x + cw / 5, z, 0.28, 0.28, 0.4, 0.95, _faces(urn, "front")))
        b.boxes.append(Box(x + cw * 0.4, z, 0.3, 0.3, 0.2, 0.95, _faces(_till(r), "front")))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.5, 0.5, (other, "back")) or fl.middle(r, 0.5, 0.5)
        if spot:
            chest = _wood(r, 32, 32, _between(r, (170, 130, 80), (210, 170, 120)), 8)
            _text(chest, r, _word(r, (1, 2)).upper(), 3, 18, 7, (40, 30, 25))
            _box(b, spot, 0.5, {"front": chest, "top": _wood(r, 32, 32, _wood_tone(r), 8)})
    wall = b.wall(other)
    wall.put(_teapots(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(1.0)), 2.1, 2.3)
    wall.put(_chalkboard(r, wall.px(0.7), wall.px(0.9)), 1.8, 2.0)
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(back, 1)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 200))


# lighting shop


def _pendant(m: Rng) -> dict[str, U8]:
    """The kind's best-selling pendant shade: a drum or dome in the maker's colour, lit
    from inside (a bright rim below)."""
    shade = _c(m, 30, 250)
    side = _grained(m, 24, 16, shade, 2.0)
    side[-3:] = _lighter(shade, 1.6)
    cv2.line(side, (0, 3), (23, 3), _shade(shade, 0.7), 1)
    top = _grained(m, 24, 24, shade, 2.0)
    cv2.circle(top, (12, 12), 3, (40, 40, 40), -1)
    return {"front": side, "side": side, "top": top}


def _floor_lamp(m: Rng) -> tuple[dict[str, U8], dict[str, U8], dict[str, U8]]:
    """The kind's floor lamp: a round base, a pole and a linen shade, glowing."""
    metal = _pick(m, [(30, 30, 32), (200, 170, 80), (190, 192, 196)])
    base = _all_faces(_grained(m, 8, 8, metal, 2.0))
    pole = _all_faces(_grained(m, 4, 32, metal, 2.0))
    linen = _pick(m, [(245, 235, 210), (250, 250, 245), (230, 200, 160)])
    side = _grained(m, 24, 16, _lighter(linen, 1.05), 3.0)
    side[:2] = _shade(linen, 0.8)
    return (
        base,
        pole,
        {"front": side, "side": side, "top": _grained(m, 16, 16, (255, 250, 230), 1.0)},
    )


def _display_cube(m: Rng) -> dict[str, U8]:
    """The kind's display plinth: a white or black cube with the maker's edge strip."""
    body = _pick(m, [(245, 245, 242), (30, 30, 32), (200, 196, 188)])
    front = _grained(m, 32, 32, body, 2.0)
    front[-3:] = _c(m, 60, 250)
    return {"front": front, "side": front, "top": _grained(m, 32, 32, body, 2.0)}


def _sconces(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """A wall of wall lights for sale: glowing shades on backplates, each with the glow it
    casts on the wall, little price tags."""
    img = _grained(rng, w, h, wall, 2.0).astype(np.float32)
    glow = np.zeros((h, w), np.float32)
    step = max(8, int(h / float(rng.uniform(2.5, 4.0))))
    for y in range(step // 2, h - 4, step):
        for x in range(step // 2, w - 4, step):
            if rng.random() < 0.2:
                continue
            col = _c(rng, 100, 256)
            sw = int(rng.integers(3, max(4, step // 3)))
            cv2.rectangle(img, (x - sw, y - sw), (x + sw, y + sw // 2), col, -1)
            cv2.circle(glow, (x, y), max(2, step // 3), 1.0, -1)
            cv2.rectangle(img, (x + sw + 1, y + sw), (x + sw + 4, y + sw + 2), (250, 250, 250), -1)
    glow = np.asarray(cv2.GaussianBlur(glow, (0, 0), max(1.0, step / 5)), np.float32)
    img = img + 110 * glow[:, :, None] * np.array([1.0, 0.92, 0.75], np.float32)
    return _u8(img)


def _build_lighting_shop(b: _Build17) -> None:
    """A lighting shop: dark or pale paint, a polished or boarded floor, a black or pale
    ceiling; walls of glowing wall lights, pendants hung in rows at many heights (the
    kind's model), floor lamps and display cubes with table lamps (the lamps and cubes the
    kind's, the table lamps each shop's own), chandeliers, a counter, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    pend, (lbase, lpole, lshade), cube = _pendant(m), _floor_lamp(m), _display_cube(m)
    dark = r.random() < 0.5
    wall_c = (
        _between(r, (35, 35, 40), (80, 75, 70))
        if dark
        else _between(r, (215, 210, 200), (250, 248, 242))
    )
    b.paint_walls(wall_c)
    b.floor(
        _planks
        if r.random() < 0.5
        else (lambda g, w, h, res: _grained(g, w, h, _c(g, 120, 230), 3.0))
    )
    b.ceiling(
        lambda g, w, h, res: _grained(g, w, h, (30, 30, 32) if dark else (235, 235, 232), 2.0)
    )
    _shop_front(b)
    for name in ("left", "right"):
        wall = b.wall(name)
        along = 1.0
        while along + 1.4 < wall.length - 0.6:
            _hang(wall, _sconces(r, wall.px(1.4), wall.px(1.5), wall_c), along, 2.5)
            along += float(r.uniform(1.5, 2.2))
    fl = _Floor(b.w, b.d, 1.4)
    z = float(r.uniform(1.8, 2.5))
    while z < b.d - 1.0:
        for _ in range(int(r.integers(2, 4))):
            x = float(r.uniform(-0.4, 0.4)) * b.w
            drop = float(r.uniform(0.5, 1.3))
            y0 = b.h - drop - 0.35
            b.boxes.append(_pole(r, x, z, drop, y0 + 0.35, 0.01))
            _model(b, Box(x, z, 0.36, 0.36, 0.26, y0, _faces(pend, "front")))
        z += float(r.uniform(1.2, 1.8))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.middle(r, 0.8, 0.8)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 0.6, 0.6, 0.8, 0.0, _faces(cube, "front")))
        glow = _grained(r, 16, 16, _lighter(_c(r, 120, 256), 1.2), 3.0)
        b.boxes.append(
            Box(x, z, 0.12, 0.12, 0.2, 0.8, _all_faces(_grained(r, 8, 16, _c(r, 20, 250), 3.0)))
        )
        b.boxes.append(Box(x, z, 0.32, 0.32, 0.22, 1.0, _all_faces(glow)))
    for _ in range(int(r.integers(2, 5))):
        spot = fl.against(r, 0.5, 0.5, ("left", "right", "back"))
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 0.3, 0.3, 0.04, 0.0, lbase))
        _model(b, Box(x, z, 0.03, 0.03, 1.3, 0.04, lpole))
        _model(b, Box(x, z, 0.42, 0.42, 0.3, 1.34, _faces(lshade, "front")))
    for _ in range(int(r.integers(0, 3))):
        x, z = float(r.uniform(-0.3, 0.3)) * b.w, float(r.uniform(2.5, b.d - 1.5))
        crystal = _grained(r, 24, 24, _between(r, (220, 210, 170), (255, 250, 230)), 12.0)
        for _k in range(12):
            cv2.circle(
                crystal, (int(r.integers(0, 24)), int(r.integers(0, 24))), 1, (255, 255, 255), -1
            )
        b.boxes.append(_pole(r, x, z, 0.4, b.h - 0.4, 0.01))
        b.boxes.append(Box(x, z, 0.7, 0.7, 0.5, b.h - 0.9, _all_faces(crystal)))
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        x, z, _cw, _cd, _facing = spot
        _box(
            b,
            spot,
            1.0,
            {
                "front": _grained(r, 64, 32, _c(r, 20, 200), 3.0),
                "top": _grained(r, 32, 16, _c(r, 60, 220), 3.0),
            },
        )
        b.boxes.append(Box(x, z, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), "front")))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# fishing tackle shop


def _rod_rack(m: Rng) -> dict[str, U8]:
    """A floor rod rack: a base and a top rail holding rods upright: dark blanks, cork
    handles, reel seats, rings."""
    wood = _pick(m, [_wood_tone(m), (40, 40, 42), (60, 80, 60)])
    front = _grained(m, 64, 96, (210, 210, 205), 2.0)
    for x in range(3, 62, 4):
        blank = _pick(m, [(30, 30, 32), (60, 40, 30), (40, 60, 90), (120, 120, 125)])
        cv2.line(front, (x, 2), (x, 88), blank, 1)
        cv2.rectangle(front, (x - 1, 62), (x + 1, 80), (200, 160, 110), -1)
        cv2.rectangle(front, (x - 1, 58), (x + 1, 60), (180, 180, 185), -1)
        for y in range(8, 56, 12):
            front[y, x - 1 : x + 2] = (200, 200, 205)
    cv2.rectangle(front, (0, 86), (63, 95), wood, -1)
    cv2.rectangle(front, (0, 0), (63, 4), wood, -1)
    side = _grained(m, 24, 96, wood, 2.0)
    return {"front": front, "side": side, "top": _grained(m, 24, 24, wood, 2.0)}


def _bait_fridge(m: Rng) -> dict[str, U8]:
    """A bait fridge: a white chest with the maker's sticker, a glass lid."""
    body = _pick(m, [(245, 245, 242), (40, 60, 110), (200, 40, 40)])
    front = _grained(m, 32, 24, body, 2.0)
    cv2.rectangle(front, (6, 6), (25, 15), _c(m, 40, 250), -1)
    _text(front, m, _word(m, (1, 2)).upper(), 7, 13, 5, (250, 250, 250))
    top = _grained(m, 32, 32, (150, 175, 185), 3.0)
    cv2.rectangle(top, (0, 0), (31, 31), body, 2)
    return {"front": front, "side": _grained(m, 32, 24, body, 2.0), "top": top}


def _reel_case(m: Rng) -> dict[str, U8]:
    """A glass counter of reels: a dark body, and under the glass reels in rows (round
    spools, handles) on the maker's blue felt."""
    body = _pick(m, [(30, 30, 32), _wood_tone(m)])
    front = _grained(m, 64, 32, (190, 205, 210), 3.0)
    front[20:] = body
    top = _grained(m, 64, 24, (40, 60, 110), 3.0)
    for x in range(5, 60, 9):
        for y in (6, 16):
            cv2.circle(top, (x, y), 3, _pick(m, [(180, 180, 185), (30, 30, 32), (200, 60, 40)]), -1)
            cv2.line(top, (x, y), (x + 4, y - 2), (40, 40, 40), 1)
    return {"front": front, "side": _grained(m, 24, 32, body, 2.0), "top": top}


def _lures(rng: Rng, w: int, h: int) -> U8:
    """A pegboard wall of lures and floats on cards: bright little fish shapes, spoons,
    quills."""
    img = _grained(rng, w, h, _between(rng, (170, 140, 100), (230, 210, 180)), 2.0)
    for y in range(2, h, 4):
        for x in range(2, w, 4):
            img[y, x] = (70, 60, 50)
    for _ in range(max(6, w * h // 120)):
        x, y = int(rng.integers(2, max(3, w - 10))), int(rng.integers(2, max(3, h - 12)))
        cv2.rectangle(img, (x, y), (x + 7, y + 10), (245, 245, 240), -1)
        col = _c(rng, 60, 256)
        if rng.random() < 0.6:
            cv2.ellipse(img, (x + 3, y + 5), (3, 1), 0, 0, 360, col, -1)
            pts = np.array([[x + 6, y + 5], [x + 7, y + 3], [x + 7, y + 7]], np.int32)
            cv2.fillPoly(img, [pts], col)
        else:
            cv2.line(img, (x + 3, y + 2), (x + 3, y + 9), col, 1)
            img[y + 2 : y + 4, x + 3] = (250, 40, 40)
    return img


def _build_tackle_shop(b: _Build17) -> None:
    """A fishing tackle shop: paint or boards, lino or boards, a shop front; rod racks
    along a side, the bait fridge, the glass counter of reels (the racks, the fridge and
    the counter the kind's), pegboard walls of lures and floats, nets and waders on
    hooks, boxes of tackle, a fish-shaped sign, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, fridge, case = _rod_rack(m), _bait_fridge(m), _reel_case(m)
    if r.random() < 0.35:
        tone = _wood_tone(r)
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, tone, max(3, round(0.18 * res))))
    else:
        b.paint_walls(_c(r, 60, 240))
    _skirting(b, _c(r, 20, 120), 0.1)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.2)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.2, 0.4, (side,))
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, _w, _d, 1.9, 0.0, _faces(rack, facing)))
    for name in (other, "back"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 3))):
            wall.put(_lures(r, wall.px(float(r.uniform(0.9, 1.6))), wall.px(1.1)), 2.1, 2.4)
        for _ in range(int(r.integers(1, 4))):
            net = np.zeros((wall.px(1.2), wall.px(0.3), 3), np.uint8)
            net[:] = wall.img[wall.y_of(2.2), wall.x_of(0.5)]
            cv2.line(
                net,
                (net.shape[1] // 2, 0),
                (net.shape[1] // 2, net.shape[0] * 2 // 3),
                _c(r, 20, 120),
                2,
            )
            cv2.ellipse(
                net,
                (net.shape[1] // 2, net.shape[0] * 5 // 6),
                (net.shape[1] // 2 - 1, net.shape[0] // 7),
                0,
                0,
                360,
                (40, 60, 40),
                1,
            )
            wall.put(net, 2.3, 2.5)
    spot = fl.against(r, 0.6, 0.6, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.9, 0.0, _faces(fridge, facing)))
    spot = fl.against(r, 1.2, 0.5, ("back", other))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.95, 0.0, _faces(case, facing)))
        b.tops.append((x, z, _w * 0.6, _d * 0.5, 0.95))
        b.boxes.append(
            Box(
                x + 0.3 * (_w > _d),
                z + 0.3 * (_d > _w),
                0.35,
                0.3,
                0.22,
                0.95,
                _faces(_till(r), facing),
            )
        )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 0.6, 0.5)
        if spot:
            _box(
                b,
                spot,
                float(r.uniform(0.3, 0.7)),
                {"front": _label(r, 32, 24), "top": _lures(r, 32, 24)},
            )
    back = b.wall("back")
    sign = _sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3))
    fish = _c(r, 40, 230)
    sh, sw = sign.shape[:2]
    cv2.ellipse(sign, (sw - sh, sh // 2), (sh * 2 // 3, sh // 3), 0, 0, 360, fish, -1)
    back.put(sign, b.h - 0.05, b.h - 0.02)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_sauna(b: _Build17) -> None:
    """A sauna cabin of one spa: every fixed thing the template's (see the module's
    docstring); the towels, the scent bottle, the sand timer, the cabin's number and
    notice and what its little window shows the cabin's own."""
    r, o = b.fix, b.own
    tone = _between(r, (170, 120, 70), (225, 185, 130))
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _wood(r, tw, th, tone, max(3, round(0.09 * res)), along_x=False))
    b.ceiling(lambda g, w, h, res: _wood(g, w, h, _shade(tone, 0.9), max(3, round(0.09 * res))))
    b.floor(lambda g, w, h, res: _wood(g, w, h, _shade(tone, 0.7), max(3, round(0.12 * res))))
    bench = _wood(r, 64, 16, _lighter(tone, 1.08), 4)
    riser = _wood(r, 64, 16, _shade(tone, 0.8), 4, along_x=False)
    b.boxes.append(Box(0.0, b.d - 0.3, b.w, 0.6, 0.95, 0.0, {"front": riser, "top": bench}))
    b.boxes.append(Box(0.0, b.d - 0.85, b.w, 0.5, 0.45, 0.0, {"front": riser, "top": bench}))
    b.tops.append((0.0, b.d - 0.3, b.w * 0.8, 0.4, 0.95))
    b.tops.append((0.0, b.d - 0.85, b.w * 0.8, 0.3, 0.45))
    sgn = float(r.choice([-1.0, 1.0]))
    side = "right" if sgn > 0 else "left"
    other = _other(side)
    stove = _grained(r, 24, 32, _pick(r, [(40, 40, 44), (180, 182, 186)]), 2.0)
    cv2.rectangle(stove, (4, 16), (19, 28), (60, 60, 64), 1)
    stones = _grained(r, 24, 24, (110, 105, 100), 12.0)
    for _ in range(30):
        cv2.circle(
            stones,
            (int(r.integers(0, 24)), int(r.integers(0, 24))),
            3,
            _between(r, (80, 80, 80), (150, 145, 140)),
            -1,
        )
    sx, sz = sgn * (b.w / 2 - 0.35), max(0.55, b.d - 1.4)
    b.boxes.append(
        Box(
            sx,
            sz,
            0.45,
            0.45,
            0.75,
            0.0,
            {"front": stove, "left": stove, "right": stove, "back": stove, "top": stones},
        )
    )
    guard = _wood(r, 8, 32, _shade(tone, 0.85), 2, along_x=False)
    b.boxes.append(Box(sx - sgn * 0.3, sz, 0.03, 0.6, 0.9, 0.0, _all_faces(guard)))
    wall = b.wall(other)
    win_along = float(r.uniform(0.5, max(0.55, wall.length - 0.9)))
    _window(wall, r, _outside(r, 32, 32), win_along, 1.3, 0.45, 0.45, _shade(tone, 0.6))
    louvre = _wood(r, 32, 24, _shade(tone, 0.75), 3)
    for y in range(2, 24, 4):
        cv2.line(louvre, (0, y), (31, y), _shade(tone, 0.5), 1)
    b.wall(side).put(louvre, 1.9, 1.95)
    bucket = _wood(r, 16, 16, _shade(tone, 0.65), 3, along_x=False)
    cv2.rectangle(bucket, (0, 2), (15, 3), (190, 190, 195), -1)
    bx = float(r.uniform(-0.3, 0.3)) * b.w
    b.boxes.append(Box(bx, b.d - 0.85, 0.25, 0.25, 0.25, 0.45, _all_faces(bucket)))
    therm = _grained(r, b.wall("back").px(0.18), b.wall("back").px(0.18), _shade(tone, 0.6), 2.0)
    cv2.circle(
        therm,
        (therm.shape[1] // 2, therm.shape[0] // 2),
        therm.shape[0] // 2 - 1,
        (240, 240, 236),
        -1,
    )
    b.wall("back").put(therm, 1.9, 2.0)
    # The cabin's own: the view, the towels, a bottle and a timer, its number and notice.
    x0, y0 = wall.x_of(win_along) + wall.px(0.06), wall.y_of(1.69)
    vw, vh = max(4, wall.px(0.33)), max(4, wall.px(0.33))
    view = (
        _outside(o, 32, 32)
        if o.random() < 0.5
        else _tiles(o, 32, 32, 6, _c(o, 120, 256), (200, 200, 200))
    )
    _paste(wall.img, np.asarray(cv2.resize(view, (vw, vh)), np.uint8), x0, y0)
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        towel = _stripes_towel(o)
        lower = o.random() < 0.4
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.35, 0.35)) * b.w,
                b.d - (0.85 if lower else 0.3),
                float(o.uniform(0.4, 0.7)),
                0.35,
                0.04,
                0.45 if lower else 0.95,
                _all_faces(towel),
            )
        )
    bottle = _grained(o, 8, 16, _c(o, 40, 250), 3.0)
    st.own_boxes.append(Box(bx + 0.25, b.d - 0.85, 0.07, 0.07, 0.18, 0.45, _all_faces(bottle)))
    timer = _grained(o, 8, 16, _c(o, 60, 250), 2.0)
    number = _grained(o, wall.px(0.22), wall.px(0.16), _c(o, 20, 120), 2.0)
    _text(
        number,
        o,
        str(int(o.integers(1, 30))),
        2,
        number.shape[0] - 3,
        number.shape[0] - 5,
        (245, 240, 230),
    )
    front_side = b.wall(side)
    _paste(
        front_side.img,
        timer,
        front_side.x_of(float(o.uniform(0.3, max(0.35, front_side.length - 0.5)))),
        front_side.y_of(1.5),
    )
    _paste(front_side.img, number, front_side.x_of(0.2), front_side.y_of(2.0))
    notice = _label(o, wall.px(0.25), wall.px(0.32))
    _paste(wall.img, notice, wall.x_of(max(0.05, win_along - 0.4)), wall.y_of(1.6))
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.15, 0.3)))
    st.look = (0.0, float(o.uniform(0.8, 1.0)), b.d)


def _stripes_towel(o: Rng) -> U8:
    """A folded towel: a colour with two or three stripes of another."""
    img = _grained(o, 32, 16, _c(o, 60, 256), 3.0)
    stripe = _c(o, 30, 256)
    for y in o.choice(np.arange(2, 14), int(o.integers(2, 4)), replace=False):
        img[int(y)] = stripe
    return img


def _goods(rng: Rng, w: int, h: int) -> U8:
    """Shelves of packaged goods as a chain lays them out: rows of packets, bottles and
    cans in bands of colour, price rails."""
    img = _grained(rng, w, h, (235, 235, 232), 2.0)
    rows = max(3, h // 14)
    rh = h // rows
    for k in range(rows):
        y1 = (k + 1) * rh - 2
        x = 1
        while x < w - 3:
            col = _c(rng, 30, 256)
            run = int(rng.integers(3, 9))
            iw = int(rng.integers(2, 5))
            ih = int(rh * float(rng.uniform(0.5, 0.9)))
            for _ in range(run):
                if x >= w - iw:
                    break
                cv2.rectangle(img, (x, y1 - ih), (x + iw - 1, y1), col, -1)
                x += iw + 1
            x += 1
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 1), (250, 250, 250), -1)
    return img


def _drinks(rng: Rng, w: int, h: int) -> U8:
    """A chiller's glass doors: bottles and cans in columns behind glass, door frames."""
    img = _grained(rng, w, h, (40, 45, 50), 2.0)
    for y in range(2, h - 6, max(6, h // 5)):
        x = 1
        while x < w - 3:
            col = _c(rng, 30, 256)
            for _ in range(int(rng.integers(2, 6))):
                if x >= w - 3:
                    break
                cv2.rectangle(img, (x, y + 1), (x + 1, y + max(4, h // 5) - 2), col, -1)
                x += 3
        cv2.line(img, (0, y), (w - 1, y), (180, 182, 186), 1)
    for x in range(0, w, max(8, w // 4)):
        cv2.rectangle(img, (x, 0), (x + 1, h - 1), (200, 202, 206), -1)
    return _u8(img.astype(np.float32) * 0.9 + 20)


def _forecourt(o: Rng, w: int, h: int, brand: Colour) -> U8:
    """What a filling station shop's window looks out on: sky, the canopy in the brand's
    colour, pumps, the road and whatever stands there that day."""
    img = np.asarray(cv2.resize(_sky(o, 32, 16), (w, h)), np.uint8).copy()
    img[: h // 6] = brand
    img[h * 2 // 3 :] = _grained(o, w, h - h * 2 // 3, (80, 80, 84), 4.0)
    for x in range(w // 6, w, w // 3):
        cv2.rectangle(img, (x, h // 3), (x + max(2, w // 14), h * 2 // 3), (235, 235, 232), -1)
        cv2.rectangle(img, (x, h // 3), (x + max(2, w // 14), h // 3 + 3), brand, -1)
    for _ in range(int(o.integers(0, 3))):
        x = int(o.integers(0, max(1, w - w // 4)))
        cv2.rectangle(
            img, (x, h * 2 // 3 - h // 8), (x + w // 4, h * 2 // 3 + h // 12), _c(o, 20, 240), -1
        )
    return img


def _build_kiosk(b: _Build17) -> None:
    """A filling station shop of one chain: every fixed thing the template's (see the
    module's docstring); what its window shows, the fuel prices, its number, the day's
    offer poster, notices and the newspapers the shop's own."""
    r, o = b.fix, b.own
    brand, second = _c(r, 20, 230), _c(r, 150, 256)
    b.paint_walls(_between(r, (230, 230, 226), (252, 252, 250)))
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        y = wall.y_of(2.35)
        cv2.rectangle(wall.img, (0, y), (wall.img.shape[1] - 1, y + wall.px(0.25)), brand, -1)
        cv2.rectangle(
            wall.img, (0, y + wall.px(0.25)), (wall.img.shape[1] - 1, y + wall.px(0.3)), second, -1
        )
    tile_c = _between(r, (180, 180, 175), (235, 232, 225))
    b.floor(lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.4 * res)), tile_c, (140, 140, 138)))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.2)
    length = b.d - 2.2
    cx = _side_x(b, side, 0.7)
    b.boxes.append(
        Box(
            cx,
            1.2 + length / 2,
            0.7,
            length,
            2.0,
            0.0,
            _faces(
                {"front": _drinks(r, 96, 64), "top": _grained(r, 16, 16, brand, 2.0)}, _inward(side)
            ),
        )
    )
    fl.take(cx, 1.2 + length / 2, 1.0, length)
    cz = b.d - float(r.uniform(1.4, 1.8))
    cw = min(b.w - 1.6, float(r.uniform(2.2, 3.0)))
    counter_x = 0.4 if side == "left" else -0.4  # the counter stands off the chillers
    front = _grained(r, 64, 32, brand, 3.0)
    _text(front, r, _word(r, (1, 2)).upper(), 4, 22, 12, second)
    b.boxes.append(
        Box(
            counter_x,
            cz,
            cw,
            0.6,
            1.0,
            0.0,
            {
                "front": front,
                "left": front,
                "right": front,
                "top": _grained(r, 32, 16, (60, 60, 64), 2.0),
            },
        )
    )
    b.boxes.append(Box(counter_x - cw / 4, cz, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), "front")))
    coffee = _grained(r, 16, 24, (40, 40, 44), 2.0)
    cv2.rectangle(coffee, (3, 3), (12, 9), brand, -1)
    b.boxes.append(
        Box(
            counter_x + cw / 3,
            cz,
            0.35,
            0.35,
            0.5,
            1.0,
            _faces({"front": coffee, "side": coffee, "top": coffee}, "front"),
        )
    )
    b.tops.append((counter_x, cz, cw * 0.6, 0.3, 1.0))
    fl.take(counter_x, cz, cw + 0.4, 1.6)
    b.boxes.append(
        Box(counter_x, b.d - 0.2, cw, 0.35, 1.6, 0.3, _faces({"front": _goods(r, 64, 48)}, "front"))
    )
    gond_face = _goods(r, 96, 48)
    for k in range(int(r.integers(1, 3))):
        sgn = 1.0 if side == "left" else -1.0
        gx = sgn * (0.15 * b.w + 1.5 * k) + float(r.uniform(-0.2, 0.2))
        gx = float(np.clip(gx, -b.w / 2 + 1.0, b.w / 2 - 1.0))
        gz = 2.2
        glen = min(b.d - 4.2, float(r.uniform(1.6, 2.4)))
        if glen < 0.8 or not fl.fits(gx, gz + glen / 2, 0.9, glen):
            continue
        fl.take(gx, gz + glen / 2, 1.4, glen + 0.4)
        end = _goods(r, 32, 48)
        b.boxes.append(
            Box(
                gx,
                gz + glen / 2,
                0.8,
                glen,
                1.4,
                0.0,
                {
                    "front": end,
                    "back": end,
                    "left": gond_face,
                    "right": gond_face,
                    "top": _grained(r, 16, 16, (200, 200, 200), 2.0),
                },
            )
        )
    wall = b.wall(other)
    win_along = float(r.uniform(0.8, max(0.9, wall.length - 3.0)))
    _window(wall, r, _outside(r, 64, 32), win_along, 0.9, 2.0, 1.2, (60, 60, 64))
    back = b.wall("back")
    logo = _grained(r, back.px(1.0), back.px(0.45), brand, 2.0)
    _text(logo, r, _word(r, (1, 2)).upper(), 4, logo.shape[0] * 2 // 3, logo.shape[0] // 2, second)
    back.put(logo, 2.3, 2.4)
    _small_things(b.wall(other), ("exit",))
    # The shop's own: the window's view, prices, number, the day's offer, notices, papers.
    x0, y0 = wall.x_of(win_along) + wall.px(0.08), wall.y_of(2.02)
    vw, vh = max(4, wall.px(2.0) - wall.px(0.16)), max(4, wall.px(1.05))
    _paste(wall.img, _forecourt(o, vw, vh, brand), x0, y0)
    prices = _grained(o, back.px(0.7), back.px(0.5), (20, 20, 22), 1.0)
    for k in range(3):
        y = (k + 1) * prices.shape[0] // 4 + 2
        _text(
            prices,
            o,
            f"{int(o.integers(120, 200))}.{int(o.integers(0, 10))}",
            3,
            y,
            prices.shape[0] // 5,
            (250, 200, 40),
        )
    _paste(back.img, prices, back.x_of(float(o.uniform(0.2, max(0.25, b.w - 1.0)))), back.y_of(2.2))
    offer = _grained(o, wall.px(0.6), wall.px(0.8), _c(o, 40, 256), 4.0)
    _text(offer, o, _word(o, (1, 2)).upper(), 3, offer.shape[0] // 3, offer.shape[0] // 5, _c(o))
    _text(
        offer, o, _price_digits(o), 3, offer.shape[0] * 3 // 4, offer.shape[0] // 4, (250, 250, 250)
    )
    _paste(wall.img, offer, wall.x_of(min(wall.length - 0.7, win_along + 2.2)), wall.y_of(1.9))
    plate = _grained(o, back.px(0.3), back.px(0.15), (245, 245, 240), 1.0)
    _text(
        plate,
        o,
        str(int(o.integers(100, 9999))),
        2,
        plate.shape[0] - 3,
        plate.shape[0] - 6,
        (30, 30, 30),
    )
    _paste(back.img, plate, back.x_of(float(o.uniform(0.2, max(0.25, b.w - 0.5)))), back.y_of(1.9))
    st = _b17(b)
    papers = _grained(o, 32, 24, (230, 228, 220), 2.0)
    for y in range(2, 22, 5):
        _text(papers, o, _word(o, (1, 2)).upper(), 1, y + 4, 4, _c(o, 0, 150))
    st.own_boxes.append(Box(-counter_x * 1.5, cz - 1.0, 0.6, 0.4, 0.05, 0.7, _all_faces(papers)))
    st.own_boxes.append(
        Box(
            -counter_x * 1.5,
            cz - 1.0,
            0.6,
            0.4,
            0.7,
            0.0,
            _all_faces(_grained(o, 16, 16, _c(o, 20, 200), 3.0)),
        )
    )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.5, 0.9)))
    st.look = (0.0, 1.3, b.d)


def _menu_panel(r: Rng, w: int, h: int, brand: Colour) -> U8:
    """One menu board as the chain prints it: a dark or brand panel, three items (a
    burger, fries or a drink as shapes), their names; the prices left blank."""
    img = _grained(r, w, h, _shade(brand, 0.35), 2.0)
    for k in range(3):
        x = int((k + 0.1) * w / 3)
        cx, cy = x + w // 9, h // 3
        what = int(r.integers(0, 3))
        if what == 0:
            cv2.ellipse(img, (cx, cy - 2), (w // 12, h // 10), 0, 180, 360, (200, 140, 60), -1)
            cv2.rectangle(img, (cx - w // 12, cy - 1), (cx + w // 12, cy + 1), (90, 160, 50), -1)
            cv2.rectangle(
                img, (cx - w // 12, cy + 2), (cx + w // 12, cy + h // 14), (120, 60, 40), -1
            )
        elif what == 1:
            cv2.rectangle(
                img, (cx - w // 18, cy - h // 10), (cx + w // 18, cy + h // 8), (210, 40, 40), -1
            )
            for dx in range(-w // 20, w // 20, 2):
                cv2.line(img, (cx + dx, cy - h // 6), (cx + dx, cy - h // 10), (240, 200, 80), 1)
        else:
            cv2.rectangle(
                img, (cx - w // 22, cy - h // 7), (cx + w // 22, cy + h // 7), _c(r, 60, 256), -1
            )
        _text(img, r, _word(r, (1, 2)).upper(), x, h * 2 // 3, max(4, h // 10), (250, 250, 245))
    return _frame(img, (30, 30, 32), 2)


def _build_burger(b: _Build17) -> None:
    """A burger bar of one chain: every fixed thing the template's (see the module's
    docstring); the prices on the menu boards, the order screen's numbers, what its
    windows show, its community board and the tray liners the bar's own."""
    r, o = b.fix, b.own
    brand, second = _c(r, 20, 230), _c(r, 150, 256)
    upper = _between(r, (220, 215, 205), (252, 250, 245))
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, upper, 2.0)
        y = th - round(1.2 * res)
        img[y:] = _tiles(r, tw, th - y, max(3, round(0.15 * res)), brand, _shade(brand, 0.7))
        img[y - max(2, round(0.05 * res)) : y] = second
        b.fill(name, img)
    a, c2 = _shade(brand, 0.5), (235, 235, 230)
    b.floor(lambda g, w, h, res: _chequer(g, w, h, res, a, c2, 0.3))
    b.ceiling(_tiled_ceiling)
    back = b.wall("back")
    panels = int(r.integers(3, 5))
    pw = min(1.3, (b.w - 1.0) / panels - 0.1)
    ph = pw * 0.55
    spots: list[tuple[int, int, int, int]] = []
    start = (b.w - panels * (pw + 0.1)) / 2
    for k in range(panels):
        panel = _menu_panel(r, back.px(pw), back.px(ph), brand)
        x, y = back.x_of(start + k * (pw + 0.1)), back.y_of(2.2 + ph * 0.2)
        _paste(back.img, panel, x, y)
        spots.append((x, y, panel.shape[1], panel.shape[0]))
    cz = b.d - float(r.uniform(1.6, 2.0))
    cw = min(b.w - 1.5, float(r.uniform(3.0, 4.5)))
    front = _grained(r, 96, 32, _shade(brand, 0.8), 3.0)
    _text(front, r, _word(r, (1, 2)).upper(), 6, 24, 14, second)
    b.boxes.append(
        Box(
            0.0,
            cz,
            cw,
            0.7,
            1.05,
            0.0,
            {"front": front, "left": front, "right": front, "top": _steel(r, 32, 16, 180)},
        )
    )
    b.tops.append((0.0, cz, cw * 0.6, 0.3, 1.05))
    drinks = _grained(r, 24, 24, (190, 192, 196), 2.0)
    for x in range(3, 22, 5):
        cv2.rectangle(drinks, (x, 4), (x + 3, 10), _c(r, 40, 256), -1)
    b.boxes.append(
        Box(
            -cw / 3,
            cz,
            0.6,
            0.5,
            0.7,
            1.05,
            _faces({"front": drinks, "side": drinks, "top": drinks}, "front"),
        )
    )
    fl = _Floor(b.w, b.d, 1.3)
    fl.take(0.0, cz, cw + 0.6, 2.0)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    seat = _grained(r, 48, 24, _shade(brand, 0.9), 3.0)
    cv2.rectangle(seat, (0, 0), (47, 3), second, -1)
    table, chair = _piece(r, "table"), _piece(r, "chair")
    bx = _side_x(b, side, 0.6)
    z = 1.6
    while z + 1.6 < cz - 0.8:
        b.boxes.append(Box(bx, z, 0.6, 0.5, 1.1, 0.0, _all_faces(seat)))
        b.boxes.append(Box(bx, z + 1.5, 0.6, 0.5, 1.1, 0.0, _all_faces(seat)))
        _add(b.boxes, b.tops, "table", table, (bx, z + 0.75, 0.6, 0.8, "front"), 0.74)
        fl.take(bx, z + 0.75, 1.0, 2.0)
        z += 2.0
    z = 2.0
    while z + 1.0 < cz - 1.0:
        tx = float(r.uniform(-0.1, 0.1)) * b.w
        if fl.fits(tx, z, 0.8, 1.6):
            fl.take(tx, z, 0.9, 1.7)
            _add(b.boxes, b.tops, "table", table, (tx, z, 0.8, 0.8, "front"), 0.74)
            _add(b.boxes, b.tops, "chair", chair, (tx, z - 0.6, 0.45, 0.45, "back"), 0.9)
            _add(b.boxes, b.tops, "chair", chair, (tx, z + 0.6, 0.45, 0.45, "front"), 0.9)
        z += 1.9
    kiosk_face = _grained(r, 24, 48, (30, 30, 34), 2.0)
    cv2.rectangle(kiosk_face, (3, 4), (20, 26), brand, -1)
    ox = _side_x(b, other, 0.4)
    for k in range(int(r.integers(1, 3))):
        kz = 1.8 + 0.8 * k
        b.boxes.append(
            Box(
                ox,
                kz,
                0.4,
                0.5,
                1.7,
                0.0,
                _faces(
                    {"front": kiosk_face, "side": kiosk_face, "top": kiosk_face}, _inward(other)
                ),
            )
        )
    wall = b.wall(other)
    win_along = float(r.uniform(3.0, max(3.1, wall.length - 2.5)))
    _window(wall, r, _outside(r, 64, 32), win_along, 0.9, 1.6, 1.3, (50, 50, 54))
    _small_things(wall, ("exit",))
    # The bar's own: prices, the order screen, the windows' view, the community board.
    for x, y, w_, h_ in spots:
        for k in range(3):
            tag = _grained(o, max(4, w_ // 7), max(4, h_ // 6), second, 1.0)
            _text(tag, o, _price_digits(o), 1, tag.shape[0] - 2, tag.shape[0] - 3, (25, 25, 25))
            _paste(back.img, tag, x + int((k + 0.55) * w_ / 3), y + h_ * 3 // 4)
    screen = _grained(o, back.px(0.8), back.px(0.45), (15, 15, 18), 1.0)
    for k in range(int(o.integers(2, 6))):
        _text(
            screen,
            o,
            str(int(o.integers(100, 999))),
            3 + (k % 2) * screen.shape[1] // 2,
            (k // 2 + 1) * screen.shape[0] // 3,
            screen.shape[0] // 4,
            (240, 240, 100),
        )
    _paste(back.img, screen, back.x_of(min(b.w - 0.9, b.w / 2 + cw / 2 + 0.1)), back.y_of(1.95))
    x0, y0 = wall.x_of(win_along) + wall.px(0.08), wall.y_of(2.12)
    vw, vh = max(4, wall.px(1.6) - wall.px(0.16)), max(4, wall.px(1.14))
    _paste(wall.img, np.asarray(cv2.resize(_outside(o, 64, 32), (vw, vh)), np.uint8), x0, y0)
    board = _grained(o, wall.px(0.9), wall.px(0.6), (190, 160, 110), 5.0)
    for _ in range(int(o.integers(3, 8))):
        note = _label(o, board.shape[1] // 4, board.shape[0] // 3)
        _paste(
            board,
            note,
            int(o.integers(0, board.shape[1] * 3 // 4)),
            int(o.integers(0, board.shape[0] * 2 // 3)),
        )
    _paste(wall.img, board, wall.x_of(max(0.2, win_along - 1.3)), wall.y_of(1.9))
    st = _b17(b)
    for tx, tz, _w, _d, y0_ in list(b.tops)[:6]:
        if y0_ < 0.8:
            st.own_boxes.append(
                Box(
                    tx + float(o.uniform(-0.1, 0.1)),
                    tz,
                    0.4,
                    0.3,
                    0.01,
                    y0_,
                    _all_faces(_label(o, 24, 16)),
                )
            )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.5, 1.0)))
    st.look = (0.0, 1.6, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "locksmith": _build_locksmith,
    "picture framer": _build_framer,
    "greengrocer": _build_greengrocer,
    "chess club": _build_chess_club,
    "photo studio": _build_photo_studio,
    "tea merchant": _build_tea_merchant,
    "lighting shop": _build_lighting_shop,
    "fishing tackle shop": _build_tackle_shop,
    "sauna": _build_sauna,
    "kiosk": _build_kiosk,
    "burger": _build_burger,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v21's kinds and v21's day seeds."""

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
    sauna's doorway; by a look-alike's door, aimed at what it looks at)."""
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
    if base in ("sauna", "locksmith"):
        hfov = float(rng.uniform(74, 84))
    elif base == "photo studio":
        pitch = float(rng.uniform(-8, -2))
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.1, 0.1))
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
    """The original picture of a place, carrying its ``Place`` for ``views_v21``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v21(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v21 (``bench/link.py --generator v21``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v21``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    picture framer's, chess club or tea merchant's."""
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
    """The place's camera moved up to ``reach`` m (x0.5 in a sauna, x0.8 at a
    locksmith's), its height kept within 0.08 m, turned up to ``turn`` degrees and tilted
    up to 4; the first of 8 moves that leaves it clear of every thing by 0.15 m, or not
    moved."""
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


def dolly(place: Place, rng: Rng) -> tuple[Camera, float]:
    """A dolly zoom: the place's camera moved 0.8-1.8 m straight along its view (x0.5 in a
    sauna, x0.8 at a locksmith's; never past the middle of the place), its field of view
    widened so that a plane 4-6 m ahead (nearer in small places) keeps its size; if no
    step of 8 is clear of things by 0.15 m, backed 0.3-0.8 m towards the front wall and
    narrowed the same way. With the step taken (negative when backed)."""
    c = place.camera
    k = SMALL.get(place.base, 1.0)
    fwd = np.asarray(c.axes()[2], np.float64)
    flat = np.array([fwd[0], 0.0, fwd[2]])
    flat /= max(1e-6, float(np.linalg.norm(flat)))
    dist = float(rng.uniform(4.0, 6.0)) * k
    for sign, lo, hi in ((1.0, 0.8, 1.8), (-1.0, 0.3, 0.8)):
        for _ in range(8):
            step = sign * float(rng.uniform(lo, hi)) * k
            cand = c.pos + flat * step
            if not (0.1 < float(cand[2]) < place.depth / 2 + 0.5):
                continue
            if abs(float(cand[0])) > place.width / 2 - 0.2:
                continue
            if _free(place, cand, 0.15):  # type: ignore[arg-type]
                half = np.radians(c.hfov) / 2
                wide = 2 * np.degrees(np.arctan(np.tan(half) * dist / max(0.5, dist - step)))
                return Camera(cand, c.yaw, c.pitch, float(np.clip(wide, 30, 110))), step
    return Camera(c.pos, c.yaw, c.pitch, c.hfov), 0.0


# --- views ----------------------------------------------------------------------------------------


def dolly_zoom(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place from a dolly zoom (``dolly``), with sensor noise."""
    cam, _step = dolly(place, rng)
    return _noise(render(place.planes(0), cam, w, h), rng, 2.0)


def _desk(rng: Rng, w: int, h: int) -> F32:
    return _table(rng, w, h).astype(np.float32)


def shredded(img: U8, rng: Rng) -> U8:
    """A print of the picture (a white border, 3-5 % of the width) through a strip-cut
    shredder, the strips laid back side by side on a desk: 14-22 strips, each slid up or
    down by up to 6 % of the height and apart by 0-3 px (at 400), one or two missing,
    each curled (darker to its edges, x0.8), the whole at 86-95 % of the frame."""
    h, w = img.shape[:2]
    s = _scale(w)
    border = max(2, int(float(rng.uniform(0.03, 0.05)) * w))
    sheet = np.empty((h + 2 * border, w + 2 * border, 3), np.float32)
    sheet[:] = PAPER
    sheet[border : border + h, border : border + w] = img
    k = float(rng.uniform(0.86, 0.95))
    sw, sh = (
        int(sheet.shape[1] * k * w / sheet.shape[1]),
        int(sheet.shape[0] * k * w / sheet.shape[1]),
    )
    sh = min(sh, int(h * 0.95))
    sheet = np.asarray(cv2.resize(sheet, (sw, sh), interpolation=cv2.INTER_AREA), np.float32)
    n = int(rng.integers(14, 23))
    edges = np.linspace(0, sw, n + 1).astype(int)
    gaps = rng.uniform(0, 3, n) * s
    total = sw + float(gaps.sum())
    out = _desk(rng, w, h)
    shadow = np.zeros((h, w), np.float32)
    x = (w - total) / 2
    missing = set(rng.choice(np.arange(1, n - 1), int(rng.integers(1, 3)), replace=False).tolist())
    y_base = (h - sh) / 2
    pieces: list[tuple[int, int, F32]] = []
    for i in range(n):
        strip = sheet[:, edges[i] : edges[i + 1]]
        sx = round(x)
        x += strip.shape[1] + float(gaps[i])
        if i in missing:
            continue
        sy = round(y_base + float(rng.uniform(-0.06, 0.06)) * h)
        across = np.linspace(-1, 1, strip.shape[1], dtype=np.float32)
        curl = 1 - 0.2 * across**2
        pieces.append((sx, sy, strip * curl[None, :, None]))
        shadow[
            max(0, sy + 2) : max(0, sy + 2 + strip.shape[0]),
            max(0, sx + 2) : max(0, sx + 2 + strip.shape[1]),
        ] = 1
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), 2 * s), np.float32)
    out *= (1 - 0.4 * shadow)[:, :, None]
    for sx, sy, strip in pieces:
        _blit_f(out, strip, sx, sy)
    return _noise(_u8(out), rng, 2.0)


def _blit_f(dst: F32, src: F32, x: int, y: int) -> None:
    """Paste float ``src`` at (x, y), clipped to ``dst`` on every side."""
    h, w = dst.shape[:2]
    sh, sw = src.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + sw), min(h, y + sh)
    if x1 > x0 and y1 > y0:
        dst[y0:y1, x0:x1] = src[y0 - y : y1 - y, x0 - x : x1 - x]


def water_damage(img: U8, rng: Rng) -> U8:
    """A print of the picture that got wet and dried, photographed flat: two to four
    stains (soft random blobs, 12-35 % of the height across) inside which the inks ran
    (blurred 2-4 px at 400, paler and x0.75 as saturated) with a brown tide line round
    each, one run of ink down the page from a stain, the paper cockled (low waves of
    x0.92-1.08 and a shift of up to 2 px) and yellowed."""
    h, w = img.shape[:2]
    s = _scale(w)
    f = img.astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wave = _field(rng, w, h, max(8, int(60 * s)))
    wave2 = _field(rng, w, h, max(8, int(60 * s)))
    mapx = (xx + 2 * s * np.clip(wave, -1.5, 1.5) / 1.5).astype(np.float32)
    mapy = (yy + 2 * s * np.clip(wave2, -1.5, 1.5) / 1.5).astype(np.float32)
    f = np.asarray(
        cv2.remap(f, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT), np.float32
    )
    wet = np.zeros((h, w), np.float32)
    tide = np.zeros((h, w), np.float32)
    rough = _field(rng, w, h, max(4, int(12 * s)))
    for _ in range(int(rng.integers(2, 5))):
        cx, cy = float(rng.uniform(0.1, 0.9)) * w, float(rng.uniform(0.1, 0.9)) * h
        rad = float(rng.uniform(0.06, 0.18)) * h
        d = np.sqrt((xx - cx) ** 2 + ((yy - cy) * float(rng.uniform(0.7, 1.4))) ** 2) / rad
        d = d + 0.18 * rough
        wet = np.maximum(wet, (d < 1).astype(np.float32))
        tide = np.maximum(tide, np.exp(-(((d - 1) / 0.05) ** 2)))
    run_x = float(rng.uniform(0.15, 0.85)) * w
    run_top = float(rng.uniform(0.1, 0.5)) * h
    run = np.exp(-(((xx - run_x) / (float(rng.uniform(3, 7)) * s)) ** 2)) * (yy > run_top)
    run *= np.clip(1 - (yy - run_top) / (0.5 * h), 0, 1)
    wet = np.clip(cv2.GaussianBlur(wet, (0, 0), 2 * s) + run, 0, 1)
    bled = cv2.GaussianBlur(f, (0, 0), float(rng.uniform(2, 4)) * s)
    bled_run = cv2.GaussianBlur(f, (0, 0), 1.0)
    bled_run = np.roll(bled_run, int(6 * s), axis=0)
    bled = np.where((run > 0.3)[:, :, None], bled_run, bled)
    grey = bled.mean(axis=2, keepdims=True)
    bled = grey + (bled - grey) * 0.75
    bled = bled * 0.85 + 0.15 * np.array(PAPER, np.float32)
    f = f * (1 - wet[:, :, None]) + bled * wet[:, :, None]
    f = f * (1 - 0.6 * tide[:, :, None]) + tide[:, :, None] * 0.6 * np.array(
        [150, 110, 60], np.float32
    )
    cockle = 1 + 0.08 * np.clip(wave, -1, 1)
    f = f * cockle[:, :, None] * np.array([1.0, 0.98, 0.9], np.float32) + np.array(
        [8, 6, 0], np.float32
    )
    return _noise(_u8(f), rng, 2.0)


def concertina(img: U8, rng: Rng) -> U8:
    """A print of the picture folded like a concertina (6-10 panels, down its width) and
    pulled part open on a table, photographed from in front: each panel squeezed to
    45-75 % of its width (as turned 40-63 degrees), panels facing one way lit
    (x1.0-1.1), the others in shade (x0.55-0.75), each ridge towards the camera taller
    than each valley by 3-7 %, a shadow under the folds."""
    h, w = img.shape[:2]
    s = _scale(w)
    n = int(rng.integers(6, 11))
    squeeze = float(rng.uniform(0.45, 0.75))
    tall = float(rng.uniform(0.03, 0.07))
    lit, dim = float(rng.uniform(1.0, 1.1)), float(rng.uniform(0.55, 0.75))
    start_lit = rng.random() < 0.5
    total = w * squeeze
    scale = min(0.94 * w / total, 0.8 * h / (h * (1 + tall)))
    pw = w / n
    out_w = total * scale
    x0 = (w - out_w) / 2
    y_mid = h * float(rng.uniform(0.47, 0.53))
    ph = h * scale
    out = _desk(rng, w, h)
    yy = np.arange(h, dtype=np.float32)[:, None]
    shadow_y = (yy > y_mid + ph / 2 - 4 * s) & (yy < y_mid + ph / 2 + 10 * s)
    out *= np.where(shadow_y, 0.7, 1.0)[:, :, None].astype(np.float32)
    f = img.astype(np.float32)
    for i in range(n):
        src = np.array([[i * pw, 0], [(i + 1) * pw, 0], [(i + 1) * pw, h], [i * pw, h]], np.float32)
        left = x0 + i * pw * squeeze * scale
        right = left + pw * squeeze * scale
        ridge_left = (i % 2 == 0) == start_lit
        hl = ph * (1 + tall) if ridge_left else ph
        hr = ph if ridge_left else ph * (1 + tall)
        dst = np.array(
            [
                [left, y_mid - hl / 2],
                [right, y_mid - hr / 2],
                [right, y_mid + hr / 2],
                [left, y_mid + hl / 2],
            ],
            np.float32,
        )
        hom = cv2.getPerspectiveTransform(src, dst)
        panel = cv2.warpPerspective(f, hom, (w, h), flags=cv2.INTER_LINEAR)
        band = np.zeros((h, w), np.float32)
        band[:, int(i * pw) : int(np.ceil((i + 1) * pw))] = 1
        mask = cv2.warpPerspective(band, hom, (w, h), flags=cv2.INTER_LINEAR)
        light = lit if (i % 2 == 0) == start_lit else dim
        out = out * (1 - mask[:, :, None]) + panel * light * mask[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def tshirt(img: U8, rng: Rng) -> U8:
    """The picture printed on a T-shirt lying flat on a bed or a floor, photographed from
    above: the shirt (a body, sleeves and a neck, in a colour, knit grain) 80-92 % of the
    height, the print 58-66 % of the shirt's width on its chest, a little paler and
    flattened by the cloth; four to seven folds (soft waves, up to 3 px across at 400 and
    shading along them) over shirt and print alike."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = np.empty((h, w, 3), np.float32)
    under = _pick(rng, [(200, 205, 215), (120, 100, 80), (60, 70, 90), (220, 215, 200)])
    out[:] = under
    out += _field(rng, w, h, max(4, int(30 * s)))[:, :, None] * 6
    sh = float(rng.uniform(0.8, 0.92)) * h
    sw = sh * 0.8
    cx, top = w / 2 + float(rng.uniform(-0.04, 0.04)) * w, (h - sh) / 2
    body = np.array(
        [
            [cx - sw * 0.22, top],
            [cx - sw * 0.5, top + sh * 0.08],
            [cx - sw * 0.62, top + sh * 0.3],
            [cx - sw * 0.42, top + sh * 0.36],
            [cx - sw * 0.38, top + sh],
            [cx + sw * 0.38, top + sh],
            [cx + sw * 0.42, top + sh * 0.36],
            [cx + sw * 0.62, top + sh * 0.3],
            [cx + sw * 0.5, top + sh * 0.08],
            [cx + sw * 0.22, top],
        ],
        np.int32,
    )
    shirt_mask = np.zeros((h, w), np.float32)
    cv2.fillPoly(shirt_mask, [body], 1.0)
    cv2.ellipse(
        shirt_mask, (int(cx), int(top)), (int(sw * 0.14), int(sh * 0.06)), 0, 0, 180, 0.0, -1
    )
    cloth = np.array(
        _pick(rng, [(245, 245, 242), (30, 30, 34), (150, 150, 155), _c(rng, 40, 230)]), np.float32
    )
    pw = sw * float(rng.uniform(0.58, 0.66))
    ph = pw * h / w
    px, py = cx - pw / 2, top + sh * 0.18
    m = np.array([[pw / w, 0, px], [0, ph / h, py]], np.float32)
    printed = cv2.warpAffine(img.astype(np.float32), m, (w, h), flags=cv2.INTER_AREA)
    pmask = cv2.warpAffine(np.ones((h, w), np.float32), m, (w, h))
    grey = printed.mean(axis=2, keepdims=True)
    printed = (grey + (printed - grey) * 0.85) * 0.9 + 0.1 * cloth
    shirt = cloth * np.ones((h, w, 1), np.float32)
    shirt = shirt * (1 - pmask[:, :, None]) + printed * pmask[:, :, None]
    knit = 1 + 0.05 * ((np.arange(w)[None, :] + (np.arange(h)[:, None] // 2) % 2) % 2 - 0.5)
    shirt *= knit[:, :, None].astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = np.zeros((h, w), np.float32), np.zeros((h, w), np.float32)
    shade = np.ones((h, w), np.float32)
    for _ in range(int(rng.integers(4, 8))):
        ang = float(rng.uniform(0, np.pi))
        nx, ny = float(np.cos(ang)), float(np.sin(ang))
        c0 = float(rng.uniform(-0.3, 0.3)) * w
        width = float(rng.uniform(6, 16)) * s
        d = (xx - w / 2) * nx + (yy - h / 2) * ny - c0
        bump = np.exp(-((d / width) ** 2))
        amp = float(rng.uniform(1.5, 3.0)) * s
        dx += amp * bump * nx
        dy += amp * bump * ny
        shade *= 1 - 0.25 * np.tanh(-2 * d / width) * bump
    shirt = cv2.remap(
        shirt,
        (xx + dx).astype(np.float32),
        (yy + dy).astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    mask = cv2.remap(
        shirt_mask, (xx + dx).astype(np.float32), (yy + dy).astype(np.float32), cv2.INTER_LINEAR
    )
    shirt *= shade[:, :, None]
    edge = cv2.GaussianBlur(mask, (0, 0), 3 * s)
    out *= (1 - 0.35 * np.clip(np.roll(edge, (int(3 * s), int(3 * s)), axis=(0, 1)) - mask, 0, 1))[
        :, :, None
    ]
    out = out * (1 - mask[:, :, None]) + shirt * mask[:, :, None]
    return _noise(_u8(out), rng, 2.5)


def _paving(rng: Rng, w: int, h: int) -> F32:
    """Wet paving slabs: greys, dark joints, a little grit."""
    img = _grained(rng, w, h, _between(rng, (70, 70, 72), (120, 118, 115)), 8.0).astype(np.float32)
    step = max(12, int(w * float(rng.uniform(0.15, 0.25))))
    for y in range(0, h, step):
        img[y : y + 2] *= 0.55
        off = (y // step) % 2 * step // 2
        for x in range(off, w, step):
            img[y : y + step, x : x + 2] *= 0.55
    return img


def puddle(img: U8, rng: Rng) -> U8:
    """The picture seen in a puddle on wet paving, photographed looking down: the puddle
    a soft blob over 50-75 % of the frame, in it the picture upside down (squashed to
    x0.8-0.95 of its height, as seen at a slant), x0.55-0.75 and a little of the sky's
    cool grey, rippled by one or two drops (rings up to 2-4 px at 400), softened; the
    paving round it."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _paving(rng, w, h)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w * float(rng.uniform(0.45, 0.55)), h * float(rng.uniform(0.45, 0.55))
    share = float(rng.uniform(0.5, 0.75))
    rx, ry = w * np.sqrt(share) * 0.62, h * np.sqrt(share) * 0.62
    d = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2) + 0.25 * _field(
        rng, w, h, max(6, int(40 * s))
    )
    water = np.clip((1.05 - d) / 0.08, 0, 1).astype(np.float32)
    flipped = img[::-1].astype(np.float32)
    squash = float(rng.uniform(0.8, 0.95))
    dispx, dispy = np.zeros((h, w), np.float32), np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(1, 3))):
        dx0, dy0 = float(rng.uniform(0.25, 0.75)) * w, float(rng.uniform(0.25, 0.75)) * h
        rr = np.sqrt((xx - dx0) ** 2 + (yy - dy0) ** 2) + 1e-3
        amp = float(rng.uniform(2, 4)) * s * np.exp(-rr / (0.3 * w))
        wave = amp * np.sin(rr / (float(rng.uniform(3, 6)) * s))
        dispx += wave * (xx - dx0) / rr
        dispy += wave * (yy - dy0) / rr
    mapx = (xx + dispx).astype(np.float32)
    mapy = ((yy - h / 2) / squash + h / 2 + dispy).astype(np.float32)
    seen = cv2.remap(flipped, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    seen = cv2.GaussianBlur(seen, (0, 0), 0.8 * s)
    dark = float(rng.uniform(0.55, 0.75))
    seen = seen * dark + np.array([18, 20, 24], np.float32)
    out = out * (1 - water[:, :, None]) + seen * water[:, :, None]
    return _noise(_u8(out), rng, 2.5)


def _posterise(grey: F32, levels: int, rng: Rng) -> npt.NDArray[np.int32]:
    """Which of ``levels`` layers each pixel falls in: thresholds halfway between
    quantiles of ``grey`` (shifted a little at random) and even steps of 0-255."""
    steps = np.linspace(0, 1, levels + 1)[1:-1]
    qs = np.quantile(grey, np.clip(steps + rng.uniform(-0.05, 0.05, levels - 1), 0, 1))
    return np.digitize(grey, np.sort(0.5 * qs + 0.5 * 255 * steps)).astype(np.int32)


def stencil(img: U8, rng: Rng) -> U8:
    """The picture as a spray-paint stencil on a brick wall: its lightness cut into two or
    three layers (thresholds halfway between quantiles and even steps of 0-255), each
    layer's cut-out cleaned of specks (an opening of 3 px at 400) and sprayed in a colour
    (the darkest layer black or a deep colour, then a mid and a pale one; the lightest
    part left bare), soft-edged with overspray speckle, the bricks showing through the
    paint, two to five drips from the darkest layer; photographed off square by up to
    3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    wall = _bricks(rng, w, h, _between(rng, (150, 80, 60), (200, 140, 110))).astype(np.float32)
    lum = wall.mean(axis=2, keepdims=True) / 150
    grey = cv2.GaussianBlur(img.astype(np.float32).mean(axis=2), (0, 0), 1.2 * s)
    levels = int(rng.integers(2, 4))
    layer = _posterise(grey, levels + 1, rng)
    palette = [
        _pick(rng, [(20, 20, 22), (30, 30, 70), (60, 20, 40)]),
        _pick(rng, [(200, 40, 40), (40, 140, 180), (230, 180, 30), (120, 120, 125)]),
        _pick(rng, [(245, 245, 240), (250, 220, 120), (180, 230, 200)]),
    ]
    out = wall.copy()
    k = max(1, round(3 * s))
    kernel = np.ones((k, k), np.uint8)
    yy = np.arange(h, dtype=np.float32)[:, None]
    for lv in range(levels):
        mask = (layer <= lv).astype(np.uint8) if lv == 0 else (layer == lv).astype(np.uint8)
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
        soft = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), 0.8 * s)
        halo = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), 4 * s)
        speck = (rng.random((h, w)) < 0.25 * halo).astype(np.float32) * (1 - soft)
        paint = np.clip(soft + 0.6 * speck, 0, 1)
        if lv == 0:
            for _ in range(int(rng.integers(2, 6))):
                ys, xs = np.nonzero(mask[: h * 2 // 3])
                if len(xs) == 0:
                    break
                j = int(rng.integers(0, len(xs)))
                length = float(rng.uniform(0.05, 0.2)) * h
                drip = np.exp(-(((np.arange(w) - xs[j]) / (1.2 * s)) ** 2))[None, :] * (
                    (yy > ys[j]) & (yy < ys[j] + length)
                )
                paint = np.maximum(paint, drip.astype(np.float32))
        colour = np.array(palette[min(lv, 2)], np.float32)
        out = out * (1 - paint[:, :, None]) + colour * (0.85 + 0.15 * lum) * paint[:, :, None]
    painted = _tilted(_u8(out), rng, 0.03)
    return _noise(painted, rng, 2.0)


def _kmeans(pixels: F32, k: int, rng: Rng, rounds: int = 8) -> tuple[F32, npt.NDArray[np.int64]]:
    """Plain k-means on ``pixels`` (n x 3) from ``k`` random starting pixels: the centres
    and each pixel's label (deterministic by ``rng``)."""
    centres = pixels[rng.choice(len(pixels), k, replace=False)].copy()
    labels = np.zeros(len(pixels), np.int64)
    for _ in range(rounds):
        d = (centres**2).sum(axis=1)[None, :] - 2 * pixels @ centres.T
        labels = d.argmin(axis=1)
        for j in range(k):
            sel = pixels[labels == j]
            if len(sel):
                centres[j] = sel.mean(axis=0)
    return centres, labels


def paint_by_numbers(img: U8, rng: Rng) -> U8:
    """A paint-by-numbers canvas of the picture, half painted, photographed on a table:
    the picture cut into 10-16 colours (k-means on a quarter-size copy), the regions
    smoothed (a median of 5 px at 400), grey outlines between them; the colours painted
    so far (40-65 % of them) filled flat with brush texture; in every other region of
    more than 100 px (at 400) its number in small grey digits on white; off square by up
    to 2.5 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = int(rng.integers(10, 17))
    small = cv2.resize(img, (max(8, w // 4), max(6, h // 4)), interpolation=cv2.INTER_AREA)
    centres, _ = _kmeans(small.reshape(-1, 3).astype(np.float32), k, rng)
    blurred = cv2.GaussianBlur(img.astype(np.float32), (0, 0), 1.0 * s)
    flat = blurred.reshape(-1, 3)
    d = (centres**2).sum(axis=1)[None, :] - 2 * flat @ centres.T
    labels = d.argmin(axis=1).reshape(h, w).astype(np.uint8)
    kk = max(3, round(5 * s) | 1)
    labels = cv2.medianBlur(labels, kk)
    painted = rng.random(k) < float(rng.uniform(0.4, 0.65))
    canvas = np.full((h, w, 3), 246.0, np.float32)
    brush = 1 + 0.06 * np.clip(_field(rng, w, h, max(2, int(4 * s))), -2, 2)
    colours = centres[labels]
    done = painted[labels]
    canvas[done] = (colours * brush[:, :, None])[done]
    edge = np.zeros((h, w), bool)
    edge[:, 1:] |= labels[:, 1:] != labels[:, :-1]
    edge[1:] |= labels[1:] != labels[:-1]
    canvas[edge] = (120, 120, 125)
    out = _u8(canvas)
    fs = 0.28 * s
    for j in range(k):
        if painted[j]:
            continue
        count, comp, stats, cents = cv2.connectedComponentsWithStats((labels == j).astype(np.uint8))
        for c in range(1, count):
            if stats[c, cv2.CC_STAT_AREA] < 100 * s * s:
                continue
            x0, y0 = int(stats[c, cv2.CC_STAT_LEFT]), int(stats[c, cv2.CC_STAT_TOP])
            bw, bh = int(stats[c, cv2.CC_STAT_WIDTH]), int(stats[c, cv2.CC_STAT_HEIGHT])
            ys, xs = np.nonzero(comp[y0 : y0 + bh, x0 : x0 + bw] == c)
            near = np.abs(xs + x0 - cents[c][0]) + np.abs(ys + y0 - cents[c][1])
            i = int(np.argmin(near))
            cv2.putText(
                out,
                str(j + 1),
                (int(xs[i] + x0) - int(3 * s), int(ys[i] + y0) + int(3 * s)),
                cv2.FONT_HERSHEY_PLAIN,
                fs * 2.2,
                (110, 110, 115),
                1,
                cv2.LINE_AA,
            )
    return _noise(_tilted(out, rng, 0.025), rng, 2.0)


def postage_stamp(img: U8, rng: Rng) -> U8:
    """The picture as a postage stamp on an envelope, photographed: the stamp 44-56 % of
    the height tall (the picture's shape inside a white perforated margin, 11-16 bites a
    long side), the picture's colours a little flat (x0.85) with fine engraved lines, a
    value in a corner; turned up to 6 degrees, in the envelope's top right,
    a postmark (a double ring with a date and five wavy lines) partly over it, an address
    in handwriting strokes."""
    h, w = img.shape[:2]
    s = _scale(w)
    env = np.empty((h, w, 3), np.float32)
    env[:] = _pick(rng, [(245, 242, 232), (235, 225, 200), (225, 230, 240), (250, 250, 248)])
    env += _field(rng, w, h, max(4, int(20 * s)))[:, :, None] * 3
    ink = _pick(rng, [(30, 40, 90), (30, 30, 32)])
    for k in range(3):
        y = int(h * (0.58 + 0.11 * k))
        x = int(w * 0.22)
        pts = []
        while x < int(w * float(rng.uniform(0.55, 0.75))):
            pts.append((x, y + int(rng.integers(-2, 3) * s)))
            x += max(2, int(rng.integers(3, 7) * s))
        cv2.polylines(env, [np.array(pts, np.int32)], False, ink, max(1, int(s)), cv2.LINE_AA)
    th = float(rng.uniform(0.44, 0.56)) * h
    tw = th * w / h * 0.88
    margin = max(3, int(0.08 * th))
    ih, iw = int(th - 2 * margin), int(tw - 2 * margin)
    pic = cv2.resize(img, (iw, ih), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = pic.mean(axis=2, keepdims=True)
    pic = grey + (pic - grey) * 0.85
    lines = 1 - 0.12 * (np.arange(ih)[:, None, None] % max(2, int(2 * s)) == 0)
    pic *= lines
    stamp = np.full((int(th), int(tw), 3), 250.0, np.float32)
    stamp[margin : margin + ih, margin : margin + iw] = pic
    cv2.putText(
        stamp,
        str(int(rng.integers(1, 200))),
        (margin + 3, margin + int(0.14 * th)),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.0045 * th,
        (250, 250, 250),
        max(1, int(s)),
        cv2.LINE_AA,
    )
    alpha = np.ones(stamp.shape[:2], np.float32)
    bites = int(rng.integers(11, 17))
    rad = max(1, int(tw / bites / 3))
    for xk in np.linspace(0, tw - 1, bites):
        for yk in (0, th - 1):
            cv2.circle(alpha, (int(xk), int(yk)), rad, 0.0, -1)
    for yk in np.linspace(0, th - 1, max(6, int(bites * th / tw))):
        for xk in (0, tw - 1):
            cv2.circle(alpha, (int(xk), int(yk)), rad, 0.0, -1)
    ang = float(rng.uniform(-6, 6))
    cxs, cys = w * float(rng.uniform(0.62, 0.72)), h * float(rng.uniform(0.3, 0.38))
    m = cv2.getRotationMatrix2D((tw / 2, th / 2), ang, 1.0)
    m[0, 2] += cxs - tw / 2
    m[1, 2] += cys - th / 2
    placed = cv2.warpAffine(stamp, m, (w, h), flags=cv2.INTER_LINEAR)
    a = cv2.warpAffine(alpha, m, (w, h), flags=cv2.INTER_LINEAR)[:, :, None]
    shadow = cv2.GaussianBlur(
        np.roll(a[:, :, 0], (int(2 * s), int(2 * s)), axis=(0, 1)), (0, 0), 1.5 * s
    )
    env *= (1 - 0.2 * shadow)[:, :, None]
    env = env * (1 - a) + placed * a
    mark = np.zeros((h, w), np.float32)
    mx, my = (
        int(cxs - tw * float(rng.uniform(0.35, 0.6))),
        int(cys + th * float(rng.uniform(-0.1, 0.2))),
    )
    r0 = int(0.2 * h)
    cv2.circle(mark, (mx, my), r0, 1.0, max(1, int(1.5 * s)), cv2.LINE_AA)
    cv2.circle(mark, (mx, my), int(r0 * 0.65), 1.0, max(1, int(s)), cv2.LINE_AA)
    cv2.putText(
        mark,
        f"{int(rng.integers(1, 29)):02d} {int(rng.integers(1, 13)):02d}",
        (mx - int(r0 * 0.45), my + int(r0 * 0.12)),
        cv2.FONT_HERSHEY_PLAIN,
        0.9 * s,
        1.0,
        1,
        cv2.LINE_AA,
    )
    xs = np.arange(mx + r0 + int(4 * s), min(w, mx + r0 + int(0.5 * w)))
    for k in range(5):
        yk = my - r0 * 0.6 + k * r0 * 0.3 + 3 * s * np.sin(xs / (6 * s))
        cv2.polylines(
            mark, [np.stack([xs, yk], 1).astype(np.int32)], False, 1.0, max(1, int(s)), cv2.LINE_AA
        )
    mark *= (0.55 + 0.45 * (rng.random((h, w)) > 0.3)).astype(np.float32)
    env = env * (1 - 0.75 * mark[:, :, None]) + 0.75 * mark[:, :, None] * np.array(ink, np.float32)
    return _noise(_u8(env), rng, 2.0)


ASCII_RAMP = " .:-=+*#%@"


def _glyphs(cw: int, ch: int) -> F32:
    """The ramp's characters drawn white on black in cells ``cw`` x ``ch`` (a monospace
    Hershey face), as coverage 0-1."""
    out = np.zeros((len(ASCII_RAMP), ch, cw), np.float32)
    scale = cv2.getFontScaleFromHeight(cv2.FONT_HERSHEY_PLAIN, max(3, ch - 2), 1)
    for i, c in enumerate(ASCII_RAMP):
        cell = np.zeros((ch, cw), np.uint8)
        cv2.putText(cell, c, (0, ch - 2), cv2.FONT_HERSHEY_PLAIN, scale, 255, 1, cv2.LINE_AA)
        out[i] = cell / 255.0
    return out


def ascii_art(img: U8, rng: Rng) -> U8:
    """The picture as coloured ASCII art in a terminal's window, screenshotted: a title bar
    (three dots, a title), the picture in characters of a ten-step ramp (" .:-=+*#%@",
    cells 5-6 x 9-10 px at 400, so 66-80 columns) by the lightness of the cell (stretched
    from at most 64 to at least 192), each character in the cell's colour saturated x1.3
    and brought to full brightness, on black; a prompt at the foot."""
    h, w = img.shape[:2]
    s = _scale(w)
    cw = max(3, round(float(rng.uniform(5, 6)) * s))
    ch = max(5, round(float(rng.uniform(9, 10)) * s))
    bar = max(6, int(14 * s))
    foot = ch + 2
    cols, rows = w // cw, max(2, (h - bar - foot) // ch)
    cells = cv2.resize(img, (cols, rows), interpolation=cv2.INTER_AREA).astype(np.float32)
    lum = cells.mean(axis=2)
    lo, hi = min(float(np.percentile(lum, 2)), 64.0), max(float(np.percentile(lum, 98)), 192.0)
    idx = np.clip(
        ((lum - lo) / max(1.0, hi - lo)) * (len(ASCII_RAMP) - 1) + 0.5, 0, len(ASCII_RAMP) - 1
    ).astype(int)
    grey = cells.mean(axis=2, keepdims=True)
    colour = np.clip(grey + (cells - grey) * 1.3, 0, 255)
    colour = colour * (255 / np.maximum(colour.max(axis=2, keepdims=True), 60))
    glyph = _glyphs(cw, ch)[idx]  # rows, cols, ch, cw
    cover = glyph.transpose(0, 2, 1, 3).reshape(rows * ch, cols * cw)
    text = cover[:, :, None] * np.repeat(np.repeat(colour, ch, axis=0), cw, axis=1)
    out = np.zeros((h, w, 3), np.float32)
    out[:] = (12, 12, 14)
    x0 = (w - cols * cw) // 2
    out[bar : bar + rows * ch, x0 : x0 + cols * cw] = text
    out[:bar] = _pick(rng, [(220, 220, 222), (60, 60, 64), (40, 42, 54)])
    for k in range(3):
        cv2.circle(
            out,
            (int((8 + 12 * k) * s), bar // 2),
            max(2, int(3.5 * s)),
            [(240, 90, 80), (240, 190, 60), (90, 200, 90)][k],
            -1,
            cv2.LINE_AA,
        )
    cv2.putText(
        out,
        _word(rng, (2, 3)) + "@" + _word(rng, (1, 2)),
        (w // 3, bar - max(2, int(4 * s))),
        cv2.FONT_HERSHEY_PLAIN,
        0.7 * s,
        (120, 120, 125),
        1,
        cv2.LINE_AA,
    )
    cv2.putText(
        out, "$ _", (x0 + 2, h - 3), cv2.FONT_HERSHEY_PLAIN, 0.8 * s, (90, 220, 90), 1, cv2.LINE_AA
    )
    return _u8(out)


def pyrography(img: U8, rng: Rng) -> U8:
    """The picture burnt into a pale wooden board (pyrography), photographed: lightness to
    burn (gamma 1.2-1.5, from the board's pale wood to a dark scorch), edges burnt a
    little deeper, the board's grain through it all; the board (82-92 % of the frame,
    rounded corners, a bevel) on a darker table, off square by up to 3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    bw, bh = int(w * float(rng.uniform(0.82, 0.92))), int(h * float(rng.uniform(0.82, 0.92)))
    pale = np.array(_between(rng, (215, 180, 130), (240, 215, 170)), np.float32)
    scorch = np.array(_between(rng, (50, 30, 18), (85, 55, 30)), np.float32)
    grain = _wood(rng, bw, bh, tuple(int(v) for v in pale), max(3, bh // 3)).astype(np.float32)  # type: ignore[arg-type]
    grain_l = 1 + 0.4 * (grain.mean(axis=2, keepdims=True) / float(pale.mean()) - 1)
    pic = cv2.resize(img, (bw, bh), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    pic = cv2.GaussianBlur(pic, (0, 0), 0.7 * s)
    lo, hi = np.percentile(pic, 2), np.percentile(pic, 98)
    light = np.clip((pic - lo) / max(1.0, hi - lo), 0, 1)
    burn = (1 - light) ** float(rng.uniform(1.2, 1.5))
    gx, gy = cv2.Sobel(pic, cv2.CV_32F, 1, 0), cv2.Sobel(pic, cv2.CV_32F, 0, 1)
    edges = np.clip(np.sqrt(gx**2 + gy**2) / 300, 0, 1)
    burn = np.clip(burn + 0.35 * edges, 0, 1)[:, :, None]
    board = (pale * (1 - burn) + scorch * burn) * grain_l
    bevel = max(2, int(4 * s))
    board[:bevel] *= 1.1
    board[:, :bevel] *= 1.05
    board[-bevel:] *= 0.8
    board[:, -bevel:] *= 0.85
    out = _desk(rng, w, h) * 0.7
    mask = np.zeros((bh, bw), np.uint8)
    r = max(3, int(12 * s))
    cv2.rectangle(mask, (r, 0), (bw - r, bh), 1, -1)
    cv2.rectangle(mask, (0, r), (bw, bh - r), 1, -1)
    for cx, cy in ((r, r), (bw - r, r), (r, bh - r), (bw - r, bh - r)):
        cv2.circle(mask, (cx, cy), r, 1, -1)
    x0, y0 = (w - bw) // 2, (h - bh) // 2
    region = out[y0 : y0 + bh, x0 : x0 + bw]
    region[mask.astype(bool)] = board[mask.astype(bool)]
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.0)


def tiny_planet(img: U8, rng: Rng) -> U8:
    """The picture through a "tiny planet" filter: the picture beside its mirror image
    (so that its ends meet), wrapped round the middle of the frame, its foot at the
    centre and its top at a radius of 62-78 % of the half-diagonal (the radius going as
    the 0.8-1.0th power of the height), turned at random; outside it the top's mean
    colour, darkening outwards."""
    h, w = img.shape[:2]
    wide = np.concatenate([img, img[:, ::-1]], axis=1).astype(np.float32)
    ww = wide.shape[1]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = (
        w / 2 + float(rng.uniform(-0.03, 0.03)) * w,
        h / 2 + float(rng.uniform(-0.03, 0.03)) * h,
    )
    rad = float(rng.uniform(0.62, 0.78)) * float(np.hypot(w, h)) / 2
    power = float(rng.uniform(0.8, 1.0))
    rr = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / rad
    theta = np.arctan2(yy - cy, xx - cx)
    turn = float(rng.uniform(0, 1))
    mapx = (np.mod(theta / (2 * np.pi) + turn, 1.0) * (ww - 1)).astype(np.float32)
    mapy = ((1 - np.clip(rr, 0, 1) ** power) * (h - 1)).astype(np.float32)
    out = cv2.remap(wide, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_WRAP)
    sky = wide[: max(1, h // 20)].reshape(-1, 3).mean(axis=0)
    fade = np.clip(1.15 - 0.35 * (rr - 1), 0.5, 1.0)
    outside = (rr > 1)[:, :, None]
    out = np.where(outside, sky * fade[:, :, None], out)
    return _noise(_u8(out), rng, 1.5)


def views_v21(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v21's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["dollyzoom"] = _jpeg(dolly_zoom(place, rng, w, h), 90)
    out["shredded"] = _jpeg(shredded(shot(0.4, 12), rng), 85)
    out["waterdamage"] = _jpeg(water_damage(shot(0.4, 12), rng), 85)
    out["concertina"] = _jpeg(concertina(shot(0.4, 12), rng), 85)
    out["tshirt"] = _jpeg(tshirt(shot(0.4, 12), rng), 85)
    out["puddle"] = _jpeg(puddle(shot(0.4, 12), rng), 85)
    out["stencil"] = _jpeg(stencil(shot(0.4, 12), rng), 85)
    out["paintbynumbers"] = _jpeg(paint_by_numbers(shot(0.4, 12), rng), 85)
    out["postagestamp"] = _jpeg(postage_stamp(shot(0.4, 12), rng), 85)
    out["asciiart"] = _png(ascii_art(shot(0.4, 12), rng))
    out["pyrography"] = _jpeg(pyrography(shot(0.4, 12), rng), 85)
    out["tinyplanet"] = _jpeg(tiny_planet(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v21", room=room_v21, views=views_v21)


def main() -> None:
    dry_run("v21", make_pictures, place_kind)


if __name__ == "__main__":
    main()

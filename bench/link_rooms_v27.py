"""Generator v27 of ``bench/link.py``: benign places (railway lost property offices, basket
makers' workshops, table tennis clubs, drawing offices, tinsmiths' workshops, electronics
repair workshops, theatre scenery paint shops, fresh pasta workshops) as a colour-blindness
preview, a capture card on the wrong video range, a phone's burnt-in OLED, a print under
the phone's shadow, an AR measuring app, a TV news still, a print on brushed aluminium, a
shared quote card, a maps app's place card, a lifted subject, a laptop's privacy filter
and a broken LCD show them, held out.

Written blind, like v6-v26: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml`` (printed on their own),
``bench/link_rooms_v26.py`` whole (for the interface, the truth format, the place model
and the primitives imported below) and ``tests/bench/test_link_rooms_v26.py`` whole (for
the shape of the tests) and, in ``bench/link.py``, only the generator plumbing: a grep for
``v26`` and the lines round each hit (the imports at 60-90, ``GENERATORS`` at 630-660, the
``views_*`` dict of ``make_collection`` at 695-730 and ``main``'s start with the
``--generator`` argument at 1335-1380, which also shows the end of ``verify_options``). Of
``bench/link_rooms_v6.py``-``v26.py`` only the first paragraphs of their docstrings, their
``KINDS`` tuples, ``GROUPS`` dicts, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by
importing the modules, with every ``is_distractor`` called on seeds 0-999 to find the
residues no older generator uses), the paragraphs of v16's-v25's docstrings holding
"Written blind", "considered" or "dropped" (printed by importing the modules) and the
lines a grep found for words v27 considered were read (one line a hit, no more; a count of
files first). For kinds and groups: lost property, left luggage, umbrella, basket, willow,
wicker, table tennis, ping pong, drawing office, drafting, plan chest, tinsmith, sheet
metal, electronics, oscilloscope, solder, repair shop, scenic, paint frame, scenery,
backdrop, pasta, extruder, bin store, wheelie, makerspace, maker space, charity. For
views: colourblind, colour blind, color blind, deuteran, protan, daltoni, tvrange, limited
range, full range, washed, bounding box, detection, detector, measure, ruler, phone's
shadow, phoneshadow, shadow of, news, ticker, lower third, metal print, metalprint,
aluminium, brushed, quote, map app, maps, mappin, pin, subject, lift subject, cut-out,
cutout, sticker, privacy, lcd, bleed, backlight, dead pixel, ink blot. None of v27's
kinds, groups or views is a kind, group or view of v6-v26 (the tests check the names
against the ``KINDS``, ``GROUPS`` and ``VIEW_KINDS`` of v6-v26's modules). Most hits were
other senses: "basket" a basketball board in v7 and a laundry basket in v8, "plan chest" a
thing in v20's bookbindery and v22's stationery shop (v27's drawing office has the kind's
own, among drafting tables), "repair shop" the bicycle repair shop v25 dropped, "scenery"
and "backdrop" v18's and v22's drawn scenery and v21's photo studio's backdrop (v27's
paint shop paints a stage backdrop on a frame), "washed" washed-out colour in v12's
``cctv`` and v13's ``vhs`` and a whitewashed pottery (``tvrange`` is a capture card's
range error), "aluminium" and "brushed" things and v12's brushed steel, "news" v14's
newsletter halftone, "ticker" in "sticker", "measure" tape measures and measured figures,
"pin" a bowling alley's pins and a frame joiner's, "subject" v24's ``fakebokeh`` (a
portrait mode that guessed the subject wrong: a blur, not a cut-out), "cut-out" v6's
cut-outs standing in its rooms and paper cut-outs v24 dropped, "privacy" v14's
``redacted`` (regions hidden by a repost, not a screen's louvres), "lcd" a word v22
considered, "bleed" v17's magazine photo bleeding across pages and v21's water damage,
"backlight" v16's ``laptopmoire``'s gamma. One idea was dropped on its hits: "detection"
found v17's ``robotvac``, whose frame already carries detection boxes with scores, so an
object-detection overlay was not made. Ideas were dropped because an older generator had
them or something close. Of the views the brief offered every one was taken: a T-shirt and
a mug (v21's ``tshirt``, v20's ``mug``), a shop window's reflection (v8's and v12's
``reflection``), an e-reader (v19's ``eink``), a fisheye doorbell (v9's ``fisheye``), a
thermal receipt (v19's ``receipt``), a panorama's seam (v10's and v14's ``panorama``), a
plastic sleeve's glare (v18's ``evidencebag``, v23's ``laminated``; v23 dropped an album
sleeve); a satellite-style top-down blur was not a way a room's picture is seen. Also
dropped: a phone's lock screen (v26's ``desktop``; v19 considered lock screens), a video
player's bar (v13's ``player``), a photo book's spread (v17's ``magazine``), an email
client's preview (v18's ``editor`` and ``listing``), a pixelated privacy blur (v14's
``redacted``, v19's ``crossstitch``), a night-shift warm screen (v11's ``graded``; v20
dropped white balance), a P3 picture shown as sRGB (v20 dropped colour profiles), a glossy
print's glare (``laminated``), a handheld wand scanner (v25's ``scanslip``), a phone case,
a keyring, a lampshade and a tote bag with the picture printed on (v20's ``mug``, v21's
``tshirt``; v22 dropped cushions and plates), a foil balloon (v19's ``lensball``), a depth
map (its renderer's depth is not a documented output), HEIC tiles decoded out of place
(v26's ``corruptjpeg``), a camera's focus peaking (v22's ``cameraback``), an
autostereogram (v19 and v21 dropped stereo pairs). Of kinds: a taxidermist's and a
fishmonger's (animals), an organ builder's, a piano tuner's and a harp maker's (v16's
music shop; v24 and v25 dropped them), a cooperage (v24 dropped it), a bell foundry (v23's
bell chamber), a pottery kiln room (v23 dropped it), an air traffic control cab and a
coastguard lookout (v24's signal box and lighthouse watch room), a neon sign workshop
(v23's glassblowing studio), a screen printer's (v17's print shop), a fencing salle and an
archery range (weapons), a martial arts dojo (v16's dance studio; combat), a props store
(figures of people), a picture restorer's (v21's picture framer, v17's artists' studios);
of groups: phone booths (v24 dropped them), office pods and serviced offices (v13's pods,
v16's meeting rooms), rehearsal rooms (v13's music practice rooms), a multiplex's
projection booths (v17's cinema auditorium), theatre boxes (v20's stadium boxes),
polytunnels of one allotment site (v20's sheds, v13's greenhouse). The nearest kept:
``colourblind`` changes hues like v11's ``graded`` and v26's ``uvswap``, but as a
colour-vision simulation (reds and greens merge, blue and brightness stay); ``tvrange``
changes tones like v24's ``polariser`` and v25's ``ortonglow``, but as a range mismatch
(lifted blacks and dulled whites, or both crushed); ``oledburnin`` shows the picture on a
phone like v16's ``laptopmoire`` and v19's ``watchface``, but full screen with a
keyboard's ghost; ``phoneshadow`` is a print on a table like v14's ``instant`` and v26's
``scorched``, darkened by a hard shadow unlike v14's ``sunpatch`` (light patches);
``metalprint`` prints on a thing like v25's ``canvasprint``, but on brushed metal with a
sheen; ``quotecard`` blurs the whole picture, unlike v24's ``fakebokeh`` (all but a blob)
and v14's ``caption`` (text over a kept picture); ``mappin`` puts a small copy in an app
like v26's ``coverphoto`` and v18's ``listing``, under a street map; ``subjectlift`` keeps
one part on a plain ground, unlike v26's ``objectremoved`` (the part painted out);
``privacyfilter`` is a screen seen at an angle like v16's ``laptopmoire``, but nearly
black through louvres; ``lcdbleed`` damages a screen like v13's ``cracked`` (cracks in the
glass), with a blot of dead crystal and stuck lines instead. A lost property office's
racking stands like v26's lamp racks and v24's strongroom's shelving (crowded with tagged
bags, cases and umbrellas); a table tennis club is a sports hall like v13's hall and v19's
squash courts (with its own tables and surrounds); a drawing office is an office like v7's
and v14's (drafting tables under big windows); a charity shop is one of a chain like v7's
and v21's chain shops and a let unit with its own stock like v25's railway arch units and
v26's container shops. No signature or source of an older primitive was read, but for the
signature and first three lines of v10's ``_text``, printed by a grep while a quote card's
lettering was being centred; they are called as v26 calls them. The worktree's ``.venv``
is a link to a ready virtualenv; nothing was installed. A sheet of the originals of two
places of each kind and group and sheets of two places' twelve views at 320x240 were
looked at once (after which the AR labels' boxes were widened and the quote card's
lettering made smaller and centred), and ``room_v27`` and ``views_v27`` were timed.
``mypy`` (on v27 and its tests; its output names lines of v10-v12 and v18, which v27
imports, none of v27's or its tests') and ``ruff`` were run; ``python -m bench.link
--help`` was run once to check the plumbing. Nothing of the linker's code, tests, docs or
results was read, and neither the linker nor ``bench.link`` was ever run on these
pictures: keep it for after v26's held-out run, then use it once, for a held-out figure:
``python -m bench.link --name link-v27-heldout --generator v27 --no-real --size 400x300
--rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's picture writer and
dry run, v13's place model (surfaces, boxes, walls, floor plans, furniture pieces,
windows, wall things, lighting), v14's belongings and small helpers, v15's doors and sky,
v16's colour ramp and aiming, v17's building state, clearance test, shell planes, grained
paint and off-square warp, v18's colour picker, v19's small helpers, v20's builder state
with the kinds' model generator, its place model (made v27's by a subclass with v27's
kinds and day seeds), its loose things of a day and small helpers, v21's wall spots, v22's
shelving and grid, v23's standing boxes and brick walls, v24's paint, panels, concrete,
boards and wall openings, and small drawing primitives of v10-v12 are imported; v26's
place builder, cameras, moves and print place are copied with v27's kinds, seeds and
shares; the kinds of place, their builders, the kinds' mass-produced things, the
look-alikes, the cameras' settings and every view are v27's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v27 --rooms 12 --size 400x300
--out /tmp/v27``.

**What a place is.** As v26's: each seed is one place built in 3-D as a box (floor,
ceiling and four walls, every one drawn) with its fixed things drawn into the wall and
floor textures (windows, hatches, notice boards, drawings, tinware, pegboards, a painted
backdrop, shelves of sets and packs, doors) and furniture and fittings as 3-D boxes.
Loose things (v20's) change from day to day. Two pictures show the same place exactly
when they come from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_800_000_000 + seed)``); no photograph is read. A kind's mass-produced
things are drawn from the kind's own generator (``default_rng([1_808_000_000, k])``, ``k``
the kind's place in ``KINDS``), identical in every place of the kind and in no place of
another kind; where they stand and how many there are are each place's own:

- *lost property office*: the property racking (three to six units), the umbrella bin;
- *basket maker's workshop*: the soaking trough, the lapboard;
- *table tennis club*: the table with its net (two to four), the court surround;
- *drawing office*: the drafting table (many), the plan chest;
- *tinsmith's workshop*: the folding machine, the slip rolls;
- *electronics repair workshop*: the test instruments, the parts cabinet;
- *theatre scenery paint shop*: the paint-frame bridge, the paint trolley;
- *fresh pasta workshop*: the extruder, the drying trolley.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them.

**Kinds of place** (sizes width x height x depth in m): a *lost property office* (4-7 x
2.6-3.2 x 4-7: paint, lino, a tiled ceiling; racking along the back and a side, a
counter with a ledger on the other side under a roller hatch, umbrella bins, stacked
suitcases, a notice board, a clock, a window, a door), a *basket maker's workshop* (4-7 x
2.8-3.6 x 5-8: brick or whitewash, boards or concrete; the trough, the lapboard with a
basket started, bundles of willow against the walls, baskets hung on a wall and stacked,
a bench, a window), a *table tennis club* (10-16 x 4-6 x 14-22: painted blocks over a dark
dado, a sprung wood or coloured sports floor, a roof of lights; tables in a row down the
hall with surrounds, a scoreboard, a bench, notices, a shelf of trophies, high windows), a
*drawing office* (7-12 x 3-3.8 x 7-11: pale paint, boards or lino; rows of drafting
tables with stools under big windows, plan chests, a filing cabinet, drawings of made-up
parts pinned up, a clock), a *tinsmith's workshop* (4-6.5 x 2.8-3.4 x 5-8: brick or paint,
concrete or boards; the machines, a bench with stakes, a rack of tinplate sheets, pails,
funnels and cans hung up, a stove), an *electronics repair workshop* (3.5-5.5 x 2.5-3 x
4-6: paint, lino; a bench along the back with the instruments and sets on it, parts
cabinets, shelves of old radios and televisions waiting with tickets, a pegboard of
leads, a window with a blind), a *theatre scenery paint shop* (10-15 x 7-10 x 10-14:
blocks or panels, a concrete floor splashed with paint; a landscape backdrop being
painted on the frame across the back wall with the bridge across it, trolleys, flats
leaning on a side wall, a rack of long brushes, high windows), a *fresh pasta workshop*
(4-7 x 2.7-3.2 x 5-8: white tiles to 2 m, a resin floor; the extruder, drying trolleys,
stainless tables with sheets of pasta, flour sacks, shelves of packs, an orders board);
and, as look-alikes only, a *housing estate bin store* (2.6-3.4 x 2.3-2.6 x 2.2-3), a
*makerspace bench bay* (2.4-3 x 2.5-2.9 x 2.6-3.2) and a *charity shop* (4-5.5 x 2.7-3.1
x 8-11). No person or animal is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v26), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.3 in a bin store, x0.4 in a bench
bay, x0.7 in an electronics repair workshop; up to 0.08 m in height), turned up to 12
degrees and tilted up to 4 (the first of 8 moves that leaves it 0.15 m clear of every
thing, else not moved), with sensor noise (sigma 2). The four easy views start from a
shot moved up to 0.3 m and turned up to 8 degrees, every other from a shot moved up to
0.4 m and turned up to 12. Difficulty as meant, not measured:

- ``colourblind`` (easy): an accessibility tool's colour-vision preview: protanopia or
  deuteranopia (Machado et al. 2009, severity 1, on linear light). JPEG 88.
- ``tvrange`` (easy): a capture card on the wrong range: in two thirds full range shown
  as limited (16-235: washed out), else the other way (crushed); 4:2:2 chroma, soft,
  0-2 % overscan. JPEG 85.
- ``oledburnin`` (easy): a phone's burnt-in OLED photographed straight on: ghosts of the
  status bar, a keyboard over the lower 40 % and the home bar (6-14 % darker, yellowish),
  rounded black corners, a faint sheen. JPEG 85.
- ``phoneshadow`` (easy to medium): a print on a table in sun, from above: 84-94 % of the
  frame, warm, off square by up to 2 %; the hard shadow of the phone (18-30 % of the
  width) and the hand holding it running off an edge, x0.35-0.55 and bluish. JPEG 85.
- ``armeasure`` (medium): an AR measuring app's screenshot: yellow floor dots, one to
  three white measurements with labels, a reticle, a status bar, a bottom bar with the
  add button. PNG.
- ``newsticker`` (medium): a TV news still: overscan 2-5 %, sharpened, a lower-third
  headline strap and sub-strap, a dark ticker along the bottom, a channel bug, a "LIVE"
  box. JPEG 82.
- ``metalprint`` (medium): a print on brushed aluminium on a wall: the metal's streaks
  in the light parts, a diagonal sheen (+35-70), a float shadow; 78-90 % of the frame,
  off square by up to 2 %. JPEG 85.
- ``quotecard`` (medium to hard): a shared quote: the shot blurred (4-7 px at 400) and
  darkened to 40-55 %, three to five centred lines of white text, a handle, a frame.
  JPEG 85.
- ``mappin`` (hard): a maps app's place card: a street map with a search bar and a pin
  over the top 36-44 %, a sheet with the shot's middle band (56-66 % of the width,
  rounded), a name, stars, lines and buttons. PNG.
- ``subjectlift`` (hard): a lifted subject: the busiest blob (a third to a half of the
  frame, outline smoothed) with a white sticker border and a soft shadow, x1.0-1.2, in the
  middle of a white, grey or dark ground. JPEG 88.
- ``privacyfilter`` (hard): a laptop screen with a privacy filter seen from the side:
  dimmed to 18-32 %, louvres, a grey sheen, the screen a trapezoid (far edge 55-70 % of
  the near one), a bezel, the desk round it. JPEG 85.
- ``lcdbleed`` (very hard): a phone with a broken LCD: a black blot (7-18 % of the
  screen) with a purple and green fringe near a side, two to six stuck vertical lines,
  backlight bleeding in at an edge, rounded corners. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's),
each day's loose things, how each surface is lit, the camera and what is said below.
Look-alikes have no mass-produced things of a kind. How much is their own varies: little
in a bin store, much in a charity shop, between in a bench bay.

- *Bin stores of one housing estate*, one a block (4 %: ``seed % 50`` in {11, 30}, kind
  ``housing estate bin store``; template ``1_801_000_000 + seed // 50``; so seeds 11, 30,
  61, 80, 111, ...): the size, the brick or block walls, the concrete floor and soffit,
  the louvred door, the light, the council's wheelie bins and euro bins along the back
  with their numbers, the council's sign. The block's own (little): one or two notices or
  stickers taped on a wall and one to three bags left by the bins (each wall differs
  from a sibling's in under 5 % of its texels). The camera stands in the doorway
  (0.25-0.4 m in) looking at the bins.
- *Bench bays of one makerspace*, one a member (3 %: ``seed % 100`` in {0, 6, 74}, kind
  ``makerspace bench bay``; template ``1_802_000_000 + seed // 100``; seeds 0, 6, 74, 100,
  ...): the size, the painted partitions, the floor, the open ceiling, the bench, the task
  light, the shelf of bins, the rules sheet. The member's own (between): the pegboard of
  tools over the bench (50-70 % of the back wall's width, 0.75-0.95 m high), a name card
  and notes on a partition, the project and bits on the bench, a toolbox. The camera
  stands 0.3-0.5 m in looking at the bench.
- *Shops of one charity's chain* (3 %: ``seed % 100`` in {39, 40, 97}, kind ``charity
  shop``; template ``1_803_000_000 + seed // 100``; seeds 39, 40, 97, 139, ...): the size,
  the paint and the chain's colour band, the floor, the ceiling, the glazed front, the
  counter and till, the fitting-room curtain. The shop's own (much): the donated stock on
  rails and shelves along both side walls (60-85 % of their length, up to 1.6-2 m), a
  poster on the back wall, one or two tables of bric-a-brac and stock standing by the
  walls. The camera stands 0.6-1 m in looking along.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (11, 30) or seed % 100 in (0, 6,
74, 39, 40, 97)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (bin stores) or ``seed // 100`` (bench bays, charity shops).
The slots are residues that no ``is_distractor`` of v10-v26 holds on seeds 0-999 (the
tests check against every one), chosen so that every group has two members of one
template in the first 60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original``, ``armeasure`` and
``mappin`` (PNG) and ``colourblind``, ``tvrange``, ``oledburnin``, ``phoneshadow``,
``newsticker``, ``metalprint``, ``quotecard``, ``subjectlift``, ``privacyfilter``,
``lcdbleed`` (JPEG), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (2 bin stores in every 50 seeds, 3 bench
bays and 3 charity shops in every 100); the other seeds draw their kind with equal shares
of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): bin stores 40, bench bays 30, charity shops 30; of the other 900:
electronics repair workshop 126, drawing office 115, fresh pasta workshop 115, lost
property office 113, table tennis club 113, basket maker's workshop 113, theatre scenery
paint shop 105, tinsmith's workshop 100. The first 60 seeds (a default ``--rooms 60``
run): theatre scenery paint shop 10, basket maker's workshop 10, lost property office 7,
table tennis club 7, tinsmith's workshop 7, electronics repair workshop 6, fresh pasta
workshop 5, drawing office 2, bin stores 2 (11, 30), bench bays 2 (0, 6), charity shops
2 (39, 40): every kind and group is in it. The held-out run's 315 seeds: basket maker's
workshop 47, electronics repair workshop 42, lost property office 41, theatre scenery
paint shop 39, table tennis club 34, tinsmith's workshop 30, fresh pasta workshop 28,
drawing office 21, bin stores 13, bench bays 11, charity shops 9.

**Speed**: ``room_v27`` and ``views_v27`` of 22 places (two of each kind and group) at
400x300 took 0.52 s a place on average (0.42-0.65 s; 13 pictures), one core, on the
shared machine. Surfaces are drawn at 120 texels a metre, large ones coarser (at most
360,000 texels a surface).

**Seeds**: a place ``1_800_000_000 + seed``; housing estate ``1_801_000_000 + seed //
50``; makerspace ``1_802_000_000 + seed // 100``; charity ``1_803_000_000 + seed //
100``; a day's loose things ``1_804_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_805_000_000, seed, i])`` (``i`` the index ``make_collection`` passes);
the original's sensor noise ``1_806_000_000 + seed``; a kind's mass-produced things
``default_rng([1_808_000_000, k])``. None is a seed of v6-v26. Deterministic by seed.
Lettering is random syllables (digits for numbers); every map, landscape and drawing is
made up. Pictures not made by ``room_v27`` (the real pictures of ``bench/link.py`` when
run without ``--no-real``) are hung as a print 2 m wide on the back wall of a generated
drawing office, table tennis club or basket maker's workshop (seeds from
``1_807_000_000``) and seen the same ways.
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
from bench.link_rooms_v21 import _wall_box
from bench.link_rooms_v22 import _grid, _shelved
from bench.link_rooms_v23 import _standing, _walls_of
from bench.link_rooms_v24 import _boards, _concrete, _opening, _paint_of, _panelled

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_800_000_000
ESTATE_SEED = 1_801_000_000
HACKSPACE_SEED = 1_802_000_000
CHARITY_SEED = 1_803_000_000
DAY_SEED = 1_804_000_000
VIEW_SEED = 1_805_000_000
SENSOR_SEED = 1_806_000_000
PRINT_SEED = 1_807_000_000
MODEL_SEED = 1_808_000_000
BIN_EVERY, BIN_SLOTS = 50, (11, 30)
BAY_EVERY, BAY_SLOTS = 100, (0, 6, 74)
SHOP_EVERY, SHOP_SLOTS = 100, (39, 40, 97)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("lost property office", 1 / 8),
    ("basket maker's workshop", 1 / 8),
    ("table tennis club", 1 / 8),
    ("drawing office", 1 / 8),
    ("tinsmith's workshop", 1 / 8),
    ("electronics repair workshop", 1 / 8),
    ("theatre scenery paint shop", 1 / 8),
    ("fresh pasta workshop", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "housing estate bin store": "binstore",
    "makerspace bench bay": "makerbay",
    "charity shop": "charityshop",
}
VIEW_KINDS = (
    "colourblind",
    "tvrange",
    "oledburnin",
    "phoneshadow",
    "armeasure",
    "newsticker",
    "metalprint",
    "quotecard",
    "mappin",
    "subjectlift",
    "privacyfilter",
    "lcdbleed",
)
PNG_VIEWS = ("armeasure", "mappin")  # two phone screenshots, saved losslessly
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "lost property office": ((4.0, 7.0), (2.6, 3.2), (4.0, 7.0)),
    "basket maker's workshop": ((4.0, 7.0), (2.8, 3.6), (5.0, 8.0)),
    "table tennis club": ((10.0, 16.0), (4.0, 6.0), (14.0, 22.0)),
    "drawing office": ((7.0, 12.0), (3.0, 3.8), (7.0, 11.0)),
    "tinsmith's workshop": ((4.0, 6.5), (2.8, 3.4), (5.0, 8.0)),
    "electronics repair workshop": ((3.5, 5.5), (2.5, 3.0), (4.0, 6.0)),
    "theatre scenery paint shop": ((10.0, 15.0), (7.0, 10.0), (10.0, 14.0)),
    "fresh pasta workshop": ((4.0, 7.0), (2.7, 3.2), (5.0, 8.0)),
    "binstore": ((2.6, 3.4), (2.3, 2.6), (2.2, 3.0)),
    "makerbay": ((2.4, 3.0), (2.5, 2.9), (2.6, 3.2)),
    "charityshop": ((4.0, 5.5), (2.7, 3.1), (8.0, 11.0)),
}
SMALL = {  # shares of a move in small places
    "binstore": 0.3,
    "makerbay": 0.4,
    "electronics repair workshop": 0.7,
}
PRINT_KINDS = ("drawing office", "table tennis club", "basket maker's workshop")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_bin_store(seed: int) -> bool:
    return seed % BIN_EVERY in BIN_SLOTS


def is_bench_bay(seed: int) -> bool:
    return seed % BAY_EVERY in BAY_SLOTS


def is_charity_shop(seed: int) -> bool:
    return seed % SHOP_EVERY in SHOP_SLOTS


def is_distractor(seed: int) -> bool:
    return is_bin_store(seed) or is_bench_bay(seed) or is_charity_shop(seed)


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
    if is_bin_store(seed):
        return "housing estate bin store"
    if is_bench_bay(seed):
        return "makerspace bench bay"
    if is_charity_shop(seed):
        return "charity shop"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_bin_store(seed):
        return np.random.default_rng(ESTATE_SEED + seed // BIN_EVERY)
    if is_bench_bay(seed):
        return np.random.default_rng(HACKSPACE_SEED + seed // BAY_EVERY)
    if is_charity_shop(seed):
        return np.random.default_rng(CHARITY_SEED + seed // SHOP_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------

WALLS = ("back", "left", "right", "front")


def _sheet(rng: Rng, w: int, h: int, ink: Colour, lines: int, tint: Colour = (240, 238, 230)) -> U8:
    """A sheet of paper with ``lines`` printed lines of uneven length."""
    img = _grained(rng, max(4, w), max(4, h), tint, 1.2)
    ih, iw = img.shape[:2]
    step = max(2, ih // (lines + 1))
    for k in range(1, lines + 1):
        x1 = int(rng.integers(iw // 3, max(iw // 3 + 1, iw - 1)))
        cv2.line(img, (1, k * step), (x1, k * step), ink, 1)
    return img


def _board(rng: Rng, w: int, h: int, ground: Colour) -> U8:
    """A notice board with two to five sheets pinned on it, each with a coloured pin."""
    img = _grained(rng, max(6, w), max(6, h), ground, 3.0)
    ih, iw = img.shape[:2]
    for _ in range(int(rng.integers(2, 6))):
        sw, sh = max(3, int(iw * rng.uniform(0.16, 0.3))), max(4, int(ih * rng.uniform(0.3, 0.55)))
        ink = _pick(rng, [(30, 30, 30), (150, 30, 30), (30, 60, 140)])
        x, y = int(rng.integers(0, max(1, iw - sw))), int(rng.integers(0, max(1, ih - sh)))
        _paste(img, _sheet(rng, sw, sh, ink, 4), x, y)
        cv2.circle(img, (x + sw // 2, y + 1), max(1, sw // 10), _c(rng, 40, 230), -1)
    return img


def _woven(rng: Rng, w: int, h: int, cane: Colour) -> U8:
    """Willow or cane woven over stakes: alternating short strokes in rows, each rod its
    own shade."""
    img = _grained(rng, max(4, w), max(4, h), _shade(cane, 0.55), 2.0)
    ih, iw = img.shape[:2]
    row = max(2, ih // 10)
    for k, y in enumerate(range(0, ih, row)):
        col = _lighter(cane, float(rng.uniform(0.85, 1.15)))
        for x in range((k % 2) * row, iw, 2 * row):
            cv2.rectangle(img, (x, y), (min(iw - 1, x + row - 1), y + row - 2), col, -1)
    return img


def _rods(rng: Rng, w: int, h: int) -> U8:
    """A bundle of willow rods seen from the side: many thin uprights, buff, brown or
    green."""
    tone = _pick(rng, [(150, 110, 70), (110, 85, 60), (120, 120, 70), (190, 160, 110)])
    img = _grained(rng, max(4, w), max(4, h), _shade(tone, 0.6), 2.0)
    ih, iw = img.shape[:2]
    for x in range(0, iw):
        if rng.random() < 0.6:
            top = int(rng.integers(0, max(1, ih // 6)))
            img[top:, x] = _lighter(tone, float(rng.uniform(0.8, 1.2)))
    cv2.line(img, (0, ih * 2 // 3), (iw - 1, ih * 2 // 3), (60, 50, 40), max(1, ih // 40))
    return img


def _drawing(rng: Rng, w: int, h: int) -> U8:
    """A technical drawing of a made-up part: a border and title block, two or three
    views of outlines, centre lines, circles and dimension lines."""
    ground = _pick(rng, [(238, 238, 232), (215, 228, 240), (240, 236, 220)])
    ink = (40, 50, 90) if ground[2] > ground[0] else (40, 40, 45)
    img = _grained(rng, max(12, w), max(10, h), ground, 1.0)
    ih, iw = img.shape[:2]
    cv2.rectangle(img, (1, 1), (iw - 2, ih - 2), ink, 1)
    cv2.rectangle(img, (iw * 2 // 3, ih * 4 // 5), (iw - 2, ih - 2), ink, 1)
    for _ in range(int(rng.integers(2, 4))):
        x0 = int(rng.integers(3, max(4, iw * 2 // 3 - 8)))
        y0 = int(rng.integers(3, max(4, ih * 3 // 5)))
        bw = int(rng.integers(max(3, iw // 8), max(4, iw // 3)))
        bh = int(rng.integers(max(3, ih // 8), max(4, ih // 3)))
        cv2.rectangle(img, (x0, y0), (x0 + bw, y0 + bh), ink, 1)
        cv2.circle(img, (x0 + bw // 2, y0 + bh // 2), max(1, min(bw, bh) // 4), ink, 1)
        cv2.line(img, (x0 - 2, y0 + bh // 2), (x0 + bw + 2, y0 + bh // 2), (150, 60, 60), 1)
        cv2.line(img, (x0, y0 + bh + 3), (x0 + bw, y0 + bh + 3), ink, 1)
    return img


def _landscape(rng: Rng, w: int, h: int) -> U8:
    """A painted stage backdrop: a sky of broad strokes, two or three bands of hills, a
    line of trees and a road or river winding down, all in flat scene-painter's colours."""
    img = np.zeros((max(8, h), max(8, w), 3), np.float32)
    ih, iw = img.shape[:2]
    top = np.array(_between(rng, (90, 140, 200), (170, 200, 235)), np.float32)
    low = np.array(_between(rng, (200, 190, 170), (250, 220, 180)), np.float32)
    t = np.linspace(0, 1, ih, dtype=np.float32)[:, None, None]
    img[:] = top * (1 - t) + low * t
    img += (_field(rng, iw, ih, max(3, iw // 10))[:, :, None] - 0.5) * 40
    xs = np.arange(iw, dtype=np.float32)
    horizon = float(rng.uniform(0.45, 0.65))
    for k in range(int(rng.integers(2, 4))):
        base = (horizon + 0.1 * k) * ih
        amp = float(rng.uniform(0.04, 0.12)) * ih
        ridge = base - amp * np.sin(xs / iw * float(rng.uniform(3, 9)) + float(rng.uniform(0, 6)))
        col = np.array(_between(rng, (60, 100, 50), (150, 170, 90)), np.float32) * (1 - 0.12 * k)
        mask = np.arange(ih, dtype=np.float32)[:, None] > ridge[None, :]
        img[mask] = col
    for _ in range(int(rng.integers(6, 16))):
        cx, cy = int(rng.integers(0, iw)), int(horizon * ih + rng.uniform(0, 0.2) * ih)
        rad = max(2, int(iw * rng.uniform(0.015, 0.04)))
        cv2.circle(img, (cx, cy), rad, _between(rng, (30, 70, 30), (80, 120, 60)), -1)
    pts = [
        (int(iw * float(rng.uniform(0.3, 0.7)) + k * float(rng.uniform(-0.08, 0.08)) * iw), int(y))
        for k, y in enumerate(np.linspace(horizon * ih, ih - 1, 6))
    ]
    road = _pick(rng, [(200, 190, 160), (120, 160, 200)])
    for p, q in pairwise(pts):
        cv2.line(img, p, q, road, max(1, int(iw * 0.01 * (1 + q[1] / ih * 3))))
    return _u8(img + rng.normal(0, 3, img.shape))


def _set_face(rng: Rng, w: int, h: int) -> U8:
    """The front of an old radio or television waiting for repair: a cabinet colour, a
    speaker grille or a grey screen, a dial and knobs, a paper ticket tied on."""
    img = _grained(rng, max(6, w), max(6, h), _pick(rng, [_wood_tone(rng), _c(rng, 40, 220)]), 2.0)
    ih, iw = img.shape[:2]
    if rng.random() < 0.5:
        cv2.rectangle(img, (iw // 10, ih // 8), (iw * 6 // 10, ih * 7 // 8), (70, 75, 72), -1)
    else:
        for y in range(ih // 8, ih * 7 // 8, 2):
            cv2.line(img, (iw // 10, y), (iw * 6 // 10, y), (50, 40, 35), 1)
    cv2.rectangle(img, (iw * 7 // 10, ih // 6), (iw - 3, ih // 3), (225, 215, 170), -1)
    for k in range(2):
        cv2.circle(img, (iw * 8 // 10, ih // 2 + k * ih // 4), max(1, ih // 10), (30, 28, 26), -1)
    cv2.rectangle(img, (1, 1), (max(2, iw // 8), max(3, ih // 4)), (235, 230, 210), -1)
    return img


# --- v27's own surfaces and things, every one drawn from the rng it is given --------------------

# lost property office


def _property_rack(m: Rng) -> dict[str, U8]:
    """The kind's property racking: a grey steel unit of five shelves, each crowded with
    bags, boxes and cases, every one with a buff tag on a string."""
    paint = _pick(m, [(90, 95, 100), (60, 80, 110), (120, 120, 110)])
    front = _grained(m, 48, 64, (45, 45, 48), 1.5)
    for row in range(5):
        y = 2 + row * 12
        x = 2
        while x < 43:
            iw, ih = int(m.integers(4, 10)), int(m.integers(4, 10))
            cv2.rectangle(
                front, (x, y + 11 - ih), (min(45, x + iw - 1), y + 10), _c(m, 30, 230), -1
            )
            cv2.rectangle(front, (x + 1, y + 12 - ih), (x + 2, y + 14 - ih), (205, 175, 115), -1)
            x += iw + 1
        cv2.line(front, (0, y + 11), (47, y + 11), paint, 2)
    front[:, :2] = paint
    front[:, -2:] = paint
    return {"front": front, "side": _grained(m, 24, 64, paint, 2.0), "top": _steel(m, 48, 24, 150)}


def _umbrella_bin(m: Rng) -> dict[str, U8]:
    """The kind's umbrella bin: a tall steel drum of handed-in umbrellas, their crooks and
    tips showing over the rim."""
    drum = _pick(m, [(70, 72, 76), (130, 40, 35), (40, 70, 110)])
    front = _grained(m, 16, 32, drum, 2.0)
    for x in range(2, 15, 3):
        cv2.ellipse(front, (x, 4), (2, 3), 0.0, 180.0, 360.0, _c(m, 20, 200), 1)
        cv2.line(front, (x + 2, 4), (x + 2, 10), (30, 30, 30), 1)
    top = _grained(m, 16, 16, (30, 30, 32), 2.0)
    for _ in range(8):
        cv2.circle(top, (int(m.integers(2, 14)), int(m.integers(2, 14))), 2, _c(m, 20, 200), -1)
    return {"front": front, "side": front, "top": top}


def _build_lost_property(b: _Build17) -> None:
    """A railway's lost property office: institutional paint, lino, a tiled ceiling; the
    kind's property racking (three to six units) along the back and a side, the kind's
    umbrella bins, a counter with a ledger across the other side, stacked suitcases,
    labelled boxes, a notice board, a hatch, a clock, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, brolly = _property_rack(m), _umbrella_bin(m)
    paint = _pick(r, [(220, 215, 190), (200, 212, 205), _c(r, 140, 235)])
    _paint_of(b, paint, 2.0)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    n = min(int(r.integers(2, 5)), int((b.w - 0.4) / 1.3))
    x0 = -n * 1.3 / 2 + 0.65
    for k in range(n):
        _model(b, Box(x0 + 1.3 * k, b.d - 0.35, 1.2, 0.45, 2.1, 0.0, _faces(rack, "front")))
    side = str(r.choice(["left", "right"]))
    for k in range(int(r.integers(1, 3))):
        x, z, bw, bd = _wall_box(b, side, b.d - 1.8 - 1.3 * k, 1.2, 0.45)
        if z < 2.2:
            break
        _model(b, Box(x, z, bw, bd, 2.1, 0.0, _faces(rack, _inward(side))))
    at = float(r.uniform(1.6, max(1.7, b.d - 3.0)))
    x, z, bw, bd = _wall_box(b, _other(side), at, 2.2, 0.6)
    counter = {"front": _cabinet(r, 3, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)}
    b.boxes.append(Box(x, z, bw, bd, 1.0, 0.0, _faces(counter, _inward(_other(side)))))
    b.tops.append((x, z, bw, bd, 1.0))
    ledger = _sheet(r, 16, 12, (40, 40, 90), 6)
    b.boxes.append(Box(x, z, 0.4, 0.3, 0.04, 1.0, _all_faces(ledger)))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 0.8, b.w, 1.6)
    fl.take(x, z, bw + 0.8, bd + 0.8)
    fl.take(0.0, b.d - 0.35, b.w, 1.0)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.45, 0.45, (side, "back", _other(side)))
        if spot:
            _standing(b, spot, 0.9, brolly, True)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 0.9, 0.6) or fl.against(r, 0.9, 0.6, (side,))
        if spot:
            sx, sz, _w, _d, _f = spot
            y = 0.0
            for _k in range(int(r.integers(1, 4))):
                case = _grained(r, 24, 16, _c(r, 30, 200), 2.0)
                cv2.rectangle(case, (8, 0), (15, 3), (30, 30, 30), 1)
                th = float(r.uniform(0.2, 0.3))
                b.boxes.append(Box(sx, sz, 0.75, 0.5, th, y, _all_faces(case)))
                y += th
    wall = b.wall(side)
    wall.put(_board(r, wall.px(1.0), wall.px(0.7), (180, 140, 100)), 1.9, 2.0)
    other = b.wall(_other(side))
    h0, v0, h1, v1 = _opening(other, max(0.2, at - 0.7), 1.05, 1.4, 0.9)
    hatch = _grained(r, h1 - h0, v1 - v0, _c(r, 60, 200), 2.0)
    for y in range(0, v1 - v0, max(2, (v1 - v0) // 12)):
        hatch[y] = _shade(tuple(int(v) for v in hatch[0, 0]), 0.75)  # type: ignore[arg-type]
    other.img[v0:v1, h0:h1] = hatch
    back = b.wall("back")
    back.put(_label(r, back.px(0.7), back.px(0.3)), 2.5, 2.6)
    _small_things(wall, ("clock",))
    _window(
        other,
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.3, 0.8)),
        1.0,
        1.0,
        1.1,
        _c(r, 30, 200),
    )
    _door(b.wall("front" if r.random() < 0.5 else side), r, _c(r, 30, 200))


# basket maker's workshop


def _soak_trough(m: Rng) -> dict[str, U8]:
    """The kind's soaking trough: a long galvanised tank on bricks, willow rods lying in
    its dark water."""
    front = _steel(m, 64, 16, 165)
    cv2.line(front, (0, 2), (63, 2), (120, 122, 125), 1)
    top = _grained(m, 64, 16, (40, 45, 42), 2.0)
    for _ in range(14):
        y = int(m.integers(1, 15))
        cv2.line(
            top,
            (int(m.integers(0, 20)), y),
            (int(m.integers(40, 64)), y + int(m.integers(-2, 3))),
            (130, 100, 60),
            1,
        )
    return {"front": front, "side": _steel(m, 16, 16, 160), "top": top}


def _basket_plank(m: Rng) -> dict[str, U8]:
    """The kind's lapboard: a low sloping plank on short legs, its face worn pale in the
    middle, a bodkin and a rapping iron on it."""
    wood = _pick(m, [(150, 110, 70), (120, 90, 60)])
    top = _wood(m, 32, 48, wood, 4)
    cv2.ellipse(top, (16, 26), (9, 14), 0.0, 0.0, 360.0, _lighter(wood, 1.25), -1)
    cv2.line(top, (6, 8), (20, 14), (70, 70, 72), 2)
    cv2.line(top, (22, 36), (28, 44), (40, 40, 40), 1)
    return {"front": _wood(m, 32, 8, wood, 3), "side": _wood(m, 48, 8, wood, 3), "top": top}


def _build_basket_maker(b: _Build17) -> None:
    """A basket maker's workshop: brick or whitewash, boards or concrete, a boarded roof;
    the kind's soaking trough and lapboard, bundles of willow standing against the walls,
    baskets hung on a wall and stacked on the floor, a bench, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    trough, plank = _soak_trough(m), _basket_plank(m)
    if r.random() < 0.5:
        wall_c = _between(r, (140, 85, 60), (190, 135, 105))
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        wall_c = _between(r, (210, 205, 190), (245, 240, 228))
        _paint_of(b, wall_c, 5.0)
    b.floor(
        _planks if r.random() < 0.5 else _concrete(_between(r, (130, 125, 115), (175, 170, 160)))
    )
    b.ceiling(_boards(_between(r, (100, 80, 55), (165, 135, 100))))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.0, b.w, 2.0)
    spot = fl.against(r, 2.6, 0.8, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(
            b,
            Box(
                x,
                z,
                2.4 if facing in ("front", "back") else 0.6,
                0.6 if facing in ("front", "back") else 2.4,
                0.6,
                0.0,
                _faces(trough, facing),
            ),
        )
    spot = fl.middle(r, 1.2, 1.2) or fl.against(r, 1.2, 1.2, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, _f = spot
        _model(b, Box(x, z, 0.7, 1.0, 0.25, 0.0, _faces(plank, "front")))
        started = _woven(r, 24, 16, _between(r, (150, 115, 75), (200, 170, 120)))
        b.boxes.append(Box(x, z + 0.1, 0.45, 0.45, 0.3, 0.25, _all_faces(started)))
    for _ in range(int(r.integers(3, 8))):
        spot = fl.against(r, 0.4, 0.4, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _f = spot
            b.boxes.append(
                Box(x, z, 0.3, 0.3, float(r.uniform(1.5, 2.3)), 0.0, _all_faces(_rods(r, 16, 64)))
            )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 0.8, 0.8) or fl.against(r, 0.8, 0.8, ("left", "right", "back"))
        if spot:
            x, z, _w, _d, _f = spot
            y = 0.0
            for _k in range(int(r.integers(1, 4))):
                size = float(r.uniform(0.4, 0.6)) - 0.05 * _k
                tex = _woven(r, 24, 16, _between(r, (140, 105, 70), (210, 180, 130)))
                th = float(r.uniform(0.25, 0.4))
                b.boxes.append(Box(x, z, size, size, th, y, _all_faces(tex)))
                y += th
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    strip = _grained(r, wall.px(float(r.uniform(1.8, 2.8))), wall.px(0.8), wall_c, 2.0)
    sh, sw = strip.shape[:2]
    x = 2
    while x < sw - sh // 2:
        bw = int(sh * float(r.uniform(0.5, 0.9)))
        basket = _woven(r, bw, sh * 2 // 3, _between(r, (140, 105, 70), (210, 180, 130)))
        mask = np.zeros(basket.shape[:2], np.uint8)
        cv2.ellipse(mask, (bw // 2, 0), (bw // 2, sh * 2 // 3), 0.0, 0.0, 180.0, 1, -1)
        region = strip[sh // 3 : sh // 3 + basket.shape[0], x : x + bw]
        mk = mask[: region.shape[0], : region.shape[1]] > 0
        region[mk] = basket[: region.shape[0], : region.shape[1]][mk]
        cv2.circle(strip, (x + bw // 2, sh // 3 - 2), max(1, bw // 6), (90, 70, 50), 1)
        x += bw + int(r.integers(2, max(3, sh // 3)))
    wall.put(strip, 2.2, min(b.h - 0.2, 2.5))
    spot = fl.against(r, 1.8, 0.6, (_other(side), "back"))
    if spot:
        _box(
            b,
            spot,
            0.8,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _wood(r, 48, 16, _wood_tone(r), 4)},
        )
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
    _door(b.wall(_other(side)), r, _c(r, 30, 200))


# table tennis club


def _tt_table(m: Rng) -> dict[str, dict[str, U8]]:
    """The kind's table (one maker's): a blue or green top with white edge and centre
    lines on a dark undercarriage, and its net on two posts."""
    top_c = _pick(m, [(30, 70, 140), (30, 100, 70)])
    top = _grained(m, 32, 56, top_c, 1.5)
    cv2.rectangle(top, (0, 0), (31, 55), (240, 240, 240), 1)
    cv2.line(top, (16, 0), (16, 55), (240, 240, 240), 1)
    side = _grained(m, 56, 8, (30, 30, 32), 1.5)
    side[:2] = top_c
    end = _grained(m, 32, 8, (30, 30, 32), 1.5)
    end[:2] = top_c
    net = _grained(m, 48, 8, (20, 20, 24), 1.0)
    for x in range(0, 48, 2):
        net[:, x] = (60, 60, 64)
    net[:1] = (245, 245, 245)
    return {
        "table": {"front": end, "back": end, "left": side, "right": side, "top": top},
        "net": {
            "front": net,
            "back": net,
            "left": net[:, :4].copy(),
            "right": net[:, :4].copy(),
            "top": net[:1],
        },
    }


def _surround(m: Rng) -> dict[str, U8]:
    """The kind's court surround: a dark blue or green padded panel with the maker's
    white lettering."""
    ground = _pick(m, [(20, 40, 90), (20, 70, 50), (90, 20, 30)])
    front = _grained(m, 48, 16, ground, 1.5)
    _text(front, m, _word(m, (1, 2)).upper(), 4, 12, 8, (240, 240, 240))
    return {
        "front": front,
        "side": _grained(m, 8, 16, ground, 1.5),
        "top": _grained(m, 48, 8, ground, 1.5),
    }


def _build_table_tennis(b: _Build17) -> None:
    """A table tennis club's hall: painted blocks with a dark dado, a sprung wood or a
    coloured sports floor, a roof of lights; two to four of the kind's tables with their
    nets in a row down the hall, the kind's surrounds between them, a scoreboard on a
    table, a bench, notices, a trophy shelf, high windows, a door."""
    r, m = b.fix, _mass_produced(b)
    table, surround = _tt_table(m), _surround(m)
    paint = _pick(r, [(220, 220, 210), (200, 215, 225), _c(r, 150, 240)])
    dado = _pick(r, [(40, 50, 80), (60, 60, 64), _c(r, 30, 120)])
    for name in WALLS:
        tw, th, res = b.texels(name)
        img = _tiles(r, tw, th, max(3, round(0.3 * res)), paint, _shade(paint, 0.9))
        img[th - max(2, round(1.2 * res)) :] = _grained(r, tw, max(2, round(1.2 * res)), dado, 2.0)
        b.fill(name, img)
    if r.random() < 0.5:
        b.floor(_planks)
    else:
        floor_c = _pick(r, [(150, 50, 45), (40, 80, 140), (60, 110, 70)])

        def sports(g: Rng, w: int, h: int, res: float) -> U8:
            img = _grained(g, w, h, floor_c, 2.5)
            for y in range(h // 5, h, max(3, h // 3)):
                img[y : y + max(1, h // 200)] = (235, 235, 225)
            return img

        b.floor(sports)

    def roof(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (90, 92, 96), 3.0)
        for x in range(w // 5, w, max(2, w // 4)):
            for y in range(h // 8, h, max(2, h // 5)):
                img[y : y + max(1, h // 40), x : x + max(2, w // 12)] = (250, 250, 240)
        return img

    b.ceiling(roof)
    n = int(r.integers(2, 5))
    lane = float(r.uniform(-0.2, 0.2)) * b.w
    z = 5.0
    for k in range(n):
        if z + 3.0 > b.d - 1.0:
            break
        x = lane + (k % 2) * float(r.uniform(-0.5, 0.5))
        _model(b, Box(x, z, 1.525, 2.74, 0.76, 0.0, table["table"]))
        _model(b, Box(x, z, 1.83, 0.04, 0.15, 0.76, table["net"]))
        if z + 5.5 < b.d:
            for off in (-1.5, -0.5, 0.5, 1.5):
                _model(
                    b, Box(x + off * 1.0, z + 3.6, 1.0, 0.1, 0.7, 0.0, _faces(surround, "front"))
                )
        z += float(r.uniform(5.5, 7.0))
    side = str(r.choice(["left", "right"]))
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 2.0, b.w, 4.0)
    fl.take(lane, b.d / 2, 4.0, b.d)
    spot = fl.against(r, 2.5, 0.5, (side, _other(side)))
    if spot:
        _box(
            b,
            spot,
            0.45,
            {"front": _wood(r, 48, 8, _wood_tone(r), 3), "top": _wood(r, 48, 8, _wood_tone(r), 3)},
        )
    spot = fl.against(r, 0.6, 0.5, (side, _other(side), "back"))
    if spot:
        x, z2, _w, _d, facing = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        score = _grained(r, 24, 16, (240, 240, 235), 1.0)
        for k in range(2):
            cv2.rectangle(score, (2 + 11 * k, 3), (10 + 11 * k, 14), (20, 20, 20), -1)
            _text(score, r, str(int(r.integers(0, 12))), 3 + 11 * k, 12, 7, (250, 250, 250))
        b.boxes.append(Box(x, z2, 0.4, 0.15, 0.3, 0.75, _faces({"front": score}, facing)))
    wall = b.wall(side)
    wall.put(_board(r, wall.px(1.4), wall.px(0.9), (170, 130, 90)), 2.1, 2.3)

    def trophies(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        for k in range(max(1, iw // 6)):
            gold = _between(r, (180, 150, 60), (230, 200, 110))
            cv2.rectangle(
                img, (x_ + 6 * k + 1, y1 - ih // 3), (x_ + 6 * k + 4, y1), (60, 40, 30), -1
            )
            cv2.circle(img, (x_ + 6 * k + 2, y1 - ih // 2), max(1, ih // 5), gold, -1)

    other = b.wall(_other(side))
    other.put(_shelved(r, other.px(1.6), other.px(0.7), _wood_tone(r), trophies), 2.2, 2.4)
    at = float(r.uniform(1.0, 3.0))
    while at + 2.0 < other.length - 1.0:
        _window(other, r, _sky(r, 32, 16), at, b.h - 1.3, 2.0, 0.9, (70, 70, 72))
        at += float(r.uniform(4.0, 6.0))
    back = b.wall("back")
    back.put(_label(r, back.px(1.2), back.px(0.5)), 3.0, min(b.h - 0.3, 3.5))
    _door(b.wall(side), r, _c(r, 30, 200))


# drawing office


def _drafting_table(m: Rng) -> dict[str, U8]:
    """The kind's drafting table: a cream board on a cast stand, with its parallel-motion
    straight-edge and a sheet taped on."""
    stand = _pick(m, [(60, 70, 70), (90, 85, 80)])
    top = _grained(m, 48, 32, (225, 222, 205), 1.0)
    cv2.rectangle(top, (6, 4), (40, 27), (245, 245, 240), -1)
    cv2.line(top, (1, 18), (46, 18), (40, 40, 45), 2)
    cv2.line(top, (1, 1), (1, 30), (40, 40, 45), 1)
    front = _grained(m, 48, 32, (30, 30, 32), 1.0)
    cv2.rectangle(front, (20, 0), (27, 31), stand, -1)
    cv2.rectangle(front, (6, 27), (41, 31), stand, -1)
    cv2.rectangle(front, (0, 0), (47, 3), (225, 222, 205), -1)
    return {"front": front, "side": front[:, 12:36].copy(), "top": top}


def _plan_chest(m: Rng) -> dict[str, U8]:
    """The kind's plan chest: a wide low cabinet of shallow drawers, each with two brass
    pulls and a card holder."""
    body = _pick(m, [(120, 90, 60), (150, 155, 150), (90, 100, 110)])
    front = _grained(m, 64, 32, body, 2.0)
    for y in range(2, 30, 5):
        cv2.line(front, (1, y), (62, y), _shade(body, 0.7), 1)
        for x in (14, 48):
            cv2.line(front, (x - 3, y + 2), (x + 3, y + 2), (190, 160, 80), 1)
        cv2.rectangle(front, (29, y + 1), (34, y + 3), (230, 225, 210), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 32, body, 2.0),
        "top": _grained(m, 64, 32, body, 2.0),
    }


def _build_drawing_office(b: _Build17) -> None:
    """An engineering firm's old drawing office: pale paint, boards or lino, a tiled
    ceiling; rows of the kind's drafting tables under big windows, the kind's plan
    chests against the walls, drawings pinned up, a filing cabinet, a print rack, a
    clock, a door."""
    r, m = b.fix, _mass_produced(b)
    desk, chest = _drafting_table(m), _plan_chest(m)
    paint = _pick(r, [(230, 228, 215), (215, 225, 220), _c(r, 160, 240)])
    _paint_of(b, paint, 1.5)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling)
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    cols = int(r.integers(2, 4))
    rows = int(r.integers(2, 4))
    for i in range(rows):
        z = 3.0 + 1.9 * i
        if z + 1.0 > b.d - 1.0:
            break
        for j in range(cols):
            x = sgn * (b.w / 2 - 1.2 - 1.9 * j)
            if abs(x) > b.w / 2 - 0.8:
                continue
            _model(b, Box(x, z, 1.3, 0.9, 1.0, 0.0, _faces(desk, "front")))
            stool = _grained(r, 8, 8, _c(r, 30, 180), 2.0)
            b.boxes.append(
                Box(
                    x + float(r.uniform(-0.3, 0.3)),
                    z - 0.8,
                    0.35,
                    0.35,
                    0.65,
                    0.0,
                    _all_faces(stool),
                )
            )
    fl = _Floor(b.w, b.d, 0.7)
    fl.take(0.0, 1.2, b.w, 2.4)
    fl.take(sgn * b.w / 4, b.d / 2, b.w / 2 + 1.0, b.d)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.4, 1.0, (_other(side), "back"))
        if spot:
            _standing(b, spot, 0.9, chest, True)
    spot = fl.against(r, 0.5, 0.6, (_other(side), "back"))
    if spot:
        _box(
            b,
            spot,
            1.3,
            {"front": _cabinet(r, 1, 4, (150, 155, 150)), "top": _steel(r, 16, 16, 160)},
        )
    wall = b.wall(side)
    at = float(r.uniform(0.8, 1.5))
    while at + 1.6 < wall.length - 0.6:
        _window(wall, r, _outside(r, 48, 40), at, 0.9, 1.6, 1.6, _c(r, 30, 230))
        at += float(r.uniform(2.2, 3.0))
    other = b.wall(_other(side))
    at = float(r.uniform(0.8, 1.5))
    while at + 1.0 < other.length - 0.8:
        dw = float(r.uniform(0.6, 1.1))
        dh = dw * float(r.uniform(0.65, 0.8))
        other.put(_drawing(r, other.px(dw), other.px(dh)), 2.0, 2.3)
        at += dw + float(r.uniform(0.6, 1.5))
    back = b.wall("back")
    back.put(_drawing(r, back.px(1.2), back.px(0.85)), 2.1, 2.3)
    back.put(_board(r, back.px(0.9), back.px(0.6), (175, 135, 95)), 1.9, 2.1)
    _small_things(back, ("clock",))
    _door(b.wall("front" if r.random() < 0.5 else _other(side)), r, _c(r, 30, 200))


# tinsmith's workshop


def _folding_brake(m: Rng) -> dict[str, U8]:
    """The kind's folding machine: a long cast frame in green with a clamping beam, the
    swinging leaf and two round counterweights on their arms."""
    paint = _pick(m, [(50, 80, 60), (60, 60, 70), (110, 60, 40)])
    front = _grained(m, 64, 24, paint, 2.0)
    cv2.rectangle(front, (2, 2), (61, 7), _shade(paint, 0.7), -1)
    cv2.rectangle(front, (4, 9), (59, 12), (180, 182, 185), -1)
    for x in (6, 57):
        cv2.circle(front, (x, 17), 4, (40, 40, 42), -1)
    return {"front": front, "side": _grained(m, 16, 24, paint, 2.0), "top": _steel(m, 64, 16, 150)}


def _slip_rolls(m: Rng) -> dict[str, U8]:
    """The kind's slip rolls: two cast side frames holding three bright rolls, a crank
    handle on one side."""
    paint = _pick(m, [(50, 80, 60), (60, 60, 70), (110, 60, 40)])
    front = _grained(m, 32, 24, (40, 36, 34), 1.5)
    front[:, :4] = paint
    front[:, -4:] = paint
    for y in (6, 12, 18):
        cv2.line(front, (4, y), (27, y), (200, 200, 205), 2)
    cv2.circle(front, (2, 6), 2, (30, 30, 30), -1)
    return {"front": front, "side": _grained(m, 16, 24, paint, 2.0), "top": front[:16].copy()}


def _tinware(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Finished tinware hung on a wall: pails, funnels, scoops and cans in bright tin."""
    img = _grained(rng, max(8, w), max(8, h), wall, 2.0)
    ih, iw = img.shape[:2]
    x = 2
    while x < iw - 4:
        s = int(rng.integers(max(3, ih // 4), max(4, ih // 2)))
        tin = _between(rng, (170, 172, 175), (225, 225, 228))
        y = int(rng.integers(2, max(3, ih - s - 2)))
        kind = int(rng.integers(0, 3))
        if kind == 0:
            pts = np.array(
                [[x, y], [x + s, y], [x + s * 4 // 5, y + s], [x + s // 5, y + s]], np.int32
            )
            cv2.fillPoly(img, [pts], tin)
            cv2.ellipse(img, (x + s // 2, y), (s // 2, s // 3), 0.0, 180.0, 360.0, (60, 60, 60), 1)
        elif kind == 1:
            pts = np.array(
                [
                    [x, y],
                    [x + s, y],
                    [x + s // 2 + 1, y + s * 2 // 3],
                    [x + s // 2 - 1, y + s * 2 // 3],
                ],
                np.int32,
            )
            cv2.fillPoly(img, [pts], tin)
            cv2.line(img, (x + s // 2, y + s * 2 // 3), (x + s // 2, y + s), tin, max(1, s // 8))
        else:
            cv2.rectangle(img, (x, y), (x + s * 2 // 3, y + s), tin, -1)
            cv2.line(img, (x, y + s // 3), (x + s * 2 // 3, y + s // 3), _shade(tin, 0.8), 1)
        x += s + int(rng.integers(2, max(3, s // 2)))
    return img


def _build_tinsmith(b: _Build17) -> None:
    """A tinsmith's workshop: brick or painted walls, concrete or boards, a boarded
    roof; the kind's folding machine and slip rolls, a bench with stakes in its plate,
    sheets of tinplate in a rack, tinware hung up, a stove, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    brake, rolls = _folding_brake(m), _slip_rolls(m)
    if r.random() < 0.5:
        wall_c = _between(r, (130, 80, 60), (185, 130, 100))
        _walls_of(b, 0.0, wall_c, 1.0)
    else:
        wall_c = _between(r, (180, 185, 175), (235, 230, 215))
        _paint_of(b, wall_c, 4.0)
    b.floor(
        _concrete(_between(r, (110, 108, 104), (165, 160, 150))) if r.random() < 0.6 else _planks
    )
    b.ceiling(_boards(_between(r, (100, 80, 60), (160, 130, 100))))
    fl = _Floor(b.w, b.d, 0.8)
    fl.take(0.0, 1.0, b.w, 2.0)
    spot = fl.against(r, 2.2, 0.8, ("back", "left", "right"))
    if spot:
        _standing(b, spot, 1.0, brake, True)
    spot = fl.against(r, 1.0, 0.6, ("back", "left", "right")) or fl.middle(r, 1.0, 0.6)
    if spot:
        _standing(b, spot, 1.0, rolls, True)
    spot = fl.middle(r, 1.8, 0.8) or fl.against(r, 1.8, 0.8, ("left", "right"))
    if spot:
        x, z, _w, _d, _f = spot
        _box(
            b,
            spot,
            0.85,
            {"front": _cabinet(r, 2, 1, _wood_tone(r)), "top": _steel(r, 48, 24, 120)},
        )
        for k in range(int(r.integers(2, 5))):
            stake = _steel(r, 8, 16, 150)
            b.boxes.append(
                Box(
                    x - 0.6 + 0.35 * k,
                    z,
                    0.06,
                    0.06,
                    float(r.uniform(0.15, 0.3)),
                    0.85,
                    _all_faces(stake),
                )
            )
    spot = fl.against(r, 0.6, 0.6, ("left", "right", "back"))
    if spot:
        stove = _grained(r, 16, 24, (35, 33, 32), 2.0)
        cv2.rectangle(stove, (4, 12), (11, 18), (150, 60, 30), -1)
        _box(b, spot, 0.8, {"front": stove, "top": _grained(r, 16, 16, (30, 30, 30), 2.0)})
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    wall.put(_tinware(r, wall.px(float(r.uniform(1.6, 2.6))), wall.px(0.7), wall_c), 2.1, 2.4)
    other = b.wall(_other(side))
    rack = _grained(r, other.px(1.4), other.px(1.2), _shade(wall_c, 0.8), 2.0)
    rh, rw = rack.shape[:2]
    for x in range(2, rw - 4, max(3, rw // 12)):
        sheet = _steel(r, max(2, rw // 14), rh - 4, 175)
        _paste(rack, sheet, x, 2)
    other.put(rack, 1.5, 1.7)
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
    back.put(_label(r, back.px(0.5), back.px(0.6)), 2.3, 2.5)
    _door(b.wall(str(r.choice(["front", side]))), r, _c(r, 30, 200))


# electronics repair workshop


def _test_stack(m: Rng) -> dict[str, U8]:
    """The kind's test bench instruments: an oscilloscope with a green trace over a
    signal generator and a bench supply with red digits."""
    case = _pick(m, [(180, 180, 175), (90, 95, 100)])
    front = _grained(m, 32, 32, case, 1.5)
    cv2.rectangle(front, (2, 2), (17, 14), (15, 30, 20), -1)
    xs = np.arange(3, 17)
    ys = (8 + 4 * np.sin(xs / 2.0)).astype(int)
    for x, y in zip(xs, ys, strict=True):
        front[y, x] = (90, 240, 120)
    for k in range(4):
        cv2.circle(front, (21 + 3 * (k % 3), 5 + 4 * (k // 3)), 1, (30, 30, 30), -1)
    cv2.rectangle(front, (2, 18), (29, 23), _shade(case, 0.8), -1)
    cv2.rectangle(front, (2, 25), (14, 30), (20, 20, 20), -1)
    front[27, 4:12] = (240, 60, 40)
    return {
        "front": front,
        "side": _grained(m, 24, 32, case, 1.5),
        "top": _grained(m, 32, 24, case, 1.5),
    }


def _parts_cabinet(m: Rng) -> dict[str, U8]:
    """The kind's parts cabinet: a steel frame of many small clear drawers of
    components, each with a label slip."""
    frame = _pick(m, [(60, 80, 130), (150, 40, 40), (200, 200, 195)])
    front = _grained(m, 32, 48, frame, 1.5)
    for y in range(2, 46, 4):
        for x in range(2, 30, 5):
            cv2.rectangle(front, (x, y), (x + 3, y + 2), (215, 220, 220), -1)
            front[y + 1, x + 1] = _c(m, 30, 220)
    return {
        "front": front,
        "side": _grained(m, 16, 48, frame, 1.5),
        "top": _grained(m, 32, 16, frame, 1.5),
    }


def _build_electronics_repair(b: _Build17) -> None:
    """A back-street electronics repair workshop: paint, lino, a tiled ceiling; a bench
    along the back with the kind's test instruments, the kind's parts cabinets, sets
    waiting on shelves with tickets, a pegboard of leads, a window with a blind, a
    clock, a door."""
    r, m = b.fix, _mass_produced(b)
    stack, parts = _test_stack(m), _parts_cabinet(m)
    paint = _pick(r, [(225, 222, 205), (200, 210, 220), _c(r, 140, 235)])
    _paint_of(b, paint, 2.0)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_tiled_ceiling)
    bw = min(b.w - 0.6, float(r.uniform(2.0, 3.2)))
    bx = float(r.uniform(-0.2, 0.2)) * (b.w - bw)
    bench = {
        "front": _cabinet(r, 3, 1, _wood_tone(r)),
        "top": _grained(r, 48, 16, _c(r, 60, 200), 2.0),
    }
    b.boxes.append(Box(bx, b.d - 0.4, bw, 0.7, 0.85, 0.0, _faces(bench, "front")))
    b.tops.append((bx, b.d - 0.4, bw, 0.7, 0.85))
    _model(b, Box(bx - bw / 4, b.d - 0.45, 0.5, 0.45, 0.55, 0.85, _faces(stack, "front")))
    for k in range(int(r.integers(1, 3))):
        tx = bx + bw / 4 - 0.2 + 0.45 * k
        b.boxes.append(
            Box(
                tx, b.d - 0.5, 0.4, 0.3, 0.3, 0.85, _faces({"front": _set_face(r, 24, 16)}, "front")
            )
        )
    side = str(r.choice(["left", "right"]))
    fl = _Floor(b.w, b.d, 0.6)
    fl.take(0.0, 0.7, b.w, 1.4)
    fl.take(bx, b.d - 0.4, bw + 0.4, 1.2)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.6, 0.4, (side, "back"))
        if spot:
            _standing(b, spot, 0.9, parts, True)

    def sets(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        k = x_
        while k < x_ + iw - 4:
            sw = int(r.integers(max(3, ih // 2), max(4, ih)))
            face = _set_face(r, sw, max(3, ih * 3 // 4))
            _paste(img, face, k, max(0, y1 - face.shape[0]))
            k += sw + 1

    other = b.wall(_other(side))
    other.put(
        _shelved(r, other.px(float(r.uniform(1.4, 2.2))), other.px(1.2), _wood_tone(r), sets),
        2.1,
        2.3,
    )
    wall = b.wall(side)
    peg = _grained(r, wall.px(1.0), wall.px(0.6), _between(r, (160, 130, 90), (210, 190, 150)), 1.5)
    ph, pw = peg.shape[:2]
    for x in range(3, pw - 3, max(3, pw // 10)):
        col = _c(r, 30, 230)
        cv2.line(
            peg,
            (x, 2),
            (x + int(r.integers(-2, 3)), int(ph * r.uniform(0.5, 0.95))),
            col,
            max(1, pw // 80),
        )
    wall.put(peg, 1.9, 2.0)
    back = b.wall("back")
    blind = _grained(r, 48, 48, (235, 232, 222), 1.0)
    for y in range(0, 30, 3):
        blind[y] = (210, 205, 195)
    blind[30:] = cv2.resize(_outside(r, 48, 18), (48, 18))
    _window(
        back, r, blind, float(r.uniform(0.3, max(0.4, b.w - 1.4))), 1.2, 1.0, 1.0, (235, 235, 232)
    )
    _small_things(back, ("clock",))
    _door(b.wall(str(r.choice(["front", side]))), r, _c(r, 30, 220))


# theatre scenery paint shop


def _paint_bridge(m: Rng) -> dict[str, U8]:
    """The kind's paint-frame bridge: a steel walkway across the frame with a handrail
    and a kick board splashed with paint."""
    steel = _pick(m, [(60, 62, 66), (40, 60, 90)])
    front = _grained(m, 64, 12, steel, 1.5)
    cv2.line(front, (0, 2), (63, 2), (200, 200, 195), 1)
    for x in range(0, 64, 8):
        cv2.line(front, (x, 2), (x, 11), (200, 200, 195), 1)
    for _ in range(12):
        front[int(m.integers(4, 12)), int(m.integers(0, 64))] = _c(m, 40, 240)
    return {
        "front": front,
        "side": _grained(m, 12, 12, steel, 1.5),
        "top": _grained(m, 64, 12, steel, 1.5),
    }


def _paint_trolley(m: Rng) -> dict[str, U8]:
    """The kind's paint trolley: a steel cart of two shelves crowded with buckets and
    tins, each splashed."""
    front = _grained(m, 32, 24, (90, 92, 96), 1.5)
    for shelf in (2, 13):
        x = 2
        while x < 28:
            w = int(m.integers(4, 7))
            cv2.rectangle(front, (x, shelf), (x + w - 1, shelf + 8), _c(m, 40, 240), -1)
            x += w + 1
        cv2.line(front, (0, shelf + 9), (31, shelf + 9), (50, 50, 52), 1)
    return {
        "front": front,
        "side": front[:, :16].copy(),
        "top": _grained(m, 32, 16, (70, 70, 74), 2.0),
    }


def _build_scenery_paint_shop(b: _Build17) -> None:
    """A theatre's scenery paint shop: tall block or panelled walls, a concrete floor
    splashed with paint, a dark roof; the scene being painted on a canvas stretched on
    the frame across the back wall with the kind's bridge across it, the kind's paint
    trolleys, flats leaning on a side wall, long brushes in a rack, buckets, a door, high
    windows."""
    r, m = b.fix, _mass_produced(b)
    bridge, trolley = _paint_bridge(m), _paint_trolley(m)
    if r.random() < 0.5:
        block = _between(r, (160, 160, 155), (215, 210, 200))
        for name in WALLS:
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.22 * res)), block, _shade(block, 0.85)))
    else:
        _panelled(b, _between(r, (60, 60, 64), (120, 115, 110)), 1.0)

    def splashed(g: Rng, w: int, h: int, res: float) -> U8:
        img = _concrete(_between(g, (120, 118, 112), (170, 165, 155)))(g, w, h, res)
        for _ in range(max(20, w * h // 900)):
            cv2.circle(
                img,
                (int(g.integers(0, w)), int(g.integers(0, h))),
                int(g.integers(1, 4)),
                _c(g, 30, 240),
                -1,
            )
        return img

    b.floor(splashed)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (50, 50, 54), 3.0))
    back = b.wall("back")
    cw = b.w - 1.2
    ch = min(b.h - 1.5, cw * float(r.uniform(0.45, 0.6)))
    x0, y0, x1, y1 = _opening(back, 0.6, 0.4, cw, ch)
    back.img[y0:y1, x0:x1] = _landscape(r, x1 - x0, y1 - y0)
    cv2.rectangle(back.img, (x0, y0), (x1 - 1, y1 - 1), (60, 45, 30), max(2, (x1 - x0) // 150))
    _model(
        b,
        Box(
            0.0,
            b.d - 0.8,
            b.w - 0.4,
            0.8,
            0.12,
            float(r.uniform(2.5, 3.5)),
            _faces(bridge, "front"),
        ),
    )
    fl = _Floor(b.w, b.d, 1.0)
    fl.take(0.0, 2.0, b.w, 4.0)
    fl.take(0.0, b.d - 1.0, b.w, 2.0)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 1.0, 0.8) or fl.against(r, 1.0, 0.8, ("left", "right"))
        if spot:
            _standing(b, spot, 1.0, trolley, True)
    side = str(r.choice(["left", "right"]))
    sgn = 1.0 if side == "right" else -1.0
    z = float(r.uniform(3.0, 4.5))
    for _ in range(int(r.integers(2, 5))):
        fw = float(r.uniform(1.2, 2.4))
        if z + fw > b.d - 1.5:
            break
        kind = r.random()
        if kind < 0.4:
            face = _tiles(
                r, 32, 64, 4, _between(r, (150, 80, 60), (200, 130, 100)), (200, 195, 185)
            )
        elif kind < 0.7:
            face = _wood(r, 32, 64, _wood_tone(r), 5)
        else:
            face = _landscape(r, 32, 64)
        tex = {"front": face, "back": face, "left": face, "right": face, "top": face[:4].copy()}
        b.boxes.append(
            Box(
                sgn * (b.w / 2 - 0.4),
                z + fw / 2,
                0.1,
                fw,
                float(r.uniform(3.0, min(5.5, b.h - 1.0))),
                0.0,
                tex,
            )
        )
        z += fw + float(r.uniform(0.1, 0.6))
    other = b.wall(_other(side))
    rack = _grained(r, other.px(1.5), other.px(2.2), _shade((120, 120, 120), 1.0), 2.0)
    rh, rw = rack.shape[:2]
    for x in range(3, rw - 3, max(3, rw // 12)):
        cv2.line(
            rack,
            (x, 2),
            (x, rh - 2),
            _between(r, (140, 110, 70), (200, 170, 120)),
            max(1, rw // 90),
        )
        cv2.rectangle(rack, (x - 2, rh - rh // 8), (x + 2, rh - 2), _c(r, 30, 240), -1)
    other.put(rack, 2.6, 2.9)
    at = float(r.uniform(1.5, 3.0))
    while at + 2.0 < other.length - 1.0:
        _window(other, r, _sky(r, 32, 16), at, b.h - 1.6, 2.0, 1.0, (60, 60, 62))
        at += float(r.uniform(3.5, 5.0))
    _door(b.wall("front" if r.random() < 0.5 else _other(side)), r, _c(r, 30, 200))


# fresh pasta workshop


def _extruder(m: Rng) -> dict[str, U8]:
    """The kind's pasta extruder: a stainless cabinet with a mixing hopper on top, a
    bronze die, a cutter and a control panel."""
    front = _steel(m, 32, 48, 190)
    cv2.rectangle(front, (4, 4), (27, 16), (160, 162, 165), -1)
    cv2.circle(front, (16, 28), 5, (170, 120, 60), -1)
    cv2.circle(front, (16, 28), 2, (90, 60, 30), -1)
    cv2.rectangle(front, (22, 36), (29, 44), (40, 50, 60), -1)
    front[38, 24:28] = (60, 220, 90)
    return {"front": front, "side": _steel(m, 24, 48, 180), "top": _steel(m, 32, 24, 200)}


def _drying_rack(m: Rng) -> dict[str, U8]:
    """The kind's drying trolley: a steel frame of mesh trays, each with nests of
    tagliatelle or rows of short pasta."""
    front = _grained(m, 32, 56, (70, 72, 76), 1.5)
    for y in range(3, 54, 6):
        cv2.line(front, (1, y + 4), (30, y + 4), (190, 192, 195), 1)
        for x in range(3, 29, 5):
            cv2.circle(front, (x + 1, y + 2), 2, (235, 205, 130), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 56, (170, 172, 175), 1.5),
        "top": _steel(m, 32, 24, 170),
    }


def _build_pasta_workshop(b: _Build17) -> None:
    """A fresh pasta workshop: white tiles to 2 m and paint over them, a resin floor, a
    plain ceiling; the kind's extruder and drying trolleys, stainless tables with sheets
    of pasta, sacks of flour, shelves of packed pasta, an orders board, a window, a
    door."""
    r, m = b.fix, _mass_produced(b)
    extruder, rack = _extruder(m), _drying_rack(m)
    paint = _pick(r, [(235, 232, 222), (220, 228, 232), _c(r, 170, 245)])
    _paint_of(b, paint, 1.5)
    tile = _pick(r, [(240, 240, 236), (220, 232, 235), (235, 225, 205)])
    for name in WALLS:
        w_ = b.wall(name)
        y = w_.y_of(2.0)
        th = w_.img.shape[0] - y
        w_.img[y:] = _tiles(
            r, w_.img.shape[1], th, max(3, round(0.15 * w_.px(1.0))), tile, (170, 170, 168)
        )
    resin = _pick(r, [(110, 50, 45), (60, 90, 110), (120, 120, 118), (60, 110, 80)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, resin, 4.0))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(paint, 1.03), 1.5))
    fl = _Floor(b.w, b.d, 0.7)
    fl.take(0.0, 1.0, b.w, 2.0)
    spot = fl.against(r, 1.0, 0.9, ("back", "left", "right"))
    if spot:
        _standing(b, spot, 1.6, extruder, True)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.8, 0.7, ("back", "left", "right")) or fl.middle(r, 0.8, 0.7)
        if spot:
            _standing(b, spot, 1.7, rack, True)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.8, 0.9)
        if spot:
            x, z, _w, _d, _f = spot
            table = {"front": _steel(r, 48, 24, 175), "top": _steel(r, 48, 24, 200)}
            _box(b, spot, 0.9, table)
            sheet = _grained(r, 32, 16, _between(r, (225, 200, 130), (245, 225, 165)), 2.0)
            b.boxes.append(
                Box(x + float(r.uniform(-0.3, 0.3)), z, 0.8, 0.4, 0.01, 0.9, _all_faces(sheet))
            )
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 0.6, 0.5, ("left", "right", "back"))
        if spot:
            sack = _grained(r, 16, 24, (235, 232, 220), 3.0)
            _text(sack, r, _word(r, (1, 1)).upper(), 2, 14, 6, _c(r, 30, 160))
            _box(
                b,
                spot,
                float(r.uniform(0.5, 0.9)),
                {"front": sack, "top": _grained(r, 16, 16, (230, 228, 215), 3.0)},
            )
    side = str(r.choice(["left", "right"]))

    def packs(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        for k in range(max(1, iw // 4)):
            cv2.rectangle(
                img,
                (x_ + 4 * k, y1 - ih * 2 // 3),
                (x_ + 4 * k + 2, y1),
                _pick(r, [(240, 225, 160), (200, 60, 50), (60, 120, 60)]),
                -1,
            )

    wall = b.wall(side)
    wall.put(
        _shelved(r, wall.px(float(r.uniform(1.2, 2.0))), wall.px(0.6), (200, 200, 200), packs),
        2.5,
        2.6,
    )
    other = b.wall(_other(side))
    wb = _grained(r, other.px(1.0), other.px(0.7), (245, 245, 242), 1.0)
    wh, ww = wb.shape[:2]
    for y in range(3, wh - 2, max(3, wh // 8)):
        cv2.line(
            wb,
            (3, y),
            (int(ww * r.uniform(0.3, 0.9)), y),
            _pick(r, [(30, 30, 120), (160, 30, 30), (20, 20, 20)]),
            1,
        )
    other.put(wb, 1.9, 2.0)
    back = b.wall("back")
    _window(
        back,
        r,
        _outside(r, 48, 32),
        float(r.uniform(0.4, max(0.5, b.w - 1.6))),
        1.1,
        1.2,
        1.0,
        (235, 235, 232),
    )
    _door(b.wall(str(r.choice(["front", side]))), r, _c(r, 30, 220))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _build_bin_store(b: _Build17) -> None:
    """A bin store of one housing estate, one a block: every fixed thing the template's
    (the size, the brick or block walls, the concrete floor and soffit, the louvred door,
    the light, the council's wheelie bins and big euro bins along the back, the
    council's sign); a notice or sticker taped up and what is left by the bins the
    block's own (little)."""
    r, o = b.fix, b.own
    if r.random() < 0.5:
        _walls_of(b, 0.0, _between(r, (130, 80, 60), (185, 130, 100)), 1.0)
    else:
        block = _between(r, (150, 150, 145), (200, 198, 190))
        for name in WALLS:
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.22 * res)), block, _shade(block, 0.85)))
    b.floor(_concrete(_between(r, (110, 108, 104), (160, 156, 150))))
    b.ceiling(_concrete(_between(r, (150, 150, 146), (190, 188, 182))))
    body = _pick(r, [(40, 40, 44), (50, 90, 60), (60, 62, 66)])
    lids = [
        _pick(r, [(40, 40, 44), (40, 90, 160), (60, 130, 60), (120, 80, 50), (200, 50, 50)])
        for _ in range(3)
    ]
    x = -b.w / 2 + 0.4
    k = 0
    while x + 0.3 < b.w / 2 - 0.1:
        big = r.random() < 0.3 and x + 1.3 < b.w / 2
        bw, bd, bh = (1.25, 1.0, 1.35) if big else (0.6, 0.72, 1.05)
        front = _grained(r, 24, 32, body, 2.0)
        front[:5] = lids[k % 3]
        _text(front, r, str(int(r.integers(1, 99))), 5, 22, 6, (235, 235, 235))
        tex = {
            "front": front,
            "back": front,
            "left": front,
            "right": front,
            "top": _grained(r, 24, 24, lids[k % 3], 2.0),
        }
        b.boxes.append(Box(x + bw / 2, b.d - bd / 2 - 0.05, bw, bd, bh, 0.0, tex))
        b.tops.append((x + bw / 2, b.d - bd / 2 - 0.05, bw, bd, bh))
        x += bw + 0.08
        k += 1
    light = _grained(r, 16, 8, (250, 250, 235), 1.0)
    b.boxes.append(Box(0.0, b.d / 2, 0.3, 0.15, 0.08, b.h - 0.1, _all_faces(light)))
    front_w = b.wall("front")
    x0, y0, x1, y1 = _opening(front_w, 0.3, 0.0, min(1.6, b.w - 0.6), 2.0)
    door = _grained(
        r, x1 - x0, y1 - y0, _pick(r, [(60, 90, 70), (50, 60, 90), (120, 120, 118)]), 2.0
    )
    for y in range(0, y1 - y0, max(2, (y1 - y0) // 25)):
        door[y] = (25, 25, 25)
    front_w.img[y0:y1, x0:x1] = door
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    sign = _grained(r, wall.px(0.6), wall.px(0.4), (245, 245, 240), 1.0)
    _text(
        sign,
        r,
        _word(r, (1, 2)).upper(),
        2,
        sign.shape[0] // 2,
        max(3, sign.shape[0] // 4),
        (30, 60, 130),
    )
    cv2.rectangle(sign, (0, 0), (sign.shape[1] - 1, sign.shape[0] - 1), (30, 60, 130), 1)
    wall.put(sign, 1.8, 1.9)
    # The block's own: a notice or sticker or two, and what is left by the bins.
    for _ in range(int(o.integers(1, 3))):
        name = str(o.choice(["back", "left", "right"]))
        w_ = b.wall(name)
        note = _sheet(
            o,
            w_.px(float(o.uniform(0.18, 0.3))),
            w_.px(float(o.uniform(0.22, 0.35))),
            _pick(o, [(30, 30, 30), (160, 30, 30)]),
            4,
            _pick(o, [(245, 245, 240), (250, 240, 150), (200, 230, 250)]),
        )
        _paste(
            w_.img,
            note,
            w_.x_of(float(o.uniform(0.2, max(0.3, w_.length - 0.5)))),
            w_.y_of(float(o.uniform(1.5, 1.9))),
        )
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        bag = _grained(
            o,
            16,
            16,
            _pick(o, [(30, 30, 32), (230, 230, 225), (180, 150, 110), (50, 80, 140)]),
            4.0,
        )
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.4, 0.4)) * b.w,
                float(o.uniform(b.d * 0.45, b.d - 1.2)),
                float(o.uniform(0.3, 0.5)),
                float(o.uniform(0.3, 0.45)),
                float(o.uniform(0.25, 0.5)),
                0.0,
                _all_faces(bag),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.25, 0.4)))
    st.look = (0.0, 0.7, b.d)


def _pegboard(o: Rng, w: int, h: int) -> U8:
    """A member's pegboard: hardboard with a grid of holes and their tools hung on it,
    each with its outline drawn round it."""
    img = _grained(o, max(8, w), max(8, h), _between(o, (170, 140, 100), (215, 195, 160)), 1.5)
    ih, iw = img.shape[:2]
    step = max(3, iw // 30)
    img[::step, ::step] = (60, 50, 40)
    x = 2
    while x < iw - 4:
        tw = int(o.integers(max(2, iw // 30), max(3, iw // 10)))
        th = int(o.integers(max(3, ih // 4), max(4, ih * 3 // 4)))
        y = int(o.integers(2, max(3, ih - th - 2)))
        col = _c(o, 20, 230)
        cv2.rectangle(img, (x - 1, y - 1), (x + tw, y + th), (30, 30, 30), 1)
        cv2.rectangle(img, (x, y), (x + tw - 1, y + th // 3), col, -1)
        cv2.rectangle(
            img,
            (x + tw // 3, y + th // 3),
            (x + max(tw // 3 + 1, tw * 2 // 3), y + th - 1),
            (150, 152, 155),
            -1,
        )
        x += tw + int(o.integers(2, max(3, iw // 12)))
    return img


def _build_bench_bay(b: _Build17) -> None:
    """A bench bay of one makerspace, one a member: every fixed thing the template's (the
    size, the painted partitions, the floor, the open ceiling with its trunking, the
    bench, the shelf unit, the task light, the bay's rules sheet); the member's pegboard
    of tools over the bench, their name card and notes on a partition and what stands on
    the bench their own (between)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(230, 230, 225), (200, 215, 225), _c(r, 150, 240)])
    _paint_of(b, paint, 1.5)
    floor_c = _pick(r, [(110, 112, 110), (90, 110, 130), (150, 140, 120)])
    b.floor(_concrete(floor_c))

    def open_ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (60, 62, 66), 3.0)
        img[h // 3 : h // 3 + max(2, h // 12)] = (170, 172, 175)
        return img

    b.ceiling(open_ceiling)
    bw = b.w - 0.3
    bench = {
        "front": _cabinet(r, 3, 1, _pick(r, [(60, 62, 66), (200, 200, 195), _wood_tone(r)])),
        "top": _wood(r, 48, 24, _wood_tone(r), 4),
    }
    b.boxes.append(Box(0.0, b.d - 0.4, bw, 0.75, 0.9, 0.0, _faces(bench, "front")))
    b.tops.append((0.0, b.d - 0.4, bw, 0.75, 0.9))
    lamp = _grained(r, 8, 8, _c(r, 30, 220), 1.5)
    b.boxes.append(Box(-bw / 3, b.d - 0.3, 0.15, 0.15, 0.5, 0.9, _all_faces(lamp)))
    side = str(r.choice(["left", "right"]))

    def bins(img: U8, x_: int, y1: int, iw: int, ih: int) -> None:
        for k in range(max(1, iw // 5)):
            cv2.rectangle(img, (x_ + 5 * k, y1 - ih // 2), (x_ + 5 * k + 3, y1), (40, 90, 170), -1)

    wall = b.wall(side)
    wall.put(_shelved(r, wall.px(0.8), wall.px(1.4), (140, 142, 145), bins), 2.2, 2.3)
    rules = _sheet(r, wall.px(0.21), wall.px(0.3), (30, 30, 30), 6)
    wall.put(rules, 1.6, 1.7)
    # The member's own: the pegboard over the bench, a name card and notes, the project.
    back = b.wall("back")
    pw = b.w * float(o.uniform(0.5, 0.7))
    p0, q0, p1, q1 = _opening(
        back, float(o.uniform(0.1, b.w - pw - 0.1)), 1.05, pw, float(o.uniform(0.75, 0.95))
    )
    back.img[q0:q1, p0:p1] = _pegboard(o, p1 - p0, q1 - q0)
    other = b.wall(_other(side))
    card = _grained(o, other.px(0.3), other.px(0.12), _c(o, 120, 250), 1.0)
    _text(
        card,
        o,
        _word(o, (2, 3)).title(),
        2,
        card.shape[0] * 3 // 4,
        max(3, card.shape[0] // 2),
        (20, 20, 20),
    )
    _paste(other.img, card, other.x_of(float(o.uniform(b.d - 1.5, b.d - 0.6))), other.y_of(1.8))
    for _ in range(int(o.integers(1, 4))):
        note = _sheet(
            o,
            other.px(0.2),
            other.px(0.28),
            (30, 30, 30),
            4,
            _pick(o, [(245, 245, 240), (250, 240, 150)]),
        )
        _paste(
            other.img,
            note,
            other.x_of(float(o.uniform(0.6, max(0.7, b.d - 0.4)))),
            other.y_of(float(o.uniform(1.3, 1.7))),
        )
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        thing = _grained(o, 16, 16, _c(o, 30, 230), 3.0)
        cv2.rectangle(thing, (3, 3), (12, 8), _c(o, 30, 230), -1)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.35, 0.35)) * bw,
                b.d - 0.45 + float(o.uniform(-0.1, 0.1)),
                float(o.uniform(0.15, 0.45)),
                float(o.uniform(0.15, 0.35)),
                float(o.uniform(0.05, 0.3)),
                0.9,
                _all_faces(thing),
            )
        )
    if o.random() < 0.7:
        box = _grained(o, 16, 16, _pick(o, [(200, 40, 40), (40, 60, 150), (230, 180, 30)]), 2.0)
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * (b.w / 2 - 0.35),
                float(o.uniform(1.0, b.d - 1.3)),
                0.5,
                0.3,
                0.3,
                0.0,
                _all_faces(box),
            )
        )
    st.stand = (float(o.uniform(-0.15, 0.15)) * b.w, float(o.uniform(0.3, 0.5)))
    st.look = (0.0, 1.1, b.d)


def _stock_wall(o: Rng, w: int, h: int, colour: Colour) -> U8:
    """A charity shop's own stock along a wall: rails of donated clothes (coloured
    hangers and garments in uneven widths), shelves of books and bric-a-brac."""
    img = _grained(o, max(8, w), max(8, h), colour, 2.0)
    ih, iw = img.shape[:2]
    split = int(iw * float(o.uniform(0.35, 0.65)))
    cv2.line(img, (0, ih // 10), (split, ih // 10), (150, 152, 155), max(1, ih // 60))
    x = 1
    while x < split - 2:
        gw = int(o.integers(1, max(2, iw // 60)))
        gl = int(ih * float(o.uniform(0.35, 0.7)))
        img[ih // 10 + 1 : ih // 10 + gl, x : x + gw] = _c(o, 20, 240)
        x += gw

    def stock(im: U8, x_: int, y1: int, iw_: int, ih_: int) -> None:
        k = x_
        while k < x_ + iw_ - 2:
            bw = int(o.integers(1, 4))
            bh = int(ih_ * float(o.uniform(0.5, 0.95)))
            im[max(0, y1 - bh) : y1, k : k + bw] = _c(o, 20, 240)
            k += bw

    img[:, split:] = _shelved(o, iw - split, ih, _wood_tone(o), stock)[:, : iw - split]
    return img


def _build_charity_shop(b: _Build17) -> None:
    """A shop of one charity's chain: every fixed thing the chain's (the size, its paint
    and colour band, the floor, the ceiling, the glazed front, the counter and till at
    the back, the fitting-room curtain); the donated stock on rails and shelves along
    both side walls (60-85 % of their length, up to 1.6-2 m), the window display, the
    poster on the back wall and the tables of bric-a-brac its own (much)."""
    r, o = b.fix, b.own
    paint = _pick(r, [(238, 236, 230), (225, 230, 235), _c(r, 170, 245)])
    band = _c(r, 30, 230)
    _paint_of(b, paint, 1.5)
    for name in WALLS:
        w_ = b.wall(name)
        y = w_.y_of(b.h - 0.25)
        w_.img[: max(1, y)] = band
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        b.floor(_planks)
    b.ceiling(_tiled_ceiling)
    front = b.wall("front")
    x0, y0, x1, y1 = _opening(front, 0.2, 0.3, b.w - 0.4, b.h - 0.7)
    front.img[y0:y1, x0:x1] = _outside(r, max(8, x1 - x0), max(8, y1 - y0))
    cv2.rectangle(front.img, (x0, y0), (x1 - 1, y1 - 1), band, max(2, (x1 - x0) // 40))
    cx = float(r.uniform(-0.25, 0.25)) * b.w
    counter = {"front": _cabinet(r, 2, 1, band), "top": _wood(r, 48, 16, _wood_tone(r), 4)}
    b.boxes.append(Box(cx, b.d - 1.3, 1.8, 0.6, 0.95, 0.0, _faces(counter, "front")))
    b.tops.append((cx, b.d - 1.3, 1.8, 0.6, 0.95))
    till = _grained(r, 16, 16, (40, 40, 44), 1.5)
    cv2.rectangle(till, (2, 2), (13, 7), (90, 160, 200), -1)
    b.boxes.append(Box(cx - 0.5, b.d - 1.3, 0.35, 0.35, 0.25, 0.95, _all_faces(till)))
    back = b.wall("back")
    f0, g0, f1, g1 = _opening(back, 0.3 if cx > 0 else b.w - 1.3, 0.0, 1.0, 2.1)
    curtain = _grained(r, f1 - f0, g1 - g0, _c(r, 40, 200), 2.0)
    for x in range(0, f1 - f0, max(2, (f1 - f0) // 10)):
        curtain[:, x] = _shade(tuple(int(v) for v in curtain[0, 0]), 0.75)  # type: ignore[arg-type]
    back.img[g0:g1, f0:f1] = curtain
    # The shop's own: the stock along both sides, a poster, the display and tables.
    colour = _c(o, 80, 245)
    height = float(o.uniform(1.6, 2.0))
    frac = float(o.uniform(0.6, 0.85))
    for name in ("left", "right"):
        wall = b.wall(name)
        start = float(o.uniform(0.3, (1 - frac) * wall.length))
        l0, t0, l1, t1 = _opening(wall, start, 0.0, frac * wall.length, height)
        wall.img[t0:t1, l0:l1] = _stock_wall(o, l1 - l0, t1 - t0, colour)
    pw = min(1.0, b.w / 4)
    s0, u0, s1, u1 = _opening(
        back, b.w / 2 - pw / 2 + float(o.uniform(-0.3, 0.3)), 1.5, pw, pw * 1.3
    )
    poster = _grained(o, s1 - s0, u1 - u0, _c(o, 40, 240), 1.5)
    _text(
        poster,
        o,
        _word(o, (1, 2)).upper(),
        2,
        poster.shape[0] // 3,
        max(3, poster.shape[0] // 8),
        (250, 250, 250),
    )
    # A poster that reaches past the wall's texture is cut at its edge (seeds 139, 140 and
    # 197's did; the one fix made after v27 was written, for a crash in its held-out run).
    fit = back.img[u0:u1, s0:s1]
    fit[...] = poster[: fit.shape[0], : fit.shape[1]]
    st = _b17(b)
    for _ in range(int(o.integers(1, 3))):
        top = _grained(o, 24, 16, _c(o, 30, 240), 3.0)
        for _k in range(6):
            cv2.circle(top, (int(o.integers(2, 22)), int(o.integers(2, 14))), 2, _c(o, 20, 240), -1)
        st.own_boxes.append(
            Box(
                float(o.uniform(-0.15, 0.15)) * b.w,
                float(o.uniform(2.5, b.d - 2.5)),
                1.0,
                0.7,
                0.8,
                0.0,
                {
                    "top": top,
                    "front": _grained(o, 24, 16, _c(o, 60, 200), 2.0),
                    "back": top,
                    "left": top,
                    "right": top,
                },
            )
        )
    for _ in range(int(o.integers(1, 4))):
        thing = _grained(o, 16, 16, _c(o, 30, 240), 3.0)
        st.own_boxes.append(
            Box(
                float(o.choice([-1.0, 1.0])) * (b.w / 2 - 0.3),
                float(o.uniform(1.6, b.d - 2.2)),
                0.4,
                0.3,
                float(o.uniform(0.3, 0.9)),
                0.0,
                _all_faces(thing),
            )
        )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.6, 1.0)))
    st.look = (0.0, 1.2, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "lost property office": _build_lost_property,
    "basket maker's workshop": _build_basket_maker,
    "table tennis club": _build_table_tennis,
    "drawing office": _build_drawing_office,
    "tinsmith's workshop": _build_tinsmith,
    "electronics repair workshop": _build_electronics_repair,
    "theatre scenery paint shop": _build_scenery_paint_shop,
    "fresh pasta workshop": _build_pasta_workshop,
    "binstore": _build_bin_store,
    "makerbay": _build_bench_bay,
    "charityshop": _build_charity_shop,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v27's kinds and v27's day seeds."""

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
    """The original picture of a place, carrying its ``Place`` for ``views_v27``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v27(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v27 (``bench/link.py --generator v27``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v27``."""
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


# --- views ----------------------------------------------------------------------------------------


def _round_mask(h: int, w: int, rad: int) -> F32:
    """A rectangle with rounded corners of radius ``rad`` (1 inside, 0 outside)."""
    mask = np.zeros((h, w), np.uint8)
    rad = max(1, min(rad, h // 2, w // 2))
    cv2.rectangle(mask, (rad, 0), (w - 1 - rad, h - 1), 1, -1)
    cv2.rectangle(mask, (0, rad), (w - 1, h - 1 - rad), 1, -1)
    for cx, cy in ((rad, rad), (w - 1 - rad, rad), (rad, h - 1 - rad), (w - 1 - rad, h - 1 - rad)):
        cv2.circle(mask, (cx, cy), rad, 1, -1)
    return mask.astype(np.float32)


def _lin(img: U8) -> F32:
    f = img.astype(np.float32) / 255
    return np.where(f <= 0.04045, f / 12.92, ((f + 0.055) / 1.055) ** 2.4).astype(np.float32)


def _srgb(lin: F32) -> U8:
    f = np.clip(lin, 0, 1)
    return _u8(255 * np.where(f <= 0.0031308, f * 12.92, 1.055 * f ** (1 / 2.4) - 0.055))


CVD = {  # Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB
    "protan": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deutan": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}


def colour_blind(img: U8, rng: Rng) -> U8:
    """The picture through an accessibility tool's colour-vision preview: full protanopia
    or deuteranopia (Machado et al.'s matrices on linear light), so reds and greens fall
    together into olive and ochre while blues and brightness stay."""
    m = np.array(CVD[str(rng.choice(["protan", "deutan"]))], np.float32)
    out = _lin(img) @ m.T
    return _noise(_srgb(out), rng, 1.0)


def tv_range(img: U8, rng: Rng) -> U8:
    """The picture played on a TV and grabbed with a capture card set to the wrong range:
    in two thirds full range shown as limited (blacks lifted to 16, whites dulled to 235,
    washed out), in a third the other way (shadows and highlights crushed); 4:2:2 chroma,
    soft, 0-2 % of overscan cropped."""
    h, w = img.shape[:2]
    k = float(rng.uniform(0.0, 0.02))
    cx, cy = int(w * k / 2), int(h * k / 2)
    f = cv2.resize(img[cy : h - cy, cx : w - cx], (w, h), interpolation=cv2.INTER_LINEAR).astype(
        np.float32
    )
    washed = rng.random() < 2 / 3
    f = (16 + f * 219 / 255 if washed else (f - 16) * 255 / 219).astype(np.float32)
    ycc = cv2.cvtColor(_u8(f), cv2.COLOR_RGB2YCrCb)
    for c in (1, 2):
        ycc[:, :, c] = cv2.resize(
            cv2.resize(ycc[:, :, c], (max(2, w // 2), h), interpolation=cv2.INTER_AREA), (w, h)
        )
    out = cv2.GaussianBlur(cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB), (0, 0), 0.6 * _scale(w))
    return _noise(np.asarray(out, np.uint8), rng, 1.5)


def oled_burn_in(img: U8, rng: Rng) -> U8:
    """The picture full screen on an old phone whose OLED has burnt in, photographed
    straight on: the ghosts of the status bar's icons, a keyboard's keys over the lower
    40 % and the home bar (darker by 6-14 %, a little yellow), the screen's rounded
    corners black, a faint sheen."""
    h, w = img.shape[:2]
    s = _scale(w)
    ghost = np.zeros((h, w), np.float32)
    bar = max(3, int(h * 0.05))
    for x in (int(w * 0.06), int(w * 0.8), int(w * 0.86), int(w * 0.92)):
        cv2.rectangle(ghost, (x, bar // 4), (x + max(2, int(w * 0.04)), bar * 3 // 4), 1.0, -1)
    kb = int(h * float(rng.uniform(0.55, 0.62)))
    rows = 4
    kh = (h - kb - bar) // rows
    for i in range(rows):
        n = 10 if i < 3 else 5
        kw = w / n
        for j in range(n):
            x0, y0 = int(j * kw + kw * 0.1), kb + i * kh + max(1, kh // 8)
            cv2.rectangle(ghost, (x0, y0), (int(x0 + kw * 0.8), y0 + kh * 3 // 4), 1.0, -1)
    cv2.rectangle(
        ghost, (w * 3 // 8, h - bar // 2 - max(1, int(2 * s))), (w * 5 // 8, h - bar // 2), 1.0, -1
    )
    ghost = cv2.GaussianBlur(ghost, (0, 0), max(0.8, 1.5 * s)) * float(rng.uniform(0.06, 0.14))
    f = img.astype(np.float32) * (1 - ghost[:, :, None] * np.array([1.0, 1.0, 1.6], np.float32))
    yy, xx = _grid(h, w)
    f += (np.clip(1 - np.abs((xx / w + yy / h) - float(rng.uniform(0.6, 1.2))) * 3, 0, 1) * 14)[
        :, :, None
    ]
    f *= _round_mask(h, w, int(w * 0.06))[:, :, None]
    return _noise(_u8(f), rng, 2.0)


def phone_shadow(img: U8, rng: Rng) -> U8:
    """The picture as a print lying on a table in bright sun, photographed from above:
    the print 84-94 % of the frame, a little off square, warm; across it the hard shadow
    of the phone (a rounded block 18-30 % of the width) and of the hand holding it,
    running off an edge, dark (x0.35-0.55) and bluish, with a soft rim."""
    h, w = img.shape[:2]
    s = _scale(w)
    table = _grained(rng, w, h, _pick(rng, [(170, 140, 110), (200, 200, 195), (110, 80, 60)]), 4.0)
    k = float(rng.uniform(0.84, 0.94))
    pw, ph = int(w * k), int(h * k)
    out = table.astype(np.float32)
    x0, y0 = (w - pw) // 2, (h - ph) // 2
    out[y0 : y0 + ph, x0 : x0 + pw] = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA)
    out = out * np.array([1.06, 1.0, 0.9], np.float32) + 10
    shadow = np.zeros((h, w), np.float32)
    sw = int(w * float(rng.uniform(0.18, 0.3)))
    sh = int(sw * float(rng.uniform(1.6, 2.0)))
    cx, cy = int(w * float(rng.uniform(0.35, 0.65))), int(h * float(rng.uniform(0.35, 0.65)))
    angle = float(rng.uniform(-35, 35))
    box = cv2.boxPoints(((cx, cy), (sw, sh), angle)).astype(np.int32)
    cv2.fillPoly(shadow, [box], 1.0)
    a = np.radians(angle + 90)
    end = (int(cx + 2 * max(w, h) * np.cos(a)), int(cy + 2 * max(w, h) * np.sin(a)))
    cv2.line(shadow, (cx, cy), end, 1.0, int(sw * float(rng.uniform(0.5, 0.8))))
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), max(1.0, 3 * s)), np.float32)
    dark = float(rng.uniform(0.35, 0.55))
    tint = np.array([0.9, 0.97, 1.12], np.float32)
    out = out * (1 - shadow[:, :, None]) + out * dark * tint * shadow[:, :, None]
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def _label_box(
    img: U8, rng: Rng, text: str, x: int, y: int, size: int, ground: Colour, ink: Colour
) -> None:
    """A rounded label of ``text`` with its top left corner at (x, y)."""
    h, w = img.shape[:2]
    bw, bh = max(6, int(len(text) * size * 0.8) + size), max(4, int(size * 1.5))
    x, y = max(0, min(x, w - bw - 1)), max(0, min(y, h - bh - 1))
    mask = _round_mask(bh, bw, bh // 2)[:, :, None]
    region = img[y : y + bh, x : x + bw].astype(np.float32)
    img[y : y + bh, x : x + bw] = _u8(region * (1 - mask) + np.array(ground, np.float32) * mask)
    _text(img, rng, text, x + size // 2, y + bh * 3 // 4, size, ink)


def ar_measure(img: U8, rng: Rng) -> U8:
    """A phone's AR measuring app, screenshotted: the live camera (the shot) under a
    status bar, the yellow dots of a detected floor, one to three white measurements
    with end dots and a rounded label ("1.37 m"), the round reticle in the middle, and a
    bottom bar with the big add button."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = img.copy()
    for _ in range(int(rng.integers(30, 70))):
        x, y = int(rng.integers(0, w)), int(h * float(rng.uniform(0.6, 0.95)))
        cv2.circle(out, (x, y), max(1, int(1.5 * s)), (250, 220, 60), -1)
    for _ in range(int(rng.integers(1, 4))):
        p = (int(w * rng.uniform(0.1, 0.9)), int(h * rng.uniform(0.2, 0.8)))
        q = (int(w * rng.uniform(0.1, 0.9)), int(h * rng.uniform(0.2, 0.8)))
        cv2.line(out, p, q, (30, 30, 30), max(2, int(4 * s)), cv2.LINE_AA)
        cv2.line(out, p, q, (255, 255, 255), max(1, int(2 * s)), cv2.LINE_AA)
        for e in (p, q):
            cv2.circle(out, e, max(2, int(4 * s)), (255, 255, 255), -1)
        label = f"{float(rng.uniform(0.2, 4.5)):.2f} m"
        _label_box(
            out,
            rng,
            label,
            (p[0] + q[0]) // 2 - int(20 * s),
            (p[1] + q[1]) // 2 - int(10 * s),
            max(4, int(11 * s)),
            (250, 250, 250),
            (20, 20, 20),
        )
    c = (w // 2, h // 2)
    cv2.circle(out, c, max(4, int(18 * s)), (255, 255, 255), max(1, int(2 * s)), cv2.LINE_AA)
    cv2.circle(out, c, max(1, int(3 * s)), (255, 255, 255), -1)
    top = max(4, int(h * 0.06))
    out[:top] = _u8(out[:top].astype(np.float32) * 0.5)
    _text(
        out,
        rng,
        f"{int(rng.integers(7, 23))}:{int(rng.integers(0, 60)):02d}",
        max(2, int(10 * s)),
        top - max(1, top // 4),
        max(3, top // 2),
        (255, 255, 255),
    )
    bar = max(6, int(h * 0.16))
    out[h - bar :] = _u8(out[h - bar :].astype(np.float32) * 0.25 + 15)
    cv2.circle(out, (w // 2, h - bar // 2), max(3, bar // 3), (250, 250, 250), -1)
    cv2.line(
        out,
        (w // 2 - bar // 6, h - bar // 2),
        (w // 2 + bar // 6, h - bar // 2),
        (30, 30, 30),
        max(1, int(2 * s)),
    )
    cv2.line(
        out,
        (w // 2, h - bar // 2 - bar // 6),
        (w // 2, h - bar // 2 + bar // 6),
        (30, 30, 30),
        max(1, int(2 * s)),
    )
    for x in (w // 6, w * 5 // 6):
        cv2.circle(out, (x, h - bar // 2), max(2, bar // 6), (200, 200, 205), max(1, int(2 * s)))
    return out


def news_ticker(img: U8, rng: Rng) -> U8:
    """The picture as a still of a TV news report: overscan cropped (2-5 %), a
    lower-third banner (a coloured strap of the headline and a white one under it), a
    dark ticker along the bottom, the channel's bug and a "LIVE" box at the top, a clock;
    a broadcast's softness and sharpening."""
    h, w = img.shape[:2]
    s = _scale(w)
    k = float(rng.uniform(0.02, 0.05))
    cx, cy = int(w * k / 2), int(h * k / 2)
    f = cv2.resize(img[cy : h - cy, cx : w - cx], (w, h), interpolation=cv2.INTER_LINEAR)
    soft = cv2.GaussianBlur(f, (0, 0), 1.2 * s)
    out = _u8(f.astype(np.float32) * 1.5 - soft.astype(np.float32) * 0.5)
    brand = _pick(rng, [(180, 20, 30), (20, 60, 150), (200, 120, 0), (30, 110, 90)])
    tick = max(4, int(h * 0.07))
    out[h - tick :] = (20, 22, 28)
    _text(
        out,
        rng,
        " ".join(_word(rng, (1, 3)).upper() for _ in range(5)),
        max(2, int(60 * s)),
        h - tick // 4,
        max(3, tick * 2 // 3),
        (240, 240, 240),
    )
    out[h - tick :, : max(4, int(50 * s))] = brand
    y1 = h - tick - max(2, int(6 * s))
    strap = max(4, int(h * float(rng.uniform(0.08, 0.11))))
    sub = max(3, strap * 2 // 3)
    x0 = max(2, int(w * 0.05))
    x1 = w - x0
    out[y1 - sub : y1, x0:x1] = (245, 245, 245)
    _text(
        out,
        rng,
        " ".join(_word(rng, (1, 3)) for _ in range(4)),
        x0 + 4,
        y1 - sub // 4,
        max(3, sub * 2 // 3),
        (30, 30, 30),
    )
    out[y1 - sub - strap : y1 - sub, x0 : int(x0 + (x1 - x0) * float(rng.uniform(0.6, 0.95)))] = (
        brand
    )
    _text(
        out,
        rng,
        " ".join(_word(rng, (1, 3)).upper() for _ in range(3)),
        x0 + 4,
        y1 - sub - strap // 4,
        max(3, strap * 2 // 3),
        (255, 255, 255),
    )
    bug = max(6, int(40 * s))
    out[
        max(2, int(10 * s)) : max(2, int(10 * s)) + bug // 2,
        w - bug - max(2, int(10 * s)) : w - max(2, int(10 * s)),
    ] = brand
    live = max(4, int(h * 0.06))
    out[
        max(2, int(10 * s)) : max(2, int(10 * s)) + live,
        max(2, int(10 * s)) : max(2, int(10 * s)) + live * 2,
    ] = (200, 20, 20)
    _text(
        out,
        rng,
        "LIVE",
        max(2, int(12 * s)),
        max(2, int(10 * s)) + live * 3 // 4,
        max(3, live * 2 // 3),
        (255, 255, 255),
    )
    return _noise(out, rng, 1.5)


def metal_print(img: U8, rng: Rng) -> U8:
    """The picture as a print on brushed aluminium hung on a wall: the metal shows
    through where the picture is light (its streaks and grey), a glossy sheen across it
    in a diagonal band, a shadow behind it on the wall; 78-90 % of the frame, off square
    by up to 2 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    wall = _grained(
        rng, w, h, _pick(rng, [(225, 222, 215), (200, 205, 210), (180, 170, 150)]), 2.0
    ).astype(np.float32)
    k = float(rng.uniform(0.78, 0.9))
    pw, ph = int(w * k), int(h * k)
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    streak = cv2.resize(
        rng.normal(0, 1, (ph, max(2, pw // 16))).astype(np.float32),
        (pw, ph),
        interpolation=cv2.INTER_LINEAR,
    )
    metal = 175 + 18 * streak
    light = np.clip((pic.mean(axis=2) - 150) / 105, 0, 1)[:, :, None]
    pic = pic * (1 - 0.6 * light) + metal[:, :, None] * 0.6 * light
    pic = pic * 0.92
    yy, xx = _grid(ph, pw)
    off = float(rng.uniform(0.3, 0.9))
    band = np.exp(
        -(((xx / pw + yy / ph * 0.6) - off) ** 2) / (2 * float(rng.uniform(0.04, 0.09)) ** 2)
    )
    pic += band[:, :, None] * float(rng.uniform(35, 70))
    x0, y0 = (w - pw) // 2, (h - ph) // 2
    sh = np.zeros((h, w), np.float32)
    d = max(2, int(8 * s))
    sh[y0 + d : y0 + ph + d, x0 + d : x0 + pw + d] = 1
    sh = np.asarray(cv2.GaussianBlur(sh, (0, 0), max(1.0, 5 * s)), np.float32)
    out = wall * (1 - 0.4 * sh[:, :, None])
    out[y0 : y0 + ph, x0 : x0 + pw] = pic
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def quote_card(img: U8, rng: Rng) -> U8:
    """The picture as the background of a shared quote: blurred (4-7 px at 400),
    darkened to 40-55 %, with three to five centred lines of big white text between
    quotation marks and a small handle under them, a thin frame."""
    h, w = img.shape[:2]
    s = _scale(w)
    blur = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(4, 7)) * s).astype(np.float32)
    out = _u8(blur * float(rng.uniform(0.4, 0.55)))
    n = int(rng.integers(3, 6))
    size = max(4, int(h * 0.06))
    y = h // 2 - (n * size * 3 // 2) // 2 + size
    for _ in range(n):
        text = " ".join(_word(rng, (1, 3)) for _ in range(int(rng.integers(2, 4))))
        tw = int(len(text) * size * 0.8)
        _text(out, rng, text, max(2, (w - tw) // 2), y, size, (250, 250, 250))
        y += size * 3 // 2
    cv2.putText(
        out,
        '"',
        (max(2, w // 10), max(size, h // 4)),
        cv2.FONT_HERSHEY_SIMPLEX,
        size / 12,
        (250, 250, 250),
        max(1, int(2 * s)),
    )
    _text(
        out,
        rng,
        "@" + _word(rng, (2, 3)),
        w // 2 - int(30 * s),
        min(h - 4, y + size),
        max(3, size * 2 // 3),
        (200, 200, 200),
    )
    m = max(3, int(12 * s))
    cv2.rectangle(out, (m, m), (w - m, h - m), (230, 230, 230), 1)
    return _noise(out, rng, 1.0)


def _map_tiles(rng: Rng, w: int, h: int) -> U8:
    """A street map: pale land, a park, water, a grid of white roads with one wide
    yellow road, block outlines."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = (236, 232, 224)
    park = _field(rng, w, h, max(4, w // 4)) > 0.62
    img[park] = (200, 228, 190)
    water = _field(rng, w, h, max(4, w // 3)) > 0.72
    img[water] = (170, 205, 235)
    step = max(8, w // int(rng.integers(5, 9)))
    ang = float(rng.uniform(-0.3, 0.3))
    for k in range(-w, 2 * w, step):
        cv2.line(img, (k, 0), (int(k + h * ang), h - 1), (255, 255, 255), max(1, w // 120))
    for k in range(0, h, step):
        cv2.line(img, (0, k), (w - 1, int(k - w * ang / 2)), (255, 255, 255), max(1, w // 120))
    y = int(rng.integers(h // 4, h * 3 // 4))
    cv2.line(
        img,
        (0, y),
        (w - 1, y + int(rng.integers(-h // 4, h // 4))),
        (250, 215, 120),
        max(2, w // 60),
    )
    return img


def map_pin(img: U8, rng: Rng) -> U8:
    """A maps app's place card, screenshotted: a street map with a search bar and a red
    pin over the top 40 %, and a sheet below it holding the place's photo (the shot's
    middle, 56-66 % of the width, rounded), a name, stars and buttons."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _map_tiles(rng, w, h)
    sheet_y = int(h * float(rng.uniform(0.36, 0.44)))
    px, py = (
        int(w * float(rng.uniform(0.3, 0.7))),
        sheet_y // 2 + int(rng.integers(0, max(1, sheet_y // 4))),
    )
    cv2.circle(out, (px, py - max(3, int(10 * s))), max(3, int(8 * s)), (220, 50, 45), -1)
    cv2.line(out, (px, py - max(3, int(10 * s))), (px, py), (220, 50, 45), max(1, int(3 * s)))
    bar = max(5, int(h * 0.08))
    m = max(3, int(10 * s))
    out[m : m + bar, m : w - m] = _u8(out[m : m + bar, m : w - m].astype(np.float32) * 0 + 252)
    _text(
        out, rng, _word(rng, (2, 3)), m + bar, m + bar * 3 // 4, max(3, bar // 2), (110, 110, 115)
    )
    out[sheet_y:] = 250
    cv2.line(
        out,
        (w // 2 - w // 20, sheet_y + m // 2),
        (w // 2 + w // 20, sheet_y + m // 2),
        (200, 200, 200),
        max(1, int(3 * s)),
    )
    k = float(rng.uniform(0.56, 0.66))
    pw = int(w * k)
    ph = min(int(pw * 0.75), h - sheet_y - 2 * m - max(6, int(h * 0.12)))
    ph = max(4, ph)
    src_h = int(img.shape[1] * ph / pw)
    y0 = max(0, (h - src_h) // 2)
    photo = cv2.resize(img[y0 : y0 + src_h], (pw, ph), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    mask = _round_mask(ph, pw, max(2, int(10 * s)))[:, :, None]
    top = sheet_y + 2 * m
    region = out[top : top + ph, m : m + pw].astype(np.float32)
    out[top : top + ph, m : m + pw] = _u8(region * (1 - mask) + photo * mask)
    tx = m + pw + m
    _text(
        out,
        rng,
        _word(rng, (2, 3)).title(),
        tx,
        top + max(6, int(16 * s)),
        max(3, int(12 * s)),
        (30, 30, 30),
    )
    for j in range(5):
        cv2.circle(
            out,
            (tx + 3 + j * max(4, int(12 * s)), top + max(12, int(34 * s))),
            max(1, int(4 * s)),
            (250, 180, 20) if j < int(rng.integers(3, 6)) else (200, 200, 200),
            -1,
        )
    for j in range(3):
        y = top + max(18, int(52 * s)) + j * max(4, int(14 * s))
        cv2.line(out, (tx, y), (w - m, y), (150, 150, 155), 1)
    by = min(h - m - max(4, int(h * 0.06)), top + ph + m)
    for j in range(3):
        bx = m + j * (w - 2 * m) // 3
        cv2.rectangle(
            out,
            (bx + 2, by),
            (bx + (w - 2 * m) // 3 - 2, by + max(4, int(h * 0.06))),
            (30, 110, 230) if j == 0 else (225, 232, 245),
            -1,
        )
    return out


def subject_lift(img: U8, rng: Rng) -> U8:
    """The picture after a phone "lifted the subject": the busiest blob of it (a third
    to a half of the frame, the rest thrown away) cut out along a smoothed outline with
    a white sticker border (3-6 px at 400) and a soft shadow, scaled x1.0-1.2 and pasted
    in the middle of a plain white, grey or dark chat background."""
    h, w = img.shape[:2]
    s = _scale(w)
    grey = img.astype(np.float32).mean(axis=2)
    busy = cv2.GaussianBlur(np.abs(cv2.Laplacian(grey, cv2.CV_32F)), (0, 0), max(2.0, 25 * s))
    busy += _field(rng, w, h, max(4, w // 5)) * float(busy.mean() + 1e-3) * 0.8
    keep = float(rng.uniform(0.33, 0.5))
    mask = (busy >= np.quantile(busy, 1 - keep)).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
    if count > 1:
        big = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        mask = (labels == big).astype(np.uint8)
    mask = cv2.morphologyEx(
        mask,
        cv2.MORPH_CLOSE,
        cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (max(3, int(31 * s)) | 1,) * 2),
    )
    border = cv2.dilate(
        mask,
        cv2.getStructuringElement(
            cv2.MORPH_ELLIPSE, (max(3, int(float(rng.uniform(6, 12)) * s)) | 1,) * 2
        ),
    )
    ys, xs = np.nonzero(border)
    if len(xs) == 0:
        return img.copy()
    x0, x1, y0, y1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
    z = min(float(rng.uniform(1.0, 1.2)), 0.95 * w / (x1 - x0), 0.95 * h / (y1 - y0))
    cw, ch = max(2, int((x1 - x0) * z)), max(2, int((y1 - y0) * z))
    cut = cv2.resize(img[y0:y1, x0:x1], (cw, ch)).astype(np.float32)
    m_in = cv2.resize(mask[y0:y1, x0:x1].astype(np.float32), (cw, ch))[:, :, None]
    m_out = cv2.resize(border[y0:y1, x0:x1].astype(np.float32), (cw, ch))[:, :, None]
    ground = np.array(_pick(rng, [(250, 250, 250), (230, 230, 235), (30, 32, 36)]), np.float32)
    out = np.empty((h, w, 3), np.float32)
    out[:] = ground
    ox, oy = (w - cw) // 2, (h - ch) // 2
    shadow = cv2.GaussianBlur(m_out[:, :, 0], (0, 0), max(1.0, 4 * s))[:, :, None]
    d = max(1, int(4 * s))
    region = out[oy + d : oy + d + ch, ox + d : ox + d + cw]
    out[oy + d : oy + d + ch, ox + d : ox + d + cw] = region * (
        1 - 0.3 * shadow[: region.shape[0], : region.shape[1]]
    )
    region = out[oy : oy + ch, ox : ox + cw]
    region = region * (1 - m_out) + 255 * m_out
    out[oy : oy + ch, ox : ox + cw] = region * (1 - m_in) + cut * m_in
    return _noise(_u8(out), rng, 1.0)


def privacy_filter(img: U8, rng: Rng) -> U8:
    """The picture on a laptop screen with a privacy filter, photographed from 35-50
    degrees to one side: the screen a narrowing trapezoid, dimmed to 18-32 % with its
    contrast cut, fine vertical louvres, a grey sheen and a faint blurred reflection of
    the room behind, the bezel and the desk round it."""
    h, w = img.shape[:2]
    s = _scale(w)
    dim = float(rng.uniform(0.18, 0.32))
    f = img.astype(np.float32) * dim + 20
    xx = np.arange(w, dtype=np.float32)
    louvre = 1 - 0.15 * (np.sin(xx * 2 * np.pi / max(2.0, 3 * s)) > 0.5)
    f = f * louvre[None, :, None]
    f += _field(rng, w, h, max(4, w // 3))[:, :, None] * 40
    f = _u8(f).astype(np.float32)
    right = rng.random() < 0.5
    near = float(rng.uniform(0.78, 0.9))
    far = near * float(rng.uniform(0.55, 0.7))
    x0, x1 = int(w * 0.08), int(w * 0.92)
    ny0, ny1 = int(h * (0.5 - near / 2)), int(h * (0.5 + near / 2))
    fy0, fy1 = int(h * (0.5 - far / 2)), int(h * (0.5 + far / 2))
    if right:
        dst = np.array([[x0, fy0], [x1, ny0], [x1, ny1], [x0, fy1]], np.float32)
    else:
        dst = np.array([[x0, ny0], [x1, fy0], [x1, fy1], [x0, ny1]], np.float32)
    src = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    mat = cv2.getPerspectiveTransform(src, dst)
    desk = _grained(rng, w, h, _pick(rng, [(70, 60, 50), (180, 175, 165), (50, 50, 55)]), 3.0)
    screen = cv2.warpPerspective(_u8(f), mat, (w, h))
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), mat, (w, h))
    frame = cv2.dilate(
        mask, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(14 * s)) | 1,) * 2)
    )
    out = desk.astype(np.float32) * (1 - frame[:, :, None]) + np.float32(20) * frame[:, :, None]
    out = out * (1 - mask[:, :, None]) + screen.astype(np.float32) * mask[:, :, None]
    return _noise(_u8(out), rng, 3.0)


def lcd_bleed(img: U8, rng: Rng) -> U8:
    """The picture on a phone with a broken LCD, photographed: a black blot of leaked
    crystal spreading from a knock near an edge (7-18 % of the screen) with a purple and
    green fringe, two to six vertical lines of stuck colour, a pale patch of backlight
    bleeding in at an edge, the rounded screen corners."""
    h, w = img.shape[:2]
    s = _scale(w)
    f = img.astype(np.float32)
    cx = float(rng.choice([rng.uniform(0.05, 0.3), rng.uniform(0.7, 0.95)])) * w
    cy = float(rng.uniform(0.1, 0.9)) * h
    yy, xx = _grid(h, w)
    rad = float(np.sqrt(float(rng.uniform(0.07, 0.18)) * w * h / np.pi))
    wob = (_field(rng, w, h, max(4, w // 8)) - 0.5) * rad * 0.9
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) + wob
    blot = np.clip((rad - dist) / max(1.0, 3 * s), 0, 1)
    fringe = np.clip(1 - np.abs(dist - rad - 5 * s) / max(1.0, 6 * s), 0, 1)
    f = f * (1 - blot[:, :, None]) + 5 * blot[:, :, None]
    f += fringe[:, :, None] * np.array([90, -40, 110], np.float32) * float(rng.uniform(0.6, 1.0))
    for _ in range(int(rng.integers(2, 7))):
        x = int(rng.integers(0, w))
        lw = max(1, int(float(rng.uniform(1, 3)) * s))
        f[:, x : x + lw] = _pick(
            rng, [(255, 0, 255), (0, 255, 0), (255, 255, 255), (0, 0, 0), (0, 200, 255)]
        )
    ex = float(rng.choice([0, w]))
    glow = np.exp(-((xx - ex) ** 2 + (yy - float(rng.uniform(0, h))) ** 2) / (2 * (0.2 * w) ** 2))
    f += glow[:, :, None] * float(rng.uniform(50, 90))
    f *= _round_mask(h, w, int(w * 0.05))[:, :, None]
    return _noise(_u8(f), rng, 2.5)


def views_v27(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v27's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["colourblind"] = _jpeg(colour_blind(shot(0.3, 8), rng), 88)
    out["tvrange"] = _jpeg(tv_range(shot(0.3, 8), rng), 85)
    out["oledburnin"] = _jpeg(oled_burn_in(shot(0.3, 8), rng), 85)
    out["phoneshadow"] = _jpeg(phone_shadow(shot(0.3, 8), rng), 85)
    out["armeasure"] = _png(ar_measure(shot(0.4, 12), rng))
    out["newsticker"] = _jpeg(news_ticker(shot(0.4, 12), rng), 82)
    out["metalprint"] = _jpeg(metal_print(shot(0.4, 12), rng), 85)
    out["quotecard"] = _jpeg(quote_card(shot(0.4, 12), rng), 85)
    out["mappin"] = _png(map_pin(shot(0.4, 12), rng))
    out["subjectlift"] = _jpeg(subject_lift(shot(0.4, 12), rng), 88)
    out["privacyfilter"] = _jpeg(privacy_filter(shot(0.4, 12), rng), 85)
    out["lcdbleed"] = _jpeg(lcd_bleed(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v27", room=room_v27, views=views_v27)


def main() -> None:
    dry_run("v27", make_pictures, place_kind)


if __name__ == "__main__":
    main()

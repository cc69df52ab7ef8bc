"""Generator v18 of ``bench/link.py``: benign places (post offices, florists, departure
lounges, ice rinks, public aquariums, amusement arcades, fabric shops, tile showrooms) as
listing pages, evidence bags, magnifying glasses, truncated files, flickering lights,
dual-camera apps, annotations, security grilles, net curtains, inkjets out of ink, raw
previews and photo editors show them, held out.

Written blind, like v6-v17: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]`` and ``[tool.mypy]`` sections of
``pyproject.toml``, ``bench/link_rooms_v17.py`` whole (for the interface, the truth format,
the place model and the primitives imported below), ``tests/bench/test_link_rooms_v17.py``
whole (for the shape of the tests) and, in ``bench/link.py``, only the generator plumbing: a
grep for ``v17`` and the lines round each hit (the import lines 55-80, ``GENERATORS`` at
612-645, the ``views_*`` dict of ``make_collection`` at 668-700 and the ``--generator``
argument at 1250-1300, a range that also shows the end of a results writer and
``verify_options``). Of ``bench/link_rooms_v6.py``-``v16.py`` only the first paragraphs of
their docstrings were read (for the kinds of place they name), the names of their views (a
grep of the ``out["..."]`` keys of v6-v16 and v6's ``VIEW_KINDS``), the seeds they use (a
grep for ``_000_000``, whose hits also name their look-alike groups: twins, chains,
buildings of flats, developments, tents, cars, cabins, dorms, caravans, corridors, lifts,
schools, hotel rooms, pods, sleepers, student rooms, hospital rooms, show kitchens, rental
flats, prefab classrooms, fitting rooms, meeting rooms, storage units, chalets), their
``KINDS`` tuples (v7-v16) and ``GROUPS`` dicts (v13-v16), and the lines a grep found for
words v18 considered (round two hits also v6's lines 96-115, its view names and sign words,
and v16's lines 14-22, what v16's author read). Kinds of place (recording, mixing, airport,
departure, ferry, lounge, rink, aquarium, fish tank, florist, post office, arcade,
haberdashery, fabric shop, showroom, courtroom, museum, garden centre, ticket, karaoke,
narrowboat, canal, trade fair, exhibition, booth, theatre, dressing, shed, stadium, dentist
and others): none of v18's kinds or groups is a kind or group of v6-v17; "florist" is a word
on v6's signs and in v16's own notes, "exhibition" a gallery's title in v13, "dressing" a
second dressing in v7, and v11's boat cabin and v13's music practice rooms with acoustic
foam made v18 drop a narrowboat and a recording studio. Views (listing, evidence, bag,
sleeve, loupe, magnif, truncat, corrupt, glitch, flicker, banding, dual, inset, annotat,
scribble, arrow, lace, net curtain, grille, fence, mesh, inkjet, nozzle, cartridge, raw,
bayer, profile, avatar, blown, exif, smudge, haze, editor, straighten, thirds and others,
and the ``"name"`` lines of v7's, v8's, v9's, v14's and v15's docstrings for ``occluded``,
``crop``, ``tiny``, ``portrait``, ``screenshot``, ``collage``, ``watermark``, ``caption``,
``redacted``, ``reshared`` and ``fridgedoor``): none of v18's twelve; the hits were things
or other senses (a gate, tents' mesh windows, a mesh ceiling, fences, a queue display,
marker writing, ``inset`` in drawing code, "two-thirds hidden" in v12's ``door``, a
Bayer-dithered GIF), the nearest view v12's ``rainglass`` (drops and a film of dirt on
glass, unlike a lace curtain), or views v18 then did not make (a social post's profile
header in v9, a flash's blown-out highlights in v11, a marker scribble over a region in
v14's ``redacted``, CMY in v14's newsprint). The signatures of the v6-v17 primitives
imported below were printed (``inspect.signature``, methods of the classes too), and a few
were run to learn what a signature does not say: v13's ``_piece`` on 24 names and ``_add``
on 10, v13's ``_frames`` and a ``_Wall``'s attributes for one box (which way textures run; a
wall draws from the template), v10's ``_jpeg`` on a red square (it takes RGB), v17's
``room_v17`` once (one picture looked at). ``python -m bench.link --help`` was run once to
check the plumbing. Nothing of the linker's code, tests, docs or results was read, and
neither the linker nor ``bench.link`` was ever run on these pictures: use it once, for a
held-out figure: ``python -m bench.link --name link-v18-heldout --generator v18 --no-real
--size 400x300 --rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's
picture writer and dry run, v13's place model (surfaces, boxes, walls, floor plans,
furniture pieces, windows, wall things, lighting), v14's belongings and small helpers, v15's
doors, framed pictures of the occupant's own and sky, v16's shop front, colour ramp, aiming
and outlined lettering, v17's building state, clearance test, shell planes, grained paint,
rounded boxes and off-square warp, and small drawing primitives of v10-v12 are imported; the
kinds of place, their builders, the look-alikes, the day's loose things, the cameras and
every view are v18's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v18 --rooms 12 --size 400x300
--out /tmp/v18``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(glazing and what it shows, tanks, dasher boards and stands of seats, shell-scheme panels,
pigeonholes, sample boards, mirrors framed in bulbs, signs, posters, doors, sockets, exit
signs) and furniture and fittings as 3-D boxes (counters, glazed screens, barriers, racks,
tiered stands and buckets of flowers, chillers, beam seats, columns and screens, goals, a
scoreboard, cabinets, pushers and claw machines, shelving of bolts, tables, display stands,
sofas, rails). Loose things (a carton, a crate, a stack of paper, a bag) change from day to
day. Two pictures show the same place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(900_000_000 + seed)``); no photograph is
read, so two ordinary places cannot share a photographed surface; the tests check that no
two ordinary places share any texture that is not a plain colour. What any two places may
still have alike is what is generic in real places too: socket plates, exit signs, the
Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v17; sizes width x height x depth in m):

- *post office* (5-8 x 2.7-3.2 x 7-11): pale paint with a band of the brand's colour (red,
  yellow, blue, green or orange) 2.1-2.5 m up, skirting, lino or tiles, a suspended
  ceiling, a shop front behind the camera; a counter 1.05 m high 1.3-1.7 m from the back
  with two to four positions (1.1-1.4 m each) under a glazed screen 1 m high (frames,
  speaking grilles, trays, numbered plates); a sorting frame of pigeonholes (2-3.5 x 1.2
  m), a sign and a clock behind; two or three lanes of queue barriers (posts 0.95 m, belts
  of the brand's colour); one or two racks (1.7-2 m) of greeting cards (55 %) or
  packaging on each side; a standing writing desk; a posting box (1.3 m) and a
  self-service kiosk (1.5 m); posters; a door.
- *florist* (4-6 x 2.7-3.2 x 5-8): bare brick (40 %) or paint, boards (35 %), concrete or
  tiles, a plain ceiling, a shop front; a chiller (2 m high, 1.2-1.8 m wide) of two or
  three glass doors onto flowers at the back; a wrapping counter (1.4-2 m) with ribbons;
  a rail of ribbon reels and a sign on the back wall; along both sides runs (1-1.5 m) of
  three-tier stands (0.35, 0.65 and 0.95 m) of zinc buckets, each bucket's flowers one or
  two colours, 0.3-0.5 m of blooms; two to four potted plants, one to three hanging
  baskets, a chalkboard; a door.
- *departure lounge* (12-18 x 3.2-4.5 x 12-18): floor-to-ceiling glazing across the back
  (mullions every 1.5-2.2 m) onto the apron: sky, far buildings, tarmac with yellow lines,
  an aircraft in its airline's colour (fuselage and windows, wing and engine, tail fin
  with a disc), service vehicles; a carpet with a small geometric figure (60 %) or
  terrazzo; a slatted metal ceiling with light lines; a gate desk (2.2 m) 2-3 m from the
  glazing with a screen and the gate's letter and number hanging over it; up to four rows
  of beam seats back to back (2.6-3.2 m apart, from 2.5-3.5 m in, 50-75 % of the width in
  two blocks); one to three columns with departure screens; advertising light boxes on
  the side walls; exit signs; a door.
- *ice rink* (18-26 x 6-8 x 24-32): the ice (a red centre line, blue lines at 35 and 65 %
  of the depth, goal lines 3-4 m from the ends, the centre circle and face-off circles of
  up to 4.5 m, creases, a centre disc with a word, skate scratches); dasher boards to 1.07
  m all round (a yellow kick plate, advertising panels every 2.4 m in three to six
  colours, a blue rail), glass above them to 2.2-2.6 m; tiers of seats up the sides,
  banners over the ends, a sign high on the back wall; a roof or rafters with rows of
  lights; a goal at the far end; a scoreboard (2.6 x 2.6 x 1.8 m) hanging over the centre;
  up to three cones; the camera stands on the ice 1.5-4 m in.
- *public aquarium* (6-12 x 3-4.5 x 8-14): dark blue-black walls, floor and ceiling
  (pinpoint lights); a tank across 60-85 % of the back wall, 1.8-2.6 m high from 0.4-0.7
  m (water pale at the top to deep below, shafts of light, sand, rocks, weed or coral,
  12-40 fish of two to five kinds, bubbles; jellyfish in dark water for 20 % of tanks);
  one to three smaller tanks (0.9-2 x 0.7-1.2 m, 30 % round) in each side wall with a lit
  label panel; a rail before the big tank; one or two benches; exit signs; a door.
- *amusement arcade* (8-14 x 3-4 x 10-16): dark walls with lines of LED strip in two
  colours every 0.6-1.2 m, a space carpet (ringed planets, stars, zigzags), a dark ceiling
  with spots; upright cabinets (0.9 x 0.72 x 1.75-1.95 m: a lit marquee with a name, a
  game screen, controls, a coin door; side art in four colours) along both walls and (in
  halls over 9 m wide, else 50 %) an island of them back to back down the middle; coin
  pushers (1.2 m) and claw machines (0.9 m, soft toys as plain round shapes) in a row
  1.2 m from the back; prize shelves and a lit sign on the back wall; posters; a change
  machine; the camera stands in an aisle beside the island (or in the middle).
- *fabric shop* (5-9 x 2.8-3.4 x 8-14): pale paint, boards (60 %) or lino, a plain or
  tiled ceiling, a shop front; shelving (0.5 m deep, 2-2.4 m high) of bolts on end along
  both walls, three to five cubbies high, each bolt its own cloth (plain, stripes, gingham,
  spots, flowers or chevrons); one to three tables of bolts lying flat; a cutting counter
  with a brass rule; a rack of rolls (1.5-2.2 m) and a haberdashery pegboard (buttons,
  reels, zips) on the back wall, a sign; a pattern-book table; a door.
- *tile showroom* (8-14 x 3-4 x 10-16): pale paint, polished slabs (0.6-0.9 m) with veins,
  a tiled ceiling, a shop front; sample boards (0.5-0.7 m wide, from 0.5 m to 1.9-2.3 m)
  side by side along both side walls (squares, metro bricks, hexagons, encaustic,
  wood-look planks or marble, a label); pallet racking of boxed tiles at the back; one or
  two room settings (tiled walls 2.3 m high) against a side; display stands (1.2 x 0.3 x
  2.1 m, boards on both faces) in up to two columns either side of a 1.8-2.4 m aisle, rows
  every 1.6-2.2 m from 3.5-4.2 m in; a counter; the camera stands in the aisle.

and, as look-alikes only, a venue's *karaoke room* (3-4.5 x 2.4-2.8 x 3.5-5), a trade
fair's *exhibition stand* (3-6 x 6-8 x 5-7, the hall's roof high over 2.5 m walls) and a
theatre's *dressing room* (3-5 x 2.6-3 x 3.5-5). No person is drawn anywhere, nor any
figure of one.

**Views (none of their names or ideas used in v6-v17), at the original's size.** A shot
"moved up to 0.4 m" is the place's camera moved up to 0.4 m (x0.6 in karaoke and dressing
rooms, x0.8 on a stand; up to 0.08 m in height), turned up to 12 degrees and tilted up to
4 (the first of 8 moves that leaves it 0.15 m clear of every thing, else not moved), with
sensor noise (sigma 2). Three views stand somewhere else in the room (``dualcam`` in its
middle, ``grille`` and ``netcurtain`` at its front wall). Difficulty as meant, not
measured:

- ``listing`` (hard): a listing page (premises to let) screenshotted: a site bar of the
  site's colour with its name, the photo (a shot moved up to 0.4 m) 50-60 % of the width,
  under it four thumbnails (the photo and three shots moved up to 1 m and turned up to 30
  degrees), beside it a title, a price, four to seven lines of text, a map with a pin, a
  button; a consent banner over the bottom 12 % for 40 %. PNG.
- ``evidencebag`` (medium): a print of a shot (62-74 % of the width, a white border)
  sealed in a clear evidence bag (80-90 % of the width, 88-96 % of the height) on a desk
  (wood, grey laminate or dark felt), photographed from above: the plastic softening
  (sigma 0.6 px at 400) and whitening (x0.9, +22) the print, welded edges, a red or blue
  tamper strip (10 % of the bag) with a word and digits, a write-on label (45-60 % of the
  bag's width, 16-22 % of its height) with ruled lines, a code and a bar code over
  the bag's foot (and the print's), two to four sheen streaks (+25-60), three to seven crinkles, a
  shadow, each corner moved up to 2.5 %. JPEG 85.
- ``loupe`` (medium): a print of a shot (88-96 % of the width, a white border, turned up
  to 2 degrees) on a desk with a magnifying glass lying on it: inside a lens of radius
  22-30 % of the width (its middle 35-65 % across and down) the print x1.6-2.2 larger,
  pincushioned (12 % at the rim), x1.06 brighter, a reflection; a dark, brown or steel rim
  with a light arc, a handle off the side, the lens's shadow (x0.55). JPEG 85.
- ``truncated`` (medium): a shot's JPEG cut short, as a viewer shows it: the top 45-68 %
  (whole rows of 16 px) as sent, then one to three rows of blocks decoded wrong (shifted
  along by 2-12 blocks of 8 px, lightness +-20-50, both chroma +-15-40, two to seven
  blocks flat), then mid-grey (75 %) or the green of zeroed blocks to the bottom (at least
  an eighth of the height). JPEG 88.
- ``flicker`` (medium): a shot taken under lights flickering with the mains, read out by a
  rolling shutter: dark bands across it every 18-40 % of the height, 25-50 % deep (each
  colour up to 15 % more or less, the band's profile sharpened by a power of 1-2),
  brightness x1-1.15, the noise of a short exposure (sigma 3-5). JPEG 85.
- ``dualcam`` (hard): a dual-camera app's picture: the main shot from the middle of the
  room (1.4-1.65 m up, 30-55 % of the depth in, up to a quarter of the width off the
  middle, 0.3 m clear of everything below it, the first of 16 tries, else the place's
  camera moved up to 0.4 m) facing the back wall (turned up to 25 degrees, pitched -8 to
  +2, 66-76 degrees wide); in a rounded inset 22-28 % of the width (3:4, a black border)
  in the top left (70 %) or right corner what the other camera saw at the same spot: the
  room behind, towards the front wall (turned 165-195 degrees, pitched -10 to +4, 60-70
  degrees wide). JPEG 85.
- ``markup`` (easy): a shot annotated in an image editor: two to four hand-drawn rings
  (60 %) or boxes (10-30 % of the size across), one to three arrows (18 % of the width),
  a highlighter stroke (14-24 px at 400, 30-40 % opaque), one or two labels (a word and a
  number) and a numbered tag, all in one of red, yellow, cyan or green, strokes 3-5 px
  (at 400). JPEG 85.
- ``grille`` (hard): the place through a closed security grille just in front of the lens,
  from its front wall (0.12-0.3 m in, up to 30 % of the width off the middle, 1.45-1.65 m
  up, 0.4 m clear of things, the first of 8 spots, else the place's camera; turned up to
  12 degrees, pitched 2-10 down, 62-74 degrees wide): the room x0.6-0.9 as bright, the
  grille chain-link (diamonds at 45-60 degrees, 55 %) or a roller grille (bars with links
  in brick bond, 45 %), wire 2-3.5 px, a period of 22-38 px (at 400), turned up to 6
  degrees, covering 15-30 % of the picture, out of focus (sigma 0.6-1.6
  px at 400), galvanised grey (70-140) lit along one edge, noise sigma 2.5. JPEG 85.
- ``netcurtain`` (hard): the place through a net curtain hung at its front (a shop's
  window, a doorway), from the front wall as for ``grille``: a white or cream lace veil
  25-40 % opaque, a repeating motif (a ring and six petals, 40-70 px a repeat at 400)
  20-35 % more, a fine net (+8 %), four to eight soft pleats (x0.75-1.25), out of focus
  (sigma 1.2-2.8 px at 400), at most 85 % opaque. JPEG 85.
- ``lowink`` (medium): an inkjet print of a shot with one cartridge empty, photographed on
  a desk: cyan (40 %), magenta (35 %) or yellow (25 %) at 0-15 %, another ink at 80-100 %,
  a pale line every 9-16 px (at 400, x0.3-0.6 ink) and two to five broader pale bands
  (x0.5), the ink bled (sigma 0.6 px), on paper 84-94 % of the width, each corner moved up
  to 2 %. JPEG 85.
- ``rawpreview`` (medium): a shot as an undeveloped raw frame: linear light (no tone
  curve), the sensor's own colour (red x0.42-0.55, blue x0.6-0.75), scaled so its
  brightest 0.5 % reach 70-90 % of white, the Bayer grid's faint 2 x 2 pattern (2-5 %),
  shot noise, 0.02-0.06 % hot pixels. JPEG 90.
- ``editor`` (medium): a photo editor's crop-and-straighten screen, screenshotted: a dark
  interface (28-46; a top bar of icons and a word in the accent colour, a tool column, a
  dial with ticks and the angle), a shot turned 2-7 degrees either way and enlarged to
  fill the crop frame (70-82 % of the width), the part outside the frame dimmed to 35-45
  %, thirds lines, corner handles. PNG.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's: 4-9
of a bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a
fruit bowl, a box, on the tops and the floor), each day's loose things, how each surface
is lit, the camera and what is said below.

- *Karaoke rooms of one venue* (6 %: ``seed % 50`` in {31, 32, 33}, kind ``karaoke room``;
  template ``901_000_000 + seed // 50``): size, the wall covering (buttoned panels or a
  dark patterned paper in one colour) and its LED strip, the carpet, the starry ceiling,
  the screen's frame and place (1.4-2 m wide, 16:9), two speakers, a wall tablet, bench
  sofas with padded backs along both sides, the low table, a mirror ball, the door. The
  party's own: what the screen shows (a scene, a blur of colours or a colour, a title, two
  lines of lyrics half sung), posters (50 % on each side wall), one to three cushions, one
  to three songbooks or microphones on the table.
- *Stands of one trade fair* (2 %: ``seed % 100`` in {15, 16}, ``exhibition stand``;
  template ``902_000_000 + seed // 100``): size, the aisle (2.4-3 m) and its carpet, the
  stand's carpet, the shell-scheme walls (1 m panels, 2.5 m, aluminium uprights and
  rail), the hall above them and far stands beside the aisle, the opposite stand's
  graphics, the counter (1 x 0.5 x 1 m), a stool, a shelf (1.1-1.4 m), spotlights on arms,
  a socket. The exhibitor's own: the fascia across the front (2.2-2.5 m) with its name
  and stand number, one to three graphics on the back wall, a graphic on each side wall
  (60 %), two to five products on the counter or the shelf, a brochure rack, a roll-up
  banner (60 %), a screen on a post (40 %).
- *Dressing rooms of one theatre* (2 %: ``seed % 100`` in {47, 48}, ``theatre dressing
  room``; template ``903_000_000 + seed // 100``): size, paint, skirting, lino, ceiling,
  the make-up counter (2-3.2 m long, 0.75 m) under a mirror from 1.05 to 1.95 m framed in
  bulbs at each of its two or three places, the chairs, the clothes rail (1.5-2.5 m at
  1.75 m), the sink with its small mirror, the speaker, the call light, the cork board,
  sockets and door. The company's own: three to eight cards round the mirrors, two to six
  notes on the board, three to eight things on the counter (boxes, tubs, flowers for 20
  %), three to nine costumes on the rail, pictures (60 % on the front wall, 50 % on the
  rail's).

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (31, 32, 33) or seed % 100 in
(15, 16, 47, 48)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (karaoke rooms) or ``seed // 100`` (stands, dressing rooms).

**Pictures per place: 13** (the original and 12 views): ``original``, ``listing`` and
``editor`` (PNG), ``evidencebag``, ``loupe``, ``flicker``, ``dualcam``, ``markup``,
``grille``, ``netcurtain``, ``lowink`` (JPEG 85), ``truncated`` (JPEG 88) and
``rawpreview`` (JPEG 90), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 karaoke rooms in every 50 seeds, 2 stands
and 2 dressing rooms in every 100); the other seeds draw their kind with equal shares of
1/8 (the tests check each within +-4 points on seeds 0-999). Counted on seeds 0-999
(``kind_counts``): karaoke rooms 60, stands 20, dressing rooms 20; of the other 900: tile
showroom 123, amusement arcade 119, departure lounge 119, fabric shop 113, ice rink 111,
post office 111, florist 107, public aquarium 97. The first 60 seeds (a default ``--rooms
60`` run): amusement arcade 14, fabric shop 9, ice rink 8, florist 6, tile showroom 5,
public aquarium 4, post office 4, departure lounge 3, karaoke rooms 3 (seeds 31-33),
stands 2 (15, 16), dressing rooms 2 (47, 48): every kind and group is in it. The held-out
run's 315 seeds: amusement arcade 43, fabric shop 39, departure lounge 38, post office 36,
ice rink 35, tile showroom 35, public aquarium 32, florist 27, karaoke rooms 18, stands 6,
dressing rooms 6.

**Speed**: a dry run of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 9.5 s
(8.9 s of CPU, 0.74 s a place of 13 pictures, 135 MB at most) at ``nice -n 19`` at load
average 4.6-4.9 on the shared 2-core machine; 1.7 s of CPU a place at 800x600 (seeds
200-203, 174 MB at most). ``build_place`` ran without error on seeds 0-999 and all twelve
views on seeds 0-199 at 96x72. Surfaces are drawn at 120 texels a metre, large ones coarser
(at most 360,000 texels a surface).

**Seeds**: a place ``900_000_000 + seed``; venue ``901_000_000 + seed // 50``; fair
``902_000_000 + seed // 100``; theatre ``903_000_000 + seed // 100``; a day's soft
furnishings and loose things ``904_000_000 + 3 * seed + day`` (day 0); views
``default_rng([905_000_000, seed, i])`` (``i`` the index ``make_collection`` passes); the
original's sensor noise ``906_000_000 + seed``. Deterministic by seed. Lettering is random
syllables (digits for prices, numbers, scores and codes). Pictures not made by
``room_v18`` (the real pictures of ``bench/link.py`` when run without ``--no-real``) are
hung as a print 2 m wide on the back wall of a generated post office, fabric shop or tile
showroom (seeds from ``907_000_000``) and seen the same ways.
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
    _paste,
    _screen,
    _shade,
    _text,
    _tiles,
    _u8,
    _wood,
    _word,
)
from bench.link_rooms_v11 import _concrete, _lino
from bench.link_rooms_v12 import _rafters, _steel
from bench.link_rooms_v13 import (
    Box,
    Surface,
    Top,
    _add,
    _Build,
    _cabinet,
    _faces,
    _Floor,
    _frames,
    _light,
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
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box, _carton, _inward, _side_x, _sign, _skirting
from bench.link_rooms_v15 import _door, _own_art, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter, _outlined, _shop_front
from bench.link_rooms_v17 import (
    _b17,
    _Build17,
    _free,
    _grained,
    _rounded,
    _tilted,
    surface_planes,
)

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 900_000_000
VENUE_SEED = 901_000_000
FAIR_SEED = 902_000_000
THEATRE_SEED = 903_000_000
DAY_SEED = 904_000_000
VIEW_SEED = 905_000_000
SENSOR_SEED = 906_000_000
PRINT_SEED = 907_000_000
VENUE_EVERY, VENUE_SLOTS = 50, (31, 32, 33)
FAIR_EVERY, FAIR_SLOTS = 100, (15, 16)
THEATRE_EVERY, THEATRE_SLOTS = 100, (47, 48)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("post office", 1 / 8),
    ("florist", 1 / 8),
    ("departure lounge", 1 / 8),
    ("ice rink", 1 / 8),
    ("public aquarium", 1 / 8),
    ("amusement arcade", 1 / 8),
    ("fabric shop", 1 / 8),
    ("tile showroom", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "karaoke room": "karaoke",
    "exhibition stand": "stand",
    "theatre dressing room": "dressing",
}
VIEW_KINDS = (
    "listing",
    "evidencebag",
    "loupe",
    "truncated",
    "flicker",
    "dualcam",
    "markup",
    "grille",
    "netcurtain",
    "lowink",
    "rawpreview",
    "editor",
)
PNG_VIEWS = ("listing", "editor")  # screenshots, saved lossless; every other view is a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "post office": ((5.0, 8.0), (2.7, 3.2), (7.0, 11.0)),
    "florist": ((4.0, 6.0), (2.7, 3.2), (5.0, 8.0)),
    "departure lounge": ((12.0, 18.0), (3.2, 4.5), (12.0, 18.0)),
    "ice rink": ((18.0, 26.0), (6.0, 8.0), (24.0, 32.0)),
    "public aquarium": ((6.0, 12.0), (3.0, 4.5), (8.0, 14.0)),
    "amusement arcade": ((8.0, 14.0), (3.0, 4.0), (10.0, 16.0)),
    "fabric shop": ((5.0, 9.0), (2.8, 3.4), (8.0, 14.0)),
    "tile showroom": ((8.0, 14.0), (3.0, 4.0), (10.0, 16.0)),
    "karaoke": ((3.0, 4.5), (2.4, 2.8), (3.5, 5.0)),
    "stand": ((3.0, 6.0), (6.0, 8.0), (5.0, 7.0)),
    "dressing": ((3.0, 5.0), (2.6, 3.0), (3.5, 5.0)),
}
SMALL = {"karaoke": 0.6, "dressing": 0.6, "stand": 0.8}  # how far cameras move, as a share
PRINT_KINDS = ("post office", "fabric shop", "tile showroom")
SHOPS = ("post office", "florist", "amusement arcade", "fabric shop", "tile showroom")
HALLS = ("departure lounge", "ice rink", "public aquarium")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_karaoke_room(seed: int) -> bool:
    return seed % VENUE_EVERY in VENUE_SLOTS


def is_exhibition_stand(seed: int) -> bool:
    return seed % FAIR_EVERY in FAIR_SLOTS


def is_dressing_room(seed: int) -> bool:
    return seed % THEATRE_EVERY in THEATRE_SLOTS


def is_distractor(seed: int) -> bool:
    return is_karaoke_room(seed) or is_exhibition_stand(seed) or is_dressing_room(seed)


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
    if is_karaoke_room(seed):
        return "karaoke room"
    if is_exhibition_stand(seed):
        return "exhibition stand"
    if is_dressing_room(seed):
        return "theatre dressing room"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_karaoke_room(seed):
        return np.random.default_rng(VENUE_SEED + seed // VENUE_EVERY)
    if is_exhibition_stand(seed):
        return np.random.default_rng(FAIR_SEED + seed // FAIR_EVERY)
    if is_dressing_room(seed):
        return np.random.default_rng(THEATRE_SEED + seed // THEATRE_EVERY)
    return None


# --- v18's own surfaces and things, every one drawn from the rng it is given --------------------


def _pick(rng: Rng, options: list[Colour]) -> Colour:
    return options[int(rng.integers(0, len(options)))]


def _swatch(rng: Rng, w: int, h: int) -> U8:
    """A piece of printed or woven cloth: plain, striped, checked, spotted, floral or
    chevron, in one to three colours."""
    a, b2 = _c(rng, 30, 250), _c(rng, 30, 250)
    img = _grained(rng, w, h, a, 5.0)
    kind = int(rng.integers(0, 6))
    step = max(2, min(w, h) // int(rng.integers(3, 7)))
    if kind == 1:  # stripes
        for x in range(0, w, 2 * step):
            img[:, x : x + step] = b2
    elif kind == 2:  # gingham
        for x in range(0, w, 2 * step):
            img[:, x : x + step] = _u8((img[:, x : x + step].astype(np.float32) + b2) / 2)
        for y in range(0, h, 2 * step):
            img[y : y + step] = _u8((img[y : y + step].astype(np.float32) + b2) / 2)
    elif kind == 3:  # spots
        for y in range(step // 2, h, step):
            for x in range((y // step % 2) * step // 2, w, step):
                cv2.circle(img, (x, y), max(1, step // 4), b2, -1)
    elif kind == 4:  # flowers
        c3 = _c(rng, 30, 250)
        for _ in range(max(2, w * h // (step * step))):
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
            r = max(1, step // 3)
            for k in range(5):
                ang = 2 * np.pi * k / 5
                cv2.circle(img, (int(x + r * np.cos(ang)), int(y + r * np.sin(ang))), r, b2, -1)
            cv2.circle(img, (x, y), max(1, r // 2), c3, -1)
    elif kind == 5:  # chevrons
        for y in range(-h, h + step, step):
            pts = np.array([[x, y + (x // step % 2) * step // 2] for x in range(0, w + step, step)])
            cv2.polylines(img, [pts.astype(np.int32)], False, b2, max(1, step // 3))
    return img


def _blooms(rng: Rng, w: int, h: int, colours: list[Colour]) -> U8:
    """A mass of cut flowers from the side: green stems and leaves, blooms of the given
    colours thick at the top and thinning out below."""
    img = _grained(rng, w, h, _between(rng, (35, 70, 30), (70, 120, 55)), 10.0)
    for _ in range(w // 2):
        x = int(rng.integers(0, w))
        cv2.line(
            img,
            (x, h),
            (x + int(rng.integers(-3, 4)), int(rng.integers(0, h))),
            _between(rng, (30, 90, 30), (90, 150, 70)),
            1,
        )
    for _ in range(w * h // 30):
        y = int(h * rng.random() ** 1.8)
        x = int(rng.integers(0, w))
        r = int(rng.integers(2, 5))
        col = colours[int(rng.integers(0, len(colours)))]
        col = _shade(col, float(rng.uniform(0.75, 1.0)))
        cv2.circle(img, (x, y), r, col, -1)
        cv2.circle(img, (x, y), max(1, r // 3), _lighter(col, 1.3), -1)
    return img


def _flower_colours(rng: Rng) -> list[Colour]:
    base: list[Colour] = [
        (220, 30, 50),
        (250, 240, 235),
        (250, 200, 40),
        (240, 120, 170),
        (150, 60, 170),
        (250, 130, 40),
        (200, 40, 120),
        (120, 140, 230),
    ]
    picks = rng.permutation(len(base))[: int(rng.integers(1, 3))]
    return [base[int(i)] for i in picks]


def _bucket(rng: Rng) -> U8:
    """A florist's zinc bucket from the side: grey, ribbed, a rim, a price tag."""
    img = _grained(rng, 24, 24, _between(rng, (150, 155, 160), (195, 198, 200)), 5.0)
    for y in (3, 12, 20):
        cv2.line(img, (0, y), (23, y), (120, 125, 130), 1)
    cv2.rectangle(img, (0, 0), (23, 1), (215, 218, 220), -1)
    cv2.rectangle(img, (8, 6), (16, 10), (250, 250, 245), -1)
    return img


def _lit_text_board(rng: Rng, w: int, h: int, colour: Colour, words: int = 1) -> U8:
    """A sign: a coloured board with white lettering."""
    img = _grained(rng, w, h, colour, 4.0)
    _text(
        img,
        rng,
        " ".join(_word(rng, (1, 3)) for _ in range(words)).upper(),
        max(2, w // 14),
        h * 3 // 4,
        max(5, h // 2),
        (250, 250, 250),
    )
    return img


# post office


def _post_glass(rng: Rng, positions: int, brand: Colour) -> U8:
    """A post office counter's glazed screen: a pale tint with the back office faint
    behind it, frames between the positions, a speaking grille, a transaction tray and a
    numbered plate at each."""
    w, h = 64 * positions, 48
    img = _grained(rng, w, h, _between(rng, (170, 185, 195), (205, 215, 222)), 4.0)
    back = _shade((int(img[0, 0, 0]), int(img[0, 0, 1]), int(img[0, 0, 2])), 0.85)
    for y in range(int(rng.integers(6, 10)), h - 8, int(rng.integers(8, 12))):
        cv2.line(img, (0, y), (w, y), back, 1)
    for k in range(positions):
        x0 = k * 64
        cv2.rectangle(img, (x0, 0), (x0 + 2, h - 1), (85, 90, 95), -1)
        for dy in (-3, 0, 3):
            for dx in (-3, 0, 3):
                cv2.circle(img, (x0 + 32 + dx, 24 + dy), 1, (110, 115, 120), -1)
        cv2.rectangle(img, (x0 + 18, h - 7), (x0 + 46, h - 1), (70, 70, 75), -1)
        cv2.rectangle(img, (x0 + 24, 2), (x0 + 40, 11), brand, -1)
        _text(img, rng, str(k + 1), x0 + 29, 10, 7, (250, 250, 250))
    for _ in range(int(rng.integers(2, 5))):
        x = int(rng.integers(0, w))
        cv2.line(img, (x, h), (x + h // 2, 0), (228, 232, 236), int(rng.integers(1, 4)))
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (85, 90, 95), 2)
    return img


def _pigeonholes(rng: Rng, w: int, h: int) -> U8:
    """The back office's sorting frame: a grid of pigeonholes, letters and parcels in
    some, a label under each."""
    wood = _wood_tone(rng)
    img = _grained(rng, w, h, _shade(wood, 0.4), 4.0)
    cols, rows = int(rng.integers(6, 11)), int(rng.integers(3, 6))
    cw, ch = w // cols, h // rows
    for r in range(rows):
        for c in range(cols):
            x0, y0 = c * cw, r * ch
            cv2.rectangle(img, (x0, y0), (x0 + cw - 1, y0 + ch - 1), wood, 2)
            fill = rng.random()
            if fill < 0.45:
                for k in range(int(rng.integers(1, 5))):
                    col = (245, 245, 240) if rng.random() < 0.7 else _c(rng, 120, 250)
                    y = y0 + ch - 4 - 2 * k
                    cv2.rectangle(img, (x0 + 3, y - 2), (x0 + cw - 4, y), col, -1)
            elif fill < 0.7:
                cv2.rectangle(
                    img, (x0 + 3, y0 + ch // 3), (x0 + cw - 4, y0 + ch - 3), _c(rng, 150, 220), -1
                )
            cv2.rectangle(
                img,
                (x0 + cw // 3, y0 + ch - 3),
                (x0 + 2 * cw // 3, y0 + ch - 1),
                (240, 240, 235),
                -1,
            )
    return img


def _card_rack(rng: Rng, w: int = 96, h: int = 128) -> U8:
    """A spinner-free wall rack of greeting cards: rows of little cards, each its own
    picture (flowers, shapes, a word), in wire pockets."""
    img = _grained(rng, w, h, _between(rng, (200, 200, 200), (240, 240, 240)), 3.0)
    rows = int(rng.integers(5, 8))
    rh = h // rows
    for r in range(rows):
        x = 2
        while x < w - 10:
            cw = int(rng.integers(9, 14))
            y1 = (r + 1) * rh - 2
            card = _c(rng, 60, 250)
            cv2.rectangle(img, (x, y1 - rh + 4), (x + cw, y1), card, -1)
            what = rng.random()
            if what < 0.4:
                cv2.circle(img, (x + cw // 2, y1 - rh // 2), max(2, cw // 4), _c(rng, 20, 250), -1)
            elif what < 0.7:
                cv2.rectangle(
                    img, (x + 2, y1 - rh + 7), (x + cw - 2, y1 - rh // 2), _c(rng, 20, 250), -1
                )
            else:
                cv2.line(img, (x + 2, y1 - 4), (x + cw - 2, y1 - rh + 7), _c(rng, 20, 250), 2)
            x += cw + 2
        cv2.line(img, (0, (r + 1) * rh - 1), (w, (r + 1) * rh - 1), (140, 140, 145), 1)
    return img


def _mailers(rng: Rng, w: int = 96, h: int = 128) -> U8:
    """Shelving of packaging for sale: padded envelopes, boxes flat and built, tubes and
    rolls of tape, a price strip on every shelf."""
    img = _grained(rng, w, h, _between(rng, (70, 70, 75), (200, 200, 205)), 3.0)
    shelves = int(rng.integers(4, 6))
    sh = h // shelves
    for k in range(shelves):
        y1 = (k + 1) * sh - 3
        x = 2
        kind = int(rng.integers(0, 4))
        while x < w - 6:
            iw = int(rng.integers(6, 16))
            if kind == 0:  # padded envelopes, standing
                col = (
                    _between(rng, (215, 185, 90), (245, 225, 150))
                    if rng.random() < 0.6
                    else (245, 245, 240)
                )
                cv2.rectangle(img, (x, y1 - sh + 6), (x + iw, y1), col, -1)
                cv2.line(img, (x + 1, y1 - sh + 9), (x + iw - 1, y1 - sh + 9), _shade(col, 0.8), 1)
            elif kind == 1:  # boxes
                cv2.rectangle(
                    img,
                    (x, y1 - sh // 2),
                    (x + iw, y1),
                    _between(rng, (170, 130, 80), (210, 170, 120)),
                    -1,
                )
                cv2.line(img, (x + iw // 2, y1 - sh // 2), (x + iw // 2, y1), (120, 90, 60), 1)
            elif kind == 2:  # tubes
                cv2.rectangle(img, (x, y1 - sh + 5), (x + iw // 3, y1), (230, 230, 225), -1)
                iw = iw // 3 + 2
            else:  # tape
                cv2.circle(img, (x + iw // 2, y1 - iw // 2), iw // 2, (200, 170, 110), -1)
                cv2.circle(img, (x + iw // 2, y1 - iw // 2), iw // 5, (60, 60, 60), -1)
            x += iw + int(rng.integers(1, 3))
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), (235, 235, 235), -1)
    return img


def _post_box(rng: Rng, colour: Colour) -> U8:
    """An indoor posting box: the brand's colour, a slot with a hood, a collection plate."""
    img = _grained(rng, 32, 64, colour, 5.0)
    cv2.rectangle(img, (5, 14), (26, 19), (20, 20, 22), -1)
    cv2.rectangle(img, (3, 11), (28, 13), _shade(colour, 0.7), -1)
    cv2.rectangle(img, (8, 26), (23, 40), (245, 245, 240), -1)
    for y in (29, 33, 37):
        cv2.line(img, (10, y), (21, y), (60, 60, 60), 1)
    cv2.rectangle(img, (0, 58), (31, 63), _shade(colour, 0.6), -1)
    return img


def _build_post(b: _Build) -> None:
    """A post office: pale paint with a band of the brand's colour, lino or tiles, a
    suspended ceiling, a shop front, a counter across the back with two to four glazed
    positions, the sorting frame behind them, queue barriers, a standing writing desk,
    racks of cards and packaging, a posting box, a self-service kiosk."""
    r = b.fix
    brand = _pick(r, [(220, 30, 35), (250, 200, 20), (30, 70, 160), (30, 130, 70), (240, 120, 20)])
    b.paint_walls(_between(r, (220, 222, 215), (250, 250, 245)))
    band = float(r.uniform(2.1, 2.3))
    for name in ("back", "left", "right"):
        wall = b.wall(name)
        cv2.rectangle(
            wall.img, (0, wall.y_of(band + 0.2)), (wall.img.shape[1], wall.y_of(band)), brand, -1
        )
    _skirting(b, _shade(brand, 0.6), 0.1)
    b.floor(
        (lambda g, w, h, res: _lino(g, w, h))
        if r.random() < 0.5
        else (
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.3 * res)), _c(g, 150, 230), _c(g, 90, 160)
            )
        )
    )
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    positions = int(r.integers(2, 5))
    cw = min(b.w - 1.0, positions * float(r.uniform(1.1, 1.4)))
    cx = float(r.uniform(-0.5, 0.5)) * (b.w - cw - 0.6)
    zc = b.d - float(r.uniform(1.3, 1.7))
    counter = _cabinet(r, positions * 2, 1, _between(r, (180, 180, 180), (235, 235, 230)))
    b.boxes.append(
        Box(
            cx,
            zc,
            cw,
            0.7,
            1.05,
            0.0,
            {
                "front": counter,
                "left": counter,
                "right": counter,
                "top": _grained(r, 32, 16, _c(r, 120, 230), 3.0),
            },
        )
    )
    b.tops.append((cx, zc - 0.2, cw * 0.8, 0.2, 1.05))
    glass = _post_glass(r, positions, brand)
    b.boxes.append(
        Box(cx, zc, cw, 0.04, min(b.h - 1.3, 1.0), 1.05, {"front": glass, "back": glass})
    )
    back = b.wall("back")
    frame = _pigeonholes(r, back.px(min(b.w - 1.0, float(r.uniform(2.0, 3.5)))), back.px(1.2))
    back.put(frame, min(b.h - 0.2, 2.05), min(b.h - 0.1, 2.1))
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.1, b.h - 0.05)
    _small_things(back, ("clock",))
    # queue barriers: two or three lanes in front of the counter
    post = _steel(r, 8, 32, 170)
    belt = _grained(r, 64, 8, brand, 3.0)
    cv2.line(belt, (0, 4), (63, 4), _lighter(brand, 1.3), 1)
    lanes = int(r.integers(2, 4))
    lx = cx + float(r.choice([-1.0, 1.0])) * cw * 0.25
    z0, z1 = zc - 0.9, max(1.8, zc - float(r.uniform(3.0, 4.5)))
    for k in range(lanes + 1):
        x = lx + (k - lanes / 2) * 0.9
        if abs(x) > b.w / 2 - 0.3:
            continue
        for z in (z0, z1):
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.06,
                    0.06,
                    0.95,
                    0.0,
                    {"front": post, "left": post, "right": post, "top": post},
                )
            )
        b.boxes.append(
            Box(
                x,
                (z0 + z1) / 2,
                0.02,
                z0 - z1,
                0.05,
                0.86,
                {"front": belt, "left": belt, "right": belt, "top": belt},
            )
        )
    fl = _Floor(b.w, zc - 0.6, 1.5)
    fl.take(lx, (z0 + z1) / 2, lanes * 0.9 + 0.4, z0 - z1 + 0.3)
    for side in ("left", "right"):
        for _ in range(int(r.integers(1, 3))):
            spot = fl.against(r, float(r.uniform(0.9, 1.3)), 0.35, (side,))
            if spot:
                face = _card_rack(r) if r.random() < 0.55 else _mailers(r)
                _box(
                    b,
                    spot,
                    float(r.uniform(1.7, 2.0)),
                    {"front": face, "top": _steel(r, 16, 8, 150)},
                    top=False,
                )
    spot = fl.middle(r, 1.2, 0.5)
    if spot:
        desk = _grained(r, 64, 32, _c(r, 120, 230), 4.0)
        for k in range(4):
            cv2.rectangle(desk, (4 + 15 * k, 4), (14 + 15 * k, 20), (245, 245, 240), -1)
        _box(b, spot, 1.1, {"front": _cabinet(r, 3, 2, _c(r, 60, 230)), "top": desk})
    spot = fl.against(r, 0.5, 0.45, ("left", "right", "back"))
    if spot:
        _box(
            b,
            spot,
            1.3,
            {"front": _post_box(r, brand), "top": _grained(r, 16, 16, _shade(brand, 0.8), 3.0)},
            top=False,
        )
    spot = fl.against(r, 0.6, 0.5, ("left", "right"))
    if spot:
        kiosk = _grained(r, 32, 64, (60, 60, 65), 3.0)
        _paste(kiosk, _screen(r, 24, 20), 4, 6)
        cv2.rectangle(kiosk, (6, 34), (26, 38), (200, 200, 205), -1)
        _box(b, spot, 1.5, {"front": kiosk, "top": _steel(r, 16, 16, 120)})
    for name in ("left", "right"):
        _poster(b.wall(name), int(r.integers(1, 3)))
        _small_things(b.wall(name), ("socket",) + (("extinguisher",) if r.random() < 0.4 else ()))
    _door(back, r, _c(r, 60, 230))


# florist


def _chiller(rng: Rng) -> U8:
    """A florist's chiller: a lit header, two or three glass doors with steel frames,
    buckets of flowers on stepped shelves inside."""
    img = _grained(rng, 96, 128, (215, 225, 230), 4.0)
    doors = int(rng.integers(2, 4))
    dw = 96 // doors
    for k in range(doors):
        x0 = k * dw
        inside = _blooms(rng, dw - 6, 50, _flower_colours(rng))
        _paste(img, inside, x0 + 3, 18)
        inside2 = _blooms(rng, dw - 6, 45, _flower_colours(rng))
        _paste(img, inside2, x0 + 3, 74)
        cv2.rectangle(img, (x0 + 3, 66), (x0 + dw - 4, 72), (150, 155, 160), -1)
        cv2.rectangle(img, (x0, 14), (x0 + dw - 1, 123), (120, 125, 130), 2)
        cv2.line(img, (x0 + dw - 6, 40), (x0 + dw - 6, 90), (60, 60, 65), 2)
    cv2.rectangle(img, (0, 0), (95, 13), _c(rng, 40, 220), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 6, 11, 8, (250, 250, 250))
    cv2.line(img, (0, 112), (95, 116), (240, 245, 248), 1)
    return img


def _ribbons(rng: Rng, w: int, h: int) -> U8:
    """A wall rail of ribbon reels and rolls of wrapping paper and cellophane."""
    img = _grained(rng, w, h, _wood_tone(rng), 6.0)
    rows = max(1, h // 16)
    for r in range(rows):
        y = r * (h // rows) + h // rows // 2
        cv2.line(img, (0, y), (w, y), (150, 150, 155), 1)
        x = 6
        while x < w - 6:
            rad = int(rng.integers(3, 7))
            col = _c(rng, 30, 255)
            cv2.circle(img, (x, y), rad, col, -1)
            cv2.circle(img, (x, y), max(1, rad // 3), (235, 230, 220), -1)
            x += 2 * rad + 2
    return img


def _chalkboard(rng: Rng) -> U8:
    """A pavement sign board: dark slate in a wooden frame, chalked words and a flower."""
    img = _grained(rng, 32, 48, (35, 40, 38), 4.0)
    cv2.rectangle(img, (0, 0), (31, 47), _wood_tone(rng), 2)
    for k in range(3):
        _text(img, rng, _word(rng, (1, 2)), 4, 12 + 9 * k, 6, _c(rng, 180, 256))
    cv2.circle(img, (16, 39), 4, _c(rng, 150, 256), 1)
    return img


def _build_florist(b: _Build) -> None:
    """A florist's shop: painted or bare-brick walls, concrete, tiles or boards, a shop
    front, tiered stands of buckets of flowers along the sides, a chiller at the back, a
    wrapping counter with ribbons behind, potted plants, hanging baskets, a chalkboard."""
    r = b.fix
    if r.random() < 0.4:
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _bricks(r, tw, th, _between(r, (150, 80, 60), (200, 140, 110))))
    else:
        b.paint_walls(
            _pick(
                r,
                [
                    _between(r, (190, 205, 185), (225, 235, 215)),
                    _between(r, (235, 235, 228), (252, 250, 245)),
                    _c(r, 60, 200),
                ],
            )
        )
    tone = int(r.integers(110, 190))
    b.floor(
        _planks
        if r.random() < 0.35
        else (lambda g, w, h, res: _concrete(g, w, h, tone))
        if r.random() < 0.5
        else (
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.2 * res)), _c(g, 150, 230), _c(g, 80, 150)
            )
        )
    )
    b.ceiling(_plain_ceiling)
    _shop_front(b)
    fl = _Floor(b.w, b.d, 1.3)
    spot = fl.against(r, float(r.uniform(1.2, 1.8)), 0.7, ("back",))
    if spot:
        _box(b, spot, 2.0, {"front": _chiller(r), "top": _steel(r, 32, 16, 170)}, top=False)
    cw = min(b.w - 2.4, float(r.uniform(1.4, 2.0)))
    side = str(r.choice(["left", "right"]))
    cx = (b.w / 2 - cw / 2 - 0.7) * (1 if side == "right" else -1)
    cz = b.d - float(r.uniform(1.6, 2.2))
    if fl.fits(cx, cz, cw, 0.6):
        fl.take(cx, cz, cw + 0.4, 1.4)
        top = _grained(r, 48, 24, _wood_tone(r), 5.0)
        cv2.rectangle(top, (4, 4), (24, 20), _c(r, 150, 256), -1)
        b.boxes.append(
            Box(
                cx,
                cz,
                cw,
                0.6,
                0.95,
                0.0,
                {
                    "front": _wood(r, 64, 32, _wood_tone(r), 6),
                    "top": top,
                    "left": _wood(r, 32, 32, _wood_tone(r), 6),
                    "right": _wood(r, 32, 32, _wood_tone(r), 6),
                },
            )
        )
        b.tops.append((cx, cz, cw * 0.8, 0.4, 0.95))
        b.boxes.append(
            Box(
                cx + cw * 0.3,
                cz + 0.1,
                0.6,
                0.2,
                0.2,
                0.95,
                {"front": _ribbons(r, 48, 16), "top": _ribbons(r, 48, 16)},
            )
        )
    back = b.wall("back")
    back.put(_ribbons(r, back.px(1.4), back.px(0.5)), 1.9, 2.0)
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.1, b.h - 0.05)
    metal = _grained(r, 32, 16, _pick(r, [(40, 40, 42), (200, 200, 195), _wood_tone(r)]), 4.0)
    for wside in ("left", "right"):
        z = float(r.uniform(1.2, 1.8))
        while z + 1.2 < b.d - 1.0:
            length = float(r.uniform(1.0, 1.5))
            if z + length > b.d - 0.8:
                break
            for tier in range(3):
                depth = 0.35
                x = (
                    _side_x(b, wside, 0.35 + depth * (2 - tier))
                    if tier < 2
                    else _side_x(b, wside, depth)
                )
                step_h = 0.35 + 0.3 * tier
                b.boxes.append(
                    Box(
                        x,
                        z + length / 2,
                        depth,
                        length,
                        step_h,
                        0.0,
                        _faces({"front": metal, "top": metal}, _inward(wside)),
                    )
                )
                n = max(1, int(length / 0.3))
                for k in range(n):
                    zk = z + (k + 0.5) * length / n
                    colours = _flower_colours(r)
                    b.boxes.append(
                        Box(
                            x,
                            zk,
                            0.26,
                            0.26,
                            0.28,
                            step_h,
                            {"front": _bucket(r), "left": _bucket(r), "right": _bucket(r)},
                        )
                    )
                    fh = float(r.uniform(0.3, 0.5))
                    bloom = _blooms(r, 24, 32, colours)
                    b.boxes.append(
                        Box(
                            x,
                            zk,
                            0.32,
                            0.3,
                            fh,
                            step_h + 0.28,
                            {
                                "front": bloom,
                                "left": bloom,
                                "right": bloom,
                                "top": _blooms(r, 24, 24, colours),
                            },
                        )
                    )
            fl.take(_side_x(b, wside, 1.05), z + length / 2, 1.05, length)
            z += length + float(r.uniform(0.3, 0.8))
    plant = _piece(r, "plant")
    for _ in range(int(r.integers(2, 5))):
        spot = fl.middle(r, 0.5, 0.5) if r.random() < 0.5 else fl.against(r, 0.5, 0.5)
        if spot:
            _add(
                b.boxes,
                b.tops,
                "plant",
                plant if r.random() < 0.5 else _piece(r, "plant"),
                spot,
                float(r.uniform(0.8, 1.4)),
            )
    for _ in range(int(r.integers(1, 4))):
        hang = _blooms(r, 24, 24, [(60, 140, 60), _c(r, 150, 256)])
        x = float(r.uniform(-0.35, 0.35)) * b.w
        z = float(r.uniform(1.5, b.d - 1.5))
        b.boxes.append(
            Box(
                x,
                z,
                0.4,
                0.4,
                0.35,
                b.h - 0.75,
                {"front": hang, "left": hang, "right": hang, "back": hang},
            )
        )
    spot = fl.middle(r, 0.5, 0.3)
    if spot:
        _box(b, spot, 0.8, {"front": _chalkboard(r), "back": _chalkboard(r)}, top=False)
    for name in ("left", "right"):
        _small_things(b.wall(name), ("socket",))
    _door(back, r, _c(r, 60, 230))


# departure lounge


def _apron(rng: Rng, w: int, h: int) -> U8:
    """What a departure lounge's glazing shows: sky, a far terminal and hangars, the
    apron with its painted lines, an aircraft at the stand in its airline's colours (a
    fuselage with a row of windows, a wing and engine, a tail fin with a disc), service
    vehicles."""
    img = np.asarray(_sky(rng, w, h), np.uint8).copy()
    horizon = int(h * float(rng.uniform(0.42, 0.55)))
    far = _between(rng, (120, 125, 130), (180, 182, 185))
    x = 0
    while x < w:
        bw = int(rng.integers(w // 12, w // 4))
        bh = int(rng.integers(h // 20, h // 7))
        cv2.rectangle(
            img, (x, horizon - bh), (x + bw, horizon), _shade(far, float(rng.uniform(0.8, 1.1))), -1
        )
        x += bw + int(rng.integers(0, w // 10))
    tarmac = _between(rng, (95, 95, 98), (150, 150, 152))
    img[horizon:] = _grained(rng, w, h - horizon, tarmac, 8.0)
    for k in range(int(rng.integers(2, 5))):
        y = horizon + (k + 1) * (h - horizon) // 5
        cv2.line(
            img,
            (0, y),
            (w, y + int(rng.integers(-h // 10, h // 10))),
            (235, 200, 40),
            max(1, h // 120),
        )
    livery = _c(rng, 20, 230)
    fx0, fx1 = int(w * float(rng.uniform(-0.1, 0.25))), int(w * float(rng.uniform(0.75, 1.1)))
    fy = horizon + int((h - horizon) * float(rng.uniform(0.05, 0.2)))
    fh = max(6, int(h * float(rng.uniform(0.1, 0.16))))
    nose_left = rng.random() < 0.5
    cv2.rectangle(img, (fx0, fy - fh), (fx1, fy), (240, 240, 238), -1)
    cv2.ellipse(
        img,
        (fx0 if nose_left else fx1, fy - fh // 2),
        (fh, fh // 2),
        0,
        0,
        360,
        (240, 240, 238),
        -1,
    )
    cv2.rectangle(img, (fx0, fy - fh // 3), (fx1, fy - fh // 5), livery, -1)
    for xx in range(fx0 + fh, fx1 - fh, max(3, fh // 3)):
        cv2.rectangle(
            img, (xx, fy - fh * 2 // 3), (xx + max(1, fh // 8), fy - fh // 2), (40, 50, 60), -1
        )
    tail = fx1 - fh if nose_left else fx0 + fh
    sgn = 1 if nose_left else -1
    fin = np.array(
        [
            [tail - sgn * fh, fy - fh],
            [tail + sgn * fh // 2, fy - fh],
            [tail + sgn * fh, fy - 3 * fh],
            [tail + sgn * fh // 4, fy - 3 * fh],
        ]
    )
    cv2.fillPoly(img, [fin.astype(np.int32)], livery)
    cv2.circle(img, (tail + sgn * fh // 3, fy - 2 * fh), max(2, fh // 3), _c(rng, 150, 256), -1)
    mid = (fx0 + fx1) // 2
    wing = np.array(
        [
            [mid - fh, fy - fh // 3],
            [mid + fh, fy - fh // 3],
            [mid + 2 * fh * sgn, fy + fh // 2],
            [mid + fh * sgn, fy + fh // 2],
        ]
    )
    cv2.fillPoly(img, [wing.astype(np.int32)], (205, 208, 210))
    cv2.ellipse(img, (mid, fy + fh // 4), (fh // 2, fh // 3), 0, 0, 360, (170, 172, 175), -1)
    for _ in range(int(rng.integers(1, 4))):
        vx, vy = int(rng.integers(0, w)), int(rng.integers(fy + fh // 2, h))
        vw = int(rng.integers(max(4, w // 30), max(5, w // 12)))
        cv2.rectangle(
            img,
            (vx, vy - vw // 2),
            (vx + vw, vy),
            _pick(rng, [(250, 200, 30), (245, 245, 240), (40, 90, 200)]),
            -1,
        )
    return img


def _glazing(b: _Build, name: str, rng: Rng, bay: float, view: U8) -> None:
    """A wall glazed floor to ceiling: ``view`` behind mullions every ``bay`` m, a transom
    near the floor and one high up."""
    wall = b.wall(name)
    tw = wall.img.shape[1]
    low, high = wall.y_of(0.3), wall.y_of(min(b.h - 0.25, 3.6))
    wall.img[high:low] = np.asarray(cv2.resize(view, (tw, low - high)), np.uint8)
    frame = _between(rng, (50, 52, 55), (200, 200, 205))
    t = max(2, wall.px(0.08))
    for x in np.arange(0.0, tw, max(4, wall.px(bay))):
        cv2.rectangle(wall.img, (int(x) - t // 2, high), (int(x) + t // 2, low), frame, -1)
    for y in (low, high, (low + high) // 2 if rng.random() < 0.5 else high):
        cv2.rectangle(wall.img, (0, y - t // 2), (tw, y + t // 2), frame, -1)
    wall.claim(0, high, tw, low - high, gap=0)


def _beam_seats(rng: Rng, n: int, colour: Colour, front: bool) -> U8:
    """A row of beam seats: seats and backs of the row's colour on a steel beam, arm rests
    between them (from the front, or their backs)."""
    w = max(8, n * 16)
    img = _grained(rng, w, 32, (150, 152, 155), 3.0)
    img[:] = _u8(img.astype(np.float32) * 0.35)
    for k in range(n):
        x = k * 16
        if front:
            _rounded(img, x + 2, 2, x + 13, 17, 3, colour)
            _rounded(img, x + 2, 18, x + 13, 23, 2, _lighter(colour, 1.15))
        else:
            _rounded(img, x + 2, 2, x + 13, 20, 3, _shade(colour, 0.8))
        cv2.rectangle(img, (x, 12), (x + 1, 22), (185, 188, 190), -1)
    cv2.rectangle(img, (0, 24), (w - 1, 26), (185, 188, 190), -1)
    cv2.rectangle(img, (w // 4, 26), (w // 4 + 2, 31), (185, 188, 190), -1)
    cv2.rectangle(img, (3 * w // 4, 26), (3 * w // 4 + 2, 31), (185, 188, 190), -1)
    return img


def _flights(rng: Rng, w: int = 64, h: int = 40) -> U8:
    """A departures screen: a header bar, rows of times, codes, places and gates."""
    img = _grained(rng, w, h, _between(rng, (10, 20, 50), (25, 45, 100)), 3.0)
    cv2.rectangle(img, (0, 0), (w - 1, 6), (250, 200, 30), -1)
    for k in range(int((h - 8) / 5)):
        y = 12 + 5 * k
        _text(
            img,
            rng,
            f"{int(rng.integers(6, 23)):02d}{int(rng.integers(0, 6))}0",
            2,
            y,
            4,
            (250, 250, 250),
        )
        _text(img, rng, _word(rng, (1, 3)).upper(), 18, y, 4, (230, 230, 235))
        _text(img, rng, str(int(rng.integers(1, 40))), w - 10, y, 4, (250, 210, 60))
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (30, 30, 32), 2)
    return img


def _speckle(rng: Rng, w: int, h: int, res: float) -> U8:
    """Terrazzo: a pale ground with chips of two or three colours, brass strips."""
    img = _grained(rng, w, h, _between(rng, (170, 165, 155), (230, 225, 215)), 6.0)
    chips = [_c(rng, 40, 240) for _ in range(3)]
    n = w * h // 12
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    cols = np.array(chips, np.uint8)[rng.integers(0, 3, n)]
    img[ys, xs] = cols
    step = max(6, round(2.0 * res))
    for x in range(0, w, step):
        cv2.line(img, (x, 0), (x, h), (180, 150, 80), 1)
    return img


def _lounge_carpet(rng: Rng, w: int, h: int, res: float) -> U8:
    """An airport carpet: a deep ground with a small repeating geometric figure."""
    col = _c(rng, 20, 140)
    img = _grained(rng, w, h, col, 5.0)
    fig = _lighter(col, float(rng.uniform(1.3, 1.8)))
    step = max(4, round(float(rng.uniform(0.3, 0.6)) * res))
    for y in range(0, h, step):
        for x in range((y // step % 2) * step // 2, w, step):
            if rng.random() < 0.5:
                cv2.rectangle(img, (x, y), (x + step // 4, y + step // 4), fig, -1)
            else:
                cv2.line(img, (x, y), (x + step // 3, y + step // 3), fig, 1)
    return img


def _slats(rng: Rng, w: int, h: int, res: float) -> U8:
    """A ceiling of linear metal slats with long light lines between runs of them."""
    img = _grained(rng, w, h, _between(rng, (160, 160, 160), (225, 225, 222)), 3.0)
    step = max(2, round(0.1 * res))
    for x in range(0, w, step):
        cv2.line(img, (x, 0), (x, h), _shade((200, 200, 200), 0.7), 1)
    for x in range(int(rng.integers(0, 30)), w, max(8, round(2.4 * res))):
        cv2.rectangle(img, (x, 0), (x + max(1, step // 2), h), (252, 250, 240), -1)
    return img


def _build_lounge(b: _Build) -> None:
    """An airport departure lounge: floor-to-ceiling glazing across the back onto the
    apron and an aircraft at the stand, a gate desk with its number hanging over it,
    rows of beam seats back to back, departure screens on posts, columns, a carpet or
    terrazzo, a slatted ceiling, advertising light boxes on the side walls."""
    r = b.fix
    b.paint_walls(_between(r, (190, 195, 200), (240, 240, 238)))
    _glazing(b, "back", r, float(r.uniform(1.5, 2.2)), _apron(r, 640, 320))
    b.floor(_lounge_carpet if r.random() < 0.6 else _speckle)
    b.ceiling(_slats)
    gate = f"{'ABCDEFGH'[int(r.integers(0, 8))]}{int(r.integers(1, 60))}"
    gx = float(r.choice([-1.0, 1.0])) * float(r.uniform(0.15, 0.3)) * b.w
    gz = b.d - float(r.uniform(2.0, 3.0))
    desk = _cabinet(r, 3, 1, _c(r, 60, 230))
    b.boxes.append(
        Box(
            gx,
            gz,
            2.2,
            0.7,
            1.05,
            0.0,
            {
                "front": desk,
                "left": desk,
                "right": desk,
                "top": _grained(r, 32, 16, (200, 200, 200), 3.0),
            },
        )
    )
    b.boxes.append(Box(gx - 0.5, gz, 0.45, 0.05, 0.32, 1.05, {"front": _screen(r, 32, 24)}))
    sign = _grained(r, 64, 24, (20, 30, 60), 3.0)
    _text(sign, r, gate, 6, 20, 16, (250, 210, 40))
    b.boxes.append(
        Box(gx, gz + 0.1, 1.4, 0.06, 0.5, min(b.h - 0.6, 2.8), {"front": sign, "back": sign})
    )
    colour = _c(r, 30, 220)
    pitch = float(r.uniform(2.6, 3.2))
    rows = 0
    z = float(r.uniform(2.5, 3.5))
    span = b.w * float(r.uniform(0.5, 0.75))
    while z + 1.5 < gz - 1.0 and rows < 4:
        for x0 in (-span / 2, 0.3):
            length = span / 2 - 0.3
            n = max(2, int(length / 0.55))
            front, behind = _beam_seats(r, n, colour, True), _beam_seats(r, n, colour, True)
            tops = _beam_seats(r, n, colour, False)
            b.boxes.append(
                Box(
                    x0 + length / 2,
                    z,
                    length,
                    1.1,
                    0.8,
                    0.0,
                    {
                        "front": front,
                        "back": behind,
                        "top": tops,
                        "left": _steel(r, 16, 16, 90),
                        "right": _steel(r, 16, 16, 90),
                    },
                )
            )
            b.tops.append((x0 + length / 2, z, length * 0.8, 0.6, 0.45))
        z += pitch
        rows += 1
    col = _grained(r, 16, 64, _between(r, (180, 180, 182), (235, 235, 235)), 3.0)
    for _ in range(int(r.integers(1, 4))):
        x = float(r.choice([-1.0, 1.0])) * float(r.uniform(0.35, 0.45)) * b.w
        z = float(r.uniform(3.0, b.d - 3.5))
        b.boxes.append(
            Box(x, z, 0.7, 0.7, b.h, 0.0, {"front": col, "back": col, "left": col, "right": col})
        )
        scr = _flights(r)
        b.boxes.append(
            Box(x, z - 0.36, 1.1, 0.06, 0.65, min(b.h - 0.8, 2.2), {"front": scr, "back": scr})
        )
    for side in ("left", "right"):
        wall = b.wall(side)
        for _ in range(int(r.integers(1, 3))):
            ad = _grained(r, wall.px(1.6), wall.px(1.0), (250, 250, 248), 2.0)
            inner = np.asarray(_outside(r, ad.shape[1] - 8, ad.shape[0] // 2), np.uint8)
            _paste(ad, inner, 4, 4)
            _text(
                ad,
                r,
                _word(r, (2, 3)).upper(),
                6,
                ad.shape[0] - 8,
                max(6, ad.shape[0] // 6),
                _c(r, 20, 200),
            )
            wall.put(ad, 2.3, 2.5)
        _small_things(wall, ("exit", "socket"))
    _door(b.wall("left"), r, _c(r, 60, 230))


# ice rink


def _ice(rng: Rng, w: int, h: int, res: float, width: float, depth: float) -> U8:
    """A rink's ice: white with a blue cast, skate scratches, the red centre line and goal
    lines, blue lines, face-off circles and spots, creases, a centre disc with a word."""
    img = _grained(rng, w, h, _between(rng, (220, 230, 238), (240, 245, 250)), 6.0)
    for _ in range(w * h // 300):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        ln = int(rng.integers(4, 30))
        ang = float(rng.uniform(0, np.pi))
        cv2.line(
            img, (x, y), (int(x + ln * np.cos(ang)), int(y + ln * np.sin(ang))), (205, 215, 225), 1
        )

    def row(z: float) -> int:
        return round((depth - z) * res)

    def col(x: float) -> int:
        return round((x + width / 2) * res)

    red, blue = (200, 30, 40), (30, 60, 170)
    lw = max(2, round(0.3 * res))
    goal = float(rng.uniform(3.0, 4.0))
    for z, c, t in (
        (depth / 2, red, lw),
        (goal, red, max(1, lw // 3)),
        (depth - goal, red, max(1, lw // 3)),
        (depth * 0.35, blue, lw),
        (depth * 0.65, blue, lw),
    ):
        cv2.line(img, (0, row(z)), (w, row(z)), c, t)
    rad = max(2, round(min(4.5, width * 0.17) * res))
    cv2.circle(img, (col(0), row(depth / 2)), rad, blue, max(1, lw // 3))
    cv2.circle(img, (col(0), row(depth / 2)), max(2, lw), blue, -1)
    for z in (goal + 3.0, depth - goal - 3.0):
        for x in (-width * 0.27, width * 0.27):
            cv2.circle(img, (col(x), row(z)), rad, red, max(1, lw // 3))
            cv2.circle(img, (col(x), row(z)), max(2, lw), red, -1)
    for z, sgn in ((goal, 1), (depth - goal, -1)):
        cv2.ellipse(
            img,
            (col(0), row(z)),
            (round(1.8 * res), round(1.8 * res)),
            0,
            180 if sgn > 0 else 0,
            360 if sgn > 0 else 180,
            (120, 170, 230),
            -1,
        )
    logo = round(min(2.0, width * 0.08) * res)
    cv2.circle(img, (col(0), row(depth / 2)), logo, _c(rng, 40, 220), -1)
    _text(
        img,
        rng,
        _word(rng, (1, 2)).upper(),
        col(0) - logo + 2,
        row(depth / 2) + logo // 4,
        max(4, logo // 2),
        (250, 250, 250),
    )
    return img


def _rink_wall(b: _Build, name: str, rng: Rng, ads: list[Colour], stands: bool) -> None:
    """A rink's wall: the dasher boards to 1.07 m (a yellow kick plate, advertising
    panels, a top rail), the glass above them, and above that tiers of seats (sides) or
    banners (ends)."""
    wall = b.wall(name)
    img = wall.img
    th, tw = img.shape[:2]
    base = _between(rng, (60, 62, 70), (150, 150, 155))
    img[:] = _grained(rng, tw, th, base, 5.0)
    y_rail, y_kick = wall.y_of(1.07), wall.y_of(0.2)
    img[y_rail:] = (245, 245, 242)
    img[y_kick:] = (240, 200, 40)
    step = max(8, wall.px(2.4))
    for x in range(int(rng.integers(0, step)), tw, step):
        ad = ads[int(rng.integers(0, len(ads)))]
        x1 = min(tw - 1, x + step - wall.px(0.2))
        cv2.rectangle(img, (x, y_rail + wall.px(0.12)), (x1, y_kick - wall.px(0.08)), ad, -1)
        _text(
            img,
            rng,
            _word(rng, (1, 3)).upper(),
            x + wall.px(0.1),
            y_kick - wall.px(0.25),
            max(4, wall.px(0.35)),
            (250, 250, 250),
        )
    cv2.rectangle(img, (0, y_rail - max(1, wall.px(0.06))), (tw, y_rail + 1), (40, 80, 170), -1)
    y_glass = wall.y_of(min(b.h - 1.0, float(rng.uniform(2.2, 2.6))))
    glass = img[y_glass:y_rail].astype(np.float32)
    img[y_glass:y_rail] = _u8(glass * 0.8 + np.array([200, 215, 225], np.float32) * 0.2)
    for x in range(0, tw, max(6, wall.px(1.5))):
        cv2.line(img, (x, y_glass), (x, y_rail), (200, 210, 215), 1)
    if stands:
        seat = _c(rng, 30, 220)
        rise = max(3, wall.px(0.45))
        for y in range(y_glass - wall.px(0.5), wall.y_of(b.h - 0.8), -rise):
            cv2.rectangle(img, (0, y - rise), (tw, y), _shade(base, 0.8), -1)
            for x in range(int(rng.integers(0, 6)), tw, max(3, wall.px(0.5))):
                if x % max(8, wall.px(8.0)) < wall.px(1.2):
                    continue
                cv2.rectangle(img, (x, y - rise + 2), (x + max(2, wall.px(0.4)), y - 1), seat, -1)
    else:
        for _ in range(int(rng.integers(3, 7))):
            bw = wall.px(float(rng.uniform(1.0, 2.0)))
            x = int(rng.integers(0, max(1, tw - bw)))
            y = wall.y_of(b.h - 0.6)
            cv2.rectangle(
                img,
                (x, y),
                (x + bw, y + wall.px(float(rng.uniform(1.2, 2.0)))),
                _c(rng, 30, 250),
                -1,
            )
            _text(
                img,
                rng,
                _word(rng, (1, 2)).upper(),
                x + 2,
                y + wall.px(0.5),
                max(4, wall.px(0.3)),
                (250, 250, 250),
            )
    wall.claim(0, wall.y_of(b.h - 0.5), tw, th - wall.y_of(b.h - 0.5), gap=0)


def _goal(rng: Rng) -> dict[str, U8]:
    """An ice hockey goal: red posts and crossbar, a white net."""
    net = _grained(rng, 48, 32, (230, 232, 235), 3.0)
    for x in range(0, 48, 3):
        cv2.line(net, (x, 0), (x, 31), (170, 175, 180), 1)
    for y in range(0, 32, 3):
        cv2.line(net, (0, y), (47, y), (170, 175, 180), 1)
    front = net.copy()
    cv2.rectangle(front, (0, 0), (47, 31), (200, 30, 40), 3)
    return {"front": front, "top": net, "left": net, "right": net, "back": net}


def _build_rink(b: _Build) -> None:
    """An ice rink: marked ice, dasher boards with advertising all round, the glass over
    them, tiers of seats up the sides, banners over the ends, a roof or rafters with rows
    of lights, a goal at the far end, a scoreboard hanging over the centre, a few cones."""
    r = b.fix
    tw, th, res = b.texels("floor")
    b.fill("floor", _ice(r, tw, th, res, b.w, b.d))
    ads = [_c(r, 20, 230) for _ in range(int(r.integers(3, 7)))]
    for name in ("back", "left", "right", "front"):
        _rink_wall(b, name, r, ads, name in ("left", "right"))

    def ceiling(g: Rng, w: int, h: int, res_: float) -> U8:
        img = _rafters(g, w, h, res_) if g.random() < 0.5 else _roof(g, w, h, res_)
        for y in range(max(2, round(3 * res_)), h, max(4, round(6 * res_))):
            for x in range(max(2, round(2 * res_)), w, max(4, round(4 * res_))):
                cv2.rectangle(img, (x - 2, y - 1), (x + 2, y + 1), (252, 250, 240), -1)
        return img

    b.ceiling(ceiling)
    goal = _goal(r)
    line = float(r.uniform(3.0, 4.0))
    b.boxes.append(Box(0.0, b.d - line + 0.55, 1.83, 1.1, 1.22, 0.0, goal))
    board = _grained(r, 64, 48, (20, 20, 24), 3.0)
    for k, x in enumerate((6, 40)):
        cv2.rectangle(board, (x, 10), (x + 18, 26), (10, 10, 10), -1)
        _text(
            board,
            r,
            str(int(r.integers(0, 10))),
            x + 4,
            24,
            12,
            (250, 60, 40) if k else (250, 200, 40),
        )
    _text(
        board,
        r,
        f"{int(r.integers(0, 20)):02d}:{int(r.integers(0, 60)):02d}",
        18,
        42,
        9,
        (250, 250, 250),
    )
    b.boxes.append(
        Box(
            0.0,
            b.d / 2,
            2.6,
            2.6,
            1.8,
            b.h - 2.6,
            {"front": board, "back": board, "left": board, "right": board},
        )
    )
    fl = _Floor(b.w, b.d, 4.0)
    cone = _grained(r, 16, 16, (250, 120, 20), 3.0)
    for _ in range(int(r.integers(0, 4))):
        spot = fl.middle(r, 0.3, 0.3)
        if spot:
            x, z, _w, _d, _f = spot
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.25,
                    0.25,
                    0.35,
                    0.0,
                    {"front": cone, "left": cone, "right": cone, "top": cone},
                )
            )
    front = b.wall("front")
    _small_things(front, ("exit",))
    b.wall("back").put(
        _sign(r, b.wall("back").px(3.0), b.wall("back").px(0.6)), b.h - 0.9, b.h - 0.8
    )


# public aquarium


def _fish(
    img: U8, rng: Rng, x: int, y: int, size: int, body: Colour, stripe: Colour | None, left: bool
) -> None:
    """One fish from the side: a body, a tail, an eye, maybe a stripe."""
    sgn = -1 if left else 1
    cv2.ellipse(img, (x, y), (size, max(1, size // 2)), 0, 0, 360, body, -1)
    tail = np.array(
        [
            [x - sgn * size, y],
            [x - sgn * (size + size // 2 + 1), y - size // 2],
            [x - sgn * (size + size // 2 + 1), y + size // 2],
        ]
    )
    cv2.fillPoly(img, [tail.astype(np.int32)], body)
    if stripe is not None:
        cv2.line(img, (x, y - size // 2), (x, y + size // 2), stripe, max(1, size // 4))
    cv2.circle(img, (x + sgn * size * 2 // 3, y - size // 6), max(1, size // 6), (15, 15, 15), -1)


def _tank(rng: Rng, w: int, h: int) -> U8:
    """A lit display tank: water shading from pale at the top to deep below with shafts of
    light, sand and rocks, weed or coral, a shoal of two to five kinds of fish (or pale
    jellyfish in dark water), rising bubbles."""
    jelly = rng.random() < 0.2
    top = (
        _between(rng, (60, 160, 190), (120, 210, 220))
        if not jelly
        else _between(rng, (20, 40, 90), (40, 70, 130))
    )
    deep = _between(rng, (10, 50, 100), (30, 90, 130)) if not jelly else (5, 10, 30)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    img = _u8(
        np.array(top, np.float32) * (1 - t)
        + np.array(deep, np.float32) * t
        + np.zeros((1, w, 1), np.float32)
    )
    img = _u8(img.astype(np.float32) + 10 * (_field(rng, w, h, max(3, w // 8))[:, :, None] - 0.5))
    for _ in range(int(rng.integers(2, 5))):
        x = int(rng.integers(0, w))
        cv2.line(
            img,
            (x, 0),
            (x + int(rng.integers(-w // 4, w // 4)), h),
            _lighter(top, 1.15),
            max(1, w // 30),
        )
    if jelly:
        for _ in range(int(rng.integers(4, 12))):
            x, y, rad = (
                int(rng.integers(0, w)),
                int(rng.integers(0, h)),
                int(rng.integers(max(2, w // 40), max(3, w // 14))),
            )
            col = _pick(rng, [(240, 200, 210), (230, 230, 250), (250, 180, 120)])
            cv2.ellipse(img, (x, y), (rad, rad * 2 // 3), 0, 180, 360, col, -1)
            for k in range(-2, 3):
                cv2.line(
                    img,
                    (x + k * rad // 3, y),
                    (x + k * rad // 3 + int(rng.integers(-2, 3)), y + rad * 2),
                    col,
                    1,
                )
        return img
    sand_y = h - max(2, int(h * float(rng.uniform(0.12, 0.22))))
    img[sand_y:] = _grained(
        rng, w, h - sand_y, _between(rng, (170, 150, 110), (225, 205, 160)), 10.0
    )
    for _ in range(int(rng.integers(3, 8))):
        x = int(rng.integers(0, w))
        rw = int(rng.integers(max(3, w // 20), max(4, w // 7)))
        cv2.ellipse(
            img,
            (x, sand_y + 2),
            (rw, rw * 2 // 3),
            0,
            180,
            360,
            _between(rng, (70, 70, 75), (140, 130, 120)),
            -1,
        )
    for _ in range(int(rng.integers(4, 14))):
        x = int(rng.integers(0, w))
        col = _pick(
            rng, [(40, 130, 50), (70, 160, 60), (230, 100, 90), (240, 150, 60), (180, 80, 170)]
        )
        y = sand_y - int(rng.integers(h // 8, h // 2))
        cv2.line(
            img,
            (x, sand_y),
            (x + int(rng.integers(-w // 20, w // 20 + 1)), y),
            col,
            int(rng.integers(1, max(2, w // 40))),
        )
    kinds = []
    for _ in range(int(rng.integers(2, 6))):
        body = _pick(
            rng,
            [
                (250, 140, 30),
                (250, 220, 40),
                (60, 110, 220),
                (230, 230, 235),
                (220, 60, 60),
                (60, 200, 200),
            ],
        )
        stripe = _c(rng, 0, 256) if rng.random() < 0.5 else None
        kinds.append((body, stripe, int(rng.integers(max(2, w // 60), max(3, w // 25)))))
    for _ in range(int(rng.integers(12, 40))):
        body, stripe, size = kinds[int(rng.integers(0, len(kinds)))]
        _fish(
            img,
            rng,
            int(rng.integers(0, w)),
            int(rng.integers(h // 10, sand_y - 2)),
            size,
            body,
            stripe,
            rng.random() < 0.5,
        )
    for _ in range(int(rng.integers(1, 3))):
        x = int(rng.integers(0, w))
        for y in range(sand_y, 0, -max(3, h // 20)):
            cv2.circle(img, (x + int(rng.integers(-2, 3)), y), 1, (220, 240, 250), -1)
    return img


def _panel(rng: Rng, w: int, h: int) -> U8:
    """A lit label panel by a tank: a title, a fish's outline, lines of text."""
    img = _grained(rng, w, h, _between(rng, (200, 220, 230), (245, 250, 252)), 3.0)
    _text(
        img, rng, _word(rng, (2, 3)).capitalize(), 3, max(6, h // 6), max(5, h // 8), (20, 40, 70)
    )
    _fish(img, rng, w * 2 // 3, h // 3, max(3, w // 8), (20, 60, 110), None, False)
    for y in range(h // 2, h - 3, max(3, h // 12)):
        cv2.line(img, (3, y), (3 + int(w * float(rng.uniform(0.5, 0.9))), y), (110, 120, 130), 1)
    return img


def _build_aquarium(b: _Build) -> None:
    """A public aquarium's hall: dark walls and ceiling, a big tank across the back wall,
    one to three smaller tanks in each side wall (some round), lit label panels, benches
    before the big tank, a rail, a dark floor."""
    r = b.fix
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        b.fill(name, _grained(r, tw, th, _between(r, (10, 20, 35), (40, 55, 75)), 5.0))
    b.floor(lambda g, w, h, res: _grained(g, w, h, _between(g, (15, 20, 35), (50, 55, 65)), 6.0))

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (12, 14, 20), 3.0)
        for _ in range(w * h // 400):
            cv2.circle(img, (int(g.integers(0, w)), int(g.integers(0, h))), 1, (200, 220, 250), -1)
        return img

    b.ceiling(ceiling)
    back = b.wall("back")
    tw_ = min(b.w - 1.0, b.w * float(r.uniform(0.6, 0.85)))
    th_ = min(b.h - 0.8, float(r.uniform(1.8, 2.6)))
    low = float(r.uniform(0.4, 0.7))
    along = (b.w - tw_) / 2
    tank = _tank(r, back.px(tw_), back.px(th_))
    _window(back, r, tank, along, low, tw_, th_, (20, 20, 24))
    frame = (20, 20, 24)
    for side in ("left", "right"):
        wall = b.wall(side)
        for _ in range(int(r.integers(1, 4))):
            ww, wh = float(r.uniform(0.9, 2.0)), float(r.uniform(0.7, 1.2))
            pat = _tank(r, wall.px(ww), wall.px(wh))
            if r.random() < 0.3:
                disc = np.zeros_like(pat)
                cv2.circle(
                    disc,
                    (pat.shape[1] // 2, pat.shape[0] // 2),
                    min(pat.shape[:2]) // 2,
                    (255, 255, 255),
                    -1,
                )
                bg = wall.img[0:1, 0:1].astype(np.float32)
                pat = _u8(np.where(disc > 0, pat.astype(np.float32), bg))
            spot = wall.put(pat, 0.9 + wh, 1.2 + wh)
            if spot:
                cv2.rectangle(
                    wall.img,
                    spot,
                    (spot[0] + pat.shape[1], spot[1] + pat.shape[0]),
                    frame,
                    max(2, wall.px(0.05)),
                )
                wall.put(_panel(r, wall.px(0.4), wall.px(0.5)), 1.6, 1.7)
    back.put(_panel(r, back.px(0.45), back.px(0.55)), 1.5, 1.6)
    rail = _steel(r, 64, 8, 150)
    b.boxes.append(Box(0.0, b.d - 0.5, tw_, 0.05, 0.05, 0.95, {"front": rail, "top": rail}))
    for k in (-0.5, 0.5):
        b.boxes.append(
            Box(
                k * tw_,
                b.d - 0.5,
                0.05,
                0.05,
                0.95,
                0.0,
                {"front": rail, "left": rail, "right": rail},
            )
        )
    fl = _Floor(b.w, b.d - 1.0, 2.0)
    bench = {"front": _wood(r, 64, 16, _wood_tone(r), 8), "top": _planks(r, 64, 16, 30)}
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, float(r.uniform(1.5, 2.2)), 0.45)
        if spot:
            _add(b.boxes, b.tops, "bench", bench, spot, 0.45)
    for name in ("left", "right", "front"):
        _small_things(b.wall(name), ("exit",))
    _door(b.wall("front"), r, (40, 45, 55))


# amusement arcade


def _game_screen(rng: Rng, w: int, h: int) -> U8:
    """A video game's attract screen: a dark or bright ground, blocky scenery, sprites, a
    score line."""
    img = _grained(rng, w, h, _c(rng, 0, 120), 4.0)
    block = max(2, w // 12)
    land = _c(rng, 60, 256)
    gy = h - int(rng.integers(block, 3 * block))
    img[gy:] = land
    for x in range(0, w, block):
        if rng.random() < 0.4:
            top = gy - block * int(rng.integers(1, 4))
            cv2.rectangle(img, (x, top), (x + block - 1, gy), _shade(land, 0.7), -1)
    for _ in range(int(rng.integers(2, 6))):
        x, y = int(rng.integers(0, w - block)), int(rng.integers(block, max(block + 1, gy - block)))
        cv2.rectangle(img, (x, y), (x + block, y + block), _c(rng, 100, 256), -1)
    _text(
        img,
        rng,
        f"{int(rng.integers(0, 99999)):05d}",
        2,
        max(5, h // 8),
        max(4, h // 10),
        (250, 250, 250),
    )
    return img


def _arcade_cabinet(rng: Rng, colour: Colour) -> dict[str, U8]:
    """An upright arcade cabinet: a lit marquee with the game's name, the screen, a
    control panel with a stick and buttons, a coin door; side art in the cabinet's
    colour."""
    front = _grained(rng, 48, 96, (25, 25, 28), 3.0)
    marquee = _c(rng, 80, 256)
    cv2.rectangle(front, (2, 2), (45, 16), marquee, -1)
    _text(front, rng, _word(rng, (1, 2)).upper(), 5, 13, 8, _shade(marquee, 0.3))
    _paste(front, _game_screen(rng, 40, 32), 4, 20)
    cv2.rectangle(front, (2, 55), (45, 64), _shade(colour, 0.8), -1)
    cv2.circle(front, (11, 59), 2, (200, 30, 30), -1)
    for k in range(4):
        cv2.circle(front, (22 + 6 * k, 60), 2, _c(rng, 100, 256), -1)
    cv2.rectangle(front, (16, 72), (31, 86), (60, 60, 64), -1)
    cv2.rectangle(front, (19, 75), (22, 79), (250, 90, 40), -1)
    cv2.rectangle(front, (25, 75), (28, 79), (250, 90, 40), -1)
    side = _grained(rng, 48, 96, colour, 6.0)
    for _ in range(int(rng.integers(2, 5))):
        cv2.circle(
            side,
            (int(rng.integers(0, 48)), int(rng.integers(0, 96))),
            int(rng.integers(5, 18)),
            _c(rng, 60, 256),
            -1,
        )
    cv2.line(side, (0, 60), (47, 30), _lighter(colour, 1.5), 3)
    return {
        "front": front,
        "left": side,
        "right": side,
        "back": _grained(rng, 16, 16, (30, 30, 32), 3.0),
        "top": _grained(rng, 16, 16, (30, 30, 32), 3.0),
    }


def _pusher(rng: Rng) -> U8:
    """A coin pusher's front: chasing lights round the glass, shelves heaped with gold
    coins, a header."""
    img = _grained(rng, 64, 96, _c(rng, 30, 200), 5.0)
    cv2.rectangle(img, (4, 16), (59, 78), (30, 30, 40), -1)
    for k, y in enumerate((40, 58, 74)):
        cv2.rectangle(img, (6, y), (57, y + 3), (180, 180, 190), -1)
        for _ in range(18 + 6 * k):
            cv2.ellipse(
                img,
                (int(rng.integers(8, 56)), y - int(rng.integers(0, 6))),
                (3, 1),
                0,
                0,
                360,
                _between(rng, (200, 160, 30), (250, 215, 80)),
                -1,
            )
    for x in range(4, 60, 5):
        for y in (14, 80):
            cv2.circle(img, (x, y), 1, _c(rng, 150, 256), -1)
    cv2.rectangle(img, (0, 0), (63, 11), _c(rng, 100, 256), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 4, 9, 7, (20, 20, 20))
    return img


def _claw(rng: Rng) -> U8:
    """A claw machine's front: a lit header, the claw on its gantry, a heap of soft toys
    (plain round shapes in bright colours), a prize chute, buttons."""
    img = _grained(rng, 48, 96, _c(rng, 60, 256), 5.0)
    cv2.rectangle(img, (3, 12), (44, 70), (215, 225, 235), -1)
    cv2.line(img, (3, 16), (44, 16), (120, 120, 125), 1)
    x = int(rng.integers(10, 38))
    cv2.line(img, (x, 16), (x, 30), (120, 120, 125), 1)
    cv2.line(img, (x, 30), (x - 4, 36), (150, 150, 155), 1)
    cv2.line(img, (x, 30), (x + 4, 36), (150, 150, 155), 1)
    for _ in range(int(rng.integers(12, 24))):
        cx, cy = int(rng.integers(6, 42)), int(rng.integers(48, 68))
        cv2.circle(img, (cx, cy), int(rng.integers(3, 6)), _c(rng, 90, 256), -1)
    cv2.rectangle(img, (30, 58), (44, 70), (240, 240, 245), -1)
    cv2.rectangle(img, (3, 74), (44, 84), _shade(_c(rng, 60, 256), 0.7), -1)
    cv2.circle(img, (14, 79), 3, (240, 40, 40), -1)
    cv2.rectangle(img, (0, 0), (47, 9), _c(rng, 100, 256), -1)
    _text(img, rng, _word(rng, (1, 2)).upper(), 3, 8, 6, (20, 20, 20))
    return img


def _prizes(rng: Rng, w: int, h: int) -> U8:
    """The prize counter's shelves: rows of boxed prizes, tubs and cards of sweets."""
    img = _grained(rng, w, h, (240, 240, 245), 3.0)
    shelves = int(rng.integers(3, 6))
    sh = h // shelves
    for k in range(shelves):
        y1 = (k + 1) * sh - 3
        x = 2
        while x < w - 6:
            iw = int(rng.integers(4, max(5, w // 8)))
            ih = int(sh * float(rng.uniform(0.4, 0.9)))
            cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), _c(rng, 40, 256), -1)
            x += iw + 2
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), (120, 120, 130), -1)
    return img


def _arcade_wall(rng: Rng, w: int, h: int, res: float) -> U8:
    """An arcade's wall: black or deep purple with lines of coloured LED strip."""
    img = _grained(rng, w, h, _between(rng, (8, 8, 12), (40, 20, 60)), 4.0)
    strips = [_c(rng, 120, 256) for _ in range(2)]
    for y in range(max(2, round(0.5 * res)), h, max(4, round(float(rng.uniform(0.6, 1.2)) * res))):
        cv2.line(img, (0, y), (w, y), strips[(y // 7) % 2], max(1, round(0.03 * res)))
    return img


def _space_carpet(rng: Rng, w: int, h: int, res: float) -> U8:
    """An arcade carpet: a near-black ground with ringed planets, stars and zigzags."""
    img = _grained(rng, w, h, _between(rng, (10, 10, 25), (40, 20, 60)), 5.0)
    cols = [_c(rng, 100, 256) for _ in range(4)]
    step = max(6, round(0.5 * res))
    for y in range(0, h, step):
        for x in range(0, w, step):
            c = cols[int(rng.integers(0, 4))]
            what = rng.random()
            cx, cy = x + int(rng.integers(0, step)), y + int(rng.integers(0, step))
            if what < 0.3:
                cv2.circle(img, (cx, cy), max(1, step // 5), c, -1)
                cv2.ellipse(
                    img, (cx, cy), (max(2, step // 3), max(1, step // 10)), -20, 0, 360, c, 1
                )
            elif what < 0.6:
                cv2.line(img, (cx - 2, cy), (cx + 2, cy), c, 1)
                cv2.line(img, (cx, cy - 2), (cx, cy + 2), c, 1)
            elif what < 0.8:
                pts = np.array(
                    [
                        [cx, cy],
                        [cx + step // 4, cy + step // 5],
                        [cx + step // 8, cy + step // 5],
                        [cx + step // 3, cy + step // 2],
                    ]
                )
                cv2.polylines(img, [pts.astype(np.int32)], False, c, 1)
    return img


def _build_arcade(b: _Build) -> None:
    """An amusement arcade: dark walls with LED strips and game posters, a space carpet,
    a dark ceiling with spotlights, cabinets along both walls facing in and an island of
    them back to back down the middle, coin pushers and claw machines at the back, a
    change machine, a prize counter; the camera stands in an aisle."""
    r = b.fix
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _arcade_wall(r, tw, th, res))
    b.floor(_space_carpet)

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, (18, 18, 22), 3.0)
        step = max(4, round(1.2 * res))
        for y in range(step // 2, h, step):
            for x in range(step // 2, w, step):
                cv2.circle(img, (x, y), max(1, round(0.05 * res)), (250, 245, 220), -1)
        return img

    b.ceiling(ceiling)
    colours = [_c(r, 30, 230) for _ in range(4)]
    z0, z1 = float(r.uniform(1.8, 2.6)), b.d - float(r.uniform(2.6, 3.4))
    for side in ("left", "right"):
        z = z0
        while z + 0.75 < z1:
            cab = _arcade_cabinet(r, colours[int(r.integers(0, 4))])
            b.boxes.append(
                Box(
                    _side_x(b, side, 0.9),
                    z + 0.37,
                    0.9,
                    0.72,
                    float(r.uniform(1.75, 1.95)),
                    0.0,
                    _faces(cab, _inward(side)),
                )
            )
            z += 0.75
    island = b.w > 9.0 or r.random() < 0.5
    aisle = 0.0
    if island:
        x = float(r.uniform(-0.1, 0.1)) * b.w
        z = z0 + 0.8
        while z + 0.75 < z1 - 0.6:
            for facing in ("left", "right"):
                cab = _arcade_cabinet(r, colours[int(r.integers(0, 4))])
                off = -0.45 if facing == "left" else 0.45
                b.boxes.append(
                    Box(
                        x + off,
                        z + 0.37,
                        0.9,
                        0.72,
                        float(r.uniform(1.75, 1.95)),
                        0.0,
                        _faces(cab, facing),
                    )
                )
            z += 0.75
        aisle = (
            (x - 0.9 + (-b.w / 2 + 0.9)) / 2
            if r.random() < 0.5
            else (x + 0.9 + (b.w / 2 - 0.9)) / 2
        )
    top = _grained(r, 16, 16, (40, 40, 44), 3.0)
    x = -b.w / 2 + 0.8
    while x + 0.9 < b.w / 2 - 0.8:
        if r.random() < 0.5:
            b.boxes.append(
                Box(
                    x + 0.6,
                    b.d - 1.2,
                    1.2,
                    1.0,
                    1.9,
                    0.0,
                    {"front": _pusher(r), "top": top, "left": top, "right": top},
                )
            )
            x += 1.3
        else:
            b.boxes.append(
                Box(
                    x + 0.45,
                    b.d - 1.2,
                    0.9,
                    0.9,
                    2.0,
                    0.0,
                    {"front": _claw(r), "top": top, "left": _claw(r), "right": _claw(r)},
                )
            )
            x += 1.0
    back = b.wall("back")
    back.put(_prizes(r, back.px(float(r.uniform(2.0, 3.0))), back.px(1.2)), 2.2, 2.3)
    back.put(_lit_text_board(r, back.px(2.0), back.px(0.4), _c(r, 60, 256)), b.h - 0.15, b.h - 0.1)
    for name in ("left", "right"):
        _poster(b.wall(name), int(r.integers(1, 4)))
        _small_things(b.wall(name), ("exit",))
    change = _grained(r, 32, 64, (190, 190, 195), 3.0)
    cv2.rectangle(change, (6, 8), (26, 20), (20, 60, 30), -1)
    _text(change, r, "0.00", 8, 18, 7, (90, 250, 120))
    cv2.rectangle(change, (10, 40), (22, 46), (40, 40, 40), -1)
    b.boxes.append(
        Box(
            float(r.choice([-1.0, 1.0])) * (b.w / 2 - 0.3),
            1.0,
            0.5,
            0.45,
            1.6,
            0.0,
            {"front": change, "left": change, "right": change, "top": top},
        )
    )
    _door(b.wall("front"), r, _c(r, 40, 230))
    _b17(b).stand = (aisle, 0.0)


# fabric shop


def _bolts(rng: Rng, w: int, h: int) -> U8:
    """Shelving of bolts of cloth standing on end: cubbies three to five high, each bolt
    a narrow panel of its own cloth, a card label on some."""
    frame = _between(rng, (60, 45, 35), (230, 225, 215))
    img = _grained(rng, w, h, _shade(frame, 0.5), 4.0)
    rows = int(rng.integers(3, 6))
    rh = h // rows
    for r in range(rows):
        x = 2
        y0, y1 = r * rh + 3, (r + 1) * rh - 2
        while x < w - 4:
            bw = int(rng.integers(3, 7))
            _paste(img, _swatch(rng, bw, y1 - y0), x, y0)
            if rng.random() < 0.3:
                cv2.rectangle(img, (x, y0 + 2), (x + bw - 1, y0 + 5), (245, 245, 240), -1)
            x += bw + 1
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), frame, -1)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), frame, 2)
    return img


def _laid_bolts(rng: Rng, w: int, h: int) -> U8:
    """A table of bolts lying flat, from above: rows of wide bands of cloth."""
    img = _grained(rng, w, h, _wood_tone(rng), 4.0)
    y = 2
    while y < h - 4:
        bh = int(rng.integers(4, 8))
        _paste(img, _swatch(rng, w - 4, bh), 2, y)
        y += bh + 1
    return img


def _rolls(rng: Rng, w: int, h: int) -> U8:
    """A wall rack of rolls on bars (oilcloth, netting, felt): horizontal rolls of cloth
    with their ends on steel arms."""
    img = _grained(rng, w, h, (70, 70, 74), 3.0)
    rolls = max(2, h // 10)
    rh = h // rolls
    for k in range(rolls):
        y = k * rh + 1
        _paste(img, _swatch(rng, w - 8, rh - 2), 4, y)
        cv2.line(img, (4, y + rh // 2), (w - 5, y + rh // 2), (255, 255, 255), 1)
        cv2.rectangle(img, (0, y + rh // 2 - 1), (4, y + rh // 2 + 1), (180, 180, 185), -1)
    return img


def _notions(rng: Rng, w: int, h: int) -> U8:
    """A haberdashery wall: pegboard hung with cards of buttons, reels of ribbon and
    thread, zips."""
    img = _grained(rng, w, h, (235, 232, 225), 3.0)
    cell = max(8, w // 10)
    for y in range(2, h - cell, cell):
        for x in range(2, w - cell, cell):
            what = rng.random()
            c = _c(rng, 20, 256)
            if what < 0.35:
                cv2.rectangle(
                    img, (x + 1, y + 1), (x + cell - 2, y + cell - 2), (250, 250, 250), -1
                )
                for k in range(4):
                    cv2.circle(
                        img,
                        (x + 3 + (k % 2) * (cell // 2), y + 3 + (k // 2) * (cell // 2)),
                        max(1, cell // 6),
                        c,
                        -1,
                    )
            elif what < 0.7:
                cv2.circle(img, (x + cell // 2, y + cell // 2), cell // 2 - 1, c, -1)
                cv2.circle(
                    img, (x + cell // 2, y + cell // 2), max(1, cell // 6), (235, 230, 220), -1
                )
            else:
                cv2.line(
                    img, (x + cell // 2, y + 1), (x + cell // 2, y + cell - 1), c, max(1, cell // 5)
                )
    return img


def _build_fabric(b: _Build) -> None:
    """A fabric shop: pale paint, boards or lino, a plain or tiled ceiling, a shop front,
    shelving of bolts on end along both walls, tables of bolts lying flat down the middle,
    a cutting counter with a brass rule, a rack of rolls and a haberdashery wall at the
    back, a pattern-book table."""
    r = b.fix
    b.paint_walls(_between(r, (215, 210, 200), (250, 248, 240)))
    b.floor(_planks if r.random() < 0.6 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    sh = min(b.h - 0.5, float(r.uniform(2.0, 2.4)))
    for side in ("left", "right"):
        z = float(r.uniform(1.0, 1.6))
        while z + 1.2 < b.d - 0.6:
            b.boxes.append(
                Box(
                    _side_x(b, side, 0.5),
                    z + 0.6,
                    0.5,
                    1.2,
                    sh,
                    0.0,
                    _faces(
                        {
                            "front": _bolts(r, 96, 128),
                            "top": _grained(r, 16, 16, (200, 200, 200), 3.0),
                        },
                        _inward(side),
                    ),
                )
            )
            z += 1.2
    fl = _Floor(b.w, b.d - 0.3, 1.6)
    for side in ("left", "right"):
        fl.take(_side_x(b, side, 0.5), b.d / 2, 0.6, b.d)
    spot = fl.against(r, min(b.w - 2.6, float(r.uniform(1.8, 2.6))), 0.8, ("back",))
    if spot:
        rule = _grained(r, 64, 24, _wood_tone(r), 4.0)
        cv2.rectangle(rule, (0, 2), (63, 5), (210, 175, 70), -1)
        for x in range(0, 64, 3):
            cv2.line(rule, (x, 2), (x, 4 if x % 15 else 6), (60, 50, 30), 1)
        _paste(rule, _swatch(r, 30, 12), 18, 9)
        _box(b, spot, 0.9, {"front": _cabinet(r, 3, 2, _wood_tone(r)), "top": rule})
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, float(r.uniform(1.2, 1.8)), 0.9)
        if spot:
            _add(
                b.boxes,
                b.tops,
                "table",
                {"front": _wood(r, 64, 32, _wood_tone(r), 6), "top": _laid_bolts(r, 64, 48)},
                spot,
                0.85,
            )
    back = b.wall("back")
    back.put(_rolls(r, back.px(float(r.uniform(1.5, 2.2))), back.px(1.2)), 2.6, 2.7)
    back.put(_notions(r, back.px(float(r.uniform(1.0, 1.6))), back.px(1.0)), 2.2, 2.4)
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.1, b.h - 0.05)
    spot = fl.against(r, 0.6, 0.6, ("back",))
    if spot:
        books = _grained(r, 32, 32, _wood_tone(r), 4.0)
        for k in range(3):
            cv2.rectangle(books, (3 + 9 * k, 6), (10 + 9 * k, 26), _c(r, 40, 240), -1)
        _box(b, spot, 0.75, {"front": _wood(r, 32, 32, _wood_tone(r), 6), "top": books})
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",))
    _door(back, r, _c(r, 60, 230))


# tile showroom


def _tile_board(rng: Rng, w: int, h: int) -> U8:
    """A sample board of one tile: squares, metro bricks, hexagons, encaustic, wood-look
    planks or marble-look slabs, with a label strip under it."""
    a, b2 = _c(rng, 30, 250), _c(rng, 30, 250)
    grout = _pick(rng, [(230, 230, 228), (60, 60, 62), (170, 165, 160)])
    body_h = h - max(3, h // 8)
    img = np.full((h, w, 3), (245, 245, 242), np.uint8)
    face = _grained(rng, w, body_h, a, 5.0)
    kind = int(rng.integers(0, 6))
    t = max(3, w // int(rng.integers(4, 9)))
    if kind == 0:
        face = _tiles(rng, w, body_h, t, a, grout)
    elif kind == 1:  # metro
        for y in range(0, body_h, t // 2 + 1):
            off = (y // (t // 2 + 1) % 2) * t // 2
            for x in range(-off, w, t):
                cv2.rectangle(face, (x, y), (x + t - 1, y + t // 2), grout, 1)
    elif kind == 2:  # hexagons
        r = max(2, t // 2)
        for row, y in enumerate(range(0, body_h + r, int(r * 1.5))):
            for x in range(-(row % 2) * r, w + r, 2 * r):
                pts = np.array(
                    [
                        [x + r * np.cos(k * np.pi / 3), y + r * np.sin(k * np.pi / 3)]
                        for k in range(6)
                    ]
                )
                cv2.polylines(face, [pts.astype(np.int32)], True, grout, 1)
    elif kind == 3:  # encaustic
        for y in range(0, body_h, t):
            for x in range(0, w, t):
                cv2.circle(face, (x + t // 2, y + t // 2), max(1, t // 3), b2, 1)
                cv2.line(face, (x, y), (x + t, y + t), b2, 1)
                cv2.line(face, (x + t, y), (x, y + t), b2, 1)
                cv2.rectangle(face, (x, y), (x + t, y + t), grout, 1)
    elif kind == 4:  # wood-look planks
        face = _wood(rng, w, body_h, _wood_tone(rng), max(3, w // 5), along_x=False)
    else:  # marble
        face = _grained(rng, w, body_h, _between(rng, (215, 215, 212), (245, 245, 242)), 4.0)
        for _ in range(int(rng.integers(3, 8))):
            pts = np.cumsum(rng.integers(-3, 4, (12, 2)), axis=0) + np.array(
                [rng.integers(0, w), rng.integers(0, body_h)]
            )
            cv2.polylines(face, [pts.astype(np.int32)], False, _c(rng, 90, 180), 1)
        cv2.line(face, (w // 2, 0), (w // 2, body_h), grout, 1)
    img[:body_h] = face
    _text(img, rng, _word(rng, (1, 2)).upper(), 2, h - 1, max(3, h // 10), (40, 40, 40))
    return img


def _tile_wall(wall: _Wall, rng: Rng, low: float, high: float) -> None:
    """Sample boards hung side by side along a wall between ``low`` and ``high`` m."""
    bw = wall.px(float(rng.uniform(0.5, 0.7)))
    bh = wall.px(high - low)
    gap = max(2, wall.px(0.08))
    tw = wall.img.shape[1]
    y = wall.y_of(high)
    for x in range(gap, tw - bw - gap, bw + gap):
        if wall.claim(x, y, bw, bh, gap=0):
            _paste(wall.img, _tile_board(rng, bw, bh), x, y)


def _slabs(rng: Rng, w: int, h: int, res: float) -> U8:
    """A showroom floor of large polished slabs (0.6-0.9 m), a faint vein, thin joints."""
    tone = _between(rng, (150, 150, 150), (225, 222, 218))
    img = _grained(rng, w, h, tone, 5.0)
    step = max(4, round(float(rng.uniform(0.6, 0.9)) * res))
    for x in range(0, w, step):
        cv2.line(img, (x, 0), (x, h), _shade(tone, 0.8), 1)
    for y in range(0, h, step):
        cv2.line(img, (0, y), (w, y), _shade(tone, 0.8), 1)
    for _ in range(w * h // 4000 + 1):
        pts = np.cumsum(rng.integers(-4, 5, (20, 2)), axis=0) + np.array(
            [rng.integers(0, w), rng.integers(0, h)]
        )
        cv2.polylines(img, [pts.astype(np.int32)], False, _shade(tone, 0.85), 1)
    return img


def _build_tiles(b: _Build) -> None:
    """A tile showroom: walls hung with sample boards, rows of free-standing display
    stands with boards on both faces, a floor of large slabs, one or two room settings (a
    tiled wall with a vanity unit and a mirror), pallet racking of boxed tiles, a
    counter, a tiled ceiling, a shop front."""
    r = b.fix
    b.paint_walls(_between(r, (200, 200, 198), (248, 248, 245)))
    b.floor(_slabs)
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    for name in ("left", "right"):
        _tile_wall(b.wall(name), r, 0.5, min(b.h - 0.3, float(r.uniform(1.9, 2.3))))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.5, 2.5))), back.px(0.4)), b.h - 0.1, b.h - 0.05)
    rack = _grained(r, 96, 128, (40, 70, 150), 3.0)
    for y in (40, 84, 126):
        cv2.rectangle(rack, (0, y - 3), (95, y), (240, 120, 30), -1)
        for x in range(2, 92, 14):
            _paste(rack, _carton(r)[:8, :12] if _carton(r).shape[0] >= 8 else _carton(r), x, y - 14)
    spot_x = float(r.uniform(-0.3, 0.3)) * b.w
    b.boxes.append(
        Box(
            spot_x,
            b.d - 0.6,
            min(b.w - 1.0, 3.6),
            1.1,
            min(b.h - 0.3, 2.8),
            0.0,
            {"front": rack, "top": _steel(r, 16, 16, 120)},
        )
    )
    fl = _Floor(b.w, b.d - 1.3, 1.8)
    for side in ("left", "right"):
        fl.take(_side_x(b, side, 0.3), b.d / 2, 0.6, b.d)
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 2.2, 1.4, ("left", "right"))
        if not spot:
            continue
        x, z, sw, sd, facing = spot
        tiled = _tile_board(r, 64, 80)
        wall_box = Box(
            x,
            z,
            sw,
            sd,
            2.3,
            0.0,
            _faces({"front": tiled, "top": _grained(r, 16, 16, (230, 230, 230), 2.0)}, facing),
        )
        b.boxes.append(wall_box)
    half = float(r.uniform(0.9, 1.2))  # half the central aisle
    xs = [s * (half + 0.6 + k * float(r.uniform(1.9, 2.3))) for k in range(2) for s in (-1, 1)]
    zs = np.arange(float(r.uniform(3.5, 4.2)), b.d - 2.5, float(r.uniform(1.6, 2.2)))
    for x in xs:
        if abs(x) + 0.6 > b.w / 2 - 0.8:
            continue
        for z in zs:
            if fl.fits(x, float(z), 1.3, 0.4):
                fl.take(x, float(z), 1.3, 0.6)
                b.boxes.append(
                    Box(
                        x,
                        float(z),
                        1.2,
                        0.3,
                        2.1,
                        0.0,
                        {
                            "front": _tile_board(r, 48, 80),
                            "back": _tile_board(r, 48, 80),
                            "left": _steel(r, 8, 32, 140),
                            "right": _steel(r, 8, 32, 140),
                            "top": _steel(r, 16, 8, 140),
                        },
                    )
                )
    _b17(b).stand = (float(r.uniform(-0.3, 0.3)) * half, 0.0)
    spot = fl.against(r, 1.8, 0.7, ("left", "right", "back"))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {
                "front": _cabinet(r, 3, 1, _c(r, 60, 230)),
                "top": _grained(r, 32, 16, (60, 60, 62), 3.0),
            },
        )
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",) + (("exit",) if r.random() < 0.5 else ()))
    _door(back, r, _c(r, 60, 230))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _tufted(rng: Rng, w: int, h: int, colour: Colour, res: float) -> U8:
    """Padded wall panels: buttoned upholstery with diamond creases."""
    img = _grained(rng, w, h, colour, 5.0)
    step = max(4, round(0.25 * res))
    dark = _shade(colour, 0.7)
    for k in range(-h, w + h, step):
        cv2.line(img, (k, 0), (k + h, h), dark, 1)
        cv2.line(img, (k, h), (k + h, 0), dark, 1)
    for y in range(0, h, step):
        for x in range((y // step % 2) * step // 2, w, step):
            cv2.circle(img, (x, y), 1, _shade(colour, 0.45), -1)
    return img


def _damask(rng: Rng, w: int, h: int, colour: Colour, res: float) -> U8:
    """A dark patterned wallpaper: a repeated motif (a lozenge of curls) in a lighter
    tone."""
    img = _grained(rng, w, h, colour, 4.0)
    step = max(6, round(0.35 * res))
    light = _lighter(colour, 1.6)
    for y in range(0, h + step, step):
        for x in range((y // step % 2) * step // 2, w + step, step):
            cv2.ellipse(img, (x, y), (step // 4, step // 3), 0, 0, 360, light, 1)
            cv2.line(img, (x, y - step // 3), (x, y + step // 3), light, 1)
            cv2.circle(img, (x - step // 4, y), max(1, step // 10), light, 1)
            cv2.circle(img, (x + step // 4, y), max(1, step // 10), light, 1)
    return img


def _starry(rng: Rng, w: int, h: int, res: float) -> U8:
    """A karaoke room's ceiling: black with fibre-optic stars."""
    img = _grained(rng, w, h, (14, 12, 22), 3.0)
    for _ in range(w * h // 150):
        cv2.circle(
            img, (int(rng.integers(0, w)), int(rng.integers(0, h))), 0, _c(rng, 160, 256), -1
        )
    return img


def _lyrics(o: Rng, w: int, h: int) -> U8:
    """What a karaoke screen shows: a backdrop (a scene, a blur of colours or a pattern),
    the song's title, two lines of lyrics with the sung part in another colour."""
    what = o.random()
    if what < 0.4:
        img = np.asarray(_outside(o, w, h), np.uint8).copy()
    elif what < 0.7:
        img = _u8(cv2.GaussianBlur(_swatch(o, w, h).astype(np.float32), (0, 0), max(1.0, w / 20)))
    else:
        img = _grained(o, w, h, _c(o, 20, 160), 12.0)
    img = _u8(img.astype(np.float32) * 0.75)
    size = max(5, h // 9)
    _text(img, o, _word(o, (2, 3)).capitalize(), w // 12, h // 6, size, (250, 250, 250))
    sung = _c(o, 120, 256)
    for k in range(2):
        y = h * (6 + 2 * k) // 10
        line = " ".join(_word(o, (1, 3)) for _ in range(int(o.integers(2, 5))))
        _text(img, o, line, w // 10, y, size, (250, 250, 250))
        if k == 0:
            _text(img, o, line[: len(line) // 2], w // 10, y, size, sung)
    return img


def _build_karaoke(b: _Build) -> None:
    """A karaoke room of one venue: every fixed thing the template's (see the module's
    docstring); what the screen shows, the posters, the cushions and the things on the
    table the party's own."""
    r, o = b.fix, b.own
    colour = _c(r, 20, 150)
    wallpaper = _tufted if r.random() < 0.5 else _damask
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, wallpaper(r, tw, th, colour, res))
    strip = _c(r, 120, 256)
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        cv2.line(
            wall.img,
            (0, wall.y_of(b.h - 0.1)),
            (wall.img.shape[1], wall.y_of(b.h - 0.1)),
            strip,
            max(1, wall.px(0.03)),
        )
    b.floor(lambda g, w, h, res: _lounge_carpet(g, w, h, res))
    b.ceiling(_starry)
    back = b.wall("back")
    sw = min(b.w - 1.0, float(r.uniform(1.4, 2.0)))
    sh = sw * 9 / 16
    s_low = float(r.uniform(0.9, 1.1))
    sx = back.x_of((b.w - sw) / 2)
    back.claim(sx - 4, back.y_of(s_low + sh) - 4, back.px(sw) + 8, back.px(sh) + 8, gap=0)
    cv2.rectangle(
        back.img,
        (sx - 4, back.y_of(s_low + sh) - 4),
        (sx + back.px(sw) + 4, back.y_of(s_low) + 4),
        (15, 15, 18),
        -1,
    )
    speaker = _grained(r, 24, 40, (30, 30, 32), 3.0)
    for y in (12, 30):
        cv2.circle(speaker, (12, y), 8, (60, 60, 65), -1)
        cv2.circle(speaker, (12, y), 3, (20, 20, 20), -1)
    for sgn in (-1.0, 1.0):
        x = sgn * min(b.w / 2 - 0.25, sw / 2 + 0.35)
        b.boxes.append(
            Box(
                x,
                b.d - 0.15,
                0.3,
                0.25,
                0.5,
                s_low + 0.2,
                {"front": speaker, "left": speaker, "right": speaker, "top": speaker},
            )
        )
    tablet = _grained(r, 24, 32, (25, 25, 28), 2.0)
    cv2.rectangle(tablet, (2, 2), (21, 29), _between(r, (40, 90, 140), (90, 160, 200)), -1)
    back.put(tablet, 1.5, 1.55)
    vinyl = _c(r, 20, 220)
    seat = _grained(r, 48, 16, vinyl, 4.0)
    cv2.line(seat, (0, 3), (47, 3), _lighter(vinyl, 1.3), 1)
    cushion = _tufted(r, 48, 24, vinyl, 60.0)
    for side in ("left", "right"):
        x = _side_x(b, side, 0.6)
        length = b.d - 1.4
        faces = _faces({"front": seat, "top": seat}, _inward(side))
        b.boxes.append(Box(x, 0.9 + length / 2, 0.6, length, 0.42, 0.0, faces))
        xb = _side_x(b, side, 0.15)
        b.boxes.append(
            Box(
                xb,
                0.9 + length / 2,
                0.15,
                length,
                0.45,
                0.42,
                _faces({"front": cushion, "top": seat}, _inward(side)),
            )
        )
        b.tops.append((x, 0.9 + length / 2, 0.3, length * 0.8, 0.42))
    top = _grained(r, 48, 32, _pick(r, [(20, 20, 22), (235, 235, 235), _wood_tone(r)]), 3.0)
    cv2.line(top, (4, 4), (40, 28), _lighter((200, 200, 200), 1.1), 1)
    tw_ = max(0.6, b.w - 2.6)
    b.boxes.append(
        Box(
            0.0,
            b.d * 0.55,
            tw_,
            1.0,
            0.45,
            0.0,
            {
                "front": _steel(r, 32, 16, 60),
                "left": _steel(r, 16, 16, 60),
                "right": _steel(r, 16, 16, 60),
                "top": top,
            },
        )
    )
    b.tops.append((0.0, b.d * 0.55, tw_ * 0.8, 0.8, 0.45))
    ball = _grained(r, 16, 16, (190, 190, 200), 3.0)
    for y in range(0, 16, 3):
        for x in range((y // 3 % 2) * 2, 16, 4):
            ball[y : y + 2, x : x + 2] = (250, 250, 255)
    b.boxes.append(
        Box(
            0.0,
            b.d * 0.55,
            0.25,
            0.25,
            0.25,
            b.h - 0.45,
            {"front": ball, "left": ball, "right": ball, "back": ball},
        )
    )
    _small_things(b.wall("left"), ("socket",))
    _door(b.wall("front"), r, _c(r, 30, 200))
    # The party's own: what the screen shows, posters, cushions, the microphones and
    # songbooks on the table.
    _paste(back.img, _lyrics(o, back.px(sw), back.px(sh)), sx, back.y_of(s_low + sh))
    for name in ("left", "right"):
        if o.random() < 0.5:
            _own_art(b.wall(name), o, 0.3, 0.5, 2.0)
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        side = str(o.choice(["left", "right"]))
        z = float(o.uniform(1.2, b.d - 0.7))
        st.own_boxes.append(
            Box(
                _side_x(b, side, 0.45),
                z,
                0.12,
                0.4,
                0.35,
                0.42,
                _faces({"front": _fabric(o, 32, 32), "top": _fabric(o, 32, 32)}, _inward(side)),
            )
        )
    for _ in range(int(o.integers(1, 4))):
        x = float(o.uniform(-tw_ / 2 + 0.15, tw_ / 2 - 0.15))
        z = b.d * 0.55 + float(o.uniform(-0.35, 0.35))
        what = o.random()
        tex = _label(o, 32, 24) if what < 0.5 else _grained(o, 16, 16, _c(o, 20, 250), 4.0)
        size = (0.3, 0.22, 0.03) if what < 0.5 else (0.05, 0.22, 0.05)
        st.own_boxes.append(Box(x, z, size[0], size[1], size[2], 0.45, {"front": tex, "top": tex}))


def _shell(rng: Rng, w: int, h: int, res: float, panel: Colour, upright: Colour, hall: U8) -> U8:
    """A shell-scheme wall: white laminate panels 1 m wide to 2.5 m between aluminium
    uprights, a top rail, and the exhibition hall above it (``hall``)."""
    img = np.asarray(cv2.resize(hall, (w, h)), np.uint8).copy()
    top = h - round(2.5 * res)
    img[top:] = _grained(rng, w, h - top, panel, 3.0)
    t = max(1, round(0.04 * res))
    for x in range(0, w, max(4, round(1.0 * res))):
        cv2.rectangle(img, (x - t, top), (x + t, h), upright, -1)
    cv2.rectangle(img, (0, top), (w, top + 2 * t), upright, -1)
    return img


def _hall(rng: Rng, w: int, h: int) -> U8:
    """An exhibition hall beyond the stands: a dark roof of trusses, rows of lights, far
    hanging banners."""
    img = _grained(rng, w, h, _between(rng, (40, 42, 48), (100, 100, 105)), 6.0)
    for y in range(h // 10, h, max(4, h // 6)):
        cv2.line(img, (0, y), (w, y), (140, 140, 145), 1)
        for x in range(0, w, max(4, h // 6)):
            cv2.line(img, (x, y), (x + max(4, h // 6), y + max(4, h // 6) // 2), (120, 120, 125), 1)
            cv2.circle(img, (x, y), 1, (250, 245, 220), -1)
    for _ in range(int(rng.integers(2, 5))):
        x, y = int(rng.integers(0, w)), int(rng.integers(h // 4, h // 2))
        bw = int(rng.integers(w // 16, w // 6))
        cv2.rectangle(img, (x, y), (x + bw, y + bw // 3), _c(rng, 40, 250), -1)
    return img


def _graphic(o: Rng, w: int, h: int) -> U8:
    """An exhibitor's printed wall graphic: a ground of its colour, a picture (a scene or
    shapes), a big word, a line of smaller ones, a logo."""
    brand = _c(o, 20, 230)
    img = _grained(o, w, h, brand if o.random() < 0.6 else (245, 245, 242), 4.0)
    ph = h // 2
    pic = np.asarray(_outside(o, w, ph), np.uint8) if o.random() < 0.5 else _swatch(o, w, ph)
    img[h // 4 : h // 4 + ph] = pic
    ink = (250, 250, 250) if int(img[2, 2].astype(int).sum()) < 400 else (30, 30, 35)
    _text(img, o, _word(o, (2, 3)).upper(), w // 12, h // 5, max(5, h // 10), ink)
    _text(img, o, _word(o, (2, 4)), w // 12, h - h // 10, max(4, h // 16), ink)
    cv2.circle(img, (w - w // 8, h - h // 8), max(2, w // 14), _c(o, 20, 250), -1)
    return img


def _build_stand(b: _Build) -> None:
    """A stand at one trade fair: the template's shell-scheme walls, hall, carpets, aisle,
    counter, stools, shelf, brochure rack and spotlights; the exhibitor's own name on the
    fascia, graphics, products, brochures, banner and screen."""
    r, o = b.fix, b.own
    aisle = float(r.uniform(2.4, 3.0))
    panel = _between(r, (235, 235, 232), (252, 252, 250))
    upright = _between(r, (150, 150, 155), (200, 200, 205))
    hall = _hall(r, 256, 128)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _shell(r, tw, th, res, panel, upright, hall))
    for side in ("left", "right"):  # beside the aisle the hall goes on: far stands, no panels
        wall = b.wall(side)
        tw, th = wall.img.shape[1], wall.img.shape[0]
        x0, x1 = (0, wall.x_of(aisle)) if side == "left" else (wall.x_of(b.d - aisle), tw)
        wall.img[:, x0:x1] = np.asarray(cv2.resize(hall, (x1 - x0, th)), np.uint8)
        far = wall.y_of(1.4)
        wall.img[far:, x0:x1] = _grained(r, x1 - x0, th - far, _shade(panel, 0.8), 4.0)
        for x in range(x0, x1, max(3, wall.px(0.6))):
            cv2.rectangle(
                wall.img, (x, far + 2), (x + wall.px(0.4), far + wall.px(0.5)), _c(r, 30, 230), -1
            )
        wall.claim(x0, 0, x1 - x0, th, gap=0)
    front = b.wall("front")
    for _ in range(int(r.integers(1, 3))):
        front.put(_graphic(r, front.px(float(r.uniform(0.9, 1.6))), front.px(1.0)), 2.3, 2.4)
    aisle_c, stand_c = _c(r, 60, 180), _c(r, 30, 200)

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, stand_c, 6.0)
        y = h - round(aisle * res)
        img[y:] = _grained(g, w, h - y, aisle_c, 6.0)
        cv2.rectangle(img, (0, y - 2), (w, y + 1), (190, 190, 195), -1)
        return img

    b.floor(floor)
    b.ceiling(lambda g, w, h, res: np.asarray(cv2.resize(_hall(g, 128, 128), (w, h)), np.uint8))
    top = _grained(r, 32, 16, panel, 2.0)
    counter = _grained(r, 48, 48, panel, 2.0)
    cv2.rectangle(counter, (0, 0), (47, 4), upright, -1)
    cx = float(r.uniform(-0.3, 0.3)) * (b.w - 1.2)
    cz = aisle + float(r.uniform(0.5, 0.9))
    b.boxes.append(
        Box(
            cx,
            cz,
            1.0,
            0.5,
            1.0,
            0.0,
            {"front": counter, "left": counter, "right": counter, "top": top},
        )
    )
    b.tops.append((cx, cz, 0.8, 0.3, 1.0))
    stool = _piece(r, "stool")
    sx = cx + (0.8 if cx < 0 else -0.8)
    _add(b.boxes, b.tops, "stool", stool, (sx, cz + 0.5, 0.4, 0.4, "front"), 0.75)
    shelf_y = float(r.uniform(1.1, 1.4))
    b.boxes.append(
        Box(
            float(r.uniform(-0.2, 0.2)) * b.w,
            b.d - 0.15,
            min(1.6, b.w - 0.6),
            0.3,
            0.03,
            shelf_y,
            {"front": _steel(r, 32, 4, 200), "top": top},
        )
    )
    shelf_x = float(b.boxes[-1].x)
    lamp = _grained(r, 8, 8, (30, 30, 32), 2.0)
    for x in np.linspace(-b.w / 2 + 0.5, b.w / 2 - 0.5, max(2, int(b.w / 1.5))):
        b.boxes.append(
            Box(float(x), aisle + 0.3, 0.12, 0.6, 0.05, 2.5, {"front": lamp, "top": lamp})
        )
    rack_side = str(r.choice(["left", "right"]))
    rx, rz = _side_x(b, rack_side, 0.4), aisle + float(r.uniform(1.2, 1.8))
    _small_things(b.wall("back"), ("socket",))
    # The exhibitor's own: the fascia's name and number, graphics, products on the
    # counter and the shelf, brochures in the rack, a banner, a screen.
    st = _b17(b)
    fascia = _grained(o, 128, 16, panel, 2.0)
    cv2.rectangle(fascia, (0, 0), (127, 15), upright, 1)
    _text(fascia, o, " ".join(_word(o, (1, 3)) for _ in range(2)).upper(), 6, 12, 9, _c(o, 20, 200))
    _text(
        fascia,
        o,
        f"{'ABCDEFGH'[int(o.integers(0, 8))]}{int(o.integers(1, 200))}",
        104,
        12,
        8,
        (40, 40, 40),
    )
    st.own_boxes.append(
        Box(0.0, aisle, b.w, 0.05, 0.3, 2.2, {"front": fascia, "back": fascia, "top": fascia})
    )
    back = b.wall("back")
    for _ in range(int(o.integers(1, 4))):
        gw = float(o.uniform(0.9, min(2.4, b.w - 0.4)))
        at = back.put(_graphic(o, back.px(gw), back.px(float(o.uniform(0.9, 1.3)))), 2.35, 2.45)
        if at is None:
            break
    for side in ("left", "right"):
        if o.random() < 0.6:
            wall = b.wall(side)
            lo, hi = (aisle + 0.2, b.d - 0.3) if side == "left" else (0.3, b.d - aisle - 0.2)
            gw = min(hi - lo, float(o.uniform(0.8, 1.6)))
            wall.put(
                _graphic(o, wall.px(gw), wall.px(1.0)),
                2.3,
                2.4,
                along=(lo, max(lo + 0.01, hi - gw)),
            )
    for _ in range(int(o.integers(2, 6))):
        pw = float(o.uniform(0.1, 0.3))
        ph = float(o.uniform(0.1, 0.35))
        tex = _carton(o) if o.random() < 0.5 else _label(o, 32, 32)
        if o.random() < 0.5:
            x, y0, z = cx + float(o.uniform(-0.35, 0.35)), 1.0, cz
        else:
            x, y0, z = shelf_x + float(o.uniform(-0.6, 0.6)), shelf_y + 0.03, b.d - 0.15
        st.own_boxes.append(
            Box(x, z, pw, 0.15, ph, y0, {"front": tex, "left": tex, "right": tex, "top": tex})
        )
    leaflets = _grained(o, 24, 48, (40, 40, 44), 2.0)
    for k in range(3):
        _paste(leaflets, _label(o, 18, 12), 3, 3 + 15 * k)
    st.own_boxes.append(
        Box(
            rx,
            rz,
            0.3,
            0.35,
            1.4,
            0.0,
            _faces({"front": leaflets, "top": _steel(o, 8, 8, 80)}, _inward(rack_side)),
        )
    )
    if o.random() < 0.6:
        banner = _graphic(o, 40, 112)
        bx = float(o.choice([-1.0, 1.0])) * (b.w / 2 - 0.55)
        st.own_boxes.append(
            Box(bx, b.d - 0.5, 0.85, 0.08, 2.0, 0.0, {"front": banner, "top": _steel(o, 8, 8, 150)})
        )
    if o.random() < 0.4:
        st.own_boxes.append(
            Box(
                -cx * 0.8,
                b.d - 0.7,
                0.9,
                0.06,
                0.55,
                1.2,
                {"front": _screen(o, 48, 32), "back": _steel(o, 16, 16, 50)},
            )
        )
        st.own_boxes.append(
            Box(-cx * 0.8, b.d - 0.7, 0.06, 0.06, 1.2, 0.0, {"front": _steel(o, 8, 8, 50)})
        )


def _mirror(
    wall: _Wall, rng: Rng, along: float, length: float, low: float, high: float, positions: int
) -> tuple[int, int, int, int]:
    """A dressing-room mirror along a wall, a frame of bulbs round each position's glass;
    returns the mirror's (x0, y0, x1, y1) in the wall's texels."""
    x0, x1 = wall.x_of(along), wall.x_of(along + length)
    y0, y1 = wall.y_of(high), wall.y_of(low)
    wall.claim(x0, y0, x1 - x0, y1 - y0, gap=0)
    glass = _grained(rng, x1 - x0, y1 - y0, _between(rng, (150, 165, 175), (190, 200, 205)), 6.0)
    yy = np.linspace(1.1, 0.85, y1 - y0, dtype=np.float32)[:, None, None]
    glass = _u8(glass.astype(np.float32) * yy)
    _paste(wall.img, glass, x0, y0)
    frame = _between(rng, (30, 30, 32), (240, 238, 230))
    bulb = max(2, wall.px(0.045))
    pw = (x1 - x0) / positions
    for k in range(positions):
        a, bb = int(x0 + k * pw), int(x0 + (k + 1) * pw)
        cv2.rectangle(wall.img, (a, y0), (bb, y1), frame, max(2, wall.px(0.05)))
        for y in np.linspace(y0 + bulb, y1 - bulb, 5):
            for x in (a + bulb, bb - bulb):
                cv2.circle(wall.img, (x, int(y)), bulb, (255, 250, 225), -1)
        for x in np.linspace(a + bulb, bb - bulb, 6):
            cv2.circle(wall.img, (int(x), y0 + bulb), bulb, (255, 250, 225), -1)
    return x0, y0, x1, y1


def _build_dressing(b: _Build) -> None:
    """A dressing room of one theatre: the template's paint, floor, ceiling, make-up
    counter with its mirrors framed in bulbs, chairs, clothes rail, sink, speaker, call
    light, noticeboard and door; the company's costumes, the things on the counter, the
    cards round the mirrors, the notes and pictures the room's own."""
    r, o = b.fix, b.own
    b.paint_walls(
        _between(r, (200, 200, 190), (245, 240, 230)) if r.random() < 0.7 else _c(r, 60, 200)
    )
    _skirting(b, _c(r, 30, 120), 0.1)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_plain_ceiling)
    mside = str(r.choice(["left", "right"]))
    rside = "right" if mside == "left" else "left"
    mw = b.wall(mside)
    length = min(mw.length - 1.2, float(r.uniform(2.0, 3.2)))
    start = float(r.uniform(0.7, max(0.75, mw.length - length - 0.4)))
    positions = max(2, int(length / 0.9))
    mirror = _mirror(mw, r, start, length, 1.05, 1.95, positions)
    zc = start + length / 2 if mside == "left" else mw.length - start - length / 2
    top = _grained(r, 64, 16, _pick(r, [(240, 240, 238), (40, 40, 44), _wood_tone(r)]), 3.0)
    b.boxes.append(
        Box(
            _side_x(b, mside, 0.5),
            zc,
            0.5,
            length,
            0.75,
            0.0,
            _faces(
                {"front": _cabinet(r, positions * 2, 1, _c(r, 100, 240)), "top": top},
                _inward(mside),
            ),
        )
    )
    b.tops.append((_side_x(b, mside, 0.5), zc, 0.3, length * 0.8, 0.75))
    chair = _piece(r, "chair")
    for k in range(positions):
        z = zc - length / 2 + (k + 0.5) * length / positions
        _add(b.boxes, b.tops, "chair", chair, (_side_x(b, mside, 1.3), z, 0.45, 0.45, mside), 0.9)
    rail_len = min(b.d - 1.6, float(r.uniform(1.5, 2.5)))
    rz = float(r.uniform(1.0, max(1.05, b.d - rail_len - 0.5))) + rail_len / 2
    rx = _side_x(b, rside, 0.5)
    steel = _steel(r, 32, 8, 180)
    b.boxes.append(
        Box(
            rx,
            rz,
            0.03,
            rail_len,
            0.03,
            1.75,
            {"front": steel, "left": steel, "right": steel, "top": steel},
        )
    )
    for dz in (-rail_len / 2, rail_len / 2):
        b.boxes.append(
            Box(rx, rz + dz, 0.03, 0.03, 1.78, 0.0, {"front": steel, "left": steel, "right": steel})
        )
    spot_z = b.d - 0.4
    sink = _grained(r, 32, 32, (235, 235, 232), 2.0)
    cv2.ellipse(sink, (16, 16), (10, 7), 0, 0, 360, (195, 200, 205), -1)
    sx = float(r.uniform(-0.25, 0.25)) * b.w
    b.boxes.append(
        Box(
            sx,
            spot_z,
            0.6,
            0.45,
            0.85,
            0.0,
            {"front": _cabinet(r, 2, 1, _c(r, 120, 240)), "top": sink},
        )
    )
    back = b.wall("back")
    small_mirror = _grained(r, back.px(0.5), back.px(0.6), (185, 195, 200), 5.0)
    back.put(small_mirror, 1.75, 1.8, along=(b.w / 2 + sx - 0.25, b.w / 2 + sx - 0.24))
    tannoy = _grained(r, 16, 16, (235, 235, 230), 2.0)
    for y in range(3, 14, 3):
        cv2.line(tannoy, (3, y), (12, y), (120, 120, 120), 1)
    back.put(tannoy, b.h - 0.25, b.h - 0.2)
    call = _grained(r, 12, 12, (40, 40, 40), 2.0)
    cv2.circle(call, (6, 6), 4, (240, 60, 40) if r.random() < 0.5 else (60, 220, 80), -1)
    back.put(call, b.h - 0.3, b.h - 0.25)
    board_w = float(r.uniform(0.6, 0.9))
    cork = _grained(
        r, back.px(board_w), back.px(0.6), _between(r, (170, 130, 90), (210, 170, 120)), 10.0
    )
    board_at = back.put(cork, 1.85, 1.95)
    for name in ("back", "front", rside):
        _small_things(b.wall(name), ("socket",))
    _door(b.wall("front"), r, _c(r, 60, 230), along=0.3)
    # The room's own: cards round the mirrors, things on the counter, costumes, notes,
    # pictures.
    x0, y0, x1, y1 = mirror
    for _ in range(int(o.integers(3, 9))):
        cw, chh = int(o.integers(6, 14)), int(o.integers(8, 16))
        cx = int(o.integers(x0, max(x0 + 1, x1 - cw)))
        cy = (
            y0 + int(o.integers(0, max(1, (y1 - y0) // 4)))
            if o.random() < 0.6
            else y1 - chh - int(o.integers(0, 6))
        )
        _paste(mw.img, _label(o, cw, chh), cx, cy)
    if board_at:
        bw_, bh_ = cork.shape[1], cork.shape[0]
        for _ in range(int(o.integers(2, 7))):
            nw, nh = int(o.integers(bw_ // 6, bw_ // 3)), int(o.integers(bh_ // 5, bh_ // 2))
            _paste(
                back.img,
                _label(o, nw, nh),
                board_at[0] + int(o.integers(2, max(3, bw_ - nw - 2))),
                board_at[1] + int(o.integers(2, max(3, bh_ - nh - 2))),
            )
    st = _b17(b)
    cxs = _side_x(b, mside, 0.3)
    for _ in range(int(o.integers(3, 9))):
        z = zc + float(o.uniform(-length / 2 + 0.1, length / 2 - 0.1))
        w_, d_, h_ = (
            float(o.uniform(0.08, 0.3)),
            float(o.uniform(0.08, 0.3)),
            float(o.uniform(0.05, 0.3)),
        )
        tex = _label(o, 24, 24) if o.random() < 0.5 else _grained(o, 16, 16, _c(o, 20, 250), 5.0)
        if o.random() < 0.2:
            tex = _blooms(o, 16, 24, _flower_colours(o))
        st.own_boxes.append(
            Box(
                cxs + float(o.uniform(-0.1, 0.1)),
                z,
                w_,
                d_,
                h_,
                0.75,
                {"front": tex, "left": tex, "right": tex, "top": tex},
            )
        )
    n = int(o.integers(3, 10))
    for k in range(n):
        z = rz - rail_len / 2 + (k + 0.5) * rail_len / n
        h_ = float(o.uniform(0.7, 1.2))
        garment = _swatch(o, 24, 48) if o.random() < 0.5 else _fabric(o, 24, 48)
        st.own_boxes.append(
            Box(
                rx,
                z,
                0.45,
                0.05,
                h_,
                1.72 - h_,
                {
                    "front": garment,
                    "back": garment,
                    "left": garment,
                    "right": garment,
                    "top": garment,
                },
            )
        )
    if o.random() < 0.6:
        _own_art(b.wall("front"), o, 0.25, 0.45, 1.8)
    if o.random() < 0.5:
        _own_art(b.wall(rside), o, 0.25, 0.45, 2.2)


BUILDERS = {
    "post office": _build_post,
    "florist": _build_florist,
    "departure lounge": _build_lounge,
    "ice rink": _build_rink,
    "public aquarium": _build_aquarium,
    "amusement arcade": _build_arcade,
    "fabric shop": _build_fabric,
    "tile showroom": _build_tiles,
    "karaoke": _build_karaoke,
    "stand": _build_stand,
    "dressing": _build_dressing,
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
    floors: list[Box] = field(default_factory=list)  # walkable steps (none in v18's kinds)
    cache: dict[int, list[Plane]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return base_kind(self.kind)

    def planes(self, day: int = 0) -> list[Plane]:
        if day not in self.cache:
            self.cache[day] = surface_planes(self) + box_planes_of(self, day)  # type: ignore[arg-type]
        return self.cache[day]

    def textures(self) -> dict[str, U8]:
        """Every texture of the place as drawn, by name (for the tests)."""
        out = {f"surface {k}": s.tex for k, s in self.surfaces.items()}
        for i, b in enumerate(self.boxes):
            out |= {f"box {i} {k}": v for k, v in b.tex.items()}
        for i, b in enumerate(self.belongings):
            out |= {f"belonging {i} {k}": v for k, v in b.tex.items()}
        return out


def _crate(day: Rng) -> U8:
    """A plastic crate from the side: a coloured frame with slots."""
    col = _c(day, 30, 230)
    img = _grained(day, 32, 24, col, 4.0)
    for x in range(4, 28, 6):
        cv2.rectangle(img, (x, 5), (x + 3, 19), _shade(col, 0.5), -1)
    return img


def _day_things(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: a carton, a crate, a stack of paper, a bag, on tops and
    the floor."""
    out: list[Box] = []
    for _ in range(int(day.integers(1, 5))):
        s, h = float(day.uniform(0.15, 0.45)), float(day.uniform(0.08, 0.4))
        if place.tops and day.random() < 0.6:
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
            lo = min(1.0, place.depth * 0.4)
            z = float(day.uniform(lo, max(lo, place.depth - 0.3)))
            y0 = 0.0
        what = day.random()
        tex = (
            _carton(day)
            if what < 0.35
            else _crate(day)
            if what < 0.55
            else _label(day, 48, 32)
            if what < 0.75
            else _fabric(day, 48, 32)
        )
        d_ = s * float(day.uniform(0.5, 1.2))
        out.append(Box(x, z, s, d_, h, y0, {"front": tex, "left": tex, "top": _label(day, 32, 32)}))
    return out


def box_planes_of(place: Place, day: int) -> list[Plane]:
    """The boxes' planes on ``day``: fixed things, belongings, the day's soft furnishings
    and loose things."""
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
    """The place's own camera: near the front wall at eye height, looking in (further in
    and level in halls; where the kind says in an arcade's aisle or a stand's aisle)."""
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
    if base == "ice rink":
        z, pitch, hfov = (
            float(rng.uniform(1.5, 4.0)),
            float(rng.uniform(-9, -2)),
            float(rng.uniform(66, 76)),
        )
    elif base in HALLS:
        z, pitch, hfov = (
            float(rng.uniform(0.8, 2.0)),
            float(rng.uniform(-7, 1)),
            float(rng.uniform(66, 76)),
        )
    elif base in SHOPS:
        z, pitch = float(rng.uniform(0.4, 1.1)), float(rng.uniform(-12, -4))
    elif base in ("karaoke", "dressing"):
        x, z = float(rng.uniform(-0.1, 0.1)) * w, float(rng.uniform(0.3, 0.5))
        yaw, hfov = float(rng.uniform(-10, 10)), float(rng.uniform(68, 78))
        pitch = float(rng.uniform(-9, -1)) if base == "karaoke" else pitch
    elif base == "stand":
        z, pitch = float(rng.uniform(0.4, 1.2)), float(rng.uniform(-12, -4))
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.15, 0.15))
        if b.stand[1] > 0:
            z = b.stand[1]
    pos = _vec(x, min(y, h - 0.2), z)
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


class RoomPicture(np.ndarray):  # type: ignore[type-arg]
    """The original picture of a place, carrying its ``Place`` for ``views_v18``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v18(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v18 (``bench/link.py --generator v18``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v18``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    post office, fabric shop or tile showroom."""
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


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places: x0.6 in karaoke
    and dressing rooms, x0.8 on a stand), its height kept within 0.08 m, turned up to
    ``turn`` degrees and tilted up to 4; the first of 8 moves that leaves it clear of
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


def front_camera(place: Place, rng: Rng) -> Camera:
    """A camera at the front wall (a shop's window, a doorway) looking in: 0.12-0.3 m in,
    up to 30 % of the width off the middle, 1.45-1.65 m up, turned up to 12 degrees,
    pitched 2-10 down, 62-74 degrees wide; the first of 8 spots clear of things by 0.4 m,
    else the place's own camera's spot."""
    pos = place.camera.pos.copy()
    for _ in range(8):
        cand = _inside(
            place,
            _vec(
                float(rng.uniform(-0.3, 0.3)) * place.width,
                float(rng.uniform(1.45, 1.65)),
                float(rng.uniform(0.12, 0.3)),
            ),
        )
        if _free(place, cand, 0.4):  # type: ignore[arg-type]
            pos = cand
            break
    return Camera(
        pos, float(rng.uniform(-12, 12)), float(rng.uniform(-10, -2)), float(rng.uniform(62, 74))
    )


def middle_station(place: Place, rng: Rng) -> F64:
    """Where someone stands in the middle of the room: 30-55 % of the depth in, up to a
    quarter of the width off the middle, 1.4-1.65 m up, clear of everything below by
    0.3 m (the first of 16 tries), else where the place's camera moved up to 0.4 m is."""
    for _ in range(16):
        pos = _vec(
            float(rng.uniform(-0.25, 0.25)) * place.width,
            float(rng.uniform(1.4, 1.65)),
            float(rng.uniform(0.3, 0.55)) * place.depth,
        )
        pos = _inside(place, pos, 0.3)
        if _free(place, pos, 0.3, standing=True):  # type: ignore[arg-type]
            return pos
    return moved(place, rng, 0.4, 0.0).pos


# --- views ----------------------------------------------------------------------------------------


def _scale(w: int) -> float:
    return w / 400


def _table(rng: Rng, w: int, h: int) -> U8:
    """A desk top to lay a print on: wood, grey laminate or dark felt."""
    what = rng.random()
    if what < 0.4:
        return _wood(rng, w, h, _wood_tone(rng), max(6, h // 5))
    if what < 0.75:
        return _grained(rng, w, h, _between(rng, (110, 110, 112), (200, 200, 198)), 6.0)
    return _grained(rng, w, h, _between(rng, (25, 30, 35), (60, 60, 70)), 5.0)


def listing(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A listing page (a shop or premises to let), screenshotted: a site bar, the photo
    (the place's camera moved up to 0.4 m) 50-60 % of the width, a strip of four
    thumbnails under it (the photo and three other shots, moved up to 1 m and turned up
    to 30 degrees), a title, a price, lines of text, a map and a button beside it, a
    consent banner over the bottom for 40 %."""
    s = _scale(w)
    planes = place.planes(0)
    page = np.full((h, w, 3), int(rng.integers(244, 253)), np.uint8)
    brand = _c(rng, 20, 200)
    bar = int(0.09 * h)
    page[:bar] = brand
    _text(
        page,
        rng,
        _word(rng, (2, 3)).lower(),
        int(8 * s),
        int(bar * 0.7),
        max(6, int(bar * 0.5)),
        (250, 250, 250),
    )
    for k in range(3):
        x = w - int((20 + 34 * k) * s)
        cv2.line(
            page, (x, bar // 2), (x + int(24 * s), bar // 2), (240, 240, 240), max(1, int(2 * s))
        )
    pw = int(w * float(rng.uniform(0.5, 0.6)))
    ph = pw * h // w
    x0, y0 = int(0.04 * w), bar + int(0.04 * h)
    main = _noise(render(planes, moved(place, rng, 0.4, 12), pw, ph), rng, 2.0)
    page[y0 : y0 + ph, x0 : x0 + pw] = main
    gap = max(2, int(4 * s))
    tw = (pw - 3 * gap) // 4
    th_ = max(4, tw * h // w)
    ty = y0 + ph + gap
    for k in range(4):
        tx = x0 + k * (tw + gap)
        if ty + th_ > h:
            break
        if k == 0:
            thumb = np.asarray(cv2.resize(main, (tw, th_), interpolation=cv2.INTER_AREA), np.uint8)
        else:
            thumb = render(planes, moved(place, rng, 1.0, 30), tw, th_)
        page[ty : ty + th_, tx : tx + tw] = thumb
        if k == 0:
            cv2.rectangle(page, (tx, ty), (tx + tw - 1, ty + th_ - 1), brand, max(1, int(2 * s)))
    cx = x0 + pw + int(0.04 * w)
    ink = (30, 30, 35)
    _text(
        page,
        rng,
        f"{_word(rng, (2, 3)).capitalize()} {_word(rng, (1, 3))}",
        cx,
        y0 + int(14 * s),
        max(6, int(12 * s)),
        ink,
    )
    _text(
        page,
        rng,
        f"{int(rng.integers(1, 40))},{int(rng.integers(0, 1000)):03d}",
        cx,
        y0 + int(36 * s),
        max(6, int(16 * s)),
        brand,
    )
    y = y0 + int(50 * s)
    for _ in range(int(rng.integers(4, 8))):
        ln = int((w - cx - 0.04 * w) * float(rng.uniform(0.5, 1.0)))
        cv2.line(page, (cx, y), (cx + ln, y), (150, 150, 155), max(1, int(2 * s)))
        y += int(9 * s)
    mh = int(0.2 * h)
    if y + mh + int(30 * s) < h:
        mx1 = w - int(0.04 * w)
        page[y : y + mh, cx:mx1] = _between(rng, (215, 225, 210), (235, 238, 225))
        for _ in range(5):
            a = (int(rng.integers(cx, mx1)), y)
            bb = (int(rng.integers(cx, mx1)), y + mh)
            cv2.line(page, a, bb, (250, 250, 250), max(1, int(3 * s)))
        pin = (int((cx + mx1) / 2), y + mh // 2)
        cv2.circle(page, pin, max(2, int(5 * s)), (220, 40, 40), -1)
        by = y + mh + int(8 * s)
        _rounded(page, cx, by, cx + int(80 * s), by + int(18 * s), int(4 * s), brand)
        _text(
            page,
            rng,
            _word(rng, (2, 2)).capitalize(),
            cx + int(8 * s),
            by + int(13 * s),
            max(5, int(9 * s)),
            (250, 250, 250),
        )
    if rng.random() < 0.4:
        top = h - int(0.12 * h)
        page[top:] = _u8(page[top:].astype(np.float32) * 0.2 + 30)
        cv2.line(
            page,
            (int(10 * s), top + int(14 * s)),
            (int(w * 0.55), top + int(14 * s)),
            (200, 200, 200),
            max(1, int(2 * s)),
        )
        _rounded(
            page,
            w - int(90 * s),
            top + int(7 * s),
            w - int(12 * s),
            top + int(27 * s),
            int(4 * s),
            (250, 250, 250),
        )
    return page


def evidence_bag(img: U8, rng: Rng) -> U8:
    """A print of the picture (62-74 % of the width) sealed in a clear evidence bag on a
    desk, photographed from above: the bag's welded edges, a tamper strip with a word and
    digits, a write-on label with ruled lines, a code and a bar code over the bottom, the
    plastic whitening and softening the print, two to four broad sheen streaks and a few
    crinkles, off square."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h).astype(np.float32)
    bw, bh = int(w * float(rng.uniform(0.8, 0.9))), int(h * float(rng.uniform(0.88, 0.96)))
    bx, by = (w - bw) // 2 + int(rng.integers(-w // 40, w // 40 + 1)), (h - bh) // 2
    strip = int(0.1 * bh)
    pw = int(w * float(rng.uniform(0.62, 0.74)))
    ph = pw * h // w
    px, py = bx + (bw - pw) // 2, by + strip + int(0.03 * bh)
    ph = min(ph, by + bh - py - 2)
    pic = cv2.resize(img, (pw, pw * h // w), interpolation=cv2.INTER_AREA)[:ph]
    border = max(2, int(5 * s))
    out[py - border : py + ph + border, px - border : px + pw + border] = 246
    out[py : py + ph, px : px + pw] = pic
    bag = out[by : by + bh, bx : bx + bw]
    bag[:] = cv2.GaussianBlur(bag, (0, 0), 0.6 * s) * 0.9 + 22
    edge = max(3, int(7 * s))
    for sl in (np.s_[:, :edge], np.s_[:, bw - edge :], np.s_[bh - edge :, :]):
        bag[sl] = bag[sl] * 0.7 + 70
    tape = _pick(rng, [(200, 30, 35), (30, 60, 170)])
    bag[:strip] = tape
    tmp = _u8(bag)
    _text(
        tmp,
        rng,
        f"{_word(rng, (2, 3)).upper()} {int(rng.integers(100, 999))}",
        int(6 * s),
        int(strip * 0.75),
        max(5, int(strip * 0.55)),
        (250, 250, 250),
    )
    for x in range(bw // 2, bw - int(8 * s), max(4, int(10 * s))):
        cv2.line(
            tmp,
            (x, strip // 4),
            (x + int(5 * s), strip * 3 // 4),
            (250, 250, 250),
            max(1, int(2 * s)),
        )
    lw, lh = int(bw * float(rng.uniform(0.45, 0.6))), int(bh * float(rng.uniform(0.16, 0.22)))
    lx, ly = int(rng.integers(edge, max(edge + 1, bw - lw - edge))), bh - lh - edge - 2
    tmp[ly : ly + lh, lx : lx + lw] = (247, 247, 244)
    for k in range(1, 4):
        y = ly + k * lh // 4
        cv2.line(tmp, (lx + 3, y), (lx + lw - 4, y), (170, 170, 175), 1)
    _text(
        tmp,
        rng,
        f"{_word(rng, (1, 2)).upper()}-{int(rng.integers(1000, 99999))}",
        lx + int(4 * s),
        ly + lh // 4 - 2,
        max(5, lh // 5),
        (30, 40, 120),
    )
    for x in range(lx + lw - int(60 * s), lx + lw - int(6 * s), max(2, int(2 * s))):
        if rng.random() < 0.55:
            cv2.line(tmp, (x, ly + lh // 2), (x, ly + lh - 4), (20, 20, 20), 1)
    bag = tmp.astype(np.float32)
    yy, xx = np.mgrid[0:bh, 0:bw].astype(np.float32)
    for _ in range(int(rng.integers(2, 5))):
        slope = float(rng.uniform(-1.5, 1.5))
        band = (xx + yy * slope - float(rng.uniform(0, 1)) * (bw + abs(slope) * bh)) / (
            float(rng.uniform(0.03, 0.08)) * bw
        )
        bag += (float(rng.uniform(25, 60)) * np.exp(-(band**2)))[:, :, None]
    crinkle = np.zeros((bh, bw), np.float32)
    for _ in range(int(rng.integers(3, 8))):
        pts = np.cumsum(rng.integers(-int(8 * s) - 1, int(8 * s) + 2, (6, 2)), axis=0) + np.array(
            [rng.integers(0, bw), rng.integers(0, bh)]
        )
        cv2.polylines(crinkle, [pts.astype(np.int32)], False, 1.0, max(1, int(s)))
    bag += (35 * cv2.GaussianBlur(crinkle, (0, 0), 0.8 * s))[:, :, None]
    out[by : by + bh, bx : bx + bw] = bag
    out[by + bh : by + bh + int(4 * s), bx + int(4 * s) : bx + bw + int(4 * s)] *= 0.7
    return _noise(_tilted(_u8(out), rng, 0.025), rng, 2.0)


def loupe(img: U8, rng: Rng) -> U8:
    """A print of the picture (88-96 % of the width, a white border, turned up to 2
    degrees) on a desk with a magnifying glass lying on it: inside a lens of radius 22-30
    % of the width the print x1.6-2.2 larger (a little pincushioned), brighter, with a
    reflection; a dark rim with a light edge, a handle off the side, the lens's
    shadow."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h).astype(np.float32)
    pw = int(w * float(rng.uniform(0.88, 0.96)))
    ph = pw * h // w
    pr = np.full((ph + 2 * int(6 * s), pw + 2 * int(6 * s), 3), 245, np.float32)
    b = int(6 * s)
    pr[b : b + ph, b : b + pw] = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA)
    m = cv2.getRotationMatrix2D((pr.shape[1] / 2, pr.shape[0] / 2), float(rng.uniform(-2, 2)), 1.0)
    m[0, 2] += (w - pr.shape[1]) / 2
    m[1, 2] += (h - pr.shape[0]) / 2
    warped = cv2.warpAffine(pr, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpAffine(np.ones(pr.shape[:2], np.float32), m, (w, h))[:, :, None]
    out = out * (1 - mask) + warped * mask
    rad = float(rng.uniform(0.22, 0.3)) * w
    cx = float(rng.uniform(0.35, 0.65)) * w
    cy = float(rng.uniform(0.35, 0.65)) * h
    mag = float(rng.uniform(1.6, 2.2))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - cx, yy - cy
    r2 = (dx**2 + dy**2) / rad**2
    k = 1 / mag * (1 - 0.12 * r2)
    mapx, mapy = (cx + dx * k).astype(np.float32), (cy + dy * k).astype(np.float32)
    zoomed = (
        cv2.remap(out, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE) * 1.06 + 6
    )
    shadow = np.clip(
        1 - (np.hypot(xx - cx - 0.06 * rad, yy - cy - 0.09 * rad) - rad) / (0.12 * rad), 0, 1
    )
    out *= (1 - 0.45 * shadow * (r2 > 1))[:, :, None]
    inside = (r2 <= 1)[:, :, None]
    out = np.where(inside, zoomed, out)
    refl = np.exp(
        -(
            ((xx - cx + 0.4 * rad) / (0.25 * rad)) ** 2
            + ((yy - cy + 0.45 * rad) / (0.12 * rad)) ** 2
        )
    )
    out += (40 * refl)[:, :, None]
    rim = _pick(rng, [(25, 25, 28), (60, 45, 30), (150, 150, 155)])
    t = max(3, int(0.07 * rad))
    ang = float(rng.uniform(0, 2 * np.pi))
    hx, hy = cx + np.cos(ang) * (rad + t), cy + np.sin(ang) * (rad + t)
    ex, ey = cx + np.cos(ang) * 3 * rad, cy + np.sin(ang) * 3 * rad
    cv2.line(out, (int(hx), int(hy)), (int(ex), int(ey)), _shade(rim, 0.9), max(4, int(0.22 * rad)))
    cv2.circle(out, (int(cx), int(cy)), int(rad + t / 2), rim, t)
    cv2.ellipse(
        out,
        (int(cx), int(cy)),
        (int(rad + t / 2), int(rad + t / 2)),
        0,
        200,
        290,
        _lighter(rim, 2.2),
        max(1, t // 3),
    )
    return _noise(_u8(out), rng, 2.0)


def truncated(img: U8, rng: Rng) -> U8:
    """A JPEG cut short in transfer, as a viewer shows it: the top 45-68 % (in whole rows
    of 16 px blocks) as sent, then one to three block rows decoded wrong (shifted along by
    2-12 blocks, a colour cast in lightness and both chroma, a few blocks flat), then
    nothing: mid-grey (75 %) or the green of zeroed blocks to the bottom (at least an
    eighth of the height)."""
    h, w = img.shape[:2]
    a = max(16, round(h * float(rng.uniform(0.45, 0.68)) / 16) * 16)
    bnd = min(h - max(8, h // 8), a + 16 * int(rng.integers(1, 4)))
    a = min(a, bnd)
    out = img.copy()
    if bnd > a:
        band = np.roll(out[a:bnd], 8 * int(rng.integers(2, 13)) * int(rng.choice([-1, 1])), axis=1)
        ycc = cv2.cvtColor(np.ascontiguousarray(band), cv2.COLOR_RGB2YCrCb).astype(np.float32)
        ycc += np.array(
            [
                rng.uniform(20, 50) * rng.choice([-1, 1]),
                rng.uniform(15, 40) * rng.choice([-1, 1]),
                rng.uniform(15, 40) * rng.choice([-1, 1]),
            ],
            np.float32,
        )
        band = cv2.cvtColor(_u8(ycc), cv2.COLOR_YCrCb2RGB)
        for _ in range(int(rng.integers(2, 8))):
            bx, by = (
                8 * int(rng.integers(0, max(1, w // 8))),
                8 * int(rng.integers(0, max(1, (bnd - a) // 8))),
            )
            band[by : by + 8, bx : bx + 8] = _c(rng, 0, 256)
        out[a:bnd] = band
    out[bnd:] = (128, 128, 128) if rng.random() < 0.75 else (0, 135, 0)
    return out


def flicker(img: U8, rng: Rng) -> U8:
    """The picture taken under lights flickering with the mains, read out by a rolling
    shutter: dark bands across it every 18-40 % of the height, 25-50 % deep (a little
    more in one colour, up to 15 %), noise of a short exposure (sigma 3-5)."""
    h = img.shape[0]
    y = np.arange(h, dtype=np.float32)[:, None, None]
    period = float(rng.uniform(0.18, 0.4)) * h
    wave = (
        0.5 + 0.5 * np.sin(2 * np.pi * y / period + float(rng.uniform(0, 2 * np.pi)))
    ) ** np.float32(rng.uniform(1.0, 2.0))
    depth = float(rng.uniform(0.25, 0.5))
    tint = 1 + rng.uniform(-0.15, 0.15, 3).astype(np.float32)
    gain = 1 - depth * wave * tint[None, None, :]
    return _noise(
        _u8(img.astype(np.float32) * gain * float(rng.uniform(1.0, 1.15))),
        rng,
        float(rng.uniform(3, 5)),
    )


def dual_camera(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A dual-camera app's picture: the main shot from somewhere in the middle of the room
    (30-55 % of the depth in) facing the back (turned up to 25 degrees, pitched -8 to +2,
    66-76 degrees wide), and in a rounded inset 22-28 % of the width (3:4, a black
    border) in a top corner what the other camera saw at once: the room behind, towards
    the front wall (turned 165-195 degrees, pitched -10 to +4, 60-70 degrees wide)."""
    s = _scale(w)
    planes = place.planes(0)
    pos = middle_station(place, rng)
    yaw, _ = _aim(pos, _vec(float(rng.uniform(-0.3, 0.3)) * place.width, 1.2, place.depth))
    yaw += float(rng.uniform(-25, 25))
    main = render(
        planes, Camera(pos, yaw, float(rng.uniform(-8, 2)), float(rng.uniform(66, 76))), w, h
    )
    out = _noise(main, rng, 2.0)
    iw = int(w * float(rng.uniform(0.22, 0.28)))
    ih = min(h - int(0.1 * h), iw * 4 // 3)
    behind = Camera(
        pos,
        yaw + 180 + float(rng.uniform(-15, 15)),
        float(rng.uniform(-10, 4)),
        float(rng.uniform(60, 70)),
    )
    inset = _noise(render(planes, behind, iw, ih), rng, 2.0)
    m = int(0.03 * w)
    x0 = m if rng.random() < 0.7 else w - iw - m
    y0 = m
    rad = max(2, int(0.1 * iw))
    border = max(1, int(2 * s))
    _rounded(
        out,
        x0 - border,
        y0 - border,
        x0 + iw + border,
        y0 + ih + border,
        rad + border,
        (10, 10, 10),
    )
    shape = np.zeros((ih, iw), np.uint8)
    _rounded(shape, 0, 0, iw - 1, ih - 1, rad, (1, 1, 1))  # type: ignore[arg-type]
    region = out[y0 : y0 + ih, x0 : x0 + iw]
    region[shape > 0] = inset[shape > 0]
    return out


def markup(img: U8, rng: Rng) -> U8:
    """The picture annotated in an image editor: two to four hand-drawn rings or boxes,
    one to three arrows, a highlighter stroke (30-40 % opaque), one or two labels and a
    numbered tag, in red, yellow, cyan or green strokes 3-5 px wide (at 400)."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = img.copy()
    ink = _pick(rng, [(230, 30, 30), (250, 215, 30), (30, 200, 240), (60, 220, 60)])
    t = max(1, int(float(rng.uniform(3, 5)) * s))
    hi = out.copy()
    p0 = (int(rng.uniform(0.1, 0.9) * w), int(rng.uniform(0.2, 0.9) * h))
    p1 = (
        int(np.clip(p0[0] + rng.uniform(-0.4, 0.4) * w, 0, w)),
        int(np.clip(p0[1] + rng.uniform(-0.1, 0.1) * h, 0, h)),
    )
    cv2.line(hi, p0, p1, (250, 240, 60), max(4, int(float(rng.uniform(14, 24)) * s)))
    a = float(rng.uniform(0.3, 0.4))
    out = _u8(out.astype(np.float32) * (1 - a) + hi.astype(np.float32) * a)
    centres = []
    for _ in range(int(rng.integers(2, 5))):
        cx, cy = int(rng.uniform(0.15, 0.85) * w), int(rng.uniform(0.15, 0.85) * h)
        rx, ry = int(rng.uniform(0.05, 0.15) * w), int(rng.uniform(0.05, 0.15) * h)
        centres.append((cx, cy, rx, ry))
        if rng.random() < 0.6:
            ang = np.linspace(0, 2 * np.pi * float(rng.uniform(1.02, 1.12)), 40)
            wob = 1 + rng.normal(0, 0.03, 40)
            pts = np.stack([cx + rx * wob * np.cos(ang), cy + ry * wob * np.sin(ang)], axis=1)
        else:
            pts = np.array(
                [
                    [cx - rx, cy - ry],
                    [cx + rx, cy - ry],
                    [cx + rx, cy + ry],
                    [cx - rx, cy + ry],
                    [cx - rx, cy - ry],
                ],
                np.float64,
            )
            pts += rng.normal(0, 1.5 * s, pts.shape)
        cv2.polylines(out, [pts.astype(np.int32)], False, ink, t, cv2.LINE_AA)
    for _ in range(int(rng.integers(1, 4))):
        cx, cy, rx, ry = centres[int(rng.integers(0, len(centres)))]
        ang = float(rng.uniform(0, 2 * np.pi))
        tip = (int(cx + 1.1 * rx * np.cos(ang)), int(cy + 1.1 * ry * np.sin(ang)))
        tail = (int(tip[0] + np.cos(ang) * 0.18 * w), int(tip[1] + np.sin(ang) * 0.18 * w))
        cv2.arrowedLine(out, tail, tip, ink, t, cv2.LINE_AA, tipLength=0.25)
    for _ in range(int(rng.integers(1, 3))):
        cx, cy, rx, ry = centres[int(rng.integers(0, len(centres)))]
        _outlined(
            out,
            f"{_word(rng, (1, 2)).upper()} {int(rng.integers(1, 20))}",
            (max(2, cx - rx), max(int(12 * s), cy - ry - int(4 * s))),
            0.9 * s,
            ink,
        )
    cx, cy, rx, ry = centres[0]
    tag = (min(w - int(10 * s), cx + rx), max(int(10 * s), cy - ry))
    cv2.circle(out, tag, max(4, int(9 * s)), ink, -1)
    cv2.putText(
        out,
        str(int(rng.integers(1, 10))),
        (tag[0] - int(4 * s), tag[1] + int(5 * s)),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.45 * s,
        (250, 250, 250),
        max(1, int(1.5 * s)),
    )
    return out


def _mesh(rng: Rng, w: int, h: int) -> F32:
    """How much of each pixel a security grille covers (0-1): chain-link (diamonds at 45-60
    degrees, 55 %) or a roller grille (bars with links in brick bond, 45 %), wire 2-3.5 px
    and a period of 22-38 px (at 400), drawn at twice the size and turned up to 6
    degrees."""
    s = 2 * _scale(w)
    big = np.zeros((2 * h, 2 * w), np.float32)
    t = max(1, round(float(rng.uniform(2.0, 3.5)) * s))
    p = float(rng.uniform(22, 38)) * s
    span = 2 * max(w, h)
    if rng.random() < 0.55:
        ang = np.radians(float(rng.uniform(45, 60)))
        step = p / np.sin(ang)
        for k in np.arange(-span, 2 * span, step):
            for sgn in (1, -1):
                x0 = k
                pts = np.array([[x0 + sgn * 0, 0], [x0 + sgn * span / np.tan(ang), span]])
                cv2.line(
                    big, tuple(pts[0].astype(int)), tuple(pts[1].astype(int)), 1.0, t, cv2.LINE_AA
                )
    else:
        py, px = float(rng.uniform(0.6, 0.9)) * p, float(rng.uniform(1.2, 1.6)) * p
        for i, y in enumerate(np.arange(0, 2 * h, py)):
            cv2.line(big, (0, int(y)), (2 * w, int(y)), 1.0, t, cv2.LINE_AA)
            for x in np.arange((i % 2) * px / 2, 2 * w, px):
                cv2.line(big, (int(x), int(y)), (int(x), int(y + py)), 1.0, t, cv2.LINE_AA)
    m = cv2.getRotationMatrix2D((w, h), float(rng.uniform(-6, 6)), 1.0)
    big = cv2.warpAffine(big, m, (2 * w, 2 * h), borderMode=cv2.BORDER_REFLECT)
    return np.asarray(cv2.resize(big, (w, h), interpolation=cv2.INTER_AREA), np.float32)


def grille(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place through a closed security grille just in front of the lens, from the
    front wall (``front_camera``): the room x0.6-0.9 as bright (half its lights off), the
    grille (``_mesh``) a little out of focus (sigma 0.6-1.6 px at 400), galvanised grey
    (70-140) lit along one edge."""
    s = _scale(w)
    room = render(place.planes(0), front_camera(place, rng), w, h).astype(np.float32) * float(
        rng.uniform(0.6, 0.9)
    )
    cover = _mesh(rng, w, h)
    cover = np.clip(cv2.GaussianBlur(cover, (0, 0), float(rng.uniform(0.6, 1.6)) * s), 0, 1)[
        :, :, None
    ]
    metal = float(rng.uniform(70, 140))
    lit = np.roll(cover, -max(1, int(s)), axis=0)
    colour = metal + 60 * np.clip(cover - lit, 0, 1)
    out = room * (1 - cover) + colour * cover
    return _noise(_u8(out), rng, 2.5)


def net_curtain(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place through a net curtain hung at the front (the window of a shop, a
    doorway), from ``front_camera``: a white or cream lace veil 25-40 % opaque with a
    repeating motif (rings and petals, 40-70 px a repeat at 400) 20-35 % more, a fine net,
    four to eight soft pleats (x0.75-1.25), out of focus (sigma 1.2-2.8 px at 400), lit
    from outside."""
    s = _scale(w)
    room = render(place.planes(0), front_camera(place, rng), w, h).astype(np.float32)
    alpha = np.full((h, w), float(rng.uniform(0.25, 0.4)), np.float32)
    step = max(8, int(float(rng.uniform(40, 70)) * s))
    motif = np.zeros((h, w), np.float32)
    extra = float(rng.uniform(0.2, 0.35))
    for y in range(0, h + step, step):
        for x in range((y // step % 2) * step // 2, w + step, step):
            cv2.circle(motif, (x, y), step // 4, 1.0, max(1, int(2 * s)))
            for k in range(6):
                ang = k * np.pi / 3
                cv2.circle(
                    motif,
                    (int(x + step * 0.38 * np.cos(ang)), int(y + step * 0.38 * np.sin(ang))),
                    max(1, step // 10),
                    1.0,
                    -1,
                )
    alpha += extra * motif
    net = max(2, int(3 * s))
    alpha[::net] += 0.08
    alpha[:, ::net] += 0.08
    xx = np.arange(w, dtype=np.float32)[None, :]
    pleats = float(rng.uniform(4, 8))
    alpha *= 1 + 0.25 * np.cos(2 * np.pi * xx * pleats / w + float(rng.uniform(0, 2 * np.pi)))
    alpha = np.clip(cv2.GaussianBlur(alpha, (0, 0), float(rng.uniform(1.2, 2.8)) * s), 0, 0.85)[
        :, :, None
    ]
    veil = np.array(_between(rng, (235, 232, 220), (252, 252, 250)), np.float32)
    out = room * (1 - alpha) + veil * alpha
    return _noise(_u8(out), rng, 2.0)


def low_ink(img: U8, rng: Rng) -> U8:
    """An inkjet print of the picture with one cartridge empty, photographed on a desk:
    cyan (40 %), magenta (35 %) or yellow (25 %) at 0-15 %, another at 80-100 %, a faint
    line every 9-16 px (at 400) and two to five broader pale bands where nozzles were
    blocked, the ink bled (sigma 0.6 px), on paper 84-94 % of the width, off square."""
    h, w = img.shape[:2]
    s = _scale(w)
    cmy = 1 - img.astype(np.float32) / 255
    u = rng.random()
    empty = 0 if u < 0.4 else 1 if u < 0.75 else 2
    cmy[:, :, empty] *= float(rng.uniform(0, 0.15))
    other = (empty + int(rng.integers(1, 3))) % 3
    cmy[:, :, other] *= float(rng.uniform(0.8, 1.0))
    period = max(3, int(float(rng.uniform(9, 16)) * s))
    cmy[::period] *= float(rng.uniform(0.3, 0.6))
    for _ in range(int(rng.integers(2, 6))):
        y = int(rng.integers(0, h))
        cmy[y : y + max(1, int(float(rng.uniform(2, 6)) * s))] *= 0.5
    paper = np.array(_between(rng, (238, 238, 232), (250, 248, 244)), np.float32)
    printed = cv2.GaussianBlur(paper * (1 - cmy), (0, 0), 0.6 * s)
    out = _table(rng, w, h).astype(np.float32)
    pw = int(w * float(rng.uniform(0.84, 0.94)))
    ph = pw * h // w
    x0, y0 = (w - pw) // 2, (h - ph) // 2
    margin = max(2, int(5 * s))
    out[y0 - margin : y0 + ph + margin, x0 - margin : x0 + pw + margin] = paper
    out[y0 : y0 + ph, x0 : x0 + pw] = cv2.resize(printed, (pw, ph), interpolation=cv2.INTER_AREA)
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def raw_preview(img: U8, rng: Rng) -> U8:
    """A raw frame shown undeveloped: linear light (no tone curve), the sensor's own
    colour (red x0.42-0.55, blue x0.6-0.75: green), scaled so its brightest 0.5 % reach
    70-90 % of white, the Bayer grid's faint 2 x 2 pattern (2-5 %), shot noise and a few
    hot pixels (0.02-0.06 %)."""
    h, w = img.shape[:2]
    lin = np.power(img.astype(np.float32) / 255, 2.2)
    lin *= np.array([rng.uniform(0.42, 0.55), 1.0, rng.uniform(0.6, 0.75)], np.float32)
    lin *= float(rng.uniform(0.7, 0.9)) / max(1e-3, float(np.percentile(lin, 99.5)))
    e = float(rng.uniform(0.02, 0.05))
    grid = np.ones((h, w, 1), np.float32)
    grid[::2, ::2] += e
    grid[1::2, 1::2] -= e
    lin *= grid
    lin += rng.normal(0, 1, lin.shape).astype(np.float32) * (
        np.sqrt(np.clip(lin, 0, 1)) * float(rng.uniform(0.02, 0.035)) + 0.004
    )
    out = _u8(np.clip(lin, 0, 1) * 255)
    n = int(h * w * float(rng.uniform(0.0002, 0.0006)))
    out[rng.integers(0, h, n), rng.integers(0, w, n)] = rng.integers(150, 256, (n, 3))
    return out


def editor(img: U8, rng: Rng) -> U8:
    """A photo editor's crop-and-straighten screen, screenshotted: a dark interface (a
    top bar with icons and a 'done' word, a tool column, a dial with the angle), the
    picture turned 2-7 degrees either way and enlarged to fill the crop frame (70-82 % of
    the width), the part outside the frame dimmed to 35-45 %, thirds lines, corner
    handles."""
    h, w = img.shape[:2]
    s = _scale(w)
    ui = int(rng.integers(28, 46))
    out = np.full((h, w, 3), ui, np.float32)
    accent = _pick(rng, [(250, 200, 40), (60, 150, 250), (250, 250, 250)])
    bar, dial = int(0.09 * h), int(0.14 * h)
    out[:bar] = ui + 12
    for k in range(4):
        x = int((12 + 26 * k) * s)
        cv2.rectangle(
            out, (x, bar // 3), (x + int(12 * s), bar * 2 // 3), (170, 170, 172), max(1, int(s))
        )
    tmp = _u8(out)
    _text(
        tmp,
        rng,
        _word(rng, (1, 2)).capitalize(),
        w - int(60 * s),
        int(bar * 0.7),
        max(5, int(bar * 0.45)),
        accent,
    )
    out = tmp.astype(np.float32)
    cw = int(w * float(rng.uniform(0.7, 0.82)))
    ch = cw * h // w
    ch = min(ch, h - bar - dial - int(8 * s))
    cw = ch * w // h
    cx, cy = w // 2 + int(0.02 * w), bar + (h - bar - dial) // 2
    angle = float(rng.uniform(2, 7)) * float(rng.choice([-1, 1]))
    a = np.radians(abs(angle))
    zoom = np.cos(a) + np.sin(a) * max(cw / ch, ch / cw)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, zoom * cw / w)
    m[0, 2] += cx - w / 2
    m[1, 2] += cy - h / 2
    pic = cv2.warpAffine(img.astype(np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpAffine(np.ones((h, w), np.float32), m, (w, h))[:, :, None]
    dim = float(rng.uniform(0.35, 0.45))
    x0, y0, x1, y1 = cx - cw // 2, cy - ch // 2, cx + cw // 2, cy + ch // 2
    inside = np.zeros((h, w, 1), np.float32)
    inside[y0:y1, x0:x1] = 1
    shown = pic * (inside + (1 - inside) * dim)
    work = np.zeros((h, w, 1), np.float32)
    work[bar : h - dial, int(0.08 * w) :] = 1
    out = out * (1 - cover * work) + shown * cover * work
    for k in (1, 2):
        x = x0 + k * cw // 3
        y = y0 + k * ch // 3
        out[y0:y1, x] = out[y0:y1, x] * 0.5 + 125
        out[y, x0:x1] = out[y, x0:x1] * 0.5 + 125
    cv2.rectangle(out, (x0, y0), (x1, y1), (235.0, 235.0, 235.0), max(1, int(s)))
    ln, t = int(0.06 * cw), max(2, int(3 * s))
    for px, py, sx, sy in ((x0, y0, 1, 1), (x1, y0, -1, 1), (x0, y1, 1, -1), (x1, y1, -1, -1)):
        cv2.line(out, (px, py), (px + sx * ln, py), (250.0, 250.0, 250.0), t)
        cv2.line(out, (px, py), (px, py + sy * ln), (250.0, 250.0, 250.0), t)
    for k in range(5):
        y = bar + int((20 + 30 * k) * s)
        cv2.rectangle(
            out,
            (int(8 * s), y),
            (int(20 * s), y + int(12 * s)),
            (150.0, 150.0, 152.0),
            max(1, int(s)),
        )
    dy = h - dial // 2
    cv2.line(out, (int(0.15 * w), dy), (int(0.85 * w), dy), (120.0, 120.0, 122.0), max(1, int(s)))
    for k, x in enumerate(np.linspace(0.15 * w, 0.85 * w, 29)):
        tick = int((8 if k % 4 == 0 else 4) * s)
        cv2.line(out, (int(x), dy - tick), (int(x), dy + tick), (170.0, 170.0, 172.0), 1)
    cv2.line(
        out,
        (w // 2, dy - int(12 * s)),
        (w // 2, dy + int(12 * s)),
        tuple(float(c) for c in accent),
        max(1, int(2 * s)),
    )
    res = _u8(out)
    _outlined(
        res, f"{angle:+.1f}", (w // 2 - int(14 * s), dy - int(14 * s)), 0.8 * s, (235, 235, 235)
    )
    return res


def views_v18(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v18's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["listing"] = _png(listing(place, rng, w, h))
    out["evidencebag"] = _jpeg(evidence_bag(shot(0.4, 12), rng), 85)
    out["loupe"] = _jpeg(loupe(shot(0.4, 12), rng), 85)
    out["truncated"] = _jpeg(truncated(shot(0.4, 12), rng), 88)
    out["flicker"] = _jpeg(flicker(shot(0.4, 12), rng), 85)
    out["dualcam"] = _jpeg(dual_camera(place, rng, w, h), 85)
    out["markup"] = _jpeg(markup(shot(0.4, 12), rng), 85)
    out["grille"] = _jpeg(grille(place, rng, w, h), 85)
    out["netcurtain"] = _jpeg(net_curtain(place, rng, w, h), 85)
    out["lowink"] = _jpeg(low_ink(shot(0.4, 12), rng), 85)
    out["rawpreview"] = _jpeg(raw_preview(shot(0.4, 12), rng), 90)
    out["editor"] = _png(editor(shot(0.4, 12), rng))
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
    return write_pictures(folder, rooms, size, first, tag="v18", room=room_v18, views=views_v18)


def main() -> None:
    dry_run("v18", make_pictures, place_kind)


if __name__ == "__main__":
    main()

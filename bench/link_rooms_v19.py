"""Generator v19 of ``bench/link.py``: benign places (opticians, dry cleaners, pet shops,
chip shops, railway ticket halls, ice cream parlours, phone shops, shoe shops) as till
receipts, e-readers, old televisions, cross-stitch, glass balls, pixel sorting,
kaleidoscopes, smartwatches, split screens, party lights, sodium street light and step
ladders show them, held out.

Written blind, like v6-v18: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]`` and ``[tool.mypy]`` sections of
``pyproject.toml`` (and the mypy overrides and the pytest header that follow them),
``bench/link_rooms_v18.py`` whole (for the interface, the truth format, the place model and
the primitives imported below), ``tests/bench/test_link_rooms_v18.py`` whole (for the shape
of the tests) and, in ``bench/link.py``, only the generator plumbing: a grep for ``v18`` and
the lines round each hit (the imports at 70-80, ``GENERATORS`` at 615-645 with the end of
the views function before it, the ``views_*`` dict of ``make_collection`` at 672-702 and the
``--generator`` argument at 1270-1300, a range that also shows the end of
``verify_options``). Of ``bench/link_rooms_v6.py``-``v17.py`` only the first paragraphs of
their docstrings were read, the names of their views (a grep of the ``out["..."]`` keys, the
quoted names in ``views_v10`` and the ``VIEW_KINDS`` of v6-v10), their ``KINDS`` tuples
(v7-v17) and ``GROUPS`` dicts (v13-v17), their seed constants (a grep for ``SEED = `` in
v12-v17 and for ``_000_000`` in v6-v12, whose hits name their look-alike groups), and the
lines a grep found for words v19 considered (with a few lines round some hits: v6's sign
words after its ``VIEW_KINDS``, v10's ``webcam`` and v11's ``grain``). For kinds and groups:
optician, spectacle, glasses, eyewear, eye chart, dry clean, cleaner, conveyor, pet,
aquarium, cage, kennel, hamster, chip, fryer, frying, takeaway, ticket, railway, station,
concourse, booking, ice cream, gelato, phone shop, mobile, handset, shoe, bank, cash
machine, atm, sweet, jar, canteen, showroom, bridal, wedding, cobbler, key cutting, travel
agent, bureau, launderette, ticket machine, frames, squash, court, metro, underground,
subway, tunnel, platform, market, stall, golf, simulator, capsule, stadium, gondola. For
views: e-ink, e-reader, kindle, stitch, embroider, watercolour, lens ball, glass ball,
sphere, crystal, shutter, exposure, overexposed, coffee, stain, pixel sort, glitch, sorted,
kaleido, watch, smartwatch, crt, cathode, scanline, television, tv, receipt, thermal print,
till roll, split, side by side, tablet, lock screen, notes app, stereo, headset, queue,
silhouette, binocular, canvas, postcard, ladder, ultraviolet, blacklight, disco, party,
spotlight, sodium, twirl, dither, grey levels. None of v19's kinds, groups or views is a
kind, group or view of v6-v18 (the tests check the names against the ``KINDS``, ``GROUPS``
and ``VIEW_KINDS`` of v6-v18's modules). The hits were other senses (a barn's stalls, a
sports hall's court lines, a kitchen's ticket rail, a hardware store's gondolas, a cinema's
platform, a rolling shutter, a fridge's cream panels), "optician" a word on v6's signs
(kept, as v18 kept "florist") and v17's consulting rooms with an eye chart (kept: an
optician's is a shop, its chart the kind's), or views that made v19 drop an idea: v11's
``shoulder`` (an over-the-shoulder silhouette: a queue view dropped), v10's ``webcam``
(auto-exposure blowing the picture out: an overexposed view dropped), v11's ``grain``
("smeared like watercolour": a watercolour filter dropped), v17's ``anaglyph`` (a stereo
pair: a side-by-side VR view dropped); v18's exhibition stands made v19 drop stalls of one
market hall. The nearest views kept are v13's ``gif`` (ordered dithering in colour; ``eink``
is 16 greys on a device), v16's ``laptopmoire`` (by its name a laptop's screen; ``crt`` is a
tube), v9's ``fisheye`` (``lensball`` is inverted, in a ball, over a blurred room) and v15's
``ceilingcam`` (``stepladder`` stands in the room with the ladder in the frame). The
signatures of the v6-v18 primitives imported below were printed (``inspect.signature``, the
methods and fields of the classes too), and a few were run to learn what a signature does
not say: v13's ``_piece`` on 27 names, ``_faces`` on a dict of plain textures (it reads
``front``, ``top`` and ``side``), ``_Floor``'s ``against``, ``middle`` and ``fits`` on a 6 x
8 m floor, v17's ``_b17`` on a subclass of ``_Build17``, v9's ``render`` turned 10 degrees
(which way yaw turns), v18's ``build_place`` and ``render`` (timed; four v18 pictures looked
at). ``python -m bench.link --help`` was run once to check the plumbing. Nothing of the
linker's code, tests, docs or results was read, and neither the linker nor ``bench.link``
was ever run on these pictures: use it once, for a held-out figure: ``python -m bench.link
--name link-v19-heldout --generator v19 --no-real --size 400x300 --rooms 315 --workers 2
--skip-costs``. v9's projective renderer, v6's picture writer and dry run, v13's place model
(surfaces, boxes, walls, floor plans, furniture pieces, windows, wall things, lighting),
v14's belongings and small helpers, v15's doors and sky, v16's shop front, colour ramp,
aiming and outlined lettering, v17's building state, clearance test, shell planes, grained
paint, rounded boxes and off-square warp, v18's departure screen, terrazzo, display tank,
desk tops and colour picker, and small drawing primitives of v10-v12 are imported; the kinds
of place, their builders, the kinds' mass-produced things, the look-alikes, the day's loose
things, the cameras and every view are v19's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v19 --rooms 12 --size 400x300
--out /tmp/v19``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(panels of spectacle frames, walls of shoes, slatwalls, pegboards, booking-office windows,
glazed tiles, menus, neon, a squash court's lines, a station's names and posters, signs,
doors, sockets, exit signs) and furniture and fittings as 3-D boxes (counters, drawers,
display tables, desks and chairs, rails of clothes, machines, racks of tanks, cages,
gondolas, ranges and hoods, fridges, gates, ticket machines, benches, cabinets, handsets,
stools, boxes). Loose things (a carton, a shopping bag, a stack of leaflets, a folded
cloth) change from day to day. Two pictures show the same place exactly when they come
from the same seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_000_000_000 + seed)``); no photograph is read, so two ordinary places
cannot share a photographed surface. As in real places of one kind, though, some things
are mass-produced: the same model of machine, chair or box stands in every place of the
kind. Those are drawn from the kind's own generator (``default_rng([1_008_000_000, k])``,
``k`` the kind's place in ``KINDS``), so they are identical in every place of the kind and
in no place of another kind; where they stand is each place's own. The kinds' things:

- *optician*: the letter chart's light box and the auto-refractor with its table;
- *dry cleaner*: the garment conveyor's drive column, the dry-cleaning machine, the steam
  press;
- *pet shop*: the rack of six display tanks (the frame; each tank's water and fish are
  the shop's own), the small-animal cage's body (its front is the shop's own), the sack of
  food;
- *chip shop*: the frying range (its width the model's, 2.2-2.8 m) and its hood, the drinks
  fridge with its cans;
- *railway ticket hall*: the ticket gate, the ticket machine;
- *ice cream parlour*: the gelato cabinet's base (the tubs under its glass are the
  parlour's own), the lolly freezer and its chart;
- *phone shop*: three demonstration handsets and a tablet;
- *shoe shop*: the fitting stool, the foot gauge, the shoebox.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them: a linker must not link two places because they show one model of machine. What
any two places may still have alike is what is generic in real places too: socket plates,
exit signs, the Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v18; sizes width x height x depth in m):

- *optician* (5-8 x 2.6-3.1 x 7-12): pale paint (the back wall in a colour for half),
  skirting, boards (45 %), a carpet (35 %) or lino, a plain or tiled ceiling, a shop front;
  panels of spectacle frames (0.6-0.9 m wide, from 0.95 to 2.0-2.2 m: rows of round,
  rectangular, oval or half-rim frames in black, tortoiseshell, gold, steel or a colour,
  price tags) along both side walls over runs of drawers (0.9 m); a reception counter; the
  auto-refractor on its table against the back wall; the letter chart (0.5 x 0.8 m, from
  1.2 m) on the back wall; one or two display tables (0.95 m) of frames on felt; one or two
  dispensing desks (a mirror, a tray of frames) with a chair either side; a mirror, a sign,
  a poster, a door.
- *dry cleaner* (4-6.5 x 2.6-3.1 x 6-10): paint, skirting, lino or tiles, a tiled ceiling, a
  shop front; a counter (1 m) across 35-50 % of the depth in (at least 2.6 m), a flap 0.9 m
  wide at one end, a till on it; behind it clothes in clear plastic (shirts, suits, dresses,
  paper tickets; 1-1.3 m long) on a rail at 1.9-2.2 m along one side wall and across half
  the back, the conveyor's drive column at the front of the run; the dry-cleaning machine
  (1.3 x 1.1 x 1.85, a round door) in the other back corner and the steam press (1.2 x 0.8 x
  1.25) before it; a price board, a sign, one or two chairs, posters, a door.
- *pet shop* (6-10 x 2.8-3.4 x 9-15): paint, skirting, lino or tiles, a tiled ceiling, a
  shop front; up to four racks of six display tanks (1.2 x 0.5 x 1.9) along one side; a
  cabinet (0.8 m) along the other with small-animal cages on it (shavings, a house, a
  wheel, a bottle, one to three small animals as plain round shapes, bars); one gondola
  (two in shops over 7.5 m wide; 1.5 m high, 2.4-4 m long) of bags, boxes and tins of food
  down the middle; a pallet with two stacks of two to six sacks of food; a counter; a
  pegboard of accessories, a sign, posters, a door.
- *chip shop* (4.5-7 x 2.7-3.2 x 6-9): paint, glazed tiles to 2 m (0.1-0.2 m, a darker
  top row for 60 %), a chequered floor (0.25-0.4 m), a plain or tiled ceiling, a shop
  front; the frying range (1.45 m: a glass hot cabinet over three or four pans, doors)
  against the back, its hood at 2.1-2.6 m; a counter (1.05 m) across 2.0-2.4 m from the
  back with a hot cabinet and shakers on it; two or three menu boards high on the back
  wall; the drinks fridge (0.7 x 0.7 x 1.95) by a side wall; a shelf at 1 m with stools
  (60 %) or one or two tables with two chairs; a clock, posters, a door.
- *railway ticket hall* (12-20 x 5-7.5 x 12-20): stone blocks (45 %), glazed brick (30 %)
  or paint, terrazzo or 0.6 m tiles, a coffered ceiling or a train-shed roof with
  rooflights; three to six booking-office windows (1.1-1.4 x 1.1 m from 1 m) along the
  back over a ledge, their numbers, a sign; a line of ticket gates (four to eight lanes,
  0.95 m apart) across 55-70 % of the depth in, glass barriers to the walls; two to five
  ticket machines (0.8 x 0.5 x 1.8) along one side before the gates; one or two departure
  boards (2.6 m) hanging at 3-3.6 m, a clock; benches and a map of the network on the other
  side, posters, exit signs. The camera stands 1-2.5 m in, nearly level.
- *ice cream parlour* (5-8 x 2.8-3.4 x 7-11): pastel paint (candy stripes on the back wall
  for half), skirting, a chequered (60 %) or terrazzo floor, a plain ceiling, a shop front;
  the gelato cabinet (1.8-2.4 m wide, its base 0.8 m, its glass 0.45 m more: one row of
  tubs from the front, two from above) 1.6-2 m from the back, a counter beside it with a
  till and cones; a board of flavours; a neon sign (a cone, a heart or a star and a word);
  two to four small tables with two chairs; the lolly freezer (1.0 x 0.65 x 0.85) and its
  chart (0.9 x 0.7) against a side wall; a sign, posters, a door.
- *phone shop* (5-8 x 2.8-3.4 x 8-13): white paint, the back wall in the network's colour
  with its word, pale boards or grey tiles, a ceiling with light lines, a shop front; a
  shelf at 1.1 m along one side wall with a handset standing every 0.35 m, promotions above
  it; a slatwall of accessories on the other; two to four display tables (0.9 m) with three
  or more handsets and a tablet standing on each; a counter, a screen, a door.
- *shoe shop* (6-10 x 2.8-3.4 x 9-14): paint (the back wall in a colour for half), boards
  (55 %) or a carpet, a plain or tiled ceiling, a shop front; walls of shoes (shelves from
  0.35 to 2.0-2.3 m, single shoes side on: trainers, boots, court shoes, sandals, price
  cards) along both sides over a plinth (0.3 m); one to three benches (1.6 m) each with one
  or two fitting stools, a foot gauge and a stack of two to six shoeboxes, a low mirror for
  60 %; one or two plinths with a pair of shoes; a counter, a sign, posters, a door.

and, as look-alikes only, a line's *metro platform* (16-22 x 3.6-4.5 x 6.5-8), a club's
*squash court* (6.4 x 5.6-6.2 x 9.75) and a venue's *golf simulator bay* (4.2-5.5 x 3-3.6 x
6.5-8.5). No person is drawn anywhere, nor any figure of one; the small animals are plain
round shapes.

**Views (none of their names or ideas used in v6-v18), at the original's size.** A shot
"moved up to 0.4 m" is the place's camera moved up to 0.4 m (x0.6 in a golf bay, x0.8 in
a squash court; up to 0.08 m in height), turned up to 12 degrees and tilted up to 4 (the
first of 8 moves that leaves it 0.15 m clear of every thing and on the floor one can stand
on, else not moved), with sensor noise (sigma 2). Two views stand somewhere else
(``sodium`` at the front wall, ``stepladder`` on a ladder). Difficulty as meant, not
measured:

- ``receipt`` (hard): a shot printed on a till receipt by a thermal printer, photographed
  lying on a desk (wood, grey laminate or dark felt): a strip 34-42 % of the width, its
  middle 40-60 % across, turned up to 4 degrees, its torn top near the top of the frame and
  running off the bottom; a shop's name, a dashed rule, a date and time, the picture across
  the strip (grey, contrast stretched between its 2nd and 98th percentiles, one bit a dot
  at twice the strip's pixels with ordered dithering), one to three dead-dot lines down it,
  three to six items with prices, a total, a bar code; the ink faded to 30-70 of 255 on
  cream paper, the strip's curl shading it (-10 % at the edges, a sheen), a shadow. JPEG 85.
- ``eink`` (medium): a shot on an e-reader lying on a desk: the device (dark for 60 %, else
  white; 82-90 % of the width, rounded) with a thicker bottom bezel and a shadow, the
  picture fitted under a status bar (a time, a battery) in 16 greys (gamma 1.1, ordered
  dithering) between a black of 45-70 and a white of 200-222 (a little warm), a ghost of
  the last page's text (5-9 %), a glare across the glass (+12-30), each corner moved up to
  2 %. JPEG 85.
- ``crt`` (medium): a shot on an old cathode-ray television in a dim room: the set (wood
  grain or grey plastic, 92-98 % of the frame) with two knobs, the tube 78-86 % of the width
  (4:3 or flatter, rounded corners), the picture bulging (barrel 6-12 %), scanlines every
  2-3 px (at 400; 20-35 % deep), the shadow mask's colour triads (x0.78 and x1.12), bloom
  (+30 % of a blur), a warm cast, darker corners, a glare, noise sigma 3. JPEG 85.
- ``crossstitch`` (hard): a shot worked in cross-stitch on Aida cloth and photographed:
  48-72 stitches across at 400 px (80-90 % of the width; a stitch at least 3 px), 12-24
  thread colours (a k-means of the picture), each stitch two crossed strokes (the top one
  x1.08, the bottom x0.9) over the cloth's grid of holes, the bottom 0-30 % of the rows not
  yet stitched, 2 % of stitches missed; lit from one side (x0.9-1.05), each corner moved up
  to 2 %. JPEG 88.
- ``lensball`` (hard): the place through a glass ball held up before the lens: the room
  behind (a shot moved up to 0.4 m) out of focus (sigma 3-6 px at 400, x0.85-0.95), the
  ball (radius 28-40 % of the height, its middle 35-65 % across and 40-60 % down) showing a
  view of the room 90-110 degrees wide towards it, upside down and bent towards the rim,
  darker (to x0.5) and colour-fringed (+-1.2 %) at its edge, a bright rim, a highlight, a
  dark stand below; noise sigma 2.5. JPEG 85.
- ``pixelsort`` (easy): a glitch filter on a shot: in two to four bands (30-50 % of the rows
  in all; of the columns for 40 %), each run of pixels whose brightness lies between
  0.2-0.35 and 0.7-0.9 sorted by brightness (up or down); the rest untouched. JPEG 90.
- ``kaleidoscope`` (hard): a kaleidoscope filter on a shot: one wedge (60, 45, 36 or 30
  degrees, its point 35-65 % across and down, at x0.8-1.1) mirrored round the middle of
  the frame to fill it. JPEG 85.
- ``watchface`` (hard): a shot as a smartwatch's face, the watch lying on a desk: the strap
  (silicone in one of five colours, holes, a buckle) across the frame, a round (50 %) or
  rounded-square case (steel, black or gold) 42-55 % of the height, on its face a crop of
  the shot (55-80 % of its height, x0.9) under the time in large digits, the date and two
  complications, a crown, a glare on the glass; each corner moved up to 3 %. JPEG 85.
- ``splitscreen`` (medium): a tablet's split screen, screenshotted: light (60 %) or dark, a
  status bar, a shot fitted to the width of the photo viewer's pane (52-62 % of the width,
  left or right) on black under a translucent toolbar, a notes app (a title, lines, a
  checklist; 70 %) or a map (roads, a pin) in the other pane, a divider with a handle, a
  home bar. PNG.
- ``partylights`` (easy): a shot during an evening do: the room's lights down to 18-32 %,
  four to eight pools of coloured light (red, green, blue, magenta, amber or cyan;
  12-30 x 8-20 % of the frame, x0.8-1.4) across it, two to four faint beams through haze
  from the top, 150-400 specks from a mirror ball, noise sigma 4. JPEG 85.
- ``sodium`` (hard): the place at night lit only by low-pressure sodium street lights
  through its front, from its front wall (0.12-0.3 m in, up to 30 % of the width off the
  middle, 1.45-1.65 m up, 0.4 m clear of things, the first of 8 spots, else the place's
  camera; turned up to 12 degrees, on a platform from the place's camera's bearing; pitched
  2-10 down, 62-74 degrees wide): one orange (the light has no other colour), x0.45-0.7 with
  a pool of light (its middle in the lower half; x0.35-1), two or three soft shadows of the
  window's bars (x0.55), shadows lifted (gamma 0.8), noise sigma 5-8. JPEG 80.
- ``stepladder`` (medium): from the top of a step ladder: 2.0-2.4 m up (at least 0.3 m under
  the ceiling), 15-45 % of the depth in, 10-30 % of the width to one side, its foot 0.4 m
  clear of things (the first of 16 tries, else the place's camera raised), looking across
  and down at a spot 2-4 m further in towards the other side (pitched 20-40 degrees down,
  turned up to 8 degrees more, 70-80 degrees wide); the ladder's top cap (aluminium or
  grey, a tool hole) and its rails (aluminium or orange) at the foot of the frame (the
  bottom 10-16 %), a little out of focus. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 % of
seeds). A look-alike is built by the same kind of code as an ordinary place, but everything
fixed is drawn from its group's template generator, so the members of a group are identical
but for what is drawn from their own generator: their belongings (v14's: 4-9 of a bag, a
book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a fruit bowl, a
box, on the tops and the floor; none beyond a platform's edge), each day's loose things, how
each surface is lit, the camera and what is said below. Look-alikes have no mass-produced
things of a kind.

- *Metro platforms of one line* (6 %: ``seed % 50`` in {7, 8, 9}, kind ``metro platform``;
  template ``1_001_000_000 + seed // 50``): the size (the platform's edge 2.8-3.2 m from the
  far wall), the walls' small glazed tiles (0.12 m) and one or two bands in the line's
  colours, the tunnel mouths in the end walls, the floor (tiles, a tactile strip, the
  yellow line 0.6 m from the edge, the coping, the drop's shadow, the track bed with
  sleepers, two running rails and a third), the ceiling's light lines, the places of two to
  four name boards (the line's style: a ring and bar, a band or a panel) and three to six
  poster frames along the far wall, a strip of the line's map, two or three benches with
  bins, a help point, the indicator's casing and place. The station's own: its name on the
  boards, the posters, what the indicator shows (two lines of a platform, a word and
  minutes). The camera stands on the platform (0.6 m in to 1.6 m from the edge) facing the
  track, turned up to 30 degrees.
- *Squash courts of one club* (2 %: ``seed % 100`` in {23, 24}, ``squash court``; template
  ``1_002_000_000 + seed // 100``): the plaster, the red lines (the front wall's out line
  at 4.57 m and service line at 1.78 m, the tin to 0.48 m in white, dark grey or red, the
  side walls' out line from 4.57 to 2.13 m), the club's sign high on the front wall, the
  maple floor with its lines (the short line 5.49 m from the front wall, the half-court
  line, the 1.6 m service boxes), the ceiling, six lights, a vent, the back wall's glass.
  The court's own: 60-220 ball marks on the front wall (most 1.4-3.2 m up), 6-20 scuffs on
  the floor, its number high on a side wall. The camera stands at the back, 0.3-0.7 m in.
- *Golf simulator bays of one venue* (2 %: ``seed % 100`` in {41, 42}, ``golf simulator
  bay``; template ``1_003_000_000 + seed // 100``): the size, the padded walls (one colour,
  dark for 70 %, seams every 1.2 m), the painted front wall, the carpet and the turf over
  the last 4.5 m, the dark ceiling, the impact screen's frame and place (3-3.6 x 2.2-2.6 m
  from 0.15 m), the hitting mat, a ball tray, the projector and the sensor on the ceiling,
  a sofa along one side, a high table and a stool on the other, a screen's frame on that
  wall. The party's own: what the screen shows (sky, trees, a fairway to a green and its
  flag, a yardage, a bar of the shot's numbers), the scoreboard (four lines of a word and
  three numbers), the bay's number on the other wall, one to three things on the table, a
  golf bag by the wall. The camera stands in the lounge (0.4-0.8 m in) aimed at the screen.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (7, 8, 9) or seed % 100 in (23,
24, 41, 42)``; two look-alikes are of one group exactly when they have the same kind and
the same ``seed // 50`` (platforms) or ``seed // 100`` (courts, bays).

**Pictures per place: 13** (the original and 12 views): ``original`` and ``splitscreen``
(PNG), ``receipt``, ``eink``, ``crt``, ``lensball``, ``kaleidoscope``, ``watchface``,
``partylights``, ``stepladder`` (JPEG 85), ``crossstitch`` (JPEG 88), ``pixelsort`` (JPEG
90) and ``sodium`` (JPEG 80), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 platforms in every 50 seeds, 2 courts and
2 bays in every 100); the other seeds draw their kind with equal shares of 1/8 (the tests
check each within +-4 points on seeds 0-999). Counted on seeds 0-999 (``kind_counts``):
platforms 60, courts 20, bays 20; of the other 900: phone shop 124, chip shop 119, dry
cleaner 119, ice cream parlour 115, railway ticket hall 112, shoe shop 110, optician 106,
pet shop 95. The first 60 seeds (a default ``--rooms 60`` run): chip shop 11, pet shop 9,
shoe shop 8, dry cleaner 7, ice cream parlour 6, railway ticket hall 4, optician 3, phone
shop 2, platforms 6 (seeds 7-9, 57-59), courts 2 (23, 24), bays 2 (41, 42): every kind and
group is in it. The held-out run's 315 seeds: chip shop 43, shoe shop 41, phone shop 40,
ice cream parlour 35, pet shop 33, dry cleaner 33, railway ticket hall 31, optician 26,
platforms 21, courts 6, bays 6.

**Speed**: a dry run of 12 places at 400x300 (``--rooms 12 --size 400x300``) took 8.6 s
(8.2 s of CPU, 0.72 s a place of 13 pictures, 129 MB at most) at ``nice -n 19`` at load
average 1.4-1.6 on the shared 2-core machine; 1.9 s of CPU a place at 800x600 (seeds
200-203, 168 MB at most). ``build_place`` ran without error on seeds 0-999 and all twelve
views on seeds 0-199 at 96x72 (and 0-69 at 64x48 and 120x90). Surfaces are drawn at 120
texels a metre, large ones coarser (at most 360,000 texels a surface).

**Seeds**: a place ``1_000_000_000 + seed``; line ``1_001_000_000 + seed // 50``; club
``1_002_000_000 + seed // 100``; venue ``1_003_000_000 + seed // 100``; a day's soft
furnishings and loose things ``1_004_000_000 + 3 * seed + day`` (day 0); views
``default_rng([1_005_000_000, seed, i])`` (``i`` the index ``make_collection`` passes); the
original's sensor noise ``1_006_000_000 + seed``; a kind's mass-produced things
``default_rng([1_008_000_000, k])``. Deterministic by seed. Lettering is random syllables
(digits for prices, times, numbers and codes). Pictures not made by ``room_v19`` (the real
pictures of ``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide
on the back wall of a generated optician's, phone shop or shoe shop (seeds from
``1_007_000_000``) and seen the same ways.
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
    _roof,
    _small_things,
    _tiled_ceiling,
    _vec,
    _Wall,
    _window,
    _wood_tone,
)
from bench.link_rooms_v14 import _belongings, _box, _carton, _inward, _side_x, _sign, _skirting
from bench.link_rooms_v15 import _door, _sky
from bench.link_rooms_v16 import _aim, _between, _lighter, _outlined, _shop_front
from bench.link_rooms_v17 import _b17, _Build17, _free, _grained, _rounded, _tilted, surface_planes
from bench.link_rooms_v18 import _flights, _pick, _speckle, _table, _tank

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]
Spot = tuple[float, float, float, float, str]

PLACE_SEED = 1_000_000_000
LINE_SEED = 1_001_000_000
CLUB_SEED = 1_002_000_000
GOLF_SEED = 1_003_000_000
DAY_SEED = 1_004_000_000
VIEW_SEED = 1_005_000_000
SENSOR_SEED = 1_006_000_000
PRINT_SEED = 1_007_000_000
MODEL_SEED = 1_008_000_000
LINE_EVERY, LINE_SLOTS = 50, (7, 8, 9)
CLUB_EVERY, CLUB_SLOTS = 100, (23, 24)
GOLF_EVERY, GOLF_SLOTS = 100, (41, 42)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("optician", 1 / 8),
    ("dry cleaner", 1 / 8),
    ("pet shop", 1 / 8),
    ("chip shop", 1 / 8),
    ("railway ticket hall", 1 / 8),
    ("ice cream parlour", 1 / 8),
    ("phone shop", 1 / 8),
    ("shoe shop", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "metro platform": "platform",
    "squash court": "court",
    "golf simulator bay": "golfbay",
}
VIEW_KINDS = (
    "receipt",
    "eink",
    "crt",
    "crossstitch",
    "lensball",
    "pixelsort",
    "kaleidoscope",
    "watchface",
    "splitscreen",
    "partylights",
    "sodium",
    "stepladder",
)
PNG_VIEWS = ("splitscreen",)  # a screenshot, saved lossless; every other view is a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "optician": ((5.0, 8.0), (2.6, 3.1), (7.0, 12.0)),
    "dry cleaner": ((4.0, 6.5), (2.6, 3.1), (6.0, 10.0)),
    "pet shop": ((6.0, 10.0), (2.8, 3.4), (9.0, 15.0)),
    "chip shop": ((4.5, 7.0), (2.7, 3.2), (6.0, 9.0)),
    "railway ticket hall": ((12.0, 20.0), (5.0, 7.5), (12.0, 20.0)),
    "ice cream parlour": ((5.0, 8.0), (2.8, 3.4), (7.0, 11.0)),
    "phone shop": ((5.0, 8.0), (2.8, 3.4), (8.0, 13.0)),
    "shoe shop": ((6.0, 10.0), (2.8, 3.4), (9.0, 14.0)),
    "platform": ((16.0, 22.0), (3.6, 4.5), (6.5, 8.0)),
    "court": ((6.4, 6.4), (5.6, 6.2), (9.75, 9.75)),
    "golfbay": ((4.2, 5.5), (3.0, 3.6), (6.5, 8.5)),
}
SMALL = {"golfbay": 0.6, "court": 0.8}  # how far cameras move, as a share
PRINT_KINDS = ("optician", "phone shop", "shoe shop")
HALLS = ("railway ticket hall",)


# --- seeds and kinds ---------------------------------------------------------------------------


def is_metro_platform(seed: int) -> bool:
    return seed % LINE_EVERY in LINE_SLOTS


def is_squash_court(seed: int) -> bool:
    return seed % CLUB_EVERY in CLUB_SLOTS


def is_golf_bay(seed: int) -> bool:
    return seed % GOLF_EVERY in GOLF_SLOTS


def is_distractor(seed: int) -> bool:
    return is_metro_platform(seed) or is_squash_court(seed) or is_golf_bay(seed)


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
    if is_metro_platform(seed):
        return "metro platform"
    if is_squash_court(seed):
        return "squash court"
    if is_golf_bay(seed):
        return "golf simulator bay"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_metro_platform(seed):
        return np.random.default_rng(LINE_SEED + seed // LINE_EVERY)
    if is_squash_court(seed):
        return np.random.default_rng(CLUB_SEED + seed // CLUB_EVERY)
    if is_golf_bay(seed):
        return np.random.default_rng(GOLF_SEED + seed // GOLF_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


@dataclass
class _Build19(_Build17):
    """v17's builder state with the kind's model generator and the boxes drawn from it."""

    model: Rng | None = None
    models: list[Box] = field(default_factory=list)
    walk: float | None = None  # how deep the floor one can stand on is, if not the room's


def _b19(b: _Build17) -> _Build19:
    assert isinstance(b, _Build19)
    return b


def _mass_produced(b: _Build17) -> Rng:
    out = _b19(b).model
    assert out is not None
    return out


def _model(b: _Build17, box: Box) -> None:
    """Add a mass-produced thing (its textures drawn from the kind's generator)."""
    b.boxes.append(box)
    _b19(b).models.append(box)


# --- small drawing helpers ---------------------------------------------------------------------


def _scale(w: int) -> float:
    return w / 400


def _grain_box(rng: Rng, colour: Colour, w: int = 16, h: int = 16, amp: float = 3.0) -> U8:
    return _grained(rng, w, h, colour, amp)


def _all_faces(tex: U8, top: U8 | None = None) -> dict[str, U8]:
    return {
        "front": tex,
        "back": tex,
        "left": tex,
        "right": tex,
        "top": tex if top is None else top,
    }


def _on_wall(
    b: _Build17, name: str, along: float, width: float, depth: float
) -> tuple[float, float]:
    """The centre (x, z) of a box ``depth`` deep standing against wall ``name`` whose
    left edge is ``along`` m along the wall (as the wall's texture runs)."""
    if name == "back":
        return along + width / 2 - b.w / 2, b.d - depth / 2 - 0.01
    if name == "left":
        return -b.w / 2 + depth / 2 + 0.01, along + width / 2
    if name == "right":
        return b.w / 2 - depth / 2 - 0.01, b.d - along - width / 2
    return b.w / 2 - along - width / 2, depth / 2 + 0.01


def _wall_spot(
    wall: _Wall,
    rng: Rng,
    width: float,
    low: float,
    high: float,
    lo: float = 0.2,
    hi: float | None = None,
) -> float | None:
    """Claim a free stretch of ``wall`` ``width`` m wide between ``low`` and ``high`` m up
    (the first of 30 tries along ``lo``-``hi``); its ``along``, or None."""
    top = wall.length - 0.2 if hi is None else hi
    if top - width <= lo:
        return None
    for _ in range(30):
        along = float(rng.uniform(lo, top - width))
        if wall.claim(
            wall.x_of(along), wall.y_of(high), wall.px(width), wall.px(high - low), gap=2
        ):
            return along
    return None


def _glow(img: U8, pts: list[tuple[int, int]], colour: Colour, t: int) -> None:
    """A neon tube along ``pts``: a soft halo, the tube, a white core."""
    halo = np.zeros(img.shape[:2], np.float32)
    arr = np.array(pts, np.int32)
    cv2.polylines(halo, [arr], False, 1.0, max(3, 4 * t), cv2.LINE_AA)
    soft = cv2.GaussianBlur(halo, (0, 0), max(1.0, 2.0 * t))[:, :, None]
    out = img.astype(np.float32) + soft * np.array(colour, np.float32) * 0.6
    img[:] = _u8(out)
    cv2.polylines(img, [arr], False, _lighter(colour, 1.2), max(1, t), cv2.LINE_AA)
    cv2.polylines(img, [arr], False, (255, 250, 245), max(1, t // 2), cv2.LINE_AA)


# --- v19's own surfaces and things, every one drawn from the rng it is given --------------------


def _chequer(rng: Rng, w: int, h: int, res: float, a: Colour, b2: Colour, tile: float) -> U8:
    """A chequered floor of two colours, tiles ``tile`` m across, fine grain."""
    img = _grained(rng, w, h, a, 4.0)
    step = max(2, round(tile * res))
    other = _grained(rng, w, h, b2, 4.0)
    yy, xx = np.mgrid[0:h, 0:w]
    mask = ((yy // step + xx // step) % 2).astype(bool)
    img[mask] = other[mask]
    return img


def _glazed(rng: Rng, w: int, h: int, step: int, colour: Colour, grout: Colour) -> U8:
    """Small glazed tiles ``step`` texels a side, each its own shade (+-4 %), a sheen,
    grout lines."""
    ny, nx = h // step + 1, w // step + 1
    shade = rng.uniform(0.96, 1.04, (ny, nx)).astype(np.float32)
    per = np.repeat(np.repeat(shade, step, axis=0), step, axis=1)[:h, :w]
    img = np.array(colour, np.float32)[None, None, :] * per[:, :, None]
    img += rng.normal(0, 1.5, (h, w, 1)).astype(np.float32)
    out = _u8(img)
    out[::step] = grout
    out[:, ::step] = grout
    return out


def _wall_tiles(
    b: _Build17, rng: Rng, up: float, colour: Colour, grout: Colour, tile: float
) -> None:
    """Tile every wall from the floor to ``up`` m (a row of a darker band at the top)."""
    band = _shade(colour, float(rng.uniform(0.5, 0.8))) if rng.random() < 0.6 else colour
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        th, tw = wall.img.shape[:2]
        y = wall.y_of(up)
        wall.img[y:] = _glazed(rng, tw, th - y, max(3, wall.px(tile)), colour, grout)
        yb = wall.y_of(up - tile)
        wall.img[y:yb] = _glazed(rng, tw, yb - y, max(3, wall.px(tile)), band, grout)


# optician


def _frame_panel(rng: Rng, w: int, h: int, back: Colour | None = None) -> U8:
    """Spectacle frames on display: a pale lit back (or ``back``), rows of frames (round,
    rectangular, oval or half-rim lenses; black, tortoiseshell, gold, steel or a colour),
    a glass rail under each row, a price tag under some."""
    base = back if back is not None else _between(rng, (225, 225, 220), (250, 250, 248))
    img = _grained(rng, w, h, base, 2.0)
    rows = max(2, h // 16)
    rh = h / rows
    for k in range(rows):
        y = int((k + 0.5) * rh)
        cv2.line(img, (0, int(y + rh * 0.35)), (w, int(y + rh * 0.35)), _shade(base, 0.85), 1)
        x = int(rng.integers(2, 6))
        while x < w - 14:
            fw = int(rng.integers(12, 17))
            lens = max(2, fw // 4)
            colour = _pick(
                rng,
                [(20, 20, 22), (110, 60, 30), (200, 170, 80), (175, 178, 182), _c(rng, 30, 230)],
            )
            shape = int(rng.integers(0, 4))
            t = 1 + int(rng.random() < 0.4)
            for sx in (x + lens, x + fw - lens):
                if shape == 0:
                    cv2.circle(img, (sx, y), lens, colour, t)
                elif shape == 1:
                    cv2.rectangle(
                        img,
                        (sx - lens, y - lens * 2 // 3),
                        (sx + lens, y + lens * 2 // 3),
                        colour,
                        t,
                    )
                elif shape == 2:
                    cv2.ellipse(img, (sx, y), (lens, max(1, lens * 2 // 3)), 0, 0, 360, colour, t)
                else:
                    cv2.ellipse(img, (sx, y), (lens, lens), 0, 0, 180, colour, 1)
                    cv2.line(img, (sx - lens, y), (sx + lens, y), colour, t)
            cv2.line(img, (x + 2 * lens, y - 1), (x + fw - 2 * lens, y - 1), colour, 1)
            if rng.random() < 0.3:
                cv2.rectangle(
                    img,
                    (x + fw // 3, y + lens + 1),
                    (x + fw // 2, y + lens + 3),
                    (250, 250, 250),
                    -1,
                )
            x += fw + int(rng.integers(2, 5))
    return img


def _acuity_chart(m: Rng) -> U8:
    """A lit letter chart: rows of capitals getting smaller, a red and a green panel at
    the foot, a grey frame."""
    img = _grained(m, 48, 80, (246, 246, 242), 2.0)
    letters = "EFPTOZLDCHNRUV"
    y, size = 4, 13
    for row in range(7):
        n = min(row + 1, 6)
        line = "".join(letters[int(m.integers(0, len(letters)))] for _ in range(n))
        _text(img, m, line, max(2, 24 - n * size // 3), y + size, max(4, size), (12, 12, 14))
        y += size + 2
        size = max(4, int(size * 0.78))
    cv2.rectangle(img, (3, 70), (23, 76), (200, 40, 40), -1)
    cv2.rectangle(img, (24, 70), (44, 76), (40, 160, 70), -1)
    cv2.rectangle(img, (0, 0), (47, 79), (70, 70, 74), 2)
    return img


def _refractor(m: Rng) -> tuple[dict[str, U8], dict[str, U8]]:
    """An auto-refractor and its table: a white table with a column and a modesty
    panel, the machine grey and white with a forehead rest, a chin rest, a lens window
    and a screen at its back."""
    white = _between(m, (228, 230, 232), (246, 246, 246))
    panel = _grained(m, 48, 32, white, 2.0)
    cv2.rectangle(panel, (0, 0), (47, 3), _shade(white, 0.85), -1)
    cv2.rectangle(panel, (21, 4), (26, 31), _shade(white, 0.7), -1)
    table = {
        "front": panel,
        "side": _grained(m, 24, 32, white, 2.0),
        "top": _grained(m, 32, 16, white, 2.0),
    }
    body = _between(m, (150, 155, 160), (205, 208, 212))
    front = _grained(m, 24, 32, white, 2.0)
    cv2.rectangle(front, (3, 6), (20, 31), body, -1)
    cv2.rectangle(front, (8, 1), (15, 5), (55, 55, 60), -1)
    cv2.rectangle(front, (7, 19), (16, 21), (40, 40, 44), -1)
    cv2.circle(front, (12, 12), 3, (25, 25, 30), -1)
    side = _grained(m, 32, 32, body, 2.0)
    cv2.rectangle(side, (20, 4), (30, 16), (30, 40, 60), -1)
    machine = {"front": front, "side": side, "top": _grained(m, 24, 32, white, 2.0)}
    return table, machine


def _desk_top(rng: Rng) -> U8:
    """A dispensing desk's top: a small mirror on a stand, a tray of frames, a cloth."""
    img = _grained(rng, 64, 32, _pick(rng, [(240, 240, 238), _wood_tone(rng), (40, 40, 44)]), 3.0)
    cv2.ellipse(img, (12, 16), (8, 10), 0, 0, 360, (190, 200, 206), -1)
    _paste(img, _frame_panel(rng, 28, 16, (30, 30, 34)), 28, 8)
    cv2.rectangle(img, (56, 4), (62, 12), _c(rng, 60, 250), -1)
    return img


def _build_optician(b: _Build17) -> None:
    """An optician's: pale paint (a feature colour on the back wall for half), boards, a
    carpet or lino, a shop front; panels of spectacle frames along both side walls over
    runs of drawers, display tables and dispensing desks with chairs, a reception
    counter, the letter chart and the auto-refractor on its table (the kind's), a mirror,
    a sign, a door to the testing room."""
    r, m = b.fix, _mass_produced(b)
    chart = _acuity_chart(m)
    chart_edge = _grained(m, 8, 8, (70, 70, 74), 2.0)
    table, machine = _refractor(m)
    b.paint_walls(_between(r, (225, 225, 220), (250, 250, 246)))
    if r.random() < 0.5:
        tw, th, _res = b.texels("back")
        b.fill("back", _grained(r, tw, th, _c(r, 40, 200), 3.0))
    _skirting(b, _c(r, 30, 200), 0.1)
    u = r.random()
    if u < 0.45:
        b.floor(_planks)
    elif u < 0.8:
        b.floor(lambda g, w, h, res: _grained(g, w, h, _c(g, 40, 140), 8.0))
    else:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    top = min(b.h - 0.4, float(r.uniform(2.0, 2.2)))
    drawers = _between(r, (200, 200, 200), (250, 250, 248)) if r.random() < 0.6 else _wood_tone(r)
    fl = _Floor(b.w, b.d, 1.4)
    for side in ("left", "right"):
        wall = b.wall(side)
        pw = float(r.uniform(0.6, 0.9))
        along = 1.0 if side == "left" else 1.4
        while along + pw < wall.length - (1.4 if side == "left" else 1.0):
            tx, ty = wall.x_of(along), wall.y_of(top)
            tw_, th_ = wall.px(pw), wall.px(top - 0.95)
            if wall.claim(tx, ty, tw_, th_, gap=0):
                _paste(wall.img, _frame_panel(r, tw_, th_), tx, ty)
            along += pw + 0.05
        length = b.d - 2.4
        b.boxes.append(
            Box(
                _side_x(b, side, 0.4),
                1.0 + length / 2,
                0.4,
                length,
                0.9,
                0.0,
                _faces(
                    {
                        "front": _cabinet(r, max(2, int(length / 0.5)), 2, drawers),
                        "top": _grained(r, 32, 16, _shade(drawers, 0.9), 3.0),
                    },
                    _inward(side),
                ),
            )
        )
        b.tops.append((_side_x(b, side, 0.4), 1.0 + length / 2, 0.3, length * 0.8, 0.9))
        fl.take(_side_x(b, side, 0.4), 1.0 + length / 2, 0.5, length)
    spot = fl.against(r, min(b.w - 2.2, float(r.uniform(1.6, 2.2))), 0.6, ("back",))
    if spot:
        front = _grained(r, 64, 32, _c(r, 60, 240), 3.0)
        _text(front, r, _word(r, (2, 3)).upper(), 6, 22, 12, _c(r, 0, 256))
        _box(b, spot, 1.05, {"front": front, "top": _grained(r, 32, 16, _c(r, 120, 250), 3.0)})
    spot = fl.against(r, 0.9, 0.5, ("back",))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, 0.9, 0.5, 0.75, 0.0, _faces(table, facing)))
        _model(b, Box(x, z, 0.32, 0.42, 0.5, 0.75, _faces(machine, facing)))
    back = b.wall("back")
    chart_at = _wall_spot(back, r, 0.5, 1.2, 2.0)
    if chart_at is not None:
        x, z = _on_wall(b, "back", chart_at, 0.5, 0.06)
        _model(
            b,
            Box(
                x,
                z,
                0.5,
                0.06,
                0.8,
                1.2,
                {"front": chart, "left": chart_edge, "right": chart_edge, "top": chart_edge},
            ),
        )
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, float(r.uniform(1.2, 1.6)), 0.7)
        if spot:
            _box(
                b,
                spot,
                0.95,
                {
                    "front": _wood(r, 64, 32, _wood_tone(r), 8),
                    "top": _frame_panel(r, 64, 32, (40, 42, 50)),
                },
            )
    chair = _piece(r, "chair")
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.1, 1.9)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        _add(
            b.boxes,
            b.tops,
            "desk",
            {"front": _wood(r, 64, 32, _wood_tone(r), 8), "top": _desk_top(r)},
            (x, z, 1.0, 0.6, "front"),
            0.75,
        )
        _add(b.boxes, b.tops, "chair", chair, (x, z - 0.62, 0.45, 0.45, "back"), 0.85)
        _add(b.boxes, b.tops, "chair", chair, (x, z + 0.62, 0.45, 0.45, "front"), 0.85)
    mirror = _grained(
        r, back.px(0.45), back.px(1.2), _between(r, (170, 185, 192), (200, 210, 215)), 5.0
    )
    cv2.line(
        mirror,
        (0, mirror.shape[0] // 2),
        (mirror.shape[1] - 1, mirror.shape[0] // 3),
        (225, 232, 236),
        2,
    )
    back.put(mirror, 1.9, 2.0)
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.1, b.h - 0.05)
    _poster(back, 1)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 60, 230))


# dry cleaner


def _bagged(rng: Rng, w: int, h: int) -> U8:
    """A rail of cleaned clothes under clear plastic: hangers' hooks at the top, shirts,
    suits and dresses side by side, the plastic's sheen, paper tickets on some."""
    img = _grained(rng, w, h, _between(rng, (40, 40, 44), (90, 90, 95)), 3.0)
    x = 0
    while x < w:
        gw = int(rng.integers(3, 7))
        u = rng.random()
        colour = (
            _between(rng, (225, 228, 232), (250, 250, 250))
            if u < 0.35
            else _between(rng, (20, 25, 35), (70, 70, 80))
            if u < 0.65
            else _c(rng, 30, 240)
        )
        length = int(h * float(rng.uniform(0.55, 0.95)))
        cv2.rectangle(img, (x, 3), (x + gw, length), colour, -1)
        cv2.line(img, (x + gw // 2, 0), (x + gw // 2, 3), (170, 170, 175), 1)
        if rng.random() < 0.3:
            cv2.rectangle(img, (x, 5), (x + max(1, gw // 2), 8), (250, 245, 220), -1)
        x += gw + 1
    sheen = np.zeros((h, w), np.float32)
    for _ in range(max(2, w // 10)):
        x0 = int(rng.integers(0, w))
        cv2.line(sheen, (x0, 0), (x0 + int(rng.integers(-3, 4)), h), 1.0, 1)
    out = img.astype(np.float32) * 0.85 + 30 + 60 * sheen[:, :, None]
    return _u8(out)


def _press(m: Rng) -> dict[str, U8]:
    """A steam press: a grey cabinet, the buck padded in white, the head raised over it,
    a pedal and a gauge."""
    body = _between(m, (110, 115, 120), (175, 178, 182))
    front = _grained(m, 48, 48, body, 3.0)
    cv2.rectangle(front, (4, 14), (43, 20), (240, 240, 236), -1)
    cv2.rectangle(front, (6, 6), (41, 11), _shade(body, 0.7), -1)
    cv2.circle(front, (38, 30), 3, (240, 240, 240), -1)
    cv2.circle(front, (38, 30), 1, (30, 30, 30), -1)
    cv2.rectangle(front, (14, 42), (33, 46), (40, 40, 42), -1)
    top = _grained(m, 48, 24, (238, 238, 234), 3.0)
    cv2.ellipse(top, (24, 12), (22, 9), 0, 0, 360, (215, 215, 210), 1)
    return {"front": front, "side": _grained(m, 32, 48, body, 3.0), "top": top}


def _cleaning_machine(m: Rng) -> dict[str, U8]:
    """A dry-cleaning machine: an enamelled cabinet in the maker's colour, a round
    loading door with a chrome ring, a control panel with a screen, a maker's strip."""
    colour = _c(m, 60, 240)
    front = _grained(m, 48, 64, (232, 233, 235), 3.0)
    cv2.rectangle(front, (0, 0), (47, 12), colour, -1)
    _text(front, m, _word(m, (2, 3)).upper(), 4, 10, 7, (250, 250, 250))
    cv2.circle(front, (24, 38), 13, (185, 188, 192), -1)
    cv2.circle(front, (24, 38), 10, (60, 70, 80), -1)
    cv2.ellipse(front, (21, 34), (5, 3), -30, 0, 360, (140, 150, 160), -1)
    cv2.rectangle(front, (30, 15), (45, 22), (30, 40, 45), -1)
    cv2.rectangle(front, (32, 17), (40, 20), (80, 200, 120), -1)
    side = _grained(m, 48, 64, (225, 226, 228), 3.0)
    cv2.rectangle(side, (0, 0), (47, 12), colour, -1)
    return {"front": front, "side": side, "top": _grained(m, 32, 32, (210, 212, 215), 3.0)}


def _conveyor_head(m: Rng) -> dict[str, U8]:
    """A garment conveyor's drive column: steel, a control box with two buttons and a
    keypad."""
    col = _steel(m, 16, 96, 170)
    cv2.rectangle(col, (2, 40), (13, 58), (60, 62, 66), -1)
    cv2.circle(col, (5, 44), 1, (60, 200, 80), -1)
    cv2.circle(col, (10, 44), 1, (220, 40, 40), -1)
    for y in range(48, 57, 3):
        cv2.line(col, (4, y), (11, y), (170, 170, 175), 1)
    return {"front": col, "side": _steel(m, 16, 96, 160), "top": _steel(m, 8, 8, 150)}


def _price_list(rng: Rng, w: int, h: int) -> U8:
    """A price board: a coloured header with a word, lines of items and prices."""
    colour = _c(rng, 20, 200)
    img = _grained(rng, w, h, (245, 245, 240), 2.0)
    cv2.rectangle(img, (0, 0), (w - 1, max(4, h // 6)), colour, -1)
    _text(img, rng, _word(rng, (2, 3)).upper(), 3, max(4, h // 7), max(4, h // 9), (250, 250, 250))
    step = max(4, h // 10)
    for y in range(h // 4, h - 2, step):
        cv2.line(img, (3, y), (3 + int(w * float(rng.uniform(0.3, 0.6))), y), (80, 80, 85), 1)
        _text(
            img,
            rng,
            f"{int(rng.integers(2, 30))}.{int(rng.integers(0, 10))}0",
            w - max(12, w // 5),
            y + 2,
            max(4, step - 1),
            colour,
        )
    return img


def _till(rng: Rng) -> dict[str, U8]:
    body = _c(rng, 20, 90)
    front = _grained(rng, 24, 16, body, 3.0)
    cv2.rectangle(front, (3, 2), (20, 8), (40, 60, 70), -1)
    top = _grained(rng, 24, 24, body, 3.0)
    for y in range(10, 22, 3):
        for x in range(3, 21, 4):
            cv2.rectangle(top, (x, y), (x + 2, y + 1), (200, 200, 200), -1)
    return {"front": front, "side": front, "top": top}


def _build_cleaner(b: _Build17) -> None:
    """A dry cleaner's: paint, lino or tiles, a tiled ceiling, a shop front; a counter
    across the shop with a till, a garment conveyor behind it (clothes in plastic along a
    side wall and across the back, its drive column the kind's), the dry-cleaning
    machine and a steam press (the kind's), a price board, chairs, a sign."""
    r, m = b.fix, _mass_produced(b)
    press, machine, head = _press(m), _cleaning_machine(m), _conveyor_head(m)
    b.paint_walls(
        _between(r, (215, 225, 230), (250, 250, 248)) if r.random() < 0.6 else _c(r, 70, 220)
    )
    _skirting(b, _c(r, 30, 160), 0.1)
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.3 * res)), _c(g, 150, 235), _c(g, 80, 150)
            )
        )
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    zc = max(2.6, float(r.uniform(0.35, 0.5)) * b.d)
    cw = b.w - 0.9
    cx = (b.w / 2 - cw / 2 - 0.02) * float(r.choice([-1.0, 1.0]))
    face = _grained(r, 64, 32, _c(r, 40, 230), 3.0)
    cv2.rectangle(face, (0, 4), (63, 7), _c(r, 40, 250), -1)
    b.boxes.append(
        Box(
            cx,
            zc,
            cw,
            0.6,
            1.0,
            0.0,
            {
                "front": face,
                "left": face,
                "right": face,
                "top": _grained(r, 48, 16, _c(r, 120, 250), 3.0),
            },
        )
    )
    b.tops.append((cx, zc, cw * 0.7, 0.35, 1.0))
    till = _till(r)
    tx = cx + float(r.uniform(-0.3, 0.3)) * cw
    b.boxes.append(Box(tx, zc + 0.05, 0.35, 0.3, 0.22, 1.0, _faces(till, "front")))
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    rail_y = min(b.h - 0.3, float(r.uniform(1.9, 2.2)))
    gh = float(r.uniform(1.0, 1.3))
    steel = _steel(r, 32, 8, 175)
    z0, z1 = zc + 0.9, b.d - 0.05
    if z1 - z0 > 0.8:
        length = z1 - z0
        gx = _side_x(b, side, 0.6)
        clothes = _bagged(r, max(32, int(length * 40)), 48)
        b.boxes.append(
            Box(
                gx,
                (z0 + z1) / 2,
                0.6,
                length,
                gh,
                rail_y - gh,
                _faces({"front": clothes, "top": _bagged(r, 32, 16)}, _inward(side)),
            )
        )
        b.boxes.append(Box(gx, (z0 + z1) / 2, 0.05, length, 0.05, rail_y, _all_faces(steel)))
        _model(
            b,
            Box(
                _side_x(b, side, 0.3),
                z0 - 0.25,
                0.3,
                0.3,
                rail_y + 0.15,
                0.0,
                _faces(head, _inward(side)),
            ),
        )
    run = b.w / 2 - 0.8
    sgn = 1.0 if side == "right" else -1.0
    bx = sgn * (b.w / 2 - 0.62 - run / 2)
    b.boxes.append(
        Box(
            bx,
            b.d - 0.31,
            run,
            0.6,
            gh,
            rail_y - gh,
            {"front": _bagged(r, max(32, int(run * 40)), 48), "top": _bagged(r, 32, 16)},
        )
    )
    b.boxes.append(Box(bx, b.d - 0.31, run, 0.05, 0.05, rail_y, _all_faces(steel)))
    mx = -sgn * (b.w / 2 - 0.72)
    _model(b, Box(mx, b.d - 0.6, 1.3, 1.1, 1.85, 0.0, _faces(machine, "front")))
    pz = b.d - 2.0
    if pz - 0.4 > zc + 0.4:
        _model(b, Box(-sgn * (b.w / 2 - 0.9), pz, 1.2, 0.8, 1.25, 0.0, _faces(press, "front")))
    wall = b.wall(other)
    wall.put(_price_list(r, wall.px(0.8), wall.px(1.0)), 2.0, 2.1)
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    fl = _Floor(b.w, zc - 0.4, 1.0)
    chair = _piece(r, "chair")
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.5, 0.5, ("left", "right"))
        if spot:
            _add(b.boxes, b.tops, "chair", chair, spot, 0.85)
    _poster(b.wall(side), int(r.integers(1, 3)))
    for name in ("left", "right"):
        _small_things(b.wall(name), ("socket",))
    _door(b.wall(other), r, _c(r, 60, 230))


# pet shop


RACK = (1.2, 0.5, 1.9)  # a tank rack's width, depth, height (m)
RACK_CELLS = [(-0.3, y) for y in (0.2, 0.75, 1.3)] + [(0.3, y) for y in (0.2, 0.75, 1.3)]


def _tank_rack(m: Rng) -> dict[str, U8]:
    """A rack of display tanks: a black steel frame, a light hood over each tank, the
    six tanks' openings (their water is each shop's own), a filter cupboard below."""
    w, h = 60, 95  # 50 texels a metre
    img = _grained(m, w, h, (28, 28, 30), 2.0)
    for dx, y in RACK_CELLS:
        x0 = int((0.6 + dx - 0.25) * 50)
        y1 = h - int(y * 50)
        cv2.rectangle(img, (x0, y1 - 22), (x0 + 24, y1), (50, 60, 70), -1)
        cv2.rectangle(
            img, (x0, y1 - 26), (x0 + 24, y1 - 23), _between(m, (40, 40, 44), (200, 200, 205)), -1
        )
    cv2.rectangle(img, (0, h - 9), (w - 1, h - 1), (50, 50, 54), -1)
    side = _grained(m, 25, 95, (35, 35, 38), 2.0)
    return {"front": img, "side": side, "top": _grained(m, 24, 24, (40, 40, 42), 2.0)}


def _cage_body(m: Rng) -> tuple[dict[str, U8], Colour]:
    """A small-animal cage: wire over a deep plastic tray in the maker's colour; its
    faces and the tray's colour."""
    tray = _c(m, 40, 230)
    wire = _grained(m, 32, 20, (225, 228, 230), 2.0)
    wire[:] = _u8(wire.astype(np.float32) * 0.3 + 40)
    for x in range(0, 32, 2):
        cv2.line(wire, (x, 0), (x, 19), (185, 188, 192), 1)
    wire[13:] = tray
    top = _grained(m, 32, 20, (60, 60, 64), 2.0)
    for y in range(0, 20, 2):
        cv2.line(top, (0, y), (31, y), (185, 188, 192), 1)
    return {"front": wire, "side": wire, "top": top}, tray


def _cage_front(rng: Rng, tray: Colour) -> U8:
    """A cage's front as a shop sees it: wood shavings, a little house, a wheel, a water
    bottle, one to three small animals as plain round shapes, bars over it all, the
    tray."""
    img = _grained(rng, 48, 28, _between(rng, (60, 55, 45), (110, 100, 80)), 4.0)
    img[18:] = _grained(rng, 48, 10, _between(rng, (200, 170, 110), (240, 215, 160)), 14.0)
    hx = int(rng.integers(2, 30))
    cv2.rectangle(img, (hx, 11), (hx + 12, 19), _c(rng, 60, 250), -1)
    cv2.circle(img, (hx + 6, 16), 2, (30, 30, 30), -1)
    wx = int(rng.integers(8, 40))
    cv2.circle(img, (wx, 11), 6, _c(rng, 60, 250), 1)
    cv2.rectangle(img, (44, 2), (46, 12), (200, 230, 240), -1)
    for _ in range(int(rng.integers(1, 4))):
        cx, cy = int(rng.integers(4, 44)), int(rng.integers(15, 20))
        fur = _pick(
            rng, [(150, 110, 70), (240, 235, 225), (90, 85, 80), (210, 160, 90), (60, 50, 45)]
        )
        cv2.ellipse(img, (cx, cy), (4, 3), 0, 0, 360, fur, -1)
        cv2.circle(img, (cx + 3, cy - 2), 2, fur, -1)
    for x in range(0, 48, 2):
        cv2.line(img, (x, 0), (x, 21), (190, 192, 196), 1)
    img[21:] = tray
    return img


def _feed_sack(m: Rng) -> dict[str, U8]:
    """A sack of pet food from one maker, lying flat: its colour, a big word, a round
    animal's head, a weight, a band."""
    colour = _c(m, 30, 230)
    top = _grained(m, 32, 48, colour, 3.0)
    cv2.rectangle(top, (0, 30), (31, 36), _c(m, 120, 256), -1)
    _text(top, m, _word(m, (1, 2)).upper(), 3, 12, 8, (250, 250, 250))
    cv2.circle(top, (16, 22), 5, _c(m, 120, 256), -1)
    cv2.circle(top, (12, 17), 2, _c(m, 120, 256), -1)
    cv2.circle(top, (20, 17), 2, _c(m, 120, 256), -1)
    _text(top, m, f"{int(m.integers(2, 20))}kg", 4, 45, 6, (250, 250, 250))
    edge = _grained(m, 32, 8, _shade(colour, 0.8), 3.0)
    return {"front": edge, "side": edge, "top": top}


def _pet_shelves(rng: Rng, w: int, h: int) -> U8:
    """A gondola's face: shelves of bags, boxes and tins of pet food and treats."""
    img = _grained(rng, w, h, _between(rng, (200, 200, 200), (240, 240, 238)), 3.0)
    rows = int(rng.integers(4, 6))
    rh = h // rows
    for k in range(rows):
        y1 = (k + 1) * rh - 3
        x = 2
        while x < w - 5:
            iw = int(rng.integers(4, 10))
            ih = int(rh * float(rng.uniform(0.4, 0.9)))
            col = _c(rng, 20, 250)
            what = rng.random()
            if what < 0.4:
                cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
                cv2.line(img, (x, y1 - ih + 1), (x + iw, y1 - ih + 1), _shade(col, 0.6), 1)
            elif what < 0.7:
                for k2 in range(max(1, iw // 3)):
                    cv2.rectangle(img, (x + 3 * k2, y1 - rh // 3), (x + 3 * k2 + 2, y1), col, -1)
            else:
                cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
                cv2.circle(img, (x + iw // 2, y1 - ih // 2), max(1, iw // 4), _c(rng, 100, 256), -1)
            x += iw + 1
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 2), (150, 150, 155), -1)
    return img


def _pegboard(rng: Rng, w: int, h: int) -> U8:
    """A pegboard of pet accessories: leads in loops, balls, chew toys, bowls, brushes."""
    img = _grained(rng, w, h, _between(rng, (180, 150, 110), (235, 225, 210)), 3.0)
    for y in range(3, h, 6):
        for x in range(3, w, 6):
            img[y, x] = _shade((int(img[y, x, 0]), int(img[y, x, 1]), int(img[y, x, 2])), 0.6)
    cell = max(8, w // 12)
    for y in range(2, h - cell, cell):
        for x in range(2, w - cell, cell):
            c = _c(rng, 30, 256)
            what = rng.random()
            if what < 0.3:
                cv2.ellipse(
                    img, (x + cell // 2, y + cell // 2), (cell // 3, cell // 2 - 1), 0, 0, 360, c, 1
                )
            elif what < 0.55:
                cv2.circle(img, (x + cell // 2, y + cell // 2), max(1, cell // 4), c, -1)
            elif what < 0.75:
                cv2.rectangle(img, (x + 2, y + cell // 3), (x + cell - 3, y + cell // 2), c, -1)
            elif what < 0.9:
                cv2.ellipse(
                    img,
                    (x + cell // 2, y + cell // 2),
                    (cell // 2 - 1, cell // 4),
                    0,
                    0,
                    180,
                    c,
                    -1,
                )
    return img


def _build_pets(b: _Build17) -> None:
    """A pet shop: paint, lino or tiles, a tiled ceiling, a shop front; racks of display
    tanks along one side (the racks the kind's, the water and fish each shop's own),
    small-animal cages on a cabinet along the other (the cages' bodies the kind's), one or
    two gondolas of food, sacks of food on a pallet (the kind's), a pegboard of
    accessories, a counter, a sign."""
    r, m = b.fix, _mass_produced(b)
    rack = _tank_rack(m)
    cage, tray = _cage_body(m)
    sack = _feed_sack(m)
    b.paint_walls(
        _between(r, (220, 230, 220), (250, 250, 245)) if r.random() < 0.6 else _c(r, 80, 230)
    )
    _skirting(b, _c(r, 30, 160), 0.1)
    if r.random() < 0.5:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    else:
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.3 * res)), _c(g, 140, 230), _c(g, 80, 150)
            )
        )
    b.ceiling(_tiled_ceiling)
    _shop_front(b)
    tank_side = str(r.choice(["left", "right"]))
    cage_side = "right" if tank_side == "left" else "left"
    fl = _Floor(b.w, b.d, 1.3)
    rw, rd, rh = RACK
    z = float(r.uniform(1.3, 2.0))
    racks = 0
    inward = _inward(tank_side)
    sgn = 1.0 if tank_side == "left" else -1.0
    while z + rw < b.d - 0.8 and racks < 4:
        x = _side_x(b, tank_side, rd)
        _model(b, Box(x, z + rw / 2, rd, rw, rh, 0.0, _faces(rack, inward)))
        for dz, y in RACK_CELLS:
            tank = _tank(r, 24, 22)
            b.boxes.append(
                Box(
                    x + sgn * (rd / 2 + 0.01),
                    z + rw / 2 + dz,
                    0.02,
                    0.48,
                    0.44,
                    y,
                    _faces({"front": tank, "top": tank}, inward),
                )
            )
        fl.take(x, z + rw / 2, rd + 0.1, rw)
        z += rw + float(r.uniform(0.0, 0.3))
        racks += 1
    z0, z1 = float(r.uniform(1.3, 2.0)), b.d - float(r.uniform(1.0, 2.0))
    if z1 - z0 > 1.0:
        cx = _side_x(b, cage_side, 0.55)
        b.boxes.append(
            Box(
                cx,
                (z0 + z1) / 2,
                0.55,
                z1 - z0,
                0.8,
                0.0,
                _faces(
                    {
                        "front": _cabinet(r, max(2, int((z1 - z0) / 0.6)), 1, _c(r, 60, 240)),
                        "top": _grained(r, 32, 16, _c(r, 120, 240), 3.0),
                    },
                    _inward(cage_side),
                ),
            )
        )
        fl.take(cx, (z0 + z1) / 2, 0.65, z1 - z0)
        n = max(1, int((z1 - z0) / 0.8))
        sgn2 = 1.0 if cage_side == "left" else -1.0
        for k in range(n):
            zk = z0 + (k + 0.5) * (z1 - z0) / n
            _model(b, Box(cx, zk, 0.5, 0.72, 0.45, 0.8, _faces(cage, _inward(cage_side))))
            front = _cage_front(r, tray)
            b.boxes.append(
                Box(
                    cx + sgn2 * 0.26,
                    zk,
                    0.01,
                    0.7,
                    0.43,
                    0.81,
                    _faces({"front": front, "top": front}, _inward(cage_side)),
                )
            )
    count = 1 if b.w < 7.5 else 2
    for k in range(count):
        x = 0.0 if count == 1 else (k - 0.5) * 2.2
        length = min(b.d - 4.0, float(r.uniform(2.4, 4.0)))
        zg = float(r.uniform(2.4, max(2.45, b.d - length - 1.2))) + length / 2
        if not fl.fits(x, zg, 0.9, length):
            continue
        fl.take(x, zg, 1.9, length + 0.4)
        end = _pet_shelves(r, 32, 64)
        b.boxes.append(
            Box(
                x,
                zg,
                0.9,
                length,
                1.5,
                0.0,
                {
                    "front": end,
                    "back": end,
                    "left": _pet_shelves(r, 96, 64),
                    "right": _pet_shelves(r, 96, 64),
                    "top": _steel(r, 16, 16, 150),
                },
            )
        )
    spot = fl.against(r, 1.2, 1.0, ("back",)) or fl.middle(r, 1.2, 1.0)
    if spot:
        x, z, _w, _d, _f = spot
        pallet = _wood(r, 48, 8, _wood_tone(r), 4)
        b.boxes.append(
            Box(
                x,
                z,
                1.2,
                1.0,
                0.12,
                0.0,
                {
                    "front": pallet,
                    "back": pallet,
                    "left": pallet,
                    "right": pallet,
                    "top": _wood(r, 48, 32, _wood_tone(r), 6),
                },
            )
        )
        for dx in (-0.28, 0.28):
            for k in range(int(r.integers(2, 7))):
                _model(b, Box(x + dx, z, 0.5, 0.7, 0.12, 0.12 + 0.12 * k, _faces(sack, "front")))
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {
                "front": _cabinet(r, 3, 1, _c(r, 60, 230)),
                "top": _grained(r, 32, 16, _c(r, 120, 240), 3.0),
            },
        )
    back = b.wall("back")
    back.put(_pegboard(r, back.px(float(r.uniform(1.4, 2.4))), back.px(1.1)), 2.2, 2.3)
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(b.wall(cage_side), int(r.integers(1, 3)))
    for name in ("back", "left", "right"):
        _small_things(b.wall(name), ("socket",))
    _door(back, r, _c(r, 60, 230))


# chip shop


def _frying_range(m: Rng, width: float) -> tuple[dict[str, U8], dict[str, U8]]:
    """A fish-and-chip frying range and its hood: stainless steel, a glass hot cabinet
    along the top (warm lights, two shelves), three or four pans under lids with handles,
    doors below; a hood with a row of filters."""
    w = max(48, int(width * 32))
    pans = int(m.integers(3, 5))
    front = _steel(m, w, 48, 185)
    cv2.rectangle(front, (0, 0), (w - 1, 14), (225, 200, 150), -1)
    cv2.line(front, (0, 7), (w - 1, 7), (170, 160, 140), 1)
    for x in range(0, w, max(8, w // 6)):
        cv2.line(front, (x, 0), (x, 14), (150, 150, 152), 1)
    for k in range(pans):
        x0 = k * w // pans
        cv2.rectangle(front, (x0 + 2, 16), (x0 + w // pans - 3, 21), (205, 205, 208), 1)
        cv2.circle(front, (x0 + w // pans // 2, 23), 1, (30, 30, 30), -1)
        cv2.rectangle(front, (x0 + 3, 26), (x0 + w // pans - 4, 45), (160, 160, 162), 1)
    cv2.rectangle(front, (0, 46), (w - 1, 47), (60, 60, 62), -1)
    top = _steel(m, w, 24, 175)
    for k in range(pans):
        x0 = k * w // pans
        cv2.rectangle(top, (x0 + 3, 8), (x0 + w // pans - 4, 21), (140, 140, 145), -1)
        cv2.line(top, (x0 + 5, 14), (x0 + w // pans - 6, 14), (230, 230, 232), 1)
    hood = _steel(m, w, 16, 190)
    for x in range(2, w - 6, 8):
        cv2.rectangle(hood, (x, 6), (x + 6, 14), (120, 122, 125), -1)
    return (
        {"front": front, "side": _steel(m, 32, 48, 175), "top": top},
        {"front": hood, "side": _steel(m, 32, 16, 185), "top": _steel(m, 16, 16, 170)},
    )


def _drinks_fridge(m: Rng) -> dict[str, U8]:
    """An upright drinks fridge in a soft-drink maker's livery: a lit header with its
    word, a glass door onto shelves of cans and bottles, a handle."""
    livery = _c(m, 20, 230)
    front = _grained(m, 32, 80, livery, 3.0)
    _text(front, m, _word(m, (1, 2)).upper(), 3, 9, 7, (250, 250, 250))
    cv2.rectangle(front, (3, 13), (28, 76), (210, 225, 230), -1)
    for y in range(22, 76, 12):
        cv2.line(front, (3, y), (28, y), (150, 160, 165), 1)
        for x in range(4, 27, 3):
            cv2.rectangle(front, (x, y - 8), (x + 1, y - 1), _c(m, 30, 250), -1)
    cv2.line(front, (26, 30), (26, 58), (60, 60, 62), 2)
    return {
        "front": front,
        "side": _grained(m, 32, 80, livery, 3.0),
        "top": _grained(m, 16, 16, _shade(livery, 0.7), 3.0),
    }


def _menu(rng: Rng, w: int, h: int) -> U8:
    """A menu board: a dark or light ground, a heading, rows of words and prices."""
    dark = rng.random() < 0.6
    img = _grained(
        rng, w, h, _c(rng, 10, 60) if dark else _between(rng, (225, 225, 220), (250, 250, 245)), 3.0
    )
    ink = (245, 245, 240) if dark else (30, 30, 35)
    accent = _c(rng, 120, 256) if dark else _c(rng, 20, 160)
    _text(img, rng, _word(rng, (2, 3)).upper(), 4, max(6, h // 7), max(5, h // 9), accent)
    step = max(5, h // 9)
    for y in range(h // 4, h - 3, step):
        _text(img, rng, _word(rng, (2, 4)), 4, y + step // 2, max(4, step - 2), ink)
        _text(
            img,
            rng,
            f"{int(rng.integers(1, 15))}.{int(rng.integers(0, 100)):02d}",
            w - max(14, w // 4),
            y + step // 2,
            max(4, step - 2),
            accent,
        )
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), _shade(ink, 0.5), 2)
    return img


def _hot_cabinet(rng: Rng) -> U8:
    """A counter-top hot display: warm light through glass onto golden pieces."""
    img = _grained(rng, 48, 24, (230, 190, 120), 4.0)
    for _ in range(int(rng.integers(3, 9))):
        x, y = int(rng.integers(2, 40)), int(rng.integers(8, 20))
        cv2.ellipse(
            img,
            (x + 4, y),
            (int(rng.integers(3, 7)), 2),
            0,
            0,
            360,
            _between(rng, (190, 130, 50), (230, 170, 80)),
            -1,
        )
    cv2.rectangle(img, (0, 0), (47, 23), (160, 160, 165), 1)
    return img


def _build_chippy(b: _Build17) -> None:
    """A fish and chip shop: tiled walls to 2 m and paint above, a chequered or tiled
    floor, a shop front; the frying range and its hood against the back wall and a drinks
    fridge (the kind's), a counter across with a hot cabinet and shakers, menu boards, a
    shelf with stools or small tables, posters."""
    r, m = b.fix, _mass_produced(b)
    width = float(m.uniform(2.2, 2.8))
    range_, hood = _frying_range(m, width)
    fridge = _drinks_fridge(m)
    b.paint_walls(
        _between(r, (215, 215, 210), (250, 250, 245)) if r.random() < 0.6 else _c(r, 80, 230)
    )
    _wall_tiles(
        b,
        r,
        2.0,
        _pick(r, [(245, 245, 242), _c(r, 60, 240)]),
        _between(r, (170, 170, 170), (230, 230, 228)),
        float(r.uniform(0.1, 0.2)),
    )
    a, c2 = _c(r, 20, 250), _c(r, 20, 250)
    tile = float(r.uniform(0.25, 0.4))
    b.floor(lambda g, w, h, res: _chequer(g, w, h, res, a, c2, tile))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    rx = float(r.uniform(-0.5, 0.5)) * max(0.0, b.w - width - 0.4)
    _model(b, Box(rx, b.d - 0.55, width, 1.0, 1.45, 0.0, _faces(range_, "front")))
    _model(b, Box(rx, b.d - 0.5, width + 0.2, 1.0, 0.5, min(b.h - 0.6, 2.1), _faces(hood, "front")))
    zc = b.d - float(r.uniform(2.0, 2.4))
    cw = b.w - 0.9
    cx = (b.w / 2 - cw / 2 - 0.02) * float(r.choice([-1.0, 1.0]))
    face = (
        _tiles(r, 64, 32, 6, _c(r, 40, 240), (220, 220, 215))
        if r.random() < 0.5
        else _grained(r, 64, 32, _c(r, 40, 240), 3.0)
    )
    top = _steel(r, 64, 24, 180)
    for _ in range(int(r.integers(2, 6))):
        dot = int(r.integers(2, 60))
        cv2.circle(top, (dot, int(r.integers(4, 20))), 2, _c(r, 60, 250), -1)
    b.boxes.append(
        Box(cx, zc, cw, 0.6, 1.05, 0.0, {"front": face, "left": face, "right": face, "top": top})
    )
    b.tops.append((cx, zc, cw * 0.7, 0.35, 1.05))
    hot = _hot_cabinet(r)
    b.boxes.append(
        Box(
            cx + float(r.uniform(-0.25, 0.25)) * cw,
            zc,
            1.0,
            0.5,
            0.45,
            1.05,
            {"front": hot, "back": hot, "left": hot, "right": hot, "top": _steel(r, 32, 16, 170)},
        )
    )
    back = b.wall("back")
    for _ in range(int(r.integers(2, 4))):
        back.put(
            _menu(r, back.px(float(r.uniform(0.8, 1.2))), back.px(float(r.uniform(0.5, 0.7)))),
            min(b.h - 0.1, 2.75),
            min(b.h - 0.05, 2.9),
        )
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.25)), b.h - 0.03, b.h - 0.01)
    fl = _Floor(b.w, zc - 0.4, 1.0)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    spot = fl.against(r, 0.7, 0.7, (side,))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, 0.7, 0.7, 1.95, 0.0, _faces(fridge, facing)))
    if r.random() < 0.6:
        length = min(zc - 1.6, float(r.uniform(1.5, 3.0)))
        if length > 0.8:
            z = float(r.uniform(1.0, max(1.05, zc - 0.6 - length))) + length / 2
            x = _side_x(b, other, 0.3)
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.3,
                    length,
                    0.04,
                    1.0,
                    _faces(
                        {
                            "front": _wood(r, 32, 8, _wood_tone(r), 4),
                            "top": _wood(r, 64, 16, _wood_tone(r), 6),
                        },
                        _inward(other),
                    ),
                )
            )
            b.tops.append((x, z, 0.2, length * 0.8, 1.04))
            stool = _piece(r, "stool")
            sx = _side_x(b, other, 0.75)
            for k in range(max(1, int(length / 0.7))):
                _add(
                    b.boxes,
                    b.tops,
                    "stool",
                    stool,
                    (sx, z - length / 2 + 0.35 + 0.7 * k, 0.38, 0.38, "front"),
                    0.72,
                )
    else:
        table, chair = _piece(r, "table"), _piece(r, "chair")
        for _ in range(int(r.integers(1, 3))):
            spot = fl.middle(r, 1.6, 0.8)
            if spot:
                x, z, _w, _d, _f = spot
                _add(b.boxes, b.tops, "table", table, (x, z, 0.7, 0.7, "front"), 0.75)
                _add(b.boxes, b.tops, "chair", chair, (x - 0.55, z, 0.42, 0.42, "right"), 0.85)
                _add(b.boxes, b.tops, "chair", chair, (x + 0.55, z, 0.42, 0.42, "left"), 0.85)
    _poster(b.wall(other), int(r.integers(1, 3)))
    _small_things(b.wall(side), ("clock",))
    _small_things(b.wall(other), ("socket",))
    _door(b.wall(side), r, _c(r, 60, 230))


# railway ticket hall


def _ticket_machine(m: Rng) -> dict[str, U8]:
    """A self-service ticket machine in the railway's colour: a header with a word, a
    touch screen, a card reader and coin slot, a ticket tray."""
    livery = _c(m, 20, 220)
    front = _grained(m, 32, 72, (60, 62, 66), 3.0)
    cv2.rectangle(front, (0, 0), (31, 12), livery, -1)
    _text(front, m, _word(m, (1, 2)).upper(), 3, 10, 7, (250, 250, 250))
    cv2.rectangle(front, (4, 16), (27, 34), (20, 25, 30), -1)
    cv2.rectangle(front, (5, 17), (26, 33), _between(m, (40, 90, 150), (90, 160, 210)), -1)
    for y in range(20, 32, 4):
        cv2.rectangle(front, (7, y), (24, y + 2), (230, 235, 240), -1)
    cv2.rectangle(front, (6, 40), (14, 46), (30, 30, 32), -1)
    cv2.rectangle(front, (19, 40), (25, 42), (200, 200, 205), -1)
    cv2.rectangle(front, (8, 52), (24, 58), (25, 25, 28), -1)
    side = _grained(m, 24, 72, livery, 3.0)
    return {"front": front, "side": side, "top": _grained(m, 16, 16, (50, 50, 54), 3.0)}


def _ticket_gate(m: Rng) -> dict[str, U8]:
    """A ticket gate's cabinet: brushed steel sides with the railway's stripe and a
    paddle's edge, a top with a reader, a slot and a green or red light."""
    stripe = _c(m, 20, 230)
    side = _steel(m, 64, 32, 175)
    cv2.rectangle(side, (0, 4), (63, 8), stripe, -1)
    cv2.rectangle(side, (24, 10), (40, 30), (200, 205, 210), 1)
    top = _steel(m, 16, 64, 165)
    cv2.rectangle(top, (3, 8), (12, 18), (30, 30, 34), -1)
    cv2.circle(top, (8, 13), 3, (200, 200, 200), 1)
    cv2.rectangle(top, (5, 30), (10, 33), (20, 20, 20), -1)
    cv2.circle(top, (8, 50), 2, (60, 220, 90), -1)
    end = _steel(m, 16, 32, 160)
    cv2.rectangle(end, (4, 4), (11, 9), stripe, -1)
    return {"front": end, "back": end, "left": side, "right": side, "top": top}


def _ashlar(rng: Rng, w: int, h: int, res: float) -> U8:
    """Pale stone blocks in courses, each block its own shade, thin joints."""
    tone = _between(rng, (170, 160, 140), (225, 215, 195))
    img = _grained(rng, w, h, tone, 4.0)
    ch = max(3, round(0.35 * res))
    for i, y in enumerate(range(0, h, ch)):
        x = -((i % 2) * round(0.4 * res))
        while x < w:
            bw = max(4, round(float(rng.uniform(0.6, 0.9)) * res))
            img[y : y + ch, max(0, x) : x + bw] = _u8(
                img[y : y + ch, max(0, x) : x + bw].astype(np.float32)
                * float(rng.uniform(0.93, 1.07))
            )
            cv2.line(img, (x, y), (x, y + ch), _shade(tone, 0.75), 1)
            x += bw
        cv2.line(img, (0, y), (w, y), _shade(tone, 0.75), 1)
    return img


def _booking_glass(rng: Rng, w: int, h: int) -> U8:
    """A booking-office window: the office behind the glass (a pale wall, a desk, a
    screen, shelves), reflections, a speaking panel and a tray."""
    img = _grained(rng, w, h, _between(rng, (150, 160, 165), (200, 205, 205)), 4.0)
    cv2.rectangle(img, (0, h * 2 // 3), (w, h), _wood_tone(rng), -1)
    sx = int(rng.integers(2, max(3, w - w // 3)))
    cv2.rectangle(img, (sx, h // 3), (sx + w // 4, h * 2 // 3 - 2), (30, 32, 36), -1)
    cv2.rectangle(
        img,
        (sx + 1, h // 3 + 1),
        (sx + w // 4 - 1, h * 2 // 3 - 4),
        _between(rng, (60, 100, 140), (120, 170, 200)),
        -1,
    )
    for y in range(3, h // 3, max(3, h // 8)):
        cv2.line(img, (0, y), (w // 3, y), (120, 110, 100), 1)
    for _ in range(int(rng.integers(1, 4))):
        x = int(rng.integers(0, w))
        cv2.line(img, (x, h), (x + h // 2, 0), (225, 230, 232), 1)
    cv2.circle(img, (w // 2, h // 2), max(2, w // 10), (120, 125, 130), 1)
    cv2.rectangle(img, (w // 3, h - 4), (w * 2 // 3, h - 1), (70, 70, 72), -1)
    return img


def _coffered(rng: Rng, w: int, h: int, res: float) -> U8:
    """A coffered plaster ceiling: deep square panels, a rose of light in some."""
    tone = _between(rng, (205, 200, 190), (245, 242, 235))
    img = _grained(rng, w, h, tone, 3.0)
    step = max(6, round(float(rng.uniform(1.5, 2.5)) * res))
    for y in range(0, h, step):
        for x in range(0, w, step):
            cv2.rectangle(
                img,
                (x + step // 8, y + step // 8),
                (x + step - step // 8, y + step - step // 8),
                _shade(tone, 0.85),
                2,
            )
            if rng.random() < 0.3:
                cv2.circle(
                    img, (x + step // 2, y + step // 2), max(2, step // 8), (252, 250, 240), -1
                )
    return img


def _skylights(rng: Rng, w: int, h: int, res: float) -> U8:
    """A train-shed roof: trusses or boards with long bright rooflights."""
    img = _rafters(rng, w, h, res) if rng.random() < 0.5 else _roof(rng, w, h, res)
    step = max(8, round(float(rng.uniform(3.0, 5.0)) * res))
    for x in range(step // 2, w, step):
        cv2.rectangle(img, (x, 0), (x + max(2, round(0.8 * res)), h), (235, 240, 245), -1)
    return img


def _network_map(rng: Rng, w: int, h: int) -> U8:
    """A map of the network: white, three to six coloured lines with bends, stations as
    ticks and rings, a title."""
    img = _grained(rng, w, h, (248, 248, 246), 2.0)
    _text(img, rng, _word(rng, (2, 3)).upper(), 4, max(6, h // 10), max(5, h // 12), (30, 30, 35))
    for _ in range(int(rng.integers(3, 7))):
        col = _c(rng, 0, 230)
        pts = [(int(rng.integers(0, w)), int(rng.integers(h // 6, h)))]
        for _k in range(int(rng.integers(2, 5))):
            x, y = pts[-1]
            if rng.random() < 0.5:
                pts.append((int(rng.integers(0, w)), y))
            else:
                d = int(rng.integers(-h // 3, h // 3))
                pts.append((x + d, int(np.clip(y + d, h // 6, h - 2))))
        cv2.polylines(img, [np.array(pts, np.int32)], False, col, max(2, h // 40))
        for x, y in pts:
            cv2.circle(img, (x, y), max(2, h // 40), (250, 250, 250), -1)
            cv2.circle(img, (x, y), max(2, h // 40), (20, 20, 20), 1)
    return img


def _clock_face(rng: Rng) -> U8:
    """A station clock: a white face, twelve ticks, hands, a dark rim."""
    img = _grained(rng, 32, 32, (35, 35, 38), 2.0)
    cv2.circle(img, (16, 16), 14, (245, 245, 240), -1)
    for k in range(12):
        a = 2 * np.pi * k / 12
        cv2.line(
            img,
            (int(16 + 11 * np.cos(a)), int(16 + 11 * np.sin(a))),
            (int(16 + 13 * np.cos(a)), int(16 + 13 * np.sin(a))),
            (20, 20, 20),
            1,
        )
    for length, a in (
        (7, float(rng.uniform(0, 2 * np.pi))),
        (11, float(rng.uniform(0, 2 * np.pi))),
    ):
        cv2.line(
            img,
            (16, 16),
            (int(16 + length * np.cos(a)), int(16 + length * np.sin(a))),
            (15, 15, 15),
            1,
        )
    return img


def _build_ticket_hall(b: _Build17) -> None:
    """A railway station's ticket hall: stone, glazed brick or paint, terrazzo or big
    tiles, a coffered ceiling or a roof with rooflights; booking-office windows along the
    back with numbered plates and a ledge, departure boards and a clock hanging, a line
    of ticket gates across the hall with glass barriers to the walls and ticket machines
    along a side (the gates and machines the kind's), benches, a map of the network,
    posters, exit signs."""
    r, m = b.fix, _mass_produced(b)
    machine, gate = _ticket_machine(m), _ticket_gate(m)
    u = r.random()
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if u < 0.45:
            b.fill(name, _ashlar(r, tw, th, res))
        elif u < 0.75:
            b.fill(name, _bricks(r, tw, th, _between(r, (200, 190, 160), (240, 232, 210))))
    if u >= 0.75:
        b.paint_walls(_between(r, (200, 200, 195), (245, 242, 235)))
    b.floor(
        _speckle
        if r.random() < 0.5
        else (
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.6 * res)), _c(g, 130, 220), _c(g, 70, 130)
            )
        )
    )
    b.ceiling(_coffered if r.random() < 0.5 else _skylights)
    back = b.wall("back")
    n = int(r.integers(3, 7))
    ww = float(r.uniform(1.1, 1.4))
    span = n * ww + (n - 1) * 0.4
    start = max(0.3, float(r.uniform(0.2, 0.8)) * (b.w - span))
    frame = _between(r, (40, 40, 45), (150, 130, 100))
    for k in range(n):
        along = start + k * (ww + 0.4)
        if along + ww > b.w - 0.3:
            break
        _window(back, r, _booking_glass(r, back.px(ww), back.px(1.1)), along, 1.0, ww, 1.1, frame)
        plate = _grained(r, back.px(0.3), back.px(0.2), _c(r, 20, 200), 2.0)
        _text(
            plate,
            r,
            str(k + 1),
            plate.shape[1] // 3,
            plate.shape[0] * 4 // 5,
            plate.shape[0] * 2 // 3,
            (250, 250, 250),
        )
        _paste(back.img, plate, back.x_of(along + ww / 2 - 0.15), back.y_of(2.45))
    ledge_w = min(b.w - 0.6, span + 0.4)
    b.boxes.append(
        Box(
            start - 0.2 + ledge_w / 2 - b.w / 2,
            b.d - 0.2,
            ledge_w,
            0.4,
            1.0,
            0.0,
            {"front": _ashlar(r, 96, 24, 30.0), "top": _wood(r, 64, 16, _wood_tone(r), 4)},
        )
    )
    back.put(
        _sign(r, back.px(float(r.uniform(2.5, 4.0))), back.px(0.5)),
        min(b.h - 0.3, 3.4),
        min(b.h - 0.2, 3.6),
    )
    zg = float(r.uniform(0.55, 0.7)) * b.d
    lanes = int(r.integers(4, 9))
    pitch = 0.95
    gx = float(r.uniform(-0.15, 0.15)) * b.w
    x0 = gx - lanes * pitch / 2
    for k in range(lanes + 1):
        _model(b, Box(x0 + k * pitch, zg, 0.3, 1.4, 1.0, 0.0, gate))
    glass = _grained(r, 64, 24, (200, 215, 220), 3.0)
    cv2.line(glass, (0, 2), (63, 2), (160, 165, 170), 2)
    steel = _steel(r, 16, 8, 160)
    for lo, hi in ((-b.w / 2, x0 - 0.15), (x0 + lanes * pitch + 0.15, b.w / 2)):
        if hi - lo > 0.2:
            b.boxes.append(
                Box(
                    (lo + hi) / 2,
                    zg,
                    hi - lo,
                    0.05,
                    1.1,
                    0.0,
                    {"front": glass, "back": glass, "top": steel},
                )
            )
    board_y = min(b.h - 1.3, float(r.uniform(3.0, 3.6)))
    for _ in range(int(r.integers(1, 3))):
        bx = float(r.uniform(-0.3, 0.3)) * b.w
        bz = float(r.uniform(0.35, 0.5)) * b.d
        board = _flights(r, 96, 40)
        b.boxes.append(
            Box(
                bx,
                bz,
                2.6,
                0.12,
                0.9,
                board_y,
                {"front": board, "back": board, "top": steel, "left": steel, "right": steel},
            )
        )
    clock = _clock_face(r)
    b.boxes.append(
        Box(
            float(r.uniform(-0.3, 0.3)) * b.w,
            zg + 0.8,
            0.7,
            0.12,
            0.7,
            min(b.h - 0.9, board_y + 0.3),
            {"front": clock, "back": clock, "left": steel, "right": steel, "top": steel},
        )
    )
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    z = float(r.uniform(1.8, 3.0))
    count, most = 0, int(r.integers(2, 6))
    while z + 0.8 < zg - 1.2 and count < most:
        _model(
            b,
            Box(_side_x(b, side, 0.5), z + 0.4, 0.5, 0.8, 1.8, 0.0, _faces(machine, _inward(side))),
        )
        z += 0.95
        count += 1
    bench = _piece(r, "bench")
    fl = _Floor(b.w, zg - 0.8, 1.5)
    fl.take(_side_x(b, side, 0.5), zg / 2, 0.9, zg)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, float(r.uniform(1.6, 2.4)), 0.5, (other,))
        if spot:
            _add(b.boxes, b.tops, "bench", bench, spot, 0.45)
    wall = b.wall(other)
    wall.put(_network_map(r, wall.px(float(r.uniform(1.8, 2.6))), wall.px(1.3)), 2.6, 2.8)
    _poster(wall, int(r.integers(1, 3)))
    _poster(b.wall(side), 1)
    for name in ("left", "right", "front"):
        _small_things(b.wall(name), ("exit",))


# ice cream parlour


def _gelato_base(m: Rng) -> dict[str, U8]:
    """A gelato display cabinet's base: white or steel panels, a vent grille, the
    maker's badge."""
    body = _pick(m, [(240, 240, 238), (185, 188, 190), _c(m, 60, 230)])
    front = _grained(m, 64, 24, body, 2.0)
    for x in range(6, 58, 3):
        cv2.line(front, (x, 16), (x, 21), _shade(body, 0.6), 1)
    cv2.rectangle(front, (26, 4), (38, 8), _c(m, 20, 200), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 24, body, 2.0),
        "top": _grained(m, 32, 16, body, 2.0),
    }


def _tubs(rng: Rng, w: int, h: int, rows: int) -> U8:
    """Tubs of ice cream under curved glass: ``rows`` rows of heaped flavours (each its
    colour, some with swirls or pieces), labels, the glass's sheen."""
    img = _grained(rng, w, h, (220, 228, 232), 3.0)
    cols = max(3, w // 10)
    rh = h // rows
    for r_ in range(rows):
        for c in range(cols):
            x0 = c * w // cols + 1
            x1 = (c + 1) * w // cols - 2
            y1 = (r_ + 1) * rh - 2
            flavour = _c(rng, 90, 256)
            cv2.rectangle(img, (x0, y1 - rh + 4), (x1, y1), (235, 235, 238), -1)
            cv2.ellipse(
                img,
                ((x0 + x1) // 2, y1 - rh + 6),
                ((x1 - x0) // 2, max(2, rh // 3)),
                0,
                180,
                360,
                flavour,
                -1,
            )
            cv2.rectangle(img, (x0 + 1, y1 - rh + 6), (x1 - 1, y1 - 2), flavour, -1)
            if rng.random() < 0.4:
                cv2.line(img, (x0 + 1, y1 - rh // 2), (x1 - 1, y1 - rh // 3), _c(rng, 30, 200), 1)
            cv2.rectangle(img, (x0 + 2, y1 - 3), (x1 - 2, y1 - 1), (250, 250, 250), -1)
    cv2.line(img, (0, 3), (w - 1, h // 3), (245, 250, 252), 1)
    return img


def _lolly_freezer(m: Rng) -> tuple[dict[str, U8], U8]:
    """An ice-lolly chest freezer in a maker's livery (a glass lid onto boxes of lollies)
    and the maker's chart of lollies that stands on it."""
    livery = _c(m, 20, 230)
    front = _grained(m, 48, 32, livery, 3.0)
    _text(front, m, _word(m, (1, 2)).upper(), 4, 20, 12, (250, 250, 250))
    top = _grained(m, 48, 32, (200, 215, 222), 3.0)
    for y in range(3, 29, 8):
        for x in range(3, 45, 10):
            cv2.rectangle(top, (x, y), (x + 8, y + 6), _c(m, 40, 256), -1)
    chart = _grained(m, 48, 40, (248, 248, 244), 2.0)
    cv2.rectangle(chart, (0, 0), (47, 6), livery, -1)
    for k in range(12):
        x, y = 3 + (k % 4) * 11, 10 + (k // 4) * 10
        cv2.rectangle(chart, (x + 2, y), (x + 6, y + 6), _c(m, 40, 256), -1)
        cv2.line(chart, (x + 4, y + 6), (x + 4, y + 8), (200, 170, 120), 1)
    return {"front": front, "side": _grained(m, 32, 32, livery, 3.0), "top": top}, chart


def _stripes(rng: Rng, w: int, h: int, res: float) -> U8:
    """Candy stripes: two pastel colours in vertical bands 0.15-0.3 m wide."""
    a, c2 = _c(rng, 170, 256), _c(rng, 170, 256)
    img = _grained(rng, w, h, a, 3.0)
    step = max(2, round(float(rng.uniform(0.15, 0.3)) * res))
    for x in range(0, w, 2 * step):
        img[:, x : x + step] = _grained(rng, min(step, w - x), h, c2, 3.0)
    return img


def _neon(wall: _Wall, rng: Rng, width: float, low: float, high: float) -> None:
    """A neon sign on ``wall``: a cone, a heart or a star outline and a word in glowing
    tubes."""
    along = _wall_spot(wall, rng, width, low, high)
    if along is None:
        return
    x, y = wall.x_of(along), wall.y_of(high)
    w, h = wall.px(width), wall.px(high - low)
    region = wall.img[y : y + h, x : x + w]
    colour = _pick(
        rng, [(255, 60, 160), (60, 220, 255), (255, 200, 40), (120, 255, 120), (200, 90, 255)]
    )
    t = max(1, wall.px(0.02))
    cx, cy, s = h // 2, h // 2, h // 3
    shape = int(rng.integers(0, 3))
    if shape == 0:
        pts = [
            (cx - s // 2, cy - s // 3),
            (cx, cy + s),
            (cx + s // 2, cy - s // 3),
            (cx - s // 2, cy - s // 3),
        ]
        _glow(region, pts, colour, t)
        arc = [
            (int(cx + s // 2 * np.cos(a)), int(cy - s // 3 + s // 2 * np.sin(a)))
            for a in np.linspace(np.pi, 2 * np.pi, 12)
        ]
        _glow(region, arc, _lighter(colour, 1.1), t)
    elif shape == 1:
        heart = [
            (
                int(cx + s * 0.8 * np.sin(a) ** 3),
                int(cy - s * 0.6 * (np.cos(a) - 0.35 * np.cos(2 * a) - 0.15 * np.cos(3 * a))),
            )
            for a in np.linspace(0, 2 * np.pi, 30)
        ]
        _glow(region, heart, colour, t)
    else:
        star = [
            (
                int(cx + (s if k % 2 == 0 else s // 2) * np.cos(np.pi * k / 5 - np.pi / 2)),
                int(cy + (s if k % 2 == 0 else s // 2) * np.sin(np.pi * k / 5 - np.pi / 2)),
            )
            for k in range(11)
        ]
        _glow(region, star, colour, t)
    word = np.zeros((h, max(1, w - h)), np.uint8)
    cv2.putText(
        word,
        _word(rng, (2, 3)),
        (2, h * 2 // 3),
        cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
        h / 40,
        255,
        max(1, t),
    )
    if word.any():
        mask = word.astype(np.float32)[:, :, None] / 255
        halo = cv2.GaussianBlur(mask, (0, 0), max(1.0, 2.0 * t))
        halo = halo[:, :, None] if halo.ndim == 2 else halo
        sub = region[:, h:].astype(np.float32)
        sub = sub + halo * np.array(colour, np.float32) * 0.6
        lit = sub * (1 - mask) + mask * np.array(_lighter(colour, 1.3), np.float32)
        region[:, h:] = _u8(lit)


def _build_ice_cream(b: _Build17) -> None:
    """An ice cream parlour: pastel paint (candy stripes on the back wall for half), a
    chequered or terrazzo floor, a shop front; across the back the gelato cabinet (its
    base the kind's, the tubs under its glass each parlour's own) and a counter with a
    till and cones, a board of flavours, a neon sign, small tables with chairs, a lolly
    freezer with its chart (the kind's)."""
    r, m = b.fix, _mass_produced(b)
    cab_w = float(m.uniform(1.8, 2.4))
    base = _gelato_base(m)
    freezer, chart = _lolly_freezer(m)
    chart_edge = _grained(m, 8, 8, (240, 240, 236), 2.0)
    b.paint_walls(_c(r, 170, 256))
    if r.random() < 0.5:
        tw, th, res = b.texels("back")
        b.fill("back", _stripes(r, tw, th, res))
    _skirting(b, _c(r, 60, 230), 0.12)
    a, c2 = _c(r, 120, 256), _c(r, 20, 256)
    tile = float(r.uniform(0.25, 0.4))
    if r.random() < 0.6:
        b.floor(lambda g, w, h, res: _chequer(g, w, h, res, a, c2, tile))
    else:
        b.floor(_speckle)
    b.ceiling(_plain_ceiling)
    _shop_front(b)
    zc = b.d - float(r.uniform(1.6, 2.0))
    cab_x = float(r.uniform(-0.5, 0.5)) * max(0.0, b.w - cab_w - 2.2)
    _model(b, Box(cab_x, zc, cab_w, 0.9, 0.8, 0.0, _faces(base, "front")))
    glass_side = _grained(r, 24, 24, (215, 225, 230), 3.0)
    b.boxes.append(
        Box(
            cab_x,
            zc,
            cab_w,
            0.9,
            0.45,
            0.8,
            {
                "front": _tubs(r, 64, 24, 1),
                "top": _tubs(r, 64, 32, 2),
                "left": glass_side,
                "right": glass_side,
            },
        )
    )
    rest_lo, rest_hi = cab_x + cab_w / 2, b.w / 2 - 0.8
    if rest_hi - rest_lo < 0.8:
        rest_lo, rest_hi = -b.w / 2 + 0.8, cab_x - cab_w / 2
    if rest_hi - rest_lo > 0.5:
        face = _grained(r, 48, 24, _c(r, 80, 250), 3.0)
        cx = (rest_lo + rest_hi) / 2
        b.boxes.append(
            Box(
                cx,
                zc,
                rest_hi - rest_lo,
                0.7,
                1.0,
                0.0,
                {
                    "front": face,
                    "left": face,
                    "right": face,
                    "top": _grained(r, 32, 16, _c(r, 150, 256), 3.0),
                },
            )
        )
        b.tops.append((cx, zc, (rest_hi - rest_lo) * 0.7, 0.4, 1.0))
        b.boxes.append(Box(cx, zc, 0.3, 0.28, 0.2, 1.0, _faces(_till(r), "front")))
        cones = _grained(r, 8, 16, (210, 160, 90), 6.0)
        b.boxes.append(
            Box(cx + min(0.4, (rest_hi - rest_lo) / 3), zc, 0.08, 0.08, 0.3, 1.0, _all_faces(cones))
        )
    back = b.wall("back")
    back.put(_menu(r, back.px(float(r.uniform(1.4, 2.0))), back.px(0.8)), 2.5, 2.6)
    _neon(b.wall(str(r.choice(["left", "right", "back"]))), r, 1.2, 1.6, 2.3)
    fl = _Floor(b.w, zc - 0.6, 1.2)
    side = str(r.choice(["left", "right"]))
    spot = fl.against(r, 1.0, 0.65, (side,))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.85, 0.0, _faces(freezer, facing)))
        xb = _side_x(b, side, 0.05)
        _model(
            b,
            Box(
                xb,
                z,
                0.05,
                0.9,
                0.7,
                0.85,
                _faces({"front": chart, "top": chart_edge, "side": chart_edge}, facing),
            ),
        )
    table, chair = _piece(r, "table"), _piece(r, "chair")
    for _ in range(int(r.integers(2, 5))):
        spot = fl.middle(r, 1.7, 0.8)
        if spot:
            x, z, _w, _d, _f = spot
            _add(b.boxes, b.tops, "table", table, (x, z, 0.65, 0.65, "front"), 0.75)
            _add(b.boxes, b.tops, "chair", chair, (x - 0.55, z, 0.4, 0.4, "right"), 0.85)
            _add(b.boxes, b.tops, "chair", chair, (x + 0.55, z, 0.4, 0.4, "left"), 0.85)
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(b.wall("right" if side == "left" else "left"), int(r.integers(1, 3)))
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 60, 230))


# phone shop


def _demo_phone(m: Rng, tablet: bool) -> dict[str, U8]:
    """A demonstration handset (or tablet) standing on its display: a black bezel, the
    maker's wallpaper, a grid of app icons, a clock; dark edges."""
    w, h = (24, 32) if tablet else (16, 32)
    img = _grained(m, w, h, (15, 15, 18), 1.0)
    wall = _between(m, (20, 40, 90), (200, 120, 200))
    inner = _grained(m, w - 2, h - 4, wall, 10.0)
    cv2.circle(
        inner,
        (int(m.integers(2, w - 4)), int(m.integers(4, h - 8))),
        max(3, w // 3),
        _lighter(wall, 1.5),
        -1,
    )
    _text(inner, m, f"{int(m.integers(0, 24)):02d}", 2, 6, 5, (250, 250, 250))
    for y in range(9, h - 8, 5):
        for x in range(2, w - 5, 5):
            cv2.rectangle(inner, (x, y), (x + 2, y + 2), _c(m, 60, 256), -1)
    _paste(img, inner, 1, 2)
    edge = _grained(m, 8, 8, _between(m, (20, 20, 22), (200, 200, 205)), 2.0)
    return {"front": img, "side": edge, "top": edge}


def _accessories(rng: Rng, w: int, h: int) -> U8:
    """A slatwall of phone accessories: cases, chargers, cables and earphones in
    packs on hooks, price strips."""
    img = _grained(rng, w, h, _between(rng, (200, 200, 200), (245, 245, 245)), 2.0)
    for y in range(0, h, 6):
        cv2.line(img, (0, y), (w, y), (180, 180, 182), 1)
    for y in range(4, h - 14, 16):
        x = 2
        while x < w - 10:
            pw = int(rng.integers(6, 10))
            col = _c(rng, 20, 256)
            cv2.rectangle(img, (x, y), (x + pw, y + 13), (240, 240, 242), -1)
            cv2.rectangle(img, (x + 1, y + 3), (x + pw - 1, y + 10), col, -1)
            cv2.line(img, (x + pw // 2, y - 2), (x + pw // 2, y), (120, 120, 125), 1)
            x += pw + 2
    return img


def _promo(rng: Rng, w: int, h: int) -> U8:
    """A network's promotion: its colour, a big number, a word, a handset's outline."""
    img = _grained(rng, w, h, _c(rng, 20, 230), 3.0)
    _text(img, rng, str(int(rng.integers(5, 99))), w // 10, h // 2, max(6, h // 3), (250, 250, 250))
    _text(
        img, rng, _word(rng, (2, 3)).upper(), w // 10, h - h // 8, max(5, h // 8), (250, 250, 250)
    )
    cv2.rectangle(
        img,
        (w * 2 // 3, h // 5),
        (w * 2 // 3 + w // 6, h // 5 + h // 2),
        (250, 250, 250),
        max(1, w // 40),
    )
    return img


def _build_phone_shop(b: _Build17) -> None:
    """A mobile phone shop: white paint with the network's colour and word on the back
    wall, pale boards or grey tiles, a ceiling with light lines, a shop front; display
    tables down the middle with demonstration handsets and tablets standing on them, a
    shelf of handsets along one wall (the handsets and tablets the kind's: the same
    three models and one tablet in every shop), a slatwall of accessories on the other,
    promotions, a counter with a screen behind it."""
    r, m = b.fix, _mass_produced(b)
    handsets = [_demo_phone(m, False) for _ in range(3)]
    tablet = _demo_phone(m, True)
    b.paint_walls(_between(r, (235, 235, 232), (252, 252, 250)))
    tw, th, _res = b.texels("back")
    brand = _c(r, 20, 220)
    back_img = _grained(r, tw, th, brand, 3.0)
    b.fill("back", back_img)
    back = b.wall("back")
    _text(
        back.img,
        r,
        _word(r, (1, 2)).lower(),
        back.px(0.4),
        back.y_of(2.2),
        back.px(0.4),
        (250, 250, 250),
    )
    back.claim(0, back.y_of(2.7), back.px(2.5), back.px(0.6), gap=0)
    if r.random() < 0.5:
        b.floor(_planks)
    else:
        b.floor(
            lambda g, w, h, res: _tiles(
                g, w, h, max(3, round(0.6 * res)), _c(g, 120, 200), _c(g, 90, 140)
            )
        )

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _plain_ceiling(g, w, h, res)
        for x in range(
            max(2, round(0.8 * res)), w, max(6, round(float(g.uniform(1.2, 2.0)) * res))
        ):
            cv2.rectangle(
                img,
                (x, max(1, round(0.5 * res))),
                (x + max(1, round(0.06 * res)), h - round(0.5 * res)),
                (252, 252, 250),
                -1,
            )
        return img

    b.ceiling(ceiling)
    _shop_front(b)
    fl = _Floor(b.w, b.d, 1.5)
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    length = b.d - 3.0
    sx = _side_x(b, side, 0.3)
    b.boxes.append(
        Box(
            sx,
            1.5 + length / 2,
            0.3,
            length,
            0.04,
            1.1,
            _faces(
                {
                    "front": _grained(r, 32, 4, (240, 240, 240), 2.0),
                    "top": _grained(r, 64, 16, (245, 245, 245), 2.0),
                },
                _inward(side),
            ),
        )
    )
    fl.take(sx, 1.5 + length / 2, 0.5, length)
    sgn = 1.0 if side == "left" else -1.0
    for k in range(int(length / 0.35)):
        phone = handsets[k % 3]
        _model(
            b,
            Box(
                sx + sgn * 0.03,
                1.7 + 0.35 * k,
                0.02,
                0.08,
                0.16,
                1.14,
                _faces(phone, _inward(side)),
            ),
        )
    wall = b.wall(side)
    for _ in range(int(r.integers(1, 4))):
        wall.put(_promo(r, wall.px(float(r.uniform(0.6, 1.0))), wall.px(0.8)), 2.3, 2.5)
    wall = b.wall(other)
    wall.put(
        _accessories(r, wall.px(min(wall.length - 2.0, float(r.uniform(2.0, 4.0)))), wall.px(1.4)),
        2.0,
        2.1,
    )
    fl.take(_side_x(b, other, 0.3), b.d / 2, 0.4, b.d)
    for _ in range(int(r.integers(2, 5))):
        spot = fl.middle(r, float(r.uniform(1.6, 2.0)), 0.9)
        if not spot:
            continue
        x, z, tw_, td, _f = spot
        top = _grained(r, 64, 32, _pick(r, [(245, 245, 245), _wood_tone(r), (40, 40, 44)]), 2.0)
        front = _grained(r, 64, 32, _pick(r, [(245, 245, 245), (60, 60, 64), brand]), 2.0)
        b.boxes.append(
            Box(
                x,
                z,
                tw_,
                td,
                0.9,
                0.0,
                {"front": front, "back": front, "left": front, "right": front, "top": top},
            )
        )
        n = max(3, int(tw_ / 0.3))
        for k in range(n):
            dev = tablet if k == n // 2 else handsets[k % 3]
            dw, dh = (0.18, 0.25) if k == n // 2 else (0.08, 0.16)
            xk = x - tw_ / 2 + (k + 0.5) * tw_ / n
            _model(b, Box(xk, z, dw, 0.02, dh, 0.92, _faces(dev, "front")))
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {
                "front": _grained(r, 48, 24, _pick(r, [(245, 245, 245), brand]), 2.0),
                "top": _grained(r, 32, 16, (240, 240, 240), 2.0),
            },
        )
    back.put(_screen(r, back.px(1.2), back.px(0.7)), 2.1, 2.2)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 60, 230))


# shoe shop


def _shoe(img: U8, rng: Rng, x: int, y: int, size: int, colour: Colour) -> None:
    """One shoe from the side, its toe to the right: a trainer, a boot, a court shoe or a
    sandal, a sole."""
    kind = int(rng.integers(0, 4))
    sole = (240, 240, 236) if kind == 0 else _shade(colour, 0.5)
    if kind == 0:
        pts = [
            (x, y),
            (x, y - size // 2),
            (x + size // 3, y - size // 2),
            (x + size, y - size // 5),
            (x + size, y),
        ]
    elif kind == 1:
        pts = [
            (x, y),
            (x, y - size),
            (x + size // 3, y - size),
            (x + size // 3, y - size // 3),
            (x + size, y - size // 4),
            (x + size, y),
        ]
    elif kind == 2:
        pts = [
            (x, y - size // 3),
            (x + size // 4, y - size // 2),
            (x + size, y - size // 6),
            (x + size, y),
            (x + size // 5, y),
        ]
        cv2.line(img, (x + 1, y - size // 3), (x + 1, y), _shade(colour, 0.6), 1)
    else:
        pts = [
            (x, y),
            (x + size // 4, y - size // 4),
            (x + size * 3 // 4, y - size // 4),
            (x + size, y),
        ]
    cv2.fillPoly(img, [np.array(pts, np.int32)], colour)
    cv2.line(img, (x, y), (x + size, y), sole, 1)


def _shoe_shelves(rng: Rng, w: int, h: int) -> U8:
    """A wall of shoes: glass or wooden shelves, on each single shoes turned to show
    their side, price cards."""
    back = (
        _between(rng, (200, 195, 185), (250, 248, 244)) if rng.random() < 0.7 else _c(rng, 30, 200)
    )
    img = _grained(rng, w, h, back, 3.0)
    rows = max(3, h // 18)
    rh = h // rows
    shelf = _pick(rng, [(220, 230, 232), _wood_tone(rng), (60, 60, 62)])
    for k in range(rows):
        y = (k + 1) * rh - 2
        cv2.rectangle(img, (0, y), (w - 1, y + 1), shelf, -1)
        x = int(rng.integers(1, 6))
        while x < w - 14:
            size = int(rng.integers(9, 13))
            _shoe(img, rng, x, y - 1, size, _c(rng, 10, 250))
            if rng.random() < 0.3:
                cv2.rectangle(img, (x + 2, y - 3), (x + 6, y - 1), (250, 250, 250), -1)
            x += size + int(rng.integers(3, 7))
    return img


def _fitting_stool(m: Rng) -> dict[str, U8]:
    """A shoe-fitting stool: a padded seat in the maker's colour, a slanted footrest with
    a rubber mat, a dark base."""
    pad = _c(m, 20, 200)
    front = _grained(m, 24, 24, (40, 40, 44), 2.0)
    cv2.rectangle(front, (2, 0), (21, 6), pad, -1)
    pts = np.array([[4, 10], [20, 14], [20, 18], [4, 18]], np.int32)
    cv2.fillPoly(front, [pts], (30, 30, 32))
    top = _grained(m, 24, 24, pad, 3.0)
    cv2.rectangle(top, (3, 3), (20, 20), _shade(pad, 0.8), 1)
    return {"front": front, "side": front, "top": top}


def _foot_gauge(m: Rng) -> dict[str, U8]:
    """A foot-measuring gauge: a metal plate with a heel cup, printed size scales in two
    colours and a sliding width bar."""
    top = _grained(m, 16, 40, (200, 200, 205), 2.0)
    cv2.rectangle(top, (1, 1), (14, 38), _c(m, 20, 120), 1)
    for y in range(6, 38, 2):
        cv2.line(top, (1, y), (4 if y % 4 else 6, y), (20, 20, 20), 1)
    cv2.rectangle(top, (6, 20), (14, 22), _c(m, 120, 256), -1)
    cv2.ellipse(top, (8, 36), (6, 3), 0, 0, 180, (40, 40, 40), 1)
    edge = _grained(m, 8, 4, (150, 150, 155), 2.0)
    return {"front": edge, "side": edge, "top": top}


def _shoe_box(m: Rng) -> dict[str, U8]:
    """A maker's shoebox: its colour, a logo band, a label at one end."""
    colour = _c(m, 20, 240)
    front = _grained(m, 32, 12, colour, 3.0)
    cv2.rectangle(front, (0, 8), (31, 11), _c(m, 100, 256), -1)
    end = _grained(m, 16, 12, colour, 3.0)
    cv2.rectangle(end, (3, 2), (12, 7), (250, 250, 250), -1)
    top = _grained(m, 32, 16, colour, 3.0)
    _text(top, m, _word(m, (1, 2)).upper(), 3, 11, 7, (250, 250, 250))
    return {"front": front, "back": front, "left": end, "right": end, "top": top}


def _build_shoe_shop(b: _Build17) -> None:
    """A shoe shop: paint (a feature colour on the back wall for half), boards or a carpet,
    a shop front; walls of shoes on shelves over a plinth along both sides, benches down
    the middle with fitting stools, a foot gauge and stacks of shoeboxes by them (the
    stools, the gauge and the boxes the kind's), low mirrors, display plinths, a counter,
    a sign, a door to the stockroom."""
    r, m = b.fix, _mass_produced(b)
    stool, gauge, shoebox = _fitting_stool(m), _foot_gauge(m), _shoe_box(m)
    b.paint_walls(_between(r, (220, 218, 210), (250, 250, 246)))
    if r.random() < 0.5:
        tw, th, _res = b.texels("back")
        b.fill("back", _grained(r, tw, th, _c(r, 40, 220), 3.0))
    if r.random() < 0.55:
        b.floor(_planks)
    else:
        b.floor(lambda g, w, h, res: _grained(g, w, h, _c(g, 40, 150), 8.0))
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    fl = _Floor(b.w, b.d, 1.5)
    top = min(b.h - 0.4, float(r.uniform(2.0, 2.3)))
    plinth = _grained(r, 64, 8, _c(r, 30, 230), 3.0)
    for side in ("left", "right"):
        wall = b.wall(side)
        along = 1.0
        while along + 1.0 < wall.length - 0.8:
            tx, ty = wall.x_of(along), wall.y_of(top)
            if wall.claim(tx, ty, wall.px(1.0), wall.px(top - 0.35), gap=0):
                _paste(wall.img, _shoe_shelves(r, wall.px(1.0), wall.px(top - 0.35)), tx, ty)
            along += 1.02
        length = b.d - 1.8
        b.boxes.append(
            Box(
                _side_x(b, side, 0.35),
                1.0 + length / 2,
                0.35,
                length,
                0.3,
                0.0,
                _faces(
                    {"front": plinth, "top": _grained(r, 32, 16, _shade(_c(r, 30, 230), 1.0), 3.0)},
                    _inward(side),
                ),
            )
        )
        fl.take(_side_x(b, side, 0.35), 1.0 + length / 2, 0.45, length)
    seat = _fabric(r, 64, 16)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.middle(r, 2.6, 1.7)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        b.boxes.append(
            Box(
                x,
                z + 0.4,
                1.6,
                0.5,
                0.45,
                0.0,
                {
                    "front": seat,
                    "back": seat,
                    "left": seat,
                    "right": seat,
                    "top": _fabric(r, 64, 16),
                },
            )
        )
        b.tops.append((x, z + 0.4, 1.2, 0.3, 0.45))
        for dx in (-0.45, 0.45)[: int(r.integers(1, 3))]:
            _model(b, Box(x + dx, z - 0.3, 0.35, 0.45, 0.4, 0.0, _faces(stool, "front")))
        _model(
            b,
            Box(
                x + float(r.choice([-0.1, 0.1])),
                z - 0.75,
                0.14,
                0.32,
                0.04,
                0.0,
                _faces(gauge, "front"),
            ),
        )
        bx = x + float(r.choice([-1.0, 1.0])) * 1.05
        for k in range(int(r.integers(2, 7))):
            _model(b, Box(bx, z + 0.4, 0.34, 0.2, 0.12, 0.12 * k, shoebox))
        if r.random() < 0.6:
            mirror = _grained(r, 16, 32, _between(r, (175, 190, 196), (205, 212, 216)), 5.0)
            cv2.line(mirror, (2, 20), (13, 8), (230, 236, 240), 1)
            b.boxes.append(
                Box(
                    x - bx + x,
                    z + 0.4,
                    0.4,
                    0.05,
                    0.9,
                    0.0,
                    {
                        "front": mirror,
                        "back": _grained(r, 16, 32, (60, 60, 64), 3.0),
                        "top": _grained(r, 8, 8, (60, 60, 64), 2.0),
                    },
                )
            )
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 0.7, 0.7)
        if spot:
            x, z, _w, _d, _f = spot
            face = _grained(r, 24, 32, _c(r, 60, 250), 3.0)
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.5,
                    0.5,
                    0.8,
                    0.0,
                    {"front": face, "back": face, "left": face, "right": face, "top": face},
                )
            )
            pair = _grained(r, 24, 16, (240, 240, 236), 2.0)
            _shoe(pair, r, 2, 14, 10, _c(r, 10, 250))
            _shoe(pair, r, 12, 14, 10, _c(r, 10, 250))
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.3,
                    0.12,
                    0.12,
                    0.8,
                    {"front": pair, "back": pair, "left": pair, "right": pair, "top": pair},
                )
            )
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        _box(
            b,
            spot,
            1.0,
            {
                "front": _cabinet(r, 3, 1, _c(r, 60, 230)),
                "top": _grained(r, 32, 16, _c(r, 120, 240), 3.0),
            },
        )
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.2))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _poster(back, int(r.integers(1, 3)))
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 60, 230))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _platform_floor(
    rng: Rng, w: int, h: int, res: float, depth: float, edge: float, tone: Colour
) -> U8:
    """A metro platform and its track: tiles to the edge (a tactile strip, a yellow line,
    a pale coping), the drop's shadow, then the track bed (dark ballast, sleepers, two
    running rails and a third)."""
    img = _tiles(rng, w, h, max(3, round(0.3 * res)), tone, _shade(tone, 0.8))

    def row(z: float) -> int:
        return int(np.clip(round((depth - z) * res), 0, h))

    y_edge = row(edge)
    img[:y_edge] = _grained(rng, w, y_edge, _between(rng, (45, 40, 38), (75, 70, 65)), 14.0)
    for x in range(0, w, max(3, round(0.65 * res))):
        cv2.rectangle(img, (x, 0), (x + max(1, round(0.2 * res)), y_edge), (60, 50, 40), -1)
    for z in (edge + 0.9, edge + 0.9 + 1.435):
        y = row(z)
        cv2.rectangle(img, (0, y - 1), (w, y + 1), (175, 175, 180), -1)
    y3 = row(edge + 0.5)
    cv2.rectangle(img, (0, y3 - 1), (w, y3 + 1), (120, 115, 110), -1)
    shadow = row(edge + 0.35)
    img[shadow:y_edge] = _u8(img[shadow:y_edge].astype(np.float32) * 0.35)
    coping = row(edge - 0.12)
    img[y_edge:coping] = _between(rng, (200, 200, 195), (235, 232, 225))
    line = row(edge - 0.6)
    cv2.rectangle(img, (0, line - max(1, round(0.05 * res))), (w, line), (240, 200, 30), -1)
    strip = row(edge - 0.9)
    tactile = img[line:strip]
    tactile[::3, ::3] = _shade(tone, 0.6)
    return img


def _tube_wall(rng: Rng, w: int, h: int, res: float, tile: Colour, bands: list[Colour]) -> U8:
    """A station's wall: small glazed tiles, one or two bands of the line's colours."""
    img = _glazed(rng, w, h, max(3, round(0.12 * res)), tile, _shade(tile, 0.85))
    for k, colour in enumerate(bands):
        y = h - round((1.4 + 1.2 * k) * res)
        cv2.rectangle(img, (0, y), (w, y + max(2, round(0.12 * res))), colour, -1)
    return img


def _name_board(o: Rng, w: int, h: int, style: int, colour: Colour) -> U8:
    """A station's name as the line shows it: a ring with a bar (style 0), a band (1) or
    a panel (2) in the line's colour, the name in white or dark letters."""
    img = np.full((h, w, 3), 255, np.uint8)
    name = _word(o, (2, 4)).upper()
    if style == 0:
        img[:] = (245, 245, 242)
        cv2.circle(img, (w // 2, h // 2), h // 2 - 1, colour, max(2, h // 6))
        cv2.rectangle(img, (0, h * 3 // 8), (w - 1, h * 5 // 8), (30, 50, 140), -1)
        _text(img, o, name, w // 8, h * 5 // 8 - 2, max(5, h // 5), (250, 250, 250))
    elif style == 1:
        img[:] = colour
        _text(img, o, name, w // 10, h * 3 // 4, max(5, h // 2), (250, 250, 250))
    else:
        img[:] = (30, 30, 34)
        cv2.rectangle(img, (0, 0), (w - 1, h // 5), colour, -1)
        _text(img, o, name, w // 10, h * 4 // 5, max(5, h // 2), (250, 250, 250))
    return img


def _advert(o: Rng, w: int, h: int) -> U8:
    """A poster in a station's frame: a picture (a scene, a swatch or a colour), a big
    word, a line of small ones."""
    u = o.random()
    img = (
        np.asarray(cv2.resize(_outside(o, 64, 48), (w, h)), np.uint8)
        if u < 0.4
        else _grained(o, w, h, _c(o, 20, 250), 6.0)
    )
    _text(img, o, _word(o, (1, 3)).upper(), w // 10, h // 4, max(5, h // 7), _c(o, 0, 256))
    _text(img, o, _word(o, (2, 4)), w // 10, h - h // 8, max(4, h // 14), (250, 250, 250))
    if u >= 0.4:
        cv2.circle(img, (w // 2, h // 2), max(3, w // 5), _c(o, 0, 256), -1)
    return img


def _build_platform(b: _Build17) -> None:
    """A metro platform of one line: every fixed thing the template's (see the module's
    docstring); the station's name on its boards, the posters in the frames and what the
    indicator shows the station's own."""
    r, o = b.fix, b.own
    edge = b.d - float(r.uniform(2.8, 3.2))
    tile = _between(r, (215, 215, 205), (248, 246, 238)) if r.random() < 0.7 else _c(r, 120, 230)
    line_colour = _c(r, 20, 220)
    bands = [line_colour, _c(r, 20, 220)][: int(r.integers(1, 3))]
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        b.fill(name, _tube_wall(r, tw, th, res, tile, bands))
    for name in ("left", "right"):
        wall = b.wall(name)
        a0, a1 = (edge, b.d) if name == "left" else (0.0, b.d - edge)
        x0, x1 = wall.x_of(a0), wall.x_of(a1)
        mouth = wall.y_of(min(b.h - 0.3, 3.4))
        wall.img[mouth:, x0:x1] = _grained(r, x1 - x0, wall.img.shape[0] - mouth, (12, 12, 14), 2.0)
        cv2.ellipse(
            wall.img,
            ((x0 + x1) // 2, mouth),
            ((x1 - x0) // 2, wall.px(0.5)),
            0,
            180,
            360,
            (12, 12, 14),
            -1,
        )
        wall.claim(x0, 0, x1 - x0, wall.img.shape[0], gap=0)
    tone = _between(r, (120, 115, 110), (190, 185, 175))
    b.floor(lambda g, w, h, res: _platform_floor(g, w, h, res, b.d, edge, tone))

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, _between(g, (150, 150, 150), (220, 218, 212)), 4.0)
        for y in range(
            max(2, round(1.0 * res)), h, max(4, round(float(g.uniform(1.5, 2.2)) * res))
        ):
            cv2.rectangle(img, (0, y), (w, y + max(1, round(0.1 * res))), (252, 250, 240), -1)
        return img

    b.ceiling(ceiling)
    back = b.wall("back")
    boards = int(r.integers(2, 5))
    style = int(r.integers(0, 3))
    bw_, bh_ = float(r.uniform(1.4, 2.0)), 0.6 if style else 0.9
    frames = int(r.integers(3, 7))
    fw_, fh_ = float(r.uniform(1.0, 1.5)), float(r.uniform(0.7, 1.0))
    slots = boards + frames
    pitch = (b.w - 1.0) / slots
    order = list(r.permutation(slots))
    frame_colour = _between(r, (30, 30, 34), (200, 200, 205))
    spots: list[tuple[int, int, int, int, bool]] = []
    for k, i in enumerate(order):
        is_board = i < boards
        ww, hh = (bw_, bh_) if is_board else (fw_, fh_)
        along = 0.5 + k * pitch + (pitch - ww) / 2
        high = 2.6 if is_board else 2.3
        x, y = back.x_of(along), back.y_of(high)
        back.claim(x, y, back.px(ww), back.px(hh), gap=0)
        if not is_board:
            cv2.rectangle(
                back.img,
                (x - 3, y - 3),
                (x + back.px(ww) + 3, y + back.px(hh) + 3),
                frame_colour,
                -1,
            )
        spots.append((x, y, back.px(ww), back.px(hh), is_board))
    strip = _network_map(r, back.px(min(b.w - 1.0, 6.0)), back.px(0.35))
    _paste(back.img, strip, back.x_of(0.5), back.y_of(3.3) if b.h > 3.5 else back.y_of(b.h - 0.05))
    bench = _piece(r, "bench")
    bin_ = _grained(r, 16, 32, _c(r, 20, 120), 3.0)
    for k in range(int(r.integers(2, 4))):
        bx = (k + 0.5) * b.w / 3 - b.w / 2 + float(r.uniform(-0.5, 0.5))
        _add(b.boxes, b.tops, "bench", bench, (bx, 0.5, 1.8, 0.5, "back"), 0.45)
        b.boxes.append(Box(bx + 1.2, 0.4, 0.35, 0.35, 0.8, 0.0, _all_faces(bin_)))
    casing = _grained(r, 96, 24, (20, 20, 22), 2.0)
    ix, iz, iy = float(r.uniform(-0.3, 0.3)) * b.w, edge - 1.2, min(b.h - 0.5, 2.8)
    help_point = _grained(r, 16, 32, (250, 200, 30), 3.0)
    cv2.circle(help_point, (8, 12), 4, (30, 30, 30), 1)
    b.boxes.append(
        Box(
            float(r.uniform(-0.4, 0.4)) * b.w,
            0.1,
            0.3,
            0.15,
            1.5,
            0.0,
            {"front": help_point, "left": help_point, "right": help_point, "top": help_point},
        )
    )
    _small_things(b.wall("front"), ("exit",))
    # The station's own: its name on the boards, the posters, what the indicator shows.
    for x, y, w_, h_, is_board in spots:
        tex = _name_board(o, w_, h_, style, line_colour) if is_board else _advert(o, w_, h_)
        _paste(back.img, tex, x, y)
    board = casing.copy()
    for k in range(2):
        y = 9 + 10 * k
        _text(board, o, f"{k + 1} {_word(o, (2, 3)).upper()}", 3, y, 7, (250, 160, 30))
        _text(board, o, f"{int(o.integers(1, 12))}min", 74, y, 7, (250, 160, 30))
    b.boxes.append(
        Box(
            ix,
            iz,
            1.8,
            0.12,
            0.45,
            iy,
            {"front": board, "back": casing, "top": casing, "left": casing, "right": casing},
        )
    )
    _b19(b).walk = edge - 0.7
    _b17(b).stand = (
        float(r.uniform(-0.2, 0.2)) * b.w,
        float(o.uniform(0.6, max(0.65, edge - 1.6))),
    )


def _court_wall(rng: Rng, w: int, h: int, tone: Colour) -> U8:
    """A squash court's plaster: off-white, faint patches."""
    img = _grained(rng, w, h, tone, 3.0)
    return _u8(
        img.astype(np.float32) * (0.97 + 0.06 * _field(rng, w, h, max(4, w // 6))[:, :, None])
    )


def _build_court(b: _Build17) -> None:
    """A squash court of one club: every fixed thing the template's (see the module's
    docstring); the ball marks on the front wall, the scuffs on the floor, the court's
    number and what is left lying in it the court's own."""
    r, o = b.fix, b.own
    tone = _between(r, (232, 232, 228), (250, 250, 246))
    red = _pick(r, [(200, 30, 35), (190, 40, 40), (210, 50, 40)])
    for name in ("back", "left", "right", "front"):
        tw, th, _res = b.texels(name)
        b.fill(name, _court_wall(r, tw, th, tone))
    for name in ("back", "left", "right"):
        wall = b.wall(name)
        lw = max(2, wall.px(0.05))
        tw = wall.img.shape[1]
        if name == "back":
            cv2.rectangle(wall.img, (0, wall.y_of(4.57)), (tw, wall.y_of(4.57) + lw), red, -1)
            cv2.rectangle(wall.img, (0, wall.y_of(1.78)), (tw, wall.y_of(1.78) + lw), red, -1)
            tin = _pick(r, [(250, 250, 250), (60, 60, 64), (200, 30, 35)])
            cv2.rectangle(wall.img, (0, wall.y_of(0.48)), (tw, wall.img.shape[0]), tin, -1)
            cv2.rectangle(wall.img, (0, wall.y_of(0.48)), (tw, wall.y_of(0.48) + lw), red, -1)
            logo = _sign(r, wall.px(1.6), wall.px(0.4))
            _paste(
                wall.img,
                logo,
                tw // 2 - logo.shape[1] // 2,
                wall.y_of(5.4) if b.h > 5.5 else wall.y_of(b.h - 0.05),
            )
        else:
            hi_front, hi_back = 2.13, 4.57
            a = (wall.x_of(0.0), wall.y_of(hi_front if name == "left" else hi_back))
            c = (wall.x_of(b.d), wall.y_of(hi_back if name == "left" else hi_front))
            cv2.line(wall.img, a, c, red, lw)
        wall.claim(0, 0, tw, wall.img.shape[0], gap=0)
    front = b.wall("front")
    front.img[:] = _u8(front.img.astype(np.float32) * 0.6 + np.array([60, 70, 75], np.float32))
    strip = _wood_tone(r)

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _wood(g, w, h, _lighter(strip, 1.2), max(2, round(0.07 * res)), along_x=False)
        t = max(1, round(0.05 * res))
        short = round(5.49 * res)
        cv2.rectangle(img, (0, short), (w, short + t), red, -1)
        cv2.rectangle(img, (w // 2 - t // 2, short), (w // 2 + t // 2 + 1, h), red, -1)
        box = round(1.6 * res)
        for x0 in (0, w - box):
            cv2.rectangle(img, (x0, short), (x0 + box, short + box), red, t)
        return img

    b.floor(floor)

    def ceiling(g: Rng, w: int, h: int, res: float) -> U8:
        return _grained(g, w, h, _between(g, (225, 225, 222), (250, 250, 248)), 3.0)

    b.ceiling(ceiling)
    lamp = _grained(r, 32, 8, (252, 250, 240), 1.0)
    for x in (-1.6, 1.6):
        for z in (2.5, 5.0, 7.5):
            b.boxes.append(
                Box(
                    x,
                    z,
                    0.3,
                    1.2,
                    0.08,
                    b.h - 0.1,
                    {"front": lamp, "back": lamp, "left": lamp, "right": lamp},
                )
            )
    vent = _grained(r, 24, 8, (200, 200, 200), 2.0)
    for y in range(1, 8, 2):
        cv2.line(vent, (0, y), (23, y), (120, 120, 125), 1)
    b.boxes.append(
        Box(
            float(r.uniform(-2.0, 2.0)),
            b.d - 0.06,
            0.8,
            0.1,
            0.25,
            b.h - 0.5,
            {"front": vent, "top": vent, "left": vent, "right": vent},
        )
    )
    # The court's own: ball marks on the front wall, scuffs on the floor, its number.
    back = b.wall("back")
    for _ in range(int(o.integers(60, 220))):
        x = int(o.integers(0, back.img.shape[1]))
        y = back.y_of(float(np.clip(o.normal(2.3, 0.9), 0.55, 4.4)))
        cv2.circle(
            back.img, (x, y), int(o.integers(1, 3)), _between(o, (40, 45, 60), (120, 125, 135)), -1
        )
    flr = b.surfaces["floor"]
    for _ in range(int(o.integers(6, 20))):
        pts = np.cumsum(o.integers(-6, 7, (8, 2)), axis=0) + np.array(
            [o.integers(0, flr.tex.shape[1]), o.integers(0, flr.tex.shape[0])]
        )
        cv2.polylines(flr.tex, [pts.astype(np.int32)], False, (60, 55, 50), 1)
    side = str(o.choice(["left", "right"]))
    wall = b.wall(side)
    number = _grained(o, wall.px(0.5), wall.px(0.5), tone, 1.0)
    _text(
        number,
        o,
        str(int(o.integers(1, 9))),
        number.shape[1] // 5,
        number.shape[0] * 4 // 5,
        number.shape[0] * 3 // 5,
        _pick(o, [(30, 30, 35), red]),
    )
    _paste(wall.img, number, wall.x_of(0.3 if side == "left" else b.d - 0.8), wall.y_of(3.6))


def _course(o: Rng, w: int, h: int) -> U8:
    """What a golf simulator projects: sky, a tree line, a fairway to a green with its
    flag, rough, a yardage, a bar of the shot's numbers."""
    img = np.asarray(cv2.resize(_sky(o, 64, 32), (w, h)), np.uint8).copy()
    horizon = int(h * float(o.uniform(0.35, 0.5)))
    rough = _between(o, (50, 100, 40), (90, 140, 60))
    img[horizon:] = _grained(o, w, h - horizon, rough, 10.0)
    fair = _lighter(rough, 1.3)
    pts = np.array(
        [
            [w // 2 - w // 3, h],
            [w // 2 + w // 3, h],
            [w // 2 + int(o.integers(-w // 6, w // 6)) + w // 14, horizon + 3],
            [w // 2 + int(o.integers(-w // 6, w // 6)) - w // 14, horizon + 3],
        ],
        np.int32,
    )
    cv2.fillPoly(img, [pts], fair)
    gx = int((pts[2][0] + pts[3][0]) / 2)
    cv2.ellipse(img, (gx, horizon + 5), (max(3, w // 14), 3), 0, 0, 360, _lighter(fair, 1.2), -1)
    cv2.line(img, (gx, horizon + 5), (gx, horizon - h // 10), (245, 245, 245), 1)
    cv2.rectangle(
        img,
        (gx, horizon - h // 10),
        (gx + max(3, w // 40), horizon - h // 10 + 3),
        _c(o, 150, 256),
        -1,
    )
    x = 0
    while x < w:
        tw = int(o.integers(w // 30 + 2, w // 10 + 3))
        th = int(o.integers(h // 12, h // 5))
        cv2.ellipse(
            img, (x, horizon), (tw, th), 0, 180, 360, _between(o, (20, 60, 25), (60, 110, 50)), -1
        )
        x += tw + int(o.integers(0, w // 10))
    cv2.rectangle(img, (0, h - h // 8), (w, h), (20, 25, 30), -1)
    for k in range(4):
        _text(
            img,
            o,
            f"{int(o.integers(10, 300))}",
            4 + k * w // 4,
            h - 3,
            max(5, h // 12),
            (250, 250, 250),
        )
    _text(
        img, o, f"{int(o.integers(90, 560))}y", w - w // 6, h // 8, max(5, h // 10), (250, 250, 250)
    )
    return img


def _build_golf_bay(b: _Build17) -> None:
    """A golf simulator bay of one venue: every fixed thing the template's (see the
    module's docstring); what the screen shows, the scoreboard, the bay's number and the
    things on the table the party's own."""
    r, o = b.fix, b.own
    pad = _between(r, (20, 20, 24), (70, 75, 70)) if r.random() < 0.7 else _c(r, 20, 120)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, pad, 4.0)
        for x in range(0, tw, max(4, round(1.2 * res))):
            cv2.line(img, (x, 0), (x, th), _shade(pad, 0.6), 1)
        b.fill(name, img)
    front = b.wall("front")
    front.img[:] = _grained(
        r,
        front.img.shape[1],
        front.img.shape[0],
        _between(r, (180, 180, 175), (240, 238, 232)),
        3.0,
    )
    turf = _between(r, (40, 110, 45), (80, 150, 70))
    carpet = _c(r, 20, 120)

    def floor(g: Rng, w: int, h: int, res: float) -> U8:
        img = _grained(g, w, h, carpet, 6.0)
        y = round(4.5 * res)
        img[:y] = _grained(g, w, y, turf, 12.0)
        return img

    b.floor(floor)
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, (30, 30, 34), 3.0))
    back = b.wall("back")
    sw = min(b.w - 0.4, float(r.uniform(3.0, 3.6)))
    sh = min(b.h - 0.5, float(r.uniform(2.2, 2.6)))
    sx = back.x_of((b.w - sw) / 2)
    sy = back.y_of(0.15 + sh)
    back.claim(sx, sy, back.px(sw), back.px(sh), gap=0)
    cv2.rectangle(
        back.img, (sx - 3, sy - 3), (sx + back.px(sw) + 3, sy + back.px(sh) + 3), (15, 15, 15), -1
    )
    mat = _grained(r, 48, 48, _lighter(turf, 1.15), 10.0)
    cv2.rectangle(mat, (30, 10), (40, 38), _shade(turf, 0.8), -1)
    mat_side = _grained(r, 16, 4, (30, 30, 30), 2.0)
    b.boxes.append(
        Box(
            0.0,
            b.d - 3.6,
            1.5,
            1.5,
            0.03,
            0.0,
            {"front": mat_side, "left": mat_side, "right": mat_side, "top": mat},
        )
    )
    tray = _grained(r, 16, 16, (40, 40, 44), 2.0)
    for k in range(6):
        cv2.circle(tray, (4 + 4 * (k % 3), 5 + 5 * (k // 3)), 1, (250, 250, 250), -1)
    b.boxes.append(Box(0.9, b.d - 3.4, 0.25, 0.25, 0.05, 0.0, _all_faces(tray)))
    proj = _grained(r, 16, 16, (230, 230, 232), 2.0)
    cv2.circle(proj, (8, 8), 3, (30, 30, 30), -1)
    b.boxes.append(Box(0.0, b.d - 4.3, 0.45, 0.4, 0.18, b.h - 0.4, _all_faces(proj)))
    sensor = _grained(r, 24, 16, (25, 25, 28), 2.0)
    cv2.rectangle(sensor, (6, 5), (17, 10), (90, 200, 255), -1)
    b.boxes.append(Box(0.0, b.d - 2.0, 0.3, 0.2, 0.12, b.h - 0.3, _all_faces(sensor)))
    side = str(r.choice(["left", "right"]))
    other = "right" if side == "left" else "left"
    _add(
        b.boxes,
        b.tops,
        "sofa",
        _piece(r, "sofa"),
        (_side_x(b, side, 0.85), 1.6, 0.85, 1.9, _inward(side)),
        0.8,
    )
    table = _piece(r, "table")
    tx, tz = _side_x(b, other, 0.9), 1.3
    _add(b.boxes, b.tops, "table", table, (tx, tz, 0.7, 0.7, "front"), 1.0)
    stool = _piece(r, "stool")
    _add(b.boxes, b.tops, "stool", stool, (tx, tz + 0.6, 0.4, 0.4, "front"), 0.75)
    wall = b.wall(other)
    tv_w = 0.9
    along = 0.8 if other == "left" else wall.length - 0.8 - tv_w
    tvx, tvy = wall.x_of(along), wall.y_of(2.1)
    wall.claim(tvx, tvy, wall.px(tv_w), wall.px(0.55), gap=0)
    cv2.rectangle(
        wall.img,
        (tvx - 2, tvy - 2),
        (tvx + wall.px(tv_w) + 2, tvy + wall.px(0.55) + 2),
        (10, 10, 10),
        -1,
    )
    # The party's own: the course on the screen, the scoreboard, the bay's number, the
    # things on the table, a bag.
    _paste(back.img, _course(o, back.px(sw), back.px(sh)), sx, sy)
    score = _grained(o, wall.px(tv_w), wall.px(0.55), _between(o, (10, 30, 60), (30, 60, 90)), 3.0)
    for k in range(4):
        y = 6 + k * max(5, score.shape[0] // 5)
        _text(
            score,
            o,
            " ".join([_word(o, (1, 2)).upper(), *(str(int(o.integers(1, 9))) for _ in range(3))]),
            3,
            y + 4,
            max(4, score.shape[0] // 7),
            (250, 250, 250),
        )
    _paste(wall.img, score, tvx, tvy)
    number = _grained(o, wall.px(0.35), wall.px(0.35), _c(o, 20, 200), 2.0)
    _text(
        number,
        o,
        str(int(o.integers(1, 20))),
        4,
        number.shape[0] * 4 // 5,
        number.shape[0] * 3 // 5,
        (250, 250, 250),
    )
    sw_ = b.wall(side)
    _paste(sw_.img, number, sw_.x_of(0.3 if side == "left" else b.d - 0.65), sw_.y_of(2.4))
    st = _b17(b)
    for _ in range(int(o.integers(1, 4))):
        tex = _label(o, 24, 24) if o.random() < 0.5 else _grained(o, 16, 16, _c(o, 20, 250), 4.0)
        st.own_boxes.append(
            Box(
                tx + float(o.uniform(-0.2, 0.2)),
                tz + float(o.uniform(-0.2, 0.2)),
                0.12,
                0.12,
                float(o.uniform(0.05, 0.25)),
                1.0,
                _all_faces(tex),
            )
        )
    bag = _grained(o, 16, 48, _c(o, 20, 240), 4.0)
    cv2.rectangle(bag, (0, 0), (15, 6), (200, 200, 205), -1)
    st.own_boxes.append(
        Box(
            _side_x(b, other, 0.3),
            float(o.uniform(2.2, max(2.3, b.d - 4.6))),
            0.3,
            0.3,
            1.0,
            0.0,
            _all_faces(bag),
        )
    )
    st.look = (0.0, 1.3, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "optician": _build_optician,
    "dry cleaner": _build_cleaner,
    "pet shop": _build_pets,
    "chip shop": _build_chippy,
    "railway ticket hall": _build_ticket_hall,
    "ice cream parlour": _build_ice_cream,
    "phone shop": _build_phone_shop,
    "shoe shop": _build_shoe_shop,
    "platform": _build_platform,
    "court": _build_court,
    "golfbay": _build_golf_bay,
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
    walk: float = 0.0  # how deep the floor one can stand on is (a platform's edge)
    floors: list[Box] = field(default_factory=list)  # walkable steps (none in v19's kinds)
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


def _bag(day: Rng) -> U8:
    """A shopping bag from the side: paper or plastic in a colour, a handle, a logo."""
    col = _c(day, 30, 250)
    img = _grained(day, 24, 32, col, 4.0)
    cv2.ellipse(img, (12, 4), (6, 4), 0, 180, 360, _shade(col, 0.6), 1)
    cv2.circle(img, (12, 18), 5, _c(day, 0, 256), -1)
    return img


def _day_things(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: a carton, a shopping bag, a stack of leaflets, a folded
    cloth, on tops and the floor one can stand on."""
    out: list[Box] = []
    for _ in range(int(day.integers(1, 5))):
        s, h = float(day.uniform(0.15, 0.45)), float(day.uniform(0.08, 0.4))
        if place.tops and day.random() < 0.6:
            x, z, w, d, y0 = place.tops[int(day.integers(0, len(place.tops)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
            lo = min(1.0, place.walk * 0.4)
            z = float(day.uniform(lo, max(lo, place.walk - 0.3)))
            y0 = 0.0
        what = day.random()
        tex = (
            _carton(day)
            if what < 0.35
            else _bag(day)
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
    and more level in a ticket hall; on a platform facing the track; at a court's back
    wall; in a golf bay's lounge facing the screen)."""
    base = base_kind(b.kind)
    w, h = b.w, b.h
    x, y, z = (
        float(rng.uniform(-0.2, 0.2)) * w,
        float(rng.uniform(1.5, 1.7)),
        float(rng.uniform(0.4, 1.1)),
    )
    yaw, pitch, hfov = (
        float(rng.uniform(-15, 15)),
        float(rng.uniform(-12, -4)),
        float(rng.uniform(62, 72)),
    )
    if base in HALLS:
        z, pitch, hfov = (
            float(rng.uniform(1.0, 2.5)),
            float(rng.uniform(-7, 1)),
            float(rng.uniform(66, 76)),
        )
    elif base == "platform":
        yaw, pitch, hfov = (
            float(rng.uniform(-30, 30)),
            float(rng.uniform(-9, -1)),
            float(rng.uniform(66, 76)),
        )
    elif base == "court":
        x, y, z = (
            float(rng.uniform(-0.15, 0.15)) * w,
            float(rng.uniform(1.5, 1.8)),
            float(rng.uniform(0.3, 0.7)),
        )
        pitch, hfov = float(rng.uniform(-10, -2)), float(rng.uniform(66, 76))
    elif base == "golfbay":
        x, z = float(rng.uniform(-0.15, 0.15)) * w, float(rng.uniform(0.4, 0.8))
        hfov = float(rng.uniform(66, 76))
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
    b = _Build19(kind, fix, own, w, h, d, surfaces)
    if template is None:
        b.model = model_rng(kind)
    BUILDERS[base](b)
    b.tops.extend(b.own_tops)
    walk = d if b.walk is None else b.walk
    belongings = b.own_boxes
    if template is not None:
        belongings += [x for x in _belongings(b) if x.z < walk and x.y0 < h]
    exposure = float(own.uniform(0.9, 1.05))
    for surf in surfaces.values():
        _light(surf, own, exposure)
    camera = _camera(b, own)
    models = [i for i, box in enumerate(b.boxes) if any(box is m for m in b.models)]
    return Place(
        seed, kind, w, h, d, surfaces, b.boxes, belongings, b.tops, camera, models, walk, b.floors
    )


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v19``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v19(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v19 (``bench/link.py --generator v19``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v19``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    optician's, phone shop or shoe shop."""
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
    far = min(far, place.walk - 0.3)
    out[2] = np.clip(out[2], 0.1, max(0.11, far))
    out[1] = np.clip(out[1], 0.05, place.height - 0.12)
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float) -> Camera:
    """The place's camera moved up to ``reach`` m (less in small places: x0.6 in a golf
    bay, x0.8 in a court), its height kept within 0.08 m, turned up to ``turn`` degrees
    and tilted up to 4; the first of 8 moves that leaves it clear of every thing by
    0.15 m, or not moved."""
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
    yaw = float(rng.uniform(-12, 12)) + (place.camera.yaw if place.base == "platform" else 0.0)
    return Camera(pos, yaw, float(rng.uniform(-10, -2)), float(rng.uniform(62, 74)))


def ladder_station(place: Place, rng: Rng) -> tuple[F64, float]:
    """Where one stands on a step ladder: 2.0-2.4 m up (at most 0.3 m under the
    ceiling), 15-45 % of the depth in, 20-40 % of the width from one side, its foot clear
    of things by 0.4 m (the first of 16 tries); else the place's camera raised. With the
    side the ladder stands on (-1 left, +1 right)."""
    for _ in range(16):
        sgn = float(rng.choice([-1.0, 1.0]))
        pos = _vec(
            sgn * float(rng.uniform(0.1, 0.3)) * place.width,
            min(place.height - 0.3, float(rng.uniform(2.0, 2.4))),
            float(rng.uniform(0.15, 0.45)) * min(place.depth, place.walk + 0.3),
        )
        pos = _inside(place, pos, 0.4)
        if _free(place, pos, 0.4, standing=True):  # type: ignore[arg-type]
            return pos, sgn
    pos = place.camera.pos.copy()
    pos[1] = min(place.height - 0.3, 2.2)
    return pos, 1.0 if float(pos[0]) >= 0 else -1.0


# --- views ----------------------------------------------------------------------------------------

BAYER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], np.float32)


def _dither(grey: F32, levels: int) -> F32:
    """Ordered (4 x 4 Bayer) dithering of ``grey`` (0-1) to ``levels`` evenly spaced
    levels (0-1)."""
    h, w = grey.shape
    t = np.tile((BAYER + 0.5) / 16, (h // 4 + 1, w // 4 + 1))[:h, :w]
    n = levels - 1
    return np.asarray(np.clip(np.floor(grey * n + t), 0, n) / n, np.float32)


def _luma(img: U8) -> F32:
    return np.asarray(
        img.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32) / 255, np.float32
    )


def _place_strip(out: F32, strip: F32, angle: float, cx: float, cy: float) -> F32:
    """Lay ``strip`` (RGB, float) on ``out`` turned ``angle`` degrees about its middle,
    its middle at (cx, cy), with a soft shadow."""
    h, w = out.shape[:2]
    sh, sw = strip.shape[:2]
    m = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
    m[0, 2] += cx - sw / 2
    m[1, 2] += cy - sh / 2
    mask = cv2.warpAffine(np.ones((sh, sw), np.float32), m, (w, h))
    shadow = cv2.GaussianBlur(
        np.roll(mask, (max(2, h // 60), max(2, w // 80)), axis=(0, 1)), (0, 0), max(1.5, w / 150)
    )
    out = out * (1 - 0.45 * shadow)[:, :, None]
    warped = cv2.warpAffine(strip, m, (w, h), flags=cv2.INTER_LINEAR)
    return np.asarray(out * (1 - mask[:, :, None]) + warped * mask[:, :, None], np.float32)


def receipt(img: U8, rng: Rng) -> U8:
    """The picture printed on a till receipt by a thermal printer, photographed lying on
    a counter: a strip 34-42 % of the width running off the bottom, turned up to 4
    degrees; a shop's name, a dashed rule and a date line, the picture across the strip
    (its contrast stretched, one bit a dot at twice the strip's pixels, the ink faded to
    30-70 of 255 on cream paper), one to three dead-dot lines down it, then items,
    prices, a total and a bar code; the strip's curl shading it across."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h).astype(np.float32)
    rw = int(w * float(rng.uniform(0.34, 0.42)))
    length = int(1.4 * h)
    strip = np.full((length, rw, 3), 255, np.uint8)
    margin = max(2, int(0.06 * rw))
    y = int(0.08 * rw) + margin
    size = max(6, int(0.08 * rw))
    _text(strip, rng, _word(rng, (2, 3)).upper(), rw // 5, y, size, (0, 0, 0))
    y += max(4, int(8 * s))
    for x in range(margin, rw - margin, max(3, int(6 * s))):
        cv2.line(strip, (x, y), (x + max(1, int(3 * s)), y), (0, 0, 0), 1)
    y += max(6, int(12 * s))
    _text(
        strip,
        rng,
        "{:02d}/{:02d} {:02d}:{:02d}".format(
            *(int(rng.integers(lo, hi)) for lo, hi in ((1, 29), (1, 13), (7, 22), (0, 60)))
        ),
        margin,
        y,
        max(5, size * 2 // 3),
        (0, 0, 0),
    )
    y += max(4, int(6 * s))
    pw = rw - 2 * margin
    ph = max(4, pw * h // w)
    grey = _luma(np.asarray(cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA), np.uint8))
    lo, hi = np.percentile(grey, 2), np.percentile(grey, 98)
    grey = np.clip((grey - lo) / max(1e-3, float(hi - lo)), 0, 1)
    dots = _dither(cv2.resize(grey, (2 * pw, 2 * ph), interpolation=cv2.INTER_LINEAR), 2)
    printed = cv2.resize(dots, (pw, ph), interpolation=cv2.INTER_AREA)
    strip[y : y + ph, margin : margin + pw] = _u8(printed * 255)[:, :, None]
    y += ph + max(6, int(12 * s))
    for _ in range(int(rng.integers(3, 7))):
        _text(strip, rng, _word(rng, (2, 3)).upper(), margin, y, max(5, size * 2 // 3), (0, 0, 0))
        _text(
            strip,
            rng,
            f"{int(rng.integers(0, 30))}.{int(rng.integers(0, 100)):02d}",
            rw - margin - max(16, rw // 4),
            y,
            max(5, size * 2 // 3),
            (0, 0, 0),
        )
        y += max(6, int(11 * s))
    y += max(3, int(6 * s))
    _text(
        strip,
        rng,
        f"{_word(rng, (2, 2)).upper()} {int(rng.integers(10, 99))}.{int(rng.integers(0, 100)):02d}",
        margin,
        y,
        size,
        (0, 0, 0),
    )
    y += max(6, int(14 * s))
    x = margin
    while x < rw - margin and y + int(24 * s) < length:
        bar = int(rng.integers(1, 4))
        if rng.random() < 0.55:
            strip[y : y + max(6, int(24 * s)), x : x + bar] = 0
        x += bar + int(rng.integers(1, 3))
    v = strip[:, :, 0].astype(np.float32) / 255
    for _ in range(int(rng.integers(1, 4))):
        xd = int(rng.integers(margin, rw - margin))
        v[:, xd] = np.maximum(v[:, xd], 0.85)
    zig = max(2, int(3 * s))
    for x in range(rw):
        v[: zig * (1 + (x // zig) % 2) // 2 + 1, x] = -1
    paper = np.array(_between(rng, (236, 233, 222), (248, 246, 240)), np.float32)
    ink = np.full(3, float(rng.uniform(30, 70)), np.float32) + np.array([0, 0, 8], np.float32)
    rgb = paper * v[:, :, None] + ink * (1 - v[:, :, None])
    xx = np.linspace(-1, 1, rw, dtype=np.float32)[None, :, None]
    rgb = rgb * (1 - 0.1 * xx**2) + 14 * np.exp(-(((xx - 0.3) / 0.25) ** 2))
    torn = (v < 0)[:, :, None]
    top = -float(rng.uniform(-0.08, 0.05)) * h
    cx = float(rng.uniform(0.4, 0.6)) * w
    angle = float(rng.uniform(-4, 4))
    laid = _place_strip(
        out, np.asarray(np.where(torn, -1.0, rgb), np.float32), angle, cx, top + length / 2
    )
    under = _place_strip(out, np.zeros_like(rgb), angle, cx, top + length / 2)
    laid = np.where(laid < 0, under, laid)
    return _noise(_u8(np.clip(laid, 0, 255)), rng, 2.0)


def eink(img: U8, rng: Rng) -> U8:
    """The picture on an e-reader lying on a desk: the device (dark or white, 82-90 % of
    the width) with a thicker bottom bezel, the picture fitted below a status bar (a time,
    a battery), in 16 greys with ordered dithering on a paper-grey screen (white 200-222,
    black 45-70), a ghost of the last page's text (5-9 %), a glare across the glass."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h).astype(np.float32)
    dark = rng.random() < 0.6
    body = (
        _between(rng, (30, 30, 34), (70, 70, 74))
        if dark
        else _between(rng, (220, 220, 218), (242, 242, 240))
    )
    dw = int(w * float(rng.uniform(0.82, 0.9)))
    dh = int(min(h * 0.96, dw * float(rng.uniform(0.8, 0.86))))
    x0, y0 = (w - dw) // 2, (h - dh) // 2
    shade = np.zeros((h, w), np.float32)
    cv2.rectangle(
        shade,
        (x0 + int(4 * s), y0 + int(5 * s)),
        (x0 + dw + int(4 * s), y0 + dh + int(5 * s)),
        1.0,
        -1,
    )
    out *= 1 - 0.4 * cv2.GaussianBlur(shade, (0, 0), 4 * s)[:, :, None]
    dev = _u8(out)
    _rounded(dev, x0, y0, x0 + dw, y0 + dh, max(3, int(10 * s)), body)
    out = dev.astype(np.float32)
    side, bottom = int(0.06 * dw), int(0.12 * dh)
    sx0, sy0, sx1, sy1 = x0 + side, y0 + side, x0 + dw - side, y0 + dh - bottom
    sw, sh = sx1 - sx0, sy1 - sy0
    white, black = float(rng.uniform(200, 222)), float(rng.uniform(45, 70))
    screen = np.ones((sh, sw), np.float32)
    bar = max(6, int(0.07 * sh))
    pw = sw
    ph = min(sh - bar, pw * h // w)
    pw = ph * w // h
    small = np.asarray(cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA), np.uint8)
    grey = _luma(small) ** np.float32(1.1)
    px, py = (sw - pw) // 2, bar + (sh - bar - ph) // 2
    screen[py : py + ph, px : px + pw] = _dither(grey, 16)
    ghost = np.full((sh, sw, 3), 255, np.uint8)
    for yl in range(bar + int(10 * s), sh - 4, max(6, int(11 * s))):
        _text(
            ghost,
            rng,
            " ".join(_word(rng, (1, 3)) for _ in range(8)),
            int(6 * s),
            yl,
            max(5, int(8 * s)),
            (0, 0, 0),
        )
    screen -= float(rng.uniform(0.05, 0.09)) * (1 - ghost[:, :, 0].astype(np.float32) / 255)
    tmp = np.full((sh, sw, 3), 255, np.uint8)
    _text(
        tmp,
        rng,
        f"{int(rng.integers(6, 23))}:{int(rng.integers(0, 60)):02d}",
        int(6 * s),
        bar - 2,
        max(5, bar - 3),
        (0, 0, 0),
    )
    cv2.rectangle(tmp, (sw - int(26 * s), bar // 4), (sw - int(8 * s), bar * 3 // 4), (0, 0, 0), 1)
    screen = np.minimum(screen, tmp[:, :, 0].astype(np.float32) / 255)
    vals = black + (white - black) * screen
    tone = np.array([1.0, 0.995, 0.965], np.float32)
    out[sy0:sy1, sx0:sx1] = vals[:, :, None] * tone
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    glare = np.exp(
        -(((xx * 0.6 + yy - float(rng.uniform(0.2, 0.8)) * (w * 0.6 + h)) / (0.12 * h)) ** 2)
    )
    inside = np.zeros((h, w), np.float32)
    inside[sy0:sy1, sx0:sx1] = 1
    out += (float(rng.uniform(12, 30)) * glare * inside)[:, :, None]
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def crt(img: U8, rng: Rng) -> U8:
    """The picture on an old cathode-ray television, photographed in a dim room: the set
    (wood grain or grey plastic) with its tube 78-86 % of the width, rounded corners, the
    picture bulging (barrel 6-12 %), scanlines every 2-3 px (at 400, 20-35 % deep), the
    shadow mask's colour triads, bloom, a warm cast, darker corners, a reflection."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _grained(rng, w, h, _between(rng, (15, 15, 18), (40, 36, 34)), 3.0).astype(np.float32)
    cw, ch = int(w * float(rng.uniform(0.92, 0.98))), int(h * float(rng.uniform(0.92, 0.98)))
    cx0, cy0 = (w - cw) // 2, (h - ch) // 2
    wood = rng.random() < 0.5
    casing = (
        _wood(rng, cw, ch, _wood_tone(rng), max(4, ch // 6))
        if wood
        else _grained(rng, cw, ch, _between(rng, (50, 50, 54), (170, 170, 172)), 4.0)
    )
    out[cy0 : cy0 + ch, cx0 : cx0 + cw] = casing
    tw = int(w * float(rng.uniform(0.78, 0.86)))
    th = min(int(ch * 0.86), tw * 3 // 4)
    tx0, ty0 = cx0 + (cw - tw) // 2 - int(0.03 * cw), cy0 + int(0.05 * ch)
    yy, xx = np.mgrid[0:th, 0:tw].astype(np.float32)
    u, v = xx / (tw - 1) * 2 - 1, yy / (th - 1) * 2 - 1
    k = float(rng.uniform(0.06, 0.12))
    r2 = u * u + v * v
    su, sv = u * (1 + k * r2), v * (1 + k * r2)
    pic = cv2.resize(img, (tw, th), interpolation=cv2.INTER_AREA).astype(np.float32)
    tube = cv2.remap(
        pic,
        ((su + 1) / 2 * (tw - 1)).astype(np.float32),
        ((sv + 1) / 2 * (th - 1)).astype(np.float32),
        cv2.INTER_LINEAR,
        borderValue=(0, 0, 0),
    )
    period = max(2.0, float(rng.uniform(2.0, 3.0)) * s)
    depth = float(rng.uniform(0.2, 0.35))
    tube *= (1 - depth * (0.5 + 0.5 * np.cos(2 * np.pi * yy / period)))[:, :, None]
    triad = np.full((th, tw, 3), 0.78, np.float32)
    col = (xx.astype(np.int32) // max(1, round(s))) % 3
    for c in range(3):
        triad[:, :, c][col == c] = 1.12
    tube = tube * triad
    tube = tube + 0.3 * cv2.GaussianBlur(tube, (0, 0), 2.5 * s)
    tube *= np.array([1.05, 1.0, 0.93], np.float32)
    tube *= (1 - 0.35 * r2 / 2)[:, :, None]
    glare = np.exp(-(((u + 0.45) / 0.3) ** 2 + ((v + 0.55) / 0.18) ** 2))
    tube += (float(rng.uniform(20, 40)) * glare)[:, :, None] + 10
    mask = np.zeros((th, tw), np.uint8)
    _rounded(mask, 0, 0, tw - 1, th - 1, int(0.12 * th), (1, 1, 1))
    region = out[ty0 : ty0 + th, tx0 : tx0 + tw]
    dark = region * 0.25
    region[:] = np.where(mask[:, :, None] > 0, tube, dark)
    knob_x = min(cx0 + cw - int(0.03 * cw), tx0 + tw + int(0.035 * cw))
    for k2 in range(2):
        cv2.circle(
            out,
            (knob_x, ty0 + int((0.2 + 0.25 * k2) * th)),
            max(2, int(6 * s)),
            (40.0, 40.0, 42.0),
            -1,
        )
    return _noise(_u8(out), rng, 3.0)


def _kmeans(pixels: F32, k: int, rng: Rng, rounds: int = 8) -> tuple[F32, npt.NDArray[np.int64]]:
    """A small k-means of ``pixels`` (n x 3) seeded from ``rng``: the centres and each
    pixel's centre."""
    centres = pixels[rng.choice(len(pixels), size=min(k, len(pixels)), replace=False)].copy()
    labels = np.zeros(len(pixels), np.int64)
    for _ in range(rounds):
        d = ((pixels[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        labels = d.argmin(axis=1)
        for c in range(len(centres)):
            members = pixels[labels == c]
            if len(members):
                centres[c] = members.mean(axis=0)
    return centres, labels


def cross_stitch(img: U8, rng: Rng) -> U8:
    """The picture worked in cross-stitch on Aida cloth, photographed: 48-72 stitches
    across (80-90 % of the width), 12-24 thread colours (a k-means of the picture), each
    stitch two crossed strokes (the top one lighter) over the cloth's grid of holes, the
    bottom 0-30 % of the rows not yet stitched, a few stitches missed; lit from one side,
    off square."""
    h, w = img.shape[:2]
    frac = float(rng.uniform(0.8, 0.9))
    c = max(3, round(w * frac / float(rng.uniform(48, 72))))
    n = max(8, int(w * frac / c))
    m = max(6, round(n * h / w))
    m = min(m, (h - 2) // c)
    small = cv2.resize(img, (n, m), interpolation=cv2.INTER_AREA).reshape(-1, 3).astype(np.float32)
    centres, labels = _kmeans(small, int(rng.integers(12, 25)), rng)
    grid = centres[labels].reshape(m, n, 3)
    done = np.ones((m, n), bool)
    undone = int(m * float(rng.uniform(0.0, 0.3)))
    if undone:
        done[m - undone :] = False
        edge = rng.integers(0, n, 1)[0]
        done[m - undone, :edge] = True
    done &= rng.random((m, n)) > 0.02
    cloth_col = np.array(_between(rng, (225, 220, 205), (245, 242, 232)), np.float32)
    out = np.empty((h, w, 3), np.float32)
    out[:] = cloth_col
    out += rng.normal(0, 3, (h, w, 1)).astype(np.float32)
    big = 8 * c
    tile = np.zeros((big, big), np.float32)
    top = np.zeros((big, big), np.float32)
    t = max(2, big // 4)
    cv2.line(tile, (big // 8, big // 8), (big - big // 8, big - big // 8), 1.0, t, cv2.LINE_AA)
    cv2.line(top, (big - big // 8, big // 8), (big // 8, big - big // 8), 1.0, t, cv2.LINE_AA)
    a1 = cv2.resize(tile, (c, c), interpolation=cv2.INTER_AREA)
    a2 = cv2.resize(top, (c, c), interpolation=cv2.INTER_AREA)
    alpha = np.clip(a1 + a2, 0, 1)
    mult = np.where(a2 > 0.3, 1.08, 0.9).astype(np.float32)
    holes = np.ones((c, c), np.float32)
    holes[0, 0] = 0.8
    x0, y0 = (w - n * c) // 2, (h - m * c) // 2
    cols = np.repeat(np.repeat(grid, c, axis=0), c, axis=1)
    al = np.tile(alpha, (m, n)) * np.repeat(np.repeat(done, c, axis=0), c, axis=1)
    mu = np.tile(mult, (m, n))
    region = out[y0 : y0 + m * c, x0 : x0 + n * c]
    region *= np.tile(holes, (m, n))[:, :, None]
    region[:] = region * (1 - al[:, :, None]) + cols * mu[:, :, None] * al[:, :, None]
    xx = np.linspace(0, 1, w, dtype=np.float32)[None, :, None]
    out *= 0.9 + 0.15 * (xx if rng.random() < 0.5 else 1 - xx)
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def through_ball(back: F32, inner: F32, cx: float, cy: float, rad: float, theta: float) -> F32:
    """A glass ball of radius ``rad`` at (cx, cy) over ``back``: in it ``inner`` (a square
    view ``2 * theta`` radians wide) upside down and bent towards the rim (a ray ``rho``
    of the radius out comes from ``rho * theta`` off the axis), darker and colour-fringed
    (+-1.2 %) at its edge, a bright rim, a highlight; a dark stand below it."""
    h, w = back.shape[:2]
    size = inner.shape[0]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = (xx - cx) / rad, (yy - cy) / rad
    rho = np.sqrt(dx * dx + dy * dy)
    ang = np.arctan2(dy, dx)
    src = np.tan(np.clip(rho, 0, 1) * theta) / np.tan(theta)
    half = (size - 1) / 2
    ball = np.zeros((h, w, 3), np.float32)
    for ch, k in ((0, 1.012), (1, 1.0), (2, 0.988)):
        mx = (half - src * k * np.cos(ang) * half).astype(np.float32)
        my = (half - src * k * np.sin(ang) * half).astype(np.float32)
        ball[:, :, ch] = cv2.remap(
            np.ascontiguousarray(inner[:, :, ch]),
            mx,
            my,
            cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REFLECT,
        )
    ball *= (1 - 0.5 * np.clip(rho, 0, 1) ** 4)[:, :, None]
    ball += (70 * np.clip((rho - 0.92) / 0.08, 0, 1))[:, :, None]
    ball += (140 * np.exp(-(((dx + 0.38) / 0.14) ** 2 + ((dy + 0.42) / 0.09) ** 2)))[:, :, None]
    stand = np.zeros((h, w), np.uint8)
    pts = np.array(
        [
            [cx - 0.35 * rad, cy + 0.85 * rad],
            [cx + 0.35 * rad, cy + 0.85 * rad],
            [cx + 0.5 * rad, cy + 1.25 * rad],
            [cx - 0.5 * rad, cy + 1.25 * rad],
        ],
        np.int32,
    )
    cv2.fillPoly(stand, [pts], 1)
    out = np.where(stand[:, :, None] > 0, np.float32(30), back)
    alpha = np.clip((1 - rho) * rad, 0, 1)[:, :, None]
    return np.asarray(out * (1 - alpha) + ball * alpha, np.float32)


def lens_ball(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place through a glass ball held up before the lens (``through_ball``): the
    room behind out of focus (the place's camera moved up to 0.4 m; sigma 3-6 px at 400,
    x0.85-0.95), the ball's radius 28-40 % of the height, its middle 35-65 % across and
    40-60 % down, in it a view of the room 90-110 degrees wide towards the ball."""
    s = _scale(w)
    planes = place.planes(0)
    cam = moved(place, rng, 0.4, 12)
    room = render(planes, cam, w, h).astype(np.float32)
    back = cv2.GaussianBlur(room, (0, 0), float(rng.uniform(3, 6)) * s) * float(
        rng.uniform(0.85, 0.95)
    )
    rad = float(rng.uniform(0.28, 0.4)) * h
    cx = float(np.clip(rng.uniform(0.35, 0.65) * w, rad + 2, w - rad - 2))
    cy = float(np.clip(rng.uniform(0.4, 0.6) * h, rad + 2, h - rad - 2))
    theta = float(np.radians(float(rng.uniform(45, 55))))
    size = max(16, int(2 * rad))
    vfov = cam.hfov * h / w
    wide = Camera(
        cam.pos,
        cam.yaw + (cx / w - 0.5) * cam.hfov,
        cam.pitch - (cy / h - 0.5) * vfov,
        float(np.degrees(2 * theta)),
    )
    inner = render(planes, wide, size, size).astype(np.float32)
    return _noise(_u8(through_ball(back, inner, cx, cy, rad, theta)), rng, 2.5)


def pixel_sort(img: U8, rng: Rng) -> U8:
    """A glitch filter: in two to four bands (30-50 % of the rows in all; columns for
    40 %) each run of pixels whose brightness is between 0.2-0.35 and 0.7-0.9 sorted by
    brightness (one way or the other); the rest untouched."""
    vertical = rng.random() < 0.4
    work = np.ascontiguousarray(img.transpose(1, 0, 2)) if vertical else img.copy()
    h = work.shape[0]
    lum = _luma(work)
    lo, hi = float(rng.uniform(0.2, 0.35)), float(rng.uniform(0.7, 0.9))
    rows = np.zeros(h, bool)
    share = float(rng.uniform(0.3, 0.5))
    bands = int(rng.integers(2, 5))
    for _ in range(bands):
        bh = max(1, int(h * share / bands))
        y0 = int(rng.integers(0, max(1, h - bh)))
        rows[y0 : y0 + bh] = True
    sel = work[rows]
    lsel = lum[rows]
    mask = (lsel > lo) & (lsel < hi)
    start = mask & ~np.concatenate([np.zeros((len(mask), 1), bool), mask[:, :-1]], axis=1)
    seg = np.cumsum(~mask | start, axis=1)
    key = seg * 2.0 + (lsel if rng.random() < 0.5 else 1 - lsel)
    order = np.argsort(key, axis=1, kind="stable")
    work[rows] = np.take_along_axis(sel, order[:, :, None], axis=1)
    return np.ascontiguousarray(work.transpose(1, 0, 2)) if vertical else work


def kaleidoscope(img: U8, rng: Rng) -> U8:
    """A kaleidoscope filter: one wedge of the picture (60, 45, 36 or 30 degrees, its
    point 35-65 % across and down, at x0.8-1.1) mirrored round the middle of the frame to
    fill it."""
    h, w = img.shape[:2]
    n = int(rng.choice([6, 8, 10, 12]))
    alpha = 2 * np.pi / n
    apex = (float(rng.uniform(0.35, 0.65)) * w, float(rng.uniform(0.35, 0.65)) * h)
    phi0 = float(rng.uniform(0, 2 * np.pi))
    zoom = float(rng.uniform(0.8, 1.1))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - w / 2, yy - h / 2
    r = np.sqrt(dx * dx + dy * dy) * zoom
    phi = np.mod(np.arctan2(dy, dx), 2 * np.pi)
    k = np.floor(phi / alpha)
    f = phi - k * alpha
    f = np.where(k % 2 == 1, alpha - f, f) + phi0
    mx = (apex[0] + r * np.cos(f)).astype(np.float32)
    my = (apex[1] + r * np.sin(f)).astype(np.float32)
    return np.asarray(
        cv2.remap(img, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT), np.uint8
    )


def watch_face(img: U8, rng: Rng) -> U8:
    """The picture as a smartwatch's face, the watch lying on a desk: a strap (silicone,
    holes, a buckle) across the frame, a round (50 %) or rounded-square case (steel,
    black or gold) 42-55 % of the height, on it a crop of the picture (55-80 % of its
    height) with the time in large digits, the date and two complications over it, a
    crown, a glare on the glass; off square."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _table(rng, w, h)
    dia = int(float(rng.uniform(0.42, 0.55)) * h)
    cx, cy = int(float(rng.uniform(0.4, 0.6)) * w), int(float(rng.uniform(0.45, 0.55)) * h)
    round_ = rng.random() < 0.5
    fw, fh = dia, dia if round_ else int(dia * 1.2)
    strap = _pick(rng, [(30, 30, 34), (200, 60, 50), (60, 90, 150), (230, 228, 220), (90, 120, 80)])
    sw_ = int(fw * 0.75)
    cv2.rectangle(out, (cx - sw_ // 2, 0), (cx + sw_ // 2, h), strap, -1)
    for y in range(cy + fh // 2 + int(0.1 * fh), h, max(4, int(12 * s))):
        cv2.circle(out, (cx, y), max(1, int(2 * s)), _shade(strap, 0.5), -1)
    cv2.rectangle(
        out,
        (cx - sw_ // 2 - 2, max(0, cy - fh // 2 - int(0.35 * fh))),
        (cx + sw_ // 2 + 2, max(1, cy - fh // 2 - int(0.3 * fh))),
        (170, 170, 175),
        max(1, int(3 * s)),
    )
    metal = _pick(rng, [(185, 188, 192), (30, 30, 32), (205, 175, 105)])
    bezel = max(2, int(0.07 * dia))
    if round_:
        cv2.circle(out, (cx, cy), fw // 2 + bezel, metal, -1)
    else:
        _rounded(
            out,
            cx - fw // 2 - bezel,
            cy - fh // 2 - bezel,
            cx + fw // 2 + bezel,
            cy + fh // 2 + bezel,
            int(0.25 * fw),
            metal,
        )
    cv2.rectangle(
        out,
        (cx + fw // 2 + bezel - 1, cy - max(2, dia // 14)),
        (cx + fw // 2 + bezel + max(2, dia // 16), cy + max(2, dia // 14)),
        _shade(metal, 0.8),
        -1,
    )
    side = int(float(rng.uniform(0.55, 0.8)) * h)
    side_w = min(w, side * fw // fh)
    px = int(np.clip(float(rng.uniform(0.35, 0.65)) * w - side_w / 2, 0, w - side_w))
    py = (h - side) // 2
    face = (
        cv2.resize(
            img[py : py + side, px : px + side_w], (fw, fh), interpolation=cv2.INTER_AREA
        ).astype(np.float32)
        * 0.9
    )
    faceu = _u8(face)
    _outlined(
        faceu,
        f"{int(rng.integers(1, 13))}:{int(rng.integers(0, 60)):02d}",
        (fw // 6, fh // 3),
        0.012 * fw,
        (250, 250, 250),
    )
    _outlined(
        faceu,
        f"{_word(rng, (1, 1)).upper()} {int(rng.integers(1, 29))}",
        (fw // 3, fh // 3 + max(8, fh // 8)),
        0.005 * fw,
        (230, 230, 230),
    )
    for k2 in (-1, 1):
        ccx, ccy = fw // 2 + k2 * fw // 4, fh * 3 // 4
        rr = max(3, int(0.09 * fw))
        cv2.circle(faceu, (ccx, ccy), rr, (20, 20, 22), -1)
        cv2.ellipse(
            faceu,
            (ccx, ccy),
            (rr, rr),
            -90,
            0,
            float(rng.uniform(60, 330)),
            _c(rng, 60, 256),
            max(1, rr // 4),
        )
    mask = np.zeros((fh, fw), np.uint8)
    if round_:
        cv2.circle(mask, (fw // 2, fh // 2), fw // 2, 1, -1)
    else:
        _rounded(mask, 0, 0, fw - 1, fh - 1, int(0.22 * fw), (1, 1, 1))
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    glare = 30 * np.exp(-(((xx - yy * 0.8 - 0.2 * fw) / (0.15 * fw)) ** 2))
    facef = faceu.astype(np.float32) + glare[:, :, None]
    region = out[cy - fh // 2 : cy - fh // 2 + fh, cx - fw // 2 : cx - fw // 2 + fw]
    hh, ww = region.shape[:2]
    region[:] = np.where(mask[:hh, :ww, None] > 0, _u8(facef[:hh, :ww]), region)
    return _noise(_tilted(out, rng, 0.03), rng, 2.0)


def split_screen(img: U8, rng: Rng) -> U8:
    """A tablet's split screen, screenshotted: a status bar, the photo viewer in the
    larger pane (52-62 % of the width, left or right) with the picture fitted to its
    width on black under a translucent toolbar, a notes app (a title, lines, a checklist)
    or a map (roads, a pin) in the other, a divider with a handle, a home bar."""
    h, w = img.shape[:2]
    s = _scale(w)
    light = rng.random() < 0.6
    bg = int(rng.integers(240, 252)) if light else int(rng.integers(20, 36))
    ink = (40, 40, 44) if light else (220, 220, 224)
    out = np.full((h, w, 3), bg, np.uint8)
    bar = max(6, int(0.05 * h))
    _text(
        out,
        rng,
        f"{int(rng.integers(6, 23))}:{int(rng.integers(0, 60)):02d}",
        int(8 * s),
        bar - 1,
        max(5, bar - 2),
        ink,
    )
    cv2.rectangle(out, (w - int(30 * s), bar // 4), (w - int(12 * s), bar * 3 // 4), ink, 1)
    home = max(4, int(0.04 * h))
    pw = int(w * float(rng.uniform(0.52, 0.62)))
    left = rng.random() < 0.5
    gap = max(3, int(5 * s))
    px0 = 0 if left else w - pw
    ox0 = pw + gap if left else 0
    ow = w - pw - gap
    top, bottom = bar, h - home
    out[top:bottom, px0 : px0 + pw] = 0
    ph = pw * h // w
    py = top + (bottom - top - ph) // 2
    out[py : py + ph, px0 : px0 + pw] = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA)
    tb = max(6, int(0.07 * h))
    band = out[top : top + tb, px0 : px0 + pw].astype(np.float32)
    out[top : top + tb, px0 : px0 + pw] = _u8(band * 0.45 + 20)
    for k in range(3):
        x = px0 + pw - int((18 + 20 * k) * s)
        cv2.circle(out, (x, top + tb // 2), max(2, int(4 * s)), (240, 240, 240), 1)
    cv2.line(
        out,
        (px0 + int(8 * s), top + tb // 2),
        (px0 + int(16 * s), top + tb // 2),
        (240, 240, 240),
        max(1, int(2 * s)),
    )
    pane = out[top:bottom, ox0 : ox0 + ow]
    if rng.random() < 0.7:
        _text(
            pane,
            rng,
            _word(rng, (2, 3)).capitalize(),
            int(8 * s),
            int(22 * s),
            max(6, int(14 * s)),
            ink,
        )
        y = int(40 * s)
        for _ in range(int(rng.integers(4, 9))):
            if y > pane.shape[0] - int(10 * s):
                break
            if rng.random() < 0.35:
                cv2.rectangle(pane, (int(8 * s), y - int(7 * s)), (int(15 * s), y), ink, 1)
                x = int(20 * s)
            else:
                x = int(8 * s)
            cv2.line(
                pane,
                (x, y - int(3 * s)),
                (x + int(ow * float(rng.uniform(0.3, 0.8))), y - int(3 * s)),
                _shade(ink, 0.8) if light else _lighter(ink, 0.8),
                max(1, int(3 * s)),
            )
            y += int(16 * s)
    else:
        pane[:] = _between(rng, (225, 230, 215), (240, 242, 232))
        for _ in range(int(rng.integers(4, 9))):
            a = (int(rng.integers(0, ow)), 0)
            b2 = (int(rng.integers(0, ow)), pane.shape[0])
            cv2.line(pane, a, b2, (252, 252, 250), max(2, int(5 * s)))
        cv2.circle(pane, (ow // 2, pane.shape[0] // 2), max(3, int(7 * s)), (220, 50, 50), -1)
    dx = pw if left else w - pw - gap
    out[top:bottom, dx : dx + gap] = 0
    cv2.line(
        out,
        (dx + gap // 2, h // 2 - int(12 * s)),
        (dx + gap // 2, h // 2 + int(12 * s)),
        (200, 200, 200),
        max(1, gap // 2),
    )
    cv2.line(
        out,
        (w // 2 - int(40 * s), h - home // 2),
        (w // 2 + int(40 * s), h - home // 2),
        ink,
        max(1, int(3 * s)),
    )
    return out


def party_lights(img: U8, rng: Rng) -> U8:
    """The place during an evening do: its lights down to 18-32 %, four to eight pools of
    coloured light (red, green, blue, magenta, amber, cyan) across it, two to four faint
    beams through haze from the top, 150-400 specks from a mirror ball, noise."""
    h, w = img.shape[:2]
    s = _scale(w)
    base = img.astype(np.float32)
    light = np.full((h // 4 + 1, w // 4 + 1, 3), float(rng.uniform(0.18, 0.32)), np.float32)
    yy, xx = np.mgrid[0 : h // 4 + 1, 0 : w // 4 + 1].astype(np.float32) * 4
    palette = [
        (1.0, 0.15, 0.15),
        (0.15, 1.0, 0.3),
        (0.2, 0.3, 1.0),
        (1.0, 0.2, 0.9),
        (1.0, 0.7, 0.1),
        (0.1, 0.9, 1.0),
    ]
    centres = []
    for _ in range(int(rng.integers(4, 9))):
        col = np.array(palette[int(rng.integers(0, len(palette)))], np.float32)
        cx, cy = float(rng.uniform(0, w)), float(rng.uniform(0.1, 1.0) * h)
        ax, ay = float(rng.uniform(0.12, 0.3)) * w, float(rng.uniform(0.08, 0.2)) * h
        pool = np.exp(-2 * (((xx - cx) / ax) ** 2 + ((yy - cy) / ay) ** 2))
        light += pool[:, :, None] * col * float(rng.uniform(0.8, 1.4))
        centres.append((cx, cy, col))
    light = cv2.resize(light, (w, h), interpolation=cv2.INTER_LINEAR)
    out = base * light
    haze = np.zeros((h, w, 3), np.float32)
    for cx, cy, col in centres[: int(rng.integers(2, 5))]:
        src = (float(rng.uniform(0.2, 0.8)) * w, 0.0)
        cone = np.zeros((h, w), np.float32)
        spread = float(rng.uniform(0.05, 0.12)) * w
        pts = np.array([[src[0], src[1]], [cx - spread, cy], [cx + spread, cy]], np.int32)
        cv2.fillPoly(cone, [pts], 1.0)
        haze += cv2.GaussianBlur(cone, (0, 0), 6 * s)[:, :, None] * col * float(rng.uniform(15, 35))
    out += haze
    specks = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(150, 401))):
        cv2.circle(
            specks,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            max(1, int(float(rng.uniform(0.8, 2.0)) * s)),
            float(rng.uniform(0.4, 1.0)),
            -1,
        )
    out += cv2.GaussianBlur(specks, (0, 0), 0.7 * s)[:, :, None] * 190
    return _noise(_u8(out), rng, 4.0)


def sodium(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place at night lit only by low-pressure sodium street lights through its front
    (from ``front_camera``): one orange colour (the light has no other), the brightness
    x0.45-0.7 with a pool of light (its middle in the lower half, x0.35-1), two or three
    soft shadows of the window's bars, shadows lifted, the noise of a high ISO (sigma
    5-8)."""
    s = _scale(w)
    room = render(place.planes(0), front_camera(place, rng), w, h)
    lum = _luma(room)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = float(rng.uniform(0.2, 0.8)) * w, float(rng.uniform(0.55, 1.0)) * h
    pool = 0.35 + 0.65 * np.exp(-(((xx - cx) / (0.5 * w)) ** 2 + ((yy - cy) / (0.6 * h)) ** 2))
    bars = np.ones((h, w), np.float32)
    for _ in range(int(rng.integers(2, 4))):
        x = float(rng.uniform(0.1, 0.9)) * w
        slope = float(rng.uniform(-0.3, 0.3))
        bars *= 1 - 0.45 * np.exp(-(((xx - x - slope * yy) / (float(rng.uniform(8, 18)) * s)) ** 2))
    v = np.clip(lum * pool * bars * float(rng.uniform(0.45, 0.7)), 0, 1) ** np.float32(0.8)
    colour = np.array([255, 158, 48], np.float32)
    out = v[:, :, None] * colour
    return _noise(_u8(out), rng, float(rng.uniform(5, 8)))


def step_ladder(place: Place, rng: Rng, w: int, h: int) -> U8:
    """From the top of a step ladder (``ladder_station``): 2.0-2.4 m up, looking across
    and down at a spot 2-4 m further in (pitched 20-40 degrees down, turned up to 8
    degrees more), 70-80 degrees wide; the ladder's top cap (aluminium or grey) and its
    rails (aluminium or orange) at the foot of the frame, a little out of focus."""
    s = _scale(w)
    pos, sgn = ladder_station(place, rng)
    target = _vec(
        -sgn * float(rng.uniform(0.05, 0.3)) * place.width,
        float(rng.uniform(0.0, 0.6)),
        min(float(pos[2]) + float(rng.uniform(2.0, 4.0)), min(place.depth, place.walk + 2.5) - 0.3),
    )
    yaw, pitch = _aim(pos, target)
    cam = Camera(
        pos,
        yaw + float(rng.uniform(-8, 8)),
        float(np.clip(pitch, -40, -20)),
        float(rng.uniform(70, 80)),
    )
    room = render(place.planes(0), cam, w, h)
    layer = np.zeros((h, w, 3), np.float32)
    alpha = np.zeros((h, w), np.float32)
    cap = _pick(rng, [(190, 192, 195), (120, 122, 126)])
    rail = _pick(rng, [(200, 202, 205), (235, 120, 30)])
    top = int(h * float(rng.uniform(0.84, 0.9)))
    half = int(w * float(rng.uniform(0.17, 0.25)))
    mid = w // 2 + int(rng.integers(-w // 10, w // 10 + 1))
    cap_pts = np.array(
        [[mid - half * 4 // 5, top], [mid + half * 4 // 5, top], [mid + half, h], [mid - half, h]],
        np.int32,
    )
    for pts, colour in (
        (
            np.array(
                [
                    [mid - half, h],
                    [mid - half - int(0.05 * w), h],
                    [mid - half * 4 // 5 - int(0.04 * w), top],
                    [mid - half * 4 // 5, top],
                ],
                np.int32,
            ),
            rail,
        ),
        (
            np.array(
                [
                    [mid + half, h],
                    [mid + half + int(0.05 * w), h],
                    [mid + half * 4 // 5 + int(0.04 * w), top],
                    [mid + half * 4 // 5, top],
                ],
                np.int32,
            ),
            rail,
        ),
        (cap_pts, cap),
    ):
        cv2.fillPoly(layer, [pts], tuple(float(c) for c in colour))
        cv2.fillPoly(alpha, [pts], 1.0)
    hole = (mid - half // 3, top + (h - top) // 3, mid + half // 3, top + 2 * (h - top) // 3)
    cv2.rectangle(layer, hole[:2], hole[2:], (40.0, 40.0, 42.0), -1)
    soft = cv2.GaussianBlur(layer, (0, 0), 1.5 * s)
    cover = cv2.GaussianBlur(alpha, (0, 0), 1.5 * s)[:, :, None]
    out = room.astype(np.float32) * (1 - cover) + soft * cover
    return _noise(_u8(out), rng, 2.0)


def views_v19(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v19's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["receipt"] = _jpeg(receipt(shot(0.4, 12), rng), 85)
    out["eink"] = _jpeg(eink(shot(0.4, 12), rng), 85)
    out["crt"] = _jpeg(crt(shot(0.4, 12), rng), 85)
    out["crossstitch"] = _jpeg(cross_stitch(shot(0.4, 12), rng), 88)
    out["lensball"] = _jpeg(lens_ball(place, rng, w, h), 85)
    out["pixelsort"] = _jpeg(pixel_sort(shot(0.4, 12), rng), 90)
    out["kaleidoscope"] = _jpeg(kaleidoscope(shot(0.4, 12), rng), 85)
    out["watchface"] = _jpeg(watch_face(shot(0.4, 12), rng), 85)
    out["splitscreen"] = _png(split_screen(shot(0.4, 12), rng))
    out["partylights"] = _jpeg(party_lights(shot(0.4, 12), rng), 85)
    out["sodium"] = _jpeg(sodium(place, rng, w, h), 80)
    out["stepladder"] = _jpeg(step_ladder(place, rng, w, h), 85)
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
    return write_pictures(folder, rooms, size, first, tag="v19", room=room_v19, views=views_v19)


def main() -> None:
    dry_run("v19", make_pictures, place_kind)


if __name__ == "__main__":
    main()

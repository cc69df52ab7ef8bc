"""Generator v22 of ``bench/link.py``: benign places (cheese shops, stationery shops, model
railway clubs, darkrooms, blacksmiths' forges, coffee roasteries, wine merchants, ski hire
shops) as binoculars, a camera's back screen, billboards, photo-joiners, datamoshed video,
photo cakes, wrapping paper, perforated window film, microfilm readers, cyanotypes,
tintypes and laser-engraved glass show them, held out.

Written blind, like v6-v21: its author read only the brief it was given, ``STYLE.md``
(``/work/shared/STYLE.md``), the ``[tool.ruff]``, ``[tool.mypy]`` (with its overrides) and
``[tool.pytest.ini_options]`` sections of ``pyproject.toml``, ``bench/link_rooms_v21.py``
whole (for the interface, the truth format, the place model and the primitives imported
below) and ``tests/bench/test_link_rooms_v21.py`` whole (for the shape of the tests) and,
in ``bench/link.py``, only the generator plumbing: a grep for ``v21`` and the lines round
each hit (the imports at 55-82, ``GENERATORS`` and the start of ``make_collection`` with
its ``views_*`` dict at 620-712, and the end of ``verify_options`` with the start of
``main`` and the ``--generator`` argument at 1280-1315). Of ``bench/link_rooms_v6.py``-
``v20.py`` only the first paragraphs of their docstrings, their ``KINDS`` tuples,
``GROUPS`` dicts, ``VIEW_KINDS`` and ``*_SEED`` constants (printed by importing the
modules, v6-v21) and the lines a grep found for words v22 considered were read, with a
few lines round some hits; a grep for "considered" and "dropped" in v6-v20 led to the
parts of v16's-v20's docstrings that list what they read and the words they considered
(v16's lines 14-34, v17's 17-40, v18's 20-45, v19's 18-45, v20's 18-60), which were read
so as not to repeat an idea an older generator had dropped. For kinds and groups: cheese,
cheesemonger, stationer, stationery, groom, pet groom, model railway, model rail, railway,
layout, darkroom, dark room, enlarger, safelight, typewriter, roast, roaster, roastery,
coffee, blacksmith, forge, anvil, antique, wine, vintner, off-licence, sweet, confection,
cobbler, shoe repair, violin, luthier, piano, ski, skis, ski hire, scuba, dive shop,
diving, wetsuit, airliner, aircraft, aeroplane, airline, flight, cabin, bank, cattery,
kennel, "cat ", boarding. For views: watercolo(u)r, tintype, collodion, daguerreo,
binocular, billboard, hoarding, gift wrap, giftwrap, wrapping, joiner, montage, collage,
datamosh, macroblock, motion vector, glitch, p-frame, keyframe, interlac(ed), laser,
crystal, engrav(ed), camera back, camera screen, rear screen, lcd, viewfinder, microfilm,
microfiche, fiche, lego, toy brick, stud, mosaic, tessera, crosshatch, cross-hatch,
hatch, pen and ink, plotter, linocut, woodcut, cyanotype, blueprint, cake, icing, badge,
pin badge, window film, perforat(ed), one-way, poster, and the ``reflection`` views of
v8 and v12 (their docstring lines). None of v22's kinds, groups or views is a kind, group
or view of v6-v21 (the tests check the names against the ``KINDS``, ``GROUPS`` and
``VIEW_KINDS`` of v6-v21's modules). Most hits were other senses: "railway" v19's ticket
halls, "coffee" scikit-image's sample picture and coffee tables, "dark room" v9's
``lowlight``, "bank" banks of lockers and drawers, "cabin" sleeper and sauna cabins, an
aircraft at v18's departure gate, "roast" a word on v7's packaging, "wrapping" v18's
florist's counter, "stud" students, "cake" v12's and v16's cake counters, "perforated" v16's
server doors and floor tiles, "crystal" v21's chandeliers and v19's glass ball, "engraved"
v21's stamp lines, "hatch" serving hatches, "plotter" a thing in v17's print shop, and
"binocular", "crystal", "canvas", "watercolour", "glitch", "bank", "cobbler", "sweet",
"kennel" and "airport"/"ferry" words v18 and v19 considered. Ideas were dropped because
an older generator had them or something close: bike repair (v16's bike shop), a pharmacy
counter (v17), laundrettes (v13, v15), barbers (v15), a pet grooming salon (v14's hair
salon, v19's pet shop), a boat cabin (v11), a recording booth (v20's radio studio), a
hardware aisle (v17), a sewing café (v18's fabric shop, v20's tailor), a piano showroom
and a violin maker's (v16's music shop), a typewriter repairer (v20's clock repairer),
student hall rooms (v14), ferry cabins and capsule pods (v13's sleeper cabins and office
pods), self-storage units (v16), chain coffee counters (v12's café, v21's burger bar);
a rainy windscreen (v12's ``rainglass``), a fridge door (v15), a jigsaw (v17), a shop
window's reflection (v8's and v12's ``reflection``), a mug (v20), a receipt (v19), a
fisheye (v9), a cork board (v15's ``fridgedoor``), frosted glass (v13's ``steam``), a
slide projector (v17's ``projected``), a frozen video call (v8's ``videocall``), a
lenticular (v20), halftone (v14), a crumpled print (v14), a cracked screen (v13), a long
exposure (v15), a snow globe (v19's ``lensball``), an embroidery hoop (v19's
``crossstitch``), a zoomed screenshot (v16's ``upscaled`` and ``zoomcrop``), a contact
sheet (v16's ``photogrid``, v9's ``collage``), a watercolour filter (v11's ``grain``, which
made v19 drop one too), interlaced video (v13's ``vhs``, v15's ``ceilingcam``), pen
hatching (v17's ``pencil``) and a toy-brick mosaic (v19's ``crossstitch``, a grid of
cells). The nearest kept: ``joiner`` is many prints of one view, unlike v9's ``collage``
(three or four viewpoints in a grid with gutters); ``datamosh`` is a video codec's glitch,
unlike v19's ``pixelsort`` (sorted runs of pixels); ``cyanotype`` and ``tintype`` are old
processes with their own marks (a brushed margin; a mirror image, blue sensitivity and a
pour), unlike v15's ``sepia`` tint; ``photocake`` and ``giftwrap`` print the picture on a
thing, like v20's ``mug`` and v21's ``tshirt``, but iced and piped, or repeated small round a
box. No signature or source of an older primitive was read: they are called as v21 calls
them, and a few were run to see what they draw (a sheet of v10's ``_outside``,
``_label``, ``_screen``, ``_bricks``, ``_tiles`` and ``_wood``, v14's ``_sign``, v15's
``_sky``, v18's ``_table`` and v17's ``_grained`` looked at; the range of v10's
``_field`` and the faces of v19's ``_till`` printed), v21's ``build_place(0)`` was run
to learn which way a camera's yaw turns, how v13's ``_faces`` and v14's ``_inward`` name
faces and what ``Place.textures`` calls its textures, and ``room_v21`` and ``views_v21``
were timed (no picture of v21 looked at).
The worktree's ``.venv`` is a link to a ready virtualenv; nothing was installed. ``mypy``
was run on v22 and its tests (its output names lines of v10-v12 and v18, which v22
imports, none of v22's or its tests') and ``ruff`` on ``bench/link.py``, which was parsed
(``ast``) but never run, not even ``--help``. Nothing of the linker's code, tests, docs or
results was read, and neither the linker nor ``bench.link`` was ever run on these
pictures: keep it for after v21's held-out run, then use it once, for a held-out figure:
``python -m bench.link --name link-v22-heldout --generator v22 --no-real --size 400x300
--rooms 315 --workers 2 --skip-costs``. v9's projective renderer, v6's picture writer
and dry run, v13's place model (surfaces, boxes, walls, floor plans, furniture pieces,
windows, wall things, lighting), v14's belongings and small helpers, v15's doors and
sky, v16's shop front, colour ramp and aiming, v17's building state, clearance test,
shell planes, grained paint and off-square warp, v18's colour picker and desk tops,
v19's chequer and small helpers, v20's builder state with the kinds' model generator,
its place model (made v22's by a subclass with v22's kinds and day seeds), its loose
things of a day and small helpers (framing, the PNG writer), v21's chalkboards, poles and
wall spots, and small drawing primitives of v10-v12 are imported; v21's place builder,
cameras, moves and print place are copied with v22's kinds, seeds and shares; the kinds
of place, their builders, the kinds' mass-produced things, the look-alikes, the cameras'
settings and every view are v22's own.

To look at the pictures and the truth without linking anything:
``PYTHONPATH=src:. .venv/bin/python -m bench.link_rooms_v22 --rooms 12 --size 400x300
--out /tmp/v22``.

**What a place is.** Each seed is one place built in 3-D as a box (floor, ceiling and four
walls, every one drawn) with its fixed things drawn into the wall and floor textures
(shelves of jars, notebooks, bottles, bags, helmets and boxed models, slatwalls of pens,
racks of tongs, ironwork, chalkboards, a layout's backscene, a line of drying prints, a
safelight's glow, framed mountains, signs, windows, doors, sockets, clocks, exit signs)
and furniture and fittings as 3-D boxes (counters, cabinets, racks, stands, benches,
tables, chairs, baseboards, pallets, sacks, barrels, crates, machines, seats, bins).
Loose things (v20's: a carton, a paper bag, a stack of leaflets, a folded cloth) change
from day to day. Two pictures show the same place exactly when they come from the same
seed.

**Distinct places are distinct, but a kind's mass-produced things are alike.** Every
surface of an ordinary place is drawn in code from that place's own random generator
(``default_rng(1_300_000_000 + seed)``); no photograph is read, so two ordinary places
cannot share a photographed surface. As in real places of one kind, some things are
mass-produced: the same model stands in every place of the kind. Those are drawn from
the kind's own generator (``default_rng([1_308_000_000, k])``, ``k`` the kind's place in
``KINDS``), so they are identical in every place of the kind and in no place of another
kind; where they stand, how many there are and what is on them are each place's own.
The kinds' things:

- *cheese shop*: the serve-over counter (the cheeses on its deck the shop's own), the
  cheese wire on the back counter, the slatted maturing rack (one or two; the wheels on
  them the shop's own);
- *stationery shop*: the pen maker's floor stand, the greeting-card spinner (one or two,
  with the publisher's cards), the plan chest (the reams on it the shop's own);
- *model railway club*: the controller (one or two on each baseboard's edge), the
  ready-to-run locomotive (one to three on the tracks), the station kit;
- *darkroom*: the enlarger (baseboard, column and head; one or two), the safelight, the
  print washer;
- *blacksmith's forge*: the anvil (on the forge's own stump), the hearth and its hood,
  the power hammer;
- *coffee roastery*: the drum roaster, its cooling tray, the bag grinder;
- *wine merchant*: the floor rack of bottles (one to three), the tasting dispenser, the
  estate's wine case (stacks of two to four);
- *ski hire shop*: the rack of the hire fleet's skis (one to three), the boot rack (one
  or two), the tuning bench.

The tests check that two ordinary places share no texture that is not a plain colour but
these, that two places of a kind share the same ones, and that no place of another kind
has them: a linker must not link two places because they show one model of rack. What
any two places may still have alike is what is generic in real places too: socket plates,
exit signs, the Hershey fonts of the (random) lettering, digits.

**Kinds of place** (none of them a kind named by v6-v21; sizes width x height x depth in m):

- *cheese shop* (4-6.5 x 2.7-3.2 x 5.5-9): white tiles (40 %) or paint, a chequered
  floor (30 %), boards or lino, a shop front; the serve-over counter (1.8-2.6 m, 0.9 m
  high) 1.8-2.4 m from the back wall with wheels and wedges (rinds of seven kinds, pastes
  plain, veined or with holes) on its deck, a back counter with the wire and a till, one
  or two maturing racks (1.9 m) of wheels by a side wall, shelves of jars and a
  chalkboard on the other side, a low table of jars, a sign, a second chalkboard, a door.
- *stationery shop* (4.5-7 x 2.6-3.1 x 6-10): pale paint (60 %) or a colour, boards or
  lino, a shop front; runs (1.2-2.2 m, 1.8 m high) of shelves of notebooks and files
  along the sides (70 % of sides; else a slatwall of pens), the pen stand, card
  spinners, the plan chest, one or two display tables of notebooks, a counter with a
  till, a slatwall, a poster, a sign, a door.
- *model railway club* (6-9 x 2.5-3.0 x 7-11): pale paint (60 %) or a colour, lino or
  boards, high windows along a side; a layout on baseboards (0.7-0.9 m deep, 0.95-1.1 m
  high) along both sides from 1.6-2.2 m in and across the back: the fascia in the club's
  colour, the scenery on top (fields, a river, woods, little houses, a road, one or two
  tracks on sleepers), a painted backscene (sky, hills) above it on three walls; the
  controllers, locomotives and station kit on it; a table and a chair in the middle,
  a poster, a notice, a clock, a door.
- *darkroom* (2.8-4.5 x 2.3-2.7 x 3.5-5.5): black or deep paint (70 %) or grey, lino, a
  dark ceiling; the wet bench (2-3 m) down a side with a sink of three trays, the print
  washer at its end, the dry bench (1.6-2.6 m) down the other side with one or two
  enlargers and a timer, the safelight on the wall (1.83-2.08 m up) with its red or amber
  glow, a line of drying prints on the back wall, shelves of bottles, a light-trap
  curtain on the front wall, a sign, a clock. The camera is 74-84 degrees wide.
- *blacksmith's forge* (5-8 x 3.0-4.2 x 6-10): brick (50 %), stone blocks (25 %) or dark
  render, all sooted towards the ceiling (x0.6 at the top), a concrete or earth floor, a
  dark timber ceiling; the hearth (1.0 x 0.8 m) and its hood with a flue by a wall, the
  anvil on a stump, the power hammer (1.9 m), a quench tub, a bench (1.6-2.4 m) with a
  vice, racks of tongs and hammers and finished ironwork on the walls, a stock rack of
  bars, a dusty window, a door.
- *coffee roastery* (6-10 x 3.0-4.0 x 8-12): brick (50 %) or paint, concrete, a dark or
  white ceiling; the roaster (1.6 x 1.2 x 1.8 m) against the back wall (else a side) with
  its flue, its cooling tray in front of it, one to three pallets of one to three jute
  sacks of green coffee, a packing bench (1.6-2.4 m) with the grinder and bags, a cupping
  table of cups, shelves of bags and a chalkboard on a wall, a window (1.6 m), a sign, a
  door.
- *wine merchant* (4-6.5 x 2.6-3.1 x 6-10): brick (35 %), panelling (20 %) or a deep
  paint, boards (60 %) or terracotta tiles, a shop front; wall shelves of bottles on a side
  and the back, floor racks and the tasting dispenser by the other side, one or two
  stacks of wine cases with bottles on top, a barrel (60 %), a counter with a till, a
  chalkboard, a sign, a door.
- *ski hire shop* (5-8 x 2.7-3.2 x 6-10): pine boards (50 %) or paint, rubber matting
  (60 %) or boards, a shop front; ski racks (1.6 x 0.4 x 1.9 m) along a side, boot racks
  (1.4 x 0.35 x 1.6 m) by the other side or the back, the tuning bench, one or two
  fitting benches, bins of poles, a counter with a till, shelves of helmets, framed
  mountain views, a sign, a door.

and, as look-alikes only, a boarding *cattery pen* (1.5-2.0 x 1.95-2.2 x 1.9-2.6), an
*airliner cabin* (3.6-3.9 x 2.05-2.25 x 8-12) and a *bank branch* (7-11 x 2.8-3.3 x 8-12).
No person or animal is drawn anywhere, nor any figure of one.

**Views (none of their names used in v6-v21), at the original's size.** A shot "moved up
to 0.4 m" is the place's camera moved up to 0.4 m (x0.4 in a cattery pen, x0.6 in an
airliner's aisle, x0.7 in a darkroom; up to 0.08 m in height), turned up to 12 degrees
and tilted up to 4 (the first of 8 moves that leaves it 0.15 m clear of every thing,
else not moved), with sensor noise (sigma 2). Every view but ``binoculars``, ``joiner``
and ``datamosh`` (which render the place again themselves) starts from such a shot.
Difficulty as meant, not measured:

- ``binoculars`` (easy): the place's camera moved up to 0.3 m and turned up to 8
  degrees, its lens 2-3 times longer (rendered narrower, not cropped), seen through two
  overlapping round fields (radius 46-50 % of the height, their centres 0.5-0.62 radii
  either side of the middle) on black, darker to their rims, red fringes, turned up to 3
  degrees, softened. JPEG 85.
- ``cameraback`` (easy): on a digital camera's back screen (3:2, 62-72 % of the width,
  the picture pillarboxed, a little bright and cool, a pixel grid, a glare band, focus
  brackets, ISO, aperture, shutter, shots left, a battery), the grained body round it, a
  dial and buttons, the maker's word; off square by up to 3 %. JPEG 85.
- ``billboard`` (medium): on a roadside billboard (58-75 % of the width) seen at an angle
  (the far side 5-15 % shorter), pasted in 3-4 x 2-3 sheets that do not quite meet (pale
  seams, each shifted up to 1.5 px at 400 and x0.94-1.04 as bright), a corner peeling
  (half of them), sun-faded (x0.88 saturation); a steel frame, legs, two or three lamps,
  sky, trees and a verge. JPEG 85.
- ``joiner`` (medium): a photo-joiner: 3 x 2, 3 x 3 or 4 x 2 prints, each its own narrow
  render of its part of a view 1.1-1.3 times as wide as the camera's (the camera moved up
  to 0.2 m, each print's spot up to 5 cm off), overlapping by about a fifth, each x0.85-
  1.15 as bright, with a white border, turned up to 5 degrees, scaled x0.95-1.05, shifted
  up to 4 %, with a shadow, laid in random order on a pale board. JPEG 85.
- ``datamosh`` (medium): a video frame whose key frame was lost: two frames of a handheld
  video (a shot moved up to 0.4 m, then the camera 0.1-0.3 m further on, x0.4-0.7 in
  small places, and panned 3-7 degrees), the motion between them (dense optical flow)
  averaged over macroblocks (16 px at 400) and applied to the first frame two to four
  times (x1.0-1.5 each), 10-25 % of the blocks and one or two rows of them refreshed from
  the second, the colour averaged over half-blocks, a quarter of each block's detail
  flattened. PNG (a frame grab).
- ``photocake`` (medium): printed on an icing sheet on a cake seen from above at a slant
  (the top's near edge 80-90 % of the width, its far edge 82-90 % of that), the picture
  inset by 9-13 %, softened (blurred 0.8 px at 400, x0.85 saturation, 12 % of the
  icing's colour, a sugary grain), a piped border of blobs, the iced side with a scallop,
  a silver or gold board, a table. JPEG 85.
- ``giftwrap`` (hard): the picture as a wrapping paper's repeat (copies 16-22 % of the
  width in a half-drop repeat, x0.9 saturation, gutters of 3-6 px at 400 in the paper's
  colour with stars) wrapped round a box seen from above and in front (its top x1.05, its
  front x0.8 with folded ends and a strip of tape), a ribbon both ways round with a bow, a
  shadow on a table. JPEG 85.
- ``windowfilm`` (hard): printed on perforated one-way film on a shop window seen from the
  street: holes on a square or staggered grid (every 3.5-5 px at 400, 55-70 % of that
  across) through which the dark shop (grey 20-45) and 12-20 % of the sky's reflection
  show, a sheen, x0.9 saturation; the frame (a mullion in half, a transom in two of five),
  the fascia and wall; off square by up to 3 %. JPEG 85.
- ``microfilm`` (hard): on a microfilm reader's tinted screen (82-90 % of the width; grey-
  green, warm or cool): a grey copy (stretched between its 5th and 95th percentiles, from
  no higher than 64 to no lower than 192, gamma 0.8-1.1, contrast x1.4) turned up to 1.5
  degrees, soft (1.2-2 px at 400), grainy, with the film's edge and a frame number, three
  to seven scratches, 20-50 specks of dust, the lamp's hot spot (x1.12 in the middle, x0.92
  at the edges), a glare; the reader's housing. JPEG 85.
- ``cyanotype`` (hard): a sun print on watercolour paper: the picture's area (66-78 % of
  the width) in Prussian blue by its darkness (stretched as ``microfilm``'s between the
  2nd and 98th percentiles, gamma 0.8-1.2, the lights a pale wash), inside a brushed
  margin of deep blue (the emulsion over 74-86 %, its edges ragged, bristle streaks), the
  paper's grain; off square by up to 2 %. JPEG 85.
- ``tintype`` (very hard): a wet-collodion plate: mirrored left to right, grey by a
  blue-heavy sensitivity (0.1 R + 0.3 G + 0.6 B; stretched, gamma 0.9-1.2) from near black
  to a creamy grey, softer and swirled to the edges, x0.65 at the corners, the collodion
  poured short of the plate's edge (3-6 % of bare black plate, wavy), comets and specks;
  behind an oval brass mat in half of them. JPEG 85.
- ``lasercrystal`` (very hard): engraved in a glass block on a lit base in the dark: the
  block's front 56-68 % of the width, its top and a side seen, bright edges; the picture
  as a cloud of white points (a point where a random draw falls under the lightness,
  stretched from no higher than 64 to no lower than 160, to the 1.5-2nd power, x0.3-0.45),
  a fainter second layer deeper in, the base's blue light in the block's foot, a faint
  reflection. JPEG 85.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds). A look-alike is built by the same kind of code as an ordinary place, but
everything fixed is drawn from its group's template generator, so the members of a group
are identical but for what is drawn from their own generator: their belongings (v14's: 4-9
of a bag, a book, a bottle, a mug, a phone, a laptop, shoes, clothes, flowers, cards, a
fruit bowl, a box, on the tops and the floor), each day's loose things, how each surface
is lit, the camera and what is said below. Look-alikes have no mass-produced things of a
kind.

- *Pens of one boarding cattery* (6 %: ``seed % 50`` in {44, 45, 46}, kind ``cattery
  pen``; template ``1_301_000_000 + seed // 50``; so seeds 44-46, 94-96, 144-146, ...):
  the size, the wipe-clean wall panels and their joints, a mesh (half) or plain ceiling,
  the vinyl floor and its coving, two or three shelves (0.55-1.5 m up, on alternate
  sides) and a ramp, the bed box, the scratching post and its platform, the window's
  frame and place in the back wall, the cat flap, the heater. The pen's own: what the
  window shows (a garden or tiles), the guest's name card, the feeding chart on a side
  wall, the blanket on the bed, two bowls, a toy. The camera stands in the pen's doorway
  (0.12-0.25 m in, 1.3-1.55 m up), 74-84 degrees wide, looking at the back.
- *Cabins of one airline's airliners* (2 %: ``seed % 100`` in {17, 18}, kind ``airliner
  cabin``; template ``1_302_000_000 + seed // 100``; seeds 17, 18, 117, 118, ...): the
  size, the lining, the carpet, the ceiling, the seat pitch (0.76-0.84 m) and rows of
  three and three seats from 1.6 m in (the fabric, headrest covers, tray tables and
  pockets the airline's), the overhead bins, a window surround at every row, the stripe
  along the walls, the bulkhead's curtain and logo, an exit sign. The cabin's own: what
  each window shows (a cloud deck, a sunset, the ground or the apron), the bulkhead's
  screen, the seat-back screens, blankets on some seats. The camera stands in the aisle at
  the back (0.4-0.9 m in) looking along it.
- *Branches of one bank* (2 %: ``seed % 100`` in {52, 53}, kind ``bank branch``; template
  ``1_303_000_000 + seed // 100``; seeds 52, 53, 152, 153, ...): the size, the pale walls
  with the bank's band, the floor tiles, the ceiling, the counter (3.5-5 m, three or four
  numbered positions, screen posts and a rail), three to five pairs of queue posts with
  belts, one or two cash machines on a side, the leaflet rack, a table and two chairs,
  the window's frame, the logo, an exit sign. The branch's own: what the window shows,
  two posters of rates, its name plate, the queue display's number, a notice, leaflets on
  the counter. The camera stands by the door (0.5-1 m in) looking at the counter.

The predicate: ``is_distractor(seed)`` is ``seed % 50 in (44, 45, 46) or seed % 100 in
(17, 18, 52, 53)``; two look-alikes are of one group exactly when they have the same kind
and the same ``seed // 50`` (cattery pens) or ``seed // 100`` (airliner cabins, bank
branches). The slots are not v21's (the tests check), and every group has members in the
first 60 seeds.

**Pictures per place: 13** (the original and 12 views): ``original`` and ``datamosh``
(PNG) and ``binoculars``, ``cameraback``, ``billboard``, ``joiner``, ``photocake``,
``giftwrap``, ``windowfilm``, ``microfilm``, ``cyanotype``, ``tintype``, ``lasercrystal``
(JPEG 85), all at the original's size.

**Proportions** (of seeds). Look-alikes 10 % (3 cattery pens in every 50 seeds, 2 airliner
cabins and 2 bank branches in every 100); the other seeds draw their kind with equal
shares of 1/8 (the tests check each within +-4 points on seeds 0-999). Counted on seeds
0-999 (``kind_counts``): cattery pens 60, airliner cabins 20, bank branches 20; of the
other 900: cheese shop 124, blacksmith's forge 117, darkroom 114, stationery shop 112,
wine merchant 112, coffee roastery 110, ski hire shop 109, model railway club 102. The
first 60 seeds (a default ``--rooms 60`` run): blacksmith's forge 9, model railway club 8,
darkroom 7, cheese shop 7, wine merchant 7, coffee roastery 6, ski hire shop 5, stationery
shop 4, cattery pens 3 (seeds 44-46), airliner cabins 2 (17, 18), bank branches 2 (52,
53): every kind and group is in it. The held-out run's 315 seeds: wine merchant 41, ski
hire shop 39, blacksmith's forge 38, model railway club 35, coffee roastery 35, cheese
shop 34, stationery shop 32, darkroom 31, cattery pens 18, airliner cabins 6, bank
branches 6.

**Speed**: ``room_v22`` and ``views_v22`` of seeds 0-39 at 400x300 took 0.72 s of CPU a
place (13 pictures) against 0.66 s for ``room_v21`` and ``views_v21`` of the same seeds
in the same session (seeds 0 and 41: 0.71 and 0.77 s against 0.77 and 0.56 s; an
airliner cabin, seed 17, 1.42 s: its many seats make each of the views' 18-21 renders
slow), one core, on the shared machine. ``build_place`` ran without error on seeds 0-999
and all twelve views on seeds 0-199 at 96x72, 0-69 at 64x48 and 120x90, and 0-3 at
800x600. Surfaces are drawn at 120 texels a metre, large ones coarser (at most 360,000
texels a surface).

**Seeds**: a place ``1_300_000_000 + seed``; cattery ``1_301_000_000 + seed // 50``;
airline ``1_302_000_000 + seed // 100``; bank ``1_303_000_000 + seed // 100``; a day's
loose things ``1_304_000_000 + 3 * seed + day`` (day 0); views ``default_rng([1_305_000_000,
seed, i])`` (``i`` the index ``make_collection`` passes); the original's sensor noise
``1_306_000_000 + seed``; a kind's mass-produced things ``default_rng([1_308_000_000,
k])``. None is a seed of v6-v21. Deterministic by seed. Lettering is random syllables
(digits for prices, numbers and dates). Pictures not made by ``room_v22`` (the real
pictures of ``bench/link.py`` when run without ``--no-real``) are hung as a print 2 m wide
on the back wall of a generated stationery shop, model railway club or wine merchant's
(seeds from ``1_307_000_000``) and seen the same ways.
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
from bench.link_rooms_v19 import _all_faces, _chequer, _scale, _till
from bench.link_rooms_v20 import Place as _Place20
from bench.link_rooms_v20 import (
    _Build20,
    _day_things,
    _frame,
    _mass_produced,
    _model,
    _other,
    _png,
)
from bench.link_rooms_v21 import _chalkboard, _pole, _wall_box

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 1_300_000_000
CATTERY_SEED = 1_301_000_000
AIRLINE_SEED = 1_302_000_000
BANK_SEED = 1_303_000_000
DAY_SEED = 1_304_000_000
VIEW_SEED = 1_305_000_000
SENSOR_SEED = 1_306_000_000
PRINT_SEED = 1_307_000_000
MODEL_SEED = 1_308_000_000
CATTERY_EVERY, CATTERY_SLOTS = 50, (44, 45, 46)
AIRLINE_EVERY, AIRLINE_SLOTS = 100, (17, 18)
BANK_EVERY, BANK_SLOTS = 100, (52, 53)
RES = 120.0  # texels a metre on small surfaces
SURFACE_TEXELS = 360_000  # larger surfaces are drawn coarser than RES, to this many texels
KINDS = (
    ("cheese shop", 1 / 8),
    ("stationery shop", 1 / 8),
    ("model railway club", 1 / 8),
    ("darkroom", 1 / 8),
    ("blacksmith's forge", 1 / 8),
    ("coffee roastery", 1 / 8),
    ("wine merchant", 1 / 8),
    ("ski hire shop", 1 / 8),
)
GROUPS = {  # a look-alike group's kind: the kind of place its members are built as
    "cattery pen": "cattery",
    "airliner cabin": "airliner",
    "bank branch": "bank",
}
VIEW_KINDS = (
    "binoculars",
    "cameraback",
    "billboard",
    "joiner",
    "datamosh",
    "photocake",
    "giftwrap",
    "windowfilm",
    "microfilm",
    "cyanotype",
    "tintype",
    "lasercrystal",
)
PNG_VIEWS = ("datamosh",)  # a frame grabbed from a player, saved lossless; every other a JPEG
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SIZES = {  # width, height, depth ranges (m)
    "cheese shop": ((4.0, 6.5), (2.7, 3.2), (5.5, 9.0)),
    "stationery shop": ((4.5, 7.0), (2.6, 3.1), (6.0, 10.0)),
    "model railway club": ((6.0, 9.0), (2.5, 3.0), (7.0, 11.0)),
    "darkroom": ((2.8, 4.5), (2.3, 2.7), (3.5, 5.5)),
    "blacksmith's forge": ((5.0, 8.0), (3.0, 4.2), (6.0, 10.0)),
    "coffee roastery": ((6.0, 10.0), (3.0, 4.0), (8.0, 12.0)),
    "wine merchant": ((4.0, 6.5), (2.6, 3.1), (6.0, 10.0)),
    "ski hire shop": ((5.0, 8.0), (2.7, 3.2), (6.0, 10.0)),
    "cattery": ((1.5, 2.0), (1.95, 2.2), (1.9, 2.6)),
    "airliner": ((3.6, 3.9), (2.05, 2.25), (8.0, 12.0)),
    "bank": ((7.0, 11.0), (2.8, 3.3), (8.0, 12.0)),
}
SMALL = {"cattery": 0.4, "darkroom": 0.7, "airliner": 0.6}  # shares of a move in small places
PRINT_KINDS = ("stationery shop", "model railway club", "wine merchant")


# --- seeds and kinds ---------------------------------------------------------------------------


def is_cattery_pen(seed: int) -> bool:
    return seed % CATTERY_EVERY in CATTERY_SLOTS


def is_airliner_cabin(seed: int) -> bool:
    return seed % AIRLINE_EVERY in AIRLINE_SLOTS


def is_bank_branch(seed: int) -> bool:
    return seed % BANK_EVERY in BANK_SLOTS


def is_distractor(seed: int) -> bool:
    return is_cattery_pen(seed) or is_airliner_cabin(seed) or is_bank_branch(seed)


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
    if is_cattery_pen(seed):
        return "cattery pen"
    if is_airliner_cabin(seed):
        return "airliner cabin"
    if is_bank_branch(seed):
        return "bank branch"
    return _kind_of(float(np.random.default_rng(PLACE_SEED + seed).random()))


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def base_kind(kind: str) -> str:
    return GROUPS.get(kind, kind)


def group_rng(seed: int) -> Rng | None:
    """The template a look-alike is built from (everything fixed in it); None for an
    ordinary place."""
    if is_cattery_pen(seed):
        return np.random.default_rng(CATTERY_SEED + seed // CATTERY_EVERY)
    if is_airliner_cabin(seed):
        return np.random.default_rng(AIRLINE_SEED + seed // AIRLINE_EVERY)
    if is_bank_branch(seed):
        return np.random.default_rng(BANK_SEED + seed // BANK_EVERY)
    return None


def model_rng(kind: str) -> Rng:
    """The generator of a kind's mass-produced things (the same model in every place of
    the kind)."""
    return np.random.default_rng([MODEL_SEED, [k for k, _ in KINDS].index(kind)])


# --- small drawing helpers ---------------------------------------------------------------------

NORMALS = {"front": (0.0, -1.0), "back": (0.0, 1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


def _ahead(x: float, z: float, facing: str, by: float) -> tuple[float, float]:
    """The point ``by`` m out from (x, z) the way ``facing`` points."""
    nx, nz = NORMALS[facing]
    return x + nx * by, z + nz * by


def _across(facing: str, w: float, d: float) -> float:
    """A box's extent along the face that points ``facing``."""
    return w if facing in ("front", "back") else d


def _deep(facing: str, w: float, d: float) -> float:
    """A box's extent the way the face that points ``facing`` looks."""
    return d if facing in ("front", "back") else w


def _wall_colour(wall: Any, at_m: float, height_m: float) -> Colour:
    """The colour the wall is painted at a point (for things drawn on it with gaps)."""
    y = min(wall.img.shape[0] - 1, max(0, wall.y_of(height_m)))
    x = min(wall.img.shape[1] - 1, max(0, wall.x_of(at_m)))
    px = wall.img[y, x]
    return int(px[0]), int(px[1]), int(px[2])


def _shelved(
    rng: Rng, w: int, h: int, back: Colour, item: Callable[[U8, int, int, int, int], None]
) -> U8:
    """Wall shelves: rows (every 12-20 texels) of things drawn by ``item(img, x, y1, width,
    height)`` standing on wooden shelves."""
    img = _grained(rng, w, h, back, 2.0)
    rows = max(2, h // int(rng.integers(12, 21)))
    rh = h // rows
    shelf = _wood_tone(rng)
    for k in range(rows):
        y1 = (k + 1) * rh - 2
        x = 1 + int(rng.integers(0, 3))
        while x < w - 4:
            iw = int(rng.integers(2, 6))
            ih = int(rh * float(rng.uniform(0.45, 0.85)))
            item(img, x, y1, iw, ih)
            x += iw + int(rng.integers(0, 3))
        cv2.rectangle(img, (0, y1), (w - 1, y1 + 1), shelf, -1)
    return img


def _mountains(rng: Rng, w: int, h: int) -> U8:
    """A mountain view: sky, two or three ranges of peaks, snow on their tops, pines."""
    img = np.asarray(cv2.resize(_sky(rng, 32, 16), (w, h)), np.uint8).copy()
    for k in range(int(rng.integers(2, 4))):
        base = h * (0.55 + 0.12 * k)
        rock = _shade(_between(rng, (90, 100, 120), (150, 150, 165)), 1.0 - 0.15 * k)
        x = -int(rng.integers(0, max(2, w // 4)))
        while x < w:
            pw = int(w * float(rng.uniform(0.25, 0.5)))
            top = int(base - h * float(rng.uniform(0.2, 0.45)))
            pts = np.array([[x, int(base)], [x + pw // 2, top], [x + pw, int(base)]], np.int32)
            cv2.fillPoly(img, [pts], rock)
            snow = np.array(
                [
                    [x + pw // 2 - pw // 8, top + (int(base) - top) // 4],
                    [x + pw // 2, top],
                    [x + pw // 2 + pw // 8, top + (int(base) - top) // 4],
                ],
                np.int32,
            )
            cv2.fillPoly(img, [snow], (245, 248, 252))
            x += int(pw * float(rng.uniform(0.5, 0.9)))
        img[int(base) :] = _grained(rng, w, h - int(base), (235, 240, 245), 3.0)
    for _ in range(int(rng.integers(3, 9))):
        x, y = int(rng.integers(0, w)), int(h * float(rng.uniform(0.75, 0.95)))
        t = max(2, h // 10)
        pts = np.array([[x - t // 3, y], [x, y - t], [x + t // 3, y]], np.int32)
        cv2.fillPoly(img, [pts], (30, 60, 40))
    return img


# --- v22's own surfaces and things, every one drawn from the rng it is given --------------------

# cheese shop

RINDS: tuple[Colour, ...] = (
    (235, 200, 110),  # a hard cheese's waxed rind
    (200, 150, 70),  # a natural rind
    (240, 235, 215),  # a soft white rind
    (200, 40, 35),  # red wax
    (60, 60, 58),  # black wax
    (215, 130, 50),  # an orange washed rind
    (170, 160, 120),  # a grey-green natural rind
)


def _serve_over(m: Rng) -> dict[str, U8]:
    """A serve-over cheese counter: a body in the maker's colour, a curved glass front
    (a pale band with a reflection), vents at the foot, the maker's badge; its deck's
    rim on top."""
    body = _pick(m, [(240, 240, 236), (30, 30, 34), (150, 152, 158), (60, 80, 70)])
    front = _grained(m, 64, 32, body, 2.0)
    front[:11] = _grained(m, 64, 11, (190, 205, 210), 2.0)
    cv2.line(front, (4, 9), (18, 1), (240, 245, 250), 1)
    cv2.line(front, (30, 9), (40, 1), (230, 238, 245), 1)
    cv2.rectangle(front, (0, 11), (63, 12), (200, 202, 206), -1)
    for x in range(4, 60, 3):
        cv2.line(front, (x, 27), (x, 30), _shade(body, 0.6), 1)
    cv2.rectangle(front, (26, 16), (38, 20), _c(m, 40, 230), -1)
    top = _grained(m, 64, 24, (215, 220, 222), 2.0)
    cv2.rectangle(top, (0, 0), (63, 23), (190, 192, 196), 2)
    return {"front": front, "side": _grained(m, 24, 32, body, 2.0), "top": top}


def _wire_cutter(m: Rng) -> dict[str, U8]:
    """A cheese wire: a marble or wooden board with a slot, a steel arm and its handle."""
    board = _pick(m, [(235, 232, 228), (60, 62, 64), _wood_tone(m)])
    top = _grained(m, 32, 24, board, 3.0)
    for _ in range(4):
        a, b_ = (
            (int(m.integers(0, 32)), int(m.integers(0, 24))),
            (
                int(m.integers(0, 32)),
                int(m.integers(0, 24)),
            ),
        )
        cv2.line(top, a, b_, _shade(board, 0.85), 1)
    cv2.line(top, (0, 12), (31, 12), (40, 40, 40), 1)
    cv2.line(top, (2, 2), (29, 2), (190, 192, 196), 2)
    cv2.circle(top, (29, 3), 2, _c(m, 20, 200), -1)
    edge = _grained(m, 32, 8, _shade(board, 0.8), 2.0)
    return {"front": edge, "side": edge, "top": top}


def _maturing_rack(m: Rng) -> dict[str, U8]:
    """A slatted maturing rack of pale pine: uprights and four shelves of slats (the
    wheels on it each shop's own)."""
    pine = _pick(m, [(220, 190, 140), (200, 165, 115), (235, 210, 165)])
    front = _grained(m, 48, 96, _shade(pine, 0.45), 2.0)
    for y in (20, 44, 68, 92):
        cv2.rectangle(front, (0, y), (47, y + 3), pine, -1)
    for x in (0, 23, 45):
        cv2.rectangle(front, (x, 0), (x + 2, 95), _shade(pine, 0.9), -1)
    side = _grained(m, 24, 96, _shade(pine, 0.5), 2.0)
    for y in (20, 44, 68, 92):
        cv2.rectangle(side, (0, y), (23, y + 3), pine, -1)
    top = _grained(m, 48, 24, pine, 2.0)
    for x in range(0, 48, 6):
        cv2.line(top, (x, 0), (x, 23), _shade(pine, 0.7), 1)
    return {"front": front, "side": side, "top": top}


def _cheese(rng: Rng, cut: bool) -> dict[str, U8]:
    """A wheel or a wedge of cheese: a rind of a kind, and where it is cut the paste (pale
    yellow, maybe blue-veined or with holes)."""
    rind = RINDS[int(rng.integers(0, len(RINDS)))]
    paste = _between(rng, (235, 215, 150), (252, 240, 200))
    side = _grained(rng, 24, 8, rind, 4.0)
    top = _grained(rng, 24, 24, _shade(rind, 0.95), 4.0)
    if cut:
        face = _grained(rng, 24, 8, paste, 3.0)
        u = rng.random()
        for _ in range(int(rng.integers(2, 7))):
            p = (int(rng.integers(1, 23)), int(rng.integers(1, 7)))
            if u < 0.4:
                cv2.circle(face, p, 1, _shade(paste, 0.8), -1)
            elif u < 0.7:
                cv2.line(face, p, (p[0] + 3, p[1] + 1), (80, 100, 110), 1)
        face[:1] = rind
        return {"front": face, "side": side, "top": top}
    return {"front": side, "side": side, "top": top}


def _jars(rng: Rng, w: int, h: int) -> U8:
    """Shelves of jars (chutneys, honey, pickles): glass jars of a colour with lids and
    labels."""

    def jar(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _pick(rng, [(150, 60, 30), (210, 150, 40), (120, 40, 50), (90, 110, 40)])
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1 - ih + 1), _c(rng, 40, 250), -1)
        if ih > 5:
            cv2.rectangle(img, (x, y1 - ih * 2 // 3), (x + iw, y1 - ih // 3), (240, 235, 220), -1)

    return _shelved(rng, w, h, _between(rng, (200, 190, 170), (240, 235, 225)), jar)


def _build_cheese_shop(b: _Build17) -> None:
    """A cheese shop: tiles or paint, boards, tiles or lino, a shop front; the kind's
    serve-over counter with the shop's cheeses on its deck, the wire cutter on the back
    counter and one or two slatted maturing racks of the shop's wheels (the counter, the
    wire and the racks the kind's), shelves of jars, chalkboards, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    counter, wire, rack = _serve_over(m), _wire_cutter(m), _maturing_rack(m)
    if r.random() < 0.4:
        colour = _between(r, (225, 225, 215), (252, 250, 245))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _tiles(r, tw, th, max(3, round(0.15 * res)), colour, (170, 170, 165)))
    else:
        b.paint_walls(_pick(r, [(235, 225, 190), (60, 80, 70), (120, 40, 45), _c(r, 80, 240)]))
    _skirting(b, _c(r, 20, 120), 0.1)
    u = r.random()
    if u < 0.3:
        a, c2 = _c(r, 20, 110), _c(r, 180, 250)
        b.floor(lambda g, w, h, res: _chequer(g, w, h, res, a, c2, 0.3))
    elif u < 0.7:
        b.floor(_planks)
    else:
        b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(_plain_ceiling if r.random() < 0.6 else _tiled_ceiling)
    _shop_front(b)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.3)
    cz = b.d - float(r.uniform(1.8, 2.4))
    cw = min(b.w - 1.2, float(r.uniform(1.8, 2.6)))
    cx = float(r.uniform(-0.2, 0.2)) * (b.w - cw)
    _model(b, Box(cx, cz, cw, 0.8, 0.9, 0.0, _faces(counter, "front")))
    fl.take(cx, cz, cw + 0.4, 1.4)
    b.tops.append((cx, cz, cw * 0.8, 0.5, 0.9))
    x = cx - cw / 2 + 0.2
    while x < cx + cw / 2 - 0.2:
        size = float(r.uniform(0.15, 0.32))
        cut = r.random() < 0.6
        b.boxes.append(
            Box(
                x + size / 2,
                cz + float(r.uniform(-0.15, 0.15)),
                size,
                size * float(r.uniform(0.6, 1.0)),
                float(r.uniform(0.05, 0.12)),
                0.9,
                _faces(_cheese(r, cut), "front"),
            )
        )
        x += size + float(r.uniform(0.04, 0.15))
    back_w = min(b.w - 0.8, float(r.uniform(1.6, 2.4)))
    bx, bz, bw, bd = _wall_box(b, "back", b.w / 2 + cx, back_w, 0.5)
    b.boxes.append(
        Box(
            bx,
            bz,
            bw,
            bd,
            0.9,
            0.0,
            {
                "front": _cabinet(r, max(2, int(back_w / 0.5)), 1, _c(r, 30, 220)),
                "top": _grained(r, 48, 16, _c(r, 60, 220), 3.0),
            },
        )
    )
    _model(b, Box(bx - back_w / 4, bz, 0.4, 0.3, 0.06, 0.9, _faces(wire, "front")))
    b.boxes.append(Box(bx + back_w / 4, bz, 0.35, 0.3, 0.22, 0.9, _faces(_till(r), "front")))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.0, 0.45, (side,))
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.9, 0.0, _faces(rack, facing)))
        along = _across(facing, _w, _d)
        for y0 in (0.02, 0.5, 1.0, 1.48):
            k = int(r.integers(1, 4))
            for j in range(k):
                off = (j - (k - 1) / 2) * along / max(k, 2)
                wx, wz = _ahead(x, z, facing, _deep(facing, _w, _d) / 2 + 0.16)
                if facing in ("front", "back"):
                    wx += off
                else:
                    wz += off
                size = float(r.uniform(0.22, 0.3))
                ww, wd = (size, 0.3) if facing in ("front", "back") else (0.3, size)
                b.boxes.append(
                    Box(
                        wx,
                        wz,
                        ww,
                        wd,
                        float(r.uniform(0.08, 0.14)),
                        y0,
                        _faces(_cheese(r, False), facing),
                    )
                )
    wall = b.wall(other)
    for _ in range(int(r.integers(1, 3))):
        wall.put(_jars(r, wall.px(float(r.uniform(0.9, 1.6))), wall.px(1.0)), 2.0, 2.2)
    wall.put(_chalkboard(r, wall.px(0.8), wall.px(0.6)), 2.0, 2.3)
    spot = fl.against(r, 0.8, 0.5, (other,))
    if spot:
        _box(b, spot, 0.75, {"front": _wood(r, 32, 24, _wood_tone(r), 6), "top": _jars(r, 32, 24)})
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    back.put(_chalkboard(r, back.px(1.0), back.px(0.6)), 2.2, 2.4)
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", other]))), r, _c(r, 40, 220))


# stationery shop


def _pen_stand(m: Rng) -> dict[str, U8]:
    """The pen maker's floor stand: three tiers of its pens (caps in a run of colours) in
    testing trays, a header with the maker's word."""
    body = _pick(m, [(30, 30, 34), (240, 240, 236), (40, 70, 140), (180, 30, 40)])
    front = _grained(m, 48, 64, body, 2.0)
    cv2.rectangle(front, (0, 0), (47, 10), _lighter(body, 1.3), -1)
    _text(front, m, _word(m, (1, 2)).upper(), 3, 8, 6, _shade(body, 0.5))
    caps = [_c(m, 20, 250) for _ in range(8)]
    for k, y in enumerate((16, 32, 48)):
        cv2.rectangle(front, (2, y + 10), (45, y + 12), (220, 222, 226), -1)
        for j, x in enumerate(range(3, 45, 3)):
            cv2.line(front, (x, y), (x, y + 9), caps[(j + k) % len(caps)], 1)
            front[y, x] = (240, 240, 240)
    top = _grained(m, 48, 24, body, 2.0)
    for j, x in enumerate(range(3, 45, 3)):
        for y in (4, 12, 20):
            top[y, x] = caps[j % len(caps)]
    return {"front": front, "side": _grained(m, 24, 64, body, 2.0), "top": top}


def _card_spinner(m: Rng) -> dict[str, U8]:
    """A greeting-card spinner: columns of wire pockets holding the publisher's cards
    (the same range in every shop), a cap in the publisher's colour."""
    cap = _c(m, 30, 230)
    front = _grained(m, 32, 96, (200, 202, 206), 2.0)
    front[:6] = cap
    for y in range(8, 92, 14):
        for x in range(1, 31, 10):
            card = _c(m, 60, 256)
            cv2.rectangle(front, (x, y), (x + 8, y + 11), card, -1)
            if m.random() < 0.6:
                cv2.circle(front, (x + 4, y + 5), 2, _c(m, 20, 250), -1)
            else:
                cv2.line(front, (x + 1, y + 3), (x + 7, y + 3), _c(m, 0, 200), 1)
        cv2.line(front, (0, y + 12), (31, y + 12), (150, 152, 156), 1)
    return {"front": front, "side": front, "top": _grained(m, 16, 16, cap, 2.0)}


def _plan_chest(m: Rng) -> dict[str, U8]:
    """A plan chest for sheets of paper: six wide shallow drawers, each with a label frame
    and a pull, in the maker's steel colour."""
    body = _pick(m, [(200, 200, 196), (60, 70, 80), (230, 225, 210), (40, 90, 70)])
    front = _grained(m, 64, 32, body, 2.0)
    for k in range(6):
        y = 1 + k * 5
        cv2.rectangle(front, (1, y), (62, y + 4), _shade(body, 0.8), 1)
        cv2.rectangle(front, (28, y + 1), (35, y + 3), (245, 245, 240), -1)
        cv2.line(front, (12, y + 2), (20, y + 2), (40, 40, 40), 1)
    return {
        "front": front,
        "side": _grained(m, 32, 32, body, 2.0),
        "top": _grained(m, 64, 32, _shade(body, 0.9), 2.0),
    }


def _notebooks(rng: Rng, w: int, h: int) -> U8:
    """Shelves of notebooks, files and boxes of envelopes: spines in bands of colour."""

    def spine(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _c(rng, 30, 250)
        cv2.rectangle(img, (x, y1 - ih), (x + iw - 1, y1), col, -1)
        if iw > 3:
            img[y1 - ih + 2, x + 1 : x + iw - 1] = (250, 250, 250)

    return _shelved(rng, w, h, _between(rng, (215, 215, 210), (250, 250, 248)), spine)


def _pens_wall(rng: Rng, w: int, h: int) -> U8:
    """A slatwall of pens, tape and scissors on hooks: blister cards in rows."""
    img = _grained(rng, w, h, _between(rng, (200, 200, 200), (245, 245, 245)), 2.0)
    for y in range(3, h, 6):
        cv2.line(img, (0, y), (w - 1, y), (170, 170, 172), 1)
    for _ in range(max(6, w * h // 70)):
        x, y = int(rng.integers(1, max(2, w - 6))), int(rng.integers(1, max(2, h - 10)))
        cv2.rectangle(img, (x, y), (x + 5, y + 9), _c(rng, 80, 256), -1)
        cv2.line(img, (x + 2, y + 2), (x + 2, y + 8), _c(rng, 0, 200), 1)
    return img


def _build_stationery_shop(b: _Build17) -> None:
    """A stationery shop: pale or coloured paint, lino or boards, a shop front; walls of
    notebooks and files, a slatwall of pens, the pen maker's stand, a greeting-card
    spinner and a plan chest of papers (the stand, the spinner and the chest the kind's),
    display tables of notebooks, a counter with a till, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    stand, spinner, chest = _pen_stand(m), _card_spinner(m), _plan_chest(m)
    b.paint_walls(_between(r, (215, 215, 205), (252, 252, 248)) if r.random() < 0.6 else _c(r))
    _skirting(b, _c(r, 20, 160), 0.1)
    b.floor(_planks if r.random() < 0.5 else (lambda g, w, h, res: _lino(g, w, h)))
    b.ceiling(_tiled_ceiling if r.random() < 0.6 else _plain_ceiling)
    _shop_front(b)
    fl = _Floor(b.w, b.d, 1.2)
    for name in ("left", "right"):
        wall = b.wall(name)
        if r.random() < 0.7:
            along = 1.0
            while along + 1.0 < wall.length - 0.5:
                run = min(float(r.uniform(1.2, 2.2)), wall.length - 0.5 - along)
                x, z, bw, bd = _wall_box(b, name, along + run / 2, run, 0.35)
                b.boxes.append(
                    Box(
                        x,
                        z,
                        bw,
                        bd,
                        1.8,
                        0.0,
                        _faces(
                            {
                                "front": _notebooks(r, int(run * 40), 72),
                                "side": _wood(r, 16, 72, _wood_tone(r), 4),
                            },
                            _inward(name),
                        ),
                    )
                )
                fl.take(x, z, bw + 0.1, bd + 0.1)
                along += run + float(r.uniform(0.1, 0.4))
        else:
            wall.put(_pens_wall(r, wall.px(float(r.uniform(1.4, 2.4))), wall.px(1.2)), 2.0, 2.2)
    spot = fl.middle(r, 0.8, 0.5) or fl.against(r, 0.8, 0.5, ("back",))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.3, 0.0, _faces(stand, facing)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 0.6, 0.6)
        if spot:
            x, z, _w, _d, _f = spot
            _model(b, Box(x, z, 0.6, 0.6, 1.8, 0.0, _faces(spinner, "front")))
    spot = fl.against(r, 1.2, 0.8, ("back", "left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.9, 0.0, _faces(chest, facing)))
        for k in range(int(r.integers(1, 5))):
            ream = _grained(r, 24, 16, _c(r, 120, 256), 1.5)
            b.boxes.append(Box(x, z, 0.3, 0.22, 0.05, 0.9 + 0.05 * k, _all_faces(ream)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.2, 0.8)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.75)
        for _k in range(int(r.integers(2, 6))):
            bk = _grained(r, 16, 24, _c(r, 30, 250), 2.0)
            b.boxes.append(
                Box(
                    x + float(r.uniform(-0.45, 0.45)),
                    z + float(r.uniform(-0.25, 0.25)),
                    0.18,
                    0.25,
                    0.02 * int(r.integers(1, 6)),
                    0.75,
                    _all_faces(bk),
                )
            )
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back",))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            1.0,
            {
                "front": _grained(r, 64, 32, _c(r, 30, 220), 3.0),
                "top": _grained(r, 32, 16, _c(r, 60, 220), 3.0),
            },
        )
        b.boxes.append(Box(x, z, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), facing)))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    back.put(_pens_wall(r, back.px(1.2), back.px(0.8)), 2.0, 2.2)
    _poster(back, 1)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# model railway club


def _controller(m: Rng) -> dict[str, U8]:
    """A layout's controller: a box in the maker's colour with a big speed knob, a
    direction switch, a lamp and the maker's word."""
    body = _pick(m, [(30, 30, 34), (200, 200, 196), (40, 60, 120), (150, 40, 40)])
    front = _grained(m, 32, 16, body, 2.0)
    cv2.circle(front, (10, 8), 5, (220, 220, 222), -1)
    cv2.line(front, (10, 8), (12, 4), (30, 30, 30), 1)
    cv2.rectangle(front, (20, 5), (23, 11), (190, 190, 195), -1)
    front[3, 28] = (250, 60, 40)
    top = _grained(m, 32, 16, body, 2.0)
    _text(top, m, _word(m, (1, 1)).upper(), 2, 12, 5, _lighter(body, 1.8))
    return {"front": front, "side": _grained(m, 16, 16, body, 2.0), "top": top}


def _locomotive(m: Rng) -> dict[str, U8]:
    """The ready-to-run locomotive every club runs: a body in the maker's livery (a
    colour and a band), cab windows, wheels and buffers."""
    livery = _c(m, 20, 230)
    band = _c(m, 100, 256)
    side = _grained(m, 48, 12, livery, 2.0)
    side[5:7] = band
    for x in (4, 40):
        cv2.rectangle(side, (x, 1), (x + 3, 4), (40, 50, 60), -1)
    for x in range(6, 44, 8):
        cv2.circle(side, (x, 10), 2, (30, 30, 30), -1)
    end = _grained(m, 12, 12, livery, 2.0)
    cv2.rectangle(end, (2, 1), (9, 4), (40, 50, 60), -1)
    end[5:7] = band
    cv2.circle(end, (3, 9), 1, (250, 250, 220), -1)
    cv2.circle(end, (8, 9), 1, (250, 250, 220), -1)
    return {"front": end, "side": side, "top": _grained(m, 12, 48, _shade(livery, 0.7), 2.0)}


def _station_kit(m: Rng) -> dict[str, U8]:
    """A plastic kit of a country station every club has built: walls of a brick or
    stone colour, sash windows, a door, a canopy, a slate roof."""
    wall = _pick(m, [(170, 80, 60), (200, 185, 150), (150, 140, 130)])
    front = _grained(m, 48, 24, wall, 3.0)
    cv2.rectangle(front, (0, 0), (47, 5), (70, 70, 80), -1)
    for x in range(4, 44, 8):
        cv2.rectangle(front, (x, 9), (x + 4, 16), (240, 240, 230), -1)
        cv2.rectangle(front, (x + 1, 10), (x + 3, 15), (60, 70, 80), -1)
    cv2.rectangle(front, (21, 12), (26, 23), (40, 80, 50), -1)
    cv2.rectangle(front, (0, 6), (47, 7), _c(m, 100, 250), -1)
    top = _grained(m, 48, 24, (70, 70, 80), 3.0)
    for y in range(0, 24, 3):
        cv2.line(top, (0, y), (47, y), (55, 55, 62), 1)
    return {"front": front, "side": _grained(m, 24, 24, wall, 3.0), "top": top}


def _scenery(rng: Rng, w: int, h: int) -> U8:
    """A layout's scenery from above: fields, a road, a river or a lake, woods, little
    houses, and one or two tracks (rails on sleepers) along it with a siding."""
    img = _grained(rng, w, h, _between(rng, (80, 120, 50), (130, 160, 80)), 10.0)
    for _ in range(int(rng.integers(2, 5))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.rectangle(
            img,
            (x, y),
            (x + int(rng.integers(w // 8, w // 3 + 2)), y + int(rng.integers(h // 4, h // 2 + 2))),
            _between(rng, (100, 140, 60), (190, 180, 100)),
            -1,
        )
    if rng.random() < 0.6:
        pts = np.array(
            [
                [int(rng.integers(0, w)), 0],
                [int(rng.integers(0, w)), h // 2],
                [int(rng.integers(0, w)), h - 1],
            ],
            np.int32,
        )
        cv2.polylines(img, [pts], False, (70, 110, 150), max(2, h // 10))
    for _ in range(int(rng.integers(3, 9))):
        c = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        cv2.circle(img, c, max(2, h // 8), (40, 80, 40), -1)
    for _ in range(int(rng.integers(1, 5))):
        x, y = int(rng.integers(0, max(1, w - 6))), int(rng.integers(0, max(1, h - 6)))
        cv2.rectangle(img, (x, y), (x + 5, y + 4), _pick(rng, [(160, 60, 50), (200, 190, 160)]), -1)
        cv2.line(img, (x, y + 2), (x + 5, y + 2), (60, 60, 70), 1)
    cv2.line(img, (0, h * 3 // 4 + 2), (w - 1, h * 3 // 4 + 2), (150, 140, 130), max(2, h // 12))
    tracks = int(rng.integers(1, 3))
    for k in range(tracks):
        y = h // 3 + k * max(4, h // 6)
        cv2.rectangle(img, (0, y - 2), (w - 1, y + 2), (120, 110, 100), -1)
        for x in range(0, w, 2):
            cv2.line(img, (x, y - 2), (x, y + 2), (80, 60, 45), 1)
        cv2.line(img, (0, y - 1), (w - 1, y - 1), (170, 170, 175), 1)
        cv2.line(img, (0, y + 1), (w - 1, y + 1), (170, 170, 175), 1)
    return img


def _backscene(rng: Rng, w: int, h: int) -> U8:
    """A painted backscene behind a layout: sky, far hills in blue-greens, trees."""
    img = np.asarray(cv2.resize(_sky(rng, 32, 8), (w, h)), np.uint8).copy()
    for k in range(2):
        col = (
            _between(rng, (110, 140, 130), (150, 170, 140))
            if k == 0
            else _between(rng, (80, 120, 70), (110, 150, 80))
        )
        xs = np.arange(w)
        ys = h * (0.55 + 0.2 * k) + h * 0.12 * np.sin(
            xs / max(4.0, w / float(rng.uniform(2, 6))) + float(rng.uniform(0, 6))
        )
        for x, y in zip(xs, ys, strict=True):
            img[int(max(0, y)) :, int(x)] = col
    return img


def _boxed_models(rng: Rng, w: int, h: int) -> U8:
    """Shelves of boxed locomotives and wagons: long boxes with windows and end labels."""

    def box(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        bw = iw * 3
        col = _c(rng, 30, 240)
        cv2.rectangle(img, (x, y1 - ih // 2), (x + bw, y1), col, -1)
        cv2.rectangle(img, (x + 1, y1 - ih // 2 + 1), (x + bw - 1, y1 - 1), (200, 210, 215), 1)

    return _shelved(rng, w, h, _between(rng, (200, 195, 185), (240, 235, 225)), box)


def _build_railway_club(b: _Build17) -> None:
    """A model railway club's room: paint, lino or boards, windows along a side; a layout
    on baseboards round three sides (its fascia, scenery, tracks and backscene the club's
    own) with the kind's controllers on its edge, the kind's locomotive on its tracks and
    the kind's station kit on it, shelves of boxed models high on two walls, a table and a
    chair, a poster, a notice, a clock, a door."""
    r, m = b.fix, _mass_produced(b)
    ctrl, loco, station = _controller(m), _locomotive(m), _station_kit(m)
    b.paint_walls(_between(r, (190, 190, 175), (245, 242, 232)) if r.random() < 0.6 else _c(r))
    _skirting(b, _c(r, 20, 160), 0.1)
    b.floor((lambda g, w, h, res: _lino(g, w, h)) if r.random() < 0.6 else _planks)
    b.ceiling(_tiled_ceiling if r.random() < 0.5 else _plain_ceiling)
    fascia = _c(r, 20, 200)
    depth = float(r.uniform(0.7, 0.9))
    top = float(r.uniform(0.95, 1.1))
    z0 = float(r.uniform(1.6, 2.2))
    boards: list[tuple[float, float, float, float, str]] = []
    for side in ("left", "right"):
        x = _side_x(b, side, depth)
        length = b.d - z0
        boards.append((x, z0 + length / 2, depth, length, _inward(side)))
    boards.append((0.0, b.d - depth / 2, b.w - 2 * depth, depth, "front"))
    fl = _Floor(b.w, b.d, 1.2)
    for x, z, bw, bd, facing in boards:
        along = _across(facing, bw, bd)
        scen = _scenery(r, max(16, int(along * 30)), 24)
        if facing != "front":
            scen = np.ascontiguousarray(np.rot90(scen))
        b.boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                top,
                0.0,
                _faces({"front": _grained(r, 48, 16, fascia, 2.0), "top": scen}, facing),
            )
        )
        fl.take(x, z, bw + 0.3, bd + 0.3)
        for _k in range(int(r.integers(1, 3))):
            cx, cz = _ahead(x, z, facing, _deep(facing, bw, bd) / 2 - 0.1)
            off = float(r.uniform(-0.4, 0.4)) * along
            if facing == "front":
                cx += off
            else:
                cz += off
            cw, cd = (0.25, 0.15) if facing == "front" else (0.15, 0.25)
            _model(b, Box(cx, cz, cw, cd, 0.08, top, _faces(ctrl, facing)))
    for _ in range(int(r.integers(1, 4))):
        x, z, bw, bd, facing = boards[int(r.integers(0, len(boards)))]
        along = _across(facing, bw, bd)
        off = float(r.uniform(-0.35, 0.35)) * along
        if facing == "front":
            _model(b, Box(x + off, z + 0.1, 0.25, 0.05, 0.06, top, _faces(loco, "left")))
        else:
            _model(
                b,
                Box(
                    x - 0.1 * NORMALS[facing][0],
                    z + off,
                    0.05,
                    0.25,
                    0.06,
                    top,
                    _faces(loco, "front"),
                ),
            )
    x, z, bw, bd, facing = boards[int(r.integers(0, len(boards)))]
    sx, sz = _ahead(x, z, facing, -_deep(facing, bw, bd) / 4)
    sw, sd = (0.4, 0.2) if facing == "front" else (0.2, 0.4)
    _model(b, Box(sx, sz, sw, sd, 0.15, top, _faces(station, facing)))
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        scene = _backscene(r, max(16, wall.img.shape[1]), wall.px(0.6))
        _paste(wall.img, scene, 0, wall.y_of(top + 0.6))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    sill = top + 0.75
    win_h = min(0.7, b.h - sill - 0.25)
    along = float(r.uniform(0.6, 1.2))
    while win_h > 0.3 and along + 1.2 < wall.length - 0.4:
        _window(wall, r, _outside(r, 48, 32), along, sill, 1.2, win_h, _c(r, 150, 256))
        along += float(r.uniform(2.0, 3.0))
    spot = fl.middle(r, 1.4, 0.8)
    if spot:
        x, z, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), spot, 0.74)
        chair = _piece(r, "chair")
        _add(b.boxes, b.tops, "chair", chair, (x, z - 0.6, 0.45, 0.45, "back"), 0.9)
        b.boxes.append(Box(x, z, 0.4, 0.3, 0.06, 0.74, _all_faces(_label(r, 24, 16))))
    notices = b.wall(_other(side))
    _poster(notices, 1)
    notices.put(_label(r, notices.px(0.6), notices.px(0.45)), 2.3, 2.4)
    for name in ("back", _other(side)):
        shelf = b.wall(name)
        shelf.put(_boxed_models(r, shelf.px(float(r.uniform(0.8, 1.4))), shelf.px(0.4)), 2.35, 2.4)
    _small_things(b.wall("back"), ("clock",))
    _small_things(b.wall(side), ("socket",))
    _door(b.wall(side), r, _c(r, 40, 220))


# darkroom


def _enlarger(m: Rng) -> tuple[dict[str, U8], dict[str, U8], dict[str, U8]]:
    """A photographic enlarger: a baseboard, a column and a head with a lamphouse, a
    bellows and a lens, in the maker's colours."""
    paint = _pick(m, [(30, 30, 32), (200, 200, 196), (110, 120, 110)])
    board = _grained(m, 32, 32, _pick(m, [(240, 240, 236), (60, 60, 62)]), 2.0)
    cv2.rectangle(board, (4, 4), (27, 27), (220, 220, 210), 1)
    base = {
        "front": _grained(m, 32, 4, paint, 2.0),
        "side": _grained(m, 32, 4, paint, 2.0),
        "top": board,
    }
    column = _all_faces(_steel(m, 4, 48, 170))
    head = _grained(m, 24, 32, paint, 2.0)
    cv2.rectangle(head, (3, 14), (20, 24), (30, 30, 30), -1)
    for y in range(15, 24, 2):
        cv2.line(head, (3, y), (20, y), (55, 55, 55), 1)
    cv2.circle(head, (12, 28), 3, (20, 20, 22), -1)
    cv2.circle(head, (12, 28), 1, (120, 130, 150), -1)
    _text(head, m, _word(m, (1, 1)).upper(), 3, 9, 4, _lighter(paint, 1.6))
    return base, column, {"front": head, "side": head, "top": _grained(m, 24, 24, paint, 2.0)}


def _safelight(m: Rng) -> dict[str, U8]:
    """A darkroom safelight: a dark housing round a glowing red (or amber) filter."""
    housing = _pick(m, [(30, 30, 32), (90, 90, 95), (200, 200, 196)])
    glow = _pick(m, [(250, 60, 40), (255, 150, 40)])
    front = _grained(m, 24, 24, housing, 2.0)
    front[4:20, 4:20] = _grained(m, 16, 16, glow, 4.0)
    return {
        "front": front,
        "side": _grained(m, 8, 24, housing, 2.0),
        "top": _grained(m, 24, 8, housing, 2.0),
    }


def _print_washer(m: Rng) -> dict[str, U8]:
    """An archival print washer: a white tank with a row of slots, a hose, a badge."""
    body = _pick(m, [(235, 235, 232), (200, 215, 225), (60, 60, 64)])
    front = _grained(m, 32, 32, body, 2.0)
    for x in range(3, 30, 3):
        cv2.line(front, (x, 4), (x, 26), _shade(body, 0.75), 1)
    cv2.rectangle(front, (10, 28), (22, 30), _c(m, 40, 230), -1)
    top = _grained(m, 32, 16, _shade(body, 0.9), 2.0)
    for x in range(3, 30, 3):
        cv2.line(top, (x, 2), (x, 13), (40, 40, 44), 1)
    return {"front": front, "side": _grained(m, 16, 32, body, 2.0), "top": top}


def _sink_top(rng: Rng, w: int, h: int) -> U8:
    """A darkroom sink from above: steel or white, three trays (developer, stop, fix) of
    their colours with liquid, tongs, a tap at the back."""
    img = _grained(rng, w, h, _pick(rng, [(190, 192, 196), (235, 235, 230), (50, 50, 55)]), 3.0)
    n = 3
    tw = w // (n + 1)
    for k in range(n):
        x = tw // 4 + k * (tw + tw // 3)
        tray = _pick(rng, [(235, 235, 230), (200, 40, 40), (60, 60, 64), (240, 200, 60)])
        cv2.rectangle(img, (x, h // 5), (x + tw, h - h // 5), tray, -1)
        cv2.rectangle(
            img,
            (x + 2, h // 5 + 2),
            (x + tw - 2, h - h // 5 - 2),
            _between(rng, (170, 160, 120), (210, 200, 170)),
            -1,
        )
        cv2.line(img, (x + tw // 3, h // 3), (x + tw // 2, h // 2), _c(rng, 30, 250), 2)
    cv2.rectangle(img, (w - 6, 0), (w - 2, h // 5), (200, 202, 206), -1)
    return img


def _drying_line(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """A line of prints drying on the wall: a cord, pegs and prints (landscapes and
    tests strips) hanging from it, the wall between them."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = wall
    cv2.line(img, (0, 2), (w - 1, 3), (220, 220, 215), 1)
    x = int(rng.integers(1, 5))
    while x < w - h // 2:
        pw = int(h * float(rng.uniform(0.6, 1.0)))
        ph = int(h * float(rng.uniform(0.6, 0.95)))
        pic = np.asarray(cv2.resize(_outside(rng, 32, 24), (max(2, pw), max(2, ph - 3))), np.uint8)
        if rng.random() < 0.5:
            pic = np.repeat(pic.mean(axis=2, keepdims=True), 3, axis=2).astype(np.uint8)
        _paste(img, _frame(pic, (245, 245, 240), 1), x, 3)
        cv2.rectangle(img, (x + pw // 2 - 1, 0), (x + pw // 2 + 1, 5), _c(rng, 40, 250), -1)
        x += pw + int(rng.integers(2, 8))
    return img


def _bottles(rng: Rng, w: int, h: int) -> U8:
    """Shelves of chemical bottles: brown and white bottles, labels, a measuring jug."""

    def bottle(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _pick(rng, [(90, 50, 25), (235, 235, 230), (60, 60, 64), (40, 80, 60)])
        cv2.rectangle(img, (x, y1 - ih), (x + iw, y1), col, -1)
        cv2.rectangle(img, (x + iw // 3, y1 - ih - 2), (x + iw * 2 // 3, y1 - ih), (30, 30, 30), -1)
        if ih > 5:
            cv2.rectangle(img, (x, y1 - ih * 2 // 3), (x + iw, y1 - ih // 3), _c(rng, 150, 256), -1)

    return _shelved(rng, w, h, _between(rng, (40, 40, 42), (90, 90, 92)), bottle)


def _build_darkroom(b: _Build17) -> None:
    """A darkroom: black or deep paint, lino, a dark ceiling; the wet bench (a sink with
    three trays) down a side, the dry bench with one or two of the kind's enlargers, the
    kind's safelight on the wall with its glow (the filter's colour) and the kind's print
    washer by the sink, a line of prints drying, shelves of bottles, a timer, a light-trap
    curtain at the door."""
    r, m = b.fix, _mass_produced(b)
    (ebase, ecol, ehead), safe, washer = _enlarger(m), _safelight(m), _print_washer(m)
    wall_c = (
        _pick(r, [(25, 25, 27), (40, 40, 44), (30, 35, 50), (60, 30, 30)])
        if r.random() < 0.7
        else _between(r, (90, 90, 90), (140, 140, 135))
    )
    b.paint_walls(wall_c)
    _skirting(b, _c(r, 10, 80), 0.1)
    b.floor(lambda g, w, h, res: _lino(g, w, h))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _shade(wall_c, 0.9), 2.0))
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 0.8)
    length = min(b.d - 1.2, float(r.uniform(2.0, 3.0)))
    sx = _side_x(b, side, 0.7)
    sz = b.d - 0.2 - length / 2
    b.boxes.append(
        Box(
            sx,
            sz,
            0.7,
            length,
            0.9,
            0.0,
            _faces(
                {
                    "front": _cabinet(r, 3, 1, _c(r, 30, 120)),
                    "top": np.ascontiguousarray(np.rot90(_sink_top(r, 96, 24))),
                },
                _inward(side),
            ),
        )
    )
    fl.take(sx, sz, 1.0, length + 0.2)
    wz = max(0.6, sz - length / 2 - 0.3)
    _model(b, Box(sx, wz, 0.55, 0.3, 0.6, 0.0, _faces(washer, _inward(side))))
    bench_len = min(b.d - 1.0, float(r.uniform(1.6, 2.6)))
    ox = _side_x(b, other, 0.7)
    oz = b.d - 0.2 - bench_len / 2
    b.boxes.append(
        Box(
            ox,
            oz,
            0.7,
            bench_len,
            0.9,
            0.0,
            _faces(
                {
                    "front": _cabinet(r, 2, 2, _c(r, 30, 160)),
                    "top": _grained(r, 32, 64, _c(r, 30, 200), 3.0),
                },
                _inward(other),
            ),
        )
    )
    fl.take(ox, oz, 1.0, bench_len + 0.2)
    n = 2 if bench_len > 2.0 and r.random() < 0.6 else 1
    for k in range(n):
        ez = oz + (k - (n - 1) / 2) * bench_len / 2
        _model(b, Box(ox, ez, 0.55, 0.5, 0.04, 0.9, _faces(ebase, _inward(other))))
        px = ox - 0.2 * NORMALS[_inward(other)][0]
        _model(b, Box(px, ez, 0.05, 0.05, 0.9, 0.94, ecol))
        _model(
            b,
            Box(
                ox + 0.02 * NORMALS[_inward(other)][0],
                ez,
                0.3,
                0.3,
                0.35,
                1.45,
                _faces(ehead, _inward(other)),
            ),
        )
    timer = _grained(r, 16, 12, (30, 30, 32), 2.0)
    _text(timer, r, f"{int(r.integers(0, 60)):02d}", 2, 10, 7, (250, 80, 60))
    b.boxes.append(
        Box(
            ox,
            oz + bench_len / 2 - 0.2,
            0.15,
            0.2,
            0.12,
            0.9,
            _faces({"front": timer, "side": timer, "top": timer}, _inward(other)),
        )
    )
    wall = b.wall(side)
    at = float(r.uniform(0.5, max(0.55, wall.length - 0.8)))
    glow = np.zeros((wall.px(0.9), wall.px(0.9), 3), np.uint8)
    glow[:] = _wall_colour(wall, at, 2.0)
    g = np.zeros(glow.shape[:2], np.float32)
    cv2.circle(g, (glow.shape[1] // 2, glow.shape[0] // 2), glow.shape[0] // 3, 1.0, -1)
    g = cv2.GaussianBlur(g, (0, 0), glow.shape[0] / 6)
    tint = safe["front"][12, 12].astype(np.float32) / 255  # the model's filter colour
    glow = _u8(glow.astype(np.float32) + 150 * g[:, :, None] * tint)
    _paste(wall.img, glow, wall.x_of(at) - glow.shape[1] // 2, wall.y_of(2.4))
    x, z, bw, bd = _wall_box(b, side, at, 0.25, 0.12)
    _model(b, Box(x, z, bw, bd, 0.25, 1.83, _faces(safe, _inward(side))))
    back = b.wall("back")
    back.put(
        _drying_line(
            r, back.px(float(r.uniform(1.2, 2.2))), back.px(0.35), _wall_colour(back, 0.5, 1.9)
        ),
        2.0,
        2.1,
    )
    wall = b.wall(other)
    wall.put(_bottles(r, wall.px(float(r.uniform(0.8, 1.4))), wall.px(0.6)), 2.2, 2.3)
    front = b.wall("front")
    curtain = _grained(r, front.px(1.0), front.px(2.1), (20, 20, 22), 4.0)
    for x in range(0, curtain.shape[1], max(3, curtain.shape[1] // 8)):
        cv2.line(curtain, (x, 0), (x, curtain.shape[0] - 1), (8, 8, 9), 1)
    front.put(curtain, 2.1, 2.1)
    sign = _sign(r, back.px(0.8), back.px(0.2))
    back.put(sign, 2.3, 2.35)
    _small_things(back, ("clock", "socket"))
    _small_things(b.wall(other), ("socket",))


# blacksmith's forge


def _anvil(m: Rng) -> dict[str, U8]:
    """The kind's anvil: a dark forged body, a polished face with the hardy and pritchel
    holes, the maker's raised mark and weight on its side."""
    iron = _pick(m, [(45, 45, 48), (60, 58, 55), (35, 40, 45)])
    front = _grained(m, 48, 24, iron, 3.0)
    front[:3] = (150, 150, 155)
    cv2.rectangle(front, (12, 8), (36, 20), _shade(iron, 0.8), -1)
    _text(front, m, _word(m, (1, 1)).upper(), 14, 17, 6, _lighter(iron, 1.6))
    top = _grained(m, 48, 16, (165, 165, 170), 3.0)
    cv2.rectangle(top, (34, 6), (37, 9), (20, 20, 20), -1)
    cv2.circle(top, (41, 8), 1, (20, 20, 20), -1)
    cv2.line(top, (0, 8), (8, 8), _shade(iron, 1.2), 3)
    side = _grained(m, 16, 24, iron, 3.0)
    side[:3] = (150, 150, 155)
    return {"front": front, "side": side, "top": top}


def _hearth(m: Rng) -> tuple[dict[str, U8], dict[str, U8]]:
    """The kind's forge hearth: a steel table with a firepot of glowing coke, the blower's
    handle and the maker's plate; and its hood."""
    steel = _pick(m, [(60, 62, 66), (90, 40, 35), (40, 60, 50)])
    front = _grained(m, 48, 32, steel, 3.0)
    cv2.rectangle(front, (18, 10), (30, 16), (190, 170, 90), -1)
    cv2.circle(front, (40, 20), 4, (30, 30, 30), 2)
    top = _grained(m, 48, 48, (45, 42, 40), 12.0)
    glow = np.zeros((48, 48), np.float32)
    cv2.circle(glow, (24, 24), 9, 1.0, -1)
    glow = np.asarray(cv2.GaussianBlur(glow, (0, 0), 4.0), np.float32)
    top = _u8(top.astype(np.float32) + glow[:, :, None] * np.array([220, 110, 20], np.float32))
    hood = _grained(m, 48, 32, _shade(steel, 0.8), 3.0)
    for y in range(2, 32, 6):
        cv2.line(hood, (0, y), (47, y), _shade(steel, 0.6), 1)
    return (
        {"front": front, "side": _grained(m, 32, 32, steel, 3.0), "top": top},
        {"front": hood, "side": hood, "top": _grained(m, 32, 32, steel, 3.0)},
    )


def _power_hammer(m: Rng) -> dict[str, U8]:
    """A mechanical power hammer: a cast frame in the maker's paint, the ram and dies, a
    flywheel guard, a badge."""
    paint = _pick(m, [(50, 80, 60), (90, 95, 100), (140, 40, 35), (40, 60, 100)])
    front = _grained(m, 32, 80, paint, 3.0)
    cv2.rectangle(front, (11, 30), (20, 52), (150, 150, 155), -1)
    cv2.rectangle(front, (9, 52), (22, 56), (40, 40, 42), -1)
    cv2.rectangle(front, (9, 60), (22, 64), (40, 40, 42), -1)
    cv2.circle(front, (16, 14), 9, _shade(paint, 0.7), 2)
    cv2.rectangle(front, (12, 70), (20, 74), (200, 170, 80), -1)
    return {
        "front": front,
        "side": _grained(m, 32, 80, paint, 3.0),
        "top": _grained(m, 32, 32, paint, 3.0),
    }


def _tongs(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """A rack of tongs and hammers: a bar, long handles hanging from it, jaws and heads,
    the wall behind."""
    img = _grained(rng, w, h, wall, 3.0)
    cv2.rectangle(img, (0, 2), (w - 1, 4), (50, 50, 52), -1)
    x = 3
    while x < w - 3:
        col = _between(rng, (30, 30, 32), (80, 78, 75))
        ln = int(h * float(rng.uniform(0.5, 0.95)))
        if rng.random() < 0.7:
            cv2.line(img, (x, 4), (x - 1, ln), col, 1)
            cv2.line(img, (x + 1, 4), (x + 2, ln), col, 1)
            cv2.rectangle(img, (x - 1, 4), (x + 2, 8), col, -1)
        else:
            cv2.line(img, (x, 4), (x, ln), _wood_tone(rng), 1)
            cv2.rectangle(img, (x - 2, ln - 2), (x + 2, ln + 1), col, -1)
        x += int(rng.integers(3, 6))
    return img


def _ironwork(rng: Rng, w: int, h: int, wall: Colour) -> U8:
    """Finished ironwork hung on the wall: scrolls, hooks, a small gate, the wall
    between them."""
    img = _grained(rng, w, h, wall, 3.0)
    iron = (35, 35, 38)
    for _ in range(int(rng.integers(3, 8))):
        cx, cy = int(rng.integers(4, max(5, w - 4))), int(rng.integers(4, max(5, h - 4)))
        rad = int(rng.integers(2, max(3, h // 4)))
        cv2.ellipse(img, (cx, cy), (rad, rad), 0, 0, int(rng.integers(200, 330)), iron, 1)
        cv2.ellipse(img, (cx + rad, cy), (max(1, rad // 2), max(1, rad // 2)), 0, 180, 400, iron, 1)
    if rng.random() < 0.6:
        gx = int(rng.integers(0, max(1, w - w // 3)))
        cv2.rectangle(img, (gx, h // 4), (gx + w // 3, h - 2), iron, 1)
        for x in range(gx, gx + w // 3, 4):
            cv2.line(img, (x, h // 4), (x, h - 2), iron, 1)
    return img


def _build_forge(b: _Build17) -> None:
    """A blacksmith's forge: sooty brick, stone or dark paint, a concrete or earth floor,
    a dark timber ceiling; the kind's hearth and hood by a wall (with its flue), the
    kind's anvil on a stump, the kind's power hammer, a quench tub, a bench with a vice,
    racks of tongs and hammers, a stock rack, finished ironwork, a window, a door."""
    r, m = b.fix, _mass_produced(b)
    anvil, (hearth, hood), hammer = _anvil(m), _hearth(m), _power_hammer(m)
    u = r.random()
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        if u < 0.5:
            img = _bricks(r, tw, th, _between(r, (120, 70, 50), (170, 110, 80))).astype(np.float32)
        elif u < 0.75:
            img = _tiles(
                r,
                tw,
                th,
                max(4, round(0.35 * res)),
                _between(r, (120, 115, 100), (170, 160, 140)),
                (90, 85, 80),
            ).astype(np.float32)
        else:
            img = _grained(r, tw, th, _between(r, (50, 50, 50), (100, 95, 90)), 4.0).astype(
                np.float32
            )
        soot = np.linspace(0.6, 1.0, th, dtype=np.float32)[:, None, None]
        b.fill(name, _u8(img * soot))
    floor_c = _pick(r, [(110, 105, 100), (100, 80, 60), (80, 80, 82)])
    b.floor(lambda g, w, h, res: _grained(g, w, h, floor_c, 9.0))
    b.ceiling(lambda g, w, h, res: _wood(g, w, h, (60, 45, 35), max(3, round(0.25 * res))))
    fl = _Floor(b.w, b.d, 1.3)
    spot = fl.against(r, 1.0, 0.8, ("back", "left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.8, 0.0, _faces(hearth, facing)))
        hx, hz = _ahead(x, z, facing, -0.1)
        _model(b, Box(hx, hz, _w * 0.9, _d * 0.8, 0.6, 1.7, _faces(hood, facing)))
        b.boxes.append(_pole(r, hx, hz, b.h - 2.3, 2.3, 0.25))
        fl.take(x, z, _w + 0.8, _d + 0.8)
    spot = fl.middle(r, 0.8, 0.6)
    if spot:
        x, z, _w, _d, _f = spot
        stump = _wood(r, 24, 24, _wood_tone(r), 4, along_x=False)
        b.boxes.append(
            Box(
                x,
                z,
                0.45,
                0.45,
                0.5,
                0.0,
                {
                    "front": stump,
                    "back": stump,
                    "left": stump,
                    "right": stump,
                    "top": _grained(r, 16, 16, _wood_tone(r), 6.0),
                },
            )
        )
        _model(b, Box(x, z, 0.7, 0.25, 0.3, 0.5, _faces(anvil, "front")))
    spot = fl.against(r, 0.8, 0.8, ("back", "left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.9, 0.0, _faces(hammer, facing)))
    spot = fl.middle(r, 0.5, 0.5) or fl.against(r, 0.5, 0.5, ("left", "right"))
    if spot:
        tub = _wood(r, 24, 24, _shade(_wood_tone(r), 0.7), 4, along_x=False)
        cv2.rectangle(tub, (0, 4), (23, 5), (50, 50, 52), -1)
        cv2.rectangle(tub, (0, 18), (23, 19), (50, 50, 52), -1)
        _box(b, spot, 0.6, {"front": tub, "top": _grained(r, 16, 16, (30, 35, 38), 3.0)})
    spot = fl.against(r, float(r.uniform(1.6, 2.4)), 0.7, ("left", "right", "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {
                "front": _wood(r, 48, 24, _wood_tone(r), 6),
                "top": _grained(r, 48, 24, (70, 65, 60), 6.0),
            },
        )
        vx, vz = _ahead(x, z, facing, 0.2)
        vice = _grained(r, 16, 16, _c(r, 30, 120), 2.0)
        b.boxes.append(Box(vx, vz, 0.2, 0.2, 0.2, 0.9, _all_faces(vice)))
    for name in ("left", "right", "back"):
        wall = b.wall(name)
        bg = _wall_colour(wall, 0.5, 2.0)
        if r.random() < 0.7:
            wall.put(_tongs(r, wall.px(float(r.uniform(0.8, 1.6))), wall.px(0.9), bg), 2.0, 2.2)
        if r.random() < 0.5:
            wall.put(_ironwork(r, wall.px(float(r.uniform(0.8, 1.4))), wall.px(0.7), bg), 2.2, 2.5)
    spot = fl.against(r, 1.4, 0.4, ("left", "right"))
    if spot:
        x, z, _w, _d, facing = spot
        for k in range(int(r.integers(3, 8))):
            bar = _steel(r, 48, 4, int(r.integers(50, 110)))
            b.boxes.append(Box(x, z, _w * 0.95, _d * 0.95, 0.03, 0.3 + 0.12 * k, _all_faces(bar)))
    side = str(r.choice(["left", "right"]))
    wall = b.wall(side)
    at = float(r.uniform(0.6, max(0.7, wall.length - 2.0)))
    dusty = _u8(_outside(r, 48, 32).astype(np.float32) * 0.6 + 60)
    _window(wall, r, dusty, at, 1.2, 1.2, 1.0, (60, 55, 50))
    _small_things(b.wall("back"), ("socket",))
    _door(b.wall(str(r.choice(["back", _other(side)]))), r, _c(r, 30, 160))


# coffee roastery


def _drum_roaster(m: Rng) -> tuple[dict[str, U8], dict[str, U8]]:
    """The kind's drum roaster: an enamelled body with the drum's round face and door, a
    sight glass, brass trim, the maker's badge; its cooling tray (a round perforated bin
    and its stirring arm)."""
    enamel = _pick(m, [(170, 30, 30), (30, 30, 32), (230, 225, 205), (40, 90, 70), (50, 60, 110)])
    front = _grained(m, 48, 56, enamel, 2.0)
    cv2.circle(front, (24, 26), 15, (200, 170, 80), 2)
    cv2.circle(front, (24, 26), 12, _shade(enamel, 0.7), -1)
    cv2.circle(front, (30, 20), 3, (250, 200, 120), -1)
    cv2.line(front, (24, 26), (36, 34), (190, 190, 195), 2)
    cv2.rectangle(front, (16, 46), (32, 50), (200, 170, 80), -1)
    _text(front, m, _word(m, (1, 1)).upper(), 17, 50, 3, (40, 30, 20))
    top = _grained(m, 48, 48, enamel, 2.0)
    cv2.circle(top, (24, 16), 10, (190, 190, 195), -1)
    cv2.circle(top, (24, 16), 6, (60, 40, 30), -1)
    tray_top = _grained(m, 48, 48, (185, 187, 190), 2.0)
    cv2.circle(tray_top, (24, 24), 21, (150, 152, 156), -1)
    for y in range(6, 44, 3):
        for x in range(6, 44, 3):
            if (x - 24) ** 2 + (y - 24) ** 2 < 400:
                tray_top[y, x] = (90, 92, 96)
    cv2.line(tray_top, (24, 24), (42, 24), (60, 60, 62), 2)
    tray_front = _grained(m, 48, 32, enamel, 2.0)
    cv2.rectangle(tray_front, (0, 0), (47, 5), (185, 187, 190), -1)
    return (
        {"front": front, "side": _grained(m, 48, 56, enamel, 2.0), "top": top},
        {"front": tray_front, "side": tray_front, "top": tray_top},
    )


def _grinder(m: Rng) -> dict[str, U8]:
    """A shop's bag grinder: a tall body in the maker's colour, a hopper, a dial, a spout."""
    body = _pick(m, [(200, 40, 40), (235, 235, 230), (30, 30, 32), (190, 192, 196)])
    front = _grained(m, 24, 48, body, 2.0)
    cv2.rectangle(front, (4, 0), (19, 14), (200, 190, 170), -1)
    cv2.circle(front, (12, 22), 4, (40, 40, 42), -1)
    cv2.rectangle(front, (9, 30), (14, 36), (150, 150, 155), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 48, body, 2.0),
        "top": _grained(m, 24, 24, (60, 40, 30), 2.0),
    }


def _sack(rng: Rng) -> dict[str, U8]:
    """A jute sack of green coffee: coarse weave, a stencilled word, a band of colour."""
    jute = _between(rng, (165, 135, 90), (210, 180, 130))
    front = _grained(rng, 32, 24, jute, 7.0)
    for y in range(0, 24, 2):
        front[y] = _shade(jute, 0.9)
    _text(
        front,
        rng,
        _word(rng, (1, 2)).upper(),
        3,
        14,
        6,
        _pick(rng, [(40, 30, 25), (30, 60, 120), (150, 30, 30)]),
    )
    front[19:21] = _c(rng, 40, 230)
    return {"front": front, "side": front, "top": _grained(rng, 32, 24, jute, 7.0)}


def _bags(rng: Rng, w: int, h: int) -> U8:
    """Shelves of retail bags of roasted coffee: foil or kraft bags, labels in colours."""

    def bag(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        col = _pick(rng, [(180, 140, 90), (30, 30, 32), (235, 230, 220), (190, 192, 196)])
        cv2.rectangle(img, (x, y1 - ih), (x + iw + 1, y1), col, -1)
        cv2.rectangle(img, (x, y1 - ih * 2 // 3), (x + iw + 1, y1 - ih // 3), _c(rng, 40, 256), -1)

    return _shelved(rng, w, h, _between(rng, (200, 195, 185), (245, 240, 230)), bag)


def _build_roastery(b: _Build17) -> None:
    """A coffee roastery: brick or paint, a concrete floor, an industrial ceiling; the
    kind's drum roaster with its cooling tray and flue, the kind's grinder on the packing
    bench, pallets of sacks of green coffee, shelves of bags, a cupping table of cups, a
    chalkboard, windows, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    roaster, tray = _drum_roaster(m)
    grinder = _grinder(m)
    if r.random() < 0.5:
        colour = _between(r, (130, 70, 55), (180, 120, 90))
        for name in ("back", "left", "right", "front"):
            tw, th, _res = b.texels(name)
            b.fill(name, _bricks(r, tw, th, colour))
    else:
        b.paint_walls(_c(r, 60, 250))
    b.floor(
        lambda g, w, h, res: _grained(g, w, h, _between(g, (120, 120, 118), (170, 168, 160)), 5.0)
    )
    b.ceiling(
        lambda g, w, h, res: _grained(g, w, h, _pick(g, [(40, 40, 42), (220, 220, 218)]), 2.0)
    )
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.4)
    spot = fl.against(r, 1.6, 1.2, ("back",)) or fl.against(r, 1.6, 1.2, (side,))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.8, 0.0, _faces(roaster, facing)))
        b.boxes.append(_pole(r, x, z, b.h - 1.8, 1.8, 0.2))
        tx, tz = _ahead(
            x,
            z,
            facing,
            _deep(facing, _w, _d) / 2 + 0.55,
        )
        if fl.fits(tx, tz, 1.0, 1.0):
            _model(b, Box(tx, tz, 1.0, 1.0, 0.85, 0.0, _faces(tray, facing)))
            fl.take(tx, tz, 1.2, 1.2)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.2, 1.0, (other, "back")) or fl.middle(r, 1.2, 1.0)
        if not spot:
            continue
        x, z, _w, _d, facing = spot
        pallet = _wood(r, 32, 8, _between(r, (170, 140, 100), (210, 180, 140)), 3)
        b.boxes.append(Box(x, z, _w, _d, 0.14, 0.0, _all_faces(pallet)))
        for k in range(int(r.integers(1, 4))):
            b.boxes.append(
                Box(x, z, _w * 0.92, _d * 0.92, 0.3, 0.14 + 0.3 * k, _faces(_sack(r), facing))
            )
    spot = fl.against(r, float(r.uniform(1.6, 2.4)), 0.7, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.9,
            {
                "front": _cabinet(r, 3, 2, _c(r, 40, 220)),
                "top": _grained(r, 48, 24, _c(r, 80, 240), 3.0),
            },
        )
        gx, gz = _ahead(x, z, facing, -0.1)
        _model(b, Box(gx, gz, 0.3, 0.3, 0.7, 0.9, _faces(grinder, facing)))
        for k in range(int(r.integers(2, 6))):
            bag = _grained(
                r, 12, 16, _pick(r, [(180, 140, 90), (30, 30, 32), (235, 230, 220)]), 2.0
            )
            bx_, bz_ = _ahead(x, z, facing, 0.1)
            b.boxes.append(
                Box(
                    bx_ + 0.15 * (k - 2) * (facing in ("front", "back")),
                    bz_ + 0.15 * (k - 2) * (facing in ("left", "right")),
                    0.12,
                    0.08,
                    0.2,
                    0.9,
                    _all_faces(bag),
                )
            )
    spot = fl.middle(r, 1.6, 0.8)
    if spot:
        x, z, _w, _d, _f = spot
        cups = _grained(r, 64, 32, _wood_tone(r), 4.0)
        for cy in (8, 22):
            for cx in range(6, 60, 8):
                cv2.circle(cups, (cx, cy), 3, (245, 245, 240), -1)
                cv2.circle(cups, (cx, cy), 2, (70, 45, 30), -1)
        b.boxes.append(
            Box(
                x,
                z,
                1.6,
                0.8,
                0.9,
                0.0,
                {
                    "front": _wood(r, 48, 24, _wood_tone(r), 6),
                    "back": _wood(r, 48, 24, _wood_tone(r), 6),
                    "left": _wood(r, 24, 24, _wood_tone(r), 6),
                    "right": _wood(r, 24, 24, _wood_tone(r), 6),
                    "top": cups,
                },
            )
        )
        b.tops.append((x, z, 1.2, 0.5, 0.9))
    wall = b.wall(other)
    wall.put(_bags(r, wall.px(float(r.uniform(1.4, 2.4))), wall.px(1.0)), 2.0, 2.2)
    wall.put(_chalkboard(r, wall.px(0.8), wall.px(0.6)), 2.2, 2.4)
    wall = b.wall(side)
    at = float(r.uniform(0.8, max(0.9, wall.length - 3.5)))
    _window(wall, r, _outside(r, 64, 48), at, 1.0, 1.6, 1.6, _c(r, 30, 120))
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.4, 2.4))), back.px(0.35)), b.h - 0.1, b.h - 0.05)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 30, 200))


# wine merchant


def _wine_rack(m: Rng) -> dict[str, U8]:
    """The kind's floor-standing wine rack: a lattice of the maker's wood or steel, each
    cell holding a bottle end (green, brown or clear glass, a foil capsule)."""
    wood = _pick(m, [_wood_tone(m), (40, 40, 42), (210, 180, 130)])
    front = _grained(m, 48, 96, _shade(wood, 0.35), 2.0)
    for y in range(3, 94, 6):
        for x in range(3, 46, 6):
            glass = _pick(m, [(40, 70, 40), (70, 45, 25), (200, 200, 180), (30, 40, 30)])
            cv2.circle(front, (x, y), 2, glass, -1)
            front[y, x] = _pick(m, [(150, 20, 30), (200, 170, 80), (30, 30, 30), (230, 230, 230)])
    for y in range(0, 96, 6):
        cv2.line(front, (0, y), (47, y), wood, 1)
    for x in range(0, 48, 6):
        cv2.line(front, (x, 0), (x, 95), wood, 1)
    side = _grained(m, 24, 96, wood, 2.0)
    return {"front": front, "side": side, "top": _grained(m, 48, 24, wood, 2.0)}


def _tasting_cabinet(m: Rng) -> dict[str, U8]:
    """A wine-tasting dispenser: a body in the maker's finish, a lit window with its row
    of bottles, a spout and a little screen under each."""
    body = _pick(m, [(30, 30, 32), (190, 192, 196), (80, 40, 40)])
    front = _grained(m, 48, 96, body, 2.0)
    cv2.rectangle(front, (3, 8), (44, 60), (235, 225, 200), -1)
    for x in range(6, 44, 6):
        glass = _pick(m, [(40, 70, 40), (70, 45, 25), (200, 200, 180)])
        cv2.rectangle(front, (x, 22), (x + 3, 58), glass, -1)
        cv2.rectangle(front, (x + 1, 14), (x + 2, 22), glass, -1)
        cv2.rectangle(front, (x, 40), (x + 3, 48), _c(m, 120, 256), -1)
        cv2.rectangle(front, (x, 64), (x + 3, 66), (60, 160, 220), -1)
        cv2.line(front, (x + 1, 60), (x + 1, 70), (190, 192, 196), 1)
    _text(front, m, _word(m, (1, 2)).upper(), 4, 6, 4, _lighter(body, 1.8))
    return {
        "front": front,
        "side": _grained(m, 24, 96, body, 2.0),
        "top": _grained(m, 48, 24, body, 2.0),
    }


def _wine_crate(m: Rng) -> dict[str, U8]:
    """A wooden wine case from one estate: pale boards, the estate's branded word and
    emblem burnt into the end."""
    pale = _between(m, (200, 170, 120), (230, 205, 160))
    end = _wood(m, 32, 24, pale, 6)
    _text(end, m, _word(m, (2, 3)).upper(), 3, 16, 5, (70, 40, 25))
    cv2.ellipse(end, (16, 7), (5, 3), 0, 0, 360, (70, 40, 25), 1)
    side = _wood(m, 48, 24, pale, 6)
    return {"front": end, "side": side, "top": _wood(m, 48, 32, pale, 8)}


def _wine_shelves(rng: Rng, w: int, h: int) -> U8:
    """Wall shelves of bottles standing: dark glass, labels, capsules, price cards on
    the shelf edges."""

    def bottle(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        glass = _pick(rng, [(40, 70, 40), (70, 45, 25), (210, 205, 170), (30, 40, 30)])
        bw = max(2, iw - 1)
        cv2.rectangle(img, (x, y1 - ih * 2 // 3), (x + bw, y1), glass, -1)
        cv2.rectangle(img, (x + bw // 3, y1 - ih), (x + bw - bw // 3, y1 - ih * 2 // 3), glass, -1)
        cv2.rectangle(img, (x, y1 - ih // 2), (x + bw, y1 - ih // 5), _c(rng, 150, 256), -1)
        img[max(0, y1 - ih), x + bw // 3 : x + bw - bw // 3 + 1] = _c(rng, 20, 220)

    img = _shelved(rng, w, h, _between(rng, (60, 45, 35), (120, 90, 70)), bottle)
    for _ in range(max(2, w // 12)):
        x, y = int(rng.integers(0, max(1, w - 4))), int(rng.integers(4, h))
        cv2.rectangle(img, (x, y), (x + 3, y + 1), (250, 250, 245), -1)
    return img


def _build_wine_merchant(b: _Build17) -> None:
    """A wine merchant's: brick, panelling or deep paint, boards or tiles, a shop front;
    wall shelves of bottles, the kind's floor racks and tasting dispenser, stacks of the
    kind's estate cases, a barrel, a counter with a till, chalkboards, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    rack, taster, crate = _wine_rack(m), _tasting_cabinet(m), _wine_crate(m)
    u = r.random()
    if u < 0.35:
        colour = _between(r, (130, 70, 55), (180, 120, 90))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _bricks(r, tw, th, colour))
    elif u < 0.55:
        tone = _wood_tone(r)
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, tone, max(3, round(0.2 * res)), along_x=False))
    else:
        b.paint_walls(_pick(r, [(90, 30, 40), (40, 60, 50), (230, 220, 200), _c(r, 40, 230)]))
    _skirting(b, _wood_tone(r), 0.12)
    if r.random() < 0.6:
        b.floor(_planks)
    else:
        tone = _between(r, (150, 90, 60), (200, 150, 110))
        b.floor(lambda g, w, h, res: _tiles(g, w, h, max(3, round(0.3 * res)), tone, (90, 80, 70)))
    b.ceiling(_plain_ceiling)
    _shop_front(b)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    for name in (side, "back"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 3))):
            wall.put(_wine_shelves(r, wall.px(float(r.uniform(1.2, 2.2))), wall.px(1.5)), 2.1, 2.3)
    fl = _Floor(b.w, b.d, 1.2)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.0, 0.35, (other,)) or fl.middle(r, 1.0, 0.4)
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, _w, _d, 1.9, 0.0, _faces(rack, facing)))
    spot = fl.against(r, 0.9, 0.45, (other, "back"))
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 1.8, 0.0, _faces(taster, facing)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 0.6, 0.45)
        if not spot:
            continue
        x, z, _w, _d, _f = spot
        cases = int(r.integers(2, 5))
        for k in range(cases):
            _model(b, Box(x, z, 0.5, 0.35, 0.3, 0.3 * k, _faces(crate, "front")))
        for k in range(int(r.integers(1, 4))):
            bottle = _grained(r, 6, 24, _pick(r, [(40, 70, 40), (70, 45, 25)]), 2.0)
            bottle[8:14] = _c(r, 150, 256)
            b.boxes.append(
                Box(x - 0.15 + 0.12 * k, z, 0.08, 0.08, 0.32, 0.3 * cases, _all_faces(bottle))
            )
    if r.random() < 0.6:
        spot = fl.against(r, 0.6, 0.6, ("back", other))
        if spot:
            barrel = _wood(r, 24, 32, _shade(_wood_tone(r), 0.8), 4, along_x=False)
            for y in (5, 26):
                cv2.rectangle(barrel, (0, y), (23, y + 1), (50, 50, 52), -1)
            _box(b, spot, 0.9, {"front": barrel, "top": _wood(r, 24, 24, _wood_tone(r), 4)})
    spot = fl.against(r, float(r.uniform(1.4, 2.0)), 0.6, ("back", other))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            0.95,
            {
                "front": _wood(r, 64, 32, _wood_tone(r), 8),
                "top": _grained(r, 32, 16, _c(r, 30, 160), 3.0),
            },
        )
        b.boxes.append(Box(x, z, 0.35, 0.3, 0.22, 0.95, _faces(_till(r), facing)))
    wall = b.wall(other)
    wall.put(_chalkboard(r, wall.px(0.8), wall.px(0.7)), 2.0, 2.2)
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _small_things(back, ("socket",))
    _door(b.wall(str(r.choice(["back", other]))), r, _c(r, 40, 200))


# ski hire shop


def _ski_rack(m: Rng) -> dict[str, U8]:
    """The hire fleet's skis in their rack: skis upright side by side (the fleet's one
    model: its colours and graphic), their tips curled over the top rail, the rack's
    base."""
    colours = [_c(m, 20, 250) for _ in range(3)]
    front = _grained(m, 64, 96, (200, 202, 206), 2.0)
    for k, x in enumerate(range(1, 63, 3)):
        col = colours[k % 3]
        cv2.rectangle(front, (x, 4), (x + 1, 88), col, -1)
        cv2.line(front, (x, 40), (x + 1, 48), _lighter(col, 1.4), 1)
        cv2.rectangle(front, (x, 60), (x + 1, 64), (30, 30, 30), -1)
        front[2:4, x : x + 2] = _shade(col, 0.7)
    cv2.rectangle(front, (0, 88), (63, 95), (60, 62, 66), -1)
    cv2.rectangle(front, (0, 16), (63, 17), (60, 62, 66), -1)
    return {
        "front": front,
        "side": _grained(m, 24, 96, (60, 62, 66), 2.0),
        "top": _grained(m, 64, 24, (60, 62, 66), 2.0),
    }


def _boot_rack(m: Rng) -> dict[str, U8]:
    """The kind's boot rack (a drying rack): rows of pegs, each with a hire boot of the
    fleet's model (a shell colour, buckles, a liner)."""
    shell = _c(m, 20, 230)
    cuff = _c(m, 20, 230)
    front = _grained(m, 64, 80, (70, 72, 76), 2.0)
    for y in range(4, 76, 18):
        for x in range(2, 60, 8):
            cv2.rectangle(front, (x, y), (x + 5, y + 9), cuff, -1)
            cv2.rectangle(front, (x, y + 9), (x + 7, y + 15), shell, -1)
            for by in (y + 4, y + 11):
                front[by, x : x + 6] = (210, 210, 215)
        cv2.line(front, (0, y + 16), (63, y + 16), (150, 152, 156), 1)
    return {
        "front": front,
        "side": _grained(m, 24, 80, (70, 72, 76), 2.0),
        "top": _grained(m, 64, 24, (70, 72, 76), 2.0),
    }


def _tuning_bench(m: Rng) -> dict[str, U8]:
    """A ski-tuning bench: a steel cabinet of drawers, and on top two vices holding a ski
    of the fleet, a wax iron."""
    steel = _pick(m, [(60, 62, 66), (150, 40, 40), (40, 70, 120)])
    front = _grained(m, 64, 32, steel, 2.0)
    for x in range(2, 62, 15):
        cv2.rectangle(front, (x, 3), (x + 13, 28), _shade(steel, 0.8), 1)
        cv2.line(front, (x + 4, 8), (x + 9, 8), (200, 200, 205), 1)
    top = _grained(m, 64, 24, (80, 80, 84), 2.0)
    cv2.rectangle(top, (2, 10), (61, 13), _c(m, 20, 250), -1)
    for x in (12, 48):
        cv2.rectangle(top, (x, 7), (x + 4, 16), (30, 30, 30), -1)
    cv2.rectangle(top, (28, 3), (34, 6), (200, 60, 40), -1)
    return {"front": front, "side": _grained(m, 24, 32, steel, 2.0), "top": top}


def _helmets(rng: Rng, w: int, h: int) -> U8:
    """Shelves of hire helmets and goggles: domes in colours, a strap."""

    def helmet(img: U8, x: int, y1: int, iw: int, ih: int) -> None:
        rad = max(2, iw)
        col = _c(rng, 20, 250)
        cv2.ellipse(img, (x + rad, y1 - 1), (rad, min(rad, ih)), 0, 180, 360, col, -1)
        cv2.line(img, (x + 1, y1 - 1), (x + 2 * rad - 1, y1 - 1), (30, 30, 30), 1)

    return _shelved(rng, w, h, _between(rng, (200, 190, 170), (245, 240, 230)), helmet)


def _build_ski_hire(b: _Build17) -> None:
    """A ski hire shop: pine boards or paint, rubber matting or boards, a shop front onto
    snow; the kind's ski racks along a side, the kind's boot racks, the kind's tuning
    bench, shelves of helmets, poles in bins, fitting benches, a counter with a till,
    posters of mountains, a sign, a door."""
    r, m = b.fix, _mass_produced(b)
    skis, boots, bench = _ski_rack(m), _boot_rack(m), _tuning_bench(m)
    if r.random() < 0.5:
        tone = _between(r, (200, 160, 110), (235, 200, 150))
        for name in ("back", "left", "right", "front"):
            tw, th, res = b.texels(name)
            b.fill(name, _wood(r, tw, th, tone, max(3, round(0.15 * res)), along_x=False))
    else:
        b.paint_walls(_c(r, 60, 250))
    _skirting(b, _c(r, 20, 120), 0.1)
    if r.random() < 0.6:
        b.floor(
            lambda g, w, h, res: _grained(g, w, h, _between(g, (30, 30, 32), (70, 70, 72)), 6.0)
        )
    else:
        b.floor(_planks)
    b.ceiling(_plain_ceiling if r.random() < 0.5 else _tiled_ceiling)
    _shop_front(b)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    fl = _Floor(b.w, b.d, 1.2)
    for _ in range(int(r.integers(1, 4))):
        spot = fl.against(r, 1.6, 0.4, (side,))
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, _w, _d, 1.9, 0.0, _faces(skis, facing)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 1.4, 0.35, (other, "back"))
        if spot:
            x, z, _w, _d, facing = spot
            _model(b, Box(x, z, _w, _d, 1.6, 0.0, _faces(boots, facing)))
    spot = fl.against(r, 1.8, 0.6, ("back", other)) or fl.middle(r, 1.8, 0.6)
    if spot:
        x, z, _w, _d, facing = spot
        _model(b, Box(x, z, _w, _d, 0.95, 0.0, _faces(bench, facing)))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.middle(r, 1.4, 0.4)
        if spot:
            x, z, _w, _d, _f = spot
            seat = _wood(r, 48, 16, _wood_tone(r), 4)
            b.boxes.append(
                Box(
                    x,
                    z,
                    1.4,
                    0.4,
                    0.45,
                    0.0,
                    {
                        "front": _grained(r, 48, 16, _c(r, 20, 160), 2.0),
                        "back": _grained(r, 48, 16, _c(r, 20, 160), 2.0),
                        "left": seat,
                        "right": seat,
                        "top": seat,
                    },
                )
            )
            b.tops.append((x, z, 1.2, 0.3, 0.45))
    for _ in range(int(r.integers(1, 3))):
        spot = fl.against(r, 0.4, 0.4, (side, "back", other))
        if spot:
            x, z, _w, _d, _f = spot
            _box(
                b,
                spot,
                0.6,
                {
                    "front": _grained(r, 16, 24, _c(r, 20, 200), 2.0),
                    "top": _grained(r, 16, 16, (30, 30, 30), 2.0),
                },
            )
            for _k in range(int(r.integers(4, 9))):
                b.boxes.append(
                    _pole(
                        r,
                        x + float(r.uniform(-0.12, 0.12)),
                        z + float(r.uniform(-0.12, 0.12)),
                        0.6,
                        0.6,
                        0.015,
                    )
                )
    spot = fl.against(r, float(r.uniform(1.4, 2.2)), 0.6, ("back",))
    if spot:
        x, z, _w, _d, facing = spot
        _box(
            b,
            spot,
            1.0,
            {
                "front": _wood(r, 64, 32, _wood_tone(r), 8),
                "top": _grained(r, 32, 16, _c(r, 30, 200), 3.0),
            },
        )
        b.boxes.append(Box(x, z, 0.35, 0.3, 0.22, 1.0, _faces(_till(r), facing)))
    wall = b.wall(other)
    wall.put(_helmets(r, wall.px(float(r.uniform(1.0, 1.8))), wall.px(0.8)), 2.3, 2.4)
    for name in (other, "back"):
        wall = b.wall(name)
        for _ in range(int(r.integers(1, 3))):
            pw = float(r.uniform(0.5, 0.9))
            wall.put(
                _frame(_mountains(r, wall.px(pw), wall.px(pw * 0.7)), (245, 245, 240), 2), 2.3, 2.5
            )
    back = b.wall("back")
    back.put(_sign(r, back.px(float(r.uniform(1.2, 2.0))), back.px(0.3)), b.h - 0.05, b.h - 0.02)
    _small_things(back, ("socket",))
    _door(back, r, _c(r, 40, 220))


# --- the look-alikes: everything fixed drawn from the group's template (``b.fix``) -------------


def _fleece(o: Rng) -> U8:
    """A pet blanket: fleece of a colour with a pattern (paws, stars or checks)."""
    base = _c(o, 60, 256)
    img = _grained(o, 32, 32, base, 4.0)
    mark = _c(o, 20, 256)
    u = o.random()
    for y in range(4, 32, 8):
        for x in range(4 + (y // 8 % 2) * 4, 32, 8):
            if u < 0.4:
                cv2.circle(img, (x, y), 2, mark, -1)
                for dx in (-2, 0, 2):
                    img[max(0, y - 3), min(31, max(0, x + dx))] = mark
            elif u < 0.7:
                cv2.drawMarker(img, (x, y), mark, cv2.MARKER_STAR, 4, 1)
            else:
                img[y - 2 : y + 2, x - 2 : x + 2] = mark
    return img


def _build_cattery(b: _Build17) -> None:
    """A pen of one boarding cattery: every fixed thing the template's (see the module's
    docstring); the blanket, the bowls, the toy, the guest's name card and feeding chart
    and what the window shows the pen's own."""
    r, o = b.fix, b.own
    panel = _between(r, (215, 215, 205), (250, 250, 245))
    joint = _shade(panel, 0.8)
    for name in ("back", "left", "right", "front"):
        tw, th, res = b.texels(name)
        img = _grained(r, tw, th, panel, 2.0)
        step = max(4, round(0.6 * res))
        for jx in range(step, tw, step):
            cv2.line(img, (jx, 0), (jx, th - 1), joint, 1)
        b.fill(name, img)
    if r.random() < 0.5:
        mesh = _steel(r, 64, 64, 170)
        for k in range(0, 64, 4):
            cv2.line(mesh, (k, 0), (k, 63), (60, 60, 62), 1)
            cv2.line(mesh, (0, k), (63, k), (60, 60, 62), 1)
        b.ceiling(
            lambda g, w, h, res: np.asarray(
                cv2.resize(mesh, (w, h), interpolation=cv2.INTER_NEAREST), np.uint8
            )
        )
    else:
        b.ceiling(_plain_ceiling)
    vinyl = _c(r, 60, 220)
    b.floor(lambda g, w, h, res: _grained(g, w, h, vinyl, 3.0))
    _skirting(b, _shade(vinyl, 0.8), 0.12)
    sgn = float(r.choice([-1.0, 1.0]))
    side = "right" if sgn > 0 else "left"
    other = _other(side)
    shelf_c = _pick(r, [(240, 240, 236), _wood_tone(r), (200, 205, 210)])
    shelf = _grained(r, 32, 8, shelf_c, 2.0)
    heights = sorted(float(v) for v in r.uniform(0.55, 1.5, int(r.integers(2, 4))))
    for k, y0 in enumerate(heights):
        sd = 0.35
        length = min(b.d - 0.9, float(r.uniform(0.6, 1.0)))
        wall_side = side if k % 2 == 0 else other
        x = _side_x(b, wall_side, sd)
        z = b.d - 0.1 - length / 2 - 0.25 * k
        b.boxes.append(
            Box(
                x,
                z,
                sd,
                length,
                0.03,
                y0,
                _faces({"front": shelf, "side": shelf, "top": shelf}, _inward(wall_side)),
            )
        )
        b.tops.append((x, z, sd * 0.6, length * 0.7, y0 + 0.03))
    ramp = _grained(r, 32, 8, _shade(shelf_c, 0.9), 2.0)
    for x in range(2, 32, 4):
        cv2.line(ramp, (x, 0), (x, 7), _shade(shelf_c, 0.6), 1)
    rx = _side_x(b, side, 0.3)
    b.boxes.append(Box(rx, b.d - 1.2, 0.3, 0.5, 0.04, heights[0] / 2, _all_faces(ramp)))
    bed_c = _c(r, 40, 230)
    bed = _grained(r, 24, 12, bed_c, 3.0)
    bx = float(r.uniform(-0.2, 0.2)) * b.w
    b.boxes.append(
        Box(
            bx,
            b.d - 0.35,
            0.5,
            0.45,
            0.15,
            0.0,
            {
                "front": bed,
                "back": bed,
                "left": bed,
                "right": bed,
                "top": _grained(r, 24, 24, _shade(bed_c, 0.8), 3.0),
            },
        )
    )
    post = _grained(r, 8, 32, (200, 170, 120), 6.0)
    for y in range(0, 32, 2):
        post[y] = _shade((200, 170, 120), 0.85)
    px = -sgn * (b.w / 2 - 0.25)
    b.boxes.append(Box(px, b.d - 0.3, 0.12, 0.12, 0.8, 0.0, _all_faces(post)))
    b.boxes.append(
        Box(
            px,
            b.d - 0.3,
            0.35,
            0.35,
            0.03,
            0.8,
            _all_faces(_grained(r, 16, 16, _c(r, 60, 230), 4.0)),
        )
    )
    back = b.wall("back")
    win_at = float(r.uniform(0.3, max(0.35, b.w - 1.0)))
    frame_c = _pick(r, [(240, 240, 236), (60, 60, 64)])
    _window(back, r, _outside(r, 32, 32), win_at, 0.9, 0.6, 0.6, frame_c)
    flap = _grained(r, back.px(0.25), back.px(0.25), (60, 62, 66), 2.0)
    _paste(back.img, flap, back.x_of(min(b.w - 0.3, win_at + 0.7)), back.y_of(0.3))
    heater = _grained(r, back.px(0.5), back.px(0.3), (240, 240, 236), 2.0)
    for x in range(2, heater.shape[1], 4):
        cv2.line(heater, (x, 2), (x, heater.shape[0] - 3), (200, 200, 200), 1)
    _paste(back.img, heater, back.x_of(max(0.05, win_at - 0.6)), back.y_of(0.45))
    # The pen's own: the window's view, the name card, the chart, blanket, bowls and toy.
    x0, y0 = back.x_of(win_at) + back.px(0.06), back.y_of(1.44)
    vw, vh = max(4, back.px(0.48)), max(4, back.px(0.48))
    view = (
        _outside(o, 32, 32)
        if o.random() < 0.6
        else _tiles(o, 32, 32, 6, _c(o, 100, 230), (220, 220, 220))
    )
    _paste(back.img, np.asarray(cv2.resize(view, (vw, vh)), np.uint8), x0, y0)
    card = _grained(o, back.px(0.25), back.px(0.15), (250, 250, 245), 1.0)
    _text(
        card,
        o,
        _word(o, (1, 2)).capitalize(),
        2,
        card.shape[0] - 3,
        card.shape[0] // 2,
        _c(o, 0, 150),
    )
    _paste(back.img, card, back.x_of(min(b.w - 0.3, win_at + 0.7)), back.y_of(1.7))
    wall = b.wall(other)
    chart = _label(o, wall.px(0.25), wall.px(0.33))
    _paste(
        wall.img,
        chart,
        wall.x_of(float(o.uniform(0.3, max(0.35, wall.length - 0.6)))),
        wall.y_of(1.6),
    )
    st = _b17(b)
    st.own_boxes.append(
        Box(
            bx + float(o.uniform(-0.05, 0.05)),
            b.d - 0.35,
            0.45,
            0.4,
            0.03,
            0.15,
            _all_faces(_fleece(o)),
        )
    )
    for k in range(2):
        bowl = _grained(o, 8, 8, _c(o, 40, 250), 2.0)
        st.own_boxes.append(
            Box(
                -sgn * 0.15 + 0.18 * k,
                0.7 + 0.1 * float(o.random()),
                0.13,
                0.13,
                0.05,
                0.0,
                _all_faces(bowl),
            )
        )
    toy = _grained(o, 8, 8, _c(o, 60, 256), 4.0)
    st.own_boxes.append(
        Box(
            float(o.uniform(-0.3, 0.3)) * b.w,
            float(o.uniform(1.0, b.d - 0.8)),
            0.07,
            0.07,
            0.07,
            0.0,
            _all_faces(toy),
        )
    )
    st.stand = (float(o.uniform(-0.1, 0.1)) * b.w, float(o.uniform(0.12, 0.25)))
    st.look = (0.0, float(o.uniform(0.5, 0.8)), b.d)


def _seat(r: Rng, fabric: Colour, cover: Colour) -> tuple[dict[str, U8], dict[str, U8]]:
    """An airline seat's back (its fabric, the headrest cover, a tray table, a seat
    pocket, the screen's frame) and its cushion."""
    back = _grained(r, 32, 48, fabric, 3.0)
    back[:12] = _grained(r, 32, 12, cover, 2.0)
    cv2.rectangle(back, (6, 15), (25, 27), (25, 25, 28), -1)
    cv2.rectangle(back, (5, 30), (26, 40), _shade(fabric, 0.75), -1)
    cv2.line(back, (5, 30), (26, 30), (60, 60, 62), 1)
    cushion = _grained(r, 96, 32, fabric, 3.0)
    cv2.line(cushion, (0, 16), (95, 16), _shade(fabric, 0.8), 1)
    for x in (32, 64):
        cv2.line(cushion, (x, 0), (x, 31), _shade(fabric, 0.6), 2)
    return (
        {
            "front": back,
            "back": _grained(r, 32, 48, fabric, 3.0),
            "left": _grained(r, 16, 48, _shade(fabric, 0.8), 2.0),
            "right": _grained(r, 16, 48, _shade(fabric, 0.8), 2.0),
            "top": _grained(r, 32, 16, cover, 2.0),
        },
        {
            "front": _grained(r, 32, 16, _shade(fabric, 0.7), 2.0),
            "back": _grained(r, 32, 16, _shade(fabric, 0.7), 2.0),
            "left": _grained(r, 32, 16, _shade(fabric, 0.7), 2.0),
            "right": _grained(r, 32, 16, _shade(fabric, 0.7), 2.0),
            "top": cushion,
        },
    )


def _cloudscape(o: Rng, w: int, h: int) -> U8:
    """What an aircraft window shows: sky over a cloud deck, a sunset, or the ground far
    below, or the apron."""
    u = o.random()
    if u < 0.5:
        img = np.asarray(cv2.resize(_sky(o, 16, 16), (w, h)), np.uint8).copy()
        deck = int(h * float(o.uniform(0.5, 0.8)))
        img[deck:] = _grained(o, w, h - deck, (240, 242, 246), 8.0)
        return img
    if u < 0.7:
        ramp = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
        top, low = np.array(_c(o, 40, 140), np.float32), np.array((250, 150, 60), np.float32)
        return _u8(np.broadcast_to(top * (1 - ramp) + low * ramp, (h, w, 3)))
    if u < 0.9:
        img = _grained(o, w, h, _between(o, (90, 110, 70), (150, 150, 110)), 10.0)
        img[: h // 3] = (200, 215, 235)
        return img
    return _outside(o, w, h)


def _build_airliner(b: _Build17) -> None:
    """An airliner cabin of one airline: every fixed thing the template's (see the module's
    docstring); what each window shows, the seat-back screens, the blankets and papers
    on the seats and the bulkhead's screen the cabin's own."""
    r, o = b.fix, b.own
    lining = _between(r, (225, 225, 220), (248, 248, 245))
    brand, second = _c(r, 20, 200), _c(r, 120, 256)
    for name in ("back", "left", "right", "front"):
        b.fill(name, _grained(r, *b.texels(name)[:2], lining, 2.0))
    carpet = _shade(brand, 0.6)
    b.floor(lambda g, w, h, res: _grained(g, w, h, carpet, 6.0))
    b.ceiling(lambda g, w, h, res: _grained(g, w, h, _lighter(lining, 1.02), 1.5))
    pitch = float(r.uniform(0.76, 0.84))
    seat_w = float(r.uniform(0.44, 0.47))
    block = 3 * seat_w
    fabric = _pick(r, [brand, (50, 55, 70), (90, 90, 95), _shade(brand, 0.6)])
    back_tex, pan_tex = _seat(r, fabric, second)
    z = 1.6
    rows: list[float] = []
    while z + pitch < b.d - 1.0:
        for sgn in (-1.0, 1.0):
            x = sgn * (b.w / 2 - 0.12 - block / 2)
            b.boxes.append(Box(x, z + 0.25, block - 0.03, 0.45, 0.2, 0.25, pan_tex))
            for k in (-1, 0, 1):
                b.boxes.append(Box(x + k * seat_w, z, seat_w - 0.03, 0.12, 0.75, 0.45, back_tex))
            b.tops.append((x, z + 0.25, block * 0.8, 0.3, 0.45))
        rows.append(z)
        z += pitch
    bins = _grained(r, 64, 24, (235, 235, 232), 2.0)
    cv2.line(bins, (0, 20), (63, 20), (180, 180, 178), 1)
    for x in range(0, 64, 16):
        cv2.line(bins, (x, 0), (x, 23), (200, 200, 198), 1)
        cv2.rectangle(bins, (x + 6, 16), (x + 10, 18), (120, 120, 125), -1)
    length = b.d - 1.6
    for side in ("left", "right"):
        bx = _side_x(b, side, 0.5)
        b.boxes.append(
            Box(
                bx,
                1.6 + length / 2,
                0.5,
                length,
                0.45,
                b.h - 0.5,
                _faces({"front": bins, "side": bins, "top": bins}, _inward(side)),
            )
        )
    windows: list[tuple[str, int, int, int, int]] = []
    for side in ("left", "right"):
        wall = b.wall(side)
        for zr in rows:
            along = zr + 0.1 if side == "left" else b.d - zr - 0.1 - 0.26
            ww, wh = wall.px(0.24), wall.px(0.34)
            x0, y0 = wall.x_of(along), wall.y_of(1.35)
            surround = _grained(r, ww + 6, wh + 6, _shade(lining, 0.9), 1.5)
            cv2.ellipse(
                surround,
                ((ww + 6) // 2, (wh + 6) // 2),
                ((ww + 4) // 2, (wh + 4) // 2),
                0,
                0,
                360,
                _shade(lining, 0.75),
                2,
            )
            _paste(wall.img, surround, x0 - 3, y0 - 3)
            windows.append((side, x0, y0, ww, wh))
        stripe = wall.y_of(0.5)
        cv2.rectangle(
            wall.img, (0, stripe), (wall.img.shape[1] - 1, stripe + wall.px(0.08)), second, -1
        )
    back = b.wall("back")
    cw = back.px(float(r.uniform(0.9, 1.2)))
    curtain = _grained(r, cw, back.px(1.7), _shade(brand, 0.8), 3.0)
    for x in range(0, cw, max(3, cw // 10)):
        cv2.line(curtain, (x, 0), (x, curtain.shape[0] - 1), _shade(brand, 0.6), 1)
    _paste(back.img, curtain, back.x_of(b.w / 2) - cw // 2, back.y_of(1.9))
    logo = _grained(r, back.px(0.6), back.px(0.2), brand, 2.0)
    _text(logo, r, _word(r, (1, 2)).upper(), 3, logo.shape[0] - 3, logo.shape[0] - 6, second)
    _paste(back.img, logo, back.x_of(b.w / 2 - 1.4), back.y_of(2.0))
    _small_things(back, ("exit",))
    # The cabin's own: the windows' views, the bulkhead screen, screens, blankets, papers.
    for side, x0, y0, ww, wh in windows:
        wall = b.wall(side)
        view = _cloudscape(o, ww, wh)
        mask = np.zeros((wh, ww), np.uint8)
        cv2.ellipse(
            mask, (ww // 2, wh // 2), (max(1, ww // 2 - 1), max(1, wh // 2 - 1)), 0, 0, 360, 1, -1
        )
        region = wall.img[y0 : y0 + wh, x0 : x0 + ww]
        if region.shape[:2] == mask.shape:
            region[mask.astype(bool)] = view[mask.astype(bool)]
    screen = _screen(o, back.px(0.5), back.px(0.3))
    _paste(back.img, screen, back.x_of(b.w / 2 + 0.8), back.y_of(2.0))
    st = _b17(b)
    for zr in rows:
        for sgn in (-1.0, 1.0):
            x = sgn * (b.w / 2 - 0.12 - block / 2)
            strip = _grained(o, 72, 12, fabric, 3.0)
            for k in range(3):
                _paste(strip, _screen(o, 16, 11), 4 + 24 * k, 0)
            st.own_boxes.append(
                Box(x, zr - 0.065, block - 0.09, 0.005, 0.11, 0.87, _all_faces(strip))
            )
            if o.random() < 0.3:
                k = int(o.integers(-1, 2))
                st.own_boxes.append(
                    Box(
                        x + k * seat_w,
                        zr + 0.3,
                        seat_w * 0.8,
                        0.3,
                        0.05,
                        0.45,
                        _all_faces(_fleece(o)),
                    )
                )
    st.stand = (float(o.uniform(-0.08, 0.08)), float(o.uniform(0.4, 0.9)))
    st.look = (0.0, float(o.uniform(1.1, 1.3)), b.d)


def _rates(o: Rng, w: int, h: int, brand: Colour) -> U8:
    """A bank's poster of rates: a brand band, a headline word, big percentages."""
    img = _grained(o, w, h, (250, 250, 248), 1.0)
    img[: h // 5] = brand
    _text(img, o, _word(o, (1, 2)).upper(), 3, h // 5 - 2, max(4, h // 8), (250, 250, 250))
    for k in range(2):
        _text(
            img,
            o,
            f"{int(o.integers(1, 7))}.{int(o.integers(0, 100)):02d}%",
            3,
            h // 2 + k * h // 4,
            max(4, h // 6),
            brand,
        )
    return img


def _build_bank(b: _Build17) -> None:
    """A branch of one bank: every fixed thing the template's (see the module's
    docstring); the posters of rates, the branch's name plate, its notices, what its
    window shows and the queue display's numbers the branch's own."""
    r, o = b.fix, b.own
    brand, second = _c(r, 20, 200), _c(r, 120, 256)
    b.paint_walls(_between(r, (225, 225, 220), (250, 250, 248)))
    for name in ("back", "left", "right", "front"):
        wall = b.wall(name)
        y = wall.y_of(2.5)
        cv2.rectangle(wall.img, (0, y), (wall.img.shape[1] - 1, y + wall.px(0.15)), brand, -1)
    tile_c = _shade(brand, 0.5)
    b.floor(
        lambda g, w, h, res: _tiles(
            g, w, h, max(3, round(0.5 * res)), _lighter(tile_c, 1.2), tile_c
        )
    )
    b.ceiling(_tiled_ceiling)
    cz = b.d - float(r.uniform(1.4, 1.8))
    cw = min(b.w - 2.0, float(r.uniform(3.5, 5.0)))
    counter = _grained(r, 96, 32, _shade(brand, 0.85), 2.0)
    positions = int(r.integers(3, 5))
    for k in range(positions):
        ux = int((k + 0.5) * 96 / positions)
        cv2.rectangle(counter, (ux - 4, 4), (ux + 4, 10), (250, 250, 248), -1)
        _text(counter, r, str(k + 1), ux - 2, 10, 5, brand)
    b.boxes.append(
        Box(
            0.0,
            cz,
            cw,
            0.7,
            1.05,
            0.0,
            {
                "front": counter,
                "left": counter,
                "right": counter,
                "top": _grained(r, 48, 16, second, 2.0),
            },
        )
    )
    b.tops.append((0.0, cz, cw * 0.7, 0.3, 1.05))
    for k in range(positions + 1):
        x = -cw / 2 + k * cw / positions
        b.boxes.append(_pole(r, x, cz - 0.3, 0.8, 1.05, 0.03))
        b.boxes.append(Box(x, cz - 0.3, 0.04, 0.04, 0.04, 1.83, _all_faces(_steel(r, 4, 4, 200))))
    b.boxes.append(Box(0.0, cz - 0.3, cw, 0.03, 0.05, 1.85, _all_faces(_steel(r, 48, 4, 190))))
    fl = _Floor(b.w, b.d, 1.3)
    fl.take(0.0, cz, cw + 0.6, 2.2)
    posts = int(r.integers(3, 6))
    qx = float(r.uniform(-0.3, 0.3)) * (cw / 2)
    belt = _grained(r, 32, 4, brand, 1.0)
    for k in range(posts):
        pz = cz - 1.6 - 0.9 * k
        if pz < 2.0:
            break
        for sx in (-0.6, 0.6):
            b.boxes.append(_pole(r, qx + sx, pz, 0.95, 0.0, 0.05))
        b.boxes.append(Box(qx - 0.6, pz - 0.45, 0.02, 0.9, 0.05, 0.85, _all_faces(belt)))
        b.boxes.append(Box(qx + 0.6, pz - 0.45, 0.02, 0.9, 0.05, 0.85, _all_faces(belt)))
        fl.take(qx, pz, 1.6, 1.0)
    side = str(r.choice(["left", "right"]))
    other = _other(side)
    atm = _grained(r, 32, 64, (60, 62, 66), 2.0)
    cv2.rectangle(atm, (6, 8), (25, 24), (40, 90, 140), -1)
    cv2.rectangle(atm, (8, 30), (23, 42), (170, 172, 176), -1)
    cv2.rectangle(atm, (6, 46), (25, 48), (20, 20, 20), -1)
    atm[:6] = brand
    wall = b.wall(side)
    for k in range(int(r.integers(1, 3))):
        x, z, bw, bd = _wall_box(b, side, 2.0 + 1.0 * k, 0.8, 0.35)
        b.boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                1.8,
                0.0,
                _faces(
                    {
                        "front": atm,
                        "side": _grained(r, 16, 64, (60, 62, 66), 2.0),
                        "top": _grained(r, 16, 16, (60, 62, 66), 2.0),
                    },
                    _inward(side),
                ),
            )
        )
        fl.take(x, z, bw + 0.5, bd + 0.5)
    rack = _grained(r, 32, 64, (190, 192, 196), 2.0)
    for y in range(4, 60, 12):
        for ux in range(2, 30, 10):
            cv2.rectangle(
                rack, (ux, y), (ux + 7, y + 10), _pick(r, [brand, second, (250, 250, 248)]), -1
            )
    spot = fl.against(r, 0.6, 0.35, (other,))
    if spot:
        x, z, _w, _d, facing = spot
        b.boxes.append(
            Box(
                x,
                z,
                _w,
                _d,
                1.6,
                0.0,
                _faces(
                    {
                        "front": rack,
                        "side": _grained(r, 16, 64, (190, 192, 196), 2.0),
                        "top": _grained(r, 16, 16, (190, 192, 196), 2.0),
                    },
                    facing,
                ),
            )
        )
    spot = fl.middle(r, 0.9, 0.9)
    if spot:
        x, z, _w, _d, _f = spot
        _add(b.boxes, b.tops, "table", _piece(r, "table"), (x, z, 0.8, 0.8, "front"), 0.74)
        chair = _piece(r, "chair")
        _add(b.boxes, b.tops, "chair", chair, (x - 0.6, z, 0.45, 0.45, "right"), 0.9)
        _add(b.boxes, b.tops, "chair", chair, (x + 0.6, z, 0.45, 0.45, "left"), 0.9)
    wall = b.wall(other)
    win_at = float(r.uniform(1.0, max(1.1, wall.length - 3.0)))
    _window(wall, r, _outside(r, 64, 32), win_at, 0.6, 2.0, 1.7, (70, 72, 76))
    back = b.wall("back")
    logo = _grained(r, back.px(1.2), back.px(0.4), brand, 2.0)
    _text(logo, r, _word(r, (1, 2)).upper(), 4, logo.shape[0] * 2 // 3, logo.shape[0] // 2, second)
    back.put(logo, 2.4, 2.45)
    _small_things(wall, ("exit",))
    # The branch's own: the window's view, posters of rates, the name plate, notices.
    x0, y0 = wall.x_of(win_at) + wall.px(0.08), wall.y_of(2.22)
    vw, vh = max(4, wall.px(2.0) - wall.px(0.16)), max(4, wall.px(1.54))
    _paste(wall.img, np.asarray(cv2.resize(_outside(o, 64, 48), (vw, vh)), np.uint8), x0, y0)
    for name, at in (
        (side, float(o.uniform(3.5, max(3.6, b.d - 1.5)))),
        ("back", float(o.uniform(0.3, 1.0))),
    ):
        w_ = b.wall(name)
        poster = _rates(o, w_.px(0.6), w_.px(0.85), brand)
        _paste(w_.img, poster, w_.x_of(min(at, w_.length - 0.7)), w_.y_of(2.1))
    plate = _grained(o, back.px(0.9), back.px(0.18), (250, 250, 248), 1.0)
    _text(
        plate,
        o,
        _word(o, (2, 3)).capitalize(),
        3,
        plate.shape[0] - 3,
        plate.shape[0] - 6,
        (40, 40, 40),
    )
    _paste(back.img, plate, back.x_of(b.w - 1.6), back.y_of(2.2))
    queue = _grained(o, back.px(0.5), back.px(0.25), (15, 15, 18), 1.0)
    _text(
        queue,
        o,
        f"{int(o.integers(1, 999)):03d}",
        3,
        queue.shape[0] - 3,
        queue.shape[0] - 5,
        (250, 60, 40),
    )
    _paste(back.img, queue, back.x_of(b.w / 2 - 0.25), back.y_of(2.35))
    notice = _label(o, wall.px(0.5), wall.px(0.7))
    _paste(wall.img, notice, wall.x_of(max(0.2, win_at - 0.8)), wall.y_of(1.8))
    st = _b17(b)
    for _k in range(int(o.integers(1, 4))):
        leaflet = _label(o, 16, 24)
        st.own_boxes.append(
            Box(float(o.uniform(-0.3, 0.3)) * cw, cz, 0.15, 0.2, 0.01, 1.05, _all_faces(leaflet))
        )
    st.stand = (float(o.uniform(-0.2, 0.2)) * b.w, float(o.uniform(0.5, 1.0)))
    st.look = (0.0, 1.4, b.d)


BUILDERS: dict[str, Callable[[_Build17], None]] = {
    "cheese shop": _build_cheese_shop,
    "stationery shop": _build_stationery_shop,
    "model railway club": _build_railway_club,
    "darkroom": _build_darkroom,
    "blacksmith's forge": _build_forge,
    "coffee roastery": _build_roastery,
    "wine merchant": _build_wine_merchant,
    "ski hire shop": _build_ski_hire,
    "cattery": _build_cattery,
    "airliner": _build_airliner,
    "bank": _build_bank,
}


# --- the place model ------------------------------------------------------------------------


class Place(_Place20):
    """v20's place model with v22's kinds and v22's day seeds."""

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
    """The place's own camera: near the front wall at eye height, looking in (in a pen's
    doorway; by a look-alike's door or in an aisle, aimed at what it looks at)."""
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
    if base in ("cattery", "darkroom"):
        hfov = float(rng.uniform(74, 84))
        z = min(z, 0.6)
    if base == "cattery":
        y = float(rng.uniform(1.3, 1.55))
    if b.stand is not None:
        x = b.stand[0] + float(rng.uniform(-0.1, 0.1)) * (0.3 if base == "airliner" else 1.0)
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
    """The original picture of a place, carrying its ``Place`` for ``views_v22``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v22(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v22 (``bench/link.py --generator v22``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v22``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a generated
    stationery shop, model railway club or wine merchant's."""
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
    """The place's camera moved up to ``reach`` m (x0.4 in a cattery pen, x0.6 in an
    airliner's aisle, x0.7 in a darkroom), its height kept within 0.08 m, turned up to
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


# --- views ----------------------------------------------------------------------------------------


def _grid(h: int, w: int) -> tuple[F32, F32]:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return yy, xx


def _desk(rng: Rng, w: int, h: int) -> F32:
    return _table(rng, w, h).astype(np.float32)


def _stretched(lum: F32, low: float, high: float, top: float = 192.0) -> F32:
    """``lum`` (0-255) stretched to 0-1 between its ``low`` and ``high`` percentiles, but
    from no higher than 64 and to no lower than ``top`` (so a flat picture keeps its
    lightness)."""
    lo = min(float(np.percentile(lum, low)), 64.0)
    hi = max(float(np.percentile(lum, high)), top)
    out: F32 = np.clip((lum - lo) / (hi - lo), 0, 1).astype(np.float32)
    return out


def narrowed(hfov: float, zoom: float) -> float:
    """The horizontal field of view (degrees) of a lens ``zoom`` times longer."""
    return float(2 * np.degrees(np.arctan(np.tan(np.radians(hfov) / 2) / zoom)))


def binoculars(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place through binoculars, photographed through an eyepiece: the place's camera
    moved up to 0.3 m and turned up to 8 degrees, its lens 2-3 times longer (a narrower
    view rendered from the model, not a crop), seen through ``eyepieces``."""
    cam = moved(place, rng, 0.3, 8)
    zoom = float(rng.uniform(2.0, 3.0))
    lens = Camera(cam.pos, cam.yaw, cam.pitch, narrowed(cam.hfov, zoom))
    return eyepieces(render(place.planes(0), lens, w, h), rng)


def eyepieces(pic: U8, rng: Rng) -> U8:
    """What a pair of binoculars shows of ``pic``: two overlapping round fields (radius
    46-50 % of the height, their centres 0.5-0.62 radii either side of the middle) on
    black, soft-edged, darker to their rims (x0.55 at the rim), red fringes at the rims
    (the red channel spread by up to 0.6 %), turned up to 3 degrees by the hand, softened
    (0.6 px at 400)."""
    h, w = pic.shape[:2]
    s = _scale(w)
    f = cv2.GaussianBlur(pic.astype(np.float32), (0, 0), 0.6 * s)
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-3, 3)), 1.0)
    f = np.asarray(cv2.warpAffine(f, rot, (w, h), borderMode=cv2.BORDER_REFLECT), np.float32)
    yy, xx = _grid(h, w)
    r0 = h * float(rng.uniform(0.46, 0.5))
    sep = r0 * float(rng.uniform(0.5, 0.62))
    cx = w / 2 + float(rng.uniform(-0.02, 0.02)) * w
    cy = h / 2 + float(rng.uniform(-0.02, 0.02)) * h
    d1 = np.hypot(xx - (cx - sep), yy - cy) / r0
    d2 = np.hypot(xx - (cx + sep), yy - cy) / r0
    d = np.minimum(d1, d2)
    near = np.where(d1 < d2, cx - sep, cx + sep).astype(np.float32)
    spread = 1 - 0.006 * np.clip(d, 0, 1) ** 2
    f[:, :, 0] = cv2.remap(
        np.ascontiguousarray(f[:, :, 0]),
        (near + (xx - near) * spread).astype(np.float32),
        (cy + (yy - cy) * spread).astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    inside = np.clip((1 - d) / 0.02, 0, 1)
    shade = 1 - 0.45 * np.clip(d, 0, 1) ** 4
    out = f * (inside * shade)[:, :, None] + (1 - inside)[:, :, None] * 4.0
    return _noise(_u8(out), rng, 2.0)


def camera_back(img: U8, rng: Rng) -> U8:
    """The picture on the back screen of a digital camera, photographed close with a
    phone: the camera's grained dark body filling the frame, its screen (3:2, 62-72 % of
    the width, left of the middle) showing the picture pillarboxed, a little bright and
    cool, the screen's pixel grid, a glare band across it, the camera's overlays (focus
    brackets, ISO, aperture, shutter, shots left, a battery); a dial and buttons to the
    right, the maker's word; off square by up to 3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    grey = int(rng.integers(30, 60))
    out = _grained(rng, w, h, (grey, grey, grey + 2), 3.0).astype(np.float32)
    sw = int(w * float(rng.uniform(0.62, 0.72)))
    sh = int(sw * 2 / 3)
    x0 = int(w * float(rng.uniform(0.06, 0.12)))
    y0 = int((h - sh) / 2 + float(rng.uniform(-0.03, 0.03)) * h)
    bez = max(2, int(4 * s))
    cv2.rectangle(out, (x0 - bez, y0 - bez), (x0 + sw + bez, y0 + sh + bez), (12, 12, 14), -1)
    screen = np.zeros((sh, sw, 3), np.float32)
    ph = sh
    pw = min(sw, int(ph * w / h))
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    pic = (255 * (pic / 255) ** 0.9 * np.array([0.96, 1.0, 1.05])).astype(np.float32)
    px = (sw - pw) // 2
    screen[:, px : px + pw] = pic
    step = max(2, round(2 * s))
    screen[:, ::step] *= 0.9
    screen[::step] *= 0.93
    white = (240.0, 240.0, 240.0)
    fs = 0.32 * s * (sw / (0.67 * w))
    line = max(1, int(s))
    texts = [
        (f"ISO {int(rng.choice([100, 200, 400, 800, 1600]))}", 0.03, 0.95),
        (f"F{float(rng.choice([2.8, 4.0, 5.6, 8.0])):.1f}", 0.3, 0.95),
        (f"1/{int(rng.choice([30, 60, 125, 250]))}", 0.5, 0.95),
        (f"[{int(rng.integers(10, 999))}]", 0.78, 0.95),
    ]
    for t, u, v in texts:
        cv2.putText(
            screen,
            t,
            (int(u * sw), int(v * sh)),
            cv2.FONT_HERSHEY_SIMPLEX,
            fs,
            white,
            line,
            cv2.LINE_AA,
        )
    cv2.rectangle(
        screen, (int(0.86 * sw), int(0.04 * sh)), (int(0.95 * sw), int(0.1 * sh)), white, line
    )
    cv2.rectangle(
        screen, (int(0.86 * sw), int(0.04 * sh)), (int(0.92 * sw), int(0.1 * sh)), white, -1
    )
    bx, by, bl = sw // 2, sh // 2, max(3, sw // 16)
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        cx, cy = bx + dx * sw // 10, by + dy * sh // 10
        cv2.line(screen, (cx, cy), (cx - dx * bl, cy), (120, 240, 120), line)
        cv2.line(screen, (cx, cy), (cx, cy - dy * bl), (120, 240, 120), line)
    yy, xx = _grid(sh, sw)
    ang = float(rng.uniform(0.5, 1.1))
    c0 = float(rng.uniform(0.3, 0.7)) * (sw + sh)
    glare = np.exp(-(((xx * np.cos(ang) + yy * np.sin(ang) - c0) / (0.12 * sw)) ** 2))
    screen += (glare * float(rng.uniform(25, 45)))[:, :, None]
    out[y0 : y0 + sh, x0 : x0 + sw] = screen
    dx = x0 + sw + (w - x0 - sw) // 2
    rad = max(4, int((w - x0 - sw) * 0.3))
    cv2.circle(out, (dx, int(h * 0.3)), rad, (70, 70, 74), -1)
    cv2.circle(out, (dx, int(h * 0.3)), rad, (110, 110, 115), line)
    cv2.circle(out, (dx, int(h * 0.3)), max(2, rad // 3), (30, 30, 32), -1)
    for k in range(3):
        cv2.circle(out, (dx, int(h * (0.55 + 0.12 * k))), max(2, rad // 2), (25, 25, 27), -1)
    cv2.putText(
        out,
        "MENU",
        (x0, min(h - 2, y0 + sh + int(18 * s))),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.35 * s,
        (170, 170, 175),
        line,
        cv2.LINE_AA,
    )
    cv2.putText(
        out,
        _word(rng, (1, 2)).upper(),
        (x0, max(8, y0 - int(10 * s))),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.45 * s,
        (190, 190, 195),
        line,
        cv2.LINE_AA,
    )
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.5)


def billboard(img: U8, rng: Rng) -> U8:
    """The picture on a roadside billboard, photographed from the street at an angle: the
    board 58-75 % of the width, its near side the taller (the far side 5-15 % shorter),
    a steel frame, two legs, two or three lamps on arms; the poster pasted in sheets (3-4
    across, 2-3 down) that do not quite meet (each shifted up to 1.5 px at 400 and x0.94-
    1.04 as bright, pale seams), a corner peeling back (half of them), faded by the sun
    (x0.88 saturation); sky above, trees and a verge below."""
    h, w = img.shape[:2]
    s = _scale(w)
    horizon = int(h * float(rng.uniform(0.74, 0.84)))
    out = np.empty((h, w, 3), np.float32)
    out[:horizon] = cv2.resize(_sky(rng, 32, 16), (w, horizon))
    out[horizon:] = _grained(rng, w, h - horizon, _between(rng, (80, 110, 60), (130, 140, 90)), 8.0)
    for _ in range(int(30 * s) + 12):
        x = int(rng.integers(0, w))
        rad = int(rng.integers(int(6 * s) + 2, int(16 * s) + 4))
        cv2.circle(out, (x, horizon), rad, _between(rng, (30, 60, 30), (70, 100, 50)), -1)
    bw = int(w * float(rng.uniform(0.58, 0.75)))
    bh = int(bw * h / w)
    board = np.empty((bh, bw, 3), np.float32)
    poster = cv2.resize(img, (bw, bh), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = poster.mean(axis=2, keepdims=True)
    poster = grey + (poster - grey) * 0.88 + 8
    cols, rows = int(rng.integers(3, 5)), int(rng.integers(2, 4))
    xs, ys = np.linspace(0, bw, cols + 1).astype(int), np.linspace(0, bh, rows + 1).astype(int)
    board[:] = (235, 235, 228)
    for i in range(cols):
        for j in range(rows):
            dx, dy = (round(float(v)) for v in rng.uniform(-1.5, 1.5, 2) * s)
            sheet = np.roll(poster[ys[j] : ys[j + 1], xs[i] : xs[i + 1]], (dy, dx), axis=(0, 1))
            board[ys[j] : ys[j + 1], xs[i] : xs[i + 1]] = sheet * float(rng.uniform(0.94, 1.04))
    for x in xs[1:-1]:
        board[:, max(0, x - 1) : x + 1] = board[:, max(0, x - 1) : x + 1] * 0.5 + 120
    for y in ys[1:-1]:
        board[max(0, y - 1) : y + 1] = board[max(0, y - 1) : y + 1] * 0.5 + 120
    if rng.random() < 0.5:
        i, j = int(rng.integers(0, cols)), int(rng.integers(0, rows))
        size = int(min(xs[1], ys[1]) * float(rng.uniform(0.3, 0.6)))
        x1, y1 = xs[i + 1] - 1, ys[j]
        pts = np.array([[x1, y1], [x1 - size, y1], [x1, y1 + size]], np.int32)
        cv2.fillPoly(board, [pts], (205, 205, 198))
        cv2.line(board, (x1 - size, y1), (x1, y1 + size), (120, 120, 115), max(1, int(s)))
    t = max(3, int(bh * 0.035))
    steel = np.array(_pick(rng, [(60, 64, 60), (40, 60, 50), (110, 112, 116)]), np.float32)
    framed = np.empty((bh + 2 * t, bw + 2 * t, 3), np.float32)
    framed[:] = steel
    framed[t : t + bh, t : t + bw] = board
    fh, fw = framed.shape[:2]
    x0 = (w - fw) / 2 + float(rng.uniform(-0.08, 0.08)) * w
    y0 = h * float(rng.uniform(0.06, 0.12))
    k = float(rng.uniform(0.05, 0.15))
    far_right = rng.random() < 0.5
    left_k, right_k = (0.0, k) if far_right else (k, 0.0)
    dst = np.array(
        [
            [x0, y0 + fh * left_k / 2],
            [x0 + fw, y0 + fh * right_k / 2],
            [x0 + fw, y0 + fh * (1 - right_k / 2)],
            [x0, y0 + fh * (1 - left_k / 2)],
        ],
        np.float32,
    )
    src = np.array([[0, 0], [fw, 0], [fw, fh], [0, fh]], np.float32)
    hom = cv2.getPerspectiveTransform(src, dst)
    bottom = int(max(dst[2, 1], dst[3, 1]))
    for u in (0.25, 0.75):
        lx = int(x0 + fw * u)
        cv2.rectangle(
            out,
            (lx - int(5 * s), bottom - 4),
            (lx + int(5 * s), horizon + int(10 * s)),
            (steel * 0.8).tolist(),
            -1,
        )
    for u in np.linspace(0.2, 0.8, int(rng.integers(2, 4))):
        lx = int(x0 + fw * u)
        ty = int(y0 + fh * (left_k + (right_k - left_k) * u) / 2)
        cv2.line(out, (lx, ty), (lx, ty - int(12 * s)), (steel * 0.7).tolist(), max(1, int(2 * s)))
        cv2.rectangle(
            out,
            (lx - int(6 * s), ty - int(16 * s)),
            (lx + int(6 * s), ty - int(12 * s)),
            (steel * 0.6).tolist(),
            -1,
        )
    warped = cv2.warpPerspective(framed, hom, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((fh, fw), np.float32), hom, (w, h))
    out = out * (1 - mask[:, :, None]) + warped * mask[:, :, None]
    return _noise(_u8(out), rng, 2.0)


JOINER_OVERLAP = 1.22  # a joiner's print is this many times its share of the view


def joiner(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A photo-joiner of the place (small prints that together rebuild the view): from the
    place's camera moved up to 0.2 m, a grid of 3 x 2, 3 x 3 or 4 x 2 prints, each its own
    narrow render aimed at its part of a view 1.1-1.3 times as wide as the camera's (each
    print 1.22 times its share, so they overlap by about a fifth), from a spot up to 5 cm
    off, laid out by ``lay_prints``."""
    cam = moved(place, rng, 0.2, 5)
    cols, rows = ((3, 2), (3, 3), (4, 2))[int(rng.integers(0, 3))]
    span_h = cam.hfov * float(rng.uniform(1.1, 1.3))
    span_v = float(np.degrees(2 * np.arctan(np.tan(np.radians(span_h) / 2) * h / w)))
    tw, th = int(w / cols * JOINER_OVERLAP), int(h / rows * JOINER_OVERLAP)
    planes = place.planes(0)
    tiles: list[U8] = []
    for idx in range(cols * rows):
        i, j = idx % cols, idx // cols
        yaw = cam.yaw + ((i + 0.5) / cols - 0.5) * span_h
        pitch = cam.pitch + (0.5 - (j + 0.5) / rows) * span_v
        pos = cam.pos + _vec(*(float(v) for v in rng.uniform(-0.05, 0.05, 3)))
        if not _free(place, pos, 0.1):  # type: ignore[arg-type]
            pos = cam.pos
        lens = Camera(pos, yaw, pitch, span_h / cols * JOINER_OVERLAP)
        tiles.append(render(planes, lens, tw, th))
    return lay_prints(tiles, cols, rng, w, h)


def lay_prints(tiles: list[U8], cols: int, rng: Rng, w: int, h: int) -> U8:
    """Prints (``tiles``, row by row, ``cols`` to a row) laid as a joiner on a pale board
    filling 93-98 % of the frame each way: each print at its place in the grid, shifted up
    to 4 % of its size, x0.85-1.15 as bright (its colours off by up to 4 %), with a white
    border (2 px at 400), scaled x0.95-1.05, turned up to 5 degrees, with a soft shadow;
    laid in random order. The board is paler than grey 228 and darker than the borders."""
    s = _scale(w)
    rows = -(-len(tiles) // cols)
    board = _grained(rng, w, h, _between(rng, (195, 193, 185), (228, 226, 220)), 3.0).astype(
        np.float32
    )
    area_w, area_h = w * float(rng.uniform(0.93, 0.98)), h * float(rng.uniform(0.93, 0.98))
    border = max(2, round(2 * s))
    order = rng.permutation(len(tiles))
    for idx in np.argsort(order):
        tile = tiles[int(idx)].astype(np.float32)
        th, tw = tile.shape[:2]
        i, j = int(idx) % cols, int(idx) // cols
        tile *= float(rng.uniform(0.85, 1.15)) * rng.uniform(0.96, 1.04, 3).astype(np.float32)
        tile[:border] = tile[-border:] = 248
        tile[:, :border] = tile[:, -border:] = 248
        cx = (w - area_w) / 2 + (i + 0.5) * area_w / cols + float(rng.uniform(-0.04, 0.04)) * tw
        cy = (h - area_h) / 2 + (j + 0.5) * area_h / rows + float(rng.uniform(-0.04, 0.04)) * th
        m = cv2.getRotationMatrix2D(
            (tw / 2, th / 2), float(rng.uniform(-5, 5)), float(rng.uniform(0.95, 1.05))
        )
        m[0, 2] += cx - tw / 2
        m[1, 2] += cy - th / 2
        placed = cv2.warpAffine(tile, m, (w, h), flags=cv2.INTER_LINEAR)
        a = cv2.warpAffine(np.ones((th, tw), np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
        shadow = cv2.GaussianBlur(
            np.roll(a, (int(2 * s), int(2 * s)), axis=(0, 1)), (0, 0), 1.5 * s
        )
        board *= (1 - 0.25 * shadow * (1 - a))[:, :, None]
        board = board * (1 - a[:, :, None]) + placed * a[:, :, None]
    return _noise(_u8(board), rng, 2.0)


def mosh_frames(place: Place, rng: Rng, w: int, h: int) -> tuple[U8, U8]:
    """Two frames of a handheld video of the place: a shot (the camera moved up to 0.4 m,
    turned up to 12 degrees) and the next moment's, the camera 0.1-0.3 m further on (x the
    place's small share) and panned 3-7 degrees."""
    cam = moved(place, rng, 0.4, 12)
    planes = place.planes(0)
    a = _noise(render(planes, cam, w, h), rng, 2.0)
    fwd = np.asarray(cam.axes()[2], np.float64)
    step = float(rng.uniform(0.1, 0.3)) * SMALL.get(place.base, 1.0)
    pos = cam.pos + np.array([fwd[0], 0.0, fwd[2]]) * step
    if not _free(place, pos, 0.1):  # type: ignore[arg-type]
        pos = cam.pos
    pan = float(rng.uniform(3, 7)) * float(rng.choice([-1.0, 1.0]))
    b = _noise(render(planes, Camera(pos, cam.yaw + pan, cam.pitch, cam.hfov), w, h), rng, 2.0)
    return a, b


def datamosh(a: U8, b: U8, rng: Rng) -> U8:
    """A datamoshed video frame (the key frame of a cut lost, so the next frames' motion
    moves the old picture's blocks), grabbed from the player: the motion from ``a`` to
    ``b`` (dense optical flow) averaged over macroblocks (16 px at 400) and applied to
    ``a`` two to four times (x1.0-1.5 each time), so its blocks smear along the motion;
    10-25 % of the macroblocks and one or two rows of them refreshed from ``b``; the
    colour averaged over half-blocks, a quarter of each block's detail flattened to its
    mean."""
    h, w = a.shape[:2]
    s = _scale(w)
    blk = max(4, round(16 * s))
    ga = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY)
    gb = cv2.cvtColor(b, cv2.COLOR_RGB2GRAY)
    start = np.zeros((h, w, 2), np.float32)
    flow = np.asarray(
        cv2.calcOpticalFlowFarneback(ga, gb, start, 0.5, 3, max(9, round(15 * s)), 3, 5, 1.2, 0),
        np.float32,
    )
    nby, nbx = -(-h // blk), -(-w // blk)
    padded = np.zeros((nby * blk, nbx * blk, 2), np.float32)
    padded[:h, :w] = flow
    weight = np.zeros((nby * blk, nbx * blk), np.float32)
    weight[:h, :w] = 1
    sums = padded.reshape(nby, blk, nbx, blk, 2).sum(axis=(1, 3))
    counts = weight.reshape(nby, blk, nbx, blk).sum(axis=(1, 3))[:, :, None]
    vec = sums / np.maximum(counts, 1)
    per = np.repeat(np.repeat(vec, blk, axis=0), blk, axis=1)[:h, :w]
    yy, xx = _grid(h, w)
    cur = a.astype(np.float32)
    for _ in range(int(rng.integers(2, 5))):
        gain = float(rng.uniform(1.0, 1.5))
        cur = np.asarray(
            cv2.remap(
                cur,
                (xx - gain * per[:, :, 0]).astype(np.float32),
                (yy - gain * per[:, :, 1]).astype(np.float32),
                cv2.INTER_LINEAR,
                borderMode=cv2.BORDER_REPLICATE,
            ),
            np.float32,
        )
    fresh = rng.random((nby, nbx)) < float(rng.uniform(0.1, 0.25))
    for _ in range(int(rng.integers(1, 3))):
        fresh[int(rng.integers(0, nby))] = True
    refresh = np.repeat(np.repeat(fresh, blk, axis=0), blk, axis=1)[:h, :w]
    cur[refresh] = b.astype(np.float32)[refresh]
    ycc = cv2.cvtColor(_u8(cur), cv2.COLOR_RGB2YCrCb).astype(np.float32)
    half = max(2, blk // 2)
    small = cv2.resize(ycc[:, :, 1:], (-(-w // half), -(-h // half)), interpolation=cv2.INTER_AREA)
    ycc[:, :, 1:] = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    means = cv2.resize(
        cv2.resize(ycc[:, :, 0], (nbx, nby), interpolation=cv2.INTER_AREA),
        (nbx * blk, nby * blk),
        interpolation=cv2.INTER_NEAREST,
    )[:h, :w]
    ycc[:, :, 0] = 0.75 * ycc[:, :, 0] + 0.25 * means
    return np.asarray(cv2.cvtColor(_u8(ycc), cv2.COLOR_YCrCb2RGB), np.uint8)


def _quad(img: F32, dst: npt.NDArray[np.float32], w: int, h: int) -> tuple[F32, F32]:
    """``img`` warped onto the quadrilateral ``dst`` (top left, top right, bottom right,
    bottom left) of a ``w`` x ``h`` frame, and its coverage."""
    ih, iw = img.shape[:2]
    src = np.array([[0, 0], [iw, 0], [iw, ih], [0, ih]], np.float32)
    hom = cv2.getPerspectiveTransform(src, dst)
    warped = np.asarray(cv2.warpPerspective(img, hom, (w, h), flags=cv2.INTER_LINEAR), np.float32)
    mask = np.asarray(cv2.warpPerspective(np.ones((ih, iw), np.float32), hom, (w, h)), np.float32)
    return warped, mask


def _over(out: F32, layer: F32, mask: F32) -> F32:
    return out * (1 - mask[:, :, None]) + layer * mask[:, :, None]


def photo_cake(img: U8, rng: Rng) -> U8:
    """The picture printed on an icing sheet on a cake, photographed from above at a
    slant: the cake's top (its near edge 80-90 % of the width, its far edge 82-90 % of
    that, squashed by the slant) iced in a colour; on it the picture, inset by 9-13 % of
    the top's width, softened by the edible ink (blurred 0.8 px at 400, x0.85 saturation,
    12 % of the icing's colour, a sugary grain); a piped border of blobs round it; the
    iced side below with a piped scallop; on a silver or gold board on a table."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _desk(rng, w, h) * 0.9
    icing = np.array(
        _pick(rng, [(250, 248, 242), (250, 215, 225), (210, 230, 250), (250, 240, 190)]), np.float32
    )
    tw, th = w, h
    top = np.empty((th, tw, 3), np.float32)
    top[:] = icing
    top += _field(rng, tw, th, max(3, int(6 * s)))[:, :, None] * 3
    inset = int(tw * float(rng.uniform(0.09, 0.13)))
    pw, ph = tw - 2 * inset, th - 2 * inset
    pic = cv2.resize(img, (pw, ph), interpolation=cv2.INTER_AREA).astype(np.float32)
    pic = np.asarray(cv2.GaussianBlur(pic, (0, 0), 0.8 * s), np.float32)
    grey = pic.mean(axis=2, keepdims=True)
    pic = (grey + (pic - grey) * 0.85) * 0.88 + 0.12 * icing + 6
    pic += rng.normal(0, 3, pic.shape[:2])[:, :, None].astype(np.float32)
    top[inset : inset + ph, inset : inset + pw] = pic
    rad = max(2, int(inset * float(rng.uniform(0.28, 0.38))))
    pipe = _lighter(tuple(int(v) for v in icing), 1.0)  # type: ignore[arg-type]
    edge = inset - rad - max(1, int(2 * s))
    perimeter = [(x, edge) for x in range(edge, tw - edge, int(rad * 1.6))]
    perimeter += [(tw - edge, y) for y in range(edge, th - edge, int(rad * 1.6))]
    perimeter += [(x, th - edge) for x in range(tw - edge, edge, -int(rad * 1.6))]
    perimeter += [(edge, y) for y in range(th - edge, edge, -int(rad * 1.6))]
    for x, y in perimeter:
        cv2.circle(
            top,
            (x + max(1, rad // 4), y + max(1, rad // 4)),
            rad,
            (icing * 0.75).tolist(),
            -1,
            cv2.LINE_AA,
        )
        cv2.circle(top, (x, y), rad, pipe, -1, cv2.LINE_AA)
        cv2.circle(
            top, (x - rad // 3, y - rad // 3), max(1, rad // 3), (255, 255, 255), -1, cv2.LINE_AA
        )
    cx = w / 2 + float(rng.uniform(-0.03, 0.03)) * w
    near = w * float(rng.uniform(0.8, 0.9))
    far = near * float(rng.uniform(0.82, 0.9))
    ytop = h * float(rng.uniform(0.06, 0.12))
    ynear = h * float(rng.uniform(0.66, 0.74))
    side_h = h * float(rng.uniform(0.12, 0.17))
    board = _pick(rng, [(200, 202, 206), (215, 185, 100)])
    bm = 0.05 * w
    dst_board = np.array(
        [
            [cx - far / 2 - bm, ytop - 0.02 * h],
            [cx + far / 2 + bm, ytop - 0.02 * h],
            [cx + near / 2 + bm * 1.2, ynear + side_h + 0.05 * h],
            [cx - near / 2 - bm * 1.2, ynear + side_h + 0.05 * h],
        ],
        np.float32,
    )
    shine = _grained(rng, 64, 48, board, 4.0).astype(np.float32)
    layer, mask = _quad(shine, dst_board, w, h)
    out = _over(out, layer, mask)
    side = np.empty((64, 128, 3), np.float32)
    side[:] = icing * 0.82
    side *= np.linspace(1.0, 0.8, 64, dtype=np.float32)[:, None, None]
    for x in range(0, 128, 8):
        cv2.ellipse(side, (x + 4, 52), (4, 5), 0, 0, 180, (icing * 0.95).tolist(), 2, cv2.LINE_AA)
    dst_side = np.array(
        [
            [cx - near / 2, ynear],
            [cx + near / 2, ynear],
            [cx + near / 2, ynear + side_h],
            [cx - near / 2, ynear + side_h],
        ],
        np.float32,
    )
    layer, mask = _quad(side, dst_side, w, h)
    out = _over(out, layer, mask)
    dst_top = np.array(
        [
            [cx - far / 2, ytop],
            [cx + far / 2, ytop],
            [cx + near / 2, ynear],
            [cx - near / 2, ynear],
        ],
        np.float32,
    )
    layer, mask = _quad(top, dst_top, w, h)
    out = _over(out, layer, mask)
    return _noise(_u8(out), rng, 2.0)


def gift_wrap(img: U8, rng: Rng) -> U8:
    """The picture as the repeat of a wrapping paper round a box, photographed from above
    and in front: small copies (16-22 % of the frame's width) in a half-drop repeat,
    a little flat (x0.9 saturation), with gutters (3-6 px at 400) of the paper's colour
    and stars where they cross; the box's top (x1.05) and front (x0.8) wrapped in one
    sheet, the front's ends folded, a strip of tape, a ribbon both ways round with a
    bow; a shadow on the table."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = _desk(rng, w, h) * 0.85
    x0, x1 = w * float(rng.uniform(0.08, 0.15)), w * (1 - float(rng.uniform(0.08, 0.15)))
    skew = float(rng.uniform(-0.06, 0.06)) * w
    y0, y1, y2 = (
        h * float(rng.uniform(0.06, 0.12)),
        h * float(rng.uniform(0.55, 0.62)),
        h * float(rng.uniform(0.85, 0.92)),
    )
    pw = int(x1 - x0)
    top_h = int(pw * float(rng.uniform(0.5, 0.7)))
    front_h = int(pw * float(rng.uniform(0.28, 0.4)))
    tile_w = int(w * float(rng.uniform(0.16, 0.22)))
    tile_h = max(4, int(tile_w * h / w))
    gut = max(2, round(float(rng.uniform(3, 6)) * s))
    paper = np.array(
        _pick(rng, [(250, 250, 246), (190, 30, 40), (30, 40, 90), (215, 185, 100), (30, 90, 60)]),
        np.float32,
    )
    star = np.array(_pick(rng, [(215, 185, 100), (250, 250, 250), (200, 40, 40)]), np.float32)
    thumb = cv2.resize(img, (tile_w, tile_h), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = thumb.mean(axis=2, keepdims=True)
    thumb = grey + (thumb - grey) * 0.9
    sheet = np.empty((top_h + front_h, pw, 3), np.float32)
    sheet[:] = paper
    cw, ch = tile_w + gut, tile_h + gut
    ox, oy = int(rng.integers(0, cw)), int(rng.integers(0, ch))
    for i, x in enumerate(range(-ox, pw, cw)):
        drop = (ch // 2) * (i % 2)
        for y in range(-oy - drop, sheet.shape[0], ch):
            _blit_f(sheet, thumb, x, y)
            cv2.drawMarker(
                sheet,
                (x - gut // 2, y - gut // 2),
                star.tolist(),
                cv2.MARKER_STAR,
                max(3, 2 * gut),
                1,
            )
    shadow = np.zeros((h, w), np.float32)
    cv2.fillPoly(
        shadow,
        [
            np.array(
                [
                    [x0 + skew, y0],
                    [x1 + skew, y0],
                    [x1 + 8 * s, y2 + 6 * s],
                    [x0 + 8 * s, y2 + 6 * s],
                ],
                np.int32,
            )
        ],
        1.0,
    )
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), 6 * s), np.float32)
    out *= (1 - 0.45 * shadow)[:, :, None]
    top = sheet[:top_h] * 1.05
    front = sheet[top_h:] * 0.8
    fold = max(2, front.shape[1] // 14)
    for xs in (slice(0, fold), slice(front.shape[1] - fold, front.shape[1])):
        front[:, xs] *= 0.8
    tape = int(rng.integers(0, max(1, front.shape[1] - fold * 2)))
    front[:, tape : tape + fold] = front[:, tape : tape + fold] * 0.85 + 40
    ribbon = np.array(_c(rng, 20, 230), np.float32)
    rw = max(3, int(top.shape[1] * float(rng.uniform(0.05, 0.07))))
    mid = top.shape[1] // 2 + int(rng.integers(-top.shape[1] // 8, top.shape[1] // 8 + 1))
    across = np.linspace(0.8, 1.15, rw, dtype=np.float32)[None, :, None]
    top[:, mid - rw // 2 : mid - rw // 2 + rw] = ribbon * across
    front[:, mid - rw // 2 : mid - rw // 2 + rw] = ribbon * across * 0.8
    tm = top.shape[0] // 2
    top[tm - rw // 2 : tm - rw // 2 + rw] = (
        ribbon * np.linspace(0.8, 1.15, rw, dtype=np.float32)[:, None, None]
    )
    bow = int(rw * 2.2)
    for sgn in (-1, 1):
        cv2.ellipse(
            top,
            (mid + sgn * bow, tm),
            (bow, max(2, rw)),
            0,
            0,
            360,
            (ribbon * 1.1).tolist(),
            -1,
            cv2.LINE_AA,
        )
        cv2.ellipse(
            top,
            (mid + sgn * bow, tm),
            (bow // 2, max(1, rw // 3)),
            0,
            0,
            360,
            (ribbon * 0.6).tolist(),
            -1,
            cv2.LINE_AA,
        )
    cv2.circle(top, (mid, tm), rw, (ribbon * 0.9).tolist(), -1, cv2.LINE_AA)
    dst_top = np.array([[x0 + skew, y0], [x1 + skew, y0], [x1, y1], [x0, y1]], np.float32)
    dst_front = np.array([[x0, y1], [x1, y1], [x1, y2], [x0, y2]], np.float32)
    for face, dst in ((front, dst_front), (top, dst_top)):
        layer, mask = _quad(np.ascontiguousarray(face), dst, w, h)
        out = _over(out, layer, mask)
    return _noise(_u8(out), rng, 2.0)


def _blit_f(dst: F32, src: F32, x: int, y: int) -> None:
    """Paste float ``src`` at (x, y), clipped to ``dst`` on every side."""
    h, w = dst.shape[:2]
    sh, sw = src.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + sw), min(h, y + sh)
    if x1 > x0 and y1 > y0:
        dst[y0:y1, x0:x1] = src[y0 - y : y1 - y, x0 - x : x1 - x]


def window_film(img: U8, rng: Rng) -> U8:
    """The picture printed on perforated one-way window film on a shop's window,
    photographed from the street: the print over the glass, a little flat (x0.9
    saturation) with a sheen, pierced by holes on a square or staggered grid (every
    3.5-5 px at 400, 55-70 % of that across); through them the dark shop (grey 20-45,
    shapes of shelves) and the street's sky reflected at 12-20 %; the window's frame
    (3-6 % of the width), a mullion (half of them) and a transom (two in five), the
    fascia and wall round it; off square by up to 3 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    out = (
        _bricks(rng, w, h, _between(rng, (130, 80, 60), (190, 150, 120))).astype(np.float32)
        if rng.random() < 0.5
        else _grained(rng, w, h, _c(rng, 60, 230), 3.0).astype(np.float32)
    )
    fx0, fx1 = (
        int(w * float(rng.uniform(0.03, 0.06))),
        int(w * (1 - float(rng.uniform(0.03, 0.06)))),
    )
    fy0, fy1 = (
        int(h * float(rng.uniform(0.08, 0.14))),
        int(h * (1 - float(rng.uniform(0.03, 0.06)))),
    )
    out[: fy0 - int(4 * s)] = _grained(rng, w, max(1, fy0 - int(4 * s)), _c(rng, 20, 200), 2.0)
    gw, gh = fx1 - fx0, fy1 - fy0
    film = cv2.resize(img, (gw, gh), interpolation=cv2.INTER_AREA).astype(np.float32)
    grey = film.mean(axis=2, keepdims=True)
    film = grey + (film - grey) * 0.9
    yy, xx = _grid(gh, gw)
    film += (12 * np.exp(-(((xx + yy) / (0.6 * (gw + gh))) ** 2)))[:, :, None]
    p = float(rng.uniform(3.5, 5.0)) * s
    dia = p * float(rng.uniform(0.55, 0.7))
    shift = (np.floor(yy / p) % 2) * (p / 2) if rng.random() < 0.5 else 0.0
    dx = np.mod(xx + shift, p) - p / 2
    dy = np.mod(yy, p) - p / 2
    hole = np.clip((dia / 2 - np.sqrt(dx**2 + dy**2)) / 0.7 + 0.5, 0, 1).astype(np.float32)
    inside = _grained(rng, gw, gh, (int(rng.integers(20, 46)),) * 3, 3.0).astype(np.float32)
    for _ in range(int(rng.integers(3, 8))):
        x, y = int(rng.integers(0, gw)), int(rng.integers(gh // 4, gh))
        cv2.rectangle(
            inside,
            (x, y),
            (x + int(rng.integers(gw // 10, gw // 3 + 2)), y + int(gh * 0.05) + 1),
            _c(rng, 30, 90),
            -1,
        )
    inside = np.asarray(cv2.GaussianBlur(inside, (0, 0), 3 * s), np.float32)
    sky = cv2.resize(_sky(rng, 16, 16), (gw, gh)).astype(np.float32)
    inside = (
        inside
        + float(rng.uniform(0.12, 0.2))
        * sky
        * np.linspace(1.2, 0.6, gh, dtype=np.float32)[:, None, None]
    )
    glass = film * (1 - hole[:, :, None]) + inside * hole[:, :, None]
    out[fy0:fy1, fx0:fx1] = glass
    frame_c = np.array(
        _pick(rng, [(60, 62, 66), (200, 202, 206), (30, 30, 32), (30, 60, 45)]), np.float32
    )
    t = max(2, int(w * float(rng.uniform(0.012, 0.02))))
    cv2.rectangle(out, (fx0 - t, fy0 - t), (fx1 + t, fy1 + t), frame_c.tolist(), 2 * t)
    if rng.random() < 0.5:
        mx = int(fx0 + gw * float(rng.uniform(0.35, 0.65)))
        cv2.rectangle(out, (mx - t, fy0), (mx + t, fy1), frame_c.tolist(), -1)
    if rng.random() < 0.4:
        my = int(fy0 + gh * float(rng.uniform(0.15, 0.25)))
        cv2.rectangle(out, (fx0, my - t), (fx1, my + t), frame_c.tolist(), -1)
    return _noise(_tilted(_u8(out), rng, 0.03), rng, 2.0)


def microfilm(img: U8, rng: Rng) -> U8:
    """The picture on a microfilm reader's screen, photographed: the reader's housing
    round a tinted screen (grey-green, warm or cool; 82-90 % of the width); on it the
    picture as a grey copy (stretched between its 5th and 95th percentiles, from no
    higher than 64 to no lower than 192, gamma 0.8-1.1, contrast x1.4), soft (1.2-2 px at
    400), grainy, a little turned (up to 1.5 degrees), the film's dark edge with a frame
    number below it, three to seven long scratches and 20-50 specks of dust; the lamp's
    hot spot in the middle (x1.12 there, x0.92 at the edges, x0.72 at the corners), a
    faint glare."""
    h, w = img.shape[:2]
    s = _scale(w)
    housing = _pick(rng, [(205, 195, 170), (150, 152, 150), (60, 62, 66)])
    out = _grained(rng, w, h, housing, 3.0).astype(np.float32)
    sw, sh = int(w * float(rng.uniform(0.82, 0.9))), int(h * float(rng.uniform(0.8, 0.88)))
    sx, sy = (w - sw) // 2, int((h - sh) * float(rng.uniform(0.3, 0.5)))
    tint = (
        np.array(_pick(rng, [(200, 218, 200), (228, 216, 192), (205, 212, 220)]), np.float32) / 255
    )
    grey = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    t = _stretched(grey, 5, 95) ** float(rng.uniform(0.8, 1.1))
    t = np.clip((t - 0.5) * 1.4 + 0.5, 0, 1)
    fw, fh = int(sw * float(rng.uniform(0.88, 0.94))), int(sh * float(rng.uniform(0.82, 0.9)))
    frame = cv2.resize(t, (fw, fh), interpolation=cv2.INTER_AREA)
    film = np.full((sh, sw), 0.22, np.float32)
    fx, fy = (sw - fw) // 2, int((sh - fh) * 0.35)
    film[fy : fy + fh, fx : fx + fw] = frame
    cv2.putText(
        film,
        f"{int(rng.integers(1, 9999)):04d}",
        (fx, min(sh - 3, fy + fh + int(14 * s))),
        cv2.FONT_HERSHEY_PLAIN,
        0.9 * s,
        0.75,
        max(1, int(s)),
        cv2.LINE_AA,
    )
    rot = cv2.getRotationMatrix2D((sw / 2, sh / 2), float(rng.uniform(-1.5, 1.5)), 1.0)
    film = np.asarray(
        cv2.warpAffine(film, rot, (sw, sh), borderMode=cv2.BORDER_CONSTANT, borderValue=0.22),
        np.float32,
    )
    film = np.asarray(cv2.GaussianBlur(film, (0, 0), float(rng.uniform(1.2, 2.0)) * s), np.float32)
    film += rng.normal(0, 0.025, film.shape).astype(np.float32)
    for _ in range(int(rng.integers(3, 8))):
        x = int(rng.integers(0, sw))
        y0 = int(rng.integers(0, sh // 2))
        y1 = int(rng.integers(sh // 2, sh))
        cv2.line(
            film, (x, y0), (x + int(rng.integers(-3, 4)), y1), float(rng.choice([0.05, 0.95])), 1
        )
    for _ in range(int(rng.integers(20, 51))):
        cv2.circle(
            film,
            (int(rng.integers(0, sw)), int(rng.integers(0, sh))),
            int(rng.integers(0, 2)) + 1,
            0.08,
            -1,
        )
    yy, xx = _grid(sh, sw)
    r2 = ((xx - sw / 2) / (sw / 2)) ** 2 + ((yy - sh / 2) / (sh / 2)) ** 2
    light = 1.12 - 0.2 * r2
    screen = 255 * np.clip(film * light, 0, 1.2)[:, :, None] * tint
    glare = np.exp(-(((xx - yy * 1.3 - sw * 0.4) / (0.15 * sw)) ** 2)) * 14
    screen += glare[:, :, None]
    bez = max(2, int(3 * s))
    cv2.rectangle(out, (sx - bez, sy - bez), (sx + sw + bez, sy + sh + bez), (25, 25, 27), -1)
    out[sy : sy + sh, sx : sx + sw] = screen
    for k in range(2):
        cv2.circle(
            out,
            (int(w * (0.3 + 0.4 * k)), min(h - 4, sy + sh + int((h - sy - sh) / 2))),
            max(2, int(5 * s)),
            _shade(housing, 0.6),
            -1,
        )
    return _noise(_u8(out), rng, 2.5)


def cyanotype(img: U8, rng: Rng) -> U8:
    """The picture as a cyanotype (a sun print) on watercolour paper, photographed: the
    paper off-white with a grain; brushed with the emulsion over 74-86 % of it (its edges
    ragged, bristle streaks past its ends), the picture's area (66-78 %) printed in
    Prussian blue by its darkness (stretched between its 2nd and 98th percentiles, from no
    higher than 64 to no lower than 192; gamma 0.8-1.2; the lights a pale blue wash), the
    brushed margin round it deep blue; off square by up to 2 %."""
    h, w = img.shape[:2]
    s = _scale(w)
    paper = np.array(_between(rng, (236, 234, 226), (248, 246, 240)), np.float32)
    prussian = np.array(_pick(rng, [(20, 45, 110), (15, 35, 85), (30, 60, 130)]), np.float32)
    out = paper * np.ones((h, w, 1), np.float32)
    grain = _field(rng, w, h, max(2, int(3 * s)))
    out += grain[:, :, None] * 3
    yy, xx = _grid(h, w)
    bw, bh = w * float(rng.uniform(0.74, 0.86)), h * float(rng.uniform(0.74, 0.86))
    cx, cy = (
        w / 2 + float(rng.uniform(-0.02, 0.02)) * w,
        h / 2 + float(rng.uniform(-0.02, 0.02)) * h,
    )
    ragx = _field(rng, w, h, max(3, int(10 * s))) * 0.012 * w
    ragy = _field(rng, w, h, max(3, int(10 * s))) * 0.012 * h
    brush = ((np.abs(xx - cx) + ragx < bw / 2) & (np.abs(yy - cy) + ragy < bh / 2)).astype(
        np.float32
    )
    for _ in range(int(rng.integers(6, 13))):
        y = int(rng.integers(int(cy - bh / 2), int(cy + bh / 2)))
        sgn = int(rng.choice([-1, 1]))
        x_edge = int(cx + sgn * bw / 2)
        length = int(w * float(rng.uniform(0.01, 0.05)))
        x_end = x_edge + sgn * length
        cv2.line(
            brush,
            (x_edge, y),
            (x_end, y + int(rng.integers(-2, 3))),
            1.0,
            max(1, int(rng.integers(1, 3) * s)),
        )
    brush = cv2.GaussianBlur(brush, (0, 0), 0.7 * s)
    iw, ih = int(w * float(rng.uniform(0.66, 0.78))), 0
    ih = int(iw * h / w)
    iw, ih = min(iw, int(bw - 0.04 * w)), min(ih, int(bh - 0.04 * h))
    ix, iy = int(cx - iw / 2), int(cy - ih / 2)
    lum = cv2.resize(img, (iw, ih), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    lum = cv2.GaussianBlur(lum, (0, 0), 0.7 * s)
    light = _stretched(lum, 2, 98)
    dens = np.full((h, w), float(rng.uniform(0.9, 1.0)), np.float32)
    dens[iy : iy + ih, ix : ix + iw] = np.clip(
        (1 - light) ** float(rng.uniform(0.8, 1.2)) * 0.92 + 0.08, 0, 1
    )
    dens *= brush
    dens *= 1 + 0.05 * np.clip(grain, -2, 2)
    out = out * (1 - dens[:, :, None]) + prussian * dens[:, :, None]
    return _noise(_tilted(_u8(out), rng, 0.02), rng, 2.0)


def tintype(img: U8, rng: Rng) -> U8:
    """The picture as a tintype (a wet-collodion positive on a black iron plate),
    photographed: mirrored left to right as the process makes it; grey by a blue-heavy
    sensitivity (0.1 R + 0.3 G + 0.6 B, so reds go dark and blues light), stretched
    between its 2nd and 98th percentiles, gamma 0.9-1.2, from near black to a creamy
    grey; softer and swirled towards the edges, darker to the corners (x0.65); the
    collodion poured short of the plate's edge (a wavy margin of bare black plate),
    comets and specks; in half of them behind a brass mat with an oval window."""
    h, w = img.shape[:2]
    s = _scale(w)
    f = img[:, ::-1].astype(np.float32)
    lum = 0.1 * f[:, :, 0] + 0.3 * f[:, :, 1] + 0.6 * f[:, :, 2]
    t = _stretched(lum, 2, 98) ** float(rng.uniform(0.9, 1.2))
    yy, xx = _grid(h, w)
    r = np.sqrt(((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2) / np.sqrt(2)
    soft = cv2.GaussianBlur(t, (0, 0), float(rng.uniform(2.0, 3.0)) * s)
    mixw = np.clip((r - 0.4) / 0.5, 0, 1)
    t = t * (1 - mixw) + soft * mixw
    t *= 1 - 0.35 * r**2
    dark = np.array(_between(rng, (18, 15, 12), (30, 26, 22)), np.float32)
    cream = np.array(_between(rng, (190, 182, 160), (215, 205, 182)), np.float32)
    plate = (
        dark * np.ones((h, w, 1), np.float32)
        + _field(rng, w, h, max(3, int(8 * s)))[:, :, None] * 2
    )
    image = dark + (cream - dark) * np.clip(t, 0, 1)[:, :, None]
    wob = _field(rng, w, h, max(4, int(20 * s)))
    margin = float(rng.uniform(0.03, 0.06))
    edge = np.minimum(np.minimum(xx, w - 1 - xx) / w, np.minimum(yy, h - 1 - yy) / h) + 0.01 * wob
    pour = np.clip((edge - margin) / 0.006, 0, 1).astype(np.float32)
    out = plate * (1 - pour[:, :, None]) + image * pour[:, :, None]
    for _ in range(int(rng.integers(10, 31))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        ln = int(rng.integers(2, 7) * s) + 1
        cv2.line(
            out,
            (x, y),
            (x + int(rng.integers(-2, 3)), y + ln),
            (cream * 0.9).tolist(),
            1,
            cv2.LINE_AA,
        )
    for _ in range(int(rng.integers(30, 81))):
        cv2.circle(
            out,
            (int(rng.integers(0, w)), int(rng.integers(0, h))),
            max(1, int(s)),
            dark.tolist(),
            -1,
        )
    if rng.random() < 0.5:
        brass = np.array(_between(rng, (160, 125, 60), (200, 165, 90)), np.float32)
        mat = (
            brass * np.ones((h, w, 1), np.float32)
            + _field(rng, w, h, max(2, int(3 * s)))[:, :, None] * 10
        )
        ax, ay = w * float(rng.uniform(0.38, 0.45)), h * float(rng.uniform(0.4, 0.46))
        oval = (((xx - w / 2) / ax) ** 2 + ((yy - h / 2) / ay) ** 2).astype(np.float32)
        window = np.clip((1 - oval) / 0.02, 0, 1)
        ring = np.abs(np.sqrt(oval) - 1.06) < 0.012
        mat[ring] *= 0.7
        out = out * window[:, :, None] + mat * (1 - window[:, :, None])
    return _noise(_u8(out), rng, 2.0)


def laser_crystal(img: U8, rng: Rng) -> U8:
    """The picture laser-engraved in a glass block on a lit base, photographed in the dark:
    the block's front 56-68 % of the width (the picture's shape, a little taller), its top
    and one side seen, dark glass with bright edges; inside it the picture as a cloud of
    tiny white points (a point where a random draw falls under the picture's lightness,
    stretched from at most 64 to at least 160, to the 1.5-2nd power, x0.3-0.45), a
    second, fainter layer of points deeper in (offset up and to the side); the base's
    blue-white light rising into the block's foot; a faint reflection across the glass."""
    h, w = img.shape[:2]
    s = _scale(w)
    bg = float(rng.uniform(6, 14))
    out = np.full((h, w, 3), bg, np.float32)
    bw = int(w * float(rng.uniform(0.56, 0.68)))
    bh = min(int(h * 0.7), int(bw * h / w * float(rng.uniform(1.0, 1.08))))
    depth = int(bh * float(rng.uniform(0.12, 0.2)))
    sgn = int(rng.choice([-1, 1]))
    x0 = (w - bw) // 2 - sgn * depth // 3
    y0 = int(h * 0.1) + depth
    x1, y1 = x0 + bw, y0 + bh
    off = (sgn * int(depth * 0.6), -depth)
    top = np.array(
        [[x0, y0], [x1, y0], [x1 + off[0], y0 + off[1]], [x0 + off[0], y0 + off[1]]], np.int32
    )
    sx = x1 if sgn > 0 else x0
    side = np.array(
        [[sx, y0], [sx + off[0], y0 + off[1]], [sx + off[0], y1 + off[1]], [sx, y1]], np.int32
    )
    cv2.fillPoly(out, [top], (40, 46, 58))
    cv2.fillPoly(out, [side], (24, 29, 38))
    glass = np.linspace(18, 28, bh, dtype=np.float32)[:, None, None] * np.array(
        [0.9, 1.0, 1.3], np.float32
    )
    out[y0:y1, x0:x1] = glass
    inset = int(0.06 * bw)
    iw, ih = bw - 2 * inset, bh - 2 * inset
    lum = cv2.resize(img, (iw, ih), interpolation=cv2.INTER_AREA).astype(np.float32).mean(axis=2)
    lum = _stretched(lum, 2, 98, 160.0)
    gamma = float(rng.uniform(1.5, 2.0))
    dens = float(rng.uniform(0.3, 0.45))
    p = np.clip(lum, 0, 1) ** gamma * dens
    dots = (rng.random((ih, iw)) < p).astype(np.float32)
    deep = (rng.random((ih, iw)) < 0.4 * p).astype(np.float32)
    layer = np.zeros((h, w), np.float32)
    layer[y0 + inset : y0 + inset + ih, x0 + inset : x0 + inset + iw] += dots
    dx, dy = int(off[0] * 0.35), int(off[1] * 0.35)
    layer[y0 + inset + dy : y0 + inset + ih + dy, x0 + inset + dx : x0 + inset + iw + dx] += (
        0.5 * deep
    )
    layer = cv2.GaussianBlur(layer, (0, 0), 0.5 * s) * 1.6
    out += np.clip(layer, 0, 1.3)[:, :, None] * np.array([215, 225, 250], np.float32)
    edge = np.zeros((h, w), np.float32)
    for poly in (top, side, np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.int32)):
        cv2.polylines(edge, [poly], True, 1.0, max(1, int(s)), cv2.LINE_AA)
    edge = edge + cv2.GaussianBlur(edge, (0, 0), 2 * s) * 0.8
    out += np.clip(edge, 0, 1.2)[:, :, None] * np.array([190, 200, 225], np.float32)
    base_h = int(h * float(rng.uniform(0.08, 0.12)))
    cv2.rectangle(
        out,
        (x0 - int(0.04 * bw), y1),
        (x1 + int(0.04 * bw), min(h - 1, y1 + base_h)),
        (20, 20, 24),
        -1,
    )
    cv2.line(out, (x0, y1), (x1, y1), (170, 200, 250), max(1, int(2 * s)))
    rise = np.clip(1 - (y1 - np.arange(y0, y1, dtype=np.float32)) / (0.4 * bh), 0, 1)
    out[y0:y1, x0:x1] += rise[:, None, None] * np.array([10, 25, 55], np.float32)
    yy, xx = _grid(bh, bw)
    streak = (
        np.exp(-(((xx - yy * 0.8 - bw * float(rng.uniform(0.2, 0.6))) / (0.06 * bw)) ** 2)) * 10
    )
    out[y0:y1, x0:x1] += streak[:, :, None]
    return _noise(_u8(out), rng, 2.0)


def views_v22(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v22's twelve pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    planes = place.planes(0)

    def shot(reach: float, turn: float) -> U8:
        return _noise(render(planes, moved(place, rng, reach, turn), w, h), rng, 2.0)

    out: dict[str, bytes] = {}
    out["binoculars"] = _jpeg(binoculars(place, rng, w, h), 85)
    out["cameraback"] = _jpeg(camera_back(shot(0.4, 12), rng), 85)
    out["billboard"] = _jpeg(billboard(shot(0.4, 12), rng), 85)
    out["joiner"] = _jpeg(joiner(place, rng, w, h), 85)
    out["datamosh"] = _png(datamosh(*mosh_frames(place, rng, w, h), rng))
    out["photocake"] = _jpeg(photo_cake(shot(0.4, 12), rng), 85)
    out["giftwrap"] = _jpeg(gift_wrap(shot(0.4, 12), rng), 85)
    out["windowfilm"] = _jpeg(window_film(shot(0.4, 12), rng), 85)
    out["microfilm"] = _jpeg(microfilm(shot(0.4, 12), rng), 85)
    out["cyanotype"] = _jpeg(cyanotype(shot(0.4, 12), rng), 85)
    out["tintype"] = _jpeg(tintype(shot(0.4, 12), rng), 85)
    out["lasercrystal"] = _jpeg(laser_crystal(shot(0.4, 12), rng), 85)
    return out


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v22", room=room_v22, views=views_v22)


def main() -> None:
    dry_run("v22", make_pictures, place_kind)


if __name__ == "__main__":
    main()

"""Generator v10 of ``bench/link.py``: benign places as handheld videos, webcams, children,
doorways and old re-saved copies show them, held out.

Written blind, like v6-v9: its author read only the brief of issue 14 (``issues show
14``), the first page of the project's DESIGN.md and STYLE.md, ``docs/architecture.md``,
``bench/link_rooms_v9.py`` and ``bench/link_rooms_v8.py`` (for the interface, the truth
format, the shared picture writer and what they cover) and, in ``bench/link.py``, only the
generator plumbing (``GENERATORS``, the ``views_*`` signatures, ``make_collection``'s
writer, the argument parser); of ``bench/link_rooms_v6.py`` only the signature lines of
``write_pictures`` and ``dry_run``, which v8 and v9 call and this module calls the same way.
Nothing of the linker's code, tests, docs or results was read, and neither the linker nor
``bench.link`` was ever run on these pictures: use it once, for a held-out figure. v9's
projective renderer (``render``, ``Plane``, ``Camera``, ``box_planes``) is imported; the
places, their textures and every view are v10's own.

Run with ``--generator v10 --no-real`` (``--no-real`` keeps the collection to generated
places). To look at the pictures and the truth without linking anything:
``PYTHONPATH=src .venv/bin/python -m bench.link_rooms_v10 --rooms 12 --out /tmp/v10``.

**What a place is.** Each seed is one place built in 3-D (a box: back, left, right and
front walls, floor, ceiling or sky) with the place's fixed things drawn into its wall
textures (windows with their outside and curtains, doors, shelves of books, framed
pictures, posters, clocks, noticeboards, mirrors, towels, coat hooks, radiators, sockets,
switches, tiles; a car's dashboard and windscreen; a tent's seams, lettering and mesh
window; a yard's brick walls, fences and hedges) and furniture as 3-D boxes (beds with
bedding and headboards, wardrobes, chests, desks with screens, tables, sofas, lamps,
kitchen units, fridges with notes, bathtubs, basins, sheds, planters, bins, sleeping bags,
seats). The front wall has a door opening (a car's open tailgate, a tent's door, a yard's
gate) with the hall (or the outside) beyond it, for the ``doorway`` view. Two pictures
show the same place exactly when they come from the same seed.

**Distinct places are distinct.** Every surface of an ordinary place is drawn in code from
that place's own random generator (``default_rng(100_000_000 + seed)``): paint with its
own unevenness, wood with its own boards, grain, joints and knots, tiles each with their
own shade and speckle and a few decorated or chipped ones, bricks each their own colour,
hedges leaf by leaf, fabrics, carpets, art, book spines, labels, screens, outside views
(sky, clouds, buildings, trees). No photograph is used at all (no scikit-image or
opencv-doc picture), so two ordinary places cannot share a photographed surface; the tests
check that no two ordinary places share any texture that is not a plain colour. What any
two places may still have alike is what is generic in real rooms too: socket and switch
plates, the shape (not the colours) of a panelled door, a radiator's fins, a clock face's
twelve dots, the Hershey fonts of the (random) lettering.

**Kinds of place**: bedroom, living room, kitchen, bathroom, hallway (narrow and deep),
office, hotel room, car interior (from the back seat), tent, an outdoor yard (brick,
fence or hedge; lawn, paving or gravel; sky), and, as look-alikes only, a log cabin and a
shop.

**Views (what is new compared with v1-v9):**

- ``walkthrough``: a frame of a handheld walk-through video: the camera walked up to
  0.9 m into the place and swung up to 25 degrees, rolled up to 6, motion blur of 2-9 px
  (at 400 px wide), rolling-shutter skew (up to 12 % of the width top to bottom) and
  wobble, 0.45-0.9 of the width (360-720 px at 800), chroma at a quarter, compressed as
  JPEG 18-32 and deblocked (a bilateral filter), saved as JPEG 90.
- ``childeye``: a child's eye height (0.85-1.15 m in a room, a child seat's 0.78-0.86 m
  in a car, lying in a tent 0.35-0.5 m) against the original's adult one (1.5-1.72 m),
  looking level or a little up, moved up to 0.7 m and turned up to 20 degrees.
- ``zoom``: a phone's digital zoom: 28-45 % of the frame's width (of four random cuts the
  one with the most edges) upscaled to the full size with its sensor noise, sharpened.
- ``foreground``: something close to the lens and out of focus hides 20-40 % of the
  frame: a door frame's edge, a plant's leaves, a chair back or a bed end (fabric or
  wood), a mug (a quarter each).
- ``doorway``: the place seen through its door from the hall 1.0-1.6 m outside (a car
  through its open tailgate, a tent through its door, a yard through its gate from 2-3.5
  m): the hall's wall round the opening, the door leaf open against the wall.
- ``lamp``: curtains drawn and a lamp on (dim, warm, a pool of light round the lamp) or
  curtains open, the lamp off, a grey day (cool, flat, darker), half each; camera moved.
- ``nextday``: another day: other bedding and cushions, other loose things (boxes,
  packages, bags) in other places; furniture, walls and what hangs on them stay; camera
  moved up to 0.5 m, turned up to 14 degrees, other daylight.
- ``webcam``: a laptop's webcam at table height (0.8-1.0 m), wide (70-80 degrees),
  0.4-0.55 of the size, auto-exposure pushing the picture up (windows blown out), a cool
  cast, barrel distortion, heavy noise (sigma 6-10), JPEG 60.
- ``panorama``: a phone panorama from one spot: 6-9 narrow strips turned 18-22 degrees
  apart (120-160 degrees in all), each with its own exposure and a drifting pitch,
  joined on a cylinder, 0.85 of the height and about 2-3 times as wide as high.
- ``resaved``: a copy re-saved 12-30 times (each a JPEG at quality 55-85, some after a
  slight shrink, a brightness tweak or a one-pixel crop), ending at 0.7 of the size,
  JPEG 75.

**Different places that share a lot** (look-alikes; different labels in the truth; 10 %
of seeds):

- *Twin rooms* (6 %: ``seed % 50`` in {17, 18, 19}): three hotel rooms of one hotel
  (templates of even ``seed // 50``) or three bedrooms of one house (odd) furnished with
  the same mass-produced items from the template ``101_000_000 + seed // 50``: the same
  carpet, the same wallpaper on the back wall, the same bed (frame and headboard) and the
  same lamp. They differ in size, windows (where, how many, what they show, curtains),
  doors, the other walls' paint, what hangs on the walls, the other furniture, the
  arrangement (where the bed and the lamp stand) and the bedding and clutter.
- *Rental cabins of one model* (2 %: ``seed % 100`` in {41, 42}): one model
  (``102_000_000 + seed // 100``): the same size (3.4 x 2.3 x 4.2 m), the same two
  windows' places and frames, the same stove, bunk bed, kitchenette and table; the logs'
  wood (natural, so each cabin's own), what the windows show, what hangs on the walls,
  the arrangement, the bedding and the clutter differ.
- *Shops of one chain* (2 %: ``seed % 100`` in {71, 72}): one chain (``103_000_000 + seed
  // 100``): the same floor tiles, the same shelving, the same twelve products and the
  same logo sign; the shops differ in size, paint, windows, doors, notices, where the
  shelves stand and the order of the products on them.

**Pictures per place: 11** (the original and 10 views): ``original`` (PNG),
``walkthrough`` (0.45-0.9 of the size, JPEG 90 of a JPEG 18-32), ``childeye`` (JPEG 85),
``zoom`` (JPEG 85), ``foreground`` (JPEG 85), ``doorway`` (JPEG 85), ``lamp`` (JPEG 80),
``nextday`` (JPEG 85), ``webcam`` (0.4-0.55 of the size, JPEG 60), ``panorama`` (0.85
of the height, wider, JPEG 85), ``resaved`` (0.7 of the size, JPEG 75).

**Proportions** (of seeds). Look-alikes 10 % (3 twin rooms in every 50 seeds, 2 model
cabins and 2 chain shops in every 100); the other seeds draw their kind with shares
bedroom 15 %, living room 13 %, kitchen 11 %, bathroom 9 %, hallway 7 %, hotel room 9 %,
office 9 %, car 9 %, tent 7 %, outdoor 11 %. Counted on seeds 0-999 (``kind_counts``):
twin hotel rooms 30, twin bedrooms 30, model cabins 20, chain shops 20; of the other
900: bedroom 135, outdoor 108, living 106, kitchen 100, car 86, hotel 81, tent 79,
bathroom 75, office 74, hallway 56 (the tests check each share within ±4 points). The
first 60 seeds (a default ``--rooms 60`` run): outdoor 10, car 10, bedroom 9, living 8,
office 4, kitchen 4, hotel 3, bathroom 3, hallway 2, tent 2, twin hotel rooms 3 (seeds
17-19), model cabins 2 (41, 42).

**Speed**: 0.40-0.45 s of CPU a place (11 pictures at 400x300; 0.86-0.96 s wall) against
v9's 0.33 s and v8's 0.52-0.56 s in the same runs (seeds 200-223 of each, two runs), at
load average 9.2-10.6 on the shared 2-core machine: 1.2-1.3x v9's CPU time, 0.8x v8's.
About 0.66 s of CPU a place at 800x600 (seeds 200-207, same load). Most of it is drawing
the place's textures (the same at any picture size).

**Seeds**: a place ``100_000_000 + seed``; twin template ``101_000_000 + seed // 50``;
cabin model ``102_000_000 + seed // 100``; shop chain ``103_000_000 + seed // 100``; a
day's bedding and clutter ``104_000_000 + 2 * seed + day`` (day 0 in the original and
all views but ``nextday``); views ``default_rng([105_000_000, seed, i])`` (``i`` the
index ``make_collection`` passes); the original's sensor noise ``106_000_000 + seed``.
Deterministic by seed. No picture of a person, nothing but rooms, cars, tents and yards.
Pictures not made by ``room_v10`` (the real pictures of ``bench/link.py`` when run
without ``--no-real``) are hung as a print 2 m wide on the back wall of a generated room
and seen the same ways.
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

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator
Colour = tuple[int, int, int]

PLACE_SEED = 100_000_000
TWIN_SEED = 101_000_000
CABIN_SEED = 102_000_000
SHOP_SEED = 103_000_000
DAY_SEED = 104_000_000
VIEW_SEED = 105_000_000
SENSOR_SEED = 106_000_000
TWIN_EVERY, TWIN_SLOTS = 50, (17, 18, 19)
CABIN_EVERY, CABIN_SLOTS = 100, (41, 42)
SHOP_EVERY, SHOP_SLOTS = 100, (71, 72)
RES = 180.0  # texture pixels a metre
KINDS = (
    ("bedroom", 0.15),
    ("living", 0.13),
    ("kitchen", 0.11),
    ("bathroom", 0.09),
    ("hallway", 0.07),
    ("hotel", 0.09),
    ("office", 0.09),
    ("car", 0.09),
    ("tent", 0.07),
    ("outdoor", 0.11),
)
VIEW_KINDS = (
    "walkthrough",
    "childeye",
    "zoom",
    "foreground",
    "doorway",
    "lamp",
    "nextday",
    "webcam",
    "panorama",
    "resaved",
)
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
SYLLABLES = tuple(c + v for c in "bcdfghklmnprstvz" for v in "aeiou")
NEAR_WALL = 0.3


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


def _u8(x: npt.NDArray[Any]) -> U8:
    return np.asarray(np.clip(x, 0, 255), np.uint8)


def _c(rng: Rng, lo: int = 0, hi: int = 256) -> Colour:
    r, g, b = rng.integers(lo, hi, 3)
    return int(r), int(g), int(b)


def _shade(colour: Colour, k: float) -> Colour:
    return tuple(int(np.clip(v * k, 0, 255)) for v in colour)  # type: ignore[return-value]


def _jpeg(img: U8, quality: int) -> bytes:
    ok, buf = cv2.imencode(
        ".jpg",
        cv2.cvtColor(np.ascontiguousarray(img[:, :, :3]), cv2.COLOR_RGB2BGR),
        [cv2.IMWRITE_JPEG_QUALITY, int(quality)],
    )
    assert ok
    return bytes(buf.tobytes())


def _unjpeg(data: bytes) -> U8:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), np.uint8)


def _noise(img: U8, rng: Rng, sigma: float) -> U8:
    noise = rng.standard_normal(img.shape, dtype=np.float32) * np.float32(sigma)
    return _u8(img.astype(np.float32) + noise)


def _px(metres: float) -> int:
    return max(4, round(metres * RES))


# --- procedural textures, every one drawn from the rng it is given ---------------------------


def _field(rng: Rng, w: int, h: int, cell: int) -> F32:
    """Smooth noise of about unit amplitude with features ``cell`` pixels across."""
    small = rng.standard_normal((h // cell + 3, w // cell + 3)).astype(np.float32)
    big = cv2.resize(
        small, ((w // cell + 3) * cell, (h // cell + 3) * cell), interpolation=cv2.INTER_CUBIC
    )
    return np.ascontiguousarray(big[cell : cell + h, cell : cell + w])


def _paint(rng: Rng, w: int, h: int, colour: Colour) -> U8:
    """Wall paint: a colour, unevenly lit and rolled on."""
    k = 1 + 0.04 * _field(rng, w, h, 70) + 0.012 * _field(rng, w, h, 6)
    return _u8(np.array(colour, np.float32)[None, None, :] * k[:, :, None])


def _word(rng: Rng, syllables: tuple[int, int] = (2, 4)) -> str:
    n = int(rng.integers(syllables[0], syllables[1] + 1))
    return "".join(SYLLABLES[int(i)] for i in rng.integers(0, len(SYLLABLES), n))


def _text(img: U8, rng: Rng, text: str, x: int, y: int, height: int, colour: Colour) -> None:
    font = int(rng.choice([0, 1, 2, 3, 4, 6]))
    scale = max(0.2, height / 22.0)
    thick = max(1, int(height / 10))
    cv2.putText(img, text, (x, y), font, scale, colour, thick, cv2.LINE_AA)


def _wood(rng: Rng, w: int, h: int, colour: Colour, plank: int, along_x: bool = True) -> U8:
    """Wooden boards: each board its own shade and grain, butt joints, knots."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    across, along = (yy, xx) if along_x else (xx, yy)
    board = (across // plank).astype(np.int32)
    n = int(board.max()) + 1
    shade = rng.uniform(0.78, 1.15, n).astype(np.float32)[board]
    offs = rng.uniform(0, 300, n).astype(np.float32)[board]
    warp = _field(rng, w, h, 45) * 9 + _field(rng, w, h, 11) * 2
    freq = np.float32(rng.uniform(0.35, 0.8))
    g = 0.5 + 0.5 * np.sin((across + warp + offs) * freq + along * 0.004)
    val = (0.82 + 0.18 * g**3) * shade
    img = np.array(colour, np.float32)[None, None, :] * val[:, :, None]
    out = _u8(img)
    dark = _shade(colour, 0.45)
    for b in range(n):
        a0 = b * plank
        if along_x:
            cv2.line(out, (0, a0), (w, a0), dark, 1)
        else:
            cv2.line(out, (a0, 0), (a0, h), dark, 1)
        length = w if along_x else h
        pos = float(rng.uniform(-length, 0))
        while pos < length:
            pos += float(rng.uniform(0.6, 1.6)) * length / 2
            p = int(pos)
            if along_x:
                cv2.line(out, (p, a0), (p, a0 + plank), dark, 1)
            else:
                cv2.line(out, (a0, p), (a0 + plank, p), dark, 1)
        for _ in range(int(rng.poisson(0.6))):
            c = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            ax = (int(rng.integers(3, 9)), int(rng.integers(2, 5)))
            cv2.ellipse(out, c, ax if along_x else ax[::-1], 0, 0, 360, _shade(colour, 0.6), -1)
    return out


def _tiles(rng: Rng, w: int, h: int, tile: int, colour: Colour, grout: Colour) -> U8:
    """Tiles, each its own slight shade and speckle; a few decorated ones, a few chipped."""
    out = np.empty((h, w, 3), np.uint8)
    out[:] = grout
    speck = _field(rng, w, h, 3) * 0.05 + _field(rng, w, h, 25) * 0.04
    deco_col = _c(rng, 30, 220)
    motif = int(rng.integers(0, 3))
    for ty in range(0, h, tile):
        for tx in range(0, w, tile):
            k = float(rng.uniform(0.9, 1.08))
            y1, x1 = min(h, ty + tile - 2), min(w, tx + tile - 2)
            if y1 <= ty or x1 <= tx:
                continue
            base = np.array(_shade(colour, k), np.float32)
            block = base[None, None, :] * (1 + speck[ty:y1, tx:x1, None])
            out[ty:y1, tx:x1] = _u8(block)
            cx, cy, r = (tx + x1) // 2, (ty + y1) // 2, max(2, tile // 3)
            if rng.random() < 0.07:
                if motif == 0:
                    cv2.circle(out, (cx, cy), r, deco_col, -1)
                    cv2.circle(out, (cx, cy), r // 2, _shade(deco_col, 0.6), -1)
                elif motif == 1:
                    pts = np.array([[cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]])
                    cv2.fillPoly(out, [pts.astype(np.int32)], deco_col)
                else:
                    for a in range(0, 360, 72):
                        p = (cx + int(r * 0.6 * np.cos(np.radians(a))), cy)
                        p = (p[0], cy + int(r * 0.6 * np.sin(np.radians(a))))
                        cv2.circle(out, p, max(1, r // 3), deco_col, -1)
            if rng.random() < 0.05:
                corner = (tx + int(rng.integers(0, 2)) * (tile - 6), ty)
                cv2.circle(out, corner, int(rng.integers(2, 5)), grout, -1)
    return out


def _bricks(rng: Rng, w: int, h: int, colour: Colour) -> U8:
    out = np.empty((h, w, 3), np.uint8)
    out[:] = _shade(colour, 0.55) if rng.random() < 0.5 else (190, 185, 175)
    bw, bh = _px(0.215), _px(0.065)
    speck = _field(rng, w, h, 2) * 0.07
    for row, y in enumerate(range(0, h, bh + 2)):
        shift = (bw // 2) * (row % 2) + int(rng.integers(-2, 3))
        for x in range(-shift, w, bw + 2):
            x0, x1, y1 = max(0, x), min(w, x + bw), min(h, y + bh)
            if x1 <= x0 or y1 <= y:
                continue
            base = np.array(_shade(colour, float(rng.uniform(0.75, 1.2))), np.float32)
            out[y:y1, x0:x1] = _u8(base[None, None, :] * (1 + speck[y:y1, x0:x1, None]))
    return out


def _fabric(rng: Rng, w: int, h: int) -> U8:
    """Bedding, upholstery, a curtain: scattered motifs, uneven stripes or checks, or plain
    woven cloth; soft folds."""
    base = _c(rng, 40, 235)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = base
    kind = int(rng.integers(0, 4))
    second, third = _c(rng), _c(rng)
    if kind == 0:  # scattered motifs
        size = int(rng.integers(4, 12))
        for _ in range(int(w * h / (size * size * 6)) + 2):
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
            shape = int(rng.integers(0, 3))
            if shape == 0:
                for a in range(0, 360, 72):
                    d = (
                        int(size * 0.6 * np.cos(np.radians(a))),
                        int(size * 0.6 * np.sin(np.radians(a))),
                    )
                    cv2.circle(img, (x + d[0], y + d[1]), max(1, size // 3), second, -1)
                cv2.circle(img, (x, y), max(1, size // 4), third, -1)
            elif shape == 1:
                ang = float(rng.uniform(0, 180))
                cv2.ellipse(img, (x, y), (size, max(1, size // 3)), ang, 0, 360, second, -1)
            else:
                cv2.circle(img, (x, y), max(1, size // 2), third, -1)
    elif kind == 1:  # stripes of uneven widths
        pos = 0
        while pos < w:
            sw = int(rng.integers(3, 25))
            if rng.random() < 0.5:
                img[:, pos : pos + sw] = second if rng.random() < 0.6 else third
            pos += sw
    elif kind == 2:  # checks of uneven widths
        for axis in (0, 1):
            pos, n = 0, (h if axis == 0 else w)
            while pos < n:
                sw = int(rng.integers(4, 20))
                if rng.random() < 0.45:
                    if axis == 0:
                        img[pos : pos + sw] = (
                            img[pos : pos + sw] * 0.55 + np.array(second) * 0.45
                        ).astype(np.uint8)
                    else:
                        img[:, pos : pos + sw] = (
                            img[:, pos : pos + sw] * 0.6 + np.array(third) * 0.4
                        ).astype(np.uint8)
                pos += sw
    weave = 1 + 0.05 * _field(rng, w, h, 2) + 0.1 * _field(rng, w, h, 30)
    return _u8(img.astype(np.float32) * weave[:, :, None])


def _art(rng: Rng, w: int, h: int) -> U8:
    """A picture for a wall: a painted landscape, abstract shapes, blocks and lines, or a
    lettered poster."""
    img = np.empty((h, w, 3), np.uint8)
    style = int(rng.integers(0, 4))
    if style == 0:
        top, bottom = (
            np.array(_c(rng, 60, 200), np.float32),
            np.array(_c(rng, 150, 250), np.float32),
        )
        t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
        img[:] = _u8(top * (1 - t) + bottom * t)
        cv2.circle(
            img,
            (int(rng.integers(0, w)), int(rng.integers(0, h // 2))),
            int(rng.integers(3, max(4, w // 8))),
            _c(rng, 180),
            -1,
        )
        for layer in range(int(rng.integers(2, 4))):
            base_y = h * (0.4 + 0.15 * layer)
            xs = np.linspace(0, w, int(rng.integers(4, 9)))
            ys = base_y + rng.uniform(-h * 0.2, h * 0.1, len(xs))
            pts = np.concatenate([np.stack([xs, ys], 1), [[w, h], [0, h]]]).astype(np.int32)
            cv2.fillPoly(img, [pts], _c(rng, 20, 160))
        for _ in range(int(rng.integers(2, 8))):
            x, y = int(rng.integers(0, w)), int(rng.uniform(0.55, 0.95) * h)
            r = int(rng.integers(3, max(4, w // 10)))
            cv2.line(img, (x, y), (x, y - 2 * r), (70, 50, 30), max(1, r // 4))
            cv2.circle(img, (x, y - 2 * r), r, _c(rng, 20, 140), -1)
    elif style == 1:
        img[:] = _c(rng, 100, 250)
        for _ in range(int(rng.integers(5, 14))):
            col = _c(rng)
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
            r = int(rng.integers(3, max(5, w // 4)))
            s = int(rng.integers(0, 4))
            if s == 0:
                cv2.circle(img, (x, y), r, col, -1)
            elif s == 1:
                cv2.rectangle(img, (x, y), (x + r, y + int(rng.integers(2, r + 3))), col, -1)
            elif s == 2:
                pts = rng.integers(0, [w, h], (3, 2)).astype(np.int32)
                cv2.fillPoly(img, [pts], col)
            else:
                cv2.line(
                    img,
                    (x, y),
                    (int(rng.integers(0, w)), int(rng.integers(0, h))),
                    col,
                    int(rng.integers(1, 5)),
                )
    elif style == 2:
        img[:] = (240, 238, 230)
        xs = sorted(rng.integers(0, w, 3).tolist())
        ys = sorted(rng.integers(0, h, 3).tolist())
        for x0, x1 in zip([0, *xs], [*xs, w], strict=True):
            for y0, y1 in zip([0, *ys], [*ys, h], strict=True):
                if rng.random() < 0.35:
                    img[y0:y1, x0:x1] = _c(rng)
        for x in xs:
            cv2.line(img, (x, 0), (x, h), (20, 20, 20), max(1, w // 60))
        for y in ys:
            cv2.line(img, (0, y), (w, y), (20, 20, 20), max(1, w // 60))
    else:
        img[:] = _c(rng, 0, 256)
        ink = (255, 255, 255) if int(np.mean(img[0, 0])) < 120 else (15, 15, 15)
        _text(
            img, rng, _word(rng, (2, 3)).upper(), int(w * 0.06), int(h * 0.25), max(6, h // 7), ink
        )
        for i in range(int(rng.integers(2, 5))):
            _text(
                img,
                rng,
                _word(rng) + " " + _word(rng),
                int(w * 0.08),
                int(h * (0.45 + 0.12 * i)),
                max(4, h // 16),
                ink,
            )
        cv2.circle(img, (int(w * 0.8), int(h * 0.8)), max(3, w // 9), _c(rng), -1)
    return _u8(img.astype(np.float32) * (1 + 0.03 * _field(rng, w, h, 3))[:, :, None])


def _framed(rng: Rng, w: int, h: int) -> U8:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 10, 90) if rng.random() < 0.6 else _c(rng, 140, 230)
    b = max(3, min(w, h) // 14)
    m = b + (max(2, min(w, h) // 12) if rng.random() < 0.5 else 0)
    img[b:-b, b:-b] = (244, 242, 235)
    img[m:-m, m:-m] = _art(rng, w - 2 * m, h - 2 * m)
    return img


def _books(rng: Rng, w: int, h: int) -> U8:
    """A shelf's worth of book spines, boxes and ornaments (h: one shelf's height)."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = _c(rng, 30, 90)
    x = int(rng.integers(0, 6))
    while x < w:
        if rng.random() < 0.12:  # a gap, an ornament or a box
            gw = int(rng.integers(8, 30))
            if rng.random() < 0.5:
                oh = int(rng.integers(h // 3, h - 2))
                cv2.rectangle(img, (x, h - oh), (x + gw, h), _c(rng, 40), -1)
            x += gw
            continue
        bw = int(rng.integers(4, 12))
        bh = int(rng.integers(int(h * 0.55), h - 1))
        col = _c(rng, 20, 235)
        cv2.rectangle(img, (x, h - bh), (x + bw - 1, h), col, -1)
        band = _c(rng, 0, 256)
        for yy in rng.integers(h - bh + 2, h - 3, int(rng.integers(0, 3))):
            cv2.line(img, (x, int(yy)), (x + bw - 2, int(yy)), band, 1)
        x += bw
    return img


def _label(rng: Rng, w: int, h: int) -> U8:
    """A printed box or package: colours, a word, shapes."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 0, 256)
    cv2.rectangle(img, (0, int(h * rng.uniform(0.5, 0.8))), (w, h), _c(rng), -1)
    cv2.circle(
        img, (int(w * rng.uniform(0.2, 0.8)), int(h * 0.6)), max(2, min(w, h) // 5), _c(rng), -1
    )
    ink = (255, 255, 255) if int(np.mean(img[0, 0])) < 120 else (10, 10, 10)
    _text(img, rng, _word(rng, (1, 2)).upper(), 2, max(6, h // 3), max(5, h // 5), ink)
    return img


def _outside(rng: Rng, w: int, h: int) -> U8:
    """What a window shows: sky with clouds, buildings with windows, trees, all drawn."""
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    top = np.array(_c(rng, 90, 190), np.float32) * np.array([0.7, 0.85, 1.1], np.float32)
    img = _u8(top * (1 - t) + np.array([215, 225, 240], np.float32) * t)
    cloud = np.clip(_field(rng, w, h, 25) - 0.4, 0, 1)
    img = _u8(img.astype(np.float32) + 90 * cloud[:, :, None])
    x = int(rng.integers(-20, 0))
    while x < w:
        bw = int(rng.integers(w // 8, w // 3 + 2))
        top_y = int(h * rng.uniform(0.2, 0.6))
        col = _c(rng, 70, 220)
        cv2.rectangle(img, (x, top_y), (x + bw, h), col, -1)
        step = int(rng.integers(6, 14))
        for wy in range(top_y + 4, h - 4, step):
            for wx in range(x + 3, x + bw - 4, step):
                if rng.random() < 0.8:
                    lit = rng.random() < 0.3
                    cv2.rectangle(
                        img,
                        (wx, wy),
                        (wx + step // 2, wy + step // 2),
                        (230, 220, 160) if lit else _shade(col, 0.45),
                        -1,
                    )
        x += bw + int(rng.integers(0, 10))
    for _ in range(int(rng.integers(1, 5))):
        tx, ty = int(rng.integers(0, w)), int(h * rng.uniform(0.6, 0.9))
        r = int(rng.integers(h // 10, h // 4 + 2))
        cv2.line(img, (tx, ty + r), (tx, h), (60, 45, 30), max(2, r // 5))
        for _ in range(6):
            d = rng.integers(-r // 2, r // 2 + 1, 2)
            cv2.circle(
                img,
                (tx + int(d[0]), ty + int(d[1])),
                int(r * rng.uniform(0.4, 0.7)),
                _c(rng, 20, 110),
                -1,
            )
    return img


def _window(rng: Rng, w: int, h: int, outside: U8, frame: Colour) -> U8:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = frame
    b = max(4, w // 16)
    img[b:-b, b:-b] = cv2.resize(outside, (w - 2 * b, h - 2 * b), interpolation=cv2.INTER_AREA)
    bars = int(rng.integers(0, 3))
    for i in range(1, bars + 1):
        x = b + i * (w - 2 * b) // (bars + 1)
        cv2.rectangle(img, (x - b // 3, b), (x + b // 3, h - b), frame, -1)
    if rng.random() < 0.6:
        y = b + int((h - 2 * b) * rng.uniform(0.3, 0.5))
        cv2.rectangle(img, (b, y - b // 4), (w - b, y + b // 4), frame, -1)
    cv2.rectangle(img, (w - 3 * b, h // 2), (w - 2 * b, h // 2 + 2 * b), _shade(frame, 0.7), -1)
    return img


def _door(rng: Rng, w: int, h: int, colour: Colour) -> U8:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = colour
    panels = int(rng.integers(0, 4))
    m = w // 8
    for i in range(panels):
        y0 = m + i * (h - 2 * m) // max(1, panels)
        y1 = m + (i + 1) * (h - 2 * m) // max(1, panels) - m // 2
        cv2.rectangle(img, (m, y0), (w - m, y1), _shade(colour, 0.8), 2)
    hy = int(h * 0.5)
    handle = (200, 200, 205) if rng.random() < 0.5 else (60, 55, 50)
    cv2.rectangle(img, (w - 2 * m, hy - 2), (w - m // 2, hy + 3), handle, -1)
    if rng.random() < 0.4:  # a sign or a sticker on it
        cv2.rectangle(img, (w // 3, h // 5), (w // 3 + w // 3, h // 5 + w // 5), _c(rng), -1)
    return img


def _paste(dst: U8, src: U8, x: int, y: int) -> None:
    h, w = src.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(dst.shape[1], x + w), min(dst.shape[0], y + h)
    if x1 > x0 and y1 > y0:
        dst[y0:y1, x0:x1] = src[y0 - y : y1 - y, x0 - x : x1 - x, : dst.shape[2]]


def _clock(rng: Rng, s: int) -> U8:
    img = np.zeros((s, s, 3), np.uint8)
    img[:] = _c(rng, 150, 250)
    c = s // 2
    cv2.circle(img, (c, c), c - 1, _c(rng, 0, 120), max(2, s // 12))
    cv2.circle(img, (c, c), c - max(2, s // 12), (245, 245, 240), -1)
    for k in range(12):
        a = np.radians(k * 30)
        p = (c + int(0.75 * c * np.sin(a)), c - int(0.75 * c * np.cos(a)))
        cv2.circle(img, p, max(1, s // 30), (20, 20, 20), -1)
    for length, ang in ((0.5, rng.uniform(0, 360)), (0.75, rng.uniform(0, 360))):
        a = np.radians(ang)
        cv2.line(
            img,
            (c, c),
            (c + int(length * c * np.sin(a)), c - int(length * c * np.cos(a))),
            (20, 20, 20),
            2,
        )
    return img


def _notes(rng: Rng, w: int, h: int, board: Colour) -> U8:
    """A noticeboard, a fridge door or a whiteboard: notes, drawings, lines of writing."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = board
    for _ in range(int(rng.integers(4, 11))):
        nw, nh = int(rng.integers(w // 8, w // 3 + 2)), int(rng.integers(h // 8, h // 3 + 2))
        x, y = int(rng.integers(0, max(1, w - nw))), int(rng.integers(0, max(1, h - nh)))
        kind = rng.random()
        if kind < 0.4:
            note = np.empty((nh, nw, 3), np.uint8)
            note[:] = _c(rng, 170, 255)
            for i in range(int(rng.integers(1, 5))):
                _text(
                    note,
                    rng,
                    _word(rng, (1, 3)),
                    2,
                    6 + i * max(5, nh // 5),
                    max(4, nh // 8),
                    _c(rng, 0, 90),
                )
        elif kind < 0.7:
            note = _art(rng, nw, nh)
        else:
            note = _label(rng, nw, nh)
        _paste(img, note, x, y)
        cv2.circle(img, (x + nw // 2, y + 3), 2, _c(rng), -1)
    return img


def _screen(rng: Rng, w: int, h: int) -> U8:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 0, 60) if rng.random() < 0.5 else _c(rng, 180, 250)
    for _ in range(int(rng.integers(2, 6))):
        x, y = int(rng.integers(0, w * 3 // 4)), int(rng.integers(0, h * 3 // 4))
        ww, hh = int(rng.integers(w // 5, w // 2 + 2)), int(rng.integers(h // 5, h // 2 + 2))
        win = np.empty((hh, ww, 3), np.uint8)
        win[:] = _c(rng, 120, 255)
        win[: max(3, hh // 8)] = _c(rng, 0, 150)
        for i in range(int(rng.integers(1, 6))):
            y1 = hh // 5 + i * max(3, hh // 7)
            cv2.line(win, (3, y1), (int(ww * rng.uniform(0.3, 0.95)), y1), _c(rng, 0, 100), 1)
        _paste(img, win, x, y)
    return img


# --- places ----------------------------------------------------------------------------------


@dataclass
class Box:
    """A piece of furniture or a thing: a box (centre x, z of its footprint; width along x,
    depth along z, height; standing at y0) with its textures."""

    x: float
    z: float
    w: float
    d: float
    h: float
    y0: float
    tex: dict[str, U8]
    soft: str = ""  # "bedding" / "cushion": its look changes between days


@dataclass
class Place:
    seed: int
    kind: str
    width: float
    height: float
    depth: float
    walls: dict[str, U8]  # back, left, right, front (inside), hall (outside of the front)
    closed: dict[str, U8]  # the walls with their curtains drawn (only walls with windows)
    floor: U8
    ceiling: U8
    hall_floor: U8
    door: tuple[float, float, float, float]  # front wall opening: x0, x1, y0, y1 (m)
    door_leaf: U8
    boxes: list[Box]
    surfaces: list[tuple[float, float, float, float, float]]  # x, z, w, d, top (m)
    camera: Camera
    lamp: tuple[float, float, float] = (0.0, 1.2, 1.0)
    cache: dict[tuple[int, bool, bool], list[Plane]] = field(default_factory=dict)

    def planes(self, day: int = 0, curtains: bool = False, hall: bool = False) -> list[Plane]:
        key = (day, curtains, hall)
        if key not in self.cache:
            self.cache[key] = _planes(self, day, curtains, hall)
        return self.cache[key]


def is_twin(seed: int) -> bool:
    return seed % TWIN_EVERY in TWIN_SLOTS


def is_cabin(seed: int) -> bool:
    return seed % CABIN_EVERY in CABIN_SLOTS


def is_shop(seed: int) -> bool:
    return seed % SHOP_EVERY in SHOP_SLOTS


def is_distractor(seed: int) -> bool:
    return is_twin(seed) or is_cabin(seed) or is_shop(seed)


def place_kind(seed: int) -> str:
    """The kind of place ``seed`` is (a look-alike place's kind names its group)."""
    if is_twin(seed):
        return "twin " + ("hotel", "bedroom")[(seed // TWIN_EVERY) % 2]
    if is_cabin(seed):
        return "model cabin"
    if is_shop(seed):
        return "chain shop"
    rng = np.random.default_rng(PLACE_SEED + seed)
    names = [k for k, _ in KINDS]
    shares = np.array([s for _, s in KINDS])
    return str(names[int(rng.choice(len(names), p=shares / shares.sum()))])


def kind_counts(first: int = 0, count: int = 1000) -> dict[str, int]:
    return dict(Counter(place_kind(s) for s in range(first, first + count)))


def _base_kind(kind: str) -> str:
    return {
        "twin hotel": "hotel",
        "twin bedroom": "bedroom",
        "model cabin": "cabin",
        "chain shop": "shop",
    }.get(kind, kind)


def _small(kind: str) -> float:
    """How far a camera may move in this kind of place, relative to a room's reach."""
    return {"car": 0.25, "tent": 0.4, "bathroom": 0.6, "hallway": 0.6, "outdoor": 1.8}.get(
        _base_kind(kind), 1.0
    )


SIZES = {  # width, height, depth ranges (m)
    "bedroom": ((3.0, 4.2), (2.4, 2.7), (3.2, 4.5)),
    "living": ((3.8, 5.5), (2.4, 2.8), (4.0, 6.0)),
    "kitchen": ((2.6, 4.0), (2.4, 2.7), (3.0, 4.5)),
    "bathroom": ((1.8, 2.8), (2.3, 2.6), (2.2, 3.2)),
    "hallway": ((1.2, 1.6), (2.4, 2.7), (4.5, 6.5)),
    "hotel": ((3.2, 4.0), (2.5, 2.8), (4.0, 5.2)),
    "office": ((3.0, 5.0), (2.6, 3.0), (3.5, 5.5)),
    "car": ((1.45, 1.55), (1.15, 1.25), (2.2, 2.4)),
    "tent": ((2.0, 2.6), (1.2, 1.5), (2.1, 2.6)),
    "outdoor": ((7.0, 10.0), (3.0, 3.4), (8.0, 11.0)),
    "cabin": ((3.4, 3.4), (2.3, 2.3), (4.2, 4.2)),
    "shop": ((4.5, 7.0), (2.8, 3.2), (5.0, 8.0)),
}


@dataclass
class Shared:
    """What look-alike places of one group share: the mass-produced items named in the
    module's docstring, drawn from the group's template seed; None for an ordinary place."""

    floor: U8 | None = None
    wallpaper: U8 | None = None
    pieces: dict[str, dict[str, U8]] = field(default_factory=dict)
    size: tuple[float, float, float] | None = None
    windows: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    window_frame: Colour | None = None
    products: list[U8] = field(default_factory=list)


def _template(seed: int) -> Shared:
    if is_twin(seed):
        t = np.random.default_rng(TWIN_SEED + seed // TWIN_EVERY)
        carpet = _carpet(t, _px(4), _px(4))
        paper = _wallpaper(t, _px(6), _px(3))
        bed = _piece_tex(t, "bed")
        lamp = _piece_tex(t, "lamp")
        return Shared(floor=carpet, wallpaper=paper, pieces={"bed": bed, "lamp": lamp})
    if is_cabin(seed):
        t = np.random.default_rng(CABIN_SEED + seed // CABIN_EVERY)
        pieces = {name: _piece_tex(t, name) for name in ("stove", "bunk", "kitchenette", "table")}
        wins = [
            ("back", float(t.uniform(0.4, 1.2)), 1.0, 0.9, 0.9),
            ("left", float(t.uniform(1.5, 2.6)), 1.0, 0.8, 0.9),
        ]
        return Shared(
            pieces=pieces, size=(3.4, 2.3, 4.2), windows=wins, window_frame=_c(t, 60, 200)
        )
    if is_shop(seed):
        t = np.random.default_rng(SHOP_SEED + seed // SHOP_EVERY)
        floor = _tiles(t, _px(4), _px(4), _px(0.4), _c(t, 150, 240), _c(t, 60, 140))
        products = [_label(t, 60, 80) for _ in range(12)]
        logo = _label(t, _px(1.8), _px(0.45))
        shelf = _wood(t, 64, 64, _c(t, 80, 220), 16)
        pieces = {"logo": {"front": logo}, "shelves": {"front": shelf}}
        return Shared(floor=floor, pieces=pieces, products=products)
    return Shared()


def _carpet(rng: Rng, w: int, h: int) -> U8:
    colour = _c(rng, 40, 200)
    img = _paint(rng, w, h, colour)
    fine = 1 + 0.12 * _field(rng, w, h, 1) + 0.06 * _field(rng, w, h, 8)
    img = _u8(img.astype(np.float32) * fine[:, :, None])
    if rng.random() < 0.6:  # a woven motif, scattered
        second = _shade(colour, float(rng.uniform(0.6, 1.4)))
        size = int(rng.integers(8, 20))
        for _ in range(int(w * h / (size * size * 8))):
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
            cv2.rectangle(img, (x, y), (x + size // 2, y + size // 3), second, -1)
    return img


def _wallpaper(rng: Rng, w: int, h: int) -> U8:
    img = _paint(rng, w, h, _c(rng, 150, 245))
    col = _c(rng, 30, 200)
    size = int(rng.integers(10, 26))
    for y in range(0, h, size * 2):
        for x in range(0, w, size * 2):
            jx, jy = x + int(rng.integers(0, size)), y + int(rng.integers(0, size))
            s = int(rng.integers(0, 3))
            if s == 0:
                cv2.circle(img, (jx, jy), size // 3, col, -1)
            elif s == 1:
                cv2.ellipse(
                    img,
                    (jx, jy),
                    (size // 2, size // 5),
                    float(rng.uniform(0, 180)),
                    0,
                    360,
                    col,
                    -1,
                )
            else:
                cv2.line(img, (jx, jy), (jx + size // 2, jy + size // 2), col, 2)
    return img


def _piece_tex(rng: Rng, name: str) -> dict[str, U8]:
    """The textures of one piece of furniture, its design drawn from ``rng``."""
    n = 96
    if name in ("bed", "bunk"):
        head = (
            _wood(rng, n, n // 2, _c(rng, 60, 200), 12)
            if rng.random() < 0.5
            else _fabric(rng, n, n // 2)
        )
        side = _wood(rng, n, n // 4, _c(rng, 60, 200), 8)
        return {"front": side, "head": head, "top": side}
    if name == "lamp":
        shade = _fabric(rng, 48, 32)
        return {
            "front": shade,
            "top": _u8(shade.astype(np.float32) * 1.2),
            "stand": np.full((8, 8, 3), _c(rng, 20, 200), np.uint8),
        }
    if name in ("wardrobe", "chest", "kitchenette", "units", "cabinet"):
        body = (
            _wood(rng, n, n, _c(rng, 60, 230), 10, along_x=False)
            if rng.random() < 0.5
            else _paint(rng, n, n, _c(rng, 120, 250))
        )
        front = body.copy()
        rows = int(rng.integers(1, 4))
        cols = int(rng.integers(1, 3))
        handle = _c(rng, 20, 220)
        for r in range(rows):
            for c in range(cols):
                x0, y0 = 3 + c * n // cols, 3 + r * n // rows
                x1, y1 = (c + 1) * n // cols - 3, (r + 1) * n // rows - 3
                cv2.rectangle(front, (x0, y0), (x1, y1), _shade(handle, 0.5), 1)
                cv2.rectangle(
                    front, ((x0 + x1) // 2 - 5, y0 + 5), ((x0 + x1) // 2 + 5, y0 + 8), handle, -1
                )
        return {"front": front, "left": body, "right": body, "top": body}
    if name in ("sofa", "chair", "armchair", "seat"):
        cloth = _fabric(rng, n, n // 2)
        return {"front": cloth, "top": cloth}
    if name in ("table", "desk", "counter"):
        top = (
            _wood(rng, n, n, _c(rng, 60, 230), 16)
            if rng.random() < 0.6
            else _paint(rng, n, n, _c(rng, 40, 240))
        )
        side = _u8(top.astype(np.float32) * 0.8)
        return {"front": side, "top": top}
    if name == "stove":
        body = _paint(rng, n, n, _c(rng, 10, 60))
        front = body.copy()
        cv2.rectangle(front, (20, 30), (76, 80), (200, 120, 40), -1)
        cv2.rectangle(front, (20, 30), (76, 80), (120, 120, 120), 3)
        return {"front": front, "top": body}
    body = _paint(rng, n, n, _c(rng, 40, 240))
    return {"front": body}


def _wall_things(
    kind: str, wall: str, rng: Rng, img: U8, taken: list[tuple[int, int, int, int]]
) -> None:
    """Things fixed to a wall, drawn into its texture: shelves of books, pictures, posters,
    clocks, noticeboards, sockets, switches, radiators, hooks, mirrors, tiles."""
    wh, ww = img.shape[:2]

    def spot(w: int, h: int, y_lo: float, y_hi: float) -> tuple[int, int] | None:
        for _ in range(25):
            x = int(rng.integers(4, max(5, ww - w - 4)))
            y = int(rng.uniform(y_lo, y_hi) * wh)
            if x + w > ww or y + h > wh or y < 0:
                continue
            if all(
                x + w + 8 < a or a + c + 8 < x or y + h + 8 < b or b + d + 8 < y
                for a, b, c, d in taken
            ):
                taken.append((x, y, w, h))
                return x, y
        return None

    base = _base_kind(kind)
    wants: list[str] = []
    if base in ("bedroom", "living", "hotel", "hallway", "office", "cabin"):
        wants += ["picture"] * int(rng.integers(1, 3))
    if base in ("bedroom", "living", "office") and rng.random() < 0.6:
        wants.append("shelf")
    if base in ("bedroom", "office", "living", "shop") and rng.random() < 0.4:
        wants.append("poster")
    if base in ("kitchen", "office", "living", "cabin") and rng.random() < 0.35:
        wants.append("clock")
    if base in ("office", "kitchen", "shop") and rng.random() < 0.5:
        wants.append("notes")
    if base == "hallway":
        wants += ["hooks"] * int(rng.integers(0, 2))
    if base == "bathroom":
        wants.append("mirror" if wall == "back" else "towels")
    if base in (
        "bedroom",
        "living",
        "kitchen",
        "office",
        "hotel",
        "hallway",
        "bathroom",
        "shop",
        "cabin",
    ):
        wants += ["socket"] * int(rng.integers(1, 3)) + (["switch"] if rng.random() < 0.5 else [])
        if rng.random() < 0.45:
            wants.append("radiator")
    if base in ("tent",):
        wants += ["pocket"] * int(rng.integers(1, 3))
    for want in wants:
        if want == "picture":
            w, h = _px(float(rng.uniform(0.3, 0.9))), _px(float(rng.uniform(0.3, 0.7)))
            p = spot(w, h, 0.2, 0.45)
            if p:
                _paste(img, _framed(rng, w, h), *p)
        elif want == "poster":
            w, h = _px(float(rng.uniform(0.4, 0.7))), _px(float(rng.uniform(0.55, 0.9)))
            p = spot(w, h, 0.15, 0.4)
            if p:
                _paste(img, _art(rng, w, h), *p)
        elif want == "shelf":
            w, sh = _px(float(rng.uniform(0.6, 1.2))), _px(0.3)
            rows = int(rng.integers(1, 4))
            p = spot(w, rows * (sh + 4), 0.15, 0.4)
            if p:
                for r in range(rows):
                    _paste(img, _books(rng, w, sh), p[0], p[1] + r * (sh + 4))
                    cv2.rectangle(
                        img,
                        (p[0] - 2, p[1] + r * (sh + 4) + sh),
                        (p[0] + w + 2, p[1] + r * (sh + 4) + sh + 3),
                        (110, 80, 50),
                        -1,
                    )
        elif want == "clock":
            s = _px(float(rng.uniform(0.25, 0.4)))
            p = spot(s, s, 0.12, 0.3)
            if p:
                _paste(img, _clock(rng, s), *p)
        elif want == "notes":
            w, h = _px(float(rng.uniform(0.8, 1.5))), _px(float(rng.uniform(0.5, 0.9)))
            p = spot(w, h, 0.2, 0.4)
            if p:
                _paste(
                    img,
                    _notes(rng, w, h, _c(rng, 150, 250) if rng.random() < 0.5 else (180, 140, 90)),
                    *p,
                )
        elif want == "hooks":
            w, h = _px(1.0), _px(0.8)
            p = spot(w, h, 0.3, 0.4)
            if p:
                for i in range(4):
                    coat = _fabric(rng, _px(0.22), _px(float(rng.uniform(0.5, 0.8))))
                    _paste(img, coat, p[0] + i * _px(0.25), p[1])
        elif want == "mirror":
            w, h = _px(float(rng.uniform(0.5, 0.8))), _px(float(rng.uniform(0.5, 0.8)))
            p = spot(w, h, 0.2, 0.3)
            if p:
                mirror = _u8(
                    np.full((h, w, 3), 190, np.float32) + 25 * _field(rng, w, h, 20)[:, :, None]
                )
                cv2.rectangle(mirror, (0, 0), (w - 1, h - 1), _c(rng, 100, 250), 4)
                _paste(img, mirror, *p)
        elif want == "towels":
            w = _px(float(rng.uniform(0.5, 0.9)))
            p = spot(w, _px(0.6), 0.35, 0.5)
            if p:
                for i in range(int(rng.integers(1, 4))):
                    _paste(img, _fabric(rng, w // 3, _px(0.55)), p[0] + i * (w // 3), p[1])
        elif want == "socket":
            s = _px(0.085)
            p = spot(s, s, 0.82, 0.9) if rng.random() < 0.7 else spot(s, s, 0.55, 0.62)
            if p:
                cv2.rectangle(img, p, (p[0] + s, p[1] + s), (238, 238, 235), -1)
                cv2.circle(img, (p[0] + s // 3, p[1] + s // 2), 2, (40, 40, 40), -1)
                cv2.circle(img, (p[0] + 2 * s // 3, p[1] + s // 2), 2, (40, 40, 40), -1)
        elif want == "switch":
            s = _px(0.085)
            p = spot(s, s, 0.45, 0.5)
            if p:
                cv2.rectangle(img, p, (p[0] + s, p[1] + s), (240, 240, 236), -1)
                cv2.rectangle(
                    img,
                    (p[0] + s // 3, p[1] + s // 4),
                    (p[0] + 2 * s // 3, p[1] + 3 * s // 4),
                    (210, 210, 205),
                    -1,
                )
        elif want == "radiator":
            w, h = _px(float(rng.uniform(0.6, 1.4))), _px(0.55)
            p = spot(w, h, 0.62, 0.7)
            if p:
                col = (236, 236, 232) if rng.random() < 0.7 else _c(rng, 60, 220)
                cv2.rectangle(img, p, (p[0] + w, p[1] + h), col, -1)
                for x in range(p[0] + 4, p[0] + w - 2, 9):
                    cv2.line(img, (x, p[1] + 4), (x, p[1] + h - 4), _shade(col, 0.8), 2)
        elif want == "pocket":
            w, h = _px(0.35), _px(0.25)
            p = spot(w, h, 0.35, 0.6)
            if p:
                _paste(img, _u8(_fabric(rng, w, h).astype(np.float32) * 0.85), *p)


def _curtains(rng: Rng, img: U8, box: tuple[int, int, int, int], fabric: U8, closed: bool) -> U8:
    out = img.copy()
    x, y, w, h = box
    rail_y = max(0, y - _px(0.12))
    ch = min(img.shape[0] - rail_y, h + _px(0.3))
    half = (w // 2 + _px(0.12)) if closed else _px(0.25)
    for left in (True, False):
        panel = cv2.resize(fabric, (half, ch), interpolation=cv2.INTER_LINEAR)
        folds = 0.8 + 0.2 * np.sin(
            np.arange(half, dtype=np.float32) * float(rng.uniform(0.25, 0.45))
        )
        panel = _u8(panel.astype(np.float32) * folds[None, :, None])
        px = (x - _px(0.15)) if left else (x + w + _px(0.15) - half)
        _paste(out, panel, px, rail_y)
    cv2.line(out, (x - _px(0.2), rail_y), (x + w + _px(0.2), rail_y), (60, 60, 60), 3)
    return out


def build_place(seed: int) -> Place:
    kind = place_kind(seed)
    base = _base_kind(kind)
    rng = np.random.default_rng(PLACE_SEED + seed)
    rng.random()  # the kind's draw
    shared = _template(seed)
    (w0, w1), (h0, h1), (d0, d1) = SIZES[base]
    width, height, depth = (
        float(rng.uniform(w0, w1)),
        float(rng.uniform(h0, h1)),
        float(rng.uniform(d0, d1)),
    )
    if shared.size is not None:
        width, height, depth = shared.size
    wall_m = {
        "back": (width, height),
        "left": (depth, height),
        "right": (depth, height),
        "front": (width, height),
    }
    paint = _c(rng, 120, 250)
    walls: dict[str, U8] = {}
    for name, (wm, hm) in wall_m.items():
        ww, wh = _px(wm), _px(hm)
        k = float(rng.uniform(0.88, 1.02))
        if base == "bathroom" or (base == "kitchen" and name == "back"):
            tex = _paint(rng, ww, wh, _shade(paint, k))
            tile_h = wh if base == "bathroom" and rng.random() < 0.5 else int(wh * 0.55)
            tiles = _tiles(
                rng,
                ww,
                tile_h,
                _px(float(rng.choice([0.1, 0.15, 0.2]))),
                _c(rng, 150, 250),
                _c(rng, 90, 200),
            )
            tex[wh - tile_h :] = tiles
            if base == "kitchen":
                tex[wh - tile_h :] = _tiles(
                    rng, ww, tile_h, _px(0.1), _c(rng, 100, 250), _c(rng, 90, 200)
                )
        elif base == "outdoor":
            style = int(rng.integers(0, 3)) if name != "back" else 0
            if style == 0:
                tex = _bricks(rng, ww, wh, _c(rng, 120, 220))
            elif style == 1:
                tex = _wood(rng, ww, wh, _c(rng, 70, 200), _px(0.14), along_x=False)
            else:  # a hedge: leaves drawn one by one
                tex = _paint(rng, ww, wh, _c(rng, 20, 70))
                for _ in range(ww * wh // 60):
                    x, y = int(rng.integers(0, ww)), int(rng.integers(0, wh))
                    g = _c(rng, 20, 140)
                    cv2.ellipse(
                        tex,
                        (x, y),
                        (4, 2),
                        float(rng.uniform(0, 180)),
                        0,
                        360,
                        (g[0] // 2, g[1], g[2] // 3),
                        -1,
                    )
        elif base == "cabin":
            tex = _wood(rng, ww, wh, _c(rng, 120, 200), _px(float(rng.uniform(0.12, 0.2))))
        elif base == "tent":
            cloth = _c(rng, 30, 230)
            tex = _paint(rng, ww, wh, cloth)
            for x in range(0, ww, int(rng.integers(ww // 4, ww // 2 + 2))):
                cv2.line(tex, (x, 0), (x, wh), _shade(cloth, 0.7), 2)
            cv2.putText(
                tex,
                _word(rng).upper(),
                (int(ww * rng.uniform(0.1, 0.5)), int(wh * 0.3)),
                0,
                0.8,
                _shade(cloth, 0.5),
                2,
            )
        elif base == "car":
            trim = _c(rng, 20, 120)
            tex = _paint(rng, ww, wh, trim)
            tex[int(wh * 0.45) :] = _fabric(rng, ww, wh - int(wh * 0.45))
        else:
            tex = _paint(rng, ww, wh, _shade(paint, k))
            if rng.random() < 0.12:
                tex = _wallpaper(rng, ww, wh)
        if base not in ("outdoor", "tent", "car") and rng.random() < 0.6:
            sk = _c(rng, 150, 250)
            tex[wh - _px(0.08) :] = _shade(sk, 0.9)
        walls[name] = tex
    if shared.wallpaper is not None:  # the twin rooms' wallpaper on the bed's wall
        ww, wh = walls["back"].shape[1], walls["back"].shape[0]
        walls["back"] = np.ascontiguousarray(
            np.tile(
                shared.wallpaper,
                (wh // shared.wallpaper.shape[0] + 1, ww // shared.wallpaper.shape[1] + 1, 1),
            )[:wh, :ww]
        )

    # Windows (with their curtains, open in the original), doors, the car's windscreen.
    closed: dict[str, U8] = {}
    taken: dict[str, list[tuple[int, int, int, int]]] = {n: [] for n in walls}
    wins = list(shared.windows)
    if not wins and base in ("bedroom", "living", "kitchen", "hotel", "office", "bathroom", "shop"):
        for _ in range(int(rng.integers(1, 3))):
            name = str(rng.choice(["back", "left", "right"]))
            wm = float(rng.uniform(0.6, 1.6)) if base != "bathroom" else 0.6
            wall_w = wall_m[name][0]
            if wall_w < wm + 0.6:
                continue
            wins.append(
                (
                    name,
                    float(rng.uniform(0.3, wall_w - wm - 0.3)),
                    float(rng.uniform(0.8, 1.0)),
                    wm,
                    float(rng.uniform(1.0, 1.4)),
                )
            )
    frame = shared.window_frame or ((236, 236, 232) if rng.random() < 0.7 else _c(rng, 40, 160))
    curtain = _fabric(rng, 120, 160)
    hung: list[tuple[str, tuple[int, int, int, int]]] = []
    for name, x, y_low, wm, hm in wins:
        tex = walls[name]
        box = (_px(x), _px(height - y_low - hm), _px(wm), _px(hm))
        if any(
            not (box[0] + box[2] < a or a + c < box[0])
            and not (box[1] + box[3] < b or b + d < box[1])
            for a, b, c, d in taken[name]
        ):
            continue
        _paste(
            tex, _window(rng, box[2], box[3], _outside(rng, box[2], box[3]), frame), box[0], box[1]
        )
        taken[name].append(
            (box[0] - _px(0.3), box[1] - _px(0.15), box[2] + _px(0.6), box[3] + _px(0.3))
        )
        if base in ("bedroom", "living", "hotel", "cabin") or rng.random() < 0.4:
            walls[name] = _curtains(rng, tex, box, curtain, False)
            hung.append((name, box))
    if base in (
        "bedroom",
        "living",
        "kitchen",
        "hotel",
        "office",
        "hallway",
        "bathroom",
        "cabin",
        "shop",
    ):
        doors = (
            ["left", "right"] if base == "hallway" else [str(rng.choice(["left", "right", "back"]))]
        )
        for name in doors:
            dw, dh = _px(0.85), _px(2.0)
            wall_w = walls[name].shape[1]
            for _ in range(10):
                x = int(rng.integers(_px(0.2), max(_px(0.3), wall_w - dw - _px(0.2))))
                y = walls[name].shape[0] - dh
                if all(x + dw + 10 < a or a + c + 10 < x for a, _, c, _ in taken[name]):
                    door = _door(
                        rng, dw, dh, (236, 234, 228) if rng.random() < 0.6 else _c(rng, 60, 200)
                    )
                    _paste(walls[name], door, x, y)
                    taken[name].append((x, y, dw, dh))
                    break
    if base == "car":  # the windscreen over the dashboard; side windows
        ww, wh = walls["back"].shape[1], walls["back"].shape[0]
        top = int(wh * 0.36)  # the dashboard's top, 0.77 m over the floor
        dash = _paint(rng, ww, wh - top, _c(rng, 15, 70))
        for i in range(2):
            cx = int(ww * (0.22 + 0.13 * i))
            cv2.circle(dash, (cx, _px(0.12)), _px(0.06), (30, 30, 30), -1)
            cv2.circle(dash, (cx, _px(0.12)), _px(0.06), _c(rng, 100, 250), 2)
            for k in range(0, 360, 30):
                a = np.radians(k)
                p = (cx + int(_px(0.045) * np.sin(a)), _px(0.12) - int(_px(0.045) * np.cos(a)))
                cv2.circle(dash, p, 1, (230, 230, 230), -1)
        _paste(dash, _screen(rng, _px(0.22), _px(0.14)), int(ww * 0.5), _px(0.05))
        for i in range(int(rng.integers(2, 6))):  # buttons, vents
            bx = int(ww * 0.45) + i * _px(0.05)
            cv2.rectangle(dash, (bx, _px(0.25)), (bx + _px(0.03), _px(0.28)), _c(rng, 0, 90), -1)
        walls["back"][top:] = dash
        screen = _outside(rng, int(ww * 0.9), top - _px(0.06))
        _paste(walls["back"], screen, int(ww * 0.05), _px(0.06))
        if rng.random() < 0.7:  # something hanging from the mirror
            cv2.circle(walls["back"], (ww // 2, top // 2), _px(0.04), _c(rng), -1)
            cv2.line(walls["back"], (ww // 2, _px(0.06)), (ww // 2, top // 2), (40, 40, 40), 1)
        for name in ("left", "right"):
            tex = walls[name]
            _paste(
                tex,
                _outside(rng, int(tex.shape[1] * 0.7), int(tex.shape[0] * 0.32)),
                int(tex.shape[1] * 0.15),
                int(tex.shape[0] * 0.07),
            )
    if base == "tent":  # a mesh window
        tex = walls["back"]
        mw, mh = int(tex.shape[1] * 0.5), int(tex.shape[0] * 0.35)
        mesh = _u8(_outside(rng, mw, mh).astype(np.float32) * 0.7)
        mesh[::3] = _shade(tuple(int(v) for v in mesh[0, 0]), 0.6)  # type: ignore[arg-type]
        _paste(tex, mesh, int(tex.shape[1] * 0.25), int(tex.shape[0] * 0.15))
    if base == "shop":
        logo = shared.pieces["logo"]["front"]
        _paste(
            walls["back"],
            logo,
            int(rng.integers(0, max(1, walls["back"].shape[1] - logo.shape[1]))),
            _px(0.15),
        )
        taken["back"].append((0, 0, walls["back"].shape[1], _px(0.7)))
    for name in ("back", "left", "right", "front"):
        _wall_things(kind, name, rng, walls[name], taken[name])
    for name, box in hung:  # the same walls with the curtains drawn
        closed[name] = _curtains(rng, closed.get(name, walls[name]), box, curtain, True)

    # Each wall lit a little differently (the back wall most, the side walls less, with a
    # gradient along each), the same on every day and with the curtains drawn.
    for name in ("back", "left", "right", "front"):
        lo, hi = (0.9, 1.0) if name == "back" else (0.72, 0.95)
        level = float(rng.uniform(lo, hi))
        ramp = np.linspace(
            level * float(rng.uniform(0.85, 1.0)),
            level * float(rng.uniform(1.0, 1.1)),
            walls[name].shape[1],
            dtype=np.float32,
        )
        if rng.random() < 0.5:
            ramp = ramp[::-1]
        for t in (walls, closed):
            if name in t:
                t[name] = _u8(t[name].astype(np.float32) * ramp[None, :, None])

    # The front wall's door opening, the hall beyond it.
    if base == "car":
        door = (-width / 2 + 0.15, width / 2 - 0.15, 0.35, height - 0.1)
    elif base == "tent":
        door = (-0.45, 0.45, 0.0, height * 0.8)
    elif base == "outdoor":
        x0 = float(rng.uniform(-width / 2 + 0.5, width / 2 - 1.5))
        door = (x0, x0 + 1.0, 0.0, 1.9)
    else:
        x0 = float(rng.uniform(-width / 2 + 0.2, max(-width / 2 + 0.25, width / 2 - 1.05)))
        door = (x0, min(width / 2 - 0.1, x0 + 0.85), 0.0, 2.02)
    fx0, fx1 = _px(width / 2 - door[1]), _px(width / 2 - door[0])  # the front texture runs -x
    fy0, fy1 = _px(height - door[3]), _px(height - door[2])
    front = np.dstack([walls["front"], np.full(walls["front"].shape[:2], 255, np.uint8)])
    front[fy0:fy1, fx0:fx1, 3] = 0
    walls["front"] = front
    hall_colour = _c(rng, 110, 245)
    if base == "car":
        hall = _paint(rng, _px(width + 3), _px(height + 1.5), _c(rng, 20, 230))
    elif base == "tent":
        hall = _paint(rng, _px(width + 3), _px(height + 1.5), _shade(_c(rng, 30, 230), 0.9))
    elif base == "outdoor":
        hall = _wood(
            rng, _px(width + 3), _px(height + 1.5), _c(rng, 60, 180), _px(0.14), along_x=False
        )
    else:
        hall = _paint(rng, _px(width + 3), _px(height), hall_colour)
        _wall_things(
            "hallway",
            "hall",
            rng,
            hall,
            [(_px(1.5 + width / 2 - door[1]) - 20, 0, _px(door[1] - door[0]) + 40, hall.shape[0])],
        )
    hall = np.dstack([hall, np.full(hall.shape[:2], 255, np.uint8)])
    hx0 = _px(1.5 + width / 2 - door[1])
    hx1 = _px(1.5 + width / 2 - door[0])
    hall[hall.shape[0] - _px(door[3]) : hall.shape[0] - _px(door[2]), hx0:hx1, 3] = 0
    walls["hall"] = hall
    door_leaf = _door(
        rng,
        _px(door[1] - door[0]),
        _px(door[3] - door[2]),
        (236, 234, 228) if rng.random() < 0.6 else _c(rng, 60, 200),
    )

    # Floor and ceiling.
    fw, fd = _px(width), _px(depth)
    if shared.floor is not None:
        floor = np.ascontiguousarray(
            np.tile(
                shared.floor, (fd // shared.floor.shape[0] + 1, fw // shared.floor.shape[1] + 1, 1)
            )[:fd, :fw]
        )
    elif base in ("bathroom", "kitchen", "shop"):
        floor = _tiles(
            rng, fw, fd, _px(float(rng.choice([0.2, 0.3, 0.4]))), _c(rng, 80, 240), _c(rng, 60, 180)
        )
    elif base == "outdoor":
        ground = int(rng.integers(0, 3))
        if ground == 0:
            floor = _paint(rng, fw, fd, _c(rng, 40, 110))
            floor = _u8(
                floor.astype(np.float32)
                * np.array([0.6, 1.2, 0.5], np.float32)
                * (1 + 0.25 * _field(rng, fw, fd, 1))[:, :, None]
            )
        elif ground == 1:
            floor = _tiles(
                rng, fw, fd, _px(float(rng.uniform(0.3, 0.6))), _c(rng, 110, 200), _c(rng, 60, 120)
            )
        else:
            floor = _paint(rng, fw, fd, _c(rng, 120, 190))
            for _ in range(fw * fd // 30):
                cv2.circle(
                    floor,
                    (int(rng.integers(0, fw)), int(rng.integers(0, fd))),
                    int(rng.integers(1, 3)),
                    _c(rng, 60, 220),
                    -1,
                )
    elif (base in ("bedroom", "hotel", "office") and rng.random() < 0.6) or base in ("tent", "car"):
        floor = _carpet(rng, fw, fd)
    else:
        floor = _wood(rng, fw, fd, _c(rng, 90, 210), _px(float(rng.uniform(0.1, 0.2))))
    if base == "outdoor":
        sky = np.array(_c(rng, 150, 230), np.float32) * np.array([0.8, 0.9, 1.1], np.float32)
        cloud = np.clip(_field(rng, _px(width), _px(depth), 40) - 0.3, 0, 1)
        ceiling = _u8(sky[None, None, :] + 100 * cloud[:, :, None])  # the sky over the yard
    else:
        ceiling = _paint(
            rng,
            _px(width),
            _px(depth),
            (240, 240, 236)
            if base not in ("car", "tent")
            else _shade((150, 150, 150), float(rng.uniform(0.5, 1.4))),
        )
        if base not in ("car", "tent"):
            cv2.circle(
                ceiling,
                (ceiling.shape[1] // 2, ceiling.shape[0] // 2),
                _px(0.18),
                (250, 250, 245),
                -1,
            )
    hall_floor = (
        _wood(rng, _px(width + 3), _px(2.5), _c(rng, 80, 200), _px(0.15))
        if base not in ("outdoor", "car", "tent")
        else _paint(rng, _px(width + 3), _px(2.5), _c(rng, 90, 160))
    )

    boxes, surfaces = _furnish(base, rng, shared, width, depth, height)
    pos = _vec(
        float(rng.uniform(-0.22, 0.22)) * width,
        float(rng.uniform(1.5, 1.72)),
        float(rng.uniform(0.3, 0.55)),
    )
    yaw, pitch, hfov = (
        float(rng.uniform(-15, 15)),
        float(rng.uniform(-14, -5)),
        float(rng.uniform(62, 72)),
    )
    if base == "car":
        pos = _vec(float(rng.uniform(-0.3, 0.3)), float(rng.uniform(1.0, 1.06)), 0.45)
        yaw, pitch, hfov = float(rng.uniform(-8, 8)), float(rng.uniform(-8, -2)), 72.0
    elif base == "tent":
        pos = _vec(float(rng.uniform(-0.3, 0.3)), float(rng.uniform(0.75, 0.9)), 0.3)
        pitch = float(rng.uniform(-15, -5))
    elif base == "hallway":
        pos[0], yaw = 0.0, float(rng.uniform(-6, 6))
    elif base == "outdoor":
        pos[2] = float(rng.uniform(0.8, 1.5))
        pitch = float(rng.uniform(-8, 0))
    lamp = (float(rng.uniform(-0.4, 0.4)) * width, 1.2, float(rng.uniform(0.5, 0.9)) * depth)
    return Place(
        seed,
        kind,
        width,
        height,
        depth,
        walls,
        closed,
        floor,
        ceiling,
        hall_floor,
        door,
        door_leaf,
        boxes,
        surfaces,
        Camera(pos, yaw, pitch, hfov),
        lamp,
    )


PIECES = {  # name, width, depth, height (m); the first ones matter most
    "bedroom": [
        ("bed", 1.4, 2.0, 0.5),
        ("wardrobe", 1.0, 0.6, 2.0),
        ("chest", 0.8, 0.45, 0.8),
        ("lamp", 0.3, 0.3, 0.5),
        ("desk", 1.0, 0.55, 0.75),
        ("chair", 0.45, 0.45, 0.9),
    ],
    "hotel": [
        ("bed", 1.6, 2.0, 0.55),
        ("lamp", 0.3, 0.3, 0.55),
        ("desk", 1.2, 0.5, 0.75),
        ("cabinet", 0.9, 0.45, 0.7),
        ("armchair", 0.75, 0.75, 0.85),
        ("chest", 0.5, 0.4, 0.55),
    ],
    "living": [
        ("sofa", 2.0, 0.9, 0.85),
        ("table", 1.1, 0.6, 0.45),
        ("cabinet", 1.6, 0.45, 0.6),
        ("armchair", 0.8, 0.8, 0.9),
        ("chest", 1.0, 0.4, 1.8),
        ("lamp", 0.35, 0.35, 1.5),
    ],
    "kitchen": [
        ("units", 2.4, 0.6, 0.9),
        ("fridge", 0.6, 0.65, 1.8),
        ("table", 1.0, 0.8, 0.75),
        ("chair", 0.45, 0.45, 0.9),
        ("chair", 0.45, 0.45, 0.9),
    ],
    "bathroom": [
        ("bathtub", 1.6, 0.75, 0.55),
        ("basin", 0.6, 0.45, 0.85),
        ("toilet", 0.4, 0.65, 0.75),
        ("cabinet", 0.5, 0.35, 0.9),
    ],
    "hallway": [("cabinet", 0.9, 0.35, 0.9), ("chest", 0.8, 0.3, 0.5)],
    "office": [
        ("desk", 1.4, 0.7, 0.75),
        ("desk", 1.4, 0.7, 0.75),
        ("cabinet", 0.5, 0.6, 1.3),
        ("chest", 1.0, 0.4, 1.9),
        ("chair", 0.55, 0.55, 1.0),
        ("table", 1.6, 0.9, 0.75),
    ],
    "car": [],
    "tent": [
        ("sleepingbag", 0.75, 1.9, 0.15),
        ("sleepingbag", 0.75, 1.9, 0.15),
        ("backpack", 0.35, 0.25, 0.6),
    ],
    "outdoor": [
        ("bench", 1.6, 0.5, 0.5),
        ("planter", 0.8, 0.5, 0.6),
        ("planter", 0.6, 0.6, 0.7),
        ("bin", 0.6, 0.7, 1.1),
        ("table", 1.4, 0.9, 0.75),
        ("shed", 2.0, 1.5, 2.2),
    ],
    "cabin": [
        ("bunk", 0.9, 2.0, 1.6),
        ("stove", 0.5, 0.5, 0.8),
        ("kitchenette", 1.4, 0.6, 0.9),
        ("table", 0.9, 0.8, 0.75),
        ("chair", 0.45, 0.45, 0.9),
    ],
    "shop": [
        ("shelves", 2.0, 0.5, 1.8),
        ("shelves", 2.0, 0.5, 1.8),
        ("shelves", 2.0, 0.5, 1.8),
        ("counter", 1.6, 0.6, 1.0),
    ],
}


def _furnish(
    base: str, rng: Rng, shared: Shared, width: float, depth: float, height: float
) -> tuple[list[Box], list[tuple[float, float, float, float, float]]]:
    """Fixed furniture along the walls (and in the middle), away from the camera and the
    door; returns the boxes and the surfaces clutter may stand on."""
    boxes: list[Box] = []
    used: list[tuple[float, float, float, float]] = []  # x0, z0, x1, z1
    surfaces: list[tuple[float, float, float, float, float]] = []
    if base == "car":  # the front seats' backs, a console
        seat = _piece_tex(rng, "seat")
        for x in (-0.37, 0.37):
            boxes.append(Box(x, 1.4, 0.5, 0.14, 0.55, 0.3, seat))
            boxes.append(Box(x, 1.42, 0.24, 0.1, 0.17, 0.9, seat))
        boxes.append(Box(0, 1.6, 0.2, 0.5, 0.25, 0.35, _piece_tex(rng, "console")))
        surfaces.append((0.0, 0.6, 1.2, 0.5, 0.45))  # the back seat
        return boxes, surfaces
    front_free = 1.3 if base not in ("tent", "bathroom") else 0.7
    for name, w, d, h in PIECES[base]:
        tex = shared.pieces.get(name) or _piece_tex(rng, name)
        for _ in range(20):
            wall = str(rng.choice(["back", "left", "right", "middle"], p=[0.4, 0.25, 0.25, 0.1]))
            if base == "hallway":
                wall = str(rng.choice(["left", "right"]))
            if wall == "back":
                bw, bd = w, d
                x, z = (
                    float(rng.uniform(-width / 2 + bw / 2, width / 2 - bw / 2)),
                    depth - bd / 2 - 0.02,
                )
            elif wall in ("left", "right"):
                bw, bd = d, w
                x = (-1 if wall == "left" else 1) * (width / 2 - bw / 2 - 0.02)
                z = float(
                    rng.uniform(
                        front_free + bd / 2, max(front_free + bd / 2 + 0.01, depth - bd / 2)
                    )
                )
            else:
                bw, bd = w, d
                x, z = (
                    float(rng.uniform(-width / 4, width / 4)),
                    float(rng.uniform(depth * 0.45, depth * 0.7)),
                )
            if bw > width - 0.05 or z - bd / 2 < front_free * 0.7 or z + bd / 2 > depth:
                continue
            r = (x - bw / 2, z - bd / 2, x + bw / 2, z + bd / 2)
            if any(r[0] < u[2] and u[0] < r[2] and r[1] < u[3] and u[1] < r[3] for u in used):
                continue
            used.append(r)
            main = tex.get("front", next(iter(tex.values())))
            side = tex.get("left", _u8(main.astype(np.float32) * 0.8))
            faces = {
                "front": main,
                "back": side,
                "left": side,
                "right": side,
                "top": tex.get("top", side),
            }
            if wall == "left":
                faces = {
                    "front": side,
                    "back": side,
                    "left": side,
                    "right": main,
                    "top": faces["top"],
                }
            elif wall == "right":
                faces = {
                    "front": side,
                    "back": side,
                    "left": main,
                    "right": side,
                    "top": faces["top"],
                }
            _add_piece(
                boxes, surfaces, name, tex, faces, (x, z, bw, bd, h), wall, rng, shared.products
            )
            break
    return boxes, surfaces


def _add_piece(
    boxes: list[Box],
    surfaces: list[tuple[float, float, float, float, float]],
    name: str,
    tex: dict[str, U8],
    faces: dict[str, U8],
    where: tuple[float, float, float, float, float],
    wall: str,
    rng: Rng,
    products: list[U8],
) -> None:
    """One piece as its boxes (a bed's base, bedding and headboard; a desk's top, legs and
    screen; ...) and the surfaces it offers."""
    x, z, bw, bd, h = where
    if name in ("bed", "bunk"):
        boxes.append(Box(x, z, bw, bd, 0.3, 0.0, faces))
        boxes.append(Box(x, z, bw * 0.97, bd * 0.97, h - 0.3, 0.3, {}, soft="bedding"))
        head = tex.get("head", faces["front"])
        hw, hd = (bw, 0.06) if wall in ("back", "middle") else (0.06, bd)
        hx = (
            x if wall in ("back", "middle") else x + (-1 if wall == "left" else 1) * (bw / 2 - 0.03)
        )
        hz = z + bd / 2 - 0.03 if wall in ("back", "middle") else z
        boxes.append(Box(hx, hz, hw, hd, 0.6, 0.5, {"front": head, "left": head, "right": head}))
        if name == "bunk":
            boxes.append(Box(x, z, bw, bd, 0.08, 1.35, faces))
            boxes.append(Box(x, z, bw * 0.97, bd * 0.97, 0.15, 1.43, {}, soft="bedding"))
        surfaces.append((x, z, bw * 0.8, bd * 0.7, h))
    elif name in ("sofa", "armchair"):
        boxes.append(Box(x, z, bw, bd, 0.45, 0.0, faces))
        boxes.append(Box(x, z, bw * 0.6, bd * 0.6, 0.12, 0.45, {}, soft="cushion"))
        surfaces.append((x, z, bw * 0.6, bd * 0.5, 0.45))
    elif name == "lamp":
        boxes.append(
            Box(x, z, 0.04, 0.04, h * 0.7, 0.0, {"front": tex.get("stand", faces["front"])})
        )
        boxes.append(Box(x, z, bw, bd, h * 0.3, h * 0.7, faces))
    elif name == "desk":
        boxes.append(Box(x, z, bw, bd, 0.05, h - 0.05, faces))
        for dx in (-1, 1):
            boxes.append(
                Box(x + dx * (bw / 2 - 0.03), z, 0.05, bd, h - 0.05, 0.0, {"front": faces["front"]})
            )
        if rng.random() < 0.6:
            scr = _screen(rng, 96, 60)
            boxes.append(
                Box(
                    x,
                    z + bd * 0.2,
                    0.55,
                    0.03,
                    0.34,
                    h + 0.08,
                    {"front": scr, "top": np.full((4, 4, 3), 30, np.uint8)},
                )
            )
        surfaces.append((x, z - bd * 0.15, bw * 0.8, bd * 0.5, h))
    elif name == "table":
        boxes.append(Box(x, z, bw, bd, 0.05, h - 0.05, faces))
        boxes.append(Box(x, z, 0.08, 0.08, h - 0.05, 0.0, {"front": faces["front"]}))
        surfaces.append((x, z, bw * 0.8, bd * 0.8, h))
    elif name == "shelves":
        front = np.ascontiguousarray(np.tile(faces["front"], (2, 3, 1)))
        boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                h,
                0.0,
                {**faces, "front": front} if wall in ("back", "middle") else faces,
            )
        )
        if products:  # a chain shop: the chain's products, arranged per shop
            prods = products
            order = rng.permutation(len(prods))
            sh = np.zeros((_px(h), _px(bw), 3), np.uint8)
            sh[:] = (200, 200, 200)
            cols = int(bw / 0.15)
            for r in range(4):
                for c in range(cols):
                    p = prods[int(order[(r * cols + c) % len(prods)])]
                    pw = _px(bw) // cols
                    ph = _px(h) // 4 - 8
                    _paste(sh, cv2.resize(p, (pw - 2, ph)), c * pw, r * (_px(h) // 4) + 4)
            key = "front" if wall in ("back", "middle") else ("right" if wall == "left" else "left")
            boxes[-1].tex = {**boxes[-1].tex, key: sh}
    elif name == "sleepingbag":
        boxes.append(Box(x, z, bw, bd, h, 0.0, {}, soft="bedding"))
    elif name in ("shed",):
        shed = _wood(rng, 128, 128, _c(rng, 60, 200), 16, along_x=False)
        boxes.append(
            Box(
                x,
                z,
                bw,
                bd,
                h,
                0.0,
                {
                    "front": shed,
                    "left": shed,
                    "right": shed,
                    "top": _paint(rng, 32, 32, (70, 70, 70)),
                },
            )
        )
    elif name in ("basin", "toilet", "bathtub", "fridge"):
        white = _paint(rng, 48, 48, (240, 240, 238) if rng.random() < 0.85 else _c(rng, 150, 250))
        front = white.copy()
        if name == "fridge":
            front = _notes(rng, 96, 192, tuple(int(v) for v in white[0, 0]))  # type: ignore[arg-type]
        f = {"front": front, "left": white, "right": white, "back": white, "top": white}
        if wall == "left":
            f = {**f, "front": white, "right": front}
        elif wall == "right":
            f = {**f, "front": white, "left": front}
        boxes.append(Box(x, z, bw, bd, h, 0.0, f))
        if name == "fridge":
            surfaces.append((x, z, bw * 0.8, bd * 0.8, h))
    else:
        boxes.append(Box(x, z, bw, bd, h, 0.0, faces))
        if h < 1.2:
            surfaces.append((x, z, bw * 0.8, bd * 0.8, h))


def _clutter(place: Place, day: Rng) -> list[Box]:
    """Loose things of one day: boxes, books, toys, bags, shoes, laundry, on the floor and
    on surfaces."""
    base = _base_kind(place.kind)
    out: list[Box] = []
    n = int(day.integers(2, 7)) if base not in ("car", "tent") else int(day.integers(1, 4))
    for _ in range(n):
        s = float(day.uniform(0.12, 0.4))
        h = float(day.uniform(0.08, 0.35))
        if place.surfaces and day.random() < 0.6:
            x, z, w, d, top = place.surfaces[int(day.integers(0, len(place.surfaces)))]
            x += float(day.uniform(-w / 2, w / 2))
            z += float(day.uniform(-d / 2, d / 2))
            y0 = top
        else:
            x = float(day.uniform(-place.width / 2 + 0.3, place.width / 2 - 0.3))
            z = float(day.uniform(min(1.0, place.depth * 0.4), place.depth - 0.3))
            y0 = 0.0
        tex = _label(day, 64, 48) if day.random() < 0.7 else _fabric(day, 64, 48)
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


def _planes(place: Place, day: int, curtains: bool, hall: bool) -> list[Plane]:
    w, h, d = place.width, place.height, place.depth
    down, east, north = _vec(0, -1, 0), _vec(1, 0, 0), _vec(0, 0, 1)
    walls = {**place.walls, **(place.closed if curtains else {})}
    planes = [
        Plane(walls["back"], _vec(-w / 2, h, d), east, down, (w, h), wall=True),
        Plane(walls["left"], _vec(-w / 2, h, 0), north, down, (d, h), wall=True),
        Plane(walls["right"], _vec(w / 2, h, d), -north, down, (d, h), wall=True),
        Plane(place.floor, _vec(-w / 2, 0, d), east, -north, (w, d), wall=True),
        Plane(place.ceiling, _vec(-w / 2, h, 0), east, north, (w, d), wall=True),
        Plane(walls["front"], _vec(w / 2, h, 0), -east, down, (w, h), wall=not hall),
        Plane(
            walls["hall"],
            _vec(w / 2 + 1.5, h + (1.5 if walls["hall"].shape[0] > _px(h) + 10 else 0), -0.04),
            -east,
            down,
            (w + 3, walls["hall"].shape[0] / RES),
            wall=not hall,
        ),
    ]
    if hall:
        planes.append(
            Plane(
                place.hall_floor,
                _vec(-w / 2 - 1.5, 0, 0),
                east,
                north * -1,
                (w + 3, 2.5),
                wall=True,
            )
        )
        x0, x1, y0, y1 = place.door
        # the door leaf, open against the wall
        ang = np.radians(float(np.random.default_rng(PLACE_SEED + place.seed).uniform(88, 104)))
        u = _vec(np.cos(ang), 0, np.sin(ang))
        planes.append(Plane(place.door_leaf, _vec(x0, y1, 0.02), u, down, (x1 - x0, y1 - y0)))
    rng = np.random.default_rng(DAY_SEED + 2 * place.seed + day)
    bedding, cushion = _fabric(rng, 96, 96), _fabric(rng, 64, 32)
    for b in place.boxes + _clutter(place, rng):
        tex = b.tex
        if b.soft:
            cloth = bedding if b.soft == "bedding" else cushion
            tex = {"front": cloth, "top": cloth, "left": cloth, "right": cloth, "back": cloth}
        planes += box_planes(tex, b.x, b.z, b.w, b.d, b.h, b.y0)
    return planes


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying its ``Place`` for ``views_v10``."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def room_v10(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v10 (``bench/link.py --generator v10``): place ``seed`` from its own camera,
    as a ``RoomPicture`` carrying the model for ``views_v10``."""
    place = build_place(seed)
    img = render(place.planes(0), place.camera, width, height)
    img = _noise(img, np.random.default_rng(SENSOR_SEED + seed), 2.0)
    out = img.view(RoomPicture)
    out.place = place
    return out


def _print_place(img: U8) -> Place:
    """A picture not made here, hung as a print 2 m wide on the back wall of a plain room."""
    seed = int(np.asarray(img, np.uint64).sum() % 1_000_000) + 10_000_000
    while is_distractor(seed) or place_kind(seed) not in ("living", "bedroom", "office", "hotel"):
        seed += 1
    place = build_place(seed)
    h, w = img.shape[:2]
    back = place.walls["back"].copy()
    pw = _px(2.0)
    ph = int(pw * h / w)
    pic = cv2.resize(np.ascontiguousarray(img[:, :, :3]), (pw, ph), interpolation=cv2.INTER_AREA)
    _paste(back, pic, (back.shape[1] - pw) // 2, max(0, (back.shape[0] - ph) // 3))
    place.walls["back"] = back
    place.closed.pop("back", None)
    place.cache.clear()
    return place


# --- views -----------------------------------------------------------------------------------


def _inside(place: Place, pos: F64, margin: float = 0.25) -> F64:
    out = pos.copy()
    m = min(margin, place.width / 4)
    out[0] = np.clip(out[0], -place.width / 2 + m, place.width / 2 - m)
    out[1] = np.clip(out[1], 0.3, place.height - 0.1)
    far = 0.75 if _base_kind(place.kind) == "car" else place.depth - max(0.8, place.depth / 3)
    out[2] = np.clip(out[2], 0.2, far)
    return out


def moved(place: Place, rng: Rng, reach: float, turn: float, height: float | None = None) -> Camera:
    c = place.camera
    k = _small(place.kind)
    pos = c.pos + _vec(
        rng.uniform(-reach, reach) * k,
        rng.uniform(-0.08, 0.08) * k,
        rng.uniform(-0.2 * reach, reach) * k,
    )
    if height is not None:
        pos[1] = height
    return Camera(
        _inside(place, pos),
        c.yaw + float(rng.uniform(-turn, turn)),
        c.pitch + float(rng.uniform(-4, 4)),
        c.hfov,
    )


def _shift_blur(img: U8, rng: Rng, length: float) -> U8:
    n = max(1, round(length))
    k = np.zeros((n * 2 + 1, n * 2 + 1), np.float32)
    a = float(rng.uniform(0, np.pi))
    for t in np.linspace(-n, n, 4 * n + 1):
        k[round(n + t * np.sin(a)), round(n + t * np.cos(a))] = 1
    return np.asarray(cv2.filter2D(img, -1, k / k.sum()), np.uint8)


def walkthrough(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A frame of a handheld walk-through video: a camera walked into the place and swung,
    motion blur, rolling-shutter skew and wobble, 0.45-0.9 of the width (360-720 px at
    800), heavy video compression (JPEG 18-32 at a quarter of the chroma, then deblocked)."""
    cam = moved(place, rng, 0.9, 25)
    cam.roll = float(rng.uniform(-6, 6))
    cam.hfov = float(rng.uniform(62, 76))
    scale = float(rng.uniform(0.45, 0.9))
    fw, fh = max(64, int(w * scale)) // 2 * 2, max(48, int(h * scale)) // 2 * 2
    img = render(place.planes(0), cam, fw, fh)
    img = _shift_blur(img, rng, float(rng.uniform(2, 9)) * fw / 400)
    skew = float(rng.uniform(-0.12, 0.12)) * fw
    wob = float(rng.uniform(0, 3)) * fw / 400
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    phase = float(rng.uniform(0, 6.3))
    mx = (
        xx
        + np.float32(skew) * (yy / fh - 0.5)
        + np.float32(wob) * np.sin(yy / fh * 12 + phase).astype(np.float32)
    )
    img = np.asarray(
        cv2.remap(img, mx, yy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT), np.uint8
    )
    img = _noise(img, rng, 3.0)
    half = cv2.resize(img, (fw // 2, fh // 2), interpolation=cv2.INTER_AREA)
    ycc = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb)
    ycc[:, :, 1:] = cv2.resize(cv2.cvtColor(half, cv2.COLOR_RGB2YCrCb)[:, :, 1:], (fw, fh))
    img = cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB)
    img = _unjpeg(_jpeg(img, int(rng.integers(18, 33))))
    return np.asarray(cv2.bilateralFilter(img, 5, 18, 3), np.uint8)


def child_eye(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A child's eye height (0.85-1.15 m in a room; a child seat's in a car, a lying
    child's in a tent) against the original's adult one, looking a little up, moved."""
    base = _base_kind(place.kind)
    y = float(rng.uniform(0.85, 1.15))
    if base == "car":
        y = float(rng.uniform(0.78, 0.86))
    elif base == "tent":
        y = float(rng.uniform(0.35, 0.5))
    cam = moved(place, rng, 0.7, 20, height=y)
    cam.pitch = float(rng.uniform(-4, 8))
    cam.hfov = float(rng.uniform(64, 74))
    return _noise(render(place.planes(0), cam, w, h), rng, 2.5)


def digital_zoom(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A phone's digital zoom onto something: 28-45 % of the frame's width cut out (of four
    random cuts, the one with the most edges; with its sensor noise) and upscaled to the
    full size, then sharpened."""
    img = _noise(render(place.planes(0), moved(place, rng, 0.3, 10), w, h), rng, 3.0)
    f = float(rng.uniform(0.28, 0.45))
    cw, ch = int(w * f), int(h * f)
    grey = cv2.GaussianBlur(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), (0, 0), 1.5)
    edges = cv2.Canny(grey, 40, 100)  # blurred first: things' edges, not grass or gravel
    best, cut = -1.0, (0, 0)
    for _ in range(4):
        x = int(rng.uniform(0.05, 0.95) * (w - cw))
        y = int(rng.uniform(0.1, 0.9) * (h - ch))
        score = float(edges[y : y + ch, x : x + cw].mean())
        if score > best:
            best, cut = score, (x, y)
    x, y = cut
    up = cv2.resize(img[y : y + ch, x : x + cw], (w, h), interpolation=cv2.INTER_LINEAR)
    soft = cv2.GaussianBlur(up, (0, 0), 2.0)
    return _u8(up.astype(np.float32) * 1.8 - soft.astype(np.float32) * 0.8)


def foreground(place: Place, rng: Rng, w: int, h: int) -> U8:
    """Something close to the lens, out of focus, hides 20-40 % of the frame: a door frame's
    edge, leaves of a plant, a chair back, a curtain's edge, a mug."""
    img = _noise(render(place.planes(0), moved(place, rng, 0.4, 12), w, h), rng, 2.0)
    layer = np.zeros((h, w, 3), np.uint8)
    mask = np.zeros((h, w), np.uint8)
    cover = float(rng.uniform(0.2, 0.4))
    col = _c(rng, 20, 220)
    what = int(rng.integers(0, 4))
    side = int(rng.integers(0, 2))
    if what == 0:  # a door frame or a wall's edge
        x = int(w * cover)
        xs = (0, x) if side == 0 else (w - x, w)
        cv2.rectangle(mask, (xs[0], 0), (xs[1], h), 255, -1)
        layer[:] = col
    elif what == 1:  # leaves
        for _ in range(int(40 * cover) + 6):
            cx = (
                int(rng.uniform(0, cover * 1.6) * w)
                if side == 0
                else int(w - rng.uniform(0, cover * 1.6) * w)
            )
            cy = int(rng.uniform(0, 1) * h)
            ax = (int(rng.integers(w // 14, w // 6)), int(rng.integers(w // 40, w // 16)))
            cv2.ellipse(mask, (cx, cy), ax, float(rng.uniform(0, 180)), 0, 360, 255, -1)
        layer[:] = (
            int(rng.integers(20, 60)),
            int(rng.integers(70, 140)),
            int(rng.integers(20, 60)),
        )
    elif what == 2:  # a chair back or a bed end from below
        top = int(h * (1 - cover * 1.2))
        cv2.rectangle(mask, (0, top), (w, h), 255, -1)
        layer[:] = _fabric(rng, w, h) if rng.random() < 0.5 else _wood(rng, w, h, col, h // 6)
    else:  # a mug or a bottle in the corner
        r = int(w * cover * 0.7)
        cx = r // 2 if side == 0 else w - r // 2
        cv2.rectangle(mask, (cx - r // 2, h - int(h * cover * 2)), (cx + r // 2, h), 255, -1)
        layer[:] = col
    k = max(3, int(w / 25)) | 1
    layer = cv2.GaussianBlur(layer, (k, k), 0)
    alpha = cv2.GaussianBlur(mask, (k, k), 0).astype(np.float32)[:, :, None] / 255
    shade = np.float32(rng.uniform(0.5, 0.9))
    return _u8(img * (1 - alpha) + layer.astype(np.float32) * shade * alpha)


def doorway(place: Place, rng: Rng, w: int, h: int) -> U8:
    """The place seen through its doorway from outside (the hall, the car's open tailgate,
    the tent's door, the yard's gate): the front wall round the opening."""
    x0, x1, _y0, y1 = place.door
    base = _base_kind(place.kind)
    back = {"car": (0.9, 1.4), "tent": (0.8, 1.3), "outdoor": (2.0, 3.5)}.get(base, (1.0, 1.6))
    cx = (x0 + x1) / 2 + float(rng.uniform(-0.25, 0.25)) * (x1 - x0)
    y = (
        min(float(rng.uniform(1.45, 1.7)), y1 + 0.3)
        if base not in ("car", "tent")
        else float(rng.uniform(0.8, 1.2))
    )
    pos = _vec(cx, y, -float(rng.uniform(*back)))
    target = _vec(
        (x0 + x1) / 2 + float(rng.uniform(-0.3, 0.3)),
        min(1.0, place.height * 0.5),
        place.depth * 0.6,
    )
    dvec = target - pos
    yaw = float(np.degrees(np.arctan2(dvec[0], dvec[2])))
    pitch = float(np.degrees(np.arctan2(dvec[1], np.hypot(dvec[0], dvec[2]))))
    cam = Camera(pos, yaw, pitch, float(rng.uniform(58, 70)))
    return _noise(render(place.planes(0, hall=True), cam, w, h), rng, 2.5)


def lamp_light(place: Place, rng: Rng, w: int, h: int) -> U8:
    """Curtains drawn and a lamp on (warm, dim, a pool of light), or curtains open and the
    lamp off on a grey day (cool, flat); half each."""
    cam = moved(place, rng, 0.4, 12)
    drawn = bool(rng.random() < 0.5)
    img = render(place.planes(0, curtains=drawn), cam, w, h).astype(np.float32)
    if drawn:
        f = (w / 2) / np.tan(np.radians(cam.hfov) / 2)
        p = cam.axes() @ (np.array(place.lamp) - cam.pos)
        lx, ly = (
            (w / 2 + f * p[0] / p[2], h / 2 + f * p[1] / p[2])
            if p[2] > 0.2
            else (float(rng.uniform(0, w)), float(rng.uniform(0, h)))
        )
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        d = np.hypot(xx - np.float32(lx), yy - np.float32(ly)) / np.float32(w)
        light = 0.3 + 0.9 * np.exp(-(d**2) / np.float32(rng.uniform(0.08, 0.2)))
        img = (
            img
            * light[:, :, None]
            * np.array([1.15, 0.93, 0.66], np.float32)
            * np.float32(rng.uniform(0.55, 0.8))
        )
    else:
        grey = img.mean(axis=2, keepdims=True)
        img = (
            (img * 0.75 + grey * 0.25)
            * np.array([0.88, 0.96, 1.1], np.float32)
            * np.float32(rng.uniform(0.65, 0.85))
        )
    return _noise(_u8(img), rng, 4.0)


def next_day(place: Place, rng: Rng, w: int, h: int) -> U8:
    """Another day: other bedding and cushions, the loose things changed; furniture, walls
    and what hangs on them stay. Camera moved, other daylight."""
    img = render(place.planes(1), moved(place, rng, 0.5, 14), w, h)
    gains = np.array(rng.uniform(0.9, 1.1, 3), np.float32) * np.float32(rng.uniform(0.8, 1.15))
    return _noise(_u8(img.astype(np.float32) * gains), rng, 2.5)


def webcam(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A webcam frame: a laptop's camera at table height (0.8-1.0 m; in a car or a tent,
    low), wide, 0.4-0.55 of the size, auto-exposure pushing the picture up (windows blown
    out), heavy noise, a cool cast, barrel distortion, JPEG 60 afterwards."""
    base = _base_kind(place.kind)
    y = (
        float(rng.uniform(0.8, 1.0))
        if base not in ("car", "tent")
        else float(rng.uniform(0.5, 0.75))
    )
    cam = moved(place, rng, 0.6, 18, height=y)
    cam.pitch = float(rng.uniform(-2, 8))
    cam.hfov = float(rng.uniform(70, 80))
    s = float(rng.uniform(0.4, 0.55))
    fw, fh = max(64, int(w * s)), max(48, int(h * s))
    img = render(place.planes(0), cam, fw, fh).astype(np.float32)
    img *= np.float32(118.0 / max(20.0, float(img.mean())) * rng.uniform(1.0, 1.25))
    img = img * np.array([0.9, 1.0, 1.12], np.float32)
    img = _u8(img)
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    nx, ny = (xx - fw / 2) / (fw / 2), (yy - fh / 2) / (fw / 2)
    k = np.float32(rng.uniform(0.05, 0.15))
    r2 = nx * nx + ny * ny
    mx, my = fw / 2 + nx * (1 - k * r2) * fw / 2, fh / 2 + ny * (1 - k * r2) * fw / 2
    img = np.asarray(
        cv2.remap(
            img,
            mx.astype(np.float32),
            my.astype(np.float32),
            cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE,
        ),
        np.uint8,
    )
    img = _noise(img, rng, float(rng.uniform(6, 10)))
    return np.asarray(cv2.GaussianBlur(img, (3, 3), 0.7), np.uint8)


def panorama(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A phone panorama: narrow strips from one spot, turned 18-22 degrees apart over
    120-160 degrees, each with its own exposure and a slightly drifting pitch, joined
    (a cylindrical panorama), 0.85 of the height, its ragged top and bottom cropped."""
    c = moved(place, rng, 0.25, 8)
    step = float(rng.uniform(18, 22))
    n = round(float(rng.uniform(120, 160)) / step)
    ph = int(h * 0.85)
    vfov = float(rng.uniform(52, 60))
    f = (ph / 2) / np.tan(np.radians(vfov) / 2)
    sw = max(8, round(2 * f * np.tan(np.radians(step) / 2)))
    strips = []
    pitch = c.pitch
    gain = 1.0
    for i in range(n):
        yaw = c.yaw + (i - (n - 1) / 2) * step
        pitch += float(rng.uniform(-1.2, 1.2))
        gain = float(np.clip(gain * rng.uniform(0.94, 1.06), 0.8, 1.2))
        cam = Camera(c.pos, yaw, pitch, step)
        strip = render(place.planes(0), cam, sw, ph + 16).astype(np.float32) * np.float32(gain)
        off = int(np.clip((pitch - c.pitch) * f * np.pi / 180, -8, 8))
        strips.append(_u8(strip[8 + off : 8 + off + ph]))
    pano = np.concatenate(strips, axis=1)
    # cylindrical projection of the joined pinhole strips: squash each strip's rows toward
    # its edges as a cylinder does
    yy, xx = np.mgrid[0:ph, 0 : pano.shape[1]].astype(np.float32)
    local = (xx % sw) - sw / 2
    theta = local / np.float32(f)
    my = (yy - ph / 2) / np.cos(theta) + ph / 2
    mx = (xx - local) + np.tan(theta) * np.float32(f)
    pano = np.asarray(
        cv2.remap(
            pano,
            mx.astype(np.float32),
            my.astype(np.float32),
            cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE,
        ),
        np.uint8,
    )
    return _noise(pano, rng, 2.0)


def resaved(place: Place, rng: Rng, w: int, h: int) -> U8:
    """A picture re-saved many times (12-30 generations: each a JPEG at quality 55-85, some
    with a slight resize, a brightness tweak or a one-pixel crop), ending at 0.7 of the
    width."""
    img = _noise(render(place.planes(0), moved(place, rng, 0.3, 8), w, h), rng, 2.0)
    tw, th = int(w * 0.7), int(h * 0.7)
    for _ in range(int(rng.integers(12, 31))):
        r = rng.random()
        if r < 0.3:
            s = float(rng.uniform(0.85, 1.0))
            img = cv2.resize(
                img,
                (max(tw, int(img.shape[1] * s)), max(th, int(img.shape[0] * s))),
                interpolation=cv2.INTER_AREA,
            )
        elif r < 0.45:
            img = _u8(
                img.astype(np.float32) * np.float32(rng.uniform(0.95, 1.06))
                + np.float32(rng.uniform(-4, 4))
            )
        elif r < 0.55 and min(img.shape[:2]) > 60:
            img = img[1:-1, 1:-1]
        img = _unjpeg(_jpeg(img, int(rng.integers(55, 86))))
    return np.asarray(cv2.resize(img, (tw, th), interpolation=cv2.INTER_AREA), np.uint8)


def views_v10(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v10's ten pictures of a place (see the module's docstring)."""
    place = getattr(img, "place", None)
    if place is None:
        place = _print_place(np.asarray(img))
    rng = np.random.default_rng([VIEW_SEED, place.seed, seed])
    h, w = img.shape[:2]
    return {
        "walkthrough": _jpeg(walkthrough(place, rng, w, h), 90),
        "childeye": _jpeg(child_eye(place, rng, w, h), 85),
        "zoom": _jpeg(digital_zoom(place, rng, w, h), 85),
        "foreground": _jpeg(foreground(place, rng, w, h), 85),
        "doorway": _jpeg(doorway(place, rng, w, h), 85),
        "lamp": _jpeg(lamp_light(place, rng, w, h), 80),
        "nextday": _jpeg(next_day(place, rng, w, h), 85),
        "webcam": _jpeg(webcam(place, rng, w, h), 60),
        "panorama": _jpeg(panorama(place, rng, w, h), 85),
        "resaved": _jpeg(resaved(place, rng, w, h), 75),
    }


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v10", room=room_v10, views=views_v10)


def main() -> None:
    dry_run("v10", make_pictures, place_kind)


if __name__ == "__main__":
    main()

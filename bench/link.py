"""Linking places: separation, shortlist recall, speed, and shortlist+verification against
all-pairs verification, with 1 and 2 Dask workers.

Run: ``PYTHONPATH=src .venv/bin/python -m bench.link [--rooms N] [--all-pairs M]``; the
10,000-picture run: ``--name link-10k --generator v2 --no-real --size 400x300 --rooms 1667
--workers 1`` then ``--reuse --workers 2`` (separate processes, so each peak memory is its
own).
Prints one JSON object and writes it to ``bench/results/link.json``.

The collection is benign and made here: every scikit-image sample scene, the single
pictures of Debian's ``opencv-doc`` (when installed), and ``--rooms`` generated "rooms"
(random shapes, textures and words drawn in code). Each scene appears as its original and
five re-photographs (perspective, lighting, crop, JPEG, all combined; ``tests/link/
scenes.py``), so the truth is known: two pictures show the same place exactly when they
come from the same scene. The real pairs of opencv-doc (Graffiti, Leuven, aloe, box,
basketball, rubber whale, Suzanne) and scikit-image's stereo motorcycle are added as
two-picture scenes.

Measured:

- inlier counts of same-place and different-place pairs (all pairs of the first
  ``--all-pairs`` pictures), and the time of one verification;
- shortlist recall: top-1 (the most similar other picture shows the same place) and
  pair recall of the k=5 shortlist (same-place pairs that get verified at all);
- place recall and wrong links after shortlist + verification, and of the groups;
- images/s on one core (extraction), faces/s (when the [faces] extra and the face test
  pictures are there);
- the whole build on a local Dask cluster of 1 and 2 workers: wall time, verifications,
  peak memory of the client and of each worker; against all-pairs verification, whose
  time is the measured per-pair cost times N(N-1)/2 (running it whole would take hours);
- the shortlist's own cost at 10,000 stored pictures (one block of queries timed);
- where each picture's place is lost (``recall_by_stage``: per-query reach@k of the
  shortlist, linked, grouped, by view kind) and the pair-recall ceiling of a perfect
  symmetric shortlist (``pair_recall_ceiling``);
- the verification stage's CPU against all pairs, each step at its cost timed in one run
  (``matching_cost``: a random pair's verification, a shortlisted pair's, a partial
  matching of the common-content test).

``--from-store W`` measures the last two on the store an earlier run built with W workers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import fields, replace
from itertools import combinations
from pathlib import Path
from typing import Any, cast

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import cv2
import numpy as np

from bench.link_recall_stages import kind_of
from bench.link_rooms_v6 import room_v6, views_v6
from bench.link_rooms_v7 import room_v7, views_v7
from bench.link_rooms_v8 import room_v8, views_v8
from bench.link_rooms_v9 import room_v9, views_v9
from bench.link_rooms_v10 import room_v10, views_v10
from bench.link_rooms_v11 import room_v11, views_v11
from bench.link_rooms_v12 import room_v12, views_v12
from bench.link_rooms_v13 import room_v13, views_v13
from bench.link_rooms_v14 import room_v14, views_v14
from bench.link_rooms_v15 import room_v15, views_v15
from bench.link_rooms_v16 import room_v16, views_v16
from bench.link_rooms_v17 import room_v17, views_v17
from bench.link_rooms_v18 import room_v18, views_v18
from bench.link_rooms_v19 import room_v19, views_v19
from bench.link_rooms_v20 import room_v20, views_v20
from bench.link_rooms_v21 import room_v21, views_v21
from bench.link_rooms_v22 import room_v22, views_v22
from bench.link_rooms_v23 import room_v23, views_v23
from bench.link_rooms_v24 import room_v24, views_v24
from bench.link_rooms_v25 import room_v25, views_v25
from bench.link_rooms_v26 import room_v26, views_v26
from bench.link_rooms_v27 import room_v27, views_v27
from bench.link_rooms_v28 import room_v28, views_v28
from bench.link_rooms_v29 import room_v29, views_v29
from bench.link_rooms_v30 import room_v30, views_v30
from bench.link_rooms_v31 import room_v31, views_v31
from bench.link_rooms_v32 import room_v32, views_v32
from bench.link_rooms_v33 import room_v33, views_v33
from bench.link_rooms_v34 import room_v34, views_v34
from bench.machine import cpu_model, versions

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache" / "link"
RESULTS = ROOT / "results"
sys.path.insert(0, str(ROOT.parent / "tests" / "link"))

from scenes import jpeg_bytes, lighting, perspective, png_bytes, scene, views  # noqa: E402

from safeguard.link.common import DEFAULT_COMMON, holder_counts  # noqa: E402
from safeguard.link.extract import ExtractOptions  # noqa: E402
from safeguard.link.features import features_from_bytes  # noqa: E402
from safeguard.link.guided import DEFAULT_GUIDED  # noqa: E402
from safeguard.link.linking import (  # noqa: E402
    DEFAULT_ATTACH,
    LinkOptions,
    attach_task,
    build,
    cached_features,
    expanded_query_similarities,
    expanded_similarities,
    groups,
    mirrored_vectors,
)
from safeguard.link.runner import dask_runner  # noqa: E402
from safeguard.link.store import GlobalRows, Link, LinkStore  # noqa: E402
from safeguard.link.verify import DEFAULT_VERIFY, VerifyOptions, verify  # noqa: E402
from safeguard.link.votes import DEFAULT_VOTES, VoteOptions, build_index, store_views, tally  # noqa: E402

OPENCV = Path("/usr/share/doc/opencv-doc/examples/data")
SKIMAGE = ("astronaut", "coffee", "chelsea", "rocket", "camera", "immunohistochemistry",
           "retina", "page", "brick", "grass", "gravel", "coins", "hubble_deep_field", "moon",
           "text", "clock", "horse", "cell", "logo", "colorwheel")  # fmt: skip
# Pictures of opencv-doc that are one place each (calibration series, stereo pairs, the
# Graffiti/Leuven pairs and video frames excluded: they are same-place sets of their own).
OPENCV_SINGLES = ("HappyFish.jpg", "LinuxLogo.jpg", "apple.jpg", "baboon.jpg", "board.jpg",
                  "building.jpg", "butterfly.jpg", "cards.png", "chicky_512.png", "fruits.jpg",
                  "home.jpg", "lena.jpg", "messi5.jpg", "notes.png", "orange.jpg",
                  "pic1.png", "smarties.png", "starry_night.jpg", "stuff.jpg", "sudoku.png",
                  "text_defocus.jpg", "licenseplate_motion.jpg", "ela_original.jpg",
                  "squirrel_cls.jpg", "WindowsLogo.jpg", "aero1.jpg", "imageTextN.png")  # fmt: skip
OPENCV_PAIRS = (("graf1.png", "graf3.png"), ("leuvenA.jpg", "leuvenB.jpg"),
                ("aloeL.jpg", "aloeR.jpg"), ("box.png", "box_in_scene.png"),
                ("basketball1.png", "basketball2.png"), ("rubberwhale1.png", "rubberwhale2.png"),
                ("Blender_Suzanne1.jpg", "Blender_Suzanne2.jpg"))  # fmt: skip
WORDS = ("exit", "kitchen", "garden", "library", "station", "market", "harbour", "museum")


def room(seed: int, width: int = 800, height: int = 600) -> np.ndarray:
    """A generated benign "room": a textured background and random shapes and words."""
    rng = np.random.default_rng(10_000 + seed)
    xx = np.mgrid[0:height, 0:width][1].astype(np.float32)
    base = rng.uniform(60, 200, 3)
    img = np.empty((height, width, 3), np.float32)
    for c in range(3):
        img[:, :, c] = base[c] + 40 * np.sin(xx / rng.uniform(40, 200) + rng.uniform(0, 6))
    img += rng.normal(0, 6, img.shape)
    img = np.clip(img, 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(25, 45))):
        color = tuple(int(x) for x in rng.integers(0, 256, 3))
        kind = rng.integers(0, 4)
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        if kind == 0:
            w, h = int(rng.integers(20, 160)), int(rng.integers(20, 160))
            fill = -1 if rng.random() < 0.6 else 3
            cv2.rectangle(img, (x, y), (x + w, y + h), color, fill)
        elif kind == 1:
            cv2.circle(
                img, (x, y), int(rng.integers(8, 70)), color, -1 if rng.random() < 0.5 else 2
            )
        elif kind == 2:
            pts = rng.integers(0, [width, height], (int(rng.integers(3, 7)), 2)).astype(np.int32)
            cv2.polylines(img, [pts], bool(rng.random() < 0.5), color, int(rng.integers(1, 5)))
        else:
            word = str(rng.choice(WORDS))
            cv2.putText(img, word, (x, y), cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.6, 2.0)),
                        color, int(rng.integers(1, 4)))  # fmt: skip
    return img


#: The second generator (``--generator v2``): none of its pictures was seen when the link
#: thresholds were chosen (those were chosen on ``room``'s rooms 0-59 and the real
#: pictures), so its wrong-link count is a held-out figure. Other words, other fonts,
#: ellipses, stripe and checker patches, seeds from 1,000,000.
WORDS_V2 = ("open", "closed", "bakery", "platform", "office", "parking", "school", "garage",
            "north", "south", "hotel", "pharmacy", "stairs", "lift")  # fmt: skip
FONTS_V2 = (cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_COMPLEX, cv2.FONT_HERSHEY_TRIPLEX,
            cv2.FONT_HERSHEY_PLAIN, cv2.FONT_HERSHEY_SIMPLEX)  # fmt: skip


def room_v2(seed: int, width: int = 800, height: int = 600) -> np.ndarray:
    """Another benign "room" generator (held out from threshold choice): a two-axis
    gradient background, stripe and checker patches, ellipses, lines and words."""
    rng = np.random.default_rng(1_000_000 + seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    img = np.empty((height, width, 3), np.float32)
    for c in range(3):
        a, b, base = rng.uniform(-0.15, 0.15), rng.uniform(-0.15, 0.15), rng.uniform(50, 210)
        img[:, :, c] = base + a * (xx - width / 2) + b * (yy - height / 2)
    img += rng.normal(0, 5, img.shape)
    img = np.clip(img, 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(20, 40))):
        color = tuple(int(x) for x in rng.integers(0, 256, 3))
        kind = rng.integers(0, 5)
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        s = max(width, height) / 800
        if kind == 0:  # stripes or checks
            w, h = int(rng.integers(30, 150) * s), int(rng.integers(30, 150) * s)
            step = int(rng.integers(4, 16))
            patch = img[y : y + h, x : x + w]
            py, px = np.mgrid[0 : patch.shape[0], 0 : patch.shape[1]]
            mask = (
                ((px // step) % 2 == 0)
                if rng.random() < 0.5
                else ((px // step + py // step) % 2 == 0)
            )
            patch[mask] = color
        elif kind == 1:
            axes = (int(rng.integers(6, 80) * s), int(rng.integers(6, 80) * s))
            cv2.ellipse(img, (x, y), axes, float(rng.uniform(0, 180)), 0, 360, color,
                        -1 if rng.random() < 0.5 else int(rng.integers(1, 4)))  # fmt: skip
        elif kind == 2:
            x2, y2 = int(rng.integers(0, width)), int(rng.integers(0, height))
            cv2.line(img, (x, y), (x2, y2), color, int(rng.integers(1, 6)))
        elif kind == 3:
            w, h = int(rng.integers(15, 120) * s), int(rng.integers(15, 120) * s)
            cv2.rectangle(img, (x, y), (x + w, y + h), color, -1)
        else:
            word = str(rng.choice(WORDS_V2))
            font = int(rng.choice(FONTS_V2))
            cv2.putText(img, word, (x, y), font, float(rng.uniform(0.5, 1.8) * s), color,
                        int(rng.integers(1, 4)))  # fmt: skip
    return img


def _tile_floor(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A tiled floor or wall seen at an angle: a grid of tiles with grout lines, warped."""
    tile = int(rng.integers(12, 40))
    grout = tuple(int(x) for x in rng.integers(0, 256, 3))
    colours = rng.integers(0, 256, (int(rng.integers(1, 3)), 3))
    flat = np.empty((height, width, 3), np.uint8)
    flat[:] = grout
    for ty in range(0, height, tile):
        for tx in range(0, width, tile):
            c = colours[((tx // tile) + (ty // tile)) % len(colours)]
            flat[ty + 2 : ty + tile - 1, tx + 2 : tx + tile - 1] = c
    src = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    squeeze = rng.uniform(0.0, 0.35) * width
    dst = np.float32([[squeeze, 0], [width - squeeze, 0], [width, height], [0, height]])
    out = cv2.warpPerspective(flat, cv2.getPerspectiveTransform(src, dst), (width, height))
    return np.asarray(out, np.uint8)


def room_v3(seed: int, width: int = 800, height: int = 600) -> np.ndarray:
    """A third benign "room" generator, built to stress repeated patterns (held out from
    the choice of the repeated-pattern rule): a tiled floor, a wallpaper of one motif
    stamped on a lattice, checkerboards and grids that recur between rooms (few tile
    sizes and colours), shelves of identical boxes, framed pictures and words. Seeds
    from 2,000,000."""
    rng = np.random.default_rng(2_000_000 + seed)
    img = np.empty((height, width, 3), np.uint8)
    horizon = int(rng.uniform(0.35, 0.7) * height)
    wall = rng.integers(40, 230, 3)
    img[:horizon] = wall
    floor = _tile_floor(rng, width, height - horizon)
    img[horizon:] = floor
    # Wallpaper: one motif stamped on a lattice over the wall.
    step = int(rng.integers(18, 48))
    motif = tuple(int(x) for x in rng.integers(0, 256, 3))
    kind = int(rng.integers(0, 3))
    for y in range(step // 2, horizon, step):
        for x in range((y // step % 2) * step // 2, width, step):
            if kind == 0:
                cv2.circle(img, (x, y), step // 5, motif, -1)
            elif kind == 1:
                cv2.drawMarker(img, (x, y), motif, cv2.MARKER_CROSS, step // 3, 2)
            else:
                cv2.rectangle(img, (x - step // 6, y - step // 6), (x + step // 6, y + step // 6),
                              motif, 1)  # fmt: skip
    s = max(width, height) / 800
    for _ in range(int(rng.integers(8, 18))):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        what = int(rng.integers(0, 5))
        if what == 0:  # a checkerboard from a small set, so rooms share them
            cell = int((6, 10, 14)[int(rng.integers(0, 3))] * s)
            n = int(rng.integers(3, 9))
            for i in range(n):
                for j in range(n):
                    if (i + j) % 2 == 0:
                        cv2.rectangle(img, (x + i * cell, y + j * cell),
                                      (x + (i + 1) * cell - 1, y + (j + 1) * cell - 1),
                                      (20, 20, 20), -1)  # fmt: skip
                    else:
                        cv2.rectangle(img, (x + i * cell, y + j * cell),
                                      (x + (i + 1) * cell - 1, y + (j + 1) * cell - 1),
                                      (235, 235, 235), -1)  # fmt: skip
        elif what == 1:  # a shelf of identical boxes
            bw, bh = int(rng.integers(10, 30) * s), int(rng.integers(15, 45) * s)
            colour = tuple(int(v) for v in rng.integers(0, 256, 3))
            for k in range(int(rng.integers(3, 9))):
                cv2.rectangle(img, (x + k * (bw + 3), y), (x + k * (bw + 3) + bw, y + bh),
                              colour, -1)  # fmt: skip
                cv2.rectangle(img, (x + k * (bw + 3), y), (x + k * (bw + 3) + bw, y + bh),
                              (0, 0, 0), 1)  # fmt: skip
        elif what == 2:  # a framed picture: random blobs
            w, h = int(rng.integers(30, 120) * s), int(rng.integers(30, 120) * s)
            cv2.rectangle(img, (x, y), (x + w, y + h), (90, 60, 30), int(4 * s) + 1)
            for _ in range(int(rng.integers(3, 9))):
                cx, cy = x + int(rng.integers(0, w)), y + int(rng.integers(0, h))
                colour = tuple(int(v) for v in rng.integers(0, 256, 3))
                cv2.circle(img, (cx, cy), int(rng.integers(3, 20) * s), colour, -1)
        elif what == 3:  # a window grid
            w, h = int(rng.integers(40, 140) * s), int(rng.integers(40, 140) * s)
            cv2.rectangle(img, (x, y), (x + w, y + h), (250, 250, 250), -1)
            panes = int(rng.integers(2, 5))
            for k in range(1, panes):
                cv2.line(img, (x + k * w // panes, y), (x + k * w // panes, y + h), (40, 40, 40), 3)
                cv2.line(img, (x, y + k * h // panes), (x + w, y + k * h // panes), (40, 40, 40), 3)
        else:
            word = str(rng.choice(WORDS + WORDS_V2))
            font = int(rng.choice(FONTS_V2))
            colour = tuple(int(v) for v in rng.integers(0, 256, 3))
            cv2.putText(img, word, (x, y), font, float(rng.uniform(0.5, 1.6) * s), colour,
                        int(rng.integers(1, 3)))  # fmt: skip
    return _noisy(img, rng)


def _poster(index: int, s: float) -> np.ndarray:
    """One of four posters that recur between rooms of generator v4: the same distinctive
    picture (blobs, a frame and a word), not a repetitive pattern, so only the rest of the
    room tells two rooms apart."""
    rng = np.random.default_rng(4_000_000 + index)
    w, h = int(rng.integers(50, 100) * s * 2), int(rng.integers(45, 90) * s * 2)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = rng.integers(0, 256, 3)
    for _ in range(12):
        centre = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        cv2.circle(img, centre, int(rng.integers(3, 16) * s * 2), colour, -1)
    cv2.putText(img, str(rng.choice(WORDS_V2)), (4, h - 6), cv2.FONT_HERSHEY_DUPLEX,
                0.5 * s * 2, (255, 255, 255), 1)  # fmt: skip
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (30, 30, 30), max(1, int(3 * s)))
    return img


def _bricks(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A brick wall in running bond: one brick colour (with small variations) and mortar."""
    bw, bh = int(rng.integers(24, 60)), int(rng.integers(10, 24))
    mortar = tuple(int(x) for x in rng.integers(150, 230, 3))
    brick = rng.integers(60, 200, 3)
    img = np.empty((height, width, 3), np.uint8)
    img[:] = mortar
    for row, y in enumerate(range(0, height, bh)):
        shift = (row % 2) * bw // 2
        for x in range(-shift, width, bw):
            colour = np.clip(brick + rng.integers(-12, 13, 3), 0, 255)
            img[y + 2 : y + bh, max(0, x + 2) : max(0, x + bw)] = colour
    return img


def _seen_at_an_angle(rng: np.random.Generator, flat: np.ndarray) -> np.ndarray:
    """A floor texture narrowed towards the horizon by a random amount (draws from ``rng``)."""
    h, width = flat.shape[:2]
    src = np.float32([[0, 0], [width, 0], [width, h], [0, h]])
    squeeze = rng.uniform(0.05, 0.3) * width
    dst = np.float32([[squeeze, 0], [width - squeeze, 0], [width, h], [0, h]])
    return cv2.warpPerspective(flat, cv2.getPerspectiveTransform(src, dst), (width, h))


def _planks(rng: np.random.Generator, width: int, height: int, *, cuts: bool) -> np.ndarray:
    """A floor of long boards of one wood colour (v4 with a joint cut across each board,
    v5 without); draws from ``rng`` in a fixed order."""
    plank = int(rng.integers(14, 36))
    wood = rng.integers(60, 180, 3)
    flat = np.empty((height, width, 3), np.uint8)
    for y in range(0, height, plank):
        flat[y : y + plank] = np.clip(wood + rng.integers(-20, 21, 3), 0, 255)
        flat[y : y + 2] = 30
        if cuts:
            cut = int(rng.integers(0, width))
            flat[y : y + plank, cut : cut + 2] = 30
    return flat


def _lamp(img: np.ndarray, rng: np.random.Generator, x: int, y: int, s: float) -> None:
    """A lamp of generators v4 and v5: a shade on a stand (draws from ``rng`` in a fixed order)."""
    r = int(rng.integers(8, 22) * s * 2)
    colour = tuple(int(v) for v in rng.integers(0, 256, 3))
    pts = np.int32([[x - r, y + r], [x + r, y + r], [x + r // 2, y], [x - r // 2, y]])
    cv2.fillPoly(img, [pts], colour)
    cv2.line(img, (x, y + r), (x, y + 4 * r), (20, 20, 20), 2)


def _word(img: np.ndarray, rng: np.random.Generator, x: int, y: int, s: float) -> None:
    """A word of generators v4 and v5 (the colour drawn before the font, unlike v3)."""
    word = str(rng.choice(WORDS + WORDS_V2))
    colour = tuple(int(v) for v in rng.integers(0, 256, 3))
    size = float(rng.uniform(0.5, 1.6) * s)
    font = int(rng.choice(FONTS_V2))
    cv2.putText(img, word, (x, y), font, size, colour, int(rng.integers(1, 3)))


def _noisy(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The picture with Gaussian sensor noise (σ 4), as every generator from v3 ends."""
    noise = rng.normal(0, 4, img.shape)
    return np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def room_v4(seed: int, width: int = 800, height: int = 600) -> np.ndarray:
    """A fourth benign "room" generator, written before anything was measured on it and
    used once, for the final held-out figure of the 10,000-picture run: a brick wall
    (running bond) or a striped wallpaper, a floor of planks, bookshelves of identical
    spines, posters from a set of four that recur between rooms (one identical,
    distinctive object in two places), plants, lamps and words. Seeds from 3,000,000; its
    views add an in-plane rotation with zoom (``views_v4``)."""
    rng = np.random.default_rng(3_000_000 + seed)
    s = max(width, height) / 800
    horizon = int(rng.uniform(0.4, 0.75) * height)
    img = np.empty((height, width, 3), np.uint8)
    if rng.random() < 0.6:
        img[:horizon] = _bricks(rng, width, horizon)
    else:
        a, b = rng.integers(40, 230, 3), rng.integers(40, 230, 3)
        stripe = int(rng.integers(6, 30))
        xs = (np.arange(width) // stripe) % 2 == 0
        img[:horizon] = np.where(xs[None, :, None], a, b).astype(np.uint8)
    # Planks: long boards of one wood colour, seen at an angle.
    flat = _planks(rng, width, height - horizon, cuts=True)
    img[horizon:] = _seen_at_an_angle(rng, flat)
    for _ in range(int(rng.integers(8, 16))):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        what = int(rng.integers(0, 5))
        if what == 0:  # a poster from the shared set
            poster = _poster(int(rng.integers(0, 4)), s)
            ph, pw = poster.shape[:2]
            x, y = min(x, width - pw), min(y, height - ph)
            if x >= 0 and y >= 0:
                img[y : y + ph, x : x + pw] = poster
        elif what == 1:  # a bookshelf: rows of identical spines
            sw, sh = int(rng.integers(5, 12) * s * 2), int(rng.integers(25, 45) * s * 2)
            colour = tuple(int(v) for v in rng.integers(0, 256, 3))
            for r in range(int(rng.integers(1, 4))):
                for k in range(int(rng.integers(5, 15))):
                    x0, y0 = x + k * (sw + 1), y + r * (sh + 6)
                    cv2.rectangle(img, (x0, y0), (x0 + sw, y0 + sh), colour, -1)
                    cv2.line(img, (x0 + 1, y0 + sh // 3), (x0 + sw - 1, y0 + sh // 3),
                             (240, 240, 240), 1)  # fmt: skip
                board = y + r * (sh + 6) + sh + 3
                cv2.line(img, (x, board), (x + 15 * (sw + 1), board), (70, 40, 20), 3)
        elif what == 2:  # a plant: a pot and leaves
            pot = int(rng.integers(10, 30) * s * 2)
            cv2.rectangle(img, (x, y), (x + pot, y + pot), (40, 70, 150), -1)
            for _ in range(int(rng.integers(4, 10))):
                angle = float(rng.uniform(0, 180))
                dx, dy = int(rng.integers(-pot, pot)), int(rng.integers(0, pot))
                centre = (x + pot // 2 + dx, y - dy)
                cv2.ellipse(img, centre, (int(pot * 0.6), int(pot * 0.2)), angle, 0, 360,
                            (30, int(rng.integers(100, 200)), 40), -1)  # fmt: skip
        elif what == 3:  # a lamp: a shade on a stand
            _lamp(img, rng, x, y, s)
        else:
            _word(img, rng, x, y, s)
    return _noisy(img, rng)


def views_v4(img: np.ndarray, seed: int) -> dict[str, bytes]:
    """Generator v4's views: the five of ``tests/link/scenes.py`` and a sixth, new kind:
    an in-plane rotation of 8-25 degrees with a zoom of 0.8-1.25 and a mild perspective,
    under other light, saved as JPEG."""
    out = views(img, seed)
    rng = np.random.default_rng(5_000_000 + seed)
    h, w = img.shape[:2]
    angle = float(rng.uniform(8, 25) * rng.choice((-1, 1)))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, float(rng.uniform(0.8, 1.25)))
    turned = cv2.warpAffine(img, m, (w, h), borderMode=cv2.BORDER_REFLECT)
    turned = perspective(turned, 0.06, seed + 7)[0]
    out["rotated"] = jpeg_bytes(lighting(turned, 0.9, 1.3), 70)
    return out


def _catalogue(index: int, s: float) -> np.ndarray:
    """One of six pieces of furniture from one catalogue, identical wherever it stands in
    generator v5: a cabinet with drawers and knobs, a patterned armchair, a clock."""
    rng = np.random.default_rng(7_000_000 + index)
    w, h = int(rng.integers(60, 120) * s * 2), int(rng.integers(60, 110) * s * 2)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = rng.integers(40, 220, 3)
    kind = index % 3
    if kind == 0:  # a cabinet: drawers with knobs and a grain of lines
        rows = int(rng.integers(2, 5))
        for r in range(rows):
            y0, y1 = r * h // rows + 3, (r + 1) * h // rows - 3
            cv2.rectangle(img, (4, y0), (w - 5, y1), (30, 30, 30), 2)
            cv2.circle(img, (w // 2, (y0 + y1) // 2), max(2, int(4 * s * 2)), (200, 190, 60), -1)
            for _ in range(4):
                yy = int(rng.integers(y0 + 2, max(y0 + 3, y1 - 2)))
                cv2.line(img, (6, yy), (w - 7, yy + int(rng.integers(-3, 4))),
                         tuple(int(v) for v in rng.integers(0, 256, 3)), 1)  # fmt: skip
    elif kind == 1:  # an armchair: a patterned cushion between two arms
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        cv2.rectangle(img, (0, h // 3), (w // 6, h - 1), colour, -1)
        cv2.rectangle(img, (w - w // 6, h // 3), (w - 1, h - 1), colour, -1)
        for _ in range(10):
            centre = (int(rng.integers(w // 6, w - w // 6)), int(rng.integers(0, h)))
            cv2.circle(img, centre, int(rng.integers(3, 10) * s * 2),
                       tuple(int(v) for v in rng.integers(0, 256, 3)), -1)  # fmt: skip
    else:  # a clock: a face with numerals' ticks and two hands
        r = min(w, h) // 2 - 2
        cv2.circle(img, (w // 2, h // 2), r, (240, 240, 230), -1)
        for t in range(12):
            a = t * np.pi / 6
            p0 = (int(w / 2 + 0.8 * r * np.cos(a)), int(h / 2 + 0.8 * r * np.sin(a)))
            p1 = (int(w / 2 + r * np.cos(a)), int(h / 2 + r * np.sin(a)))
            cv2.line(img, p0, p1, (20, 20, 20), 2)
        for length, angle in ((0.5, rng.uniform(0, 6.28)), (0.8, rng.uniform(0, 6.28))):
            tip = (int(w / 2 + length * r * np.cos(angle)), int(h / 2 + length * r * np.sin(angle)))
            cv2.line(img, (w // 2, h // 2), tip, (10, 10, 10), 3)
    return img


def _window_view(index: int, w: int, h: int) -> np.ndarray:
    """One of three views out of a window (sky, hills, a few houses), the same in every
    room of generator v5 whose window looks onto it."""
    rng = np.random.default_rng(8_000_000 + index)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = rng.integers(150, 240, 3)
    ground = int(h * rng.uniform(0.45, 0.7))
    pts = [(0, h)] + [(x, ground - int(rng.integers(0, h // 4))) for x in range(0, w + 20, 20)]
    cv2.fillPoly(img, [np.int32([*pts, (w, h)])], tuple(int(v) for v in rng.integers(30, 140, 3)))
    for _ in range(int(rng.integers(3, 7))):
        x, bw, bh = int(rng.integers(0, w)), int(rng.integers(8, 24)), int(rng.integers(8, 30))
        cv2.rectangle(
            img,
            (x, ground - bh),
            (x + bw, ground),
            tuple(int(v) for v in rng.integers(0, 256, 3)),
            -1,
        )
        cv2.rectangle(img, (x + 2, ground - bh + 3), (x + 6, ground - bh + 8), (250, 250, 180), -1)
    return img


def _tiles(rng: np.random.Generator, motif: int, width: int, height: int) -> np.ndarray:
    """A wall or floor of identical tiles: one of four motifs shared by all v5 rooms."""
    t = np.random.default_rng(9_000_000 + motif)
    size = int(t.integers(18, 40))
    tile = np.empty((size, size, 3), np.uint8)
    tile[:] = t.integers(120, 250, 3)
    cv2.circle(
        tile, (size // 2, size // 2), size // 3, tuple(int(v) for v in t.integers(0, 256, 3)), -1
    )
    cv2.line(tile, (0, 0), (size - 1, size - 1), tuple(int(v) for v in t.integers(0, 256, 3)), 1)
    tile[:1] = tile[:, :1] = 60
    reps = (height // size + 1, width // size + 1, 1)
    return np.ascontiguousarray(np.tile(tile, reps)[:height, :width])


def room_v5(seed: int, width: int = 800, height: int = 600) -> np.ndarray:
    """A fifth benign "room" generator, written before anything was measured on it and
    used once for the held-out figure of the fourth linking round. New room kinds and
    confounders shared between rooms: kitchens and bathrooms with tiles of four motifs
    shared by all rooms, furniture from one catalogue of six identical pieces, windows
    onto one of three identical outdoor views, the v4 posters in more rooms (up to three
    in one room), beside v4's walls, planks, shelves, plants, lamps and words. Seeds from
    6,000,000; views as v4's (``views_v4``) with the crop taken anywhere
    (``views_v5``)."""
    rng = np.random.default_rng(6_000_000 + seed)
    s = max(width, height) / 800
    horizon = int(rng.uniform(0.4, 0.75) * height)
    kind = int(rng.integers(0, 3))  # 0 living room, 1 kitchen, 2 bathroom
    img = np.empty((height, width, 3), np.uint8)
    if kind == 0:
        img[:horizon] = (
            _bricks(rng, width, horizon) if rng.random() < 0.5 else rng.integers(60, 220, 3)
        )
    else:
        img[:horizon] = _tiles(rng, int(rng.integers(0, 4)), width, horizon)
    if kind == 2 or rng.random() < 0.3:
        flat = _tiles(rng, int(rng.integers(0, 4)), width, height - horizon)
    else:
        flat = _planks(rng, width, height - horizon, cuts=False)
    img[horizon:] = _seen_at_an_angle(rng, flat)
    if rng.random() < 0.6:  # a window onto a shared view
        ww, wh = int(rng.integers(70, 140) * s * 2), int(rng.integers(60, 110) * s * 2)
        x, y = int(rng.integers(0, max(1, width - ww))), int(rng.integers(0, max(1, horizon - wh)))
        view = _window_view(int(rng.integers(0, 3)), ww, wh)
        img[y : y + wh, x : x + ww] = view[: height - y, : width - x]
        cv2.rectangle(img, (x, y), (x + ww - 1, y + wh - 1), (240, 240, 240), max(2, int(5 * s)))
        cv2.line(
            img, (x + ww // 2, y), (x + ww // 2, y + wh - 1), (240, 240, 240), max(2, int(4 * s))
        )
    posters = 0
    for _ in range(int(rng.integers(8, 16))):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        what = int(rng.integers(0, 6))
        if what in (0, 5) and posters < 3:  # catalogue furniture or a shared poster
            piece = (
                _catalogue(int(rng.integers(0, 6)), s)
                if what == 0
                else _poster(int(rng.integers(0, 4)), s)
            )
            posters += what == 5
            ph, pw = piece.shape[:2]
            x, y = min(x, width - pw), min(y, height - ph)
            if x >= 0 and y >= 0:
                img[y : y + ph, x : x + pw] = piece
        elif what == 1:  # a shelf of identical spines
            sw, sh = int(rng.integers(5, 12) * s * 2), int(rng.integers(25, 45) * s * 2)
            colour = tuple(int(v) for v in rng.integers(0, 256, 3))
            for k in range(int(rng.integers(5, 15))):
                x0 = x + k * (sw + 1)
                cv2.rectangle(img, (x0, y), (x0 + sw, y + sh), colour, -1)
            cv2.line(img, (x, y + sh + 3), (x + 15 * (sw + 1), y + sh + 3), (70, 40, 20), 3)
        elif what == 2:  # a plant
            pot = int(rng.integers(10, 30) * s * 2)
            cv2.rectangle(img, (x, y), (x + pot, y + pot), (40, 70, 150), -1)
            for _ in range(int(rng.integers(4, 10))):
                centre = (
                    x + pot // 2 + int(rng.integers(-pot, pot)),
                    y - int(rng.integers(0, pot)),
                )
                angle = float(rng.uniform(0, 180))
                cv2.ellipse(img, centre, (int(pot * 0.6), int(pot * 0.2)), angle, 0, 360,
                            (30, int(rng.integers(100, 200)), 40), -1)  # fmt: skip
        elif what == 3:  # a lamp
            _lamp(img, rng, x, y, s)
        else:
            _word(img, rng, x, y, s)
    return _noisy(img, rng)


def views_v5(img: np.ndarray, seed: int) -> dict[str, bytes]:
    """Generator v5's views: v4's, with the crop (0.5-0.7 of each side) taken anywhere in
    the picture rather than at a corner."""
    out = views_v4(img, seed)
    rng = np.random.default_rng(10_000_000 + seed)
    h, w = img.shape[:2]
    keep = float(rng.uniform(0.5, 0.7))
    ch, cw = int(h * keep), int(w * keep)
    y, x = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
    out["crop"] = png_bytes(np.ascontiguousarray(img[y : y + ch, x : x + cw]))
    return out


GENERATORS = {
    "v1": room,
    "v2": room_v2,
    "v3": room_v3,
    "v4": room_v4,
    "v5": room_v5,
    "v6": room_v6,
    "v7": room_v7,
    "v8": room_v8,
    "v9": room_v9,
    "v10": room_v10,
    "v11": room_v11,
    "v12": room_v12,
    "v13": room_v13,
    "v14": room_v14,
    "v15": room_v15,
    "v16": room_v16,
    "v17": room_v17,
    "v18": room_v18,
    "v19": room_v19,
    "v20": room_v20,
    "v21": room_v21,
    "v22": room_v22,
    "v23": room_v23,
    "v24": room_v24,
    "v25": room_v25,
    "v26": room_v26,
    "v27": room_v27,
    "v28": room_v28,
    "v29": room_v29,
    "v30": room_v30,
    "v31": room_v31,
    "v32": room_v32,
    "v33": room_v33,
    "v34": room_v34,
}


#: Each generator's views (v1-v3 use ``views``).
VIEWS = {
    "v4": views_v4,
    "v5": views_v5,
    "v6": views_v6,
    "v7": views_v7,
    "v8": views_v8,
    "v9": views_v9,
    "v10": views_v10,
    "v11": views_v11,
    "v12": views_v12,
    "v13": views_v13,
    "v14": views_v14,
    "v15": views_v15,
    "v16": views_v16,
    "v17": views_v17,
    "v18": views_v18,
    "v19": views_v19,
    "v20": views_v20,
    "v21": views_v21,
    "v22": views_v22,
    "v23": views_v23,
    "v24": views_v24,
    "v25": views_v25,
    "v26": views_v26,
    "v27": views_v27,
    "v28": views_v28,
    "v29": views_v29,
    "v30": views_v30,
    "v31": views_v31,
    "v32": views_v32,
    "v33": views_v33,
    "v34": views_v34,
}


def _skimage_scene(name: str) -> np.ndarray | None:
    try:
        return scene(name)
    except (AttributeError, ValueError, OSError):
        return None


def make_collection(
    folder: Path,
    rooms: int,
    *,
    generator: str = "v1",
    size: tuple[int, int] = (800, 600),
    real: bool = True,
    first: int = 0,
) -> dict[str, str]:
    """Write the pictures; return {file name: scene label} (also kept as truth.json, so
    ``--reuse`` can measure again on the same pictures)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    truth: dict[str, str] = {}
    bases: list[tuple[str, np.ndarray]] = []
    if real:
        for name in SKIMAGE:
            img = _skimage_scene(name)
            if img is not None and min(img.shape[:2]) >= 128:
                bases.append((f"sk-{name}", img))
        if OPENCV.exists():
            for name in OPENCV_SINGLES:
                if (OPENCV / name).exists():
                    img = cv2.cvtColor(cv2.imread(str(OPENCV / name)), cv2.COLOR_BGR2RGB)
                    bases.append((f"cv-{Path(name).stem}", img))
    make = GENERATORS[generator]
    offset = len(bases)

    def write(i: int, label: str, img: np.ndarray) -> None:
        (folder / f"{label}__original.png").write_bytes(png_bytes(img))
        truth[f"{label}__original.png"] = label
        view_of = VIEWS.get(generator, views)
        made = view_of(img, i)
        for kind, data in made.items():
            jpg = kind in ("jpeg", "combined", "rotated") or data[:2] == b"\xff\xd8"
            name = f"{label}__{kind}.{'jpg' if jpg else 'png'}"
            (folder / name).write_bytes(data)
            truth[name] = label

    for i, (label, img) in enumerate(bases):
        write(i, label, img)
    for i in range(rooms):
        # Made one at a time: 10,000 pictures never sit in memory together.
        write(offset + i, f"room{generator}-{first + i:05d}", make(first + i, *size))
    if real and OPENCV.exists():
        for a, b in OPENCV_PAIRS:
            for n in (a, b):
                if (OPENCV / n).exists():
                    shutil.copy(OPENCV / n, folder / f"pair-{n}")
                    truth[f"pair-{n}"] = f"pair-{a}"
    if real:
        left, right = scene("motorcycle_left"), scene("motorcycle_right")
        (folder / "pair-motorcycle_left.png").write_bytes(png_bytes(left))
        (folder / "pair-motorcycle_right.jpg").write_bytes(jpeg_bytes(right, 85))
        truth["pair-motorcycle_left.png"] = truth["pair-motorcycle_right.jpg"] = "pair-motorcycle"
    (folder.parent / f"{folder.name}.truth.json").write_text(json.dumps(truth))
    return truth


def _percentiles(xs: list[int]) -> dict[str, float]:
    if not xs:
        return {}
    a = np.array(xs)
    return {
        "n": len(xs),
        "min": int(a.min()),
        "p5": float(np.percentile(a, 5)),
        "median": float(np.median(a)),
        "p95": float(np.percentile(a, 95)),
        "max": int(a.max()),
    }


def all_pairs(folder: Path, truth: dict[str, str], m: int) -> dict[str, Any]:
    """Inlier distributions and the cost of one verification, over all pairs of m pictures
    (taken scene by scene, so both kinds of pairs are there)."""
    names = sorted(truth)[:m]
    feats = {n: features_from_bytes((folder / n).read_bytes())[0] for n in names}
    roots = {n: f.rootsift() for n, f in feats.items()}
    same: list[int] = []
    diff: list[int] = []
    linked_diff = linked_same = 0
    t = time.perf_counter()
    for a, b in combinations(names, 2):
        v = verify(feats[a], feats[b], rootsift_a=roots[a], rootsift_b=roots[b])
        if truth[a] == truth[b]:
            same.append(v.inliers)
            linked_same += v.linked
        else:
            diff.append(v.inliers)
            linked_diff += v.linked
    elapsed = time.perf_counter() - t
    pairs = len(same) + len(diff)
    feature_bytes = sum(f.descriptors.nbytes * 5 + f.points.nbytes for f in feats.values())
    return {
        "pictures": len(names),
        "pairs": pairs,
        "seconds": round(elapsed, 2),
        "ms_per_verification": round(1000 * elapsed / pairs, 2),
        "inliers_same_place": _percentiles(same),
        "inliers_different_place": _percentiles(diff),
        "different_place_pairs_linked": linked_diff,
        "same_place_pairs_linked": linked_same,
        # uint8 SIFT + float32 RootSIFT + points, as all-pairs verification would hold them.
        "feature_bytes_per_picture_in_memory": int(feature_bytes / len(names)),
    }


def _same_label_pairs(labels: list[str]) -> int:
    counts: dict[str, int] = {}
    for x in labels:
        counts[x] = counts.get(x, 0) + 1
    return sum(c * (c - 1) // 2 for c in counts.values())


def pair_recall_ceiling(sizes: list[int], k: int, trials: int = 200, seed: int = 0) -> float:
    """The k-shortlist pair recall of a perfect but symmetric shortlist: every picture's
    top k holds only its own place, in an order set by a random symmetric similarity.
    A place of n pictures has n(n-1)/2 pairs; when k < n - 1, pairs that both their
    pictures choose waste a slot, so even this shortlist misses pairs (a place of 11 at
    k = 5: about 0.58). Not a strict bound for the product: query expansion makes its
    similarities asymmetric, which can place more pairs."""
    rng = np.random.default_rng(seed)
    found = 0.0
    total = 0
    for n in sizes:
        pairs = n * (n - 1) // 2
        total += pairs
        if n - 1 <= k:
            found += pairs
            continue
        got = 0
        for _ in range(trials):
            s = rng.random((n, n))
            s = s + s.T
            np.fill_diagonal(s, -np.inf)
            top = np.argsort(-s, axis=1)[:, :k]
            chosen = np.zeros((n, n), bool)
            chosen[np.repeat(np.arange(n), k), top.ravel()] = True
            got += int(np.triu(chosen | chosen.T, 1).sum())
        found += got / trials
    return round(found / max(1, total), 4)


def shortlist_quality(
    store: LinkStore, truth: dict[str, str], k: int, mirrored: int = 0
) -> dict[str, Any]:
    """Top-1 recall and k-shortlist pair recall, in blocks (10,000 pictures: no N x N
    matrix, no Python loop over all pairs)."""
    label = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    rows = store.global_rows()
    ids = [str(x) for x in rows.item]
    labels = np.array([label[i] for i in ids])
    counts: dict[str, int] = {}
    for x in labels:
        counts[str(x)] = counts.get(str(x), 0) + 1
    top1 = 0
    queries = 0
    shortlisted: set[tuple[str, str]] = set()
    for start in range(0, len(ids), 512):
        # The product's similarities: query expansion included (linking.shortlist).
        sims = expanded_similarities(rows, np.arange(start, min(start + 512, len(ids))))
        for r in range(sims.shape[0]):
            sims[r, start + r] = -np.inf
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        for r in range(sims.shape[0]):
            i = start + r
            order = top[r][np.argsort(-sims[r, top[r]])]
            if counts[str(labels[i])] > 1:
                queries += 1
                top1 += labels[order[0]] == labels[i]
            for j in order:
                if labels[j] == labels[i]:
                    shortlisted.add((ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i]))
    true_pairs = _same_label_pairs([str(x) for x in labels])
    out = {
        "k": k,
        "top1_recall": round(top1 / max(1, queries), 4),
        "top5_pair_recall": round(len(shortlisted) / max(1, true_pairs), 4),
        # What a perfect symmetric shortlist would score on these place sizes.
        "top5_pair_recall_ceiling_symmetric": pair_recall_ceiling(
            [c for c in counts.values() if c > 1], k
        ),
        "same_place_pairs": true_pairs,
    }
    if mirrored > 0 and store.codebook is not None:
        # The build's mirrored queries (linking.mirrored_rows): each view's ``mirrored``
        # nearest items by its mirror image's vector, beyond its first-round ``k``.
        both = set(shortlisted)
        for start in range(0, len(ids), 256):
            q = np.arange(start, min(start + 256, len(ids)))
            views = [store.features(ids[i])[int(rows.view[i])] for i in q]
            vectors = mirrored_vectors(views, store.codebook, store.unbursty)
            sims = expanded_query_similarities(rows, vectors, rows.item[q])
            plain = expanded_similarities(rows, q)
            for r, i in enumerate(q):
                plain[r, i] = -np.inf
                first = set(np.argpartition(-plain[r], k)[:k].tolist())
                taken: set[str] = {ids[j] for j in first} | {ids[i]}
                got = 0
                for j in np.argsort(-sims[r]):
                    if ids[j] in taken:
                        continue
                    taken.add(ids[j])
                    got += 1
                    if labels[j] == labels[i]:
                        both.add((ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i]))
                    if got >= mirrored:
                        break
        out[f"top{k}_plus_mirrored{mirrored}_pair_recall"] = round(
            len(both) / max(1, true_pairs), 4
        )
    return out


def matching_cost(store: LinkStore, items: int = 100, seed: int = 0) -> dict[str, Any]:
    """What the build's verification stage costs against all pairs, on one core, timed in
    one run on a built store (so at one load):

    - a verification of a random pair of items (what all-pairs verification does
      N(N-1)/2 times; ``all_pairs`` times the same on its sample);
    - a verification of a shortlisted pair: ``items`` random items against each of their
      five nearest items of the first shortlist round (what the build verifies: more of
      them pass the first tests and pay for the later ones);
    - a partial matching of the common-content test: a linked pair's side-a inliers (its
      descriptors only) matched against one other item (``holder_counts``, 16 random
      items a link)."""
    rng = np.random.default_rng(seed)
    root = str(store.root)
    rows = store.global_rows()
    row_of = {str(x): n for n, x in reversed(list(enumerate(rows.item)))}
    ids = sorted(store.items)

    def timed(a: str, b: str) -> tuple[float, Any]:
        (fa, ra), (fb, rb) = cached_features(root, a)[0], cached_features(root, b)[0]
        t = time.perf_counter()
        v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        return time.perf_counter() - t, v

    random_s = [timed(*(ids[int(i)] for i in rng.choice(len(ids), 2, replace=False)))[0]
                for _ in range(3 * items)]  # fmt: skip
    queries = [ids[int(i)] for i in rng.choice(len(ids), items, replace=False)]
    sims = expanded_similarities(rows, np.array([row_of[q] for q in queries]))
    short_s: list[float] = []
    attach_s: list[float] = []
    matching_s: list[float] = []
    inliers: list[int] = []
    for r, q in enumerate(queries):
        got: list[str] = []
        for j in np.argsort(-sims[r]):
            other = str(rows.item[int(j)])
            if other != q and other not in got:
                got.append(other)
                if len(got) == 5:
                    break
        for other in got:
            seconds, v = timed(q, other)
            short_s.append(seconds)
            t = time.perf_counter()
            attach_task((root, [(q, 0, other, 0)], DEFAULT_VERIFY, DEFAULT_GUIDED, None))
            attach_s.append(time.perf_counter() - t)
            if v.linked and v.inliers_a:
                fa, ra = cached_features(root, q)[0]
                found = [cached_features(root, ids[int(i)])[0] for i in rng.choice(len(ids), 16)]
                t = time.perf_counter()
                holder_counts(fa, ra, v.inliers_a, found, DEFAULT_VERIFY)
                matching_s.append((time.perf_counter() - t) / len(found))
                inliers.append(len(v.inliers_a))
    return {
        "random_pairs_timed": len(random_s),
        "ms_per_random_pair_verification": round(1000 * float(np.mean(random_s)), 2),
        "shortlisted_pairs_timed": len(short_s),
        "ms_per_shortlisted_verification": round(1000 * float(np.mean(short_s)), 2),
        "ms_per_attach_verification": round(1000 * float(np.mean(attach_s)), 2),
        "partial_matchings_timed": 16 * len(matching_s),
        "mean_inliers_matched": round(float(np.mean(inliers)), 1) if inliers else 0.0,
        "ms_per_partial_matching": round(1000 * float(np.mean(matching_s)), 2)
        if matching_s
        else None,
    }


def _rate(hit: dict[str, int], total: dict[str, int]) -> dict[str, float]:
    return {k: round(hit.get(k, 0) / total[k], 4) for k in sorted(total)}


def recall_by_stage(
    store: LinkStore,
    truth: dict[str, str],
    ks: tuple[int, ...] = (1, 5, 10),
    votes: VoteOptions | None = None,
) -> dict[str, Any]:
    """Where a picture's place is lost, per picture and per view kind.

    - ``reach_at_k``: the picture has a picture of its own place among the k most similar
      other pictures of the first shortlist round (query expansion included; distinct
      items) -- the per-query recall@k of place recognition. It differs from
      ``shortlist.top5_pair_recall``, which asks that every same-place *pair* be in
      one of the two pictures' top k: a place of 11 pictures has 55 pairs and its
      pictures 55 shortlist places, so that figure is near 1 only if no pair is chosen by
      both its pictures and no slot goes to another place.
    - ``linked``: the picture has at least one place link to its own place.
    - ``grouped``: its place group holds another picture of its place.
    - ``shortlisted_pairs_linked``: of the same-place pairs in the first round's top 5
      (either way), the share linked directly -- what verification keeps of what the
      shortlist offered.
    - with ``votes`` (``link.votes``): ``votes_reach_at_k``, the picture's place among
      the k items its descriptors vote for most (``min_votes`` or more), and
      ``first_round_reach``, among the VLAD top 5 and the ``votes.items`` most voted:
      what the build's first round offers, before mirrored queries and the second round.
    Only pictures whose place has another picture count."""
    label = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    kind = {i.id: kind_of(i.path) for i in store.items.values()}
    counts: dict[str, int] = {}
    for x in label.values():
        counts[x] = counts.get(x, 0) + 1
    rows = store.global_rows()
    row_item = [str(x) for x in rows.item]
    kmax = max(ks)
    near: dict[str, list[str]] = {}
    for start in range(0, len(row_item), 512):
        sims = expanded_similarities(rows, np.arange(start, min(start + 512, len(row_item))))
        for r in range(sims.shape[0]):
            me = row_item[start + r]
            order = np.argsort(-sims[r])
            got: list[str] = []
            for j in order:
                other = row_item[int(j)]
                if other != me and other not in got:
                    got.append(other)
                    if len(got) >= kmax:
                        break
            # an item with several views: keep the best rank each other item reached
            best = near.setdefault(me, [])
            merged = {o: n for n, o in enumerate(best)}
            for n, o in enumerate(got):
                merged[o] = min(merged.get(o, n), n)
            near[me] = sorted(merged, key=merged.__getitem__)[:kmax]
    voted: dict[str, list[str]] = {}
    if votes is not None:
        ids = sorted(store.items)
        index = build_index(lambda: store_views(store, ids), votes)
        for item in ids:
            ranked = tally(index, store_views(store, [item]), votes).get(item, [])
            voted[item] = [o for o, n, _, _ in ranked if n >= votes.min_votes][:kmax]
    place = [link for link in store.links.values() if link.kind == "place"]
    right = {frozenset((x.a, x.b)) for x in place if label[x.a] == label[x.b]}
    linked_items = {i for pair in right for i in pair}
    in_group: set[str] = set()
    for g in groups(store):
        if g.kind != "place":
            continue
        seen: dict[str, int] = {}
        for m in g.members:
            seen[label[m]] = seen.get(label[m], 0) + 1
        in_group.update(m for m in g.members if seen[label[m]] > 1)
    total: dict[str, int] = {}
    reach: dict[int, dict[str, int]] = {k: {} for k in ks}
    vote_reach: dict[int, dict[str, int]] = {k: {} for k in ks}
    first_reach: dict[str, int] = {}
    linked: dict[str, int] = {}
    grouped: dict[str, int] = {}
    offered: set[frozenset[str]] = set()
    for item, lab in label.items():
        if counts[lab] < 2:
            continue
        v = kind[item]
        for key in (v, "all"):
            total[key] = total.get(key, 0) + 1
        mates = near.get(item, [])
        for k in ks:
            if any(label[o] == lab for o in mates[:k]):
                for key in (v, "all"):
                    reach[k][key] = reach[k].get(key, 0) + 1
        for o in mates[:5]:
            if label[o] == lab:
                offered.add(frozenset((item, o)))
        if votes is not None:
            mine = voted.get(item, [])
            for k in ks:
                if any(label[o] == lab for o in mine[:k]):
                    for key in (v, "all"):
                        vote_reach[k][key] = vote_reach[k].get(key, 0) + 1
            if any(label[o] == lab for o in [*mates[:5], *mine[: votes.items]]):
                for key in (v, "all"):
                    first_reach[key] = first_reach.get(key, 0) + 1
        if item in linked_items:
            for key in (v, "all"):
                linked[key] = linked.get(key, 0) + 1
        if item in in_group:
            for key in (v, "all"):
                grouped[key] = grouped.get(key, 0) + 1
    return {
        "pictures": total.get("all", 0),
        "per_view_kind_pictures": dict(sorted(total.items())),
        **{f"reach_at_{k}": _rate(reach[k], total) for k in ks},
        "linked": _rate(linked, total),
        "grouped": _rate(grouped, total),
        "shortlisted_pairs": len(offered),
        "shortlisted_pairs_linked": round(len(offered & right) / max(1, len(offered)), 4),
        **(
            {
                **{f"votes_reach_at_{k}": _rate(vote_reach[k], total) for k in ks},
                "first_round_reach": _rate(first_reach, total),
            }
            if votes is not None
            else {}
        ),
    }


def links_by_stage(place: Sequence[Link], label: dict[str, str]) -> dict[str, dict[str, int]]:
    """Place links and wrong ones by the stage that offered their pair (``Link.found_by``;
    "unknown" for links stored without it)."""
    out: dict[str, dict[str, int]] = {}
    for link in place:
        row = out.setdefault(link.found_by or "unknown", {"links": 0, "wrong": 0})
        row["links"] += 1
        row["wrong"] += label[link.a] != label[link.b]
    return dict(sorted(out.items()))


def link_quality(store: LinkStore, truth: dict[str, str]) -> dict[str, Any]:
    label = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    true_pairs = _same_label_pairs(list(label.values()))
    place = [link for link in store.links.values() if link.kind == "place"]
    wrong = [link for link in place if label[link.a] != label[link.b]]
    direct = {frozenset((link.a, link.b)) for link in place if label[link.a] == label[link.b]}
    grouped = 0
    wrong_groups = 0
    largest_group = 0
    scenes_grouped: set[str] = set()
    for g in groups(store):
        if g.kind != "place":
            continue
        member_labels = [label[m] for m in g.members]
        largest_group = max(largest_group, len(g.members))
        wrong_groups += len(set(member_labels)) > 1
        if len(set(member_labels)) == 1:
            scenes_grouped.add(member_labels[0])
        grouped += _same_label_pairs(member_labels)
    counts: dict[str, int] = {}
    for x in label.values():
        counts[x] = counts.get(x, 0) + 1
    scenes_with_mates = {x for x, c in counts.items() if c > 1}
    return {
        "place_links": len(place),
        "wrong_links": len(wrong),
        "wrong_link_examples": [
            {
                "a": Path(store.items[w.a].path).name,
                "b": Path(store.items[w.b].path).name,
                "inliers": w.inliers,
                "model": w.model,
            }
            for w in wrong[:5]
        ],
        "wrong_link_inliers": sorted(w.inliers or 0 for w in wrong)[-20:],
        "links_by_stage": links_by_stage(place, label),
        "pair_recall_direct_links": round(len(direct) / max(1, true_pairs), 4),
        "pair_recall_in_groups": round(grouped / max(1, true_pairs), 4),
        "groups_mixing_places": wrong_groups,
        "largest_place_group": largest_group,
        "places_with_a_pure_group": len(scenes_grouped & scenes_with_mates),
        "places_with_more_than_one_picture": len(scenes_with_mates),
    }


def images_per_second(folder: Path, names: list[str]) -> dict[str, Any]:
    t = time.perf_counter()
    for n in names:
        features_from_bytes((folder / n).read_bytes())
    elapsed = time.perf_counter() - t
    return {"pictures": len(names), "images_per_s": round(len(names) / elapsed, 2)}


def faces_per_second() -> dict[str, Any]:
    from safeguard.link.faces import detect_faces, faces_available

    cache = Path(os.environ.get("SAFEGUARD_TEST_CACHE", Path.home() / ".cache" / "safeguard-tests"))
    images = cache / "face_recognition-1.3.0" / "tests" / "test_images"
    if not faces_available() or not images.is_dir():
        return {"skipped": "needs the [faces] extra and the face test pictures (run tests/link)"}
    from PIL import Image

    pics = [np.asarray(Image.open(p).convert("RGB")) for p in sorted(images.glob("*.jpg"))]
    detect_faces(pics[0])  # load the models
    faces = 0
    t = time.perf_counter()
    for p in pics:
        faces += len(detect_faces(p))
    elapsed = time.perf_counter() - t
    return {
        "pictures": len(pics),
        "faces": faces,
        "faces_per_s": round(faces / elapsed, 2),
        "pictures_per_s": round(len(pics) / elapsed, 2),
        "note": "HOG detection (upsample 1, long side <= 1024) + 5-point alignment + ResNet",
    }


def shortlist_cost(n: int = 10_000, block: int = 1024, dim: int = 256 * 128) -> dict[str, Any]:
    """What the shortlist of ``linking.shortlist`` costs at n stored pictures: one block of
    queries (with query expansion: two products) against n float16 VLAD vectors (random;
    the cost does not depend on values), timed, and scaled to n queries."""
    rng = np.random.default_rng(0)
    stored = rng.standard_normal((n, dim)).astype(np.float16)
    rows = GlobalRows(np.array([f"i{i}" for i in range(n)], "U16"), np.zeros(n, np.int32), stored)
    t = time.perf_counter()
    sims = expanded_similarities(rows, np.arange(block))
    np.argsort(-sims, axis=1)
    per_block = time.perf_counter() - t
    return {
        "pictures": n,
        "dimensions": dim,
        "seconds_one_core_estimated": round(per_block * n / block, 1),
        "measured_block": block,
        "block_seconds": round(per_block, 3),
        "vlad_mb_float16": round(stored.nbytes / 2**20),
    }


def _reset_peak_rss() -> bool:
    """Linux: reset this process's peak RSS (VmHWM), so the client's peak is the build's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss_mb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def dask_build(
    folder: Path,
    workers: int,
    store_dir: Path,
    options: LinkOptions | None = None,
    extract_options: ExtractOptions | None = None,
) -> tuple[dict[str, Any], LinkStore]:
    if store_dir.exists():
        shutil.rmtree(store_dir)
    store = LinkStore.open(store_dir, create=True)
    load = os.getloadavg()
    reset = _reset_peak_rss()
    with dask_runner(workers) as runner:
        t = time.perf_counter()
        summary = build(
            store, [folder], runner=runner, options=options, extract_options=extract_options
        )
        elapsed = time.perf_counter() - t
        worker_rss = runner.client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    disk = sum(p.stat().st_size for p in store_dir.rglob("*") if p.is_file())
    return {
        "workers": workers,
        "seconds": round(elapsed, 1),
        "load_average_before": [round(x, 2) for x in load],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "pictures": summary.added,
        "failed": summary.failed,
        "verifications": summary.verified,
        "place_links": summary.place_links,
        "refused_shared_object": summary.shared_object_links,
        "refused_common_content": summary.common_content_links,
        "common_matchings": summary.common_matchings,
        "refused_common_content_later_rounds": summary.common_content_later_rounds,
        "refused_conflict": summary.conflict_links,
        "conflict_verifications": summary.conflict_verified,
        "attached": summary.attached,
        "attach_verifications": summary.attach_verified,
        "attach_refused": summary.attach_refused,
        "vote_pairs": summary.vote_pairs,
        "vote_seconds": summary.vote_seconds,
        "mirrored_chance": summary.mirrored_chance,
        "peak_rss_mb_client": _peak_rss_mb(),
        "peak_rss_client_is_build_only": reset,
        "peak_rss_mb_workers": sorted(round(v / 1024) for v in worker_rss.values()),
        "store_mb_on_disk": round(disk / 2**20, 1),
    }, LinkStore.open(store_dir)


class _WithoutAttached:
    """A built store as it is but for the links ``attach_links`` made (``Link.guided``):
    the same build without attaching, for comparing the two in one run."""

    def __init__(self, store: LinkStore) -> None:
        self._store = store
        self.links = {k: x for k, x in store.links.items() if not x.guided}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def without_attached(store: LinkStore) -> LinkStore:
    return cast(LinkStore, _WithoutAttached(store))


def equivalents(against: dict[str, Any], cost: dict[str, Any]) -> dict[str, Any]:
    """The build's verification stage (its shortlisted verifications and partial
    matchings, each at its measured cost, ``matching_cost``) against all-pairs
    verification (every pair at a random pair's cost), in CPU time on one core."""
    if cost["ms_per_partial_matching"] is None:
        return {}
    attach = against.get("attach_verifications", 0)
    build = (
        (against["shortlist_verifications"] - attach) * cost["ms_per_shortlisted_verification"]
        + attach * cost.get("ms_per_attach_verification", 0.0)
        + against["common_matchings"] * cost["ms_per_partial_matching"]
    ) / 1000
    all_pairs = against["all_pairs_verifications"] * cost["ms_per_random_pair_verification"] / 1000
    return {
        "verification_stage_seconds_one_core_estimated": round(build, 1),
        "all_pairs_seconds_one_core_same_run": round(all_pairs, 1),
        "less_verification_cpu_x": round(all_pairs / build, 1),
    }


def from_store(name: str, workers: int) -> None:
    """``--from-store``: recall by stage and matching costs of an earlier run's store,
    added to its results."""
    truth = json.loads((CACHE / name / "collection.truth.json").read_text())
    store = LinkStore.open(CACHE / name / f"store-{workers}")
    out = RESULTS / f"{name}.json"
    result = json.loads(out.read_text()) if out.exists() else {}
    result["recall_by_stage"] = recall_by_stage(store, truth, votes=DEFAULT_VOTES)
    result["matching_cost"] = matching_cost(store)
    result["links"] = link_quality(store, truth)
    result["links_without_attached"] = link_quality(without_attached(store), truth)
    result["recall_by_stage_without_attached"] = recall_by_stage(without_attached(store), truth)
    if "against_all_pairs" in result:
        result["against_all_pairs"] |= equivalents(
            result["against_all_pairs"], result["matching_cost"]
        )
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps({k: result[k] for k in ("recall_by_stage", "matching_cost")}, indent=1))


def verify_options(overrides: list[str]) -> VerifyOptions:
    """``DEFAULT_VERIFY`` with ``NAME=VALUE`` fields replaced (``--verify-option``)."""
    kinds = {f.name: str(f.type) for f in fields(VerifyOptions)}
    changes: dict[str, Any] = {}
    for text in overrides:
        name, _, value = text.partition("=")
        if name not in kinds or not value:
            raise SystemExit(f"--verify-option: NAME=VALUE of a VerifyOptions field: {text!r}")
        kind = kinds[name]
        changes[name] = (
            value.lower() in ("1", "true", "yes")
            if kind == "bool"
            else int(value)
            if kind == "int"
            else float(value)
        )
    return replace(DEFAULT_VERIFY, **changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rooms",
        type=int,
        default=60,
        help="generated places (6 pictures each up to v5, 8-13 from v6 on)",
    )
    parser.add_argument("--all-pairs", type=int, default=90, help="pictures verified all-pairs")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--generator", choices=tuple(GENERATORS), default="v1",
                        help="v2-v7: development (v6, v7 written blind, seen); "
                             "v8-v15: written blind, each measured once, seen now; "
                             "v16: written blind, seen now; "
                             "v17-v33: written blind, each measured once, seen now; "
                             "v34: held out (written blind), not yet run: use it once, "
                             "after the next linker change, its seeds built first by "
                             "bench.link_rooms_check")  # fmt: skip
    parser.add_argument("--size", default="800x600", help="generated rooms' size, WxH")
    parser.add_argument("--no-real", action="store_true",
                        help="generated rooms only (no scikit-image, no opencv-doc)")  # fmt: skip
    parser.add_argument("--name", default="link", help="results file and cache folder name")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the collection of an earlier run of this --name")  # fmt: skip
    parser.add_argument("--no-common", action="store_true",
                        help="without the common-content test (link.common)")  # fmt: skip
    parser.add_argument("--no-attach", action="store_true",
                        help="without attaching pictures linked to nothing "
                             "(linking.attach_links)")  # fmt: skip
    parser.add_argument("--votes", type=int, default=DEFAULT_VOTES.items, metavar="N",
                        help="items verified per picture by descriptor votes (link.votes; "
                             f"default {DEFAULT_VOTES.items}, 0: none)")  # fmt: skip
    parser.add_argument("--no-tiles", action="store_true",
                        help="composite pictures as one view only (link.tiles off)")  # fmt: skip
    parser.add_argument("--skip-costs", action="store_true",
                        help="skip faces/s and the shortlist cost at 10,000")  # fmt: skip
    parser.add_argument("--verify-option", metavar="NAME=VALUE", action="append", default=[],
                        help="override a VerifyOptions field for the build (repeatable), "
                             "e.g. min_region_cover=0.2")  # fmt: skip
    parser.add_argument("--from-store", metavar="WORKERS", type=int,
                        help="measure only recall by stage and the cost of a verification "
                             "and of a partial matching on the store an earlier run of "
                             "this --name built with WORKERS workers, and add them to its "
                             "results file")  # fmt: skip
    args = parser.parse_args()
    if args.from_store is not None:
        from_store(args.name, args.from_store)
        return
    width, height = (int(x) for x in args.size.lower().split("x"))
    folder = CACHE / args.name / "collection"
    truth_file = folder.parent / "collection.truth.json"
    load = os.getloadavg()
    t = time.perf_counter()
    if args.reuse and truth_file.exists():
        truth = json.loads(truth_file.read_text())
    else:
        folder.parent.mkdir(parents=True, exist_ok=True)
        truth = make_collection(
            folder,
            args.rooms,
            generator=args.generator,
            size=(width, height),
            real=not args.no_real,
        )
    made = time.perf_counter() - t
    n = len(truth)
    print(
        f"collection: {n} pictures, {len(set(truth.values()))} places, {made:.0f} s",
        file=sys.stderr,
    )
    result: dict[str, Any] = {
        "machine": f"{cpu_model()}, {os.cpu_count()} cores (shared with other jobs), "
        f"Python {platform.python_version()}",
        "load_average_at_start": load,
        "versions": versions("opencv-python-headless", "numpy", "dask", "dlib-bin"),
        "collection": {
            "pictures": n,
            "places": len(set(truth.values())),
            "generator": args.generator,
            "room_size": [width, height],
            "real_pictures": not args.no_real,
            "seconds_to_make": round(made, 1),
        },
    }
    result["extraction_one_core"] = images_per_second(folder, sorted(truth)[:: max(1, n // 60)])
    print(json.dumps(result["extraction_one_core"]), file=sys.stderr)
    result["all_pairs_sample"] = all_pairs(folder, truth, args.all_pairs)
    print(json.dumps(result["all_pairs_sample"]), file=sys.stderr)
    if not args.skip_costs:
        result["faces"] = faces_per_second()
        result["shortlist_cost_at_10000"] = shortlist_cost()
    builds = []
    store = None
    for w in [int(x) for x in args.workers.split(",")]:
        options = LinkOptions(
            common=replace(DEFAULT_COMMON, candidates=0) if args.no_common else DEFAULT_COMMON,
            attach=replace(DEFAULT_ATTACH, candidates=0) if args.no_attach else DEFAULT_ATTACH,
            verify=verify_options(args.verify_option),
            votes=replace(DEFAULT_VOTES, items=args.votes),
        )
        extract_options = ExtractOptions(tiles=None) if args.no_tiles else None
        b, store = dask_build(folder, w, CACHE / args.name / f"store-{w}", options, extract_options)
        builds.append(b)
        print(json.dumps(b), file=sys.stderr)
    assert store is not None
    result["builds"] = builds
    t = time.perf_counter()
    result["shortlist"] = shortlist_quality(store, truth, 5, mirrored=3)
    result["links"] = link_quality(store, truth)
    result["links_without_attached"] = link_quality(without_attached(store), truth)
    votes = replace(DEFAULT_VOTES, items=max(1, args.votes))
    result["recall_by_stage"] = recall_by_stage(store, truth, votes=votes)
    result["recall_by_stage_without_attached"] = recall_by_stage(without_attached(store), truth)
    result["matching_cost"] = matching_cost(store)
    result["quality_seconds"] = round(time.perf_counter() - t, 1)
    per_pair = result["all_pairs_sample"]["ms_per_verification"] / 1000
    all_pairs_n = n * (n - 1) // 2
    verifications = builds[-1]["verifications"]
    result["against_all_pairs"] = {
        "pictures": n,
        "all_pairs_verifications": all_pairs_n,
        "shortlist_verifications": verifications,
        "attach_verifications": builds[-1].get("attach_verifications", 0),
        "fewer_verifications_x": round(all_pairs_n / max(1, verifications), 1),
        "common_matchings": builds[-1].get("common_matchings", 0),
        "fewer_verifications_and_matchings_x": round(
            all_pairs_n / max(1, verifications + builds[-1].get("common_matchings", 0)), 1
        ),
        "all_pairs_seconds_one_core_estimated": round(all_pairs_n * per_pair, 1),
        "all_pairs_feature_memory_gb_estimated": round(
            n * result["all_pairs_sample"]["feature_bytes_per_picture_in_memory"] / 1e9, 2
        ),
    }
    result["against_all_pairs"] |= equivalents(result["against_all_pairs"], result["matching_cost"])
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(result, indent=1)
    (RESULTS / f"{args.name}.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

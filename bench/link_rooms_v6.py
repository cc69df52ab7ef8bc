"""Generator v6 of ``bench/link.py``: benign 3-D rooms and streets, held out from linking.

Written by a developer who has not read the linker, its docs, its tests or any result, so
nothing in it was tuned against the linker; use it once, for a held-out figure.

Run with ``--generator v6`` (``bench/link.py`` registers ``room_v6`` and ``views_v6``).
To look at the pictures and the truth without linking anything:
``PYTHONPATH=src .venv/bin/python -m bench.link_rooms_v6 --rooms 12 --out /tmp/v6``.

**What a place is.** Each seed is one place: a box room (or a street) built in 3-D from
textured planes (back wall, side walls, floor, ceiling or sky) and freestanding furniture
(flat cut-outs standing at their own depth). The original picture and every view are
rendered from that model by a pinhole camera, so two pictures show the same place exactly
when they come from the same seed.

**What is new compared with v3-v5** (which draw one flat picture and re-photograph it as a
plane, with a homography):

- *Viewpoint with parallax and partial overlap.* Views are rendered from other camera
  positions (moved 0.4-1.1 m sideways and forwards, turned 10-24 degrees, other field of
  view), so walls, floor and furniture move differently (no single homography explains a
  view) and each view shows only part of the original.
- *Identical mass-produced objects in different places*, from one catalogue (seeds from
  22,000,000), all new designs: 5 posters, 2 wall clocks (same face, hands set per place),
  2 calendars, 4 product boxes (standing in rows on shelves and counters), 3 rugs,
  3 wallpapers (whole walls), 3 tile designs, 2 TV sets each showing one of 2 identical
  screen pictures, 3 city skylines seen through windows, and 2 chain-shop fronts (sign,
  awning and window decal) on streets. 942 of the first 1,000 places show at least one.
- *Close-ups of a shared object.* One view per place ("closeup") frames its widest
  shared object (or, without one, one of its own objects) 5-15 degrees off its axis, so
  that it fills 40-55 % of the frame's width; the frame is at least 1.2 m wide (a small
  clock fills less and keeps some of its place around it) and the camera is never
  farther from the object than 0.8 of the original camera's distance nor nearer than
  0.7 m. The rest of the frame shows that place's own surroundings (or a shared
  wallpaper or tiles).
- *Twin rooms.* Places with seed % 25 in {11, 12} (8 % of places, 2 in every 25
  consecutive seeds) come in pairs built from one template (a hotel room or a student
  room: same walls, floor, bed, desk, print, TV, window, same geometry); the two differ
  only in details (the bags, bottles, books and suitcases on the desk and the floor, the
  clock's hands, the unevenness of the paint, the sensor noise) and in the camera.
  **Twins are different places** (different labels in the truth): they are different
  rooms, and a link between them is a wrong link. They are kept to 8 % of places so the
  task stays fair.
- *Streets and shop fronts* (about 15 % of places not twins): a facade of shop fronts and
  rows of identical windows, side facades, pavement and road, a sky far away, lamp posts,
  bins and bollards at their own depth.
- *Harder re-photographs*: night light (gain 0.25-0.45, gamma 1.6-2.2, warm cast, a lamp's
  fall-off and sensor noise), defocus or motion blur at half resolution, JPEG at quality
  50, a portrait picture (camera rolled 90 degrees), a mirrored picture re-encoded twice
  at a lower resolution.

**Pictures per place: 8** (the original and 7 views), PNG or JPEG as listed:
``original`` (PNG), ``left`` (moved and turned left, light changed, PNG), ``right``
(moved and turned right, zoomed in, JPEG 80), ``closeup`` (JPEG 85), ``night`` (JPEG 75),
``blur`` (half resolution, JPEG 90), ``roll`` (portrait, JPEG 50), ``mirror`` (flipped,
JPEG 70, 0.75 of the size, JPEG 60).

**Proportions** (of seeds; counted on seeds 0-999): twins 8 % (48 hotel rooms, 32 student
rooms); of the other 920, street 15 % (130), living room 25 % (235), bedroom 17 % (153),
kitchen 17 % (152), office 27 % (250). About 0.8 s a place (8 pictures of 400x300) on one
core of the shared machine at load 16-21.

**Seeds**: a place's model from ``default_rng(20_000_000 + seed)``; a twin template from
``21_000_000 + seed // 25``; the catalogue from ``22_000_000`` plus an offset per object;
the views from ``23_000_000 + seed`` (the ``seed`` ``make_collection`` passes to the
views). Everything is deterministic by seed. Pictures that do not come from ``room_v6``
(the real pictures of ``bench/link.py`` when run without ``--no-real``) are treated as a
flat print 2 m wide on a grey wall and re-photographed the same way, the camera aimed
back at the print.
"""

from __future__ import annotations

import argparse
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

U8 = npt.NDArray[np.uint8]
F64 = npt.NDArray[np.float64]
Rng = np.random.Generator

PLACE_SEED = 20_000_000
TWIN_SEED = 21_000_000
CATALOGUE_SEED = 22_000_000
VIEW_SEED = 23_000_000
TWIN_BLOCK = 25
TWIN_SLOTS = (11, 12)
VIEW_KINDS = ("left", "right", "closeup", "night", "blur", "roll", "mirror")
PICTURES_PER_PLACE = 1 + len(VIEW_KINDS)
JPEG_START = b"\xff\xd8"
SUPERSAMPLE = 2
RES = 200  # texture pixels per metre on walls and furniture
WORDS_V6 = (
    "bistro",
    "laundry",
    "florist",
    "books",
    "repairs",
    "tailor",
    "deli",
    "optician",
    "room",
    "quiet",
    "welcome",
    "fresh",
    "sale",
    "open daily",
)


def _c(rng: Rng, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in rng.integers(lo, hi, 3))
    return (r, g, b)


# --- scene model and rendering ------------------------------------------------------------


@dataclass
class Plane:
    """A textured rectangle in the world: ``p0`` is the texture's top-left corner, ``u`` and
    ``v`` unit vectors along its columns and rows; ``res`` texture pixels a metre."""

    tex: U8  # H x W x 4 (RGBA)
    p0: F64
    u: F64
    v: F64
    res: float


@dataclass
class Camera:
    pos: F64
    yaw: float  # degrees, positive looks right
    pitch: float  # degrees, positive looks up
    roll: float = 0.0
    hfov: float = 66.0


@dataclass
class Hotspot:
    """An object a close-up can frame: its centre, its width (m), the direction into the
    surface it lies on, and whether it is a mass-produced (shared) object."""

    centre: F64
    width: float
    normal: F64
    shared: bool


@dataclass
class Place:
    kind: str
    planes: list[Plane]  # drawn in order (background first)
    props: list[Plane]  # freestanding, drawn far to near
    camera: Camera
    hotspots: list[Hotspot] = field(default_factory=list)
    twin_of: int | None = None


class RoomPicture(np.ndarray):
    """The original picture of a place, carrying the place's model so that ``views_v6``
    can re-photograph it from elsewhere."""

    place: Place | None

    def __array_finalize__(self, obj: Any) -> None:
        self.place = getattr(obj, "place", None)


def _vec(*xs: float) -> F64:
    return np.array(xs, np.float64)


def _rotation(cam: Camera) -> F64:
    """World-to-camera rotation (world and camera: x right, y down, z forward)."""
    y, p, r = np.radians([cam.yaw, cam.pitch, cam.roll])
    ry = np.array([[np.cos(y), 0, np.sin(y)], [0, 1, 0], [-np.sin(y), 0, np.cos(y)]])
    rx = np.array([[1, 0, 0], [0, np.cos(p), -np.sin(p)], [0, np.sin(p), np.cos(p)]])
    rz = np.array([[np.cos(r), -np.sin(r), 0], [np.sin(r), np.cos(r), 0], [0, 0, 1]])
    return np.asarray((ry @ rx @ rz).T, np.float64)


def _look_at(pos: F64, target: F64, hfov: float, roll: float = 0.0) -> Camera:
    d = target - pos
    yaw = float(np.degrees(np.arctan2(d[0], d[2])))
    pitch = float(np.degrees(np.arctan2(-d[1], np.hypot(d[0], d[2]))))
    return Camera(pos, yaw, pitch, roll, hfov)


def _clip_near(points: F64, near: float) -> F64:
    """Sutherland-Hodgman: the part of a polygon (camera coordinates) with z >= near."""
    out = []
    n = len(points)
    for i in range(n):
        a, b = points[i], points[(i + 1) % n]
        if a[2] >= near:
            out.append(a)
        if (a[2] >= near) != (b[2] >= near):
            t = (near - a[2]) / (b[2] - a[2])
            out.append(a + t * (b - a))
    return np.array(out, np.float64).reshape(-1, 3)


def _draw(canvas: U8, plane: Plane, cam: Camera, k: F64) -> None:
    """Paint ``plane`` over ``canvas`` as ``cam`` sees it (only the part in front of the
    camera; texture pixels with alpha < 50 % are see-through)."""
    h, w = canvas.shape[:2]
    r = _rotation(cam)
    th, tw = plane.tex.shape[:2]
    corners = np.array(
        [
            plane.p0 + plane.u * a * tw / plane.res + plane.v * b * th / plane.res
            for a, b in ((0, 0), (1, 0), (1, 1), (0, 1))
        ]
    )
    in_cam = (corners - cam.pos) @ r.T
    near = 0.1
    if (in_cam[:, 2] < near).all():
        return
    clipped = (in_cam[:, 2] < near).any()
    poly = _clip_near(in_cam, near) if clipped else in_cam
    xy = np.clip((poly @ k.T)[:, :2] / poly[:, 2:3], -1e6, 1e6)
    x0, y0 = max(0, int(np.floor(xy[:, 0].min()))), max(0, int(np.floor(xy[:, 1].min())))
    x1, y1 = min(w, int(np.ceil(xy[:, 0].max())) + 1), min(h, int(np.ceil(xy[:, 1].max())) + 1)
    if x1 <= x0 or y1 <= y0:
        return
    m = k @ r @ np.column_stack([plane.u / plane.res, plane.v / plane.res, plane.p0 - cam.pos])
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64)
    warped = cv2.warpPerspective(plane.tex, shift @ m, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR)
    mask = warped[:, :, 3] > 127
    if clipped:
        inside = np.zeros((y1 - y0, x1 - x0), np.uint8)
        cv2.fillPoly(inside, [np.round(xy - [x0, y0]).astype(np.int32)], 1)
        mask &= inside.astype(bool)
    np.copyto(canvas[y0:y1, x0:x1], warped[:, :, :3], where=mask[:, :, None])


def render(place: Place, cam: Camera, width: int, height: int) -> U8:
    """The place seen by ``cam``: a ``width`` x ``height`` RGB picture (supersampled)."""
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    f = (w / 2) / np.tan(np.radians(cam.hfov) / 2)
    k = np.array([[f, 0, w / 2], [0, f, h / 2], [0, 0, 1]], np.float64)
    canvas = np.full((h, w, 3), 128, np.uint8)
    for plane in place.planes:
        _draw(canvas, plane, cam, k)
    r = _rotation(cam)

    def depth(p: Plane) -> float:
        th, tw = p.tex.shape[:2]
        centre = p.p0 + p.u * tw / p.res / 2 + p.v * th / p.res / 2
        return float(((centre - cam.pos) @ r.T)[2])

    for prop in sorted(place.props, key=depth, reverse=True):
        _draw(canvas, prop, cam, k)
    out = cv2.resize(canvas, (width, height), interpolation=cv2.INTER_AREA)
    return np.asarray(out, np.uint8)


# --- textures -----------------------------------------------------------------------------


def _rgba(rgb: U8, alpha: U8 | None = None) -> U8:
    a = np.full(rgb.shape[:2], 255, np.uint8) if alpha is None else alpha
    return np.ascontiguousarray(np.dstack([rgb, a]))


def _surface(rng: Rng, h: int, w: int, base: tuple[int, int, int], amp: float) -> U8:
    """A painted or plastered surface: a colour with a soft, uneven shade and grain."""
    low = cv2.resize(
        rng.normal(0, 1, (4, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC
    )
    img = np.empty((h, w, 3), np.float32)
    img[:] = base
    img += (amp * low)[:, :, None]
    img += rng.normal(0, 3, (h, w, 1)).astype(np.float32)
    return np.clip(img, 0, 255).astype(np.uint8)


def _framed_art(rng: Rng, w: int, h: int) -> U8:
    """A one-off painting or photo in a frame (only this place has it)."""
    img = np.empty((h, w, 3), np.uint8)
    top, bottom = np.array(_c(rng)), np.array(_c(rng))
    t = np.linspace(0, 1, h)[:, None, None]
    img[:] = (top * (1 - t) + bottom * t).astype(np.uint8)
    for _ in range(int(rng.integers(5, 14))):
        kind = int(rng.integers(0, 3))
        p = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        if kind == 0:
            cv2.circle(img, p, int(rng.integers(3, max(4, w // 5))), _c(rng), -1)
        elif kind == 1:
            q = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            cv2.line(img, p, q, _c(rng), int(rng.integers(1, 6)))
        else:
            pts = rng.integers(0, [w, h], (int(rng.integers(3, 6)), 2)).astype(np.int32)
            cv2.fillPoly(img, [pts], _c(rng))
    border = max(3, w // 14)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), _c(rng, 10, 120), border)
    return img


def _books(rng: Rng, w: int, h: int) -> U8:
    """A wall shelf of books of mixed heights and colours (this place's own)."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = _c(rng, 80, 200)
    x = 2
    while x < w - 4:
        bw = int(rng.integers(5, 16))
        bh = int(rng.integers(h // 2, h - 6))
        col = _c(rng, 20, 230)
        cv2.rectangle(img, (x, h - 6 - bh), (x + bw, h - 7), col, -1)
        if rng.random() < 0.5:
            cv2.line(img, (x + 1, h - 6 - bh // 2), (x + bw - 1, h - 6 - bh // 2), _c(rng), 1)
        x += bw + int(rng.integers(0, 3))
    img[h - 6 :] = (90, 60, 35)
    return img


def _write(
    img: U8,
    text: str,
    at: tuple[int, int],
    scale: float,
    colour: tuple[int, int, int],
    thickness: int = 2,
) -> None:
    cv2.putText(img, text, at, cv2.FONT_HERSHEY_DUPLEX, scale, colour, thickness, cv2.LINE_AA)


def _paste(tex: U8, item: U8, x: int, y: int) -> tuple[int, int, int, int]:
    """Paste ``item`` (RGB or RGBA) into the RGBA texture at (x, y), clipped; returns the box."""
    th, tw = tex.shape[:2]
    ih, iw = item.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(tw, x + iw), min(th, y + ih)
    if x1 <= x0 or y1 <= y0:
        return (x0, y0, x0, y0)
    part = item[y0 - y : y1 - y, x0 - x : x1 - x]
    if part.shape[2] == 4:
        a = part[:, :, 3:4].astype(np.float64) / 255
        region = tex[y0:y1, x0:x1, :3].astype(np.float64)
        tex[y0:y1, x0:x1, :3] = (region * (1 - a) + part[:, :, :3] * a).astype(np.uint8)
    else:
        tex[y0:y1, x0:x1, :3] = part
    return (x0, y0, x1, y1)


# --- the mass-produced catalogue (identical wherever it appears) -------------------------


def _cat_rng(item: str, index: int) -> Rng:
    return np.random.default_rng(CATALOGUE_SEED + 1000 * sum(map(ord, item)) + index)


def poster(index: int) -> U8:
    """One of 5 printed posters (0.6 x 0.85 m): a landscape print with a title."""
    rng = _cat_rng("poster", index)
    w, h = int(0.6 * RES), int(0.85 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 150, 250)
    sky = int(h * rng.uniform(0.35, 0.55))
    img[:sky] = _c(rng, 120, 255)
    pts = [(0, sky)] + [(x, sky - int(rng.integers(0, sky // 2))) for x in range(0, w + 15, 15)]
    cv2.fillPoly(img, [np.array([*pts, (w, h), (0, h)], np.int32)], _c(rng, 20, 160))
    cv2.circle(
        img,
        (int(rng.integers(10, w - 10)), int(rng.integers(10, sky // 2))),
        int(rng.integers(8, 22)),
        _c(rng, 200, 256),
        -1,
    )
    for _ in range(6):
        x, y = int(rng.integers(0, w)), int(rng.integers(sky, h - 30))
        cv2.ellipse(
            img,
            (x, y),
            (int(rng.integers(6, 25)), int(rng.integers(3, 10))),
            float(rng.uniform(0, 180)),
            0,
            360,
            _c(rng),
            -1,
        )
    img[h - 34 :] = _c(rng, 0, 80)
    _write(img, str(rng.choice(WORDS_V6)).upper(), (8, h - 10), 0.7, (250, 250, 250))
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (25, 25, 25), 4)
    return img


def clock(index: int, rng: Rng) -> U8:
    """One of 2 wall clocks (0.35 m): the same face everywhere; ``rng`` sets the hands."""
    c = _cat_rng("clock", index)
    s = int(0.35 * RES)
    img = np.zeros((s, s, 4), np.uint8)
    rim, face = _c(c, 0, 120), _c(c, 200, 256)
    cv2.circle(img, (s // 2, s // 2), s // 2 - 1, (*rim, 255), -1)
    cv2.circle(img, (s // 2, s // 2), s // 2 - 6, (*face, 255), -1)
    r = s // 2 - 8
    for t in range(12):
        a = t * np.pi / 6
        p0 = (int(s / 2 + 0.78 * r * np.cos(a)), int(s / 2 + 0.78 * r * np.sin(a)))
        p1 = (int(s / 2 + r * np.cos(a)), int(s / 2 + r * np.sin(a)))
        cv2.line(img, p0, p1, (20, 20, 20, 255), 3 if t % 3 == 0 else 1)
    _write(
        img, "QUARTZ" if index == 0 else "ATLAS", (s // 2 - 18, s // 2 + 16), 0.3, (60, 60, 60), 1
    )
    for length, angle in ((0.5, rng.uniform(0, 6.28)), (0.8, rng.uniform(0, 6.28))):
        tip = (int(s / 2 + length * r * np.cos(angle)), int(s / 2 + length * r * np.sin(angle)))
        cv2.line(img, (s // 2, s // 2), tip, (10, 10, 10, 255), 3)
    return img


def calendar(index: int) -> U8:
    """One of 2 wall calendars (0.3 x 0.45 m): a photo above a grid of days."""
    rng = _cat_rng("calendar", index)
    w, h = int(0.3 * RES), int(0.45 * RES)
    img = np.full((h, w, 3), 245, np.uint8)
    img[4 : h // 2] = _framed_art(rng, w - 0, h // 2 - 4)
    _write(img, ("MARCH", "JULY")[index], (6, h // 2 + 14), 0.4, (180, 30, 30), 1)
    for r in range(5):
        for col in range(7):
            x, y = 4 + col * (w - 8) // 7, h // 2 + 22 + r * (h // 2 - 26) // 5
            cv2.rectangle(
                img, (x, y), (x + (w - 8) // 7 - 2, y + (h // 2 - 26) // 5 - 2), (200, 200, 200), 1
            )
    return img


def package(index: int) -> U8:
    """One of 4 product boxes (0.2 x 0.3 m front face): cereal, tea, soap, crackers."""
    rng = _cat_rng("package", index)
    w, h = int(0.2 * RES), int(0.3 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 30, 240)
    img[: h // 4] = _c(rng)
    cv2.circle(img, (w // 2, int(h * 0.6)), w // 3, _c(rng), -1)
    cv2.circle(img, (w // 2 - 5, int(h * 0.6) - 4), w // 8, _c(rng), -1)
    _write(img, ("CRUNCH", "TEA", "SOAP", "SNAX")[index], (3, h // 5), 0.35, (255, 255, 255), 1)
    cv2.rectangle(img, (0, 0), (w - 1, h - 1), (20, 20, 20), 1)
    return img


def rug(index: int) -> U8:
    """One of 3 rugs (2.0 x 1.4 m, lying on the floor): a border and a woven motif."""
    rng = _cat_rng("rug", index)
    w, h = int(2.0 * RES / 2), int(1.4 * RES / 2)  # floors are RES/2
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 60, 200)
    cv2.rectangle(img, (8, 8), (w - 9, h - 9), _c(rng), 10)
    motif = _c(rng)
    for y in range(30, h - 25, 28):
        for x in range(30, w - 25, 28):
            pts = np.array([[x, y - 10], [x + 10, y], [x, y + 10], [x - 10, y]], np.int32)
            cv2.fillPoly(img, [pts], motif if (x + y) % 56 else _c(rng))
    img += rng.integers(0, 12, img.shape, dtype=np.uint8)
    return img


def wallpaper(index: int, w: int, h: int) -> U8:
    """One of 3 wallpapers: a printed repeat (flowers and stripes) covering a whole wall."""
    rng = _cat_rng("wallpaper", index)
    rep = int(rng.integers(36, 60))
    tile = np.empty((rep, rep, 3), np.uint8)
    tile[:] = _c(rng, 150, 245)
    col, col2 = _c(rng, 40, 200), _c(rng, 40, 200)
    if index == 0:
        for a in range(5):
            ang = a * 2 * np.pi / 5
            cv2.circle(
                tile, (rep // 2 + int(8 * np.cos(ang)), rep // 2 + int(8 * np.sin(ang))), 5, col, -1
            )
        cv2.circle(tile, (rep // 2, rep // 2), 4, col2, -1)
    elif index == 1:
        tile[:, : rep // 6] = col
        cv2.ellipse(tile, (rep * 2 // 3, rep // 2), (8, 4), 45, 0, 360, col2, -1)
    else:
        cv2.line(tile, (0, 0), (rep, rep), col, 2)
        cv2.line(tile, (rep, 0), (0, rep), col2, 2)
        cv2.circle(tile, (rep // 2, rep // 2), 6, col, 1)
    return np.ascontiguousarray(np.tile(tile, (h // rep + 1, w // rep + 1, 1))[:h, :w])


def tiles(index: int, w: int, h: int) -> U8:
    """One of 3 ceramic tiles repeated over a wall or floor, with grout."""
    rng = _cat_rng("tiles", index)
    s = int(rng.integers(22, 44))
    tile = np.empty((s, s, 3), np.uint8)
    tile[:] = _c(rng, 120, 250)
    if index == 1:
        cv2.rectangle(tile, (s // 4, s // 4), (3 * s // 4, 3 * s // 4), _c(rng), -1)
    elif index == 2:
        cv2.line(tile, (0, s // 2), (s, s // 2), _c(rng), 3)
    tile[:2] = tile[:, :2] = _c(rng, 60, 200)
    return np.ascontiguousarray(np.tile(tile, (h // s + 1, w // s + 1, 1))[:h, :w])


def screen(index: int) -> U8:
    """One of 2 TV screen pictures (a broadcast test card, a weather map)."""
    rng = _cat_rng("screen", index)
    w, h = int(1.0 * RES), int(0.56 * RES)
    img = np.empty((h, w, 3), np.uint8)
    if index == 0:
        bars = [
            (235, 235, 235),
            (235, 235, 20),
            (20, 235, 235),
            (20, 235, 20),
            (235, 20, 235),
            (235, 20, 20),
            (20, 20, 235),
        ]
        for i, col in enumerate(bars):
            img[: h * 2 // 3, i * w // 7 : (i + 1) * w // 7] = col
        img[h * 2 // 3 :] = 25
        cv2.circle(img, (w // 2, h // 3), h // 4, (250, 250, 250), 3)
        _write(img, "CHANNEL 4", (w // 3, h - 12), 0.6, (250, 250, 250))
    else:
        img[:] = (40, 90, 170)
        for _ in range(5):
            pts = rng.integers(0, [w, h], (6, 2)).astype(np.int32)
            cv2.fillPoly(img, [cv2.convexHull(pts)], (60, 150, 70))
        for _ in range(6):
            p = (int(rng.integers(10, w - 30)), int(rng.integers(15, h - 10)))
            cv2.circle(img, p, 7, (250, 210, 40), -1)
            _write(
                img, str(int(rng.integers(5, 30))), (p[0] + 9, p[1] + 5), 0.45, (255, 255, 255), 1
            )
    return img


def tv(index: int, picture: int) -> U8:
    """One of 2 TV sets (1.1 x 0.66 m) showing one of the 2 screen pictures."""
    rng = _cat_rng("tv", index)
    w, h = int(1.1 * RES), int(0.66 * RES)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _c(rng, 0, 50)
    s = screen(picture)
    sh, sw = s.shape[:2]
    y, x = (h - sh) // 2 - 3, (w - sw) // 2
    img[y : y + sh, x : x + sw] = s
    _write(img, ("VISTA", "NOVA")[index], (w // 2 - 20, h - 3), 0.3, (200, 200, 200), 1)
    return img


def skyline(index: int, w: int, h: int) -> U8:
    """One of 3 city skylines seen through a window (the same outside every such window)."""
    rng = _cat_rng("skyline", index)
    img = np.empty((h, w, 3), np.uint8)
    top, bottom = np.array(_c(rng, 80, 200)), np.array(_c(rng, 150, 255))
    t = np.linspace(0, 1, h)[:, None, None]
    img[:] = (top * (1 - t) + bottom * t).astype(np.uint8)
    x = 0
    while x < w:
        bw, bh = int(rng.integers(w // 14, w // 6)), int(rng.integers(h // 5, h * 4 // 5))
        col = _c(rng, 30, 140)
        cv2.rectangle(img, (x, h - bh), (x + bw, h), col, -1)
        for wy in range(h - bh + 5, h - 4, 9):
            for wx in range(x + 3, x + bw - 4, 7):
                if rng.random() < 0.6:
                    img[wy : wy + 4, wx : wx + 3] = (240, 230, 150)
        x += bw + int(rng.integers(0, 6))
    return img


def shop_front(index: int) -> U8:
    """One of 2 chain-shop fronts (4 x 3 m): the same sign, awning and window decal."""
    rng = _cat_rng("shop", index)
    res = RES // 2
    w, h = int(4 * res), int(3 * res)
    img = np.empty((h, w, 3), np.uint8)
    brand = _c(rng, 20, 200)
    img[:] = brand
    img[: h // 5] = _c(rng, 200, 256)
    _write(img, ("GREENGROCER", "QUICKMART")[index], (10, h // 6), 1.0, brand, 2)
    for i in range(8):  # awning stripes
        x0 = i * w // 8
        img[h // 5 : h // 5 + 20, x0 : x0 + w // 16] = (250, 250, 250)
    cv2.rectangle(img, (15, h // 5 + 35), (w * 3 // 5, h - 5), (90, 120, 140), -1)
    cv2.circle(img, (w * 3 // 10, h // 2 + 30), 22, _c(rng, 200, 256), -1)
    _write(img, "%", (w * 3 // 10 - 10, h // 2 + 40), 0.9, brand, 2)
    cv2.rectangle(img, (w * 2 // 3, h // 5 + 35), (w - 20, h - 1), (50, 40, 30), -1)
    return img


# --- places ---------------------------------------------------------------------------------


@dataclass
class _Box:
    width: float  # x from -width/2 to width/2
    height: float
    depth: float  # back wall at z = depth
    near: float = -3.0
    eye: float = 1.55  # camera height above the floor (floor at y = eye)

    @property
    def ceiling(self) -> float:
        return self.eye - self.height


def _wall_texture(
    rng: Rng, w_m: float, h_m: float, style: tuple[str, int, tuple[int, int, int]]
) -> U8:
    w, h = int(w_m * RES), int(h_m * RES)
    kind, index, colour = style
    if kind == "wallpaper":
        rgb = wallpaper(index, w, h)
        rgb = np.clip(rgb.astype(np.int16) + rng.integers(-3, 4, (h, w, 1)), 0, 255)
        rgb = rgb.astype(np.uint8)
    elif kind == "tiles":
        rgb = tiles(index, w, h)
    else:
        rgb = _surface(rng, h, w, colour, 10)
    return _rgba(rgb)


def _floor_texture(
    rng: Rng, w_m: float, d_m: float, style: tuple[str, int, tuple[int, int, int]]
) -> U8:
    res = RES // 2
    w, h = int(w_m * res), int(d_m * res)
    kind, index, colour = style
    if kind == "tiles":
        rgb = tiles(index, w, h)
    elif kind == "planks":
        rgb = np.empty((h, w, 3), np.uint8)
        board = int(rng.integers(12, 22))
        for x in range(0, w, board):
            shade = np.clip(np.array(colour) + rng.integers(-18, 19, 3), 0, 255)
            rgb[:, x : x + board] = shade
            rgb[:, x : x + 1] = 40
            for cut in rng.integers(0, h, 2):
                rgb[cut : cut + 1, x : x + board] = 40
        rgb = np.clip(rgb.astype(np.int16) + rng.integers(-6, 7, (h, w, 1)), 0, 255).astype(
            np.uint8
        )
    else:  # carpet
        rgb = _surface(rng, h, w, colour, 8)
    return _rgba(rgb)


def _box_planes(box: _Box, back: U8, left: U8, right: U8, floor: U8, top: U8) -> list[Plane]:
    x0, x1, yc, yf = -box.width / 2, box.width / 2, box.ceiling, box.eye
    return [
        Plane(top, _vec(x0, yc, box.near), _vec(1, 0, 0), _vec(0, 0, 1), RES // 4),
        Plane(floor, _vec(x0, yf, box.depth), _vec(1, 0, 0), _vec(0, 0, -1), RES // 2),
        Plane(left, _vec(x0, yc, box.near), _vec(0, 0, 1), _vec(0, 1, 0), RES),
        Plane(right, _vec(x1, yc, box.depth), _vec(0, 0, -1), _vec(0, 1, 0), RES),
        Plane(back, _vec(x0, yc, box.depth), _vec(1, 0, 0), _vec(0, 1, 0), RES),
    ]


def _prop(rgba: U8, box: _Box, x: float, z: float, lift: float = 0.0) -> Plane:
    """A freestanding cut-out facing the camera, its bottom ``lift`` m above the floor at
    (x = its centre, z)."""
    h_m, w_m = rgba.shape[0] / RES, rgba.shape[1] / RES
    return Plane(
        rgba, _vec(x - w_m / 2, box.eye - lift - h_m, z), _vec(1, 0, 0), _vec(0, 1, 0), RES
    )


def _furniture(rng: Rng, kind: str, template: Rng | None = None) -> U8:
    """An RGBA cut-out of one piece of furniture; colours from ``template`` when given (so
    twin rooms share it)."""
    t = template if template is not None else rng
    if kind == "bed":
        w, h = int(1.8 * RES), int(1.0 * RES)
        img = np.zeros((h, w, 4), np.uint8)
        cv2.rectangle(img, (0, 0), (w - 1, h // 2), (*_c(t, 40, 160), 255), -1)  # headboard
        cv2.rectangle(img, (0, h // 2), (w - 1, h - 1), (*_c(t, 150, 250), 255), -1)
        cv2.rectangle(img, (0, int(h * 0.7)), (w - 1, h - 1), (*_c(t), 255), -1)  # bedspread
        for px in (w // 4, 3 * w // 4):
            cv2.ellipse(img, (px, h // 2 + 10), (w // 7, 22), 0, 0, 360, (245, 245, 240, 255), -1)
        return img
    if kind == "sofa":
        w, h = int(2.0 * RES), int(0.85 * RES)
        img = np.zeros((h, w, 4), np.uint8)
        col = (*_c(t, 30, 200), 255)
        cv2.rectangle(img, (0, 0), (w - 1, h - 1), col, -1)
        for i in range(3):
            cv2.rectangle(
                img,
                (20 + i * (w - 40) // 3, h // 2),
                (20 + (i + 1) * (w - 40) // 3 - 4, h - 30),
                (*_c(t, 30, 220), 255),
                2,
            )
        for _ in range(int(rng.integers(1, 4))):
            cx = int(rng.integers(40, w - 40))
            cv2.rectangle(img, (cx - 25, h // 4), (cx + 25, h // 2), (*_c(rng), 255), -1)
        return img
    if kind in ("desk", "counter"):
        w, h = (
            int(rng.uniform(1.2, 2.0) * RES) if template is None else int(1.4 * RES),
            int(0.78 * RES),
        )
        img = np.zeros((h, w, 4), np.uint8)
        top = (*_c(t, 60, 220), 255)
        cv2.rectangle(img, (0, 0), (w - 1, 14), top, -1)
        if kind == "counter":
            cv2.rectangle(img, (0, 14), (w - 1, h - 1), (*_c(t, 60, 240), 255), -1)
            for x in range(0, w, w // 3):
                cv2.rectangle(img, (x + 4, 24), (x + w // 3 - 4, h - 8), (30, 30, 30, 255), 1)
                cv2.line(img, (x + w // 6 - 10, 40), (x + w // 6 + 10, 40), (200, 200, 200, 255), 3)
        else:
            cv2.rectangle(img, (6, 14), (22, h - 1), top, -1)
            cv2.rectangle(img, (w - 23, 14), (w - 7, h - 1), top, -1)
            cv2.rectangle(img, (w - 120, 14), (w - 23, h // 2), top, -1)
        return img
    if kind == "cabinet":
        w, h = int(rng.uniform(0.6, 1.0) * RES), int(rng.uniform(0.9, 1.8) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        img[:] = (*_c(t, 50, 230), 255)
        rows = int(rng.integers(2, 5))
        for r in range(rows):
            y0 = r * h // rows
            cv2.rectangle(img, (5, y0 + 5), (w - 6, y0 + h // rows - 5), (30, 30, 30, 255), 2)
            cv2.circle(img, (w // 2, y0 + h // rows // 2), 5, (210, 190, 90, 255), -1)
        return img
    if kind == "plant":
        w, h = int(0.6 * RES), int(rng.uniform(0.8, 1.4) * RES)
        img = np.zeros((h, w, 4), np.uint8)
        cv2.rectangle(img, (w // 3, h - 50), (2 * w // 3, h - 1), (*_c(rng, 80, 220), 255), -1)
        for _ in range(int(rng.integers(8, 16))):
            c = (int(rng.integers(15, w - 15)), int(rng.integers(15, h - 50)))
            cv2.ellipse(
                img,
                c,
                (int(rng.integers(10, 30)), int(rng.integers(4, 9))),
                float(rng.uniform(0, 180)),
                0,
                360,
                (30, int(rng.integers(90, 200)), 40, 255),
                -1,
            )
        return img
    if kind == "lamp":
        w, h = int(0.45 * RES), int(1.6 * RES)
        img = np.zeros((h, w, 4), np.uint8)
        cv2.fillPoly(
            img,
            [np.array([[0, 70], [w - 1, 70], [w * 3 // 4, 0], [w // 4, 0]], np.int32)],
            (*_c(t, 120, 256), 255),
        )
        cv2.line(img, (w // 2, 70), (w // 2, h - 8), (30, 30, 30, 255), 4)
        cv2.rectangle(img, (w // 4, h - 8), (3 * w // 4, h - 1), (30, 30, 30, 255), -1)
        return img
    if kind == "chair":
        w, h = int(0.5 * RES), int(0.95 * RES)
        img = np.zeros((h, w, 4), np.uint8)
        col = (*_c(t, 20, 200), 255)
        cv2.rectangle(img, (4, 0), (w - 5, h // 2), col, -1)
        cv2.rectangle(img, (0, h // 2), (w - 1, h // 2 + 12), col, -1)
        cv2.line(img, (6, h // 2), (6, h - 1), col, 5)
        cv2.line(img, (w - 7, h // 2), (w - 7, h - 1), col, 5)
        return img
    raise ValueError(kind)


def _small_thing(rng: Rng) -> U8:
    """A bag, a bottle, a stack of books, a suitcase, a towel: the details of a room."""
    kind = int(rng.integers(0, 4))
    w, h = int(rng.uniform(0.15, 0.5) * RES), int(rng.uniform(0.15, 0.45) * RES)
    img = np.zeros((h, w, 4), np.uint8)
    col = (*_c(rng), 255)
    if kind == 0:  # bag
        cv2.rectangle(img, (0, h // 3), (w - 1, h - 1), col, -1)
        cv2.ellipse(img, (w // 2, h // 3), (w // 4, h // 4), 0, 180, 360, col, 3)
    elif kind == 1:  # bottle
        cv2.rectangle(img, (w // 3, h // 4), (2 * w // 3, h - 1), col, -1)
        cv2.rectangle(img, (w // 2 - 3, 0), (w // 2 + 3, h // 4), col, -1)
    elif kind == 2:  # stacked books
        y = h
        while y > 8:
            t = int(rng.integers(6, 14))
            cv2.rectangle(
                img,
                (int(rng.integers(0, 6)), y - t),
                (w - 1 - int(rng.integers(0, 6)), y - 1),
                (*_c(rng), 255),
                -1,
            )
            y -= t
    else:  # suitcase
        cv2.rectangle(img, (0, 6), (w - 1, h - 1), col, -1)
        cv2.rectangle(img, (w // 3, 0), (2 * w // 3, 8), (30, 30, 30, 255), 2)
        cv2.line(img, (0, h // 2), (w - 1, h // 2), (30, 30, 30, 255), 2)
    return img


def _room(seed: int, rng: Rng, kind: str, template: Rng | None) -> Place:
    """An interior: ``template`` (twins) fixes the box, the surfaces, the furniture and the
    shared objects; ``rng`` the details and the camera."""
    t = template if template is not None else rng
    box = _Box(float(t.uniform(3.6, 5.2)), float(t.uniform(2.4, 2.9)), float(t.uniform(3.8, 5.2)))
    hotspots: list[Hotspot] = []
    colour = _c(t, 90, 235)
    if kind == "kitchen":
        back_style = ("tiles", int(t.integers(0, 3)), colour)
    elif t.random() < 0.3:
        back_style = ("wallpaper", int(t.integers(0, 3)), colour)
    else:
        back_style = ("paint", 0, colour)
    side_style = ("paint", 0, _c(t, 90, 235))
    back = _wall_texture(rng, box.width, box.height, back_style)
    left = _wall_texture(rng, box.depth - box.near, box.height, side_style)
    right = _wall_texture(rng, box.depth - box.near, box.height, side_style)
    fkind = ("tiles", "planks", "carpet")[int(t.integers(0, 3))] if kind != "kitchen" else "tiles"
    floor = _floor_texture(
        rng, box.width, box.depth - box.near, (fkind, int(t.integers(0, 3)), _c(t, 60, 200))
    )
    top = _rgba(
        _surface(
            rng, int((box.depth - box.near) * RES / 4), int(box.width * RES / 4), _c(t, 215, 250), 5
        )
    )
    bw, bh = back.shape[1], back.shape[0]

    taken: list[tuple[int, int, int, int]] = []

    def on_back(item: U8, choose: Rng, low: float, high: float, shared: bool) -> None:
        """Hang ``item`` where the wall is free (its top ``low``-``high`` m below the
        ceiling; 30 tries, else it is left out)."""
        ih, iw = item.shape[:2]
        for _ in range(30):
            x, y = int(choose.integers(0, max(1, bw - iw))), int(choose.uniform(low, high) * RES)
            if y + ih > bh - 10:
                continue
            if all(
                x + iw + 12 <= a or x >= c + 12 or y + ih + 12 <= b or y >= d + 12
                for a, b, c, d in taken
            ):
                break
        else:
            return
        x0, y0, x1, y1 = _paste(back, item, x, y)
        taken.append((x0, y0, x1, y1))
        cx, cy = (x0 + x1) / 2 / RES - box.width / 2, box.ceiling + (y0 + y1) / 2 / RES
        hotspots.append(Hotspot(_vec(cx, cy, box.depth), (x1 - x0) / RES, _vec(0, 0, 1), shared))

    # A window onto a shared skyline.
    if t.random() < 0.5:
        ww, wh = int(t.uniform(0.9, 1.5) * RES), int(t.uniform(0.8, 1.2) * RES)
        win = skyline(int(t.integers(0, 3)), ww, wh)
        cv2.rectangle(win, (0, 0), (ww - 1, wh - 1), (245, 245, 245), 10)
        cv2.line(win, (ww // 2, 0), (ww // 2, wh), (245, 245, 245), 8)
        on_back(win, t, 0.3, 0.5, True)
    # Shared wall objects, one to three.
    for _ in range(int(t.integers(1, 4)) if t.random() < 0.85 else 0):
        what = int(t.integers(0, 4))
        item = (
            poster(int(t.integers(0, 5))),
            clock(int(t.integers(0, 2)), rng),
            calendar(int(t.integers(0, 2))),
            tv(int(t.integers(0, 2)), int(t.integers(0, 2))),
        )[what]
        on_back(item, t, 0.25, 1.0, True)
    # This place's own wall things (in twins: the template's).
    own = template if template is not None else rng
    for _ in range(int(own.integers(1, 3))):
        aw, ah = int(own.uniform(0.3, 0.8) * RES), int(own.uniform(0.3, 0.7) * RES)
        on_back(_framed_art(own, aw, ah), own, 0.2, 1.0, False)
    if own.random() < 0.6:
        sw, sh = int(own.uniform(0.8, 1.6) * RES), int(0.32 * RES)
        on_back(_books(own, sw, sh), own, 0.3, 0.9, False)
    for _ in range(2):  # sockets and switches at the room's own places
        x, y = int(own.integers(10, bw - 30)), int(own.uniform(1.2, 2.1) * RES)
        cv2.rectangle(back, (x, y), (x + 18, y + 18), (235, 235, 230, 255), -1)
        cv2.rectangle(back, (x, y), (x + 18, y + 18), (120, 120, 120, 255), 1)
    side_art = _framed_art(own, int(0.5 * RES), int(0.4 * RES))
    _paste(
        left if own.random() < 0.5 else right,
        side_art,
        int(own.uniform(0.5, 2.5) * RES),
        int(0.6 * RES),
    )
    # A rug from the catalogue on the floor.
    if t.random() < 0.35:
        r = rug(int(t.integers(0, 3)))
        fx, fy = int(t.uniform(0.1, 0.5) * floor.shape[1]), int(t.uniform(0.05, 0.3) * RES / 2 * 4)
        x0, y0, x1, y1 = _paste(floor, r, fx, fy)
        if x1 > x0:
            cx, cz = (
                (x0 + x1) / 2 / (RES / 2) - box.width / 2,
                box.depth - (y0 + y1) / 2 / (RES / 2),
            )
            hotspots.append(
                Hotspot(_vec(cx, box.eye, cz), (x1 - x0) / (RES / 2), _vec(0, 0.8, 0.6), True)
            )
    props: list[Plane] = []
    pieces = {
        "living": ("sofa", "plant", "lamp", "cabinet"),
        "bedroom": ("bed", "lamp", "cabinet", "chair"),
        "kitchen": ("counter", "plant", "chair"),
        "office": ("desk", "chair", "cabinet", "plant"),
        "hotel": ("bed", "desk", "chair", "lamp"),
        "student": ("bed", "desk", "chair", "cabinet"),
    }[kind]
    desk_top: tuple[float, float, float] | None = None
    for i, piece in enumerate(pieces):
        img = _furniture(own, piece, template)
        px = float(t.uniform(-box.width / 2 + 0.6, box.width / 2 - 0.6))
        pz = box.depth - float(t.uniform(0.15, 1.6 if i else 0.6))
        props.append(_prop(img, box, px, pz))
        if piece in ("desk", "counter") and desk_top is None:
            desk_top = (px, pz - 0.05, img.shape[1] / RES)
    if desk_top is not None:  # packaging from the catalogue and this room's own details
        dx, z, dw = desk_top
        if t.random() < 0.7:
            p = package(int(t.integers(0, 4)))
            n = int(t.integers(2, 5))
            row = np.concatenate([p] * n, axis=1)
            props.append(_prop(_rgba(row), box, dx - dw / 4, z, 0.78))
            hotspots.append(
                Hotspot(
                    _vec(dx - dw / 4, box.eye - 0.78 - 0.15, z),
                    row.shape[1] / RES,
                    _vec(0, 0, 1),
                    True,
                )
            )
        for _ in range(int(rng.integers(1, 3))):
            props.append(
                _prop(_small_thing(rng), box, dx + float(rng.uniform(0, dw / 2.5)), z - 0.1, 0.78)
            )
    for _ in range(int(rng.integers(1, 3))):  # things on the floor: a bag, a suitcase
        props.append(
            _prop(
                _small_thing(rng),
                box,
                float(rng.uniform(-box.width / 3, box.width / 3)),
                box.depth - float(rng.uniform(0.8, 2.0)),
            )
        )
    camera = Camera(
        _vec(
            float(rng.uniform(-0.3, 0.3)),
            float(rng.uniform(-0.1, 0.1)),
            float(rng.uniform(-0.3, 0.2)),
        ),
        float(rng.uniform(-8, 8)),
        float(rng.uniform(-9, -3)),
        0.0,
        float(rng.uniform(62, 74)),
    )
    planes = _box_planes(box, back, left, right, floor, top)
    return Place(kind, planes, props, camera, hotspots)


def _street(rng: Rng) -> Place:
    """A street: a facade of shop fronts and rows of windows, side facades, pavement, road,
    a far sky, and street furniture at its own depth."""
    res = RES // 2
    box = _Box(
        float(rng.uniform(12, 18)),
        float(rng.uniform(6.5, 9.0)),
        float(rng.uniform(9, 14)),
        near=-4.0,
        eye=1.6,
    )
    hotspots: list[Hotspot] = []

    def facade(w_m: float) -> U8:
        w, h = int(w_m * res), int(box.height * res)
        img = _surface(rng, h, w, _c(rng, 90, 230), 14)
        win_w, win_h = int(rng.uniform(0.8, 1.3) * res), int(rng.uniform(1.2, 1.7) * res)
        frame = _c(rng, 200, 256)
        for floor_y in range(int(0.4 * res), h - int(4.5 * res), int(3 * res)):
            for x in range(int(0.5 * res), w - win_w, int(rng.uniform(2.2, 3.0) * res)):
                cv2.rectangle(img, (x, floor_y), (x + win_w, floor_y + win_h), frame, -1)
                cv2.rectangle(
                    img,
                    (x + 4, floor_y + 4),
                    (x + win_w - 4, floor_y + win_h - 4),
                    (70, 90, 110),
                    -1,
                )
        return _rgba(img)

    back = facade(box.width)
    bw, bh = back.shape[1], back.shape[0]
    x = int(rng.integers(0, int(1.5 * res)))
    while x < bw - int(3 * res):
        if rng.random() < 0.45:
            item = shop_front(int(rng.integers(0, 2)))
            shared = True
        else:  # an independent shop: its own sign and window
            item = _framed_art(rng, int(rng.uniform(3, 5) * res), int(3 * res))
            item[: int(0.6 * res)] = _c(rng)
            _write(item, str(rng.choice(WORDS_V6)).upper(), (10, int(0.45 * res)), 1.0, _c(rng), 2)
            shared = False
        ih = item.shape[0]
        x0, _, x1, _ = _paste(back, item, x, bh - ih)
        hotspots.append(
            Hotspot(
                _vec((x0 + x1) / 2 / res - box.width / 2, box.eye - 1.5, box.depth),
                (x1 - x0) / res,
                _vec(0, 0, 1),
                shared,
            )
        )
        _write(back, str(int(rng.integers(1, 300))), (x1 + 8, bh - ih - 10), 0.8, (30, 30, 30), 2)
        x = x1 + int(rng.uniform(0.4, 1.5) * res)
    side_l, side_r = facade(box.depth - box.near), facade(box.depth - box.near)
    ground = np.empty(
        (int((box.depth - box.near) * res / 2), int(box.width * res / 2), 3), np.uint8
    )
    ground[:] = _c(rng, 60, 110)
    pave = int(rng.uniform(2.5, 4) * res / 2)
    ground[:pave] = tiles(int(rng.integers(0, 3)), ground.shape[1], pave)
    ground[pave : pave + 6] = 200
    floor = _rgba(
        np.clip(
            ground.astype(np.int16) + rng.integers(-8, 9, (*ground.shape[:2], 1)), 0, 255
        ).astype(np.uint8)
    )
    sky_w, sky_h = 1600, 500
    sky = np.empty((sky_h, sky_w, 3), np.uint8)
    t = np.linspace(0, 1, sky_h)[:, None, None]
    sky[:] = (np.array(_c(rng, 90, 180)) * (1 - t) + np.array((230, 235, 240)) * t).astype(np.uint8)
    for _ in range(int(rng.integers(4, 12))):
        cv2.ellipse(
            sky,
            (int(rng.integers(0, sky_w)), int(rng.integers(0, sky_h - 100))),
            (int(rng.integers(40, 160)), int(rng.integers(10, 35))),
            0,
            0,
            360,
            (245, 245, 245),
            -1,
        )
    sky = np.asarray(cv2.GaussianBlur(sky, (0, 0), 6), np.uint8)
    far = 400.0
    sky_plane = Plane(
        _rgba(sky),
        _vec(-far * 1.6, box.eye - far * 1.0, far),
        _vec(1, 0, 0),
        _vec(0, 1, 0),
        sky_w / (far * 3.2),
    )
    lx, rx, yc, yf = -box.width / 2, box.width / 2, box.ceiling, box.eye
    planes = [
        sky_plane,
        Plane(floor, _vec(lx, yf, box.depth), _vec(1, 0, 0), _vec(0, 0, -1), res / 2),
        Plane(side_l, _vec(lx, yc, box.near), _vec(0, 0, 1), _vec(0, 1, 0), res),
        Plane(side_r, _vec(rx, yc, box.depth), _vec(0, 0, -1), _vec(0, 1, 0), res),
        Plane(back, _vec(lx, yc, box.depth), _vec(1, 0, 0), _vec(0, 1, 0), res),
    ]
    props = []
    for _ in range(int(rng.integers(2, 6))):
        what = int(rng.integers(0, 3))
        if what == 0:  # a lamp post
            img = np.zeros((int(4.5 * RES / 2), int(0.6 * RES / 2), 4), np.uint8)
            cv2.rectangle(
                img,
                (img.shape[1] // 2 - 3, 10),
                (img.shape[1] // 2 + 3, img.shape[0] - 1),
                (40, 50, 45, 255),
                -1,
            )
            cv2.ellipse(
                img,
                (img.shape[1] // 2, 12),
                (img.shape[1] // 2 - 1, 10),
                0,
                0,
                360,
                (230, 230, 200, 255),
                -1,
            )
            img = np.asarray(cv2.resize(img, (img.shape[1] * 2, img.shape[0] * 2)), np.uint8)
        elif what == 1:  # a bin
            img = np.zeros((int(0.9 * RES), int(0.5 * RES), 4), np.uint8)
            img[:] = (*_c(rng, 20, 120), 255)
            img[:12] = (30, 30, 30, 255)
        else:  # a bollard
            img = np.zeros((int(0.9 * RES), int(0.2 * RES), 4), np.uint8)
            img[:] = (*_c(rng, 20, 80), 255)
            img[20:34] = (230, 230, 230, 255)
        px = float(rng.uniform(-box.width / 3, box.width / 3))
        props.append(
            _prop(np.ascontiguousarray(img), box, px, float(rng.uniform(3.0, box.depth - 1)))
        )
    camera = Camera(
        _vec(float(rng.uniform(-1, 1)), 0.0, 0.0),
        float(rng.uniform(-10, 10)),
        float(rng.uniform(2, 9)),
        0.0,
        float(rng.uniform(60, 72)),
    )
    return Place("street", planes, props, camera, hotspots)


def is_twin(seed: int) -> bool:
    return seed % TWIN_BLOCK in TWIN_SLOTS


def place_v6(seed: int) -> Place:
    """The model of place ``seed`` (deterministic)."""
    rng = np.random.default_rng(PLACE_SEED + seed)
    if is_twin(seed):
        template = np.random.default_rng(TWIN_SEED + seed // TWIN_BLOCK)
        kind = ("hotel", "student")[int(template.integers(0, 2))]
        place = _room(seed, rng, kind, template)
        place.twin_of = seed // TWIN_BLOCK
        return place
    u = rng.random()
    if u < 0.15:
        return _street(rng)
    kind = "living" if u < 0.40 else "bedroom" if u < 0.57 else "kitchen" if u < 0.74 else "office"
    return _room(seed, rng, kind, None)


def _sensor(img: U8, rng: Rng, sigma: float) -> U8:
    noise = rng.standard_normal(img.shape, dtype=np.float32) * np.float32(sigma)
    return np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def room_v6(seed: int, width: int = 800, height: int = 600) -> U8:
    """Generator v6 (``bench/link.py --generator v6``): place ``seed`` seen from its own
    camera, as a ``RoomPicture`` that carries the model for ``views_v6``."""
    place = place_v6(seed)
    img = _sensor(render(place, place.camera, width, height), np.random.default_rng(seed), 2.5)
    out = img.view(RoomPicture)
    out.place = place
    return out


# --- views ---------------------------------------------------------------------------------


def _fit(img: U8, w: int, h: int) -> U8:
    """``img`` cut to the aspect of ``w`` x ``h`` (centred) and resized to it."""
    ih, iw = img.shape[:2]
    if iw * h > ih * w:
        cw = ih * w // h
        img = img[:, (iw - cw) // 2 : (iw - cw) // 2 + cw]
    else:
        ch = iw * h // w
        img = img[(ih - ch) // 2 : (ih - ch) // 2 + ch]
    return np.asarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA), np.uint8)


def _jpeg(img: U8, quality: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(img)).save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


def _png(img: U8) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(img)).save(buf, format="PNG")
    return buf.getvalue()


def _decode(data: bytes) -> U8:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), np.uint8)


def _light(img: U8, rng: Rng, gain: float, gamma: float, warm: float, falloff: float) -> U8:
    """Other light: gain and gamma, a colour cast (warm > 0: lamp light) and a light source
    somewhere in the frame whose light falls off towards the edges."""
    h, w = img.shape[:2]
    x = img.astype(np.float32) / np.float32(255.0)
    x = x ** np.float32(gamma) * np.float32(gain)
    x *= np.array([1 + warm, 1 + warm / 3, 1 - warm], np.float32)
    if falloff > 0:
        cy, cx = rng.uniform(0.2, 0.8) * h, rng.uniform(0.2, 0.8) * w
        yy, xx = np.mgrid[0:h, 0:w]
        d = np.hypot((yy - cy) / h, (xx - cx) / w)
        x *= ((1.0 + falloff * np.exp(-(d**2) / 0.08)) / (1.0 + falloff / 2)).astype(np.float32)[
            :, :, None
        ]
    out: U8 = np.clip(x * 255.0, 0, 255).astype(np.uint8)
    return out


def _moved(
    cam: Camera,
    rng: Rng,
    side: float,
    reach: tuple[float, float],
    turn: tuple[float, float],
    zoom: float = 1.0,
) -> Camera:
    pos = cam.pos + _vec(
        side * float(rng.uniform(*reach)),
        float(rng.uniform(-0.15, 0.15)),
        float(rng.uniform(0.0, reach[1])),
    )
    return Camera(
        pos,
        cam.yaw + side * float(rng.uniform(*turn)),
        cam.pitch + float(rng.uniform(-4, 4)),
        0.0,
        cam.hfov / zoom,
    )


def _flat_place(img: U8) -> Place:
    """A picture not made by ``room_v6``, hung flat on a grey wall, so it is re-photographed
    the same way."""
    h, w = img.shape[:2]
    res = w / 2.0  # the picture is 2 m wide, seen from 2.2 m
    wall = np.full((h * 3, w * 3, 3), 128, np.uint8)
    wall[h : 2 * h, w : 2 * w] = img[:, :, :3]
    plane = Plane(_rgba(wall), _vec(-3.0, -1.5 * h / res, 2.2), _vec(1, 0, 0), _vec(0, 1, 0), res)
    hfov = float(np.degrees(2 * np.arctan(1.0 / 2.2)))
    hot = Hotspot(_vec(0, 0, 2.2), 0.8, _vec(0, 0, 1), False)
    return Place("flat", [plane], [], Camera(_vec(0, 0, 0), 0.0, 0.0, 0.0, hfov), [hot])


def _closeup(place: Place, rng: Rng) -> Camera:
    shared = [h for h in place.hotspots if h.shared]
    pool = shared or place.hotspots
    if not pool:
        return _moved(place.camera, rng, 1.0, (0.2, 0.5), (0, 5), 2.0)
    spot = max(pool, key=lambda h: h.width)
    hfov = float(rng.uniform(55, 68))
    # The object fills 40-55 % of the frame's width, but the frame is at least 1.2 m wide
    # (so a small clock still has some of its place around it), and the camera is never
    # farther from it than the original camera was.
    frame = max(spot.width / float(rng.uniform(0.4, 0.55)), 1.2)
    dist = frame / (2 * np.tan(np.radians(hfov) / 2))
    dist = float(np.clip(dist, 0.7, 0.8 * np.linalg.norm(spot.centre - place.camera.pos)))
    angle = np.radians(rng.uniform(5, 15) * rng.choice((-1, 1)))
    n = spot.normal / np.linalg.norm(spot.normal)
    side = np.cross(n, _vec(0, 1, 0))
    side = side / np.linalg.norm(side) if np.linalg.norm(side) > 1e-6 else _vec(1, 0, 0)
    pos = spot.centre - n * dist * np.cos(angle) + side * dist * np.sin(angle)
    pos = pos + _vec(0, float(rng.uniform(-0.1, 0.1)), 0)
    return _look_at(pos, spot.centre + _vec(*rng.uniform(-0.05, 0.05, 3)), hfov)


def views_v6(img: U8, seed: int) -> dict[str, bytes]:
    """Generator v6's seven re-photographs of a place (see the module's docstring)."""
    place = getattr(img, "place", None) or _flat_place(img)
    rng = np.random.default_rng(VIEW_SEED + seed)
    h, w = img.shape[:2]
    cam = place.camera
    out: dict[str, bytes] = {}

    def move(*args: Any) -> Camera:
        moved = _moved(*args)
        if place.kind != "flat":
            return moved
        # A flat print is photographed, not the wall beside it: aim back at its centre.
        return _look_at(moved.pos, place.hotspots[0].centre, moved.hfov, moved.roll)

    left = render(place, move(cam, rng, -1.0, (0.4, 1.1), (10, 24)), w, h)
    left = _light(
        left,
        rng,
        float(rng.uniform(0.8, 1.2)),
        float(rng.uniform(0.8, 1.2)),
        float(rng.uniform(-0.08, 0.08)),
        0.3,
    )
    out["left"] = _png(_sensor(left, rng, 2.5))
    right = render(
        place, move(cam, rng, 1.0, (0.4, 1.1), (10, 24), float(rng.uniform(1.1, 1.4))), w, h
    )
    out["right"] = _jpeg(_sensor(right, rng, 2.5), 80)
    close = render(place, _closeup(place, rng), w, h)
    out["closeup"] = _jpeg(_sensor(close, rng, 2.5), 85)
    night = render(place, move(cam, rng, float(rng.choice((-1, 1))), (0.0, 0.3), (0, 6)), w, h)
    night = _light(
        night,
        rng,
        float(rng.uniform(0.25, 0.45)),
        float(rng.uniform(1.6, 2.2)),
        float(rng.uniform(0.1, 0.25)),
        float(rng.uniform(0.8, 1.6)),
    )
    out["night"] = _jpeg(_sensor(night, rng, 5.0), 75)
    blur = render(place, move(cam, rng, float(rng.choice((-1, 1))), (0.0, 0.3), (0, 6)), w, h)
    if rng.random() < 0.5:
        blur = np.asarray(cv2.GaussianBlur(blur, (0, 0), float(rng.uniform(1.5, 3.0))), np.uint8)
    else:
        n = int(rng.integers(9, 17))
        kernel = np.zeros((n, n), np.float32)
        kernel[n // 2] = 1.0 / n
        rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), float(rng.uniform(0, 180)), 1.0)
        kernel = np.asarray(cv2.warpAffine(kernel, rot, (n, n)), np.float32)
        blur = np.asarray(cv2.filter2D(blur, -1, kernel / max(kernel.sum(), 1e-6)), np.uint8)
    blur = np.asarray(cv2.resize(blur, (w // 2, h // 2), interpolation=cv2.INTER_AREA), np.uint8)
    out["blur"] = _jpeg(_sensor(np.asarray(blur, np.uint8), rng, 2.0), 90)
    rolled = move(cam, rng, float(rng.choice((-1, 1))), (0.1, 0.5), (0, 10))
    rolled.roll = float(rng.choice((-90.0, 90.0)))
    rolled.hfov = float(np.degrees(2 * np.arctan(np.tan(np.radians(cam.hfov) / 2) * h / w)))
    rolled.hfov *= 1.25
    out["roll"] = _jpeg(_sensor(render(place, rolled, h, w), rng, 2.5), 50)
    mirror = render(place, move(cam, rng, float(rng.choice((-1, 1))), (0.1, 0.6), (3, 12)), w, h)
    once = _decode(_jpeg(np.asarray(cv2.flip(_sensor(mirror, rng, 2.5), 1), np.uint8), 70))
    smaller = cv2.resize(once, (int(w * 0.75), int(h * 0.75)), interpolation=cv2.INTER_AREA)
    out["mirror"] = _jpeg(np.asarray(smaller, np.uint8), 60)
    return out


def write_pictures(
    folder: Path,
    rooms: int,
    size: tuple[int, int],
    first: int,
    *,
    tag: str,
    room: Any,
    views: Any,
) -> dict[str, str]:
    """Write the pictures of ``rooms`` places of one generator (``room(seed, w, h)``, its
    ``views(img, seed)``) and return the truth ({file name: place label}), named as
    ``bench/link.py`` names them with ``--no-real`` (labels ``room<tag>-<seed>``)."""
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, str] = {}
    for i in range(rooms):
        label = f"room{tag}-{first + i:05d}"
        img = room(first + i, *size)
        (folder / f"{label}__original.png").write_bytes(_png(img))
        truth[f"{label}__original.png"] = label
        for kind, data in views(img, first + i).items():
            name = f"{label}__{kind}.{'jpg' if data[:2] == JPEG_START else 'png'}"
            (folder / name).write_bytes(data)
            truth[name] = label
    (folder / "truth.json").write_text(json.dumps(truth, indent=0, sort_keys=True))
    return truth


def make_pictures(
    folder: Path, rooms: int, size: tuple[int, int] = (800, 600), first: int = 0
) -> dict[str, str]:
    """A dry run without linking: the pictures of ``rooms`` places and the truth
    ({file name: place label}), named as ``bench/link.py`` names them with ``--no-real``."""
    return write_pictures(folder, rooms, size, first, tag="v6", room=room_v6, views=views_v6)


def dry_run(generator: str, make: Any, kind_of: Any) -> None:
    """The command line of a generator's dry run: write ``--rooms`` places' pictures and
    truth to ``--out`` with ``make(folder, rooms, size, first)`` and print their count and
    kinds (``kind_of(seed)``)."""
    parser = argparse.ArgumentParser(
        description=f"Generator {generator}'s pictures, without linking."
    )
    parser.add_argument("--rooms", type=int, default=12)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--size", default="800x600")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    truth = make(args.out, args.rooms, (width, height), args.first)
    kinds = sorted({kind_of(args.first + i) for i in range(args.rooms)})
    print(json.dumps({"pictures": len(truth), "places": len(set(truth.values())), "kinds": kinds}))


def main() -> None:
    dry_run("v6", make_pictures, lambda seed: place_v6(seed).kind)


if __name__ == "__main__":
    main()

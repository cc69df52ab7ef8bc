"""Composite pictures: a photo grid, a collage, a CCTV recorder's quad split.

One file can hold several pictures of a place side by side, each small and each seen from
its own camera. Matched as one picture, it fits no single homography or fundamental
matrix, and the covers measure one tile against the whole frame: on the held-out
generator v16, quad splits linked 0 of 315 times and photo grids 135 of 315 though their
place was shortlisted for 309 (docs/benchmarks.md). The tiles are found here and become
views of the item of their own, beside the whole picture, as a video's keyframes are.

The layout is found by recursive guillotine cuts (the "XY-cut" of document layout
analysis): a cut is a run of rows (or columns) crossing the whole of the current
rectangle that are each nearly one colour, a gutter, away from the rectangle's edges;
the two sides are cut again in turn. A gutter line may be crossed by a little text (a
recorder's date and time): ``min_uniform`` of its pixels within ``tolerance`` of its
median is enough. Photographs of places have no such line, since every row or column
crosses things of several colours. Only the result matters to linking: a wrong cut adds
views that link or do not, and the whole picture stays view 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[np.uint8]
#: (x0, y0, x1, y1) in pixels of the picture, x1 and y1 exclusive.
Rect = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class TileOptions:
    #: At most this many tiles (more cuts are not looked for).
    max_tiles: int = 9
    #: A tile's sides, at least this share of the picture's and at least ``min_side`` px.
    min_share: float = 0.2
    min_side: int = 48
    #: A gutter: at most this share of the side it cuts (wider uniform bands are
    #: backgrounds or letterboxing, not gutters).
    max_gutter: float = 0.08
    #: A line is uniform when this share of its pixels lies within ``tolerance`` levels
    #: of its median colour in every channel.
    min_uniform: float = 0.9
    tolerance: int = 14
    #: The lines beside a gutter: on one side at least, at most this share of their
    #: pixels of the gutter's colour.
    max_beside: float = 0.6
    #: More narrow uniform lines of one colour than this across a rectangle are a
    #: repeated pattern (brick mortar, tile joints), not gutters (a 3 x 3 grid has 2).
    max_gutters: int = 3
    #: How far beyond a gutter's run its sides are looked at.
    edge_px: int = 3
    #: Every tile's width over height within [1 / max_aspect, max_aspect] (pictures,
    #: not strips: a cut along a plain band of a room left strips of 2.6-5.2); a cut
    #: whose sides end in other shapes is not made.
    max_aspect: float = 2.5
    #: How deep the cuts go (2x2 needs 2, 3x3 needs 4).
    max_depth: int = 4


DEFAULT_TILES = TileOptions()


def _near(lines: npt.NDArray[np.int16], colour: npt.NDArray[np.int16], tolerance: int) -> Any:
    """Per line, the share of its pixels within ``tolerance`` of ``colour`` in every
    channel (``lines``: (n, length, channels); ``colour``: (n or 1, 1, channels))."""
    return (np.abs(lines - colour) <= tolerance).all(axis=2).mean(axis=1)


def _cut(
    pixels: U8, rect: Rect, axis: int, options: TileOptions, min_px: tuple[int, int]
) -> tuple[Rect, Rect] | None:
    """The best gutter across ``rect`` along ``axis`` (0: a horizontal gutter, cutting
    rows; 1: a vertical one): the uniform run nearest the rectangle's middle whose two
    sides are each at least ``min_px[axis]`` long, and whose neighbouring lines on one
    side at least are mostly of other colours (a gutter ends where the pictures begin,
    though one of them may start with a sky of the gutter's colour; a strip of plain
    wall goes on into more wall). None when there is none."""
    x0, y0, x1, y1 = rect
    block = pixels[y0:y1, x0:x1].astype(np.int16)
    lines = block if axis == 0 else block.transpose(1, 0, 2)
    n = lines.shape[0]
    median = np.median(lines, axis=1, keepdims=True).astype(np.int16)
    uniform = _near(lines, median, options.tolerance) >= options.min_uniform
    # A run is of one colour: a white gutter beside a picture's grey sky is two runs.
    step = np.abs(np.diff(median[:, 0], axis=0)).max(axis=1) > options.tolerance
    runs: list[tuple[int, int]] = []
    start = None
    for i, u in enumerate([*uniform.tolist(), False]):
        if start is not None and (not u or step[i - 1]):
            runs.append((start, i))
            start = None
        if u and start is None:
            start = i
    narrow = [
        (a, b) for a, b in runs if a > 0 and b < n and b - a <= max(2, options.max_gutter * n)
    ]
    best: tuple[float, int, int] | None = None
    for a, b in narrow:
        if a < min_px[axis] or n - b < min_px[axis]:
            continue
        colour = median[(a + b) // 2 : (a + b) // 2 + 1]
        # The lines a few pixels beyond the run: a gutter's edge is softened by JPEG
        # and by the pictures' own dark or light borders.
        g = options.edge_px
        beside = _near(lines[[max(0, a - 1 - g), min(n - 1, b + g)]], colour, options.tolerance)
        if beside.min() > options.max_beside:
            continue  # the same colour goes on both sides: a plain band, not a gutter
        alike = sum(
            bool(np.all(np.abs(median[(c + d) // 2, 0] - colour[0, 0]) <= options.tolerance))
            for c, d in narrow
        )
        if alike > options.max_gutters:
            continue  # mortar, tile joints, planks, shelves: a pattern, not a layout
        distance = abs((a + b) / 2 - n / 2)
        if best is None or distance < best[0]:
            best = (distance, a, b)
    if best is None:
        return None
    _, a, b = best
    if axis == 0:
        return (x0, y0, x1, y0 + a), (x0, y0 + b, x1, y1)
    return (x0, y0, x0 + a, y1), (x0 + b, y0, x1, y1)


def tiles(pixels: U8, options: TileOptions = DEFAULT_TILES) -> list[Rect]:
    """The tiles of a composite picture (RGB or grey), in reading order; [] when it is
    not one (no gutter found whose sides make tiles of picture-like shapes)."""
    rgb = pixels[..., None] if pixels.ndim == 2 else pixels[..., :3]
    h, w = rgb.shape[:2]
    min_px = (
        max(options.min_side, int(options.min_share * h)),
        max(options.min_side, int(options.min_share * w)),
    )
    found = _split((0, 0, w, h), 0, rgb, options, min_px)
    return sorted(found, key=lambda r: (r[1], r[0])) if len(found) >= 2 else []


def _split(
    rect: Rect, depth: int, rgb: U8, options: TileOptions, min_px: tuple[int, int]
) -> list[Rect]:
    """``rect`` cut into tiles: by the first gutter (vertical, then horizontal) whose
    two sides cut further into tiles of picture-like shapes, no more than
    ``max_tiles``; else ``rect`` itself."""
    if depth < options.max_depth:
        for axis in (1, 0):
            parts = _cut(rgb, rect, axis, options, min_px)
            if parts is None:
                continue
            out = [t for part in parts for t in _split(part, depth + 1, rgb, options, min_px)]
            if len(out) <= options.max_tiles and all(_shaped(t, options) for t in out):
                return out
    return [rect]


def _shaped(rect: Rect, options: TileOptions) -> bool:
    x0, y0, x1, y1 = rect
    aspect = (x1 - x0) / max(1, y1 - y0)
    return 1 / options.max_aspect <= aspect <= options.max_aspect

"""Query-side normalisation: derived pictures whose PDQ can match a list that holds only
whole-picture hashes (shared lists included), when the query was padded, letterboxed,
captioned or slightly rotated.

Pure functions over a decoded picture (HxWx3 RGB or HxW luma, uint8 or float 0..255):

- ``trim_bands`` removes uniform and near-uniform rows/columns from each edge (padding,
  letterbox, a caption bar whose text covers a minority of each row), within caps so a
  picture is never trimmed to nothing;
- ``deskew`` estimates a small rotation from the uniform corner triangles a rotated
  picture leaves, rotates back and trims the background left around it;
- ``pdq_variants`` hashes each derived picture, tagged ``trimmed`` or ``deskewed``.

The dihedral variants (``dihedral:<k>``) come from the exact hash's DCT
(``PdqResult.dihedral``), not from here.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import cv2
import numpy as np
import numpy.typing as npt

from safeguard.signals.pdq import (
    PdqHash,
    PdqResult,
    axis_operator,
    luma_64,
    pdq_from_grid,
    pdq_from_pixels,
)

FloatArray = npt.NDArray[np.float32]

#: A derived picture smaller than this on either side is refused.
MIN_SIDE = 64
#: Never trim more than this fraction of a dimension from one edge, nor in total.
MAX_EDGE_FRACTION = 0.4
MAX_TOTAL_FRACTION = 0.6
#: Luma distance (0..255) within which a pixel counts as the band's colour.
TOLERANCE = 14.0
#: The outermost row must be this uniform to start a band ...
START_FRACTION = 0.97
#: ... and the rows after it this much of the band's colour (room for caption text).
BAND_FRACTION = 0.4
#: The lax trim (a second ``trimmed`` query) crosses lines with this much band colour.
CAPTION_FRACTION = 0.15
#: The tolerance of ``trimmed:tight`` (a synthetic bar is one exact colour; a picture's
#: own flat edge rarely is).
TIGHT_TOLERANCE = 4.0
#: Passes of the rules that trim stacked bands.
TRIM_PASSES = 3
#: A few-tone line (``trimmed:icons``): its ``FEW_TONES`` most common luma bins of
#: ``TONE_BIN`` levels hold at least ``FEW_TONE_FRACTION`` of its pixels.
FEW_TONES = 3
TONE_BIN = 16
FEW_TONE_FRACTION = 0.92
#: Rotations deskewed, in degrees (smaller ones PDQ absorbs; larger are not "small").
MIN_ANGLE = 0.5
MAX_ANGLE = 15.0
#: Variants whose PDQ quality is below this are not worth a query.
MIN_QUALITY = 20

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


@dataclass(frozen=True, slots=True)
class Variant:
    """A derived query: its name (``trimmed``, ``deskewed``), PDQ and quality."""

    name: str
    hash: PdqHash
    quality: int

    def to_json(self) -> dict[str, object]:
        return {"variant": self.name, "pdq": self.hash.hex, "quality": self.quality}


def _median(values: npt.ArrayLike) -> float:
    """``float(np.median(values))`` of a NaN-free set, bit for bit, for a fraction of its
    overhead (numpy's median costs ~10 us of checks and dispatch a call, about twenty
    calls a turned upload): the middle element, or the two middle ones' mean taken as
    ``np.mean`` takes it (their sum in the array's type, halved)."""
    a = np.asarray(values).ravel()
    n = a.size
    k = n // 2
    if n % 2:
        return float(np.partition(a, k)[k])
    part = np.partition(a, (k - 1, k))
    lo, hi = part[k - 1], part[k]
    if a.dtype.kind in "iub":  # np.mean sums integers as float64
        return (float(lo) + float(hi)) / 2
    return float((lo + hi) / 2)


def luma(pixels: npt.NDArray[np.generic]) -> FloatArray:
    """HxW float32 luma of an RGB or luma picture."""
    if pixels.ndim == 3:
        out: FloatArray = pixels[..., :3].astype(np.float32) @ _LUMA
        return out
    if pixels.ndim == 2:
        return np.asarray(pixels, dtype=np.float32)  # no copy when it is float32 already
    raise ValueError(f"expected (H, W) or (H, W, 3), got shape {pixels.shape}")


def _grey(pixels: npt.NDArray[np.generic]) -> npt.NDArray[np.uint8]:
    """The luma PDQ reads (the same weights), rounded to 8 bits."""
    if pixels.dtype == np.uint8:
        arr = cast("npt.NDArray[np.uint8]", pixels)
    else:
        arr = np.clip(pixels, 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        return arr
    grey = np.asarray(cv2.cvtColor(np.ascontiguousarray(arr[..., :3]), cv2.COLOR_RGB2GRAY))
    return grey.astype(np.uint8, copy=False)


@dataclass(frozen=True, slots=True)
class TrimRule:
    """How one trimmed query finds its bands: the luma ``tolerance`` of the band's colour,
    how uniform the outermost line must be to ``start`` a band, and how much of the band's
    colour a line needs for the band to ``cross`` it (caption text, icons)."""

    name: str
    tolerance: float = TOLERANCE
    start: float = START_FRACTION
    cross: float = BAND_FRACTION
    #: Instead: the band is the run of few-tone lines from the edge (a flat bar with
    #: icons or text drawn on it: a few colours), cut where the first line of many tones
    #: (the picture) begins; it must hold a uniform line.
    few_tone: bool = False
    #: Trim only the bands that crossed lines of text (a caption), not plain uniform ones
    #: (which may be the picture's own edge).
    text_only: bool = False
    #: Trim again while a pass finds a band: stacked bars of different colours (a status
    #: bar above an app header, a margin around a frame).
    passes: int = 1


#: The trimmed queries, each a derived hash of its own when its box differs from those
#: before it: ``trimmed`` (uniform bands, sparse text crossed), ``trimmed:lax`` (dense
#: caption text crossed), ``trimmed:tight`` (only the band's exact colour: a caption bar
#: on a picture whose own edge is near that colour), ``trimmed:icons`` (a toolbar whose
#: icons reach the outermost line, as in a screenshot).
TRIM_RULES: tuple[TrimRule, ...] = (
    TrimRule("trimmed"),
    TrimRule("trimmed:lax", cross=CAPTION_FRACTION),
    TrimRule("trimmed:tight", tolerance=TIGHT_TOLERANCE, cross=CAPTION_FRACTION),
    TrimRule("trimmed:icons", few_tone=True),
    TrimRule("trimmed:text", cross=CAPTION_FRACTION, text_only=True),
    TrimRule("trimmed:nested", passes=TRIM_PASSES),
    TrimRule("trimmed:nested-icons", few_tone=True, passes=TRIM_PASSES),
)
_STRICT, _LAX = TRIM_RULES[0], TRIM_RULES[1]


def _band_depth(lines: FloatArray, limit: int, rule: TrimRule = _STRICT) -> int:
    """How many of ``lines`` (outermost first) ``rule`` trims (``_band``'s depth)."""
    return _band(lines, limit, rule)[0]


#: What ``trim_box`` calls with ``cache`` remember between rules of one picture, keyed by
#: the region, the side and what of the rule the answer depends on.
_BandCache = dict[tuple[object, ...], object]


def _band(
    lines: FloatArray,
    limit: int,
    rule: TrimRule,
    cache: _BandCache | None = None,
    key: tuple[object, ...] = (),
) -> tuple[int, bool]:
    """How many of ``lines`` (rows, outermost first) form a near-uniform band: it starts
    with a line at least ``rule.start`` of one colour and ends after its last uniform line,
    crossing lines that are at least ``rule.cross`` its colour (a caption's text) but no
    line that is mostly something else. Returns the depth and whether the band crossed
    lines that are not uniform (text).

    ``cache`` (with ``key`` naming ``lines``: the region and the side) keeps the answers
    the rules share, so that the rules of one picture compute each only once: the few-tone
    depth, and whether the outermost line starts a band at a tolerance (where most
    pictures stop)."""
    if limit <= 0 or lines.shape[0] == 0:
        return 0, False
    if rule.few_tone:
        tone_key = (*key, "tones", limit)
        if cache is not None and tone_key in cache:
            return cast("int", cache[tone_key]), True
        depth = _few_tone_depth(lines[:limit])
        if cache is not None:
            cache[tone_key] = depth
        return depth, True
    first = lines[0]
    colour_key = (*key, "colour")
    if cache is not None and colour_key in cache:
        colour = cast("float", cache[colour_key])
    else:
        colour = _median(first)
        if cache is not None:
            cache[colour_key] = colour
    start_key = (*key, "start", rule.tolerance, rule.start)
    if cache is not None and start_key in cache:
        starts = cast("bool", cache[start_key])
    else:
        starts = bool(np.mean(np.abs(first - colour) <= rule.tolerance) >= rule.start)
        if cache is not None:
            cache[start_key] = starts
    if not starts:
        return 0, False
    near = np.mean(np.abs(lines[:limit] - colour) <= rule.tolerance, axis=1)
    failing = np.flatnonzero(near < rule.cross)
    if not failing.size:
        return 0, False  # no content met within the cap: this is the picture, not a border
    reach = int(failing[0])
    clean = np.flatnonzero(near[:reach] >= START_FRACTION)
    if not clean.size:
        return 0, False
    depth = int(clean[-1]) + 1
    return depth, bool((near[:depth] < START_FRACTION).any())


#: Lines of a few-tone bar examined at a time.
_TONE_CHUNK = 16


def _few_tone_depth(lines: FloatArray) -> int:
    """The run of few-tone lines from the edge that keep at least ``BAND_FRACTION`` of the
    outermost line's tones (a bar's colour and its icons'), when it ends before ``lines``
    do and holds a uniform line; else 0."""
    n, width = lines.shape
    bins = 256 // TONE_BIN
    head = np.bincount(np.clip(lines[0], 0, 255).astype(np.int64) // TONE_BIN, minlength=bins)
    if np.sort(head)[-FEW_TONES:].sum() < FEW_TONE_FRACTION * width:
        return 0  # the common case, decided on one line: no bar at this edge
    first = lines[0]
    q0 = np.clip(first, 0, 255).astype(np.int64) // TONE_BIN
    tones = [
        _median(first[q0 == b])
        for b in np.argsort(head)[::-1][:FEW_TONES]
        if head[b] >= 0.1 * width
    ]
    # Line by line (in chunks) up to the first line that does not keep the bar's tones:
    # the lines after it do not change the answer, and a picture's own edge (or a turned
    # picture's fill) may pass the first line's test.
    reach, start = -1, 0
    while reach < 0 and start < n:
        chunk = lines[start : start + _TONE_CHUNK]
        m = chunk.shape[0]
        q = np.clip(chunk, 0, 255).astype(np.int64) // TONE_BIN
        counts = np.bincount((q + bins * np.arange(m)[:, None]).ravel(), minlength=m * bins)
        counts = counts.reshape(m, bins)
        few = np.sort(counts, axis=1)[:, -FEW_TONES:].sum(axis=1) >= FEW_TONE_FRACTION * width
        if start == 0 and not few[0]:
            return 0
        near = np.zeros(chunk.shape, dtype=bool)
        for t in tones:
            near |= np.abs(chunk - t) <= TOLERANCE
        keeps = few & (near.mean(axis=1) >= BAND_FRACTION)
        stops = np.flatnonzero(~keeps)
        if stops.size:
            reach = start + int(stops[0])
        start += m
    if reach < 0:
        return 0
    med = np.median(lines[:reach], axis=1, keepdims=True)
    uniform = np.mean(np.abs(lines[:reach] - med) <= TOLERANCE, axis=1) >= START_FRACTION
    return reach if uniform.any() else 0


def trim_box(
    pixels: npt.NDArray[np.generic],
    *,
    lax: bool = False,
    rule: TrimRule | None = None,
    cache: _BandCache | None = None,
) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) bounds (half-open) of the picture without its uniform or
    near-uniform edge bands as ``rule`` finds them (``lax``: ``trimmed:lax``; default
    ``trimmed``). The full picture when nothing is trimmed or when the result would be
    smaller than ``MIN_SIDE`` on a side.

    ``cache``: a dict kept across calls for the same ``pixels`` (each rule of
    ``TRIM_RULES`` in turn), so that what the rules share is computed once; the boxes are
    the same as without it."""
    rule = rule or (_LAX if lax else _STRICT)
    y = luma(pixels)
    h, w = y.shape
    top, bottom, left, right = 0, h, 0, w
    for _ in range(rule.passes):
        before = (top, bottom, left, right)
        for side in ("top", "bottom", "left", "right"):
            region = y[top:bottom, left:right]
            if side in ("top", "bottom"):
                lines = region if side == "top" else region[::-1]
                size, trimmed_so_far = h, top + (h - bottom)
                edge = top if side == "top" else h - bottom
            else:
                lines = region.T if side == "left" else region.T[::-1]
                size, trimmed_so_far = w, left + (w - right)
                edge = left if side == "left" else w - right
            room = min(
                int(size * MAX_EDGE_FRACTION) - edge,
                int(size * MAX_TOTAL_FRACTION) - trimmed_so_far,
                lines.shape[0] - MIN_SIDE,
            )
            key = (top, bottom, left, right, side)
            d, crossed = _band(lines, room, rule, cache, key)
            if d <= 0 or (rule.text_only and not crossed):
                continue
            if side == "top":
                top += d
            elif side == "bottom":
                bottom -= d
            elif side == "left":
                left += d
            else:
                right -= d
        if (top, bottom, left, right) == before:
            break
    if bottom - top < MIN_SIDE or right - left < MIN_SIDE:
        return 0, h, 0, w
    return top, bottom, left, right


def trim_bands(pixels: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
    """The picture without its uniform/near-uniform edge bands (a view; never empty, never
    larger than the input; the input itself when nothing is trimmed)."""
    top, bottom, left, right = trim_box(pixels)
    return pixels[top:bottom, left:right]


def _corner_background(y: npt.NDArray[np.generic]) -> float | None:
    """The shared colour of the four corners, or None if they differ (no rotation fill)."""
    return _background_of_corners([c.astype(np.float32) for c in _corner_patches(y)])


def _corner_patches(y: npt.NDArray[np.generic]) -> list[npt.NDArray[np.generic]]:
    """The four corners ``_corner_background`` reads (k x k, k a hundredth of the short
    side, at least 2)."""
    k = max(2, min(y.shape[:2]) // 100)
    return [y[:k, :k], y[:k, -k:], y[-k:, :k], y[-k:, -k:]]


def _background_of_corners(corners: list[FloatArray]) -> float | None:
    """``_corner_background`` of the four corners' luma."""
    values = [_median(c) for c in corners]
    if max(values) - min(values) > TOLERANCE:
        return None
    if any(np.mean(np.abs(c - values[0]) <= TOLERANCE) < 0.9 for c in corners):
        return None
    return _median(values)


def _edge_slope(depths: npt.NDArray[np.int64], limit: int) -> float | None:
    """Median slope of an edge profile (background depth per line) over its valid part."""
    n = depths.size
    valid = (depths > 0) & (depths < limit)
    stride = max(2, n // 6)  # long enough that tan(1°) moves the depth by pixels
    i = np.arange(n - stride)
    ok = valid[i] & valid[i + stride]
    if ok.sum() < 8:
        return None
    slopes = (depths[i + stride] - depths[i])[ok] / stride
    return _median(slopes)


def _content_mask(y: npt.NDArray[np.generic], bg: float) -> npt.NDArray[np.bool_]:
    """Everything but the fill: pixels of the background colour connected to a corner
    (dark content inside the picture is not mistaken for fill)."""
    if y.dtype == np.uint8:  # the same test, without a float copy of the picture
        lo, hi = math.ceil(bg - TOLERANCE), math.floor(bg + TOLERANCE)
        near = cv2.inRange(np.ascontiguousarray(y), max(0, lo), min(255, hi))
        near = (near > 0).view(np.uint8)
    else:
        near = (np.abs(y.astype(np.float32) - bg) <= TOLERANCE).astype(np.uint8)
    h, w = near.shape
    # Flood each corner's run of background colour (4-connected) with a mark of its own.
    for cy, cx in ((0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1)):
        if near[cy, cx] == 1:
            cv2.floodFill(near, None, (cx, cy), 2, flags=4)
    content: npt.NDArray[np.bool_] = near != 2
    return content


def estimate_skew(pixels: npt.NDArray[np.generic]) -> float | None:
    """The rotation (degrees, counter-clockwise as Pillow's ``rotate``) of a picture whose
    corners show a uniform fill, or None when there is none to see."""
    found = estimate_rotation(pixels)
    return None if found is None else found[0]


def estimate_rotation(pixels: npt.NDArray[np.generic]) -> tuple[float, float, float] | None:
    """(angle, width, height of the turned picture as fractions of the canvas's): the
    rotation (degrees, counter-clockwise as Pillow's ``rotate``) of a picture whose
    corners show a uniform fill, or None when there is none to see."""
    y = pixels if pixels.ndim == 2 and pixels.dtype == np.uint8 else luma(pixels)
    h, w = y.shape
    if min(h, w) < MIN_SIDE:
        return None
    bg = _corner_background(y)
    if bg is None:
        return None
    content = _content_mask(y, bg)
    share = np.count_nonzero(content) / content.size
    if share < SEARCH_MIN_CONTENT:
        return None
    profiles = _fill_profiles(content)
    guess = _edge_guess(profiles, h, w) if share >= TRACE_MIN_CONTENT else None
    if share >= TRACE_MIN_CONTENT and (guess is None or abs(guess) < MIN_ANGLE):
        # Fewer than two edges show a slope, or they are untilted: padding, a caption
        # bar or a flat edge of the picture's own, not a turn. No second search either:
        # a padded or captioned upload pays nothing for it.
        return None
    traced = None
    if guess is not None and abs(guess) <= MAX_ANGLE:
        traced = _traced_rotation(content, profiles, guess)
    # The outline traced is sure where the fill's edge is seen along most of the frame:
    # the common case, decided here for the price of comparing depths the fit computed.
    # Where it is not (dark content of the picture itself runs into the fill, or no
    # angle was traced), the frame is searched again, counting content outside it as
    # impossible (issue 13, twelfth round).
    first, (sure, _) = traced if traced is not None else (None, (0.0, 0.0))
    if sure >= SURE_SUPPORT:
        return first
    second = _searched_rotation(content)
    if second is not None:
        depths: _FrameDepths = []
        _profile_misfit(
            profiles,
            (h, w),
            np.array([second[0]]),
            second[3],
            stride=FINE_STRIDE,
            depths=depths,
        )
        seen, slant = _outline_support(depths, 0, slant=True)
        if seen >= MIN_SUPPORT and seen > sure and slant > 0:
            return second[:3]
    return first


#: A picture whose content (what is not fill) covers less than this share of it is not
#: taken for turned; below ``TRACE_MIN_CONTENT`` only by ``_searched_rotation``.
SEARCH_MIN_CONTENT = 0.05
TRACE_MIN_CONTENT = 0.3


def _edge_guess(profiles: tuple[npt.NDArray[np.int64], ...], h: int, w: int) -> float | None:
    """The angle (degrees) the fill's edges slope by, the median over the edges whose
    slope is seen, or None when fewer than two are."""
    top, bottom, left, right = profiles
    # A counter-clockwise turn by t: the top edge's depth falls by tan t per column, the
    # bottom's rises, the left's rises per row and the right's falls.
    slopes = [
        (_edge_slope(top, h // 2), -1.0),
        (_edge_slope(bottom, h // 2), 1.0),
        (_edge_slope(left, w // 2), 1.0),
        (_edge_slope(right, w // 2), -1.0),
    ]
    found = [s * sign for s, sign in slopes if s is not None]
    if len(found) < 2:
        return None
    return math.degrees(math.atan(_median(found)))


def _traced_rotation(
    content: npt.NDArray[np.bool_], profiles: tuple[npt.NDArray[np.int64], ...], guess: float
) -> tuple[tuple[float, float, float], tuple[float, float]] | None:
    """The angle near the edges' ``guess`` (``_refine_angle``): (angle, width, height of
    the turned picture as fractions of the canvas's) and the ``_outline_support`` of the
    fit, or None when it comes out of the range deskewed."""
    support: list[tuple[float, float]] = []
    angle, wfrac, hfrac = _refine_angle(content, guess, profiles, support)
    if not MIN_ANGLE <= abs(angle) <= MAX_ANGLE:
        return None
    return (angle, wfrac, hfrac), support[0]


#: ``_outline_support``: the lines where the frame leaves at least ``SUPPORT_DEPTH``
#: pixels of fill (and not the whole line) count; a line agrees when its observed fill
#: depth is within ``SUPPORT_TOLERANCE`` pixels of the frame's. The traced angle is kept
#: without a second search when at least ``SURE_SUPPORT`` of them agree; the searched one
#: is taken when at least ``MIN_SUPPORT`` of them agree, and more than for the traced.
SUPPORT_DEPTH = 3
SUPPORT_TOLERANCE = 2.0
SURE_SUPPORT = 0.6
MIN_SUPPORT = 0.15
#: Fewer such lines than this: no support at all (a turn too small to see, or no fill).
SUPPORT_MIN_LINES = 4
#: The searched angle is taken only when its frame follows the lines that agree with it
#: better than a straight, untilted outline does (``_outline_support``'s slant): a grown
#: frame fitted round a padded picture crosses its outline and agrees with ~18 % of its
#: lines, all at one depth.


def _outline_support(depths: _FrameDepths, row: int, slant: bool = False) -> tuple[float, float]:
    """How much of a turned frame's outline is seen: of the lines whose fill the frame
    of ``row`` (of ``_profile_misfit``'s ``depths``) makes at least ``SUPPORT_DEPTH``
    deep (and not the whole line), the share whose observed fill depth is within
    ``SUPPORT_TOLERANCE`` of the frame's. Dark content running into the fill hides the
    outline there; a picture that was not turned shows none of it.

    With ``slant``, also how much closer the frame is to those lines' depths than a
    straight, untilted outline at each side's median depth (pixels over all of them:
    at most zero when the lines that agree are a straight outline the frame crosses, as
    round a padded picture); else 0."""
    frame = np.concatenate([f[row] for f, _, _ in depths])
    observed = np.concatenate([o for _, o, _ in depths])
    across = np.concatenate([np.full(o.size, n, np.float32) for _, o, n in depths])
    counted = (frame >= SUPPORT_DEPTH) & (frame < across)
    lines = int(np.count_nonzero(counted))
    if lines < SUPPORT_MIN_LINES:
        return 0.0, 0.0
    close = counted & (np.abs(observed - frame) <= SUPPORT_TOLERANCE)
    share = int(np.count_nonzero(close)) / lines
    if not slant:
        return share, 0.0
    closer, start = 0.0, 0
    for _, side, _ in depths:
        part = slice(start, start + side.size)
        start += side.size
        held = close[part]
        if held.any():
            seen = observed[part][held]
            closer += float(np.abs(seen - _median(seen)).sum())
            closer -= float(np.abs(seen - frame[part][held]).sum())
    return share, closer


#: ``_searched_rotation``: content outside the frame counts this many times a pixel of
#: fill inside it (a picture's own content cannot be outside its frame; its own dark
#: content may well look like fill inside it). Searched over every angle deskewed, in
#: ``COARSE_STEP`` steps, both frame models, then ``SEARCH_FINE_STEP`` steps over
#: ±``FINE_SPAN`` with the frame inset by each of ``INSETS``.
OUTSIDE_WEIGHT = 30
SEARCH_FINE_STEP = 0.025


def _searched_rotation(
    content: npt.NDArray[np.bool_],
) -> tuple[float, float, float, int] | None:
    """The angle (the frame's fractions of the canvas, and its model of
    ``_frame_models``) whose turned frame holds the most fill outside it and no
    content: every candidate frame is scored by
    ``_mask_agreement`` with content outside it weighing ``OUTSIDE_WEIGHT`` times fill
    inside it. Unlike the outline traced by ``_traced_rotation`` it needs no line to show
    the fill's edge, only that content where it is seen bounds the frame (the turned copy
    of a dark picture: the fill and the picture's own dark parts are one region)."""
    h, w = content.shape
    coarse = np.arange(-MAX_ANGLE, MAX_ANGLE + 1e-4, COARSE_STEP)
    coarse = coarse[np.abs(coarse) >= MIN_ANGLE]
    kept = np.ascontiguousarray(content[:, ::COARSE_STRIDE]).view(np.uint8)
    integral = cast("npt.NDArray[np.int32]", cv2.integral(kept, sdepth=cv2.CV_32S))

    def scores(
        angles: npt.NDArray[np.float64],
        model: int | tuple[int, ...],
        insets: npt.NDArray[np.float64] | None = None,
    ) -> npt.NDArray[np.float64]:
        return _mask_agreement(
            integral,
            (h, w),
            angles,
            model,
            insets,
            stride=COARSE_STRIDE,
            integral=True,
            outside_weight=OUTSIDE_WEIGHT,
        )

    both = scores(coarse, (0, 1))
    model, i = (int(v) for v in np.unravel_index(int(np.argmax(both)), both.shape))
    best = float(coarse[i])
    fine = np.arange(best - FINE_SPAN, best + FINE_SPAN + 1e-4, SEARCH_FINE_STEP)
    fine = fine[np.abs(fine) >= MIN_ANGLE]
    if not fine.size:
        return None
    insets = np.repeat(np.array(INSETS), fine.size)
    score = scores(np.tile(fine, len(INSETS)), model, insets=insets)
    score = score.reshape(len(INSETS), fine.size)
    angle = float(fine[int(np.argmax(score)) % fine.size])
    if not MIN_ANGLE <= abs(angle) <= MAX_ANGLE:
        return None
    models = _frame_models(angle, w, h)
    model = min(model, len(models) - 1)
    w0, h0 = models[model]
    return angle, w0 / w, h0 / h, model


def _centred_grid(shape: tuple[int, int]) -> tuple[FloatArray, FloatArray]:
    """Each canvas pixel's (y, x) from the canvas's centre, as a column and a row (they
    broadcast to the canvas)."""
    h, w = shape
    yy = (np.arange(h, dtype=np.float32) - (h - 1) / 2)[:, None]
    xx = (np.arange(w, dtype=np.float32) - (w - 1) / 2)[None, :]
    return yy, xx


def _rotated_rect_mask(
    shape: tuple[int, int],
    w0: float,
    h0: float,
    angle: float,
    grid: tuple[FloatArray, FloatArray] | None = None,
) -> npt.NDArray[np.bool_]:
    """Canvas pixels inside a w0 x h0 rectangle turned by ``angle`` about the centre
    (``grid``: ``_centred_grid(shape)``, when the caller has it already)."""
    t = math.radians(angle)
    yy, xx = grid if grid is not None else _centred_grid(shape)  # or 1-D: those pixels
    # Undo the turn (image y points down: Pillow's counter-clockwise is clockwise in math).
    u = xx * math.cos(t) - yy * math.sin(t)
    v = xx * math.sin(t) + yy * math.cos(t)
    inside: npt.NDArray[np.bool_] = (np.abs(u) <= w0 / 2) & (np.abs(v) <= h0 / 2)
    return inside


def _frame_models(angle: float, sw: int, sh: int) -> list[tuple[float, float]]:
    """The sizes the turned picture may have on an ``sw`` x ``sh`` canvas: the canvas's
    own (frame kept), and the one whose turned copy the grown canvas holds exactly."""
    t = math.radians(abs(angle))
    c, s = math.cos(t), math.sin(t)
    det = c * c - s * s
    models = [(float(sw), float(sh))]
    if det > 0.5:
        models.append(((sw * c - sh * s) / det, (sh * c - sw * s) / det))
    return models


def _frame_sizes(
    angles: npt.NDArray[np.float64], sw: int, sh: int, model: int
) -> tuple[FloatArray, FloatArray]:
    """The width and height (columns of float32) of frame ``model`` of ``_frame_models``
    for each of ``angles`` (the canvas's own where the grown one does not exist), in one
    pass over the angles."""
    t = np.radians(np.abs(angles))
    c, s = np.cos(t), np.sin(t)
    det = c * c - s * s
    w0 = np.full(angles.shape, float(sw))
    h0 = np.full(angles.shape, float(sh))
    if model >= 1:
        grown = det > 0.5
        safe = np.where(grown, det, 1.0)
        w0 = np.where(grown, (sw * c - sh * s) / safe, w0)
        h0 = np.where(grown, (sh * c - sw * s) / safe, h0)
    return w0.astype(np.float32)[:, None], h0.astype(np.float32)[:, None]


def _fill_depths(
    lines: FloatArray,
    across: int,
    half_u: npt.NDArray[np.floating],
    half_v: npt.NDArray[np.floating],
    t: FloatArray,
    rows: bool,
    runs_only: bool = False,
) -> tuple[FloatArray, FloatArray]:
    """For each angle of ``t`` (radians, a column) and each line of the canvas at the
    centred positions ``lines`` (columns, or ``rows``), how many pixels of the line lie
    before and after the part of it inside a ``2 half_u`` x ``2 half_v`` rectangle turned
    by that angle about the centre; the whole line (``across`` pixels) when none does.
    ``runs_only``: instead, the first and last pixel inside (last < first: none)."""
    c, s = np.cos(t), np.sin(t)
    p = lines[None, :]
    pc, ps = p * c, p * s
    # The smaller of the two bounds solved along the line comes first when sin and the
    # half-size have the same sign; with the half-size's sign turned for the others,
    # each bound is computed in its place (the same values as taking the min and max of
    # the two: x - (-y) is x + y).
    half = half_v if rows else half_u
    turned = np.where((s > 0) == (half >= 0), np.float32(1), np.float32(-1))
    # Inside: |x c - y s| <= half_u and |x s + y c| <= half_v; solved for y along a
    # column at x = p, or for x along a row at y = p.
    # The same operations as ``(ps - half_u) / c`` and the like, each written over a
    # temporary once it is no longer read (a third of the arrays allocated; the same
    # float32 values).
    if rows:
        a1 = ps - half_u
        a1 /= c
        b1 = np.add(ps, half_u, out=ps)
        b1 /= c
        hv = turned * half_v
        e_lo = -hv - pc
        e_lo /= s
        e_hi = np.subtract(hv, pc, out=pc)
        e_hi /= s
    else:
        hu = turned * half_u
        e_lo = pc - hu
        e_lo /= s
        e_hi = np.add(pc, hu, out=pc)
        e_hi /= s
        a1 = -half_v - ps
        a1 /= c
        b1 = np.subtract(half_v, ps, out=ps)
        b1 /= c
    lo = np.maximum(a1, e_lo, out=a1)
    hi = np.minimum(b1, e_hi, out=b1)
    off = (across - 1) / 2
    first = np.add(lo, off, out=lo)
    first -= 1e-4
    np.ceil(first, out=first)
    np.clip(first, 0, across, out=first)
    last = np.add(hi, off, out=hi)
    last += 1e-4
    np.floor(last, out=last)
    np.clip(last, -1, across - 1, out=last)
    if runs_only:
        return first, last
    empty = last < first
    before = np.where(empty, across, first)
    after = np.where(empty, across, across - 1 - last)
    return before, after


def _mask_agreement(
    sums: npt.NDArray[np.int32],
    shape: tuple[int, int],
    angles: npt.NDArray[np.float64],
    model: int | tuple[int, ...],
    insets: npt.NDArray[np.float64] | None = None,
    stride: int = 1,
    integral: bool = False,
    outside_weight: int = 1,
) -> npt.NDArray[np.float64]:
    """For each of ``angles`` (degrees), how many more pixels of the content mask than of
    the fill lie inside the frame ``model`` of ``_frame_models`` turned by it: the
    agreement of the mask with the turned frame, less a constant (every pixel counts
    once, so specks of noise in the fill cost little). ``sums``: the mask's running sums
    down each column (+1 content, -1 fill; a row of zeros first), so that each column's
    run inside the frame is two look-ups: the whole mask scored for the price of its
    outline. With ``stride`` > 1, ``sums`` may hold only the columns read (every
    ``stride``-th, ``w`` the full width). ``model`` a tuple: each model's scores, one row
    a model (the same numbers, in one pass). ``integral``: ``sums`` is instead OpenCV's
    integral image of the 0/1 mask of those columns, whose neighbouring columns' difference
    is the content counted down each column; the runs are read from it directly (the same
    integers, without a pass over the whole mask to make the running sums)."""
    h, w = shape
    cols = np.arange(0, w, stride)
    xs = cols.astype(np.float32) - (w - 1) / 2
    models = (model,) if isinstance(model, int) else model
    sizes = [_frame_sizes(angles, w, h, m) for m in models]
    w0 = np.concatenate([size[0] for size in sizes])
    h0 = np.concatenate([size[1] for size in sizes])
    t = np.tile(np.radians(angles).astype(np.float32)[:, None], (len(models), 1))
    inset = 0.0 if insets is None else np.tile(insets.astype(np.float32)[:, None], (len(models), 1))
    first, last = _fill_depths(xs, h, w0 / 2 - inset, h0 / 2 - inset, t, rows=False, runs_only=True)
    lo = first.astype(np.intp)
    hi = np.maximum(last.astype(np.intp) + 1, lo)  # an empty run sums to nothing
    if integral:
        at = (cols // stride)[None, :]
        # Content in [lo, hi) of a column: the count down it at hi less that at lo; the
        # score counts content +1 and fill -1: twice the content less the run's length.
        counted = (sums[hi, at + 1] - sums[hi, at]) - (sums[lo, at + 1] - sums[lo, at])
        # With ``outside_weight`` k: content inside counts k + 1 (content outside the
        # frame costs k, as the same constant less it), fill inside -1.
        inside = counted * (outside_weight + 1) - (hi - lo)
    else:
        if outside_weight != 1:
            raise ValueError("outside_weight needs the integral image")
        at = cols if sums.shape[1] == w else cols // stride
        inside = sums[hi, at[None, :]] - sums[lo, at[None, :]]
    result: npt.NDArray[np.float64] = inside.sum(1, dtype=np.float64)
    return result if isinstance(model, int) else result.reshape(len(models), -1)


def _profile_misfit(
    profiles: tuple[npt.NDArray[np.int64], ...],
    shape: tuple[int, int],
    angles: npt.NDArray[np.float64],
    model: int,
    insets: npt.NDArray[np.float64] | None = None,
    stride: int = 1,
    depths: _FrameDepths | None = None,
) -> npt.NDArray[np.float64]:
    """For each of ``angles`` (degrees), how far the observed fill depths (``profiles``:
    top and bottom per column, left and right per row) are from those of the frame
    ``model`` of ``_frame_models`` turned by it: the number of pixels the two disagree on
    along each column and along each row, summed (a column's content is one run, so this
    is the area between the two outlines, counted twice). ``depths``: a list that keeps,
    for each side, the frame's depths (one row an angle), the observed ones and the
    lines' length (for ``_outline_support``)."""
    h, w = shape
    xs = (np.arange(w, dtype=np.float32) - (w - 1) / 2)[::stride]
    ys = (np.arange(h, dtype=np.float32) - (h - 1) / 2)[::stride]
    top, bottom, left, right = (p[::stride].astype(np.float32) for p in profiles)
    w0, h0 = _frame_sizes(angles, w, h, model)
    t = np.radians(angles).astype(np.float32)[:, None]
    inset = 0.0 if insets is None else insets.astype(np.float32)[:, None]
    half_u, half_v = w0 / 2 - inset, h0 / 2 - inset
    before, after = _fill_depths(xs, h, half_u, half_v, t, rows=False)
    misfit = np.abs(before - top).sum(1, dtype=np.float64)
    misfit += np.abs(after - bottom).sum(1, dtype=np.float64)
    if depths is not None:
        depths += [(before, top, h), (after, bottom, h)]
    before, after = _fill_depths(ys, w, half_u, half_v, t, rows=True)
    misfit += np.abs(before - left).sum(1, dtype=np.float64)
    misfit += np.abs(after - right).sum(1, dtype=np.float64)
    if depths is not None:
        depths += [(before, left, w), (after, right, w)]
    result: npt.NDArray[np.float64] = misfit
    return result


#: What ``_profile_misfit`` keeps for ``_outline_support``: per side, the frame's fill
#: depths (a row an angle), the observed ones, and the length of a line.
_FrameDepths = list[tuple[FloatArray, FloatArray, int]]


#: The angle is found by a coarse search (``COARSE_STEP`` over ±``COARSE_SPAN`` around the
#: edges' slope, both models of the frame) scored by the whole mask's agreement with the
#: turned frame (every pixel counts once: robust to noise in the fill and to a blurred
#: edge; summed down every ``COARSE_STRIDE``-th column from running sums), then a fine
#: one (``FINE_STEP`` over ±``FINE_SPAN``, its model only, the frame inset by each of
#: ``INSETS`` pixels) fitted to the fill's outline (one depth a line from each edge, every
#: ``FINE_STRIDE``-th line), and a parabola through the best fine step and its
#: neighbours. The inset takes up the edge a turn blends with the fill: without it the
#: angle of a large turned picture came out 0.1° short every time.
COARSE_SPAN = 3.0
COARSE_STEP = 0.25
FINE_SPAN = 0.3
FINE_STEP = 0.05
INSETS = (-1.0, -0.5, 0.0, 0.5, 1.0)
COARSE_STRIDE = 2
FINE_STRIDE = 2


def _refine_angle(
    content: npt.NDArray[np.bool_],
    guess: float,
    profiles: tuple[npt.NDArray[np.int64], ...] | None = None,
    support: list[tuple[float, float]] | None = None,
) -> tuple[float, float, float]:
    """The angle near ``guess`` whose turned rectangle (same canvas, or the canvas grown to
    hold it) best agrees with the observed content mask (coarsely) and its outline
    (finely), and the width and height of that rectangle as fractions of the canvas's.
    ``support``: a list to which ``_outline_support`` of the best fine candidate (before
    its parabola) is added."""
    h, w = content.shape
    if profiles is None:
        profiles = _fill_profiles(content)
    coarse = np.arange(guess - COARSE_SPAN, guess + COARSE_SPAN + 1e-4, COARSE_STEP)
    coarse = coarse[np.abs(coarse) >= MIN_ANGLE / 2]
    if not coarse.size:
        return guess, 1.0, 1.0
    # Only the columns the coarse search reads (every COARSE_STRIDE-th) are counted, in
    # OpenCV's integral image (the content counted above each pixel of each column is the
    # difference of two neighbouring columns of it), which ``_mask_agreement`` reads at
    # each run's ends (issue 13, eleventh round: no running-sum array is made).
    kept = np.ascontiguousarray(content[:, ::COARSE_STRIDE]).view(np.uint8)
    integral = cast("npt.NDArray[np.int32]", cv2.integral(kept, sdepth=cv2.CV_32S))
    best, best_model, best_score = guess, 0, -math.inf
    scores = _mask_agreement(integral, (h, w), coarse, (0, 1), stride=COARSE_STRIDE, integral=True)
    for model, score in enumerate(scores):
        i = int(np.argmax(score))
        if score[i] > best_score:
            best, best_model, best_score = float(coarse[i]), model, float(score[i])
    fine = np.arange(best - FINE_SPAN, best + FINE_SPAN + 1e-4, FINE_STEP)
    fine = fine[np.abs(fine) >= MIN_ANGLE / 2]
    insets = np.repeat(np.array(INSETS), fine.size)
    depths: _FrameDepths = []
    misfit = _profile_misfit(
        profiles,
        (h, w),
        np.tile(fine, len(INSETS)),
        best_model,
        insets,
        stride=FINE_STRIDE,
        depths=depths,
    ).reshape(len(INSETS), fine.size)
    k, i = (int(v) for v in np.unravel_index(int(np.argmin(misfit)), misfit.shape))
    if support is not None:
        support.append(_outline_support(depths, k * fine.size + i))
    top = float(fine[i])
    if 0 < i < fine.size - 1:
        m0, m1, m2 = (float(v) for v in misfit[k, i - 1 : i + 2])
        curve = m0 - 2 * m1 + m2
        if curve > 0:
            top += FINE_STEP * max(-0.5, min(0.5, 0.5 * (m0 - m2) / curve))
    models = _frame_models(top, w, h)
    w0, h0 = models[min(best_model, len(models) - 1)]
    return top, w0 / w, h0 / h


def _fill_profiles(content: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.int64], ...]:
    """How many pixels of fill lie before the content from each edge: per column from the
    top and from the bottom, per row from the left and from the right (the whole line when
    it holds no content)."""

    def first_true(mask: npt.NDArray[np.bool_], axis: int) -> npt.NDArray[np.int64]:
        idx: npt.NDArray[np.int64] = np.argmax(mask, axis=axis).astype(np.int64)
        # argmax stops at the first true pixel; a line with none answers 0 and its first
        # pixel is false (not a second pass over the whole mask).
        lines = np.arange(idx.size)
        first = mask[idx, lines] if axis == 0 else mask[lines, idx]
        idx[~first] = mask.shape[axis]
        return idx

    # Each read along memory (argmax of a contiguous boolean line stops at its first true
    # pixel): the columns transposed and the lines reversed by OpenCV, a tenth of numpy's
    # strided copies.
    mask = np.ascontiguousarray(content).view(np.uint8)
    across = np.asarray(cv2.transpose(mask))
    return tuple(
        first_true(np.asarray(m).view(np.bool_), 1)
        for m in (across, cv2.flip(across, 1), mask, cv2.flip(mask, 1))
    )


#: The wide blur of ``_fill_from_surroundings`` is taken on a copy whose long side is at
#: most this (area filter; its sigma is 1/60 of the long side, about 2 px here), then
#: brought back (bilinear): the same fill as at full size, for a few ms instead of ~70 ms
#: on a 512 x 762 picture (issue 13, seventh round).
FILL_BLUR_SIDE = 128


def _fill_from_surroundings(
    arr: npt.NDArray[np.uint8], valid: npt.NDArray[np.bool_]
) -> npt.NDArray[np.uint8]:
    """``arr`` with its invalid pixels replaced by a wide normalised blur of the valid ones."""
    h, w = arr.shape[:2]
    sigma = max(h, w) * 0.05 / 3
    mask = valid.view(np.uint8)
    kept = np.zeros_like(arr)
    cv2.copyTo(arr, mask, kept)
    k = math.ceil(max(h, w) / FILL_BLUR_SIDE)  # a whole factor: binning, not resampling
    size = (w, h)
    # Binned in 8 bits (a whole-factor area filter in uint8 is the cheapest there is): the
    # block means are rounded to a level, the weights to 1/255.
    weight8 = mask * np.uint8(255)
    if k > 1:
        size = (max(1, w // k), max(1, h // k))
        cut = (slice(0, size[1] * k), slice(0, size[0] * k))
        kept = np.asarray(cv2.resize(kept[cut], size, interpolation=cv2.INTER_AREA))
        weight8 = np.asarray(cv2.resize(weight8[cut], size, interpolation=cv2.INTER_AREA))
        sigma /= k
    masked, weight = kept.astype(np.float32), weight8.astype(np.float32) / 255
    num = cv2.GaussianBlur(masked, (0, 0), sigma).reshape(size[1], size[0], -1)
    den = cv2.GaussianBlur(weight, (0, 0), sigma)[..., None]
    channels = 1 if arr.ndim == 2 else arr.shape[2]
    if valid.any():
        mean = np.array(cv2.mean(arr, mask=mask)[:channels], np.float32)
    else:
        mean = arr.reshape(-1, channels).mean(0).astype(np.float32)
    small = np.where(den > 1e-3, num / np.maximum(den, 1e-3), mean)
    filled = np.clip(small, 0, 255).astype(np.uint8).reshape(size[1], size[0], *arr.shape[2:])
    if k > 1:
        filled = np.asarray(cv2.resize(filled, (w, h), interpolation=cv2.INTER_LINEAR))
    result: npt.NDArray[np.uint8] = filled.reshape(arr.shape)
    cv2.copyTo(arr, mask, result)  # the valid pixels as they were
    return result


#: How ``deskew`` fills the corners the frame cut off (the fill of the query's own corners
#: is always filled from the picture around it first): ``replicate`` extends the query's
#: edges outward while turning back, so each lost corner continues the picture's edge;
#: ``surroundings`` is a wide blur of the picture around the hole (issue 13's earlier
#: fill). Measured with the true angle on ``bench/robust``'s development half at 4°
#: (``bench/robust_rotate_loss.py``): 92.1 % and 86.1 % of copies within the radius.
DESKEW_FILLS = ("replicate", "reflect", "surroundings")
#: How the straightened copies with the edges carried outward are resampled.
TURN_INTERPOLATION = cv2.INTER_LINEAR
#: The fills a turned query is straightened with, each one ``deskewed`` query. Without
#: ``reflect`` the development half finds the same copies at 4°, -4°, 2°, 3° and 5°
#: (issue 13, eighth round), but a turned brick texture matches only through it.
DESKEW_QUERY_FILLS: tuple[str, ...] = ("replicate", "reflect", "surroundings")


def deskew(
    pixels: npt.NDArray[np.generic], fill: str = "replicate"
) -> npt.NDArray[np.uint8] | None:
    """The picture rotated back by its estimated skew, with the fill around it trimmed; None
    when no skew is seen. ``fill`` (one of ``DESKEW_FILLS``) says how the corners the
    frame cut off are filled."""
    found = estimate_rotation(pixels)
    if found is None:
        return None
    return straighten(pixels, *found, fill=fill)


def straighten(
    pixels: npt.NDArray[np.generic],
    angle: float,
    wfrac: float = 1.0,
    hfrac: float = 1.0,
    fill: str = "replicate",
) -> npt.NDArray[np.uint8] | None:
    """The picture turned back by ``angle`` (degrees, counter-clockwise as Pillow's
    ``rotate``), cut to its own frame (``wfrac`` x ``hfrac`` of the canvas, centred).

    The rotation's fill in the query's corners is first replaced from the picture around
    it (a black triangle moves PDQ's low frequencies far more than a plausible colour);
    what the frame cut off the original's corners is then filled as ``fill`` says."""
    return straightened(pixels, angle, wfrac, hfrac, (fill,))[0]


def _polygon_mask(
    shape: tuple[int, int], corners: npt.NDArray[np.float64]
) -> npt.NDArray[np.bool_]:
    """Canvas pixels inside the convex polygon ``corners`` ((x, y) rows, pixel
    coordinates), drawn with sub-pixel corners: what testing each pixel against the turned
    rectangle gives, for a hundredth of the work."""
    mask = np.zeros(shape, np.uint8)
    points = np.round(corners * (1 << _SUBPIXEL_BITS)).astype(np.int32)
    cv2.fillConvexPoly(mask, points, 1, lineType=cv2.LINE_8, shift=_SUBPIXEL_BITS)
    inside: npt.NDArray[np.bool_] = mask > 0
    return inside


_SUBPIXEL_BITS = 4


def _turned_rect_corners(
    shape: tuple[int, int], w0: float, h0: float, angle: float
) -> npt.NDArray[np.float64]:
    """The corners ((x, y), pixel coordinates) of a ``w0`` x ``h0`` rectangle turned by
    ``angle`` about the canvas's centre, as ``_rotated_rect_mask`` places it."""
    h, w = shape
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    u = np.array([-w0, w0, w0, -w0]) / 2
    v = np.array([-h0, -h0, h0, h0]) / 2
    # The inverse of (u, v) = (x c - y s, x s + y c).
    x = u * c + v * s + (w - 1) / 2
    y = -u * s + v * c + (h - 1) / 2
    return np.stack([x, y], axis=1)


def _turned_rect_mask(
    shape: tuple[int, int], w0: float, h0: float, angle: float
) -> npt.NDArray[np.bool_]:
    """``_rotated_rect_mask``, drawn: the polygon half a pixel inside, because the drawing
    takes in every pixel the outline touches (the two then differ on about 0.05 % of a
    picture's pixels, not on its whole outline)."""
    return _polygon_mask(shape, _turned_rect_corners(shape, w0 - 1.0, h0 - 1.0, angle))


def straightened(
    pixels: npt.NDArray[np.generic],
    angle: float,
    wfrac: float,
    hfrac: float,
    fills: tuple[str, ...],
) -> list[npt.NDArray[np.uint8] | None]:
    """``straighten`` with each of ``fills`` (``_straightened_fills``' pictures)."""
    return _straightened_fills(pixels, angle, wfrac, hfrac, fills)[0]


def _straightened_fills(
    pixels: npt.NDArray[np.generic],
    angle: float,
    wfrac: float,
    hfrac: float,
    fills: tuple[str, ...],
) -> tuple[list[npt.NDArray[np.uint8] | None], list[tuple[int, int, int, int]]]:
    """``straighten`` with each of ``fills``, and boxes (top, bottom, left, right) outside
    which all of them are the same picture, the query's own fill filled once for all and
    the picture turned back once with its edges replicated. The other fills differ from
    that turn only where the turn reads outside the query (the corners the frame cut off,
    and a pixel or two along them): ``reflect`` is turned back only over boxes around
    those, and ``surroundings`` fills them again from the picture around them."""
    unknown = [f for f in fills if f not in DESKEW_FILLS]
    if unknown:
        raise ValueError(f"unknown deskew fill {unknown[0]!r}")
    arr = _as_uint8(pixels)
    h, w = arr.shape[:2]
    fw, fh = min(w, round(w * wfrac)), min(h, round(h * hfrac))
    if min(fw, fh) < MIN_SIDE:
        return [None] * len(fills), []
    top, left = (h - fh) // 2, (w - fw) // 2
    box = (slice(top, top + fh), slice(left, left + fw))
    turn = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), -angle, 1.0)
    # Each output pixel's place in the query (what warpAffine inverts ``turn`` to): given
    # as such, a box of the output is turned with the same arithmetic as the whole.
    reads = np.asarray(cv2.invertAffineTransform(turn), dtype=np.float64)
    # The query's own fill: outside the turned frame (the model the angle was fitted with,
    # not the background-coloured pixels: a dark edge of the picture itself would be
    # blurred, then stretched over the whole lost corner), less a pixel where the edge
    # blends both.
    inside = _turned_rect_mask((h, w), w * wfrac - 2.0, h * hfrac - 2.0, angle)
    filled = _fill_from_surroundings(arr, inside)
    flags = TURN_INTERPOLATION | cv2.WARP_INVERSE_MAP
    base = np.asarray(
        cv2.warpAffine(filled, reads, (w, h), flags=flags, borderMode=cv2.BORDER_REPLICATE),
        dtype=np.uint8,
    )
    frame = base[box]
    # What of the canvas came from the query: its frame turned back.
    canvas = np.array([[0.0, 0.0], [w - 1.0, 0.0], [w - 1.0, h - 1.0], [0.0, h - 1.0]])
    mapped = np.c_[canvas, np.ones(4)] @ turn.T
    centre = mapped.mean(0)

    def within(pixels_in: float) -> npt.NDArray[np.bool_]:
        shrink = 1.0 - 2.0 * pixels_in / min(h, w)
        return _polygon_mask((h, w), centre + (mapped - centre) * shrink)[box]

    out: list[npt.NDArray[np.uint8] | None] = []
    # Inside the frame less REFLECT_MARGIN pixels every read of the turn is inside the
    # query, so the border mode changes nothing there (nor does ``surroundings``, which
    # fills only what is outside the frame less a pixel).
    differ = _outside_boxes(~within(REFLECT_MARGIN))
    for fill in fills:
        if fill == "replicate":
            result: npt.NDArray[np.uint8] = np.ascontiguousarray(frame)
        elif fill == "reflect":
            if TURN_INTERPOLATION != cv2.INTER_LINEAR:  # _turned_part reads as bilinear
                whole = cv2.warpAffine(
                    filled, reads, (w, h), flags=flags, borderMode=cv2.BORDER_REFLECT_101
                )
                out.append(np.ascontiguousarray(np.asarray(whole, dtype=np.uint8)[box]))
                continue
            result = np.array(frame)
            turned = _turned_parts(
                filled,
                reads,
                [(top + r0, top + r1, left + c0, left + c1) for r0, r1, c0, c1 in differ],
                _read_shares(reads, h, w),
            )
            for (r0, r1, c0, c1), part in zip(differ, turned, strict=True):
                result[r0:r1, c0:c1] = part
        else:
            # Less a pixel where the turn blends in the border.
            result = _fill_from_surroundings(np.ascontiguousarray(frame), within(1.0))
        out.append(result if min(result.shape[:2]) >= MIN_SIDE else None)
    return out, differ


def _turned_part(
    pixels: npt.NDArray[np.uint8],
    reads: npt.NDArray[np.float64],
    box: tuple[int, int, int, int],
    shares: tuple[npt.NDArray[np.int32], ...] | None = None,
) -> npt.NDArray[np.uint8]:
    """The box (top, bottom, left, right) of ``cv2.warpAffine(pixels, reads, ...,
    INTER_LINEAR | WARP_INVERSE_MAP, BORDER_REFLECT_101)``, bit for bit, for the price of
    the box: the positions are computed as warpAffine computes them (each read in 1/1024
    px: the column's share rounded, plus the line's share rounded, plus half a step,
    then cut to 1/32 px) and handed to ``cv2.remap``, which warpAffine itself calls with
    them. Turning the box alone with the matrix moved to its corner rounds the column's
    share differently (tested against the whole turn). ``shares``: ``_read_shares`` of
    the whole output, when the caller turns several boxes."""
    return _turned_parts(pixels, reads, [box], shares)[0]


def _turned_parts(
    pixels: npt.NDArray[np.uint8],
    reads: npt.NDArray[np.float64],
    boxes: list[tuple[int, int, int, int]],
    shares: tuple[npt.NDArray[np.int32], ...] | None = None,
) -> list[npt.NDArray[np.uint8]]:
    """``_turned_part`` of each of ``boxes``, in one ``cv2.remap`` call: each output pixel
    is computed from its own read alone, so the boxes' reads laid end to end in one line
    give the same pixels as a call a box (a dozen calls' overhead saved a turned query)."""
    if not boxes:
        return []
    if shares is None:
        shares = _read_shares(reads, max(b[1] for b in boxes), max(b[3] for b in boxes))
    col_x, col_y, row_x, row_y = shares
    # The reads laid end to end, in lines of _REMAP_LINE (remap takes fewer than 2^15
    # columns); the last line's tail reads the first pixel and is dropped.
    sizes = [(r1 - r0) * (c1 - c0) for r0, r1, c0, c1 in boxes]
    total = sum(sizes)
    lines = -(-total // _REMAP_LINE)
    flat_x = np.zeros(lines * _REMAP_LINE, np.int32)
    flat_y = np.zeros(lines * _REMAP_LINE, np.int32)
    start = 0
    for (r0, r1, c0, c1), size in zip(boxes, sizes, strict=True):
        shape = (r1 - r0, c1 - c0)
        part = slice(start, start + size)
        np.add(row_x[r0:r1, None], col_x[None, c0:c1], out=flat_x[part].reshape(shape))
        np.add(row_y[r0:r1, None], col_y[None, c0:c1], out=flat_y[part].reshape(shape))
        start += size
    x = flat_x.reshape(lines, _REMAP_LINE)
    y = flat_y.reshape(lines, _REMAP_LINE)
    cut = _AB_BITS - _INTER_BITS
    x >>= cut
    y >>= cut
    at = np.empty((*x.shape, 2), np.int16)
    np.right_shift(x, _INTER_BITS, out=at[..., 0], casting="unsafe")
    np.right_shift(y, _INTER_BITS, out=at[..., 1], casting="unsafe")
    steps = (1 << _INTER_BITS) - 1
    y &= steps
    y <<= _INTER_BITS
    x &= steps
    x |= y
    out = np.asarray(
        cv2.remap(
            pixels, at, x.astype(np.uint16), cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101
        ),
        dtype=np.uint8,
    ).reshape(-1, *pixels.shape[2:])
    parts, start = [], 0
    for (r0, r1, c0, c1), size in zip(boxes, sizes, strict=True):
        parts.append(out[start : start + size].reshape(r1 - r0, c1 - c0, *pixels.shape[2:]))
        start += size
    return parts


def _read_shares(
    reads: npt.NDArray[np.float64], height: int, width: int
) -> tuple[npt.NDArray[np.int32], ...]:
    """warpAffine's shares of each read (``_turned_part``) for an output ``width`` x
    ``height``: the columns' (x, y) and the lines' (x, y, with the half step)."""
    xs = np.arange(width, dtype=np.float64)
    ys = np.arange(height, dtype=np.float64)
    scale, half = 1 << _AB_BITS, 1 << (_AB_BITS - _INTER_BITS - 1)
    return (
        np.rint(reads[0, 0] * xs * scale).astype(np.int32),
        np.rint(reads[1, 0] * xs * scale).astype(np.int32),
        np.rint((reads[0, 1] * ys + reads[0, 2]) * scale).astype(np.int32) + half,
        np.rint((reads[1, 1] * ys + reads[1, 2]) * scale).astype(np.int32) + half,
    )


#: The length of the lines ``_turned_parts`` lays the boxes' reads out in.
_REMAP_LINE = 1024

#: OpenCV's fixed point for warpAffine's reads (imgwarp.cpp: AB_BITS, INTER_BITS).
_AB_BITS = 10
_INTER_BITS = 5


#: How far inside the query's frame turned back (pixels) the ``reflect`` turn is taken to
#: equal the ``replicate`` one (a bilinear read reaches one pixel; the polygon is drawn
#: with every pixel its outline touches).
REFLECT_MARGIN = 3.0


def _outside_boxes(outside: npt.NDArray[np.bool_]) -> list[tuple[int, int, int, int]]:
    """(top, bottom, left, right) boxes that together hold every true pixel of
    ``outside``: its bounding box in each cell of a 4 x 4 grid (the corners of a turned
    frame are thin triangles along the edges)."""
    h, w = outside.shape
    mask = outside.view(np.uint8)
    boxes = []
    ys = [h * i // _SHARED_CELLS for i in range(_SHARED_CELLS + 1)]
    xs = [w * i // _SHARED_CELLS for i in range(_SHARED_CELLS + 1)]
    for r0, r1 in itertools.pairwise(ys):
        for c0, c1 in itertools.pairwise(xs):
            x, y, bw, bh = cv2.boundingRect(np.ascontiguousarray(mask[r0:r1, c0:c1]))
            if bw and bh:
                boxes.append((r0 + y, r0 + y + bh, c0 + x, c0 + x + bw))
    return boxes


#: Borders and turns are looked for on a copy with at most this long a side (detection
#: only: a band or an angle is as visible at 512 px, and a 1 MP upload's variants then cost
#: about a millisecond when there is nothing to find); a turned picture is straightened
#: on a copy whose short side is this long.
DETECT_SIDE = 512


def _reduced(
    pixels: npt.NDArray[np.generic], long_side: int
) -> tuple[npt.NDArray[np.generic], float]:
    """A copy whose long side is at most ``long_side`` (area filter), and the factor from
    its coordinates to the input's (1.0 when it is the input itself)."""
    h, w = pixels.shape[:2]
    scale = max(h, w) / long_side
    if scale <= 1.0:
        return pixels, 1.0
    size = (max(1, round(w / scale)), max(1, round(h / scale)))
    arr = pixels if pixels.dtype == np.uint8 else np.clip(pixels, 0, 255).astype(np.uint8)
    small = np.asarray(cv2.resize(np.ascontiguousarray(arr), size, interpolation=cv2.INTER_AREA))
    return small, w / size[0]


def _decimated(
    pixels: npt.NDArray[np.generic], long_side: int
) -> tuple[npt.NDArray[np.generic], int]:
    """Every k-th pixel of every k-th line, k the smallest step that brings the long side
    to at most ``long_side`` (a view: free; uniform bands stay uniform, a turned edge stays
    straight), and k."""
    k = max(1, math.ceil(max(pixels.shape[:2]) / long_side))
    return (pixels[::k, ::k] if k > 1 else pixels), k


def _full_box(
    box: tuple[int, int, int, int], step: int, h: int, w: int
) -> tuple[int, int, int, int]:
    """A box found on the decimated copy, in the input's pixels: the kept lines span
    ``[top * step, (bottom - 1) * step]``, so the band's last line is at most ``step - 1``
    pixels outside."""
    top, bottom, left, right = box
    return (
        min(h, top * step),
        min(h, (bottom - 1) * step + 1),
        min(w, left * step),
        min(w, (right - 1) * step + 1),
    )


#: A turned picture's angle is found, and the picture straightened, on its luma halved
#: (each pixel the mean of a 2 x 2 block, OpenCV's fast case) as often as the short side
#: stays at least ``ANGLE_SIDE``: 430 x 640 for a 1280 x 860 upload. Measured on large
#: benign turned pictures (1,000-4,000 px; issue 13, eighth round): ``deskewed`` hashes
#: straightened at 384-768 px are as close to the original's (90 of 100 copies within 31
#: bits) as at 512 px, but at 256 px only 79 of 100 are, and a fine texture's PDQ
#: (scikit-image's brick) moves by 46 bits at 320 px from its own at 512 px.
ANGLE_SIDE = 384


def _binned(pixels: npt.NDArray[np.generic], short_side: int) -> npt.NDArray[np.uint8]:
    """``pixels`` halved (each pixel the mean of a 2 x 2 block) while its short side stays
    at least ``short_side``: OpenCV's area filter is fast only for a factor of two, a
    fortieth of the cost of a fractional factor."""
    arr = _as_uint8(pixels)
    while min(arr.shape[:2]) // 2 >= short_side:
        h, w = arr.shape[:2]
        block = arr[: h // 2 * 2, : w // 2 * 2]
        arr = np.asarray(cv2.resize(block, (w // 2, h // 2), interpolation=cv2.INTER_AREA))
    return arr


def _as_uint8(pixels: npt.NDArray[np.generic]) -> npt.NDArray[np.uint8]:
    """The picture in 8 bits (itself when it is)."""
    if pixels.dtype == np.uint8:
        return cast("npt.NDArray[np.uint8]", pixels)
    out: npt.NDArray[np.uint8] = np.clip(pixels, 0, 255).astype(np.uint8)
    return out


@lru_cache(maxsize=32)
def _dense_operator(length: int) -> npt.NDArray[np.float64]:
    """PDQ's 64 x ``length`` filter-and-sample matrix for an axis (read-only)."""
    dense: npt.NDArray[np.float64] = axis_operator(length).dense()
    dense.setflags(write=False)
    return dense


@lru_cache(maxsize=32)
def _operator_reach(length: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """For each pixel of an axis of ``length``, the first and last of PDQ's 64 grid lines
    whose filter reads it (``_dense_operator``'s non-zero rows of that column; a pixel no
    line reads has first 64 and last -1)."""
    read = _dense_operator(length) != 0
    anywhere = read.any(axis=0)
    first = np.where(anywhere, np.argmax(read, axis=0), read.shape[0]).astype(np.intp)
    last = np.where(anywhere, read.shape[0] - 1 - np.argmax(read[::-1], axis=0), -1)
    last = last.astype(np.intp)
    first.setflags(write=False)
    last.setflags(write=False)
    return first, last


#: A picture is hashed from the first one's filtered grid plus its difference while the
#: boxes around where they differ (one per cell of a 4 x 4 grid: the fills differ in the
#: lost corners and along the edges the turn blends) cover at most this much of it.
SHARED_GRID_FRACTION = 0.5
_SHARED_CELLS = 4


def _pdq_of_fills(
    pictures: list[npt.NDArray[np.uint8] | None],
    differ: list[tuple[int, int, int, int]] | None = None,
) -> list[PdqResult | None]:
    """The PDQ of each picture (None for None), for pictures that are mostly the same: the
    straightened copies of one turned query, which differ only in the corners the frame
    cut off. PDQ's filtering is linear, so each picture after the first that has the
    first's shape is hashed from the first's 64 x 64 grid plus the filtered difference,
    taken only over a box around where the two differ in each cell of a 4 x 4 grid: one
    full filtering instead of one a fill (the same grid up to rounding; a test compares
    with hashing each picture on its own)."""
    out: list[PdqResult | None] = []
    base: npt.NDArray[np.uint8] | None = None
    grid: npt.NDArray[np.float64] | None = None
    for pic in pictures:
        if pic is None:
            out.append(None)
            continue
        if base is None or grid is None or pic.shape != base.shape or pic.ndim != 2:
            if base is None and pic.ndim == 2 and min(pic.shape) >= MIN_SIDE:
                base, grid = pic, luma_64(pic)
                out.append(pdq_from_grid(grid))  # pdq_from_pixels, keeping the grid
            else:
                out.append(pdq_from_pixels(pic))
            continue
        h, w = pic.shape
        # Where the two differ: ``differ`` when the caller knows (``_straightened_fills``'
        # boxes), else a box in each cell of a 4 x 4 grid around the differing pixels.
        boxes = differ if differ is not None else _outside_boxes(cv2.absdiff(pic, base) > 0)
        if sum((b - a) * (d - c) for a, b, c, d in boxes) > SHARED_GRID_FRACTION * h * w:
            out.append(pdq_from_pixels(pic))
            continue
        rows_op, cols_op = _dense_operator(h), _dense_operator(w)
        row_reach, col_reach = _operator_reach(h), _operator_reach(w)
        g = grid.copy()
        for r0, r1, c0, c1 in boxes:
            # Only the grid cells whose filter window meets the box: the operators are
            # banded, and every other cell's share of the difference is exactly zero.
            a, b = int(row_reach[0][r0:r1].min()), int(row_reach[1][r0:r1].max()) + 1
            c, d = int(col_reach[0][c0:c1].min()), int(col_reach[1][c0:c1].max()) + 1
            delta = pic[r0:r1, c0:c1].astype(np.float64) - base[r0:r1, c0:c1]
            rows, cols = rows_op[a:b, r0:r1], cols_op[c:d, c0:c1]
            # The cheaper order of the two products: a box 160 wide and 12 high costs a
            # quarter as much reduced along its long side first.
            if r1 - r0 >= c1 - c0:
                g[a:b, c:d] += (rows @ delta) @ cols.T
            else:
                g[a:b, c:d] += rows @ (delta @ cols.T)
        out.append(pdq_from_grid(g))
    return out


#: Trimmed queries of a picture whose short side is longer are cut from a copy reduced to
#: this (area filter); PDQ loses nothing above ~512 px (docs/signals.md), and an upload
#: with bands of its own may give several trims.
HASH_SIDE = 512


def pdq_variants(pixels: npt.NDArray[np.generic]) -> list[Variant]:
    """The derived queries of a picture that differ from it: ``trimmed``, ``deskewed``.

    Bands and turns are detected on a decimated copy at most ``DETECT_SIDE`` pixels long;
    a trimmed picture is cut from the input (from a copy whose short side is
    ``HASH_SIDE`` when the input is larger: several trims of a 12 MP photo would otherwise
    cost several full-size PDQs) and hashed; when the decimated copy's corners show a fill,
    the angle is found, and the picture straightened, on a luma copy halved to a short
    side of at least ``ANGLE_SIDE`` (PDQ reads 64 x 64 cells). Each trim rule of
    ``TRIM_RULES`` whose box differs from those before it is one query; each fill of
    ``DESKEW_QUERY_FILLS`` whose hash differs is one ``deskewed`` query. The trims are
    looked for only when an edge could start a band (``_a_band_may_start``)."""
    small, step = _decimated(pixels, DETECT_SIDE)
    grey_full: list[npt.NDArray[np.uint8]] = []  # the luma PDQ reads, made once if needed

    def grey() -> npt.NDArray[np.uint8]:
        if not grey_full:
            grey_full.append(_grey(pixels))
        return grey_full[0]

    deskewed: list[Variant] = []
    found: tuple[float, float, float] | None = None
    if _corners_show_fill(small):  # maybe turned
        # The angle is found once, on a halved luma copy. PDQ reads only the luma, a
        # weighted sum of the channels: reducing, turning and filling the luma alone gives
        # it the same picture, for a third of the work (issue 13, seventh round).
        turn_copy = _binned(grey(), ANGLE_SIDE)
        found = estimate_rotation(turn_copy)
        if found is not None:
            seen_hashes: set[str] = set()
            pictures, differ = _straightened_fills(turn_copy, *found, DESKEW_QUERY_FILLS)
            for fill in _pdq_of_fills(pictures, differ):
                if fill is None:
                    continue
                if fill.quality >= MIN_QUALITY and fill.hash.hex not in seen_hashes:
                    seen_hashes.add(fill.hash.hex)
                    deskewed.append(Variant("deskewed", fill.hash, fill.quality))
    if not _a_band_may_start(small, few_tone=found is None):
        # No rule would trim anything (or, for a picture found turned, only a few-tone
        # rule might: a turn's fill beside the picture's edge reads as a few-tone bar)
        return deskewed
    return _trimmed(pixels, small, step, grey) + deskewed


#: The margin (luma levels) by which ``_a_band_may_start`` widens the rules' first-line
#: tests: its lines' luma is computed apart from the whole copy's, which may round the
#: last bit differently.
_EDGE_MARGIN = 1e-3


def _a_band_may_start(small: npt.NDArray[np.generic], few_tone: bool = True) -> bool:
    """Whether any rule of ``TRIM_RULES`` could trim the decimated copy ``small``: every
    rule starts a band only at an edge whose outermost line is at least
    ``START_FRACTION`` within ``TOLERANCE`` of its median (the tight rule's tolerance is
    smaller), or, for the few-tone rules, has ``FEW_TONE_FRACTION`` of its pixels in
    ``FEW_TONES`` tone bins. When no edge's outermost line passes either test, every
    rule's box is the whole picture and the trims give no query: the copy's luma and the
    seven rules (about a millisecond of a 1280 x 860 upload, where most photographs and
    every turned one end) are skipped. The tests here are those, widened by
    ``_EDGE_MARGIN`` (a pixel near a tone bin's edge counts in both bins), so they never
    answer no where the rules would trim. ``few_tone=False``: only the uniform-line test
    (the few-tone rules are then not asked: ``pdq_variants`` does so for a picture found
    turned, whose fill beside a dark or flat edge of the picture passes the few-tone
    test at most edges, and which the ``deskewed`` queries match)."""
    sh, sw = small.shape[:2]
    for line in (small[0], small[sh - 1], small[:, 0], small[:, sw - 1]):
        y = luma(line[None])[0]
        colour = _median(y)
        near = np.count_nonzero(np.abs(y - colour) <= TOLERANCE + _EDGE_MARGIN)
        if near >= START_FRACTION * y.size:
            return True
        if not few_tone:
            continue
        low = np.clip(y - _EDGE_MARGIN, 0, 255).astype(np.int64) // TONE_BIN
        high = np.clip(y + _EDGE_MARGIN, 0, 255).astype(np.int64) // TONE_BIN
        bins = 256 // TONE_BIN
        head = np.bincount(low, minlength=bins)
        head += np.bincount(high[high != low], minlength=bins)
        if np.sort(head)[-FEW_TONES:].sum() >= FEW_TONE_FRACTION * y.size:
            return True
    return False


def _corners_show_fill(small: npt.NDArray[np.generic]) -> bool:
    """``_corner_background`` of the decimated copy's luma, read from its four corners
    alone (the same patches, the same luma): a plain upload's answer without the whole
    copy's luma, which a picture found turned never needs."""
    return _background_of_corners([luma(c) for c in _corner_patches(small)]) is not None


def _trimmed(
    pixels: npt.NDArray[np.generic],
    small: npt.NDArray[np.generic],
    step: int,
    grey: Callable[[], npt.NDArray[np.uint8]],
) -> list[Variant]:
    """The ``trimmed`` queries: each rule of ``TRIM_RULES`` whose box (found on the
    decimated copy ``small``, every ``step``-th pixel of ``pixels``) differs from those
    before it, cut from the luma ``grey()`` and hashed."""
    out: list[Variant] = []
    h, w = pixels.shape[:2]
    sh, sw = small.shape[:2]
    seen: set[tuple[int, int, int, int]] = {(0, sh, 0, sw)}
    y = luma(small)  # once for every rule
    work: tuple[npt.NDArray[np.generic], float] | None = None
    shared: _BandCache = {}  # what the rules share, computed once
    for rule in TRIM_RULES:
        box = trim_box(y, rule=rule, cache=shared)
        if box in seen:
            continue
        seen.add(box)
        top, bottom, left, right = _full_box(box, step, h, w)
        if min(bottom - top, right - left) < MIN_SIDE:
            continue
        if work is None:
            # Cut from the luma (all PDQ reads), halved while the short side stays at
            # least HASH_SIDE: a fractional area reduction of the colour picture cost
            # about 5 ms for a 1280 x 860 upload (issue 13, ninth round).
            halved = _binned(grey(), HASH_SIDE)
            work = (halved, w / halved.shape[1])
        copy, f = work
        top, bottom, left, right = (round(v / f) for v in (top, bottom, left, right))
        r = pdq_from_pixels(np.ascontiguousarray(copy[top:bottom, left:right]))
        if r.quality >= MIN_QUALITY:
            out.append(Variant(rule.name, r.hash, r.quality))
    return out

"""Geometric verification of two views: do they show the same place?

Tentative correspondences are RootSIFT nearest neighbours that pass Lowe's ratio test and
are mutual (each point used once). Two models are then fitted with MAGSAC++
(``cv2.USAC_MAGSAC``): a homography, which explains planar scenes (a wall, a poster, a
re-photographed print) and any view from the same camera centre, and a fundamental matrix,
which explains a rigid 3-D room seen from two places. The verdict counts the inliers of the
better-supported model; random correspondences rarely agree with either model, and the
thresholds below come from the inlier distributions measured in ``bench/link.py``.

Repeated patterns (tiles, checkerboards, wallpaper, the same word in the same font) are
what makes two different places agree: their keypoints look alike within each picture, so
a model can pair them up in many ways, and a fundamental matrix, which only puts a point
on a line, can gather a few such clusters into 30-55 inliers. Two tests refuse such links
(chosen on one generated collection, measured on another: ``bench/link_heldout.py``):

- *distinctive inliers*: an inlier counts as distinctive when its match is clearly closer
  than any other keypoint of its own picture (the ratio test, turned inwards); at least
  half the inliers must be distinctive;
- *coverage*: the inliers must fall in enough distinct cells of a grid over both pictures
  (a place is more than one small object), and many more for a fundamental-matrix link,
  since a 3-D room seen from two places agrees all over, and repeated patches in a few
  spots.

One object seen in two places (the same checkerboard or poster) passes both: its
keypoints are distinctive and can spread over several cells. Two more tests ask whether
the rest of the shared view agrees (chosen on the wrong links of a 10,000-picture run):

- *overlap* (homography links): the inliers must be a fair share of the keypoints the
  homography maps inside the other picture, and their hull a fair share of the overlap;
- *inlier ratio* (fundamental-matrix links): F only puts a point on a line, so in one
  rigid scene it absorbs nearly every match; a low ratio means a subset was fitted.

An identical *distinctive* object that fills much of a close-up (a shared poster in a
crop) passed these: on a held-out generator with such posters, 28 of 7,857 links were
wrong. One more test asks for context beyond the matched region:

- *region cover* (every link): the matched planar regions (the link's homography, or the
  dominant plane among a fundamental-matrix link's inliers, plus a second, disjoint plane
  when the remaining inliers hold one) must cover a fair share of the view the pictures
  share. It refused 170 of 177 wrong links of a 10,000-picture run; objects that fill
  a third or more of the shared view still link two places (docs/benchmarks.md). A
  link with many inliers needs a smaller share: one wall of a room seen again is a
  large, densely matched plane, while a shared poster gives a few dozen inliers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import cv2
import numpy as np
import numpy.typing as npt

from safeguard.link.features import PlaceFeatures, mirrored
from safeguard.signals.local import fit_model as _fit
from safeguard.signals.local import spread as _spread
from safeguard.signals.local import tentative_matches

F32 = npt.NDArray[np.float32]
Model = Literal["homography", "fundamental", "none"]
Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class VerifyOptions:
    #: Lowe's ratio: nearest over second-nearest descriptor distance.
    ratio: float = 0.8
    #: Inlier distance in working-frame pixels (reprojection for H, Sampson for F).
    homography_px: float = 4.0
    fundamental_px: float = 1.5
    confidence: float = 0.999
    max_iters: int = 5000
    #: Homography inliers that make a link. 15 at first; bench/link.py then found chance
    #: links between generated rooms (same-font words) at 15-19 inliers, and 20 kept group
    #: recall above 0.9 there (bench/results/link-threshold-sensitivity.json).
    min_homography_inliers: int = 20
    #: Fundamental-matrix inliers that make a link: F constrains a point to a line, so
    #: chance agreement is higher than for H and the bar is higher too.
    min_fundamental_inliers: int = 30
    #: Inliers over tentative matches: repeated patterns (the same word or tile in two
    #: places) give many matches of which few agree. COLMAP's two-view default.
    min_inlier_ratio: float = 0.25
    #: Spread of the inliers across their minor axis (standard deviation, working-frame
    #: pixels) in both pictures. Points along one line (a word, an edge) are the
    #: degenerate case of both models: many homographies fit them.
    min_spread_px: float = 8.0
    #: An inlier is distinctive when its match distance is below this times the distance
    #: from its keypoint to the nearest other keypoint of the same picture (both sides).
    self_ratio: float = 0.7
    #: Distinctive inliers over inliers that make a link (0 turns the test off).
    min_distinct_fraction: float = 0.5
    #: How a keypoint's twin is measured (``distinctive``): ``"own"`` within its own
    #: picture, ``"cross"`` from its match's descriptor in the other picture. Noise, grain
    #: or a blend on one side lengthens matches but not the clean picture's own distances,
    #: so "own" refuses such views: on the first shortlist round of six seen builds "cross"
    #: gave 8-42 more pictures a same-place link and no new wrong pair between ordinary
    #: places (bench/results/link-twin-distance.json). On held-out v17 it let through
    #: repeated rows of seats and identical fire engines: of its plain links, "own" would
    #: have refused 77 of 1,789 right ones and 30 of 191 wrong ones (26 of 98 between
    #: ordinary places), so "own" stays the default.
    twin_distance: Literal["own", "cross"] = "own"
    #: Grid cell (working-frame pixels) and distinct cells a fundamental-matrix link's
    #: inliers must fall in, in both pictures (0 turns the test off). On the development
    #: collection different places reached at most 10 cells, the real stereo pairs 63-201
    #: (bench/link_heldout.py).
    cell_px: float = 32.0
    min_fundamental_cells: int = 16
    #: Distinct cells any link's inliers must fall in: a place is more than one small
    #: object (an identical checker patch in two rooms gave 39-51 homography inliers in 4
    #: cells; 13 of 4,820 same-place homography links had 6 cells or fewer).
    min_cells: int = 6
    #: A homography link's inliers over the keypoints it maps inside the other picture
    #: (the fewer side), and the inliers' convex hull over the mapped overlap (0 turns
    #: each off). One object seen in two places (an identical checkerboard, a shelf)
    #: agrees; the rest of the overlap does not. At 10,000 generated pictures 6 wrong
    #: homography links had 0.054-0.071 and 0.11-0.32; of 1,500 same-place links 2 %
    #: fell below either bound, the real pairs had 0.20-0.69 and 0.28-0.88.
    min_overlap_support: float = 0.08
    min_overlap_cover: float = 0.15
    #: Inliers over tentative matches of a fundamental-matrix link. F only puts a point on
    #: a line, so in one rigid scene it absorbs nearly every match (same-place F links
    #: 0.77-0.93, the real stereo pairs 0.83 and 0.96); the two wrong F links at 10,000
    #: pictures (a tiled floor and shared checkerboards) explained 0.48 and 0.64.
    min_fundamental_inlier_ratio: float = 0.7
    #: Neighbourhood preservation (``neighbour_preservation``) a fundamental-matrix link
    #: needs (0 turns the test off). F only puts a point on a line: matches along rows of
    #: look-alike blobs (an app's icons, a calendar's days) satisfy the F of a sideways
    #: move whichever blob each meets, so their neighbours in one picture are not their
    #: neighbours in the other; a rigid scene moves smoothly and keeps them. Held-out
    #: v29's wrong F links (16, most between two screenshots of one app) kept 0.45-0.98,
    #: its right ones (49) 0.61-0.97; seen v27 rebuilt: right 0.52-0.98 (p5 0.58), wrong
    #: 0.42-0.74 (3); the real stereo pairs 0.94 (aloe, motorcycle). At 0.5 the bar
    #: refused 4 of v29's wrong links and 1 of v27's, no right one; at 0.6, 9 and 1, and
    #: 15 right links of v27 (bench/link_neighbours.py, docs/benchmarks.md).
    min_fundamental_neighbours: float = 0.5
    #: Nearest inliers (in each picture) that the preservation is measured over.
    neighbour_count: int = 6
    #: Region cover: the matched planar regions (the link's homography, or the dominant
    #: plane among a fundamental-matrix link's inliers, and a second plane among the
    #: remaining inliers when there is one) over the area where the two views overlap
    #: under the first plane (0 turns it off). One identical flat object (a poster) in two
    #: rooms covers its own area; a re-photograph of one place covers most of the shared
    #: view. Chosen on the 177 wrong links of the 10,000-picture generator-v4 run: wrong
    #: homography links 0.15-0.42 (all but 8 below 0.3), wrong fundamental-matrix links'
    #: dominant planes 0.02-0.23; 4 of 300 same-place links below 0.3; the real pairs
    #: 0.38-0.88 (Leuven 0.28 with its first plane, above 0.3 with its second).
    min_region_cover: float = 0.3
    #: A link with this many inliers or more needs only ``min_region_cover_many`` (0
    #: inliers: off). One wall of a room seen again (a dominant plane, the rest of the
    #: room at many depths with few matches) covers 0.2-0.3 of the shared view with
    #: 50-250 inliers: on the seen generators v11, v13 and v14 the bar of 0.3 refused
    #: 1,061-1,692 such same-place pairs of the first shortlist round each. A poster or
    #: window shared by two rooms covers as much with fewer inliers: on a 1,750-picture
    #: generator-v4 collection (four posters recurring between rooms) the different-place
    #: pairs in that band had 20-38 inliers (bench/results/link-region-band.json). On
    #: held-out v15 it made 854 right and 79 wrong links, 2 of them between ordinary
    #: places: laundrettes whose walls of identical washing machines matched.
    region_cover_inliers: int = 50
    min_region_cover_many: float = 0.2
    #: The shared view under the first plane over each whole picture, below which the
    #: region cover counts as 0 (one of the 177 wrong links shared 0.5 % of one picture;
    #: same-place links shared at least 21 %).
    min_overlap_fraction: float = 0.1
    #: Inliers the dominant plane of a fundamental-matrix link needs for the region
    #: cover to apply (fewer: a scene of many depths, and the test is skipped).
    min_plane_inliers: int = 10
    #: Inliers a second plane needs to count towards the region cover.
    min_second_plane_inliers: int = 20
    #: Margin (working-frame pixels) around the first plane's inliers that the second
    #: plane's matches must stay out of, in both pictures: a disjoint region.
    second_plane_margin_px: float = 8.0
    #: Also match b's descriptors as they are in b's mirror image (``features.mirrored``)
    #: and verify whichever of the two gives more tentative matches: a picture published
    #: mirrored (a selfie camera, an edit) shows the same place, and SIFT alone does not
    #: see it (on generator v6, mirrored views never linked). Keypoint positions stay as
    #: they are; the homography or fundamental matrix then includes the reflection.
    mirror: bool = True
    #: The mirrored matches must outnumber the plain ones by this factor: a symmetric
    #: pattern (a checkerboard shared by two rooms) matches about as well either way, and
    #: its mirrored inliers are a different, unintended set (tests/link/test_overlap.py:
    #: 76 against 72); a mirrored picture matches far better mirrored (the scikit-image
    #: motorcycle against its mirror image: 1,372 against 72).
    mirror_margin: float = 1.5
    #: Burnt-in overlays (``link.overlays``): a tentative match whose keypoints lie
    #: within this share of the frame's width and height of the same frame position in
    #: both pictures, one of them in a burnt-in frame bin (``overlay_a``/``overlay_b`` of
    #: ``verify``), is dropped before any model is fitted (0 turns it off).
    overlay_tolerance: float = 0.01
    #: A link with this many inliers or more may instead pass the overlap and region
    #: tests over the shared view's *textured* part (``textured_cover``: the grid cells,
    #: ``texture_cells`` along the long side, where both pictures have keypoints), with
    #: a region cover of ``min_region_cover_textured`` (0 inliers: off). An occluder
    #: without texture (a doorway's out-of-focus wall, a dark corner) then does not count
    #: as shared view that failed to agree. Fewer inliers are not enough: a poster on a
    #: plain wall in two rooms covers most of their shared texture too (on a
    #: 1,750-picture generator-v4 collection with four recurring posters, the
    #: first-round different-place pairs linked were 7 by area, 25 with the textured
    #: cover from 1 inlier at a bar of 0.3, 7 again from 50 inliers at 0.5;
    #: bench/results/link-texture-cover.json).
    texture_cover_inliers: int = 50
    min_region_cover_textured: float = 0.5
    #: ... and its inliers' hull must fill this share of both frames (``hull_share``): an
    #: object in a close-up (a checkerboard, 2-5 % of the frame) is not a doorway's view
    #: of a room (17-26 %).
    min_texture_hull_share: float = 0.1
    texture_cells: int = 24
    #: Fewer textured shared cells than this: the covers are measured by area.
    min_texture_cells: int = 8


DEFAULT_VERIFY = VerifyOptions()


@dataclass(frozen=True, slots=True)
class Verification:
    """Evidence of one verified (or rejected) view pair."""

    model: Model
    inliers: int
    matches: int
    #: ``inliers / min(keypoints)``: a 0..1 strength comparable across picture sizes.
    score: float
    linked: bool
    #: Bounding boxes of the inlier points, in original pixels of each picture.
    region_a: Box | None = None
    region_b: Box | None = None
    #: The homography from a to b in working-frame pixels, when that model won.
    homography: tuple[float, ...] | None = None
    #: Inliers distinctive within their own pictures (counted only for candidate links).
    distinct: int | None = None
    #: Distinct grid cells the inliers fall in (the fewer of the two pictures).
    cells: int | None = None
    #: A homography link's inliers over the keypoints the homography puts inside the
    #: other picture (the fewer side): how much of the overlap agrees.
    overlap_support: float | None = None
    #: The inliers' convex hull over the overlap area (in b), for a homography link.
    overlap_cover: float | None = None
    #: The matched planar regions over the shared view (``planar_regions``), for a link
    #: that passed the other tests.
    region_cover: float | None = None
    #: Inliers of the second, disjoint plane that counted towards the region cover (0:
    #: the matched region is one plane; None when the region cover was not measured).
    second_plane: int | None = None
    #: Whether the pair passed the inlier, ratio and spread tests before the repeated-
    #: pattern tests (distinctive inliers, coverage); for measuring them.
    linked_before_repeat_tests: bool | None = None
    #: Whether b was matched as its mirror image (``VerifyOptions.mirror``).
    mirrored: bool = False
    #: The chosen model's inliers as keypoint indices of a and of b (b as stored, even
    #: when matched mirrored); only for links (``linked``), for the common-content test.
    inliers_a: tuple[int, ...] | None = None
    inliers_b: tuple[int, ...] | None = None
    #: Tentative matches dropped as burnt-in overlay (``link.overlays``).
    overlay: int = 0
    #: ``overlap_cover`` and ``region_cover`` over the shared view's textured cells
    #: (``textured_cover``; None when not measured or too few textured cells).
    overlap_cover_textured: float | None = None
    region_cover_textured: float | None = None
    #: The chosen model's inliers' convex hull over its picture's frame, the smaller of
    #: the two pictures' shares (measured for candidate links).
    hull_share: float | None = None
    #: The inliers' neighbourhood preservation (``neighbour_preservation``), measured
    #: for candidate fundamental-matrix links.
    neighbours: float | None = None


def _box(points: F32, f: PlaceFeatures) -> Box:
    """The points' bounding box in original pixels of ``f``'s file (a tile's origin
    added)."""
    lo = np.floor(points.min(axis=0) * f.scale)
    hi = np.ceil(points.max(axis=0) * f.scale)
    x, y = f.origin
    return (int(lo[0]) + x, int(lo[1]) + y, int(hi[0]) + x, int(hi[1]) + y)


def _refine_homography(
    h: npt.NDArray[np.float64],
    pa: npt.NDArray[np.float64],
    pb: npt.NDArray[np.float64],
    tight_px: float = 1.0,
    rounds: int = 3,
) -> npt.NDArray[np.float64]:
    """Least squares on the correspondences within ``tight_px`` of the model, repeated.
    MAGSAC's model at a tolerant threshold is pulled by near-inliers; on Graffiti 1->3 its
    worst corner was 6.6 px from the ground truth, 2-4 px after this refinement."""
    for _ in range(rounds):
        projected = cv2.perspectiveTransform(pa.reshape(-1, 1, 2), h).reshape(-1, 2)
        close = np.linalg.norm(projected - pb, axis=1) < tight_px
        if close.sum() < 8:
            break
        refit, _ = cv2.findHomography(pa[close], pb[close], 0)
        if refit is None:
            break
        h = np.asarray(refit, np.float64)
    return h


def cells(points: npt.NDArray[np.float64], cell_px: float) -> int:
    """Distinct ``cell_px`` grid cells the points fall in."""
    if len(points) == 0:
        return 0
    return len(np.unique(np.floor(points / cell_px).astype(np.int64), axis=0))


def overlap_keypoints(a: PlaceFeatures, b: PlaceFeatures, h: npt.NDArray[np.float64]) -> int:
    """Keypoints of either picture that the homography ``h`` (a to b, working frames)
    puts inside the other picture: the fewer of the two. They are the points that could
    have matched if the two views showed the same place where they overlap."""

    def inside(points: F32, m: npt.NDArray[np.float64], to: PlaceFeatures) -> int:
        if len(points) == 0:
            return 0
        p = cv2.perspectiveTransform(points.reshape(-1, 1, 2).astype(np.float64), m)
        p = p.reshape(-1, 2)
        w, hh = to.width / to.scale, to.height / to.scale
        ok = (p[:, 0] >= 0) & (p[:, 0] < w) & (p[:, 1] >= 0) & (p[:, 1] < hh)
        return int(ok.sum())

    try:
        inverse = np.asarray(np.linalg.inv(h), np.float64)
    except np.linalg.LinAlgError:
        return 0
    return min(inside(a.points, h, b), inside(b.points, inverse, a))


def _frame(f: PlaceFeatures) -> F32:
    w, h = f.width / f.scale, f.height / f.scale
    return np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)


def _area(f: PlaceFeatures) -> float:
    return float(f.width / f.scale * f.height / f.scale)


def overlap_cover(
    a: PlaceFeatures,
    b: PlaceFeatures,
    h: npt.NDArray[np.float64],
    inliers_b: npt.NDArray[np.float64],
) -> float:
    """The convex hull of the inliers in picture b over the area where picture a, mapped
    by the homography ``h`` (a to b), overlaps b: near 1 when the whole shared view agrees,
    small when one object (a checkerboard, a poster) seen in two places does."""
    if len(inliers_b) < 3:
        return 0.0
    mapped = cv2.perspectiveTransform(_frame(a).reshape(-1, 1, 2), h.astype(np.float32))
    if not np.isfinite(mapped).all():
        return 0.0
    mapped = cv2.convexHull(mapped.reshape(-1, 2).astype(np.float32))
    area, _ = cv2.intersectConvexConvex(mapped, _frame(b))
    hull = cv2.contourArea(cv2.convexHull(inliers_b.astype(np.float32)))
    return float(min(1.0, hull / area)) if area > 0 else 0.0


def textured_cells(
    a: PlaceFeatures, b: PlaceFeatures, h: npt.NDArray[np.float64], cells_long: int
) -> tuple[npt.NDArray[np.bool_], float]:
    """The grid over picture b's working frame (``cells_long`` cells along its long
    side) marking the cells where both pictures have keypoints, a's mapped by the
    homography ``h`` (a to b); and the cell size in pixels. A cell where either picture
    has none (a blank or out-of-focus occluder, a dark corner) is no shared texture."""
    w, hh = b.width / b.scale, b.height / b.scale
    cell = max(w, hh) / max(1, cells_long)
    shape = (int(np.ceil(hh / cell)), int(np.ceil(w / cell)))

    def grid(points: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        out = np.zeros(shape, np.bool_)
        ok = np.isfinite(points).all(axis=1)
        ok &= (points[:, 0] >= 0) & (points[:, 0] < w) & (points[:, 1] >= 0) & (points[:, 1] < hh)
        ij = np.floor(points[ok] / cell).astype(np.int64)
        out[np.minimum(ij[:, 1], shape[0] - 1), np.minimum(ij[:, 0], shape[1] - 1)] = True
        return out

    if len(a.points) == 0 or len(b.points) == 0:
        return np.zeros(shape, np.bool_), cell
    mapped = np.asarray(
        cv2.perspectiveTransform(
            a.points.reshape(-1, 1, 2).astype(np.float64), h.astype(np.float64)
        ),
        np.float64,
    ).reshape(-1, 2)
    return grid(mapped) & grid(b.points.astype(np.float64)), cell


def textured_cover(
    textured: npt.NDArray[np.bool_],
    cell: float,
    regions: Sequence[npt.NDArray[np.float64]],
    min_cells: int,
) -> float | None:
    """The share of the ``textured`` cells (``textured_cells``) whose centre lies inside
    one of the ``regions``' convex hulls (points in b), or within half a cell of one.
    None when fewer than ``min_cells`` cells are textured."""
    rows, cols = np.nonzero(textured)
    if len(rows) < min_cells:
        return None
    centres = np.stack([(cols + 0.5) * cell, (rows + 0.5) * cell], axis=1)
    inside = np.zeros(len(centres), np.bool_)
    for points in regions:
        if len(points) >= 3:
            inside |= _near_hull(centres, points, cell / 2)
    return float(inside.mean())


def _near_hull(
    points: npt.NDArray[np.float64], hull_of: npt.NDArray[np.float64], margin: float
) -> npt.NDArray[np.bool_]:
    """Which points lie inside the convex hull of ``hull_of`` or within ``margin`` of it."""
    if len(hull_of) < 3 or len(points) == 0:
        return np.zeros(len(points), np.bool_)
    hull = cv2.convexHull(hull_of.astype(np.float32))
    return np.array(
        [cv2.pointPolygonTest(hull, (float(x), float(y)), True) >= -margin for x, y in points],
        np.bool_,
    )


def _homography(
    pa: npt.NDArray[np.float64], pb: npt.NDArray[np.float64], options: VerifyOptions
) -> tuple[npt.NDArray[np.float64] | None, npt.NDArray[np.bool_]]:
    if len(pa) < 8:
        return None, np.zeros(len(pa), np.bool_)
    h, mask = _fit(
        lambda: cv2.findHomography(
            pa,
            pb,
            cv2.USAC_MAGSAC,
            options.homography_px,
            maxIters=options.max_iters,
            confidence=options.confidence,
        )
    )
    if h is None or h.shape != (3, 3) or len(mask) != len(pa):
        return None, np.zeros(len(pa), np.bool_)
    return h, mask.ravel().astype(np.bool_)


def planar_regions(
    a: PlaceFeatures,
    b: PlaceFeatures,
    pa: npt.NDArray[np.float64],
    pb: npt.NDArray[np.float64],
    candidates: npt.NDArray[np.bool_],
    options: VerifyOptions = DEFAULT_VERIFY,
    plane: tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]] | None = None,
) -> tuple[float | None, int, float | None]:
    """How much of the shared view the link's planar regions cover, in picture b.

    The first plane is ``plane`` (a homography a to b and its inlier mask over the
    matches ``pa``/``pb``) or, when not given, the homography fitted to the
    ``candidates`` (a fundamental-matrix link's inliers). A second plane is fitted to the
    candidates that lie away from the first plane's inliers in both pictures (a disjoint
    region: the other wall of a room, a second depth). The hull areas of both planes'
    inliers in b, over the area where a, mapped by the first plane, overlaps b: near 1
    when the shared view agrees throughout, small when one object agrees. None when the
    candidates hold no plane (a scene of many depths; the test does not apply). Second:
    the second plane's inliers (0 when none counted). Third: the same cover over the
    shared view's textured cells only (``textured_cover``; None when not measured)."""
    if plane is None:
        h1, sub = _homography(pa[candidates], pb[candidates], options)
        first = np.zeros(len(pa), np.bool_)
        first[np.flatnonzero(candidates)[sub]] = True
    else:
        h1, first = plane
    if h1 is None or first.sum() < options.min_plane_inliers:
        return None, 0, None
    mapped = cv2.perspectiveTransform(_frame(a).reshape(-1, 1, 2), h1.astype(np.float32))
    if not np.isfinite(mapped).all():
        return 0.0, 0, None
    mapped = cv2.convexHull(mapped.reshape(-1, 2).astype(np.float32))
    overlap, shared = cv2.intersectConvexConvex(mapped, _frame(b))
    if overlap <= 0 or shared is None:
        return 0.0, 0, None
    # A sliver of shared view (one object at the edge of both pictures, the rest of a
    # mapped outside b) is no evidence of a place, however well the sliver agrees.
    try:
        back = cv2.perspectiveTransform(
            shared.reshape(-1, 1, 2).astype(np.float64), np.linalg.inv(h1)
        ).reshape(-1, 2)
    except np.linalg.LinAlgError:
        return 0.0, 0, None
    fraction = min(overlap / _area(b), cv2.contourArea(back.astype(np.float32)) / _area(a))
    if not fraction >= options.min_overlap_fraction:
        return 0.0, 0, None
    area = cv2.contourArea(cv2.convexHull(pb[first].astype(np.float32)))
    hulls = [pb[first]]
    m = options.second_plane_margin_px
    rest = candidates & ~first & ~_near_hull(pa, pa[first], m) & ~_near_hull(pb, pb[first], m)
    second_inliers = 0
    if rest.sum() >= options.min_second_plane_inliers:
        _, sub = _homography(pa[rest], pb[rest], options)
        if sub.sum() >= options.min_second_plane_inliers:
            second = pb[np.flatnonzero(rest)[sub]].astype(np.float32)
            area += cv2.contourArea(cv2.convexHull(second))
            second_inliers = int(sub.sum())
            hulls.append(second.astype(np.float64))
    textured, cell = textured_cells(a, b, h1, options.texture_cells)
    by_texture = textured_cover(textured, cell, hulls, options.min_texture_cells)
    return float(min(1.0, area / overlap)), second_inliers, by_texture


def _mirror_matrix(f: PlaceFeatures) -> npt.NDArray[np.float64]:
    """The reflection x -> w - x of ``f``'s working frame (its own inverse)."""
    return np.array([[-1.0, 0.0, f.width / f.scale], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])


def mirror_image(f: PlaceFeatures) -> PlaceFeatures:
    """The features of ``f``'s picture mirrored left to right: keypoints reflected across
    the working frame, descriptors permuted (``features.mirrored``)."""
    points = f.points.copy()
    points[:, 0] = f.width / f.scale - points[:, 0]
    return replace(f, points=points, descriptors=np.asarray(mirrored(f.descriptors), np.uint8))


def own_nearest(descriptors: F32, rows: npt.NDArray[np.int32]) -> npt.NDArray[np.float32]:
    """For each keypoint in ``rows``: the distance from its descriptor to the nearest
    *other* descriptor of the same picture (inf when it has none)."""
    return nearest_other(descriptors[np.asarray(rows, np.intp)], descriptors, rows)


def nearest_other(
    queries: F32, descriptors: F32, rows: npt.NDArray[np.int32]
) -> npt.NDArray[np.float32]:
    """For each query: the distance to the nearest of ``descriptors`` but its own row in
    ``rows`` (inf when there is none). One matrix product, as in
    ``signals.local.tentative_matches``."""
    out = np.full(len(rows), np.inf, np.float32)
    if len(descriptors) < 2 or len(rows) == 0:
        return out
    d = np.ascontiguousarray(descriptors, np.float32)
    q = np.ascontiguousarray(queries, np.float32)
    idx = np.asarray(rows, np.intp)
    sq = q @ d.T
    sq *= -2.0
    sq += np.einsum("ij,ij->i", q, q)[:, None]
    sq += np.einsum("ij,ij->i", d, d)[None, :]
    sq[np.arange(len(idx)), idx] = np.inf
    np.maximum(sq, 0.0, out=sq)
    return np.asarray(np.sqrt(sq.min(axis=1)), np.float32)


def distinctive(
    ra: F32,
    rb: F32,
    pairs: npt.NDArray[np.int32],
    self_ratio: float,
    twin_distance: Literal["own", "cross"] = "own",
) -> npt.NDArray[np.bool_]:
    """Which matches are clearly closer than any twin: a keypoint on a tile or
    checkerboard has a twin in its own picture about as close as its match, so the match
    says little about which place this is. ``twin_distance="own"`` measures the twin
    within the keypoint's own picture; ``"cross"`` from the other side's descriptor (the
    match's distance to the nearest other keypoint of that picture), so noise on one side
    lengthens both distances alike, but a twin that is only fairly close then passes
    (a stricter Lowe ratio, not a test of twins)."""
    d = np.linalg.norm(ra[pairs[:, 0]] - rb[pairs[:, 1]], axis=1)
    if twin_distance == "cross":
        own = np.minimum(
            nearest_other(rb[pairs[:, 1]], ra, pairs[:, 0]),
            nearest_other(ra[pairs[:, 0]], rb, pairs[:, 1]),
        )
    else:
        own = np.minimum(own_nearest(ra, pairs[:, 0]), own_nearest(rb, pairs[:, 1]))
    return np.asarray(d < self_ratio * own, np.bool_)


def burnt_in_matches(
    a: PlaceFeatures,
    b: PlaceFeatures,
    pairs: npt.NDArray[np.int32],
    overlay_a: npt.NDArray[np.bool_] | None,
    overlay_b: npt.NDArray[np.bool_] | None,
    options: VerifyOptions = DEFAULT_VERIFY,
) -> npt.NDArray[np.bool_]:
    """Which matches (index pairs into a and b as stored) are burnt-in overlay: both
    keypoints at the same normalised frame position (within ``overlay_tolerance``), one
    of them in a burnt-in frame bin (``link.overlays``)."""
    if len(pairs) == 0:
        return np.zeros(0, np.bool_)
    ia, ib = pairs[:, 0], pairs[:, 1]
    common = np.zeros(len(pairs), np.bool_)
    if overlay_a is not None and len(overlay_a) == len(a):
        common |= overlay_a[ia]
    if overlay_b is not None and len(overlay_b) == len(b):
        common |= overlay_b[ib]
    na = a.points[ia] / np.array([a.width / a.scale, a.height / a.scale], np.float32)
    nb = b.points[ib] / np.array([b.width / b.scale, b.height / b.scale], np.float32)
    same = np.abs(na - nb).max(axis=1) <= options.overlay_tolerance
    return np.asarray(common & same, np.bool_)


def verify(
    a: PlaceFeatures,
    b: PlaceFeatures,
    options: VerifyOptions = DEFAULT_VERIFY,
    *,
    rootsift_a: F32 | None = None,
    rootsift_b: F32 | None = None,
    overlay_a: npt.NDArray[np.bool_] | None = None,
    overlay_b: npt.NDArray[np.bool_] | None = None,
    matches: npt.NDArray[np.int32] | None = None,
) -> Verification:
    """Match ``a`` against ``b`` and fit both models; never raises on degenerate input.
    ``overlay_a``/``overlay_b``: which keypoints lie in burnt-in frame bins
    (``link.overlays``); their matches at the same frame position are no evidence.
    ``matches``: tentative matches made by the caller ((m, 2) keypoint indices of a and
    b, e.g. guided ones), used instead of the ratio test's; b is then not mirrored."""
    ra = a.rootsift() if rootsift_a is None else rootsift_a
    rb = b.rootsift() if rootsift_b is None else rootsift_b
    pairs = tentative_matches(ra, rb, options.ratio) if matches is None else matches
    flipped = False
    original_b = b
    if options.mirror and matches is None:
        rb_mirrored = np.asarray(mirrored(rb), np.float32)
        pairs_mirrored = tentative_matches(ra, rb_mirrored, options.ratio)
        if len(pairs_mirrored) > options.mirror_margin * max(len(pairs), 8):
            # b is verified as its mirror image, keypoints too: every model and test
            # then sees an orientation-preserving view (MAGSAC's homography refuses
            # reflections, which left mirrored links to the fundamental matrix alone).
            pairs, rb, flipped = pairs_mirrored, rb_mirrored, True
            b = mirror_image(b)
    dropped = 0
    if options.overlay_tolerance > 0 and (overlay_a is not None or overlay_b is not None):
        fixed = burnt_in_matches(a, original_b, pairs, overlay_a, overlay_b, options)
        dropped = int(fixed.sum())
        pairs = pairs[~fixed]
    m = len(pairs)
    if m < 8:
        return Verification("none", 0, m, 0.0, False, mirrored=flipped, overlay=dropped)
    pa = a.points[pairs[:, 0]].astype(np.float64)
    pb = b.points[pairs[:, 1]].astype(np.float64)
    h, h_mask = _homography(pa, pb, options)
    f, f_mask = _fit(
        lambda: cv2.findFundamentalMat(
            pa,
            pb,
            cv2.USAC_MAGSAC,
            options.fundamental_px,
            options.confidence,
            options.max_iters,
        )
    )
    h_in = int(h_mask.sum()) if h is not None and h.shape == (3, 3) else 0
    f_in = int(f_mask.sum()) if f is not None and f.shape == (3, 3) else 0
    # A homography is the stricter model: prefer it unless F explains clearly more.
    h_ok = h_in >= options.min_homography_inliers
    f_ok = f_in >= options.min_fundamental_inliers
    mask: npt.NDArray[np.generic]  # the chosen model's inliers (bool or OpenCV's uint8)
    if h_in > 0 and (h_ok or not f_ok) and (h_in * 1.5 >= f_in or not f_ok):
        model: Model = "homography"
        inliers, mask, linked = h_in, h_mask, h_ok
    elif f_in > 0:
        model, inliers, mask, linked = "fundamental", f_in, f_mask, f_ok
    else:
        return Verification("none", 0, m, 0.0, False, mirrored=flipped, overlay=dropped)
    keep = mask.ravel().astype(bool)
    linked = (
        linked
        and inliers >= options.min_inlier_ratio * m
        and min(_spread(pa[keep]), _spread(pb[keep])) >= options.min_spread_px
    )
    before = linked
    distinct = covered = second_plane = None
    support = cover = regions = cover_t = regions_t = hull = kept = None
    if linked:
        # Only candidate links pay for the repeated-pattern tests.
        unique = distinctive(ra, rb, pairs[keep], options.self_ratio, options.twin_distance)
        distinct = int(unique.sum())
        covered = min(cells(pa[keep], options.cell_px), cells(pb[keep], options.cell_px))
        hull = round(min(_hull_share(pa[keep], a), _hull_share(pb[keep], b)), 4)
        if model == "homography" and h is not None:
            support = round(inliers / max(1, overlap_keypoints(a, b, h)), 4)
            cover = round(overlap_cover(a, b, h, pb[keep]), 4)
            textured, cell = textured_cells(a, b, h, options.texture_cells)
            cover_t = textured_cover(textured, cell, [pb[keep]], options.min_texture_cells)
            if cover_t is not None:
                cover_t = round(cover_t, 4)
        linked = (
            distinct >= options.min_distinct_fraction * inliers
            and covered >= options.min_cells
            and (model != "fundamental" or covered >= options.min_fundamental_cells)
        )
        if model == "fundamental":
            linked = linked and inliers >= options.min_fundamental_inlier_ratio * m
            kept = round(neighbour_preservation(pa[keep], pb[keep], options.neighbour_count), 4)
            linked = linked and kept >= options.min_fundamental_neighbours
        if linked and options.min_region_cover > 0:
            f_keep = (
                f_mask.ravel().astype(bool)
                if f is not None and f.shape == (3, 3) and len(f_mask) == m
                else np.zeros(m, bool)
            )
            if model == "homography" and h is not None:
                regions, second_plane, regions_t = planar_regions(
                    a, b, pa, pb, keep | f_keep, options, (h, keep)
                )
            else:
                regions, second_plane, regions_t = planar_regions(a, b, pa, pb, keep, options)
            if regions is not None:
                regions = round(regions, 4)
                regions_t = None if regions_t is None else round(regions_t, 4)
        if linked:
            linked = covered_by_area(support, cover, regions, inliers, options) or (
                0 < options.texture_cover_inliers <= inliers
                and hull >= options.min_texture_hull_share
                and covered_by_texture(support, cover_t, regions, regions_t, options)
            )
    if model == "homography" and h is not None:
        h = _refine_homography(h, pa, pb)
        if flipped:  # from a to b as it is, not to its mirror image
            h = _mirror_matrix(b) @ h
    score = inliers / max(1, min(len(a), len(b)))
    return Verification(
        model=model,
        inliers=inliers,
        matches=m,
        score=round(float(score), 4),
        linked=linked,
        region_a=_box(a.points[pairs[keep, 0]], a),
        region_b=_box(original_b.points[pairs[keep, 1]], original_b),
        homography=(
            tuple(float(x) for x in h.ravel()) if model == "homography" and h is not None else None
        ),
        distinct=distinct,
        cells=covered,
        overlap_support=support,
        overlap_cover=cover,
        region_cover=regions,
        second_plane=second_plane if regions is not None else None,
        linked_before_repeat_tests=before,
        mirrored=flipped,
        inliers_a=tuple(int(x) for x in pairs[keep, 0]) if linked else None,
        inliers_b=tuple(int(x) for x in pairs[keep, 1]) if linked else None,
        overlay=dropped,
        overlap_cover_textured=cover_t,
        region_cover_textured=regions_t,
        hull_share=hull,
        neighbours=kept,
    )


def neighbour_preservation(
    pa: npt.NDArray[np.float64], pb: npt.NDArray[np.float64], k: int = 6
) -> float:
    """How well matched points keep their neighbours: for each point, the share of its
    ``k`` nearest other points in picture a (``pa``) that are among its ``k`` nearest in
    picture b (``pb``, row i matching row i), averaged (1: every neighbourhood kept;
    near ``k / n`` for random correspondences). The local consistency of "locality
    preserving matching" (Ma et al., IJCV 2019), asked of a link's inliers."""
    n = len(pa)
    if n < 3 or len(pb) != n:
        return 1.0
    k = max(1, min(k, n - 1))

    def nearest(p: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
        d2 = ((p[:, None, :] - p[None, :, :]) ** 2).sum(axis=2)
        np.fill_diagonal(d2, np.inf)
        return np.argpartition(d2, k - 1, axis=1)[:, :k]

    na, nb = nearest(pa), nearest(pb)
    shared = (na[:, :, None] == nb[:, None, :]).any(axis=2).sum(axis=1)
    return float(shared.mean() / k)


def _hull_share(points: npt.NDArray[np.float64], f: PlaceFeatures) -> float:
    """The convex hull of ``points`` over the picture's working frame."""
    if len(points) < 3:
        return 0.0
    return float(cv2.contourArea(cv2.convexHull(points.astype(np.float32))) / _area(f))


def covered_by_area(
    support: float | None,
    cover: float | None,
    regions: float | None,
    inliers: int,
    options: VerifyOptions,
) -> bool:
    """The overlap tests (homography links: ``support`` and ``cover`` measured) and the
    region cover (when measured), over the whole shared view."""
    if (
        support is not None
        and cover is not None
        and (support < options.min_overlap_support or cover < options.min_overlap_cover)
    ):
        return False
    if regions is None:
        return True
    return regions >= options.min_region_cover or (
        0 < options.region_cover_inliers <= inliers and regions >= options.min_region_cover_many
    )


def covered_by_texture(
    support: float | None,
    cover_t: float | None,
    regions: float | None,
    regions_t: float | None,
    options: VerifyOptions,
) -> bool:
    """The same tests over the shared view's textured cells (``textured_cover``), with
    ``min_region_cover_textured``; False where they were not measured."""
    if support is not None and (
        support < options.min_overlap_support
        or cover_t is None
        or cover_t < options.min_overlap_cover
    ):
        return False
    if regions is None:
        return True
    return regions_t is not None and regions_t >= options.min_region_cover_textured

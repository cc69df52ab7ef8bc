"""Conflicting content: what one picture's place has of its own, missing from the other.

Places built from one template (the sheds of one allotment site, the rooms of one hotel
chain, the boxes of one stadium) are identical wherever the template is: its walls, its
fittings, its floor. A link between two of them rests on the template and passes every
test of the pair (``link.verify``); the common-content test (``link.common``) does not
find the template elsewhere either, because its candidates are found by what the pair
shares, and it is shared by a handful of places, each seen in distorted views. On
held-out generator v20, 115 of 123 wrong links were of that kind.

What tells them apart is what each place has of its own: the occupant's tools and
packets, the view from the window. The collection says what a picture's place has: the
keypoints that the picture's *other* links match (its **confirmed** keypoints). Where two
pictures of one place overlap, the content one of them shares with the rest of its place
is in the other picture too; where a look-alike overlaps it, that content is missing
(Heinly, Dunn & Frahm, "Correcting for duplicate scene structure in sparse 3D
reconstruction", ECCV 2014, look for such conflicting observations between two
reconstructions).

For each side of a link, the confirmed keypoints inside its inliers' convex hull that are
not inliers of the link are **looked for** in the other picture: their spot there is
predicted by an affine map fitted to their ``neighbours`` nearest inliers (the local
geometry of the link: a plane, or a small patch of a 3-D room), and one is **found** when
the other picture has a keypoint within ``radius_px`` of that spot whose descriptor is as
near as the link's own inliers are (``percentile`` of their distances: a noisy or dark
view's inliers are far from their partners, and so are the missing keypoints' partners).
Found again, a keypoint was only lost to the ratio test or to the view's distortion. What
is left **missing** is counted over the confirmed keypoints in the hull. A link is
refused when both sides miss ``max_missing`` or more of them, and each at least
``min_missing`` keypoints: a look-alike pair misses on both sides (each place's own
things), one distorted view of a place misses on its good partner's side only.

When a place's own is little (a notice and a bag in a bin store built like its
neighbour's), the share of all confirmed keypoints missing is no higher between
look-alikes than within a place seen in hard views, where much of what one distorted
view matched is noise to another. A keypoint that three or more other links match is
the place's for sure (**strongly confirmed**), and a second rule counts those alone: a
link is refused too when both sides miss ``max_missing_strong`` of their strongly
confirmed keypoints in the hull, and ``min_missing`` each.

The test needs other links to confirm anything: a picture that links only to this one has
no confirmed keypoints and never refuses. A build therefore also tests again the stored
links of the views it links (``revisit``), with what its new links confirm, and withdraws
those refused. ``link query`` and live linking, where the new picture has no links, do
not apply it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from safeguard.link.verify import F32


@dataclass(frozen=True, slots=True)
class ConflictOptions:
    #: Apply the test (``link build``).
    enabled: bool = True
    #: Inliers a missing keypoint's spot in the other picture is predicted from (an
    #: affine map fitted to them by least squares).
    neighbours: int = 8
    #: How far from the predicted spot (working-frame pixels) its partner may be.
    radius_px: float = 6.0
    #: The partner's descriptor must be as near as this percentile of the distances
    #: between the link's own inliers and their partners (RootSIFT).
    percentile: float = 70.0
    #: A link is refused when on both sides this share or more of the confirmed
    #: keypoints in its hull are missing from the other picture ...
    max_missing: float = 0.6
    #: ... and at least this many on each side.
    min_missing: int = 10
    #: A confirmed keypoint is *strongly* confirmed when at least this many of its
    #: view's other links match it (0 turns the second rule off). A keypoint one
    #: distorted view matched may be noise; one three views matched is the place's.
    strong_links: int = 3
    #: The second rule: a link is also refused when on both sides this share or more of
    #: the strongly confirmed keypoints in its hull are missing, and ``min_missing``
    #: each. On held-out v27 (seen since) same-place links missed a median 0.46 of their
    #: confirmed keypoints, look-alike pairs 0.53: the first rule's share cannot part
    #: them. Of the strongly confirmed ones, same-place links missed 0.28, look-alikes
    #: 0.43. On the stored builds of v23-v27, tested again as a build would
    #: (``bench/link_conflict.py``), both rules left 44 wrong links of v27's 99, 50 of
    #: v24's 109 and 382 of v23's 423 (the first rule alone: 96, 108, 422), and all of
    #: v25's 11 and v26's 7 (two ordinary places of one kind), with same-place pairs in
    #: one group as the first rule alone leaves them on all five (0.35 cost 0.0004-0.001).
    max_missing_strong: float = 0.4
    #: Test the stored links of the views a build links again too, with what the new
    #: links confirm, and withdraw those refused (``LinkStore.withdraw_links``): a link
    #: made before its places' own content was confirmed (the first pictures of two
    #: look-alikes) is then not kept for good. Without it, pictures added in batches
    #: keep links that one build of them all refuses.
    revisit: bool = True

    def __post_init__(self) -> None:
        if self.neighbours < 3:
            raise ValueError("neighbours must be at least 3 (an affine map)")
        if self.radius_px <= 0 or not 0 < self.percentile <= 100:
            raise ValueError("radius_px must be positive and percentile in (0, 100]")
        if not 0 < self.max_missing <= 1 or self.min_missing < 1:
            raise ValueError("max_missing must be in (0, 1] and min_missing at least 1")
        if self.strong_links < 0 or not 0 < self.max_missing_strong <= 1:
            raise ValueError("strong_links must be 0 or more and max_missing_strong in (0, 1]")


DEFAULT_CONFLICT = ConflictOptions()


@dataclass(frozen=True, slots=True)
class Missing:
    """One side of a link: of its confirmed keypoints inside the inliers' hull
    (``confirmed``), how many were not found in the other picture (``missing``); the
    same of its strongly confirmed ones (``ConflictOptions.strong_links``)."""

    missing: int
    confirmed: int
    strong_missing: int = 0
    strong_confirmed: int = 0

    @property
    def share(self) -> float:
        return self.missing / self.confirmed if self.confirmed else 0.0

    @property
    def strong_share(self) -> float:
        return self.strong_missing / self.strong_confirmed if self.strong_confirmed else 0.0


def inside_hull(hull: F32, points: F32) -> npt.NDArray[np.bool_]:
    """Which ``points`` lie in (or on) the convex polygon ``hull`` (cv2.convexHull's
    output, any orientation)."""
    poly = hull.reshape(-1, 2).astype(np.float64)
    if len(poly) < 3:
        return np.zeros(len(points), np.bool_)
    edges = np.roll(poly, -1, axis=0) - poly
    rel = points.astype(np.float64)[:, None, :] - poly[None, :, :]
    cross = edges[None, :, 0] * rel[:, :, 1] - edges[None, :, 1] * rel[:, :, 0]
    out: npt.NDArray[np.bool_] = np.all(cross >= -1e-9, axis=1) | np.all(cross <= 1e-9, axis=1)
    return out


def missing(
    points_x: F32,
    rootsift_x: F32,
    inliers_x: npt.NDArray[np.int64],
    points_y: F32,
    rootsift_y: F32,
    inliers_y: npt.NDArray[np.int64],
    confirmed: Collection[int] | Mapping[int, int],
    options: ConflictOptions = DEFAULT_CONFLICT,
) -> Missing:
    """Side x of a link (inliers ``inliers_x`` of x paired with ``inliers_y`` of y, in
    order; ``rootsift_y`` as matched, mirrored for a mirrored link): of x's
    ``confirmed`` keypoints inside the inliers' hull, those the link does not match and
    that are not found in y near where the link's local geometry puts them.
    ``confirmed`` may map each keypoint to how many other links matched it; those
    matched by ``strong_links`` or more are counted apart too (a plain collection
    counts each once)."""
    times: Mapping[int, int] = (
        confirmed if isinstance(confirmed, Mapping) else dict.fromkeys(confirmed, 1)
    )
    own = set(inliers_x.tolist())
    confirmed_idx = np.array(sorted(times), np.int64)
    if len(inliers_x) < options.neighbours or not len(confirmed_idx):
        return Missing(0, 0)
    src = points_x[inliers_x].astype(np.float64)
    dst = points_y[inliers_y].astype(np.float64)
    hull = np.asarray(cv2.convexHull(src.astype(np.float32)), np.float32)
    inside = confirmed_idx[inside_hull(hull, points_x[confirmed_idx])]
    unmatched = np.array([k for k in inside.tolist() if k not in own], np.int64)
    total = len(inside)
    strong = {
        k for k in inside.tolist() if options.strong_links and times[k] >= options.strong_links
    }
    if not len(unmatched):
        return Missing(0, total, 0, len(strong))
    distances = np.linalg.norm(rootsift_x[inliers_x] - rootsift_y[inliers_y], axis=1)
    bar = float(np.percentile(distances, options.percentile))
    _, near = cKDTree(src).query(points_x[unmatched].astype(np.float64), k=options.neighbours)
    partners = cKDTree(points_y.astype(np.float64))
    lost: list[int] = []
    for k, nn in zip(unmatched.tolist(), near, strict=True):
        design = np.c_[src[nn], np.ones(len(nn))]
        affine, *_ = np.linalg.lstsq(design, dst[nn], rcond=None)
        spot = np.r_[points_x[k].astype(np.float64), 1.0] @ affine
        there = partners.query_ball_point(spot, options.radius_px)
        if not there or np.linalg.norm(rootsift_y[there] - rootsift_x[k], axis=1).min() > bar:
            lost.append(k)
    return Missing(len(lost), total, len(strong.intersection(lost)), len(strong))


def conflict_rule(
    a: Missing, b: Missing, options: ConflictOptions = DEFAULT_CONFLICT
) -> str | None:
    """Which rule refuses a link whose sides miss ``a`` and ``b``, or None: ``"share"``
    when both sides miss ``max_missing`` of their confirmed keypoints in the hull, and
    ``min_missing`` each; else ``"strong"`` when both miss ``max_missing_strong`` of
    their strongly confirmed ones, and ``min_missing`` each."""
    if all(m.missing >= options.min_missing and m.share >= options.max_missing for m in (a, b)):
        return "share"
    if options.strong_links and all(
        m.strong_missing >= options.min_missing and m.strong_share >= options.max_missing_strong
        for m in (a, b)
    ):
        return "strong"
    return None


def conflicting(a: Missing, b: Missing, options: ConflictOptions = DEFAULT_CONFLICT) -> bool:
    """Whether a link whose sides miss ``a`` and ``b`` is refused (``conflict_rule``)."""
    return conflict_rule(a, b, options) is not None

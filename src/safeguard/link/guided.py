"""Guided matching for near misses: a second look at a refused pair with a few inliers.

Of the same-place pairs that verification refuses for too few inliers, about half have
10-19 homography inliers among their ratio-test matches (generator v10; docs/link.md).
The ratio test is what loses them: in a blurred, dark or re-photographed view a keypoint's
true partner is often not clearly nearer than the second nearest descriptor of the
*whole* other picture. Guided matching (Hartley and Zisserman, *Multiple View Geometry*,
4.7) fits a homography to the few inliers and matches again under it: each keypoint of a
is sent into b and paired with the nearest descriptor among b's keypoints within
``radius`` of where it lands, when that one is clearly nearer than the second nearest
*there*. The guided matches then go through ``verify``'s tests as they are, except the
distinctive-inlier test, asked of those inliers that were plain ratio-test matches too
(a guided match is chosen among a few neighbours, so it is rarely distinctive against
the whole picture).

Guided matching amplifies whatever the seed homography rests on (one catalogue sofa, a
staircase's repeated steps). On the development collections, between pictures and their
top-5 neighbours of other places, it made 14 links of 1,318 pairs (v10) and 68 of 1,539
(v11), against 2 and 7 plainly (``bench/link_guided.py``).
So a guided verification is never a link by itself: ``linking.attach_links`` uses it only
to join a picture that nothing links to a place group where two or more of the group's
pictures agree with it and no other group's does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from safeguard.link.features import PlaceFeatures, mirrored
from safeguard.link.verify import (
    DEFAULT_VERIFY,
    Verification,
    VerifyOptions,
    _box,
    _mirror_matrix,
    burnt_in_matches,
    distinctive,
    mirror_image,
    verify,
)
from safeguard.signals.local import fit_model, tentative_matches

F32 = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class GuidedOptions:
    #: Working-frame pixels around where a keypoint of a lands in b.
    radius_px: float = 6.0
    #: Nearest over second-nearest descriptor distance among b's keypoints there.
    ratio: float = 0.85
    #: Homography inliers among the ratio-test matches that make a seed.
    min_seed_inliers: int = 8
    #: Plain matches among the guided link's inliers that the distinctive-inlier test
    #: needs (fewer: refused).
    min_plain_inliers: int = 6


DEFAULT_GUIDED = GuidedOptions()


def guided_matches(
    a: PlaceFeatures,
    b: PlaceFeatures,
    ra: F32,
    rb: F32,
    h: npt.NDArray[np.float64],
    radius: float,
    ratio: float,
) -> npt.NDArray[np.int32]:
    """(m, 2) keypoint index pairs: each keypoint of a, sent into b by the homography
    ``h`` (working frames), paired with the nearest descriptor among b's keypoints within
    ``radius`` of where it lands, when that one is nearer than ``ratio`` times the second
    nearest there (or is alone there); each keypoint of b used once, by its nearest
    claimant."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((0, 2), np.int32)
    landed = cv2.perspectiveTransform(a.points.reshape(-1, 1, 2).astype(np.float64), h)
    if not np.isfinite(landed).all():
        return np.zeros((0, 2), np.int32)
    tree = cKDTree(b.points.astype(np.float64))
    best: dict[int, tuple[int, float]] = {}
    for i, near in enumerate(tree.query_ball_point(landed.reshape(-1, 2), radius)):
        if not near:
            continue
        idx = np.asarray(near, np.int64)
        d = np.linalg.norm(rb[idx] - ra[i], axis=1)
        order = np.argsort(d)
        first = float(d[order[0]])
        second = float(d[order[1]]) if len(order) > 1 else np.inf
        if first < ratio * second:
            j = int(idx[order[0]])
            if j not in best or best[j][1] > first:
                best[j] = (i, first)
    if not best:
        return np.zeros((0, 2), np.int32)
    return np.array(sorted((i, j) for j, (i, _) in best.items()), np.int32)


def near_miss(v: Verification, options: VerifyOptions = DEFAULT_VERIFY) -> bool:
    """Whether ``v`` was refused at the inlier, inlier-ratio or spread test (before the
    repeated-pattern tests): the pairs a guided pass is for."""
    return not v.linked and v.matches >= 8 and not v.linked_before_repeat_tests


def guided_verify(
    a: PlaceFeatures,
    b: PlaceFeatures,
    plain: Verification,
    options: VerifyOptions = DEFAULT_VERIFY,
    guided: GuidedOptions = DEFAULT_GUIDED,
    *,
    rootsift_a: F32 | None = None,
    rootsift_b: F32 | None = None,
    overlay_a: npt.NDArray[np.bool_] | None = None,
    overlay_b: npt.NDArray[np.bool_] | None = None,
) -> Verification | None:
    """The verification of ``a`` and ``b``'s guided matches, when ``plain``
    (``verify(a, b, options)``) is a near miss whose ratio-test matches hold a homography
    of ``guided.min_seed_inliers`` or more; None otherwise. b is taken as ``plain``
    took it (mirrored or not). ``overlay_a``/``overlay_b`` as for ``verify``: burnt-in
    matches are dropped from the seeds and from the guided matches."""
    if not near_miss(plain, options):
        return None
    ra = a.rootsift() if rootsift_a is None else rootsift_a
    rb = b.rootsift() if rootsift_b is None else rootsift_b
    original_b = b
    if plain.mirrored:
        rb = np.asarray(mirrored(rb), np.float32)
        b = mirror_image(b)
    seeds = tentative_matches(ra, rb, options.ratio)
    burnt = overlay_a is not None or overlay_b is not None
    if burnt and options.overlay_tolerance > 0:
        seeds = seeds[~burnt_in_matches(a, original_b, seeds, overlay_a, overlay_b, options)]
    if len(seeds) < 8:
        return None
    pa = a.points[seeds[:, 0]].astype(np.float64)
    pb = b.points[seeds[:, 1]].astype(np.float64)
    h, mask = fit_model(
        lambda: cv2.findHomography(
            pa,
            pb,
            cv2.USAC_MAGSAC,
            options.homography_px,
            maxIters=options.max_iters,
            confidence=options.confidence,
        )
    )
    if h is None or h.shape != (3, 3) or int(mask.sum()) < guided.min_seed_inliers:
        return None
    found = guided_matches(a, b, ra, rb, h, guided.radius_px, guided.ratio)
    if burnt and options.overlay_tolerance > 0 and len(found):
        found = found[~burnt_in_matches(a, original_b, found, overlay_a, overlay_b, options)]
    unchecked = replace(options, mirror=False, min_distinct_fraction=0.0)
    v = verify(a, b, unchecked, rootsift_a=ra, rootsift_b=rb, matches=found)
    if not v.linked or v.inliers_a is None or v.inliers_b is None:
        return v
    inliers = np.array(list(zip(v.inliers_a, v.inliers_b, strict=True)), np.int32)
    plain_pairs = {(int(x), int(y)) for x, y in seeds}
    both = inliers[[(int(x), int(y)) in plain_pairs for x, y in inliers]]
    share = (
        float(distinctive(ra, rb, both, options.self_ratio, options.twin_distance).mean())
        if len(both) >= guided.min_plain_inliers
        else 0.0
    )
    if share < options.min_distinct_fraction:
        return Verification(v.model, v.inliers, v.matches, v.score, False, mirrored=plain.mirrored)
    if plain.mirrored:  # evidence about b as it is, as ``verify`` gives it
        h_b = v.homography
        v = replace(
            v,
            mirrored=True,
            region_b=_box(original_b.points[np.asarray(v.inliers_b, np.int64)], original_b),
            homography=None
            if h_b is None
            else tuple(float(x) for x in (_mirror_matrix(b) @ np.reshape(h_b, (3, 3))).ravel()),
        )
    return v


def plain_part(
    v: Verification, ra: F32, rb: F32, options: VerifyOptions = DEFAULT_VERIFY
) -> Verification:
    """A guided link ``v`` (``guided_verify`` of a and b, with their RootSIFT ``ra`` and
    ``rb``) with only those of its inliers that are ratio-test matches of a and b too (b
    mirrored when ``v`` is): the evidence the common-content test (``link.common``) can
    look for in other pictures. It looks by ratio-test matching, and the rest of a
    guided link's inliers were chosen among a few neighbours, so they come out specific
    to the pair wherever else the content is: a degraded picture of a mass-produced
    thing, attached by 65 and 81 guided inliers, had 0.63 and 0.67 of them specific; its
    13 and 9 plain inliers, none (``tests/link/test_guided.py``)."""
    if v.inliers_a is None or v.inliers_b is None:
        return v
    seeds = tentative_matches(ra, np.asarray(mirrored(rb), np.float32) if v.mirrored else rb,
                              options.ratio)  # fmt: skip
    plain = {(int(x), int(y)) for x, y in seeds}
    both = [(x, y) for x, y in zip(v.inliers_a, v.inliers_b, strict=True) if (x, y) in plain]
    return replace(v, inliers_a=tuple(x for x, _ in both), inliers_b=tuple(y for _, y in both))

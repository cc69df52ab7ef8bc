"""Common content: matched keypoints that recur in many unrelated items of the collection.

Mass-produced surfaces are everywhere: one wallpaper, one flooring, one printed backdrop,
one catalogue's furniture stand in many places. Two pictures of two such places share
hundreds of exact, distinctive matches over whole planar regions, so every test of the
pair passes (``link.verify``), and the shared-object test (``link.objects``), made for
object-sized regions, does not apply. Text retrieval has the answer: a word that occurs in
many documents says little about which document is meant (document frequency; for visual
words, "burstiness"). Here the unit is the matched keypoint. For a candidate link, each
side's **inliers** are searched in the collection: their descriptors make a VLAD vector
of their own (``objects.region_similarities``), the ``CommonOptions.candidates`` nearest
items outside both sides' link components are matched against those inliers only, and an
inlier is **found** in a candidate when its match there agrees with a homography fitted
to the candidate's matches (the same content, not a chance neighbour). An inlier found in
``min_holders`` or more candidates is common content; the rest are **specific** to the
pair. A link needs ``min_specific_share`` of each side's inliers specific: two views of
one garden share the garden's own pots and path besides the lawn every garden has, two
gardens share only the lawn.

Whether a keypoint is found elsewhere is a noisy test: on a thing that recurs (one model
of fire engine in every station, one cinema seat in every row), some of its keypoints
match in no candidate because the candidates see it from other sides, and they come out
specific, scattered among the common ones. A place's own content is a region of its own:
its specific inliers lie next to each other. So an inlier counts as specific only where
its region is (``regional``): a specific inlier with at least half of its ``neighbours``
nearest inliers (itself included) common is counted common.

Views of a link's own place that are not linked to it yet are outside its components and
can be candidates; they find the specific inliers too. ``min_holders`` above one is what
separates a place (one unlinked view of it) from content that recurs in many places; the
price in right links is measured in ``docs/link.md`` (``bench/link_common.py``). The
neighbourhoods are every known place link's, wrong ones included: in a small collection
where a content links every place to every other, no candidate is left and the test
cannot refuse anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from safeguard.link.features import PlaceFeatures
from safeguard.link.verify import F32, VerifyOptions, _homography
from safeguard.signals.local import tentative_matches

I32 = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class CommonOptions:
    #: Items outside both sides' neighbourhoods matched against each side's inliers
    #: (0 turns the test off).
    candidates: int = 16
    #: An inlier found in this many candidates is common content.
    min_holders: int = 2
    #: Share of each side's inliers that must be specific (not common, after
    #: ``regional``).
    min_specific_share: float = 0.1
    #: The share for fundamental-matrix links (a room seen in 3-D from two spots). Two
    #: views of one room share the room's own walls and things; a link of two places
    #: resting on a thing of one make seen from a slant (photo cakes of different places
    #: on one iced board, generator v22) kept 0.11-0.44 of its own. Of the kept links on
    #: the seen stores v18-v22, fundamental links under 0.25 were 15 wrong and 6 right,
    #: homography links 5 wrong and 84 right (``docs/link.md``), so the bar is raised for
    #: these alone.
    min_specific_share_fundamental: float = 0.25
    #: The share for links that only the build's second round offered (verified query
    #: expansion, ``Link.found_by == "second_round"``): the item was not near the new
    #: view's own vector, only near a view it links to, so less speaks for the pair
    #: before it is verified. Its wrong links join two places of one kind that share
    #: the kind's things. On the seen stores v25 and v26, second-round links under 0.25
    #: were 1 and 6 wrong against 57 and 25 right, and leaving them out cost 0.001 of
    #: same-place pairs in one group (``docs/link.md``, "The second round's bar").
    min_specific_share_expanded: float = 0.25
    #: Nearest inliers in its own picture (itself included) that an inlier's label is
    #: taken over (``regional``; 1 or less: each inlier on its own).
    neighbours: int = 6
    #: Matches in one candidate agreeing with one homography that make the content
    #: found there (fewer is chance).
    min_found: int = 8
    #: Planes fitted in a candidate (a surface repeated on two walls is two planes).
    planes: int = 2
    #: Rounds of the test in a build (``linking.common_content_links``): after a round,
    #: links next to a refused link are counted again with the refused link out of the
    #: neighbourhoods (1: one round, as before the ninth round).
    rounds: int = 3


DEFAULT_COMMON = CommonOptions()


def found_in(
    points: F32,
    descriptors: F32,
    other: PlaceFeatures,
    other_descriptors: F32,
    verify_options: VerifyOptions,
    options: CommonOptions = DEFAULT_COMMON,
) -> npt.NDArray[np.bool_]:
    """Which of the keypoints (``points``, RootSIFT ``descriptors``) are found in
    ``other``: a mutual ratio-test match that agrees with one of up to ``planes``
    homographies, each fitted to at least ``min_found`` matches."""
    out = np.zeros(len(points), np.bool_)
    pairs = tentative_matches(descriptors, other_descriptors, verify_options.ratio)
    left = np.ones(len(pairs), np.bool_)
    for _ in range(options.planes):
        rows = np.flatnonzero(left)
        if len(rows) < options.min_found:
            break
        pa = points[pairs[rows, 0]].astype(np.float64)
        pb = other.points[pairs[rows, 1]].astype(np.float64)
        _, keep = _homography(pa, pb, verify_options)
        if keep.sum() < options.min_found:
            break
        out[pairs[rows[keep], 0]] = True
        left[rows[keep]] = False
    return out


def holder_counts(
    features: PlaceFeatures,
    descriptors: F32,
    inliers: Sequence[int],
    others: Sequence[tuple[PlaceFeatures, F32]],
    verify_options: VerifyOptions,
    options: CommonOptions = DEFAULT_COMMON,
) -> I32:
    """For each inlier of one side of a link: in how many of ``others`` it is found."""
    idx = np.asarray(inliers, np.int64)
    points = features.points[idx]
    desc = np.ascontiguousarray(descriptors[idx])
    counts = np.zeros(len(idx), np.int32)
    for f, d in others:
        counts += found_in(points, desc, f, d, verify_options, options)
    return regional(points, counts, options)


def regional(points: F32, counts: I32, options: CommonOptions = DEFAULT_COMMON) -> I32:
    """The holder counts of inliers at ``points`` taken over their regions: a specific
    inlier (found in fewer than ``min_holders`` items) with at least half of its
    ``neighbours`` nearest inliers, itself included, common takes the median count of
    those common neighbours. Specific inliers next to each other stay specific."""
    k = min(options.neighbours, len(counts))
    if k <= 1:
        return counts
    p = points.astype(np.float64)
    d2 = ((p[:, None, :] - p[None, :, :]) ** 2).sum(axis=2)
    near = np.argsort(d2, axis=1, kind="stable")[:, :k]
    common = counts >= options.min_holders
    out = counts.copy()
    for i in np.flatnonzero(~common):
        held = counts[near[i]][common[near[i]]]
        if 2 * len(held) >= k:
            out[i] = int(np.median(held))
    return out


def specific(counts: I32, options: CommonOptions = DEFAULT_COMMON) -> int:
    """Inliers found in fewer than ``min_holders`` other items."""
    return int((counts < options.min_holders).sum())


def specific_share(counts: I32, options: CommonOptions = DEFAULT_COMMON) -> float:
    """The share of a side's inliers that are specific (1 for a side without inliers)."""
    return specific(counts, options) / len(counts) if len(counts) else 1.0


def own_share(counts_a: I32, counts_b: I32, options: CommonOptions = DEFAULT_COMMON) -> float:
    """The smaller side's share of specific inliers: how much of a link is the pair's own."""
    return min(specific_share(counts_a, options), specific_share(counts_b, options))


def common_content(
    counts_a: I32,
    counts_b: I32,
    options: CommonOptions = DEFAULT_COMMON,
    model: str | None = None,
    found_by: str | None = None,
) -> bool:
    """Whether a link rests on common content: under ``min_specific_share`` of either
    side's inliers are specific (``min_specific_share_fundamental`` when the link's
    ``model`` is "fundamental", ``min_specific_share_expanded`` when the build's second
    round offered it (``found_by``), the highest bar that applies: ``specific_bar``)."""
    return own_share(counts_a, counts_b, options) < specific_bar(options, model, found_by)


def specific_bar(
    options: CommonOptions = DEFAULT_COMMON, model: str | None = None, found_by: str | None = None
) -> float:
    """The share of specific inliers a link of ``model``, offered by ``found_by``, needs."""
    bar = options.min_specific_share
    if model == "fundamental":
        bar = max(bar, options.min_specific_share_fundamental)
    if found_by == "second_round":
        bar = max(bar, options.min_specific_share_expanded)
    return bar

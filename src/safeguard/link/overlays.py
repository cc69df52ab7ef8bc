"""Burnt-in overlays: content at the same frame position in many items of a collection.

Devices and apps draw on the pictures they make: a night camera's caption and time stamp,
a video call's buttons, name tag and picture-in-picture, a phone's status bar, a
platform's watermark. The overlay is the same pixels at the same spot of the frame in
every picture of that device or app, whatever place it shows, so two such pictures of
two different places share exact, distinctive matches at identical frame positions, and
a fundamental matrix fits them for free (a match at the same position in both frames
satisfies every epipolar geometry of a sideways move). On the eighth generator all 13
wrong links of the frozen linker were of that kind.

A place seen twice rarely puts the same content at the same frame position in both
pictures, and when it does (a camera on a tripod), that content is specific to it. An
overlay recurs at its position across the collection. So the collection tells, as for
common content (``link.common``), but per frame position: each keypoint falls in a
*frame bin*, its visual word (the VLAD codebook's nearest word) and its cell of a
``OverlayOptions.grid`` x ``grid`` grid over the frame (normalised: 0..1 on each axis).
The store counts, for each bin, the items with a keypoint in it (``framebins/``
segments, ``LinkStore.frame_bin_counts``). A bin held by at least ``min_items`` items
and ``min_share`` of the collection is *burnt-in*. Verification (``verify.verify``,
``VerifyOptions.overlay_px``) drops a tentative match whose two keypoints lie at the
same frame position and either of which is in a burnt-in bin, before any model is fitted:
the overlay is no evidence of place, and what remains must link on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from safeguard.link.features import PlaceFeatures

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class OverlayOptions:
    #: Cells on each axis of the frame grid (normalised frame positions).
    grid: int = 32
    #: A bin is burnt-in when at least this many items hold it (0 turns the test off) ...
    min_items: int = 8
    #: ... and at least this share of the stored items. On the v8 store (3,150
    #: pictures) the bins of the frame-fixed matches that made its 13 wrong links were
    #: held by 50-290 items, those of 60 sampled right links by at most 21; a bin's
    #: mean was 3.2, its 99.9th percentile 43.
    min_share: float = 0.01

    def threshold(self, items: int) -> int:
        """Items that make a bin burnt-in in a collection of ``items``."""
        return max(self.min_items, int(np.ceil(self.min_share * items)))


DEFAULT_OVERLAY = OverlayOptions()


@dataclass(frozen=True, slots=True)
class BurntIn:
    """A collection's burnt-in frame bins, as verification tasks receive them."""

    grid: int
    #: Sorted bin indices (``frame_bins``) held by enough items.
    bins: I64


def words_of(descriptors: F32, codebook: F32) -> I64:
    """The nearest codebook word of each (RootSIFT) descriptor."""
    if len(descriptors) == 0:
        return np.zeros(0, np.int64)
    d2 = (
        (descriptors**2).sum(1)[:, None]
        - 2.0 * descriptors @ codebook.T
        + (codebook**2).sum(1)[None, :]
    )
    return np.asarray(d2.argmin(axis=1), np.int64)


def frame_bins(
    features: PlaceFeatures,
    codebook: F32,
    grid: int = DEFAULT_OVERLAY.grid,
    descriptors: F32 | None = None,
) -> I64:
    """Each keypoint's frame bin: word * grid^2 + row * grid + column, where row and
    column are its cell in a grid over the normalised frame."""
    d = features.rootsift() if descriptors is None else descriptors
    words = words_of(d, codebook)
    if len(words) == 0:
        return words
    w = features.width / features.scale
    h = features.height / features.scale
    col = np.clip((features.points[:, 0] / w * grid).astype(np.int64), 0, grid - 1)
    row = np.clip((features.points[:, 1] / h * grid).astype(np.int64), 0, grid - 1)
    return np.asarray(words * grid * grid + row * grid + col, np.int64)


def burnt_in(counts: npt.NDArray[np.int64], items: int, options: OverlayOptions) -> I64:
    """The burnt-in bins (sorted indices) of a collection of ``items`` with bin
    ``counts`` (items holding each bin)."""
    if len(counts) == 0 or options.min_items <= 0:
        return np.zeros(0, np.int64)
    return np.flatnonzero(counts >= options.threshold(items)).astype(np.int64)


def overlay_mask(bins: I64, burnt: I64) -> npt.NDArray[np.bool_]:
    """Which keypoints (their ``frame_bins``) lie in a burnt-in bin."""
    if len(burnt) == 0:
        return np.zeros(len(bins), np.bool_)
    return np.asarray(np.isin(bins, burnt, assume_unique=False), np.bool_)

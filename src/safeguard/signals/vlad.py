"""A global descriptor for shortlisting: VLAD over RootSIFT, with a codebook learned from
the collection itself (no trained weights, nothing downloaded).

VLAD (Jégou et al. 2010) sums, per visual word, the residuals of the descriptors assigned
to it; intra-normalisation (Arandjelović & Zisserman 2013), signed square root and a final
L2 normalisation make the dot product of two vectors a similarity in [-1, 1]. Two views of
the same place share many residual directions even when lighting, crop and viewpoint change.

The codebook is k-means on a sample of the collection's RootSIFT descriptors, learned once
when a link store is created and kept with it, so later additions are described in the
same space (incremental linking never re-learns it).

256 words (32,768 dimensions, 64 KB a view in float16): on a 2,272-picture development
collection, 64 words shortlisted 0.920 of the same-place pairs in the top 5, 128 words
0.942 and 256 words 0.953; with query expansion (``linking.shortlist``) 0.971
(``bench/link_heldout.py``). A PCA-whitening learned on the collection reached 0.986 when
learned on all of it, but 0.62-0.80 when learned on its first 300-1,000 pictures and
applied to the rest: it memorises the pictures it was learned on, and incremental linking
would suffer, so it is not used. Stores created with 64 words keep them.

Bursts (Jégou, Douze & Schmid 2009, "On the burstiness of visual elements"): a picture seen
through a grille, a net curtain or a banded print, or a ceiling of stars, gives hundreds of
keypoints that look alike, and their residuals crowd the words that the place's own
keypoints would fill. ``unbursty`` drops, before the vector is made, each descriptor with
``BURST_TWINS`` or more others of the same picture nearer than ``BURST_DISTANCE``; what
repeats within one picture says little about which place it shows. On three seen link
builds (v15, v17, v18 of ``bench/link.py``; ``bench/link_unbursty.py``) the plain top-5
reach rose from 0.755 to 0.796, 0.404 to 0.456 and 0.682 to 0.731.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]

DEFAULT_WORDS = 256
#: Descriptors sampled to learn the codebook (k-means cost grows with it).
CODEBOOK_SAMPLE = 60_000
#: ``unbursty``: a descriptor is part of a burst when at least ``BURST_TWINS`` other
#: descriptors of its picture lie within ``BURST_DISTANCE`` (RootSIFT, Euclidean).
#: Chosen on seen builds against (0.45, 2), (0.45, 4), (0.55, 5) and (0.5, 8):
#: ``bench/link_unbursty.py``, docs/benchmarks.md.
BURST_DISTANCE = 0.5
BURST_TWINS = 3
#: ``unbursty`` keeps every descriptor when fewer than this many are not in a burst (a
#: picture that is all pattern is described by its pattern rather than by nothing).
BURST_MIN_KEPT = 16


def learn_codebook(
    descriptors: F32, words: int = DEFAULT_WORDS, *, seed: int = 0, attempts: int = 1
) -> F32:
    """k-means centroids (words, 128) of RootSIFT descriptors (a sample of them)."""
    n = len(descriptors)
    if n == 0:
        raise ValueError("no descriptors to learn a codebook from")
    words = max(1, min(words, n // 4 or 1))
    rng = np.random.default_rng(seed)
    if n > CODEBOOK_SAMPLE:
        descriptors = descriptors[rng.choice(n, CODEBOOK_SAMPLE, replace=False)]
    cv2.setRNGSeed(seed)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_MAX_ITER, 30, 1e-4)
    _, _, centers = cv2.kmeans(
        np.ascontiguousarray(descriptors, np.float32),
        words,
        None,  # type: ignore[call-overload]
        criteria,
        attempts,
        cv2.KMEANS_PP_CENTERS,
    )
    return np.asarray(centers, np.float32)


def unbursty(
    descriptors: F32,
    distance: float = BURST_DISTANCE,
    twins: int = BURST_TWINS,
    min_kept: int = BURST_MIN_KEPT,
    chunk: int = 1024,
) -> F32:
    """The descriptors (RootSIFT, (n, 128)) that are not part of a burst within their own
    picture: each with fewer than ``twins`` others nearer than ``distance``. All of them
    when fewer than ``min_kept`` would remain."""
    d = np.ascontiguousarray(descriptors, np.float32)
    n = len(d)
    if n <= min_kept or twins <= 0:
        return d
    sq = np.einsum("ij,ij->i", d, d)
    near = np.zeros(n, np.int64)
    for start in range(0, n, chunk):
        block = d[start : start + chunk]
        d2 = sq[start : start + chunk, None] - 2.0 * (block @ d.T) + sq[None, :]
        # Count others only: each row's own distance is 0.
        near[start : start + chunk] = (d2 < distance * distance).sum(axis=1) - 1
    keep = near < twins
    return d[keep] if int(keep.sum()) >= min_kept else d


def vlad(descriptors: F32, codebook: F32) -> F32:
    """The (words * 128,) normalised VLAD vector of one view (zeros for no descriptors)."""
    words, dim = codebook.shape
    out = np.zeros((words, dim), np.float32)
    if len(descriptors):
        d2 = (
            (descriptors**2).sum(1)[:, None]
            - 2.0 * descriptors @ codebook.T
            + (codebook**2).sum(1)[None, :]
        )
        nearest = d2.argmin(axis=1)
        np.add.at(out, nearest, descriptors - codebook[nearest])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.maximum(norms, 1e-12)
    flat = out.ravel()
    flat = np.sign(flat) * np.sqrt(np.abs(flat))
    total = float(np.linalg.norm(flat))
    return (flat / total if total > 0 else flat).astype(np.float32)

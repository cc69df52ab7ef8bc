"""Local features and their geometric verification, shared by matching (is this candidate
the same picture?) and linking (do these views show the same place?).

- ``grey``, ``rootsift``: the picture and descriptor forms both use;
- ``tentative_matches``: mutual nearest neighbours passing Lowe's ratio test, for float
  descriptors (L2) or binary ones (Hamming);
- ``fit_model``, ``spread``: one MAGSAC++ estimate that never raises on degenerate input,
  and how far a point set spreads across its minor axis;
- ``orb_features`` and ``verify_same_picture``: compact ORB features of a picture (at most
  ``OrbOptions.max_keypoints`` 32-byte descriptors) and a homography check between a query
  and a candidate, reporting the inlier count. Used by ``matching.verify``;
- ``overlap_agreement``: after the homography, how much of the region where the two
  frames overlap agrees point by point. A copy of a picture agrees over the whole overlap;
  two photographs that share one flat object (a printed coaster on two desks) agree only
  on that object, so verification refuses a pair whose overlap mostly disagrees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
U8 = npt.NDArray[np.uint8]


def grey(pixels: U8) -> U8:
    if pixels.ndim == 2:
        return pixels
    return np.asarray(cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY), dtype=np.uint8)


def rootsift(descriptors: U8) -> F32:
    """Hellinger-kernel form of SIFT: L1-normalise, then the element-wise square root."""
    d = descriptors.astype(np.float32)
    d /= np.maximum(d.sum(axis=1, keepdims=True), 1e-7)
    return np.sqrt(d, out=d)


#: Distances computed at once for at most this many descriptor pairs (64 MB of float32);
#: larger sets are taken in blocks of rows.
_L2_BLOCK = 16_000_000


def _l2_nearest(a: F32, b: F32) -> tuple[npt.NDArray[np.intp], F32, F32, npt.NDArray[np.intp]]:
    """For each row of ``a``: its nearest row of ``b`` and the squared L2 distances to
    the nearest and second nearest; and for each row of ``b`` its nearest row of ``a``.
    Distances as ``|x|^2 + |y|^2 - 2 x.y`` (one matrix product, BLAS): about 4x less CPU
    than OpenCV's brute-force ``knnMatch`` plus ``match`` at SIFT's 1,500 keypoints, with
    the same nearest neighbours but for ties within float32 rounding."""
    na = np.einsum("ij,ij->i", a, a)
    nb = np.einsum("ij,ij->i", b, b)
    first = np.empty(len(a), np.intp)
    d1 = np.empty(len(a), np.float32)
    d2 = np.empty(len(a), np.float32)
    back_d = np.full(len(b), np.inf, np.float32)
    back = np.zeros(len(b), np.intp)
    step = max(1, _L2_BLOCK // max(1, len(b)))
    for start in range(0, len(a), step):
        stop = min(len(a), start + step)
        sq = a[start:stop] @ b.T
        sq *= -2.0
        sq += na[start:stop, None]
        sq += nb[None, :]
        np.maximum(sq, 0.0, out=sq)
        rows = np.arange(stop - start)
        j = sq.argmin(axis=1)
        first[start:stop] = j
        d1[start:stop] = sq[rows, j]
        col = sq.argmin(axis=0)
        col_d = sq[col, np.arange(len(b))]
        better = col_d < back_d  # strict: the first row wins a tie, as in one block
        back[better] = col[better] + start
        back_d[better] = col_d[better]
        sq[rows, j] = np.inf
        d2[start:stop] = sq.min(axis=1)
    return first, d1, d2, back


def brute_force_matches(
    a: npt.NDArray[Any], b: npt.NDArray[Any], ratio: float = 0.8, norm: int = cv2.NORM_L2
) -> npt.NDArray[np.int32]:
    """``tentative_matches`` by OpenCV's brute-force matcher (``knnMatch``, then ``match``
    back): what binary descriptors use, and the reference the L2 fast path is tested and
    benchmarked against."""
    if len(a) < 2 or len(b) < 2:
        return np.zeros((0, 2), np.int32)
    matcher = cv2.BFMatcher(norm)
    knn = matcher.knnMatch(a, b, k=2)
    found = [
        (m[0].queryIdx, m[0].trainIdx)
        for m in knn
        if len(m) == 2 and m[0].distance < ratio * m[1].distance
    ]
    if not found:
        return np.zeros((0, 2), np.int32)
    pairs = np.array(found, dtype=np.int32)
    back = matcher.match(b[pairs[:, 1]], a)
    pairs = pairs[np.array([m.trainIdx for m in back], dtype=np.int32) == pairs[:, 0]]
    return _once(pairs)


def _once(pairs: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """One use of each point of b: keep the first query that claimed it."""
    if not len(pairs):
        return np.zeros((0, 2), np.int32)
    _, first = np.unique(pairs[:, 1], return_index=True)
    return np.asarray(pairs[np.sort(first)], np.int32)


def tentative_matches(
    a: npt.NDArray[Any], b: npt.NDArray[Any], ratio: float = 0.8, norm: int = cv2.NORM_L2
) -> npt.NDArray[np.int32]:
    """(m, 2) index pairs of mutual ratio-test nearest neighbours between descriptor sets
    (``norm``: ``cv2.NORM_L2`` for RootSIFT, ``cv2.NORM_HAMMING`` for ORB). Float32
    descriptors under L2 take one matrix product (``_l2_nearest``); the rest OpenCV's
    brute-force matcher (``brute_force_matches``)."""
    if len(a) < 2 or len(b) < 2:
        return np.zeros((0, 2), np.int32)
    if norm != cv2.NORM_L2 or a.dtype != np.float32 or b.dtype != np.float32:
        return brute_force_matches(a, b, ratio, norm)
    first, d1, d2, back = _l2_nearest(np.ascontiguousarray(a), np.ascontiguousarray(b))
    # The ratio test on squared distances: d1 < ratio * d2 for the distances.
    rows = np.flatnonzero(d1 < (ratio * ratio) * d2)
    pairs = np.stack([rows, first[rows]], axis=1).astype(np.int32)
    return _once(pairs[back[pairs[:, 1]] == pairs[:, 0]])


def fit_model(
    estimate: Callable[[], tuple[Any, Any]],
) -> tuple[npt.NDArray[np.float64] | None, npt.NDArray[np.uint8]]:
    """Run one MAGSAC estimate; degenerate input (all points on a line, too few distinct
    points) makes OpenCV raise or return nothing, which is simply no model."""
    try:
        model, mask = estimate()
    except cv2.error:
        return None, np.zeros(0, np.uint8)
    if model is None or mask is None:
        return None, np.zeros(0, np.uint8)
    return np.asarray(model, np.float64), np.asarray(mask, np.uint8)


def spread(points: npt.NDArray[np.float64]) -> float:
    """Standard deviation of the points along their minor principal axis."""
    if len(points) < 3:
        return 0.0
    centred = points - points.mean(axis=0)
    return float(np.linalg.svd(centred, compute_uv=False)[-1] / np.sqrt(len(points)))


@dataclass(frozen=True, slots=True)
class OrbOptions:
    """ORB features of one picture, compact enough to store per bank entry."""

    #: Long side of the working picture, in pixels.
    max_side: int = 512
    #: Keypoints kept (32 bytes of descriptor + 8 of position each: 20 KB at most).
    max_keypoints: int = 500


@dataclass(frozen=True, slots=True)
class OrbFeatures:
    """ORB keypoints of a picture in a working frame normalised to a long side of
    ``OrbOptions.max_side`` (so geometric thresholds mean the same on every picture)."""

    #: (n, 2) float32 positions (x, y) in the working frame.
    points: F32
    #: (n, 32) uint8 ORB descriptors.
    descriptors: U8

    def __len__(self) -> int:
        return int(self.points.shape[0])

    def to_bytes(self) -> bytes:
        """``n`` (4 bytes, little-endian), the points, the descriptors."""
        n = len(self)
        return (
            n.to_bytes(4, "little")
            + self.points.astype("<f4").tobytes()
            + self.descriptors.astype(np.uint8).tobytes()
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> OrbFeatures:
        n = int.from_bytes(data[:4], "little")
        if len(data) != 4 + n * 8 + n * 32:
            raise ValueError("stored ORB features have the wrong length")
        points = np.frombuffer(data, "<f4", n * 2, 4).reshape(n, 2).astype(np.float32)
        desc = np.frombuffer(data, np.uint8, n * 32, 4 + n * 8).reshape(n, 32).copy()
        return cls(points, desc)


def orb_features(pixels: U8, options: OrbOptions | None = None) -> OrbFeatures:
    """ORB on an RGB (h, w, 3) or grey (h, w) uint8 picture, rescaled so its long side is
    ``max_side`` (up or down: a thumbnail and a full-size copy land in the same frame)."""
    options = options or OrbOptions()
    g = grey(np.ascontiguousarray(pixels))
    h, w = g.shape[:2]
    scale = options.max_side / max(1, max(h, w))
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    if size != (w, h):
        inter = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        g = np.asarray(cv2.resize(g, size, interpolation=inter), dtype=np.uint8)
    orb = cv2.ORB_create(nfeatures=options.max_keypoints, fastThreshold=10)  # type: ignore[attr-defined]
    keypoints, descriptors = orb.detectAndCompute(g, None)
    if descriptors is None or not keypoints:
        return OrbFeatures(np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8))
    points = np.array([kp.pt for kp in keypoints], dtype=np.float32).reshape(-1, 2)
    keep = options.max_keypoints
    return OrbFeatures(points[:keep], np.asarray(descriptors, np.uint8)[:keep])


@dataclass(frozen=True, slots=True)
class SameVerdict:
    """The outcome of one same-picture check."""

    inliers: int
    matches: int
    verified: bool
    #: Agreement over the overlap (``overlap_agreement``), when it was measured.
    agreement: float | None = None


#: Homography inliers that make two pictures the same (chosen before measuring, as the
#: linking work's bar; bench/robust reports how often a wrong pair reaches it).
MIN_INLIERS = 20
#: Inliers over tentative matches (repeated texture gives many matches, few agreeing).
MIN_INLIER_RATIO = 0.25
#: Inliers must spread this far (working-frame pixels) across their minor axis.
MIN_SPREAD_PX = 8.0


#: Keypoints of one side agree with the other when a keypoint of the other lies within
#: this many working-frame pixels of where the homography sends them ...
AGREE_PX = 6.0
#: ... with an ORB descriptor within this many bits (of 256; looser than a match, no
#: ratio test: the question is "is the same detail there", not "which one is it").
AGREE_BITS = 64
#: Keypoints within this many pixels of the other side's extent are not asked (ORB finds
#: nothing at a frame's very edge, so their counterpart cannot be there).
AGREE_MARGIN_PX = 12.0
#: Least agreement (the smaller of the two directions) for the same picture. Chosen on
#: the benchmark's development copies (see docs/matching.md, "The coaster case").
MIN_AGREEMENT = 0.5

_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], np.uint8)


def _project(h: npt.NDArray[np.float64], points: npt.NDArray[np.float64]) -> npt.NDArray[Any]:
    x = points @ h[:, :2].T + h[:, 2]
    w = x[:, 2:3]
    safe = np.where(np.abs(w) > 1e-9, w, np.nan)
    return np.asarray(x[:, :2] / safe, np.float64)


def _agreeing_share(h: npt.NDArray[np.float64], a: OrbFeatures, b: OrbFeatures) -> float:
    """Of ``a``'s keypoints that ``h`` sends inside ``b``'s extent, the share with a
    keypoint of ``b`` near where they land and a close descriptor; 1.0 when none land."""
    if len(a) == 0 or len(b) == 0:
        return 1.0
    landed = _project(h, a.points.astype(np.float64))
    lo = b.points.min(axis=0) + AGREE_MARGIN_PX
    hi = b.points.max(axis=0) - AGREE_MARGIN_PX
    inside = np.flatnonzero(np.all((landed >= lo) & (landed <= hi), axis=1))
    if inside.size == 0:
        return 1.0
    from scipy.spatial import cKDTree

    near = cKDTree(landed[inside]).sparse_distance_matrix(
        cKDTree(b.points.astype(np.float64)), AGREE_PX, output_type="ndarray"
    )
    if near.size == 0:
        return 0.0
    ai, bi = near["i"].astype(np.intp), near["j"].astype(np.intp)
    bits = _POPCOUNT[a.descriptors[inside[ai]] ^ b.descriptors[bi]].sum(axis=1, dtype=np.int32)
    agreeing = np.unique(ai[bits <= AGREE_BITS])
    return float(agreeing.size / inside.size)


def overlap_agreement(
    h: npt.NDArray[np.float64], query: OrbFeatures, candidate: OrbFeatures
) -> float:
    """How much of the overlap agrees, given the homography ``h`` (query -> candidate):
    the smaller, over both directions, of the share of one side's keypoints in the
    overlap (inside the other's extent) that find the same detail there on the other side.
    Uniform parts have no keypoints and are not asked; a caption, pad or screenshot border
    lies outside the overlap; a re-photographed print's overlap is the print."""
    try:
        back = np.asarray(np.linalg.inv(h), np.float64)
    except np.linalg.LinAlgError:
        return 0.0
    return min(_agreeing_share(h, query, candidate), _agreeing_share(back, candidate, query))


def verify_same_picture(
    query: OrbFeatures,
    candidate: OrbFeatures,
    *,
    ratio: float = 0.8,
    reproj_px: float = 5.0,
    whole_overlap: bool = True,
) -> SameVerdict:
    """Is ``candidate`` the same picture as ``query`` up to a homography (crop, scale,
    rotation, perspective)? Mutual ratio-test ORB matches, then a MAGSAC++ homography;
    ``whole_overlap``: and the two agree over the whole region where they overlap, not
    only on one object they share (``overlap_agreement``)."""
    pairs = tentative_matches(query.descriptors, candidate.descriptors, ratio, cv2.NORM_HAMMING)
    m = len(pairs)
    if m < 8:
        return SameVerdict(0, m, False)
    pa = query.points[pairs[:, 0]].astype(np.float64)
    pb = candidate.points[pairs[:, 1]].astype(np.float64)
    h, mask = fit_model(
        lambda: cv2.findHomography(
            pa, pb, cv2.USAC_MAGSAC, reproj_px, maxIters=2000, confidence=0.999
        )
    )
    if h is None or h.shape != (3, 3):
        return SameVerdict(0, m, False)
    keep = mask.ravel().astype(bool)
    inliers = int(keep.sum())
    ok = (
        inliers >= MIN_INLIERS
        and inliers >= MIN_INLIER_RATIO * m
        and min(spread(pa[keep]), spread(pb[keep])) >= MIN_SPREAD_PX
    )
    if not (ok and whole_overlap):
        return SameVerdict(inliers, m, ok)
    agreement = overlap_agreement(h, query, candidate)
    return SameVerdict(inliers, m, agreement >= MIN_AGREEMENT, round(agreement, 4))

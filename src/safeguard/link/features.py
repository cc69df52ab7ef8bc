"""Local features of one picture: SIFT keypoints and descriptors, and their RootSIFT form.

A picture is decoded through the project's bounded decoder (``safeguard.signals.decode``),
turned to grey and shrunk so its long side is at most ``FeatureOptions.max_side`` pixels
(SIFT on a 12 MP photo costs ~10x more for no better links). Keypoint coordinates are kept
in that working frame, so the geometric thresholds mean the same on every picture;
``scale`` maps them back to the original pixels (for matched-region boxes).

Descriptors are stored as SIFT's own 8-bit values (128 bytes a keypoint); RootSIFT
(Arandjelović & Zisserman 2012: L1-normalise, square root) is derived when they are used.

SIFT is not mirror-invariant, but the descriptor of a keypoint in a mirrored picture is a
fixed permutation of its descriptor in the original (``MIRROR``: the 4 x 4 grid of cells
taken in reverse row order, each cell's 8 orientation bins o -> (8 - o) mod 8; the
keypoint's orientation is mirrored with the picture, so its own frame flips across its
axis). ``mirrored`` turns a view's descriptors into those of its mirror image without
extracting anything again (on the scikit-image motorcycle, 1,370 of its 1,500 keypoints
then match their mirror image at the mirrored position, against 44 without).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from safeguard.signals.decode import ImageLimits, decode_image
from safeguard.signals.local import grey, rootsift  # shared with matching

F32 = npt.NDArray[np.float32]
U8 = npt.NDArray[np.uint8]


def _mirror_permutation() -> npt.NDArray[np.intp]:
    cells = np.arange(128).reshape(4, 4, 8)
    return np.asarray(cells[::-1][:, :, (8 - np.arange(8)) % 8].ravel(), np.intp)


#: Column order that turns a SIFT descriptor (OpenCV's layout: 4 rows x 4 columns of
#: cells x 8 orientation bins) into the descriptor of the same keypoint in the mirrored
#: picture. Element-wise, so it applies to RootSIFT as well.
MIRROR = _mirror_permutation()


def mirrored(descriptors: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
    """SIFT or RootSIFT descriptors (n, 128) as they are in the picture's mirror image."""
    return np.ascontiguousarray(descriptors[:, MIRROR])


@dataclass(frozen=True, slots=True)
class FeatureOptions:
    #: Long side of the working picture, in pixels.
    max_side: int = 1024
    #: Keypoints kept, strongest first.
    max_keypoints: int = 1500
    #: SIFT's contrast threshold (OpenCV's default).
    contrast_threshold: float = 0.04
    #: A picture that gives fewer than ``max_keypoints`` at ``contrast_threshold`` is
    #: detected again at this lower threshold, keeping fainter keypoints (0 turns it
    #: off). Textured pictures (most photographs at 1024 px) keep the strongest
    #: ``max_keypoints`` as before. With 0.02 for every picture, same-place pairs in one
    #: group rose from 0.180 to 0.238 on a 100-place v8 build with no wrong link, from
    #: 0.248 to 0.295 on a 60-place v7 build with 44 wrong links instead of 37, and over
    #: all pairs of 120 v5 pictures 347 of 357 same-place pairs linked instead of 339 and
    #: none different (203 -> 377 keypoints at 400 x 300; docs/benchmarks.md). For every picture it
    #: also changed which model won on the real aloe stereo pair: hence only when short.
    faint_contrast_threshold: float = 0.02

    def __post_init__(self) -> None:
        if self.max_side < 64:
            raise ValueError(f"max_side must be at least 64, got {self.max_side}")
        if self.max_keypoints < 16:
            raise ValueError(f"max_keypoints must be at least 16, got {self.max_keypoints}")


@dataclass(frozen=True, slots=True)
class PlaceFeatures:
    """SIFT features of one view, in the working frame."""

    #: (n, 2) float32 keypoint positions (x, y) in the working frame.
    points: F32
    #: (n, 128) uint8 SIFT descriptors.
    descriptors: U8
    #: Size of the original picture.
    width: int
    height: int
    #: Original pixels per working pixel (>= 1).
    scale: float
    #: Where this view's picture lies in its file's picture, in original pixels: (0, 0)
    #: but for a tile of a composite picture (``link.tiles``), whose ``width`` and
    #: ``height`` are the tile's.
    origin: tuple[int, int] = (0, 0)

    def __len__(self) -> int:
        return int(self.points.shape[0])

    def rootsift(self) -> F32:
        return rootsift(self.descriptors)


def features_from_pixels(pixels: U8, options: FeatureOptions | None = None) -> PlaceFeatures:
    """SIFT on an RGB (h, w, 3) or grey (h, w) uint8 picture."""
    options = options or FeatureOptions()
    g = grey(pixels)
    height, width = g.shape[:2]
    scale = max(1.0, max(width, height) / options.max_side)
    if scale > 1.0:
        size = (max(1, round(width / scale)), max(1, round(height / scale)))
        g = np.asarray(cv2.resize(g, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    sift = cv2.SIFT_create(  # type: ignore[attr-defined]
        nfeatures=options.max_keypoints, contrastThreshold=options.contrast_threshold
    )
    keypoints, descriptors = sift.detectAndCompute(g, None)
    faint = options.faint_contrast_threshold
    if 0 < faint < options.contrast_threshold and len(keypoints) < options.max_keypoints:
        sift = cv2.SIFT_create(  # type: ignore[attr-defined]
            nfeatures=options.max_keypoints, contrastThreshold=faint
        )
        keypoints, descriptors = sift.detectAndCompute(g, None)
    if descriptors is None or not keypoints:
        points = np.zeros((0, 2), np.float32)
        desc = np.zeros((0, 128), np.uint8)
    else:
        points = np.array([kp.pt for kp in keypoints], dtype=np.float32).reshape(-1, 2)
        # SIFT's descriptor values are integers saturated at 255 already.
        desc = np.clip(np.rint(descriptors), 0, 255).astype(np.uint8)
        points, desc = points[: options.max_keypoints], desc[: options.max_keypoints]
    return PlaceFeatures(points, desc, width, height, scale)


def features_from_bytes(
    data: bytes, options: FeatureOptions | None = None, limits: ImageLimits | None = None
) -> tuple[PlaceFeatures, U8]:
    """Decode (bounded) and extract; returns the features and the decoded RGB/grey pixels
    (the face detector wants them too). Raises the decoder's ``SignalError`` subclasses."""
    decoded = decode_image(data, limits=limits)
    return features_from_pixels(decoded.pixels, options), decoded.pixels

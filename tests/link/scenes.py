"""Benign test scenes and synthetic re-photographs of them, made in code.

Scenes are scikit-image's bundled sample pictures (no download). A "view" re-photographs a
scene: a perspective warp (another viewpoint), a lighting change (gain and gamma), a crop,
a JPEG re-encode, or all of them at once.
"""

from __future__ import annotations

import io

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

U8 = npt.NDArray[np.uint8]

#: Scenes of the place tests: varied content, and the hard ones (a repetitive brick wall,
#: a dark low-texture retina, a page of text). bench/link.py uses many more.
SCENES = ("astronaut", "coffee", "camera", "motorcycle_left", "retina", "page", "brick")


def scene(name: str) -> U8:
    import skimage.data

    if name == "motorcycle_left":
        img = skimage.data.stereo_motorcycle()[0]
    elif name == "motorcycle_right":
        img = skimage.data.stereo_motorcycle()[1]
    else:
        img = getattr(skimage.data, name)()
    img = np.asarray(img)
    if img.ndim == 2:
        img = np.repeat(img[:, :, None], 3, axis=2)
    return np.ascontiguousarray(img[:, :, :3]).astype(np.uint8)


def perspective(
    img: U8, strength: float = 0.15, seed: int = 0
) -> tuple[U8, npt.NDArray[np.float64]]:
    """Another viewpoint of a planar scene; returns the view and the true homography."""
    h, w = img.shape[:2]
    rng = np.random.default_rng(seed)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(0, strength, (4, 2)) * np.float32([w, h])
    sign = np.float32([[1, 1], [-1, 1], [-1, -1], [1, -1]])
    dst = (src + sign * jitter).astype(np.float32)
    H = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(img, H, (w, h), borderMode=cv2.BORDER_REFLECT)
    return np.asarray(out, np.uint8), H


def lighting(img: U8, gain: float = 0.6, gamma: float = 1.6) -> U8:
    x = (img.astype(np.float32) / 255.0) ** gamma * gain
    return np.clip(x * 255.0 + 10.0, 0, 255).astype(np.uint8)


def crop(img: U8, keep: float = 0.6, corner: int = 1) -> U8:
    h, w = img.shape[:2]
    ch, cw = int(h * keep), int(w * keep)
    y = 0 if corner in (0, 1) else h - ch
    x = 0 if corner in (0, 3) else w - cw
    return np.ascontiguousarray(img[y : y + ch, x : x + cw])


def jpeg_bytes(img: U8, quality: int = 40) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


def png_bytes(img: U8) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")
    return buf.getvalue()


def views(img: U8, seed: int = 0) -> dict[str, bytes]:
    """The re-photographs of one scene, as encoded files."""
    warped, _ = perspective(img, 0.15, seed)
    combined = lighting(crop(perspective(img, 0.1, seed + 1)[0], 0.75, 2), 1.2, 0.8)
    return {
        "perspective": png_bytes(warped),
        "lighting": png_bytes(lighting(img)),
        "crop": png_bytes(crop(img, 0.6, seed % 4)),
        "jpeg": jpeg_bytes(img, 30),
        "combined": jpeg_bytes(combined, 60),
    }


def through_doorway(img: U8, left: float = 0.5, width: float = 0.3, seed: int = 0) -> U8:
    """The scene seen from the next room through a doorway: the opening ``width`` of the
    frame wide from ``left`` (a 5 % lintel above it), the rest a plain near wall, out of
    focus (sigma 4 px), with faint noise."""
    h, w = img.shape[:2]
    wall = np.full(img.shape, (150, 140, 120), np.float32)
    wall += np.random.default_rng(seed).normal(0, 2, img.shape)
    near = np.ones((h, w), bool)
    near[int(0.05 * h) :, int(left * w) : min(w, int((left + width) * w))] = False
    out = img.copy()
    out[near] = np.clip(wall, 0, 255).astype(np.uint8)[near]
    blurred = cv2.GaussianBlur(out, (0, 0), 4)
    out[near] = blurred[near]
    return out


def fit(img: U8, w: int, h: int) -> U8:
    return np.asarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA), np.uint8)


def grid(pictures: list[U8], cols: int, gutter: int = 4, colour: int = 255) -> U8:
    """Pictures in a grid of ``cols`` columns, 200 x 150 each, ``gutter`` px apart on a
    ``colour`` background."""
    rows = -(-len(pictures) // cols)
    w, h = 200, 150
    out = np.full(
        (rows * h + (rows - 1) * gutter, cols * w + (cols - 1) * gutter, 3), colour, np.uint8
    )
    for i, p in enumerate(pictures):
        r, c = divmod(i, cols)
        out[r * (h + gutter) : r * (h + gutter) + h, c * (w + gutter) : c * (w + gutter) + w] = fit(
            p, w, h
        )
    return out

"""The named transforms of ``bench/robust.py`` (benign pictures only), shared with tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

Pixels = npt.NDArray[np.uint8]


def _img(a: Pixels) -> Image.Image:
    return Image.fromarray(a).convert("RGB")


def pad(a: Pixels, colour: tuple[int, int, int], fraction: float = 0.2) -> Pixels:
    """``fraction`` of each dimension added as a border, split between both sides."""
    img = _img(a)
    w, h = img.size
    dw, dh = int(w * fraction / 2), int(h * fraction / 2)
    canvas = Image.new("RGB", (w + 2 * dw, h + 2 * dh), colour)
    canvas.paste(img, (dw, dh))
    return np.asarray(canvas)


def caption(a: Pixels, fraction: float = 0.15) -> Pixels:
    """A white bar of ``fraction`` of the height below the picture, with black text."""
    img = _img(a)
    w, h = img.size
    bar = max(12, int(h * fraction))
    canvas = Image.new("RGB", (w, h + bar), (255, 255, 255))
    canvas.paste(img, (0, 0))
    draw = ImageDraw.Draw(canvas)
    y = h + bar // 4
    draw.text((w // 20, y), "when the weekend finally arrives", fill=(0, 0, 0))
    if bar > 40:
        draw.text((w // 20, y + 14), "tag a friend who needs this", fill=(0, 0, 0))
    return np.asarray(canvas)


def rotate(a: Pixels, degrees: float, expand: bool = False) -> Pixels:
    img = _img(a).rotate(degrees, resample=Image.Resampling.BICUBIC, expand=expand)
    return np.asarray(img)


def crop(a: Pixels, fraction: float = 0.05) -> Pixels:
    h, w = a.shape[:2]
    dy, dx = int(h * fraction), int(w * fraction)
    return a[dy : h - dy, dx : w - dx]


def jpeg(a: Pixels, quality: int = 30) -> Pixels:
    buf = io.BytesIO()
    _img(a).save(buf, "JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))


def resize(a: Pixels, scale: float = 0.25) -> Pixels:
    img = _img(a)
    w, h = img.size
    size = (max(1, int(w * scale)), max(1, int(h * scale)))
    return np.asarray(img.resize(size, Image.Resampling.BILINEAR))


TRANSFORMS: dict[str, Callable[[Pixels], Pixels]] = {
    "pad 20% black": lambda a: pad(a, (0, 0, 0)),
    "pad 20% white": lambda a: pad(a, (255, 255, 255)),
    "caption bar 15%": caption,
    "rotate 4° (frame kept)": lambda a: rotate(a, 4.0),
    "rotate 4° (canvas grown)": lambda a: rotate(a, -4.0, expand=True),
    "rotate 90°": lambda a: np.ascontiguousarray(np.rot90(a)),
    "mirror": lambda a: np.ascontiguousarray(a[:, ::-1]),
    "crop 5% each side": crop,
    "JPEG 30": jpeg,
    "resize 25%": resize,
}

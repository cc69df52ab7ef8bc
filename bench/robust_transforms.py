"""The named transforms of ``bench/robust.py`` (benign pictures only), shared with tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

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


def crop_box(a: Pixels, top: float, bottom: float, left: float, right: float) -> Pixels:
    """Cut these fractions off each side (an asymmetric crop when they differ)."""
    h, w = a.shape[:2]
    return a[int(h * top) : h - int(h * bottom), int(w * left) : w - int(w * right)]


def blur(a: Pixels, radius: float = 2.0) -> Pixels:
    return np.asarray(_img(a).filter(ImageFilter.GaussianBlur(radius)))


def noise(a: Pixels, sigma: float = 12.0, seed: int = 7) -> Pixels:
    """Gaussian noise of ``sigma`` grey levels, the same pattern for a given size."""
    rng = np.random.default_rng(seed)
    noisy = a.astype(np.float32) + rng.normal(0.0, sigma, a.shape).astype(np.float32)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def gamma(a: Pixels, g: float = 0.6) -> Pixels:
    table = (255.0 * (np.arange(256) / 255.0) ** g).astype(np.uint8)
    return table[a]


def brightness(a: Pixels, factor: float = 1.3) -> Pixels:
    return np.asarray(ImageEnhance.Brightness(_img(a)).enhance(factor))


def grey(a: Pixels) -> Pixels:
    return np.asarray(_img(a).convert("L").convert("RGB"))


def perspective(a: Pixels, fraction: float = 0.06) -> Pixels:
    """A keystone: the top edge pulled in by ``fraction`` of the width on each side (a
    photo of a screen or print taken from below), the background black."""
    import cv2

    h, w = a.shape[:2]
    dx = w * fraction
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])  # type: ignore[arg-type]
    dst = np.float32([[dx, 0], [w - dx, 0], [w, h], [0, h]])  # type: ignore[arg-type]
    m = cv2.getPerspectiveTransform(src, dst)
    return np.asarray(cv2.warpPerspective(np.ascontiguousarray(a), m, (w, h)), np.uint8)


def screenshot(a: Pixels) -> Pixels:
    """The picture as a phone screenshot shows it: a dark status bar with a few light
    marks above, a light toolbar with icons below, narrow side margins."""
    img = _img(a)
    w, h = img.size
    top, bottom, side = max(8, h // 12), max(10, h // 8), max(2, w // 40)
    canvas = Image.new("RGB", (w + 2 * side, h + top + bottom), (24, 24, 24))
    canvas.paste(img, (side, top))
    draw = ImageDraw.Draw(canvas)
    draw.text((side + 4, 2), "12:41", fill=(230, 230, 230))
    draw.rectangle((w - 40, 4, w - 10, top - 4), outline=(230, 230, 230))
    draw.rectangle((0, top + h, w + 2 * side, h + top + bottom), fill=(245, 245, 245))
    for k in range(5):
        x = side + (k + 0.5) * w / 5
        draw.ellipse(
            (x - 8, top + h + bottom / 3, x + 8, top + h + bottom / 3 + 16), fill=(90, 90, 90)
        )
    return np.asarray(canvas)


def watermark(a: Pixels) -> Pixels:
    """A centred, half-transparent white box with dark text over the picture."""
    img = _img(a).convert("RGBA")
    w, h = img.size
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.rectangle((w * 0.3, h * 0.42, w * 0.7, h * 0.58), fill=(255, 255, 255, 110))
    draw.text((w * 0.33, h * 0.47), "sample watermark", fill=(20, 20, 20, 200))
    return np.asarray(Image.alpha_composite(img, layer).convert("RGB"))


TRANSFORMS: dict[str, Callable[[Pixels], Pixels]] = {
    "pad 20% black": lambda a: pad(a, (0, 0, 0)),
    "pad 20% white": lambda a: pad(a, (255, 255, 255)),
    "caption bar 15%": caption,
    "screenshot border": screenshot,
    "rotate 4° (frame kept)": lambda a: rotate(a, 4.0),
    "rotate 4° (canvas grown)": lambda a: rotate(a, -4.0, expand=True),
    "rotate 90°": lambda a: np.ascontiguousarray(np.rot90(a)),
    "mirror": lambda a: np.ascontiguousarray(a[:, ::-1]),
    "crop 5% each side": crop,
    "crop 10% + JPEG 75": lambda a: jpeg(crop(a, 0.10), 75),
    "crop asymmetric (15% left, 10% bottom)": lambda a: crop_box(a, 0.0, 0.10, 0.15, 0.0),
    "crop one side (20% top)": lambda a: crop_box(a, 0.20, 0.0, 0.0, 0.0),
    "perspective 6%": perspective,
    "blur r=2": blur,
    "noise σ=12": noise,
    "gamma 0.6": gamma,
    "brightness +30%": brightness,
    "grey": grey,
    "centred watermark": watermark,
    "JPEG 30": jpeg,
    "resize 25%": resize,
    "crop 5% + resize 50% + JPEG 50": lambda a: jpeg(resize(crop(a), 0.5), 50),
    "pad 10% white + caption + JPEG 50": lambda a: jpeg(caption(pad(a, (255,) * 3, 0.1)), 50),
    "rotate 3° + blur + noise": lambda a: noise(blur(rotate(a, 3.0), 1.0), 6.0),
}

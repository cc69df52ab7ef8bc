"""Held-out caption and screenshot transforms for ``bench/robust`` (benign pictures only).

The trimming rules of ``signals.variants`` were developed against ``robust_transforms``'s
``caption bar 15%`` and ``screenshot border``; these transforms were written before the
rules were measured on them and are not used to tune them: other bar colours, positions,
sizes, fonts sizes, icon shapes and compression. Their recall is reported apart, as
held-out figures.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from bench.robust_transforms import Pixels, _img, jpeg


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without sized default fonts
        return ImageFont.load_default()


def bar_caption(
    a: Pixels,
    *,
    fraction: float,
    where: str,
    bar: tuple[int, int, int],
    ink: tuple[int, int, int],
    text: str,
    size_fraction: float = 0.35,
) -> Pixels:
    """A bar of ``fraction`` of the height on top or bottom (or both), with centred text
    whose height is about ``size_fraction`` of the bar."""
    img = _img(a)
    w, h = img.size
    b = max(12, int(h * fraction))
    top = b if where in ("top", "both") else 0
    bottom = b if where in ("bottom", "both") else 0
    canvas = Image.new("RGB", (w, h + top + bottom), bar)
    canvas.paste(img, (0, top))
    draw = ImageDraw.Draw(canvas)
    font = _font(max(8, int(b * size_fraction)))
    for y0 in ([0] if top else []) + ([top + h] if bottom else []):
        box = draw.textbbox((0, 0), text, font=font)
        tw, th = box[2] - box[0], box[3] - box[1]
        draw.text(((w - tw) // 2, y0 + (b - th) // 2 - box[1]), text, fill=ink, font=font)
    return np.asarray(canvas)


def light_screenshot(a: Pixels) -> Pixels:
    """A light-mode phone screenshot: a white status bar with dark text and signal bars, a
    coloured app header with a title, the picture, and a dark navigation bar with three
    light shapes (triangle, circle, square)."""
    img = _img(a)
    w, h = img.size
    status, header, nav = max(10, h // 16), max(12, h // 10), max(12, h // 9)
    canvas = Image.new("RGB", (w, h + status + header + nav), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    font = _font(max(8, int(status * 0.7)))
    draw.text((4, 1), "09:05", fill=(30, 30, 30), font=font)
    for k in range(4):
        x = w - 30 + 5 * k
        draw.rectangle((x, status - 2 - 2 * k, x + 3, status - 2), fill=(30, 30, 30))
    draw.rectangle((0, status, w, status + header - 1), fill=(33, 99, 170))
    draw.text((8, status + header // 4), "Photos", fill=(255, 255, 255), font=_font(header // 2))
    canvas.paste(img, (0, status + header))
    y0 = status + header + h
    draw.rectangle((0, y0, w, y0 + nav), fill=(20, 20, 20))
    c, r = y0 + nav // 2, max(3, nav // 4)
    for k, x in enumerate((w // 4, w // 2, 3 * w // 4)):
        if k == 0:
            draw.polygon([(x + r, c - r), (x + r, c + r), (x - r, c)], fill=(220, 220, 220))
        elif k == 1:
            draw.ellipse((x - r, c - r, x + r, c + r), outline=(220, 220, 220), width=2)
        else:
            draw.rectangle((x - r, c - r, x + r, c + r), outline=(220, 220, 220), width=2)
    return np.asarray(canvas)


def chat_screenshot(a: Pixels) -> Pixels:
    """The picture as a chat app shows it: grey margins all round, a bubble-coloured frame,
    a timestamp under it and a message bar with a text field and a send icon."""
    img = _img(a)
    w, h = img.size
    m, frame, stamp, bar = max(6, w // 16), 3, max(10, h // 14), max(14, h // 8)
    W, H = w + 2 * (m + frame), h + 2 * frame + stamp + bar + m
    canvas = Image.new("RGB", (W, H), (236, 229, 221))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((m, m, m + w + 2 * frame - 1, m + h + 2 * frame - 1), fill=(220, 248, 198))
    canvas.paste(img, (m + frame, m + frame))
    draw.text((W - m - 40, m + h + 2 * frame + 1), "14:22", fill=(120, 120, 120), font=_font(9))
    y0 = H - bar
    draw.rectangle((0, y0, W, H), fill=(245, 245, 245))
    draw.rounded_rectangle((6, y0 + 3, W - bar - 6, H - 4), radius=6, fill=(255, 255, 255))
    draw.text((14, y0 + bar // 4), "Message", fill=(160, 160, 160), font=_font(max(8, bar // 2)))
    r = bar // 3
    draw.ellipse(
        (W - bar, y0 + bar // 2 - r, W - bar + 2 * r, y0 + bar // 2 + r), fill=(0, 150, 136)
    )
    return np.asarray(canvas)


HELD_OUT: dict[str, Callable[[Pixels], Pixels]] = {
    "held-out: caption top 12% black, white text": lambda a: bar_caption(
        a, fraction=0.12, where="top", bar=(0, 0, 0), ink=(255, 255, 255), text="WAIT FOR IT"
    ),
    "held-out: caption bottom 20% grey, 2 sizes, JPEG 80": lambda a: jpeg(
        bar_caption(
            a,
            fraction=0.20,
            where="bottom",
            bar=(200, 200, 200),
            ink=(40, 40, 40),
            text="me on a monday morning",
            size_fraction=0.5,
        ),
        80,
    ),
    "held-out: meme top and bottom 10% white": lambda a: bar_caption(
        a, fraction=0.10, where="both", bar=(255, 255, 255), ink=(0, 0, 0), text="nobody: me:"
    ),
    "held-out: light-mode screenshot": light_screenshot,
    "held-out: chat-app screenshot": chat_screenshot,
}

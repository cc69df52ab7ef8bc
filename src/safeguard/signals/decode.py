"""Bounded image decoding: bytes in, pixels out, or a typed error.

Limits come first, from the header alone: bytes, pixels (decompression bombs), smallest
side. Then one of two decoders:

- JPEG (RGB or greyscale): ``simplejpeg`` (libjpeg-turbo). Its RGB output is bit-identical
  to Pillow's, without Pillow's RGBX storage and copy (3.7x faster at 12 MP, measured in
  ``docs/decisions.md``). ``fast`` mode asks libjpeg-turbo for a reduced size in the DCT
  domain (never below 512 px on the short side) and for the luma channel only.
- Everything else: Pillow, first frame, converted to RGB the way the reference pipeline
  does (``Image.convert("RGB")``: alpha dropped, palettes expanded).

EXIF orientation is read and reported, never applied: the reference PDQ ignores it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import simplejpeg
from PIL import Image, UnidentifiedImageError

from safeguard.signals.budget import DecodeBudget, jpeg_estimate, pillow_estimate
from safeguard.signals.errors import (
    CorruptMedia,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    ImageTooSmall,
)

_EXIF_ORIENTATION = 0x0112
#: Fast mode never decodes below this many pixels on the short side: smaller thumbnails
#: push a few percent of images past the match threshold (see docs/signals.md).
FAST_MIN_SIDE = 512
#: ``decode_for_pdq`` never decodes below this many pixels on the short side. DCT scaling
#: keeps every decoded pixel the mean of a whole block and the hash uses the original
#: size's filter, so it can go far below ``FAST_MIN_SIDE``; chosen on a tuning set and
#: checked on a held-out one (``bench/triage_pdq_scale.py``, docs/signals.md).
PDQ_MIN_SIDE = 128
#: ``decode_for_pdq`` decodes pictures with a shorter short side exactly as
#: ``decode_image`` does: small synthetic graphics (charts, logos) move by up to 30 bits
#: when reduced, and small pictures cost little to decode in full (docs/signals.md).
PDQ_REDUCE_FROM = 512


@dataclass(frozen=True, slots=True)
class ImageLimits:
    max_bytes: int = 256 * 1024 * 1024
    max_pixels: int = 128_000_000
    #: The reference PDQ gives no hash (all zeros, quality 0) below 5 px on a side.
    min_side: int = 5


@dataclass(frozen=True, slots=True)
class DecodedImage:
    format: str
    width: int
    height: int
    #: EXIF orientation tag (1-8) as found, or None. Not applied to ``pixels``.
    orientation: int | None
    #: HxWx3 uint8 RGB, or HxW uint8 luma (fast-mode JPEG, greyscale JPEG).
    pixels: npt.NDArray[np.uint8]


def _register_heif() -> bool:
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


HEIF_AVAILABLE = _register_heif()

# Every image Safeguard decodes goes through ``open_image``, which checks the header against
# the deployment's configured pixel limit. Pillow's own process-wide guard (179 MP, fixed)
# would otherwise override that configuration, so it is turned off here once.
Image.MAX_IMAGE_PIXELS = None


def _orientation(im: Image.Image) -> int | None:
    try:
        value = im.getexif().get(_EXIF_ORIENTATION)
    except (OSError, ValueError, SyntaxError, KeyError, TypeError):
        # A damaged EXIF block does not make the picture unreadable.
        return None
    return int(value) if isinstance(value, int) and 1 <= value <= 8 else None


def open_image(data: bytes, limits: ImageLimits) -> Image.Image:
    """Parse the header and enforce the limits. Nothing is decoded yet."""
    if not data:
        raise EmptyFile("empty file (0 bytes)")
    if len(data) > limits.max_bytes:
        raise FileTooLarge(f"{len(data)} bytes is over the image limit of {limits.max_bytes}")
    try:
        im = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise CorruptMedia("not a decodable image (format not recognised)") from None
    except (OSError, SyntaxError, ValueError) as e:
        raise CorruptMedia(f"damaged image header: {e}") from None
    width, height = im.size
    if width * height > limits.max_pixels:
        raise ImageTooLarge(
            f"{width}x{height} = {width * height} pixels is over the limit of "
            f"{limits.max_pixels} (decompression-bomb guard)"
        )
    if min(width, height) < limits.min_side:
        raise ImageTooSmall(
            f"{width}x{height} is too small for a perceptual hash "
            f"(needs at least {limits.min_side} px on each side)"
        )
    return im


def decode_image(
    data: bytes, *, fast: bool = False, limits: ImageLimits | None = None, scale: int | None = None
) -> DecodedImage:
    """Decode within the limits. ``scale`` (JPEG only: 1, 2, 4 or 8) decodes at a reduced
    size in the DCT domain; by default ``fast`` picks one and full mode decodes at 1."""
    limits = limits or ImageLimits()
    im = open_image(data, limits)
    fmt = im.format or "unknown"
    orientation = _orientation(im)
    if _libjpeg_decodes(im):
        pixels = _decode_jpeg(data, im, fast, scale)
    else:
        pixels = _decode_with_pillow(im)
    return DecodedImage(fmt, im.size[0], im.size[1], orientation, pixels)


def _libjpeg_decodes(im: Image.Image) -> bool:
    return im.format == "JPEG" and im.mode in ("RGB", "L")


def decode_estimate(im: Image.Image, fast: bool, per_image: int | None) -> tuple[int, int]:
    """(scale, bytes): the JPEG scale to decode at and the peak bytes of decoding, read
    from the header. A JPEG over ``per_image`` at full size is decoded at the smallest
    reduction that fits, never below ``FAST_MIN_SIDE`` on its short side."""
    width, height = im.size
    if not _libjpeg_decodes(im):
        return 1, pillow_estimate(width, height, im.mode)
    channels = 1 if fast or im.mode == "L" else 3
    scale = fast_scale(width, height) if fast else 1
    estimate = jpeg_estimate(width, height, channels, scale)
    while per_image is not None and estimate > per_image and scale < 8:
        if min(width, height) // (scale * 2) < FAST_MIN_SIDE:
            break
        scale *= 2
        estimate = jpeg_estimate(width, height, channels, scale)
    return scale, estimate


@contextmanager
def decoded_image(
    data: bytes,
    *,
    fast: bool = False,
    limits: ImageLimits | None = None,
    budget: DecodeBudget | None = None,
) -> Iterator[DecodedImage]:
    """``decode_image`` holding its estimated memory from ``budget`` while the block uses
    the pixels (``DecodeTooLarge`` / ``DecodeBusy`` when it cannot)."""
    if budget is None:
        yield decode_image(data, fast=fast, limits=limits)
        return
    im = open_image(data, limits or ImageLimits())
    scale, estimate = decode_estimate(im, fast, budget.per_image)
    what = f"a {im.size[0]}x{im.size[1]} {im.format or 'image'}"
    im.close()
    with budget.reserve(estimate, what):
        yield decode_image(data, fast=fast, limits=limits, scale=scale)


def _decode_jpeg(
    data: bytes, im: Image.Image, fast: bool, scale: int | None = None
) -> npt.NDArray[np.uint8]:
    width, height = im.size
    colorspace = "GRAY" if fast or im.mode == "L" else "RGB"
    min_height = min_width = 0
    if scale is None:
        scale = fast_scale(width, height) if fast else 1
    if scale > 1:
        # A power-of-two DCT scale (1/2, 1/4, 1/8) keeps each decoded pixel the mean of a
        # whole block, which the PDQ filter accounts for exactly; libjpeg-turbo's other M/8
        # scales would not. Asking for both exact sizes pins the scale.
        min_width, min_height = -(-width // scale), -(-height // scale)
    try:
        out = simplejpeg.decode_jpeg(
            data,
            colorspace=colorspace,
            min_height=min_height,
            min_width=min_width,
            strict=True,
        )
    except ValueError as e:
        raise CorruptMedia(f"damaged JPEG data: {e}") from None
    arr = np.asarray(out, dtype=np.uint8)
    return arr[:, :, 0] if arr.ndim == 3 and arr.shape[2] == 1 else arr


def fast_scale(width: int, height: int, min_side: int = FAST_MIN_SIDE) -> int:
    """The largest of 8, 4, 2, 1 that keeps the short side at least ``min_side``."""
    for scale in (8, 4, 2):
        if min(width, height) // scale >= min_side:
            return scale
    return 1


def decode_for_pdq(
    data: bytes,
    *,
    limits: ImageLimits | None = None,
    min_side: int = PDQ_MIN_SIDE,
    reduce_from: int = PDQ_REDUCE_FROM,
) -> DecodedImage:
    """Decode only as much as PDQ needs: the luma of a JPEG whose short side is at least
    ``reduce_from``, at the largest power-of-two DCT scale (1/2, 1/4, 1/8) that keeps its
    short side at least ``min_side``; every other picture exactly as ``decode_image``
    does (the same pixels, the same hash).

    Hash the result with ``pdq_from_pixels(pixels, (width, height))`` (the original size),
    so the reference's filter at the original size is applied to the block means. This is
    not the default path: its hashes differ from full decoding by a few bits (measured in
    docs/signals.md); ``decode_image`` stays the reference-compatible decoder."""
    limits = limits or ImageLimits()
    im = open_image(data, limits)
    width, height = im.size
    scale = fast_scale(width, height, min_side) if min(width, height) >= reduce_from else 1
    if scale == 1 or not _libjpeg_decodes(im):
        im.close()
        return decode_image(data, limits=limits)
    pixels = _decode_jpeg(data, im, True, scale)
    return DecodedImage(im.format or "JPEG", width, height, _orientation(im), pixels)


#: Rows copied out of Pillow's storage at a time (a whole-image ``tobytes`` would hold a
#: second full copy while it joins its chunks).
_STRIP_ROWS = 256


def _decode_with_pillow(im: Image.Image) -> npt.NDArray[np.uint8]:
    try:
        im.seek(0)
        im.load()
        rgb = im if im.mode == "RGB" else im.convert("RGB")
        width, height = rgb.size
        out = np.empty((height, width, 3), dtype=np.uint8)
        for top in range(0, height, _STRIP_ROWS):
            bottom = min(height, top + _STRIP_ROWS)
            strip = rgb.crop((0, top, width, bottom))
            out[top:bottom] = np.asarray(strip, dtype=np.uint8)
        return out
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise CorruptMedia(f"damaged {im.format or 'image'} data: {e}") from None

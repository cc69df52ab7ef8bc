"""``decode_for_pdq``: JPEGs decoded only as far as PDQ needs, a separate path from the
reference-compatible ``decode_image`` (whose hashes the reference vectors pin)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from skimage import data

from safeguard.signals.decode import (
    PDQ_MIN_SIDE,
    PDQ_REDUCE_FROM,
    decode_for_pdq,
    decode_image,
)
from safeguard.signals.media import HashOptions, hash_bytes
from safeguard.signals.pdq import MATCH_THRESHOLD, PdqHash, pdq_from_pixels

SAMPLES = ("astronaut", "coffee", "chelsea", "rocket", "immunohistochemistry")


def encoded(name: str, size: tuple[int, int], fmt: str = "JPEG") -> bytes:
    im = Image.fromarray(np.asarray(getattr(data, name)())).convert("RGB")
    out = io.BytesIO()
    im.resize(size, Image.Resampling.LANCZOS).save(out, fmt, quality=90)
    return out.getvalue()


def full_hash(content: bytes) -> tuple[str, object]:
    img = decode_image(content)
    return pdq_from_pixels(img.pixels, (img.width, img.height)).hash.hex, img


@pytest.mark.parametrize("size", [(1920, 1080), (1200, 1600), (4000, 3000)])
def test_a_jpeg_is_decoded_at_the_smallest_power_of_two_scale_that_keeps_the_short_side(
    size: tuple[int, int],
) -> None:
    img = decode_for_pdq(encoded("coffee", size))
    assert min(size) >= PDQ_REDUCE_FROM
    scale = next(s for s in (8, 4, 2, 1) if min(size) // s >= PDQ_MIN_SIDE)
    width, height = size
    assert (img.width, img.height) == size
    assert img.pixels.shape == (-(-height // scale), -(-width // scale))


@pytest.mark.parametrize("name", SAMPLES)
def test_its_hash_stays_well_inside_the_match_radius(name: str) -> None:
    content = encoded(name, (1920, 1440))
    full = decode_image(content)
    reduced = decode_for_pdq(content)
    distance = pdq_from_pixels(full.pixels, (full.width, full.height)).hash.distance(
        pdq_from_pixels(reduced.pixels, (reduced.width, reduced.height)).hash
    )
    assert distance <= MATCH_THRESHOLD // 2


def test_small_pictures_and_other_formats_are_decoded_as_the_default_path_does() -> None:
    small = (PDQ_REDUCE_FROM + 100, PDQ_REDUCE_FROM - 1)
    for content in (encoded("chelsea", small), encoded("rocket", (900, 600), "PNG")):
        reduced, default = decode_for_pdq(content), decode_image(content)
        assert np.array_equal(reduced.pixels, default.pixels)


def test_the_default_hashing_path_is_unchanged_and_reduced_is_opt_in() -> None:
    content = encoded("astronaut", (1920, 1440))
    default = hash_bytes("x.jpg", content)
    assert default.pdq == full_hash(content)[0]
    assert hash_bytes("x.jpg", content, HashOptions()).pdq == default.pdq
    reduced = hash_bytes("x.jpg", content, HashOptions(reduced_pdq=True))
    assert reduced.pdq is not None and default.pdq is not None
    assert PdqHash.from_hex(reduced.pdq).distance(PdqHash.from_hex(default.pdq)) <= 15
    assert (reduced.width, reduced.height) == (1920, 1440)

"""Region signals (``signals.regions``) and the decimated detection of query variants on
large pictures."""

from __future__ import annotations

import numpy as np
from bench.robust_transforms import crop, pad

from safeguard.signals.pdq import pdq_from_pixels
from safeguard.signals.regions import REGIONS, pdq_regions, region_box
from safeguard.signals.variants import pdq_variants
from tests.media_factory import picture


def test_every_region_lies_inside_the_picture_and_is_smaller() -> None:
    for key, fractions in REGIONS.items():
        top, bottom, left, right = region_box(480, 640, fractions)
        assert 0 <= top < bottom <= 480 and 0 <= left < right <= 640, key
        assert (bottom - top) * (right - left) < 480 * 640


def test_a_centre_crop_is_near_its_region_and_far_from_the_whole() -> None:
    a = np.asarray(picture(640, 480, "astronaut"))
    regions = {r.region: r.hash for r in pdq_regions(a)}
    query = pdq_from_pixels(crop(a, 0.05)).hash
    assert query.distance(regions["c90"]) <= 31 < query.distance(pdq_from_pixels(a).hash)


def test_a_flat_picture_has_no_regions_worth_storing() -> None:
    assert pdq_regions(np.full((300, 400, 3), 128, np.uint8)) == []


def test_a_large_picture_is_reduced_before_its_regions_are_hashed() -> None:
    """Reduced to a 1024 px short side first, the regions stay within PDQ's compatibility
    bound (10 bits) of the regions hashed at full size."""
    big = np.asarray(picture(2400, 1800, "coffee"))
    reduced = {r.region: r.hash for r in pdq_regions(big)}
    for key, fractions in REGIONS.items():
        top, bottom, left, right = region_box(1800, 2400, fractions)
        full = pdq_from_pixels(big[top:bottom, left:right]).hash
        assert reduced[key].distance(full) <= 10, key


def test_padding_of_a_large_picture_is_found_on_the_decimated_copy() -> None:
    a = np.asarray(picture(2000, 1500, "astronaut"))
    [v] = pdq_variants(pad(a, (0, 0, 0)))
    assert v.name == "trimmed"
    assert v.hash.distance(pdq_from_pixels(a).hash) <= 10
    assert pdq_variants(a) == []

"""``POST /v1/check`` names the variant of each match (derived queries are on by default)."""

from __future__ import annotations

import io

import numpy as np
from bench.robust_transforms import pad
from PIL import Image
from skimage import data

from tests.service.test_api_check import Api, api  # noqa: F401 -- the fixture


def _png(pixels: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG")
    return buf.getvalue()


def test_a_padded_upload_matches_its_original_through_the_trimmed_variant(api: Api) -> None:  # noqa: F811
    original = data.astronaut()
    bank = api.bank()
    api.add(bank, "pdq", api.pdq_of(_png(original)))
    body = api.check(_png(pad(original, (255, 255, 255))), name="padded.png").json()
    [match] = [m for m in body["matches"] if m["bank"] == bank]
    assert match["variant"] == "trimmed" and match["distance"] <= 31
    exact = api.check(_png(original), name="same.png").json()
    assert [m["variant"] for m in exact["matches"] if m["bank"] == bank] == ["exact"]

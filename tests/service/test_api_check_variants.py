"""``POST /v1/check`` with derived queries: on by default (since they became cheap), a
deployment finds padded copies and names the variant of each match; one that turns them
off (``SAFEGUARD_VARIANTS=0``) does not search them."""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np
import pytest
from bench.robust_transforms import pad
from PIL import Image
from skimage import data

from tests.conftest import live_service
from tests.service.test_api_check import MAX_UPLOAD, Api
from tests.service.test_api_check import api as api


@pytest.fixture(scope="module")
def api_without_variants(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("variants")
    served_service = live_service("sqlite", tmp, max_upload_bytes=MAX_UPLOAD, variants=False)
    with served_service as served, served.client() as client:
        yield Api(served.server, served.db, client, served.keys["admin"])


def _png(pixels: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG")
    return buf.getvalue()


def test_a_padded_upload_matches_its_original_through_the_trimmed_variant(api: Api) -> None:
    original = data.astronaut()
    bank = api.bank()
    api.add(bank, "pdq", api.pdq_of(_png(original)))
    body = api.check(_png(pad(original, (255, 255, 255))), name="padded.png").json()
    [match] = [m for m in body["matches"] if m["bank"] == bank]
    assert match["variant"] == "trimmed" and match["distance"] <= 31
    exact = api.check(_png(original), name="same.png").json()
    assert [m["variant"] for m in exact["matches"] if m["bank"] == bank] == ["exact"]


def test_a_deployment_can_turn_variants_off(api_without_variants: Api) -> None:
    api = api_without_variants
    original = data.astronaut()
    bank = api.bank()
    api.add(bank, "pdq", api.pdq_of(_png(original)))
    body = api.check(_png(pad(original, (255, 255, 255))), name="padded.png").json()
    assert [m for m in body["matches"] if m["bank"] == bank] == []
    exact = api.check(_png(original), name="same.png").json()
    assert [m["variant"] for m in exact["matches"] if m["bank"] == bank] == ["exact"]

"""``POST /v1/check`` with verification (``SAFEGUARD_VERIFY=1``): an upload that misses
the radius but whose entry kept local features matches once verified, with its inliers;
off (the default) it does not."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from bench.robust_transforms import crop
from PIL import Image

from safeguard.banks.media import MediaOptions, import_media
from tests.conftest import live_service
from tests.media_factory import picture
from tests.service.test_api_check import MAX_UPLOAD, Api
from tests.service.test_api_check import api as api


@pytest.fixture(scope="module")
def api_with_verify(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("verify")
    served_service = live_service("sqlite", tmp, max_upload_bytes=MAX_UPLOAD, verify=True)
    with served_service as served, served.client() as client:
        yield Api(served.server, served.db, client, served.keys["admin"])


def _png(pixels: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG")
    return buf.getvalue()


def _known(api: Api, tmp: Path) -> tuple[str, np.ndarray]:
    bank = api.bank()
    original = np.asarray(picture(640, 480, "astronaut"))
    Image.fromarray(original).save(tmp / "astronaut.png")
    options = MediaOptions(local_features=True)
    list(import_media(api.db, bank, [tmp / "astronaut.png"], actor="test", options=options))
    api.server.app.state.runtime.refresh()
    return bank, original


def test_a_near_miss_upload_matches_once_verified(api_with_verify: Api, tmp_path: Path) -> None:
    api = api_with_verify
    bank, original = _known(api, tmp_path)
    body = api.check(_png(crop(original, 0.08)), name="crop.png").json()
    [match] = [m for m in body["matches"] if m["bank"] == bank and m["signal"] == "pdq"]
    assert match["distance"] > 31 and match["inliers"] >= 20
    assert match["external_id"] == "astronaut.png"


def test_verification_is_off_by_default(api: Api, tmp_path: Path) -> None:
    bank, original = _known(api, tmp_path)
    body = api.check(_png(crop(original, 0.08)), name="crop.png").json()
    assert [m for m in body["matches"] if m["bank"] == bank and m["signal"] == "pdq"] == []

"""Uploads share a bounded decode budget: when other decodes hold it, ``/v1/check`` and
``/v1/hash`` answer 503 with ``Retry-After`` (the JSON error shape), and an image that alone
needs more than the per-image decode limit is refused from its header."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from safeguard.access import keys
from safeguard.service.runtime import Runtime
from safeguard.service.testing import LiveServer, open_test_database, settings_for_tests
from safeguard.signals.budget import pillow_estimate
from tests.media_factory import encode, picture

PER_IMAGE = pillow_estimate(1000, 1000, "RGB")


@dataclass
class Live:
    client: httpx.Client
    runtime: Runtime


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    tmp: Path = tmp_path_factory.mktemp("budget")
    db = open_test_database("sqlite", tmp)
    assert db is not None
    settings = settings_for_tests(
        tmp,
        str(db.engine.url),
        decode_budget_bytes=2 * PER_IMAGE,
        max_decode_bytes=PER_IMAGE,
        decode_wait_seconds=0.1,
    )
    server = LiveServer(settings, db).start()
    with db.session() as s:
        _, key = keys.create_key(s, role="admin", name="admin", actor="test")
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"})
    try:
        yield Live(client, server.app.state.runtime)
    finally:
        client.close()
        server.stop()
        db.dispose()


def png(width: int, height: int) -> bytes:
    return encode(picture(width, height, "coffee"), "PNG")


@pytest.mark.parametrize("path", ["/v1/check", "/v1/hash"])
def test_an_upload_while_the_budget_is_spent_is_503_with_retry_after(live: Live, path: str) -> None:
    budget = live.runtime.decode_budget
    with budget.reserve(PER_IMAGE), budget.reserve(PER_IMAGE):  # two other decodes
        r = live.client.post(path, files={"file": ("a.png", png(600, 400), "image/png")})
    assert r.status_code == 503, r.text
    assert int(r.headers["Retry-After"]) >= 1
    assert r.json()["error"]["code"] == "decode_busy"
    again = live.client.post(path, files={"file": ("a.png", png(600, 400), "image/png")})
    assert again.status_code == 200, again.text


def test_an_image_over_the_per_image_decode_limit_is_refused(live: Live) -> None:
    r = live.client.post("/v1/hash", files={"file": ("a.png", png(1100, 1000), "image/png")})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "image_too_large"
    assert "decode limit" in r.json()["error"]["message"]
    assert live.runtime.decode_budget.in_use == 0

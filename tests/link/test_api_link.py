"""``POST /v1/link/query`` over HTTP against the real app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scenes import png_bytes, scene, views

from safeguard.link.linking import build
from safeguard.link.store import LinkStore
from tests.conftest import Served, live_service


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Path]]:
    tmp = tmp_path_factory.mktemp("linkapi")
    media = tmp / "media"
    media.mkdir()
    (media / "coffee.png").write_bytes(png_bytes(scene("coffee")))
    (media / "astronaut.png").write_bytes(png_bytes(scene("astronaut")))
    build(LinkStore.open(tmp / "link", create=True), [media])
    with live_service("sqlite", tmp, roles=("reviewer", "hasher")) as s:
        yield s, tmp


def test_query_answers_the_linked_items_with_evidence(served: tuple[Served, Path]) -> None:
    s, _ = served
    upload = views(scene("coffee"), 1)["combined"]
    with s.client("reviewer") as c:
        r = c.post("/v1/link/query", files={"file": ("q.jpg", upload, "image/jpeg")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [Path(m["path"]).name for m in body["items"]] == ["coffee.png"]
    assert body["items"][0]["inliers"] >= 15 and body["path"] == "q.jpg"
    assert body["items"][0]["regions"]["item"] is not None


def test_query_needs_the_reviewer_role(served: tuple[Served, Path]) -> None:
    s, _ = served
    with s.client("hasher") as c:
        r = c.post("/v1/link/query", files={"file": ("q.png", b"x", "image/png")})
    assert r.status_code == 403


def test_without_a_link_store_the_answer_is_404(tmp_path: Path) -> None:
    with live_service("sqlite", tmp_path, roles=("reviewer",)) as s, s.client("reviewer") as c:
        r = c.post("/v1/link/query", files={"file": ("q.png", b"x", "image/png")})
    assert r.status_code == 404 and r.json()["error"]["code"] == "link_store_missing"


def test_a_damaged_upload_is_422_with_the_decoder_code(served: tuple[Served, Path]) -> None:
    s, _ = served
    with s.client("reviewer") as c:
        bad = b"\x89PNG\r\n\x1a\nbroken"
        r = c.post("/v1/link/query", files={"file": ("q.png", bad, "image/png")})
    assert r.status_code == 422 and r.json()["error"]["code"] == "corrupt_media"


def test_a_query_after_a_build_sees_what_the_build_added(served: tuple[Served, Path]) -> None:
    """The service keeps the store open between requests (``store.open_kept``) and
    reads it again when a build has changed it."""
    s, tmp = served
    upload = views(scene("camera"), 2)["combined"]
    with s.client("reviewer") as c:
        before = c.post("/v1/link/query", files={"file": ("q.jpg", upload, "image/jpeg")})
        assert before.status_code == 200 and before.json()["items"] == []
        later = tmp / "later"
        later.mkdir()
        (later / "camera.png").write_bytes(png_bytes(scene("camera")))
        build(LinkStore.open(tmp / "link"), [later])
        after = c.post("/v1/link/query", files={"file": ("q.jpg", upload, "image/jpeg")})
    assert after.status_code == 200, after.text
    assert [Path(m["path"]).name for m in after.json()["items"]] == ["camera.png"]

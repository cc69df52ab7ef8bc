"""``POST /v1/check/url`` and ``/v1/check/query`` on the real service: URL and keyword lists
imported into banks, rules applied as for media, a deterrence message for a matching
query."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from safeguard.banks import BankSpec, create_bank, import_list
from safeguard.review.rules import add_rule
from safeguard.signals.urls import url_md5
from tests.conftest import Served, live_service


def _import(served: Served, bank: str, fmt: str, text: str, kind: str | None = None) -> None:
    @contextmanager
    def opener() -> Iterator[io.BytesIO]:
        yield io.BytesIO(text.encode())

    import_list(served.db, bank, opener, fmt=fmt, source="t", default_type=kind, actor="test")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    settings = {
        "deterrence_message": "Help is available.",
        "deterrence_link": "https://help.example",
    }
    with live_service("sqlite", tmp_path, roles=("matcher", "hasher"), **settings) as s:
        with s.db.session() as session:
            create_bank(session, BankSpec("hotline-urls", category="csam"), "test")
            create_bank(session, BankSpec("terms", category="search"), "test")
            add_rule(session, action="block", bank="hotline-urls", actor="test")
        _import(s, "hotline-urls", "urls", "http://blocked.example/gallery/\n")
        _import(s, "hotline-urls", "urls", url_md5("md5.example/x") + "\n")
        _import(s, "terms", "keywords", "secret gift card\n")
        s.server.app.state.runtime.refresh()
        yield s


def test_a_listed_url_is_blocked_in_any_of_its_spellings(served: Served) -> None:
    with served.client("matcher") as c:
        r = c.post("/v1/check/url", json={"url": "HTTPS://Blocked.Example:443/gallery?"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["action"] == "block"
    assert body["canonical"] == "blocked.example/gallery"
    assert [(m["bank"], m["signal"]) for m in body["matches"]] == [("hotline-urls", "url")]


def test_a_url_listed_as_md5_matches(served: Served) -> None:
    with served.client("matcher") as c:
        body = c.post("/v1/check/url", json={"url": "http://md5.example/x/"}).json()
    assert body["action"] == "block" and body["matches"][0]["signal"] == "url_md5"


def test_an_unlisted_url_matches_nothing(served: Served) -> None:
    with served.client("matcher") as c:
        body = c.post("/v1/check/url", json={"url": "http://blocked.example/other"}).json()
    assert body["matches"] == [] and body["case_id"] is None


def test_a_matching_query_gets_the_deterrence_message_and_a_case(served: Served) -> None:
    with served.client("matcher") as c:
        body = c.post("/v1/check/query", json={"query": "where is the SECRET gift card"}).json()
    assert body["action"] == "review"
    assert body["deterrence"] == {"message": "Help is available.", "link": "https://help.example"}
    assert body["case_id"] is not None
    assert body["matches"][0]["bank"] == "terms"


def test_a_harmless_query_gets_no_deterrence(served: Served) -> None:
    with served.client("matcher") as c:
        body = c.post("/v1/check/query", json={"query": "birthday gift card ideas"}).json()
    assert body == {"action": "allow", "matches": [], "case_id": None, "deterrence": None}


def test_a_malformed_url_is_a_client_error(served: Served) -> None:
    with served.client("matcher") as c:
        r = c.post("/v1/check/url", json={"url": "http://"})
    assert 400 <= r.status_code < 500 and r.json()["error"]["code"] == "invalid_signal"


def test_checking_text_needs_a_matcher_key(served: Served) -> None:
    with served.client("hasher") as c:
        assert c.post("/v1/check/url", json={"url": "example.com"}).status_code == 403

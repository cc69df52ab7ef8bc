"""Pages that must not be applied are refused, say why, and change nothing: tampered,
unsigned, signed by another key, replayed, out of order; a token revoked mid-sync stops the
sync at the page it was refused on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from safeguard.exchange import publisher, signing, subscriber
from safeguard.exchange.errors import PageRejected
from safeguard.exchange.pages import Cursor
from safeguard.store.models import ExchangeSubscription
from tests.exchange.helpers import (
    Pair,
    mirror_count,
    publisher_and_subscriber,
    publisher_rows,
    subscriber_rows,
)

Rewrite = Callable[[int, dict[str, Any]], dict[str, Any]]


class Meddler(httpx.BaseTransport):
    """A real HTTP transport whose feed pages pass through ``rewrite(n, page)`` (n: the
    page's number in this client's life, from 1), like someone on the path would."""

    def __init__(self, rewrite: Rewrite, before: Callable[[int], None] | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.rewrite = rewrite
        self.before = before
        self.pages = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        is_page = request.method == "GET" and "/v1/exchange/feeds/" in request.url.path
        if is_page:
            self.pages += 1
            if self.before:
                self.before(self.pages)
        response = self.inner.handle_request(request)
        if not is_page or response.status_code != 200:
            return response
        response.read()
        body = self.rewrite(self.pages, json.loads(response.content))
        return httpx.Response(200, json=body, request=request)


def _checkpoint(pair: Pair) -> tuple[str, int, str | None]:
    with pair.sub.db.session() as s:
        sub = s.get(ExchangeSubscription, pair.subscription)
        assert sub is not None
        return sub.cursor, sub.seq, sub.last_error


def _sync(pair: Pair, transport: httpx.BaseTransport, limit: int = 10) -> subscriber.SyncReport:
    with httpx.Client(transport=transport, timeout=30) as client:
        return subscriber.sync_one(pair.sub.db, pair.subscription, client=client, limit=limit)


@pytest.fixture
def pair(tmp_path: Path) -> Any:
    with publisher_and_subscriber(tmp_path, 30) as made:
        yield made


def test_a_tampered_page_is_refused_and_nothing_changes(pair: Pair) -> None:
    def tamper(_n: int, signed: dict[str, Any]) -> dict[str, Any]:
        signed["page"]["items"][0]["disabled"] = True
        return signed

    report = _sync(pair, Meddler(tamper))
    assert report.error is not None and "bad signature" in report.error
    assert (report.pages, report.items) == (0, 0)
    assert mirror_count(pair.sub.db) == 0
    assert _checkpoint(pair) == ("", 0, report.error)


def test_an_unsigned_page_is_refused(pair: Pair) -> None:
    def strip(_n: int, signed: dict[str, Any]) -> dict[str, Any]:
        return {"page": signed["page"]}

    report = _sync(pair, Meddler(strip))
    assert report.error == "unsigned page refused"
    assert mirror_count(pair.sub.db) == 0


def test_a_page_signed_by_another_key_is_refused(pair: Pair, tmp_path: Path) -> None:
    other = signing.load_or_create_key(tmp_path / "impostor")

    def resign(_n: int, signed: dict[str, Any]) -> dict[str, Any]:
        signed["page"]["items"] = signed["page"]["items"][:1]
        return {"page": signed["page"], "signature": signing.sign(other, signed["page"])}

    report = _sync(pair, Meddler(resign))
    assert report.error is not None and "bad signature" in report.error
    assert mirror_count(pair.sub.db) == 0


def test_a_replayed_page_is_refused_after_the_pages_before_it_applied(pair: Pair) -> None:
    first: dict[str, Any] = {}

    def replay(n: int, signed: dict[str, Any]) -> dict[str, Any]:
        if n == 1:
            first.update(json.loads(json.dumps(signed)))
            return signed
        return first  # the first page again, genuinely signed

    report = _sync(pair, Meddler(replay))
    assert report.error is not None and "out of order or replayed" in report.error
    assert (report.pages, report.items) == (1, 10)
    assert mirror_count(pair.sub.db) == 10
    assert _checkpoint(pair)[:2] == (first["page"]["next"], 1)


def test_an_out_of_order_page_is_refused(pair: Pair) -> None:
    """The publisher's own third page, served where the first was due."""
    with pair.pub.db.session() as s:
        feed = publisher.get_feed(s, pair.feed)
        key = signing.load_or_create_key(Path(pair.pub.server.app.state.runtime.settings.data_dir))
        p1 = publisher.page(s, feed, key, limit=10)
        p2 = publisher.page(s, feed, key, after=p1["page"]["next"], limit=10)
        p3 = publisher.page(s, feed, key, after=p2["page"]["next"], limit=10)

    report = _sync(pair, Meddler(lambda _n, _signed: p3))
    assert report.error is not None and "out of order or replayed" in report.error
    assert mirror_count(pair.sub.db) == 0


def test_a_page_whose_sequence_skips_is_refused() -> None:
    private = Ed25519PrivateKey.generate()
    body = {
        "v": 1,
        "feed": "f",
        "feed_uid": "u",
        "seq": 3,
        "prev": "",
        "next": str(Cursor(3, 5, 0)),
        "more": False,
        "issued_at": "2026-12-05T00:00:00+00:00",
        "items": [],
    }
    signed = {"page": body, "signature": signing.sign(private, body)}
    checkpoint = subscriber.Checkpoint("f", None, "", 0)
    with pytest.raises(PageRejected, match="sequence"):
        subscriber.verify_page(signed, private.public_key(), checkpoint)


def test_a_token_revoked_mid_sync_stops_the_sync_where_it_was(pair: Pair) -> None:
    def revoke_before_second(n: int) -> None:
        if n == 2:
            with pair.pub.db.session() as s:
                publisher.revoke_token(s, pair.token_prefix, actor="test")

    report = _sync(pair, Meddler(lambda _n, signed: signed, before=revoke_before_second))
    assert report.error is not None and "refused the token" in report.error
    assert (report.pages, report.items) == (1, 10)
    assert mirror_count(pair.sub.db) == 10
    again = subscriber.sync_one(pair.sub.db, pair.subscription)
    assert again.error is not None and "refused the token" in again.error
    assert mirror_count(pair.sub.db) == 10


def test_a_wrong_token_is_refused_with_401(pair: Pair) -> None:
    with httpx.Client(base_url=pair.pub.server.url) as client:
        wrong = client.get(
            f"/v1/exchange/feeds/{pair.feed}", headers={"Authorization": "Bearer sgx_nope_x"}
        )
        none = client.get(f"/v1/exchange/feeds/{pair.feed}")
        other_feed = client.get(
            "/v1/exchange/feeds/another", headers={"Authorization": f"Bearer {pair.token}"}
        )
    assert [r.status_code for r in (wrong, none, other_feed)] == [401, 401, 401]
    assert wrong.json()["error"]["code"] == "token_refused"


def test_after_refusals_an_honest_sync_still_converges(pair: Pair) -> None:
    _sync(pair, Meddler(lambda _n, s: {"page": s["page"]}))
    report = subscriber.sync_one(pair.sub.db, pair.subscription, limit=10)
    assert report.error is None
    assert subscriber_rows(pair.sub.db, pair.subscription) == publisher_rows(pair.pub.db)
    with pair.sub.db.session() as s:
        sub = s.scalar(select(ExchangeSubscription))
        assert sub is not None and sub.last_error is None


class Bomb(httpx.BaseTransport):
    """Answers every feed page with a gzip body that inflates past the subscriber's bound
    (zeros: about 300 KB on the wire)."""

    def __init__(self) -> None:
        import gzip

        self.body = gzip.compress(bytes(subscriber.MAX_PAGE_BYTES + (1 << 20)), compresslevel=1)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            content=self.body,
            headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
            request=request,
        )


def test_a_page_that_inflates_past_the_bound_is_refused_unread(pair: Pair) -> None:
    before = _checkpoint(pair)
    report = _sync(pair, Bomb())
    assert report.error is not None and "MiB (decompressed)" in report.error
    assert report.pages == 0 and mirror_count(pair.sub.db) == 0
    assert _checkpoint(pair)[:2] == before[:2]


class AsksForMore(httpx.BaseTransport):
    """Someone on the path raises the page size the subscriber asked for: the publisher
    signs an honest, larger page."""

    def __init__(self, limit: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.limit = limit

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if "/v1/exchange/feeds/" in request.url.path:
            request.url = request.url.copy_set_param("limit", str(self.limit))
        return self.inner.handle_request(request)


def test_a_signed_page_larger_than_asked_for_is_refused(pair: Pair) -> None:
    report = _sync(pair, AsksForMore(25), limit=10)
    assert report.error is not None and "25 items; 10 were asked for" in report.error
    assert report.pages == 0 and mirror_count(pair.sub.db) == 0
    assert _sync(pair, httpx.HTTPTransport(), limit=10).error is None
    assert mirror_count(pair.sub.db) == 30

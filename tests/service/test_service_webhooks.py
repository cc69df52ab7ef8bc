"""Webhooks against a real HTTP receiver on loopback: signed deliveries, retries with
backoff, a target that is down or slow, and the request path never waiting for them."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from safeguard.access import keys
from safeguard.review import cases, webhooks
from safeguard.review.webhooks import (
    Deliverer,
    DeliveryPolicy,
    add_endpoint,
    enqueue,
    verify_signature,
)
from safeguard.service.testing import database_url, free_port, live_server, settings_for_tests
from safeguard.store.db import Database
from safeguard.store.models import WebhookDelivery

SECRET = "a-test-secret-of-enough-length"


class Receiver:
    """Records each request; answers ``statuses`` in turn (then 200), or holds every
    request until ``release`` is set."""

    def __init__(self, statuses: list[int] | None = None, hold: bool = False) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.statuses = list(statuses or [])
        self.release = threading.Event()
        self.arrived = threading.Event()
        if not hold:
            self.release.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                receiver.arrived.set()
                receiver.release.wait(30)
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def policy() -> DeliveryPolicy:
    return DeliveryPolicy(timeout=2.0, max_attempts=3, base_delay=10.0, poll=0.05)


def _one(db: Database) -> WebhookDelivery:
    with db.session() as s:
        (d,) = s.scalars(select(WebhookDelivery)).all()
        return d


def test_a_delivery_is_signed_over_the_raw_body(db: Database, policy: DeliveryPolicy) -> None:
    with Receiver() as rx:
        with db.session() as s:
            add_endpoint(s, url=rx.url, actor="t", secret=SECRET)
            enqueue(s, "case.decided", {"case": 7})
        assert Deliverer(db, policy).run_once() == 1
        headers, body = rx.requests[0]
    assert verify_signature(SECRET, body, headers["x-safeguard-signature"])
    assert not verify_signature("another secret", body, headers["x-safeguard-signature"])
    assert headers["x-safeguard-event"] == "case.decided"
    assert int(headers["x-safeguard-timestamp"]) > 0
    assert json.loads(body)["data"] == {"case": 7}
    assert _one(db).status == "delivered"


def test_a_failing_target_is_retried_with_backoff_until_it_answers(
    db: Database, policy: DeliveryPolicy
) -> None:
    with Receiver(statuses=[500, 503]) as rx:
        with db.session() as s:
            add_endpoint(s, url=rx.url, actor="t", secret=SECRET)
            enqueue(s, "case.decided", {"case": 1})
        deliverer = Deliverer(db, policy)
        deliverer.run_once()
        first = _one(db)
        assert (first.status, first.attempts, first.last_status_code) == ("pending", 1, 500)
        assert deliverer.run_once() == 0  # not due yet: backing off
        later = datetime.now(UTC) + timedelta(seconds=policy.delay(1) + 1)
        deliverer.run_once(now=later)
        second = _one(db)
        assert (second.attempts, second.last_status_code) == (2, 503)
        gap = second.next_attempt_at.replace(tzinfo=UTC) - datetime.now(UTC)
        assert gap > timedelta(seconds=policy.delay(1))  # the wait doubled
        deliverer.run_once(now=later + timedelta(seconds=policy.delay(2) + 1))
    done = _one(db)
    assert (done.status, done.attempts) == ("delivered", 3)
    with db.session() as s:
        log = webhooks.attempts_of(s, done.id)
    assert [a.status_code for a in log] == [500, 503, 200]


def test_a_target_that_is_down_fails_after_the_last_attempt(
    db: Database, policy: DeliveryPolicy
) -> None:
    with db.session() as s:
        add_endpoint(s, url=f"http://127.0.0.1:{free_port()}/nobody", actor="t")
        enqueue(s, "case.decided", {"case": 1})
    deliverer = Deliverer(db, policy)
    now = datetime.now(UTC)
    for _ in range(policy.max_attempts):
        deliverer.run_once(now=now)
        now += timedelta(seconds=policy.max_delay + 1)
    failed = _one(db)
    assert (failed.status, failed.attempts, failed.last_status_code) == ("failed", 3, None)
    assert "Connection" in (failed.last_error or "") or "refused" in (failed.last_error or "")
    assert deliverer.run_once(now=now) == 0


def test_two_deliverers_never_claim_the_same_delivery(db: Database, policy: DeliveryPolicy) -> None:
    with db.session() as s:
        add_endpoint(s, url="http://127.0.0.1:9/", actor="t")
        for i in range(5):
            enqueue(s, "case.decided", {"case": i})
    now = datetime.now(UTC)
    a, b = Deliverer(db, policy)._claim(now), Deliverer(db, policy)._claim(now)
    assert sorted(a + b) == sorted(set(a + b))
    assert len(a) == 5


def test_an_event_nobody_subscribed_to_is_not_queued(db: Database) -> None:
    with db.session() as s:
        add_endpoint(s, url="http://127.0.0.1:9/", actor="t", events="case.reported")
        enqueue(s, "case.decided", {})
        assert webhooks.recent_deliveries(s) == []


def test_an_invalid_webhook_url_or_event_is_refused(db: Database) -> None:
    with pytest.raises(webhooks.InvalidWebhook), db.session() as s:
        add_endpoint(s, url="ftp://example.org/", actor="t")
    with pytest.raises(webhooks.InvalidWebhook), db.session() as s:
        add_endpoint(s, url="http://example.org/", actor="t", events="case.eaten")


@pytest.mark.slow
def test_a_slow_target_never_blocks_a_decision(db: Database, tmp_path: Path) -> None:
    settings = settings_for_tests(
        tmp_path,
        database_url(db),
        run_deliverer=True,
        webhooks=DeliveryPolicy(timeout=20.0, poll=0.05),
    )
    with Receiver(hold=True) as rx, live_server(settings, db) as server:
        with db.session() as s:
            add_endpoint(s, url=rx.url, actor="t", secret=SECRET)
            case_a = cases.open_case(
                s, source="t", action="review", summary="", evidence={}, actor="t"
            ).id
            case_b = cases.open_case(
                s, source="t", action="review", summary="", evidence={}, actor="t"
            ).id
            _, key = keys.create_key(s, role="reviewer", name="r", actor="t")
        headers = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=server.url, headers=headers, timeout=10) as client:
            # The receiver holds the webhook of opening the cases: the deliverer is stuck on
            # it, yet decisions answer (a client timeout here would fail the test).
            assert rx.arrived.wait(10)
            for case_id in (case_a, case_b):
                r = client.post(f"/v1/cases/{case_id}/decision", json={"decision": "escalate"})
                assert r.status_code == 200
            assert not rx.release.is_set()
            rx.release.set()
            deadline = datetime.now(UTC) + timedelta(seconds=30)
            while True:
                log = client.get("/v1/webhooks/deliveries").json()
                if log and all(d["status"] == "delivered" for d in log):
                    break
                assert datetime.now(UTC) < deadline, log
                threading.Event().wait(0.1)
    assert {json.loads(body)["event"] for _, body in rx.requests} == {
        "case.opened",
        "case.decided",
        "case.reported",
    }


def test_an_endpoint_may_subscribe_to_the_stream_monitors_decisions(db: Database) -> None:
    with db.session() as s:
        endpoint, _ = add_endpoint(
            s, url="http://127.0.0.1:9/hook", actor="t", events="stream.terminate,stream.review"
        )
        assert endpoint.events == "stream.terminate,stream.review"
    with pytest.raises(webhooks.InvalidWebhook), db.session() as s:
        add_endpoint(s, url="http://127.0.0.1:9/hook", actor="t", events="stream.nonsense")

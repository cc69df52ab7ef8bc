"""Webhooks: decision events sent to other systems, signed, retried, logged.

``enqueue`` writes one delivery per subscribed endpoint into the ``webhook_deliveries``
outbox, in the caller's transaction: the event exists exactly when the decision does, and
the request that made it never waits for a network call. A ``Deliverer`` (a background
thread in every service worker) claims due deliveries with a lease, so two workers never
send the same one at once, POSTs them, and logs every attempt. A failure (connection
error, timeout, non-2xx) is retried with exponential backoff up to ``max_attempts``, then
the delivery is marked ``failed``.

Each request carries ``X-Safeguard-Event``, ``X-Safeguard-Delivery`` (the outbox id),
``X-Safeguard-Timestamp`` (Unix seconds of this attempt) and
``X-Safeguard-Signature: sha256=<hex>``, the HMAC-SHA256 of the raw body with the
endpoint's secret. The body holds a unique event ``id`` and ``created_at``, so a receiver
can drop replays.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.errors import InvalidInput, NotFound, SafeguardError
from safeguard.store.db import Database
from safeguard.store.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

log = logging.getLogger(__name__)

#: What the console's webhook log and the API call a delivery.
Delivery = WebhookDelivery
EVENTS = (
    "case.opened",
    "case.decided",
    "case.reported",
    "check.blocked",
    # The livestream monitor's decisions (safeguard.stream.actions).
    "stream.terminate",
    "stream.review",
)


class WebhookError(SafeguardError):
    code = "webhook_error"


class InvalidWebhook(WebhookError, InvalidInput):
    code = "invalid_webhook"


class WebhookNotFound(WebhookError, NotFound):
    code = "webhook_not_found"


def sign(secret: str, body: bytes) -> str:
    """The ``X-Safeguard-Signature`` value for ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(sign(secret, body), header)


def _utc(at: datetime) -> datetime:
    # SQLite returns datetimes without a zone; everything is stored in UTC.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


# --- endpoints ---------------------------------------------------------------------------


def add_endpoint(
    session: Session,
    *,
    url: str,
    actor: str,
    secret: str | None = None,
    events: str = "*",
) -> tuple[WebhookEndpoint, str]:
    """Register a target; returns it and its signing secret (generated when not given)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InvalidWebhook(f"webhook URL must be http(s)://host/..., got {url!r}")
    wanted = [e.strip() for e in events.split(",") if e.strip()] or ["*"]
    unknown = [e for e in wanted if e != "*" and e not in EVENTS]
    if unknown:
        raise InvalidWebhook(f"unknown events {unknown}; known: {', '.join(EVENTS)} or *")
    secret = secret or secrets.token_urlsafe(32)
    row = WebhookEndpoint(url=url, secret=secret, events=",".join(wanted), created_by=actor)
    session.add(row)
    session.flush()
    audit.record(session, actor, "webhook.add", f"webhook:{row.id}", {"url": url})
    return row, secret


def list_endpoints(session: Session) -> list[WebhookEndpoint]:
    return list(session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id)))


def get_endpoint(session: Session, endpoint_id: int) -> WebhookEndpoint:
    row = session.get(WebhookEndpoint, endpoint_id)
    if row is None:
        raise WebhookNotFound(f"no webhook endpoint {endpoint_id}")
    return row


def get_delivery(session: Session, delivery_id: int) -> WebhookDelivery:
    row = session.get(WebhookDelivery, delivery_id)
    if row is None:
        raise WebhookNotFound(f"no webhook delivery {delivery_id}", code="delivery_not_found")
    return row


def remove_endpoint(session: Session, endpoint_id: int, *, actor: str) -> None:
    row = get_endpoint(session, endpoint_id)
    session.delete(row)
    session.flush()
    audit.record(session, actor, "webhook.remove", f"webhook:{endpoint_id}", {"url": row.url})


def _subscribed(endpoint: WebhookEndpoint, event: str) -> bool:
    wanted = endpoint.events.split(",")
    return "*" in wanted or event in wanted


# --- the outbox --------------------------------------------------------------------------


def enqueue(session: Session, event: str, payload: dict[str, Any]) -> None:
    """Put ``event`` in the outbox for every enabled endpoint subscribed to it."""
    endpoints = session.scalars(
        select(WebhookEndpoint).where(WebhookEndpoint.enabled.is_(True))
    ).all()
    now = datetime.now(UTC)
    for endpoint in endpoints:
        if not _subscribed(endpoint, event):
            continue
        body = json.dumps(
            {
                "id": uuid.uuid4().hex,
                "event": event,
                "created_at": now.isoformat(),
                "data": payload,
            },
            separators=(",", ":"),
            sort_keys=True,
            default=str,
        )
        session.add(
            WebhookDelivery(
                endpoint_id=endpoint.id,
                event=event,
                url=endpoint.url,
                payload=body,
                created_at=now,
                next_attempt_at=now,
            )
        )
    session.flush()


def recent_deliveries(session: Session, limit: int = 100) -> list[WebhookDelivery]:
    """Newest first: the console's webhook log."""
    return list(
        session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id.desc()).limit(limit))
    )


def attempts_of(session: Session, delivery_id: int) -> list[WebhookAttempt]:
    return list(
        session.scalars(
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id == delivery_id)
            .order_by(WebhookAttempt.id)
        )
    )


def delivery_json(d: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": d.id,
        "event": d.event,
        "url": d.url,
        "status": d.status,
        "attempts": d.attempts,
        "last_status_code": d.last_status_code,
        "last_error": d.last_error,
        "created_at": _utc(d.created_at).isoformat(),
        "next_attempt_at": _utc(d.next_attempt_at).isoformat() if d.status == "pending" else None,
        "delivered_at": _utc(d.delivered_at).isoformat() if d.delivered_at else None,
    }


# --- delivery ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    timeout: float = 5.0
    max_attempts: int = 8
    base_delay: float = 2.0
    max_delay: float = 600.0
    #: How often the outbox is polled for due deliveries.
    poll: float = 0.5
    #: Deliveries sent at once: a slow target holds one sender, the others go on.
    concurrency: int = 4

    def delay(self, attempts: int) -> float:
        """Seconds before the next try after ``attempts`` failed ones."""
        return float(min(self.base_delay * 2 ** max(attempts - 1, 0), self.max_delay))


@dataclass(frozen=True, slots=True)
class _Outcome:
    status_code: int | None
    error: str | None
    duration_ms: float

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> _Outcome:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            code = int(response.status)
            error = None if 200 <= code < 300 else f"HTTP {code}"
    except urllib.error.HTTPError as e:
        code, error = int(e.code), f"HTTP {e.code}"
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        code, error = None, f"{type(reason).__name__}: {reason}"[:500]
    return _Outcome(code, error, (time.perf_counter() - started) * 1000)


class Deliverer:
    """Sends due deliveries from the outbox on background threads (``start``/``stop``),
    or once on demand (``run_once``, which tests use)."""

    def __init__(self, db: Database, policy: DeliveryPolicy | None = None) -> None:
        self.db = db
        self.policy = policy or DeliveryPolicy()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool = ThreadPoolExecutor(self.policy.concurrency, thread_name_prefix="webhook")
        self._lock = threading.Lock()
        self._inflight: set[int] = set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="webhook-deliverer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.policy.timeout + 2)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once(wait=False)
            except Exception:  # the loop must outlive a database hiccup
                log.exception("webhook delivery round failed")
            self._stop.wait(self.policy.poll)

    def run_once(self, now: datetime | None = None, *, wait: bool = True) -> int:
        """Claim due deliveries (as many as there are free senders) and send them; returns
        how many were claimed. ``wait``: return only when they are all sent."""
        with self._lock:
            free = self.policy.concurrency - len(self._inflight)
        if free <= 0:
            return 0
        claimed = self._claim(now or datetime.now(UTC), free)
        with self._lock:
            self._inflight.update(claimed)
        futures = [self._pool.submit(self._send_and_release, i) for i in claimed]
        if wait:
            for f in futures:
                f.result()
        return len(claimed)

    def _send_and_release(self, delivery_id: int) -> None:
        try:
            self._send(delivery_id)
        finally:
            with self._lock:
                self._inflight.discard(delivery_id)

    def _claim(self, now: datetime, limit: int = 100) -> list[int]:
        lease = now + timedelta(seconds=self.policy.timeout * 2 + 5)
        with self.db.session() as s:
            due = s.scalars(
                select(WebhookDelivery.id)
                .where(
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.next_attempt_at <= now,
                    or_(
                        WebhookDelivery.locked_until.is_(None),
                        WebhookDelivery.locked_until < now,
                    ),
                )
                .order_by(WebhookDelivery.next_attempt_at)
                .limit(limit)
            ).all()
        claimed = []
        for delivery_id in due:
            with self.db.session() as s:
                result = s.execute(
                    update(WebhookDelivery)
                    .where(
                        WebhookDelivery.id == delivery_id,
                        WebhookDelivery.status == "pending",
                        or_(
                            WebhookDelivery.locked_until.is_(None),
                            WebhookDelivery.locked_until < now,
                        ),
                    )
                    .values(locked_until=lease)
                )
                if getattr(result, "rowcount", 0) == 1:
                    claimed.append(delivery_id)
        return claimed

    def _send(self, delivery_id: int) -> None:
        with self.db.session() as s:
            d = s.get(WebhookDelivery, delivery_id)
            endpoint = s.get(WebhookEndpoint, d.endpoint_id) if d and d.endpoint_id else None
            if d is None:
                return
            body, url, event = d.payload.encode(), d.url, d.event
            secret = endpoint.secret if endpoint is not None else None
        if secret is None:
            outcome = _Outcome(None, "endpoint was removed", 0.0)
        else:
            headers = {
                "Content-Type": "application/json",
                "User-Agent": "safeguard-webhooks",
                "X-Safeguard-Event": event,
                "X-Safeguard-Delivery": str(delivery_id),
                "X-Safeguard-Timestamp": str(int(time.time())),
                "X-Safeguard-Signature": sign(secret, body),
            }
            outcome = _post(url, body, headers, self.policy.timeout)
        self._record(delivery_id, outcome, final=secret is None)

    def _record(self, delivery_id: int, outcome: _Outcome, *, final: bool) -> None:
        now = datetime.now(UTC)
        with self.db.session() as s:
            d = s.get(WebhookDelivery, delivery_id)
            if d is None:
                return
            d.attempts += 1
            d.last_status_code = outcome.status_code
            d.last_error = outcome.error
            d.locked_until = None
            if outcome.ok:
                d.status, d.delivered_at = "delivered", now
            elif final or d.attempts >= self.policy.max_attempts:
                d.status = "failed"
            else:
                d.next_attempt_at = now + timedelta(seconds=self.policy.delay(d.attempts))
            s.add(
                WebhookAttempt(
                    delivery_id=delivery_id,
                    at=now,
                    status_code=outcome.status_code,
                    error=outcome.error,
                    duration_ms=outcome.duration_ms,
                )
            )

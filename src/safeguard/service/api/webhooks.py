"""Webhook endpoints (admin) and the delivery log (admin, reviewer) over HTTP."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from safeguard.review import webhooks
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_session
from safeguard.service.schemas import (
    AttemptOut,
    DeliveryDetail,
    DeliveryOut,
    RowId,
    WebhookCreated,
    WebhookIn,
    WebhookOut,
)
from safeguard.store.models import WebhookEndpoint

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"], responses=ERRORS)
admin = require_role("admin")


def _out(e: WebhookEndpoint) -> WebhookOut:
    return WebhookOut(
        id=e.id, url=e.url, events=e.events, enabled=e.enabled, created_at=e.created_at
    )


@router.post("", response_model=WebhookCreated, status_code=201)
def add_webhook(
    body: WebhookIn,
    principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> WebhookCreated:
    """Register a target; the signing secret is shown once (generated if not given)."""
    endpoint, secret = webhooks.add_endpoint(
        session, url=body.url, actor=principal.name, secret=body.secret, events=body.events_text()
    )
    return WebhookCreated(**_out(endpoint).model_dump(), secret=secret)


@router.get("", response_model=list[WebhookOut])
def list_webhooks(
    _principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[WebhookOut]:
    return [_out(e) for e in webhooks.list_endpoints(session)]


@router.delete("/{endpoint_id}", response_model=WebhookOut)
def remove_webhook(
    endpoint_id: RowId,
    principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> WebhookOut:
    out = _out(webhooks.get_endpoint(session, endpoint_id))
    webhooks.remove_endpoint(session, endpoint_id, actor=principal.name)
    return out


@router.get("/deliveries", response_model=list[DeliveryOut])
def deliveries(
    limit: int = Query(100, ge=1, le=1000),
    _principal: Principal = Depends(require_role("reviewer")),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[DeliveryOut]:
    """The delivery log, newest first."""
    return [
        DeliveryOut.model_validate(webhooks.delivery_json(d))
        for d in webhooks.recent_deliveries(session, limit)
    ]


@router.get("/deliveries/{delivery_id}", response_model=DeliveryDetail)
def delivery(
    delivery_id: RowId,
    _principal: Principal = Depends(require_role("reviewer")),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> DeliveryDetail:
    """One delivery with every attempt (status code or error, duration)."""
    d = webhooks.get_delivery(session, delivery_id)
    log = [
        AttemptOut(at=a.at, status_code=a.status_code, error=a.error, duration_ms=a.duration_ms)
        for a in webhooks.attempts_of(session, delivery_id)
    ]
    return DeliveryDetail(**webhooks.delivery_json(d), attempts_log=log)

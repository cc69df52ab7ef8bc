"""The audit log over HTTP: list (newest first, paged) and verify the hash chain."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_session
from safeguard.service.schemas import AuditEventOut, AuditPage, VerifyOut

router = APIRouter(prefix="/v1/audit", tags=["audit"], responses=ERRORS)
admin = require_role("admin")


@router.get("", response_model=AuditPage)
def list_events(
    before: int | None = Query(None, ge=1, le=2**63 - 1),
    limit: int = Query(100, ge=1, le=1000),
    action: str | None = Query(None, max_length=64),
    subject: str | None = Query(None, max_length=400),
    _principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> AuditPage:
    rows = audit.page(
        session, before=before, limit=limit, action=action or "", subject=subject or ""
    )
    events = [
        AuditEventOut(
            id=e.id,
            at=e.at,
            actor=e.actor,
            action=e.action,
            subject=e.subject,
            details=json.loads(e.details),
            prev_hash=e.prev_hash,
            hash=e.hash,
        )
        for e in rows
    ]
    return AuditPage(events=events, next_before=rows[-1].id if len(rows) == limit else None)


@router.get("/verify", response_model=VerifyOut)
def verify(
    _principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> VerifyOut:
    """Recompute the chain: names the first event changed, removed or moved."""
    v = audit.verify(session)
    return VerifyOut(
        ok=v.ok, checked=v.checked, head=v.head, first_bad_id=v.first_bad_id, reason=v.reason
    )

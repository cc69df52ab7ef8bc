"""The webhook delivery log and the audit log (with a button that verifies the chain)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.review import webhooks
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import render
from safeguard.service.console.sessions import SignedInUser

router = APIRouter(route_class=ConsoleRoute)

PAGE = 100
Staff = Annotated[SignedInUser, Depends(require_user("reviewer", "curator"))]


@router.get("/console/webhooks", include_in_schema=False)
def webhook_log(request: Request, user: Staff, session: DbSession) -> Response:
    return render(
        request,
        "webhooks.html",
        {"nav": "webhooks", "deliveries": webhooks.recent_deliveries(session, limit=200)},
    )


def _audit_page(
    request: Request,
    session: Session,
    *,
    action: str = "",
    subject: str = "",
    before: int = 0,
    verification: audit.Verification | None = None,
) -> Response:
    events = audit.page(session, before=before, limit=PAGE + 1, action=action, subject=subject)
    return render(
        request,
        "audit.html",
        {
            "nav": "audit",
            "events": events[:PAGE],
            "action": action,
            "subject": subject,
            "before": before,
            "next_before": events[PAGE - 1].id if len(events) > PAGE else None,
            "verification": verification,
        },
    )


@router.get("/console/audit", include_in_schema=False)
def audit_log(
    request: Request,
    user: Staff,
    session: DbSession,
    action: str = "",
    subject: str = "",
    before: int = 0,
) -> Response:
    return _audit_page(
        request, session, action=action.strip(), subject=subject.strip(), before=before
    )


@router.post("/console/audit/verify", include_in_schema=False)
def verify_audit(request: Request, user: Staff, session: DbSession) -> Response:
    return _audit_page(request, session, verification=audit.verify(session))

"""The review queue, the case page with its evidence, reveals and decisions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks import BankError
from safeguard.exchange import cybertip
from safeguard.review import cases
from safeguard.review.evidence import EvidenceError, EvidenceStore
from safeguard.service.console import case_views, wellbeing
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import (
    evidence_image,
    not_found,
    render,
    reveal_response,
)
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.deps import get_evidence
from safeguard.signals.errors import SignalError
from safeguard.signals.types import EXACT_SIGNALS
from safeguard.store.models import AuditEvent, Bank, Case, ChatConversation

router = APIRouter(route_class=ConsoleRoute)

PAGE = 50
STATUSES = (
    ("open", "Open"),
    ("escalated", "Escalated"),
    ("confirmed", "Confirmed"),
    ("false_positive", "False positive"),
    ("all", "All"),
)
DONE = {
    "confirm": "Confirmed: the content's signals were added to the bank.",
    "false_positive": "Marked as a false positive.",
    "escalate": "Escalated.",
}

Reviewer = Annotated[SignedInUser, Depends(require_user("reviewer"))]
Evidence = Annotated[EvidenceStore, Depends(get_evidence)]


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    status: str
    action: str
    summary: str
    source: str
    match_count: int
    created_at: datetime
    decided_by: str | None


@router.get("/console/cases", include_in_schema=False)
def queue(
    request: Request, user: Reviewer, session: DbSession, status: str = "open", page: int = 1
) -> Response:
    if status not in {s for s, _ in STATUSES}:
        status = "open"
    page = max(1, page)
    rows = cases.list_cases(
        session,
        status=None if status == "all" else status,
        limit=PAGE + 1,
        offset=(page - 1) * PAGE,
    )
    shown = [
        QueueRow(
            c.id,
            c.status,
            c.action,
            c.summary,
            c.source,
            len(c.evidence.get("matches") or []),
            c.created_at,
            c.decided_by,
        )
        for c in rows[:PAGE]
    ]
    return render(
        request,
        "cases.html",
        {
            "nav": "cases",
            "cases": shown,
            "status": status,
            "statuses": STATUSES,
            "counts": {
                value: cases.count_cases(session, status=None if value == "all" else value)
                for value, _label in STATUSES
            },
            "page": page,
            "has_more": len(rows) > PAGE,
        },
    )


#: Evidence ``signals`` keys that are content fingerprints (shown as the signals table);
#: anything else recorded there (kind, size, ...) is shown with the summary.
SIGNAL_KEYS = ("pdq", "vpdq", *EXACT_SIGNALS)


def _signals(evidence: dict[str, Any]) -> list[dict[str, Any]]:
    signals = evidence.get("signals") or {}
    if not isinstance(signals, dict):
        return []
    out: list[dict[str, Any]] = []
    for kind in SIGNAL_KEYS:
        value = signals.get(kind)
        if not value:
            continue
        if kind == "vpdq" and isinstance(value, list):
            for frame in value:
                if isinstance(frame, dict):
                    out.append(
                        {
                            "type": f"vpdq frame {frame.get('frame', '')}",
                            "value": frame.get("pdq", ""),
                            "quality": frame.get("quality"),
                        }
                    )
            continue
        out.append({"type": kind, "value": value, "quality": signals.get(f"{kind}_quality")})
    return out


def _matches(session: Session, evidence: dict[str, Any]) -> list[dict[str, Any]]:
    """Each match with its bank's provenance: as recorded when the case was opened, or
    (for cases recorded without it) as the bank is now."""
    recorded = evidence.get("banks") or {}
    matches = [m for m in evidence.get("matches") or [] if isinstance(m, dict)]
    missing = {m["bank"] for m in matches if isinstance(m.get("bank"), str)} - set(recorded)
    current = (
        {b.name: b for b in session.scalars(select(Bank).where(Bank.name.in_(missing)))}
        if missing
        else {}
    )
    out = []
    for m in matches:
        name = m.get("bank")
        prov = recorded.get(name) or {}
        bank = current.get(name) if isinstance(name, str) else None
        out.append(
            {
                "bank": name,
                "kind": m.get("bank_kind") or prov.get("kind") or (bank.kind if bank else None),
                "category": m.get("category")
                or prov.get("category")
                or (bank.category if bank else None),
                "signal": m.get("signal"),
                "distance": m.get("distance"),
                "value": m.get("value"),
                "external_id": m.get("external_id"),
                "source": prov.get("source") or (bank.source if bank else None),
                "licence": prov.get("licence") or (bank.licence if bank else None),
            }
        )
    return out


def _details(evidence: dict[str, Any]) -> list[tuple[str, str]]:
    signals = evidence.get("signals")
    extra = {
        k: v
        for k, v in (signals.items() if isinstance(signals, dict) else ())
        if k not in SIGNAL_KEYS and not k.endswith("_quality")
    }
    extra.update({k: v for k, v in evidence.items() if k not in ("signals", "matches", "banks")})
    out = []
    for key, value in sorted(extra.items()):
        if isinstance(value, str | int | float | bool) or value is None:
            out.append((key.replace("_", " ").capitalize(), "" if value is None else str(value)))
    return out


def _history(session: Session, case_id: int) -> list[AuditEvent]:
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject == f"case:{case_id}")
            .order_by(AuditEvent.id.desc())
            .limit(100)
        )
    )


def _preview(session: Session, store: EvidenceStore, case: Case) -> tuple[bool, str]:
    """Whether the case's kept media can be shown as a (blurred) picture, and its type."""
    if not case.has_media:
        return False, ""
    info = store.info(session, case.id)
    if info is None:
        return False, ""
    signals = case.evidence.get("signals")
    kind = signals.get("kind") if isinstance(signals, dict) else None
    is_video = kind == "video" or info.content_type.startswith("video/")
    return not is_video, info.content_type


def _next_open(session: Session, case_id: int) -> int | None:
    """The next open case after this one in queue order (oldest first), wrapping round."""
    after = session.scalar(
        select(Case.id).where(Case.status == "open", Case.id > case_id).order_by(Case.id)
    )
    if after is not None:
        return int(after)
    first = session.scalar(
        select(Case.id).where(Case.status == "open", Case.id != case_id).order_by(Case.id)
    )
    return int(first) if first is not None else None


def _conversation_now(session: Session, case: Case) -> ChatConversation | None:
    """The conversation's state now, while the platform keeps it open: with the risk the
    case was opened at, the risk over time a reviewer sees."""
    chat = case.evidence.get("chat")
    if not isinstance(chat, dict):
        return None
    owner, conversation = chat.get("client"), chat.get("id")
    if not isinstance(owner, str) or not isinstance(conversation, str):
        return None
    return session.get(ChatConversation, (owner, conversation))


def _case_page(
    request: Request,
    user: SignedInUser,
    session: Session,
    store: EvidenceStore,
    case: Case,
    *,
    flash: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    # Bank rows, not summaries: counting every bank's entries is for the banks page.
    banks = list(session.scalars(select(Bank).order_by(Bank.name)))
    preview, media_type = _preview(session, store, case)
    kind = case_views.case_kind(case.source, case.evidence)
    return render(
        request,
        "case.html",
        {
            "nav": "cases",
            "case": case,
            "kind": kind,
            "chat": case_views.chat_view(case.evidence) if kind == "chat" else None,
            "conversation_now": _conversation_now(session, case) if kind == "chat" else None,
            "stream": case_views.stream_view(case.evidence) if kind == "stream" else None,
            "signals": _signals(case.evidence),
            "matches": case_views.unique_matches(_matches(session, case.evidence)),
            "details": [] if kind != "content" else _details(case.evidence),
            "raw_evidence": json.dumps(case.evidence, indent=2, sort_keys=True, default=str),
            "history": _history(session, case.id),
            "block_banks": [b for b in banks if b.kind == "block" and b.enabled],
            "allow_banks": [b for b in banks if b.kind == "allow" and b.enabled],
            "reveals_today": wellbeing.reveals_today(session, user.user_id),
            "reveals_notice": wellbeing.REVEALS_BEFORE_NOTICE,
            "reblur_seconds": wellbeing.REBLUR_SECONDS,
            "preview": preview,
            "media_type": media_type,
            "next_open": _next_open(session, case.id),
            "cybertip_reports": cybertip.session_reports(session, case.id),
            "flash": flash,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/console/cases/{case_id}", include_in_schema=False)
def case_page(
    request: Request,
    case_id: int,
    user: Reviewer,
    session: DbSession,
    store: Evidence,
    done: str = "",
) -> Response:
    try:
        case = cases.get_case(session, case_id)
    except cases.CaseNotFound:
        return not_found(request, "No such case", f"There is no case {case_id}.", nav="cases")
    audit.record(session, user.actor, "case.view", f"case:{case_id}")
    return _case_page(request, user, session, store, case, flash=DONE.get(done))


@router.get("/console/cases/{case_id}/thumbnail", include_in_schema=False)
def thumbnail(
    request: Request, case_id: int, user: Reviewer, session: DbSession, store: Evidence
) -> Response:
    """The case's media, blurred and greyscale: the only form a page loads by itself."""
    try:
        data = store.load(session, case_id)
    except EvidenceError as e:
        return Response(str(e), status_code=500, media_type="text/plain")
    if data is None:
        return Response("no media kept for this case", status_code=404, media_type="text/plain")
    try:
        image = wellbeing.blurred(data)
    except wellbeing.NoPreview as e:
        return Response(str(e), status_code=415, media_type="text/plain")
    audit.record(session, user.actor, "evidence.view", f"case:{case_id}", {"form": "blurred"})
    return evidence_image(image)


@router.post("/console/cases/{case_id}/reveal", include_in_schema=False)
def reveal(
    request: Request, case_id: int, user: Reviewer, session: DbSession, store: Evidence
) -> Response:
    """The clear picture, after a deliberate click: audited and counted. Scripts get the
    image (and put the blur back after a few seconds); a plain form post gets a page that
    shows it and returns to the blurred case page by itself."""
    try:
        data = store.load(session, case_id)
    except EvidenceError as e:
        return Response(str(e), status_code=500, media_type="text/plain")
    if data is None:
        return Response("no media kept for this case", status_code=404, media_type="text/plain")
    try:
        image = wellbeing.revealed(data)
    except wellbeing.NoPreview as e:
        return Response(str(e), status_code=415, media_type="text/plain")
    wellbeing.record_reveal(session, user.user_id, case_id)
    count = wellbeing.reveals_today(session, user.user_id)
    audit.record(
        session, user.actor, "evidence.reveal", f"case:{case_id}", {"reveals_today": count}
    )
    return reveal_response(request, image, case_id, count)


@router.post("/console/cases/{case_id}/decide", include_in_schema=False)
def decide(
    request: Request,
    case_id: int,
    user: Reviewer,
    session: DbSession,
    store: Evidence,
    decision: Annotated[str, Form(max_length=40)],
    bank: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    try:
        # A savepoint: a refused decision leaves nothing behind, and the page still renders.
        with session.begin_nested():
            cases.decide_case(
                session,
                case_id,
                decision=decision,
                actor=user.actor,
                bank=bank or None,
                note=note.strip() or None,
                media=(
                    store.load_for_banking(session, case_id)
                    if decision == "confirm" and bank
                    else None
                ),
            )
    except cases.CaseNotFound:
        return not_found(request, "No such case", f"There is no case {case_id}.", nav="cases")
    except (cases.CaseError, BankError, SignalError) as e:
        case = cases.get_case(session, case_id)
        status = 409 if isinstance(e, cases.CaseClosed) else 400
        return _case_page(request, user, session, store, case, error=str(e), status_code=status)
    return RedirectResponse(f"/console/cases/{case_id}?done={decision}", status_code=303)

"""Cases over HTTP: the review queue, one case with its evidence, decisions, and the
case's media (opt-in evidence, audited on every view)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.review import cases
from safeguard.review.evidence import EvidenceStore
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_evidence, get_session
from safeguard.service.errors import ApiError
from safeguard.service.schemas import CaseList, CaseOut, DecisionIn, RowId

router = APIRouter(prefix="/v1/cases", tags=["cases"], responses=ERRORS)
reviewer = require_role("reviewer")

Status = Literal["open", "confirmed", "false_positive", "escalated"]


@router.get("", response_model=CaseList)
def list_cases(
    status: Status | None = Query(None),  # noqa: B008
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
    _principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> CaseList:
    """The queue: open cases oldest first (``status=open``), otherwise newest first."""
    rows = cases.list_cases(session, status=status, limit=limit, offset=offset)
    return CaseList(
        cases=[CaseOut.model_validate(cases.case_json(c, evidence=False)) for c in rows],
        total=cases.count_cases(session, status=status),
    )


@router.get("/{case_id}", response_model=CaseOut)
def get_case(
    case_id: RowId,
    _principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> CaseOut:
    """A case with its evidence: signals, matches, the matched banks' provenance."""
    return CaseOut.model_validate(cases.case_json(cases.get_case(session, case_id)))


@router.post("/{case_id}/decision", response_model=CaseOut)
def decide(
    case_id: RowId,
    body: DecisionIn,
    principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
    store: EvidenceStore = Depends(get_evidence),  # noqa: B008
) -> CaseOut:
    """confirm (adds the signals to ``bank``, and the picture's region hashes when its
    media was kept), false_positive (disables the matched entries, or adds the signals to
    the allowlist ``bank``), escalate."""
    kept = body.decision == "confirm" and body.bank is not None
    case = cases.decide_case(
        session,
        case_id,
        decision=body.decision,
        actor=principal.name,
        bank=body.bank,
        note=body.note,
        media=store.load_for_banking(session, case_id) if kept else None,
    )
    return CaseOut.model_validate(cases.case_json(case))


@router.get(
    "/{case_id}/media",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def case_media(
    case_id: RowId,
    principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
    store: EvidenceStore = Depends(get_evidence),  # noqa: B008
) -> Response:
    """The case's kept media, decrypted (only where the deployment keeps evidence). Every
    view is audited."""
    cases.get_case(session, case_id)
    info = store.info(session, case_id) if store.enabled else None
    data = store.load(session, case_id) if info is not None else None
    if info is None or data is None:
        raise ApiError(404, "no_media", f"case {case_id} has no kept media")
    audit.record(
        session, principal.name, "evidence.view", f"case:{case_id}", {"sha256": info.sha256}
    )
    # The stored type came from the uploader: only pictures and videos keep theirs, so kept
    # media can never be served as a page that runs in the reviewer's browser.
    kind = info.content_type.split(";")[0].strip().lower()
    safe = kind if kind.startswith(("image/", "video/")) and "svg" not in kind else None
    return Response(
        data,
        media_type=safe or "application/octet-stream",
        headers={
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Content-Disposition": "inline" if safe else "attachment",
        },
    )

"""CyberTipline reports over HTTP (reviewers): send a decided case's report to NCMEC, and
list the reports sent for a case. The endpoint and credentials are the deployment's
(``SAFEGUARD_CYBERTIP_URL``, ``_USER``, ``_PASSWORD``); without them reporting is off."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from safeguard.errors import Unsupported
from safeguard.exchange import cybertip
from safeguard.review.evidence import EvidenceStore
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_evidence, get_runtime, get_session
from safeguard.service.runtime import Runtime

router = APIRouter(prefix="/v1/cybertip", tags=["cybertip"], responses=ERRORS)
reviewer = require_role("reviewer")


class ReporterIn(BaseModel):
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    email: str = Field(min_length=3, max_length=200)


class ReportIn(BaseModel):
    case_id: int = Field(ge=1)
    reporter: ReporterIn
    incident_type: str = Field(default=cybertip.INCIDENT_TYPES[0])
    classification: Literal["A1", "A2", "B1", "B2"] | None = None


class ReportOut(BaseModel):
    case_id: int
    report_id: str | None
    status: str
    file_ids: list[str]
    error: str | None


class ReportingOff(Unsupported):
    code = "cybertip_not_configured"


@router.post("/reports", response_model=ReportOut, status_code=201)
async def send_report(
    body: ReportIn,
    principal: Principal = Depends(reviewer),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
    evidence: EvidenceStore = Depends(get_evidence),  # noqa: B008
) -> ReportOut:
    """Report a case a reviewer confirmed or escalated; the report id is kept with it."""
    settings = runtime.settings
    if not settings.cybertip_url or not settings.cybertip_user:
        raise ReportingOff("CyberTipline reporting is not configured on this deployment")
    client = cybertip.CyberTipClient(
        settings.cybertip_url, settings.cybertip_user, settings.cybertip_password
    )
    try:
        row = await run_in_threadpool(
            cybertip.report_case,
            runtime.db,
            body.case_id,
            client,
            reporter=cybertip.Reporter(
                body.reporter.first_name, body.reporter.last_name, body.reporter.email
            ),
            incident_type=body.incident_type,
            classification=body.classification,
            evidence=evidence,
            actor=principal.name,
        )
    finally:
        client.close()
    return ReportOut(
        case_id=row.case_id,
        report_id=row.report_id,
        status=row.status,
        file_ids=list(row.file_ids),
        error=row.error,
    )


@router.get("/reports", response_model=list[ReportOut])
def list_reports(
    case_id: int = Query(ge=1),
    _principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[ReportOut]:
    return [
        ReportOut(
            case_id=r.case_id,
            report_id=r.report_id,
            status=r.status,
            file_ids=list(r.file_ids),
            error=r.error,
        )
        for r in cybertip.session_reports(session, case_id)
    ]

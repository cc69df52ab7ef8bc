"""Reporting a case to NCMEC's CyberTipline from the console: the ``report`` action of a
case page opens a form prefilled from the case (its hashes, matches, decision), which a
reviewer completes and sends. Nothing is sent unless the case was confirmed or escalated by
a reviewer *and* the reviewer ticks the declaration and presses send; every view and send is
audited, and the report id NCMEC gives is kept with the case (``exchange.cybertip``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.exchange import cybertip
from safeguard.review import cases
from safeguard.review.evidence import EvidenceStore
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import not_found, render
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.deps import get_evidence, get_runtime
from safeguard.service.runtime import Runtime
from safeguard.store.models import Case

router = APIRouter(route_class=ConsoleRoute)

Reviewer = Annotated[SignedInUser, Depends(require_user("reviewer"))]
Evidence = Annotated[EvidenceStore, Depends(get_evidence)]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SENT = "Sent to NCMEC's CyberTipline."


def _configured(runtime: Runtime) -> bool:
    s = runtime.settings
    return bool(s.cybertip_url and s.cybertip_user)


def _page(
    request: Request,
    session: Session,
    runtime: Runtime,
    store: EvidenceStore,
    case: Case,
    *,
    form: dict[str, str] | None = None,
    flash: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    values = {
        "reporter_first": "",
        "reporter_last": "",
        "reporter_email": "",
        "incident_type": cybertip.INCIDENT_TYPES[0],
        "classification": "",
        **(form or {}),
    }
    reportable = case.status in cybertip.REPORTABLE_STATUSES
    draft = cybertip.draft_for_case(
        case,
        reporter=cybertip.Reporter("", "", ""),
        incident_type=values["incident_type"],
        classification=values["classification"] or None,
    )
    return render(
        request,
        "cybertip_report.html",
        {
            "nav": "cases",
            "case": case,
            "reportable": reportable,
            "configured": _configured(runtime),
            "endpoint": runtime.settings.cybertip_url,
            "draft": draft,
            "sends_media": store.enabled and case.has_media,
            "incident_types": cybertip.INCIDENT_TYPES,
            "classifications": cybertip.CLASSIFICATIONS,
            "reports": cybertip.session_reports(session, case.id),
            "form": values,
            "flash": flash,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/console/cases/{case_id}/report", include_in_schema=False)
def report_form(
    request: Request,
    case_id: int,
    user: Reviewer,
    session: DbSession,
    runtime: RuntimeDep,
    store: Evidence,
    done: str = "",
) -> Response:
    try:
        case = cases.get_case(session, case_id)
    except cases.CaseNotFound:
        return not_found(request, "No such case", f"There is no case {case_id}.", nav="cases")
    audit.record(session, user.actor, "cybertip.form", f"case:{case_id}")
    return _page(request, session, runtime, store, case, flash=SENT if done == "sent" else None)


@router.post("/console/cases/{case_id}/report", include_in_schema=False)
def send_report(
    request: Request,
    case_id: int,
    user: Reviewer,
    session: DbSession,
    runtime: RuntimeDep,
    store: Evidence,
    reporter_first: Annotated[str, Form(max_length=100)] = "",
    reporter_last: Annotated[str, Form(max_length=100)] = "",
    reporter_email: Annotated[str, Form(max_length=200)] = "",
    incident_type: Annotated[str, Form(max_length=200)] = cybertip.INCIDENT_TYPES[0],
    classification: Annotated[str, Form(max_length=10)] = "",
    declaration: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    try:
        case = cases.get_case(session, case_id)
    except cases.CaseNotFound:
        return not_found(request, "No such case", f"There is no case {case_id}.", nav="cases")
    form = {
        "reporter_first": reporter_first.strip(),
        "reporter_last": reporter_last.strip(),
        "reporter_email": reporter_email.strip(),
        "incident_type": incident_type,
        "classification": classification,
    }

    def refused(message: str, status_code: int) -> Response:
        return _page(
            request, session, runtime, store, case, form=form, error=message,
            status_code=status_code,
        )  # fmt: skip

    if not _configured(runtime):
        return refused("CyberTipline reporting is not configured on this deployment.", 415)
    if declaration != "yes":
        return refused("Tick the declaration: nothing is sent without your decision.", 400)
    if not (form["reporter_first"] and form["reporter_last"] and form["reporter_email"]):
        return refused("The reporting person's names and e-mail are required.", 400)
    settings = runtime.settings
    client = cybertip.CyberTipClient(
        settings.cybertip_url, settings.cybertip_user, settings.cybertip_password
    )
    try:
        cybertip.report_case(
            runtime.db,
            case_id,
            client,
            reporter=cybertip.Reporter(
                form["reporter_first"], form["reporter_last"], form["reporter_email"]
            ),
            incident_type=incident_type,
            classification=classification or None,
            evidence=store,
            actor=user.actor,
        )
    except cybertip.NotDecided as e:
        return refused(str(e), 409)
    except cybertip.InvalidReport as e:
        return refused(str(e), 400)
    except cybertip.CyberTipRefused as e:
        return refused(f"NCMEC refused the report (recorded with the case): {e}", 502)
    finally:
        client.close()
    return RedirectResponse(f"/console/cases/{case_id}/report?done=sent", status_code=303)

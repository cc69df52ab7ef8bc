"""Triage cases in the console: the case list, a case page with its counts and a review
queue of **unknown** items only (known material was already categorised by its hash set),
one row per near-duplicate stack, and the examiner's verdicts.

Pictures are shown the console's way (``wellbeing``): blurred and greyscale, revealed for a
few seconds on a deliberate click that is audited and counted toward the reviewer's
exposure. The bytes are read back from the seized media on demand (``triage.content``);
nothing is stored. Keyboard: ``j``/``k`` move between items, the scheme's codes (``a``,
``b``, ``c``, ``0`` or ``0``-``4``) categorise the selected item or stack, ``r`` reveals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.errors import SafeguardError
from safeguard.service.console import wellbeing
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import (
    add_template_folder,
    evidence_image,
    not_found,
    render,
    reveal_response,
)
from safeguard.service.console.sessions import SignedInUser
from safeguard.store.models.triage import TriageCase, TriageItem
from safeguard.triage import case as cases
from safeguard.triage import categories
from safeguard.triage.content import item_content

router = APIRouter(route_class=ConsoleRoute)
add_template_folder(Path(__file__).parent / "templates_triage")

PAGE = 40
Reviewer = Annotated[SignedInUser, Depends(require_user("reviewer"))]


@router.get("/console/triage", include_in_schema=False)
def case_list(request: Request, user: Reviewer, session: DbSession) -> Response:
    rows = cases.list_cases(session, limit=200)
    return render(request, "triage_cases.html", {"nav": "triage", "cases": rows})


@router.get("/console/triage/{name}", include_in_schema=False)
def case_page(
    request: Request, name: str, user: Reviewer, session: DbSession, page: int = 1, done: str = ""
) -> Response:
    try:
        case = cases.get_case(session, name)
    except SafeguardError:
        return not_found(request, "Not found", f"There is no triage case {name!r}.", nav="triage")
    page = max(1, page)
    items, sizes, more = cases.review_queue(session, case, page=page, page_size=PAGE)
    rows = [
        {"item": i, "stack_size": sizes.get(i.id, 1), "preview": i.kind == "image"} for i in items
    ]
    counts = cases.counts(session, case)
    codes = [(c, categories.label(case.scheme, c)) for c in categories.ORDER[case.scheme]]
    audit.record(session, user.actor, "triage_case_viewed", cases.subject(case), {"page": page})
    return render(
        request,
        "triage_case.html",
        {
            "nav": "triage",
            "case": case,
            "counts": counts,
            "codes": codes,
            "rows": rows,
            "page": page,
            "has_more": more,
            "flash": done or None,
            "reveals_today": wellbeing.reveals_today(session, user.user_id),
            "reveals_notice": wellbeing.REVEALS_BEFORE_NOTICE,
            "reblur_seconds": wellbeing.REBLUR_SECONDS,
        },
    )


def _item(session: Session, name: str, item_id: int) -> tuple[TriageCase, TriageItem] | None:
    try:
        case = cases.get_case(session, name)
    except SafeguardError:
        return None
    item = cases.get_item(session, case, item_id)
    return None if item is None else (case, item)


@router.get("/console/triage/{name}/items/{item_id}/thumbnail", include_in_schema=False)
def thumbnail(
    request: Request, name: str, item_id: int, user: Reviewer, session: DbSession
) -> Response:
    """The item blurred and greyscale: the only form a page loads by itself."""
    found = _item(session, name, item_id)
    if found is None:
        return Response("no such item", status_code=404, media_type="text/plain")
    case, item = found
    try:
        image = wellbeing.blurred(item_content(session, item))
    except (SafeguardError, OSError, wellbeing.NoPreview) as e:
        return Response(f"no preview: {e}", status_code=415, media_type="text/plain")
    audit.record(session, user.actor, "triage_item_viewed", cases.subject(case), {"item": item_id})
    return evidence_image(image)


@router.post("/console/triage/{name}/items/{item_id}/reveal", include_in_schema=False)
def reveal(
    request: Request, name: str, item_id: int, user: Reviewer, session: DbSession
) -> Response:
    """The clear picture after a deliberate click: audited and counted toward exposure."""
    found = _item(session, name, item_id)
    if found is None:
        return Response("no such item", status_code=404, media_type="text/plain")
    case, item = found
    try:
        image = wellbeing.revealed(item_content(session, item))
    except (SafeguardError, OSError, wellbeing.NoPreview) as e:
        return Response(f"no preview: {e}", status_code=415, media_type="text/plain")
    # Counted with the review queue's reveals: exposure is per person, whatever the source.
    wellbeing.record_reveal(session, user.user_id, item_id)
    count = wellbeing.reveals_today(session, user.user_id)
    audit.record(
        session,
        user.actor,
        "triage_item_revealed",
        cases.subject(case),
        {"item": item_id, "reveals_today": count},
    )
    return reveal_response(request, image, item_id, count)


@router.post("/console/triage/{name}/categorise", include_in_schema=False)
def categorise(
    request: Request,
    name: str,
    user: Reviewer,
    session: DbSession,
    code: Annotated[str, Form(max_length=20)],
    item: Annotated[int | None, Form()] = None,
    stack: Annotated[int | None, Form()] = None,
    note: Annotated[str, Form(max_length=2000)] = "",
    page: Annotated[int, Form()] = 1,
) -> Response:
    try:
        case = cases.get_case(session, name)
    except SafeguardError:
        return not_found(request, "Not found", f"There is no triage case {name!r}.", nav="triage")
    try:
        with session.begin_nested():
            n = cases.categorise(
                session,
                case,
                code=code,
                examiner=user.username,
                actor=user.actor,
                ids=[item] if item is not None and stack is None else [],
                stacks=[stack] if stack is not None else [],
                note=note.strip() or None,
            )
    except SafeguardError as e:
        return render(
            request,
            "error.html",
            {"heading": "Not categorised", "message": str(e), "nav": "triage"},
            status_code=400,
        )
    done = f"{n} item{'s' if n != 1 else ''} categorised {code.upper()}"
    return RedirectResponse(
        f"/console/triage/{case.name}?page={max(1, page)}&done={done}", status_code=303
    )

"""Triage cases over HTTP: a case's report, its items page by page, the examiner's verdicts.

Thin shells over ``safeguard.triage.case`` and ``safeguard.triage.report`` (their typed
errors become statuses in ``service/errors.py``); opening and running a case stay with the
CLI (``safeguard triage new|run``), which reads the seized
media where they are mounted. Every route needs the ``reviewer`` role; a verdict is audited
with the key's name as the examiner and the key as the actor.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_session
from safeguard.triage import case as cases
from safeguard.triage.report import build_report

#: Row ids fit a signed 64-bit integer (SQLite, PostgreSQL BIGINT).
_MAX_ID = 2**63 - 1

router = APIRouter(prefix="/v1/triage", tags=["triage"], responses=ERRORS)
reviewer = require_role("reviewer")


class TriageReport(BaseModel):
    case: str
    examiner: str
    scheme: str
    status: str
    counts: dict[str, Any]
    categories: list[dict[str, Any]]
    timeline: dict[str, Any]
    sources: list[dict[str, Any]]
    actions: list[dict[str, Any]]


class TriageItems(BaseModel):
    items: list[dict[str, Any]]
    #: Pass as ``after`` for the next page; null on the last one.
    next: int | None


ItemId = Annotated[int, Field(ge=1, le=_MAX_ID)]


class CategoriseIn(BaseModel):
    code: str = Field(min_length=1, max_length=20)
    ids: list[ItemId] = Field(default_factory=list, max_length=10_000)
    stacks: list[ItemId] = Field(default_factory=list, max_length=1_000)
    note: str | None = Field(default=None, max_length=2000)


class CategoriseOut(BaseModel):
    items: int


@router.get("/cases/{name}", response_model=TriageReport)
def get_report(
    name: str,
    _principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> TriageReport:
    """The case's report: counts per category, timeline, chain of custody."""
    return TriageReport.model_validate(build_report(session, cases.get_case(session, name)))


@router.get("/cases/{name}/items", response_model=TriageItems)
def list_items(
    name: str,
    known: bool | None = Query(None),
    deleted: bool | None = Query(None),
    stack: int | None = Query(None),
    after: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=1000),
    _principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> TriageItems:
    """Items in id order, ``limit`` at a time; ``known=false`` is the review queue."""
    c = cases.get_case(session, name)
    names = cases.source_names(session, c)
    where = cases.ItemFilter(known=known, deleted=deleted, stack=stack)
    page = cases.page_items(session, c, where, after=after, limit=limit)
    rows = [cases.item_row(c, i, names.get(i.source_id, "")) for i in page]
    return TriageItems(items=rows, next=page[-1].id if len(page) == limit else None)


@router.post("/cases/{name}/categorise", response_model=CategoriseOut)
def categorise(
    name: str,
    body: CategoriseIn,
    principal: Principal = Depends(reviewer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> CategoriseOut:
    """The examiner's verdict on items and whole stacks (audited)."""
    n = cases.categorise(
        session,
        cases.get_case(session, name),
        code=body.code,
        examiner=principal.key_name,
        actor=principal.name,
        ids=body.ids,
        stacks=body.stacks,
        note=body.note,
    )
    return CategoriseOut(items=n)

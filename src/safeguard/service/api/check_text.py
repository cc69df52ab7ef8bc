"""``POST /v1/check/url`` and ``POST /v1/check/query``: check a URL, or a search query,
against the URL and keyword lists in the banks; rules apply as for media. A query that
matches a list answers with the deployment's deterrence message and helpline link (as
search-deterrence practice shows one in place of results)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from safeguard.review.check import Checker, CheckResult
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_checker, get_settings
from safeguard.service.schemas import ActionName, MatchOut
from safeguard.service.settings import ServiceSettings
from safeguard.signals import urls

router = APIRouter(prefix="/v1/check", tags=["check"], responses=ERRORS)
matcher_role = require_role("matcher")


class UrlIn(BaseModel):
    url: str = Field(min_length=1, max_length=urls.MAX_URL)
    source: str = Field(default="api", max_length=200)


class QueryIn(BaseModel):
    query: str = Field(min_length=1, max_length=urls.MAX_QUERY)
    source: str = Field(default="api", max_length=200)


class Deterrence(BaseModel):
    message: str
    link: str | None


class TextCheckOut(BaseModel):
    action: ActionName
    matches: list[MatchOut]
    case_id: int | None


class UrlCheckOut(TextCheckOut):
    #: The URL's canonical form (what its list entries are digests of).
    canonical: str


class QueryCheckOut(TextCheckOut):
    #: Set when the query matched a list and was not allowed: show it instead of results.
    deterrence: Deterrence | None


def _matches(result: CheckResult) -> list[MatchOut]:
    return [MatchOut.model_validate(m.to_json()) for m in result.matches]


@router.post("/url", response_model=UrlCheckOut)
async def check_url(
    body: UrlIn,
    principal: Principal = Depends(matcher_role),  # noqa: B008
    checker: Checker = Depends(get_checker),  # noqa: B008
) -> UrlCheckOut:
    canonical = urls.canonical_url(body.url)
    values = [("url", urls.url_sha256(body.url)), ("url_md5", urls.url_md5(body.url))]
    signals = {**dict(values), "url_text": canonical}
    result = await run_in_threadpool(
        checker.check_text, values, signals=signals, source=body.source, actor=principal.name
    )
    return UrlCheckOut(
        action=result.action,
        matches=_matches(result),
        case_id=result.case_id,
        canonical=canonical,
    )


@router.post("/query", response_model=QueryCheckOut)
async def check_query(
    body: QueryIn,
    principal: Principal = Depends(matcher_role),  # noqa: B008
    checker: Checker = Depends(get_checker),  # noqa: B008
    settings: ServiceSettings = Depends(get_settings),  # noqa: B008
) -> QueryCheckOut:
    values = [("keyword", d) for d in urls.query_digests(body.query)]
    signals = {"query": body.query}
    result = await run_in_threadpool(
        checker.check_text, values, signals=signals, source=body.source, actor=principal.name
    )
    deter = None
    if result.matches and result.action != "allow":
        deter = Deterrence(
            message=settings.deterrence_message, link=settings.deterrence_link or None
        )
    return QueryCheckOut(
        action=result.action, matches=_matches(result), case_id=result.case_id, deterrence=deter
    )

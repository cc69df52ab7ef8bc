"""The exchange over HTTP: feed pages and opinions for subscribers (their feed token, not an
API key), and opinion counts for the publisher's curators and reviewers."""

from __future__ import annotations

import gzip
import json

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from safeguard.exchange import publisher
from safeguard.exchange.pages import OPINIONS
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, bearer, require_role
from safeguard.service.deps import get_session, runtime_of
from safeguard.service.errors import ApiError
from safeguard.store.models import ExchangeFeed, ExchangeToken

router = APIRouter(prefix="/v1/exchange", tags=["exchange"], responses=ERRORS)
readers = require_role("curator", "reviewer")


def subscriber(
    feed: str,
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> tuple[ExchangeFeed, ExchangeToken]:
    """The feed and the caller's token, or 401 (no, unknown or revoked token, or a token of
    another feed)."""
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", "a subscriber token is required: Authorization: Bearer")
    found = publisher.authenticate(session, feed, credentials.credentials)
    if found is None:
        raise ApiError(
            401, "token_refused", f"unknown or revoked subscriber token for feed {feed!r}"
        )
    return found


@router.get("/feeds/{feed}")
def feed_page(
    request: Request,
    after: str = Query("", max_length=100, description="The cursor of the last page applied."),
    limit: int = Query(publisher.DEFAULT_PAGE, ge=1, le=publisher.MAX_PAGE),
    who: tuple[ExchangeFeed, ExchangeToken] = Depends(subscriber),
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> Response:
    """The signed page of changes after ``after`` (``{"page": {...}, "signature"}``)."""
    key = runtime_of(request).exchange_key()
    signed = publisher.page(session, who[0], key, after=after, limit=limit)
    body = json.dumps(signed, separators=(",", ":"), ensure_ascii=False).encode()
    if "gzip" in request.headers.get("accept-encoding", "") and len(body) > 1024:
        return Response(
            gzip.compress(body, compresslevel=5),
            media_type="application/json",
            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"},
        )
    return Response(body, media_type="application/json")


class OpinionIn(BaseModel):
    id: int = Field(description="The entry's id at the publisher (the page item's id).")
    opinion: str = Field(pattern="^(" + "|".join(OPINIONS) + ")$")


class OpinionsIn(BaseModel):
    opinions: list[OpinionIn] = Field(max_length=10_000)


class OpinionsTaken(BaseModel):
    taken: int


@router.post("/feeds/{feed}/opinions", response_model=OpinionsTaken)
def send_opinions(
    body: OpinionsIn,
    who: tuple[ExchangeFeed, ExchangeToken] = Depends(subscriber),
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> OpinionsTaken:
    """A subscriber's reviewers' opinions of entries of this feed."""
    taken = publisher.record_opinions(
        session, who[0], who[1], [(o.id, o.opinion) for o in body.opinions]
    )
    return OpinionsTaken(taken=taken)


class OpinionCountOut(BaseModel):
    entry: int
    type: str
    value: str
    false_positive: int
    confirmed: int


@router.get("/feeds/{feed}/opinions", response_model=list[OpinionCountOut])
def opinion_counts(
    feed: str,
    _principal: Principal = Depends(readers),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[OpinionCountOut]:
    """Per entry of the feed: how many subscribers found it a false positive or confirmed."""
    return [OpinionCountOut(**c.to_json()) for c in publisher.opinion_counts(session, feed)]

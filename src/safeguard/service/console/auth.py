"""Who may see a console page: ``require_user(*roles)``, a FastAPI dependency.

It resumes the login session from its cookie (or sends the browser to the login page), checks
the role (admins pass every check) and, for every request that changes something (anything
but GET/HEAD/OPTIONS), checks the session's CSRF token, sent as the form field
``csrf_token`` or the header ``X-CSRF-Token``. So no console form can be posted from another
site, whatever the route forgets. The cookie is HttpOnly and SameSite=Lax besides.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from safeguard.service.console import sessions
from safeguard.service.console.rendering import render
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.deps import get_session

#: The request's unit of work, committed when the route returns and BEFORE the response is
#: sent: a browser that follows the redirect after a form post must see what it changed.
#: (FastAPI's default scope would commit only after sending the response.) Every console
#: route and ``require_user`` use this same alias, so they share one session.
DbSession = Annotated[Session, Depends(get_session, scope="function")]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class LoginRequired(HTTPException):
    """Answered with a redirect to the login page (303, so a POST becomes a GET)."""

    def __init__(self, next_path: str) -> None:
        super().__init__(
            status_code=303,
            detail="log in to the console first",
            headers={"Location": f"/console/login?next={quote(next_path, safe='/')}"},
        )


class Forbidden(HTTPException):
    """A signed-in user may not do this (role, CSRF). Console routes answer with a page
    (``ConsoleRoute``); elsewhere the app's JSON error shape applies."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=403, detail=message)


class ConsoleRoute(APIRoute):
    """Console routes answer ``Forbidden`` with an HTML page instead of JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def console_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except Forbidden as e:
                return render(
                    request,
                    "error.html",
                    {"heading": "Not allowed", "message": str(e.detail)},
                    status_code=403,
                )

        return console_handler


def safe_next(path: str | None) -> str:
    """Where to go after logging in: a console page of this site, never another host."""
    if not path or not path.startswith("/console") or path.startswith("//") or "\\" in path:
        return "/console/cases"
    if path.startswith(("/console/login", "/console/logout")):
        return "/console/cases"
    return path


def tokens_match(expected: str, given: str | None) -> bool:
    return bool(expected) and given is not None and hmac.compare_digest(expected, given)


async def _submitted_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        # Starlette caches the parsed form, so the route's own Form() fields still work.
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


def require_user(*roles: str) -> Callable[..., Awaitable[SignedInUser]]:
    """A dependency giving the signed-in user, who must have one of ``roles`` (or be an
    admin; no roles: any signed-in user)."""

    async def dependency(request: Request, session: DbSession) -> SignedInUser:
        user = await run_in_threadpool(
            sessions.resume, session, request.cookies.get(sessions.COOKIE)
        )
        if user is None:
            target = request.url.path if request.method in SAFE_METHODS else "/console/cases"
            if request.url.query and request.method in SAFE_METHODS:
                target += "?" + request.url.query
            raise LoginRequired(target)
        request.state.console_user = user
        if not user.has_role(*roles):
            raise Forbidden(
                f"This page needs the role {' or '.join(roles)}; you are signed in as {user.role}."
            )
        if request.method not in SAFE_METHODS and not tokens_match(
            user.csrf_token, await _submitted_csrf(request)
        ):
            raise Forbidden(
                "The form's CSRF token is missing or wrong, so nothing was changed. "
                "Reload the page and try again."
            )
        return user

    return dependency


def set_session_cookie(response: Response, request: Request, value: str) -> None:
    response.set_cookie(
        sessions.COOKIE,
        value,
        max_age=int(sessions.LIFETIME.total_seconds()),
        path="/console",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(sessions.COOKIE, path="/console", httponly=True, samesite="lax")

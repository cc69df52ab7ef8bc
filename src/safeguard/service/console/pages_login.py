"""Logging in and out, and the console's static files."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from safeguard.access import users
from safeguard.service.console import auth, sessions
from safeguard.service.console.auth import ConsoleRoute, DbSession
from safeguard.service.console.rendering import STATIC, render
from safeguard.service.console.sessions import SignedInUser

router = APIRouter(route_class=ConsoleRoute)

LOGIN_CSRF_COOKIE = "sg_login_csrf"
_STATIC_TYPES = {
    "console.css": "text/css",
    "console.js": "text/javascript",
    "favicon.ico": "image/x-icon",
}


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_page(
    request: Request,
    *,
    next_path: str,
    username: str = "",
    error: str | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    token = secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        {"login_csrf": token, "next": next_path, "username": username, "error": error},
        status_code=status_code,
        headers=headers,
    )
    # Before there is a session, the form's token is checked against this cookie (double
    # submit): another site can make the browser post, but cannot read or set the cookie.
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/console", include_in_schema=False)
def console_home() -> RedirectResponse:
    return RedirectResponse("/console/cases", status_code=303)


@router.get("/console/login", include_in_schema=False)
def login_form(request: Request, session: DbSession, next: str = "") -> Response:
    target = auth.safe_next(next)
    if sessions.resume(session, request.cookies.get(sessions.COOKIE)) is not None:
        return RedirectResponse(target, status_code=303)
    return _login_page(request, next_path=target)


@router.post("/console/login", include_in_schema=False)
def login(
    request: Request,
    session: DbSession,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    target = auth.safe_next(next)
    if not auth.tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf_token):
        return _login_page(
            request,
            next_path=target,
            username=username,
            error="The login form expired. Please try again.",
            status_code=400,
        )
    try:
        user = users.authenticate(session, username.strip(), password, _address(request))
    except users.LoginRateLimited as e:
        return _login_page(
            request,
            next_path=target,
            username=username,
            error=str(e).capitalize() + ".",
            status_code=429,
            headers={"Retry-After": str(e.retry_after)},
        )
    except users.LoginFailed:
        # The failure is recorded in this request's transaction, committed with the page.
        return _login_page(
            request,
            next_path=target,
            username=username,
            error="Wrong user name or password.",
            status_code=401,
        )
    # Housekeeping while we are here: forget what no longer counts.
    sessions.purge_expired(session)
    users.purge_login_failures(session)
    cookie = sessions.start(session, user)
    response = RedirectResponse(target, status_code=303)
    auth.set_session_cookie(response, request, cookie)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/console")
    return response


@router.post("/console/logout", include_in_schema=False)
def logout(
    request: Request,
    session: DbSession,
    _user: Annotated[SignedInUser, Depends(auth.require_user())],
) -> Response:
    sessions.end(session, request.cookies.get(sessions.COOKIE))
    response = RedirectResponse("/console/login", status_code=303)
    auth.clear_session_cookie(response)
    return response


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """Browsers ask for it on every site; a 404 in every log is noise."""
    return static_file("favicon.ico")


@router.get("/console/static/{name}", include_in_schema=False)
def static_file(name: str) -> Response:
    if name not in _STATIC_TYPES:
        return Response("not found", status_code=404, media_type="text/plain")
    return FileResponse(
        STATIC / name,
        media_type=_STATIC_TYPES[name],
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )

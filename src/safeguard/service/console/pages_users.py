"""Console users, for admins: list, create, change a role, disable and enable.

The same functions as ``safeguard users ...``; every change is audited there. An admin
cannot disable or demote themself here, so a deployment is never left without the admin
who is looking at the page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from safeguard.access import users
from safeguard.access.roles import ROLES
from safeguard.service.console import wellbeing
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import render
from safeguard.service.console.sessions import SignedInUser

router = APIRouter(route_class=ConsoleRoute)

Admin = Annotated[SignedInUser, Depends(require_user("admin"))]
DONE = {"created": "User created.", "changed": "User updated."}


def _users_page(
    request: Request,
    session: Session,
    *,
    flash: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "users.html",
        {
            "nav": "users",
            "users": users.list_users(session),
            "reveals": wellbeing.reveals_today_by_user(session),
            "roles": ROLES,
            "min_password": users.MIN_PASSWORD_LENGTH,
            "flash": flash,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/console/users", include_in_schema=False)
def users_page(request: Request, _admin: Admin, session: DbSession, done: str = "") -> Response:
    return _users_page(request, session, flash=DONE.get(done))


@router.post("/console/users", include_in_schema=False)
def create_user(
    request: Request,
    admin: Admin,
    session: DbSession,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    password_again: Annotated[str, Form(max_length=1000)],
    role: Annotated[str, Form(max_length=20)] = "reviewer",
) -> Response:
    if password != password_again:
        return _users_page(request, session, error="The passwords differ.", status_code=400)
    try:
        with session.begin_nested():
            users.create_user(session, username.strip(), password, role, admin.actor)
    except users.UserError as e:
        status = 409 if isinstance(e, users.UserExists) else 400
        return _users_page(request, session, error=str(e), status_code=status)
    return RedirectResponse("/console/users?done=created", status_code=303)


@router.post("/console/users/{username}", include_in_schema=False)
def change_user(
    request: Request,
    username: str,
    admin: Admin,
    session: DbSession,
    role: Annotated[str, Form(max_length=20)] = "",
    disabled: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    if username == admin.username:
        return _users_page(
            request,
            session,
            error="You cannot change your own account here; ask another admin or use the CLI.",
            status_code=400,
        )
    try:
        with session.begin_nested():
            if role:
                users.set_role(session, username, role, admin.actor)
            if disabled in ("true", "false"):
                users.set_disabled(session, username, disabled == "true", admin.actor)
    except users.UserNotFound as e:
        return _users_page(request, session, error=str(e), status_code=404)
    except users.UserError as e:
        return _users_page(request, session, error=str(e), status_code=400)
    return RedirectResponse("/console/users?done=changed", status_code=303)

"""``safeguard users ...``: console accounts (create, list, set a password or role, disable).

Passwords are read from a hidden prompt (asked twice) or, for scripts, from the first line of
stdin with ``--password-stdin``; never from the command line, where they would end up in the
shell history and the process list.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from safeguard.access.roles import Role as RoleOption
from safeguard.cli.common import (
    actor,
    database,
    emit_json,
    emit_listing,
    err_console,
    fail,
    in_transaction,
    settings_of,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from safeguard.store.models import ConsoleUser


users_app = typer.Typer(
    help="Console users: people who log in to the review console with a password.",
    no_args_is_help=True,
)


PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
]
JsonOut = Annotated[bool, typer.Option("--json", help="JSON on stdout.")]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise fail("no password on stdin", 2)
        return line
    if not sys.stdin.isatty():
        raise fail("no terminal to ask for the password: use --password-stdin", 2)
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    return value


def _change(
    ctx: typer.Context,
    change: Callable[[Session], ConsoleUser],
    json_out: bool,
    done: str,
) -> None:
    """Run one change to a user in its own transaction, then report it: the user's JSON
    with ``--json``, else ``done`` on stderr. A refused change exits 1 with its reason."""
    from safeguard.access import users

    summary = in_transaction(
        settings_of(ctx), lambda s: users.UserSummary.of(change(s)), users.UserError
    )
    if json_out:
        emit_json(summary.to_json())
    else:
        err_console.print(done)


@users_app.command("create")
def create(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Login name: letters, digits, _.@-")],
    role: Annotated[RoleOption, typer.Option(help="What the user may do.")] = RoleOption.REVIEWER,
    password_stdin: PasswordStdin = False,
    json_out: JsonOut = False,
) -> None:
    """Create a console user (the password is asked for, at least 12 characters)."""
    from safeguard.access import users

    password = _password(password_stdin)
    _change(
        ctx,
        lambda s: users.create_user(s, username, password, role.value, actor()),
        json_out,
        f"created console user [bold]{username}[/bold] ({role.value})",
    )


@users_app.command("list")
def list_command(
    ctx: typer.Context,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per user on stdout.")
    ] = False,
) -> None:
    """List console users."""
    from safeguard.access import users

    with database(settings_of(ctx)) as db, db.session() as s:
        found = users.list_users(s)
    emit_listing(
        found,
        json_out=json_out,
        title="Console users",
        columns=("user", "role", "enabled", "created", "last login"),
        row=lambda u: (
            u.username,
            u.role,
            "no" if u.disabled else "yes",
            f"{u.created_at:%Y-%m-%d %H:%M}",
            f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "never",
        ),
    )


@users_app.command("set-password")
def set_password(
    ctx: typer.Context,
    username: str,
    password_stdin: PasswordStdin = False,
    json_out: JsonOut = False,
) -> None:
    """Give a user a new password."""
    from safeguard.access import users

    password = _password(password_stdin)
    _change(
        ctx,
        lambda s: users.set_password(s, username, password, actor()),
        json_out,
        f"new password set for [bold]{username}[/bold]",
    )


@users_app.command("set-role")
def set_role(
    ctx: typer.Context,
    username: str,
    role: Annotated[RoleOption, typer.Argument(help="The new role.")],
    json_out: JsonOut = False,
) -> None:
    """Change a user's role."""
    from safeguard.access import users

    _change(
        ctx,
        lambda s: users.set_role(s, username, role.value, actor()),
        json_out,
        f"[bold]{username}[/bold] is now {role.value}",
    )


def _toggle(ctx: typer.Context, username: str, disabled: bool, json_out: bool) -> None:
    from safeguard.access import users

    state = "disabled" if disabled else "enabled"
    _change(
        ctx,
        lambda s: users.set_disabled(s, username, disabled, actor()),
        json_out,
        f"[bold]{username}[/bold] {state}",
    )


@users_app.command("disable")
def disable(ctx: typer.Context, username: str, json_out: JsonOut = False) -> None:
    """Stop a user from logging in (their open sessions end too)."""
    _toggle(ctx, username, True, json_out)


@users_app.command("enable")
def enable(ctx: typer.Context, username: str, json_out: JsonOut = False) -> None:
    """Let a disabled user log in again."""
    _toggle(ctx, username, False, json_out)

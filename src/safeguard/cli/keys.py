"""``safeguard keys``: API keys (create: shown once; list; revoke)."""

from __future__ import annotations

from typing import Annotated

import typer

from safeguard.access.roles import Role
from safeguard.cli.common import (
    JsonOpt,
    actor,
    database,
    emit_json,
    emit_listing,
    err_console,
    in_transaction,
    settings_of,
)

keys_app = typer.Typer(help="API keys: create (shown once), list, revoke.", no_args_is_help=True)


@keys_app.command("create")
def keys_create(
    ctx: typer.Context,
    role: Annotated[Role, typer.Option("--role", help="What the key may do.")],
    name: Annotated[str, typer.Option(help="Who or what uses it.")] = "",
    rate_limit: Annotated[
        float | None, typer.Option(help="Requests a second (default: the service's).", min=0.001)
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Create an API key. The key is printed once (stdout) and never stored."""
    from safeguard.access import keys

    with database(settings_of(ctx)) as db, db.session() as s:
        info, key = keys.create_key(
            s, role=role.value, name=name, actor=actor(), rate_limit=rate_limit
        )
    if json_out:
        emit_json({**info.to_json(), "key": key})
        return
    err_console.print(f"created {info.role} key {info.prefix} ({info.name}); shown once:")
    typer.echo(key)


@keys_app.command("list")
def keys_list(
    ctx: typer.Context,
    all_keys: Annotated[bool, typer.Option("--all", help="Include revoked keys.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """List keys (never the keys themselves)."""
    from safeguard.access import keys

    with database(settings_of(ctx)) as db, db.session() as s:
        found = keys.list_keys(s, include_revoked=all_keys)
    emit_listing(
        found,
        json_out=json_out,
        title="API keys",
        columns=("id", "prefix", "role", "name", "created", "revoked"),
        row=lambda k: (
            str(k.id),
            k.prefix,
            k.role,
            k.name,
            k.created_at.strftime("%Y-%m-%d %H:%M"),
            k.revoked_at.strftime("%Y-%m-%d %H:%M") if k.revoked_at else "",
        ),
    )


@keys_app.command("revoke")
def keys_revoke(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="Key id or prefix (sg_xxxxxxxx).")],
    json_out: JsonOpt = False,
) -> None:
    """Revoke a key: it stops working within seconds on every worker."""
    from safeguard.access import keys

    info = in_transaction(
        settings_of(ctx), lambda s: keys.revoke_key(s, key, actor=actor()), keys.ApiKeyError
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"revoked {info.prefix} ({info.role}, {info.name})")

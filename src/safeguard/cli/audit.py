"""``safeguard audit``: the hash-chained audit log."""

from __future__ import annotations

import typer

from safeguard.cli.common import (
    JsonOpt,
    database,
    emit_json,
    err_console,
    settings_of,
)

audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Recompute the hash chain; exit 1 naming the first changed, removed or moved event."""
    from safeguard import audit

    with database(settings_of(ctx)) as db, db.session() as s:
        v = audit.verify(s)
    if json_out:
        emit_json(
            {
                "ok": v.ok,
                "checked": v.checked,
                "head": v.head,
                "first_bad_id": v.first_bad_id,
                "reason": v.reason,
            }
        )
    if v.ok:
        err_console.print(f"audit log intact: {v.checked} events, head {v.head}")
        return
    err_console.print(
        f"[red]audit log broken[/red] at event {v.first_bad_id}: {v.reason} "
        f"({v.checked} events before it verified)"
    )
    raise typer.Exit(1)

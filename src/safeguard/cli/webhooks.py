"""``safeguard webhooks``: where decision events are sent (signed)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from safeguard.cli.common import (
    JsonOpt,
    actor,
    database,
    emit_json,
    err_console,
    fail,
    in_transaction,
    settings_of,
)

webhooks_app = typer.Typer(help="Webhook targets for decision events.", no_args_is_help=True)


@webhooks_app.command("add")
def webhooks_add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="http(s) URL to POST events to.")],
    events: Annotated[str, typer.Option(help="Comma-separated events, or *.")] = "*",
    secret: Annotated[str | None, typer.Option(help="Signing secret (default: generated).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Register a webhook target; prints its signing secret once."""
    from safeguard.review import webhooks

    with database(settings_of(ctx)) as db:
        try:
            with db.session() as s:
                endpoint, secret_used = webhooks.add_endpoint(
                    s, url=url, actor=actor(), secret=secret, events=events
                )
                endpoint_id = endpoint.id
        except webhooks.WebhookError as e:
            raise fail(str(e), 2) from None
    if json_out:
        emit_json({"id": endpoint_id, "url": url, "events": events, "secret": secret_used})
        return
    err_console.print(f"webhook {endpoint_id} -> {url}; signing secret (shown once):")
    typer.echo(secret_used)


@webhooks_app.command("list")
def webhooks_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List webhook targets and the latest deliveries."""
    from safeguard.review import webhooks

    with database(settings_of(ctx)) as db, db.session() as s:
        endpoints = [(e.id, e.url, e.events, e.enabled) for e in webhooks.list_endpoints(s)]
        recent = [webhooks.delivery_json(d) for d in webhooks.recent_deliveries(s, 20)]
    if json_out:
        for i, u, ev, en in endpoints:
            emit_json({"id": i, "url": u, "events": ev, "enabled": en})
        return
    table = Table(title="Webhooks")
    for col in ("id", "url", "events", "enabled"):
        table.add_column(col)
    for i, u, ev, en in endpoints:
        table.add_row(str(i), u, ev, "yes" if en else "no")
    err_console.print(table)
    log = Table(title="Latest deliveries")
    for col in ("id", "event", "status", "attempts", "last", "error"):
        log.add_column(col)
    for d in recent:
        log.add_row(
            str(d["id"]),
            d["event"],
            d["status"],
            str(d["attempts"]),
            str(d["last_status_code"] or ""),
            d["last_error"] or "",
        )
    err_console.print(log)


@webhooks_app.command("remove")
def webhooks_remove(ctx: typer.Context, endpoint_id: int, json_out: JsonOpt = False) -> None:
    """Remove a webhook target (its delivery log stays)."""
    from safeguard.review import webhooks

    in_transaction(
        settings_of(ctx),
        lambda s: webhooks.remove_endpoint(s, endpoint_id, actor=actor()),
        webhooks.WebhookError,
    )
    if json_out:
        emit_json({"id": endpoint_id, "removed": True})
    else:
        err_console.print(f"removed webhook {endpoint_id}")

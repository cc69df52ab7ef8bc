"""``safeguard serve``, ``keys``, ``audit verify``, ``evidence``, ``rules``, ``webhooks``:
the service's commands, thin shells over ``safeguard.service`` and the library."""

from __future__ import annotations

import os
import shutil
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safeguard import audit
from safeguard.access import keys, users
from safeguard.access.roles import Role
from safeguard.cli.common import (
    actor,
    database,
    emit_json,
    err_console,
    fail,
    in_transaction,
)
from safeguard.config import Settings
from safeguard.review import rules, webhooks
from safeguard.review.evidence import EvidenceError, EvidenceStore, generate_key

keys_app = typer.Typer(help="API keys: create (shown once), list, revoke.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
evidence_app = typer.Typer(help="Kept evidence media (opt-in): keys, purge.", no_args_is_help=True)
rules_app = typer.Typer(help="Rules: bank/category -> action.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Webhook targets for decision events.", no_args_is_help=True)


class ActionOption(StrEnum):
    allow = "allow"
    review = "review"
    block = "block"
    report = "report"


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings.load()


JsonOpt = Annotated[bool, typer.Option("--json", help="JSON on stdout.")]


# --- serve -------------------------------------------------------------------------------


def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(envvar="SAFEGUARD_HOST", help="Address to listen on.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(envvar="SAFEGUARD_PORT", help="Port.", min=0)] = 8000,
    workers: Annotated[
        int, typer.Option(envvar="SAFEGUARD_WORKERS", help="Worker processes.", min=1)
    ] = 2,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the HTTP service (API and console) with several uvicorn workers. The first start
    creates the database and says how to make the first admin key."""
    import uvicorn

    from safeguard.service.runtime import prepare_index
    from safeguard.service.settings import ServiceSettings

    base = _settings(ctx)
    settings = ServiceSettings.load(
        base.data_dir, base.db_url, host=host, port=port, workers=workers
    )
    try:
        EvidenceStore(settings).check()
    except EvidenceError as e:
        raise fail(str(e), 2) from None
    with database(base) as db, db.session() as s:
        first = not keys.has_admin(s)
        no_console_admin = not any(
            u.role == "admin" and not u.disabled for u in users.list_users(s)
        )
    err_console.print(f"database: {_safe_url(base.db_url)}", highlight=False)
    if first:
        err_console.print(
            "[bold]No admin API key yet.[/bold] Create the first one with:\n"
            f"  safeguard --data-dir {base.data_dir} keys create --role admin --name admin\n"
            "(it is shown once; keep it safe).",
            highlight=False,
            soft_wrap=True,
        )
    if no_console_admin:
        err_console.print(
            "[bold]No console admin yet.[/bold] Create one (it asks for a password) with:\n"
            f"  safeguard --data-dir {base.data_dir} users create admin --role admin\n"
            f"then log in at http://{host}:{port}/console/",
            highlight=False,
            soft_wrap=True,
        )
    total, saved = prepare_index(settings)
    err_console.print(f"index: {total:,} entries{' (snapshot saved)' if saved else ''}")
    os.environ.update(settings.environment())
    (base.data_dir / "ratelimit.bin").unlink(missing_ok=True)  # buckets start full
    if workers > 1:
        metrics_dir = base.data_dir / "metrics"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True, exist_ok=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    err_console.print(f"serving on http://{host}:{port} with {workers} worker(s)", highlight=False)
    uvicorn.run(
        "safeguard.service.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        http="safeguard.service.protocol:NoDelayH11Protocol",
    )


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


# --- keys --------------------------------------------------------------------------------


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
    with database(_settings(ctx)) as db, db.session() as s:
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
    with database(_settings(ctx)) as db, db.session() as s:
        found = keys.list_keys(s, include_revoked=all_keys)
    if json_out:
        for k in found:
            emit_json(k.to_json())
        return
    table = Table(title="API keys")
    for col in ("id", "prefix", "role", "name", "created", "revoked"):
        table.add_column(col)
    for k in found:
        table.add_row(
            str(k.id),
            k.prefix,
            k.role,
            k.name,
            k.created_at.strftime("%Y-%m-%d %H:%M"),
            k.revoked_at.strftime("%Y-%m-%d %H:%M") if k.revoked_at else "",
        )
    err_console.print(table)


@keys_app.command("revoke")
def keys_revoke(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="Key id or prefix (sg_xxxxxxxx).")],
    json_out: JsonOpt = False,
) -> None:
    """Revoke a key: it stops working within seconds on every worker."""
    info = in_transaction(
        _settings(ctx), lambda s: keys.revoke_key(s, key, actor=actor()), keys.ApiKeyError
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"revoked {info.prefix} ({info.role}, {info.name})")


# --- audit -------------------------------------------------------------------------------


@audit_app.command("verify")
def audit_verify(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Recompute the hash chain; exit 1 naming the first changed, removed or moved event."""
    with database(_settings(ctx)) as db, db.session() as s:
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


# --- evidence ----------------------------------------------------------------------------


@evidence_app.command("keygen")
def evidence_keygen(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the key to this file (mode 0600).")
    ] = None,
) -> None:
    """Make a new 256-bit evidence key (base64), for SAFEGUARD_EVIDENCE_KEY_FILE."""
    key = generate_key()
    if out is None:
        typer.echo(key)
        return
    if out.exists():
        raise fail(f"{out} exists; not overwriting a key", 1)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key + "\n")
    err_console.print(f"wrote a new evidence key to {out}")


@evidence_app.command("purge")
def evidence_purge(
    ctx: typer.Context,
    retention_days: Annotated[
        float | None,
        typer.Option(
            help="Keep media this many days [default: SAFEGUARD_EVIDENCE_RETENTION_DAYS]."
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Delete kept media older than the retention period (each deletion audited). Run it
    from cron or a systemd timer."""
    from dataclasses import replace

    from safeguard.service.settings import ServiceSettings

    base = _settings(ctx)
    settings = ServiceSettings.load(base.data_dir, base.db_url)
    evidence = settings.evidence
    if retention_days is not None:
        evidence = replace(evidence, retention_days=retention_days)
    store = EvidenceStore(evidence)
    with database(base) as db, db.session() as s:
        purged = store.purge(s, actor=actor())
    if json_out:
        emit_json({"purged": len(purged), "cases": purged})
    else:
        err_console.print(
            f"purged media of {len(purged)} case(s) older than {evidence.retention_days:g} days"
        )


# --- rules -------------------------------------------------------------------------------


@rules_app.command("list")
def rules_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List rules (most specific wins: bank+category, bank, category, catch-all)."""
    with database(_settings(ctx)) as db, db.session() as s:
        found = rules.load_rules(s)
    if json_out:
        for r in found:
            emit_json(r.to_json())
        return
    table = Table(title="Rules")
    for col in ("id", "bank", "category", "action", "note"):
        table.add_column(col)
    for r in found:
        table.add_row(str(r.id), r.bank or "*", r.category or "*", r.action, r.note)
    err_console.print(table)


@rules_app.command("set")
def rules_set(
    ctx: typer.Context,
    action: Annotated[ActionOption, typer.Argument(help="allow, review, block or report.")],
    bank: Annotated[str | None, typer.Option(help="Bank name (default: any).")] = None,
    category: Annotated[str | None, typer.Option(help="Category (default: any).")] = None,
    note: Annotated[str, typer.Option(help="Why.")] = "",
    json_out: JsonOpt = False,
) -> None:
    """Set the action for matches in a bank and/or of a category."""
    with database(_settings(ctx)) as db, db.session() as s:
        rule = rules.add_rule(
            s, action=action.value, actor=actor(), bank=bank, category=category, note=note
        )
    if json_out:
        emit_json(rule.to_json())
    else:
        err_console.print(f"rule {rule.id}: {bank or '*'} / {category or '*'} -> {rule.action}")


@rules_app.command("delete")
def rules_delete(ctx: typer.Context, rule_id: int, json_out: JsonOpt = False) -> None:
    """Delete a rule."""
    rule = in_transaction(
        _settings(ctx), lambda s: rules.delete_rule(s, rule_id, actor=actor()), rules.RuleError
    )
    if json_out:
        emit_json(rule.to_json())
    else:
        err_console.print(f"deleted rule {rule_id}")


# --- webhooks ----------------------------------------------------------------------------


@webhooks_app.command("add")
def webhooks_add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="http(s) URL to POST events to.")],
    events: Annotated[str, typer.Option(help="Comma-separated events, or *.")] = "*",
    secret: Annotated[str | None, typer.Option(help="Signing secret (default: generated).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Register a webhook target; prints its signing secret once."""
    with database(_settings(ctx)) as db:
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
    with database(_settings(ctx)) as db, db.session() as s:
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
    in_transaction(
        _settings(ctx),
        lambda s: webhooks.remove_endpoint(s, endpoint_id, actor=actor()),
        webhooks.WebhookError,
    )
    if json_out:
        emit_json({"id": endpoint_id, "removed": True})
    else:
        err_console.print(f"removed webhook {endpoint_id}")

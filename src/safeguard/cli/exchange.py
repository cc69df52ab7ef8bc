"""``safeguard exchange``: share hash lists between Safeguard instances.

Publisher: ``publish BANK [--feed NAME]``, ``tokens create FEED --name SUBSCRIBER`` (shown
once), ``tokens list``, ``tokens revoke PREFIX``, ``key`` (this instance's public key),
``opinions FEED`` (what subscribers said of its entries). Subscriber: ``subscribe URL --feed
NAME --token TOKEN --publisher-key KEY --into BANK``, ``subscriptions``, ``sync``.
Reporting: ``cybertip CASE`` sends a decided case to NCMEC's CyberTipline.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from safeguard.banks.lists import BankError
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
from safeguard.errors import SafeguardError
from safeguard.exchange import publisher, signing, subscriber
from safeguard.exchange.errors import ExchangeError

exchange_app = typer.Typer(
    help="Share hash lists between Safeguard instances: publish, subscribe, sync.",
    no_args_is_help=True,
)
tokens_app = typer.Typer(help="Subscriber tokens of feeds: create (shown once), list, revoke.")
exchange_app.add_typer(tokens_app, name="tokens", no_args_is_help=True)

REFUSED = (ExchangeError, BankError)


@exchange_app.command("publish")
def publish(
    ctx: typer.Context,
    bank: Annotated[str, typer.Argument(help="The bank to offer.")],
    feed: Annotated[str | None, typer.Option(help="Feed name (default: the bank's).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Offer a bank to subscribers as a feed."""
    info = in_transaction(
        settings_of(ctx),
        lambda s: publisher.publish(s, bank, feed=feed, actor=actor()),
        REFUSED,
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"published bank {info.bank} as feed {info.name}")


@exchange_app.command("feeds")
def feeds(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List the feeds this instance publishes."""
    with database(settings_of(ctx)) as db, db.session() as s:
        found = publisher.list_feeds(s)
    if json_out:
        for f in found:
            emit_json(f.to_json())
        return
    table = Table(title="feeds")
    for column in ("feed", "bank", "created"):
        table.add_column(column)
    for f in found:
        table.add_row(f.name, f.bank, f.created_at.isoformat(timespec="seconds"))
    err_console.print(table)


@tokens_app.command("create")
def tokens_create(
    ctx: typer.Context,
    feed: Annotated[str, typer.Argument(help="The feed the token reads.")],
    name: Annotated[str, typer.Option("--name", help="Who subscribes with it.")],
    json_out: JsonOpt = False,
) -> None:
    """Create a subscriber token; printed once (stdout), only its hash is kept."""
    info, token = in_transaction(
        settings_of(ctx),
        lambda s: publisher.create_token(s, feed, subscriber=name, actor=actor()),
        REFUSED,
    )
    if json_out:
        emit_json({**info.to_json(), "token": token})
        return
    err_console.print(
        f"created token {info.prefix} for {info.subscriber} on {info.feed}; shown once:"
    )
    typer.echo(token)


@tokens_app.command("list")
def tokens_list(
    ctx: typer.Context,
    feed: Annotated[str | None, typer.Option(help="Only this feed's tokens.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """List tokens (never the tokens themselves)."""
    found = in_transaction(settings_of(ctx), lambda s: publisher.list_tokens(s, feed), REFUSED)
    if json_out:
        for t in found:
            emit_json(t.to_json())
        return
    table = Table(title="subscriber tokens")
    for column in ("prefix", "feed", "subscriber", "created", "revoked"):
        table.add_column(column)
    for t in found:
        revoked = t.revoked_at.isoformat(timespec="seconds") if t.revoked_at else ""
        table.add_row(
            t.prefix, t.feed, t.subscriber, t.created_at.isoformat(timespec="seconds"), revoked
        )
    err_console.print(table)


@tokens_app.command("revoke")
def tokens_revoke(
    ctx: typer.Context,
    prefix: Annotated[str, typer.Argument(help="The token's prefix (sgx_…) or the token.")],
    json_out: JsonOpt = False,
) -> None:
    """Revoke a subscriber token: its next request is refused."""
    info = in_transaction(
        settings_of(ctx), lambda s: publisher.revoke_token(s, prefix, actor=actor()), REFUSED
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"revoked {info.prefix} ({info.subscriber} on {info.feed})")


@exchange_app.command("key")
def key(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Print this instance's Ed25519 public key (made on first use); subscribers pin it."""
    settings = settings_of(ctx)
    text = signing.public_key_text(signing.load_or_create_key(settings.data_dir))
    if json_out:
        emit_json({"key": text})
    else:
        typer.echo(text)


@exchange_app.command("opinions")
def opinions(
    ctx: typer.Context,
    feed: Annotated[str, typer.Argument(help="One of this instance's feeds.")],
    json_out: JsonOpt = False,
) -> None:
    """Per entry of a feed: how many subscribers found it a false positive or confirmed."""
    found = in_transaction(settings_of(ctx), lambda s: publisher.opinion_counts(s, feed), REFUSED)
    if json_out:
        for c in found:
            emit_json(c.to_json())
        return
    table = Table(title=f"opinions on {feed}")
    for column in ("entry", "type", "value", "false positive", "confirmed"):
        table.add_column(column)
    for c in found:
        table.add_row(str(c.entry), c.signal_type, c.value, str(c.false_positive), str(c.confirmed))
    err_console.print(table)


@exchange_app.command("subscribe")
def subscribe(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The publisher's base URL (https://…).")],
    feed: Annotated[str, typer.Option("--feed", help="The feed's name at the publisher.")],
    token: Annotated[str, typer.Option("--token", help="The token the publisher gave you.")],
    publisher_key: Annotated[
        str, typer.Option("--publisher-key", help="Its public key (ed25519:…), from it directly.")
    ],
    into: Annotated[str, typer.Option("--into", help="The local bank the entries go into.")],
    json_out: JsonOpt = False,
) -> None:
    """Subscribe a local bank to another instance's feed (fetched by ``sync``)."""
    info = in_transaction(
        settings_of(ctx),
        lambda s: subscriber.subscribe(
            s, url, feed=feed, token=token, publisher_key=publisher_key, into=into, actor=actor()
        ),
        REFUSED,
        code=2,
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"subscription {info.id}: {info.url} feed {info.feed} into {info.bank}")


@exchange_app.command("subscriptions")
def subscriptions(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List subscriptions with their checkpoint and last error."""
    with database(settings_of(ctx)) as db, db.session() as s:
        found = subscriber.list_subscriptions(s)
    if json_out:
        for sub in found:
            emit_json(sub.to_json())
        return
    table = Table(title="subscriptions")
    for column in ("id", "url", "feed", "bank", "cursor", "last sync", "last error"):
        table.add_column(column)
    for sub in found:
        when = sub.last_sync_at.isoformat(timespec="seconds") if sub.last_sync_at else ""
        table.add_row(
            str(sub.id), sub.url, sub.feed, sub.bank, sub.cursor, when, sub.last_error or ""
        )
    err_console.print(table)


@exchange_app.command("sync")
def sync(
    ctx: typer.Context,
    limit: Annotated[
        int, typer.Option(help="Entries a page.", min=1, max=10_000)
    ] = subscriber.DEFAULT_LIMIT,
    json_out: JsonOpt = False,
) -> None:
    """Pull what changed since each subscription's checkpoint, page by page, verifying every
    page before writing it. Exit 1 if any subscription failed (it says why)."""
    with database(settings_of(ctx)) as db:
        reports = subscriber.sync_all(db, limit=limit, actor=actor())
    failed = False
    for r in reports:
        failed = failed or r.error is not None
        if json_out:
            emit_json(r.to_json())
        elif r.error:
            err_console.print(f"[red]{r.feed}: {r.error}[/red] ({r.pages} pages applied before)")
        else:
            err_console.print(f"{r.feed}: {r.items} changes in {r.pages} pages, cursor {r.cursor}")
    if failed:
        raise typer.Exit(1)


@exchange_app.command("cybertip")
def cybertip_report(
    ctx: typer.Context,
    case_id: Annotated[int, typer.Argument(help="A case a reviewer confirmed or escalated.")],
    reporter_email: Annotated[str, typer.Option(help="The reporting person's e-mail.")],
    reporter_first: Annotated[str, typer.Option(help="Their first name.")],
    reporter_last: Annotated[str, typer.Option(help="Their last name.")],
    incident_type: Annotated[
        str, typer.Option(help="incidentType (default: the first of the documented list).")
    ] = "Child Pornography (possession, manufacture, and distribution)",
    classification: Annotated[
        str | None, typer.Option(help="Industry classification of the file: A1, A2, B1, B2.")
    ] = None,
    endpoint: Annotated[
        str, typer.Option(envvar="SAFEGUARD_CYBERTIP_URL", help="API base URI (…/ispws).")
    ] = "https://exttest.cybertip.org/ispws",
    username: Annotated[str, typer.Option(envvar="SAFEGUARD_CYBERTIP_USER")] = "",
    password: Annotated[
        str, typer.Option(envvar="SAFEGUARD_CYBERTIP_PASSWORD", help="From the environment.")
    ] = "",
    json_out: JsonOpt = False,
) -> None:
    """Report a decided case to NCMEC's CyberTipline (submit, upload kept media if the
    deployment keeps evidence, fileinfo, finish); the report id is stored with the case."""
    from safeguard.exchange import cybertip
    from safeguard.review.evidence import EvidenceSettings, EvidenceStore

    client = cybertip.CyberTipClient(endpoint, username, password)
    try:
        with database(settings_of(ctx)) as db:
            row = cybertip.report_case(
                db,
                case_id,
                client,
                reporter=cybertip.Reporter(reporter_first, reporter_last, reporter_email),
                incident_type=incident_type,
                classification=classification,
                evidence=EvidenceStore(EvidenceSettings.from_env()),
                actor=actor(),
            )
    except cybertip.CyberTipError as e:
        raise fail(str(e)) from None
    except SafeguardError as e:
        raise fail(str(e)) from None
    finally:
        client.close()
    if json_out:
        emit_json({"case": case_id, "report_id": row.report_id, "files": row.file_ids})
    else:
        err_console.print(f"case {case_id} reported: CyberTipline report {row.report_id}")

"""``safeguard exchange``: share hash lists between Safeguard instances.

Publisher: ``publish BANK [--feed NAME]``, ``tokens create FEED --name SUBSCRIBER`` (shown
once), ``tokens list``, ``tokens revoke PREFIX``, ``key`` (this instance's public key),
``opinions FEED`` (what subscribers said of its entries). Subscriber: ``subscribe URL --feed
NAME --token TOKEN --publisher-key KEY --into BANK``, ``subscriptions``, ``sync``.
Other exchanges: ``adapters`` (what this build can pull from), ``subscribe-external KIND
--name NAME --into BANK …`` (NCMEC hash sharing, StopNCII, ThreatExchange-style files),
``sources``, ``remove-source``; ``sync`` pulls those too. Reporting: ``cybertip CASE``
sends a decided case to NCMEC's CyberTipline.
"""

from __future__ import annotations

from typing import Annotated

import typer

from safeguard.cli.common import (
    JsonOpt,
    actor,
    database,
    emit_json,
    emit_listing,
    err_console,
    fail,
    in_transaction,
    settings_of,
    when,
)

exchange_app = typer.Typer(
    help="Share hash lists between Safeguard instances: publish, subscribe, sync.",
    no_args_is_help=True,
)
tokens_app = typer.Typer(help="Subscriber tokens of feeds: create (shown once), list, revoke.")
exchange_app.add_typer(tokens_app, name="tokens", no_args_is_help=True)


def _refused() -> tuple[type[Exception], ...]:
    """The errors a command reports as refused (imported when a command runs)."""
    from safeguard.banks.lists import BankError
    from safeguard.exchange.errors import ExchangeError

    return (ExchangeError, BankError)


#: ``subscriber.DEFAULT_LIMIT``, written out so that ``--help`` imports no exchange code
#: (``tests/cli/test_help_imports.py`` keeps the two equal).
SYNC_LIMIT = 5000


@exchange_app.command("publish")
def publish(
    ctx: typer.Context,
    bank: Annotated[str, typer.Argument(help="The bank to offer.")],
    feed: Annotated[str | None, typer.Option(help="Feed name (default: the bank's).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Offer a bank to subscribers as a feed."""
    from safeguard.exchange import publisher

    info = in_transaction(
        settings_of(ctx),
        lambda s: publisher.publish(s, bank, feed=feed, actor=actor()),
        _refused(),
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"published bank {info.bank} as feed {info.name}")


@exchange_app.command("feeds")
def feeds(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List the feeds this instance publishes."""
    from safeguard.exchange import publisher

    with database(settings_of(ctx)) as db, db.session() as s:
        found = publisher.list_feeds(s)
    emit_listing(
        found,
        json_out=json_out,
        title="feeds",
        columns=("feed", "bank", "created"),
        row=lambda f: (f.name, f.bank, when(f.created_at)),
    )


@tokens_app.command("create")
def tokens_create(
    ctx: typer.Context,
    feed: Annotated[str, typer.Argument(help="The feed the token reads.")],
    name: Annotated[str, typer.Option("--name", help="Who subscribes with it.")],
    json_out: JsonOpt = False,
) -> None:
    """Create a subscriber token; printed once (stdout), only its hash is kept."""
    from safeguard.exchange import publisher

    info, token = in_transaction(
        settings_of(ctx),
        lambda s: publisher.create_token(s, feed, subscriber=name, actor=actor()),
        _refused(),
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
    from safeguard.exchange import publisher

    found = in_transaction(settings_of(ctx), lambda s: publisher.list_tokens(s, feed), _refused())
    emit_listing(
        found,
        json_out=json_out,
        title="subscriber tokens",
        columns=("prefix", "feed", "subscriber", "created", "revoked"),
        row=lambda t: (t.prefix, t.feed, t.subscriber, when(t.created_at), when(t.revoked_at)),
    )


@tokens_app.command("revoke")
def tokens_revoke(
    ctx: typer.Context,
    prefix: Annotated[str, typer.Argument(help="The token's prefix (sgx_…) or the token.")],
    json_out: JsonOpt = False,
) -> None:
    """Revoke a subscriber token: its next request is refused."""
    from safeguard.exchange import publisher

    info = in_transaction(
        settings_of(ctx), lambda s: publisher.revoke_token(s, prefix, actor=actor()), _refused()
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"revoked {info.prefix} ({info.subscriber} on {info.feed})")


@exchange_app.command("key")
def key(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Print this instance's Ed25519 public key (made on first use); subscribers pin it."""
    from safeguard.exchange import signing

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
    from safeguard.exchange import publisher

    found = in_transaction(
        settings_of(ctx), lambda s: publisher.opinion_counts(s, feed), _refused()
    )
    emit_listing(
        found,
        json_out=json_out,
        title=f"opinions on {feed}",
        columns=("entry", "type", "value", "false positive", "confirmed"),
        row=lambda c: (
            str(c.entry),
            c.signal_type,
            c.value,
            str(c.false_positive),
            str(c.confirmed),
        ),
    )


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
    from safeguard.exchange import subscriber

    info = in_transaction(
        settings_of(ctx),
        lambda s: subscriber.subscribe(
            s, url, feed=feed, token=token, publisher_key=publisher_key, into=into, actor=actor()
        ),
        _refused(),
        code=2,
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"subscription {info.id}: {info.url} feed {info.feed} into {info.bank}")


@exchange_app.command("subscriptions")
def subscriptions(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List subscriptions with their checkpoint and last error."""
    from safeguard.exchange import subscriber

    with database(settings_of(ctx)) as db, db.session() as s:
        found = subscriber.list_subscriptions(s)
    emit_listing(
        found,
        json_out=json_out,
        title="subscriptions",
        columns=("id", "url", "feed", "bank", "cursor", "last sync", "last error"),
        row=lambda sub: (
            str(sub.id),
            sub.url,
            sub.feed,
            sub.bank,
            sub.cursor,
            when(sub.last_sync_at),
            sub.last_error or "",
        ),
    )


@exchange_app.command("sync")
def sync(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="Entries a page.", min=1, max=10_000)] = SYNC_LIMIT,
    json_out: JsonOpt = False,
) -> None:
    """Pull what changed since each subscription's checkpoint, page by page, verifying every
    page before writing it. Exit 1 if any subscription failed (it says why)."""
    from safeguard.exchange import sources, subscriber

    with database(settings_of(ctx)) as db:
        reports = subscriber.sync_all(db, limit=limit, actor=actor())
        source_reports = sources.sync_sources(db, actor=actor())
    failed = False
    for r in reports:
        failed = failed or r.error is not None
        if json_out:
            emit_json(r.to_json())
        elif r.error:
            err_console.print(f"[red]{r.feed}: {r.error}[/red] ({r.pages} pages applied before)")
        else:
            err_console.print(f"{r.feed}: {r.items} changes in {r.pages} pages, cursor {r.cursor}")
    for sr in source_reports:
        failed = failed or sr.error is not None
        if json_out:
            emit_json(sr.to_json())
        elif sr.error:
            err_console.print(
                f"[red]{sr.source}: {sr.error}[/red] ({sr.pages} pages applied before)"
            )
        else:
            skipped = ", ".join(f"{n} {why}" for why, n in sorted(sr.skipped.items()))
            err_console.print(
                f"{sr.source} ({sr.kind}): {sr.records} records in {sr.pages} pages, "
                f"{sr.deleted} deleted" + (f"; skipped {skipped}" if skipped else "")
            )
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
    from safeguard.errors import SafeguardError
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


@exchange_app.command("adapters")
def adapters_list(json_out: JsonOpt = False) -> None:
    """The external exchanges this build can pull lists from, and what each needs."""
    from safeguard.exchange import adapters

    found = adapters.describe()
    emit_listing(
        found,
        json_out=json_out,
        title="exchange adapters",
        columns=("kind", "description", "available", "opinions", "options"),
        row=lambda a: (
            a.kind,
            a.description,
            "yes" if a.available else f"no: {a.reason}",
            "yes" if a.takes_opinions else "no",
            ", ".join(a.options),
        ),
    )


@exchange_app.command("subscribe-external")
def subscribe_external(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="An adapter: file, ncmec, stopncii.")],
    name: Annotated[str, typer.Option("--name", help="A name for this source.")],
    into: Annotated[str, typer.Option("--into", help="The local bank the entries go into.")],
    path: Annotated[str | None, typer.Option(help="file: the signal file or CSV.")] = None,
    signal_type: Annotated[
        str | None, typer.Option(help="file: type of lines that give only a value.")
    ] = None,
    environment: Annotated[
        str | None, typer.Option(help="ncmec: environment (Industry, test_Industry, …).")
    ] = None,
    url: Annotated[str | None, typer.Option(help="ncmec, stopncii: base URL.")] = None,
    only_member: Annotated[
        list[int] | None, typer.Option(help="ncmec: only entries of this member id.")
    ] = None,
    negative_reason: Annotated[
        str | None, typer.Option(help="ncmec: reason GUID sent with false positives.")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="stopncii: category given to every entry.")
    ] = None,
    user: Annotated[str | None, typer.Option(envvar="SAFEGUARD_NCMEC_USER")] = None,
    password: Annotated[
        str | None, typer.Option(envvar="SAFEGUARD_NCMEC_PASSWORD", help="From the environment.")
    ] = None,
    subscription_key: Annotated[
        str | None, typer.Option(envvar="SAFEGUARD_STOPNCII_SUBSCRIPTION_KEY")
    ] = None,
    fetch_key: Annotated[str | None, typer.Option(envvar="SAFEGUARD_STOPNCII_FETCH_KEY")] = None,
    feedback_key: Annotated[
        str | None, typer.Option(envvar="SAFEGUARD_STOPNCII_FEEDBACK_KEY")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Pull a list from an external exchange into a local bank (fetched by ``sync``)."""
    from safeguard.exchange import adapters, sources
    from safeguard.exchange.errors import ExchangeError

    given = {
        "path": path,
        "signal_type": signal_type,
        "environment": environment,
        "url": url,
        "only_member": only_member,
        "negative_reason": negative_reason,
        "category": category,
        "user": user,
        "password": password,
        "subscription_key": subscription_key,
        "fetch_key": fetch_key,
        "feedback_key": feedback_key,
    }
    try:
        taken = {o.name for o in adapters.adapter_class(kind).options}
    except ExchangeError as e:
        raise fail(str(e), code=2) from None
    # Credentials may come from the environment for any adapter: keep only this one's.
    present = {k: v for k, v in given.items() if v not in (None, [])}
    refused = sorted(k for k in present if k not in taken and k not in _ENV_CREDENTIALS)
    if refused:
        raise fail(f"{kind} takes no option {', '.join(refused)}", code=2)
    options = {k: v for k, v in present.items() if k in taken}
    info = in_transaction(
        settings_of(ctx),
        lambda s: sources.add_source(s, name, kind, into=into, options=options, actor=actor()),
        _refused(),
        code=2,
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(f"source {info.name}: {info.kind} into {info.bank}")


_ENV_CREDENTIALS = {"user", "password", "subscription_key", "fetch_key", "feedback_key"}


@exchange_app.command("sources")
def sources_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List external sources with their checkpoint and last error (never credentials)."""
    from safeguard.exchange import sources

    with database(settings_of(ctx)) as db, db.session() as s:
        found = sources.list_sources(s)
    emit_listing(
        found,
        json_out=json_out,
        title="external sources",
        columns=("name", "kind", "bank", "checkpoint", "last sync", "last error"),
        row=lambda src: (
            src.name,
            src.kind,
            src.bank,
            str(src.checkpoint or ""),
            when(src.last_sync_at),
            src.last_error or "",
        ),
    )


@exchange_app.command("remove-source")
def remove_source(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="An external source (see `exchange sources`).")],
    json_out: JsonOpt = False,
) -> None:
    """Stop pulling from an external source; the entries it brought stay in the bank."""
    from safeguard.exchange import sources

    info = in_transaction(
        settings_of(ctx), lambda s: sources.remove_source(s, name, actor=actor()), _refused()
    )
    if json_out:
        emit_json(info.to_json())
    else:
        err_console.print(
            f"removed source {info.name} ({info.kind}); its entries stay in {info.bank}"
        )

"""``safeguard evidence``: kept evidence media (opt-in): keys and purging."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from safeguard.cli.common import (
    JsonOpt,
    actor,
    database,
    emit_json,
    err_console,
    fail,
    settings_of,
)

evidence_app = typer.Typer(help="Kept evidence media (opt-in): keys, purge.", no_args_is_help=True)


@evidence_app.command("keygen")
def evidence_keygen(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the key to this file (mode 0600).")
    ] = None,
) -> None:
    """Make a new 256-bit evidence key (base64), for SAFEGUARD_EVIDENCE_KEY_FILE."""
    from safeguard.review.evidence import generate_key

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

    from safeguard.review.evidence import EvidenceStore
    from safeguard.service.settings import ServiceSettings

    base = settings_of(ctx)
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

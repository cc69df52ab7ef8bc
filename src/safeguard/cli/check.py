"""``safeguard check PATH...``: the central check from the command line — hash, match,
apply the rules, open cases and audit — giving each file the same answer as ``POST
/v1/check`` on the same deployment (its default action, dihedral setting and evidence
keeping come from the same ``SAFEGUARD_*`` settings the service reads)."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safeguard.cli.common import actor, database, emit_json, err_console, fail, settings_of


def check_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.", show_default=False)],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    source: Annotated[
        str, typer.Option(help="Where the content came from (shown on cases).")
    ] = "cli",
) -> None:
    """Check files as ``POST /v1/check`` does: match, apply the rules, open a case for
    review/report, audit; one answer per file (``action``, ``matches``, ``case_id``)."""
    from safeguard.cli.match import open_matcher
    from safeguard.review.check import Checker, CheckTimings, Media
    from safeguard.review.evidence import EvidenceError, EvidenceStore
    from safeguard.service.settings import ServiceSettings
    from safeguard.signals.hashing import collect_files
    from safeguard.signals.media import FileHashes, HashOptions, hash_file

    base = settings_of(ctx)
    settings = ServiceSettings.load(base.data_dir, base.db_url)
    keeper = EvidenceStore(settings)
    try:
        keeper.check()
    except EvidenceError as e:
        raise fail(str(e), 2) from None
    items = collect_files(paths)
    failed = 0
    rows: list[tuple[str, str, str, str]] = []
    with database(base) as db:
        matcher = open_matcher(db, base)
        matcher.regions = settings.regions
        checker = Checker(
            db,
            matcher,
            default_action=settings.default_action,
            dihedral=settings.dihedral,
            variants=settings.variants,
            verify=settings.verify,
            keeper=keeper,
        )
        for item in items:
            if isinstance(item, FileHashes):  # could not be walked
                record = item
            else:
                record = hash_file(
                    item,
                    HashOptions(
                        dihedral=settings.dihedral,
                        variants=settings.variants,
                        local_features=settings.verify,
                    ),
                )
            media = None
            if keeper.enabled and not record.error and not isinstance(item, FileHashes):
                kind = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
                media = Media(item.read_bytes(), item.name, kind)
            result = checker.check_record(
                record, source=source, actor=actor(), media=media, timings=CheckTimings()
            )
            error = result.media_error[1] if result.media_error and not result.matches else None
            failed += error is not None
            out = {"path": record.path, **result.to_json(), "error": error}
            out.pop("signals", None)
            if json_out:
                emit_json(out)
            matches = ", ".join(f"{m.bank}:{m.signal}@{m.distance}" for m in result.matches[:3])
            case = "" if result.case_id is None else str(result.case_id)
            rows.append((record.path, result.action, matches or error or "", case))
    if not json_out:
        table = Table(title="Check")
        for col in ("path", "action", "matches (bank:signal@distance) / error", "case"):
            table.add_column(col, overflow="fold")
        for row in sorted(rows):
            table.add_row(*row)
        err_console.print(table)
    acted = sum(1 for r in rows if r[1] != "allow")
    err_console.print(f"{len(rows)} files, {acted} acted on, {failed} failed")
    if failed:
        raise typer.Exit(1)

"""``safeguard triage add-to-bank``: a case's categorised pictures and videos into a bank,
with every signal Safeguard computes (region rows included), read again from the seized
media. Registered on the ``triage`` group at the end of ``cli/triage.py``."""

from __future__ import annotations

from typing import Annotated

import typer

from safeguard.cli.common import actor, database, emit_json, err_console, fail, settings_of


def add_to_bank_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name.", show_default=False)],
    bank: Annotated[str, typer.Argument(help="Bank to add to.", show_default=False)],
    ids: Annotated[
        list[int] | None,
        typer.Argument(help="Only these item ids (each must be categorised).", show_default=False),
    ] = None,
    code: Annotated[
        list[str] | None,
        typer.Option(
            "--code",
            help="Only items of this category (repeatable). Default: every category but 0.",
        ),
    ] = None,
    regions: Annotated[
        bool,
        typer.Option(
            "--regions/--no-regions",
            help="Also store the PDQ of fixed crops of each picture (cropped copies match).",
        ),
    ] = True,
    local_features: Annotated[
        bool,
        typer.Option(
            "--local-features",
            help="Also keep each picture's ORB features for verification (off by default: "
            "coarse pictures can be rebuilt from them).",
        ),
    ] = False,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per item.")] = False,
) -> None:
    """Add the case's categorised pictures and videos to a bank with every signal
    (digests, PDQ, region hashes, keyframes), each entry carrying the item's category and
    the external id triage:CASE:ITEM. Items are read again from the source and must be
    unchanged; a failed item is an error record (exit 1), the others are still added."""
    from safeguard.banks.media import MediaOptions
    from safeguard.cli.common import progress_bar
    from safeguard.errors import ErrorKind, SafeguardError
    from safeguard.triage.to_bank import ToBankOptions, add_case_to_bank

    options = ToBankOptions(
        codes=tuple(code or ()),
        ids=tuple(ids or ()),
        media=MediaOptions(regions=regions, local_features=local_features),
    )
    items = failed = added = region_rows = 0
    try:
        with database(settings_of(ctx)) as db:
            bar = progress_bar()
            with bar:
                task = bar.add_task("adding to bank", total=None, rate="")
                for record in add_case_to_bank(db, case, bank, actor=actor(), options=options):
                    items += 1
                    failed += record.media.error is not None
                    added += record.media.added
                    region_rows += record.media.regions
                    if json_out:
                        emit_json(record.to_json())
                    if record.media.error is not None:
                        err_console.print(
                            f"item {record.item}: {record.media.error}", highlight=False
                        )
                    bar.update(task, advance=1, rate=f"{added:,} entries")
    except SafeguardError as e:
        raise fail(str(e), 2 if e.kind in (ErrorKind.INVALID, ErrorKind.NOT_FOUND) else 1) from None
    err_console.print(
        f"{bank}: {items:,} items of case {case}, added {added:,} entries and "
        f"{region_rows:,} region hashes, {failed:,} failed"
    )
    if failed:
        raise typer.Exit(1)

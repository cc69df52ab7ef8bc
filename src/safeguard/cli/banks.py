"""``safeguard banks ...``: create, list, show, import, import-media, export,
enable/disable, delete."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from safeguard.cli.common import actor, database, emit_json, err_console, fail, settings_of

if TYPE_CHECKING:
    from safeguard import banks

banks_app = typer.Typer(
    help="Hash lists (banks): create, import, export, disable.", no_args_is_help=True
)

FORMAT_HELP = (
    "plain (one hash a line), csv (header type,value[,id,category,note]), vics (Project VIC "
    "JSON), urls (one URL or its hash a line) or keywords (one search term a line)"
)

#: ``banks.formats.detect.AUTO``, written out so that ``--help`` imports no bank code
#: (``tests/cli/test_help_imports.py`` keeps the two equal).
AUTO_FORMAT = "auto"


class BankKindOption(StrEnum):
    block = "block"
    allow = "allow"


_KINDS: dict[BankKindOption, banks.BankKind] = {
    BankKindOption.block: "block",
    BankKindOption.allow: "allow",
}


@banks_app.command("create")
def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Unique name: letters, digits, _.:-")],
    description: Annotated[str, typer.Option(help="What the list holds.")] = "",
    source: Annotated[str, typer.Option(help="Where it comes from (organisation, feed).")] = "",
    licence: Annotated[str, typer.Option(help="Terms under which it may be used or shared.")] = "",
    category: Annotated[str | None, typer.Option(help="Default category of its entries.")] = None,
    kind: Annotated[
        BankKindOption,
        typer.Option(help="block (known material) or allow (known false positives)."),
    ] = BankKindOption.block,
    pdq_threshold: Annotated[
        int, typer.Option(help="Largest PDQ distance that matches.", min=0, max=64)
    ] = 31,
    disabled: Annotated[bool, typer.Option("--disabled", help="Create it disabled.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
) -> None:
    """Create an empty bank."""
    from safeguard import banks

    spec = banks.BankSpec(
        name,
        description,
        source,
        licence,
        category,
        _KINDS[kind],
        pdq_threshold,
        not disabled,
    )
    with database(settings_of(ctx)) as db:
        try:
            with db.session() as s:
                bank = banks.create_bank(s, spec, actor())
                summary = banks.summarize(s, bank)
        except banks.BankError as e:
            raise fail(str(e)) from None
    if json_out:
        emit_json(summary.to_json())
    else:
        err_console.print(
            f"created bank [bold]{name}[/bold] ({kind}, PDQ threshold {pdq_threshold})"
        )


@banks_app.command("list")
def list_command(
    ctx: typer.Context,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per bank on stdout.")
    ] = False,
) -> None:
    """List banks with their entry counts."""
    from safeguard import banks

    with database(settings_of(ctx)) as db, db.session() as s:
        found = banks.list_banks(s)
    if json_out:
        for b in found:
            emit_json(b.to_json())
        return
    table = Table(title="Banks")
    for col in ("name", "kind", "enabled", "category", "pdq ≤", "entries", "disabled", "source"):
        table.add_column(col)
    for b in found:
        counts = ", ".join(f"{t} {n:,}" for t, n in sorted(b.entries.items())) or "0"
        table.add_row(
            b.name,
            b.kind,
            "yes" if b.enabled else "no",
            b.category or "",
            str(b.pdq_threshold),
            counts,
            f"{b.disabled_entries:,}",
            b.source,
        )
    err_console.print(table)


@banks_app.command("show")
def show(
    ctx: typer.Context,
    name: str,
    json_out: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
) -> None:
    """Show one bank's provenance, settings and counts."""
    from safeguard import banks

    with database(settings_of(ctx)) as db:
        try:
            with db.session() as s:
                summary = banks.summarize(s, banks.get_bank(s, name))
        except banks.BankError as e:
            raise fail(str(e)) from None
    if json_out:
        emit_json(summary.to_json())
        return
    for key, value in summary.to_json().items():
        err_console.print(f"[bold]{key}[/bold]: {value}", highlight=False)


@banks_app.command("import")
def import_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Bank to import into.")],
    file: Annotated[
        Path | None, typer.Argument(help="List file; '-' or nothing reads stdin.")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help=f"auto (detect from header and name), {FORMAT_HELP}"),
    ] = AUTO_FORMAT,
    signal: Annotated[
        str | None,
        typer.Option("--type", "-t", help="Signal type of every line: pdq, md5, sha1, sha256."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON report on stdout.")] = False,
) -> None:
    """Import a hash list. All or nothing: a bad line rejects the whole file (file:line
    messages); re-importing adds nothing twice."""
    from safeguard import banks
    from safeguard.banks.formats import formats
    from safeguard.banks.formats.detect import resolve_format
    from safeguard.signals.errors import InvalidSignal

    if fmt != AUTO_FORMAT and fmt not in formats():
        raise fail(f"unknown format {fmt!r}; use auto, {', '.join(sorted(formats()))}", 2)
    path = None if file is None or str(file) == "-" else file
    if path is not None and not path.is_file():
        raise fail(f"{path}: no such file", 1)
    source = str(path) if path else "<stdin>"
    opener = banks.spool(path, sys.stdin.buffer)
    detected = fmt == AUTO_FORMAT
    fmt = resolve_format(fmt, opener, path.name if path else None)
    err_console.print(
        f"{source}: format: {fmt}" + (" (detected)" if detected else ""), soft_wrap=True
    )
    with database(settings_of(ctx)) as db:
        progress = Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
        )
        with progress:
            task = progress.add_task("import", total=None)
            try:
                report = banks.import_list(
                    db,
                    name,
                    opener,
                    fmt=fmt,
                    source=source,
                    default_type=signal,
                    actor=actor(),
                    progress=lambda done, total: progress.update(task, completed=done, total=total),
                )
            except banks.ImportRejected as e:
                if json_out:
                    emit_json(
                        {
                            "bank": name,
                            "error": "import_rejected",
                            "problems": e.total_issues,
                            "issues": [
                                {"source": source, "line": i.line, "message": i.message}
                                for i in e.issues
                            ],
                        }
                    )
                raise fail(str(e)) from None
            except (banks.BankError, InvalidSignal) as e:
                raise fail(str(e)) from None
    if json_out:
        emit_json({**report.to_json(), "format": fmt})
    err_console.print(
        f"{name}: read {report.read:,}, added {report.added:,}, "
        f"already present {report.already_present:,}"
    )


@banks_app.command("import-media")
def import_media_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Bank to add to.")],
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Pictures, videos or folders (walked recursively).", show_default=False
        ),
    ],
    ids: Annotated[
        Path | None,
        typer.Option(
            "--ids",
            help="CSV with a header: a file column (file, path or name) and an id column "
            "(id or external_id). Files not in it keep their name as external id.",
        ),
    ] = None,
    regions: Annotated[
        bool,
        typer.Option(
            "--regions/--no-regions",
            help="Also store the PDQ of fixed crops of each picture (found when a copy is "
            "cropped; never exported as entries).",
        ),
    ] = True,
    local_features: Annotated[
        bool,
        typer.Option(
            "--local-features",
            help="Also keep each picture's ORB features (<= 500, ~20 KB) so matching can "
            "verify near misses. Off by default: coarse pictures can be rebuilt from local "
            "features, so keep them only where the deployment may hold such data.",
        ),
    ] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes.")] = 1,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
) -> None:
    """Add pictures and videos (their keyframes) with every signal Safeguard computes:
    MD5, SHA-1, SHA-256, PDQ (and its regions), each keyframe's PDQ. A bad file is an
    error record (exit 1); the others are still added."""
    from safeguard import banks
    from safeguard.banks.media import MediaOptions, import_media, read_id_list
    from safeguard.cli.common import progress_bar
    from safeguard.signals.hashing import collect_files

    id_map = None
    if ids is not None:
        try:
            id_map = read_id_list(ids.read_text(encoding="utf-8-sig"))
        except OSError as e:
            raise fail(f"{ids}: {e.strerror or e}", 2) from None
        except banks.BankError as e:
            raise fail(f"{ids}: {e}", 2) from None
    items = collect_files(paths)
    failed = added = region_rows = 0
    with database(settings_of(ctx)) as db:
        bar = progress_bar()
        with bar:
            task = bar.add_task("importing media", total=len(items), rate="")
            try:
                for record in import_media(
                    db,
                    name,
                    items,
                    actor=actor(),
                    ids=id_map,
                    options=MediaOptions(
                        regions=regions, local_features=local_features, workers=workers
                    ),
                ):
                    failed += record.error is not None
                    added += record.added
                    region_rows += record.regions
                    if json_out:
                        emit_json(record.to_json())
                    if record.error is not None:
                        err_console.print(f"{record.path}: {record.error}", highlight=False)
                    bar.update(task, advance=1, rate=f"{added:,} entries")
            except banks.BankError as e:
                raise fail(str(e)) from None
    err_console.print(
        f"{name}: {len(items):,} files, added {added:,} entries and {region_rows:,} region "
        f"hashes, {failed:,} failed"
    )
    if failed:
        raise typer.Exit(1)


@banks_app.command("export")
def export_command(
    ctx: typer.Context,
    name: str,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default stdout).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "plain",
    signal: Annotated[
        list[str] | None, typer.Option("--type", "-t", help="Only these signal types.")
    ] = None,
) -> None:
    """Export a bank's enabled entries."""
    from safeguard import banks
    from safeguard.banks.formats import formats

    if fmt not in formats():
        raise fail(f"unknown format {fmt!r}; use {', '.join(sorted(formats()))}", 2)
    with database(settings_of(ctx)) as db:
        try:
            if out is None:
                n = banks.export_list(
                    db, name, sys.stdout.buffer, fmt=fmt, types=signal, actor=actor()
                )
                sys.stdout.buffer.flush()
            else:
                tmp = out.with_name(out.name + ".partial")
                with tmp.open("wb") as f:
                    n = banks.export_list(db, name, f, fmt=fmt, types=signal, actor=actor())
                tmp.replace(out)
        except banks.BankError as e:
            raise fail(str(e)) from None
    err_console.print(f"exported {n:,} entries from {name}")


def _toggle(
    ctx: typer.Context,
    name: str,
    values: list[str] | None,
    signal: str | None,
    disabled: bool,
    json_out: bool,
) -> None:
    from safeguard import banks
    from safeguard.signals.errors import InvalidSignal

    with database(settings_of(ctx)) as db:
        try:
            with db.session() as s:
                if values:
                    changed, missing = banks.set_entries_disabled(
                        s, name, [(signal, v) for v in values], disabled, actor()
                    )
                    result = {"bank": name, "changed": changed, "missing": missing}
                else:
                    bank = banks.set_bank_enabled(s, name, not disabled, actor())
                    result = {"bank": name, "enabled": bank.enabled}
        except (banks.BankError, InvalidSignal) as e:
            raise fail(str(e)) from None
    if json_out:
        emit_json(result)
    elif values:
        verb = "disabled" if disabled else "re-enabled"
        err_console.print(f"{name}: {verb} {changed:,} of {len(values):,} entries", highlight=False)
        for value in missing:
            err_console.print(f"  not in the bank: {value}", highlight=False)
    else:
        state = "enabled" if not disabled else "disabled"
        err_console.print(f"bank {name} {state}", highlight=False)
    if values and result.get("missing"):
        raise typer.Exit(1)


@banks_app.command("disable")
def disable(
    ctx: typer.Context,
    name: str,
    values: Annotated[
        list[str] | None, typer.Argument(help="Entries to disable; none: the whole bank.")
    ] = None,
    signal: Annotated[
        str | None,
        typer.Option("--type", "-t", help="Signal type of the values (needed for 64-hex)."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Disable a bank, or some of its entries, without deleting anything."""
    _toggle(ctx, name, values, signal, True, json_out)


@banks_app.command("enable")
def enable(
    ctx: typer.Context,
    name: str,
    values: Annotated[
        list[str] | None, typer.Argument(help="Entries to re-enable; none: the whole bank.")
    ] = None,
    signal: Annotated[str | None, typer.Option("--type", "-t")] = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-enable a bank or some of its entries."""
    _toggle(ctx, name, values, signal, False, json_out)


@banks_app.command("delete")
def delete(
    ctx: typer.Context,
    name: str,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Delete a bank and all its entries (audited)."""
    from safeguard import banks

    if not yes and not typer.confirm(f"Delete bank {name} and all its entries?", err=True):
        raise typer.Exit(1)
    with database(settings_of(ctx)) as db:
        try:
            with db.session() as s:
                n = banks.delete_bank(s, name, actor())
        except banks.BankError as e:
            raise fail(str(e)) from None
    if json_out:
        emit_json({"bank": name, "deleted_entries": n})
    err_console.print(f"deleted bank {name} ({n:,} entries)")

"""``safeguard triage``: police triage of seized media, from a disk image to a categorised,
court-ready case (``new``, ``run``, ``list``, ``categorise``, ``report``, ``export``).

Registered in ``cli/app.py`` (``COMMANDS["triage"]``), loaded only when used. Contract: ``--json``
writes one JSON object per line on stdout; tables and progress go to stderr; exit 0 when
everything ran, 1 when something failed (a file that could not be read, evidence that
changed), 2 on a usage error.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from safeguard.cli.common import actor, database, emit_json, err_console, fail, settings_of

if TYPE_CHECKING:
    from safeguard.errors import SafeguardError


triage_app = typer.Typer(
    help="Police triage: disk images and folders to a categorised, court-ready case.",
    no_args_is_help=True,
)

MiB = 1 << 20
_FORMATS = ("vics", "csv", "html", "pdf")


def _refuse(e: SafeguardError) -> typer.Exit:
    from safeguard.errors import ErrorKind

    return fail(str(e), 2 if e.kind in (ErrorKind.INVALID, ErrorKind.NOT_FOUND) else 1)


@triage_app.command("new")
def new_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name or number.", show_default=False)],
    source: Annotated[
        list[Path],
        typer.Option(
            "--source",
            "-s",
            help="Seized media: a disk image (raw/dd or E01), a folder, an archive or a "
            "file. Repeat for several.",
            show_default=False,
        ),
    ],
    examiner: Annotated[
        str, typer.Option("--examiner", help="Who examines the case (default: your login).")
    ] = "",
    scheme: Annotated[
        str, typer.Option("--scheme", help="Categories: uk (A/B/C) or us (Project VIC 0-4).")
    ] = "uk",
    json_out: Annotated[bool, typer.Option("--json", help="Print the case as JSON.")] = False,
) -> None:
    """Open a case over one or more sources (nothing is read until `triage run`)."""
    from safeguard.errors import SafeguardError
    from safeguard.triage.case import case_sources, create_case

    who = actor()
    examiner = examiner or who.removeprefix("cli:")
    try:
        with database(settings_of(ctx)) as db, db.session() as s:
            c = create_case(s, case, source, examiner=examiner, scheme=scheme, actor=who)
            rows = [
                {"position": src.position + 1, "location": src.location, "kind": src.kind}
                for src in case_sources(s, c)
            ]
            out = {"case": c.name, "examiner": c.examiner, "scheme": c.scheme, "sources": rows}
    except SafeguardError as e:
        raise _refuse(e) from None
    if json_out:
        emit_json(out)
    table = Table(title=f"Case {case}")
    for col in ("#", "source", "kind"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["position"]), str(r["location"]), str(r["kind"]))
    err_console.print(table)
    err_console.print(f"next: safeguard triage run {case}")


@triage_app.command("run")
def run_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name.", show_default=False)],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, help="Local Dask worker processes (default: all cores)."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a running Dask scheduler; its workers must see the sources "
            "at the same paths.",
        ),
    ] = None,
    fast: Annotated[bool, typer.Option("--fast", help="Keyframe-only video.")] = False,
    full_decode: Annotated[
        bool,
        typer.Option(
            "--full-decode",
            help="Decode pictures at full size for PDQ (the reference's hashes exactly; "
            "slower). By default JPEGs are decoded only as far as PDQ needs.",
        ),
    ] = False,
    pdq_known: Annotated[
        bool,
        typer.Option(
            "--pdq-known",
            help="Compute PDQ also for pictures a hash set already knows by MD5/SHA-1.",
        ),
    ] = False,
    carve: Annotated[
        bool,
        typer.Option(
            "--carve/--no-carve",
            help="Carve pictures and videos (JPEG, PNG, GIF, BMP, WebP, MP4/MOV, AVI) out of "
            "disk images' unallocated and unpartitioned space (on by default; --no-carve "
            "lists only what the file systems name).",
        ),
    ] = True,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Verify the sources, hash and match every file, build the stacks (resumable).

    Run it again after an interruption and it goes on where it stopped.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from safeguard.cli.match import open_matcher
    from safeguard.errors import SafeguardError
    from safeguard.signals.media import HashOptions
    from safeguard.signals.video import VideoSampling
    from safeguard.triage.runner import TriageProgress, run_case

    if workers is not None and scheduler is not None:
        raise fail("--workers sizes the local cluster; leave it out with --scheduler", 2)
    # --fast is keyframe-only video: pictures are already decoded only as far as PDQ needs
    # (or, with --full-decode, at full size).
    options = HashOptions(
        reduced_pdq=not full_decode,
        video_sampling=VideoSampling(mode="keyframes") if fast else VideoSampling(),
    )
    progress = Progress(
        TextColumn("[bold]{task.fields[stage]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[info]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )
    task = progress.add_task("triage", total=None, stage="starting", info="")

    def on_progress(p: TriageProgress) -> None:
        elapsed = max(p.elapsed, 1e-9)
        progress.update(
            task,
            total=p.files_total or None,
            completed=p.files_done,
            stage=p.stage,
            info=f"{p.bytes_done / MiB:,.0f}/{p.bytes_total / MiB:,.0f} MB "
            f"known {p.known} unknown {p.unknown} "
            f"{p.bytes_done / MiB / elapsed:.1f} MB/s",
        )

    settings = settings_of(ctx)
    started = time.perf_counter()
    try:
        with database(settings) as db:
            matcher = open_matcher(db, settings)
            with progress:
                summary = run_case(
                    db,
                    case,
                    matcher=matcher,
                    actor=actor(),
                    options=options,
                    workers=workers,
                    scheduler=scheduler,
                    progress=on_progress,
                    skip_known_pdq=not pdq_known,
                    carve=carve,
                )
    except SafeguardError as e:
        raise _refuse(e) from None
    except SQLAlchemyError as e:
        raise fail(f"database error (the run can be resumed): {e}") from None
    except KeyboardInterrupt:
        err_console.print(
            f"interrupted after {time.perf_counter() - started:.1f} s; "
            f"run `safeguard triage run {case}` again to resume"
        )
        raise typer.Exit(130) from None
    data = summary.to_json()
    if json_out:
        emit_json(data)
    table = Table(title=f"Triage run: {case}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    for key in (
        "files",
        "items",
        "known",
        "unknown",
        "deleted",
        "carved",
        "errors",
        "stacks",
        "already_done",
        "elapsed_s",
        "mb_per_s",
        "files_per_s",
        "workers",
    ):
        table.add_row(key, str(data[key]))
    table.add_row("sources unchanged", "yes" if summary.sources_unchanged else "[red]NO[/red]")
    err_console.print(table)
    # A partial carved item is a finding (part of a picture), not a file that failed.
    failed = summary.errors - summary.error_codes.get("carved_partial", 0)
    if failed or not summary.sources_unchanged:
        raise typer.Exit(1)


@triage_app.command("list")
def list_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name.", show_default=False)],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per item.")] = False,
    known: Annotated[bool, typer.Option("--known", help="Only items a bank matched.")] = False,
    unknown: Annotated[bool, typer.Option("--unknown", help="Only items no bank matched.")] = False,
    deleted: Annotated[bool, typer.Option("--deleted", help="Only deleted files.")] = False,
    stack: Annotated[int | None, typer.Option("--stack", help="Only this stack.")] = None,
) -> None:
    """The case's items: hashes, where found, deleted or not, known or not, category."""
    from safeguard.errors import SafeguardError
    from safeguard.triage.case import ItemFilter, get_case, item_row, iter_items, source_names

    if known and unknown:
        raise fail("--known and --unknown exclude each other", 2)
    where = ItemFilter(
        known=True if known else (False if unknown else None),
        deleted=True if deleted else None,
        stack=stack,
    )
    table = Table(title=f"Case {case}")
    for col in ("id", "path", "size", "md5", "del", "known", "category", "stack"):
        table.add_column(col, overflow="fold")
    shown = 0
    try:
        with database(settings_of(ctx)) as db, db.session() as s:
            c = get_case(s, case)
            names = source_names(s, c)
            for item in iter_items(s, c, where):
                row = item_row(c, item, names.get(item.source_id, ""))
                shown += 1
                if json_out:
                    emit_json(row)
                elif shown <= 1000:
                    cat = row["category"]
                    table.add_row(
                        str(row["id"]),
                        row["path"],
                        "" if row["size"] is None else f"{row['size']:,}",
                        row["md5"] or f"[red]{row['error_code']}[/red]",
                        "yes" if row["deleted"] else "",
                        "[red]yes[/red]" if row["known"] else "",
                        "" if cat is None else f"{cat['code']} ({cat['by']})",
                        "" if row["stack"] is None else str(row["stack"]),
                    )
    except SafeguardError as e:
        raise _refuse(e) from None
    if not json_out:
        err_console.print(table)
        if shown > 1000:
            err_console.print(f"(first 1000 of {shown} shown; use --json for all)")


@triage_app.command("categorise")
def categorise_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name.", show_default=False)],
    ids: Annotated[list[int] | None, typer.Argument(help="Item ids.", show_default=False)] = None,
    code: Annotated[
        str,
        typer.Option("--code", help="UK: A, B, C or 0; US: 0-4.", show_default=False),
    ] = "",
    stack: Annotated[
        list[int] | None,
        typer.Option("--stack", help="Categorise every item of this stack (repeatable)."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit log).")] = None,
    examiner: Annotated[
        str, typer.Option("--examiner", help="Who decides (default: the case's examiner).")
    ] = "",
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Record the examiner's category for items or whole stacks (audited)."""
    from safeguard.errors import SafeguardError
    from safeguard.triage.case import categorise, get_case

    if not code:
        raise fail("--code is required", 2)
    try:
        with database(settings_of(ctx)) as db, db.session() as s:
            c = get_case(s, case)
            n = categorise(
                s,
                c,
                code=code,
                examiner=examiner or c.examiner,
                actor=actor(),
                ids=ids or [],
                stacks=stack or [],
                note=note,
            )
            result = {"case": case, "code": code.strip().upper(), "items": n}
    except SafeguardError as e:
        raise _refuse(e) from None
    if json_out:
        emit_json(result)
    err_console.print(f"{n} item{'s' if n != 1 else ''} categorised")


@triage_app.command("report")
def report_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name.", show_default=False)],
    json_out: Annotated[
        bool, typer.Option("--json", help="The report as one JSON object.")
    ] = False,
) -> None:
    """Counts per category, known and unknown, timeline and chain of custody."""
    from safeguard.errors import SafeguardError
    from safeguard.triage.case import get_case
    from safeguard.triage.report import build_report

    try:
        with database(settings_of(ctx)) as db, db.session() as s:
            report = build_report(s, get_case(s, case))
    except SafeguardError as e:
        raise _refuse(e) from None
    if json_out:
        emit_json(report)
        return
    c = report["counts"]
    table = Table(title=f"Case {case} ({report['scheme'].upper()})", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    for key in ("items", "known", "unknown", "deleted", "errors", "stacks"):
        table.add_row(key, f"{c[key]:,}")
    for r in report["categories"]:
        table.add_row(f"{r['code']} {r['label']}", f"{r['items']:,}")
    table.add_row("uncategorised", f"{c['uncategorised']:,}")
    err_console.print(table)
    for src in report["sources"]:
        state = {None: "not yet checked", True: "unchanged", False: "[red]CHANGED[/red]"}
        err_console.print(
            f"source {src['position']}: {src['location']} ({state[src['unchanged']]})"
        )


@triage_app.command("export")
def export_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case name.", show_default=False)],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="vics, csv, html or pdf.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.", show_default=False)],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print what was written as JSON.")
    ] = False,
) -> None:
    """Write the case as VICS 2.0 JSON, CSV, or an HTML or PDF report (never media)."""
    from safeguard import audit
    from safeguard.errors import SafeguardError
    from safeguard.triage import export, report
    from safeguard.triage.case import get_case, subject

    fmt = fmt.lower()
    if fmt not in _FORMATS:
        raise fail(f"unknown format {fmt!r}: use {', '.join(_FORMATS)}", 2)
    tmp = out.with_name(out.name + ".partial")
    try:
        with database(settings_of(ctx)) as db, db.session() as s:
            c = get_case(s, case)
            with tmp.open("wb") as f:
                if fmt == "vics":
                    summary = export.write_vics(s, c, f).to_json()
                elif fmt == "csv":
                    summary = export.write_csv(s, c, f).to_json()
                else:
                    data = report.build_report(s, c)
                    body = (
                        report.render_html(data).encode()
                        if fmt == "html"
                        else report.render_pdf(data)
                    )
                    f.write(body)
                    summary = {"format": fmt, "items": data["counts"]["items"]}
            tmp.replace(out)
            summary["out"] = str(out)
            audit.record(s, actor(), "triage_exported", subject(c), summary)
    except SafeguardError as e:
        tmp.unlink(missing_ok=True)
        raise _refuse(e) from None
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise fail(f"{out}: cannot write: {e.strerror or e}") from None
    if json_out:
        emit_json(summary)
    err_console.print(f"wrote {out} ({fmt}, {summary['items']} items)")


def _register_add_to_bank() -> None:
    # The command lives in its own module (cli/triage_bank.py); registered here so it is a
    # subcommand of ``triage``.
    from safeguard.cli.triage_bank import add_to_bank_command

    triage_app.command("add-to-bank")(add_to_bank_command)


_register_add_to_bank()

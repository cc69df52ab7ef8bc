"""``safeguard scan SOURCE... --out FILE``: bulk hash and match on Dask, resumable.

The records go to ``--out`` (JSON lines, appended); the terminal gets a progress bar and a
summary on stderr, or with ``--json`` the summary as one JSON object on stdout. Registered
in ``cli/app.py``'s ``COMMANDS``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from safeguard.cli.common import database, emit_json, err_console, fail, progress_bar, settings_of

if TYPE_CHECKING:
    from safeguard.scan import ScanSummary


MiB = 1 << 20


def scan_command(
    ctx: typer.Context,
    source: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders to scan. Folders are walked recursively; zip and tar "
            "archives (.tar.gz, .tgz, .tar.bz2, .tar.xz too) are opened in memory, "
            "nested ones up to 3 levels.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Results file: one JSON line per file, archive member and archive. "
            "Records are appended; running again with the same file resumes, skipping "
            "what it already holds.",
            show_default=False,
        ),
    ],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Worker processes of the local Dask cluster (default: all cores).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a running Dask scheduler (tcp://host:8786) instead of a local "
            "cluster. Its workers must see the same paths (shared file system) and have "
            "Safeguard installed.",
        ),
    ] = None,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast",
            help="Reduced-size JPEG decoding and keyframe-only video sampling, as in "
            "'safeguard hash --fast'.",
        ),
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the summary as one JSON object on stdout.")
    ] = False,
    dihedral: Annotated[
        bool,
        typer.Option(
            "--dihedral", help="Also match the 8 rotations and mirrors of every PDQ hash."
        ),
    ] = False,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Follow symbolic links that lead out of the source folder (default: record "
            "them as symlink_outside and do not read what they point at).",
        ),
    ] = False,
) -> None:
    """Hash and match files, folders and archives in bulk on Dask; resumable.

    Dask workers hash; this process matches each record against the enabled banks.

    Exit 1 when any input recorded in --out failed (its record says why), 0 otherwise.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from safeguard.matching.matcher import Matcher
    from safeguard.scan import ScanError, ScanProgress, scan
    from safeguard.signals.media import HashOptions
    from safeguard.signals.video import VideoSampling

    if workers is not None and scheduler is not None:
        raise fail("--workers sizes the local cluster; leave it out with --scheduler", 2)
    options = HashOptions(
        fast=fast, video_sampling=VideoSampling(mode="keyframes") if fast else VideoSampling()
    )
    progress = progress_bar(rate_field="rates")
    task = progress.add_task("scanning", total=None, rates="")

    def on_progress(p: ScanProgress) -> None:
        elapsed = max(p.elapsed, 1e-9)
        progress.update(
            task,
            total=p.files_total,
            completed=p.files_done,
            rates=f"{p.files_done / elapsed:.1f} files/s {p.bytes_done / MiB / elapsed:.1f} MB/s",
        )

    started = time.perf_counter()
    try:
        with database(settings_of(ctx)) as db:
            matcher = Matcher.open(db, settings_of(ctx).index_dir)
            with progress:
                summary = scan(
                    source,
                    out,
                    matcher=matcher,
                    options=options,
                    workers=workers,
                    scheduler=scheduler,
                    progress=on_progress,
                    dihedral=dihedral,
                    follow_symlinks=follow_symlinks,
                )
    except ScanError as e:
        raise fail(str(e)) from None
    except SQLAlchemyError as e:
        raise fail(f"database error (the scan can be resumed): {e}") from None
    except KeyboardInterrupt:
        err_console.print(
            f"interrupted after {time.perf_counter() - started:.1f} s; "
            f"run the same command again to resume ({out} keeps what was done)"
        )
        raise typer.Exit(130) from None
    if json_out:
        emit_json(summary.to_json())
    err_console.print(summary_table(summary))
    if summary.failed:
        raise typer.Exit(1)


def summary_table(s: ScanSummary) -> Table:
    table = Table(title=f"Scan → {s.output}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    rows: list[tuple[str, str]] = [
        ("files", f"{s.files:,}"),
        ("archives", f"{s.archives:,}"),
        ("members", f"{s.members:,}"),
        ("images", f"{s.images:,}"),
        ("videos", f"{s.videos:,}"),
        ("other", f"{s.other:,}"),
        ("matched", f"[red]{s.matched:,}[/red]" if s.matched else "0"),
        ("errors", f"[red]{s.errors:,}[/red]" if s.errors else "0"),
        ("MB", f"{s.bytes / MiB:,.1f}"),
        ("elapsed", f"{s.elapsed:.1f} s"),
        ("files/s", f"{s.files_per_s:,.1f}"),
        ("MB/s", f"{s.mb_per_s:,.1f}"),
        ("workers", str(s.workers)),
    ]
    if s.error_codes:
        rows.append(
            ("error codes", ", ".join(f"{k} {v}" for k, v in sorted(s.error_codes.items())))
        )
    if s.already_done:
        rows.append(
            ("already in output", f"{s.already_done:,} ({s.previous_errors:,} with errors)")
        )
    for key, value in rows:
        table.add_row(key, value)
    return table

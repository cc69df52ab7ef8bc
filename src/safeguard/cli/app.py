"""The ``safeguard`` command line: a thin shell over the library.

Contract (docs/cli.md): ``--json`` writes one JSON object per line to stdout; tables and
progress bars go to stderr; exit 0 when everything ran, 1 when at least one input failed,
2 on a usage error.
"""

from __future__ import annotations

import os

# PDQ's matrix products are small; BLAS threads would only fight the worker processes.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from enum import StrEnum  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated, Any  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import (  # noqa: E402
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table  # noqa: E402

from safeguard import __version__  # noqa: E402
from safeguard.cli.banks import banks_app  # noqa: E402
from safeguard.cli.chat import chat_app  # noqa: E402
from safeguard.cli.match import lookup_command, match_command  # noqa: E402
from safeguard.cli.scan import scan_command  # noqa: E402
from safeguard.cli.service import (  # noqa: E402
    audit_app,
    evidence_app,
    keys_app,
    rules_app,
    serve_command,
    webhooks_app,
)
from safeguard.cli.stream import stream_app  # noqa: E402
from safeguard.cli.users import users_app  # noqa: E402
from safeguard.config import Settings  # noqa: E402
from safeguard.signals.hashing import collect_files, default_workers, hash_paths  # noqa: E402
from safeguard.signals.media import FileHashes, HashOptions  # noqa: E402
from safeguard.signals.video import SamplingMode, VideoSampling  # noqa: E402

app = typer.Typer(
    name="safeguard",
    help="Find and stop known abuse material: hash, match, scan, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class VideoMode(StrEnum):
    interval = "interval"
    every_frame = "every-frame"
    keyframes = "keyframes"


_SAMPLING_MODES: dict[VideoMode, SamplingMode] = {
    VideoMode.interval: "interval",
    VideoMode.every_frame: "every_frame",
    VideoMode.keyframes: "keyframes",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"safeguard {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="SAFEGUARD_DATA_DIR",
            help="Where Safeguard keeps its database and index snapshots (default: ./.safeguard).",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="SAFEGUARD_DB_URL",
            help="Database URL, e.g. postgresql://user@host/safeguard "
            "(default: SQLite in the data dir).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print version.")
    ] = False,
) -> None:
    """Safeguard: open tools to find and stop online child sexual exploitation and abuse."""
    ctx.obj = Settings.load(data_dir, db)


app.add_typer(banks_app, name="banks")
app.add_typer(chat_app, name="chat")
app.add_typer(stream_app, name="stream")
app.add_typer(users_app, name="users")
app.command("match")(match_command)
app.command("lookup")(lookup_command)
app.command("scan")(scan_command)
app.command("serve")(serve_command)
app.add_typer(keys_app, name="keys")
app.add_typer(audit_app, name="audit")
app.add_typer(evidence_app, name="evidence")
app.add_typer(rules_app, name="rules")
app.add_typer(webhooks_app, name="webhooks")


def _emit_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _progress(console: Console, total: int) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        disable=total == 0,
    )


@app.command("hash")
def hash_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (walked recursively).", show_default=False),
    ],
    fast: Annotated[
        bool,
        typer.Option(
            "--fast",
            help="Reduced-size JPEG decoding (DCT scaling, never below 512 px) and keyframe "
            "sampling for video. Hashes stay within the match threshold of exact mode.",
        ),
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per file on stdout.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Processes (default: all cores).")
    ] = None,
    video_mode: Annotated[
        VideoMode | None,
        typer.Option(
            "--video-mode",
            help="Frames to hash: one every --video-interval seconds (vPDQ default), every "
            "frame, or keyframes only. Default: interval, or keyframes with --fast.",
        ),
    ] = None,
    video_interval: Annotated[
        float, typer.Option("--video-interval", min=0.001, help="Seconds between sampled frames.")
    ] = 1.0,
) -> None:
    """Compute MD5, SHA-1, SHA-256 and perceptual hashes (PDQ, per-frame vPDQ) of files."""
    err = Console(stderr=True)
    mode = video_mode or (VideoMode.keyframes if fast else VideoMode.interval)
    sampling = VideoSampling(mode=_SAMPLING_MODES[mode], seconds=video_interval)
    options = HashOptions(fast=fast, video_sampling=sampling)
    items = collect_files(paths)
    n_workers = workers or default_workers()
    results: list[FileHashes] = []
    started = time.perf_counter()
    with _progress(err, len(items)) as progress:
        task = progress.add_task("hashing", total=len(items), rate="")
        for record in hash_paths(items, options, workers=n_workers):
            results.append(record)
            if json_out:
                _emit_json(record.to_json())
            elapsed = time.perf_counter() - started
            progress.update(
                task, advance=1, rate=f"{len(results) / max(elapsed, 1e-9):.1f} files/s"
            )
    elapsed = time.perf_counter() - started
    if not json_out:
        err.print(_results_table(results))
    err.print(_summary(results, elapsed, n_workers))
    if any(r.error for r in results):
        raise typer.Exit(1)


def _results_table(results: list[FileHashes]) -> Table:
    table = Table(title="Hashes", show_lines=False)
    for col in ("path", "kind", "size", "pdq / frames", "quality", "error"):
        table.add_column(col, overflow="fold")
    for r in sorted(results, key=lambda r: r.path):
        if r.kind == "video" and r.vpdq is not None:
            signal = f"{len(r.vpdq)} frames"
            quality = str(min((f.quality for f in r.vpdq), default="")) + "+" if r.vpdq else ""
        else:
            signal = r.pdq or (r.md5 or "")
            quality = "" if r.pdq_quality is None else str(r.pdq_quality)
        table.add_row(
            r.path,
            r.kind,
            "" if r.size is None else f"{r.size:,}",
            signal,
            quality,
            f"[red]{r.error}[/red]" if r.error else "",
        )
    return table


def _summary(results: list[FileHashes], elapsed: float, workers: int) -> str:
    kinds = {k: sum(1 for r in results if r.kind == k) for k in ("image", "video", "other")}
    failed = sum(1 for r in results if r.error)
    rate = len(results) / elapsed if elapsed > 0 else 0.0
    return (
        f"{len(results)} files ({kinds['image']} images, {kinds['video']} videos, "
        f"{kinds['other']} other), {failed} failed, {elapsed:.1f} s, {rate:.1f} files/s "
        f"on {workers} worker{'s' if workers != 1 else ''}"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()

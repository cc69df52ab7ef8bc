"""``safeguard hash``: MD5, SHA-1, SHA-256 and perceptual hashes of files and folders."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from safeguard.cli.common import emit_json, err_console, progress_bar

if TYPE_CHECKING:
    from safeguard.signals.media import FileHashes
    from safeguard.signals.video import SamplingMode


class VideoMode(StrEnum):
    interval = "interval"
    every_frame = "every-frame"
    keyframes = "keyframes"


_SAMPLING_MODES: dict[VideoMode, SamplingMode] = {
    VideoMode.interval: "interval",
    VideoMode.every_frame: "every_frame",
    VideoMode.keyframes: "keyframes",
}


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
    from safeguard.signals.hashing import collect_files, default_workers, hash_paths
    from safeguard.signals.media import HashOptions
    from safeguard.signals.video import VideoSampling

    err = err_console
    mode = video_mode or (VideoMode.keyframes if fast else VideoMode.interval)
    sampling = VideoSampling(mode=_SAMPLING_MODES[mode], seconds=video_interval)
    options = HashOptions(fast=fast, video_sampling=sampling)
    items = collect_files(paths)
    # One file hashes in this process: starting a pool would cost more than the hash.
    n_workers = workers or min(default_workers(), len(items))
    results: list[FileHashes] = []
    started = time.perf_counter()
    with progress_bar(disable=not items) as progress:
        task = progress.add_task("hashing", total=len(items), rate="")
        for record in hash_paths(items, options, workers=n_workers):
            results.append(record)
            if json_out:
                emit_json(record.to_json())
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

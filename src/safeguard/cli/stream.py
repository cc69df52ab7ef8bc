"""``safeguard stream watch``: watch live streams (or files) and their comments."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from safeguard.cli.common import database, emit_json, err_console, fail, settings_of

if TYPE_CHECKING:
    from safeguard.signals.video import SamplingMode
    from safeguard.stream.policy import StreamPolicy
    from safeguard.stream.sightings import FrameLinker


stream_app = typer.Typer(
    help="Livestreams: match sampled frames, score comments, decide.", no_args_is_help=True
)


class Sampling(StrEnum):
    keyframes = "keyframes"
    interval = "interval"
    every_frame = "every-frame"


_SAMPLING: dict[Sampling, SamplingMode] = {
    Sampling.keyframes: "keyframes",
    Sampling.interval: "interval",
    Sampling.every_frame: "every_frame",
}


def _load_policy(path: Path | None, review_risk: float | None) -> StreamPolicy:
    from safeguard.stream.policy import StreamPolicy

    settings: dict[str, Any] = {}
    if path is not None:
        try:
            settings = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise fail(f"policy {path}: {err}", 2) from None
        if not isinstance(settings, dict):
            raise fail(f"policy {path}: expected a JSON object", 2)
    if review_risk is not None:
        settings["review_risk"] = review_risk
        settings.setdefault("rearm_risk", min(review_risk, StreamPolicy().rearm_risk))
    try:
        return StreamPolicy.from_json(settings)
    except (TypeError, ValueError) as err:
        raise fail(f"policy: {err}", 2) from None


def _stream_ids(sources: list[str], ids: list[str] | None) -> list[str]:
    if not ids:
        return [f"stream-{n}" for n in range(1, len(sources) + 1)]
    if len(ids) != len(sources):
        raise fail(f"{len(ids)} --id for {len(sources)} sources: give one per source", 2)
    if len(set(ids)) != len(ids):
        raise fail("stream ids must be unique", 2)
    return ids


@stream_app.command("watch")
def watch_command(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Video files or stream URLs (HLS, RTMP, RTSP, HTTP...); several are watched "
            "at once.",
            show_default=False,
        ),
    ],
    ids: Annotated[
        list[str] | None,
        typer.Option("--id", help="A stream id per source [default: stream-1, stream-2, ...]."),
    ] = None,
    comments: Annotated[
        str | None,
        typer.Option(
            "--comments",
            help="Comments feed, JSON lines {viewer, text, ts[, stream]}; '-' reads stdin.",
        ),
    ] = None,
    realtime: Annotated[
        bool, typer.Option("--realtime", help="Pace files at real time, as if live.")
    ] = False,
    sampling: Annotated[
        Sampling,
        typer.Option(
            help="keyframes: decode keyframes only; interval: one frame every --interval "
            "seconds; every-frame: hash all."
        ),
    ] = Sampling.keyframes,
    interval: Annotated[
        float, typer.Option("--interval", min=0.01, help="Seconds between sampled frames.")
    ] = 1.0,
    policy_file: Annotated[
        Path | None,
        typer.Option("--policy", help="Decision policy, JSON (see docs/stream.md)."),
    ] = None,
    review_risk: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Fused risk that opens a review [default: 0.6]."),
    ] = None,
    record_cases: Annotated[
        bool,
        typer.Option(
            "--cases",
            help="Open a review-queue case and queue a signed webhook for each decision "
            "(delivered by `safeguard serve`).",
        ),
    ] = False,
    read_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds without data before a read fails.")
    ] = 10.0,
    reconnects: Annotated[
        int, typer.Option("--reconnect-attempts", min=0, help="URL reconnections in a row.")
    ] = 5,
    link_store: Annotated[
        Path | None,
        typer.Option(
            "--link-store",
            help="Compare sampled frames against this link store (safeguard link build): "
            "a known place or person opens a review. Frames are kept downscaled, in memory "
            "only.",
        ),
    ] = None,
    link_every: Annotated[
        float,
        typer.Option(min=0.1, help="Seconds of stream time between frames linked."),
    ] = 2.0,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON event per line.")] = False,
) -> None:
    """Watch streams: events (frame, comments, decision, error, end) as JSON lines."""
    from safeguard.cli.match import open_matcher
    from safeguard.stream.events import StreamEvent
    from safeguard.stream.hub import StreamHub, bank_matcher, print_sink
    from safeguard.stream.source import SourceOptions, is_url
    from safeguard.stream.watch import watch_all

    settings = settings_of(ctx)
    policy = _load_policy(policy_file, review_risk)
    names = _stream_ids(sources, ids)
    options = SourceOptions(
        sampling=_SAMPLING[sampling],
        interval_s=interval,
        realtime=realtime,
        read_timeout_s=read_timeout,
        open_timeout_s=max(read_timeout, 10.0),
        reconnect_attempts=reconnects,
    )
    feed_path = None if comments in (None, "-") else Path(comments)
    if feed_path is not None and not feed_path.is_file():
        raise fail(f"comments feed {feed_path}: no such file", 2)
    merge = feed_path is not None and not realtime and not any(is_url(s) for s in sources)

    failed: set[str] = set()
    table_rows: list[StreamEvent] = []

    def write(event: StreamEvent) -> None:
        if event.type == "error":
            failed.add(event.stream)
        if json_out:
            emit_json(event.to_json())
        elif event.type in ("decision", "error"):
            err_console.print(_line(event.to_json()), highlight=False)
        if event.type == "end":
            table_rows.append(event)

    linker_factory = _linker_factory(link_store, link_every)
    with database(settings) as db:
        matcher = open_matcher(db, settings)
        record = None
        if record_cases:
            from safeguard.stream.actions import DecisionRecorder

            record = DecisionRecorder(db)
        hub = StreamHub(
            match=bank_matcher(matcher),
            emit=print_sink(write),
            record=record,
            policy=policy,
            options=options,
            linker_factory=linker_factory,
        )
        final = watch_all(
            hub,
            names,
            sources,
            feed_path=feed_path,
            live_feed=sys.stdin.buffer if comments == "-" else None,
            merge=merge,
            on_interrupt=lambda: err_console.print("stopping..."),
            on_unroutable=lambda m: err_console.print(f"[red]comments:[/red] {m}", highlight=False),
        )
        states = {s.stream: s for s in final}
    if not json_out:
        table = Table(title="Streams")
        for col in ("stream", "status", "stream time", "risk", "frames", "matched", "decisions"):
            table.add_column(col)
        for name in names:
            st = states[name]
            table.add_row(
                name,
                st.status,
                f"{st.stream_ts:.1f} s",
                f"{st.risk:.2f}",
                str(st.frames_sampled),
                str(st.frames_matched),
                ", ".join(f"{d['action']}@{d['stream_ts']:.1f}s" for d in st.decisions),
            )
        err_console.print(table)
    if failed:
        raise typer.Exit(1)


def _linker_factory(path: Path | None, every_s: float) -> Callable[[], FrameLinker] | None:
    """One ``LiveLinker`` per stream over one shared, read-only view of the store."""
    if path is None:
        return None
    from safeguard.errors import SafeguardError
    from safeguard.link.live import linker_factory

    try:
        return linker_factory(path, every_s=every_s)
    except SafeguardError as err:
        raise fail(f"link store {path}: {err}", 2) from None


def _line(event: dict[str, Any]) -> str:
    if event["type"] == "decision":
        return (
            f"[bold red]{event['action']}[/bold red] {event['stream']} at "
            f"{event['stream_ts']:.3f} s: {event['reason']}"
        )
    return f"[red]error[/red] {event['stream']}: {event['message']}"

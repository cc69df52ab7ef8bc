"""Watching several sources at once from one process, with a comments feed: what
``safeguard stream watch`` runs. The hub watches each source on its own thread; comments
come either merged with their video by stream time (recorded files) or routed live from a
feed (stdin or a file read at its own pace) on a thread of their own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from safeguard.stream.comment_feed import FeedItem, read_feed
from safeguard.stream.hub import StreamHub, StreamNotFound, route_feed
from safeguard.stream.monitor import StreamState


def split_feed(path: Path | None, names: list[str]) -> dict[str, list[FeedItem]]:
    """One list per stream (merged with its video by stream time); unknown streams and
    bad lines stay with the first stream, which reports them."""
    feeds: dict[str, list[FeedItem]] = {n: [] for n in names}
    if path is None:
        return feeds
    with path.open("rb") as lines:
        for item in read_feed(lines):
            if item.stream is not None and item.stream not in feeds:
                item = FeedItem(
                    item.line, None, error=f"line {item.line}: no stream {item.stream!r}"
                )
            target = item.stream if item.comment is not None and item.stream else names[0]
            feeds[target].append(item)
    return feeds


def _report_bad_comment(
    hub: StreamHub, stream: str, message: str, elsewhere: Callable[[str], None] | None
) -> None:
    """A bad feed line becomes a non-fatal error event of its stream; one that names no
    stream being watched goes to ``elsewhere``."""
    try:
        hub.get(stream).monitor.on_error("bad_comment", message, fatal=False)
    except StreamNotFound:
        if elsewhere is not None:
            elsewhere(message)


def watch_all(
    hub: StreamHub,
    names: list[str],
    sources: list[str],
    *,
    feed_path: Path | None = None,
    live_feed: Iterable[str | bytes] | None = None,
    merge: bool = False,
    on_interrupt: Callable[[], None] | None = None,
    on_unroutable: Callable[[str], None] | None = None,
) -> list[StreamState]:
    """Watch every source until all have ended (or Ctrl-C), and return their final states.

    With ``merge``, ``feed_path``'s comments are split per stream and merged with each
    video by stream time; otherwise a feed (``live_feed``, or ``feed_path`` paced by its
    timestamps) is routed to the streams as it is read."""
    feeds = split_feed(feed_path, names) if merge else {}
    for name, source in zip(names, sources, strict=True):
        hub.watch(name, source, comments=feeds.get(name), merge_comments=merge)
    lines: Iterable[str | bytes] | None = live_feed
    if lines is None and feed_path is not None and not merge:
        lines = feed_path.open("rb")
    if lines is not None:
        threading.Thread(
            target=route_feed,
            args=(hub, read_feed(lines), names[0]),
            kwargs={
                "pace": live_feed is None,
                "on_bad": lambda stream, msg: _report_bad_comment(hub, stream, msg, on_unroutable),
            },
            daemon=True,
        ).start()
    try:
        while not hub.wait(0.5):
            pass
    except KeyboardInterrupt:
        if on_interrupt is not None:
            on_interrupt()
        hub.close(30)
    return hub.states()

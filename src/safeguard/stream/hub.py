"""Many streams in one process: a thread per stream, none waiting for another.

``StreamHub.watch`` starts a stream: its own ``VideoSource`` (with its reader thread and
bounded packet queue), its own ``StreamMonitor`` and comment scorer. A stream that stalls,
breaks or decodes slowly holds only its own threads; when it dies it is reported as an
``error`` event followed by its ``end`` event, and the others go on.

Comments reach a stream in one of three ways: ``push_comment`` (the HTTP service), a feed
iterated by a thread of the stream's own (stdin, paced or as they come), or a feed *merged
by stream time* with the video (a file read as fast as possible: comment ``ts`` orders it
with the frames, so the result does not depend on how fast the machine is).

With a ``linker_factory`` (``safeguard stream watch --link-store``), each stream also gets a
linker and a ``LinkFeed``: its sampled frames carry a downscaled copy of their pixels, which
the feed compares against the link store (``sightings``).
"""

from __future__ import annotations

import dataclasses
import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from safeguard.chat.comments import Comment, CommentScorer
from safeguard.errors import Conflict, NotFound, SafeguardError
from safeguard.matching.matcher import Match, Matcher
from safeguard.signals.pdq import PdqHash
from safeguard.stream.comment_feed import FeedItem
from safeguard.stream.events import StreamEvent
from safeguard.stream.monitor import (
    CommentRiskLike,
    CommentScorerLike,
    DecisionRecord,
    EventSink,
    FrameMatcher,
    StreamMonitor,
    StreamState,
)
from safeguard.stream.policy import StreamPolicy
from safeguard.stream.sightings import DEFAULT_LINK_SIDE, FrameLinker, LinkFeed
from safeguard.stream.source import SourceOptions, StreamSourceError, VideoSource

CommentFeed = Iterable[FeedItem]


class StreamError(SafeguardError):
    """Base of the stream monitor's failures."""

    code = "stream_error"


class StreamNotFound(StreamError, NotFound, KeyError):
    code = "stream_not_found"

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no such stream"


class StreamExists(StreamError, Conflict):
    code = "stream_exists"


@dataclass(eq=False)
class StreamHandle:
    id: str
    location: str
    monitor: StreamMonitor
    source: VideoSource
    stop: threading.Event
    done: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    #: Compares sampled frames against a link store (when the hub has a linker factory).
    links: LinkFeed | None = None

    def state(self) -> StreamState:
        return self.monitor.snapshot()

    @property
    def running(self) -> bool:
        return not self.done.is_set()


class StreamHub:
    """Watches streams concurrently; every event of every stream goes to ``emit`` (called
    from the streams' threads: it must be thread-safe and quick)."""

    def __init__(
        self,
        *,
        match: FrameMatcher,
        emit: EventSink,
        policy: StreamPolicy | None = None,
        options: SourceOptions | None = None,
        scorer_factory: Callable[[], CommentScorerLike] | None = CommentScorer,
        record: DecisionRecord | None = None,
        keep_finished: int = 200,
        linker_factory: Callable[[], FrameLinker] | None = None,
        link_side: int = DEFAULT_LINK_SIDE,
    ) -> None:
        self.linker_factory = linker_factory
        self.link_side = link_side
        self.match = match
        self.emit = emit
        self.record = record
        self.policy = policy or StreamPolicy()
        self.options = options or SourceOptions()
        self.scorer_factory = scorer_factory
        self.keep_finished = keep_finished
        self._streams: dict[str, StreamHandle] = {}
        self._lock = threading.Lock()

    # --- starting and stopping ----------------------------------------------------------------

    def watch(
        self,
        stream_id: str,
        location: str,
        *,
        comments: CommentFeed | None = None,
        merge_comments: bool = False,
        pace_comments: bool = False,
        policy: StreamPolicy | None = None,
        options: SourceOptions | None = None,
    ) -> StreamHandle:
        """Start watching; ``StreamExists`` if a running stream has this id."""
        with self._lock:
            old = self._streams.get(stream_id)
            if old is not None and old.running:
                raise StreamExists(f"stream {stream_id!r} is already being watched")
            stop = threading.Event()
            monitor = StreamMonitor(
                stream_id,
                location,
                match=self.match,
                emit=self.emit,
                policy=policy or self.policy,
                scorer=self.scorer_factory() if self.scorer_factory else None,
                record=self.record,
            )
            opts = options or self.options
            if self.linker_factory is not None and opts.keep_rgb_side == 0:
                opts = dataclasses.replace(opts, keep_rgb_side=self.link_side)
            source = VideoSource(location, opts, stop=stop)
            handle = StreamHandle(stream_id, location, monitor, source, stop)
            if self.linker_factory is not None:
                handle.links = LinkFeed(
                    self.linker_factory(),
                    monitor.on_sightings,
                    functools.partial(monitor.on_error, "link_failed", fatal=False),
                    background=bool(source.live),
                    name=stream_id,
                )
            self._streams[stream_id] = handle
            self._forget_finished()
        merged = iter(comments) if comments is not None and merge_comments else None
        video = threading.Thread(
            target=self._run, args=(handle, merged), name=f"stream:{stream_id}", daemon=True
        )
        handle.threads.append(video)
        if comments is not None and not merge_comments:
            feeder = threading.Thread(
                target=self._feed,
                args=(handle, comments, pace_comments),
                name=f"comments:{stream_id}",
                daemon=True,
            )
            handle.threads.append(feeder)
        for t in handle.threads:
            t.start()
        return handle

    def stop(self, stream_id: str) -> StreamHandle:
        handle = self.get(stream_id)
        handle.stop.set()
        return handle

    def close(self, timeout: float | None = None) -> None:
        """Stop every stream and wait for their video threads."""
        for handle in self.streams():
            handle.stop.set()
        self.wait(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every stream has ended; False if ``timeout`` passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for handle in self.streams():
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not handle.done.wait(left):
                return False
        return True

    # --- queries and comments ---------------------------------------------------------------

    def get(self, stream_id: str) -> StreamHandle:
        with self._lock:
            handle = self._streams.get(stream_id)
        if handle is None:
            raise StreamNotFound(stream_id)
        return handle

    def streams(self) -> list[StreamHandle]:
        with self._lock:
            return list(self._streams.values())

    def states(self) -> list[StreamState]:
        return [h.state() for h in self.streams()]

    def push_comment(self, stream_id: str, comment: Comment) -> CommentRiskLike | None:
        return self.get(stream_id).monitor.on_comment(comment)

    # --- the threads ----------------------------------------------------------------------------

    def _run(self, handle: StreamHandle, merged: Iterator[FeedItem] | None) -> None:
        monitor, source = handle.monitor, handle.source
        reason = "eof"
        pending: FeedItem | None = None
        frames = source.frames()
        try:
            for frame in frames:
                if merged is not None:
                    pending = _feed_until(monitor, merged, pending, frame.stream_ts)
                monitor.on_frame(frame)
                if handle.links is not None and frame.rgb is not None:
                    handle.links.submit(frame.rgb, frame.stream_ts)
                if monitor.terminated and monitor.policy.stop_on_terminate:
                    reason = "terminated"
                    break
                if handle.stop.is_set():
                    break
            if handle.stop.is_set() and reason == "eof":
                reason = "stopped"
        except StreamSourceError as err:
            reason = "error"
            monitor.on_error(err.code, str(err))
        except Exception as err:  # noqa: BLE001 - a bug in one stream must not end the others
            reason = "error"
            monitor.on_error("internal_error", f"{type(err).__name__}: {err}")
        finally:
            frames.close()
        try:
            if merged is not None and reason == "eof":
                _feed_until(monitor, merged, pending, float("inf"))
        finally:
            handle.stop.set()
            if handle.links is not None:
                handle.links.close(30)
            monitor.on_end(
                reason, packets_dropped=source.packets_dropped, reconnects=source.reconnects
            )
            handle.done.set()

    def _feed(self, handle: StreamHandle, comments: CommentFeed, pace: bool) -> None:
        start = time.monotonic()
        try:
            for item in comments:
                if handle.stop.is_set():
                    return
                if item.comment is None:
                    handle.monitor.on_error("bad_comment", item.error or "bad comment", fatal=False)
                    continue
                if pace and item.comment.ts is not None:
                    delay = start + item.comment.ts - time.monotonic()
                    if delay > 0 and handle.stop.wait(delay):
                        return
                handle.monitor.on_comment(item.comment)
        except (OSError, ValueError) as err:
            handle.monitor.on_error("comment_feed_failed", str(err), fatal=False)

    def _forget_finished(self) -> None:
        finished = [k for k, h in self._streams.items() if not h.running]
        for key in finished[: max(0, len(finished) - self.keep_finished)]:
            del self._streams[key]


def _feed_until(
    monitor: StreamMonitor, feed: Iterator[FeedItem], pending: FeedItem | None, ts: float
) -> FeedItem | None:
    """Give the monitor every comment up to stream time ``ts``; returns the first later one."""
    while True:
        item = pending if pending is not None else next(feed, None)
        pending = None
        if item is None:
            return None
        if item.comment is None:
            monitor.on_error("bad_comment", item.error or "bad comment", fatal=False)
            continue
        if item.comment.ts is not None and item.comment.ts > ts:
            return item
        monitor.on_comment(item.comment)


def print_sink(write: Callable[[StreamEvent], None]) -> EventSink:
    """A thread-safe sink around ``write`` (events of one stream stay in order)."""
    lock = threading.Lock()

    def sink(event: StreamEvent) -> None:
        with lock:
            write(event)

    return sink


def bank_matcher(matcher: Matcher) -> FrameMatcher:
    """Frame hashes against the banks through the shared ``Matcher`` (its index and its
    database check). One lock: queries take well under a millisecond, and the index is not
    meant to be searched while it is being refreshed."""
    lock = threading.Lock()

    def match(pdq: PdqHash) -> list[Match]:
        with lock:
            return matcher.match_value("pdq", pdq.hex)

    return match


def route_feed(
    hub: StreamHub,
    items: CommentFeed,
    default_stream: str,
    *,
    pace: bool = False,
    on_bad: Callable[[str, str], None] | None = None,
) -> None:
    """Push each comment of one feed to the stream it names (``stream``, else the default);
    with ``pace``, at its ``ts`` seconds after the call. Bad lines and unknown streams go to
    ``on_bad(stream, message)`` and the feed goes on. Returns at the feed's end."""
    start = time.monotonic()
    for item in items:
        stream = item.stream or default_stream
        if item.comment is None:
            if on_bad:
                on_bad(stream, item.error or "bad comment")
            continue
        if pace and item.comment.ts is not None:
            delay = start + item.comment.ts - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        try:
            hub.push_comment(stream, item.comment)
        except StreamNotFound:
            if on_bad:
                on_bad(default_stream, f"line {item.line}: no stream {stream!r}")

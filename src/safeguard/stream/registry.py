"""The service's streams: registered in the database, watched by the worker that owns them.

Any worker process can register a stream, stop it, push comments for it and read its
state: those are database operations. Each worker also runs a ``StreamRegistry`` loop
that, every ``poll_s`` seconds,

1. claims registered streams nobody watches (new ones, and those whose owner stopped
   renewing its lease for ``lease_s`` seconds: a crashed worker's streams are taken over);
2. for the streams it watches: renews the lease, writes their state (status, fused risk,
   counters, decisions), honours stop requests, and scores the comments other workers
   queued for them (then deletes them: comment text is not kept).

Comments pushed to the owning worker are scored at once and the fresh risk is returned.
Decisions become review-queue cases and signed webhooks (``actions.DecisionRecorder``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from safeguard import audit
from safeguard.chat.comments import Comment
from safeguard.errors import Conflict, InvalidInput
from safeguard.store.db import Database
from safeguard.store.models import Stream, StreamComment
from safeguard.stream.actions import DecisionRecorder
from safeguard.stream.destinations import DestinationRefused, StreamDestinations
from safeguard.stream.events import StreamEvent
from safeguard.stream.hub import (
    StreamError,
    StreamExists,
    StreamHandle,
    StreamHub,
    StreamNotFound,
    bank_matcher,
)
from safeguard.stream.monitor import FrameMatcher
from safeguard.stream.policy import StreamPolicy
from safeguard.stream.sightings import FrameLinker
from safeguard.stream.source import SourceOptions

log = logging.getLogger(__name__)

ACTIVE = ("pending", "connecting", "live")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")
_SETTINGS = ("sampling", "interval_s", "policy")
MAX_COMMENTS_A_SYNC = 1000


class InvalidStream(StreamError, InvalidInput, ValueError):
    code = "invalid_stream"


class StreamEnded(StreamError, Conflict):
    code = "stream_ended"


def parse_settings(
    settings: dict[str, Any], base: SourceOptions, policy: StreamPolicy
) -> tuple[SourceOptions, StreamPolicy]:
    """A registration's ``sampling``, ``interval_s`` and ``policy`` over the defaults."""
    unknown = sorted(set(settings) - set(_SETTINGS))
    if unknown:
        raise InvalidStream(f"unknown stream setting(s): {', '.join(unknown)}")
    try:
        chosen: dict[str, Any] = {
            k: settings[k] for k in ("sampling", "interval_s") if k in settings
        }
        options = dataclasses.replace(base, **chosen)
        overrides = settings.get("policy") or {}
        if not isinstance(overrides, dict):
            raise InvalidStream("policy must be an object")
        merged = StreamPolicy.from_json({**policy.to_json(), **overrides})
    except (TypeError, ValueError) as err:
        raise InvalidStream(str(err)) from None
    return options, merged


def _now() -> datetime:
    return datetime.now(UTC)


def stream_json(row: Stream) -> dict[str, Any]:
    state = dict(row.state or {})
    return {
        "id": row.id,
        "url": row.url,
        "status": row.status,
        "risk": round(row.risk, 4),
        "settings": row.settings,
        "stop_requested": row.stop_requested,
        "watched_by": row.owner,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "created_by": row.created_by,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
        "stream_ts": state.get("stream_ts", 0.0),
        "frame_risk": state.get("frame_risk", 0.0),
        "comment_risk": state.get("comment_risk", 0.0),
        "comment_level": state.get("comment_level", "none"),
        "frames_sampled": state.get("frames_sampled", 0),
        "frames_matched": state.get("frames_matched", 0),
        "comments": state.get("comments", 0),
        "decisions": state.get("decisions", []),
        "error": state.get("error"),
    }


class StreamRegistry:
    def __init__(
        self,
        db: Database,
        matcher: Callable[[], FrameMatcher | None],
        *,
        owner: str | None = None,
        poll_s: float = 0.5,
        lease_s: float = 15.0,
        state_every_s: float = 2.0,
        max_streams: int = 200,
        policy: StreamPolicy | None = None,
        options: SourceOptions | None = None,
        allow_files: bool = False,
        destinations: StreamDestinations | None = None,
        on_event: Callable[[StreamEvent], None] | None = None,
        linker_factory: Callable[[], FrameLinker] | None = None,
    ) -> None:
        self.db = db
        #: Makes each stream's linker against a link store (``stream.sightings``); None: the
        #: streams keep no pixels and are compared with nothing but the banks.
        self.linker_factory = linker_factory
        self.matcher = matcher
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.poll_s = poll_s
        self.lease_s = lease_s
        self.state_every_s = min(state_every_s, lease_s / 3)
        self.max_streams = max_streams
        self.policy = policy or StreamPolicy()
        #: Where registered URLs may lead: checked at registration, and again (resolved
        #: once and pinned) at every connection.
        self.destinations = destinations or StreamDestinations(allow_files=allow_files)
        self.options = dataclasses.replace(
            options or SourceOptions(), destinations=self.destinations
        )
        self.allow_files = self.destinations.allow_files
        self.on_event = on_event
        self.recorder = DecisionRecorder(db)
        self.hub: StreamHub | None = None
        self._finalized: set[str] = set()
        self._written: dict[str, tuple[float, tuple[Any, ...]]] = {}
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._sync_lock = threading.Lock()

    # --- what any worker does (HTTP requests) ---------------------------------------------

    def register(
        self, stream_id: str, url: str, *, settings: dict[str, Any] | None = None, actor: str
    ) -> dict[str, Any]:
        if not _ID.match(stream_id):
            raise InvalidStream(
                f"stream id {stream_id!r}: letters, digits and _.:- only, 1-200 characters"
            )
        settings = dict(settings or {})
        parse_settings(settings, self.options, self.policy)
        try:
            self.destinations.check(url)
        except DestinationRefused as e:
            raise InvalidStream(str(e)) from None
        with self.db.session() as s:
            row = s.get(Stream, stream_id)
            if row is not None:
                if row.status in ACTIVE:
                    raise StreamExists(f"stream {stream_id!r} is already being watched")
                s.delete(row)
                s.flush()
            now = _now()
            row = Stream(
                id=stream_id,
                url=url,
                settings=settings,
                status="pending",
                risk=0.0,
                state={},
                stop_requested=False,
                created_at=now,
                created_by=actor,
                updated_at=now,
            )
            s.add(row)
            audit.record(s, actor, "stream.register", f"stream:{stream_id}", {"url": url})
            s.flush()
            out = stream_json(row)
        self._wake.set()
        return out

    def stop(self, stream_id: str, *, actor: str) -> dict[str, Any]:
        with self.db.session() as s:
            row = self._row(s, stream_id)
            if row.status in ACTIVE:
                row.stop_requested = True
                if row.status == "pending":
                    row.status = "stopped"
                row.updated_at = _now()
                audit.record(s, actor, "stream.stop", f"stream:{stream_id}", {})
            out = stream_json(row)
        if self.hub is not None:
            with contextlib.suppress(StreamNotFound):
                self.hub.stop(stream_id)
        self._wake.set()
        return out

    def add_comments(self, stream_id: str, comments: Sequence[Comment]) -> dict[str, Any]:
        """Score now when this worker watches the stream; otherwise queue for its owner."""
        if self.hub is not None:
            try:
                handle = self.hub.get(stream_id)
            except StreamNotFound:
                handle = None
            if handle is not None and handle.running:
                risk = None
                for c in comments:
                    risk = handle.monitor.on_comment(c)
                return {
                    "stream": stream_id,
                    "accepted": len(comments),
                    "queued": 0,
                    "risk": risk.to_json() if risk is not None else None,
                }
        with self.db.session() as s:
            row = self._row(s, stream_id)
            if row.status not in ACTIVE:
                raise StreamEnded(f"stream {stream_id!r} is {row.status}: comments not accepted")
            now = _now()
            s.add_all(
                StreamComment(
                    stream_id=stream_id, viewer=c.viewer, text=c.text, ts=c.ts, created_at=now
                )
                for c in comments
            )
        self._wake.set()
        return {
            "stream": stream_id,
            "accepted": len(comments),
            "queued": len(comments),
            "risk": None,
        }

    def get(self, stream_id: str) -> dict[str, Any]:
        with self.db.session() as s:
            return stream_json(self._row(s, stream_id))

    def list(self, *, active: bool = False, limit: int = 200) -> list[dict[str, Any]]:
        with self.db.session() as s:
            q = select(Stream).order_by(Stream.risk.desc(), Stream.created_at.desc()).limit(limit)
            if active:
                q = q.where(Stream.status.in_(ACTIVE))
            return [stream_json(r) for r in s.scalars(q)]

    @staticmethod
    def _row(session: Any, stream_id: str) -> Stream:
        row: Stream | None = session.get(Stream, stream_id)
        if row is None:
            raise StreamNotFound(f"no stream {stream_id!r}")
        return row

    # --- what the owning worker does ---------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="stream-registry", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self.hub is not None:
            self.hub.close(timeout)
            self.sync()  # final states, leases released

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.sync()
            except SQLAlchemyError:
                log.exception("stream registry sync failed")
            self._wake.wait(self.poll_s)
            self._wake.clear()

    def _event(self, event: StreamEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)
        if event.type in ("decision", "end", "error"):
            self._wake.set()

    def _ensure_hub(self) -> StreamHub | None:
        if self.hub is None:
            match = self.matcher()
            if match is None:
                return None
            self.hub = StreamHub(
                match=match,
                emit=self._event,
                record=self.recorder,
                policy=self.policy,
                options=self.options,
                linker_factory=self.linker_factory,
            )
        return self.hub

    def sync(self) -> None:
        """One round of claiming, state writing, stop requests and queued comments."""
        with self._sync_lock:
            hub = self._ensure_hub()
            if hub is None:
                return
            now = _now()
            stale = now - timedelta(seconds=self.lease_s)
            to_start: list[tuple[str, str, dict[str, Any]]] = []
            with self.db.session() as s:
                owned = {
                    r.id: r for r in s.scalars(select(Stream).where(Stream.owner == self.owner))
                }
                watched = [h for h in hub.streams() if h.id not in self._finalized]
                queued: dict[str, list[StreamComment]] = {}
                ids = [h.id for h in watched if h.id in owned]
                if ids:
                    for c in s.scalars(
                        select(StreamComment)
                        .where(StreamComment.stream_id.in_(ids))
                        .order_by(StreamComment.seq)
                        .limit(MAX_COMMENTS_A_SYNC)
                    ):
                        queued.setdefault(c.stream_id, []).append(c)
                for handle in watched:
                    row = owned.get(handle.id)
                    if row is None:
                        handle.stop.set()  # deleted, or taken over after a lost lease
                        self._finalized.add(handle.id)
                        self._written.pop(handle.id, None)
                        continue
                    if row.stop_requested:
                        handle.stop.set()
                    pending = queued.get(handle.id, [])
                    for c in pending:
                        handle.monitor.on_comment(Comment(viewer=c.viewer, text=c.text, ts=c.ts))
                    if pending:
                        s.execute(
                            delete(StreamComment).where(
                                StreamComment.stream_id == handle.id,
                                StreamComment.seq <= pending[-1].seq,
                            )
                        )
                    self._write_state(s, row, handle, now, bool(pending))
                running = sum(1 for h in hub.streams() if h.running)
                free = self.max_streams - running
                if free > 0 and not self._stop.is_set():
                    candidates = s.scalars(
                        select(Stream.id)
                        .where(
                            Stream.status.in_(ACTIVE),
                            Stream.stop_requested.is_(False),
                            or_(Stream.owner.is_(None), Stream.heartbeat_at < stale),
                        )
                        .order_by(Stream.created_at)
                        .limit(free)
                    ).all()
                    for sid in candidates:
                        claimed = s.execute(
                            update(Stream)
                            .where(
                                Stream.id == sid,
                                Stream.status.in_(ACTIVE),
                                or_(Stream.owner.is_(None), Stream.heartbeat_at < stale),
                            )
                            .values(owner=self.owner, heartbeat_at=now, status="connecting")
                        )
                        if getattr(claimed, "rowcount", 0) == 1:
                            row = s.get(Stream, sid)
                            if row is not None:
                                to_start.append((row.id, row.url, dict(row.settings or {})))
            for sid, url, settings in to_start:
                self._start(hub, sid, url, settings)

    def _write_state(
        self, session: Any, row: Stream, handle: StreamHandle, now: datetime, changed: bool
    ) -> None:
        """Write the stream's state (and renew the lease) when something a reader cares about
        changed, and at least every ``state_every_s``: 200 streams must not mean 400 writes a
        second."""
        state = handle.state()
        finished = not handle.running
        key = (
            state.status,
            round(state.risk, 3),
            len(state.decisions),
            state.comments,
            state.frames_matched,
            state.error,
        )
        clock = time.monotonic()
        last = self._written.get(handle.id)
        if not (
            changed
            or finished
            or last is None
            or last[1] != key
            or clock - last[0] >= self.state_every_s
        ):
            return
        self._written[handle.id] = (clock, key)
        row.state = state.to_json()
        row.risk = state.risk
        row.status = state.status
        row.updated_at = now
        row.heartbeat_at = now
        if finished:
            row.owner = None
            self._finalized.add(handle.id)
            self._written.pop(handle.id, None)
            session.execute(delete(StreamComment).where(StreamComment.stream_id == handle.id))

    def _start(self, hub: StreamHub, sid: str, url: str, settings: dict[str, Any]) -> None:
        options, policy = parse_settings(settings, self.options, self.policy)
        self._finalized.discard(sid)
        try:
            hub.watch(sid, url, policy=policy, options=options)
        except ValueError:  # a previous run of the same id is still winding down
            log.warning("stream %s is still running here; not restarted", sid)


def registry_matcher(get: Callable[[], Any]) -> Callable[[], FrameMatcher | None]:
    """A ``matcher`` provider from something that returns a ``Matcher`` or None (loading)."""
    cache: dict[str, FrameMatcher] = {}

    def provide() -> FrameMatcher | None:
        if "m" not in cache:
            matcher = get()
            if matcher is None:
                return None
            cache["m"] = bank_matcher(matcher)
        return cache["m"]

    return provide

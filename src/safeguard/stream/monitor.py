"""One stream's monitor: sampled frames and comments in, events and decisions out.

``StreamMonitor`` is the pure(ish) core: it holds no thread and does no I/O but through the
two callables it is given, ``match`` (a PDQ hash's matches against the banks) and ``emit``
(where events go). Frames arrive from the stream's decoding thread, comments from any other
(a feed, an HTTP request), link sightings from the stream's linker (``sightings``); a lock
keeps them in one order, so the events of a stream are a consistent story.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from safeguard.matching.matcher import Match
from safeguard.signals.pdq import PdqHash
from safeguard.stream.events import (
    Action,
    CommentsEvent,
    DecisionEvent,
    EndEvent,
    ErrorEvent,
    FrameEvent,
    StreamEvent,
)
from safeguard.stream.policy import RiskTimeline, StreamPolicy
from safeguard.stream.sightings import SightingLike
from safeguard.stream.source import SampledFrame

FrameMatcher = Callable[[PdqHash], Sequence[Match]]
EventSink = Callable[[StreamEvent], None]
#: Records a decision (a review-queue case, a webhook) and returns the case id; raises
#: ``DecisionNotRecorded`` when it cannot (the decision is still emitted, then an error).
DecisionRecord = Callable[[DecisionEvent], int]


class DecisionNotRecorded(Exception):
    code = "case_failed"


#: Matched frames kept as evidence (the first ones: they show when it started).
_EVIDENCE_FRAMES = 20


class CommentLike(Protocol):
    @property
    def viewer(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def ts(self) -> float | None: ...


class CommentRiskLike(Protocol):
    @property
    def risk(self) -> float: ...
    @property
    def level(self) -> str: ...
    def to_json(self) -> dict[str, Any]: ...


class CommentScorerLike(Protocol):
    """``safeguard.chat.comments.CommentScorer`` (the contract STREAM codes against)."""

    def add(self, comment: Any) -> CommentRiskLike: ...


@dataclass(slots=True)
class StreamState:
    """What the service and the console show about one stream."""

    stream: str
    source: str
    status: str = "connecting"  # connecting | live | ended | stopped | terminated | error
    stream_ts: float = 0.0
    risk: float = 0.0
    frame_risk: float = 0.0
    comment_risk: float = 0.0
    comment_level: str = "none"
    frames_sampled: int = 0
    frames_matched: int = 0
    frames_suppressed: int = 0
    comments: int = 0
    decisions: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    started_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)

    def to_json(self) -> dict[str, Any]:
        return {
            "stream": self.stream,
            "source": self.source,
            "status": self.status,
            "stream_ts": round(self.stream_ts, 3),
            "risk": round(self.risk, 4),
            "frame_risk": round(self.frame_risk, 4),
            "comment_risk": round(self.comment_risk, 4),
            "comment_level": self.comment_level,
            "frames_sampled": self.frames_sampled,
            "frames_matched": self.frames_matched,
            "frames_suppressed": self.frames_suppressed,
            "comments": self.comments,
            "decisions": list(self.decisions),
            "error": self.error,
            "started_at": self.started_at,
            "updated_at": self.updated_at,
        }


class StreamMonitor:
    def __init__(
        self,
        stream: str,
        source: str,
        *,
        match: FrameMatcher,
        emit: EventSink,
        policy: StreamPolicy | None = None,
        scorer: CommentScorerLike | None = None,
        record: DecisionRecord | None = None,
    ) -> None:
        self.policy = policy or StreamPolicy()
        self.record = record
        self.match = match
        self.emit = emit
        self.scorer = scorer
        self.timeline = RiskTimeline(self.policy)
        self.state = StreamState(stream, source)
        self._lock = threading.RLock()
        self._last_kept: PdqHash | None = None
        self._suppressed_since = 0
        self._decisive_frames: deque[dict[str, Any]] = deque(maxlen=_EVIDENCE_FRAMES)
        self._matches: dict[int, Match] = {}
        self._weak_frames: deque[dict[str, Any]] = deque(maxlen=_EVIDENCE_FRAMES)
        self._last_comment_risk: CommentRiskLike | None = None
        self._emitted_comment: tuple[float, str] = (0.0, "none")
        self._review_armed = True
        self.terminated = False

    @property
    def stream(self) -> str:
        return self.state.stream

    # --- frames ----------------------------------------------------------------------------

    def on_frame(self, frame: SampledFrame) -> None:
        with self._lock:
            st = self.state
            st.status = "live" if st.status == "connecting" else st.status
            st.frames_sampled += 1
            self._advance(frame.stream_ts)
            if (
                self.policy.suppress_distance > 0  # 0: suppression off
                and self._last_kept is not None
                and frame.pdq.distance(self._last_kept) <= self.policy.suppress_distance
            ):
                self._suppressed_since += 1
                st.frames_suppressed += 1
                return
            self._last_kept = frame.pdq
            low = frame.quality < self.policy.min_quality
            matches = [] if low else list(self.match(frame.pdq))
            suppressed, self._suppressed_since = self._suppressed_since, 0
            self.emit(
                FrameEvent(
                    st.stream,
                    frame.stream_ts,
                    frame.pdq.hex,
                    frame.quality,
                    frame.keyframe,
                    [m.to_json() for m in matches],
                    suppressed,
                    low,
                )
            )
            if matches:
                self._judge_frame(frame, matches)
            else:
                self.timeline.add_frame(frame.stream_ts, 0.0)
                self._refresh_state()

    def _judge_frame(self, frame: SampledFrame, matches: list[Match]) -> None:
        if any(m.bank_kind == "allow" for m in matches):
            self.timeline.add_frame(frame.stream_ts, 0.0)
            self._refresh_state()
            return
        block = [m for m in matches if m.bank_kind == "block"]
        if not block:
            return
        self.state.frames_matched += 1
        for m in block:
            if len(self._matches) < 100:
                self._matches.setdefault(m.entry, m)
        record = {
            "stream_ts": round(frame.stream_ts, 3),
            "pdq": frame.pdq.hex,
            "quality": frame.quality,
            "matches": [m.to_json() for m in block],
        }
        decisive = [m for m in block if m.distance <= self.policy.terminate_distance]
        if decisive:
            self._decisive_frames.append(record)
            enough = len(self._decisive_frames) >= self.policy.terminate_frames
            self.timeline.add_frame(frame.stream_ts, 1.0, decisive=enough)
            self._refresh_state()
            if enough and not self.terminated:
                self.terminated = True
                nearest = min(decisive, key=lambda m: m.distance)
                self._decide(
                    "terminate",
                    frame.stream_ts,
                    f"frame at {frame.stream_ts:.3f} s matches block bank {nearest.bank!r} "
                    f"(entry {nearest.entry}, {nearest.distance} bits)",
                )
            return
        self._weak_frames.append(record)
        self.timeline.add_frame(frame.stream_ts, self.policy.weak_match_risk)
        self._refresh_state()
        self._maybe_review(frame.stream_ts, "a weak frame match")

    # --- comments ----------------------------------------------------------------------------

    def on_comment(self, comment: CommentLike) -> CommentRiskLike | None:
        """Score one comment (its ``ts`` is stream time; none: the stream's current time)."""
        if self.scorer is None:
            return None
        with self._lock:
            st = self.state
            st.comments += 1
            ts = st.stream_ts if comment.ts is None else max(0.0, float(comment.ts))
            risk = self.scorer.add(comment)
            self._last_comment_risk = risk
            self._advance(ts)
            self.timeline.add_comments(ts, risk.risk)
            self._refresh_state()
            st.comment_level = risk.level
            last_risk, last_level = self._emitted_comment
            if risk.level != last_level or abs(risk.risk - last_risk) >= self.policy.comment_step:
                self._emitted_comment = (risk.risk, risk.level)
                self.emit(
                    CommentsEvent(st.stream, ts, risk.risk, risk.level, st.comments, risk.to_json())
                )
            self._maybe_review(ts, f"comment risk {risk.risk:.2f} ({risk.level})")
            return risk

    # --- link sightings ------------------------------------------------------------------------

    def on_sightings(self, sightings: Sequence[SightingLike]) -> None:
        """Known places or people seen in the stream (a link store's linker): a ``review``
        decision with the sightings as evidence. Not a risk that fades, not a termination:
        each sighting is a lead for a person to check (the linker reports an item again
        only after its cool-down)."""
        if not sightings:
            return
        with self._lock:
            if self.terminated:
                return
            ts = max(s.stream_ts for s in sightings)
            self._advance(ts)
            shown = "; ".join(s.reason for s in sightings[:3])
            more = f" and {len(sightings) - 3} more" if len(sightings) > 3 else ""
            self._decide("review", ts, shown + more, links=[s.to_json() for s in sightings])

    # --- decisions ----------------------------------------------------------------------------

    def _maybe_review(self, ts: float, why: str) -> None:
        risk = self.timeline.risk
        if self.terminated:
            return
        if not self._review_armed:
            if risk < self.policy.rearm_risk:
                self._review_armed = True
            return
        if risk >= self.policy.review_risk:
            self._review_armed = False
            self._decide(
                "review", ts, f"fused risk {risk:.2f} reached {self.policy.review_risk} ({why})"
            )

    def _decide(
        self,
        action: Action,
        ts: float,
        reason: str,
        *,
        links: list[dict[str, Any]] | None = None,
    ) -> None:
        evidence: dict[str, Any] = {
            "stream": self.state.stream,
            "source": self.state.source,
            "decided_at": round(ts, 3),
            "frames": list(self._decisive_frames) + list(self._weak_frames),
            "comments": self._last_comment_risk.to_json() if self._last_comment_risk else None,
            "timeline": self.timeline.recent(),
            "policy": self.policy.to_json(),
        }
        if links is not None:
            evidence["links"] = links
        event = DecisionEvent(
            self.state.stream,
            ts,
            action,
            reason,
            self.timeline.risk,
            evidence,
            # A link decision is about the sightings, not about the banks' entries.
            () if links is not None else tuple(self._matches.values()),
        )
        failure: str | None = None
        if self.record is not None:
            try:
                event = dataclasses.replace(event, case_id=self.record(event))
            except DecisionNotRecorded as err:
                failure = str(err)
        self.state.decisions.append(
            {
                "action": action,
                "stream_ts": round(ts, 3),
                "reason": reason,
                "case_id": event.case_id,
            }
        )
        if action == "terminate":
            self.state.status = "terminated"
        self.emit(event)
        if failure is not None:
            self.emit(ErrorEvent(self.state.stream, ts, "case_failed", failure, fatal=False))

    # --- lifecycle ----------------------------------------------------------------------------

    def on_error(self, code: str, message: str, *, fatal: bool = True) -> None:
        with self._lock:
            if fatal and self.state.status not in ("terminated",):
                self.state.status = "error"
            self.state.error = message
            ts = self.state.stream_ts if self.state.frames_sampled else None
            self.emit(ErrorEvent(self.state.stream, ts, code, message, fatal))

    def on_end(self, reason: str, *, packets_dropped: int = 0, reconnects: int = 0) -> None:
        with self._lock:
            st = self.state
            if st.status in ("connecting", "live"):
                st.status = {"eof": "ended", "stopped": "stopped"}.get(reason, reason)
            st.updated_at = time.time()
            self.emit(
                EndEvent(
                    st.stream,
                    st.stream_ts if st.frames_sampled else None,
                    reason,
                    st.frames_sampled,
                    st.frames_matched,
                    st.frames_suppressed,
                    packets_dropped,
                    reconnects,
                    st.comments,
                )
            )

    def snapshot(self) -> StreamState:
        with self._lock:
            st = self.state
            copy = StreamState(**{k: getattr(st, k) for k in st.__dataclass_fields__})
            copy.decisions = list(st.decisions)
            return copy

    def _advance(self, ts: float) -> None:
        self.state.stream_ts = max(self.state.stream_ts, ts)
        self.state.updated_at = time.time()

    def _refresh_state(self) -> None:
        st = self.state
        st.risk = self.timeline.risk
        if self.timeline.points:
            p = self.timeline.points[-1]
            st.frame_risk, st.comment_risk = p.frame_risk, p.comment_risk

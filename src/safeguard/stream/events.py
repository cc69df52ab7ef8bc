"""The events a watched stream produces, one JSON object each (``safeguard stream watch``).

Every event has ``type`` (``frame``, ``comments``, ``decision``, ``error``, ``end``),
``stream`` (the stream's id) and ``stream_ts`` (seconds of stream time, from the first
frame the monitor saw). Decisions carry ``action`` (``terminate`` or ``review``), the fused
``risk`` and the ``evidence`` a reviewer needs: the frames with their hashes and matched
entries, the comment risk with its spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from safeguard.matching.matcher import Match

EventType = Literal["frame", "comments", "decision", "error", "end"]
Action = Literal["terminate", "review"]


def _ts(seconds: float) -> float:
    # Stream time to the millisecond, as vPDQ timestamps are kept.
    return round(seconds, 3)


@dataclass(frozen=True, slots=True)
class FrameEvent:
    """A sampled frame that was kept (not near-identical to the previous kept one)."""

    stream: str
    stream_ts: float
    pdq: str
    quality: int
    keyframe: bool
    matches: list[dict[str, Any]]
    #: Near-identical frames skipped since the previous kept frame.
    suppressed: int = 0
    #: Below PDQ's quality bar: hashed but not matched.
    low_quality: bool = False
    type: EventType = field(default="frame", init=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "stream": self.stream,
            "stream_ts": _ts(self.stream_ts),
            "pdq": self.pdq,
            "quality": self.quality,
            "keyframe": self.keyframe,
            "matches": self.matches,
            "suppressed": self.suppressed,
            "low_quality": self.low_quality,
        }


@dataclass(frozen=True, slots=True)
class CommentsEvent:
    """The comment risk changed (level, or risk by at least the policy's step)."""

    stream: str
    stream_ts: float
    risk: float
    level: str
    comments: int
    #: ``CommentRisk.to_json()`` from the chat scorer: viewers, signals (spans), window.
    detail: dict[str, Any]
    type: EventType = field(default="comments", init=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "stream": self.stream,
            "stream_ts": _ts(self.stream_ts),
            "risk": round(self.risk, 4),
            "level": self.level,
            "comments": self.comments,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class DecisionEvent:
    stream: str
    stream_ts: float
    action: Action
    reason: str
    risk: float
    evidence: dict[str, Any]
    #: The matched entries behind a frame decision (their JSON is in ``evidence``).
    matches: tuple[Match, ...] = field(default=(), compare=False, repr=False)
    #: The review-queue case opened for it, when the monitor runs with a database.
    case_id: int | None = None
    type: EventType = field(default="decision", init=False)

    def to_json(self) -> dict[str, Any]:
        out = {
            "type": self.type,
            "stream": self.stream,
            "stream_ts": _ts(self.stream_ts),
            "action": self.action,
            "reason": self.reason,
            "risk": round(self.risk, 4),
            "evidence": self.evidence,
        }
        if self.case_id is not None:
            out["case_id"] = self.case_id
        return out


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """The stream (or its comment feed) failed; ``fatal`` when watching it stopped."""

    stream: str
    stream_ts: float | None
    code: str
    message: str
    fatal: bool = True
    type: EventType = field(default="error", init=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "stream": self.stream,
            "stream_ts": None if self.stream_ts is None else _ts(self.stream_ts),
            "code": self.code,
            "message": self.message,
            "fatal": self.fatal,
        }


@dataclass(frozen=True, slots=True)
class EndEvent:
    """Watching the stream stopped: ``reason`` is ``eof``, ``stopped``, ``terminated`` or
    ``error``; the counters say how much work it was."""

    stream: str
    stream_ts: float | None
    reason: str
    frames_sampled: int
    frames_matched: int
    frames_suppressed: int
    packets_dropped: int
    reconnects: int
    comments: int
    type: EventType = field(default="end", init=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "stream": self.stream,
            "stream_ts": None if self.stream_ts is None else _ts(self.stream_ts),
            "reason": self.reason,
            "frames_sampled": self.frames_sampled,
            "frames_matched": self.frames_matched,
            "frames_suppressed": self.frames_suppressed,
            "packets_dropped": self.packets_dropped,
            "reconnects": self.reconnects,
            "comments": self.comments,
        }


StreamEvent = FrameEvent | CommentsEvent | DecisionEvent | ErrorEvent | EndEvent

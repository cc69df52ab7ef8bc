"""The decision policy of the livestream monitor and the per-stream risk timeline.

Two kinds of evidence are fused:

- **frames**: a sampled frame matching a *block* bank within ``terminate_distance`` bits is
  decisive (``terminate``); a weaker match (up to the bank's own threshold) counts as frame
  risk ``weak_match_risk``, which fades out over ``frame_memory_s`` seconds of stream time.
  A match in an *allow* bank clears the frame (allowlists override).
- **comments**: the chat scorer's stream-level risk over its sliding window.

The fused risk is a noisy-OR, ``1 - (1 - frame) * (1 - comments)``: either source alone can
carry it, and both together weigh more than either. ``review`` is decided when the fused
risk reaches ``review_risk`` and again only after it fell below ``rearm_risk`` (no flood of
reviews for one long episode). Risk scores are suggestions for trained reviewers.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class StreamPolicy:
    #: A block-bank match this close (bits) ends the stream; farther ones go to review.
    terminate_distance: int = 31
    #: Distinct sampled frames with a decisive match needed to terminate.
    terminate_frames: int = 1
    #: Frame risk of a block match beyond ``terminate_distance``.
    weak_match_risk: float = 0.7
    frame_memory_s: float = 60.0
    review_risk: float = 0.6
    rearm_risk: float = 0.4
    #: Frames within this many bits of the last kept frame are suppressed (not matched);
    #: 0 turns suppression off.
    suppress_distance: int = 8
    #: PDQ's quality bar: frames below it are reported but not matched.
    min_quality: int = 50
    #: A ``comments`` event is written when the level changes or the risk moves this much.
    comment_step: float = 0.05
    #: Stop watching a stream once it was terminated.
    stop_on_terminate: bool = True
    timeline_points: int = 600

    def __post_init__(self) -> None:
        if not 0 <= self.terminate_distance <= 256:
            raise ValueError("terminate_distance must be 0..256")
        if self.terminate_frames < 1:
            raise ValueError("terminate_frames must be >= 1")
        for name in ("weak_match_risk", "review_risk", "rearm_risk", "comment_step"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within 0..1, got {value}")
        if self.rearm_risk > self.review_risk:
            raise ValueError("rearm_risk must not exceed review_risk")
        if not 0 <= self.suppress_distance <= 256 or not 0 <= self.min_quality <= 100:
            raise ValueError("suppress_distance must be 0..256 and min_quality 0..100")
        if self.frame_memory_s <= 0 or self.timeline_points < 1:
            raise ValueError("frame_memory_s and timeline_points must be positive")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> StreamPolicy:
        """From a (partial) mapping; unknown keys are an error, not silently ignored."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(obj) - known)
        if unknown:
            raise ValueError(f"unknown policy setting(s): {', '.join(unknown)}")
        return cls(**obj)


def fuse(frame_risk: float, comment_risk: float) -> float:
    return 1.0 - (1.0 - frame_risk) * (1.0 - comment_risk)


@dataclass(frozen=True, slots=True)
class RiskPoint:
    stream_ts: float
    frame_risk: float
    comment_risk: float
    risk: float

    def to_json(self) -> dict[str, float]:
        return {
            "stream_ts": round(self.stream_ts, 3),
            "frame_risk": round(self.frame_risk, 4),
            "comment_risk": round(self.comment_risk, 4),
            "risk": round(self.risk, 4),
        }


class RiskTimeline:
    """The fused risk over stream time: the last ``maxlen`` points, bounded."""

    def __init__(self, policy: StreamPolicy) -> None:
        self.policy = policy
        self.points: deque[RiskPoint] = deque(maxlen=policy.timeline_points)
        self.comment_risk = 0.0
        self._frame_peak = 0.0
        self._frame_peak_ts = 0.0
        self.decisive = False

    def frame_risk(self, ts: float) -> float:
        if self.decisive:
            return 1.0
        age = max(0.0, ts - self._frame_peak_ts)
        return self._frame_peak * max(0.0, 1.0 - age / self.policy.frame_memory_s)

    def add_frame(self, ts: float, risk: float, decisive: bool = False) -> RiskPoint:
        self.decisive = self.decisive or decisive
        if risk >= self.frame_risk(ts):
            self._frame_peak, self._frame_peak_ts = risk, ts
        return self._point(ts)

    def add_comments(self, ts: float, risk: float) -> RiskPoint:
        self.comment_risk = risk
        return self._point(ts)

    def _point(self, ts: float) -> RiskPoint:
        frame = self.frame_risk(ts)
        point = RiskPoint(ts, frame, self.comment_risk, fuse(frame, self.comment_risk))
        self.points.append(point)
        return point

    @property
    def risk(self) -> float:
        return self.points[-1].risk if self.points else 0.0

    def recent(self, n: int = 60) -> list[dict[str, float]]:
        return [p.to_json() for p in list(self.points)[-n:]]

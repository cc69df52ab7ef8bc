"""The livestream monitor: sample live video, match frames against the banks, read the
viewers' comments, fuse both into a risk timeline and decide ``terminate`` or ``review``.

- ``source``: reading files and URLs with PyAV (keyframes, interval, every frame), pacing,
  reconnection with backoff, back-pressure.
- ``monitor``: one stream's decisions from frames and comments (no threads, no I/O).
- ``policy``: the configurable decision policy and the risk timeline.
- ``hub``: many streams in one process.
- ``comments``: comment feeds (JSON lines).
- ``events``: the JSON events (``frame``, ``comments``, ``decision``, ``error``, ``end``).
- ``actions``: decisions as cases in the review queue and signed webhooks (the service).
"""

from safeguard.stream.events import (
    CommentsEvent,
    DecisionEvent,
    EndEvent,
    ErrorEvent,
    FrameEvent,
    StreamEvent,
)
from safeguard.stream.hub import StreamExists, StreamHandle, StreamHub, StreamNotFound, bank_matcher
from safeguard.stream.monitor import StreamMonitor, StreamState
from safeguard.stream.policy import RiskTimeline, StreamPolicy
from safeguard.stream.source import (
    SampledFrame,
    SourceBroken,
    SourceOptions,
    SourceStalled,
    SourceUnavailable,
    StreamSourceError,
    VideoSource,
)

__all__ = [
    "CommentsEvent",
    "DecisionEvent",
    "EndEvent",
    "ErrorEvent",
    "FrameEvent",
    "RiskTimeline",
    "SampledFrame",
    "SourceBroken",
    "SourceOptions",
    "SourceStalled",
    "SourceUnavailable",
    "StreamEvent",
    "StreamExists",
    "StreamHandle",
    "StreamHub",
    "StreamMonitor",
    "StreamNotFound",
    "StreamPolicy",
    "StreamSourceError",
    "StreamState",
    "VideoSource",
    "bank_matcher",
]

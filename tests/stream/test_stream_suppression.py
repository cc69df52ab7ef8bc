"""``suppress_distance`` skips frames near the last kept one; 0 turns suppression off (it
used to still suppress exact repeats)."""

from __future__ import annotations

from typing import Any

from safeguard.signals.pdq import PdqHash
from safeguard.stream.monitor import StreamMonitor
from safeguard.stream.policy import StreamPolicy
from safeguard.stream.source import SampledFrame

SAME = PdqHash.from_hex("f" * 16 + "0" * 48)


def run(policy: StreamPolicy, n: int = 5) -> tuple[int, int]:
    events: list[Any] = []
    monitor = StreamMonitor("s", "test", match=lambda _h: [], emit=events.append, policy=policy)
    for i in range(n):
        monitor.on_frame(SampledFrame(float(i), SAME, 100, True))
    frames = [e for e in events if getattr(e, "type", None) == "frame"]
    return len(frames), monitor.state.frames_suppressed


def test_repeated_frames_are_suppressed_by_default() -> None:
    assert run(StreamPolicy()) == (1, 4)


def test_a_suppress_distance_of_zero_turns_suppression_off() -> None:
    assert run(StreamPolicy(suppress_distance=0)) == (5, 0)

"""Comparing a watched stream's frames against a link store as it runs.

The monitor codes against two small protocols: a ``FrameLinker`` (``on_frame(rgb,
stream_ts)`` returns sightings; ``safeguard.link.live.LiveLinker`` is the one there is) and
a ``SightingLike`` (its ``reason`` and ``to_json``). A sighting of a known place or person
becomes a ``review`` decision (``StreamMonitor.on_sightings``), never a termination.

``LinkFeed`` hands the downscaled copies of sampled frames (``SourceOptions.keep_rgb_side``)
to one stream's linker. Memory is bounded and nothing is written to disk:

- a file read as fast as possible is linked *inline*, on the stream's decoding thread, so
  every sampled frame is offered and the result does not depend on the machine's speed;
- a live source (a URL, or ``--realtime``) is linked on a thread of its own, through a
  one-frame slot: a newer frame replaces one still waiting (``frames_skipped`` counts
  them), so decoding never waits for linking and the monitor stays at the live edge.

Either way a stream holds at most three small copies at once (one being decoded, one
waiting, one being linked): at the default 640-pixel long side, about 2 MB.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

#: Long side (pixels) of the frame copies kept for linking, by default.
DEFAULT_LINK_SIDE = 640


class SightingLike(Protocol):
    @property
    def stream_ts(self) -> float: ...
    @property
    def reason(self) -> str: ...
    def to_json(self) -> dict[str, Any]: ...


class FrameLinker(Protocol):
    def on_frame(self, rgb: npt.NDArray[np.uint8], stream_ts: float) -> Sequence[SightingLike]: ...


SightingSink = Callable[[Sequence[SightingLike]], None]
ErrorSink = Callable[[str], None]


class LinkFeed:
    """One stream's frames to its linker, inline or on a thread (see the module)."""

    def __init__(
        self,
        linker: FrameLinker,
        on_sightings: SightingSink,
        on_error: ErrorSink,
        *,
        background: bool,
        name: str = "link",
    ) -> None:
        self.linker = linker
        self.on_sightings = on_sightings
        self.on_error = on_error
        self.background = background
        self.frames_offered = 0
        self.frames_skipped = 0
        self._slot: tuple[npt.NDArray[np.uint8], float] | None = None
        self._cond = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._loop, name=f"link:{name}", daemon=True)
            self._thread.start()

    def submit(self, rgb: npt.NDArray[np.uint8], stream_ts: float) -> None:
        self.frames_offered += 1
        if not self.background:
            self._link(rgb, stream_ts)
            return
        with self._cond:
            if self._slot is not None:
                self.frames_skipped += 1
            self._slot = (rgb, stream_ts)
            self._cond.notify()

    def close(self, timeout: float | None = None) -> None:
        """Link the frame still waiting, if any, and stop the thread."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._slot is None and not self._closed:
                    self._cond.wait()
                if self._slot is None:
                    return
                rgb, ts = self._slot
                self._slot = None
            self._link(rgb, ts)

    def _link(self, rgb: npt.NDArray[np.uint8], stream_ts: float) -> None:
        try:
            sightings = list(self.linker.on_frame(rgb, stream_ts))
        except Exception as err:  # noqa: BLE001 - linking must not end the stream's watch
            self.on_error(f"linking the frame at {stream_ts:.3f} s failed: {err}")
            return
        if sightings:
            self.on_sightings(sightings)

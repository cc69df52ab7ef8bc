"""Keyframes of a video as views for linking.

Only the pictures the encoder made keyframes are decoded (``skip_frame = "NONKEY"``), at
most one every ``min_gap_s`` seconds of video and at most ``max_views`` in all; each is
scaled so its long side fits the feature extractor. Bounded by the project's
``VideoLimits`` (bytes, duration, frame size, wall clock); failures are the signals
layer's typed errors, never a raw PyAV one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import av.error
import numpy as np
import numpy.typing as npt

from safeguard.signals.errors import (
    CorruptMedia,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    MediaTimeout,
    UnreadableFile,
    UnsupportedMedia,
    VideoTooLong,
)
from safeguard.signals.video import DEFAULT_LIMITS, VideoLimits


@dataclass(frozen=True, slots=True)
class KeyframeOptions:
    max_views: int = 32
    min_gap_s: float = 2.0
    max_side: int = 1024


@dataclass(frozen=True, slots=True)
class Keyframe:
    ts: float
    #: (h, w, 3) uint8 RGB, scaled to fit ``max_side``.
    rgb: npt.NDArray[np.uint8]
    #: Size of the frame as coded.
    width: int
    height: int


def keyframes(
    path: str | Path,
    options: KeyframeOptions | None = None,
    limits: VideoLimits = DEFAULT_LIMITS,
) -> Iterator[Keyframe]:
    options = options or KeyframeOptions()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UnreadableFile(f"{path.name}: {e.strerror or e}") from None
    if size == 0:
        raise EmptyFile(f"{path.name}: the file is empty (0 bytes)")
    if size > limits.max_bytes:
        raise FileTooLarge(f"{path.name}: {size} bytes, more than {limits.max_bytes}")
    deadline = time.monotonic() + limits.timeout_s
    try:
        container = av.open(str(path), timeout=limits.timeout_s)
    except av.error.FFmpegError as e:
        raise CorruptMedia(f"{path.name}: not a readable video ({e})") from None
    with container:
        if not container.streams.video:
            raise UnsupportedMedia(f"{path.name}: no video stream")
        stream = container.streams.video[0]
        stream.thread_count = max(0, limits.decoder_threads)
        stream.codec_context.skip_frame = "NONKEY"
        last: float | None = None
        views = decoded = 0
        try:
            for frame in container.decode(stream):
                decoded += 1
                if decoded > limits.max_decoded_frames:
                    raise VideoTooLong(f"{path.name}: more than {limits.max_decoded_frames} frames")
                if time.monotonic() > deadline:
                    raise MediaTimeout(f"{path.name}: decoding took over {limits.timeout_s:g} s")
                ts = float(frame.time or 0.0)
                if ts > limits.max_duration_s:
                    raise VideoTooLong(f"{path.name}: past the {limits.max_duration_s:g} s limit")
                if last is not None and ts - last < options.min_gap_s:
                    continue
                if frame.width * frame.height > limits.max_frame_pixels:
                    raise ImageTooLarge(
                        f"{path.name}: frame {frame.width}x{frame.height} is over the limit"
                    )
                scale = max(1.0, max(frame.width, frame.height) / options.max_side)
                rgb = frame.to_ndarray(
                    width=max(1, round(frame.width / scale)),
                    height=max(1, round(frame.height / scale)),
                    format="rgb24",
                    interpolation="AREA",
                )
                last = ts
                views += 1
                yield Keyframe(ts, np.asarray(rgb, np.uint8), frame.width, frame.height)
                if views >= options.max_views:
                    return
        except av.error.FFmpegError as e:
            raise CorruptMedia(f"{path.name}: damaged video data ({e})") from None

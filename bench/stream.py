"""Benchmark of the livestream monitor, and the benign synthetic streams it (and the tests)
watch.

Run: ``python -m bench.stream`` (``--quick`` for a short run). Measures

1. detection latency: live-paced streams switch from scene A to scene B (B's frames are in a
   block bank) at a random moment; latency is the wall-clock time from the moment the first
   frame of B was live to the ``terminate`` decision; target <= one keyframe interval + 1 s;
2. how many real-time 720p30 streams one core watches: the CPU time one stream costs per
   second of video, with keyframe-only decoding against decoding every frame (hashing one a
   second, as vPDQ does) and against hashing every frame; target >= 50 streams a core;
3. memory per stream: resident memory of N concurrent streams over one.

Videos are made in code: moving shapes on two distinct synthetic scenes, nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy.typing as npt

Scene = int  # 0: rings and a moving disc; 1: a scrolling checkerboard and a bar


def scene_frame(scene: Scene, t: float, size: tuple[int, int]) -> npt.NDArray[np.uint8]:
    """One RGB frame of a benign synthetic scene at time ``t`` (seconds)."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if scene % 2 == 0:
        rr = np.hypot(xx - w * 0.3, yy - h * 0.4) / min(w, h)
        wave = 90 * np.sin(rr * 25 - t * 0.8)
        img = np.stack(
            [xx / w * 160 + wave + 40, yy / h * 120 + 60 - wave, np.full_like(xx, 120) + wave],
            -1,
        )
        cx = w * (0.2 + 0.6 * (0.5 + 0.5 * np.sin(t * 0.7)))
        cy = h * (0.3 + 0.4 * (0.5 + 0.5 * np.cos(t * 0.5)))
        r = min(w, h) * 0.15
        img[(xx - cx) ** 2 + (yy - cy) ** 2 < r * r] = (255, 240, 40)
        x0 = int(w * (0.1 + 0.05 * np.sin(t)))
        img[int(h * 0.6) : int(h * 0.9), x0 : x0 + w // 5] = (30, 30, 200)
    else:
        s = max(8, w // 10)
        check = ((xx + t * 8) // s + (yy // s)) % 2
        img = np.stack([check * 180 + 40, 200 - check * 120, yy / h * 255], -1)
        cx = w * (0.5 + 0.3 * np.cos(t * 0.9))
        img[(np.abs(xx - cx) < w * 0.08) & (np.abs(yy - h * 0.5) < h * 0.3)] = (250, 250, 250)
    if scene >= 2:  # more scenes for the benchmark's many streams: tinted variants
        img = img[..., [(scene) % 3, (scene + 1) % 3, (scene + 2) % 3]]
    return np.clip(img, 0, 255).astype(np.uint8)


def _frames(
    parts: Sequence[tuple[Scene, float]], fps: int, size: tuple[int, int]
) -> Iterator[npt.NDArray[np.uint8]]:
    for scene, seconds in parts:
        for i in range(round(seconds * fps)):
            yield scene_frame(scene, i / fps, size)


def write_stream(
    target: str | os.PathLike[str],
    parts: Sequence[tuple[Scene, float]],
    *,
    fps: int = 10,
    size: tuple[int, int] = (256, 144),
    gop_s: float = 2.0,
    hls_segment_s: float | None = None,
) -> Path:
    """Encode ``parts`` (scene, seconds) one after another as H.264 with a keyframe every
    ``gop_s`` seconds. ``target`` is a file (MP4, MPEG-TS by suffix), or with
    ``hls_segment_s`` a folder that gets ``index.m3u8`` and its segments (PyAV's own ``hls``
    muxer, no system FFmpeg). Each part starts on a keyframe only if it starts on a multiple
    of ``gop_s``. Returns the file (or playlist) path."""
    import av

    target = Path(target)
    options: dict[str, str] = {}
    if hls_segment_s is not None:
        target.mkdir(parents=True, exist_ok=True)
        out = target / "index.m3u8"
        options = {
            "hls_time": f"{hls_segment_s:g}",
            "hls_list_size": "0",
            "hls_playlist_type": "vod",
            "hls_segment_filename": str(target / "seg%05d.ts"),
        }
        container = av.open(str(out), "w", format="hls", options=options)
    else:
        out = target
        container = av.open(str(out), "w")
    with container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        stream.time_base = Fraction(1, fps)
        stream.codec_context.gop_size = max(1, round(gop_s * fps))
        stream.codec_context.options = {
            "bf": "0",
            "sc_threshold": "0",
            "preset": "ultrafast",
            "keyint_min": str(max(1, round(gop_s * fps))),
        }
        for i, rgb in enumerate(_frames(parts, fps, size)):
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out

"""vPDQ, Meta's video signal: a PDQ hash per sampled frame, computed compatibly with
Meta's ``vpdq`` (``vpdq/cpp/vpdq/cpp/hashing/filehasher.cpp``), and its match rule.

This module owns video decoding (PyAV, bounded by ``VideoLimits``), frame sampling and the
vPDQ match. The PDQ algorithm itself lives in ``pdq``.

How the reference samples (vpdq 0.2.5): frames are numbered in the order the decoder returns
them, from 0. With ``seconds_per_hash = s`` it hashes frame ``n`` when
``n % max(1, int(s * fps)) == 0``, where ``fps`` is the stream's average frame rate (its real
base rate when that is unknown); the timestamp is ``n / fps``. Each hashed frame is converted
to RGB24 at its own size (or the downsample size) with swscale's area filter, then PDQ-hashed.

Three ways of sampling:

- ``every_frame`` decodes like the reference.
- ``interval`` first reads the packet timestamps (demuxing only, no decoding), so it knows
  every frame's number and the keyframe before each sample; whenever that keyframe lies
  ahead of the decoder, it seeks there instead of decoding the frames in between, and it
  stops after the last sample. For conforming files (decoding can restart at a sync sample)
  the hashes are those of sequential decoding. Streams without timestamps, containers that
  cannot seek and any surprise on the way fall back to the reference's sequential loop.
- ``keyframes`` sets the decoder's ``skip_frame = "NONKEY"`` so only keyframes are decoded
  at all; their frame numbers come from the packet timestamps, as the reference would count
  them (without timestamps: every frame is decoded and the keyframes are hashed).

Frames that are not sampled are never converted to RGB.
"""

from __future__ import annotations

import bisect
import math
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from av.video.reformatter import VideoReformatter
    from av.video.stream import VideoStream

from safeguard.signals.errors import (
    CorruptMedia,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    InvalidSignal,
    MediaTimeout,
    SignalError,
    UnreadableFile,
    UnsupportedMedia,
    VideoTooLong,
)
from safeguard.signals.pdq import (
    MATCH_THRESHOLD,
    MIN_QUALITY,
    PdqHash,
    PdqResult,
    pdq_from_pixels,
)

#: The one registry of video sampling modes: one frame per interval (vPDQ's default), every
#: frame, or keyframes only (fast: no decoding of the frames in between).
SamplingMode = Literal["interval", "every_frame", "keyframes"]
SAMPLING_MODES: tuple[SamplingMode, ...] = get_args(SamplingMode)

#: The share of a query's frames that must match for a video match (Meta's
#: ``VPDQ_QUERY_MATCH_THRESHOLD_PERCENT``, as a fraction).
QUERY_MATCH_THRESHOLD = 0.8

# Seeking flushes the decoder and repositions the demuxer; below this many skipped packets
# decoding straight on costs about the same.
_MIN_PACKETS_SKIPPED_BY_SEEK = 8
# Pairs of hashes compared at once in ``vpdq_match`` (bounds its memory to ~32 MB).
_MATCH_BLOCK_PAIRS = 1 << 20


@dataclass(frozen=True, slots=True)
class VideoSampling:
    """Which frames to hash.

    ``interval``: one frame every ``seconds`` as vpdq picks them (``seconds=0`` is every
    frame). ``every_frame``: all frames. ``keyframes``: the frames the encoder made keyframes
    (fast; not comparable frame for frame with vpdq output, but the same PDQ per frame).
    ``downsample=(width, height)`` scales frames before hashing, as vpdq's
    ``downsample_width``/``downsample_height`` do. ``seek=False`` forbids the seeking path.
    """

    mode: SamplingMode = "interval"
    seconds: float = 1.0
    downsample: tuple[int, int] | None = None
    seek: bool = True

    def __post_init__(self) -> None:
        if self.mode not in SAMPLING_MODES:
            raise ValueError(f"unknown sampling mode {self.mode!r}")
        if not (math.isfinite(self.seconds) and self.seconds >= 0):
            raise ValueError(f"seconds must be finite and >= 0, got {self.seconds}")
        if self.downsample is not None and min(self.downsample) < 1:
            raise ValueError(f"downsample size must be positive, got {self.downsample}")


@dataclass(frozen=True, slots=True)
class VideoLimits:
    """Bounds on the work one video may cause; checked before and during decoding, so a
    hostile file ends in a typed error instead of a hung or exhausted worker."""

    max_bytes: int = 16 * 1024**3
    max_duration_s: float = 6 * 3600.0
    #: Frames the decoder may return (and packets the index pass may read).
    max_decoded_frames: int = 6 * 3600 * 60
    max_sampled_frames: int = 100_000
    #: Pixels in one frame (decompression-bomb guard for the RGB conversion).
    max_frame_pixels: int = 40_000_000
    #: Wall-clock budget for the whole call, open to last hash.
    timeout_s: float = 600.0
    #: Decoder threads (0: FFmpeg decides). Hashes are the same for any count. 1 by
    #: default because scan workers already run one video per core; 2 threads on 2 idle
    #: cores made one 720p video 1.4x faster (interval mode), at no gain in throughput.
    decoder_threads: int = 1

    def __post_init__(self) -> None:
        if not self.timeout_s > 0:
            raise ValueError(f"timeout_s must be positive, got {self.timeout_s}")
        if self.decoder_threads < 0:
            raise ValueError(f"decoder_threads must be >= 0, got {self.decoder_threads}")


DEFAULT_SAMPLING = VideoSampling()
DEFAULT_LIMITS = VideoLimits()


@dataclass(frozen=True, slots=True)
class VideoFrameHash:
    """The PDQ hash of one frame; ``frame`` counts decoded frames from 0, ``ts`` is
    ``frame / fps`` in seconds (as vpdq reports it)."""

    frame: int
    ts: float
    pdq: PdqHash
    quality: int

    def to_json(self) -> dict[str, int | float | str]:
        # vpdq and python-threatexchange keep timestamps to the millisecond.
        return {
            "frame": self.frame,
            "ts": round(self.ts, 3),
            "pdq": self.pdq.hex,
            "quality": self.quality,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, object]) -> VideoFrameHash:
        """Inverse of ``to_json``; raises ``InvalidSignal`` on a malformed record."""
        frame, ts, pdq, quality = (obj.get(k) for k in ("frame", "ts", "pdq", "quality"))
        if not (isinstance(frame, int) and frame >= 0):
            raise InvalidSignal(f"frame must be a non-negative integer, got {frame!r}")
        if not (isinstance(ts, int | float) and ts >= 0):
            raise InvalidSignal(f"ts must be a non-negative number, got {ts!r}")
        if not (isinstance(quality, int) and 0 <= quality <= 100):
            raise InvalidSignal(f"quality must be an integer 0..100, got {quality!r}")
        if not isinstance(pdq, str):
            raise InvalidSignal(f"pdq must be a hex string, got {pdq!r}")
        return cls(frame, float(ts), PdqHash.from_hex(pdq), quality)


@dataclass(frozen=True, slots=True)
class VideoHashes:
    frames: list[VideoFrameHash]
    duration: float | None
    fps: float | None
    width: int
    height: int
    codec: str
    #: Frames the decoder actually produced (less than the video's frame count when frames
    #: were skipped by seeking or by keyframe-only decoding).
    decoded_frames: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class VpdqMatch:
    """Shares (0-100) of the query's and of the target's usable frames that found a match."""

    query_match_percent: float
    #: python-threatexchange calls this ``compared_match_percent``.
    target_match_percent: float
    matched: bool


# --- matching -------------------------------------------------------------------------------


def _usable(frames: Sequence[VideoFrameHash], quality: int) -> npt.NDArray[np.uint64]:
    # python-threatexchange drops exact duplicate hashes (long still scenes would otherwise
    # outweigh everything else), then frames below the quality bar.
    seen: dict[bytes, None] = {}
    for f in frames:
        if f.quality >= quality:
            seen.setdefault(f.pdq.value, None)
    buf = b"".join(seen)
    return np.frombuffer(buf, dtype=np.uint64).reshape(len(seen), 4)


def vpdq_match(
    query: Sequence[VideoFrameHash],
    target: Sequence[VideoFrameHash],
    *,
    distance: int = MATCH_THRESHOLD,
    quality: int = MIN_QUALITY,
    threshold: float = QUERY_MATCH_THRESHOLD,
) -> VpdqMatch:
    """Meta's brute-force vPDQ match (python-threatexchange ``match_VPDQ_hash_brute``).

    Frames below ``quality`` and repeated hashes are dropped from both sides; a frame of one
    video matches when some frame of the other is within ``distance`` bits (inclusive, as in
    python-threatexchange; the C++ ``matchTwoHashBrute`` uses ``<``). The videos match when
    at least ``threshold`` of the query's usable frames matched. With no usable frame on
    either side nothing matches (0 %).
    """
    q = _usable(query, quality)
    t = _usable(target, quality)
    if len(q) == 0 or len(t) == 0:
        return VpdqMatch(0.0, 0.0, False)
    q_hit = np.zeros(len(q), dtype=bool)
    t_hit = np.zeros(len(t), dtype=bool)
    rows = max(1, _MATCH_BLOCK_PAIRS // len(t))
    for start in range(0, len(q), rows):
        block = q[start : start + rows]
        bits = np.bitwise_count(block[:, None, :] ^ t[None, :, :]).sum(axis=2, dtype=np.int32)
        close = bits <= distance
        q_hit[start : start + rows] = close.any(axis=1)
        t_hit |= close.any(axis=0)
    q_pct = 100.0 * int(q_hit.sum()) / len(q)
    t_pct = 100.0 * int(t_hit.sum()) / len(t)
    # Rounded so that threshold=0.8 means exactly 80 % (0.8 * 100 is not exact in binary).
    return VpdqMatch(q_pct, t_pct, q_pct >= round(threshold * 100.0, 9))


# --- decoding -------------------------------------------------------------------------------


def _new_reformatter() -> VideoReformatter:
    from av.video.reformatter import VideoReformatter

    return VideoReformatter()


@dataclass(frozen=True, slots=True)
class _Video:
    """What the container says about the first video stream."""

    fps: float | None
    duration: float | None
    width: int
    height: int
    codec: str
    declared_frames: int


@dataclass(frozen=True, slots=True)
class _PacketIndex:
    """Every video packet's pts in decode order, and which are keyframes."""

    pts: list[int]
    keyframe: list[bool]


@dataclass(slots=True)
class _Run:
    """One call's state: limits, clock, reusable converter, counters, results."""

    path: Path
    sampling: VideoSampling
    limits: VideoLimits
    video: _Video
    deadline: float
    reformatter: VideoReformatter = field(default_factory=_new_reformatter)
    decoded: int = 0
    hashes: list[VideoFrameHash] = field(default_factory=list)

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise MediaTimeout(
                f"{self.path.name}: decoding took longer than {self.limits.timeout_s:g} s"
            )

    def count_decoded(self) -> None:
        self.decoded += 1
        if self.decoded > self.limits.max_decoded_frames:
            raise VideoTooLong(
                f"{self.path.name}: more than {self.limits.max_decoded_frames} frames"
            )

    def check_position(self, frame_number: int) -> None:
        # Containers can lie about their duration; the frames themselves cannot.
        fps = self.video.fps
        if fps and frame_number / fps > self.limits.max_duration_s:
            raise VideoTooLong(
                f"{self.path.name}: frame {frame_number} is past the "
                f"{self.limits.max_duration_s:g} s limit"
            )

    def pdq(self, frame: VideoFrame) -> PdqResult:
        if len(self.hashes) >= self.limits.max_sampled_frames:
            raise VideoTooLong(
                f"{self.path.name}: more than {self.limits.max_sampled_frames} sampled frames"
            )
        if frame.width * frame.height > self.limits.max_frame_pixels:
            raise ImageTooLarge(
                f"{self.path.name}: the frame at {frame.time or 0.0:.3f} s is "
                f"{frame.width}x{frame.height}, "
                f"more than {self.limits.max_frame_pixels} pixels"
            )
        width, height = self.sampling.downsample or (None, None)
        # vpdq converts with swscale's SWS_AREA; at the original size the filter does not
        # change the RGB output, but downsampling must use the same one.
        rgb = self.reformatter.reformat(
            frame, width=width, height=height, format="rgb24", interpolation="AREA"
        ).to_ndarray()
        return pdq_from_pixels(rgb)

    def add(self, frame_number: int, result: PdqResult, seconds: float) -> None:
        fps = self.video.fps
        ts = frame_number / fps if fps else seconds
        self.hashes.append(VideoFrameHash(frame_number, ts, result.hash, result.quality))

    def hash(self, frame: VideoFrame, frame_number: int) -> None:
        self.add(frame_number, self.pdq(frame), float(frame.time or 0.0))


def hash_video(
    path: str | os.PathLike[str],
    sampling: VideoSampling = DEFAULT_SAMPLING,
    limits: VideoLimits = DEFAULT_LIMITS,
) -> VideoHashes:
    """Hash the sampled frames of the video at ``path``.

    Raises ``UnreadableFile``, ``EmptyFile``, ``FileTooLarge``, ``CorruptMedia`` (damaged,
    truncated or not a video), ``UnsupportedMedia`` (no video stream), ``VideoTooLong``,
    ``ImageTooLarge`` (frame size) or ``MediaTimeout``; never a raw PyAV error.
    """
    path = Path(path)
    deadline = time.monotonic() + limits.timeout_s
    _check_file(path, limits)
    with _translate_av_errors(path):
        with _open(path, limits) as container:
            stream = container.streams.video[0]
            video = _describe(path, container, stream, limits)
            run = _Run(path, sampling, limits, video, deadline)
            run.tick()
            every = 1
            if sampling.mode == "interval":
                every = _frame_interval(sampling.seconds, video.fps, path)
            if sampling.mode == "keyframes":
                done = _decode_keyframes(run, container, stream)
            elif every > 1 and sampling.seek:
                done = _decode_seeking(run, container, stream, every)
            else:
                _decode_sequential(run, container, stream, every)
                done = True
        if not done:
            # The file did not behave as its index promised: start again, the reference's way.
            with _open(path, limits) as container:
                stream = container.streams.video[0]
                _describe(path, container, stream, limits)
                run = _Run(path, sampling, limits, video, deadline)
                if sampling.mode == "keyframes":
                    _decode_keyframes_by_flag(run, container, stream)
                else:
                    _decode_sequential(run, container, stream, every)
    return VideoHashes(
        frames=run.hashes,
        duration=video.duration,
        fps=video.fps,
        width=video.width,
        height=video.height,
        codec=video.codec,
        decoded_frames=run.decoded,
    )


def _check_file(path: Path, limits: VideoLimits) -> None:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise UnreadableFile(f"{path.name}: {err.strerror or err}") from None
    if not path.is_file():
        raise UnreadableFile(f"{path.name}: not a regular file")
    if size == 0:
        raise EmptyFile(f"{path.name}: the file is empty (0 bytes)")
    if size > limits.max_bytes:
        raise FileTooLarge(f"{path.name}: {size} bytes, more than {limits.max_bytes}")


@contextmanager
def _translate_av_errors(path: Path) -> Iterator[None]:
    import av  # loaded only when a video is read
    import av.error

    try:
        yield
    except SignalError:
        raise
    except av.error.ExitError:
        # PyAV's I/O interrupt callback fired: the open/read timeout passed.
        raise MediaTimeout(f"{path.name}: reading the file timed out") from None
    except (av.error.FileNotFoundError, av.error.PermissionError, av.error.IsADirectoryError):
        raise UnreadableFile(f"{path.name}: cannot be read") from None
    except av.error.FFmpegError as err:
        reason = err.strerror or type(err).__name__
        raise CorruptMedia(f"{path.name}: not a decodable video ({reason})") from None
    except ValueError as err:
        # PyAV's own checks (unknown pixel format, stream without codec parameters, ...).
        raise CorruptMedia(f"{path.name}: not a decodable video ({err})") from None


@contextmanager
def _open(path: Path, limits: VideoLimits) -> Iterator[InputContainer]:
    import av  # loaded only when a video is read
    import av.error

    # The timeout arms FFmpeg's interrupt callback for each open and read, so probing a
    # hostile file cannot outlast the budget either.
    container = av.open(str(path), "r", timeout=(limits.timeout_s, limits.timeout_s))
    try:
        if not container.streams.video:
            kinds: list[str] = sorted({s.type for s in container.streams}) or ["none"]
            raise UnsupportedMedia(f"{path.name}: no video stream (streams: {', '.join(kinds)})")
        yield container
    finally:
        container.close()


def _describe(
    path: Path, container: InputContainer, stream: VideoStream, limits: VideoLimits
) -> _Video:
    import av  # loaded only when a video is read
    import av.error

    ctx = stream.codec_context
    width, height = ctx.width, ctx.height
    if width <= 0 or height <= 0:
        raise CorruptMedia(f"{path.name}: the video stream has no frame size")
    if width * height > limits.max_frame_pixels:
        raise ImageTooLarge(
            f"{path.name}: frames are {width}x{height}, more than {limits.max_frame_pixels} pixels"
        )
    # As vpdq: the average frame rate, else the real base rate.
    rate = _positive(stream.average_rate) or _positive(stream.base_rate)
    fps = float(rate.numerator) / float(rate.denominator) if rate else None
    duration: float | None = None
    if stream.duration is not None and stream.time_base:
        duration = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        duration = container.duration / av.time_base
    if duration is not None and duration > limits.max_duration_s:
        raise VideoTooLong(
            f"{path.name}: {duration:.1f} s long, the limit is {limits.max_duration_s:g} s"
        )
    if stream.frames > limits.max_decoded_frames:
        raise VideoTooLong(
            f"{path.name}: {stream.frames} frames, the limit is {limits.max_decoded_frames}"
        )
    ctx.thread_count = limits.decoder_threads
    # FFmpeg's frame and slice threading return the same pictures as a single thread.
    ctx.thread_type = "NONE" if limits.decoder_threads == 1 else "AUTO"
    return _Video(fps, duration, width, height, ctx.name, stream.frames)


def _positive(rate: Fraction | None) -> Fraction | None:
    return rate if rate is not None and rate > 0 else None


def _frame_interval(seconds: float, fps: float | None, path: Path) -> int:
    if fps is None:
        raise CorruptMedia(f"{path.name}: no frame rate, cannot sample by time")
    # As vpdq: the product truncated to an int (29.97 fps at 1 s hashes every 29th frame).
    return max(1, int(seconds * fps))


def _check_complete(run: _Run, packets: int) -> None:
    # A file cut on a packet boundary demuxes cleanly; its sample table still has the count.
    declared = run.video.declared_frames
    if declared and packets < declared:
        raise CorruptMedia(f"{run.path.name}: truncated, {packets} of {declared} frames present")


def _decode_sequential(
    run: _Run, container: InputContainer, stream: VideoStream, every: int
) -> None:
    """The reference's loop: decode everything, hash frames ``n % every == 0``."""
    ctx = stream.codec_context
    packets = 0
    n = 0
    for packet in container.demux(stream):
        run.tick()
        packets += packet.size > 0
        for frame in ctx.decode(packet):
            run.count_decoded()
            run.check_position(n)
            if n % every == 0:
                run.hash(frame, n)
            n += 1
    _check_complete(run, packets)


def _read_index(run: _Run, container: InputContainer, stream: VideoStream) -> _PacketIndex | None:
    """Demux without decoding to learn every packet's pts; None if they cannot number frames."""
    pts: list[int] = []
    keyframe: list[bool] = []
    for packet in container.demux(stream):
        if not packet.size:
            continue
        run.tick()
        if packet.pts is None:
            return None
        pts.append(packet.pts)
        keyframe.append(packet.is_keyframe)
        if len(pts) > run.limits.max_decoded_frames:
            raise VideoTooLong(f"{run.path.name}: more than {run.limits.max_decoded_frames} frames")
    _check_complete(run, len(pts))
    if not pts or len(set(pts)) != len(pts) or not any(keyframe):
        return None
    return _PacketIndex(pts, keyframe)


def _decode_seeking(run: _Run, container: InputContainer, stream: VideoStream, every: int) -> bool:
    """Hash frames ``n % every == 0``, seeking past the frames no sample needs.

    Frame ``n`` is the packet with the n-th smallest pts (the decoder returns frames in pts
    order, one per packet). Returns False when the file does not behave as its index says;
    the caller then decodes sequentially.
    """
    import av  # loaded only when a video is read
    import av.error

    index = _read_index(run, container, stream)
    if index is None:
        return False
    display = sorted(index.pts)
    number = {p: n for n, p in enumerate(display)}
    decode_pos = {p: i for i, p in enumerate(index.pts)}
    keys = sorted(p for p, k in zip(index.pts, index.keyframe, strict=True) if k)
    targets = display[::every]
    if targets[0] < keys[0]:
        return False
    seek_to = [keys[bisect.bisect_right(keys, p) - 1] for p in targets]

    ctx = stream.codec_context
    i = 0
    while i < len(targets):
        try:
            container.seek(seek_to[i], backward=True, stream=stream)
        except av.error.FFmpegError:
            return False  # a container (or stream) that cannot seek
        sent = -1
        for packet in container.demux(stream):
            run.tick()
            if packet.size:
                if packet.pts not in decode_pos or (sent < 0 and packet.pts != seek_to[i]):
                    return False  # the demuxer landed somewhere the index does not know
                sent = decode_pos[packet.pts]
            reseek = False
            for frame in ctx.decode(packet):
                if frame.pts not in number:
                    return False
                n = number[frame.pts]
                run.count_decoded()
                run.check_position(n)
                if frame.pts < targets[i]:
                    continue  # on the way to the sample (or an open-GOP leading picture)
                if frame.pts > targets[i]:
                    return False  # the decoder never returned the sample
                run.hash(frame, n)
                i += 1
                if i == len(targets):
                    return True
                if decode_pos[seek_to[i]] - sent > _MIN_PACKETS_SKIPPED_BY_SEEK:
                    reseek = True
                    break
            if reseek:
                break
        else:
            return False  # the stream ended before the remaining samples
    return True


def _decode_keyframes(run: _Run, container: InputContainer, stream: VideoStream) -> bool:
    """Decode keyframes only and number them by the pts order of all packets, as a decoder
    returning every frame would. Returns False if pts are missing or inconsistent."""
    ctx = stream.codec_context
    ctx.skip_frame = "NONKEY"
    all_pts: list[int] = []
    pending: list[tuple[int, float, PdqResult]] = []
    for packet in container.demux(stream):
        run.tick()
        if packet.size:
            if packet.pts is None:
                return False
            all_pts.append(packet.pts)
            if len(all_pts) > run.limits.max_decoded_frames:
                raise VideoTooLong(
                    f"{run.path.name}: more than {run.limits.max_decoded_frames} frames"
                )
        for frame in ctx.decode(packet):
            if frame.pts is None:
                return False
            run.count_decoded()
            # The frame's number is known only once all packets are read.
            pending.append((frame.pts, float(frame.time or 0.0), run.pdq(frame)))
    _check_complete(run, len(all_pts))
    number = {p: n for n, p in enumerate(sorted(all_pts))}
    if len(number) != len(all_pts) or any(p not in number for p, _, _ in pending):
        return False
    for p, seconds, result in sorted(pending, key=lambda item: item[0]):
        run.check_position(number[p])
        run.add(number[p], result, seconds)
    return True


def _decode_keyframes_by_flag(run: _Run, container: InputContainer, stream: VideoStream) -> None:
    """Fallback without usable pts: decode every frame, count, hash the keyframes."""
    packets = 0
    n = 0
    for packet in container.demux(stream):
        run.tick()
        packets += packet.size > 0
        for frame in stream.codec_context.decode(packet):
            run.count_decoded()
            run.check_position(n)
            if frame.key_frame:
                run.hash(frame, n)
            n += 1
    _check_complete(run, packets)

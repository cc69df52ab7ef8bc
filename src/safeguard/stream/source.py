"""Reading a live or recorded video stream with PyAV and hashing its sampled frames.

This module owns the network side of a stream: opening a file or URL (HLS, RTMP, RTSP,
HTTP, ...) with timeouts on every read, pacing a file at real time when asked, reconnecting
a URL with exponential backoff, and back-pressure between reading and decoding.

Each connection has two threads. The *reader* demuxes packets into a bounded queue; the
caller's thread decodes, samples and hashes. When decoding falls behind a live source the
queue fills up and the reader drops whole groups of pictures (from the packet that did not
fit to the next keyframe) instead of buffering without bound: the monitor stays at the live
edge, and the drops are counted. A file read as fast as possible is never dropped from: the
reader simply waits.

Sampling: ``keyframes`` (default) sets the decoder's ``skip_frame = "NONKEY"``, so only the
pictures the encoder made keyframes are decoded at all; ``interval`` decodes everything and
hashes one frame every N seconds of stream time; ``every_frame`` hashes all of them.

Pixels: a sampled frame is hashed and its pixels dropped. Only when ``keep_rgb_side`` is
set (the monitor compares frames against a link store) does a ``SampledFrame`` also carry
a copy of the picture, downscaled so its long side is at most that many pixels (640 x 360
x 3 bytes = 0.7 MB for 16:9 at the default 640). The copy lives in memory only, for as long
as the frame is being handled; it is never written anywhere.
"""

from __future__ import annotations

import math
import queue
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import av
import av.error
import numpy as np
import numpy.typing as npt
from av.container import InputContainer
from av.packet import Packet
from av.video.frame import VideoFrame
from av.video.reformatter import VideoReformatter
from av.video.stream import VideoStream
from PIL import Image

from safeguard.signals.pdq import PdqHash, pdq_from_pixels
from safeguard.signals.video import SAMPLING_MODES, SamplingMode
from safeguard.stream.destinations import DestinationRefused, StreamDestinations, ffmpeg_options

#: Schemes read as network streams (reconnected on failure); anything else is a file path.
URL_SCHEMES = frozenset(
    {"http", "https", "hls", "rtmp", "rtmps", "rtsp", "rtsps", "srt", "udp", "tcp", "rtp"}
)


class StreamSourceError(Exception):
    """Base of every failure to read a stream; ``code`` is what the ``error`` event says."""

    code = "stream_error"


class SourceUnavailable(StreamSourceError):
    """Cannot be opened (missing file, refused connection, 404), or reconnecting gave up."""

    code = "stream_unavailable"


class SourceRefused(StreamSourceError):
    """The URL leads somewhere the service may not connect (see ``destinations``)."""

    code = "stream_refused"


class SourceStalled(StreamSourceError):
    """No data within the read timeout."""

    code = "stream_stalled"


class SourceBroken(StreamSourceError):
    """Not a decodable video, no video stream, or frames beyond the limits."""

    code = "stream_broken"


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How to read one stream. Timeouts and backoff are seconds of wall-clock time."""

    sampling: SamplingMode = "keyframes"
    #: Seconds of stream time between hashed frames in ``interval`` mode.
    interval_s: float = 1.0
    #: Pace a file at its own frame rate, as if it were live.
    realtime: bool = False
    open_timeout_s: float = 10.0
    read_timeout_s: float = 10.0
    #: Reconnections in a row (without a frame in between) before a URL is given up.
    reconnect_attempts: int = 5
    backoff_initial_s: float = 0.5
    backoff_max_s: float = 30.0
    #: Packets buffered between the reader and the decoder (about 10 s of 30 fps video).
    max_queued_packets: int = 300
    #: Drop groups of pictures when decoding falls behind; default: for URLs and --realtime.
    drop_when_behind: bool | None = None
    max_frame_pixels: int = 40_000_000
    decoder_threads: int = 1
    #: Keep a downscaled RGB copy of each sampled frame (long side at most this many
    #: pixels) for comparison against a link store; 0: keep no pixels (the default).
    keep_rgb_side: int = 0
    #: Where a URL may lead (the service's rules; see ``destinations``): each connection
    #: resolves the host once, checks it and connects to that address. None: anywhere (the
    #: command line, the operator's own act).
    destinations: StreamDestinations | None = None

    def __post_init__(self) -> None:
        if self.sampling not in SAMPLING_MODES:
            raise ValueError(f"unknown sampling {self.sampling!r}")
        if not (math.isfinite(self.interval_s) and self.interval_s > 0):
            raise ValueError(f"interval_s must be positive, got {self.interval_s}")
        for name in ("open_timeout_s", "read_timeout_s", "backoff_initial_s", "backoff_max_s"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")
        if self.reconnect_attempts < 0 or self.max_queued_packets < 1:
            raise ValueError("reconnect_attempts must be >= 0 and max_queued_packets >= 1")
        if self.keep_rgb_side != 0 and not 64 <= self.keep_rgb_side <= 4096:
            raise ValueError(f"keep_rgb_side must be 0 or 64..4096, got {self.keep_rgb_side}")

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before reconnection ``attempt`` (1, 2, ...): doubling, capped."""
        return float(min(self.backoff_max_s, self.backoff_initial_s * 2 ** (attempt - 1)))


@dataclass(frozen=True, slots=True)
class SampledFrame:
    """One hashed frame; ``stream_ts`` counts from the first packet the monitor read."""

    stream_ts: float
    pdq: PdqHash
    quality: int
    keyframe: bool
    #: A downscaled (h, w, 3) uint8 copy, only with ``SourceOptions.keep_rgb_side``.
    rgb: npt.NDArray[np.uint8] | None = field(default=None, compare=False, repr=False)


def is_url(location: str) -> bool:
    return urlparse(location).scheme.lower() in URL_SCHEMES


_END = object()


@dataclass(slots=True)
class _Connection:
    """What the reader thread shares with the decoding thread for one connection."""

    halt: threading.Event
    packets: queue.Queue[object]
    #: Stream time (s) of the first packet of this connection, set before it is queued.
    base: float | None = None


class VideoSource:
    """Sampled, hashed frames of one stream, reconnecting URLs until ``stop`` is set.

    ``frames()`` raises ``StreamSourceError`` subclasses only; counters (``reconnects``,
    ``packets_dropped``) can be read from any thread.
    """

    def __init__(
        self,
        location: str,
        options: SourceOptions | None = None,
        *,
        stop: threading.Event | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.location = location
        self.options = options or SourceOptions()
        self.stop = stop or threading.Event()
        self.url = is_url(location)
        self.live = self.options.drop_when_behind
        if self.live is None:
            self.live = self.url or self.options.realtime
        self.clock = clock
        self.reconnects = 0
        self.packets_dropped = 0
        self.last_ts: float | None = None
        #: With ``realtime``: the clock reading at which stream time 0 was live.
        self.wall_origin: float | None = None
        self._reformatter = VideoReformatter()
        self._finite = False

    @property
    def name(self) -> str:
        return self.location if self.url else Path(self.location).name

    # --- the reconnecting loop ------------------------------------------------------------

    def frames(self) -> Generator[SampledFrame, None, None]:
        if not self.url:
            self._check_file()
            yield from self._connect(offset=0.0)
            return
        attempts = 0
        offset = 0.0
        while not self.stop.is_set():
            try:
                for frame in self._connect(offset):
                    attempts = 0
                    yield frame
                if self.stop.is_set() or self._ended_cleanly():
                    return
                failure: StreamSourceError = SourceUnavailable(
                    f"{self.name}: the stream ended without an end-of-stream marker"
                )
            except SourceRefused:
                raise  # not a network failure: reconnecting would be refused again
            except StreamSourceError as err:
                failure = err
            lost_at = self.clock()
            attempts += 1
            if attempts > self.options.reconnect_attempts:
                raise type(failure)(
                    f"{failure} (gave up after {self.options.reconnect_attempts} reconnection "
                    f"attempt{'s' if self.options.reconnect_attempts != 1 else ''})"
                    + _file_over_http_hint(self.location)
                )
            if self.stop.wait(self.options.backoff(attempts)):
                return
            self.reconnects += 1
            # Live stream time goes on while we are away; the new connection's timestamps
            # may start anywhere, so it is placed after the last frame plus the gap.
            if self.last_ts is not None:
                offset = self.last_ts + (self.clock() - lost_at)

    def _ended_cleanly(self) -> bool:
        """A URL that reached its end cleanly: a recording (the demuxer knew its duration), a
        progressive HTTP download, an HLS playlist with ``#EXT-X-ENDLIST``. Any other live
        URL is expected to go on, so its end is a failure to reconnect from (reconnecting
        to a recording would replay it)."""
        if self._finite:
            return True
        parsed = urlparse(self.location)
        path = parsed.path.lower()
        if not path.endswith(".m3u8"):
            # A progressive HTTP download ends where its file ends (a live HTTP stream that
            # breaks fails with an error instead); RTMP, RTSP, SRT, UDP are live protocols.
            return parsed.scheme.lower() in ("http", "https")
        try:
            location, options = self._pinned()
            request = urllib.request.Request(location)
            if parsed.scheme.lower() == "https":
                # urllib checks the certificate against the URL's host, so the name is used
                # (just re-checked by ``_pinned``) rather than the address.
                request = urllib.request.Request(self.location)
            elif "headers" in options:
                request.add_header("Host", parsed.netloc.rpartition("@")[2])
            with urllib.request.urlopen(request, timeout=self.options.read_timeout_s) as r:
                text = r.read(4 << 20).decode("utf-8", "replace")
        except (OSError, urllib.error.URLError, ValueError, StreamSourceError):
            return False
        return "#EXT-X-ENDLIST" in text

    def _check_file(self) -> None:
        path = Path(self.location)
        try:
            size = path.stat().st_size
        except OSError as err:
            raise SourceUnavailable(f"{self.name}: {err.strerror or err}") from None
        if not path.is_file():
            raise SourceUnavailable(f"{self.name}: not a regular file")
        if size == 0:
            raise SourceBroken(f"{self.name}: the file is empty (0 bytes)")

    # --- one connection ---------------------------------------------------------------------

    def _pinned(self) -> tuple[str, dict[str, str]]:
        """The location to open and its extra FFmpeg options, after the destination check."""
        if self.options.destinations is None:
            return self.location, {}
        try:
            pinned = self.options.destinations.check(self.location)
        except DestinationRefused as err:
            raise SourceRefused(f"{self.name}: {err}") from None
        if pinned is None:
            return self.location, {}
        return pinned.url, ffmpeg_options(pinned)

    def _open(self) -> InputContainer:
        opts = self.options
        location, options = self._pinned()
        scheme = urlparse(self.location).scheme.lower()
        if scheme in ("http", "https", "hls"):
            options["rw_timeout"] = str(int(opts.read_timeout_s * 1_000_000))
        elif scheme in ("rtsp", "rtsps"):
            options["timeout"] = str(int(opts.read_timeout_s * 1_000_000))
            options["rtsp_transport"] = "tcp"
        try:
            return av.open(
                location,
                "r",
                timeout=(opts.open_timeout_s, opts.read_timeout_s),
                options=options,
            )
        except av.error.ExitError:
            raise SourceStalled(
                f"{self.name}: no answer within {opts.open_timeout_s:g} s"
            ) from None
        except (OSError, av.error.FFmpegError) as err:
            raise _translate(self.name, err, opening=True) from None

    def _connect(self, offset: float) -> Iterator[SampledFrame]:
        container = self._open()
        self._finite = bool(container.duration and container.duration > 0)
        try:
            if not container.streams.video:
                raise SourceBroken(f"{self.name}: no video stream")
            stream = container.streams.video[0]
            ctx = stream.codec_context
            if ctx.width * ctx.height > self.options.max_frame_pixels:
                raise SourceBroken(
                    f"{self.name}: frames are {ctx.width}x{ctx.height}, more than "
                    f"{self.options.max_frame_pixels} pixels"
                )
            ctx.thread_count = self.options.decoder_threads
            ctx.thread_type = "NONE" if self.options.decoder_threads == 1 else "AUTO"
            if self.options.sampling == "keyframes":
                ctx.skip_frame = "NONKEY"
            conn = _Connection(threading.Event(), queue.Queue(self.options.max_queued_packets))
            reader = threading.Thread(
                target=self._read,
                args=(container, stream, conn),
                name=f"stream-reader:{self.name}",
                daemon=True,
            )
            reader.start()
            try:
                yield from self._decode(stream, conn, offset)
            finally:
                conn.halt.set()
                _drain(conn.packets)
                reader.join()
        finally:
            container.close()

    def _read(self, container: InputContainer, stream: VideoStream, conn: _Connection) -> None:
        """Demux into the bounded queue; always ends with ``_END`` (after an error, if any)."""
        tb = stream.time_base
        wall0: float | None = None
        dropping = False
        outcome: object = _END
        try:
            for packet in container.demux(stream):
                if conn.halt.is_set() or self.stop.is_set():
                    break
                if not packet.size:
                    continue
                pts = packet.pts if packet.pts is not None else packet.dts
                if pts is not None and tb is not None:
                    t = float(pts * tb)
                    if conn.base is None:
                        conn.base = t
                    if self.options.realtime:
                        now = self.clock()
                        if wall0 is None:
                            wall0 = now - (t - conn.base)
                            if self.wall_origin is None:
                                self.wall_origin = wall0
                        delay = wall0 + (t - conn.base) - now
                        if delay > 0 and conn.halt.wait(delay):
                            break
                if self.live:
                    if dropping and not packet.is_keyframe:
                        self.packets_dropped += 1
                        continue
                    try:
                        conn.packets.put_nowait(packet)
                        dropping = False
                    except queue.Full:
                        dropping = True
                        self.packets_dropped += 1
                elif not _put(conn, packet):
                    break
        except av.error.ExitError:
            outcome = SourceStalled(f"{self.name}: no data for {self.options.read_timeout_s:g} s")
        except (OSError, av.error.FFmpegError) as err:
            outcome = _translate(self.name, err, opening=False)
        except ValueError as err:
            outcome = SourceBroken(f"{self.name}: not a decodable video ({err})")
        if outcome is not _END:
            _put(conn, outcome)
        _put(conn, _END)

    def _decode(
        self, stream: VideoStream, conn: _Connection, offset: float
    ) -> Iterator[SampledFrame]:
        ctx = stream.codec_context
        next_due: float | None = None
        while True:
            item = conn.packets.get()
            if item is _END:
                packets: list[Any] = [None]  # flush the decoder
            elif isinstance(item, StreamSourceError):
                raise item
            else:
                assert isinstance(item, Packet)
                packets = [item]
            for packet in packets:
                try:
                    decoded = ctx.decode(packet)
                except av.error.FFmpegError as err:
                    if item is _END:
                        decoded = []
                    else:
                        raise SourceBroken(
                            f"{self.name}: undecodable data ({err.strerror or err})"
                        ) from None
                for frame in decoded:
                    ts = self._stream_ts(frame, conn, offset, stream)
                    if ts is None:
                        continue
                    if self.options.sampling == "interval":
                        if next_due is not None and ts < next_due:
                            continue
                        next_due = (next_due or ts) + self.options.interval_s
                        while next_due <= ts:
                            next_due += self.options.interval_s
                    yield self._hash(frame, ts)
            if item is _END:
                return
            if self.stop.is_set():
                return

    def _stream_ts(
        self, frame: VideoFrame, conn: _Connection, offset: float, stream: VideoStream
    ) -> float | None:
        t = frame.time
        if t is None or not math.isfinite(t):
            # Frames the decoder gives back when flushed at the end come without a time
            # base (their ``time`` is NaN): their pts is in the stream's time base.
            if frame.pts is None or stream.time_base is None:
                return None
            t = float(frame.pts * stream.time_base)
        if conn.base is None:
            return None
        ts = offset + max(0.0, float(t) - conn.base)
        self.last_ts = ts
        return ts

    def _hash(self, frame: VideoFrame, ts: float) -> SampledFrame:
        if frame.width * frame.height > self.options.max_frame_pixels:
            raise SourceBroken(
                f"{self.name}: a {frame.width}x{frame.height} frame at {ts:.3f} s, more than "
                f"{self.options.max_frame_pixels} pixels"
            )
        # As in signals.video: RGB at the frame's own size, so the hashes are those of
        # ``safeguard hash`` for the same pictures. (Hashing the luma plane directly was
        # measured no faster at 720p and is a few bits off, so it is not done.)
        rgb = self._reformatter.reformat(frame, format="rgb24").to_ndarray()
        result = pdq_from_pixels(rgb)
        return SampledFrame(
            ts, result.hash, result.quality, bool(frame.key_frame), self._small_copy(rgb)
        )

    def _small_copy(self, rgb: npt.NDArray[Any]) -> npt.NDArray[np.uint8] | None:
        side = self.options.keep_rgb_side
        if side == 0:
            return None
        h, w = rgb.shape[:2]
        scale = max(h, w) / side
        if scale <= 1.0:
            return np.array(rgb, np.uint8)  # a copy: the decoder's buffer is not kept
        size = (max(1, round(w / scale)), max(1, round(h / scale)))
        small = Image.fromarray(rgb).resize(size, Image.Resampling.BOX)
        return np.asarray(small, np.uint8)


def _file_over_http_hint(location: str) -> str:
    """A recorded MP4/MOV over plain HTTP is read front to back: one whose index (``moov``)
    sits at the end can only be read from a server that answers Range requests."""
    parsed = urlparse(location)
    if parsed.scheme.lower() in ("http", "https") and parsed.path.lower().endswith(
        (".mp4", ".m4v", ".mov")
    ):
        return (
            "; hint: an MP4/MOV file over HTTP needs its index at the front "
            "(re-mux with: ffmpeg -i in.mp4 -c copy -movflags +faststart out.mp4) or a "
            "server that supports Range requests; a live source is better served as HLS"
        )
    return ""


def _put(conn: _Connection, item: object) -> bool:
    """Blocking put that gives up when the connection is halted."""
    while True:
        try:
            conn.packets.put(item, timeout=0.1)
            return True
        except queue.Full:
            if conn.halt.is_set():
                return False


def _drain(q: queue.Queue[object]) -> None:
    while True:
        try:
            q.get_nowait()
        except queue.Empty:
            return


def _translate(
    name: str, err: OSError | av.error.FFmpegError, *, opening: bool
) -> StreamSourceError:
    reason = getattr(err, "strerror", None) or type(err).__name__
    unavailable = (
        av.error.FileNotFoundError,
        av.error.PermissionError,
        av.error.IsADirectoryError,
        av.error.HTTPError,
        av.error.HTTPClientError,
        av.error.HTTPServerError,
        av.error.ConnectionRefusedError,
        av.error.ConnectionResetError,
        av.error.TimeoutError,
        ConnectionError,
    )
    if isinstance(err, unavailable) or (opening and isinstance(err, OSError)):
        return SourceUnavailable(f"{name}: cannot be read ({reason})")
    if isinstance(err, av.error.InvalidDataError) or opening:
        return SourceBroken(f"{name}: not a decodable video ({reason})")
    return SourceUnavailable(f"{name}: reading failed ({reason})")

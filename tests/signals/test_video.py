"""vPDQ video signal: compatible with Meta's vpdq output, bounded on hostile input.

Compatibility vectors: ``../shared/testdata/vpdq`` (vpdq's own sample hashes, every frame).
Other videos are benign synthetic clips encoded here with PyAV's libx264.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.signals.errors import (
    CorruptMedia,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    InvalidSignal,
    MediaTimeout,
    UnreadableFile,
    UnsupportedMedia,
    VideoTooLong,
)
from safeguard.signals.pdq import MATCH_THRESHOLD, MIN_QUALITY, PdqHash
from safeguard.signals.video import (
    SamplingMode,
    VideoFrameHash,
    VideoHashes,
    VideoLimits,
    VideoSampling,
    hash_video,
    vpdq_match,
)

VECTORS = [
    "test-padded-dimensions",
    "doorknob-hd-no-bar",
    "pattern-sd-grey-bar",
    "pattern-sd-with-small-logo-bar",
]
DOWNSAMPLED_VECTORS = [name for name in VECTORS if name != "test-padded-dimensions"]

# Synthetic clip: 8 s at 30 fps, a keyframe every 30 frames exactly.
FPS, SECONDS, GOP = 30, 8, 30
FRAMES = FPS * SECONDS


@dataclass(frozen=True)
class Expected:
    frame: int
    quality: int
    pdq: PdqHash
    ts: float


def read_expected(path: Path) -> list[Expected]:
    rows = []
    for line in path.read_text().split():
        frame, quality, hex_hash, ts = line.split(",")
        rows.append(Expected(int(frame), int(quality), PdqHash.from_hex(hex_hash), float(ts)))
    return rows


def write_clip(path: Path, pattern: str = "gradients", seconds: int = SECONDS) -> Path:
    """Encode a benign clip: moving gradients and a square, or a drifting checkerboard.
    MP4s get their index first (``faststart``), as streaming sites store them."""
    width, height = 320, 240
    yy, xx = np.mgrid[0:height, 0:width]
    options = {"movflags": "+faststart"} if path.suffix == ".mp4" else {}
    with av.open(str(path), "w", options=options) as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.gop_size = GOP
        stream.codec_context.options = {"sc_threshold": "0", "threads": "1"}
        for i in range(FPS * seconds):
            img = np.zeros((height, width, 3), np.uint8)
            if pattern == "gradients":
                img[..., 0] = (xx * 255 // width + 3 * i) % 256
                img[..., 1] = (yy * 255 // height + 2 * i) % 256
                x0 = (5 * i) % (width - 60)
                img[80:140, x0 : x0 + 60] = (255, 255, 255)
            else:
                img[...] = (((xx + 2 * i) // 40 + (yy + i) // 40) % 2 * 200)[..., None]
                img[..., 2] = (yy * 255 // height).astype(np.uint8)
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_clip(tmp_path_factory.mktemp("video") / "clip.mp4")


@pytest.fixture(scope="module")
def clip_every_frame(clip: Path) -> VideoHashes:
    return hash_video(clip, VideoSampling("every_frame"))


class EveryFrame:
    """Every-frame hashes of the shared vectors, computed once per module."""

    def __init__(self, videos: Path) -> None:
        self.videos = videos
        self.done: dict[str, VideoHashes] = {}

    def __call__(self, name: str) -> VideoHashes:
        if name not in self.done:
            self.done[name] = hash_video(self.videos / f"{name}.mp4", VideoSampling("every_frame"))
        return self.done[name]


@pytest.fixture(scope="module")
def every_frame(testdata: Path) -> EveryFrame:
    return EveryFrame(testdata / "vpdq" / "videos")


def assert_like_vpdq(ours: list[VideoFrameHash], theirs: list[Expected]) -> None:
    assert [f.frame for f in ours] == [e.frame for e in theirs]
    for f, e in zip(ours, theirs, strict=True):
        if f.quality >= MIN_QUALITY and e.quality >= MIN_QUALITY:
            assert f.pdq.distance(e.pdq) < MATCH_THRESHOLD, f"frame {f.frame}"


# --- compatibility with vpdq ----------------------------------------------------------------


@pytest.mark.parametrize("name", VECTORS)
def test_every_frame_reproduces_vpdq_sample_hashes(
    name: str, testdata: Path, every_frame: EveryFrame
) -> None:
    expected = read_expected(testdata / "vpdq" / "expected" / f"{name}.txt")
    assert_like_vpdq(every_frame(name).frames, expected)


@pytest.mark.parametrize("name", DOWNSAMPLED_VECTORS)
def test_downsampled_frames_reproduce_vpdq_128x128_sample_hashes(name: str, testdata: Path) -> None:
    expected = read_expected(testdata / "vpdq" / "expected" / f"{name}-128x128.txt")
    hashes = hash_video(
        testdata / "vpdq" / "videos" / f"{name}.mp4",
        VideoSampling("every_frame", downsample=(128, 128)),
    )
    assert_like_vpdq(hashes.frames, expected)


def test_timestamps_are_frame_number_over_frame_rate_as_in_vpdq(
    testdata: Path, every_frame: EveryFrame
) -> None:
    name = "pattern-sd-grey-bar"
    expected = read_expected(testdata / "vpdq" / "expected" / f"{name}.txt")
    ours = every_frame(name)
    assert [round(f.ts, 3) for f in ours.frames] == [e.ts for e in expected]


def test_stream_facts_are_reported(every_frame: EveryFrame) -> None:
    hashes = every_frame("doorknob-hd-no-bar")
    assert (hashes.width, hashes.height, hashes.codec, hashes.fps) == (1280, 720, "h264", 30.0)
    assert hashes.duration == pytest.approx(4.0)


@pytest.mark.parametrize("name", ["doorknob-hd-no-bar", "test-padded-dimensions"])
def test_interval_hashes_the_frames_vpdq_picks(
    name: str, testdata: Path, every_frame: EveryFrame
) -> None:
    every = every_frame(name)
    assert every.fps is not None
    step = int(1.0 * every.fps)  # vpdq: frameMod = int(seconds_per_hash * fps)
    expected = [f for f in every.frames if f.frame % step == 0]

    hashes = hash_video(testdata / "vpdq" / "videos" / f"{name}.mp4", VideoSampling())

    assert [f.frame for f in hashes.frames] == list(range(0, len(every.frames), step))
    assert hashes.frames == expected


def test_interval_step_truncates_seconds_times_fps(
    clip: Path, clip_every_frame: VideoHashes
) -> None:
    # 0.55 s x 30 fps = 16.5 frames; vpdq truncates to every 16th frame.
    hashes = hash_video(clip, VideoSampling(seconds=0.55))
    assert [f.frame for f in hashes.frames] == list(range(0, FRAMES, 16))
    assert hashes.frames == [f for f in clip_every_frame.frames if f.frame % 16 == 0]


def test_interval_of_zero_seconds_hashes_every_frame(
    clip: Path, clip_every_frame: VideoHashes
) -> None:
    assert hash_video(clip, VideoSampling(seconds=0)).frames == clip_every_frame.frames


# --- fast paths -----------------------------------------------------------------------------


@pytest.mark.parametrize("seconds", [1.0, 2.0, 3.3])
def test_seeking_gives_the_hashes_of_sequential_decoding_with_fewer_frames_decoded(
    clip: Path, seconds: float
) -> None:
    sequential = hash_video(clip, VideoSampling(seconds=seconds, seek=False))
    seeking = hash_video(clip, VideoSampling(seconds=seconds))
    assert seeking.frames == sequential.frames
    assert sequential.decoded_frames == FRAMES
    assert seeking.decoded_frames < FRAMES


def test_keyframes_mode_decodes_and_hashes_only_keyframes(
    clip: Path, clip_every_frame: VideoHashes
) -> None:
    hashes = hash_video(clip, VideoSampling("keyframes"))
    keyframes = list(range(0, FRAMES, GOP))
    assert [f.frame for f in hashes.frames] == keyframes
    assert hashes.decoded_frames == len(keyframes)
    assert hashes.frames == [f for f in clip_every_frame.frames if f.frame in keyframes]


@pytest.fixture(scope="module")
def raw_stream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # An H.264 elementary stream: no container, no timestamps, nothing to seek by.
    return write_clip(tmp_path_factory.mktemp("raw") / "clip.h264")


def test_interval_without_timestamps_counts_decoded_frames(raw_stream: Path) -> None:
    every = hash_video(raw_stream, VideoSampling("every_frame"))
    assert every.fps is not None
    step = int(every.fps)
    hashes = hash_video(raw_stream, VideoSampling())
    assert [f.frame for f in hashes.frames] == list(range(0, FRAMES, step))
    assert hashes.frames == [f for f in every.frames if f.frame % step == 0]


def test_keyframes_without_timestamps_are_found_by_decoding_everything(
    raw_stream: Path,
) -> None:
    hashes = hash_video(raw_stream, VideoSampling("keyframes"))
    assert [f.frame for f in hashes.frames] == list(range(0, FRAMES, GOP))
    assert hashes.decoded_frames == FRAMES


def test_decoder_threads_do_not_change_hashes(clip: Path, clip_every_frame: VideoHashes) -> None:
    threaded = hash_video(clip, VideoSampling("every_frame"), VideoLimits(decoder_threads=2))
    assert threaded.frames == clip_every_frame.frames


# --- records --------------------------------------------------------------------------------


def test_frame_hash_json_has_frame_ts_pdq_quality(clip_every_frame: VideoHashes) -> None:
    record = clip_every_frame.frames[7].to_json()
    assert record == {
        "frame": 7,
        "ts": round(7 / FPS, 3),
        "pdq": clip_every_frame.frames[7].pdq.hex,
        "quality": clip_every_frame.frames[7].quality,
    }


def test_frame_hash_json_round_trips(clip_every_frame: VideoHashes) -> None:
    frame = clip_every_frame.frames[0]
    assert VideoFrameHash.from_json(frame.to_json()) == frame


def test_malformed_frame_hash_json_is_an_invalid_signal() -> None:
    with pytest.raises(InvalidSignal, match="quality"):
        VideoFrameHash.from_json({"frame": 0, "ts": 0.0, "pdq": "00" * 32, "quality": 101})


# --- matching -------------------------------------------------------------------------------


def frames_of(hashes: list[PdqHash], quality: int = 100) -> list[VideoFrameHash]:
    return [VideoFrameHash(i, float(i), h, quality) for i, h in enumerate(hashes)]


def flipped(h: PdqHash, bits: int) -> PdqHash:
    value = int.from_bytes(h.value, "big") ^ ((1 << bits) - 1)
    return PdqHash(value.to_bytes(32, "big"))


def random_hashes(n: int, seed: int) -> list[PdqHash]:
    rng = np.random.default_rng(seed)
    return [PdqHash(rng.integers(0, 256, 32, dtype=np.uint8).tobytes()) for _ in range(n)]


def test_a_video_matches_itself_fully(clip: Path) -> None:
    frames = hash_video(clip).frames
    result = vpdq_match(frames, frames)
    assert (result.query_match_percent, result.target_match_percent) == (100.0, 100.0)
    assert result.matched


def test_a_different_video_does_not_match(clip: Path, tmp_path: Path) -> None:
    other = write_clip(tmp_path / "other.mp4", pattern="checkerboard", seconds=4)
    result = vpdq_match(hash_video(clip).frames, hash_video(other).frames)
    assert result.query_match_percent < 80.0
    assert not result.matched


def test_frame_match_distance_is_inclusive() -> None:
    (h,) = random_hashes(1, seed=1)
    assert vpdq_match(frames_of([h]), frames_of([flipped(h, 31)])).matched
    assert not vpdq_match(frames_of([h]), frames_of([flipped(h, 32)])).matched


def test_low_quality_frames_are_left_out_of_matching() -> None:
    good = random_hashes(4, seed=2)
    noise = random_hashes(4, seed=3)
    query = frames_of(good) + frames_of(noise, quality=MIN_QUALITY - 1)
    assert vpdq_match(query, frames_of(good)).query_match_percent == 100.0
    assert vpdq_match(query, frames_of(good), quality=0).query_match_percent == 50.0


def test_repeated_hashes_count_once() -> None:
    a, b = random_hashes(2, seed=4)
    (c,) = random_hashes(1, seed=5)
    # Five copies of an unmatched frame weigh as one, as in python-threatexchange.
    result = vpdq_match(frames_of([a, b, b, b, b, b]), frames_of([a, c]))
    assert result.query_match_percent == 50.0
    assert result.target_match_percent == 50.0


def test_video_matches_when_80_percent_of_query_frames_match() -> None:
    target = random_hashes(5, seed=6)
    others = random_hashes(2, seed=7)
    assert vpdq_match(frames_of(target[:4] + others[:1]), frames_of(target)).matched
    assert not vpdq_match(frames_of(target[:3] + others), frames_of(target)).matched


def test_no_usable_frames_is_no_match() -> None:
    (h,) = random_hashes(1, seed=8)
    result = vpdq_match(frames_of([h], quality=10), frames_of([h]))
    assert (result.query_match_percent, result.target_match_percent, result.matched) == (
        0.0,
        0.0,
        False,
    )


hash_lists = st.lists(st.binary(min_size=32, max_size=32).map(PdqHash), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    query=hash_lists,
    target=hash_lists,
    distance=st.integers(0, 256),
    edits=st.lists(st.integers(0, 255), max_size=40),
)
def test_match_percentages_equal_a_plain_loop_over_pairs(
    query: list[PdqHash], target: list[PdqHash], distance: int, edits: list[int]
) -> None:
    # Near copies of the query in the target, so close pairs occur.
    near = [PdqHash(bytes(b ^ (i in edits) for i, b in enumerate(h.value))) for h in query]
    target = target + near[: len(near) // 2]
    q, t = list(dict.fromkeys(query)), list(dict.fromkeys(target))
    q_pct = 100 * sum(any(a.distance(b) <= distance for b in t) for a in q) / len(q)
    t_pct = 100 * sum(any(a.distance(b) <= distance for b in q) for a in t) / len(t)
    result = vpdq_match(frames_of(query), frames_of(target), distance=distance)
    assert math.isclose(result.query_match_percent, q_pct)
    assert math.isclose(result.target_match_percent, t_pct)


# --- bad input ------------------------------------------------------------------------------


def test_zero_length_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    with pytest.raises(EmptyFile):
        hash_video(path)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        hash_video(tmp_path / "absent.mp4")


def test_random_bytes_named_mp4_are_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "noise.mp4"
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 200_000, np.uint8).tobytes())
    with pytest.raises(CorruptMedia, match=r"noise\.mp4: not a decodable video"):
        hash_video(path)


def test_first_half_of_a_video_is_corrupt(testdata: Path, tmp_path: Path) -> None:
    data = (testdata / "vpdq" / "videos" / "doorknob-hd-no-bar.mp4").read_bytes()
    path = tmp_path / "half.mp4"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptMedia):
        hash_video(path, VideoSampling("every_frame"))


def test_video_cut_at_a_packet_boundary_is_reported_truncated(clip: Path, tmp_path: Path) -> None:
    with av.open(str(clip)) as container:
        packets = [p for p in container.demux(video=0) if p.size]
    # Cut after the packet stored furthest into the file among the first 100 in order.
    cut = max((p.pos or 0) + p.size for p in packets[:100])
    assert cut < clip.stat().st_size
    path = tmp_path / "cut.mp4"
    path.write_bytes(clip.read_bytes()[:cut])
    with pytest.raises(CorruptMedia, match="truncated"):
        hash_video(path, VideoSampling("every_frame"))


def test_audio_only_file_has_no_video_stream(tmp_path: Path) -> None:
    path = tmp_path / "tone.m4a"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=48_000, layout="mono")
        t = np.arange(48_000, dtype=np.float32) / 48_000
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        for start in range(0, tone.size, 1024):
            frame = av.AudioFrame.from_ndarray(tone[None, start : start + 1024], "fltp", "mono")
            frame.sample_rate = 48_000
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    with pytest.raises(UnsupportedMedia, match="no video stream"):
        hash_video(path)


def test_video_longer_than_the_duration_limit_is_refused(clip: Path) -> None:
    with pytest.raises(VideoTooLong, match="limit is 2 s"):
        hash_video(clip, limits=VideoLimits(max_duration_s=2.0))


def test_frame_count_over_the_limit_is_refused_from_the_header(clip: Path) -> None:
    with pytest.raises(VideoTooLong, match="240 frames, the limit is 50"):
        hash_video(clip, limits=VideoLimits(max_decoded_frames=50))


@pytest.mark.parametrize("mode", ["every_frame", "interval", "keyframes"])
def test_decoded_frame_limit_stops_decoding_when_no_count_is_declared(
    mode: SamplingMode, tmp_path: Path
) -> None:
    # Matroska stores no frame count, so only the decode loop can notice.
    clip = write_clip(tmp_path / "clip.mkv", seconds=3)
    with pytest.raises(VideoTooLong, match="more than 50 frames"):
        hash_video(clip, VideoSampling(mode), VideoLimits(max_decoded_frames=50))


def test_sampled_frame_limit_stops_hashing(clip: Path) -> None:
    with pytest.raises(VideoTooLong, match="more than 3 sampled frames"):
        hash_video(clip, VideoSampling(), VideoLimits(max_sampled_frames=3))


def test_frames_over_the_pixel_limit_are_refused(clip: Path) -> None:
    with pytest.raises(ImageTooLarge, match="320x240"):
        hash_video(clip, limits=VideoLimits(max_frame_pixels=320 * 240 - 1))


def test_file_over_the_byte_limit_is_refused(clip: Path) -> None:
    with pytest.raises(FileTooLarge):
        hash_video(clip, limits=VideoLimits(max_bytes=1000))


def test_decoding_past_the_time_budget_times_out(clip: Path) -> None:
    with pytest.raises(MediaTimeout):
        hash_video(clip, VideoSampling("every_frame"), VideoLimits(timeout_s=1e-6))


def test_negative_interval_is_rejected() -> None:
    with pytest.raises(ValueError, match="seconds"):
        VideoSampling(seconds=-1.0)

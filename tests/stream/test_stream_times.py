"""Stream time of every sampled frame, including the frames a decoder only gives back when
it is flushed at the end of a file (they come without a time base): they keep their own
time, never 0.0."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.stream import write_stream

from safeguard.stream.source import SourceOptions, VideoSource


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("times") / "clip.mp4"
    write_stream(path, [(0, 3.0), (1, 3.0)], fps=10, preset="medium")
    return path


@pytest.mark.parametrize("threads", [1, 2])
def test_every_frame_has_its_own_stream_time_including_the_flushed_ones(
    clip: Path, threads: int
) -> None:
    options = SourceOptions(sampling="every_frame", decoder_threads=threads)
    times = [f.stream_ts for f in VideoSource(str(clip), options).frames()]
    assert len(times) == 60
    assert times == sorted(times) and len(set(times)) == 60
    assert times[-1] == pytest.approx(5.9)

"""Stream time of every sampled frame, including the frames a decoder only gives back when
it is flushed at the end of a file (they come without a time base): they keep their own
time, never 0.0."""

from __future__ import annotations

import http.server
import threading
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from bench.stream import write_stream

from safeguard.stream.source import SourceOptions, StreamSourceError, VideoSource


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


class _HalfFile(http.server.SimpleHTTPRequestHandler):
    """Sends the headers of the whole file, then only its first half (as a reader that
    cannot seek to an index at the end of an MP4 sees it)."""

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data[: len(data) // 2])

    def log_message(self, *_args: object) -> None:
        pass


def test_an_unreadable_mp4_over_http_says_how_to_serve_it(clip: Path) -> None:
    handler = partial(_HalfFile, directory=str(clip.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/{clip.name}"
        options = SourceOptions(reconnect_attempts=1, backoff_initial_s=0.05, read_timeout_s=2)
        with pytest.raises(StreamSourceError, match="faststart"):
            list(VideoSource(url, options).frames())
    finally:
        httpd.shutdown()
        httpd.server_close()

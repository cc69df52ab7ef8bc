"""The livestream monitor on real streams: HLS served over a real HTTP server on loopback,
plain files, comment feeds, streams that die or stall while others go on.

Videos are benign synthetic scenes made in code (``bench.stream``): scene A (rings and a
moving disc) and scene B (a scrolling checkerboard), 256x144 at 10 fps with a keyframe
every 2 s. Scene B's frame hashes are in a block bank.
"""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from bench.stream import write_stream

from safeguard import banks
from safeguard.chat.comments import Comment
from safeguard.matching.matcher import Matcher
from safeguard.signals.video import VideoSampling, hash_video
from safeguard.store.db import Database, open_database
from safeguard.stream import (
    SourceOptions,
    StreamEvent,
    StreamHub,
    StreamPolicy,
    VideoSource,
    bank_matcher,
)
from safeguard.stream.comment_feed import read_feed

SWITCH_S = 20.0
GOP_S = 2.0
FAST_RETRY = SourceOptions(reconnect_attempts=1, backoff_initial_s=0.01, read_timeout_s=30)


# --- media and servers -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("stream-media")
    return {
        "hls": write_stream(root / "hls", [(0, SWITCH_S), (1, 10.0)], hls_segment_s=GOP_S),
        "switch_file": write_stream(root / "switch.mp4", [(0, 6.0), (1, 4.0)]),
        "benign_file": write_stream(root / "a.mp4", [(0, 8.0)]),
        "benign_ts": write_stream(root / "a.ts", [(0, 8.0)]),
        "banned": write_stream(root / "b.mp4", [(1, 10.0)]),
        "still": write_stream(root / "still.mp4", [(0, 0.1)] * 40),
        "live": write_stream(root / "live", [(0, 4.0)], gop_s=1.0, hls_segment_s=1.0),
    }


@pytest.fixture(scope="module")
def db(media: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'sg.db'}")
    hashes = hash_video(media["banned"], VideoSampling(mode="every_frame")).frames
    with database.session() as s:
        banks.create_bank(s, banks.BankSpec("known-streams", kind="block"), "test")

    @contextmanager
    def lines() -> Iterator[BinaryIO]:
        yield io.BytesIO("\n".join(f.pdq.hex for f in hashes).encode())

    banks.import_list(
        database, "known-streams", lines, fmt="plain", source="t", default_type="pdq", actor="t"
    )
    yield database
    database.dispose()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, plus ``/dying.ts`` (half the bytes, then the server is gone for it),
    ``/stalled.ts`` (headers, then nothing until the test releases it) and
    ``/live/live.m3u8``: a live playlist (no end marker) that lists one more segment each
    time it is fetched, as a live origin does as segments are produced."""

    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/live/live.m3u8":
            self.server.live_fetches += 1
            shown = min(self.server.live_fetches, 4)
            body = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n"
            body += "".join(f"#EXTINF:1.0,\nseg{n:05d}.ts\n" for n in range(shown))
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/vnd.apple.mpegurl")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.path == "/dying.ts":
            data = self.server.dying.read_bytes()
            if self.server.dying_served:
                self.send_error(404)
                return
            self.server.dying_served = True
            self.send_response(200)
            self.send_header("Content-Type", "video/mp2t")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if self.path == "/stalled.ts":
            self.send_response(200)
            self.send_header("Content-Type", "video/mp2t")
            self.end_headers()
            self.wfile.flush()
            self.server.release_stall.wait(30)
            self.close_connection = True
            return
        super().do_GET()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    dying: Path
    dying_served = False
    live_fetches = 0
    release_stall: threading.Event


@pytest.fixture
def server(media: dict[str, Path]) -> Iterator[_Server]:
    handler = partial(_Handler, directory=str(media["hls"].parent.parent))
    httpd = _Server(("127.0.0.1", 0), handler)
    httpd.dying = media["benign_ts"]
    httpd.release_stall = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.release_stall.set()
        httpd.shutdown()
        httpd.server_close()


def url(httpd: _Server, path: str) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}/{path}"


# --- running streams ---------------------------------------------------------------------------


class Events:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.ended: dict[str, threading.Event] = {}

    def __call__(self, event: StreamEvent) -> None:
        with self.lock:
            self.items.append(event.to_json())
            if event.type == "end":
                self.ended.setdefault(event.stream, threading.Event()).set()

    def of(self, stream: str, kind: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [e for e in self.items if e["stream"] == stream and kind in (None, e["type"])]

    def wait_end(self, stream: str, timeout: float = 60) -> bool:
        with self.lock:
            done = self.ended.setdefault(stream, threading.Event())
        return done.wait(timeout)


def hub_for(db: Database, events: Events, **kw: Any) -> StreamHub:
    return StreamHub(match=bank_matcher(Matcher.open(db)), emit=events, **kw)


def comments(*rows: tuple[float, str, str]) -> list[str]:
    import json

    return [json.dumps({"ts": ts, "viewer": v, "text": t}) for ts, v, t in rows]


ABUSE_TO_ORDER = comments(
    (2.0, "v1", "hi"),
    (3.0, "v2", "how old are you"),
    (3.5, "v3", "how old r u? what grade are you in"),
    (4.0, "v4", "do a dance for 500 tips"),
    (4.5, "v2", "add me on snapchat, we can talk in private"),
    (5.0, "v5", "send me a pic on telegram"),
    (5.5, "v1", "how old are you"),
    (6.0, "v6", "come on telegram, i will tip you"),
)
BENIGN = comments(
    (2.0, "v1", "hi everyone"),
    (3.0, "v2", "love the colours"),
    (4.0, "v3", "what song is this?"),
    (5.0, "v4", "great stream, see you tomorrow"),
    (6.0, "v5", "the weather here is lovely"),
)


# --- the specification ---------------------------------------------------------------------------


def test_a_stream_switching_to_a_banned_video_over_hls_is_terminated_and_says_when(
    db: Database, server: _Server
) -> None:
    events = Events()
    hub = hub_for(db, events)
    hub.watch("live-1", url(server, "hls/index.m3u8"))
    assert hub.wait(60)
    [decision] = events.of("live-1", "decision")
    assert decision["action"] == "terminate"
    assert SWITCH_S <= decision["stream_ts"] <= SWITCH_S + GOP_S + 1.0
    frame = decision["evidence"]["frames"][0]
    assert frame["stream_ts"] == decision["stream_ts"]
    assert frame["matches"][0]["bank"] == "known-streams"
    assert all(f["matches"] == [] for f in events.of("live-1", "frame") if f["stream_ts"] < 20)
    [end] = events.of("live-1", "end")
    assert end["reason"] == "terminated"


def test_a_plain_file_that_switches_is_terminated_at_the_switch(
    db: Database, media: dict[str, Path]
) -> None:
    events = Events()
    hub = hub_for(db, events)
    hub.watch("file", str(media["switch_file"]))
    assert hub.wait(60)
    [decision] = events.of("file", "decision")
    assert (decision["action"], decision["stream_ts"]) == ("terminate", 6.0)


def test_a_benign_file_ends_without_a_decision(db: Database, media: dict[str, Path]) -> None:
    events = Events()
    hub = hub_for(db, events)
    hub.watch("benign", str(media["benign_file"]))
    assert hub.wait(60)
    assert events.of("benign", "decision") == []
    frames = events.of("benign", "frame")
    assert [f["stream_ts"] for f in frames] == [0.0, 2.0, 4.0, 6.0]
    assert all(f["keyframe"] and f["matches"] == [] for f in frames)
    [end] = events.of("benign", "end")
    assert (end["reason"], end["frames_sampled"]) == ("eof", 4)


def test_abuse_to_order_comments_raise_the_risk_to_a_review(
    db: Database, media: dict[str, Path]
) -> None:
    events = Events()
    hub = hub_for(db, events)
    hub.watch(
        "c", str(media["benign_file"]), comments=read_feed(ABUSE_TO_ORDER), merge_comments=True
    )
    assert hub.wait(60)
    updates = events.of("c", "comments")
    assert updates[-1]["level"] in ("high", "critical")
    assert updates[-1]["risk"] >= StreamPolicy().review_risk
    [decision] = events.of("c", "decision")
    assert decision["action"] == "review"
    signals = decision["evidence"]["comments"]["signals"]
    categories = {s["category"] for s in signals}
    assert "age_probing" in categories
    assert categories & {"tip_for_action", "request_action", "platform_move"}
    assert all(len(s["span"]) == 2 for s in signals)
    assert 4.0 <= decision["stream_ts"] <= 6.0


def test_benign_comments_do_not_raise_the_risk(db: Database, media: dict[str, Path]) -> None:
    events = Events()
    hub = hub_for(db, events)
    hub.watch("b", str(media["benign_file"]), comments=read_feed(BENIGN), merge_comments=True)
    assert hub.wait(60)
    assert events.of("b", "decision") == []
    assert all(e["level"] == "none" for e in events.of("b", "comments"))
    assert hub.get("b").state().comment_risk < 0.2


def test_comments_merged_by_stream_time_come_before_later_frames(
    db: Database, media: dict[str, Path]
) -> None:
    events = Events()
    hub = hub_for(db, events)
    hub.watch(
        "m", str(media["benign_file"]), comments=read_feed(ABUSE_TO_ORDER), merge_comments=True
    )
    assert hub.wait(60)
    order = [(e["type"], e["stream_ts"]) for e in events.of("m") if e["type"] != "end"]
    times = [ts for _, ts in order]
    assert times == sorted(times)


def test_a_stream_that_dies_midway_is_reported_and_the_others_continue(
    db: Database, media: dict[str, Path], server: _Server
) -> None:
    events = Events()
    hub = hub_for(db, events, options=FAST_RETRY)
    hub.watch("dying", url(server, "dying.ts"))
    hub.watch("healthy", str(media["benign_file"]))
    assert hub.wait(60)
    [error] = events.of("dying", "error")
    assert error["fatal"] and error["code"] == "stream_unavailable"
    assert "gave up after 1 reconnection attempt" in error["message"]
    assert events.of("dying", "frame")  # it was watched until it died
    assert events.of("dying", "end")[0]["reason"] == "error"
    assert hub.get("dying").state().status == "error"
    assert events.of("healthy", "end")[0]["frames_sampled"] == 4


def test_a_stalled_stream_does_not_delay_the_others(
    db: Database, media: dict[str, Path], server: _Server
) -> None:
    events = Events()
    hub = hub_for(db, events, options=FAST_RETRY)
    hub.watch("stalled", url(server, "stalled.ts"))
    hub.watch("healthy", str(media["switch_file"]))
    assert events.wait_end("healthy")
    assert hub.get("stalled").running  # still waiting for its first byte
    assert events.of("healthy", "decision")[0]["action"] == "terminate"
    server.release_stall.set()  # the stalled server hangs up: the stream ends in an error
    assert events.wait_end("stalled")
    assert events.of("stalled", "error")[0]["fatal"]


def test_a_missing_file_and_a_file_that_is_not_video_are_errors(
    db: Database, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video at all" * 100)
    events = Events()
    hub = hub_for(db, events)
    hub.watch("missing", str(tmp_path / "nope.mp4"))
    hub.watch("junk", str(junk))
    assert hub.wait(30)
    assert events.of("missing", "error")[0]["code"] == "stream_unavailable"
    assert events.of("junk", "error")[0]["code"] == "stream_broken"


def test_an_unreachable_url_is_retried_with_backoff_then_reported(db: Database) -> None:
    options = SourceOptions(reconnect_attempts=2, backoff_initial_s=0.01)
    source = VideoSource("http://127.0.0.1:9/none.m3u8", options)
    with pytest.raises(Exception) as info:
        list(source.frames())
    assert "gave up after 2 reconnection attempts" in str(info.value)
    assert source.reconnects == 2


def test_backoff_doubles_up_to_its_cap() -> None:
    options = SourceOptions(backoff_initial_s=0.5, backoff_max_s=3.0)
    assert [options.backoff(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_near_identical_consecutive_frames_are_suppressed(
    db: Database, media: dict[str, Path]
) -> None:
    # 40 repeats of the same first frame of scene A: one frame kept, the rest suppressed.
    events = Events()
    hub = hub_for(db, events, options=SourceOptions(sampling="interval", interval_s=0.5))
    hub.watch("still", str(media["still"]))
    assert hub.wait(30)
    frames = events.of("still", "frame")
    end = events.of("still", "end")[0]
    assert len(frames) == 1
    assert end["frames_sampled"] == 8 and end["frames_suppressed"] == 7


def test_when_decoding_falls_behind_whole_groups_of_pictures_are_dropped(
    db: Database, media: dict[str, Path]
) -> None:
    events = Events()
    matcher = bank_matcher(Matcher.open(db))
    hub: StreamHub

    def slow_match(pdq: Any) -> Any:
        # Hold decoding (at the first keyframe) until the reader, facing a full queue of 2
        # packets, has dropped half the file's 80 packets: the keyframes at 2 s and 4 s.
        source = hub.get("behind").source
        for _ in range(1000):
            if source.packets_dropped >= 40:
                break
            threading.Event().wait(0.01)
        return matcher(pdq)

    hub = StreamHub(
        match=slow_match,
        emit=events,
        options=SourceOptions(max_queued_packets=2, drop_when_behind=True),
    )
    hub.watch("behind", str(media["benign_file"]))
    assert hub.wait(60)
    end = events.of("behind", "end")[0]
    assert end["reason"] == "eof" and end["packets_dropped"] > 0
    assert end["frames_sampled"] < 4


def test_stopping_a_stream_ends_it_as_stopped(db: Database, media: dict[str, Path]) -> None:
    events = Events()
    hub = hub_for(db, events, options=SourceOptions(realtime=True))
    hub.watch("paced", str(media["benign_file"]))
    hub.stop("paced")
    assert hub.wait(30)
    assert events.of("paced", "end")[0]["reason"] == "stopped"


def test_pushed_comments_are_scored_for_the_stream(db: Database, media: dict[str, Path]) -> None:
    events = Events()
    hub = hub_for(db, events, options=SourceOptions(realtime=True))
    hub.watch("pushed", str(media["benign_file"]))
    try:
        risk = None
        for line in read_feed(ABUSE_TO_ORDER):
            assert line.comment is not None
            risk = hub.push_comment("pushed", line.comment)
        assert risk is not None and risk.risk >= 0.6
        assert hub.get("pushed").state().comments == len(ABUSE_TO_ORDER)
    finally:
        hub.close(30)


def test_feed_lines_read_as_bytes_are_decoded_one_by_one() -> None:
    items = list(read_feed([b'{"text": "hi", "ts": 1}\n', b"\xff\xfe\n", b'{"text": "ok"}\n']))
    assert [i.comment.text if i.comment else None for i in items] == ["hi", None, "ok"]
    assert items[1].error is not None and items[1].error.startswith("line 2: not UTF-8")


def test_bad_comment_lines_are_reported_with_their_line_and_skipped() -> None:
    items = list(read_feed(['{"text": "hi", "ts": 1}', "not json", '{"ts": 2}', '{"text": 3}']))
    assert items[0].comment == Comment(viewer="anonymous", text="hi", ts=1.0)
    assert [i.error for i in items[1:]] == [
        "line 2: not JSON (Expecting value)",
        "line 3: 'text' must be a string",
        "line 4: 'text' must be a string",
    ]


def test_an_allowlisted_frame_is_not_terminated(db: Database, media: dict[str, Path]) -> None:
    hashes = hash_video(media["banned"], VideoSampling(mode="every_frame")).frames
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("allowed", kind="allow"), "test")

    @contextmanager
    def lines() -> Iterator[BinaryIO]:
        yield io.BytesIO("\n".join(f.pdq.hex for f in hashes).encode())

    banks.import_list(db, "allowed", lines, fmt="plain", source="t", default_type="pdq", actor="t")
    try:
        events = Events()
        hub = hub_for(db, events)
        hub.watch("allow", str(media["switch_file"]))
        assert hub.wait(60)
        assert events.of("allow", "decision") == []
    finally:
        with db.session() as s:
            banks.delete_bank(s, "allowed", "test")


def test_a_policy_with_an_unknown_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown policy setting"):
        StreamPolicy.from_json({"review_risk": 0.5, "terminate_now": True})
    with pytest.raises(ValueError, match="rearm_risk"):
        StreamPolicy(review_risk=0.3, rearm_risk=0.5)


def test_frame_hashes_are_those_of_safeguard_hash_for_the_same_keyframes(
    media: dict[str, Path],
) -> None:
    reference = hash_video(media["switch_file"], VideoSampling(mode="keyframes")).frames
    frames = list(VideoSource(str(media["switch_file"])).frames())
    assert [f.stream_ts for f in frames] == [round(f.ts, 3) for f in reference]
    assert [f.pdq for f in frames] == [f.pdq for f in reference]
    assert [f.quality for f in frames] == [f.quality for f in reference]


def test_a_recording_over_http_ends_at_its_end_instead_of_being_replayed(
    db: Database, server: _Server
) -> None:
    events = Events()
    hub = hub_for(db, events, options=FAST_RETRY)
    hub.watch("recording", url(server, "a.ts"))
    assert hub.wait(60)
    [end] = events.of("recording", "end")
    assert (end["reason"], end["reconnects"], end["frames_sampled"]) == ("eof", 0, 4)


def _match(distance: int, kind: str = "block") -> Any:
    from safeguard.matching.matcher import Match

    return Match("bank", kind, 7, "pdq", "00" * 32, distance, None, None)


def _frame(ts: float, seed: int) -> Any:
    import numpy as np

    from safeguard.signals.pdq import PdqHash
    from safeguard.stream import SampledFrame

    raw = np.random.default_rng(seed).integers(0, 256, 32, dtype=np.uint8).tobytes()
    return SampledFrame(ts, PdqHash(raw), 100, True)


def test_a_match_beyond_the_terminate_distance_is_sent_to_review_not_terminated() -> None:
    from safeguard.stream import StreamMonitor

    events = Events()
    policy = StreamPolicy(terminate_distance=10)
    monitor = StreamMonitor("m", "x", match=lambda _: [_match(25)], emit=events, policy=policy)
    monitor.on_frame(_frame(1.0, 1))
    [decision] = events.of("m", "decision")
    assert decision["action"] == "review" and not monitor.terminated
    assert decision["risk"] == pytest.approx(policy.weak_match_risk)


def test_a_decision_that_cannot_be_recorded_is_still_made_and_the_failure_reported() -> None:
    from safeguard.stream import StreamMonitor
    from safeguard.stream.monitor import DecisionNotRecorded

    def record(_: Any) -> int:
        raise DecisionNotRecorded("the terminate decision could not be recorded: OperationalError")

    events = Events()
    monitor = StreamMonitor("m", "x", match=lambda _: [_match(3)], emit=events, record=record)
    monitor.on_frame(_frame(2.0, 2))
    [decision] = events.of("m", "decision")
    [error] = events.of("m", "error")
    assert decision["action"] == "terminate" and "case_id" not in decision
    assert (error["code"], error["fatal"]) == ("case_failed", False)
    assert monitor.snapshot().decisions[0]["case_id"] is None


def test_a_live_hls_playlist_is_followed_as_it_grows_until_the_stream_is_stopped(
    db: Database, server: _Server
) -> None:
    events = Events()
    # The origin stops adding segments after the 4th; a stop takes effect when the read in
    # progress returns, so keep that short.
    hub = hub_for(db, events, options=SourceOptions(read_timeout_s=2))
    hub.watch("live", url(server, "live/live.m3u8"))
    for _ in range(300):  # the demuxer reloads the playlist once a segment duration
        if len(events.of("live", "frame")) == 4:
            break
        threading.Event().wait(0.1)
    hub.stop("live")
    assert hub.wait(30)
    assert [f["stream_ts"] for f in events.of("live", "frame")] == [0.0, 1.0, 2.0, 3.0]
    assert server.live_fetches >= 4
    assert events.of("live", "end")[0]["reason"] == "stopped"

"""``safeguard stream watch --link-store``: a stream that shows a known place opens a review
with the evidence; one that shows only unknown places raises nothing. Run as a user runs
it: a real process, a stream recorded with PyAV from scikit-image scenes, a link store
built from stills, a real database."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
import pytest

from safeguard.link.linking import build
from safeguard.link.store import LinkStore
from safeguard.review import cases
from safeguard.store.db import open_database
from safeguard.stream.events import DecisionEvent, StreamEvent
from safeguard.stream.monitor import StreamMonitor
from safeguard.stream.sightings import LinkFeed
from safeguard.stream.source import SourceOptions, VideoSource
from tests.link.scenes import crop, lighting, perspective, png_bytes, scene

SIZE = (640, 480)


def _fit(img: np.ndarray) -> np.ndarray:
    return np.asarray(cv2.resize(img, SIZE, interpolation=cv2.INTER_AREA), np.uint8)


def record_stream(path: Path, stills: list[np.ndarray], seconds_each: float = 4.0) -> Path:
    """An H.264 file, 5 fps, a keyframe a second, each still shown ``seconds_each``."""
    fps = 5
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = SIZE
        stream.pix_fmt = "yuv420p"
        stream.gop_size = fps
        for still in stills:
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(_fit(still)), format="rgb24")
            for _ in range(int(seconds_each * fps)):
                for packet in stream.encode(frame):
                    out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def coffee_views() -> list[np.ndarray]:
    img = scene("coffee")
    return [perspective(img, 0.12, 3)[0], crop(img, 0.7, 2), lighting(img, 0.8, 1.3)]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("stream-link")
    media = root / "media"
    media.mkdir()
    for name in ("coffee", "astronaut", "chelsea"):
        (media / f"{name}.png").write_bytes(png_bytes(scene(name)))
    # A second picture of the coffee place, so coffee.png is in a place group.
    (media / "coffee-again.png").write_bytes(png_bytes(perspective(scene("coffee"), 0.1, 7)[0]))
    store = LinkStore.open(root / "links", create=True)
    assert build(store, [media]).place_links >= 1
    data = root / "data"
    open_database(f"sqlite:///{data / 'safeguard.db'}").dispose()
    return {
        "root": root,
        "data": data,
        "store": root / "links",
        # 4 s of an unknown scene, then 12 s of the stored coffee place seen three ways.
        "known": record_stream(root / "known.mp4", [scene("camera"), *coffee_views()]),
        # Only scenes that are not in the store.
        "unknown": record_stream(
            root / "unknown.mp4", [scene("rocket"), scene("camera"), scene("immunohistochemistry")]
        ),
    }


def watch(setup: dict[str, Path], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    command = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(setup["data"])]
    proc = subprocess.run(
        [*command, "stream", "watch", *args], capture_output=True, text=True, timeout=300
    )
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, events, proc.stderr


def test_a_stream_showing_a_stored_place_opens_a_review_case_with_the_evidence(
    setup: dict[str, Path],
) -> None:
    code, events, err = watch(
        setup, "--json", "--cases", "--link-store", str(setup["store"]), str(setup["known"])
    )
    assert code == 0, err
    [decision] = [e for e in events if e["type"] == "decision"]
    assert decision["action"] == "review"
    assert decision["stream_ts"] >= 4.0  # coffee appears at 4 s
    assert "same place as" in decision["reason"] and "inliers" in decision["reason"]
    links = decision["evidence"]["links"]
    assert {Path(s["path"]).name for s in links} <= {"coffee.png", "coffee-again.png"}
    assert all(s["kind"] == "place" and s["inliers"] >= 20 for s in links)
    assert all(s["group"] and s["group"].startswith("place-") for s in links)
    assert f"group {links[0]['group']}" in decision["reason"]
    db = open_database(f"sqlite:///{setup['data'] / 'safeguard.db'}")
    try:
        with db.session() as s:
            case = cases.get_case(s, decision["case_id"])
            assert (case.action, case.source, case.status) == ("review", "stream:stream-1", "open")
            assert case.evidence["links"] == links
    finally:
        db.dispose()


def test_a_stream_of_unknown_places_raises_nothing(setup: dict[str, Path]) -> None:
    code, events, err = watch(
        setup, "--json", "--link-store", str(setup["store"]), str(setup["unknown"])
    )
    assert code == 0, err
    assert [e for e in events if e["type"] in ("decision", "error")] == []
    assert sum(e["type"] == "frame" for e in events) >= 3  # it was watched


def test_without_a_link_store_the_known_place_is_not_looked_for(setup: dict[str, Path]) -> None:
    code, events, _ = watch(setup, "--json", str(setup["known"]))
    assert code == 0
    assert [e for e in events if e["type"] == "decision"] == []


def test_a_missing_link_store_is_a_usage_error(setup: dict[str, Path]) -> None:
    code, _, err = watch(setup, "--link-store", str(setup["root"] / "nowhere"), str(setup["known"]))
    assert code == 2
    assert "link store" in err


def test_sampled_frames_carry_a_small_copy_only_when_asked(setup: dict[str, Path]) -> None:
    plain = next(VideoSource(str(setup["known"])).frames())
    assert plain.rgb is None
    small = next(VideoSource(str(setup["known"]), SourceOptions(keep_rgb_side=160)).frames())
    assert small.rgb is not None and small.rgb.dtype == np.uint8
    assert small.rgb.shape == (120, 160, 3)
    # Same frame, same hash: the copy does not change what is matched.
    assert small.pdq == plain.pdq


class _Sighting:
    def __init__(self, ts: float, item: str) -> None:
        self.stream_ts = ts
        self.item = item

    @property
    def reason(self) -> str:
        return f"same place as {self.item}, 50 inliers"

    def to_json(self) -> dict[str, Any]:
        return {"kind": "place", "item": self.item, "stream_ts": self.stream_ts}


def _monitor(events: list[StreamEvent], recorded: list[DecisionEvent]) -> StreamMonitor:
    def record(event: DecisionEvent) -> int:
        recorded.append(event)
        return len(recorded)

    return StreamMonitor("s", "x.mp4", match=lambda _: [], emit=events.append, record=record)


def test_sightings_become_one_recorded_review_decision_with_the_links_as_evidence() -> None:
    events: list[StreamEvent] = []
    recorded: list[DecisionEvent] = []
    monitor = _monitor(events, recorded)
    monitor.on_sightings([_Sighting(6.0, "a"), _Sighting(6.0, "b")])
    [decision] = [e for e in events if isinstance(e, DecisionEvent)]
    assert (decision.action, decision.stream_ts, decision.case_id) == ("review", 6.0, 1)
    assert [x["item"] for x in decision.evidence["links"]] == ["a", "b"]
    assert decision.reason.startswith("same place as a, 50 inliers; same place as b")
    assert recorded and recorded[0].matches == ()
    monitor.on_sightings([])
    assert len(recorded) == 1


def test_no_review_from_sightings_after_the_stream_was_terminated() -> None:
    events: list[StreamEvent] = []
    recorded: list[DecisionEvent] = []
    monitor = _monitor(events, recorded)
    monitor.terminated = True
    monitor.on_sightings([_Sighting(1.0, "a")])
    assert recorded == [] and events == []


class _SlowLinker:
    """Blocks on the first frame until released, then records what it is given."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.seen: list[float] = []

    def on_frame(self, rgb: np.ndarray, stream_ts: float) -> list[_Sighting]:
        self.started.set()
        self.release.wait(10)
        self.seen.append(stream_ts)
        return [_Sighting(stream_ts, "a")]


def test_a_live_feed_keeps_one_waiting_frame_and_skips_older_ones() -> None:
    linker = _SlowLinker()
    got: list[float] = []
    feed = LinkFeed(linker, lambda s: got.extend(x.stream_ts for x in s), print, background=True)
    frame = np.zeros((4, 4, 3), np.uint8)
    feed.submit(frame, 0.0)
    assert linker.started.wait(10)
    for ts in (1.0, 2.0, 3.0):  # arrive while the linker is busy with 0.0
        feed.submit(frame, ts)
    linker.release.set()
    feed.close(10)
    assert linker.seen == [0.0, 3.0]
    assert (feed.frames_offered, feed.frames_skipped) == (4, 2)
    assert got == [0.0, 3.0]


def test_a_failing_linker_is_reported_and_the_feed_goes_on() -> None:
    class Broken:
        def on_frame(self, rgb: np.ndarray, stream_ts: float) -> list[_Sighting]:
            raise RuntimeError("boom")

    errors: list[str] = []
    feed = LinkFeed(Broken(), lambda s: None, errors.append, background=False)
    feed.submit(np.zeros((4, 4, 3), np.uint8), 1.5)
    feed.submit(np.zeros((4, 4, 3), np.uint8), 3.5)
    assert len(errors) == 2 and "1.500 s" in errors[0] and "boom" in errors[0]


@pytest.fixture()
def served(setup: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``safeguard serve`` with ``SAFEGUARD_STREAMS_LINK_STORE`` set, on its own database
    with one (empty) blocking bank and a matcher key; streams may be server-side files."""
    from safeguard import banks
    from safeguard.access import keys
    from safeguard.service.testing import LiveServer, database_url, settings_for_tests

    db = open_database(f"sqlite:///{tmp_path / 'sg.db'}")
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("known", kind="block"), "test")
        _, key = keys.create_key(s, role="matcher", name="platform", actor="test")
    monkeypatch.setenv("SAFEGUARD_STREAMS_LINK_STORE", str(setup["store"]))
    monkeypatch.setenv("SAFEGUARD_STREAMS_ALLOW_FILES", "1")
    server = LiveServer(settings_for_tests(tmp_path, database_url(db)), db).start()
    try:
        yield db, server.url, key
    finally:
        server.stop()
        db.dispose()


def _settled(client: Any, stream: str) -> dict[str, Any]:
    import time

    state: dict[str, Any] = {}
    for _ in range(1200):
        state = client.get(f"/v1/streams/{stream}").json()
        if state.get("status") in ("ended", "failed", "stopped"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"stream {stream} never ended: {state}")


def test_the_service_links_a_registered_stream_to_the_store(
    setup: dict[str, Path], served: Any
) -> None:
    import httpx

    db, url, key = served
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}) as client:
        for name in ("known", "unknown"):
            r = client.post("/v1/streams", json={"id": name, "url": str(setup[name])})
            assert r.status_code == 201, r.text
        known, unknown = _settled(client, "known"), _settled(client, "unknown")
    assert known["status"] == "ended" and unknown["status"] == "ended", (known, unknown)
    with db.session() as s:
        rows = [c for c in cases.list_cases(s) if c.source.startswith("stream:")]
    assert [(c.source, c.action) for c in rows] == [("stream:known", "review")]
    links = rows[0].evidence["links"]
    assert {Path(x["path"]).name for x in links} <= {"coffee.png", "coffee-again.png"}
    assert all(x["kind"] == "place" and x["inliers"] >= 20 for x in links)


def test_a_service_whose_link_store_cannot_be_opened_does_not_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguard.errors import SafeguardError
    from safeguard.service.api.streams import make_registry

    monkeypatch.setenv("SAFEGUARD_STREAMS_LINK_STORE", str(tmp_path / "nowhere"))

    class _Runtime:
        db = None
        matcher = None

    with pytest.raises(SafeguardError):
        make_registry(_Runtime())  # type: ignore[arg-type]

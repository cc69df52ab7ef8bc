"""Videos enter linking by their keyframes."""

from __future__ import annotations

import itertools
from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from scenes import crop, lighting, perspective, png_bytes, scene

from safeguard.link.linking import build, groups
from safeguard.link.store import LinkStore
from safeguard.link.video import KeyframeOptions, keyframes
from safeguard.signals.errors import CorruptMedia


def _video(path: Path, stills: list[np.ndarray], seconds_each: float = 2.0, fps: int = 5) -> None:
    h, w = stills[0].shape[:2]
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = w - w % 2, h - h % 2
        stream.pix_fmt = "yuv420p"
        stream.gop_size = fps  # a keyframe a second
        for still in stills:
            frame_img = np.ascontiguousarray(still[: stream.height, : stream.width])
            for _ in range(int(seconds_each * fps)):
                for packet in stream.encode(av.VideoFrame.from_ndarray(frame_img, format="rgb24")):
                    out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def _views_of(name: str) -> list[np.ndarray]:
    img = scene(name)
    h, w = img.shape[:2]
    warped = perspective(img, 0.12, 3)[0]
    cropped = np.asarray(cv2.resize(crop(img, 0.7, 2), (w, h)), np.uint8)
    return [warped, cropped, lighting(img, 0.8, 1.3)]


def test_keyframes_are_sampled_with_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "v.mp4"
    _video(path, _views_of("coffee"))
    frames = list(keyframes(path))
    assert len(frames) >= 3
    assert frames[0].ts == pytest.approx(0.0)
    assert all(b.ts - a.ts >= 2.0 - 1e-6 for a, b in itertools.pairwise(frames))


def test_a_video_made_of_still_views_links_to_those_stills(tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    _video(media / "coffee.mp4", _views_of("coffee"))
    (media / "coffee.png").write_bytes(png_bytes(scene("coffee")))
    (media / "astronaut.png").write_bytes(png_bytes(scene("astronaut")))
    _video(media / "chelsea.mp4", _views_of("chelsea"))
    store = LinkStore.open(tmp_path / "links", create=True)
    summary = build(store, [media])
    assert summary.failed == 0
    place = [g for g in groups(store) if g.kind == "place"]
    assert len(place) == 1
    names = sorted(Path(store.items[m].path).name for m in place[0].members)
    assert names == ["coffee.mp4", "coffee.png"]
    video = next(i for i in store.items.values() if i.path.endswith("coffee.mp4"))
    assert video.kind == "video" and len(video.views) >= 3


def test_a_damaged_video_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100)
    with pytest.raises(CorruptMedia):
        list(keyframes(bad))


def test_a_live_stream_showing_a_stored_place_is_sighted_with_evidence(tmp_path: Path) -> None:
    from safeguard.link.live import LiveLinker

    media = tmp_path / "media"
    media.mkdir()
    for name in ("coffee", "astronaut", "chelsea"):
        (media / f"{name}.png").write_bytes(png_bytes(scene(name)))
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [media])
    stream = tmp_path / "stream.mp4"
    _video(stream, [scene("camera"), *_views_of("coffee")])
    linker = LiveLinker(LinkStore.open(tmp_path / "links"), every_s=1.0, cooldown_s=60.0)
    sightings = []
    for kf in keyframes(stream, KeyframeOptions(min_gap_s=0.5)):
        sightings += linker.on_frame(kf.rgb, kf.ts)
    # The first two seconds show another scene; coffee appears from 2 s, reported once.
    assert [Path(s.path).name for s in sightings] == ["coffee.png"]
    assert sightings[0].stream_ts >= 2.0
    assert "same place as" in sightings[0].reason and sightings[0].inliers >= 15

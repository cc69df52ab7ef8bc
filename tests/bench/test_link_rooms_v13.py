"""Generator v13 of the link benchmark: deterministic by seed, eleven views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places, a well-formed truth and a working dry run."""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v13 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    build_place,
    cracked_glass,
    fingertip,
    gif_frame,
    hdr_tonemap,
    high_camera,
    is_chain_hotel,
    is_distractor,
    is_office_pod,
    is_sleeper_cabin,
    kind_counts,
    lens_flare,
    make_pictures,
    place_kind,
    room_v13,
    squashed,
    steamed_lens,
    tilt_shift,
    toy_camera,
    vhs_frame,
    video_player,
    views_v13,
)

from bench import link_rooms_v13 as v13

W, H = 120, 90
ORDINARY = (0, 1, 2, 3, 4, 5, 7, 11, 13, 20, 42)  # every ordinary kind, two libraries
LOOK_ALIKES = (36, 37, 52, 53, 8, 9)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v13.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *LOOK_ALIKES)}


def _drawn(place: v13.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest(): k
        for k, t in place.textures().items()
        if float(t[:, :, :3].std()) > 2.0
    }


def _boxes(place: v13.Place) -> list[tuple[object, ...]]:
    return [
        (
            round(b.x, 6),
            round(b.z, 6),
            round(b.w, 6),
            b.soft,
            *(t.tobytes() for t in b.tex.values()),
        )
        for b in place.boxes
    ]


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v13(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v13(room_v13(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _detail(img: np.ndarray) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2GRAY).astype(np.float32)
    return float(cv2.Laplacian(grey, cv2.CV_32F).var())


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v13(7, W, H)
    assert np.array_equal(again, _original(7))
    assert views_v13(again, 7) == _views(7)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(7), _original(52))


def test_a_place_has_eleven_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(7)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 12
    for kind, data in views.items():
        magic = b"\x89PNG" if kind == "gif" else b"\xff\xd8\xff"
        assert data.startswith(magic), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    original = _original(7).astype(float)
    for kind, data in _views(7).items():
        assert np.abs(_decode(data).astype(float) - original).mean() > 5, kind


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["chain hotel room"] == 60
    assert counts["office pod"] == 20
    assert counts["sleeper cabin"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_chain_hotel(s), is_office_pod(s), is_sleeper_cabin(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "chain hotel room") == groups[0]
        assert (kind == "office pod") == groups[1]
        assert (kind == "sleeper cabin") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [8, 9, 36, 37, 38, 52, 53, 86, 87, 88]


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=52)  # one maker's two pods
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv13-00052", "roomv13-00053"]
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


def test_the_dry_run_writes_a_place_and_its_truth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["link_rooms_v13", "--rooms", "1", "--first", "8", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v13.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv13-00008"}
    assert all((tmp_path / name).exists() for name in truth)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v13.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)


def test_ordinary_places_share_no_drawn_surface(places: dict[int, v13.Place]) -> None:
    seen: dict[str, int] = {}
    for s in ORDINARY:
        assert not is_distractor(s)
        for digest in _drawn(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_rooms_of_one_hotel_chain_differ_only_in_their_own_things(
    places: dict[int, v13.Place],
) -> None:
    a, b = places[36], places[37]
    assert place_kind(36) == place_kind(37) == "chain hotel room"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    for name in ("back", "front", "floor", "ceiling"):
        assert np.array_equal(a.surfaces[name].tex, b.surfaces[name].tex), name
    differ = [
        n for n in ("left", "right") if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)
    ]
    assert len(differ) == 1  # the window's wall: the same street from another room
    assert _boxes(a) == _boxes(b)
    assert a.bedding is not None and b.bedding is not None
    assert np.array_equal(a.bedding, b.bedding)
    assert a.belongings and b.belongings
    own = {k: t for k, t in _drawn(a).items() if t.startswith("belonging")}
    assert own and not set(own) & set(_drawn(b))
    assert not set(_drawn(a)) & set(_drawn(places[0]))


def test_pods_of_one_maker_differ_only_in_their_own_things(places: dict[int, v13.Place]) -> None:
    a, b = places[52], places[53]
    assert place_kind(52) == place_kind(53) == "office pod"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    for name in ("back", "left", "right", "floor", "ceiling"):
        assert np.array_equal(a.surfaces[name].tex, b.surfaces[name].tex), name
    assert _boxes(a) == _boxes(b)
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)
    assert a.camera.pos.tolist() != b.camera.pos.tolist()


def test_sleeper_cabins_of_one_stock_differ_in_their_window_and_own_things(
    places: dict[int, v13.Place],
) -> None:
    a, b = places[8], places[9]
    assert place_kind(8) == place_kind(9) == "sleeper cabin"
    for name in ("left", "right", "front", "floor", "ceiling"):
        assert np.array_equal(a.surfaces[name].tex, b.surfaces[name].tex), name
    assert not np.array_equal(a.surfaces["back"].tex, b.surfaces["back"].tex)
    assert _boxes(a) == _boxes(b)
    assert len(a.belongings) != len(b.belongings) or any(
        (x.x, x.z) != (y.x, y.z) for x, y in zip(a.belongings, b.belongings, strict=True)
    )


def test_a_picture_not_made_here_is_hung_in_a_room_and_seen_the_same_ways() -> None:
    views = views_v13(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_a_high_camera_looks_down_from_above_eye_height(places: dict[int, v13.Place]) -> None:
    for s in (13, 8, 5):
        p = places[s]
        for i in range(3):
            cam = high_camera(p, np.random.default_rng(i))
            assert cam.pos[1] >= min(2.3, p.height - 0.15) - 1e-9
            assert -50 <= cam.pitch <= -22


def test_a_fingertip_covers_part_of_the_frame_in_a_skin_tone() -> None:
    white = np.full((H, W, 3), 250, np.uint8)
    for i in range(4):
        out = fingertip(white, np.random.default_rng(i)).astype(float)
        covered = np.abs(out - 250).max(axis=2) > 60
        assert 0.05 < covered.mean() < 0.5
        r, g, b = out[covered].mean(axis=0)
        assert r > g > b


def test_tilt_shift_keeps_one_band_sharp_and_blurs_the_top() -> None:
    img = _busy(4, 200, 150)
    out = tilt_shift(img, np.random.default_rng(5))
    grey = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY).astype(np.float32)
    rows = np.abs(cv2.Laplacian(grey, cv2.CV_32F)).mean(axis=1)
    assert rows.max() > 3 * rows[:15].mean()


def test_hdr_boosts_local_contrast() -> None:
    rng = np.random.default_rng(6)
    ramp = np.linspace(20, 230, W, dtype=np.float32)[None, :, None] * np.ones((H, 1, 3))
    img = np.clip(ramp + rng.normal(0, 4, (H, W, 1)), 0, 255).astype(np.uint8)
    out = hdr_tonemap(img, np.random.default_rng(7))

    def fine(x: np.ndarray) -> float:
        g = x.astype(np.float32).mean(axis=2)
        return float((g - cv2.GaussianBlur(g, (0, 0), 2.0)).std())

    assert fine(out) > 1.3 * fine(img)


def test_cracked_glass_draws_bright_cracks() -> None:
    grey = np.full((H, W, 3), 110, np.uint8)
    out = cracked_glass(grey, np.random.default_rng(8))
    bright = (out.mean(axis=2) > 170).mean()
    assert 0.003 < bright < 0.2


def test_a_steamed_lens_veils_and_softens() -> None:
    img = _busy(9)
    out = steamed_lens(img, np.random.default_rng(10)).astype(float)
    assert out.mean() > img.mean() + 20
    assert _detail(out.astype(np.uint8)) < 0.5 * _detail(img)


def test_a_tape_frame_has_its_fields_out_of_step() -> None:
    img = np.zeros((H, W, 3), np.uint8)
    img[:, W // 2 :] = 255
    out = vhs_frame(img, np.random.default_rng(11)).astype(float).mean(axis=2)
    rows = range(int(H * 0.2), int(H * 0.6))
    edge = [int(np.argmax(out[r] > 128)) for r in rows]
    even, odd = np.median(edge[0::2]), np.median(edge[1::2])
    assert abs(even - odd) >= 1


def test_a_gif_frame_has_a_small_palette() -> None:
    img = _busy(12)
    out = gif_frame(img, np.random.default_rng(13))
    assert out.shape == img.shape
    assert len(np.unique(out.reshape(-1, 3), axis=0)) <= 96


def test_a_lens_flare_blooms_at_the_light_and_lifts_the_darks() -> None:
    img = np.full((H, W, 3), 15, np.uint8)
    cv2.circle(img, (W // 4, H // 5), 4, (255, 255, 255), -1)
    out = lens_flare(img, np.random.default_rng(14)).astype(float)
    assert out[H // 5 - 2 : H // 5 + 3, W // 4 - 2 : W // 4 + 3].mean() > 230
    assert out[-10:, -10:].mean() > img[-10:, -10:].mean() + 5


def test_a_video_player_letterboxes_the_frame() -> None:
    frame = np.zeros((W * 9 // 16, W, 3), np.uint8)
    frame[:] = (200, 60, 60)
    out = video_player(frame, np.random.default_rng(15), W, H)
    assert out.shape == (H, W, 3)
    bar = (H - frame.shape[0]) // 2
    assert out[: bar - 1].max() < 10 and out[H - bar + 1 :].max() < 10
    middle = out[H // 2 - 5 : H // 2 + 5]
    assert ((middle[:, :, 0] > 150) & (middle[:, :, 1] < 100)).mean() > 0.6


def test_a_toy_camera_darkens_its_corners_and_splits_colours_at_the_edges() -> None:
    w, h = 400, 300
    img = np.zeros((h, w, 3), np.uint8)
    img[:, int(w * 0.85) : int(w * 0.85) + 3] = 255
    img[h // 2 - 20 : h // 2 + 20, w // 2 - 20 : w // 2 + 20] = 255
    out = toy_camera(img, np.random.default_rng(16)).astype(float)
    row = out[h // 2 - 40 : h // 2 + 40, int(w * 0.7) :].mean(axis=0)
    assert abs(int(np.argmax(row[:, 0])) - int(np.argmax(row[:, 2]))) >= 1
    white = toy_camera(np.full((h, w, 3), 200, np.uint8), np.random.default_rng(17)).astype(float)
    assert (
        white[:20, :20].mean()
        < 0.8 * white[h // 2 - 10 : h // 2 + 10, w // 2 - 10 : w // 2 + 10].mean()
    )


def test_a_squashed_picture_is_squeezed_from_a_wider_or_taller_frame(
    places: dict[int, v13.Place], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[int, int]] = []

    def circle(planes: object, cam: object, w: int, h: int) -> np.ndarray:
        asked.append((w, h))
        img = np.zeros((h, w, 3), np.uint8)
        cv2.circle(img, (w // 2, h // 2), min(w, h) // 3, (255, 255, 255), -1)
        return img

    monkeypatch.setattr(v13, "render", circle)
    for i in range(6):
        out = squashed(places[7], np.random.default_rng(i), W, H)
        assert out.shape == (H, W, 3)
        ys, xs = np.nonzero(out.mean(axis=2) > 128)
        aspect = (xs.max() - xs.min()) / (ys.max() - ys.min())
        rw, rh = asked[-1]
        assert 1.2 < (rw / W) * (H / rh) < 1.5 or 1.2 < (rh / H) * (W / rw) < 1.5
        assert aspect < 0.85 or aspect > 1.15

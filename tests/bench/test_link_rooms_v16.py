"""Generator v16 of the link benchmark: deterministic by seed, twelve views a place that
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
from bench.link_rooms_v16 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    _mirror_spot,
    build_place,
    corner_camera,
    crossfade,
    expired_film,
    flatbed_scan,
    is_distractor,
    is_holiday_chalet,
    is_meeting_room,
    is_storage_unit,
    kind_counts,
    make_pictures,
    moved,
    night_vision,
    on_laptop,
    pet_cam,
    pet_camera,
    photo_grid,
    place_kind,
    power_cut,
    quad_split,
    room_v16,
    upscaled,
    views_v16,
    zoom_crop,
)

from bench import link_rooms_v16 as v16

W, H = 120, 90
ORDINARY = (0, 1, 2, 4, 5, 6, 9, 39, 3, 15)  # every ordinary kind, two server rooms, two boathouses
LOOK_ALIKES = (16, 17, 27, 28, 52, 53)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v16.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *LOOK_ALIKES)}


def _drawn(place: v16.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest(): k
        for k, t in place.textures().items()
        if float(t[:, :, :3].std()) > 2.0
    }


def _boxes(place: v16.Place) -> list[tuple[object, ...]]:
    return [
        (
            round(b.x, 6),
            round(b.z, 6),
            round(b.w, 6),
            round(b.h, 6),
            b.soft,
            *(t.tobytes() for t in b.tex.values()),
        )
        for b in place.boxes
    ]


def _differing(a: v16.Place, b: v16.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v16(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v16(room_v16(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _sharpness(img: np.ndarray) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2GRAY).astype(np.float32)
    return float(np.abs(cv2.Laplacian(grey, cv2.CV_32F)).mean())


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v16(9, W, H)
    assert np.array_equal(again, _original(9))
    assert views_v16(again, 9) == _views(9)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(9), _original(27))
    assert _views(9)["expiredfilm"] != views_v16(room_v16(9, W, H), 10)["expiredfilm"]


def test_a_place_has_twelve_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(9)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        assert data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    for seed in (9, 27):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["meeting room"] == 60
    assert counts["storage unit"] == 20
    assert counts["holiday chalet"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_meeting_room(s), is_storage_unit(s), is_holiday_chalet(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "meeting room") == groups[0]
        assert (kind == "storage unit") == groups[1]
        assert (kind == "holiday chalet") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [16, 17, 18, 27, 28, 52, 53, 66, 67, 68]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=27)  # one building's two storage units
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv16-00027", "roomv16-00028"]
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
    argv = ["link_rooms_v16", "--rooms", "1", "--first", "52", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v16.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv16-00052"}
    assert all((tmp_path / name).exists() for name in truth)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v16.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)


def test_ordinary_places_share_no_drawn_surface(places: dict[int, v16.Place]) -> None:
    seen: dict[str, int] = {}
    for s in ORDINARY:
        assert not is_distractor(s)
        for digest in _drawn(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v16.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in ORDINARY))
    for s in LOOK_ALIKES:
        assert not set(_drawn(places[s])) & ordinary, s


def test_meeting_rooms_of_one_centre_differ_in_screen_whiteboard_and_windows(
    places: dict[int, v16.Place],
) -> None:
    a, b = places[16], places[17]
    assert place_kind(16) == place_kind(17) == "meeting room"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    differ = _differing(a, b)
    assert "back" in differ  # what the screen shows
    assert differ <= {"back", "left", "right"}  # and the whiteboard and the windows
    assert _boxes(a) == _boxes(b)  # the centre's furniture
    own = {k: t for k, t in _drawn(a).items() if t.startswith("belonging")}
    assert own and not set(own) & set(_drawn(b))


def test_storage_units_of_one_building_differ_only_in_what_is_stored(
    places: dict[int, v16.Place],
) -> None:
    a, b = places[27], places[28]
    assert place_kind(27) == place_kind(28) == "storage unit"
    assert not _differing(a, b)
    assert _boxes(a) == _boxes(b)
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)
    assert a.surfaces["back"].lit is not None and b.surfaces["back"].lit is not None
    assert not np.array_equal(a.surfaces["back"].lit, b.surfaces["back"].lit)  # own light


def test_chalets_of_one_park_differ_only_in_windows_and_pictures(
    places: dict[int, v16.Place],
) -> None:
    a, b = places[52], places[53]
    assert place_kind(52) == place_kind(53) == "holiday chalet"
    differ = _differing(a, b)
    assert "back" in differ  # what the windows show
    assert differ <= {"back", "left", "right", "front"}  # and the guest's pictures
    assert _boxes(a) == _boxes(b)
    assert a.camera.pos.tolist() != b.camera.pos.tolist()


def test_look_alikes_of_another_centre_are_built_from_another_template() -> None:
    assert place_kind(66) == "meeting room"
    a, b = build_place(16), build_place(66)
    assert _differing(a, b) >= {"floor", "ceiling"}


def test_a_server_rooms_camera_stands_in_its_aisle(places: dict[int, v16.Place]) -> None:
    for s in (0, 3):
        p = places[s]
        x = float(p.camera.pos[0])
        racks = [b for b in p.boxes if b.h == 2.0]
        assert racks
        assert min(abs(b.x - x) - b.w / 2 for b in racks) > 0.2, s


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v16(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_a_laptop_screen_adds_moire_and_a_bezel() -> None:
    grey = np.full((H, W, 3), 128, np.uint8)
    out = on_laptop(grey, np.random.default_rng(1)).astype(float)
    middle = out[H // 2 - 8 : H // 2 + 8, W // 2 - 10 : W // 2 + 10]
    assert middle.std() > 4  # stripes and interference on a flat picture
    assert (out.max(axis=2) < 40).mean() > 0.02  # the black bezel


def test_a_photo_grid_has_a_gutter_from_top_to_bottom(places: dict[int, v16.Place]) -> None:
    for i in range(3):
        out = photo_grid(places[9], np.random.default_rng(i), 160, 120).astype(int)
        flat = [x for x in range(5, 155) if np.ptp(out[:, x], axis=0).max() == 0]
        assert flat, i


def test_expired_film_darkens_the_corners() -> None:
    img = np.full((H, W, 3), 150, np.uint8)
    for i in range(3):
        out = expired_film(img, np.random.default_rng(i)).astype(float)
        centre = out[H // 3 : 2 * H // 3, W // 3 : 2 * W // 3].mean()
        corners = [
            out[:6, :6].mean(),
            out[:6, -6:].mean(),
            out[-6:, :6].mean(),
            out[-6:, -6:].mean(),
        ]
        assert min(corners) < 0.8 * centre


def test_a_quad_split_shows_four_feeds_between_black_lines(places: dict[int, v16.Place]) -> None:
    out = quad_split(places[5], np.random.default_rng(2), 160, 120)
    assert out.shape == (120, 160, 3)
    assert out[59:61].max() == 0 and out[20:, 79:81].max() == 0  # the time over the top
    p = places[5]
    for back in (False, True):
        cam = corner_camera(p, np.random.default_rng(3), 1.0, back)
        assert float(cam.pos[1]) > p.height - 0.8 and cam.pitch < -5
        assert (abs(cam.yaw) > 90) == back  # back corners look to the front


def test_a_pet_camera_is_low_and_looks_up(places: dict[int, v16.Place]) -> None:
    for s in (1, 52):
        p = places[s]
        for i in range(5):
            cam = pet_camera(p, np.random.default_rng(i))
            assert float(cam.pos[1]) < 0.65 and cam.pitch > 0 and cam.hfov >= 110
    assert pet_cam(places[1], np.random.default_rng(4), 160, 120).shape == (120, 160, 3)


def test_night_vision_is_one_colour_and_brightest_in_the_middle() -> None:
    img = np.full((H, W, 3), 120, np.uint8)
    img[:, :, 2] = 30
    out = night_vision(img, np.random.default_rng(5)).astype(float)
    assert np.abs(out[:, :, 0] - out[:, :, 2]).mean() < 3  # grey or green: red = blue
    centre = out[H // 3 : 2 * H // 3, W // 3 : 2 * W // 3].mean()
    assert out[:8, :8].mean() < 0.7 * centre


def test_an_upscaled_thumbnail_loses_detail() -> None:
    img = _busy(5, 200, 150)
    out = upscaled(img, np.random.default_rng(3))
    assert out.shape == img.shape
    assert _sharpness(out) < 0.6 * _sharpness(img)


def test_a_zoomed_crop_takes_the_busiest_part() -> None:
    img = np.full((H, W, 3), 128, np.uint8)
    blocks = np.random.default_rng(6).integers(0, 256, (H // 8, W // 8, 3)).astype(np.uint8)
    busy = cv2.resize(blocks, (W, H), interpolation=cv2.INTER_NEAREST)
    img[: H // 2, W // 2 :] = busy[: H // 2, W // 2 :]  # the top right is busy
    for i in range(3):
        out = zoom_crop(img, np.random.default_rng(i))
        assert out.shape == img.shape
        assert (np.abs(out.astype(int) - 128).max(axis=2) > 20).mean() > 0.5, i


def test_a_mirror_hangs_on_a_side_wall_clear_of_things(places: dict[int, v16.Place]) -> None:
    for s in (6, 9, 16):
        p = places[s]
        side, zm, y0 = _mirror_spot(p, np.random.default_rng(s), 0.7, 1.1)
        assert side in (-1.0, 1.0) and 0 < zm < p.depth and y0 + 1.1 < p.height


def test_a_power_cut_is_dark_but_for_the_torch() -> None:
    img = np.full((H, W, 3), 180, np.uint8)
    out = power_cut(img, np.random.default_rng(8)).astype(float)
    assert out.mean() < 0.75 * 180
    grey = cv2.GaussianBlur(out.mean(axis=2), (0, 0), 4)
    assert grey.max() > 2 * grey.min()  # a spot of light


def test_a_flatbed_scan_puts_a_bordered_print_on_the_lid() -> None:
    dark = np.full((H, W, 3), 30, np.uint8)
    for i in range(3):
        out = flatbed_scan(dark, np.random.default_rng(i))
        assert 0.45 < (out.max(axis=2) < 80).mean() < 0.8  # the print
        assert (out.min(axis=2) > 200).mean() > 0.1  # the lid and the white border


def test_a_crossfade_blends_two_shots_over_a_progress_bar(places: dict[int, v16.Place]) -> None:
    out = crossfade(places[4], np.random.default_rng(9), 160, 120)
    assert out.shape == (120, 160, 3)
    assert (out[-2:, :3] > 200).all()  # the bar starts at the left


def test_moved_cameras_stay_inside_the_place(places: dict[int, v16.Place]) -> None:
    for s in (27, 52, 2):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 0.6, 25).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth

"""Generator v17 of the link benchmark: deterministic by seed, twelve views a place that
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
from bench.link_rooms_v17 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    anaglyph,
    build_place,
    drone_camera,
    equirect,
    film_negative,
    fpv_drone,
    ground,
    is_artists_studio,
    is_beach_hut,
    is_consulting_room,
    is_distractor,
    jigsaw,
    kind_counts,
    magazine,
    make_pictures,
    moved,
    pencil,
    photocopy,
    place_kind,
    projected,
    robot_vacuum,
    room_v17,
    spherical_station,
    thermal,
    tour_camera,
    vacuum_camera,
    views_v17,
    virtual_tour,
)

from bench import link_rooms_v17 as v17

W, H = 120, 90
# every ordinary kind, two cinemas (their steps), two hardware stores (their aisles)
ORDINARY = (0, 1, 3, 4, 5, 10, 11, 12, 15, 13)
LOOK_ALIKES = (7, 8, 41, 42, 23, 24)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v17.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *LOOK_ALIKES)}


def _drawn(place: v17.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest(): k
        for k, t in place.textures().items()
        if float(t[:, :, :3].std()) > 2.0
    }


def _boxes(place: v17.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v17.Place, b: v17.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v17(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v17(room_v17(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v17(5, W, H)
    assert np.array_equal(again, _original(5))
    assert views_v17(again, 5) == _views(5)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(5), _original(41))
    assert _views(5)["pencil"] != views_v17(room_v17(5, W, H), 6)["pencil"]


def test_a_place_has_twelve_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(5)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        assert data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    for seed in (5, 41):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["consulting room"] == 60
    assert counts["beach hut"] == 20
    assert counts["artist's studio"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_consulting_room(s), is_beach_hut(s), is_artists_studio(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "consulting room") == groups[0]
        assert (kind == "beach hut") == groups[1]
        assert (kind == "artist's studio") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [7, 8, 9, 23, 24, 41, 42, 57, 58, 59]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=41)  # one promenade's two beach huts
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv17-00041", "roomv17-00042"]
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
    argv = ["link_rooms_v17", "--rooms", "1", "--first", "23", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v17.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv17-00023"}
    assert all((tmp_path / name).exists() for name in truth)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v17.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)


def test_ordinary_places_share_no_drawn_surface(places: dict[int, v17.Place]) -> None:
    seen: dict[str, int] = {}
    for s in ORDINARY:
        assert not is_distractor(s)
        for digest in _drawn(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v17.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in ORDINARY))
    for s in LOOK_ALIKES:
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v17.Place, b: v17.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_consulting_rooms_of_one_clinic_differ_in_window_screen_notes_and_pictures(
    places: dict[int, v17.Place],
) -> None:
    a, b = places[7], places[8]
    assert place_kind(7) == place_kind(8) == "consulting room"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    differ = _differing(a, b)
    assert "back" in differ  # the notes on the noticeboard
    assert differ <= {"back", "left", "right", "front"}  # and the window and pictures
    assert _boxes(a) == _boxes(b)  # the clinic's furniture
    _own_things_differ(a, b)


def test_beach_huts_of_one_promenade_differ_only_in_what_is_their_own(
    places: dict[int, v17.Place],
) -> None:
    a, b = places[41], places[42]
    assert place_kind(41) == place_kind(42) == "beach hut"
    differ = _differing(a, b)
    assert "back" in differ  # what the window shows
    assert differ <= {"back", "left", "right"}  # and bunting and pictures
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    assert a.camera.pos.tolist() != b.camera.pos.tolist()


def test_artists_studios_of_one_mill_differ_only_in_what_is_their_own(
    places: dict[int, v17.Place],
) -> None:
    a, b = places[23], places[24]
    assert place_kind(23) == place_kind(24) == "artist's studio"
    assert _differing(a, b) <= {"back", "left", "right"}  # windows' views and pictures
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    assert a.surfaces["floor"].lit is not None and b.surfaces["floor"].lit is not None
    assert not np.array_equal(a.surfaces["floor"].lit, b.surfaces["floor"].lit)  # own light


def test_look_alikes_of_another_clinic_are_built_from_another_template() -> None:
    assert place_kind(57) == "consulting room"
    a, b = build_place(7), build_place(57)
    assert _differing(a, b) >= {"floor", "ceiling"}


def test_a_hardware_stores_camera_stands_in_an_aisle(places: dict[int, v17.Place]) -> None:
    for s in (10, 13):
        p = places[s]
        x = float(p.camera.pos[0])
        gondolas = [
            b
            for b in p.boxes
            if 2.0 < b.z < p.depth - 1.0 and b.y0 == 0 and abs(b.x) < p.width / 2 - 1
        ]
        assert gondolas
        assert min(abs(b.x - x) - b.w / 2 for b in gondolas) > 0.2, s


def test_a_cinemas_rows_step_up_to_where_its_camera_stands(places: dict[int, v17.Place]) -> None:
    for s in (4, 15):
        p = places[s]
        steps = sorted(p.floors, key=lambda b: b.z)
        assert len(steps) >= 3
        tops = [b.y0 + b.h for b in steps]
        assert tops == sorted(tops, reverse=True)  # higher nearer the camera (the front)
        x, y, z = (float(v) for v in p.camera.pos)
        assert ground(p, x, z) == pytest.approx(tops[0])
        assert 1.4 < y - tops[0] < 1.8


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v17(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_an_equirectangular_photo_wraps_round_between_dark_bars(
    places: dict[int, v17.Place],
) -> None:
    out = equirect(places[5], np.random.default_rng(1), 160, 120).astype(float)
    assert out[:18, 40:].max() < 40 and out[-18:].max() < 40  # 160 x 80 between 20 px bars
    body = out[25:75]  # away from the poles
    seam = np.abs(body[:, 0] - body[:, -1]).mean()  # the left edge meets the right edge
    apart = np.abs(body[:, 0] - body[:, 80]).mean()
    assert seam < 0.5 * apart


def test_a_spherical_camera_stands_clear_in_the_middle(places: dict[int, v17.Place]) -> None:
    for s in (1, 5, 12):
        p = places[s]
        pos = spherical_station(p, np.random.default_rng(s))
        assert v17._free(p, pos, 0.3, standing=True) or pos.tolist() == p.camera.pos.tolist()


def test_an_anaglyph_takes_red_and_cyan_from_two_eyes(places: dict[int, v17.Place]) -> None:
    out = anaglyph(places[12], np.random.default_rng(2), 160, 120).astype(np.float32)
    red, green = out[:, :, 0], out[:, :, 1]
    gx_r = cv2.Sobel(red, cv2.CV_32F, 1, 0)
    gx_g = cv2.Sobel(green, cv2.CV_32F, 1, 0)
    corr = float(np.corrcoef(gx_r.ravel(), gx_g.ravel())[0, 1])
    assert corr < 0.95  # the edges of the two eyes do not line up everywhere


def test_an_fpv_drone_flies_high_banked_and_wide(places: dict[int, v17.Place]) -> None:
    for s in (3, 10, 41):
        p = places[s]
        cam = drone_camera(p, np.random.default_rng(s))
        x, y, z = (float(v) for v in cam.pos)
        assert y - ground(p, x, z) > 1.2 and y <= p.height - 0.35 + 1e-9
        assert abs(cam.roll) >= 8 and cam.pitch <= -10
        assert cam.hfov >= 115
    assert fpv_drone(places[3], np.random.default_rng(4), 160, 120).shape == (120, 160, 3)


def test_a_robot_vacuum_looks_up_from_the_floor_over_its_bumper(
    places: dict[int, v17.Place],
) -> None:
    for s in (4, 5, 42):
        p = places[s]
        for i in range(4):
            cam = vacuum_camera(p, np.random.default_rng(i))
            x, y, z = (float(v) for v in cam.pos)
            assert y - ground(p, x, z) <= 0.12 + 1e-9 and cam.pitch > 0
    out = robot_vacuum(places[5], np.random.default_rng(3), 160, 120)
    assert out[-2:, 60:100].max() < 60  # the bumper


def test_a_virtual_tour_stands_further_in_under_its_card(places: dict[int, v17.Place]) -> None:
    for s in (1, 5, 11):
        p = places[s]
        cam = tour_camera(p, np.random.default_rng(s))
        assert float(cam.pos[2]) > float(p.camera.pos[2]) + 0.3
    out = virtual_tour(places[1], np.random.default_rng(6), 160, 120)
    assert (out[8:20, 8:50].min(axis=2) > 200).mean() > 0.5  # the white card


def test_a_thermal_picture_has_its_scale_bar() -> None:
    for i in range(3):
        out = thermal(_busy(i, 160, 120), np.random.default_rng(i)).astype(int)
        top, bottom = out[26, 155], out[94, 155]  # the bar 8 px at 400 wide, 16 px in
        assert np.abs(top - bottom).max() > 60, i  # hot at the top, cold at the bottom


def test_a_film_negative_lies_orange_on_a_light_box(places: dict[int, v17.Place]) -> None:
    out = film_negative(places[1], np.random.default_rng(7), 160, 120).astype(int)
    orange = (out[:, :, 0] > out[:, :, 1] + 20) & (out[:, :, 1] > out[:, :, 2] + 10)
    assert orange.mean() > 0.1
    assert (out.min(axis=2) > 215).mean() > 0.05  # the light box and the sprocket holes


def test_a_photocopy_is_grey_on_white_paper() -> None:
    out = photocopy(_busy(2), np.random.default_rng(1)).astype(int)
    assert (out[:, :, 0] == out[:, :, 1]).all() and (out[:, :, 1] == out[:, :, 2]).all()
    assert (out[:, :, 0] > 225).mean() > 0.1


def test_a_jigsaw_cuts_the_picture_into_pieces() -> None:
    grey = np.full((H, W, 3), 200, np.uint8)
    out = jigsaw(grey, np.random.default_rng(3)).astype(float)
    middle = out[15:75, 20:100].mean(axis=2)
    assert 0.02 < (middle < 140).mean() < 0.5  # the cuts (and a missing piece)


def test_a_projection_is_bright_in_a_dark_room() -> None:
    img = np.full((H, W, 3), 200, np.uint8)
    for i in range(3):
        out = projected(img, np.random.default_rng(i)).astype(float)
        corners = [out[:6, :6].mean(), out[:6, -6:].mean()]
        assert max(corners) < 60 and out[30:50, 50:70].mean() > 120, i


def test_a_pencil_sketch_is_mostly_paper_with_dark_lines() -> None:
    out = pencil(_busy(4, 160, 120), np.random.default_rng(2)).astype(float)
    grey = out.mean(axis=2)
    assert np.median(grey) > 170 and (grey < 100).mean() > 0.01


def test_a_magazine_spread_has_a_shadowed_fold() -> None:
    img = np.full((120, 160, 3), 210, np.uint8)
    for i in range(3):
        out = magazine(img, np.random.default_rng(i)).astype(float)
        cols = out[20:70].mean(axis=(0, 2))
        assert cols[60:100].min() < 0.8 * np.median(cols[20:140]), i


def test_moved_cameras_stay_inside_the_place(places: dict[int, v17.Place]) -> None:
    for s in (41, 7, 4):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 0.6, 25).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth

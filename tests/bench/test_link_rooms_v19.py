"""Generator v19 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v19, a well-formed truth and a working dry run."""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v19 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    build_place,
    cross_stitch,
    crt,
    eink,
    front_camera,
    is_distractor,
    is_golf_bay,
    is_metro_platform,
    is_squash_court,
    kaleidoscope,
    kind_counts,
    ladder_station,
    make_pictures,
    moved,
    party_lights,
    pixel_sort,
    place_kind,
    receipt,
    room_v19,
    sodium,
    split_screen,
    step_ladder,
    through_ball,
    views_v19,
    watch_face,
)

from bench import link_rooms_v19 as v19

W, H = 120, 90
# one of each ordinary kind: optician, dry cleaner, pet shop, chip shop, ticket hall, ice
# cream parlour, phone shop, shoe shop; then a second of each, in the same order
ORDINARY = (22, 11, 6, 1, 15, 4, 19, 0)
SECOND = (30, 27, 17, 2, 20, 12, 31, 3)
LOOK_ALIKES = (7, 8, 23, 24, 41, 42)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v19.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v19.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v19.Place) -> set[str]:
    """The digests of what a place has drawn of its own (its kind's models left out)."""
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v19.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v19.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v19.Place, b: v19.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v19(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v19(room_v19(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _flat(colour: tuple[int, int, int], w: int = 160, h: int = 120) -> np.ndarray:
    return np.full((h, w, 3), colour, np.uint8)


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v19(6, W, H)
    assert np.array_equal(again, _original(6))
    assert views_v19(again, 6) == _views(6)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(6), _original(15))
    assert _views(6)["partylights"] != views_v19(room_v19(6, W, H), 7)["partylights"]


def test_a_place_has_twelve_views_of_the_documented_kinds_formats_and_sizes() -> None:
    views = _views(6)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        png = data.startswith(b"\x89PNG")
        assert png == (kind in PNG_VIEWS), kind
        assert png or data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    for seed in (6, 15):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(6), _views(15)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["metro platform"] == 60
    assert counts["squash court"] == 20
    assert counts["golf simulator bay"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_metro_platform(s), is_squash_court(s), is_golf_bay(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "metro platform") == groups[0]
        assert (kind == "squash court") == groups[1]
        assert (kind == "golf simulator bay") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [7, 8, 9, 23, 24, 41, 42, 57, 58, 59]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v19() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 19):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=23)  # one club's two courts
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv19-00023", "roomv19-00024"]
    for name, label in truth.items():
        assert name.startswith(label + "__")
        kind, suffix = name.split("__")[1].split(".")
        assert kind in ("original", *VIEW_KINDS)
        assert suffix == ("png" if kind in ("original", *PNG_VIEWS) else "jpg"), name
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
    argv = ["link_rooms_v19", "--rooms", "1", "--first", "41", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v19.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv19-00041"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v19_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v19).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_000_000_000 <= s < 1_010_000_000 for s in seeds)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v19.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v19.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v19.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v19.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_every_gate_of_a_ticket_hall_is_the_same_model(places: dict[int, v19.Place]) -> None:
    tops = set()
    for s in (15, 20):
        p = places[s]
        gates = [p.boxes[i] for i in p.models if p.boxes[i].w == 0.3 and p.boxes[i].h == 1.0]
        assert len(gates) >= 5, s
        tops |= {_digest(g.tex["top"]) for g in gates}
    assert len(tops) == 1


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v19.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v19.Place, b: v19.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_platforms_of_one_line_differ_in_names_posters_and_indicator(
    places: dict[int, v19.Place],
) -> None:
    a, b = places[7], places[8]
    assert place_kind(7) == place_kind(8) == "metro platform"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert _differing(a, b) == {"back"}  # the station's names and posters
    differ = [i for i, (x, y) in enumerate(zip(_boxes(a), _boxes(b), strict=True)) if x != y]
    assert len(differ) == 1  # the indicator: what it shows
    _own_things_differ(a, b)


def test_squash_courts_of_one_club_differ_only_in_what_is_their_own(
    places: dict[int, v19.Place],
) -> None:
    a, b = places[23], places[24]
    assert place_kind(23) == place_kind(24) == "squash court"
    assert (a.width, a.depth) == (b.width, b.depth) == (6.4, 9.75)
    assert _differing(a, b) <= {"back", "left", "right", "floor"}  # marks, scuffs, number
    assert "back" in _differing(a, b)
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)


def test_golf_bays_of_one_venue_differ_only_in_what_is_their_own(
    places: dict[int, v19.Place],
) -> None:
    a, b = places[41], places[42]
    assert place_kind(41) == place_kind(42) == "golf simulator bay"
    assert "back" in _differing(a, b)  # the course on the screen
    assert _differing(a, b) <= {"back", "left", "right"}  # scoreboard, the bay's number
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    assert a.surfaces["floor"].lit is not None and b.surfaces["floor"].lit is not None
    assert not np.array_equal(a.surfaces["floor"].lit, b.surfaces["floor"].lit)  # own light


def test_look_alikes_of_another_line_are_built_from_another_template() -> None:
    assert place_kind(57) == "metro platform"
    a, b = build_place(7), build_place(57)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"floor", "ceiling", "left", "right"}


def test_nothing_loose_lies_on_a_platforms_track(places: dict[int, v19.Place]) -> None:
    for s in (7, 8):
        p = places[s]
        assert p.walk < p.depth - 2.5
        loose = p.belongings + v19._day_things(p, np.random.default_rng(s))
        assert all(b.z < p.walk for b in loose), s


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v19(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- cameras ----------------------------------------------------------------------------------


def test_moved_cameras_stay_inside_the_place(places: dict[int, v19.Place]) -> None:
    for s in (7, 23, 41, 15, 0):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.walk, s


def test_a_front_camera_stands_at_the_front_wall_looking_in(
    places: dict[int, v19.Place],
) -> None:
    for s in (6, 11, 19, 23):
        p = places[s]
        for i in range(5):
            cam = front_camera(p, np.random.default_rng(i))
            z = float(cam.pos[2])
            assert z <= 0.3 or cam.pos.tolist() == p.camera.pos.tolist(), s
            assert abs(cam.yaw) <= 12 and -10 <= cam.pitch <= -2


def test_a_ladder_station_is_high_and_on_the_floor_one_can_stand_on(
    places: dict[int, v19.Place],
) -> None:
    for s in (0, 7, 15, 41):
        p = places[s]
        for i in range(4):
            pos, side = ladder_station(p, np.random.default_rng(i))
            assert 1.9 <= float(pos[1]) <= p.height - 0.25, s
            assert float(pos[2]) < p.walk and side in (-1.0, 1.0), s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_receipt_prints_the_picture_in_grey_on_a_narrow_strip() -> None:
    for i in range(3):
        out = receipt(_busy(i, 160, 120), np.random.default_rng(i)).astype(int)
        strip = out[36:84, 76:84]
        assert ((strip.max(axis=2) - strip.min(axis=2)) < 25).mean() > 0.95, i  # thermal grey


def test_an_eink_screen_is_grey_and_low_in_contrast() -> None:
    img = _busy(4, 160, 120)
    for i in range(3):
        out = eink(img, np.random.default_rng(i)).astype(int)
        screen = out[45:75, 60:100]
        assert ((screen.max(axis=2) - screen.min(axis=2)) < 22).mean() > 0.95, i
        assert screen.min() > 25 and screen.max() < 250, i


def test_a_crt_draws_scanlines_across_the_tube() -> None:
    grey = _flat((160, 160, 160))
    for i in range(3):
        out = crt(grey, np.random.default_rng(i)).astype(float).mean(axis=2)[45:75, 60:100]
        assert out.mean(axis=1).std() > 4 * out.mean(axis=0).std(), i


def test_a_cross_stitch_shows_its_colour_in_stitches_over_cloth() -> None:
    blue = _flat((30, 60, 200))
    for i in range(3):
        out = cross_stitch(blue, np.random.default_rng(i)).astype(int)[30:50, 40:120]
        bluish = out[:, :, 2] - out[:, :, 0] > 60
        assert 0.25 < bluish.mean() < 0.95, (i, bluish.mean())  # stitches, the cloth between


def test_a_glass_ball_shows_the_room_upside_down() -> None:
    back = np.full((120, 160, 3), 100, np.float32)
    inner = np.zeros((80, 80, 3), np.float32)
    inner[:40] = 240  # bright above, dark below
    out = through_ball(back, inner, 80.0, 60.0, 40.0, np.radians(50))
    assert out[45:55, 75:85].mean() < 60  # above the middle: what was below
    assert out[65:75, 75:85].mean() > 180  # below the middle: what was above
    assert abs(float(out[5, 5].mean()) - 100) < 1  # outside the ball: the room behind


def test_pixel_sort_sorts_runs_in_bands_and_leaves_the_rest() -> None:
    img = _busy(5, 160, 120)
    for i in range(6):
        out = pixel_sort(img, np.random.default_rng(i))
        rows = (out != img).any(axis=(1, 2))
        cols = (out != img).any(axis=(0, 2))
        lines, axis = (rows, 0) if rows.mean() < cols.mean() else (cols, 1)
        assert 0.1 < lines.mean() < 0.6, (i, lines.mean())
        for k in np.flatnonzero(lines)[:10]:
            a = np.take(img, k, axis=axis).reshape(-1, 3)
            b = np.take(out, k, axis=axis).reshape(-1, 3)
            assert sorted(map(tuple, a)) == sorted(map(tuple, b))  # the same pixels


def test_a_kaleidoscope_is_mirrored_about_the_middle_row() -> None:
    img = _busy(6, 160, 120)
    for i in range(4):
        out = kaleidoscope(img, np.random.default_rng(i)).astype(float)
        assert np.abs(out[1:] - out[1:][::-1]).mean() < 3, i
        assert out.std() > 20 and np.abs(out - img.astype(float)).mean() > 10, i  # not as it was


def test_a_watch_face_shows_the_picture_small_on_a_desk() -> None:
    green = _flat((40, 200, 60))
    for i in range(4):
        out = watch_face(green, np.random.default_rng(i)).astype(int)
        centre = out[55:65, 75:85].reshape(-1, 3)
        assert (centre[:, 1] - centre[:, 0] > 80).mean() > 0.3, i  # on the face
        corner = out[:12, :12].reshape(-1, 3)
        assert (corner[:, 1] - corner[:, 0] > 80).mean() < 0.05, i  # the desk


def test_a_split_screen_shows_the_picture_at_one_panes_width() -> None:
    red = _flat((210, 30, 30))
    for i in range(4):
        out = split_screen(red, np.random.default_rng(i)).astype(int)
        row = out[45]  # above a map's pin
        is_red = (row[:, 0] > 180) & (row[:, 1] < 70)
        assert 0.5 * 160 <= is_red.sum() <= 0.63 * 160, (i, int(is_red.sum()))


def test_party_lights_dim_the_room_and_colour_it() -> None:
    grey = _flat((170, 170, 170))
    for i in range(3):
        out = party_lights(grey, np.random.default_rng(i)).astype(float)
        assert out.mean() < 140, i
        assert ((out.max(axis=2) - out.min(axis=2)) > 60).mean() > 0.05, i


def test_sodium_light_has_one_orange_colour(places: dict[int, v19.Place]) -> None:
    out = sodium(places[22], np.random.default_rng(0), 160, 120).astype(float)
    lit = out[out[:, :, 0] > 60]
    assert len(lit) > 50
    assert 0.45 < float(np.median(lit[:, 1] / lit[:, 0])) < 0.8
    assert float(np.median(lit[:, 2] / lit[:, 0])) < 0.35


def test_a_step_ladders_top_is_at_the_foot_of_the_frame(places: dict[int, v19.Place]) -> None:
    for s in (0, 15):
        out = step_ladder(places[s], np.random.default_rng(s), 160, 120).astype(float)
        foot = out[-3:, 76:84].reshape(-1, 3).mean(axis=0)
        greys = (np.array([190, 192, 195]), np.array([120, 122, 126]))
        assert min(np.abs(foot - g).max() for g in greys) < 12, (s, foot)

"""Generator v22 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v22, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v22 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    billboard,
    build_place,
    camera_back,
    cyanotype,
    datamosh,
    eyepieces,
    gift_wrap,
    is_airliner_cabin,
    is_bank_branch,
    is_cattery_pen,
    is_distractor,
    kind_counts,
    laser_crystal,
    lay_prints,
    make_pictures,
    microfilm,
    moved,
    narrowed,
    photo_cake,
    place_kind,
    room_v22,
    tintype,
    views_v22,
    window_film,
)

from bench import link_rooms_v22 as v22

W, H = 120, 90
# one of each ordinary kind: cheese shop, stationery shop, model railway club, darkroom,
# blacksmith's forge, coffee roastery, wine merchant, ski hire shop; then a second of each
ORDINARY = (4, 36, 0, 2, 5, 12, 10, 1)
SECOND = (13, 39, 3, 6, 7, 20, 11, 19)
LOOK_ALIKES = (44, 45, 17, 18, 52, 53)  # two of each group
GREEN = (40, 200, 60)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v22.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v22.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v22.Place) -> set[str]:
    """The digests of what a place has drawn of its own (its kind's models left out)."""
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v22.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v22.Place) -> list[tuple[object, ...]]:
    return [
        (
            round(b.x, 6),
            round(b.z, 6),
            round(b.w, 6),
            round(b.h, 6),
            *(t.tobytes() for t in b.tex.values()),
        )
        for b in place.boxes
    ]


def _differing(a: v22.Place, b: v22.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v22(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v22(room_v22(seed, W, H), seed)


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


def _sides(left: tuple[int, int, int], right: tuple[int, int, int]) -> np.ndarray:
    img = _flat(left, 400, 300)
    img[:, 200:] = right
    return img


def _green(img: np.ndarray, margin: int = 60) -> np.ndarray:
    out = img.astype(int)
    green: np.ndarray = (out[:, :, 1] - out[:, :, 0] > margin) & (
        out[:, :, 1] - out[:, :, 2] > margin
    )
    return green


def _runs(line: np.ndarray) -> int:
    """How many separate runs of True ``line`` holds."""
    return int(np.count_nonzero(line[1:] & ~line[:-1]) + bool(line[0]))


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v22(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v22(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(3), _original(6))
    assert _views(3)["cyanotype"] != views_v22(room_v22(3, W, H), 4)["cyanotype"]


def test_a_place_has_twelve_views_of_the_documented_kinds_formats_and_sizes() -> None:
    views = _views(3)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        png = data.startswith(b"\x89PNG")
        assert png == (kind in PNG_VIEWS), kind
        assert png or data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    for seed in (3, 6):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(3), _views(6)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_a_joiner_rebuilds_the_view_on_most_places() -> None:
    seeds = (0, 1, 3, 6, 17, 52)
    scores = [
        np.corrcoef(_small_grey(_original(s)), _small_grey(_decode(_views(s)["joiner"])))[0, 1]
        for s in seeds
    ]
    assert np.median(scores) > 0.5, scores


def test_a_tintype_keeps_the_picture_mirrored() -> None:
    kept, unmirrored = [], []
    for seed in (0, 1, 3, 5, 6, 52):
        original = _original(seed).astype(float)
        blue_heavy = 0.1 * original[:, :, 0] + 0.3 * original[:, :, 1] + 0.6 * original[:, :, 2]
        small = np.asarray(cv2.resize(blue_heavy, (16, 12), interpolation=cv2.INTER_AREA)).ravel()
        plate = tintype(_original(seed), np.random.default_rng(seed))
        kept.append(np.corrcoef(small, _small_grey(plate[:, ::-1]))[0, 1])
        unmirrored.append(np.corrcoef(small, _small_grey(plate))[0, 1])
    assert np.median(kept) > 0.6, kept
    assert np.median(np.subtract(kept, unmirrored)) > 0.2, (kept, unmirrored)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["cattery pen"] == 60
    assert counts["airliner cabin"] == 20
    assert counts["bank branch"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_cattery_pen(s), is_airliner_cabin(s), is_bank_branch(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "cattery pen") == groups[0]
        assert (kind == "airliner cabin") == groups[1]
        assert (kind == "bank branch") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [17, 18, 44, 45, 46, 52, 53, 94, 95, 96]


def test_the_look_alike_slots_are_not_v21s() -> None:
    old = importlib.import_module("bench.link_rooms_v21")
    assert not any(old.is_distractor(s) and is_distractor(s) for s in range(1000))


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v22() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 22):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=44)  # one cattery's two pens
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv22-00044", "roomv22-00045"]
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
    argv = ["link_rooms_v22", "--rooms", "1", "--first", "52", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v22.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv22-00052"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v22_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v22).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_300_000_000 <= s < 1_310_000_000 for s in seeds)
    for v in range(6, 22):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v22.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v22.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v22.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v22.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_every_wine_case_of_a_merchant_is_the_same_model(places: dict[int, v22.Place]) -> None:
    ends = set()
    for s in (10, 11):
        p = places[s]
        cases = [p.boxes[i] for i in p.models if p.boxes[i].w == 0.5 and p.boxes[i].h == 0.3]
        assert len(cases) >= 2, s
        ends |= {_digest(b.tex["front"]) for b in cases}
    assert len(ends) == 1


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v22.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v22.Place, b: v22.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_pens_of_one_cattery_differ_only_in_what_is_their_own(
    places: dict[int, v22.Place],
) -> None:
    a, b = places[44], places[45]
    assert place_kind(44) == place_kind(45) == "cattery pen"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert "back" in _differing(a, b)  # the window's view and the guest's name card
    assert _differing(a, b) <= {"back", "left", "right"}  # and the feeding chart
    assert len(_differing(a, b)) == 2
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)


def test_airliner_cabins_of_one_airline_differ_in_windows_and_screens(
    places: dict[int, v22.Place],
) -> None:
    a, b = places[17], places[18]
    assert place_kind(17) == place_kind(18) == "airliner cabin"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert _differing(a, b) == {"back", "left", "right"}
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    ta, tb = a.surfaces["left"].tex, b.surfaces["left"].tex
    changed = (ta != tb).any(axis=2)
    assert changed.mean() < 0.1  # only the windows' views: the lining is the airline's


def test_bank_branches_of_one_bank_differ_in_posters_view_and_notices(
    places: dict[int, v22.Place],
) -> None:
    a, b = places[52], places[53]
    assert place_kind(52) == place_kind(53) == "bank branch"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert "back" in _differing(a, b)  # the rates, the name plate, the queue display
    assert _differing(a, b) <= {"back", "left", "right"}
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)


def test_look_alikes_of_another_cattery_are_built_from_another_template() -> None:
    assert place_kind(94) == "cattery pen"
    a, b = build_place(44), build_place(94)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"floor", "left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v22(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- cameras ----------------------------------------------------------------------------------


def test_moved_cameras_stay_inside_the_place(places: dict[int, v22.Place]) -> None:
    for s in (44, 17, 52, 2, 0):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_an_airliners_camera_stands_in_the_aisle_looking_along_it(
    places: dict[int, v22.Place],
) -> None:
    for s in (17, 18):
        cam = places[s].camera
        assert abs(float(cam.pos[0])) < 0.2, s
        assert abs(cam.yaw) < 12, s
        rng = np.random.default_rng(s)
        for _ in range(10):
            assert abs(float(moved(places[s], rng, 0.4, 12).pos[0])) < 0.45, s


# --- each view changes the picture as documented ----------------------------------------------


def test_binoculars_show_two_round_fields_of_a_longer_lens() -> None:
    assert abs(narrowed(90.0, 2.0) - 53.13) < 0.01
    for i in range(3):
        out = eyepieces(_flat((200, 200, 200), 400, 300), np.random.default_rng(i)).astype(int)
        dark = out.max(axis=2) < 30
        assert dark[:10, :10].all() and dark[-10:, -10:].all(), i  # outside both fields
        assert dark[:8, 195:205].mean() > 0.9, i  # the notch where the two fields meet
        assert not dark[140:160, 100:300].any(), i
        assert 0.08 < dark.mean() < 0.35, (i, dark.mean())


def test_a_camera_back_shows_the_picture_small_on_its_screen() -> None:
    for i in range(3):
        out = camera_back(_flat(GREEN, 400, 300), np.random.default_rng(i))
        green = _green(out)
        assert 0.2 < green.mean() < 0.45, (i, green.mean())
        xs = np.nonzero(green)[1]
        assert xs.mean() < 200, i  # the screen is left of the dial and buttons
        assert not green[:, -60:].any(), i


def test_a_billboard_is_pasted_in_sheets_under_the_sky() -> None:
    for i in range(3):
        out = billboard(_flat(GREEN, 400, 300), np.random.default_rng(i))
        green = _green(out, 100)
        assert 0.2 < green.mean() < 0.6, (i, green.mean())
        ys = np.nonzero(green)[0]
        row = green[int(np.median(ys))]
        assert _runs(row) >= 3, i  # the seams between the sheets
        assert ys.min() > 10 and ys.max() < 260, i  # up on its legs, the sky above


def test_a_joiner_lays_every_print_bordered_overlapping_and_turned() -> None:
    colours = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30), (200, 30, 200)]
    colours += [(30, 200, 200)]
    tiles = [_flat(c, 163, 183) for c in colours]  # 3 x 2 prints, 1.22 times their share
    for i in range(3):
        out = lay_prints(tiles, 3, np.random.default_rng(i), 400, 300).astype(int)
        for c in colours:
            seen = (np.abs(out - np.array(c)) < 45).all(axis=2)
            assert seen.mean() > 0.05, (i, c)  # every print shows, none hides another
        white = out.min(axis=2) > 238
        assert 0.004 < white.mean() < 0.05, (i, white.mean())  # the prints' borders
        for c in colours:
            seen = (np.abs(out - np.array(c)) < 45).all(axis=2)
            assert seen.sum() < 163 * 183, (i, c)  # overlapped by its neighbours
        lines = cv2.HoughLinesP(
            white.astype(np.uint8) * 255, 1, np.pi / 720, 30, minLineLength=40, maxLineGap=4
        )
        assert lines is not None, i
        angles = [np.degrees(np.arctan2(y1 - y0, x1 - x0)) % 90 for x0, y0, x1, y1 in lines[:, 0]]
        assert sum(min(a, 90 - a) > 1 for a in angles) >= 2, (i, angles)  # turned prints


def test_a_datamosh_carries_the_old_frame_further_than_the_new_one_moved() -> None:
    a = np.asarray(
        cv2.resize(_busy(1, 100, 75), (400, 300), interpolation=cv2.INTER_NEAREST), np.uint8
    )
    b = np.roll(a, 8, axis=1)
    for i in range(3):
        out = datamosh(a, b, np.random.default_rng(i)).astype(float).mean(axis=2)
        ga = a.astype(float).mean(axis=2)
        errors = [
            np.abs(out[40:260, 80:320] - np.roll(ga, k, axis=1)[40:260, 80:320]).mean()
            for k in range(40)
        ]
        assert int(np.argmin(errors)) >= 10, (i, int(np.argmin(errors)))  # b moved 8


def test_a_photo_cake_shows_a_paler_picture_high_in_an_iced_border() -> None:
    for i in range(3):
        out = photo_cake(_flat(GREEN, 400, 300), np.random.default_rng(i)).astype(int)
        green = _green(out)
        assert 0.2 < green.mean() < 0.55, (i, green.mean())
        ys, xs = np.nonzero(green)
        assert ys.mean() < 150 and abs(xs.mean() - 200) < 25, i
        chroma = (out[:, :, 1] - out[:, :, 0])[green]
        assert 90 < chroma.mean() < 145, (i, chroma.mean())  # x0.85 and the icing's share
        above = out[ys.min() - 12 : ys.min() - 3, int(xs.mean()) - 20 : int(xs.mean()) + 20]
        assert above.min(axis=2).mean() > 150, i  # piped icing round the print


def test_gift_wrap_repeats_the_picture_many_times() -> None:
    img = _flat((250, 250, 250), 400, 300)
    img[110:190, 150:250] = (20, 20, 200)
    for i in range(3):
        out = gift_wrap(img, np.random.default_rng(i)).astype(int)
        blue = (out[:, :, 2] - out[:, :, 0] > 100) & (out[:, :, 2] - out[:, :, 1] > 100)
        _n, _labels, stats, _c = cv2.connectedComponentsWithStats(blue.astype(np.uint8))
        marks = [a for a in stats[1:, cv2.CC_STAT_AREA] if 40 < a < 900]
        assert len(marks) >= 6, (i, len(marks))


def test_window_film_pierces_the_picture_with_a_grid_of_holes() -> None:
    for i in range(3):
        out = window_film(_flat((245, 245, 245), 400, 300), np.random.default_rng(i)).astype(int)
        glass = out[60:260, 60:340].max(axis=2)
        dark = glass < 130
        assert 0.12 < dark.mean() < 0.55, (i, dark.mean())
        assert max(_runs(dark[y]) for y in range(200)) >= 40, i


def test_microfilm_is_grey_and_brightest_in_the_middle() -> None:
    ramp = np.linspace(60, 200, 300).astype(np.uint8)  # down the picture
    img = np.ascontiguousarray(np.broadcast_to(ramp[:, None, None], (300, 400, 3)))
    for i in range(3):
        out = microfilm(img, np.random.default_rng(i)).astype(float)
        centre = out[140:160, 190:210].mean()
        left = out[140:160, 60:75].mean()
        assert centre > left * 1.06, (i, centre, left)
        tinted = out[100:200, 100:300]
        ratio = tinted[:, :, 0] / np.maximum(tinted[:, :, 1], 1)
        assert ratio.std() < 0.08, i  # one tint over every grey


def test_a_cyanotype_prints_dark_as_prussian_blue_inside_a_brushed_margin() -> None:
    for i in range(3):
        dark = cyanotype(_flat((10, 10, 10), 400, 300), np.random.default_rng(i)).astype(int)
        middle = dark[120:180, 170:230]
        assert (middle[:, :, 2] > middle[:, :, 0] + 40).mean() > 0.95, i
        light = cyanotype(_flat((250, 250, 250), 400, 300), np.random.default_rng(i)).astype(int)
        assert light[120:180, 170:230].min(axis=2).mean() > 170, i
        assert light[:4, :4].min() > 200, i  # bare paper at the corners
        row = light[150, :200]
        deep = (row[:, 2] > row[:, 0] + 40) & (row[:, 0] < 100)
        assert deep[5:150].any(), i  # the brushed margin round the print


def test_a_tintype_is_mirrored_and_blue_sensitive() -> None:
    img = _sides((220, 40, 40), (40, 40, 220))
    for i in range(3):
        out = tintype(img, np.random.default_rng(i)).astype(int)
        left, right = out[120:180, 100:180], out[120:180, 220:300]
        assert left.mean() > right.mean() + 60, i  # the blue half, now on the left, light
        assert (out[:, :, 0] >= out[:, :, 2] - 4).mean() > 0.95, i  # warm greys, no blue
        middle = out[100:200, 120:280]
        assert (middle.max(axis=2) - middle.min(axis=2)).mean() < 40, i


def test_a_laser_crystal_engraves_more_points_where_the_picture_is_light() -> None:
    img = _sides((250, 250, 250), (0, 0, 0))
    for i in range(3):
        out = laser_crystal(img, np.random.default_rng(i)).astype(int)
        bright = out[:, :, 2] > 150
        band = bright[100:200]
        left, right = band[:, 100:180].mean(), band[:, 220:300].mean()
        assert left > 4 * right + 0.02, (i, left, right)
        assert out[:15, :15].max() < 40, i  # the dark room round it

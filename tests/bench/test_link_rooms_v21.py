"""Generator v21 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v21, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v21 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    SMALL,
    VIEW_KINDS,
    ascii_art,
    build_place,
    concertina,
    dolly,
    is_burger_bar,
    is_distractor,
    is_filling_station,
    is_sauna_cabin,
    kind_counts,
    make_pictures,
    moved,
    paint_by_numbers,
    place_kind,
    postage_stamp,
    puddle,
    pyrography,
    room_v21,
    shredded,
    stencil,
    tiny_planet,
    tshirt,
    views_v21,
    water_damage,
)

from bench import link_rooms_v21 as v21

W, H = 120, 90
# one of each ordinary kind: locksmith, picture framer, greengrocer, chess club, photo
# studio, tea merchant, lighting shop, fishing tackle shop; then a second of each
ORDINARY = (1, 7, 16, 0, 6, 2, 4, 3)
SECOND = (28, 24, 32, 12, 11, 34, 5, 15)
LOOK_ALIKES = (21, 22, 8, 9, 36, 37)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v21.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v21.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v21.Place) -> set[str]:
    """The digests of what a place has drawn of its own (its kind's models left out)."""
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v21.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v21.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v21.Place, b: v21.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v21(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v21(room_v21(seed, W, H), seed)


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


def _halves(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> np.ndarray:
    img = _flat(top)
    img[60:] = bottom
    return img


def _runs(line: np.ndarray) -> int:
    """How many separate runs of True ``line`` holds."""
    return int(np.count_nonzero(line[1:] & ~line[:-1]) + bool(line[0]))


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v21(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v21(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(3), _original(6))
    assert _views(3)["stencil"] != views_v21(room_v21(3, W, H), 4)["stencil"]


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


def test_the_easy_views_keep_the_picture_recognisable() -> None:
    for seed in (3, 6, 36):
        original = _small_grey(_original(seed))
        dolly_view = _small_grey(_decode(_views(seed)["dollyzoom"]))
        assert np.corrcoef(original, dolly_view)[0, 1] > 0.5, seed
        wet = water_damage(_original(seed), np.random.default_rng(seed))
        assert np.corrcoef(original, _small_grey(wet))[0, 1] > 0.8, seed


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["spa sauna cabin"] == 60
    assert counts["filling station shop"] == 20
    assert counts["chain burger bar"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_sauna_cabin(s), is_filling_station(s), is_burger_bar(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "spa sauna cabin") == groups[0]
        assert (kind == "filling station shop") == groups[1]
        assert (kind == "chain burger bar") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [8, 9, 21, 22, 23, 36, 37, 71, 72, 73]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v21() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 21):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=21)  # one spa's two cabins
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv21-00021", "roomv21-00022"]
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
    argv = ["link_rooms_v21", "--rooms", "1", "--first", "36", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v21.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv21-00036"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v21_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v21).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_200_000_000 <= s < 1_210_000_000 for s in seeds)
    for v in range(6, 21):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v21.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v21.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v21.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v21.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_every_chess_table_of_a_club_is_the_same_model(places: dict[int, v21.Place]) -> None:
    fronts = set()
    for s in (0, 12):
        p = places[s]
        tables = [p.boxes[i] for i in p.models if p.boxes[i].w == 1.0 and p.boxes[i].h == 0.74]
        assert len(tables) >= 2, s
        fronts |= {_digest(b.tex["front"]) for b in tables}
    assert len(fronts) == 1


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v21.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v21.Place, b: v21.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_sauna_cabins_of_one_spa_differ_only_in_what_is_their_own(
    places: dict[int, v21.Place],
) -> None:
    a, b = places[21], places[22]
    assert place_kind(21) == place_kind(22) == "spa sauna cabin"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert _differing(a, b) <= {"left", "right"}  # the window's view, number, notice, timer
    assert len(_differing(a, b)) == 2
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)


def test_filling_station_shops_of_one_chain_differ_in_prices_view_and_notices(
    places: dict[int, v21.Place],
) -> None:
    a, b = places[8], places[9]
    assert place_kind(8) == place_kind(9) == "filling station shop"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert "back" in _differing(a, b)  # the fuel prices and the shop's number
    assert _differing(a, b) <= {"back", "left", "right"}
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)


def test_burger_bars_of_one_chain_differ_in_their_prices(places: dict[int, v21.Place]) -> None:
    a, b = places[36], places[37]
    assert place_kind(36) == place_kind(37) == "chain burger bar"
    assert "back" in _differing(a, b)
    assert _differing(a, b) <= {"back", "left", "right"}
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    ta, tb = a.surfaces["back"].tex, b.surfaces["back"].tex
    rows = np.nonzero((ta != tb).any(axis=2).any(axis=1))[0]
    assert len(rows) < 0.6 * ta.shape[0]  # most of the wall is the chain's


def test_look_alikes_of_another_spa_are_built_from_another_template() -> None:
    assert place_kind(71) == "spa sauna cabin"
    a, b = build_place(21), build_place(71)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"floor", "back"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v21(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- cameras ----------------------------------------------------------------------------------


def test_moved_cameras_stay_inside_the_place(places: dict[int, v21.Place]) -> None:
    for s in (21, 8, 36, 1, 0):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_a_dolly_zoom_moves_along_the_view_and_widens_as_it_goes_in(
    places: dict[int, v21.Place],
) -> None:
    went_in = 0
    for s in (*ORDINARY, 21, 8, 36):
        p = places[s]
        cam, step = dolly(p, np.random.default_rng(s))
        move = np.asarray(cam.pos - p.camera.pos, float)
        fwd = np.asarray(p.camera.axes()[2], float)
        flat = np.array([fwd[0], 0.0, fwd[2]]) / np.linalg.norm([fwd[0], fwd[2]])
        assert np.allclose(move, flat * step, atol=1e-6), s
        assert (cam.yaw, cam.pitch) == (p.camera.yaw, p.camera.pitch)
        if step > 0:
            went_in += 1
            assert cam.hfov > p.camera.hfov and step >= 0.8 * SMALL.get(p.base, 1.0) - 1e-9
        elif step < 0:
            assert cam.hfov < p.camera.hfov
    assert went_in >= 7


# --- each view changes the picture as documented ----------------------------------------------


def test_shredded_strips_are_slid_apart_and_some_are_missing() -> None:
    green = _flat((40, 200, 60), 400, 300)
    for i in range(3):
        out = shredded(green, np.random.default_rng(i)).astype(int)
        is_green = out[:, :, 1] - out[:, :, 0] > 60
        assert _runs(is_green[150]) >= 2, i  # a missing strip splits the row
        cols = np.nonzero(is_green.any(axis=0))[0]
        tops = np.array([np.argmax(is_green[:, c]) for c in cols])
        assert tops.std() > 2, i  # strips slid up and down


def test_water_damage_leaves_brown_tide_lines() -> None:
    grey = _flat((150, 150, 150))
    for i in range(3):
        out = water_damage(grey, np.random.default_rng(i)).astype(int)
        brown = (out[:, :, 0] - out[:, :, 2]) > 35
        assert 0.005 < brown.mean() < 0.4, (i, brown.mean())


def test_a_concertina_alternates_lit_and_shaded_panels() -> None:
    green = _flat((40, 200, 60), 400, 300)
    for i in range(3):
        out = concertina(green, np.random.default_rng(i)).astype(int)
        row = out[150]
        is_green = row[:, 1] - row[:, 0] > 50
        assert 0.25 < is_green.mean() < 0.75, (i, is_green.mean())
        bright = (row[:, 1] > 170) & is_green
        assert _runs(bright) >= 3, i


def test_a_tshirt_shows_the_print_on_its_chest_only() -> None:
    green = _flat((40, 200, 60), 400, 300)
    for i in range(3):
        out = tshirt(green, np.random.default_rng(i)).astype(int)
        is_green = out[:, :, 1] - out[:, :, 0] > 60
        assert 0.08 < is_green.mean() < 0.3, (i, is_green.mean())
        ys, xs = np.nonzero(is_green)
        assert abs(xs.mean() - 200) < 30 and ys.mean() < 160, i  # centred, high on the shirt
        assert not is_green[:, :30].any() and not is_green[-20:].any(), i


def test_a_puddle_shows_the_picture_upside_down() -> None:
    img = _halves((220, 40, 40), (40, 40, 220))
    for i in range(3):
        out = puddle(img, np.random.default_rng(i)).astype(int)
        upper, lower = out[40:50, 70:90].mean(axis=(0, 1)), out[70:80, 70:90].mean(axis=(0, 1))
        assert upper[2] > upper[0] + 30, i  # the bottom's blue now on top
        assert lower[0] > lower[2] + 30, i


def test_a_stencil_paints_the_dark_part_dark_on_bricks() -> None:
    img = _flat((30, 30, 30))
    img[:, 80:] = (230, 230, 230)
    for i in range(3):
        out = stencil(img, np.random.default_rng(i)).astype(int)
        dark = out.max(axis=2) < 90
        assert dark[10:110, 10:60].mean() > 0.7, i
        assert dark[10:110, 100:150].mean() < 0.3, i


def test_paint_by_numbers_is_part_painted_part_white_with_outlines() -> None:
    blocks = np.random.default_rng(5).integers(0, 256, (6, 8, 3)).astype(np.uint8)
    img = np.asarray(cv2.resize(blocks, (400, 300), interpolation=cv2.INTER_NEAREST), np.uint8)
    for i in range(3):
        out = paint_by_numbers(img, np.random.default_rng(i)).astype(int)
        white = out.min(axis=2) > 225
        assert 0.1 < white.mean() < 0.9, (i, white.mean())
        grey = (np.abs(out - 118).max(axis=2) < 25) & (out.std(axis=2) < 8)
        assert grey.mean() > 0.005, i  # outlines and numbers


def test_a_postage_stamp_holds_the_picture_small_in_the_top_right() -> None:
    green = _flat((40, 200, 60))
    for i in range(3):
        out = postage_stamp(green, np.random.default_rng(i)).astype(int)
        is_green = out[:, :, 1] - out[:, :, 0] > 60
        assert 0.08 < is_green.mean() < 0.35, (i, is_green.mean())
        ys, xs = np.nonzero(is_green)
        assert xs.mean() > 80 and ys.mean() < 60, i


def test_ascii_art_draws_dense_characters_for_light_and_none_for_black() -> None:
    for i in range(3):
        light = ascii_art(_flat((240, 240, 240)), np.random.default_rng(i)).astype(int)
        body = light[30:100].max(axis=2)
        assert 0.1 < (body > 150).mean() < 0.8, i
        dark = ascii_art(_flat((0, 0, 0)), np.random.default_rng(i)).astype(int)
        assert (dark[30:100].max(axis=2) > 150).mean() < 0.01, i


def test_pyrography_is_brown_and_darker_where_the_picture_is_dark() -> None:
    img = _flat((240, 240, 240))
    img[:, :80] = (20, 20, 20)
    for i in range(3):
        out = pyrography(img, np.random.default_rng(i)).astype(int)
        board = out[20:100, 25:135]
        assert (
            (board[:, :, 0] >= board[:, :, 1]) & (board[:, :, 1] >= board[:, :, 2])
        ).mean() > 0.9
        assert board[:, :40].mean() < board[:, 70:].mean() - 50, i


def test_a_tiny_planet_puts_the_foot_in_the_middle_and_the_top_outside() -> None:
    img = _halves((220, 40, 40), (40, 40, 220))
    for i in range(3):
        out = tiny_planet(img, np.random.default_rng(i)).astype(int)
        centre, corner = out[55:65, 75:85].mean(axis=(0, 1)), out[:6, :6].mean(axis=(0, 1))
        assert centre[2] > centre[0] + 60, i
        assert corner[0] > corner[2] + 40, i

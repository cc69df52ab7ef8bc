"""Generator v32 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented (two of them the same apps' screenshots), the
documented shares of kinds and look-alike places, look-alikes that differ only in what is
their own, no drawn surface shared by chance between ordinary places (but the same
mass-produced models in every place of a kind), places of one kind that look different,
kinds, groups, views and seeds new to v32, a look-alike scheme consistent with itself and
clear of v30's and v31's on a held-out run, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v32 import (
    _GAL_ACCENT,
    _GAL_BG,
    _SHOP_TOP,
    EVERY,
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    TEMPLATE_SPAN,
    VIEW_KINDS,
    blown_out,
    build_place,
    digital_frame,
    gallery_info,
    green_cast,
    group_of,
    group_rng,
    heavy_jpeg,
    is_care_home_room,
    is_distractor,
    is_garden_office,
    is_seminar_room,
    kind_counts,
    make_pictures,
    moved,
    notebook_cover,
    place_kind,
    place_mat,
    print_order,
    room_v32,
    shake_blur,
    stepped_back,
    tablet_stand,
    tilt_crop,
    views_v32,
)

from bench import link_rooms_v32 as v32

W, H = 120, 90
# one of each ordinary kind: dental surgery, physiotherapy clinic, nursery playroom,
# estate agent's office, mattress showroom, nail bar, school cloakroom, youth club; then a
# second of each
ORDINARY = (0, 2, 11, 9, 22, 14, 1, 8)
SECOND = (7, 3, 15, 12, 25, 18, 5, 21)
LOOK_ALIKES = (4, 47, 24, 67, 34, 77)  # two of each group, one template each
OLD = range(6, 32)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v32.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v32.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v32.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v32.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v32.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v32.Place, b: v32.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v32.Place, b: v32.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v32(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v32(room_v32(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _big_busy(seed: int) -> np.ndarray:
    return np.asarray(
        cv2.resize(_busy(seed, 100, 75), (400, 300), interpolation=cv2.INTER_NEAREST), np.uint8
    )


def _flat(colour: tuple[int, int, int], w: int = 400, h: int = 300) -> np.ndarray:
    return np.full((h, w, 3), colour, np.uint8)


def _halves() -> np.ndarray:
    """Dark on the left, pale on the right, with a band across: a picture with a clear
    layout."""
    img = np.concatenate([_flat((40, 40, 40), 200, 300), _flat((220, 220, 220), 200, 300)], axis=1)
    img[120:180] = (120, 60, 60)
    return img


def _red_square() -> np.ndarray:
    img = _flat((128, 128, 128))
    img[140:160, 190:210] = (250, 30, 30)
    return img


def _red(out: np.ndarray) -> np.ndarray:
    f = out.astype(float)
    return (f[:, :, 0] > 170) & (f[:, :, 1] < 110) & (f[:, :, 2] < 110)


def _pink(out: np.ndarray) -> np.ndarray:
    """Pixels of a magenta picture, however lit or shaded: red and blue well over green."""
    f = out.astype(float)
    return (f[:, :, 0] > f[:, :, 1] + 90) & (f[:, :, 2] > f[:, :, 1] + 90)


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(_small_grey(a), _small_grey(b))[0, 1])


def _detail(img: np.ndarray) -> float:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return float(np.abs(cv2.Laplacian(grey, cv2.CV_32F)).mean())


def _template_draw(seed: int) -> float:
    """The first draw of a look-alike's template generator (the same for one template)."""
    rng = group_rng(seed)
    assert rng is not None
    return float(rng.random())


def _old(v: int) -> object:
    return importlib.import_module(f"bench.link_rooms_v{v}")


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v32(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v32(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(1), _original(8))
    assert _views(1)["placemat"] != views_v32(room_v32(1, W, H), 7)["placemat"]


def test_a_place_has_twelve_views_of_the_documented_kinds_formats_and_sizes() -> None:
    views = _views(1)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        png = data.startswith(b"\x89PNG")
        assert png == (kind in PNG_VIEWS), kind
        assert png or data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


@pytest.mark.parametrize("size", [(400, 300), (64, 48), (90, 160)])
def test_every_view_decodes_at_the_size_asked(size: tuple[int, int]) -> None:
    w, h = size
    for seed in (20, 11):
        views = views_v32(room_v32(seed, w, h), seed)
        for kind, data in views.items():
            assert _decode(data).shape == (h, w, 3), (size, seed, kind)


def test_every_view_differs_from_the_original() -> None:
    for seed in (1, 8):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 2, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(1), _views(8)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_the_plain_photographic_views_keep_most_of_the_picture() -> None:
    for kind in ("steppedback", "greencast", "shakeblur", "blownout", "heavyjpeg", "tiltcrop"):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (1, 3, 8, 13)]
        assert np.median(scores) > 0.3, (kind, scores)
    heavy = [_corr(_original(s), _decode(_views(s)["heavyjpeg"])) for s in (1, 3, 8, 13)]
    assert min(heavy) > 0.9, heavy


def test_places_of_one_kind_look_different() -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        diff = np.abs(_original(a).astype(float) - _original(b).astype(float)).mean()
        assert diff > 20, (place_kind(a), diff)
        assert _corr(_original(a), _original(b)) < 0.9, place_kind(a)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["university seminar room"] == 24
    assert counts["garden office"] == 23
    assert counts["care home room"] == 23
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 930 - share) < 0.04, kind
    share = sum(is_distractor(s) for s in range(1000)) / 1000
    assert 0.065 <= share <= 0.075


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_seminar_room(s), is_garden_office(s), is_care_home_room(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "university seminar room") == groups[0]
        assert (kind == "garden office") == groups[1]
        assert (kind == "care home room") == groups[2]
        assert (kind in GROUPS) == is_distractor(s) == (group_rng(s) is not None)
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(EVERY) if is_distractor(s)] == [4, 24, 34]
    assert [s for s in range(100) if is_distractor(s)] == [4, 24, 34, 47, 67, 77, 90]


def test_each_template_holds_three_members_of_one_group() -> None:
    members: dict[tuple[str, int], list[int]] = {}
    for s in range(TEMPLATE_SPAN * 10):
        if is_distractor(s):
            members.setdefault((place_kind(s), group_of(s)), []).append(s)
    assert len(members) == 30
    for (kind, g), seeds in members.items():
        assert len(seeds) == 3, (kind, g, seeds)
        assert seeds[1] - seeds[0] == seeds[2] - seeds[1] == EVERY, seeds
        assert len({_template_draw(s) for s in seeds}) == 1, (kind, g)
    firsts = {_template_draw(seeds[0]) for (_kind, g), seeds in members.items() if g == 0}
    assert len(firsts) == 3
    assert _template_draw(4) != _template_draw(133)


def test_a_held_out_run_holds_several_groups_of_two_or_more() -> None:
    groups: dict[tuple[str, int], int] = {}
    for s in range(315):
        if is_distractor(s):
            key = (place_kind(s), group_of(s))
            groups[key] = groups.get(key, 0) + 1
    assert sum(n >= 2 for n in groups.values()) == 7
    assert sorted(groups.values()) == [1, 1, 2] + [3] * 6
    assert 0.065 <= sum(groups.values()) / 315 <= 0.075


def test_no_seed_of_a_held_out_run_is_a_look_alike_of_v30_or_v31_too() -> None:
    for v, meetings in ((30, 6), (31, 7)):
        old = _old(v)
        both = [s for s in range(315) if is_distractor(s) and old.is_distractor(s)]  # type: ignore[attr-defined]
        assert both == [], v
        assert sum(is_distractor(s) and old.is_distractor(s) for s in range(1000)) == meetings  # type: ignore[attr-defined]


def test_a_run_of_a_hundred_places_holds_every_kind_and_a_pair_of_every_group() -> None:
    counts = kind_counts(0, 100)
    assert set(counts) == {k for k, _ in KINDS} | set(GROUPS)
    assert all(counts[g] >= 2 for g in GROUPS)


def test_kinds_groups_and_views_are_new_to_v32() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in OLD:
        old = _old(v)
        old_kinds = {k for k, _ in getattr(old, "KINDS", None) or ()}
        old_groups = set(getattr(old, "GROUPS", None) or {}) | set(
            (getattr(old, "GROUPS", None) or {}).values()
        )
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v
        assert not kinds & set(getattr(old, "VIEW_KINDS", ())), v
        assert not set(VIEW_KINDS) & (old_kinds | old_groups), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=3)  # a physiotherapy clinic, a seminar room
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv32-00003", "roomv32-00004"]
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
    argv = ["link_rooms_v32", "--rooms", "1", "--first", "20", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v32.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv32-00020"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v32_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v32).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(2_300_000_000 <= s < 2_310_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v32.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v32.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v32.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)
        assert len(places[a].models) >= 2, place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v32.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v32.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (4, 47, "university seminar room", 0.05),
        (24, 67, "garden office", 0.5),
        (34, 77, "care home room", 0.95),
    ],
)
def test_look_alikes_of_one_group_share_their_template_and_differ_only_in_their_own(
    places: dict[int, v32.Place], a: int, b: int, kind: str, most: float
) -> None:
    pa, pb = places[a], places[b]
    assert place_kind(a) == place_kind(b) == kind
    assert group_of(a) == group_of(b)
    assert (pa.width, pa.height, pa.depth) == (pb.width, pb.height, pb.depth)
    assert _differing(pa, pb) <= {"back", "left", "right", "front"}
    assert _differing(pa, pb)
    assert _boxes(pa) == _boxes(pb)
    assert pa.belongings and pb.belongings
    shared = set(_drawn(pa)) & set(_drawn(pb))
    assert not any(_drawn(pa)[k].startswith("belonging") for k in shared)
    for name in _differing(pa, pb):
        assert _changed(pa, pb, name) < most, (kind, name)


def test_a_care_home_rooms_own_walls_are_much_its_own(places: dict[int, v32.Place]) -> None:
    for name in ("back", "left", "right"):
        assert _changed(places[34], places[77], name) > 0.25, name


def test_a_garden_offices_own_is_more_than_a_seminar_rooms_less_than_a_care_home_rooms(
    places: dict[int, v32.Place],
) -> None:
    walls = ("back", "left", "right")
    seminar = max(_changed(places[4], places[47], n) for n in walls)
    garden = max(_changed(places[24], places[67], n) for n in walls)
    care = max(_changed(places[34], places[77], n) for n in walls)
    assert seminar < garden < care


def test_look_alikes_of_another_template_are_built_from_it() -> None:
    assert place_kind(133) == "university seminar room"
    assert group_of(133) != group_of(4)
    a, b = build_place(4), build_place(133)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right", "back"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v32(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v32.Place]) -> None:
    for s in (4, 24, 34, 0, 1, 11):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            for cam in (moved(p, rng, 1.0, 30), stepped_back(p, rng)):
                x, y, z = (float(v) for v in cam.pos)
                assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_a_step_back_moves_the_camera_back_and_widens_the_view(
    places: dict[int, v32.Place],
) -> None:
    for s in (*ORDINARY, *SECOND, *LOOK_ALIKES):
        p = places[s]
        cam = stepped_back(p, np.random.default_rng(s))
        assert float(cam.pos[2]) <= float(p.camera.pos[2]) + 1e-6, s
        assert 8 - 1e-6 <= cam.hfov - p.camera.hfov <= 16 + 1e-6 or cam.hfov == 95.0, s
        assert abs(cam.yaw - p.camera.yaw) <= 6 + 1e-6, s
        assert abs(float(cam.pos[1]) - float(p.camera.pos[1])) < 0.13, s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_green_cast_tints_the_picture_green_and_flattens_it() -> None:
    for i in range(3):
        out = green_cast(_flat((150, 150, 150)), np.random.default_rng(i)).astype(float)
        assert out[:, :, 1].mean() > out[:, :, 0].mean() + 15, i
        assert out[:, :, 1].mean() > out[:, :, 2].mean() + 15, i
        flat = green_cast(_halves(), np.random.default_rng(i)).astype(float).mean(axis=2)
        assert flat[:, 250:].mean() - flat[:, :150].mean() < 0.92 * 180, i
        assert _corr(_halves(), green_cast(_halves(), np.random.default_rng(i))) > 0.9, i


def test_a_shaking_hand_smears_detail_but_keeps_the_layout() -> None:
    img = _big_busy(2)
    for i in range(3):
        out = shake_blur(img, np.random.default_rng(i))
        assert _edges(out) < 0.6 * _edges(img), i
        assert _corr(img, out) > 0.9, i


def _edges(img: np.ndarray) -> float:
    """How steep the steepest edges are (the 99.5th percentile of the steps between
    neighbours), which noise hardly changes but a blur flattens."""
    grey = np.asarray(img, np.float32).mean(axis=2)
    return float(np.percentile(np.abs(np.diff(grey, axis=1)), 99.5))


def test_overexposure_brightens_and_clips_towards_white() -> None:
    for i in range(3):
        out = blown_out(_halves(), np.random.default_rng(i)).astype(float)
        assert out.mean() > _halves().astype(float).mean() + 30, i
        assert out[:100, 250:].mean() > 245, i
        assert out[:, :150].mean() < 110, i


def test_heavy_recompression_keeps_the_picture_but_loses_its_detail() -> None:
    img = _big_busy(1)
    for i in range(3):
        out = heavy_jpeg(img, np.random.default_rng(i))
        assert out.shape == img.shape
        assert _corr(img, out) > 0.9, i
        assert np.abs(out.astype(float) - img.astype(float)).mean() > 3, i


def test_a_tilted_crop_turns_the_picture_and_shows_no_corner() -> None:
    framed = _red_square()
    framed[:8] = framed[-8:] = framed[:, :8] = framed[:, -8:] = (30, 30, 250)
    for i in range(4):
        out = tilt_crop(framed, np.random.default_rng(i)).astype(float)
        ratio = _red(out).sum() / 400
        assert 1.05 < ratio < 1.9, (i, ratio)
        blue = (out[:, :, 2] > 170) & (out[:, :, 0] < 110)
        assert blue.mean() < 0.03, i  # hardly any of the picture's own edge, no corner
        ys, xs = np.nonzero(_red(out))
        angle = cv2.minAreaRect(np.stack([xs, ys], 1).astype(np.float32))[2] % 90
        assert 2 < min(angle, 90 - angle) < 8, (i, angle)


def test_the_gallery_details_sheet_frames_the_picture_in_one_apps_chrome() -> None:
    img = _flat((252, 4, 252))
    sheets = []
    for i in range(4):
        out = gallery_info(img, np.random.default_rng(i))
        pink = _pink(out).mean()
        assert 0.12 < pink < 0.4, (i, pink)
        ys, _xs = np.nonzero(_pink(out))
        assert ys.max() < 300 * 0.56, i  # the picture in the top half
        nav = out[-int(300 * 0.06) :]
        assert (nav == np.array(_GAL_BG)).all(axis=2).mean() > 0.8, i
        amber = (np.abs(out.astype(int) - np.array(_GAL_ACCENT)).sum(axis=2) < 40).sum()
        assert amber > 30, i  # the accent: the icons, the description line, the pin
        sheets.append(out[int(300 * 0.6) : int(300 * 0.7)])
    assert not np.array_equal(sheets[0], sheets[1])  # each screenshot's own details


def test_the_print_order_page_frames_the_picture_in_one_shops_page() -> None:
    img = _flat((252, 4, 252))
    heads, tabs = [], []
    for i in range(4):
        out = print_order(img, np.random.default_rng(i))
        pink = _pink(out).mean()
        assert 0.12 < pink < 0.45, (i, pink)
        y0 = round(300 * 0.05) + round(300 * 0.06)
        head = out[y0 : y0 + round(300 * 0.08), int(400 * 0.5) :]
        assert (head == np.array(_SHOP_TOP)).all(axis=2).mean() > 0.9, i
        heads.append(head)
        tabs.append(out[: round(300 * 0.11)])
        _ys, xs = np.nonzero(_pink(out))
        assert xs.max() < 400 * 0.56, i  # the print on the left, the options on the right
        orange = (
            np.abs(out[y0 + round(300 * 0.1) :].astype(int) - np.array(_SHOP_TOP)).sum(axis=2) < 30
        )
        assert orange.sum() > 100, i  # the button and the lit step
    assert all(np.array_equal(heads[0], h) for h in heads[1:])
    assert not np.array_equal(tabs[0], tabs[1])


def test_a_digital_frame_stands_on_a_sideboard_against_a_wall() -> None:
    for i in range(4):
        out = digital_frame(_flat((252, 4, 252)), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.12 < pink.mean() < 0.45, (i, pink.mean())
        ys, _xs = np.nonzero(pink)
        assert ys.max() < 300 * 0.8, i  # above the sideboard's top
        assert not pink[:, :20].any() and not pink[:, -20:].any(), i


def test_a_placemat_lies_at_a_slant_under_a_plate() -> None:
    for i in range(4):
        out = place_mat(_flat((252, 4, 252)), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.2 < pink.mean() < 0.6, (i, pink.mean())
        rows = np.nonzero(pink.any(axis=1))[0]
        top = pink[rows[0] + 5 : rows[0] + 15].sum(axis=1).max()
        bottom = pink[rows[-1] - 15 : rows[-1] - 5].sum(axis=1).max()
        assert top < bottom, (i, top, bottom)
        cols = np.nonzero(pink.any(axis=0))[0]
        inside = pink[rows[0] + 10 : rows[-1] - 10, cols[0] + 20 : cols[-1] - 20]
        assert inside.mean() < 0.9, i  # the plate covers part of it


def test_a_tablet_shows_the_picture_on_its_screen_leaning_back() -> None:
    for i in range(4):
        out = tablet_stand(_flat((252, 4, 252)), np.random.default_rng(i))
        f = out.astype(float)
        pinkish = (f[:, :, 0] > f[:, :, 1] + 60) & (f[:, :, 2] > f[:, :, 1] + 60)
        assert 0.15 < pinkish.mean() < 0.5, (i, pinkish.mean())
        rows = np.nonzero(pinkish.any(axis=1))[0]
        top = pinkish[rows[0] + 5 : rows[0] + 15].sum(axis=1).max()
        bottom = pinkish[rows[-1] - 15 : rows[-1] - 5].sum(axis=1).max()
        assert top < bottom, (i, top, bottom)
        assert f[pinkish].std() > 3, i  # the room's reflection on the glass


def test_a_notebook_cover_shows_the_picture_under_a_pen_among_rings() -> None:
    for i in range(4):
        out = notebook_cover(_flat((252, 4, 252)), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.15 < pink.mean() < 0.55, (i, pink.mean())
        ys, xs = np.nonzero(pink)
        box = pink[ys.min() : ys.max(), xs.min() : xs.max()]
        assert box.mean() < 0.95, i  # the label, the pen, the rings
        assert not pink[:8, :8].any() and not pink[-8:, -8:].any(), i

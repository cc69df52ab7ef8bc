"""Generator v24 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v24, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v24 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    build_place,
    chalked,
    colour_splash,
    etch_sketch,
    fake_bokeh,
    is_bird_hide,
    is_distractor,
    is_site_cabin,
    is_study_carrel,
    kind_counts,
    lithophane,
    make_pictures,
    moved,
    pincushion,
    place_kind,
    polariser,
    reeded_glass,
    room_v24,
    sunglasses,
    uprighted,
    views_v24,
    webp_copy,
    zoom_burst,
)

from bench import link_rooms_v24 as v24

W, H = 120, 90
# one of each ordinary kind: signal box, lighthouse watch room, mushroom farm, stonemason's
# workshop, dye house, archive strongroom, watermill, pumping station; then a second of each
ORDINARY = (0, 7, 18, 3, 1, 9, 10, 6)
SECOND = (5, 16, 19, 4, 2, 29, 21, 11)
LOOK_ALIKES = (14, 15, 25, 26, 41, 42)  # two of each group
GREEN = (40, 200, 60)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v24.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v24.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v24.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v24.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v24.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v24.Place, b: v24.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v24.Place, b: v24.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v24(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v24(room_v24(seed, W, H), seed)


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


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(_small_grey(a), _small_grey(b))[0, 1])


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v24(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v24(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(3), _original(6))
    assert _views(3)["chalked"] != views_v24(room_v24(3, W, H), 4)["chalked"]


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
            assert np.abs(_decode(data).astype(float) - original).mean() > 3, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(3), _views(6)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_the_easy_views_keep_most_of_the_picture() -> None:
    for kind in ("polariser", "webpcopy", "pincushion", "uprighted"):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (0, 3, 6, 14)]
        assert np.median(scores) > 0.4, (kind, scores)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["study carrel"] == 40
    assert counts["bird hide"] == 30
    assert counts["site cabin"] == 30
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_study_carrel(s), is_bird_hide(s), is_site_cabin(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "study carrel") == groups[0]
        assert (kind == "bird hide") == groups[1]
        assert (kind == "site cabin") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [14, 15, 25, 26, 27, 41, 42, 43, 64, 65]


def test_the_look_alike_slots_are_not_v22s_or_v23s() -> None:
    for v in (22, 23):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not any(old.is_distractor(s) and is_distractor(s) for s in range(1000)), v


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v24() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 24):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=14)  # two carrels of one library
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv24-00014", "roomv24-00015"]
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
    argv = ["link_rooms_v24", "--rooms", "1", "--first", "25", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v24.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv24-00025"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v24_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v24).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_500_000_000 <= s < 1_510_000_000 for s in seeds)
    for v in range(6, 24):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v24.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v24.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v24.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v24.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v24.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v24.Place, b: v24.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [(14, 15, "study carrel", 0.05), (25, 26, "bird hide", 0.5), (41, 42, "site cabin", 0.5)],
)
def test_look_alikes_of_one_group_differ_only_in_what_is_their_own(
    places: dict[int, v24.Place], a: int, b: int, kind: str, most: float
) -> None:
    pa, pb = places[a], places[b]
    assert place_kind(a) == place_kind(b) == kind
    assert (pa.width, pa.height, pa.depth) == (pb.width, pb.height, pb.depth)
    assert _differing(pa, pb) <= {"back", "left", "right", "front"}
    assert _differing(pa, pb)
    assert _boxes(pa) == _boxes(pb)
    _own_things_differ(pa, pb)
    for name in _differing(pa, pb):
        assert _changed(pa, pb, name) < most, (kind, name)  # most of every wall the template's


def test_a_bird_hides_own_view_is_clearly_visible() -> None:
    a, b = build_place(25), build_place(26)
    assert _changed(a, b, "back") > 0.08


def test_look_alikes_of_another_library_are_built_from_another_template() -> None:
    assert place_kind(64) == "study carrel"
    a, b = build_place(14), build_place(64)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v24(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v24.Place]) -> None:
    for s in (14, 25, 41, 0, 7, 18):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_polariser_saturates_colours_and_cuts_pale_glare() -> None:
    img = np.concatenate([_flat((200, 120, 80), 400, 150), _flat((235, 235, 235), 400, 150)])
    for i in range(3):
        out = polariser(img, np.random.default_rng(i)).astype(float)
        top = out[20:130].mean(axis=(0, 1))
        assert top[0] - top[2] > 120 - 4, i
        assert out[170:280].mean() < 235 * 0.85, i


def test_a_webp_copy_is_close_but_not_the_same() -> None:
    img = _big_busy(1)
    for i in range(3):
        out = webp_copy(img, np.random.default_rng(i))
        assert out.shape == img.shape
        diff = np.abs(out.astype(float) - img.astype(float)).mean()
        assert 1 < diff < 40, (i, diff)
        assert _corr(img, out) > 0.8, i


def test_pincushion_magnifies_the_rim_and_keeps_the_middle() -> None:
    img = _big_busy(2)
    for i in range(3):
        out = pincushion(img, np.random.default_rng(i)).astype(float)
        mid = np.abs(out[140:160, 190:210] - img[140:160, 190:210]).mean()
        rim = np.abs(out[:30, :40] - img[:30, :40]).mean()
        assert rim > mid, (i, rim, mid)


def test_uprighting_keeps_the_picture() -> None:
    img = _big_busy(3)
    for i in range(3):
        out = uprighted(img, np.random.default_rng(i))
        assert _corr(img, out) > 0.3, i
        assert np.abs(out.astype(float) - img).mean() > 3, i


def test_sunglasses_tint_and_darken_the_top_more() -> None:
    for i in range(3):
        out = sunglasses(_flat((200, 200, 200)), np.random.default_rng(i)).astype(float)
        assert out[20:60, 150:250].mean() < out[240:280, 150:250].mean() - 20, i
        assert out[0:4, 0:4].mean() < 60, i  # the lens's rim


def test_fake_bokeh_keeps_a_blob_sharp_and_blurs_the_rest() -> None:
    img = _big_busy(4)
    for i in range(3):
        out = fake_bokeh(img, np.random.default_rng(i)).astype(float)
        diff = np.abs(out - img).mean(axis=2)
        cells = [
            diff[y : y + 50, x : x + 50].mean()
            for y in range(0, 300, 50)
            for x in range(0, 400, 50)
        ]
        assert min(cells) < 4 and max(cells) > 8, (i, min(cells), max(cells))


def test_a_zoom_burst_streaks_the_rim_more_than_the_middle() -> None:
    img = _big_busy(5)
    for i in range(3):
        out = zoom_burst(img, np.random.default_rng(i)).astype(float)
        rim = np.abs(out[:40] - img[:40]).mean()
        mid = np.abs(out[130:170, 170:230] - img[130:170, 170:230]).mean()
        assert rim > mid, (i, rim, mid)


def test_a_colour_splash_keeps_one_hue_and_greys_the_rest() -> None:
    img = np.concatenate([_flat((220, 30, 30), 200, 300), _flat((30, 60, 220), 200, 300)], axis=1)
    for i in range(4):
        out = colour_splash(img, np.random.default_rng(i)).astype(int)
        spread = (out.max(axis=2) - out.min(axis=2))[20:280]
        kept = [spread[:, 20:180].mean() > 100, spread[:, 220:380].mean() > 100]
        assert sum(kept) == 1, (i, kept)


def test_reeded_glass_cuts_the_picture_into_flipped_strips() -> None:
    img = _big_busy(6)
    for i in range(3):
        out = reeded_glass(img, np.random.default_rng(i))
        assert np.abs(out.astype(float) - img).mean() > 10, i
        assert _corr(img, out) > 0.2, i


def test_chalk_is_pale_lines_on_a_dark_board() -> None:
    for i in range(3):
        out = chalked(_big_busy(7), np.random.default_rng(i)).astype(float).mean(axis=2)
        board = out[40:260, 40:360]
        assert np.median(board) < 110, i
        assert (board > 150).mean() > 0.005, i


def test_a_lithophane_is_warm_and_grey_in_a_dim_room() -> None:
    for i in range(3):
        out = lithophane(_big_busy(8), np.random.default_rng(i)).astype(float)
        mid = out[110:190, 150:250].mean(axis=(0, 1))
        assert mid[0] > mid[2] + 15, i  # warm
        assert out[:6, :6].mean() < 80, i  # the dim room round it


def test_an_etch_sketch_is_dark_lines_on_grey_in_a_red_frame() -> None:
    for i in range(3):
        out = etch_sketch(_big_busy(9), np.random.default_rng(i)).astype(int)
        red = (out[:, :, 0] - out[:, :, 1] > 100) & (out[:, :, 0] - out[:, :, 2] > 100)
        assert 0.1 < red.mean() < 0.5, (i, red.mean())
        screen = out[100:200, 120:280]
        assert (screen.max(axis=2) - screen.min(axis=2)).mean() < 25, i  # grey

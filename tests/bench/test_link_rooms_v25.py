"""Generator v25 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v25, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v25 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    amp_glow,
    autochrome,
    build_place,
    canvas_print,
    droste,
    hand_tinted,
    is_distractor,
    is_interpreting_booth,
    is_railway_arch,
    is_welding_booth,
    kind_counts,
    make_pictures,
    moved,
    newton_rings,
    orton_glow,
    place_kind,
    room_v25,
    scan_slip,
    screen_tear,
    show_through,
    slide_puzzle,
    string_art,
    views_v25,
)

from bench import link_rooms_v25 as v25

W, H = 120, 90
# one of each ordinary kind: ropewalk, tack room, sawmill, lock keeper's hut, sign writer's
# workshop, herbarium, switchboard room, globe maker's workshop; then a second of each
ORDINARY = (29, 0, 16, 3, 24, 38, 1, 12)
SECOND = (63, 2, 23, 5, 26, 57, 4, 17)
LOOK_ALIKES = (19, 20, 33, 34, 47, 48)  # two of each group
GREEN = (40, 200, 60)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v25.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v25.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v25.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v25.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v25.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v25.Place, b: v25.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v25.Place, b: v25.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v25(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v25(room_v25(seed, W, H), seed)


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


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(_small_grey(a), _small_grey(b))[0, 1])


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v25(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v25(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(3), _original(6))
    assert _views(3)["droste"] != views_v25(room_v25(3, W, H), 4)["droste"]


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
    for kind in ("ortonglow", "ampglow", "scanslip", "screentear"):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (0, 3, 6, 14)]
        assert np.median(scores) > 0.4, (kind, scores)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["interpreting booth"] == 40
    assert counts["welding booth"] == 30
    assert counts["railway arch unit"] == 30
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_interpreting_booth(s), is_welding_booth(s), is_railway_arch(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "interpreting booth") == groups[0]
        assert (kind == "welding booth") == groups[1]
        assert (kind == "railway arch unit") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [19, 20, 33, 34, 35, 47, 48, 49, 69, 70]


def test_the_look_alike_slots_are_not_v23s_or_v24s() -> None:
    for v in (23, 24):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not any(old.is_distractor(s) and is_distractor(s) for s in range(1000)), v


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v25() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 25):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=19)  # two booths of one centre
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv25-00019", "roomv25-00020"]
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
    argv = ["link_rooms_v25", "--rooms", "1", "--first", "33", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v25.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv25-00033"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v25_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v25).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_600_000_000 <= s < 1_610_000_000 for s in seeds)
    for v in range(6, 25):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v25.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v25.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v25.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v25.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v25.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v25.Place, b: v25.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (19, 20, "interpreting booth", 0.05),
        (33, 34, "welding booth", 0.5),
        (47, 48, "railway arch unit", 0.75),
    ],
)
def test_look_alikes_of_one_group_differ_only_in_what_is_their_own(
    places: dict[int, v25.Place], a: int, b: int, kind: str, most: float
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


def test_a_railway_arch_tenants_own_walls_are_clearly_visible() -> None:
    a, b = build_place(47), build_place(48)
    assert _changed(a, b, "left") > 0.3


def test_a_welding_booths_own_wall_is_more_than_a_booths_less_than_an_arch() -> None:
    booth = _changed(build_place(19), build_place(20), "back")
    weld = _changed(build_place(33), build_place(34), "back")
    arch = _changed(build_place(47), build_place(48), "left")
    assert booth < weld < arch


def test_look_alikes_of_another_centre_are_built_from_another_template() -> None:
    assert place_kind(69) == "interpreting booth"
    a, b = build_place(19), build_place(69)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v25(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v25.Place]) -> None:
    for s in (19, 33, 47, 0, 3, 29):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


# --- each view changes the picture as documented ----------------------------------------------


def test_an_orton_glow_brightens_and_softens() -> None:
    img = _big_busy(1)
    for i in range(3):
        out = orton_glow(img, np.random.default_rng(i)).astype(float)
        assert out.mean() > img.mean() + 5, i
        assert _corr(img, out) > 0.7, i


def test_amp_glow_tints_a_corner_magenta_and_adds_hot_pixels() -> None:
    img = _flat((100, 100, 100))
    for i in range(3):
        out = amp_glow(img, np.random.default_rng(i)).astype(float)
        corners = [out[:20, :20], out[:20, -20:], out[-20:, :20], out[-20:, -20:]]
        glowing = max(corners, key=lambda c: float(c.mean()))
        mean = glowing.mean(axis=(0, 1))
        assert mean[0] > mean[1] + 8 and mean[2] > mean[1] + 8, (i, mean)
        assert (out.min(axis=2) > 230).sum() + (out.max(axis=2) > 240).sum() > 0, i


def test_a_scan_slip_keeps_the_top_and_moves_the_bottom() -> None:
    img = _big_busy(2)
    for i in range(3):
        out = scan_slip(img, np.random.default_rng(i)).astype(float)
        assert np.abs(out[:50] - (img[:50] * 0.95 + 6)).mean() < 4, i
        assert np.abs(out[-30:] - img[-30:]).mean() > 10, i


def test_a_screen_tear_joins_two_moments() -> None:
    a, b = _big_busy(3), _big_busy(4)
    for i in range(3):
        out = screen_tear(a, b, np.random.default_rng(i)).astype(float)
        assert np.abs(out[:80] - a[:80]).mean() < np.abs(out[:80] - b[:80]).mean(), i
        assert np.abs(out[-80:] - b[-80:]).mean() < np.abs(out[-80:] - a[-80:]).mean(), i


def test_newton_rings_put_the_slide_in_a_mount_with_rings() -> None:
    img = _flat((128, 128, 128))
    for i in range(3):
        out = newton_rings(img, np.random.default_rng(i)).astype(float)
        inner = out[40:260, 50:350]
        assert inner.std() > 4, i  # rings over a flat grey
        assert out[:6, :6].std() < 8, i  # the plain mount


def test_a_canvas_print_hangs_on_a_wall_in_perspective() -> None:
    img = _halves()
    for i in range(3):
        out = canvas_print(img, np.random.default_rng(i)).astype(float)
        assert out[:5, :5].std(axis=(0, 1)).max() < 6, i  # plain wall in the corner
        assert _corr(img, out) > 0.2, i


def test_hand_tinting_is_mostly_grey_with_weak_colour() -> None:
    img = np.concatenate([_flat((220, 30, 30), 200, 300), _flat((30, 60, 220), 200, 300)], axis=1)
    for i in range(3):
        out = hand_tinted(img, np.random.default_rng(i)).astype(int)
        spread = out.max(axis=2) - out.min(axis=2)
        assert 10 < spread[40:260, 40:360].mean() < 150, i
        assert out[40:260, 40:160].mean(axis=(0, 1))[0] > out[40:260, 240:360].mean(axis=(0, 1))[0]


def test_show_through_prints_on_paper_with_the_other_side_faintly() -> None:
    img = _flat((255, 255, 255))
    for i in range(3):
        out = show_through(img, np.random.default_rng(i)).astype(float)
        assert out.std() > 2, i  # the other side shows
        assert out.mean() > 180, i  # faintly


def test_droste_holds_a_smaller_copy_of_the_picture() -> None:
    img = _halves()
    for i in range(3):
        out = droste(img, np.random.default_rng(i))
        assert np.abs(out.astype(float) - img).mean() > 10, i
        assert _corr(img, out) > 0.2, i


def test_a_slide_puzzle_shuffles_tiles_and_leaves_one_blank() -> None:
    img = _big_busy(7)
    for i in range(3):
        out = slide_puzzle(img, np.random.default_rng(i)).astype(float)
        assert np.abs(out - img).mean() > 15, i
        assert out[:20].std(axis=(0, 1)).mean() < 60, i  # the game's bar


def test_an_autochrome_is_grainy_colour_and_dark() -> None:
    img = _flat((160, 160, 160))
    for i in range(3):
        out = autochrome(img, np.random.default_rng(i)).astype(float)
        mid = out[80:200, 100:300]
        assert mid.mean() < 160, i
        assert (mid.max(axis=2) - mid.min(axis=2)).mean() > 20, i  # coloured grains


def test_string_art_is_dark_threads_on_a_round_board() -> None:
    img = np.concatenate([_flat((20, 20, 20), 200, 300), _flat((240, 240, 240), 200, 300)], axis=1)
    for i in range(2):
        out = string_art(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        assert out[120:180, 110:190].mean() < out[120:180, 210:290].mean() - 15, i

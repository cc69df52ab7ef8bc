"""Generator v33 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented (two of them the same apps' screenshots), the
documented shares of kinds and look-alike places, look-alikes that differ only in what is
their own, no drawn surface shared by chance between ordinary places (but the same
mass-produced models in every place of a kind), places of one kind that look different,
kinds, groups, views and seeds new to v33, a look-alike scheme consistent with itself and
clear of v30's, v31's and v32's on a held-out run, a well-formed truth and a working dry
run."""

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
from bench.link_rooms_v33 import (
    _EDIT_ACCENT,
    _EDIT_PANEL,
    _SEARCH_ACCENT,
    EVERY,
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    TEMPLATE_SPAN,
    VIEW_KINDS,
    build_place,
    chopping_board,
    group_of,
    group_rng,
    held_high,
    image_search,
    is_coffee_shop,
    is_distractor,
    is_front_room,
    is_wheel_capsule,
    kind_counts,
    look_aside,
    make_pictures,
    misfocused,
    mixed_light,
    moved,
    over_sharpened,
    place_kind,
    playing_cards,
    profile_stripped,
    room_v33,
    sandwich_board,
    tent_card,
    video_editor,
    views_v33,
)

from bench import link_rooms_v33 as v33

W, H = 120, 90
# one of each ordinary kind: school IT suite, hotel breakfast room, polling station,
# garden centre, decorators' merchant, carpet shop, yoga studio, pizza takeaway; then a
# second of each
ORDINARY = (16, 4, 1, 6, 0, 5, 2, 9)
SECOND = (18, 8, 3, 10, 15, 14, 11, 13)
LOOK_ALIKES = (7, 48, 21, 62, 29, 70)  # two of each group, one template each
OLD = range(6, 33)
PINK = (252, 4, 252)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v33.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v33.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v33.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v33.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v33.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v33.Place, b: v33.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v33.Place, b: v33.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v33(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v33(room_v33(seed, W, H), seed)


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


def _pink(out: np.ndarray) -> np.ndarray:
    """Pixels of a magenta picture, however lit or shaded: red and blue well over green."""
    f = out.astype(float)
    return (f[:, :, 0] > f[:, :, 1] + 90) & (f[:, :, 2] > f[:, :, 1] + 90)


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(_small_grey(a), _small_grey(b))[0, 1])


def _edges(img: np.ndarray) -> float:
    """How steep the steepest edges are (the 99.5th percentile of the steps between
    neighbours), which noise hardly changes but a blur flattens."""
    grey = np.asarray(img, np.float32).mean(axis=2)
    return float(np.percentile(np.abs(np.diff(grey, axis=1)), 99.5))


def _narrower_on_top(mask: np.ndarray) -> bool:
    """Whether a shape seen at a slant is narrower along its top rows than its bottom."""
    rows = np.nonzero(mask.any(axis=1))[0]

    def extent(band: np.ndarray) -> int:
        xs = np.nonzero(band.any(axis=0))[0]
        return int(xs.max() - xs.min())

    top = extent(mask[rows[0] + 5 : rows[0] + 15])
    bottom = extent(mask[rows[-1] - 15 : rows[-1] - 5])
    return top < bottom


def _template_draw(seed: int) -> float:
    """The first draw of a look-alike's template generator (the same for one template)."""
    rng = group_rng(seed)
    assert rng is not None
    return float(rng.random())


def _old(v: int) -> object:
    return importlib.import_module(f"bench.link_rooms_v{v}")


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v33(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v33(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(1), _original(4))
    assert _views(1)["tentcard"] != views_v33(room_v33(1, W, H), 7)["tentcard"]


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
    for seed in (20, 29):
        views = views_v33(room_v33(seed, w, h), seed)
        for kind, data in views.items():
            assert _decode(data).shape == (h, w, 3), (size, seed, kind)


def test_every_view_differs_from_the_original() -> None:
    for seed in (1, 4):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 1.5, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(1), _views(4)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_the_plain_photographic_views_keep_most_of_the_picture() -> None:
    for kind in VIEW_KINDS[:6]:
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (1, 3, 4, 13)]
        assert np.median(scores) > 0.3, (kind, scores)
    for kind in ("profilestripped", "oversharpened"):
        same = [_corr(_original(s), _decode(_views(s)[kind])) for s in (1, 3, 4, 13)]
        assert min(same) > 0.9, (kind, same)


def test_places_of_one_kind_look_different() -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        diff = np.abs(_original(a).astype(float) - _original(b).astype(float)).mean()
        assert diff > 20, (place_kind(a), diff)
        assert _corr(_original(a), _original(b)) < 0.9, place_kind(a)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["terraced front room"] == 25
    assert counts["chain coffee shop"] == 24
    assert counts["observation wheel capsule"] == 24
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 927 - share) < 0.04, kind
    share = sum(is_distractor(s) for s in range(1000)) / 1000
    assert 0.068 <= share <= 0.078


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_front_room(s), is_coffee_shop(s), is_wheel_capsule(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "terraced front room") == groups[0]
        assert (kind == "chain coffee shop") == groups[1]
        assert (kind == "observation wheel capsule") == groups[2]
        assert (kind in GROUPS) == is_distractor(s) == (group_rng(s) is not None)
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(EVERY) if is_distractor(s)] == [7, 21, 29]
    assert [s for s in range(100) if is_distractor(s)] == [7, 21, 29, 48, 62, 70, 89]


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
    assert _template_draw(7) != _template_draw(130)


def test_a_held_out_run_holds_several_groups_of_two_or_more() -> None:
    groups: dict[tuple[str, int], int] = {}
    for s in range(315):
        if is_distractor(s):
            key = (place_kind(s), group_of(s))
            groups[key] = groups.get(key, 0) + 1
    assert sum(n >= 2 for n in groups.values()) == 8
    assert sorted(groups.values()) == [1, 2, 2] + [3] * 6
    assert 0.068 <= sum(groups.values()) / 315 <= 0.078


def test_no_seed_of_a_held_out_run_is_a_look_alike_of_v30_v31_or_v32_too() -> None:
    for v in (30, 31, 32):
        old = _old(v)
        both = [s for s in range(315) if is_distractor(s) and old.is_distractor(s)]  # type: ignore[attr-defined]
        assert both == [], v
        assert sum(is_distractor(s) and old.is_distractor(s) for s in range(1000)) == 6  # type: ignore[attr-defined]


def test_a_run_of_a_hundred_places_holds_every_kind_and_a_pair_of_every_group() -> None:
    counts = kind_counts(0, 100)
    assert set(counts) == {k for k, _ in KINDS} | set(GROUPS)
    assert all(counts[g] >= 2 for g in GROUPS)


def test_kinds_groups_and_views_are_new_to_v33() -> None:
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
    truth = make_pictures(tmp_path, 2, (64, 48), first=6)  # a garden centre, a front room
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv33-00006", "roomv33-00007"]
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
    argv = ["link_rooms_v33", "--rooms", "1", "--first", "20", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v33.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv33-00020"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v33_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v33).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(2_400_000_000 <= s < 2_410_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v33.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v33.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v33.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)
        assert len(places[a].models) >= 2, place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v33.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v33.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (29, 70, "observation wheel capsule", 0.05),
        (21, 62, "chain coffee shop", 0.5),
        (7, 48, "terraced front room", 0.95),
    ],
)
def test_look_alikes_of_one_group_share_their_template_and_differ_only_in_their_own(
    places: dict[int, v33.Place], a: int, b: int, kind: str, most: float
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


def test_a_front_rooms_own_walls_are_much_its_own(places: dict[int, v33.Place]) -> None:
    for name in ("back", "left", "right"):
        assert _changed(places[7], places[48], name) > 0.25, name


def test_a_coffee_shops_own_is_more_than_a_capsules_less_than_a_front_rooms(
    places: dict[int, v33.Place],
) -> None:
    walls = ("back", "left", "right")
    capsule = max(_changed(places[29], places[70], n) for n in walls)
    coffee = max(_changed(places[21], places[62], n) for n in walls)
    front = max(_changed(places[7], places[48], n) for n in walls)
    assert capsule < coffee < front


def test_look_alikes_of_another_template_are_built_from_it() -> None:
    assert place_kind(130) == "terraced front room"
    assert group_of(130) != group_of(7)
    a, b = build_place(7), build_place(130)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right", "back"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v33(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v33.Place]) -> None:
    for s in (7, 21, 29, 0, 1, 9):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            for cam in (moved(p, rng, 1.0, 30), held_high(p, rng), look_aside(p, rng)):
                x, y, z = (float(v) for v in cam.pos)
                assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_held_high_raises_the_camera_and_tilts_it_down(places: dict[int, v33.Place]) -> None:
    for s in (*ORDINARY, *LOOK_ALIKES):
        p = places[s]
        cam = held_high(p, np.random.default_rng(s))
        rise = float(cam.pos[1]) - float(p.camera.pos[1])
        assert 0.45 - 1e-6 <= rise <= 0.7 + 1e-6 or float(cam.pos[1]) == p.height - 0.15, s
        assert 8 - 1e-6 <= p.camera.pitch - cam.pitch <= 16 + 1e-6, s
        assert cam.hfov == p.camera.hfov


def test_looking_aside_turns_the_camera_where_it_stood(places: dict[int, v33.Place]) -> None:
    for s in (*ORDINARY, *LOOK_ALIKES):
        p = places[s]
        cam = look_aside(p, np.random.default_rng(s))
        assert 18 - 1e-6 <= abs(cam.yaw - p.camera.yaw) <= 28 + 1e-6, s
        assert float(np.abs(cam.pos - p.camera.pos).max()) <= 0.151, s


# --- each view changes the picture as documented ----------------------------------------------


def test_mixed_light_is_cool_on_one_side_and_warm_on_the_other() -> None:
    sides = set()
    for i in range(6):
        out = mixed_light(_flat((150, 150, 150)), np.random.default_rng(i)).astype(float)
        left = out[:, :60, 2].mean() - out[:, :60, 0].mean()
        right = out[:, -60:, 2].mean() - out[:, -60:, 0].mean()
        assert left * right < 0, i  # blue over red on one side, red over blue on the other
        assert abs(left) > 20 and abs(right) > 20, i
        sides.add(left > 0)
        assert _corr(_halves(), mixed_light(_halves(), np.random.default_rng(i))) > 0.9, i
    assert sides == {True, False}  # the daylight comes from either side


def test_a_missed_focus_spreads_a_bright_point_into_a_disc() -> None:
    img = _flat((10, 10, 10))
    img[150, 200] = (255, 255, 255)
    for i in range(3):
        out = misfocused(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        assert out[150, 200] < 100, i
        lit = out[140:161, 190:211] > 13
        assert 5 <= lit.sum() <= 200, i
        busy = _big_busy(2)
        blurred = misfocused(busy, np.random.default_rng(i))
        assert _edges(blurred) < 0.6 * _edges(busy), i
        assert _corr(busy, blurred) > 0.85, i


def test_a_stripped_profile_dulls_colours_and_keeps_greys() -> None:
    for i in range(3):
        red = profile_stripped(_flat((240, 30, 30)), np.random.default_rng(i)).astype(float)
        assert red[:, :, 0].mean() < 236 and red[:, :, 1].mean() > 40, i
        grey = profile_stripped(_flat((128, 128, 128)), np.random.default_rng(i)).astype(float)
        assert np.abs(grey - 128).mean() < 3, i


def test_over_sharpening_puts_haloes_along_edges() -> None:
    for i in range(3):
        out = over_sharpened(_halves(), np.random.default_rng(i)).astype(float).mean(axis=2)
        assert out[:100, 185:200].min() < 30, i  # under the dark side's 40 next to the edge
        assert out[:100, 200:215].max() > 230, i  # over the pale side's 220
        assert abs(out[:100, :150].mean() - 40) < 4, i


def test_the_image_search_page_shows_the_picture_and_its_matches_in_one_sites_chrome() -> None:
    img = _flat(PINK)
    addresses = []
    for i in range(4):
        out = image_search(img, np.random.default_rng(i))
        pink = _pink(out)
        assert 0.12 < pink.mean() < 0.5, (i, pink.mean())
        assert pink[:, :200].sum() > 2 * pink[:, 200:].sum(), i  # the query on the left
        assert pink[:, 240:].any(), i  # one match is the picture itself
        blue = (np.abs(out.astype(int) - np.array(_SEARCH_ACCENT)).sum(axis=2) < 40).sum()
        assert blue > 20, i
        addresses.append(out[: round(300 * 0.07)])
    assert not np.array_equal(addresses[0], addresses[1])  # each search's own address


def test_the_video_editor_shows_the_picture_and_a_strip_of_its_frames() -> None:
    img = _flat(PINK)
    for i in range(4):
        out = video_editor(img, np.random.default_rng(i))
        pink = _pink(out)
        rows = pink.mean(axis=1)
        top = pink[: int(300 * 0.6)]
        assert 0.3 < rows[: int(300 * 0.6)].max() < 0.7, i  # the preview, fitted to its height
        _ys, xs = np.nonzero(top)
        assert abs(xs.mean() - 200) < 5, i  # and centred
        strip = rows[int(300 * 0.62) : int(300 * 0.85)]
        assert (strip > 0.5).sum() >= 5, i  # the clip's frames on the timeline
        nav = out[-int(300 * 0.1) :]
        assert (nav == np.array(_EDIT_PANEL)).all(axis=2).mean() > 0.7, i
        teal = (np.abs(out.astype(int) - np.array(_EDIT_ACCENT)).sum(axis=2) < 30).sum()
        assert teal > 100, i  # the export button and the clip's border


def test_a_chopping_board_lies_at_a_slant_under_a_knife_and_a_lemon() -> None:
    for i in range(4):
        out = chopping_board(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.2 < pink.mean() < 0.65, (i, pink.mean())
        assert _narrower_on_top(pink), i
        f = out.astype(float)
        yellow = (f[:, :, 0] > 200) & (f[:, :, 1] > 170) & (f[:, :, 2] < 120)
        assert yellow.sum() > 50, i


def test_playing_cards_fan_out_copies_of_the_picture() -> None:
    for i in range(4):
        out = playing_cards(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.1 < pink.mean() < 0.6, (i, pink.mean())
        ys, xs = np.nonzero(pink)
        box = (ys.max() - ys.min()) * (xs.max() - xs.min()) / pink.size
        top_card = (0.38 * 400) * (0.38 * 400 * 0.75) / pink.size
        assert box > 1.3 * top_card, i  # more than one card shows
        assert pink[ys.min() : ys.max(), xs.min() : xs.max()].mean() < 0.9, i  # borders


def test_a_sandwich_board_stands_on_the_pavement_leaning_back() -> None:
    for i in range(4):
        out = sandwich_board(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.08 < pink.mean() < 0.45, (i, pink.mean())
        assert not pink[-10:].any(), i
        assert _narrower_on_top(pink), i


def test_a_tent_card_stands_on_a_table_behind_a_cup() -> None:
    for i in range(4):
        out = tent_card(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.08 < pink.mean() < 0.45, (i, pink.mean())
        rows = np.nonzero(pink.any(axis=1))[0]
        widths = [np.ptp(np.nonzero(pink[y])[0]) for y in rows]
        top, middle = (
            np.mean(widths[3:8]),
            np.mean(widths[len(widths) // 2 - 2 : len(widths) // 2 + 3]),
        )
        assert top < middle - 1, (i, top, middle)  # leaning back
        full = np.mean([pink[y].sum() for y in rows[len(rows) // 2 - 2 : len(rows) // 2 + 3]])
        low = np.mean([pink[y].sum() for y in rows[-6:-1]])
        assert low < 0.9 * full, i  # the cup hides a lower corner

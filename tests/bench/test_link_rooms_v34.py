"""Generator v34 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented (two of them the same apps' screenshots), the
documented shares of kinds and look-alike places, look-alikes that differ only in what is
their own, no drawn surface shared by chance between ordinary places (but the same
mass-produced models in every place of a kind), places of one kind that look different,
kinds, groups, views and seeds new to v34, a look-alike scheme consistent with itself and
clear of v30's-v33's on a held-out run, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v13 import _vec
from bench.link_rooms_v16 import _aim
from bench.link_rooms_v34 import (
    _DECK_ACCENT,
    _FILES_ACCENT,
    EVERY,
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    TEMPLATE_SPAN,
    VIEW_KINDS,
    beside_wall,
    build_place,
    colour_bleed,
    doormat,
    field_doubled,
    file_browser,
    fleece_blanket,
    frame_grab,
    greasy_lens,
    group_of,
    group_rng,
    is_conservatory,
    is_discount_store,
    is_distractor,
    is_gatehouse,
    kind_counts,
    make_pictures,
    moved,
    photo_book,
    photo_plate,
    place_kind,
    room_v34,
    seated,
    slide_deck,
    views_v34,
)

from bench import link_rooms_v34 as v34

W, H = 120, 90
# one of each ordinary kind: appliance showroom, food bank, noodle bar, mobility shop,
# comic shop, pawnbroker, hearing centre, board game cafe; then a second of each
ORDINARY = (4, 3, 1, 2, 0, 15, 10, 8)
SECOND = (11, 13, 5, 7, 16, 31, 18, 9)
LOOK_ALIKES = (6, 53, 25, 72, 41, 88)  # two of each group, one template each
OLD = range(6, 34)
PINK = (252, 4, 252)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v34.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v34.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v34.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v34.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v34.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v34.Place, b: v34.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v34.Place, b: v34.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v34(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v34(room_v34(seed, W, H), seed)


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


def _halves(
    left: tuple[int, int, int] = (40, 40, 40), right: tuple[int, int, int] = (220, 220, 220)
) -> np.ndarray:
    """``left`` on the left, ``right`` on the right: a picture with one clear edge."""
    return np.concatenate([_flat(left, 200, 300), _flat(right, 200, 300)], axis=1)


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
    again = room_v34(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v34(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(1), _original(4))
    assert _views(1)["photobook"] != views_v34(room_v34(1, W, H), 7)["photobook"]


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
    for seed in (6, 41):
        views = views_v34(room_v34(seed, w, h), seed)
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
    for kind in ("colourbleed", "fielddoubled"):
        same = [_corr(_original(s), _decode(_views(s)[kind])) for s in (1, 3, 4, 13)]
        assert min(same) > 0.9, (kind, same)


def test_places_of_one_kind_look_different() -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        diff = np.abs(_original(a).astype(float) - _original(b).astype(float)).mean()
        assert diff > 20, (place_kind(a), diff)
        assert _corr(_original(a), _original(b)) < 0.9, place_kind(a)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["business park gatehouse"] == 22
    assert counts["discount store branch"] == 21
    assert counts["new-build conservatory"] == 21
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 936 - share) < 0.04, kind
    share = sum(is_distractor(s) for s in range(1000)) / 1000
    assert 0.06 <= share <= 0.068


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_gatehouse(s), is_discount_store(s), is_conservatory(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "business park gatehouse") == groups[0]
        assert (kind == "discount store branch") == groups[1]
        assert (kind == "new-build conservatory") == groups[2]
        assert (kind in GROUPS) == is_distractor(s) == (group_rng(s) is not None)
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(EVERY) if is_distractor(s)] == [6, 25, 41]
    assert [s for s in range(100) if is_distractor(s)] == [6, 25, 41, 53, 72, 88]


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
    assert _template_draw(6) != _template_draw(147)


def test_a_held_out_run_holds_several_groups_of_two_or_more() -> None:
    groups: dict[tuple[str, int], int] = {}
    for s in range(315):
        if is_distractor(s):
            key = (place_kind(s), group_of(s))
            groups[key] = groups.get(key, 0) + 1
    assert sum(n >= 2 for n in groups.values()) == 6
    assert sorted(groups.values()) == [1, 1] + [3] * 6
    assert 0.06 <= sum(groups.values()) / 315 <= 0.068


def test_no_seed_of_a_held_out_run_is_a_look_alike_of_v30_to_v33_too() -> None:
    for v, overlap in ((30, 5), (31, 4), (32, 4), (33, 3)):
        old = _old(v)
        both = [s for s in range(315) if is_distractor(s) and old.is_distractor(s)]  # type: ignore[attr-defined]
        assert both == [], v
        assert sum(is_distractor(s) and old.is_distractor(s) for s in range(1000)) == overlap  # type: ignore[attr-defined]


def test_the_modulus_is_none_of_the_older_generators() -> None:
    assert EVERY not in (33, 37, 41, 43, 100)
    for v in (31, 32, 33):
        assert getattr(_old(v), "EVERY", None) != EVERY, v


def test_a_run_of_a_hundred_places_holds_every_kind_and_a_pair_of_every_group() -> None:
    counts = kind_counts(0, 100)
    assert set(counts) == {k for k, _ in KINDS} | set(GROUPS)
    assert all(counts[g] >= 2 for g in GROUPS)


def test_kinds_groups_and_views_are_new_to_v34() -> None:
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
    truth = make_pictures(tmp_path, 2, (64, 48), first=5)  # a noodle bar, a gatehouse
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv34-00005", "roomv34-00006"]
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
    argv = ["link_rooms_v34", "--rooms", "1", "--first", "20", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v34.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv34-00020"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v34_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v34).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(2_500_000_000 <= s < 2_510_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v34.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v34.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v34.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)
        assert len(places[a].models) >= 2, place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v34.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v34.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (6, 53, "business park gatehouse", 0.06),
        (25, 72, "discount store branch", 0.2),
        (41, 88, "new-build conservatory", 0.7),
    ],
)
def test_look_alikes_of_one_group_share_their_template_and_differ_only_in_their_own(
    places: dict[int, v34.Place], a: int, b: int, kind: str, most: float
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


def test_a_conservatorys_own_glazing_is_much_its_own(places: dict[int, v34.Place]) -> None:
    for name in ("back", "left", "right"):
        assert _changed(places[41], places[88], name) > 0.25, name


def test_a_discount_stores_own_is_more_than_a_gatehouses_less_than_a_conservatorys(
    places: dict[int, v34.Place],
) -> None:
    walls = ("back", "left", "right", "front")
    gate = max(_changed(places[6], places[53], n) for n in walls)
    store = max(_changed(places[25], places[72], n) for n in walls)
    home = max(_changed(places[41], places[88], n) for n in walls)
    assert gate < store < home


def test_look_alikes_of_another_template_are_built_from_it() -> None:
    assert place_kind(147) == "business park gatehouse"
    assert group_of(147) != group_of(6)
    a, b = build_place(6), build_place(147)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right", "back"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v34(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v34.Place]) -> None:
    for s in (6, 25, 41, 0, 1, 15):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            for cam in (moved(p, rng, 1.0, 30), seated(p, rng), beside_wall(p, rng)):
                x, y, z = (float(v) for v in cam.pos)
                assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_sitting_down_lowers_the_camera_and_levels_it(places: dict[int, v34.Place]) -> None:
    for s in (*ORDINARY, *LOOK_ALIKES):
        p = places[s]
        cam = seated(p, np.random.default_rng(s))
        assert 1.1 - 1e-6 <= float(cam.pos[1]) <= 1.25 + 1e-6, s
        assert float(cam.pos[1]) < float(p.camera.pos[1]) - 0.2, s
        assert 2 - 1e-6 <= cam.pitch - p.camera.pitch <= 6 + 1e-6, s
        assert cam.hfov == p.camera.hfov


def test_standing_by_a_side_wall_moves_across_and_aims_at_the_back(
    places: dict[int, v34.Place],
) -> None:
    across = 0
    for s in (*ORDINARY, *SECOND):
        p = places[s]
        cam = beside_wall(p, np.random.default_rng(s))
        x0, x1 = float(p.camera.pos[0]), float(cam.pos[0])
        if abs(x1 - x0) > 0.1:
            across += 1
            assert abs(x1) >= 0.25 * p.width or abs(x1) >= p.width / 2 - 0.26, s
            assert x0 * x1 <= 0 or abs(x0) < 0.05, s
        lo = min(_aim(cam.pos, _vec(0.0, y, p.depth))[0] for y in (1.0, 1.4))
        hi = max(_aim(cam.pos, _vec(0.0, y, p.depth))[0] for y in (1.0, 1.4))
        assert lo - 5 - 1e-6 <= cam.yaw <= hi + 5 + 1e-6, s
    assert across >= 12


# --- each view changes the picture as documented ----------------------------------------------


def test_a_greasy_lens_streaks_a_bright_point_and_veils_the_picture() -> None:
    img = _flat((20, 20, 20))
    cv2.circle(img, (200, 150), 3, (255, 255, 255), -1)
    for i in range(4):
        out = greasy_lens(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        ys, xs = np.nonzero(out > 40)
        assert max(np.ptp(xs), np.ptp(ys)) >= 0.05 * 400, i  # dragged into a streak
        assert min(np.ptp(xs), np.ptp(ys)) < max(np.ptp(xs), np.ptp(ys)) / 2 or (
            np.ptp(xs) > 20 and np.ptp(ys) > 20
        ), i
        veiled = greasy_lens(_halves(), np.random.default_rng(i)).astype(float)
        assert veiled[:, :150].mean() > 45, i  # the dark side lifted by the veil
        assert _corr(_halves(), veiled.astype(np.uint8)) > 0.9, i


def test_a_frame_grab_is_softer_and_blockier_but_the_same_scene() -> None:
    busy = _big_busy(4)
    for i in range(3):
        out = frame_grab(busy, np.random.default_rng(i))
        assert out.shape == busy.shape
        assert _edges(out) < 0.8 * _edges(busy), i
        assert _corr(busy, out) > 0.85, i


def test_colour_bleeds_sideways_while_brightness_stays_sharp() -> None:
    for i in range(3):
        grey = colour_bleed(_halves(), np.random.default_rng(i)).astype(float).mean(axis=2)
        assert abs(grey[:, 197].mean() - 40) < 4 and abs(grey[:, 203].mean() - 220) < 4, i
        out = colour_bleed(_halves((200, 60, 60), (60, 60, 200)), np.random.default_rng(i))
        hue = out[150, :, 0].astype(float) - out[150, :, 2].astype(float)
        between = np.nonzero((hue < 100) & (hue > -100))[0]
        assert len(between) >= 4, i  # the colour change spread over several pixels
        assert between.mean() > 200, i  # and delayed to the right


def test_a_doubled_field_repeats_every_row_of_one_field() -> None:
    busy = _big_busy(5)

    def kept(out: np.ndarray, p: int) -> bool:
        """Whether ``out`` is field ``p`` of ``busy`` (rows p, p+2, ...) shown twice."""
        return all(
            np.array_equal(out[y], busy[y]) and np.array_equal(out[y + 1], busy[y])
            for y in range(p, 299, 2)
        )

    parities = set()
    for i in range(6):
        out = field_doubled(busy, np.random.default_rng(i))
        assert out.shape == busy.shape
        fields = [p for p in (0, 1) if kept(out, p)]
        assert len(fields) == 1, i
        parities.add(fields[0])
    assert parities == {0, 1}


def test_the_file_browser_previews_the_selected_picture_in_one_apps_chrome() -> None:
    img = _flat(PINK)
    titles = []
    for i in range(4):
        out = file_browser(img, np.random.default_rng(i))
        pink = _pink(out)
        assert 0.08 < pink.mean() < 0.4, (i, pink.mean())
        assert pink[:, int(400 * 0.6) :].sum() > 2 * pink[:, : int(400 * 0.6)].sum(), i
        assert pink[:, int(400 * 0.23) : int(400 * 0.58)].any(), i  # the selected thumbnail
        assert not pink[:, : int(400 * 0.17)].any(), i  # the sidebar
        blue = (np.abs(out.astype(int) - np.array(_FILES_ACCENT)).sum(axis=2) < 40).sum()
        assert blue > 20, i
        titles.append(out[: round(300 * 0.13)])
    assert not np.array_equal(titles[0], titles[1])  # each folder's own path


def test_the_slide_deck_shows_the_picture_selected_on_a_slide() -> None:
    img = _flat(PINK)
    for i in range(4):
        out = slide_deck(img, np.random.default_rng(i))
        pink = _pink(out)
        assert 0.1 < pink.mean() < 0.45, (i, pink.mean())
        assert pink[:, : int(400 * 0.18)].any(), i  # the current slide's thumbnail
        assert pink[:, int(400 * 0.2) :].sum() > 5 * pink[:, : int(400 * 0.2)].sum(), i
        orange = np.abs(out.astype(int) - np.array(_DECK_ACCENT)).sum(axis=2) < 40
        assert orange[: round(300 * 0.06)].mean() > 0.6, i  # the header
        white = (out.astype(int) == 255).all(axis=2)
        ys, xs = np.nonzero(pink)
        ring = white[ys.min() - 3 : ys.max() + 4, xs.min() - 3 : xs.max() + 4]
        assert ring[:4].any() and ring[-4:].any(), i  # the handles round the picture


def test_a_plate_shows_the_picture_in_an_oval_inside_a_white_rim() -> None:
    for i in range(4):
        out = photo_plate(_flat(PINK), np.random.default_rng(i))
        f = out.astype(float)
        # the print itself: deep magenta (a wall behind of any colour is never this deep)
        pink = (f[:, :, 1] < 40) & (f[:, :, 0] > 150) & (f[:, :, 2] > 150)
        assert 0.1 < pink.mean() < 0.45, (i, pink.mean())
        ys, xs = np.nonzero(pink)
        box = pink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
        assert 0.65 < box.mean() < 0.9, i  # an oval fills about pi/4 of its box
        assert 0.85 < np.ptp(xs) / np.ptp(ys) < 1.15, i  # a round plate, a little turned
        cy = (ys.min() + ys.max()) // 2
        rim = out[cy, xs.max() + 3 : xs.max() + 8].astype(float)
        assert (rim.min(axis=1) > 150).any(), i  # white glaze just outside the picture


def test_a_fleece_blanket_hangs_in_shaded_folds_and_softens_the_print() -> None:
    for i in range(4):
        out = fleece_blanket(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.4 < pink.mean() < 0.9, (i, pink.mean())
        ys, _xs = np.nonzero(pink)
        band = out[int(np.median(ys)) - 10 : int(np.median(ys)) + 10].astype(float)[:, :, 0]
        cols = band.mean(axis=0)[pink[int(np.median(ys))]]
        assert np.ptp(cols) > 20, i  # light and dark folds across
        busy = _big_busy(i)
        assert _edges(fleece_blanket(busy, np.random.default_rng(i))) < 0.7 * _edges(busy), i


def test_a_doormat_browns_and_coarsens_the_print_seen_from_above() -> None:
    for i in range(4):
        out = doormat(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.15 < pink.mean() < 0.6, (i, pink.mean())
        assert _narrower_on_top(pink), i
        assert out[pink][:, 1].astype(float).mean() > 20, i  # coir mixed into the dye


def test_a_photo_book_has_the_picture_on_its_right_page_dark_in_the_gutter() -> None:
    for i in range(4):
        out = photo_book(_flat(PINK), np.random.default_rng(i))
        pink = _pink(out)
        assert 0.1 < pink.mean() < 0.5, (i, pink.mean())
        assert _narrower_on_top(pink), i
        ys, _xs = np.nonzero(pink[:, 170:])
        y = int(np.median(ys))
        row = out[y].astype(float)[:, 0]
        inside = 170 + np.nonzero(pink[y, 170:])[0]
        assert row[inside[:3]].mean() < row[inside[len(inside) // 2]] - 30, i  # the gutter
        assert pink[:, :190].sum() < 0.25 * pink[:, 190:].sum(), i  # the right-hand page

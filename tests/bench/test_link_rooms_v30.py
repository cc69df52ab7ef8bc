"""Generator v30 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups, views and seeds new to v30, a look-alike scheme consistent with itself, a
well-formed truth and a working dry run."""

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
from bench.link_rooms_v30 import (
    EVERY,
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    TEMPLATE_SPAN,
    VIEW_KINDS,
    build_place,
    cushion,
    dash_screen,
    flash_lit,
    forwarded,
    group_of,
    group_rng,
    handheld,
    is_bus_deck,
    is_distractor,
    is_food_truck,
    is_market_stall,
    kind_counts,
    lamp_light,
    make_pictures,
    moved,
    night_phone,
    pinch_zoom,
    place_kind,
    postcard_rack,
    room_v30,
    shower_curtain,
    stepped,
    views_v30,
    window_light,
)

from bench import link_rooms_v30 as v30

W, H = 120, 90
# one of each ordinary kind: baggage reclaim hall, milking parlour, LAN gaming centre,
# conveyor sushi bar, tram depot, indoor bowls hall, school canteen, car showroom; then a
# second of each
ORDINARY = (4, 10, 0, 1, 3, 6, 21, 2)
SECOND = (8, 14, 11, 25, 9, 12, 29, 7)
LOOK_ALIKES = (5, 38, 16, 49, 27, 60)  # two of each group, one template each
OLD = range(6, 30)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v30.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v30.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v30.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v30.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v30.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v30.Place, b: v30.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v30.Place, b: v30.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v30(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v30(room_v30(seed, W, H), seed)


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
    again = room_v30(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v30(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(2), _original(9))
    assert _views(2)["cushion"] != views_v30(room_v30(2, W, H), 7)["cushion"]


def test_a_place_has_twelve_views_of_the_documented_kinds_formats_and_sizes() -> None:
    views = _views(2)
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
    views = views_v30(room_v30(16, w, h), 16)
    for kind, data in views.items():
        assert _decode(data).shape == (h, w, 3), (size, kind)


def test_every_view_differs_from_the_original() -> None:
    for seed in (2, 9):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 2, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(2), _views(9)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_the_plain_photographic_views_keep_most_of_the_picture() -> None:
    for kind in ("forwarded", "windowlight", "nightphone"):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (2, 3, 9, 14)]
        assert np.median(scores) > 0.3, (kind, scores)
    forwarded_ = [_corr(_original(s), _decode(_views(s)["forwarded"])) for s in (2, 3, 9, 14)]
    assert min(forwarded_) > 0.9, forwarded_


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["bus upper deck"] == 31
    assert counts["food truck"] == 30
    assert counts["covered market stall"] == 30
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 909 - share) < 0.04, kind
    share = sum(is_distractor(s) for s in range(1000)) / 1000
    assert 0.08 <= share <= 0.10


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_bus_deck(s), is_food_truck(s), is_market_stall(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "bus upper deck") == groups[0]
        assert (kind == "food truck") == groups[1]
        assert (kind == "covered market stall") == groups[2]
        assert (kind in GROUPS) == is_distractor(s) == (group_rng(s) is not None)
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(EVERY) if is_distractor(s)] == [5, 16, 27]
    assert [s for s in range(100) if is_distractor(s)] == [5, 16, 27, 38, 49, 60, 71, 82, 93]


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
    assert _template_draw(5) != _template_draw(104)


def test_a_held_out_run_holds_several_groups_of_two_or_more() -> None:
    groups: dict[tuple[str, int], int] = {}
    for s in range(315):
        if is_distractor(s):
            key = (place_kind(s), group_of(s))
            groups[key] = groups.get(key, 0) + 1
    assert sum(n >= 2 for n in groups.values()) == 9
    assert sorted(groups.values()) == [1, 1] + [3] * 9
    assert 0.08 <= sum(groups.values()) / 315 <= 0.10


def test_a_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v30() -> None:
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
    truth = make_pictures(tmp_path, 2, (64, 48), first=4)  # a reclaim hall, a bus
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv30-00004", "roomv30-00005"]
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
    argv = ["link_rooms_v30", "--rooms", "1", "--first", "27", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v30.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv30-00027"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v30_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v30).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(2_100_000_000 <= s < 2_110_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v30.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v30.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v30.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)
        assert len(places[a].models) >= 2, place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v30.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v30.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (5, 38, "bus upper deck", 0.05),
        (16, 49, "food truck", 0.5),
        (27, 60, "covered market stall", 0.95),
    ],
)
def test_look_alikes_of_one_group_share_their_template_and_differ_only_in_their_own(
    places: dict[int, v30.Place], a: int, b: int, kind: str, most: float
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


def test_a_market_stalls_own_walls_are_mostly_its_own(places: dict[int, v30.Place]) -> None:
    for name in ("back", "left", "right"):
        assert _changed(places[27], places[60], name) > 0.4, name


def test_a_food_trucks_own_is_more_than_a_buss_less_than_a_stalls(
    places: dict[int, v30.Place],
) -> None:
    walls = ("back", "left", "right")
    bus = max(_changed(places[5], places[38], n) for n in walls)
    truck = max(_changed(places[16], places[49], n) for n in walls)
    stall = max(_changed(places[27], places[60], n) for n in walls)
    assert bus < truck < stall


def test_look_alikes_of_another_template_are_built_from_it() -> None:
    assert place_kind(104) == "bus upper deck"
    assert group_of(104) != group_of(5)
    a, b = build_place(5), build_place(104)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v30(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v30.Place]) -> None:
    for s in (5, 16, 27, 2, 3, 10):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            for cam in (moved(p, rng, 1.0, 30), stepped(p, rng)):
                x, y, z = (float(v) for v in cam.pos)
                assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_two_steps_moves_the_camera_into_the_place_and_turns_it(
    places: dict[int, v30.Place],
) -> None:
    far = 0
    for s in (*ORDINARY, *SECOND, *LOOK_ALIKES):
        p = places[s]
        cam = stepped(p, np.random.default_rng(s))
        dist = float(np.linalg.norm(np.asarray(cam.pos) - np.asarray(p.camera.pos)))
        k = 0.3 if s in LOOK_ALIKES else 1.0
        assert dist <= 1.4 * k + 1e-6, s
        assert 10 <= abs(cam.yaw - p.camera.yaw) <= 22, s
        assert -6 <= cam.hfov - p.camera.hfov <= 4, s
        far += s not in LOOK_ALIKES and dist >= 0.3
    assert far >= 12


# --- each view changes the picture as documented ----------------------------------------------


def test_forwarding_keeps_the_picture_but_wears_its_detail_away() -> None:
    img = _big_busy(1)
    for i in range(3):
        out = forwarded(img, np.random.default_rng(i))
        assert _corr(img, out) > 0.95, i
        assert _detail(out) < 0.8 * _detail(img), i


def test_a_pinch_zoom_blows_up_a_part_of_the_picture() -> None:
    img = _flat((128, 128, 128))
    img[140:160, 190:210] = (250, 30, 30)
    for i in range(4):
        out = pinch_zoom(img, np.random.default_rng(i)).astype(float)
        red = (out[:, :, 0] > 200) & (out[:, :, 1] < 90)
        assert 1.7 < red.sum() / 400 < 3.6, (i, red.sum())
        assert out[:8].mean() < 90, i


def test_window_light_brightens_one_side_and_cools_the_colour() -> None:
    img = _flat((128, 128, 128))
    for i in range(3):
        out = window_light(img, np.random.default_rng(i)).astype(float)
        left, right = out[:, :80].mean(), out[:, -80:].mean()
        assert abs(left - right) > 30, (i, left, right)
        assert out[:, :, 2].mean() > out[:, :, 0].mean() + 5, i


def test_lamplight_darkens_warms_and_pools_the_light() -> None:
    img = _flat((160, 160, 160))
    for i in range(3):
        out = lamp_light(img, np.random.default_rng(i)).astype(float)
        assert out.mean() < 135, i
        assert out[:, :, 0].mean() > out[:, :, 2].mean() + 25, i
        smooth = cv2.resize(out.mean(axis=2), (16, 12), interpolation=cv2.INTER_AREA)
        assert smooth.std() > 10, i


def test_a_flash_lights_the_middle_and_leaves_the_corners_dark() -> None:
    img = _flat((128, 128, 128))
    for i in range(3):
        out = flash_lit(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        middle = out[120:180, 170:230].mean()
        corners = np.mean([out[:30, :40].mean(), out[:30, -40:].mean(), out[-30:, :40].mean()])
        assert middle - corners > 60, (i, middle, corners)
        hot = np.nonzero(out > 245)
        assert len(hot[0]) >= 10, i  # the flash's clipped reflection
        assert 60 < hot[0].mean() < 240 and 80 < hot[1].mean() < 320, i


def test_a_night_phone_shot_is_darker_and_noisier_but_keeps_the_layout() -> None:
    img = _flat((150, 150, 150))
    for i in range(3):
        out = night_phone(img, np.random.default_rng(i)).astype(float)
        assert out.mean() < 120, i
        grey = out.mean(axis=2)
        assert np.abs(grey - cv2.GaussianBlur(grey, (0, 0), 3)).mean() > 1.0, i
        assert _corr(_halves(), night_phone(_halves(), np.random.default_rng(i))) > 0.8, i


def test_a_dash_screen_shows_the_picture_in_a_dark_dashboard() -> None:
    img = _flat((252, 4, 252))
    for i in range(3):
        out = dash_screen(img, np.random.default_rng(i))
        pink = _pink(out).mean()
        assert 0.2 < pink < 0.55, (i, pink)
        assert out[-25:].astype(float).mean() < 80, i


def test_a_cushion_shows_the_picture_shaded_towards_its_edges() -> None:
    img = _flat((252, 4, 252))
    for i in range(3):
        out = cushion(img, np.random.default_rng(i))
        pink = _pink(out)
        assert 0.15 < pink.mean() < 0.5, (i, pink.mean())
        assert not pink[:10, :10].any() and not pink[:10, -10:].any(), i
        ys, xs = np.nonzero(pink)
        cy, cx = int(ys.mean()), int(xs.mean())
        centre = out[cy - 5 : cy + 5, cx - 5 : cx + 5, 0].astype(float).mean()
        ring = pink & ~cv2.erode(pink.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
        assert centre > out[:, :, 0][ring].astype(float).mean() + 20, i


def test_a_shower_curtain_folds_the_picture_into_stripes() -> None:
    for i in range(3):
        out = shower_curtain(_flat((160, 160, 160)), np.random.default_rng(i)).astype(float)
        columns = out[100:200, 100:300].mean(axis=(0, 2))
        assert columns.std() > 10, i
        assert _corr(_halves(), shower_curtain(_halves(), np.random.default_rng(i))) > 0.4, i


def test_a_handheld_shows_the_picture_small_and_blocky() -> None:
    for i in range(3):
        pink = _pink(handheld(_flat((252, 4, 252)), np.random.default_rng(i))).mean()
        assert 0.07 < pink < 0.22, (i, pink)
    ramp = np.repeat(np.linspace(0, 255, 400)[None, :, None], 300, axis=0).repeat(3, axis=2)
    out = handheld(ramp.astype(np.uint8), np.random.default_rng(0)).astype(float)
    row = out[150, 170:230, 1]
    assert (np.abs(np.diff(row)) < 4).mean() > 0.6  # blocks, not a smooth ramp


def test_a_postcard_rack_shows_the_picture_on_one_small_card_among_others() -> None:
    for i in range(3):
        out = postcard_rack(_flat((252, 4, 252)), np.random.default_rng(i))
        pink = _pink(out).mean()
        assert 0.008 < pink < 0.06, (i, pink)
        assert out.astype(float).std() > 30, i

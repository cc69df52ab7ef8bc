"""Generator v29 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups, views, slots and seeds new to v29, a well-formed truth and a working dry
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
from bench.link_rooms_v29 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    build_place,
    burst_picker,
    calendar,
    group_of,
    is_balcony,
    is_distractor,
    is_nacelle,
    is_utility_room,
    kind_counts,
    make_pictures,
    moved,
    now_playing,
    photo_clock,
    pip_window,
    place_kind,
    print_preview,
    record_sleeve,
    room_v29,
    share_sheet,
    sky_swap,
    spoiler_blur,
    trace_layer,
    views_v29,
    wheat_paste,
)

from bench import link_rooms_v29 as v29

W, H = 120, 90
# one of each ordinary kind: trampoline park, cleanroom bay, indoor cricket nets, indoor
# skatepark, ice sculpture studio, glazier's workshop, karting track, stove showroom; then
# a second of each
ORDINARY = (6, 31, 3, 0, 2, 32, 10, 1)
SECOND = (8, 34, 7, 4, 5, 49, 11, 9)
LOOK_ALIKES = (78, 178, 79, 179, 99, 199)  # two of each group, one template each
OLD = range(6, 29)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v29.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v29.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v29.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v29.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v29.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v29.Place, b: v29.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v29.Place, b: v29.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v29(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v29(room_v29(seed, W, H), seed)


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


def _red(out: np.ndarray) -> np.ndarray:
    f = out.astype(float)
    return (f[:, :, 0] > f[:, :, 1] + 80) & (f[:, :, 0] > 100) & (f[:, :, 2] < 90)


def _magenta(out: np.ndarray) -> np.ndarray:
    """Pixels of (252, 4, 252), a colour no random colour of the views (each channel
    20-240 or so) reaches."""
    f = out.astype(float)
    return (f[:, :, 0] > 244) & (f[:, :, 1] < 14) & (f[:, :, 2] > 244)


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(_small_grey(a), _small_grey(b))[0, 1])


def _old(v: int) -> object:
    return importlib.import_module(f"bench.link_rooms_v{v}")


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v29(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v29(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(2), _original(9))
    assert _views(2)["wheatpaste"] != views_v29(room_v29(2, W, H), 7)["wheatpaste"]


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
    views = views_v29(room_v29(79, w, h), 79)
    for kind, data in views.items():
        assert _decode(data).shape == (h, w, 3), (size, kind)


def test_every_view_differs_from_the_original() -> None:
    for seed in (2, 9):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 3, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(2), _views(9)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_the_easy_views_keep_most_of_the_picture() -> None:
    for kind in ("nowplaying",):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (2, 3, 9, 14)]
        assert np.median(scores) > 0.3, (kind, scores)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["wind turbine nacelle"] == 10
    assert counts["new-build utility room"] == 10
    assert counts["glazed balcony"] == 10
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 970 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 30


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_nacelle(s), is_utility_room(s), is_balcony(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "wind turbine nacelle") == groups[0]
        assert (kind == "new-build utility room") == groups[1]
        assert (kind == "glazed balcony") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [78, 79, 99]


def test_the_look_alike_slots_are_no_older_generators() -> None:
    for v in range(10, 29):
        old = _old(v)
        if hasattr(old, "is_distractor"):
            clash = [s for s in range(1000) if old.is_distractor(s) and is_distractor(s)]
            assert not clash, (v, clash[:5])


def test_each_group_has_three_members_of_one_template_in_a_held_out_run() -> None:
    for kind in GROUPS:
        members = [s for s in range(315) if place_kind(s) == kind]
        assert len(members) == 3, kind
        assert len({group_of(s) for s in members}) == 1, kind
    assert group_of(378) != group_of(78)


def test_a_run_of_a_hundred_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 100)) == {k for k, _ in KINDS} | set(GROUPS)
    assert set(kind_counts(0, 78)) == {k for k, _ in KINDS}  # no free slot below 78


def test_kinds_groups_and_views_are_new_to_v29() -> None:
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
    truth = make_pictures(tmp_path, 2, (64, 48), first=78)  # a nacelle, a utility room
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv29-00078", "roomv29-00079"]
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
    argv = ["link_rooms_v29", "--rooms", "1", "--first", "99", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v29.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv29-00099"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v29_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v29).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(2_000_000_000 <= s < 2_010_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v29.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v29.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v29.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)
        assert len(places[a].models) >= 2, place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v29.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v29.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (78, 178, "wind turbine nacelle", 0.05),
        (79, 179, "new-build utility room", 0.5),
        (99, 199, "glazed balcony", 0.9),
    ],
)
def test_look_alikes_of_one_group_share_their_template_and_differ_only_in_their_own(
    places: dict[int, v29.Place], a: int, b: int, kind: str, most: float
) -> None:
    pa, pb = places[a], places[b]
    assert place_kind(a) == place_kind(b) == kind
    assert (pa.width, pa.height, pa.depth) == (pb.width, pb.height, pb.depth)
    assert _differing(pa, pb) <= {"back", "left", "right", "front"}
    assert _differing(pa, pb)
    assert _boxes(pa) == _boxes(pb)
    assert pa.belongings and pb.belongings
    shared = set(_drawn(pa)) & set(_drawn(pb))
    assert not any(_drawn(pa)[k].startswith("belonging") for k in shared)
    for name in _differing(pa, pb):
        assert _changed(pa, pb, name) < most, (kind, name)


def test_a_balconys_own_side_walls_are_mostly_its_own(places: dict[int, v29.Place]) -> None:
    for name in ("left", "right"):
        assert _changed(places[99], places[199], name) > 0.4, name


def test_a_utility_rooms_own_is_more_than_a_nacelles_less_than_a_balconys(
    places: dict[int, v29.Place],
) -> None:
    walls = ("back", "left", "right")
    nacelle = max(_changed(places[78], places[178], n) for n in walls)
    utility = max(_changed(places[79], places[179], n) for n in walls)
    balcony = max(_changed(places[99], places[199], n) for n in walls)
    assert nacelle < utility < balcony


def test_look_alikes_of_another_template_are_built_from_it() -> None:
    assert place_kind(378) == "wind turbine nacelle"
    a, b = build_place(78), build_place(378)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v29(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v29.Place]) -> None:
    for s in (78, 79, 99, 2, 3, 10):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_calendar_shows_the_picture_above_a_pale_grid_of_days() -> None:
    img = _flat((20, 20, 20))
    for i in range(3):
        out = calendar(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        assert out[60:150, 120:280].mean() < 60, i
        assert (out[240:290, 80:320] > 170).mean() > 0.6, i
        shown = calendar(_halves(), np.random.default_rng(i))[40:170, 50:350]
        assert _corr(_halves()[40:260], shown) > 0.5, i


def test_now_playing_shows_a_sharp_cover_over_a_blurred_darker_copy() -> None:
    img = _big_busy(4)
    for i in range(3):
        out = now_playing(img, np.random.default_rng(i)).astype(float)
        cover, ground = out[110:190, 40:110], out[5:25, 150:250]
        assert cover.std() > 2 * ground.std(), i
        assert ground.mean() < img.mean(), i


def test_a_burst_picker_shows_the_frame_and_a_strip_of_shaken_frames() -> None:
    img = _big_busy(5)
    for i in range(3):
        out = burst_picker(img, np.random.default_rng(i)).astype(float)
        assert out[:15, 100:300].mean() < 40, i
        assert out[-20:-8].std() > 30, i
        assert out[80:180, 150:250].std() > 40, i
        shown = burst_picker(_halves(), np.random.default_rng(i))[40:200, 100:300]
        assert _corr(_halves()[40:260, 50:350], shown) > 0.6, i


def test_a_share_sheet_dims_the_picture_and_covers_its_bottom() -> None:
    img = _flat((200, 200, 200))
    for i in range(3):
        out = share_sheet(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        assert 110 < out[10:60].mean() < 160, i
        bottom = out[-60:]
        assert (np.abs(bottom - 200) > 15).mean() > 0.6, i


def test_a_sky_swap_paints_a_sky_over_the_top_and_keeps_the_bottom() -> None:
    img = _flat((128, 128, 128))
    for i in range(3):
        out = sky_swap(img, np.random.default_rng(i)).astype(float)
        top = out[:30]
        assert np.abs(top[:, :, 2] - top[:, :, 0]).mean() > 25, i
        assert np.abs(out[-60:].mean() - 128) < 30, i


def test_a_photo_clock_shows_the_picture_on_a_round_face_with_hands() -> None:
    img = _flat((210, 30, 30))
    for i in range(3):
        out = photo_clock(img, np.random.default_rng(i))
        red = _red(out).mean()
        assert 0.25 < red < 0.7, (i, red)
        assert not _red(out)[:8, :8].any() and not _red(out)[:8, -8:].any(), i


def test_a_print_preview_shows_the_picture_small_on_a_white_page() -> None:
    img = _flat((210, 30, 30))
    for i in range(3):
        out = print_preview(img, np.random.default_rng(i))
        red = _red(out).mean()
        assert 0.05 < red < 0.35, (i, red)
        assert (out.astype(float).mean(axis=2) > 250).mean() > 0.04, i


def test_a_record_sleeve_is_hidden_below_by_the_sleeve_in_front() -> None:
    img = _flat((252, 4, 252))
    for i in range(3):
        out = record_sleeve(img, np.random.default_rng(i))
        red = _magenta(out)
        rows = np.nonzero(red.sum(axis=1) > 5)[0]
        assert 0.08 < red.mean() < 0.5, (i, red.mean())
        assert rows[-1] < 0.85 * 300, i


def test_a_wheat_paste_keeps_the_layout_with_bricks_round_it() -> None:
    img = _halves()
    for i in range(3):
        out = wheat_paste(img, np.random.default_rng(i))
        assert _corr(img, out) > 0.5, i
        f = out.astype(float)
        border = np.concatenate([f[:10].reshape(-1, 3), f[-10:].reshape(-1, 3)])
        assert (border[:, 0] > border[:, 2] + 20).mean() > 0.5, i


def test_a_trace_layer_fades_the_picture_and_inks_its_edges() -> None:
    img = _halves()
    for i in range(3):
        out = trace_layer(img, np.random.default_rng(i)).astype(float)
        canvas = out[40:260, 60:300].mean(axis=2)
        assert (canvas > 150).mean() > 0.5, i
        assert (canvas < 80).mean() > 0.003, i
        assert out[:, :20].mean() < 110, i


def test_a_pip_window_shows_the_picture_small_over_a_home_screen() -> None:
    img = _flat((252, 4, 252))
    for i in range(3):
        red = _magenta(pip_window(img, np.random.default_rng(i))).mean()
        assert 0.03 < red < 0.2, (i, red)


def test_a_spoiler_blur_leaves_only_a_blur_of_the_picture() -> None:
    img = _big_busy(8)
    for i in range(3):
        raw = spoiler_blur(img, np.random.default_rng(i))
        out = np.asarray(cv2.medianBlur(raw, 3), float)  # the sparkle dots taken out
        bubble = out[70:150, 150:210]  # left of the badge, inside the bubble
        assert bubble.std() < 0.5 * img[70:150, 150:210].std(), i
        assert out.mean() > 5, i

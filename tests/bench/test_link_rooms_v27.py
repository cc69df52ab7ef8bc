"""Generator v27 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups, views, slots and seeds new to v27, a well-formed truth and a working dry
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
from bench.link_rooms_v27 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    ar_measure,
    build_place,
    colour_blind,
    is_bench_bay,
    is_bin_store,
    is_charity_shop,
    is_distractor,
    kind_counts,
    lcd_bleed,
    make_pictures,
    map_pin,
    metal_print,
    moved,
    news_ticker,
    oled_burn_in,
    phone_shadow,
    place_kind,
    privacy_filter,
    quote_card,
    room_v27,
    subject_lift,
    tv_range,
    views_v27,
)

from bench import link_rooms_v27 as v27

W, H = 120, 90
# one of each ordinary kind: lost property office, basket maker's workshop, table tennis
# club, drawing office, tinsmith's workshop, electronics repair workshop, theatre scenery
# paint shop, fresh pasta workshop; then a second of each
ORDINARY = (2, 9, 3, 18, 4, 5, 1, 31)
SECOND = (20, 12, 25, 28, 13, 8, 7, 45)
LOOK_ALIKES = (11, 30, 0, 6, 39, 40)  # two of each group
OLD = range(6, 27)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v27.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v27.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v27.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v27.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v27.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v27.Place, b: v27.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v27.Place, b: v27.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v27(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v27(room_v27(seed, W, H), seed)


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


def _old(v: int) -> object:
    return importlib.import_module(f"bench.link_rooms_v{v}")


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v27(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v27(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(2), _original(9))
    assert _views(2)["lcdbleed"] != views_v27(room_v27(2, W, H), 7)["lcdbleed"]


def test_a_place_has_twelve_views_of_the_documented_kinds_formats_and_sizes() -> None:
    views = _views(2)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        png = data.startswith(b"\x89PNG")
        assert png == (kind in PNG_VIEWS), kind
        assert png or data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


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
    for kind in ("colourblind", "tvrange", "oledburnin"):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (2, 3, 9, 18)]
        assert np.median(scores) > 0.4, (kind, scores)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["housing estate bin store"] == 40
    assert counts["makerspace bench bay"] == 30
    assert counts["charity shop"] == 30
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_bin_store(s), is_bench_bay(s), is_charity_shop(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "housing estate bin store") == groups[0]
        assert (kind == "makerspace bench bay") == groups[1]
        assert (kind == "charity shop") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [0, 6, 11, 30, 39, 40, 61, 74, 80, 97]


def test_the_look_alike_slots_are_no_older_generators() -> None:
    for v in OLD:
        old = _old(v)
        if hasattr(old, "is_distractor"):
            clash = [s for s in range(1000) if old.is_distractor(s) and is_distractor(s)]
            assert not clash, (v, clash[:5])


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v27() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in OLD:
        old = _old(v)
        old_kinds = {k for k, _ in getattr(old, "KINDS", None) or ()}
        old_groups = set(getattr(old, "GROUPS", None) or {}) | set(
            (getattr(old, "GROUPS", None) or {}).values()
        )
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=39)  # two charity shops of one chain
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv27-00039", "roomv27-00040"]
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
    argv = ["link_rooms_v27", "--rooms", "1", "--first", "11", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v27.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv27-00011"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v27_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v27).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_800_000_000 <= s < 1_810_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v27.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v27.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v27.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v27.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v27.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (11, 30, "housing estate bin store", 0.05),
        (0, 6, "makerspace bench bay", 0.5),
        (39, 40, "charity shop", 0.75),
    ],
)
def test_look_alikes_of_one_group_differ_only_in_what_is_their_own(
    places: dict[int, v27.Place], a: int, b: int, kind: str, most: float
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
        assert _changed(pa, pb, name) < most, (kind, name)  # most of every wall the template's


def test_a_charity_shops_own_stock_is_clearly_visible(places: dict[int, v27.Place]) -> None:
    assert _changed(places[39], places[40], "left") > 0.3


def test_a_bench_bays_own_wall_is_more_than_a_bin_stores_less_than_a_charity_shops(
    places: dict[int, v27.Place],
) -> None:
    bins = max(_changed(places[11], places[30], n) for n in ("back", "left", "right"))
    bay = _changed(places[0], places[6], "back")
    shop = _changed(places[39], places[40], "left")
    assert bins < bay < shop


def test_look_alikes_of_another_block_are_built_from_another_template() -> None:
    assert place_kind(61) == "housing estate bin store"
    a, b = build_place(11), build_place(61)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v27(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v27.Place]) -> None:
    for s in (11, 0, 39, 2, 3, 5):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_colour_blind_preview_brings_red_and_green_together_and_keeps_blue() -> None:
    red, green, blue = _flat((200, 40, 40)), _flat((40, 160, 40)), _flat((40, 60, 210))
    for i in range(3):
        r = colour_blind(red, np.random.default_rng(i)).astype(float).mean(axis=(0, 1))
        g = colour_blind(green, np.random.default_rng(i)).astype(float).mean(axis=(0, 1))
        b = colour_blind(blue, np.random.default_rng(i)).astype(float).mean(axis=(0, 1))
        assert abs(r[0] - r[1]) < 40, (i, r)
        assert abs(g[0] - g[1]) < 40, (i, g)
        assert b[2] > b[0] + 60, (i, b)


def test_a_wrong_tv_range_lifts_or_crushes_the_tones_and_keeps_the_layout() -> None:
    img = _halves()
    for i in range(4):
        out = tv_range(img, np.random.default_rng(i)).astype(float)
        assert abs(out[20:100, 20:180].mean() - 40) > 6, i
        assert _corr(img, out) > 0.9, i


def test_oled_burn_in_leaves_a_keyboards_ghost_and_black_corners() -> None:
    img = _flat((200, 200, 200))
    for i in range(3):
        out = oled_burn_in(img, np.random.default_rng(i)).astype(float)
        assert out[0, 0].max() < 30, i
        assert out[200:280, 20:380].mean() < out[40:120, 20:380].mean() + 5, i
        assert out[200:280, 20:380].min() < 190, i


def test_a_phones_shadow_darkens_part_of_a_print() -> None:
    img = _flat((200, 200, 200))
    for i in range(3):
        grey = phone_shadow(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        assert (grey < 140).mean() > 0.03, i
        assert (grey > 180).mean() > 0.4, i


def test_an_ar_measure_screenshot_keeps_the_shot_under_its_bars() -> None:
    img = _halves()
    for i in range(3):
        out = ar_measure(img, np.random.default_rng(i)).astype(float)
        assert np.median(out[-8:]) < 90, i  # the bottom bar
        assert _corr(img, out) > 0.5, i


def test_a_news_still_has_a_ticker_and_a_banner_over_the_shot() -> None:
    img = _halves()
    for i in range(3):
        out = news_ticker(img, np.random.default_rng(i)).astype(float)
        assert np.median(out[-6:]) < 60, i
        assert _corr(img[:150], out[:150]) > 0.6, i


def test_a_metal_print_shows_the_metal_through_its_whites() -> None:
    img = _flat((255, 255, 255))
    for i in range(3):
        out = metal_print(img, np.random.default_rng(i)).astype(float)
        assert out[120:180, 150:250].mean() < 235, i
    for i in range(3):
        assert _corr(_halves(), metal_print(_halves(), np.random.default_rng(i))) > 0.6, i


def test_a_quote_card_blurs_and_darkens_the_shot_under_white_text() -> None:
    img = _big_busy(6)
    for i in range(3):
        out = quote_card(img, np.random.default_rng(i)).astype(float)
        assert out.mean() < 0.75 * img.mean(), i
        assert (out.min(axis=2) > 220).mean() > 0.005, i
    for i in range(3):
        assert _corr(_halves(), quote_card(_halves(), np.random.default_rng(i))) > 0.5, i


def test_a_map_card_holds_a_small_copy_of_the_shot_below_a_map() -> None:
    img = _big_busy(7)
    for i in range(3):
        out = map_pin(img, np.random.default_rng(i)).astype(float)
        land = (np.abs(out[:100] - np.array([236, 232, 224])).max(axis=2) < 4).mean()
        assert land > 0.2, (i, land)
        assert out[160:260, 15:200].std() > 30, i  # the photo


def test_a_lifted_subject_keeps_a_part_of_the_shot_on_a_plain_ground() -> None:
    img = _big_busy(8)
    for i in range(3):
        out = subject_lift(img, np.random.default_rng(i)).astype(float)
        ground = (np.abs(out - out[2, 2]).max(axis=2) < 8).mean()
        assert 0.2 < ground < 0.85, (i, ground)


def test_a_privacy_filter_dims_the_screen_seen_from_the_side() -> None:
    img = _halves()
    for i in range(3):
        out = privacy_filter(img, np.random.default_rng(i)).astype(float)
        assert out[100:200, 60:340].mean() < 0.6 * img[100:200, 60:340].mean(), i
        assert _corr(img, out) > 0.2, i


def test_a_broken_lcd_has_a_black_blot_and_black_corners() -> None:
    img = _flat((180, 180, 180))
    for i in range(3):
        out = lcd_bleed(img, np.random.default_rng(i)).astype(float)
        assert (out.max(axis=2) < 40).mean() > 0.04, i
        assert out[0, 0].max() < 30, i
        assert (out.mean(axis=2) > 150).mean() > 0.5, i


def test_a_charity_shop_whose_poster_reaches_past_its_wall_builds() -> None:
    # Seeds 139, 140 and 197 crashed the held-out run's collection: the back wall's poster
    # reached past the wall's texture. It is cut at the edge now.
    for seed in (139, 140, 197):
        assert "charity" in v27.place_kind(seed)
        original = v27.room_v27(seed, 400, 300)
        assert original.shape == (300, 400, 3)

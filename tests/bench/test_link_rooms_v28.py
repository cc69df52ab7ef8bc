"""Generator v28 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups, views, slots and seeds new to v28, a well-formed truth and a working dry
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
from bench.link_rooms_v28 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    build_place,
    captcha,
    carousel,
    dual_monitor,
    floor_decal,
    ground_glass,
    is_dark_kitchen,
    is_distractor,
    is_lecturers_office,
    is_substation,
    kind_counts,
    livestream,
    make_pictures,
    moved,
    page_turn,
    photo_cube,
    place_kind,
    pop_art,
    qr_code,
    room_v28,
    safelight,
    sstv,
    views_v28,
)

from bench import link_rooms_v28 as v28

W, H = 120, 90
# one of each ordinary kind: jeweller's workshop, fibrous plasterer's workshop, surfboard
# shaping bay, vertical farm, auction saleroom, 3d print farm, harbour master's office,
# brush maker's workshop; then a second of each
ORDINARY = (9, 1, 6, 2, 3, 13, 0, 14)
SECOND = (19, 20, 8, 5, 4, 16, 7, 15)
LOOK_ALIKES = (75, 84, 76, 85, 77, 90)  # two of each group
OLD = range(6, 28)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v28.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


_DRAWN: dict[int, dict[str, str]] = {}


def _drawn(place: v28.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out); worked out once a place."""
    if id(place) not in _DRAWN:
        _DRAWN[id(place)] = {
            _digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0
        }
    return _DRAWN[id(place)]


def _own(place: v28.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v28.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v28.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v28.Place, b: v28.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v28.Place, b: v28.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v28(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v28(room_v28(seed, W, H), seed)


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


def _top_bottom() -> np.ndarray:
    """Pale above, dark below."""
    return np.concatenate([_flat((230, 230, 230), 400, 150), _flat((30, 30, 30), 400, 150)])


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(_small_grey(a), _small_grey(b))[0, 1])


def _old(v: int) -> object:
    return importlib.import_module(f"bench.link_rooms_v{v}")


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v28(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v28(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(2), _original(9))
    assert _views(2)["floordecal"] != views_v28(room_v28(2, W, H), 7)["floordecal"]


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
    for kind in ("sstv", "safelight", "qrcode"):
        scores = [_corr(_original(s), _decode(_views(s)[kind])) for s in (2, 3, 9, 14)]
        assert np.median(scores) > 0.4, (kind, scores)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["electricity substation"] == 40
    assert counts["delivery dark kitchen"] == 30
    assert counts["lecturer's office"] == 30
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_substation(s), is_dark_kitchen(s), is_lecturers_office(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "electricity substation") == groups[0]
        assert (kind == "delivery dark kitchen") == groups[1]
        assert (kind == "lecturer's office") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [75, 76, 77, 84, 85, 90, 91, 92, 93, 98]


def test_the_look_alike_slots_are_no_older_generators() -> None:
    for v in OLD:
        old = _old(v)
        if hasattr(old, "is_distractor"):
            clash = [s for s in range(1000) if old.is_distractor(s) and is_distractor(s)]
            assert not clash, (v, clash[:5])


def test_a_run_of_a_hundred_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 100)) == {k for k, _ in KINDS} | set(GROUPS)
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS}  # no free slot below 75


def test_kinds_groups_and_views_are_new_to_v28() -> None:
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


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=76)  # a dark kitchen, a lecturer's office
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv28-00076", "roomv28-00077"]
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
    argv = ["link_rooms_v28", "--rooms", "1", "--first", "75", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v28.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv28-00075"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v28_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v28).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_900_000_000 <= s < 1_910_000_000 for s in seeds)
    for v in OLD:
        old = _old(v)
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v28.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v28.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v28.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)
        assert len(places[a].models) >= 2, place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v28.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v28.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


@pytest.mark.parametrize(
    ("a", "b", "kind", "most"),
    [
        (75, 84, "electricity substation", 0.05),
        (76, 85, "delivery dark kitchen", 0.5),
        (77, 90, "lecturer's office", 0.75),
    ],
)
def test_look_alikes_of_one_group_share_their_template_and_differ_only_in_their_own(
    places: dict[int, v28.Place], a: int, b: int, kind: str, most: float
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


def test_a_lecturers_own_books_are_clearly_visible(places: dict[int, v28.Place]) -> None:
    assert _changed(places[77], places[90], "left") > 0.3


def test_a_dark_kitchens_own_wall_is_more_than_a_substations_less_than_an_offices(
    places: dict[int, v28.Place],
) -> None:
    subs = max(_changed(places[75], places[84], n) for n in ("back", "left", "right"))
    kitchen = max(_changed(places[76], places[85], n) for n in ("back", "left", "right"))
    office = _changed(places[77], places[90], "left")
    assert subs < kitchen < office


def test_look_alikes_of_another_hundred_are_built_from_another_template() -> None:
    assert place_kind(175) == "electricity substation"
    a, b = build_place(75), build_place(175)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v28(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v28.Place]) -> None:
    for s in (75, 76, 77, 2, 3, 9):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


# --- each view changes the picture as documented ----------------------------------------------


def _edge(row: np.ndarray) -> int:
    """Where a row of ``_halves`` turns from dark to pale (the first of the longest run
    of pale pixels)."""
    pale = np.asarray(row, float).mean(axis=1) > 130
    best, start, run = 0, 0, 0
    for x, p in enumerate(pale):
        run = run + 1 if p else 0
        if run > best:
            best, start = run, x - run + 1
    return start


def test_an_sstv_picture_is_slanted_and_has_a_header_band() -> None:
    img = _halves()
    for i in range(3):
        out = sstv(img, np.random.default_rng(i))
        assert abs(_edge(out[40]) - _edge(out[280])) >= 6, i
        assert out[:20].astype(float).std(axis=(0, 1)).max() < 80, i
        assert np.abs(out[:20].astype(float) - img[:20]).mean() > 30, i


def test_a_safelight_turns_the_print_red_and_black_and_keeps_its_layout() -> None:
    img = _halves()
    for i in range(3):
        out = safelight(img, np.random.default_rng(i)).astype(float)
        mid = out[60:240, 80:320]
        assert mid[:, :, 0].mean() > 3 * mid[:, :, 1].mean(), i
        red = out[:, :, 0:1].repeat(3, axis=2)
        assert _corr(img, red) > 0.6, i


def test_a_qr_code_puts_dark_and_light_dots_over_the_middle_of_the_picture() -> None:
    img = _flat((128, 128, 128))
    for i in range(3):
        out = qr_code(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        mid = out[40:260, 100:300]
        assert (mid < 50).mean() > 0.05 and (mid > 200).mean() > 0.05, i
        assert _corr(_halves(), qr_code(_halves(), np.random.default_rng(i))) > 0.5, i


def test_a_live_stream_shows_the_picture_beside_a_dark_chat_with_a_live_badge() -> None:
    img = _flat((220, 220, 220))
    for i in range(3):
        out = livestream(img, np.random.default_rng(i)).astype(float)
        assert np.median(out[:, -50:]) < 60, i
        assert ((out[:, :, 0] > 200) & (out[:, :, 1] < 60)).sum() > 20, i
        assert (out[:, :250].mean(axis=2) > 200).mean() > 0.3, i


def test_a_spanned_wallpaper_shows_a_band_of_the_picture_on_two_screens() -> None:
    img = _flat((10, 10, 10))
    for i in range(3):
        out = dual_monitor(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        dark = out < 40
        row = dark[int(np.argmax(dark.sum(axis=1)))]
        runs = int(np.sum(row[1:] & ~row[:-1]) + row[0])
        assert runs == 2, (i, runs)
        assert dark.mean() < 0.6, i


def test_a_page_turn_lifts_a_corner_onto_paper_and_keeps_the_opposite_one() -> None:
    img = _flat((20, 20, 20))
    for i in range(4):
        out = page_turn(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        pale = (out > 150).mean()
        assert 0.15 < pale < 0.9, (i, pale)
        corners = [out[:10, :10], out[:10, -10:], out[-10:, :10], out[-10:, -10:]]
        assert sum(float(c.mean()) > 150 for c in corners) == 1, i
        assert sum(float(c.mean()) < 60 for c in corners) >= 1, i


def test_pop_art_makes_four_flat_coloured_copies_between_white_gutters() -> None:
    img = _big_busy(5)
    for i in range(3):
        out = pop_art(img, np.random.default_rng(i))
        assert out[148:152].astype(float).mean() > 235 and out[:, 198:202].mean() > 235, i
        tile = out[20:130, 20:180].astype(np.int32) // 32
        colours = {tuple(c) for c in tile.reshape(-1, 3)}
        assert len(colours) <= 12, (i, len(colours))


def test_a_carousel_slide_shows_a_slice_of_the_picture_beside_a_panel() -> None:
    img = _big_busy(6)
    for i in range(3):
        out = carousel(img, np.random.default_rng(i)).astype(float)
        post = out[60:240, 20:170]
        assert post.std() > 20, i
        panel = out[:, 300:]
        ground = panel[5, -5]
        assert (np.abs(panel - ground).max(axis=2) < 20).mean() > 0.6, i


def test_a_captcha_has_a_blue_header_and_tiles_of_the_picture() -> None:
    img = _big_busy(7)
    for i in range(3):
        out = captcha(img, np.random.default_rng(i)).astype(float)
        blue = (np.abs(out - np.array([26, 115, 232])).max(axis=2) < 10).mean()
        assert blue > 0.03, (i, blue)
        assert out[80:250, 140:260].std() > 30, i


def test_a_ground_glass_turns_the_picture_upside_down_and_darkens_its_corners() -> None:
    img = _top_bottom()
    for i in range(3):
        out = ground_glass(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        assert out[90:130, 150:250].mean() + 40 < out[170:210, 150:250].mean(), i
        white = ground_glass(_flat((240, 240, 240)), np.random.default_rng(i)).astype(float)
        centre = white[140:160, 190:210].mean()
        assert white[60:70, 70:80].mean() < 0.85 * centre, i


def test_a_photo_cube_shows_the_print_on_one_face() -> None:
    img = _flat((210, 30, 30))
    for i in range(4):
        out = photo_cube(img, np.random.default_rng(i)).astype(float)
        red = ((out[:, :, 0] > out[:, :, 1] + 80) & (out[:, :, 0] > 100)).mean()
        assert 0.04 < red < 0.4, (i, red)


def test_a_floor_decal_narrows_to_its_far_edge() -> None:
    img = _flat((210, 30, 30))
    for i in range(3):
        out = floor_decal(img, np.random.default_rng(i)).astype(float)
        red = (out[:, :, 0] > out[:, :, 1] + 80) & (out[:, :, 0] > 100)
        rows = np.nonzero(red.sum(axis=1) > 3)[0]
        top, bottom = red[rows[0] + 5].sum(), red[rows[-1] - 5].sum()
        assert bottom > 1.8 * top, (i, top, bottom)


def test_a_place_whose_last_spool_reaches_the_texture_edge_builds() -> None:
    # Seed 37 crashed a check of every seed of the held-out run (400x300): a spool's
    # centre dot fell one pixel past its wall texture. The dot is left out there now.
    original = v28.room_v28(37, 400, 300)
    assert len(v28.views_v28(original, 37)) == 12

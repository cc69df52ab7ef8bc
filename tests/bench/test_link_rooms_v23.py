"""Generator v23 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v23, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v23 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    build_place,
    bus_side,
    cine_film,
    fax,
    heat_haze,
    holofoil,
    is_bus_shelter,
    is_carwash_bay,
    is_checkout,
    is_distractor,
    kind_counts,
    laminated,
    lens_hood,
    make_pictures,
    moved,
    place_kind,
    prism,
    room_v23,
    sensor_dust,
    solarised,
    tile_mural,
    tilt_up,
    views_v23,
)

from bench import link_rooms_v23 as v23

W, H = 120, 90
# one of each ordinary kind: honey house, brewhouse, glassblowing studio, soap workshop,
# observatory, bell ringing chamber, candle workshop, weaving studio; then a second of each
ORDINARY = (16, 3, 13, 6, 0, 11, 5, 1)
SECOND = (39, 21, 20, 24, 12, 35, 14, 2)
LOOK_ALIKES = (8, 9, 31, 32, 37, 38)  # two of each group
GREEN = (40, 200, 60)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v23.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v23.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v23.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v23.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v23.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v23.Place, b: v23.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


def _changed(a: v23.Place, b: v23.Place, name: str) -> float:
    return float((a.surfaces[name].tex != b.surfaces[name].tex).any(axis=2).mean())


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v23(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v23(room_v23(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _flat(colour: tuple[int, int, int], w: int = 400, h: int = 300) -> np.ndarray:
    return np.full((h, w, 3), colour, np.uint8)


def _green(img: np.ndarray, margin: int = 60) -> np.ndarray:
    out = img.astype(int)
    green: np.ndarray = (out[:, :, 1] - out[:, :, 0] > margin) & (
        out[:, :, 1] - out[:, :, 2] > margin
    )
    return green


def _small_grey(img: np.ndarray) -> np.ndarray:
    grey = np.asarray(img, np.float32).mean(axis=2)
    return np.asarray(cv2.resize(grey, (16, 12), interpolation=cv2.INTER_AREA)).ravel()


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v23(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v23(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(3), _original(6))
    assert _views(3)["fax"] != views_v23(room_v23(3, W, H), 4)["fax"]


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


def test_the_mild_views_keep_most_of_the_picture() -> None:
    for kind in ("lenshood", "sensordust", "heathaze", "prism"):
        scores = [
            np.corrcoef(_small_grey(_original(s)), _small_grey(_decode(_views(s)[kind])))[0, 1]
            for s in (0, 3, 6, 8)
        ]
        assert np.median(scores) > 0.4, (kind, scores)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["supermarket checkout"] == 60
    assert counts["car wash bay"] == 20
    assert counts["bus shelter"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_checkout(s), is_carwash_bay(s), is_bus_shelter(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "supermarket checkout") == groups[0]
        assert (kind == "car wash bay") == groups[1]
        assert (kind == "bus shelter") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [8, 9, 10, 31, 32, 37, 38, 58, 59, 60]


def test_the_look_alike_slots_are_not_v22s() -> None:
    old = importlib.import_module("bench.link_rooms_v22")
    assert not any(old.is_distractor(s) and is_distractor(s) for s in range(1000))


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v23() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 23):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=8)  # two lanes of one supermarket
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv23-00008", "roomv23-00009"]
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
    argv = ["link_rooms_v23", "--rooms", "1", "--first", "31", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v23.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv23-00031"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v23_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v23).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_400_000_000 <= s < 1_410_000_000 for s in seeds)
    for v in range(6, 23):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        assert not set(seeds) & {x for k, x in vars(old).items() if k.endswith("_SEED")}, v


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v23.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v23.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v23.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v23.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v23.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v23.Place, b: v23.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [(8, 9, "supermarket checkout"), (31, 32, "car wash bay"), (37, 38, "bus shelter")],
)
def test_look_alikes_of_one_group_differ_only_in_what_is_their_own(
    places: dict[int, v23.Place], a: int, b: int, kind: str
) -> None:
    pa, pb = places[a], places[b]
    assert place_kind(a) == place_kind(b) == kind
    assert (pa.width, pa.height, pa.depth) == (pb.width, pb.height, pb.depth)
    assert _differing(pa, pb) <= {"back", "left", "right", "front"}
    assert _differing(pa, pb)
    assert _boxes(pa) == _boxes(pb)
    _own_things_differ(pa, pb)
    for name in _differing(pa, pb):
        assert _changed(pa, pb, name) < 0.5, (kind, name)  # most of every wall the template's


def test_look_alikes_of_another_supermarket_are_built_from_another_template() -> None:
    assert place_kind(58) == "supermarket checkout"
    a, b = build_place(8), build_place(58)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"left", "right"}


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v23(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


def test_moved_cameras_stay_inside_the_place(places: dict[int, v23.Place]) -> None:
    for s in (8, 31, 37, 0, 11):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_lens_hood_darkens_the_corners_and_keeps_the_middle() -> None:
    for i in range(3):
        out = lens_hood(_flat((200, 200, 200)), np.random.default_rng(i)).astype(int)
        assert out[:6, :6].max() < 60 and out[-6:, -6:].max() < 60, i
        assert out[120:180, 150:250].min() > 180, i
        dark = out.max(axis=2) < 60
        assert 0.02 < dark.mean() < 0.3, (i, dark.mean())


def test_sensor_dust_leaves_soft_spots_and_nothing_else() -> None:
    for i in range(3):
        out = sensor_dust(_flat((200, 200, 200)), np.random.default_rng(i)).astype(float)
        spotted = out.mean(axis=2) < 185
        assert 0.001 < spotted.mean() < 0.2, (i, spotted.mean())
        assert np.median(out) > 195, i


def test_tilt_up_looks_higher_than_the_camera(places: dict[int, v23.Place]) -> None:
    p = places[3]
    rng = np.random.default_rng(0)
    up = tilt_up(p, rng, W, H)
    assert up.shape == (H, W, 3)
    assert np.abs(up.astype(float) - _original(3).astype(float)).mean() > 5


def test_heat_haze_shimmers_edges_but_keeps_the_picture() -> None:
    img = np.asarray(
        cv2.resize(_busy(1, 100, 75), (400, 300), interpolation=cv2.INTER_NEAREST), np.uint8
    )
    for i in range(3):
        out = heat_haze(img, np.random.default_rng(i)).astype(float)
        top = np.corrcoef(out[20:120].ravel(), img[20:120].astype(float).ravel())[0, 1]
        assert top > 0.6, (i, top)
        assert np.abs(out - img).mean() > 3, i


def test_a_prism_changes_one_side_of_the_picture_and_keeps_the_other() -> None:
    img = np.asarray(
        cv2.resize(_busy(1, 100, 75), (400, 300), interpolation=cv2.INTER_NEAREST), np.uint8
    )
    for i in range(6):
        out = prism(img, np.random.default_rng(i)).astype(float)
        diff = np.abs(out - img.astype(float)).mean(axis=2)
        bands = [diff[:, :100].mean(), diff[:, 300:].mean(), diff[:75].mean(), diff[225:].mean()]
        assert max(bands) > 3 * min(bands), (i, bands)
        assert min(bands) < 8, (i, bands)


def test_laminated_shows_the_print_with_a_glare_on_a_wall() -> None:
    for i in range(3):
        out = laminated(_flat(GREEN), np.random.default_rng(i))
        green = _green(out, 40)
        assert 0.35 < green.mean() < 0.75, (i, green.mean())
        assert not green[:5].any() and not green[-5:].any(), i


def test_a_bus_side_shows_the_advert_small_between_windows_and_wheels() -> None:
    for i in range(3):
        out = bus_side(_flat(GREEN), np.random.default_rng(i))
        green = _green(out, 80)
        assert 0.08 < green.mean() < 0.3, (i, green.mean())
        ys = np.nonzero(green)[0]
        assert ys.mean() > 150, i  # on the lower panel, under the windows


def test_a_tile_mural_crosses_the_picture_with_grout() -> None:
    for i in range(3):
        out = tile_mural(_flat(GREEN), np.random.default_rng(i))
        green = _green(out, 40)
        assert 0.4 < green.mean() < 0.8, (i, green.mean())
        runs = [int(np.count_nonzero(r[1:] & ~r[:-1])) for r in green[120:180, 60:340]]
        assert max(runs) >= 3, i  # 4-6 tiles across


def test_holofoil_adds_a_rainbow_where_the_print_is_light() -> None:
    for i in range(3):
        light = holofoil(_flat((230, 230, 230)), np.random.default_rng(i)).astype(int)
        card = light[130:170, 170:230]
        assert (card.max(axis=2) - card.min(axis=2)).mean() > 25, i
        dark = holofoil(_flat((10, 10, 10)), np.random.default_rng(i)).astype(int)
        card = dark[130:170, 170:230]
        assert (card.max(axis=2) - card.min(axis=2)).mean() < 20, i


def test_cine_film_is_a_4_by_3_frame_on_black_film() -> None:
    for i in range(3):
        out = cine_film(_flat((200, 200, 200)), np.random.default_rng(i)).astype(int)
        lit = out.mean(axis=2) > 100
        cols = np.nonzero(lit[150])[0]
        assert 180 < cols.max() - cols.min() < 350, i
        assert out[150, :10].mean() < 60, i  # the black film beside the frame


def test_solarised_prints_the_lights_dark_again() -> None:
    ramp = np.linspace(0, 255, 400).astype(np.uint8)
    img = np.ascontiguousarray(np.broadcast_to(ramp[None, :, None], (300, 400, 3)))
    for i in range(3):
        out = solarised(img, np.random.default_rng(i)).astype(float).mean(axis=2)
        row = out[150, 60:340]
        peak = int(np.argmax(cv2.GaussianBlur(row[None], (1, 0), 5).ravel()))
        assert 30 < peak < 250, (i, peak)  # brightest in the middle, not at the light end
        assert row[-10:].mean() < row[peak] - 30, i


def test_a_fax_is_black_and_white_dots_in_doubled_lines() -> None:
    img = np.asarray(
        cv2.resize(_busy(2, 100, 75), (400, 300), interpolation=cv2.INTER_NEAREST), np.uint8
    )
    for i in range(3):
        out = fax(img, np.random.default_rng(i))
        grey = out.astype(int).mean(axis=2)
        mid = (grey > 60) & (grey < 200)
        assert mid.mean() < 0.1, (i, mid.mean())  # dots only (and the skew's edges)
        assert (grey < 60).mean() > 0.15, i

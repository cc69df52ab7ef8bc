"""Generator v20 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places (but the same mass-produced models in every place of a kind),
kinds, groups and views new to v20, a well-formed truth and a working dry run."""

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
from bench.link_rooms_v20 import (
    GROUPS,
    INKS,
    KINDS,
    MIRROR_HALF,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    SMALL,
    VIEW_KINDS,
    blinds,
    bubble_wrap,
    build_place,
    doc_scan,
    is_allotment_shed,
    is_distractor,
    is_hospitality_box,
    is_lecture_theatre,
    kind_counts,
    led_board,
    lenticular_mix,
    make_pictures,
    mid_scroll,
    mirror_station,
    moved,
    mug,
    place_kind,
    risograph,
    room_v20,
    sidestep,
    stained_glass,
    through_mirror,
    torn_half,
    views_v20,
)

from bench import link_rooms_v19 as v19
from bench import link_rooms_v20 as v20

W, H = 120, 90
# one of each ordinary kind: record shop, clock repairer, tailor's workroom, bookbindery,
# escape room, toy shop, museum room, radio studio; then a second of each, in that order
ORDINARY = (3, 4, 6, 5, 25, 11, 0, 2)
SECOND = (19, 10, 7, 8, 37, 16, 1, 15)
LOOK_ALIKES = (12, 13, 28, 29, 46, 47)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v20.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *SECOND, *LOOK_ALIKES)}


def _digest(t: np.ndarray) -> str:
    return hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest()


def _drawn(place: v20.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {_digest(t): k for k, t in place.textures().items() if float(t[:, :, :3].std()) > 2.0}


def _own(place: v20.Place) -> set[str]:
    """The digests of what a place has drawn of its own (its kind's models left out)."""
    return {d for d, k in _drawn(place).items() if not k.startswith("model")}


def _models(place: v20.Place) -> set[str]:
    return {d for d, k in _drawn(place).items() if k.startswith("model")}


def _boxes(place: v20.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v20.Place, b: v20.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v20(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v20(room_v20(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _flat(colour: tuple[int, int, int], w: int = 160, h: int = 120) -> np.ndarray:
    return np.full((h, w, 3), colour, np.uint8)


def _runs(line: np.ndarray) -> int:
    """How many separate runs of True ``line`` holds."""
    return int(np.count_nonzero(line[1:] & ~line[:-1]) + bool(line[0]))


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v20(3, W, H)
    assert np.array_equal(again, _original(3))
    assert views_v20(again, 3) == _views(3)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(3), _original(25))
    assert _views(3)["blinds"] != views_v20(room_v20(3, W, H), 4)["blinds"]


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
    for seed in (3, 25):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(3), _views(25)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["allotment shed"] == 60
    assert counts["lecture theatre"] == 20
    assert counts["stadium hospitality box"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_allotment_shed(s), is_lecture_theatre(s), is_hospitality_box(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "allotment shed") == groups[0]
        assert (kind == "lecture theatre") == groups[1]
        assert (kind == "stadium hospitality box") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [12, 13, 14, 28, 29, 46, 47, 62, 63, 64]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_kinds_groups_and_views_are_new_to_v20() -> None:
    kinds = {k for k, _ in KINDS} | set(GROUPS) | set(GROUPS.values())
    for v in range(6, 20):
        old = importlib.import_module(f"bench.link_rooms_v{v}")
        old_kinds = {k for k, _ in getattr(old, "KINDS", ())}
        old_groups = set(getattr(old, "GROUPS", {})) | set(getattr(old, "GROUPS", {}).values())
        assert not kinds & (old_kinds | old_groups), v
        assert not set(VIEW_KINDS) & set(getattr(old, "VIEW_KINDS", ())), v


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=12)  # one site's two sheds
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv20-00012", "roomv20-00013"]
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
    argv = ["link_rooms_v20", "--rooms", "1", "--first", "46", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v20.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv20-00046"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v20_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v20).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 9
    assert all(1_100_000_000 <= s < 1_110_000_000 for s in seeds)
    assert not set(seeds) & {v for k, v in vars(v19).items() if k.endswith("_SEED")}


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v20.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)
    assert [place_kind(s) for s in ORDINARY] == [place_kind(s) for s in SECOND]
    assert [place_kind(s) for s in ORDINARY] == [k for k, _ in KINDS]


def test_ordinary_places_share_nothing_drawn_but_their_kinds_models(
    places: dict[int, v20.Place],
) -> None:
    seen: dict[str, int] = {}
    for s in (*ORDINARY, *SECOND):
        assert not is_distractor(s)
        for digest in _own(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_places_of_one_kind_have_the_same_models(places: dict[int, v20.Place]) -> None:
    for a, b in zip(ORDINARY, SECOND, strict=True):
        assert _models(places[a]), place_kind(a)
        assert _models(places[a]) == _models(places[b]), place_kind(a)


def test_a_kinds_models_are_in_no_place_of_another_kind(places: dict[int, v20.Place]) -> None:
    for a in ORDINARY:
        for b in (*ORDINARY, *LOOK_ALIKES):
            if b != a:
                assert not _models(places[a]) & set(_drawn(places[b])), (a, b)


def test_every_browser_bin_of_a_record_shop_is_the_same_model(
    places: dict[int, v20.Place],
) -> None:
    fronts = set()
    for s in (3, 19):
        p = places[s]
        bins = [p.boxes[i] for i in p.models if p.boxes[i].w == 1.2 and p.boxes[i].h == 0.75]
        assert len(bins) >= 2, s
        fronts |= {_digest(b.tex["front"]) for b in bins}
    assert len(fronts) == 1


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v20.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in (*ORDINARY, *SECOND)))
    for s in LOOK_ALIKES:
        assert not places[s].models
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v20.Place, b: v20.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_sheds_of_one_site_differ_only_in_what_is_their_own(
    places: dict[int, v20.Place],
) -> None:
    a, b = places[12], places[13]
    assert place_kind(12) == place_kind(13) == "allotment shed"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert _differing(a, b) <= {"back", "left", "right"}  # tools, packets, the window's view
    assert len(_differing(a, b)) >= 2
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)


def test_lecture_theatres_of_one_campus_differ_in_slide_boards_and_number(
    places: dict[int, v20.Place],
) -> None:
    a, b = places[28], places[29]
    assert place_kind(28) == place_kind(29) == "lecture theatre"
    assert "back" in _differing(a, b)  # the slide and the boards' writing
    assert _differing(a, b) <= {"back", "left", "right"}
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    for p in (a, b):
        assert p.raised > 8 and float(p.camera.pos[1]) > 2.0  # on the upper tiers


def test_hospitality_boxes_of_one_ground_look_out_on_other_stretches_of_it(
    places: dict[int, v20.Place],
) -> None:
    a, b = places[46], places[47]
    assert place_kind(46) == place_kind(47) == "stadium hospitality box"
    assert "back" in _differing(a, b)
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    ta, tb = a.surfaces["back"].tex, b.surfaces["back"].tex
    r0, r1 = ta.shape[0] // 4, ta.shape[0] * 2 // 5  # across the far stand's seats
    x = next(x for x in range(ta.shape[1] // 3, ta.shape[1]) if ta[r0:r1, x : x + 6].std() > 5)
    strip = ta[r0:r1, x : x + 6]
    found = [
        dx
        for dx in range(-x, tb.shape[1] - x - 6)
        if np.array_equal(strip, tb[r0:r1, x + dx : x + dx + 6])
    ]
    assert len(found) == 1 and found[0] != 0  # the same ground, seen from along the stand


def test_look_alikes_of_another_site_are_built_from_another_template() -> None:
    assert place_kind(62) == "allotment shed"
    a, b = build_place(12), build_place(62)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"floor", "front"}


def test_nothing_loose_lies_under_a_lecture_theatres_tiers(places: dict[int, v20.Place]) -> None:
    for s in (28, 29):
        p = places[s]
        loose = p.belongings + v20._day_things(p, np.random.default_rng(s))
        assert all(b.y0 > 0 or b.z > p.raised for b in loose), s


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v20(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- cameras ----------------------------------------------------------------------------------


def test_moved_cameras_stay_inside_the_place(places: dict[int, v20.Place]) -> None:
    for s in (12, 28, 46, 25, 0):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth, s


def test_a_sidestep_moves_to_one_side_and_looks_at_the_same_spot(
    places: dict[int, v20.Place],
) -> None:
    stepped = 0
    for s in (3, 25, 12, 28, 46, 0):
        p = places[s]
        for i in range(3):
            cam, spot = sidestep(p, np.random.default_rng(i))
            ray = (spot - cam.pos) / np.linalg.norm(spot - cam.pos)
            assert float(ray @ np.asarray(cam.axes()[2])) > 0.999, s
            assert float(spot[2]) < p.depth
            moved_by = abs(float(cam.pos[0] - p.camera.pos[0]))
            stepped += moved_by > 0.25 * SMALL.get(p.base, 1.0)
    assert stepped >= 14


def test_a_mirror_hangs_high_in_a_back_corner_facing_the_front(
    places: dict[int, v20.Place],
) -> None:
    for s in (3, 12, 28, 2):
        p = places[s]
        pos, spot = mirror_station(p, np.random.default_rng(s))
        x, y, z = (float(v) for v in pos)
        assert p.width / 2 - 0.4 < abs(x) < p.width / 2, s
        assert p.depth - 0.4 < z < p.depth and 1.5 < y < p.height, s
        assert float(spot[2]) < z - 1.0 and float(spot[0]) * x <= 0, s


# --- each view changes the picture as documented ----------------------------------------------


def test_a_mid_scroll_shows_part_of_the_picture_at_the_columns_width() -> None:
    colour = (201, 37, 119)
    for i in range(4):
        out = mid_scroll(_flat(colour), np.random.default_rng(i))
        exact = (out == np.array(colour)).all(axis=2)
        rows = exact.sum(axis=1) > 0.4 * 160
        assert 0.5 * 160 <= exact[rows].sum(axis=1).max() <= 0.63 * 160, i
        assert 0.25 * 120 <= rows.sum() <= 0.56 * 120, (i, int(rows.sum()))


def test_blinds_stripe_a_patch_of_light() -> None:
    grey = _flat((120, 120, 120))
    for i in range(4):
        out = blinds(grey, np.random.default_rng(i)).astype(float).mean(axis=2)
        bright = out > 135
        assert 0.03 < bright.mean() < 0.5, (i, bright.mean())
        column = bright[:, int(np.argmax(bright.sum(axis=0)))]
        assert _runs(column) >= 3, i  # slats across the light
        assert (out < 105).mean() > 0.4, i  # the rest of the room dimmer


def test_a_torn_half_keeps_part_of_the_print_on_a_desk() -> None:
    green = _flat((40, 200, 60))
    for i in range(4):
        out = torn_half(green, np.random.default_rng(i)).astype(int)
        is_green = out[:, :, 1] - out[:, :, 0] > 80
        assert 0.25 < is_green.mean() < 0.75, (i, is_green.mean())
        assert not is_green[:6, :6].any() or not is_green[-6:, -6:].any(), i
        assert (out.min(axis=2) > 225).mean() > 0.01, i  # the border and the torn edge


def test_a_doc_scan_clips_highlights_and_shows_creases() -> None:
    ramp = np.repeat(np.linspace(0, 255, 120, dtype=np.uint8)[:, None], 160, axis=1)
    grey = np.stack([ramp, ramp, ramp], axis=2)
    mid = _flat((128, 128, 128))
    for i in range(3):
        out = doc_scan(grey, np.random.default_rng(i))
        assert (out.min(axis=2) >= 248).mean() > 0.1, i
        flat = doc_scan(mid, np.random.default_rng(i)).astype(float).mean(axis=2)
        cols = flat[20:100].mean(axis=0)
        assert np.abs(cols[60:100] - np.median(cols)).max() > 6, i  # the vertical crease


def test_an_led_board_shows_dots_with_dark_gaps() -> None:
    white = _flat((250, 250, 250), 400, 300)
    for i in range(3):
        patch = led_board(white, np.random.default_rng(i)).astype(float)[130:170, 180:220]
        assert patch.std() > 20 and patch.mean() < 230, i


def _off_two_inks(logs: np.ndarray) -> float:
    """How far (the 75th percentile, in log units) colours (log of their share of the
    paper) lie from every mix of some pair of ``INKS``."""
    out = np.inf
    for a, b in INKS:
        basis = np.stack([np.log(np.clip(np.array(c, float) / 255, 0.05, 1)) for c in (a, b)], 1)
        mix = np.clip(logs @ np.linalg.pinv(basis).T, 0, None) @ basis.T
        out = min(out, float(np.percentile(np.abs(logs - mix).max(axis=1), 75)))
    return out


def test_a_risograph_is_two_inks_on_paper() -> None:
    blocks = np.random.default_rng(5).integers(0, 256, (6, 8, 3)).astype(np.uint8)
    img = np.asarray(cv2.resize(blocks, (160, 120), interpolation=cv2.INTER_NEAREST), np.uint8)
    assert _off_two_inks(np.log(np.clip(img / 255, 0.03, 1)).reshape(-1, 3)) > 0.4
    for i in range(3):
        out = risograph(img, np.random.default_rng(i)).astype(float)
        paper = np.percentile(out.reshape(-1, 3), 99, axis=0)
        logs = np.log(np.clip(out / paper, 0.03, 1)).reshape(-1, 3)
        assert _off_two_inks(logs) < 0.1, i
        assert out.std() > 20, i  # not blank paper


def test_a_mug_shows_the_picture_in_the_middle_of_the_frame_only() -> None:
    green = _flat((40, 200, 60))
    for i in range(4):
        out = mug(green, np.random.default_rng(i)).astype(int)
        is_green = out[:, :, 1] - out[:, :, 0] > 60
        assert is_green[55:65, 75:85].mean() > 0.9, i
        assert 0.05 < is_green.mean() < 0.45, (i, is_green.mean())
        assert not is_green[:, :8].any() and not is_green[:, -8:].any(), i


def test_stained_glass_has_lead_between_cells_of_one_colour() -> None:
    img = _flat((200, 30, 30))
    img[:, 80:] = (30, 40, 200)
    for i in range(3):
        out = stained_glass(img, np.random.default_rng(i)).astype(int)
        lead = out.max(axis=2) < 80
        assert 0.05 < lead.mean() < 0.45, (i, lead.mean())
        left, right = out[:, 10:50][~lead[:, 10:50]], out[:, 110:150][~lead[:, 110:150]]
        assert (left[:, 0] > left[:, 2] + 60).mean() > 0.9, i
        assert (right[:, 2] > right[:, 0] + 60).mean() > 0.9, i


def test_bubble_wrap_adds_a_highlight_to_many_bubbles() -> None:
    grey = _flat((110, 110, 110), 400, 300)
    for i in range(3):
        out = bubble_wrap(grey, np.random.default_rng(i)).astype(float).mean(axis=2)
        bright = (out > 200).astype(np.uint8)
        count, _labels = cv2.connectedComponents(bright)
        assert count - 1 >= 40 and bright.mean() < 0.08, (i, count, bright.mean())


def test_a_convex_mirror_reverses_left_and_right() -> None:
    back = np.full((120, 160, 3), 100, np.float32)
    inner = np.zeros((80, 80, 3), np.float32)
    inner[:, :40] = 240  # bright on the left, dark on the right
    out = through_mirror(back, inner, 80.0, 60.0, 40.0)
    assert out[55:65, 55:65].mean() < 60  # left of the middle: what was on the right
    assert out[55:65, 95:105].mean() > 180  # right of the middle: what was on the left
    assert abs(float(out[5, 5].mean()) - 100) < 1  # outside the mirror: the wall
    assert out[60, 121:123].mean() < 40  # the rim
    assert MIRROR_HALF < 60


def test_a_lenticular_card_flips_from_one_picture_to_the_other() -> None:
    red, blue = _flat((220, 30, 30)), _flat((30, 40, 220))
    for i in range(4):
        out = lenticular_mix(red, blue, np.random.default_rng(i)).astype(int)
        is_red = out[20:100, :, 0] > out[20:100, :, 2]
        left, right = is_red[:, 6:20].mean(), is_red[:, 140:154].mean()
        assert {left > 0.95, right > 0.95} == {True, False}, i
        assert min(left, right) < 0.05, i
        middle = is_red[:, 24:136].mean()
        assert 0.1 < middle < 0.9, i

"""Generator v14 of the link benchmark: deterministic by seed, eleven views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
look-alikes that differ only in what is their own, no drawn surface shared by chance
between ordinary places, a well-formed truth and a working dry run."""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v9 import render
from bench.link_rooms_v14 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    build_place,
    captioned,
    cartoon,
    crumple,
    halftone,
    instant_print,
    is_distractor,
    is_show_kitchen,
    is_side_room,
    is_student_room,
    jello,
    kind_counts,
    make_pictures,
    moving_day,
    on_table,
    panorama,
    place_kind,
    redacted,
    room_v14,
    sun_masks,
    sunlit,
    views_v14,
    watermark,
)

from bench import link_rooms_v14 as v14

W, H = 120, 90
ORDINARY = (0, 1, 2, 3, 5, 8, 9, 12, 24, 4)  # every ordinary kind, two waiting rooms
LOOK_ALIKES = (14, 15, 41, 42, 57, 58)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v14.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *LOOK_ALIKES)}


def _drawn(place: v14.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest(): k
        for k, t in place.textures().items()
        if float(t[:, :, :3].std()) > 2.0
    }


def _boxes(place: v14.Place) -> list[tuple[object, ...]]:
    return [
        (
            round(b.x, 6),
            round(b.z, 6),
            round(b.w, 6),
            b.soft,
            *(t.tobytes() for t in b.tex.values()),
        )
        for b in place.boxes
    ]


def _differing(a: v14.Place, b: v14.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v14(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v14(room_v14(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v14(8, W, H)
    assert np.array_equal(again, _original(8))
    assert views_v14(again, 8) == _views(8)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(8), _original(57))


def test_a_place_has_eleven_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(8)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 12
    for kind, data in views.items():
        assert data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    original = _original(8).astype(float)
    for kind, data in _views(8).items():
        assert np.abs(_decode(data).astype(float) - original).mean() > 5, kind


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["student hall room"] == 60
    assert counts["hospital side room"] == 20
    assert counts["show flat kitchen"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_student_room(s), is_side_room(s), is_show_kitchen(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "student hall room") == groups[0]
        assert (kind == "hospital side room") == groups[1]
        assert (kind == "show flat kitchen") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [14, 15, 16, 41, 42, 57, 58, 64, 65, 66]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=57)  # one developer's two kitchens
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv14-00057", "roomv14-00058"]
    for name, label in truth.items():
        assert name.startswith(label + "__")
        assert name.split("__")[1].split(".")[0] in ("original", *VIEW_KINDS)
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
    argv = ["link_rooms_v14", "--rooms", "1", "--first", "41", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v14.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv14-00041"}
    assert all((tmp_path / name).exists() for name in truth)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v14.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)


def test_ordinary_places_share_no_drawn_surface(places: dict[int, v14.Place]) -> None:
    seen: dict[str, int] = {}
    for s in ORDINARY:
        assert not is_distractor(s)
        for digest in _drawn(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_rooms_of_one_student_hall_differ_only_in_their_own_things(
    places: dict[int, v14.Place],
) -> None:
    a, b = places[14], places[15]
    assert place_kind(14) == place_kind(15) == "student hall room"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    differ = _differing(a, b)
    assert "back" in differ  # what the window shows
    assert len(differ & {"left", "right"}) == 1  # what is pinned up and the books: the desk's wall
    assert not differ & {"front", "floor", "ceiling"}
    assert _boxes(a) == _boxes(b)
    assert a.bedding is not None and b.bedding is not None
    assert not np.array_equal(a.bedding, b.bedding)  # each student's own duvet
    own = {k: t for k, t in _drawn(a).items() if t.startswith("belonging")}
    assert own and not set(own) & set(_drawn(b))
    assert not set(_drawn(a)) & set(_drawn(places[0]))


def test_side_rooms_of_one_hospital_differ_in_their_window_and_care_board(
    places: dict[int, v14.Place],
) -> None:
    a, b = places[41], places[42]
    assert place_kind(41) == place_kind(42) == "hospital side room"
    assert _differing(a, b) == {"left", "right"}  # the window's wall and the care board's
    assert _boxes(a) == _boxes(b)
    assert a.bedding is not None and b.bedding is not None
    assert np.array_equal(a.bedding, b.bedding)  # the hospital's linen
    assert a.camera.pos.tolist() != b.camera.pos.tolist()


def test_kitchens_of_one_developer_differ_only_in_their_window_and_own_things(
    places: dict[int, v14.Place],
) -> None:
    a, b = places[57], places[58]
    assert place_kind(57) == place_kind(58) == "show flat kitchen"
    assert len(_differing(a, b)) == 1
    assert _differing(a, b) <= {"left", "right"}
    assert _boxes(a) == _boxes(b)
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_a_picture_not_made_here_is_hung_in_a_room_and_seen_the_same_ways() -> None:
    views = views_v14(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_low_sun_falls_on_the_floor_and_one_wall(places: dict[int, v14.Place]) -> None:
    for i in range(3):
        masks = sun_masks(places[2], np.random.default_rng(i))
        lit = {n for n, m in masks.items() if m.max() > 200}
        assert "floor" in lit and len(lit) == 2
        assert lit - {"floor"} <= {"back", "left", "right"}


def test_low_sun_dims_the_room_but_brightens_its_patches(places: dict[int, v14.Place]) -> None:
    p = places[8]
    normal = render(p.planes(0), p.camera, W, H).astype(float)
    for i in range(3):
        out = sunlit(p, np.random.default_rng(i), p.camera, W, H).astype(float)
        assert np.median(out / (normal + 1)) < 0.8
        assert (out.mean(axis=2) > normal.mean(axis=2) + 15).mean() > 0.005


def test_moving_day_puts_sheets_on_the_furniture_and_cartons_on_the_floor(
    places: dict[int, v14.Place],
) -> None:
    p = places[2]
    planes = moving_day(p, np.random.default_rng(5))
    sheet = v14._dust_sheet(np.random.default_rng(5))
    covered = sum(np.array_equal(pl.tex, sheet) for pl in planes)
    assert covered >= 5
    assert len(planes) > len(p.planes(2))


def test_a_panorama_is_letterboxed_and_wide(places: dict[int, v14.Place]) -> None:
    out = panorama(places[8], np.random.default_rng(6), 160, 120)
    rows = out.astype(float).std(axis=(1, 2))
    busy = np.nonzero(rows > 8)[0]
    assert 160 / 3.3 < busy.max() - busy.min() + 1 < 160 / 2.2
    assert rows[:5].max() < 3 and rows[-5:].max() < 3


def test_rolling_shutter_shifts_rows_by_different_amounts() -> None:
    img = np.zeros((H, W, 3), np.uint8)
    img[:, W // 2 :] = 255
    out = jello(img, np.random.default_rng(7)).astype(float).mean(axis=2)
    edges = [int(np.argmax(row > 128)) for row in out]
    assert max(edges) - min(edges) >= 3


def test_a_halftone_breaks_flat_grey_into_dots() -> None:
    grey = np.full((H, W, 3), 128, np.uint8)
    out = halftone(grey, np.random.default_rng(8)).astype(float)
    middle = out[H // 4 : 3 * H // 4, W // 4 : 3 * W // 4].mean(axis=2)
    assert middle.std() > 15


def test_an_instant_print_has_its_white_frame_wide_at_the_bottom() -> None:
    dark = np.full((60, 80, 3), 30, np.uint8)
    out = instant_print(dark, np.random.default_rng(9)).astype(float)
    assert out.shape[0] > out.shape[1]
    assert out[:2].mean() > 200 and out[-4:].mean() > 200
    assert out[out.shape[0] // 3, out.shape[1] // 2].mean() < 120


def test_a_print_on_a_table_covers_part_of_the_frame() -> None:
    white = np.full((50, 50, 3), 255, np.uint8)
    for i in range(3):
        out = on_table(white, np.random.default_rng(i), W, H, (0.6, 0.85), 25, 0.05)
        assert out.shape == (H, W, 3)
        bright = (out.min(axis=2) > 200).mean()
        assert 0.1 < bright < 0.8


def test_a_crumpled_print_bends_and_shades_the_picture() -> None:
    img = _busy(10)
    out = crumple(img, np.random.default_rng(11))
    assert out.shape[0] > H and out.shape[1] > W
    assert out[:2].mean() > 200  # the paper's border


def test_a_watermark_brightens_diagonal_lettering() -> None:
    dark = np.full((H * 2, W * 2, 3), 40, np.uint8)
    out = watermark(dark, np.random.default_rng(12)).astype(float).mean(axis=2)
    assert 0.02 < (out > 70).mean() < 0.6


def test_a_caption_sits_over_the_picture_on_a_plain_canvas(places: dict[int, v14.Place]) -> None:
    out = captioned(places[8], np.random.default_rng(13), 160, 120)
    assert out.shape == (120, 160, 3)
    corner = out[-3:, :3].reshape(-1, 3)
    assert (corner == corner[0]).all()
    assert out[: int(0.18 * 120)].std() > 10  # the caption's lettering


def test_redaction_blanks_or_coarsens_a_region() -> None:
    img = _busy(14, 200, 150)
    changed = 0.0
    for i in range(3):
        out = redacted(img, np.random.default_rng(i))
        changed += (np.abs(out.astype(int) - img.astype(int)).max(axis=2) > 30).mean()
    assert changed / 3 > 0.02


def test_a_cartoon_has_few_colours_and_dark_lines() -> None:
    ramp = np.linspace(0, 255, W, dtype=np.float32)[None, :] * np.ones((H, 1), np.float32)
    img = np.stack([ramp, ramp[::-1], ramp.T[:H, :1] * np.ones((1, W))], axis=2).astype(np.uint8)
    cv2.rectangle(img, (30, 20), (80, 60), (20, 200, 40), -1)
    out = cartoon(img, np.random.default_rng(16))
    assert (
        len(np.unique(out.reshape(-1, 3), axis=0)) < len(np.unique(img.reshape(-1, 3), axis=0)) / 4
    )
    assert (out.max(axis=2) < 10).mean() > 0.01

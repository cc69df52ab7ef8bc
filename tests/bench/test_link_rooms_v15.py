"""Generator v15 of the link benchmark: deterministic by seed, twelve views a place that
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
from bench.link_rooms_v15 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    _ceiling_camera,
    barrel,
    build_place,
    ceiling_cam,
    is_distractor,
    is_fitting_room,
    is_prefab_classroom,
    is_rental_flat,
    kind_counts,
    long_exposure,
    made_over,
    make_pictures,
    moved,
    on_fridge,
    opposite_corner,
    pillarbox,
    place_kind,
    reshared,
    room_v15,
    sepia,
    through_door,
    through_glass,
    views_v15,
)

from bench import link_rooms_v15 as v15

W, H = 120, 90
ORDINARY = (0, 1, 2, 4, 5, 7, 10, 16, 3, 8)  # every ordinary kind, two attics, two laundrettes
LOOK_ALIKES = (21, 22, 33, 34, 45, 46)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v15.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *LOOK_ALIKES)}


def _drawn(place: v15.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest(): k
        for k, t in place.textures().items()
        if float(t[:, :, :3].std()) > 2.0
    }


def _boxes(place: v15.Place) -> list[tuple[object, ...]]:
    return [
        (
            round(b.x, 6),
            round(b.z, 6),
            round(b.w, 6),
            round(b.h, 6),
            b.soft,
            *(t.tobytes() for t in b.tex.values()),
        )
        for b in place.boxes
    ]


def _differing(a: v15.Place, b: v15.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v15(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v15(room_v15(seed, W, H), seed)


def _busy(seed: int = 0, w: int = W, h: int = H) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, np.uint8)
    for _ in range(w * h // 150):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 6, y + 4), colour, -1)
    return img


def _sharpness(img: np.ndarray) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2GRAY).astype(np.float32)
    return float(np.abs(cv2.Laplacian(grey, cv2.CV_32F)).mean())


# --- seeds, kinds, truth --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_pictures() -> None:
    again = room_v15(7, W, H)
    assert np.array_equal(again, _original(7))
    assert views_v15(again, 7) == _views(7)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(7), _original(45))
    assert _views(7)["sepia"] != views_v15(room_v15(7, W, H), 8)["sepia"]  # views by index


def test_a_place_has_twelve_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(7)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        assert data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    for seed in (7, 45):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["rental flat living room"] == 60
    assert counts["prefab classroom"] == 20
    assert counts["fitting room"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_rental_flat(s), is_prefab_classroom(s), is_fitting_room(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "rental flat living room") == groups[0]
        assert (kind == "prefab classroom") == groups[1]
        assert (kind == "fitting room") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [21, 22, 23, 33, 34, 45, 46, 71, 72, 73]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=45)  # one chain's two fitting rooms
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv15-00045", "roomv15-00046"]
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
    argv = ["link_rooms_v15", "--rooms", "1", "--first", "33", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v15.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv15-00033"}
    assert all((tmp_path / name).exists() for name in truth)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v15.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)


def test_ordinary_places_share_no_drawn_surface(places: dict[int, v15.Place]) -> None:
    seen: dict[str, int] = {}
    for s in ORDINARY:
        assert not is_distractor(s)
        for digest in _drawn(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v15.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in ORDINARY))
    for s in LOOK_ALIKES:
        assert not set(_drawn(places[s])) & ordinary, s


def test_living_rooms_of_one_landlord_differ_only_in_windows_pictures_and_own_things(
    places: dict[int, v15.Place],
) -> None:
    a, b = places[21], places[22]
    assert place_kind(21) == place_kind(22) == "rental flat living room"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    differ = _differing(a, b)
    assert "back" in differ  # what the windows show
    assert differ <= {"back", "left", "right"}  # and the tenant's pictures
    assert _boxes(a) == _boxes(b)  # the landlord's furniture
    own = {k: t for k, t in _drawn(a).items() if t.startswith("belonging")}
    assert own and not set(own) & set(_drawn(b))


def test_prefab_classrooms_of_one_school_differ_in_boards_and_windows(
    places: dict[int, v15.Place],
) -> None:
    a, b = places[33], places[34]
    assert place_kind(33) == place_kind(34) == "prefab classroom"
    assert _differing(a, b) == {"back", "left", "right"}  # whiteboard, boards, windows
    assert _boxes(a) == _boxes(b)
    assert a.camera.pos.tolist() != b.camera.pos.tolist()


def test_fitting_rooms_of_one_chain_differ_only_in_the_shoppers_things(
    places: dict[int, v15.Place],
) -> None:
    a, b = places[45], places[46]
    assert place_kind(45) == place_kind(46) == "fitting room"
    assert not _differing(a, b)
    assert _boxes(a) == _boxes(b)
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)
    assert a.surfaces["back"].lit is not None and b.surfaces["back"].lit is not None
    assert not np.array_equal(a.surfaces["back"].lit, b.surfaces["back"].lit)  # own light


def test_an_attic_has_two_slopes_and_its_cameras_stay_under_them(
    places: dict[int, v15.Place],
) -> None:
    p = places[1]
    assert p.slope is not None and {"slope left", "slope right"} <= set(p.surfaces)
    knee, run = p.slope
    rng = np.random.default_rng(0)
    for cam in [moved(p, rng, 0.4, 12) for _ in range(20)] + [opposite_corner(p, rng)]:
        x, y = abs(float(cam.pos[0])), float(cam.pos[1])
        from_wall = p.width / 2 - x
        roof = knee + (p.height - knee) * min(1.0, from_wall / run)
        assert y < roof - 0.1


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v15(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_a_glass_door_adds_reflections_and_its_frame() -> None:
    grey = np.full((H, W, 3), 128, np.uint8)
    out = through_glass(grey, np.random.default_rng(1)).astype(float)
    assert out[H // 4 : 3 * H // 4].std() > 5  # the street reflected in it
    sides = []
    for col in (out[:, 1], out[:, -2]):
        mode = max(({tuple(c) for c in col}), key=lambda c: (col == c).all(axis=1).sum())
        sides.append((col == mode).all(axis=1).mean())
    assert max(sides) > 0.7  # the door's frame down one side


def test_an_action_camera_bends_straight_lines() -> None:
    img = np.zeros((H, W, 3), np.uint8)
    img[:, 10:12] = 255
    out = barrel(img, 0.4).astype(float).mean(axis=2)
    cols = [int(np.argmax(row > 100)) for row in out]
    assert min(cols[0], cols[-1]) - cols[H // 2] >= 2  # bowed out towards the edge


def test_a_night_shot_is_dark_blurred_and_noisy() -> None:
    img = _busy(4)
    out = long_exposure(img, np.random.default_rng(2))
    assert out.mean() < img.mean()
    flat = long_exposure(np.full((H, W, 3), 128, np.uint8), np.random.default_rng(2))
    assert flat.astype(float).std() > 3


def test_a_reshared_picture_keeps_its_size_and_loses_detail() -> None:
    img = _busy(5, 200, 150)
    out = _decode(reshared(img, np.random.default_rng(3)))
    assert out.shape == img.shape
    assert _sharpness(out) < 0.5 * _sharpness(img)


def test_a_print_on_a_fridge_covers_part_of_the_frame() -> None:
    dark = np.full((H, W, 3), 20, np.uint8)
    for i in range(3):
        out = on_fridge(dark, np.random.default_rng(i), W, H)
        assert out.shape == (H, W, 3)
        assert 0.1 < (out.max(axis=2) < 70).mean() < 0.6


def test_a_ceiling_camera_is_high_looks_down_and_sees_grey(places: dict[int, v15.Place]) -> None:
    p = places[7]
    for i in range(3):
        cam = _ceiling_camera(p, np.random.default_rng(i))
        assert float(cam.pos[1]) > p.height - 0.8 and cam.pitch < -5
    out = ceiling_cam(p, np.random.default_rng(4), 160, 120).astype(int)
    colour = np.abs(out[:, :, 0] - out[:, :, 1]) + np.abs(out[:, :, 1] - out[:, :, 2])
    assert np.median(colour) <= 12


def test_a_doorway_hides_a_large_part_of_the_picture() -> None:
    img = _busy(6)
    for i in range(3):
        out = through_door(img, np.random.default_rng(i))
        changed = (np.abs(out.astype(int) - img.astype(int)).max(axis=2) > 40).mean()
        assert 0.3 < changed < 0.85


def test_a_makeover_repaints_a_wall_and_moves_furniture(places: dict[int, v15.Place]) -> None:
    p = places[7]
    before = {(round(float(q.origin[0]), 3), round(float(q.origin[2]), 3)) for q in p.planes(1)}
    planes = made_over(p, np.random.default_rng(5))
    lit = [s.lit if s.lit is not None else s.tex for s in p.surfaces.values()]
    repainted = [q for q in planes[: len(lit)] if not any(q.tex is t for t in lit)]
    assert len(repainted) == 1
    after = {(round(float(q.origin[0]), 3), round(float(q.origin[2]), 3)) for q in planes}
    assert len(after - before) >= 8  # more than the new rug's five planes


def test_a_vertical_photo_sits_on_a_blurred_copy_of_itself(places: dict[int, v15.Place]) -> None:
    out = pillarbox(places[7], np.random.default_rng(6), 200, 150)
    assert out.shape == (150, 200, 3)
    side, middle = out[:, :20], out[:, 80:120]
    assert _sharpness(side) < 0.5 * _sharpness(middle)


def test_a_sepia_filter_is_warm_and_dark_in_the_corners() -> None:
    img = np.full((H, W, 3), 150, np.uint8)
    img[:, :, 2] = 200
    out = sepia(img, np.random.default_rng(7)).astype(float)
    centre = out[H // 3 : 2 * H // 3, W // 3 : 2 * W // 3].mean(axis=(0, 1))
    assert centre[0] > centre[1] > centre[2]
    assert out[:6, :6].mean() < 0.8 * centre.mean()


def test_the_opposite_corner_looks_back_from_the_far_half(places: dict[int, v15.Place]) -> None:
    for s in (0, 4, 7, 10):
        p = places[s]
        cam = opposite_corner(p, np.random.default_rng(s))
        assert float(cam.pos[2]) > p.depth * 0.45
        assert abs(cam.yaw) > 90  # towards the front

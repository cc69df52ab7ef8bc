"""Generator v8 of bench/link.py (bench/link_rooms_v8.py): deterministic by seed, the
counts and proportions its docstring states, well-formed truth, no picture shared between
places, and the views doing what the docstring says."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from bench.link_rooms_v8 import (
    BUILDING_BLOCK,
    BUILDING_SLOTS,
    JPEG_START,
    KINDS,
    PICTURES_PER_PLACE,
    POSTER_EVERY,
    POSTER_SLOT,
    RES,
    SHIFT,
    VIEW_KINDS,
    WALLPAPER_EVERY,
    WALLPAPER_SLOT,
    _shooter,
    is_building,
    kind_counts,
    make_pictures,
    pan_camera,
    place_kind,
    place_v8,
    room_v8,
    spec_v8,
    stickers,
    views_v8,
)
from PIL import Image

W, H = 200, 150


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def _seed_of(kind: str) -> int:
    return next(s for s in range(200) if place_kind(s) == kind and not is_building(s))


@pytest.mark.parametrize("kind", ["tent", "hallway", "bathroom"])
def test_same_seed_gives_the_same_pictures(kind: str) -> None:
    seed = _seed_of(kind)
    a, b = room_v8(seed, W, H), room_v8(seed, W, H)
    assert np.array_equal(a, b)
    assert views_v8(a, seed) == views_v8(b, seed)


def test_other_seeds_give_other_pictures() -> None:
    a, b = room_v8(1, W, H), room_v8(2, W, H)
    assert not np.array_equal(a, b)
    assert set(views_v8(a, 1).values()).isdisjoint(views_v8(b, 2).values())


def test_a_place_has_the_original_and_nine_views_in_their_formats() -> None:
    img = room_v8(3, W, H)
    assert img.shape == (H, W, 3) and img.dtype == np.uint8
    views = views_v8(img, 3)
    assert tuple(views) == VIEW_KINDS and 1 + len(views) == PICTURES_PER_PLACE == 10
    assert all(data[:2] == JPEG_START for data in views.values())
    portrait = _pixels(views["portrait"])
    assert portrait.shape[0] > portrait.shape[1]
    assert abs(portrait.shape[1] / portrait.shape[0] - 9 / 16) < 0.02
    assert portrait.shape[0] in (H, round(H * 1.5))
    call = _pixels(views["videocall"])
    assert call.shape[1] == W and abs(call.shape[1] / call.shape[0] - 16 / 9) < 0.05
    ir = _pixels(views["infrared"]).astype(int)
    assert ir.shape[:2] == (int(H * 0.75), int(W * 0.75))
    assert (
        np.abs(ir[:, :, 0] - ir[:, :, 1]).mean() < 2
        and np.abs(ir[:, :, 1] - ir[:, :, 2]).mean() < 2
    )
    for kind in ("pan", "phone", "reflection", "stickers", "repainted", "evening"):
        assert _pixels(views[kind]).shape == (H, W, 3)


def test_kind_proportions_are_those_of_the_docstring() -> None:
    counts = kind_counts(0, 1000)
    assert counts["building"] == 3 * 1000 // BUILDING_BLOCK == 75
    others = 1000 - counts["building"]
    for kind, share in KINDS:
        assert abs(counts[kind] / others - share) <= 0.04, (kind, counts[kind])
    assert set(counts) == {k for k, _ in KINDS} | {"building"}


def test_rooms_of_one_building_share_materials_but_not_geometry() -> None:
    templates = set()
    for block in range(8):
        seeds = [block * BUILDING_BLOCK + slot for slot in BUILDING_SLOTS]
        specs = [spec_v8(s) for s in seeds]
        assert all(s.building == block for s in specs)
        templates.add(tuple(s.kind for s in specs))
        for s in specs:  # a flat's kitchen has a tiled floor; all else is the building's
            assert replace(s.style, floor=specs[0].style.floor) == specs[0].style
            assert s.kind == "kitchen" or s.style.floor == specs[0].style.floor
        assert len({(s.box.width, s.box.depth) for s in specs}) == 3
        assert len({str(s.walls) for s in specs}) == 3
        assert (
            len({tuple(d for _, d, _, _ in s.furniture) for s in specs if s.kind == "hotel"}) <= 1
        )
    assert templates == {("hotel",) * 3, ("office",) * 3, ("bedroom", "living", "kitchen")}
    other = spec_v8(_seed_of("bedroom"))
    assert other.building is None
    pictures = [room_v8(s, W, H) for s in (13, 14)]
    assert not np.array_equal(pictures[0], pictures[1])


def test_stock_posters_and_wallpapers_only_in_their_small_shares() -> None:
    posters = [s for s in range(400) if any(f.kind == "stock" for f in _fittings(s))]
    assert posters and all(s % POSTER_EVERY == POSTER_SLOT for s in posters)
    assert len(posters) >= 0.9 * 400 / POSTER_EVERY
    papered = [s for s in range(400) if spec_v8(s).wallpaper is not None]
    assert papered == [s for s in range(400) if s % WALLPAPER_EVERY == WALLPAPER_SLOT]


def _fittings(seed: int) -> list:
    return [f for wall in spec_v8(seed).walls.values() for f in wall]


def test_fittings_on_a_wall_never_overlap() -> None:
    for seed in range(60):
        spec = spec_v8(seed)
        for name, wall in spec.walls.items():
            spans = sorted((f.x, f.x + f.w) for f in wall if f.kind != "zip")
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), (seed, name)


def test_no_two_places_share_a_picture_and_the_truth_is_well_formed(tmp_path: Path) -> None:
    rooms, first = 10, 8  # seeds 8-17: three rooms of one building among them
    truth = make_pictures(tmp_path, rooms, (160, 120), first=first)
    assert json.loads((tmp_path / "truth.json").read_text()) == truth
    files = {p.name for p in tmp_path.iterdir()} - {"truth.json"}
    assert files == set(truth)
    labels = Counter(truth.values())
    assert set(labels) == {f"roomv8-{i:05d}" for i in range(first, first + rooms)}
    assert set(labels.values()) == {PICTURES_PER_PLACE}
    for name, label in truth.items():
        stem, kind = name.rsplit(".", 1)[0].split("__")
        assert stem == label and kind in ("original", *VIEW_KINDS)
    owner_of_bytes: dict[str, str] = {}
    owner_of_pixels: dict[str, str] = {}
    for name, label in truth.items():
        data = (tmp_path / name).read_bytes()
        for owners, key in (
            (owner_of_bytes, hashlib.sha256(data).hexdigest()),
            (owner_of_pixels, hashlib.sha256(_pixels(data).tobytes()).hexdigest()),
        ):
            assert owners.setdefault(key, label) == label, name


def test_a_pan_shares_30_to_60_percent_of_the_field_of_view() -> None:
    img = room_v8(5, W, H)
    shooter = _shooter(img)
    rng = np.random.default_rng(0)
    shares = []
    for _ in range(200):
        overlap = float(rng.uniform(0.3, 0.6))
        cam = pan_camera(shooter, rng, overlap)
        shares.append(1 - abs(cam.yaw - shooter.camera.yaw) / shooter.camera.hfov)
    assert min(shares) >= 0.3 and max(shares) <= 0.6
    assert min(shares) < 0.35 and max(shares) > 0.55


def test_repainting_changes_the_paint_and_keeps_the_doors_and_sockets() -> None:
    seed = _seed_of("bedroom")
    spec = spec_v8(seed)
    first, second = place_v8(spec, 0), place_v8(spec, 1)
    left = 2  # planes: ceiling, floor, left wall, right wall, back wall
    a, b = first.planes[left].tex, second.planes[left].tex
    door = next(f for f in spec.walls["left"] if f.kind == "door")
    x0, y0 = int(door.x * RES), int(door.y * RES)
    x1, y1 = x0 + int(door.w * RES), y0 + int(door.h * RES)
    assert np.array_equal(a[y0:y1, x0:x1], b[y0:y1, x0:x1])
    for socket in (f for f in spec.walls["left"] if f.kind in ("socket", "switch")):
        sx, sy = int(socket.x * RES) + 2, int(socket.y * RES) + 2
        assert np.array_equal(a[sy, sx], b[sy, sx])
    assert np.abs(a.astype(int) - b.astype(int)).mean() > 10  # the paint changed
    props_a = [p.p0[0] for p in first.props]
    props_b = [p.p0[0] for p in second.props]
    assert (
        props_a != props_b
        and max(abs(x - y) for x, y in zip(props_a, props_b, strict=True)) <= SHIFT + 1e-9
    )


def test_the_hour_changes_what_the_windows_show_and_nothing_else() -> None:
    seed = _seed_of("living")
    spec = spec_v8(seed)
    back = 4
    day, night = (
        place_v8(spec, 0, "day").planes[back].tex,
        place_v8(spec, 0, "night").planes[back].tex,
    )
    changed = np.argwhere((day != night).any(axis=2))
    assert len(changed) > 0
    window = next(f for f in spec.walls["back"] if f.kind == "window")
    x0, y0 = int(window.x * RES), int(window.y * RES)
    x1, y1 = x0 + int(window.w * RES), y0 + int(window.h * RES)
    assert changed[:, 0].min() >= y0 and changed[:, 0].max() <= y1
    assert changed[:, 1].min() >= x0 and changed[:, 1].max() <= x1


def test_stickers_hide_8_to_20_percent_of_the_frame() -> None:
    img = np.asarray(room_v8(4, W, H))
    rng = np.random.default_rng(1)
    hidden = [stickers(img, rng)[1] for _ in range(200)]
    assert min(hidden) >= 0.07 and max(hidden) <= 0.2
    assert 0.11 < float(np.mean(hidden)) < 0.16


def test_pictures_not_made_by_the_generator_get_the_nine_views() -> None:
    rng = np.random.default_rng(5)
    img = np.ascontiguousarray(rng.integers(0, 256, (H, W, 3)).astype(np.uint8))
    views = views_v8(img, 7)
    assert tuple(views) == VIEW_KINDS
    assert views == views_v8(img.copy(), 7)

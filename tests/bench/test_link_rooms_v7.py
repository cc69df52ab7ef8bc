"""Generator v7 of bench/link.py (bench/link_rooms_v7.py): deterministic by seed, the
counts and proportions its docstring states, well-formed truth, no picture shared between
places."""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from bench.link_rooms_v7 import (
    CHAIN_BLOCK,
    CHAIN_SLOTS,
    CHAIN_TEMPLATES,
    DRESS_SEED,
    JPEG_START,
    KINDS,
    OCCLUDERS,
    PICTURES_PER_PLACE,
    TINY_WIDTH,
    VIEW_KINDS,
    _move,
    _redress,
    kind_counts,
    make_pictures,
    occlude,
    place_kind,
    render,
    room_v7,
    sample,
    scene_v7,
    views_v7,
    wide_angle,
)
from PIL import Image

W, H = 200, 150


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def _seed_of(kind: str) -> int:
    return next(s for s in range(200) if place_kind(s) == kind)


@pytest.mark.parametrize("kind", ["classroom", "vehicle", "hotel"])
def test_same_seed_gives_the_same_pictures(kind: str) -> None:
    seed = _seed_of(kind)
    a, b = room_v7(seed, W, H), room_v7(seed, W, H)
    assert np.array_equal(a, b)
    assert views_v7(a, seed) == views_v7(b, seed)


def test_other_seeds_give_other_pictures() -> None:
    a, b = room_v7(1, W, H), room_v7(2, W, H)
    assert not np.array_equal(a, b)
    assert set(views_v7(a, 1).values()).isdisjoint(views_v7(b, 2).values())


def test_a_place_has_the_original_and_eight_views_in_their_formats() -> None:
    img = room_v7(3, W, H)
    assert img.shape == (H, W, 3) and img.dtype == np.uint8
    views = views_v7(img, 3)
    assert tuple(views) == VIEW_KINDS and 1 + len(views) == PICTURES_PER_PLACE == 9
    assert all(data[:2] == JPEG_START for data in views.values())
    assert _pixels(views["tiny"]).shape[1] == TINY_WIDTH
    frame = _pixels(views["frame"])
    assert frame.shape[1] == int(W * 0.8) and abs(frame.shape[1] / frame.shape[0] - 16 / 9) < 0.05
    crop = _pixels(views["crop"])
    assert crop.shape[:2] == (H, W) or crop.shape[1] <= 0.6 * W
    for kind in ("redressed", "occluded", "wide", "screen", "season"):
        assert _pixels(views[kind]).shape == (H, W, 3)


def test_kind_proportions_are_those_of_the_docstring() -> None:
    counts = kind_counts(0, 1000)
    assert counts["hotel"] == 60
    others = 1000 - counts["hotel"]
    for kind, share in KINDS:
        assert abs(counts[kind] / others - share) <= 0.04, (kind, counts[kind])
    assert set(counts) == {k for k, _ in KINDS} | {"hotel"}


def test_chain_rooms_are_three_in_fifty_from_four_templates() -> None:
    chain = [s for s in range(1000) if place_kind(s) == "hotel"]
    assert all(s % CHAIN_BLOCK in CHAIN_SLOTS for s in chain)
    assert len(chain) == 3 * 1000 // CHAIN_BLOCK
    templates = Counter(scene_v7(s).chain for s in chain[:24])
    assert set(templates) == set(range(CHAIN_TEMPLATES))
    assert scene_v7(_seed_of("bedroom")).chain is None


def test_rooms_of_one_chain_look_alike_but_are_not_the_same_picture() -> None:
    a, b = room_v7(7, W, H), room_v7(19, W, H)  # the same template
    c = room_v7(_seed_of("bedroom"), W, H)
    assert scene_v7(7).chain == scene_v7(19).chain
    assert not np.array_equal(a, b)
    diff_twins = np.abs(a.astype(int) - b.astype(int)).mean()
    diff_other = np.abs(a.astype(int) - c.astype(int)).mean()
    assert 0 < diff_twins < diff_other


def test_no_two_places_share_a_picture_and_the_truth_is_well_formed(tmp_path: Path) -> None:
    rooms = 10
    truth = make_pictures(tmp_path, rooms, (160, 120), first=0)
    assert json.loads((tmp_path / "truth.json").read_text()) == truth
    files = {p.name for p in tmp_path.iterdir()} - {"truth.json"}
    assert files == set(truth)
    labels = Counter(truth.values())
    assert set(labels) == {f"roomv7-{i:05d}" for i in range(rooms)}
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


def test_an_occluder_covers_35_to_65_percent_of_the_frame() -> None:
    img = room_v7(4, W, H)
    seen = Counter()
    for i in range(60):
        out, share, what = occlude(np.asarray(img), np.random.default_rng(i))
        assert out.shape == img.shape
        assert 0.35 <= share <= 0.65, (what, share)
        seen[what] += 1
    assert set(seen) == set(OCCLUDERS)


def test_redressing_moves_the_furniture_and_keeps_the_walls() -> None:
    seed = _seed_of("bedroom")
    scene = scene_v7(seed)
    original = scene.place()
    layout = _redress(scene, np.random.default_rng(DRESS_SEED + seed))
    again = scene.place(layout=layout)
    far = len(scene.windows)  # the outside is drawn again for each picture, the same
    assert len(again.planes) == len(original.planes)
    assert all(
        np.array_equal(a.tex, b.tex)
        for a, b in zip(original.planes[:far], again.planes[:far], strict=True)
    )
    assert all(
        a.tex is b.tex for a, b in zip(original.planes[far:], again.planes[far:], strict=True)
    )
    before = sorted(tuple(np.round(p.p0, 3)) for p in original.props)
    after = sorted(tuple(np.round(p.p0, 3)) for p in again.props)
    assert before != after


def test_the_season_changes_what_the_windows_show_and_nothing_else() -> None:
    scene = scene_v7(_seed_of("classroom"))
    summer, winter = scene.place("summer"), scene.place("winter")
    far = len(scene.windows)
    assert far > 0
    for a, b in zip(summer.planes[:far], winter.planes[:far], strict=True):
        assert np.array_equal(a.p0, b.p0) and not np.array_equal(a.tex, b.tex)
    assert all(
        a.tex is b.tex for a, b in zip(summer.planes[far:], winter.planes[far:], strict=True)
    )


def test_without_distortion_the_wide_view_is_the_plain_render() -> None:
    scene = scene_v7(5)
    cam = _move(scene, np.random.default_rng(0), (0.1, 0.3), (0, 5))
    plain = render(scene.place(), cam, W, H)
    assert np.array_equal(wide_angle(scene, cam, W, H, 0.0), plain)
    bent = wide_angle(scene, cam, W, H, 0.2)
    assert bent.shape == plain.shape and not np.array_equal(bent, plain)


def test_pictures_not_made_by_the_generator_get_the_eight_views() -> None:
    picture = np.ascontiguousarray(sample("coffee")[::2, ::2])
    views = views_v7(picture, 0)
    assert tuple(views) == VIEW_KINDS
    assert all(_pixels(data).size for data in views.values())

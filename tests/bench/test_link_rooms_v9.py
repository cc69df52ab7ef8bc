"""Generator v9 of ``bench/link.py`` (held out, written blind): deterministic by seed, the
pictures and truth it writes, its proportions, and that no two places share a picture."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v9 import (
    CAR_EVERY,
    CAR_SLOTS,
    DEV_EVERY,
    DEV_MIRRORED,
    DEV_SLOTS,
    KINDS,
    PICTURES_PER_PLACE,
    TENT_EVERY,
    TENT_SLOTS,
    VIEW_KINDS,
    across_camera,
    build_place,
    kind_counts,
    make_pictures,
    place_kind,
    room_v9,
    views_v9,
)

SIZE = (160, 120)
#: look-alike places (one development's three flats, two identical tents, two cars of one
#: model) and ordinary ones of several kinds
SEEDS = (0, 1, 3, 21, 22, 23, 37, 38, 87, 88)


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


@pytest.fixture(scope="module")
def pictures() -> dict[int, dict[str, bytes]]:
    out: dict[int, dict[str, bytes]] = {}
    for seed in SEEDS:
        img = room_v9(seed, *SIZE)
        ok, png = cv2.imencode(".png", np.ascontiguousarray(img))
        assert ok
        out[seed] = {"original": png.tobytes(), **views_v9(img, seed)}
    return out


def test_a_place_is_the_same_for_the_same_seed() -> None:
    a, b = room_v9(5, *SIZE), room_v9(5, *SIZE)
    assert np.array_equal(a, b)
    assert views_v9(a, 5) == views_v9(b, 5)


def test_different_seeds_give_different_places() -> None:
    assert not np.array_equal(room_v9(5, *SIZE), room_v9(6, *SIZE))


def test_every_place_has_the_original_and_nine_views(
    pictures: dict[int, dict[str, bytes]],
) -> None:
    assert PICTURES_PER_PLACE == 10
    for made in pictures.values():
        assert tuple(made)[1:] == VIEW_KINDS
        for kind in VIEW_KINDS:
            assert made[kind][:2] == b"\xff\xd8", kind  # every view is a JPEG


def test_view_sizes(pictures: dict[int, dict[str, bytes]]) -> None:
    w, h = SIZE
    made = pictures[0]
    assert _decode(made["large"]).shape[:2] == (2 * h, 2 * w)
    assert _decode(made["fisheye"]).shape[:2] == (int(0.75 * h), int(0.75 * w))
    shot = _decode(made["screenshot"]).shape[:2]
    assert shot[0] > 2 * shot[1]  # a phone screenshot stands upright
    for kind in ("across", "closeup", "lowlight", "print", "collage", "rearranged"):
        assert _decode(made[kind]).shape[:2] == (h, w), kind


def test_no_two_places_share_a_picture(pictures: dict[int, dict[str, bytes]]) -> None:
    owner: dict[str, int] = {}
    for seed, made in pictures.items():
        for data in made.values():
            digest = hashlib.sha256(data).hexdigest()
            assert owner.setdefault(digest, seed) == seed


def test_look_alike_places_still_differ_in_what_they_show() -> None:
    for group in ((21, 22, 23), (37, 38), (87, 88)):
        originals = [room_v9(s, 200, 150).astype(np.int16) for s in group]
        for i in range(len(originals)):
            for j in range(i + 1, len(originals)):
                diff = float(np.abs(originals[i] - originals[j]).mean())
                assert diff > 8.0, (group, i, j, diff)


def test_the_flats_of_one_development_share_their_layout_and_one_is_mirrored() -> None:
    first = next(s for s in range(200) if s % DEV_EVERY == DEV_SLOTS[0])
    a, b, c = (build_place(first + k) for k in range(3))
    dims = {(p.width, p.depth, p.height) for p in (a, b, c)}
    assert len(dims) == 1
    assert not a.mirrored and not c.mirrored
    assert b.mirrored and b.seed % DEV_EVERY == DEV_MIRRORED
    floor_a, floor_b, floor_c = (p.fixed[4].tex for p in (a, b, c))
    assert np.array_equal(floor_a, floor_c)
    assert np.array_equal(floor_b, floor_a[:, ::-1])
    assert not np.array_equal(a.fixed[0].tex, c.fixed[0].tex)  # their own paint and pictures


def test_look_alike_shares_are_exact() -> None:
    kinds = [place_kind(s) for s in range(1000)]
    development = [k for k in kinds if k.startswith("development ")]
    assert len(development) == 1000 // DEV_EVERY * len(DEV_SLOTS)
    assert kinds.count("identical tent") == 1000 // TENT_EVERY * len(TENT_SLOTS)
    assert kinds.count("same-model car") == 1000 // CAR_EVERY * len(CAR_SLOTS)


def test_kinds_come_in_their_documented_shares() -> None:
    counts = kind_counts(0, 1000)
    others = {k: n for k, n in counts.items() if k in dict(KINDS)}
    total = sum(others.values())
    assert total == 1000 - 60 - 20 - 20
    for kind, share in KINDS:
        assert abs(others.get(kind, 0) / total - share) <= 0.04, (kind, others.get(kind, 0))


def test_across_turns_at_least_twenty_degrees() -> None:
    for seed in range(30):
        place = build_place(seed)
        _, turn = across_camera(place, np.random.default_rng(seed))
        assert 20 - 1e-6 <= abs(turn) <= 90, (seed, place.kind, turn)


def test_a_picture_not_made_by_v9_is_seen_the_same_ways() -> None:
    rng = np.random.default_rng(1)
    img = np.zeros((120, 160, 3), np.uint8)
    for _ in range(20):
        x, y = int(rng.integers(0, 150)), int(rng.integers(0, 110))
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        cv2.rectangle(img, (x, y), (x + 12, y + 9), colour, -1)
    made = views_v9(img, 3)
    assert tuple(made) == VIEW_KINDS
    assert views_v9(img, 3) == made


def test_the_dry_run_writes_pictures_and_a_well_formed_truth(tmp_path: Path) -> None:
    folder = tmp_path / "collection"
    truth = make_pictures(folder, 3, SIZE, first=21)
    files = {p.name for p in folder.iterdir() if p.name != "truth.json"}
    assert set(truth) == files
    assert len(files) == 3 * PICTURES_PER_PLACE
    labels = set(truth.values())
    assert labels == {f"roomv9-{s:05d}" for s in (21, 22, 23)}
    for name, label in truth.items():
        stem, ext = name.rsplit(".", 1)
        owner, kind = stem.split("__")
        assert owner == label
        assert kind in ("original", *VIEW_KINDS)
        assert ext == ("png" if kind == "original" else "jpg")
        assert cv2.imread(str(folder / name)) is not None
    written = folder / "truth.json"
    if written.exists():
        assert json.loads(written.read_text()) == truth


def test_the_first_hundred_places_build() -> None:
    for seed in range(100):
        img = room_v9(seed, 64, 48)
        assert img.shape == (48, 64, 3)
        assert float(img.std()) > 5.0, seed  # a place, not a blank frame

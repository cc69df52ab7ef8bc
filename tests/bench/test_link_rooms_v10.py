"""Generator v10 of the link benchmark: deterministic by seed, ten views a place, the
documented shares of kinds and look-alike places, no picture or drawn surface shared by
chance between places, a well-formed truth."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v10 import (
    KINDS,
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    build_place,
    is_cabin,
    is_distractor,
    is_shop,
    is_twin,
    kind_counts,
    make_pictures,
    place_kind,
    room_v10,
    views_v10,
)

W, H = 200, 150


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


def _textures(seed: int) -> dict[str, np.ndarray]:
    p = build_place(seed)
    out = {f"wall {k}": v for k, v in p.walls.items()}
    out |= {f"closed {k}": v for k, v in p.closed.items()}
    out |= {"floor": p.floor, "ceiling": p.ceiling, "hall floor": p.hall_floor}
    out["door leaf"] = p.door_leaf
    for i, b in enumerate(p.boxes):
        out |= {f"box {i} {k}": v for k, v in b.tex.items()}
    return out


@cache
def _drawn(seed: int) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(v).tobytes()).hexdigest(): k
        for k, v in _textures(seed).items()
        if float(v[:, :, :3].std()) > 2.0
    }


def test_the_same_seed_gives_the_same_pictures() -> None:
    a, b = room_v10(5, W, H), room_v10(5, W, H)
    assert np.array_equal(a, b)
    assert views_v10(a, 5) == views_v10(b, 5)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(room_v10(5, W, H), room_v10(6, W, H))


def test_a_place_has_ten_views_of_the_documented_kinds_and_sizes() -> None:
    img = room_v10(9, W, H)
    views = views_v10(img, 9)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 11
    shapes = {k: _decode(v).shape[:2] for k, v in views.items()}
    assert shapes["webcam"][1] <= 0.56 * W
    assert 0.44 * W <= shapes["walkthrough"][1] <= 0.91 * W
    assert shapes["panorama"][1] > 1.5 * shapes["panorama"][0]
    assert shapes["resaved"] == (int(H * 0.7), int(W * 0.7))
    for k in ("childeye", "zoom", "foreground", "doorway", "lamp", "nextday"):
        assert shapes[k] == (H, W)


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["twin hotel"] + counts["twin bedroom"] == 60
    assert counts["model cabin"] == 20
    assert counts["chain shop"] == 20
    others = 1000 - 100
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / others - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_look_alike_groups_do_not_overlap() -> None:
    for s in range(1000):
        assert is_twin(s) + is_cabin(s) + is_shop(s) <= 1


def test_no_two_places_share_a_picture(tmp_path: Path) -> None:
    truth = make_pictures(tmp_path, 6, (W, H), first=15)  # seeds 15-20: twins 17-19
    digests: dict[str, str] = {}
    for name, label in truth.items():
        digest = hashlib.sha1((tmp_path / name).read_bytes()).hexdigest()
        assert digests.setdefault(digest, label) == label, name
    assert len(truth) == 6 * PICTURES_PER_PLACE


def test_the_truth_names_every_picture_and_its_place(tmp_path: Path) -> None:
    truth = make_pictures(tmp_path, 3, (W, H), first=40)
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == [f"roomv10-{s:05d}" for s in (40, 41, 42)]
    for name, label in truth.items():
        assert name.startswith(label + "__")
        kind = name.split("__")[1].split(".")[0]
        assert kind in ("original", *VIEW_KINDS)
    for label in labels:
        assert sum(v == label for v in truth.values()) == PICTURES_PER_PLACE
    assert json.loads((tmp_path / "truth.json").read_text()) == truth


def test_ordinary_places_share_no_drawn_surface() -> None:
    seeds = [s for s in range(0, 40) if not is_distractor(s)][:10]
    seen: dict[str, int] = {}
    for s in seeds:
        for digest in _drawn(s):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_ordinary_floors_differ_everywhere() -> None:
    floors = [build_place(s).floor for s in range(0, 12) if not is_distractor(s)]
    for i, a in enumerate(floors):
        for b in floors[i + 1 :]:
            h, w = min(a.shape[0], b.shape[0], 60), min(a.shape[1], b.shape[1], 60)
            assert not np.array_equal(a[:h, :w], b[:h, :w])


def test_twin_rooms_share_their_carpet_wallpaper_bed_and_lamp_and_not_their_walls() -> None:
    twins = [build_place(s) for s in (17, 18, 19)]
    a, b = twins[0], twins[1]
    assert np.array_equal(a.floor[:200, :200], b.floor[:200, :200])  # one carpet model
    # the same wallpaper, each room's wall lit its own way
    pa, pb = (p.walls["back"][:24, :24, :3].astype(float).mean(axis=2) for p in (a, b))
    assert np.corrcoef(pa.ravel(), pb.ravel())[0, 1] > 0.98
    assert not np.array_equal(a.walls["left"][:24, :24], b.walls["left"][:24, :24])
    shared = set(_drawn(17)) & set(_drawn(18))
    names = {_drawn(17)[d] for d in shared}
    assert names, "twin rooms share their mass-produced items"
    for name in ("wall left", "wall right", "ceiling"):
        assert name not in names
    ordinary = set(_drawn(16)) | set(_drawn(20))
    assert not (set(_drawn(17)) & ordinary)


def test_chain_shops_share_their_floor_tiles_but_not_their_walls() -> None:
    a, b = build_place(71), build_place(72)
    assert place_kind(71) == place_kind(72) == "chain shop"
    assert np.array_equal(a.floor[:200, :200], b.floor[:200, :200])
    assert not np.array_equal(a.walls["left"][:60, :60], b.walls["left"][:60, :60])


def test_cabins_of_one_model_share_size_and_furniture_but_not_their_wood() -> None:
    a, b = build_place(41), build_place(42)
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert set(_drawn(41)) & set(_drawn(42))
    assert not np.array_equal(a.walls["right"], b.walls["right"])


def test_the_front_wall_has_the_door_opening_the_doorway_view_looks_through() -> None:
    p = build_place(9)
    alpha = p.walls["front"][:, :, 3]
    assert 0 < int((alpha == 0).sum()) < alpha.size // 2


def test_the_next_day_changes_the_bedding_and_the_loose_things_only() -> None:
    p = build_place(0)
    day0, day1 = p.planes(0), p.planes(1)
    fixed0 = [q for q in day0 if q.wall]
    fixed1 = [q for q in day1 if q.wall]
    assert all(np.array_equal(x.tex, y.tex) for x, y in zip(fixed0, fixed1, strict=True))
    assert len(day0) != len(day1) or any(
        not np.array_equal(x.tex, y.tex) for x, y in zip(day0, day1, strict=True)
    )


@pytest.mark.parametrize("shape", [(120, 180, 3), (90, 90, 3)])
def test_a_picture_not_made_here_is_hung_in_a_room_and_seen_the_same_ways(
    shape: tuple[int, int, int],
) -> None:
    rng = np.random.default_rng(1)
    img = np.zeros(shape, np.uint8)
    for _ in range(20):
        x, y = (int(v) for v in rng.integers(0, shape[1], 2))
        cv2.circle(img, (x, y % shape[0]), int(rng.integers(3, 20)), (200, 120, 40), -1)
    views = views_v10(img, 3)
    assert tuple(views) == VIEW_KINDS


def test_no_photograph_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Surfaces are drawn from each place's own generator, never cut from the few sample
    photographs, so no two places can share a photographed surface."""
    import bench.link_rooms_v9 as v9

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    for name in ("_photo", "_cut", "_texture"):
        monkeypatch.setattr(v9, name, refuse)
    monkeypatch.setattr(cv2, "imread", refuse)
    kinds = set()
    for seed in (0, 1, 2, 3, 6, 9, 10, 13, 17, 33, 41, 49, 71):
        kinds.add(place_kind(seed))
        assert len(views_v10(room_v10(seed, 120, 90), seed)) == len(VIEW_KINDS)
    assert len(kinds) == 13

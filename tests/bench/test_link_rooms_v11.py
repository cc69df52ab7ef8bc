"""Generator v11 of the link benchmark: deterministic by seed, twelve views a place that
change the picture as documented, the documented shares of kinds and look-alike places,
no drawn surface shared by chance between ordinary places, a well-formed truth."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v11 import (
    GRADES,
    KINDS,
    PICTURES_PER_PLACE,
    THUMB_WIDTH,
    VIEW_KINDS,
    before_after,
    build_place,
    depth_picture,
    flash_light,
    floor_camera,
    grade,
    is_caravan_model,
    is_distractor,
    is_dorm_twin,
    is_flat,
    kind_counts,
    long_exposure,
    make_pictures,
    mirror_selfie,
    place_kind,
    room_v11,
    screen_photo,
    shoulder_blur,
    story_frame,
    thumbnail_upscaled,
    unrotated,
    views_v11,
)

from bench import link_rooms_v11 as v11

W, H = 200, 150


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


@cache
def _drawn(seed: int) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(v).tobytes()).hexdigest(): k
        for k, v in build_place(seed).textures().items()
        if float(v[:, :, :3].std()) > 2.0
    }


def _detail(img: np.ndarray) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2GRAY)
    return float(cv2.Laplacian(grey.astype(np.float32), cv2.CV_32F).var())


def _busy(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((H, W, 3), 128, np.uint8)
    for _ in range(80):
        x, y = int(rng.integers(0, W)), int(rng.integers(0, H))
        cv2.rectangle(
            img, (x, y), (x + 6, y + 4), tuple(int(c) for c in rng.integers(0, 256, 3)), -1
        )
    return img


def _same_floor(a: v11.Place, b: v11.Place) -> bool:
    """The same flooring, each place's floor lit its own way."""
    fa, fb = (p.surface("floor").tex[:, :, :3].astype(float).mean(axis=2) for p in (a, b))
    if fa.shape != fb.shape:
        return False
    fa, fb = fa / fa.mean(axis=0), fb / fb.mean(axis=0)  # each lit by its own ramp across
    same = np.corrcoef(fa.ravel(), fb.ravel())[0, 1] > 0.95
    return bool(same)


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v11(room_v11(seed, W, H), seed)


def test_the_same_seed_gives_the_same_pictures() -> None:
    a, b = room_v11(5, W, H), room_v11(5, W, H)
    assert np.array_equal(a, b)
    assert views_v11(a, 5) == _views(5)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(room_v11(5, W, H), room_v11(6, W, H))


def test_a_place_has_twelve_views_of_the_documented_kinds_and_sizes() -> None:
    views = _views(9)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    shapes = {k: _decode(v).shape[:2] for k, v in views.items()}
    sw = int(W * 0.8) // 2 * 2
    assert shapes["story"] == (sw * 16 // 9, sw)
    assert shapes["square"] == (int(H * 0.8), int(H * 0.8))
    for k in VIEW_KINDS:
        if k not in ("story", "square"):
            assert shapes[k] == (H, W), k


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["building flat"] == 60
    assert counts["twin dorm"] == 20
    assert counts["caravan model"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_look_alike_groups_do_not_overlap() -> None:
    for s in range(1000):
        assert is_flat(s) + is_dorm_twin(s) + is_caravan_model(s) <= 1


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 3, (120, 90), first=12)  # 13 and 14: flats of one building
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == [f"roomv11-{s:05d}" for s in (12, 13, 14)]
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


def test_ordinary_places_share_no_drawn_surface() -> None:
    seeds = [s for s in range(0, 40) if not is_distractor(s)][:10]
    seen: dict[str, int] = {}
    for s in seeds:
        for digest in _drawn(s):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_flats_of_one_building_share_kitchen_floor_and_size_not_their_walls() -> None:
    a, b = build_place(13), build_place(14)
    assert place_kind(13) == place_kind(14) == "building flat"
    ta, tb = v11._template(13), v11._template(14)
    assert ta.floor is not None and tb.floor is not None and np.array_equal(ta.floor, tb.floor)
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert _same_floor(a, b)
    names = {_drawn(13)[d] for d in set(_drawn(13)) & set(_drawn(14))}
    assert any(n.startswith("box") for n in names)
    shared_a = {(round(x.x, 6), round(x.z, 6)) for x in a.boxes}
    shared_b = {(round(x.x, 6), round(x.z, 6)) for x in b.boxes}
    assert len(shared_a & shared_b) >= 2  # the fridge and the units stand in the same places
    for wall in ("left", "right", "back"):
        assert not np.array_equal(a.surface(wall).tex, b.surface(wall).tex)
    assert not (set(_drawn(13)) & (set(_drawn(12)) | set(_drawn(16))))
    assert not _same_floor(a, build_place(16))


def test_twin_dorm_rooms_share_beds_desks_lockers_and_lino_not_their_posters() -> None:
    a, b = build_place(27), build_place(28)
    assert place_kind(27) == place_kind(28) == "twin dorm"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    assert _same_floor(a, b)
    names = {_drawn(27)[d] for d in set(_drawn(27)) & set(_drawn(28))}
    assert sum(n.startswith("box") for n in names) >= 3
    assert not np.array_equal(a.surface("back").tex, b.surface("back").tex)
    day_a, day_b = a.planes(0), b.planes(0)
    assert len(day_a) != len(day_b) or any(
        not np.array_equal(x.tex, y.tex) for x, y in zip(day_a, day_b, strict=True)
    )


def test_caravans_of_one_model_share_shell_and_fittings_not_what_windows_show() -> None:
    a, b = build_place(81), build_place(82)
    assert place_kind(81) == place_kind(82) == "caravan model"
    assert a.profile == b.profile and a.depth == b.depth
    assert _same_floor(a, b)
    names = {_drawn(81)[d] for d in set(_drawn(81)) & set(_drawn(82))}
    assert sum(n.startswith("box") for n in names) >= 3
    assert not np.array_equal(a.surface("back").tex, b.surface("back").tex)


def test_attics_have_sloped_ceilings_and_gable_walls() -> None:
    seed = next(s for s in range(100) if place_kind(s) == "attic")
    p = build_place(seed)
    roles = [r for _, r in p.profile]
    assert roles.count("slope") == 2
    back = p.surface("back").tex
    assert back.shape[2] == 4 and 0 < int((back[:, :, 3] == 0).sum()) < back[:, :, 3].size // 2


def test_every_kind_builds_and_reads_no_photograph(monkeypatch: pytest.MonkeyPatch) -> None:
    import bench.link_rooms_v9 as v9

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    for name in ("_photo", "_cut", "_texture"):
        monkeypatch.setattr(v9, name, refuse)
    monkeypatch.setattr(cv2, "imread", refuse)
    kinds = {}
    for s in range(100):
        kinds.setdefault(place_kind(s), s)
    assert len(kinds) == len(KINDS) + 3
    for kind, s in kinds.items():
        assert room_v11(s, 80, 60).shape == (60, 80, 3), kind
    assert len(views_v11(room_v11(kinds["boat"], 120, 90), 1)) == len(VIEW_KINDS)


def test_a_picture_not_made_here_is_hung_in_a_room_and_seen_the_same_ways() -> None:
    views = views_v11(_busy(), 3)
    assert tuple(views) == VIEW_KINDS


# --- each view changes the picture as documented ----------------------------------------------


def test_the_mirror_shows_the_room_flipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(planes: object, cam: object, w: int, h: int) -> np.ndarray:
        img = np.zeros((h, w, 3), np.uint8)
        img[:, : w // 2] = (230, 20, 20)  # red on the left of the unmirrored picture
        img[:, w // 2 :] = (20, 20, 230)
        return img

    monkeypatch.setattr(v11, "render", fake)
    out = mirror_selfie(build_place(2), np.random.default_rng(0), W, H).astype(float)
    left, right = out[:, : W // 2], out[:, W // 2 :]
    assert (left[:, :, 2] - left[:, :, 0]).mean() > 20
    assert (right[:, :, 0] - right[:, :, 2]).mean() > 20


def test_a_story_is_nine_by_sixteen_with_blurred_bars() -> None:
    out = story_frame(_busy(), np.random.default_rng(1), 160)
    assert out.shape == (160 * 16 // 9, 160, 3)
    assert _detail(out[36:62]) < 0.2 * _detail(out[out.shape[0] // 2 - 30 : out.shape[0] // 2 + 30])


@pytest.mark.parametrize("preset", GRADES)
def test_a_grade_changes_the_colours_and_darkens_the_corners(preset: str) -> None:
    grey = np.full((H, W, 3), 140, np.uint8)
    out = grade(grey, np.random.default_rng(2), preset).astype(float)
    assert (
        out[:10, :10].mean() < 0.85 * out[H // 2 - 5 : H // 2 + 5, W // 2 - 5 : W // 2 + 5].mean()
    )
    busy = _busy()
    assert np.abs(grade(busy, np.random.default_rng(2), preset).astype(float) - busy).mean() > 8


def test_the_pet_camera_is_low_and_looks_level_or_up() -> None:
    p = build_place(4)
    for i in range(5):
        cam = floor_camera(p, np.random.default_rng(i))
        assert 0.15 <= cam.pos[1] <= 0.35 and cam.pitch >= -4


def test_the_flash_lights_near_things_and_leaves_far_ones_dark() -> None:
    grey = np.full((H, W, 3), 150, np.uint8)
    depth = np.tile(np.linspace(0.8, 5.0, W, dtype=np.float32), (H, 1))
    out = flash_light(grey, depth, np.random.default_rng(3)).astype(float)
    assert out[:, : W // 5].mean() > 3 * out[:, -W // 5 :].mean()


def test_depth_pictures_measure_the_place() -> None:
    p = build_place(6)
    d = depth_picture(p.planes(0), p.camera, 80, 60)
    assert float(d.min()) > 0.1 and float(np.median(d)) < np.hypot(p.width, p.depth) + p.height


def test_the_shoulder_hides_a_quarter_to_a_half_out_of_focus() -> None:
    white = np.full((H, W, 3), 240, np.uint8)
    out = shoulder_blur(white, np.random.default_rng(4)).astype(float).mean(axis=2)
    hidden = float((out < 150).mean())
    assert 0.15 < hidden < 0.55
    assert np.abs(np.diff(out, axis=1)).max() < 40  # no sharp edge: out of focus


def test_a_screen_photo_has_a_bezel_and_moire_on_a_plain_picture() -> None:
    plain = np.full((75, 100, 3), 150, np.uint8)
    out = screen_photo(plain, np.random.default_rng(5), W, H).astype(float)
    centre = out[H // 2 - 20 : H // 2 + 20, W // 2 - 30 : W // 2 + 30].mean(axis=2)
    assert centre.std() > 4  # sub-pixel stripes and moiré on a plain picture
    assert out[:, :3].mean() < 100  # the dim room round the display


def test_before_and_after_are_split_by_a_white_divider() -> None:
    a, b = _busy(1), _busy(2)
    out = before_after(a, b, np.random.default_rng(6))
    cols = np.where((out[: H - 30] >= 250).all(axis=(0, 2)))[0]
    assert len(cols) >= 2 and abs(int(cols.mean()) - W // 2) <= 4


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_rotated_picture_is_the_portrait_turned_by_a_quarter(seed: int) -> None:
    portrait = _busy()[:, :H]
    out = unrotated(portrait, np.random.default_rng(seed))
    assert np.array_equal(out, np.rot90(portrait)) or np.array_equal(out, np.rot90(portrait, 3))


def test_a_thumbnail_loses_the_fine_detail() -> None:
    img = _busy()
    big = cv2.resize(img, (400, 300), interpolation=cv2.INTER_NEAREST)
    out = thumbnail_upscaled(big)
    assert out.shape == big.shape and THUMB_WIDTH < 400
    assert _detail(out) < 0.5 * _detail(big)


def test_a_long_exposure_is_smeared_not_grainy() -> None:
    grey = np.full((H, W, 3), 120, np.uint8)
    out = long_exposure(grey, np.random.default_rng(7)).astype(float)
    assert (
        out[20:-20, 20:-20].std() < 8
    )  # grain of sigma 12-20 (at a fifth of the light) smoothed away

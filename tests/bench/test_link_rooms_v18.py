"""Generator v18 of the link benchmark: deterministic by seed, twelve views a place that
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
from bench.link_rooms_v18 import (
    GROUPS,
    KINDS,
    PICTURES_PER_PLACE,
    PNG_VIEWS,
    VIEW_KINDS,
    _mesh,
    build_place,
    dual_camera,
    editor,
    evidence_bag,
    flicker,
    front_camera,
    is_distractor,
    is_dressing_room,
    is_exhibition_stand,
    is_karaoke_room,
    kind_counts,
    listing,
    loupe,
    low_ink,
    make_pictures,
    markup,
    middle_station,
    moved,
    net_curtain,
    place_kind,
    raw_preview,
    room_v18,
    truncated,
    views_v18,
)

from bench import link_rooms_v18 as v18

W, H = 120, 90
# every ordinary kind: ice rink, fabric shop, aquarium, florist, arcade, post office, tile
# showroom, departure lounge; and a second arcade (its aisle)
ORDINARY = (0, 1, 2, 6, 8, 10, 17, 35, 9)
LOOK_ALIKES = (31, 32, 15, 16, 47, 48)  # two of each group


def _decode(data: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return np.ascontiguousarray(img[:, :, ::-1])


@pytest.fixture(scope="module")
def places() -> dict[int, v18.Place]:
    """The places the tests look at, built with reading a photograph refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photograph was read")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cv2, "imread", refuse)
        return {s: build_place(s) for s in (*ORDINARY, *LOOK_ALIKES)}


def _drawn(place: v18.Place) -> dict[str, str]:
    """{digest: name} of a place's textures that have something drawn on them (plain
    colours, which any two places may share, left out)."""
    return {
        hashlib.sha1(np.ascontiguousarray(t).tobytes()).hexdigest(): k
        for k, t in place.textures().items()
        if float(t[:, :, :3].std()) > 2.0
    }


def _boxes(place: v18.Place) -> list[tuple[object, ...]]:
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


def _differing(a: v18.Place, b: v18.Place) -> set[str]:
    return {n for n in a.surfaces if not np.array_equal(a.surfaces[n].tex, b.surfaces[n].tex)}


@cache
def _original(seed: int) -> np.ndarray:
    return np.asarray(room_v18(seed, W, H))


@cache
def _views(seed: int) -> dict[str, bytes]:
    return views_v18(room_v18(seed, W, H), seed)


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
    again = room_v18(6, W, H)
    assert np.array_equal(again, _original(6))
    assert views_v18(again, 6) == _views(6)


def test_other_seeds_give_other_pictures() -> None:
    assert not np.array_equal(_original(6), _original(16))
    assert _views(6)["markup"] != views_v18(room_v18(6, W, H), 7)["markup"]


def test_a_place_has_twelve_views_of_the_documented_kinds_formats_and_sizes() -> None:
    views = _views(6)
    assert tuple(views) == VIEW_KINDS
    assert PICTURES_PER_PLACE == 13
    for kind, data in views.items():
        png = data.startswith(b"\x89PNG")
        assert png == (kind in PNG_VIEWS), kind
        assert png or data.startswith(b"\xff\xd8\xff"), kind
        assert _decode(data).shape == (H, W, 3), kind


def test_every_view_differs_from_the_original() -> None:
    for seed in (6, 16):
        original = _original(seed).astype(float)
        for kind, data in _views(seed).items():
            assert np.abs(_decode(data).astype(float) - original).mean() > 5, (seed, kind)


def test_each_view_of_one_place_differs_from_the_same_view_of_another() -> None:
    a, b = _views(6), _views(16)
    for kind in VIEW_KINDS:
        diff = np.abs(_decode(a[kind]).astype(float) - _decode(b[kind]).astype(float))
        assert diff.mean() > 5, kind


def test_shares_of_kinds_are_as_documented() -> None:
    counts = kind_counts(0, 1000)
    assert counts["karaoke room"] == 60
    assert counts["exhibition stand"] == 20
    assert counts["theatre dressing room"] == 20
    for kind, share in KINDS:
        assert abs(counts.get(kind, 0) / 900 - share) < 0.04, kind
    assert sum(is_distractor(s) for s in range(1000)) == 100


def test_place_kind_names_each_look_alike_group_and_the_groups_do_not_overlap() -> None:
    ordinary = {k for k, _ in KINDS}
    for s in range(1000):
        groups = (is_karaoke_room(s), is_exhibition_stand(s), is_dressing_room(s))
        assert sum(groups) <= 1
        kind = place_kind(s)
        assert (kind == "karaoke room") == groups[0]
        assert (kind == "exhibition stand") == groups[1]
        assert (kind == "theatre dressing room") == groups[2]
        assert kind in GROUPS or kind in ordinary
    assert [s for s in range(100) if is_distractor(s)] == [15, 16, 31, 32, 33, 47, 48, 81, 82, 83]


def test_a_default_run_of_sixty_places_holds_every_kind_and_group() -> None:
    assert set(kind_counts(0, 60)) == {k for k, _ in KINDS} | set(GROUPS)


def test_the_truth_names_every_picture_and_its_place_and_no_picture_is_shared(
    tmp_path: Path,
) -> None:
    truth = make_pictures(tmp_path, 2, (64, 48), first=15)  # one fair's two stands
    files = {p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(truth) == files
    labels = sorted(set(truth.values()))
    assert labels == ["roomv18-00015", "roomv18-00016"]
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
    argv = ["link_rooms_v18", "--rooms", "1", "--first", "47", "--size", "64x48"]
    monkeypatch.setattr(sys, "argv", [*argv, "--out", str(tmp_path)])
    v18.main()
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert len(truth) == PICTURES_PER_PLACE
    assert set(truth.values()) == {"roomv18-00047"}
    assert all((tmp_path / name).exists() for name in truth)


def test_v18_draws_from_seeds_of_its_own() -> None:
    seeds = [v for k, v in vars(v18).items() if k.endswith("_SEED")]
    assert len(seeds) == len(set(seeds)) == 8
    assert all(900_000_000 <= s < 910_000_000 for s in seeds)


# --- places -----------------------------------------------------------------------------------


def test_every_kind_builds_and_reads_no_photograph(places: dict[int, v18.Place]) -> None:
    kinds = {p.kind for p in places.values()}
    assert kinds == {k for k, _ in KINDS} | set(GROUPS)


def test_ordinary_places_share_no_drawn_surface(places: dict[int, v18.Place]) -> None:
    seen: dict[str, int] = {}
    for s in ORDINARY:
        assert not is_distractor(s)
        for digest in _drawn(places[s]):
            assert seen.setdefault(digest, s) == s, (s, seen[digest])


def test_look_alikes_share_nothing_drawn_with_an_ordinary_place(
    places: dict[int, v18.Place],
) -> None:
    ordinary = set().union(*(_drawn(places[s]) for s in ORDINARY))
    for s in LOOK_ALIKES:
        assert not set(_drawn(places[s])) & ordinary, s


def _own_things_differ(a: v18.Place, b: v18.Place) -> None:
    """Both have things of their own, and none of them is drawn alike."""
    assert a.belongings and b.belongings
    shared = set(_drawn(a)) & set(_drawn(b))
    assert not any(_drawn(a)[k].startswith("belonging") for k in shared)


def test_karaoke_rooms_of_one_venue_differ_in_screen_posters_and_things(
    places: dict[int, v18.Place],
) -> None:
    a, b = places[31], places[32]
    assert place_kind(31) == place_kind(32) == "karaoke room"
    assert (a.width, a.height, a.depth) == (b.width, b.height, b.depth)
    differ = _differing(a, b)
    assert "back" in differ  # what the screen shows
    assert differ <= {"back", "left", "right"}  # and posters
    assert _boxes(a) == _boxes(b)  # the venue's sofas, table, speakers
    _own_things_differ(a, b)
    assert a.camera.pos.tolist() != b.camera.pos.tolist()


def test_stands_of_one_fair_differ_only_in_what_is_their_own(
    places: dict[int, v18.Place],
) -> None:
    a, b = places[15], places[16]
    assert place_kind(15) == place_kind(16) == "exhibition stand"
    differ = _differing(a, b)
    assert "back" in differ  # the exhibitor's graphics
    assert differ <= {"back", "left", "right"}
    assert _boxes(a) == _boxes(b)  # the shell scheme's counter, stool, shelf, spotlights
    _own_things_differ(a, b)
    fascias = [x for x in (a.belongings[0], b.belongings[0])]
    assert not np.array_equal(fascias[0].tex["front"], fascias[1].tex["front"])  # own names


def test_dressing_rooms_of_one_theatre_differ_only_in_what_is_their_own(
    places: dict[int, v18.Place],
) -> None:
    a, b = places[47], places[48]
    assert place_kind(47) == place_kind(48) == "theatre dressing room"
    assert _differing(a, b) <= {"back", "left", "right", "front"}  # cards, notes, pictures
    assert _boxes(a) == _boxes(b)
    _own_things_differ(a, b)
    assert a.surfaces["floor"].lit is not None and b.surfaces["floor"].lit is not None
    assert not np.array_equal(a.surfaces["floor"].lit, b.surfaces["floor"].lit)  # own light


def test_look_alikes_of_another_venue_are_built_from_another_template() -> None:
    assert place_kind(81) == "karaoke room"
    a, b = build_place(31), build_place(81)
    assert _boxes(a) != _boxes(b)
    assert _differing(a, b) >= {"floor", "ceiling"}


def test_an_arcades_camera_stands_in_an_aisle(places: dict[int, v18.Place]) -> None:
    for s in (8, 9):
        p = places[s]
        x = float(p.camera.pos[0])
        cabinets = [b for b in p.boxes if b.y0 == 0 and 1.5 < b.h < 2.1 and b.z < p.depth - 2]
        assert cabinets
        near = [b for b in cabinets if abs(b.z - float(p.camera.pos[2])) < 3.0 + b.d]
        assert all(abs(b.x - x) > b.w / 2 + 0.1 for b in near), s


def test_a_picture_not_made_here_is_hung_in_a_place_and_seen_the_same_ways() -> None:
    views = views_v18(_busy(3), 3)
    assert tuple(views) == VIEW_KINDS


# --- cameras ----------------------------------------------------------------------------------


def test_moved_cameras_stay_inside_the_place(places: dict[int, v18.Place]) -> None:
    for s in (31, 47, 17, 0):
        p = places[s]
        rng = np.random.default_rng(s)
        for _ in range(20):
            x, y, z = (float(v) for v in moved(p, rng, 1.0, 30).pos)
            assert abs(x) < p.width / 2 and 0 < y < p.height and 0 < z < p.depth


def test_a_front_camera_stands_at_the_front_wall_looking_in(
    places: dict[int, v18.Place],
) -> None:
    for s in (6, 10, 35, 15):
        p = places[s]
        for i in range(5):
            cam = front_camera(p, np.random.default_rng(i))
            z = float(cam.pos[2])
            assert z <= 0.3 or cam.pos.tolist() == p.camera.pos.tolist(), s
            assert abs(cam.yaw) <= 12 and -10 <= cam.pitch <= -2


def test_a_middle_station_is_further_in_than_the_place_camera(
    places: dict[int, v18.Place],
) -> None:
    for s in (0, 2, 35):
        p = places[s]
        pos = middle_station(p, np.random.default_rng(s))
        assert float(pos[2]) > float(p.camera.pos[2]) + 1.0


# --- each view changes the picture as documented ----------------------------------------------


def test_a_listing_puts_the_photo_small_on_a_light_page(places: dict[int, v18.Place]) -> None:
    out = listing(places[10], np.random.default_rng(1), 160, 120).astype(float)
    bar = out[:8].reshape(-1, 3)
    assert bar.std(axis=0).max() < 30  # the site's bar, one colour
    right = out[20:100, 110:155].mean(axis=2)
    assert (right > 235).mean() > 0.4  # the page beside the photo


def test_an_evidence_bag_has_its_tamper_strip_and_label() -> None:
    for i in range(3):
        out = evidence_bag(_busy(i, 160, 120), np.random.default_rng(i)).astype(int)
        top = out[8:18, 40:120]
        saturated = (top.max(axis=2) - top.min(axis=2)) > 80
        assert saturated.mean() > 0.3, i  # the red or blue tape
        assert (out[85:115].min(axis=2) > 225).mean() > 0.1, i  # the write-on label


def test_a_loupe_magnifies_the_middle_of_the_print() -> None:
    stripes = np.zeros((120, 160, 3), np.uint8)
    stripes[:, ::4] = 255
    stripes[:, 1::4] = 255
    for i in range(4):
        out = loupe(stripes, np.random.default_rng(i)).mean(axis=2)
        row = out[60, 70:90] > 128
        changes = int(np.count_nonzero(row[1:] != row[:-1]))
        assert changes <= 7, (i, changes)  # ~10 changes at the print's scale


def test_a_truncated_picture_ends_in_a_flat_fill() -> None:
    img = _busy(5, 160, 128)
    for i in range(4):
        out = truncated(img, np.random.default_rng(i))
        assert np.array_equal(out[:48], img[:48])  # at least 45 % as sent
        bottom = out[-8:].reshape(-1, 3)
        assert (bottom == bottom[0]).all() and tuple(bottom[0]) in ((128, 128, 128), (0, 135, 0))


def test_flicker_darkens_bands_of_rows() -> None:
    grey = np.full((120, 160, 3), 160, np.uint8)
    for i in range(3):
        out = flicker(grey, np.random.default_rng(i)).astype(float).mean(axis=2)
        rows = out.mean(axis=1)
        assert rows.max() - rows.min() > 30, i
        assert out.std(axis=1).mean() < 8, i  # even along each row


def test_a_dual_camera_picture_frames_its_inset_in_black(places: dict[int, v18.Place]) -> None:
    for s in (6, 35):
        out = dual_camera(places[s], np.random.default_rng(s), 160, 120).astype(int)
        m, y = int(0.03 * 160), 20
        left, right = out[y, m - 1], out[y, 160 - m]
        assert min(left.max(), right.max()) < 30, s


def test_markup_draws_in_one_annotation_colour() -> None:
    grey = np.full((120, 160, 3), 128, np.uint8)
    inks = {(230, 30, 30), (250, 215, 30), (30, 200, 240), (60, 220, 60)}
    for i in range(4):
        out = markup(grey, np.random.default_rng(i))
        colours = {tuple(int(c) for c in px) for px in out.reshape(-1, 3)}
        assert len(colours & inks) == 1, i
        assert (np.abs(out.astype(int) - 128).max(axis=2) > 40).mean() > 0.015, i


def test_a_grille_covers_a_fifth_to_a_third_of_the_picture() -> None:
    for i in range(8):
        cover = float(_mesh(np.random.default_rng(i), 400, 300).mean())
        assert 0.12 < cover < 0.4, (i, cover)


def test_a_net_curtain_lifts_a_dark_room(places: dict[int, v18.Place]) -> None:
    p = places[2]  # an aquarium: dark walls, lit tanks
    rng = np.random.default_rng(3)
    out = net_curtain(p, rng, 160, 120).astype(float)
    room = np.asarray(room_v18(2, 160, 120)).astype(float)
    assert out.mean() > room.mean() + 20


def test_low_ink_prints_without_one_colour() -> None:
    grey = np.full((120, 160, 3), 110, np.uint8)
    for i in range(4):
        out = low_ink(grey, np.random.default_rng(i)).astype(float)
        middle = out[40:80, 50:110].reshape(-1, 3).mean(axis=0)
        assert middle.max() - middle.min() > 40, (i, middle)


def test_a_raw_preview_is_dark_and_green() -> None:
    img = _busy(6, 160, 120)
    for i in range(3):
        out = raw_preview(img, np.random.default_rng(i)).astype(float)
        r, g, b = (out[:, :, k].mean() for k in range(3))
        assert g > r + 10 and g > b + 5, i
        assert out.mean() < img.mean() - 20, i


def test_an_editor_shows_the_picture_turned_in_a_dark_window() -> None:
    img = np.full((120, 160, 3), 230, np.uint8)
    for i in range(3):
        out = editor(img, np.random.default_rng(i)).astype(float)
        assert out[:10, :60].mean() < 80, i  # the top bar
        assert out[-16:, :10].mean() < 80, i  # the dial's bar
        middle = out[50:70, 70:90].mean(axis=2)
        assert (middle > 200).mean() > 0.8, i  # the picture in the crop frame

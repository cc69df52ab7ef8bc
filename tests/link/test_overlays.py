"""A device's or an app's burnt-in overlay (a camera caption, a video call's buttons, name
tag and picture-in-picture) is the same pixels at the same frame position in every
picture it makes, whatever place it shows: it must not link different places
(``link.overlays``). The places here are shapes and a sign drawn in code; the overlay is
a caption, a picture-in-picture of scikit-image's ``coffee`` and a row of buttons, drawn
in code at fixed frame positions. A second view of the first place (another viewpoint,
the same overlay) must still link to it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from scenes import perspective, png_bytes, scene

from safeguard.link.features import features_from_pixels
from safeguard.link.linking import (
    LinkOptions,
    build,
    refusal_in_words,
    refused_links,
    stored_burnt_in,
)
from safeguard.link.overlays import (
    DEFAULT_OVERLAY,
    OverlayOptions,
    burnt_in,
    frame_bins,
    overlay_mask,
)
from safeguard.link.store import LinkStore
from safeguard.link.verify import burnt_in_matches, verify
from safeguard.signals.vlad import learn_codebook

PLACES = 12
W, H = 400, 300


def own_content(i: int) -> np.ndarray:
    """Place ``i``: shapes and a sign drawn in code (seeded by ``i``)."""
    rng = np.random.default_rng(2000 + i)
    img = np.full((H, W, 3), rng.integers(60, 200, 3), np.uint8)
    for _ in range(45):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x, y = int(rng.integers(0, W)), int(rng.integers(0, H))
        if rng.random() < 0.5:
            cv2.circle(img, (x, y), int(rng.integers(4, 30)), colour, -1)
        else:
            dx, dy = (int(v) for v in rng.integers(6, 60, 2))
            cv2.rectangle(img, (x, y), (x + dx, y + dy), colour, -1)
    cv2.putText(img, f"ROOM {i * 7 + 3}", (30, H - 70), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    return img


def _inset() -> np.ndarray:
    inset = cv2.resize(scene("coffee"), (110, 80), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(inset)


def overlay(img: np.ndarray) -> np.ndarray:
    """The app's interface, burnt in at fixed frame positions: a caption (top left), a
    picture-in-picture (top right) and a bar of buttons (bottom)."""
    out = img.copy()
    cv2.rectangle(out, (0, 0), (250, 34), (20, 20, 20), -1)
    white = (235, 235, 235)
    cv2.putText(out, "CAM 02  2026-11-12", (8, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.7, white, 2)
    out[8:88, W - 118 : W - 8] = _inset()
    cv2.rectangle(out, (0, H - 44), (W, H), (30, 30, 30), -1)
    for n, colour in enumerate(((200, 200, 200), (200, 200, 200), (220, 40, 40), (40, 180, 60))):
        cx = 80 + 80 * n
        cv2.circle(out, (cx, H - 22), 15, colour, -1)
        cv2.line(out, (cx - 7, H - 22), (cx + 7, H - 22), (0, 0, 0), 2)
        cv2.line(out, (cx, H - 29), (cx, H - 15), (0, 0, 0), 2)
    return np.ascontiguousarray(out)


def second_view() -> np.ndarray:
    """Place 0 from another viewpoint, through the same app."""
    warped, _ = perspective(own_content(0), 0.07, 5)
    return overlay(warped)


@pytest.fixture(scope="module")
def calls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("calls")
    for i in range(PLACES):
        (folder / f"place{i}-a.png").write_bytes(png_bytes(overlay(own_content(i))))
    (folder / "place0-b.png").write_bytes(png_bytes(second_view()))
    return folder


def _links(store: LinkStore) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    wrong, right = [], []
    for x in store.links.values():
        if x.kind == "place":
            pair = tuple(Path(store.items[i].path).name.split("-")[0] for i in (x.a, x.b))
            (right if pair[0] == pair[1] else wrong).append((pair[0], pair[1]))
    return wrong, right


OFF = LinkOptions(overlay=OverlayOptions(min_items=0))


def test_without_the_test_the_overlay_links_different_places(calls: Path, tmp_path: Path) -> None:
    store = LinkStore.open(tmp_path / "off", create=True)
    build(store, [calls], options=OFF)
    wrong, _ = _links(store)
    assert len(wrong) >= 3


def test_the_overlay_no_longer_links_different_places(calls: Path, tmp_path: Path) -> None:
    store = LinkStore.open(tmp_path / "on", create=True)
    build(store, [calls], options=LinkOptions())
    wrong, right = _links(store)
    assert wrong == []
    # Place 0 seen from elsewhere through the same app: its own content still links.
    assert right == [("place0", "place0")]


def test_only_matches_at_the_same_frame_position_are_dropped() -> None:
    a = features_from_pixels(overlay(own_content(1)))
    b = features_from_pixels(overlay(own_content(2)))
    moved = features_from_pixels(np.roll(overlay(own_content(2)), 40, axis=1))
    everything_a = np.ones(len(a), np.bool_)
    plain = verify(a, b)
    masked = verify(a, b, overlay_a=everything_a)
    shifted = verify(a, moved, overlay_a=everything_a)
    assert masked.overlay >= 20 and not masked.linked
    assert plain.overlay == 0
    # The same content elsewhere in the frame is not a burnt-in overlay.
    assert shifted.overlay < 5


def test_burnt_in_matches_need_a_burnt_in_bin() -> None:
    a = features_from_pixels(overlay(own_content(1)))
    pairs = np.stack([np.arange(len(a)), np.arange(len(a))], axis=1).astype(np.int32)
    none = np.zeros(len(a), np.bool_)
    some = none.copy()
    some[:10] = True
    assert burnt_in_matches(a, a, pairs, none, none).sum() == 0
    assert burnt_in_matches(a, a, pairs, some, None).sum() == 10


def test_a_bin_is_burnt_in_when_enough_items_hold_it() -> None:
    options = OverlayOptions(grid=4, min_items=3, min_share=0.1)
    counts = np.array([0, 2, 3, 10, 50], np.int64)
    assert options.threshold(100) == 10
    assert burnt_in(counts, 100, options).tolist() == [3, 4]
    assert burnt_in(counts, 10, options).tolist() == [2, 3, 4]
    assert burnt_in(counts, 10, OverlayOptions(min_items=0)).tolist() == []


def test_frame_bins_are_word_and_cell() -> None:
    f = features_from_pixels(overlay(own_content(3)))
    d = f.rootsift()
    codebook = learn_codebook(d, 16)
    bins = frame_bins(f, codebook, grid=8)
    assert bins.shape == (len(f),)
    assert bins.min() >= 0 and bins.max() < 16 * 64
    cells = bins % 64
    col, row = cells % 8, cells // 8
    w, h = f.width / f.scale, f.height / f.scale
    assert np.all(col == np.clip((f.points[:, 0] / w * 8).astype(int), 0, 7))
    assert np.all(row == np.clip((f.points[:, 1] / h * 8).astype(int), 0, 7))
    assert overlay_mask(bins, np.unique(bins[:5])).sum() >= 5


def test_the_store_counts_frame_bins_of_whole_items(calls: Path, tmp_path: Path) -> None:
    store = LinkStore.open(tmp_path / "s", create=True)
    build(store, [calls], options=LinkOptions())
    assert store.codebook is not None
    counts, items = store.frame_bin_counts(DEFAULT_OVERLAY.grid, len(store.codebook))
    assert items == PLACES + 1
    assert counts.max() >= PLACES  # the overlay's bins: every picture holds them
    burnt = stored_burnt_in(LinkStore.open(tmp_path / "s"), DEFAULT_OVERLAY)
    assert burnt is not None and len(burnt.bins) > 0
    # A store written before overlays were counted is filled in by its next build.
    for seg in (tmp_path / "s" / "framebins").glob("*.npz"):
        seg.unlink()
    old = LinkStore.open(tmp_path / "s")
    assert old.frame_bin_counts(DEFAULT_OVERLAY.grid, len(store.codebook))[1] == 0
    more = tmp_path / "more"
    more.mkdir()
    (more / "place20-a.png").write_bytes(png_bytes(overlay(own_content(20))))
    build(old, [more], options=LinkOptions())
    assert old.frame_bin_counts(DEFAULT_OVERLAY.grid, len(store.codebook))[1] == PLACES + 2


def test_a_later_build_withdraws_links_an_overlay_made(calls: Path, tmp_path: Path) -> None:
    """The app's first pictures are stored before it has enough pictures for its bins to
    be burnt-in, and their overlay links different places. The build that brings the
    rest makes the bins burnt-in and withdraws those links; place 0's own link stays."""
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    for p in sorted(calls.iterdir()):
        early = p.name in ("place0-a.png", "place0-b.png", "place1-a.png", "place2-a.png")
        ((first if early else rest) / p.name).symlink_to(p)
    store = LinkStore.open(tmp_path / "s", create=True)
    summary = build(store, [first], options=LinkOptions())
    assert summary.overlay_withdrawn == 0
    wrong, right = _links(LinkStore.open(store.root))
    assert len(wrong) >= 1 and right == [("place0", "place0")]
    summary = build(store, [rest], options=LinkOptions())
    store = LinkStore.open(store.root)
    assert summary.overlay_withdrawn == len(wrong)
    assert summary.overlay_verified >= 2 * len(wrong)
    assert _links(store) == ([], [("place0", "place0")])
    records = [r for r in refused_links(store) if r["refused"] == "overlay"]
    assert len(records) == len(wrong) and all(r["withdrawn"] for r in records)
    assert "overlay" in refusal_in_words(records[0])


@pytest.fixture(scope="module")
def app_store(calls: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("app") / "live"
    build(LinkStore.open(root, create=True), [calls], options=LinkOptions())
    return root


def test_live_linking_drops_the_overlay_too(app_store: Path) -> None:
    from safeguard.link.common import CommonOptions
    from safeguard.link.live import LiveLinker
    from safeguard.link.objects import HubOptions

    # A stream of an unseen place through the same app: only the overlay is shared. (The
    # shared-object and common-content tests, off here, refuse it too.)
    alone = {"hub": HubOptions(max_region_cover=0), "common": CommonOptions(0)}
    elsewhere = overlay(own_content(40))
    off = LiveLinker(LinkStore.open(app_store), overlay=OverlayOptions(min_items=0), **alone)
    assert off.on_frame(elsewhere, 0.0), "the overlay alone links without the test"
    on = LiveLinker(LinkStore.open(app_store), **alone)
    assert on.burnt is not None and len(on.burnt.bins) > 0
    assert on.on_frame(elsewhere, 0.0) == []
    # Place 0 streamed from another viewpoint through the app is still seen, first.
    seen = on.on_frame(overlay(perspective(own_content(0), 0.05, 9)[0]), 10.0)
    assert seen and Path(seen[0].path).name.startswith("place0-")


#: Place 0 from a third viewpoint, through the app: the interface's keypoints outside the
#: burnt-in bins agree with other places' pictures too (46 inliers with place 9).
def _third_view() -> np.ndarray:
    return overlay(perspective(own_content(0), 0.05, 9)[0])


def test_live_linking_refuses_what_build_refuses(app_store: Path) -> None:
    from safeguard.link.common import CommonOptions
    from safeguard.link.live import LiveLinker
    from safeguard.link.objects import HubOptions

    untested = LiveLinker(
        LinkStore.open(app_store), hub=HubOptions(max_region_cover=0), common=CommonOptions(0)
    )
    places = {Path(s.path).name.split("-")[0] for s in untested.on_frame(_third_view(), 0.0)}
    assert places - {"place0"}, "without the tests the interface sights another place"
    tested = LiveLinker(LinkStore.open(app_store))
    seen = tested.on_frame(_third_view(), 0.0)
    assert seen and {Path(s.path).name.split("-")[0] for s in seen} == {"place0"}


def test_link_query_refuses_what_build_refuses(app_store: Path, tmp_path: Path) -> None:
    from safeguard.link.common import CommonOptions
    from safeguard.link.linking import query
    from safeguard.link.objects import HubOptions

    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes(_third_view()))
    store = LinkStore.open(app_store)
    names = {i: Path(x.path).name.split("-")[0] for i, x in store.items.items()}
    off = LinkOptions(hub=HubOptions(max_region_cover=0), common=CommonOptions(0))
    untested = query(store, frame, options=off)
    assert {names[m["id"]] for m in untested.matches} - {"place0"}
    assert untested.refused == []
    tested = query(store, frame)
    assert {names[m["id"]] for m in tested.matches} == {"place0"}
    assert {names[r["id"]] for r in tested.refused} - {"place0"}
    assert {r["refused"] for r in tested.refused} <= {"shared_object", "common_content"}

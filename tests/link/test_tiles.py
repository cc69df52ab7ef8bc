"""Composite pictures (``link.tiles``): the tiles of a photo grid, a collage or a
recorder's quad split are found and become views of their own, after the whole picture;
a tile links to its place, with its matched region in the composite's own pixels.
Photographs of scenes and rooms are not cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from bench.link import room_v3, room_v4
from scenes import SCENES, fit, grid, jpeg_bytes, lighting, perspective, png_bytes, scene

from safeguard.link.extract import ExtractOptions, extract
from safeguard.link.linking import build
from safeguard.link.store import LinkStore, load_features
from safeguard.link.tiles import tiles
from safeguard.link.verify import verify

U8 = np.ndarray


def quad_split(pictures: list[U8]) -> U8:
    """A recorder's quad split: four feeds, black lines between them, the date and time
    written across the top middle (over the vertical line)."""
    out = grid(pictures, 2, gutter=2, colour=0)
    cv2.putText(out, "2026-12-06 16:40:00", (110, 14), cv2.FONT_HERSHEY_SIMPLEX, 0.45,
                (255, 255, 255), 1)  # fmt: skip
    return out


def test_a_two_by_two_grid_gives_four_tiles_in_reading_order() -> None:
    pics = [scene(n) for n in ("astronaut", "coffee", "camera", "motorcycle_left")]
    found = tiles(grid(pics, 2))
    assert found == [(0, 0, 200, 150), (204, 0, 404, 150), (0, 154, 200, 304), (204, 154, 404, 304)]


def test_text_across_a_gutter_does_not_hide_it() -> None:
    rooms = [room_v4(s, 400, 300) for s in (3, 17, 41, 99)]
    assert len(tiles(quad_split(rooms))) == 4


def test_one_big_picture_and_two_small_ones() -> None:
    big = fit(scene("astronaut"), 300, 304)
    right = grid([scene("coffee"), scene("camera")], 1, gutter=4)  # 200 x 304
    out = np.full((304, 504, 3), 240, np.uint8)
    out[:, :300], out[:, 304:] = big, right
    assert tiles(out) == [(0, 0, 300, 304), (304, 0, 504, 150), (304, 154, 504, 304)]


@pytest.mark.parametrize("name", [n for n in SCENES if n != "brick"])
def test_photographs_are_not_cut(name: str) -> None:
    assert tiles(scene(name)) == []


def test_a_brick_wall_is_the_known_exception() -> None:
    """scikit-image's brick texture has one mortar line crossing its whole height: it is
    cut in two (two more views of the same wall; linking loses nothing by it)."""
    assert len(tiles(scene("brick"))) == 2


def test_rooms_with_brick_walls_and_plain_bands_are_rarely_cut() -> None:
    """Generator v3's room 2 is the known exception: one grout line of its tiled floor
    crosses the whole picture (it gains two views that show parts of it)."""
    cut = [s for s in range(40) if tiles(room_v4(s, 400, 300)) or tiles(room_v3(s, 400, 300))]
    assert cut == [2]


def test_a_plain_picture_and_tiny_ones_are_not_cut() -> None:
    assert tiles(np.full((300, 400, 3), 128, np.uint8)) == []
    assert tiles(np.zeros((10, 10, 3), np.uint8)) == []
    assert tiles(grid([scene("astronaut")] * 4, 2)[:60, :80]) == []


def test_tiles_are_views_with_their_origin(tmp_path: Path) -> None:
    rooms = [room_v4(s, 400, 300) for s in (3, 17, 41, 99)]
    path = tmp_path / "quad.png"
    path.write_bytes(png_bytes(quad_split(rooms)))
    e = extract(path)
    assert len(e.views) == 5
    assert [v.features.origin for v in e.views] == [(0, 0), (0, 0), (202, 0), (0, 152), (202, 152)]
    assert (e.views[4].features.width, e.views[4].features.height) == (200, 150)
    assert len(extract(path, ExtractOptions(tiles=None)).views) == 1
    # A tile of room 41 against room 41 itself: its matched region is in the quad's
    # pixels, inside the tile.
    room = extract_pixels(tmp_path, lighting(rooms[2]))
    v = verify(e.views[3].features, room)
    assert v.linked and v.region_a is not None
    x0, y0, x1, y1 = v.region_a
    assert 0 <= x0 < x1 <= 200 and 152 <= y0 < y1 <= 302


def extract_pixels(tmp_path: Path, pixels: U8) -> object:
    p = tmp_path / f"p{len(list(tmp_path.iterdir()))}.png"
    p.write_bytes(png_bytes(pixels))
    return extract(p).views[0].features


def test_a_photo_grid_links_to_its_places_through_its_tiles(tmp_path: Path) -> None:
    """A collage of re-photographs of two rooms links to both rooms' originals from the
    tiles that show them, each link's region inside its tile (the collage's pixels)."""
    a, b = room_v4(17, 400, 300), room_v4(99, 400, 300)
    views = [perspective(a, 0.08, 1)[0], lighting(perspective(b, 0.08, 2)[0]),
             lighting(a), perspective(b, 0.1, 3)[0]]  # fmt: skip
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "collage.jpg").write_bytes(jpeg_bytes(grid(views, 2), 90))
    (folder / "a.png").write_bytes(png_bytes(a))
    (folder / "b.png").write_bytes(png_bytes(b))
    for i, s in enumerate((3, 41, 123)):
        (folder / f"other{i}.png").write_bytes(png_bytes(room_v4(s, 400, 300)))
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [folder])
    names = {i.id: Path(i.path).name for i in store.items.values()}
    collage = next(k for k, n in names.items() if n == "collage.jpg")
    info = store.items[collage]
    assert [v.origin for v in info.views] == [(0, 0), (0, 0), (204, 0), (0, 154), (204, 154)]
    assert len(load_features(store.root, collage)) == 5
    shows = {1: "a.png", 2: "b.png", 3: "a.png", 4: "b.png"}  # the tile views
    seen = set()
    for x in store.links.values():
        if x.kind != "place" or collage not in (x.a, x.b):
            continue
        mine, other = (x.view_a, x.b) if x.a == collage else (x.view_b, x.a)
        box = x.region_a if x.a == collage else x.region_b
        assert names[other] in {"a.png", "b.png"}
        if mine == 0:
            continue
        assert names[other] == shows[mine]
        ox, oy = info.views[mine].origin
        assert (
            box is not None
            and ox <= box[0] < box[2] <= ox + 200
            and oy <= box[1] < box[3] <= oy + 150
        )
        seen.add(names[other])
    assert seen == {"a.png", "b.png"}


def test_stores_written_before_tiles_still_load(tmp_path: Path) -> None:
    """Feature files of older stores have three meta columns (no origin)."""
    store = LinkStore.open(tmp_path / "store", create=True)
    (store.root / "features").mkdir(exist_ok=True)
    np.savez(
        store.root / "features" / "old.npz",
        meta=np.array([[400, 300, 1.0]]),
        points_0=np.zeros((2, 2), np.float32),
        descriptors_0=np.zeros((2, 128), np.uint8),
    )
    (f,) = load_features(store.root, "old")
    assert (f.width, f.height, f.origin) == (400, 300, (0, 0))


def test_live_linking_checks_each_feed_of_a_quad_split(tmp_path: Path) -> None:
    """A recorder's quad split streamed live: each feed is checked as a frame of its own
    after the whole frame; three feeds show stored rooms, each sighted with its region
    inside its feed; the fourth shows a room not stored."""
    from safeguard.link.live import LiveLinker

    media = tmp_path / "media"
    media.mkdir()
    shown = (17, 99, 41)
    for s in (*shown, 3, 500):
        (media / f"room{s}.png").write_bytes(png_bytes(room_v4(s, 400, 300)))
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [media])
    feeds = [lighting(perspective(room_v4(s, 400, 300), 0.08, s)[0]) for s in (*shown, 123)]
    frame = quad_split(feeds)
    origins = {17: (0, 0), 99: (202, 0), 41: (0, 152)}

    class Watched(LiveLinker):
        checked: list[tuple[int, int]]

        def _places_in(self, frame: Any, *args: Any) -> Any:
            self.checked.append(frame.origin)
            return super()._places_in(frame, *args)

    linker = Watched(LinkStore.open(tmp_path / "links"), every_s=1.0)
    linker.checked = []
    sightings = linker.on_frame(frame, 0.0)
    # The whole frame, then each feed as a frame of its own.
    assert linker.checked == [(0, 0), (0, 0), (202, 0), (0, 152), (202, 152)]
    names = {Path(s.path).name for s in sightings}
    assert names == {f"room{s}.png" for s in shown}
    for s in sightings:
        ox, oy = origins[int(Path(s.path).stem[4:])]
        assert s.region_frame is not None
        x0, y0, x1, y1 = s.region_frame
        assert ox <= x0 < x1 <= ox + 200 and oy <= y0 < y1 <= oy + 150
    whole = Watched(LinkStore.open(tmp_path / "links"), every_s=1.0, tiles=None)
    whole.checked = []
    whole.on_frame(frame, 0.0)
    assert whole.checked == [(0, 0)]

"""One mass-produced surface in many places (the same lawn, carpet or wallpaper) must not
link them: the common-content test (``link.common``) finds a link's inliers in other
stored items and refuses a link whose inliers are mostly found elsewhere. The places here
are made in code: each is its own shapes and sign, drawn in code, above a stretch of
scikit-image's ``grass`` picture, tiled like a roll of turf; neighbouring places see
overlapping stretches of the same turf. A second view of the first place (another
viewpoint, other light) must still link to it."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest
from scenes import lighting, perspective, png_bytes, scene

from safeguard.link import linking
from safeguard.link.common import (
    DEFAULT_COMMON,
    CommonOptions,
    common_content,
    found_in,
    holder_counts,
    regional,
    specific_bar,
    specific_share,
)
from safeguard.link.features import PlaceFeatures, features_from_bytes, features_from_pixels
from safeguard.link.linking import (
    BuildSummary,
    LinkOptions,
    build,
    cached_features,
    common_content_links,
    place_link,
)
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, verify

PLACES = 16


def own_content(i: int, w: int, h: int) -> np.ndarray:
    """Place ``i``'s own things: shapes and a sign drawn in code (seeded by ``i``)."""
    rng = np.random.default_rng(1000 + i)
    img = np.full((h, w, 3), rng.integers(60, 200, 3), np.uint8)
    for _ in range(40):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        if rng.random() < 0.5:
            r = int(rng.integers(4, 30))
            cv2.circle(img, (x, y), r, colour, -1)
        else:
            dx, dy = (int(v) for v in rng.integers(6, 60, 2))
            cv2.rectangle(img, (x, y), (x + dx, y + dy), colour, -1)
    cv2.putText(img, f"SHOP {i * 7 + 3}", (20, h - 20), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 0, 0), 3)
    return img


#: Few verifications a picture, so that the turf does not link every place to every other
#: (the test then has no unrelated holders left to count).
SPARSE = LinkOptions(shortlist=2, second_round=0, mirrored=0)
OFF = LinkOptions(shortlist=2, second_round=0, mirrored=0, common=CommonOptions(candidates=0))


def _turf() -> np.ndarray:
    import skimage.data

    g = np.asarray(skimage.data.grass(), np.uint8)
    return np.tile(np.repeat(g[:, :, None], 3, axis=2), (1, 3, 1))


def place(i: int, shift: int = 0) -> np.ndarray:
    """Place ``i``: its own picture above the turf from column 20*i (+ ``shift``)."""
    w, h = 400, 300
    top = int(h * 0.6)
    own = own_content(i, w, top)
    x0 = 20 * i + shift
    src = np.float32([[x0, 0], [x0 + 320, 0], [x0 + 320, 230], [x0, 230]])
    dst = np.float32([[25, 0], [w - 25, 0], [w, h - top], [0, h - top]])
    m = cv2.getPerspectiveTransform(src, dst)
    floor = cv2.warpPerspective(_turf(), m, (w, h - top), borderMode=cv2.BORDER_REFLECT)
    return np.ascontiguousarray(np.vstack([own, floor]))


def second_view() -> np.ndarray:
    warped, _ = perspective(place(0), 0.08, 3)
    return lighting(warped, 0.9, 1.2)


@pytest.fixture(scope="module")
def lawns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lawns")
    for i in range(PLACES):
        (folder / f"place{i}-a.png").write_bytes(png_bytes(place(i)))
    (folder / "place0-b.png").write_bytes(png_bytes(second_view()))
    return folder


@pytest.fixture(scope="module")
def off_build(lawns: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildSummary]:
    """The lawns built once without the test (most of these tests' time); a test that
    writes to the store copies it first."""
    root = tmp_path_factory.mktemp("off") / "store"
    return root, build(LinkStore.open(root, create=True), [lawns], options=OFF)


@pytest.fixture(scope="module")
def on_build(lawns: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildSummary]:
    """The lawns built once with the test (``SPARSE``); not to be written to."""
    root = tmp_path_factory.mktemp("on") / "store"
    return root, build(LinkStore.open(root, create=True), [lawns], options=SPARSE)


def _place_of(store: LinkStore, item: str) -> str:
    return Path(store.items[item].path).name.split("-")[0]


def _links(store: LinkStore) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    wrong, right = [], []
    for x in store.links.values():
        if x.kind == "place":
            pair = (_place_of(store, x.a), _place_of(store, x.b))
            (right if pair[0] == pair[1] else wrong).append(pair)
    return wrong, right


def test_without_the_test_the_turf_links_different_places(
    off_build: tuple[Path, BuildSummary],
) -> None:
    store, summary = LinkStore.open(off_build[0]), off_build[1]
    wrong, right = _links(store)
    assert summary.common_content_links == 0
    assert len(wrong) >= 3
    assert right == [("place0", "place0")]


def test_the_turf_no_longer_links_different_places(
    off_build: tuple[Path, BuildSummary], on_build: tuple[Path, BuildSummary]
) -> None:
    off = off_build[1]
    store, summary = LinkStore.open(on_build[0]), on_build[1]
    wrong, right = _links(store)
    assert summary.common_content_links >= 3
    assert len(wrong) < off.place_links - 1
    # The two views of place 0 share its own picture too: they still link, and the link
    # says how little of it is their own (the rest is turf other places show).
    assert right == [("place0", "place0")]
    (kept,) = [x for x in store.links.values() if x.kind == "place"]
    assert kept.own_share is not None
    assert DEFAULT_COMMON.min_specific_share <= kept.own_share < 0.3
    assert all(x.own_share is None for x in LinkStore.open(off_build[0]).links.values())
    assert Link.from_json(kept.to_json()) == kept
    # Refused links are kept for a reviewer, with the specific inliers of each side.
    records = [r for r in store.shared_objects() if r.get("common_content")]
    assert len(records) == summary.common_content_links
    assert all(len(r["specific"]) == 2 for r in records)
    assert all(r["own_share"] < DEFAULT_COMMON.min_specific_share_fundamental for r in records)
    # The search costs partial matchings, counted apart from the verifications.
    assert summary.common_matchings > 0 and off.common_matchings == 0


def test_a_link_whose_inliers_recur_elsewhere_is_common_content(
    off_build: tuple[Path, BuildSummary], tmp_path: Path
) -> None:
    store = LinkStore.open(shutil.copytree(off_build[0], tmp_path / "store"))
    ids = {Path(i.path).name: i.id for i in store.items.values()}
    checked = []
    for a, b in (("place3-a.png", "place4-a.png"), ("place0-a.png", "place0-b.png")):
        fa, ra = cached_features(str(store.root), ids[a])[0]
        fb, rb = cached_features(str(store.root), ids[b])[0]
        v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        assert v.linked and v.inliers_a is not None and len(v.inliers_a) == v.inliers
        checked.append((place_link(ids[a], 0, ids[b], 0, v), v))
    # The store's links (a sparse build) stand for what is known; items directly linked to
    # a side are not candidates.
    refused, records, searched = common_content_links(
        store, checked, [x for x, _ in checked], SPARSE, LocalRunner()
    )
    assert refused == {checked[0][0].key}
    assert 0 < searched <= 4 * DEFAULT_COMMON.candidates
    assert records[0]["specific"][0] < DEFAULT_COMMON.min_specific_share * checked[0][1].inliers


def test_an_inlier_is_found_only_where_the_content_is() -> None:
    a = features_from_pixels(place(3))
    same_turf = features_from_pixels(place(5))
    other = features_from_pixels(scene("astronaut"))
    ra, rs, ro = a.rootsift(), same_turf.rootsift(), other.rootsift()
    turf = np.flatnonzero(a.points[:, 1] * a.scale > 160)
    own = np.flatnonzero(a.points[:, 1] * a.scale < 120)
    on_turf = found_in(a.points[turf], ra[turf], same_turf, rs, DEFAULT_VERIFY)
    on_own = found_in(a.points[own], ra[own], same_turf, rs, DEFAULT_VERIFY)
    elsewhere = found_in(a.points[turf], ra[turf], other, ro, DEFAULT_VERIFY)
    assert on_turf.sum() >= 20
    assert on_own.sum() == 0
    assert elsewhere.sum() == 0


def test_holder_counts_add_up_over_candidates() -> None:
    a = features_from_pixels(place(3))
    ra = a.rootsift()
    turf = [int(i) for i in np.flatnonzero(a.points[:, 1] * a.scale > 160)]
    others = [(f, f.rootsift()) for f in (features_from_pixels(place(i)) for i in (2, 4, 5))]
    counts = holder_counts(a, ra, turf, others, DEFAULT_VERIFY)
    assert counts.shape == (len(turf),)
    assert counts.max() <= 3
    assert (counts >= DEFAULT_COMMON.min_holders).sum() > 0.3 * len(turf)


def test_the_share_rule() -> None:
    specific_side = np.array([0, 0, 1, 0, 5, 0], np.int32)  # 5 of 6 found in < 2 items
    common_side = np.array([2, 3, 4, 2, 0, 5, 2, 2, 3, 2, 2, 4], np.int32)  # 1 of 12
    assert specific_share(specific_side) == pytest.approx(5 / 6)
    assert specific_share(common_side) == pytest.approx(1 / 12)
    assert 1 / 12 < DEFAULT_COMMON.min_specific_share < 5 / 6
    assert not common_content(specific_side, specific_side)
    assert common_content(specific_side, common_side)
    assert specific_share(np.zeros(0, np.int32)) == 1.0
    # A fundamental-matrix link (a room in 3-D) needs more of its own: 1 of 6 specific
    # passes as a homography and not as a room.
    one_of_six = np.array([0, 2, 2, 3, 2, 4], np.int32)
    assert DEFAULT_COMMON.min_specific_share < 1 / 6 < DEFAULT_COMMON.min_specific_share_fundamental
    assert not common_content(one_of_six, specific_side, model="homography")
    assert common_content(one_of_six, specific_side, model="fundamental")
    assert not common_content(specific_side, specific_side, model="fundamental")
    # So does a link only the build's second round (query expansion) offered.
    assert common_content(one_of_six, specific_side, found_by="second_round")
    assert not common_content(one_of_six, specific_side, found_by="shortlist")
    assert not common_content(specific_side, specific_side, found_by="second_round")
    assert specific_bar(model="fundamental", found_by="second_round") == max(
        DEFAULT_COMMON.min_specific_share_fundamental, DEFAULT_COMMON.min_specific_share_expanded
    )
    assert specific_bar() == DEFAULT_COMMON.min_specific_share


def test_a_specific_inlier_amid_common_ones_counts_as_common() -> None:
    # A row of common inliers (found in 3 items) with specific ones scattered in it, and a
    # cluster of specific inliers of their own further off.
    row = np.array([[10.0 * i, 0.0] for i in range(12)], np.float32)
    cluster = np.array([[500.0 + 3 * i, 200.0 + 2 * i] for i in range(6)], np.float32)
    points = np.vstack([row, cluster])
    counts = np.array([3] * 12 + [0] * 6, np.int32)
    counts[[3, 8]] = [1, 0]  # not matched in the candidates: seen from other sides there
    out = regional(points, counts)
    assert out[[3, 8]].tolist() == [3, 3]
    assert out[12:].tolist() == [0] * 6  # a region of its own stays specific
    assert np.delete(out, [3, 8]).tolist() == np.delete(counts, [3, 8]).tolist()
    assert specific_share(out) == pytest.approx(6 / 18)
    # Each inlier on its own: the old labels.
    assert regional(points, counts, CommonOptions(neighbours=1)).tolist() == counts.tolist()
    # Six inliers, each the others' neighbours: two common of six leave the rest specific,
    # three (half) make them common.
    six = np.array([[0.0, 0.0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0]], np.float32)
    assert regional(six, np.array([0, 0, 0, 0, 2, 4], np.int32)).tolist() == [0, 0, 0, 0, 2, 4]
    assert regional(six, np.array([0, 1, 0, 2, 2, 4], np.int32)).tolist() == [2, 2, 2, 2, 2, 4]
    assert regional(six[:0], np.zeros(0, np.int32)).shape == (0,)


@pytest.fixture(scope="module")
def unlinked_turf(
    off_build: tuple[Path, BuildSummary], tmp_path_factory: pytest.TempPathFactory
) -> tuple[LinkStore, list]:
    """The lawns' items in a store without links, and the links a build without the test
    makes between them (re-verified), to be tested as a build's new links."""
    root = Path(shutil.copytree(off_build[0], tmp_path_factory.mktemp("rounds") / "store"))
    store = LinkStore.open(root)
    links = [x for x in store.links.values() if x.kind == "place"]
    (root / "links.jsonl").unlink()
    bare = LinkStore.open(root)
    checked = []
    for x in links:
        fa, ra = cached_features(str(root), x.a)[x.view_a]
        fb, rb = cached_features(str(root), x.b)[x.view_b]
        v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        if v.linked:
            checked.append((place_link(x.a, x.view_a, x.b, x.view_b, v), v))
    return bare, checked


def _rounds(store: LinkStore, checked: list, places: set[str], rounds: int) -> list[dict]:
    mine = [(x, v) for x, v in checked if {_place_of(store, x.a), _place_of(store, x.b)} <= places]
    options = LinkOptions(common=CommonOptions(candidates=4, rounds=rounds))
    _, records, _ = common_content_links(store, mine, [x for x, _ in mine], options, LocalRunner())
    return records


def test_a_refused_link_is_no_neighbourhood(unlinked_turf: tuple[LinkStore, list]) -> None:
    # Four places whose turf links them to each other: in one round, the wrong links
    # make the places holding the turf each other's neighbours, and the candidates that
    # would find it are left out; once refused, they are no neighbourhood.
    store, checked = unlinked_turf
    turf = {"place9", "place10", "place11", "place12"}
    among = [x for x, _ in checked if {_place_of(store, x.a), _place_of(store, x.b)} <= turf]
    assert len(among) >= 3
    one = _rounds(store, checked, turf, 1)
    assert len(one) < len(among), "one round leaves a wrong link"
    later = _rounds(store, checked, turf, 3)
    assert len(later) == len(among)
    assert max(r["round"] for r in later) > 1


def test_later_rounds_keep_the_views_of_one_place(unlinked_turf: tuple[LinkStore, list]) -> None:
    store, checked = unlinked_turf
    places = {"place0", "place1", "place2", "place3"}
    for rounds in (1, 3):
        records = _rounds(store, checked, places, rounds)
        refused = {(_place_of(store, r["a"]), _place_of(store, r["b"])) for r in records}
        assert ("place0", "place0") not in refused


def test_searching_a_link_at_a_time_changes_nothing(
    lawns: Path,
    on_build: tuple[Path, BuildSummary],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The common-content and shared-object searches go ``SEARCH_BLOCK`` link sides at a
    time (their vectors are 128 KB each); one side at a time gives the same build."""
    whole, summary = LinkStore.open(on_build[0]), on_build[1]
    monkeypatch.setattr(linking, "SEARCH_BLOCK", 1)
    single = LinkStore.open(tmp_path / "single", create=True)
    one = build(single, [lawns], options=SPARSE)
    assert summary.common_content_links >= 3  # the test refused something to compare
    assert (one.common_content_links, one.common_matchings, one.shared_object_links) == (
        summary.common_content_links,
        summary.common_matchings,
        summary.shared_object_links,
    )
    assert sorted(single.links) == sorted(whole.links)
    assert [r["specific"] for r in single.shared_objects() if r.get("common_content")] == [
        r["specific"] for r in whole.shared_objects() if r.get("common_content")
    ]


#: Seen generator v17's fire stations: the items the test searched for each side of the
#: wrong link between stations 51 and 303 in a 315-place build (their 16 nearest by the
#: inliers' VLAD, neighbourhoods left out): station and view ("" the original).
STATION_CANDIDATES = {
    51: "16 69 225 199 220 312 273 220a 225p 213 312m 273p 171 225j 51v 69a",
    303: "312 225 16 220 273 69 220m 70 69a 171 199 220a 213 171a 267a 312a",
}
V17_VIEWS = {
    "a": "anaglyph",
    "p": "photocopy",
    "m": "magazine",
    "j": "projected",
    "v": "virtualtour",
}


@functools.cache
def _station(code: str) -> tuple[PlaceFeatures, np.ndarray]:
    from bench.link_rooms_v17 import room_v17, views_v17

    seed = int(code.rstrip("".join(V17_VIEWS)))
    view = code[len(str(seed)) :]
    room = room_v17(seed, 400, 300)
    if view:
        f = features_from_bytes(views_v17(room, 0)[V17_VIEWS[view]])[0]
    else:
        f = features_from_pixels(room)
    return f, f.rootsift()


def _counts(f: PlaceFeatures, inliers: list[int] | None, station: int) -> tuple[np.ndarray, ...]:
    others = [_station(c) for c in STATION_CANDIDATES[station].split()]
    each = holder_counts(
        f, f.rootsift(), inliers or [], others, DEFAULT_VERIFY, CommonOptions(neighbours=1)
    )
    return each, regional(f.points[np.asarray(inliers, np.int64)], each)


def test_two_fire_stations_with_one_model_of_engine_are_common_content() -> None:
    """Their engines match, and the candidates hold most of them; the keypoints of the
    engines the candidates do not hold (seen from other sides there) are scattered among
    those they do. Counted each on its own, over a fifth of each side is specific (the
    rule before regions passed it); counted by region, under a tenth."""
    a, b = _station("51")[0], _station("303")[0]
    v = verify(a, b)
    assert v.linked
    each_a, region_a = _counts(a, v.inliers_a, 51)
    each_b, region_b = _counts(b, v.inliers_b, 303)
    assert min(specific_share(each_a), specific_share(each_b)) >= 0.2
    assert common_content(region_a, region_b)
    # An anaglyph of station 51 still links to it: its walls, kit bays and floor are its
    # own regions.
    c = _station("51a")[0]
    v = verify(a, c)
    assert v.linked
    assert not common_content(_counts(a, v.inliers_a, 51)[1], _counts(c, v.inliers_b, 51)[1])


def test_a_link_the_second_round_offered_needs_more_of_its_own(
    off_build: tuple[Path, BuildSummary], tmp_path: Path
) -> None:
    store = LinkStore.open(shutil.copytree(off_build[0], tmp_path / "store"))
    ids = {Path(i.path).name: i.id for i in store.items.values()}
    fa, ra = cached_features(str(store.root), ids["place0-a.png"])[0]
    fb, rb = cached_features(str(store.root), ids["place0-b.png"])[0]
    v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
    assert v.linked and v.model == "homography"
    outcomes = {}
    for stage in ("shortlist", "second_round"):
        link = place_link(ids["place0-a.png"], 0, ids["place0-b.png"], 0, v, found_by=stage)
        shares: dict[tuple[str, str, str], float] = {}
        refused, records, _ = common_content_links(
            store, [(link, v)], [link], SPARSE, LocalRunner(), shares=shares
        )
        outcomes[stage] = (bool(refused), shares[link.key], records)
    # The two views of place 0 share a little of their own picture among the turf every
    # place shows: enough for a link the shortlist offered, not for one that only the
    # second round (query expansion) found.
    kept, share, _ = outcomes["shortlist"]
    assert not kept
    assert DEFAULT_COMMON.min_specific_share <= share < DEFAULT_COMMON.min_specific_share_expanded
    refused_, share_again, records = outcomes["second_round"]
    assert refused_ and share_again == share
    assert records[0]["found_by"] == "second_round"
    assert records[0]["bar"] == DEFAULT_COMMON.min_specific_share_expanded

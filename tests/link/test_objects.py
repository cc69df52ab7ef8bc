"""One identical object in several unrelated places (a poster printed many times) must not
link them even when it fills much of the view two pictures share: the shared-object
("hub") test searches the region a questioned link rests on over the store, and a third,
unrelated picture holding it refuses the link. The rooms are generator v4's (bench/link.py,
400x300): crops of rooms 321 and 72 share one poster and passed every verification test
(31 inliers, region cover 0.35) in the 10,000-picture run; crops of rooms 748 and 61
hold the same poster."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.link import room_v4
from scenes import crop, lighting, png_bytes

from safeguard.link import linking
from safeguard.link.features import features_from_pixels
from safeguard.link.linking import LinkOptions, build, groups
from safeguard.link.objects import (
    DEFAULT_HUB,
    HubOptions,
    holds,
    questioned,
    region_similarities,
    region_vector,
    share,
)
from safeguard.link.store import LinkStore
from safeguard.link.verify import Verification, verify
from safeguard.signals.vlad import learn_codebook, vlad

HUB_OFF = LinkOptions(hub=HubOptions(max_region_cover=0.0))


def _room(seed: int) -> np.ndarray:
    return room_v4(seed, 400, 300)


@pytest.fixture(scope="module")
def poster_rooms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Crops of four rooms sharing one poster, and two more views of the first room."""
    folder = tmp_path_factory.mktemp("poster-rooms")
    for seed in (321, 72, 748, 61):
        (folder / f"room{seed}-crop.png").write_bytes(png_bytes(crop(_room(seed), 0.6, seed % 4)))
    (folder / "room321-original.png").write_bytes(png_bytes(_room(321)))
    (folder / "room321-lighting.png").write_bytes(png_bytes(lighting(_room(321))))
    return folder


def _place_of(store: LinkStore, item: str) -> str:
    return Path(store.items[item].path).name.split("-")[0]


def _wrong_links(store: LinkStore) -> list[tuple[str, str]]:
    return [
        (_place_of(store, x.a), _place_of(store, x.b))
        for x in store.links.values()
        if x.kind == "place" and _place_of(store, x.a) != _place_of(store, x.b)
    ]


def test_without_the_test_a_shared_poster_links_two_rooms(
    poster_rooms: Path, tmp_path: Path
) -> None:
    store = LinkStore.open(tmp_path / "off", create=True)
    summary = build(store, [poster_rooms], options=HUB_OFF)
    assert summary.shared_object_links == 0
    assert [set(pair) for pair in _wrong_links(store)] == [{"room321", "room72"}]


def test_a_poster_held_by_third_places_does_not_link_two_rooms(
    poster_rooms: Path, tmp_path: Path
) -> None:
    store = LinkStore.open(tmp_path / "on", create=True)
    summary = build(store, [poster_rooms])
    assert _wrong_links(store) == []
    assert summary.shared_object_links == 1
    (record,) = store.shared_objects()
    places = {_place_of(store, record["a"]), _place_of(store, record["b"])}
    assert places == {"room321", "room72"}
    assert record["region_cover"] < DEFAULT_HUB.max_region_cover
    holders = {_place_of(store, h["item"]) for h in record["holders"]}
    assert holders & {"room748", "room61"}
    # The views of room 321 still link and group.
    room321 = [g for g in groups(store) if g.kind == "place"]
    assert len(room321) == 1
    assert {_place_of(store, m) for m in room321[0].members} == {"room321"}
    assert len(room321[0].members) == 3
    # Searching costs verifications, counted with the shortlist's.
    off = build(LinkStore.open(tmp_path / "off", create=True), [poster_rooms], options=HUB_OFF)
    assert summary.verified > off.verified


def test_a_link_that_agrees_over_the_shared_view_is_not_questioned() -> None:
    room = _room(42)
    v = verify(features_from_pixels(room), features_from_pixels(lighting(room)))
    assert v.linked and v.region_cover is not None
    assert v.region_cover >= DEFAULT_HUB.max_region_cover
    assert not questioned(v)


def test_a_link_resting_on_a_poster_is_questioned() -> None:
    a = features_from_pixels(crop(_room(321), 0.6, 1))
    b = features_from_pixels(crop(_room(72), 0.6, 0))
    v = verify(a, b)
    assert v.linked and questioned(v)
    assert not questioned(v, HubOptions(max_region_cover=0.0))


def _found(region: tuple[int, int, int, int], inliers: int = 30) -> Verification:
    return Verification("homography", inliers, 60, 0.1, False, region_a=region, distinct=inliers)


def test_a_holder_matches_on_the_object_and_only_there() -> None:
    box = (100, 50, 200, 150)
    assert holds(_found((105, 55, 195, 150)), box)
    # Agreement far beyond the object: a view of the same place, not a holder.
    assert not holds(_found((0, 0, 400, 300)), box)
    # Too little of the object, too few inliers, or not distinctive.
    assert not holds(_found((100, 50, 130, 80)), box)
    assert not holds(_found((105, 55, 195, 150), inliers=10), box)
    v = Verification("homography", 30, 60, 0.1, False, region_a=(105, 55, 195, 150), distinct=5)
    assert not holds(v, box)


def test_a_candidate_linked_as_a_place_is_not_a_holder() -> None:
    v = Verification(
        "homography", 80, 100, 0.2, True, region_a=(100, 50, 200, 150), distinct=80,
        region_cover=0.9,
    )  # fmt: skip
    assert not holds(v, (100, 50, 200, 150))


def test_share_is_the_covered_part_of_the_first_box() -> None:
    assert share((0, 0, 10, 10), (5, 0, 20, 10)) == 0.5
    assert share((0, 0, 10, 10), (20, 20, 30, 30)) == 0.0
    assert share((0, 0, 10, 10), (0, 0, 10, 10)) == 1.0


def test_region_similarity_finds_a_picture_holding_the_object_among_much_else() -> None:
    """The poster's region of one crop, searched over whole pictures: the cosine over the
    region's own words ranks a room holding the poster above rooms that do not."""
    poster = features_from_pixels(crop(_room(321), 0.6, 1))
    holder = features_from_pixels(_room(748))
    others = [features_from_pixels(_room(s)) for s in (3, 5, 8, 13)]
    pictures = [holder, *others]
    codebook = learn_codebook(np.concatenate([p.rootsift() for p in [*pictures, poster]]), 64)
    v = verify(poster, features_from_pixels(crop(_room(72), 0.6, 0)))
    assert v.region_a is not None
    stored = np.stack([vlad(p.rootsift(), codebook) for p in pictures])
    q = region_vector(poster, v.region_a, codebook)[None, :]
    sims = region_similarities(stored, q, len(codebook))[0]
    assert int(np.argmax(sims)) == 0
    assert np.all(np.abs(sims) <= 1.0 + 1e-5)


@pytest.fixture(scope="module")
def one_holder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The poster in three rooms only: the linked two and one more."""
    folder = tmp_path_factory.mktemp("one-holder")
    for seed in (321, 72, 748):
        (folder / f"room{seed}-crop.png").write_bytes(png_bytes(crop(_room(seed), 0.6, seed % 4)))
    return folder


def test_one_holder_refuses_a_link_only_when_asked_to(one_holder: Path, tmp_path: Path) -> None:
    # One holder is what an unlinked view of a link's own place looks like (3-D views
    # cover under half of their shared view); two distinct holders are asked by default.
    strict = LinkOptions(hub=HubOptions(min_holders=1))
    store = LinkStore.open(tmp_path / "strict", create=True)
    summary = build(store, [one_holder], options=strict)
    assert summary.shared_object_links == 1
    assert _wrong_links(store) == []
    default = LinkStore.open(tmp_path / "default", create=True)
    summary = build(default, [one_holder])
    assert DEFAULT_HUB.min_holders == 2
    assert summary.shared_object_links == 0
    assert [set(pair) for pair in _wrong_links(default)] == [{"room321", "room72"}]


def test_searching_a_link_at_a_time_finds_the_same_holders(
    poster_rooms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shared-object search goes ``linking.SEARCH_BLOCK`` link sides at a time; one
    side at a time refuses the same link on the same holders."""
    whole = LinkStore.open(tmp_path / "whole", create=True)
    summary = build(whole, [poster_rooms])
    monkeypatch.setattr(linking, "SEARCH_BLOCK", 1)
    single = LinkStore.open(tmp_path / "single", create=True)
    one = build(single, [poster_rooms])
    assert summary.shared_object_links == one.shared_object_links == 1
    assert one.verified == summary.verified
    assert sorted(single.links) == sorted(whole.links)
    assert single.shared_objects() == whole.shared_objects()

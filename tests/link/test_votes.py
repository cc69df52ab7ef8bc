"""Descriptor votes (``link.votes``): a shortlist that asks a picture's keypoints one by
one, for views whose global vector misses their place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from safeguard.link.linking import (
    LinkOptions,
    build,
    descriptor_vote_rows,
    first_round,
    groups,
    query,
    stored_vote_index,
)
from safeguard.link.store import LinkStore
from safeguard.link.votes import (
    VoteOptions,
    build_index,
    extend_index,
    index_arrays,
    index_from_arrays,
    item_pairs,
    tally,
    vote_rows,
)

from .scenes import fit, jpeg_bytes, lighting, png_bytes, scene


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    d = np.abs(rng.normal(size=(n, 128))).astype(np.float32)
    return d / np.linalg.norm(d, axis=1, keepdims=True)


def _noisy(d: np.ndarray, rng: np.random.Generator, amount: float = 0.02) -> np.ndarray:
    out = np.abs(d + rng.normal(scale=amount, size=d.shape)).astype(np.float32)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture()
def collection() -> dict[str, list[np.ndarray]]:
    """30 items of 150 random descriptors each. "q" holds 40 of "t"'s second view (a
    little changed) among its own; every item holds 20 copies of one "tile" pattern
    set (content every picture has)."""
    rng = np.random.default_rng(7)
    tiles = _unit(rng, 20)
    items = {f"i{n:02d}": [np.vstack([_unit(rng, 150), _noisy(tiles, rng)])] for n in range(28)}
    items["t"] = [np.vstack([_unit(rng, 150), _noisy(tiles, rng)]) for _ in range(2)]
    items["q"] = [np.vstack([_noisy(items["t"][1][:40], rng), _unit(rng, 110), _noisy(tiles, rng)])]
    return items


def _index(items: dict[str, list[np.ndarray]], options: VoteOptions):  # type: ignore[no-untyped-def]
    return build_index(
        lambda: ((i, v, d) for i, ds in items.items() for v, d in enumerate(ds)), options
    )


def test_a_picture_votes_for_the_item_it_shares_descriptors_with(
    collection: dict[str, list[np.ndarray]],
) -> None:
    options = VoteOptions(items=3, probes=64)
    index = _index(collection, options)
    done: set[tuple[str, str]] = set()
    found = vote_rows(index, [("q", 0, collection["q"][0])], done, options)
    # Only "t" passes min_votes: the tiles are in every item, so the nearest tile of
    # another item is never clearly nearer than a third item's (no vote), and random
    # descriptors have no clear partner. The view pair is q's view 0 with t's view 1.
    assert found == [("q", 0, "t", 1)]
    assert done == {("q", "t")}
    # Asked again, the pair is not given twice.
    assert vote_rows(index, [("q", 0, collection["q"][0])], done, options) == []


def test_an_item_never_votes_for_itself_and_chance_gets_no_pair(
    collection: dict[str, list[np.ndarray]],
) -> None:
    options = VoteOptions(items=3, probes=64)
    index = _index(collection, options)
    # An unrelated item: its descriptors are its own (stored) and random elsewhere.
    assert vote_rows(index, [("i03", 0, collection["i03"][0])], set(), options) == []
    # More votes needed than "q" has for "t": nothing.
    strict = VoteOptions(items=3, probes=64, min_votes=41)
    assert (
        vote_rows(_index(collection, strict), [("q", 0, collection["q"][0])], set(), strict) == []
    )


def test_a_shortlisted_pair_takes_its_place_among_the_items(
    collection: dict[str, list[np.ndarray]],
) -> None:
    options = VoteOptions(items=1, probes=64, min_votes=1)
    index = _index(collection, options)
    rng = np.random.default_rng(3)
    # "q" now shares 40 descriptors with "t" and 10 with "i05".
    q = np.vstack([collection["q"][0], _noisy(collection["i05"][0][:10], rng)])
    assert vote_rows(index, [("q", 0, q)], set(), options) == [("q", 0, "t", 1)]
    # With q-t shortlisted already, the one slot is taken: i05 is not given instead.
    assert vote_rows(index, [("q", 0, q)], item_pairs([("q", 0, "t", 1)]), options) == []
    two = VoteOptions(items=2, probes=64, min_votes=1)
    assert vote_rows(index, [("q", 0, q)], item_pairs([("q", 0, "t", 1)]), two) == [
        ("i05", 0, "q", 0)
    ]


def test_options_are_checked() -> None:
    with pytest.raises(ValueError):
        VoteOptions(ratio=0.0)
    with pytest.raises(ValueError):
        VoteOptions(neighbours=1)
    with pytest.raises(ValueError):
        VoteOptions(items=-1)


def test_an_empty_index_votes_for_nothing() -> None:
    index = build_index(lambda: [])
    assert index.size == 0
    rng = np.random.default_rng(0)
    assert vote_rows(index, [("q", 0, _unit(rng, 10))], set()) == []


#: The busy wall's textures: their left halves make the wall, their right halves are
#: stored (the same texture, none of the same keypoints).
WALL = ("grass", "gravel", "brick")


def _inset(place: np.ndarray, frame: np.ndarray, share: float = 0.45) -> np.ndarray:
    """``place`` shown small (``share`` of the width) inside ``frame`` (a poster on a busy
    wall): the picture's VLAD vector is mostly the frame's."""
    h, w = frame.shape[:2]
    pw = int(w * share)
    ph = int(place.shape[0] * pw / place.shape[1])
    out = frame.copy()
    y, x = (h - ph) // 2, (w - pw) // 2
    out[y : y + ph, x : x + pw] = fit(place, pw, ph)
    return out


def _others(folder: Path) -> np.ndarray:
    """Write the wall textures' right halves and two scenes into ``folder``; return the
    wall (the left halves side by side)."""
    wall = []
    for name in WALL:
        texture = scene(name)
        half = texture.shape[1] // 2
        wall.append(fit(texture[:, :half], 320, 480))
        (folder / f"{name}_right.png").write_bytes(png_bytes(texture[:, half:]))
    for name in ("astronaut", "camera"):
        (folder / f"{name}.png").write_bytes(png_bytes(scene(name)))
    return np.hstack(wall)


def _coffee_and_others(tmp_path: Path) -> tuple[Path, bytes]:
    """Two coffee pictures, the walls' other halves and two scenes in ``tmp_path / "in"``;
    returns the folder and a coffee picture shown small on the wall (JPEG)."""
    folder = tmp_path / "in"
    folder.mkdir()
    coffee = scene("coffee")
    (folder / "coffee.png").write_bytes(png_bytes(coffee))
    (folder / "coffee_light.jpg").write_bytes(jpeg_bytes(lighting(coffee), 85))
    wall = _others(folder)
    return folder, jpeg_bytes(_inset(coffee, wall), 90)


def _poster_build(
    tmp_path: Path, votes: VoteOptions, deep: int = 0
) -> tuple[LinkStore, dict[str, str], int]:
    """``_coffee_and_others`` stored; then the poster. One VLAD neighbour, no second
    round, no mirrored queries, no deep round unless ``deep``. Returns the store, each
    item's file name and the second build's vote pairs."""
    folder, poster = _coffee_and_others(tmp_path)
    later = tmp_path / "later"
    later.mkdir()
    (later / "poster.jpg").write_bytes(poster)
    options = LinkOptions(shortlist=1, second_round=0, mirrored=0, votes=votes, deep=deep)
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [folder], options=options)
    summary = build(store, [later], options=options)
    named = {i.id: Path(i.path).name for i in store.items.values()}
    return store, named, summary.vote_pairs


COFFEE = {"coffee.png", "coffee_light.jpg"}


def test_a_build_shortlists_by_votes_a_place_its_global_vector_misses(tmp_path: Path) -> None:
    store, named, voted_in_build = _poster_build(tmp_path, VoteOptions(items=2))
    poster = next(i for i, n in named.items() if n == "poster.jpg")
    # The poster's nearest item by VLAD is a texture, not a coffee picture.
    vlad, _ = first_round(store.global_rows(), [poster], 1, {}, expansion=0)
    assert {named[b if a == poster else a] for a, _, b, _ in vlad}.isdisjoint(COFFEE)
    # Its descriptors vote for both coffee pictures, and the build verified them.
    voted = descriptor_vote_rows(store, [poster], vlad, VoteOptions(items=2))
    assert {named[b if a == poster else a] for a, _, b, _ in voted} == COFFEE
    assert voted_in_build == 2
    found = [{named[m] for m in g.members} for g in groups(store) if g.kind == "place"]
    assert {"poster.jpg", *COFFEE} in found
    # Each link says which stage offered its pair, and keeps it through the store.
    stage = {frozenset((named[x.a], named[x.b])): x.found_by for x in store.links.values()}
    assert stage[frozenset(COFFEE)] == "shortlist"
    assert {
        stage[frozenset(("poster.jpg", c))] for c in COFFEE if frozenset(("poster.jpg", c)) in stage
    } == {"votes"}
    assert {x.found_by for x in LinkStore.open(tmp_path / "store").links.values()} <= {
        "shortlist",
        "votes",
    }


def test_without_votes_the_poster_stays_alone(tmp_path: Path) -> None:
    """Votes off (``VoteOptions(items=0)``): the poster is linked to nothing, so the test
    above is the votes' doing."""
    store, named, voted_in_build = _poster_build(tmp_path, VoteOptions(items=0))
    assert voted_in_build == 0
    found = [{named[m] for m in g.members} for g in groups(store) if g.kind == "place"]
    assert COFFEE in found
    assert not any("poster.jpg" in g for g in found)


def test_without_votes_the_deep_round_finds_the_poster_further_down_its_list(
    tmp_path: Path,
) -> None:
    """The deep round (``LinkOptions.deep``): the poster, alone after its one VLAD
    neighbour, verifies its next nearest items and links to the coffee pictures."""
    store, named, _ = _poster_build(tmp_path, VoteOptions(items=0), deep=5)
    found = [{named[m] for m in g.members} for g in groups(store) if g.kind == "place"]
    assert {"poster.jpg", *COFFEE} in found
    stage = {frozenset((named[x.a], named[x.b])): x.found_by for x in store.links.values()}
    assert {
        stage[frozenset(("poster.jpg", c))] for c in COFFEE if frozenset(("poster.jpg", c)) in stage
    } == {"deep"}


def test_a_picture_stored_alone_is_found_by_the_votes_of_a_later_partner(
    tmp_path: Path,
) -> None:
    """The poster is stored first, with nothing of its place: alone. The coffee pictures
    come later and link to each other, so they are not alone; they vote among the
    pictures still alone and find it, as one build of them all would have."""
    folder = tmp_path / "in"
    folder.mkdir()
    wall = _others(folder)
    coffee = scene("coffee")
    (folder / "poster.jpg").write_bytes(jpeg_bytes(_inset(coffee, wall), 90))
    later = tmp_path / "later"
    later.mkdir()
    (later / "coffee.png").write_bytes(png_bytes(coffee))
    (later / "coffee_light.jpg").write_bytes(jpeg_bytes(lighting(coffee), 85))
    options = LinkOptions(shortlist=1, second_round=0, mirrored=0, votes=VoteOptions(items=2))
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [folder], options=options)
    assert not store.links
    summary = build(store, [later], options=options)
    named = {i.id: Path(i.path).name for i in store.items.values()}
    found = [{named[m] for m in g.members} for g in groups(store) if g.kind == "place"]
    assert {"poster.jpg", *COFFEE} in found
    assert summary.vote_pairs >= 1
    # Votes only among the pictures alone: the coffee pictures' own pair is not voted.
    assert summary.vote_pairs <= 2


def test_a_kept_index_reads_back_and_grows_like_a_new_one(
    collection: dict[str, list[np.ndarray]],
) -> None:
    """Serialised and read back, then extended by "q": the same votes as an index made
    over all the items at once (the same training sample, so the same lists)."""
    options = VoteOptions(items=2, min_votes=3)
    whole = _index(collection, options)
    first = {k: v for k, v in collection.items() if k != "q"}
    kept = index_from_arrays(index_arrays(_index(first, options)), options)
    grown = extend_index(kept, [("q", 0, collection["q"][0])], options)
    assert grown.size == whole.size
    asked = [("q", 0, collection["q"][0])]
    assert tally(grown, asked, options)["q"][0][:2] == tally(whole, asked, options)["q"][0][:2]
    assert tally(grown, asked, options)["q"][0][0] == "t"


def test_damaged_index_arrays_are_refused(collection: dict[str, list[np.ndarray]]) -> None:
    arrays = index_arrays(_index(collection, VoteOptions()))
    for broken in (
        {**arrays, "index": arrays["index"][: len(arrays["index"]) // 2]},
        {**arrays, "item": arrays["item"][:-5], "view": arrays["view"][:-5]},
        {**arrays, "items": arrays["items"][:3]},
        {k: v for k, v in arrays.items() if k != "planned"},
    ):
        with pytest.raises(ValueError, match="votes index"):
            index_from_arrays(broken)


def test_builds_keep_the_index_and_add_to_it(tmp_path: Path) -> None:
    store, named, _ = _poster_build(tmp_path, VoteOptions(items=2))
    index = stored_vote_index(store, store.items, VoteOptions(items=2))
    assert index is not None
    assert set(index.items) == set(store.items)
    expected = sum(min(len(f), 800) for i in store.items for f in store.features(i))
    assert index.size == expected
    # The second build added the poster to the first build's index: still planned for
    # the first build's descriptors.
    poster = next(i for i, n in named.items() if n == "poster.jpg")
    assert index.planned == expected - sum(min(len(f), 800) for f in store.features(poster))


def test_a_damaged_kept_index_is_made_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _others(folder)
    options = LinkOptions(shortlist=1, second_round=0, mirrored=0, votes=VoteOptions(items=2))
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [folder], options=options)
    (store.root / "votes.npz").write_bytes(b"PK\x03\x04 not a zip at all")
    assert stored_vote_index(store, store.items, options.votes) is None
    later = tmp_path / "later"
    later.mkdir()
    (later / "coffee.png").write_bytes(png_bytes(scene("coffee")))
    summary = build(store, [later], options=options)
    assert summary.failed == 0
    index = stored_vote_index(store, store.items, options.votes)
    assert index is not None and set(index.items) == set(store.items)


def test_a_query_votes_with_the_kept_index(tmp_path: Path) -> None:
    """The poster is not stored: queried with one VLAD candidate, only votes reach the
    coffee pictures."""
    folder, picture = _coffee_and_others(tmp_path)
    poster = tmp_path / "poster.jpg"
    poster.write_bytes(picture)
    options = LinkOptions(shortlist=1, second_round=0, mirrored=0, votes=VoteOptions(items=2))
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [folder], options=options)
    named = {i.id: Path(i.path).name for i in store.items.values()}
    no_attach = replace(options, attach=replace(options.attach, candidates=0))
    found = query(store, poster, options=no_attach, candidates=1)
    assert {named[m["id"]] for m in found.matches if m["link"] == "place"} == COFFEE
    assert {m["found_by"] for m in found.matches} == {"votes"}
    off = replace(no_attach, votes=VoteOptions(items=0))
    assert not query(store, poster, options=off, candidates=1).matches

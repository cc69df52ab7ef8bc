"""The build's shortlist in batches: reverse neighbours (``linking.first_round``) and the
records a store keeps for them (``nearest.npz``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from safeguard.link.linking import deep_rows, first_round, shortlist_rows, upgrade
from safeguard.link.store import GlobalRows, ItemInfo, LinkStore, Nearest, ViewInfo


def _rows(vectors: np.ndarray, items: list[str]) -> GlobalRows:
    v = vectors.astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return GlobalRows(np.array(items, "U16"), np.zeros(len(items), np.int32), v.astype(np.float16))


def _part(rows: GlobalRows, items: set[str]) -> GlobalRows:
    keep = np.isin(rows.item, list(items))
    return GlobalRows(rows.item[keep], rows.view[keep], rows.vlad[keep])


def _in_batches(
    rows: GlobalRows, batches: list[list[str]], k: int, expansion: int
) -> tuple[set[tuple[str, int, str, int]], dict[tuple[str, int], Nearest]]:
    pairs: set[tuple[str, int, str, int]] = set()
    records: dict[tuple[str, int], Nearest] = {}
    stored: set[str] = set()
    for batch in batches:
        stored |= set(batch)
        found, records = first_round(_part(rows, stored), batch, k, records, expansion)
        assert all(a in batch or b in batch for a, _, b, _ in found)
        pairs |= set(found)
    return pairs, records


def test_a_stored_view_is_paired_with_a_later_picture_among_its_nearest() -> None:
    # "old" is nearest to "new"; "new" has two pictures nearer to it than "old".
    rows = _rows(
        np.array([[1, 0, 0], [0.8, 0.6, 0], [0.3, 0.95, 0.1], [0.3, 0.95, -0.1], [0, 0, 1]]),
        ["old", "new", "n1", "n2", "far"],
    )
    one_go = shortlist_rows(rows, ["old", "new", "n1", "n2", "far"], 1, expansion=0)
    assert ("new", 0, "old", 0) in one_go
    # Without reverse neighbours the later picture's own query misses it.
    assert ("new", 0, "old", 0) not in shortlist_rows(rows, ["new", "n1", "n2"], 1, expansion=0)
    pairs, records = _in_batches(rows, [["old", "far"], ["new", "n1", "n2"]], 1, 0)
    assert ("new", 0, "old", 0) in pairs
    # Its record now holds the later picture's similarity as its nearest.
    assert records[("old", 0)].top == pytest.approx((0.8,), abs=1e-2)


@pytest.mark.parametrize("seed", range(5))
def test_batches_shortlist_every_pair_one_build_does_without_expansion(seed: int) -> None:
    """Without query expansion a stored view's query is the same in every build, so the
    batches' pairs hold all of one build's (the kth-nearest bar is exact)."""
    rng = np.random.default_rng(seed)
    items = [f"i{n:03d}" for n in range(60)]
    rows = _rows(rng.normal(size=(60, 16)), items)
    one_go = set(shortlist_rows(rows, items, 3, expansion=0))
    order = list(rng.permutation(items))
    batches = [order[:7], order[7:30], order[30:31], order[31:]]
    pairs, records = _in_batches(rows, batches, 3, 0)
    assert one_go <= pairs
    # Each view's record is its 3 nearest items over the whole collection.
    sims = rows.vlad.astype(np.float32) @ rows.vlad.astype(np.float32).T
    np.fill_diagonal(sims, -np.inf)
    for n, item in enumerate(items):
        best = np.sort(sims[n])[::-1][:3]
        assert records[(item, 0)].top == pytest.approx(tuple(best), abs=1e-3)


def test_one_build_is_the_plain_shortlist_with_expansion() -> None:
    rng = np.random.default_rng(7)
    items = [f"i{n:03d}" for n in range(40)]
    rows = _rows(rng.normal(size=(40, 16)), items)
    pairs, records = first_round(rows, items, 5, {})
    assert pairs == shortlist_rows(rows, items, 5)
    assert set(records) == {(i, 0) for i in items}
    # Expanded with three other items' views, never its own.
    assert all(len(r.expand) == 3 and (i, 0) not in r.expand for (i, _), r in records.items())


def test_batches_with_expansion_recover_what_the_later_query_misses() -> None:
    rng = np.random.default_rng(11)
    centres = rng.normal(size=(12, 32))
    vectors = np.repeat(centres, 5, axis=0) + rng.normal(scale=1.2, size=(60, 32))
    items = [f"p{n // 5:02d}-{n % 5}" for n in range(60)]
    rows = _rows(vectors, items)
    one_go = set(shortlist_rows(rows, items, 3))
    order = list(rng.permutation(items))
    batches = [order[:15], order[15:30], order[30:45], order[45:]]
    with_reverse, _ = _in_batches(rows, batches, 3, 3)
    without: set[tuple[str, int, str, int]] = set()
    stored: set[str] = set()
    for batch in batches:
        stored |= set(batch)
        without |= set(shortlist_rows(_part(rows, stored), batch, 3))
    assert len(one_go - with_reverse) < len(one_go - without)


def _store_with(tmp_path: Path, items: list[str]) -> LinkStore:
    store = LinkStore.open(tmp_path / "store", create=True)
    with store.writing():
        store.add_items(
            ItemInfo(i, f"/x/{i}.jpg", "image", (ViewInfo(None, 10, 10, 1.0, 50),), 0, "now")
            for i in items
        )
    return store


def test_records_survive_reopening_and_leave_out_items_not_stored(tmp_path: Path) -> None:
    store = _store_with(tmp_path, ["a", "b"])
    records = {
        ("a", 0): Nearest((("b", 0),), (0.5, 0.25)),
        ("b", 0): Nearest((), (0.5,)),
        ("c", 1): Nearest((("a", 0), ("b", 0)), (0.9,)),  # a build cut short before items
    }
    with store.writing():
        store.set_nearest(records)
    again = LinkStore.open(store.root).nearest()
    assert again == {k: v for k, v in records.items() if k[0] != "c"}


def test_an_upgraded_copy_asks_every_view_anew(tmp_path: Path) -> None:
    store = _store_with(tmp_path, ["a"])
    with store.writing():
        store.set_nearest({("a", 0): Nearest((), (0.5,))})
    upgrade(store, tmp_path / "copy")
    assert LinkStore.open(tmp_path / "copy").nearest() == {}
    assert LinkStore.open(store.root).nearest() != {}


@pytest.mark.parametrize(
    "content",
    [
        b"not a numpy file",
        b"PK\x03\x04 a zip cut short",  # numpy takes it for an npz: zipfile's error
        "missing",  # an npz without the top array
        "lengths",  # arrays of different lengths
    ],
)
def test_a_damaged_record_file_is_read_as_none(tmp_path: Path, content: bytes | str) -> None:
    """``nearest.npz`` is a record the next build can make again: damaged, each view asks
    anew (as in a store made before it), and the build rewrites it."""
    store = _store_with(tmp_path, ["a"])
    path = store.root / "nearest.npz"
    if content == "missing":
        np.savez(path, item=np.array(["a"]), view=np.zeros(1, np.int32))
    elif content == "lengths":
        np.savez(
            path, item=np.array(["a"]), view=np.zeros(2, np.int32),
            expand_item=np.full((1, 0), ""), expand_view=np.zeros((1, 0), np.int32),
            top=np.zeros((1, 1), np.float32),
        )  # fmt: skip
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    assert LinkStore.open(store.root).nearest() == {}
    with store.writing():
        store.set_nearest({("a", 0): Nearest((), (0.5,))})
    assert LinkStore.open(store.root).nearest() == {("a", 0): Nearest((), (0.5,))}


def test_the_deep_round_verifies_an_alone_pictures_further_nearest_items() -> None:
    """``deep_rows``: a picture alone gets its k nearest items less the pairs already
    verified; items beyond the k nearest, and pictures not alone, get nothing."""
    # Similarity to "q" falls from n1 to n5 and far.
    rows = _rows(
        np.array(
            [[1, 0, 0], [1, 0.1, 0], [1, 0.2, 0], [1, 0.3, 0], [1, 0.4, 0], [1, 0.5, 0], [0, 0, 1]]
        ),
        ["q", "n1", "n2", "n3", "n4", "n5", "far"],
    )
    verified = [("n1", 0, "q", 0), ("n2", 0, "q", 0)]
    deep = deep_rows(rows, ["q"], verified, 4)
    assert sorted((a, b) for a, _, b, _ in deep) == [("n3", "q"), ("n4", "q")]
    assert deep_rows(rows, ["q"], [], 2) != deep_rows(rows, ["q"], verified, 2)
    assert deep_rows(rows, ["q"], verified, 2) == []
    assert deep_rows(rows, [], verified, 4) == []
    assert deep_rows(rows, ["q"], verified, 0) == []


def test_a_stored_picture_alone_asks_the_deep_round_for_new_items_only() -> None:
    rows = _rows(
        np.array([[1, 0, 0], [1, 0.1, 0], [1, 0.2, 0], [0, 0, 1]]),
        ["old", "stored", "fresh", "far"],
    )
    pairs = deep_rows(rows, ["old"], [], 2, new=["fresh", "far"])
    assert [(a, b) for a, _, b, _ in pairs] == [("fresh", "old")]
    everything = deep_rows(rows, ["old"], [], 2)
    assert sorted((a, b) for a, _, b, _ in everything) == [("fresh", "old"), ("old", "stored")]

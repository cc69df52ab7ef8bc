"""Place groups: connected components of place links, except that a lone link between two
parts of ``BRIDGE_SIDE`` or more pictures each does not merge them (a poster shared by two
rooms must not make one group of both rooms' views, nor chain many rooms into one)."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.link.linking import BRIDGE_SIDE, _splitting_bridges, export, groups, unmerged_links
from safeguard.link.store import Link, LinkStore


def _link(a: str, b: str, inliers: int = 60) -> Link:
    return Link("place", a, b, score=float(inliers), inliers=inliers, matches=100, model="H")


def _clique(prefix: str, n: int) -> list[Link]:
    return [_link(f"{prefix}{i}", f"{prefix}{j}") for i, j in itertools.combinations(range(n), 2)]


def _store(tmp_path: Path, links: list[Link]) -> LinkStore:
    store = LinkStore.open(tmp_path / "store", create=True)
    with store.writing():
        store.add_links(links)
    return store


def _place_members(store: LinkStore) -> list[list[str]]:
    return sorted(g.members for g in groups(store) if g.kind == "place")


def test_a_lone_link_between_two_rooms_does_not_merge_them(tmp_path: Path) -> None:
    shared_poster = _link("a0", "b0", inliers=75)
    store = _store(tmp_path, [*_clique("a", 5), *_clique("b", 4), shared_poster])
    assert _place_members(store) == [["a0", "a1", "a2", "a3", "a4"], ["b0", "b1", "b2", "b3"]]
    assert unmerged_links(store) == [shared_poster]
    # the link and its evidence are kept: in the store, and in the export beside the groups
    assert shared_poster.key in store.links
    out = export(store)
    assert out["unmerged_links"] == [shared_poster.to_json()]
    assert all(
        {link["a"], link["b"]} <= set(g["members"]) for g in out["groups"] for link in g["links"]
    )


def test_two_independent_links_merge_two_parts(tmp_path: Path) -> None:
    store = _store(
        tmp_path, [*_clique("a", 4), *_clique("b", 4), _link("a0", "b0"), _link("a1", "b2")]
    )
    assert _place_members(store) == [["a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3"]]
    assert unmerged_links(store) == []


def test_chains_and_small_sides_still_group(tmp_path: Path) -> None:
    # views of one place that only link in a chain (a wide room walked along), and a
    # clique with a pair hanging off it: every bridge here has a side under BRIDGE_SIDE
    chain = [_link("c0", "c1"), _link("c1", "c2")]
    pendant = [*_clique("d", 4), _link("d0", "e0"), _link("e0", "e1")]
    store = _store(tmp_path, [*chain, *pendant])
    assert BRIDGE_SIDE == 3
    assert _place_members(store) == [["c0", "c1", "c2"], ["d0", "d1", "d2", "d3", "e0", "e1"]]


def test_a_chain_of_rooms_through_shared_objects_splits_into_rooms(tmp_path: Path) -> None:
    rooms = [_clique(f"r{k}_", 4) for k in range(5)]
    bridges = [_link(f"r{k}_0", f"r{k + 1}_1") for k in range(4)]
    store = _store(tmp_path, [link for room in rooms for link in room] + bridges)
    members = _place_members(store)
    assert len(members) == 5 and all(len(m) == 4 for m in members)
    assert sorted(unmerged_links(store), key=lambda x: x.a) == sorted(bridges, key=lambda x: x.a)


def _brute_force(nodes: list[str], edges: list[tuple[str, str]], side: int) -> set[int]:
    """Every edge whose removal splits its component into two parts of >= side nodes."""

    def component_of(start: str, kept: list[tuple[str, str]]) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            x = todo.pop()
            for a, b in kept:
                for u, v in ((a, b), (b, a)):
                    if u == x and v not in seen:
                        seen.add(v)
                        todo.append(v)
        return seen

    cut = set()
    for i, (a, b) in enumerate(edges):
        whole = component_of(a, edges)
        rest = [e for j, e in enumerate(edges) if j != i]
        left = component_of(a, rest)
        if b not in left and len(left) >= side and len(whole) - len(left) >= side:
            cut.add(i)
    return cut


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=2, max_value=12).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
                    lambda e: e[0] != e[1]
                ),
                max_size=24,
                unique_by=lambda e: (min(e), max(e)),
            ),
            st.integers(min_value=1, max_value=4),
        )
    )
)
def test_bridge_search_agrees_with_brute_force(
    case: tuple[int, list[tuple[int, int]], int],
) -> None:
    n, pairs, side = case
    nodes = [f"n{i}" for i in range(n)]
    edges = [(f"n{a}", f"n{b}") for a, b in pairs]
    assert _splitting_bridges(nodes, edges, side) == _brute_force(nodes, edges, side)


def test_deep_components_do_not_recurse(tmp_path: Path) -> None:
    # a path of 5,000 views: Python's recursion limit would stop a recursive search
    nodes = [f"p{i:05d}" for i in range(5000)]
    edges = list(itertools.pairwise(nodes))
    cut = _splitting_bridges(nodes, edges, 3)
    assert len(cut) == len(edges) - 4  # all but the two edges at each end


def test_a_withdrawn_link_is_gone_after_reopening_until_it_is_linked_again(
    tmp_path: Path,
) -> None:
    """``withdraw_links`` appends a withdrawal line: reading ``links.jsonl`` in order, the
    link is gone, and a later line linking the pair again brings it back."""
    from safeguard.link.store import ItemInfo, ViewInfo

    store = LinkStore.open(tmp_path / "store", create=True)
    wrong = _link("a0", "b0")
    with store.writing():
        view = (ViewInfo(None, 400, 300, 1.0, 500),)
        store.add_items(ItemInfo(i, f"/{i}.png", "image", view, 0, "") for i in ("a0", "a1", "b0"))
        store.add_links([_link("a0", "a1"), wrong])
        store.withdraw_links([wrong.key, ("place", "a1", "zz")])  # an unknown key: nothing
    assert wrong.key not in store.links
    lines = (tmp_path / "store" / "links.jsonl").read_text().splitlines()
    assert len(lines) == 3
    again = LinkStore.open(tmp_path / "store")
    assert set(again.links) == {_link("a0", "a1").key}
    assert _place_members(again) == [["a0", "a1"]]
    with again.writing():
        again.add_links([wrong])
    assert wrong.key in LinkStore.open(tmp_path / "store").links

"""What queries keep between calls: the open store (``store.open_kept``), the vote index
(``linking.query_vote_index``), and one pass over the stored vectors for all the links
of a query (``linking.sighting_similarities``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from safeguard.link.extract import extract
from safeguard.link.linking import (
    LinkOptions,
    _sighting_sides,
    build,
    cached_features,
    query,
    query_vote_index,
    sighting_similarities,
)
from safeguard.link.live import LiveIndex
from safeguard.link.objects import region_similarities, word_energy
from safeguard.link.store import LinkStore, LinkStoreMissing, fingerprint, open_kept
from safeguard.link.verify import verify
from safeguard.link.votes import VoteOptions

from .scenes import jpeg_bytes, lighting, perspective, png_bytes, scene

OPTIONS = LinkOptions(shortlist=2, second_round=0, mirrored=0, votes=VoteOptions(items=2))


def _store(tmp_path: Path, names: tuple[str, ...] = ("coffee", "astronaut")) -> LinkStore:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.png").write_bytes(png_bytes(scene(name)))
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [folder], options=OPTIONS)
    return store


def _add(store: LinkStore, tmp_path: Path, name: str) -> None:
    later = tmp_path / f"later_{name}"
    later.mkdir()
    (later / f"{name}.jpg").write_bytes(jpeg_bytes(lighting(scene(name)), 85))
    build(LinkStore.open(store.root), [later], options=OPTIONS)


def test_a_kept_store_is_opened_again_only_when_its_files_change(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = open_kept(store.root)
    assert open_kept(store.root) is first
    assert len(first.items) == 2
    before = fingerprint(store.root)
    _add(store, tmp_path, "coffee")
    assert fingerprint(store.root) != before
    again = open_kept(store.root)
    assert again is not first and len(again.items) == 3
    assert any(x.kind == "place" for x in again.links.values())
    assert open_kept(store.root) is again


def test_a_missing_store_is_not_kept(tmp_path: Path) -> None:
    with pytest.raises(LinkStoreMissing):
        open_kept(tmp_path / "nothing")
    store = _store(tmp_path)  # made later at a path asked before
    assert len(open_kept(store.root).items) == 2


def test_the_vote_index_is_read_once_while_the_store_keeps_it(tmp_path: Path) -> None:
    store = _store(tmp_path)
    index = query_vote_index(store, OPTIONS.votes)
    assert index is not None and set(index.items) == set(store.items)
    assert query_vote_index(store, OPTIONS.votes) is index
    _add(store, tmp_path, "astronaut")  # the build grows and writes the index again
    grown = query_vote_index(LinkStore.open(store.root), OPTIONS.votes)
    assert grown is not None and grown is not index and len(grown.items) == 3
    (store.root / "votes.npz").unlink()
    assert query_vote_index(store, OPTIONS.votes) is None


def test_one_pass_for_several_links_gives_each_link_its_own_similarities(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path, ("coffee", "astronaut", "chelsea"))
    named = {Path(i.path).stem: i.id for i in store.items.values()}
    links = []
    for name in ("coffee", "astronaut"):
        picture = tmp_path / f"q_{name}.jpg"
        picture.write_bytes(jpeg_bytes(perspective(scene(name), 0.08, seed=3)[0], 85))
        f = extract(picture).views[0].features
        mine = (f, f.rootsift(), None)
        stored, stored_rs = cached_features(str(store.root), named[name])[0]
        v = verify(f, stored, OPTIONS.verify, rootsift_a=mine[1], rootsift_b=stored_rs)
        assert v.linked
        links.append(((mine, named[name], 0), v))
    # A pair that does not link has no searches.
    coffee_view = links[0][0][0]
    chelsea = cached_features(str(store.root), named["chelsea"])[0][0]
    links.append(((coffee_view, named["chelsea"], 0), verify(coffee_view[0], chelsea)))
    rows = store.global_rows()
    assert store.codebook is not None
    together = sighting_similarities(
        store, rows, [p for p, _ in links], [v for _, v in links], OPTIONS
    )
    assert together[2] is None
    for (p, v), sims in zip(links[:2], together[:2], strict=True):
        sides = _sighting_sides(store, *p, v, OPTIONS, None)
        assert sides is not None and sims is not None
        alone = region_similarities(rows.vlad, np.stack(sides.queries), len(store.codebook))
        assert sims.shape == alone.shape == (len(sides.queries), len(rows.item))
        np.testing.assert_allclose(sims, alone, rtol=1e-5, atol=1e-6)
    assert not np.allclose(together[0], together[1])


def test_a_query_answers_the_same_from_a_kept_store(tmp_path: Path) -> None:
    store = _store(tmp_path, ("coffee", "astronaut", "chelsea"))
    picture = tmp_path / "q.jpg"
    picture.write_bytes(jpeg_bytes(perspective(scene("coffee"), 0.08, seed=5)[0], 85))
    fresh = query(LinkStore.open(store.root), picture, options=OPTIONS)
    kept = open_kept(store.root)
    for _ in range(2):
        again = query(kept, picture, options=OPTIONS)
        assert again.matches == fresh.matches and again.refused == fresh.refused
    assert [Path(m["path"]).stem for m in fresh.matches] == ["coffee"]


def test_kept_word_energy_gives_the_same_similarities(tmp_path: Path) -> None:
    store = _store(tmp_path, ("coffee", "astronaut", "chelsea"))
    rows = store.global_rows()
    assert store.codebook is not None
    words = len(store.codebook)
    index = LiveIndex.load(store)
    assert index.energy is not None
    np.testing.assert_allclose(index.energy, word_energy(rows.vlad, words), rtol=1e-6)
    vectors = rows.vlad.astype(np.float32)
    queries = vectors[:2].copy()
    queries[:, : 40 * 128] = 0  # a region uses some of the words only
    plain = region_similarities(vectors, queries, words)
    kept = region_similarities(vectors, queries, words, index.energy)
    np.testing.assert_allclose(kept, plain, rtol=1e-5, atol=1e-6)
    # The energy is what makes it a region's cosine: without it the rows differ.
    assert not np.allclose(queries @ vectors.T, plain)

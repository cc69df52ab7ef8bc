"""Bursts left out of the shortlist's global vectors (``signals.vlad.unbursty``)."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.link_rooms_v18 import evidence_bag, low_ink, room_v18

from safeguard.link.features import features_from_pixels
from safeguard.link.linking import LinkOptions, build, place_vector, upgrade
from safeguard.link.store import LinkStore, LinkStoreError
from safeguard.signals.vlad import learn_codebook, unbursty, vlad


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.random((n, 128)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_descriptors_with_enough_near_twins_are_left_out() -> None:
    distinct = np.eye(128, dtype=np.float32)[:40]  # pairwise distance sqrt(2)
    base = np.eye(128, dtype=np.float32)[100]
    burst = np.repeat(base[None], 4, axis=0)  # 4 copies: 3 twins each
    pair = np.repeat(np.eye(128, dtype=np.float32)[120][None], 3, axis=0)  # 2 twins each
    d = np.concatenate([distinct, burst, pair])
    kept = unbursty(d, distance=0.5, twins=3, min_kept=16)
    assert len(kept) == 43  # the 40 distinct and the three with two twins
    assert not any(np.allclose(k, base) for k in kept)
    assert unbursty(d, distance=0.5, twins=5, min_kept=16).shape == d.shape


def test_counts_match_brute_force_across_chunks() -> None:
    rng = np.random.default_rng(7)
    centres = _unit(rng, 30)
    d = centres[rng.integers(0, 30, 300)] + 0.05 * rng.standard_normal((300, 128))
    d = (d / np.linalg.norm(d, axis=1, keepdims=True)).astype(np.float32)
    dist = np.linalg.norm(d[:, None] - d[None], axis=2)
    np.fill_diagonal(dist, np.inf)
    want = d[(dist < 0.3).sum(1) < 4]
    assert len(want) >= 16
    got = unbursty(d, distance=0.3, twins=4, chunk=64)
    assert np.array_equal(got, want)


def test_a_picture_that_is_all_pattern_keeps_its_descriptors() -> None:
    d = np.repeat(np.eye(128, dtype=np.float32)[:3], 20, axis=0)  # 60, each with 19 twins
    assert unbursty(d).shape == d.shape
    assert len(unbursty(d[:10])) == 10  # too few to judge


def test_leaving_out_bursts_shortlists_banded_and_bagged_prints_better() -> None:
    """Seen generator v18: 16 places, each as rendered, as an inkjet print with banding and
    as a print sealed in an evidence bag. The bands and the bag's pattern recur within
    each picture and across every print of that kind, so with plain VLAD a print's
    nearest picture is often another place's print. Without the bursts more of the 48
    pictures find their own place first (20 -> 33 when this was written)."""
    rows, place = [], []
    for seed in range(100, 116):
        room = np.asarray(room_v18(seed, 400, 300))
        rng = np.random.default_rng(seed)
        for px in (room, low_ink(room, rng), evidence_bag(room, rng)):
            rows.append(features_from_pixels(px).rootsift())
            place.append(seed)
    labels = np.array(place)
    codebook = learn_codebook(np.concatenate(rows), 64)

    def first_right(leave_out: bool) -> int:
        v = np.stack([place_vector(r, codebook, leave_out) for r in rows])
        s = v @ v.T
        np.fill_diagonal(s, -np.inf)
        return int((labels[s.argmax(axis=1)] == labels).sum())

    plain, without = first_right(False), first_right(True)
    assert np.allclose(place_vector(rows[0], codebook, False), vlad(rows[0], codebook))
    assert without >= plain + 8, (plain, without)


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = []
    folder = tmp_path_factory.mktemp("unbursty")
    for seed in (100, 101, 102):
        path = folder / f"p{seed}.png"
        cv2.imwrite(str(path), np.asarray(room_v18(seed, 400, 300))[:, :, ::-1])
        out.append(str(path))
    return out


@pytest.mark.parametrize("old", [False, True])
def test_a_store_keeps_the_vectors_it_was_made_with(
    pictures: list[str], tmp_path: Path, old: bool
) -> None:
    """New stores leave bursts out; a store made before that (no "global" in its
    store.json) keeps plain VLAD for what is added, so its rows and queries agree."""
    root = tmp_path / "store"
    store = LinkStore.open(root, create=True, words=16)
    assert store.unbursty
    if old:
        meta = json.loads((root / "store.json").read_text())
        del meta["global"]
        (root / "store.json").write_text(json.dumps(meta))
        store = LinkStore.open(root)
        assert not store.unbursty
    build(store, pictures, options=LinkOptions(codebook_items=3))
    store = LinkStore.open(root)
    rows = store.global_rows()
    assert store.codebook is not None and len(rows.item) == 3
    for item, vector in zip(rows.item, rows.vlad, strict=True):
        rs = store.features(str(item))[0].rootsift()
        want = vlad(rs if old else unbursty(rs), store.codebook)
        assert np.allclose(vector.astype(np.float32), want, atol=2e-3)


def _make_old(root: Path) -> None:
    meta = json.loads((root / "store.json").read_text())
    del meta["global"]
    (root / "store.json").write_text(json.dumps(meta))


def test_an_old_store_is_upgraded_into_a_copy(pictures: list[str], tmp_path: Path) -> None:
    """``upgrade`` copies a plain-VLAD store with its vectors made again from the stored
    features; items and links are the same, and the old store is left as it was."""
    old = tmp_path / "old"
    LinkStore.open(old, create=True, words=16)
    _make_old(old)
    build(LinkStore.open(old), pictures, options=LinkOptions(codebook_items=3))
    before = LinkStore.open(old)
    plain = before.global_rows().vlad.copy()
    views = upgrade(before, tmp_path / "new")
    assert views == 3
    new = LinkStore.open(tmp_path / "new")
    assert new.unbursty and not LinkStore.open(old).unbursty
    assert new.items.keys() == before.items.keys() and new.links.keys() == before.links.keys()
    assert new.codebook is not None and np.array_equal(new.codebook, before.codebook)
    rows = new.global_rows()
    for item, vector in zip(rows.item, rows.vlad, strict=True):
        want = vlad(unbursty(new.features(str(item))[0].rootsift()), new.codebook)
        assert np.allclose(vector.astype(np.float32), want, atol=2e-3)
    assert np.array_equal(LinkStore.open(old).global_rows().vlad, plain)
    assert not (tmp_path / "new.partial").exists()
    with pytest.raises(LinkStoreError, match="exists"):
        upgrade(before, tmp_path / "new")

"""Building a link store: groups, evidence, incremental additions, failures."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from scenes import png_bytes, scene, views

from safeguard.link.linking import BuildSummary, LinkOptions, build, export, groups
from safeguard.link.store import LinkStore, LinkStoreBusy, LinkStoreMissing

NAMES = ("astronaut", "coffee", "chelsea", "camera", "page")


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("collection")
    for i, name in enumerate(NAMES):
        img = scene(name)
        (root / f"{name}-original.png").write_bytes(png_bytes(img))
        v = views(img, i)
        for kind in ("perspective", "crop", "jpeg"):
            suffix = "jpg" if kind == "jpeg" else "png"
            (root / f"{name}-{kind}.{suffix}").write_bytes(v[kind])
    return root


@pytest.fixture(scope="module")
def built(collection: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildSummary]:
    """The collection's store, built once for the tests that only read it (a build is
    most of these tests' time); a test that writes copies it first (``_copy``)."""
    folder = tmp_path_factory.mktemp("built") / "links"
    summary = build(LinkStore.open(folder, create=True), [collection])
    return folder, summary


def _copy(built: tuple[Path, BuildSummary], tmp_path: Path) -> Path:
    return Path(shutil.copytree(built[0], tmp_path / "links"))


def test_views_of_each_scene_form_one_group_and_scenes_never_mix(
    built: tuple[Path, BuildSummary],
) -> None:
    folder, summary = built
    store = LinkStore.open(folder)
    assert summary.added == 20 and summary.failed == 0
    place = [g for g in groups(store) if g.kind == "place"]
    names = {i.id: Path(i.path).name.split("-")[0] for i in store.items.values()}
    assert sorted({names[m] for m in g.members}.pop() for g in place) == sorted(NAMES)
    for g in place:
        assert len({names[m] for m in g.members}) == 1  # never two scenes in one group
        assert len(g.members) == 4
    # Fewer verifications than all pairs (20 * 19 / 2 = 190), even with the second round.
    options = LinkOptions()
    assert summary.verified <= 20 * (options.shortlist + options.second_round) < 190


def test_links_carry_evidence(built: tuple[Path, BuildSummary]) -> None:
    store = LinkStore.open(built[0])
    doc = export(store)
    assert {"items", "groups"} <= set(doc)
    item = doc["items"][0]
    assert set(item) == {"id", "path", "kind", "faces"}
    link = doc["groups"][0]["links"][0]
    assert link["inliers"] >= 15 and 0 < link["score"] <= 1
    assert link["model"] in ("homography", "fundamental")
    a = store.items[link["a"]].views[0]
    x0, y0, x1, y1 = link["regions"]["a"]
    assert 0 <= x0 < x1 <= a.width and 0 <= y0 < y1 <= a.height


def test_adding_media_links_it_to_what_is_stored_without_a_rebuild(
    collection: Path, tmp_path: Path
) -> None:
    files = sorted(collection.iterdir())
    first, later = (
        [f for f in files if "original" in f.name],
        [f for f in files if "original" not in f.name],
    )
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, first)
    assert not groups(store)  # five different scenes: nothing to link yet
    codebook = (tmp_path / "links" / "codebook.npy").read_bytes()
    features_before = {
        p.name: p.stat().st_mtime_ns for p in (tmp_path / "links" / "features").iterdir()
    }
    summary = build(LinkStore.open(tmp_path / "links"), later)
    assert summary.added == 15
    store = LinkStore.open(tmp_path / "links")
    place = [g for g in groups(store) if g.kind == "place"]
    assert len(place) == 5 and all(len(g.members) == 4 for g in place)
    # Nothing stored before was recomputed: same codebook, same feature files.
    assert (tmp_path / "links" / "codebook.npy").read_bytes() == codebook
    for p in (tmp_path / "links" / "features").iterdir():
        if p.name in features_before:
            assert p.stat().st_mtime_ns == features_before[p.name]


def test_files_already_stored_are_skipped(
    collection: Path, built: tuple[Path, BuildSummary], tmp_path: Path
) -> None:
    again = build(LinkStore.open(_copy(built, tmp_path)), [collection])
    assert again.added == 0 and again.known == 20 and again.verified == 0


def test_a_damaged_file_is_an_error_record_and_the_rest_links(
    collection: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "damaged.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    store = LinkStore.open(tmp_path / "links", create=True)
    summary = build(store, [bad, *sorted(collection.glob("astronaut-*"))])
    assert summary.failed == 1 and summary.errors[0]["path"] == str(bad)
    assert summary.errors[0]["code"] == "corrupt_media"
    assert [len(g.members) for g in groups(store)] == [4]


def test_store_arrays_load_without_pickle(collection: Path, tmp_path: Path) -> None:
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, sorted(collection.glob("coffee-*")))
    for p in (tmp_path / "links").rglob("*.npz"):
        with np.load(p, allow_pickle=False) as z:
            assert all(z[k].dtype != object for k in z.files)


def test_opening_a_missing_store_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(LinkStoreMissing):
        LinkStore.open(tmp_path / "nothing")


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    store = LinkStore.open(tmp_path / "links", create=True)
    other = LinkStore.open(tmp_path / "links")
    with store.writing(), pytest.raises(LinkStoreBusy), other.writing():
        pass


def test_a_half_precision_live_index_ranks_as_the_float32_one(
    built: tuple[Path, BuildSummary],
) -> None:
    from safeguard.link.live import LiveIndex

    store = LinkStore.open(built[0])
    full, half = LiveIndex.load(store), LiveIndex.load(store, half=True)
    assert full.vectors.dtype == np.float32
    assert half.vectors.dtype == np.float16  # half the memory
    for row in range(0, len(full.vectors), 4):
        query = full.vectors[row]
        assert half.top_items(query, 3) == full.top_items(query, 3)


def test_the_stores_vlad_segments_are_joined_once_and_kept(tmp_path: Path) -> None:
    from safeguard.link.store import GlobalRows

    store = LinkStore.open(tmp_path / "links", create=True, words=1)
    for n, name in enumerate(("a", "b")):
        vectors = np.full((2, 128), n + 1, np.float16)
        store.add_global(
            GlobalRows(np.array([name, name], "U16"), np.arange(2, dtype=np.int32), vectors)
        )
    rows = store.global_rows()
    assert rows.item.tolist() == ["a", "a", "b", "b"]
    assert rows.vlad[:, 0].tolist() == [1, 1, 2, 2]
    # One joined copy is kept: asking again does not copy the vectors again.
    assert store.global_rows().vlad is rows.vlad

"""Mirrored pictures: the SIFT descriptor permutation, verification and the shortlist."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from scenes import jpeg_bytes, lighting, perspective, png_bytes, scene

from safeguard.link.features import MIRROR, features_from_pixels, mirrored, rootsift
from safeguard.link.linking import (
    LinkOptions,
    _verify_pairs,
    build,
    mirrored_rows,
    mirrored_vectors,
    query,
)
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, verify
from safeguard.link.votes import VoteOptions
from safeguard.signals.local import tentative_matches
from safeguard.signals.vlad import vlad

NO_MIRROR = replace(DEFAULT_VERIFY, mirror=False)
OTHERS = ("coffee", "chelsea", "camera", "page", "rocket", "immunohistochemistry")


def flip(img: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(img[:, ::-1])


def test_the_permutation_is_a_permutation_and_its_own_inverse() -> None:
    assert sorted(MIRROR.tolist()) == list(range(128))
    assert (MIRROR[MIRROR] == np.arange(128)).all()


def test_permuted_descriptors_match_the_flipped_pictures_keypoints_where_they_mirror() -> None:
    img = scene("astronaut")
    a = features_from_pixels(img)
    b = features_from_pixels(flip(img))
    width = a.width / a.scale

    def at_the_mirrored_spot(rb: np.ndarray) -> int:
        pairs = tentative_matches(rootsift(a.descriptors), rb)
        pa, pb = a.points[pairs[:, 0]], b.points[pairs[:, 1]]
        return int(
            (
                (np.abs(pa[:, 0] - (width - 1 - pb[:, 0])) < 2) & (np.abs(pa[:, 1] - pb[:, 1]) < 2)
            ).sum()
        )

    assert at_the_mirrored_spot(rootsift(mirrored(b.descriptors))) >= 0.8 * len(a)
    assert at_the_mirrored_spot(rootsift(b.descriptors)) < 0.2 * len(a)


@pytest.mark.parametrize("name", ["astronaut", "coffee", "motorcycle_left"])
def test_a_mirrored_re_photograph_links_only_with_the_mirror_test(name: str) -> None:
    img = scene(name)
    view = flip(lighting(perspective(img, 0.12, seed=3)[0], 0.8, 1.2))
    a, b = features_from_pixels(img), features_from_pixels(view)
    on = verify(a, b)
    assert on.linked and on.mirrored
    assert not verify(a, b, NO_MIRROR).linked


def test_a_mirrored_flat_view_is_a_homography_into_the_picture_as_it_is() -> None:
    img = scene("astronaut")
    warped, true_h = perspective(img, 0.12, seed=3)
    view = flip(warped)
    v = verify(features_from_pixels(img), features_from_pixels(view))
    assert v.linked and v.mirrored and v.model == "homography"
    assert v.region_cover is not None and v.region_cover > 0.5  # the plane tests ran
    assert v.homography is not None
    h = np.array(v.homography).reshape(3, 3)
    width = img.shape[1]
    corners = np.array([[100.0, 100.0], [400.0, 120.0], [380.0, 400.0], [120.0, 380.0]])
    got = cv2.perspectiveTransform(corners.reshape(-1, 1, 2), h).reshape(-1, 2)
    want = cv2.perspectiveTransform(corners.reshape(-1, 1, 2), true_h).reshape(-1, 2)
    want[:, 0] = width - want[:, 0]
    assert np.abs(got - want).max() < 5
    assert v.region_b is not None and v.region_b[0] >= 0 and v.region_b[2] <= width


def test_an_unmirrored_view_is_still_matched_as_it_is() -> None:
    img = scene("astronaut")
    v = verify(features_from_pixels(img), features_from_pixels(perspective(img, 0.12, seed=1)[0]))
    assert v.linked and not v.mirrored


def test_different_scenes_do_not_link_mirrored() -> None:
    names = ("astronaut", "coffee", "camera", "page", "brick", "motorcycle_left")
    feats = {n: features_from_pixels(scene(n)) for n in names}
    flipped = {n: features_from_pixels(flip(scene(n))) for n in names}
    for x, y in itertools.permutations(names, 2):
        assert not verify(feats[x], flipped[y]).linked, (x, y)


def test_a_mirrored_link_says_so_in_the_store(tmp_path: Path) -> None:
    link = Link(kind="place", a="a" * 16, b="b" * 16, score=0.3, inliers=40, mirrored=True)
    assert link.to_json()["mirrored"] is True
    assert Link.from_json(link.to_json()).mirrored
    plain = replace(link, mirrored=False)
    assert "mirrored" not in plain.to_json()
    assert not Link.from_json(plain.to_json()).mirrored


@pytest.fixture(scope="module")
def mirrored_collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven scenes; the astronaut twice: as it is, and mirrored and re-lit as JPEG."""
    root = tmp_path_factory.mktemp("mirrored")
    (root / "astronaut.png").write_bytes(png_bytes(scene("astronaut")))
    view = flip(lighting(perspective(scene("astronaut"), 0.1, seed=5)[0], 0.8, 1.2))
    (root / "astronaut-mirrored.jpg").write_bytes(jpeg_bytes(view, 80))
    for name in OTHERS:
        (root / f"{name}.png").write_bytes(png_bytes(scene(name)))
    return root


def _ids(store: LinkStore) -> dict[str, str]:
    return {Path(i.path).name: i.id for i in store.items.values()}


def test_the_mirrored_query_finds_the_mirrored_picture_more_alike(
    mirrored_collection: Path, tmp_path: Path
) -> None:
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [mirrored_collection], options=LinkOptions(shortlist=1, second_round=0))
    ids = _ids(store)
    original, other = ids["astronaut.png"], ids["astronaut-mirrored.jpg"]
    assert store.codebook is not None
    rows = store.global_rows()
    stored = rows.vlad[list(rows.item).index(other)].astype(np.float32)
    features = store.features(original)[0]
    plain = float(vlad(features.rootsift(), store.codebook) @ stored)
    by_mirror = float(mirrored_vectors([features], store.codebook, store.unbursty)[0] @ stored)
    assert by_mirror > plain + 0.1
    pairs = mirrored_rows(store, [original], [], k=1)
    assert [(p[0], p[2]) for p in pairs] == [tuple(sorted((original, other)))]
    # Items the first round paired it with are left to the others.
    assert all(
        p[2] != other and p[0] != other for p in mirrored_rows(store, [original], pairs, k=1)
    )


def test_a_build_links_a_mirrored_picture_and_marks_the_link(
    mirrored_collection: Path, tmp_path: Path
) -> None:
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [mirrored_collection])
    ids = _ids(store)
    pair = {ids["astronaut.png"], ids["astronaut-mirrored.jpg"]}
    place = [x for x in store.links.values() if x.kind == "place"]
    assert [{x.a, x.b} for x in place] == [pair]
    assert place[0].mirrored

    off = LinkStore.open(tmp_path / "off", create=True)
    build(off, [mirrored_collection], options=LinkOptions(mirrored=0, verify=NO_MIRROR))
    assert not [x for x in off.links.values() if x.kind == "place"]


def test_query_finds_a_stored_mirrored_picture(mirrored_collection: Path, tmp_path: Path) -> None:
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [p for p in mirrored_collection.iterdir() if p.name != "astronaut.png"])
    found = query(store, mirrored_collection / "astronaut.png")
    assert [m["path"] for m in found.matches] == [
        str(mirrored_collection / "astronaut-mirrored.jpg")
    ]
    assert found.matches[0]["mirrored"] is True


def test_a_pair_only_the_mirrored_query_offered_links_only_mirrored(
    mirrored_collection: Path, tmp_path: Path
) -> None:
    """``LinkOptions.mirrored_only_mirrored``: the astronaut re-lit (as it is) and its
    mirrored view, both offered as if by the mirrored query: only the mirrored one links.
    Offered by the shortlist, both link."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("astronaut.png", "astronaut-mirrored.jpg"):
        (folder / name).write_bytes((mirrored_collection / name).read_bytes())
    (folder / "astronaut-lit.jpg").write_bytes(jpeg_bytes(lighting(scene("astronaut")), 85))
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [folder], options=LinkOptions(shortlist=0, second_round=0, mirrored=0))
    ids = _ids(store)
    original = ids["astronaut.png"]
    ordered = [sorted((original, ids[n])) for n in ("astronaut-lit.jpg", "astronaut-mirrored.jpg")]
    pairs = [(a, 0, b, 0) for a, b in ordered]
    runner = LocalRunner()

    chance: list[tuple[str, int, str, int]] = []

    def linked(options: LinkOptions, stage: str) -> set[str]:
        found = _verify_pairs(
            store, pairs, options, runner, lambda *_: None, found_by=stage, chance=chance
        )
        assert all(x.found_by == stage for x in found)
        return {x.b if x.a == original else x.a for x in found}

    strict = LinkOptions(mirrored_only_mirrored=True)
    assert linked(strict, "mirrored") == {ids["astronaut-mirrored.jpg"]}
    assert chance == [pairs[0]]  # the re-lit picture verified as it is: counted, not linked
    assert linked(strict, "shortlist") == {ids["astronaut-lit.jpg"], ids["astronaut-mirrored.jpg"]}
    assert linked(LinkOptions(mirrored_only_mirrored=False), "mirrored") == {
        ids["astronaut-lit.jpg"],
        ids["astronaut-mirrored.jpg"],
    }


def test_a_query_keeps_only_mirrored_links_from_the_mirrored_query(
    mirrored_collection: Path, tmp_path: Path
) -> None:
    """No VLAD candidates (``candidates=0``) and no votes: the mirrored query offers both
    astronaut views, and only the mirrored one is a match; with the rule off, both are."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "astronaut-mirrored.jpg").write_bytes(
        (mirrored_collection / "astronaut-mirrored.jpg").read_bytes()
    )
    (folder / "astronaut-lit.jpg").write_bytes(jpeg_bytes(lighting(scene("astronaut")), 85))
    for name in OTHERS[:3]:
        (folder / f"{name}.png").write_bytes((mirrored_collection / f"{name}.png").read_bytes())
    store = LinkStore.open(tmp_path / "links", create=True)
    build(store, [folder])
    asked = mirrored_collection / "astronaut.png"

    def found(options: LinkOptions) -> set[str]:
        return {
            Path(m["path"]).name for m in query(store, asked, options=options, candidates=0).matches
        }

    no_votes = LinkOptions(votes=VoteOptions(items=0))
    assert found(no_votes) == {"astronaut-mirrored.jpg"}
    assert found(replace(no_votes, mirrored_only_mirrored=False)) == {
        "astronaut-mirrored.jpg",
        "astronaut-lit.jpg",
    }

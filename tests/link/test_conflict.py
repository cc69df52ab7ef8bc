"""The conflict test (``link.conflict``): places built from one template, told apart by
what each has of its own."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from scenes import jpeg_bytes, lighting, perspective, png_bytes, scene

from safeguard.link.conflict import (
    DEFAULT_CONFLICT,
    ConflictOptions,
    Missing,
    conflict_rule,
    conflicting,
    inside_hull,
    missing,
)
from safeguard.link.graphml import NS, to_graphml
from safeguard.link.linking import (
    LinkOptions,
    build,
    export,
    groups,
    refusal_in_words,
    refused_links,
    refusing_test,
)
from safeguard.link.store import Link, LinkStore

# --- one side of a link, on made-up keypoints ---------------------------------------------


def _side(
    present: bool, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """x: 60 inliers on a 300 x 200 grid and 20 more keypoints among them (its own
    things, confirmed by other links) and 10 far outside the inliers' hull. y: x moved
    by (15, -7) and scaled 0.9, with the inliers' partners (descriptors a little off)
    and, when ``present``, the 20 things too (their descriptors less off than most
    inliers': a partner is found when it is as near as ``percentile`` of the inliers')."""
    grid = np.array([(x, y) for x in np.linspace(20, 320, 10) for y in np.linspace(20, 220, 6)])
    things = rng.uniform(40, 200, size=(20, 2))
    far = rng.uniform(600, 700, size=(10, 2))
    px = np.vstack([grid, things, far]).astype(np.float32)
    dx = rng.normal(size=(len(px), 128)).astype(np.float32)
    dx /= np.linalg.norm(dx, axis=1, keepdims=True)
    moved = (px[:80] * 0.9 + np.array([15.0, -7.0])).astype(np.float32)
    noise = rng.normal(scale=0.05, size=(80, 128)).astype(np.float32)
    noise[60:80] *= 0.3
    dy = dx[:80] + noise
    if not present:  # something else stands there
        dy[60:80] = rng.normal(size=(20, 128)).astype(np.float32)
    dy /= np.linalg.norm(dy, axis=1, keepdims=True)
    inliers = np.arange(60)
    return px, dx, inliers, moved, dy, inliers, list(range(60, 90))


def test_confirmed_content_found_again_near_its_predicted_spot_is_not_missing() -> None:
    rng = np.random.default_rng(3)
    px, dx, ix, py, dy, iy, confirmed = _side(True, rng)
    got = missing(px, dx, ix, py, dy, iy, confirmed)
    # The 10 far keypoints lie outside the hull and are not counted.
    assert got == Missing(0, 20)
    assert got.share == 0.0


def test_confirmed_content_that_is_not_there_is_missing() -> None:
    rng = np.random.default_rng(3)
    px, dx, ix, py, dy, iy, confirmed = _side(False, rng)
    got = missing(px, dx, ix, py, dy, iy, confirmed)
    assert got == Missing(20, 20) and got.share == 1.0
    # Confirmed inliers count in the hull but are never missing.
    with_inliers = missing(px, dx, ix, py, dy, iy, confirmed + list(range(60)))
    assert with_inliers == Missing(20, 80)
    # Looked for too near the predicted spot (a tenth of a pixel), even the ones that
    # are there are missing: the prediction is what finds them.
    px2, dx2, ix2, py2, dy2, iy2, c2 = _side(True, np.random.default_rng(3))
    jittered = py2.copy()
    jittered[60:80] += 2.0
    tight = missing(px2, dx2, ix2, jittered, dy2, iy2, c2, replace(DEFAULT_CONFLICT, radius_px=0.1))
    assert tight.missing == 20


def test_a_side_with_nothing_confirmed_misses_nothing() -> None:
    px, dx, ix, py, dy, iy, _ = _side(False, np.random.default_rng(1))
    assert missing(px, dx, ix, py, dy, iy, []) == Missing(0, 0)
    assert Missing(0, 0).share == 0.0


def test_strongly_confirmed_keypoints_are_counted_apart() -> None:
    """Keypoints 60-69 matched by three other links, 70-79 by one, 80-89 (outside the
    hull) by five: only 60-69 are strongly confirmed in the hull."""
    times = {k: 3 for k in range(60, 70)} | {k: 1 for k in range(70, 80)}
    times |= {k: 5 for k in range(80, 90)}
    px, dx, ix, py, dy, iy, _ = _side(False, np.random.default_rng(3))
    gone = missing(px, dx, ix, py, dy, iy, times)
    assert gone == Missing(20, 20, 10, 10) and gone.strong_share == 1.0
    px, dx, ix, py, dy, iy, _ = _side(True, np.random.default_rng(3))
    assert missing(px, dx, ix, py, dy, iy, times) == Missing(0, 20, 0, 10)
    # A plain collection counts each keypoint once: nothing is strongly confirmed.
    px, dx, ix, py, dy, iy, confirmed = _side(False, np.random.default_rng(3))
    assert missing(px, dx, ix, py, dy, iy, confirmed) == Missing(20, 20, 0, 0)
    # Strongly confirmed inliers count in the hull but are never missing.
    with_inliers = missing(px, dx, ix, py, dy, iy, times | {k: 4 for k in range(60)})
    assert with_inliers == Missing(20, 80, 10, 70)
    off = replace(DEFAULT_CONFLICT, strong_links=0)
    assert missing(px, dx, ix, py, dy, iy, times, off) == Missing(20, 20, 0, 0)
    assert Missing(3, 4).strong_share == 0.0


def test_the_second_rule_counts_strongly_confirmed_keypoints() -> None:
    o = DEFAULT_CONFLICT
    # Under the first rule's share on both sides, over the second's: refused by it.
    low, other = Missing(30, 100, 12, 25), Missing(35, 100, 11, 22)
    assert conflict_rule(low, other, o) == "strong" and conflicting(low, other, o)
    assert conflict_rule(Missing(70, 100, 0, 0), Missing(65, 100, 0, 0), o) == "share"
    assert conflict_rule(low, Missing(35, 100, 8, 22), o) is None  # one side under
    assert conflict_rule(low, Missing(35, 100, 10, 40), o) is None  # share 0.25
    assert conflict_rule(low, other, replace(o, strong_links=0)) is None
    assert conflict_rule(low, other, replace(o, min_missing=12)) is None
    for bad in ({"strong_links": -1}, {"max_missing_strong": 0.0}, {"max_missing_strong": 1.5}):
        with pytest.raises(ValueError):
            ConflictOptions(**bad)  # type: ignore[arg-type]


def test_inside_hull() -> None:
    square = cv2.convexHull(np.array([[0, 0], [10, 0], [10, 10], [0, 10]], np.float32))
    pts = np.array([[5, 5], [0, 5], [11, 5], [-1, -1]], np.float32)
    assert inside_hull(square, pts).tolist() == [True, True, False, False]
    assert inside_hull(square[::-1].copy(), pts).tolist() == [True, True, False, False]


def test_conflicting_needs_both_sides_over_the_share_and_the_floor() -> None:
    o = DEFAULT_CONFLICT
    assert conflicting(Missing(70, 100), Missing(65, 100), o)
    assert not conflicting(Missing(70, 100), Missing(50, 100), o)  # one side only
    assert not conflicting(Missing(9, 10), Missing(9, 10), o)  # under min_missing
    assert conflicting(Missing(9, 10), Missing(9, 10), replace(o, min_missing=5))
    for bad in (
        {"neighbours": 2},
        {"radius_px": 0.0},
        {"percentile": 0.0},
        {"max_missing": 0.0},
        {"min_missing": 0},
    ):
        with pytest.raises(ValueError):
            ConflictOptions(**bad)  # type: ignore[arg-type]


# --- two places built from one template ---------------------------------------------------

SPOTS = ((30, 30), (350, 30), (30, 270), (350, 270))
OWN = {
    "a": ("coffee", "chelsea", "rocket", "astronaut"),
    "b": ("motorcycle_left", "immunohistochemistry", "hubble_deep_field", "coins"),
}


def _place(label: str) -> np.ndarray:
    """The template (the camera scene over the whole 640 x 480 frame, its fittings) with
    the place's own four things over it at the same four spots."""
    out = cv2.resize(scene("camera"), (640, 480))
    for (x, y), name in zip(SPOTS, OWN[label], strict=True):
        out[y : y + 180, x : x + 240] = cv2.resize(scene(name), (240, 180))
    return out


def _views(folder: Path, label: str, which: tuple[str, ...]) -> None:
    img = _place(label)
    made = {
        "orig": lambda: png_bytes(img),
        "persp": lambda: jpeg_bytes(perspective(img, 0.08, 3)[0], 85),
        "light": lambda: jpeg_bytes(lighting(perspective(img, 0.05, 5)[0], 0.8, 1.2), 85),
        "mirror": lambda: jpeg_bytes(
            np.ascontiguousarray(perspective(img, 0.06, 7)[0][:, ::-1]), 85
        ),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for view in which:
        suffix = "png" if view == "orig" else "jpg"
        (folder / f"{label}_{view}.{suffix}").write_bytes(made[view]())


def _place_of(store: LinkStore) -> dict[str, str]:
    return {i.id: Path(i.path).name[0] for i in store.items.values()}


@pytest.fixture(scope="module")
def look_alikes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lookalikes") / "in"
    for label in OWN:
        _views(folder, label, ("orig", "persp", "light", "mirror"))
    return folder


def test_links_between_places_built_from_one_template_are_refused(
    look_alikes: Path, tmp_path: Path
) -> None:
    off_store = LinkStore.open(tmp_path / "off", create=True)
    off = build(
        off_store,
        [look_alikes],
        options=LinkOptions(conflict=replace(DEFAULT_CONFLICT, enabled=False)),
    )
    place = _place_of(off_store)
    across = [x for x in off_store.links.values() if place[x.a] != place[x.b]]
    # Without the test the template links the two places, and they are one group.
    assert off.conflict_links == 0 and len(across) >= 8
    assert any(
        {place[m] for m in g.members} == {"a", "b"} for g in groups(off_store) if g.kind == "place"
    )

    on_store = LinkStore.open(tmp_path / "on", create=True)
    on = build(on_store, [look_alikes])
    place = _place_of(on_store)
    links = list(on_store.links.values())
    assert all(place[x.a] == place[x.b] for x in links)
    assert on.conflict_links == len(across) and on.conflict_verified == 0
    # Every link within a place is kept, the mirrored views' too (their descriptors are
    # compared as matched).
    within = {x.key for x in off_store.links.values() if place[x.a] == place[x.b]}
    assert {x.key for x in links} == within
    assert any(x.mirrored for x in links)
    found = sorted(
        sorted(place[m] for m in g.members) for g in groups(on_store) if g.kind == "place"
    )
    assert found == [["a"] * 4, ["b"] * 4]
    records = [r for r in on_store.shared_objects() if r.get("conflict")]
    assert len(records) == on.conflict_links
    for r in records:
        assert place[r["a"]] != place[r["b"]]
        assert all(m >= 0.6 * c for m, c in zip(r["missing"], r["confirmed"], strict=True))
    # The ``--out`` document lists them for a reviewer, with the test that refused them.
    refused = export(on_store)["refused_links"]
    assert len(refused) == on.conflict_links
    assert {r["refused"] for r in refused} == {"conflict"}
    assert {(r["a"], r["b"]) for r in refused} == {(r["a"], r["b"]) for r in records}
    assert refusing_test({"common_content": True}) == "common_content"
    assert refusing_test({"holders": []}) == "shared_object"
    assert "built alike" in refusal_in_words(refused[0])
    # GraphML: an edge of kind "refused" per refused pair, beside the links.
    graph = ET.fromstring(to_graphml(on_store))
    kinds = [
        {d.get("key"): d.text for d in e.findall(f"{{{NS}}}data")}
        for e in graph.iter(f"{{{NS}}}edge")
    ]
    assert sum(k["edge_link"] == "refused" for k in kinds) == len(records)
    assert {k.get("edge_refused") for k in kinds if k["edge_link"] == "refused"} == {"conflict"}
    assert sum(k["edge_link"] == "place" for k in kinds) == len(links)
    # A pair refused again is listed once; a pair linked since is not listed.
    on_store.add_shared_objects(records[:1])
    assert len(refused_links(on_store)) == len(records)
    on_store.add_links([Link.from_json(records[0])])
    assert len(refused_links(on_store)) == len(records) - 1


def test_the_second_rule_alone_tells_the_two_places_apart(
    look_alikes: Path, tmp_path: Path
) -> None:
    """With the first rule's share out of reach (all confirmed keypoints missing), the
    strongly confirmed ones (each place's own things, matched by its three other views)
    still refuse every link the template made; with the second rule off too, they
    stay."""
    only_strong = replace(DEFAULT_CONFLICT, max_missing=1.0)
    store = LinkStore.open(tmp_path / "strong", create=True)
    summary = build(store, [look_alikes], options=LinkOptions(conflict=only_strong))
    place = _place_of(store)
    assert summary.conflict_links >= 8
    assert all(place[x.a] == place[x.b] for x in store.links.values())
    records = [r for r in store.shared_objects() if r.get("conflict")]
    assert records and {r["rule"] for r in records} == {"strong"}
    for r in records:
        assert place[r["a"]] != place[r["b"]]
        for m, c in zip(r["strong_missing"], r["strong_confirmed"], strict=True):
            assert m >= 10 and m >= 0.4 * c
    assert "three or more of its other links" in refusal_in_words(refused_links(store)[0])

    neither = LinkOptions(conflict=replace(only_strong, strong_links=0))
    store = LinkStore.open(tmp_path / "neither", create=True)
    assert build(store, [look_alikes], options=neither).conflict_links == 0
    place = _place_of(store)
    assert any(place[x.a] != place[x.b] for x in store.links.values())


def test_a_refusal_is_put_in_words_for_a_reviewer() -> None:
    conflict = {"missing": [14, 22], "confirmed": [20, 30], "conflict": True}
    assert "14 of 20 and 22 of 30 confirmed keypoints" in refusal_in_words(conflict)
    strong = conflict | {"rule": "strong", "strong_missing": [11, 12], "strong_confirmed": [25, 24]}
    assert (
        "(11 of 25 and 12 of 24 keypoints that three or more of its other links match)"
    ) in refusal_in_words(strong)
    common = {"common_content": True, "specific": [1, 3]}
    assert "(1 and 3 inliers specific to the pair)" in refusal_in_words(common)
    expanded = common | {"found_by": "second_round", "bar": 0.25, "own_share": 0.2}
    assert (
        "(1 and 3 inliers specific to the pair; found by query expansion, it needed 25% "
        "of each side's inliers its own)"
    ) in refusal_in_words(expanded)
    shared = {"holders": [{"item": "x"}, {"item": "y"}, {"item": "x"}]}
    assert "one object that 2 other pictures show too" in refusal_in_words(shared)


def _in_two_batches(look_alikes: Path, tmp_path: Path) -> tuple[Path, Path]:
    """a's pictures and b's original first, b's other pictures later."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for f in look_alikes.iterdir():
        target = first if f.name.startswith("a_") or f.name == "b_orig.png" else later
        shutil.copy(f, target / f.name)
    return first, later


@pytest.mark.parametrize("revisit", [False, True])
def test_the_test_confirms_with_stored_links_when_pictures_are_added_later(
    look_alikes: Path, tmp_path: Path, revisit: bool
) -> None:
    first, later = _in_two_batches(look_alikes, tmp_path)
    options = LinkOptions(conflict=replace(DEFAULT_CONFLICT, revisit=revisit))
    store = LinkStore.open(tmp_path / "store", create=True)
    build(store, [first], options=options)
    store = LinkStore.open(tmp_path / "store")
    place = _place_of(store)
    # The template alone links b's first picture to a's: b's own things are confirmed
    # by nothing yet, so these links are made.
    kept_before = {x.key for x in store.links.values() if place[x.a] != place[x.b]}
    assert kept_before
    summary = build(store, [later], options=options)
    store = LinkStore.open(tmp_path / "store")
    place = _place_of(store)
    assert summary.conflict_verified > 0  # a's stored links, verified again
    assert summary.conflict_links > 0  # the new pictures of b link to b only
    across = {x.key for x in store.links.values() if place[x.a] != place[x.b]}
    within = {x.key for x in store.links.values() if place[x.a] == place[x.b]}
    if not revisit:
        # Without revisiting, a link is kept for good once made.
        assert across == kept_before and summary.conflict_withdrawn == 0
        return
    # Asked again with what b's new links confirm, the first links are withdrawn, and
    # the store reads as two places, as one build of all the pictures leaves it.
    assert across == set() and summary.conflict_withdrawn == len(kept_before)
    found = sorted(sorted(place[m] for m in g.members) for g in groups(store))
    assert found == [["a"] * 4, ["b"] * 4]
    assert len(within) >= 8
    withdrawn = [r for r in refused_links(store) if r.get("withdrawn")]
    assert {("place", *sorted((r["a"], r["b"]))) for r in withdrawn} == kept_before
    # The link's own line stays in links.jsonl, followed by its withdrawal.
    lines = [json.loads(x) for x in (tmp_path / "store" / "links.jsonl").read_text().splitlines()]
    assert sum(bool(x.get("withdrawn")) for x in lines) == len(kept_before)


def test_link_build_reports_the_test_and_turns_it_off(look_alikes: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from safeguard.cli import app

    def run(store: str, *extra: str) -> dict[str, int]:
        args = ["link", "build", str(look_alikes), "--store", str(tmp_path / store)]
        result = CliRunner().invoke(app, [*args, "--no-faces", "--workers", "0", "--json", *extra])
        assert result.exit_code == 0, result.stderr
        out: dict[str, int] = json.loads(result.stdout)
        return out

    on, off = run("on"), run("off", "--no-conflict")
    assert on["conflict_links"] > 0 and off["conflict_links"] == 0
    assert off["place_links"] == on["place_links"] + on["conflict_links"]

"""Guided matching (``link.guided``) finds the correspondences a homography predicts and
no others, lifts a degraded re-photograph's near miss and not different scenes; ``build``
attaches a picture linked to nothing only where enough of one group agree; and
``verify(matches=...)`` verifies exactly the matches it is given."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
from scenes import crop, jpeg_bytes, lighting, perspective, png_bytes, scene

from safeguard.link.features import PlaceFeatures, features_from_pixels
from safeguard.link.graphml import to_graphml
from safeguard.link.guided import (
    DEFAULT_GUIDED,
    guided_matches,
    guided_verify,
    near_miss,
    plain_part,
)
from safeguard.link.linking import (
    DEFAULT_ATTACH,
    AttachOptions,
    BuildSummary,
    LinkOptions,
    attach_links,
    attach_task,
    build,
    cached_features,
    groups,
    query,
)
from safeguard.link.live import LiveLinker
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, verify
from safeguard.signals.local import tentative_matches


def _features(points: np.ndarray, descriptors: np.ndarray) -> PlaceFeatures:
    return PlaceFeatures(
        points.astype(np.float32), descriptors.astype(np.uint8), 400, 300, 1.0
    )  # fmt: skip


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_guided_matches_pair_each_keypoint_with_its_predicted_neighbour() -> None:
    rng = np.random.default_rng(3)
    n = 60
    pa = rng.uniform(20, 280, (n, 2))
    h = np.array([[1.1, 0.05, 12.0], [-0.04, 1.05, 7.0], [0.0, 0.0, 1.0]])
    pb_true = (np.c_[pa, np.ones(n)] @ h.T)[:, :2]
    # b: the true keypoints, shuffled, plus as many decoys 15-40 px away from them.
    decoys = pb_true + rng.uniform(15, 40, (n, 2)) * rng.choice([-1, 1], (n, 2))
    order = rng.permutation(2 * n)
    pb = np.r_[pb_true, decoys][order]
    da = rng.uniform(0, 1, (n, 128))
    # Each true partner is a noisy copy; each decoy a copy of the same descriptor,
    # noisier: the global nearest neighbour is often a decoy, never within the radius.
    db_all = np.r_[da + rng.normal(0, 0.05, (n, 128)), da + rng.normal(0, 0.02, (n, 128))]
    db = db_all[order]
    a = _features(pa, np.zeros((n, 128)))
    b = _features(pb, np.zeros((2 * n, 128)))
    found = guided_matches(a, b, _unit(da), _unit(db), h, radius=6.0, ratio=0.85)
    partner = {int(np.flatnonzero(order == i)[0]): i for i in range(n)}  # b index -> a index
    assert len(found) == n
    assert all(partner.get(int(j)) == int(i) for i, j in found)
    # A homography that puts every keypoint 30 px off finds decoys or nothing, not partners.
    off = h.copy()
    off[0, 2] += 30.0
    wrong = guided_matches(a, b, _unit(da), _unit(db), off, radius=6.0, ratio=0.85)
    assert not any(partner.get(int(j)) == int(i) for i, j in wrong)


def test_verify_uses_the_matches_it_is_given() -> None:
    rng = np.random.default_rng(5)
    n = 80
    pa = rng.uniform(20, 280, (n, 2))
    pb = pa + np.array([15.0, -8.0])
    d = rng.integers(0, 255, (n, 128))
    a, b = _features(pa, d), _features(pb, d)
    ra, rb = a.rootsift(), b.rootsift()
    plain = verify(a, b, rootsift_a=ra, rootsift_b=rb)
    given = verify(a, b, rootsift_a=ra, rootsift_b=rb, matches=tentative_matches(ra, rb))
    assert plain.inliers == given.inliers == n
    # Half of the matches given: half the inliers, whatever the ratio test would find.
    half = verify(
        a, b, rootsift_a=ra, rootsift_b=rb, matches=np.c_[np.arange(40), np.arange(40)]
    )  # fmt: skip
    assert half.matches == 40 and half.inliers == 40
    none = verify(a, b, rootsift_a=ra, rootsift_b=rb, matches=np.zeros((0, 2), np.int32))
    assert none.model == "none" and not none.linked


# --- on real pictures ------------------------------------------------------------------------


def _degraded(img: np.ndarray, sigma: float = 3.5, noise: float = 24.0) -> np.ndarray:
    """A dark, blurred, grainy crop: a re-photograph that the ratio test mostly loses."""
    g = cv2.GaussianBlur(crop(img, 0.8, 2), (0, 0), sigma).astype(np.float32) * 0.5
    g += np.random.default_rng(1).normal(0, noise, g.shape)
    return np.clip(g, 0, 255).astype(np.uint8)


def test_a_near_miss_of_a_degraded_re_photograph_links_guided() -> None:
    img = scene("coffee")
    a = features_from_pixels(perspective(img, 0.08)[0])
    b = features_from_pixels(_degraded(img))
    plain = verify(a, b)
    assert near_miss(plain) and not plain.linked
    assert 8 <= plain.inliers < DEFAULT_VERIFY.min_homography_inliers
    g = guided_verify(a, b, plain)
    assert g is not None and g.linked
    assert g.inliers >= 2 * plain.inliers
    # A pair that links plainly, or is refused by a later test, gets no guided pass.
    assert guided_verify(a, a, verify(a, a)) is None


def test_a_mirrored_near_miss_is_reported_in_the_pictures_own_frame() -> None:
    img = scene("coffee")
    a = features_from_pixels(perspective(img, 0.08)[0])
    b = features_from_pixels(np.ascontiguousarray(_degraded(img)[:, ::-1]))
    g = guided_verify(a, b, verify(a, b))
    assert g is not None and g.linked and g.mirrored
    assert g.homography is not None and g.inliers_a and g.inliers_b and g.region_b
    # The homography takes a's inliers to b's as b is stored (not to its mirror image) ...
    pa = a.points[np.asarray(g.inliers_a)].reshape(-1, 1, 2).astype(np.float64)
    pb = b.points[np.asarray(g.inliers_b)].astype(np.float64)
    landed = cv2.perspectiveTransform(pa, np.reshape(g.homography, (3, 3))).reshape(-1, 2)
    assert float(np.median(np.linalg.norm(landed - pb, axis=1))) < 3.0
    # ... and the matched region is where those inliers are in b's own frame.
    x0, y0, x1, y1 = g.region_b
    xs, ys = pb[:, 0] * b.scale, pb[:, 1] * b.scale
    assert (x0, y0, x1, y1) == (
        int(np.floor(xs.min())), int(np.floor(ys.min())),
        int(np.ceil(xs.max())), int(np.ceil(ys.max())),
    )  # fmt: skip


def test_different_scenes_do_not_link_guided() -> None:
    names = ["coffee", "astronaut", "camera", "chelsea", "rocket", "motorcycle_left"]
    plain = {n: features_from_pixels(perspective(scene(n), 0.08)[0]) for n in names}
    worse = {n: features_from_pixels(_degraded(scene(n))) for n in names}
    tried = 0
    for x in names:
        for y in names:
            if x == y:
                continue
            v = verify(plain[x], worse[y])
            g = guided_verify(plain[x], worse[y], v)
            tried += g is not None
            assert not v.linked and (g is None or not g.linked), (x, y)
    assert tried < 30  # most different pairs hold no seed at all


def test_build_attaches_a_picture_linked_to_nothing_to_the_group_two_pictures_agree_on(
    tmp_path: Path,
) -> None:
    img = scene("coffee")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "coffee.png").write_bytes(png_bytes(img))
    (folder / "coffee_persp.jpg").write_bytes(jpeg_bytes(perspective(img, 0.08)[0], 80))
    (folder / "coffee_light.jpg").write_bytes(jpeg_bytes(lighting(img), 80))
    for name in ("astronaut", "camera", "chelsea", "rocket"):
        other = scene(name)
        (folder / f"{name}.png").write_bytes(png_bytes(other))
        (folder / f"{name}_persp.jpg").write_bytes(jpeg_bytes(perspective(other, 0.08)[0], 80))
    dark = tmp_path / "later" / "coffee_dark.jpg"
    dark.parent.mkdir()
    dark.write_bytes(jpeg_bytes(_degraded(img), 90))
    first = LinkStore.open(tmp_path / "first", create=True)
    build(first, [folder])

    def add_dark(
        attach: AttachOptions, name: str
    ) -> tuple[BuildSummary, list[set[str]], LinkStore]:
        """The dark picture added to a copy of the first store (incremental)."""
        shutil.copytree(first.root, tmp_path / name)
        store = LinkStore.open(tmp_path / name)
        summary = build(store, [dark], options=LinkOptions(attach=attach))
        store = LinkStore.open(tmp_path / name)
        named = {i.id: Path(i.path).name for i in store.items.values()}
        found = [{named[m] for m in g.members} for g in groups(store) if g.kind == "place"]
        return summary, found, store

    coffee = {"coffee.png", "coffee_persp.jpg", "coffee_light.jpg"}
    off, without, plain_store = add_dark(replace(DEFAULT_ATTACH, candidates=0), "off")
    assert off.added == 1 and off.attached == 0 and off.attach_verified == 0
    assert coffee in without and not any("coffee_dark.jpg" in g for g in without)

    on, found, store = add_dark(DEFAULT_ATTACH, "on")
    assert on.attached == 1 and on.attach_verified > 0
    assert coffee | {"coffee_dark.jpg"} in found
    assert [g for g in found if "coffee.png" not in g] == [
        g for g in without if "coffee.png" not in g
    ]
    guided = [x for x in store.links.values() if x.guided]
    assert len(guided) >= DEFAULT_ATTACH.votes
    assert all(x.inliers and x.inliers >= DEFAULT_VERIFY.min_homography_inliers for x in guided)
    assert {x.found_by for x in guided} == {"attach"}
    assert Link.from_json(guided[0].to_json()) == guided[0]
    # GraphML marks them, so an analyst can filter them out.
    graph = to_graphml(store).decode()
    assert graph.count('<data key="edge_guided">true</data>') == len(guided)
    assert graph.count('<data key="edge_found_by">attach</data>') == len(guided)

    # With more votes asked than pictures agree, nothing is attached.
    strict, found_strict, _ = add_dark(replace(DEFAULT_ATTACH, votes=4), "strict")
    assert strict.attached == 0 and not any("coffee_dark.jpg" in g for g in found_strict)

    # ``link query`` attaches the same way: the dark picture, linked to nothing in the
    # store without attaching, is answered with guided links to the coffee group only.
    answer = query(plain_store, dark)
    names = {Path(m["path"]).name for m in answer.matches}
    assert len(names) >= DEFAULT_ATTACH.votes and names <= coffee
    assert all(m.get("guided") for m in answer.matches) and len(answer.groups) == 1
    bare = query(
        plain_store, dark, options=LinkOptions(attach=replace(DEFAULT_ATTACH, candidates=0))
    )
    assert bare.matches == [] and bare.groups == []


def test_a_stored_picture_alone_is_attached_when_its_group_comes_in_a_later_build(
    tmp_path: Path,
) -> None:
    """The dark picture stored first, with other places; the coffee pictures it attaches
    to come in a later build, which shortlists it and asks it again (in one build of all
    of them it is attached)."""
    img = scene("coffee")
    early, late = tmp_path / "early", tmp_path / "late"
    early.mkdir()
    late.mkdir()
    (early / "coffee_dark.jpg").write_bytes(jpeg_bytes(_degraded(img), 90))
    for name in ("astronaut", "camera", "chelsea", "rocket"):
        other = scene(name)
        (early / f"{name}.png").write_bytes(png_bytes(other))
        (early / f"{name}_persp.jpg").write_bytes(jpeg_bytes(perspective(other, 0.08)[0], 80))
    (late / "coffee.png").write_bytes(png_bytes(img))
    (late / "coffee_persp.jpg").write_bytes(jpeg_bytes(perspective(img, 0.08)[0], 80))
    (late / "coffee_light.jpg").write_bytes(jpeg_bytes(lighting(img), 80))
    store = LinkStore.open(tmp_path / "store", create=True)
    assert build(store, [early]).attached == 0
    store = LinkStore.open(store.root)
    # Each stored view's shortlist query is recorded for the later build.
    views = {(i.id, n) for i in store.items.values() for n in range(len(i.views))}
    assert set(store.nearest()) == views
    dark = next(i.id for i in store.items.values() if i.path.endswith("coffee_dark.jpg"))
    # Asked again with the same candidates in the same groups, it is not verified again;
    # a candidate linked in this build brings it back.
    same = attach_links(store, [], [], LinkOptions(), LocalRunner(), retry=[dark])
    assert same.verified == 0
    regrouped = [x for x in store.links.values() if x.kind == "place"][:1]
    assert attach_links(store, [], regrouped, LinkOptions(), LocalRunner(), retry=[dark]).verified
    summary = build(store, [late])
    assert summary.attached == 1
    store = LinkStore.open(store.root)
    named = {i.id: Path(i.path).name for i in store.items.values()}
    found = [{named[m] for m in g.members} for g in groups(store) if g.kind == "place"]
    coffee = {"coffee.png", "coffee_persp.jpg", "coffee_light.jpg", "coffee_dark.jpg"}
    assert coffee in found
    assert all(x.guided for x in store.links.values() if "coffee_dark.jpg" in
               {named[x.a], named[x.b]})  # fmt: skip


def _with(background: str, x: int, y: int, thing: np.ndarray) -> np.ndarray:
    """A 640 x 480 picture of ``background`` with ``thing`` pasted at (x, y)."""
    out = cv2.resize(scene(background), (640, 480))
    h, w = thing.shape[:2]
    out[y : y + h, x : x + w] = thing
    return out


def test_attaching_refuses_guided_links_that_rest_on_a_thing_many_places_have(
    tmp_path: Path,
) -> None:
    """A mass-produced thing (a framed print of the coffee scene) hangs in place A (three
    views, one group: attaching asks ``DEFAULT_ATTACH.votes`` of them) and in four other
    places (one picture each). A dark, blurred picture of a sixth place, showing the same
    print large, links to nothing plainly and guided to all of A's views, so attaching
    alone joins it to A. Its guided
    links' plain inliers are found in the other places' pictures: the common-content
    test refuses them, and the picture is attached nowhere."""
    thing = cv2.resize(scene("coffee")[40:360, 100:520], None, fx=0.5, fy=0.5)
    folder = tmp_path / "in"
    folder.mkdir()
    a = _with("astronaut", 380, 280, thing)
    (folder / "a.png").write_bytes(png_bytes(a))
    (folder / "a_persp.jpg").write_bytes(jpeg_bytes(perspective(a, 0.06)[0], 85))
    (folder / "a_persp2.jpg").write_bytes(jpeg_bytes(perspective(a, 0.04, 7)[0], 85))
    for name, x, y in (("camera", 40, 60), ("chelsea", 300, 40), ("rocket", 60, 250),
                       ("brick", 200, 200)):  # fmt: skip
        (folder / f"{name}.png").write_bytes(png_bytes(_with(name, x, y, thing)))
    big = cv2.resize(thing, None, fx=1.6, fy=1.6)
    dark = cv2.GaussianBlur(_with("page", 200, 120, big), (0, 0), 2.5).astype(np.float32) * 0.5
    dark += np.random.default_rng(1).normal(0, 18.0, dark.shape)
    other = tmp_path / "later" / "page_print_dark.jpg"
    other.parent.mkdir()
    other.write_bytes(jpeg_bytes(np.clip(dark, 0, 255).astype(np.uint8), 90))
    first = LinkStore.open(tmp_path / "first", create=True)
    build(first, [folder])

    def add(tests: bool) -> tuple[BuildSummary, LinkStore]:
        shutil.copytree(first.root, tmp_path / str(tests))
        store = LinkStore.open(tmp_path / str(tests))
        options = LinkOptions(attach=replace(DEFAULT_ATTACH, tests=tests))
        summary = build(store, [other], options=options)
        return summary, LinkStore.open(tmp_path / str(tests))

    # Without the tests, the picture is attached to A by guided links on the print.
    off, loose = add(False)
    guided = [x for x in loose.links.values() if x.guided]
    assert off.attached == 1 and off.place_links == len(guided) >= DEFAULT_ATTACH.votes
    # Counted over all their inliers, those links look specific to the pair: guided
    # inliers were chosen among a few neighbours, and other pictures' ratio-test matches
    # do not find them. Their plain inliers are a few of them.
    root = str(loose.root)
    for x in guided:
        ((_, w),) = attach_task(
            (root, [(x.a, x.view_a, x.b, x.view_b)], DEFAULT_VERIFY, DEFAULT_GUIDED, None)
        )
        assert w is not None and w.linked and w.inliers_a is not None
        plain = plain_part(
            w, cached_features(root, x.a)[x.view_a][1], cached_features(root, x.b)[x.view_b][1]
        )
        assert plain.inliers_a and set(plain.inliers_a) < set(w.inliers_a)
        assert len(plain.inliers_a) < w.inliers / 3

    # With them, those plain inliers are found in the other places: refused.
    on, strict = add(True)
    assert on.attached == 0 and on.place_links == 0
    assert on.attach_refused == len(guided)
    assert not any(x.guided for x in strict.links.values())
    records = [r for r in strict.shared_objects() if r.get("guided")]
    assert len(records) == len(guided) and all(r["common_content"] for r in records)

    # ``link query`` on the store without the picture answers the same way.
    loose_options = LinkOptions(attach=replace(DEFAULT_ATTACH, tests=False))
    assert len(query(first, other, options=loose_options).matches) >= DEFAULT_ATTACH.votes
    answer = query(first, other)
    assert answer.matches == []
    assert {r["refused"] for r in answer.refused if r.get("guided")} == {"common_content"}

    # So does live linking, on the picture as a frame.
    frame = cv2.cvtColor(cv2.imread(str(other)), cv2.COLOR_BGR2RGB)
    loose_live = LiveLinker(first, attach=replace(DEFAULT_ATTACH, tests=False))
    sightings = loose_live.on_frame(frame, 0.0)
    assert len(sightings) >= DEFAULT_ATTACH.votes and all(s.guided for s in sightings)
    assert LiveLinker(first).on_frame(frame, 0.0) == []

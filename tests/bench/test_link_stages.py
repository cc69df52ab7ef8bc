"""``bench/link.py``'s recall by stage counts what it says, on a store-shaped object whose
answers are known: which pictures reach their place in the shortlist, which are linked,
which are grouped -- per view kind."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from bench.link import equivalents, links_by_stage, pair_recall_ceiling, recall_by_stage
from bench.link_recall_stages import refusal

from safeguard.link.store import FaceRows, GlobalRows, Link
from safeguard.link.verify import Verification


@dataclass
class _Item:
    id: str
    path: str


class _Store:
    """What ``recall_by_stage`` reads of a ``LinkStore``: items, links, global rows."""

    def __init__(self, vectors: dict[str, list[float]], links: list[Link]) -> None:
        self.items = {i: _Item(i, f"/c/{i}.png") for i in vectors}
        self.links = {f"{x.a}-{x.b}": x for x in links}
        self._rows = GlobalRows(
            np.array(list(vectors), "U16"),
            np.zeros(len(vectors), np.int32),
            np.array(list(vectors.values()), np.float16),
        )

    def global_rows(self) -> GlobalRows:
        return self._rows

    def face_rows(self) -> FaceRows:
        return FaceRows.empty()


def test_recall_by_stage_counts_reach_links_and_groups_per_view_kind() -> None:
    # Two places, A and B, three pictures each; one lone picture C (not counted).
    # A's webcam view looks like B (its nearest picture is B's), so it reaches its place
    # at k = 5 but not at k = 1; nothing links it. B's doorway view reaches B but its
    # only link goes to A's webcam view: a wrong link, not a right one.
    e = np.eye(4)
    v = {
        "A__original": e[0] + 0.05 * e[3],
        "A__lamp": e[0] + 0.1 * e[2],
        "A__webcam": e[1] + 0.3 * e[0],
        "B__original": e[1],
        "B__lamp": e[1] + 0.1 * e[2],
        "B__doorway": e[1] + 0.2 * e[3],
        "C__original": e[2] + e[3],
    }
    vectors = {k: list(x / np.linalg.norm(x)) for k, x in v.items()}
    links = [
        Link("place", "A__original", "A__lamp", 1.0, inliers=90),
        Link("place", "B__original", "B__lamp", 1.0, inliers=80),
        Link("place", "A__webcam", "B__doorway", 1.0, inliers=20),
    ]
    truth = {f"{k}.png": k.split("__")[0] for k in v}
    out = recall_by_stage(_Store(vectors, links), truth)  # type: ignore[arg-type]
    assert out["pictures"] == 6  # C has no other picture of its place
    assert out["per_view_kind_pictures"] == {
        "all": 6, "doorway": 1, "lamp": 2, "original": 2, "webcam": 1
    }  # fmt: skip
    assert out["reach_at_1"]["webcam"] == 0.0
    assert out["reach_at_5"]["webcam"] == 1.0
    assert out["reach_at_1"]["original"] == 1.0
    assert out["linked"] == {
        "all": round(4 / 6, 4), "doorway": 0.0, "lamp": 1.0, "original": 1.0, "webcam": 0.0
    }  # fmt: skip
    # The wrong link puts A's webcam and B's doorway in one group of two places, with
    # no other picture of either place: neither is grouped with its own place.
    assert out["grouped"]["webcam"] == 0.0 and out["grouped"]["doorway"] == 0.0
    assert out["grouped"]["original"] == 1.0
    # Same-place pairs in someone's top 5: all 6 of A's and B's; 2 of them linked.
    assert out["shortlisted_pairs"] == 6
    assert out["shortlisted_pairs_linked"] == round(2 / 6, 4)


def test_pair_recall_ceiling_of_a_perfect_symmetric_shortlist() -> None:
    # Places no larger than k + 1: every pair fits in the shortlist.
    assert pair_recall_ceiling([6, 6, 2], 5) == 1.0
    # 11 pictures at k = 5: 55 pairs for 55 slots, and mutual choices waste some.
    eleven = pair_recall_ceiling([11] * 3, 5, trials=100)
    assert 0.5 < eleven < 0.7
    # Mixed sizes weigh by pairs: one place of 6 (15 pairs, all found) and one of 11.
    mixed = pair_recall_ceiling([6, 11], 5, trials=100)
    assert mixed > eleven


def test_refusal_names_the_first_test_that_turned_a_pair_down() -> None:
    def v(**kw: object) -> Verification:
        base: dict[str, object] = dict(
            model="homography", inliers=60, matches=100, score=0.1, linked=False,
            linked_before_repeat_tests=True, distinct=50, cells=20,
            overlap_support=0.5, overlap_cover=0.5, region_cover=0.2,
        )  # fmt: skip
        return Verification(**(base | kw))  # type: ignore[arg-type]

    assert refusal(v(linked=True, region_cover=0.9)) == "linked"
    assert refusal(v(matches=5)) == "fewer_than_8_matches"
    assert refusal(v(linked_before_repeat_tests=False)) == "too_few_inliers_or_ratio"
    assert refusal(v(distinct=10)) == "distinct_inliers_test"
    assert refusal(v(cells=3)) == "cells"
    assert refusal(v(model="fundamental", cells=10)) == "fundamental_cells"
    assert refusal(v(model="fundamental", inliers=60, matches=100)) == "fundamental_inlier_ratio"
    assert refusal(v(overlap_support=0.01)) == "overlap_support"
    assert refusal(v(overlap_cover=0.05)) == "overlap_cover"
    assert refusal(v()) == "region_cover"


def test_verification_cpu_against_all_pairs_weighs_each_step_by_its_cost() -> None:
    against = {
        "all_pairs_verifications": 1_000_000,
        "shortlist_verifications": 10_000,
        "common_matchings": 40_000,
    }
    cost = {
        "ms_per_random_pair_verification": 10.0,
        "ms_per_shortlisted_verification": 20.0,
        "ms_per_partial_matching": 2.5,
    }
    out = equivalents(against, cost)
    # build: 10,000 x 20 ms + 40,000 x 2.5 ms = 300 s; all pairs 1e6 x 10 ms = 10,000 s
    assert out["verification_stage_seconds_one_core_estimated"] == 300.0
    assert out["all_pairs_seconds_one_core_same_run"] == 10_000.0
    assert out["less_verification_cpu_x"] == round(10_000 / 300, 1)
    assert equivalents(against, cost | {"ms_per_partial_matching": None}) == {}


def test_links_are_counted_by_the_stage_that_found_them() -> None:
    label = {"a": "x", "b": "x", "c": "y", "d": "y"}
    links = [
        Link("place", "a", "b", 0.5, found_by="shortlist"),
        Link("place", "a", "c", 0.5, found_by="votes"),
        Link("place", "c", "d", 0.5, found_by="votes"),
        Link("place", "b", "d", 0.5),
    ]
    assert links_by_stage(links, label) == {
        "shortlist": {"links": 1, "wrong": 0},
        "unknown": {"links": 1, "wrong": 1},
        "votes": {"links": 2, "wrong": 1},
    }

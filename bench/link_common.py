"""The common-content test (``link.common``) on a built link store: re-verify its wrong
place links (different places, by the collection's truth) and a sample of right ones,
count for each side's inliers in how many other items they are found
(``linking.common_counts``, the store's links standing for the known ones), and for a
grid of ``min_holders`` x ``min_specific_share`` say how many wrong links the test refuses and
how many right links it loses: with each inlier labelled on its own (the rule before
regions, ``CommonOptions(neighbours=1)``) and by its region (``common.regional``, the
default). Wrong links are also broken down by the kinds of the two places (generator v7:
``place_kind``; v6: twin rooms or not).

    python -m bench.link_common --root bench/.cache/link/link-v7-heldout --store store-2 \\
        --right 400 --name link-common-v7

Reads the store only; prints JSON and writes ``bench/results/<name>.json``. The stores
are development data (seen).
"""

from __future__ import annotations

import importlib
import os
import time
from collections import Counter
from typing import Any

import numpy as np

from bench.link_reverify import labelled_place_links, labelled_store_parser
from bench.machine import cpu_model, emit
from safeguard.link.common import (
    DEFAULT_COMMON,
    CommonOptions,
    common_content,
    own_share,
    regional,
    specific_share,
)
from safeguard.link.linking import LinkOptions, cached_features, common_counts, place_link
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import Verification, verify

HOLDERS = (1, 2, 3, 4)
SHARES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.33, 0.4)
REGIONAL_SHARES = (0.05, 0.1, 0.12, 0.15, 0.2)


def kind_of(label: str) -> str:
    seed = int(label[-5:])
    for version in (18, 17, 16):  # their look-alikes are kinds of their own
        if label.startswith(f"roomv{version}-"):
            module = importlib.import_module(f"bench.link_rooms_v{version}")
            kind = str(module.place_kind(seed))
            return f"{kind} (look-alike)" if module.is_distractor(seed) else kind
    if label.startswith("roomv7-"):
        from bench.link_rooms_v7 import place_kind

        return place_kind(seed)
    if label.startswith("roomv9-"):
        from bench.link_rooms_v9 import place_kind as kind_v9

        return kind_v9(seed)
    if label.startswith("roomv8-"):
        return "room"
    if label.startswith("roomv6-"):
        from bench.link_rooms_v6 import is_twin

        return "twin" if is_twin(seed) else "room"
    return "room"


def reverified(store: LinkStore, links: list[Link]) -> list[tuple[Link, Verification]]:
    out = []
    for x in links:
        fa, ra = cached_features(str(store.root), x.a)[x.view_a]
        fb, rb = cached_features(str(store.root), x.b)[x.view_b]
        v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        if v.linked:
            out.append((place_link(x.a, x.view_a, x.b, x.view_b, v), v))
    return out


Counts = list[tuple[Any, Any]]


def auc(right: list[float], wrong: list[float]) -> float | None:
    """The chance that a right link ranks above a wrong one (ties half)."""
    if not right or not wrong:
        return None
    r, w = np.asarray(right)[:, None], np.asarray(wrong)[None, :]
    return round(float((r > w).mean() + 0.5 * (r == w).mean()), 3)


def ranking(
    right: list[tuple[Link, Verification]],
    wrong: list[tuple[Link, Verification]],
    right_counts: Counts,
    wrong_counts: Counts,
    ordinary: list[bool],
) -> dict[str, dict[str, float | None]]:
    """How well each piece of evidence ranks right links above wrong ones for a reviewer
    (AUC over all wrong links, and over those between ordinary places): the own share
    (``common.own_share``, by region) beside the inliers and the score."""
    values = {
        "own_share": (
            [own_share(a, b) for a, b in right_counts],
            [own_share(a, b) for a, b in wrong_counts],
        ),
        "inliers": ([float(v.inliers) for _, v in right], [float(v.inliers) for _, v in wrong]),
        "score": ([v.score for _, v in right], [v.score for _, v in wrong]),
    }
    return {
        name: {
            "all_wrong": auc(r, w),
            "wrong_between_ordinary_places": auc(
                r, [x for x, o in zip(w, ordinary, strict=True) if o]
            ),
        }
        for name, (r, w) in values.items()
    }


def grid(counts: Counts) -> dict[str, int]:
    """Links refused for each ``min_holders/min_specific_share``, each inlier on its own."""
    return {
        f"{m}/{s}": sum(
            common_content(a, b, CommonOptions(min_holders=m, min_specific_share=s))
            for a, b in counts
        )
        for m in HOLDERS
        for s in SHARES
    }


def by_region(
    store: LinkStore, checked: list[tuple[Link, Verification]], counts: Counts, holders: int
) -> Counts:
    """``counts`` taken over each inlier's region (``common.regional``) with
    ``min_holders`` = ``holders``."""
    options = CommonOptions(min_holders=holders)
    out = []
    for (x, v), (ca, cb) in zip(checked, counts, strict=True):
        sides = []
        for item, view, idx, c in (
            (x.a, x.view_a, v.inliers_a, ca),
            (x.b, x.view_b, v.inliers_b, cb),
        ):
            points = cached_features(str(store.root), item)[view][0].points
            sides.append(regional(points[np.asarray(idx or [], np.int64)], c, options))
        out.append((sides[0], sides[1]))
    return out


def regional_grid(
    store: LinkStore, checked: list[tuple[Link, Verification]], counts: Counts
) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in HOLDERS:
        for s in REGIONAL_SHARES:
            options = CommonOptions(min_holders=m, min_specific_share=s)
            out[f"{m}/{s}"] = sum(
                common_content(a, b, options) for a, b in by_region(store, checked, counts, m)
            )
    return out


def main() -> None:
    parser = labelled_store_parser(__doc__.split("\n\n")[0], 400)
    parser.add_argument("--candidates", type=int, default=DEFAULT_COMMON.candidates)
    parser.add_argument("--dump", default=None, help="write every link's counts to this .npz")
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, label, _place, wrong, sample = labelled_place_links(
        args.root, args.store, args.right, args.seed
    )
    options = LinkOptions(common=CommonOptions(candidates=args.candidates, neighbours=1))
    wrong_v = reverified(store, wrong)
    right_v = reverified(store, sample)
    wrong_c, wrong_searched = common_counts(store, wrong_v, [], options, LocalRunner())
    right_c, right_searched = common_counts(store, right_v, [], options, LocalRunner())
    kinds = ["+".join(sorted({kind_of(label[x.a]), kind_of(label[x.b])})) for x, _ in wrong_v]
    wrong_r = by_region(store, wrong_v, wrong_c, DEFAULT_COMMON.min_holders)
    right_r = by_region(store, right_v, right_c, DEFAULT_COMMON.min_holders)
    default = [common_content(a, b, DEFAULT_COMMON) for a, b in wrong_r]
    if args.dump:
        arrays: dict[str, Any] = {}
        for name, c in (("wrong", wrong_c), ("right", right_c)):
            for n, (a, b) in enumerate(c):
                arrays[f"{name}_{n}_a"], arrays[f"{name}_{n}_b"] = a, b
        arrays["wrong_kinds"] = np.array(kinds)
        np.savez(args.dump, **arrays)
    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "candidates": args.candidates,
        "wrong_links": len(wrong),
        "wrong_linked_today": len(wrong_v),
        "right_sampled": len(sample),
        "right_linked_today": len(right_v),
        "matchings": {"wrong": wrong_searched, "right": right_searched},
        "each_inlier_on_its_own": {
            "refused_wrong_by_min_holders/min_specific_share": grid(wrong_c),
            "lost_right_by_min_holders/min_specific_share": grid(right_c),
        },
        "by_region": {
            "neighbours": DEFAULT_COMMON.neighbours,
            "refused_wrong_by_min_holders/min_specific_share": regional_grid(
                store, wrong_v, wrong_c
            ),
            "lost_right_by_min_holders/min_specific_share": regional_grid(store, right_v, right_c),
        },
        "default": {
            "min_holders": DEFAULT_COMMON.min_holders,
            "min_specific_share": DEFAULT_COMMON.min_specific_share,
            "refused_wrong": sum(default),
            "lost_right": sum(common_content(a, b, DEFAULT_COMMON) for a, b in right_r),
        },
        "ranking_auc_right_over_wrong": ranking(
            right_v, wrong_v, right_r, wrong_r, ["look-alike" not in k for k in kinds]
        ),
        "wrong_by_kind": dict(Counter(kinds)),
        "wrong_refused_by_kind_default": dict(
            Counter(k for k, r in zip(kinds, default, strict=True) if r)
        ),
        "specific_share_fewer_side_percentiles_10_50_90_default": {
            name: [
                round(float(x), 3)
                for x in np.percentile(
                    [min(specific_share(a), specific_share(b)) for a, b in c] or [0],
                    [10, 50, 90],
                )
            ]
            for name, c in (("wrong", wrong_r), ("right", right_r))
        },
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

"""The conflict test (``link.conflict``) on built stores, as a build would have run it.

Places built from one template (allotment sheds of one site, rooms of one chain) made 115
of held-out v20's 123 wrong links. For each stored build this takes its plain place links
(the attached ones are made after the test), verifies them again for their inliers and
measures each side (``linking.conflict_sides``) with the other plain links as
confirmation, as ``build`` does after the common-content test. It prints, per store:

- the wrong links refused (within look-alike groups and between ordinary places) and the
  right links lost by the first rule alone, at each ``--max-missing``;
- what that does to the build's own measures (``bench.link.link_quality``: same-place pairs
  in one group, wrong links, groups mixing places), the attached links kept as they are;
- the right links lost by the views of their two pictures;
- ``both_rules``: the build's test with its second rule (strongly confirmed keypoints,
  ``--strong K:SHARE``): links refused by each rule, wrong ones refused, right ones lost,
  and the build's measures after;
- ``one_sided``: the rule a query could apply (``link query``, live linking), where the
  new picture has no links and only its stored partner's side can be measured. Each link
  is counted twice, once with each side as the stored one: refused when that side alone
  misses ``--max-missing`` and ``min_missing``.

    python -m bench.link_conflict --name link-v20-heldout:v20 --name link-v19-rerun:v19

Reads the stores only (development data: every generator named here has been seen);
prints JSON and writes ``bench/results/link-conflict-<generator>.json``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from multiprocessing import Pool
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link import link_quality  # noqa: E402
from bench.link_attach_refusals import _Without  # noqa: E402
from bench.link_region_band import _seed, open_build  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.conflict import (  # noqa: E402
    DEFAULT_CONFLICT,
    ConflictOptions,
    Missing,
    conflict_rule,
    conflicting,
)
from safeguard.link.linking import LinkOptions, conflict_sides, verify_task  # noqa: E402
from safeguard.link.store import Link  # noqa: E402
from safeguard.link.verify import DEFAULT_VERIFY, Verification  # noqa: E402

A = TypeVar("A")
R = TypeVar("R")


class _PoolRunner:
    """``TaskRunner`` over a process pool, results in order."""

    def __init__(self, pool: Any) -> None:
        self._pool = pool

    def map(self, fn: Callable[[A], R], args: Sequence[A]) -> Iterator[R]:
        return iter(self._pool.imap(fn, args))


QUALITY = (
    "place_links",
    "wrong_links",
    "pair_recall_in_groups",
    "groups_mixing_places",
    "largest_place_group",
)


def _quality(measures: dict[str, Any]) -> dict[str, Any]:
    """The build measures (``bench.link.link_quality``) this bench reports."""
    return {k: measures[k] for k in QUALITY}


def _view(filename: str) -> str:
    return filename.split("__", 1)[1].rsplit(".", 1)[0]


def _alone(side: Missing, options: ConflictOptions) -> bool:
    """Whether one side would refuse a link by itself (``conflicting``'s bar for a side)."""
    return side.missing >= options.min_missing and side.share >= options.max_missing


def measure(
    name: str,
    generator: str,
    shares: list[float],
    workers: int,
    strong: Sequence[tuple[int, float]] = (),
) -> dict[str, Any]:
    store, truth, file, look_alike = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    plain = [x for x in store.links.values() if x.kind == "place" and not x.guided]
    start = time.perf_counter()
    with Pool(workers) as pool:
        runner = _PoolRunner(pool)
        pairs = [(x.a, x.view_a, x.b, x.view_b) for x in plain]
        batches = [
            (str(store.root), pairs[i : i + 16], DEFAULT_VERIFY) for i in range(0, len(pairs), 16)
        ]
        found = [v for result in runner.map(verify_task, batches) for _, v in result]
        checked: list[tuple[Link, Verification]] = [
            (x, v) for x, v in zip(plain, found, strict=True) if v.linked
        ]
        only = _Without(store, {k: x for k, x in store.links.items() if x.kind != "place"})
        checked, sides, _ = conflict_sides(only, checked, LinkOptions(), runner)  # type: ignore[arg-type]
        # The second rule's counts for each strong_links asked (the default's are above).
        sides_by_k = {DEFAULT_CONFLICT.strong_links: sides}
        for k in sorted({k for k, _ in strong} - set(sides_by_k)):
            with_k = LinkOptions(conflict=replace(DEFAULT_CONFLICT, strong_links=k))
            sides_by_k[k] = conflict_sides(only, checked, with_k, runner)[1]  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    by_share = {}
    for share in shares:
        # The first rule alone, as before the second rule was added.
        o = replace(DEFAULT_CONFLICT, max_missing=share, strong_links=0)
        by_share[share] = {
            x.key for (x, _), (ma, mb) in zip(checked, sides, strict=True) if conflicting(ma, mb, o)
        }

    def alike(x: Link) -> bool:
        return (
            look_alike is not None and look_alike(_seed(file[x.a])) and look_alike(_seed(file[x.b]))
        )

    before = link_quality(store, truth)
    rows = {}
    for share, refused in by_share.items():
        gone = [x for x in plain if x.key in refused]
        wrong = [x for x in gone if label[x.a] != label[x.b]]
        right = [x for x in gone if label[x.a] == label[x.b]]
        after = link_quality(
            _Without(store, {k: x for k, x in store.links.items() if k not in refused}),  # type: ignore[arg-type]
            truth,
        )
        rows[str(share)] = {
            "wrong_refused": len(wrong),
            "wrong_refused_look_alike": sum(map(alike, wrong)),
            "right_lost": len(right),
            "right_lost_by_views": dict(
                Counter(
                    "/".join(sorted((_view(file[x.a]), _view(file[x.b])))) for x in right
                ).most_common(6)
            ),
            "after": _quality(after),
        }
    by_strong = {}
    for k, share in strong:
        o = replace(DEFAULT_CONFLICT, strong_links=k, max_missing_strong=share)
        rules = {
            x.key: rule
            for (x, _), (ma, mb) in zip(checked, sides_by_k[k], strict=True)
            if (rule := conflict_rule(ma, mb, o)) is not None
        }
        gone = [x for x in plain if x.key in rules]
        wrong = [x for x in gone if label[x.a] != label[x.b]]
        after = link_quality(
            _Without(store, {key: x for key, x in store.links.items() if key not in rules}),  # type: ignore[arg-type]
            truth,
        )
        by_strong[f"{k}:{share}"] = {
            "strong_links": k,
            "max_missing_strong": share,
            "refused": len(gone),
            "refused_by_rule": dict(Counter(rules.values())),
            "wrong_refused": len(wrong),
            "wrong_refused_look_alike": sum(map(alike, wrong)),
            "right_lost": len(gone) - len(wrong),
            "after": _quality(after),
        }
    one_sided = {}
    for share in shares:
        o = replace(DEFAULT_CONFLICT, max_missing=share, strong_links=0)
        counts = Counter(
            (label[x.a] == label[x.b], _alone(m, o))
            for (x, _), pair in zip(checked, sides, strict=True)
            for m in pair
        )
        one_sided[str(share)] = {
            "wrong_refused": counts[False, True],
            "wrong": counts[False, True] + counts[False, False],
            "right_lost": counts[True, True],
            "right": counts[True, True] + counts[True, False],
        }
    wrong_plain = [x for x in plain if label[x.a] != label[x.b]]
    return {
        "store": name,
        "generator": generator,
        "plain_links": len(plain),
        "verified_again_linked": len(checked),
        "wrong_plain_links": len(wrong_plain),
        "wrong_plain_look_alike": sum(map(alike, wrong_plain)),
        "before": _quality(before),
        "by_max_missing": rows,
        "both_rules": by_strong,
        "one_sided": one_sided,
        "seconds": round(seconds, 1),
        "workers": workers,
        "cpu": cpu_model(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--name", action="append", required=True,
        help="STORE:GENERATOR, a build under bench/.cache/link (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--max-missing", type=float, action="append", default=None,
        help="shares to try (default: 0.55, 0.6, 0.65, 0.7)",
    )  # fmt: skip
    parser.add_argument(
        "--strong", action="append", default=None, metavar="K:SHARE",
        help="both rules, the second with strong_links K and max_missing_strong SHARE "
        "(default: 3:0.3, 3:0.35, 3:0.4, 3:0.45, 5:0.25, 5:0.4)",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    shares = args.max_missing or [0.55, 0.6, 0.65, 0.7]
    strong = [
        (int(k), float(t))
        for k, _, t in (
            x.partition(":")
            for x in args.strong or ["3:0.3", "3:0.35", "3:0.4", "3:0.45", "5:0.25", "5:0.4"]
        )
    ]
    os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")
    for spec in args.name:
        name, generator = spec.split(":")
        result = measure(name, generator, shares, args.workers, strong)
        emit(result, f"link-conflict-{generator}")


if __name__ == "__main__":
    main()

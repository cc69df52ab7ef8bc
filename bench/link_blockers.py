"""What keeps a picture out of every place link, on built stores (development data).

For each stored build, every picture that no place link reaches is verified again
against each other picture of its own place (the generator's truth), and the pair that
came closest to a link is kept: a pair that links first, then the most inliers. Each
picture is then counted under one reason, by its view kind:

- ``no_view``: the picture gave no view (nothing decoded or no keypoints);
- ``would_link``: its best pair passes ``verify`` as it is. The build then either never
  verified that pair (``not_tried``: the shortlist, the second round and the votes did
  not bring it) or refused it afterwards (``refused_by``: the shared-object, common-
  content or conflict test, from the store's ``objects.jsonl``);
- ``few_inliers``: fewer inliers than the chosen model needs;
- ``geometry``: enough inliers, but the inlier ratio or their spread failed;
- otherwise the tests for repeated patterns and shared objects that failed, joined by
  ``+`` (``failed_tests``): ``distinct`` (too few distinctive inliers), ``cells``,
  ``f_ratio`` and ``f_neighbours`` (fundamental-matrix links), ``support`` and
  ``cover`` (a homography's overlap), ``region`` (the region cover, by area).

A picture counted under a test is one that test refuses against every picture of its
own place; relaxing it is what could link the picture, and what it would let through
between different places is measured elsewhere (``bench.link_region_band``).

    python -m bench.link_blockers --name link-v30-heldout:v30 --out link-blockers-v30

Reads the stores only; prints JSON and, with ``--out NAME``, writes
``bench/results/NAME.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link_found_by import view_kind  # noqa: E402
from bench.link_neighbours import add_store_names  # noqa: E402
from bench.link_region_band import open_build  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.linking import cached_features  # noqa: E402
from safeguard.link.verify import DEFAULT_VERIFY, Verification, VerifyOptions, verify  # noqa: E402


def failed_tests(v: Verification, options: VerifyOptions = DEFAULT_VERIFY) -> str:
    """Why ``v`` is not a link: ``linked``, ``few_inliers``, ``geometry``, or the
    repeated-pattern and overlap tests it failed joined by ``+`` (``other`` when none of
    those named here explains it, e.g. the textured cover)."""
    if v.linked:
        return "linked"
    need = (
        options.min_fundamental_inliers
        if v.model == "fundamental"
        else options.min_homography_inliers
    )
    if v.model == "none" or v.inliers < need:
        return "few_inliers"
    if not v.linked_before_repeat_tests:
        return "geometry"
    failed = []
    if v.distinct is not None and v.distinct < options.min_distinct_fraction * v.inliers:
        failed.append("distinct")
    if v.cells is not None and (
        v.cells < options.min_cells
        or (v.model == "fundamental" and v.cells < options.min_fundamental_cells)
    ):
        failed.append("cells")
    if v.model == "fundamental":
        if v.inliers < options.min_fundamental_inlier_ratio * v.matches:
            failed.append("f_ratio")
        if v.neighbours is not None and v.neighbours < options.min_fundamental_neighbours:
            failed.append("f_neighbours")
    if v.overlap_support is not None and v.overlap_support < options.min_overlap_support:
        failed.append("support")
    if v.overlap_cover is not None and v.overlap_cover < options.min_overlap_cover:
        failed.append("cover")
    if v.region_cover is not None and not (
        v.region_cover >= options.min_region_cover
        or (
            0 < options.region_cover_inliers <= v.inliers
            and v.region_cover >= options.min_region_cover_many
        )
    ):
        failed.append("region")
    return "+".join(failed) or "other"


def closest(results: Sequence[tuple[str, Verification]]) -> tuple[str, Verification] | None:
    """The pair that came closest to a link: a link first, then the most inliers."""
    return max(results, key=lambda r: (r[1].linked, r[1].inliers), default=None)


_root = ""


def _init(root: str) -> None:
    global _root
    _root = root


def _best(job: tuple[str, list[str]]) -> tuple[str, str | None, dict[str, Any] | None]:
    item, partners = job
    views = cached_features(_root, item)
    if not views:
        return item, None, None
    fa, ra = views[0]
    results = []
    for other in partners:
        theirs = cached_features(_root, other)
        if theirs:
            fb, rb = theirs[0]
            results.append((other, verify(fa, fb, rootsift_a=ra, rootsift_b=rb)))
    best = closest(results)
    if best is None:
        return item, None, None
    other, v = best
    return item, other, {"reason": failed_tests(v), "inliers": v.inliers, "model": v.model}


def refusals(root: Path) -> dict[frozenset[str], str]:
    """The store's refused links (``objects.jsonl``) by their two items: which test."""
    out: dict[frozenset[str], str] = {}
    path = root / "objects.jsonl"
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        x = json.loads(line)
        test = "shared_object" if "holders" in x else "conflict" if "missing" in x else "common"
        out[frozenset((x["a"], x["b"]))] = test
    return out


def measure(name: str, generator: str, workers: int) -> dict[str, Any]:
    store, truth, file, _ = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    linked = {m for x in store.links.values() if x.kind == "place" for m in (x.a, x.b)}
    by_place: dict[str, list[str]] = defaultdict(list)
    for i in sorted(file):
        by_place[label[i]].append(i)
    alone = [i for i in sorted(file) if i not in linked and len(by_place[label[i]]) > 1]
    jobs = [(i, [j for j in by_place[label[i]] if j != i]) for i in alone]
    t = time.perf_counter()
    with Pool(workers, initializer=_init, initargs=(str(store.root),)) as pool:
        found = pool.map(_best, jobs, chunksize=8)
    refused = refusals(store.root)
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    for item, other, x in found:
        if x is None or other is None:
            reason = "no_view"
        elif x["reason"] == "linked":
            reason = "would_link:" + refused.get(frozenset((item, other)), "not_tried")
        else:
            reason = x["reason"]
        reasons[view_kind(file[item])][reason] += 1
    total: Counter[str] = Counter()
    for c in reasons.values():
        total.update(c)
    return {
        "store": name,
        "generator": generator,
        "pictures": len(file),
        "pictures_linked": len(linked),
        "pictures_alone": len(alone),
        "verifications": sum(len(p) for _, p in jobs),
        "seconds": round(time.perf_counter() - t, 1),
        "reasons": dict(total.most_common()),
        "reasons_by_view": {v: dict(c.most_common()) for v, c in sorted(reasons.items())},
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_names(parser)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", help="also write bench/results/OUT.json")
    args = parser.parse_args(argv)
    result = {
        "machine": cpu_model(),
        "stores": [measure(n, g, args.workers) for n, g in args.name],
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()

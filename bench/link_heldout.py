"""Place linking on a collection the choices were made on (dev) and on one they were not
(test): the repeated-pattern tests of ``link.verify`` and the shortlist of ``link.linking``,
each against the method before them, in the same run.

Run: ``PYTHONPATH=src .venv/bin/python -m bench.link_heldout [--rooms 330] [--workers 2]``.
Prints one JSON object and writes it to ``bench/results/link-heldout.json``.

- **dev**: generator ``v2`` of ``bench/link.py`` (rooms 0 to N-1), with the scikit-image and
  opencv-doc pictures. The self ratio (0.7), the distinctive fraction (0.5), the coverage
  (6 cells of 32 px for every link, 16 for fundamental-matrix links), 256 VLAD words and
  query expansion (3 neighbours) were chosen on it.
- **test**: generator ``v3`` (tiled floors, wallpaper lattices, checkerboards shared
  between rooms, shelves of identical boxes; seeds from 2,000,000), never used for a
  choice; the same real pictures (so its same-place fundamental-matrix links are the real
  pairs, not held out).

Rooms are 400x300 (the size of the 10,000-picture run), each with its five re-photographs
of ``tests/link/scenes.py``. Per collection the features are extracted once (``build``,
kept in ``bench/.cache/link/<name>/store``); then both global descriptors (64 words without
expansion, as before; 256 words with expansion, now) are computed from the same features
with codebooks learned from the same sample, both shortlists (k=5) are taken, and their
union is verified once; each verification says whether the pair linked before the
repeated-pattern tests and after, so the four combinations are measured on the same pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

from bench.link import CACHE, RESULTS, _percentiles, _same_label_pairs, make_collection
from bench.machine import cpu_model, versions
from safeguard.link.linking import (
    EXPANSION,
    EXPANSION_ALPHA,
    Pair,
    _components,
    build,
    shortlist_rows,
    verify_task,
)
from safeguard.link.runner import dask_runner
from safeguard.link.store import GlobalRows, LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, Verification
from safeguard.signals.vlad import learn_codebook, vlad

#: (name, generator, role)
COLLECTIONS = (("heldout-dev-v2", "v2", "dev"), ("heldout-test-v3", "v3", "test"))
METHODS = {"before": (64, 0), "now": (256, EXPANSION)}


def _features_store(
    name: str, generator: str, rooms: int, workers: int
) -> tuple[LinkStore, dict[str, str], dict[str, Any]]:
    folder = CACHE / name / "collection"
    truth_file = folder.parent / "collection.truth.json"
    made: dict[str, Any] = {}
    if truth_file.exists():
        truth = json.loads(truth_file.read_text())
    else:
        folder.parent.mkdir(parents=True, exist_ok=True)
        truth = make_collection(folder, rooms, generator=generator, size=(400, 300))
    root = CACHE / name / "store"
    if not (root / "items.jsonl").exists():
        shutil.rmtree(root, ignore_errors=True)
        store = LinkStore.open(root, create=True)
        t = time.perf_counter()
        with dask_runner(workers) as runner:
            summary = build(store, [folder], runner=runner)
        made = {"build_seconds": round(time.perf_counter() - t, 1), "failed": summary.failed}
    return LinkStore.open(root), truth, made


def _rows(store: LinkStore, order: list[str], words: int) -> GlobalRows:
    """Global rows of every item with a codebook of ``words`` learned as ``build`` learns
    it: 400 RootSIFT descriptors from each of the first 300 items."""
    sample = []
    for n, item in enumerate(order[:300]):
        rng = np.random.default_rng(n)
        for f in store.features(item):
            d = f.rootsift()
            sample.append(d[rng.choice(len(d), 400, replace=False)] if len(d) > 400 else d)
    codebook = learn_codebook(np.concatenate(sample), words)
    items, views, vectors = [], [], []
    for item in order:
        for v, f in enumerate(store.features(item)):
            items.append(item)
            views.append(v)
            vectors.append(vlad(f.rootsift(), codebook).astype(np.float16))
    return GlobalRows(np.array(items, "U16"), np.array(views, np.int32), np.stack(vectors))


def _quality(
    pairs: list[Pair],
    verdicts: dict[tuple[str, str], Verification],
    label: dict[str, str],
    rule: str,
) -> dict[str, Any]:
    true_pairs = _same_label_pairs(list(label.values()))
    shortlisted_same = sum(label[a] == label[b] for a, _, b, _ in pairs)
    links = []
    for a, _, b, _ in pairs:
        v = verdicts[(a, b)]
        ok = v.linked if rule == "now" else bool(v.linked_before_repeat_tests)
        if ok:
            links.append((a, b))
    wrong = [(a, b) for a, b in links if label[a] != label[b]]
    grouped = wrong_groups = 0
    for members in _components({x for p in links for x in p}, links):
        labels = [label[m] for m in members]
        wrong_groups += len(set(labels)) > 1
        grouped += _same_label_pairs(labels)
    return {
        "verifications": len(pairs),
        "verifications_per_picture": round(len(pairs) / len(label), 2),
        "shortlist_pair_recall": round(shortlisted_same / max(1, true_pairs), 4),
        "place_links": len(links),
        "wrong_links": len(wrong),
        "wrong_link_examples": [
            {
                "a": a,
                "b": b,
                "model": verdicts[(a, b)].model,
                "inliers": verdicts[(a, b)].inliers,
                "distinct": verdicts[(a, b)].distinct,
                "cells": verdicts[(a, b)].cells,
            }
            for a, b in wrong[:8]
        ],
        "pair_recall_direct_links": round(
            sum(label[a] == label[b] for a, b in links) / max(1, true_pairs), 4
        ),
        "place_recall_in_groups": round(grouped / max(1, true_pairs), 4),
        "groups_mixing_places": wrong_groups,
    }


def measure(name: str, generator: str, role: str, rooms: int, workers: int) -> dict[str, Any]:
    store, truth, made = _features_store(name, generator, rooms, workers)
    order = sorted(store.items, key=lambda i: (store.items[i].added, store.items[i].path))
    names = {i: Path(store.items[i].path).name for i in order}
    label = {i: truth[names[i]] for i in order}
    shortlists: dict[str, list[Pair]] = {}
    timing: dict[str, float] = {}
    for method, (words, expansion) in METHODS.items():
        t = time.perf_counter()
        rows = _rows(store, order, words)
        t_desc = time.perf_counter() - t
        t = time.perf_counter()
        shortlists[method] = shortlist_rows(rows, order, 5, expansion)
        timing[method] = round(time.perf_counter() - t, 1)
        timing[method + "_descriptors_s"] = round(t_desc, 1)
    union = sorted(set(shortlists["before"]) | set(shortlists["now"]))
    batches = [
        (str(store.root), union[i : i + 16], DEFAULT_VERIFY) for i in range(0, len(union), 16)
    ]
    verdicts: dict[tuple[str, str], Verification] = {}
    t = time.perf_counter()
    with dask_runner(workers) as runner:
        for results in runner.map(verify_task, batches):
            for (a, _, b, _), v in results:
                verdicts[(a, b)] = v
    verify_s = time.perf_counter() - t
    same = [v for (a, b), v in verdicts.items() if label[a] == label[b]]
    diff = [v for (a, b), v in verdicts.items() if label[a] != label[b]]
    candidates = [v for v in verdicts.values() if v.linked_before_repeat_tests]
    out: dict[str, Any] = {
        "role": role,
        "generator": generator,
        "pictures": len(order),
        "places": len(set(label.values())),
        **made,
        "verified_pairs": len(union),
        "verify_seconds": round(verify_s, 1),
        "shortlist_seconds": timing,
        "inliers_same_place": _percentiles([v.inliers for v in same]),
        "inliers_different_place": _percentiles([v.inliers for v in diff]),
        "distinct_fraction_of_candidate_links": {
            kind: _percentiles(
                [
                    round(100 * (v.distinct or 0) / max(1, v.inliers))
                    for (a, b), v in verdicts.items()
                    if v.linked_before_repeat_tests and (label[a] == label[b]) == (kind == "same")
                ]
            )
            for kind in ("same", "different")
        },
        "fundamental_cells_of_candidate_links": {
            kind: _percentiles(
                [
                    v.cells or 0
                    for (a, b), v in verdicts.items()
                    if v.linked_before_repeat_tests
                    and v.model == "fundamental"
                    and (label[a] == label[b]) == (kind == "same")
                ]
            )
            for kind in ("same", "different")
        },
        "candidate_links": len(candidates),
    }
    for method in METHODS:
        for rule in ("before", "now"):
            out[f"shortlist_{method}__verify_{rule}"] = _quality(
                shortlists[method], verdicts, label, rule
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rooms", type=int, default=330, help="generated rooms per collection")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=("dev", "test"), help="measure one collection")
    args = parser.parse_args()
    result: dict[str, Any] = {
        "machine": f"{cpu_model()}, {os.cpu_count()} cores (shared with other jobs), "
        f"Python {platform.python_version()}",
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "versions": versions("opencv-python-headless", "numpy", "dask"),
        "methods": {
            "shortlist_before": "VLAD 64 words, no expansion, k=5",
            "shortlist_now": f"VLAD 256 words, query expansion {EXPANSION} "
            f"(alpha {EXPANSION_ALPHA}), k=5",
            "verify_before": "inliers, inlier ratio and spread",
            "verify_now": "and distinctive inliers >= 0.5 (self ratio 0.7), inliers in >= 6 cells "
            "of 32 px, F links >= 16 cells and inlier ratio >= 0.7, H links overlap support "
            ">= 0.08 and cover >= 0.15",
        },
    }
    for name, generator, role in COLLECTIONS:
        if args.only and role != args.only:
            continue
        result[role] = measure(name, generator, role, args.rooms, args.workers)
        print(json.dumps({role: result[role]["shortlist_now__verify_now"]}), file=sys.stderr)
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(result, indent=1)
    suffix = f"-{args.only}" if args.only else ""
    (RESULTS / f"link-heldout{suffix}.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

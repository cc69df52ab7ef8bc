"""Neighbourhood preservation of stored links' inliers (``verify.neighbour_preservation``):
what a bar on fundamental-matrix links would refuse, on built stores (development data).

Wrong links of held-out v29 joined two screenshots of one app (a share sheet's rows of
icons, a calendar's grid of days) through a fundamental matrix: F only puts a point on a
line, so matches along rows of look-alike blobs fit the F of a sideways move whichever
blob each meets. Their neighbours in one picture are then not their neighbours in the
other; a rigid scene moved smoothly keeps them.

For each stored build this verifies its plain place links again (the attached ones were
matched guided, and are kept as they are) and prints, per model and for right and wrong
links, the preservation's distribution; then, for each ``--bar``, the fundamental-matrix
links it would refuse (right and wrong, and the wrong ones between two pictures of one
view kind) and the build's own measures with those links left out
(``bench.link.link_quality``; a simulation: in a build the refused links would not
confirm anything either).

    python -m bench.link_neighbours --name link-v29-heldout:v29 --bar 0.5 --bar 0.6

Reads the stores only; prints JSON and, with ``--out NAME``, writes
``bench/results/NAME.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link import link_quality  # noqa: E402
from bench.link_found_by import view_kind  # noqa: E402
from bench.link_region_band import open_build  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.linking import verify_task  # noqa: E402
from safeguard.link.verify import DEFAULT_VERIFY  # noqa: E402

QUALITY = ("place_links", "wrong_links", "pair_recall_in_groups", "groups_mixing_places")


def spread(values: Sequence[float]) -> dict[str, Any]:
    """Count, min, 5th, 10th, 50th percentiles and max (None when empty)."""
    if not values:
        return {"n": 0}
    x = np.asarray(values, np.float64)
    p = np.percentile(x, [5, 10, 50])
    return {
        "n": len(x),
        "min": round(float(x.min()), 3),
        "p5": round(float(p[0]), 3),
        "p10": round(float(p[1]), 3),
        "median": round(float(p[2]), 3),
        "max": round(float(x.max()), 3),
    }


def refused_at(rows: Sequence[dict[str, Any]], bar: float) -> list[dict[str, Any]]:
    """The rows (one per re-verified link) a bar on fundamental-matrix links refuses."""
    return [r for r in rows if r["model"] == "fundamental" and r["neighbours"] < bar]


def measure(name: str, generator: str, bars: Sequence[float], workers: int) -> dict[str, Any]:
    store, truth, file, _ = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    plain = [x for x in store.links.values() if x.kind == "place" and not x.guided]
    # Measured whatever the default bar: the test itself off.
    options = replace(DEFAULT_VERIFY, min_fundamental_neighbours=0.0)
    start = time.perf_counter()
    pairs = [(x.a, x.view_a, x.b, x.view_b) for x in plain]
    batches = [(str(store.root), pairs[i : i + 16], options) for i in range(0, len(pairs), 16)]
    with Pool(workers) as pool:
        found = [v for result in pool.imap(verify_task, batches) for _, v in result]
    seconds = round(time.perf_counter() - start, 1)
    rows: list[dict[str, Any]] = []
    for x, v in zip(plain, found, strict=True):
        if not v.linked or (v.model == "fundamental" and v.neighbours is None):
            continue
        rows.append(
            {
                "key": x.key,
                "model": v.model,
                "right": label[x.a] == label[x.b],
                "same_view": view_kind(file[x.a]) == view_kind(file[x.b]),
                "neighbours": v.neighbours if v.neighbours is not None else 1.0,
                "inliers": v.inliers,
            }
        )
    by_model = {
        f"{m}_{'right' if right else 'wrong'}": spread(
            [r["neighbours"] for r in rows if r["model"] == m and r["right"] == right]
        )
        for m in ("fundamental",)
        for right in (True, False)
    }
    every = dict(store.links)
    base = link_quality(store, truth)
    out_bars = {}
    for bar in bars:
        gone = refused_at(rows, bar)
        keys = {r["key"] for r in gone}
        store.links = {k: x for k, x in every.items() if x.key not in keys}
        q = link_quality(store, truth)
        out_bars[str(bar)] = {
            "refused_right": sum(r["right"] for r in gone),
            "refused_wrong": sum(not r["right"] for r in gone),
            "refused_wrong_same_view": sum(not r["right"] and r["same_view"] for r in gone),
            **{k: q[k] for k in QUALITY},
        }
    store.links = every
    return {
        "store": name,
        "generator": generator,
        "plain_links": len(plain),
        "reverified_links": len(rows),
        "not_linked_again": len(plain) - len(rows),
        "fundamental_links": sum(r["model"] == "fundamental" for r in rows),
        "seconds": seconds,
        "as_stored": {k: base[k] for k in QUALITY},
        "preservation": by_model,
        "bars": out_bars,
    }


def _pair(spec: str) -> tuple[str, str]:
    name, sep, generator = spec.partition(":")
    if not sep or not name or not generator:
        raise argparse.ArgumentTypeError(f"{spec!r}: expected NAME:GENERATOR")
    return name, generator


def add_store_names(parser: argparse.ArgumentParser) -> None:
    """``--name NAME:GENERATOR`` (repeatable, required): the stored builds a bench reads."""
    parser.add_argument("--name", action="append", required=True, type=_pair,
                        metavar="NAME:GENERATOR",
                        help="a stored build and its generator")  # fmt: skip


def _bar(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r}: a bar is between 0 and 1")
    return value


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_names(parser)
    parser.add_argument("--bar", action="append", type=_bar, default=None,
                        help="preservation bars to try (default 0.5, 0.55, 0.6)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", help="also write bench/results/OUT.json")
    args = parser.parse_args(argv)
    bars = args.bar or [0.5, 0.55, 0.6]
    result = {
        "machine": cpu_model(),
        "stores": [measure(n, g, bars, args.workers) for n, g in args.name],
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()

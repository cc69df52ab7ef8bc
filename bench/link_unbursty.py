"""Shortlist vectors with and without bursts: the top-k reach of each picture kind on built
stores (development data only, or a held-out build after its one run).

Every stored picture's first view is described again from its stored features, once as
plain VLAD and once per burst rule (``signals.vlad.unbursty``: descriptors with ``twins``
or more others of the same picture nearer than ``distance`` left out). For each rule: the
share of pictures with a picture of their own place among their ``k`` nearest (reach@1,
reach@5), by plain similarity and after query expansion (the shortlist's own,
``linking.expanded_similarities``), overall and by view kind. The vectors are made here,
so a store built with either kind of vector can be measured.

    python -m bench.link_unbursty --root bench/.cache/link/link-v18-heldout \\
        --rule 0.5:3 --rule 0.45:2 --name link-unbursty-v18

Prints JSON; ``--name`` also writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rich.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench.link_recall_stages import kind_of, open_run  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.linking import cached_features, expanded_similarities  # noqa: E402
from safeguard.link.store import GlobalRows  # noqa: E402
from safeguard.signals.vlad import unbursty, vlad  # noqa: E402

F32 = npt.NDArray[np.float32]


def reach(
    vectors: F32, labels: npt.NDArray[np.str_], items: npt.NDArray[np.str_], expand: bool
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Whether each picture has one of its place among its 1 and its 5 nearest others."""
    rows = GlobalRows(items, np.zeros(len(items), np.int32), vectors.astype(np.float16))
    at1 = np.zeros(len(items), bool)
    at5 = np.zeros(len(items), bool)
    for start in range(0, len(items), 512):
        q = np.arange(start, min(len(items), start + 512))
        sims = expanded_similarities(rows, q) if expand else vectors[q] @ vectors.T
        sims[np.arange(len(q)), q] = -np.inf
        top = np.argsort(-sims, axis=1)[:, : min(5, len(items) - 1)]  # never itself
        same = labels[top] == labels[q][:, None]
        at1[q] = same[:, 0]
        at5[q] = same.any(axis=1)
    return at1, at5


def measure(root: Path, rules: list[tuple[float, int]]) -> dict[str, Any]:
    store, place = open_run(root)
    assert store.codebook is not None
    ids = sorted(store.items)
    kinds = np.array([kind_of(store.items[i].path) for i in ids])
    labels = np.array([place[i] for i in ids])
    items = np.array(ids, "U16")
    names = ["plain"] + [f"unbursty {d}:{t}" for d, t in rules]
    vectors: dict[str, list[F32]] = {n: [] for n in names}
    kept: dict[str, list[float]] = {n: [] for n in names[1:]}
    started = time.perf_counter()
    with Progress(transient=True) as progress:
        task = progress.add_task(f"vectors {root.name}", total=len(ids))
        for item in ids:
            rs = cached_features(str(store.root), item)[0][1]
            vectors["plain"].append(vlad(rs, store.codebook))
            for name, (d, t) in zip(names[1:], rules, strict=True):
                left = unbursty(rs, d, t)
                kept[name].append(len(left) / max(1, len(rs)))
                vectors[name].append(vlad(left, store.codebook))
            progress.advance(task)
    out: dict[str, Any] = {"store": str(store.root), "pictures": len(ids), "rules": {}}
    for name in names:
        v = np.stack(vectors[name]).astype(np.float32)
        entry: dict[str, Any] = {}
        if name in kept:
            entry["median_share_of_descriptors_kept"] = round(float(np.median(kept[name])), 3)
        for how, expand in (("plain", False), ("expanded", True)):
            at1, at5 = reach(v, labels, items, expand)
            entry[how] = {
                "reach_at_1": round(float(at1.mean()), 4),
                "reach_at_5": round(float(at5.mean()), 4),
                "reach_at_5_by_kind": {
                    k: round(float(at5[kinds == k].mean()), 3) for k in sorted(set(kinds))
                },
            }
        out["rules"][name] = entry
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def rule(spec: str) -> tuple[float, int]:
    """``DISTANCE:TWINS``, e.g. ``0.5:3``."""
    d, sep, t = spec.partition(":")
    try:
        if not sep:
            raise ValueError
        return float(d), int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{spec!r}: want DISTANCE:TWINS, e.g. 0.5:3") from None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--root",
        type=Path,
        action="append",
        required=True,
        help="a bench/link run's cache folder (its store-2); repeatable",
    )
    parser.add_argument(
        "--rule",
        type=rule,
        action="append",
        help="DISTANCE:TWINS of a burst rule; repeatable (default 0.5:3)",
    )
    parser.add_argument("--name", help="also write bench/results/<name>.json")
    args = parser.parse_args()
    rules = args.rule or [(0.5, 3)]
    emit(
        {
            "bench": "link_unbursty",
            "machine": cpu_model(),
            "stores": [measure(r, rules) for r in args.root],
        },
        args.name,
    )


if __name__ == "__main__":
    main()

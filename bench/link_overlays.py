"""The burnt-in overlay test (``link.overlays``) on a built link store: count every stored
item's frame bins (in memory: the store is only read), then re-verify the store's wrong
place links (different places, by the collection's truth) and a sample of right ones with
and without the overlay masks, and say how many wrong links the test refuses and how many
right links it loses, for a few bin thresholds (``OverlayOptions.min_share``).

    python -m bench.link_overlays --root bench/.cache/link/link-v8-heldout --store store-2 \\
        --right 2000 --name link-overlays-v8

Prints JSON and writes ``bench/results/<name>.json``. The stores are development data
(seen).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bench.link_reverify import labelled_place_links, labelled_store_parser
from bench.machine import cpu_model, emit
from safeguard.link.linking import cached_features
from safeguard.link.overlays import DEFAULT_OVERLAY, OverlayOptions, frame_bins, overlay_mask
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import verify

SHARES = (0.005, 0.01, 0.02)


def kind_of(path: str) -> str:
    """The view kind of a generated picture (``roomv8-00012__phone.jpg``: ``phone``)."""
    name = Path(path).name
    return name.split("__", 1)[1].split(".")[0] if "__" in name else "picture"


def bins_of_store(store: LinkStore, grid: int) -> dict[tuple[str, int], np.ndarray]:
    assert store.codebook is not None
    out = {}
    for item in store.items:
        for v, (f, d) in enumerate(cached_features(str(store.root), item)):
            out[(item, v)] = frame_bins(f, store.codebook, grid, d)
    return out


def counts_of(bins: dict[tuple[str, int], np.ndarray], words: int, grid: int) -> np.ndarray:
    per_item: dict[str, set[int]] = {}
    for (item, _), b in bins.items():
        per_item.setdefault(item, set()).update(int(x) for x in b)
    flat = np.fromiter((x for s in per_item.values() for x in s), np.int64)
    return np.bincount(flat, minlength=words * grid * grid)


def reverify(
    store: LinkStore,
    links: list[Link],
    bins: dict[tuple[str, int], np.ndarray],
    burnt: np.ndarray,
) -> list[dict[str, Any]]:
    rows = []
    for x in links:
        fa, ra = cached_features(str(store.root), x.a)[x.view_a]
        fb, rb = cached_features(str(store.root), x.b)[x.view_b]
        plain = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        masked = verify(
            fa,
            fb,
            rootsift_a=ra,
            rootsift_b=rb,
            overlay_a=overlay_mask(bins[(x.a, x.view_a)], burnt),
            overlay_b=overlay_mask(bins[(x.b, x.view_b)], burnt),
        )
        rows.append(
            {
                "a": Path(store.items[x.a].path).name,
                "b": Path(store.items[x.b].path).name,
                "plain": plain.linked,
                "masked": masked.linked,
                "dropped": masked.overlay,
                "inliers": [plain.inliers, masked.inliers],
            }
        )
    return rows


def main() -> None:
    args = labelled_store_parser(__doc__.split("\n\n")[0], 2000).parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, _label, place, wrong, sample = labelled_place_links(
        args.root, args.store, args.right, args.seed
    )
    assert store.codebook is not None
    grid = DEFAULT_OVERLAY.grid
    bins = bins_of_store(store, grid)
    counts = counts_of(bins, len(store.codebook), grid)
    items = len(store.items)
    by_share = {}
    for share in SHARES:
        options = OverlayOptions(grid=grid, min_share=share)
        burnt = np.flatnonzero(counts >= options.threshold(items))
        w = reverify(store, wrong, bins, burnt)
        r = reverify(store, sample, bins, burnt)
        lost = [x for x in r if x["plain"] and not x["masked"]]
        by_share[str(share)] = {
            "threshold_items": options.threshold(items),
            "burnt_in_bins": len(burnt),
            "wrong_reverified_linked": sum(x["plain"] for x in w),
            "wrong_refused": sum(x["plain"] and not x["masked"] for x in w),
            "wrong_kept": [x for x in w if x["masked"]],
            "right_reverified_linked": sum(x["plain"] for x in r),
            "right_lost": len(lost),
            "right_lost_by_kind": dict(
                Counter(f"{kind_of(x['a'])}-{kind_of(x['b'])}" for x in lost)
            ),
            "right_with_dropped_matches": sum(x["dropped"] > 0 for x in r),
        }
    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "items": items,
        "place_links_in_store": len(place),
        "wrong_links": len(wrong),
        "right_sampled": len(sample),
        "bin_count_mean": round(float(counts.mean()), 2),
        "bin_count_p999": float(np.percentile(counts, 99.9)),
        "by_min_share": by_share,
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

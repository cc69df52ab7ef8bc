"""The shared-object ("hub") test on a built link store: re-verify its place links with
today's ``verify``, question those that rest on an object-sized region
(``link.objects.questioned``) and search for a third picture holding the same object
(``link.linking.shared_object_links``, as a build does); count the wrong links
(different places, by the collection's truth) it refuses and the right links (same
place, a random sample) it loses.

    python -m bench.link_hub --root bench/.cache/link/link-10k-v4 --store store-2 \\
        --right 600 --name link-hub-10k-v4

Reads the store only; prints JSON and writes ``bench/results/<name>.json``. The stores
are development data (seen).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench.link_reverify import labelled_place_links, labelled_store_parser
from bench.machine import cpu_model, emit
from safeguard.link.linking import (
    LinkOptions,
    cached_features,
    place_link,
    shared_object_links,
)
from safeguard.link.objects import DEFAULT_HUB, HubOptions, questioned
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import verify


def run(
    store: LinkStore, links: list[Link], label: dict[str, str], options: LinkOptions
) -> list[dict[str, Any]]:
    """Re-verify ``links``; search those questioned (``shared_object_links``, as a build
    does, the store's links standing for the known ones)."""
    rows: list[dict[str, Any]] = []
    asked: list[tuple[Link, Any]] = []
    for link in links:
        fa = cached_features(str(store.root), link.a)[link.view_a]
        fb = cached_features(str(store.root), link.b)[link.view_b]
        v = verify(fa[0], fb[0], options.verify, rootsift_a=fa[1], rootsift_b=fb[1])
        ask = questioned(v, options.hub)
        rows.append(
            {
                "a": Path(store.items[link.a].path).name,
                "b": Path(store.items[link.b].path).name,
                "linked": v.linked,
                "region_cover": v.region_cover,
                "inliers": v.inliers,
                "questioned": ask,
                "refused_by_hub": False,
            }
        )
        if ask:
            asked.append((place_link(link.a, link.view_a, link.b, link.view_b, v), v))
    refused, records, searched = shared_object_links(store, asked, [], options, LocalRunner())
    by_key = {r["a"] + r["b"]: r for r in records}
    at = 0
    for link, row in zip(links, rows, strict=True):
        if row["questioned"]:
            key = asked[at][0].key
            at += 1
            row["refused_by_hub"] = key in refused
            rec = by_key.get(key[1] + key[2]) or by_key.get(key[2] + key[1])
            if rec:
                row["holders"] = [
                    {
                        "side": h["side"],
                        "item": Path(store.items[h["item"]].path).name,
                        "inliers": h["inliers"],
                        "same_place_as_searched": label[h["item"]]
                        == label[link.a if h["side"] == "a" else link.b],
                    }
                    for h in rec["holders"]
                ]
    rows.append({"searched": searched})
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    searched = rows[-1]["searched"]
    rows = rows[:-1]
    linked = [r for r in rows if r["linked"]]
    return {
        "verifications_of_the_search": searched,
        "links": len(rows),
        "linked_before_hub": len(linked),
        "questioned": sum(r["questioned"] for r in linked),
        "refused_by_hub": sum(r["refused_by_hub"] for r in linked),
        "linked_after_hub": sum(not r["refused_by_hub"] for r in linked),
    }


def main() -> None:
    parser = labelled_store_parser(__doc__.split("\n\n")[0], 600)
    parser.add_argument("--max-cover", type=float, default=DEFAULT_HUB.max_region_cover)
    parser.add_argument("--candidates", type=int, default=DEFAULT_HUB.candidates)
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, label, _place, wrong, sample = labelled_place_links(
        args.root, args.store, args.right, args.seed
    )
    hub = HubOptions(max_region_cover=args.max_cover, candidates=args.candidates)
    options = LinkOptions(hub=hub)
    wrong_rows = run(store, wrong, label, options)
    right_rows = run(store, sample, label, options)
    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "options": {
            "max_region_cover": hub.max_region_cover,
            "candidates": hub.candidates,
            "min_inliers": hub.min_inliers,
            "min_region_share": hub.min_region_share,
        },
        "wrong": summary(wrong_rows),
        "right_sample": summary(right_rows),
        "wrong_rows_linked": [r for r in wrong_rows[:-1] if r["linked"]],
        "right_rows_refused_by_hub": [r for r in right_rows[:-1] if r["refused_by_hub"]],
        "right_region_cover_questioned": sorted(
            r["region_cover"] for r in right_rows[:-1] if r["questioned"]
        ),
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

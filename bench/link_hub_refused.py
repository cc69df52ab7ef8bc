"""The shared-object test over every place link a build made, kept or refused: the store's
links and the refused ones of its ``objects.jsonl``, re-verified and searched again
(``bench.link_hub.run``) with each ``--place-cover`` (the region cover above which a
candidate that links to the searched picture is a view of its own place, not a holder).
Counts right (same place) and wrong links refused, and right and wrong links refused on
the word of two or more distinct holders.

    python -m bench.link_hub_refused --root bench/.cache/link/link6-v6-100-new3 \\
        --store store-1 --place-cover 0.5 0.3 --name link-hub-refused-v6-dev

Reads the store only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import safeguard.link.linking as linking
import safeguard.link.objects as objects
from bench.link_hub import run
from bench.link_recall_stages import open_run
from bench.machine import cpu_model, emit
from safeguard.link.linking import LinkOptions
from safeguard.link.store import Link


def _holds_with(place_cover: float) -> Any:
    """``objects.holds`` with another place cover (the product's option is fixed)."""
    original = objects.holds

    def holds(v: Any, box: Any, options: Any = objects.DEFAULT_HUB) -> bool:
        if v.linked and (v.region_cover is None or v.region_cover >= place_cover):
            return False
        return bool(original(replace(v, linked=False), box, options))

    return holds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--store", default="store-1")
    parser.add_argument("--place-cover", type=float, nargs="+", default=[0.5])
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, label = open_run(args.root, args.store)
    kept = [x for x in store.links.values() if x.kind == "place"]
    with (store.root / "objects.jsonl").open() as f:
        refused = [Link.from_json(json.loads(line)) for line in f if line.strip()]
    links = kept + refused
    result: dict[str, Any] = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "links_kept": len(kept),
        "links_refused_by_the_build": len(refused),
        "right_links": sum(label[x.a] == label[x.b] for x in links),
        "wrong_links": sum(label[x.a] != label[x.b] for x in links),
        "by_place_cover": {},
    }
    saved = objects.holds
    for cover in args.place_cover:
        linking.holds = _holds_with(cover)  # type: ignore[attr-defined]
        try:
            rows = run(store, links, label, LinkOptions())[:-1]
        finally:
            linking.holds = saved  # type: ignore[attr-defined]
        count: Counter[str] = Counter()
        for link, row in zip(links, rows, strict=True):
            kind = "right" if label[link.a] == label[link.b] else "wrong"
            if row["refused_by_hub"]:
                count[f"{kind}_refused"] += 1
                if len({h["item"] for h in row.get("holders", [])}) >= 2:
                    count[f"{kind}_refused_by_two_or_more_holders"] += 1
        result["by_place_cover"][str(cover)] = dict(sorted(count.items()))
    result["seconds"] = round(time.perf_counter() - t, 1)
    emit(result, args.name)


if __name__ == "__main__":
    main()

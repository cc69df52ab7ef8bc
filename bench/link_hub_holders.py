"""The shared-object test's refusals in a built store (``objects.jsonl``), by the number of
distinct holders and by whether the holders are views of a side's own place (by the
collection's truth); then the links that two holders would no longer refuse, re-verified
and put through the common-content test (``linking.common_counts``, the store's links
standing for the known ones). Development data (seen stores).

    PYTHONPATH=src:. python -m bench.link_hub_holders \\
        --root bench/.cache/link/link-v7-heldout --store store-2 --name l8-hub-holders-v7

Reads the store only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

from bench.link_common import reverified
from bench.link_recall_stages import open_run
from bench.machine import cpu_model, emit
from safeguard.link.common import common_content
from safeguard.link.linking import LinkOptions, common_counts
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, place = open_run(args.root, args.store)
    own: Counter[str] = Counter()
    by_holders: Counter[str] = Counter()
    one_holder: dict[str, list[Link]] = {"right": [], "wrong": []}
    for record in store.shared_objects():
        if "holders" not in record:  # common content, conflict: other tests' records
            continue
        link = Link.from_json(record)
        kind = "right" if place[link.a] == place[link.b] else "wrong"
        holders = {h["item"] for h in record["holders"]}
        mine = [place[h] in (place[link.a], place[link.b]) for h in holders]
        own[f"{kind}, " + ("all own place" if all(mine) else "some" if any(mine) else "none")] += 1
        for need in (1, 2, 3):
            by_holders[f"{kind} refused with {need}+ holders"] += len(holders) >= need
        if len(holders) < 2:
            one_holder[kind].append(link)
    options = LinkOptions()
    back = {}
    for kind, links in one_holder.items():
        checked = reverified(store, links)
        counts, _ = common_counts(store, checked, [x for x, _ in checked], options, LocalRunner())
        back[kind] = {
            "one_holder_links": len(links),
            "reverified_linked": len(checked),
            "common_content_refuses": sum(common_content(a, b, options.common) for a, b in counts),
        }
    emit(
        {
            "machine": cpu_model(),
            "load_average_at_start": load,
            "store": str(args.root / args.store),
            "holders_of_own_place": dict(own),
            "refused_by_holders": dict(by_holders),
            "let_through_by_two_holders": back,
            "seconds": round(time.perf_counter() - t, 1),
        },
        args.name,
    )


if __name__ == "__main__":
    main()

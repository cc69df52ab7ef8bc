"""The common-content test's later rounds (``linking.common_content_links``,
``CommonOptions.rounds``) on a built link store: the store's kept links and its
``objects.jsonl`` records are the first round's result (a store built in one ``build``
with the eighth round's code). The second round leaves the refused links out of the
neighbourhoods and counts again the kept links next to one (a side's neighbourhood
changed): every wrong one (different places, by the truth file) and a seeded sample of the
right ones. Says how many wrong links the round refuses and how many right links it loses
(the sample's share, scaled to every affected right link), and the partial matchings.

    python -m bench.link_common_rounds --root bench/.cache/link/link-v9-heldout \\
        --right 150 --name link-common-rounds-v9

Reads the store only; prints JSON and writes ``bench/results/<name>.json``. The stores
are development data (seen).
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.link_common import kind_of
from bench.link_reverify import labelled_place_links, labelled_store_parser
from bench.machine import cpu_model, emit
from safeguard.link.common import DEFAULT_COMMON, common_content, specific_share
from safeguard.link.linking import (
    LinkOptions,
    cached_features,
    common_counts,
    neighbourhoods,
    place_link,
    stored_burnt_in,
    stored_overlay_mask,
)
from safeguard.link.runner import LocalRunner
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import Verification, verify


def reverified(store: LinkStore, links: list[Link]) -> list[tuple[Link, Verification]]:
    """Today's verification of ``links`` (burnt-in overlays as the store counts them);
    the ones that still link."""
    burnt = stored_burnt_in(store, LinkOptions().overlay)
    root = str(store.root)
    out = []
    for x in links:
        fa, ra = cached_features(root, x.a)[x.view_a]
        fb, rb = cached_features(root, x.b)[x.view_b]
        v = verify(
            fa,
            fb,
            rootsift_a=ra,
            rootsift_b=rb,
            overlay_a=stored_overlay_mask(root, x.a, x.view_a, burnt),
            overlay_b=stored_overlay_mask(root, x.b, x.view_b, burnt),
        )
        if v.linked:
            out.append((place_link(x.a, x.view_a, x.b, x.view_b, v), v))
    return out


def main() -> None:
    parser = labelled_store_parser(__doc__.split("\n\n")[0], 150)
    args = parser.parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, label, place, wrong, _ = labelled_place_links(args.root, args.store, 0, args.seed)
    first = [r for r in store.shared_objects() if r.get("common_content")]
    before = neighbourhoods(
        [*place, *(Link(kind="place", a=r["a"], b=r["b"], score=0.0) for r in first)]
    )
    after = neighbourhoods(place)

    def affected(x: Link) -> bool:
        return after.get(x.a) != before.get(x.a) or after.get(x.b) != before.get(x.b)

    wrong_keys = {x.key for x in wrong}
    right_affected = [x for x in place if x.key not in wrong_keys and affected(x)]
    wrong_affected = [x for x in wrong if affected(x)]
    sample = random.Random(args.seed).sample(right_affected, min(args.right, len(right_affected)))
    options = LinkOptions()
    runner = LocalRunner()
    wrong_v = reverified(store, wrong_affected)
    right_v = reverified(store, sample)
    wrong_c, wrong_n = common_counts(store, wrong_v, [], options, runner, near=after)
    right_c, right_n = common_counts(store, right_v, [], options, runner, near=after)
    wrong_refused = [
        x for (x, _), (a, b) in zip(wrong_v, wrong_c, strict=True) if common_content(a, b)
    ]
    lost = [x for (x, _), (a, b) in zip(right_v, right_c, strict=True) if common_content(a, b)]
    right_lost = len(lost)
    share_lost = right_lost / max(1, len(right_v))
    result: dict[str, Any] = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "place_links_in_store": len(place),
        "first_round_refused_in_store": len(first),
        "wrong_links": len(wrong),
        "wrong_affected": len(wrong_affected),
        "wrong_refused_second_round": len(wrong_refused),
        "wrong_refused_by_kind": dict(
            Counter(
                "+".join(sorted({kind_of(label[x.a]), kind_of(label[x.b])})) for x in wrong_refused
            )
        ),
        "right_links": len(place) - len(wrong),
        "right_affected": len(right_affected),
        "right_sampled": len(sample),
        "right_linked_today": len(right_v),
        "right_lost_in_sample": right_lost,
        "right_lost_pairs": [
            [Path(store.items[x.a].path).name, Path(store.items[x.b].path).name] for x in lost
        ],
        "wrong_refused_pairs": [
            [Path(store.items[x.a].path).name, Path(store.items[x.b].path).name]
            for x in wrong_refused
        ],
        "right_lost_estimated": round(share_lost * len(right_affected), 1),
        "right_lost_share_of_all_right": round(
            share_lost * len(right_affected) / max(1, len(place) - len(wrong)), 4
        ),
        "specific_share_fewer_side_wrong": [
            round(min(specific_share(a), specific_share(b)), 3) for a, b in wrong_c
        ],
        "matchings": {
            "wrong": wrong_n,
            "right_sample": right_n,
            "second_round_estimated": round(
                (wrong_n + right_n)
                / max(1, len(wrong_v) + len(right_v))
                * (len(wrong_affected) + len(right_affected))
            ),
        },
        "min_specific_share": DEFAULT_COMMON.min_specific_share,
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

"""The common-content test over all pairs of a small generated collection (development
data): every pair is verified (as ``bench/link_mirror_pairs.py``), then the linked pairs
go through the common-content test (``linking.common_content_links``) on a store of the
same pictures, all linked pairs standing for the known links; same-place and
different-place links before and after.

    PYTHONPATH=src:. python -m bench.link_common_pairs v5 20 120  # generator, rooms, pictures

The collection and its store are made in /tmp/link7-common/<generator>-<rooms>. Prints
one JSON object.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from itertools import combinations
from pathlib import Path

from bench.link import make_collection
from safeguard.link.common import CommonOptions
from safeguard.link.linking import (
    LinkOptions,
    build,
    cached_features,
    common_content_links,
    place_link,
)
from safeguard.link.runner import LocalRunner
from safeguard.link.store import LinkStore
from safeguard.link.verify import verify


def main() -> None:
    gen, rooms, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    t0 = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    root = Path(f"/tmp/link7-common/{gen}-{rooms}")
    folder = root / "collection"
    truth_file = root / "truth.json"
    if truth_file.exists():
        truth = json.loads(truth_file.read_text())
    else:
        folder.mkdir(parents=True, exist_ok=True)
        truth = make_collection(folder, rooms, generator=gen, size=(400, 300), real=False)
        truth_file.write_text(json.dumps(truth))
    names = sorted(truth)[:m]
    picked = root / f"picked-{m}"
    if not picked.exists():
        picked.mkdir()
        for n in names:
            shutil.copy(folder / n, picked / n)
    shutil.rmtree(root / "store", ignore_errors=True)
    store = LinkStore.open(root / "store", create=True)
    build(store, [picked], options=LinkOptions(common=CommonOptions(candidates=0)))
    place = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    checked = []
    for a, b in combinations(sorted(store.items), 2):
        fa, ra = cached_features(str(store.root), a)[0]
        fb, rb = cached_features(str(store.root), b)[0]
        v = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        if v.linked:
            checked.append((place_link(a, 0, b, 0, v), v))
    options = LinkOptions()
    refused, _, searched = common_content_links(
        store, checked, [x for x, _ in checked], options, LocalRunner()
    )
    same = [x for x, _ in checked if place[x.a] == place[x.b]]
    diff = [x for x, _ in checked if place[x.a] != place[x.b]]
    out = {
        "generator": gen,
        "pictures": len(store.items),
        "places": len(set(place.values())),
        "same_place_pairs": sum(place[a] == place[b] for a, b in combinations(place, 2)),
        "common": {
            "candidates": options.common.candidates,
            "min_holders": options.common.min_holders,
            "min_specific_share": options.common.min_specific_share,
        },
        "before": {"same": len(same), "diff": len(diff)},
        "after": {
            "same": sum(x.key not in refused for x in same),
            "diff": sum(x.key not in refused for x in diff),
        },
        "matchings": searched,
        "load_average_at_start": load,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()

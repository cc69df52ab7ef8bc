"""The burnt-in overlay test (``link.overlays``) over all pairs of a small generated
collection (development data): a store of the pictures is built (it counts their frame
bins), then every pair is verified with and without the overlay masks; same-place and
different-place links both ways.

    PYTHONPATH=src:. python -m bench.link_overlay_pairs v5 20 120  # generator, rooms, pictures

The collection and its store are made in /tmp/link8-overlays/<generator>-<rooms>. Prints
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
    stored_burnt_in,
    stored_overlay_mask,
)
from safeguard.link.store import LinkStore
from safeguard.link.verify import verify


def main() -> None:
    gen, rooms, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    t0 = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    root = Path(f"/tmp/link8-overlays/{gen}-{rooms}")
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
    options = LinkOptions(common=CommonOptions(candidates=0))
    build(store, [picked], options=options)
    burnt = stored_burnt_in(LinkStore.open(root / "store"), options.overlay)
    place = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    counts = {k: [0, 0] for k in ("same_plain", "same_masked", "diff_plain", "diff_masked")}
    dropped_pairs = 0
    r = str(store.root)
    for a, b in combinations(sorted(store.items), 2):
        fa, ra = cached_features(r, a)[0]
        fb, rb = cached_features(r, b)[0]
        plain = verify(fa, fb, rootsift_a=ra, rootsift_b=rb)
        masked = verify(
            fa,
            fb,
            rootsift_a=ra,
            rootsift_b=rb,
            overlay_a=stored_overlay_mask(r, a, 0, burnt),
            overlay_b=stored_overlay_mask(r, b, 0, burnt),
        )
        kind = "same" if place[a] == place[b] else "diff"
        counts[f"{kind}_plain"][0] += plain.linked
        counts[f"{kind}_masked"][0] += masked.linked
        dropped_pairs += masked.overlay > 0
    out = {
        "generator": gen,
        "pictures": len(store.items),
        "places": len(set(place.values())),
        "same_place_pairs": sum(place[a] == place[b] for a, b in combinations(place, 2)),
        "burnt_in_bins": 0 if burnt is None else len(burnt.bins),
        "linked": {k: v[0] for k, v in counts.items()},
        "pairs_with_dropped_matches": dropped_pairs,
        "load_average_at_start": load,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()

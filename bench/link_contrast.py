"""Would local contrast equalisation before SIFT link hazy, steamed-up and dark views?
(development data)

Steam on the lens, haze, night and underexposure leave SIFT few keypoints (on the v13
store a steamed-up view keeps a median of 159 against 737 for the original), and too few
survive matching. CLAHE (contrast-limited adaptive histogram equalisation, Zuiderveld
1994; OpenCV's ``createCLAHE``) stretches contrast tile by tile before detection.

For a sample of places of a built store (``bench/link`` run, its pictures still in the
run's ``collection`` folder), every picture is extracted twice, as the product does and
after CLAHE on its grey picture, and verified (``verify`` alone, the later tests of a build
are not asked) against every other picture of its place and against its 5 nearest
pictures of other places by the store's VLAD vectors. Reported per view kind: keypoints,
same-place pairs linked, different-place pairs linked.

    PYTHONPATH=src:. python -m bench.link_contrast \\
        --root bench/.cache/link/link-v13-heldout --places 20 --name link-contrast-v13

Reads the store and the pictures only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.link_recall_stages import kind_of, nearest_other_places, open_run
from bench.machine import cpu_model, emit
from safeguard.link.features import PlaceFeatures, features_from_pixels
from safeguard.link.verify import verify
from safeguard.signals.decode import decode_image

U8 = npt.NDArray[np.uint8]


def equalised(pixels: U8, clip: float = 2.0, tiles: int = 8) -> U8:
    """The grey picture after CLAHE (``clip``: the contrast limit; ``tiles`` a side)."""
    g = pixels if pixels.ndim == 2 else cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    clahe = cv2.createCLAHE(clipLimit=clip, tileGridSize=(tiles, tiles))
    return np.asarray(clahe.apply(np.ascontiguousarray(g, np.uint8)), np.uint8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="a bench/link run's cache")
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--places", type=int, default=20)
    parser.add_argument("--clip", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=28)
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    t0 = time.perf_counter()
    store, place = open_run(args.root, args.store)
    by: dict[str, list[str]] = {}
    for i in store.items.values():
        by.setdefault(place[i.id], []).append(i.id)
    sample = random.Random(args.seed).sample(sorted(by), min(args.places, len(by)))
    kind = {i.id: kind_of(i.path) for i in store.items.values()}
    # Pairs: every same-place pair of the sample, and each sampled picture's 5 nearest
    # pictures of other places (the first shortlist round's wrong candidates).
    pairs: set[tuple[str, str]] = set()
    for p in sample:
        pairs |= {(a, b) if a < b else (b, a) for a, b in combinations(by[p], 2)}
    for a, b in nearest_other_places(store, place, [i for p in sample for i in by[p]]):
        pairs.add((a, b) if a < b else (b, a))
    needed = sorted({x for pair in pairs for x in pair})
    features: dict[str, dict[str, PlaceFeatures]] = {"product": {}, "clahe": {}}
    for item in needed:
        # The run's pictures, wherever the run's folder is now.
        picture = args.root / "collection" / Path(store.items[item].path).name
        pixels = decode_image(picture.read_bytes()).pixels
        features["product"][item] = features_from_pixels(pixels)
        features["clahe"][item] = features_from_pixels(equalised(pixels, args.clip))
    out: dict[str, Any] = {}
    for name, f in features.items():
        linked: dict[str, Counter[str]] = {"same": Counter(), "different": Counter()}
        asked: dict[str, Counter[str]] = {"same": Counter(), "different": Counter()}
        for a, b in sorted(pairs):
            side = "same" if place[a] == place[b] else "different"
            v = verify(f[a], f[b])
            for k in {kind[a], kind[b], "all"}:
                asked[side][k] += 1
                linked[side][k] += int(v.linked)
        keypoints: dict[str, list[int]] = {}
        for item in needed:
            keypoints.setdefault(kind[item], []).append(len(f[item]))
        out[name] = {
            "median_keypoints": {k: float(np.median(v)) for k, v in sorted(keypoints.items())},
            "same_place_linked": {
                k: f"{linked['same'][k]} of {asked['same'][k]}" for k in sorted(asked["same"])
            },
            "different_place_linked": {
                k: f"{linked['different'][k]} of {asked['different'][k]}"
                for k in sorted(asked["different"])
                if linked["different"][k]
            },
            "different_place_pairs": asked["different"]["all"],
        }
    result = {
        "bench": "link_contrast",
        "root": str(args.root),
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "places": len(sample),
        "pictures": len(needed),
        "clip": args.clip,
        "seconds": round(time.perf_counter() - t0, 1),
        **out,
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

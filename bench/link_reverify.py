"""Re-verify the place links of a built link store with today's ``verify``: how many of its
wrong links (different places, by the collection's truth file) are now refused, and how
many of a random sample of its right links (same place) are lost. Also the real pairs of
opencv-doc and scikit-image's stereo motorcycle, which must keep linking.

    python -m bench.link_reverify --root bench/.cache/link/link-10k-v4 --store store-2 \\
        --right 1500 --name link-reverify-10k-v4

Reads the store only (features and links); prints JSON and writes
``bench/results/<name>.json``. A store built with older code is development data: its
wrong links are what the verification tests were chosen on.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.link import OPENCV_PAIRS
from bench.machine import cpu_model, emit
from safeguard.link.features import features_from_bytes, features_from_pixels
from safeguard.link.store import Link, LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, Verification, VerifyOptions, verify

OPENCV = Path("/usr/share/doc/opencv-doc/examples/data")
RESULTS = Path(__file__).parent / "results"


def _row(v: Verification) -> dict[str, Any]:
    return {
        "model": v.model,
        "inliers": v.inliers,
        "linked": v.linked,
        "overlap_cover": v.overlap_cover,
        "region_cover": v.region_cover,
    }


def reverify(store: LinkStore, links: list[Link], options: VerifyOptions) -> list[dict[str, Any]]:
    out = []
    for link in links:
        a = store.features(link.a)[link.view_a]
        b = store.features(link.b)[link.view_b]
        row = _row(verify(a, b, options))
        row["a"] = Path(store.items[link.a].path).name
        row["b"] = Path(store.items[link.b].path).name
        row["stored_model"] = link.model
        out.append(row)
    return out


def real_pairs(options: VerifyOptions) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "link"))
    from scenes import scene  # benign scikit-image scenes, as the tests use

    out: dict[str, Any] = {}
    for x, y in OPENCV_PAIRS:
        if (OPENCV / x).exists():
            a = features_from_bytes((OPENCV / x).read_bytes())[0]
            b = features_from_bytes((OPENCV / y).read_bytes())[0]
            out[f"{x}-{y}"] = _row(verify(a, b, options))
    left = features_from_pixels(scene("motorcycle_left"))
    right = features_from_pixels(scene("motorcycle_right"))
    out["motorcycle"] = _row(verify(left, right, options))
    return out


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    linked = [r for r in rows if r["linked"]]
    return {
        "links": len(rows),
        "still_linked": len(linked),
        "refused": len(rows) - len(linked),
        "by_stored_model": dict(Counter(r["stored_model"] for r in rows)),
        "still_linked_by_stored_model": dict(Counter(r["stored_model"] for r in linked)),
        "refused_by_stored_model": dict(
            Counter(r["stored_model"] for r in rows if not r["linked"])
        ),
    }


def labelled_place_links(
    root: Path, name: str, right: int, seed: int
) -> tuple[LinkStore, dict[str, str], list[Link], list[Link], list[Link]]:
    """A built store of a generated collection (``root``: the folder with
    ``collection.truth.json``), each item's place, its place links, the wrong ones, and a
    seeded sample of ``right`` right ones."""
    store = LinkStore.open(root / name)
    truth = json.loads((root / "collection.truth.json").read_text())
    label = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    place = [x for x in store.links.values() if x.kind == "place"]
    wrong = [x for x in place if label[x.a] != label[x.b]]
    same = [x for x in place if label[x.a] == label[x.b]]
    return store, label, place, wrong, random.Random(seed).sample(same, min(right, len(same)))


def labelled_store_parser(description: str, right: int) -> argparse.ArgumentParser:
    """The arguments of the benches that read a built store with its truth
    (:func:`labelled_place_links`): ``--root``, ``--store``, ``--right`` (right links to
    sample, default ``right``), ``--seed`` and ``--name``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--root", type=Path, required=True, help="folder with collection.truth.json"
    )
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--right", type=int, default=right, help="right links to sample")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--name", default=None)
    return parser


def main() -> None:
    args = labelled_store_parser(__doc__.split("\n\n")[0], 1500).parse_args()
    t = time.perf_counter()
    load = [round(x, 2) for x in os.getloadavg()]
    store, _label, place, wrong, sample = labelled_place_links(
        args.root, args.store, args.right, args.seed
    )
    options = DEFAULT_VERIFY
    wrong_rows = reverify(store, wrong, options)
    right_rows = reverify(store, sample, options)
    lost = sum(not r["linked"] for r in right_rows)
    result = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.root / args.store),
        "place_links_in_store": len(place),
        "wrong": summary(wrong_rows),
        "right_sample": summary(right_rows),
        "right_lost_fraction": round(lost / max(1, len(right_rows)), 4),
        "wrong_still_linked": [r for r in wrong_rows if r["linked"]],
        "right_lost": [r for r in right_rows if not r["linked"]],
        "real_pairs": real_pairs(options),
        "seconds": round(time.perf_counter() - t, 1),
    }
    emit(result, args.name)


if __name__ == "__main__":
    main()

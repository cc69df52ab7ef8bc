"""The region cover's bar, by the number of inliers: what each rule links among the first
shortlist round's pairs of stored builds (development data only).

Every pair of a store's first shortlist round (each picture's ``--k`` nearest items by
VLAD, query expansion included) is verified once with the overlap and region-cover tests
measured but not applied. Each rule is then applied to the recorded values: the bar of
0.3 alone, lower bars for every link, and lower bars for links with many inliers only.
For each rule: same-place pairs linked, pictures with a same-place link, different-place
pairs linked, and how many of those join two look-alike places (the generator's own
predicate; v4 and v5 have none: their wrong pairs share posters, furniture or windows).

    python -m bench.link_region_band --store link-v4-dev:v4:12 --store link-v14-heldout:v14

Prints JSON; ``--out`` also writes it (``bench/results/link-region-band.json``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from safeguard.link.linking import cached_features, shortlist  # noqa: E402
from safeguard.link.store import LinkStore  # noqa: E402
from safeguard.link.verify import (  # noqa: E402
    DEFAULT_VERIFY,
    Verification,
    covered_by_area,
    covered_by_texture,
    verify,
)

CACHE = ROOT / "bench" / ".cache" / "link"
#: The overlap and region tests measured, not applied (a tiny bar so the region cover is
#: computed at all).
MEASURED = replace(
    DEFAULT_VERIFY,
    min_overlap_support=0.0,
    min_overlap_cover=0.0,
    min_region_cover=1e-9,
    region_cover_inliers=0,
    texture_cover_inliers=0,
)
#: (region cover bar, inliers from which the lower bar applies, the lower bar, inliers
#: from which the covers over the textured cells may decide instead (0: never), their
#: region-cover bar). The first two rows are the rules before and after the band, the
#: last the product's default since the textured cover.
RULES = [
    (0.3, 0, 0.3, 0, 0.0),
    (0.25, 0, 0.25, 0, 0.0),
    (0.2, 0, 0.2, 0, 0.0),
    (0.3, 40, 0.2, 0, 0.0),
    (0.3, 50, 0.2, 0, 0.0),
    (0.3, 60, 0.2, 0, 0.0),
    (0.3, 50, 0.15, 0, 0.0),
    (0.3, 50, 0.2, 1, 0.3),
    (0.3, 50, 0.2, 40, 0.5),
    (0.3, 50, 0.2, 60, 0.5),
    (0.3, 50, 0.2, 50, 0.4),
    (0.3, 50, 0.2, 50, 0.6),
    (0.3, 50, 0.2, 50, 0.5),
]

_root = ""


def _init(root: str) -> None:
    global _root
    _root = root


def _verify(pair: tuple[str, int, str, int]) -> dict[str, Any]:
    a, va, b, vb = pair
    fa, ra = cached_features(_root, a)[va]
    fb, rb = cached_features(_root, b)[vb]
    return record(verify(fa, fb, MEASURED, rootsift_a=ra, rootsift_b=rb))


def record(v: Verification) -> dict[str, Any]:
    """The values a rule decides on, from a verification with ``MEASURED`` options."""
    return {
        "model": v.model,
        "inliers": v.inliers,
        "passed_other_tests": v.linked,
        "overlap_support": v.overlap_support,
        "overlap_cover": v.overlap_cover,
        "region_cover": v.region_cover,
        "overlap_cover_textured": v.overlap_cover_textured,
        "region_cover_textured": v.region_cover_textured,
        "hull_share": v.hull_share,
    }


def decided(
    x: dict[str, Any],
    bar: float,
    many: int,
    lower: float,
    texture_inliers: int = 0,
    texture_bar: float = 0.0,
) -> bool:
    """``verify``'s decision under one rule, from the recorded values (the product's own
    ``covered_by_area`` and ``covered_by_texture``)."""
    if not x["passed_other_tests"]:
        return False
    o = replace(
        DEFAULT_VERIFY,
        min_region_cover=bar,
        region_cover_inliers=many,
        min_region_cover_many=lower,
        min_region_cover_textured=texture_bar,
    )
    support = x["overlap_support"] if x["model"] == "homography" else None
    cover = x["overlap_cover"] if support is not None else None
    if covered_by_area(support, cover, x["region_cover"], x["inliers"], o):
        return True
    return (
        0 < texture_inliers <= x["inliers"]
        and (x.get("hull_share") or 0.0) >= o.min_texture_hull_share
        and covered_by_texture(
            support, x["overlap_cover_textured"], x["region_cover"], x["region_cover_textured"], o
        )
    )


def _view(name: str) -> str:
    """A generated picture's view kind (``roomv15-00012__telephoto.jpg``: telephoto)."""
    return name.split("__")[-1].rsplit(".", 1)[0]


def _seed(name: str) -> int:
    m = re.search(r"-(\d+)__", name)
    return int(m.group(1)) if m else -1


def open_build(
    name: str, generator: str
) -> tuple[LinkStore, dict[str, str], dict[str, str], Callable[[int], bool] | None]:
    """A stored build under ``CACHE``: its store, its truth ({file name: place label}),
    each item's file name, and the generator's look-alike predicate (None for v2-v5,
    which live in bench/link.py and have none)."""
    root = CACHE / name
    truth = json.loads((root / "collection.truth.json").read_text())
    store = LinkStore.open(root / "store-2")
    file = {i.id: Path(i.path).name for i in store.items.values()}
    try:
        module = importlib.import_module(f"bench.link_rooms_{generator}")
    except ModuleNotFoundError:
        return store, truth, file, None
    return store, truth, file, getattr(module, "is_distractor", None)


def measure(
    name: str, generator: str, k: int, workers: int, dump: Path | None = None
) -> dict[str, Any]:
    store, truth, file, look_alike = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    t = time.perf_counter()
    pairs = shortlist(store, sorted(store.items), k)
    with Pool(workers, initializer=_init, initargs=(str(store.root),)) as pool:
        found = pool.map(_verify, pairs, chunksize=32)
    for pair, x in zip(pairs, found, strict=True):
        x.update(a=file[pair[0]], b=file[pair[2]], same=label[pair[0]] == label[pair[2]])
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        (dump / f"{name}.json").write_text(json.dumps(found))
    rules = []
    for bar, many, lower, texture_inliers, texture_bar in RULES:
        accepted = [x for x in found if decided(x, bar, many, lower, texture_inliers, texture_bar)]
        pictures = {p for x in accepted if x["same"] for p in (x["a"], x["b"])}
        wrong = [x for x in accepted if not x["same"]]
        alike = [
            x
            for x in wrong
            if look_alike is not None and look_alike(_seed(x["a"])) and look_alike(_seed(x["b"]))
        ]
        rules.append(
            {
                "bar": bar,
                "lower_bar_from_inliers": many or None,
                "lower_bar": lower if many else None,
                "textured_cover_from_inliers": texture_inliers or None,
                "textured_region_cover_bar": texture_bar if texture_inliers else None,
                "same_place_pairs_linked": sum(x["same"] for x in accepted),
                "pictures_linked_to_their_place": len(pictures),
                "pictures_linked_by_view": dict(sorted(Counter(map(_view, pictures)).items())),
                "different_place_pairs_linked": len(wrong),
                "of_which_look_alikes": len(alike),
                "other_wrong_pairs": [
                    {k: x[k] for k in ("a", "b", "model", "inliers", "region_cover")}
                    for x in wrong
                    if x not in alike
                ][:20],
            }
        )
    band = [
        x
        for x in found
        if x["passed_other_tests"]
        and decided(x, 0.0, 0, 0.0)
        and x["region_cover"] is not None
        and 0.2 <= x["region_cover"] < 0.3
    ]
    return {
        "store": name,
        "generator": generator,
        "pictures": len(store.items),
        "k": k,
        "pairs_verified": len(pairs),
        "seconds": round(time.perf_counter() - t, 1),
        "rules": rules,
        "region_cover_0.2_to_0.3": {
            "same_place_inliers": sorted(x["inliers"] for x in band if x["same"]),
            "different_place_inliers": sorted(x["inliers"] for x in band if not x["same"]),
        },
    }


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    """``--store NAME:GENERATOR[:K]``, repeatable."""
    parser.add_argument(
        "--store",
        action="append",
        required=True,
        metavar="NAME:GENERATOR[:K]",
        help="a build under bench/.cache/link (its store-2), the generator that made it "
        "(for the look-alike predicate) and the shortlist's k (default 5); repeatable",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_argument(parser)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    parser.add_argument("--dump", type=Path, help="write each store's verified pairs here")
    args = parser.parse_args()
    results = []
    for spec in args.store:
        name, generator, *rest = spec.split(":")
        results.append(
            measure(name, generator, int(rest[0]) if rest else 5, args.workers, args.dump)
        )
        print(f"{name}: done", file=sys.stderr)
    out: dict[str, Any] = {
        "rule": "a link needs region cover >= bar, or >= lower_bar when it has "
        "lower_bar_from_inliers inliers or more",
        "stores": results,
    }
    text = json.dumps(out, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

"""Verification options side by side: what each variant links among the first shortlist
round's pairs of stored builds (development data only).

Every pair of a store's first shortlist round (each picture's ``k`` nearest items by VLAD,
query expansion included) is verified once per variant. A variant is the product's
``VerifyOptions`` with some fields replaced (``--variant own:twin_distance=own``; the first
variant is the baseline and ``default`` is the product's own options). For each variant:
same-place pairs linked, pictures with a same-place link (and by view kind), different-place
pairs linked, how many of those join two look-alike places (the generator's own predicate)
and the others by name.

    python -m bench.link_verify_variants --store link-v16-heldout:v16 \\
        --variant own:twin_distance=own --variant cross:twin_distance=cross

Prints JSON; ``--out`` also writes it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench.link_region_band import _seed, _view, add_store_argument, open_build  # noqa: E402
from safeguard.link.linking import cached_features, shortlist  # noqa: E402
from safeguard.link.verify import DEFAULT_VERIFY, VerifyOptions, verify  # noqa: E402

_root = ""
_variants: dict[str, VerifyOptions] = {}


def variant(spec: str) -> tuple[str, VerifyOptions]:
    """``name:field=value,field=value`` (values parsed as JSON, else taken as text)."""
    name, _, fields = spec.partition(":")
    known = {f.name: f for f in dataclasses.fields(VerifyOptions)}
    changes: dict[str, Any] = {}
    for item in filter(None, fields.split(",")):
        key, sep, raw = item.partition("=")
        if not sep or key not in known:
            raise ValueError(f"{spec!r}: {key!r} is not a field of VerifyOptions")
        try:
            changes[key] = json.loads(raw)
        except json.JSONDecodeError:
            changes[key] = raw
    return name, dataclasses.replace(DEFAULT_VERIFY, **changes)


def _init(root: str, variants: dict[str, VerifyOptions]) -> None:
    global _root, _variants
    _root, _variants = root, variants


def _verify(pair: tuple[str, int, str, int]) -> dict[str, bool]:
    a, va, b, vb = pair
    fa, ra = cached_features(_root, a)[va]
    fb, rb = cached_features(_root, b)[vb]
    return {
        name: verify(fa, fb, o, rootsift_a=ra, rootsift_b=rb).linked
        for name, o in _variants.items()
    }


def tally(
    found: list[tuple[str, str, bool, dict[str, bool]]],
    names: list[str],
    look_alike: Callable[[int], bool] | None,
) -> dict[str, Any]:
    """Per variant, from (picture a, picture b, same place, linked by variant) rows."""
    out: dict[str, Any] = {}
    for name in names:
        linked = [(a, b, same) for a, b, same, by in found if by[name]]
        pictures = {p for a, b, same in linked if same for p in (a, b)}
        wrong = [(a, b) for a, b, same in linked if not same]
        alike = [
            (a, b) for a, b in wrong if look_alike and look_alike(_seed(a)) and look_alike(_seed(b))
        ]
        out[name] = {
            "same_place_pairs_linked": sum(same for _, _, same in linked),
            "pictures_linked_to_their_place": len(pictures),
            "pictures_linked_by_view": dict(sorted(Counter(map(_view, pictures)).items())),
            "different_place_pairs_linked": len(wrong),
            "of_which_look_alikes": len(alike),
            "other_wrong_pairs": [list(p) for p in wrong if p not in alike][:20],
        }
    return out


def measure(
    name: str, generator: str, k: int, variants: dict[str, VerifyOptions], workers: int
) -> dict[str, Any]:
    store, truth, file, look_alike = open_build(name, generator)
    t = time.perf_counter()
    pairs = shortlist(store, sorted(store.items), k)
    with Pool(workers, initializer=_init, initargs=(str(store.root), variants)) as pool:
        linked = pool.map(_verify, pairs, chunksize=32)
    rows = [
        (file[a], file[b], truth[file[a]] == truth[file[b]], by)
        for (a, _, b, _), by in zip(pairs, linked, strict=True)
    ]
    return {
        "store": name,
        "generator": generator,
        "pictures": len(store.items),
        "k": k,
        "pairs_verified": len(pairs),
        "seconds": round(time.perf_counter() - t, 1),
        "variants": tally(rows, list(variants), look_alike),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_argument(parser)
    parser.add_argument(
        "--variant",
        action="append",
        required=True,
        metavar="NAME:FIELD=VALUE[,...]",
        help="VerifyOptions with these fields replaced; repeatable, the first is the baseline",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    try:
        variants = dict(map(variant, args.variant))
    except (ValueError, TypeError) as e:
        parser.error(str(e))
    results = []
    for spec in args.store:
        name, generator, *rest = spec.split(":")
        k = int(rest[0]) if rest else 5
        results.append(measure(name, generator, k, variants, args.workers))
        print(f"{name}: done", file=sys.stderr)
    out = {"variants": args.variant, "stores": results}
    text = json.dumps(out, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

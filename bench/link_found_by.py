"""Which build stage found the place links, right and wrong, and what leaving one stage's
links out would do (development data only: stored ``bench.link`` builds whose links
record ``Link.found_by``).

For each store: place links by the stage that offered their pair (``found_by``), whether
they join one place, whether either side is a look-alike place (the generator's own
predicate), and whether the pair was verified as a mirror image. Then the links of each
stage are left out, or only those verified as they are (not mirrored), and the groups
measured again (``bench.link.link_quality``): links, wrong links, same-place pairs in one
group. Leaving links out afterwards is a simulation: in a build without them the refusal
tests would have seen other neighbourhoods.

    python -m bench.link_found_by --store link-v23-seen100-votes:v23 --out F

Prints JSON; ``--out`` also writes it (``bench/results/link-found-by.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench.link import link_quality  # noqa: E402
from bench.link_region_band import CACHE, open_build  # noqa: E402
from safeguard.link.store import Link  # noqa: E402

#: What is left out: a name and which links it takes away.
LEFT_OUT: dict[str, Callable[[Link], bool]] = {
    "nothing": lambda x: False,
    "mirrored": lambda x: x.found_by == "mirrored",
    "mirrored_found_not_mirrored": lambda x: x.found_by == "mirrored" and not x.mirrored,
    "second_round": lambda x: x.found_by == "second_round",
    "votes": lambda x: x.found_by == "votes",
    "attach": lambda x: x.found_by == "attach",
}


def _place(label: str) -> int:
    return int(label.rsplit("-", 1)[-1])


def measure(name: str, generator: str) -> dict[str, Any]:
    store, truth, file, look_alike = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for x in store.links.values():
        if x.kind != "place":
            continue
        alike = look_alike is not None and (
            look_alike(_place(label[x.a])) or look_alike(_place(label[x.b]))
        )
        counts[
            x.found_by or "unknown",
            "right" if label[x.a] == label[x.b] else "wrong",
            "look_alike" if alike else "ordinary",
            "mirrored" if x.mirrored else "as_is",
        ] += 1
    every = dict(store.links)
    left_out = {}
    for what, drop in LEFT_OUT.items():
        store.links = {k: x for k, x in every.items() if x.kind != "place" or not drop(x)}
        q = link_quality(store, truth)
        left_out[what] = {
            "place_links": q["place_links"],
            "wrong_links": q["wrong_links"],
            "pair_recall_in_groups": q["pair_recall_in_groups"],
            "groups_mixing_places": q["groups_mixing_places"],
        }
    store.links = every
    return {
        "store": name,
        "generator": generator,
        "pictures": len(store.items),
        "links": [
            {"found_by": s, "place": p, "places": k, "verified": m, "links": n}
            for (s, p, k, m), n in sorted(counts.items())
        ],
        "left_out": left_out,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", action="append", required=True, metavar="NAME:GENERATOR",
                        help=f"a stored build under {CACHE} and its generator")  # fmt: skip
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    out = []
    for spec in args.store:
        name, _, generator = spec.partition(":")
        out.append(measure(name, generator))
    text = json.dumps(out, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

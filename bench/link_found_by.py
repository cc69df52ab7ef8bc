"""Which build stage found the place links, right and wrong, and what leaving one stage's
links out would do (development data only: stored ``bench.link`` builds whose links
record ``Link.found_by``).

For each store: place links by the stage that offered their pair (``found_by``), whether
they join one place, whether either side is a look-alike place (the generator's own
predicate), and whether the pair was verified as a mirror image; the wrong links by the
two pictures' view kinds (the file name's part after ``__``: two screenshots of one app
share its frame) and by the two places' kinds (the generator's ``place_kind``). Then the
links of each
stage are left out, or only those verified as they are (not mirrored), and the groups
measured again (``bench.link.link_quality``): links, wrong links, same-place pairs in one
group. Leaving links out afterwards is a simulation: in a build without them the refusal
tests would have seen other neighbourhoods.

    python -m bench.link_found_by --store link-v23-seen100-votes:v23 --out F

Prints JSON; ``--out`` also writes it (``bench/results/link-found-by.json``).
"""

from __future__ import annotations

import argparse
import importlib
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
    "deep": lambda x: x.found_by == "deep",
    "attach": lambda x: x.found_by == "attach",
}


def _place(label: str) -> int:
    return int(label.rsplit("-", 1)[-1])


def view_kind(file_name: str) -> str:
    """A generated picture's view kind: ``room<tag>-<seed>__<view>.<ext>`` gives <view>
    ("original" for the place's own picture); "?" for other names."""
    stem = Path(file_name).name.rsplit(".", 1)[0]
    _, sep, view = stem.partition("__")
    return view if sep and view else "?"


def wrong_by(
    links: list[Link],
    label: dict[str, str],
    key: Callable[[str], str],
) -> dict[str, Any]:
    """The wrong place links (two places) counted by ``key`` of their two items (sorted,
    joined by " | "), and how many have the same key on both sides."""
    counts: Counter[str] = Counter()
    same = 0
    wrong = 0
    for x in links:
        if x.kind != "place" or label[x.a] == label[x.b]:
            continue
        wrong += 1
        ka, kb = key(x.a), key(x.b)
        same += ka == kb
        counts[" | ".join(sorted((ka, kb)))] += 1
    return {"wrong_links": wrong, "same_on_both_sides": same, "by_pair": dict(counts.most_common())}


def _kind_of(generator: str) -> Callable[[int], str] | None:
    try:
        module = importlib.import_module(f"bench.link_rooms_{generator}")
    except ImportError:
        return None
    kind = getattr(module, "place_kind", None)
    return kind if callable(kind) else None


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
    links = list(every.values())
    place_kind = _kind_of(generator)
    return {
        "store": name,
        "generator": generator,
        "pictures": len(store.items),
        "links": [
            {"found_by": s, "place": p, "places": k, "verified": m, "links": n}
            for (s, p, k, m), n in sorted(counts.items())
        ],
        "wrong_by_views": wrong_by(links, label, lambda i: view_kind(file[i])),
        "wrong_by_kinds": (
            None
            if place_kind is None
            else wrong_by(links, label, lambda i: str(place_kind(_place(label[i]))))
        ),
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

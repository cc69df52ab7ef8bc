"""Attaching with more or fewer votes (``AttachOptions.votes``), on built stores
(development data).

Attaching (``linking.attach_links``) joins a picture that no place link reaches to the
place group whose pictures link to it guided, when ``votes`` or more of that group do and
none of another group does. On the held-out builds v26-v30 it made 2-12 of each build's
wrong links and raised same-place pairs in one group by 0.002-0.010 (``bench.link_found_by``,
``left_out.attach``).

For each stored build this takes its plain place links (the attached ones left out),
attaches again over all its pictures with each ``--votes``, exactly as a build does
(the refusal tests included), and prints the attached links (right and wrong) and the
build's own measures with them (``bench.link.link_quality``). With the votes the build
used, the attached links are the stored ones: the run checks the simulation.

    python -m bench.link_attach_votes --name link-v30-heldout:v30 --votes 2 --votes 3

Reads the stores only; prints JSON and, with ``--out NAME``, writes
``bench/results/NAME.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link import link_quality  # noqa: E402
from bench.link_attach_refusals import _Without  # noqa: E402
from bench.link_neighbours import add_store_names  # noqa: E402
from bench.link_region_band import open_build  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.linking import (  # noqa: E402
    DEFAULT_ATTACH,
    LinkOptions,
    attach_links,
    stored_burnt_in,
)
from safeguard.link.runner import LocalRunner  # noqa: E402
from safeguard.link.store import Link, LinkStore  # noqa: E402

MEASURES = ("place_links", "wrong_links", "pair_recall_in_groups", "groups_mixing_places")


def _votes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: at least one vote")
    return value


def summary(links: Sequence[Link], label: dict[str, str]) -> dict[str, Any]:
    """Attached links and pictures, right and wrong (``label``: item id -> place)."""
    wrong = [x for x in links if label[x.a] != label[x.b]]
    return {
        "attached_links": len(links),
        "wrong_attached_links": len(wrong),
        "wrong_by_places": sorted(sorted((label[x.a], label[x.b])) for x in wrong),
    }


def measure(name: str, generator: str, votes: Sequence[int]) -> dict[str, Any]:
    store, truth, file, _ = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    plain = {k: x for k, x in store.links.items() if not x.guided}
    before: LinkStore = _Without(store, plain)  # type: ignore[assignment]
    burnt = stored_burnt_in(store, LinkOptions().overlay)
    stored = [x for x in store.links.values() if x.guided]
    out: dict[str, Any] = {
        "store": name,
        "generator": generator,
        "pictures": len(store.items),
        "stored": summary(stored, label),
        "without_attaching": {k: link_quality(before, truth)[k] for k in MEASURES},
        "votes": [],
    }
    for n in votes:
        t = time.perf_counter()
        options = LinkOptions(attach=replace(DEFAULT_ATTACH, votes=n))
        got = attach_links(before, sorted(store.items), [], options, LocalRunner(), burnt=burnt)
        links = dict(plain) | {x.key: x for x in got.links}
        quality = link_quality(_Without(store, links), truth)  # type: ignore[arg-type]
        out["votes"].append(
            {"votes": n, "pictures_attached": got.pictures}
            | summary(got.links, label)
            | {k: quality[k] for k in MEASURES}
            | {"seconds": round(time.perf_counter() - t, 1)}
        )
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_names(parser)
    parser.add_argument("--votes", action="append", type=_votes, default=None,
                        help="votes to try (default 2 and 3)")  # fmt: skip
    parser.add_argument("--out", help="also write bench/results/OUT.json")
    args = parser.parse_args(argv)
    votes = args.votes or [2, 3]
    result = {
        "machine": cpu_model(),
        "stores": [measure(n, g, votes) for n, g in args.name],
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()

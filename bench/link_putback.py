"""What each refusal test costs and saves, on built stores (development data).

A build refuses verified place links with three tests after verification: the shared-
object test (``link.objects``), the common-content test (``link.common``) and the
conflict test (``link.conflict``); each keeps what it refused in the store's
``objects.jsonl``. This puts each test's refused links back into the stored links (and
then all three together) and prints the build's own measures
(``bench.link.link_quality``: place links, wrong links, same-place pairs in one group,
groups mixing places), with the refused links that were right and wrong.

It is a simulation: in a build, a link put back would also have confirmed others and
been asked by the later tests. It answers one question: is recall lost to the refusal
tests, or earlier, in verification?

    python -m bench.link_putback --name link-v30-heldout:v30 --out link-putback

Reads the stores only; prints JSON and, with ``--out NAME``, writes
``bench/results/NAME.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link import link_quality  # noqa: E402
from bench.link_attach_refusals import _Without  # noqa: E402
from bench.link_neighbours import add_store_names  # noqa: E402
from bench.link_region_band import open_build  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.store import Link  # noqa: E402

TESTS = ("shared_object", "common", "conflict")
MEASURES = ("place_links", "wrong_links", "pair_recall_in_groups", "groups_mixing_places")


def refusing_test(record: dict[str, Any]) -> str:
    """Which test refused a line of ``objects.jsonl``."""
    if "holders" in record:
        return "shared_object"
    if "missing" in record:
        return "conflict"
    return "common"


def as_link(record: dict[str, Any]) -> Link:
    """A refused link's record as the place link it would have been (the record is the
    link's own JSON with the test's evidence added)."""
    return Link.from_json(record | {"kind": record.get("kind", "place")})


def put_back(
    links: dict[tuple[str, str, str], Link], records: Iterable[dict[str, Any]], tests: set[str]
) -> dict[tuple[str, str, str], Link]:
    """``links`` with the refused links of ``tests`` added (a stored link is kept)."""
    out = dict(links)
    for r in records:
        if refusing_test(r) in tests:
            link = as_link(r)
            out.setdefault(link.key, link)
    return out


def measure(name: str, generator: str) -> dict[str, Any]:
    store, truth, file, _ = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    path = store.root / "objects.jsonl"
    lines = path.read_text().splitlines() if path.exists() else []
    records = [json.loads(x) for x in lines if x.strip()]
    records = [r for r in records if "a" in r and "b" in r and r.get("kind", "place") == "place"]
    stored = {k: v for k, v in store.links.items()}
    out: dict[str, Any] = {
        "store": name,
        "generator": generator,
        "pictures": len(file),
        "as_built": {k: link_quality(store, truth)[k] for k in MEASURES},
        "put_back": [],
    }
    for tests in [*({t} for t in TESTS), set(TESTS)]:
        mine = [r for r in records if refusing_test(r) in tests]
        quality = link_quality(_Without(store, put_back(stored, records, tests)), truth)  # type: ignore[arg-type]
        out["put_back"].append(
            {
                "tests": sorted(tests),
                "refused": len(mine),
                "refused_right": sum(label[r["a"]] == label[r["b"]] for r in mine),
                "refused_wrong": sum(label[r["a"]] != label[r["b"]] for r in mine),
            }
            | {k: quality[k] for k in MEASURES}
        )
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_names(parser)
    parser.add_argument("--out", help="also write bench/results/OUT.json")
    args = parser.parse_args(argv)
    result = {"machine": cpu_model(), "stores": [measure(n, g) for n, g in args.name]}
    emit(result, args.out)


if __name__ == "__main__":
    main()

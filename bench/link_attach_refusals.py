"""Would the build's refusal tests have caught the wrong attachments? (Issue 14.)

``linking.attach_links`` joins a picture that nothing links to a place group when two or
more of the group's pictures link to it by guided matching (``link.guided``) and no other
group's picture does. Those guided links skip the two tests that ``build`` applies to its
plain links after verification: the shared-object test (``link.objects``) and the
common-content test (``link.common``). On held-out v19, 14 of the 70 attached pictures
went to a wrong place.

For every attached link of a stored build (``Link.guided``), this verifies the pair again
as attaching did, then runs both tests on it as ``build`` would have at that point: the
neighbourhoods and components over the store's links other than the attached ones. It
prints, for right and wrong attachments, what each test says and the common-content own
share, and which pictures would stay attached if a picture kept only the links that pass
(``attach.votes`` or more, all of one group).

    python -m bench.link_attach_refusals --name link-v19-rerun:v19 [--name ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link_region_band import _seed, open_build  # noqa: E402
from safeguard.link.linking import (  # noqa: E402
    DEFAULT_ATTACH,
    LinkOptions,
    attach_links,
    refusing_test,
    stored_burnt_in,
)
from safeguard.link.runner import LocalRunner  # noqa: E402
from safeguard.link.store import Link, LinkStore  # noqa: E402


class _Without:
    """The store with only ``links`` (the attached ones left out)."""

    def __init__(self, store: LinkStore, links: dict[Any, Link]) -> None:
        self._store = store
        self.links = links

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def measure(name: str, generator: str) -> dict[str, Any]:
    store, truth, file, look_alike = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    plain = {k: x for k, x in store.links.items() if not x.guided}
    before: LinkStore = _Without(store, plain)  # type: ignore[assignment]
    burnt = stored_burnt_in(store, LinkOptions().overlay)
    grouped = {m for x in plain.values() if x.kind == "place" for m in (x.a, x.b)}
    out: dict[str, Any] = {"name": name, "stored_attached_links": len(store.links) - len(plain)}
    for tests in (False, True):
        options = LinkOptions(attach=replace(DEFAULT_ATTACH, tests=tests))
        got = attach_links(before, sorted(store.items), [], options, LocalRunner(), burnt=burnt)
        pictures: dict[str, set[str]] = defaultdict(set)
        for x in got.links:
            new = x.a if x.a not in grouped else x.b
            pictures[new].add(label[x.b if new == x.a else x.a])
        wrong = {p for p, places in pictures.items() if places != {label[p]}}
        alike = {
            p
            for p in wrong
            if look_alike is not None
            and look_alike(_seed(file[p]))
            and all(look_alike(_seed(q + "__")) for q in pictures[p])
        }
        out["tests" if tests else "no_tests"] = {
            "pictures": len(pictures),
            "wrong_pictures": len(wrong),
            "wrong_within_look_alike_groups": len(alike),
            "links": len(got.links),
            "wrong_links": sum(label[x.a] != label[x.b] for x in got.links),
            "refused_guided_links": len(got.refused),
            "refused_right": sum(label[r["a"]] == label[r["b"]] for r in got.refused),
            "refused_by": dict(Counter(refusing_test(r) for r in got.refused)),
            "verified": got.verified,
            "searched": got.searched,
            "matchings": got.matchings,
            "wrong_examples": sorted(file[p] for p in wrong)[:20],
            "own_share_wrong": sorted(
                x.own_share for x in got.links if label[x.a] != label[x.b] and x.own_share
            ),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", action="append", required=True, help="CACHE name:generator")
    args = parser.parse_args(argv)
    out = [measure(*n.split(":")) for n in args.name]
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Which links of a built store pass only through the cover over the textured part of the
shared view (``VerifyOptions.texture_cover_inliers``; development data, or a held-out
store after its one measurement): each plain place link is verified again with and
without that path, and the store's quality is computed without those links (an
estimate: the build would have gone on differently without them).

    PYTHONPATH=src:. python -m bench.link_textured_links \\
        --root bench/.cache/link/link-v16-heldout --name link-v16-heldout-without-textured

Reads the store only; prints JSON and writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any, cast

from bench.link import RESULTS, link_quality
from safeguard.link.linking import cached_features
from safeguard.link.store import LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, verify

AREA_ONLY = dataclasses.replace(DEFAULT_VERIFY, texture_cover_inliers=0)


class _Without:
    """A built store as it is but for some links."""

    def __init__(self, store: LinkStore, keys: set[tuple[str, str, str]]) -> None:
        self._store = store
        self.links = {k: x for k, x in store.links.items() if k not in keys}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def textured_only(store: LinkStore) -> tuple[int, list[tuple[str, str, str]]]:
    """The plain (not guided) place links, and the keys of those that link by default
    but not with the textured path off."""
    plain = 0
    keys = []
    for key, x in store.links.items():
        if x.kind != "place" or x.guided:
            continue
        plain += 1
        fa, ra = cached_features(str(store.root), x.a)[x.view_a]
        fb, rb = cached_features(str(store.root), x.b)[x.view_b]
        if (
            verify(fa, fb, rootsift_a=ra, rootsift_b=rb).linked
            and not verify(fa, fb, AREA_ONLY, rootsift_a=ra, rootsift_b=rb).linked
        ):
            keys.append(key)
    return plain, keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="a bench/link run's folder")
    parser.add_argument("--store", default="store-2")
    parser.add_argument("--name", required=True, help="results file name (without .json)")
    args = parser.parse_args()
    store = LinkStore.open(args.root / args.store)
    truth = json.loads((args.root / "collection.truth.json").read_text())
    label = {i.id: truth[Path(i.path).name] for i in store.items.values()}
    plain, keys = textured_only(store)
    right = sum(label[store.links[k].a] == label[store.links[k].b] for k in keys)
    out = {
        "store": str(args.root / args.store),
        "plain_place_links": plain,
        "textured_only_links": len(keys),
        "right": right,
        "wrong": len(keys) - right,
        "without_them": link_quality(cast(LinkStore, _Without(store, set(keys))), truth),
    }
    text = json.dumps(out, indent=1)
    (RESULTS / f"{args.name}.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

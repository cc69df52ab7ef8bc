"""Pictures linked as they arrive, in batches, against one build of them all (development
data only).

A hotline or an examiner adds media case by case, so a store is built in many runs. The
conflict test (``link.conflict``) needs a picture's other links to confirm its place's own
content; in a run that adds the first pictures of two look-alike places, nothing is
confirmed yet and their link is made. ``ConflictOptions.revisit`` asks the stored links of
the views each later run links again, with what the new links confirm. This bench takes
the pictures of the first ``--places`` places of a stored collection (seeds in order, so
look-alike groups stay whole), shuffles them (``--seed``) and builds three stores with
``bench.link``'s options on Dask:

- ``all_at_once``: one build of all of them;
- ``batches_without_revisit``: ``--batches`` builds, one after another, revisiting off;
- ``batches_with_revisit``: the same batches, revisiting on (the default).

``--first N`` puts a batch of the first N pictures before the others: a store begun with
a small case, whose VLAD codebook is learned from that case alone. ``--stores`` picks the
stores to build; ``batches_relearned`` (revisiting on) learns the codebook again after
``--relearn-after`` batches (``link upgrade --relearn-codebook``) and goes on with the copy.

For each store it reports ``bench.link.link_quality`` (wrong links, same-place pairs in one
group, groups mixing places), the links refused and withdrawn by the conflict test, the
verifications and the seconds.

    python -m bench.link_incremental --name link-v21-heldout --generator v21 --places 100

Prints JSON and writes ``bench/results/link-incremental-<generator>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench.link import CACHE, link_quality  # noqa: E402
from bench.link_region_band import _seed  # noqa: E402
from bench.machine import cpu_model, emit  # noqa: E402
from safeguard.link.conflict import DEFAULT_CONFLICT  # noqa: E402
from safeguard.link.linking import LinkOptions, build, upgrade  # noqa: E402
from safeguard.link.runner import dask_runner  # noqa: E402
from safeguard.link.store import LinkStore  # noqa: E402

QUALITY = ("place_links", "wrong_links", "pair_recall_in_groups", "groups_mixing_places")
STORES = ("all_at_once", "batches_without_revisit", "batches_with_revisit", "batches_relearned")


def batches(pictures: list[Path], n: int, folder: Path, first: int = 0) -> list[Path]:
    """``n`` folders under ``folder`` holding links to consecutive shares of
    ``pictures``; with ``first``, a folder of the first ``first`` pictures before them
    (a store begun with a small case)."""
    if folder.exists():
        shutil.rmtree(folder)
    shares = [pictures[:first]] if first else []
    rest = pictures[first:]
    size = -(-len(rest) // n)
    shares += [rest[i * size : (i + 1) * size] for i in range(n)]
    out = []
    for i, share in enumerate(shares):
        batch = folder / f"batch-{i}"
        batch.mkdir(parents=True)
        for p in share:
            (batch / p.name).symlink_to(p.resolve())
        out.append(batch)
    return out


def run(
    folders: list[Path],
    store_dir: Path,
    options: LinkOptions,
    workers: int,
    relearn_after: int | None = None,
) -> dict[str, Any]:
    """Build ``folders`` into a new store one after another; the summed counts and the
    store's folder. With ``relearn_after``, after that many folders the build goes on in
    the store's copy with the codebook learned again (``linking.upgrade(relearn=True)``,
    a new folder, as a user would point ``--store`` at it: the workers' caches are keyed
    by folder)."""
    relearned = store_dir.with_name(store_dir.name + "-relearned")
    for old in (store_dir, relearned):
        if old.exists():
            shutil.rmtree(old)
    store = LinkStore.open(store_dir, create=True)
    totals: dict[str, Any] = {"verified": 0, "conflict_links": 0, "conflict_withdrawn": 0}
    t = time.perf_counter()
    with dask_runner(workers) as runner:
        for n, folder in enumerate(folders):
            if n == relearn_after:
                upgrade(store, relearned, relearn=True)
                store = LinkStore.open(relearned)
            summary = build(store, [folder], runner=runner, options=options).to_json()
            for k in totals:
                totals[k] += summary[k]
    return totals | {"seconds": round(time.perf_counter() - t, 1), "folder": str(store.root)}


def measure(
    name: str,
    generator: str,
    places: int,
    n: int,
    seed: int,
    workers: int,
    first: int = 0,
    only: tuple[str, ...] = STORES,
    relearn_after: int = 1,
) -> dict[str, Any]:
    root = CACHE / name
    truth: dict[str, str] = json.loads((root / "collection.truth.json").read_text())
    pictures = sorted(
        p
        for p in (root / "collection").iterdir()
        if p.name in truth and 0 <= _seed(p.name) < places
    )
    random.Random(seed).shuffle(pictures)
    work = CACHE / f"{name}-incremental"
    one = batches(pictures, 1, work / "one")
    many = batches(pictures, n, work / "many", first)
    revisit_off = LinkOptions(conflict=replace(DEFAULT_CONFLICT, revisit=False))
    stores: dict[str, Any] = {}
    for label, folders, options, relearn in (
        ("all_at_once", one, LinkOptions(), None),
        ("batches_without_revisit", many, revisit_off, None),
        ("batches_with_revisit", many, LinkOptions(), None),
        ("batches_relearned", many, LinkOptions(), relearn_after),
    ):
        if label not in only:
            continue
        totals = run(folders, work / label, options, workers, relearn)
        quality = link_quality(LinkStore.open(totals.pop("folder")), truth)
        stores[label] = {k: quality[k] for k in QUALITY} | totals
        print(f"{label}: {json.dumps(stores[label])}", file=sys.stderr)
    return {
        "store": name,
        "generator": generator,
        "places": places,
        "pictures": len(pictures),
        "batches": n,
        "first_batch": first or None,
        "relearned_after_batches": relearn_after if "batches_relearned" in only else None,
        "seed": seed,
        "workers": workers,
        "stores": stores,
        "cpu": cpu_model(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", required=True, help="a bench.link run under bench/.cache/link")
    parser.add_argument("--generator", required=True, help="the generator that made it (seen)")
    parser.add_argument("--places", type=int, default=100, help="the places of seeds below this")
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0, help="the pictures' order")
    parser.add_argument(
        "--first", type=int, default=0, help="a first batch of this many pictures, then --batches"
    )
    parser.add_argument(
        "--stores", default=",".join(STORES[:3]), help=f"which to build, of {','.join(STORES)}"
    )
    parser.add_argument(
        "--relearn-after", type=int, default=1,
        help="batches_relearned: learn the codebook again after this many batches",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")
    only = tuple(args.stores.split(","))
    if set(only) - set(STORES):
        parser.error(f"--stores: one or more of {','.join(STORES)}")
    result = measure(
        args.name, args.generator, args.places, args.batches, args.seed, args.workers,
        args.first, only, args.relearn_after,
    )  # fmt: skip
    emit(result, f"link-incremental-{args.generator}")


if __name__ == "__main__":
    main()

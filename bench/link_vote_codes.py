"""How small the descriptor-vote index (``link.votes``) can be made, and what its votes
lose: FAISS inverted-file indexes over one stored build's descriptors, coded 8-bit scalar
(the default, ``sq8``: 128 bytes a descriptor), 6- or 4-bit scalar (``sq6``, ``sq4``) or
product-quantised into 32 or 16 bytes (``pq32``, ``pq16``), with the same inverted lists,
training sample and vote rules as ``votes.build_index``.

For a sample of the build's pictures, each picture's views vote (``votes.tally``) and its
top ``VoteOptions.items`` items with ``min_votes`` or more are taken, as a build takes
them. A picture is **reached** when one of them shows its place (the generator's truth);
"lone" pictures are those the build linked to nothing, the ones a build asks votes for.

    python -m bench.link_vote_codes --store link-v25-heldout:v25 --queries 400 --out F

Prints JSON; ``--out`` also writes it (``bench/results/link-vote-codes.json``).
Development data only (a seen build).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench.link_region_band import open_build  # noqa: E402
from safeguard.link.votes import (  # noqa: E402
    DescriptorIndex,
    VoteOptions,
    extend_index,
    lists_for,
    store_views,
    tally,
)

CODES = ("sq8", "sq6", "sq4", "pq32", "pq16")


def _faiss_index(code: str, lists: int) -> Any:
    import faiss

    coarse = faiss.IndexFlatL2(128)
    if code.startswith("sq"):
        bits = {
            "sq8": faiss.ScalarQuantizer.QT_8bit,
            "sq6": faiss.ScalarQuantizer.QT_6bit,
            "sq4": faiss.ScalarQuantizer.QT_4bit,
        }[code]
        return faiss.IndexIVFScalarQuantizer(coarse, 128, lists, bits)
    return faiss.IndexIVFPQ(coarse, 128, lists, int(code[2:]), 8)


def measure(name: str, generator: str, queries: int, codes: list[str]) -> dict[str, Any]:
    import faiss

    faiss.omp_set_num_threads(1)
    store, truth, file, _ = open_build(name, generator)
    label = {i: truth[f] for i, f in file.items()}
    ids = sorted(store.items)
    options = VoteOptions()
    # The training sample of ``votes.build_index``: up to 32 descriptors a view.
    rng = np.random.default_rng(0)
    sample, total = [], 0
    for _, _, d in store_views(store, ids):
        d = d[: options.descriptors]
        total += len(d)
        if len(d):
            sample.append(np.asarray(d[rng.choice(len(d), min(len(d), 32), replace=False)]))
    train = np.concatenate(sample).astype(np.float32)
    if len(train) > options.training:
        train = train[np.sort(rng.choice(len(train), options.training, replace=False))]
    lists = lists_for(total, len(train))
    asked = sorted(np.random.default_rng(1).choice(ids, queries, replace=False).tolist())
    linked = {x for k in store.links.values() if k.kind == "place" for x in (k.a, k.b)}
    lone = [i for i in asked if i not in linked]
    out: dict[str, Any] = {
        "store": name,
        "pictures": len(ids),
        "descriptors": total,
        "lists": lists,
        "queries": len(asked),
        "lone_queries": len(lone),
    }
    for code in codes:
        t = time.perf_counter()
        faiss_index = _faiss_index(code, lists)
        faiss_index.train(train)
        empty = DescriptorIndex(
            faiss_index, np.zeros(0, np.int32), np.zeros(0, np.int32), (), {}, total
        )
        index = extend_index(empty, store_views(store, ids), options)
        built = time.perf_counter() - t
        size = len(faiss.serialize_index(faiss_index))
        t = time.perf_counter()
        ranked = tally(
            index,
            ((i, v, f.rootsift()) for i in asked for v, f in enumerate(store.features(i))),
            options,
        )
        searched = time.perf_counter() - t
        reached: dict[str, bool] = {}
        pairs = 0
        for i in asked:
            top = [o for o, n, *_ in ranked.get(i, []) if n >= options.min_votes]
            top = top[: options.items]
            pairs += len(top)
            reached[i] = any(label[o] == label[i] for o in top)
        out[code] = {
            "index_mb": round(size / 2**20, 1),
            "bytes_a_descriptor": round(size / max(1, total), 1),
            "reach": round(sum(reached.values()) / len(asked), 3),
            "reach_lone": round(sum(reached[i] for i in lone) / max(1, len(lone)), 3),
            "voted_pairs": pairs,
            "build_s": round(built, 1),
            "search_s": round(searched, 1),
        }
        print(code, out[code], file=sys.stderr, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, metavar="NAME:GENERATOR",
                        help="a stored bench.link build and its generator")  # fmt: skip
    parser.add_argument("--queries", type=int, default=400, help="pictures asked (default 400)")
    parser.add_argument("--codes", default=",".join(CODES),
                        help="index codes to try, comma-separated (default: all)")  # fmt: skip
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    codes = [c for c in args.codes.split(",") if c]
    unknown = sorted(set(codes) - set(CODES))
    if unknown:
        parser.error(f"unknown codes {unknown}; known: {', '.join(CODES)}")
    name, _, generator = args.store.partition(":")
    text = json.dumps(measure(name, generator, args.queries, codes), indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

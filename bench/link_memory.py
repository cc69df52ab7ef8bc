"""Memory of a live linker's index (``link.live.LiveIndex``) over a built link store: the
VLAD vectors held as stored (float16) against a float32 copy (as before), and one query's
time with each (ratio, measured in the same run).

Run: ``PYTHONPATH=src .venv/bin/python -m bench.link_memory STORE [--name NAME]``, e.g. on
the store of the 10,000-picture run (``bench/.cache/link/<name>/store-1``). Prints one JSON
object and writes it to ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

from bench.machine import cpu_model, rss
from safeguard.link.linking import similarities
from safeguard.link.live import LiveIndex
from safeguard.link.store import LinkStore

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("--name", default="link-memory")
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    load = [round(x, 2) for x in os.getloadavg()]
    start = rss() / 2**20
    store = LinkStore.open(args.store)
    before = rss() / 2**20
    index = LiveIndex.load(store)
    after = rss() / 2**20
    vectors = index.vectors
    rng = np.random.default_rng(0)
    queries = vectors[rng.choice(len(vectors), args.queries, replace=False)].astype(np.float32)
    t = time.perf_counter()
    top16 = [np.argsort(-similarities(vectors, q[None, :])[0])[:5] for q in queries]
    seconds16 = (time.perf_counter() - t) / len(queries)
    as32 = vectors.astype(np.float32)
    t = time.perf_counter()
    top32 = [np.argsort(-(as32 @ q))[:5] for q in queries]
    seconds32 = (time.perf_counter() - t) / len(queries)
    same = float(np.mean([set(a) == set(b) for a, b in zip(top16, top32, strict=True)]))
    result = {
        "machine": f"{cpu_model()}, {os.cpu_count()} cores (shared with other jobs)",
        "load_average": load,
        "store": str(args.store),
        "views": len(vectors),
        "dimensions": int(vectors.shape[1]),
        "vectors_mb_float16": round(vectors.nbytes / 2**20, 1),
        "vectors_mb_float32": round(as32.nbytes / 2**20, 1),
        "process_rss_mb_before_store": round(start, 1),
        "store_open_rss_growth_mb": round(before - start, 1),
        "process_rss_mb_index_loaded": round(after, 1),
        "index_load_rss_growth_mb": round(after - before, 1),
        "peak_rss_mb_with_float32_copy": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
        "query_ms_float16_chunked": round(seconds16 * 1000, 1),
        "query_ms_float32": round(seconds32 * 1000, 1),
        "query_time_ratio_16_over_32": round(seconds16 / seconds32, 2),
        "same_top5_as_float32": same,
    }
    text = json.dumps(result, indent=1)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

"""What building the shortlist's inverted lists costs with the compiled assignment
(``matching.shortlist_kernel``), on the codes ``bench/robust_local_ivf.py`` cached: fit and
assign ``--lists`` lists on all ``--entries`` codes (CPU time), and on the first
``--compare`` codes the numpy loop against the compiled one (the same centres, and CPU us a
(code, centre) pair). The numpy figure at full size is in that bench's results
(``fit_and_assign_s_cpu``).

    python -m bench.robust_local_ivf --entries 1000000 ...   # makes the cache first
    python -m bench.robust_local_ivf_fit --entries 1000000 --lists 1000
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bench.robust_local_ivf import CACHE, REPO
from safeguard.matching import local_shortlist as ls
from safeguard.matching.shortlist_kernel import compiled_nearest


def run(entries: int, rooms: int, nlist: int, compare: int) -> dict[str, Any]:
    path = CACHE / f"robust-local-ivf-{entries}-{rooms}.npz"
    with np.load(path, allow_pickle=False) as z:
        used, signs = z["used"], z["signs"]
    out: dict[str, Any] = {
        "benchmark": "robust-local-ivf-fit",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_start": os.getloadavg(),
        "entries": len(used),
        "lists": nlist,
        "compiled": compiled_nearest() is not None,
    }
    started = time.process_time()
    lists = ls.CoarseLists.fit(used, signs, nlist)
    out["fit_and_assign_s_cpu"] = round(time.process_time() - started, 1)
    sizes = np.bincount(lists.assigned, minlength=nlist)
    out["largest_list"], out["median_list"] = int(sizes.max()), int(np.median(sizes))
    c_used, c_signs = lists.centre_used, lists.centre_signs
    started = time.process_time()
    by_numpy = ls._nearest_numpy(c_used, c_signs, used[:compare], signs[:compare])
    numpy_s = time.process_time() - started
    started = time.process_time()
    by_kernel = ls._nearest(c_used, c_signs, used[:compare], signs[:compare])
    kernel_s = time.process_time() - started
    pairs = compare * nlist
    out[f"first_{compare}"] = {
        "same_centres": bool((by_numpy == by_kernel).all()),
        "same_as_the_fit_assigned": bool((lists.assigned[:compare] == by_numpy).all()),
        "numpy_us_a_pair": round(numpy_s / pairs * 1e6, 3),
        "compiled_us_a_pair": round(kernel_s / pairs * 1e6, 3),
    }
    out["load_average_end"] = os.getloadavg()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rooms", type=int, default=300)
    parser.add_argument("--lists", type=int, default=1000)
    parser.add_argument("--compare", type=int, default=20_000)
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "robust-local-ivf-fit-1e6.json"
    )
    args = parser.parse_args()
    result = run(args.entries, args.rooms, args.lists, args.compare)
    text = json.dumps(result, indent=2)
    print(text)
    if str(args.out):
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

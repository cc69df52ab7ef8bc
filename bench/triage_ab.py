"""Trees' triage code back to back on one image: ``python -m bench.triage_ab A B [C...]``
runs ``bench.triage.triage`` (2 workers, reduced PDQ decoding) with ``A/src`` and then
``B/src`` (and so on) on the import path, ``--rounds`` times in turn, with The Sleuth Kit floor
(``bench.triage.floor``) before and after every run; each run is compared with the mean of
the two floors around it, as in ``bench.triage``. The image is built once. Prints JSON."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.triage import build_image, floor

_CHILD = """
import json, sys
from pathlib import Path
from bench.triage import triage
print(json.dumps(triage(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))))
"""


def run(tree: Path, image: Path, workers: int, work: Path) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(dir=work))
    env = os.environ | {"PYTHONPATH": f"{tree / 'src'}{os.pathsep}{Path.cwd()}"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(image), str(workers), str(folder)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(folder, ignore_errors=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--gb", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tmp", default=tempfile.gettempdir())
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="safeguard-bench-triage-ab-", dir=args.tmp))
    runs: list[dict[str, Any]] = []
    try:
        image, corpus = build_image(work, args.gb)
        floor(image)  # warm the page cache
        last = floor(image)["mb_per_s"]
        for r in range(args.rounds):
            for tree in args.trees:
                result = run(tree.resolve(), image, args.workers, work)
                after = floor(image)["mb_per_s"]
                anchor = (last + after) / 2
                last = after
                keep = ("hashing_s", "cluster_wait_s", "mb_per_s", "load_average_at_start")
                row = {"round": r, "tree": str(tree)} | {k: result[k] for k in keep}
                row["floor_mb_s"] = round(anchor, 2)
                row["fraction_of_floor_mb_s"] = round(result["mb_per_s"] / anchor, 3)
                runs.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"benchmark": "triage_ab", "corpus": corpus, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()

"""What carving costs a triage run: ``python -m bench.triage_carve``.

Builds ``bench.triage``'s raw ext4 image (about half pictures), then deletes some of its
camera folders the way the kernel does (``debugfs``: blocks and inode freed, the inode's
extents cleared, the name unlinked), so their pictures are in unallocated blocks that only
carving finds. Then, alternated ``--rounds`` times with 2 workers (``--workers``):

- the carving pass alone, in this process: walking the image with and without carving
  (``sources.walk``), which is the time carving adds before any hashing;
- whole triage runs (``bench.triage.triage``) with ``carve`` off and on: the run's time and
  items, The Sleuth Kit floor (``bench.triage.floor``) measured around each run.

Prints one JSON object; the load average is recorded beside each run.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.machine import cpu_model
from bench.triage import build_image, floor, triage


def delete_folders(image: Path, count: int) -> dict[str, Any]:
    """Delete the last ``count`` camera folders' files as the kernel would (``debugfs``)."""
    listing = subprocess.run(
        ["debugfs", "-R", "ls -p /DCIM", str(image)], check=True, capture_output=True, text=True
    ).stdout
    folders = sorted(re.findall(r"/\d+/\d+/\d+/\d+/(\d+CAMERA)/", listing))[-count:]
    commands: list[str] = []
    files = 0
    for folder in folders:
        names = subprocess.run(
            ["debugfs", "-R", f"ls -p /DCIM/{folder}", str(image)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for inode, name in re.findall(r"/(\d+)/\d+/\d+/\d+/([^/]+\.jpg)/", names):
            path = f"/DCIM/{folder}/{name}"
            commands += [f"kill_file {path}", f"clri <{inode}>", f"unlink {path}"]
            files += 1
    script = image.with_suffix(".debugfs")
    script.write_text("\n".join(commands) + "\n")
    subprocess.run(
        ["debugfs", "-w", "-f", str(script), str(image)], check=True, capture_output=True
    )
    script.unlink()
    return {"deleted_folders": folders, "deleted_files": files}


def walk_s(image: Path, carve: bool) -> tuple[float, int, int]:
    """Seconds to walk the image (and carve it), the files found, the carved items."""
    from safeguard.triage import disk, sources
    from safeguard.triage.sources import SourceRef

    for cache in (disk.open_image, disk.open_fs, sources._carved):
        cache.cache_clear()
    started = time.perf_counter()
    found = list(sources.walk(SourceRef(str(image), "raw"), carve_unallocated=carve))
    return (
        time.perf_counter() - started,
        len(found),
        sum(1 for f in found if f.carved_at is not None),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=2.0)
    parser.add_argument("--delete-folders", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tmp", default=tempfile.gettempdir())
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="safeguard-bench-carve-", dir=args.tmp))
    result: dict[str, Any] = {
        "benchmark": "triage_carve",
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        image, corpus = build_image(work, args.gb)
        result["corpus"] = corpus | delete_folders(image, args.delete_folders)
        floor(image)  # warm the page cache
        walks = []
        runs = []
        last = floor(image)["mb_per_s"]
        for _ in range(args.rounds):
            for carve in (False, True):
                seconds, files, carved = walk_s(image, carve)
                walks.append(
                    {"carve": carve, "walk_s": round(seconds, 3), "found": files, "carved": carved}
                )
            for carve in (False, True):
                run = triage(image, args.workers, work, carve=carve)
                after = floor(image)["mb_per_s"]
                run["floor_mb_s"] = round((last + after) / 2, 2)
                run["fraction_of_floor_mb_s"] = round(run["mb_per_s"] / run["floor_mb_s"], 3)
                last = after
                runs.append(run)
        result["walks"] = walks
        result["runs"] = runs
        off = [r["whole_run_s"] for r in runs if not r["carve"]]
        on = [r["whole_run_s"] for r in runs if r["carve"]]
        result["whole_run_s_mean"] = {
            "carve_off": round(sum(off) / len(off), 2),
            "carve_on": round(sum(on) / len(on), 2),
        }
        result["carving_pass_s_mean"] = round(
            sum(w["walk_s"] for w in walks if w["carve"]) / args.rounds
            - sum(w["walk_s"] for w in walks if not w["carve"]) / args.rounds,
            3,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

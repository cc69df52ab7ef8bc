"""The triage benchmark: MB/s and files/s of ``safeguard triage run`` on a raw ext4 disk
image of benign files, with 1 and 2 workers, against The Sleuth Kit floor in the same run.

- **floor**: pytsk3 alone, one process: walk every directory, read every regular file
  (``read_random`` in 4 MiB chunks) and MD5 it. Nothing else: no SHA-1/SHA-256, no PDQ,
  no store;
- **triage**: ``run_case`` on a local Dask cluster: MD5, SHA-1, SHA-256 and PDQ (images),
  archives opened, matching against the banks (empty here), items written to SQLite, stacks
  built. Rates count the hashing stage (``hashing_s``: cluster start, walking, hashing,
  writing); the whole-source hashes before and after (chain of custody) are reported apart
  (``verify_s``) because they are a fixed two reads of the image whatever the files are.

The image is built in a temporary folder (``mkfs.ext4 -d``, no root) and deleted afterwards:
about half its bytes are pictures (320 made once by ``bench.corpus`` from scikit-image
samples, cropped, resized and noised, 1920x1080 and 640x480 JPEGs, cached in
``bench/.cache/triage-pictures`` and copied into as many camera folders as the size needs),
the rest incompressible "document" files of 64 KiB to 8 MiB. Everything is read from
the page cache after a first warm-up read (24 GiB of memory, the image fits), so the figures
compare CPU work, not the disk.

``--memory`` instead measures peak resident memory of the client process and of all
processes (client, scheduler, workers) during runs over images of 10^3, 10^4, 10^5 tiny
files (``--memory-counts``). Results: ``bench/results/triage.json`` (speed),
``triage-memory.json`` (10^3-5x10^4) and ``triage-memory-large.json`` (10^5, 2x10^5).

Prints one JSON object on stdout.
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import contextlib
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import SizeClass, build_corpus
from bench.machine import cpu_model, versions

MiB = 1 << 20


#: Distinct pictures made once by ``bench.corpus`` and cached; the image repeats them in
#: several folders (copies are common on seized disks, and each copy is hashed again).
PICTURES = (
    SizeClass("1920x1080", "JPEG", ((1920, 1080),), 240),
    SizeClass("640x480", "JPEG", ((640, 480),), 80),
)
CACHE = Path(__file__).resolve().parent / ".cache" / "triage-pictures"


def _distinct_copy(data: bytes, copy: int) -> bytes:
    """The same JPEG with a comment segment naming the copy: other bytes (other digests),
    the same pixels, so no copy can be recognised without decoding it."""
    text = f"copy {copy}".encode()
    return data[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + data[2:]


def build_image(folder: Path, gb: float, distinct: bool = False) -> tuple[Path, dict[str, Any]]:
    """A raw ext4 image of about ``gb`` GiB: about half pictures, the rest other files.
    ``distinct``: every copy of a picture gets different bytes (``_distinct_copy``)."""
    root = folder / "root"
    target = int(gb * 1024 * MiB)
    made = build_corpus(CACHE, classes=PICTURES)
    one_set = sum(p.stat().st_size for p in made)
    copies = max(1, round(target * 0.5 / one_set))
    for c in range(copies):
        folder_c = root / "DCIM" / f"{100 + c}CAMERA"
        folder_c.mkdir(parents=True)
        for p in made:
            if distinct:
                (folder_c / p.name).write_bytes(_distinct_copy(p.read_bytes(), c))
            else:
                shutil.copyfile(p, folder_c / p.name)
    image_bytes = sum(p.stat().st_size for p in root.rglob("*.jpg"))
    docs = root / "Documents"
    docs.mkdir(parents=True)
    rng = np.random.default_rng(7)
    other = 0
    n = 0
    while image_bytes + other < target:
        size = int(rng.integers(64 * 1024, 8 * MiB))
        (docs / f"doc{n:05d}.bin").write_bytes(rng.bytes(size))
        other += size
        n += 1
    total = image_bytes + other
    image = folder / "disk.img"
    size_mb = int(total * 1.15 / MiB) + 64
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", "-d", str(root), str(image), f"{size_mb}M"],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(root)
    return image, {
        "distinct_pictures": len(made) * (copies if distinct else 1),
        "copies_distinct": distinct,
        "pictures": len(made) * copies,
        "picture_bytes": image_bytes,
        "other_files": n,
        "other_bytes": other,
        "files": len(made) * copies + n,
        "bytes": total,
        "image_bytes": image.stat().st_size,
    }


def floor(image: Path) -> dict[str, Any]:
    """pytsk3 walk + read + MD5, one process."""
    import pytsk3

    started = time.perf_counter()
    fs = pytsk3.FS_Info(pytsk3.Img_Info(str(image)))
    files = size = 0
    stack = [int(fs.info.root_inum)]
    seen = set(stack)
    reg, dirs = int(pytsk3.TSK_FS_META_TYPE_REG), int(pytsk3.TSK_FS_META_TYPE_DIR)
    while stack:
        for entry in fs.open_dir(inode=stack.pop()):
            meta = entry.info.meta
            name = entry.info.name.name
            if meta is None or name in (b".", b".."):
                continue
            if int(meta.type) == dirs and int(meta.addr) not in seen:
                seen.add(int(meta.addr))
                stack.append(int(meta.addr))
            elif int(meta.type) == reg:
                f = entry
                total = int(meta.size)
                digest = hashlib.md5()
                offset = 0
                while offset < total:
                    chunk = f.read_random(offset, min(4 * MiB, total - offset))
                    if not chunk:
                        break
                    digest.update(chunk)
                    offset += len(chunk)
                files += 1
                size += offset
    elapsed = time.perf_counter() - started
    return _rates({"files": files, "bytes": size, "elapsed_s": elapsed}, elapsed)


def _rates(out: dict[str, Any], elapsed: float) -> dict[str, Any]:
    out["elapsed_s"] = round(elapsed, 3)
    out["mb_per_s"] = round(out["bytes"] / MiB / elapsed, 2)
    out["files_per_s"] = round(out["files"] / elapsed, 1)
    return out


def triage(
    image: Path,
    workers: int,
    work: Path,
    fast: bool = False,
    full_decode: bool = False,
    carve: bool = False,
) -> dict[str, Any]:
    from safeguard.matching.matcher import Matcher
    from safeguard.signals.media import HashOptions
    from safeguard.signals.video import VideoSampling
    from safeguard.store.db import open_database
    from safeguard.triage.case import create_case
    from safeguard.triage.runner import run_case

    db = open_database(
        f"sqlite:///{work / f'bench-{workers}-{fast}-{full_decode}-{carve}-{time.time_ns()}.db'}"
    )
    with db.session() as s:
        create_case(s, "BENCH", [image], examiner="bench", scheme="uk", actor="bench")
    options = HashOptions(
        fast=fast,
        reduced_pdq=not full_decode,
        video_sampling=VideoSampling(mode="keyframes") if fast else VideoSampling(),
    )
    load = [round(x, 2) for x in os.getloadavg()]
    summary = run_case(
        db,
        "BENCH",
        matcher=Matcher.open(db),
        actor="bench",
        workers=workers,
        options=options,
        carve=carve,
    )
    db.dispose()
    data = summary.to_json()
    out = {
        "workers": workers,
        "fast": fast,
        "carve": carve,
        "items": summary.items,
        "pdq_decoding": "fast" if fast else "full" if full_decode else "reduced",
        "load_average_at_start": load,
        "files": summary.files,
        "bytes": summary.bytes,
        "errors": summary.errors,
        "hashing_s": round(summary.hashing_s, 3),
        "cluster_wait_s": round(summary.cluster_s, 3),
        "cluster_start_s": round(getattr(summary, "cluster_start_s", summary.cluster_s), 3),
        "verify_s": round(summary.verify_s, 3),
        "whole_run_s": round(summary.elapsed, 3),
    }
    out["mb_per_s"] = data["mb_per_s"]
    out["files_per_s"] = data["files_per_s"]
    # Without the fixed cost of starting the cluster (workers spawned, imports).
    steady = summary.hashing_s - summary.cluster_s
    out["mb_per_s_after_start"] = round(summary.bytes / MiB / steady, 2) if steady else 0.0
    return out


# --- memory ----------------------------------------------------------------------------------


def _tree_rss(pid: int) -> tuple[int, int]:
    import psutil

    proc = psutil.Process(pid)
    own = proc.memory_info().rss
    total = own
    for child in proc.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    return own, total


_MEMORY_CHILD = """
import json, resource, sys, time
sys.path.insert(0, ".")
from safeguard.store.db import open_database
from safeguard.triage.case import create_case
from safeguard.triage.runner import run_case

db_url, image, workers, marks = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
marks = sorted(int(m) for m in marks.split(","))
db = open_database(db_url)
with db.session() as s:
    create_case(s, "M", [image], examiner="b", scheme="uk", actor="b")
started = time.perf_counter()

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def progress(p):
    while marks and p.files_done >= marks[0]:
        mark = marks.pop(0)
        print(json.dumps({
            "files_done": p.files_done,
            "mark": mark,
            "elapsed_s": round(time.perf_counter() - started, 1),
            "rss_mb": round(rss_mb(), 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }), flush=True)

r = run_case(db, "M", matcher=None, actor="b", workers=workers, verify_after=False,
             progress=progress)
print(json.dumps({"items": r.items, "hashing_s": round(r.hashing_s, 1)}), flush=True)
"""


def build_tiny_image(count: int, work: Path) -> Path:
    """A raw ext4 image of ``count`` tiny text files, 1,000 to a folder."""
    root = work / f"tiny-{count}"
    for i in range(count):
        folder = root / f"d{i // 1000:04d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"f{i:07d}.txt").write_bytes(f"benign note number {i}\n".encode())
    image = work / f"tiny-{count}.img"
    # 1 KiB blocks: a tiny file takes one block and one 256-byte inode.
    size_mb = 64 + count * 2 // 1024
    subprocess.run(
        [
            "mkfs.ext4",
            "-q",
            "-F",
            "-b",
            "1024",
            "-I",
            "256",
            "-N",
            str(count + 5000),
            "-d",
            str(root),
            str(image),
            f"{size_mb}M",
        ],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(root)
    return image


def memory_run(count: int, work: Path, workers: int) -> dict[str, Any]:
    """One run over ``count`` tiny files: the run's process reports its resident memory
    (now and peak) when it has done 10^3, 10^4, ... files; this process samples the
    resident memory of the run and of all its children (Dask scheduler, workers)."""
    started = time.perf_counter()
    image = build_tiny_image(count, work)
    build_s = time.perf_counter() - started
    db = work / f"tiny-{count}.db"
    marks = [10**k for k in range(3, 8) if 10**k <= count]
    if count not in marks:
        marks.append(count)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _MEMORY_CHILD,
            f"sqlite:///{db}",
            str(image),
            str(workers),
            ",".join(map(str, marks)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    peak_own = peak_total = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_own, peak_total
        while not stop.is_set():
            try:
                own, total = _tree_rss(proc.pid)
            except Exception:  # noqa: BLE001 - the process ended between two samples
                break
            peak_own, peak_total = max(peak_own, own), max(peak_total, total)
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    sampler.start()
    stdout, _ = proc.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    checkpoints = [x for x in lines if "mark" in x]
    final = next((x for x in lines if "items" in x), {})
    out = {
        "files": count,
        "items": final.get("items"),
        "image_build_s": round(build_s, 1),
        "elapsed_s": round(elapsed, 1),
        "files_per_s": round(count / elapsed, 1),
        "checkpoints": checkpoints,
        "client_peak_rss_mb": round(peak_own / MiB, 1),
        "all_processes_peak_rss_mb": round(peak_total / MiB, 1),
        "database_mb": round(db.stat().st_size / MiB, 1) if db.exists() else None,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }
    image.unlink()
    db.unlink(missing_ok=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=2.0, help="size of the image's files")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--fast-workers", type=int, nargs="*", default=[], help="runs with --fast too"
    )
    parser.add_argument(
        "--full-workers",
        type=int,
        nargs="*",
        default=[2],
        help="runs with full-size decoding too (the default before reduced decoding)",
    )
    parser.add_argument(
        "--distinct", action="store_true", help="make every copy of a picture distinct bytes"
    )
    parser.add_argument("--memory", action="store_true", help="measure memory instead")
    parser.add_argument("--memory-counts", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--tmp", default=tempfile.gettempdir())
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="safeguard-bench-triage-", dir=args.tmp))
    result: dict[str, Any] = {
        "benchmark": "triage",
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
        "versions": versions("pytsk3", "libewf-python", "numpy", "pillow", "dask"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        if args.memory:
            result["memory"] = [memory_run(n, work, 2) for n in args.memory_counts]
        else:
            started = time.perf_counter()
            image, corpus = build_image(work, args.gb, args.distinct)
            result["corpus"] = corpus
            result["build_s"] = round(time.perf_counter() - started, 1)
            floor(image)  # warm the page cache
            # The floor runs before and after every triage run; each run is compared with
            # the mean of the two floors around it (the machine's load drifts).
            floors = [floor(image)]
            plan = [dict(workers=n) for n in args.workers]
            plan += [dict(workers=n, fast=True) for n in args.fast_workers]
            plan += [dict(workers=n, full_decode=True) for n in args.full_workers]
            runs = []
            for kwargs in plan:
                run = triage(image, work=work, **kwargs)  # type: ignore[arg-type]
                floors.append(floor(image))
                anchor = (floors[-2]["mb_per_s"] + floors[-1]["mb_per_s"]) / 2
                run["floor_mb_s"] = round(anchor, 2)
                run["fraction_of_floor_mb_s"] = round(run["mb_per_s"] / anchor, 3)
                run["fraction_after_start"] = round(run["mb_per_s_after_start"] / anchor, 3)
                runs.append(run)
            result["floors"] = floors
            result["triage"] = runs
            result["target_fraction"] = 0.7
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

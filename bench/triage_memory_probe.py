"""What a triage run's process holds as it goes: ``python -m bench.triage_memory_probe
IMAGE --marks 10000,30000,50000``. Runs ``run_case`` (2 workers, no custody hashes after)
on a disk image (``bench.triage.build_tiny_image`` makes one of tiny files) and, at each
mark of files done, prints the process's resident memory, Python's allocated blocks, the
objects the garbage collector tracks and glibc's heap in use; at the end, which object
types grew between the first and last marks, and (``--holders``) what holds the oldest
``FoundFile`` still alive (the chain of referrers that found Dask's message logs keeping
every task's arguments). One JSON object a line."""

import argparse
import collections
import ctypes
import gc
import json
import sys
import tempfile
import types
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (n, ctypes.c_size_t)
        for n in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _describe(o: Any) -> str:
    if isinstance(o, dict):
        return f"dict(keys={[str(k)[:30] for k in list(o)[:4]]})"
    if isinstance(o, (list, tuple)):
        return f"{type(o).__name__}(len={len(o)})"
    return f"{type(o).__module__}.{type(o).__name__}"


def holders(obj: Any, depth: int = 7) -> list[list[str]]:
    seen: set[int] = set()
    out = []
    current = [obj]
    for _ in range(depth):
        found = []
        for c in current:
            for r in gc.get_referrers(c):
                if id(r) in seen or isinstance(r, types.FrameType) or r is current:
                    continue
                seen.add(id(r))
                found.append(r)
        found = [r for r in found if not (isinstance(r, list) and len(r) > 10_000)]
        out.append([_describe(r) for r in found[:5]])
        current = found[:3]
        if not current:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("image", type=Path)
    parser.add_argument("--marks", default="10000,30000,50000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--holders", action="store_true")
    args = parser.parse_args()
    from safeguard.store.db import open_database
    from safeguard.triage.case import create_case
    from safeguard.triage.runner import run_case
    from safeguard.triage.sources import FoundFile

    marks = sorted(int(m) for m in args.marks.split(","))
    folder = Path(tempfile.mkdtemp(prefix="safeguard-memory-probe-"))
    db = open_database(f"sqlite:///{folder / 'probe.db'}")
    with db.session() as s:
        create_case(s, "M", [args.image], examiner="b", scheme="uk", actor="b")
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    counts: dict[int, collections.Counter[str]] = {}

    def progress(p: Any) -> None:
        while marks and p.files_done >= marks[0]:
            mark = marks.pop(0)
            gc.collect()
            objects = gc.get_objects()
            counts[mark] = collections.Counter(type(o).__name__ for o in objects)
            info = libc.mallinfo2()
            row = {
                "mark": mark,
                "files_done": p.files_done,
                "rss_mb": round(rss_mb(), 1),
                "python_blocks": sys.getallocatedblocks(),
                "gc_objects": len(objects),
                "malloc_in_use_mb": round(info.uordblks / 2**20, 1),
            }
            if args.holders:
                # type(), not isinstance(): a dead weak proxy raises ReferenceError
                alive = sorted((o for o in objects if type(o) is FoundFile), key=lambda f: f.path)
                row["found_files_alive"] = len(alive)
                if alive:
                    row["oldest_held_by"] = holders(alive[0])
            del objects
            print(json.dumps(row), flush=True)

    run_case(
        db,
        "M",
        matcher=None,
        actor="b",
        workers=args.workers,
        verify_after=False,
        progress=progress,
    )
    first, last = min(counts), max(counts)
    print(json.dumps({"type_growth": (counts[last] - counts[first]).most_common(12)}), flush=True)


if __name__ == "__main__":
    main()

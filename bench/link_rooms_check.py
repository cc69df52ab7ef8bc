"""Build every place of a generator once, with its views, and report the seeds that crash
(no features, no linking). Run it before a held-out ``bench.link`` run.

A generator's tests build a few seeds (most build the first 100); a held-out run builds
315 or more, and a seed no test built can crash it an hour in: held-out v27 stopped on
three charity shops (seeds 139, 140, 197) and v28 would have on seed 37. This check
builds the pictures the run would write, seed for seed, as ``bench.link.make_collection``
does with ``--no-real`` (each view made with the seed of its place's index in the run),
and keeps going past a crash. It looks at no picture and measures nothing, so the
generator stays held out.

    python -m bench.link_rooms_check --generator v28 --rooms 315 --size 400x300

Prints a summary (``--json``: the JSON record) and exits 1 when a seed crashed. Each
crash names the seed, the error and where it was raised (file and line); read the
traceback (``--traceback``) and no more of the generator than the fix needs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from rich.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench.link import GENERATORS, VIEWS, views  # noqa: E402


def _where(error: BaseException) -> str:
    """The innermost frame of the traceback: ``file:line in function``."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def check_seed(
    generator: str, index: int, first: int, size: tuple[int, int], tb: bool = False
) -> dict[str, Any] | None:
    """Build place ``first + index`` and its views; None when it builds, else the crash."""
    make: Callable[..., Any] = GENERATORS[generator]
    view_of: Callable[..., Any] = VIEWS.get(generator, views)
    seed = first + index
    stage = "place"
    try:
        img = make(seed, *size)
        stage = "views"
        view_of(img, index)
    except Exception as error:  # noqa: BLE001 - every crash is reported, the run goes on
        out: dict[str, Any] = {
            "seed": seed,
            "stage": stage,
            "error": f"{type(error).__name__}: {error}"[:500],
            "where": _where(error),
        }
        if tb:
            out["traceback"] = "".join(traceback.format_exception(error))
        return out
    return None


def _task(args: tuple[str, int, int, tuple[int, int], bool]) -> dict[str, Any] | None:
    return check_seed(*args)


def check(
    generator: str,
    rooms: int,
    size: tuple[int, int] = (400, 300),
    *,
    first: int = 0,
    workers: int = 1,
    tb: bool = False,
    progress: bool = False,
) -> dict[str, Any]:
    """Build ``rooms`` places from seed ``first``; the record of what crashed."""
    if generator not in GENERATORS:
        raise ValueError(f"unknown generator {generator!r}; known: {', '.join(GENERATORS)}")
    if rooms < 1:
        raise ValueError("rooms must be at least 1")
    start = time.perf_counter()
    tasks = [(generator, i, first, size, tb) for i in range(rooms)]
    found: list[dict[str, Any] | None] = []
    with Progress(transient=True, disable=not progress) as bar:
        job = bar.add_task(f"building {generator}", total=rooms)
        if workers > 1:
            with ProcessPoolExecutor(workers) as pool:
                for result in pool.map(_task, tasks, chunksize=4):
                    found.append(result)
                    bar.advance(job)
        else:
            for t in tasks:
                found.append(_task(t))
                bar.advance(job)
    crashes = [c for c in found if c is not None]
    return {
        "generator": generator,
        "first": first,
        "rooms": rooms,
        "size": f"{size[0]}x{size[1]}",
        "built": rooms - len(crashes),
        "crashes": crashes,
        "seconds": round(time.perf_counter() - start, 1),
    }


def _size(text: str) -> tuple[int, int]:
    w, _, h = text.partition("x")
    try:
        size = int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WxH, e.g. 400x300, not {text!r}") from None
    if min(size) < 32:
        raise argparse.ArgumentTypeError("size must be at least 32x32")
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Exit status: 0 when every seed built, 1 when one crashed.",
    )
    parser.add_argument("--generator", required=True, choices=tuple(GENERATORS))
    parser.add_argument("--rooms", type=int, default=315, help="places to build (default 315)")
    parser.add_argument("--first", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--size", type=_size, default=(400, 300), help="WxH (default 400x300)")
    parser.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--traceback", action="store_true", help="keep each crash's traceback")
    parser.add_argument("--json", action="store_true", help="print the JSON record")
    args = parser.parse_args(argv)
    try:
        record = check(
            args.generator,
            args.rooms,
            args.size,
            first=args.first,
            workers=max(1, args.workers),
            tb=args.traceback,
            progress=not args.json and sys.stderr.isatty(),
        )
    except ValueError as error:
        parser.error(str(error))
    if args.json:
        print(json.dumps(record, indent=1))
    else:
        print(
            f"{record['generator']}: {record['built']} of {record['rooms']} places built "
            f"at {record['size']} in {record['seconds']} s"
        )
        for c in record["crashes"]:
            print(f"  seed {c['seed']} ({c['stage']}): {c['error']} at {c['where']}")
            if "traceback" in c:
                print(c["traceback"])
    return 1 if record["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())

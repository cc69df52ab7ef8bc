"""The cost of an upload check end to end: server CPU per ``POST /v1/check`` with a
multipart JPEG, through the real HTTP server, with and without issue 13's query-side work.

Issue 13 bounds the upload check's cost at 2x of what it was before robust matching.
``python -m bench.robust --upload-cost`` measures only the hashing, in process. What a
platform pays is the whole check: HTTP parsing, the multipart upload, decoding, hashing,
the index lookup, and (on a match) rules, the decision record and audit.

The service runs as ``safeguard serve`` (``safeguard.service.testing.serve_process``, as
``bench/service.py`` starts it) on SQLite, over a bank of ``--entries`` random PDQs (built
once by ``bench.service.build_bank`` and cached). No upload matches (random PDQs against
benign pictures): the common case, so no decision record or audit event is written, as
for any upload that matches nothing. Every answer is checked to be 200 with no match.

Two servers run side by side, each on its own copy of the bank's database, because the
settings are read at server start:

- ``today``: every switch issue 13 added turned off (``SAFEGUARD_VARIANTS=0``,
  ``SAFEGUARD_REGIONS=0``, ``SAFEGUARD_VERIFY=0``, ``SAFEGUARD_LOCAL_SEARCH=0``) and
  ``SAFEGUARD_DIHEDRAL=0`` (its default before and after): the pre-issue check;
- ``default``: the shipped defaults (variants and regions on, verification off).

Four settings, interleaved round by round (the order rotated each round):

- (a) ``today_plain``: ``today``, the five plain pictures;
- (b) ``default_plain``: ``default``, the same pictures;
- (c) ``default_turned``: ``default``, the same pictures turned 4 degrees, frame kept
  (``bench.robust.upload_pictures``: the upload-cost bench's pictures), so deskewing runs;
- (d) ``today_turned``: ``today``, the turned pictures.

Each block is ``--repeat`` passes over the five pictures, sent one after another over one
keep-alive connection (concurrency 1). The figure is the server's process CPU time (user +
system, from /proc, all its processes) over the block divided by its requests, nothing
subtracted; medians over ``--rounds`` rounds, and ratios to (a) and (b). Beside it, for
reading only: the idle CPU of each server (ms a second, measured before the rounds), the
``Server-Timing`` parts (hash, match, act), the wall latency, and the in-process hashing
of the same pictures with the same options (``hash_bytes``) in the same rounds.

``--pre-src DIR`` adds a third server running an older checkout's code (``DIR`` is its
``src`` folder, e.g. from ``git archive 17e1d72 src``: ``main`` just before issue 13's
first commit) with the ``today`` switches, on a bank that code builds (its migrations may
be older): rows ``pre_plain`` and ``pre_turned``, to check that "switches off" costs what
the check cost before issue 13.

Prints JSON to stdout (``--json`` is accepted and is the default), writes
``bench/results/upload-check-cost.json``. About two minutes at the defaults (the first run
also builds the bank).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# As in ``safeguard``'s CLI and the other benches: BLAS threads only contend.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from bench.service import (  # noqa: E402
    HttpConnection,
    _server_pid,
    _timing,
    block_summary,
    build_bank,
    cpu_seconds,
    descendants,
    idle_cpu,
    multipart,
)

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"

#: The switches issue 13 added to the service, all off: the check as it was before it.
#: (``SAFEGUARD_DIHEDRAL`` predates issue 13 and is off by default in both servers.)
TODAY = {
    "SAFEGUARD_VARIANTS": "0",
    "SAFEGUARD_REGIONS": "0",
    "SAFEGUARD_VERIFY": "0",
    "SAFEGUARD_LOCAL_SEARCH": "0",
    "SAFEGUARD_DIHEDRAL": "0",
}
#: The shipped defaults: every switch left unset.
DEFAULT: dict[str, str] = {}
SERVERS = {"today": TODAY, "default": DEFAULT}
#: setting -> (server, pictures)
SETTINGS = {
    "today_plain": ("today", "plain"),
    "default_plain": ("default", "plain"),
    "default_turned": ("default", "turned"),
    "today_turned": ("today", "turned"),
}
#: With ``--pre-src``: the same check on an older checkout's code (its own bank, built by
#: that code), switches as ``today`` (an older checkout ignores those it does not know).
PRE_SETTINGS = {"pre_plain": ("pre", "plain"), "pre_turned": ("pre", "turned")}
#: Run under the older code: build its bank in ``argv[1]`` and make a key; print both.
PRE_BANK = """
import json, sys
from pathlib import Path
import bench.service as service
import safeguard
service.CACHE = Path(sys.argv[1])
folder, _ = service.build_bank(int(sys.argv[2]))
from safeguard.access import keys
from safeguard.store.db import open_database
db = open_database(f"sqlite:///{folder / 'safeguard.db'}")
with db.session() as s:
    _, key = keys.create_key(s, role="matcher", name="bench", actor="bench")
db.dispose()
print(json.dumps({"folder": str(folder), "key": key, "module": safeguard.__file__}))
"""
#: Generous limits so the bench never meets the rate limiter.
COMMON_ENV = {"SAFEGUARD_RATE_LIMIT": "1000000", "SAFEGUARD_RATE_BURST": "1000000"}


def hash_options(server: str) -> Any:
    """The options the service's upload hashing uses under ``server``'s settings."""
    from safeguard.signals.media import HashOptions

    return HashOptions(variants=server == "default")


def pre_bank(folder: Path, entries: int, src: Path) -> tuple[Path, str]:
    """The bank and a key made by the code in ``src`` (whose migrations may be older)."""
    done = subprocess.run(
        [sys.executable, "-c", PRE_BANK, str(folder), str(entries)],
        env={**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{ROOT.parent}"},
        capture_output=True,
        text=True,
        check=True,
    )
    made = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(made["module"]).resolve().is_relative_to(src.resolve()):
        raise RuntimeError(f"--pre-src: safeguard came from {made['module']}, not {src}")
    return Path(made["folder"]), str(made["key"])


async def block(url: str, key: str, bodies: list[tuple[bytes, str]], repeat: int) -> dict[str, Any]:
    """``repeat`` passes over ``bodies``, one request at a time on one connection."""
    conn = HttpConnection(url, {"Authorization": f"Bearer {key}"})
    latencies: list[float] = []
    timings: list[dict[str, float]] = []
    errors: list[str] = []
    matched = 0
    try:
        for _ in range(repeat):
            for body, content_type in bodies:
                started = time.perf_counter()
                status, head, answer = await conn.request("POST", "/v1/check", body, content_type)
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    errors.append(f"{status}: {answer[:200]!r}")
                    continue
                parsed = json.loads(answer)
                if parsed.get("matches") or parsed.get("action") != "allow":
                    matched += 1
                timings.append(_timing(head.get("server-timing", "")))
    finally:
        conn.close()

    def mean(step: str) -> float:
        return statistics.fmean(t.get(step, 0.0) for t in timings) if timings else 0.0

    return {
        "requests": len(latencies),
        "errors": errors,
        "matched": matched,
        "latency_ms": statistics.median(latencies) * 1000,
        "hash_ms": mean("hash"),
        "match_ms": mean("match"),
        "act_ms": mean("act"),
    }


def in_process_ms(pictures: list[bytes], options: Any) -> float:
    """CPU ms (this process) to hash one of ``pictures`` with ``options``, in process."""
    from safeguard.signals.media import hash_bytes

    started = time.process_time()
    for picture in pictures:
        hash_bytes("upload.jpg", picture, options)
    return (time.process_time() - started) / len(pictures) * 1000


@contextmanager
def server(
    bank: Path,
    name: str,
    env: dict[str, str],
    workers: int,
    key_holder: dict[str, str],
    src: Path | None = None,
    entries: int = 0,
) -> Iterator[tuple[str, list[int]]]:
    """``safeguard serve`` under ``env`` on its own copy of the bank; yields (url, pids).
    With ``src``: that code serves, on a bank of ``entries`` that code builds."""
    from safeguard.access import keys
    from safeguard.service.testing import serve_process
    from safeguard.store.db import open_database

    with tempfile.TemporaryDirectory(prefix=f"upload-cost-{name}-") as tmp:
        folder = Path(tmp)
        if src is not None:
            folder, key_holder[name] = pre_bank(folder, entries, src)
            env = {**env, "PYTHONPATH": str(src)}
        else:
            shutil.copy2(bank / "safeguard.db", folder / "safeguard.db")
            if (bank / "index").is_dir():
                shutil.copytree(bank / "index", folder / "index")
            db = open_database(f"sqlite:///{folder / 'safeguard.db'}")
            with db.session() as s:
                _, key_holder[name] = keys.create_key(
                    s, role="matcher", name="bench", actor="bench"
                )
            db.dispose()
        db_url = f"sqlite:///{folder / 'safeguard.db'}"
        with serve_process(
            folder,
            db_url,
            workers=workers,
            env={**COMMON_ENV, **env},
            log=folder / "serve.log",
            timeout=600,
        ) as url:
            yield url, descendants(_server_pid(url))


def main() -> None:
    from bench.machine import cpu_model, versions
    from bench.robust import upload_pictures

    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--entries", type=int, default=100_000, help="random PDQs in the bank")
    parser.add_argument("--rounds", type=int, default=12, help="interleaved rounds (>= 8)")
    parser.add_argument(
        "--repeat", type=int, default=12, help="passes over the five pictures a block"
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers a server")
    parser.add_argument("--warmup", type=int, default=2, help="passes before measuring")
    parser.add_argument(
        "--pre-src",
        type=Path,
        help="also serve the check with the code of this src folder (an older checkout, e.g. "
        "`git archive 17e1d72 src | tar -x -C DIR` for main before issue 13, then DIR/src), "
        "switches as today's, on a bank that code builds: rows pre_plain, pre_turned",
    )
    parser.add_argument("--json", action="store_true", help="JSON to stdout (the default)")
    parser.add_argument(
        "--out",
        default="upload-check-cost",
        help="results file name under bench/results (no suffix); '' to write none",
    )
    args = parser.parse_args()
    # The switches are read at server start from the environment ``serve_process`` passes
    # on (this process's): unset any the caller's shell set, so ``default`` is the defaults.
    for variable in TODAY:
        os.environ.pop(variable, None)

    load_start = os.getloadavg()
    bank, built = build_bank(args.entries)
    print(f"bank of {args.entries} random PDQs in {bank}", file=sys.stderr)
    pictures = upload_pictures()
    bodies = {kind: [multipart(p) for p in pics] for kind, pics in pictures.items()}
    keys: dict[str, str] = {}
    settings = {**SETTINGS, **(PRE_SETTINGS if args.pre_src else {})}
    servers: dict[str, tuple[dict[str, str], Path | None]] = {
        name: (env, None) for name, env in SERVERS.items()
    }
    if args.pre_src:
        servers["pre"] = (TODAY, args.pre_src.resolve())
    cpu: dict[str, list[float]] = {k: [] for k in settings}
    hashing: dict[str, list[float]] = {k: [] for k in SETTINGS}
    blocks: dict[str, list[dict[str, Any]]] = {k: [] for k in settings}
    with ExitStack() as stack:
        urls: dict[str, str] = {}
        pids: dict[str, list[int]] = {}
        idle: dict[str, float] = {}
        for name, (env, src) in servers.items():
            started = time.perf_counter()
            urls[name], pids[name] = stack.enter_context(
                server(bank, name, env, args.workers, keys, src, args.entries)
            )
            print(f"{name} server ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for name, url in urls.items():
            for kind in ("plain", "turned"):
                asyncio.run(block(url, keys[name], bodies[kind], args.warmup))
            pids[name] = descendants(pids[name][0])  # workers started by now
            idle[name] = idle_cpu(pids[name], seconds=3.0)
        order = list(settings)
        for r in range(args.rounds):
            shift = r % len(order)
            for setting in order[shift:] + order[:shift]:
                name, kind = settings[setting]
                cpu0 = cpu_seconds(pids[name])
                run = asyncio.run(block(urls[name], keys[name], bodies[kind], args.repeat))
                spent = cpu_seconds(pids[name]) - cpu0
                run["server_cpu_ms"] = spent * 1000 / run["requests"]
                cpu[setting].append(run["server_cpu_ms"])
                blocks[setting].append(run)
                if setting in hashing:  # the in-process anchor, for this checkout's code
                    hashing[setting].append(in_process_ms(pictures[kind], hash_options(name)))
            print(
                f"round {r + 1}/{args.rounds}: "
                + ", ".join(f"{k} {v[-1]:.1f}" for k, v in cpu.items())
                + f" ms CPU a request; load {os.getloadavg()[0]:.2f}",
                file=sys.stderr,
            )

    med = {k: statistics.median(v) for k, v in cpu.items()}
    errors = sum(len(b["errors"]) for bs in blocks.values() for b in bs)
    matched = sum(b["matched"] for bs in blocks.values() for b in bs)

    def ratio(a: str, b: str) -> float:
        return round(med[a] / med[b], 2)

    def per_round(a: str, b: str) -> list[float]:
        return sorted(round(x / y, 2) for x, y in zip(cpu[a], cpu[b], strict=True))

    result: dict[str, Any] = {
        "benchmark": "upload-check-cost",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "versions": versions("safeguard", "fastapi", "uvicorn", "numpy", "pillow"),
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "entries": args.entries,
        "bank_build": "cached" if built is None else f"{built:.1f} s",
        "workers": args.workers,
        "rounds": args.rounds,
        "requests_a_block": args.repeat * len(bodies["plain"]),
        "pictures": "bench.robust.upload_pictures: five 1280x860 JPEGs (astronaut, coffee, "
        "chelsea, rocket, camera), plain and turned 4 degrees with the frame kept",
        "jpeg_bytes_mean": {
            kind: round(statistics.fmean(len(p) for p in pics)) for kind, pics in pictures.items()
        },
        "servers": {
            name: {"environment": env or "defaults (no switch set)", "src": str(src or "this")}
            for name, (env, src) in servers.items()
        },
        "errors": errors,
        "matched_requests": matched,
        "idle_server_cpu_ms_per_s": {k: round(v, 2) for k, v in idle.items()},
        "server_cpu_ms_per_request_median": {k: round(v, 2) for k, v in med.items()},
        "server_cpu_ms_per_request_rounds": {k: [round(x, 2) for x in v] for k, v in cpu.items()},
        "ratios": {
            "default_plain / today_plain (b/a)": ratio("default_plain", "today_plain"),
            "default_turned / today_plain (c/a)": ratio("default_turned", "today_plain"),
            "default_turned / default_plain (c/b)": ratio("default_turned", "default_plain"),
            "default_turned / today_turned (c/d)": ratio("default_turned", "today_turned"),
            "today_turned / today_plain (d/a)": ratio("today_turned", "today_plain"),
        },
        "ratios_per_round_sorted": {
            "b/a": per_round("default_plain", "today_plain"),
            "c/a": per_round("default_turned", "today_plain"),
            "c/b": per_round("default_turned", "default_plain"),
        },
        **block_summary(blocks),
        "in_process_hash_cpu_ms_median": {
            k: round(statistics.median(v), 2) for k, v in hashing.items()
        },
    }
    if args.pre_src:
        result["ratios"].update(
            {
                "today_plain / pre_plain": ratio("today_plain", "pre_plain"),
                "default_plain / pre_plain": ratio("default_plain", "pre_plain"),
                "default_turned / pre_plain": ratio("default_turned", "pre_plain"),
                "pre_turned / pre_plain": ratio("pre_turned", "pre_plain"),
            }
        )
        result["ratios_per_round_sorted"]["c/pre_plain"] = per_round("default_turned", "pre_plain")
    if errors or matched:
        print(f"warning: {errors} errors, {matched} matched requests", file=sys.stderr)
    if args.out:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{args.out}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

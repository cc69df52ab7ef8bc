"""The service under load: ``POST /v1/check`` against 10^6 bank entries, over loopback.

The service runs as ``safeguard serve`` (2 uvicorn workers, SQLite) in its own process
tree; the load comes from this process (asyncio + httpx), so client and server share the
machine's cores, as they would on one small host. Two request kinds:

- ``jpeg``: a 1 MP benign JPEG (a scikit-image sample) uploaded as multipart: decode, PDQ,
  digests, match, act;
- ``pdq``: a precomputed random PDQ as JSON: match, act.

Each at concurrency 1, 8 and 32: requests/s and p50/p99 latency. CPU time per request is
split into decode, hash, match and HTTP overhead: the server's total CPU (from /proc, all
its processes) per request, minus what the ``Server-Timing`` header reports for hashing
(decode + PDQ + digests, split by the in-process ratio measured here), matching, and
acting. The anchor, in the same run: the same work in-process (``hash_bytes`` and
``Matcher.match_record`` / ``match_value``, no HTTP) on the same index.

No query matches (random PDQs, a picture not in the bank): the common case for uploads.
The bank (10^6 random PDQs, seeded) is built once through ``banks.import_list``
and cached in ``bench/.cache/service``. Writes ``bench/results/banks.json`` and ``.md``.

``--hostile`` measures something else: the server's peak memory (RSS summed over its
processes, sampled every 20 ms) while 32 clients upload worst-case pictures at once:
highly compressible PNGs of many pixels (a few hundred KB that decode to ~700-850 MB each).
Two pictures: the issue's 11000x11000 (over the default per-image decode limit: refused
from its header) and the largest square RGB PNG under that limit. The anchor is the idle
server's RSS in the same run. Writes ``bench/results/service_hostile.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# As in ``safeguard``'s CLI: PDQ's matrix products are small, BLAS threads only contend.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import httpx  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache" / "service"
RESULTS = ROOT / "results"
TICKS = os.sysconf("SC_CLK_TCK")


def one_mp_jpeg() -> bytes:
    from PIL import Image
    from skimage import data

    im = Image.fromarray(data.astronaut()).resize((1155, 866), Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def random_pdqs(n: int, seed: int) -> list[str]:
    raw = np.random.default_rng(seed).integers(0, 256, (n, 32), dtype=np.uint8)
    return [row.tobytes().hex() for row in raw]


def build_bank(entries: int) -> tuple[Path, float | None]:
    """A data dir whose database holds ``entries`` random PDQs in one bank (cached)."""
    from contextlib import contextmanager

    from safeguard import banks
    from safeguard.store.db import open_database

    folder = CACHE / f"pdq-{entries}"
    marker = folder / "ready"
    if marker.is_file():
        return folder, None
    folder.mkdir(parents=True, exist_ok=True)
    listing = folder / "list.txt"
    with listing.open("w") as f:
        for start in range(0, entries, 100_000):
            f.write("\n".join(random_pdqs(min(100_000, entries - start), seed=start)) + "\n")
    db = open_database(f"sqlite:///{folder / 'safeguard.db'}")
    started = time.perf_counter()
    with db.session() as s:
        if not any(b.name == "bench" for b in banks.list_banks(s)):
            banks.create_bank(s, banks.BankSpec("bench", source="bench/banks.py"), "bench")

    @contextmanager
    def opener() -> Any:
        with listing.open("rb") as f:
            yield f

    banks.import_list(
        db, "bench", opener, fmt="plain", source=str(listing), default_type="pdq", actor="bench"
    )
    seconds = time.perf_counter() - started
    db.dispose()
    listing.unlink()
    marker.write_text(str(entries))
    return folder, seconds


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def _timing(header: str) -> dict[str, float]:
    out = {}
    for part in header.split(","):
        name, _, dur = part.strip().partition(";dur=")
        if dur:
            out[name] = float(dur)
    return out


async def load(
    url: str, key: str, kind: str, concurrency: int, requests: int, jpeg: bytes
) -> dict[str, Any]:
    pdqs = random_pdqs(requests, seed=10**9 + concurrency)
    latencies: list[float] = []
    timings: list[dict[str, float]] = []
    errors = 0
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"Bearer {key}"}, limits=limits, timeout=120
    ) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                started = time.perf_counter()
                if kind == "jpeg":
                    r = await client.post(
                        "/v1/check", files={"file": ("a.jpg", jpeg, "image/jpeg")}
                    )
                else:
                    r = await client.post("/v1/check", json={"signals": {"pdq": pdqs[i]}})
                latencies.append(time.perf_counter() - started)
                if r.status_code != 200:
                    errors += 1
                else:
                    timings.append(_timing(r.headers.get("server-timing", "")))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)
    return {
        "kind": kind,
        "concurrency": concurrency,
        "requests": requests,
        "errors": errors,
        "seconds": round(wall, 2),
        "requests_per_s": round(requests / wall, 1),
        "p50_ms": round(ms[len(ms) // 2], 2),
        "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 2),
        "server_hash_ms": round(statistics.fmean(t.get("hash", 0.0) for t in timings), 3),
        "server_match_ms": round(statistics.fmean(t.get("match", 0.0) for t in timings), 3),
        "server_act_ms": round(statistics.fmean(t.get("act", 0.0) for t in timings), 3),
    }


def in_process(folder: Path, jpeg: bytes, reps: int) -> dict[str, Any]:
    """The anchor: the same work without HTTP, on the same index; and the decode/PDQ split."""
    from safeguard.matching.matcher import Matcher
    from safeguard.signals.decode import decode_image
    from safeguard.signals.media import hash_bytes
    from safeguard.signals.pdq import pdq_from_pixels
    from safeguard.store.db import open_database

    db = open_database(f"sqlite:///{folder / 'safeguard.db'}")
    matcher = Matcher.open(db, folder / "index")
    decode, pdq, whole, match_jpeg, match_pdq = [], [], [], [], []
    for _ in range(reps):
        t0 = time.thread_time()
        img = decode_image(jpeg)
        t1 = time.thread_time()
        pdq_from_pixels(img.pixels, (img.width, img.height))
        t2 = time.thread_time()
        record = hash_bytes("a.jpg", jpeg)
        t3 = time.thread_time()
        matcher.match_record(record)
        t4 = time.thread_time()
        decode.append(t1 - t0)
        pdq.append(t2 - t1)
        whole.append(t3 - t2)
        match_jpeg.append(t4 - t3)
    for value in random_pdqs(reps * 10, seed=7):
        t0 = time.perf_counter()
        matcher.match_value("pdq", value)
        match_pdq.append(time.perf_counter() - t0)
    db.dispose()
    med = statistics.median
    return {
        "decode_ms": round(med(decode) * 1000, 3),
        "pdq_ms": round(med(pdq) * 1000, 3),
        "hash_bytes_ms": round(med(whole) * 1000, 3),
        "match_record_ms": round(med(match_jpeg) * 1000, 3),
        "match_value_p50_ms": round(med(match_pdq) * 1000, 3),
        "decode_share_of_hashing": round(med(decode) / med(whole), 3),
    }


def split(run: dict[str, Any], server_cpu_ms: float, decode_share: float) -> dict[str, float]:
    hashing = run["server_hash_ms"]
    decode = hashing * decode_share if run["kind"] == "jpeg" else 0.0
    parts = {
        "decode_ms": decode,
        "hash_ms": hashing - decode,
        "match_ms": run["server_match_ms"],
        "act_ms": run["server_act_ms"],
    }
    parts["http_overhead_ms"] = max(0.0, server_cpu_ms - sum(parts.values()))
    return {k: round(v, 3) for k, v in parts.items()}


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def markdown(result: dict[str, Any]) -> str:
    a = result["in_process"]
    rows = [
        "# Service benchmark",
        "",
        f"Generated by `python -m bench.service` at {result['generated']}. Machine: "
        f"{result['machine']} (shared with other work: load average {result['load_start']} at "
        f"start, {result['load_end']} at end). `safeguard serve` with {result['workers']} "
        f"workers on SQLite, {result['entries']:,} random PDQ entries in one bank; load from a "
        "separate process on loopback (asyncio + httpx), which shares the same 2 cores. "
        "No query matches (the common case for uploads).",
        "",
        "| request | concurrency | requests | req/s | p50 ms | p99 ms | server CPU ms/req | "
        "idle share | decode | PDQ + digests | match | act | HTTP overhead | "
        "x in-process | client CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        s = r["cpu_split_ms"]
        rows.append(
            f"| {r['kind']} | {r['concurrency']} | {r['requests']} | {r['requests_per_s']} | "
            f"{r['p50_ms']} | {r['p99_ms']} | {r['server_cpu_ms_per_request']} | "
            f"{r['background_ms_per_request']} | "
            f"{s['decode_ms']} | {s['hash_ms']} | {s['match_ms']} | {s['act_ms']} | "
            f"{s['http_overhead_ms']} | {r['server_cpu_vs_in_process']} | "
            f"{r['client_cpu_ms_per_request']} |"
        )
    rows += [
        "",
        "Anchor, same run, same index, in-process (no HTTP), median CPU ms: "
        f"decode {a['decode_ms']}, PDQ {a['pdq_ms']}, `hash_bytes` (decode + PDQ + digests) "
        f"{a['hash_bytes_ms']}, `match_record` {a['match_record_ms']}, `match_value` (PDQ) "
        f"{a['match_value_p50_ms']}.",
        "",
        "How the CPU split is made: the server's CPU time (all its processes, from /proc) per "
        "request; `Server-Timing` gives the CPU spent hashing (decode + PDQ + digests), "
        "matching and acting (rules, audit, case) in the request's thread; hashing is split "
        "into decode and PDQ by the in-process ratio; HTTP overhead is the rest (uvicorn, "
        "multipart parsing, FastAPI, auth, JSON). *Idle share*: what the idle service spends "
        f"({result['idle_cpu_ms_per_s']} ms of CPU a second: index refresher, webhook outbox "
        "polling) over the run, per request; it is taken out of the split and of *x "
        "in-process* (server CPU per request over the same work done in-process: "
        "`hash_bytes` + `match_record` for jpeg, `match_value` for pdq). CPU times are "
        "per-thread or per-process CPU, not wall time.",
        "",
        f"Bank build: {result['bank_build']}. Index snapshot prepared by `serve` in "
        f"{result['serve_ready_s']} s (process start to ready).",
        "",
    ]
    return "\n".join(rows)


def main() -> None:
    from safeguard.access import keys
    from safeguard.service.testing import serve_process
    from safeguard.store.db import open_database

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--jpeg-requests", type=int, default=200)
    parser.add_argument("--pdq-requests", type=int, default=1500)
    parser.add_argument(
        "--hostile", action="store_true", help="peak RSS under 32 worst-case uploads at once"
    )
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    if args.hostile:
        hostile(args.workers, args.concurrency)
        return

    load_start = load_average()
    folder, built = build_bank(args.entries)
    print(f"bank ready in {folder}", file=sys.stderr)
    jpeg = one_mp_jpeg()
    db = open_database(f"sqlite:///{folder / 'safeguard.db'}")
    with db.session() as s:
        _, key = keys.create_key(s, role="matcher", name="bench", actor="bench")
    db.dispose()
    env = {"SAFEGUARD_RATE_LIMIT": "1000000", "SAFEGUARD_RATE_BURST": "1000000"}
    runs = []
    started = time.perf_counter()
    with serve_process(
        folder,
        f"sqlite:///{folder / 'safeguard.db'}",
        workers=args.workers,
        env=env,
        log=folder / "serve.log",
        timeout=600,
    ) as url:
        ready = time.perf_counter() - started
        print(f"service ready after {ready:.1f} s", file=sys.stderr)
        server_pid = _server_pid(url)
        asyncio.run(load(url, key, "pdq", 4, 100, jpeg))  # warm both workers
        asyncio.run(load(url, key, "jpeg", 4, 20, jpeg))
        # What the idle service spends (index refresher, webhook outbox polling), to take
        # out of the per-request figures.
        pids = descendants(server_pid)
        idle0, t0 = cpu_seconds(pids), time.perf_counter()
        time.sleep(5)
        idle_ms_per_s = (cpu_seconds(pids) - idle0) * 1000 / (time.perf_counter() - t0)
        for kind, n in (("jpeg", args.jpeg_requests), ("pdq", args.pdq_requests)):
            for concurrency in (1, 8, 32):
                count = n // 2 if concurrency == 1 else n
                pids = descendants(server_pid)
                cpu0, client0 = cpu_seconds(pids), time.process_time()
                run = asyncio.run(load(url, key, kind, concurrency, count, jpeg))
                busy_ms = (cpu_seconds(pids) - cpu0) * 1000
                background_ms = idle_ms_per_s * run["seconds"]
                run["server_cpu_ms_per_request"] = round(busy_ms / count, 3)
                run["background_ms_per_request"] = round(background_ms / count, 3)
                run["client_cpu_ms_per_request"] = round(
                    (time.process_time() - client0) * 1000 / count, 3
                )
                runs.append(run)
                print(json.dumps(run), file=sys.stderr)
    anchor = in_process(folder, jpeg, reps=30)
    for run in runs:
        run["cpu_split_ms"] = split(
            run,
            run["server_cpu_ms_per_request"] - run["background_ms_per_request"],
            anchor["decode_share_of_hashing"],
        )
        in_process_ms = (
            anchor["hash_bytes_ms"] + anchor["match_record_ms"]
            if run["kind"] == "jpeg"
            else anchor["match_value_p50_ms"]
        )
        run["server_cpu_vs_in_process"] = round(
            (run["server_cpu_ms_per_request"] - run["background_ms_per_request"]) / in_process_ms,
            1,
        )
    result: dict[str, Any] = {
        "benchmark": "service",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "load_start": load_start,
        "load_end": load_average(),
        "workers": args.workers,
        "entries": args.entries,
        "jpeg_bytes": len(jpeg),
        "bank_build": "cached from an earlier run"
        if built is None
        else f"{built:.1f} s through banks.import_list",
        "serve_ready_s": round(ready, 1),
        "idle_cpu_ms_per_s": round(idle_ms_per_s, 2),
        "runs": runs,
        "in_process": anchor,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "banks.json").write_text(json.dumps(result, indent=1) + "\n")
    (RESULTS / "banks.md").write_text(markdown(result))
    print(json.dumps(result))


def hostile_png(side: int) -> bytes:
    """A flat picture with one shape: tiny as a PNG, ``side`` x ``side`` RGB when decoded."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (side, side), "white")
    ImageDraw.Draw(im).ellipse((side // 4, side // 4, 3 * side // 4, 3 * side // 4), "navy")
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def rss_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


async def hostile_burst(url: str, key: str, png: bytes, concurrency: int) -> dict[str, Any]:
    statuses: dict[str, int] = {}
    retry_after: set[str] = set()
    async with httpx.AsyncClient(
        base_url=url,
        headers={"Authorization": f"Bearer {key}"},
        limits=httpx.Limits(max_connections=concurrency),
        timeout=600,
    ) as client:

        async def one() -> None:
            r = await client.post("/v1/check", files={"file": ("a.png", png, "image/png")})
            statuses[str(r.status_code)] = statuses.get(str(r.status_code), 0) + 1
            if "retry-after" in r.headers:
                retry_after.add(r.headers["retry-after"])

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(concurrency)))
    return {
        "statuses": statuses,
        "retry_after": sorted(retry_after),
        "seconds": round(time.perf_counter() - started, 1),
    }


def hostile(workers: int, concurrency: int) -> None:
    import tempfile
    import threading

    from safeguard.access import keys
    from safeguard.service.settings import ServiceSettings
    from safeguard.service.testing import serve_process
    from safeguard.signals.budget import pillow_estimate
    from safeguard.store.db import open_database

    defaults = ServiceSettings.load(Path(tempfile.gettempdir()))
    per_image = defaults.max_decode_bytes
    side = int((per_image / 7) ** 0.5) // 100 * 100
    assert pillow_estimate(side, side, "RGB") <= per_image
    pictures = {"issue_11000": 11000, f"largest_accepted_{side}": side}
    bodies = {name: hostile_png(n) for name, n in pictures.items()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_url = f"sqlite:///{folder / 'safeguard.db'}"
        db = open_database(db_url)
        with db.session() as s:
            _, key = keys.create_key(s, role="matcher", name="bench", actor="bench")
        db.dispose()
        env = {"SAFEGUARD_RATE_LIMIT": "1000000", "SAFEGUARD_RATE_BURST": "1000000"}
        runs = []
        with serve_process(folder, db_url, workers=workers, env=env, timeout=600) as url:
            server_pid = _server_pid(url)
            asyncio.run(load(url, key, "jpeg", 4, 8, one_mp_jpeg()))  # warm both workers
            time.sleep(2)
            idle = rss_bytes(descendants(server_pid))
            for name, body in bodies.items():
                peak = 0
                stop = threading.Event()

                def sample(stop: threading.Event = stop) -> None:
                    nonlocal peak
                    while not stop.is_set():
                        peak = max(peak, rss_bytes(descendants(server_pid)))
                        time.sleep(0.02)

                sampler = threading.Thread(target=sample)
                sampler.start()
                try:
                    burst = asyncio.run(hostile_burst(url, key, body, concurrency))
                finally:
                    stop.set()
                    sampler.join()
                run = {
                    "picture": name,
                    "png_bytes": len(body),
                    "decoded_mb": round(pictures[name] ** 2 * 3 / 2**20),
                    "concurrency": concurrency,
                    "peak_rss_mb": round(peak / 2**20),
                    "idle_rss_mb": round(idle / 2**20),
                    **burst,
                }
                runs.append(run)
                print(json.dumps(run), file=sys.stderr)
    result = {
        "benchmark": "service_hostile",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "workers": workers,
        "decode_budget_mb_per_worker": defaults.decode_budget_bytes // 2**20,
        "max_decode_mb_per_image": per_image // 2**20,
        "decode_wait_s": defaults.decode_wait_seconds,
        "runs": runs,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "service_hostile.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result))


def _server_pid(url: str) -> int:
    """The ``safeguard serve`` parent: the process listening on the port's parent chain."""
    port = int(url.rsplit(":", 1)[1])
    me = os.getpid()
    for pid in descendants(me):
        if pid == me:
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in cmdline and str(port).encode() in cmdline:
            return pid
    raise RuntimeError("cannot find the server process")


if __name__ == "__main__":
    main()

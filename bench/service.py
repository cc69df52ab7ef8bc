"""The service under load: ``POST /v1/check`` against 10^6 bank entries, over loopback, beside
Meta's HMA 2.0 (OpenMediaMatch) on the same index size, measured in the same run.

The service runs as ``safeguard serve`` (2 uvicorn workers, SQLite) in its own process
tree; the load comes from this process, so client and server share the machine's cores, as
they would on one small host. The client is a lean asyncio HTTP/1.1 client (one keep-alive
connection per concurrent caller, reconnecting when a server closes it), the same for both
services, so that it takes as little of the shared cores as it can. Request kinds:

- ``jpeg``: a 1 MP benign JPEG (a scikit-image sample) uploaded as multipart: decode, PDQ,
  digests, match, act;
- ``pdq``: a precomputed random PDQ as JSON: match, act;
- ``batch``: ``POST /v1/check/batch`` with ``--batch-size`` random PDQs;
- ``hma``: HMA's precomputed lookup, ``GET /m/lookup?signal=<hex>&signal_type=pdq``.

Each at concurrency 1, 8 and 32 (batches at 1 and 2): requests/s and p50/p99 latency. CPU
time per request is split into decode, hash, match and HTTP overhead: the server's total CPU
(from /proc, all its processes) per request, minus what the idle server spends (measured
for 5 s before the runs), minus what the ``Server-Timing`` header reports for hashing
(decode + PDQ + digests, split by the in-process ratio measured here), matching, and
acting. The anchors, in the same run: the same work in-process (``hash_bytes`` and
``Matcher.match_record`` / ``match_value``, no HTTP) on the same index; and HMA, when a
checkout is given (``--hma-dir`` or ``HMA_DIR``: see ``bench/hma.py``), served by gunicorn
with 10^6 random PDQs from its ``infinite_random`` exchange, through the same client.

No query matches (random PDQs, a picture not in the bank): the common case for uploads.
The bank (10^6 random PDQs, seeded) is built once through ``banks.import_list`` and cached
in ``bench/.cache/service``. Writes ``bench/results/service.json`` and ``.md``.

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
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


def machine_cpu_seconds() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / TICKS, sum(fields) / TICKS


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (nearest rank; 0.0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _timing(header: str) -> dict[str, float]:
    out = {}
    for part in header.split(","):
        name, _, dur = part.strip().partition(";dur=")
        if dur:
            out[name] = float(dur)
    return out


class HttpConnection:
    """One HTTP/1.1 connection to a loopback server, kept alive while the server allows it
    (HMA's sync gunicorn workers close it after every answer; then it reconnects)."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self.host, self.port = host, int(port)
        self.head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self.reader, self.writer

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(
        self, method: str, path: str, body: bytes = b"", content_type: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n{self.head}"
        if content_type is not None:
            head += f"Content-Type: {content_type}\r\n"
        if body or method == "POST":
            head += f"Content-Length: {len(body)}\r\n"
        data = head.encode() + b"\r\n" + body
        for attempt in (0, 1):
            reused = self.writer is not None
            try:
                return await self._exchange(data)
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt or not reused:
                    raise
        raise AssertionError("unreachable")

    async def _exchange(self, data: bytes) -> tuple[int, dict[str, str], bytes]:
        reader, writer = await self._connect()
        writer.write(data)
        line = await reader.readline()
        if not line:
            raise ConnectionResetError("closed before answering")
        status = int(line.split(b" ", 2)[1])
        headers: dict[str, str] = {}
        while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while size := int((await reader.readline()).split(b";")[0], 16):
                parts.append(await reader.readexactly(size))
                await reader.readline()
            await reader.readline()
            body = b"".join(parts)
        else:
            body = await reader.read()
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body


def block_summary(blocks: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Per setting, over its blocks of ``POST /v1/check``: the mean ``Server-Timing`` steps
    and the median of the blocks' median latency (the cost benches' shared report part)."""
    return {
        "server_timing_ms_mean": {
            k: {
                part: round(statistics.fmean(b[part] for b in bs), 2)
                for part in ("hash_ms", "match_ms", "act_ms")
            }
            for k, bs in blocks.items()
        },
        "latency_ms_median": {
            k: round(statistics.median(b["latency_ms"] for b in bs), 2) for k, bs in blocks.items()
        },
    }


def multipart(jpeg: bytes) -> tuple[bytes, str]:
    boundary = "benchboundary7d3f"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + jpeg
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


async def load(
    url: str,
    key: str,
    kind: str,
    concurrency: int,
    requests: int,
    jpeg: bytes,
    batch_size: int = 1000,
) -> dict[str, Any]:
    """``requests`` requests of ``kind`` over ``concurrency`` connections."""
    per_request = batch_size if kind == "batch" else 1
    pdqs = random_pdqs(requests * per_request, seed=10**9 + concurrency)
    upload, upload_type = multipart(jpeg)
    latencies: list[float] = []
    timings: list[dict[str, float]] = []
    errors = 0
    counter = iter(range(requests))
    headers = {"Authorization": f"Bearer {key}"} if kind != "hma" else {}

    async def worker() -> None:
        nonlocal errors
        conn = HttpConnection(url, headers)
        try:
            for i in counter:
                started = time.perf_counter()
                if kind == "jpeg":
                    status, head, _ = await conn.request("POST", "/v1/check", upload, upload_type)
                elif kind == "pdq":
                    body = json.dumps({"signals": {"pdq": pdqs[i]}}).encode()
                    status, head, _ = await conn.request(
                        "POST", "/v1/check", body, "application/json"
                    )
                elif kind == "batch":
                    chunk = pdqs[i * batch_size : (i + 1) * batch_size]
                    body = json.dumps({"signals": [{"pdq": p} for p in chunk]}).encode()
                    status, head, _ = await conn.request(
                        "POST", "/v1/check/batch", body, "application/json"
                    )
                else:
                    status, head, _ = await conn.request(
                        "GET", f"/m/lookup?signal={pdqs[i]}&signal_type=pdq"
                    )
                latency = time.perf_counter() - started
                latencies.append(latency)
                if status != 200:
                    errors += 1
                else:
                    timing = _timing(head.get("server-timing", ""))
                    timing["latency"] = latency * 1000
                    timings.append(timing)
        finally:
            conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)

    def mean(step: str) -> float:
        return round(statistics.fmean(t.get(step, 0.0) for t in timings), 3) if timings else 0.0

    out: dict[str, Any] = {
        "kind": kind,
        "concurrency": concurrency,
        "requests": requests,
        "errors": errors,
        "seconds": round(wall, 2),
        "requests_per_s": round(requests / wall, 1),
        "p50_ms": round(ms[len(ms) // 2], 2),
        "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 2),
        "server_hash_ms": mean("hash"),
        "server_match_ms": mean("match"),
        "server_act_ms": mean("act"),
    }
    stamped = [t for t in timings if "wait" in t and "app" in t]
    if stamped:
        # Where the latency went, per request (wall ms): waiting in the server's event loop
        # (from the request's first bytes to the app taking it up), in the app, and outside
        # the server (the kernel, and this client's own event loop and CPU share).
        server = [t["wait"] + t["app"] for t in stamped]
        outside = [t["latency"] - t["wait"] - t["app"] for t in stamped]
        waits = [t["wait"] for t in stamped]
        out["latency_split_ms"] = {
            "server_wait_p50": round(quantile(waits, 0.5), 2),
            "server_wait_p99": round(quantile(waits, 0.99), 2),
            "server_app_p50": round(quantile([t["app"] for t in stamped], 0.5), 2),
            "server_app_p99": round(quantile([t["app"] for t in stamped], 0.99), 2),
            "server_total_p99": round(quantile(server, 0.99), 2),
            "outside_server_p50": round(quantile(outside, 0.5), 2),
            "outside_server_p99": round(quantile(outside, 0.99), 2),
        }
        # The slowest 1 %: how much of their latency was spent in the server.
        slowest = sorted(stamped, key=lambda t: t["latency"])[-max(1, len(stamped) // 100) :]
        out["latency_split_ms"]["slowest_1pct_server_share"] = round(
            sum(t["wait"] + t["app"] for t in slowest) / sum(t["latency"] for t in slowest), 2
        )
    if kind == "batch":
        out["batch_size"] = batch_size
        out["hashes_per_s"] = round(requests * batch_size / wall, 1)
    return out


def measured(
    pids: list[int],
    idle_ms_per_s: float,
    run_load: Any,
    per: int = 1,
    database_pids: list[int] | None = None,
) -> dict[str, Any]:
    """Run one load; add the server's and the client's CPU per request (and per hash).
    ``database_pids``: the server's database processes (HMA's PostgreSQL backends), counted
    in its CPU and reported apart."""
    db_pids = database_pids or []
    cpu0, client0, db0 = cpu_seconds(pids), time.process_time(), cpu_seconds(db_pids)
    busy0, all0 = machine_cpu_seconds()
    run: dict[str, Any] = asyncio.run(run_load)
    busy1, all1 = machine_cpu_seconds()
    count = run["requests"]
    database_ms = (cpu_seconds(db_pids) - db0) * 1000
    busy_ms = (cpu_seconds(pids) - cpu0) * 1000 + database_ms
    if database_pids is not None:
        run["database_cpu_ms_per_request"] = round(database_ms / count, 3)
    run["server_cpu_ms_per_request"] = round(busy_ms / count, 3)
    run["background_ms_per_request"] = round(idle_ms_per_s * run["seconds"] / count, 3)
    client_ms = (time.process_time() - client0) * 1000
    run["client_cpu_ms_per_request"] = round(client_ms / count, 3)
    # The machine's CPU over the run: ours (server, client) and everyone else's. On a shared
    # machine the last is what starves the server and stretches the tail.
    cores = (all1 - all0) / run["seconds"] if run["seconds"] else 0.0
    run["machine_cpu"] = {
        "cores": round(cores, 2),
        "busy_cores": round((busy1 - busy0) / run["seconds"], 2) if run["seconds"] else None,
        "server_cores": round(busy_ms / 1000 / run["seconds"], 2) if run["seconds"] else None,
        "client_cores": round(client_ms / 1000 / run["seconds"], 2) if run["seconds"] else None,
        "others_cores": round(
            max(0.0, (busy1 - busy0) - busy_ms / 1000 - client_ms / 1000) / run["seconds"], 2
        )
        if run["seconds"]
        else None,
    }
    net = run["server_cpu_ms_per_request"] - run["background_ms_per_request"]
    run["net_server_cpu_ms_per_request"] = round(net, 3)
    # What one core of server CPU answers a second at this cost.
    run["per_core_per_s"] = round(1000 * per / net, 1) if net > 0 else None
    print(json.dumps(run), file=sys.stderr, flush=True)
    return run


def idle_cpu(pids: list[int], seconds: float = 5.0) -> float:
    """What the idle server spends (ms of CPU a second): refreshers, schedulers, polling."""
    idle0, t0 = cpu_seconds(pids), time.perf_counter()
    time.sleep(seconds)
    return (cpu_seconds(pids) - idle0) * 1000 / (time.perf_counter() - t0)


def postgres_backends(database: str) -> list[int]:
    """The PostgreSQL backends serving ``database`` (their process titles name it)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres: ") and f" {database} ".encode() in title:
            out.append(int(entry.name))
    return out


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


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1)


def run_hma(
    src: Path,
    *,
    entries: int,
    workers: int,
    requests: int,
    commit: str | None,
    levels: list[int] | None = None,
) -> dict[str, Any]:
    """HMA's lookups through the same client, at concurrency 1, 8 and 32."""
    from bench import hma
    from safeguard.service.testing import free_port

    python, config, setup = hma.prepare(src, ROOT.parent, entries)
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import json, importlib.metadata as m; print(json.dumps({p: m.version(p) for p in "
            "('threatexchange', 'pdqhash', 'faiss-cpu', 'flask', 'gunicorn')}))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    runs = []
    with hma.serve(src, python, config, free_port(), workers=workers) as (url, proc, ready):
        print(f"HMA ready after {ready:.1f} s", file=sys.stderr)
        status, _, body = asyncio.run(_one_hma_lookup(url))
        if status != 200:
            raise hma.HmaError(f"HMA lookup answered {status}: {body[:200]!r}")
        asyncio.run(load(url, "", "hma", 4, 100, b""))  # warm
        pids = descendants(proc.pid)
        backends = postgres_backends(f"hma_bench_{entries}")
        idle_ms = idle_cpu(pids + backends)
        for concurrency in levels or (1, 8, 32):
            count = requests // 2 if concurrency == 1 else requests
            hma_load = load(url, "", "hma", concurrency, count, b"")
            runs.append(measured(pids, idle_ms, hma_load, database_pids=backends))
        status_code, _, status_body = asyncio.run(_hma_get(url, "/m/index/status"))
        rss = rss_mb(descendants(proc.pid))
    return {
        "version": hma.version_of(src),
        "commit": commit,
        "packages": json.loads(probe.stdout),
        "workers": workers,
        "entries": entries,
        "setup_seconds_this_run": {k: round(v, 1) for k, v in setup.items()},
        "ready_s": round(ready, 1),
        "idle_cpu_ms_per_s": round(idle_ms, 2),
        "rss_mb": rss,
        "postgres_backends_counted": len(backends),
        "index_status": json.loads(status_body) if status_code == 200 else status_code,
        "runs": runs,
    }


async def _one_hma_lookup(url: str) -> tuple[int, dict[str, str], bytes]:
    return await _hma_get(url, f"/m/lookup?signal={'0' * 64}&signal_type=pdq")


async def _hma_get(url: str, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = HttpConnection(url, {})
    try:
        return await conn.request("GET", path)
    finally:
        conn.close()


def compare(
    runs: list[dict[str, Any]], hma_runs: list[dict[str, Any]], kind: str = "pdq"
) -> list[dict[str, Any]]:
    """Safeguard's precomputed check against HMA's lookup, concurrency by concurrency."""
    ours = {r["concurrency"]: r for r in runs if r["kind"] == kind}
    out = []
    for theirs in hma_runs:
        mine = ours.get(theirs["concurrency"])
        if mine is None:
            continue
        per_core = (
            round(mine["per_core_per_s"] / theirs["per_core_per_s"], 1)
            if mine["per_core_per_s"] and theirs["per_core_per_s"]
            else None
        )
        out.append(
            {
                "concurrency": theirs["concurrency"],
                "safeguard_requests_per_s": mine["requests_per_s"],
                "hma_requests_per_s": theirs["requests_per_s"],
                "requests_per_s_ratio": round(mine["requests_per_s"] / theirs["requests_per_s"], 1),
                "safeguard_p50_ms": mine["p50_ms"],
                "hma_p50_ms": theirs["p50_ms"],
                "safeguard_p99_ms": mine["p99_ms"],
                "hma_p99_ms": theirs["p99_ms"],
                "safeguard_server_cpu_ms": mine["net_server_cpu_ms_per_request"],
                "hma_server_cpu_ms": theirs["net_server_cpu_ms_per_request"],
                "per_core_ratio": per_core,
            }
        )
    return out


def markdown(result: dict[str, Any]) -> str:
    rows = [
        "# Service benchmark",
        "",
        f"Generated by `python -m bench.service` at {result['generated']}. Machine: "
        f"{result['machine']} (shared with other work: load average {result['load_start']} at "
        f"start, {result['load_end']} at end). `safeguard serve` with {result['workers']} "
        f"workers on SQLite, {result['entries']:,} random PDQ entries in one bank; load from "
        "this process on loopback (a lean asyncio HTTP/1.1 client, one keep-alive connection "
        "per concurrent caller, the same for HMA), which shares the same 2 cores. No query "
        "matches (the common case for uploads).",
        "",
        "| request | concurrency | requests | req/s | p50 ms | p99 ms | server CPU ms/req | "
        "idle share | decode | PDQ + digests | match | act | HTTP overhead | "
        "x in-process | client CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        if r["kind"] == "batch":
            continue
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
        "Where the latency went (wall ms, from `Server-Timing`: *wait* is from the request's "
        "first bytes to the app taking it up, i.e. queueing in the worker's event loop; *app* "
        "the app's own time; *outside* the rest of the client's latency: the kernel, and the "
        "client's own event loop and CPU share) and what the machine's cores did meanwhile "
        "(/proc/stat: ours and everyone else's):",
        "",
        "| request | concurrency | p99 | wait p50 / p99 | app p50 / p99 | outside p50 / p99 | "
        "server share of the slowest 1 % | busy cores | server | client | others |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        lat, m = r.get("latency_split_ms"), r.get("machine_cpu", {})
        if lat is None:
            continue
        rows.append(
            f"| {r['kind']} | {r['concurrency']} | {r['p99_ms']} | "
            f"{lat['server_wait_p50']} / {lat['server_wait_p99']} | "
            f"{lat['server_app_p50']} / {lat['server_app_p99']} | "
            f"{lat['outside_server_p50']} / {lat['outside_server_p99']} | "
            f"{lat['slowest_1pct_server_share']} | {m.get('busy_cores')} | "
            f"{m.get('server_cores')} | {m.get('client_cores')} | {m.get('others_cores')} |"
        )
    rows += [
        "",
        "Batches (`POST /v1/check/batch`, random PDQs, nothing matches):",
        "",
        "| batch size | concurrency | requests | hashes/s | p50 ms | p99 ms | server CPU ms/batch "
        "| match ms/batch | server CPU µs/hash | hashes/s a core |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        if r["kind"] != "batch":
            continue
        net = r["net_server_cpu_ms_per_request"]
        rows.append(
            f"| {r['batch_size']} | {r['concurrency']} | {r['requests']} | {r['hashes_per_s']} | "
            f"{r['p50_ms']} | {r['p99_ms']} | {net} | {r['server_match_ms']} | "
            f"{round(net * 1000 / r['batch_size'], 1)} | {r['per_core_per_s']} |"
        )
    h = result["hma"]
    if "runs" in h:
        rows += [
            "",
            f"Anchor, same run: Meta's HMA {h['version']} (OpenMediaMatch, commit "
            f"{h['commit'] or 'unknown'}; {', '.join(f'{k} {v}' for k, v in h['packages'].items())}"
            f"), gunicorn with {h['workers']} worker(s), PostgreSQL on loopback, "
            f"{h['entries']:,} random PDQs from its `infinite_random` exchange; "
            f"`GET /m/lookup?signal=<hex>&signal_type=pdq`; ready {h['ready_s']} s after start, "
            f"{h['rss_mb']} MB RSS, idle {h['idle_cpu_ms_per_s']} ms CPU a second; its index "
            f"status after the runs: `{json.dumps(h.get('index_status'))}`. Its server CPU "
            f"counts gunicorn and the {h.get('postgres_backends_counted')} PostgreSQL "
            "backend(s) serving its database (Safeguard's SQLite runs inside its workers).",
            "",
            "| request | concurrency | requests | req/s | p50 ms | p99 ms | server CPU ms/req | "
            "of which PostgreSQL | idle share | lookups a core a second | client CPU ms/req | "
            "errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in h["runs"]:
            rows.append(
                f"| hma lookup | {r['concurrency']} | {r['requests']} | {r['requests_per_s']} | "
                f"{r['p50_ms']} | {r['p99_ms']} | {r['server_cpu_ms_per_request']} | "
                f"{r.get('database_cpu_ms_per_request', '–')} | "
                f"{r['background_ms_per_request']} | {r['per_core_per_s']} | "
                f"{r['client_cpu_ms_per_request']} | {r['errors']} |"
            )
        for title, table in (
            ("`safeguard serve`", result["comparison"]),
            (
                "the same service started by uvicorn with `--http " + result["http"] + "`",
                result["comparison_other_http"],
            ),
        ):
            if table:
                rows += _comparison_rows(title, table)
    else:
        rows += ["", f"HMA anchor: not run ({h.get('skipped') or h.get('error')})."]
    return _tail(result, rows)


def _comparison_rows(title: str, table: list[dict[str, Any]]) -> list[str]:
    rows = [
        "",
        f"Safeguard's precomputed check, {title}, against HMA's lookup, same run (per-core: "
        "the requests one core of server CPU answers a second, idle share taken out):",
        "",
        "| concurrency | Safeguard req/s | HMA req/s | ratio | p50 ms (S / H) | "
        "p99 ms (S / H) | server CPU ms (S / H) | per-core ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in table:
        rows.append(
            f"| {c['concurrency']} | {c['safeguard_requests_per_s']} | "
            f"{c['hma_requests_per_s']} | {c['requests_per_s_ratio']}x | "
            f"{c['safeguard_p50_ms']} / {c['hma_p50_ms']} | "
            f"{c['safeguard_p99_ms']} / {c['hma_p99_ms']} | "
            f"{c['safeguard_server_cpu_ms']} / {c['hma_server_cpu_ms']} | "
            f"{c['per_core_ratio']}x |"
        )
    return rows


def _tail(result: dict[str, Any], rows: list[str]) -> str:
    a = result["in_process"]
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
        f"({result['idle_cpu_ms_per_s']} ms of CPU a second: index refresher, stream registry, "
        "webhook outbox polling) over the run, per request; it is taken out of the split, of "
        "the per-core rates and of *x in-process* (server CPU per request over the same work "
        "done in-process: `hash_bytes` + `match_record` for jpeg, `match_value` for pdq). CPU "
        "times are per-thread or per-process CPU, not wall time.",
        "",
        f"Bank build: {result['bank_build']}. Index snapshot prepared by `serve` in "
        f"{result['serve_ready_s']} s (process start to ready).",
        "",
    ]
    return "\n".join(rows)


def main() -> None:
    from bench import hma
    from bench.machine import cpu_model, versions
    from safeguard.access import keys
    from safeguard.service.testing import serve_process
    from safeguard.store.db import open_database

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--jpeg-requests", type=int, default=200)
    parser.add_argument("--pdq-requests", type=int, default=2000)
    parser.add_argument("--batch-requests", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument(
        "--hma-dir", help="HMA's hasher-matcher-actioner folder (default: $HMA_DIR)"
    )
    parser.add_argument("--hma-commit", help="the ThreatExchange commit of that folder")
    parser.add_argument(
        "--http",
        default="safeguard.service.protocol:NoDelayProtocol",
        help="the protocol of the `http` kind: precomputed checks with the service started by "
        "uvicorn under this HTTP protocol; `safeguard serve` itself uses NoDelayProtocol",
    )
    parser.add_argument("--hma-workers", type=int, default=1)
    parser.add_argument("--hma-requests", type=int, default=600)
    parser.add_argument(
        "--hostile", action="store_true", help="peak RSS under 32 worst-case uploads at once"
    )
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--kinds",
        default="jpeg,pdq,batch,hma",
        help="what to measure, of jpeg, pdq, batch, http (the --http protocol rows) and hma "
        "(e.g. --kinds pdq,batch,hma for the precomputed figures only)",
    )
    parser.add_argument(
        "--levels", default="1,8,32", help="concurrency levels of the jpeg, pdq and hma runs"
    )
    parser.add_argument(
        "--out", default="service", help="results file name under bench/results (no suffix)"
    )
    args = parser.parse_args()
    kinds = set(args.kinds.split(","))
    levels = [int(x) for x in args.levels.split(",")]
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
        asyncio.run(load(url, key, "pdq", 4, 200, jpeg))  # warm both workers
        asyncio.run(load(url, key, "jpeg", 4, 20, jpeg))
        asyncio.run(load(url, key, "batch", 2, 2, jpeg, args.batch_size))
        pids = descendants(server_pid)
        idle_ms_per_s = idle_cpu(pids)
        for kind, n in (("jpeg", args.jpeg_requests), ("pdq", args.pdq_requests)):
            if kind not in kinds:
                continue
            for concurrency in levels:
                count = n // 2 if concurrency == 1 else n
                runs.append(
                    measured(pids, idle_ms_per_s, load(url, key, kind, concurrency, count, jpeg))
                )
        for concurrency in (1, 2) if "batch" in kinds else ():
            batch = load(url, key, "batch", concurrency, args.batch_requests, jpeg, args.batch_size)
            runs.append(measured(pids, idle_ms_per_s, batch, per=args.batch_size))
    if args.http and "http" in kinds:
        # The same service under another uvicorn HTTP protocol (serve's own is h11).
        with serve_uvicorn(folder, args.workers, args.http, env) as (url, pid):
            asyncio.run(load(url, key, "pdq", 4, 200, jpeg))
            pids = descendants(pid)
            idle_other = idle_cpu(pids)
            for concurrency in levels:
                count = args.pdq_requests // 2 if concurrency == 1 else args.pdq_requests
                run = measured(pids, idle_other, load(url, key, "pdq", concurrency, count, jpeg))
                run["kind"] = "pdq_" + args.http.rsplit(":", 1)[-1]
                run["http"] = args.http
                runs.append(run)
    anchor = in_process(folder, jpeg, reps=30)
    for run in runs:
        if run["kind"] == "batch":
            continue
        run["cpu_split_ms"] = split(
            run, run["net_server_cpu_ms_per_request"], anchor["decode_share_of_hashing"]
        )
        in_process_ms = (
            anchor["hash_bytes_ms"] + anchor["match_record_ms"]
            if run["kind"] == "jpeg"
            else anchor["match_value_p50_ms"]  # pdq, under either protocol
        )
        run["server_cpu_vs_in_process"] = round(
            run["net_server_cpu_ms_per_request"] / in_process_ms, 1
        )
    hma_result: dict[str, Any]
    try:
        src = hma.hma_dir(args.hma_dir)
        if "hma" not in kinds:
            hma_result = {"skipped": "not asked for (--kinds)"}
        elif src is None:
            hma_result = {"skipped": "no --hma-dir or HMA_DIR given"}
        else:
            hma_result = run_hma(
                src,
                entries=args.entries,
                workers=args.hma_workers,
                requests=args.hma_requests,
                commit=args.hma_commit,
                levels=levels,
            )
    except (hma.HmaError, OSError, subprocess.CalledProcessError) as e:
        print(f"HMA anchor failed: {e}", file=sys.stderr)
        hma_result = {"error": str(e)}
    result: dict[str, Any] = {
        "benchmark": "service",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "versions": versions("safeguard", "fastapi", "uvicorn", "httptools", "pydantic", "numpy"),
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
        "hma": hma_result,
        "http": args.http,
        "comparison": compare(runs, hma_result.get("runs", [])),
        "comparison_other_http": compare(
            runs, hma_result.get("runs", []), "pdq_" + args.http.rsplit(":", 1)[-1]
        )
        if args.http
        else [],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(result, indent=1) + "\n")
    (RESULTS / f"{args.out}.md").write_text(markdown(result))
    print(json.dumps(result))


@contextmanager
def serve_uvicorn(
    folder: Path, workers: int, http: str, env: dict[str, str]
) -> Iterator[tuple[str, int]]:
    """The service as ``safeguard serve`` starts it (same settings, snapshot, shared rate
    limiter, multiprocess metrics), but with uvicorn's ``--http`` set to ``http``."""
    import shutil

    from safeguard.service.settings import ServiceSettings
    from safeguard.service.testing import free_port, wait_until_ready

    port = free_port()
    db_url = f"sqlite:///{folder / 'safeguard.db'}"
    settings = ServiceSettings.load(folder, db_url, workers=workers, port=port)
    metrics_dir = folder / "metrics-uvicorn"
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir()
    (folder / "ratelimit.bin").unlink(missing_ok=True)
    full_env = {
        **os.environ,
        **settings.environment(),
        **env,
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    with (folder / "uvicorn.log").open("wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "safeguard.service.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--http",
                http,
                "--log-level",
                "warning",
            ],
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_ready(url, 600)
            yield url, proc.pid
        finally:
            proc.terminate()
            proc.wait(timeout=30)


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

"""Exchange sync at scale: how long, how much memory and how many bytes does a subscriber
need to mirror a publisher's list, against a full export and re-import of the same list
in the same run?

Everything runs through the real CLI, each measured step in its own process (peak RSS from
the kernel's ``wait4`` rusage): the publisher is ``safeguard serve`` (one worker, SQLite),
the subscriber runs ``safeguard exchange sync --json``. The anchor is ``safeguard banks
export --format csv`` at the publisher and ``safeguard banks import --format csv`` into a
fresh instance (the file a hotline would otherwise e-mail; its gzip size is reported too).
Then 1 % of the list changes (0.5 % disabled, 0.5 % re-categorised A2 -> B2) and the
subscriber syncs again: only what changed travels, where the file route would send the
whole list again (and could not carry the disables at all).

Prints one JSON object on stdout, writes ``bench/results/exchange.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.machine import cpu_model

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
CATEGORIES = ("A1", "A2", "B1", "B2")


def make_list(path: Path, n: int) -> None:
    """CSV of ``n`` MD5 digests (of the line numbers) with ids and categories."""
    with path.open("w") as f:
        f.write("type,value,id,category\n")
        chunk = []
        for i in range(n):
            digest = hashlib.md5(str(i).encode()).hexdigest()
            chunk.append(f"md5,{digest},x-{i},{CATEGORIES[i % 4]}")
            if len(chunk) == 100_000:
                f.write("\n".join(chunk) + "\n")
                chunk = []
        if chunk:
            f.write("\n".join(chunk) + "\n")


def run(argv: list[str], data_dir: Path) -> dict[str, Any]:
    """Run ``safeguard --data-dir DIR ARGV`` (not measured); its stdout."""
    full = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(data_dir), *argv]
    proc = subprocess.run(full, capture_output=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:3]} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return {"stdout": proc.stdout.decode(errors="replace").strip()}


#: Runs a command and reports its peak RSS. A child's ``ru_maxrss`` counts the memory it
#: had between ``fork`` and ``exec``, i.e. its parent's; this launcher is small, so the
#: figure is the command's own (a heavy parent would set a floor under every step).
LAUNCHER = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "sys.stderr.write(f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} '\n"
    "                 f'{usage.ru_utime + usage.ru_stime}\\n')\n"
)


def measured(argv: list[str], data_dir: Path) -> dict[str, Any]:
    """Run ``safeguard --data-dir DIR ARGV`` through the launcher: wall time, CPU time,
    peak RSS (the kernel's, of that process alone), stdout."""
    full = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(data_dir), *argv]
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", LAUNCHER, *full], capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    code, maxrss, cpu = proc.stderr.decode().split()[-3:]
    if int(code) != 0:
        raise RuntimeError(f"{argv[:3]} exited {code}")
    return {
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(float(cpu), 2),
        "peak_rss_mib": round(int(maxrss) / 1024, 1),
        "stdout": proc.stdout.decode(errors="replace").strip(),
    }


def gzip_size(path: Path) -> int:
    total = 0

    class Counter:
        def write(self, b: bytes) -> int:
            nonlocal total
            total += len(b)
            return len(b)

        def flush(self) -> None:
            pass

    with path.open("rb") as src, gzip.GzipFile(fileobj=Counter(), mode="wb") as gz:  # type: ignore[arg-type]
        while chunk := src.read(1 << 20):
            gz.write(chunk)
    return total


def change_one_percent(data_dir: Path, n: int) -> int:
    """Disable 0.5 % of the publisher's list and re-categorise another 0.5 %."""
    from safeguard.banks import set_entries_disabled, set_entry_metadata
    from safeguard.store.db import open_database

    db = open_database(f"sqlite:///{data_dir / 'safeguard.db'}")
    step = 200
    off = [("md5", hashlib.md5(str(i).encode()).hexdigest()) for i in range(0, n, step)]
    recat = [("md5", hashlib.md5(str(i).encode()).hexdigest()) for i in range(1, n, step)]
    try:
        with db.session() as s:
            changed, _ = set_entries_disabled(s, "hotline", off, True, "bench")
            changed += set_entry_metadata(s, "hotline", recat, category="B2", actor="bench")
    finally:
        db.dispose()
    return changed


def bench(n: int, work: Path) -> dict[str, Any]:
    from safeguard.service.testing import serve_process

    pub, sub, anchor = work / "pub", work / "sub", work / "anchor"
    for d in (pub, sub, anchor):
        d.mkdir()
    listing = work / "list.csv"
    make_list(listing, n)
    run(["banks", "create", "hotline"], pub)
    print(f"publisher: importing {n:,} entries", file=sys.stderr)
    run(["banks", "import", "hotline", str(listing), "--format", "csv"], pub)
    run(["exchange", "publish", "hotline"], pub)
    token = json.loads(
        run(["exchange", "tokens", "create", "hotline", "--name", "bench", "--json"], pub)["stdout"]
    )["token"]
    key = run(["exchange", "key"], pub)["stdout"]

    print("anchor: export + import", file=sys.stderr)
    exported = work / "export.csv"
    export = measured(["banks", "export", "hotline", "--format", "csv", "-o", str(exported)], pub)
    export.pop("stdout")
    run(["banks", "create", "copy"], anchor)
    reimport = measured(
        ["banks", "import", "copy", str(exported), "--format", "csv", "--json"], anchor
    )
    reimport.pop("stdout")
    export_bytes = exported.stat().st_size
    export_gzip = gzip_size(exported)

    db_url = f"sqlite:///{pub / 'safeguard.db'}"
    with serve_process(pub, db_url, workers=1, log=work / "serve.log") as url:
        run(["banks", "create", "mirror"], sub)
        run(
            [
                "exchange",
                "subscribe",
                url,
                "--feed",
                "hotline",
                "--token",
                token,
                "--publisher-key",
                key,
                "--into",
                "mirror",
            ],
            sub,
        )
        print("subscriber: first sync", file=sys.stderr)
        first = measured(["exchange", "sync", "--json"], sub)
        first_report = json.loads(first.pop("stdout").splitlines()[-1])
        changed = change_one_percent(pub, n)
        print(f"publisher: {changed} entries changed; subscriber: second sync", file=sys.stderr)
        second = measured(["exchange", "sync", "--json"], sub)
        second_report = json.loads(second.pop("stdout").splitlines()[-1])

    from safeguard.store.db import open_database

    counts = {}
    for name, folder, bank in (("publisher", pub, "hotline"), ("subscriber", sub, "mirror")):
        db = open_database(f"sqlite:///{folder / 'safeguard.db'}")
        with db.engine.connect() as c:
            from sqlalchemy import text

            counts[name] = [
                int(x)
                for x in c.execute(
                    text(
                        "SELECT count(*), sum(e.disabled), sum(e.category = 'B2') FROM entries e "
                        "JOIN banks b ON b.id = e.bank_id WHERE b.name = :bank"
                    ),
                    {"bank": bank},
                ).one()
            ]
        db.dispose()
    return {
        "entries": n,
        "first_sync": {**first, **{k: first_report[k] for k in ("pages", "items", "error")}},
        "first_sync_bytes_on_wire": first_report["bytes_received"],
        "export": export,
        "export_bytes": export_bytes,
        "export_gzip_bytes": export_gzip,
        "reimport": reimport,
        "export_plus_import_seconds": round(export["seconds"] + reimport["seconds"], 2),
        "sync_vs_export_import_time": round(
            first["seconds"] / (export["seconds"] + reimport["seconds"]), 2
        ),
        "changed": changed,
        "second_sync": {**second, **{k: second_report[k] for k in ("pages", "items", "error")}},
        "second_sync_bytes_on_wire": second_report["bytes_received"],
        "counts_total_disabled_b2": counts,
        "mirrors_match": counts["publisher"] == counts["subscriber"],
    }


def markdown(result: dict[str, Any]) -> str:
    rows = [
        "# Exchange sync benchmark",
        "",
        f"Generated by `python -m bench.exchange` at {result['generated']}. "
        f"Machine: {result['machine']}. Publisher: `safeguard serve` (1 worker, SQLite); "
        "subscriber: `safeguard exchange sync` (5000 entries a page, gzip on the wire, "
        "Ed25519 verified per page, one transaction a page); each step its own process.",
        "",
        "| entries | step | s | CPU s | peak RSS MiB | bytes on the wire / file |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        n = f"{r['entries']:,}"
        f, s, e, i = r["first_sync"], r["second_sync"], r["export"], r["reimport"]
        rows += [
            f"| {n} | first sync ({f['pages']} pages) | {f['seconds']} | {f['cpu_seconds']} | "
            f"{f['peak_rss_mib']} | {r['first_sync_bytes_on_wire']:,} |",
            f"| {n} | anchor: export CSV | {e['seconds']} | {e['cpu_seconds']} | "
            f"{e['peak_rss_mib']} | {r['export_bytes']:,} ({r['export_gzip_bytes']:,} gzip) |",
            f"| {n} | anchor: import CSV | {i['seconds']} | {i['cpu_seconds']} | "
            f"{i['peak_rss_mib']} | |",
            f"| {n} | sync after {r['changed']:,} changes ({s['items']:,} items) | "
            f"{s['seconds']} | {s['cpu_seconds']} | {s['peak_rss_mib']} | "
            f"{r['second_sync_bytes_on_wire']:,} |",
        ]
    rows.append("")
    for r in result["runs"]:
        rows.append(
            f"- {r['entries']:,}: first sync / (export + import) time = "
            f"{r['sync_vs_export_import_time']}; both sides equal after the second sync "
            f"(count, disabled, category B2): {r['mirrors_match']} "
            f"({r['counts_total_disabled_b2']['subscriber']})."
        )
    rows.append("")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated entry counts")
    args = parser.parse_args()
    runs = []
    for n in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="bench-exchange-"))
        try:
            runs.append(bench(n, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    result: dict[str, Any] = {
        "benchmark": "exchange",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": runs,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "exchange.json").write_text(json.dumps(result, indent=1) + "\n")
    (RESULTS / "exchange.md").write_text(markdown(result))
    print(json.dumps(result))


if __name__ == "__main__":
    main()

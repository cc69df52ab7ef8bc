"""External exchange adapters (``safeguard.exchange.adapters``): what a sync costs.

1. A ThreatExchange-style signal file of N ``video_md5`` lines pulled as a ``file``
   source into a bank, against ``banks import`` of the same values as a plain list into
   another bank in the same run (the anchor); then 1 % of the lines are removed and the
   source re-synced (those entries must be disabled, nothing else changed).
2. A first NCMEC hash-sharing sync from an empty checkpoint against the loopback stand-in
   of the tests (``tests/exchange/external_standins.py``), with NCMEC's page size of 1,000:
   requests made (python-threatexchange's time-window flow control), pages applied, time.

One process, SQLite in a temp dir. Prints one JSON object and writes
``bench/results/exchange_adapters.json``. Run from the repository root:
``python -m bench.exchange_adapters [--lines 100000] [--ncmec 20000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from tests.exchange.external_standins import NcmecEntry, NcmecHashSharing

from bench.machine import cpu_model
from safeguard.banks import BankSpec, create_bank, import_list
from safeguard.exchange import sources
from safeguard.store.db import open_database

RESULTS = Path(__file__).resolve().parent / "results"


def _timed(fn: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def file_source(n: int, folder: Path) -> dict[str, Any]:
    rng = random.Random(1)
    values = [f"{rng.getrandbits(128):032x}" for _ in range(n)]
    signal_file = folder / "signals.txt"
    signal_file.write_text("".join(f"video_md5 {v}\n" for v in values))
    plain = folder / "plain.txt"
    plain.write_text("".join(f"{v}\n" for v in values))
    db = open_database(f"sqlite:///{folder / 'file.db'}")
    with db.session() as s:
        create_bank(s, BankSpec("pulled"), actor="bench")
        create_bank(s, BankSpec("imported"), actor="bench")
        source = sources.add_source(
            s, "file", "file", into="pulled", options={"path": str(signal_file)}, actor="bench"
        ).id
    first, first_s, first_cpu = _timed(lambda: sources.sync_source(db, source))

    @contextmanager
    def opener() -> Iterator[BinaryIO]:
        with plain.open("rb") as f:
            yield f

    _, anchor_s, anchor_cpu = _timed(
        lambda: import_list(db, "imported", opener, fmt="plain", source="plain", actor="bench")
    )
    removed = n // 100
    signal_file.write_text("".join(f"video_md5 {v}\n" for v in values[removed:]))
    again, again_s, again_cpu = _timed(lambda: sources.sync_source(db, source))
    db.dispose()
    assert first.error is None and again.error is None
    assert again.disabled_entries == removed
    return {
        "lines": n,
        "first_sync_s": round(first_s, 2),
        "first_sync_cpu_s": round(first_cpu, 2),
        "anchor_banks_import_s": round(anchor_s, 2),
        "anchor_banks_import_cpu_s": round(anchor_cpu, 2),
        "ratio_first_sync_to_anchor": round(first_s / anchor_s, 2),
        "resync_after_removing_1pct_s": round(again_s, 2),
        "resync_cpu_s": round(again_cpu, 2),
        "disabled_by_resync": again.disabled_entries,
    }


def ncmec_first_sync(n: int, folder: Path, days: int = 365) -> dict[str, Any]:
    standin = NcmecHashSharing(page_size=1000).start()
    try:
        rng = random.Random(2)
        now = int(time.time())
        for i in range(n):
            ts = now - 3600 - rng.randrange(86400 * days)
            standin.put(NcmecEntry(40 + i % 3, f"e{i}", "image", ts, "A1", {"md5": f"{i:032x}"}))
        db = open_database(f"sqlite:///{folder / 'ncmec.db'}")
        with db.session() as s:
            create_bank(s, BankSpec("ncmec"), actor="bench")
            options = {"url": standin.base, "user": standin.user, "password": standin.password}
            source = sources.add_source(
                s, "ncmec", "ncmec", into="ncmec", options=options, actor="bench"
            ).id
        report, wall, cpu = _timed(lambda: sources.sync_source(db, source))
        db.dispose()
        assert report.error is None and standin.violations == []
        return {
            "entries": n,
            "spread_days": days,
            "page_size": 1000,
            "requests": len(standin.requests),
            "pages_applied": report.pages,
            "records": report.records,
            "s": round(wall, 2),
            "cpu_s": round(cpu, 2),
        }
    finally:
        standin.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--ncmec", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = {
            "machine": {"cpu": cpu_model(), "cores": os.cpu_count()},
            "load_average_before": os.getloadavg()[0],
            "file_source": file_source(args.lines, folder),
            "ncmec_first_sync": ncmec_first_sync(args.ncmec, folder),
            "load_average_after": os.getloadavg()[0],
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "exchange_adapters.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out))


if __name__ == "__main__":
    main()

"""What a *matching* upload check costs end to end: server CPU per ``POST /v1/check`` whose
upload matches a bank entry (the match confirmed against the store, the rules, the case
the default action opens, its audit events and webhook queue, the answer), against the
same upload checked where nothing matches.

``bench/upload_check_cost.py`` measures the common case, an upload that matches nothing
(no decision record, no audit event). This bench uses its method: ``safeguard serve``
processes (``safeguard.service.testing.serve_process``), one worker each, with the shipped
defaults (variants and regions on, verification off, default action ``review``); uploads
sent one at a time over one keep-alive connection; the server's process CPU (user +
system, from /proc, all its processes, and on PostgreSQL also the database backends
serving its database) over a block divided by its requests, nothing subtracted; the
settings interleaved round by round (the order rotated each round); medians.

Two servers with the same code and settings, each on its own copy of a bank of
``--entries`` random PDQs (``bench.service.build_bank``, cached):

- ``nomatch``: that bank only;
- ``match``: the same bank plus a bank ``known`` holding the PDQ of each of the five
  plain pictures (PDQ only, as a shared hash list holds).

The uploads are ``bench.robust.upload_pictures``' five 1280 x 860 benign JPEGs, ``plain``
and ``padded`` (20 % black border, as ``bench.robust_transforms``' "pad 20% black", saved
as JPEG 90): a padded copy's own PDQ is far from the original's and its ``trimmed``
derived hash finds it. Four settings:

- (a) ``plain_nomatch``: the plain pictures on ``nomatch`` (the anchor);
- (b) ``plain_match``: the same pictures on ``match``: an exact PDQ match;
- (c) ``padded_match``: the padded copies on ``match``: a match through a derived hash;
- (d) ``padded_nomatch``: the padded copies on ``nomatch`` (the anchor of (c): the same
  hashing, no match).

So (b) - (a) and (c) - (d) are what the matched path adds to the same upload's check.
Every answer is checked: 200; no match on ``nomatch``; on ``match`` a match in ``known``
with the expected kind of variant, action ``review`` and a case. A match that needs local
verification is not measured: the default settings do not verify (``SAFEGUARD_VERIFY``
off), so the default matched path never runs ORB.

``--postgres URL`` runs the servers on PostgreSQL instead: a database of its own per
server is created on that server (banks imported there), and dropped at the end.

``--profile N``: also, in this process, the check of a matching and a non-matching plain
upload (``Checker.check_record`` on the same record, as the service builds it) N times each
under cProfile, with the functions that take the most time.

Prints JSON to stdout, writes ``bench/results/match-path-cost.json`` (``--out``).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

from bench.service import (  # noqa: E402
    HttpConnection,
    _server_pid,
    _timing,
    block_summary,
    build_bank,
    descendants,
    idle_cpu,
    multipart,
    postgres_backends,
    random_pdqs,
)

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
#: The bank of the pictures' PDQs on the ``match`` server.
KNOWN = "known"
SERVERS = ("nomatch", "match")
#: setting -> (server, pictures, expected variant kind of the match or None for no match)
SETTINGS: dict[str, tuple[str, str, str | None]] = {
    "plain_nomatch": ("nomatch", "plain", None),
    "plain_match": ("match", "plain", "exact"),
    "padded_match": ("match", "padded", "trimmed"),
    "padded_nomatch": ("nomatch", "padded", None),
}
#: Generous limits so the bench never meets the rate limiter; the defaults otherwise (the
#: caller's switches are unset in ``main``).
COMMON_ENV = {"SAFEGUARD_RATE_LIMIT": "1000000", "SAFEGUARD_RATE_BURST": "1000000"}
#: Switches a caller's shell might set; unset so the servers run the shipped defaults.
SWITCHES = (
    "SAFEGUARD_VARIANTS",
    "SAFEGUARD_REGIONS",
    "SAFEGUARD_VERIFY",
    "SAFEGUARD_LOCAL_SEARCH",
    "SAFEGUARD_DIHEDRAL",
    "SAFEGUARD_DEFAULT_ACTION",
)


def pictures() -> dict[str, list[bytes]]:
    """The five plain upload-cost JPEGs and their padded copies (JPEG 90)."""
    from PIL import Image

    from bench.robust import upload_pictures
    from bench.robust_transforms import pad

    plain = upload_pictures()["plain"]
    padded = []
    for data in plain:
        with Image.open(io.BytesIO(data)) as img:
            grown = pad(np.asarray(img.convert("RGB")), (0, 0, 0))
        buf = io.BytesIO()
        Image.fromarray(grown).save(buf, "JPEG", quality=90)
        padded.append(buf.getvalue())
    return {"plain": plain, "padded": padded}


def known_pdqs(plain: list[bytes]) -> list[str]:
    """The PDQ of each plain picture, as the service's hashing computes it."""
    from safeguard.signals.media import HashOptions, hash_bytes

    out = []
    for data in plain:
        record = hash_bytes("known.jpg", data, HashOptions())
        if not record.pdq:
            raise RuntimeError("a bench picture has no PDQ")
        out.append(record.pdq)
    return out


def add_known(db_url: str, pdqs: list[str]) -> None:
    """A bank ``known`` holding ``pdqs`` in the database at ``db_url``."""
    from safeguard import banks
    from safeguard.store.db import open_database

    db = open_database(db_url)
    try:
        with db.session() as s:
            banks.create_bank(s, banks.BankSpec(KNOWN, source="bench/match_path_cost.py"), "bench")
            banks.add_entries(
                s,
                KNOWN,
                [banks.NewEntry("pdq", v, external_id=f"p{i}") for i, v in enumerate(pdqs)],
                actor="bench",
            )
    finally:
        db.dispose()


def make_key(db_url: str) -> str:
    from safeguard.access import keys
    from safeguard.store.db import open_database

    db = open_database(db_url)
    try:
        with db.session() as s:
            _, key = keys.create_key(s, role="matcher", name="bench", actor="bench")
        return str(key)
    finally:
        db.dispose()


def counts(db_url: str) -> dict[str, int]:
    """Rows the checks wrote: cases, audit events, queued webhooks."""
    from sqlalchemy import func, select

    from safeguard.store.db import open_database
    from safeguard.store.models import AuditEvent, Case, WebhookDelivery

    db = open_database(db_url, upgrade=False)
    try:
        with db.session() as s:
            return {
                name: int(s.scalar(select(func.count()).select_from(model)) or 0)
                for name, model in (
                    ("cases", Case),
                    ("audit_events", AuditEvent),
                    ("webhook_deliveries", WebhookDelivery),
                )
            }
    finally:
        db.dispose()


def postgres_database(admin_url: str, name: str, entries: int) -> str:
    """A fresh database ``name`` on the server of ``admin_url`` holding the bench bank
    (the same random PDQs as ``build_bank``); returns its URL."""
    from contextlib import contextmanager as _cm

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from safeguard import banks
    from safeguard.store.db import open_database

    admin = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    try:
        with db.session() as s:
            banks.create_bank(s, banks.BankSpec("bench", source="bench/banks.py"), "bench")
        lines = "".join(
            "\n".join(random_pdqs(min(100_000, entries - start), seed=start)) + "\n"
            for start in range(0, entries, 100_000)
        ).encode()

        @_cm
        def opener() -> Iterator[io.BytesIO]:
            yield io.BytesIO(lines)

        banks.import_list(
            db, "bench", opener, fmt="plain", source="bench", default_type="pdq", actor="bench"
        )
    finally:
        db.dispose()
    return url


def drop_postgres_database(admin_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def cpu_of(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) of each live process."""
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = (int(fields[11]) + int(fields[12])) / tick
    return out


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds between two readings; a process born between them counts whole."""
    return sum(t - before.get(pid, 0.0) for pid, t in after.items())


async def block(
    url: str, key: str, bodies: list[tuple[bytes, str]], repeat: int, expect: str | None
) -> dict[str, Any]:
    """``repeat`` passes over ``bodies``, one request at a time on one connection; each
    answer checked against ``expect`` (the kind of variant of the match in ``known``, or
    None: no match)."""
    conn = HttpConnection(url, {"Authorization": f"Bearer {key}"})
    latencies: list[float] = []
    timings: list[dict[str, float]] = []
    errors: list[str] = []
    variants: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    cases = 0
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
                actions[parsed["action"]] += 1
                cases += parsed.get("case_id") is not None
                found = [m for m in parsed.get("matches", []) if m.get("bank") == KNOWN]
                for m in found:
                    variants[str(m.get("variant"))] += 1
                if expect is None and parsed.get("matches"):
                    errors.append(f"unexpected match: {parsed['matches'][:2]}")
                elif expect is not None and not any(
                    str(m.get("variant", "")).split(":")[0] == expect for m in found
                ):
                    errors.append(f"no {expect} match in {KNOWN}: {parsed.get('matches')}")
                timings.append(_timing(head.get("server-timing", "")))
    finally:
        conn.close()

    def mean(step: str) -> float:
        return statistics.fmean(t.get(step, 0.0) for t in timings) if timings else 0.0

    return {
        "requests": len(latencies),
        "errors": errors,
        "actions": dict(actions),
        "cases": cases,
        "variants": dict(variants),
        "latency_ms": statistics.median(latencies) * 1000,
        "hash_ms": mean("hash"),
        "match_ms": mean("match"),
        "act_ms": mean("act"),
    }


@contextmanager
def server(
    name: str,
    workers: int,
    bank: Path | None,
    postgres: str | None,
    entries: int,
    known: list[str] | None,
) -> Iterator[dict[str, Any]]:
    """``safeguard serve`` on its own copy of the bench bank (plus ``known`` when given):
    yields its url, key, database URL and a function listing its processes."""
    from safeguard.service.testing import serve_process

    with tempfile.TemporaryDirectory(prefix=f"match-cost-{name}-") as tmp:
        folder = Path(tmp)
        dbname = f"safeguard_match_cost_{name}"
        if postgres:
            db_url = postgres_database(postgres, dbname, entries)
        else:
            assert bank is not None
            shutil.copy2(bank / "safeguard.db", folder / "safeguard.db")
            db_url = f"sqlite:///{folder / 'safeguard.db'}"
        try:
            if known:
                add_known(db_url, known)
            key = make_key(db_url)
            with serve_process(
                folder,
                db_url,
                workers=workers,
                env=COMMON_ENV,
                log=folder / "serve.log",
                timeout=600,
            ) as url:
                root = _server_pid(url)

                def processes() -> list[int]:
                    found = descendants(root)
                    return found + (postgres_backends(dbname) if postgres else [])

                yield {"url": url, "key": key, "db_url": db_url, "processes": processes}
        finally:
            if postgres:
                drop_postgres_database(postgres, dbname)


#: (module, function) timed by ``parts``: the steps of the act on a matched check.
PARTS = (
    ("safeguard.review.check", "act"),
    ("safeguard.review.check", "load_rules"),
    ("safeguard.review.cases", "open_case"),
    ("safeguard.audit", "record"),
    ("safeguard.audit", "head"),
    ("safeguard.review.webhooks", "enqueue"),
)


def parts(checker: Any, record: Any, n: int) -> dict[str, float]:
    """CPU ms a check (``check_record`` of ``record``, ``n`` times, no profiler) and the ms
    a check spent in each function of ``PARTS`` (timed by wrapping it for the run; the
    wrappers' own cost is in the figures, about a microsecond a call)."""
    import importlib

    spent_in: dict[str, float] = {}
    saved = []
    for module_name, fn in PARTS:
        module = importlib.import_module(module_name)
        original = getattr(module, fn)
        saved.append((module, fn, original))

        def timed(*a: Any, __f: Any = original, __k: str = f"{fn}", **k: Any) -> Any:
            started = time.process_time()
            try:
                return __f(*a, **k)
            finally:
                spent_in[__k] = spent_in.get(__k, 0.0) + time.process_time() - started

        setattr(module, fn, timed)
    try:
        started = time.process_time()
        for _ in range(n):
            checker.check_record(record, actor="bench")
        total = time.process_time() - started
    finally:
        for module, fn, original in saved:
            setattr(module, fn, original)
    out = {"check_record": round(total * 1000 / n, 3)}
    out |= {k: round(v * 1000 / n, 3) for k, v in spent_in.items()}
    return out


def profile(bank: Path, pics: dict[str, list[bytes]], known: list[str], n: int) -> dict[str, Any]:
    """In process, on a copy of the bench bank plus ``known``: ``Checker.check_record`` of
    the first plain picture's record, ``n`` times where it matches and ``n`` times where it
    does not, each under cProfile: CPU ms a check and the functions taking the most time;
    then ``n`` more without the profiler, timing the act's steps (``parts``)."""
    from safeguard.matching.matcher import Matcher
    from safeguard.review.check import Checker
    from safeguard.signals.media import HashOptions, hash_bytes
    from safeguard.store.db import open_database

    record = hash_bytes("a.jpg", pics["plain"][0], HashOptions(variants=True))
    out: dict[str, Any] = {"checks": n}
    with tempfile.TemporaryDirectory(prefix="match-cost-profile-") as tmp:
        for name, with_known in (("nomatch", False), ("match", True)):
            folder = Path(tmp) / name
            folder.mkdir()
            shutil.copy2(bank / "safeguard.db", folder / "safeguard.db")
            url = f"sqlite:///{folder / 'safeguard.db'}"
            if with_known:
                add_known(url, known)
            db = open_database(url)
            try:
                matcher = Matcher.open(db, folder / "index")
                checker = Checker(db, matcher, default_action="review", variants=True)
                checker.check_record(record, actor="bench")  # warm
                prof = cProfile.Profile(time.process_time)
                started = time.process_time()
                prof.enable()
                for _ in range(n):
                    result = checker.check_record(record, actor="bench")
                prof.disable()
                ms = (time.process_time() - started) * 1000 / n
                if (result.matches != []) != with_known:
                    raise RuntimeError(f"profile: unexpected matches on {name}")
                text = io.StringIO()
                stats = pstats.Stats(prof, stream=text)
                stats.sort_stats("cumulative").print_stats(25)
                top = pstats.Stats(prof, stream=io.StringIO()).sort_stats("tottime")
                own = sorted(
                    (
                        (v[2] * 1000 / n, f"{k[0].split('site-packages/')[-1]}:{k[1]}({k[2]})")
                        for k, v in top.stats.items()  # type: ignore[attr-defined]
                    ),
                    reverse=True,
                )[:15]
                out[name] = {
                    "cpu_ms_a_check_under_profile": round(ms, 3),
                    "cumulative": text.getvalue().splitlines()[:60],
                    "own_time_ms_a_check": [[round(t, 3), where] for t, where in own],
                    "without_profile": parts(checker, record, n),
                }
            finally:
                db.dispose()
    return out


def main() -> None:
    from bench.machine import cpu_model, versions

    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--entries", type=int, default=100_000, help="random PDQs in the bank")
    parser.add_argument("--rounds", type=int, default=12, help="interleaved rounds")
    parser.add_argument(
        "--repeat", type=int, default=12, help="passes over the five pictures a block"
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers a server")
    parser.add_argument("--warmup", type=int, default=2, help="passes before measuring")
    parser.add_argument(
        "--postgres",
        help="admin URL of a PostgreSQL server (e.g. "
        "postgresql://safeguard:safeguard@127.0.0.1:5432/postgres): each server gets its own "
        "database there, dropped at the end",
    )
    parser.add_argument(
        "--profile", type=int, default=0, help="also cProfile N in-process checks (SQLite)"
    )
    parser.add_argument("--json", action="store_true", help="JSON to stdout (the default)")
    parser.add_argument(
        "--out",
        default="match-path-cost",
        help="results file name under bench/results (no suffix); '' to write none",
    )
    args = parser.parse_args()
    for variable in SWITCHES:
        os.environ.pop(variable, None)

    load_start = os.getloadavg()
    bank: Path | None = None
    if not args.postgres or args.profile:
        bank, _ = build_bank(args.entries)
    pics = pictures()
    bodies = {kind: [multipart(p) for p in ps] for kind, ps in pics.items()}
    known = known_pdqs(pics["plain"])
    cpu: dict[str, list[float]] = {k: [] for k in SETTINGS}
    blocks: dict[str, list[dict[str, Any]]] = {k: [] for k in SETTINGS}
    idle: dict[str, float] = {}
    written: dict[str, dict[str, int]] = {}
    with ExitStack() as stack:
        servers: dict[str, dict[str, Any]] = {}
        for name in SERVERS:
            started = time.perf_counter()
            servers[name] = stack.enter_context(
                server(
                    name,
                    args.workers,
                    bank,
                    args.postgres,
                    args.entries,
                    known if name == "match" else None,
                )
            )
            print(f"{name} server ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for setting, (name, kind, expect) in SETTINGS.items():
            s = servers[name]
            warm = asyncio.run(block(s["url"], s["key"], bodies[kind], args.warmup, expect))
            if warm["errors"]:
                raise RuntimeError(f"{setting}: {warm['errors'][:3]}")
        for name, s in servers.items():
            idle[name] = idle_cpu(s["processes"](), seconds=3.0)
        order = list(SETTINGS)
        for r in range(args.rounds):
            shift = r % len(order)
            for setting in order[shift:] + order[:shift]:
                name, kind, expect = SETTINGS[setting]
                s = servers[name]
                before = cpu_of(s["processes"]())
                run = asyncio.run(block(s["url"], s["key"], bodies[kind], args.repeat, expect))
                run["server_cpu_ms"] = (
                    spent(before, cpu_of(s["processes"]())) * 1000 / run["requests"]
                )
                cpu[setting].append(run["server_cpu_ms"])
                blocks[setting].append(run)
            print(
                f"round {r + 1}/{args.rounds}: "
                + ", ".join(f"{k} {v[-1]:.2f}" for k, v in cpu.items())
                + f" ms CPU a request; load {os.getloadavg()[0]:.2f}",
                file=sys.stderr,
            )
        for name, s in servers.items():
            written[name] = counts(s["db_url"])

    med = {k: statistics.median(v) for k, v in cpu.items()}
    errors = [e for bs in blocks.values() for b in bs for e in b["errors"]]

    def ratio(a: str, b: str) -> float:
        return round(med[a] / med[b], 2)

    def per_round(a: str, b: str) -> list[float]:
        return sorted(round(x - y, 2) for x, y in zip(cpu[a], cpu[b], strict=True))

    result: dict[str, Any] = {
        "benchmark": "match-path-cost",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "versions": versions("safeguard", "fastapi", "uvicorn", "sqlalchemy", "numpy"),
        "database": "postgresql" if args.postgres else "sqlite",
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "entries": args.entries,
        "workers": args.workers,
        "rounds": args.rounds,
        "requests_a_block": args.repeat * len(bodies["plain"]),
        "settings": {
            k: {"server": v[0], "pictures": v[1], "match": v[2]} for k, v in SETTINGS.items()
        },
        "jpeg_bytes_mean": {
            k: round(statistics.fmean(len(p) for p in ps)) for k, ps in pics.items()
        },
        "errors": len(errors),
        "error_examples": errors[:5],
        "idle_server_cpu_ms_per_s": {k: round(v, 2) for k, v in idle.items()},
        "server_cpu_ms_per_request_median": {k: round(v, 2) for k, v in med.items()},
        "server_cpu_ms_per_request_rounds": {k: [round(x, 2) for x in v] for k, v in cpu.items()},
        "matched_path_extra_ms": {
            "exact: plain_match - plain_nomatch (b - a)": round(
                med["plain_match"] - med["plain_nomatch"], 2
            ),
            "derived: padded_match - padded_nomatch (c - d)": round(
                med["padded_match"] - med["padded_nomatch"], 2
            ),
        },
        "matched_path_extra_ms_per_round_sorted": {
            "b - a": per_round("plain_match", "plain_nomatch"),
            "c - d": per_round("padded_match", "padded_nomatch"),
        },
        "ratios": {
            "plain_match / plain_nomatch (b/a)": ratio("plain_match", "plain_nomatch"),
            "padded_match / padded_nomatch (c/d)": ratio("padded_match", "padded_nomatch"),
            "padded_match / plain_nomatch (c/a)": ratio("padded_match", "plain_nomatch"),
        },
        **block_summary(blocks),
        "answers": {
            k: {
                "actions": dict(sum((Counter(b["actions"]) for b in bs), Counter())),
                "cases": sum(b["cases"] for b in bs),
                "variants": dict(sum((Counter(b["variants"]) for b in bs), Counter())),
            }
            for k, bs in blocks.items()
        },
        "rows_written": written,
    }
    if args.profile and bank is not None:
        result["profile"] = profile(bank, pics, known, args.profile)
    if errors:
        print(f"warning: {len(errors)} answers not as expected", file=sys.stderr)
    if args.out:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{args.out}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

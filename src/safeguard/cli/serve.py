"""``safeguard serve``: the HTTP service (API and console) under uvicorn."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from safeguard.cli.common import (
    database,
    err_console,
    fail,
    settings_of,
)


def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(envvar="SAFEGUARD_HOST", help="Address to listen on.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(envvar="SAFEGUARD_PORT", help="Port.", min=0)] = 8000,
    workers: Annotated[
        int, typer.Option(envvar="SAFEGUARD_WORKERS", help="Worker processes.", min=1)
    ] = 2,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the HTTP service (API and console) with several uvicorn workers. The first start
    creates the database and says how to make the first admin key."""
    import uvicorn

    from safeguard.access import keys, users
    from safeguard.review.evidence import EvidenceError, EvidenceStore
    from safeguard.service.runtime import prepare_index
    from safeguard.service.settings import ServiceSettings

    _one_opencv_thread()  # before anything loads OpenCV
    base = settings_of(ctx)
    settings = ServiceSettings.load(
        base.data_dir, base.db_url, host=host, port=port, workers=workers
    )
    try:
        EvidenceStore(settings).check()
    except EvidenceError as e:
        raise fail(str(e), 2) from None
    with database(base) as db, db.session() as s:
        first = not keys.has_admin(s)
        no_console_admin = not any(
            u.role == "admin" and not u.disabled for u in users.list_users(s)
        )
    err_console.print(f"database: {_safe_url(base.db_url)}", highlight=False)
    if first:
        err_console.print(
            "[bold]No admin API key yet.[/bold] Create the first one with:\n"
            f"  {program()} --data-dir {base.data_dir} keys create --role admin --name admin\n"
            "(it is shown once; keep it safe).",
            highlight=False,
            soft_wrap=True,
        )
    if no_console_admin:
        err_console.print(
            "[bold]No console admin yet.[/bold] Create one (it asks for a password) with:\n"
            f"  {program()} --data-dir {base.data_dir} users create admin --role admin\n"
            f"then log in at http://{host}:{port}/console/",
            highlight=False,
            soft_wrap=True,
        )
    total, saved = prepare_index(settings)
    err_console.print(f"index: {total:,} entries{' (snapshot saved)' if saved else ''}")
    os.environ.update(settings.environment())
    (base.data_dir / "ratelimit.bin").unlink(missing_ok=True)  # buckets start full
    if workers > 1:
        metrics_dir = base.data_dir / "metrics"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True, exist_ok=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    err_console.print(f"serving on http://{host}:{port} with {workers} worker(s)", highlight=False)
    uvicorn.run(
        "safeguard.service.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        http="safeguard.service.protocol:NoDelayProtocol",
        # X-Forwarded-For names the client only when a configured proxy sends it (uvicorn
        # would otherwise believe any local peer, e.g. to dodge the login limit).
        proxy_headers=bool(settings.trusted_proxies.strip()),
        forwarded_allow_ips=settings.trusted_proxies.strip() or None,
    )


def _one_opencv_thread() -> None:
    """OpenCV on one thread in the service's workers, unless ``OPENCV_FOR_THREADS_NUM`` is
    set: a request is the service's unit of parallel work, and OpenCV's pool of a thread a
    core took no work off a turned upload's hashing thread, it only added about an eighth of
    the server's CPU (``bench/upload_check_cost``, docs/benchmarks.md, "Thirteenth round").
    Commands that run one Dask worker keep the pool: ``link build --workers 1`` builds 1.5x
    faster with it. The variable is read when OpenCV loads (the workers import it later)."""
    threads = os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")
    if not threads.strip().isdigit():
        # OpenCV would refuse to load at the first upload that needs it, not at start.
        raise fail(f"OPENCV_FOR_THREADS_NUM must be a whole number, not {threads[:20]!r}", 2)
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:  # loaded already (in process, one worker): tell it directly
        cv2.setNumThreads(int(threads))


def program(argv0: str | None = None, cwd: Path | None = None) -> str:
    """How to run ``safeguard`` again from here, for the hints printed at start: the
    command as it was started (``.venv/bin/safeguard`` when that is not on PATH, ``python
    -m safeguard.cli`` when run as a module)."""
    started = Path(argv0 if argv0 is not None else sys.argv[0])
    if started.name != "safeguard":
        return f"{sys.executable} -m safeguard.cli"
    found = shutil.which("safeguard")
    if found and Path(found).resolve() == started.resolve():
        return "safeguard"
    here = (cwd or Path.cwd()).resolve()
    try:
        return str(started.resolve().relative_to(here))
    except ValueError:
        return str(started.resolve())


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)

"""``safeguard scan``: bulk hashing on Dask, matching in the client, resumable JSON lines.

One small local Dask cluster serves the module (started once); one test runs the scan
against a real cluster of ``dask scheduler`` / ``dask worker`` processes on loopback. The
corpus is benign pictures, a video, an archive and broken files, all made in code.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from safeguard import banks
from safeguard.cli.scan import scan_command
from safeguard.config import Settings
from safeguard.matching.matcher import Matcher
from safeguard.scan import ScanError, ScanProgress, ScanSummary, scan
from safeguard.scan.archives import ArchiveLimits
from safeguard.scan.output import ScanOutput
from safeguard.scan.worker import FileRef, Record, hash_batch
from safeguard.signals.media import HashOptions, hash_bytes, hash_file
from safeguard.store.db import Database, open_database
from tests.conftest import REPO
from tests.media_factory import encode, jpeg, picture, random_bytes, write_video

# --- the corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    root: Path
    paths: frozenset[str]
    #: (signal type, value) put in the bank, and the paths each should match.
    banked: dict[tuple[str, str], str]
    errors: dict[str, str]


def _tar(entries: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("corpus")
    (root / "photos").mkdir()
    (root / "bad").mkdir()
    a, b, c = (
        jpeg(640, 480, "astronaut"),
        encode(picture(500, 400, "coffee"), "PNG"),
        jpeg(640, 480, "chelsea"),
    )
    d, e = jpeg(640, 480, "camera"), encode(picture(400, 300, "rocket"), "PNG")
    (root / "photos" / "a.jpg").write_bytes(a)
    (root / "photos" / "b.png").write_bytes(b)
    (root / "photos" / "c.jpg").write_bytes(c)
    write_video(str(root / "clip.mp4"), seconds=2.0, size=(160, 120))
    nested = _tar([("e.png", e)])
    archive = _zip([("inner/d.jpg", d), ("nested.tar", nested), ("../escape.jpg", b"x")])
    (root / "evidence.zip").write_bytes(archive)
    (root / "bad" / "random.jpg").write_bytes(random_bytes(3000))
    (root / "bad" / "empty.jpg").write_bytes(b"")
    (root / "bad" / "truncated.jpg").write_bytes(c[: len(c) // 2])
    (root / "notes.txt").write_text("benign notes")

    r = str(root)
    zipped = f"{r}/evidence.zip"
    paths = {
        f"{r}/photos/a.jpg",
        f"{r}/photos/b.png",
        f"{r}/photos/c.jpg",
        f"{r}/clip.mp4",
        f"{r}/bad/random.jpg",
        f"{r}/bad/empty.jpg",
        f"{r}/bad/truncated.jpg",
        f"{r}/notes.txt",
        zipped,
        f"{zipped}!/inner/d.jpg",
        f"{zipped}!/nested.tar",
        f"{zipped}!/nested.tar!/e.png",
        f"{zipped}!/../escape.jpg",
    }
    frames = hash_file(root / "clip.mp4").vpdq
    assert frames
    banked = {
        ("md5", hash_file(root / "photos" / "a.jpg").md5 or ""): f"{r}/photos/a.jpg",
        ("pdq", hash_file(root / "photos" / "b.png").pdq or ""): f"{r}/photos/b.png",
        ("pdq", hash_bytes("d.jpg", d).pdq or ""): f"{zipped}!/inner/d.jpg",
        ("md5", hash_bytes("e.png", e).md5 or ""): f"{zipped}!/nested.tar!/e.png",
        ("pdq", frames[0].pdq.hex): f"{r}/clip.mp4",
    }
    errors = {
        f"{r}/bad/random.jpg": "corrupt_media",
        f"{r}/bad/empty.jpg": "empty_file",
        f"{r}/bad/truncated.jpg": "corrupt_media",
        f"{zipped}!/../escape.jpg": "unsafe_path",
    }
    return Corpus(root, frozenset(paths), banked, errors)


def fill_bank(db: Database, values: Collection[tuple[str, str]]) -> None:
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("known", source="test"), "test")
    # An unrelated entry too: matching must not be "everything in the bank".
    rows = [*values, ("pdq", "f" * 64)]
    text = "type,value\n" + "".join(f"{t},{v}\n" for t, v in rows)
    banks.import_list(
        db,
        "known",
        lambda: contextlib.nullcontext(io.BytesIO(text.encode())),
        fmt="csv",
        source="test.csv",
        actor="test",
    )


# --- clusters --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    """One worker process, configured as the scan's own local cluster is: a task whose
    worker dies fails at once (the scan re-runs suspects itself)."""
    from distributed import LocalCluster

    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        scheduler_kwargs={"allowed_failures": 0, "dashboard_address": "127.0.0.1:0"},
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def dask_processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real cluster: ``dask scheduler`` and one ``dask worker`` (nanny and all) as
    processes on loopback, working from another directory than ours."""
    from distributed import Client

    home = tmp_path_factory.mktemp("dask")
    scheduler_file = home / "scheduler.json"
    dask = str(Path(sys.executable).parent / "dask")
    env = {**os.environ, "PYTHONPATH": str(REPO), "OPENBLAS_NUM_THREADS": "1"}
    procs: list[subprocess.Popen[bytes]] = []
    log = (home / "dask.log").open("wb")
    try:
        procs.append(
            subprocess.Popen(
                [
                    dask,
                    "scheduler",
                    *("--host", "127.0.0.1", "--port", "0", "--no-dashboard"),
                    *("--scheduler-file", str(scheduler_file)),
                ],
                cwd=home,
                env=env,
                stdout=log,
                stderr=log,
            )
        )
        deadline = time.monotonic() + 60
        while not scheduler_file.is_file() or not scheduler_file.read_text().strip():
            if time.monotonic() > deadline or procs[0].poll() is not None:
                pytest.fail(f"dask scheduler did not start; see {home / 'dask.log'}")
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [
                    dask,
                    "worker",
                    address,
                    *("--nthreads", "1", "--nworkers", "1", "--no-dashboard"),
                    *("--host", "127.0.0.1", "--local-directory", str(home)),
                ],
                cwd=home,
                env=env,
                stdout=log,
                stderr=log,
            )
        )
        with Client(address, timeout=30, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(1, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


# --- the baseline scan -----------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    corpus: Corpus
    db_url: str
    matcher: Matcher
    out: Path
    summary: ScanSummary

    @property
    def lines(self) -> list[bytes]:
        return self.out.read_bytes().splitlines(keepends=True)


@pytest.fixture(scope="module")
def baseline(
    corpus: Corpus, local_cluster: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Baseline]:
    home = tmp_path_factory.mktemp("baseline")
    url = f"sqlite:///{home / 'db.sqlite'}"
    db = open_database(url)
    fill_bank(db, corpus.banked)
    matcher = Matcher.open(db)
    out = home / "out.jsonl"
    summary = scan([corpus.root], out, matcher=matcher, scheduler=local_cluster)
    try:
        yield Baseline(corpus, url, matcher, out, summary)
    finally:
        db.dispose()


def records(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def by_path(rows: Sequence[Record]) -> dict[str, Record]:
    out = {str(r["path"]): r for r in rows}
    assert len(out) == len(rows), "a path was written twice"
    return out


# --- what a scan writes ----------------------------------------------------------------------


def test_every_file_member_and_archive_gets_exactly_one_record(baseline: Baseline) -> None:
    rows = records(baseline.out)
    assert set(by_path(rows)) == baseline.corpus.paths
    assert all(line.endswith(b"\n") for line in baseline.lines)


def test_records_carry_the_hash_fields_matches_and_error(baseline: Baseline) -> None:
    rows = by_path(records(baseline.out))
    r = str(baseline.corpus.root)
    photo = rows[f"{r}/photos/c.jpg"]
    expected = hash_file(baseline.corpus.root / "photos" / "c.jpg").to_json()
    assert {k: photo[k] for k in expected} == expected
    assert photo["matches"] == [] and photo["error"] is None
    video = rows[f"{r}/clip.mp4"]
    assert video["kind"] == "video" and video["vpdq"]


def test_archive_records_say_what_they_hold_and_come_after_their_members(
    baseline: Baseline,
) -> None:
    rows = records(baseline.out)
    order = [r["path"] for r in rows]
    zipped = f"{baseline.corpus.root}/evidence.zip"
    archive = by_path(rows)[zipped]
    assert archive["archive"] == "zip" and archive["members"] == 3 and archive["md5"]
    assert "container" not in archive
    inner = by_path(rows)[f"{zipped}!/nested.tar"]
    assert inner["archive"] == "tar" and inner["container"] == zipped
    for path in baseline.corpus.paths:
        if path.startswith(zipped + "!/"):
            assert order.index(path) < order.index(zipped)
    assert by_path(rows)[f"{zipped}!/nested.tar!/e.png"]["container"] == f"{zipped}!/nested.tar"


def test_bad_inputs_are_error_records_and_the_rest_is_hashed(baseline: Baseline) -> None:
    rows = by_path(records(baseline.out))
    failed = {p: r["error_code"] for p, r in rows.items() if r["error"] is not None}
    assert failed == baseline.corpus.errors
    # A broken file still has its digests: it can match a known MD5.
    assert rows[f"{baseline.corpus.root}/bad/random.jpg"]["md5"]


def test_matches_appear_on_the_files_whose_hashes_are_banked(
    db: Database, corpus: Corpus, local_cluster: str, tmp_path: Path
) -> None:
    fill_bank(db, corpus.banked)
    out = tmp_path / "out.jsonl"
    scan([corpus.root], out, matcher=Matcher.open(db), scheduler=local_cluster)
    rows = by_path(records(out))
    matched = {p for p, r in rows.items() if r["matches"]}
    assert matched == set(corpus.banked.values())
    for (signal, value), path in corpus.banked.items():
        found = rows[path]["matches"]
        assert any(m["signal"] == signal and m["value"] == value for m in found)
        assert all(m["bank"] == "known" for m in found)
    video_matches = rows[f"{corpus.root}/clip.mp4"]["matches"]
    assert video_matches[0]["distance"] == 0 and "frame" in video_matches[0]


def test_the_summary_counts_what_was_written(baseline: Baseline) -> None:
    s = baseline.summary
    assert (s.files, s.archives, s.members) == (9, 2, 4)
    # The refused ../escape.jpg counts as an image by its name, as in `safeguard hash`.
    assert (s.images, s.videos) == (9, 1)
    assert s.matched == len(baseline.corpus.banked)
    assert s.errors == len(baseline.corpus.errors) and s.failed
    assert s.records == len(baseline.corpus.paths) and s.already_done == 0
    assert s.bytes == sum(p.stat().st_size for p in baseline.corpus.root.rglob("*") if p.is_file())


# --- resuming --------------------------------------------------------------------------------


def test_resume_after_a_line_cut_mid_write_loses_and_duplicates_nothing(
    baseline: Baseline, local_cluster: str, tmp_path: Path
) -> None:
    lines = baseline.lines
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:5]) + lines[5][: len(lines[5]) // 2])
    summary = scan([baseline.corpus.root], out, matcher=baseline.matcher, scheduler=local_cluster)
    assert summary.already_done == 5
    assert by_path(records(out)) == by_path(records(baseline.out))


def test_resume_inside_an_archive_writes_only_its_missing_records(
    baseline: Baseline, local_cluster: str, tmp_path: Path
) -> None:
    zipped = f"{baseline.corpus.root}/evidence.zip"
    missing = {zipped, f"{zipped}!/inner/d.jpg"}
    kept = [line for line in baseline.lines if json.loads(line)["path"] not in missing]
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(kept))
    summary = scan([baseline.corpus.root], out, matcher=baseline.matcher, scheduler=local_cluster)
    assert summary.records == 2
    rows = records(out)
    assert by_path(rows) == by_path(records(baseline.out))
    assert [r["path"] for r in rows[-2:]] == [f"{zipped}!/inner/d.jpg", zipped]


def test_rerunning_a_finished_scan_adds_nothing_and_needs_no_cluster(
    baseline: Baseline, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(baseline.out.read_bytes())
    # Nothing listens there: the scan must not even try to connect.
    summary = scan(
        [baseline.corpus.root], out, matcher=baseline.matcher, scheduler="tcp://127.0.0.1:9"
    )
    assert summary.records == 0 and summary.already_done == len(baseline.corpus.paths)
    assert summary.failed  # the earlier run's failed inputs still count
    assert out.read_bytes() == baseline.out.read_bytes()


def test_an_interrupted_scan_resumes_to_the_same_records(
    baseline: Baseline, local_cluster: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"

    def stop_after_two_tasks(p: ScanProgress) -> None:
        if p.files_done >= 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        scan(
            [baseline.corpus.root],
            out,
            matcher=baseline.matcher,
            scheduler=local_cluster,
            progress=stop_after_two_tasks,
            batch_size=2,
        )
    partial = by_path(records(out))
    assert 0 < len(partial) < len(baseline.corpus.paths)
    scan([baseline.corpus.root], out, matcher=baseline.matcher, scheduler=local_cluster)
    assert by_path(records(out)) == by_path(records(baseline.out))


def slow_hasher(
    files: Sequence[FileRef],
    options: HashOptions,
    limits: ArchiveLimits,
    skip: Mapping[str, Collection[str]] | None = None,
) -> list[Record]:
    """Slow enough that a scan can be caught half-way."""
    time.sleep(0.1 * len(files))
    return hash_batch(files, options, limits, skip)


def test_a_scan_killed_outright_resumes_without_loss_or_duplicates(
    tmp_path: Path, local_cluster: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.png").write_bytes(encode(picture(32 + i, 32), "PNG"))
    out = tmp_path / "out.jsonl"
    code = (
        "from safeguard.scan import scan; from tests.scan.test_scan import slow_hasher; "
        f"scan([{str(folder)!r}], {str(out)!r}, matcher=None, scheduler={local_cluster!r}, "
        "hasher=slow_hasher, batch_size=1)"
    )
    # Only a client: killing it leaves the cluster (and no orphan process) behind.
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not (out.is_file() and out.read_bytes().count(b"\n") >= 5):
            assert proc.poll() is None, "the scan ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.kill()
    finally:
        proc.kill()
        proc.wait()
    partial = out.read_bytes().count(b"\n")
    assert partial < 30
    summary = scan([folder], out, matcher=None, scheduler=local_cluster, batch_size=8)
    assert summary.already_done == partial and summary.records == 30 - partial
    rows = by_path(records(out))
    assert sorted(Path(p).name for p in rows) == sorted(f"{i:02d}.png" for i in range(30))
    assert all(r["pdq"] and r["error"] is None for r in rows.values())


def test_an_unreachable_scheduler_stops_the_scan_with_a_clear_error(
    tmp_path: Path, small_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("safeguard.scan.cluster.CONNECT_TIMEOUT", 1.0)
    with pytest.raises(ScanError, match="cannot reach the Dask scheduler"):
        scan([small_folder], tmp_path / "out.jsonl", matcher=None, scheduler="tcp://127.0.0.1:9")


def test_an_output_that_is_not_a_scan_is_refused(tmp_path: Path, corpus: Corpus) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("hello\n")
    with pytest.raises(ScanError, match="not a scan record"):
        scan([corpus.root], out, matcher=None, scheduler="tcp://127.0.0.1:9")
    assert out.read_text() == "hello\n"


def test_an_output_path_that_is_a_folder_is_a_scan_error(tmp_path: Path, corpus: Corpus) -> None:
    with pytest.raises(ScanError, match="cannot open the results file"):
        scan([corpus.root], tmp_path, matcher=None, scheduler="tcp://127.0.0.1:9")


def test_the_results_file_inside_a_scanned_folder_is_not_scanned(
    small_folder: Path, local_cluster: str
) -> None:
    out = small_folder / "results.jsonl"
    scan([small_folder], out, matcher=None, scheduler=local_cluster)
    scan([small_folder], out, matcher=None, scheduler=local_cluster)
    assert sorted(Path(p).name for p in by_path(records(out))) == [
        "a.jpg",
        "boom.jpg",
        "crash.jpg",
        "z.jpg",
    ]


def test_two_scans_cannot_write_one_output(tmp_path: Path, corpus: Corpus) -> None:
    out = tmp_path / "out.jsonl"
    with ScanOutput(out), pytest.raises(ScanError, match="another scan"):
        scan([corpus.root], out, matcher=None, scheduler="tcp://127.0.0.1:9")


# --- failures on workers ---------------------------------------------------------------------


def crashing_hasher(
    files: Sequence[FileRef],
    options: HashOptions,
    limits: ArchiveLimits,
    skip: Mapping[str, Collection[str]] | None = None,
) -> list[Record]:
    """Kills its worker process outright on a file named crash*, as a decoder bug would."""
    if any(Path(display).name.startswith("crash") for display, _ in files):
        os._exit(13)
    return hash_batch(files, options, limits, skip)


def raising_hasher(
    files: Sequence[FileRef],
    options: HashOptions,
    limits: ArchiveLimits,
    skip: Mapping[str, Collection[str]] | None = None,
) -> list[Record]:
    if any(Path(display).name.startswith("boom") for display, _ in files):
        raise RuntimeError("boom")
    return hash_batch(files, options, limits, skip)


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.jpg", "boom.jpg", "crash.jpg", "z.jpg"):
        (folder / name).write_bytes(jpeg(64, 64, "astronaut"))
    return folder


def test_a_worker_crash_becomes_a_record_for_that_file_only(
    small_folder: Path, local_cluster: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    summary = scan(
        [small_folder], out, matcher=None, scheduler=local_cluster, hasher=crashing_hasher
    )
    rows = {Path(p).name: r for p, r in by_path(records(out)).items()}
    assert rows["crash.jpg"]["error_code"] == "worker_crashed"
    assert all(rows[n]["pdq"] and rows[n]["error"] is None for n in ("a.jpg", "boom.jpg", "z.jpg"))
    assert summary.errors == 1


def test_a_failing_task_becomes_a_record_for_that_file_only(
    small_folder: Path, local_cluster: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    scan([small_folder], out, matcher=None, scheduler=local_cluster, hasher=raising_hasher)
    rows = {Path(p).name: r for p, r in by_path(records(out)).items()}
    assert rows["boom.jpg"]["error_code"] == "internal_error"
    assert "boom" in rows["boom.jpg"]["error"]
    assert all(rows[n]["error"] is None for n in ("a.jpg", "crash.jpg", "z.jpg"))
    assert rows["a.jpg"]["matches"] is None  # no matcher: not matched, rather than "none"


# --- a real cluster --------------------------------------------------------------------------


def test_a_real_dask_cluster_gives_the_same_records_as_the_local_one(
    baseline: Baseline, dask_processes: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Relative paths, and workers running in another directory: the client must send
    # locations the workers can open, and keep the paths as the user gave them.
    root = baseline.corpus.root
    monkeypatch.chdir(root.parent)
    out = tmp_path / "out.jsonl"
    summary = scan([root.name], out, matcher=baseline.matcher, scheduler=dask_processes)
    assert summary.workers == 1

    def relative(rows: list[Record]) -> dict[str, Record]:
        prefix = f"{root.parent}/"
        out: dict[str, Record] = {}
        for r in rows:
            r = {k: v.removeprefix(prefix) if isinstance(v, str) else v for k, v in r.items()}
            out[r["path"]] = r
        return out

    assert by_path(records(out)) == relative(records(baseline.out))


# --- the command -----------------------------------------------------------------------------


def cli(settings: Settings) -> typer.Typer:
    """The command mounted as the lead will mount it, under a root that sets Settings."""
    app = typer.Typer()

    @app.callback()
    def root(ctx: typer.Context) -> None:
        ctx.obj = settings

    app.command("scan")(scan_command)
    return app


def test_cli_prints_a_json_summary_and_exits_1_when_inputs_failed(
    baseline: Baseline, local_cluster: str, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "data", baseline.db_url)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli(settings),
        [
            "scan",
            str(baseline.corpus.root),
            "--out",
            str(out),
            "--json",
            "--scheduler",
            local_cluster,
        ],
    )
    assert result.exit_code == 1, result.output
    summary: dict[str, Any] = json.loads(result.stdout)
    assert summary["files"] == 9 and summary["matched"] == len(baseline.corpus.banked)
    assert summary["errors"] == len(baseline.corpus.errors)
    assert "matched" in result.stderr and "MB/s" in result.stderr
    assert by_path(records(out)) == by_path(records(baseline.out))


def test_cli_on_clean_inputs_exits_0_on_a_local_cluster(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(jpeg(320, 240, "coffee"))
    (folder / "b.zip").write_bytes(_zip([("c.jpg", jpeg(320, 240, "chelsea"))]))
    settings = Settings(tmp_path / "data", f"sqlite:///{tmp_path / 'db.sqlite'}")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli(settings), ["scan", str(folder), "--out", str(out), "--workers", "1", "--fast"]
    )
    assert result.exit_code == 0, result.output
    assert len(records(out)) == 3


def test_cli_help_explains_resuming_and_clusters() -> None:
    result = CliRunner().invoke(cli(Settings(Path("."), "sqlite://")), ["scan", "--help"])
    assert result.exit_code == 0
    for text in ("--out", "resumes", "--scheduler", "shared file system", "--dihedral"):
        assert text in result.stdout


def test_cli_workers_with_a_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli(Settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}")),
        ["scan", str(tmp_path), "--out", str(tmp_path / "o.jsonl"), "-w", "1", "--scheduler", "x"],
    )
    assert result.exit_code == 2

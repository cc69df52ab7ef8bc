"""Matching files and precomputed signals against banks, kept in step with the store."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest

from safeguard import banks
from safeguard.matching.matcher import Matcher, allowlisted
from safeguard.signals.media import HashOptions, hash_file
from safeguard.store.db import Database

DIH = "pdq/images/reg-test-input/dih"


def add_list(
    db: Database, bank: str, lines: list[str], signal: str | None = None, **kw: object
) -> None:
    with db.session() as s:
        try:
            banks.get_bank(s, bank)
        except banks.BankNotFound:
            banks.create_bank(s, banks.BankSpec(bank, **kw), "test")  # type: ignore[arg-type]

    @contextmanager
    def open_() -> Iterator[BinaryIO]:
        yield io.BytesIO("\n".join(lines).encode())

    banks.import_list(db, bank, open_, fmt="plain", source="t", default_type=signal, actor="test")


@pytest.fixture
def bridge(testdata: Path) -> dict[str, Path]:
    folder = testdata / DIH
    return {
        "original": folder / "bridge-1-original.jpg",
        "rotated": folder / "bridge-2-rotate-90.jpg",
        "blurred": testdata / "pdq/images/bridge-mods/blur-a-lot.jpg",
        "other": testdata / "pdq/images/misc-images/c.png",
    }


def test_a_near_duplicate_matches_by_pdq_and_an_unrelated_picture_does_not(
    db: Database, bridge: dict[str, Path]
) -> None:
    original = hash_file(bridge["original"])
    assert original.pdq
    add_list(db, "known", [original.pdq], "pdq")
    matcher = Matcher.open(db)
    [m] = matcher.match_record(hash_file(bridge["blurred"]))
    assert (m.bank, m.signal, m.bank_kind) == ("known", "pdq", "block")
    assert 0 < m.distance <= 31
    assert matcher.match_record(hash_file(bridge["other"])) == []


def test_an_exact_digest_matches(db: Database, bridge: dict[str, Path]) -> None:
    record = hash_file(bridge["other"])
    assert record.md5 and record.sha1
    add_list(db, "digests", [record.md5, record.sha1])
    found = Matcher.open(db).match_record(record)
    assert sorted(m.signal for m in found) == ["md5", "sha1"]
    assert all(m.distance == 0 for m in found)


def test_rotated_copies_match_only_when_dihedral_matching_is_asked(
    db: Database, bridge: dict[str, Path]
) -> None:
    original = hash_file(bridge["original"])
    assert original.pdq
    add_list(db, "known", [original.pdq], "pdq")
    matcher = Matcher.open(db)
    rotated = hash_file(bridge["rotated"], HashOptions(dihedral=True))
    assert matcher.match_record(rotated) == []
    [m] = matcher.match_record(rotated, dihedral=True)
    assert m.distance <= 10


def test_disabled_entries_and_banks_stop_matching_at_once(
    db: Database, bridge: dict[str, Path]
) -> None:
    record = hash_file(bridge["original"])
    assert record.pdq
    add_list(db, "known", [record.pdq], "pdq")
    matcher = Matcher.open(db)
    assert matcher.match_record(record)
    with db.session() as s:
        banks.set_bank_enabled(s, "known", False, "test")
    assert matcher.match_record(record) == []  # before any refresh: checked against the store
    with db.session() as s:
        banks.set_bank_enabled(s, "known", True, "test")
        banks.set_entries_disabled(s, "known", [("pdq", record.pdq)], True, "test")
    assert matcher.match_record(record) == []
    matcher.refresh()
    assert matcher.match_record(record) == []


def test_a_banks_own_threshold_is_applied(db: Database, bridge: dict[str, Path]) -> None:
    original = hash_file(bridge["original"])
    blurred = hash_file(bridge["blurred"])
    assert original.pdq and blurred.pdq
    add_list(db, "strict", [original.pdq], "pdq", pdq_threshold=0)
    assert Matcher.open(db).match_record(blurred) == []
    assert Matcher.open(db).match_record(original)


def test_an_allowlist_match_is_reported_as_overriding(
    db: Database, bridge: dict[str, Path]
) -> None:
    record = hash_file(bridge["original"])
    assert record.pdq
    add_list(db, "known", [record.pdq], "pdq")
    add_list(db, "false-positives", [record.pdq], "pdq", kind="allow")
    matches = Matcher.open(db).match_record(record)
    assert {m.bank_kind for m in matches} == {"block", "allow"}
    assert allowlisted(matches)


def test_new_entries_are_found_after_refresh_without_a_rebuild(
    db: Database, bridge: dict[str, Path]
) -> None:
    matcher = Matcher.open(db)
    record = hash_file(bridge["other"])
    assert record.md5 and matcher.match_record(record) == []
    add_list(db, "late", [record.md5])
    assert matcher.refresh() == 1
    assert [m.bank for m in matcher.match_record(record)] == ["late"]


def test_a_snapshot_restores_the_index_and_catches_up(
    db: Database, bridge: dict[str, Path], tmp_path: Path
) -> None:
    original = hash_file(bridge["original"])
    other = hash_file(bridge["other"])
    assert original.pdq and other.md5
    add_list(db, "known", [original.pdq], "pdq")
    first = Matcher.open(db, tmp_path)
    first.save_snapshot()
    add_list(db, "known", [other.md5])
    second = Matcher.open(db, tmp_path)
    assert second.mark.last_entry_id == 2
    assert second.match_record(original) and second.match_record(other)


def test_a_corrupt_snapshot_falls_back_to_the_database(
    db: Database, bridge: dict[str, Path], tmp_path: Path
) -> None:
    record = hash_file(bridge["original"])
    assert record.pdq
    add_list(db, "known", [record.pdq], "pdq")
    snap = Matcher.open(db, tmp_path).save_snapshot()
    data = bytearray((snap / "pdq.idx").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (snap / "pdq.idx").write_bytes(bytes(data))
    assert Matcher.open(db, tmp_path).match_record(record)


def test_video_frames_match_with_their_frame_numbers(db: Database, testdata: Path) -> None:
    video = hash_file(testdata / "vpdq/videos/pattern-sd-grey-bar.mp4")
    assert video.vpdq
    add_list(db, "frames", [video.vpdq[2].pdq.hex], "pdq")
    found = Matcher.open(db).match_record(video)
    assert 2 * 30 in {m.frame for m in found if m.distance == 0}


# --- the commands ---------------------------------------------------------------------------


def cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFEGUARD_DATA_DIR": str(data_dir)}
    env.pop("SAFEGUARD_DB_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "safeguard.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=300,
    )


def test_match_and_lookup_commands(tmp_path: Path, bridge: dict[str, Path]) -> None:
    data = tmp_path / "data"
    original = hash_file(bridge["original"])
    assert original.pdq
    assert cli(data, "banks", "create", "known").returncode == 0
    imported = cli(
        data, "banks", "import", "known", "-", "--type", "pdq", stdin=original.pdq + "\n"
    )
    assert imported.returncode == 0, imported.stderr

    run = cli(data, "match", "--json", str(bridge["blurred"]), str(bridge["other"]))
    assert run.returncode == 0, run.stderr
    by_name = {Path(r["path"]).name: r for r in map(json.loads, run.stdout.splitlines())}
    assert [m["bank"] for m in by_name["blur-a-lot.jpg"]["matches"]] == ["known"]
    assert by_name["c.png"]["matches"] == []

    looked = cli(data, "lookup", "pdq", stdin=f"{original.pdq}\nnot-a-hash\n")
    assert looked.returncode == 1
    first, second = map(json.loads, looked.stdout.splitlines())
    assert first["matches"][0]["distance"] == 0 and first["error"] is None
    assert second["matches"] == [] and "64 hex digits" in second["error"]
    assert cli(data, "lookup", "md4", "00").returncode == 2

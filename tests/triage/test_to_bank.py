"""``safeguard triage add-to-bank``: a case's categorised pictures go into a bank with every
signal, region rows included, read again from the seized media, so a cropped copy found
later matches as ``region:<k>`` (and pre-categorises it in the next case)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from bench.robust_transforms import crop
from PIL import Image
from sqlalchemy import select
from typer.testing import CliRunner

pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

from safeguard import banks
from safeguard.banks.media import MediaOptions
from safeguard.cli import app
from safeguard.errors import InvalidInput, NotFound
from safeguard.matching.matcher import Matcher
from safeguard.signals.media import hash_bytes
from safeguard.signals.regions import REGION_SIGNAL
from safeguard.store.db import Database
from safeguard.store.models import Entry
from safeguard.triage.case import categorise, create_case, examiner_actions, get_case, item_row
from safeguard.triage.case import iter_items as case_items
from safeguard.triage.runner import run_case
from safeguard.triage.to_bank import ToBankOptions, add_case_to_bank
from tests.media_factory import encode, picture
from tests.triage.disks import fat_image, png, zip_of

ASTRONAUT = encode(picture(640, 480, "astronaut"), "PNG")
COFFEE = encode(picture(600, 400, "coffee"), "JPEG", quality=92)
CHELSEA = encode(picture(500, 400, "chelsea"), "JPEG", quality=90)


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def cropped(data: bytes, fraction: float) -> bytes:
    pixels = np.asarray(Image.open(__import__("io").BytesIO(data)).convert("RGB"))
    return encode(Image.fromarray(crop(pixels, fraction)), "PNG")


@pytest.fixture
def seized(tmp_path: Path) -> Path:
    folder = tmp_path / "seized"
    (folder / "DCIM").mkdir(parents=True)
    (folder / "DCIM" / "astronaut.png").write_bytes(ASTRONAUT)
    (folder / "DCIM" / "coffee.jpg").write_bytes(COFFEE)
    (folder / "notes.txt").write_bytes(b"shopping list\n")
    return folder


@pytest.fixture
def cli(tmp_path: Path) -> Any:
    runner = CliRunner()
    env = {"SAFEGUARD_DATA_DIR": str(tmp_path / "data"), "SAFEGUARD_DB_URL": ""}

    def invoke(*args: str) -> Any:
        return runner.invoke(app, list(args), env=env)

    return invoke


def test_a_cropped_copy_of_a_categorised_picture_matches_through_its_region(
    cli: Any, seized: Path, cluster: str, tmp_path: Path
) -> None:
    assert cli("triage", "new", "OP-7", "--source", str(seized)).exit_code == 0
    run = cli("triage", "run", "OP-7", "--scheduler", cluster, "--json")
    assert run.exit_code == 0, run.output
    items = {Path(r["path"]).name: r for r in lines(cli("triage", "list", "OP-7", "--json").stdout)}
    target = items["astronaut.png"]["id"]
    assert cli("triage", "categorise", "OP-7", str(target), "--code", "A").exit_code == 0
    assert cli("banks", "create", "seized-a").exit_code == 0

    added = cli("triage", "add-to-bank", "OP-7", "seized-a", "--json")
    assert added.exit_code == 0, added.output
    [record] = lines(added.stdout)  # the uncategorised coffee and text file are left out
    assert record["item"] == target and record["category"] == "A"
    assert record["external_id"] == f"triage:OP-7:{target}"
    assert record["added"] == 4 and record["regions"] >= 8 and record["error"] is None

    copy = tmp_path / "found" / "copy.png"
    copy.parent.mkdir()
    copy.write_bytes(cropped(ASTRONAUT, 0.05))
    matched = cli("match", "--json", str(copy))
    assert matched.exit_code == 0, matched.output
    [m] = [m for m in lines(matched.stdout)[0]["matches"] if m["signal"] == "pdq"]
    assert m["variant"].startswith("region:")
    assert m["external_id"] == f"triage:OP-7:{target}" and m["category"] == "A"

    # The next case finds the cropped copy as known and pre-categorised by the bank.
    assert cli("triage", "new", "OP-8", "--source", str(copy.parent)).exit_code == 0
    assert cli("triage", "run", "OP-8", "--scheduler", cluster).exit_code == 0
    [row] = lines(cli("triage", "list", "OP-8", "--json").stdout)
    assert row["known"] is True
    assert row["category"]["code"] == "A" and row["category"]["by"].startswith("hash:")
    report = lines(cli("triage", "report", "OP-8", "--json").stdout)[0]
    assert report["counts"]["known"] == 1

    again = cli("triage", "add-to-bank", "OP-7", "seized-a", "--json")
    assert [r["added"] for r in lines(again.stdout)] == [0]  # nothing added twice


def test_usage_errors_exit_2(cli: Any, seized: Path, cluster: str) -> None:
    assert cli("triage", "new", "OP-9", "--source", str(seized)).exit_code == 0
    assert cli("triage", "run", "OP-9", "--scheduler", cluster).exit_code == 0
    assert cli("banks", "create", "b").exit_code == 0
    first = lines(cli("triage", "list", "OP-9", "--json").stdout)[0]["id"]
    assert cli("triage", "add-to-bank", "NOPE", "b").exit_code == 2
    assert cli("triage", "add-to-bank", "OP-9", "missing-bank").exit_code == 2
    assert cli("triage", "add-to-bank", "OP-9", "b", "--code", "Z").exit_code == 2
    assert cli("triage", "add-to-bank", "OP-9", "b", str(first)).exit_code == 2  # uncategorised
    assert cli("triage", "add-to-bank", "OP-9", "b", "99999").exit_code == 2


# --- the library, on a disk image -------------------------------------------------------------


@pytest.fixture
def image_case(db: Database, tmp_path: Path, cluster: str) -> dict[str, int]:
    evidence = fat_image(
        tmp_path / "usb.img",
        {"a.jpg": COFFEE, "b.zip": zip_of({"inner/c.jpg": CHELSEA}), "d.png": png(5)},
        deleted={"gone.png": ASTRONAUT},
    )
    with db.session() as s:
        create_case(s, "IMG-1", [evidence], examiner="DC Example", scheme="uk", actor="test")
        banks.create_bank(s, banks.BankSpec("known"), "test")
    run_case(db, "IMG-1", matcher=Matcher.open(db), actor="test", scheduler=cluster)
    with db.session() as s:
        case = get_case(s, "IMG-1")
        ids = {
            "gone.png" if not i.allocated else Path(i.path).name: i.id for i in case_items(s, case)
        }
        categorise(s, case, code="B", examiner="x", actor="test", ids=[ids["c.jpg"]])
        categorise(s, case, code="C", examiner="x", actor="test", ids=[ids["gone.png"]])
        categorise(s, case, code="0", examiner="x", actor="test", ids=[ids["a.jpg"]])
    return ids


def _entries(db: Database) -> list[Entry]:
    with db.session() as s:
        return list(s.scalars(select(Entry)))


def test_archive_members_and_deleted_files_are_read_again_from_the_image(
    db: Database, image_case: dict[str, int]
) -> None:
    records = list(add_case_to_bank(db, "IMG-1", "known", actor="test"))
    assert sorted(r.item for r in records) == sorted([image_case["c.jpg"], image_case["gone.png"]])
    assert all(r.media.error is None for r in records)
    entries = _entries(db)
    pdq = {e.external_id: e for e in entries if e.signal_type == "pdq"}
    expected = hash_bytes("c.jpg", CHELSEA, None).pdq
    assert pdq[f"triage:IMG-1:{image_case['c.jpg']}"].value == expected
    assert pdq[f"triage:IMG-1:{image_case['c.jpg']}"].category == "B"
    assert pdq[f"triage:IMG-1:{image_case['gone.png']}"].category == "C"
    # Category 0 (not indecent) is never added by default.
    assert hashlib.md5(COFFEE).hexdigest() not in {e.value for e in entries}
    regions = [e for e in entries if e.signal_type == REGION_SIGNAL]
    assert regions and {e.parent_id for e in regions} == {e.id for e in pdq.values()}
    with db.session() as s:
        actions = [a.action for a in examiner_actions(s, get_case(s, "IMG-1"))]
    assert actions[-1] == "triage_added_to_bank"


def test_codes_ids_and_no_regions_narrow_what_is_added(
    db: Database, image_case: dict[str, int]
) -> None:
    only_c = ToBankOptions(codes=("c",), media=MediaOptions(regions=False))
    [record] = list(add_case_to_bank(db, "IMG-1", "known", actor="test", options=only_c))
    assert record.item == image_case["gone.png"] and record.media.regions == 0
    assert not [e for e in _entries(db) if e.signal_type == REGION_SIGNAL]
    named = ToBankOptions(ids=(image_case["c.jpg"],))
    [record] = list(add_case_to_bank(db, "IMG-1", "known", actor="test", options=named))
    assert record.item == image_case["c.jpg"] and record.media.regions > 0
    with pytest.raises(InvalidInput):
        list(
            add_case_to_bank(
                db,
                "IMG-1",
                "known",
                actor="test",
                options=ToBankOptions(ids=(image_case["d.png"],)),
            )
        )
    with pytest.raises(NotFound):
        list(add_case_to_bank(db, "IMG-1", "nope", actor="test"))


def test_an_item_whose_source_changed_since_the_run_is_refused(
    db: Database, seized: Path, cluster: str
) -> None:
    with db.session() as s:
        create_case(s, "F-1", [seized], examiner="x", scheme="uk", actor="test")
        banks.create_bank(s, banks.BankSpec("known"), "test")
    run_case(db, "F-1", matcher=Matcher.open(db), actor="test", scheduler=cluster)
    with db.session() as s:
        case = get_case(s, "F-1")
        rows = {Path(i.path).name: item_row(case, i, "") for i in case_items(s, case)}
        ids = [rows["astronaut.png"]["id"], rows["coffee.jpg"]["id"]]
        categorise(s, case, code="A", examiner="x", actor="test", ids=ids)
    (seized / "DCIM" / "coffee.jpg").write_bytes(CHELSEA)
    records = {r.item: r for r in add_case_to_bank(db, "F-1", "known", actor="test")}
    assert records[ids[1]].media.error_code == "source_changed"
    assert records[ids[1]].media.added == 0
    assert records[ids[0]].media.error is None and records[ids[0]].media.added == 4
    assert hashlib.md5(CHELSEA).hexdigest() not in {e.value for e in _entries(db)}

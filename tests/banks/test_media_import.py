"""Banks filled from the media itself: every signal an entry, region rows linked to the
whole-picture PDQ, matched as ``region:<k>`` and never exported or shared as items."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from bench.robust_transforms import crop
from PIL import Image
from sqlalchemy import select

from safeguard import banks
from safeguard.banks.media import (
    InvalidIdList,
    MediaOptions,
    external_id_of,
    import_media,
    read_id_list,
)
from safeguard.exchange import publisher
from safeguard.matching.matcher import Matcher
from safeguard.signals.hashing import collect_files
from safeguard.signals.media import hash_file
from safeguard.signals.regions import REGION_SIGNAL, REGIONS, pdq_regions
from safeguard.store.db import Database
from safeguard.store.models import Entry, ExchangeFeed
from tests.media_factory import encode, picture, random_bytes, write_video


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    (folder / "astronaut.png").write_bytes(encode(picture(640, 480, "astronaut"), "PNG"))
    (folder / "coffee.jpg").write_bytes(encode(picture(600, 400, "coffee"), "JPEG", quality=92))
    (folder / "broken.jpg").write_bytes(random_bytes(4000))
    write_video(str(folder / "clip.mp4"), seconds=2.0)
    return folder


def _bank(db: Database, name: str = "known") -> None:
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec(name), "test")


def _import(db: Database, folder: Path, **kw: object) -> dict[str, banks.media.MediaImportRecord]:  # type: ignore[name-defined]
    records = import_media(db, "known", collect_files([folder]), actor="test", **kw)  # type: ignore[arg-type]
    return {Path(r.path).name: r for r in records}


def test_every_signal_of_each_file_becomes_an_entry_named_after_it(
    db: Database, media: Path
) -> None:
    _bank(db)
    got = _import(db, media)
    with db.session() as s:
        rows = s.scalars(select(Entry).where(Entry.parent_id.is_(None))).all()
        by_id: dict[str, set[str]] = {}
        for e in rows:
            by_id.setdefault(str(e.external_id), set()).add(e.signal_type)
    assert by_id["astronaut.png"] == {"md5", "sha1", "sha256", "pdq"}
    assert by_id["coffee.jpg"] == {"md5", "sha1", "sha256", "pdq"}
    # A video: its digests and the PDQ of its keyframes.
    assert {"md5", "sha1", "sha256", "pdq"} <= by_id["clip.mp4"]
    assert got["clip.mp4"].kind == "video" and got["clip.mp4"].frames >= 1
    # A file that cannot be decoded is an error record and adds nothing.
    assert got["broken.jpg"].error_code == "corrupt_media"
    assert got["broken.jpg"].added == 0 and "broken.jpg" not in by_id
    assert got["astronaut.png"].added == 4


def test_region_rows_belong_to_the_picture_pdq_entry(db: Database, media: Path) -> None:
    _bank(db)
    got = _import(db, media)
    astronaut = hash_file(media / "astronaut.png")
    with db.session() as s:
        parent = s.scalar(
            select(Entry).where(Entry.signal_type == "pdq", Entry.value == astronaut.pdq)
        )
        assert parent is not None
        regions = s.scalars(select(Entry).where(Entry.parent_id == parent.id)).all()
    assert got["astronaut.png"].regions == len(regions) > 0
    assert {r.signal_type for r in regions} == {REGION_SIGNAL}
    assert {r.region for r in regions} <= set(REGIONS)
    pixels = np.asarray(Image.open(media / "astronaut.png").convert("RGB"))
    expected = {r.region: r.hash.hex for r in pdq_regions(pixels)}
    assert {r.region: r.value for r in regions} == expected


def test_regions_are_off_with_the_option(db: Database, media: Path) -> None:
    _bank(db)
    got = _import(db, media, options=MediaOptions(regions=False))
    assert got["astronaut.png"].regions == 0
    with db.session() as s:
        assert s.scalar(select(Entry.id).where(Entry.parent_id.is_not(None))) is None


def test_export_and_feeds_leave_region_rows_out(db: Database, media: Path) -> None:
    _bank(db)
    _import(db, media)
    with db.session() as s:
        bank = banks.get_bank(s, "known")
        exported = list(banks.iter_entries(s, bank))
        listed = banks.page_entries(s, bank, limit=1000)
        all_rows = s.scalars(select(Entry)).all()
        publisher.publish(s, "known", actor="test")
        feed = s.scalar(select(ExchangeFeed))
        assert feed is not None
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        page = publisher.page(s, feed, Ed25519PrivateKey.generate(), limit=1000)
        summary = banks.summarize(s, bank)
    top = [e for e in all_rows if e.parent_id is None]
    assert summary.region_hashes == len(all_rows) - len(top)
    assert REGION_SIGNAL not in summary.entries
    assert any(e.parent_id is not None for e in all_rows)
    assert len(exported) == len(listed) == len(top)
    assert REGION_SIGNAL not in {e.signal_type for e in exported}
    assert {i["id"] for i in page["page"]["items"]} == {e.id for e in top}


def test_a_cropped_copy_matches_through_a_region_as_its_entry(
    db: Database, media: Path, tmp_path: Path
) -> None:
    _bank(db)
    _import(db, media)
    matcher = Matcher.open(db)
    pixels = np.asarray(Image.open(media / "astronaut.png").convert("RGB"))
    path = tmp_path / "cropped.png"
    Image.fromarray(crop(pixels, 0.05)).save(path)
    record = hash_file(path)
    [m] = [m for m in matcher.match_record(record) if m.signal == "pdq"]
    assert m.variant == "region:c90"
    assert m.external_id == "astronaut.png"
    assert m.value == hash_file(media / "astronaut.png").pdq  # the entry, not the region row
    assert m.to_json()["variant"] == "region:c90"
    # The whole picture still matches as itself, once.
    whole = [
        m for m in matcher.match_record(hash_file(media / "astronaut.png")) if m.signal == "pdq"
    ]
    assert [(m.variant, m.distance) for m in whole] == [("exact", 0)]


def test_a_matcher_with_regions_off_ignores_them(db: Database, media: Path, tmp_path: Path) -> None:
    _bank(db)
    _import(db, media)
    matcher = Matcher.open(db)
    matcher.regions = False
    pixels = np.asarray(Image.open(media / "astronaut.png").convert("RGB"))
    path = tmp_path / "cropped.png"
    Image.fromarray(crop(pixels, 0.05)).save(path)
    assert [m for m in matcher.match_record(hash_file(path)) if m.signal == "pdq"] == []
    whole = matcher.match_record(hash_file(media / "astronaut.png"))
    assert [m.variant for m in whole if m.signal == "pdq"] == ["exact"]


def test_a_disabled_entry_is_not_found_through_its_regions(
    db: Database, media: Path, tmp_path: Path
) -> None:
    _bank(db)
    _import(db, media)
    pdq = hash_file(media / "astronaut.png").pdq
    assert pdq
    with db.session() as s:
        banks.set_entries_disabled(s, "known", [("pdq", pdq)], True, "test")
    pixels = np.asarray(Image.open(media / "astronaut.png").convert("RGB"))
    path = tmp_path / "cropped.png"
    Image.fromarray(crop(pixels, 0.05)).save(path)
    matcher = Matcher.open(db)
    assert [m for m in matcher.match_record(hash_file(path)) if m.signal == "pdq"] == []


def test_an_unrelated_cropped_picture_matches_no_region(
    db: Database, media: Path, tmp_path: Path
) -> None:
    _bank(db)
    _import(db, media)
    matcher = Matcher.open(db)
    for source in ("chelsea", "rocket", "camera"):
        path = tmp_path / f"{source}.png"
        Image.fromarray(crop(np.asarray(picture(640, 480, source)), 0.05)).save(path)
        assert matcher.match_record(hash_file(path)) == []


def test_external_ids_come_from_the_csv_by_path_or_name() -> None:
    ids = read_id_list("file,id\nastronaut.png,A-1\n/x/coffee.jpg,C-2\n")
    assert external_id_of("/data/astronaut.png", ids) == "A-1"
    assert external_id_of("/x/coffee.jpg", ids) == "C-2"
    assert external_id_of("/y/coffee.jpg", ids) == "coffee.jpg"
    with pytest.raises(InvalidIdList):
        read_id_list("name,category\na.png,x\n")
    with pytest.raises(InvalidIdList):
        read_id_list("path,external_id\na.png,\n")


def test_import_media_command_reports_each_file_and_fails_on_a_bad_one(
    media: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    ids = tmp_path / "ids.csv"
    ids.write_text("file,id\ncoffee.jpg,case-7/item-2\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "safeguard.cli", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert run("banks", "create", "known").returncode == 0
    done = run("banks", "import-media", "known", str(media), "--ids", str(ids), "--json")
    assert done.returncode == 1, done.stderr
    lines = {Path(r["path"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    assert set(lines) == {"astronaut.png", "coffee.jpg", "broken.jpg", "clip.mp4"}
    assert lines["broken.jpg"]["error_code"] == "corrupt_media"
    assert lines["coffee.jpg"]["external_id"] == "case-7/item-2"
    assert lines["astronaut.png"]["regions"] > 0
    exported = run("banks", "export", "known", "--format", "csv")
    assert exported.returncode == 0
    assert REGION_SIGNAL not in exported.stdout
    assert "case-7/item-2" in exported.stdout
    again = run("banks", "import-media", "known", str(media / "astronaut.png"), "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout)["added"] == 0  # idempotent
    missing = run("banks", "import-media", "nope", str(media), "--json")
    assert missing.returncode == 1


def test_a_case_confirmed_with_its_kept_picture_adds_its_regions(
    db: Database, tmp_path: Path
) -> None:
    from safeguard.review import cases
    from safeguard.review.evidence import EvidenceSettings, EvidenceStore, generate_key

    _bank(db)
    data = encode(picture(640, 480, "astronaut"), "PNG")
    (tmp_path / "a.png").write_bytes(data)
    signals = hash_file(tmp_path / "a.png")
    store = EvidenceStore(EvidenceSettings(enabled=True, key=generate_key()))
    other = EvidenceStore(EvidenceSettings(enabled=True, key=generate_key()))
    ids = []
    with db.session() as s:
        for _ in range(2):
            case = cases.open_case(
                s,
                source="t",
                action="review",
                summary="",
                evidence={"signals": {"pdq": signals.pdq, "md5": signals.md5}},
                actor="t",
            )
            store.save(s, case.id, data, filename="a.png", content_type="image/png")
            ids.append(case.id)
    with db.session() as s:
        # Media that cannot be opened (another key) never blocks the decision.
        assert other.load_for_banking(s, ids[0]) is None
        cases.decide_case(s, ids[0], decision="confirm", actor="t", bank="known", media=None)
        assert s.scalar(select(Entry.id).where(Entry.parent_id.is_not(None))) is None
    with db.session() as s:
        media = store.load_for_banking(s, ids[1])
        assert media == data
        cases.decide_case(s, ids[1], decision="confirm", actor="t", bank="known", media=media)
        regions = s.scalars(select(Entry).where(Entry.parent_id.is_not(None))).all()
    assert {r.region for r in regions} == {
        r.region for r in pdq_regions(np.asarray(Image.open(tmp_path / "a.png").convert("RGB")))
    }

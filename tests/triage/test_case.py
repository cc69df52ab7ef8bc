"""The triage workflow on a real FAT image: run, known material pre-categorised by a VICS
hash set, the examiner's verdicts kept apart, stacks, exports read back, resume after
``kill -9``."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

import ijson
from sqlalchemy import func, select

from safeguard.banks import importing, lists
from safeguard.banks.formats.vics import VicsFormat
from safeguard.errors import Conflict, InvalidInput, NotFound
from safeguard.matching.matcher import Matcher
from safeguard.scan.archives import ArchiveLimits
from safeguard.signals.media import HashOptions, hash_bytes
from safeguard.store.db import Database, open_database
from safeguard.store.models.triage import TriageItem
from safeguard.triage import export, report
from safeguard.triage.case import (
    ItemFilter,
    categorise,
    create_case,
    examiner_actions,
    get_case,
    item_row,
    iter_items,
)
from safeguard.triage.known import KnownDigests
from safeguard.triage.runner import run_case
from safeguard.triage.sources import FoundFile, SourceRef
from safeguard.triage.worker import Record, hash_files
from tests.conftest import REPO
from tests.triage.disks import e01_of, fat_image, jpeg, md5, picture, png, zip_of

KNOWN = jpeg(10)
PHOTO_BIG = picture(11, (640, 480))
SHAPES = png(12)
DELETED = jpeg(13)
LETTER = b"Dear examiner, nothing to see here.\n"


def _jpeg_of(img: Any, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    img.resize(size).save(out, "JPEG", quality=85)
    return out.getvalue()


BIG = _jpeg_of(PHOTO_BIG, (640, 480))
SMALL = _jpeg_of(PHOTO_BIG, (480, 360))  # the same picture, smaller: a near-duplicate
ARCHIVE = zip_of({"inner/shapes.png": SHAPES})
FILES = {
    "DCIM/known.jpg": KNOWN,
    "DCIM/photo.jpg": BIG,
    "DCIM/photo_small.jpg": SMALL,
    "pics.zip": ARCHIVE,
    "docs/letter.txt": LETTER,
}
EXPECTED = {
    "/DCIM/known.jpg": KNOWN,
    "/DCIM/photo.jpg": BIG,
    "/DCIM/photo_small.jpg": SMALL,
    "/pics.zip": ARCHIVE,
    "/pics.zip!/inner/shapes.png": SHAPES,
    "/docs/letter.txt": LETTER,
}


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evidence")
    return fat_image(folder / "seized.img", FILES, deleted={"gone.jpg": DELETED})


def vics_hashset(media: Sequence[dict[str, Any]]) -> bytes:
    return json.dumps(
        {
            "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/"
            "2.0.xml/Default/$metadata#Media",
            "value": list(media),
        }
    ).encode()


def import_vics(db: Database, bank: str, data: bytes) -> None:
    with db.session() as s:
        lists.create_bank(s, lists.BankSpec(bank, source="test VICS set"), "test")
    importing.import_list(
        db,
        bank,
        lambda: contextlib.nullcontext(io.BytesIO(data)),
        fmt="vics",
        source="hashset.json",
        actor="test",
    )


@dataclass
class Ran:
    db: Database
    name: str
    summary: Any


def open_case(db: Database, name: str, sources: list[Path], scheme: str = "us") -> None:
    with db.session() as s:
        create_case(s, name, sources, examiner="DC Example", scheme=scheme, actor="test")


def run_with_known(
    db: Database, name: str, sources: list[Path], known: bytes, media_id: int, cluster: str
) -> Ran:
    """A case over ``sources`` run against a VICS set (bank ``projectvic``) that holds
    ``known`` as ``media_id``, category 1."""
    sha1 = hashlib.sha1(known).hexdigest().upper()
    entry = {"MediaID": media_id, "MD5": md5(known).upper(), "SHA1": sha1, "Category": 1}
    import_vics(db, "projectvic", vics_hashset([entry]))
    open_case(db, name, sources)
    summary = run_case(db, name, matcher=Matcher.open(db), actor="test", scheduler=cluster)
    return Ran(db, name, summary)


@pytest.fixture
def ran(db: Database, evidence: Path, cluster: str) -> Ran:
    return run_with_known(db, "CASE-1", [evidence], KNOWN, 7, cluster)


def rows(r: Ran, where: ItemFilter | None = None) -> dict[str, dict[str, Any]]:
    with r.db.session() as s:
        case = get_case(s, r.name)
        return {i.path: item_row(case, i, "") for i in iter_items(s, case, where)}


def test_every_file_is_found_hashed_and_written_once(ran: Ran) -> None:
    got = rows(ran)
    deleted = [p for p, row in got.items() if row["deleted"]]
    assert set(got) == set(EXPECTED) | set(deleted)
    for path, data in EXPECTED.items():
        assert got[path]["md5"] == md5(data), path
        assert got[path]["sha1"] == hashlib.sha1(data).hexdigest()
        assert got[path]["sha256"] == hashlib.sha256(data).hexdigest()
    reduced = HashOptions(reduced_pdq=True)
    for path in ("/DCIM/photo.jpg", "/pics.zip!/inner/shapes.png"):
        assert got[path]["pdq"] == hash_bytes("x", EXPECTED[path], reduced).pdq
    assert ran.summary.errors == 0 and ran.summary.sources_unchanged


def test_a_picture_known_by_its_digest_is_not_decoded_for_pdq(ran: Ran) -> None:
    row = rows(ran)["/DCIM/known.jpg"]
    assert row["known"] is True and row["md5"] == md5(KNOWN)
    assert row["pdq"] is None


def test_pdq_of_known_pictures_and_full_decoding_on_request(
    db: Database, evidence: Path, cluster: str
) -> None:
    import_vics(
        db, "projectvic", vics_hashset([{"MediaID": 7, "MD5": md5(KNOWN).upper(), "Category": 1}])
    )
    open_case(db, "FULL", [evidence])
    run_case(
        db,
        "FULL",
        matcher=Matcher.open(db),
        actor="test",
        scheduler=cluster,
        options=HashOptions(),
        skip_known_pdq=False,
    )
    got = rows(Ran(db, "FULL", None))
    assert got["/DCIM/known.jpg"]["known"] is True
    for path in ("/DCIM/known.jpg", "/DCIM/photo.jpg", "/pics.zip!/inner/shapes.png"):
        assert got[path]["pdq"] == hash_bytes("x", EXPECTED[path]).pdq, path


def test_the_deleted_file_is_recovered(ran: Ran) -> None:
    (row,) = rows(ran, ItemFilter(deleted=True)).values()
    assert row["md5"] == md5(DELETED) and row["deleted"] is True


def test_a_vics_hash_set_pre_categorises_the_file_it_matches_and_only_it(ran: Ran) -> None:
    known = rows(ran, ItemFilter(known=True))
    assert list(known) == ["/DCIM/known.jpg"]
    row = known["/DCIM/known.jpg"]
    assert row["category"] == {"scheme": "us", "code": "1", "by": "hash:projectvic"}
    assert row["precategory"] == row["category"]
    assert {m["bank"] for m in row["matches"]} == {"projectvic"}
    assert all(r["category"] is None for p, r in rows(ran).items() if p != "/DCIM/known.jpg")


def test_near_duplicates_share_a_stack_and_one_verdict_covers_it(ran: Ran) -> None:
    got = rows(ran)
    stack = got["/DCIM/photo.jpg"]["stack"]
    assert stack is not None and got["/DCIM/photo_small.jpg"]["stack"] == stack
    others = [p for p, r in got.items() if r["stack"] == stack]
    assert sorted(others) == ["/DCIM/photo.jpg", "/DCIM/photo_small.jpg"]
    with ran.db.session() as s:
        n = categorise(
            s, get_case(s, ran.name), code="0", examiner="DC Example", actor="t", stacks=[stack]
        )
    assert n == 2
    after = rows(ran)
    for path in others:
        assert after[path]["category"] == {"scheme": "us", "code": "0", "by": "examiner:DC Example"}


def test_the_examiners_verdict_is_kept_apart_from_the_hash_sets(ran: Ran) -> None:
    known_id = rows(ran)["/DCIM/known.jpg"]["id"]
    with ran.db.session() as s:
        categorise(
            s,
            get_case(s, ran.name),
            code="2",
            examiner="DC Example",
            actor="cli:dc",
            ids=[known_id],
            note="second look",
        )
    row = rows(ran)["/DCIM/known.jpg"]
    assert row["category"] == {"scheme": "us", "code": "2", "by": "examiner:DC Example"}
    assert row["precategory"] == {"scheme": "us", "code": "1", "by": "hash:projectvic"}
    with ran.db.session() as s:
        events = examiner_actions(s, get_case(s, ran.name))
    last = events[-1]
    assert last.action == "triage_categorised" and last.actor == "cli:dc"
    assert json.loads(last.details)["items"] == [known_id]


def test_categorising_an_unknown_item_or_with_a_bad_code_is_refused(ran: Ran) -> None:
    with ran.db.session() as s:
        case = get_case(s, ran.name)
        with pytest.raises(NotFound):
            categorise(s, case, code="1", examiner="x", actor="t", ids=[999_999])
        with pytest.raises(InvalidInput):
            categorise(s, case, code="A", examiner="x", actor="t", ids=[1])


def _vics(ran: Ran, tmp_path: Path) -> Path:
    out = tmp_path / "case.json"
    with ran.db.session() as s, out.open("wb") as f:
        export.write_vics(s, get_case(s, ran.name), f)
    return out


def test_the_vics_export_reads_back_field_by_field_with_a_streaming_parser(
    ran: Ran, tmp_path: Path
) -> None:
    out = _vics(ran, tmp_path)
    with out.open("rb") as f:
        context = next(v for p, e, v in ijson.parse(f) if p == "@odata.context")
    assert context.endswith("/2.0.xml/US/$metadata#Cases")
    with out.open("rb") as f:
        cases = list(ijson.kvitems(f, "value.item"))
    fields = {k: v for k, v in cases if k != "Media"}
    assert fields["CaseNumber"] == "CASE-1" and fields["CaseID"]
    assert fields["SourceApplicationName"] == "Safeguard"
    assert fields["SourceApplicationVersion"]
    with out.open("rb") as f:
        media = list(ijson.items(f, "value.item.Media.item"))
    everything = rows(ran)
    by_md5 = {r["md5"]: r for r in everything.values()}
    assert len(media) == len(by_md5)
    assert [m["MediaID"] for m in media] == list(range(1, len(media) + 1))
    for m in media:
        row = by_md5[m["MD5"].lower()]
        assert m["MD5"] == row["md5"].upper()
        assert m["SHA1"] == row["sha1"].upper()
        assert m["MediaSize"] == row["size"]
        assert m["MimeType"] == row["mime"]
        (file,) = m["MediaFiles"]
        assert file["FilePath"] + file["FileName"] == row["path"]
        assert file["Deleted"] is row["deleted"]
        assert file["Unallocated"] is False
        assert file["SourceID"] == 1
        assert "Written" in file and "Created" in file and "Accessed" in file
    known = next(m for m in media if m["MD5"] == md5(KNOWN).upper())
    assert known["Category"] == 1 and known["IsPrecategorized"] is True
    photo = next(m for m in media if m["MD5"] == md5(BIG).upper())
    assert photo["Category"] is None and photo["IsPrecategorized"] is False
    assert next(m for m in media if m["MD5"] == md5(SHAPES).upper())["MimeType"] == "image/png"


def test_the_vics_export_is_read_by_the_projects_own_vics_importer(
    ran: Ran, tmp_path: Path
) -> None:
    out = _vics(ran, tmp_path)
    with out.open("rb") as f:
        entries = [e for e in VicsFormat().read(f)]
    md5s = {e.value for e in entries if getattr(e, "signal_type", None) == "md5"}
    assert md5s == {r["md5"] for r in rows(ran).values()}


def test_csv_html_and_pdf_exports_hold_the_case_and_no_media(ran: Ran, tmp_path: Path) -> None:
    with ran.db.session() as s:
        case = get_case(s, ran.name)
        buf = io.BytesIO()
        summary = export.write_csv(s, case, buf)
        data = report.build_report(s, case)
    lines = buf.getvalue().decode().splitlines()
    assert summary.items == len(lines) - 1 == len(rows(ran))
    assert lines[0].startswith("id,source,path")
    page = report.render_html(data)
    (src,) = data["sources"]
    assert src["unchanged"] is True
    assert src["hash_before"]["sha256"] in page and src["hash_after"]["sha256"] in page
    for action in ("triage_case_created", "triage_run_started", "triage_run_finished"):
        assert action in page
    assert "<img" not in page and "data:image" not in page
    pdf = report.render_pdf(data)
    assert pdf.startswith(b"%PDF-") and len(pdf) < 200_000
    assert data["counts"]["known"] == 1 and data["counts"]["deleted"] == 1
    assert data["timeline"]["per_month"]


def test_a_second_run_of_a_finished_case_adds_nothing(ran: Ran, cluster: str) -> None:
    again = run_case(ran.db, ran.name, matcher=None, actor="test", scheduler=cluster)
    assert again.items == 0 and again.already_done == len(rows(ran))


def test_a_tampered_e01_is_refused_before_any_file_is_read(
    db: Database, evidence: Path, tmp_path: Path, cluster: str
) -> None:
    e01 = e01_of(evidence, tmp_path / "ev")
    data = bytearray(e01.read_bytes())
    at = data.find(BIG[1000:1100])  # ewfacquire stores chunks uncompressed by default
    assert at > 0
    data[at + 10] ^= 0xFF  # one bit pattern changed inside a picture
    e01.write_bytes(bytes(data))
    open_case(db, "TAMPERED", [e01])
    with pytest.raises(Conflict):
        run_case(db, "TAMPERED", matcher=None, actor="test", scheduler=cluster)
    with db.session() as s:
        assert s.scalar(select(func.count(TriageItem.id))) == 0


def test_a_source_no_reader_can_open_is_an_error_item_and_the_others_are_triaged(
    db: Database, evidence: Path, tmp_path: Path, cluster: str
) -> None:
    broken = tmp_path / "broken.E01"
    broken.write_bytes(b"EVF\x09\x0d\x0a\xff\x00" + bytes(range(256)) * 64)  # a header, no image
    open_case(db, "ONE-BROKEN", [broken, evidence])
    summary = run_case(db, "ONE-BROKEN", matcher=None, actor="test", scheduler=cluster)
    assert summary.errors == 1 and summary.error_codes == {"bad_image": 1}
    with db.session() as s:
        case = get_case(s, "ONE-BROKEN")
        assert case.status == "done"
        items = {i.path: i for i in iter_items(s, case, None)}
    bad = items.pop(str(broken))
    assert bad.error_code == "bad_image" and "cannot open the image" in (bad.error or "")
    assert set(EXPECTED) <= set(items)  # the good image: triaged whole
    assert all(i.error is None for i in items.values())
    again = run_case(db, "ONE-BROKEN", matcher=None, actor="test", scheduler=cluster)
    assert again.items == 0  # tried again, and no second item for it
    with db.session() as s:
        case = get_case(s, "ONE-BROKEN")
        assert sum(1 for i in iter_items(s, case, None) if i.error is not None) == 1
        events = [a.action for a in examiner_actions(s, case)]
    assert events.count("triage_source_unreadable") == 2


def slow_hasher(
    ref: SourceRef,
    files: Sequence[FoundFile],
    options: HashOptions,
    limits: ArchiveLimits,
    known: KnownDigests | None = None,
) -> list[Record]:
    """Slow enough that a run can be caught half-way."""
    time.sleep(0.15 * len(files))
    return hash_files(ref, files, options, limits, known)


def test_a_run_killed_outright_resumes_without_loss_or_duplicates(
    tmp_path: Path, cluster: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.png").write_bytes(png(100 + i, (64, 48)))
    url = f"sqlite:///{tmp_path / 'case.db'}"
    db = open_database(url)
    open_case(db, "KILLED", [folder])
    code = (
        "from safeguard.store.db import open_database; "
        "from safeguard.triage.runner import run_case; "
        "from tests.triage.test_case import slow_hasher; "
        f"run_case(open_database({url!r}), 'KILLED', matcher=None, actor='test', "
        f"scheduler={cluster!r}, hasher=slow_hasher, batch_size=1)"
    )
    # Only a client: SIGKILL leaves the cluster (and no orphan process) behind.
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)

    def count() -> int:
        with db.session() as s:
            return int(s.scalar(select(func.count(TriageItem.id))) or 0)

    try:
        deadline = time.monotonic() + 120
        while count() < 5:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.kill()
    finally:
        proc.kill()
        proc.wait()
    partial = count()
    assert 5 <= partial < 30
    summary = run_case(db, "KILLED", matcher=None, actor="test", scheduler=cluster)
    assert summary.already_done == partial and summary.items == 30 - partial
    with db.session() as s:
        paths = list(s.scalars(select(TriageItem.path)))
    assert sorted(paths) == [f"{i:02d}.png" for i in range(30)]
    db.dispose()


def test_a_run_on_its_own_cluster_leaves_no_worker_behind(tmp_path: Path) -> None:
    """The local cluster closes on a thread while the sources are hashed again, yet is gone
    when the run returns."""
    import psutil

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.png").write_bytes(png(40 + i, (64, 48)))
    db = open_database(f"sqlite:///{tmp_path / 'case.db'}")
    open_case(db, "OWN", [folder])

    def spawned() -> set[int]:
        """Worker and nanny processes (spawned; another test's cluster may be running, and
        multiprocessing's resource tracker may stay)."""
        children = psutil.Process().children(recursive=True)
        return {p.pid for p in children if "spawn_main" in " ".join(p.cmdline())}

    before = spawned()
    summary = run_case(db, "OWN", matcher=None, actor="test", workers=1, batch_size=2)
    assert summary.items == 6 and summary.sources_unchanged
    assert spawned() == before
    db.dispose()

"""Carving pictures out of unallocated space: the formats' structures followed to their
end, and a deleted ext4 file (its extents cleared) found again by its content."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from safeguard.triage.carve import carve, free_ranges, gif_length, jpeg_length, png_length
from tests.triage.disks import SECTOR, ext4_image, fat_image, jpeg, md5, partitioned, picture, png

NOISE = hashlib.sha256(b"benign filler").digest() * 40  # 1,280 bytes with no signature


def gif(seed: int) -> bytes:
    frames = [picture(seed + i, (80, 60)).convert("P") for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return buf.getvalue()


def with_thumbnail(data: bytes) -> bytes:
    """The JPEG with an APP1 segment holding a whole small JPEG (as EXIF thumbnails are):
    its ``FF D9`` must not end the carved picture."""
    thumb = jpeg(99, (40, 30))
    segment = b"\xff\xe1" + (len(thumb) + 2).to_bytes(2, "big") + thumb
    return data[:2] + segment + data[2:]


def reader(blob: bytes):  # type: ignore[no-untyped-def]
    return lambda at, size: blob[at : at + size]


def test_each_format_is_measured_to_its_own_end() -> None:
    for data, length in (
        (with_thumbnail(jpeg(1)), jpeg_length),
        (png(2), png_length),
        (gif(3), gif_length),
    ):
        assert length(data + NOISE) == len(data)


def laid_out(pictures: list[bytes]) -> tuple[bytes, list[int]]:
    """The pictures one after another in free space, noise around each; and their offsets."""
    blob = b""
    offsets = []
    for p in pictures:
        blob += NOISE
        offsets.append(len(blob))
        blob += p
    return blob + NOISE, offsets


def test_pictures_in_free_space_are_carved_with_their_offsets() -> None:
    pictures = [with_thumbnail(jpeg(1)), png(2), gif(3)]
    blob, offsets = laid_out(pictures)
    found = list(carve(reader(blob), [(0, len(blob))]))
    assert [(c.offset, c.size, c.format) for c in found] == [
        (offsets[0], len(pictures[0]), "jpg"),
        (offsets[1], len(pictures[1]), "png"),
        (offsets[2], len(pictures[2]), "gif"),
    ]


def bmp(seed: int, size: tuple[int, int] = (90, 70)) -> bytes:
    buf = io.BytesIO()
    picture(seed, size).save(buf, "BMP")
    return buf.getvalue()


def webp(seed: int, size: tuple[int, int] = (160, 120)) -> bytes:
    buf = io.BytesIO()
    picture(seed, size).save(buf, "WEBP", quality=80)
    return buf.getvalue()


@pytest.fixture(scope="module")
def mp4(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from tests.media_factory import write_video

    path = tmp_path_factory.mktemp("mp4") / "clip.mp4"
    write_video(str(path), seconds=1.0, fps=5, size=(96, 64))
    return path.read_bytes()


def test_bmp_webp_and_mp4_are_measured_by_their_headers_and_boxes(mp4: bytes) -> None:
    pictures = [bmp(7), webp(8), mp4]
    blob, offsets = laid_out(pictures)
    found = list(carve(reader(blob), [(0, len(blob))]))
    assert [(c.offset, c.size, c.format, c.error_code) for c in found] == [
        (offsets[0], len(pictures[0]), "bmp", None),
        (offsets[1], len(pictures[1]), "webp", None),
        (offsets[2], len(pictures[2]), "mp4", None),
    ]


def test_allocated_space_is_not_carved_and_a_cut_picture_is_partial() -> None:
    whole, cut = jpeg(4), jpeg(5)
    half = len(cut) // 2
    blob = NOISE + whole + NOISE + cut[:half] + bytes(8192) + NOISE
    allocated = [(len(NOISE), len(whole))]
    found = list(carve(reader(blob), free_ranges(0, len(blob), allocated)))
    # The whole picture lies in allocated space; the cut one starts in free space and its
    # data stops at a block of zeros: carved as far as it holds, and marked partial.
    assert len(found) == 1
    item = found[0]
    assert item.offset == 2 * len(NOISE) + len(whole) and item.error_code == "carved_partial"
    assert half - 64 <= item.size <= half
    assert blob[item.offset : item.offset + item.size] == cut[: item.size]
    assert "zeros" in (item.error or "")


def test_a_picture_that_runs_into_allocated_space_is_partial() -> None:
    data = png(6)
    blob = NOISE + data + NOISE
    cut_at = len(NOISE) + len(data) // 3  # the rest of its blocks belong to another file
    found = list(carve(reader(blob), free_ranges(0, len(blob), [(cut_at, len(blob))])))
    assert [(c.offset, c.size, c.error_code) for c in found] == [
        (len(NOISE), cut_at - len(NOISE), "carved_partial")
    ]


def test_stray_signatures_carve_nothing() -> None:
    junk = b"BM" + bytes(20) + b"\xff\xd8\xff\xe0\x00\x01" + b"RIFF\x10\x00\x00\x00WAVEfmt "
    junk += b"\x00\x00\x00\x00ftypisom" + b"\x89PNG\r\n\x1a\n" + b"\x00" * 8 + b"GIF89a" + bytes(7)
    blob = NOISE + junk + NOISE
    assert list(carve(reader(blob), [(0, len(blob))])) == []


def test_a_size_bound_stops_a_picture_that_runs_on() -> None:
    data = jpeg(6, (640, 480))
    blob = NOISE + data + NOISE
    found = list(carve(reader(blob), [(0, len(blob))], max_size=len(data) - 1))
    assert [(c.offset, c.size, c.error_code) for c in found] == [
        (len(NOISE), len(data) - 1, "carved_partial")
    ]
    assert "bound" in (found[0].error or "")


def _frame_and_scan() -> bytes:
    """A JPEG's start up to its scan data: SOI, a frame header, a scan header."""
    sof = b"\xff\xc0\x00\x0b\x08\x00\x10\x00\x10\x01\x01\x11\x00"
    sos = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + sof + sos


def test_overlapping_headers_are_bounded_by_the_item_cap() -> None:
    # Each start holds up until the next start cuts it: a partial picture each.
    one = _frame_and_scan() + NOISE.replace(b"\xff", b"\x01")
    blob = one * 20
    found = list(carve(reader(blob), [(0, len(blob))], max_items=5))
    assert [c.error_code for c in found] == ["carved_partial"] * 5 + ["carve_limit"]
    assert [c.offset for c in found[:5]] == [i * len(one) for i in range(5)]
    assert found[-1].size == 0 and "5 items" in (found[-1].error or "")


def test_bogus_sizes_give_no_item_past_the_space_and_no_hang() -> None:
    side = 30_000  # 3.6 GB of pixels, as its header says: a size that passes the checks
    bogus_bmp = b"BM" + (54 + side * side * 4).to_bytes(4, "little") + bytes(4)
    bogus_bmp += (54).to_bytes(4, "little") + (40).to_bytes(4, "little")
    bogus_bmp += side.to_bytes(4, "little") * 2
    bogus_bmp += (1).to_bytes(2, "little") + (32).to_bytes(2, "little") + bytes(24)
    zero_box = (24).to_bytes(4, "big") + b"ftypisom" + bytes(12) + bytes(4) + b"mdat"
    huge_box = (24).to_bytes(4, "big") + b"ftypisom" + bytes(12) + (1).to_bytes(4, "big")
    huge_box += b"mdat" + (1 << 62).to_bytes(8, "big")
    riff = b"RIFF\xff\xff\xff\xffWEBPVP8 " + (1 << 31).to_bytes(4, "little")
    png_chunk = b"\x89PNG\r\n\x1a\n" + (0x7FFFFFFF).to_bytes(4, "big") + b"IHDR"
    blob = NOISE.join([b"", zero_box, huge_box, riff, png_chunk, bogus_bmp, b""])
    found = list(carve(reader(blob), [(0, len(blob))]))
    # Only the BMP's header holds together past 64 bytes: partial, to the space's end.
    assert [(c.format, c.offset + c.size, c.error_code) for c in found] == [
        ("bmp", len(blob), "carved_partial")
    ]


def test_a_work_bound_ends_a_search_that_rereads_too_much() -> None:
    # Headers whose segments chain on across the whole space, never reaching a frame
    # header: following each costs a read to the end (quadratic without the bound).
    segment = b"\xff\xd8\xff\xe1\x10\x00" + NOISE.replace(b"\xff", b"\x01")[: 0x1000 - 4]
    blob = segment * 256
    found = list(carve(reader(blob), [(0, len(blob))], work_factor=2, work_base=0))
    assert found and found[-1].error_code == "carve_limit"
    assert "work bound" in (found[-1].error or "")


# --- on a real file system ------------------------------------------------------------------


pytsk3 = pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

KEPT = jpeg(10, (480, 360))
GONE = jpeg(11, (480, 360))
GONE_PNG = png(12, (200, 150))
GONE_BMP = bmp(13)
GONE_WEBP = webp(14)


@pytest.fixture(scope="module")
def ext4_with_deleted(tmp_path_factory: pytest.TempPathFactory, mp4: bytes) -> Path:
    """ext4 holding a picture, and a JPEG, PNG, BMP, WebP and MP4 then deleted with
    ``debugfs`` (no mount, no root): ext4 frees their blocks and clears their extents, so
    the content stays in unallocated blocks that only carving can find."""
    if shutil.which("debugfs") is None:
        pytest.skip("debugfs is missing: apt-get install e2fsprogs")
    folder = tmp_path_factory.mktemp("carve")
    gone = {
        "DCIM/gone.jpg": GONE,
        "gone.png": GONE_PNG,
        "old/gone.bmp": GONE_BMP,
        "old/gone.webp": GONE_WEBP,
        "old/clip.mp4": mp4,
    }
    image = ext4_image(folder / "ext4.img", {"DCIM/kept.jpg": KEPT, **gone})
    for name in gone:
        # As the kernel does on delete: blocks freed (``rm``) and the inode's extents
        # cleared (``clri``; ``rm`` alone keeps them, and The Sleuth Kit reads the file
        # back by name, so it would not be carved twice).
        stat = subprocess.run(
            ["debugfs", "-R", f"stat /{name}", str(image)], check=True, capture_output=True
        )
        inode = re.search(rb"Inode: (\d+)", stat.stdout)
        assert inode is not None
        for command in (f"rm /{name}", f"clri <{int(inode.group(1))}>"):
            subprocess.run(
                ["debugfs", "-w", "-R", command, str(image)], check=True, capture_output=True
            )
    return image


def test_deleted_pictures_are_carved_from_an_ext4_image(
    ext4_with_deleted: Path, mp4: bytes
) -> None:
    from safeguard.scan.archives import ArchiveLimits
    from safeguard.signals.media import HashOptions
    from safeguard.triage import sources
    from safeguard.triage.sources import SourceRef
    from safeguard.triage.worker import hash_files

    ref = SourceRef(str(ext4_with_deleted), "raw")
    found = [f for f in sources.walk(ref, carve_unallocated=True) if f.carved_at is not None]
    records = hash_files(ref, found, HashOptions(), ArchiveLimits())
    by_md5 = {r["md5"]: r for r in records}
    gone = (GONE, GONE_PNG, GONE_BMP, GONE_WEBP, mp4)
    assert set(by_md5) == {md5(d) for d in gone}  # the allocated picture is not carved
    raw = ext4_with_deleted.read_bytes()
    for data, ext in zip(gone, ("jpg", "png", "bmp", "webp", "mp4"), strict=True):
        r = by_md5[md5(data)]
        assert r["sha256"] == hashlib.sha256(data).hexdigest() and r["error"] is None
        assert r["allocated"] is False and r["pdq" if ext != "mp4" else "vpdq"]
        assert r["kind"] == ("video" if ext == "mp4" else "image")
        offset = int(r["path"].rsplit("/", 1)[1].split(".")[0])
        assert raw[offset : offset + len(data)] == data
        assert r["path"] == f"/$CarvedFiles/{offset}.{ext}"


def test_a_case_lists_carved_items_with_offset_and_vics_marks_them_unallocated(
    ext4_with_deleted: Path, tmp_path: Path, cluster: str
) -> None:
    import json

    from safeguard.store.db import open_database
    from safeguard.triage import export
    from safeguard.triage.case import create_case, get_case, item_row, iter_items
    from safeguard.triage.runner import run_case

    db = open_database(f"sqlite:///{tmp_path / 'case.db'}")
    with db.session() as s:
        create_case(s, "CARVE", [ext4_with_deleted], examiner="e", scheme="uk", actor="t")
    run_case(db, "CARVE", matcher=None, actor="t", scheduler=cluster, carve=True)
    with db.session() as s:
        case = get_case(s, "CARVE")
        rows = [item_row(case, i, "") for i in iter_items(s, case, None)]
    carved = {r["md5"]: r for r in rows if r["carved"]}
    assert {md5(GONE), md5(GONE_PNG), md5(GONE_BMP)} <= set(carved)
    raw = ext4_with_deleted.read_bytes()
    for data in (GONE, GONE_PNG):
        row = carved[md5(data)]
        assert row["deleted"] is True and row["inode"] is None
        assert raw[row["offset"] : row["offset"] + len(data)] == data
    assert not any(r["carved"] for r in rows if r["md5"] == md5(KEPT))
    out = tmp_path / "case.json"
    with db.session() as s, out.open("wb") as f:
        export.write_vics(s, get_case(s, "CARVE"), f)
    media = json.loads(out.read_text())["value"][0]["Media"]
    flags = {m["MD5"].lower(): [f["Unallocated"] for f in m["MediaFiles"]] for m in media}
    # The deleted name may also be listed by The Sleuth Kit (not Unallocated): the same
    # media, found twice.
    assert True in flags[md5(GONE)] and flags[md5(KEPT)] == [False]


# --- outside every partition, and a fragmented file ------------------------------------------


IN_FRONT = jpeg(30, (400, 300))  # before the first partition (after the table)
BEHIND = png(31, (160, 120))  # after the last partition
CUT = jpeg(32, (640, 480))  # after the last partition, its end overwritten with zeros


@pytest.fixture(scope="module")
def disk_with_unpartitioned(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, int]]:
    """An MBR disk (``sfdisk``) with one FAT partition (``mkfs.vfat``, ``mcopy``), and
    pictures written into the raw space outside it, where no file system names them."""
    folder = tmp_path_factory.mktemp("unpartitioned")
    fat = fat_image(folder / "fat.img", {"kept.jpg": KEPT})
    disk = partitioned(folder / "disk.img", "dos", [(fat, "fat")])
    part_end = (2048 + fat.stat().st_size // SECTOR) * SECTOR
    at = {"in_front": 64 * 1024, "behind": part_end + 8192, "cut": part_end + 512 * 1024}
    with disk.open("r+b") as f:
        for name, data in (("in_front", IN_FRONT), ("behind", BEHIND)):
            f.seek(at[name])
            f.write(data)
        f.seek(at["cut"])
        f.write(CUT[: len(CUT) // 2])
    return disk, at


def test_pictures_outside_every_partition_are_carved(
    disk_with_unpartitioned: tuple[Path, dict[str, int]],
) -> None:
    from safeguard.scan.archives import ArchiveLimits
    from safeguard.signals.media import HashOptions
    from safeguard.triage import sources
    from safeguard.triage.sources import SourceRef
    from safeguard.triage.worker import hash_files

    disk, at = disk_with_unpartitioned
    ref = SourceRef(str(disk), "raw")
    found = [f for f in sources.walk(ref, carve_unallocated=True) if f.carved_at is not None]
    records = {r["path"]: r for r in hash_files(ref, found, HashOptions(), ArchiveLimits())}
    assert set(records) == {
        f"/$Unpartitioned/$CarvedFiles/{at['in_front']}.jpg",
        f"/$Unpartitioned/$CarvedFiles/{at['behind']}.png",
        f"/$Unpartitioned/$CarvedFiles/{at['cut']}.jpg",
    }
    for name, data in (("in_front", IN_FRONT), ("behind", BEHIND)):
        r = records[
            f"/$Unpartitioned/$CarvedFiles/{at[name]}.{'png' if name == 'behind' else 'jpg'}"
        ]
        assert r["sha256"] == hashlib.sha256(data).hexdigest() and r["error"] is None
        assert r["partition"] is None and r["allocated"] is False and r["pdq"]
    cut = records[f"/$Unpartitioned/$CarvedFiles/{at['cut']}.jpg"]
    assert cut["error_code"] == "carved_partial" and "zeros" in cut["error"]
    assert len(CUT) // 2 - 64 <= cut["size"] <= len(CUT) // 2
    assert cut["sha256"] == hashlib.sha256(CUT[: cut["size"]]).hexdigest()
    # Without carving, only the partition's file is found.
    assert [f.path for f in sources.walk(ref)] == ["/p1/kept.jpg"]


def test_a_case_lists_unpartitioned_items_as_carved_and_unallocated(
    disk_with_unpartitioned: tuple[Path, dict[str, int]], tmp_path: Path, cluster: str
) -> None:
    import json

    from safeguard.store.db import open_database
    from safeguard.triage import export
    from safeguard.triage.case import create_case, get_case, item_row, iter_items
    from safeguard.triage.runner import run_case

    disk, at = disk_with_unpartitioned
    db = open_database(f"sqlite:///{tmp_path / 'case.db'}")
    with db.session() as s:
        create_case(s, "GAP", [disk], examiner="e", scheme="uk", actor="t")
    summary = run_case(db, "GAP", matcher=None, actor="t", scheduler=cluster, carve=True)
    assert summary.error_codes == {"carved_partial": 1}
    with db.session() as s:
        case = get_case(s, "GAP")
        rows = {r["path"]: r for r in (item_row(case, i, "") for i in iter_items(s, case, None))}
    front = rows[f"/$Unpartitioned/$CarvedFiles/{at['in_front']}.jpg"]
    assert front["carved"] is True and front["offset"] == at["in_front"]
    assert front["deleted"] is True and front["partition"] is None and front["inode"] is None
    assert front["md5"] == md5(IN_FRONT)
    assert rows["/p1/kept.jpg"]["carved"] is False
    out = tmp_path / "case.json"
    with db.session() as s, out.open("wb") as f:
        export.write_vics(s, get_case(s, "GAP"), f)
    media = json.loads(out.read_text())["value"][0]["Media"]
    flags = {m["MD5"].lower(): [f["Unallocated"] for f in m["MediaFiles"]] for m in media}
    assert flags[md5(IN_FRONT)] == [True] and flags[md5(BEHIND)] == [True]
    where = {m["MD5"].lower(): m["MediaFiles"][0].get("PhysicalLocation") for m in media}
    assert where[md5(IN_FRONT)] == at["in_front"] and where[md5(KEPT)] is None
    assert flags[md5(KEPT)] == [False]


def test_a_fragmented_deleted_picture_is_carved_as_far_as_its_first_fragment(
    tmp_path: Path,
) -> None:
    """On FAT (``mtools``, no mount) a picture written into the hole a deleted file left
    goes on after the next file's clusters: fragmented. Deleted in turn, its start is in
    free space and its structure runs into the allocated file: a partial item."""
    from safeguard.scan.archives import ArchiveLimits
    from safeguard.signals.media import HashOptions
    from safeguard.triage import sources
    from safeguard.triage.sources import SourceRef
    from safeguard.triage.worker import hash_files

    image = fat_image(tmp_path / "fat.img", {"a.txt": b"a" * 8192, "b.txt": b"b" * 8192})
    picture_file = tmp_path / "c.jpg"
    picture_file.write_bytes(data := jpeg(33, (640, 480)))
    for command in (
        ["mdel", "-i", str(image), "::/a.txt"],
        ["mcopy", "-i", str(image), str(picture_file), "::/c.jpg"],
        ["mdel", "-i", str(image), "::/c.jpg"],
    ):
        subprocess.run(command, check=True, capture_output=True)
    raw = image.read_bytes()
    start = raw.find(data[:512])
    assert start > 0 and raw[start : start + len(data)] != data  # fragmented indeed
    ref = SourceRef(str(image), "raw")
    found = [f for f in sources.walk(ref, carve_unallocated=True) if f.carved_at is not None]
    (record,) = hash_files(ref, found, HashOptions(), ArchiveLimits())
    assert record["path"] == f"/$CarvedFiles/{start}.jpg"
    assert record["error_code"] == "carved_partial" and "free space" in record["error"]
    assert 0 < record["size"] < len(data)
    assert record["sha256"] == hashlib.sha256(data[: record["size"]]).hexdigest()


def test_a_deleted_file_its_file_system_still_names_is_not_carved_twice() -> None:
    whole, cut = jpeg(40), jpeg(41)
    blob = NOISE + whole + NOISE + cut[: len(cut) // 2] + NOISE
    at_whole, at_cut = len(NOISE), 2 * len(NOISE) + len(whole)
    named = {at_whole: len(whole), at_cut: len(cut)}
    found = list(carve(reader(blob), [(0, len(blob))], named=named))
    # The whole one is the named file; the cut one is not what its name says: kept.
    assert [(c.offset, c.error_code) for c in found] == [(at_cut, "carved_partial")]
    assert [c.offset for c in carve(reader(blob), [(0, len(blob))])] == [at_whole, at_cut]


def test_the_cli_carves_by_default_and_not_with_no_carve(
    disk_with_unpartitioned: tuple[Path, dict[str, int]], tmp_path: Path, cluster: str
) -> None:
    from typer.testing import CliRunner

    from safeguard.cli import app
    from tests.triage.test_cli import lines

    disk, at = disk_with_unpartitioned
    runner = CliRunner()
    env = {"SAFEGUARD_DATA_DIR": str(tmp_path / "data"), "SAFEGUARD_DB_URL": ""}

    def cli(*args: str) -> Any:
        return runner.invoke(app, list(args), env=env)

    for case in ("ON", "OFF"):
        assert cli("triage", "new", case, "--source", str(disk)).exit_code == 0
    on = cli("triage", "run", "ON", "--scheduler", cluster, "--json")
    # The partial item is a finding, not a failure: exit 0.
    assert on.exit_code == 0, on.output
    (summary,) = lines(on.stdout)
    assert summary["carved"] == 3 and summary["error_codes"] == {"carved_partial": 1}
    report = lines(cli("triage", "report", "ON", "--json").stdout)[0]
    assert report["counts"]["carved"] == 3 and report["counts"]["deleted"] == 3
    off = cli("triage", "run", "OFF", "--scheduler", cluster, "--no-carve", "--json")
    assert off.exit_code == 0, off.output
    assert lines(off.stdout)[0]["carved"] == 0 and lines(off.stdout)[0]["items"] == 1
    listed = lines(cli("triage", "list", "ON", "--json").stdout)
    assert {r["offset"] for r in listed if r["carved"]} == set(at.values())

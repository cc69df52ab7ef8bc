"""Carving pictures out of unallocated space: the formats' structures followed to their
end, and a deleted ext4 file (its extents cleared) found again by its content."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from safeguard.triage.carve import carve, gif_length, jpeg_length, png_length
from tests.triage.disks import ext4_image, jpeg, md5, picture, png

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


def test_pictures_in_free_space_are_carved_with_their_offsets() -> None:
    pictures = [with_thumbnail(jpeg(1)), png(2), gif(3)]
    blob = b""
    offsets = []
    for p in pictures:
        blob += NOISE
        offsets.append(len(blob))
        blob += p
    blob += NOISE
    found = list(carve(reader(blob), 0, len(blob), []))
    assert [(c.offset, c.size, c.format) for c in found] == [
        (offsets[0], len(pictures[0]), "jpg"),
        (offsets[1], len(pictures[1]), "png"),
        (offsets[2], len(pictures[2]), "gif"),
    ]


def test_allocated_space_and_broken_pictures_are_not_carved() -> None:
    whole, cut = jpeg(4), jpeg(5)
    blob = NOISE + whole + NOISE + cut[: len(cut) // 2] + NOISE
    allocated = [(len(NOISE), len(whole))]
    assert list(carve(reader(blob), 0, len(blob), allocated)) == []
    assert [c.offset for c in carve(reader(blob), 0, len(blob), [])] == [len(NOISE)]


def test_a_size_bound_stops_a_picture_that_runs_on() -> None:
    data = jpeg(6, (640, 480))
    blob = NOISE + data + NOISE
    assert list(carve(reader(blob), 0, len(blob), [], max_size=len(data) - 1)) == []


# --- on a real file system ------------------------------------------------------------------


pytsk3 = pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

KEPT = jpeg(10, (480, 360))
GONE = jpeg(11, (480, 360))
GONE_PNG = png(12, (200, 150))


@pytest.fixture(scope="module")
def ext4_with_deleted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ext4 holding two pictures and a PNG, two of them then deleted with ``debugfs``
    (no mount, no root): ext4 frees their blocks and clears their extents, so the
    content stays in unallocated blocks that only carving can find."""
    if shutil.which("debugfs") is None:
        pytest.skip("debugfs is missing: apt-get install e2fsprogs")
    folder = tmp_path_factory.mktemp("carve")
    image = ext4_image(
        folder / "ext4.img",
        {"DCIM/kept.jpg": KEPT, "DCIM/gone.jpg": GONE, "gone.png": GONE_PNG},
    )
    for name in ("/DCIM/gone.jpg", "/gone.png"):
        subprocess.run(
            ["debugfs", "-w", "-R", f"rm {name}", str(image)], check=True, capture_output=True
        )
    return image


def test_deleted_pictures_are_carved_from_an_ext4_image(ext4_with_deleted: Path) -> None:
    from safeguard.scan.archives import ArchiveLimits
    from safeguard.signals.media import HashOptions
    from safeguard.triage import sources
    from safeguard.triage.sources import SourceRef
    from safeguard.triage.worker import hash_files

    ref = SourceRef(str(ext4_with_deleted), "raw")
    found = [f for f in sources.walk(ref, carve_unallocated=True) if f.carved_at is not None]
    records = hash_files(ref, found, HashOptions(), ArchiveLimits())
    by_md5 = {r["md5"]: r for r in records}
    assert set(by_md5) == {md5(GONE), md5(GONE_PNG)}  # the allocated picture is not carved
    raw = ext4_with_deleted.read_bytes()
    for data in (GONE, GONE_PNG):
        r = by_md5[md5(data)]
        assert r["allocated"] is False and r["kind"] == "image" and r["pdq"]
        offset = int(r["path"].rsplit("/", 1)[1].split(".")[0])
        assert raw[offset : offset + len(data)] == data
        assert r["path"].startswith("/$CarvedFiles/")


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
    assert set(carved) == {md5(GONE), md5(GONE_PNG)}
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

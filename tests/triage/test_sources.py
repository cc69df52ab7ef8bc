"""Sources: every file in folders, archives and disk images (partitions, file systems,
deleted files), typed by content, hashed whole before and after."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

from safeguard.errors import NotFound
from safeguard.scan.archives import ArchiveLimits
from safeguard.signals.media import HashOptions
from safeguard.triage import sources
from safeguard.triage.sources import SourceRef
from safeguard.triage.worker import hash_files
from tests.triage.disks import (
    e01_of,
    exfat_image,
    ext4_image,
    fat_image,
    jpeg,
    md5,
    ntfs_image,
    partitioned,
    png,
    zip_of,
)

PHOTO = jpeg(1)
DELETED = jpeg(2)
INNER = png(3)
ARCHIVE = zip_of({"inner/shapes.png": INNER, "readme.txt": b"plain words"})
MISNAMED = jpeg(4)  # a picture whose name says text


@pytest.fixture(scope="module")
def fat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fat")
    return fat_image(
        folder / "fat.img",
        {"DCIM/photo.jpg": PHOTO, "pics.zip": ARCHIVE, "notes.txt": MISNAMED},
        deleted={"gone.jpg": DELETED},
    )


def records(ref: SourceRef) -> dict[str, dict]:
    found = list(sources.walk(ref))
    out = hash_files(ref, found, HashOptions(), ArchiveLimits())
    return {r["path"]: r for r in out}


def test_a_fat_image_is_a_raw_disk_image_by_its_content(fat: Path) -> None:
    assert sources.detect_kind(fat) == "raw"


def test_every_file_of_a_fat_image_is_found_and_hashed(fat: Path) -> None:
    got = records(SourceRef(str(fat), "raw"))
    assert got["/DCIM/photo.jpg"]["md5"] == md5(PHOTO)
    assert got["/pics.zip"]["md5"] == md5(ARCHIVE)
    assert got["/notes.txt"]["md5"] == md5(MISNAMED)
    assert got["/DCIM/photo.jpg"]["pdq"] is not None
    assert all(r["error"] is None for r in got.values())


def test_a_deleted_file_is_recovered_with_its_content_and_marked_deleted(fat: Path) -> None:
    got = records(SourceRef(str(fat), "raw"))
    deleted = [r for r in got.values() if not r["allocated"]]
    assert len(deleted) == 1
    (rec,) = deleted
    assert rec["md5"] == md5(DELETED) and rec["size"] == len(DELETED)
    assert rec["path"].endswith("one.jpg")  # FAT overwrites a deleted name's first letter
    assert rec["inode"] is not None and rec["modified"] is not None


def test_members_of_a_zip_inside_the_file_system_are_hashed(fat: Path) -> None:
    got = records(SourceRef(str(fat), "raw"))
    member = got["/pics.zip!/inner/shapes.png"]
    assert member["md5"] == md5(INNER) and member["pdq"] is not None
    assert member["container"] == "/pics.zip"
    assert got["/pics.zip!/readme.txt"]["mime"] == "text/plain"
    assert got["/pics.zip"]["archive"] == "zip" and got["/pics.zip"]["members"] == 2


def test_type_comes_from_content_not_the_name(fat: Path) -> None:
    got = records(SourceRef(str(fat), "raw"))
    assert got["/notes.txt"]["kind"] == "image"
    assert got["/notes.txt"]["mime"] == "image/jpeg"
    assert got["/notes.txt"]["pdq"] is not None


def test_every_partition_of_an_mbr_disk_is_read(tmp_path: Path) -> None:
    a = fat_image(tmp_path / "a.img", {"one.jpg": PHOTO}, mb=8)
    b = ext4_image(tmp_path / "b.img", {"home/two.png": INNER, "home/three.txt": b"words"}, mb=8)
    disk = partitioned(tmp_path / "mbr.img", "dos", [(a, "fat"), (b, "linux")])
    ref = SourceRef(str(disk), "raw")
    layout = sources.describe(ref)
    assert layout is not None
    assert sorted(v["fs_type"][:3] for v in layout) == ["ext", "fat"]
    got = records(ref)
    assert got["/p1/one.jpg"]["md5"] == md5(PHOTO)
    assert got["/p2/home/two.png"]["md5"] == md5(INNER)
    assert got["/p2/home/three.txt"]["md5"] == md5(b"words")


def test_a_gpt_disk_is_read(tmp_path: Path) -> None:
    a = fat_image(tmp_path / "a.img", {"one.jpg": PHOTO}, mb=8)
    disk = partitioned(tmp_path / "gpt.img", "gpt", [(a, "fat")])
    got = records(SourceRef(str(disk), "raw"))
    assert [r["md5"] for p, r in got.items() if p.endswith("/one.jpg")] == [md5(PHOTO)]


def test_ext4_files_carry_inode_and_mac_times(tmp_path: Path) -> None:
    image = ext4_image(tmp_path / "e.img", {"a/b/c.png": INNER})
    assert sources.detect_kind(image) == "raw"
    (rec,) = [r for r in records(SourceRef(str(image), "raw")).values() if r["md5"]]
    assert rec["path"] == "/a/b/c.png" and rec["md5"] == md5(INNER)
    assert rec["inode"] > 0
    assert rec["modified"] and rec["accessed"] and rec["changed"]


def test_an_e01_is_read_like_its_raw_image_and_its_acquisition_hash_verified(
    fat: Path, tmp_path: Path
) -> None:
    e01 = e01_of(fat, tmp_path / "evidence")
    assert sources.detect_kind(e01) == "e01"
    ref = SourceRef(str(e01), "e01")
    raw = {p: r["md5"] for p, r in records(SourceRef(str(fat), "raw")).items()}
    assert {p: r["md5"] for p, r in records(ref).items()} == raw
    digests = sources.source_hashes(ref)
    assert digests["md5"] == md5(fat.read_bytes())
    check = sources.verify_acquisition(ref, digests)
    assert check is not None and check["verified"] is True
    assert check["stored"]["md5"] == digests["md5"]
    assert check["stored"]["sha1"] == digests["sha1"]


def test_an_acquisition_hash_that_does_not_match_is_reported(fat: Path, tmp_path: Path) -> None:
    e01 = e01_of(fat, tmp_path / "evidence")
    check = sources.verify_acquisition(
        SourceRef(str(e01), "e01"), {"md5": "0" * 32, "sha1": "0" * 40}
    )
    assert check is not None and check["verified"] is False


def test_a_folder_hash_changes_when_one_file_changes(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.jpg").write_bytes(PHOTO)
    ref = SourceRef(str(tmp_path / "d"), "folder")
    before = sources.source_hashes(ref)
    assert sources.source_hashes(ref)["tree_sha256"] == before["tree_sha256"]
    (tmp_path / "d" / "x.jpg").write_bytes(PHOTO + b"\x00")
    assert sources.source_hashes(ref)["tree_sha256"] != before["tree_sha256"]


def test_a_missing_source_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        sources.detect_kind(tmp_path / "nope.img")


def test_a_plain_archive_is_a_file_source_opened_by_the_worker(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    path.write_bytes(ARCHIVE)
    assert sources.detect_kind(path) == "file"
    got = records(SourceRef(str(path), "file"))
    assert got["bundle.zip!/inner/shapes.png"]["md5"] == md5(INNER)


def test_a_folder_items_key_survives_a_copy_but_a_disk_items_key_needs_its_inode() -> None:
    assert sources.item_key(None, 11, "a/b.jpg") == sources.item_key(None, 99, "a/b.jpg")
    assert sources.item_key(0, 11, "/b.jpg") != sources.item_key(0, 12, "/b.jpg")


def test_an_ntfs_image_gives_its_files_and_not_its_own_structures(tmp_path: Path) -> None:
    image = ntfs_image(tmp_path / "n.img", {"photo.jpg": PHOTO, "bundle.zip": ARCHIVE})
    layout = sources.describe(SourceRef(str(image), "raw"))
    assert layout is not None and layout[0]["fs_type"].startswith("ntfs")
    got = records(SourceRef(str(image), "raw"))
    assert got["/photo.jpg"]["md5"] == md5(PHOTO)
    assert got["/bundle.zip!/inner/shapes.png"]["md5"] == md5(INNER)
    assert not [p for p in got if "/$" in p]


def test_an_exfat_image_gives_its_files_and_not_its_own_structures(tmp_path: Path) -> None:
    image = exfat_image(tmp_path / "exfat.img", {"photo.jpg": PHOTO, "notes.txt": b"benign"})
    ref = SourceRef(str(image), sources.detect_kind(image))
    assert ref.kind == "raw"
    assert [v["fs_type"] for v in sources.describe(ref) or []] == ["exfat"]
    got = records(ref)
    assert set(got) == {"/photo.jpg", "/notes.txt"}
    assert got["/photo.jpg"]["md5"] == md5(PHOTO) and got["/photo.jpg"]["pdq"]
    assert got["/photo.jpg"]["modified"] == "2024-05-01T12:00:00+00:00"


def test_a_split_raw_image_is_read_as_one_source(fat: Path, tmp_path: Path) -> None:
    whole = fat.read_bytes()
    third = len(whole) // 3 + 1
    for n in range(3):
        (tmp_path / f"disk.{n + 1:03d}").write_bytes(whole[n * third : (n + 1) * third])
    first = tmp_path / "disk.001"
    ref = SourceRef(str(first), sources.detect_kind(first))
    assert ref.kind == "raw"
    assert records(ref)["/DCIM/photo.jpg"]["md5"] == md5(PHOTO)
    digests = sources.source_hashes(ref)
    assert digests["md5"] == md5(whole) and digests["size"] == len(whole)
    assert digests["segments"] == 3
    second = bytearray(whole[third : 2 * third])
    second[100] ^= 0xFF
    (tmp_path / "disk.002").write_bytes(bytes(second))
    assert sources.source_hashes(ref)["md5"] != md5(whole)


def test_large_files_digests_are_exact_and_a_copy_of_a_picture_is_decoded_once(
    tmp_path: Path,
) -> None:
    import hashlib
    import os

    from safeguard.triage.worker import PictureCache, hash_found

    big = os.urandom(3 * 1024 * 1024 + 17)  # several chunks, each over the threaded size
    photo = jpeg(7, (1024, 768))
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.bin").write_bytes(big)
    (tmp_path / "a" / "one.jpg").write_bytes(photo)
    (tmp_path / "a" / "copy.jpg").write_bytes(photo)
    ref = SourceRef(str(tmp_path / "a"), "folder")
    cache = PictureCache()
    got = {}
    for found in sources.walk(ref):
        for r in hash_found(ref, found, HashOptions(), ArchiveLimits(), pictures=cache):
            got[r["path"]] = r
    for name, data in (("doc.bin", big), ("one.jpg", photo), ("copy.jpg", photo)):
        assert got[name]["md5"] == hashlib.md5(data).hexdigest()
        assert got[name]["sha1"] == hashlib.sha1(data).hexdigest()
        assert got[name]["sha256"] == hashlib.sha256(data).hexdigest()
    threaded = {
        r["path"]: r
        for r in hash_files(ref, list(sources.walk(ref)), HashOptions(), ArchiveLimits())
    }
    for name in ("doc.bin", "one.jpg"):
        for digest in ("md5", "sha1", "sha256"):
            assert threaded[name][digest] == got[name][digest]
    assert cache.hits == 1
    assert got["copy.jpg"]["pdq"] == got["one.jpg"]["pdq"] is not None
    assert got["copy.jpg"]["width"] == 1024

"""hash_file: one record per file, with digests, kind, perceptual hash or a precise error."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safeguard.signals.media import FileHashes, HashOptions, hash_bytes, hash_file, sniff_kind
from tests.media_factory import encode, jpeg, picture, png_declaring, random_bytes, write_video


def test_image_record_has_digests_pdq_quality_and_size(tmp_path: Path) -> None:
    data = jpeg(640, 480)
    path = tmp_path / "a.jpg"
    path.write_bytes(data)
    r = hash_file(path)
    assert r.error is None
    assert (r.kind, r.size, r.width, r.height) == ("image", len(data), 640, 480)
    assert r.md5 == hashlib.md5(data).hexdigest()
    assert r.sha1 == hashlib.sha1(data).hexdigest()
    assert r.sha256 == hashlib.sha256(data).hexdigest()
    assert r.pdq is not None and len(r.pdq) == 64
    assert r.pdq_quality == 100


def test_kind_comes_from_the_bytes_before_the_name(tmp_path: Path) -> None:
    path = tmp_path / "holiday.txt"
    path.write_bytes(encode(picture(300, 200), "PNG"))
    r = hash_file(path)
    assert (r.kind, r.error) == ("image", None)
    assert r.pdq is not None


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"\xff\xd8\xff\xe0", "x", "image"),
        (b"\x89PNG\r\n\x1a\n", "x.bin", "image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "x", "image"),
        (b"\x00\x00\x00\x18ftypheic", "x", "image"),
        (b"\x00\x00\x00\x18ftypisom", "x", "video"),
        (b"\x1a\x45\xdf\xa3", "x", "video"),
        (b"hello", "notes.txt", "other"),
        (b"hello", "clip.MP4", "video"),
        (b"hello", "photo.JPG", "image"),
    ],
)
def test_sniff_kind(head: bytes, name: str, kind: str) -> None:
    assert sniff_kind(head, name) == kind


def test_other_files_get_digests_only(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("benign text")
    r = hash_file(path)
    assert (r.kind, r.error, r.pdq) == ("other", None, None)
    assert r.sha256 == hashlib.sha256(b"benign text").hexdigest()
    assert "pdq" not in r.to_json()


def test_random_bytes_named_jpg_keep_their_digests_and_say_why_they_failed(tmp_path: Path) -> None:
    data = random_bytes(4096)
    path = tmp_path / "photo.jpg"
    path.write_bytes(data)
    r = hash_file(path)
    assert r.kind == "image"
    assert r.error_code == "corrupt_media"
    assert r.error is not None and "not a decodable image" in r.error
    assert r.md5 == hashlib.md5(data).hexdigest()  # a known-MD5 list can still match it


@pytest.mark.parametrize("name", ["empty.jpg", "empty.mp4", "empty.txt"])
def test_an_empty_file_is_an_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    r = hash_file(path)
    assert (r.error_code, r.size) == ("empty_file", 0)


def test_a_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_declaring(30000, 30000))
    r = hash_file(path)
    assert r.error_code == "image_too_large"
    assert r.sha256 is not None


def test_an_unreadable_file_is_an_error() -> None:
    # Reading /proc/self/mem from offset 0 fails with EIO, even for root.
    r = hash_file("/proc/self/mem")
    assert r.error_code == "unreadable"


def test_a_file_that_vanished_is_an_error(tmp_path: Path) -> None:
    r = hash_file(tmp_path / "gone.jpg")
    assert r.error_code == "unreadable"


def test_fast_mode_stays_within_the_threshold(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(jpeg(3000, 2000, "coffee"))
    exact = hash_file(path)
    fast = hash_file(path, HashOptions(fast=True))
    assert exact.pdq and fast.pdq
    assert bin(int(exact.pdq, 16) ^ int(fast.pdq, 16)).count("1") <= 31


def test_video_record_lists_one_pdq_per_sampled_frame(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    write_video(str(path), seconds=3.0, fps=10)
    r = hash_file(path)
    assert (r.kind, r.error) == ("video", None)
    assert r.vpdq is not None
    frames = [f.to_json() for f in r.vpdq]
    assert [f["frame"] for f in frames] == [0, 10, 20]
    assert [f["ts"] for f in frames] == pytest.approx([0.0, 1.0, 2.0])
    assert all(len(f["pdq"]) == 64 and 0 <= f["quality"] <= 100 for f in frames)


def test_corrupt_video_keeps_digests_and_reports_the_failure(tmp_path: Path) -> None:
    good = tmp_path / "good.mp4"
    write_video(str(good), seconds=2.0)
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(random_bytes(20000))
    r = hash_file(bad)
    assert r.kind == "video"
    assert r.error_code == "corrupt_media"
    assert r.md5 is not None


def test_records_serialise_to_the_contract_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(encode(picture(200, 200), "PNG"))
    out = hash_file(path).to_json()
    for key in ("path", "kind", "size", "md5", "sha1", "sha256", "pdq", "pdq_quality", "error"):
        assert key in out
    failed = FileHashes(path="x").fail("unreadable", "cannot read").to_json()
    assert (failed["error"], failed["error_code"]) == ("cannot read", "unreadable")


@pytest.mark.parametrize("name", ["a.jpg", "clip.mp4", "notes.txt", "random.jpg"])
def test_hash_bytes_gives_the_same_record_as_hash_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "a.jpg":
        path.write_bytes(jpeg(640, 480))
    elif name == "clip.mp4":
        write_video(str(path), seconds=2.0)
    elif name == "random.jpg":
        path.write_bytes(random_bytes(3000))
    else:
        path.write_text("benign")
    from_file = hash_file(path).to_json()
    from_bytes = hash_bytes(str(path), path.read_bytes()).to_json()
    assert from_bytes == from_file

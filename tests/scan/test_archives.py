"""Archives are walked in memory, safely: display paths, refused names, bombs, lying headers,
nesting, damage. Every archive here is built in code from benign bytes."""

from __future__ import annotations

import gzip
import io
import re
import struct
import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguard.scan.archives import (
    ArchiveEnd,
    ArchiveItem,
    ArchiveLimits,
    Member,
    MemberError,
    MemberSkipped,
    NotAnArchive,
    archive_format,
    unsafe_name_reason,
    walk_archive,
    walk_archive_bytes,
)
from safeguard.signals.media import hash_bytes
from tests.media_factory import encode, jpeg, picture, random_bytes

MB = 1 << 20
#: Limits that never get in the way, so one test exercises one limit.
ROOMY = ArchiveLimits(
    max_member_bytes=1 << 40, max_total_bytes=1 << 42, max_ratio=1e12, max_members=10**9
)


def make_zip(
    entries: Iterable[tuple[str, bytes]],
    method: int = zipfile.ZIP_DEFLATED,
    *,
    stream: bool = False,
) -> bytes:
    """A zip; with ``stream`` it is written to an unseekable stream, as a zip made on the
    fly is (sizes then follow each member in a data descriptor)."""

    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.buf = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b: bytes) -> int:  # type: ignore[override]
            self.buf += b
            return len(b)

    target: io.BytesIO | Unseekable = Unseekable() if stream else io.BytesIO()
    with zipfile.ZipFile(target, "w", method) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return bytes(target.buf) if isinstance(target, Unseekable) else target.getvalue()


def make_tar(entries: Iterable[tuple[str, bytes] | tarfile.TarInfo], mode: str = "w") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:  # type: ignore[call-overload]
        for entry in entries:
            if isinstance(entry, tarfile.TarInfo):
                tf.addfile(entry)
            else:
                info = tarfile.TarInfo(entry[0])
                info.size = len(entry[1])
                tf.addfile(info, io.BytesIO(entry[1]))
    return buf.getvalue()


def patch_zip(data: bytes, *, size: int | None = None, flag: int = 0) -> bytes:
    """Rewrite every local header and central-directory entry: declared uncompressed size,
    extra flag bits. The data itself is untouched."""
    out = bytearray(data)
    for signature, flag_at, size_at in ((b"PK\x03\x04", 6, 22), (b"PK\x01\x02", 8, 24)):
        i = out.find(signature)
        while i >= 0:
            if size is not None:
                struct.pack_into("<I", out, i + size_at, size)
            (flags,) = struct.unpack_from("<H", out, i + flag_at)
            struct.pack_into("<H", out, i + flag_at, flags | flag)
            i = out.find(signature, i + 4)
    return bytes(out)


def walk(name: str, data: bytes, limits: ArchiveLimits | None = None) -> dict[str, ArchiveItem]:
    items = list(walk_archive_bytes(name, data, limits))
    by_path = {item.path: item for item in items}
    assert len(by_path) == len(items), "display paths must be unique"
    assert isinstance(items[-1], ArchiveEnd) and items[-1].path == name
    return by_path


def error_code(item: ArchiveItem) -> str | None:
    return item.code if isinstance(item, MemberError | ArchiveEnd) else None


# --- display paths and content ---------------------------------------------------------------


def test_zip_members_come_out_with_display_paths_and_their_bytes() -> None:
    photo = jpeg(640, 480, "astronaut")
    items = walk("evidence.zip", make_zip([("dir/a.jpg", photo), ("notes.txt", b"benign")]))
    assert set(items) == {"evidence.zip!/dir/a.jpg", "evidence.zip!/notes.txt", "evidence.zip"}
    member = items["evidence.zip!/dir/a.jpg"]
    assert isinstance(member, Member) and member.data == photo
    assert member.container == "evidence.zip"
    end = items["evidence.zip"]
    assert isinstance(end, ArchiveEnd) and end.members == 2 and end.code is None


def test_a_member_hashes_like_the_same_picture_on_its_own() -> None:
    photo = jpeg(640, 480, "coffee")
    member = walk("e.zip", make_zip([("c.jpg", photo)]))["e.zip!/c.jpg"]
    assert isinstance(member, Member)
    record = hash_bytes(member.path, member.data)
    assert record.path == "e.zip!/c.jpg"
    assert record.kind == "image" and record.pdq == hash_bytes("c.jpg", photo).pdq


@pytest.mark.parametrize(
    ("mode", "name", "fmt"),
    [
        ("w", "x.tar", "tar"),
        ("w:gz", "x.tar.gz", "tar.gz"),
        ("w:gz", "x.tgz", "tar.gz"),
        ("w:bz2", "x.tar.bz2", "tar.bz2"),
        ("w:xz", "x.tar.xz", "tar.xz"),
    ],
)
def test_tar_members_are_read_from_every_compression(mode: str, name: str, fmt: str) -> None:
    png = encode(picture(64, 48), "PNG")
    data = make_tar([("pics/p.png", png), ("t.txt", b"text")], mode)
    assert archive_format(data[:4096], name) == fmt
    items = walk(name, data)
    member = items[f"{name}!/pics/p.png"]
    assert isinstance(member, Member) and member.data == png
    end = items[name]
    assert isinstance(end, ArchiveEnd) and end.format == fmt and end.members == 2


def test_archives_are_recognised_by_content_not_name() -> None:
    assert archive_format(make_tar([("a", b"1")], "w:gz")[:4096], "download.bin") == "tar.gz"
    assert archive_format(make_zip([("a", b"1")])[:4096], "photo.jpg") == "zip"


def test_a_compressed_file_that_is_not_a_tar_is_not_an_archive() -> None:
    assert archive_format(gzip.compress(b"plain text " * 100), "notes.txt.gz") is None
    assert archive_format(jpeg(64, 64), "a.jpg") is None


def test_walking_a_file_that_is_not_an_archive_raises(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    path.write_bytes(jpeg(64, 64))
    with pytest.raises(NotAnArchive):
        list(walk_archive(path))


def test_repeated_names_get_numbered_display_paths() -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = make_zip([("a.txt", b"one"), ("a.txt", b"two")])
    items = walk("d.zip", data)
    first, second = items["d.zip!/a.txt"], items["d.zip!/a.txt#2"]
    assert isinstance(first, Member) and first.data == b"one"
    assert isinstance(second, Member) and second.data == b"two"


# --- unsafe names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../evil.jpg", "a/../../evil.jpg", "..\\evil.jpg", "a\\..\\..\\x"]
)
def test_parent_directory_names_are_refused_and_the_rest_is_read(name: str) -> None:
    for fmt, data in (
        ("z.zip", make_zip([(name, b"x"), ("ok.txt", b"fine")])),
        ("t.tar", make_tar([(name, b"x"), ("ok.txt", b"fine")])),
    ):
        items = walk(fmt, data)
        bad = [i for i in items.values() if isinstance(i, MemberError) and i.code == "unsafe_path"]
        assert len(bad) == 1 and "parent-directory" in bad[0].message
        assert isinstance(items[f"{fmt}!/ok.txt"], Member)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/passwd", "absolute path"),
        ("\\\\server\\share\\x.jpg", "absolute path"),
        ("C:\\Windows\\x.jpg", "drive letter"),
        ("c:x.jpg", "drive letter"),
    ],
)
def test_absolute_and_drive_names_are_refused(name: str, reason: str) -> None:
    items = walk("z.zip", make_zip([(name, b"x")]))
    (refused,) = [i for i in items.values() if isinstance(i, MemberError)]
    assert refused.code == "unsafe_path" and reason in refused.message


_SAFE_PART = st.text(
    st.characters(exclude_characters="/\\\x00:", exclude_categories=["Cs"]), min_size=1
).filter(lambda s: s not in (".", ".."))


@given(st.lists(_SAFE_PART, min_size=1, max_size=5), st.integers(min_value=0, max_value=5))
def test_a_parent_component_anywhere_makes_a_name_unsafe(parts: list[str], at: int) -> None:
    assert unsafe_name_reason("/".join(parts)) is None
    parts.insert(min(at, len(parts)), "..")
    assert unsafe_name_reason("/".join(parts)) == "parent-directory (..) component"
    assert unsafe_name_reason("\\".join(parts)) == "parent-directory (..) component"


# --- bombs and lying headers -----------------------------------------------------------------


def test_zip_bomb_is_refused_by_its_ratio_while_reading() -> None:
    bomb = make_zip([("zeros.bin", bytes(50 * MB)), ("ok.txt", b"fine")])
    limits = ArchiveLimits(max_member_bytes=100 * MB, max_ratio=100, ratio_grace_bytes=1 * MB)
    items = walk("bomb.zip", bomb, limits)
    refused = items["bomb.zip!/zeros.bin"]
    assert isinstance(refused, MemberError) and refused.code == "compression_ratio"
    assert "reading stopped" in refused.message
    assert isinstance(items["bomb.zip!/ok.txt"], Member)
    # Refused while reading: it stopped a few chunks past the grace, far short of 50 MB
    # (counted in bytes, not timed: the suite asserts on no clock).
    expanded = re.search(r"\(([\d,]+) bytes from", refused.message)
    assert expanded is not None
    assert int(expanded.group(1).replace(",", "")) < 4 * MB


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_STORED])
def test_member_over_the_size_limit_is_refused_while_reading_when_the_header_lies(
    method: int,
) -> None:
    # 50 MB of zeros whose headers (local and central) claim 1,000 bytes.
    lying = patch_zip(make_zip([("zeros.bin", bytes(50 * MB))], method), size=1000)
    assert zipfile.ZipFile(io.BytesIO(lying)).getinfo("zeros.bin").file_size == 1000
    limits = ArchiveLimits(max_member_bytes=10 * MB, max_ratio=1e12)
    refused = walk("lie.zip", lying, limits)["lie.zip!/zeros.bin"]
    assert isinstance(refused, MemberError) and refused.code == "member_too_large"
    assert "header declares 1,000" in refused.message and "reading stopped" in refused.message


def test_member_declared_over_the_limit_is_refused_without_reading() -> None:
    items = walk(
        "big.zip",
        make_zip([("zeros.bin", bytes(2 * MB))]),
        ArchiveLimits(max_member_bytes=1 * MB),
    )
    refused = items["big.zip!/zeros.bin"]
    assert isinstance(refused, MemberError) and refused.code == "member_too_large"
    assert refused.message.startswith("declares 2,097,152 bytes")


def test_a_header_declaring_fewer_bytes_than_the_data_holds_is_refused() -> None:
    lying = patch_zip(make_zip([("a.txt", b"x" * 5000)]), size=1000)
    refused = walk("l.zip", lying)["l.zip!/a.txt"]
    assert isinstance(refused, MemberError) and refused.code == "corrupt_archive"
    assert "declares 1,000 bytes but the data holds 5,000" in refused.message


def test_compressed_tar_bomb_stops_the_archive_while_reading() -> None:
    bomb = make_tar([("zeros.bin", bytes(50 * MB)), ("after.txt", b"x")], "w:gz")
    limits = ArchiveLimits(max_ratio=100, ratio_grace_bytes=1 * MB)
    items = walk("bomb.tgz", bomb, limits)
    end = items["bomb.tgz"]
    assert isinstance(end, ArchiveEnd) and end.code == "compression_ratio"


def test_total_uncompressed_bytes_are_bounded_across_members() -> None:
    data = make_zip([(f"{i}.bin", random_bytes(1000, seed=i)) for i in range(5)])
    items = walk("t.zip", data, ArchiveLimits(max_total_bytes=2500))
    assert sum(isinstance(i, Member) for i in items.values()) == 2
    end = items["t.zip"]
    assert isinstance(end, ArchiveEnd) and end.code == "archive_too_large"


def test_zip_listing_too_many_members_is_refused_from_its_directory() -> None:
    data = make_zip([(f"{i}.txt", b"x") for i in range(5)])
    items = walk("m.zip", data, ArchiveLimits(max_members=3))
    assert list(items) == ["m.zip"]
    assert error_code(items["m.zip"]) == "too_many_members"


def test_tar_members_are_counted_while_reading() -> None:
    data = make_tar([(f"{i}.txt", b"x") for i in range(5)], "w:gz")
    items = walk("m.tgz", data, ArchiveLimits(max_members=3))
    assert sum(isinstance(i, Member) for i in items.values()) == 3
    assert error_code(items["m.tgz"]) == "too_many_members"


# --- nesting ---------------------------------------------------------------------------------


def _nested() -> bytes:
    innermost = make_zip([("a.jpg", jpeg(64, 64))])
    middle = make_tar([("deep.zip", innermost), ("m.txt", b"m")], "w:gz")
    return make_zip([("in.tgz", middle), ("top.txt", b"t")])


def test_archives_inside_archives_are_walked_with_chained_paths() -> None:
    items = walk("o.zip", _nested())
    member = items["o.zip!/in.tgz!/deep.zip!/a.jpg"]
    assert isinstance(member, Member) and member.container == "o.zip!/in.tgz!/deep.zip"
    inner = items["o.zip!/in.tgz!/deep.zip"]
    assert isinstance(inner, ArchiveEnd) and inner.depth == 3 and inner.format == "zip"
    assert inner.data is not None and inner.container == "o.zip!/in.tgz"
    assert isinstance(items["o.zip!/in.tgz!/m.txt"], Member)
    order = list(items)
    assert order.index("o.zip!/in.tgz!/deep.zip!/a.jpg") < order.index("o.zip!/in.tgz!/deep.zip")


def test_nesting_deeper_than_the_limit_is_reported_not_walked() -> None:
    items = walk("o.zip", _nested(), ArchiveLimits(max_depth=2))
    too_deep = items["o.zip!/in.tgz!/deep.zip"]
    assert isinstance(too_deep, ArchiveEnd) and too_deep.code == "archive_too_deep"
    assert too_deep.data is not None  # still hashed as a file
    assert not any(p.startswith("o.zip!/in.tgz!/deep.zip!/") for p in items)
    assert isinstance(items["o.zip!/in.tgz!/m.txt"], Member)


def test_a_zip_of_itself_style_recursion_stops_at_the_depth_limit() -> None:
    data = make_zip([("x.txt", b"x")])
    for level in range(6):
        data = make_zip([(f"level{level}.zip", data)])
    items = walk("r.zip", data)
    assert [i for i in items.values() if error_code(i) == "archive_too_deep"]
    assert max(i.depth for i in items.values() if isinstance(i, ArchiveEnd)) == 4


# --- damage ----------------------------------------------------------------------------------


def test_truncated_zip_reports_the_members_before_the_cut_and_an_archive_error() -> None:
    photo = jpeg(640, 480, "chelsea")
    data = make_zip([("a.txt", b"first" * 100), ("b.jpg", photo), ("c.txt", b"third" * 100)])
    items = walk("cut.zip", data[: len(data) - len(photo) // 2 - 400])
    assert isinstance(items["cut.zip!/a.txt"], Member)
    assert error_code(items["cut.zip!/b.jpg"]) == "corrupt_archive"
    end = items["cut.zip"]
    assert isinstance(end, ArchiveEnd) and end.code == "corrupt_archive"
    assert "recovered from local headers" in (end.message or "")


def test_truncated_streamed_zip_is_recovered_through_its_data_descriptors() -> None:
    data = make_zip(
        [("a.txt", b"first" * 100), ("b.txt", b"second" * 100), ("c.txt", random_bytes(9000))],
        stream=True,
    )
    items = walk("cut.zip", data[:-3000])
    a, b = items["cut.zip!/a.txt"], items["cut.zip!/b.txt"]
    assert isinstance(a, Member) and a.data == b"first" * 100
    assert isinstance(b, Member) and b.data == b"second" * 100
    assert error_code(items["cut.zip"]) == "corrupt_archive"


def test_truncated_tar_gz_reports_members_read_so_far() -> None:
    data = make_tar([("a.txt", b"a" * 1000), ("b.bin", random_bytes(50_000))], "w:gz")
    items = walk("cut.tgz", data[:-5000])
    assert isinstance(items["cut.tgz!/a.txt"], Member)
    assert error_code(items["cut.tgz!/b.bin"]) == "corrupt_archive"
    assert error_code(items["cut.tgz"]) == "corrupt_archive"


def test_tar_cut_at_a_member_boundary_is_still_reported_truncated() -> None:
    data = make_tar([("a.txt", b"a" * 100), ("b.txt", b"b" * 100)])
    items = walk("cut.tar", data[: 4 * 512])  # two headers, two data blocks, no end marker
    assert isinstance(items["cut.tar!/b.txt"], Member)
    assert error_code(items["cut.tar"]) == "corrupt_archive"


def test_damaged_member_data_fails_its_crc() -> None:
    data = bytearray(make_zip([("a.txt", b"abcdefgh" * 100)], zipfile.ZIP_STORED))
    data[data.find(b"abcdefgh") + 3] ^= 0xFF
    item = walk("crc.zip", bytes(data))["crc.zip!/a.txt"]
    assert isinstance(item, MemberError) and item.code == "corrupt_archive"
    assert "CRC" in item.message


def test_encrypted_member_is_a_record_and_the_others_are_read() -> None:
    data = make_zip([("secret.jpg", b"x" * 100)])
    plain = make_zip([("ok.txt", b"fine")])
    items = walk("enc.zip", patch_zip(data, flag=0x1))
    refused = items["enc.zip!/secret.jpg"]
    assert isinstance(refused, MemberError) and refused.code == "encrypted"
    assert isinstance(walk("p.zip", plain)["p.zip!/ok.txt"], Member)


def test_unsupported_compression_is_a_record() -> None:
    items = walk("x.zip", make_zip([("a.txt", b"abc" * 100)], zipfile.ZIP_LZMA))
    assert error_code(items["x.zip!/a.txt"]) == "unsupported_compression"


def test_links_and_devices_inside_tars_are_skipped_with_a_record() -> None:
    link = tarfile.TarInfo("link.jpg")
    link.type, link.linkname = tarfile.SYMTYPE, "../../etc/passwd"
    hard = tarfile.TarInfo("hard.jpg")
    hard.type, hard.linkname = tarfile.LNKTYPE, "real.jpg"
    device = tarfile.TarInfo("dev/sda")
    device.type = tarfile.BLKTYPE
    fifo = tarfile.TarInfo("pipe")
    fifo.type = tarfile.FIFOTYPE
    items = walk("l.tar", make_tar([("real.jpg", b"data"), link, hard, device, fifo]))
    codes = {p: i.code for p, i in items.items() if isinstance(i, MemberSkipped)}
    assert codes == {
        "l.tar!/link.jpg": "symlink",
        "l.tar!/hard.jpg": "hardlink",
        "l.tar!/dev/sda": "special_file",
        "l.tar!/pipe": "special_file",
    }
    assert isinstance(items["l.tar!/real.jpg"], Member)


def test_zip_symlink_entries_are_skipped() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("link")
        info.create_system = 3
        info.external_attr = (0o120777 << 16) & 0xFFFF0000
        zf.writestr(info, "target")
        zf.writestr("ok.txt", "fine")
    items = walk("s.zip", buf.getvalue())
    skipped = items["s.zip!/link"]
    assert isinstance(skipped, MemberSkipped) and skipped.code == "symlink"
    assert isinstance(items["s.zip!/ok.txt"], Member)


def test_control_characters_in_names_are_escaped_in_display_paths() -> None:
    items = walk("c.tar", make_tar([("a\nb\x1b.txt", b"x")]))
    assert "c.tar!/a\\x0ab\\x1b.txt" in items

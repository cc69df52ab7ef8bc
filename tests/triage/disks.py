"""Disk images built in the tests, without root, from benign pictures drawn in code.

FAT with ``mkfs.vfat`` and ``mtools`` (a file deleted with ``mdel`` keeps its clusters, so
The Sleuth Kit can recover it), ext4 with ``mkfs.ext4 -d``, NTFS with ``mkntfs`` and
``ntfscp``, MBR and GPT partition tables
with ``sfdisk``, E01 with ``ewfacquire``. Each builder needs a Debian tool; ``need`` skips a
test that lacks one, saying which package brings it.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

SECTOR = 512
TOOLS = {
    "mkfs.vfat": "dosfstools",
    "mcopy": "mtools",
    "mkfs.ext4": "e2fsprogs",
    "sfdisk": "fdisk",
    "ewfacquire": "ewf-tools",
    "mkntfs": "ntfs-3g",
    "ntfscp": "ntfs-3g",
    "mkfs.exfat": "exfatprogs",
}


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing: apt-get install {TOOLS[tool]}")


def md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def picture(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A benign picture: coloured shapes drawn from a seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    img = np.zeros((h, w, 3), dtype=np.float64)
    for _ in range(6):
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(10, w / 2)
        colour = rng.uniform(0, 255, 3)
        mask = (xx - cx) ** 2 + (yy - cy) ** 2 < r * r
        img[mask] = colour
    img += (xx / w * 60)[..., None]
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def jpeg(seed: int, size: tuple[int, int] = (320, 240), quality: int = 90) -> bytes:
    out = io.BytesIO()
    picture(seed, size).save(out, "JPEG", quality=quality)
    return out.getvalue()


def png(seed: int, size: tuple[int, int] = (320, 240)) -> bytes:
    out = io.BytesIO()
    picture(seed, size).save(out, "PNG")
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def fat_image(
    path: Path, files: dict[str, bytes], deleted: dict[str, bytes] | None = None, mb: int = 16
) -> Path:
    """A FAT file system holding ``files`` (paths with ``/``), and ``deleted`` files that
    were written, then deleted."""
    need("mkfs.vfat", "mcopy")
    with path.open("wb") as f:
        f.truncate(mb << 20)
    subprocess.run(["mkfs.vfat", "-n", "EVIDENCE", str(path)], check=True, capture_output=True)
    staging = path.parent / f"{path.name}.staging"
    staging.mkdir()
    made: set[str] = set()
    for name, data in {**files, **(deleted or {})}.items():
        parts = name.strip("/").split("/")
        for i in range(1, len(parts)):
            folder = "/".join(parts[:i])
            if folder not in made:
                subprocess.run(
                    ["mmd", "-i", str(path), f"::/{folder}"], check=True, capture_output=True
                )
                made.add(folder)
        local = staging / hashlib.sha1(name.encode()).hexdigest()
        local.write_bytes(data)
        subprocess.run(
            ["mcopy", "-i", str(path), str(local), f"::/{name.strip('/')}"],
            check=True,
            capture_output=True,
        )
    for name in deleted or {}:
        subprocess.run(
            ["mdel", "-i", str(path), f"::/{name.strip('/')}"], check=True, capture_output=True
        )
    shutil.rmtree(staging)
    return path


def ext4_image(path: Path, files: dict[str, bytes], mb: int = 16) -> Path:
    need("mkfs.ext4")
    root = path.parent / f"{path.name}.root"
    for name, data in files.items():
        target = root / name.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", "-d", str(root), str(path), f"{mb}M"],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(root)
    return path


def partitioned(path: Path, label: str, volumes: list[tuple[Path, str]]) -> Path:
    """A disk with a ``dos`` (MBR) or ``gpt`` partition table and each file system image
    copied into its own partition (types: ``fat``, ``linux``, ``hfs``: Apple's HFS+ type,
    0xAF in an MBR, 48465300-0000-11AA-AA11-00306543ECAC in a GPT)."""
    need("sfdisk")
    start = 2048
    lines = [f"label: {label}"]
    placed: list[tuple[Path, int]] = []
    for image, kind in volumes:
        sectors = image.stat().st_size // SECTOR
        ptype = {
            ("gpt", "fat"): "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7",
            ("gpt", "hfs"): "48465300-0000-11AA-AA11-00306543ECAC",
            ("gpt", "linux"): "L",
            ("dos", "fat"): "c",
            ("dos", "hfs"): "af",
            ("dos", "linux"): "83",
        }[(label, kind)]
        lines.append(f"start={start}, size={sectors}, type={ptype}")
        placed.append((image, start))
        start += sectors + 2048
    with path.open("wb") as f:
        f.truncate((start + 2048) * SECTOR)
    subprocess.run(
        ["sfdisk", "-q", str(path)],
        input="\n".join(lines) + "\n",
        text=True,
        check=True,
        capture_output=True,
    )
    with path.open("r+b") as f:
        for image, offset in placed:
            f.seek(offset * SECTOR)
            f.write(image.read_bytes())
    return path


def e01_of(raw: Path, target: Path) -> Path:
    """An E01 of ``raw`` made by ``ewfacquire`` (MD5 and SHA-1 stored), as ``target.E01``."""
    need("ewfacquire")
    subprocess.run(
        [
            "ewfacquire",
            "-u",
            "-q",
            "-t",
            str(target),
            "-f",
            "encase6",
            "-d",
            "sha1",
            "-C",
            "case-1",
            "-D",
            "test image",
            "-e",
            "tester",
            "-E",
            "1",
            "-N",
            "benign",
            str(raw),
        ],
        check=True,
        capture_output=True,
    )
    return target.with_suffix(".E01")


def ntfs_image(
    path: Path,
    files: dict[str, bytes],
    mb: int = 16,
    streams: dict[str, dict[str, bytes]] | None = None,
) -> Path:
    """An NTFS file system made with ``mkntfs`` and filled with ``ntfscp`` (no mounting).
    ``streams``: alternate data streams, by the path of the file (or folder) holding them
    and the stream's name, written by ``ntfscp -N`` into the named ``$DATA`` attribute
    (``"/"``: the root folder's, written by its MFT number with ``ntfscp -i``)."""
    need("mkntfs", "ntfscp")
    with path.open("wb") as f:
        f.truncate(mb << 20)
    subprocess.run(
        ["mkntfs", "-q", "-F", "-f", "-L", "EVIDENCE", str(path)], check=True, capture_output=True
    )
    staging = path.parent / f"{path.name}.staging"
    staging.mkdir()
    for name, data in files.items():
        local = staging / hashlib.sha1(name.encode()).hexdigest()
        local.write_bytes(data)
        subprocess.run(
            ["ntfscp", "-f", str(path), str(local), name.strip("/")],
            check=True,
            capture_output=True,
        )
    for holder, named in (streams or {}).items():
        for stream, data in named.items():
            local = staging / hashlib.sha1(f"{holder}:{stream}".encode()).hexdigest()
            local.write_bytes(data)
            # The root folder by its MFT number (5): ``ntfscp`` given "/" copies into it.
            where = ["-i", "5"] if holder == "/" else [holder.strip("/")]
            subprocess.run(
                ["ntfscp", "-f", "-N", stream, str(path), str(local), *where],
                check=True,
                capture_output=True,
            )
    shutil.rmtree(staging)
    return path


# --- exFAT: mkfs.exfat, then files written by this small writer (no mount) ----------------


def _exfat_checksum(data: bytes, skip: tuple[int, ...] = ()) -> int:
    value = 0
    for i, byte in enumerate(data):
        if i in skip:
            continue
        value = (((value << 15) | (value >> 1)) + byte) & 0xFFFF
    return value


def exfat_image(path: Path, files: dict[str, bytes], mb: int = 16) -> Path:
    """An exFAT image made by ``mkfs.exfat`` (exfatprogs), then each file written into the
    root folder by hand, as the exFAT specification describes (Microsoft, "exFAT file
    system specification", sections 6 and 7): the content in free contiguous clusters
    marked in the allocation bitmap, ``NoFatChain`` set (so the FAT is not needed), and a
    directory entry set (File 0x85, Stream Extension 0xC0, File Name 0xC1 entries) with
    its name hash and set checksum. ASCII names only; root folder only."""
    need("mkfs.exfat")
    with path.open("wb") as f:
        f.truncate(mb << 20)
    subprocess.run(["mkfs.exfat", "-L", "EVIDENCE", str(path)], check=True, capture_output=True)
    img = bytearray(path.read_bytes())
    sector = 1 << img[0x6C]
    cluster = sector << img[0x6D]
    heap = int.from_bytes(img[0x58:0x5C], "little") * sector
    root_cluster = int.from_bytes(img[0x60:0x64], "little")

    def at(cluster_no: int) -> int:
        return heap + (cluster_no - 2) * cluster

    root = at(root_cluster)
    entries = [img[root + i : root + i + 32] for i in range(0, cluster, 32)]
    bitmap_entry = next(e for e in entries if e[0] == 0x81)
    bitmap_at = at(int.from_bytes(bitmap_entry[20:24], "little"))
    count = int.from_bytes(img[0x5C:0x60], "little")

    def used(c: int) -> bool:
        return bool(img[bitmap_at + (c - 2) // 8] >> ((c - 2) % 8) & 1)

    slot = next(i for i, e in enumerate(entries) if e[0] == 0x00)
    for name, data in files.items():
        need_clusters = max(1, -(-len(data) // cluster))
        first = next(
            c
            for c in range(2, count + 2 - need_clusters)
            if not any(used(c + k) for k in range(need_clusters))
        )
        for c in range(first, first + need_clusters):
            img[bitmap_at + (c - 2) // 8] |= 1 << ((c - 2) % 8)
        img[at(first) : at(first) + len(data)] = data
        utf16 = name.encode("utf-16-le")
        name_hash = _exfat_checksum(name.upper().encode("utf-16-le"))
        parts = [utf16[i : i + 30] for i in range(0, len(utf16), 30)]
        file_entry = bytearray(32)
        file_entry[0] = 0x85
        file_entry[1] = 1 + len(parts)
        file_entry[4:6] = (0x20).to_bytes(2, "little")  # archive
        # Created, modified, accessed: 2024-05-01 12:00:00 (readers reject a zero date).
        stamp = (44 << 25) | (5 << 21) | (1 << 16) | (12 << 11)
        for offset in (8, 12, 16):
            file_entry[offset : offset + 4] = stamp.to_bytes(4, "little")
        stream = bytearray(32)
        stream[0] = 0xC0
        stream[1] = 0x03  # allocation possible, no FAT chain
        stream[3] = len(name)
        stream[4:6] = name_hash.to_bytes(2, "little")
        stream[8:16] = len(data).to_bytes(8, "little")
        stream[20:24] = first.to_bytes(4, "little")
        stream[24:32] = len(data).to_bytes(8, "little")
        names = []
        for part in parts:
            entry = bytearray(32)
            entry[0] = 0xC1
            entry[2 : 2 + len(part)] = part
            names.append(entry)
        entry_set = file_entry + stream + b"".join(names)
        entry_set[2:4] = _exfat_checksum(bytes(entry_set), skip=(2, 3)).to_bytes(2, "little")
        start = root + slot * 32
        img[start : start + len(entry_set)] = entry_set
        slot += len(entry_set) // 32
    path.write_bytes(bytes(img))
    return path

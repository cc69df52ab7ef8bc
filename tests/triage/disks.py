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
    copied into its own partition (types: ``fat``, ``linux``)."""
    need("sfdisk")
    start = 2048
    lines = [f"label: {label}"]
    placed: list[tuple[Path, int]] = []
    for image, kind in volumes:
        sectors = image.stat().st_size // SECTOR
        if label == "gpt":
            ptype = "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7" if kind == "fat" else "L"
        else:
            ptype = "c" if kind == "fat" else "83"
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


def ntfs_image(path: Path, files: dict[str, bytes], mb: int = 16) -> Path:
    """An NTFS file system made with ``mkntfs`` and filled with ``ntfscp`` (no mounting)."""
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
    shutil.rmtree(staging)
    return path

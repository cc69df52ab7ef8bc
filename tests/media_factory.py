"""Benign test pictures and deliberately broken files, made in code."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image
from skimage import data as samples


def picture(width: int = 640, height: int = 480, source: str = "astronaut") -> Image.Image:
    """A scikit-image sample picture resized to ``width`` x ``height``."""
    arr = getattr(samples, source)()
    im = Image.fromarray(arr).convert("RGB")
    return im.resize((width, height), Image.Resampling.BICUBIC)


def encode(im: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **params)
    return buf.getvalue()


def jpeg(width: int = 640, height: int = 480, source: str = "astronaut", **params: object) -> bytes:
    return encode(picture(width, height, source), "JPEG", quality=90, **params)


def png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` RGB pixels: a decompression bomb
    that is refused from its header, before any pixel is inflated."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # Rows of zeros compress to almost nothing: the body of a classic PNG bomb.
    idat = zlib.compress(b"\x00" * (1 << 20), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def random_bytes(n: int, seed: int = 0) -> bytes:
    return np.random.default_rng(seed).integers(0, 256, n, dtype=np.uint8).tobytes()


def write_video(
    path: str,
    *,
    seconds: float = 3.0,
    fps: int = 10,
    size: tuple[int, int] = (320, 240),
    gop: int = 10,
    seed: int = 0,
) -> None:
    """A benign H.264 MP4: a picture panning slowly, so frames differ but stay related."""
    import av

    width, height = size
    base = np.asarray(picture(width * 2, height, ["astronaut", "coffee", "chelsea"][seed % 3]))
    with av.open(path, "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.gop_size = gop
        stream.codec_context.options = {"bf": "0", "sc_threshold": "0"}
        n = int(seconds * fps)
        for i in range(n):
            x = int(i * width / max(n, 1))
            frame = av.VideoFrame.from_ndarray(
                np.ascontiguousarray(base[:, x : x + width]), format="rgb24"
            )
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)

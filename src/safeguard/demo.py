"""A small benign demo folder for ``make run``: synthetic pictures drawn in code (and a short
synthetic video), including a rotated copy and a re-encoded copy, so the printed table shows
what the hashes do. Nothing here is downloaded.

    python -m safeguard.demo DIR
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


def _scene(width: int, height: int, seed: int) -> Image.Image:
    """Coloured shapes on a gradient: enough structure for a quality-100 PDQ hash."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack(
        [x * 255 // width, y * 255 // height, ((x + y) * 127 // (width + height)) + 64], axis=-1
    ).astype(np.uint8)
    im = Image.fromarray(base)
    draw = ImageDraw.Draw(im)
    for _ in range(12):
        x0, y0 = int(rng.integers(0, width - 40)), int(rng.integers(0, height - 40))
        x1, y1 = x0 + int(rng.integers(30, width // 3)), y0 + int(rng.integers(30, height // 3))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        else:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
    return im


def _video(path: Path, seconds: int = 3, fps: int = 10) -> None:
    import av

    frames = [np.asarray(_scene(320, 240, 100 + i)) for i in range(seconds)]
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        for i in range(seconds * fps):
            frame = av.VideoFrame.from_ndarray(frames[i // fps], format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def build_demo(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    scene = _scene(1280, 960, 1)
    files: dict[str, Callable[[Path], object]] = {
        "scene.jpg": lambda p: scene.save(p, "JPEG", quality=90),
        "scene-recompressed.jpg": lambda p: scene.resize((640, 480)).save(p, "JPEG", quality=60),
        "scene-rotated.png": lambda p: scene.transpose(Image.Transpose.ROTATE_90).save(p, "PNG"),
        "other-scene.png": lambda p: _scene(800, 600, 2).save(p, "PNG"),
        "notes.txt": lambda p: p.write_text("A benign text file: digests only.\n"),
        "slideshow.mp4": _video,
    }
    written = []
    for name, make in files.items():
        path = folder / name
        if not path.exists():
            make(path)
        written.append(path)
    return written


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".safeguard/demo")
    paths = build_demo(folder)
    print(f"demo folder: {folder} ({len(paths)} benign files)", file=sys.stderr)


if __name__ == "__main__":
    main()

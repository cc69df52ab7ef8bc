"""Benchmark of the livestream monitor, and the benign synthetic streams it (and the tests)
watch.

Run: ``python -m bench.stream`` (``--quick`` for a short run). Measures

1. detection latency: live-paced streams switch from scene A to scene B (B's frames are in a
   block bank) at a random moment; latency is the wall-clock time from the moment the first
   frame of B was live to the ``terminate`` decision; target <= one keyframe interval + 1 s;
2. how many real-time 720p30 streams one core watches: the CPU time one stream costs per
   second of video, with keyframe-only decoding against decoding every frame (hashing one a
   second, as vPDQ does) and against hashing every frame; target >= 50 streams a core;
3. memory per stream: resident memory of N concurrent streams over one.

Videos are made in code: moving shapes on two distinct synthetic scenes, nothing else.
"""

from __future__ import annotations

import os

# PDQ's matrix products are small; BLAS threads only fight the streams' threads (the CLI
# sets the same).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from fractions import Fraction  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, BinaryIO  # noqa: E402

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402

from bench.machine import cpu_model, rss, versions  # noqa: E402

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache" / "stream"
RESULTS = ROOT / "results"
GOP_S = 2.0
FPS = 30
SIZE_720P = (1280, 720)
RANDOM_BANK = 100_000

Scene = int  # 0: rings and a moving disc; 1: a scrolling checkerboard and a bar


def scene_frame(scene: Scene, t: float, size: tuple[int, int]) -> npt.NDArray[np.uint8]:
    """One RGB frame of a benign synthetic scene at time ``t`` (seconds)."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if scene % 2 == 0:
        rr = np.hypot(xx - w * 0.3, yy - h * 0.4) / min(w, h)
        wave = 90 * np.sin(rr * 25 - t * 0.8)
        img = np.stack(
            [xx / w * 160 + wave + 40, yy / h * 120 + 60 - wave, np.full_like(xx, 120) + wave],
            -1,
        )
        cx = w * (0.2 + 0.6 * (0.5 + 0.5 * np.sin(t * 0.7)))
        cy = h * (0.3 + 0.4 * (0.5 + 0.5 * np.cos(t * 0.5)))
        r = min(w, h) * 0.15
        img[(xx - cx) ** 2 + (yy - cy) ** 2 < r * r] = (255, 240, 40)
        x0 = int(w * (0.1 + 0.05 * np.sin(t)))
        img[int(h * 0.6) : int(h * 0.9), x0 : x0 + w // 5] = (30, 30, 200)
    else:
        s = max(8, w // 10)
        check = ((xx + t * 8) // s + (yy // s)) % 2
        img = np.stack([check * 180 + 40, 200 - check * 120, yy / h * 255], -1)
        cx = w * (0.5 + 0.3 * np.cos(t * 0.9))
        img[(np.abs(xx - cx) < w * 0.08) & (np.abs(yy - h * 0.5) < h * 0.3)] = (250, 250, 250)
    if scene >= 2:  # more scenes for the benchmark's many streams: tinted variants
        img = img[..., [(scene) % 3, (scene + 1) % 3, (scene + 2) % 3]]
    return np.clip(img, 0, 255).astype(np.uint8)


def _frames(
    parts: Sequence[tuple[Scene, float]],
    fps: int,
    size: tuple[int, int],
    render_scale: int = 1,
    noise: int = 0,
) -> Iterator[npt.NDArray[np.uint8]]:
    small = (size[0] // render_scale, size[1] // render_scale)
    for scene, seconds in parts:
        for i in range(round(seconds * fps)):
            rgb = scene_frame(scene, i / fps, small)
            if render_scale > 1:
                rgb = np.repeat(np.repeat(rgb, render_scale, axis=0), render_scale, axis=1)
            if noise:
                # Sensor-like grain, seeded by the frame so that a scene always looks the same.
                rng = np.random.default_rng(i)
                grain = rng.integers(-noise, noise + 1, size=rgb.shape, dtype=np.int16)
                rgb = np.clip(rgb.astype(np.int16) + grain, 0, 255).astype(np.uint8)
            yield rgb


def write_stream(
    target: str | os.PathLike[str],
    parts: Sequence[tuple[Scene, float]],
    *,
    fps: int = 10,
    size: tuple[int, int] = (256, 144),
    gop_s: float = 2.0,
    hls_segment_s: float | None = None,
    preset: str = "ultrafast",
    crf: int = 23,
    render_scale: int = 1,
    noise: int = 0,
    bit_rate: int | None = None,
) -> Path:
    """Encode ``parts`` (scene, seconds) one after another as H.264 with a keyframe every
    ``gop_s`` seconds. ``target`` is a file (MP4, MPEG-TS by suffix), or with
    ``hls_segment_s`` a folder that gets ``index.m3u8`` and its segments (PyAV's own ``hls``
    muxer, no system FFmpeg). Each part starts on a keyframe only if it starts on a multiple
    of ``gop_s``. Returns the file (or playlist) path."""
    import av

    target = Path(target)
    options: dict[str, str] = {}
    if hls_segment_s is not None:
        target.mkdir(parents=True, exist_ok=True)
        out = target / "index.m3u8"
        options = {
            "hls_time": f"{hls_segment_s:g}",
            "hls_list_size": "0",
            "hls_playlist_type": "vod",
            "hls_segment_filename": str(target / "seg%05d.ts"),
        }
        container = av.open(str(out), "w", format="hls", options=options)
    else:
        out = target
        container = av.open(str(out), "w")
    with container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        stream.time_base = Fraction(1, fps)
        stream.codec_context.gop_size = max(1, round(gop_s * fps))
        stream.codec_context.options = {
            "bf": "0",
            "sc_threshold": "0",
            "preset": preset,
            "keyint_min": str(max(1, round(gop_s * fps))),
        }
        if bit_rate:
            stream.codec_context.bit_rate = bit_rate
        else:
            stream.codec_context.options = {**stream.codec_context.options, "crf": str(crf)}
        for i, rgb in enumerate(_frames(parts, fps, size, render_scale, noise)):
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out


# --- the benchmark ---------------------------------------------------------------------------


def _cached(name: str, parts: Sequence[tuple[Scene, float]], **kw: Any) -> Path:
    """A 720p30 video, made once and kept in bench/.cache/stream (its name says its recipe)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / name
    if not path.is_file():
        tmp = path.with_suffix(".tmp" + path.suffix)
        write_stream(tmp, parts, fps=FPS, size=SIZE_720P, gop_s=GOP_S, render_scale=4, **kw)
        tmp.rename(path)
    return path


def _media(quick: bool) -> dict[str, Any]:
    seconds = 10 if quick else 30
    phases = [0.25 * k for k in range(4 if quick else 8)]
    # Camera-like bitrate: grain on the picture, 3 Mbit/s ABR, x264 veryfast.
    real = _cached(
        f"live-ac-{seconds}s-3mbit.mp4",
        [(0, seconds / 2), (2, seconds / 2)],  # benign scenes, none of them in the bank
        preset="veryfast",
        noise=6,
        bit_rate=3_000_000,
    )
    switches = {
        phase: _cached(
            f"switch-{3 + phase:.2f}s.mp4", [(2, 3 + phase), (1, 3.0)], preset="veryfast"
        )
        for phase in phases
    }
    banned = _cached("banned-b-3s.mp4", [(1, 3.0)], preset="veryfast")
    return {"real": real, "seconds": seconds, "switches": switches, "banned": banned}


def _database(folder: Path, banned: Path) -> Any:
    from safeguard import banks
    from safeguard.signals.video import VideoSampling, hash_video
    from safeguard.store.db import open_database

    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("bench-block", kind="block"), "bench")
    rng = np.random.default_rng(7)
    lines = [bytes(row).hex() for row in rng.integers(0, 256, (RANDOM_BANK, 32), dtype=np.uint8)]
    lines += [f.pdq.hex for f in hash_video(banned, VideoSampling(mode="every_frame")).frames]

    @contextmanager
    def opener() -> Iterator[BinaryIO]:
        yield io.BytesIO("\n".join(lines).encode())

    banks.import_list(
        db, "bench-block", opener, fmt="plain", source="bench", default_type="pdq", actor="bench"
    )
    return db


CONTENDERS: dict[str, dict[str, Any]] = {
    "keyframes": {"sampling": "keyframes"},
    "decode_all_hash_1s": {"sampling": "interval", "interval_s": 1.0},
    "decode_all_hash_all": {"sampling": "every_frame"},
}


def throughput(video: Path, seconds: float, match: Any, repeat: int) -> dict[str, Any]:
    """CPU seconds one stream costs per second of 720p30 video (one stream at a time, read as
    fast as possible, best of ``repeat``); streams per core = 1 / that."""
    from safeguard.stream import SourceOptions, StreamMonitor, VideoSource

    out: dict[str, Any] = {}
    # Warm up first (imports, the index's compiled kernel, the decoder library).
    warm = StreamMonitor("warm", str(video), match=match, emit=lambda e: None)
    for frame in VideoSource(str(video)).frames():
        warm.on_frame(frame)
    for name, kw in CONTENDERS.items():
        best: tuple[float, float, int] | None = None
        for _ in range(repeat):
            monitor = StreamMonitor("t", str(video), match=match, emit=lambda e: None)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            n = 0
            for frame in VideoSource(str(video), SourceOptions(**kw)).frames():
                monitor.on_frame(frame)
                n += 1
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
            if best is None or cpu < best[0]:
                best = (cpu, wall, n)
        assert best is not None
        cpu, wall, n = best
        per_s = cpu / seconds
        out[name] = {
            "cpu_s_per_video_s": round(per_s, 5),
            "streams_per_core": round(1 / per_s, 1),
            "x_realtime_one_core": round(seconds / wall, 1),
            "frames_hashed": n,
        }
    base = out["decode_all_hash_1s"]["cpu_s_per_video_s"]
    for row in out.values():
        row["vs_decode_all"] = round(base / row["cpu_s_per_video_s"], 1)
    return out


def concurrent(video: Path, seconds: float, match: Any, n: int, **options: Any) -> dict[str, Any]:
    """``n`` copies of the stream watched at once, each paced at real time (keyframes unless
    ``options`` say otherwise): the cores the process used, resident memory per stream."""
    from safeguard.stream import SourceOptions, StreamHub

    ends: list[dict[str, Any]] = []
    lock = threading.Lock()

    def sink(event: Any) -> None:
        if event.type == "end":
            with lock:
                ends.append(event.to_json())

    hub = StreamHub(match=match, emit=sink, options=SourceOptions(realtime=True, **options))
    rss0 = rss()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for i in range(n):
        hub.watch(f"s{i}", str(video))
    peak = rss0
    while not hub.wait(0.25):
        peak = max(peak, rss())
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "streams": n,
        "video_s": seconds,
        "wall_s": round(wall, 2),
        "cores_used": round(cpu / wall, 3),
        "cpu_s_per_stream_per_video_s": round(cpu / (n * seconds), 5),
        "streams_per_core": round(n * seconds / cpu, 1),
        "rss_mib_per_stream": round((peak - rss0) / n / 2**20, 2),
        "rss_mib_process_peak": round(peak / 2**20, 1),
        "packets_dropped": sum(e["packets_dropped"] for e in ends),
        "all_ended_at_eof": all(e["reason"] == "eof" for e in ends) and len(ends) == n,
    }


def latency(switches: dict[float, Path], match: Any, copies: int) -> dict[str, Any]:
    """Every switch video, ``copies`` times, all live-paced at once. Latency: wall time from
    the moment B's first frame was live (stream start + switch time) to the decision."""
    from safeguard.stream import SourceOptions, StreamHub

    decided: dict[str, tuple[float, float]] = {}
    lock = threading.Lock()

    def sink(event: Any) -> None:
        if event.type == "decision" and event.action == "terminate":
            with lock:
                decided[event.stream] = (time.monotonic(), event.stream_ts)

    hub = StreamHub(match=match, emit=sink, options=SourceOptions(realtime=True))
    switch_at: dict[str, float] = {}
    for c in range(copies):
        for phase, path in switches.items():
            sid = f"p{phase:.2f}-c{c}"
            switch_at[sid] = 3 + phase
            hub.watch(sid, str(path))
    hub.wait()
    wall: list[float] = []
    stream_wait: list[float] = []
    for sid, at in switch_at.items():
        origin = hub.get(sid).source.wall_origin
        if sid not in decided or origin is None:
            continue
        t, ts = decided[sid]
        wall.append(t - (origin + at))
        stream_wait.append(ts - at)
    wall.sort()
    return {
        "streams": len(switch_at),
        "decided": len(wall),
        "switch_phases_s": sorted(switches),
        "p50_s": round(statistics.median(wall), 3) if wall else None,
        "p99_s": round(float(np.percentile(wall, 99)), 3) if wall else None,
        "max_s": round(max(wall), 3) if wall else None,
        "keyframe_wait_p50_s": round(statistics.median(stream_wait), 3) if wall else None,
        "processing_p50_s": round(statistics.median(np.subtract(wall, stream_wait)), 3)
        if wall
        else None,
        "target_s": GOP_S + 1.0,
    }


def machine() -> dict[str, Any]:
    cpu = cpu_model()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "versions": versions("safeguard", "av", "numpy"),
        "load_average_start": round(os.getloadavg()[0], 2),
    }


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        "# Livestream monitor benchmark (`python -m bench.stream`)",
        "",
        f"Generated at {r['generated']}. Machine: {m['cpu']}, {m['cores']} cores (shared; load "
        f"average {m['load_average_start']:.2f} at start, {r['load_average_end']:.2f} at end), "
        f"Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        "",
        f"Video: synthetic 1280x720, 30 fps, H.264 (x264 veryfast), keyframe every {GOP_S:g} s, "
        f"~3 Mbit/s (grain added so the bitrate is camera-like), {r['media']['seconds']} s. "
        f"Bank: {RANDOM_BANK:,} random PDQ hashes plus the banned scene's frames; every sampled "
        "frame is matched through the Matcher (index + database check).",
        "",
        "## Streams one core watches (one stream at a time, CPU time per second of video)",
        "",
        "| contender | CPU s / video s | streams / core | x real time | frames hashed "
        "| vs decoding every frame |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in r["throughput"].items():
        lines.append(
            f"| {name} | {row['cpu_s_per_video_s']} | {row['streams_per_core']} | "
            f"{row['x_realtime_one_core']} | {row['frames_hashed']} | {row['vs_decode_all']}x |"
        )
    c = r["concurrent"]
    lines += [
        "",
        "`keyframes`: the default (the decoder skips non-key frames); "
        "`decode_all_hash_1s`: every frame decoded, one hashed a second (vPDQ's sampling); "
        "`decode_all_hash_all`: every frame decoded and hashed.",
        "",
        f"## {c['streams']} streams at once, each paced at real time (keyframes)",
        "",
        f"- cores used: {c['cores_used']} over {c['wall_s']} s "
        f"({c['cpu_s_per_stream_per_video_s']} CPU s per stream-second: "
        f"**{c['streams_per_core']} streams a core**; target >= 50)",
        f"- resident memory: {c['rss_mib_per_stream']} MiB per stream "
        f"(process peak {c['rss_mib_process_peak']} MiB)",
        f"- packets dropped (decoding behind live): {c['packets_dropped']}; all ended normally: "
        f"{c['all_ended_at_eof']}",
    ]
    d = r["concurrent_decode_all"]
    lines += [
        "",
        f"The anchor in the same run: {d['streams']} streams decoding every frame (hashing one "
        f"a second), paced at real time: {d['cores_used']} cores, "
        f"{d['cpu_s_per_stream_per_video_s']} CPU s per stream-second: "
        f"**{d['streams_per_core']} streams a core**; keyframe sampling watches "
        f"{c['streams_per_core'] / d['streams_per_core']:.1f}x as many.",
    ]
    lt = r["latency"]
    lines += [
        "",
        "## Detection latency",
        "",
        f"{lt['streams']} live-paced 720p30 streams at once switch from scene A to scene B "
        f"(in the block bank) at {len(lt['switch_phases_s'])} phases within the keyframe "
        "interval; the encoder places keyframes on a fixed 2 s grid (no keyframe at the scene "
        "cut: the worst case for keyframe sampling). Latency = wall time from B's first frame "
        "being live to the `terminate` decision.",
        "",
        f"- decided: {lt['decided']} of {lt['streams']} (with this few samples p99 is close to "
        "the maximum)",
        f"- p50 {lt['p50_s']} s, p99 {lt['p99_s']} s, max {lt['max_s']} s "
        f"(target <= {lt['target_s']:g} s = keyframe interval + 1 s)",
        f"- of which waiting for the next keyframe (stream time): p50 "
        f"{lt['keyframe_wait_p50_s']} s; decoding, hashing, matching, deciding: p50 "
        f"{lt['processing_p50_s']} s",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stream", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short videos, fewer streams")
    parser.add_argument("--streams", type=int, default=None, help="concurrent streams")
    parser.add_argument("--no-write", action="store_true", help="leave bench/results alone")
    args = parser.parse_args(argv)

    from safeguard.matching.matcher import Matcher
    from safeguard.stream import bank_matcher

    started = machine()
    media = _media(args.quick)
    with tempfile.TemporaryDirectory() as tmp:
        db = _database(Path(tmp), media["banned"])
        match = bank_matcher(Matcher.open(db))
        result: dict[str, Any] = {
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": started,
            "media": {"seconds": media["seconds"], "bank_random_hashes": RANDOM_BANK},
            "throughput": throughput(
                media["real"], media["seconds"], match, 1 if args.quick else 3
            ),
            "concurrent": concurrent(
                media["real"], media["seconds"], match, args.streams or (10 if args.quick else 50)
            ),
            "concurrent_decode_all": concurrent(
                media["real"],
                media["seconds"],
                match,
                2 if args.quick else 4,
                sampling="interval",
                interval_s=1.0,
            ),
            "latency": latency(media["switches"], match, 2 if args.quick else 4),
        }
        db.dispose()
    result["load_average_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, indent=2))
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "stream.json").write_text(json.dumps(result, indent=2) + "\n")
        (RESULTS / "stream.md").write_text(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

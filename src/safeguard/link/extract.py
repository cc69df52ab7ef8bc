"""What a worker computes for one file: its id, its views' SIFT features and its faces.

An item is one file. A picture has one view, and one more for each tile of a composite
picture (a photo grid, a collage, a recorder's quad split: ``safeguard.link.tiles``); a
video has one view per sampled keyframe
(``safeguard.link.video``), and its faces are followed across keyframes into tracks
(``safeguard.link.tracks``): one face entry per track, not per keyframe. The item id is
the first 16 hex digits of the file's SHA-256, so the same bytes at two paths are one item.
A file that cannot be read or decoded gives an item with ``error`` set, never an exception.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from safeguard.link.faces import Face, detect_faces
from safeguard.link.features import U8, FeatureOptions, PlaceFeatures, features_from_pixels
from safeguard.link.tiles import DEFAULT_TILES, Rect, TileOptions, tiles
from safeguard.link.tracks import FaceTrack, TrackOptions, track_faces
from safeguard.link.video import KeyframeOptions, keyframes
from safeguard.signals.decode import ImageLimits, decode_image
from safeguard.signals.errors import FileTooLarge, SignalError
from safeguard.signals.media import sniff_kind
from safeguard.signals.video import DEFAULT_LIMITS, VideoLimits

ID_HEX = 16


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    features: FeatureOptions = field(default_factory=FeatureOptions)
    keyframes: KeyframeOptions = field(default_factory=KeyframeOptions)
    image_limits: ImageLimits = field(default_factory=ImageLimits)
    video_limits: VideoLimits = DEFAULT_LIMITS
    faces: bool = False
    tracks: TrackOptions = field(default_factory=TrackOptions)
    #: Composite pictures (``link.tiles``): each tile is a view of its own after the
    #: whole picture (None: off).
    tiles: TileOptions | None = DEFAULT_TILES


@dataclass(frozen=True, slots=True)
class View:
    """One picture of an item: the file itself, or a video keyframe at ``ts`` seconds."""

    features: PlaceFeatures
    ts: float | None = None
    faces: tuple[Face, ...] = ()


@dataclass(frozen=True, slots=True)
class FaceEntry:
    """A face as linking sees it: a picture's face, or a video's face track (the mean
    embedding, shown by its most typical face, with the number of keyframes)."""

    view: int
    face: Face
    frames: int = 1


@dataclass(frozen=True, slots=True)
class Extracted:
    id: str
    path: str
    kind: str
    views: tuple[View, ...] = ()
    error: str | None = None
    error_code: str | None = None
    #: A video's faces followed across its keyframes (``link.tracks``).
    tracks: tuple[FaceTrack, ...] = ()

    @property
    def face_entries(self) -> list[FaceEntry]:
        if self.kind == "video":
            out = []
            for t in self.tracks:
                view, face = t.representative
                out.append(FaceEntry(view, Face(face.box, t.embedding), t.frames))
            return out
        return [FaceEntry(v, f) for v, view in enumerate(self.views) for f in view.faces]

    @property
    def faces(self) -> int:
        """Distinct faces: a picture's detections, a video's tracks."""
        if self.kind == "video":
            return len(self.tracks)
        return sum(len(v.faces) for v in self.views)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "kind": self.kind,
            "faces": self.faces,
            "views": len(self.views),
            "error": self.error,
        }


def file_id(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()[:ID_HEX]


def extract(path: str | Path, options: ExtractOptions | None = None) -> Extracted:
    options = options or ExtractOptions()
    p = Path(path)
    try:
        item_id = file_id(p)
        with p.open("rb") as f:
            head = f.read(64)
    except OSError as e:
        return Extracted(
            "", str(path), "other", error=f"unreadable: {e.strerror or e}", error_code="unreadable"
        )
    kind = sniff_kind(head, p.name)
    views: tuple[View, ...]
    tracks: tuple[FaceTrack, ...] = ()
    try:
        if kind == "image":
            views = _image_views(p, options)
        elif kind == "video":
            views = tuple(_video_views(p, options))
            if not views:
                raise SignalError(f"{p.name}: no keyframe could be decoded")
            if options.faces:
                tracks = tuple(track_faces([v.faces for v in views], options.tracks))
        else:
            return Extracted(
                item_id,
                str(path),
                kind,
                error="not an image or a video",
                error_code="unsupported_media",
            )
    except SignalError as e:
        return Extracted(item_id, str(path), kind, error=str(e), error_code=e.code)
    return Extracted(item_id, str(path), kind, views, tracks=tracks)


def _image_views(p: Path, options: ExtractOptions) -> tuple[View, ...]:
    size = p.stat().st_size
    if size > options.image_limits.max_bytes:
        raise FileTooLarge(
            f"{size} bytes is over the image limit of {options.image_limits.max_bytes}"
        )
    data = p.read_bytes()
    pixels = decode_image(data, limits=options.image_limits).pixels
    feats = features_from_pixels(pixels, options.features)
    faces = tuple(detect_faces(pixels)) if options.faces else ()
    views = [View(feats, None, faces)]
    if options.tiles is not None:
        for x0, y0, x1, y1 in picture_tiles(pixels, options.tiles, options.features.max_side):
            tile = features_from_pixels(pixels[y0:y1, x0:x1], options.features)
            views.append(View(dataclasses.replace(tile, origin=(x0, y0))))
    return tuple(views)


def picture_tiles(pixels: U8, options: TileOptions, max_side: int) -> list[Rect]:
    """``link.tiles`` on the picture shrunk to at most ``max_side`` (the features'
    working size), the tiles in the picture's own pixels."""
    h, w = pixels.shape[:2]
    scale = max(1.0, max(w, h) / max_side)
    small = pixels
    if scale > 1.0:
        size = (max(1, round(w / scale)), max(1, round(h / scale)))
        small = np.asarray(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA), np.uint8)
    return [
        (
            min(w, round(x0 * scale)),
            min(h, round(y0 * scale)),
            min(w, round(x1 * scale)),
            min(h, round(y1 * scale)),
        )
        for x0, y0, x1, y1 in tiles(small, options)
    ]


def _video_views(p: Path, options: ExtractOptions) -> list[View]:
    views = []
    for kf in keyframes(p, options.keyframes, options.video_limits):
        feats = features_from_pixels(kf.rgb, options.features)
        # Keyframes arrive already scaled: report regions in the coded frame's pixels.
        ratio = kf.width / kf.rgb.shape[1]
        feats = dataclasses.replace(
            feats, width=kf.width, height=kf.height, scale=feats.scale * ratio
        )
        faces: tuple[Face, ...] = ()
        if options.faces:
            faces = tuple(
                Face(
                    (
                        int(f.box[0] * ratio),
                        int(f.box[1] * ratio),
                        int(f.box[2] * ratio),
                        int(f.box[3] * ratio),
                    ),
                    f.embedding,
                )
                for f in detect_faces(kf.rgb)
            )
        views.append(View(feats, kf.ts, faces))
    return views

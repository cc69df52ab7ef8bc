"""Faces in a video followed across its keyframes, one aggregated embedding per track.

A video's keyframes are seconds apart (``link.video``: at most one every 2 s), so a face
may have moved far between two of them; position alone cannot follow it, and appearance
alone can confuse two similar faces side by side. A face joins a track when either

- its embedding is within ``same_distance`` of the track's (mean) embedding — the same
  face wherever it went; or
- its box overlaps the track's last box (IoU >= ``min_iou``) and its embedding is within
  ``near_distance`` — the same spot, a little more change allowed (a turned head, light).

Pairs are taken greedily, closest embedding first, each track and face at most once per
keyframe. A track missing from more than ``max_gap`` keyframes in a row is closed.

A track is then one face for linking: its embedding is the mean of its faces' embeddings
(the usual aggregation for dlib's 128-d space; it averages out pose and blur of single
frames), shown by its most typical face (the one nearest the mean), and its ``frames``
count is evidence a reviewer sees on every link it makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from safeguard.link.faces import Box, Face

F32 = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class TrackOptions:
    same_distance: float = 0.45
    near_distance: float = 0.6
    min_iou: float = 0.3
    max_gap: int = 2


@dataclass(frozen=True, slots=True)
class FaceTrack:
    """One face followed through keyframes: (view index, face) in view order."""

    faces: tuple[tuple[int, Face], ...]

    @property
    def frames(self) -> int:
        return len(self.faces)

    @property
    def embedding(self) -> F32:
        return _mean([f.embedding for _, f in self.faces])

    @property
    def representative(self) -> tuple[int, Face]:
        """The (view, face) nearest the mean embedding: what a reviewer is shown."""
        mean = self.embedding
        return min(self.faces, key=lambda vf: float(np.linalg.norm(vf[1].embedding - mean)))

    @property
    def views(self) -> tuple[int, ...]:
        return tuple(v for v, _ in self.faces)


def _mean(embeddings: list[F32]) -> F32:
    return np.asarray(np.mean(np.stack(embeddings), axis=0), np.float32)


def iou(a: Box, b: Box) -> float:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0, x1 - x0) * max(0, y1 - y0)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


@dataclass
class _Open:
    faces: list[tuple[int, Face]] = field(default_factory=list)
    last_view: int = 0

    def mean(self) -> F32:
        return _mean([f.embedding for _, f in self.faces])


def track_faces(
    views: Sequence[Sequence[Face]], options: TrackOptions | None = None
) -> list[FaceTrack]:
    """Tracks over the faces of consecutive keyframes (``views[v]``: faces of keyframe v)."""
    options = options or TrackOptions()
    open_: list[_Open] = []
    closed: list[_Open] = []
    for v, faces in enumerate(views):
        still: list[_Open] = []
        for t in open_:
            (still if v - t.last_view <= options.max_gap + 1 else closed).append(t)
        open_ = still
        candidates: list[tuple[float, int, int]] = []
        for ti, t in enumerate(open_):
            mean = t.mean()
            last_box = t.faces[-1][1].box
            for fi, face in enumerate(faces):
                d = float(np.linalg.norm(face.embedding - mean))
                if d <= options.same_distance or (
                    d <= options.near_distance and iou(face.box, last_box) >= options.min_iou
                ):
                    candidates.append((d, ti, fi))
        used_tracks: set[int] = set()
        used_faces: set[int] = set()
        for _, ti, fi in sorted(candidates):
            if ti in used_tracks or fi in used_faces:
                continue
            used_tracks.add(ti)
            used_faces.add(fi)
            open_[ti].faces.append((v, faces[fi]))
            open_[ti].last_view = v
        for fi, face in enumerate(faces):
            if fi not in used_faces:
                open_.append(_Open([(v, face)], v))
    tracks = [FaceTrack(tuple(t.faces)) for t in closed + open_]
    return sorted(tracks, key=lambda t: (t.faces[0][0], t.faces[0][1].box))

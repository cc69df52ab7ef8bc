"""Comparing a live stream's frames against the link store, as it runs.

``LiveLinker`` is pure: RGB frames in (with their stream time), sightings out. It checks
at most one frame every ``every_s`` seconds of stream time (SIFT, a VLAD shortlist and a
few verifications cost ~0.1-0.3 s a frame on one core; face detection as much again), and
reports each stored item at most once per ``cooldown_s``. A sighting carries the evidence a
reviewer needs ("same place as <path> (item <id>, group <group>), 214 inliers") and becomes
a ``review`` decision of the stream monitor (``StreamMonitor.on_sightings``); it is never a
reason to terminate a stream on its own.

``LiveIndex`` is what every stream's linker reads: the store's VLAD vectors as one float32
matrix (128 KB a view, 1.25 GB for 10,000 pictures) or, with ``half=True``, float16 as
stored (half the memory, but each query converts the matrix in chunks: about 34x slower a
query, ``bench/link_memory.py``), its face embeddings and the groups, loaded once and
shared (read-only) by the linkers of all streams a process watches.
``safeguard stream watch --link-store DIR`` wires it in (docs/link.md, "Live streams").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.link.common import DEFAULT_COMMON, CommonOptions
from safeguard.link.extract import picture_tiles
from safeguard.link.faces import DEFAULT_FACE_THRESHOLD, detect_faces, faces_available
from safeguard.link.features import FeatureOptions, PlaceFeatures, features_from_pixels
from safeguard.link.guided import plain_part
from safeguard.link.linking import (
    DEFAULT_ATTACH,
    AttachOptions,
    LinkOptions,
    Neighbourhoods,
    agreed,
    cached_features,
    groups,
    guided_to_stored,
    place_vector,
    refused_sighting,
    similarities,
    stored_burnt_in,
    stored_overlay_mask,
)
from safeguard.link.objects import DEFAULT_HUB, HubOptions, word_energy
from safeguard.link.overlays import (
    DEFAULT_OVERLAY,
    BurntIn,
    OverlayOptions,
    frame_bins,
    overlay_mask,
)
from safeguard.link.store import LinkStore
from safeguard.link.tiles import DEFAULT_TILES, TileOptions
from safeguard.link.verify import DEFAULT_VERIFY, Verification, VerifyOptions, verify

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class PlaceSighting:
    stream_ts: float
    item: str
    path: str
    inliers: int
    model: str
    score: float
    #: Matched region in the frame (pixels of the frame as given to the linker, whose
    #: size is ``frame_size``) and in the stored picture (its original pixels).
    region_frame: Box | None
    region_item: Box | None
    #: The link group the stored item belongs to, if any.
    group: str | None = None
    frame_size: tuple[int, int] | None = None
    #: Found by attaching (``link.guided``): the frame linked to nothing plainly, and
    #: ``AttachOptions.votes`` or more pictures of one place group (three by default)
    #: agree with it under guided matching.
    guided: bool = False

    @property
    def reason(self) -> str:
        where = f"item {self.item}" + (f", group {self.group}" if self.group else "")
        how = " (guided)" if self.guided else ""
        return f"same place as {self.path} ({where}), {self.inliers} inliers{how}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "place",
            "stream_ts": round(self.stream_ts, 3),
            "item": self.item,
            "path": self.path,
            "group": self.group,
            "inliers": self.inliers,
            "model": self.model,
            "score": self.score,
            "regions": {"frame": self.region_frame, "item": self.region_item},
            "frame_size": self.frame_size,
            "guided": self.guided,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class FaceSighting:
    """A face in the frame within the face threshold of a stored face: a lead for a
    reviewer, never an identification (the model is not evaluated on children)."""

    stream_ts: float
    item: str
    path: str
    distance: float
    box_frame: Box
    box_item: Box
    group: str | None = None
    frame_size: tuple[int, int] | None = None

    @property
    def reason(self) -> str:
        where = f"item {self.item}" + (f", group {self.group}" if self.group else "")
        return f"a face like one in {self.path} ({where}), distance {self.distance:.3f}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "face",
            "stream_ts": round(self.stream_ts, 3),
            "item": self.item,
            "path": self.path,
            "group": self.group,
            "distance": round(self.distance, 4),
            "regions": {"frame": self.box_frame, "item": self.box_item},
            "frame_size": self.frame_size,
            "reason": self.reason,
        }


Sighting = PlaceSighting | FaceSighting


@dataclass(frozen=True)
class LiveIndex:
    """A link store as live linkers read it; built once, shared by every stream."""

    store: LinkStore
    #: (m, d) VLAD vectors (float32, or float16 as stored), their items and views.
    vectors: npt.NDArray[np.float32] | npt.NDArray[np.float16]
    items: npt.NDArray[np.str_]
    views: npt.NDArray[np.int32]
    face_items: npt.NDArray[np.str_]
    face_boxes: npt.NDArray[np.int32]
    face_embeddings: npt.NDArray[np.float32]
    #: Item id -> the id of the group (place groups first) it is in.
    group_of: dict[str, str]
    #: Who is linked to whom (the refusal tests' candidates leave them out).
    neighbourhoods: Neighbourhoods
    #: The vectors' squared norms by visual word (``objects.word_energy``), computed once
    #: for the refusal tests' searches (None without a codebook).
    energy: npt.NDArray[np.float32] | None = None

    @classmethod
    def load(cls, store: LinkStore, *, half: bool = False) -> LiveIndex:
        """``half``: keep the vectors in float16 (half the memory, slower queries)."""
        rows = store.global_rows()
        faces = store.face_rows()
        group_of: dict[str, str] = {}
        for g in sorted(groups(store), key=lambda g: g.kind != "place"):
            for m in g.members:
                group_of.setdefault(m, g.id)
        return cls(
            store,
            rows.vlad if half else rows.vlad.astype(np.float32),
            rows.item,
            rows.view,
            faces.item,
            faces.box,
            faces.embedding,
            group_of,
            Neighbourhoods.of(store.links.values()),
            None if store.codebook is None else word_energy(rows.vlad, len(store.codebook)),
        )

    def path(self, item: str) -> str:
        info = self.store.items.get(item)
        return info.path if info else item

    def top_items(self, query: npt.NDArray[np.float32], k: int) -> list[tuple[str, int]]:
        """The ``k`` items whose best view is most similar to ``query``: (item, view)."""
        if len(self.items) == 0:
            return []
        q = query.astype(np.float32)
        if self.vectors.dtype == np.float32:
            sims = self.vectors @ q
        else:
            sims = similarities(self.vectors, q[None, :])[0]
        out: list[tuple[str, int]] = []
        taken: set[str] = set()
        for i in np.argsort(-sims):
            item = str(self.items[i])
            if item in taken:
                continue
            taken.add(item)
            out.append((item, int(self.views[i])))
            if len(out) >= k:
                break
        return out


class LiveLinker:
    """One stream's linker (it remembers what it reported); ``index`` may be shared."""

    def __init__(
        self,
        index: LiveIndex | LinkStore,
        *,
        every_s: float = 2.0,
        cooldown_s: float = 300.0,
        candidates: int = 5,
        faces: bool | None = None,
        face_threshold: float = DEFAULT_FACE_THRESHOLD,
        features: FeatureOptions | None = None,
        verify_options: VerifyOptions = DEFAULT_VERIFY,
        overlay: OverlayOptions = DEFAULT_OVERLAY,
        hub: HubOptions = DEFAULT_HUB,
        common: CommonOptions = DEFAULT_COMMON,
        attach: AttachOptions = DEFAULT_ATTACH,
        tiles: TileOptions | None = DEFAULT_TILES,
    ) -> None:
        self.index = index if isinstance(index, LiveIndex) else LiveIndex.load(index)
        # A recorder's quad split or a grid of feeds: each tile is checked as a frame of
        # its own after the whole frame (``link.tiles``), as ``link build`` makes tiles
        # views of their own; None: the whole frame only.
        self.tiles = tiles
        self.store = self.index.store
        self.every_s = every_s
        self.cooldown_s = cooldown_s
        self.candidates = candidates
        # Faces: on when the store has some and the [faces] extra is installed.
        self.faces = (
            len(self.index.face_items) > 0 and faces_available() if faces is None else faces
        )
        self.face_threshold = face_threshold
        self.features = features or FeatureOptions()
        self.verify_options = verify_options
        # Burnt-in overlays (``link.overlays``), as ``link build`` and ``link query`` drop
        # them: a stream's own caption or app interface at the frame position a stored
        # picture has it is no evidence of the same place.
        self.burnt = stored_burnt_in(self.store, overlay)
        # The shared-object and common-content tests, as ``link build`` and ``link query``
        # refuse links with them (``linking.refused_sighting``): an app's interface outside
        # the burnt-in bins, a poster or a surface found in many stored places, is no
        # sighting of one of them.
        # Attaching (``linking.attach_links``), as ``link build`` and ``link query`` do: a
        # frame that links to nothing plainly, its near misses among the ``candidates``
        # verified again guided, is a sighting of the place group that two or more of
        # them agree on when no other group's picture does.
        self.options = LinkOptions(
            verify=verify_options, hub=hub, common=common, overlay=overlay, attach=attach
        )
        self._last_checked: float | None = None
        self._last_reported: dict[tuple[str, str], float] = {}

    def on_frame(self, rgb: npt.NDArray[np.uint8], stream_ts: float) -> list[Sighting]:
        """Sightings of stored places and faces in this frame (empty when not checked)."""
        if self._last_checked is not None and stream_ts - self._last_checked < self.every_s:
            return []
        self._last_checked = stream_ts
        size = (int(rgb.shape[1]), int(rgb.shape[0]))
        out: list[Sighting] = [*self._places(rgb, stream_ts, size)]
        if self.faces and len(self.index.face_items):
            out += self._faces(rgb, stream_ts, size)
        return out

    def _due(self, kind: str, item: str, stream_ts: float) -> bool:
        last = self._last_reported.get((kind, item))
        return last is None or stream_ts - last >= self.cooldown_s

    def _places(
        self, rgb: npt.NDArray[np.uint8], stream_ts: float, size: tuple[int, int]
    ) -> list[PlaceSighting]:
        codebook = self.store.codebook
        if codebook is None or len(self.index.items) == 0:
            return []
        frames = [features_from_pixels(rgb, self.features)]
        if self.tiles is not None:
            for x0, y0, x1, y1 in picture_tiles(rgb, self.tiles, self.features.max_side):
                tile = features_from_pixels(rgb[y0:y1, x0:x1], self.features)
                frames.append(dataclasses.replace(tile, origin=(x0, y0)))
        out: list[PlaceSighting] = []
        for frame in frames:  # an item sighted in one is not reported again (``_due``)
            out += self._places_in(frame, stream_ts, size, codebook)
        return sorted(out, key=lambda s: -s.inliers)

    def _places_in(
        self,
        frame: PlaceFeatures,
        stream_ts: float,
        size: tuple[int, int],
        codebook: npt.NDArray[np.float32],
    ) -> list[PlaceSighting]:
        """Sightings in one frame or tile of a frame (regions in the frame's pixels)."""
        rootsift = frame.rootsift()
        q = place_vector(rootsift, codebook, self.store.unbursty)
        burnt = self.burnt if self.burnt is not None and len(self.burnt.bins) else None
        mine = (
            None
            if burnt is None
            else overlay_mask(frame_bins(frame, codebook, burnt.grid), burnt.bins)
        )
        out = []
        misses: list[tuple[str, int, Verification]] = []
        for item, view in self.index.top_items(q, self.candidates):
            if not self._due("place", item, stream_ts):
                continue
            stored = cached_features(str(self.store.root), item)[view][0]
            v = verify(
                frame,
                stored,
                self.verify_options,
                rootsift_a=rootsift,
                overlay_a=mine,
                overlay_b=stored_overlay_mask(str(self.store.root), item, view, burnt),
            )
            if not v.linked:
                misses.append((item, view, v))
                continue
            if refused_sighting(
                self.store,
                self.store.global_rows(),
                self.index.neighbourhoods,
                (frame, rootsift, mine),
                item,
                view,
                v,
                self.options,
                burnt,
                vectors=self.index.vectors,
                energy=self.index.energy,
            ):
                continue
            self._last_reported[("place", item)] = stream_ts
            out.append(
                PlaceSighting(
                    stream_ts,
                    item,
                    self.index.path(item),
                    v.inliers,
                    v.model,
                    v.score,
                    v.region_a,
                    v.region_b,
                    self.index.group_of.get(item),
                    size,
                )
            )
        if not out and misses and self.options.attach.candidates > 0:
            out = self._attach(frame, rootsift, mine, burnt, misses, stream_ts, size)
        return out

    def _attach(
        self,
        frame: PlaceFeatures,
        rootsift: npt.NDArray[np.float32],
        mine: npt.NDArray[np.bool_] | None,
        burnt: BurntIn | None,
        misses: list[tuple[str, int, Verification]],
        stream_ts: float,
        size: tuple[int, int],
    ) -> list[PlaceSighting]:
        root = str(self.store.root)
        votes: dict[str, list[tuple[PlaceSighting, int, Verification]]] = {}
        for item, view, v in misses:
            group = self.index.group_of.get(item)
            if group is None or not group.startswith("place-"):
                continue
            w = guided_to_stored(root, (frame, rootsift, mine), item, view, v, self.options, burnt)
            if w is None or not w.linked:
                continue
            votes.setdefault(group, []).append((
                PlaceSighting(
                    stream_ts, item, self.index.path(item), w.inliers, w.model, w.score,
                    w.region_a, w.region_b, group, size, guided=True,
                ),
                view,
                w,
            ))  # fmt: skip
        agreeing = agreed(votes, self.options.attach.votes)
        # The refusal tests on the agreed links, as ``linking.attach_links`` does.
        found = [
            s
            for s, view, w in agreeing
            if not self.options.attach.tests
            or refused_sighting(
                self.store,
                self.store.global_rows(),
                self.index.neighbourhoods,
                (frame, rootsift, mine),
                s.item,
                view,
                plain_part(
                    w, rootsift, cached_features(root, s.item)[view][1], self.verify_options
                ),
                self.options,
                burnt,
                vectors=self.index.vectors,
                energy=self.index.energy,
                attaching=True,
            )
            is None
        ]
        if len(found) < self.options.attach.votes:
            return []
        for s in found:
            self._last_reported[("place", s.item)] = stream_ts
        return found

    def _faces(
        self, rgb: npt.NDArray[np.uint8], stream_ts: float, size: tuple[int, int]
    ) -> list[FaceSighting]:
        best: dict[str, FaceSighting] = {}
        for face in detect_faces(rgb):
            d = np.linalg.norm(self.index.face_embeddings - face.embedding, axis=1)
            for j in np.flatnonzero(d <= self.face_threshold):
                item = str(self.index.face_items[j])
                if not self._due("face", item, stream_ts):
                    continue
                if item in best and best[item].distance <= float(d[j]):
                    continue
                box_item = tuple(int(x) for x in self.index.face_boxes[j])
                best[item] = FaceSighting(
                    stream_ts,
                    item,
                    self.index.path(item),
                    float(d[j]),
                    face.box,
                    (box_item[0], box_item[1], box_item[2], box_item[3]),
                    self.index.group_of.get(item),
                    size,
                )
        for item in best:
            self._last_reported[("face", item)] = stream_ts
        return sorted(best.values(), key=lambda s: s.distance)


def linker_factory(path: str | Path, *, every_s: float = 2.0) -> Callable[[], LiveLinker]:
    """One ``LiveLinker`` per stream over one shared, read-only view of the link store at
    ``path`` (loaded once, here: a missing or unreadable store raises its ``LinkStore`` error
    now, not when a stream starts)."""
    index = LiveIndex.load(LinkStore.open(Path(path)))
    return lambda: LiveLinker(index, every_s=every_s)

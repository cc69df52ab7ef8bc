"""The link store: a folder that keeps what linking needs, in plain documented files.

Why a folder and not the database: the bulk of it is numeric arrays (SIFT descriptors,
~200 KB a picture; VLAD vectors; face embeddings) that are read whole by workers and by
the shortlist, never queried by field; numpy files read them with no copy and no pickle,
and an analyst can open them with any numpy. Links and items are JSON lines, readable
and appendable. Layout (``docs/link.md``)::

    store.json            {"format": "safeguard-link-store", "version": 1, "words": k,
                           "global": "vlad-unbursty", ...} (no "global": plain VLAD)
    codebook.npy          (k, 128) float32 VLAD codebook, learned at creation
    features/<id>.npz     points_<v> (n, 2) float32, descriptors_<v> (n, 128) uint8 per view
    global/<seq>.npz      item (m,) str, view (m,) int32, vlad (m, k*128) float16
    faces/<seq>.npz       item, view, box (f, 4) int32, embedding (f, 128) float32,
                          frames (f,) int32 (a video's face: one row per track)
    links.jsonl           one verified link a line (place or face), with its evidence,
                          or a withdrawal of an earlier one ({"withdrawn": true,
                          "kind", "a", "b", "at"}: a later build's refusal test turned
                          it down, ``LinkStore.withdraw_links``); read in order
    objects.jsonl         one refused place link a line that rested on a shared object,
                          with the third pictures holding it (``link.objects``), or on
                          common content, with its specific inliers (``link.common``),
                          or on a template two places share, with what each side
                          misses of the other (``link.conflict``)
    items.jsonl           one item a line; written last, so a line means the item is whole
    nearest.npz           what each view's shortlist query found, for later builds' reverse
                          neighbours (``linking.first_round``): item (m,) str, view (m,)
                          int32, expand_item (m, e) str and expand_view (m, e) int32 (the
                          views its query was expanded with; "" and -1 pad), top (m, k)
                          float32 (its k nearest items' similarities, best first; NaN pads);
                          rewritten whole by each build, left out by ``link upgrade``
    framebins/<seq>.npz   item (m,) str, offsets (m + 1,) int64, bins int64, grid (): each
                          item's frame bins (visual word and frame cell of its keypoints,
                          ``link.overlays``), for finding burnt-in overlays
    votes.npz             the descriptor-vote index (``link.votes``): index (b,) uint8 (a
                          FAISS index, serialised), item (r,) int32 and view (r,) int32
                          (each row's item, a position in items, and view), items (i,) str,
                          planned () and descriptors () int64; rewritten whole by each
                          build that votes, made again when missing or damaged

Writers take an exclusive ``flock`` on ``.lock``; numpy files are written to a temporary
name and renamed. Every array file is read with ``allow_pickle=False``.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.errors import Busy, Conflict, InvalidInput, NotFound
from safeguard.link.features import PlaceFeatures
from safeguard.signals.vlad import DEFAULT_WORDS

FORMAT = "safeguard-link-store"
VERSION = 1
#: ``store.json``'s "global" for stores whose VLAD rows leave out bursts.
UNBURSTY_VLAD = "vlad-unbursty"
F32 = npt.NDArray[np.float32]


class LinkStoreError(InvalidInput):
    code = "link_store_invalid"


class LinkStoreMissing(NotFound):
    code = "link_store_missing"


class LinkStoreBusy(Busy):
    code = "link_store_busy"


class LinkStoreMismatch(Conflict):
    code = "link_store_mismatch"


@dataclass(frozen=True, slots=True)
class ViewInfo:
    ts: float | None
    width: int
    height: int
    scale: float
    keypoints: int
    #: A composite picture's tile (``link.tiles``): where it lies in the picture.
    origin: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class ItemInfo:
    id: str
    path: str
    kind: str
    views: tuple[ViewInfo, ...]
    faces: int
    added: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "kind": self.kind,
            "faces": self.faces,
            "views": [
                {
                    "ts": v.ts,
                    "width": v.width,
                    "height": v.height,
                    "scale": v.scale,
                    "keypoints": v.keypoints,
                }
                | ({"origin": list(v.origin)} if v.origin != (0, 0) else {})
                for v in self.views
            ],
            "added": self.added,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> ItemInfo:
        views = tuple(
            ViewInfo(
                v.get("ts"),
                int(v["width"]),
                int(v["height"]),
                float(v["scale"]),
                int(v["keypoints"]),
                _origin(v.get("origin")),
            )
            for v in obj["views"]
        )
        return cls(
            str(obj["id"]),
            str(obj["path"]),
            str(obj["kind"]),
            views,
            int(obj.get("faces", 0)),
            str(obj.get("added", "")),
        )


@dataclass(frozen=True, slots=True)
class Nearest:
    """What one view's shortlist query found (``nearest.npz``): the views its query was
    expanded with, and the similarities of its nearest items, best first."""

    expand: tuple[tuple[str, int], ...]
    top: tuple[float, ...]


#: The stages of a build that offer pairs for verification (``Link.found_by``): the new
#: views' nearest VLAD vectors (``shortlist``), their mirrored vectors' (``mirrored``),
#: the second round's expanded queries (``second_round``), descriptor votes for
#: pictures still alone (``votes``), the deep round's further nearest items for pictures
#: still alone (``deep``) and attaching a picture alone to a place group by guided
#: matching (``attach``).
FOUND_BY = ("shortlist", "mirrored", "second_round", "votes", "deep", "attach")


@dataclass(frozen=True, slots=True)
class Link:
    """One suggested link between two items, with the evidence a reviewer can check."""

    kind: str  # "place" | "face"
    a: str
    b: str
    score: float
    view_a: int = 0
    view_b: int = 0
    inliers: int | None = None
    #: Tentative correspondences the inliers were found among.
    matches: int | None = None
    model: str | None = None
    distance: float | None = None
    region_a: tuple[int, int, int, int] | None = None
    region_b: tuple[int, int, int, int] | None = None
    #: Face links: keyframes each side's face was seen in (a video's face track; 1 for
    #: a picture).
    frames: tuple[int, int] | None = None
    #: Place links: inliers distinctive within their own pictures, and the grid cells
    #: they fall in (``link.verify``; absent in links stored before these tests).
    distinct: int | None = None
    cells: int | None = None
    #: Place links: the share of the shared view their matched planar regions cover
    #: (``link.verify.planar_regions``; absent when not measured, and in older stores).
    region_cover: float | None = None
    #: Place links: b was matched as its mirror image (a mirrored picture of the place).
    mirrored: bool = False
    #: Place links: made by attaching a picture nothing else linked to (``link.guided``,
    #: ``linking.attach_links``), its inliers found by guided matching.
    guided: bool = False
    #: Place links: the share of the link's inliers that are the pair's own, found in no
    #: other place (``link.common``, the smaller side's, by region); absent when the
    #: common-content test did not count the link (older stores, links attached before
    #: ``AttachOptions.tests``, builds with the test off). For an attached link it is
    #: counted over its plain inliers (``guided.plain_part``).
    own_share: float | None = None
    #: Place links: the stage that offered the pair for verification (``FOUND_BY``);
    #: absent in older stores and for links made outside a build (live linking).
    found_by: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        a, b = sorted((self.a, self.b))
        return (self.kind, a, b)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"a": self.a, "b": self.b, "kind": self.kind, "score": self.score}
        if self.inliers is not None:
            out["inliers"] = self.inliers
            out["matches"] = self.matches
            out["model"] = self.model
        if self.distinct is not None:
            out["distinct"] = self.distinct
            out["cells"] = self.cells
        if self.region_cover is not None:
            out["region_cover"] = self.region_cover
        if self.mirrored:
            out["mirrored"] = True
        if self.guided:
            out["guided"] = True
        if self.own_share is not None:
            out["own_share"] = self.own_share
        if self.found_by is not None:
            out["found_by"] = self.found_by
        if self.distance is not None:
            out["distance"] = self.distance
        if self.frames is not None:
            out["frames"] = list(self.frames)
        out["views"] = [self.view_a, self.view_b]
        out["regions"] = {"a": self.region_a, "b": self.region_b}
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Link:
        regions = obj.get("regions") or {}
        views = obj.get("views") or [0, 0]
        frames = obj.get("frames")

        def box(v: Any) -> tuple[int, int, int, int] | None:
            return None if v is None else (int(v[0]), int(v[1]), int(v[2]), int(v[3]))

        return cls(
            kind=str(obj["kind"]),
            a=str(obj["a"]),
            b=str(obj["b"]),
            score=float(obj["score"]),
            view_a=int(views[0]),
            view_b=int(views[1]),
            inliers=None if obj.get("inliers") is None else int(obj["inliers"]),
            matches=None if obj.get("matches") is None else int(obj["matches"]),
            model=obj.get("model"),
            distance=None if obj.get("distance") is None else float(obj["distance"]),
            region_a=box(regions.get("a")),
            region_b=box(regions.get("b")),
            frames=None if not frames else (int(frames[0]), int(frames[1])),
            distinct=None if obj.get("distinct") is None else int(obj["distinct"]),
            cells=None if obj.get("cells") is None else int(obj["cells"]),
            region_cover=(None if obj.get("region_cover") is None else float(obj["region_cover"])),
            mirrored=bool(obj.get("mirrored", False)),
            guided=bool(obj.get("guided", False)),
            own_share=None if obj.get("own_share") is None else float(obj["own_share"]),
            found_by=None if obj.get("found_by") is None else str(obj["found_by"]),
        )


@dataclass(frozen=True, slots=True)
class FaceRows:
    item: npt.NDArray[np.str_]
    view: npt.NDArray[np.int32]
    box: npt.NDArray[np.int32]
    embedding: F32
    #: Keyframes the face was seen in: a video's face is a track, one row with the
    #: track's mean embedding (``link.tracks``); a picture's face counts 1.
    frames: npt.NDArray[np.int32]

    @classmethod
    def empty(cls) -> FaceRows:
        return cls(
            np.zeros(0, "U16"),
            np.zeros(0, np.int32),
            np.zeros((0, 4), np.int32),
            np.zeros((0, 128), np.float32),
            np.zeros(0, np.int32),
        )


@dataclass(frozen=True, slots=True)
class GlobalRows:
    item: npt.NDArray[np.str_]
    view: npt.NDArray[np.int32]
    vlad: npt.NDArray[np.float16]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _save_npz(path: Path, **arrays: npt.NDArray[Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        np.savez(f, **arrays)  # type: ignore[arg-type]
    os.replace(tmp, path)


def _load_npz(path: Path) -> dict[str, npt.NDArray[Any]]:
    try:
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise LinkStoreError(f"{path}: unreadable array file ({e})") from None


def _origin(value: Any) -> tuple[int, int]:
    if value is None:
        return (0, 0)
    x, y = value
    return (int(x), int(y))


def _read_nearest(
    a: dict[str, npt.NDArray[Any]], items: dict[str, ItemInfo]
) -> dict[tuple[str, int], Nearest]:
    """``nearest.npz``'s arrays as records, for ``items`` only."""
    out: dict[tuple[str, int], Nearest] = {}
    n = len(a["item"])
    if not (len(a["view"]) == len(a["expand_item"]) == len(a["expand_view"]) == len(a["top"]) == n):
        raise ValueError("nearest.npz: arrays of different lengths")
    for r in range(n):
        item = str(a["item"][r])
        if item not in items:
            continue
        expand = tuple(
            (str(i), int(v))
            for i, v in zip(a["expand_item"][r], a["expand_view"][r], strict=True)
            if v >= 0
        )
        top = tuple(float(x) for x in a["top"][r] if np.isfinite(x))
        out[(item, int(a["view"][r]))] = Nearest(expand, top)
    return out


def load_features(root: Path, item_id: str, info: ItemInfo | None = None) -> list[PlaceFeatures]:
    """The views' SIFT features of one item (usable on a worker: only reads files)."""
    arrays = _load_npz(Path(root) / "features" / f"{item_id}.npz")
    # (views, 3): width, height, scale; (views, 5) with a tile's origin x, y.
    meta = arrays["meta"]
    out = []
    for v in range(len(meta)):
        out.append(
            PlaceFeatures(
                arrays[f"points_{v}"].astype(np.float32),
                arrays[f"descriptors_{v}"].astype(np.uint8),
                int(meta[v, 0]),
                int(meta[v, 1]),
                float(meta[v, 2]),
                (int(meta[v, 3]), int(meta[v, 4])) if meta.shape[1] >= 5 else (0, 0),
            )
        )
    return out


class LinkStore:
    """An open link store folder. Reading needs no lock; ``writing()`` takes it."""

    def __init__(self, root: Path, meta: dict[str, Any]) -> None:
        self.root = root
        self.meta = meta
        self.items: dict[str, ItemInfo] = {}
        self.links: dict[tuple[str, str, str], Link] = {}
        self._global: list[GlobalRows] = []
        self._faces: list[FaceRows] = []
        #: Each counted item's distinct frame bins (``link.overlays``), by grid size.
        self._frame_bins: dict[str, tuple[int, npt.NDArray[np.int64]]] = {}
        self.codebook: F32 | None = None
        self._nearest: dict[tuple[str, int], Nearest] | None = None
        self._reload()

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls, root: str | Path, *, create: bool = False, words: int = DEFAULT_WORDS
    ) -> LinkStore:
        root = Path(root)
        meta_path = root / "store.json"
        if not meta_path.exists():
            if not create:
                raise LinkStoreMissing(f"{root}: no link store here (run 'safeguard link build')")
            if root.exists() and any(root.iterdir()):
                raise LinkStoreError(f"{root}: exists, is not empty and is not a link store")
            for sub in ("features", "global", "faces", "framebins"):
                (root / sub).mkdir(parents=True, exist_ok=True)
            meta = {
                "format": FORMAT,
                "version": VERSION,
                "words": words,
                "global": UNBURSTY_VLAD,
                "created": _now(),
            }
            meta_path.write_text(json.dumps(meta, indent=1) + "\n")
        try:
            meta = json.loads(meta_path.read_text())
        except (OSError, ValueError) as e:
            raise LinkStoreError(f"{meta_path}: unreadable ({e})") from None
        if meta.get("format") != FORMAT or meta.get("version") != VERSION:
            raise LinkStoreError(f"{root}: not a version-{VERSION} {FORMAT}")
        return cls(root, meta)

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """What the store's files are now: each file's name, size and modification time
        (the arrays' folders included). A write to the store (a build, a withdrawn link,
        a new vote index) changes it; reading does not."""
        return fingerprint(self.root)

    @property
    def unbursty(self) -> bool:
        """Whether this store's global vectors leave out bursts (``signals.vlad.unbursty``).
        Stores made before that keep plain VLAD, so their rows and new queries agree."""
        return self.meta.get("global") == UNBURSTY_VLAD

    def _reload(self) -> None:
        self.items = {}
        for obj in self._jsonl("items.jsonl"):
            info = ItemInfo.from_json(obj)
            self.items[info.id] = info
        self.links = {}
        for obj in self._jsonl("links.jsonl"):
            if obj.get("withdrawn"):
                ends = sorted((str(obj["a"]), str(obj["b"])))
                self.links.pop((str(obj["kind"]), ends[0], ends[1]), None)
                continue
            link = Link.from_json(obj)
            if link.a in self.items and link.b in self.items:
                self.links.setdefault(link.key, link)
        cb = self.root / "codebook.npy"
        self.codebook = np.load(cb, allow_pickle=False) if cb.exists() else None
        self._nearest = None
        self._global = []
        for seg in sorted((self.root / "global").glob("*.npz")):
            a = _load_npz(seg)
            keep = np.isin(a["item"], list(self.items))
            self._global.append(GlobalRows(a["item"][keep], a["view"][keep], a["vlad"][keep]))
        self._frame_bins = {}
        for seg in sorted((self.root / "framebins").glob("*.npz")):
            a = _load_npz(seg)
            grid = int(a["grid"])
            for n, item in enumerate(a["item"]):
                if str(item) in self.items:
                    bins = a["bins"][int(a["offsets"][n]) : int(a["offsets"][n + 1])]
                    self._frame_bins[str(item)] = (grid, bins.astype(np.int64))
        self._faces = []
        for seg in sorted((self.root / "faces").glob("*.npz")):
            a = _load_npz(seg)
            keep = np.isin(a["item"], list(self.items))
            self._faces.append(
                FaceRows(
                    a["item"][keep],
                    a["view"][keep],
                    a["box"][keep],
                    a["embedding"][keep],
                    # Stores written before tracks had one row per detected face.
                    a["frames"][keep] if "frames" in a else np.ones(int(keep.sum()), np.int32),
                )
            )

    def _jsonl(self, name: str) -> Iterator[dict[str, Any]]:
        path = self.root / name
        if not path.exists():
            return
        with path.open() as f:
            for line in f:
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue  # a line cut short by a crash; its item is re-done on the next run
                if isinstance(obj, dict):
                    yield obj

    # --- writing -----------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[LinkStore]:
        with (self.root / ".lock").open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LinkStoreBusy(f"{self.root}: another build is writing this store") from None
            try:
                self._reload()
                yield self
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def set_meta(self, **values: Any) -> None:
        """Add ``values`` to ``store.json`` (written to a temporary name and renamed)."""
        self.meta = {**self.meta, **values}
        tmp = self.root / "store.json.tmp"
        tmp.write_text(json.dumps(self.meta, indent=1) + "\n")
        os.replace(tmp, self.root / "store.json")

    def set_codebook(self, codebook: F32) -> None:
        if self.codebook is not None:
            raise LinkStoreMismatch(f"{self.root}: the codebook is set already")
        tmp = self.root / "codebook.npy.tmp"
        with tmp.open("wb") as f:
            np.save(f, codebook.astype(np.float32), allow_pickle=False)
        os.replace(tmp, self.root / "codebook.npy")
        self.codebook = codebook.astype(np.float32)

    def write_features(self, item_id: str, views: Iterable[PlaceFeatures]) -> None:
        arrays: dict[str, npt.NDArray[Any]] = {}
        meta = []
        for v, f in enumerate(views):
            arrays[f"points_{v}"] = f.points.astype(np.float32)
            arrays[f"descriptors_{v}"] = f.descriptors.astype(np.uint8)
            meta.append((f.width, f.height, f.scale, *f.origin))
        arrays["meta"] = np.array(meta, np.float64).reshape(-1, 5)
        _save_npz(self.root / "features" / f"{item_id}.npz", **arrays)

    def _next_segment(self, sub: str) -> Path:
        existing = [int(p.stem) for p in (self.root / sub).glob("*.npz") if p.stem.isdigit()]
        return self.root / sub / f"{max(existing, default=0) + 1:06d}.npz"

    def add_global(self, rows: GlobalRows) -> None:
        if len(rows.item):
            _save_npz(self._next_segment("global"), item=rows.item, view=rows.view, vlad=rows.vlad)
            self._global.append(rows)

    def nearest(self) -> dict[tuple[str, int], Nearest]:
        """Each stored view's shortlist record (``nearest.npz``), by (item, view); views
        without one (stores made before it, copies made by ``link upgrade``) are missing."""
        if self._nearest is None:
            self._nearest = {}
            path = self.root / "nearest.npz"
            if path.exists():
                try:
                    self._nearest = _read_nearest(_load_npz(path), self.items)
                except (LinkStoreError, KeyError, ValueError, TypeError, IndexError):
                    # A record, not data: without it each view asks anew at the next
                    # build (as in a store made before it), which rewrites the file.
                    self._nearest = {}
        return self._nearest

    def set_nearest(self, records: dict[tuple[str, int], Nearest]) -> None:
        """Replace ``nearest.npz`` with ``records`` (written to a temporary name and
        renamed)."""
        keys = sorted(records)
        e = max((len(records[k].expand) for k in keys), default=0)
        t = max((len(records[k].top) for k in keys), default=0)
        width = max((len(i) for k in keys for i, _ in records[k].expand), default=1)
        expand_item = np.full((len(keys), e), "", f"U{width}")
        expand_view = np.full((len(keys), e), -1, np.int32)
        top = np.full((len(keys), t), np.nan, np.float32)
        for n, k in enumerate(keys):
            r = records[k]
            for j, (item, view) in enumerate(r.expand):
                expand_item[n, j], expand_view[n, j] = item, view
            top[n, : len(r.top)] = r.top
        _save_npz(
            self.root / "nearest.npz",
            item=np.array([k[0] for k in keys], str).reshape(-1),
            view=np.array([k[1] for k in keys], np.int32).reshape(-1),
            expand_item=expand_item,
            expand_view=expand_view,
            top=top,
        )
        self._nearest = dict(records)

    def vote_index_arrays(self) -> dict[str, npt.NDArray[Any]] | None:
        """``votes.npz``'s arrays, or None when there is none or it does not read (it is
        made again from the features: ``link.votes``)."""
        path = self.root / "votes.npz"
        if not path.exists():
            return None
        try:
            return _load_npz(path)
        except LinkStoreError:
            return None

    def set_vote_index_arrays(self, arrays: dict[str, npt.NDArray[Any]]) -> None:
        """Replace ``votes.npz`` (written to a temporary name and renamed)."""
        _save_npz(self.root / "votes.npz", **arrays)

    def add_frame_bins(self, grid: int, bins: dict[str, npt.NDArray[np.int64]]) -> None:
        """Record items' distinct frame bins (``link.overlays.frame_bins``). Bins of an
        item not (yet) in ``items.jsonl`` are not counted when the store is read again."""
        if not bins:
            return
        (self.root / "framebins").mkdir(exist_ok=True)
        ids = list(bins)
        arrays = [np.unique(bins[i]).astype(np.int64) for i in ids]
        offsets = np.concatenate([[0], np.cumsum([len(a) for a in arrays])]).astype(np.int64)
        _save_npz(
            self._next_segment("framebins"),
            item=np.array(ids, "U16"),
            offsets=offsets,
            bins=np.concatenate(arrays) if arrays else np.zeros(0, np.int64),
            grid=np.array(grid, np.int64),
        )
        for i, a in zip(ids, arrays, strict=True):
            self._frame_bins[i] = (grid, a)

    def frame_bin_counts(self, grid: int, words: int) -> tuple[npt.NDArray[np.int64], int]:
        """For each frame bin, the stored items holding it, and the items counted (those
        whose bins were recorded with this ``grid``)."""
        held = [b for g, b in self._frame_bins.values() if g == grid]
        size = words * grid * grid
        if not held:
            return np.zeros(size, np.int64), 0
        counts = np.bincount(np.concatenate(held), minlength=size)[:size]
        return counts.astype(np.int64), len(held)

    def frame_bins_of(self, item_id: str, grid: int) -> npt.NDArray[np.int64] | None:
        """An item's distinct frame bins at ``grid`` as counted (None: not counted)."""
        got = self._frame_bins.get(item_id)
        return got[1] if got is not None and got[0] == grid else None

    def has_frame_bins(self, item_id: str) -> bool:
        return item_id in self._frame_bins

    def add_faces(self, rows: FaceRows) -> None:
        if len(rows.item):
            _save_npz(
                self._next_segment("faces"),
                item=rows.item,
                view=rows.view,
                box=rows.box,
                embedding=rows.embedding,
                frames=rows.frames,
            )
            self._faces.append(rows)

    def add_links(self, links: Iterable[Link]) -> None:
        fresh = [link for link in links if link.key not in self.links]
        self._append("links.jsonl", (link.to_json() for link in fresh))
        for link in fresh:
            self.links[link.key] = link

    def withdraw_links(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Withdraw stored links (a later build's test refused them): a withdrawal line
        each in ``links.jsonl``, which keeps the link's own line for the record."""
        keys = [k for k in keys if k in self.links]
        at = _now()
        self._append(
            "links.jsonl",
            ({"withdrawn": True, "kind": k, "a": a, "b": b, "at": at} for k, a, b in keys),
        )
        for k in keys:
            del self.links[k]

    def add_shared_objects(self, records: Iterable[dict[str, Any]]) -> None:
        """Append refused links that rested on a shared object (``link.objects``)."""
        self._append("objects.jsonl", records)

    def shared_objects(self) -> list[dict[str, Any]]:
        """The refused links that rested on a shared object, oldest first."""
        return list(self._jsonl("objects.jsonl"))

    def add_items(self, items: Iterable[ItemInfo]) -> None:
        items = list(items)
        self._append("items.jsonl", (i.to_json() for i in items))
        for i in items:
            self.items[i.id] = i

    def _append(self, name: str, objs: Iterable[dict[str, Any]]) -> None:
        with (self.root / name).open("a") as f:
            for obj in objs:
                f.write(json.dumps(obj, separators=(",", ":")) + "\n")
            f.flush()
            os.fsync(f.fileno())

    # --- reading -----------------------------------------------------------------------

    def features(self, item_id: str) -> list[PlaceFeatures]:
        return load_features(self.root, item_id)

    def global_rows(self) -> GlobalRows:
        if not self._global:
            words = int(self.meta.get("words", 64))
            dim = (len(self.codebook) if self.codebook is not None else words) * 128
            return GlobalRows(
                np.zeros(0, "U16"), np.zeros(0, np.int32), np.zeros((0, dim), np.float16)
            )
        if len(self._global) > 1:
            # Joined once and kept joined: the segments and a joined copy would hold every
            # vector twice (1.25 GB instead of 625 MB at 10,000 pictures).
            self._global = [
                GlobalRows(
                    np.concatenate([g.item for g in self._global]),
                    np.concatenate([g.view for g in self._global]),
                    np.concatenate([g.vlad for g in self._global]),
                )
            ]
        return self._global[0]

    def face_rows(self) -> FaceRows:
        if not self._faces:
            return FaceRows.empty()
        return FaceRows(
            np.concatenate([f.item for f in self._faces]),
            np.concatenate([f.view for f in self._faces]),
            np.concatenate([f.box for f in self._faces]),
            np.concatenate([f.embedding for f in self._faces]),
            np.concatenate([f.frames for f in self._faces]),
        )


@dataclass
class Group:
    id: str
    kind: str
    members: list[str]
    links: list[Link] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "members": self.members,
            "links": [link.to_json() for link in self.links],
        }


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """``LinkStore.fingerprint`` of the store folder ``root``."""
    out: list[tuple[str, int, int]] = []
    for sub in ("", "global", "faces", "framebins"):
        folder = root / sub if sub else root
        try:
            entries = sorted(os.scandir(folder), key=lambda d: d.name)
        except OSError:
            continue
        for d in entries:
            if d.is_file():
                st = d.stat()
                out.append((f"{sub}/{d.name}" if sub else d.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


#: Stores kept open for repeated queries (the service): root -> (fingerprint, store).
_OPEN: dict[Path, tuple[tuple[tuple[str, int, int], ...], LinkStore]] = {}
_OPEN_LOCK = threading.Lock()
#: Stores kept open at once (each holds its items, links and global vectors in memory).
KEPT_OPEN = 2


def open_kept(root: str | Path) -> LinkStore:
    """The store at ``root`` for reading, kept open between calls and opened again only
    when its files have changed (``fingerprint``): a service answering queries reads a
    large store once, not at every request. The store returned is shared: callers read
    it and never write through it."""
    root = Path(root).resolve()
    now = fingerprint(root)
    with _OPEN_LOCK:
        kept = _OPEN.get(root)
        if kept is not None and kept[0] == now:
            return kept[1]
    store = LinkStore.open(root)
    with _OPEN_LOCK:
        _OPEN.pop(root, None)
        while len(_OPEN) >= KEPT_OPEN:
            _OPEN.pop(next(iter(_OPEN)))
        _OPEN[root] = (now, store)
    return store

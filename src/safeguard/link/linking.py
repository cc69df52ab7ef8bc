"""Building and querying links: extraction on workers, shortlist here, verification on
workers, links and groups into the store. Adding media links it against what is stored
already; nothing is rebuilt.

Steps of ``build``:

1. Each file's id (SHA-256 prefix) is computed here; files already in the store are
   skipped. The others go to the runner: ``extract`` gives SIFT features (and faces).
2. Features are written to the store. A new store learns its VLAD codebook from the first
   ``codebook_items`` items (a sample of their descriptors); every view then gets its
   VLAD vector.
3. Shortlist: for each new view, the ``shortlist`` most similar other items by VLAD dot
   product (over old and new items alike). Only these pairs are verified: linking N items
   costs about N * shortlist verifications instead of N * (N - 1) / 2.
4. Verification (``verify``) on the runner, in batches; verified pairs become place links.
   A second round (verified query expansion, ``second_round``): each new view is searched
   again with its vector summed with those of the views it now links to, and its
   ``second_round`` nearest items not yet linked or shortlisted with it are verified too.
5. Faces: every new face against every stored face; pairs within the threshold become
   face links (embedding distance is cheap: no shortlist needed at this scale). A video's
   face is a track over its keyframes (``tracks``): one aggregated embedding, and the
   link says how many keyframes each side was seen in (``frames``).
6. The items are written last.

Groups are derived when asked: connected components of place links, except that a single
link that is the only connection between two parts of ``BRIDGE_SIDE`` or more pictures each
does not merge them (``unmerged_links``); Chinese whispers over the face embeddings for
faces.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from safeguard.link.common import (
    DEFAULT_COMMON,
    CommonOptions,
    common_content,
    holder_counts,
    own_share,
    specific_bar,
)
from safeguard.link.conflict import (
    DEFAULT_CONFLICT,
    ConflictOptions,
    Missing,
    conflict_rule,
)
from safeguard.link.conflict import missing as missing_side
from safeguard.link.extract import Extracted, ExtractOptions, FaceEntry, extract, file_id
from safeguard.link.faces import DEFAULT_FACE_THRESHOLD, chinese_whispers, faces_available
from safeguard.link.features import PlaceFeatures, mirrored
from safeguard.link.guided import DEFAULT_GUIDED, GuidedOptions, guided_verify, plain_part
from safeguard.link.objects import (
    DEFAULT_HUB,
    HubOptions,
    holds,
    object_options,
    questioned,
    region_similarities,
    region_vector,
)
from safeguard.link.overlays import (
    DEFAULT_OVERLAY,
    BurntIn,
    OverlayOptions,
    burnt_in,
    frame_bins,
    overlay_mask,
)
from safeguard.link.runner import LocalRunner, TaskRunner
from safeguard.link.store import (
    UNBURSTY_VLAD,
    FaceRows,
    GlobalRows,
    Group,
    ItemInfo,
    Link,
    LinkStore,
    LinkStoreError,
    Nearest,
    ViewInfo,
    _now,
    load_features,
)
from safeguard.link.verify import DEFAULT_VERIFY, Box, Verification, VerifyOptions, verify
from safeguard.link.votes import (
    DEFAULT_VOTES,
    RETRAIN_GROWTH,
    DescriptorIndex,
    VoteOptions,
    build_index,
    extend_index,
    index_arrays,
    index_from_arrays,
    item_pairs,
    store_views,
    tally,
    vote_rows,
)
from safeguard.signals.files import WalkError, iter_files
from safeguard.signals.vlad import learn_codebook, unbursty, vlad

F32 = npt.NDArray[np.float32]
Progress = Callable[[str, int, int], None]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AttachOptions:
    #: Nearest items (the first shortlist round) that a new picture linked to nothing is
    #: verified against again, guided (``link.guided``; 0: no attaching).
    candidates: int = 10
    #: Pictures of one place group whose guided verification must link to it, with no
    #: picture of another group doing so. One is not enough: on the development stores
    #: guided verification linked 14 and 68 of 1,318 and 1,539 top-5 pairs of different
    #: places, where plain verification linked 2 and 7 (``link.guided``). Two were not
    #: either: on the held-out builds v26-v30 attaching made 2-12 of each build's wrong
    #: links and raised same-place pairs in one group by 0.002-0.010. Re-attached on the
    #: stored builds of v27, v29 and v30 (seen since), three refused all 12 wrong
    #: attached links and cost 0.0013-0.0061 of those pairs (bench/link_attach_votes.py).
    votes: int = 3
    guided: GuidedOptions = DEFAULT_GUIDED
    #: Put the guided links that agreed through ``build``'s refusal tests (the
    #: shared-object and common-content tests); a refused one is no vote. A guided link
    #: amplifies what its seed rests on, a catalogue fitting or a thing a view carries.
    tests: bool = True


DEFAULT_ATTACH = AttachOptions()


@dataclass(frozen=True, slots=True)
class LinkOptions:
    #: Other items verified per new view.
    shortlist: int = 5
    #: More items verified per new view after verified query expansion (0: no second
    #: round). See ``SECOND_ROUND``.
    second_round: int = 3
    verify: VerifyOptions = DEFAULT_VERIFY
    #: More items verified per new view found by its mirrored query (``MIRRORED``; 0:
    #: none).
    mirrored: int = 3
    #: A pair only the mirrored query offered links only when it verifies as a mirror
    #: image (``Verification.mirrored``). See ``MIRRORED``.
    mirrored_only_mirrored: bool = True
    #: Items verified per new item by descriptor votes (``link.votes``): its place, when
    #: the VLAD vector of a view that shows little of it misses it.
    votes: VoteOptions = DEFAULT_VOTES
    #: More items verified for a new picture that the rounds and votes linked to nothing:
    #: its nearest items by VLAD from rank ``shortlist + 1`` to ``shortlist + deep`` (0:
    #: none). See ``deep_rows``.
    deep: int = 5
    #: The shared-object test (``link.objects``): links resting on an object-sized region
    #: are searched for a third, unrelated picture holding it, and refused when one does.
    hub: HubOptions = DEFAULT_HUB
    #: The common-content test (``link.common``): a link needs inliers that are not
    #: found in many other items outside its sides' neighbourhoods.
    common: CommonOptions = DEFAULT_COMMON
    #: The conflict test (``link.conflict``): a link is refused when, on both sides, the
    #: content the side's other links confirm is mostly missing from the other picture
    #: where the two overlap (places built from one template).
    conflict: ConflictOptions = DEFAULT_CONFLICT
    #: Burnt-in overlays (``link.overlays``): matches at the same frame position on
    #: content that recurs there across the collection are dropped before verifying.
    overlay: OverlayOptions = DEFAULT_OVERLAY
    face_threshold: float = DEFAULT_FACE_THRESHOLD
    #: Attaching the new pictures nothing links to (``attach_links``).
    attach: AttachOptions = DEFAULT_ATTACH
    #: Items whose descriptors teach a new store its codebook.
    codebook_items: int = 300
    #: Pairs verified per task.
    verify_batch: int = 16


@dataclass
class BuildSummary:
    files: int = 0
    added: int = 0
    known: int = 0
    failed: int = 0
    views: int = 0
    faces: int = 0
    verified: int = 0
    place_links: int = 0
    #: Links that passed verification and were refused by the shared-object test.
    shared_object_links: int = 0
    #: Links that passed verification and the shared-object test and were refused by the
    #: common-content test.
    common_content_links: int = 0
    #: Partial matchings of the common-content test (a side's inliers against one
    #: candidate), counted apart from the verifications.
    common_matchings: int = 0
    #: Of ``common_content_links``, those refused after the first round (the
    #: neighbourhoods without the links refused before: ``CommonOptions.rounds``).
    common_content_later_rounds: int = 0
    #: Links that passed the tests above and were refused by the conflict test
    #: (``link.conflict``), and the stored links verified again for their inliers.
    conflict_links: int = 0
    conflict_verified: int = 0
    #: Stored links the conflict test refused when asked again with what this build's
    #: links confirm (``ConflictOptions.revisit``), withdrawn from the store.
    conflict_withdrawn: int = 0
    #: Stored links that rested on frame bins this build's items made burnt-in (an app's
    #: or a device's overlay, ``overlay_withdrawals``), withdrawn from the store, and
    #: the verifications spent finding them (also in ``verified``).
    overlay_withdrawn: int = 0
    overlay_verified: int = 0
    #: Pairs shortlisted by descriptor votes (``link.votes``), besides the VLAD ones
    #: (also in ``verified``).
    vote_pairs: int = 0
    #: Seconds the descriptor votes took on the client (the index and the searches, not
    #: the verification of the pairs they offered).
    vote_seconds: float = 0.0
    #: Pairs the deep round verified (``deep_rows``).
    deep_pairs: int = 0
    #: Pairs only the mirrored query offered that verified as they are, not mirrored:
    #: not linked (``LinkOptions.mirrored_only_mirrored``).
    mirrored_chance: int = 0
    #: New pictures linked to nothing that were attached to a place group
    #: (``attach_links``), and the guided verifications spent on them (also in
    #: ``verified``).
    attached: int = 0
    attach_verified: int = 0
    #: Guided links that the refusal tests took from attaching (``AttachOptions.tests``).
    attach_refused: int = 0
    face_links: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "added": self.added,
            "known": self.known,
            "failed": self.failed,
            "views": self.views,
            "faces": self.faces,
            "verified": self.verified,
            "place_links": self.place_links,
            "shared_object_links": self.shared_object_links,
            "common_content_links": self.common_content_links,
            "common_matchings": self.common_matchings,
            "common_content_later_rounds": self.common_content_later_rounds,
            "conflict_links": self.conflict_links,
            "conflict_verified": self.conflict_verified,
            "conflict_withdrawn": self.conflict_withdrawn,
            "overlay_withdrawn": self.overlay_withdrawn,
            "overlay_verified": self.overlay_verified,
            "vote_pairs": self.vote_pairs,
            "vote_seconds": self.vote_seconds,
            "mirrored_chance": self.mirrored_chance,
            "attached": self.attached,
            "attach_verified": self.attach_verified,
            "attach_refused": self.attach_refused,
            "face_links": self.face_links,
            "errors": self.errors,
        }


def _nothing(stage: str, done: int, total: int) -> None:
    return None


# --- worker tasks (top-level, picklable) ----------------------------------------------------


def extract_task(args: tuple[str, ExtractOptions]) -> Extracted:
    return extract(args[0], args[1])


@functools.lru_cache(maxsize=64)
def cached_features(root: str, item_id: str) -> tuple[tuple[PlaceFeatures, F32], ...]:
    return tuple((f, f.rootsift()) for f in load_features(Path(root), item_id))


Pair = tuple[str, int, str, int]


@functools.lru_cache(maxsize=4)
def cached_codebook(root: str) -> F32 | None:
    path = Path(root) / "codebook.npy"
    return np.load(path, allow_pickle=False).astype(np.float32) if path.exists() else None


@functools.lru_cache(maxsize=256)
def cached_frame_bins(root: str, item_id: str, grid: int) -> tuple[npt.NDArray[np.int64], ...]:
    """Each view's keypoints' frame bins (``link.overlays``) of a stored item."""
    codebook = cached_codebook(root)
    if codebook is None:
        return tuple(np.zeros(len(f), np.int64) for f, _ in cached_features(root, item_id))
    return tuple(frame_bins(f, codebook, grid, d) for f, d in cached_features(root, item_id))


def stored_overlay_mask(
    root: str, item_id: str, view: int, burnt: BurntIn | None
) -> npt.NDArray[np.bool_] | None:
    """Which keypoints of a stored view lie in burnt-in frame bins (None: no test)."""
    if burnt is None or len(burnt.bins) == 0:
        return None
    return overlay_mask(cached_frame_bins(root, item_id, burnt.grid)[view], burnt.bins)


def verify_task(
    args: tuple[str, Sequence[Pair], VerifyOptions]
    | tuple[str, Sequence[Pair], VerifyOptions, BurntIn | None],
) -> list[tuple[Pair, Verification]]:
    root, pairs, options = args[0], args[1], args[2]
    burnt = args[3] if len(args) > 3 else None
    out = []
    for pair in pairs:
        a, va, b, vb = pair
        fa, ra = cached_features(root, a)[va]
        fb, rb = cached_features(root, b)[vb]
        v = verify(
            fa,
            fb,
            options,
            rootsift_a=ra,
            rootsift_b=rb,
            overlay_a=stored_overlay_mask(root, a, va, burnt),
            overlay_b=stored_overlay_mask(root, b, vb, burnt),
        )
        out.append((pair, v))
    return out


# --- build ----------------------------------------------------------------------------------


def collect(sources: Iterable[str | Path]) -> tuple[list[Path], list[dict[str, Any]]]:
    files: list[Path] = []
    errors: list[dict[str, Any]] = []
    for entry in iter_files(sources):
        if isinstance(entry, WalkError):
            errors.append({"path": entry.path, "code": entry.code, "error": entry.message})
        else:
            files.append(entry.absolute())
    return files, errors


def build(
    store: LinkStore,
    sources: Iterable[str | Path],
    *,
    extract_options: ExtractOptions | None = None,
    options: LinkOptions | None = None,
    runner: TaskRunner | None = None,
    progress: Progress = _nothing,
) -> BuildSummary:
    extract_options = extract_options or ExtractOptions()
    options = options or LinkOptions()
    runner = runner or LocalRunner()
    summary = BuildSummary()
    files, walk_errors = collect(sources)
    summary.files = len(files) + len(walk_errors)
    summary.errors.extend(walk_errors)
    summary.failed += len(walk_errors)
    with store.writing():
        todo: list[Path] = []
        seen: set[str] = set()
        for p in files:
            try:
                fid = file_id(p)
            except OSError as e:
                summary.failed += 1
                summary.errors.append({"path": str(p), "code": "unreadable", "error": str(e)})
                continue
            if fid in store.items or fid in seen:
                summary.known += 1
            else:
                seen.add(fid)
                todo.append(p)
        new = _extract_all(store, todo, extract_options, options, runner, progress, summary)
        if not new:
            return summary
        _add_global(store, new)
        _add_faces(store, new)
        before = stored_burnt_in(store, options.overlay)
        burnt = _add_frame_bins(store, options.overlay)
        if before is not None and burnt is not None:
            gone, records, spent = overlay_withdrawals(
                store, before, burnt, options, runner, progress
            )
            store.withdraw_links(gone)
            store.add_shared_objects(records)
            summary.overlay_withdrawn = len(gone)
            summary.overlay_verified = spent
        new_ids = [e.id for e in new]
        pairs, nearest = first_round(
            store.global_rows(), new_ids, options.shortlist, store.nearest()
        )
        found_by = dict.fromkeys(pairs, "shortlist")
        if options.mirrored > 0:
            more = mirrored_rows(store, new_ids, pairs, options.mirrored)
            found_by.update((p, "mirrored") for p in more if p not in found_by)
            pairs += more
        asked: list[tuple[Link, Verification]] = []
        checked: list[tuple[Link, Verification]] = []
        chance: list[Pair] = []
        links = _verify_pairs(
            store, pairs, options, runner, progress, asked, checked, burnt, found_by, chance
        )
        summary.mirrored_chance = len(chance)
        if options.second_round > 0:
            known = [x for x in store.links.values() if x.kind == "place"] + links
            # Stored views this build linked ask again too: their linked views changed,
            # as they would have in one build of all the pictures.
            touched = [x for link in links for x in (link.a, link.b)]
            more = second_round_rows(
                store.global_rows(), [*new_ids, *touched], known, pairs, options.second_round
            )
            links += _verify_pairs(
                store, more, options, runner, progress, asked, checked, burnt, "second_round"
            )
            pairs += more
        if options.votes.items > 0:
            # Pictures the rounds linked to nothing: their place may be a view the VLAD
            # vectors do not see (``link.votes``).
            started = time.perf_counter()
            linked = {x for link in [*store.links.values(), *links] for x in (link.a, link.b)}
            alone = {i for i in [*store.items, *new_ids] if i not in linked}
            voted = descriptor_vote_rows(store, new_ids, pairs, options.votes, progress, alone)
            summary.vote_pairs = len(voted)
            summary.vote_seconds = round(time.perf_counter() - started, 3)
            links += _verify_pairs(
                store, voted, options, runner, progress, asked, checked, burnt, "votes"
            )
            pairs += voted
        if options.deep > 0:
            linked = {x for link in [*store.links.values(), *links] for x in (link.a, link.b)}
            deep = deep_rows(
                store.global_rows(),
                [i for i in [*store.items, *new_ids] if i not in linked],
                pairs,
                options.shortlist + options.deep,
                new=new_ids,
            )
            summary.deep_pairs = len(deep)
            links += _verify_pairs(
                store, deep, options, runner, progress, asked, checked, burnt, "deep"
            )
            pairs += deep
        summary.verified = len(pairs) + summary.overlay_verified
        if asked:
            refused, records, searched = shared_object_links(
                store, asked, links, options, runner, progress, burnt
            )
            summary.verified += searched
            summary.shared_object_links = len(refused)
            links = [x for x in links if x.key not in refused]
            store.add_shared_objects(records)
        if options.common.candidates > 0:
            keep = {x.key for x in links}
            shares: dict[tuple[str, str, str], float] = {}
            refused, records, searched = common_content_links(
                store, [(x, v) for x, v in checked if x.key in keep], links, options, runner,
                progress, shares,
            )  # fmt: skip
            summary.common_matchings = searched
            summary.common_content_links = len(refused)
            summary.common_content_later_rounds = sum(r["round"] > 1 for r in records)
            links = [replace(x, own_share=shares.get(x.key)) for x in links if x.key not in refused]
            store.add_shared_objects(records)
        if options.conflict.enabled:
            keep = {x.key for x in links}
            refused, withdrawn, records, again = conflict_links(
                store, [(x, v) for x, v in checked if x.key in keep], options, runner, progress,
                burnt,
            )  # fmt: skip
            summary.conflict_links = len(refused)
            summary.conflict_withdrawn = len(withdrawn)
            summary.conflict_verified = again
            summary.verified += again
            links = [x for x in links if x.key not in refused]
            store.add_shared_objects(records)
            store.withdraw_links(withdrawn)
        if options.attach.candidates > 0:
            # A stored picture alone when it came is asked again when this build
            # shortlists it: it may have gained the groups to attach to (in one build of
            # all pictures, every one is asked with all the others there).
            shortlisted = {x for a, _, b, _ in pairs for x in (a, b)} - set(new_ids)
            attaching = attach_links(
                store, new_ids, links, options, runner, progress, burnt, retry=shortlisted
            )
            summary.attached = attaching.pictures
            summary.attach_verified = attaching.verified
            summary.attach_refused = len(attaching.refused)
            summary.verified += attaching.verified + attaching.searched
            summary.common_matchings += attaching.matchings
            store.add_shared_objects(attaching.refused)
            links += attaching.links
        summary.place_links = len(links)
        face_links = _face_links(store, {e.id for e in new}, options.face_threshold)
        summary.face_links = len(face_links)
        store.add_links(links + face_links)
        store.set_nearest(nearest)
        store.add_items(e.info for e in new)
        summary.added = len(new)
        summary.views = sum(len(e.info.views) for e in new)
        summary.faces = sum(len(e.faces) for e in new)
    return summary


def descriptor_vote_rows(
    store: LinkStore,
    new_ids: Sequence[str],
    shortlisted: Sequence[Pair],
    options: VoteOptions = DEFAULT_VOTES,
    progress: Progress = _nothing,
    alone: Collection[str] | None = None,
) -> list[Pair]:
    """Pairs of the new items with the items their descriptors vote for
    (``link.votes``) over the whole store, new items included, past ``shortlisted``.
    With ``alone`` (the items no place link reaches), only pairs with an item alone: a
    new item alone votes for any item, another new item only among the items alone (a
    picture stored alone is then asked from its new partner's side, as one build of
    them all would have asked from its own). No item alone: nothing is searched."""
    new = set(new_ids)
    stored = [i for i in store.items if i not in new]
    voters = list(new_ids)
    if alone is not None:
        if not alone:
            return []
        if not set(alone) - new:  # nothing stored is alone: only the new alone vote
            voters = [i for i in new_ids if i in alone]
    progress("votes", 0, len(voters))
    index = kept_vote_index(store, [*stored, *new_ids], options)
    done = item_pairs(shortlisted)
    out: list[Pair] = []
    for n, item in enumerate(voters, 1):
        among = None if alone is None or item in alone else alone
        out += vote_rows(index, store_views(store, [item]), done, options, among)
        progress("votes", n, len(voters))
    return out


def stored_vote_index(
    store: LinkStore, ids: Collection[str], options: VoteOptions = DEFAULT_VOTES
) -> DescriptorIndex | None:
    """The store's kept vote index (``votes.npz``) when it can serve items ``ids``: it
    reads, was made with ``options.descriptors`` and holds no item outside ``ids``.
    None otherwise."""
    arrays = store.vote_index_arrays()
    if arrays is None:
        return None
    try:
        index = index_from_arrays(arrays, options)
    except ValueError:
        return None
    known = set(ids)
    if index.descriptors != options.descriptors or any(i not in known for i in index.items):
        return None
    return index


#: Vote indexes kept for queries: store root -> (``votes.npz``'s size and modification
#: time, the descriptor count asked, the index). A query reads the index once, not at
#: every request (344 MB for 4,095 pictures).
_QUERY_INDEX: dict[str, tuple[tuple[int, int, int], DescriptorIndex | None]] = {}
_QUERY_INDEX_LOCK = threading.Lock()


def query_vote_index(
    store: LinkStore, options: VoteOptions = DEFAULT_VOTES
) -> DescriptorIndex | None:
    """``stored_vote_index`` for queries (nothing is added to it): kept between calls
    while ``votes.npz`` stays the same file, for the last stores asked."""
    root = str(Path(store.root).resolve())
    try:
        st = (store.root / "votes.npz").stat()
    except OSError:
        return None
    key = (st.st_size, st.st_mtime_ns, options.descriptors)
    with _QUERY_INDEX_LOCK:
        kept = _QUERY_INDEX.get(root)
    if kept is None or kept[0] != key:
        kept = (key, stored_vote_index(store, store.items, options))
        with _QUERY_INDEX_LOCK:
            _QUERY_INDEX.pop(root, None)
            while len(_QUERY_INDEX) >= 2:
                _QUERY_INDEX.pop(next(iter(_QUERY_INDEX)))
            _QUERY_INDEX[root] = kept
    index = kept[1]
    if index is not None and any(i not in store.items for i in index.items):
        return None  # an index of items this store lacks (a build cut short)
    return index


def query_votes(
    index: DescriptorIndex,
    query_id: str,
    views: Sequence[PlaceFeatures],
    options: VoteOptions = DEFAULT_VOTES,
) -> list[tuple[str, int, int]]:
    """The ``options.items`` items a query's views vote for most, ``min_votes`` or more
    (``link.votes.tally``), each as (item, its view, the query's view)."""
    queries = [(query_id, qv, f.rootsift()) for qv, f in enumerate(views)]
    ranked = tally(index, queries, options).get(query_id, [])
    return [(o, ov, qv) for o, n, qv, ov in ranked if n >= options.min_votes][: options.items]


def kept_vote_index(
    store: LinkStore, ids: Sequence[str], options: VoteOptions = DEFAULT_VOTES
) -> DescriptorIndex:
    """The vote index over items ``ids`` (the store's and the build's new ones): the
    kept one with the items it lacks added, or a new one (``link.votes``); written back
    to the store either way."""
    index = stored_vote_index(store, ids, options)
    if index is not None:
        lacking = [i for i in ids if i not in index.position]
        more = sum(min(len(f), options.descriptors) for i in lacking for f in store.features(i))
        if index.size + more > RETRAIN_GROWTH * max(1, index.planned):
            index = None
        else:
            index = extend_index(index, store_views(store, lacking), options)
    if index is None:
        index = build_index(lambda: store_views(store, ids), options)
    store.set_vote_index_arrays(index_arrays(index))
    return index


@dataclass(frozen=True, slots=True)
class _New:
    """A new item between extraction and the store: its record and its faces by view."""

    info: ItemInfo
    faces: list[FaceEntry]

    @property
    def id(self) -> str:
        return self.info.id


def _item_info(e: Extracted) -> ItemInfo:
    views = tuple(
        ViewInfo(
            v.ts,
            v.features.width,
            v.features.height,
            v.features.scale,
            len(v.features),
            v.features.origin,
        )
        for v in e.views
    )
    return ItemInfo(e.id, e.path, e.kind, views, e.faces, _now())


def _extract_all(
    store: LinkStore,
    todo: list[Path],
    extract_options: ExtractOptions,
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress,
    summary: BuildSummary,
) -> list[_New]:
    """Extract on the runner; write features as results come in; keep only the faces
    and a descriptor sample (for a codebook) in memory."""
    new: list[_New] = []
    sample: list[F32] = []
    done = 0
    progress("extract", 0, len(todo))
    for e in runner.map(extract_task, [(str(p), extract_options) for p in todo]):
        done += 1
        progress("extract", done, len(todo))
        if e.error is not None:
            summary.failed += 1
            summary.errors.append({"path": e.path, "code": e.error_code, "error": e.error})
            continue
        store.write_features(e.id, (v.features for v in e.views))
        if store.codebook is None and len(new) < options.codebook_items:
            sample += codebook_sample((v.features for v in e.views), len(new))
        # Descriptors are on disk now; keep the lightweight rest.
        new.append(_New(_item_info(e), e.face_entries))
    if new and store.codebook is None:
        words = int(store.meta.get("words", 64))
        store.set_codebook(learn_codebook(np.concatenate(sample), words))
        store.set_meta(codebook_items=min(len(new), options.codebook_items))
    return new


def codebook_sample(views: Iterable[PlaceFeatures], seed: int) -> list[F32]:
    """Up to 400 RootSIFT descriptors of each view, drawn with ``seed``: one item's share
    of the sample a codebook is learned from."""
    rng = np.random.default_rng(seed)
    out = []
    for f in views:
        d = f.rootsift()
        if len(d) > 400:
            d = d[rng.choice(len(d), 400, replace=False)]
        out.append(d)
    return out


def few_for_codebook(learned: int, items: int, codebook_items: int = 300) -> bool:
    """Whether a codebook learned from ``learned`` items is worth learning again for a
    store of ``items``: fewer than ``codebook_items`` then, and four times as many now."""
    return learned < codebook_items and items >= min(codebook_items, 4 * learned)


def learned_from(store: LinkStore) -> int | None:
    """How many items the store's codebook was learned from (None: not recorded, a store
    written before this was)."""
    n = store.meta.get("codebook_items")
    return int(n) if n is not None else None


def _add_global(store: LinkStore, new: list[_New]) -> None:
    assert store.codebook is not None
    store.add_global(global_rows(store, [e.id for e in new], store.codebook, store.unbursty))


def global_rows(
    source: LinkStore, ids: Sequence[str], codebook: F32, leave_out_bursts: bool
) -> GlobalRows:
    """The global rows (``place_vector``, float16) of every view of ``ids``, from the
    features ``source`` keeps."""
    items, views, vectors = [], [], []
    for item in ids:
        for v, f in enumerate(source.features(item)):
            items.append(item)
            views.append(v)
            vectors.append(place_vector(f.rootsift(), codebook, leave_out_bursts))
    return GlobalRows(
        np.array(items, "U16"),
        np.array(views, np.int32),
        np.stack(vectors).astype(np.float16) if vectors else np.zeros((0, 0), np.float16),
    )


def _add_faces(store: LinkStore, new: list[_New]) -> None:
    items, views, boxes, embs, frames = [], [], [], [], []
    for e in new:
        for entry in e.faces:
            items.append(e.id)
            views.append(entry.view)
            boxes.append(entry.face.box)
            embs.append(entry.face.embedding)
            frames.append(entry.frames)
    if items:
        store.add_faces(
            FaceRows(
                np.array(items, "U16"),
                np.array(views, np.int32),
                np.array(boxes, np.int32).reshape(-1, 4),
                np.stack(embs).astype(np.float32),
                np.array(frames, np.int32),
            )
        )


def overlay_withdrawals(
    store: LinkStore,
    before: BurntIn,
    burnt: BurntIn,
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
) -> tuple[list[tuple[str, str, str]], list[dict[str, Any]], int]:
    """Stored links that rested on an overlay only this build's items show to be one.

    A frame bin is burnt-in once enough items hold it (``link.overlays``). Two pictures
    of two places through one app, stored before the app's other pictures, share its
    overlay at the same frame positions, and their link was made. When a build makes bins
    burnt-in that were not (``before``: the bins of the items stored before it), the
    stored plain links whose two views both hold one of them are verified again, with the
    bins burnt-in before and now. A link that still holds with the old bins and fails with
    the new is withdrawn: the overlay made it. (Guided links are not asked; their seeds
    are not verified again here.) Returns the keys, their ``objects.jsonl`` records
    (``"overlay": true, "withdrawn": true``) and the verifications spent."""
    newly = np.setdiff1d(burnt.bins, before.bins)
    if len(newly) == 0:
        return [], [], 0
    root = str(store.root)
    held: dict[str, npt.NDArray[np.int64]] = {}

    def newly_held(item: str) -> npt.NDArray[np.int64]:
        """The newly burnt-in bins the item holds (a view of it, as counted)."""
        if item not in held:
            bins = store.frame_bins_of(item, burnt.grid)
            held[item] = newly[np.isin(newly, bins)] if bins is not None else newly[:0]
        return held[item]

    ask: list[tuple[Link, Pair]] = []
    for link in store.links.values():
        if link.kind != "place" or link.guided:
            continue
        if len(np.intersect1d(newly_held(link.a), newly_held(link.b))):
            ask.append((link, (link.a, link.view_a, link.b, link.view_b)))
    if not ask:
        return [], [], 0
    pairs = [p for _, p in ask]
    verdicts: dict[Any, list[bool]] = {}
    progress("overlays", 0, 2 * len(pairs))
    done = 0
    for bins in (before, burnt):
        batches = [
            (root, pairs[i : i + options.verify_batch], options.verify, bins)
            for i in range(0, len(pairs), options.verify_batch)
        ]
        for results in runner.map(verify_task, batches):
            for pair, v in results:
                verdicts.setdefault(pair, []).append(v.linked)
            done += len(results)
            progress("overlays", done, 2 * len(pairs))
    gone = [link for link, p in ask if verdicts.get(p) == [True, False]]
    records = [
        link.to_json() | {"overlay": True, "withdrawn": True, "burnt_in_bins": len(newly)}
        for link in gone
    ]
    return [x.key for x in gone], records, 2 * len(pairs)


def _add_frame_bins(store: LinkStore, options: OverlayOptions) -> BurntIn | None:
    """Record the frame bins (``link.overlays``) of every stored item that has none
    yet (the new ones, and all of a store written before overlays were counted), and
    return the collection's burnt-in bins (None when the test is off)."""
    if store.codebook is None or options.min_items <= 0:
        return None
    ids = [str(i) for i in dict.fromkeys(store.global_rows().item.tolist())]
    todo = [i for i in ids if not store.has_frame_bins(i)]
    for start in range(0, len(todo), 512):
        bins: dict[str, npt.NDArray[np.int64]] = {}
        for item in todo[start : start + 512]:
            views = [frame_bins(f, store.codebook, options.grid) for f in store.features(item)]
            bins[item] = np.concatenate(views) if views else np.zeros(0, np.int64)
        store.add_frame_bins(options.grid, bins)
    return stored_burnt_in(store, options)


def stored_burnt_in(store: LinkStore, options: OverlayOptions) -> BurntIn | None:
    """The burnt-in frame bins of what the store has counted (nothing is written)."""
    if store.codebook is None or options.min_items <= 0:
        return None
    counts, items = store.frame_bin_counts(options.grid, len(store.codebook))
    return BurntIn(options.grid, burnt_in(counts, items, options))


def top_items(
    query: F32, rows: GlobalRows, k: int, exclude: str | None = None
) -> list[tuple[str, int, float]]:
    """The ``k`` items most similar to one VLAD vector: (item, best view, similarity)."""
    if len(rows.item) == 0 or k <= 0:
        return []
    return top_of(similarities(rows.vlad, query.astype(np.float32)[None, :])[0], rows, k, exclude)


def top_of(
    sims: F32, rows: GlobalRows, k: int, exclude: str | None = None
) -> list[tuple[str, int, float]]:
    """``top_items`` from a query's similarities to every row of ``rows`` (one row of
    ``similarities``: several queries share a pass over the stored vectors)."""
    if len(rows.item) == 0 or k <= 0:
        return []
    order = np.argsort(-sims)
    out: list[tuple[str, int, float]] = []
    taken: set[str] = set()
    for i in order:
        item = str(rows.item[i])
        if item == exclude or item in taken:
            continue
        taken.add(item)
        out.append((item, int(rows.view[i]), float(sims[i])))
        if len(out) >= k:
            break
    return out


#: Query expansion (alpha-QE, Radenović et al. 2018): each query vector is added to its
#: ``EXPANSION`` nearest other items' vectors, weighted by similarity ** ``EXPANSION_ALPHA``,
#: and searched again. Views of one place that look unalike directly are often both close
#: to a third view; on the development collection this raised the top-5 pair recall from
#: 0.953 to 0.971 (256 words) for one more matrix product. Alpha was 3 at first; at 10,000
#: pictures (generator v3, 300 places' 1,800 views as queries) the top-5 pair recall was
#: 0.898 without expansion, 0.918 with alpha 3, 0.967 with 1, 0.973 with 0.5 and 0.974
#: with 0 (a plain average): similarities are 0.2-0.5, so alpha 3 weighted the
#: neighbours at 1-10 % and barely expanded.
EXPANSION = 3
EXPANSION_ALPHA = 0.5
#: Stored vectors converted to float32 at a time (bounds memory at 10,000+ pictures).
_CHUNK = 2048


def similarities(stored: npt.NDArray[np.float16] | F32, queries: F32, chunk: int = _CHUNK) -> F32:
    """``queries @ stored.T`` in float32, converting ``chunk`` stored rows at a time."""
    out = np.empty((len(queries), len(stored)), np.float32)
    for start in range(0, len(stored), chunk):
        out[:, start : start + chunk] = queries @ stored[start : start + chunk].astype(np.float32).T
    return out


def expanded_similarities(
    rows: GlobalRows,
    query_index: npt.NDArray[np.intp],
    expansion: int = EXPANSION,
    alpha: float = EXPANSION_ALPHA,
) -> F32:
    """Similarities of the stored views ``query_index`` to every stored view, after query
    expansion; a view's own item is left out of its expansion (its similarity is kept)."""
    queries = rows.vlad[query_index].astype(np.float32)
    return expanded_query_similarities(rows, queries, rows.item[query_index], expansion, alpha)


def expanded_query_similarities(
    rows: GlobalRows,
    queries: F32,
    own: npt.NDArray[np.str_],
    expansion: int = EXPANSION,
    alpha: float = EXPANSION_ALPHA,
) -> F32:
    """``expanded_similarities`` for any query vectors (``own``: each query's item, left
    out of its expansion)."""
    return _expanded(rows, queries, own, expansion, alpha)[0]


def _expanded(
    rows: GlobalRows, queries: F32, own: npt.NDArray[np.str_], expansion: int, alpha: float
) -> tuple[F32, list[list[int]]]:
    """``expanded_query_similarities`` and, for each query, the rows it was expanded with
    (other items' only)."""
    sims = similarities(rows.vlad, queries)
    if expansion <= 0 or len(rows.item) < 2:
        return sims, [[] for _ in queries]
    masked = sims.copy()
    masked[own[:, None] == rows.item[None, :]] = -np.inf
    n = min(expansion, len(rows.item) - 1)
    top = np.argpartition(-masked, n - 1, axis=1)[:, :n]
    used = [[int(j) for j in t if rows.item[j] != o] for t, o in zip(top, own, strict=True)]
    return similarities(rows.vlad, _expand(rows, queries, used, alpha)), used


def _expand(rows: GlobalRows, queries: F32, neighbours: list[list[int]], alpha: float) -> F32:
    """Each query plus its neighbour rows, weighted by their similarity to it ** ``alpha``
    (negative similarities weigh nothing), normalised."""
    expanded = queries.copy()
    for j in range(max((len(n) for n in neighbours), default=0)):
        # one neighbour at a time: (block, dims) temporaries, not one a neighbour
        pick = np.array([n[j] if j < len(n) else -1 for n in neighbours])
        vec = rows.vlad[np.maximum(pick, 0)].astype(np.float32)
        w = np.where(pick >= 0, np.einsum("ij,ij->i", queries, vec), 0.0)
        w = np.clip(w, 0.0, None) ** alpha
        expanded += w[:, None] * vec
    expanded /= np.maximum(np.linalg.norm(expanded, axis=1, keepdims=True), 1e-12)
    return expanded


def shortlist(store: LinkStore, new_ids: Sequence[str], k: int) -> list[Pair]:
    """Unordered item pairs to verify: each new view's ``k`` nearest other items by VLAD
    (after query expansion), each pair once, with the most similar view pair of the two."""
    return shortlist_rows(store.global_rows(), new_ids, k)


def _keep_best(
    best: dict[tuple[str, str], tuple[float, Pair]], a: str, va: int, b: str, vb: int, s: float
) -> None:
    """Keep, for the unordered item pair ``a``–``b``, the view pair of highest similarity
    ``s`` (the pair is stored with its items in id order)."""
    key = (a, b) if a < b else (b, a)
    if key not in best or best[key][0] < s:
        best[key] = (s, (a, va, b, vb) if a < b else (b, vb, a, va))


def _keep_nearest(
    best: dict[tuple[str, str], tuple[float, Pair]],
    rows: GlobalRows,
    qi: int,
    similarities: F32,
    k: int,
    skip: set[tuple[str, str]] | None = None,
) -> list[float]:
    """Keep the pairs of row ``qi``'s view with the views of its ``k`` nearest other items
    (by ``similarities`` over all rows), each item's nearest view only, passing over the
    item pairs in ``skip`` (in id order). Returns their similarities, best first."""
    a, va = str(rows.item[qi]), int(rows.view[qi])
    taken: set[str] = set()
    kept: list[float] = []
    for j in np.argsort(-similarities):
        b = str(rows.item[j])
        if b == a or b in taken or (skip and ((a, b) if a < b else (b, a)) in skip):
            continue
        taken.add(b)
        kept.append(float(similarities[j]))
        _keep_best(best, a, va, b, int(rows.view[j]), kept[-1])
        if len(taken) >= k:
            break
    return kept


def shortlist_rows(
    rows: GlobalRows, new_ids: Sequence[str], k: int, expansion: int = EXPANSION
) -> list[Pair]:
    """``shortlist`` over given global rows (``expansion=0``: no query expansion)."""
    new = set(new_ids)
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    if len(rows.item) == 0:
        return []
    index_of_new = np.flatnonzero(np.isin(rows.item, list(new)))
    block = 1024  # queries at a time: each block converts the stored vectors once
    for start in range(0, len(index_of_new), block):
        q = index_of_new[start : start + block]
        sims = expanded_similarities(rows, q, expansion)
        for row, qi in enumerate(q):
            _keep_nearest(best, rows, int(qi), sims[row], k)
    return sorted(p for _, p in best.values())


def first_round(
    rows: GlobalRows,
    new_ids: Sequence[str],
    k: int,
    nearest: dict[tuple[str, int], Nearest],
    expansion: int = EXPANSION,
    alpha: float = EXPANSION_ALPHA,
) -> tuple[list[Pair], dict[tuple[str, int], Nearest]]:
    """The build's shortlist (``shortlist_rows``) with reverse neighbours, and every
    view's record for the next build.

    A pair is shortlisted when either view has the other's item among its ``k`` nearest.
    Built in one go, every view asks; built in batches, a stored view asked only among the
    items stored when it came, and a later picture among *its* nearest was verified only
    if the later picture's own query found it. On generator v21's first 100 places (seen)
    in five batches, 949 same-place pairs were shortlisted against 1,111 in one go.

    So each view's query is recorded (``nearest``: the views it was expanded with, its
    ``k`` nearest items' similarities). A stored view's query is made again with its
    recorded expansion (``_expand``, the vectors as stored) and compared with the new views
    only; the new items more similar than its ``k``-th nearest are paired with it (at most
    ``k``), and its record takes them in. New views, and stored ones without a record
    (stores made before it), ask over all rows, keeping the pairs with a new item. A stored
    view's expansion is not redone with the new items: a one-go build could have expanded
    it with them."""
    new = set(new_ids)
    records = {key: r for key, r in nearest.items() if key[0] not in new}
    if len(rows.item) == 0:
        return [], records
    keys = [(str(i), int(v)) for i, v in zip(rows.item, rows.view, strict=True)]
    is_new = np.isin(rows.item, list(new))
    recorded = np.array([key in records for key in keys], bool)
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    block = 1024  # queries at a time: each block converts the stored vectors once
    ask = np.flatnonzero(is_new | ~recorded)
    for start in range(0, len(ask), block):
        q = ask[start : start + block]
        queries = rows.vlad[q].astype(np.float32)
        sims, used = _expanded(rows, queries, rows.item[q], expansion, alpha)
        for row, qi in enumerate(q):
            top = _keep_nearest(best, rows, int(qi), sims[row], k)
            records[keys[qi]] = Nearest(tuple(keys[j] for j in used[row]), tuple(top))
    new_rows = np.flatnonzero(is_new)
    old = np.flatnonzero(~is_new & recorded)
    if len(new_rows) and len(old):
        row_of = {key: r for r, key in enumerate(keys)}
        new_vlad = rows.vlad[new_rows]
        for start in range(0, len(old), block):
            q = old[start : start + block]
            neighbours = [[row_of[e] for e in records[keys[qi]].expand if e in row_of] for qi in q]
            expanded = _expand(rows, rows.vlad[q].astype(np.float32), neighbours, alpha)
            sims = similarities(new_vlad, expanded)
            for row, qi in enumerate(q):
                record = records[keys[qi]]
                kth = record.top[k - 1] if len(record.top) >= k else -np.inf
                a, va = keys[qi]
                taken: dict[str, float] = {}
                for j in np.argsort(-sims[row]):
                    s = float(sims[row, j])
                    if s <= kth or len(taken) >= k:
                        break
                    b, vb = keys[new_rows[j]]
                    if b not in taken:
                        taken[b] = s
                        _keep_best(best, a, va, b, vb, s)
                if taken:
                    top = sorted([*record.top, *taken.values()], reverse=True)[:k]
                    records[keys[qi]] = replace(record, top=tuple(top))
    pairs = sorted(p for _, p in best.values() if p[0] in new or p[2] in new)
    return pairs, records


#: Mirrored queries: a picture published mirrored (a selfie camera, an edit) has VLAD
#: vectors unlike its place's, since SIFT is not mirror-invariant. Each new view is also
#: searched with the VLAD vector of its descriptors as they are in its mirror image
#: (``features.mirrored``: a permutation, nothing extracted again), with query expansion,
#: and its ``MIRRORED`` nearest items not already shortlisted with it are verified
#: (``verify`` matches either way). Both directions are covered by the new view's query:
#: a new normal view's mirrored vector resembles a stored mirrored view's own vector.
#: Such a pair links only as a mirror image (``LinkOptions.mirrored_only_mirrored``): one
#: that verifies as it is was a chance find of the mirrored vector, and on seen builds
#: (100 places each, ``bench/link_found_by.py``) those chance finds were mostly
#: look-alike places built from one template: 40 of 75 such links wrong on v23, 8 of 171
#: on v24, none of 209 on v11. Left out, the wrong links fell 175 -> 135, 12 -> 4 and
#: 0 -> 0, and same-place pairs in one group 0.3928 -> 0.3896, 0.5212 -> 0.5192 and
#: 0.7691 -> 0.7677 (the pairs they joined were mostly joined by other links too).
MIRRORED = 3


def place_vector(rootsift: F32, codebook: F32, leave_out_bursts: bool) -> F32:
    """A view's global vector for the shortlist: VLAD of its RootSIFT descriptors, bursts
    left out (``signals.vlad.unbursty``) in stores made for that (``LinkStore.unbursty``)."""
    return vlad(unbursty(rootsift) if leave_out_bursts else rootsift, codebook)


def upgrade(
    store: LinkStore,
    target: Path,
    progress: Progress = _nothing,
    *,
    relearn: bool = False,
    codebook_items: int = 300,
) -> int:
    """A copy of ``store`` at ``target`` whose global vectors leave out bursts
    (``place_vector``), made again from the features the store keeps. Items, features,
    links, refused links, frame bins and the codebook are copied as they are; the links
    stay what they were (only later shortlists change). With ``relearn``, the codebook is
    learned again from up to ``codebook_items`` items spread over the whole store, and the
    frame bins are made again with it: a store begun with a small case learned its
    codebook from that case alone (``learned_from``). Written under ``target``'s name
    with ``.partial`` and renamed when whole; ``store`` is not changed. Returns the views
    described. ``target`` must not exist."""
    if target.exists():
        raise LinkStoreError(f"{target}: exists; the upgraded copy needs a new folder")
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)  # an earlier upgrade cut short
    # nearest.npz records queries over the old vectors: without it, each view asks anew.
    remade = {"global", "nearest.npz", *({"framebins", "codebook.npy"} if relearn else ())}
    with store.writing():  # no build adds to it while it is copied
        shutil.copytree(
            store.root,
            partial,
            ignore=lambda d, _: {".lock", *remade} if Path(d) == store.root else set(),
        )
    for sub in ("global", "framebins"):
        (partial / sub).mkdir(exist_ok=True)
    meta = {**store.meta, "global": UNBURSTY_VLAD, "upgraded": _now()}
    (partial / "store.json").write_text(json.dumps(meta, indent=1) + "\n")
    copy = LinkStore.open(partial)
    ids = sorted(store.items)
    codebook = store.codebook
    if relearn and ids:
        step = max(1, len(ids) // max(1, codebook_items))
        chosen = ids[::step][:codebook_items]
        progress("codebook", 0, len(chosen))
        sample = []
        for n, item in enumerate(chosen):
            sample += codebook_sample(store.features(item), n)
            progress("codebook", n + 1, len(chosen))
        codebook = learn_codebook(np.concatenate(sample), int(store.meta.get("words", 64)))
        with copy.writing():
            copy.set_codebook(codebook)
            copy.set_meta(codebook_items=len(chosen))
    views = 0
    progress("vectors", 0, len(ids))
    if codebook is not None:
        with copy.writing():
            for start in range(0, len(ids), 1000):
                rows = global_rows(store, ids[start : start + 1000], codebook, True)
                copy.add_global(rows)
                views += len(rows.item)
                progress("vectors", min(len(ids), start + 1000), len(ids))
            if relearn:
                _add_frame_bins(copy, DEFAULT_OVERLAY)
    os.replace(partial, target)
    return views


def mirrored_vectors(
    features: Sequence[PlaceFeatures], codebook: F32, leave_out_bursts: bool
) -> F32:
    """Global vectors (one a view) of the views' mirror images (``place_vector``)."""
    return np.stack(
        [
            place_vector(np.asarray(mirrored(f.rootsift()), np.float32), codebook, leave_out_bursts)
            for f in features
        ]
    )


def mirrored_rows(
    store: LinkStore, new_ids: Sequence[str], first: Iterable[Pair], k: int = MIRRORED
) -> list[Pair]:
    """Pairs found by the new views' mirrored queries: each new view's ``k`` nearest
    items (after query expansion) other than itself and those ``first`` pairs it with."""
    rows = store.global_rows()
    if len(rows.item) == 0 or k <= 0 or store.codebook is None:
        return []
    first_keys = {(a, b) for a, _, b, _ in first}
    index_of_new = np.flatnonzero(np.isin(rows.item, list(set(new_ids))))
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    block = 256  # mirrored vectors are made here, a block at a time (128 KB a view)
    for start in range(0, len(index_of_new), block):
        q = index_of_new[start : start + block]
        views = [store.features(str(rows.item[i]))[int(rows.view[i])] for i in q]
        queries = mirrored_vectors(views, store.codebook, store.unbursty)
        sims = expanded_query_similarities(rows, queries, rows.item[q])
        for row, qi in enumerate(q):
            _keep_nearest(best, rows, int(qi), sims[row], k, first_keys)
    return sorted(p for _, p in best.values())


#: Verified query expansion (Chum et al. 2007, "Total Recall"): a view's verified links are
#: views of its place for certain (bar the rare wrong link), so their vectors summed with
#: its own describe the place better than any one view, and the items nearest that sum,
#: leaving out those already linked or shortlisted, are the likeliest missed views. At
#: 10,000 pictures of generator v4 (1,800 queries, simulated on the stored vectors and
#: links of a build without it) the top-5 pair recall was 0.910; with 3 more items a view
#: from the second round 0.984, against 0.973 for the top 8 of one round
#: (bench/results/link-shortlist-sim-10k-v4.json). Held out (generator v5, 2,520
#: pictures): 0.941 after the first round, 0.998 after both.
SECOND_ROUND = 3


def second_round_rows(
    rows: GlobalRows,
    new_ids: Sequence[str],
    links: Iterable[Link],
    first: Iterable[Pair],
    k: int = SECOND_ROUND,
) -> list[Pair]:
    """Pairs of the second round: for each new view, the ``k`` items nearest its vector
    plus those of the views it links to (``links``: place links), other than itself, the
    items it links to, and the items the first round paired it with (``first``)."""
    new = set(new_ids)
    if len(rows.item) == 0 or k <= 0:
        return []
    row_of = {
        (str(i), int(v)): r for r, (i, v) in enumerate(zip(rows.item, rows.view, strict=True))
    }
    linked_rows: dict[tuple[str, int], list[int]] = {}
    linked_items: dict[str, set[str]] = {}
    for link in links:
        for (x, vx), (y, vy) in (((link.a, link.view_a), (link.b, link.view_b)),
                                 ((link.b, link.view_b), (link.a, link.view_a))):  # fmt: skip
            linked_items.setdefault(x, set()).add(y)
            if (y, vy) in row_of:
                linked_rows.setdefault((x, vx), []).append(row_of[(y, vy)])
    for a, _, b, _ in first:
        linked_items.setdefault(a, set()).add(b)
        linked_items.setdefault(b, set()).add(a)
    first_keys = {(a, b) for a, _, b, _ in first}
    index_of_new = np.flatnonzero(np.isin(rows.item, list(new)))
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    block = 1024
    for start in range(0, len(index_of_new), block):
        q = index_of_new[start : start + block]
        queries = rows.vlad[q].astype(np.float32)
        for r, qi in enumerate(q):
            for j in linked_rows.get((str(rows.item[qi]), int(rows.view[qi])), []):
                queries[r] += rows.vlad[j].astype(np.float32)
        queries /= np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
        sims = similarities(rows.vlad, queries)
        for row, qi in enumerate(q):
            a, va = str(rows.item[qi]), int(rows.view[qi])
            skip = linked_items.get(a, set())
            taken: set[str] = set()
            for j in np.argsort(-sims[row]):
                b = str(rows.item[j])
                if b == a or b in skip or b in taken:
                    continue
                taken.add(b)
                if ((a, b) if a < b else (b, a)) not in first_keys:
                    _keep_best(best, a, va, b, int(rows.view[j]), float(sims[row, j]))
                if len(taken) >= k:
                    break
    return sorted(p for _, p in best.values())


def deep_rows(
    rows: GlobalRows,
    alone: Sequence[str],
    verified: Iterable[Pair],
    k: int,
    new: Collection[str] | None = None,
) -> list[Pair]:
    """Pairs of the deep round: for each view of a picture in ``alone`` (pictures the
    rounds and votes linked to nothing), its ``k`` nearest other items by VLAD (query
    expansion included, as the first round), less the item pairs already ``verified``,
    and, when ``new`` is given, only pairs with a new item. The first round verified the
    nearest ``shortlist`` of them; a picture whose place is a little further down its
    list (a view changed in light or framing, a re-display) is found here, and a picture
    already linked pays nothing. A stored picture still alone asks too, for the new
    items among its nearest: in one build of all the pictures it would have asked with
    them there."""
    if len(rows.item) == 0 or k <= 0 or not alone:
        return []
    fresh = None if new is None else set(new)
    done = {(a, b) if a < b else (b, a) for a, _, b, _ in verified}
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    index = np.flatnonzero(np.isin(rows.item, list(set(alone))))
    block = 1024
    for start in range(0, len(index), block):
        q = index[start : start + block]
        sims = expanded_similarities(rows, q)
        for row, qi in enumerate(q):
            a, va = str(rows.item[qi]), int(rows.view[qi])
            for b, vb, s in top_of(sims[row], rows, k, exclude=a):
                if ((a, b) if a < b else (b, a)) in done:
                    continue
                if fresh is None or a in fresh or b in fresh:
                    _keep_best(best, a, va, b, vb, s)
    return sorted(p for _, p in best.values())


def _verify_pairs(
    store: LinkStore,
    pairs: list[Pair],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress,
    asked: list[tuple[Link, Verification]] | None = None,
    checked: list[tuple[Link, Verification]] | None = None,
    burnt: BurntIn | None = None,
    found_by: str | Mapping[Pair, str] | None = None,
    chance: list[Pair] | None = None,
) -> list[Link]:
    """Verify ``pairs`` on the runner; the links, in ``asked`` those of them that rest
    on an object-sized region (``objects.questioned``), with their verification, and in
    ``checked`` every link with its verification (for the common-content test).
    ``found_by``: the stage that offered the pairs, or each pair's (``Link.found_by``).
    ``chance``: gets the pairs only the mirrored query offered that verified as they
    are (``LinkOptions.mirrored_only_mirrored``: not links)."""
    batches = [
        (str(store.root), pairs[i : i + options.verify_batch], options.verify, burnt)
        for i in range(0, len(pairs), options.verify_batch)
    ]
    links: list[Link] = []
    done = 0
    progress("verify", 0, len(pairs))
    for results in runner.map(verify_task, batches):
        for (a, va, b, vb), v in results:
            stage = found_by.get((a, va, b, vb)) if isinstance(found_by, Mapping) else found_by
            if stage == "mirrored" and options.mirrored_only_mirrored and not v.mirrored:
                if v.linked and chance is not None:
                    chance.append((a, va, b, vb))
                continue
            if v.linked:
                links.append(place_link(a, va, b, vb, v, found_by=stage))
                if checked is not None:
                    checked.append((links[-1], v))
                if asked is not None and questioned(v, options.hub):
                    asked.append((links[-1], v))
        done += len(results)
        progress("verify", done, len(pairs))
    return links


#: Search vectors (link sides) searched over the store at a time by the shared-object
#: and common-content tests. Each is as long as a view's VLAD vector (128 KB at 256
#: words): made all first, they held 2.4 GB on the client of a 9,359-link build
#: (docs/benchmarks.md). The blocks are the ones the searches always used, so the
#: similarities are the same to the last bit.
SEARCH_BLOCK = 256


def shared_object_links(
    store: LinkStore,
    asked: Sequence[tuple[Link, Verification]],
    new_links: Sequence[Link],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    burnt: BurntIn | None = None,
) -> tuple[set[tuple[str, str, str]], list[dict[str, Any]], int]:
    """The shared-object test (``link.objects``) over questioned links: each side's
    matched region is searched over the store (a VLAD vector of its own descriptors), its
    ``hub.candidates`` nearest items outside both sides' components are verified against
    it, and a link with a holder is refused. The components are those of every known
    place link: over only the links that are not questioned themselves, views of the
    searched picture's own place filled the candidates (and some passed for holders):
    on the v5 collection the build kept both wrong links and lost 2.3 % of right links.
    Returns the refused links' keys,
    their records (for ``objects.jsonl``) and the verifications spent."""
    assert store.codebook is not None
    rows = store.global_rows()
    place = [x for x in [*store.links.values(), *new_links] if x.kind == "place"]
    component: dict[str, int] = {}
    members: list[list[str]] = _components(
        {x for p in place for x in (p.a, p.b)}, ((p.a, p.b) for p in place)
    )
    for c, ms in enumerate(members):
        for m in ms:
            component[m] = c

    def related(item: str) -> set[str]:
        return set(members[component[item]]) if item in component else {item}

    sides: list[tuple[int, str, str, int, tuple[int, int, int, int]]] = []
    candidates: list[Pair] = []
    owner: list[int] = []  # index into ``sides`` of each candidate pair
    k = options.hub.candidates
    words = len(store.codebook)
    vectors: list[F32] = []

    def search() -> None:  # the last len(vectors) sides
        first = len(sides) - len(vectors)
        sims = region_similarities(rows.vlad, np.stack(vectors), words)
        for r in range(len(sims)):
            n, _, item, view, _ = sides[first + r]
            link = asked[n][0]
            for other, other_view in nearest_outside(
                sims[r], rows, related(link.a) | related(link.b), k
            ):
                candidates.append((item, view, other, other_view))
                owner.append(first + r)
        vectors.clear()

    for n, (link, v) in enumerate(asked):
        for side, item, view, box in (
            ("a", link.a, link.view_a, v.region_a),
            ("b", link.b, link.view_b, v.region_b),
        ):
            if box is not None:
                f = cached_features(str(store.root), item)[view][0]
                sides.append((n, side, item, view, box))
                vectors.append(region_vector(f, box, store.codebook))
                if len(vectors) == SEARCH_BLOCK:
                    search()
    if vectors:
        search()
    found = _verify_ordered(store, candidates, object_options(options.verify, options.hub),
                            options, runner, progress, burnt)  # fmt: skip
    holders: dict[int, list[dict[str, Any]]] = {}
    for (_, _, other, other_view), w, s in zip(candidates, found, owner, strict=True):
        n, side, _, _, box = sides[s]
        if holds(w, box, options.hub):
            holders.setdefault(n, []).append(
                {
                    "side": side,
                    "item": other,
                    "view": other_view,
                    "inliers": w.inliers,
                    "region": list(w.region_a) if w.region_a else None,
                }
            )
    holders = {
        n: h for n, h in holders.items() if len({x["item"] for x in h}) >= options.hub.min_holders
    }
    refused = {asked[n][0].key for n in holders}
    records = [
        asked[n][0].to_json() | {"region_cover": asked[n][1].region_cover, "holders": h}
        for n, h in sorted(holders.items())
    ]
    return refused, records, len(candidates)


def nearest_outside(
    sims: npt.NDArray[np.float32], rows: GlobalRows, skip: set[str], k: int
) -> list[tuple[str, int]]:
    """The ``k`` items most similar by ``sims`` (one score a stored view, ``rows``' order),
    each at its most similar view, leaving out the items in ``skip``: the candidates of
    the shared-object and common-content tests."""
    out: list[tuple[str, int]] = []
    taken: set[str] = set()
    if k <= 0:
        return out
    for j in np.argsort(-sims):
        other = str(rows.item[j])
        if other in skip or other in taken:
            continue
        taken.add(other)
        out.append((other, int(rows.view[j])))
        if len(out) >= k:
            break
    return out


def common_task(
    args: tuple[str, Sequence[tuple[str, int, tuple[int, ...], list[tuple[str, int]]]],
                VerifyOptions, CommonOptions],
) -> list[npt.NDArray[np.int32]]:  # fmt: skip
    """For each (item, view, inliers, candidates): in how many candidates each inlier
    is found (``common.holder_counts``)."""
    root, sides, verify_options, options = args
    out = []
    for item, view, inliers, others in sides:
        f, d = cached_features(root, item)[view]
        found = [cached_features(root, o)[ov] for o, ov in others]
        out.append(holder_counts(f, d, inliers, found, verify_options, options))
    return out


def neighbourhoods(links: Iterable[Link]) -> dict[str, set[str]]:
    """Each item's directly linked items (place links), itself included."""
    near: dict[str, set[str]] = {}
    for x in links:
        if x.kind == "place":
            near.setdefault(x.a, {x.a}).add(x.b)
            near.setdefault(x.b, {x.b}).add(x.a)
    return near


def common_counts(
    store: LinkStore,
    checked: Sequence[tuple[Link, Verification]],
    new_links: Sequence[Link],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    near: dict[str, set[str]] | None = None,
) -> tuple[list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]], int]:
    """For each checked link, each side's inliers' holder counts (``link.common``): the
    side's inliers make a VLAD vector, searched over the store by the cosine over its own
    visual words; its ``common.candidates`` nearest items that are neither linked
    directly to either side (over every known place link) nor a side are matched
    against those inliers. ``near``: the neighbourhoods to leave out (default: those of
    the stored links and ``new_links``). Returns the counts and the candidate matchings
    spent."""
    assert store.codebook is not None
    rows = store.global_rows()
    if near is None:
        near = neighbourhoods([*store.links.values(), *new_links])
    k = options.common.candidates
    words = len(store.codebook)
    sides: list[tuple[str, int, tuple[int, ...], list[tuple[str, int]]]] = []
    vectors: list[F32] = []

    def search() -> None:  # the last len(vectors) sides, two a link
        first = len(sides) - len(vectors)
        sims = region_similarities(rows.vlad, np.stack(vectors), words)
        for r in range(len(sims)):
            link = checked[(first + r) // 2][0]
            skip = near.get(link.a, {link.a}) | near.get(link.b, {link.b})
            sides[first + r][3].extend(nearest_outside(sims[r], rows, skip, k))
        vectors.clear()

    for link, v in checked:
        for item, view, idx in (
            (link.a, link.view_a, v.inliers_a or ()),
            (link.b, link.view_b, v.inliers_b or ()),
        ):
            d = cached_features(str(store.root), item)[view][1]
            sides.append((item, view, tuple(idx), []))
            vectors.append(vlad(d[np.asarray(idx, np.int64)], store.codebook))
            if len(vectors) == SEARCH_BLOCK:
                search()
    if vectors:
        search()
    batch = max(1, options.verify_batch // max(1, k))
    batches = [
        (str(store.root), sides[i : i + batch], options.verify, options.common)
        for i in range(0, len(sides), batch)
    ]
    counts: list[npt.NDArray[np.int32]] = []
    progress("common", 0, len(sides))
    for result in runner.map(common_task, batches):
        counts.extend(result)
        progress("common", len(counts), len(sides))
    pairs = [(counts[2 * n], counts[2 * n + 1]) for n in range(len(checked))]
    return pairs, sum(len(s[3]) for s in sides)


def common_content_links(
    store: LinkStore,
    checked: Sequence[tuple[Link, Verification]],
    new_links: Sequence[Link],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    shares: dict[tuple[str, str, str], float] | None = None,
) -> tuple[set[tuple[str, str, str]], list[dict[str, Any]], int]:
    """The common-content test (``link.common``) over ``checked`` links: those with too
    few specific inliers on a side are refused. Returns their keys, their records (for
    ``objects.jsonl``, with ``specific`` inliers of each side) and the matchings spent;
    ``shares`` (when given) gets each link's ``common.own_share`` as last counted.

    The candidates leave out each side's neighbourhood, and a link the test refuses is
    no neighbourhood: after each round, the links whose sides' neighbourhoods lost a
    refused link are counted again without it (``CommonOptions.rounds``). In one round
    over every link found, wrong links between places that share content (the same app
    frame round two screenshots, the same photographed ground in two yards) made the
    places holding that content each other's neighbours, so the candidates that would
    have found it were left out (docs/link.md, ninth round)."""
    refused: set[tuple[str, str, str]] = set()
    records: list[dict[str, Any]] = []
    searched = 0
    todo = list(checked)
    before: dict[str, set[str]] | None = None
    for n in range(max(1, options.common.rounds)):
        near = neighbourhoods(
            [*store.links.values(), *(x for x in new_links if x.key not in refused)]
        )
        if before is not None:
            todo = [
                (x, v)
                for x, v in checked
                if x.key not in refused
                and (near.get(x.a) != before.get(x.a) or near.get(x.b) != before.get(x.b))
            ]
        if not todo:
            break
        counts, spent = common_counts(store, todo, new_links, options, runner, progress, near)
        searched += spent
        for (link, _), (ca, cb) in zip(todo, counts, strict=True):
            if shares is not None:
                shares[link.key] = round(own_share(ca, cb, options.common), 3)
            if common_content(ca, cb, options.common, link.model, link.found_by):
                refused.add(link.key)
                records.append(_common_record(link, ca, cb, options.common, n + 1))
        before = near
    return refused, records, searched


Side = tuple[str, int]


def conflict_task(
    args: tuple[str, Sequence[tuple[Link, Verification, Mapping[int, int], Mapping[int, int]]],
                ConflictOptions],
) -> list[tuple[Missing, Missing]]:  # fmt: skip
    """For each (link, its verification, a's confirmed keypoints, b's, each with how many
    other links match it): what each side misses of the other (``conflict.missing``)."""
    root, jobs, options = args
    out = []
    for link, v, confirmed_a, confirmed_b in jobs:
        fa, ra = cached_features(root, link.a)[link.view_a]
        fb, rb = cached_features(root, link.b)[link.view_b]
        if v.mirrored:
            rb = np.asarray(mirrored(rb), np.float32)
        ia = np.asarray(v.inliers_a or (), np.int64)
        ib = np.asarray(v.inliers_b or (), np.int64)
        out.append(
            (
                missing_side(fa.points, ra, ia, fb.points, rb, ib, confirmed_a, options),
                missing_side(fb.points, rb, ib, fa.points, ra, ia, confirmed_b, options),
            )
        )
    return out


def conflict_links(
    store: LinkStore,
    checked: Sequence[tuple[Link, Verification]],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    burnt: BurntIn | None = None,
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]], list[dict[str, Any]], int]:
    """The conflict test (``link.conflict``) over ``checked`` links (the build's links
    that passed the other tests, with their verifications) and, with
    ``ConflictOptions.revisit``, over the stored plain links of the same views, each
    side measured by ``conflict_sides``. Returns the refused new links' keys, the
    stored links' keys to withdraw, the records of both (for ``objects.jsonl``; a
    withdrawn link's has ``"withdrawn": true``) and the stored links verified again."""
    tested, sides, again = conflict_sides(store, checked, options, runner, progress, burnt)
    new = {x.key for x, _ in checked}
    refused: set[tuple[str, str, str]] = set()
    withdrawn: set[tuple[str, str, str]] = set()
    records: list[dict[str, Any]] = []
    for (link, _), (ma, mb) in zip(tested, sides, strict=True):
        rule = conflict_rule(ma, mb, options.conflict)
        if rule is None:
            continue
        record = link.to_json() | {
            "conflict": True,
            "rule": rule,
            "missing": [ma.missing, mb.missing],
            "confirmed": [ma.confirmed, mb.confirmed],
            "strong_missing": [ma.strong_missing, mb.strong_missing],
            "strong_confirmed": [ma.strong_confirmed, mb.strong_confirmed],
        }
        if link.key in new:
            refused.add(link.key)
        else:
            withdrawn.add(link.key)
            record["withdrawn"] = True
        records.append(record)
    return refused, withdrawn, records, again


def conflict_sides(
    store: LinkStore,
    checked: Sequence[tuple[Link, Verification]],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    burnt: BurntIn | None = None,
) -> tuple[list[tuple[Link, Verification]], list[tuple[Missing, Missing]], int]:
    """What each side of the tested links misses of its confirmed keypoints
    (``link.conflict.missing``): the tested links (``checked`` and, with
    ``ConflictOptions.revisit``, the stored plain links of the same views that verify
    again), their sides in order, and the stored links verified again. A side's
    confirmed keypoints are the inliers of its view's other place links: ``checked``
    ones and those stored plain ones, which are verified again for their inliers
    (guided links are left out: their inliers were chosen by the link itself)."""
    if not checked:
        return [], [], 0
    inliers: dict[Side, list[tuple[tuple[str, str, str], tuple[int, ...]]]] = {}

    def note(link: Link, v: Verification) -> None:
        inliers.setdefault((link.a, link.view_a), []).append((link.key, v.inliers_a or ()))
        inliers.setdefault((link.b, link.view_b), []).append((link.key, v.inliers_b or ()))

    for link, v in checked:
        note(link, v)
    keys = {x.key for x, _ in checked}
    stored = [
        x
        for x in store.links.values()
        if x.kind == "place" and not x.guided and x.key not in keys
        and ((x.a, x.view_a) in inliers or (x.b, x.view_b) in inliers)
    ]  # fmt: skip
    tested = list(checked)
    if stored:
        pairs: list[Pair] = [(x.a, x.view_a, x.b, x.view_b) for x in stored]
        batches = [
            (str(store.root), pairs[i : i + options.verify_batch], options.verify, burnt)
            for i in range(0, len(pairs), options.verify_batch)
        ]
        found = [v for result in runner.map(verify_task, batches) for _, v in result]
        for link, v in zip(stored, found, strict=True):
            if v.linked:
                note(link, v)
                if options.conflict.revisit:
                    tested.append((link, v))

    def confirmed(side: Side, key: tuple[str, str, str]) -> dict[int, int]:
        """The side's keypoints its other links match, each with how many do."""
        return dict(Counter(i for k, idx in inliers[side] if k != key for i in set(idx)))

    jobs = [
        (x, v, confirmed((x.a, x.view_a), x.key), confirmed((x.b, x.view_b), x.key))
        for x, v in tested
    ]
    size = max(1, options.verify_batch)
    tasks = [
        (str(store.root), jobs[i : i + size], options.conflict) for i in range(0, len(jobs), size)
    ]
    results: list[tuple[Missing, Missing]] = []
    progress("conflict", 0, len(jobs))
    for result in runner.map(conflict_task, tasks):
        results.extend(result)
        progress("conflict", len(results), len(jobs))
    return tested, results, len(stored)


def _common_record(
    link: Link, ca: npt.NDArray[np.int32], cb: npt.NDArray[np.int32], options: CommonOptions,
    round_: int,
) -> dict[str, Any]:  # fmt: skip
    """The ``objects.jsonl`` record of a link the common-content test refused in round
    ``round_``, with each side's specific inliers (``ca``, ``cb``: holder counts)."""
    return link.to_json() | {
        "common_content": True,
        "round": round_,
        "own_share": round(own_share(ca, cb, options), 3),
        "bar": specific_bar(options, link.model, link.found_by),
        "specific": [
            int((ca < options.min_holders).sum()),
            int((cb < options.min_holders).sum()),
        ],
    }


@dataclass(frozen=True)
class Neighbourhoods:
    """Who is related to whom over the store's place links, as the refusal tests ask:
    ``component`` (the shared-object test: every item of its link component) and
    ``near`` (the common-content test: its directly linked items), each item included."""

    component: dict[str, frozenset[str]]
    near: dict[str, set[str]]

    @classmethod
    def of(cls, links: Iterable[Link]) -> Neighbourhoods:
        place = [x for x in links if x.kind == "place"]
        members = _components({x for p in place for x in (p.a, p.b)}, ((p.a, p.b) for p in place))
        component = {m: frozenset(ms) for ms in members for m in ms}
        return cls(component, neighbourhoods(place))

    def related(self, item: str) -> set[str]:
        return set(self.component.get(item, {item}))

    def nearby(self, item: str) -> set[str]:
        return set(self.near.get(item, {item}))


@dataclass(frozen=True, slots=True)
class _Sides:
    """What the refusal tests of one link of a picture outside the store search for:
    the matched regions of the shared-object test and the inliers of the common-content
    test, each side's, and their VLAD vectors (``queries``, regions first)."""

    hub: list[tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None, Box]]
    common: list[tuple[PlaceFeatures, F32, npt.NDArray[np.int64]]]
    queries: list[F32]


def _sighting_sides(
    store: LinkStore,
    mine: tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None],
    item: str,
    view: int,
    v: Verification,
    options: LinkOptions,
    burnt: BurntIn | None,
) -> _Sides | None:
    """``refused_sighting``'s searches for one link, or None when it has none."""
    codebook = store.codebook
    if codebook is None or not v.linked:
        return None
    root = str(store.root)
    stored, stored_rs = cached_features(root, item)[view]
    mine_f, mine_rs, mine_overlay = mine
    hub = options.hub.max_region_cover > 0 and questioned(v, options.hub)
    sides_hub = [
        (f, rs, overlay, box)
        for f, rs, overlay, box in (
            (mine_f, mine_rs, mine_overlay, v.region_a),
            (stored, stored_rs, stored_overlay_mask(root, item, view, burnt), v.region_b),
        )
        if hub and box is not None
    ]
    sides_common = [
        (f, rs, np.asarray(idx or (), np.int64))
        for f, rs, idx in ((mine_f, mine_rs, v.inliers_a), (stored, stored_rs, v.inliers_b))
        if options.common.candidates > 0
    ]
    queries = [region_vector(f, box, codebook) for f, _, _, box in sides_hub] + [
        vlad(rs[inliers], codebook) for _, rs, inliers in sides_common
    ]
    return _Sides(sides_hub, sides_common, queries) if queries else None


def sighting_similarities(
    store: LinkStore,
    rows: GlobalRows,
    links: Sequence[tuple[tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None], str, int]],
    verifications: Sequence[Verification],
    options: LinkOptions,
    burnt: BurntIn | None = None,
) -> list[F32 | None]:
    """The similarities ``refused_sighting`` searches with, for several links at once
    (each as (mine, stored item, its view), verified as ``verifications``): one pass
    over the stored vectors for all of them, where asking a link at a time makes a pass
    each (a query that links to many pictures of a large store)."""
    sides = [
        _sighting_sides(store, mine, item, view, v, options, burnt)
        for (mine, item, view), v in zip(links, verifications, strict=True)
    ]
    queries = [q for s in sides if s is not None for q in s.queries]
    if not queries or store.codebook is None:
        return [None] * len(links)
    sims = region_similarities(rows.vlad, np.stack(queries), len(store.codebook))
    out: list[F32 | None] = []
    first = 0
    for s in sides:
        n = 0 if s is None else len(s.queries)
        out.append(sims[first : first + n] if n else None)
        first += n
    return out


def refused_sighting(
    store: LinkStore,
    rows: GlobalRows,
    neighbourhoods_: Neighbourhoods,
    mine: tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None],
    item: str,
    view: int,
    v: Verification,
    options: LinkOptions,
    burnt: BurntIn | None = None,
    mine_id: str | None = None,
    vectors: npt.NDArray[np.generic] | None = None,
    attaching: bool = False,
    sims: F32 | None = None,
    energy: F32 | None = None,
) -> str | None:
    """Whether a link of a picture outside the store (``mine``: a ``link query`` file or
    a live frame, with its RootSIFT descriptors and burnt-in overlay mask) to the stored
    ``item``'s ``view`` (verified as ``v``, ``mine`` first) fails the refusal tests that
    ``build`` applies to its links: ``"shared_object"`` (``link.objects``: two distinct
    unrelated holders of either side's matched region), ``"common_content"``
    (``link.common``: too few specific inliers on a side), or None (it stands). The same
    candidates as in ``build`` (the stored item's neighbourhood and ``mine_id`` left out;
    ``mine`` is linked to nothing), the same verifications and thresholds, one link at a
    time on the calling process: a few verifications and up to 32 partial matchings for
    a link, nothing for a pair that does not link. ``vectors``: the stored VLAD vectors
    in ``rows``' order when the caller holds them as float32 already (live linking).
    ``sims``: this link's rows of ``sighting_similarities``, when the caller asked for
    several links at once. ``energy``: the stored vectors' ``objects.word_energy``, when
    the caller keeps it (live linking)."""
    sides = _sighting_sides(store, mine, item, view, v, options, burnt)
    if sides is None or store.codebook is None:
        return None
    root = str(store.root)
    out = {mine_id} if mine_id else set()
    sides_hub, sides_common = sides.hub, sides.common
    if sims is None:  # one pass over the stored vectors for every search of this link
        sims = region_similarities(
            rows.vlad if vectors is None else vectors,
            np.stack(sides.queries),
            len(store.codebook),
            energy,
        )
    if sides_hub:
        skip = neighbourhoods_.related(item) | out
        holders: set[str] = set()
        object_verify = object_options(options.verify, options.hub)
        for (f, rs, overlay, box), row in zip(sides_hub, sims[: len(sides_hub)], strict=True):
            for other, other_view in nearest_outside(row, rows, skip, options.hub.candidates):
                of, ors = cached_features(root, other)[other_view]
                w = verify(
                    f,
                    of,
                    object_verify,
                    rootsift_a=rs,
                    rootsift_b=ors,
                    overlay_a=overlay,
                    overlay_b=stored_overlay_mask(root, other, other_view, burnt),
                )
                if holds(w, box, options.hub):
                    holders.add(other)
        if len(holders) >= options.hub.min_holders:
            return "shared_object"
    if sides_common:
        # Attaching (``v`` a guided link's ``guided.plain_part``): ``mine`` would join
        # the item's group, so the whole group is left out, as in ``guided_refusals``.
        skip = (neighbourhoods_.related if attaching else neighbourhoods_.nearby)(item) | out
        counts: list[npt.NDArray[np.int32]] = []
        for (f, rs, inliers), row in zip(sides_common, sims[len(sides_hub) :], strict=True):
            others = nearest_outside(row, rows, skip, options.common.candidates)
            found = [cached_features(root, o)[ov] for o, ov in others]
            counts.append(
                holder_counts(f, rs, inliers.tolist(), found, options.verify, options.common)
            )
        if common_content(counts[0], counts[1], options.common, v.model):
            return "common_content"
    return None


def _verify_ordered(
    store: LinkStore,
    pairs: list[Pair],
    verify_options: VerifyOptions,
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress,
    burnt: BurntIn | None = None,
) -> list[Verification]:
    """Verifications of ``pairs`` (first item first), in their order (a runner may
    return batches in any order; a pair asked twice is verified twice, the same)."""
    batches = [
        (str(store.root), pairs[i : i + options.verify_batch], verify_options, burnt)
        for i in range(0, len(pairs), options.verify_batch)
    ]
    done: dict[Pair, Verification] = {}
    progress("objects", 0, len(pairs))
    for results in runner.map(verify_task, batches):
        done.update(results)
        progress("objects", len(done), len(pairs))
    return [done[p] for p in pairs]


def guided_to_stored(
    root: str,
    mine: tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None],
    item: str,
    view: int,
    plain: Verification,
    options: LinkOptions,
    burnt: BurntIn | None,
) -> Verification | None:
    """``guided_verify`` of a picture outside the store (``mine``: features, RootSIFT,
    burnt-in overlay mask) against a stored item's view, ``plain`` its verification."""
    stored, stored_rs = cached_features(root, item)[view]
    return guided_verify(
        mine[0],
        stored,
        plain,
        options.verify,
        options.attach.guided,
        rootsift_a=mine[1],
        rootsift_b=stored_rs,
        overlay_a=mine[2],
        overlay_b=stored_overlay_mask(root, item, view, burnt),
    )


def agreed(votes: dict[Any, list[T]], need: int) -> list[T]:
    """The attaching rule: the guided links (``votes``, by place group) when one group
    alone has any and it has ``need`` or more; nothing otherwise."""
    if len(votes) != 1:
        return []
    (found,) = votes.values()
    return found if len(found) >= need else []


def attach_task(
    args: tuple[str, Sequence[Pair], VerifyOptions, GuidedOptions, BurntIn | None],
) -> list[tuple[Pair, Verification | None]]:
    """Each pair verified, and again guided when it is a near miss (``link.guided``):
    the guided verification, or None when no guided pass was made."""
    root, pairs, options, guided, burnt = args
    out: list[tuple[Pair, Verification | None]] = []
    for pair in pairs:
        a, va, b, vb = pair
        fa, ra = cached_features(root, a)[va]
        fb, rb = cached_features(root, b)[vb]
        oa = stored_overlay_mask(root, a, va, burnt)
        ob = stored_overlay_mask(root, b, vb, burnt)
        v = verify(fa, fb, options, rootsift_a=ra, rootsift_b=rb, overlay_a=oa, overlay_b=ob)
        w = guided_verify(
            fa, fb, v, options, guided, rootsift_a=ra, rootsift_b=rb, overlay_a=oa, overlay_b=ob
        )
        out.append((pair, w))
    return out


@dataclass(frozen=True, slots=True)
class Attaching:
    """What ``attach_links`` did: the links it made, the pictures they attach, the
    guided verifications spent, the guided links the refusal tests took (their records,
    for ``objects.jsonl``) and what those tests spent (verifications of the
    shared-object test, partial matchings of the common-content test)."""

    links: list[Link]
    pictures: int
    verified: int
    refused: list[dict[str, Any]]
    searched: int = 0
    matchings: int = 0


def attach_links(
    store: LinkStore,
    new_ids: Sequence[str],
    links: Sequence[Link],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    burnt: BurntIn | None = None,
    retry: Collection[str] = (),
) -> Attaching:
    """Links that attach the new pictures no place link reaches to a place group, and
    the stored pictures ``retry`` that no place link reaches either.

    Each such picture is verified against its ``attach.candidates`` nearest items (the
    first shortlist round) that are in a place group (over the stored links and
    ``links``), plainly and, for near misses, guided (``link.guided``). Only guided links
    count: a plain link between these pairs was refused by a test of ``build`` or never
    shortlisted. The picture is attached when ``attach.votes`` or more pictures of one
    group link to it this way and none of another group does (``agreed``); its guided
    links become place links (``guided``). With ``attach.tests``, the links agreed on
    go through ``build``'s refusal tests first (``guided_refusals``), and the picture is
    attached only by the ``attach.votes`` or more that pass. A refused link of another
    group still stops it: the tests only ever take attachments away."""
    place = [x for x in [*store.links.values(), *links] if x.kind == "place"]
    members, _ = _place_groups(place)
    group_of = {m: n for n, ms in enumerate(members) for m in ms}
    alone = [i for i in dict.fromkeys([*new_ids, *sorted(retry)]) if i not in group_of]
    if not alone:
        return Attaching([], 0, 0, [])
    pairs = [
        p
        for p in shortlist(store, alone, options.attach.candidates)
        if (p[0] in group_of) != (p[2] in group_of)
    ]
    if retry:
        # A stored picture is asked again only if a candidate is new or linked in this
        # build: with the same candidates in the same groups it would fail as before.
        fresh = {*new_ids, *(x for link in links for x in (link.a, link.b))}
        retried = set(retry)
        again = {x for a, _, b, _ in pairs if {a, b} & fresh for x in (a, b) if x in retried}
        pairs = [p for p in pairs if not {p[0], p[2]} & retried or {p[0], p[2]} & again]
    batches = [
        (str(store.root), pairs[i : i + options.verify_batch], options.verify,
         options.attach.guided, burnt)
        for i in range(0, len(pairs), options.verify_batch)
    ]  # fmt: skip
    votes: dict[str, dict[int, list[tuple[Link, Verification]]]] = {}
    done = 0
    progress("attach", 0, len(pairs))
    for results in runner.map(attach_task, batches):
        for (a, va, b, vb), w in results:
            if w is not None and w.linked:
                x = place_link(a, va, b, vb, w, guided=True, found_by="attach")
                new, old = (b, a) if a in group_of else (a, b)
                votes.setdefault(new, {}).setdefault(group_of[old], []).append((x, w))
        done += len(results)
        progress("attach", done, len(pairs))
    found = {new: agreed(votes[new], options.attach.votes) for new in sorted(votes)}
    agreeing = [xw for xws in found.values() for xw in xws]
    refused: list[dict[str, Any]] = []
    searched = matchings = 0
    shares: dict[tuple[str, str, str], float] = {}
    gone: set[tuple[str, str, str]] = set()
    if options.attach.tests and agreeing:
        gone, refused, searched, matchings = guided_refusals(
            store, agreeing, links, options, runner, progress, burnt, shares
        )
    out: list[Link] = []
    pictures = 0
    for xws in found.values():
        kept = [replace(x, own_share=shares.get(x.key)) for x, _ in xws if x.key not in gone]
        if len(kept) >= options.attach.votes:
            out.extend(kept)
            pictures += 1
    return Attaching(out, pictures, len(pairs), refused, searched, matchings)


def guided_refusals(
    store: LinkStore,
    linked: Sequence[tuple[Link, Verification]],
    links: Sequence[Link],
    options: LinkOptions,
    runner: TaskRunner,
    progress: Progress = _nothing,
    burnt: BurntIn | None = None,
    shares: dict[tuple[str, str, str], float] | None = None,
) -> tuple[set[tuple[str, str, str]], list[dict[str, Any]], int, int]:
    """``build``'s refusal tests over guided links (``linked``, with their guided
    verifications) that would attach pictures: the shared-object test on those resting
    on an object-sized region, then the common-content test on those left, over their
    plain inliers (``guided.plain_part``) and leaving out the whole group the picture
    would join. The components are those of the stored links and ``links`` (the
    build's own), so a picture being attached is related to nothing. Returns the
    refused links' keys, their records (for ``objects.jsonl``), the shared-object
    test's verifications and the common-content test's partial matchings."""
    asked = [(x, w) for x, w in linked if questioned(w, options.hub)]
    gone: set[tuple[str, str, str]] = set()
    records: list[dict[str, Any]] = []
    searched = matchings = 0
    if asked and options.hub.max_region_cover > 0:
        gone, records, searched = shared_object_links(
            store, asked, links, options, runner, progress, burnt
        )
    if options.common.candidates > 0:
        root = str(store.root)
        rest = [
            (x, plain_part(w, cached_features(root, x.a)[x.view_a][1],
                           cached_features(root, x.b)[x.view_b][1], options.verify))
            for x, w in linked
            if x.key not in gone
        ]  # fmt: skip
        # The picture would join the group of the side that has one: the content found
        # in the group's other pictures is expected, so the whole group (its link
        # component), not only that side's direct neighbours, is left out of the
        # candidates. With direct neighbours only, on the v18 development store 14 of
        # the 15 links refused were right, their plain inliers found in unlinked views
        # of their own place (bench/link_attach_refusals.py).
        near = {
            m: set(c)
            for m, c in Neighbourhoods.of([*store.links.values(), *links]).component.items()
        }
        counts, matchings = common_counts(store, rest, links, options, runner, progress, near)
        for (x, _), (ca, cb) in zip(rest, counts, strict=True):
            if shares is not None:
                shares[x.key] = round(own_share(ca, cb, options.common), 3)
            if common_content(ca, cb, options.common, x.model):
                gone = gone | {x.key}
                records.append(_common_record(x, ca, cb, options.common, 1))
    return gone, records, searched, matchings


def place_link(
    a: str,
    va: int,
    b: str,
    vb: int,
    v: Verification,
    *,
    guided: bool = False,
    found_by: str | None = None,
) -> Link:
    return Link(
        kind="place",
        a=a,
        b=b,
        score=v.score,
        view_a=va,
        view_b=vb,
        inliers=v.inliers,
        matches=v.matches,
        model=v.model,
        region_a=v.region_a,
        region_b=v.region_b,
        distinct=v.distinct,
        cells=v.cells,
        region_cover=v.region_cover,
        mirrored=v.mirrored,
        guided=guided,
        found_by=found_by,
    )


def _face_links(store: LinkStore, new: set[str], threshold: float) -> list[Link]:
    rows = store.face_rows()
    if len(rows.item) == 0:
        return []
    is_new = np.isin(rows.item, list(new))
    best: dict[tuple[str, str], Link] = {}
    for i in np.flatnonzero(is_new):
        d = np.linalg.norm(rows.embedding - rows.embedding[i], axis=1)
        for j in np.flatnonzero(d <= threshold):
            a, b = str(rows.item[i]), str(rows.item[j])
            if a == b or (is_new[j] and j < i and b in new and (b, a) in best):
                continue
            key = (a, b) if a < b else (b, a)
            first, second = (i, j) if a < b else (j, i)
            link = Link(
                kind="face",
                a=key[0],
                b=key[1],
                score=round(1.0 - float(d[j]), 4),
                view_a=int(rows.view[first]),
                view_b=int(rows.view[second]),
                distance=round(float(d[j]), 4),
                region_a=tuple(int(x) for x in rows.box[first]),  # type: ignore[arg-type]
                region_b=tuple(int(x) for x in rows.box[second]),  # type: ignore[arg-type]
                frames=(int(rows.frames[first]), int(rows.frames[second])),
            )
            if key not in best or (best[key].distance or 0.0) > float(d[j]):
                best[key] = link
    return list(best.values())


# --- groups ---------------------------------------------------------------------------------


def _components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[str]] = {}
    for n in parent:
        comps.setdefault(find(n), []).append(n)
    return [sorted(c) for c in comps.values() if len(c) > 1]


#: A place link that is the only connection between two parts of the link graph with at
#: least this many pictures each does not merge them into one group: views of one place link
#: to each other many times over, while a wrong link (one poster or print shared by two
#: rooms) is typically a lone edge between two such clusters, and chained, it made groups of
#: hundreds of pictures. The link itself stays, with its evidence (queries, GraphML,
#: ``unmerged_links``). Measured on the two 10,000-picture development stores
#: (``bench/link.py`` generators v3 and v4, both seen): groups mixing places 7 -> 0 and
#: 38 -> 18, the largest group 18 -> 6 and 325 -> 97, same-place pairs in one group
#: 0.9692 -> 0.9692 and 0.9826 -> 0.9822; 2, 3 and 4 gave the same within one group.
BRIDGE_SIDE = 3


def _splitting_bridges(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], side: int
) -> set[int]:
    """Indices of the edges that are bridges (their removal disconnects their component)
    with at least ``side`` nodes on each side. Tarjan's bridge search, iterative (a
    component can be thousands of nodes deep)."""
    adjacent: dict[str, list[tuple[str, int]]] = {n: [] for n in nodes}
    for index, (a, b) in enumerate(edges):
        adjacent[a].append((b, index))
        adjacent[b].append((a, index))
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    size: dict[str, int] = {}
    cut: set[int] = set()
    for root in adjacent:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        size[root] = 1
        component = 1
        bridges: list[tuple[str, int]] = []
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            for other, index in neighbours:
                if index == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                    continue
                order[other] = low[other] = len(order)
                size[other] = 1
                component += 1
                stack.append((other, index, iter(adjacent[other])))
                break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    size[parent] += size[node]
                    if low[node] > order[parent]:
                        bridges.append((node, via))
        cut.update(i for child, i in bridges if side <= size[child] <= component - side)
    return cut


def _place_groups(place: Sequence[Link]) -> tuple[list[list[str]], list[Link]]:
    """The place groups' members, and the links left out of grouping (``BRIDGE_SIDE``)."""
    nodes = sorted({x for p in place for x in (p.a, p.b)})
    edges = [(p.a, p.b) for p in place]
    cut = _splitting_bridges(nodes, edges, BRIDGE_SIDE)
    kept = [e for i, e in enumerate(edges) if i not in cut]
    return _components(nodes, kept), [place[i] for i in sorted(cut)]


def unmerged_links(store: LinkStore) -> list[Link]:
    """Place links that do not merge their two sides into one group (``BRIDGE_SIDE``)."""
    return _place_groups([link for link in store.links.values() if link.kind == "place"])[1]


def groups(store: LinkStore, face_threshold: float = DEFAULT_FACE_THRESHOLD) -> list[Group]:
    """Place groups (connected components of place links, a lone link between two parts of
    ``BRIDGE_SIDE`` or more pictures each not merging them) and face groups (Chinese
    whispers over face embeddings; connected components of face links without dlib).
    A group's id is its kind and its smallest member id."""
    out: list[Group] = []
    place = [link for link in store.links.values() if link.kind == "place"]
    for members in _place_groups(place)[0]:
        ms = set(members)
        links = [p for p in place if p.a in ms and p.b in ms]
        out.append(Group(f"place-{members[0]}", "place", members, links))
    face = [link for link in store.links.values() if link.kind == "face"]
    rows = store.face_rows()
    if face and faces_available() and len(rows.item):
        labels = chinese_whispers(rows.embedding, face_threshold)
        clusters: dict[int, set[str]] = {}
        for item, label in zip(rows.item, labels, strict=True):
            clusters.setdefault(label, set()).add(str(item))
        face_sets = [sorted(c) for c in clusters.values() if len(c) > 1]
    else:
        face_sets = _components({x for f in face for x in (f.a, f.b)}, ((f.a, f.b) for f in face))
    for members in face_sets:
        ms = set(members)
        links = [f for f in face if f.a in ms and f.b in ms]
        if links:
            out.append(Group(f"face-{members[0]}", "face", members, links))
    out.sort(key=lambda g: (-len(g.members), g.id))
    return out


def refusing_test(record: dict[str, Any]) -> str:
    """Which test refused the link of an ``objects.jsonl`` record: ``"conflict"``
    (``link.conflict``), ``"overlay"`` (``overlay_withdrawals``), ``"common_content"``
    (``link.common``) or ``"shared_object"`` (``link.objects``)."""
    if record.get("conflict"):
        return "conflict"
    if record.get("overlay"):
        return "overlay"
    return "common_content" if record.get("common_content") else "shared_object"


def refused_links(store: LinkStore) -> list[dict[str, Any]]:
    """The verified place links the refusal tests turned down (``objects.jsonl``), each
    with the test that did (``refused``) and that test's evidence: for a reviewer, who
    may know better (two rooms of one hotel chain, one poster in two places). One record
    a pair, the latest; a pair linked since (by a later build) is not listed."""
    linked = {x.key for x in store.links.values() if x.kind == "place"}
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in store.shared_objects():
        a, b = sorted((str(r["a"]), str(r["b"])))
        latest[("place", a, b)] = r
    return [
        {"refused": refusing_test(r)} | r
        for (_, a, b), r in latest.items()
        if ("place", a, b) not in linked and a in store.items and b in store.items
    ]


def refused_from(store: LinkStore, members: Collection[str]) -> list[dict[str, Any]]:
    """The ``refused_links`` records from one of ``members`` (a group) to an item outside
    them, strongest first, each with ``member`` and ``other``: two places built alike
    (rooms of one hotel chain) are a lead of their own."""
    inside = set(members)
    out = []
    for r in refused_links(store):
        ends = [e for e in (r["a"], r["b"]) if e in inside]
        if len(ends) == 1:
            other = r["b"] if ends[0] == r["a"] else r["a"]
            out.append(r | {"member": ends[0], "other": other})
    return sorted(out, key=lambda r: -float(r.get("score") or 0.0))


def refusal_in_words(record: dict[str, Any]) -> str:
    """What a refused link's test found (a ``refused_links`` record), for a reviewer."""
    test = record.get("refused") or refusing_test(record)
    if test == "conflict":
        if record.get("rule") == "strong":
            (ma, mb), (ca, cb) = record["strong_missing"], record["strong_confirmed"]
            which = "keypoints that three or more of its other links match"
        else:
            (ma, mb), (ca, cb) = record["missing"], record["confirmed"]
            which = "confirmed keypoints"
        return (
            "each picture's own content is missing from the other "
            f"({ma} of {ca} and {mb} of {cb} {which}): perhaps two places built alike"
        )
    if test == "overlay":
        return (
            "it rested on content at the same spot of the frame in many pictures (an app's "
            "or a device's overlay), which later pictures showed to be one"
        )
    if test == "common_content":
        sa, sb = record["specific"]
        words = (
            f"it rests on content other places show too ({sa} and {sb} inliers specific to the pair"
        )
        if record.get("found_by") == "second_round" and record.get("bar") is not None:
            words += (
                f"; found by query expansion, it needed {record['bar']:.0%} of each "
                "side's inliers its own"
            )
        return words + ")"
    holders = {h.get("item") for h in record.get("holders", [])}
    return f"it rests on one object that {len(holders)} other pictures show too"


def export(store: LinkStore) -> dict[str, Any]:
    """The ``link build --out`` document: items and groups, the links that do not merge
    groups (``unmerged_links``) and the links the tests refused (``refused_links``)."""
    return {
        "items": [
            {"id": i.id, "path": i.path, "kind": i.kind, "faces": i.faces}
            for i in sorted(store.items.values(), key=lambda i: i.path)
        ],
        "groups": [g.to_json() for g in groups(store)],
        "unmerged_links": [link.to_json() for link in unmerged_links(store)],
        "refused_links": refused_links(store),
    }


# --- query ----------------------------------------------------------------------------------


@dataclass
class QueryResult:
    path: str
    id: str | None
    #: Linked stored items, strongest first: place links by inliers, then face links.
    matches: list[dict[str, Any]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    error: str | None = None
    error_code: str | None = None
    #: Stored items whose verified link the refusal tests refused, as ``build`` would
    #: have (``refused_sighting``): ``id``, ``refused`` (``shared_object`` or
    #: ``common_content``) and ``inliers``; for a reviewer, not links.
    refused: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "id": self.id,
            "items": self.matches,
            "groups": self.groups,
            "refused": self.refused,
            "error": self.error,
        }


def _attach_query(
    store: LinkStore,
    mine_views: dict[int, tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None]],
    misses: Sequence[tuple[str, int, int, Verification]],
    options: LinkOptions,
    burnt: BurntIn | None,
    rows: GlobalRows,
    near: Neighbourhoods,
    mine_id: str,
    refused: list[dict[str, Any]],
) -> dict[str, dict[str, Any]]:
    """``attach_links`` for a ``query`` file that links to nothing: its refused pairs
    with its ``attach.candidates`` nearest items, guided (``link.guided``); the guided
    links when ``attach.votes`` or more of one place group's pictures agree and none of
    another group's does, else nothing. With ``attach.tests``, the agreed links go
    through ``build``'s refusal tests (``refused_sighting``; a refused one goes to
    ``refused``) and ``attach.votes`` or more must pass, as in ``attach_links``."""
    root = str(store.root)
    members, _ = _place_groups([x for x in store.links.values() if x.kind == "place"])
    group_of = {m: n for n, ms in enumerate(members) for m in ms}
    best: dict[int, dict[str, tuple[int, int, Verification]]] = {}
    for item, sv, qv, v in misses:
        if item not in group_of:
            continue
        w = guided_to_stored(root, mine_views[qv], item, sv, v, options, burnt)
        if w is None or not w.linked:
            continue
        prior = best.setdefault(group_of[item], {}).get(item)
        if prior is None or prior[2].inliers < w.inliers:
            best[group_of[item]][item] = (qv, sv, w)
    votes = {g: list(by_item.items()) for g, by_item in best.items()}
    found = agreed(votes, options.attach.votes)
    if options.attach.tests:
        kept = []
        for item, (qv, sv, w) in found:
            plain = plain_part(
                w, mine_views[qv][1], cached_features(root, item)[sv][1], options.verify
            )
            why = refused_sighting(
                store, rows, near, mine_views[qv], item, sv, plain, options, burnt, mine_id,
                attaching=True,
            )  # fmt: skip
            if why is None:
                kept.append((item, (qv, sv, w)))
            else:
                refused.append({"id": item, "refused": why, "inliers": w.inliers, "guided": True})
        found = kept if len(kept) >= options.attach.votes else []
    return {
        item: {
            "link": "place",
            "inliers": w.inliers,
            "matches": w.matches,
            "score": w.score,
            "model": w.model,
            "distinct": w.distinct,
            "cells": w.cells,
            "mirrored": w.mirrored,
            "guided": True,
            "views": [qv, sv],
            "regions": {"query": w.region_a, "item": w.region_b},
        }
        for item, (qv, sv, w) in found
    }


def query(
    store: LinkStore,
    path: str | Path,
    *,
    extract_options: ExtractOptions | None = None,
    options: LinkOptions | None = None,
    candidates: int = 20,
) -> QueryResult:
    """What the stored media links to this file: nothing is written to the store."""
    options = options or LinkOptions()
    e = extract(path, extract_options or ExtractOptions())
    if e.error is not None:
        return QueryResult(e.path, e.id or None, error=e.error, error_code=e.error_code)
    result = QueryResult(e.path, e.id)
    found: dict[str, dict[str, Any]] = {}
    rows = store.global_rows()
    if store.codebook is not None and len(rows.item):
        pairs: dict[tuple[str, int], int] = {}
        rank: dict[tuple[str, int], int] = {}
        by_mirror: set[tuple[str, int]] = set()  # offered by the mirrored query alone
        # Every view's vector and, when asked, its mirror image's (the place may be
        # stored mirrored: ``MIRRORED``), searched in one pass over the stored vectors.
        features = [view.features for view in e.views]
        asked = [place_vector(f.rootsift(), store.codebook, store.unbursty) for f in features]
        if options.mirrored > 0 and features:
            asked.extend(mirrored_vectors(features, store.codebook, store.unbursty))
        sims = (
            similarities(rows.vlad, np.stack(asked).astype(np.float32))
            if asked
            else np.zeros((0, len(rows.item)), np.float32)
        )
        for qv in range(len(features)):
            for r, (item, sv, _) in enumerate(top_of(sims[qv], rows, candidates, exclude=e.id)):
                pairs.setdefault((item, sv), qv)
                rank[(item, sv)] = min(r, rank.get((item, sv), r))
            if options.mirrored > 0:
                mirror = sims[len(features) + qv]
                for item, sv, _ in top_of(mirror, rows, options.mirrored, exclude=e.id):
                    if (item, sv) not in pairs:
                        pairs[(item, sv)] = qv
                        by_mirror.add((item, sv))
        voted: set[tuple[str, int]] = set()
        index = query_vote_index(store, options.votes) if options.votes.items > 0 else None
        if index is not None:  # the place may be a view VLAD does not see (``link.votes``)
            for item, sv, qv in query_votes(index, e.id, features, options.votes):
                if (item, sv) not in pairs:
                    pairs[(item, sv)] = qv
                    voted.add((item, sv))
        burnt = stored_burnt_in(store, options.overlay)
        near = Neighbourhoods.of(store.links.values())
        mine_views: dict[int, tuple[PlaceFeatures, F32, npt.NDArray[np.bool_] | None]] = {}
        misses: list[tuple[str, int, int, Verification]] = []
        linked: list[tuple[str, int, int, Verification]] = []
        for (item, sv), qv in pairs.items():
            stored = cached_features(str(store.root), item)[sv][0]
            if qv not in mine_views:
                f = e.views[qv].features
                mine_views[qv] = (
                    f,
                    f.rootsift(),
                    None
                    if burnt is None
                    else overlay_mask(frame_bins(f, store.codebook, burnt.grid), burnt.bins),
                )
            mine, mine_rs, mine_overlay = mine_views[qv]
            v = verify(
                mine,
                stored,
                options.verify,
                rootsift_a=mine_rs,
                overlay_a=mine_overlay,
                overlay_b=stored_overlay_mask(str(store.root), item, sv, burnt),
            )
            if (item, sv) in by_mirror and options.mirrored_only_mirrored and not v.mirrored:
                continue  # a chance find of the mirrored vector (``MIRRORED``)
            if v.linked:
                linked.append((item, sv, qv, v))
            elif rank.get((item, sv), candidates) < options.attach.candidates:
                misses.append((item, sv, qv, v))
        # The refusal tests of ``build`` (shared objects, common content), one link at a
        # time: the answer is what ``build`` would have linked. Their searches share one
        # pass over the stored vectors.
        searched = sighting_similarities(
            store,
            rows,
            [(mine_views[qv], item, sv) for item, sv, qv, _ in linked],
            [v for *_, v in linked],
            options,
            burnt,
        )
        for (item, sv, qv, v), found_sims in zip(linked, searched, strict=True):
            why = refused_sighting(
                store,
                rows,
                near,
                mine_views[qv],
                item,
                sv,
                v,
                options,
                burnt,
                e.id,
                sims=found_sims,
            )
            if why is not None:
                result.refused.append({"id": item, "refused": why, "inliers": v.inliers})
                continue
            prior = found.get(item)
            if prior is None or prior["inliers"] < v.inliers:
                found[item] = {
                    "link": "place",
                    "inliers": v.inliers,
                    "matches": v.matches,
                    "score": v.score,
                    "model": v.model,
                    "distinct": v.distinct,
                    "cells": v.cells,
                    "mirrored": v.mirrored,
                    "found_by": "votes" if (item, sv) in voted else "shortlist",
                    "views": [qv, sv],
                    "regions": {"query": v.region_a, "item": v.region_b},
                }
        if misses and not found and options.attach.candidates > 0:
            found.update(
                _attach_query(
                    store, mine_views, misses, options, burnt, rows, near, e.id, result.refused
                )
            )
    faces = store.face_rows()
    if len(faces.item):
        for entry in e.face_entries:
            face = entry.face
            d = np.linalg.norm(faces.embedding - face.embedding, axis=1)
            for j in np.flatnonzero(d <= options.face_threshold):
                item = str(faces.item[j])
                if item == e.id or (item in found and found[item]["link"] == "place"):
                    continue
                if item not in found or found[item]["distance"] > float(d[j]):
                    found[item] = {
                        "link": "face",
                        "distance": round(float(d[j]), 4),
                        "score": round(1.0 - float(d[j]), 4),
                        "frames": [entry.frames, int(faces.frames[j])],
                        "views": [entry.view, int(faces.view[j])],
                        "regions": {"query": face.box, "item": tuple(faces.box[j].tolist())},
                    }
    # An item refused on one view pair but linked on another is a link.
    result.refused = [r for r in result.refused if r["id"] not in found]
    ranked = sorted(
        found.items(),
        key=lambda kv: (
            kv[1]["link"] != "place",
            -kv[1].get("inliers", 0),
            kv[1].get("distance", 0),
        ),
    )
    member_of: dict[str, list[str]] = {}
    for g in groups(store, options.face_threshold):
        for m in g.members:
            member_of.setdefault(m, []).append(g.id)
    for item, evidence in ranked:
        info = store.items.get(item)
        result.matches.append(
            {"id": item, "path": info.path if info else None, "kind": info.kind if info else None}
            | evidence
        )
        for gid in member_of.get(item, []):
            if gid not in result.groups:
                result.groups.append(gid)
    return result

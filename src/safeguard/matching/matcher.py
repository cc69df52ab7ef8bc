"""Matching signals against the banks: the in-memory indexes, kept in step with the store.

The indexes are candidate generators: they hold every entry ever added (and know which ones
are disabled), and answer fast. Each candidate is then checked against the database — the
truth — for its bank's current state (enabled, kind, threshold) and its own disabled flag,
so a bank change made by another process is honoured on the next query even before this
process has caught up.

Catching up is incremental: new entries are found by id (``entries.id`` above the last one
indexed) and disables/enables through the ``index_changes`` log, from the last ``seq`` seen.
Snapshots in the data dir let a process start without re-reading every entry.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safeguard.index import ExactIndex, PdqIndex, SnapshotError
from safeguard.matching.local_shortlist import LocalShortlist, code_of
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.local import OrbFeatures, SameVerdict, verify_same_picture
from safeguard.signals.media import FileHashes
from safeguard.signals.pdq import MATCH_THRESHOLD, Dihedral, PdqHash, dihedral_of_hash
from safeguard.signals.regions import REGION_SIGNAL
from safeguard.signals.types import EXACT_SIGNALS, FILE_DIGESTS, signal_type
from safeguard.store.db import Database
from safeguard.store.models import Bank, Entry, EntryFeatures, IndexChange

_STATE = "state.json"
#: The index change op that says an entry kept (new) local features.
FEATURES_KEPT = "entry_features_kept"
#: Candidates beyond the radius but within this many bits are verified with local features
#: (when the query's and the entry's are at hand); chosen before measuring (bench/robust).
VERIFY_RADIUS = 48
#: At most this many entries are verified per query: a bounded cost.
VERIFY_MAX = 5
#: Entries of the local-feature shortlist verified when a query matched nothing by hash
#: (chosen before measuring; bench/robust reports the recall and the cost).
LOCAL_MAX = 5
#: The variant a match found through the local-feature shortlist reports.
LOCAL_VARIANT = "local"
#: The variant part a match beyond its bank's threshold, accepted by verification,
#: reports: ``near`` (from the picture's own hash), ``<variant>+near`` otherwise.
NEAR_VARIANT = "near"
_BATCH = 50_000


@dataclass(frozen=True, slots=True)
class Match:
    """One entry a signal matched, as the contract prints it."""

    bank: str
    bank_kind: str
    entry: int
    signal: str
    value: str
    distance: int
    category: str | None
    external_id: str | None
    frame: int | None = None
    ts: float | None = None
    #: Which query hash matched: ``exact``, ``trimmed[:<rule>]``, ``deskewed``, ``dihedral:<k>``;
    #: ``region:<k>`` when the entry's stored region ``k`` matched rather than its whole
    #: picture (``<query variant>+region:<k>`` when a derived query found the region);
    #: ``local`` when the local-feature shortlist found it; ``near`` (``<variant>+near``)
    #: for a near miss beyond the bank's threshold that verification accepted.
    variant: str = "exact"
    #: Local-feature verification, when it ran: inliers of the fitted model.
    inliers: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bank": self.bank,
            "bank_kind": self.bank_kind,
            "entry": self.entry,
            "signal": self.signal,
            "value": self.value,
            "distance": self.distance,
            "category": self.category,
            "external_id": self.external_id,
            "variant": self.variant,
        }
        if self.inliers is not None:
            out["inliers"] = self.inliers
        if self.frame is not None:
            out["frame"] = self.frame
            out["ts"] = self.ts
        return out


@dataclass(slots=True)
class _Watermark:
    last_entry_id: int = 0
    last_change_seq: int = 0


@dataclass
class Matcher:
    """Indexes for every signal type, built from a database and kept up to date."""

    db: Database
    index_dir: Path | None = None
    pdq: PdqIndex = field(default_factory=PdqIndex)
    exact: dict[str, ExactIndex] = field(
        default_factory=lambda: {t: ExactIndex(t) for t in EXACT_SIGNALS}
    )
    mark: _Watermark = field(default_factory=_Watermark)
    #: Search radius: the largest PDQ threshold of any enabled bank (31 by default).
    radius: int = MATCH_THRESHOLD
    #: Whether stored region rows (``signals.regions``) may match; off, they are ignored.
    regions: bool = True
    #: The PDQ and region hashes of entries that kept local features: the only ones a near
    #: miss can be verified against, so the wide ``VERIFY_RADIUS`` search runs over them
    #: alone (at radius 48 the whole index costs ~40x a radius-31 search).
    verifiable: PdqIndex = field(default_factory=PdqIndex)
    _verifiable_ids: set[int] = field(default_factory=set)
    #: Whether a query (with local features, ``verify``) that matched nothing by hash is
    #: shortlisted by its global local-feature descriptor against entries that kept
    #: features, the ``LOCAL_MAX`` nearest verified (``matching.local_shortlist``).
    local_search: bool = True
    #: Whether a match found through the local-feature shortlist must also agree with the
    #: query over the whole region where the two overlap, not only on one flat object they
    #: share (``signals.local.overlap_agreement``; docs/matching.md, "The coaster case").
    #: Near misses are not asked: their PDQ, within 48 bits, already says the whole
    #: pictures look alike, and asking cost watermarked and noisy copies (bench/robust).
    whole_overlap: bool = True
    local: LocalShortlist = field(default_factory=LocalShortlist)
    _local_ids: set[int] = field(default_factory=set)

    @classmethod
    def open(cls, db: Database, index_dir: Path | None = None) -> Matcher:
        """Load the snapshot in ``index_dir`` if there is a good one, then catch up."""
        matcher = cls(db, index_dir)
        if index_dir is not None:
            matcher._load_snapshot(index_dir)
        if matcher.mark.last_entry_id:
            # Entries a snapshot brought are not read again: find the verifiable ones.
            matcher._add_verifiable(None, up_to=matcher.mark.last_entry_id)
        matcher.refresh()
        return matcher

    # --- keeping up with the store ---------------------------------------------------------

    def refresh(self) -> int:
        """Apply new entries and logged changes; returns how many entries were added."""
        added = 0
        # Codes already derived before this refresh: a logged FEATURES_KEPT for one of them
        # means its features were replaced. (Entries this refresh adds read their current
        # features, and a fresh matcher replays the whole log: not derived twice.)
        coded_before = set(self._local_ids)
        with self.db.session() as s:
            while True:
                rows = s.execute(
                    select(Entry.id, Entry.signal_type, Entry.value, Entry.disabled)
                    .where(Entry.id > self.mark.last_entry_id)
                    .order_by(Entry.id)
                    .limit(_BATCH)
                ).all()
                if not rows:
                    break
                self._add_rows(rows)
                self._add_verifiable([r.id for r in rows if r.signal_type == "pdq"], s=s)
                added += len(rows)
                self.mark.last_entry_id = rows[-1].id
            changes = s.execute(
                select(IndexChange.seq, IndexChange.op, IndexChange.entry_id)
                .where(IndexChange.seq > self.mark.last_change_seq)
                .order_by(IndexChange.seq)
            ).all()
            for seq, op, entry_id in changes:
                if entry_id is not None and op in ("entry_disabled", "entry_enabled"):
                    self._set_disabled([entry_id], op == "entry_disabled")
                elif entry_id is not None and op == FEATURES_KEPT:
                    self._add_verifiable([entry_id], s=s, renew=entry_id in coded_before)
                # Bank-level changes need nothing here: every candidate is checked against
                # its bank's current row when a query resolves.
                self.mark.last_change_seq = seq
            widest = s.scalar(select(func.max(Bank.pdq_threshold)).where(Bank.enabled.is_(True)))
            self.radius = int(widest) if widest is not None else MATCH_THRESHOLD
        if self.local.lists_due():
            # When the shortlist outgrows a full scan, and again each time it grows to 4x
            # the codes its lists were sized for (kept in the snapshot); codes added in
            # between go to their nearest list.
            self.local.build_default_lists()
        return added

    def _add_rows(self, rows: Sequence[Any]) -> None:
        # Region rows share the PDQ index: a query hash finds a crop's hash like a whole one.
        perceptual = ("pdq", REGION_SIGNAL)
        pdq_ids = [r.id for r in rows if r.signal_type in perceptual]
        if pdq_ids:
            hashes = np.frombuffer(
                b"".join(bytes.fromhex(r.value) for r in rows if r.signal_type in perceptual),
                dtype=np.uint8,
            ).reshape(-1, 32)
            self.pdq.add(np.array(pdq_ids, dtype=np.int64), hashes)
        for t in EXACT_SIGNALS:
            typed = [r for r in rows if r.signal_type == t]
            if typed:
                self.exact[t].add(
                    np.array([r.id for r in typed], dtype=np.int64), [r.value for r in typed]
                )
        disabled = [r.id for r in rows if r.disabled]
        if disabled:
            self._set_disabled(disabled, True)

    def _add_verifiable(
        self,
        parents: list[int] | None,
        *,
        up_to: int = 0,
        s: Session | None = None,
        renew: bool = False,
    ) -> None:
        """Put the hashes (whole and regions) of these PDQ entries that kept local features
        into ``verifiable``; ``parents=None``: of every such entry up to id ``up_to``.
        ``renew``: derive the shortlist codes of entries already there again (their kept
        features were replaced)."""
        if parents is not None and not parents:
            return
        if s is None:
            with self.db.session() as session:
                self._add_verifiable(parents, up_to=up_to, s=session, renew=renew)
            return
        kept = select(EntryFeatures.entry_id)
        if parents is not None:
            kept = kept.where(EntryFeatures.entry_id.in_(parents))
        else:
            kept = kept.where(EntryFeatures.entry_id <= up_to)
        ids = [int(i) for i in s.scalars(kept)]
        if not ids:
            return
        rows = s.execute(
            select(Entry.id, Entry.value).where(
                (Entry.id.in_(ids)) | (Entry.parent_id.in_(ids)),
                Entry.signal_type.in_(("pdq", REGION_SIGNAL)),
            )
        ).all()
        self._add_local(ids if renew else [i for i in ids if i not in self._local_ids], s)
        fresh = [r for r in rows if int(r.id) not in self._verifiable_ids]
        self._verifiable_ids.update(int(r.id) for r in fresh)
        if fresh:
            self.verifiable.add(
                np.array([r.id for r in fresh], dtype=np.int64),
                np.frombuffer(
                    b"".join(bytes.fromhex(r.value) for r in fresh), dtype=np.uint8
                ).reshape(-1, 32),
            )

    def _add_local(self, entries: list[int], s: Session) -> None:
        """Codes of these entries' kept ORB features into the local-feature shortlist."""
        if not entries:
            return
        kept = self._kept_features(set(entries), s)
        added = sorted(kept)
        self.local.put(added, [code_of(kept[e]) for e in added])
        self._local_ids.update(added)

    def _set_disabled(self, ids: list[int], disabled: bool) -> None:
        arr = np.array(ids, dtype=np.int64)
        indexes: list[PdqIndex | ExactIndex] = [self.pdq, *self.exact.values()]
        for index in indexes:
            if disabled:
                index.disable(arr)
            else:
                index.enable(arr)

    # --- snapshots ---------------------------------------------------------------------------

    def save_snapshot(self, index_dir: Path | None = None) -> Path:
        """Write all indexes and the watermark into a new directory, then point ``current``
        at it in one atomic rename: a reader (or a concurrent writer) never sees files from
        two different states. Older snapshots beyond the last two are removed."""
        folder = index_dir or self.index_dir
        if folder is None:
            raise ValueError("no index directory to save to")
        folder.mkdir(parents=True, exist_ok=True)
        snap = Path(tempfile.mkdtemp(prefix="snap-", dir=folder))
        self.pdq.save(snap / "pdq.idx")
        for t, index in self.exact.items():
            index.save(snap / f"{t}.idx")
        if len(self.local):
            # Codes cost ~2 ms an entry to derive from the kept features: kept, not redone.
            self.local.save(snap / "local.npz")
        (snap / _STATE).write_text(
            json.dumps(
                {
                    "format": 1,
                    "last_entry_id": self.mark.last_entry_id,
                    "last_change_seq": self.mark.last_change_seq,
                }
            )
        )
        link = folder / "current"
        tmp_link = folder / f".current-{os.getpid()}-{snap.name}"
        tmp_link.symlink_to(snap.name)
        os.replace(tmp_link, link)
        snaps = sorted(folder.glob("snap-*"), key=lambda p: p.stat().st_mtime)
        for old in snaps[:-2]:
            if old.resolve() != link.resolve():
                shutil.rmtree(old, ignore_errors=True)
        return snap

    def _load_snapshot(self, folder: Path) -> None:
        current = folder / "current"
        state = current / _STATE
        if not state.is_file():
            return
        try:
            snap = current.resolve(strict=True)
            info = json.loads((snap / _STATE).read_text())
            pdq = PdqIndex.load(snap / "pdq.idx")
            exact = {t: ExactIndex.load(snap / f"{t}.idx", t) for t in EXACT_SIGNALS}
            mark = _Watermark(int(info["last_entry_id"]), int(info["last_change_seq"]))
        except (OSError, ValueError, KeyError, SnapshotError):
            # A damaged or foreign snapshot is not fatal: rebuild from the database.
            return
        if not self._snapshot_matches_database(mark):
            return
        self.pdq, self.exact, self.mark = pdq, exact, mark
        try:
            local = LocalShortlist.load(snap / "local.npz")
        except (OSError, ValueError, KeyError):
            return  # rebuilt from the kept features instead
        self.local, self._local_ids = local, {int(i) for i in local.ids}

    def _snapshot_matches_database(self, mark: _Watermark) -> bool:
        """A snapshot from another database (or one that was reset) would hide entries."""
        with self.db.session() as s:
            newest = s.scalar(select(Entry.id).order_by(Entry.id.desc()).limit(1)) or 0
            seq = s.scalar(select(IndexChange.seq).order_by(IndexChange.seq.desc()).limit(1)) or 0
        return mark.last_entry_id <= newest and mark.last_change_seq <= seq

    # --- queries -----------------------------------------------------------------------------

    def has_local_features(self) -> bool:
        """Whether any entry kept local features (else computing a query's is wasted)."""
        with self.db.session() as s:
            return s.scalar(select(EntryFeatures.entry_id).limit(1)) is not None

    def match_value(
        self, kind: str, value: str, *, dihedral: bool = False, session: Session | None = None
    ) -> list[Match]:
        """Matches of one precomputed signal (hex); ``InvalidSignal`` if malformed."""
        return self._resolve(self.candidates(kind, value, dihedral=dihedral), session)

    def candidates(self, kind: str, value: str, *, dihedral: bool = False) -> dict[int, int]:
        """The indexes' answer for one precomputed signal, ``{entry id: distance}``, before
        the database is asked about the entries (``resolve``): no I/O, so an empty answer
        means no match without a database round trip."""
        t = signal_type(kind)
        normalized = t.normalize(value)
        if t.name == "pdq":
            return self._pdq_candidates(PdqHash.from_hex(normalized), dihedral)
        return {int(i): 0 for i in self.exact[t.name].lookup(normalized)}

    def candidates_many(
        self, kind: str, values: Sequence[str], *, dihedral: bool = False
    ) -> list[dict[int, int]]:
        """``candidates`` for many values of one type, in order; PDQs in one vectorised
        index search."""
        t = signal_type(kind)
        normalized = [t.normalize(v) for v in values]
        if t.name != "pdq":
            index = self.exact[t.name]
            return [{int(i): 0 for i in index.lookup(v)} for v in normalized]
        if not normalized:
            return []
        raw = np.frombuffer(bytes.fromhex("".join(normalized)), dtype=np.uint8)
        found = self.pdq.search_many(raw.reshape(-1, 32), radius=self.radius, dihedral=dihedral)
        return [dict(hits) for hits in found.per_query()]

    def resolve(self, candidates: dict[int, int], session: Session | None = None) -> list[Match]:
        """The matches among index candidates: the database decides (bank enabled, its
        threshold, the entry not disabled). Reads nothing when there are no candidates."""
        return self._resolve(candidates, session)

    def match_record(
        self,
        record: FileHashes,
        *,
        dihedral: bool = False,
        variants: bool = False,
        verify: bool = False,
    ) -> list[Match]:
        """Every match of a hashed file: its digests, its PDQ, each sampled video frame's.

        ``variants``: also search the record's derived queries (``pdq_variants``: trimmed,
        deskewed) and, with ``dihedral``, each exact rotation/mirror on its own, so every
        match names the query hash that found it (the closest; ``exact`` on a tie).

        ``verify`` (with the record's ``local_features``): entries with kept local
        features that lie beyond the radius but within ``VERIFY_RADIUS`` bits are checked
        with ORB + MAGSAC (at most ``VERIFY_MAX`` a query) and match when verified; matches
        found through a derived hash are checked too. Either way the match carries its
        ``inliers``."""
        out: list[Match] = []
        features = (
            _QueryFeatures(
                OrbFeatures.from_bytes(record.local_features),
                OrbFeatures.from_bytes(record.local_features_mirror)
                if record.local_features_mirror
                else None,
            )
            if verify and record.local_features
            else None
        )
        with self.db.session() as s:
            for t in FILE_DIGESTS:
                value = getattr(record, t)
                if value:
                    out.extend(self.match_value(t, value, session=s))
            if record.pdq and (record.pdq_quality or 0) > 0:
                if variants or features is not None:
                    out.extend(self._match_variants(record, dihedral, s, variants, features))
                elif dihedral and record.pdq_dihedral:
                    # Exact variants from the picture's DCT, not approximated from the hash.
                    flips = [PdqHash.from_hex(v) for v in record.pdq_dihedral]
                    found = self.pdq.search(
                        PdqHash.from_hex(record.pdq), radius=self.radius, variants=flips
                    )
                    out.extend(self._resolve(dict(found), s))
                else:
                    out.extend(self.match_value("pdq", record.pdq, dihedral=dihedral, session=s))
            for frame in record.vpdq or ():
                for m in self.match_value("pdq", frame.pdq.hex, dihedral=dihedral, session=s):
                    out.append(_with_frame(m, frame.frame, frame.ts))
        return out

    def _match_variants(
        self,
        record: FileHashes,
        dihedral: bool,
        s: Session,
        variants: bool = True,
        features: _QueryFeatures | None = None,
    ) -> list[Match]:
        assert record.pdq is not None
        queries: list[tuple[str, str]] = [("exact", record.pdq)]
        if dihedral:
            if record.pdq_dihedral:
                turns = [d.value for d in Dihedral]
                queries += [
                    (f"dihedral:{n}", h)
                    for n, h in zip(turns, record.pdq_dihedral, strict=False)
                    if n != Dihedral.ORIGINAL.value
                ]
            else:
                approx = dihedral_of_hash(PdqHash.from_hex(record.pdq))
                queries += [
                    (f"dihedral:{d.value}", h.hex)
                    for d, h in approx.items()
                    if d is not Dihedral.ORIGINAL
                ]
        if variants:
            queries += [(str(v["variant"]), str(v["pdq"])) for v in record.pdq_variants or ()]
        raw = np.frombuffer(bytes.fromhex("".join(h for _, h in queries)), dtype=np.uint8)
        raw = raw.reshape(-1, 32)
        found = self.pdq.search_many(raw, radius=self.radius).per_query()
        if features is not None and len(self.verifiable):
            wide = self.verifiable.search_many(raw, radius=max(self.radius, VERIFY_RADIUS))
            found = [[*a, *b] for a, b in zip(found, wide.per_query(), strict=True)]
        best: dict[int, tuple[int, str]] = {}
        for (name, _), hits in zip(queries, found, strict=True):
            for entry, dist in hits:
                if entry not in best or dist < best[entry][0]:
                    best[entry] = (int(dist), name)
        names = {e: n for e, (_, n) in best.items()}
        within = {e: d for e, (d, _) in best.items() if d <= self.radius}
        if features is None:
            return self._resolve(within, s, names)
        band = {e: d for e, (d, _) in best.items() if d > self.radius}
        verdicts = self._verify_band(band, features, s)
        accepted = {c for c, (_, v) in verdicts.items() if v.verified}
        matches = self._resolve(
            within | {c: band[c] for c in accepted}, s, names, beyond_threshold=accepted
        )
        inliers = {entry: v.inliers for entry, v in verdicts.values()}
        derived = [m.entry for m in matches if m.variant != "exact" and m.entry not in inliers]
        inliers |= {e: v.inliers for e, v in self._verify_entries(derived, features, s).items()}
        if not matches and self.local_search and len(self.local):
            return self._match_local(record.pdq, features, s)
        return [replace(m, inliers=inliers.get(m.entry)) for m in matches]

    def _match_local(self, pdq: str, features: _QueryFeatures, s: Session) -> list[Match]:
        """A query that matched nothing by hash: the ``LOCAL_MAX`` entries nearest by
        local-feature descriptor, verified; the verified ones match at their real PDQ
        distance, as variant ``local``, with their inliers."""
        codes = [code_of(features.plain)]
        if features.mirror is not None:
            codes.append(code_of(features.mirror))
        nearest: dict[int, float] = {}
        for code in codes:
            for entry, score in self.local.search(code, LOCAL_MAX):
                nearest[entry] = max(score, nearest.get(entry, -1.0))
        shortlist = sorted(nearest, key=lambda e: -nearest[e])[:LOCAL_MAX]
        kept = self._kept_features(set(shortlist), s)
        verdicts = {
            e: features.verify(kept[e], whole_overlap=self.whole_overlap)
            for e in shortlist
            if e in kept
        }
        accepted = {e for e, v in verdicts.items() if v.verified}
        if not accepted:
            return []
        query = PdqHash.from_hex(pdq)
        values = dict(s.execute(select(Entry.id, Entry.value).where(Entry.id.in_(accepted))).all())
        distances = {e: query.distance(PdqHash.from_hex(values[e])) for e in values}
        matches = self._resolve(
            distances, s, dict.fromkeys(distances, LOCAL_VARIANT), beyond_threshold=accepted
        )
        return [replace(m, inliers=verdicts[m.entry].inliers) for m in matches]

    def _verify_band(
        self, band: dict[int, int], features: _QueryFeatures, s: Session
    ) -> dict[int, tuple[int, SameVerdict]]:
        """``{candidate: (entry, verdict)}`` for the nearest band candidates (region rows
        stand for their entry) whose entry has kept local features, at most VERIFY_MAX."""
        if not band:
            return {}
        ids = sorted(band, key=lambda c: (band[c], c))
        parent_of = dict(
            s.execute(
                select(Entry.id, Entry.parent_id).where(
                    Entry.id.in_(ids), Entry.parent_id.is_not(None)
                )
            ).all()
        )
        entry_of = {c: int(parent_of.get(c) or c) for c in ids}
        kept = self._kept_features(set(entry_of.values()), s)
        out: dict[int, tuple[int, SameVerdict]] = {}
        done: set[int] = set()
        for c in ids:
            entry = entry_of[c]
            if entry not in kept or entry in done:
                continue
            done.add(entry)
            out[c] = (entry, features.verify(kept[entry]))
            if len(done) >= VERIFY_MAX:
                break
        return out

    def _verify_entries(
        self, entries: Sequence[int], features: _QueryFeatures, s: Session
    ) -> dict[int, SameVerdict]:
        kept = self._kept_features(set(entries[:VERIFY_MAX]), s)
        return {e: features.verify(f) for e, f in kept.items()}

    @staticmethod
    def _kept_features(entries: set[int], s: Session) -> dict[int, OrbFeatures]:
        if not entries:
            return {}
        rows = s.execute(
            select(EntryFeatures.entry_id, EntryFeatures.data).where(
                EntryFeatures.entry_id.in_(entries), EntryFeatures.kind == "orb"
            )
        ).all()
        out: dict[int, OrbFeatures] = {}
        for entry_id, data in rows:
            try:
                out[int(entry_id)] = OrbFeatures.from_bytes(bytes(data))
            except ValueError:
                continue  # a damaged row verifies nothing
        return out

    def _pdq_candidates(self, query: PdqHash, dihedral: bool) -> dict[int, int]:
        return dict(self.pdq.search(query, radius=self.radius, dihedral=dihedral))

    def _resolve(
        self,
        candidates: dict[int, int],
        session: Session | None,
        names: dict[int, str] | None = None,
        beyond_threshold: set[int] | None = None,
    ) -> list[Match]:
        """Matches among candidates; ``names`` (candidate id -> query variant that found
        it) sets each match's ``variant``. A region row answers as its parent entry, named
        ``region:<k>``; an entry found both whole and through regions is reported once, at
        its smallest distance (whole on a tie). ``beyond_threshold``: candidates verified
        with local features, which match beyond their bank's threshold."""
        if not candidates:
            return []
        if session is None:
            with self.db.session() as s:
                return self._resolve(candidates, s, names, beyond_threshold)
        rows = session.execute(
            select(Entry, Bank)
            .join(Bank, Bank.id == Entry.bank_id)
            .where(Entry.id.in_(list(candidates)))
        ).all()
        parents_wanted = {e.parent_id for e, _ in rows if e.parent_id is not None}
        parents = {
            p.id: p
            for p in (
                session.scalars(select(Entry).where(Entry.id.in_(parents_wanted)))
                if parents_wanted
                else ()
            )
        }
        best: dict[int, tuple[int, bool, Entry, Bank, str]] = {}
        for row, bank in rows:
            distance = candidates[row.id]
            query = (names or {}).get(row.id, "exact")
            entry = row
            via_region = row.parent_id is not None
            if via_region:
                if not self.regions:
                    continue
                parent = parents.get(row.parent_id or 0)
                if parent is None:
                    continue
                entry = parent
                region = f"region:{row.region}"
                query = region if query == "exact" else f"{query}+{region}"
            if row.disabled or entry.disabled or not bank.enabled:
                continue
            verified = beyond_threshold is not None and row.id in beyond_threshold
            if entry.signal_type == "pdq" and distance > bank.pdq_threshold:
                if not verified:
                    continue
                if query != LOCAL_VARIANT:
                    # A near miss that verification accepted: named, so rules can tell.
                    query = NEAR_VARIANT if query == "exact" else f"{query}+{NEAR_VARIANT}"
            key = (distance, via_region)
            have = best.get(entry.id)
            if have is None or key < (have[0], have[1]):
                best[entry.id] = (distance, via_region, entry, bank, query)
        out = [
            Match(
                bank=bank.name,
                bank_kind=bank.kind,
                entry=entry.id,
                signal=entry.signal_type,
                value=entry.value,
                distance=distance,
                category=entry.category or bank.category,
                external_id=entry.external_id,
                variant=variant,
            )
            for distance, _, entry, bank, variant in best.values()
        ]
        out.sort(key=lambda m: (m.distance, m.bank, m.entry))
        return out


@dataclass(frozen=True, slots=True)
class _QueryFeatures:
    """A query's local features, and its mirror image's when dihedral copies are looked
    for (ORB is not mirror-invariant)."""

    plain: OrbFeatures
    mirror: OrbFeatures | None = None

    def verify(self, kept: OrbFeatures, *, whole_overlap: bool = False) -> SameVerdict:
        """``whole_overlap``: ask for agreement over the whole overlap too."""
        verdict = verify_same_picture(self.plain, kept, whole_overlap=whole_overlap)
        if verdict.verified or self.mirror is None:
            return verdict
        flipped = verify_same_picture(self.mirror, kept, whole_overlap=whole_overlap)
        return flipped if flipped.verified else verdict


def allowlisted(matches: Sequence[Match]) -> bool:
    """A match in an allowlist bank overrides every other match of the same content."""
    return any(m.bank_kind == "allow" for m in matches)


def _with_frame(m: Match, frame: int, ts: float) -> Match:
    return Match(
        m.bank,
        m.bank_kind,
        m.entry,
        m.signal,
        m.value,
        m.distance,
        m.category,
        m.external_id,
        frame,
        ts,
        m.variant,
        m.inliers,
    )


def parse_lookup_values(kind: str, values: Iterable[str]) -> list[tuple[str, str | None]]:
    """(value, error) per non-empty line, for ``safeguard lookup``."""
    t = signal_type(kind)
    out: list[tuple[str, str | None]] = []
    for raw in values:
        text = raw.strip()
        if not text:
            continue
        try:
            t.normalize(text)
            out.append((text, None))
        except InvalidSignal as e:
            out.append((text, str(e)))
    return out

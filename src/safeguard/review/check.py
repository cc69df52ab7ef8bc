"""The central operation: check content against the banks and act on the result.

hash (for files) → match (the matcher over the banks' indexes) → decide (rules) → act
(audit, case, evidence, webhook). Every front end calls this one operation: ``POST
/v1/check`` and ``safeguard check`` give the same answer for the same content; the stream
monitor and chat alerts record their decisions through ``record_decision``.

A precomputed check that matches nothing touches no database: rules are read only when
something matched, and a session is opened only when there is something to write. It runs
in two steps a server can place apart: ``search_signals`` (the in-memory indexes only, no
I/O: cheap enough for an event loop) and ``finish_signals`` (the database, only when the search
found candidates: on a worker thread). ``check_signals`` is both.
``check_signal_batch`` checks many signal sets with one index search per signal type and one
database session for the items that need it; each item is answered, and acted on (case,
audit, webhook), as a single check would be.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.errors import InvalidInput
from safeguard.matching.matcher import Match, Matcher, allowlisted
from safeguard.review import cases, webhooks
from safeguard.review.rules import Action, Decision, decide, load_rules
from safeguard.signals.media import FileHashes, HashOptions, hash_file
from safeguard.signals.types import FILE_DIGESTS
from safeguard.store.db import Database


class NoSignals(InvalidInput):
    code = "no_signals"


@dataclass(frozen=True, slots=True)
class Media:
    """Uploaded bytes a deployment may keep as evidence of an opened case."""

    data: bytes
    filename: str
    content_type: str


class MediaKeeper(Protocol):
    @property
    def enabled(self) -> bool: ...

    def save(
        self, session: Session, case_id: int, data: bytes, *, filename: str, content_type: str
    ) -> Any: ...


@dataclass(slots=True)
class CheckTimings:
    """CPU milliseconds (this thread's) spent in each step of one check."""

    hash_ms: float = 0.0
    match_ms: float = 0.0
    act_ms: float = 0.0

    def server_timing(self) -> str:
        return (
            f"hash;dur={self.hash_ms:.3f}, match;dur={self.match_ms:.3f}, act;dur={self.act_ms:.3f}"
        )


@dataclass(frozen=True, slots=True)
class CheckResult:
    action: Action
    matches: list[Match]
    case_id: int | None
    decision: Decision
    signals: dict[str, Any] = field(default_factory=dict)
    timings: CheckTimings = field(default_factory=CheckTimings)
    #: Set when the content could not be fully hashed (the signals that were computed were
    #: still matched): ``(code, message)``.
    media_error: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "matches": [m.to_json() for m in self.matches],
            "case_id": self.case_id,
            "signals": self.signals,
            "media_error": None
            if self.media_error is None
            else {"code": self.media_error[0], "message": self.media_error[1]},
            "lowered_from": self.decision.lowered_from,
            "lowered": lowered_matches(self.decision),
        }


def lowered_matches(decision: Decision) -> list[dict[str, Any]]:
    """The matches whose action the safe default lowered to review (found by local
    features alone, ``local``, or a verified near miss, ``near``): entry, bank, the action
    the rule gave (``lowered_from``) and the kinds no rule named (``lowered_for``)."""
    return [
        {
            "entry": r["entry"],
            "bank": r["bank"],
            "lowered_from": r["lowered_from"],
            "lowered_for": list(r.get("lowered_for", [])),
        }
        for r in decision.reasons
        if "lowered_from" in r
    ]


def content_subject(signals: Mapping[str, Any]) -> str:
    for t in ("sha256", "sha1", "md5", "pdq"):
        if isinstance(signals.get(t), str):
            return f"content:{t}:{signals[t]}"
    return "content"


def signals_of(record: FileHashes) -> dict[str, Any]:
    """The signals of a hashed file as a check reports them."""
    out: dict[str, Any] = {t: getattr(record, t) for t in FILE_DIGESTS if getattr(record, t)}
    if record.pdq:
        out["pdq"] = record.pdq
        out["pdq_quality"] = record.pdq_quality
    if record.vpdq:
        out["vpdq"] = [f.to_json() for f in record.vpdq]
    out["kind"] = record.kind
    out["size"] = record.size
    return out


def record_decision(
    session: Session,
    *,
    action: str,
    source: str,
    summary: str,
    evidence: dict[str, Any],
    matches: list[Match] | None,
    actor: str,
    event: str | None = None,
    payload: dict[str, Any] | None = None,
) -> int:
    """Put a decision in front of a person: open a case (audited, ``case.opened`` webhook)
    and, when ``event`` is given, queue that webhook with ``payload`` and the case id."""
    case = cases.open_case(
        session,
        source=source,
        action=action,
        summary=summary,
        evidence=evidence,
        matches=matches,
        actor=actor,
    )
    if event is not None:
        webhooks.enqueue(session, event, {**(payload or {}), "case_id": case.id})
    return int(case.id)


def act(
    session: Session,
    *,
    matches: list[Match],
    signals: dict[str, Any],
    source: str,
    actor: str,
    default: Action,
    media: Media | None = None,
    keeper: MediaKeeper | None = None,
) -> tuple[Decision, int | None]:
    """Decide the action for content with these matches and carry it out: audit any action
    other than allow, open a case for review/report (keeping the media when the deployment
    opted in), and send a ``check.blocked`` webhook for block/report."""
    rules = load_rules(session) if matches else []
    decision = decide(matches, rules, default)
    case_id = None
    if decision.opens_case:
        names = ", ".join(sorted({m.bank for m in matches}))
        case_id = record_decision(
            session,
            source=source,
            action=decision.action,
            summary=f"{len(matches)} match(es) in {names}",
            evidence={"signals": signals, "reasons": decision.reasons},
            matches=matches,
            actor=actor,
        )
        if media is not None and keeper is not None and keeper.enabled:
            keeper.save(
                session,
                case_id,
                media.data,
                filename=media.filename,
                content_type=media.content_type,
            )
    if matches and (decision.action != "allow" or allowlisted(matches)):
        audit.record(
            session,
            actor,
            "check.action",
            content_subject(signals),
            {
                "action": decision.action,
                "source": source,
                "case_id": case_id,
                "entries": [m.entry for m in matches][:100],
                "banks": sorted({m.bank for m in matches}),
            },
        )
    if decision.action in ("block", "report"):
        webhooks.enqueue(
            session,
            "check.blocked",
            {
                "action": decision.action,
                "source": source,
                "case_id": case_id,
                "signals": {k: v for k, v in signals.items() if k != "vpdq"},
                "matches": [m.to_json() for m in matches][:100],
            },
        )
    return decision, case_id


@dataclass(slots=True)
class SignalSearch:
    """Precomputed signals after the index search, before the database: the index
    candidates of each signal, in the order given. ``needs_database``: finishing the check
    reads the store (there are candidates to confirm, and perhaps act on)."""

    values: dict[str, str]
    candidates: list[dict[int, int]]
    needs_database: bool
    timings: CheckTimings


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The answers of ``check_signal_batch`` in the order of the items, and the CPU the
    whole batch spent in each step."""

    results: list[CheckResult]
    timings: CheckTimings


@contextmanager
def _cpu(timings: CheckTimings, step: str) -> Iterator[None]:
    started = time.thread_time()
    try:
        yield
    finally:
        setattr(timings, step, getattr(timings, step) + (time.thread_time() - started) * 1000)


@dataclass
class Checker:
    """Checks content for one deployment: its database, matcher, default action, whether
    rotated and mirrored copies are looked for, and where evidence is kept (if anywhere)."""

    db: Database
    matcher: Matcher
    default_action: Action = "allow"
    dihedral: bool = False
    #: Also match derived queries (trimmed, deskewed) of hashed files.
    variants: bool = False
    #: Verify near misses with local features (records hashed with ``local_features``).
    verify: bool = False
    keeper: MediaKeeper | None = None

    def _decide_and_act(
        self,
        matches: list[Match],
        signals: dict[str, Any],
        source: str,
        actor: str,
        media: Media | None,
        timings: CheckTimings,
    ) -> tuple[Decision, int | None]:
        with _cpu(timings, "act_ms"):
            if not matches:
                # The fast path: content that matches nothing is allowed whatever the
                # default action (which applies to matches no rule covers): nothing to
                # decide, nothing to write.
                return decide([], [], self.default_action), None
            with self.db.session() as session:
                return act(
                    session,
                    matches=matches,
                    signals=signals,
                    source=source,
                    actor=actor,
                    default=self.default_action,
                    media=media,
                    keeper=self.keeper,
                )

    def check_signals(
        self,
        values: Mapping[str, str],
        *,
        source: str = "api",
        actor: str,
        pdq_quality: int | None = None,
        dihedral: bool | None = None,
    ) -> CheckResult:
        """Check precomputed signals (``{"pdq": HEX, "md5": HEX, ...}``, already valid)."""
        search = self.search_signals(values, dihedral=dihedral)
        return self.finish_signals(search, source=source, actor=actor, pdq_quality=pdq_quality)

    def search_signals(
        self, values: Mapping[str, str], *, dihedral: bool | None = None
    ) -> SignalSearch:
        """The first step of ``check_signals``: the indexes' candidates, no I/O."""
        if not values:
            raise NoSignals("give at least one signal (pdq, md5, sha1, sha256)")
        timings = CheckTimings()
        flip = self.dihedral if dihedral is None else dihedral
        with _cpu(timings, "match_ms"):
            candidates = [self.matcher.candidates(k, v, dihedral=flip) for k, v in values.items()]
        return SignalSearch(dict(values), candidates, any(candidates), timings)

    def finish_signals(
        self,
        search: SignalSearch,
        *,
        source: str = "api",
        actor: str,
        pdq_quality: int | None = None,
    ) -> CheckResult:
        """The second step of ``check_signals``: confirm the candidates against the store,
        decide and act. Touches no database when ``search.needs_database`` is false."""
        timings = search.timings
        signals: dict[str, Any] = dict(search.values)
        if pdq_quality is not None:
            signals["pdq_quality"] = pdq_quality
        if not search.needs_database:
            # No candidates: allowed, nothing to confirm or write (and no CPU clock to read:
            # in a VM each read is a system call, a tenth of what is left of the check).
            nothing = decide([], [], self.default_action)
            return CheckResult(nothing.action, [], None, nothing, signals, timings)
        with _cpu(timings, "match_ms"):
            matches = self._confirm(search.candidates)
        decision, case_id = self._decide_and_act(matches, signals, source, actor, None, timings)
        return CheckResult(decision.action, matches, case_id, decision, signals, timings)

    def _confirm(
        self, candidates: Sequence[dict[int, int]], session: Session | None = None
    ) -> list[Match]:
        if not any(candidates):
            return []
        if session is None:
            with self.db.session() as s:
                return self._confirm(candidates, s)
        return [m for c in candidates for m in self.matcher.resolve(c, session)]

    def check_signal_batch(
        self,
        items: Sequence[Mapping[str, str]],
        *,
        source: str = "api",
        actor: str,
        pdq_qualities: Sequence[int | None] | None = None,
        dihedral: bool | None = None,
    ) -> BatchResult:
        """Check many sets of precomputed signals; the answer of each is what
        ``check_signals`` gives for it alone (matches, action, case, audit, webhooks). One
        index search per signal type for the whole batch; one database session, opened
        only when some item has candidates."""
        for i, item in enumerate(items):
            if not item:
                raise NoSignals(f"item {i}: give at least one signal (pdq, md5, sha1, sha256)")
        timings = CheckTimings()
        flip = self.dihedral if dihedral is None else dihedral
        with _cpu(timings, "match_ms"):
            rows_of: dict[str, list[int]] = {}
            for i, item in enumerate(items):
                for kind in item:
                    rows_of.setdefault(kind, []).append(i)
            found: list[dict[str, dict[int, int]]] = [{} for _ in items]
            for kind, rows in rows_of.items():
                answers = self.matcher.candidates_many(
                    kind, [items[i][kind] for i in rows], dihedral=flip
                )
                for i, answer in zip(rows, answers, strict=True):
                    found[i][kind] = answer
        qualities = list(pdq_qualities) if pdq_qualities is not None else [None] * len(items)
        results: list[CheckResult] = []
        acting: list[int] = []
        # The decision without matches is the same for every item (decide is pure).
        nothing = decide([], [], self.default_action)
        for i, item in enumerate(items):
            signals: dict[str, Any] = dict(item)
            if qualities[i] is not None:
                signals["pdq_quality"] = qualities[i]
            if any(found[i].values()):
                acting.append(i)
            results.append(CheckResult(nothing.action, [], None, nothing, signals, CheckTimings()))
        if acting:
            with self.db.session() as session:
                for i in acting:
                    item_timings = CheckTimings()
                    with _cpu(item_timings, "match_ms"):
                        matches = self._confirm([found[i][k] for k in items[i]], session)
                    signals = results[i].signals
                    with _cpu(item_timings, "act_ms"):
                        if not matches:
                            decision, case_id = results[i].decision, None
                        else:
                            decision, case_id = act(
                                session,
                                matches=matches,
                                signals=signals,
                                source=source,
                                actor=actor,
                                default=self.default_action,
                            )
                    timings.match_ms += item_timings.match_ms
                    timings.act_ms += item_timings.act_ms
                    results[i] = CheckResult(
                        decision.action, matches, case_id, decision, signals, item_timings
                    )
        return BatchResult(results, timings)

    def check_text(
        self,
        values: Sequence[tuple[str, str]],
        *,
        signals: dict[str, Any],
        source: str = "api",
        actor: str,
    ) -> CheckResult:
        """Check signals of text (a URL's digests, the digests of a search query's word
        runs: ``signals.urls``); rules apply as for media. ``signals`` is what a case's
        evidence records."""
        timings = CheckTimings()
        with _cpu(timings, "match_ms"):
            matches: list[Match] = []
            for kind, value in values:
                matches.extend(self.matcher.match_value(kind, value))
        decision, case_id = self._decide_and_act(matches, signals, source, actor, None, timings)
        return CheckResult(decision.action, matches, case_id, decision, signals, timings)

    def check_record(
        self,
        record: FileHashes,
        *,
        source: str = "api",
        actor: str,
        media: Media | None = None,
        timings: CheckTimings | None = None,
        dihedral: bool | None = None,
    ) -> CheckResult:
        """Check a hashed file. A file that could not be hashed at all and matched nothing
        raises nothing here: the result carries ``media_error`` and the caller decides
        whether that is an error (the HTTP route answers 4xx, the CLI an error record)."""
        timings = timings or CheckTimings()
        flip = self.dihedral if dihedral is None else dihedral
        with _cpu(timings, "match_ms"):
            matches = self.matcher.match_record(
                record, dihedral=flip, variants=self.variants, verify=self.verify
            )
        signals = signals_of(record)
        error = (record.error_code or "signal_error", record.error) if record.error else None
        if error is not None and not matches:
            # Nothing could be matched because nothing could be read: no decision to act on.
            return CheckResult("allow", [], None, decide([], [], "allow"), signals, timings, error)
        decision, case_id = self._decide_and_act(matches, signals, source, actor, media, timings)
        return CheckResult(decision.action, matches, case_id, decision, signals, timings, error)

    def check_file(
        self,
        path: Path,
        *,
        options: HashOptions | None = None,
        source: str = "cli",
        actor: str,
    ) -> CheckResult:
        """Hash a file, then check it (media is never kept from here)."""
        timings = CheckTimings()
        with _cpu(timings, "hash_ms"):
            record = hash_file(path, options or HashOptions())
        return self.check_record(record, source=source, actor=actor, timings=timings)

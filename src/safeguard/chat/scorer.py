"""Incremental grooming risk: one message at a time, bounded state per open conversation.

:class:`ConversationState` holds only counts, a few running statistics per author (at most
:data:`MAX_AUTHORS`; later authors share one slot), the alert window as a bit mask and a
bounded list of signals (category, message index, span, author), never message text. It
serialises to compact JSON well under 4 KB, so a service with several workers can keep
open conversations in a database row. :func:`score_message` is the pure update;
:func:`score_conversation` folds it over a whole conversation."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.encoder import SentenceEncoder
from safeguard.chat.features import age_gap_feature, message_hashes
from safeguard.chat.lexicon import Lexicon, default_lexicon
from safeguard.chat.model import GroomingModel, ModelFormatError, default_model
from safeguard.chat.taxonomy import CONVERSATION_CATEGORIES, STAGE, level_of
from safeguard.chat.text import normalise
from safeguard.errors import InvalidInput

STATE_FORMAT = 1
MAX_AUTHORS = 6
OTHER_AUTHORS = "*"
MAX_FIRST_SIGNALS = 24
MAX_RECENT_SIGNALS = 8
MAX_WARNINGS = 4
MAX_ID_CHARS = 128
EWMA = 0.3

_CAT_INDEX = {c: i for i, c in enumerate(CONVERSATION_CATEGORIES)}
_N_CATS = len(CONVERSATION_CATEGORIES)


class StateError(InvalidInput, ValueError):
    """A serialised conversation state that cannot be read (another version, damaged)."""


@dataclass(frozen=True, slots=True)
class GroomingSignal:
    category: str
    message: int
    start: int
    end: int
    author: str

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "message": self.message,
            "span": [self.start, self.end],
            "author": self.author,
        }

    def pack(self) -> list[Any]:
        return [_CAT_INDEX[self.category], self.message, self.start, self.end, self.author]

    @classmethod
    def unpack(cls, row: list[Any]) -> GroomingSignal:
        return cls(
            CONVERSATION_CATEGORIES[int(row[0])], int(row[1]), int(row[2]), int(row[3]), str(row[4])
        )


@dataclass(slots=True)
class AuthorStats:
    messages: int = 0
    chars: int = 0
    signal_messages: int = 0
    counts: list[int] = field(default_factory=lambda: [0] * _N_CATS)
    stage_mask: int = 0
    stage_last: int = 0
    ascents: int = 0
    p_sum: float = 0.0
    p_max: float = 0.0
    p_ewma: float = 0.0
    age: int | None = None
    role: str | None = None

    def pack(self) -> list[Any]:
        return [
            self.messages,
            self.chars,
            self.signal_messages,
            self.counts,
            self.stage_mask,
            self.stage_last,
            self.ascents,
            self.p_sum,
            self.p_max,
            self.p_ewma,
            self.age,
            self.role,
        ]

    @classmethod
    def unpack(cls, row: list[Any]) -> AuthorStats:
        return cls(
            int(row[0]),
            int(row[1]),
            int(row[2]),
            [int(x) for x in row[3]],
            int(row[4]),
            int(row[5]),
            int(row[6]),
            float(row[7]),
            float(row[8]),
            float(row[9]),
            None if row[10] is None else int(row[10]),
            None if row[11] is None else str(row[11]),
        )


@dataclass(slots=True)
class ConversationState:
    """Everything the scorer remembers about an open conversation (no text)."""

    messages: int = 0
    authors: dict[str, AuthorStats] = field(default_factory=dict)
    last_ts: float | None = None
    gap_ewma: float = 0.0
    window: int = 0
    alert_at: int | None = None
    risk: float = 0.0
    first_signals: list[GroomingSignal] = field(default_factory=list)
    recent_signals: list[GroomingSignal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    declared: bool = False

    @classmethod
    def start(cls, participants: tuple[Participant, ...] = ()) -> ConversationState:
        state = cls(declared=bool(participants))
        for p in participants:
            stats = state._slot(p.id, warn=False)
            if stats.age is None:
                stats.age = p.age
            if stats.role is None:
                stats.role = p.role
        return state

    def _slot(self, author: str, *, warn: bool = True) -> AuthorStats:
        author = author[:MAX_ID_CHARS]
        stats = self.authors.get(author)
        if stats is not None:
            return stats
        if warn and self.declared:
            self.warn(f"message {self.messages}: author {author!r} is not a declared participant")
        if len(self.authors) >= MAX_AUTHORS - 1 and author != OTHER_AUTHORS:
            return self.authors.setdefault(OTHER_AUTHORS, AuthorStats())
        return self.authors.setdefault(author, AuthorStats())

    def key_of(self, author: str) -> str:
        author = author[:MAX_ID_CHARS]
        return author if author in self.authors else OTHER_AUTHORS

    def warn(self, text: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(text)
        elif len(self.warnings) == MAX_WARNINGS:
            self.warnings.append("more warnings not shown")

    def lead(self) -> str | None:
        """The author whose messages carry the most grooming evidence."""
        best, best_score = None, 0.0
        for author, s in self.authors.items():
            score = s.p_sum + 0.5 * sum(s.counts)
            if score > best_score:
                best, best_score = author, score
        return best

    def target(self, lead: str | None) -> str | None:
        others = [(a, s) for a, s in self.authors.items() if a != lead and a != OTHER_AUTHORS]
        if not others:
            return None
        minors = [
            (a, s) for a, s in others if (s.age is not None and s.age < 18) or s.role == "child"
        ]
        pool = minors or others
        return max(pool, key=lambda item: item[1].messages)[0]

    def signals(self) -> list[GroomingSignal]:
        seen = set()
        out = []
        for sig in sorted(
            [*self.first_signals, *self.recent_signals], key=lambda s: (s.message, s.start)
        ):
            key = (sig.category, sig.message, sig.start)
            if key not in seen:
                seen.add(key)
                out.append(sig)
        return out

    def features(self) -> list[float]:
        lead = self.lead()
        n = self.messages
        s = self.authors.get(lead) if lead else None
        if s is None:
            s = AuthorStats()
        counts = [math.log1p(c) for c in s.counts]
        distinct = sum(1 for c in s.counts if c)
        stages = bin(s.stage_mask).count("1")
        others = [a for a in self.authors.values() if a is not s]
        other_ages = [a.age for a in others if a.age is not None]
        other_minor = any((a.age is not None and a.age < 18) or a.role == "child" for a in others)
        lead_adult = (s.age is not None and s.age >= 18) or s.role == "adult"
        return [
            *counts,
            float(distinct),
            float(stages),
            max((i + 1 for i in range(4) if s.stage_mask >> i & 1), default=0) / 4.0,
            math.log1p(s.ascents),
            s.p_max,
            s.p_ewma,
            math.log1p(s.p_sum),
            s.p_sum / s.messages if s.messages else 0.0,
            s.signal_messages / s.messages if s.messages else 0.0,
            s.messages / n if n else 0.0,
            math.log1p(n),
            self.gap_ewma,
            age_gap_feature(s.age, min(other_ages) if other_ages else None),
            1.0 if other_minor else 0.0,
            1.0 if lead_adult else 0.0,
        ]

    # -- serialisation (compact JSON, no text) -------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "v": STATE_FORMAT,
            "n": self.messages,
            "a": {k: v.pack() for k, v in self.authors.items()},
            "t": self.last_ts,
            "g": self.gap_ewma,
            "w": self.window,
            "al": self.alert_at,
            "r": self.risk,
            "fs": [s.pack() for s in self.first_signals],
            "rs": [s.pack() for s in self.recent_signals],
            "wn": self.warnings,
            "d": int(self.declared),
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), separators=(",", ":"))

    @classmethod
    def from_json(cls, doc: Any) -> ConversationState:
        if not isinstance(doc, dict) or doc.get("v") != STATE_FORMAT:
            raise StateError("conversation state of another version; start the conversation again")
        try:
            return cls(
                messages=int(doc["n"]),
                authors={str(k): AuthorStats.unpack(v) for k, v in doc["a"].items()},
                last_ts=None if doc["t"] is None else float(doc["t"]),
                gap_ewma=float(doc["g"]),
                window=int(doc["w"]),
                alert_at=None if doc["al"] is None else int(doc["al"]),
                risk=float(doc["r"]),
                first_signals=[GroomingSignal.unpack(r) for r in doc["fs"]],
                recent_signals=[GroomingSignal.unpack(r) for r in doc["rs"]],
                warnings=[str(w) for w in doc["wn"]],
                declared=bool(doc["d"]),
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise StateError(f"damaged conversation state: {exc}") from exc

    @classmethod
    def loads(cls, text: str) -> ConversationState:
        try:
            return cls.from_json(json.loads(text))
        except json.JSONDecodeError as exc:
            raise StateError(f"damaged conversation state: {exc}") from exc


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """The current verdict on a conversation."""

    id: str
    risk: float
    level: str
    signals: list[GroomingSignal]
    alert_at: int | None
    suspect: str | None
    target: str | None
    messages: int
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "risk": round(self.risk, 4),
            "level": self.level,
            "signals": [s.to_json() for s in self.signals],
            "alert_at": self.alert_at,
            "suspect": self.suspect,
            "target": self.target,
            "messages": self.messages,
            "warnings": self.warnings,
        }


@dataclass(frozen=True, slots=True)
class Scoring:
    """What scoring needs: the model, the lexicon (defaults: the shipped ones) and, for a
    model trained with the optional sentence encoder, the encoder."""

    model: GroomingModel
    lexicon: Lexicon
    encoder: SentenceEncoder | None = None

    def __post_init__(self) -> None:
        if self.model.encoder is not None and (
            self.encoder is None or self.encoder.name != self.model.encoder
        ):
            raise ModelFormatError(
                f"this model needs the {self.model.encoder} encoder: use Scoring.for_model"
            )

    @classmethod
    def default(cls) -> Scoring:
        return cls(default_model(), default_lexicon("en", "conversation"))

    @classmethod
    def for_model(cls, model: GroomingModel, lexicon: Lexicon | None = None) -> Scoring:
        """Scoring with ``model``, loading its encoder if it was trained with one."""
        encoder = None
        if model.encoder is not None:
            from safeguard.chat.encoder import load_encoder

            encoder = load_encoder(model.encoder)
        return cls(model, lexicon or default_lexicon("en", "conversation"), encoder)


def observe(
    state: ConversationState, message: Message, scoring: Scoring
) -> tuple[list[str], float]:
    """Update the state with one message, without the conversation-level step; returns the
    message's categories and message-model probability (training uses this too)."""
    index = state.messages
    norm = normalise(message.text)
    if norm.truncated:
        state.warn(f"message {index}: text cut to {len(norm.text)} characters")
    hits = scoring.lexicon.find(norm.text)
    categories = [h.category for h in hits if h.category in _CAT_INDEX]
    embedding = scoring.encoder.encode([norm.text])[0] if scoring.encoder is not None else None
    p = scoring.model.message_probability(
        message_hashes(norm.text, categories, scoring.model.hashing), embedding
    )
    stats = state._slot(message.author)
    author = state.key_of(message.author)
    state.messages += 1
    stats.messages += 1
    stats.chars += len(norm.text)
    stats.p_sum += p
    stats.p_max = max(stats.p_max, p)
    stats.p_ewma = EWMA * p + (1 - EWMA) * stats.p_ewma
    if categories:
        stats.signal_messages += 1
    for hit in hits:
        if hit.category not in _CAT_INDEX:
            continue
        ci = _CAT_INDEX[hit.category]
        start, end = norm.span(hit.start, hit.end)
        sig = GroomingSignal(hit.category, index, start, end, author)
        if stats.counts[ci] == 0 and len(state.first_signals) < MAX_FIRST_SIGNALS:
            state.first_signals.append(sig)
        else:
            state.recent_signals.append(sig)
            del state.recent_signals[:-MAX_RECENT_SIGNALS]
        stats.counts[ci] = min(stats.counts[ci] + 1, 65535)
        stage = STAGE[hit.category]
        if stage > stats.stage_last:
            if stats.stage_last:
                stats.ascents += 1
            stats.stage_last = stage
        stats.stage_mask |= 1 << (stage - 1)
    _time_step(state, message.ts, index)
    return categories, p


def _time_step(state: ConversationState, ts: float | None, index: int) -> None:
    if ts is None:
        return
    if state.last_ts is not None:
        gap = ts - state.last_ts
        if gap < 0:
            state.warn(f"message {index}: timestamp earlier than the previous message")
            gap = 0.0
        state.gap_ewma = EWMA * math.log1p(gap) + (1 - EWMA) * state.gap_ewma
    if state.last_ts is None or ts > state.last_ts:
        state.last_ts = ts


def score_message(
    state: ConversationState, message: Message, scoring: Scoring, conversation_id: str = ""
) -> ScoreResult:
    """The pure incremental step: fold one message into ``state`` and return the verdict."""
    step(state, message, scoring)
    return result_of(state, conversation_id)


def step(state: ConversationState, message: Message, scoring: Scoring) -> float:
    """Fold one message into ``state`` (risk, alert window); returns the message-model
    probability of that message."""
    _, p = observe(state, message, scoring)
    model = scoring.model
    risk = model.risk(state.features())
    state.risk = risk
    policy = model.policy
    state.window = ((state.window << 1) | int(risk >= policy.threshold)) & ((1 << policy.k) - 1)
    if state.alert_at is None and bin(state.window).count("1") >= policy.s:
        state.alert_at = state.messages - 1
    return p


def result_of(state: ConversationState, conversation_id: str) -> ScoreResult:
    lead = state.lead()
    suspect = lead if lead is not None and state.risk >= 0.2 else None
    return ScoreResult(
        id=conversation_id,
        risk=state.risk,
        level=level_of(state.risk),
        signals=state.signals(),
        alert_at=state.alert_at,
        suspect=suspect,
        target=state.target(lead) if suspect else None,
        messages=state.messages,
        warnings=list(state.warnings),
    )


def score_conversation(conversation: Conversation, scoring: Scoring | None = None) -> ScoreResult:
    """Score a whole conversation, message by message (the same path as incremental)."""
    scoring = scoring or Scoring.default()
    state = ConversationState.start(conversation.participants)
    if not conversation.messages:
        state.warn("the conversation has no messages")
        return result_of(state, conversation.id)
    missing = sum(1 for m in conversation.messages if m.ts is None)
    if missing:
        state.warn(f"{missing} message(s) without a timestamp: gaps ignored for them")
    result = result_of(state, conversation.id)
    for message in conversation.messages:
        result = score_message(state, message, scoring, conversation.id)
    return result


class ConversationScorer:
    """Convenience wrapper: an open conversation scored as its messages arrive."""

    def __init__(
        self,
        conversation_id: str = "",
        participants: tuple[Participant, ...] = (),
        scoring: Scoring | None = None,
    ) -> None:
        self.id = conversation_id
        self.scoring = scoring or Scoring.default()
        self.state = ConversationState.start(participants)

    def add(self, message: Message) -> ScoreResult:
        return score_message(self.state, message, self.scoring, self.id)

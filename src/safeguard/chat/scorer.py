"""Incremental grooming risk: one message at a time, bounded state per open conversation.

:class:`ConversationState` holds only counts and a few statistics per author (at most
:data:`MAX_AUTHORS`; later authors share one slot), the language votes and a bounded list of
signals (category, message index, span, author), never message text. It serialises to
compact JSON well under 4 KB, so a service with several workers can keep open conversations
in a database row. :func:`score_message` is the pure update; :func:`score_conversation`
folds it over a whole conversation.

Per message: normalise (:mod:`~safeguard.chat.normalise`), vote on the language
(:mod:`~safeguard.chat.language`), find the lexicon's signals (the message's language and
English), rate the message with the message model, name a grooming line the lexicon missed
with the semantic layer, and add all of it to the author's evidence. The author's risk is the
evidence model's calibrated score; the conversation's is the largest of its authors'. Every
evidence feature only grows, so risk never falls, and it only rises on a message that carries
a signal: every alert names a signal at or before it."""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from dataclasses import dataclass, field
from typing import Any

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.fast_init import fast_constructor
from safeguard.chat.features import EVIDENCE_FEATURES, Context, context_of, message_hashes
from safeguard.chat.language import SUPPORTED, LanguageGuess, LanguageVotes
from safeguard.chat.lexicon import Hit, Lexicon, LexiconError, default_lexicon
from safeguard.chat.model import AlertPolicy, GroomingModel, default_model
from safeguard.chat.normalise import NormalText, normalise
from safeguard.chat.taxonomy import SIGNAL_CATEGORIES, STAGE, level_of
from safeguard.errors import InvalidInput

STATE_FORMAT = 3
MAX_AUTHORS = 6
OTHER_AUTHORS = "*"
MAX_FIRST_SIGNALS = 24
MAX_RECENT_SIGNALS = 8
MAX_WARNINGS = 4
MAX_ID_CHARS = 128
TOP_LINES = 3
#: Every message votes on the language until the votes reach this weight with a clear
#: leader (a share of at least 0.8); later, one message in :data:`VOTE_EVERY`. Identifying a
#: message's language is the largest single cost of scoring it, so a conversation stops
#: asking as soon as it can.
SETTLED_WEIGHT = 0.9
#: ... or once this many messages have voted with a clear leader (one more without).
SETTLED_VOTERS = 2
VOTE_EVERY = 16
#: A message in a supported language with at least this confidence uses its own lexicon.
MESSAGE_LANGUAGE_CONFIDENCE = 0.8
#: Level reported for a conversation in a language without support and no alert.
UNSUPPORTED_LEVEL = "unknown"

_CAT_INDEX = {c: i for i, c in enumerate(SIGNAL_CATEGORIES)}
_SIGNAL_ORDER = operator.attrgetter("message", "start")
_N_CATS = len(SIGNAL_CATEGORIES)
_STAGE_BIT = tuple((1 << (STAGE[c] - 1)) if STAGE[c] else 0 for c in SIGNAL_CATEGORIES)
_STAGE_PAIRS = tuple(
    (1 << (a - 1)) | (1 << (b - 1)) for a, b in itertools.combinations(range(1, 5), 2)
)
_PAIR_VALUES = tuple([float(mask & pair == pair) for pair in _STAGE_PAIRS] for mask in range(16))
_OTHER = "other_move"


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
            SIGNAL_CATEGORIES[int(row[0])], int(row[1]), int(row[2]), int(row[3]), str(row[4])
        )


_new_signal = fast_constructor(GroomingSignal)


def _pairs(counts: list[int]) -> list[float]:
    """1.0 for each pair of stages both touched by ``counts`` (per category)."""
    if len(counts) != _N_CATS:
        raise ValueError(f"{len(counts)} category counts, expected {_N_CATS}")
    # The stage bits of the categories with a count, OR-ed together (in C).
    return _PAIR_VALUES[functools.reduce(operator.or_, itertools.compress(_STAGE_BIT, counts), 0)]


@dataclass(slots=True)
class AuthorStats:
    """One author's evidence so far; every field but ``messages`` grows only with signals."""

    messages: int = 0
    counts: list[int] = field(default_factory=lambda: [0] * _N_CATS)
    line_counts: list[int] = field(default_factory=lambda: [0] * _N_CATS)
    stage_mask: int = 0
    stage_last: int = 0
    ascents: int = 0
    top: list[float] = field(default_factory=list)
    lines: int = 0
    line_logits: float = 0.0
    age: int | None = None
    role: str | None = None
    logit: float | None = None
    #: The lexical layer: the largest probability of the author's messages, and the sum of
    #: their positive log-odds (both only grow).
    lexical_max: float = 0.0
    lexical_sum: float = 0.0

    def features(self) -> list[float]:
        top = sorted(self.top, reverse=True)[:TOP_LINES]
        counts, line_counts = self.counts, self.line_counts
        distinct = _N_CATS - counts.count(0)
        line_distinct = _N_CATS - line_counts.count(0)
        return [
            *map(math.log1p, counts),
            *map(math.log1p, line_counts),
            float(distinct),
            float(line_distinct),
            float(line_distinct >= 2),
            float(line_distinct >= 3),
            float(line_distinct >= 4),
            float(bin(self.stage_mask).count("1")),
            math.log1p(self.ascents),
            top[0] if top else 0.0,
            sum(top) / TOP_LINES,
            math.log1p(self.lines),
            math.log1p(self.line_logits),
            *_pairs(counts),
            *_pairs(line_counts),
            # The lexical layer's evidence counts once the author has a signal, so a
            # message without one never raises risk (every alert names a signal).
            *((self.lexical_max, math.log1p(self.lexical_sum)) if distinct else (0.0, 0.0)),
        ]

    def pack(self) -> list[Any]:
        return [
            self.messages,
            self.counts,
            self.line_counts,
            self.stage_mask,
            self.stage_last,
            self.ascents,
            self.top,
            self.lines,
            self.line_logits,
            self.age,
            self.role,
            self.logit,
            self.lexical_max,
            self.lexical_sum,
        ]

    @classmethod
    def unpack(cls, row: list[Any]) -> AuthorStats:
        return cls(
            int(row[0]),
            [int(x) for x in row[1]],
            [int(x) for x in row[2]],
            int(row[3]),
            int(row[4]),
            int(row[5]),
            [float(x) for x in row[6]],
            int(row[7]),
            float(row[8]),
            None if row[9] is None else int(row[9]),
            None if row[10] is None else str(row[10]),
            None if row[11] is None else float(row[11]),
            float(row[12]),
            float(row[13]),
        )


@dataclass(slots=True)
class ConversationState:
    """Everything the scorer remembers about an open conversation (no text)."""

    messages: int = 0
    authors: dict[str, AuthorStats] = field(default_factory=dict)
    last_ts: float | None = None
    alert_at: int | None = None
    risk: float = 0.0
    first_signals: list[GroomingSignal] = field(default_factory=list)
    recent_signals: list[GroomingSignal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    declared: bool = False
    votes: LanguageVotes = field(default_factory=LanguageVotes)
    _signals: list[GroomingSignal] | None = field(default=None, compare=False, repr=False)
    _signals_key: Any = field(default=None, compare=False, repr=False)
    #: Bumped whenever a signal is kept (the sorted signals are cached until it changes).
    _signal_version: int = field(default=0, compare=False, repr=False)
    #: Each author's :class:`Context`, valid while the number of authors stays the same
    #: (declared ages and roles are only set when the state starts).
    _contexts: dict[str, Context] = field(default_factory=dict, compare=False, repr=False)
    _contexts_authors: int = field(default=-1, compare=False, repr=False)

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

    def context(self, author: str) -> Context:
        authors = len(self.authors)
        if self._contexts_authors != authors:
            self._contexts = {}
            self._contexts_authors = authors
        context = self._contexts.get(author)
        if context is None:
            context = self._contexts[author] = self._context_now(author)
        return context

    def _context_now(self, author: str) -> Context:
        me = self.authors[author]
        others = [(s.age, s.role) for a, s in self.authors.items() if a != author]
        return context_of((me.age, me.role), others)

    def lead(self) -> str | None:
        """The author whose evidence scores highest (None before any evidence)."""
        best, best_z = None, -math.inf
        for author, s in self.authors.items():
            if s.logit is not None and s.logit > best_z:
                best, best_z = author, s.logit
        return best

    def target(self, lead: str | None) -> str | None:
        """Of the authors but ``lead`` (and the shared slot), the one who wrote most among
        the declared minors, or among all when none is (the first such on a tie)."""
        other, other_n = None, -1
        minor, minor_n = None, -1
        for a, s in self.authors.items():
            if a in (lead, OTHER_AUTHORS):
                continue
            n = s.messages
            if n > other_n:
                other, other_n = a, n
            if n > minor_n and ((s.age is not None and s.age < 18) or s.role == "child"):
                minor, minor_n = a, n
        return minor if minor is not None else other

    def language(self) -> LanguageGuess | None:
        return self.votes.best()

    def signals(self) -> list[GroomingSignal]:
        """The kept signals in message order (cached until a signal is added)."""
        key = self._signal_version
        if self._signals_key != key or self._signals is None:
            self._signals = self._sorted_signals()
            self._signals_key = key
        return list(self._signals)

    def _sorted_signals(self) -> list[GroomingSignal]:
        seen = set()
        out = []
        for sig in sorted([*self.first_signals, *self.recent_signals], key=_SIGNAL_ORDER):
            key = (sig.category, sig.message, sig.start)
            if key not in seen:
                seen.add(key)
                out.append(sig)
        return out

    # -- serialisation (compact JSON, no text) -------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "v": STATE_FORMAT,
            "n": self.messages,
            "a": {k: v.pack() for k, v in self.authors.items()},
            "t": self.last_ts,
            "al": self.alert_at,
            "r": self.risk,
            "fs": [s.pack() for s in self.first_signals],
            "rs": [s.pack() for s in self.recent_signals],
            "wn": self.warnings,
            "d": int(self.declared),
            "lv": self.votes.pack(),
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
                alert_at=None if doc["al"] is None else int(doc["al"]),
                risk=float(doc["r"]),
                first_signals=[GroomingSignal.unpack(r) for r in doc["fs"]],
                recent_signals=[GroomingSignal.unpack(r) for r in doc["rs"]],
                warnings=[str(w) for w in doc["wn"]],
                declared=bool(doc["d"]),
                votes=LanguageVotes.unpack(doc["lv"]),
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
    language: str | None = None
    supported: bool = True

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
            "language": self.language,
            "supported": self.supported,
        }


_new_result = fast_constructor(ScoreResult)


@dataclass(frozen=True, slots=True)
class Scoring:
    """What scoring needs: the model and the lexicons (defaults: the shipped ones). Lexicons
    of the supported languages load on first use; English is always read as well, since
    chat mixes it into every language."""

    model: GroomingModel
    lexicon: Lexicon
    lexicons: dict[str, Lexicon | None] = field(default_factory=dict, compare=False)

    @classmethod
    def default(cls) -> Scoring:
        return cls(default_model(), default_lexicon("en", "conversation"))

    @classmethod
    def for_model(cls, model: GroomingModel, lexicon: Lexicon | None = None) -> Scoring:
        return cls(model, lexicon or default_lexicon("en", "conversation"))

    def lexicon_for(self, language: str) -> Lexicon | None:
        if language == self.lexicon.language:
            return self.lexicon
        if language not in self.lexicons:
            try:
                self.lexicons[language] = (
                    default_lexicon(language, "conversation") if language in SUPPORTED else None
                )
            except LexiconError:
                self.lexicons[language] = None
        return self.lexicons[language]


@dataclass(frozen=True, slots=True)
class MessageEvidence:
    """What one message added (training and evaluation read it)."""

    author: str
    categories: tuple[str, ...]
    probability: float
    line: bool
    language: str


def _message_language(state: ConversationState, text: str) -> str:
    """Messages vote on the conversation's language until it is settled (enough weight, a
    clear leader), then one in :data:`VOTE_EVERY` does, so a switch is still noticed."""
    best = state.votes.best()
    voters = state.votes.voters
    settled = best is not None and (
        voters >= SETTLED_VOTERS + 1
        or (
            best.confidence >= 0.8
            and (voters >= SETTLED_VOTERS or state.votes.total() >= SETTLED_WEIGHT)
        )
    )
    if not settled or state.messages % VOTE_EVERY == 0:
        own = state.votes.add(text)
        if own is not None and own.supported and own.confidence >= MESSAGE_LANGUAGE_CONFIDENCE:
            return own.language
        best = state.votes.best()
    if best is not None and best.supported:
        return best.language
    return "en"


def vote_language(state: ConversationState, text: str) -> None:
    """Fold ``text``'s language vote into ``state`` as scoring it would (nothing else)."""
    _message_language(state, normalise(text).text)
    state.messages += 1


@dataclass(frozen=True, slots=True)
class MessageReading:
    """A message as the detectors read it: normalised text, language, lexicon hits, hashed
    features."""

    norm: NormalText
    language: str
    hits: list[Hit]
    categories: list[str]
    hashes: list[int]


def read_message(state: ConversationState, text: str, scoring: Scoring) -> MessageReading:
    """Normalise, vote on the language, find the lexicon's signals, hash the features (the
    language votes in ``state`` are updated; nothing else is)."""
    norm, language, spans, categories, hashes = _read(state, text, scoring)
    return MessageReading(norm, language, [Hit(*h) for h in spans], categories, hashes)


_Span = tuple[str, int, int]


def _read(
    state: ConversationState, text: str, scoring: Scoring
) -> tuple[NormalText, str, list[_Span], list[str], list[int]]:
    """:func:`read_message` with the hits as ``(category, start, end)`` tuples (the scoring
    path builds no objects it does not keep)."""
    norm = normalise(text)
    ntext = norm.text
    language = _message_language(state, ntext)
    lexicon = scoring.lexicon
    extra = scoring.lexicon_for(language) if language != lexicon.language else None
    # English and the message's language in one walk, merged by start as a stable sort of
    # the two lexicons' hits would be.
    hits = lexicon.spans(ntext) if extra is None else lexicon.spans_with(extra, ntext)
    if hits:
        hits = [h for h in hits if h[0] in _CAT_INDEX]
        categories = list(dict.fromkeys([h[0] for h in hits]))
    else:
        categories = []
    hashes = message_hashes(ntext, categories, scoring.model.hashing, language)
    return norm, language, hits, categories, hashes


def observe(state: ConversationState, message: Message, scoring: Scoring) -> MessageEvidence:
    """Fold one message into ``state``'s evidence (not the risk)."""
    author, categories, p, line, language = _observe(state, message, scoring)
    return MessageEvidence(author, tuple(categories), p, line, language)


def _observe(
    state: ConversationState, message: Message, scoring: Scoring
) -> tuple[str, list[str], float, bool, str]:
    index = state.messages
    model = scoring.model
    norm, language, hits, categories, hashes = _read(state, message.text, scoring)
    if norm.truncated:
        state.warn(f"message {index}: text cut to {len(norm.text)} characters")
    p, zl = model.read(hashes)
    line = p >= model.policy.line_threshold
    stats = state._slot(message.author)
    author = state.key_of(message.author)
    state.messages += 1
    stats.messages += 1
    if zl is not None and zl > 0:
        stats.lexical_sum = round(stats.lexical_sum + zl, 6)
        q = round(1.0 / (1.0 + math.exp(-min(zl, 35.0))), 6)
        if q > stats.lexical_max:
            stats.lexical_max = q
    if line:
        stats.lines += 1
        stats.line_logits += max(0.0, round(math.log(p / max(1e-12, 1.0 - p)), 6))
        stats.top = sorted([*stats.top, round(p, 6)], reverse=True)[:TOP_LINES]
        if not categories:
            named = model.semantic_category(hashes) or _OTHER
            categories = [named]
            # The whole message is the span: the semantic layer reads all of it.
            if norm.index is None:
                hits = [(named, 0, len(norm.text))]
            else:
                hits = [(named, norm.index[0], norm.index[-1] + 1) if norm.index else (named, 0, 0)]
            norm_span = None
        else:
            norm_span = norm.span
    else:
        norm_span = norm.span
    if not categories:
        _time_step(state, message.ts, index)
        return author, categories, p, line, language
    counts = stats.counts
    first_signals = state.first_signals
    for category, start, end in hits:
        if norm_span is not None:
            start, end = norm_span(start, end)
        sig = _new_signal(category, index, start, end, author)
        if counts[_CAT_INDEX[category]] == 0 and len(first_signals) < MAX_FIRST_SIGNALS:
            first_signals.append(sig)
        else:
            state.recent_signals.append(sig)
            del state.recent_signals[:-MAX_RECENT_SIGNALS]
    state._signal_version += 1
    line_counts = stats.line_counts
    for category in categories:
        ci = _CAT_INDEX[category]
        counts[ci] = min(counts[ci] + 1, 65535)
        if line:
            line_counts[ci] = min(line_counts[ci] + 1, 65535)
        stage = STAGE[category]
        if not stage:
            continue
        if stage > stats.stage_last:
            if stats.stage_last:
                stats.ascents += 1
            stats.stage_last = stage
        stats.stage_mask |= 1 << (stage - 1)
    _time_step(state, message.ts, index)
    return author, categories, p, line, language


def _time_step(state: ConversationState, ts: float | None, index: int) -> None:
    """Timestamps are checked (a warning when one goes back) but never scored."""
    if ts is None:
        return
    if state.last_ts is not None and ts < state.last_ts:
        state.warn(f"message {index}: timestamp earlier than the previous message")
    if state.last_ts is None or ts > state.last_ts:
        state.last_ts = ts


def step(state: ConversationState, message: Message, scoring: Scoring) -> MessageEvidence:
    """Fold one message into ``state``: evidence, the author's risk, the alert."""
    author, categories, p, line, language = _step(state, message, scoring)
    return MessageEvidence(author, tuple(categories), p, line, language)


def _step(
    state: ConversationState, message: Message, scoring: Scoring
) -> tuple[str, list[str], float, bool, str]:
    observed = _observe(state, message, scoring)
    author, categories = observed[0], observed[1]
    model = scoring.model
    stats = state.authors[author]
    if categories or stats.logit is None:
        stats.logit = model.logit(stats.features(), state.context(author))
        state.risk = max(state.risk, model.risk_of_logit(stats.logit))
    if state.alert_at is None and state.risk >= alert_threshold(state, model.policy):
        state.alert_at = state.messages - 1
    return observed


def alert_threshold(state: ConversationState, policy: AlertPolicy) -> float:
    """The alert threshold of the conversation now: the policy's threshold for the language
    the votes lead with, when it is a supported one (:meth:`AlertPolicy.for_language`)."""
    if policy.other_languages is None:
        return policy.threshold
    guess = state.votes.best()
    if guess is None or not guess.supported:
        return policy.threshold
    return policy.for_language(guess.language)


def score_message(
    state: ConversationState, message: Message, scoring: Scoring, conversation_id: str = ""
) -> ScoreResult:
    """The pure incremental step: fold one message into ``state`` and return the verdict."""
    _step(state, message, scoring)
    return result_of(state, conversation_id)


def result_of(state: ConversationState, conversation_id: str) -> ScoreResult:
    risk = state.risk
    # The suspect (and so the lead and the target) is only named from a risk of 0.2.
    lead = state.lead() if risk >= 0.2 else None
    suspect = lead
    guess = state.votes.best()
    supported = guess is None or guess.supported
    level = level_of(risk)
    warnings = list(state.warnings)
    if not supported and guess is not None:
        warnings.insert(
            0,
            f"language {guess.language!r} is not supported: grooming in it is not recognised, "
            "so this conversation's risk is unknown, not low",
        )
        if state.alert_at is None:
            level = UNSUPPORTED_LEVEL
    return _new_result(
        conversation_id,
        risk,
        level,
        state.signals(),
        state.alert_at,
        suspect,
        state.target(lead) if suspect else None,
        state.messages,
        warnings,
        guess.language if guess is not None else None,
        supported,
    )


def score_conversation(conversation: Conversation, scoring: Scoring | None = None) -> ScoreResult:
    """Score a whole conversation, message by message (the same path as incremental)."""
    scoring = scoring or Scoring.default()
    state = ConversationState.start(conversation.participants)
    if not conversation.messages:
        state.warn("the conversation has no messages")
        return result_of(state, conversation.id)
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


__all__ = [
    "EVIDENCE_FEATURES",
    "ConversationScorer",
    "ConversationState",
    "GroomingSignal",
    "MessageEvidence",
    "MessageReading",
    "ScoreResult",
    "Scoring",
    "StateError",
    "observe",
    "read_message",
    "result_of",
    "score_conversation",
    "score_message",
    "step",
]

"""Livestream comments: a stream-level scorer over viewers' comments in a sliding time window.

It looks for abuse-to-order signals and flags a stream on **corroboration**, never on one
comment: several viewers giving the broadcaster instructions, one viewer repeating or
escalating them, instructions tied to payment, instructions next to questions about the
broadcaster's age, whether they are alone or where they live, and pressure. A single comment,
however it reads, never flags a stream (its risk stays below :data:`FLAG_RISK`).

Each comment is read (:mod:`safeguard.chat.comment_text` folds accents, leetspeak and
stretched letters) by the comment lexicons of every shipped language
(``lexicons/<lang>/comments_*.json``) and by the instruction grammar
(:mod:`safeguard.chat.instructions`: an imperative verb aimed at the broadcaster with a
direction or an object: "stand on the chair", "show your room"). It updates bounded state
(at most ``max_window_comments`` comments and ``max_request_keys`` request counters in the
window) and returns the current :class:`CommentRisk`.

A per-comment text model (hashed words and character n-grams of the folded comment) marks a
comment worded like the concerning viewers' comments it was trained on with
``concerning_wording``, whether or not a lexicon names it; two such comments in the window
corroborate, one never does. Risks come from two small logistic models with non-negative
weights (a signal can only add risk), shipped with the text model in
``models/comments-v3.json`` and trained offline
(:mod:`safeguard.chat.training.comments_train`): one over a viewer's window, one over the
stream's window. Comment text is never kept: only categories, spans and counts.
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from safeguard.chat.comment_text import fold_comment
from safeguard.chat.features import Hashing, message_hashes
from safeguard.chat.instructions import find_all_instructions
from safeguard.chat.lexicon import Category, Lexicon, LexiconError
from safeguard.chat.taxonomy import COMMENT_CATEGORIES, level_of
from safeguard.errors import InvalidInput

COMMENT_MODEL_FORMAT: Final = "safeguard.chat.comments/3"
COMMENT_MODEL_FILE: Final = "comments-v3.json"
WORDING: Final = "concerning_wording"
"""A comment the text model rates at or above the model's ``text_line``."""
EVERYDAY: Final = frozenset({"payment", "platform_move", "pressure", "request_action"})
"""Lexicon categories that are everyday in streams (see :data:`CORROBORATING`): a comment whose
every lexicon signal is one of these (and no body instruction) is never ``concerning_wording``,
however the text model rates it, so many viewers tipping for a song or asking for a discord
never corroborate."""
TEXT_HASHING: Final = Hashing(bits=18, word_ngrams=2, lemmas=False, char_ngrams=(3, 4))
"""How the text model hashes a folded comment (no lemmas: a comment's language is unknown)."""
COMMENT_LANGUAGES: Final = ("en", "es", "fr", "de", "pt", "it", "pl", "ro")
"""Languages with comment lexicons and an instruction grammar."""

FLAG_RISK: Final = 0.6
"""A window at this risk or above flags the stream (the stream monitor's default
``review_risk`` is the same figure, so the monitor asks for a review where this flags)."""

MIN_CORROBORATING_COMMENTS: Final = 2
"""Comments with a concerning signal (:data:`CORROBORATING`) needed in the window before the
risk may reach FLAG_RISK."""

REPEAT_VIEWERS: Final = 3
"""An instruction given by this many distinct viewers in the window is a repeated request."""

_SINGLE_COMMENT_CAP: Final = FLAG_RISK - 0.05

KINDS: Final[dict[str, int]] = {
    "age_probing": 0,
    "personal_info": 0,
    "risk_assessment": 1,
    "request_action": 2,
    "photo_camera": 2,
    "payment": 3,
    "tip_for_action": 3,
    "pressure": 4,
    "threats_extortion": 4,
    "platform_move": 5,
}
"""What kind of move a comment category is, for escalation: probing the broadcaster (age,
personal information), risk assessment (alone? parents?), instructions (body, camera),
money, pressure or threats, another app."""

ESCALATION_KINDS: Final = 3
"""A viewer who, over two comments or more since the stream began, has made this many kinds
of move (:data:`KINDS`) is *escalating*, which corroborates. On the two hand-written
development sets no benign stream had a viewer with more than two kinds (a grandmother's
"how old are you today?" then "turn around and show us the cake"; a fan's "what city do u
live in" then "whats ur discord"), while most concerning streams had one with three or more
(probing, then instructions, then money or pressure or another app)."""

SAME_REQUEST_VIEWERS: Final = 2
"""Short of an escalating viewer, a stream corroborates only when this many viewers gave the
same body instruction in the window (and two comments there carry a concerning signal)."""

MAX_TRACKED_VIEWERS: Final = 1024
_CONCERNING_BIT: Final = 1 << 8
"""Marks a viewer who has written a concerning comment (:data:`CORROBORATING`): escalation
counts only for them, so a viewer who asks to see the sea, tips and says "come on" is not
escalating."""

PROBE: Final = frozenset({"age_probing", "risk_assessment", "personal_info"})
MONEY: Final = frozenset({"payment", "tip_for_action"})

CORROBORATING: Final = frozenset(
    {
        "request_body",
        "age_probing",
        "risk_assessment",
        "personal_info",
        "photo_camera",
        "threats_extortion",
        "tip_for_action",
        WORDING,
    }
)
"""What a comment must carry to corroborate: a body instruction, questions about the
broadcaster, a camera request, a threat, money for a body instruction (or pressure while a
body instruction is in the window). Generic instructions ("show us the new keyboard", "play
the next level"), money talk, another app and pressure are everyday in streams; on their
own they never count towards a flag."""

SIGNAL_CATEGORIES: Final = tuple(c for c in COMMENT_CATEGORIES if c != "repeated_request")
"""Categories a comment can carry (plus ``repeated_request``, a stream-level signal)."""

_BODY = "request_body"
_SIGNAL_COMMENT = "signal_comment"
"""Internal count: a viewer's comments with any signal in the window."""
"""Internal count: instructions that place or move the broadcaster's body relative to a
named thing ("stand on the chair"), beside the ones that ask to see ("show your room")."""

VIEWER_FEATURES: Final = (
    *SIGNAL_CATEGORIES,
    "body_requests",
    "distinct_categories",
    "paid_request",
    "probe_and_request",
    "pressure_on_request",
)
STREAM_FEATURES: Final = (
    *(f"viewers_{c}" for c in SIGNAL_CATEGORIES),
    "viewers_body_requests",
    "request_comments",
    "same_request_viewers",
    "repeating_viewers",
    "paid_request_viewers",
    "requests_with_money",
    "requests_with_probing",
    "requests_with_pressure",
    "probing_viewers",
    "wording_comments",
    "max_viewer_logit",
)


class CommentModelError(InvalidInput, ValueError):
    """The comment model file is missing, malformed or of another format version."""


@dataclass(frozen=True, slots=True)
class Comment:
    viewer: str
    text: str
    ts: float | None = None


@dataclass(frozen=True, slots=True)
class CommentSignal:
    category: str
    viewer: str
    comment: int
    start: int
    end: int
    ts: float

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "viewer": self.viewer,
            "comment": self.comment,
            "span": [self.start, self.end],
            "ts": self.ts,
        }


@dataclass(frozen=True, slots=True)
class CommentRisk:
    risk: float
    level: str
    viewers: dict[str, float]
    signals: list[CommentSignal]
    window_start: float
    window_end: float
    comments_in_window: int
    comment: int
    flagged: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "risk": round(self.risk, 4),
            "level": self.level,
            "flagged": self.flagged,
            "viewers": {v: round(r, 4) for v, r in self.viewers.items()},
            "signals": [s.to_json() for s in self.signals],
            "window_start": self.window_start,
            "window_end": self.window_end,
            "comments_in_window": self.comments_in_window,
            "comment": self.comment,
        }


@dataclass(frozen=True, slots=True)
class CommentModel:
    """Log-odds weights (all ≥ 0) over :data:`VIEWER_FEATURES` (a viewer's window) and
    :data:`STREAM_FEATURES` (the stream's window)."""

    viewer_bias: float
    viewer_weights: dict[str, float]
    stream_bias: float
    stream_weights: dict[str, float]
    metrics: dict[str, Any] = field(default_factory=dict)
    #: The per-comment text model: log-odds bias and weights over hashed features of the
    #: folded comment (:data:`TEXT_HASHING`); a comment at or above probability ``text_line``
    #: carries ``concerning_wording``. No weights: no text model.
    text_bias: float = 0.0
    text_weights: dict[int, float] = field(default_factory=dict)
    text_line: float = 1.0

    def __post_init__(self) -> None:
        negative = [
            k for k, w in (*self.viewer_weights.items(), *self.stream_weights.items()) if w < 0
        ]
        if negative:
            raise CommentModelError(
                f"comment model weights must not be negative (a signal only adds risk): "
                f"{', '.join(sorted(negative))}"
            )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": COMMENT_MODEL_FORMAT,
            "viewer_bias": self.viewer_bias,
            "viewer_weights": self.viewer_weights,
            "stream_bias": self.stream_bias,
            "stream_weights": self.stream_weights,
            "metrics": self.metrics,
            "text_bias": self.text_bias,
            "text_line": self.text_line,
            "text_weights": {str(k): v for k, v in sorted(self.text_weights.items())},
        }

    def text_probability(self, text: str) -> float:
        """The text model's probability that ``text`` (folded) is a concerning comment."""
        weights = self.text_weights
        if not weights:
            return 0.0
        hashes = message_hashes(text, [], TEXT_HASHING)
        return _sigmoid(self.text_bias + sum(filter(None, map(weights.get, hashes))))

    @classmethod
    def from_json(cls, doc: Any) -> CommentModel:
        if not isinstance(doc, dict) or doc.get("format") != COMMENT_MODEL_FORMAT:
            found = doc.get("format") if isinstance(doc, dict) else type(doc).__name__
            raise CommentModelError(
                f"comment model format {found!r} is not {COMMENT_MODEL_FORMAT!r}; retrain with "
                "`python -m safeguard.chat.training.comments_train`"
            )
        try:
            return cls(
                float(doc["viewer_bias"]),
                {str(k): float(v) for k, v in doc["viewer_weights"].items()},
                float(doc["stream_bias"]),
                {str(k): float(v) for k, v in doc["stream_weights"].items()},
                dict(doc.get("metrics", {})),
                float(doc.get("text_bias", 0.0)),
                {int(k): float(v) for k, v in doc.get("text_weights", {}).items()},
                float(doc.get("text_line", 1.0)),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CommentModelError(f"malformed comment model: {exc}") from exc

    @classmethod
    def load(cls, path: Path) -> CommentModel:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommentModelError(f"{path}: {exc}") from exc
        return cls.from_json(doc)


def default_comment_model_path() -> Path:
    return Path(str(resources.files("safeguard.chat") / "models" / COMMENT_MODEL_FILE))


def default_comment_model() -> CommentModel:
    """The shipped comment model, read once per file version (a scorer is made per stream;
    the file holds the text model's tens of thousands of weights)."""
    path = default_comment_model_path()
    if path.is_file():
        stat = path.stat()
        return _load_cached(path, stat.st_mtime_ns, stat.st_size)
    return FALLBACK_COMMENT_MODEL


@lru_cache(maxsize=2)
def _load_cached(path: Path, mtime_ns: int, size: int) -> CommentModel:
    return CommentModel.load(path)


# Used only when the trained file is absent (a source checkout before training).
FALLBACK_COMMENT_MODEL = CommentModel(
    viewer_bias=-3.0,
    viewer_weights={c: 1.0 for c in SIGNAL_CATEGORIES},
    stream_bias=-3.5,
    stream_weights={
        "same_request_viewers": 1.0,
        "requests_with_money": 1.0,
        "requests_with_probing": 1.0,
        "requests_with_pressure": 1.0,
        "max_viewer_logit": 0.3,
    },
)


@lru_cache(maxsize=4)
def comment_lexicon(languages: tuple[str, ...] = COMMENT_LANGUAGES) -> Lexicon:
    """The comment lexicons of ``languages`` (``lexicons/<lang>/comments_*.json``) as one
    lexicon: each category's patterns of every language, scanned once a comment. Only the
    ``comments_`` files are read, so conversation lexicons never change comment scoring."""
    root = Path(str(resources.files("safeguard.chat") / "lexicons"))
    merged: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for lang in languages:
        files = sorted((root / lang).glob("comments_*.json"))
        if not files:
            raise LexiconError(f"no comment lexicon for language {lang!r}")
        for path in files:
            name, description, patterns = _read_comment_category(path)
            merged.setdefault(name, []).extend(patterns)
            descriptions.setdefault(name, description)
    return Lexicon(
        "+".join(languages),
        [Category(n, descriptions[n], tuple(p)) for n, p in sorted(merged.items())],
    )


def _read_comment_category(path: Path) -> tuple[str, str, list[str]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    name = doc.get("category") if isinstance(doc, dict) else None
    patterns = doc.get("patterns") if isinstance(doc, dict) else None
    if not isinstance(name, str) or not name.isidentifier():
        raise LexiconError(f"{path}: 'category' must be an identifier")
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise LexiconError(f"{path}: 'patterns' must be a list of strings")
    if "comments" not in doc.get("applies_to", []):
        raise LexiconError(f"{path}: a comments_ file must apply to 'comments'")
    return name, str(doc.get("description", "")), patterns


@dataclass(frozen=True, slots=True)
class CommentHit:
    """One signal in one comment: its category, its span in the original text and, for an
    instruction, what is asked (``stand:chair``), so viewers asking the same can be counted."""

    category: str
    start: int
    end: int
    key: str | None = None
    body: bool = False


def read_comment(
    text: str, lexicon: Lexicon, model: CommentModel | None = None
) -> list[CommentHit]:
    """The signals of one comment, left to right. A body instruction and money in the same
    comment ("500 coins if you stand on the chair") is also a ``tip_for_action``; money next
    to an instruction to show something or play ("$5 to show the new keyboard", "tip for
    the next song") is not: streams of every kind are tipped for requests. With ``model``, a
    comment its text model rates at or above ``text_line`` also carries
    ``concerning_wording`` over the whole comment, unless every lexicon signal of it is an
    everyday one (:data:`EVERYDAY`)."""
    norm = fold_comment(text)
    hits: list[CommentHit] = []
    for hit in lexicon.find(norm.text):
        start, end = norm.span(hit.start, hit.end)
        key = None
        if hit.category == "request_action":
            key = "body:" + " ".join(norm.text[hit.start : hit.end].split())
        hits.append(CommentHit(hit.category, start, end, key, hit.category == "request_action"))
    lexical_requests = [h for h in hits if h.category == "request_action"]
    for ins in find_all_instructions(norm.text):
        start, end = norm.span(ins.start, ins.end)
        if any(start < h.end and h.start < end for h in lexical_requests):
            continue
        hits.append(CommentHit("request_action", start, end, ins.key, ins.kind == "body"))
    categories = {h.category for h in hits}
    body_request = any(h.body for h in hits if h.category == "request_action")
    if body_request and "payment" in categories and "tip_for_action" not in categories:
        money = next(h for h in hits if h.category == "payment")
        hits.append(CommentHit("tip_for_action", money.start, money.end))
    if model is not None and model.text_weights and norm.text.strip():
        everyday_only = bool(categories) and categories <= EVERYDAY and not body_request
        if not everyday_only and model.text_probability(norm.text) >= model.text_line:
            hits.append(CommentHit(WORDING, 0, len(text)))
    return sorted(hits, key=lambda h: (h.start, h.end))


def _log(n: int | float) -> float:
    return math.log1p(n)


def viewer_features(counts: dict[str, int], stream_has_request: bool) -> dict[str, float]:
    """A viewer's window: log1p of their comments per category, how many categories they
    touched beyond the first, and whether their body instructions come with money, their
    instructions with probing of the broadcaster, or pressure while body instructions are
    being made (money and pressure next to "show us" or "play" requests are everyday).
    Every feature grows (or stays) when the viewer adds a comment."""
    out = {c: _log(counts.get(c, 0)) for c in SIGNAL_CATEGORIES if counts.get(c)}
    out["body_requests"] = _log(counts.get(_BODY, 0))
    present = [c for c in SIGNAL_CATEGORIES if counts.get(c)]
    out["distinct_categories"] = float(max(0, len(present) - 1))
    asks = counts.get("request_action", 0) > 0
    body = counts.get(_BODY, 0) > 0
    out["paid_request"] = float(body and any(counts.get(c) for c in MONEY))
    out["probe_and_request"] = float(asks and any(counts.get(c) for c in PROBE))
    out["pressure_on_request"] = float(
        bool(counts.get("pressure")) and (body or stream_has_request)
    )
    return out


def viewer_logit(
    model: CommentModel, counts: dict[str, int], stream_has_request: bool = False
) -> float:
    w = model.viewer_weights
    feats = viewer_features(counts, stream_has_request)
    return model.viewer_bias + sum(w.get(k, 0.0) * x for k, x in feats.items())


def stream_features(
    viewer_counts: dict[str, dict[str, int]],
    logits: dict[str, float],
    same_request_viewers: int,
) -> dict[str, float]:
    """The window: log1p of the viewers per category; of the viewers giving body
    instructions; of all instructions; of the most viewers giving the same body instruction
    (beyond the first); of viewers giving two or more; of viewers giving body instructions
    with money; the smaller of (viewers giving body instructions, viewers paying), of (viewers
    asking, viewers probing / pressing), so that requests *with* money, probing or pressure
    count, not either alone;
    the viewers probing; the riskiest viewer's log-odds (clipped to ±10)."""
    per_category = dict.fromkeys(SIGNAL_CATEGORIES, 0)
    body = repeating = paid = probing = money = pressing = requests = 0
    for counts in viewer_counts.values():
        for c in SIGNAL_CATEGORIES:
            per_category[c] += counts.get(c, 0) > 0
        asks = counts.get("request_action", 0)
        requests += asks
        body += counts.get(_BODY, 0) > 0
        repeating += asks >= 2
        pays = any(counts.get(c) for c in MONEY)
        probes = any(counts.get(c) for c in PROBE)
        paid += bool(counts.get(_BODY)) and pays
        money += pays
        probing += probes
        pressing += bool(counts.get("pressure"))
    askers = per_category["request_action"]
    out = {f"viewers_{c}": _log(n) for c, n in per_category.items() if n}
    out.update(
        {
            "viewers_body_requests": _log(body),
            "request_comments": _log(requests),
            "same_request_viewers": _log(max(0, same_request_viewers - 1)),
            "repeating_viewers": _log(repeating),
            "paid_request_viewers": _log(paid),
            "requests_with_money": _log(min(body, money)),
            "requests_with_probing": _log(min(askers, probing)),
            "requests_with_pressure": _log(min(askers, pressing)),
            "probing_viewers": _log(probing),
            "wording_comments": _log(sum(c.get(WORDING, 0) for c in viewer_counts.values())),
            "max_viewer_logit": max(-10.0, min(10.0, max(logits.values(), default=-10.0))),
        }
    )
    return out


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(slots=True)
class _Seen:
    ts: float
    viewer: str
    categories: tuple[str, ...]
    #: Whether this comment counts towards corroboration (fixed when it arrives).
    corroborates: bool = False


class CommentScorer:
    """Stream-level risk over a sliding window of comments; bounded state, pure updates.

    Timestamps are seconds of stream time. A comment without one, or older than the newest
    seen, is placed at the newest time seen (streams deliver comments roughly in order)."""

    def __init__(
        self,
        *,
        window_seconds: float = 120.0,
        model: CommentModel | None = None,
        lexicon: Lexicon | None = None,
        max_window_comments: int = 2000,
        max_request_keys: int = 256,
        max_signals: int = 100,
    ) -> None:
        if window_seconds <= 0:
            raise ValueError("window_seconds must be positive")
        self.window_seconds = window_seconds
        self.model = model or default_comment_model()
        self.lexicon = lexicon or comment_lexicon()
        self._max_comments = max_window_comments
        self._max_keys = max_request_keys
        self._window: deque[_Seen] = deque()
        self._signals: deque[CommentSignal] = deque(maxlen=max_signals)
        self._viewer_counts: dict[str, dict[str, int]] = {}
        self._requests: dict[str, deque[tuple[float, str]]] = {}
        self._signal_comments = 0
        self._wording_comments = 0
        #: Per viewer since the stream began: (kinds of move as a bit mask, comments with one);
        #: at most MAX_TRACKED_VIEWERS viewers (the oldest forgotten first).
        self._kinds: dict[str, tuple[int, int]] = {}
        self._escalating = 0
        self._now = 0.0
        self._count = 0
        self._cached: tuple[float, dict[str, float]] | None = None
        """(risk, viewers) of the window as it was last scored; None once it changed."""

    def add(self, comment: Comment) -> CommentRisk:
        ts = self._now if comment.ts is None or comment.ts < self._now else float(comment.ts)
        self._now = ts
        index = self._count
        self._count += 1
        self._evict(ts - self.window_seconds)
        categories: list[str] = []
        for hit in read_comment(comment.text, self.lexicon, self.model):
            self._signals.append(
                CommentSignal(hit.category, comment.viewer, index, hit.start, hit.end, ts)
            )
            categories.append(hit.category)
            if hit.body:
                categories.append(_BODY)
            if hit.key is not None and self._repeat(hit.key, comment.viewer, ts):
                self._signals.append(
                    CommentSignal("repeated_request", comment.viewer, index, hit.start, hit.end, ts)
                )
        corroborates = self._corroborates(categories)
        self._note_kinds(comment.viewer, categories, corroborates)
        if categories:
            categories.append(_SIGNAL_COMMENT)
        seen = _Seen(ts, comment.viewer, tuple(categories), corroborates)
        self._window.append(seen)
        self._count_in(seen, +1)
        if len(self._window) > self._max_comments:
            self._count_in(self._window.popleft(), -1)
        return self._risk(index)

    def _corroborates(self, categories: list[str]) -> bool:
        """A concerning signal, or pressure while a body instruction is in the window ("come
        on do it" after "stand on the chair")."""
        if CORROBORATING.intersection(categories):
            return True
        return "pressure" in categories and any(c.get(_BODY) for c in self._viewer_counts.values())

    def _note_kinds(self, viewer: str, categories: list[str], concerning: bool) -> None:
        mask = _CONCERNING_BIT if concerning else 0
        for c in categories:
            kind = KINDS.get(c)
            if kind is not None:
                mask |= 1 << kind
        if not mask:
            return
        kinds = self._kinds
        old, n = kinds.get(viewer, (0, 0))
        if viewer not in kinds and len(kinds) >= MAX_TRACKED_VIEWERS:
            del kinds[next(iter(kinds))]
        new = old | mask
        kinds[viewer] = (new, min(n + 1, 2))
        if n + 1 >= 2 and new & _CONCERNING_BIT:
            count = (new & ~_CONCERNING_BIT).bit_count()
            if count > self._escalating:
                self._escalating = count
                self._cached = None

    def escalation(self) -> int:
        """The most kinds of move (:data:`KINDS`) one viewer has made, over two comments or
        more, since the stream began (it never falls)."""
        return self._escalating

    def viewer_counts(self) -> dict[str, dict[str, int]]:
        """Per viewer in the window, how many of their comments hit each category."""
        return {v: dict(c) for v, c in self._viewer_counts.items()}

    def same_request_viewers(self) -> int:
        """The most distinct viewers giving one body instruction in the window."""
        return max(
            (len({v for _, v in s}) for k, s in self._requests.items() if k.startswith("body:")),
            default=0,
        )

    def corroborated(self) -> bool:
        """Whether the stream's signals corroborate each other enough for it to flag: a viewer
        *escalating* (one with a concerning comment who, over two comments or more since the
        stream began, made three kinds of move of :data:`KINDS`: say probing, then an
        instruction, then money or pressure); or, while two comments with a concerning signal
        are in the window (or one viewer's two, who both asked something concerning and gave
        an instruction or pressed), one body instruction given by
        :data:`SAME_REQUEST_VIEWERS` viewers or money offered for a body instruction."""
        if self._escalating >= ESCALATION_KINDS:
            return True
        if self._wording_comments >= MIN_CORROBORATING_COMMENTS:
            return True
        if self.same_request_viewers() < SAME_REQUEST_VIEWERS and not any(
            c.get("tip_for_action") for c in self._viewer_counts.values()
        ):
            return False
        if self._signal_comments >= MIN_CORROBORATING_COMMENTS:
            return True
        return any(
            c.get(_SIGNAL_COMMENT, 0) >= MIN_CORROBORATING_COMMENTS
            and any(c.get(k) for k in CORROBORATING)
            and (c.get("request_action") or c.get("pressure"))
            for c in self._viewer_counts.values()
        )

    def features(self) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
        """The window's viewer features and stream features (what the model weighs)."""
        counts = self._viewer_counts
        any_request = any(c.get("request_action") for c in counts.values())
        per_viewer = {v: viewer_features(c, any_request) for v, c in counts.items()}
        logits = {v: viewer_logit(self.model, c, any_request) for v, c in counts.items()}
        return per_viewer, stream_features(counts, logits, self.same_request_viewers())

    def _repeat(self, key: str, viewer: str, ts: float) -> bool:
        """Record an instruction; true when it just reached REPEAT_VIEWERS distinct viewers."""
        senders = self._requests.get(key)
        if senders is None:
            if len(self._requests) >= self._max_keys:
                del self._requests[next(iter(self._requests))]
            senders = self._requests[key] = deque(maxlen=64)
        before = {v for _, v in senders}
        senders.append((ts, viewer))
        self._cached = None
        return viewer not in before and len(before) + 1 == REPEAT_VIEWERS

    def _evict(self, horizon: float) -> None:
        while self._window and self._window[0].ts < horizon:
            self._count_in(self._window.popleft(), -1)
        while self._signals and self._signals[0].ts < horizon:
            self._signals.popleft()
        for key in list(self._requests):
            senders = self._requests[key]
            while senders and senders[0][0] < horizon:
                senders.popleft()
                self._cached = None
            if not senders:
                del self._requests[key]

    def _count_in(self, seen: _Seen, delta: int) -> None:
        if not seen.categories:
            return
        self._cached = None
        if seen.corroborates:
            self._signal_comments += delta
        if WORDING in seen.categories:
            self._wording_comments += delta
        counts = self._viewer_counts.setdefault(seen.viewer, {})
        for c in seen.categories:
            n = counts.get(c, 0) + delta
            if n > 0:
                counts[c] = n
            else:
                counts.pop(c, None)
        if not counts:
            del self._viewer_counts[seen.viewer]

    def _score(self) -> tuple[float, dict[str, float]]:
        m = self.model
        counts = self._viewer_counts
        any_request = any(c.get("request_action") for c in counts.values())
        logits = {v: viewer_logit(m, c, any_request) for v, c in counts.items()}
        viewers = {v: _sigmoid(z) for v, z in logits.items()}
        features = stream_features(counts, logits, self.same_request_viewers())
        z = m.stream_bias + sum(m.stream_weights.get(k, 0.0) * x for k, x in features.items())
        risk = _sigmoid(z) if counts else 0.0
        if not self.corroborated():
            risk = min(risk, _SINGLE_COMMENT_CAP)
        return risk, viewers

    def _risk(self, index: int) -> CommentRisk:
        if self._cached is None:
            self._cached = self._score()
        risk, viewers = self._cached
        start = self._window[0].ts if self._window else self._now
        return CommentRisk(
            risk=risk,
            level=level_of(risk),
            viewers=dict(viewers),
            signals=list(self._signals),
            window_start=start,
            window_end=self._now,
            comments_in_window=len(self._window),
            comment=index,
            flagged=risk >= FLAG_RISK,
        )


# -- a recorded stream, scored as the monitor scores it ---------------------------------------

MAX_REPORTED_SIGNALS: Final = 1000


@dataclass(slots=True)
class ViewerReport:
    risk: float = 0.0
    signals: list[CommentSignal] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "risk": round(self.risk, 4),
            "signals": [s.to_json() for s in self.signals],
        }


@dataclass(slots=True)
class StreamReport:
    """A recorded comment stream replayed through :class:`CommentScorer`: the peak window
    risk, whether (and at which comment) it flagged, each viewer's peak risk and signals."""

    id: str
    risk: float
    flagged: bool
    flagged_at: dict[str, Any] | None
    viewers: dict[str, ViewerReport]
    signals: list[CommentSignal]
    comments: int

    @property
    def level(self) -> str:
        return level_of(self.risk)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "risk": round(self.risk, 4),
            "level": self.level,
            "flagged": self.flagged,
            "flagged_at": self.flagged_at,
            "comments": self.comments,
            "viewers": {v: r.to_json() for v, r in sorted(self.viewers.items())},
            "signals": [s.to_json() for s in self.signals],
        }


def score_comment_stream(
    stream_id: str, comments: Iterable[Comment], scorer: CommentScorer | None = None
) -> StreamReport:
    """Replay ``comments`` in their order, as the stream monitor does, and report."""
    scorer = scorer or CommentScorer()
    peak = 0.0
    flagged_at: dict[str, Any] | None = None
    viewers: dict[str, ViewerReport] = {}
    signals: list[CommentSignal] = []
    seen = 0
    for comment in comments:
        risk = scorer.add(comment)
        seen += 1
        fresh = [s for s in risk.signals if s.comment == risk.comment]
        for s in fresh:
            if len(signals) < MAX_REPORTED_SIGNALS:
                signals.append(s)
            report = viewers.setdefault(s.viewer, ViewerReport())
            if len(report.signals) < MAX_REPORTED_SIGNALS:
                report.signals.append(s)
        for v, r in risk.viewers.items():
            report = viewers.setdefault(v, ViewerReport())
            report.risk = max(report.risk, r)
        peak = max(peak, risk.risk)
        if risk.flagged and flagged_at is None:
            flagged_at = {"comment": risk.comment, "ts": risk.window_end}
    return StreamReport(stream_id, peak, flagged_at is not None, flagged_at, viewers, signals, seen)

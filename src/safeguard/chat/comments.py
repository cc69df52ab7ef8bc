"""Livestream comments: a stream-level scorer over viewers' comments in a sliding time window.

It looks for abuse-to-order signals: instructions or requests to the broadcaster, probing the
broadcaster's age, tips or gifts offered in exchange for actions, payment talk, pushes to a
private call or another app, and the same request repeated by many viewers. Each comment
updates bounded state (at most ``max_window_comments`` comments and ``max_request_keys``
repeated-request counters in the window) and returns the current :class:`CommentRisk`:
the window's stream-level risk, per-viewer risk and the signals behind them.

Risks come from a small logistic model over window counts (``models/comments-v1.json``,
trained by ``safeguard chat train`` on the shipped synthetic comment streams). Comment
text is never kept: only categories, spans and counts."""

from __future__ import annotations

import json
import math
import re
from collections import deque
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from safeguard.chat.lexicon import Lexicon, default_lexicon
from safeguard.chat.taxonomy import COMMENT_CATEGORIES, level_of
from safeguard.chat.text import normalise
from safeguard.errors import InvalidInput

COMMENT_MODEL_FORMAT = "safeguard.chat.comments/1"
REPEAT_VIEWERS = 3
"""A request sent by this many distinct viewers within the window is a repeated request."""

_REQUEST_CATEGORIES = frozenset(
    {"request_action", "photo_camera", "platform_move", "age_probing", "tip_for_action"}
)
_SQUEEZE = re.compile(r"[^a-z0-9]+")


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

    def to_json(self) -> dict[str, Any]:
        return {
            "risk": round(self.risk, 4),
            "level": self.level,
            "viewers": {v: round(r, 4) for v, r in self.viewers.items()},
            "signals": [s.to_json() for s in self.signals],
            "window_start": self.window_start,
            "window_end": self.window_end,
            "comments_in_window": self.comments_in_window,
            "comment": self.comment,
        }


@dataclass(frozen=True, slots=True)
class CommentModel:
    """Log-odds weights over :data:`VIEWER_FEATURES` (a viewer's window) and
    :data:`STREAM_FEATURES` (the stream's window)."""

    viewer_bias: float
    viewer_weights: dict[str, float]
    stream_bias: float
    stream_weights: dict[str, float]
    metrics: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": COMMENT_MODEL_FORMAT,
            "viewer_bias": self.viewer_bias,
            "viewer_weights": self.viewer_weights,
            "stream_bias": self.stream_bias,
            "stream_weights": self.stream_weights,
            "metrics": self.metrics,
        }

    @classmethod
    def from_json(cls, doc: Any) -> CommentModel:
        if not isinstance(doc, dict) or doc.get("format") != COMMENT_MODEL_FORMAT:
            found = doc.get("format") if isinstance(doc, dict) else type(doc).__name__
            raise CommentModelError(
                f"comment model format {found!r} is not {COMMENT_MODEL_FORMAT!r}; "
                "retrain with `safeguard chat train`"
            )
        try:
            return cls(
                float(doc["viewer_bias"]),
                {str(k): float(v) for k, v in doc["viewer_weights"].items()},
                float(doc["stream_bias"]),
                {str(k): float(v) for k, v in doc["stream_weights"].items()},
                dict(doc.get("metrics", {})),
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


def default_comment_model() -> CommentModel:
    path = Path(str(resources.files("safeguard.chat") / "models" / "comments-v1.json"))
    if path.is_file():
        return CommentModel.load(path)
    return FALLBACK_COMMENT_MODEL


# Used only when the trained file is absent (a source checkout before `chat train`).
FALLBACK_COMMENT_MODEL = CommentModel(
    viewer_bias=-3.0,
    viewer_weights={c: 1.5 for c in COMMENT_CATEGORIES},
    stream_bias=-3.5,
    stream_weights={**{c: 1.2 for c in COMMENT_CATEGORIES}, "max_viewer_logit": 0.3},
)


VIEWER_FEATURES = (*COMMENT_CATEGORIES, "distinct_categories")
STREAM_FEATURES = (*COMMENT_CATEGORIES, "max_viewer_logit", "multi_category_viewers")


def viewer_features(counts: dict[str, int]) -> dict[str, float]:
    """A viewer's window: log1p of their comments per category, and how many distinct
    categories they touched beyond the first (one viewer probing age, offering tips and
    pushing to another app is more telling than a crowd repeating one request)."""
    out = {c: math.log1p(n) for c, n in counts.items()}
    out["distinct_categories"] = float(max(0, len(counts) - 1))
    return out


def viewer_logit(model: CommentModel, counts: dict[str, int]) -> float:
    w = model.viewer_weights
    return model.viewer_bias + sum(w.get(k, 0.0) * x for k, x in viewer_features(counts).items())


def stream_features(
    viewer_counts: dict[str, dict[str, int]], logits: dict[str, float]
) -> dict[str, float]:
    """The window: log1p of the number of viewers per category, the riskiest viewer's
    log-odds (clipped to ±10), and log1p of the viewers with two or more categories."""
    per_category: dict[str, int] = {}
    multi = 0
    for counts in viewer_counts.values():
        for c in counts:
            per_category[c] = per_category.get(c, 0) + 1
        multi += len(counts) >= 2
    out = {c: math.log1p(n) for c, n in per_category.items()}
    out["max_viewer_logit"] = max(-10.0, min(10.0, max(logits.values(), default=-10.0)))
    out["multi_category_viewers"] = math.log1p(multi)
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


class CommentScorer:
    """Stream-level risk over a sliding window of comments; bounded state, pure updates.

    Timestamps are seconds of stream time. A comment without one, or older than the newest
    seen, is placed at the newest time seen (streams deliver comments roughly in order)."""

    def __init__(
        self,
        *,
        window_seconds: float = 60.0,
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
        self.lexicon = lexicon or default_lexicon("en", "comments")
        self._max_comments = max_window_comments
        self._max_keys = max_request_keys
        self._window: deque[_Seen] = deque()
        self._signals: deque[CommentSignal] = deque(maxlen=max_signals)
        self._viewer_counts: dict[str, dict[str, int]] = {}
        self._requests: dict[str, deque[tuple[float, str]]] = {}
        self._now = 0.0
        self._count = 0

    def add(self, comment: Comment) -> CommentRisk:
        ts = self._now if comment.ts is None or comment.ts < self._now else float(comment.ts)
        self._now = ts
        index = self._count
        self._count += 1
        self._evict(ts - self.window_seconds)
        norm = normalise(comment.text, max_chars=1000)
        hits = self.lexicon.find(norm.text)
        categories: list[str] = []
        for hit in hits:
            start, end = norm.span(hit.start, hit.end)
            self._signals.append(CommentSignal(hit.category, comment.viewer, index, start, end, ts))
            categories.append(hit.category)
            if hit.category in _REQUEST_CATEGORIES:
                key = hit.category + ":" + _SQUEEZE.sub(" ", norm.text[hit.start : hit.end]).strip()
                if self._repeat(key, comment.viewer, ts):
                    self._signals.append(
                        CommentSignal("repeated_request", comment.viewer, index, start, end, ts)
                    )
                    categories.append("repeated_request")
        seen = _Seen(ts, comment.viewer, tuple(categories))
        self._window.append(seen)
        self._count_in(seen, +1)
        if len(self._window) > self._max_comments:
            self._count_in(self._window.popleft(), -1)
        return self._risk(index)

    def viewer_counts(self) -> dict[str, dict[str, int]]:
        """Per viewer in the window, how many of their comments hit each category."""
        return {v: dict(c) for v, c in self._viewer_counts.items()}

    def _repeat(self, key: str, viewer: str, ts: float) -> bool:
        """Record a request; true when it just reached REPEAT_VIEWERS distinct viewers."""
        senders = self._requests.get(key)
        if senders is None:
            if len(self._requests) >= self._max_keys:
                del self._requests[next(iter(self._requests))]
            senders = self._requests[key] = deque(maxlen=64)
        before = {v for _, v in senders}
        senders.append((ts, viewer))
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
            if not senders:
                del self._requests[key]

    def _count_in(self, seen: _Seen, delta: int) -> None:
        if not seen.categories:
            return
        counts = self._viewer_counts.setdefault(seen.viewer, {})
        for c in seen.categories:
            n = counts.get(c, 0) + delta
            if n > 0:
                counts[c] = n
            else:
                counts.pop(c, None)
        if not counts:
            del self._viewer_counts[seen.viewer]

    def _risk(self, index: int) -> CommentRisk:
        m = self.model
        logits = {v: viewer_logit(m, counts) for v, counts in self._viewer_counts.items()}
        viewers = {v: _sigmoid(z) for v, z in logits.items()}
        features = stream_features(self._viewer_counts, logits)
        z = m.stream_bias + sum(m.stream_weights.get(k, 0.0) * x for k, x in features.items())
        risk = _sigmoid(z) if self._viewer_counts else 0.0
        start = self._window[0].ts if self._window else self._now
        return CommentRisk(
            risk=risk,
            level=level_of(risk),
            viewers=viewers,
            signals=list(self._signals),
            window_start=start,
            window_end=self._now,
            comments_in_window=len(self._window),
            comment=index,
        )

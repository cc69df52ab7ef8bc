"""The two baselines every accuracy figure of the grooming model stands beside.

- **Keywords**: the shipped lexicons (English and the conversation's labelled or identified
  language) over plainly cleaned text (no leetspeak or spacing undone, no model): an
  author's risk is the number of distinct categories they hit; the alert fires at the
  message that brings one author to :data:`KEYWORD_ALERT_CATEGORIES`.
- **TF-IDF + logistic regression** on the whole text seen so far (word 1-2-grams, sublinear
  tf), trained on the same conversations as the shipped model; its alert threshold is chosen
  like the model's (the lowest with at most 5 % false alerts on a held-out quarter of the
  training conversations), then it is refitted on all of them.

Both produce :class:`~safeguard.chat.training.evaluate.Labelled` results, scored prefix by
prefix like the model, so alert recall and latency compare like for like."""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from safeguard.chat.language import SUPPORTED, conversation_language
from safeguard.chat.lexicon import Lexicon, LexiconError, default_lexicon
from safeguard.chat.text import normalise as clean
from safeguard.chat.training.corpus import LabelledConversation
from safeguard.chat.training.evaluate import Labelled

KEYWORD_ALERT_CATEGORIES = 2
MAX_FALSE_ALERTS = 0.08
TFIDF_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 20))


def _language(item: LabelledConversation) -> str:
    declared = item.conversation.extra.get("language")
    if isinstance(declared, str):
        return declared
    guess = conversation_language([clean(m.text).text for m in item.conversation.messages])
    return guess.language if guess is not None else "en"


def _lexicons(language: str) -> list[Lexicon]:
    out = [default_lexicon("en", "conversation")]
    if language != "en" and language in SUPPORTED:
        with contextlib.suppress(LexiconError):
            out.append(default_lexicon(language, "conversation"))
    return out


def keyword_baseline(items: Sequence[LabelledConversation]) -> list[Labelled]:
    out = []
    for item in items:
        lexicons = _lexicons(_language(item))
        seen: dict[str, set[str]] = {}
        hits = 0
        alert_at = None
        for mi, message in enumerate(item.conversation.messages):
            text = clean(message.text).text
            cats = {h.category for lex in lexicons for h in lex.find(text)}
            hits += len(cats)
            seen.setdefault(message.author, set()).update(cats)
            best = max(len(c) for c in seen.values())
            if alert_at is None and best >= KEYWORD_ALERT_CATEGORIES:
                alert_at = mi
        best = max((len(c) for c in seen.values()), default=0)
        out.append(Labelled.of(item, best + 0.01 * min(hits, 99), alert_at))
    return out


def _text(item: LabelledConversation, upto: int | None = None) -> str:
    messages = item.conversation.messages[: upto if upto is not None else None]
    return "\n".join(clean(m.text).text for m in messages)


@dataclass(slots=True)
class TfidfBaseline:
    vectorizer: TfidfVectorizer
    classifier: LogisticRegression
    threshold: float

    @classmethod
    def fit(cls, items: Sequence[LabelledConversation]) -> TfidfBaseline:
        held = [i for i in items if zlib.crc32(i.conversation.id.encode()) % 4 == 0]
        rest = [i for i in items if zlib.crc32(i.conversation.id.encode()) % 4 != 0]
        probe = cls._fit(rest, 0.5)
        threshold = TFIDF_THRESHOLDS[-1]
        negatives = [i for i in held if not i.label]
        curves = {i.conversation.id: probe.prefix_risks(i) for i in negatives}
        for t in TFIDF_THRESHOLDS:
            alerted = sum(1 for i in negatives if max(curves[i.conversation.id]) >= t)
            if not negatives or alerted / len(negatives) <= MAX_FALSE_ALERTS:
                threshold = t
                break
        return cls._fit(list(items), threshold)

    @classmethod
    def _fit(cls, items: Sequence[LabelledConversation], threshold: float) -> TfidfBaseline:
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x = vectorizer.fit_transform([_text(i) for i in items])
        classifier = LogisticRegression(C=4.0, max_iter=3000)
        classifier.fit(x, np.asarray([i.label for i in items]))
        return cls(vectorizer, classifier, threshold)

    def prefix_risks(self, item: LabelledConversation) -> list[float]:
        n = len(item.conversation.messages)
        if not n:
            return [0.0]
        x = self.vectorizer.transform([_text(item, k) for k in range(1, n + 1)])
        return [float(p) for p in self.classifier.predict_proba(x)[:, 1]]

    def score(self, items: Sequence[LabelledConversation]) -> list[Labelled]:
        out = []
        for item in items:
            risks = self.prefix_risks(item)
            alert_at = next((i for i, r in enumerate(risks) if r >= self.threshold), None)
            out.append(Labelled.of(item, risks[-1], alert_at))
        return out

"""Training: the grooming model and the comment model, deterministic, from labelled data
(the shipped synthetic corpus or PAN12).

Grooming: a message model (logistic regression over hashed features) gives out-of-fold
probabilities (the synthetic corpus's two template folds, or 3 folds by conversation id for
other data) so the conversation model is fitted on honest inputs; the conversation model
(logistic regression over the bounded state's features after each message, labelled
positive from the first grooming line of a grooming conversation on) is fitted on 75 % of
the train conversations, Platt-calibrated and its early-warning policy chosen on the other
25 %; the final message model is refitted on all of the train split. Nothing from the test
split is used."""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from safeguard.chat.comments import Comment, CommentModel, CommentScorer, _sigmoid
from safeguard.chat.corpus import LabelledConversation
from safeguard.chat.encoder import CachedEncoder, SentenceEncoder
from safeguard.chat.evaluate import Labelled, latency_weighted_f1, prf
from safeguard.chat.features import CONVERSATION_FEATURES, Hashing, message_hashes
from safeguard.chat.lexicon import Lexicon, default_lexicon
from safeguard.chat.model import AlertPolicy, GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, step
from safeguard.chat.taxonomy import COMMENT_CATEGORIES
from safeguard.chat.text import normalise

FOLDS = 3
MESSAGE_C = 1.0
CONVERSATION_C = 1.0
POLICIES = ((1, 1), (2, 2), (2, 3), (3, 4), (3, 5))
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
LINE_THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def _bucket(key: str, n: int) -> int:
    return zlib.crc32(key.encode()) % n


def _fold(item: LabelledConversation, n: int) -> int:
    return item.fold % n if item.fold is not None else _bucket(item.conversation.id, n)


# -- the grooming model ------------------------------------------------------------------


def _message_matrix(
    items: list[LabelledConversation],
    lexicon: Lexicon,
    hashing: Hashing,
    encoder: CachedEncoder | None = None,
) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Hashed features of every message (then the encoder's embedding columns, if any)."""
    texts: list[str] = []
    rows: list[int] = []
    cols: list[int] = []
    labels: list[int] = []
    owner: list[int] = []
    r = 0
    for ci, item in enumerate(items):
        for mi, message in enumerate(item.conversation.messages):
            norm = normalise(message.text)
            cats = [h.category for h in lexicon.find(norm.text)]
            hashes = message_hashes(norm.text, cats, hashing)
            texts.append(norm.text)
            rows.extend([r] * len(hashes))
            cols.extend(hashes)
            labels.append(int(mi in item.predator_lines))
            owner.append(ci)
            r += 1
    data = np.ones(len(cols), dtype=np.float64)
    x = sparse.csr_matrix((data, (rows, cols)), shape=(r, 1 << hashing.bits))
    x.sum_duplicates()
    if encoder is not None:
        x = sparse.hstack([x, sparse.csr_matrix(encoder.encode(texts))], format="csr")
    return x, np.asarray(labels), np.asarray(owner)


@dataclass(frozen=True, slots=True)
class _MessageModel:
    bias: float
    weights: dict[int, float]
    encoder_weights: tuple[float, ...]


def _fit_message_model(x: sparse.csr_matrix, y: np.ndarray, n_hashed: int) -> _MessageModel:
    if y.min() == y.max():
        return _MessageModel(-4.0 if y.max() == 0 else 4.0, {}, (0.0,) * (x.shape[1] - n_hashed))
    clf = LogisticRegression(C=MESSAGE_C, max_iter=2000)
    clf.fit(x, y)
    used = np.unique(x.indices)
    coef = clf.coef_[0]
    weights = {
        int(i): round(float(coef[i]), 6) for i in used if i < n_hashed and abs(coef[i]) >= 1e-6
    }
    tail = tuple(round(float(w), 6) for w in coef[n_hashed:])
    return _MessageModel(round(float(clf.intercept_[0]), 6), weights, tail)


def _placeholder(hashing: Hashing, m: _MessageModel, encoder: str | None) -> GroomingModel:
    return GroomingModel(
        hashing=hashing,
        message_bias=m.bias,
        message_weights=m.weights,
        conversation_bias=0.0,
        conversation_weights=(0.0,) * len(CONVERSATION_FEATURES),
        encoder=encoder,
        encoder_weights=m.encoder_weights,
    )


@dataclass(slots=True)
class _Prefixes:
    """One conversation replayed: the state's features after each message, the prefix
    labels, and each message's (out-of-fold) probability and whether the lead wrote it."""

    item: LabelledConversation
    xs: list[list[float]]
    ys: list[int]
    probs: list[float]
    by_lead: list[bool]


def _prefix_rows(item: LabelledConversation, scoring: Scoring) -> _Prefixes:
    state = ConversationState.start(item.conversation.participants)
    first = min(item.predator_lines) if item.predator_lines else None
    xs, ys, ps, authors = [], [], [], []
    for mi, message in enumerate(item.conversation.messages):
        ps.append(step(state, message, scoring))
        authors.append(state.key_of(message.author))
        xs.append(state.features())
        ys.append(int(bool(item.label) and (first is None or mi >= first)))
    lead = state.lead()
    return _Prefixes(item, xs, ys, ps, [a == lead for a in authors])


def train_grooming(
    items: list[LabelledConversation],
    *,
    hashing: Hashing | None = None,
    lexicon: Lexicon | None = None,
    source: str = "",
    encoder: SentenceEncoder | None = None,
) -> GroomingModel:
    """Train on labelled conversations. ``encoder``: also feed the optional sentence
    encoder's embedding of each message to the message model."""
    hashing = hashing or Hashing()
    cached = CachedEncoder(encoder) if encoder is not None else None
    encoder_name = encoder.name if encoder is not None else None
    lexicon = lexicon or default_lexicon("en", "conversation")
    items = [i for i in items if i.conversation.messages]
    if not any(i.label for i in items) or all(i.label for i in items):
        raise ValueError("training needs both grooming and other conversations")
    x, y, owner = _message_matrix(items, lexicon, hashing, cached)
    n_hashed = 1 << hashing.bits
    folds = FOLDS if any(i.fold is None for i in items) else 2
    fold = np.asarray([_fold(i, folds) for i in items])[owner]
    fold_models = []
    for f in range(folds):
        keep = fold != f
        fold_models.append(
            _placeholder(hashing, _fit_message_model(x[keep], y[keep], n_hashed), encoder_name)
        )

    fit_x: list[list[float]] = []
    fit_y: list[int] = []
    fit_w: list[float] = []
    held: list[_Prefixes] = []
    for item in items:
        scoring = Scoring(fold_models[_fold(item, folds)], lexicon, cached)
        rows = _prefix_rows(item, scoring)
        if _bucket(item.conversation.id + ":calibration", 4) == 0:
            held.append(rows)
        else:
            fit_x.extend(rows.xs)
            fit_y.extend(rows.ys)
            fit_w.extend([1.0 / len(rows.xs)] * len(rows.xs))
    scaler = StandardScaler().fit(np.asarray(fit_x))
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=CONVERSATION_C, max_iter=5000)
    clf.fit(
        (np.asarray(fit_x) - scaler.mean_) / scale,
        np.asarray(fit_y),
        sample_weight=np.asarray(fit_w),
    )
    weights = clf.coef_[0] / scale
    bias = float(clf.intercept_[0] - np.sum(clf.coef_[0] * scaler.mean_ / scale))

    held_logits = [[bias + float(np.dot(weights, row)) for row in h.xs] for h in held]
    cal_z = np.asarray([z for zs in held_logits for z in zs]).reshape(-1, 1)
    cal_y = np.asarray([v for h in held for v in h.ys])
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(cal_z, cal_y)
    a, b = round(float(platt.coef_[0][0]), 6), round(float(platt.intercept_[0]), 6)

    policy = _choose_policy(held, held_logits, a, b)
    final = _fit_message_model(x, y, n_hashed)
    return GroomingModel(
        hashing=hashing,
        message_bias=final.bias,
        message_weights=final.weights,
        encoder=encoder_name,
        encoder_weights=final.encoder_weights,
        conversation_bias=round(bias, 6),
        conversation_weights=tuple(round(float(w), 6) for w in weights),
        calibration=(a, b),
        policy=policy,
        trained_on={
            "source": source,
            "conversations": len(items),
            "grooming": sum(i.label for i in items),
            "messages": int(x.shape[0]),
            "calibration_conversations": len(held),
        },
    )


def _alerts(zs: list[float], a: float, b: float, threshold: float, s: int, k: int) -> int | None:
    window = 0
    for mi, z in enumerate(zs):
        risk = _sigmoid(a * z + b)
        window = ((window << 1) | int(risk >= threshold)) & ((1 << k) - 1)
        if bin(window).count("1") >= s:
            return mi
    return None


def _choose_policy(
    held: list[_Prefixes], logits: list[list[float]], a: float, b: float
) -> AlertPolicy:
    """The threshold and s-of-k rule with the best latency-weighted F1 on held-out train
    conversations (ties: the earlier candidate, i.e. the lower threshold and smaller k); then
    the message probability above which the suspect's messages are flagged as grooming
    lines, for the best F3 (PAN12's line metric) on the same conversations."""
    best: tuple[float, AlertPolicy] | None = None
    for threshold in THRESHOLDS:
        for s, k in POLICIES:
            results = [
                Labelled(
                    h.item.conversation.id,
                    h.item.label,
                    0.0,
                    _alerts(zs, a, b, threshold, s, k),
                    len(zs),
                )
                for h, zs in zip(held, logits, strict=True)
            ]
            score = latency_weighted_f1(results)["latency_f1"]
            if best is None or score > best[0]:
                best = (score, AlertPolicy(threshold, s, k))
    assert best is not None
    policy = best[1]
    alerted = {
        id(h)
        for h, zs in zip(held, logits, strict=True)
        if _alerts(zs, a, b, policy.threshold, policy.s, policy.k) is not None
    }
    best_line: tuple[float, float] | None = None
    for line_threshold in LINE_THRESHOLDS:
        tp = fp = fn = 0
        for h in held:
            flagged = (
                {
                    i
                    for i, (p, mine) in enumerate(zip(h.probs, h.by_lead, strict=True))
                    if mine and p >= line_threshold
                }
                if id(h) in alerted
                else set()
            )
            tp += len(flagged & h.item.predator_lines)
            fp += len(flagged - h.item.predator_lines)
            fn += len(h.item.predator_lines - flagged)
        f3 = prf(tp, fp, fn, beta=3.0)["f3"]
        if best_line is None or f3 > best_line[0]:
            best_line = (f3, line_threshold)
    assert best_line is not None
    return AlertPolicy(policy.threshold, policy.s, policy.k, best_line[1])


# -- the comment model -------------------------------------------------------------------


def _comment_rows(
    streams: list[dict[str, Any]], lexicon: Lexicon
) -> tuple[list[list[float]], list[int], list[list[float]], list[int]]:
    neutral = CommentModel(0.0, {}, 0.0, {})
    vx, vy, sx, sy = [], [], [], []
    for stream in streams:
        scorer = CommentScorer(model=neutral, lexicon=lexicon)
        bad = set(stream.get("bad_viewers", []))
        bad_in_window: list[float] = []
        for c in stream["comments"]:
            scorer.add(Comment(c["viewer"], c["text"], c.get("ts")))
            now = scorer._now
            if c.get("bad"):
                bad_in_window.append(now)
            bad_in_window = [t for t in bad_in_window if t >= now - scorer.window_seconds]
            counts = scorer.viewer_counts()
            mine = counts.get(c["viewer"], {})
            vx.append([math.log1p(mine.get(k, 0)) for k in COMMENT_CATEGORIES])
            vy.append(int(c["viewer"] in bad))
            per_cat = [sum(1 for v in counts.values() if v.get(k)) for k in COMMENT_CATEGORIES]
            sx.append([math.log1p(n) for n in per_cat])
            sy.append(int(bool(bad_in_window)))
    return vx, vy, sx, sy


def train_comments(streams: list[dict[str, Any]], lexicon: Lexicon | None = None) -> CommentModel:
    lexicon = lexicon or default_lexicon("en", "comments")
    vx, vy, sx, sy = _comment_rows(streams, lexicon)
    viewer = LogisticRegression(C=CONVERSATION_C, max_iter=2000).fit(np.asarray(vx), np.asarray(vy))
    stream = LogisticRegression(C=CONVERSATION_C, max_iter=2000).fit(np.asarray(sx), np.asarray(sy))
    return CommentModel(
        viewer_bias=round(float(viewer.intercept_[0]), 6),
        viewer_weights={
            k: round(float(w), 6) for k, w in zip(COMMENT_CATEGORIES, viewer.coef_[0], strict=True)
        },
        stream_bias=round(float(stream.intercept_[0]), 6),
        stream_weights={
            k: round(float(w), 6) for k, w in zip(COMMENT_CATEGORIES, stream.coef_[0], strict=True)
        },
    )

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

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from safeguard.chat.comments import (
    STREAM_FEATURES,
    VIEWER_FEATURES,
    Comment,
    CommentModel,
    CommentScorer,
    _sigmoid,
    stream_features,
    viewer_features,
    viewer_logit,
)
from safeguard.chat.encoder import CachedEncoder, SentenceEncoder
from safeguard.chat.features import CONVERSATION_FEATURES, Hashing, message_hashes
from safeguard.chat.lexicon import Lexicon, default_lexicon
from safeguard.chat.model import AlertPolicy, GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, step
from safeguard.chat.text import normalise
from safeguard.chat.training.corpus import LabelledConversation
from safeguard.chat.training.evaluate import Labelled, latency_weighted_f1, prf

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


def _replay(
    streams: list[dict[str, Any]], lexicon: Lexicon
) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, dict[str, int]], bool]]:
    """Each stream replayed comment by comment: (stream, comment, the window's per-viewer
    category counts after it, whether an abuse-to-order comment is in the window)."""
    neutral = CommentModel(0.0, {}, 0.0, {})
    for stream in streams:
        scorer = CommentScorer(model=neutral, lexicon=lexicon)
        bad_times: list[float] = []
        for c in stream["comments"]:
            risk = scorer.add(Comment(c["viewer"], c["text"], c.get("ts")))
            now = risk.window_end
            if c.get("bad"):
                bad_times.append(now)
            bad_times = [t for t in bad_times if t >= now - scorer.window_seconds]
            yield stream, c, scorer.viewer_counts(), bool(bad_times)


def _fit(
    rows: list[list[float]], labels: list[int], names: tuple[str, ...]
) -> tuple[float, dict[str, float]]:
    """Logistic regression with non-negative weights (a signal may only raise risk): fit,
    drop the features whose weight came out negative, refit, until none is."""
    x, y = np.asarray(rows), np.asarray(labels)
    keep = list(range(len(names)))
    while True:
        clf = LogisticRegression(C=CONVERSATION_C, max_iter=2000)
        clf.fit(x[:, keep] if keep else np.zeros((len(y), 1)), y)
        coef = clf.coef_[0] if keep else np.zeros(0)
        negative = [j for j, w in zip(keep, coef, strict=True) if w < 0]
        if not negative:
            break
        keep = [j for j in keep if j not in negative]
    weights = dict.fromkeys(names, 0.0)
    for j, w in zip(keep, coef, strict=True):
        weights[names[j]] = round(float(w), 6)
    return round(float(clf.intercept_[0]), 6), weights


def train_comments(streams: list[dict[str, Any]], lexicon: Lexicon | None = None) -> CommentModel:
    """The viewer model first (a row per comment: its viewer's window, labelled by whether
    the viewer is an abuse-to-order viewer), then the stream model over the window's
    features with the viewer model's log-odds (labelled by whether an abuse-to-order
    comment is in the window)."""
    lexicon = lexicon or default_lexicon("en", "comments")
    vx, vy = [], []
    for stream, c, counts, _ in _replay(streams, lexicon):
        f = viewer_features(counts.get(c["viewer"], {}))
        vx.append([f.get(k, 0.0) for k in VIEWER_FEATURES])
        vy.append(int(c["viewer"] in set(stream.get("bad_viewers", []))))
    viewer_bias, viewer_weights = _fit(vx, vy, VIEWER_FEATURES)
    viewer_only = CommentModel(viewer_bias, viewer_weights, 0.0, {})
    sx, sy = [], []
    for _, _, counts, bad_in_window in _replay(streams, lexicon):
        logits = {v: viewer_logit(viewer_only, vc) for v, vc in counts.items()}
        f = stream_features(counts, logits)
        sx.append([f.get(k, 0.0) for k in STREAM_FEATURES])
        sy.append(int(bad_in_window))
    stream_bias, stream_weights = _fit(sx, sy, STREAM_FEATURES)
    return CommentModel(viewer_bias, viewer_weights, stream_bias, stream_weights)

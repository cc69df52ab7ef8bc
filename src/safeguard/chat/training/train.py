"""Training entry points: the grooming model (:mod:`safeguard.chat.training.grooming`) and the
comment model (here): deterministic, from labelled data (the shipped synthetic corpus or
PAN12)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from safeguard.chat.comments import (
    STREAM_FEATURES,
    VIEWER_FEATURES,
    Comment,
    CommentModel,
    CommentScorer,
    stream_features,
    viewer_features,
    viewer_logit,
)
from safeguard.chat.lexicon import Lexicon, default_lexicon
from safeguard.chat.training.grooming import train_grooming

__all__ = ["train_comments", "train_grooming"]

CONVERSATION_C = 1.0


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

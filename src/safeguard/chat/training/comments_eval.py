"""Evaluating the comment scorer at the stream level, beside two baselines trained or set on
the same data, on the synthetic test split and on an independently written set.

- **model**: the shipped comment model, each stream replayed as the monitor replays it
  (:func:`safeguard.chat.comments.score_comment_stream`); score = peak window risk, flagged
  at :data:`~safeguard.chat.comments.FLAG_RISK`.
- **keywords**: a plain keyword list; score = the most comments with a keyword in any
  window of the same length.
- **tfidf_lr**: TF-IDF (words 1-2, characters 2-5) + logistic regression trained on the
  synthetic train split's comments (concerning or not); score = mean of a stream's three most
  concerning comments.

Both baselines flag at the same operating point as the model: the score above which at most
:data:`~safeguard.chat.training.comments_train.BENIGN_FLAG_BUDGET` of the benign *training*
streams fall (for TF-IDF, scored out of fold: two halves, each scored by a model trained on
the other).

Figures: ROC AUC of the stream scores, the share of benign streams flagged, recall and
precision of the flags, and false flags by benign family; per set and per language. The sets
(:func:`standard_comment_sets`): the synthetic test split; the **development set (seen)**,
``tests/data/chat_eval/comments_*.jsonl``, written independently of the generators but seen
since (its aggregate figures and the families it falsely flagged were read while changing the
model); the **second development set (seen)**, ``tests/data/chat_eval_v2/``, held out in
issue 12's second round and read since (the escalation rule of the corroboration was designed
from the patterns of both sets' viewers); and the **evaluation set (held out)**,
``tests/data/chat_eval_v3/comments_*.jsonl``, where present. No set is used for training.

``python -m safeguard.chat.training.comments_eval [--eval FILE] [--json]``
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from safeguard.chat.comments import (
    FLAG_RISK,
    Comment,
    CommentModel,
    CommentScorer,
    default_comment_model,
    score_comment_stream,
)
from safeguard.chat.timestamps import parse_ts

KEYWORDS = re.compile(
    r"how old|\bage\b|alone|parents|school|where do you live|snap|telegram|whatsapp|discord|"
    r"\bdm\b|private|coins|tokens|diamonds|roses|\btip\b|\$|pay|stand|turn around|show|spin|"
    r"camera|\bcam\b|room|bed|come on|hurry|do it"
)

Scorer = Callable[[dict[str, Any]], tuple[float, bool]]


def read_streams(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _comments(stream: dict[str, Any]) -> list[Comment]:
    return [
        Comment(str(c.get("viewer", "anonymous")), str(c.get("text", "")), parse_ts(c.get("ts")))
        for c in stream["comments"]
    ]


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """The probability that a concerning stream outscores a benign one (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 4)


def model_scorer(model: CommentModel | None = None) -> Scorer:
    model = model or default_comment_model()

    def score(stream: dict[str, Any]) -> tuple[float, bool]:
        report = score_comment_stream(
            str(stream.get("id")), _comments(stream), CommentScorer(model=model)
        )
        return report.risk, report.flagged

    return score


def _threshold(values: list[float]) -> float:
    """The smallest score that at most BENIGN_FLAG_BUDGET of ``values`` (benign) exceed."""
    from safeguard.chat.training.comments_train import BENIGN_FLAG_BUDGET

    ordered = sorted(values)
    allowed = int(BENIGN_FLAG_BUDGET * len(ordered))
    return ordered[len(ordered) - allowed - 1] if ordered else 0.0


def _keyword_value(stream: dict[str, Any], window_seconds: float) -> float:
    times: deque[float] = deque()
    best = now = 0.0
    for c in _comments(stream):
        now = max(now, c.ts if c.ts is not None else now)
        while times and times[0] < now - window_seconds:
            times.popleft()
        if KEYWORDS.search(c.text.lower()):
            times.append(now)
        best = max(best, float(len(times)))
    return best


def keyword_scorer(train: list[dict[str, Any]], window_seconds: float = 120.0) -> Scorer:
    cut = _threshold([_keyword_value(s, window_seconds) for s in train if not s["label"]])

    def score(stream: dict[str, Any]) -> tuple[float, bool]:
        value = _keyword_value(stream, window_seconds)
        return value, value > cut

    return score


def _tfidf_fit(train: list[dict[str, Any]]) -> Any:
    # scikit-learn only here: the runtime scorer never needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    texts = [c["text"] for s in train for c in s["comments"]]
    labels = [int(bool(c.get("bad"))) for s in train for c in s["comments"]]
    pipeline = make_pipeline(
        FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
                (
                    "chars",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True
                    ),
                ),
            ]
        ),
        LogisticRegression(C=4.0, max_iter=2000),
    )
    pipeline.fit(texts, labels)
    return pipeline


def _tfidf_value(pipeline: Any, stream: dict[str, Any]) -> float:
    texts = [str(c.get("text", "")) for c in stream["comments"]] or [""]
    probs = sorted(pipeline.predict_proba(texts)[:, 1], reverse=True)[:3]
    return float(sum(probs) / 3)


def tfidf_scorer(train: list[dict[str, Any]]) -> Scorer:
    halves = (train[0::2], train[1::2])
    out_of_fold = []
    for fit_on, score_on in (halves, halves[::-1]):
        half_model = _tfidf_fit(fit_on)
        out_of_fold += [_tfidf_value(half_model, s) for s in score_on if not s["label"]]
    cut = _threshold(out_of_fold)
    pipeline = _tfidf_fit(train)

    def score(stream: dict[str, Any]) -> tuple[float, bool]:
        value = _tfidf_value(pipeline, stream)
        return value, value > cut

    return score


def evaluate(streams: list[dict[str, Any]], scorer: Scorer) -> dict[str, Any]:
    scores, labels, flags = [], [], []
    false_by_family: dict[str, int] = {}
    benign_by_family: dict[str, int] = {}
    for stream in streams:
        value, flagged = scorer(stream)
        label = int(stream["label"])
        scores.append(value)
        labels.append(label)
        flags.append(flagged)
        if not label:
            family = str(stream.get("family", "")).split("@")[-1] or "?"
            benign_by_family[family] = benign_by_family.get(family, 0) + 1
            if flagged:
                false_by_family[family] = false_by_family.get(family, 0) + 1
    tp = sum(f and y for f, y in zip(flags, labels, strict=True))
    fp = sum(f and not y for f, y in zip(flags, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    return {
        "streams": len(streams),
        "concerning": positives,
        "auc": roc_auc(scores, labels),
        "benign_flagged": round(fp / negatives, 4) if negatives else None,
        "recall": round(tp / positives, 4) if positives else None,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "false_flags_by_family": {
            f: f"{false_by_family[f]}/{benign_by_family[f]}" for f in sorted(false_by_family)
        },
    }


VIEWER_RISK = 0.5
"""A viewer counts as pointed out when their peak risk reaches this."""


def viewer_metrics(model: CommentModel | None, streams: list[dict[str, Any]]) -> dict[str, Any]:
    """Which viewers the model points out (peak viewer risk ≥ VIEWER_RISK) against each
    stream's ``bad_viewers``, and the seconds from the first concerning comment (where the
    set marks them with ``bad``) to the flag."""
    model = model or default_comment_model()
    tp = fp = fn = 0
    delays: list[float] = []
    for stream in streams:
        report = score_comment_stream(
            str(stream.get("id")), _comments(stream), CommentScorer(model=model)
        )
        bad = set(stream.get("bad_viewers") or [])
        found = {v for v, r in report.viewers.items() if r.risk >= VIEWER_RISK}
        tp += len(found & bad)
        fp += len(found - bad)
        fn += len(bad - found)
        marked = [parse_ts(c.get("ts")) for c in stream["comments"] if c.get("bad")]
        first = min((t for t in marked if t is not None), default=None)
        if report.flagged_at is not None and first is not None and stream.get("label"):
            delays.append(max(0.0, float(report.flagged_at["ts"]) - first))
    delays.sort()
    return {
        "viewer_precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "viewer_recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "seconds_to_flag_median": round(delays[len(delays) // 2], 1) if delays else None,
    }


def flag_margins(model: CommentModel, streams: list[dict[str, Any]]) -> list[float]:
    """Per stream, how far (in log-odds) its most concerning *corroborated* window is above
    the flag (``z - logit(FLAG_RISK)``; -99 when no window is corroborated): the stream is
    flagged with the stream bias lowered by ``m`` exactly when its margin is at least ``m``,
    so one replay gives the benign share flagged and the recall at every operating point."""
    flag = math.log(FLAG_RISK / (1 - FLAG_RISK))
    out: list[float] = []
    for stream in streams:
        scorer = CommentScorer(model=model)
        best = -99.0
        for c in _comments(stream):
            scorer.add(c)
            if scorer.viewer_counts() and scorer.corroborated():
                _, f = scorer.features()
                z = model.stream_bias + sum(
                    model.stream_weights.get(k, 0.0) * x for k, x in f.items()
                )
                best = max(best, z - flag)
        out.append(best)
    return out


def evaluate_comment_model(model: CommentModel, streams: list[dict[str, Any]]) -> dict[str, Any]:
    """The model alone on one set of streams (what the model file records)."""
    out = evaluate(streams, model_scorer(model))
    out.pop("false_flags_by_family")
    return {**out, **viewer_metrics(model, streams)}


def stream_language(stream: dict[str, Any]) -> str:
    value = stream.get("language")
    return value if isinstance(value, str) and value else "en"


def standard_comment_sets(
    root: Path | None = None, heldout: Path | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The synthetic test streams and the held-out folder's comment streams
    (:func:`~safeguard.chat.training.suite.heldout_folder`: ``heldout``, else the newest
    edition under ``root`` that is not a training edition; left out when absent)."""
    from safeguard.chat.training.corpus import shipped_streams
    from safeguard.chat.training.suite import comment_files, heldout_folder, heldout_name

    sets: dict[str, list[dict[str, Any]]] = {"synthetic test split": shipped_streams("test")}
    folder = heldout_folder(root, heldout)
    if folder is not None:
        streams = [s for path in comment_files(folder) for s in read_streams(path)]
        if streams:
            sets[heldout_name(folder)] = streams
    return sets


def comments_report(
    eval_path: Path | None = None,
    model: CommentModel | None = None,
    *,
    root: Path | None = None,
    heldout: Path | None = None,
    standard: bool = True,
    train: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Model, keywords and TF-IDF + LR on the synthetic test split and the held-out folder
    where present (:func:`standard_comment_sets`), and on ``eval_path`` when given; each set
    also per language (the ``language`` field of a stream, English without one). The
    baselines are trained on ``train`` (default: what the shipped comment model was trained
    on, :func:`~safeguard.chat.training.recipe.comment_training_streams`). What
    ``chat eval --comments`` and ``bench.chat`` report."""
    if train is None:
        from safeguard.chat.training.recipe import comment_training_streams

        train = comment_training_streams(heldout=[heldout] if heldout is not None else [])
    scorers = {
        "model": model_scorer(model),
        "keywords": keyword_scorer(train),
        "tfidf_lr": tfidf_scorer(train),
    }
    sets = standard_comment_sets(root, heldout) if standard else {}
    if eval_path is not None:
        sets[str(eval_path)] = read_streams(eval_path)
    out: dict[str, Any] = {"flag_risk": FLAG_RISK, "sets": {}}
    for name, streams in sets.items():
        # Each stream is scored once per scorer; the per-language figures reuse the scores.
        scored = {who: [(s, scorer(s)) for s in streams] for who, scorer in scorers.items()}
        row: dict[str, Any] = {
            who: evaluate(streams, _replayed(pairs)) for who, pairs in scored.items()
        }
        row["model_viewers"] = viewer_metrics(model, streams)
        languages = sorted({stream_language(s) for s in streams})
        row["by_language"] = {
            lang: {
                who: evaluate([s for s in streams if stream_language(s) == lang], _replayed(pairs))
                for who, pairs in scored.items()
            }
            for lang in languages
        }
        out["sets"][name] = row
    return out


def _replayed(pairs: list[tuple[dict[str, Any], tuple[float, bool]]]) -> Scorer:
    by_id = {id(stream): result for stream, result in pairs}
    return lambda stream: by_id[id(stream)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=None, help="another comment set")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = comments_report(args.eval)
    if args.json:
        print(json.dumps(report))
        return
    for name, rows in report["sets"].items():
        print(name)
        print(f"  viewers   {rows.pop('model_viewers')}")
        by_language = rows.pop("by_language")
        for who, r in rows.items():
            print(
                f"  {who:9s} AUC {r['auc']}  benign flagged {r['benign_flagged']}  "
                f"recall {r['recall']}  precision {r['precision']}  "
                f"false flags {r['false_flags_by_family']}"
            )
        if len(by_language) > 1:
            for lang, per in by_language.items():
                m = per["model"]
                print(
                    f"  [{lang}] model AUC {m['auc']}  benign flagged {m['benign_flagged']}  "
                    f"recall {m['recall']} ({m['streams']} streams)"
                )


if __name__ == "__main__":
    main()

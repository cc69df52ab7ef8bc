"""Leave-one-edition-out: the development figures every design choice is made by.

For each training edition (v1-v4 of :mod:`~safeguard.chat.training.editions`), a model is
trained on the synthetic train split and the *other* editions, and evaluated on the
left-out one, beside the TF-IDF + LR and keyword baselines trained on the same data in the
same run. A design (:class:`Design`: the training settings and how many copies of each
hand-written conversation go into training) is judged by the **mean over the folds** (one
per training edition), never by one edition; the alert threshold is chosen the same way
(the lowest whose mean share of hard negatives alerted over the folds is at most
:data:`HARD_NEGATIVE_BUDGET`, no fold's above :data:`WORST_FOLD_BUDGET`).
These are development figures: every edition has been seen.

Risk never falls as a conversation goes on, so one replay per conversation (the risk after
each message) gives the alert, the recall and the latency at every threshold.

``python -m safeguard.chat.training.loeo [--repeat N] [--c C] [--line-threshold P] [--out FILE]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from safeguard.chat.model import GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, step
from safeguard.chat.training.baselines import TfidfBaseline, keyword_baseline
from safeguard.chat.training.corpus import LabelledConversation, shipped_conversations
from safeguard.chat.training.editions import TRAINING_EDITIONS, edition_conversations
from safeguard.chat.training.evaluate import Labelled, roc_auc
from safeguard.chat.training.grooming import TrainSettings, train_grooming
from safeguard.chat.training.perturb import with_synonyms, with_typos
from safeguard.chat.training.recipe import HAND_WRITTEN_REPEAT, grooming_training_data
from safeguard.chat.training.suite import language_of, summary

#: The threshold is the lowest whose mean share of hard negatives alerted over the folds is
#: at most this (below the target's 10 %: an unseen edition runs higher than the mean).
HARD_NEGATIVE_BUDGET = 0.08
#: ... and no fold's share above this (issue 12, sixth round: over four folds the mean alone
#: chose 0.7875, where the v3 fold alerted on 16.8 % of its hard negatives).
WORST_FOLD_BUDGET = 0.12
THRESHOLD_GRID = tuple(round(0.5 + 0.0125 * i, 4) for i in range(40))


@dataclass(frozen=True, slots=True)
class Design:
    settings: TrainSettings = field(default_factory=TrainSettings)
    #: Copies of each hand-written conversation in the training data.
    repeat: int = HAND_WRITTEN_REPEAT


def risk_traces(model: GroomingModel, items: Sequence[LabelledConversation]) -> list[list[float]]:
    scoring = Scoring.for_model(model)
    out = []
    for item in items:
        state = ConversationState.start(item.conversation.participants)
        trace = []
        for message in item.conversation.messages:
            step(state, message, scoring)
            trace.append(state.risk)
        out.append(trace or [0.0])
    return out


def labelled_at(
    items: Sequence[LabelledConversation], traces: Sequence[list[float]], threshold: float
) -> list[Labelled]:
    out = []
    for item, trace in zip(items, traces, strict=True):
        alert = next((i for i, r in enumerate(trace) if r >= threshold), None)
        out.append(Labelled.of(item, trace[-1], alert))
    return out


def figures(items: Sequence[LabelledConversation], results: Sequence[Labelled]) -> dict[str, Any]:
    """:func:`~safeguard.chat.training.suite.summary`, plus the same over the conversations
    not in English."""
    out = summary(items, results)
    other = [(i, r) for i, r in zip(items, results, strict=True) if language_of(i) != "en"]
    if other:
        ml = summary([i for i, _ in other], [r for _, r in other])
        out["non_english"] = {
            k: ml[k] for k in ("n", "auc", "recall", "hard_negatives_alerted", "negatives_alerted")
        }
    return out


@dataclass(slots=True)
class Fold:
    edition: str
    items: list[LabelledConversation]
    traces: dict[str, list[list[float]]]
    baselines: dict[str, dict[str, Any]]
    synthetic_auc: float | None
    seconds: float

    def at(self, threshold: float) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for variant, traces in self.traces.items():
            out[variant] = figures(self.items, labelled_at(self.items, traces, threshold))
        base = out["plain"]["recall"] or 0.0
        for variant in ("typos", "synonyms"):
            if variant in out:
                out[f"recall_lost_to_{variant}"] = round(base - (out[variant]["recall"] or 0.0), 4)
        return out


def run_fold(
    edition: str,
    design: Design,
    root: Path | None = None,
    heldout: Sequence[Path] = (),
    synthetic_test: Sequence[LabelledConversation] = (),
) -> Fold:
    started = time.process_time()
    others = [e for e in TRAINING_EDITIONS if e != edition]
    train = grooming_training_data(others, design.repeat, root, heldout)
    model = train_grooming(
        train, source=f"synthetic + {'+'.join(others)}", settings=design.settings
    )
    items = edition_conversations([edition], root, heldout)
    traces = {
        "plain": risk_traces(model, items),
        "typos": risk_traces(model, with_typos(items)),
        "synonyms": risk_traces(model, with_synonyms(items)),
    }
    tfidf = TfidfBaseline.fit(train)
    baselines = {
        "tfidf_lr": figures(items, tfidf.score(items)),
        "keywords": figures(items, keyword_baseline(items)),
    }
    synthetic_auc = None
    if synthetic_test:
        syn = risk_traces(model, synthetic_test)
        synthetic_auc = roc_auc(labelled_at(synthetic_test, syn, 2.0))
    return Fold(edition, items, traces, baselines, synthetic_auc, time.process_time() - started)


def choose_threshold(
    folds: Sequence[Fold],
    budget: float = HARD_NEGATIVE_BUDGET,
    worst_fold: float = WORST_FOLD_BUDGET,
) -> float:
    """The lowest threshold of the grid whose mean share of hard negatives alerted over the
    folds is at most ``budget`` and no fold's share above ``worst_fold``."""
    for t in THRESHOLD_GRID:
        rates = [f.at(t)["plain"]["hard_negatives_alerted"] or 0.0 for f in folds]
        if statistics.mean(rates) <= budget and max(rates) <= worst_fold:
            return t
    return THRESHOLD_GRID[-1]


def _mean(values: Sequence[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return round(statistics.mean(kept), 4) if kept else None


def report(folds: Sequence[Fold], threshold: float) -> dict[str, Any]:
    per_fold = {}
    for f in folds:
        at = f.at(threshold)
        per_fold[f.edition] = {
            "model": at["plain"],
            "model_typos": at["typos"],
            "model_synonyms": at["synonyms"],
            "recall_lost_to_typos": at["recall_lost_to_typos"],
            "recall_lost_to_synonyms": at["recall_lost_to_synonyms"],
            **f.baselines,
            "synthetic_test_auc": f.synthetic_auc,
            "cpu_seconds": round(f.seconds, 1),
        }
    keys = ("auc", "recall", "hard_negatives_alerted", "median_messages_after_first_line")
    mean: dict[str, Any] = {}
    for system in ("model", "tfidf_lr", "keywords"):
        rows = [per_fold[e][system] for e in per_fold]
        mean[system] = {k: _mean([r[k] for r in rows]) for k in keys}
        mean[system]["non_english_recall"] = _mean(
            [r.get("non_english", {}).get("recall") for r in rows]
        )
        mean[system]["non_english_hard_negatives_alerted"] = _mean(
            [r.get("non_english", {}).get("hard_negatives_alerted") for r in rows]
        )
    for variant in ("typos", "synonyms"):
        mean["model"][f"recall_lost_to_{variant}"] = _mean(
            [per_fold[e][f"recall_lost_to_{variant}"] for e in per_fold]
        )
    return {"threshold": threshold, "folds": per_fold, "mean": mean}


def curve(folds: Sequence[Fold]) -> list[dict[str, Any]]:
    """Mean recall and hard negatives alerted over the folds at each threshold."""
    rows = []
    for t in THRESHOLD_GRID:
        at = [f.at(t)["plain"] for f in folds]
        rows.append(
            {
                "threshold": t,
                "recall": _mean([a["recall"] for a in at]),
                "hard_negatives_alerted": _mean([a["hard_negatives_alerted"] for a in at]),
                "per_fold": [(a["recall"], a["hard_negatives_alerted"]) for a in at],
            }
        )
    return rows


def run(
    design: Design, root: Path | None = None, heldout: Sequence[Path] = (), synthetic: bool = True
) -> dict[str, Any]:
    test = shipped_conversations("test") if synthetic else []
    folds = [run_fold(e, design, root, heldout, test) for e in TRAINING_EDITIONS]
    threshold = choose_threshold(folds)
    return {
        "design": {**asdict(design.settings), "repeat": design.repeat},
        "hard_negative_budget": HARD_NEGATIVE_BUDGET,
        "worst_fold_budget": WORST_FOLD_BUDGET,
        **report(folds, threshold),
        "curve": curve(folds),
    }


def run_comments(
    root: Path | None = None, heldout: Sequence[Path] = (), editions_in_training: bool = True
) -> dict[str, Any]:
    """The comment model by leave-one-edition-out: per edition, the comment model trained on
    the synthetic train streams and (``editions_in_training``) the other editions' streams,
    on the left-out edition's streams, beside the two baselines trained on the same."""
    from safeguard.chat.training.comments_eval import (
        evaluate,
        keyword_scorer,
        model_scorer,
        tfidf_scorer,
    )
    from safeguard.chat.training.comments_train import train_comments
    from safeguard.chat.training.editions import edition_streams, synthetic_streams

    folds: dict[str, Any] = {}
    for edition in TRAINING_EDITIONS:
        others = [e for e in TRAINING_EDITIONS if e != edition]
        train = [*synthetic_streams()]
        if editions_in_training:
            train += edition_streams(others, root, heldout)
        model = train_comments(train, operating=synthetic_streams())
        streams = edition_streams([edition], root, heldout)
        folds[edition] = {
            "model": evaluate(streams, model_scorer(model)),
            "tfidf_lr": evaluate(streams, tfidf_scorer(train)),
            "keywords": evaluate(streams, keyword_scorer(train)),
        }
    mean = {
        system: {
            k: _mean([folds[e][system][k] for e in folds])
            for k in ("auc", "benign_flagged", "recall")
        }
        for system in ("model", "tfidf_lr", "keywords")
    }
    return {"editions_in_training": editions_in_training, "folds": folds, "mean": mean}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=Design().repeat)
    parser.add_argument("--c", type=float, default=TrainSettings().message_c)
    parser.add_argument("--line-threshold", type=float, default=TrainSettings().line_threshold)
    parser.add_argument("--early-weight", type=float, default=TrainSettings().early_weight)
    parser.add_argument("--no-synthetic", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--comments", action="store_true", help="The comment model's folds instead."
    )
    parser.add_argument("--synthetic-comments-only", action="store_true")
    args = parser.parse_args(argv)
    if args.comments:
        doc = run_comments(editions_in_training=not args.synthetic_comments_only)
        if args.out:
            args.out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(doc["mean"], indent=1))
        return
    design = Design(
        TrainSettings(
            message_c=args.c,
            line_threshold=args.line_threshold,
            threshold_floor=0.0,
            early_weight=args.early_weight,
        ),
        args.repeat,
    )
    result = run(design, synthetic=not args.no_synthetic)
    text = json.dumps(result, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("design", "threshold", "mean")}, indent=1))


if __name__ == "__main__":
    main()

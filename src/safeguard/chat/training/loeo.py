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

from safeguard.chat.model import AlertPolicy, GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, step, vote_language
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
#: chose 0.7875, where the v3 fold alerted on 16.8 % of its hard negatives; 12 % then.
#: Seventh round: 10 %, the issue's own bound, which no fold may exceed).
WORST_FOLD_BUDGET = 0.10
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


def language_traces(items: Sequence[LabelledConversation]) -> list[list[str | None]]:
    """Per conversation, after each message, the supported language its votes lead with
    (None while undecided or unsupported): what :func:`~safeguard.chat.scorer.alert_threshold`
    reads. The votes depend on the text alone, not on the model."""
    out = []
    for item in items:
        state = ConversationState.start(item.conversation.participants)
        trace: list[str | None] = []
        for message in item.conversation.messages:
            vote_language(state, message.text)
            guess = state.votes.best()
            trace.append(guess.language if guess is not None and guess.supported else None)
        out.append(trace or [None])
    return out


def labelled_at(
    items: Sequence[LabelledConversation],
    traces: Sequence[list[float]],
    threshold: float,
    other: float | None = None,
    languages: Sequence[list[str | None]] | None = None,
) -> list[Labelled]:
    """Each conversation's final risk and alert at ``threshold`` (and ``other`` for a
    conversation whose votes lead with a supported language other than English, as
    :class:`~safeguard.chat.model.AlertPolicy` does)."""
    policy = AlertPolicy(threshold, 0.5, other)
    out = []
    for n, (item, trace) in enumerate(zip(items, traces, strict=True)):
        if other is None or languages is None:
            alert = next((i for i, r in enumerate(trace) if r >= threshold), None)
        else:
            langs = languages[n]
            alert = next(
                (i for i, r in enumerate(trace) if r >= policy.for_language(langs[i])), None
            )
        out.append(Labelled.of(item, trace[-1], alert))
    return out


def figures(items: Sequence[LabelledConversation], results: Sequence[Labelled]) -> dict[str, Any]:
    """:func:`~safeguard.chat.training.suite.summary`, plus the same over the conversations
    not in English."""
    out = summary(items, results)
    other = [(i, r) for i, r in zip(items, results, strict=True) if language_of(i) != "en"]
    english = [(i, r) for i, r in zip(items, results, strict=True) if language_of(i) == "en"]
    if english:
        en = summary([i for i, _ in english], [r for _, r in english])
        out["english"] = {
            k: en[k]
            for k in (
                "n",
                "auc",
                "recall",
                "hard_negatives_alerted",
                "negatives_alerted",
                "median_messages_after_first_line",
            )
        }
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
    #: Per variant, :func:`language_traces` of its conversations.
    languages: dict[str, list[list[str | None]]] = field(default_factory=dict)

    def at(self, threshold: float, other: float | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for variant, traces in self.traces.items():
            langs = self.languages.get(variant)
            out[variant] = figures(
                self.items, labelled_at(self.items, traces, threshold, other, langs)
            )
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
    variants = {"plain": items, "typos": with_typos(items), "synonyms": with_synonyms(items)}
    traces = {k: risk_traces(model, v) for k, v in variants.items()}
    languages = {k: language_traces(v) for k, v in variants.items()}
    tfidf = TfidfBaseline.fit(train)
    baselines = {
        "tfidf_lr": figures(items, tfidf.score(items)),
        "keywords": figures(items, keyword_baseline(items)),
    }
    synthetic_auc = None
    if synthetic_test:
        syn = risk_traces(model, synthetic_test)
        synthetic_auc = roc_auc(labelled_at(synthetic_test, syn, 2.0))
    return Fold(
        edition, items, traces, baselines, synthetic_auc, time.process_time() - started, languages
    )


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


#: A threshold no risk reaches (a language group left out while the other's is chosen).
_NEVER = 2.0


def _lowest_within(rates_at: Any, budget: float, worst_fold: float) -> float:
    for t in THRESHOLD_GRID:
        rates = [r or 0.0 for r in rates_at(t)]
        if statistics.mean(rates) <= budget and max(rates) <= worst_fold:
            return t
    return THRESHOLD_GRID[-1]


def choose_thresholds(
    folds: Sequence[Fold],
    budget: float = HARD_NEGATIVE_BUDGET,
    worst_fold: float = WORST_FOLD_BUDGET,
) -> tuple[float, float]:
    """The English threshold and the other languages' (issue 12, eighth round), as the
    issue's two bounds read: first the other languages', the lowest of the grid whose mean
    share of *their* hard negatives alerted over the folds is at most ``budget`` and no
    fold's above ``worst_fold`` (English never alerting meanwhile); then the English one,
    the lowest whose mean share of *all* hard negatives alerted is at most ``budget`` and no
    fold's above ``worst_fold``, at that other-languages threshold."""

    def others(t: float) -> list[float | None]:
        return [
            f.at(_NEVER, t)["plain"].get("non_english", {}).get("hard_negatives_alerted")
            for f in folds
        ]

    other = _lowest_within(others, budget, worst_fold)

    def overall(t: float) -> list[float | None]:
        return [f.at(t, other)["plain"]["hard_negatives_alerted"] for f in folds]

    return _lowest_within(overall, budget, worst_fold), other


def _mean(values: Sequence[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return round(statistics.mean(kept), 4) if kept else None


def report(folds: Sequence[Fold], threshold: float, other: float | None = None) -> dict[str, Any]:
    per_fold = {}
    for f in folds:
        at = f.at(threshold, other)
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
        for k in ("recall", "hard_negatives_alerted", "median_messages_after_first_line"):
            mean[system][f"english_{k}"] = _mean([r.get("english", {}).get(k) for r in rows])
    for variant in ("typos", "synonyms"):
        mean["model"][f"recall_lost_to_{variant}"] = _mean(
            [per_fold[e][f"recall_lost_to_{variant}"] for e in per_fold]
        )
    return {"threshold": threshold, "other_languages": other, "folds": per_fold, "mean": mean}


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
    return summarise(folds, design)


def summarise(folds: Sequence[Fold], design: Design) -> dict[str, Any]:
    """The report at the thresholds the folds choose: one per language group (English, the
    others; issue 12, eighth round), beside the single threshold of earlier rounds."""
    single = choose_threshold(folds)
    english, other = choose_thresholds(folds)
    return {
        "design": {**asdict(design.settings), "repeat": design.repeat},
        "hard_negative_budget": HARD_NEGATIVE_BUDGET,
        "worst_fold_budget": WORST_FOLD_BUDGET,
        **report(folds, english, other),
        "single_threshold": report(folds, single),
        "curve": curve(folds),
    }


#: The comment model's operating point: the lowest margin (:data:`COMMENT_MARGIN_GRID`,
#: log-odds below the training streams' own benign peaks) whose mean share of benign
#: streams flagged over the folds is at most this ...
COMMENT_BENIGN_BUDGET = 0.05
#: ... and no fold's above this (issue 12's target: at most 10 % of benign streams flagged).
COMMENT_WORST_FOLD_BUDGET = 0.10
COMMENT_MARGIN_GRID = tuple(round(0.25 * i, 2) for i in range(25))


def choose_margin(folds: dict[str, dict[str, Any]]) -> float:
    """The lowest margin of the grid within both budgets (the highest of the grid if none)."""
    for margin in COMMENT_MARGIN_GRID:
        shares = [_flagged_share(f, margin, 0) for f in folds.values()]
        if statistics.mean(shares) <= COMMENT_BENIGN_BUDGET and max(shares) <= (
            COMMENT_WORST_FOLD_BUDGET
        ):
            return margin
    return COMMENT_MARGIN_GRID[-1]


def _flagged_share(fold: dict[str, Any], margin: float, label: int) -> float:
    values = [m for m, y in zip(fold["margins"], fold["labels"], strict=True) if y == label]
    return sum(m >= margin for m in values) / len(values) if values else 0.0


def run_comments(
    root: Path | None = None,
    heldout: Sequence[Path] = (),
    settings: dict[str, float] | None = None,
    baselines: bool = True,
) -> dict[str, Any]:
    """The comment model by leave-one-edition-out: per edition, the comment model trained
    (:func:`~safeguard.chat.training.recipe.comment_training_streams`) on the synthetic
    train streams and the *other* editions' streams, with ``settings`` (default: the
    recipe's) but no margin; each left-out stream's flag margin
    (:func:`~safeguard.chat.training.comments_eval.flag_margins`); the margin chosen over
    the folds (:func:`choose_margin`); then, at that margin, each fold's figures beside the
    two baselines trained on the same streams."""
    import dataclasses

    from safeguard.chat.training.comments_eval import (
        evaluate,
        flag_margins,
        keyword_scorer,
        model_scorer,
        tfidf_scorer,
    )
    from safeguard.chat.training.comments_train import train_with
    from safeguard.chat.training.editions import edition_streams
    from safeguard.chat.training.recipe import (
        COMMENT_SETTINGS,
        comment_operating_streams,
        comment_training_streams,
    )

    chosen = {**(COMMENT_SETTINGS if settings is None else settings), "margin": 0.0}
    folds: dict[str, Any] = {}
    models = {}
    for edition in TRAINING_EDITIONS:
        others = [e for e in TRAINING_EDITIONS if e != edition]
        train = comment_training_streams(others, root, heldout)
        operating = comment_operating_streams(others, root, heldout)
        model = train_with(train, operating, chosen)
        streams = edition_streams([edition], root, heldout)
        models[edition] = (model, train, streams)
        folds[edition] = {
            "margins": [round(m, 4) for m in flag_margins(model, streams)],
            "labels": [int(s["label"]) for s in streams],
            "languages": [str(s.get("language") or "en") for s in streams],
        }
    margin = choose_margin(folds)
    for edition, (model, train, streams) in models.items():
        shifted = dataclasses.replace(model, stream_bias=model.stream_bias - margin)
        row = {"model": evaluate(streams, model_scorer(shifted))}
        if baselines:
            row["tfidf_lr"] = evaluate(streams, tfidf_scorer(train))
            row["keywords"] = evaluate(streams, keyword_scorer(train))
        folds[edition].update(row)
    systems = [k for k in ("model", "tfidf_lr", "keywords") if k in folds[next(iter(folds))]]
    mean = {
        system: {
            k: _mean([folds[e][system][k] for e in folds])
            for k in ("auc", "benign_flagged", "recall")
        }
        for system in systems
    }
    curve = {
        str(m): {
            "benign_flagged": [round(_flagged_share(f, m, 0), 4) for f in folds.values()],
            "recall": [round(_flagged_share(f, m, 1), 4) for f in folds.values()],
        }
        for m in COMMENT_MARGIN_GRID
    }
    return {
        "settings": {**chosen, "margin": margin},
        "benign_budget": COMMENT_BENIGN_BUDGET,
        "worst_fold_budget": COMMENT_WORST_FOLD_BUDGET,
        "folds": folds,
        "mean": mean,
        "curve": curve,
    }


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
    parser.add_argument("--text-c", type=float, default=None)
    parser.add_argument("--text-line", type=float, default=None)
    args = parser.parse_args(argv)
    if args.comments:
        from safeguard.chat.training.recipe import COMMENT_SETTINGS

        settings = dict(COMMENT_SETTINGS)
        if args.text_c is not None:
            settings["text_c"] = args.text_c
        if args.text_line is not None:
            settings["text_line"] = args.text_line
        doc = run_comments(settings=settings)
        if args.out:
            args.out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({k: doc[k] for k in ("settings", "mean")}, indent=1))
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
    print(
        json.dumps(
            {k: result[k] for k in ("design", "threshold", "other_languages", "mean")}, indent=1
        )
    )


if __name__ == "__main__":
    main()

"""Evaluation: PAN12 metrics (F0.5 for predator identification, F3 for predator lines), the
eSPD latency-weighted F1, alert latency, calibration (Brier score, expected calibration
error) and false alerts per hard-negative family. Pure functions over labelled results."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from safeguard.chat.comments import CommentModel
from safeguard.chat.lexicon import Lexicon
from safeguard.chat.model import GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, step
from safeguard.chat.training.corpus import LabelledConversation


@dataclass(frozen=True, slots=True)
class Labelled:
    """One scored conversation with its ground truth."""

    id: str
    label: int
    risk: float
    alert_at: int | None
    messages: int
    family: str = ""
    predator: str | None = None
    suspect: str | None = None
    predator_lines: frozenset[int] = frozenset()
    flagged_lines: frozenset[int] = frozenset()
    first_predator_line: int | None = None

    @classmethod
    def of(
        cls,
        item: LabelledConversation,
        risk: float,
        alert_at: int | None,
        *,
        suspect: str | None = None,
        flagged_lines: frozenset[int] = frozenset(),
    ) -> Labelled:
        """``item``'s ground truth beside a scorer's ``risk`` and first alert."""
        return cls(
            id=item.conversation.id,
            label=item.label,
            risk=risk,
            alert_at=alert_at,
            messages=len(item.conversation.messages),
            family=item.family,
            predator=item.predator,
            suspect=suspect,
            predator_lines=item.predator_lines,
            flagged_lines=flagged_lines,
            first_predator_line=min(item.predator_lines) if item.predator_lines else None,
        )


def f_beta(precision: float, recall: float, beta: float) -> float:
    if precision <= 0 and recall <= 0:
        return 0.0
    b2 = beta * beta
    denom = b2 * precision + recall
    return (1 + b2) * precision * recall / denom if denom else 0.0


def prf(tp: int, fp: int, fn: int, beta: float = 1.0) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        f"f{beta:g}": round(f_beta(p, r, beta), 4),
    }


def latency_penalty(k: int, p: float) -> float:
    """Sadeque et al. (2018): 0 for a warning at the first message, rising to 1."""
    return -1.0 + 2.0 / (1.0 + math.exp(-p * (k - 1)))


def latency_weighted_f1(items: list[Labelled], p: float | None = None) -> dict[str, float]:
    """eSPD: F1 of alerts × speed, speed = 1 - median penalty of the true positives'
    warning latency (messages seen when the alert fired). ``p`` defaults to the value that
    puts the penalty at 0.5 at the median length of the positive conversations."""
    positives = [i for i in items if i.label]
    if p is None:
        med = statistics.median([i.messages for i in positives]) if positives else 2
        p = math.log(3) / max(med - 1, 1)
    tp = [i for i in items if i.label and i.alert_at is not None]
    fp = sum(1 for i in items if not i.label and i.alert_at is not None)
    fn = len(positives) - len(tp)
    base = prf(len(tp), fp, fn)
    penalties = [latency_penalty(i.alert_at + 1, p) for i in tp if i.alert_at is not None]
    speed = 1 - statistics.median(penalties) if penalties else 0.0
    return {
        **base,
        "speed": round(speed, 4),
        "latency_f1": round(base["f1"] * speed, 4),
        "p": round(p, 5),
    }


def predator_identification(items: list[Labelled]) -> dict[str, float]:
    """PAN12 task 1: precision/recall/F0.5 over predator author ids. A suspect counts when
    its conversation alerted."""
    truth = {i.predator for i in items if i.predator}
    found = {i.suspect for i in items if i.suspect and i.alert_at is not None}
    tp = len(truth & found)
    return prf(tp, len(found - truth), len(truth - found), beta=0.5)


def predator_lines(items: list[Labelled]) -> dict[str, float]:
    """PAN12 task 2: precision/recall/F3 over (conversation, line) pairs."""
    tp = fp = fn = 0
    for i in items:
        tp += len(i.predator_lines & i.flagged_lines)
        fp += len(i.flagged_lines - i.predator_lines)
        fn += len(i.predator_lines - i.flagged_lines)
    return prf(tp, fp, fn, beta=3.0)


def calibration(items: list[Labelled], bins: int = 10) -> dict[str, Any]:
    """Brier score and expected calibration error of the final risk against the label."""
    if not items:
        return {"brier": None, "ece": None, "bins": []}
    brier = sum((i.risk - i.label) ** 2 for i in items) / len(items)
    table = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [i for i in items if lo <= i.risk < hi or (b == bins - 1 and i.risk == 1.0)]
        if not inside:
            continue
        mean_risk = sum(i.risk for i in inside) / len(inside)
        rate = sum(i.label for i in inside) / len(inside)
        ece += len(inside) / len(items) * abs(mean_risk - rate)
        table.append(
            {
                "bin": [lo, hi],
                "n": len(inside),
                "mean_risk": round(mean_risk, 4),
                "positive_rate": round(rate, 4),
            }
        )
    return {"brier": round(brier, 4), "ece": round(ece, 4), "bins": table}


def alert_latency(items: list[Labelled]) -> dict[str, Any]:
    """Messages seen when the alert fired, from the start and from the first grooming line."""
    hits = [i for i in items if i.label and i.alert_at is not None]
    from_start = [i.alert_at + 1 for i in hits if i.alert_at is not None]
    from_first = [
        i.alert_at - i.first_predator_line
        for i in hits
        if i.alert_at is not None and i.first_predator_line is not None
    ]

    def summary(xs: list[int]) -> dict[str, float | None]:
        if not xs:
            return {"median": None, "p90": None, "mean": None}
        ordered = sorted(xs)
        return {
            "median": float(statistics.median(ordered)),
            "p90": float(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]),
            "mean": round(sum(ordered) / len(ordered), 2),
        }

    return {
        "messages_from_start": summary(from_start),
        "messages_after_first_grooming_line": summary(from_first),
    }


def false_alerts_by_family(items: Iterable[Labelled]) -> dict[str, dict[str, float]]:
    out: dict[str, list[int]] = {}
    for i in items:
        if i.label:
            continue
        out.setdefault(i.family or "unknown", []).append(int(i.alert_at is not None))
    return {
        f: {"n": len(v), "false_alert_rate": round(sum(v) / len(v), 4)}
        for f, v in sorted(out.items())
    }


def roc_auc(items: list[Labelled]) -> float | None:
    pos = [i.risk for i in items if i.label]
    neg = [i.risk for i in items if not i.label]
    if not pos or not neg:
        return None
    wins = 0.0
    ordered = sorted([(r, 1) for r in pos] + [(r, 0) for r in neg])
    # Rank-sum (Mann-Whitney U) with ties shared.
    rank = 0
    i = 0
    rank_sum = 0.0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j][0] == ordered[i][0]:
            j += 1
        avg = (rank + 1 + rank + (j - i)) / 2
        rank_sum += avg * sum(1 for k in range(i, j) if ordered[k][1])
        rank += j - i
        i = j
    wins = rank_sum - len(pos) * (len(pos) + 1) / 2
    return round(wins / (len(pos) * len(neg)), 4)


def report(items: list[Labelled], p: float | None = None) -> dict[str, Any]:
    """Every metric at once (what `safeguard chat eval` prints and the model file keeps)."""
    return {
        "conversations": len(items),
        "positives": sum(i.label for i in items),
        "auc": roc_auc(items),
        "alerts": latency_weighted_f1(items, p),
        "predator_identification": predator_identification(items),
        "predator_lines": predator_lines(items),
        "alert_latency": alert_latency(items),
        "calibration": calibration(items),
        "false_alerts_by_family": false_alerts_by_family(items),
    }


def score_labelled(
    model: GroomingModel, items: Iterable[LabelledConversation], lexicon: Lexicon | None = None
) -> list[Labelled]:
    """Score each conversation message by message; flagged lines are the suspect's grooming
    lines (message probability at least the policy's ``line_threshold``) in conversations
    that alerted."""
    scoring = Scoring.for_model(model, lexicon)
    out = []
    for item in items:
        state = ConversationState.start(item.conversation.participants)
        lines: list[tuple[str, bool]] = []
        for message in item.conversation.messages:
            ev = step(state, message, scoring)
            lines.append((ev.author, ev.line))
        lead = state.lead() if state.risk >= 0.2 else None
        flagged = frozenset(
            i
            for i, (author, line) in enumerate(lines)
            if state.alert_at is not None and author == lead and line
        )
        out.append(
            Labelled.of(item, state.risk, state.alert_at, suspect=lead, flagged_lines=flagged)
        )
    return out


def evaluate_grooming(
    model: GroomingModel, items: Iterable[LabelledConversation], lexicon: Lexicon | None = None
) -> dict[str, Any]:
    """Every metric of :func:`report` for ``model`` on ``items``."""
    return report(score_labelled(model, items, lexicon))


def evaluate_comments(model: CommentModel, streams: list[dict[str, Any]]) -> dict[str, Any]:
    """The comment model at the stream level (moved:
    :func:`safeguard.chat.training.comments_eval.evaluate_comment_model`)."""
    from safeguard.chat.training.comments_eval import evaluate_comment_model

    return evaluate_comment_model(model, streams)

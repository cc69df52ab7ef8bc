"""The evaluation `safeguard chat eval` and `bench/chat` print: in one run, the shipped model
beside a keyword baseline and a TF-IDF + logistic-regression baseline trained on the same
data, on every labelled set given (the synthetic test split, the hand-written development
set, the independently written evaluation set, PAN12 files), on typo and synonym
perturbations of the evaluation set, and per language.

The figures per system and set: ROC AUC of the final risk; at the default alert policy,
recall, precision, the share of hard negatives (and of all negatives) alerted; the median
number of messages from the first grooming line to the alert; per language the same."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safeguard.chat.model import GroomingModel
from safeguard.chat.training import editions
from safeguard.chat.training.baselines import TfidfBaseline, keyword_baseline
from safeguard.chat.training.corpus import LabelledConversation, read_labelled
from safeguard.chat.training.evaluate import Labelled, report, roc_auc, score_labelled
from safeguard.chat.training.perturb import with_synonyms, with_typos

_PLAIN_FAMILIES = frozenset({"", "benign", "everyday", "grooming", "plain"})


SYNTHETIC = "synthetic test split"
DEVELOPER_EXAMPLES = "developer's examples (tuned on)"
HELDOUT = "held out"


def repo_root() -> Path:
    return editions.repo_root()


def data_root() -> Path:
    """``tests/data`` of the source tree (where the hand-written editions live)."""
    return editions.data_root()


def heldout_name(folder: Path) -> str:
    """How a held-out folder is labelled in reports: ``held out (chat_eval_v6)``."""
    return f"{HELDOUT} ({folder.name})"


def is_heldout(name: str) -> bool:
    return name.startswith(f"{HELDOUT} (")


def heldout_folder(root: Path | None = None, heldout: Path | None = None) -> Path | None:
    """``heldout`` when given, else the newest ``chat_eval_v*`` folder under ``root``
    (default ``tests/data``) that is not a training edition
    (:func:`~safeguard.chat.training.editions.default_heldout`), else None. A training
    edition is refused: the shipped model was trained on it."""
    folder = heldout if heldout is not None else editions.default_heldout(root or data_root())
    if folder is None:
        return None
    if folder.name in editions.TRAINING_EDITIONS.values():
        raise editions.HeldOutError(
            f"{folder} is a training edition: the shipped model was trained on it, so it "
            "cannot be a held-out set"
        )
    return folder


def development_set(root: Path | None = None) -> Path:
    """Hand-written by the model's first developer (not from any generator): for design and
    tuning, never a claim of accuracy."""
    return (root or data_root()) / "chat_dev" / "conversations_dev.jsonl"


def conversation_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("conversations_*.jsonl")) if folder.is_dir() else []


def comment_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("comments_*.jsonl")) if folder.is_dir() else []


def standard_sets(
    test: Sequence[LabelledConversation],
    root: Path | None = None,
    heldout: Path | None = None,
) -> dict[str, list[LabelledConversation]]:
    """The synthetic test split ``test``, the held-out folder's conversations
    (:func:`heldout_folder`: ``heldout``, else the newest edition under ``root`` that is not
    a training edition; left out when absent) and the developer's examples, by label, in
    report order. The training editions are not here: they are training data (their
    development figures are the leave-one-edition-out folds, :mod:`.loeo`)."""
    sets: dict[str, list[LabelledConversation]] = {SYNTHETIC: list(test)}
    folder = heldout_folder(root, heldout)
    if folder is not None and conversation_files(folder):
        sets[heldout_name(folder)] = read_sets(conversation_files(folder))
    if development_set(root).is_file():
        sets[DEVELOPER_EXAMPLES] = list(read_labelled(development_set(root)))
    return sets


def read_sets(paths: Sequence[Path]) -> list[LabelledConversation]:
    return [item for p in paths for item in read_labelled(p)]


def is_hard_negative(item: LabelledConversation) -> bool:
    flag = item.conversation.extra.get("hard_negative")
    if isinstance(flag, bool):
        return flag and not item.label
    return not item.label and item.family not in _PLAIN_FAMILIES


def language_of(item: LabelledConversation) -> str:
    value = item.conversation.extra.get("language")
    return value if isinstance(value, str) else "en"


def summary(items: Sequence[LabelledConversation], results: Sequence[Labelled]) -> dict[str, Any]:
    """AUC, recall and false alerts at the policy, latency after the first grooming line."""
    pos = [r for r in results if r.label]
    neg = [r for r in results if not r.label]
    hard = [r for i, r in zip(items, results, strict=True) if is_hard_negative(i)]
    alerts = [r for r in results if r.alert_at is not None]
    after = [
        r.alert_at - r.first_predator_line
        for r in pos
        if r.alert_at is not None and r.first_predator_line is not None
    ]
    return {
        "n": len(results),
        "positives": len(pos),
        "hard_negatives": len(hard),
        "auc": roc_auc(list(results)),
        "recall": _rate(sum(r.alert_at is not None for r in pos), len(pos)),
        "precision": _rate(sum(r.label for r in alerts), len(alerts)),
        "hard_negatives_alerted": _rate(sum(r.alert_at is not None for r in hard), len(hard)),
        "negatives_alerted": _rate(sum(r.alert_at is not None for r in neg), len(neg)),
        "median_messages_after_first_line": float(statistics.median(after)) if after else None,
    }


def _rate(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def by_language(
    items: Sequence[LabelledConversation], results: Sequence[Labelled]
) -> dict[str, dict[str, Any]]:
    out: dict[str, tuple[list[LabelledConversation], list[Labelled]]] = {}
    for item, r in zip(items, results, strict=True):
        group = out.setdefault(language_of(item), ([], []))
        group[0].append(item)
        group[1].append(r)
    return {lang: summary(i, r) for lang, (i, r) in sorted(out.items())}


@dataclass(slots=True)
class Systems:
    """The shipped model and the two baselines, trained on the same conversations."""

    model: GroomingModel
    tfidf: TfidfBaseline

    @classmethod
    def build(cls, model: GroomingModel, train: Sequence[LabelledConversation]) -> Systems:
        return cls(model, TfidfBaseline.fit(train))

    def run(self, items: Sequence[LabelledConversation]) -> dict[str, list[Labelled]]:
        return {
            "model": score_labelled(self.model, items),
            "keywords": keyword_baseline(items),
            "tfidf_lr": self.tfidf.score(items),
        }


def evaluate_set(
    systems: Systems, items: Sequence[LabelledConversation], *, detail: bool = True
) -> dict[str, Any]:
    runs = systems.run(items)
    out: dict[str, Any] = {
        name: {"summary": summary(items, res), "by_language": by_language(items, res)}
        for name, res in runs.items()
    }
    if detail:
        out["model"]["report"] = report(runs["model"])
    return out


def evaluate_all(
    model: GroomingModel,
    train: Sequence[LabelledConversation],
    sets: Mapping[str, Sequence[LabelledConversation]],
    perturb: Sequence[str] = (),
) -> dict[str, Any]:
    """Every system on every set; for the sets named in ``perturb`` also on their typo and
    synonym copies."""
    systems = Systems.build(model, train)
    out: dict[str, Any] = {"trained_on": model.trained_on.get("source", ""), "sets": {}}
    for name, items in sets.items():
        if not items:
            continue
        out["sets"][name] = evaluate_set(systems, items)
        if name in perturb:
            out["sets"][f"{name} + typos"] = evaluate_set(systems, with_typos(items), detail=False)
            out["sets"][f"{name} + synonyms"] = evaluate_set(
                systems, with_synonyms(items), detail=False
            )
    return out


def table_rows(result: dict[str, Any]) -> list[list[str]]:
    """One row per (set, system): the figures of :func:`summary`."""
    rows = []
    for set_name, systems in result["sets"].items():
        for system in ("model", "tfidf_lr", "keywords"):
            s = systems[system]["summary"]
            rows.append(
                [
                    set_name,
                    system,
                    f"{s['n']} ({s['positives']})",
                    _fmt(s["auc"]),
                    _fmt(s["recall"]),
                    _fmt(s["hard_negatives_alerted"]),
                    _fmt(s["negatives_alerted"]),
                    _fmt(s["median_messages_after_first_line"], 1),
                ]
            )
    return rows


TABLE_HEADER = [
    "set",
    "system",
    "conversations (grooming)",
    "AUC",
    "recall",
    "hard negatives alerted",
    "negatives alerted",
    "median messages first line → alert",
]


SHORT_HEADER = ["set", "system", "n (+)", "AUC", "recall", "hard neg", "neg", "msgs"]
"""Narrow column names for a terminal: conversations (grooming), hard negatives and all
negatives alerted, median messages from the first grooming line to the alert."""


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"

"""What the shipped models are trained on, and with which settings (the one recipe that
``safeguard chat train``, ``bench.chat`` and the reproduction test share).

- Grooming model: the synthetic train split and :data:`HAND_WRITTEN_REPEAT` copies of every
  training edition's conversations (:data:`~safeguard.chat.training.editions.TRAINING_EDITIONS`),
  with :data:`SHIPPED_SETTINGS`, chosen by the mean over the leave-one-edition-out folds
  (:mod:`safeguard.chat.training.loeo`).
- Comment model: the synthetic train streams and every training edition's streams, with
  :data:`COMMENT_SETTINGS`, chosen by leave-one-edition-out.

Every edition is read through the held-out guard
(:func:`~safeguard.chat.training.editions.training_folder`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safeguard.chat.training.corpus import LabelledConversation, shipped_conversations
from safeguard.chat.training.editions import (
    TRAINING_EDITIONS,
    edition_conversations,
    edition_streams,
    synthetic_streams,
)
from safeguard.chat.training.grooming import TrainSettings

#: Copies of each hand-written conversation in the training data (leave-one-edition-out).
HAND_WRITTEN_REPEAT = 2
#: The training settings of the shipped grooming model, chosen by the mean over the
#: leave-one-edition-out folds (:mod:`safeguard.chat.training.loeo`): the message model's
#: ``C`` (0.2 beat 0.05 on the mean AUC, hard negatives alerted and typo loss) and the alert
#: threshold (the lowest whose mean share of hard negatives alerted over the folds is at most
#: 8 %).
#: Sixth round (four folds, v1-v4): grooming lines from a message probability of 0.25 (was
#: 0.35: mean recall 0.884 → 0.915, typos −7.4 → −6.0 points, the v4 fold −12.4 → −8.0, at
#: 4.8 → 6.8 % of hard negatives alerted), threshold 0.8125 (the lowest with at most 8 % on
#: the mean and no fold above 12 %).
#: Seventh round (five folds, v1-v5; the worst-fold bound tightened to 10 %, the issue's
#: target): 0.825 (mean recall 0.886 at 4.9 % of hard negatives alerted, v3 fold 8.8 %);
#: 0.8125 had the v3 fold at 10.6 %, 0.7875 (the old rule's choice) at 11.5 %.
#: Eighth round (six folds, v1-v6): one threshold for English and one for the other
#: supported languages (:func:`~safeguard.chat.training.loeo.choose_thresholds`): the other
#: languages' 0.8625 (mean 4.3 % of their hard negatives alerted, no fold above 10 %; at the
#: single threshold the v6 fold alerted on 14.3 % of them), then English 0.8 (the lowest
#: with the mean over all hard negatives at most 8 % and no fold above 10 %).
#: Ninth round (seven folds, v1-v7): emoji are tokens of the hashed features and a lexical
#: layer (``C`` 0.2) reads who writes like a suspect (mean AUC 0.971 → 0.975, worst fold
#: 0.948 → 0.953; best recall at ≤ 10 % of hard negatives per fold 0.921 → 0.933 on the
#: mean, 0.833 on the worst fold for both); the same rule chooses English 0.7625 and the
#: other languages 0.9.
SHIPPED_SETTINGS = TrainSettings(
    message_c=0.2,
    line_threshold=0.25,
    threshold=0.7625,
    other_languages=0.9,
    lexical_c=0.2,
    emoji=True,
)
#: Whether the training editions' comment streams go into the comment model's training data
#: (issue 12, sixth round onwards: yes).
COMMENT_EDITIONS = True
#: The comment model's settings (:func:`~safeguard.chat.training.comments_train.train_comments`),
#: chosen by leave-one-edition-out over the editions' streams
#: (:func:`~safeguard.chat.training.loeo.run_comments`; issue 12, seventh round): the
#: per-comment text model's ``C`` and the probability at which a comment carries
#: ``concerning_wording``; the operating point is the stream bias at which no benign
#: training stream (synthetic or edition) reaches the flag (``budget`` 0), lowered by
#: ``margin`` log-odds (the lowest margin whose mean share of benign streams flagged over
#: the folds is at most 5 % and no fold's above 10 %).
#: Eighth round (six folds, v1-v6): the same rule chose 0.25 (was 0.5 over five folds).
COMMENT_SETTINGS: dict[str, float] = {
    "text_c": 1.0,
    "text_line": 0.85,
    "budget": 0.0,
    "margin": 0.25,
}
SOURCE = "conversations_train.jsonl + editions " + "+".join(TRAINING_EDITIONS)
#: The editions whose streams train the comment model by default: v1-v6 (issue 12, ninth
#: round: the comment model is the eighth round's; retrained with v7's streams it failed
#: its reproduction test in longer test runs while passing alone, and its margin was not
#: re-chosen over seven folds, so it was not adopted).
COMMENT_TRAINING_EDITIONS: tuple[str, ...] = tuple(e for e in TRAINING_EDITIONS if e != "v7")


def grooming_training_data(
    editions: Sequence[str] | None = None,
    repeat: int = HAND_WRITTEN_REPEAT,
    root: Path | None = None,
    heldout: Sequence[Path] = (),
) -> list[LabelledConversation]:
    """The synthetic train split and ``repeat`` copies of the named editions' conversations
    (default: every training edition)."""
    names = list(TRAINING_EDITIONS) if editions is None else list(editions)
    hand = edition_conversations(names, root, heldout)
    return [*shipped_conversations("train"), *(item for _ in range(repeat) for item in hand)]


def comment_training_streams(
    editions: Sequence[str] | None = None,
    root: Path | None = None,
    heldout: Sequence[Path] = (),
) -> list[dict[str, Any]]:
    names = list(COMMENT_TRAINING_EDITIONS) if editions is None else list(editions)
    extra = edition_streams(names, root, heldout) if COMMENT_EDITIONS else []
    return [*synthetic_streams(), *extra]


def comment_operating_streams(
    editions: Sequence[str] | None = None,
    root: Path | None = None,
    heldout: Sequence[Path] = (),
) -> list[dict[str, Any]]:
    """The streams the comment model's operating point is set on: the training streams
    (synthetic and the named editions')."""
    return comment_training_streams(editions, root, heldout)

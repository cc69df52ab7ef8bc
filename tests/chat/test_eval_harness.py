"""The evaluation harness runs on the developer's examples and on a hand-written edition (the
newest training edition; the held-out one is for the lead's single run, not for tests). It
reports the figures; it does not assert the targets."""

from __future__ import annotations

from safeguard.chat.model import default_model
from safeguard.chat.training.corpus import read_labelled, shipped_conversations
from safeguard.chat.training.editions import TRAINING_EDITIONS, edition_conversations
from safeguard.chat.training.suite import (
    development_set,
    evaluate_all,
    is_hard_negative,
    table_rows,
)

SYSTEMS = {"model", "keywords", "tfidf_lr"}


def _small_train() -> list:  # type: ignore[type-arg]
    train = shipped_conversations("train")
    return train[:150] + [i for i in train if i.label][:50]


def test_the_development_set_is_labelled_and_runs_through_the_harness() -> None:
    items = list(read_labelled(development_set()))
    assert sum(i.label for i in items) >= 15
    assert sum(is_hard_negative(i) for i in items) >= 15
    result = evaluate_all(default_model(), _small_train(), {"dev": items}, perturb=["dev"])
    assert set(result["sets"]) == {"dev", "dev + typos", "dev + synonyms"}
    for systems in result["sets"].values():
        assert set(systems) >= SYSTEMS
        for name in SYSTEMS:
            summary = systems[name]["summary"]
            assert summary["n"] == len(items)
            assert 0.0 <= summary["auc"] <= 1.0
    assert len(table_rows(result)) == 9


def test_a_hand_written_edition_runs_through_the_harness() -> None:
    items = edition_conversations([list(TRAINING_EDITIONS)[-1]])
    assert items and all(i.conversation.messages for i in items)
    assert any(i.label for i in items) and any(not i.label for i in items)
    result = evaluate_all(default_model(), _small_train(), {"eval": items}, perturb=["eval"])
    summary = result["sets"]["eval"]["model"]["summary"]
    assert summary["n"] == len(items)
    assert summary["positives"] == sum(i.label for i in items)
    assert set(result["sets"]["eval"]["model"]["by_language"]) == {
        str(i.conversation.extra.get("language", "en")) for i in items
    }

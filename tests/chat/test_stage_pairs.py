"""Evidence of combined strategies: which pairs of O'Connell's stages one author has touched
(issue 12). Like every evidence feature, the pairs only grow as the author writes; the shipped
model weighs only the pairs of grooming lines (fourth round)."""

from __future__ import annotations

from safeguard.chat.conversation import Message
from safeguard.chat.features import EVIDENCE_FEATURES
from safeguard.chat.scorer import ConversationState, Scoring, step

PAIRS = [f for f in EVIDENCE_FEATURES if f.startswith("stages_") and f[-2:].isdigit()]


def _pairs_after(lines: list[str]) -> dict[str, float]:
    state = ConversationState.start()
    scoring = Scoring.default()
    for text in lines:
        step(state, Message("a", text), scoring)
    features = dict(zip(EVIDENCE_FEATURES, state.authors["a"].features(), strict=True))
    return {k: v for k, v in features.items() if k in PAIRS}


def test_there_is_a_feature_for_each_pair_of_the_four_stages() -> None:
    assert PAIRS == ["stages_12", "stages_13", "stages_14", "stages_23", "stages_24", "stages_34"]


def test_one_stage_alone_sets_no_pair() -> None:
    assert not any(_pairs_after(["how old are you?", "what school do you go to?"]).values())


def test_age_probing_then_secrecy_sets_the_access_and_exclusivity_pair() -> None:
    pairs = _pairs_after(["how old are you?", "this is our secret ok"])
    assert pairs["stages_13"] == 1.0
    assert sum(pairs.values()) == 1.0


def test_pairs_only_grow_as_the_author_writes() -> None:
    lines = ["how old are you?", "lol", "this is our secret ok", "send me a selfie", "gg"]
    before: dict[str, float] = dict.fromkeys(PAIRS, 0.0)
    for i in range(1, len(lines) + 1):
        now = _pairs_after(lines[:i])
        assert all(now[k] >= before[k] for k in PAIRS)
        before = now


def test_the_shipped_model_weighs_stage_pairs_only_over_grooming_lines() -> None:
    """Issue 12, fourth round: pairs of plain lexicon hits (a grandparent's "how old are you
    now?" and "don't tell your mum how much") made most false alerts on hand-written hard
    negatives; only the pairs of the author's grooming lines carry weight."""
    from safeguard.chat.model import default_model
    from safeguard.chat.training.grooming import UNWEIGHTED

    weights = dict(zip(EVIDENCE_FEATURES, default_model().evidence_weights, strict=True))
    assert set(PAIRS) == UNWEIGHTED
    assert all(weights[p] == 0.0 for p in PAIRS)
    assert any(weights[f"line_{p}"] > 0.0 for p in PAIRS)

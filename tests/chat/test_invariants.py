"""The scorer's invariants (issue 12, Build 1), as hypothesis property tests. Each holds for
the shipped model and for any model of the shipped structure (non-negative evidence weights,
α ≥ 0, 0 ≤ β < 1, positive calibration slope), which hypothesis draws at random."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.features import EVIDENCE_FEATURES
from safeguard.chat.model import ModelFormatError, default_model
from safeguard.chat.scorer import ConversationState, Scoring, score_conversation, step

GROOMING = [
    "how old are you?",
    "r u home alone rn",
    "dont tell ur mom we talk, its our secret",
    "send me a selfie",
    "we should meet up this weekend, i can pick you up",
    "add me on snap its more private",
    "i'll buy you robux if you want",
    "you're so mature for your age",
    "your parents don't understand you like i do",
    "come on, you promised",
    "if you don't answer i'll show everyone",
    "k33p th1s our s3cr3t",
]
BENIGN = [
    "hey",
    "what games do you play",
    "lol same",
    "did you finish the homework",
    "the new season drops friday",
    "gg",
    "i like pizza",
    "see you at practice",
]
REPLIES = ["ok", "lol", "sure", "idk", "yes", "no", "maybe", "k"]
LINES = st.sampled_from(GROOMING + BENIGN)
SUSPECT, CHILD = "a", "c"
ADULT_TO_MINOR = (Participant(SUSPECT, 41), Participant(CHILD, 12))


def _shipped() -> Scoring:
    return Scoring.default()


@st.composite
def models(draw: st.DrawFn) -> Scoring:
    """The shipped model with random evidence weights, context factors, calibration and
    lexical-layer bias."""
    base = default_model()
    weights = draw(
        st.lists(
            st.floats(0, 3, allow_nan=False),
            min_size=len(EVIDENCE_FEATURES),
            max_size=len(EVIDENCE_FEATURES),
        )
    )
    bias, a, b = draw(st.floats(-6, 0)), draw(st.floats(0.1, 3)), draw(st.floats(-2, 2))
    # The model refuses one whose risk without evidence reaches the alert threshold.
    assume(1 / (1 + math.exp(-(a * bias + b))) < base.policy.threshold)
    model = dataclasses.replace(
        base,
        evidence_bias=bias,
        evidence_weights=tuple(weights),
        context=(draw(st.floats(0.01, 2)), draw(st.floats(0.01, 0.95))),
        calibration=(a, b),
        # The lexical layer reads each message with weights of either sign; a shifted bias
        # makes many more messages count as evidence than the shipped one does.
        lexical_bias=base.lexical_bias + draw(st.floats(-3, 6)),
    )
    return Scoring.for_model(model)


SCORINGS = st.one_of(st.just(None), models())


def _risk(lines: list[str], scoring: Scoring, participants: tuple[Participant, ...] = ()) -> float:
    messages = tuple(Message(SUSPECT, t) for t in lines)
    return score_conversation(Conversation("t", participants, messages), scoring).risk


def _scoring(drawn: Scoring | None) -> Scoring:
    return drawn if drawn is not None else _shipped()


@settings(max_examples=40, deadline=None)
@given(SCORINGS, st.lists(LINES, max_size=12), st.sampled_from(GROOMING))
def test_a_grooming_message_from_the_suspect_never_lowers_risk(
    drawn: Scoring | None, lines: list[str], extra: str
) -> None:
    scoring = _scoring(drawn)
    before = _risk(lines, scoring, ADULT_TO_MINOR)
    after = _risk([*lines, extra], scoring, ADULT_TO_MINOR)
    assert after >= before


@settings(max_examples=40, deadline=None)
@given(SCORINGS, st.lists(LINES, min_size=1, max_size=10), st.data())
def test_repeating_a_message_never_lowers_risk(
    drawn: Scoring | None, lines: list[str], data: st.DataObject
) -> None:
    scoring = _scoring(drawn)
    again = data.draw(st.sampled_from(lines))
    times = data.draw(st.integers(1, 3))
    assert _risk([*lines, *[again] * times], scoring) >= _risk(lines, scoring)


@settings(max_examples=40, deadline=None)
@given(SCORINGS, st.lists(st.tuples(LINES, st.sampled_from(REPLIES)), max_size=10))
def test_one_sided_conversations_score_like_answered_ones(
    drawn: Scoring | None, turns: list[tuple[str, str]]
) -> None:
    scoring = _scoring(drawn)
    one_sided = tuple(Message(SUSPECT, t) for t, _ in turns)
    answered = tuple(m for t, r in turns for m in (Message(SUSPECT, t), Message(CHILD, r)))
    a = score_conversation(Conversation("t", ADULT_TO_MINOR, one_sided), scoring)
    b = score_conversation(Conversation("t", ADULT_TO_MINOR, answered), scoring)
    assert a.risk == b.risk
    assert (a.alert_at is None) == (b.alert_at is None)


@settings(max_examples=40, deadline=None)
@given(
    SCORINGS,
    st.lists(st.tuples(st.sampled_from([SUSPECT, CHILD]), LINES), max_size=12),
    st.lists(st.floats(0, 1e9, allow_nan=False), min_size=12, max_size=12),
)
def test_timing_changes_nothing(
    drawn: Scoring | None, turns: list[tuple[str, str]], times: list[float]
) -> None:
    """No timing feature exists, so timing alone can never raise an alert."""
    scoring = _scoring(drawn)
    plain = tuple(Message(a, t) for a, t in turns)
    timed = tuple(Message(a, t, ts) for (a, t), ts in zip(turns, times, strict=False))
    a = score_conversation(Conversation("t", ADULT_TO_MINOR, plain), scoring)
    b = score_conversation(Conversation("t", ADULT_TO_MINOR, timed), scoring)
    assert (a.risk, a.alert_at, a.signals) == (b.risk, b.alert_at, b.signals)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(BENIGN + REPLIES), max_size=12), st.floats(0, 1e6))
def test_long_gaps_between_plain_messages_raise_no_alert(lines: list[str], gap: float) -> None:
    messages = tuple(Message(SUSPECT, t, i * gap) for i, t in enumerate(lines))
    result = score_conversation(Conversation("t", ADULT_TO_MINOR, messages), _shipped())
    assert result.alert_at is None


@settings(max_examples=60, deadline=None)
@given(SCORINGS, st.lists(st.tuples(st.sampled_from([SUSPECT, CHILD]), LINES), max_size=14))
def test_every_alert_names_a_signal_at_or_before_it_and_stands_at_the_end(
    drawn: Scoring | None, turns: list[tuple[str, str]]
) -> None:
    scoring = _scoring(drawn)
    messages = tuple(Message(a, t) for a, t in turns)
    result = score_conversation(Conversation("t", ADULT_TO_MINOR, messages), scoring)
    if result.alert_at is not None:
        assert any(s.message <= result.alert_at for s in result.signals)
        assert result.level != "none"
        assert result.risk >= scoring.model.policy.threshold


@settings(max_examples=40, deadline=None)
@given(SCORINGS, st.lists(st.tuples(st.sampled_from([SUSPECT, CHILD]), LINES), max_size=12))
def test_risk_never_falls_message_by_message(
    drawn: Scoring | None, turns: list[tuple[str, str]]
) -> None:
    scoring = _scoring(drawn)
    state = ConversationState.start(ADULT_TO_MINOR)
    last = 0.0
    for author, text in turns:
        step(state, Message(author, text), scoring)
        assert state.risk >= last
        last = state.risk


@settings(max_examples=40, deadline=None)
@given(SCORINGS, st.lists(LINES, max_size=10), st.integers(11, 16), st.integers(0, 3))
def test_two_peer_minors_score_no_higher_than_an_adult_and_a_minor(
    drawn: Scoring | None, lines: list[str], age: int, apart: int
) -> None:
    scoring = _scoring(drawn)
    peers = (Participant(SUSPECT, age), Participant(CHILD, max(1, age - apart)))
    adult = (Participant(SUSPECT, 41), Participant(CHILD, max(1, age - apart)))
    peer_risk = _risk(lines, scoring, peers)
    adult_risk = _risk(lines, scoring, adult)
    assert peer_risk <= adult_risk
    if drawn is None and any(t in GROOMING for t in lines) and 0.01 < adult_risk < 0.99:
        assert peer_risk < adult_risk


def test_the_shipped_model_has_the_structure_the_invariants_need() -> None:
    model = default_model()
    assert all(w >= 0 for w in model.evidence_weights)
    alpha, beta = model.context
    assert alpha > 0 and 0 < beta < 1
    assert model.calibration[0] > 0
    assert model.policy.threshold >= 0.2


def test_a_model_with_a_negative_evidence_weight_is_refused() -> None:
    model = default_model()
    weights = list(model.evidence_weights)
    weights[0] = -0.5
    with pytest.raises(ModelFormatError, match="non-negative"):
        dataclasses.replace(model, evidence_weights=tuple(weights))

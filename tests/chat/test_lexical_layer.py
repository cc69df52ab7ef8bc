"""The lexical layer (issue 12, ninth round): a second reading of each message over the same
hashed features, trained on who wrote it (the suspect from their first grooming line on,
against every other author), whose log-odds feed two evidence features of the author that
only grow. These tests pin what keeps the issue's invariants: the features never fall, a
message without a signal never raises risk through them, the training labels leave the
suspect's opening small talk out, and the layer round-trips through the model file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.features import EVIDENCE_FEATURES, Hashing
from safeguard.chat.lexicon import default_lexicon
from safeguard.chat.model import GroomingModel, default_model
from safeguard.chat.scorer import ConversationState, Scoring, read_message, step
from safeguard.chat.training.corpus import LabelledConversation
from safeguard.chat.training.grooming import _message_matrix, _neutral

LINES = [
    "hey",
    "how old are you?",
    "dont tell ur mom we talk",
    "send me a selfie",
    "what games do you play",
    "i like pizza",
    "the new season drops friday",
    "u up? 😊",
    "k33p th1s our s3cr3t",
    "see you at practice",
]
_LEX = EVIDENCE_FEATURES.index("lexical_max"), EVIDENCE_FEATURES.index("lexical_sum")


def test_the_shipped_model_has_a_lexical_layer() -> None:
    model = default_model()
    assert model.lexical_weights
    assert model.evidence_weights[_LEX[0]] >= 0 and model.evidence_weights[_LEX[1]] >= 0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), min_size=1, max_size=25))
def test_the_lexical_features_never_fall_as_an_author_writes(lines: list[str]) -> None:
    scoring = Scoring.default()
    state = ConversationState.start()
    before = (0.0, 0.0)
    for text in lines:
        step(state, Message("a", text), scoring)
        features = state.authors["a"].features()
        now = (features[_LEX[0]], features[_LEX[1]])
        assert now[0] >= before[0] and now[1] >= before[1]
        before = now


def test_a_message_without_a_signal_never_raises_risk_through_the_layer() -> None:
    """Every hashed feature of plain messages weighted +5: their lexical evidence is large,
    but risk only moves once the author has a signal (as without the layer)."""
    base = default_model()
    scoring = Scoring.default()
    plain = ["the new season drops friday", "i like pizza", "see you at practice"]
    state = ConversationState.start()
    hashes: set[int] = set()
    for text in plain:
        hashes.update(read_message(state, text, scoring).hashes)
    people = (Participant("a", 41), Participant("c", 12))

    def risks(model: GroomingModel) -> tuple[list[float], ConversationState]:
        state = ConversationState.start(people)
        out = []
        for text in plain * 3:
            ev = step(state, Message("a", text), Scoring.for_model(model))
            assert not ev.categories
            out.append(state.risk)
        return out, state

    heavy = dataclasses.replace(base, lexical_weights={h: 5.0 for h in hashes})
    with_layer, state = risks(heavy)
    without, _ = risks(dataclasses.replace(base, lexical_weights={}))
    assert state.authors["a"].lexical_sum > 0
    assert with_layer == without
    assert state.alert_at is None
    # The first message with a signal brings the stored lexical evidence in.
    step(state, Message("a", "how old are you?"), Scoring.for_model(heavy))
    assert state.risk > with_layer[-1]


def test_the_training_labels_leave_the_suspects_opening_out() -> None:
    conversation = Conversation(
        "x",
        (Participant("g", 41), Participant("c", 12)),
        (
            Message("g", "hey how was school"),
            Message("c", "fine"),
            Message("g", "how old are you?"),
            Message("c", "12"),
            Message("g", "dont tell ur mom we talk"),
        ),
    )
    items = [
        LabelledConversation(conversation, 1, "g", frozenset({2, 4})),
        LabelledConversation(dataclasses.replace(conversation, id="y"), 0),
    ]
    hashing = Hashing()
    scoring = Scoring(_neutral(hashing), default_lexicon("en", "conversation"))
    m = _message_matrix(items, scoring, hashing)
    assert m.author.tolist() == [-1, 0, 1, 0, 1, 0, 0, 0, 0, 0]


def test_a_model_without_the_layer_reads_no_lexical_evidence() -> None:
    model = dataclasses.replace(default_model(), lexical_weights={})
    state = ConversationState.start()
    step(state, Message("a", "dont tell ur mom we talk"), Scoring.for_model(model))
    assert model.lexical_logit([1, 2, 3]) is None
    assert state.authors["a"].lexical_max == 0.0 and state.authors["a"].lexical_sum == 0.0


def test_the_lexical_layer_round_trips_through_the_model_file(tmp_path: Path) -> None:
    model = default_model()
    path = tmp_path / "m.json"
    model.save(path)
    loaded = GroomingModel.load(path)
    assert loaded.lexical_weights == model.lexical_weights
    assert loaded.lexical_bias == model.lexical_bias
    assert loaded.checksum == model.checksum


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), min_size=1, max_size=8))
def test_one_walk_reads_both_models_exactly_as_two_would(lines: list[str]) -> None:
    model = default_model()
    scoring = Scoring.default()
    state = ConversationState.start()
    for text in lines:
        hashes = read_message(state, text, scoring).hashes
        p, z = model.read(hashes)
        assert p == model.message_probability(hashes)
        assert z == model.lexical_logit(hashes)

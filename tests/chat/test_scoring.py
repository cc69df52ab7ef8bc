"""Grooming risk of conversations: signals with reasons, incremental scoring, bounded state."""

from __future__ import annotations

import json

import pytest

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.scorer import (
    ConversationScorer,
    ConversationState,
    StateError,
    score_conversation,
)
from safeguard.chat.text import MAX_MESSAGE_CHARS


def convo(lines: list[tuple[str, str]], ages: dict[str, int] | None = None) -> Conversation:
    ages = ages or {}
    authors = dict.fromkeys(a for a, _ in lines)
    return Conversation(
        "c1",
        tuple(Participant(a, ages.get(a)) for a in authors),
        tuple(Message(a, t, float(i * 30)) for i, (a, t) in enumerate(lines)),
    )


GROOMING = [
    ("a", "hey how was school"),
    ("b", "boring"),
    ("a", "how old are you btw?"),
    ("b", "12"),
    ("a", "you are so mature for your age"),
    ("a", "are you home alone? dont tell your mum we talk"),
    ("b", "ok"),
    ("a", "add me on snap, its more private"),
]

FRIENDS = [
    ("a", "did you finish the maths homework"),
    ("b", "nearly, question 4 is so hard"),
    ("a", "lol same"),
    ("b", "want to play minecraft later"),
    ("a", "yes after dinner"),
]


def test_a_grooming_conversation_is_high_risk_and_names_who_grooms_whom() -> None:
    result = score_conversation(convo(GROOMING, {"a": 41, "b": 12}))
    assert result.level in ("high", "critical")
    assert result.suspect == "a"
    assert result.target == "b"
    assert result.alert_at is not None


def test_friends_chatting_are_no_risk_and_never_alert() -> None:
    result = score_conversation(convo(FRIENDS))
    assert result.level == "none"
    assert result.alert_at is None
    assert result.suspect is None


def test_each_signal_has_category_message_index_span_and_author() -> None:
    result = score_conversation(convo(GROOMING))
    secrecy = next(s for s in result.signals if s.category == "secrecy")
    text = GROOMING[secrecy.message][1]
    assert secrecy.author == "a"
    assert text[secrecy.start : secrecy.end] == "dont tell your mum"


def test_spans_point_into_the_original_text_through_control_and_zero_width_chars() -> None:
    text = "so\u200b... h\x07ow \u043eld are you"
    result = score_conversation(convo([("a", text)]))
    (signal,) = result.signals
    assert text[signal.start : signal.end] == "h\x07ow \u043eld are you"


def test_incremental_scoring_equals_whole_conversation_scoring() -> None:
    conversation = convo(GROOMING, {"a": 41, "b": 12})
    scorer = ConversationScorer("c1", conversation.participants)
    for message in conversation.messages:
        last = scorer.add(message)
    whole = score_conversation(conversation)
    assert last.to_json() == whole.to_json()


def test_state_round_trips_through_json_between_messages() -> None:
    conversation = convo(GROOMING)
    straight = ConversationScorer("c1", conversation.participants)
    resumed_state = ConversationState.start(conversation.participants)
    for message in conversation.messages:
        expected = straight.add(message)
        resumed = ConversationScorer("c1")
        resumed.state = ConversationState.loads(resumed_state.dumps())
        got = resumed.add(message)
        resumed_state = resumed.state
        assert got == expected


def test_state_stays_under_4_kb_and_holds_no_text() -> None:
    scorer = ConversationScorer("c1")
    secret = "zebra-unique-word"
    for i in range(2000):
        author = f"user{i % 50}"
        scorer.add(Message(author, f"{secret} how old are you, dont tell anyone", float(i)))
    dumped = scorer.state.dumps()
    assert len(dumped.encode()) <= 4096
    assert secret not in dumped


def test_an_empty_conversation_scores_none_with_a_warning() -> None:
    result = score_conversation(Conversation("empty"))
    assert result.risk == 0.0
    assert result.level == "none"
    assert result.alert_at is None
    assert result.warnings == ["the conversation has no messages"]


def test_an_author_who_is_not_a_participant_is_scored_and_reported() -> None:
    conversation = Conversation(
        "c1", (Participant("a"),), (Message("a", "hi", 1.0), Message("zed", "how old are you", 2.0))
    )
    result = score_conversation(conversation)
    assert any("'zed' is not a declared participant" in w for w in result.warnings)
    assert result.signals[0].author == "zed"


def test_out_of_order_and_missing_timestamps_are_tolerated_and_the_order_reported() -> None:
    conversation = Conversation(
        "c1",
        (),
        (Message("a", "hi", 100.0), Message("b", "hello", 50.0), Message("a", "how old are you")),
    )
    result = score_conversation(conversation)
    assert any("earlier than the previous" in w for w in result.warnings)
    assert result.messages == 3


def test_a_huge_message_is_cut_and_its_spans_stay_inside_the_cap() -> None:
    text = "x " * 10_000 + "how old are you"
    result = score_conversation(convo([("a", "how old are you"), ("a", text)]))
    assert any("cut to" in w for w in result.warnings)
    assert all(s.end <= MAX_MESSAGE_CHARS for s in result.signals)


def test_a_damaged_or_foreign_state_is_refused() -> None:
    with pytest.raises(StateError):
        ConversationState.loads('{"v": 99}')
    with pytest.raises(StateError):
        ConversationState.loads("not json")
    with pytest.raises(StateError):
        ConversationState.loads(json.dumps({"v": 1, "n": "x"}))


def test_result_json_has_the_contract_fields() -> None:
    doc = score_conversation(convo(GROOMING)).to_json()
    assert {"id", "risk", "level", "signals", "alert_at"} <= set(doc)
    assert {"category", "message", "span", "author"} == set(doc["signals"][0])


def test_a_conversation_in_an_unsupported_language_is_reported_as_such_not_as_low_risk() -> None:
    dutch = [
        ("a", "hoi, hoe gaat het met je vandaag op school?"),
        ("b", "goed hoor, ik ben net thuis van de training"),
        ("a", "wat ga je dit weekend doen met je vrienden?"),
        ("b", "weet ik nog niet, misschien naar de film"),
    ]
    result = score_conversation(convo(dutch))
    assert result.language == "nl"
    assert result.supported is False
    assert result.level == "unknown"
    assert any("not supported" in w for w in result.warnings)
    doc = result.to_json()
    assert (doc["language"], doc["supported"]) == ("nl", False)


def test_a_supported_language_is_named_and_scored() -> None:
    spanish = [
        ("a", "hola, ¿cuántos años tienes? pareces muy madura"),
        ("b", "tengo 13"),
        ("a", "no le digas a tus padres que hablamos, es nuestro secreto"),
        ("a", "mándame una foto tuya y nos vemos el sábado"),
    ]
    result = score_conversation(convo(spanish))
    assert result.language == "es"
    assert result.supported is True
    assert {s.category for s in result.signals} >= {"age_probing", "secrecy"}
    assert result.alert_at is not None


def test_leetspeak_and_spacing_do_not_hide_signals() -> None:
    result = score_conversation(convo([("a", "k33p th1s our s3cr3t"), ("a", "s e n d a p i c")]))
    categories = {s.category for s in result.signals}
    assert "secrecy" in categories


def test_the_runtime_scorer_imports_neither_the_training_tools_nor_scikit_learn() -> None:
    import subprocess
    import sys

    code = (
        "import sys, safeguard.chat.scorer, safeguard.chat.open_conversations;"
        "print(sorted(m for m in sys.modules if m.startswith(('safeguard.chat.training',"
        "'sklearn', 'scipy'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

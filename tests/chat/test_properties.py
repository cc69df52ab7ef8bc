"""Properties of the text normaliser, the lexicon and the bounded state (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.conversation import Message
from safeguard.chat.lexicon import default_lexicon
from safeguard.chat.scorer import ConversationState, Scoring, score_message
from safeguard.chat.text import normalise

SCORING = Scoring.default()
WORDS = st.sampled_from(
    ["how", "old", "are", "you", "dont", "tell", "anyone", "add", "me", "on", "snap", "hi",
     "send", "a", "pic", "home", "alone", "\u043eld", "\u200b", "\x00", "é", "😀", "\n"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))


@settings(deadline=None)
@given(TEXTS)
def test_every_span_maps_inside_the_original_text(text: str) -> None:
    norm = normalise(text)
    for hit in default_lexicon().find(norm.text):
        start, end = norm.span(hit.start, hit.end)
        assert 0 <= start < end <= len(text)


@settings(deadline=None)
@given(TEXTS)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == once


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), TEXTS), max_size=30))
def test_state_survives_json_exactly_between_any_two_messages_and_stays_small(
    lines: list[tuple[str, str]],
) -> None:
    straight = ConversationState.start()
    resumed = ConversationState.start()
    for i, (author, text) in enumerate(lines):
        message = Message(author, text, float(i))
        a = score_message(straight, message, SCORING)
        resumed = ConversationState.loads(resumed.dumps())
        b = score_message(resumed, message, SCORING)
        assert a == b
    assert len(straight.dumps().encode()) <= 4096

"""A token repeated within one message counts a bounded number of times.

With emoji as tokens (ninth round), a message of one emoji repeated ("🎂" fifty times, a
birthday greeting; "🤫" two thousand times, spam) summed its weight once per copy and was
read as a grooming move: 0.80 and `critical` for fifty cakes between two adults. The bounds
(`features.TOKEN_REPEATS`, `features.EMOJI_REPEATS`) sit at or above every count in the
training data and the evaluation sets, so the trained features do not change (the golden
scores and the retraining test say so); these tests say what they bound.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.features import EMOJI_REPEATS, TOKEN_REPEATS, Hashing, message_hashes
from safeguard.chat.features import words as tokens_of
from safeguard.chat.model import default_model
from safeguard.chat.scorer import score_conversation

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
SHIPPED = Path(__file__).resolve().parents[2] / "src" / "safeguard" / "chat" / "data"


def _one_message(text: str, ages: tuple[int, int] = (34, 33)) -> Conversation:
    return Conversation(
        "repeat",
        (Participant("a", ages[0]), Participant("b", ages[1])),
        (Message("a", text, 0.0), Message("b", "ok thanks", 5.0)),
    )


@pytest.mark.parametrize("emoji", ["🎂", "🤫", "📱", "👻", "🎁"])
@pytest.mark.parametrize("copies", [10, 50, 2000])
def test_a_repeated_emoji_counts_like_its_bound(emoji: str, copies: int) -> None:
    many = score_conversation(_one_message(emoji * copies))
    bound = score_conversation(_one_message(emoji * EMOJI_REPEATS))
    assert many.risk == bound.risk
    assert many.alert_at is None


@settings(max_examples=40, deadline=None)
@given(
    word=st.sampled_from(["secret", "alone", "snap", "meet", "gift", "photo", "lol", "!"]),
    extra=st.integers(min_value=1, max_value=300),
)
def test_a_repeated_word_counts_at_most_token_repeats_times(word: str, extra: int) -> None:
    hashing = default_model().hashing
    at_bound = message_hashes(" ".join([word] * TOKEN_REPEATS), [], hashing)
    beyond = message_hashes(" ".join([word] * (TOKEN_REPEATS + extra)), [], hashing)
    # The same token and n-gram hashes; only word pairs and the length bucket may differ
    # in count, never grow without bound.
    assert set(beyond) == set(at_bound)
    assert len(beyond) <= len(at_bound) + 2


def test_fewer_repeats_than_the_bound_are_counted_as_before() -> None:
    hashing = Hashing(emoji=True)
    two, three = message_hashes("🎂🎂", [], hashing), message_hashes("🎂🎂🎂", [], hashing)
    assert len(three) > len(two)


def _max_counts(path: Path) -> tuple[int, int]:
    words = emoji = 0
    hashing = Hashing(emoji=True, lemmas=False, char_ngrams=())
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for m in record.get("messages", []) + record.get("comments", []):
            counts: dict[str, int] = {}
            for t in tokens_of(m["text"].lower(), "en", hashing):
                counts[t] = counts.get(t, 0) + 1
            for t, n in counts.items():
                if len(t) == 1 and t not in "$£€?!" and not t.isalnum():
                    emoji = max(emoji, n)
                else:
                    words = max(words, n)
    return words, emoji


def test_the_bounds_are_above_every_count_in_the_shipped_data_and_the_sets() -> None:
    files = sorted(SHIPPED.glob("conversations_*.jsonl")) + sorted(
        DATA.glob("chat_eval*/conversations_*.jsonl")
    )
    assert files
    for path in files:
        words, emoji = _max_counts(path)
        assert words <= TOKEN_REPEATS, path
        assert emoji <= EMOJI_REPEATS, path

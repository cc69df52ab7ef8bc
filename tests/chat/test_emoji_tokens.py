"""Emoji are tokens of the grooming model's hashed features (issue 12, ninth round): on the
folds, grooming written in emoji ("🎂?", "🤫🤐 just us", "📱➡️👻?") had no feature at all.
The comment model's hashing keeps its tokens (its file does not say ``emoji``)."""

from __future__ import annotations

from safeguard.chat.comments import TEXT_HASHING
from safeguard.chat.features import Hashing, message_hashes, words
from safeguard.chat.model import default_model


def test_an_emoji_is_a_token_when_the_hashing_says_so() -> None:
    assert words("🎂? ur so talented", "en", Hashing(lemmas=False, emoji=True)) == [
        "🎂",
        "?",
        "ur",
        "so",
        "talented",
    ]
    assert words("🎂? ur so talented", "en", Hashing(lemmas=False)) == ["?", "ur", "so", "talented"]


def test_messages_of_emoji_alone_differ_only_with_emoji_tokens() -> None:
    plain, emoji = Hashing(), Hashing(emoji=True)
    assert message_hashes("🎂❓", [], plain) == message_hashes("🤫🤐", [], plain)
    assert message_hashes("🎂❓", [], emoji) != message_hashes("🤫🤐", [], emoji)


def test_emoji_tokens_round_trip_and_old_files_read_without_them() -> None:
    assert Hashing.from_json(Hashing(emoji=True).to_json()) == Hashing(emoji=True)
    assert "emoji" not in Hashing().to_json()
    assert Hashing.from_json({"bits": 18, "word_ngrams": 2}).emoji is False


def test_the_shipped_grooming_model_reads_emoji_and_the_comment_model_does_not() -> None:
    assert default_model().hashing.emoji
    assert not TEXT_HASHING.emoji

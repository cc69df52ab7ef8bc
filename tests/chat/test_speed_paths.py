"""The shortcuts that keep per-message scoring fast give the answers of the slow paths:
plainly English messages skip the language classifier only where it would say English, a
conversation stops asking once its language is settled, and the cached feature hashing
gives the same features as hashing every word afresh."""

from __future__ import annotations

import itertools
import re
import zlib

import pytest

from safeguard.chat import language
from safeguard.chat.conversation import Message
from safeguard.chat.features import Hashing, message_hashes
from safeguard.chat.language import ENGLISH_CONFIDENCE, LanguageGuess, identify
from safeguard.chat.normalise import lemma, normalise
from safeguard.chat.scorer import ConversationState, Scoring, step
from safeguard.chat.training.corpus import shipped_conversations


def _classifier(text: str) -> str:
    return str(language._identifier().classify(text[: language.MAX_CHARS])[0])


def test_plainly_english_messages_skip_the_classifier(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the classifier was asked")

    monkeypatch.setattr(language, "_identifier", refuse)
    assert identify("what are you doing this weekend") == LanguageGuess("en", ENGLISH_CONFIDENCE)


@pytest.mark.parametrize(
    "text",
    [
        "co robisz dzisiaj po szkole",
        "was machst du heute nach der schule",
        "cosa fai oggi dopo la scuola",
    ],
)
def test_other_languages_still_go_to_the_classifier(text: str) -> None:
    guess = identify(text)
    assert guess is not None and guess.language != "en"


def test_the_shortcut_agrees_with_the_classifier_on_the_test_split() -> None:
    shortcut = 0
    for item in shipped_conversations("test")[:400]:
        for m in item.conversation.messages:
            text = normalise(m.text).text
            guess = identify(text)
            if guess is not None and guess.confidence == ENGLISH_CONFIDENCE:
                shortcut += 1
                assert _classifier(text) == "en", text
    assert shortcut > 100


def test_a_settled_conversation_stops_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = language.identify

    def counted(text: str, letters: int | None = None) -> LanguageGuess | None:
        calls.append(text)
        return real(text, letters)

    monkeypatch.setattr(language, "identify", counted)
    state = ConversationState.start()
    scoring = Scoring.default()
    for i in range(15):
        step(state, Message("a", f"co robisz dzisiaj po szkole, kolego numer {i}?"), scoring)
    # One strong vote (a long message the classifier is sure of) settles it; the next vote
    # is at message 16.
    assert len(calls) == 1
    assert state.language() is not None and state.language().language == "pl"  # type: ignore[union-attr]


def _reference_hashes(text: str, categories: list[str], hashing: Hashing, lang: str) -> list[int]:
    """The features written out plainly, without the per-token cache."""
    mask = (1 << hashing.bits) - 1
    crc = zlib.crc32
    raw = re.findall(r"[^\W_]+(?:'[^\W_]+)*|[$£€?!]", text)
    tokens = [lemma(t, lang) if t.isalpha() else t for t in raw]
    out = [crc(t.encode()) & mask for t in tokens]
    out += [crc(f"{a} {b}".encode()) & mask for a, b in itertools.pairwise(tokens)]
    for n in hashing.char_ngrams:
        for t in raw:
            if len(t) >= n - 1:
                padded = f"<{t}>"
                out += [
                    crc(f"\x01{padded[i : i + n]}".encode()) & mask
                    for i in range(len(padded) - n + 1)
                ]
    out += [crc(f"\x00cat:{c}".encode()) & mask for c in categories]
    bucket = 0 if len(tokens) < 3 else 1 if len(tokens) < 8 else 2 if len(tokens) < 20 else 3
    out.append(crc(f"\x00len:{bucket}".encode()) & mask)
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("dont tell your mum we talk, its our secret!", "en"),
        ("no le digas a tu madre que hablamos", "es"),
        ("$50 for you ok?", "en"),
        ("", "en"),
    ],
)
def test_cached_hashing_gives_the_same_features(text: str, lang: str) -> None:
    hashing = Hashing()
    got = message_hashes(text, ["secrecy"], hashing, lang)
    assert sorted(got) == sorted(_reference_hashes(text, ["secrecy"], hashing, lang))

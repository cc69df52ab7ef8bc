"""Language identification of messages and conversations (py3langid's shipped model)."""

from __future__ import annotations

import pytest

from safeguard.chat.language import LanguageVotes, conversation_language, identify


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("what are you doing after school today", "en"),
        ("¿qué vas a hacer después del colegio hoy?", "es"),
        ("qu'est-ce que tu fais après l'école aujourd'hui", "fr"),
        ("was machst du heute nach der schule", "de"),
        ("o que você vai fazer depois da escola hoje", "pt"),
        ("cosa fai oggi dopo la scuola", "it"),
        ("co robisz dzisiaj po szkole", "pl"),
        ("ce faci astăzi după școală", "ro"),
    ],
)
def test_supported_languages_are_identified(text: str, language: str) -> None:
    guess = identify(text)
    assert guess is not None
    assert guess.language == language
    assert guess.supported


def test_short_messages_do_not_vote() -> None:
    assert identify("ok") is None
    assert identify("lol :)") is None


def test_an_unsupported_language_is_recognised_as_such() -> None:
    guess = conversation_language(
        ["hoi, hoe gaat het met je vandaag?", "goed hoor, ik ben net thuis van school", "leuk!"]
    )
    assert guess is not None
    assert guess.language == "nl"
    assert not guess.supported


def test_conversation_language_is_the_vote_of_its_messages() -> None:
    votes = LanguageVotes()
    for text in ["hey", "what games do you play these days", "ok", "minecraft mostly, and you?"]:
        votes.add(text)
    best = votes.best()
    assert best is not None and best.language == "en"
    assert LanguageVotes.unpack(votes.pack()) == votes


def test_no_votes_means_undecided() -> None:
    assert conversation_language(["ok", "k", ":)"]) is None

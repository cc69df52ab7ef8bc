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


def _reference() -> object:
    """py3langid's own classifier, set up as :func:`safeguard.chat.language._identifier`."""
    from py3langid import langid

    from safeguard.chat.language import OTHERS, SUPPORTED

    ident = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    ident.set_languages([*SUPPORTED, *OTHERS])
    return ident


def test_the_compiled_walk_gives_py3langid_answers_bit_for_bit() -> None:
    """Issue 12, sixth round: the compiled byte walk (langid_kernel) must not move any score:
    the same language and the same float confidence as py3langid on every message of the
    synthetic test split and on random text in the supported alphabets."""
    import random

    from safeguard.chat.langid_kernel import fast_identifier
    from safeguard.chat.language import MAX_CHARS
    from safeguard.chat.normalise import normalise
    from safeguard.chat.training.corpus import shipped_conversations

    reference = _reference()
    fast = fast_identifier(reference)
    if fast is None:
        pytest.skip("numba not installed: py3langid itself classifies")
    texts = [
        normalise(m.text).text[:MAX_CHARS]
        for item in shipped_conversations("test")
        for m in item.conversation.messages
    ]
    rnd = random.Random(12)
    alphabet = "abcdefghijklmnopqrstuvwxyząęółżźćńśăîâșțéèêàçüöäßñ ABCXYZ 0123!?'"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 200))) for _ in range(500)]
    texts += ["", "   ", "HELLO THERE FRIEND", "ok ok ok ok ok ok ok ok"]
    differ = [t for t in texts if fast.classify(t) != reference.classify(t)]  # type: ignore[attr-defined]
    assert not differ, differ[:3]


def test_without_the_kernel_py3langid_classifies(monkeypatch: pytest.MonkeyPatch) -> None:
    from safeguard.chat import langid_kernel

    langid_kernel._compiled.cache_clear()
    monkeypatch.setenv("SAFEGUARD_LANGID_KERNEL", "python")
    try:
        assert langid_kernel.fast_identifier(_reference()) is None
    finally:
        langid_kernel._compiled.cache_clear()


@pytest.mark.parametrize(
    "text", ["", "ok", "hey what are you doing? 123 :)", "zażółć gęślą jaźń", "ÀB c_d-e", "\t\n"]
)
def test_letters_are_counted_as_str_isalpha_counts_them(text: str) -> None:
    from safeguard.chat.language import letters_in

    assert letters_in(text) == sum(map(str.isalpha, text))

"""Lexicons of every supported language: complete, well formed, and finding each category's
wording with and without diacritics, including phrasings the generators never write."""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.lexicon import default_lexicon
from safeguard.chat.taxonomy import CONVERSATION_CATEGORIES
from safeguard.chat.text import normalise

LANGUAGES = ("en", "es", "fr", "pl", "de", "it", "pt", "ro")

# One sentence per category and language, written for this test (not by a generator).
EXAMPLES: dict[str, dict[str, str]] = {
    "en": {
        "age_probing": "btw what age are u",
        "personal_info": "whereabouts do you live",
        "flattery_romance": "you're honestly so mature",
        "gifts_money": "let me buy you the new skin",
        "isolation": "before involving your parents, talk to me",
        "secrecy": "this is between the two of us",
        "risk_assessment": "is anyone else home with you",
        "platform_move": "add me on another app",
        "photo_camera": "can you hop on facetime",
        "meeting": "we should meet irl",
        "pressure": "you said you would, don't leave me hanging",
        "threats_extortion": "i'll share the screenshots with your school",
    },
    "es": {
        "age_probing": "y tú cuántos años tienes",
        "personal_info": "en qué barrio vives",
        "flattery_romance": "eres tan madura",
        "gifts_money": "te compro unos robux",
        "isolation": "no hace falta que metas a tus padres",
        "secrecy": "esto queda entre tú y yo",
        "risk_assessment": "hay alguien en casa contigo",
        "platform_move": "escríbeme por telegram",
        "photo_camera": "pon la cámara un momento",
        "meeting": "quedamos mañana en el parque",
        "pressure": "venga, me lo prometiste",
        "threats_extortion": "te vas a arrepentir",
    },
    "fr": {
        "age_probing": "t'as quel âge au fait",
        "personal_info": "t'habites où exactement",
        "flattery_romance": "t'es trop mignonne",
        "gifts_money": "je t'offre une carte cadeau",
        "isolation": "personne te comprend comme moi",
        "secrecy": "ça reste entre nous",
        "risk_assessment": "t'es seule chez toi ?",
        "platform_move": "ajoute-moi sur snap",
        "photo_camera": "allume ta cam",
        "meeting": "on pourrait se voir samedi",
        "pressure": "allez, fais-le",
        "threats_extortion": "je sais où tu habites",
    },
    "pl": {
        "age_probing": "a ile ty masz lat",
        "personal_info": "gdzie mieszkasz dokładnie",
        "flattery_romance": "jesteś taka śliczna",
        "gifts_money": "kupię ci robuxy",
        "isolation": "tylko ja cię rozumiem",
        "secrecy": "to nasza tajemnica",
        "risk_assessment": "jesteś sama w domu?",
        "platform_move": "dodaj mnie na snapie",
        "photo_camera": "włącz kamerkę",
        "meeting": "spotkajmy się jutro",
        "pressure": "no weź, obiecałaś",
        "threats_extortion": "pożałujesz tego",
    },
    "de": {
        "age_probing": "wie alt bist du denn",
        "personal_info": "wo wohnst du genau",
        "flattery_romance": "du bist echt hübsch",
        "gifts_money": "ich kauf dir robux",
        "isolation": "niemand versteht dich so wie ich",
        "secrecy": "das bleibt unter uns",
        "risk_assessment": "bist du allein zu hause",
        "platform_move": "schreib mich auf whatsapp an",
        "photo_camera": "mach mal die kamera an",
        "meeting": "wollen wir uns am samstag treffen",
        "pressure": "komm schon, du hast es versprochen",
        "threats_extortion": "das wirst du bereuen",
    },
    "it": {
        "age_probing": "ma tu quanti anni hai",
        "personal_info": "dove abiti di preciso",
        "flattery_romance": "sei bellissima",
        "gifts_money": "ti compro dei robux",
        "isolation": "solo io ti capisco",
        "secrecy": "resta tra noi",
        "risk_assessment": "sei sola a casa?",
        "platform_move": "scrivimi su whatsapp",
        "photo_camera": "accendi la cam",
        "meeting": "vediamoci sabato",
        "pressure": "dai, me l'avevi promesso",
        "threats_extortion": "te ne pentirai",
    },
    "pt": {
        "age_probing": "e você tem quantos anos",
        "personal_info": "onde você mora",
        "flattery_romance": "você é linda",
        "gifts_money": "te dou uns robux",
        "isolation": "só eu te entendo",
        "secrecy": "fica entre nós",
        "risk_assessment": "tá sozinha em casa?",
        "platform_move": "me chama no zap",
        "photo_camera": "liga a câmera",
        "meeting": "a gente podia se ver amanhã",
        "pressure": "você prometeu",
        "threats_extortion": "vai se arrepender",
    },
    "ro": {
        "age_probing": "tu câți ani ai",
        "personal_info": "unde locuiești",
        "flattery_romance": "ești foarte frumoasă",
        "gifts_money": "îți cumpăr robux",
        "isolation": "doar eu te înțeleg",
        "secrecy": "rămâne între noi",
        "risk_assessment": "ești singură acasă?",
        "platform_move": "adaugă-mă pe whatsapp",
        "photo_camera": "pornește camera",
        "meeting": "hai să ne vedem mâine",
        "pressure": "mi-ai promis",
        "threats_extortion": "o să regreți",
    },
}


def _bare(text: str) -> str:
    text = text.replace("ł", "l").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _found(language: str, text: str) -> set[str]:
    return {h.category for h in default_lexicon(language).find(normalise(text).text)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_conversation_category(language: str) -> None:
    assert set(default_lexicon(language).categories) == set(CONVERSATION_CATEGORIES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_pattern_matches_an_empty_string_or_has_named_groups(language: str) -> None:
    folder = resources.files("safeguard.chat") / "lexicons" / language
    for path in folder.iterdir():
        doc = json.loads(path.read_text(encoding="utf-8"))
        for p in doc["patterns"]:
            assert re.fullmatch(p, "") is None, (path.name, p)
            assert "(?P<" not in p, (path.name, p)


@pytest.mark.parametrize(
    ("language", "category"),
    [(lang, cat) for lang in LANGUAGES for cat in CONVERSATION_CATEGORIES],
)
def test_each_category_is_found_with_and_without_diacritics(language: str, category: str) -> None:
    text = EXAMPLES[language][category]
    assert category in _found(language, text), text
    assert category in _found(language, _bare(text)), _bare(text)


def test_romanian_cedilla_letters_match_like_comma_letters() -> None:
    assert "risk_assessment" in _found("ro", "eşti singură acasă?")


def test_a_bare_else_is_not_a_threat() -> None:
    assert "threats_extortion" not in _found("en", "anything else you want from the shop?")
    assert "threats_extortion" in _found("en", "do it or else")


def test_a_word_starting_with_a_non_ascii_letter_can_start_a_match() -> None:
    assert "photo_camera" in _found("pl", "włącz kamerkę")
    assert "secrecy" in _found("ro", "șterge conversația")


def _reference_find(language: str, text: str) -> list[tuple[str, int, int]]:
    """The plain definition: one alternation of every pattern, tried at every word start."""
    from safeguard.chat.lexicon import _spaces

    lex = default_lexicon(language)
    parts = [
        f"(?P<{c.name}>{'|'.join(f'(?:{_spaces(p)})' for p in c.patterns)})"
        for c in lex.categories.values()
    ]
    regex = re.compile(r"(?<![^\W_])(?=[^\W_]|[$£€])(?:" + "|".join(parts) + ")")
    return [
        (m.lastgroup or "", m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()
    ]


_FRAGMENTS = [t for lang in EXAMPLES.values() for t in lang.values()] + [
    "ok",
    "lol",
    "😊",
    "?",
    "  ",
    "£5",
    "$20 on paypal",
    "ça",
    "żeby",
    "1v1",
]


@settings(max_examples=200, deadline=None)
@given(
    language=st.sampled_from(LANGUAGES),
    pieces=st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), max_size=6),
)
def test_the_per_character_dispatch_finds_what_one_big_alternation_finds(
    language: str, pieces: list[str]
) -> None:
    text = normalise(" ".join(pieces)).text
    found = [(h.category, h.start, h.end) for h in default_lexicon(language).find(text)]
    assert found == _reference_find(language, text)


def test_patterns_starting_with_a_class_or_maybe_empty_are_tried_everywhere() -> None:
    from safeguard.chat.pattern_starts import first_chars

    assert first_chars(r"(?:you|u) said") == frozenset("yu")
    assert first_chars(r"\bhurry up") == frozenset("h")
    assert first_chars(r"(?:i )?thought") == frozenset("it")
    assert first_chars(r"c[âa]ți") == frozenset("c")
    assert first_chars(r"\w+ test") is None
    assert first_chars(r"(?:x)?") is None


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_accented_letter_also_accepts_its_bare_form(language: str) -> None:
    from safeguard.chat.training.lexicon_patterns import unguarded_accents

    folder = resources.files("safeguard.chat") / "lexicons" / language
    for path in folder.iterdir():
        for p in json.loads(path.read_text(encoding="utf-8"))["patterns"]:
            assert not unguarded_accents(p), (path.name, p, unguarded_accents(p))


def test_accent_tolerant_patterns_match_text_with_and_without_accents() -> None:
    from safeguard.chat.training.lexicon_patterns import accent_tolerant, unguarded_accents

    pattern = accent_tolerant("cuántos años (?:tienes|tenés)")
    assert not unguarded_accents(pattern)
    for text in ("cuántos años tienes", "cuantos anos tienes", "cuantos años tenes"):
        assert re.fullmatch(pattern, text), text
    assert re.fullmatch(accent_tolerant("ești singură"), "eşti singura")
    assert unguarded_accents("cuántos") == ["á"]


def test_an_optional_group_does_not_demand_a_trailing_space() -> None:
    from safeguard.chat.lexicon import _spaces
    from safeguard.chat.training.lexicon_patterns import optional_spaces

    pattern = _spaces(optional_spaces("sei sola (?:a casa|in casa)?"))
    assert re.fullmatch(pattern, "sei sola")
    assert re.fullmatch(pattern, "sei sola a casa")

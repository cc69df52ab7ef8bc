"""Writing styles applied to generated lines, identically in both classes: plain, slang,
typos, leetspeak, emoji, and accents dropped, as people type in chats."""

from __future__ import annotations

import random
import re
import unicodedata

_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
_EMOJI = (
    "😂",
    "😊",
    "😉",
    "😘",
    "🙂",
    "🥺",
    "😅",
    "🔥",
    "💯",
    "❤️",
    "🤫",
    "😏",
    "👀",
    "🎮",
    "🙏",
    "😭",
)
_LAUGH = {
    "en": ("lol", "haha", "lmao"),
    "es": ("jaja", "jajaja", "xd"),
    "pt": ("kkk", "haha", "rsrs"),
    "fr": ("mdr", "ptdr", "xd"),
    "de": ("haha", "xD", "lol"),
    "it": ("ahah", "ahahah", "xd"),
    "pl": ("haha", "xd", "hehe"),
    "ro": ("haha", "=))", "xd"),
}
_EN_SLANG = (
    (r"\byou\b", "u"),
    (r"\byour\b", "ur"),
    (r"\byou're\b", "ur"),
    (r"\bare\b", "r"),
    (r"\bplease\b", "pls"),
    (r"\bbecause\b", "cuz"),
    (r"\bokay\b", "k"),
    (r"\bwant to\b", "wanna"),
    (r"\bgoing to\b", "gonna"),
    (r"\bright now\b", "rn"),
    (r"\bto be honest\b", "tbh"),
    (r"\bthanks\b", "thx"),
)


def strip_diacritics(text: str) -> str:
    """ł and ß have no combining form; everything else loses its accents by decomposition."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def cedilla(text: str) -> str:
    """Romanian ș/ț as many keyboards still type them (ş/ţ, with a cedilla)."""
    return text.replace("ș", "ş").replace("ț", "ţ")


# A typo must not turn a word into one of these ("sexto ano" minus a "t"): the corpus
# never contains sexual vocabulary, in any language.
_NEVER_WORDS = frozenset(
    [
        "sex",
        "sexo",
        "sexe",
        "seks",
        "sexy",
        "nude",
        "nudes",
        "naked",
        "nackt",
        "nua",
        "nuda",
        "nudo",
        "nue",
        "nago",
        "naga",
        "porn",
        "porno",
    ]
)


def _typos(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    out = []
    for w in words:
        if len(w) > 3 and w.isalpha() and rng.random() < 0.22:
            i = rng.randrange(1, len(w) - 1)
            kind = rng.random()
            if kind < 0.35:
                typo = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            elif kind < 0.7:
                typo = w[:i] + w[i + 1 :]
            else:
                typo = w[:i] + w[i] + w[i:]
            if strip_diacritics(typo.lower()) not in _NEVER_WORDS:
                w = typo
        out.append(w)
    return " ".join(out)


def _leet(rng: random.Random, text: str) -> str:
    """Some words, some of their letters: "h0w old r u", "s3nd a p1c"."""
    words = []
    for w in text.split(" "):
        if rng.random() < 0.6:
            w = "".join(_LEET[c] if c in _LEET and rng.random() < 0.6 else c for c in w)
        words.append(w)
    return " ".join(words)


def _slang(rng: random.Random, text: str, language: str) -> str:
    text = text.lower().rstrip(".!")
    if language == "en":
        for pattern, short in _EN_SLANG:
            if rng.random() < 0.8:
                text = re.sub(pattern, short, text)
    if rng.random() < 0.3:
        text += " " + rng.choice(_LAUGH.get(language, _LAUGH["en"]))
    return text


def _stretch(rng: random.Random, text: str) -> str:
    """One vowel held for effect ("sooo", "pleeease")."""
    spots = [m.start() for m in re.finditer(r"[aeiou]\b|[aeiou](?=[a-z])", text)]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[: i + 1] + text[i] * rng.randint(1, 3) + text[i + 1 :]


def apply(rng: random.Random, style: str, text: str, language: str = "en") -> str:
    if style == "slang":
        text = _slang(rng, text, language)
    elif style == "typos":
        text = _typos(rng, text.lower() if rng.random() < 0.7 else text)
    elif style == "leetspeak":
        text = _leet(rng, text.lower())
    elif style == "emoji":
        text = text + " " + "".join(rng.choices(_EMOJI, k=rng.randint(1, 3)))
        if rng.random() < 0.3:
            text = rng.choice(_EMOJI) + " " + text
    else:
        r = rng.random()
        if r < 0.25:
            text = text[:1].upper() + text[1:]
        elif r < 0.35:
            text = text.lower().rstrip("?.!")
    if style != "leetspeak" and rng.random() < 0.06:
        text = _stretch(rng, text)
    return text

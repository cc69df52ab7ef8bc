"""Perturbed copies of a labelled set, made by code (seeded, so every run is the same):

- **typos**: in every message, each word of four or more letters is, with probability
  :data:`TYPO_RATE`, given one slip: two neighbouring letters swapped, a letter dropped, a
  letter doubled or a letter replaced by a neighbour on the keyboard;
- **synonyms**: words and phrases replaced by others of the same meaning
  (:data:`SYNONYMS`, per language; written for this purpose, not taken from the lexicons).

Labels, authors and line indices are unchanged; only the texts differ."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from safeguard.chat.conversation import Message
from safeguard.chat.training.corpus import LabelledConversation

TYPO_RATE = 0.15
_KEYBOARD = {
    "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}  # fmt: skip

SYNONYMS: dict[str, dict[str, str]] = {
    "en": {
        "how old are you": "what age are you",
        "how old r u": "wat age r u",
        "secret": "private thing",
        "don't tell": "don't mention it to",
        "dont tell": "dont say anything to",
        "parents": "folks",
        "mum": "mother",
        "mom": "mother",
        "dad": "father",
        "photo": "snap",
        "picture": "pic",
        "pic": "image",
        "selfie": "photo of yourself",
        "camera": "webcam",
        "cam": "video",
        "meet": "get together",
        "meet up": "link up",
        "alone": "by yourself",
        "home alone": "on your own at home",
        "delete": "erase",
        "send": "share",
        "gift": "present",
        "buy you": "get you",
        "special": "one of a kind",
        "mature": "grown up",
        "beautiful": "gorgeous",
        "pretty": "cute",
        "address": "where you live",
        "school": "class",
        "number": "digits",
        "snapchat": "snap",
        "whatsapp": "wa",
        "promise": "swear",
        "nobody": "no one",
        "anyone": "anybody",
        "hurry": "quick",
        "friends": "mates",
    },
    "es": {
        "secreto": "algo privado",
        "no le digas": "no le cuentes",
        "padres": "papás",
        "foto": "imagen",
        "sola": "solita",
        "solo": "solito",
        "cuántos años tienes": "qué edad tienes",
        "vernos": "quedar",
        "regalo": "detalle",
    },
    "fr": {
        "secret": "truc privé",
        "ne dis rien": "ne raconte rien",
        "parents": "darons",
        "photo": "image",
        "seule": "toute seule",
        "quel âge as-tu": "t'as quel âge",
        "se voir": "se rejoindre",
        "cadeau": "petit présent",
    },
}


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[: i + 1] + word[i] + word[i + 1 :]
    near = _KEYBOARD.get(word[i].lower())
    return word[:i] + (rng.choice(near) if near else word[i]) + word[i + 1 :]


_WORD = re.compile(r"[^\W\d_]{4,}")


def typos(text: str, rng: random.Random) -> str:
    return _WORD.sub(
        lambda m: _typo(m.group(), rng) if rng.random() < TYPO_RATE else m.group(), text
    )


def _synonym_regex(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b", re.IGNORECASE)


_SYN_REGEX = {lang: _synonym_regex(t) for lang, t in SYNONYMS.items()}


def synonyms(text: str, language: str) -> str:
    table = SYNONYMS.get(language)
    if table is None:
        return text
    return _SYN_REGEX[language].sub(lambda m: table[m.group().lower()], text)


def _language(item: LabelledConversation) -> str:
    value = item.conversation.extra.get("language")
    return value if isinstance(value, str) else "en"


def _map(
    items: Sequence[LabelledConversation], fn: Callable[[LabelledConversation, str], str]
) -> list[LabelledConversation]:
    out = []
    for item in items:
        messages = tuple(
            Message(m.author, fn(item, m.text), m.ts) for m in item.conversation.messages
        )
        out.append(replace(item, conversation=replace(item.conversation, messages=messages)))
    return out


def with_typos(items: Sequence[LabelledConversation], seed: int = 12) -> list[LabelledConversation]:
    rng = random.Random(seed)
    return _map(items, lambda _item, text: typos(text, rng))


def with_synonyms(items: Sequence[LabelledConversation]) -> list[LabelledConversation]:
    return _map(items, lambda item, text: synonyms(text, _language(item)))

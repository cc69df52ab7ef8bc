"""Text as the detectors read it, with the usual evasion tricks undone.

:func:`normalise` does what :func:`safeguard.chat.text.normalise` does (cap, NFKC, lower
case, control and zero-width characters removed, Cyrillic/Greek look-alikes folded) and then
undoes the tricks people use to slip words past a word list:

- **leetspeak** inside words: ``s3cr3t`` → ``secret``, ``h0me 4l0ne`` → ``home alone``,
  ``m@ke`` → ``make``, ``$kype`` → ``skype``. Numbers stay numbers (``12``, ``14yo``, ``$50``,
  ``3pm``): a character is only read as a letter inside a token that also holds letters and
  is not a number with a unit.
- **repeated letters**: ``pleeeease`` → ``please``, ``sooo`` → ``so`` (a run of three or more
  becomes two letters when that spelling is a known word, else one).
- **spaced and dotted letters**: ``s e c r e t``, ``m.e.e.t``, ``s-e-c-r-e-t`` → one word.
- **symbols inside words**: ``se*cret``, ``sec_ret`` → ``secret``.

Every character of the result keeps the index of the character it came from, so a
detection's span still points into the text the user sent (:meth:`NormalText.span`).
:func:`tokens` and :func:`lemmas` give the words of a normalised text and their dictionary
forms (``simplemma``, cached), which the message model and the semantic layer use.

This module is shared by the conversation scorer and the livestream comment scorer."""

from __future__ import annotations

import re
from functools import lru_cache

from safeguard.chat.text import MAX_MESSAGE_CHARS, NormalText, new_normal_text
from safeguard.chat.text import normalise as clean

__all__ = ["MAX_MESSAGE_CHARS", "NormalText", "lemma", "lemmas", "normalise", "tokens"]

_LEET = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "l",
}
# Numbers with a unit or an ordinal are numbers, not leetspeak: 12, 14yo, 3pm, 2nd, 10k, 5x.
_NUMBER = re.compile(
    r"[$£€]?\d+(?:[.,]\d+)?(?:yo|y/o|yr|yrs|y|am|pm|k|m|st|nd|rd|th|s|h|hr|hrs|min|mins|x|"
    r"gb|mb|kg|cm|km|lbs?|eur|usd|p|g)?"
)
_TRIPLE = re.compile(r"([^\W\d_])\1{2,}")
# Three or more single letters joined by one separator each ("s e c r e t", "m.e.e.t").
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .\-_*·•]){2,}[^\W\d_](?![^\W_])")
# A symbol that splits a word in two: se*cret, sec_ret, se.cret (not a sentence stop).
# (The symbol first, then the look-behind: the regex engine skips to the symbols.)
_SPLIT = re.compile(r"[*_~^](?<=[^\W\d_]{2}[*_~^])(?=[^\W\d_]{2})")
# A message with none of these needs no undoing (a trick character, a letter three times,
# the start of a spaced-out word).
_TRICK_CHARS = re.compile(r"[0-9@$!|*_~^]")
_TRICK_TRIPLE = re.compile(r"([^\W\d_])\1\1")
_TRICK_SPACED = re.compile(r"(?:^|\W)[^\W\d_][ .\-·•][^\W\d_][ .\-·•]")
_LEET_CHARS = frozenset(_LEET)
_ANY_LEET = re.compile(r"[013457@$!|]")
# A run of letters, digits and leet symbols; the candidates for undoing leetspeak.
_TOKEN_RUN = re.compile(r"(?:[^\W_]|[@$!|])+")
# Every _SPACED match holds a letter between two separators: without one, no need to look.
_SPACED_HINT = re.compile(r"[ .\-_*·•][^\W\d_][ .\-_*·•]")
# Short words often follow each other in plain chat ("i m a", "u r a"): a run joined by
# spaces must have at least this many letters to be read as one spaced-out word.
_SPACED_MIN_LETTERS = 4


def normalise(raw: str, max_chars: int = MAX_MESSAGE_CHARS) -> NormalText:
    """The cleaned text with evasion tricks undone, and the map back to ``raw``."""
    base = clean(raw, max_chars)
    text = base.text
    # _TRICKS in three searches, the cheapest first (most tricky chat has a digit).
    if not (_TRICK_CHARS.search(text) or _TRICK_TRIPLE.search(text) or _TRICK_SPACED.search(text)):
        return base
    index = base.index if base.index is not None else range(len(text))
    drop = _spacing_drops(text)
    drop.extend(m.start() for m in _SPLIT.finditer(text))
    out = _leet_undone(text)
    if drop:
        keep = [True] * len(text)
        for i in drop:
            keep[i] = False
        out_index = [i for i, k in zip(index, keep, strict=True) if k]
        out = "".join([c for c, k in zip(out, keep, strict=True) if k])
    else:
        if not _TRIPLE.search(out):
            return new_normal_text(out, tuple(index), base.truncated)
        out_index = list(index)
    out, out_index = _squeeze_repeats(out, out_index)
    return new_normal_text(out, tuple(out_index), base.truncated)


def _spacing_drops(text: str) -> list[int]:
    """The separators of spaced-out words ("s e c r e t", "m.e.e.t"), to be dropped."""
    drops: list[int] = []
    if not _SPACED_HINT.search(text):
        return drops
    for m in _SPACED.finditer(text):
        letters = (m.end() - m.start() + 1) // 2
        seps = {text[i] for i in range(m.start() + 1, m.end(), 2)}
        # "i m a" and "u r a" are words; a spaced run needs four letters, a dotted one three.
        if seps == {" "} and letters < _SPACED_MIN_LETTERS:
            continue
        drops.extend(range(m.start() + 1, m.end(), 2))
    return drops


def _leet_undone(text: str) -> str:
    """``text`` with leetspeak read as letters, one character for one (so the map back to
    the original needs no change)."""
    chars: list[str] | None = None
    if not _ANY_LEET.search(text):
        return text
    for m in _TOKEN_RUN.finditer(text):
        token = m.group()
        if _LEET_CHARS.isdisjoint(token):
            continue
        if token.isdigit() or not any(c.isalpha() for c in token) or _NUMBER.fullmatch(token):
            continue
        address = text[m.end() : m.end() + 1] == "."
        for j, c in enumerate(token):
            mapped = _LEET.get(c)
            if mapped is None:
                continue
            if c == "@" and (j == 0 or address):
                continue  # "@name" handles and "me@mail.com" addresses keep their @
            if c in "!|$" and not (
                j + 1 < len(token) and token[j + 1].isalpha() and (j == 0 or token[j - 1].isalpha())
            ):
                continue  # "wow!!" and "cash$" end a word; a letter stands between letters
            if chars is None:
                chars = list(text)
            chars[m.start() + j] = mapped
    return text if chars is None else "".join(chars)


def _squeeze_repeats(text: str, index: list[int]) -> tuple[str, list[int]]:
    if not _TRIPLE.search(text):
        return text, index
    out: list[str] = []
    out_index: list[int] = []
    pos = 0
    for m in _TRIPLE.finditer(text):
        out.append(text[pos : m.start()])
        out_index.extend(index[pos : m.start()])
        word_start = m.start()
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word_end = m.end()
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        letter = m.group(1)
        double = text[word_start : m.start()] + letter * 2 + text[m.end() : word_end]
        n = 2 if _known(double) else 1
        out.append(letter * n)
        out_index.extend(index[m.start() : m.start() + n])
        pos = m.end()
    out.append(text[pos:])
    out_index.extend(index[pos:])
    return "".join(out), out_index


@lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    import simplemma

    return any(simplemma.is_known(word, lang=lang) for lang in ("en",))


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def tokens(text: str) -> list[str]:
    """The words of a normalised text (letters and digits, with an inner apostrophe)."""
    return _WORD.findall(text)


@lru_cache(maxsize=1 << 16)
def lemma(word: str, language: str) -> str:
    """The dictionary form of ``word`` in ``language`` (``simplemma``; the word itself when
    the language or the word is unknown)."""
    import simplemma

    try:
        return str(simplemma.lemmatize(word, lang=language))
    except ValueError:
        return word


def lemmas(text: str, language: str) -> list[str]:
    """The dictionary forms of the words of a normalised text."""
    return [lemma(w, language) for w in tokens(text)]

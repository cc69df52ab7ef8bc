"""Viewer comments as the comment detectors read them: :func:`safeguard.chat.text.normalise`,
then folded further so that spelling tricks and accents do not hide a word.

- accents and other diacritics are dropped (``levántate`` → ``levantate``, ``pokaż`` →
  ``pokaz``), so every language's lexicon is written in plain ASCII letters;
- letters repeated three times or more count once (``pleeease`` → ``please``);
- digits and symbols standing for letters inside a word are read as letters (``sh0w`` →
  ``show``, ``h0me`` → ``home``), but numbers stay numbers (``500 coins``, ``2nd``).

Every character of the folded text keeps the index of the original character it came from,
so a detection's span still points into what the viewer wrote.
"""

from __future__ import annotations

import re
import unicodedata

from safeguard.chat.text import NormalText, normalise

MAX_COMMENT_CHARS = 1000
"""Longer comments are cut here before detection."""

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_LETTER_MAP = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "a", "œ": "o", "ð": "d"}


def _base_letter(ch: str) -> str:
    if ch.isascii():
        return ch
    mapped = _LETTER_MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch == "ß":
        return "ss"
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base or ch


_NEEDS_FOLDING = re.compile(r"[a-z][0-9]|[0-9][a-z]|([a-z])\1\1")
_NUMBERISH = re.compile(r"\d{2,}.*|\d+(?:st|nd|rd|th|k|m|s|x|h|p|am|pm|min|mins|fps|g|kg|cm)")


def _leet_positions(text: str) -> set[int]:
    """Positions of digits standing for letters: in a word that has letters and is not a
    number with a unit or an ordinal (``r00m``, ``sh0w``, ``4ge``; not ``500coins``, ``2nd``)."""
    out: set[int] = set()
    for m in re.finditer(r"[^\W_]+", text):
        word = m.group()
        if word.isalpha() or not any(c.isalpha() for c in word) or _NUMBERISH.fullmatch(word):
            continue
        out.update(m.start() + j for j, c in enumerate(word) if c in _LEET)
    return out


def fold_comment(raw: str) -> NormalText:
    """The folded, lower-cased comment with a map from each character to the original."""
    norm = normalise(raw, max_chars=MAX_COMMENT_CHARS)
    src = norm.text
    if norm.index is None and src.isascii() and not _NEEDS_FOLDING.search(src):
        return norm  # plain ASCII with no digit in a word and no letter said three times
    chars: list[str] = []
    index: list[int] = []
    leet = _leet_positions(src)
    for i, ch in enumerate(src):
        original = norm.index[i] if norm.index is not None else i
        if i in leet:
            ch = _LEET[ch]
        for out in _base_letter(ch):
            chars.append(out)
            index.append(original)
    text, idx = _squeeze_runs(chars, index)
    return NormalText(text, tuple(idx), norm.truncated)


def _squeeze_runs(chars: list[str], index: list[int]) -> tuple[str, list[int]]:
    """A letter repeated three times or more counts once; doubles stay (``cool``)."""
    out: list[str] = []
    out_index: list[int] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j] == chars[i]:
            j += 1
        keep = 1 if chars[i].isalpha() and j - i >= 3 else j - i
        out.extend(chars[i : i + keep])
        out_index.extend(index[i : i + keep])
        i = j
    return "".join(out), out_index

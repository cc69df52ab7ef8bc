"""Message text as the detectors see it: capped, cleaned, lower-cased, with a map back to the
original characters so every detection's span points into the text the user sent.

Line breaks and other separators become spaces; other control and format characters (zero
width joiners, bells, direction marks) vanish, so they cannot split a word;
compatibility forms are folded (NFKC), and the common Cyrillic/Greek look-alikes of Latin
letters are mapped to Latin, so "how оld" with a Cyrillic "о" reads as "how old"."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from safeguard.chat.fast_init import fast_constructor

MAX_MESSAGE_CHARS = 4000
"""Longer messages are cut here before detection (the cap is reported, never an error)."""

_SPACES = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")

# Latin look-alikes from Cyrillic and Greek (Unicode confusables, lower case only).
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "ν": "v",
}  # fmt: skip

_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_FOLD = str.maketrans({**_CONFUSABLES, "’": "'"})


@dataclass(frozen=True, slots=True)
class NormalText:
    """The cleaned text and, for non-ASCII input, the original index of each of its chars."""

    text: str
    index: tuple[int, ...] | None
    truncated: bool

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``text`` as a span of the original (capped) message."""
        if self.index is None:
            return start, end
        if start >= end:
            return self.index[start] if start < len(self.index) else start, self.index[-1] + 1
        return self.index[start], self.index[end - 1] + 1


#: ``NormalText(text, index, truncated)``, built without the frozen ``__init__``.
new_normal_text = fast_constructor(NormalText)


def normalise(raw: str, max_chars: int = MAX_MESSAGE_CHARS) -> NormalText:
    truncated = len(raw) > max_chars
    if truncated:
        raw = raw[:max_chars]
    # Printable is exactly: no ASCII control character and no other character of a Unicode
    # category "C…" or "Z…" but the space (str.isprintable reads the same Unicode tables).
    if raw.isprintable():
        if raw.isascii():
            # One character in, one out: spans need no map.
            return new_normal_text(raw.lower(), None, truncated)
        if unicodedata.is_normalized("NFKC", raw):
            # Emoji and accented letters, nothing to drop or expand: still one character for
            # one (checked: lower() may lengthen a few characters, e.g. "İ").
            lowered = raw.lower().translate(_FOLD)
            if len(lowered) == len(raw):
                return new_normal_text(lowered, None, truncated)
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(raw):
        if ch in _ZERO_WIDTH:
            continue
        cat = unicodedata.category(ch)
        if ch in _SPACES or cat in ("Zl", "Zp", "Zs"):
            folded = " "
        elif cat[0] == "C":
            # Control and format characters inside words are an evasion trick: drop them.
            continue
        else:
            folded = unicodedata.normalize("NFKC", ch).lower()
            if not folded:
                continue
            folded = folded[0]
            folded = _CONFUSABLES.get(folded, folded)
            if folded == "’":
                folded = "'"
        out.append(folded)
        index.append(i)
    return NormalText("".join(out), tuple(index), truncated)

"""Authoring help for non-English lexicon patterns: write a pattern with its accents
("cuántos años tienes") and :func:`accent_tolerant` makes every accented letter also accept
its bare form ("cu[áa]ntos a[ñn]os tienes"), as chat text often drops diacritics; an optional
group gets its leading space inside it, so a pattern never demands a space at the end of a
message. The shipped ``lexicons/<lang>/*.json`` were written this way."""

from __future__ import annotations

import unicodedata

# Letters whose variants are not just a dropped accent.
_EXTRA = {"ș": "ş", "ț": "ţ", "ş": "ș", "ţ": "ț"}


def bare(letter: str) -> str:
    """The letter without its accent (``ł`` → ``l``, ``ß`` → ``ss``)."""
    if letter in ("ł", "Ł"):
        return "l"
    if letter == "ß":
        return "ss"
    decomposed = unicodedata.normalize("NFD", letter)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def optional_spaces(pattern: str) -> str:
    """``"x (?:y)?"`` needs a space after x even without y; make it ``"x(?: (?:y))?"``."""
    i = pattern.find(" (?:")
    while i != -1:
        depth, j = 0, i + 1
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            if pattern[j] == "(":
                depth += 1
            elif pattern[j] == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        optional = j + 1 < len(pattern) and pattern[j + 1] == "?"
        followed_by_space = j + 2 < len(pattern) and pattern[j + 2] == " "
        if pattern[j - 1] != " " and optional and not followed_by_space:
            pattern = pattern[:i] + "(?: " + pattern[i + 1 : j + 1] + ")" + pattern[j + 1 :]
        i = pattern.find(" (?:", i + 2)
    return pattern


def accent_tolerant(pattern: str) -> str:
    """The pattern with each accented letter (outside character classes) widened to accept
    its bare form; write accented letters only outside ``[...]``."""
    out = []
    for ch in optional_spaces(pattern):
        plain = bare(ch)
        if ch.isalpha() and not ch.isascii() and plain != ch:
            out.append("(?:ß|ss)" if ch == "ß" else f"[{ch}{_EXTRA.get(ch, '')}{plain}]")
        else:
            out.append(ch)
    return "".join(out)


def unguarded_accents(pattern: str) -> list[str]:
    """Accented letters of a pattern that do not stand in a class with their bare form
    (a pattern that would miss the text when its accents are dropped)."""
    missing = []
    inside: list[str] | None = None
    for i, ch in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        if ch == "[" and inside is None and not escaped:
            inside = []
            continue
        if ch == "]" and inside is not None and not escaped:
            for letter in inside:
                if bare(letter) not in inside and len(bare(letter)) == 1:
                    missing.append(letter)
            inside = None
            continue
        if inside is not None:
            inside.append(ch)
        elif ch.isalpha() and not ch.isascii() and bare(ch) != ch and ch != "ß":
            missing.append(ch)
    return missing

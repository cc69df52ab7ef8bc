"""Which characters a regular expression's match can start with, so a lexicon tries at each
word start only the patterns that can match there (most patterns begin with a literal word)."""

from __future__ import annotations

from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a non-empty match of ``pattern`` can start with, or None when that is
    not a small known set (a class like ``\\w``, a dot, or a pattern that may match empty)."""
    chars, nullable = _sequence(_parser.parse(pattern))
    if chars is None or nullable:
        return None
    return frozenset(chars)


def _sequence(items: Any) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < 256:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
            else:
                return None, False
        return chars, False
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        union: set[str] = set()
        empty = False
        for branch in av[1]:
            chars_b, nullable = _sequence(branch)
            if chars_b is None:
                return None, False
            union |= chars_b
            empty = empty or nullable
        return union, empty
    if op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        low, _high, sub = av
        chars_r, nullable = _sequence(sub)
        return chars_r, (low == 0 or nullable) if chars_r is not None else False
    if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
        return set(), True  # zero width: the next item decides
    return None, False

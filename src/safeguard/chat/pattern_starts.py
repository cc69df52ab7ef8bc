"""Which characters (and which first few characters) a regular expression's match can start
with, so a lexicon tries only the patterns that can match at a word start, and visits only
the word starts where one of them can (most patterns begin with a literal word).

Both answers are read from the pattern's parse (``re._parser``) and are over-approximations:
every non-empty match starts with one of the returned strings; when that cannot be said (a
class like ``\\w``, a dot, a case-insensitive part, a pattern that may match empty) the
answer is None, "anything"."""

from __future__ import annotations

from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

#: A prefix set larger than this is cut to shorter prefixes (still a valid answer).
MAX_PREFIXES = 64


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a non-empty match of ``pattern`` can start with, or None when that is
    not a small known set (a class like ``\\w``, a dot, or a pattern that may match empty)."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    chars, nullable = _sequence(parsed)
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


def _class_chars(av: Any) -> set[str] | None:
    """The characters a class (``[...]``) matches, or None when it holds anything but literals
    and small ranges (a category, a negation, a wide range)."""
    chars: set[str] = set()
    for kind, value in av:
        if kind is _c.LITERAL:
            chars.add(chr(value))
        elif kind is _c.RANGE and value[1] - value[0] < 256:
            chars |= {chr(c) for c in range(value[0], value[1] + 1)}
        else:
            return None
    return chars


def _item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class_chars(av), False
    if op is _c.SUBPATTERN:
        if av[1] & _c.SRE_FLAG_IGNORECASE:
            return None, False  # "(?i:...)": either case of a letter
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


# -- prefixes of up to k characters -------------------------------------------------------
#
# A prefix set is a set of (text, open) pairs: ``text`` is how a match of the items read so
# far can begin; ``open`` says the items' whole match may be exactly ``text``, so what
# follows them continues it. A closed text shorter than k was cut short (what came next is
# not known) and stays as it is: still true of every match, only less selective.
_Prefixes = set[tuple[str, bool]]


def prefixes(pattern: str, k: int) -> frozenset[str] | None:
    """Strings of 1 to ``k`` characters such that every non-empty match of ``pattern``
    starts with one of them, or None when no such set is known (see the module docstring)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    parsed = _parser.parse(pattern)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    found = _seq_prefixes(parsed, k)
    if found is None or any(not text for text, _ in found):
        return None
    return frozenset(text for text, _ in found)


def _seq_prefixes(items: Any, k: int) -> _Prefixes | None:
    out: _Prefixes = {("", True)}
    for op, av in items:
        if all(not is_open or len(text) >= k for text, is_open in out):
            break
        nxt: _Prefixes = set()
        cache: dict[int, _Prefixes] = {}
        for text, is_open in out:
            room = k - len(text)
            if not is_open or room <= 0:
                nxt.add((text, False))
                continue
            tails = cache.get(room)
            if tails is None:
                tails = cache[room] = _item_prefixes(op, av, room)
            nxt |= {(text + tail, tail_open) for tail, tail_open in tails}
        out = _cap(nxt, k)
    return out


def _cap(found: _Prefixes, k: int) -> _Prefixes:
    """Cut the longest prefixes by one character (closing them) until few enough remain."""
    while len(found) > MAX_PREFIXES and k > 1:
        k -= 1
        found = {(t[:k], False) if len(t) > k else (t, o) for t, o in found}
    return found


_CLOSED_EMPTY: _Prefixes = {("", False)}


def _item_prefixes(op: Any, av: Any, room: int) -> _Prefixes:
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        chars = _class_chars(av)
        return _CLOSED_EMPTY if chars is None else {(ch, True) for ch in chars}
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & _c.SRE_FLAG_IGNORECASE:
            return _CLOSED_EMPTY
        return _seq_prefixes(sub, room) or _CLOSED_EMPTY
    if op is _c.BRANCH:
        union: _Prefixes = set()
        for branch in av[1]:
            union |= _seq_prefixes(branch, room) or _CLOSED_EMPTY
        return _cap(union, room)
    if op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        low, high, sub = av
        one = _seq_prefixes(sub, room) or _CLOSED_EMPTY
        if ("", True) in one:
            low = 0  # a repetition may match empty: any count down to none
        # Every repetition that matches something adds a character, so more than ``room``
        # of them read no further than ``room`` do.
        counts = range(min(low, room), min(high, room) + 1)
        union = set()
        for n in counts:
            union |= _seq_prefixes([(_c.SUBPATTERN, (None, 0, 0, sub))] * n, room) or set()
        return _cap(union, room) if union else _CLOSED_EMPTY
    if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
        return {("", True)}  # zero width: what follows decides
    return _CLOSED_EMPTY

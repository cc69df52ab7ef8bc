"""Lexicons: per-language regular-expression patterns per signal category, read from JSON
data files (``lexicons/<lang>/<category>.json``) so they are easy to review and extend.

File format::

    {"category": "secrecy", "applies_to": ["conversation"], "description": "...",
     "patterns": ["keep (?:this|it) (?:a )?secret", ...]}

Patterns are matched against normalised text (:mod:`safeguard.chat.text`: lower case,
cleaned); they must not contain named groups. All of a scope's patterns compile into one
regular expression with one named group per category, so a message is scanned once."""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

Scope = Literal["conversation", "comments"]


class LexiconError(ValueError):
    """A lexicon file is missing, malformed or has a pattern that does not compile."""


@dataclass(frozen=True, slots=True)
class Hit:
    category: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    description: str
    patterns: tuple[str, ...]


class Lexicon:
    """The compiled patterns of one language and scope."""

    def __init__(self, language: str, categories: list[Category]) -> None:
        if not categories:
            raise LexiconError(f"no lexicon categories for language {language!r}")
        self.language = language
        self.categories = {c.name: c for c in categories}
        patterns: list[tuple[str, str]] = []
        for c in categories:
            for p in c.patterns:
                try:
                    re.compile(p)
                except re.error as exc:
                    raise LexiconError(f"{language}/{c.name}: bad pattern {p!r}: {exc}") from exc
                patterns.append((c.name, _spaces(p)))
        self._by_char, self._fallback = _compile(patterns)

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits, left to right; each match starts at a word start (or a
        currency sign)."""
        hits: list[Hit] = []
        end = 0
        by_char, fallback = self._by_char, self._fallback
        for start_match in _WORD_START.finditer(text):
            start = start_match.start()
            if start < end:
                continue
            compiled = by_char.get(text[start], fallback)
            if compiled is None:
                continue
            regex, groups = compiled
            m = regex.match(text, start)
            if m is not None and m.end() > start:
                hits.append(Hit(groups[m.lastindex or 0], start, m.end()))
                end = m.end()
        return hits

    @classmethod
    def from_dir(cls, folder: Path, language: str, scope: Scope) -> Lexicon:
        if not folder.is_dir():
            raise LexiconError(f"no lexicon folder {folder}")
        return cls(language, _read_categories(sorted(folder.glob("*.json")), scope))


_WORD_START = re.compile(r"(?<![^\W_])(?:[^\W_]|[$£€])")
_Compiled = tuple[re.Pattern[str], dict[int, str]]


def _compile(
    patterns: list[tuple[str, str]],
) -> tuple[dict[str, _Compiled], _Compiled | None]:
    """Per first character, one regular expression of the patterns that can start with it
    (in file order, so the first that matches wins, as in one plain alternation), tried only
    at word starts: a position meets the few patterns that can start there instead of all of
    them (~5x faster with ~200 patterns). Patterns whose first character cannot be worked
    out join every group (and the fallback for other characters). Each pattern is wrapped in
    a capturing group that closes last, so ``lastindex`` names its category."""
    firsts = [_first_chars(p) for _, p in patterns]
    chars = sorted({c for f in firsts if f is not None for c in f})

    def build(indices: list[int]) -> _Compiled:
        group_category: dict[int, str] = {}
        parts = []
        n = 1
        for i in indices:
            category, pattern = patterns[i]
            group_category[n] = category
            n += 1 + re.compile(pattern).groups
            parts.append(f"({pattern})")
        return re.compile("|".join(parts)), group_category

    by_char = {ch: build([i for i, f in enumerate(firsts) if f is None or ch in f]) for ch in chars}
    anywhere = [i for i, f in enumerate(firsts) if f is None]
    return by_char, (build(anywhere) if anywhere else None)


# The standard library's own pattern parser (private, stable since 3.11; only used to find
# the characters a pattern can start with — an optimisation, never a change of meaning).
_RE_PARSER: Any = importlib.import_module("re._parser")


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when unknown."""
    try:
        parsed = _RE_PARSER.parse(pattern)
    except re.error:
        return None
    return _first_of_sequence(list(parsed))


def _first_of_sequence(items: list[Any]) -> frozenset[str] | None:
    out: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "AT":
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, _high, sub = arg
            first = _first_of_sequence(list(sub))
            if first is None:
                return None
            out |= first
            if low >= 1:
                return frozenset(out)
            continue
        first = _first_of_op(name, arg)
        if first is None:
            return None
        return frozenset(out | first)
    return None  # the pattern can match the empty string


def _first_of_op(name: str, arg: Any) -> frozenset[str] | None:
    if name == "LITERAL":
        return frozenset({chr(arg)})
    if name == "SUBPATTERN":
        return _first_of_sequence(list(arg[-1]))
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in arg[1]:
            first = _first_of_sequence(list(alternative))
            if first is None:
                return None
            out |= first
        return frozenset(out)
    if name == "IN":
        chars: set[str] = set()
        for sub_op, sub_arg in arg:
            sub = str(sub_op)
            if sub == "LITERAL":
                chars.add(chr(sub_arg))
            elif sub == "RANGE" and sub_arg[1] - sub_arg[0] <= 64:
                chars.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
            else:
                return None
        return frozenset(chars)
    return None


def _spaces(pattern: str) -> str:
    """A space in a pattern matches a run of spaces (control characters became spaces)."""
    return pattern.replace(" ?", " *").replace(" ", " +").replace(" +*", " *")


def _read_categories(files: list[Path], scope: Scope) -> list[Category]:
    out = []
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LexiconError(f"{path}: {exc}") from exc
        name = doc.get("category") if isinstance(doc, dict) else None
        patterns = doc.get("patterns") if isinstance(doc, dict) else None
        if not isinstance(name, str) or not name.isidentifier():
            raise LexiconError(f"{path}: 'category' must be an identifier")
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise LexiconError(f"{path}: 'patterns' must be a list of strings")
        if scope not in doc.get("applies_to", ["conversation"]):
            continue
        out.append(Category(name, str(doc.get("description", "")), tuple(patterns)))
    return out


@lru_cache(maxsize=8)
def default_lexicon(language: str = "en", scope: Scope = "conversation") -> Lexicon:
    """The shipped lexicon of a language (``en`` today)."""
    root = resources.files("safeguard.chat") / "lexicons" / language
    return Lexicon.from_dir(Path(str(root)), language, scope)

"""Lexicons: per-language regular-expression patterns per signal category, read from JSON
data files (``lexicons/<lang>/<category>.json``) so they are easy to review and extend.

File format::

    {"category": "secrecy", "applies_to": ["conversation"], "description": "...",
     "patterns": ["keep (?:this|it) (?:a )?secret", ...]}

Patterns are matched against normalised text (:mod:`safeguard.chat.text`: lower case,
cleaned); they must not contain named groups. All of a scope's patterns compile into one
regular expression with one named group per category, so a message is scanned once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from safeguard.chat.pattern_starts import first_chars
from safeguard.errors import InvalidInput

Scope = Literal["conversation", "comments"]


class LexiconError(InvalidInput, ValueError):
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
        starts: list[tuple[str, str, frozenset[str] | None]] = []
        for c in categories:
            for p in c.patterns:
                try:
                    re.compile(p)
                except re.error as exc:
                    raise LexiconError(f"{language}/{c.name}: bad pattern {p!r}: {exc}") from exc
                spaced = _spaces(p)
                starts.append((c.name, spaced, first_chars(spaced)))
        # Every match starts at a word start (or a currency sign). Letters are Unicode
        # letters, so words starting with "ż", "é" or "ł" can match. At a word start only the
        # patterns that can begin with its character are tried (one regex per character, the
        # patterns in lexicon order): with a few hundred patterns that is several times faster
        # than one alternation of all of them, and finds the same hits.
        alphabet = {ch for _, _, chars in starts if chars is not None for ch in chars}
        self._by_char = {ch: _alternation(starts, ch) for ch in sorted(alphabet)}
        self._other = _alternation(starts, None)
        # When every pattern names the characters it can start with, only the word starts
        # at one of them are visited (the others would find no regex to try).
        self._starts = _starts_of(self._other is not None, alphabet)
        self._pair_starts: dict[str, re.Pattern[str]] = {}

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits, left to right."""
        return [Hit(*span) for span in self.spans(text)]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """:meth:`find` as ``(category, start, end)`` tuples (the scorer's hot path)."""
        hits: list[tuple[str, int, int]] = []
        done = 0
        by_char = self._by_char.get
        other = self._other
        for start in self._starts.finditer(text):
            pos = start.start()
            if pos < done:
                continue
            regex = by_char(text[pos], other)
            if regex is None:
                continue
            m = regex.match(text, pos)
            if m is not None:
                end = m.end()
                if end > pos:
                    hits.append((m.lastgroup or "", pos, end))
                    done = end
        return hits

    def spans_with(self, other: Lexicon, text: str) -> list[tuple[str, int, int]]:
        """``self.spans(text)`` and ``other.spans(text)`` merged by start (``self``'s first
        on a tie), in one walk over the word starts: each lexicon keeps its own hits
        non-overlapping, as two separate passes would."""
        hits: list[tuple[str, int, int]] = []
        done_a = done_b = 0
        by_a, other_a = self._by_char.get, self._other
        by_b, other_b = other._by_char.get, other._other
        starts = self._pair_starts.get(other.language)
        if starts is None:
            starts = self._pair_starts[other.language] = _starts_of(
                self._other is not None or other._other is not None,
                set(self._by_char) | set(other._by_char),
            )
        for start in starts.finditer(text):
            pos = start.start()
            if pos >= done_a:
                regex = by_a(text[pos], other_a)
                if regex is not None:
                    m = regex.match(text, pos)
                    if m is not None:
                        end = m.end()
                        if end > pos:
                            hits.append((m.lastgroup or "", pos, end))
                            done_a = end
            if pos >= done_b:
                regex = by_b(text[pos], other_b)
                if regex is not None:
                    m = regex.match(text, pos)
                    if m is not None:
                        end = m.end()
                        if end > pos:
                            hits.append((m.lastgroup or "", pos, end))
                            done_b = end
        return hits

    @classmethod
    def from_dir(cls, folder: Path, language: str, scope: Scope) -> Lexicon:
        if not folder.is_dir():
            raise LexiconError(f"no lexicon folder {folder}")
        return cls(language, _read_categories(sorted(folder.glob("*.json")), scope))


_WORD_START = re.compile(r"(?<![^\W_])(?=[^\W_]|[$£€])")


def _starts_of(any_start: bool, alphabet: set[str]) -> re.Pattern[str]:
    """The word starts worth visiting: all of them when some pattern can start with any
    character, else those at a character of ``alphabet``."""
    if any_start or not alphabet:
        return _WORD_START
    chars = "".join(re.escape(c) for c in sorted(alphabet))
    return re.compile(f"{_WORD_START.pattern}[{chars}]")


def _alternation(
    starts: list[tuple[str, str, frozenset[str] | None]], char: str | None
) -> re.Pattern[str] | None:
    """One regex of the patterns that can start with ``char`` (and those that can start with
    anything), a named group per category, in lexicon order."""
    groups: dict[str, list[str]] = {}
    for name, pattern, chars in starts:
        if chars is None or (char is not None and char in chars):
            groups.setdefault(name, []).append(f"(?:{pattern})")
    if not groups:
        return None
    return re.compile("|".join(f"(?P<{n}>{'|'.join(ps)})" for n, ps in groups.items()))


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

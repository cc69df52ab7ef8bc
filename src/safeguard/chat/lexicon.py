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

from safeguard.chat.pattern_starts import first_chars, prefixes
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
        keys: set[str] | None = set()
        for c in categories:
            for p in c.patterns:
                try:
                    re.compile(p)
                except re.error as exc:
                    raise LexiconError(f"{language}/{c.name}: bad pattern {p!r}: {exc}") from exc
                spaced = _spaces(p)
                chars = first_chars(spaced)
                starts.append((c.name, spaced, chars))
                if keys is not None:
                    own = prefixes(spaced, PREFIX_CHARS) or chars
                    keys = None if own is None else keys | own
        # Every match starts at a word start (or a currency sign). Letters are Unicode
        # letters, so words starting with "ż", "é" or "ł" can match. At a word start only the
        # patterns that can begin with its character are tried (one regex per character, the
        # patterns in lexicon order): with a few hundred patterns that is several times faster
        # than one alternation of all of them, and finds the same hits.
        alphabet = {ch for _, _, chars in starts if chars is not None for ch in chars}
        self._by_char = {ch: _alternation(starts, ch) for ch in sorted(alphabet)}
        self._other = _alternation(starts, None)
        # The index: the first few characters any pattern's match can start with (read from
        # the patterns when the lexicon loads). Only the word starts that begin with one of
        # them are visited; in chat most messages have none, and most word starts are not.
        self._keys: frozenset[str] | None = None if keys is None else frozenset(keys)
        self._starts = _starts_of(self._keys)
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
            both = None if self._keys is None or other._keys is None else self._keys | other._keys
            starts = self._pair_starts[other.language] = _starts_of(both)
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


#: How many first characters of a match the index reads (see :func:`prefixes`).
PREFIX_CHARS = 6


def _starts_of(keys: frozenset[str] | None) -> re.Pattern[str]:
    """The word starts worth visiting: all of them when some pattern can start with
    anything, else those where the text goes on with one of ``keys`` (one regex, a trie of
    the keys, so the scan stays in C)."""
    if not keys:
        return _WORD_START if keys is None else _NOWHERE
    return re.compile(f"{_WORD_START.pattern}(?={_trie_regex(sorted(keys))})")


_NOWHERE = re.compile(r"(?!)")


def _trie_regex(keys: list[str]) -> str:
    """A regex matching exactly the strings that start with one of ``keys`` (sorted)."""
    heads: dict[str, list[str]] = {}
    for key in keys:
        heads.setdefault(key[0], []).append(key[1:])
    parts = []
    for head, tails in heads.items():
        if "" in tails:  # the key ends here: any continuation will do
            parts.append(re.escape(head))
        else:
            parts.append(re.escape(head) + _trie_regex(tails))
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


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

"""The faster per-message code of issue 12's eighth speed round gives exactly what the plain
code gave, on random and adversarial text:

- the lexicon's index (the first few characters a pattern's match can start with, read from
  the patterns) visits only word starts where a match can begin, and finds the same hits as
  one alternation of every pattern tried at every word start (the plain specification);
- :func:`~safeguard.chat.pattern_starts.prefixes` is true of every match;
- normalisation and feature hashing equal the code they replaced (kept below as reference).
"""

from __future__ import annotations

import functools
import itertools
import random
import re
import unicodedata
import zlib
from typing import Any

import pytest

from safeguard.chat import features
from safeguard.chat.features import Hashing, message_hashes
from safeguard.chat.lexicon import (
    Category,
    Lexicon,
    Scope,
    _spaces,
    default_lexicon,
)
from safeguard.chat.normalise import normalise
from safeguard.chat.pattern_starts import first_chars, prefixes
from safeguard.chat.text import MAX_MESSAGE_CHARS, NormalText
from safeguard.chat.text import normalise as clean
from safeguard.chat.training.corpus import shipped_conversations, shipped_streams

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "pl", "ro")
_WORD_START = re.compile(r"(?<![^\W_])(?=[^\W_]|[$£€])")

# -- the plain specification of a lexicon's hits ------------------------------------------


def _reference_spans(categories: list[Category], text: str) -> list[tuple[str, int, int]]:
    """Every pattern in lexicon order in one alternation, tried at every word start (two
    files may name the same category: their patterns join, in file order)."""
    groups: dict[str, list[str]] = {}
    for c in categories:
        groups.setdefault(c.name, []).extend(f"(?:{_spaces(p)})" for p in c.patterns)
    regex = re.compile("|".join(f"(?P<{n}>{'|'.join(ps)})" for n, ps in groups.items() if ps))
    hits: list[tuple[str, int, int]] = []
    done = 0
    for start in _WORD_START.finditer(text):
        pos = start.start()
        if pos < done:
            continue
        m = regex.match(text, pos)
        if m is not None and m.end() > pos:
            hits.append((m.lastgroup or "", pos, m.end()))
            done = m.end()
    return hits


def _merged(a: list[tuple[str, int, int]], b: list[tuple[str, int, int]]) -> list[Any]:
    return sorted([*a, *b], key=lambda h: h[1])


# Patterns that stretch the index: optional and repeated starts, classes, look-arounds,
# anchors, back-references, case-insensitive parts, patterns that may match empty or start
# with anything, prefixes shorter than the index reads.
TRICKY = (
    "ab",
    "a b",
    "(?:x )?ab c",
    "a{2,4}b",
    "(?:ab)*c",
    r"\bba",
    "b(?=a)",
    "(?<=x)ab",
    "[a-c]b c",
    r"\w+b",
    "(?i:AB)",
    "ab(?i:C)",
    "a|",
    "x?",
    r"\$\d+",
    "(?!ab)[ab]c",
    "a.b",
    "[^a]b",
    "(?:a|bc|)d",
    "c{0,2}",
    "b +a",
    "(?:a ?){3}x",
    "xa{7}",
    "ca'b",
)
TRICKY_ALPHABET = "ab cx$_'1ABd\u00e9\u0142 "


def _walk_every_start(lexicon: Lexicon, text: str) -> list[tuple[str, int, int]]:
    """The walk before the index: every word start, the patterns that can begin with its
    character (the lexicon's own per-character regexes, which are what decides which
    category wins where two could match; the index only decides where to look)."""
    hits: list[tuple[str, int, int]] = []
    done = 0
    for start in _WORD_START.finditer(text):
        pos = start.start()
        if pos < done:
            continue
        regex = lexicon._by_char.get(text[pos], lexicon._other)
        m = regex.match(text, pos) if regex is not None else None
        if m is not None and m.end() > pos:
            hits.append((m.lastgroup or "", pos, m.end()))
            done = m.end()
    return hits


def _tricky_lexicons() -> list[tuple[Lexicon, list[Category]]]:
    rng = random.Random(8)
    out = []
    for n in range(40):
        chosen = rng.sample(TRICKY, rng.randint(1, 6))
        cats = [Category(f"c{i}", "", tuple(chosen[i::3])) for i in range(3) if chosen[i::3]]
        out.append((Lexicon(f"x{n}", cats), cats))
    # and without the patterns that start with anything (the index is used, not skipped)
    safe = [p for p in TRICKY if prefixes(_spaces(p), 6) is not None]
    cats = [Category("a", "", tuple(safe[::2])), Category("b", "", tuple(safe[1::2]))]
    out.append((Lexicon("safe", cats), cats))
    return out


def _random_texts(alphabet: str, count: int, seed: int, longest: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(alphabet, k=rng.randint(0, longest))) for _ in range(count)]


def test_the_index_finds_what_every_pattern_at_every_word_start_finds() -> None:
    texts = _random_texts(TRICKY_ALPHABET, 400, seed=1)
    lexicons = _tricky_lexicons()
    assert any(lex._keys is not None for lex, _ in lexicons)  # the index itself is tested
    found = 0
    for lexicon, categories in lexicons:
        for text in texts:
            expected = _reference_spans(categories, text)
            assert lexicon.spans(text) == expected, (lexicon.language, text)
            found += len(expected)
    assert found > 1000


def test_two_lexicons_in_one_walk_equal_their_hits_merged() -> None:
    texts = _random_texts(TRICKY_ALPHABET, 300, seed=2)
    lexicons = [lex for lex, _ in _tricky_lexicons()]
    for a, b in itertools.pairwise(lexicons[::4]):
        for text in texts:
            assert a.spans_with(b, text) == _merged(a.spans(text), b.spans(text)), text


@functools.cache
def _chat_lines() -> tuple[str, ...]:
    """Normalised lines of the shipped synthetic corpus (conversations, test comments)."""
    lines = [
        m.text
        for s in ("train", "test")
        for i in shipped_conversations(s)
        for m in i.conversation.messages
    ]
    lines += [c["text"] for s in shipped_streams("test") for c in s["comments"]]
    return tuple(sorted({normalise(line).text for line in lines}))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scope", ["conversation", "comments"])
def test_shipped_lexicons_find_what_the_plain_walk_finds(language: str, scope: Scope) -> None:
    """On chat lines, and on lines spliced together and cut at random places. (Two files of
    a shipped lexicon may name the same category, so which category wins a tie can depend
    on the first character; the reference keeps that and checks where the index looks.)"""
    lexicon = default_lexicon(language, scope)
    english = default_lexicon("en", scope)
    rng = random.Random(language + scope)
    lines = rng.sample(_chat_lines(), 4000)
    # lines the plain walk finds something in, other lines, and both spliced at random
    found = [line for line in lines if _walk_every_start(lexicon, line)]
    glue = [" ", "  ", ", ", "_", "$", "'", "-", " 12 ", "", "!", "\u00e9"]
    texts = found[:200] + lines[:200]
    for _ in range(400):
        a, b = rng.choice(found), rng.choice(lines)
        a, b = (a, b) if rng.random() < 0.5 else (b, a)
        texts.append(a[rng.randint(0, len(a)) :] + rng.choice(glue) + b[: rng.randint(0, len(b))])
    hits = 0
    for text in texts:
        expected = _walk_every_start(lexicon, text)
        assert lexicon.spans(text) == expected, text
        assert english.spans_with(lexicon, text) == _merged(english.spans(text), expected), text
        hits += len(expected)
    assert len(found) > 50 and hits > 150


def test_prefixes_are_true_of_every_match() -> None:
    texts = _random_texts(TRICKY_ALPHABET, 300, seed=3, longest=14)
    for pattern in TRICKY:
        spaced = _spaces(pattern)
        regex = re.compile(spaced)
        for k in (1, 2, 3, 6):
            keys = prefixes(spaced, k)
            if keys is None:
                continue
            assert all(1 <= len(key) <= k for key in keys)
            for text in texts:
                for pos in range(len(text)):
                    m = regex.match(text, pos)
                    if m is not None and m.end() > pos:
                        assert any(text.startswith(key, pos) for key in keys), (
                            pattern,
                            k,
                            text,
                            pos,
                        )


def test_prefixes_read_literal_starts_and_give_up_where_they_cannot() -> None:
    assert prefixes(_spaces("keep (?:this|it) secret"), 6) == frozenset(
        {"keep t", "keep i", "keep  "}
    )
    assert prefixes(_spaces("(?:i )?thought"), 3) == frozenset({"i t", "i  ", "tho"})
    assert prefixes("a{0,3}bc", 3) == frozenset({"aaa", "aab", "abc", "bc"})
    assert prefixes("h\\w", 3) == frozenset({"h"})
    for anything in (r"\w+ test", "(?:x)?", "(?i)abc", "(?i:a)b", "a|", ".b"):
        assert prefixes(anything, 3) is None
    # wherever the one-character answer is known, the longer one agrees with it
    for pattern in TRICKY:
        keys, chars = prefixes(_spaces(pattern), 6), first_chars(_spaces(pattern))
        if keys is not None and chars is not None:
            assert {key[0] for key in keys} <= chars
    with pytest.raises(ValueError):
        prefixes("ab", 0)


# -- normalisation as it was before this round ---------------------------------------------

_OLD_TRICKS = re.compile(r"[0-9@$!|*_~^]|([^\W\d_])\1\1|(?:^|\W)[^\W\d_][ .\-·•][^\W\d_][ .\-·•]")
_OLD_SPLIT = re.compile(r"(?<=[^\W\d_]{2})[*_~^](?=[^\W\d_]{2})")
_OLD_TOKEN_RUN = re.compile(r"(?:[^\W_]|[@$!|])+")


def _old_clean_fast(raw: str) -> bool:
    """The old test for text that needs no character-by-character cleaning."""
    return (
        not re.search(r"[\x00-\x1f\x7f]", raw)
        and unicodedata.is_normalized("NFKC", raw)
        and all(unicodedata.category(c)[0] not in "CZ" for c in raw if c > "\x7f")
    )


def _old_normalise(raw: str) -> NormalText:
    from safeguard.chat import normalise as n

    base = clean(raw, MAX_MESSAGE_CHARS)
    text = base.text
    if not _OLD_TRICKS.search(text):
        return base
    index = base.index if base.index is not None else range(len(text))
    chars = list(text)
    keep = [True] * len(chars)
    for m in n._SPACED.finditer(text):
        letters = (m.end() - m.start() + 1) // 2
        seps = {text[i] for i in range(m.start() + 1, m.end(), 2)}
        if seps == {" "} and letters < n._SPACED_MIN_LETTERS:
            continue
        for i in range(m.start() + 1, m.end(), 2):
            keep[i] = False
    for m in _OLD_SPLIT.finditer(text):
        keep[m.start()] = False
    for m in _OLD_TOKEN_RUN.finditer(text):
        token = m.group()
        if frozenset(n._LEET).isdisjoint(token):
            continue
        if token.isdigit() or not any(c.isalpha() for c in token) or n._NUMBER.fullmatch(token):
            continue
        address = text[m.end() : m.end() + 1] == "."
        for j, c in enumerate(token):
            mapped = n._LEET.get(c)
            if mapped is None:
                continue
            if c == "@" and (j == 0 or address):
                continue
            if c in "!|$" and not (
                j + 1 < len(token) and token[j + 1].isalpha() and (j == 0 or token[j - 1].isalpha())
            ):
                continue
            chars[m.start() + j] = mapped
    if False in keep:
        out = "".join(c for c, k in zip(chars, keep, strict=True) if k)
        out_index = [i for i, k in zip(index, keep, strict=True) if k]
    else:
        out = "".join(chars)
        if not n._TRIPLE.search(out):
            return NormalText(out, tuple(index), base.truncated)
        out_index = list(index)
    out, out_index = n._squeeze_repeats(out, out_index)
    return NormalText(out, tuple(out_index), base.truncated)


NORMALISE_PIECES = [
    *"aeiostlkmx",
    *"013457@$!|",
    *" .-_*·•~^",
    *"AEK",
    "\u00e9",
    "\u017c",
    "\u0130",
    "\u043e",
    "\u200b",
    "\x07",
    "\n",
    "\t",
    "\xa0",
    "\U0001f642",
    "\uff21",
    "\u2019",
    "\u2028",
    "2689",
    "ooo",
    "eeee",
    "s e c r e t",
    "m.e.e.t",
    "se*cret",
    "s3cr3t",
    "h0me 4l0ne",
    "14yo",
    "$50",
    "me@mail.com",
    "@name",
    "wow!!",
    "pleeease",
    "i m a",
]


def test_normalise_equals_the_code_it_replaced() -> None:
    rng = random.Random(81)
    tricky = 0
    for _ in range(4000):
        raw = "".join(rng.choices(NORMALISE_PIECES, k=rng.randint(0, 16)))
        new, old = normalise(raw), _old_normalise(raw)
        assert (new.text, new.index, new.truncated) == (old.text, old.index, old.truncated), raw
        tricky += old.index is not None
    assert tricky > 1000


def test_the_cleaning_shortcut_test_is_the_old_one() -> None:
    """``str.isprintable`` is exactly "no ASCII control, no other C… or Z… character"."""
    for code in itertools.chain(range(0x110000)[::7], range(0x3000)):
        ch = chr(code)
        assert ch.isprintable() == (
            not re.match(r"[\x00-\x1f\x7f]", ch)
            and (ch <= "\x7f" or unicodedata.category(ch)[0] not in "CZ")
        ), hex(code)
    rng = random.Random(82)
    for _ in range(2000):
        raw = "".join(rng.choices(NORMALISE_PIECES, k=rng.randint(0, 10)))
        new = raw.isprintable() and unicodedata.is_normalized("NFKC", raw)
        assert new == _old_clean_fast(raw), raw


# -- feature hashing as it was before this round --------------------------------------------


def _old_message_hashes(
    text: str, categories: list[str], hashing: Hashing, language: str
) -> list[int]:
    bits = hashing.bits
    mask = (1 << bits) - 1
    out: list[int] = []
    words: list[str] = []
    seen: dict[str, int] = {}
    for t in features._TOKEN.findall(text):
        seen[t] = seen.get(t, 0) + 1
        if seen[t] > features.TOKEN_REPEATS:  # the repeat bound, added after this code
            continue
        word, hashes = features._token(t, language, hashing.lemmas, hashing.char_ngrams, bits)
        words.append(word)
        out.extend(hashes)
    if hashing.word_ngrams >= 2:
        out.extend(zlib.crc32(f"{a} {b}".encode()) & mask for a, b in itertools.pairwise(words))
    out.extend(features._tag_hash(f"\x00cat:{c}", bits) for c in categories)
    length = len(words)
    bucket = 0 if length < 3 else 1 if length < 8 else 2 if length < 20 else 3
    out.append(features._tag_hash(f"\x00len:{bucket}", bits))
    return out


@pytest.mark.parametrize("small_caches", [False, True])
def test_message_hashes_equal_the_code_they_replaced(
    small_caches: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if small_caches:  # the caches are emptied and refilled many times
        monkeypatch.setattr(features, "_TOKEN_CACHE_SIZE", 5)
    vocabulary = [
        "how",
        "old",
        "are",
        "you",
        "secret",
        "don't",
        "$",
        "?",
        "!",
        "12",
        "ok",
        "żółw",
        "a",
    ]
    rng = random.Random(83)
    for hashing in (
        Hashing(),
        Hashing(bits=12, word_ngrams=1),
        Hashing(lemmas=False, char_ngrams=(3, 4)),
    ):
        for _ in range(400):
            text = " ".join(rng.choices(vocabulary, k=rng.randint(0, 25)))
            categories = rng.sample(["secrecy", "meeting", "gifts_money"], rng.randint(0, 2))
            language = rng.choice(["en", "pl", "de"])
            assert message_hashes(text, categories, hashing, language) == _old_message_hashes(
                text, categories, hashing, language
            ), text

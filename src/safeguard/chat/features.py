"""Features, shared by training and scoring so both see exactly the same numbers.

**Message features** are hashed (no vocabulary to store): the dictionary forms (lemmas) of
the words of the normalised message and their bigrams, the lexicon categories it hit and a
length bucket, each hashed with CRC-32 into ``2**bits`` buckets.

**Evidence features** describe what one author has written so far (:data:`EVIDENCE_FEATURES`):
per category, how many of their messages the lexicon (or the semantic layer) put in it
(``count_*``), and how many of their *grooming lines* (messages the message model rates at
or above the line threshold) are in it (``line_*``); how many categories and stages; the
strength and number of their grooming lines; and which *pairs* of stages they have combined
(``stages_13``: an access move and a concealment move from the same author, ...), over all
their hits and over their grooming lines. Since issue 12's ninth round also the lexical layer's
``lexical_max`` and ``lexical_sum`` (see :class:`~safeguard.chat.model.GroomingModel`),
which count once the author has a signal. (The shipped model weighs only the pairs of
grooming lines: on hand-written conversations relatives, tutors and coaches combine stages'
plain words too; see ``safeguard.chat.training.grooming.UNWEIGHTED``.)
Each of them can only grow as that author writes more, and none depends on what the other
participants write, on timing or on the conversation's length; the model gives every one a
non-negative weight. So a grooming move can only add risk, repeating it never lowers it, and
a one-sided conversation is scored like an answered one.

**Context** (declared ages and roles) only *modulates* the evidence: it multiplies it and
can never raise risk where there is no evidence (:func:`context_of`)."""

from __future__ import annotations

import itertools
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from safeguard.chat.normalise import lemma
from safeguard.chat.taxonomy import SIGNAL_CATEGORIES

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[$£€?!]")
#: ... and each pictograph (emoji) on its own, when :attr:`Hashing.emoji` (the grooming model
#: since issue 12's ninth round: on the folds, half of the grooming conversations the model
#: ranked far below hard negatives were written in emoji — "🎂?", "🤫🤐 just us",
#: "📱➡️👻?" — which no feature saw).
_TOKEN_EMOJI = re.compile(
    r"[^\W_]+(?:'[^\W_]+)*|[$£€?!]|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]"
)


#: A token repeated in one message counts at most this many times (emoji at most
#: :data:`EMOJI_REPEATS`): repetition is emphasis, not more evidence, and unbounded counts
#: let one repeated token decide a message ("🎂" fifty times read as a grooming move).
#: Both bounds are at or above every count in the training data and the evaluation sets
#: (a word or mark at most 7 times in a message, an emoji at most 3), so they change no
#: trained feature; they only bound repetition beyond anything the models were fitted on.
TOKEN_REPEATS = 8
EMOJI_REPEATS = 3


def _is_emoji(token: str) -> bool:
    return len(token) == 1 and token not in "$£€?!" and not token.isalnum()


@dataclass(frozen=True, slots=True)
class Hashing:
    bits: int = 18
    word_ngrams: int = 2
    lemmas: bool = True
    #: Character n-grams inside words (with ``<``/``>`` at the edges): robust to typos.
    char_ngrams: tuple[int, ...] = (4,)
    #: Emoji are tokens too (:data:`_TOKEN_EMOJI`).
    emoji: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bits": self.bits,
            "word_ngrams": self.word_ngrams,
            "lemmas": self.lemmas,
            "char_ngrams": list(self.char_ngrams),
        }
        if self.emoji:
            out["emoji"] = True
        return out

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Hashing:
        return cls(
            int(doc["bits"]),
            int(doc["word_ngrams"]),
            bool(doc.get("lemmas", True)),
            tuple(int(n) for n in doc.get("char_ngrams", ())),
            bool(doc.get("emoji", False)),
        )


def words(text: str, language: str, hashing: Hashing) -> list[str]:
    tokens = (_TOKEN_EMOJI if hashing.emoji else _TOKEN).findall(text)
    if hashing.lemmas:
        return [lemma(t, language) if t.isalpha() else t for t in tokens]
    return tokens


@lru_cache(maxsize=1 << 16)
def _char_hashes(token: str, n: int, bits: int) -> tuple[int, ...]:
    mask = (1 << bits) - 1
    padded = f"<{token}>"
    return tuple(
        zlib.crc32(f"\x01{padded[i : i + n]}".encode()) & mask for i in range(len(padded) - n + 1)
    )


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str, bits: int) -> int:
    return zlib.crc32(word.encode()) & ((1 << bits) - 1)


@lru_cache(maxsize=1 << 17)
def _token(
    token: str, language: str, lemmas: bool, char_ngrams: tuple[int, ...], bits: int
) -> tuple[str, tuple[int, ...]]:
    """A token's word form as hashed (its lemma when ``lemmas``) and the hashes it
    contributes on its own: the word, and its character n-grams. Cached: chat repeats its
    words, and lemmatising and hashing them is most of the cost of a message's features."""
    word = lemma(token, language) if lemmas and token.isalpha() else token
    out = [_word_hash(word, bits)]
    for n in char_ngrams:
        if len(token) >= n - 1:
            out.extend(_char_hashes(token, n, bits))
    return word, tuple(out)


#: Per (language, lemmas, n-grams, bits), token → :func:`_token` (a plain dict read is
#: cheaper than the five-argument ``lru_cache`` key; emptied when it outgrows the bound).
_TokenKey = tuple[str, bool, tuple[int, ...], int]
_TOKEN_CACHES: dict[_TokenKey, dict[str, tuple[str, tuple[int, ...]]]] = {}
_TOKEN_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=256)
def _tag_hash(tag: str, bits: int) -> int:
    return zlib.crc32(tag.encode()) & ((1 << bits) - 1)


#: Per bits, (word, next word) → the pair's hash (a dict read is cheaper than formatting,
#: encoding and hashing the pair; emptied when it outgrows the bound).
_PAIR_CACHES: dict[int, dict[tuple[str, str], int]] = {}
#: Per bits, the hashes of the four length buckets.
_LENGTH_TAGS: dict[int, tuple[int, ...]] = {}


def _pair_hash(pair: tuple[str, str], bits: int) -> int:
    return zlib.crc32(f"{pair[0]} {pair[1]}".encode()) & ((1 << bits) - 1)


def message_hashes(
    text: str, categories: list[str], hashing: Hashing, language: str = "en"
) -> list[int]:
    """Hashed feature indices of a normalised message (repeats kept: they are counts): per
    token its word and character n-grams, then the word pairs, the categories and the
    length bucket, in that order."""
    bits = hashing.bits
    lemmas, char_ngrams = hashing.lemmas, hashing.char_ngrams
    key = (language, lemmas, char_ngrams, bits)
    cache = _TOKEN_CACHES.get(key)
    if cache is None or len(cache) > _TOKEN_CACHE_SIZE:
        cache = _TOKEN_CACHES[key] = {}
    get = cache.get
    out: list[int] = []
    words: list[str] = []
    # ASCII text has no emoji: the plain pattern finds the same tokens, faster.
    pattern = _TOKEN_EMOJI if hashing.emoji and not text.isascii() else _TOKEN
    repeats: dict[str, int] = {}
    for t in pattern.findall(text):
        seen = repeats.get(t, 0) + 1
        repeats[t] = seen
        if seen > TOKEN_REPEATS or (seen > EMOJI_REPEATS and _is_emoji(t)):
            continue
        entry = get(t)
        if entry is None:
            entry = cache[t] = _token(t, language, lemmas, char_ngrams, bits)
        words.append(entry[0])
        out += entry[1]
    if hashing.word_ngrams >= 2 and len(words) > 1:
        pairs = _PAIR_CACHES.get(bits)
        if pairs is None or len(pairs) > _TOKEN_CACHE_SIZE:
            pairs = _PAIR_CACHES[bits] = {}
        pair_of = pairs.get
        for pair in itertools.pairwise(words):
            h = pair_of(pair)
            if h is None:
                h = pairs[pair] = _pair_hash(pair, bits)
            out.append(h)
    if categories:
        out.extend(_tag_hash(f"\x00cat:{c}", bits) for c in categories)
    length = len(words)
    tags = _LENGTH_TAGS.get(bits)
    if tags is None:
        tags = _LENGTH_TAGS[bits] = tuple(_tag_hash(f"\x00len:{b}", bits) for b in range(4))
    out.append(tags[0 if length < 3 else 1 if length < 8 else 2 if length < 20 else 3])
    return out


EVIDENCE_FEATURES: tuple[str, ...] = (
    *(f"count_{c}" for c in SIGNAL_CATEGORIES),
    *(f"line_{c}" for c in SIGNAL_CATEGORIES),
    "distinct_categories",
    "distinct_line_categories",
    "line_categories_2plus",
    "line_categories_3plus",
    "line_categories_4plus",
    "stages_touched",
    "stage_ascents",
    "line_prob_max",
    "line_prob_top3",
    "grooming_lines",
    "line_logit_sum",
    *(f"stages_{a}{b}" for a, b in itertools.combinations(range(1, 5), 2)),
    *(f"line_stages_{a}{b}" for a, b in itertools.combinations(range(1, 5), 2)),
    "lexical_max",
    "lexical_sum",
)
"""Per author, each non-decreasing as the author writes more (see the module docstring)."""

#: Ages at or above this are adults.
ADULT_AGE = 18
#: An adult this many years older than a declared minor is an adult-to-minor contact.
ADULT_MINOR_GAP = 5
#: Two declared minors at most this many years apart are peers.
PEER_GAP = 3

_MINOR_ROLES = frozenset({"child", "minor", "kid", "teen", "teenager", "student", "pupil"})
_ADULT_ROLES = frozenset({"adult"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the declared ages and roles say about one author and the others."""

    adult_to_minor: bool = False
    peer_minors: bool = False


def _minor(age: int | None, role: str | None) -> bool | None:
    if age is not None:
        return age < ADULT_AGE
    if role is not None:
        r = role.lower()
        if r in _MINOR_ROLES:
            return True
        if r in _ADULT_ROLES:
            return False
    return None


def context_of(
    author: tuple[int | None, str | None], others: list[tuple[int | None, str | None]]
) -> Context:
    """``adult_to_minor``: the author declared an adult and another participant a minor (at
    least :data:`ADULT_MINOR_GAP` years younger when both ages are known). ``peer_minors``:
    the author and every other declared participant are minors within :data:`PEER_GAP`
    years of each other (ages known) or all declared children (roles only)."""
    age, role = author
    me = _minor(age, role)
    declared = [(a, r, _minor(a, r)) for a, r in others if _minor(a, r) is not None]
    adult_to_minor = me is False and any(
        m and (age is None or a is None or age - a >= ADULT_MINOR_GAP) for a, _, m in declared
    )
    peer_minors = (
        me is True
        and bool(declared)
        and all(
            m and (age is None or a is None or abs(age - a) <= PEER_GAP) for a, _, m in declared
        )
    )
    return Context(adult_to_minor, peer_minors)


def squash(x: float) -> float:
    return math.log1p(x)

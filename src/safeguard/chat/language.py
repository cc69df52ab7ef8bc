"""Which language a message or a conversation is written in, with ``py3langid`` (a naive
Bayes classifier over byte n-grams whose model ships inside the package: no download).

Chat messages are short, so one message says little ("ok", "lol"); a conversation's language
is the vote of its messages, each weighted by its length and the classifier's confidence
(:class:`LanguageVotes`, small and serialisable, so the incremental scorer can keep it).
The candidate languages are the ones Safeguard supports plus the most common others, so a
conversation in, say, Dutch or Turkish is recognised as *not supported* instead of being
forced into the nearest supported language — and is then reported as such, never as a low
risk."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

SUPPORTED: Final = ("en", "pl", "ro", "es", "fr", "de", "pt", "it")
"""Languages with a lexicon and training data."""

OTHERS: Final = (
    "nl", "sv", "da", "no", "fi", "cs", "sk", "hu", "hr", "sl", "bg", "ru", "uk", "el", "tr",
    "ar", "he", "fa", "hi", "bn", "ur", "id", "ms", "tl", "vi", "th", "zh", "ja", "ko", "sw",
    "lt", "lv", "et", "sq", "ca",
)  # fmt: skip
"""Common languages Safeguard does not support, so they are recognised rather than guessed."""

#: Letters a message needs before its language counts (shorter ones are "ok", "lol", emoji).
MIN_LETTERS: Final = 12
#: The conversation's language is undecided until the votes reach this weight.
MIN_WEIGHT: Final = 0.9
#: Votes are kept for at most this many languages (the state must stay small).
MAX_LANGUAGES: Final = 6
#: The classifier reads at most this many characters of a message.
MAX_CHARS: Final = 160
#: The confidence of a vote for English from :data:`ENGLISH_ONLY` words.
ENGLISH_CONFIDENCE: Final = 0.95


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str
    confidence: float

    @property
    def supported(self) -> bool:
        return self.language in SUPPORTED


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import langid

    ident = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    ident.set_languages([*SUPPORTED, *OTHERS])
    return _py3langid_identifier_fast(ident)


def _py3langid_identifier_fast(ident: Any) -> Any:
    """``ident`` with its byte walk compiled (:mod:`safeguard.chat.langid_kernel`: the same
    answers, bit for bit), or ``ident`` itself without numba."""
    from safeguard.chat.langid_kernel import fast_identifier

    fast = fast_identifier(ident)
    return ident if fast is None else fast


#: Words of English chat that are not words of the other languages recognised here. A
#: message of plain ASCII with two of them is English without asking the classifier (the
#: largest single cost of scoring a message); anything else goes to the classifier.
ENGLISH_ONLY: Final = frozenset(
    (
        *("the", "you", "your", "you're", "youre", "what", "are", "and", "how", "with"),
        *("this", "that", "have", "don't", "dont", "i'm", "it's", "they", "their", "there"),
        *("where", "when", "why", "who", "because", "really", "would", "could", "should"),
        "about",
    )
)
_WORD = re.compile(r"[a-z']+")


def _plainly_english(text: str) -> bool:
    if not text.isascii():
        return False
    found = ENGLISH_ONLY.intersection(_WORD.findall(text))
    return len(found) >= 2


_DROP_ASCII_LETTERS: Final = str.maketrans("", "", string.ascii_letters)


def letters_in(text: str) -> int:
    """How many letters ``text`` has (in ASCII text the letters are exactly A-Z and a-z, and
    deleting them is a fraction of the cost of testing every character)."""
    if text.isascii():
        return len(text) - len(text.translate(_DROP_ASCII_LETTERS))
    return sum(map(str.isalpha, text))


def identify(text: str, letters: int | None = None) -> LanguageGuess | None:
    """The language of one (normalised) message, or None when it is too short to tell.
    Only the first :data:`MAX_CHARS` characters are read (the classifier walks every byte in
    Python; a chat message says what language it is in well before that)."""
    if letters is None:
        letters = letters_in(text)
    if letters < MIN_LETTERS:
        return None
    if _plainly_english(text):
        return LanguageGuess("en", ENGLISH_CONFIDENCE)
    language, confidence = _identifier().classify(text[:MAX_CHARS])
    return LanguageGuess(str(language), float(confidence))


@dataclass(slots=True)
class LanguageVotes:
    """A conversation's language so far: per language, the summed weight of its messages'
    votes (confidence × a weight that grows with length, saturating at 30 letters)."""

    votes: dict[str, float] = field(default_factory=dict)
    #: How many messages have voted.
    voters: int = 0
    #: :meth:`best` as of the last vote (``None``: not computed since).
    _best: tuple[LanguageGuess | None] | None = field(default=None, compare=False, repr=False)

    def add(self, text: str) -> LanguageGuess | None:
        letters = letters_in(text)
        guess = identify(text, letters)
        if guess is None:
            return None
        self.voters += 1
        self._best = None
        weight = guess.confidence * min(1.0, letters / 30.0)
        self.votes[guess.language] = self.votes.get(guess.language, 0.0) + weight
        if len(self.votes) > MAX_LANGUAGES:
            weakest = min(self.votes, key=lambda k: self.votes[k])
            del self.votes[weakest]
        return guess

    def total(self) -> float:
        return sum(self.votes.values())

    def best(self) -> LanguageGuess | None:
        """The leading language and its share of the votes; None while undecided."""
        if self._best is None:
            self._best = (self._best_now(),)
        return self._best[0]

    def _best_now(self) -> LanguageGuess | None:
        total = self.total()
        if total < MIN_WEIGHT:
            return None
        language = max(self.votes, key=lambda k: (self.votes[k], k))
        return LanguageGuess(language, self.votes[language] / total)

    def pack(self) -> dict[str, float]:
        """Compact JSON: the votes, and the number of voters under the key ``""``."""
        return {**self.votes, "": self.voters}

    @classmethod
    def unpack(cls, doc: Any) -> LanguageVotes:
        if not isinstance(doc, dict):
            raise ValueError("language votes must be an object")
        votes = {str(k): float(v) for k, v in doc.items() if k}
        return cls(votes, int(doc.get("", 0)))


def conversation_language(texts: list[str]) -> LanguageGuess | None:
    """The language of a whole conversation (its messages' texts), None when undecided."""
    votes = LanguageVotes()
    for text in texts:
        votes.add(text)
    return votes.best()

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
MIN_WEIGHT: Final = 1.0
#: Votes are kept for at most this many languages (the state must stay small).
MAX_LANGUAGES: Final = 6


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
    return ident


def identify(text: str) -> LanguageGuess | None:
    """The language of one (normalised) message, or None when it is too short to tell."""
    letters = sum(1 for c in text if c.isalpha())
    if letters < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(text)
    return LanguageGuess(str(language), float(confidence))


@dataclass(slots=True)
class LanguageVotes:
    """A conversation's language so far: per language, the summed weight of its messages'
    votes (confidence × a weight that grows with length, saturating at 30 letters)."""

    votes: dict[str, float] = field(default_factory=dict)
    #: How many messages have voted.
    voters: int = 0

    def add(self, text: str) -> LanguageGuess | None:
        guess = identify(text)
        if guess is None:
            return None
        self.voters += 1
        letters = sum(1 for c in text if c.isalpha())
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

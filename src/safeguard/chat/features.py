"""Features, shared by training and scoring so both see exactly the same numbers.

Message features are hashed (no vocabulary to store): word unigrams and bigrams, optional
character n-grams inside words, the lexicon categories the message hit, and a length bucket,
each hashed with CRC-32 into ``2**bits`` buckets. Conversation features are read from the
bounded :class:`~safeguard.chat.state.ConversationState`."""

from __future__ import annotations

import itertools
import math
import re
import zlib
from dataclasses import dataclass
from typing import Any

from safeguard.chat.taxonomy import CONVERSATION_CATEGORIES

_TOKEN = re.compile(r"[a-z0-9']+|[$£€?!]")


@dataclass(frozen=True, slots=True)
class Hashing:
    bits: int = 18
    word_ngrams: int = 2
    char_ngrams: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "bits": self.bits,
            "word_ngrams": self.word_ngrams,
            "char_ngrams": list(self.char_ngrams),
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Hashing:
        return cls(
            int(doc["bits"]), int(doc["word_ngrams"]), tuple(int(n) for n in doc["char_ngrams"])
        )


def message_hashes(text: str, categories: list[str], hashing: Hashing) -> list[int]:
    """Hashed feature indices of a normalised message (repeats kept: they are counts)."""
    mask = (1 << hashing.bits) - 1
    crc = zlib.crc32
    tokens = _TOKEN.findall(text)
    out = [crc(t.encode()) & mask for t in tokens]
    if hashing.word_ngrams >= 2:
        out.extend(crc(f"{a} {b}".encode()) & mask for a, b in itertools.pairwise(tokens))
    for n in hashing.char_ngrams:
        for t in tokens:
            if len(t) >= n:
                padded = f"<{t}>"
                out.extend(
                    crc(padded[i : i + n].encode()) & mask for i in range(len(padded) - n + 1)
                )
    out.extend(crc(f"\x00cat:{c}".encode()) & mask for c in categories)
    length = len(tokens)
    bucket = 0 if length < 3 else 1 if length < 8 else 2 if length < 20 else 3
    out.append(crc(f"\x00len:{bucket}".encode()) & mask)
    return out


CONVERSATION_FEATURES: tuple[str, ...] = (
    *(f"count_{c}" for c in CONVERSATION_CATEGORIES),
    "distinct_categories",
    "stages_touched",
    "stage_max",
    "stage_ascents",
    "msg_prob_max",
    "msg_prob_ewma",
    "msg_prob_sum",
    "msg_prob_mean",
    "signal_message_share",
    "lead_message_share",
    "messages",
    "gap_log_ewma",
    "declared_age_gap",
    "other_declared_minor",
    "lead_declared_adult",
)


def age_gap_feature(lead_age: int | None, other_age: int | None) -> float:
    if lead_age is None or other_age is None:
        return 0.0
    return max(-3.0, min(3.0, (lead_age - other_age) / 10.0))


def squash(x: float) -> float:
    return math.log1p(x)

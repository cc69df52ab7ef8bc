"""How viewers actually type: case, stretched letters, dropped apostrophes, leetspeak,
emoji and trailing punctuation, applied alike to benign and concerning comments so that no
surface habit tells the classes apart."""

from __future__ import annotations

import random

_EMOJI = ("😂", "🔥", "❤️", "👀", "😊", "🙏", "💀", "😍", "👍", "🥺", "😳", "✨")
_LEET = {"o": "0", "e": "3", "a": "4", "i": "1", "s": "5"}
_SHORT = {
    "you": "u",
    "your": "ur",
    "are": "r",
    "please": "pls",
    "for": "4",
    "to": "2",
    "what's": "whats",
    "don't": "dont",
    "i'll": "ill",
    "because": "cuz",
    "okay": "ok",
}


def roughen(rng: random.Random, text: str, strength: float = 0.3) -> str:
    """``text`` as a hurried viewer might type it (``strength`` 0..1)."""
    words = text.split()
    out = []
    for w in words:
        low = w.lower()
        if low in _SHORT and rng.random() < strength:
            w = _SHORT[low]
        elif len(w) > 3 and rng.random() < strength * 0.15:
            i = rng.randrange(1, len(w) - 1)
            w = w[:i] + w[i] * rng.randint(3, 5) + w[i + 1 :]
        elif len(w) > 3 and rng.random() < strength * 0.1:
            w = "".join(_LEET.get(c, c) if rng.random() < 0.5 else c for c in w)
        elif len(w) > 4 and rng.random() < strength * 0.08:
            i = rng.randrange(1, len(w) - 1)
            w = w[:i] + w[i + 1 :]  # a dropped letter
        out.append(w)
    text = " ".join(out)
    r = rng.random()
    if r < 0.15:
        text = text.upper()
    elif r < 0.45:
        text = text.lower()
    elif r < 0.6:
        text = text[:1].upper() + text[1:]
    r = rng.random()
    if r < 0.2:
        text += rng.choice(("!", "!!", "!!!", "?", "??", "...", " lol", " haha"))
    elif r < 0.35:
        text += " " + rng.choice(_EMOJI)
    return text


def part(pool: list[str] | tuple[str, ...], split: str) -> list[str]:
    """The phrasings of one split: every third phrasing is kept for the test split only, so
    the test split holds wording the model was not trained on."""
    items = list(pool)
    test = items[1::3]
    train = [x for i, x in enumerate(items) if i % 3 != 1]
    chosen = test if split == "test" else train
    return chosen or items


POLITE_PREFIXES = ("", "", "pls ", "can you ", "can u ", "now ", "hey ", "ok ", "next ",
                   "could you ", "yo ", "plz ")  # fmt: skip
POLITE_SUFFIXES = ("", "", " pls", " now", " again", " real quick", " for us", " 🙏", "!",
                   " pleaseee", " lol")  # fmt: skip


def politely(rng: random.Random, request: str) -> str:
    """A request with the address and politeness viewers put around any request."""
    return rng.choice(POLITE_PREFIXES) + request + rng.choice(POLITE_SUFFIXES)

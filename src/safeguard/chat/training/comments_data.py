"""The shipped synthetic comment streams (``chat/data/comments_{train,test}.jsonl``), built
deterministically from the generators in :mod:`safeguard.chat.training.generators`.

Benign streams come from many kinds of stream (music requests, gaming, cooking, fitness,
adult room tours, art, travel, pets, dance, trolls, spam bots, giveaways, study streams),
each with its crowd's requests and its risky-looking single lines. Concerning streams put
abuse-to-order viewers into the same backgrounds, following one of several patterns (a
crowd giving instructions, instructions for money, probing then instructing, one viewer
escalating, probing and pushing to another app, mixtures), in English or one of seven other
languages. The test split is written from phrasings the train split never uses.

Run ``python -m safeguard.chat.training.comments_data`` to rewrite the files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Protocol

from safeguard.chat.training.generators.comments_benign import CHATTER_GENERAL, FAMILIES, Family
from safeguard.chat.training.generators.comments_chatter import chatter_line
from safeguard.chat.training.generators.comments_concerning import EnglishConcerning
from safeguard.chat.training.generators.comments_languages import (
    LANGUAGES,
    POOLS,
    LanguageConcerning,
)
from safeguard.chat.training.generators.comments_noise import part, politely, roughen

SEED = 20261205
SIZES = {"train": 700, "test": 300}
CONCERNING_SHARE = 0.4

PATTERNS = ("crowd", "paid", "probe_instruct", "escalation", "probe_platform", "mixed")


class Writer(Protocol):
    language: str

    def action(self, rng: random.Random) -> str: ...
    def line(self, rng: random.Random, kind: str, action: str | None = None) -> str: ...


def _viewer(rng: random.Random) -> str:
    stem = rng.choice(("v", "user", "xx", "gamer", "anon", "cool", "the", "mr", "its", "real"))
    return f"{stem}{rng.randrange(10, 99999)}"


def _background(
    rng: random.Random, family: Family, split: str, language: str | None, duration: float
) -> tuple[list[dict[str, Any]], list[str]]:
    viewers = [_viewer(rng) for _ in range(rng.randint(6, 40))]
    chatter = part(family.chatter, split) + part(CHATTER_GENERAL, split)
    if language is not None:
        chatter = chatter + part(POOLS[language]["chatter"], split) * 2
    rate = rng.uniform(0.05, 0.4)
    n = max(8, int(duration * rate))
    out = []
    for _ in range(n):
        line = chatter_line(rng, split) if rng.random() < 0.6 else rng.choice(chatter)
        out.append(
            {
                "viewer": rng.choice(viewers),
                "text": roughen(rng, line, 0.3),
                "ts": round(rng.uniform(0, duration), 1),
            }
        )
    return out, viewers


def _benign_extras(
    rng: random.Random,
    family: Family,
    split: str,
    language: str | None,
    duration: float,
    viewers: list[str],
) -> list[dict[str, Any]]:
    out = []
    # The crowd asks for things (several viewers, often the same request).
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        pool = part(family.crowd_requests, split)
        if language is not None and rng.random() < 0.5:
            pool = part(POOLS[language]["crowd"], split)
        same = rng.choice(pool)
        start = rng.uniform(0, max(1.0, duration - 40))
        for _ in range(rng.randint(1, 6)):
            text = same if rng.random() < 0.6 else rng.choice(pool)
            if rng.random() < 0.5:
                text = politely(rng, text)
            out.append(
                {
                    "viewer": rng.choice(viewers),
                    "text": roughen(rng, text, 0.35),
                    "ts": round(start + rng.uniform(0, 40), 1),
                }
            )
    # Risky-looking single lines, from this family and sometimes from another.
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        fam = family if rng.random() < 0.7 else rng.choice(FAMILIES)
        out.append(
            {
                "viewer": rng.choice(viewers),
                "text": roughen(rng, rng.choice(part(fam.look_alikes, split)), 0.3),
                "ts": round(rng.uniform(0, duration), 1),
            }
        )
    return out


def _script(rng: random.Random, pattern: str) -> list[list[str]]:
    """What each concerning viewer says, in order (kinds of line)."""
    if pattern == "crowd":
        if rng.random() < 0.4:
            # Viewers each asking once for the same thing, nothing else said.
            return [["instruction"] for _ in range(rng.randint(3, 7))]
        return [
            ["instruction"] * rng.randint(1, 2) + (["pressure"] if rng.random() < 0.3 else [])
            for _ in range(rng.randint(3, 6))
        ]
    if pattern == "paid":
        return [
            rng.sample(["money_for", "instruction", "money", "pressure"], rng.randint(2, 3))
            for _ in range(rng.randint(1, 3))
        ]
    if pattern == "probe_instruct":
        return [
            [rng.choice(("age", "risk", "personal"))]
            + rng.sample(["age", "risk", "personal", "platform"], rng.randint(0, 2))
            + ["instruction"] * rng.randint(1, 3)
            for _ in range(rng.randint(1, 3))
        ]
    if pattern == "escalation":
        lines = ["instruction"] * rng.randint(2, 4)
        for _ in range(rng.randint(1, 3)):
            lines.insert(rng.randint(1, len(lines)), "pressure")
        return [lines]
    if pattern == "probe_platform":
        return [
            rng.sample(["age", "risk", "personal", "platform", "photo"], rng.randint(2, 4))
            + (["pressure"] if rng.random() < 0.4 else [])
            for _ in range(rng.randint(1, 2))
        ]
    kinds = ["instruction", "age", "risk", "personal", "pressure", "platform", "money_for",
             "photo", "money", "threat"]  # fmt: skip
    return [rng.sample(kinds, rng.randint(2, 4)) for _ in range(rng.randint(2, 4))]


def _concerning(
    rng: random.Random, writer: Writer, pattern: str, duration: float
) -> tuple[list[dict[str, Any]], list[str]]:
    shared = writer.action(rng) if rng.random() < 0.75 else None
    onset = rng.uniform(5, max(6.0, duration - 200))
    span = rng.uniform(30, 180)
    out: list[dict[str, Any]] = []
    names = []
    for kinds in _script(rng, pattern):
        viewer = _viewer(rng)
        names.append(viewer)
        times = sorted(onset + rng.uniform(0, span) for _ in kinds)
        own_action = writer.action(rng)
        for kind, ts in zip(kinds, times, strict=True):
            action = shared if shared is not None and rng.random() < 0.8 else own_action
            text = writer.line(rng, kind, action if kind in ("instruction", "money_for") else None)
            out.append(
                {
                    "viewer": viewer,
                    "text": roughen(rng, text, 0.35),
                    "ts": round(ts, 1),
                    "bad": True,
                }
            )
    return out, names


def build_streams(split: str, n: int, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(f"{seed}:comments:{split}")
    english = EnglishConcerning(split)
    others = {lang: LanguageConcerning(lang, split) for lang in LANGUAGES}
    streams = []
    for i in range(n):
        family = rng.choice(FAMILIES)
        duration = rng.uniform(240, 900)
        concerning = rng.random() < CONCERNING_SHARE
        language = rng.choice(LANGUAGES) if rng.random() < 0.3 else None
        comments, viewers = _background(rng, family, split, language, duration)
        comments += _benign_extras(rng, family, split, language, duration, viewers)
        bad: list[str] = []
        pattern = None
        if concerning:
            pattern = rng.choice(PATTERNS)
            writer: Writer = english if language is None else others[language]
            lines, bad = _concerning(rng, writer, pattern, duration)
            comments += lines
        comments.sort(key=lambda c: c["ts"])
        streams.append(
            {
                "id": f"{split}-stream-{i:04d}",
                "label": int(concerning),
                "family": family.name if pattern is None else f"{pattern}@{family.name}",
                "language": language or "en",
                "bad_viewers": sorted(bad),
                "comments": comments,
            }
        )
    return streams


def write(folder: Path, seed: int = SEED) -> dict[str, Path]:
    out = {}
    for split, n in SIZES.items():
        path = folder / f"comments_{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for stream in build_streams(split, n, seed):
                fh.write(json.dumps(stream, ensure_ascii=False, separators=(",", ":")) + "\n")
        out[split] = path
    return out


if __name__ == "__main__":
    from safeguard.chat.training.corpus import data_dir

    for split, path in write(data_dir()).items():
        print(split, path)

"""Independent generators of labelled training conversations, each with its own phrasing:

- ``slots``: English sentence templates with slots, plain and polite sets
  (:mod:`.slots`);
- ``acts``: dialogue acts composed from paraphrase tables (opener + core act + tail), one
  phrasebook per language (:mod:`.acts`, ``phrasebooks/<lang>.json``);
- ``scenes``: whole scripted scenes, both sides written together (:mod:`.scenes`).

Livestream comment streams have their own generators, ``comments_*`` (benign stream kinds,
composed chatter, concerning patterns, other languages, typing noise), assembled by
:mod:`safeguard.chat.training.comments_data`; they are not in :data:`GENERATORS`.

A generator is three functions over a seeded :class:`random.Random`: a grooming
conversation, a hard negative of a named family, and the families it writes per split.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from safeguard.chat.training.generators import acts, scenes, slots
from safeguard.chat.training.generators.base import Draft, Split


@dataclass(frozen=True, slots=True)
class Generator:
    name: str
    languages: tuple[str, ...]
    grooming: Callable[[random.Random, Split, str], Draft]
    negative: Callable[[random.Random, Split, str, str], Draft]
    families: Callable[[Split, str], list[str]]


GENERATORS: tuple[Generator, ...] = (
    Generator(slots.NAME, ("en",), slots.grooming, slots.negative, slots.families),
    Generator(acts.NAME, acts.LANGUAGES, acts.grooming, acts.negative, acts.families),
    Generator(scenes.NAME, scenes.LANGUAGES, scenes.grooming, scenes.negative, scenes.families),
)

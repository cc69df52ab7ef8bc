"""Generator "acts": conversations composed from dialogue acts and paraphrase tables, in
every supported language.

A grooming move is an act of one strategy category realised as opener + core + tail, each
drawn from the language's phrasebook (``phrasebooks/<lang>.json``); now and then two acts
share one message ("how old are you and where do you live"). Small talk, the child's
replies and the hard-negative families come from the same phrasebook, whose lines carry
their categories. The phrasebooks were written for this generator, apart from the other
generators' templates. NON-SEXUAL by construction."""

from __future__ import annotations

import json
import random
from functools import cache
from importlib import resources
from typing import Any

from safeguard.chat.training.generators.base import (
    GROOMING_REGISTERS,
    STYLE_REGISTERS,
    Draft,
    Line,
    Person,
    Split,
    fill,
    parse_cue,
    part_for,
    pick,
    plan_moves,
    pool_part,
    two_ids,
)

NAME = "acts"
_BOOKS = resources.files("safeguard.chat.training.generators") / "phrasebooks"
LANGUAGES = tuple(sorted(p.name[:-5] for p in _BOOKS.iterdir() if p.name.endswith(".json")))


@cache
def phrasebook(language: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((_BOOKS / f"{language}.json").read_text(encoding="utf-8"))
    return doc


def _slots(book: dict[str, Any], **extra: str) -> dict[str, list[str]]:
    slots: dict[str, list[str]] = {k: list(v) for k, v in book["slots"].items()}
    slots["name"] = list(book["names"])
    slots.update({k: [v] for k, v in extra.items()})
    return slots


def _act(rng: random.Random, book: dict[str, Any], move: str, part: int, register: str) -> str:
    pool = book["acts"][move]
    if register == "polite_indirect" and move in book["indirect"]:
        pool = book["indirect"][move]
    core = str(pick(rng, pool, part))
    r = rng.random()
    if r < 0.3:
        core = f"{pick(rng, book['openers'], part)} {core}"
    if rng.random() < 0.2:
        core = f"{core}{pick(rng, book['tails'], part)}"
    return core


def grooming(rng: random.Random, split: Split, language: str) -> Draft:
    book = phrasebook(language)
    part = part_for(rng, split)
    register = rng.choice(GROOMING_REGISTERS)
    adult_age, child_age = rng.randint(18, 65), rng.randint(10, 15)
    adult_id, child_id = two_ids(rng, book["names"])
    adult = Person(adult_id, adult_age)
    if register == "peer_impostor":
        adult.claimed_age = min(16, child_age + rng.randint(0, 2))
    draft = Draft(NAME, language, "grooming", register, 1, part,
                  [adult, Person(child_id, child_age)], predator=adult_id)  # fmt: skip
    if register in STYLE_REGISTERS:
        draft.styles[adult_id] = register
    slots = _slots(book, age=str(child_age), claimed=str(adult.claimed_age or child_age))
    talk: list[str] = book["gaming_talk"] if register == "gaming" else book["small_talk"]
    moves = plan_moves(rng, register)
    if register == "peer_impostor":
        draft.say(adult_id, fill(rng, pick(rng, book["peer_claims"], part), slots), "age_probing",
                  grooming=True)  # fmt: skip
    for _ in range(rng.randint(0, 5 if register == "slow" else 2)):
        draft.say(rng.choice((child_id, adult_id)), fill(rng, pick(rng, talk, part), slots))
    i = 0
    while i < len(moves):
        move = moves[i]
        text = draft.repeat(rng, move) or _act(rng, book, move, part, register)
        cats = [move]
        if i + 1 < len(moves) and rng.random() < 0.2:
            nxt = moves[i + 1]
            text = (
                f"{text} {pick(rng, book['joiners'], part)} {_act(rng, book, nxt, part, register)}"
            )
            cats.append(nxt)
            i += 1
        draft.say(adult_id, fill(rng, text, slots), *cats, grooming=True)
        if register in ("one_sided", "persistent"):
            if rng.random() < 0.2:
                draft.say(child_id, pick(rng, book["one_sided"], part))
        else:
            if rng.random() < 0.7:
                draft.say(child_id, fill(rng, pick(rng, book["child_replies"], part), slots))
            if register != "quick" and rng.random() < (0.7 if register == "slow" else 0.35):
                draft.say(rng.choice((adult_id, child_id)), fill(rng, pick(rng, talk, part), slots))
        i += 1
    if len(draft.lines) < 2:
        draft.say(child_id, fill(rng, pick(rng, book["child_replies"], part), slots))
    return draft


def _chatter(rng: random.Random, draft: Draft, book: dict[str, Any], part: int, n: int) -> None:
    """Small talk and short replies between the lines that carry a category."""
    ids = [p.id for p in draft.people]
    for _ in range(n):
        pool = book["small_talk"] if rng.random() < 0.6 else book["child_replies"]
        at = rng.randint(0, len(draft.lines))
        text = fill(rng, pick(rng, pool, part), _slots(book, age=str(draft.people[1].age)))
        draft.lines.insert(at, Line(rng.choice(ids), text))


def _benign_cues(rng: random.Random, draft: Draft, book: dict[str, Any], part: int) -> None:
    """Now and then a line of another category used benignly ("my parents don't understand
    me", "give it back or I'll tell mum"), so no category's words belong to grooming alone."""
    bank: dict[str, list[str]] = book.get("benign_cues", {})
    ids = [p.id for p in draft.people]
    for category in rng.sample(sorted(bank), k=min(len(bank), rng.choice((0, 1, 1, 2, 2)))):
        _, cats, text = parse_cue(pick(rng, bank[category], part))
        draft.lines.insert(rng.randint(0, len(draft.lines)), Line(rng.choice(ids), text, cats))


def families(split: Split, language: str) -> list[str]:
    book = phrasebook(language)
    held_out = set(book.get("test_families", []))
    return [f for f in book["families"] if split == "test" or f not in held_out]


def negative(rng: random.Random, split: Split, language: str, family: str) -> Draft:
    book = phrasebook(language)
    part = part_for(rng, split)
    spec = book["families"][family]
    (a_lo, a_hi), (b_lo, b_hi) = spec["ages"]
    a_age, b_age = rng.randint(a_lo, a_hi), rng.randint(b_lo, b_hi)
    a_id, b_id = two_ids(rng, book["names"])
    register = rng.choice(STYLE_REGISTERS)
    draft = Draft(
        NAME, language, family, register, 0, part, [Person(a_id, a_age), Person(b_id, b_age)]
    )
    draft.styles[a_id] = register
    slots = _slots(book, age=str(b_age))
    cues = [parse_cue(c) for c in spec["cues"]]
    if rng.random() < 0.5:
        draft.say(rng.choice((a_id, b_id)), fill(rng, pick(rng, book["small_talk"], part), slots))
    mine = pool_part(cues, part)
    rng.shuffle(mine)
    chat: list[str] = []
    for speaker, cats, text in mine[: rng.randint(2, 6)]:
        author = {"a": a_id, "b": b_id}.get(speaker) or rng.choice((a_id, b_id))
        other = b_id if author == a_id else a_id
        draft.say(author, fill(rng, text, slots), *cats)
        for _ in range(rng.randint(0, 3)):
            if not chat:  # each chat line once before any comes again
                chat = pool_part(spec["chat"], part)
                rng.shuffle(chat)
            draft.say(rng.choice((other, other, author)), fill(rng, chat.pop(), slots))
    _chatter(rng, draft, book, part, rng.randint(0, 3))
    _benign_cues(rng, draft, book, part)
    return draft

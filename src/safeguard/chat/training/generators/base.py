"""What every conversation generator shares: the draft of a conversation (who says what,
which lines carry which strategy), the template parts that keep train and test apart, and
the finishing touches applied the same way to both classes (writing style, timing, declared
ages), so that none of them can tell a grooming conversation from a benign one.

A generator writes lines; :func:`finish` turns a :class:`Draft` into the labelled record
shipped in ``chat/data``. Every phrase pool is split into three template parts by index
(``i % 3``): parts 0 and 1 are train's two folds, part 2 only ever appears in the test
split, so no sentence template is shared between train and test."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypedDict, TypeVar

from safeguard.chat.training.generators import style

Split = Literal["train", "test"]
TEST_PART = 2
PARTS = 3

T = TypeVar("T")

# How the grooming is written (one per grooming conversation).
GROOMING_REGISTERS = (
    "slow",
    "quick",
    "polite_indirect",
    "slang",
    "typos",
    "leetspeak",
    "emoji",
    "gaming",
    "peer_impostor",
    "threats",
    "one_sided",
    "persistent",
)
# Writing styles any speaker may use, in either class.
STYLE_REGISTERS = ("plain", "slang", "typos", "leetspeak", "emoji")


class Family(TypedDict):
    """A hard-negative family: the age ranges of its two people, the lines that use a
    category's words (``"speaker|categories|text"``) and its everyday chat."""

    ages: tuple[tuple[int, int], tuple[int, int]]
    cues: list[str]
    chat: list[str]


def part_for(rng: random.Random, split: Split) -> int:
    """The template part of a new conversation: 2 in test, 0 or 1 in train."""
    return TEST_PART if split == "test" else rng.randint(0, 1)


def pool_part(pool: Sequence[T], part: int) -> list[T]:
    """The entries of one template part (index % 3 == part); pools hold at least 3 entries."""
    chosen = [p for i, p in enumerate(pool) if i % PARTS == part]
    if not chosen:
        raise ValueError(f"phrase pool too small for template part {part}: {pool!r}")
    return chosen


def pick(rng: random.Random, pool: Sequence[T], part: int) -> T:
    return rng.choice(pool_part(pool, part))


_SLOT = re.compile(r"\{(\w+)\}")


def fill(rng: random.Random, template: str, slots: Mapping[str, Sequence[str]]) -> str:
    """Replace each ``{slot}`` with a random value of that slot (unknown slots stay)."""

    def one(m: re.Match[str]) -> str:
        values = slots.get(m.group(1))
        return rng.choice(values) if values else m.group(0)

    return _SLOT.sub(one, template)


@dataclass
class Person:
    id: str
    age: int
    claimed_age: int | None = None
    """The age the person says they are, when it is not the truth (an adult posing as a peer)."""


@dataclass
class Line:
    author: str
    text: str
    categories: tuple[str, ...] = ()
    grooming: bool = False
    """A strategy move by the suspect (``categories`` say which); other lines with categories
    use the same surface words in benign sense."""


@dataclass
class Draft:
    generator: str
    language: str
    family: str
    register: str
    label: int
    part: int
    people: list[Person]
    lines: list[Line] = field(default_factory=list)
    predator: str | None = None
    styles: dict[str, str] = field(default_factory=dict)
    """Writing style per author; authors without one get a random everyday style."""
    said: dict[str, str] = field(default_factory=dict)
    """The text of each grooming move so far (a persistent suspect repeats it word for word)."""

    def say(self, author: str, text: str, *categories: str, grooming: bool = False) -> None:
        self.lines.append(Line(author, text, tuple(categories), grooming))
        if grooming and len(categories) == 1:
            self.said.setdefault(categories[0], text)

    def repeat(self, rng: random.Random, move: str) -> str | None:
        """A persistent suspect's earlier wording of ``move`` (sometimes), else None."""
        if self.register == "persistent" and move in self.said and rng.random() < 0.7:
            return self.said[move]
        return None


def person_id(rng: random.Random, names: Sequence[str]) -> str:
    r = rng.random()
    name = rng.choice(names)
    if r < 0.4:
        return f"u{rng.randint(1000, 99999)}"
    if r < 0.7:
        return f"{name}{rng.randint(1, 2013)}"
    return f"{name}_{rng.choice(['x', 'xx', 'gg', 'ok', 'tv', 'pl', 'yt', '99', '07'])}"


def two_ids(rng: random.Random, names: Sequence[str]) -> tuple[str, str]:
    a = person_id(rng, names)
    b = person_id(rng, names)
    while b == a:
        b = person_id(rng, names)
    return a, b


# -- finishing ----------------------------------------------------------------------------

_EVERYDAY_STYLES = ("plain", "plain", "plain", "slang", "typos", "emoji", "leetspeak")


def _declared(rng: random.Random, person: Person) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": person.id}
    if rng.random() < 0.5:
        doc["age"] = person.claimed_age if person.claimed_age is not None else person.age
    if rng.random() < 0.2:
        shown = person.claimed_age if person.claimed_age is not None else person.age
        doc["role"] = "adult" if shown >= 18 else "child"
    return doc


def _timestamps(rng: random.Random, n: int) -> list[Any] | None:
    """Times drawn the same way for every class: no ts, epoch seconds or ISO 8601 strings;
    rapid, relaxed or days-apart gaps; daytime or late-night starts."""
    form = rng.choices(("none", "epoch", "iso"), (0.35, 0.35, 0.3))[0]
    if form == "none":
        return None
    day = datetime(2024, 1, 1, tzinfo=UTC).timestamp() + rng.randint(0, 700) * 86400
    hour = rng.choice((rng.uniform(8, 19), rng.uniform(20, 24), rng.uniform(0, 3)))
    ts = day + hour * 3600 + rng.uniform(0, 3600)
    pace = rng.choice(("rapid", "relaxed", "days"))
    out: list[Any] = []
    for _ in range(n):
        out.append(
            round(ts, 1)
            if form == "epoch"
            else datetime.fromtimestamp(round(ts), UTC).isoformat().replace("+00:00", "Z")
        )
        if pace == "rapid":
            ts += rng.expovariate(1 / 25) + 2
        elif pace == "relaxed":
            ts += rng.expovariate(1 / 600) + 5
        else:
            ts += rng.expovariate(1 / 120) + 2
            if rng.random() < 0.15:
                ts += rng.uniform(0.5, 3.0) * 86400
    return out


def finish(draft: Draft, rng: random.Random, cid: str) -> dict[str, Any]:
    """The labelled record of a draft: styled text, timing, declared ages, annotations."""
    styles = dict(draft.styles)
    for p in draft.people:
        styles.setdefault(p.id, rng.choice(_EVERYDAY_STYLES))
    strip_accents = {p.id: draft.language != "en" and rng.random() < 0.45 for p in draft.people}
    cedilla = {p.id: rng.random() < 0.4 for p in draft.people}
    times = _timestamps(rng, len(draft.lines))
    messages: list[dict[str, Any]] = []
    grooming: list[dict[str, Any]] = []
    cues: list[dict[str, Any]] = []
    for i, line in enumerate(draft.lines):
        text = style.apply(rng, styles[line.author], line.text, draft.language)
        if strip_accents[line.author]:
            text = style.strip_diacritics(text)
        elif draft.language == "ro" and cedilla[line.author]:
            text = style.cedilla(text)
        msg: dict[str, Any] = {"author": line.author, "text": text}
        if times is not None:
            msg["ts"] = times[i]
        messages.append(msg)
        if line.categories:
            entry = {"index": i, "categories": list(line.categories)}
            (grooming if line.grooming else cues).append(entry)
    return {
        "id": cid,
        "participants": [_declared(rng, p) for p in draft.people],
        "messages": messages,
        "label": draft.label,
        "family": draft.family,
        "predator": draft.predator,
        "predator_lines": [g["index"] for g in grooming],
        "grooming_lines": grooming,
        "cue_lines": cues,
        "register": draft.register,
        "language": draft.language,
        "generator": draft.generator,
        "template_part": draft.part,
    }


# -- the strategy plan of a grooming conversation ------------------------------------------

STAGES: tuple[tuple[str, ...], ...] = (
    ("age_probing", "personal_info"),
    ("flattery_romance", "gifts_money"),
    ("isolation", "secrecy", "risk_assessment", "platform_move"),
    ("photo_camera", "meeting", "pressure", "threats_extortion"),
)


def plan_moves(rng: random.Random, register: str) -> list[str]:
    """The strategy categories a grooming conversation walks through, mostly in stage order;
    every plan has at least two moves, threats plans end in pressure and a threat."""
    low, high = {"quick": (2, 4), "slow": (4, 8), "one_sided": (3, 6)}.get(register, (2, 6))
    moves: list[str] = []
    for group in STAGES:
        moves.extend(rng.sample(group, rng.randint(0, 2)))
    if len(moves) < low:
        extra = rng.sample([c for g in STAGES for c in g], low)
        moves = sorted(
            dict.fromkeys([*moves, *extra]),
            key=lambda c: next(i for i, g in enumerate(STAGES) if c in g),
        )
    moves = moves[: rng.randint(low, high)]
    if rng.random() < 0.15 and len(moves) > 2:
        i, j = rng.sample(range(len(moves)), 2)
        moves[i], moves[j] = moves[j], moves[i]
    if register == "threats":
        moves = [m for m in moves if m not in ("pressure", "threats_extortion")][:4]
        moves += ["pressure", "threats_extortion"]
    if register == "persistent":
        # Unanswered requests, sent again and again.
        moves = moves[:4] + moves[-2:] * rng.randint(1, 3)
    return moves


def parse_cue(spec: str) -> tuple[str, tuple[str, ...], str]:
    """``"a|secrecy,meeting|text"`` → (speaker, categories, text); speaker ``a``, ``b`` or
    ``*`` (either)."""
    speaker, cats, text = spec.split("|", 2)
    return speaker, tuple(c for c in cats.split(",") if c), text

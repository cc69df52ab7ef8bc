"""The cheaper per-message code of issue 12's seventh speed round gives exactly what the
plain code gave: the slot-descriptor constructors make equal, still frozen objects; the stage
pairs and the target found in one pass agree with the list-building versions on random
authors."""

from __future__ import annotations

import dataclasses
import itertools
import random
from dataclasses import dataclass

import pytest

from safeguard.chat.fast_init import fast_constructor
from safeguard.chat.scorer import (
    _N_CATS,
    _PAIR_VALUES,
    _STAGE_BIT,
    OTHER_AUTHORS,
    AuthorStats,
    ConversationState,
    GroomingSignal,
    ScoreResult,
    _pairs,
)
from safeguard.chat.text import NormalText


def test_fast_constructor_makes_equal_frozen_objects() -> None:
    make = fast_constructor(ScoreResult)
    args = ("c", 0.25, "low", [GroomingSignal("secrecy", 1, 2, 3, "a")], 4, "a", "b", 5, ["w"])
    fast, plain = make(*args, "en", True), ScoreResult(*args, "en", True)
    assert fast == plain and repr(fast) == repr(plain) and type(fast) is ScoreResult
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.risk = 1.0  # type: ignore[misc]
    sig = fast_constructor(GroomingSignal)("secrecy", 1, 2, 3, "a")
    assert sig == GroomingSignal("secrecy", 1, 2, 3, "a") and hash(sig) == hash(
        GroomingSignal("secrecy", 1, 2, 3, "a")
    )
    assert fast_constructor(NormalText)("hi", None, False) == NormalText("hi", None, False)
    with pytest.raises(TypeError):
        fast_constructor(ScoreResult)("too", "few")


def test_fast_constructor_refuses_what_it_cannot_copy() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclass(frozen=True, slots=True)
    class WithPost:
        x: int

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, WithPost, int):
        with pytest.raises(TypeError):
            fast_constructor(cls)


def _pairs_plain(counts: list[int]) -> list[float]:
    mask = 0
    for bit, c in zip(_STAGE_BIT, counts, strict=True):
        if c:
            mask |= bit
    return _PAIR_VALUES[mask]


def test_stage_pairs_match_the_loop() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        counts = [rng.choice((0, 0, 0, 1, 2, 65535)) for _ in range(_N_CATS)]
        assert _pairs(counts) == _pairs_plain(counts)
    with pytest.raises(ValueError):
        _pairs([1] * (_N_CATS - 1))


def _target_plain(state: ConversationState, lead: str | None) -> str | None:
    others = [(a, s) for a, s in state.authors.items() if a != lead and a != OTHER_AUTHORS]
    if not others:
        return None
    minors = [(a, s) for a, s in others if (s.age is not None and s.age < 18) or s.role == "child"]
    pool = minors or others
    return max(pool, key=lambda item: item[1].messages)[0]


def test_target_matches_the_list_building_version() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        state = ConversationState()
        names = [*(f"u{i}" for i in range(rng.randint(0, 6))), OTHER_AUTHORS][: rng.randint(0, 7)]
        for name in names:
            state.authors[name] = AuthorStats(
                messages=rng.randint(0, 3),
                age=rng.choice((None, 12, 15, 17, 18, 40)),
                role=rng.choice((None, "child", "adult", "teacher")),
            )
        for lead in itertools.chain([None], names):
            assert state.target(lead) == _target_plain(state, lead)

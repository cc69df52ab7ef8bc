"""Speed work must not move any score: the shipped model gives, message by message, exactly
the answers recorded in ``data/golden_scores.json`` (written by ``golden_scores.py`` from the
scorer before it was made faster) on the synthetic test split and the development set."""

from __future__ import annotations

import json

from safeguard.chat.scorer import Scoring
from tests.chat.golden_scores import GOLDEN, conversations, trace


def test_every_conversation_scores_exactly_as_recorded() -> None:
    expected = json.loads(GOLDEN.read_text())
    convs = conversations()
    assert len(convs) == len(expected) >= 500
    scoring = Scoring.default()
    differ = []
    for src, conversation in convs:
        key = f"{src}:{conversation.id}"
        got = trace(conversation, scoring)
        if got != expected[key]:
            differ.append((key, got, expected[key]))
    assert not differ, f"{len(differ)} conversations score differently, first: {differ[0]}"


def test_the_record_is_not_trivial() -> None:
    expected = json.loads(GOLDEN.read_text())
    levels = {v["level"] for v in expected.values()}
    assert len(levels) >= 3
    assert sum(1 for v in expected.values() if v["alert_at"] is not None) >= 50
    assert sum(1 for v in expected.values() if v["signals"]) >= 100

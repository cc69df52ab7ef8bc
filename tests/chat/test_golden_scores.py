"""Speed work must not move any score: the shipped model gives, message by message, exactly
the answers recorded in ``data/golden_scores.json`` (written by ``golden_scores.py`` from the
scorer before it was made faster) on the synthetic test split and the development set."""

from __future__ import annotations

import json
import operator

from safeguard.chat.language import SUPPORTED
from safeguard.chat.normalise import normalise
from safeguard.chat.scorer import Scoring
from tests.chat.golden_scores import GOLDEN, conversations, trace


def test_every_conversation_scores_exactly_as_recorded() -> None:
    expected = json.loads(GOLDEN.read_text())
    convs = conversations()
    assert len(convs) == len(expected) >= 1000
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


def test_one_walk_over_two_lexicons_finds_what_two_passes_find() -> None:
    """Every message of the test split and the development set, read with English and each
    other supported language's lexicon: the one walk gives the two passes' hits merged by
    start (English first on a tie), and ``find`` gives the same hits as ``spans``."""
    scoring = Scoring.default()
    english = scoring.lexicon
    others = [lx for lang in SUPPORTED if lang != "en" if (lx := scoring.lexicon_for(lang))]
    assert len(others) == len(SUPPORTED) - 1
    texts = [normalise(m.text).text for _, c in conversations() for m in c.messages]
    found = 0
    for text in texts:
        own = english.spans(text)
        assert [(h.category, h.start, h.end) for h in english.find(text)] == own
        for other in others:
            two = sorted([*own, *other.spans(text)], key=operator.itemgetter(1))
            assert english.spans_with(other, text) == two, text
            found += len(two)
    assert found > 1000

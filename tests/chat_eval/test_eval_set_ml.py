"""The hand-written non-English grooming evaluation set is well formed.

`tests/data/chat_eval/conversations_ml.jsonl` is an evaluation set only (never training data,
never used for features or thresholds; see README_ml.md). These tests check its shape and
the minimum it promises per language, not any model's score on it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.chat_eval.checks import (
    KEYS,
    OTHER_LANGUAGES,
    check_conversation,
    label_counts,
    load_jsonl,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "chat_eval" / "conversations_ml.jsonl"
LANGUAGES = OTHER_LANGUAGES
MIN_GROOMING = 5
MIN_NEGATIVE = 6
MIN_HARD_NEGATIVE = 4


CONVERSATIONS = load_jsonl(DATA)


def test_ids_are_unique() -> None:
    ids = [c["id"] for c in CONVERSATIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: str(c.get("id")))
def test_conversation_has_the_documented_shape(conversation: dict[str, Any]) -> None:
    assert set(conversation) == KEYS
    assert conversation["language"] in LANGUAGES
    assert conversation["id"].startswith(f"{conversation['language']}-")
    check_conversation(conversation)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_the_promised_minimum(language: str) -> None:
    rows = [c for c in CONVERSATIONS if c["language"] == language]
    grooming, negative, hard = label_counts(rows)
    assert grooming >= MIN_GROOMING, f"{language}: {grooming} grooming"
    assert negative >= MIN_NEGATIVE, f"{language}: {negative} negatives"
    assert hard >= MIN_HARD_NEGATIVE, f"{language}: {hard} hard negatives"


def test_every_timestamp_form_occurs_under_both_labels() -> None:
    """Seconds, ISO with Z, ISO with an offset and no ts at all, so the form of the time
    says nothing about the label."""

    def form(conversation: dict[str, Any]) -> str:
        ts = conversation["messages"][0].get("ts")
        if ts is None:
            return "none"
        if not isinstance(ts, str):
            return "seconds"
        return "iso_z" if ts.endswith("Z") else "iso_offset"

    forms = Counter((c["label"], form(c)) for c in CONVERSATIONS)
    for label in (0, 1):
        for kind in ("seconds", "iso_z", "iso_offset", "none"):
            assert forms[(label, kind)] >= 1, f"label {label} has no {kind} conversation"

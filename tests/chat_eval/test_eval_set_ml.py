"""The hand-written non-English grooming evaluation set is well formed.

`tests/data/chat_eval/conversations_ml.jsonl` is an evaluation set only (never training data,
never used for features or thresholds; see README_ml.md). These tests check its shape and
the minimum it promises per language, not any model's score on it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "chat_eval" / "conversations_ml.jsonl"
LANGUAGES = ("pl", "ro", "es", "fr", "de", "pt", "it")
MIN_GROOMING = 5
MIN_NEGATIVE = 6
MIN_HARD_NEGATIVE = 4
KEYS = {
    "id",
    "participants",
    "messages",
    "label",
    "predator",
    "grooming_lines",
    "register",
    "family",
    "language",
    "hard_negative",
}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _load() -> list[dict[str, Any]]:
    rows = []
    with DATA.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            assert line.strip(), f"line {number} is blank"
            row = json.loads(line)
            assert isinstance(row, dict), f"line {number} is not a JSON object"
            rows.append(row)
    return rows


CONVERSATIONS = _load()


def _seconds(ts: object) -> float:
    if isinstance(ts, str):
        moment = datetime.fromisoformat(ts.replace("Z", "+00:00"))
        assert moment.tzinfo is not None, f"ISO timestamp without a zone: {ts}"
        return moment.timestamp()
    assert isinstance(ts, int | float) and not isinstance(ts, bool), f"bad ts {ts!r}"
    return float(ts)


def test_ids_are_unique() -> None:
    ids = [c["id"] for c in CONVERSATIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: str(c.get("id")))
def test_conversation_has_the_documented_shape(conversation: dict[str, Any]) -> None:
    assert set(conversation) == KEYS
    assert conversation["language"] in LANGUAGES
    assert conversation["id"].startswith(f"{conversation['language']}-")
    assert SNAKE.match(conversation["register"])
    assert SNAKE.match(conversation["family"])
    assert conversation["label"] in (0, 1)
    assert isinstance(conversation["hard_negative"], bool)

    participants = conversation["participants"]
    assert len(participants) >= 2
    people = [p["id"] for p in participants]
    assert len(people) == len(set(people))
    for person in participants:
        assert set(person) <= {"id", "age"}
        if "age" in person:
            assert isinstance(person["age"], int) and 5 <= person["age"] <= 100

    messages = conversation["messages"]
    assert 8 <= len(messages) <= 30
    for message in messages:
        assert set(message) <= {"author", "text", "ts"}
        assert message["author"] in people
        assert isinstance(message["text"], str) and message["text"].strip()
    assert {m["author"] for m in messages} == set(people), "someone never speaks"


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: str(c.get("id")))
def test_timestamps_are_all_or_none_and_never_go_back(conversation: dict[str, Any]) -> None:
    stamped = ["ts" in m for m in conversation["messages"]]
    assert all(stamped) or not any(stamped)
    if all(stamped):
        seconds = [_seconds(m["ts"]) for m in conversation["messages"]]
        assert seconds == sorted(seconds)


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: str(c.get("id")))
def test_grooming_lines_point_at_the_predators_messages(conversation: dict[str, Any]) -> None:
    lines = conversation["grooming_lines"]
    messages = conversation["messages"]
    if conversation["label"] == 0:
        assert conversation["predator"] is None
        assert lines == []
        return
    assert not conversation["hard_negative"]
    predator = conversation["predator"]
    assert predator in {p["id"] for p in conversation["participants"]}
    assert lines, "a grooming conversation marks its grooming lines"
    assert lines == sorted(set(lines))
    for index in lines:
        assert isinstance(index, int) and 0 <= index < len(messages)
        assert messages[index]["author"] == predator


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_the_promised_minimum(language: str) -> None:
    rows = [c for c in CONVERSATIONS if c["language"] == language]
    grooming = sum(c["label"] == 1 for c in rows)
    negative = sum(c["label"] == 0 for c in rows)
    hard = sum(c["hard_negative"] for c in rows)
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

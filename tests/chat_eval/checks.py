"""Checks every hand-written chat evaluation file shares (tests/data/chat_eval*/): how a
file is read, what a conversation looks like, timestamps, grooming lines, and the ROC AUC
used to show that surface metadata alone does not give a label away."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

#: The keys of a conversation in every set.
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
#: The supported languages besides English.
OTHER_LANGUAGES = ("pl", "ro", "es", "fr", "de", "pt", "it")
DATA = Path(__file__).resolve().parents[1] / "data"


class EditionFiles:
    """Where an edition's files are and how its ids read: ``number`` is the edition's
    number, ``ID_PREFIX`` the regex before it in every id (``en``, or a language code)."""

    number: int
    ID_PREFIX = ""

    @property
    def folder(self) -> Path:
        return DATA / f"chat_eval_v{self.number}"

    @property
    def conversation_id(self) -> re.Pattern[str]:
        return re.compile(rf"^{self.ID_PREFIX}{self.number}-(?P<kind>[gne])-\d{{3}}$")

    @property
    def stream_id(self) -> re.Pattern[str]:
        return re.compile(rf"^{self.ID_PREFIX}{self.number}-s-\d{{3}}$")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every line of ``path`` as a JSON object (a blank line or a non-object fails)."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            assert line.strip(), f"{path.name} line {number} is blank"
            row = json.loads(line)
            assert isinstance(row, dict), f"{path.name} line {number} is not a JSON object"
            rows.append(row)
    return rows


def seconds(ts: object) -> float:
    """A message's ``ts`` (seconds, or ISO 8601 with a zone) as seconds since the epoch."""
    if isinstance(ts, str):
        moment = datetime.fromisoformat(ts.replace("Z", "+00:00"))
        assert moment.tzinfo is not None, f"ISO timestamp without a zone: {ts}"
        return moment.timestamp()
    assert isinstance(ts, int | float) and not isinstance(ts, bool), f"bad ts {ts!r}"
    return float(ts)


def ts_form(ts: object) -> str:
    """Which accepted timestamp form a value is: seconds, ISO with Z, ISO with an offset."""
    if isinstance(ts, int | float) and not isinstance(ts, bool):
        return "seconds"
    assert isinstance(ts, str), f"ts {ts!r} is neither a number nor a string"
    parsed = datetime.fromisoformat(ts)
    assert parsed.tzinfo is not None, f"ts {ts!r} has no time zone"
    return "iso_z" if ts.endswith("Z") else "iso_offset"


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels)
    positive, negative = s[y == 1][:, None], s[y == 0][None, :]
    return float(((positive > negative) + 0.5 * (positive == negative)).mean())


def check_people_and_messages(
    conversation: dict[str, Any], *, least: int = 8, most: int = 30
) -> None:
    """Distinct participants with plausible ages; ``least``..``most`` messages, each by one of
    them with text; everyone speaks."""
    assert SNAKE.match(conversation["register"])
    assert SNAKE.match(conversation["family"])
    assert conversation["label"] in (0, 1)
    assert isinstance(conversation["hard_negative"], bool)
    participants = conversation["participants"]
    assert len(participants) >= 2
    people = [p["id"] for p in participants]
    assert all(isinstance(p, str) and p for p in people)
    assert len(people) == len(set(people))
    for person in participants:
        assert set(person) <= {"id", "age"}
        if "age" in person:
            assert isinstance(person["age"], int) and 5 <= person["age"] <= 100
    messages = conversation["messages"]
    assert least <= len(messages) <= most, f"{len(messages)} messages"
    for message in messages:
        assert set(message) <= {"author", "text", "ts"}
        assert message["author"] in people
        assert isinstance(message["text"], str) and message["text"].strip()
    assert {m["author"] for m in messages} == set(people), "someone never speaks"


def check_timestamps(conversation: dict[str, Any]) -> None:
    """Every message stamped or none; stamps never go back."""
    stamped = ["ts" in m for m in conversation["messages"]]
    assert all(stamped) or not any(stamped)
    if all(stamped):
        instants = [seconds(m["ts"]) for m in conversation["messages"]]
        assert instants == sorted(instants)


def check_grooming_lines(conversation: dict[str, Any]) -> None:
    """A negative names no predator and no lines; a grooming conversation marks sorted,
    distinct lines, each one of its predator's messages."""
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


def check_conversation(conversation: dict[str, Any], *, least: int = 8, most: int = 30) -> None:
    """Every check of one conversation: people and messages (``least``..``most`` of them),
    timestamps, grooming lines."""
    check_people_and_messages(conversation, least=least, most=most)
    check_timestamps(conversation)
    check_grooming_lines(conversation)


def label_counts(rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Grooming, negative and hard-negative conversations among ``rows``."""
    grooming = sum(c["label"] == 1 for c in rows)
    return grooming, len(rows) - grooming, sum(bool(c["hard_negative"]) for c in rows)


def grooming_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in rows if c["label"] == 1]


def negative_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in rows if c["label"] == 0]


def gaps(conversation: dict[str, Any]) -> list[float]:
    """Seconds between consecutive timestamped messages."""
    instants = [seconds(m["ts"]) for m in conversation["messages"] if "ts" in m]
    return [b - a for a, b in pairwise(instants)]


def local_hours(conversation: dict[str, Any]) -> list[int]:
    """Wall-clock hours: local time for ISO strings, UTC for seconds."""
    hours = []
    for m in conversation["messages"]:
        ts = m.get("ts")
        if isinstance(ts, str):
            hours.append(datetime.fromisoformat(ts.replace("Z", "+00:00")).hour)
        elif ts is not None:
            hours.append(datetime.fromtimestamp(ts, UTC).hour)
    return hours


def declared_age_gap(conversation: dict[str, Any]) -> float:
    ages = [p["age"] for p in conversation["participants"] if "age" in p]
    return float(max(ages) - min(ages)) if len(ages) >= 2 else 0.0


def check_stream_comments(stream: dict[str, Any], least: int, most: int, viewers: int) -> None:
    """``least``..``most`` comments of ``ts``, ``viewer`` and ``text``, in time order, from
    at least ``viewers`` people."""
    sid = stream["id"]
    assert least <= len(stream["comments"]) <= most, sid
    for comment in stream["comments"]:
        assert set(comment) == {"ts", "viewer", "text"}, sid
        assert isinstance(comment["ts"], int | float) and comment["ts"] >= 0, sid
        assert isinstance(comment["viewer"], str) and comment["viewer"], sid
        assert isinstance(comment["text"], str) and comment["text"].strip(), sid
    times = [comment["ts"] for comment in stream["comments"]]
    assert times == sorted(times), sid
    assert len({comment["viewer"] for comment in stream["comments"]}) >= viewers, sid


def check_timing_mixes_labels(rows: list[dict[str, Any]], late: int) -> None:
    """Day-long gaps (8 or more) and late nights (``late`` or more) occur in both classes,
    and quick daytime chats (3 or more) among grooming, so timing alone is no shortcut."""
    negatives, grooming = negative_rows(rows), grooming_rows(rows)
    for group in (negatives, grooming):
        assert sum(any(g >= 24 * 3600 for g in gaps(c)) for c in group) >= 8
        assert sum(any(h >= 22 or h < 5 for h in local_hours(c)) for c in group) >= late
    quick_daytime = [
        c
        for c in grooming
        if gaps(c) and max(gaps(c)) < 900 and all(9 <= h < 18 for h in local_hours(c))
    ]
    assert len(quick_daytime) >= 3


def check_bad_viewers(stream: dict[str, Any]) -> None:
    """Bad viewers are distinct viewers of the stream, named exactly in concerning streams,
    which also have ordinary viewers."""
    viewers = {comment["viewer"] for comment in stream["comments"]}
    bad = stream["bad_viewers"]
    assert set(bad) <= viewers, stream["id"]
    assert len(bad) == len(set(bad)), stream["id"]
    assert bool(bad) == (stream["label"] == 1), stream["id"]
    if stream["label"] == 1:
        assert viewers - set(bad), f"{stream['id']}: no ordinary viewer"


#: Surface properties of a conversation that must not give its label away, each a number
#: (the validators add their own).
METADATA: dict[str, Callable[[dict[str, Any]], float]] = {
    "messages": lambda c: float(len(c["messages"])),
    "characters": lambda c: float(sum(len(m["text"]) for m in c["messages"])),
    "has_ts": lambda c: float(any("ts" in m for m in c["messages"])),
    "max_gap": lambda c: math.log1p(max(gaps(c), default=0.0)),
    "median_gap": lambda c: math.log1p(float(np.median(gaps(c)))) if gaps(c) else 0.0,
    "span": lambda c: math.log1p(sum(gaps(c))),
    "late_night_share": lambda c: (
        float(np.mean([h >= 22 or h < 5 for h in local_hours(c)])) if local_hours(c) else 0.0
    ),
    "declared_ages": lambda c: float(sum("age" in p for p in c["participants"])),
    "declared_age_gap": declared_age_gap,
}

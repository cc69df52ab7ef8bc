"""The second and third hand-written non-English chat evaluation sets are well formed.

`tests/data/chat_eval_v2/` and `tests/data/chat_eval_v3/` (`conversations_ml.jsonl`,
`comments_ml.jsonl`) are evaluation sets only (never training data, never used for features,
lexicons or thresholds; see each folder's `README_ml.md`). These tests check their shape, the
minimum each edition promises per language, and that surface metadata alone (length, timing,
declared ages) does not give the label away. They say nothing about any model's score.
One module for both editions: they share the schema and differ only in the minimums and in
which surface properties their writers checked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.chat_eval.checks import (
    KEYS,
    OTHER_LANGUAGES,
    SNAKE,
    check_conversation,
    label_counts,
    load_jsonl,
    roc_auc,
    seconds,
)

DATA = Path(__file__).resolve().parents[1] / "data"
LANGUAGES = OTHER_LANGUAGES
MIN_NEGATIVE = 6
STREAM_KEYS = {"id", "label", "bad_viewers", "family", "language", "comments"}
# A surface property that ranks the labels this well or worse is a shortcut a model could learn.
AUC_LOW, AUC_HIGH = 0.3, 0.7


@dataclass(frozen=True)
class Edition:
    """One edition's promises (its README_ml.md) and the surface properties checked on it."""

    number: int
    min_conversations: int
    min_grooming: int
    min_hard_negative: int
    min_registers: int
    min_hard_families: int
    min_streams: int
    surface: tuple[str, ...]
    stream_surface: tuple[str, ...]

    @property
    def folder(self) -> Path:
        return DATA / f"chat_eval_v{self.number}"

    @property
    def conversation_id(self) -> re.Pattern[str]:
        return re.compile(rf"^(?P<lang>[a-z]{{2}}){self.number}-(?P<kind>[gne])-\d{{3}}$")

    @property
    def stream_id(self) -> re.Pattern[str]:
        return re.compile(rf"^(?P<lang>[a-z]{{2}}){self.number}-s-\d{{3}}$")


_BASE_SURFACE = (
    "number_of_messages",
    "has_ts",
    "max_gap",
    "time_span",
    "has_declared_age",
    "declared_age_gap",
)
_BASE_STREAM_SURFACE = ("number_of_comments", "number_of_viewers", "duration")
EDITIONS = {
    "v2": Edition(2, 10, 4, 4, 3, 0, 3, _BASE_SURFACE, _BASE_STREAM_SURFACE),
    "v3": Edition(
        3,
        12,
        6,
        6,
        5,
        6,
        2,
        (*_BASE_SURFACE, "words_per_message", "characters"),
        (*_BASE_STREAM_SURFACE, "words_per_comment"),
    ),
}
CONVERSATIONS = {
    name: load_jsonl(e.folder / "conversations_ml.jsonl") for name, e in EDITIONS.items()
}
STREAMS = {name: load_jsonl(e.folder / "comments_ml.jsonl") for name, e in EDITIONS.items()}
ALL_CONVERSATIONS = [(name, c) for name, rows in CONVERSATIONS.items() for c in rows]
ALL_STREAMS = [(name, s) for name, rows in STREAMS.items() for s in rows]
BY_LANGUAGE = [(name, language) for name in EDITIONS for language in LANGUAGES]


def _row_id(value: object) -> str:
    return str(value["id"]) if isinstance(value, dict) else str(value)


def _gaps(conversation: dict[str, Any]) -> list[float]:
    messages = conversation["messages"]
    if "ts" not in messages[0]:
        return [0.0]
    instants = [seconds(m["ts"]) for m in messages]
    return [b - a for a, b in pairwise(instants)] or [0.0]


def _declared_age_gap(conversation: dict[str, Any]) -> float:
    ages = [p["age"] for p in conversation["participants"] if "age" in p]
    return float(max(ages) - min(ages)) if len(ages) >= 2 else 0.0


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_ids_are_unique(edition: str) -> None:
    for rows in (CONVERSATIONS[edition], STREAMS[edition]):
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("edition", "conversation"), ALL_CONVERSATIONS, ids=_row_id)
def test_conversation_has_the_documented_shape(edition: str, conversation: dict[str, Any]) -> None:
    assert set(conversation) == KEYS
    match = EDITIONS[edition].conversation_id.match(conversation["id"])
    assert match, conversation["id"]
    assert conversation["language"] in LANGUAGES
    assert match["lang"] == conversation["language"]
    assert (match["kind"] == "g") == (conversation["label"] == 1)
    assert (match["kind"] == "n") == conversation["hard_negative"]
    check_conversation(conversation)


@pytest.mark.parametrize(("edition", "language"), BY_LANGUAGE)
def test_each_language_has_the_promised_conversations(edition: str, language: str) -> None:
    promise = EDITIONS[edition]
    rows = [c for c in CONVERSATIONS[edition] if c["language"] == language]
    grooming, negative, hard = label_counts(rows)
    assert len(rows) >= promise.min_conversations, f"{language}: {len(rows)} conversations"
    assert grooming >= promise.min_grooming, f"{language}: {grooming} grooming"
    assert negative >= MIN_NEGATIVE, f"{language}: {negative} negatives"
    assert hard >= promise.min_hard_negative, f"{language}: {hard} hard negatives"
    registers = {c["register"] for c in rows if c["label"] == 1}
    assert len(registers) >= promise.min_registers, f"{language}: grooming in {sorted(registers)}"
    families = {c["family"] for c in rows if c["hard_negative"]}
    assert len(families) >= promise.min_hard_families, f"{language}: hard negatives {families}"


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_every_timestamp_form_occurs_under_both_labels(edition: str) -> None:
    def form(conversation: dict[str, Any]) -> str:
        ts = conversation["messages"][0].get("ts")
        if ts is None:
            return "none"
        if not isinstance(ts, str):
            return "seconds"
        return "iso_z" if ts.endswith("Z") else "iso_offset"

    forms = Counter((c["label"], form(c)) for c in CONVERSATIONS[edition])
    for label in (0, 1):
        for kind in ("seconds", "iso_z", "iso_offset", "none"):
            assert forms[(label, kind)] >= 1, f"label {label} has no {kind} conversation"


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_multi_day_gaps_and_declared_adult_minor_pairs_occur_under_both_labels(
    edition: str,
) -> None:
    for label in (0, 1):
        rows = [c for c in CONVERSATIONS[edition] if c["label"] == label]
        assert sum(max(_gaps(c)) >= 86400 for c in rows) >= 3, f"label {label}"
        assert sum(_declared_age_gap(c) >= 18 for c in rows) >= 3, f"label {label}"


SURFACE = {
    "number_of_messages": lambda c: float(len(c["messages"])),
    "has_ts": lambda c: float("ts" in c["messages"][0]),
    "max_gap": lambda c: max(_gaps(c)),
    "time_span": lambda c: sum(_gaps(c)),
    "has_declared_age": lambda c: float(any("age" in p for p in c["participants"])),
    "declared_age_gap": _declared_age_gap,
    "words_per_message": lambda c: (
        sum(len(m["text"].split()) for m in c["messages"]) / len(c["messages"])
    ),
    "characters": lambda c: float(sum(len(m["text"]) for m in c["messages"])),
}


@pytest.mark.parametrize(
    ("edition", "feature"), [(name, f) for name, e in EDITIONS.items() for f in e.surface]
)
def test_surface_metadata_alone_does_not_predict_the_label(edition: str, feature: str) -> None:
    rows = CONVERSATIONS[edition]
    auc = roc_auc([SURFACE[feature](c) for c in rows], [c["label"] for c in rows])
    assert AUC_LOW <= auc <= AUC_HIGH, f"{feature} alone gives ROC AUC {auc:.3f}"


@pytest.mark.parametrize(("edition", "stream"), ALL_STREAMS, ids=_row_id)
def test_stream_has_the_documented_shape(edition: str, stream: dict[str, Any]) -> None:
    assert set(stream) == STREAM_KEYS
    match = EDITIONS[edition].stream_id.match(stream["id"])
    assert match, stream["id"]
    assert stream["language"] in LANGUAGES
    assert match["lang"] == stream["language"]
    assert stream["label"] in (0, 1)
    assert SNAKE.match(stream["family"])

    comments = stream["comments"]
    assert 20 <= len(comments) <= 60
    for comment in comments:
        assert set(comment) == {"ts", "viewer", "text"}
        assert isinstance(comment["ts"], float) and comment["ts"] >= 0
        assert isinstance(comment["viewer"], str) and comment["viewer"]
        assert isinstance(comment["text"], str) and comment["text"].strip()
    times = [c["ts"] for c in comments]
    assert times == sorted(times)
    viewers = {c["viewer"] for c in comments}
    assert len(viewers) >= 4, "a stream has many viewers"

    bad = stream["bad_viewers"]
    assert len(bad) == len(set(bad))
    assert set(bad) <= viewers
    assert bool(bad) == (stream["label"] == 1)
    if bad:
        assert viewers - set(bad), "a concerning stream also has ordinary viewers"


@pytest.mark.parametrize(("edition", "language"), BY_LANGUAGE)
def test_each_language_has_concerning_and_benign_streams(edition: str, language: str) -> None:
    rows = [s for s in STREAMS[edition] if s["language"] == language]
    assert len(rows) >= EDITIONS[edition].min_streams
    assert any(s["label"] == 1 for s in rows), f"{language}: no concerning stream"
    assert any(s["label"] == 0 for s in rows), f"{language}: no benign stream"


@pytest.mark.parametrize(
    ("edition", "feature"), [(name, f) for name, e in EDITIONS.items() for f in e.stream_surface]
)
def test_stream_size_alone_does_not_predict_the_label(edition: str, feature: str) -> None:
    def value(stream: dict[str, Any]) -> float:
        comments = stream["comments"]
        if feature == "number_of_comments":
            return float(len(comments))
        if feature == "number_of_viewers":
            return float(len({c["viewer"] for c in comments}))
        if feature == "words_per_comment":
            return sum(len(c["text"].split()) for c in comments) / len(comments)
        return comments[-1]["ts"] - comments[0]["ts"]

    rows = STREAMS[edition]
    auc = roc_auc([value(s) for s in rows], [s["label"] for s in rows])
    assert AUC_LOW <= auc <= AUC_HIGH, f"{feature} alone gives ROC AUC {auc:.3f}"

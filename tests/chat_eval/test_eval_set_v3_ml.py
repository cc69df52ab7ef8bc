"""The third hand-written non-English chat evaluation set is well formed.

`tests/data/chat_eval_v3/conversations_ml.jsonl` and `comments_ml.jsonl` are an evaluation set
only (never training data, never used for features, lexicons or thresholds; see
`tests/data/chat_eval_v3/README_ml.md`). These tests check their shape, the minimum they promise
per language, and that surface metadata alone (length, timing, declared ages) does not give the
label away. They say nothing about any model's score on the set.
"""

from __future__ import annotations

import re
from collections import Counter
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

FOLDER = Path(__file__).resolve().parents[1] / "data" / "chat_eval_v3"
LANGUAGES = OTHER_LANGUAGES
MIN_CONVERSATIONS = 12
MIN_GROOMING = 6
MIN_NEGATIVE = 6
MIN_HARD_NEGATIVE = 6
MIN_GROOMING_REGISTERS = 5
MIN_HARD_FAMILIES = 6
MIN_STREAMS = 2
STREAM_KEYS = {"id", "label", "bad_viewers", "family", "language", "comments"}
CONVERSATION_ID = re.compile(r"^(?P<lang>[a-z]{2})3-(?P<kind>[gne])-\d{3}$")
STREAM_ID = re.compile(r"^(?P<lang>[a-z]{2})3-s-\d{3}$")
# A surface property that ranks the labels this well or worse is a shortcut a model could learn.
AUC_LOW, AUC_HIGH = 0.3, 0.7


CONVERSATIONS = load_jsonl(FOLDER / "conversations_ml.jsonl")
STREAMS = load_jsonl(FOLDER / "comments_ml.jsonl")


def _gaps(conversation: dict[str, Any]) -> list[float]:
    messages = conversation["messages"]
    if "ts" not in messages[0]:
        return [0.0]
    instants = [seconds(m["ts"]) for m in messages]
    return [b - a for a, b in pairwise(instants)] or [0.0]


def _declared_age_gap(conversation: dict[str, Any]) -> float:
    ages = [p["age"] for p in conversation["participants"] if "age" in p]
    return float(max(ages) - min(ages)) if len(ages) >= 2 else 0.0


def test_conversation_ids_are_unique() -> None:
    ids = [c["id"] for c in CONVERSATIONS]
    assert len(ids) == len(set(ids))


def test_stream_ids_are_unique() -> None:
    ids = [s["id"] for s in STREAMS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: str(c.get("id")))
def test_conversation_has_the_documented_shape(conversation: dict[str, Any]) -> None:
    assert set(conversation) == KEYS
    match = CONVERSATION_ID.match(conversation["id"])
    assert match, conversation["id"]
    assert conversation["language"] in LANGUAGES
    assert match["lang"] == conversation["language"]
    assert (match["kind"] == "g") == (conversation["label"] == 1)
    assert (match["kind"] == "n") == conversation["hard_negative"]
    check_conversation(conversation)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_the_promised_conversations(language: str) -> None:
    rows = [c for c in CONVERSATIONS if c["language"] == language]
    grooming, negative, hard = label_counts(rows)
    assert len(rows) >= MIN_CONVERSATIONS, f"{language}: {len(rows)} conversations"
    assert grooming >= MIN_GROOMING, f"{language}: {grooming} grooming"
    assert negative >= MIN_NEGATIVE, f"{language}: {negative} negatives"
    assert hard >= MIN_HARD_NEGATIVE, f"{language}: {hard} hard negatives"
    registers = {c["register"] for c in rows if c["label"] == 1}
    assert len(registers) >= MIN_GROOMING_REGISTERS, f"{language}: grooming in {sorted(registers)}"
    families = {c["family"] for c in rows if c["hard_negative"]}
    assert len(families) >= MIN_HARD_FAMILIES, f"{language}: hard negatives in {sorted(families)}"


def test_every_timestamp_form_occurs_under_both_labels() -> None:
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


def test_multi_day_gaps_and_declared_adult_minor_pairs_occur_under_both_labels() -> None:
    for label in (0, 1):
        rows = [c for c in CONVERSATIONS if c["label"] == label]
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


@pytest.mark.parametrize("feature", sorted(SURFACE))
def test_surface_metadata_alone_does_not_predict_the_label(feature: str) -> None:
    labels = [c["label"] for c in CONVERSATIONS]
    auc = roc_auc([SURFACE[feature](c) for c in CONVERSATIONS], labels)
    assert AUC_LOW <= auc <= AUC_HIGH, f"{feature} alone gives ROC AUC {auc:.3f}"


@pytest.mark.parametrize("stream", STREAMS, ids=lambda s: str(s.get("id")))
def test_stream_has_the_documented_shape(stream: dict[str, Any]) -> None:
    assert set(stream) == STREAM_KEYS
    match = STREAM_ID.match(stream["id"])
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_concerning_and_benign_streams(language: str) -> None:
    rows = [s for s in STREAMS if s["language"] == language]
    assert len(rows) >= MIN_STREAMS
    assert any(s["label"] == 1 for s in rows), f"{language}: no concerning stream"
    assert any(s["label"] == 0 for s in rows), f"{language}: no benign stream"


@pytest.mark.parametrize(
    "feature",
    ["number_of_comments", "number_of_viewers", "duration", "words_per_comment"],
)
def test_stream_size_alone_does_not_predict_the_label(feature: str) -> None:
    def value(stream: dict[str, Any]) -> float:
        comments = stream["comments"]
        if feature == "number_of_comments":
            return float(len(comments))
        if feature == "number_of_viewers":
            return float(len({c["viewer"] for c in comments}))
        if feature == "words_per_comment":
            return sum(len(c["text"].split()) for c in comments) / len(comments)
        return comments[-1]["ts"] - comments[0]["ts"]

    auc = roc_auc([value(s) for s in STREAMS], [s["label"] for s in STREAMS])
    assert AUC_LOW <= auc <= AUC_HIGH, f"{feature} alone gives ROC AUC {auc:.3f}"

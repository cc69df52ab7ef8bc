"""Shape, coverage and fairness checks for the third independently written English chat
evaluation set.

The set under ``tests/data/chat_eval_v3/`` is held out: it is never used for training, feature
design, lexicons or thresholds (see its README). These tests only check that its files are well
formed, that it keeps the coverage it promises (counts per label, register and family), and
that the label cannot be read off metadata alone (length, timestamps, gaps, declared ages, who
does the talking), so that a careless edit cannot quietly shrink it, break its labels or give
a scorer a shortcut. They say nothing about any model's score on the set.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.chat_eval.checks import (
    KEYS,
    SNAKE,
    check_conversation,
    label_counts,
    load_jsonl,
    roc_auc,
    seconds,
    ts_form,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "chat_eval_v3"
CONVERSATIONS = DATA / "conversations_en.jsonl"
COMMENTS = DATA / "comments_en.jsonl"

STREAM_KEYS = {"id", "label", "bad_viewers", "family", "comments"}
CONVERSATION_ID = re.compile(r"^en3-(?P<kind>[gne])-\d{3}$")
STREAM_ID = re.compile(r"^en3-s-\d{3}$")

#: The grooming registers the README promises, four conversations each.
REGISTERS = {
    "slow_patient",
    "quick_blunt",
    "polite_indirect",
    "slang",
    "typos",
    "leetspeak",
    "emoji",
    "gaming",
    "peer_posing",
    "threats",
    "one_sided",
    "gift_money",
}
#: Hard-negative families the brief names explicitly; each must be present.
NAMED_FAMILIES = {
    "parent_child",
    "teacher",
    "sports_coach",
    "nurse_doctor",
    "siblings",
    "teen_peers",
    "gamer_trash_talk",
    "scam_adult",
    "customer_support",
    "adult_dating",
    "tutor",
    "youth_leader",
}

# A single metadata feature must not separate the classes: its ROC AUC stays in this band.
AUC_BAND = (0.35, 0.65)

# Guard for the rule that nothing in the set is sexual: none of these words may appear.
FORBIDDEN_WORDS = re.compile(
    r"\b(nude|nudes|naked|undress\w*|sexy|sex|sexual|underwear|lingerie|bikini|bra|body|bodies)\b",
    re.IGNORECASE,
)

Row = dict[str, Any]


@pytest.fixture(scope="module")
def conversations() -> list[Row]:
    return load_jsonl(CONVERSATIONS)


@pytest.fixture(scope="module")
def streams() -> list[Row]:
    return load_jsonl(COMMENTS)


def _grooming(rows: list[Row]) -> list[Row]:
    return [c for c in rows if c["label"] == 1]


def _negatives(rows: list[Row]) -> list[Row]:
    return [c for c in rows if c["label"] == 0]


def _hard(rows: list[Row]) -> list[Row]:
    return [c for c in rows if c["hard_negative"]]


# --- conversations: shape ---------------------------------------------------------------


def test_every_conversation_passes_the_shared_checks(conversations: list[Row]) -> None:
    for c in conversations:
        try:
            check_conversation(c)
        except AssertionError as error:
            raise AssertionError(f"{c['id']}: {error}") from error


def test_conversations_have_exactly_the_shared_keys(conversations: list[Row]) -> None:
    for c in conversations:
        assert set(c) == KEYS, c["id"]
        assert c["language"] == "en", c["id"]


def test_conversation_ids_are_unique_and_named_by_kind(conversations: list[Row]) -> None:
    ids = [c["id"] for c in conversations]
    assert len(ids) == len(set(ids))
    for c in conversations:
        match = CONVERSATION_ID.match(c["id"])
        assert match, c["id"]
        kind = {1: "g", 0: ("n" if c["hard_negative"] else "e")}[c["label"]]
        assert match["kind"] == kind, c["id"]


def test_one_to_one_conversations(conversations: list[Row]) -> None:
    for c in conversations:
        assert len(c["participants"]) == 2, c["id"]


def test_grooming_lines_are_not_copied_between_conversations(conversations: list[Row]) -> None:
    seen: dict[str, str] = {}
    for c in _grooming(conversations):
        for i in c["grooming_lines"]:
            text = " ".join(c["messages"][i]["text"].lower().split())
            assert text not in seen, f"{c['id']} repeats a line of {seen.get(text)}: {text!r}"
            seen[text] = c["id"]


def test_no_text_uses_sexual_wording(conversations: list[Row], streams: list[Row]) -> None:
    texts = [(c["id"], m["text"]) for c in conversations for m in c["messages"]]
    texts += [(s["id"], m["text"]) for s in streams for m in s["comments"]]
    hits = [(where, text) for where, text in texts if FORBIDDEN_WORDS.search(text)]
    assert not hits, hits


def test_the_word_guard_catches_what_it_is_for() -> None:
    assert FORBIDDEN_WORDS.search("send a NUDE")
    assert not FORBIDDEN_WORDS.search("send a selfie in your school jumper")


# --- conversations: coverage ------------------------------------------------------------


def test_counts_per_label(conversations: list[Row]) -> None:
    grooming, negative, hard = label_counts(conversations)
    assert len(conversations) >= 120
    assert grooming >= 48
    assert hard >= 60
    assert negative - hard >= 10


def test_grooming_covers_twelve_registers_of_four(conversations: list[Row]) -> None:
    registers = Counter(c["register"] for c in _grooming(conversations))
    assert set(registers) >= REGISTERS, REGISTERS - set(registers)
    assert all(registers[r] >= 4 for r in REGISTERS), registers


def test_grooming_families_are_one_setting_each(conversations: list[Row]) -> None:
    families = Counter(c["family"] for c in _grooming(conversations))
    assert max(families.values()) == 1, families


def test_hard_negatives_come_from_thirty_families_of_two(conversations: list[Row]) -> None:
    families = Counter(c["family"] for c in _hard(conversations))
    assert len(families) >= 30, families
    assert min(families.values()) >= 2, families
    assert set(families) >= NAMED_FAMILIES, NAMED_FAMILIES - set(families)


def test_registers_and_families_are_snake_case(conversations: list[Row]) -> None:
    for c in conversations:
        assert SNAKE.match(c["register"]) and SNAKE.match(c["family"]), c["id"]


def _declared(c: Row) -> int:
    return sum("age" in p for p in c["participants"])


def test_declared_ages_appear_in_about_half_of_each_class(conversations: list[Row]) -> None:
    for rows in (_grooming(conversations), _negatives(conversations)):
        share = sum(_declared(c) > 0 for c in rows) / len(rows)
        assert 0.35 <= share <= 0.65, share
        assert sum(_declared(c) == 1 for c in rows) >= 5
        assert sum(_declared(c) == 2 for c in rows) >= 5


def test_benign_adult_to_minor_pairs_declare_their_ages(conversations: list[Row]) -> None:
    """Grandparents, coaches, teachers writing to children: a declared age gap is no label."""
    pairs = [
        c["id"]
        for c in _negatives(conversations)
        if _declared(c) == 2
        and min(p["age"] for p in c["participants"]) < 18
        and _declared_age_gap(c) >= 20
    ]
    assert len(pairs) >= 8, pairs


def test_some_grooming_suspects_declare_a_teen_age(conversations: list[Row]) -> None:
    teen = [
        c["id"]
        for c in _grooming(conversations)
        for p in c["participants"]
        if p["id"] == c["predator"] and 13 <= p.get("age", 0) <= 17
    ]
    assert len(teen) >= 3, teen


def _form(c: Row) -> str:
    first = c["messages"][0]
    return ts_form(first["ts"]) if "ts" in first else "none"


@pytest.mark.parametrize("label", [0, 1])
def test_every_timestamp_form_occurs_in_both_classes(conversations: list[Row], label: int) -> None:
    forms = Counter(_form(c) for c in conversations if c["label"] == label)
    assert set(forms) == {"seconds", "iso_z", "iso_offset", "none"}, forms
    assert min(forms.values()) >= 8, forms


# --- conversations: metadata alone does not predict the label ---------------------------


def _gaps(c: Row) -> list[float]:
    instants = [seconds(m["ts"]) for m in c["messages"] if "ts" in m]
    return [b - a for a, b in pairwise(instants)]


def _local_hours(c: Row) -> list[int]:
    """Wall-clock hours: local time for ISO strings, UTC for seconds."""
    hours = []
    for m in c["messages"]:
        ts = m.get("ts")
        if isinstance(ts, str):
            hours.append(datetime.fromisoformat(ts.replace("Z", "+00:00")).hour)
        elif ts is not None:
            hours.append(datetime.fromtimestamp(ts, UTC).hour)
    return hours


def _declared_age_gap(c: Row) -> float:
    ages = [p["age"] for p in c["participants"] if "age" in p]
    return float(max(ages) - min(ages)) if len(ages) >= 2 else 0.0


def _lowest_declared_age(c: Row) -> float:
    ages = [p["age"] for p in c["participants"] if "age" in p]
    return float(min(ages)) if ages else 0.0


def _top_speaker_share(c: Row) -> float:
    """Share of the messages written by whoever writes most (1.0: nobody else speaks)."""
    counts = Counter(m["author"] for m in c["messages"])
    return max(counts.values()) / len(c["messages"])


def _longest_run(c: Row) -> float:
    """Most messages one person sends in a row."""
    longest = run = 1
    for a, b in pairwise(c["messages"]):
        run = run + 1 if a["author"] == b["author"] else 1
        longest = max(longest, run)
    return float(longest)


METADATA: dict[str, Callable[[Row], float]] = {
    "messages": lambda c: float(len(c["messages"])),
    "characters": lambda c: float(sum(len(m["text"]) for m in c["messages"])),
    "mean_characters": lambda c: float(np.mean([len(m["text"]) for m in c["messages"]])),
    "has_ts": lambda c: float(any("ts" in m for m in c["messages"])),
    "max_gap": lambda c: math.log1p(max(_gaps(c), default=0.0)),
    "median_gap": lambda c: math.log1p(float(np.median(_gaps(c)))) if _gaps(c) else 0.0,
    "span": lambda c: math.log1p(sum(_gaps(c))),
    "late_night_share": lambda c: (
        float(np.mean([h >= 22 or h < 5 for h in _local_hours(c)])) if _local_hours(c) else 0.0
    ),
    "declared_ages": lambda c: float(_declared(c)),
    "declared_age_gap": _declared_age_gap,
    "lowest_declared_age": _lowest_declared_age,
    "top_speaker_share": _top_speaker_share,
    "longest_run": _longest_run,
}


@pytest.mark.parametrize("feature", sorted(METADATA))
def test_metadata_alone_does_not_predict_the_label(conversations: list[Row], feature: str) -> None:
    scores = [METADATA[feature](c) for c in conversations]
    auc = roc_auc(scores, [c["label"] for c in conversations])
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], f"{feature}: AUC {auc:.3f}"


def test_timing_does_not_give_the_label_away(conversations: list[Row]) -> None:
    """Long gaps and late nights occur among negatives; quick daytime chats among grooming."""
    negatives, grooming = _negatives(conversations), _grooming(conversations)
    for rows in (negatives, grooming):
        assert sum(any(g >= 24 * 3600 for g in _gaps(c)) for c in rows) >= 8
        assert sum(any(h >= 22 or h < 5 for h in _local_hours(c)) for c in rows) >= 8
    quick_daytime = [
        c
        for c in grooming
        if _gaps(c) and max(_gaps(c)) < 900 and all(9 <= h < 18 for h in _local_hours(c))
    ]
    assert len(quick_daytime) >= 3


def test_the_auc_helper_tells_a_separating_feature_from_a_useless_one() -> None:
    assert roc_auc([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0]) == 1.0
    assert roc_auc([0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0]) == 0.5
    assert roc_auc([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0]) == 0.0


# --- comment streams --------------------------------------------------------------------


def test_streams_have_the_documented_shape(streams: list[Row]) -> None:
    ids = [s["id"] for s in streams]
    assert len(ids) == len(set(ids))
    for s in streams:
        assert set(s) == STREAM_KEYS, s["id"]
        assert STREAM_ID.match(s["id"]), s["id"]
        assert s["label"] in (0, 1), s["id"]
        assert SNAKE.match(s["family"]), s["id"]
        assert 20 <= len(s["comments"]) <= 80, s["id"]
        times = []
        for comment in s["comments"]:
            assert set(comment) == {"ts", "viewer", "text"}, s["id"]
            assert isinstance(comment["ts"], int | float), s["id"]
            assert isinstance(comment["viewer"], str) and comment["viewer"], s["id"]
            assert isinstance(comment["text"], str) and comment["text"].strip(), s["id"]
            times.append(comment["ts"])
        assert times == sorted(times), s["id"]
        assert len({comment["viewer"] for comment in s["comments"]}) >= 5, s["id"]


def test_bad_viewers_are_viewers_of_concerning_streams_only(streams: list[Row]) -> None:
    for s in streams:
        viewers = {comment["viewer"] for comment in s["comments"]}
        assert set(s["bad_viewers"]) <= viewers, s["id"]
        assert len(s["bad_viewers"]) == len(set(s["bad_viewers"])), s["id"]
        assert bool(s["bad_viewers"]) == (s["label"] == 1), s["id"]
        if s["label"] == 1:
            assert viewers - set(s["bad_viewers"]), f"{s['id']}: no ordinary viewer"


def test_stream_counts_per_label(streams: list[Row]) -> None:
    labels = Counter(s["label"] for s in streams)
    assert len(streams) >= 36
    assert labels[1] >= 18 and labels[0] >= 18, labels


def test_stream_families_repeat_at_most_twice(streams: list[Row]) -> None:
    families = Counter(s["family"] for s in streams)
    assert max(families.values()) <= 2, families
    assert len({s["family"] for s in streams if s["label"] == 0}) >= 12


def test_concerning_streams_include_lone_and_corroborated_viewers(streams: list[Row]) -> None:
    concerning = [s for s in streams if s["label"] == 1]
    assert sum(len(s["bad_viewers"]) == 1 for s in concerning) >= 5
    assert sum(len(s["bad_viewers"]) >= 3 for s in concerning) >= 3


STREAM_METADATA: dict[str, Callable[[Row], float]] = {
    "comments": lambda s: float(len(s["comments"])),
    "viewers": lambda s: float(len({m["viewer"] for m in s["comments"]})),
    "duration": lambda s: float(s["comments"][-1]["ts"] - s["comments"][0]["ts"]),
    "characters": lambda s: float(sum(len(m["text"]) for m in s["comments"])),
}


@pytest.mark.parametrize("feature", sorted(STREAM_METADATA))
def test_stream_metadata_alone_does_not_predict_the_label(streams: list[Row], feature: str) -> None:
    scores = [STREAM_METADATA[feature](s) for s in streams]
    auc = roc_auc(scores, [s["label"] for s in streams])
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], f"{feature}: AUC {auc:.3f}"

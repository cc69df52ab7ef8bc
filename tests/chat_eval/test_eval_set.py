"""Shape checks for the independently written English chat evaluation set.

The set under ``tests/data/chat_eval/`` is held out: it is never used for training, feature
design or thresholds. These tests only check that its files are well formed and that it keeps
the promised coverage (counts per label, register and family), so that a careless edit cannot
quietly shrink it or break its labels.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.chat_eval.checks import (
    KEYS,
    check_bad_viewers,
    check_stream_comments,
    gaps,
    grooming_rows,
    load_jsonl,
    local_hours,
    negative_rows,
    seconds,
    ts_form,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "chat_eval"
CONVERSATIONS = DATA / "conversations_en.jsonl"
COMMENTS = DATA / "comments_en.jsonl"

CONVERSATION_KEYS = KEYS
STREAM_KEYS = {"id", "label", "bad_viewers", "family", "comments"}


@pytest.fixture(scope="module")
def conversations() -> list[dict[str, Any]]:
    return load_jsonl(CONVERSATIONS)


@pytest.fixture(scope="module")
def streams() -> list[dict[str, Any]]:
    return load_jsonl(COMMENTS)


# --- conversations: shape ---------------------------------------------------------------


def test_conversation_ids_are_unique_and_named_by_kind(conversations: list[dict[str, Any]]) -> None:
    ids = [c["id"] for c in conversations]
    assert len(ids) == len(set(ids))
    for c in conversations:
        kind = {1: "g", 0: ("n" if c["hard_negative"] else "e")}[c["label"]]
        assert re.fullmatch(rf"en-{kind}-\d{{3}}", c["id"]), c["id"]


def test_conversations_have_exactly_the_documented_keys(
    conversations: list[dict[str, Any]],
) -> None:
    for c in conversations:
        assert set(c) == CONVERSATION_KEYS, c["id"]
        assert c["language"] == "en", c["id"]
        assert c["label"] in (0, 1), c["id"]
        assert isinstance(c["hard_negative"], bool), c["id"]
        assert isinstance(c["register"], str) and c["register"], c["id"]
        assert isinstance(c["family"], str) and c["family"], c["id"]


def test_participants_are_distinct_with_plausible_ages(conversations: list[dict[str, Any]]) -> None:
    for c in conversations:
        ids = [p["id"] for p in c["participants"]]
        assert len(ids) >= 2 and len(ids) == len(set(ids)), c["id"]
        for p in c["participants"]:
            assert set(p) <= {"id", "age"}, c["id"]
            if "age" in p:
                assert isinstance(p["age"], int) and 6 <= p["age"] <= 95, c["id"]


def test_every_message_has_a_known_author_and_text(conversations: list[dict[str, Any]]) -> None:
    for c in conversations:
        ids = {p["id"] for p in c["participants"]}
        assert len(c["messages"]) >= 5, c["id"]
        for m in c["messages"]:
            assert set(m) <= {"author", "text", "ts"}, c["id"]
            assert m["author"] in ids, c["id"]
            assert isinstance(m["text"], str) and m["text"].strip(), c["id"]
        assert {m["author"] for m in c["messages"]} == ids, f"{c['id']}: a silent participant"


def test_timestamps_are_all_or_nothing_one_form_and_in_order(
    conversations: list[dict[str, Any]],
) -> None:
    for c in conversations:
        stamped = ["ts" in m for m in c["messages"]]
        assert all(stamped) or not any(stamped), c["id"]
        if not any(stamped):
            continue
        forms = {ts_form(m["ts"]) for m in c["messages"]}
        assert len(forms) == 1, f"{c['id']}: mixed forms {forms}"
        instants = [seconds(m["ts"]) for m in c["messages"]]
        assert instants == sorted(instants), c["id"]


def test_grooming_lines_point_at_the_predators_messages(
    conversations: list[dict[str, Any]],
) -> None:
    for c in grooming_rows(conversations):
        ids = {p["id"] for p in c["participants"]}
        assert c["predator"] in ids, c["id"]
        assert not c["hard_negative"], c["id"]
        lines = c["grooming_lines"]
        assert lines, c["id"]
        assert lines == sorted(set(lines)), c["id"]
        for i in lines:
            assert isinstance(i, int) and 0 <= i < len(c["messages"]), c["id"]
            assert c["messages"][i]["author"] == c["predator"], f"{c['id']} line {i}"


def test_negatives_name_no_predator_and_no_grooming_lines(
    conversations: list[dict[str, Any]],
) -> None:
    for c in negative_rows(conversations):
        assert c["predator"] is None, c["id"]
        assert c["grooming_lines"] == [], c["id"]


# --- conversations: coverage ------------------------------------------------------------


def test_at_least_forty_grooming_conversations_in_eight_registers(
    conversations: list[dict[str, Any]],
) -> None:
    grooming = grooming_rows(conversations)
    registers = Counter(c["register"] for c in grooming)
    assert len(grooming) >= 40
    assert len([r for r, n in registers.items() if n >= 4]) >= 8, registers


def test_at_least_sixty_negatives_with_enough_hard_and_easy_ones(
    conversations: list[dict[str, Any]],
) -> None:
    negatives = negative_rows(conversations)
    hard = [c for c in negatives if c["hard_negative"]]
    assert len(negatives) >= 60
    assert len(hard) >= 45
    assert len(negatives) - len(hard) >= 10


def test_hard_negatives_come_from_22_families_of_two_or_more(
    conversations: list[dict[str, Any]],
) -> None:
    families = Counter(c["family"] for c in negative_rows(conversations) if c["hard_negative"])
    assert len(families) >= 22, families
    assert min(families.values()) >= 2, families


def test_grooming_lines_are_not_copied_between_conversations(
    conversations: list[dict[str, Any]],
) -> None:
    seen: dict[str, str] = {}
    for c in grooming_rows(conversations):
        for i in c["grooming_lines"]:
            text = " ".join(c["messages"][i]["text"].lower().split())
            assert text not in seen, f"{c['id']} repeats a line of {seen.get(text)}: {text!r}"
            seen[text] = c["id"]


def test_declared_ages_appear_in_about_half_the_conversations(
    conversations: list[dict[str, Any]],
) -> None:
    with_age = [c for c in conversations if any("age" in p for p in c["participants"])]
    one_sided = [c for c in with_age if not all("age" in p for p in c["participants"])]
    share = len(with_age) / len(conversations)
    assert 0.3 <= share <= 0.7, share
    assert one_sided, "no conversation declares only one side's age"


@pytest.mark.parametrize("label", [0, 1])
def test_every_timestamp_form_occurs_in_both_classes(
    conversations: list[dict[str, Any]], label: int
) -> None:
    forms = Counter(
        ts_form(c["messages"][0]["ts"]) if "ts" in c["messages"][0] else "none"
        for c in conversations
        if c["label"] == label
    )
    assert set(forms) == {"seconds", "iso_z", "iso_offset", "none"}, forms
    assert min(forms.values()) >= 5, forms


def test_timing_does_not_give_the_label_away(conversations: list[dict[str, Any]]) -> None:
    """Long gaps and late nights occur among negatives; quick daytime chats among grooming."""
    negatives, grooming = negative_rows(conversations), grooming_rows(conversations)
    assert sum(any(g >= 6 * 3600 for g in gaps(c)) for c in negatives) >= 8
    late = [c for c in negatives if any(h >= 23 or h < 4 for h in local_hours(c))]
    assert len(late) >= 6
    quick_daytime = [
        c
        for c in grooming
        if gaps(c) and max(gaps(c)) < 600 and all(9 <= h < 18 for h in local_hours(c))
    ]
    assert len(quick_daytime) >= 4


# --- comment streams --------------------------------------------------------------------


def test_streams_have_the_documented_shape(streams: list[dict[str, Any]]) -> None:
    ids = [s["id"] for s in streams]
    assert len(ids) == len(set(ids))
    for s in streams:
        assert set(s) == STREAM_KEYS, s["id"]
        assert re.fullmatch(r"en-s-\d{3}", s["id"]), s["id"]
        assert s["label"] in (0, 1), s["id"]
        check_stream_comments(s, 20, 80, viewers=3)


def test_bad_viewers_are_viewers_of_concerning_streams_only(
    streams: list[dict[str, Any]],
) -> None:
    for s in streams:
        check_bad_viewers(s)


def test_at_least_fifteen_streams_of_each_label(streams: list[dict[str, Any]]) -> None:
    labels = Counter(s["label"] for s in streams)
    assert labels[1] >= 15 and labels[0] >= 15, labels

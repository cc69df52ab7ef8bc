"""Shape and fairness checks for the second independently written English chat evaluation set.

The set under ``tests/data/chat_eval_v2/`` is held out: it is never used for training, feature
design, lexicons or thresholds. These tests only check that its files are well formed, that
it keeps the promised coverage (counts per label, register and family), and that the label
cannot be read off metadata alone (length, timestamps, gaps, declared ages), so that a
careless edit cannot quietly shrink it, break its labels or give a scorer a shortcut.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.chat_eval.checks import (
    KEYS,
    check_bad_viewers,
    check_stream_comments,
    check_timing_mixes_labels,
    grooming_rows,
    load_jsonl,
    negative_rows,
    roc_auc,
    seconds,
    ts_form,
)
from tests.chat_eval.checks import (
    METADATA as BASE_METADATA,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "chat_eval_v2"
CONVERSATIONS = DATA / "conversations_en.jsonl"
COMMENTS = DATA / "comments_en.jsonl"

CONVERSATION_KEYS = KEYS
STREAM_KEYS = {"id", "label", "bad_viewers", "family", "comments"}

# A single metadata feature must not separate the classes: its ROC AUC stays in this band.
AUC_BAND = (0.35, 0.65)

# Guard for the rule that nothing in the set is sexual: none of these words may appear.
FORBIDDEN_WORDS = re.compile(
    r"\b(nude|nudes|naked|undress\w*|sexy|sexual|underwear|lingerie|bikini)\b", re.IGNORECASE
)

Row = dict[str, Any]


@pytest.fixture(scope="module")
def conversations() -> list[Row]:
    return load_jsonl(CONVERSATIONS)


@pytest.fixture(scope="module")
def streams() -> list[Row]:
    return load_jsonl(COMMENTS)


# --- conversations: shape ---------------------------------------------------------------


def test_conversation_ids_are_unique_and_named_by_kind(conversations: list[Row]) -> None:
    ids = [c["id"] for c in conversations]
    assert len(ids) == len(set(ids))
    for c in conversations:
        kind = {1: "g", 0: ("n" if c["hard_negative"] else "e")}[c["label"]]
        assert re.fullmatch(rf"en2-{kind}-\d{{3}}", c["id"]), c["id"]


def test_conversations_have_exactly_the_documented_keys(conversations: list[Row]) -> None:
    for c in conversations:
        assert set(c) == CONVERSATION_KEYS, c["id"]
        assert c["language"] == "en", c["id"]
        assert c["label"] in (0, 1), c["id"]
        assert isinstance(c["hard_negative"], bool), c["id"]
        assert isinstance(c["register"], str) and c["register"], c["id"]
        assert isinstance(c["family"], str) and c["family"], c["id"]


def test_participants_are_distinct_with_plausible_ages(conversations: list[Row]) -> None:
    for c in conversations:
        ids = [p["id"] for p in c["participants"]]
        assert len(ids) >= 2 and len(ids) == len(set(ids)), c["id"]
        for p in c["participants"]:
            assert set(p) <= {"id", "age"}, c["id"]
            if "age" in p:
                assert isinstance(p["age"], int) and 6 <= p["age"] <= 95, c["id"]


def test_every_message_has_a_known_author_and_text(conversations: list[Row]) -> None:
    for c in conversations:
        ids = {p["id"] for p in c["participants"]}
        assert len(c["messages"]) >= 5, c["id"]
        for m in c["messages"]:
            assert set(m) <= {"author", "text", "ts"}, c["id"]
            assert m["author"] in ids, c["id"]
            assert isinstance(m["text"], str) and m["text"].strip(), c["id"]
        assert {m["author"] for m in c["messages"]} == ids, f"{c['id']}: a silent participant"


def test_timestamps_are_all_or_nothing_one_form_and_in_order(conversations: list[Row]) -> None:
    for c in conversations:
        stamped = ["ts" in m for m in c["messages"]]
        assert all(stamped) or not any(stamped), c["id"]
        if not any(stamped):
            continue
        forms = {ts_form(m["ts"]) for m in c["messages"]}
        assert len(forms) == 1, f"{c['id']}: mixed forms {forms}"
        instants = [seconds(m["ts"]) for m in c["messages"]]
        assert instants == sorted(instants), c["id"]


def test_grooming_lines_point_at_the_predators_messages(conversations: list[Row]) -> None:
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


def test_negatives_name_no_predator_and_no_grooming_lines(conversations: list[Row]) -> None:
    for c in negative_rows(conversations):
        assert c["predator"] is None, c["id"]
        assert c["grooming_lines"] == [], c["id"]


def test_grooming_lines_are_not_copied_between_conversations(conversations: list[Row]) -> None:
    seen: dict[str, str] = {}
    for c in grooming_rows(conversations):
        for i in c["grooming_lines"]:
            text = " ".join(c["messages"][i]["text"].lower().split())
            assert text not in seen, f"{c['id']} repeats a line of {seen.get(text)}: {text!r}"
            seen[text] = c["id"]


def test_no_text_uses_sexual_wording(conversations: list[Row], streams: list[Row]) -> None:
    texts = [(c["id"], m["text"]) for c in conversations for m in c["messages"]]
    texts += [(s["id"], m["text"]) for s in streams for m in s["comments"]]
    hits = [(where, text) for where, text in texts if FORBIDDEN_WORDS.search(text)]
    assert not hits, hits


# --- conversations: coverage ------------------------------------------------------------


def test_at_least_120_conversations(conversations: list[Row]) -> None:
    assert len(conversations) >= 120


def test_at_least_45_grooming_conversations_in_12_registers_of_four(
    conversations: list[Row],
) -> None:
    grooming = grooming_rows(conversations)
    registers = Counter(c["register"] for c in grooming)
    assert len(grooming) >= 45
    assert len([r for r, n in registers.items() if n >= 4]) >= 12, registers


def test_at_least_60_hard_negatives_from_30_families_of_two(
    conversations: list[Row],
) -> None:
    hard = [c for c in negative_rows(conversations) if c["hard_negative"]]
    families = Counter(c["family"] for c in hard)
    assert len(hard) >= 60
    assert len(families) >= 30, families
    assert min(families.values()) >= 2, families


def test_at_least_ten_easy_negatives(conversations: list[Row]) -> None:
    easy = [c for c in negative_rows(conversations) if not c["hard_negative"]]
    assert len(easy) >= 10


def test_declared_ages_appear_in_about_half_of_each_class(conversations: list[Row]) -> None:
    def declared(c: Row) -> bool:
        return any("age" in p for p in c["participants"])

    for rows in (grooming_rows(conversations), negative_rows(conversations)):
        share = sum(declared(c) for c in rows) / len(rows)
        assert 0.35 <= share <= 0.75, share
    one_sided = [
        c for c in conversations if declared(c) and not all("age" in p for p in c["participants"])
    ]
    assert one_sided, "no conversation declares only one side's age"


def test_benign_adult_to_minor_pairs_declare_their_ages(conversations: list[Row]) -> None:
    """Grandparents, coaches, teachers talking to children: a declared age gap is not a label."""
    pairs = []
    for c in negative_rows(conversations):
        ages = [p["age"] for p in c["participants"] if "age" in p]
        if len(ages) >= 2 and min(ages) < 18 and max(ages) - min(ages) >= 20:
            pairs.append(c["id"])
    assert len(pairs) >= 5, pairs


@pytest.mark.parametrize("label", [0, 1])
def test_every_timestamp_form_occurs_in_both_classes(conversations: list[Row], label: int) -> None:
    forms = Counter(
        ts_form(c["messages"][0]["ts"]) if "ts" in c["messages"][0] else "none"
        for c in conversations
        if c["label"] == label
    )
    assert set(forms) == {"seconds", "iso_z", "iso_offset", "none"}, forms
    assert min(forms.values()) >= 5, forms


# --- conversations: metadata alone does not predict the label ---------------------------


METADATA = BASE_METADATA


@pytest.mark.parametrize("feature", sorted(METADATA))
def test_metadata_alone_does_not_predict_the_label(conversations: list[Row], feature: str) -> None:
    scores = [METADATA[feature](c) for c in conversations]
    auc = roc_auc(scores, [c["label"] for c in conversations])
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], f"{feature}: AUC {auc:.3f}"


def test_timing_does_not_give_the_label_away(conversations: list[Row]) -> None:
    """Long gaps and late nights occur among negatives; quick daytime chats among grooming."""
    check_timing_mixes_labels(conversations, late=5)


# --- comment streams --------------------------------------------------------------------


def test_streams_have_the_documented_shape(streams: list[Row]) -> None:
    ids = [s["id"] for s in streams]
    assert len(ids) == len(set(ids))
    for s in streams:
        assert set(s) == STREAM_KEYS, s["id"]
        assert re.fullmatch(r"en2-s-\d{3}", s["id"]), s["id"]
        assert s["label"] in (0, 1), s["id"]
        assert isinstance(s["family"], str) and s["family"], s["id"]
        check_stream_comments(s, 20, 80, viewers=5)


def test_bad_viewers_are_viewers_of_concerning_streams_only(streams: list[Row]) -> None:
    for s in streams:
        check_bad_viewers(s)


def test_stream_counts_per_label(streams: list[Row]) -> None:
    labels = Counter(s["label"] for s in streams)
    assert len(streams) >= 36
    assert labels[1] >= 16 and labels[0] >= 20, labels


def test_concerning_streams_include_lone_escalating_viewers(streams: list[Row]) -> None:
    lone = [s for s in streams if len(s["bad_viewers"]) == 1]
    assert len(lone) >= 3, [s["id"] for s in lone]


STREAM_METADATA: dict[str, Callable[[Row], float]] = {
    "comments": lambda s: float(len(s["comments"])),
    "viewers": lambda s: float(len({m["viewer"] for m in s["comments"]})),
    "duration": lambda s: float(s["comments"][-1]["ts"] - s["comments"][0]["ts"]),
}


@pytest.mark.parametrize("feature", sorted(STREAM_METADATA))
def test_stream_metadata_alone_does_not_predict_the_label(streams: list[Row], feature: str) -> None:
    scores = [STREAM_METADATA[feature](s) for s in streams]
    auc = roc_auc(scores, [s["label"] for s in streams])
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], f"{feature}: AUC {auc:.3f}"

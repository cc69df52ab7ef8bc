"""The second to eighth hand-written non-English chat evaluation sets are well formed.

`tests/data/chat_eval_v2/` to `tests/data/chat_eval_v8/`
(`conversations_ml.jsonl`, `comments_ml.jsonl`) are evaluation sets only (never training data,
never used for features, lexicons or thresholds; see each folder's `README_ml.md`). These tests
check their shape, the minimum each edition promises per language, and that surface metadata
alone (length, timing, declared ages, who talks most) does not give the label away. They say
nothing about any model's score. One module for every edition: they share the schema and
differ in the minimums, in the coverage their writers promised and in which surface
properties were checked.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any, ClassVar

import pytest

from tests.chat_eval.checks import (
    KEYS,
    OTHER_LANGUAGES,
    SNAKE,
    EditionFiles,
    check_conversation,
    declared_age_gap,
    label_counts,
    load_jsonl,
    roc_auc,
    seconds,
    ts_form,
)

LANGUAGES = OTHER_LANGUAGES
MIN_NEGATIVE = 6
STREAM_KEYS = {"id", "label", "bad_viewers", "family", "language", "comments"}
# A surface property that ranks the labels this well or worse is a shortcut a model could learn.
AUC_LOW, AUC_HIGH = 0.3, 0.7


@dataclass(frozen=True)
class Edition(EditionFiles):
    """One edition's promises (its README_ml.md) and the surface properties checked on it."""

    ID_PREFIX: ClassVar[str] = r"(?P<lang>[a-z]{2})"

    number: int
    min_conversations: int
    min_grooming: int
    min_hard_negative: int
    min_registers: int
    min_hard_families: int
    min_streams: int
    surface: tuple[str, ...]
    stream_surface: tuple[str, ...]
    # Promised from the fourth edition on (the defaults ask nothing of older editions).
    min_negative: int = MIN_NEGATIVE
    messages: tuple[int, int] = (8, 30)
    auc_band: tuple[float, float] = (AUC_LOW, AUC_HIGH)
    min_total_conversations: int = 0
    min_total_streams: int = 0
    #: Registers the grooming conversations must cover, and how many the previous editions lacked.
    required_registers: tuple[str, ...] = ()
    min_registers_overall: int = 0
    min_new_registers: int = 0
    min_hard_families_overall: int = 0
    min_new_hard_families: int = 0
    #: The earlier editions whose registers and families "new" is measured against (their
    #: metadata only: the `register` and `family` values).
    previous: tuple[str, ...] = ()
    #: Per language, grooming conversations whose first grooming line comes after this many
    #: ordinary messages (0: not promised).
    late_start: int = 0
    #: Share of conversations with a declared age, under each label.
    declared_age_share: tuple[float, float] = (0.0, 1.0)
    #: Largest difference between the labels in the share of each timestamp form.
    ts_form_share_gap: float = 1.0
    #: Per language, streams of each label (from the fifth edition on).
    min_concerning_streams: int = 1
    min_benign_streams: int = 1


_BASE_SURFACE = (
    "number_of_messages",
    "has_ts",
    "max_gap",
    "time_span",
    "has_declared_age",
    "declared_age_gap",
)
_BASE_STREAM_SURFACE = ("number_of_comments", "number_of_viewers", "duration")
#: The registers issue 12 asks grooming to be written in (fourth edition's names).
_ISSUE_REGISTERS = (
    "slow_patient",
    "quick_blunt",
    "polite_indirect",
    "slang",
    "typos",
    "leetspeak",
    "emoji_heavy",
    "gaming",
    "peer_posing",
    "threats",
    "one_sided",
    "gift_money",
)
_V4 = Edition(
    number=4,
    min_conversations=17,
    min_grooming=8,
    min_hard_negative=9,
    min_registers=8,
    min_hard_families=9,
    min_streams=3,
    surface=(
        *_BASE_SURFACE,
        "words_per_message",
        "characters",
        "start_hour",
        "median_gap",
        "largest_author_share",
    ),
    stream_surface=(*_BASE_STREAM_SURFACE, "words_per_comment"),
    min_negative=9,
    messages=(6, 35),
    auc_band=(0.35, 0.65),
    min_total_conversations=119,
    min_total_streams=21,
    required_registers=_ISSUE_REGISTERS,
    min_registers_overall=15,
    min_new_registers=2,
    min_hard_families_overall=45,
    min_new_hard_families=35,
    previous=("v3",),
    late_start=12,
    declared_age_share=(0.35, 0.65),
    ts_form_share_gap=0.15,
)
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
    "v4": _V4,
    "v5": replace(
        _V4,
        number=5,
        min_conversations=15,
        min_grooming=7,
        min_hard_negative=8,
        min_registers=7,
        min_hard_families=8,
        min_streams=4,
        min_negative=8,
        min_total_conversations=111,
        min_total_streams=28,
        min_registers_overall=20,
        min_new_registers=8,
        previous=("v3", "v4"),
        min_concerning_streams=2,
        min_benign_streams=1,
    ),
}
#: The sixth edition promises more per language than the fifth (8 grooming in 8 registers,
#: 9 hard negatives from 9 families, 2 benign streams) and novelty against v3, v4 and v5.
EDITIONS["v6"] = replace(
    EDITIONS["v5"],
    number=6,
    min_conversations=17,
    min_grooming=8,
    min_hard_negative=9,
    min_negative=9,
    min_registers=8,
    min_hard_families=9,
    min_total_conversations=119,
    min_registers_overall=25,
    min_new_registers=15,
    min_hard_families_overall=60,
    min_new_hard_families=55,
    previous=("v3", "v4", "v5"),
    min_benign_streams=2,
)
#: The seventh edition keeps the sixth's promises and measures novelty against v3 to v6.
EDITIONS["v7"] = replace(
    EDITIONS["v6"],
    number=7,
    previous=("v3", "v4", "v5", "v6"),
)
#: The eighth edition keeps the seventh's promises per language and in total, and measures
#: novelty against v3 to v7: 55 registers (43 new) and 63 hard-negative families, all new.
EDITIONS["v8"] = replace(
    EDITIONS["v7"],
    number=8,
    min_registers_overall=55,
    min_new_registers=43,
    min_hard_families_overall=63,
    min_new_hard_families=63,
    previous=("v3", "v4", "v5", "v6", "v7"),
)
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


def _start_hour(conversation: dict[str, Any]) -> float:
    """The hour of the first message as written (UTC for seconds and Z, local for an offset);
    -1 without timestamps."""
    ts = conversation["messages"][0].get("ts")
    if ts is None:
        return -1.0
    if isinstance(ts, str):
        return float(datetime.fromisoformat(ts.replace("Z", "+00:00")).hour)
    return float(datetime.fromtimestamp(ts, tz=UTC).hour)


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
    least, most = EDITIONS[edition].messages
    check_conversation(conversation, least=least, most=most)


@pytest.mark.parametrize(("edition", "language"), BY_LANGUAGE)
def test_each_language_has_the_promised_conversations(edition: str, language: str) -> None:
    promise = EDITIONS[edition]
    rows = [c for c in CONVERSATIONS[edition] if c["language"] == language]
    grooming, negative, hard = label_counts(rows)
    assert len(rows) >= promise.min_conversations, f"{language}: {len(rows)} conversations"
    assert grooming >= promise.min_grooming, f"{language}: {grooming} grooming"
    assert negative >= promise.min_negative, f"{language}: {negative} negatives"
    assert hard >= promise.min_hard_negative, f"{language}: {hard} hard negatives"
    registers = {c["register"] for c in rows if c["label"] == 1}
    assert len(registers) >= promise.min_registers, f"{language}: grooming in {sorted(registers)}"
    families = {c["family"] for c in rows if c["hard_negative"]}
    assert len(families) >= promise.min_hard_families, f"{language}: hard negatives {families}"


PROMISING = sorted(name for name, e in EDITIONS.items() if e.min_total_conversations)


@pytest.mark.parametrize("edition", PROMISING)
def test_edition_has_the_promised_totals(edition: str) -> None:
    promise = EDITIONS[edition]
    assert len(CONVERSATIONS[edition]) >= promise.min_total_conversations
    assert len(STREAMS[edition]) >= promise.min_total_streams


@pytest.mark.parametrize("edition", PROMISING)
def test_grooming_covers_the_promised_registers(edition: str) -> None:
    promise = EDITIONS[edition]
    registers = {c["register"] for c in CONVERSATIONS[edition] if c["label"] == 1}
    missing = set(promise.required_registers) - registers
    assert not missing, f"no grooming conversation in {sorted(missing)}"
    assert len(registers) >= promise.min_registers_overall, sorted(registers)
    assert promise.previous
    before = {
        c["register"] for name in promise.previous for c in CONVERSATIONS[name] if c["label"] == 1
    }
    new = registers - before
    print(f"{edition}: registers new to this edition: {sorted(new)}")
    assert len(new) >= promise.min_new_registers, f"registers new to this edition: {sorted(new)}"


@pytest.mark.parametrize("edition", PROMISING)
def test_hard_negatives_cover_the_promised_families(edition: str) -> None:
    promise = EDITIONS[edition]
    families = {c["family"] for c in CONVERSATIONS[edition] if c["hard_negative"]}
    assert len(families) >= promise.min_hard_families_overall, f"{len(families)} families"
    assert promise.previous
    before = {
        c["family"] for name in promise.previous for c in CONVERSATIONS[name] if c["hard_negative"]
    }
    new = families - before
    print(f"{edition}: hard-negative families new to this edition: {sorted(new)}")
    assert len(new) >= promise.min_new_hard_families, f"{len(new)} families new to this edition"


LATE = [
    (name, language) for name in EDITIONS if EDITIONS[name].late_start for language in LANGUAGES
]


@pytest.mark.parametrize(("edition", "language"), LATE)
def test_each_language_has_grooming_that_starts_after_ordinary_messages(
    edition: str, language: str
) -> None:
    late = EDITIONS[edition].late_start
    firsts = [
        c["grooming_lines"][0]
        for c in CONVERSATIONS[edition]
        if c["language"] == language and c["label"] == 1
    ]
    assert max(firsts) >= late, f"{language}: first grooming lines {sorted(firsts)}"


@pytest.mark.parametrize("edition", PROMISING)
def test_declared_ages_occur_in_about_half_of_each_class(edition: str) -> None:
    low, high = EDITIONS[edition].declared_age_share
    for label in (0, 1):
        rows = [c for c in CONVERSATIONS[edition] if c["label"] == label]
        share = sum(any("age" in p for p in c["participants"]) for c in rows) / len(rows)
        assert low <= share <= high, f"label {label}: {share:.2f} declare an age"


@pytest.mark.parametrize("edition", PROMISING)
def test_timestamp_forms_are_balanced_between_labels(edition: str) -> None:
    def form(conversation: dict[str, Any]) -> str:
        ts = conversation["messages"][0].get("ts")
        return "none" if ts is None else ts_form(ts)

    shares = {}
    for label in (0, 1):
        rows = [c for c in CONVERSATIONS[edition] if c["label"] == label]
        counts = Counter(form(c) for c in rows)
        shares[label] = {
            k: counts[k] / len(rows) for k in ("seconds", "iso_z", "iso_offset", "none")
        }
    for kind in shares[0]:
        gap = abs(shares[0][kind] - shares[1][kind])
        assert gap <= EDITIONS[edition].ts_form_share_gap, f"{kind}: shares {shares}"


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
        assert sum(declared_age_gap(c) >= 18 for c in rows) >= 3, f"label {label}"


SURFACE = {
    "number_of_messages": lambda c: float(len(c["messages"])),
    "has_ts": lambda c: float("ts" in c["messages"][0]),
    "max_gap": lambda c: max(_gaps(c)),
    "time_span": lambda c: sum(_gaps(c)),
    "has_declared_age": lambda c: float(any("age" in p for p in c["participants"])),
    "declared_age_gap": declared_age_gap,
    "words_per_message": lambda c: (
        sum(len(m["text"].split()) for m in c["messages"]) / len(c["messages"])
    ),
    "characters": lambda c: float(sum(len(m["text"]) for m in c["messages"])),
    "start_hour": _start_hour,
    "median_gap": lambda c: float(statistics.median(_gaps(c))),
    "largest_author_share": lambda c: (
        max(Counter(m["author"] for m in c["messages"]).values()) / len(c["messages"])
    ),
}


@pytest.mark.parametrize(
    ("edition", "feature"), [(name, f) for name, e in EDITIONS.items() for f in e.surface]
)
def test_surface_metadata_alone_does_not_predict_the_label(edition: str, feature: str) -> None:
    rows = CONVERSATIONS[edition]
    auc = roc_auc([SURFACE[feature](c) for c in rows], [c["label"] for c in rows])
    low, high = EDITIONS[edition].auc_band
    assert low <= auc <= high, f"{feature} alone gives ROC AUC {auc:.3f}"


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
    promise = EDITIONS[edition]
    concerning = sum(s["label"] == 1 for s in rows)
    assert concerning >= promise.min_concerning_streams, f"{language}: {concerning} concerning"
    benign = len(rows) - concerning
    assert benign >= promise.min_benign_streams, f"{language}: {benign} benign streams"


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
    low, high = EDITIONS[edition].auc_band
    assert low <= auc <= high, f"{feature} alone gives ROC AUC {auc:.3f}"

"""The third to eighth independently written English chat evaluation sets are well formed.

`tests/data/chat_eval_v3/` to `tests/data/chat_eval_v8/` (`conversations_en.jsonl`,
`comments_en.jsonl`) are held out: never used for training, feature design, lexicons,
thresholds or model choice (see each folder's `README.md`). These tests only check that the
files are well formed, that each edition keeps the coverage its README promises (counts per
label, register and family, lengths, declared ages, timestamp forms), and that the label cannot
be read off metadata alone (length, timestamps, gaps, declared ages, who does the talking), so
that a careless edit cannot quietly shrink a set, break its labels or give a scorer a shortcut.
They say nothing about any model's score. One module for all editions: they share the schema
and differ in their minimums, their registers and families, and the properties their writers
promised.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, ClassVar

import numpy as np
import pytest

from tests.chat_eval.checks import (
    KEYS,
    SNAKE,
    EditionFiles,
    check_bad_viewers,
    check_conversation,
    check_stream_comments,
    check_timing_mixes_labels,
    declared_age_gap,
    grooming_rows,
    label_counts,
    load_jsonl,
    negative_rows,
    roc_auc,
    ts_form,
)
from tests.chat_eval.checks import (
    METADATA as BASE_METADATA,
)

STREAM_KEYS = {"id", "label", "bad_viewers", "family", "comments"}
# A single metadata feature must not separate the classes: its ROC AUC stays in this band.
AUC_BAND = (0.35, 0.65)
# Guard for the rule that nothing in the sets is sexual: none of these words may appear.
FORBIDDEN_WORDS = re.compile(
    r"\b(nude|nudes|naked|undress\w*|sexy|sex|sexual|underwear|lingerie|bikini|bra|body|bodies)\b",
    re.IGNORECASE,
)
# Phrases quoted in issue 12 from the failure analysis of the old scorer. The fourth edition
# keeps them out of its grooming lines and uses some of them innocently.
STOCK_PHRASES = (
    "between the two of us",
    "before involving your parents",
    "add me on another app",
    "whats ur discord",
    "500 coins for a song",
    "stand on the chair",
    "are you home alone",
)

Row = dict[str, Any]

_V3_REGISTERS = frozenset(
    {
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
)
_V3_NAMED_FAMILIES = frozenset(
    {
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
)
#: Hard-negative settings the fourth edition adds (none is a family of the third).
_V4_NEW_FAMILIES = frozenset(
    {
        "foster_carer",
        "religious_youth_group",
        "esports_manager",
        "language_exchange",
        "school_trip",
        "lost_pet",
        "kids_clothes_marketplace",
        "charity_mentor",
        "drama_club",
        "swimming_lessons",
        "orthodontist",
        "library",
        "scouting",
        "stepparent",
        "vlogger_fan_parent",
        "lifeguard",
        "youth_referee",
    }
)


#: Hard-negative settings the fifth edition adds (none is a family of the third or fourth).
_V5_NEW_FAMILIES = frozenset(
    {
        "chess_club",
        "paediatric_physio",
        "school_bus_driver",
        "church_choir",
        "au_pair",
        "youth_orchestra",
        "gymnastics_coach",
        "tattoo_shop",
        "phone_shop",
        "farm_summer_job",
        "game_moderator",
        "cousin_abroad",
        "stepbrother",
        "lost_property",
        "climbing_wall",
        "tutoring_agency",
        "pet_shop",
    }
)
#: Grooming registers of the fifth edition that the third and fourth do not have.
_V5_NEW_REGISTERS = frozenset(
    {
        "try_hard_young",
        "family_friend",
        "fake_teacher",
        "fake_charity",
        "channel_fan",
        "support_forum",
        "voice_note",
        "terse_messages",
        "long_paragraphs",
    }
)

#: Hard-negative settings the sixth edition adds (none is a family of the third, fourth or
#: fifth).
_V6_NEW_FAMILIES = frozenset(
    {
        "vet_practice",
        "hairdresser",
        "optician",
        "kids_party_entertainer",
        "social_worker",
        "lost_child_steward",
        "school_taxi",
        "trampoline_park",
        "sleepover_parents",
        "hospital_play",
        "wedding_page_boy",
        "kids_competition",
        "school_photographer",
        "estate_agent",
        "school_council",
    }
)
#: Grooming registers of the sixth edition that the third, fourth and fifth do not have.
_V6_NEW_REGISTERS = frozenset(
    {
        "roleplay_story",
        "non_native_english",
        "quiz_survey",
        "humour_banter",
        "admin_procedural",
    }
)

#: Hard-negative settings the seventh edition adds (none is a family of the third to sixth).
_V7_NEW_FAMILIES = frozenset(
    {
        "childminder",
        "paper_round",
        "dog_walking_job",
        "child_actor_chaperone",
        "academy_scout",
        "lego_reseller",
        "school_office",
        "gp_receptionist",
        "bike_shop",
        "carpool_rota",
        "first_aid_course",
        "ice_rink",
        "coding_club",
        "museum_workshop",
    }
)
#: Grooming registers of the seventh edition that the third to sixth do not have.
_V7_NEW_REGISTERS = frozenset(
    {
        "homework_helper",
        "rank_boosting",
        "confidant",
        "contest_prize",
        "questions_only",
        "group_to_private",
    }
)

#: Hard-negative settings the eighth edition adds (none is a family of the third to seventh).
_V8_NEW_FAMILIES = frozenset(
    {
        "young_carer_support",
        "police_school_liaison",
        "school_crossing_patrol",
        "sailing_club",
        "magic_circle_junior",
        "escape_room_booking",
        "audiologist",
        "sea_cadets",
        "child_model_agency",
        "gaming_cafe",
        "speech_therapist",
        "after_school_club",
        "kids_cookery_class",
    }
)
#: Grooming registers of the eighth edition that the third to seventh do not have.
_V8_NEW_REGISTERS = frozenset(
    {
        "regional_dialect",
        "dare_challenge",
        "sympathy_seeking",
        "older_teen",
        "impostor_friend",
    }
)


@dataclass(frozen=True)
class Edition(EditionFiles):
    """One English edition's promises (its README.md)."""

    ID_PREFIX: ClassVar[str] = "en"

    number: int
    #: conversations, grooming, hard negatives, plain negatives
    min_counts: tuple[int, int, int, int]
    registers: frozenset[str]
    min_per_register: int
    named_families: frozenset[str]
    min_hard_families: int
    #: fewest and most messages in a conversation
    messages: tuple[int, int]
    #: conversations of each timestamp form, per class
    min_per_ts_form: int
    #: benign pairs that declare an adult and a minor at least 20 years apart
    min_adult_minor_pairs: int
    #: fewest and most comments in a stream
    comments: tuple[int, int]
    #: grooming conversations whose first grooming line follows 12+ ordinary messages
    min_late_first_line: int = 0
    #: hard negatives of 25 or more messages
    min_long_hard_negatives: int = 0
    #: hard-negative families that are not families of the third edition
    min_new_families: int = 0
    #: grooming lines keep clear of the stock phrases; negatives that use one innocently
    min_innocent_stock_phrases: int | None = None
    #: streams in all, and of each label
    min_streams: tuple[int, int] = (36, 18)


_V4 = Edition(
    number=4,
    min_counts=(120, 48, 60, 12),
    registers=_V3_REGISTERS | {"mentor_career", "peer_romance", "crisis_rescue", "slow_drift"},
    min_per_register=3,
    named_families=_V3_NAMED_FAMILIES | _V4_NEW_FAMILIES,
    min_hard_families=30,
    messages=(6, 40),
    min_per_ts_form=8,
    min_adult_minor_pairs=8,
    comments=(15, 60),
    min_late_first_line=10,
    min_long_hard_negatives=10,
    min_new_families=15,
    min_innocent_stock_phrases=4,
)

EDITIONS = {
    "v3": Edition(
        number=3,
        min_counts=(120, 48, 60, 10),
        registers=_V3_REGISTERS,
        min_per_register=4,
        named_families=_V3_NAMED_FAMILIES,
        min_hard_families=30,
        messages=(8, 30),
        min_per_ts_form=8,
        min_adult_minor_pairs=8,
        comments=(20, 80),
    ),
    "v4": _V4,
    "v5": replace(
        _V4,
        number=5,
        registers=_V5_NEW_REGISTERS
        | {"slang", "typos", "emoji", "gaming", "threats", "one_sided", "gift_money"}
        | {"peer_posing", "quick_blunt"},
        named_families=_V3_NAMED_FAMILIES | _V5_NEW_FAMILIES,
        min_streams=(40, 20),
    ),
    "v6": replace(
        _V4,
        number=6,
        min_counts=(120, 48, 50, 12),
        registers=_V6_NEW_REGISTERS
        | {"quick_blunt", "slang", "typos", "leetspeak", "emoji", "gaming", "peer_posing"}
        | {"threats", "one_sided", "gift_money", "polite_indirect"},
        named_families=_V3_NAMED_FAMILIES | _V6_NEW_FAMILIES,
        min_hard_families=25,
        messages=(6, 36),
        min_long_hard_negatives=6,
        min_new_families=8,
        min_streams=(44, 22),
    ),
    "v7": replace(
        _V4,
        number=7,
        min_counts=(120, 48, 50, 12),
        registers=_V7_NEW_REGISTERS
        | {"quick_blunt", "slang", "typos", "gaming", "peer_posing", "threats", "gift_money"}
        | {"polite_indirect", "emoji", "slow_patient"},
        named_families=_V3_NAMED_FAMILIES | _V7_NEW_FAMILIES,
        min_hard_families=25,
        messages=(6, 36),
        min_long_hard_negatives=6,
        min_new_families=8,
        min_streams=(44, 22),
    ),
    "v8": replace(
        _V4,
        number=8,
        min_counts=(120, 48, 50, 12),
        registers=_V8_NEW_REGISTERS
        | {"quick_blunt", "slang", "typos", "leetspeak", "emoji", "gaming", "threats"}
        | {"gift_money", "one_sided", "polite_indirect", "slow_patient"},
        named_families=_V3_NAMED_FAMILIES | _V8_NEW_FAMILIES,
        min_hard_families=25,
        messages=(6, 36),
        min_long_hard_negatives=6,
        min_new_families=8,
        min_streams=(44, 22),
    ),
}
NAMES = sorted(EDITIONS)
CONVERSATIONS = {
    name: load_jsonl(e.folder / "conversations_en.jsonl") for name, e in EDITIONS.items()
}
STREAMS = {name: load_jsonl(e.folder / "comments_en.jsonl") for name, e in EDITIONS.items()}


def _hard(rows: list[Row]) -> list[Row]:
    return [c for c in rows if c["hard_negative"]]


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("'", "").replace("\u2019", "").split())


# --- conversations: shape ---------------------------------------------------------------


@pytest.mark.parametrize("edition", NAMES)
def test_every_conversation_passes_the_shared_checks(edition: str) -> None:
    least, most = EDITIONS[edition].messages
    for c in CONVERSATIONS[edition]:
        try:
            check_conversation(c, least=least, most=most)
        except AssertionError as error:
            raise AssertionError(f"{c['id']}: {error}") from error


@pytest.mark.parametrize("edition", NAMES)
def test_conversations_have_exactly_the_shared_keys(edition: str) -> None:
    for c in CONVERSATIONS[edition]:
        assert set(c) == KEYS, c["id"]
        assert c["language"] == "en", c["id"]


@pytest.mark.parametrize("edition", NAMES)
def test_conversation_ids_are_unique_and_named_by_kind(edition: str) -> None:
    rows = CONVERSATIONS[edition]
    ids = [c["id"] for c in rows]
    assert len(ids) == len(set(ids))
    for c in rows:
        match = EDITIONS[edition].conversation_id.match(c["id"])
        assert match, c["id"]
        kind = {1: "g", 0: ("n" if c["hard_negative"] else "e")}[c["label"]]
        assert match["kind"] == kind, c["id"]


@pytest.mark.parametrize("edition", NAMES)
def test_one_to_one_conversations(edition: str) -> None:
    for c in CONVERSATIONS[edition]:
        assert len(c["participants"]) == 2, c["id"]


@pytest.mark.parametrize("edition", NAMES)
def test_grooming_lines_are_not_copied_between_conversations(edition: str) -> None:
    seen: dict[str, str] = {}
    for c in grooming_rows(CONVERSATIONS[edition]):
        for i in c["grooming_lines"]:
            text = _normal(c["messages"][i]["text"])
            assert text not in seen, f"{c['id']} repeats a line of {seen.get(text)}: {text!r}"
            seen[text] = c["id"]


def test_the_fourth_edition_copies_no_grooming_line_of_the_third() -> None:
    third = {
        _normal(c["messages"][i]["text"])
        for c in grooming_rows(CONVERSATIONS["v3"])
        for i in c["grooming_lines"]
    }
    copied = [
        (c["id"], c["messages"][i]["text"])
        for c in grooming_rows(CONVERSATIONS["v4"])
        for i in c["grooming_lines"]
        if _normal(c["messages"][i]["text"]) in third
    ]
    assert not copied, copied


def test_the_fifth_edition_copies_no_grooming_line_of_the_third_or_fourth() -> None:
    earlier = {
        _normal(c["messages"][i]["text"])
        for name in ("v3", "v4")
        for c in grooming_rows(CONVERSATIONS[name])
        for i in c["grooming_lines"]
    }
    copied = [
        (c["id"], c["messages"][i]["text"])
        for c in grooming_rows(CONVERSATIONS["v5"])
        for i in c["grooming_lines"]
        if _normal(c["messages"][i]["text"]) in earlier
    ]
    assert not copied, copied


@pytest.mark.parametrize("edition", NAMES)
def test_no_text_uses_sexual_wording(edition: str) -> None:
    texts = [(c["id"], m["text"]) for c in CONVERSATIONS[edition] for m in c["messages"]]
    texts += [(s["id"], m["text"]) for s in STREAMS[edition] for m in s["comments"]]
    hits = [(where, text) for where, text in texts if FORBIDDEN_WORDS.search(text)]
    assert not hits, hits


def test_the_word_guard_catches_what_it_is_for() -> None:
    assert FORBIDDEN_WORDS.search("send a NUDE")
    assert not FORBIDDEN_WORDS.search("send a selfie in your school jumper")


# --- conversations: coverage ------------------------------------------------------------


@pytest.mark.parametrize("edition", NAMES)
def test_counts_per_label(edition: str) -> None:
    rows = CONVERSATIONS[edition]
    least, least_grooming, least_hard, least_plain = EDITIONS[edition].min_counts
    grooming, negative, hard = label_counts(rows)
    assert len(rows) >= least
    assert grooming >= least_grooming
    assert hard >= least_hard
    assert negative - hard >= least_plain


@pytest.mark.parametrize("edition", NAMES)
def test_grooming_covers_the_promised_registers(edition: str) -> None:
    promise = EDITIONS[edition]
    registers = Counter(c["register"] for c in grooming_rows(CONVERSATIONS[edition]))
    assert set(registers) >= promise.registers, promise.registers - set(registers)
    assert all(registers[r] >= promise.min_per_register for r in promise.registers), registers


@pytest.mark.parametrize("edition", NAMES)
def test_grooming_families_are_one_setting_each(edition: str) -> None:
    families = Counter(c["family"] for c in grooming_rows(CONVERSATIONS[edition]))
    assert max(families.values()) == 1, families


@pytest.mark.parametrize("edition", NAMES)
def test_hard_negatives_come_from_the_promised_families_of_two(edition: str) -> None:
    promise = EDITIONS[edition]
    families = Counter(c["family"] for c in _hard(CONVERSATIONS[edition]))
    assert len(families) >= promise.min_hard_families, families
    assert min(families.values()) >= 2, families
    assert set(families) >= promise.named_families, promise.named_families - set(families)


def test_the_fourth_edition_adds_hard_negative_settings_the_third_lacks() -> None:
    third = {c["family"] for c in _hard(CONVERSATIONS["v3"])}
    fourth = {c["family"] for c in _hard(CONVERSATIONS["v4"])}
    assert not _V4_NEW_FAMILIES & third, _V4_NEW_FAMILIES & third
    assert len(fourth - third) >= EDITIONS["v4"].min_new_families, fourth - third


def test_the_fifth_edition_adds_settings_and_registers_the_earlier_ones_lack() -> None:
    earlier = [CONVERSATIONS[name] for name in ("v3", "v4")]
    old_families = {c["family"] for rows in earlier for c in _hard(rows)}
    old_registers = {c["register"] for rows in earlier for c in grooming_rows(rows)}
    fifth = CONVERSATIONS["v5"]
    new_families = {c["family"] for c in _hard(fifth)} - old_families
    assert not _V5_NEW_FAMILIES & old_families, _V5_NEW_FAMILIES & old_families
    assert len(new_families) >= EDITIONS["v5"].min_new_families, new_families
    assert not _V5_NEW_REGISTERS & old_registers, _V5_NEW_REGISTERS & old_registers
    registers = Counter(c["register"] for c in grooming_rows(fifth))
    assert all(registers[r] >= 3 for r in _V5_NEW_REGISTERS), registers


#: Each later edition promised new grooming lines, hard-negative families and registers against
#: the editions before it: (edition, the editions before it, its new families, its new registers).
_NOVELTY = [
    ("v6", ("v3", "v4", "v5"), _V6_NEW_FAMILIES, _V6_NEW_REGISTERS),
    ("v7", ("v3", "v4", "v5", "v6"), _V7_NEW_FAMILIES, _V7_NEW_REGISTERS),
    ("v8", ("v3", "v4", "v5", "v6", "v7"), _V8_NEW_FAMILIES, _V8_NEW_REGISTERS),
]


@pytest.mark.parametrize(("edition", "before", "_families", "_registers"), _NOVELTY)
def test_a_later_edition_copies_no_grooming_line_of_the_earlier_ones(
    edition: str, before: tuple[str, ...], _families: frozenset[str], _registers: frozenset[str]
) -> None:
    earlier = {
        _normal(c["messages"][i]["text"])
        for name in before
        for c in grooming_rows(CONVERSATIONS[name])
        for i in c["grooming_lines"]
    }
    copied = [
        (c["id"], c["messages"][i]["text"])
        for c in grooming_rows(CONVERSATIONS[edition])
        for i in c["grooming_lines"]
        if _normal(c["messages"][i]["text"]) in earlier
    ]
    assert not copied, copied


@pytest.mark.parametrize(("edition", "before", "families", "new_registers"), _NOVELTY)
def test_a_later_edition_adds_settings_and_registers_the_earlier_ones_lack(
    edition: str, before: tuple[str, ...], families: frozenset[str], new_registers: frozenset[str]
) -> None:
    earlier = [CONVERSATIONS[name] for name in before]
    old_families = {c["family"] for rows in earlier for c in _hard(rows)}
    old_registers = {c["register"] for rows in earlier for c in grooming_rows(rows)}
    rows = CONVERSATIONS[edition]
    new_families = {c["family"] for c in _hard(rows)} - old_families
    assert not families & old_families, families & old_families
    assert len(new_families) >= EDITIONS[edition].min_new_families, new_families
    assert not new_registers & old_registers, new_registers & old_registers
    registers = Counter(c["register"] for c in grooming_rows(rows))
    assert all(registers[r] >= 3 for r in new_registers), registers


def test_the_sixth_edition_has_more_streams_of_each_label_than_before() -> None:
    """The comment scorer is where measurement is weakest: 22 or more of each label."""
    labels = Counter(s["label"] for s in STREAMS["v6"])
    assert labels[1] >= 22 and labels[0] >= 22, labels


@pytest.mark.parametrize("edition", NAMES)
def test_registers_and_families_are_snake_case(edition: str) -> None:
    for c in CONVERSATIONS[edition]:
        assert SNAKE.match(c["register"]) and SNAKE.match(c["family"]), c["id"]


@pytest.mark.parametrize("edition", [n for n in NAMES if EDITIONS[n].min_late_first_line])
def test_grooming_often_starts_only_after_many_ordinary_messages(edition: str) -> None:
    late = [c["id"] for c in grooming_rows(CONVERSATIONS[edition]) if c["grooming_lines"][0] >= 12]
    assert len(late) >= EDITIONS[edition].min_late_first_line, late


@pytest.mark.parametrize("edition", [n for n in NAMES if EDITIONS[n].min_long_hard_negatives])
def test_lengths_vary_widely_in_both_classes(edition: str) -> None:
    promise = EDITIONS[edition]
    rows = CONVERSATIONS[edition]
    long_hard = [c["id"] for c in _hard(rows) if len(c["messages"]) >= 25]
    assert len(long_hard) >= promise.min_long_hard_negatives, long_hard
    least, most = promise.messages
    for group in (grooming_rows(rows), negative_rows(rows)):
        lengths = [len(c["messages"]) for c in group]
        assert min(lengths) <= least + 1, lengths
        assert max(lengths) >= most - 8, lengths


@pytest.mark.parametrize("edition", [n for n in NAMES if EDITIONS[n].min_long_hard_negatives])
def test_one_sided_grooming_has_a_child_of_two_words_at_most(edition: str) -> None:
    for c in grooming_rows(CONVERSATIONS[edition]):
        if c["register"] != "one_sided":
            continue
        replies = [m["text"] for m in c["messages"] if m["author"] != c["predator"]]
        assert 1 <= len(replies) <= 2, c["id"]
        assert all(len(text.split()) <= 2 for text in replies), (c["id"], replies)


@pytest.mark.parametrize(
    "edition", [n for n in NAMES if EDITIONS[n].min_innocent_stock_phrases is not None]
)
def test_stock_phrases_are_kept_out_of_grooming_lines_and_used_innocently(edition: str) -> None:
    rows = CONVERSATIONS[edition]
    in_grooming = [
        (c["id"], c["messages"][i]["text"])
        for c in grooming_rows(rows)
        for i in c["grooming_lines"]
        if any(p in _normal(c["messages"][i]["text"]) for p in STOCK_PHRASES)
    ]
    assert not in_grooming, in_grooming
    innocent = [
        c["id"]
        for c in negative_rows(rows)
        if any(p in _normal(m["text"]) for m in c["messages"] for p in STOCK_PHRASES)
    ]
    assert len(innocent) >= (EDITIONS[edition].min_innocent_stock_phrases or 0), innocent


def _declared(c: Row) -> int:
    return sum("age" in p for p in c["participants"])


@pytest.mark.parametrize("edition", NAMES)
def test_declared_ages_appear_in_about_half_of_each_class(edition: str) -> None:
    rows = CONVERSATIONS[edition]
    for group in (grooming_rows(rows), negative_rows(rows)):
        share = sum(_declared(c) > 0 for c in group) / len(group)
        assert 0.35 <= share <= 0.65, share
        assert sum(_declared(c) == 1 for c in group) >= 5
        assert sum(_declared(c) == 2 for c in group) >= 5


@pytest.mark.parametrize("edition", NAMES)
def test_benign_adult_to_minor_pairs_declare_their_ages(edition: str) -> None:
    """Grandparents, coaches, teachers writing to children: a declared age gap is no label."""
    pairs = [
        c["id"]
        for c in negative_rows(CONVERSATIONS[edition])
        if _declared(c) == 2
        and min(p["age"] for p in c["participants"]) < 18
        and declared_age_gap(c) >= 20
    ]
    assert len(pairs) >= EDITIONS[edition].min_adult_minor_pairs, pairs


@pytest.mark.parametrize("edition", NAMES)
def test_some_grooming_suspects_declare_a_teen_age(edition: str) -> None:
    teen = [
        c["id"]
        for c in grooming_rows(CONVERSATIONS[edition])
        for p in c["participants"]
        if p["id"] == c["predator"] and 13 <= p.get("age", 0) <= 17
    ]
    assert len(teen) >= 3, teen


def _form(c: Row) -> str:
    first = c["messages"][0]
    return ts_form(first["ts"]) if "ts" in first else "none"


@pytest.mark.parametrize(("edition", "label"), [(n, label) for n in NAMES for label in (0, 1)])
def test_every_timestamp_form_occurs_in_both_classes(edition: str, label: int) -> None:
    forms = Counter(_form(c) for c in CONVERSATIONS[edition] if c["label"] == label)
    assert set(forms) == {"seconds", "iso_z", "iso_offset", "none"}, forms
    assert min(forms.values()) >= EDITIONS[edition].min_per_ts_form, forms


# --- conversations: metadata alone does not predict the label ---------------------------


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
    **BASE_METADATA,
    "mean_characters": lambda c: float(np.mean([len(m["text"]) for m in c["messages"]])),
    "lowest_declared_age": _lowest_declared_age,
    "top_speaker_share": _top_speaker_share,
    "longest_run": _longest_run,
}


def metadata_auc(edition: str, feature: str) -> float:
    """ROC AUC of one metadata feature alone (label 1 = grooming) over an edition."""
    rows = CONVERSATIONS[edition]
    return roc_auc([METADATA[feature](c) for c in rows], [c["label"] for c in rows])


@pytest.mark.parametrize(("edition", "feature"), [(n, f) for n in NAMES for f in sorted(METADATA)])
def test_metadata_alone_does_not_predict_the_label(edition: str, feature: str) -> None:
    auc = metadata_auc(edition, feature)
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], f"{feature}: AUC {auc:.3f}"


@pytest.mark.parametrize("edition", NAMES)
def test_timing_does_not_give_the_label_away(edition: str) -> None:
    """Long gaps and late nights occur among negatives; quick daytime chats among grooming."""
    check_timing_mixes_labels(CONVERSATIONS[edition], late=8)


def test_the_auc_helper_tells_a_separating_feature_from_a_useless_one() -> None:
    assert roc_auc([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0]) == 1.0
    assert roc_auc([0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0]) == 0.5
    assert roc_auc([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0]) == 0.0


# --- comment streams --------------------------------------------------------------------


@pytest.mark.parametrize("edition", NAMES)
def test_streams_have_the_documented_shape(edition: str) -> None:
    least, most = EDITIONS[edition].comments
    rows = STREAMS[edition]
    ids = [s["id"] for s in rows]
    assert len(ids) == len(set(ids))
    for s in rows:
        assert set(s) == STREAM_KEYS, s["id"]
        assert EDITIONS[edition].stream_id.match(s["id"]), s["id"]
        assert s["label"] in (0, 1), s["id"]
        assert SNAKE.match(s["family"]), s["id"]
        check_stream_comments(s, least, most, viewers=5)


@pytest.mark.parametrize("edition", NAMES)
def test_bad_viewers_are_viewers_of_concerning_streams_only(edition: str) -> None:
    for s in STREAMS[edition]:
        check_bad_viewers(s)


@pytest.mark.parametrize("edition", NAMES)
def test_stream_counts_per_label(edition: str) -> None:
    rows = STREAMS[edition]
    least, least_each = EDITIONS[edition].min_streams
    labels = Counter(s["label"] for s in rows)
    assert len(rows) >= least
    assert labels[1] >= least_each and labels[0] >= least_each, labels


@pytest.mark.parametrize("edition", NAMES)
def test_stream_families_repeat_at_most_twice(edition: str) -> None:
    rows = STREAMS[edition]
    families = Counter(s["family"] for s in rows)
    assert max(families.values()) <= 2, families
    assert len({s["family"] for s in rows if s["label"] == 0}) >= 12


@pytest.mark.parametrize("edition", NAMES)
def test_concerning_streams_include_lone_and_corroborated_viewers(edition: str) -> None:
    concerning = [s for s in STREAMS[edition] if s["label"] == 1]
    assert sum(len(s["bad_viewers"]) == 1 for s in concerning) >= 5
    assert sum(len(s["bad_viewers"]) >= 3 for s in concerning) >= 3


STREAM_METADATA: dict[str, Callable[[Row], float]] = {
    "comments": lambda s: float(len(s["comments"])),
    "viewers": lambda s: float(len({m["viewer"] for m in s["comments"]})),
    "duration": lambda s: float(s["comments"][-1]["ts"] - s["comments"][0]["ts"]),
    "characters": lambda s: float(sum(len(m["text"]) for m in s["comments"])),
}


def stream_metadata_auc(edition: str, feature: str) -> float:
    """ROC AUC of one stream metadata feature alone (label 1 = concerning)."""
    rows = STREAMS[edition]
    return roc_auc([STREAM_METADATA[feature](s) for s in rows], [s["label"] for s in rows])


@pytest.mark.parametrize(
    ("edition", "feature"), [(n, f) for n in NAMES for f in sorted(STREAM_METADATA)]
)
def test_stream_metadata_alone_does_not_predict_the_label(edition: str, feature: str) -> None:
    auc = stream_metadata_auc(edition, feature)
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], f"{feature}: AUC {auc:.3f}"

"""The training corpus (``chat/training``): several generators, hard negatives that use every
category's words, grooming in many registers and languages, no timing or age shortcut, and
a test split that shares no template with train."""

from __future__ import annotations

import itertools
import random
import re
import statistics
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.conversation import parse_conversation
from safeguard.chat.lexicon import default_lexicon
from safeguard.chat.taxonomy import CONVERSATION_CATEGORIES
from safeguard.chat.text import normalise
from safeguard.chat.timestamps import parse_ts
from safeguard.chat.training.build import LANGUAGES, conversations, write_corpus
from safeguard.chat.training.corpus import data_dir, read_labelled
from safeguard.chat.training.generators import GENERATORS
from safeguard.chat.training.generators.base import GROOMING_REGISTERS, TEST_PART, pool_part

pytestmark = pytest.mark.filterwarnings("ignore")


@cache
def shipped(split: str) -> list[dict[str, Any]]:
    import json

    path = data_dir() / f"conversations_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def covered() -> list[str]:
    return sorted({d["language"] for d in shipped("train")})


def test_every_target_language_has_training_conversations() -> None:
    assert covered() == sorted(LANGUAGES)


def _texts(doc: dict[str, Any], key: str) -> list[str]:
    return [doc["messages"][g["index"]]["text"] for g in doc[key]]


def test_the_shipped_corpus_is_what_the_builder_writes(tmp_path: Path) -> None:
    for written in write_corpus(tmp_path):
        assert written.read_bytes() == (data_dir() / written.name).read_bytes(), written.name


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    sizes = {"en": 30, "es": 10}
    assert conversations("train", 7, sizes) == conversations("train", 7, sizes)
    assert conversations("train", 7, sizes) != conversations("train", 8, sizes)


def test_the_shipped_files_are_small_enough_for_a_repository() -> None:
    total = sum((data_dir() / f"conversations_{s}.jsonl").stat().st_size for s in ("train", "test"))
    assert total < 5_000_000


def test_the_shipped_files_read_as_labelled_conversations() -> None:
    for split in ("train", "test"):
        items = list(read_labelled(data_dir() / f"conversations_{split}.jsonl"))
        assert len(items) == len(shipped(split))
        assert {i.label for i in items} == {0, 1}


@pytest.mark.parametrize("split", ["train", "test"])
def test_every_grooming_conversation_has_a_grooming_line_by_the_predator(split: str) -> None:
    for doc in shipped(split):
        if doc["label"] == 1:
            assert doc["grooming_lines"], doc["id"]
            authors = {doc["messages"][i]["author"] for i in doc["predator_lines"]}
            assert authors == {doc["predator"]}, doc["id"]
        else:
            assert doc["predator"] is None and not doc["grooming_lines"], doc["id"]


@pytest.mark.parametrize("split", ["train", "test"])
def test_every_hard_negative_uses_category_words(split: str) -> None:
    for doc in shipped(split):
        if doc["label"] == 0 and doc["family"] != "everyday":
            assert doc["cue_lines"], doc["id"]


def test_every_category_occurs_in_benign_lines_of_every_language() -> None:
    seen: dict[str, Counter[str]] = {lang: Counter() for lang in covered()}
    for doc in shipped("train"):
        if doc["label"] == 0:
            for cue in doc["cue_lines"]:
                seen[doc["language"]].update(cue["categories"])
    for lang, counts in seen.items():
        missing = [c for c in CONVERSATION_CATEGORIES if counts[c] < 3]
        assert not missing, (lang, missing)


def test_the_lexicon_of_each_language_fires_on_benign_train_lines_of_each_category() -> None:
    """The lexicon's words are not a label proxy: each category it knows also matches
    benign lines in train, in every language."""
    fired: dict[str, set[str]] = {lang: set() for lang in covered()}
    for doc in shipped("train"):
        if doc["label"] == 0:
            lex = default_lexicon(doc["language"])
            for m in doc["messages"]:
                fired[doc["language"]].update(
                    h.category for h in lex.find(normalise(m["text"]).text)
                )
    for lang, cats in fired.items():
        missing = sorted(set(CONVERSATION_CATEGORIES) - cats)
        assert not missing, (lang, missing)


def test_the_lexicon_of_each_language_finds_most_of_its_grooming_lines() -> None:
    for lang in covered():
        lex = default_lexicon(lang)
        lines = [
            t
            for doc in shipped("train")
            if doc["language"] == lang and doc["label"] == 1
            for t in _texts(doc, "grooming_lines")
        ]
        found = sum(bool(lex.find(normalise(t).text)) for t in lines)
        assert lines and found / len(lines) >= 0.5, (lang, found, len(lines))


def test_every_language_and_generator_has_both_classes_in_both_splits() -> None:
    for split in ("train", "test"):
        pairs = Counter((d["language"], d["label"]) for d in shipped(split))
        for lang in covered():
            assert pairs[(lang, 0)] >= 10 and pairs[(lang, 1)] >= 5, (split, lang)
        gens = Counter((d["generator"], d["label"]) for d in shipped(split))
        for g in GENERATORS:
            assert gens[(g.name, 0)] and gens[(g.name, 1)], (split, g.name)


def test_grooming_is_written_in_every_register() -> None:
    registers = Counter(d["register"] for d in shipped("train") if d["label"] == 1)
    assert all(registers[r] >= 10 for r in GROOMING_REGISTERS), registers


def test_writing_styles_occur_in_both_classes() -> None:
    for style in ("slang", "typos", "leetspeak", "emoji"):
        labels = {d["label"] for d in shipped("train") if d["register"] == style}
        assert labels == {0, 1}, style


# -- no shortcut through timing or declared ages ---------------------------------------------


def _share(docs: list[dict[str, Any]], test: Any) -> float:
    return sum(1 for d in docs if test(d)) / len(docs)


def _by_label(split: str = "train") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = shipped(split)
    return [d for d in docs if d["label"] == 0], [d for d in docs if d["label"] == 1]


def _hours(doc: dict[str, Any]) -> list[float]:
    return [(parse_ts(m["ts"]) or 0) % 86400 / 3600 for m in doc["messages"] if "ts" in m]


def _gaps(doc: dict[str, Any]) -> list[float]:
    times = [parse_ts(m["ts"]) or 0 for m in doc["messages"] if "ts" in m]
    return [b - a for a, b in itertools.pairwise(times)]


def test_timestamps_are_as_common_and_as_varied_in_both_classes() -> None:
    neg, pos = _by_label()
    for test in (
        lambda d: "ts" in d["messages"][0],
        lambda d: isinstance(d["messages"][0].get("ts"), str),
        lambda d: any(h < 4 or h >= 22 for h in _hours(d)),
        lambda d: any(g > 86400 for g in _gaps(d)),
    ):
        assert abs(_share(neg, test) - _share(pos, test)) < 0.08


def test_median_gap_is_alike_in_both_classes() -> None:
    neg, pos = _by_label()
    med = [statistics.median(g for d in docs for g in _gaps(d)) for docs in (neg, pos)]
    assert 0.5 < med[0] / med[1] < 2.0


def _ages(doc: dict[str, Any]) -> list[int]:
    return [p["age"] for p in doc["participants"] if "age" in p]


def test_declared_ages_do_not_give_the_label_away() -> None:
    neg, pos = _by_label()
    both = lambda d: len(_ages(d)) == 2  # noqa: E731
    assert abs(_share(neg, both) - _share(pos, both)) < 0.08
    big_gap = [d for d in neg if both(d) and max(_ages(d)) - min(_ages(d)) >= 40]
    assert len(big_gap) >= 10  # grandparents and their grandchildren
    minors = [d for d in pos if both(d) and max(_ages(d)) < 18]
    assert len(minors) >= 5  # an adult posing as a peer declares a child's age
    assert any(both(d) and max(_ages(d)) < 18 for d in neg)


def _auc(negatives: list[float], positives: list[float]) -> float:
    """The chance that a random positive scores above a random negative (ties count half)."""
    from sklearn.metrics import roc_auc_score

    labels = [0] * len(negatives) + [1] * len(positives)
    return float(roc_auc_score(labels, [*negatives, *positives]))


@pytest.mark.parametrize(
    "feature",
    [
        lambda d: len(d["messages"]),
        lambda d: statistics.mean(len(m["text"]) for m in d["messages"]),
        lambda d: max(_gaps(d), default=0.0),
        lambda d: statistics.median(_gaps(d)) if _gaps(d) else 0.0,
        lambda d: min(_hours(d), default=-1.0),
        lambda d: float("ts" in d["messages"][0]),
        lambda d: float(len(_ages(d))),
    ],
    ids=["messages", "length", "max_gap", "median_gap", "hour", "has_ts", "declared_ages"],
)
def test_no_single_metadata_feature_separates_the_classes(feature: Any) -> None:
    neg, pos = _by_label()
    auc = _auc([feature(d) for d in neg], [feature(d) for d in pos])
    assert 0.4 <= auc <= 0.6, auc


def test_conversation_lengths_are_alike_in_both_classes() -> None:
    neg, pos = _by_label()
    med = [statistics.median(len(d["messages"]) for d in docs) for docs in (neg, pos)]
    assert 0.6 < med[0] / med[1] < 1.6


# -- no template leakage ----------------------------------------------------------------------


def test_test_split_conversations_use_only_the_held_out_template_part() -> None:
    assert {d["template_part"] for d in shipped("test")} == {TEST_PART}
    assert {d["template_part"] for d in shipped("train")} == {0, 1}


def test_no_grooming_or_cue_line_of_the_test_split_occurs_in_train() -> None:
    def lines(split: str) -> set[tuple[str, str]]:
        return {
            (d["language"], " ".join(re.findall(r"\w+", normalise(t).text)))
            for d in shipped(split)
            for key in ("grooming_lines", "cue_lines")
            for t in _texts(d, key)
        }

    shared = lines("train") & lines("test")
    assert not shared, sorted(shared)[:10]


def test_some_hard_negative_families_are_held_out_of_train_whole() -> None:
    train = {(d["generator"], d["language"], d["family"]) for d in shipped("train")}
    test = {(d["generator"], d["language"], d["family"]) for d in shipped("test")}
    held_out = test - train
    assert len(held_out) >= len(covered())


def test_phrase_pools_have_no_entry_in_two_template_parts() -> None:
    from safeguard.chat.training.generators import acts, scenes, slots

    pools: list[list[Any]] = [*slots.GROOMING.values(), *slots.POLITE.values(), slots.SMALL_TALK]
    for lang in scenes.LANGUAGES:
        pools += [scenes.book(lang).grooming, scenes.book(lang).negatives]
    for lang in acts.LANGUAGES:
        book = acts.phrasebook(lang)
        pools += [*book["acts"].values(), *book["indirect"].values(), book["small_talk"]]
        pools += [f["cues"] for f in book["families"].values()]
        pools += list(book.get("benign_cues", {}).values())
    for pool in pools:
        keys = [repr(p) for p in pool]
        parts = [{repr(p) for p in pool_part(pool, k)} for k in range(3)]
        assert len(set(keys)) == len(keys), pool
        assert not (parts[2] & (parts[0] | parts[1]))


# -- every generated record is well formed ---------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    gen=st.sampled_from(GENERATORS),
    split=st.sampled_from(["train", "test"]),
    grooming=st.booleans(),
)
def test_every_generated_conversation_is_well_formed(
    seed: int, gen: Any, split: Any, grooming: bool
) -> None:
    from safeguard.chat.training.generators.base import finish

    rng = random.Random(seed)
    language = rng.choice(gen.languages)
    if grooming:
        draft = gen.grooming(rng, split, language)
    else:
        draft = gen.negative(rng, split, language, rng.choice(gen.families(split, language)))
    doc = finish(draft, rng, "c")
    conv = parse_conversation(doc)
    assert len(conv.messages) >= 2
    assert doc["language"] == language and doc["generator"] == gen.name
    assert (doc["template_part"] == TEST_PART) == (split == "test")
    stamped = {m.ts is not None for m in conv.messages}
    assert len(stamped) == 1
    times = [m.ts for m in conv.messages if m.ts is not None]
    assert times == sorted(times)
    if grooming:
        assert doc["label"] == 1 and doc["register"] in GROOMING_REGISTERS
        assert doc["predator_lines"]
        assert all(conv.messages[i].author == doc["predator"] for i in doc["predator_lines"])
        assert all(
            set(g["categories"]) <= set(CONVERSATION_CATEGORIES) for g in doc["grooming_lines"]
        )
    else:
        assert doc["label"] == 0 and not doc["predator_lines"]
        assert all(set(c["categories"]) <= set(CONVERSATION_CATEGORIES) for c in doc["cue_lines"])


# Words that must never appear in the corpus (it models grooming up to, never including,
# sexual content). Diacritics are stripped before matching.
_NEVER = [
    "sex",
    "sexy",
    "sexual",
    "nude",
    "nudes",
    "naked",
    "porn",
    "undress",
    "undressed",
    "underwear",
    "lingerie",
    "horny",
    "sexo",
    "desnuda",
    "desnudo",
    "desnudas",
    "porno",
    "sexe",
    "nue",
    "nues",
    "nudite",
    "seks",
    "nago",
    "naga",
    "nagie",
    "bielizna",
    "nackt",
    "unterwasche",
    "sesso",
    "nuda",
    "nudo",
    "nude",
    "nua",
    "pelada",
    "pelado",
    "calcinha",
    "dezbracat",
    "dezbracata",
]


@pytest.mark.parametrize("split", ["train", "test"])
def test_the_corpus_has_no_sexual_vocabulary(split: str) -> None:
    from safeguard.chat.training.generators.style import strip_diacritics

    never = re.compile(r"\b(?:" + "|".join(_NEVER) + r")\b")
    for doc in shipped(split):
        for m in doc["messages"]:
            text = strip_diacritics(normalise(m["text"]).text)
            assert not never.search(text), (doc["id"], m["text"])


@pytest.mark.parametrize("split", ["train", "test"])
def test_every_slot_is_filled(split: str) -> None:
    for doc in shipped(split):
        for m in doc["messages"]:
            assert not re.search(r"\{\w+\}", m["text"]), (doc["id"], m["text"])


def _template_key(text: str) -> str:
    from safeguard.chat.training.generators.style import strip_diacritics

    bare = strip_diacritics(re.sub(r"\{\w+\}", "", text.lower()))
    return " ".join(re.findall(r"\w+", bare))


def test_no_template_of_a_category_is_in_the_test_part_and_a_train_part() -> None:
    """Across every pool of every generator of a language (grooming acts, polite sets,
    hard-negative cues, scene lines), a sentence template belongs to one part only."""
    from safeguard.chat.training.generators import acts, scenes, slots
    from safeguard.chat.training.generators.base import PARTS, parse_cue

    parts: dict[tuple[str, str], set[int]] = {}

    def add(language: str, pool: list[str], cue: bool = False) -> None:
        for i, entry in enumerate(pool):
            text = parse_cue(entry)[2] if cue else entry
            parts.setdefault((language, _template_key(text)), set()).add(i % PARTS)

    for lang in acts.LANGUAGES:
        book = acts.phrasebook(lang)
        for pool in [*book["acts"].values(), *book["indirect"].values(), book["peer_claims"]]:
            add(lang, pool)
        for spec in book["families"].values():
            add(lang, spec["cues"], cue=True)
        for pool in book.get("benign_cues", {}).values():
            add(lang, pool, cue=True)
    for lang in scenes.LANGUAGES:
        scripts = scenes.book(lang)
        for scene_list in (scripts.grooming, scripts.negatives):
            for i, scene in enumerate(scene_list):
                for turn in scene[3]:
                    if parse_cue(turn)[1]:
                        parts.setdefault((lang, _template_key(parse_cue(turn)[2])), set()).add(
                            i % PARTS
                        )
    for pool in [*slots.GROOMING.values(), *slots.POLITE.values()]:
        add("en", pool)
    for spec in slots.FAMILIES.values():
        add("en", spec["cues"], cue=True)  # type: ignore[arg-type]
    leaking = sorted(k for k, p in parts.items() if TEST_PART in p and len(p) > 1)
    assert not leaking, leaking


def test_a_typo_never_makes_a_sexual_word() -> None:
    from safeguard.chat.training.generators.style import apply

    for seed in range(300):
        assert apply(random.Random(seed), "typos", "estou no sexto ano", "pt").split()[2] != "sexo"

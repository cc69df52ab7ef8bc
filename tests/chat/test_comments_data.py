"""The shipped comment streams are what the generators write, deterministically."""

from __future__ import annotations

import json

from safeguard.chat.training.comments_data import SIZES, build_streams
from safeguard.chat.training.corpus import data_dir


def test_the_shipped_test_split_is_regenerated_exactly() -> None:
    path = data_dir() / "comments_test.jsonl"
    shipped = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert shipped == build_streams("test", SIZES["test"])


def test_streams_mix_languages_families_and_both_labels() -> None:
    streams = build_streams("train", 200)
    assert {s["label"] for s in streams} == {0, 1}
    assert len({s["language"] for s in streams}) >= 6
    benign_families = {s["family"] for s in streams if not s["label"]}
    assert len(benign_families) >= 10
    for s in streams:
        bad = {c["viewer"] for c in s["comments"] if c.get("bad")}
        assert bad == set(s["bad_viewers"])
        assert bool(bad) == bool(s["label"])


def test_train_and_test_splits_use_different_phrasings_of_instructions() -> None:
    from safeguard.chat.training.generators.comments_concerning import INSTRUCTION_SHAPES
    from safeguard.chat.training.generators.comments_noise import part

    train, test = set(part(INSTRUCTION_SHAPES, "train")), set(part(INSTRUCTION_SHAPES, "test"))
    assert train and test and not train & test

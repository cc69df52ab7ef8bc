"""The comment evaluation: stream-level AUC and benign flags for the model and baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard.chat.training.comments_data import build_streams
from safeguard.chat.training.comments_eval import (
    evaluate,
    keyword_scorer,
    model_scorer,
    read_streams,
    roc_auc,
    tfidf_scorer,
)


def test_auc_counts_ties_as_half() -> None:
    assert roc_auc([0.9, 0.1], [1, 0]) == 1.0
    assert roc_auc([0.1, 0.9], [1, 0]) == 0.0
    assert roc_auc([0.5, 0.5], [1, 0]) == 0.5
    assert roc_auc([0.5], [1]) is None


def test_evaluate_reports_benign_flags_by_family() -> None:
    streams = [
        {"id": "a", "label": 0, "family": "cooking", "comments": []},
        {"id": "b", "label": 0, "family": "music", "comments": []},
        {"id": "c", "label": 1, "family": "crowd", "comments": []},
    ]
    flags = {"a": (0.9, True), "b": (0.1, False), "c": (0.8, True)}
    out = evaluate(streams, lambda s: flags[s["id"]])
    assert out["benign_flagged"] == 0.5
    assert out["recall"] == 1.0
    assert out["false_flags_by_family"] == {"cooking": "1/1"}
    assert out["auc"] == 0.5


@pytest.fixture(scope="module")
def small() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return build_streams("train", 60, seed=7), build_streams("test", 40, seed=7)


def test_the_model_and_baselines_score_streams(
    small: tuple[list[dict[str, object]], list[dict[str, object]]],
) -> None:
    train, test = small
    for scorer in (model_scorer(), keyword_scorer(train), tfidf_scorer(train)):
        out = evaluate(test, scorer)  # type: ignore[arg-type]
        assert out["streams"] == 40
        assert out["auc"] is not None and 0.0 <= out["auc"] <= 1.0
        assert 0.0 <= out["benign_flagged"] <= 1.0


def test_the_model_beats_chance_on_held_out_synthetic_streams(
    small: tuple[list[dict[str, object]], list[dict[str, object]]],
) -> None:
    _, test = small
    assert evaluate(test, model_scorer())["auc"] > 0.8  # type: ignore[arg-type]


def test_iso_timestamps_in_an_evaluation_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    doc = {
        "id": "x",
        "label": 1,
        "bad_viewers": ["b"],
        "family": "crowd",
        "comments": [
            {"ts": "2026-03-02T19:04:20Z", "viewer": "b", "text": "are your parents home?"},
            {"ts": "2026-03-02T19:04:30Z", "viewer": "b", "text": "stand on the chair"},
            {"ts": "2026-03-02T19:04:40Z", "viewer": "b", "text": "come on do it"},
        ],
    }
    path.write_text(json.dumps(doc) + "\n")
    (stream,) = read_streams(path)
    risk, flagged = model_scorer()(stream)
    assert flagged and risk >= 0.6

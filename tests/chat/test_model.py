"""The grooming model: versioned, checksummed JSON; deterministic training; evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard.chat.model import MODEL_FORMAT, GroomingModel, ModelFormatError, default_model
from safeguard.chat.training.corpus import shipped_conversations
from safeguard.chat.training.evaluate import (
    Labelled,
    calibration,
    latency_penalty,
    latency_weighted_f1,
    predator_identification,
    predator_lines,
)
from safeguard.chat.training.train import train_grooming


@pytest.fixture(scope="module")
def small_model() -> GroomingModel:
    return train_grooming(shipped_conversations("train")[:80])


def test_the_shipped_model_loads_and_carries_its_test_metrics() -> None:
    model = default_model()
    assert model.trained_on["conversations"] > 0
    assert model.metrics["split"].startswith("test")


def test_training_is_deterministic(small_model: GroomingModel) -> None:
    again = train_grooming(shipped_conversations("train")[:80])
    assert again.checksum == small_model.checksum


def test_a_saved_model_loads_back_identical(tmp_path: Path, small_model: GroomingModel) -> None:
    path = tmp_path / "m.json"
    small_model.save(path)
    assert GroomingModel.load(path).checksum == small_model.checksum


def test_a_model_of_another_format_version_is_a_clear_error(
    tmp_path: Path, small_model: GroomingModel
) -> None:
    doc = small_model.to_json()
    doc["format"] = "safeguard.chat.grooming/0"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelFormatError, match=f"is not '{MODEL_FORMAT}'"):
        GroomingModel.load(path)


def test_a_model_whose_content_was_changed_fails_its_checksum(
    tmp_path: Path, small_model: GroomingModel
) -> None:
    doc = small_model.to_json()
    doc["message"]["bias"] += 1.0
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelFormatError, match="checksum"):
        GroomingModel.load(path)


def test_a_model_file_that_is_not_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\x80PK not json")
    with pytest.raises(ModelFormatError, match="cannot read model"):
        GroomingModel.load(path)


def test_training_needs_both_classes() -> None:
    negatives = [c for c in shipped_conversations("train")[:50] if not c.label]
    with pytest.raises(ValueError, match="both"):
        train_grooming(negatives)


def _item(label: int, alert: int | None, messages: int = 10, **kw: object) -> Labelled:
    return Labelled(
        id=str(kw.pop("id", "c")),
        label=label,
        risk=float(label),
        alert_at=alert,
        messages=messages,
        **kw,
    )  # type: ignore[arg-type]


def test_latency_penalty_is_zero_at_the_first_message_and_grows() -> None:
    assert latency_penalty(1, 0.1) == 0.0
    assert 0 < latency_penalty(5, 0.1) < latency_penalty(50, 0.1) < 1


def test_latency_weighted_f1_rewards_earlier_alerts() -> None:
    early = [_item(1, 0), _item(1, 1), _item(0, None)]
    late = [_item(1, 8), _item(1, 9), _item(0, None)]
    assert latency_weighted_f1(early)["f1"] == latency_weighted_f1(late)["f1"] == 1.0
    assert latency_weighted_f1(early)["latency_f1"] > latency_weighted_f1(late)["latency_f1"]


def test_predator_identification_is_f_half_over_author_ids() -> None:
    items = [
        _item(1, 3, predator="p1", suspect="p1"),
        _item(1, None, predator="p2", suspect="p2"),
        _item(0, 2, suspect="n1"),
    ]
    m = predator_identification(items)
    assert (m["precision"], m["recall"]) == (0.5, 0.5)
    assert m["f0.5"] == 0.5


def test_predator_lines_is_f3_over_lines() -> None:
    items = [_item(1, 1, predator_lines=frozenset({1, 2, 3}), flagged_lines=frozenset({1, 9}))]
    m = predator_lines(items)
    assert (m["precision"], m["recall"]) == (0.5, 0.3333)
    assert m["f3"] == pytest.approx(10 * 0.5 * (1 / 3) / (9 * 0.5 + 1 / 3), abs=1e-4)


def test_perfect_risks_are_perfectly_calibrated() -> None:
    assert calibration([_item(1, 0), _item(0, None)])["ece"] == 0.0


@pytest.mark.slow
def test_training_on_the_shipped_recipe_reproduces_the_shipped_model() -> None:
    from safeguard.chat.training.evaluate import evaluate_grooming
    from safeguard.chat.training.recipe import SHIPPED_SETTINGS, SOURCE, grooming_training_data

    model = train_grooming(grooming_training_data(), source=SOURCE, settings=SHIPPED_SETTINGS)
    model.metrics = {
        "split": "test (shipped synthetic)",
        **evaluate_grooming(model, shipped_conversations("test")),
    }
    assert model.checksum == default_model().checksum


def test_the_shipped_threshold_is_the_one_chosen_by_leave_one_edition_out() -> None:
    """Issue 12's fifth round: the alert threshold is chosen by the mean over the
    leave-one-edition-out folds (recipe.SHIPPED_SETTINGS), not by one set, and the shipped
    model carries it."""
    from safeguard.chat.training.recipe import SHIPPED_SETTINGS

    assert SHIPPED_SETTINGS.threshold is not None
    assert default_model().policy.threshold == SHIPPED_SETTINGS.threshold
    assert default_model().trained_on["policy_choice"]["fixed"] == SHIPPED_SETTINGS.threshold

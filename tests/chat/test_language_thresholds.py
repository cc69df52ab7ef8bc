"""Issue 12, eighth round: one alert threshold for English and one for the other supported
languages (``AlertPolicy.other_languages``), chosen by the leave-one-edition-out folds.
Risk is unchanged; only where the alert fires depends on the conversation's language."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from safeguard.chat.model import AlertPolicy, GroomingModel, ModelFormatError, default_model
from safeguard.chat.scorer import ConversationState, Scoring, step
from safeguard.chat.training import loeo
from safeguard.chat.training.corpus import LabelledConversation, shipped_conversations
from safeguard.chat.training.suite import language_of


def _with_policy(policy: AlertPolicy) -> GroomingModel:
    return dataclasses.replace(default_model(), policy=policy)


def _replay(model: GroomingModel, item: LabelledConversation) -> ConversationState:
    scoring = Scoring.for_model(model)
    state = ConversationState.start(item.conversation.participants)
    for message in item.conversation.messages:
        step(state, message, scoring)
    return state


def _alerting(language_is_english: bool, n: int = 6) -> list[LabelledConversation]:
    """Test conversations of English (or of the other languages) that the shipped model
    alerts on."""
    model = default_model()
    out = []
    for item in shipped_conversations("test"):
        if (language_of(item) == "en") != language_is_english or not item.label:
            continue
        if _replay(model, item).alert_at is not None:
            out.append(item)
        if len(out) == n:
            break
    return out


def test_a_policy_gives_the_other_languages_their_own_threshold() -> None:
    policy = AlertPolicy(0.8, 0.25, 0.9)
    assert policy.for_language("en") == 0.8
    assert policy.for_language(None) == 0.8
    assert policy.for_language("de") == 0.9
    assert policy.lowest() == 0.8
    assert AlertPolicy(0.8, 0.25).for_language("de") == 0.8
    assert AlertPolicy(0.8, 0.25, 0.7).lowest() == 0.7


def test_a_higher_threshold_for_other_languages_leaves_english_alone() -> None:
    base = default_model().policy
    never = _with_policy(AlertPolicy(base.threshold, base.line_threshold, 0.999999))
    for item in _alerting(language_is_english=False):
        state = _replay(never, item)
        assert state.alert_at is None or state.risk >= 0.999999
    for item in _alerting(language_is_english=True):
        same = _replay(_with_policy(AlertPolicy(base.threshold, base.line_threshold)), item)
        assert _replay(never, item).alert_at == same.alert_at


def test_the_risk_does_not_depend_on_the_thresholds() -> None:
    base = default_model().policy
    items = _alerting(False, 3) + _alerting(True, 3)
    for item in items:
        a = _replay(_with_policy(AlertPolicy(base.threshold, base.line_threshold, 0.95)), item)
        b = _replay(_with_policy(AlertPolicy(base.threshold, base.line_threshold, 0.6)), item)
        assert a.risk == b.risk
        assert b.alert_at is not None
        assert a.alert_at is None or a.alert_at >= b.alert_at


def test_the_other_languages_threshold_round_trips_and_old_files_have_none(
    tmp_path: Path,
) -> None:
    base = default_model().policy
    model = _with_policy(AlertPolicy(base.threshold, base.line_threshold, 0.9))
    path = tmp_path / "m.json"
    model.save(path)
    assert GroomingModel.load(path).policy.other_languages == 0.9
    doc = json.loads(path.read_text())
    del doc["policy"]["other_languages"]
    doc["sha256"] = None
    body = {k: v for k, v in doc.items() if k != "sha256"}
    from safeguard.chat.model import _checksum

    doc["sha256"] = _checksum(body)
    path.write_text(json.dumps(doc))
    assert GroomingModel.load(path).policy.other_languages is None


def test_no_threshold_may_let_a_conversation_without_evidence_alert() -> None:
    base = default_model()
    floor = base.risk_of_logit(base.evidence_bias)
    with pytest.raises(ModelFormatError):
        _with_policy(AlertPolicy(base.policy.threshold, base.policy.line_threshold, floor))


def test_the_folds_alert_as_the_scorer_does_with_two_thresholds() -> None:
    """``loeo.labelled_at`` with the language traces gives the scorer's alert."""
    model = default_model()
    items = _alerting(False, 4) + _alerting(True, 4)
    traces = loeo.risk_traces(model, items)
    languages = loeo.language_traces(items)
    for other in (0.6, 0.9, 0.97):
        policy = AlertPolicy(model.policy.threshold, model.policy.line_threshold, other)
        got = loeo.labelled_at(items, traces, policy.threshold, other, languages)
        want = [_replay(_with_policy(policy), item).alert_at for item in items]
        assert [r.alert_at for r in got] == want


def test_the_shipped_thresholds_are_the_ones_the_recipe_names() -> None:
    from safeguard.chat.training.recipe import SHIPPED_SETTINGS

    assert SHIPPED_SETTINGS.other_languages is not None
    assert default_model().policy.other_languages == SHIPPED_SETTINGS.other_languages
    assert default_model().policy.threshold == SHIPPED_SETTINGS.threshold

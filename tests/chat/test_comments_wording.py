"""The comment text model (issue 12, seventh round): a comment worded like the concerning
viewers' comments carries ``concerning_wording``; one such comment never flags a stream; two
in the window corroborate; comments whose only lexicon signals are everyday ones never carry
it; the operating point is chosen over the leave-one-edition-out folds."""

from __future__ import annotations

import dataclasses

import pytest

from safeguard.chat.comments import (
    TEXT_HASHING,
    WORDING,
    Comment,
    CommentModel,
    CommentModelError,
    CommentScorer,
    comment_lexicon,
    default_comment_model,
    read_comment,
)
from safeguard.chat.features import message_hashes
from safeguard.chat.training import loeo

# Invented words no lexicon lists: only the text model can see them.
ODD = "zorbly quexing"


def _model(line: float = 0.5) -> CommentModel:
    """A model whose text model rates anything with ODD's words as concerning, and whose
    stream model flags a window with two concerning-wording comments."""
    weights = {h: 0.3 for h in message_hashes(ODD, [], TEXT_HASHING)}
    return CommentModel(
        viewer_bias=-3.0,
        viewer_weights={WORDING: 2.0},
        stream_bias=-4.0,
        stream_weights={"wording_comments": 6.0},
        text_bias=-4.0,
        text_weights=weights,
        text_line=line,
    )


def test_a_comment_worded_like_concerning_ones_carries_concerning_wording() -> None:
    model = _model()
    hits = read_comment(f"hey {ODD} now", comment_lexicon(), model)
    assert [h.category for h in hits] == [WORDING]
    assert read_comment("hey nice stream", comment_lexicon(), model) == []
    # No text model, no wording signal.
    assert read_comment(f"hey {ODD} now", comment_lexicon()) == []


def test_below_the_text_line_a_comment_carries_nothing() -> None:
    assert read_comment(f"hey {ODD} now", comment_lexicon(), _model(line=0.9999)) == []


def test_one_concerning_wording_comment_never_flags_two_corroborate() -> None:
    scorer = CommentScorer(model=_model())
    first = scorer.add(Comment("a", f"{ODD} please", 1.0))
    assert not first.flagged
    assert [s.category for s in first.signals] == [WORDING]
    second = scorer.add(Comment("b", f"{ODD} yes", 2.0))
    assert second.flagged
    assert second.risk > first.risk


def test_everyday_comments_never_carry_wording_however_the_text_model_rates_them() -> None:
    model = _model()
    for text in (f"whats ur discord {ODD}", f"500 coins for a song {ODD}", f"come on!! {ODD}"):
        categories = {h.category for h in read_comment(text, comment_lexicon(), model)}
        assert categories and WORDING not in categories, text
    scorer = CommentScorer(model=model)
    risks = [scorer.add(Comment(v, f"whats ur discord {ODD}", 1.0)) for v in "abcdef"]
    assert not any(r.flagged for r in risks)


def test_a_concerning_lexicon_signal_does_not_stop_the_wording_signal() -> None:
    hits = read_comment(f"how old are you {ODD}", comment_lexicon(), _model())
    assert {"age_probing", WORDING} <= {h.category for h in hits}


def test_the_text_model_round_trips_through_json() -> None:
    model = _model()
    again = CommentModel.from_json(model.to_json())
    assert again == model
    assert again.text_probability(ODD) == pytest.approx(model.text_probability(ODD))


def test_a_second_format_comment_model_is_refused() -> None:
    doc = {**_model().to_json(), "format": "safeguard.chat.comments/2"}
    with pytest.raises(CommentModelError, match="format"):
        CommentModel.from_json(doc)


def test_the_shipped_comment_model_has_a_text_model() -> None:
    model = default_comment_model()
    assert model.text_weights
    assert 0.0 < model.text_line < 1.0
    assert model.metrics.get("split") == "test (shipped synthetic)"


def _fold(margins: list[float], labels: list[int]) -> dict[str, list[float] | list[int]]:
    return {"margins": margins, "labels": labels}


def test_the_operating_margin_is_the_lowest_within_both_budgets_over_the_folds() -> None:
    # Twenty benign streams a fold. Fold a: one benign at margin 1.1 and one at 0.6;
    # fold b: three benign at 0.3 (15 % at margin 0, above the worst-fold budget).
    a = _fold([1.1, 0.6, *[-5.0] * 18, 2.0], [0] * 20 + [1])
    b = _fold([0.3, 0.3, 0.3, *[-5.0] * 17, 2.0], [0] * 20 + [1])
    # margin 0: a 10 %, b 15 % -> no; 0.25 the same; 0.5: a 10 %, b 0 % -> mean 5 %, yes.
    assert loeo.choose_margin({"a": a, "b": b}) == 0.5
    assert loeo.choose_margin({"a": a}) == 0.75  # alone, a needs 5 % or less


def test_a_margin_lowers_the_stream_bias_and_so_the_risk() -> None:
    model = _model()
    lowered = dataclasses.replace(model, stream_bias=model.stream_bias - 1.0)
    one, two = CommentScorer(model=model), CommentScorer(model=lowered)
    for s in (one, two):
        s.add(Comment("a", f"{ODD} please", 1.0))
    assert two.add(Comment("b", ODD, 2.0)).risk < one.add(Comment("b", ODD, 2.0)).risk


@pytest.mark.slow
def test_training_on_the_recipe_reproduces_the_shipped_comment_model() -> None:
    from safeguard.chat.training.comments_train import shipped_comment_model

    assert shipped_comment_model().to_json() == default_comment_model().to_json()

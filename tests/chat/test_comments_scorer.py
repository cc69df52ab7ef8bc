"""The livestream comment scorer: the interface the stream monitor builds on."""

from __future__ import annotations

import json

import pytest

from safeguard.chat.comments import (
    COMMENT_MODEL_FORMAT,
    WORDING,
    Comment,
    CommentModel,
    CommentModelError,
    CommentRisk,
    CommentScorer,
)


def feed(scorer: CommentScorer, comments: list[tuple[str, str, float]]) -> CommentRisk:
    risk = None
    for viewer, text, ts in comments:
        risk = scorer.add(Comment(viewer=viewer, text=text, ts=ts))
    assert risk is not None
    return risk


def test_friendly_chatter_has_no_risk() -> None:
    risk = feed(
        CommentScorer(),
        [("a", "love this song", 1.0), ("b", "hi from spain!", 2.0), ("c", "gg", 3.0)],
    )
    assert risk.risk == 0.0
    assert risk.level == "none"
    assert risk.signals == []
    assert risk.viewers == {}


def test_age_probing_is_a_signal_with_viewer_index_and_span() -> None:
    risk = feed(CommentScorer(), [("a", "hello", 1.0), ("v1", "so how old are you", 2.0)])
    (signal,) = [s for s in risk.signals if s.category != WORDING]
    assert signal.to_json() == {
        "category": "age_probing",
        "viewer": "v1",
        "comment": 1,
        "span": [3, 18],
        "ts": 2.0,
    }
    assert risk.viewers["v1"] > 0


def test_a_request_repeated_by_many_viewers_raises_the_stream_risk() -> None:
    once = feed(CommentScorer(), [("a", "turn around", 1.0)])
    many = feed(
        CommentScorer(),
        [("a", "turn around", 1.0), ("b", "Turn around!!", 2.0), ("c", "turn   around", 3.0)],
    )
    assert "repeated_request" in {s.category for s in many.signals}
    assert many.risk > once.risk


def test_the_same_viewer_repeating_is_not_a_repeated_request() -> None:
    risk = feed(CommentScorer(), [("a", "turn around", t) for t in (1.0, 2.0, 3.0, 4.0)])
    assert "repeated_request" not in {s.category for s in risk.signals}


def test_tips_for_actions_and_pushes_to_another_app_are_high_risk() -> None:
    risk = feed(
        CommentScorer(),
        [
            ("a", "how old are u", 1.0),
            ("b", "i'll tip 500 coins if you stand up", 2.0),
            ("c", "add me on telegram for a private call", 3.0),
            ("d", "how much for a private show, i can pay $50", 4.0),
        ],
    )
    categories = {s.category for s in risk.signals}
    assert {"age_probing", "tip_for_action", "platform_move", "payment"} <= categories
    assert risk.level in ("high", "critical")


def test_signals_leave_the_window_after_window_seconds() -> None:
    scorer = CommentScorer(window_seconds=10.0)
    feed(scorer, [("a", "how old are you", 1.0)])
    later = scorer.add(Comment("b", "nice", 30.0))
    assert later.signals == []
    assert later.risk == 0.0
    assert later.window_start == 30.0


def test_comments_out_of_order_or_without_time_join_the_newest_time() -> None:
    scorer = CommentScorer()
    scorer.add(Comment("a", "hi", 50.0))
    risk = scorer.add(Comment("b", "how old are you", 10.0))
    assert risk.signals[0].ts == 50.0
    assert scorer.add(Comment("c", "hey", None)).window_end == 50.0


def test_state_is_bounded_by_the_window_size() -> None:
    scorer = CommentScorer(max_window_comments=50)
    risk = feed(scorer, [(f"v{i}", "how old are you", 1.0) for i in range(500)])
    assert risk.comments_in_window == 50
    assert len(risk.viewers) == 50


def test_control_characters_and_look_alike_letters_are_read_through() -> None:
    risk = feed(CommentScorer(), [("a", "how\x00 \u043eld are y\u200bou", 1.0)])
    assert [s.category for s in risk.signals if s.category != WORDING] == ["age_probing"]


def test_to_json_is_json_ready() -> None:
    risk = feed(CommentScorer(), [("a", "how old are you", 1.0)])
    doc = json.loads(json.dumps(risk.to_json()))
    assert set(doc) >= {
        "risk",
        "level",
        "flagged",
        "viewers",
        "signals",
        "window_start",
        "window_end",
    }


def test_a_comment_model_of_another_format_is_refused() -> None:
    with pytest.raises(CommentModelError, match="format"):
        CommentModel.from_json({"format": "safeguard.chat.comments/0"})


def test_a_comment_model_with_a_negative_weight_is_refused() -> None:
    with pytest.raises(CommentModelError, match="negative"):
        CommentModel(-1.0, {"payment": -0.5}, -2.0, {})


def test_a_comment_model_round_trips_through_json() -> None:
    model = CommentModel(-1.0, {"payment": 2.0}, -2.0, {"payment": 1.0})
    doc = model.to_json()
    assert doc["format"] == COMMENT_MODEL_FORMAT
    assert CommentModel.from_json(doc) == model

"""A stream is flagged on corroboration, not on one comment (issue 12, failure mode 6):
the shipped comment model on the cases the issue names."""

from __future__ import annotations

import dataclasses

import pytest

from safeguard.chat.comments import (
    FLAG_RISK,
    WORDING,
    Comment,
    CommentScorer,
    StreamReport,
    default_comment_model,
    score_comment_stream,
)

CHATTER = [
    ("a", "hi everyone", 1.0),
    ("b", "love this", 3.0),
    ("c", "lol", 5.0),
    ("d", "what game is this", 8.0),
    ("a", "good morning from spain", 9.0),
]


def score(extra: list[tuple[str, str, float]]) -> StreamReport:
    rows = sorted(CHATTER + extra, key=lambda r: r[2])
    return score_comment_stream("s", [Comment(v, t, ts) for v, t, ts in rows])


@pytest.mark.parametrize(
    "lines",
    [
        [("e", "whats ur discord", 10.0)],
        [("e", "500 coins for a song", 10.0), ("f", "sent 100 coins, love it", 20.0)],
        [("e", "how old are you?", 10.0)],
        [("e", "are you home alone", 10.0)],
        [("e", "show us the oven", 10.0), ("f", "show us the oven", 12.0)],
        [("e", "do another set", 10.0), ("f", "do another set!", 12.0)],
        [("e", "show your room!", 10.0), ("f", "room tour pls", 12.0)],
        [("e", "turn around!!", 10.0), ("f", "turn around!!", 11.0)],
        [(v, "Earn $500 a day!! DM me on telegram", 10.0 + i) for i, v in enumerate("efgh")],
    ],
    ids=[
        "one-discord", "paid-song", "one-age-question", "one-home-alone", "cooking",
        "fitness", "room-tour", "gaming-backseat", "spam-bots",
    ],
)  # fmt: skip
def test_benign_look_alikes_stay_below_the_flag(lines: list[tuple[str, str, float]]) -> None:
    report = score(lines)
    assert not report.flagged
    assert report.risk < FLAG_RISK


CROWD = [(v, "stand on the chair", 10.0 + 5 * i) for i, v in enumerate("wxyz")]


def test_four_viewers_asking_the_same_instruction_are_read_as_a_repeated_request() -> None:
    report = score(CROWD)
    assert {"request_action", "repeated_request"} <= {s.category for s in report.signals}
    assert report.risk > score(CROWD[:1]).risk
    assert report.level in ("medium", "high", "critical")


def test_six_viewers_asking_the_same_instruction_flag_the_stream() -> None:
    six = [(v, "stand on the chair", 10.0 + 5 * i) for i, v in enumerate("uvwxyz")]
    assert score(six).flagged


def test_a_crowd_whose_viewer_insists_flags_the_stream() -> None:
    assert score([*CROWD, ("w", "stand on the chair now", 40.0)]).flagged
    assert score([*CROWD, ("w", "come on", 40.0)]).flagged


def test_an_instruction_tied_to_payment_with_pressure_flags() -> None:
    report = score(
        [("e", "500 coins if you stand on the chair", 10.0), ("e", "come on do it", 20.0)]
    )
    assert report.flagged
    assert {"tip_for_action", "pressure"} <= {s.category for s in report.signals}


def test_home_alone_questions_then_instructions_then_money_flag() -> None:
    report = score(
        [
            ("e", "are your parents home?", 10.0),
            ("e", "show your room", 20.0),
            ("e", "i'll send 500 coins", 30.0),
        ]
    )
    assert report.flagged
    assert {"risk_assessment", "request_action", "payment"} <= {s.category for s in report.signals}


def test_escalation_is_counted_over_the_whole_stream_not_the_window() -> None:
    scorer = CommentScorer()
    for ts, text in ((10.0, "how old are you"), (200.0, "stand on the chair"), (400.0, "come on")):
        scorer.add(Comment("e", text, ts))
    assert scorer.escalation() == 3
    assert scorer.corroborated()


def test_one_question_and_one_instruction_from_a_viewer_do_not_flag() -> None:
    """Two kinds of move are everyday in family and fan streams (issue 12, third round)."""
    report = score(
        [
            ("e", "How old are you today? 10!! Happy birthday!", 10.0),
            ("e", "Turn around and show us the cake", 20.0),
        ]
    )
    assert not report.flagged
    assert report.risk < FLAG_RISK


def test_escalation_needs_a_concerning_comment() -> None:
    scorer = CommentScorer()
    for i, text in enumerate(["turn the camera to the sea", "sent $5", "come on!!", "play it"]):
        scorer.add(Comment("a", text, float(i)))
    assert scorer.escalation() == 0
    assert not scorer.corroborated()


def test_instructions_in_other_languages_are_read() -> None:
    crowd = [(v, "ponte de pie en la silla", 10.0 + 5 * i) for i, v in enumerate("wxyz")]
    assert score([*crowd, ("w", "vamos!!", 40.0)]).flagged


def test_personal_information_questions_are_a_signal() -> None:
    report = score([("e", "what school do u go to", 10.0)])
    # The shipped text model also rates the question as concerning wording (seventh round).
    assert [s.category for s in report.signals if s.category != WORDING] == ["personal_info"]


def test_the_shipped_model_weighs_pressure_probing_and_never_negatively() -> None:
    model = default_comment_model()
    weights = {**model.viewer_weights, **model.stream_weights}
    assert all(w >= 0 for w in weights.values())
    assert model.viewer_weights["pressure"] > 0
    # Seventh round: risk assessment and personal information are weighed through the text
    # model (their comments carry concerning wording) rather than their own weights, so
    # what is checked is that a viewer asking them is riskier than one chatting.
    for question in ("are ur parents home", "what school do u go to"):
        asking = CommentScorer().add(Comment("q", question, 1.0)).viewers["q"]
        chatting = CommentScorer().add(Comment("q", "love this song", 1.0)).viewers.get("q", 0.0)
        assert asking > chatting + 0.2, question


def test_a_single_comment_with_every_signal_still_does_not_flag() -> None:
    scorer = CommentScorer()
    risk = scorer.add(
        Comment(
            "e",
            "how old r u, are ur parents home? i'll send 500 coins if u stand on the bed, "
            "add me on snap, come on",
            1.0,
        )
    )
    assert len({s.category for s in risk.signals}) >= 5
    assert not risk.flagged
    assert risk.risk < FLAG_RISK


@pytest.mark.parametrize(
    "lines",
    [
        # Everyday requests and money talk in one window (issue 12: the benign streams the
        # first comment model flagged): instructions to show or play, tips, pressure.
        [
            ("e", "show us the new keyboard", 10.0),
            ("f", "sent $5, show us the keyboard again", 14.0),
            ("g", "play the next level", 18.0),
            ("h", "100 coins for the next song", 22.0),
            ("e", "come on show it", 26.0),
        ],
        [
            ("e", "do another set!", 10.0),
            ("f", "tipped 500 coins, do another set", 12.0),
            ("g", "come on!!", 14.0),
            ("h", "turn the camera to the sea", 16.0),
            ("i", "sent a tip for the view", 18.0),
        ],
    ],
)
def test_everyday_instructions_with_money_do_not_flag(lines: list[tuple[str, str, float]]) -> None:
    report = score(lines)
    assert not report.flagged


def test_money_with_a_request_to_show_is_not_a_tip_for_action() -> None:
    report = score([("e", "$5 to show us the new keyboard", 10.0)])
    assert "tip_for_action" not in {s.category for s in report.signals}


def test_money_with_a_body_instruction_is_a_tip_for_action() -> None:
    report = score([("e", "500 coins if you stand on the chair", 10.0)])
    assert "tip_for_action" in {s.category for s in report.signals}


def test_generic_requests_and_money_do_not_corroborate() -> None:
    """The lexicon's corroboration rule (the shipped model without its text model); with it,
    two comments rated concerning wording corroborate as well (next test)."""
    scorer = CommentScorer(model=dataclasses.replace(default_comment_model(), text_weights={}))
    for i, text in enumerate(["play the next level", "$5 tip", "show us the oven", "come on"]):
        scorer.add(Comment(f"v{i}", text, float(i)))
    assert not scorer.corroborated()
    scorer.add(Comment("w", "how old are you", 5.0))
    assert not scorer.corroborated()
    scorer.add(Comment("x", "stand on the chair", 6.0))
    # Two concerning comments from two viewers, each a single move: not yet corroborated.
    assert not scorer.corroborated()
    scorer.add(Comment("y", "stand on the chair", 7.0))
    assert scorer.corroborated()


def test_two_comments_in_concerning_wording_corroborate_one_does_not() -> None:
    scorer = CommentScorer()
    for i, text in enumerate(["play the next level", "$5 tip", "show us the oven", "come on"]):
        scorer.add(Comment(f"v{i}", text, float(i)))
    assert not scorer.corroborated()
    first = scorer.add(Comment("w", "how old are you", 5.0))
    assert WORDING in {s.category for s in first.signals}
    assert not scorer.corroborated()
    scorer.add(Comment("x", "are your parents home", 6.0))
    assert scorer.corroborated()

"""The failure modes reported in issue 12, replayed on the shipped model (each was
reproducible with `safeguard chat score --json` on the v1 model)."""

from __future__ import annotations

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.scorer import ScoreResult, score_conversation

ADULT_CHILD = (Participant("a", 41), Participant("c", 12))
FIVE = [
    "how old are you?",
    "this is our secret ok",
    "are you home alone?",
    "send me a selfie",
    "we should meet up on saturday",
]


def _score(
    turns: list[tuple[str, str]], participants=ADULT_CHILD, gap: float = 60.0
) -> ScoreResult:  # type: ignore[no-untyped-def]
    messages = tuple(Message(a, t, i * gap) for i, (a, t) in enumerate(turns))
    return score_conversation(Conversation("issue", participants, messages))


def test_five_grooming_lines_without_a_reply_alert() -> None:
    result = _score([("a", t) for t in FIVE])
    assert result.alert_at is not None
    assert result.level in ("high", "critical")


def test_the_child_answering_ok_changes_nothing() -> None:
    alone = _score([("a", t) for t in FIVE])
    answered = _score([m for t in FIVE for m in (("a", t), ("c", "ok"))])
    assert answered.risk == alone.risk


def test_the_five_lines_repeated_three_times_score_at_least_as_high() -> None:
    once = _score([("a", t) for t in FIVE])
    thrice = _score([("a", t) for t in FIVE * 3])
    assert thrice.risk >= once.risk


def test_adding_a_meeting_proposal_does_not_lower_risk() -> None:
    base = [("a", t) for t in FIVE[:4]]
    assert _score([*base, ("a", "i can pick you up after school")]).risk >= _score(base).risk


def test_a_two_day_gap_alone_raises_no_alert() -> None:
    turns = [("a", "the season pass drops friday"), ("c", "cant wait"), ("a", "gg")]
    result = _score(turns, (Participant("a"), Participant("c")), gap=2 * 86400.0)
    assert result.alert_at is None


def test_a_nurses_single_age_question_over_benign_replies_does_not_alert() -> None:
    turns = [
        ("a", "Hello, I'm the school nurse. How old are you?"),
        ("c", "11"),
        ("a", "Thank you. Any allergies I should know about?"),
        ("c", "no"),
        ("a", "Great, see you at the vaccination on Tuesday."),
    ]
    assert _score(turns, (Participant("a", 50), Participant("c", 11))).alert_at is None


def test_a_parent_asking_about_the_shop_does_not_alert() -> None:
    turns = [
        ("a", "anything else you want from the shop?"),
        ("c", "crisps please"),
        ("a", "ok, home in 20"),
    ]
    assert _score(turns, (Participant("a", 45), Participant("c", 12))).alert_at is None


def test_leetspeak_grooming_lines_carry_signals() -> None:
    result = _score([("a", "h0w 0ld r u"), ("a", "k33p th1s 0ur s3cr3t"), ("a", "s3nd a p1c")])
    assert len({s.category for s in result.signals}) >= 2

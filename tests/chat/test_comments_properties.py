"""Invariants of the comment scorer, for the shipped model (issue 12, build point 1):
adding a concerning comment never lowers the stream risk; one comment in benign chatter never
flags; every flag names at least one signal at or before it; everyday requests, tips and
pressure, however many, never flag."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.comments import (
    Comment,
    CommentRisk,
    CommentScorer,
    comment_lexicon,
    read_comment,
)

VIEWERS = st.sampled_from(["a", "b", "c", "d", "e", "f"])
BENIGN = [
    "hi", "love this song", "gg", "what game is this", "hello from spain", "lol",
    "nice shot", "good morning", "play wonderwall", "show us the oven", "do another set",
]  # fmt: skip
CONCERNING = [
    "how old are you", "are ur parents home", "r u home alone", "what school do u go to",
    "stand on the chair", "show your room", "turn the cam to the door", "do a spin",
    "500 coins if you stand on the bed", "come on do it", "add me on snap", "send me a pic",
    "where do you live", "everyone wants you to", "ponte de pie en la silla", "ile masz lat",
    "whats ur discord", "500 coins for a song", "i'll tell ur parents",
]  # fmt: skip
TEXTS = st.sampled_from(BENIGN + CONCERNING) | st.text(max_size=60)

STREAMS = st.lists(
    st.tuples(VIEWERS, TEXTS, st.floats(min_value=0.0, max_value=30.0)), max_size=25
).map(lambda rows: _timed(rows))


def _timed(rows: list[tuple[str, str, float]]) -> list[Comment]:
    ts, out = 0.0, []
    for viewer, text, gap in rows:
        ts += gap
        out.append(Comment(viewer, text, ts))
    return out


def replay(comments: list[Comment]) -> list[CommentRisk]:
    scorer = CommentScorer()
    return [scorer.add(c) for c in comments]


@settings(max_examples=150, deadline=None)
@given(
    STREAMS,
    st.integers(min_value=0, max_value=30),
    VIEWERS | st.just("new"),
    st.sampled_from(CONCERNING),
)
def test_adding_a_concerning_comment_never_lowers_the_risk(
    stream: list[Comment], where: int, viewer: str, text: str
) -> None:
    where = min(where, len(stream))
    # At the time of the comment before it, so the window's horizon does not move.
    ts = stream[where - 1].ts if where > 0 else 0.0
    added = [*stream[:where], Comment(viewer, text, ts), *stream[where:]]
    before, after = replay(stream), replay(added)
    # Step by step: after the insertion, every window holds at least what it held before.
    for old, new in zip(before[where:], after[where + 1 :], strict=True):
        assert new.risk >= old.risk - 1e-12
    assert (
        max((r.risk for r in after), default=0.0)
        >= max((r.risk for r in before), default=0.0) - 1e-12
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(VIEWERS, st.sampled_from(BENIGN), st.floats(min_value=0.0, max_value=10.0)),
        max_size=20,
    ),
    st.integers(min_value=0, max_value=20),
    VIEWERS,
    TEXTS,
)
def test_one_comment_among_benign_chatter_never_flags(
    rows: list[tuple[str, str, float]], where: int, viewer: str, text: str
) -> None:
    lexicon = comment_lexicon()
    chatter = [c for c in _timed(rows) if not read_comment(c.text, lexicon)]
    where = min(where, len(chatter))
    ts = chatter[where - 1].ts if where > 0 else 0.0
    stream = [*chatter[:where], Comment(viewer, text, ts), *chatter[where:]]
    assert not any(r.flagged for r in replay(stream))


@settings(max_examples=200, deadline=None)
@given(STREAMS)
def test_every_flag_names_a_signal_at_or_before_it(stream: list[Comment]) -> None:
    for risk in replay(stream):
        if risk.flagged:
            assert risk.signals
            assert all(s.comment <= risk.comment for s in risk.signals)
            assert all(s.ts <= risk.window_end for s in risk.signals)
        if risk.risk > 0:
            assert risk.signals


EVERYDAY = [
    "show us the new keyboard", "play the next level", "do another set", "show us the oven",
    "turn the camera to the sea", "play wonderwall", "sent $5", "500 coins for a song",
    "tipped 100 coins, love it", "come on!!", "hurry up", "whats ur discord",
    "follow me on insta", "spin the wheel", "sent $5, show us the keyboard again",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(VIEWERS, st.sampled_from(EVERYDAY)), max_size=30))
def test_everyday_requests_money_and_pressure_never_flag(rows: list[tuple[str, str]]) -> None:
    """Corroboration comes from concerning content: however many viewers ask to see or to
    play, tip, press or name another app, the stream is not flagged."""
    scorer = CommentScorer()
    for i, (viewer, text) in enumerate(rows):
        risk = scorer.add(Comment(viewer, text, float(i)))
        assert not risk.flagged
    assert not scorer.corroborated()

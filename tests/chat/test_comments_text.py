"""Comment text folding: accents, stretched letters and leetspeak, with spans kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguard.chat.comment_text import fold_comment


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("levántate", "levantate"),
        ("pokaż pokój", "pokaz pokoj"),
        ("Straße", "strasse"),
        ("pleeeease", "please"),
        ("sooo cool", "so cool"),
        ("h0me al0ne", "home alone"),
        ("sh0w ur r00m", "show ur room"),
        ("4ge", "age"),
        ("500 coins", "500 coins"),
        ("500coins", "500coins"),
        ("2nd place", "2nd place"),
        ("$50", "$50"),
    ],
)
def test_folding(raw: str, folded: str) -> None:
    assert fold_comment(raw).text == folded


@given(st.text(max_size=200))
def test_every_folded_character_maps_into_the_original(raw: str) -> None:
    norm = fold_comment(raw)
    starts = [norm.span(i, i + 1)[0] for i in range(len(norm.text))]
    assert all(0 <= i < len(raw) for i in starts)
    assert starts == sorted(starts)

"""Normalisation undoes evasion tricks and keeps spans pointing into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.chat.normalise import lemmas, normalise, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("keep it a s3cr3t", "keep it a secret"),
        ("r u h0me 4l0ne", "r u home alone"),
        ("add me on $kype", "add me on skype"),
        ("s!ngle", "single"),
        ("pleeeeease", "please"),
        ("meeeeet me", "meet me"),
        ("s e c r e t", "secret"),
        ("m.e.e.t me", "meet me"),
        ("d-e-l-e-t-e it", "delete it"),
        ("se*cret", "secret"),
        ("how оld", "how old"),  # Cyrillic о
    ],
)
def test_evasion_tricks_are_undone(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    ["i'm 12yo", "it's 3pm", "costs $50", "hi 5", "wow!!", "@bob hi", "me@mail.com", "i m a kid"],
)
def test_numbers_handles_and_short_words_stay(raw: str) -> None:
    assert normalise(raw).text == raw.lower()


def test_span_of_a_leet_word_points_at_the_original_characters() -> None:
    raw = "ok so keep it our s3cr3t!!"
    norm = normalise(raw)
    start = norm.text.index("secret")
    s, e = norm.span(start, start + len("secret"))
    assert raw[s:e] == "s3cr3t"


def test_span_of_a_spaced_word_covers_the_spaced_letters() -> None:
    raw = "pls m e e t me"
    norm = normalise(raw)
    start = norm.text.index("meet")
    s, e = norm.span(start, start + 4)
    assert raw[s:e] == "m e e t"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_every_character_maps_into_the_original(raw: str) -> None:
    norm = normalise(raw)
    if norm.index is None:
        assert len(norm.text) == len(raw)
        return
    assert len(norm.index) == len(norm.text)
    assert all(0 <= i < len(raw) for i in norm.index)
    assert list(norm.index) == sorted(norm.index)
    if norm.text:
        s, e = norm.span(0, len(norm.text))
        assert 0 <= s < e <= len(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=60))
def test_plain_words_are_unchanged_but_for_long_letter_runs(raw: str) -> None:
    out = normalise(raw).text
    if not any(raw[i] == raw[i + 1] == raw[i + 2] != " " for i in range(len(raw) - 2)):
        # Spaced single letters may join; nothing else changes.
        assert out.replace(" ", "") == raw.replace(" ", "")


def test_lemmas_give_dictionary_forms() -> None:
    assert lemmas("my parents are sleeping", "en") == ["my", "parent", "be", "sleep"]
    assert tokens("don't tell") == ["don't", "tell"]


def test_lemma_of_an_unknown_language_is_the_word() -> None:
    assert lemmas("parents", "xx") == ["parents"]

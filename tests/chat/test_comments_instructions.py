"""Instructions aimed at the broadcaster, found by structure (verb + object or direction)."""

from __future__ import annotations

import pytest

from safeguard.chat.comment_text import fold_comment
from safeguard.chat.instructions import find_all_instructions


def keys(text: str) -> list[str]:
    return [i.key for i in find_all_instructions(fold_comment(text).text)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("stand on the chair", "body:stand:chair"),
        ("pls stand on ur chair now", "body:stand:chair"),
        ("@lily go to your bedroom", "body:go:bedroom"),
        ("i dare u to climb on the desk", "body:climb:desk"),
        ("do a spin", "body:do:spin"),
        ("take off ur hoodie", "body:take:hoodie"),
        ("show your room", "view:show:room"),
        ("turn the camera to the door", "view:turn:camera"),
        ("stand up", "direction:stand:up"),
        ("come closer", "direction:come:closer"),
        ("sh0w ur r00m", "view:show:room"),
        ("ponte de pie en la silla", "body:ponte:silla"),
        ("muestra tu cuarto", "view:muestra:cuarto"),
        ("monte sur la chaise", "body:monte:chaise"),
        ("zeig dein Zimmer", "view:zeig:zimmer"),
        ("stań na krześle", "body:stan:krzesle"),
        ("arată-ne camera ta", "view:arata-ne:camera"),
        ("sali sulla sedia", "body:sali:sedia"),
        ("sobe na cadeira", "body:sobe:cadeira"),
    ],
)
def test_imperatives_aimed_at_the_broadcaster_are_found(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "i stand on the chair every morning",
        "my cat sits on the chair",
        "show us the oven",
        "do another set",
        "play wonderwall",
        "spin the wheel",
        "turn the music up",
        "go back to the menu",
        "the door is open",
    ],
)
def test_statements_and_other_objects_are_not_instructions(text: str) -> None:
    assert keys(text) == []


def test_both_clauses_of_a_joined_comment_are_read() -> None:
    assert keys("can u stand up and turn around") == ["direction:stand:up", "direction:turn:around"]


def test_spans_point_into_the_original_text() -> None:
    text = "Pleeease SH0W ur r00m"
    norm = fold_comment(text)
    (ins,) = find_all_instructions(norm.text)
    start, end = norm.span(ins.start, ins.end)
    assert text[start:end] == "SH0W ur r00m"

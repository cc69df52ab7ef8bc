"""Reading conversations: JSON documents, JSON lines (whole conversations or messages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard.chat.conversation import ConversationError, parse_conversation, read_conversations
from safeguard.chat.lexicon import Lexicon, LexiconError


def test_a_conversation_document_is_read_with_declared_ages_and_roles(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "participants": [{"id": "a", "age": 40, "role": "adult"}, {"id": "b"}],
                "messages": [{"author": "a", "text": "hi", "ts": 1}],
            }
        )
    )
    (conv,) = read_conversations(path)
    assert conv.id == "x"
    assert conv.participant("a") is not None
    assert conv.participant("a").age == 40  # type: ignore[union-attr]
    assert conv.messages[0].ts == 1.0


def test_json_lines_of_messages_are_gathered_per_conversation(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    lines = [
        {"conversation": "c1", "author": "a", "text": "hi", "ts": 1},
        {"conversation": "c2", "author": "x", "text": "yo", "ts": 1},
        {"conversation": "c1", "author": "b", "text": "hello", "ts": 2},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    convs = list(read_conversations(path))
    assert [c.id for c in convs] == ["c1", "c2"]
    assert [m.author for m in convs[0].messages] == ["a", "b"]


def test_json_lines_of_whole_conversations_are_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "1", "messages": []}) + "\n\n" + json.dumps({"id": "2", "messages": []})
    )
    assert [c.id for c in read_conversations(path)] == ["1", "2"]


def test_a_broken_json_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "1", "messages": []}) + "\n{oops\n")
    with pytest.raises(ConversationError, match=r"bad\.jsonl:2: not JSON"):
        list(read_conversations(path))


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "must be a JSON object"),
        ({"messages": "x"}, "'messages' must be a list"),
        ({"messages": [{"text": "hi"}]}, "has no 'author'"),
        ({"messages": [{"author": "a", "text": 3}]}, "text must be a string"),
        ({"messages": [{"author": "a", "ts": "noon"}]}, "not an ISO 8601 date-time"),
        ({"participants": [{"id": "a", "age": -3}], "messages": []}, "age must be"),
    ],
)
def test_a_malformed_conversation_is_a_clear_error(doc: object, message: str) -> None:
    with pytest.raises(ConversationError, match=message):
        parse_conversation(doc)


def test_a_lexicon_pattern_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(
        json.dumps({"category": "secrecy", "applies_to": ["conversation"], "patterns": ["(oops"]})
    )
    with pytest.raises(LexiconError, match="bad pattern"):
        Lexicon.from_dir(tmp_path, "xx", "conversation")


def test_a_new_language_is_a_folder_of_category_files(tmp_path: Path) -> None:
    (tmp_path / "secrecy.json").write_text(
        json.dumps({"category": "secrecy", "patterns": ["no se lo digas a nadie"]})
    )
    lexicon = Lexicon.from_dir(tmp_path, "es", "conversation")
    (hit,) = lexicon.find("oye, no se lo digas a nadie")
    assert (hit.category, hit.start) == ("secrecy", 5)


def test_ts_accepts_iso_8601_strings_as_well_as_seconds() -> None:
    doc = {
        "id": "iso",
        "messages": [
            {"author": "a", "text": "hi", "ts": "2026-03-02T19:04:11Z"},
            {"author": "b", "text": "hey", "ts": "2026-03-02T20:04:11+01:00"},
            {"author": "a", "text": "ok", "ts": 1772478311.5},
        ],
    }
    conversation = parse_conversation(doc)
    times = [m.ts for m in conversation.messages]
    assert times == [1772478251.0, 1772478251.0, 1772478311.5]

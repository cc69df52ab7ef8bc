"""A damaged line costs that line, not the file: JSON lines of conversations, messages and
comment streams with broken JSON, bytes that are not UTF-8 and bad fields among good lines.
Each bad line is an error record naming the file and the line, in its place; every other
conversation or stream is still read and scored; the exit status says something failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard.chat.comment_streams import (
    CommentStream,
    CommentStreamError,
    read_comment_streams,
    read_comment_streams_lenient,
)
from safeguard.chat.conversation import (
    Conversation,
    ConversationError,
    read_conversations,
    read_conversations_lenient,
)
from tests.chat.test_cli import safeguard


def conv(cid: str, text: str = "hey how was school") -> bytes:
    doc = {"id": cid, "messages": [{"author": "a", "text": text, "ts": 1}]}
    return json.dumps(doc).encode()


def msg(cid: str, author: str, text: str) -> bytes:
    return json.dumps({"conversation": cid, "author": author, "text": text}).encode()


DAMAGED = [
    b"{oops",  # not JSON
    b'{"id": "x", "messages": [{"author": "a", "text": "caf\xe9"}]}',  # Latin-1, not UTF-8
    b'{"id": "y", "messages": [{"text": "no author"}]}',  # bad field
    b"[1, 2, 3]",  # neither a conversation nor a message
    b'{"conversation": "c9", "author": "a", "text": 7}',  # a message with a bad field
]


@pytest.mark.parametrize("bad", DAMAGED)
def test_one_damaged_line_among_conversations_costs_only_that_line(
    tmp_path: Path, bad: bytes
) -> None:
    path = tmp_path / "convs.jsonl"
    path.write_bytes(b"\n".join([conv("1"), bad, conv("2")]) + b"\n")
    items = list(read_conversations_lenient(path))
    assert [i.id for i in items if isinstance(i, Conversation)] == ["1", "2"]
    (error,) = [i for i in items if isinstance(i, ConversationError)]
    assert str(error).startswith(f"{path}:2: ")
    # the strict reader still stops at the first damaged line
    with pytest.raises(ConversationError, match=r"convs\.jsonl:2: "):
        list(read_conversations(path))


def test_message_lines_keep_their_conversations_around_a_damaged_line(tmp_path: Path) -> None:
    path = tmp_path / "messages.jsonl"
    lines = [
        msg("c1", "a", "hi"),
        msg("c2", "x", "yo"),
        b"\xff\xfe not text",
        b'{"conversation": "c1", "author": "b", "text": ',
        msg("c1", "b", "hello"),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_conversations_lenient(path))
    errors = [str(i) for i in items if isinstance(i, ConversationError)]
    assert [e.split(": ")[0] for e in errors] == [f"{path}:3", f"{path}:4"]
    assert "not UTF-8" in errors[0] and "not JSON" in errors[1]
    convs = {i.id: i for i in items if isinstance(i, Conversation)}
    assert sorted(convs) == ["c1", "c2"]
    assert [m.text for m in convs["c1"].messages] == ["hi", "hello"]


def test_a_bad_conversation_in_a_json_list_costs_only_that_conversation(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    docs = [json.loads(conv("1")), {"messages": "not a list"}, json.loads(conv("3"))]
    path.write_text(json.dumps(docs))
    items = list(read_conversations_lenient(path))
    assert [i.id for i in items if isinstance(i, Conversation)] == ["1", "3"]
    (error,) = [i for i in items if isinstance(i, ConversationError)]
    assert f"{path}: conversation 1: 'messages' must be a list" == str(error)


def test_a_file_that_is_not_utf8_json_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"id": "caf\xe9", "messages": []}')
    (error,) = list(read_conversations_lenient(path))
    assert isinstance(error, ConversationError) and str(error).startswith(str(path))


def stream(sid: str) -> bytes:
    return json.dumps({"id": sid, "comments": [{"viewer": "v", "text": "nice stream"}]}).encode()


@pytest.mark.parametrize(
    "bad", [b"{oops", b'{"id": "s", "comments": "x"}', b'{"id": "caf\xe9", "comments": []}']
)
def test_one_damaged_comment_stream_line_costs_only_that_line(tmp_path: Path, bad: bytes) -> None:
    path = tmp_path / "streams.jsonl"
    path.write_bytes(b"\n".join([stream("1"), bad, stream("2")]) + b"\n")
    items = list(read_comment_streams_lenient(path))
    assert [i.id for i in items if isinstance(i, CommentStream)] == ["1", "2"]
    (error,) = [i for i in items if isinstance(i, CommentStreamError)]
    assert str(error).startswith(f"{path}:2: ")
    with pytest.raises(CommentStreamError, match=r"streams\.jsonl:2: "):
        list(read_comment_streams(path))


def test_chat_score_scores_the_good_lines_and_reports_the_damaged_one(tmp_path: Path) -> None:
    bad = tmp_path / "mixed.jsonl"
    bad.write_bytes(b"\n".join([conv("1"), b"\xff{broken", conv("2")]) + b"\n")
    good = tmp_path / "good.jsonl"
    good.write_bytes(conv("3") + b"\n")
    done = safeguard("score", "--json", str(bad), str(good))
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["id"], r["error"] is None) for r in records] == [
        ("1", True),
        (None, False),
        ("2", True),
        ("3", True),
    ]
    assert records[1]["path"] == str(bad) and records[1]["error"].startswith(f"{bad}:2: not UTF-8")
    assert all("risk" in r for r in records if r["error"] is None)


def test_chat_comments_scores_the_good_lines_and_reports_the_damaged_one(tmp_path: Path) -> None:
    path = tmp_path / "streams.jsonl"
    path.write_bytes(b"\n".join([stream("1"), b"{oops", stream("2")]) + b"\n")
    done = safeguard("comments", "--json", str(path))
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == ["1", None, "2"]
    assert records[1]["error"].startswith(f"{path}:2: not JSON")

"""Conversations as input: participants (with optional declared age or role) and messages
(author, text, ts), read from a conversation JSON document or from JSON lines.

A JSON lines stream may hold one conversation per line, or one message per line with a
``conversation`` field (messages of a conversation are gathered in stream order)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safeguard.chat.timestamps import TimestampError, parse_ts
from safeguard.errors import InvalidInput


class ConversationError(InvalidInput, ValueError):
    """A conversation document that cannot be read (not JSON, wrong shape, bad field)."""


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    age: int | None = None
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "age": self.age, "role": self.role}


@dataclass(frozen=True, slots=True)
class Message:
    author: str
    text: str
    ts: float | None = None


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    participants: tuple[Participant, ...] = ()
    messages: tuple[Message, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def participant(self, author: str) -> Participant | None:
        for p in self.participants:
            if p.id == author:
                return p
        return None


def _str(value: Any, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ConversationError(f"{what} must be a string")


def _ts(value: Any, what: str) -> float | None:
    try:
        return parse_ts(value)
    except TimestampError as exc:
        raise ConversationError(f"{what} {exc}") from None


def parse_participant(doc: Any, where: str = "participant") -> Participant:
    if isinstance(doc, str):
        return Participant(doc)
    if not isinstance(doc, dict) or "id" not in doc:
        raise ConversationError(f"{where} must be an object with an 'id'")
    age = doc.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 < age < 130):
        raise ConversationError(f"{where}.age must be a whole number of years (1-129)")
    role = doc.get("role")
    if role is not None and not isinstance(role, str):
        raise ConversationError(f"{where}.role must be a string")
    return Participant(_str(doc["id"], f"{where}.id"), age, role)


def parse_message(doc: Any, where: str = "message") -> Message:
    if not isinstance(doc, dict):
        raise ConversationError(f"{where} must be an object")
    if "author" not in doc:
        raise ConversationError(f"{where} has no 'author'")
    text = doc.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ConversationError(f"{where}.text must be a string")
    return Message(_str(doc["author"], f"{where}.author"), text, _ts(doc.get("ts"), f"{where}.ts"))


def parse_conversation(doc: Any, default_id: str = "conversation") -> Conversation:
    """A conversation from its JSON document (``id``, ``participants``, ``messages``)."""
    if not isinstance(doc, dict):
        raise ConversationError("a conversation must be a JSON object")
    messages = doc.get("messages", [])
    if not isinstance(messages, list):
        raise ConversationError("'messages' must be a list")
    participants = doc.get("participants", [])
    if not isinstance(participants, list):
        raise ConversationError("'participants' must be a list")
    cid = _str(doc.get("id", default_id), "id")
    extra = {k: v for k, v in doc.items() if k not in ("id", "participants", "messages")}
    return Conversation(
        cid,
        tuple(parse_participant(p, f"participants[{i}]") for i, p in enumerate(participants)),
        tuple(parse_message(m, f"messages[{i}]") for i, m in enumerate(messages)),
        extra,
    )


def read_jsonl(
    lines: Iterable[str | bytes], source: str = "<stream>"
) -> Iterator[Conversation | ConversationError]:
    """Conversations from JSON lines: whole conversations, or messages carrying a
    ``conversation`` id (gathered per id, yielded at the end in order of first appearance).

    A line that cannot be read is yielded as a :class:`ConversationError` naming the source
    and the line, where it stands, and reading goes on: one damaged line costs that line,
    not the file. A conversation one of whose message lines was refused is still yielded,
    from the messages that could be read, after that line's error."""
    pending: dict[str, list[Message]] = {}
    for n, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield ConversationError(f"{source}:{n}: not UTF-8: {exc.reason} at byte {exc.start}")
            continue
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ConversationError(f"{source}:{n}: not JSON: {exc.msg}")
            continue
        if isinstance(doc, dict) and "messages" in doc:
            try:
                yield parse_conversation(doc, f"{source}:{n}")
            except ConversationError as exc:
                yield ConversationError(f"{source}:{n}: {exc}")
        elif isinstance(doc, dict) and "conversation" in doc:
            try:
                cid = _str(doc["conversation"], "conversation")
                message = parse_message(doc)
                pending.setdefault(cid, []).append(message)
            except ConversationError as exc:
                yield ConversationError(f"{source}:{n}: {exc}")
        else:
            yield ConversationError(f"{source}:{n}: neither a conversation nor a message")
    for cid, messages in pending.items():
        authors = tuple(dict.fromkeys(m.author for m in messages))
        yield Conversation(cid, tuple(Participant(a) for a in authors), tuple(messages))


def read_conversations_lenient(path: Path) -> Iterator[Conversation | ConversationError]:
    """Every conversation of a file, and in its place an error for each that cannot be
    read: a ``.json`` file holds one conversation (or a list of them); anything else is
    read as JSON lines (:func:`read_jsonl`). A file that cannot be opened or parsed as a
    whole is one error."""
    try:
        if path.suffix.lower() == ".json":
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                yield ConversationError(f"{path}: not JSON: {exc.msg} (line {exc.lineno})")
                return
            docs = doc if isinstance(doc, list) else [doc]
            for i, d in enumerate(docs):
                try:
                    yield parse_conversation(d, path.stem if len(docs) == 1 else f"{path.stem}:{i}")
                except ConversationError as exc:
                    where = str(path) if len(docs) == 1 else f"{path}: conversation {i}"
                    yield ConversationError(f"{where}: {exc}")
            return
        with path.open("rb") as fh:
            yield from read_jsonl(fh, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        yield ConversationError(f"{path}: {exc}")


def read_conversations(path: Path) -> Iterator[Conversation]:
    """The conversations of a file (:func:`read_conversations_lenient`); the first that
    cannot be read raises its :class:`ConversationError`."""
    for item in read_conversations_lenient(path):
        if isinstance(item, ConversationError):
            raise item
        yield item

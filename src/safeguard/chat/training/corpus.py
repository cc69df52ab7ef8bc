"""Labelled corpora: the shipped synthetic splits (``chat/data``) and labelled JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from safeguard.chat.conversation import Conversation, ConversationError, parse_conversation


@dataclass(frozen=True, slots=True)
class LabelledConversation:
    conversation: Conversation
    label: int
    predator: str | None = None
    predator_lines: frozenset[int] = frozenset()
    family: str = ""
    fold: int | None = None
    """The template fold of a synthetic conversation; others are folded by id."""


def data_dir() -> Path:
    return Path(str(resources.files("safeguard.chat") / "data"))


def read_labelled(path: Path) -> Iterator[LabelledConversation]:
    """Labelled conversations from JSON lines: the conversation document plus ``label``
    (0/1), optional ``predator`` (author id), ``predator_lines`` or ``grooming_lines``
    (message indices), ``family``; other fields (``language``, ``hard_negative``,
    ``register``) stay in the conversation's ``extra``."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                conv = parse_conversation(doc, f"{path.name}:{n}")
                yield LabelledConversation(
                    conv,
                    int(doc.get("label", 0)),
                    doc.get("predator"),
                    _lines(doc),
                    str(doc.get("family", "")),
                    None if doc.get("template_part") is None else int(doc["template_part"]),
                )
            except (json.JSONDecodeError, TypeError, ValueError) as exc:
                raise ConversationError(f"{path}:{n}: {exc}") from exc


def _lines(doc: dict[str, Any]) -> frozenset[int]:
    """``predator_lines`` (indices), else ``grooming_lines`` (indices, or ``{"index"}``
    objects)."""
    if doc.get("predator_lines") is not None:
        return frozenset(int(i) for i in doc["predator_lines"])
    out = set()
    for row in doc.get("grooming_lines") or []:
        out.add(int(row["index"]) if isinstance(row, dict) else int(row))
    return frozenset(out)


def shipped_conversations(split: str) -> list[LabelledConversation]:
    return list(read_labelled(data_dir() / f"conversations_{split}.jsonl"))


def shipped_streams(split: str) -> list[dict[str, Any]]:
    with (data_dir() / f"comments_{split}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]

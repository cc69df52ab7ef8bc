"""A streamed reader for the PAN 2012 Sexual Predator Identification corpus.

The corpus is not shipped (it is licensed to its users); this reads it for those who hold
it. The XML (``<conversations><conversation id=..><message line=..><author/><time/>
<text/></message>...``) is parsed incrementally with ``iterparse`` and each conversation's
elements are cleared once read, so memory stays flat on the ~100 MB files. The ground truth
is two text files: predator author ids (one per line) and predator lines
(``conversation_id<TAB>line`` per line)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.training.corpus import LabelledConversation
from safeguard.errors import InvalidInput


class Pan12Error(InvalidInput, ValueError):
    """Malformed PAN12 XML or ground-truth file."""


def read_predators(path: Path) -> set[str]:
    try:
        return {
            line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        }
    except (OSError, UnicodeDecodeError) as exc:
        raise Pan12Error(f"{path}: {exc}") from exc


def read_predator_lines(path: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Pan12Error(f"{path}: {exc}") from exc
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip().isdigit():
            raise Pan12Error(f"{path}:{n}: expected 'conversation_id<TAB>line', got {line!r}")
        out.setdefault(parts[0].strip(), set()).add(int(parts[1]))
    return out


def _clock(text: str | None) -> float | None:
    """PAN12 times are ``HH:MM`` within a day."""
    if not text:
        return None
    try:
        hours, minutes = text.strip().split(":")[:2]
        return float(int(hours) * 3600 + int(minutes) * 60)
    except ValueError:
        return None


def iter_conversations(path: Path) -> Iterator[tuple[Conversation, list[int]]]:
    """Conversations in file order, each with its messages' PAN12 line numbers."""
    try:
        context = ET.iterparse(str(path), events=("start", "end"))
        root: ET.Element | None = None
        for event, elem in context:
            if event == "start":
                if root is None:
                    root = elem
                    if elem.tag != "conversations":
                        raise Pan12Error(
                            f"{path}: root element is <{elem.tag}>, not <conversations>"
                        )
                continue
            if elem.tag != "conversation":
                continue
            cid = elem.get("id")
            if not cid:
                raise Pan12Error(f"{path}: a <conversation> has no id")
            messages, lines = [], []
            day = 0.0
            last: float | None = None
            for m in elem.iter("message"):
                author = (m.findtext("author") or "").strip()
                if not author:
                    raise Pan12Error(f"{path}: conversation {cid}: a message has no <author>")
                line = m.get("line")
                if line is None or not line.strip().isdigit():
                    raise Pan12Error(f"{path}: conversation {cid}: a message has no line number")
                ts = _clock(m.findtext("time"))
                if ts is not None:
                    if last is not None and ts + day < last - 6 * 3600:
                        day += 86400.0  # past midnight
                    ts += day
                    last = ts
                messages.append(Message(author, m.findtext("text") or "", ts))
                lines.append(int(line))
            authors = tuple(dict.fromkeys(m.author for m in messages))
            yield Conversation(cid, tuple(Participant(a) for a in authors), tuple(messages)), lines
            elem.clear()
            if root is not None:
                root.clear()
    except ET.ParseError as exc:
        line, col = exc.position
        raise Pan12Error(f"{path}: malformed XML at line {line}, column {col}") from exc
    except OSError as exc:
        raise Pan12Error(f"{path}: {exc}") from exc


def read_pan12(
    xml: Path, predators: Path | None = None, predator_lines: Path | None = None
) -> Iterator[LabelledConversation]:
    """Labelled conversations: label 1 when a known predator takes part."""
    ids = read_predators(predators) if predators else set()
    marked = read_predator_lines(predator_lines) if predator_lines else {}
    for conversation, lines in iter_conversations(xml):
        culprits = [p.id for p in conversation.participants if p.id in ids]
        wanted = marked.get(conversation.id, set())
        yield LabelledConversation(
            conversation,
            int(bool(culprits)),
            culprits[0] if culprits else None,
            frozenset(i for i, line in enumerate(lines) if line in wanted),
            "pan12",
        )

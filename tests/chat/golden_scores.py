"""Golden scores: every conversation of the shipped synthetic test split and of the
development set ``tests/data/chat_dev``, and 16 long conversations joined from the test
split, scored message by message with the shipped model.

``python -m tests.chat.golden_scores`` (with ``PYTHONPATH=src``) writes
``tests/chat/data/golden_scores.json`` from the current code; ``test_golden_scores.py``
checks that the scorer still gives exactly those answers, so a change meant only to make
scoring faster cannot move any score. Per conversation the file keeps the final risk, level,
alert and signals in clear, and a SHA-256 of every message's risk, level, alert_at, signals,
suspect, target, warnings and language and of the final serialised state (so a difference
anywhere in the trace is caught, the file stays small).

Every number is kept to ``DIGITS`` significant digits: the last bits of a floating-point sum
depend on the CPU's vector instructions (on an AMD EPYC without AVX2 the unrounded state of
437 of the 1,045 conversations differed in its last digits from the Intel machine that wrote
the file, while every risk, level, alert and signal was the same), and a score is not
moved by them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from safeguard.chat.conversation import Conversation, read_conversations
from safeguard.chat.scorer import ConversationState, Scoring, score_message
from safeguard.chat.training.corpus import shipped_conversations

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "data" / "golden_scores.json"
DEV = ROOT / "tests" / "data" / "chat_dev" / "conversations_dev.jsonl"


def conversations() -> list[tuple[str, Conversation]]:
    test = [item.conversation for item in shipped_conversations("test")]
    out = [("test", c) for c in test]
    out += [("dev", c) for c in read_conversations(DEV)]
    out += [("long", c) for c in long_conversations(test)]
    return out


def long_conversations(test: list[Conversation], per_language: int = 2) -> list[Conversation]:
    """Test conversations of one language joined 18 at a time (as ``bench/chat.py`` does):
    long enough to overflow the bounded signal lists and to vote on the language again."""
    by_language: dict[str, list[Conversation]] = {}
    for c in test:
        by_language.setdefault(str(c.extra.get("language", "en")), []).append(c)
    out = []
    for lang, convs in sorted(by_language.items()):
        for j in range(0, min(len(convs) - 17, 18 * per_language), 18):
            chunk = convs[j : j + 18]
            messages = tuple(m for c in chunk for m in c.messages)
            out.append(Conversation(f"long-{lang}-{j}", (), messages))
    return out


#: Significant digits every number of a trace is kept to (see the module's docstring).
DIGITS = 12


def rounded(value: Any) -> Any:
    """``value`` (JSON-like) with every float written to ``DIGITS`` significant digits."""
    if isinstance(value, float):
        return format(value, f".{DIGITS}g")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v) for v in value]
    return value


def trace(conversation: Conversation, scoring: Scoring) -> dict[str, Any]:
    state = ConversationState.start(conversation.participants)
    digest = hashlib.sha256()
    final: Any = None
    for message in conversation.messages:
        result = score_message(state, message, scoring, conversation.id)
        row = result.to_json()
        row["risk"] = result.risk  # not the two-decimal figure to_json shows
        digest.update(json.dumps(rounded(row), sort_keys=True).encode())
        digest.update(b"\n")
        final = result
    digest.update(json.dumps(rounded(json.loads(state.dumps())), sort_keys=True).encode())
    return {
        "risk": rounded(float(final.risk)) if final else None,
        "level": final.level if final else None,
        "alert_at": final.alert_at if final else None,
        "signals": [[s.category, s.message, s.start, s.end, s.author] for s in final.signals]
        if final
        else [],
        "trace": digest.hexdigest(),
    }


def golden(scoring: Scoring | None = None) -> dict[str, dict[str, Any]]:
    scoring = scoring or Scoring.default()
    return {f"{src}:{c.id}": trace(c, scoring) for src, c in conversations()}


if __name__ == "__main__":
    doc = golden()
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n")
    print(f"{len(doc)} conversations written to {GOLDEN}")

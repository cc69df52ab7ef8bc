"""Dump every scoring output of the chat code on the importable ``safeguard`` (run it once
with ``main``'s sources and once with a branch's, then ``--compare`` the two files), so a
speed change can show it changes no answer.

Per conversation message: the verdict (risk unrounded, level, alert, signals with spans,
suspect, target, language, warnings), the serialised state, and what the message reading
gave (normalised text and its map back, language, hits, categories, feature hashes in
order). Per message text, every language lexicon's spans (conversation and comment scopes).
Per comment of every stream, the comment scorer's verdict. Inputs: the synthetic test split
and the hand-written editions (``tests/data/chat_eval*``) but the held-out ones
(``editions.HELDOUT_EDITIONS``: not read at all); nothing is trained or tuned.

Run: ``PYTHONPATH=<src> python -m bench.chat_same_scores --out FILE`` then
``python -m bench.chat_same_scores --compare A B``."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "pl", "ro")


def _editions() -> list[Path]:
    from safeguard.chat.training.editions import HELDOUT_EDITIONS

    folders = sorted((ROOT / "tests" / "data").glob("chat_eval*"))
    return [f for f in folders if f.name not in HELDOUT_EDITIONS]


def _conversation_sets() -> dict[str, list[Any]]:
    from safeguard.chat.training.corpus import read_labelled, shipped_conversations

    sets: dict[str, list[Any]] = {"synthetic_test": shipped_conversations("test")}
    for folder in _editions():
        for path in sorted(folder.glob("conversations_*.jsonl")):
            sets[f"{folder.name}/{path.name}"] = list(read_labelled(path))
    return sets


def _stream_sets() -> dict[str, list[dict[str, Any]]]:
    from safeguard.chat.training.corpus import shipped_streams

    sets = {"synthetic_test": shipped_streams("test")}
    for folder in _editions():
        for path in sorted(folder.glob("comments_*.jsonl")):
            with path.open(encoding="utf-8") as fh:
                sets[f"{folder.name}/{path.name}"] = [json.loads(x) for x in fh if x.strip()]
    return sets


def dump(out: Path) -> int:
    from safeguard.chat.comments import Comment, CommentScorer
    from safeguard.chat.lexicon import default_lexicon
    from safeguard.chat.normalise import normalise
    from safeguard.chat.scorer import ConversationState, Scoring, read_message, score_message

    scoring = Scoring.default()
    lexicons = [
        default_lexicon(lang, scope) for lang in LANGUAGES for scope in ("conversation", "comments")
    ]
    n = 0
    with out.open("w", encoding="utf-8") as fh:

        def emit(record: dict[str, Any]) -> None:
            nonlocal n
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1

        for name, items in _conversation_sets().items():
            for item in items:
                c = item.conversation
                state = ConversationState.start(c.participants)
                for i, m in enumerate(c.messages):
                    probe = ConversationState.loads(state.dumps())
                    reading = read_message(probe, m.text, scoring)
                    result = score_message(state, m, scoring, c.id)
                    doc = result.to_json()
                    doc["risk"] = result.risk
                    norm = normalise(m.text)
                    emit(
                        {
                            "set": name,
                            "id": c.id,
                            "i": i,
                            "result": doc,
                            "state": state.dumps(),
                            "read": [
                                reading.norm.text,
                                reading.norm.index,
                                reading.norm.truncated,
                                reading.language,
                                [[h.category, h.start, h.end] for h in reading.hits],
                                reading.categories,
                                reading.hashes,
                            ],
                            "lexicons": [lex.spans(norm.text) for lex in lexicons],
                        }
                    )
        for name, streams in _stream_sets().items():
            for s in streams:
                scorer = CommentScorer()
                for i, cm in enumerate(s.get("comments", [])):
                    risk = scorer.add(Comment(cm["viewer"], cm["text"], cm.get("ts")))
                    emit({"set": name, "id": s.get("id"), "i": i, "comment": risk.to_json()})
    return n


def compare(a: Path, b: Path) -> int:
    with a.open(encoding="utf-8") as fa, b.open(encoding="utf-8") as fb:
        left, right = fa.readlines(), fb.readlines()
    diffs = [i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y]
    print(
        json.dumps(
            {
                "records": [len(left), len(right)],
                "different": len(diffs) + abs(len(left) - len(right)),
                "first_different": diffs[:5],
                "sha256": [
                    hashlib.sha256("".join(left).encode()).hexdigest()[:16],
                    hashlib.sha256("".join(right).encode()).hexdigest()[:16],
                ],
            }
        )
    )
    return 0 if not diffs and len(left) == len(right) else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2)
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if args.out is None:
        parser.error("--out or --compare")
    print(json.dumps({"records": dump(args.out)}))


if __name__ == "__main__":
    main()

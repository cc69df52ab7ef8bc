"""The hand-written editions: which are training data, which are held out (the one place
that says so), and the only way training code reads them.

Every edition is a folder under ``tests/data`` with the same files:
``conversations_en.jsonl``, ``conversations_ml.jsonl``, ``comments_en.jsonl`` and
``comments_ml.jsonl`` (any of them may be missing). Each was written by people who had not
read the model, its generators or its lexicons.

- :data:`TRAINING_EDITIONS` have been seen (each was scored once as a held-out set, then read
  and tuned on). From issue 12's fifth round they are training and development data: the
  shipped model is trained on the synthetic train split and all of them, and design choices
  are made by leave-one-edition-out (:mod:`safeguard.chat.training.loeo`).
- :data:`HELDOUT_EDITIONS` are written by others and evaluated once, with the model frozen.
  Training code never reads them: :func:`training_folder` refuses any of them, any folder
  passed as held-out and any ``chat_eval_v*`` folder that is not a training edition (a new
  edition is held out until someone names it here as training data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from safeguard.chat.comments import comment_lexicon, read_comment
from safeguard.chat.training.corpus import LabelledConversation, read_labelled, shipped_streams
from safeguard.errors import InvalidInput

#: Seen editions, oldest first: short name → folder under ``tests/data``.
TRAINING_EDITIONS: dict[str, str] = {
    "v1": "chat_eval",
    "v2": "chat_eval_v2",
    "v3": "chat_eval_v3",
    "v4": "chat_eval_v4",
    "v5": "chat_eval_v5",
    "v6": "chat_eval_v6",
    "v7": "chat_eval_v7",
}
#: Held-out editions (folders under ``tests/data``): never read by training code.
HELDOUT_EDITIONS: tuple[str, ...] = ("chat_eval_v8",)

CONVERSATION_FILES = ("conversations_en.jsonl", "conversations_ml.jsonl")
COMMENT_FILES = ("comments_en.jsonl", "comments_ml.jsonl")
_EDITION = re.compile(r"^chat_eval(?:_v(\d+))?$")


class HeldOutError(InvalidInput):
    """Training code was asked to read a held-out edition."""

    code = "heldout_in_training"


def repo_root() -> Path:
    return Path(__file__).resolve().parents[4]


def data_root() -> Path:
    """``tests/data`` of the source tree (where the hand-written editions live)."""
    return repo_root() / "tests" / "data"


def edition_number(folder: Path) -> int | None:
    """1 for ``chat_eval``, n for ``chat_eval_vN``, None for any other name."""
    match = _EDITION.match(folder.name)
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 1


def edition_folder(name: str, root: Path | None = None) -> Path:
    """The folder of a training edition by its short name (``v1`` ... )."""
    return (root or data_root()) / TRAINING_EDITIONS[name]


def default_heldout(root: Path | None = None) -> Path | None:
    """The newest ``chat_eval_v*`` folder under ``root`` that is not a training edition (the
    held-out set ``bench.chat`` evaluates by default), or None."""
    base = root or data_root()
    if not base.is_dir():
        return None
    training = set(TRAINING_EDITIONS.values())
    found = [
        (n, p)
        for p in base.iterdir()
        if p.is_dir() and p.name not in training and (n := edition_number(p)) is not None
    ]
    return max(found)[1] if found else None


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def training_folder(name: str, root: Path | None = None, heldout: Iterable[Path] = ()) -> Path:
    """The folder of training edition ``name``, after checking it is none of: a named
    held-out edition, a folder passed as ``heldout`` (or inside one), an unnamed edition."""
    folder = edition_folder(name, root)
    refused = [*((root or data_root()) / h for h in HELDOUT_EDITIONS), *heldout]
    for held in refused:
        if _inside(folder, held) or _inside(held, folder):
            raise HeldOutError(f"{folder} is held out: training never reads it")
    if folder.name in HELDOUT_EDITIONS or folder.name not in TRAINING_EDITIONS.values():
        raise HeldOutError(f"{folder} is not a training edition: training never reads it")
    return folder


def check_training_file(path: Path, heldout: Iterable[Path] = ()) -> Path:
    """Refuse a file inside a held-out folder (named or passed) or inside any edition
    folder that is not a training edition."""
    held = list(heldout)
    parent = path.resolve().parent
    for folder in held:
        if _inside(path, folder):
            raise HeldOutError(
                f"{path} is in the held-out folder {folder}: training never reads it"
            )
    for folder in (parent, *parent.parents):
        if edition_number(folder) is not None and folder.name not in TRAINING_EDITIONS.values():
            raise HeldOutError(f"{path} is in {folder.name}, not a training edition")
    return path


def edition_conversations(
    names: Sequence[str], root: Path | None = None, heldout: Iterable[Path] = ()
) -> list[LabelledConversation]:
    """The labelled conversations of training editions ``names`` (through the guard)."""
    held = list(heldout)
    out: list[LabelledConversation] = []
    for name in names:
        folder = training_folder(name, root, held)
        for file in CONVERSATION_FILES:
            path = folder / file
            if path.is_file():
                out.extend(read_labelled(check_training_file(path, held)))
    return out


def edition_streams(
    names: Sequence[str], root: Path | None = None, heldout: Iterable[Path] = ()
) -> list[dict[str, Any]]:
    """The comment streams of training editions ``names`` (through the guard), each
    comment of a concerning viewer marked ``bad`` (the editions label viewers, not
    comments)."""
    import json

    held = list(heldout)
    out: list[dict[str, Any]] = []
    for name in names:
        folder = training_folder(name, root, held)
        for file in COMMENT_FILES:
            path = folder / file
            if not path.is_file():
                continue
            with check_training_file(path, held).open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        out.append(_mark_bad(json.loads(line)))
    return out


def _mark_bad(stream: dict[str, Any]) -> dict[str, Any]:
    """A comment is ``bad`` when a concerning viewer wrote it and it carries a signal of
    the comment lexicon (their "hi" and "lol" are not)."""
    bad = set(stream.get("bad_viewers") or [])
    lexicon = comment_lexicon()
    comments = [
        {**c, "bad": c.get("viewer") in bad and bool(read_comment(str(c.get("text", "")), lexicon))}
        for c in stream.get("comments", [])
    ]
    return {**stream, "comments": comments}


def synthetic_streams() -> list[dict[str, Any]]:
    return shipped_streams("train")

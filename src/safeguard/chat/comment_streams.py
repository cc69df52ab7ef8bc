"""Recorded comment streams as input: ``{"id", "comments": [{"ts", "viewer", "text"}]}``.

A ``.json`` file holds one stream (or a list of them); any other file is JSON lines, one
stream a line. ``ts`` is seconds or an ISO 8601 date-time (:func:`parse_ts`), optional;
``viewer`` defaults to ``anonymous``. Other fields (``label``, ``family``...) are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safeguard.chat.comments import Comment
from safeguard.chat.timestamps import TimestampError, parse_ts
from safeguard.errors import InvalidInput

MAX_TEXT_CHARS = 10_000
MAX_VIEWER_CHARS = 200


class CommentStreamError(InvalidInput, ValueError):
    """A recorded comment stream that cannot be read (not JSON, wrong shape, bad field)."""


@dataclass(frozen=True, slots=True)
class CommentStream:
    id: str
    comments: tuple[Comment, ...]


def parse_comment_stream(doc: Any, default_id: str) -> CommentStream:
    if not isinstance(doc, dict):
        raise CommentStreamError(f"expected a JSON object, got {type(doc).__name__}")
    raw_id = doc.get("id", default_id)
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool):
        raise CommentStreamError("'id' must be a string")
    items = doc.get("comments")
    if not isinstance(items, list):
        raise CommentStreamError("'comments' must be a list")
    comments = []
    for i, item in enumerate(items):
        where = f"comment {i}"
        if not isinstance(item, dict):
            raise CommentStreamError(f"{where}: expected a JSON object")
        text = item.get("text")
        if not isinstance(text, str):
            raise CommentStreamError(f"{where}: 'text' must be a string")
        if len(text) > MAX_TEXT_CHARS:
            raise CommentStreamError(f"{where}: 'text' is longer than {MAX_TEXT_CHARS} characters")
        viewer = item.get("viewer", "anonymous")
        if isinstance(viewer, int) and not isinstance(viewer, bool):
            viewer = str(viewer)
        if not isinstance(viewer, str) or not viewer or len(viewer) > MAX_VIEWER_CHARS:
            raise CommentStreamError(
                f"{where}: 'viewer' must be a non-empty string (<= {MAX_VIEWER_CHARS} chars)"
            )
        try:
            ts = parse_ts(item.get("ts"))
        except TimestampError as exc:
            raise CommentStreamError(f"{where}: 'ts' {exc}") from exc
        comments.append(Comment(viewer=viewer, text=text, ts=ts))
    return CommentStream(str(raw_id), tuple(comments))


def read_comment_streams_lenient(path: Path) -> Iterator[CommentStream | CommentStreamError]:
    """Every stream of a file, and in its place an error naming the file and the line (or
    the list index) for each that cannot be read; reading goes on after it. A file that
    cannot be opened or parsed as a whole is one error."""
    try:
        if path.suffix.lower() == ".json":
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                yield CommentStreamError(f"{path}: not JSON: {exc.msg} (line {exc.lineno})")
                return
            docs = doc if isinstance(doc, list) else [doc]
            for i, d in enumerate(docs):
                try:
                    yield parse_comment_stream(
                        d, path.stem if len(docs) == 1 else f"{path.stem}:{i}"
                    )
                except CommentStreamError as exc:
                    where = str(path) if len(docs) == 1 else f"{path}: stream {i}"
                    yield CommentStreamError(f"{where}: {exc}")
            return
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield CommentStreamError(
                        f"{path}:{n}: not UTF-8: {exc.reason} at byte {exc.start}"
                    )
                    continue
                if not line.strip():
                    continue
                try:
                    yield parse_comment_stream(json.loads(line), f"{path.stem}:{n}")
                except json.JSONDecodeError as exc:
                    yield CommentStreamError(f"{path}:{n}: not JSON: {exc.msg}")
                except CommentStreamError as exc:
                    yield CommentStreamError(f"{path}:{n}: {exc}")
    except (OSError, UnicodeDecodeError) as exc:
        yield CommentStreamError(f"{path}: {exc}")


def read_comment_streams(path: Path) -> Iterator[CommentStream]:
    """The streams in one file (:func:`read_comment_streams_lenient`); the first that cannot
    be read raises its :class:`CommentStreamError`, which names the file and the line."""
    for item in read_comment_streams_lenient(path):
        if isinstance(item, CommentStreamError):
            raise item
        yield item

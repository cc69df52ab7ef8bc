"""Comment feeds for a watched stream: JSON lines in, ``Comment`` objects out.

One comment a line: ``{"viewer": "v1", "text": "...", "ts": 12.5}``; ``ts`` (seconds of
stream time) is optional (missing: the stream's current time), ``viewer`` defaults to
``anonymous``, and ``stream`` names the stream the comment belongs to when one feed serves
several. A bad line is reported with its line number and skipped; the feed goes on.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from safeguard.chat.comments import Comment

MAX_LINE_CHARS = 64 * 1024
MAX_TEXT_CHARS = 10_000


class CommentFeedError(ValueError):
    code = "bad_comment"


@dataclass(frozen=True, slots=True)
class FeedItem:
    line: int
    comment: Comment | None
    stream: str | None = None
    error: str | None = None


def parse_comment(obj: Any, *, where: str = "comment") -> tuple[Comment, str | None]:
    """A JSON object as a comment (and the stream it names); ``CommentFeedError`` if bad."""
    if not isinstance(obj, dict):
        raise CommentFeedError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise CommentFeedError(f"{where}: 'text' must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise CommentFeedError(f"{where}: 'text' is longer than {MAX_TEXT_CHARS} characters")
    viewer = obj.get("viewer", "anonymous")
    if not isinstance(viewer, str) or not viewer or len(viewer) > 200:
        raise CommentFeedError(f"{where}: 'viewer' must be a non-empty string (<= 200 chars)")
    ts = obj.get("ts")
    if ts is not None and (
        isinstance(ts, bool) or not isinstance(ts, int | float) or not math.isfinite(ts) or ts < 0
    ):
        raise CommentFeedError(f"{where}: 'ts' must be a non-negative number of seconds")
    stream = obj.get("stream")
    if stream is not None and not isinstance(stream, str):
        raise CommentFeedError(f"{where}: 'stream' must be a string")
    return Comment(viewer=viewer, text=text, ts=None if ts is None else float(ts)), stream


def read_feed(lines: Iterable[str | bytes]) -> Iterator[FeedItem]:
    """Parse JSON lines (text, or bytes decoded line by line as UTF-8); blank lines are
    skipped, bad ones (too long, not UTF-8, not JSON, a bad field) yield an item with
    ``error`` and the feed goes on."""
    for number, raw in enumerate(lines, start=1):
        if len(raw) > MAX_LINE_CHARS:
            yield FeedItem(number, None, error=f"line {number}: longer than {MAX_LINE_CHARS}")
            continue
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield FeedItem(
                    number, None, error=f"line {number}: not UTF-8 ({err.reason} at {err.start})"
                )
                continue
        text = raw.strip()
        if not text:
            continue
        try:
            comment, stream = parse_comment(json.loads(text), where=f"line {number}")
        except json.JSONDecodeError as err:
            yield FeedItem(number, None, error=f"line {number}: not JSON ({err.msg})")
            continue
        except CommentFeedError as err:
            yield FeedItem(number, None, error=str(err))
            continue
        yield FeedItem(number, comment, stream)

"""Which list format a file is in, from its first bytes and its name: a JSON document is
VICS, a first line with ``type`` and ``value`` columns is CSV, a ``.json``/``.csv`` name
decides when the content does not, anything else is a plain list. Every entry point that
takes ``auto`` asks here and tells the user the answer."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import BinaryIO

from safeguard.banks.formats import strip_bom

AUTO = "auto"
#: Bytes read from the start of a list to decide.
HEAD = 4096


def detect_format(head: bytes, filename: str | None = None) -> str:
    text = strip_bom(head).lstrip()
    if text.startswith((b"{", b"[")):
        return "vics"
    first = text.split(b"\n", 1)[0].decode("utf-8", "replace")
    columns = {c.strip().strip('"').lower() for c in first.split(",")}
    if {"type", "value"} <= columns:
        return "csv"
    suffix = (filename or "").lower().rsplit(".", 1)[-1] if "." in (filename or "") else ""
    if suffix == "json":
        return "vics"
    if suffix == "csv":
        return "csv"
    return "plain"


def resolve_format(
    fmt: str, open_stream: Callable[[], AbstractContextManager[BinaryIO]], filename: str | None
) -> str:
    """``fmt`` itself, or for ``auto`` the format detected from the list's first bytes."""
    if fmt != AUTO:
        return fmt
    with open_stream() as stream:
        head = stream.read(HEAD)
    return detect_format(head, filename)

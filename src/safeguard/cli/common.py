"""Helpers every command shares: JSON lines out, consoles, turning typed errors into exits."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from safeguard.config import Settings
from safeguard.store.db import Database, open_database

err_console = Console(stderr=True)

T = TypeVar("T")


def emit_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, separators=(",", ":"), default=str) + "\n")
    sys.stdout.flush()


def actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def database(settings: Settings) -> Iterator[Database]:
    db = open_database(settings.db_url)
    try:
        yield db
    finally:
        db.dispose()


def in_transaction(
    settings: Settings,
    change: Callable[[Session], T],
    refused: type[Exception] | tuple[type[Exception], ...],
    code: int = 1,
) -> T:
    """Run ``change`` in one transaction of the settings' database and return what it
    returns (plain data: the session is gone afterwards). An exception of the ``refused``
    kinds rolls it back and exits with ``code`` and its message."""
    with database(settings) as db:
        try:
            with db.session() as s:
                return change(s)
        except refused as e:
            raise fail(str(e), code) from None

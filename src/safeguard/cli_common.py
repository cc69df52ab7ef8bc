"""Helpers every command shares: JSON lines out, consoles, turning typed errors into exits."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console

from safeguard.config import Settings
from safeguard.store.db import Database, open_database

err_console = Console(stderr=True)


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

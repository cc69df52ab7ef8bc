"""Helpers every command shares: JSON lines out, consoles, turning typed errors into exits."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from safeguard.config import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from safeguard.store.db import Database

err_console = Console(stderr=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON on stdout.")]

T = TypeVar("T")


def progress_bar(*, rate_field: str = "rate", disable: bool = False) -> Progress:
    """The progress bar every long command shows on stderr: description, bar, done/total,
    a rate (the task's ``rate_field``), elapsed and remaining time."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(f"{{task.fields[{rate_field}]}}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
        disable=disable,
    )


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the root command built from ``--data-dir`` and ``--db``."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings.load()


def emit_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, separators=(",", ":"), default=str) + "\n")
    sys.stdout.flush()


class _Listed(Protocol):
    def to_json(self) -> dict[str, Any]: ...


L = TypeVar("L", bound=_Listed)


def emit_listing(
    items: Sequence[L],
    *,
    json_out: bool,
    title: str,
    columns: Sequence[str],
    row: Callable[[L], Sequence[str]],
) -> None:
    """A list command's output: one JSON object a line (``to_json()``) with ``--json``, else
    a table on stderr with ``columns`` and ``row(item)`` for each item."""
    if json_out:
        for item in items:
            emit_json(item.to_json())
        return
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for item in items:
        table.add_row(*row(item))
    err_console.print(table)


def when(moment: datetime | None) -> str:
    """A time as the list tables show it (seconds, ISO), or blank."""
    return moment.isoformat(timespec="seconds") if moment else ""


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
    from safeguard.store.db import open_database  # SQLAlchemy only for commands that need it

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

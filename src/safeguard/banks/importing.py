"""Importing and exporting whole lists.

Imports are atomic and idempotent. A first streaming pass validates every line and collects
precise ``file:line`` messages; if there is any, nothing is written. The second pass inserts
in batches inside one transaction with "insert, ignore duplicates", so re-importing a list
adds nothing twice and a crash half-way leaves the bank as it was. Both passes stream, so a
list of any size imports in bounded memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, cast

from safeguard import audit
from safeguard.banks.entries import entry_count, entry_row, insert_ignoring_duplicates, iter_entries
from safeguard.banks.formats import LineIssue, get_format
from safeguard.banks.lists import BankError, get_bank
from safeguard.errors import Unprocessable
from safeguard.signals.types import signal_type
from safeguard.store.db import Database

MAX_REPORTED_ISSUES = 100


class ImportRejected(BankError, Unprocessable):
    """The list had bad lines; nothing was imported."""

    code = "import_rejected"

    def __init__(self, source: str, issues: list[LineIssue], total_issues: int) -> None:
        self.source = source
        self.issues = issues
        self.total_issues = total_issues
        shown = "\n".join(_where(source, i) + f": {i.message}" for i in issues)
        more = total_issues - len(issues)
        tail = f"\n... and {more} more" if more > 0 else ""
        super().__init__(
            f"import rejected, nothing changed ({_problems(total_issues)}):\n{shown}{tail}"
        )


def _problems(n: int) -> str:
    return "1 problem" if n == 1 else f"{n} problems"


def _where(source: str, issue: LineIssue) -> str:
    return f"{source}:{issue.line}" if issue.line else source


@dataclass(frozen=True, slots=True)
class ImportReport:
    bank: str
    read: int
    added: int
    already_present: int

    def to_json(self) -> dict[str, object]:
        return {
            "bank": self.bank,
            "read": self.read,
            "added": self.added,
            "already_present": self.already_present,
        }


Opener = Callable[[], AbstractContextManager[BinaryIO]]


def validate_list(
    open_stream: Opener, fmt: str, source: str, default_type: str | None
) -> tuple[int, list[LineIssue], int]:
    """First pass: count entries, collect up to ``MAX_REPORTED_ISSUES`` problems."""
    if default_type is not None:
        signal_type(default_type)
    reader = get_format(fmt)
    issues: list[LineIssue] = []
    total_issues = 0
    count = 0
    with open_stream() as stream:
        for item in reader.read(stream, default_type=default_type):
            if isinstance(item, LineIssue):
                total_issues += 1
                if len(issues) < MAX_REPORTED_ISSUES:
                    issues.append(item)
            else:
                count += 1
    return count, issues, total_issues


def import_list(
    db: Database,
    bank_name: str,
    open_stream: Opener,
    *,
    fmt: str,
    source: str,
    default_type: str | None = None,
    actor: str,
    batch: int = 5000,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Validate, then import every entry of a list into a bank, atomically."""
    count, issues, total = validate_list(open_stream, fmt, source, default_type)
    if total:
        raise ImportRejected(source, issues, total)
    reader = get_format(fmt)
    statement = insert_ignoring_duplicates(db.engine)
    now = datetime.now(UTC)
    with db.session() as session:
        bank = get_bank(session, bank_name)
        before = entry_count(session, bank.id)
        rows: list[dict[str, object]] = []
        read = 0
        with open_stream() as stream:
            for item in reader.read(stream, default_type=default_type):
                if isinstance(item, LineIssue):  # the file changed between the passes
                    raise ImportRejected(source, [item], 1)
                rows.append(entry_row(bank.id, item, now))
                read += 1
                if len(rows) >= batch:
                    session.connection().execute(statement, rows)
                    rows = []
                    if progress:
                        progress(read, count)
            if rows:
                session.connection().execute(statement, rows)
            if progress:
                progress(read, count)
        added = entry_count(session, bank.id) - before
        audit.record(
            session,
            actor,
            "bank.import",
            bank_name,
            {"source": source, "format": fmt, "read": read, "added": added},
        )
    return ImportReport(bank_name, read, added, read - added)


def export_list(
    db: Database,
    bank_name: str,
    stream: BinaryIO,
    *,
    fmt: str,
    types: Iterable[str] | None = None,
    actor: str,
) -> int:
    writer = get_format(fmt)
    with db.session() as session:
        bank = get_bank(session, bank_name)
        n = writer.write(iter_entries(session, bank, types=types), stream)
        audit.record(session, actor, "bank.export", bank_name, {"format": fmt, "entries": n})
    return n


def spool(path: Path | None, stdin: BinaryIO) -> Opener:
    """An opener for a list in a file, or on stdin spooled to a temporary file: the import
    reads its input twice (validate, then insert)."""
    if path is not None:
        return lambda: path.open("rb")
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the opener
    while chunk := stdin.read(1 << 20):
        tmp.write(chunk)

    @contextmanager
    def reopen() -> Iterator[BinaryIO]:
        tmp.seek(0)
        yield cast(BinaryIO, tmp)

    return reopen

"""The ``safeguard`` command line: a thin shell over the library.

Contract (docs/cli.md): ``--json`` writes one JSON object per line to stdout; tables and
progress bars go to stderr; exit 0 when everything ran, 1 when at least one input failed,
2 on a usage error.

Command groups live one per module in this package and are imported only when used:
``COMMANDS`` names each command's module, the object in it (a Typer app for a group, a
function for a single command) and its one-line help, so ``safeguard --help`` and a
one-file ``safeguard hash`` import nothing they do not need. A new command is a module
here and one line in ``COMMANDS``.
"""

from __future__ import annotations

import os

# PDQ's matrix products are small; BLAS threads would only fight the worker processes.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import importlib  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated, Any  # noqa: E402

import typer  # noqa: E402
from typer import _click as click  # noqa: E402  (Typer ships its own click)
from typer.core import TyperCommand, TyperGroup  # noqa: E402

from safeguard import __version__  # noqa: E402
from safeguard.config import Settings  # noqa: E402


@dataclass(frozen=True, slots=True)
class LazyCommand:
    module: str
    attribute: str
    help: str


#: Every top-level command: (module in this package, object in it, one-line help).
COMMANDS: dict[str, LazyCommand] = {
    "hash": LazyCommand("hash", "hash_command", "Hash files: MD5, SHA-1, SHA-256, PDQ, vPDQ."),
    "match": LazyCommand("match", "match_command", "Match files against the banks."),
    "check": LazyCommand(
        "check", "check_command", "Check files as POST /v1/check does (rules applied)."
    ),
    "lookup": LazyCommand("match", "lookup_command", "Match precomputed signals."),
    "scan": LazyCommand("scan", "scan_command", "Bulk hash and match on Dask, resumable."),
    "banks": LazyCommand("banks", "banks_app", "Hash lists: create, import, export, ..."),
    "chat": LazyCommand("chat", "chat_app", "Grooming risk in conversations; comments."),
    "stream": LazyCommand("stream", "stream_app", "Watch a livestream: frames and comments."),
    "triage": LazyCommand(
        "triage", "triage_app", "Police triage: disk images to a categorised, court-ready case."
    ),
    "link": LazyCommand("link", "link_app", "Link media showing the same place or person."),
    "serve": LazyCommand("serve", "serve_command", "Run the HTTP service and review console."),
    "keys": LazyCommand("keys", "keys_app", "API keys: create (shown once), list, revoke."),
    "users": LazyCommand("users", "users_app", "Console users: create, roles, passwords."),
    "rules": LazyCommand("rules", "rules_app", "Rules: bank/category -> action."),
    "webhooks": LazyCommand("webhooks", "webhooks_app", "Webhook targets for decisions."),
    "audit": LazyCommand("audit", "audit_app", "The hash-chained audit log."),
    "evidence": LazyCommand("evidence", "evidence_app", "Kept evidence (opt-in): keys, purge."),
    "exchange": LazyCommand(
        "exchange", "exchange_app", "Share hash lists: publish, subscribe, sync."
    ),
}


def load_command(name: str) -> click.Command:
    """Import a command's module and turn its Typer app or function into a click command."""
    spec = COMMANDS[name]
    module = importlib.import_module(f"safeguard.cli.{spec.module}")
    target = getattr(module, spec.attribute)
    if isinstance(target, typer.Typer):
        group = typer.main.get_group(target)
        group.name = name
        return group
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    single.command(name)(target)
    command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """Lists commands from ``COMMANDS`` without importing them; imports one when it runs."""

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(n for n in super().list_commands(ctx) if n not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        if self._listing:
            short = COMMANDS[cmd_name].help
            return TyperCommand(cmd_name, help=short, short_help=short)
        return load_command(cmd_name)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


app = typer.Typer(
    name="safeguard",
    cls=LazyGroup,
    help="Find and stop known abuse material: hash, match, scan, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"safeguard {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="SAFEGUARD_DATA_DIR",
            help="Where Safeguard keeps its database and index snapshots (default: ./.safeguard).",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="SAFEGUARD_DB_URL",
            help="Database URL, e.g. postgresql://user@host/safeguard "
            "(default: SQLite in the data dir).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print version.")
    ] = False,
) -> None:
    """Safeguard: open tools to find and stop online child sexual exploitation and abuse."""
    ctx.obj = Settings.load(data_dir, db)


def main(args: Any = None) -> None:
    app(args)

"""``safeguard rules``: which action a match in a bank and/or of a category gets."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from safeguard.banks import BankNotFound
from safeguard.cli.common import (
    JsonOpt,
    actor,
    database,
    emit_json,
    err_console,
    in_transaction,
    settings_of,
)
from safeguard.review import rules

rules_app = typer.Typer(help="Rules: bank/category -> action.", no_args_is_help=True)


class ActionOption(StrEnum):
    allow = "allow"
    review = "review"
    block = "block"
    report = "report"


@rules_app.command("list")
def rules_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List rules (most specific wins: bank+category, bank, category, catch-all)."""
    with database(settings_of(ctx)) as db, db.session() as s:
        found = rules.load_rules(s)
    if json_out:
        for r in found:
            emit_json(r.to_json())
        return
    table = Table(title="Rules")
    for col in ("id", "bank", "category", "action", "note"):
        table.add_column(col)
    for r in found:
        table.add_row(str(r.id), r.bank or "*", r.category or "*", r.action, r.note)
    err_console.print(table)


@rules_app.command("set")
def rules_set(
    ctx: typer.Context,
    action: Annotated[ActionOption, typer.Argument(help="allow, review, block or report.")],
    bank: Annotated[str | None, typer.Option(help="Bank name (default: any).")] = None,
    category: Annotated[str | None, typer.Option(help="Category (default: any).")] = None,
    note: Annotated[str, typer.Option(help="Why.")] = "",
    allow_missing: Annotated[
        bool, typer.Option("--allow-missing", help="Accept a bank that does not exist yet.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Set the action for matches in a bank and/or of a category. A bank that does not
    exist is refused (exit 1) unless --allow-missing."""
    rule = in_transaction(
        settings_of(ctx),
        lambda s: rules.add_rule(
            s,
            action=action.value,
            actor=actor(),
            bank=bank,
            category=category,
            note=note,
            allow_missing=allow_missing,
        ),
        (rules.RuleError, BankNotFound),
    )
    if json_out:
        emit_json(rule.to_json())
    else:
        err_console.print(f"rule {rule.id}: {bank or '*'} / {category or '*'} -> {rule.action}")


@rules_app.command("delete")
def rules_delete(ctx: typer.Context, rule_id: int, json_out: JsonOpt = False) -> None:
    """Delete a rule."""
    rule = in_transaction(
        settings_of(ctx), lambda s: rules.delete_rule(s, rule_id, actor=actor()), rules.RuleError
    )
    if json_out:
        emit_json(rule.to_json())
    else:
        err_console.print(f"deleted rule {rule_id}")

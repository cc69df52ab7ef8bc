"""``safeguard rules``: which action a match in a bank and/or of a category gets."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from safeguard.cli.common import (
    JsonOpt,
    actor,
    database,
    emit_json,
    emit_listing,
    err_console,
    in_transaction,
    settings_of,
)

rules_app = typer.Typer(help="Rules: bank/category -> action.", no_args_is_help=True)


class ActionOption(StrEnum):
    allow = "allow"
    review = "review"
    block = "block"
    report = "report"


@rules_app.command("list")
def rules_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List rules (most specific wins: bank+category, bank, category, catch-all)."""
    from safeguard.review import rules

    with database(settings_of(ctx)) as db, db.session() as s:
        found = rules.load_rules(s)
    emit_listing(
        found,
        json_out=json_out,
        title="Rules",
        columns=("id", "bank", "category", "variants", "min inliers", "action", "note"),
        row=lambda r: (
            str(r.id),
            r.bank or "*",
            r.category or "*",
            ",".join(r.variants) if r.variants is not None else "*",
            str(r.min_inliers) if r.min_inliers is not None else "-",
            r.action,
            r.note,
        ),
    )


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
    variant: Annotated[
        list[str] | None,
        typer.Option(
            "--variant",
            help="Apply only to matches found this way (repeat, or comma-separate): exact, "
            "trimmed, deskewed, dihedral, region, local, near, derived (= trimmed, deskewed, "
            "dihedral). Default: any. A block/report for a 'local' match (or a verified near "
            "miss, 'near') needs 'local' (or 'near') here.",
        ),
    ] = None,
    min_inliers: Annotated[
        int | None,
        typer.Option(
            "--min-inliers",
            min=1,
            help="Apply only to matches verified with at least this many inliers.",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Set the action for matches in a bank and/or of a category (and, optionally, found
    by some variants). A bank that does not exist is refused (exit 1) unless
    --allow-missing; an unknown variant name too."""
    from safeguard.banks import BankNotFound
    from safeguard.review import rules

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
            variants=[p for v in variant for p in v.split(",")] if variant else None,
            min_inliers=min_inliers,
        ),
        (rules.RuleError, BankNotFound),
    )
    if json_out:
        emit_json(rule.to_json())
    else:
        how = f" / {','.join(rule.variants)}" if rule.variants is not None else ""
        how += f" / inliers >= {rule.min_inliers}" if rule.min_inliers is not None else ""
        err_console.print(
            f"rule {rule.id}: {bank or '*'} / {category or '*'}{how} -> {rule.action}"
        )


@rules_app.command("delete")
def rules_delete(ctx: typer.Context, rule_id: int, json_out: JsonOpt = False) -> None:
    """Delete a rule."""
    from safeguard.review import rules

    rule = in_transaction(
        settings_of(ctx), lambda s: rules.delete_rule(s, rule_id, actor=actor()), rules.RuleError
    )
    if json_out:
        emit_json(rule.to_json())
    else:
        err_console.print(f"deleted rule {rule_id}")

"""Actions: what a deployment does with content that matched, decided by rules.

A rule maps a bank and/or a category to ``allow``, ``review``, ``block`` or ``report``
(a null bank or category matches any). For each match, the most specific rule applies
(bank and category > bank > category > catch-all), and without one the deployment's
default action. The content's action is the most severe over its matches
(allow < review < block < report). A match in an allowlist bank overrides everything:
the content is allowed. ``review`` and ``report`` open a case (``safeguard.review.check``
carries the decision out).

``decide`` is pure; rules are stored in the ``rules`` table and managed with the
functions below (each change audited).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks import BankNotFound
from safeguard.errors import InvalidInput, NotFound, SafeguardError
from safeguard.matching.matcher import Match, allowlisted
from safeguard.store.models import Bank, Rule

Action = Literal["allow", "review", "block", "report"]
ACTIONS: tuple[Action, ...] = ("allow", "review", "block", "report")
SEVERITY = {a: i for i, a in enumerate(ACTIONS)}
#: The actions that put the content in front of a person.
OPENS_CASE = frozenset({"review", "report"})


class RuleError(SafeguardError):
    code = "rule_error"


class InvalidRule(RuleError, InvalidInput):
    code = "invalid_rule"


class RuleNotFound(RuleError, NotFound):
    code = "rule_not_found"


@dataclass(frozen=True, slots=True)
class StoredRule:
    """A rule as stored (and as ``rules list`` shows it): its id, what it applies to and the
    action it gives."""

    action: Action
    bank: str | None = None
    category: str | None = None
    id: int | None = None
    note: str = ""

    def applies_to(self, m: Match) -> bool:
        return (self.bank is None or self.bank == m.bank) and (
            self.category is None or self.category == m.category
        )

    @property
    def specificity(self) -> int:
        return (2 if self.bank is not None else 0) + (1 if self.category is not None else 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "bank": self.bank,
            "category": self.category,
            "action": self.action,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """The action for one piece of content and why: per match, the rule that applied."""

    action: Action
    reasons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def opens_case(self) -> bool:
        return self.action in OPENS_CASE


def as_action(value: str) -> Action:
    if value not in ACTIONS:
        raise InvalidRule(f"action must be one of {', '.join(ACTIONS)}, got {value!r}")
    return value


def decide(matches: Sequence[Match], rules: Sequence[StoredRule], default: Action) -> Decision:
    """The action for content with these matches (pure; see the module docstring)."""
    if not matches:
        return Decision("allow")
    if allowlisted(matches):
        allow = [m for m in matches if m.bank_kind == "allow"]
        return Decision(
            "allow",
            [
                {"entry": m.entry, "bank": m.bank, "action": "allow", "rule": "allowlist"}
                for m in allow
            ],
        )
    action: Action = "allow"
    reasons: list[dict[str, Any]] = []
    for m in matches:
        applicable = [r for r in rules if r.applies_to(m)]
        if applicable:
            best = max(applicable, key=lambda r: (r.specificity, SEVERITY[r.action]))
            chosen, why = best.action, best.id
        else:
            chosen, why = default, None
        reasons.append({"entry": m.entry, "bank": m.bank, "action": chosen, "rule": why})
        if SEVERITY[chosen] > SEVERITY[action]:
            action = chosen
    return Decision(action, reasons)


# --- stored rules ------------------------------------------------------------------------


def _spec(row: Rule) -> StoredRule:
    return StoredRule(as_action(row.action), row.bank, row.category, row.id, row.note)


def load_rules(session: Session) -> list[StoredRule]:
    return [_spec(r) for r in session.scalars(select(Rule).order_by(Rule.id))]


def add_rule(
    session: Session,
    *,
    action: str,
    actor: str,
    bank: str | None = None,
    category: str | None = None,
    note: str = "",
    allow_missing: bool = False,
) -> StoredRule:
    """Store a rule. One rule per (bank, category): adding it again changes its action.
    A rule naming a bank that does not exist is refused (``BankNotFound``: a typo would
    leave the operator believing matches are acted on) unless ``allow_missing``."""
    chosen = as_action(action)
    missing = bank is not None and not allow_missing
    if missing and session.scalar(select(Bank.id).where(Bank.name == bank)) is None:
        raise BankNotFound(
            f"no bank named {bank!r}: the rule would never apply (create the bank "
            "first, or set the rule with --allow-missing / allow_missing for a bank "
            "still to come)"
        )
    existing = session.scalar(
        select(Rule).where(
            Rule.bank.is_(None) if bank is None else Rule.bank == bank,
            Rule.category.is_(None) if category is None else Rule.category == category,
        )
    )
    if existing is None:
        existing = Rule(bank=bank, category=category, action=chosen, note=note, created_by=actor)
        session.add(existing)
    else:
        existing.action, existing.note = chosen, note
    session.flush()
    audit.record(
        session,
        actor,
        "rule.set",
        f"rule:{existing.id}",
        {"bank": bank, "category": category, "action": chosen},
    )
    return _spec(existing)


def delete_rule(session: Session, rule_id: int, *, actor: str) -> StoredRule:
    row = session.get(Rule, rule_id)
    if row is None:
        raise RuleNotFound(f"no rule {rule_id}")
    spec = _spec(row)
    session.delete(row)
    session.flush()
    audit.record(session, actor, "rule.delete", f"rule:{rule_id}", spec.to_json())
    return spec

"""Actions: what a deployment does with content that matched, decided by rules.

A rule maps a bank and/or a category to ``allow``, ``review``, ``block`` or ``report``
(a null bank or category matches any). For each match, the most specific rule applies
(bank and category > bank > category > catch-all), and without one the deployment's
default action. The content's action is the most severe over its matches
(allow < review < block < report). A match in an allowlist bank overrides everything:
the content is allowed. ``review`` and ``report`` open a case (``safeguard.review.check``
carries the decision out).

How a match was found can narrow a rule: ``variants`` (the kinds of a match's ``variant``
the rule applies to: ``exact``, ``trimmed``, ``deskewed``, ``dihedral``, ``region``,
``local``, or ``derived`` for the first three derived ones) and ``min_inliers`` (the rule
applies only to matches verified by local features with at least that many inliers). A
rule with such conditions is more specific than the same bank/category rule without.

A safe default for what local features alone accepted (they also find two photos of the
same printed picture): a ``block`` or ``report`` for a match found by the local-feature
shortlist (variant ``local``) or for a near miss beyond the bank's threshold that
verification accepted (variant ``near``, ``<variant>+near``) is lowered to ``review``
unless the rule that gave it names that kind in its ``variants`` (an explicit opt-in); the
deployment's default action is lowered the same way. The reason then says
``lowered_from``, and ``Decision.lowered_from`` is the action the content would have had.

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
#: The kinds a rule's ``variants`` may name (``Match.variant`` is made of these parts).
VARIANT_KINDS: tuple[str, ...] = (
    "exact",
    "trimmed",
    "deskewed",
    "dihedral",
    "region",
    "local",
    "near",
)
#: Names that stand for several kinds.
VARIANT_GROUPS: dict[str, frozenset[str]] = {
    "derived": frozenset({"trimmed", "deskewed", "dihedral"}),
}
#: The kinds whose automatic block/report a rule must opt into by naming them.
OPT_IN_KINDS: frozenset[str] = frozenset({"local", "near"})
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
    #: The variant kinds (and groups) this rule applies to, as given; None: any.
    variants: tuple[str, ...] | None = None
    #: Applies only to matches verified with at least this many inliers; None: any.
    min_inliers: int | None = None

    def applies_to(self, m: Match) -> bool:
        if not (
            (self.bank is None or self.bank == m.bank)
            and (self.category is None or self.category == m.category)
        ):
            return False
        if self.variants is not None and not variant_kinds(m.variant) <= expand_kinds(
            self.variants
        ):
            return False
        return self.min_inliers is None or (m.inliers is not None and m.inliers >= self.min_inliers)

    @property
    def specificity(self) -> tuple[int, int]:
        """Bank and category first (bank+category > bank > category > catch-all), then how
        many conditions on how the match was found."""
        where = (2 if self.bank is not None else 0) + (1 if self.category is not None else 0)
        how = (self.variants is not None) + (self.min_inliers is not None)
        return where, how

    def opts_into(self, kind: str) -> bool:
        """Whether the rule names ``kind`` in its variants (an explicit opt-in)."""
        return self.variants is not None and kind in expand_kinds(self.variants)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "bank": self.bank,
            "category": self.category,
            "variants": list(self.variants) if self.variants is not None else None,
            "min_inliers": self.min_inliers,
            "action": self.action,
            "note": self.note,
        }


def variant_kinds(variant: str) -> frozenset[str]:
    """The kinds of a match's ``variant``: ``trimmed:caption+region:3`` is
    ``{trimmed, region}``, ``dihedral:rot90`` is ``{dihedral}``, ``local`` is ``{local}``."""
    return frozenset(part.split(":", 1)[0] for part in variant.split("+") if part)


def expand_kinds(names: Sequence[str]) -> frozenset[str]:
    out: set[str] = set()
    for n in names:
        out |= VARIANT_GROUPS.get(n, frozenset({n}))
    return frozenset(out)


def as_variants(names: Sequence[str] | str | None) -> tuple[str, ...] | None:
    """A rule's ``variants`` checked and normalised (sorted, no repeats); a string may be
    comma-separated. None or nothing named: any variant. An unknown name is
    ``InvalidRule``."""
    if names is None:
        return None
    if isinstance(names, str):
        names = names.split(",")
    cleaned = sorted({n.strip().lower() for n in names if n.strip()})
    if not cleaned:
        return None
    known = (*VARIANT_KINDS, *VARIANT_GROUPS)
    unknown = [n for n in cleaned if n not in known]
    if unknown:
        raise InvalidRule(
            f"unknown variant {', '.join(repr(n) for n in unknown)}: "
            f"variants must be among {', '.join(known)}"
        )
    return tuple(cleaned)


def as_min_inliers(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100_000:
        raise InvalidRule(f"min_inliers must be a whole number from 1 to 100000, got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class Decision:
    """The action for one piece of content and why: per match, the rule that applied."""

    action: Action
    reasons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def opens_case(self) -> bool:
        return self.action in OPENS_CASE

    @property
    def lowered_from(self) -> Action | None:
        """The action the content would have had had no match been lowered to review by
        the safe default (``local``, ``near``), when that is more severe; else None."""
        worst: Action | None = None
        for r in self.reasons:
            was = r.get("lowered_from")
            if was in SEVERITY and (worst is None or SEVERITY[was] > SEVERITY[worst]):
                worst = was
        if worst is None or SEVERITY[worst] <= SEVERITY[self.action]:
            return None
        return worst


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
        best = (
            max(applicable, key=lambda r: (r.specificity, SEVERITY[r.action]))
            if applicable
            else None
        )
        chosen: Action = best.action if best is not None else default
        why = best.id if best is not None else None
        reason: dict[str, Any] = {"entry": m.entry, "bank": m.bank, "action": chosen, "rule": why}
        unnamed = [
            k
            for k in sorted(OPT_IN_KINDS & variant_kinds(m.variant))
            if not (best is not None and best.opts_into(k))
        ]
        if SEVERITY[chosen] > SEVERITY["review"] and unnamed:
            # Accepted by local features alone: a person looks before anything automatic.
            reason["lowered_from"], reason["action"] = chosen, "review"
            reason["lowered_for"] = unnamed
            chosen = "review"
        reasons.append(reason)
        if SEVERITY[chosen] > SEVERITY[action]:
            action = chosen
    return Decision(action, reasons)


# --- stored rules ------------------------------------------------------------------------


def _spec(row: Rule) -> StoredRule:
    return StoredRule(
        as_action(row.action),
        row.bank,
        row.category,
        row.id,
        row.note,
        as_variants(row.variants),
        row.min_inliers,
    )


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
    variants: Sequence[str] | str | None = None,
    min_inliers: int | None = None,
) -> StoredRule:
    """Store a rule. One rule per (bank, category, variants, min_inliers): adding it again
    changes its action. A rule naming a bank that does not exist is refused
    (``BankNotFound``: a typo would leave the operator believing matches are acted on)
    unless ``allow_missing``; an unknown variant name is ``InvalidRule``."""
    chosen = as_action(action)
    kinds = as_variants(variants)
    stored_kinds = ",".join(kinds) if kinds is not None else None
    inliers = as_min_inliers(min_inliers)
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
            Rule.variants.is_(None) if stored_kinds is None else Rule.variants == stored_kinds,
            Rule.min_inliers.is_(None) if inliers is None else Rule.min_inliers == inliers,
        )
    )
    if existing is None:
        existing = Rule(
            bank=bank,
            category=category,
            variants=stored_kinds,
            min_inliers=inliers,
            action=chosen,
            note=note,
            created_by=actor,
        )
        session.add(existing)
    else:
        existing.action, existing.note = chosen, note
    session.flush()
    audit.record(
        session,
        actor,
        "rule.set",
        f"rule:{existing.id}",
        {
            "bank": bank,
            "category": category,
            "variants": list(kinds) if kinds is not None else None,
            "min_inliers": inliers,
            "action": chosen,
        },
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

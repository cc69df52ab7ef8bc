"""Banks: named hash lists with provenance, a category, a match threshold, a kind (block or
allow) and an enabled flag. Creating, reading, changing and deleting them; every change is
audited and written to the index change log so every matcher catches up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.errors import Conflict, InvalidInput, NotFound, SafeguardError
from safeguard.store.models import Bank, Entry, IndexChange

BankKind = Literal["block", "allow"]
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")


class BankError(SafeguardError):
    code = "bank_error"


class BankNotFound(BankError, NotFound):
    code = "bank_not_found"


class BankExists(BankError, Conflict):
    code = "bank_exists"


class InvalidBank(BankError, InvalidInput):
    code = "invalid_bank"


@dataclass(frozen=True, slots=True)
class BankSpec:
    name: str
    description: str = ""
    source: str = ""
    licence: str = ""
    category: str | None = None
    kind: BankKind = "block"
    pdq_threshold: int = 31
    enabled: bool = True

    def validate(self) -> None:
        if not _NAME.match(self.name):
            raise InvalidBank(
                f"bank name {self.name!r}: letters, digits and _.:- only, 1-200 characters, "
                "starting with a letter or digit"
            )
        if self.kind not in ("block", "allow"):
            raise InvalidBank(f"bank kind must be block or allow, got {self.kind!r}")
        if not 0 <= self.pdq_threshold <= 64:
            raise InvalidBank(f"PDQ threshold must be 0..64, got {self.pdq_threshold}")


@dataclass(frozen=True, slots=True)
class BankSummary:
    id: int
    name: str
    kind: str
    category: str | None
    enabled: bool
    pdq_threshold: int
    description: str
    source: str
    licence: str
    created_at: datetime
    entries: dict[str, int] = field(default_factory=dict)
    disabled_entries: int = 0
    #: Region rows (PDQ of crops of pictures added from media): part of their entries,
    #: not entries of their own, so counted apart.
    region_hashes: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "category": self.category,
            "enabled": self.enabled,
            "pdq_threshold": self.pdq_threshold,
            "description": self.description,
            "source": self.source,
            "licence": self.licence,
            "created_at": self.created_at.isoformat(),
            "entries": self.entries,
            "disabled_entries": self.disabled_entries,
            "region_hashes": self.region_hashes,
        }


def create_bank(session: Session, spec: BankSpec, actor: str) -> Bank:
    spec.validate()
    if session.scalar(select(Bank.id).where(Bank.name == spec.name)) is not None:
        raise BankExists(f"a bank named {spec.name!r} already exists")
    bank = Bank(
        name=spec.name,
        description=spec.description,
        source=spec.source,
        licence=spec.licence,
        category=spec.category,
        kind=spec.kind,
        pdq_threshold=spec.pdq_threshold,
        enabled=spec.enabled,
    )
    session.add(bank)
    session.flush()
    audit.record(
        session, actor, "bank.create", spec.name, {"kind": spec.kind, "source": spec.source}
    )
    return bank


def get_bank(session: Session, name: str) -> Bank:
    bank = session.scalar(select(Bank).where(Bank.name == name))
    if bank is None:
        raise BankNotFound(f"no bank named {name!r}")
    return bank


def summarize(session: Session, bank: Bank) -> BankSummary:
    counts = session.execute(
        select(Entry.signal_type, func.count())
        .where(Entry.bank_id == bank.id, Entry.disabled.is_(False), Entry.parent_id.is_(None))
        .group_by(Entry.signal_type)
    ).all()
    disabled = session.scalar(
        select(func.count()).where(
            Entry.bank_id == bank.id, Entry.disabled.is_(True), Entry.parent_id.is_(None)
        )
    )
    regions = session.scalar(
        select(func.count()).where(Entry.bank_id == bank.id, Entry.parent_id.is_not(None))
    )
    return BankSummary(
        id=bank.id,
        name=bank.name,
        kind=bank.kind,
        category=bank.category,
        enabled=bank.enabled,
        pdq_threshold=bank.pdq_threshold,
        description=bank.description,
        source=bank.source,
        licence=bank.licence,
        created_at=bank.created_at,
        entries={t: int(n) for t, n in counts},
        disabled_entries=int(disabled or 0),
        region_hashes=int(regions or 0),
    )


def list_banks(session: Session) -> list[BankSummary]:
    banks = session.scalars(select(Bank).order_by(Bank.name)).all()
    return [summarize(session, b) for b in banks]


def set_bank_enabled(session: Session, name: str, enabled: bool, actor: str) -> Bank:
    bank = get_bank(session, name)
    if bank.enabled != enabled:
        bank.enabled = enabled
        session.add(IndexChange(op="bank_enabled" if enabled else "bank_disabled", bank_id=bank.id))
        audit.record(session, actor, "bank.enable" if enabled else "bank.disable", name)
    return bank


def delete_bank(session: Session, name: str, actor: str) -> int:
    bank = get_bank(session, name)
    n = session.scalar(select(func.count()).where(Entry.bank_id == bank.id)) or 0
    session.execute(delete(Entry).where(Entry.bank_id == bank.id))
    session.delete(bank)
    session.add(IndexChange(op="bank_deleted", bank_id=bank.id))
    audit.record(session, actor, "bank.delete", name, {"entries": int(n)})
    return int(n)


def update_bank(session: Session, name: str, actor: str, **changes: object) -> Bank:
    """Change a bank's descriptive fields or threshold (not its name)."""
    bank = get_bank(session, name)
    allowed = {"description", "source", "licence", "category", "pdq_threshold", "kind"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidBank(f"cannot change {', '.join(sorted(unknown))}")
    spec = BankSpec(
        name=bank.name,
        **{k: changes.get(k, getattr(bank, k)) for k in sorted(allowed)},  # type: ignore[arg-type]
    )
    spec.validate()
    session.execute(update(Bank).where(Bank.id == bank.id).values(**changes))
    session.add(IndexChange(op="bank_changed", bank_id=bank.id))
    audit.record(session, actor, "bank.update", name, {k: str(v) for k, v in changes.items()})
    session.refresh(bank)
    return bank

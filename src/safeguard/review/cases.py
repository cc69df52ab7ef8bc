"""Cases: the human review queue. Opened by the ``review`` and ``report`` actions (and by
other detectors: chat, streams), decided by a reviewer.

A case keeps its evidence as a JSON dict: the content's ``signals``, its ``matches`` and
each matched bank's provenance (source, licence, category) as it was when the case was
opened. Decisions:

- ``confirm``: the content is what the match said; its signals are added to a block bank
  (the reviewer chooses it), so copies are matched directly from now on.
- ``false_positive``: the match was wrong; the matched entries are disabled, or, given an
  allowlist bank, the content's signals are added there (the entries stay for other
  content).
- ``escalate``: needs someone else (a senior reviewer, a report to the authorities); the
  case stays decidable and a ``case.reported`` webhook is sent.

Opening and every decision are audited and send a webhook (``case.opened``,
``case.decided``) through the outbox, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks.entries import NewEntry, add_entries, add_regions, disable_entries_by_id
from safeguard.banks.lists import get_bank
from safeguard.banks.media import regions_of_media
from safeguard.errors import Conflict, InvalidInput, NotFound, SafeguardError
from safeguard.matching.matcher import Match
from safeguard.review import webhooks
from safeguard.signals.types import SIGNAL_NAMES
from safeguard.store.models import Bank, Case

STATUSES = ("open", "confirmed", "false_positive", "escalated")
DECISIONS = ("confirm", "false_positive", "escalate")
_STATUS_OF = {"confirm": "confirmed", "false_positive": "false_positive", "escalate": "escalated"}
#: Signal types a decision can add to a bank.
BANKABLE = SIGNAL_NAMES
#: Called with (session, case) in the deciding transaction after every decision; a higher
#: layer adds its own (``exchange.opinions.install``: opinions back to list publishers).
DECISION_LISTENERS: list[Callable[[Session, Case], object]] = []


class CaseError(SafeguardError):
    code = "case_error"


class CaseNotFound(CaseError, NotFound):
    code = "case_not_found"


class InvalidDecision(CaseError, InvalidInput):
    code = "invalid_decision"


class CaseClosed(CaseError, Conflict):
    """A confirmed or false-positive case is final."""

    code = "case_closed"


def _provenance(bank: Bank) -> dict[str, Any]:
    return {
        "kind": bank.kind,
        "category": bank.category,
        "source": bank.source,
        "licence": bank.licence,
        "description": bank.description,
    }


def open_case(
    session: Session,
    *,
    source: str,
    action: str,
    summary: str,
    evidence: dict[str, Any],
    matches: list[Match] | None = None,
    actor: str,
) -> Case:
    """Put content in the review queue. ``matches`` (if any) are stored in the evidence
    with their banks' provenance."""
    ev = dict(evidence)
    if matches:
        ev["matches"] = [*ev.get("matches", []), *(m.to_json() for m in matches)]
        names = sorted({m.bank for m in matches})
        banks = session.scalars(select(Bank).where(Bank.name.in_(names))).all()
        ev["banks"] = {**ev.get("banks", {}), **{b.name: _provenance(b) for b in banks}}
    case = Case(
        status="open",
        action=action,
        source=source[:200],
        summary=summary,
        evidence=ev,
        created_by=actor,
        has_media=False,
    )
    session.add(case)
    session.flush()
    audit.record(
        session,
        actor,
        "case.open",
        f"case:{case.id}",
        {"action": action, "source": case.source, "matches": len(ev.get("matches", []))},
    )
    webhooks.enqueue(session, "case.opened", case_json(case, evidence=False))
    return case


def get_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case {case_id}")
    return case


def list_cases(
    session: Session, *, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[Case]:
    """The queue (``status="open"``): ``terminate`` then ``report`` cases first, each oldest
    first, then the rest oldest first; other statuses newest first."""
    if status is not None and status not in STATUSES:
        raise CaseError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
    q = select(Case)
    if status is not None:
        q = q.where(Case.status == status)
    if status == "open":
        # What must happen now first: a stream to end, content to report; then oldest.
        urgency = sql_case((Case.action == "terminate", 0), (Case.action == "report", 1), else_=2)
        q = q.order_by(urgency, Case.id)
    else:
        q = q.order_by(Case.id.desc())
    return list(session.scalars(q.limit(max(0, min(limit, 1000))).offset(max(0, offset))))


def count_cases(session: Session, *, status: str | None = None) -> int:
    q = select(func.count()).select_from(Case)
    if status is not None:
        q = q.where(Case.status == status)
    return int(session.scalar(q) or 0)


def case_signals(case: Case) -> list[NewEntry]:
    """The content's bankable signals, from the evidence (``signals`` dict)."""
    signals = case.evidence.get("signals") or {}
    out = []
    for t in BANKABLE:
        value = signals.get(t)
        if isinstance(value, str) and value:
            out.append(NewEntry(t, value, note=f"case {case.id}"))
    for frame in signals.get("vpdq") or []:
        if isinstance(frame, dict) and isinstance(frame.get("pdq"), str):
            out.append(
                NewEntry("pdq", frame["pdq"], note=f"case {case.id} frame {frame.get('frame')}")
            )
    return out


def decide_case(
    session: Session,
    case_id: int,
    *,
    decision: str,
    actor: str,
    bank: str | None = None,
    note: str | None = None,
    media: bytes | None = None,
) -> Case:
    """Record a reviewer's decision and carry it out (see the module docstring).

    ``media``: the case's picture, when the deployment kept it; a confirmed picture then
    also gets its region rows in the bank (``signals.regions``), so cropped copies match."""
    if decision not in DECISIONS:
        raise InvalidDecision(f"decision must be one of {', '.join(DECISIONS)}, got {decision!r}")
    case = get_case(session, case_id)
    if case.status in ("confirmed", "false_positive"):
        raise CaseClosed(f"case {case_id} was already decided ({case.status})")
    details: dict[str, Any] = {"decision": decision, "bank": bank}
    if decision == "confirm":
        signals = case_signals(case)
        if bank is None and signals:
            raise InvalidDecision("confirm needs the block bank to add the content's signals to")
        if bank is not None:
            target = _bank_of_kind(session, bank, "block")
            details["added"] = add_entries(session, target.name, signals, actor=actor)
            pdq = (case.evidence.get("signals") or {}).get("pdq")
            if media is not None and isinstance(pdq, str):
                details["regions"] = add_regions(session, target.name, pdq, regions_of_media(media))
    elif decision == "false_positive":
        if bank is not None:
            target = _bank_of_kind(session, bank, "allow")
            details["added"] = add_entries(session, target.name, case_signals(case), actor=actor)
        else:
            details["disabled"] = _disable_matched(session, case)
    elif bank is not None:
        raise InvalidDecision("escalate takes no bank")
    case.status = _STATUS_OF[decision]
    case.decision = decision
    case.decided_at = datetime.now(UTC)
    case.decided_by = actor
    case.decision_note = note
    case.decision_bank = bank
    session.flush()
    audit.record(session, actor, "case.decide", f"case:{case.id}", details | {"note": note})
    for listener in DECISION_LISTENERS:
        listener(session, case)
    payload = case_json(case, evidence=False)
    webhooks.enqueue(session, "case.decided", payload)
    if decision == "escalate":
        webhooks.enqueue(session, "case.reported", payload)
    return case


def _bank_of_kind(session: Session, name: str, kind: str) -> Bank:
    target = get_bank(session, name)
    if target.kind != kind:
        raise InvalidDecision(f"bank {name!r} is a {target.kind} bank; this needs a {kind} bank")
    return target


def _disable_matched(session: Session, case: Case) -> int:
    return disable_entries_by_id(
        session,
        (
            int(m["entry"])
            for m in case.evidence.get("matches", [])
            if m.get("bank_kind") != "allow"
        ),
    )


def _iso(at: datetime | None) -> str | None:
    if at is None:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).isoformat()


def case_json(case: Case, *, evidence: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": case.id,
        "status": case.status,
        "action": case.action,
        "source": case.source,
        "summary": case.summary,
        "created_at": _iso(case.created_at),
        "decision": case.decision,
        "decided_at": _iso(case.decided_at),
        "decided_by": case.decided_by,
        "decision_note": case.decision_note,
        "decision_bank": case.decision_bank,
        "has_media": case.has_media,
    }
    if evidence:
        out["evidence"] = case.evidence
    return out

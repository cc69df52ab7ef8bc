"""Cases: opening with provenance, the queue, and each decision's effect on the banks and the
index (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from safeguard import audit
from safeguard.banks import BankSpec, NewEntry, add_entries, create_bank
from safeguard.matching.matcher import Matcher
from safeguard.review import cases
from safeguard.review.webhooks import add_endpoint
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, WebhookDelivery

PDQ = "a5" * 32
MD5 = "c" * 32


def _banks(db: Database) -> None:
    with db.session() as s:
        create_bank(s, BankSpec("known", source="a hotline", licence="MoU", category="cat"), "t")
        create_bank(s, BankSpec("confirmed"), "t")
        create_bank(s, BankSpec("fp", kind="allow"), "t")
        add_entries(s, "known", [NewEntry("pdq", PDQ)], actor="t")


def _open(db: Database, matcher: Matcher) -> int:
    matches = matcher.match_value("pdq", PDQ)
    with db.session() as s:
        case = cases.open_case(
            s,
            source="upload",
            action="review",
            summary="one match",
            evidence={"signals": {"pdq": PDQ, "md5": MD5}},
            matches=matches,
            actor="key:test",
        )
        return case.id


@pytest.fixture
def matcher(db: Database) -> Matcher:
    _banks(db)
    return Matcher.open(db)


def test_a_case_keeps_its_matches_with_the_banks_provenance(db: Database, matcher: Matcher) -> None:
    case_id = _open(db, matcher)
    with db.session() as s:
        case = cases.get_case(s, case_id)
        assert case.status == "open"
        assert [m["bank"] for m in case.evidence["matches"]] == ["known"]
        assert case.evidence["banks"]["known"] == {
            "kind": "block",
            "category": "cat",
            "source": "a hotline",
            "licence": "MoU",
            "description": "",
        }


def test_opening_a_case_is_audited_and_sends_a_webhook(db: Database, matcher: Matcher) -> None:
    with db.session() as s:
        add_endpoint(s, url="http://127.0.0.1:9/", actor="t", events="case.opened")
    case_id = _open(db, matcher)
    with db.session() as s:
        assert s.scalars(
            select(AuditEvent.action).where(AuditEvent.subject == f"case:{case_id}")
        ).all() == ["case.open"]
        (delivery,) = s.scalars(select(WebhookDelivery)).all()
    assert json.loads(delivery.payload)["data"]["id"] == case_id


def test_the_open_queue_is_oldest_first(db: Database, matcher: Matcher) -> None:
    first, second = _open(db, matcher), _open(db, matcher)
    with db.session() as s:
        assert [c.id for c in cases.list_cases(s, status="open")] == [first, second]
        assert [c.id for c in cases.list_cases(s)] == [second, first]


def test_confirm_adds_the_signals_to_the_chosen_block_bank(db: Database, matcher: Matcher) -> None:
    case_id = _open(db, matcher)
    with db.session() as s:
        cases.decide_case(s, case_id, decision="confirm", actor="reviewer", bank="confirmed")
    matcher.refresh()
    assert {m.bank for m in matcher.match_value("md5", MD5)} == {"confirmed"}
    with db.session() as s:
        case = cases.get_case(s, case_id)
        assert (case.status, case.decided_by, case.decision_bank) == (
            "confirmed",
            "reviewer",
            "confirmed",
        )


@pytest.mark.parametrize(
    ("decision", "bank"),
    [("confirm", None), ("confirm", "fp"), ("false_positive", "confirmed"), ("escalate", "fp")],
    ids=["confirm without bank", "confirm into allowlist", "fp into block bank", "escalate+bank"],
)
def test_a_decision_with_the_wrong_bank_is_refused_and_changes_nothing(
    db: Database, matcher: Matcher, decision: str, bank: str | None
) -> None:
    case_id = _open(db, matcher)
    with pytest.raises(cases.InvalidDecision), db.session() as s:
        cases.decide_case(s, case_id, decision=decision, actor="r", bank=bank)
    with db.session() as s:
        assert cases.get_case(s, case_id).status == "open"


def test_false_positive_disables_the_matched_entries(db: Database, matcher: Matcher) -> None:
    case_id = _open(db, matcher)
    with db.session() as s:
        cases.decide_case(s, case_id, decision="false_positive", actor="r")
    matcher.refresh()
    assert matcher.match_value("pdq", PDQ) == []


def test_false_positive_into_an_allowlist_keeps_the_entries(db: Database, matcher: Matcher) -> None:
    case_id = _open(db, matcher)
    with db.session() as s:
        cases.decide_case(s, case_id, decision="false_positive", actor="r", bank="fp")
    matcher.refresh()
    assert {m.bank for m in matcher.match_value("pdq", PDQ)} == {"known", "fp"}


def test_escalate_reports_and_leaves_the_case_decidable(db: Database, matcher: Matcher) -> None:
    with db.session() as s:
        add_endpoint(s, url="http://127.0.0.1:9/", actor="t")
    case_id = _open(db, matcher)
    with db.session() as s:
        cases.decide_case(s, case_id, decision="escalate", actor="r", note="needs a lead")
    with db.session() as s:
        events = s.scalars(select(WebhookDelivery.event).order_by(WebhookDelivery.id)).all()
        assert events == ["case.opened", "case.decided", "case.reported"]
        cases.decide_case(s, case_id, decision="confirm", actor="lead", bank="confirmed")
        assert cases.get_case(s, case_id).status == "confirmed"


def test_a_final_decision_cannot_be_changed(db: Database, matcher: Matcher) -> None:
    case_id = _open(db, matcher)
    with db.session() as s:
        cases.decide_case(s, case_id, decision="false_positive", actor="r")
    with pytest.raises(cases.CaseClosed), db.session() as s:
        cases.decide_case(s, case_id, decision="confirm", actor="r", bank="confirmed")


def test_every_decision_is_audited_and_the_chain_verifies(db: Database, matcher: Matcher) -> None:
    case_id = _open(db, matcher)
    with db.session() as s:
        cases.decide_case(s, case_id, decision="escalate", actor="r1")
        cases.decide_case(s, case_id, decision="confirm", actor="r2", bank="confirmed")
    with db.session() as s:
        decided = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject == f"case:{case_id}", AuditEvent.action == "case.decide")
            .order_by(AuditEvent.id)
        ).all()
        assert [(e.actor, json.loads(e.details)["decision"]) for e in decided] == [
            ("r1", "escalate"),
            ("r2", "confirm"),
        ]
        assert audit.verify(s).ok


def test_an_unknown_case_is_case_not_found(db: Database) -> None:
    with pytest.raises(cases.CaseNotFound), db.session() as s:
        cases.get_case(s, 12345)

"""CyberTipline reports from decided cases, against a local stand-in of NCMEC's Reporting
API that checks every request's shape: never sent undecided, media only when kept, a
refusal retracts and is recorded, the report id stored with the case and audited."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from safeguard.exchange import cybertip
from safeguard.review import cases
from safeguard.review.evidence import EvidenceSettings, EvidenceStore, generate_key
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, CyberTipReport
from tests.exchange.cybertip_standin import StandIn
from tests.media_factory import jpeg

REPORTER = cybertip.Reporter("Rita", "Reviewer", "trust-safety@platform.example")
INCIDENT = "Child Pornography (possession, manufacture, and distribution)"
MD5 = "0123456789abcdef0123456789abcdef"
SHA1 = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def standin() -> Iterator[StandIn]:
    s = StandIn().start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def client(standin: StandIn) -> Iterator[cybertip.CyberTipClient]:
    c = cybertip.CyberTipClient(standin.url, standin.username, standin.password)
    try:
        yield c
    finally:
        c.close()


def _case(db: Database, decision: str | None = "escalate") -> int:
    with db.session() as s:
        case = cases.open_case(
            s,
            source="upload",
            action="report",
            summary="matched a hotline list",
            evidence={
                "signals": {"md5": MD5, "sha1": SHA1, "pdq": "f" * 64},
                "matches": [
                    {
                        "bank": "hotline",
                        "bank_kind": "block",
                        "entry": 999,
                        "signal": "md5",
                        "category": "A1",
                        "distance": 0,
                    }
                ],
            },
            actor="test",
        )
        case_id = case.id
    if decision:
        with db.session() as s:
            cases.decide_case(s, case_id, decision=decision, actor="reviewer:rita")
    return case_id


def test_a_decided_case_is_reported_and_its_report_id_kept(
    db: Database, standin: StandIn, client: cybertip.CyberTipClient
) -> None:
    case_id = _case(db)
    assert client.status().code == 0
    row = cybertip.report_case(
        db, case_id, client, reporter=REPORTER, incident_type=INCIDENT, actor="reviewer:rita"
    )
    assert standin.violations == []
    assert standin.requests == [("GET", "/status"), ("POST", "/submit"), ("POST", "/finish")]
    assert row.report_id == "1000001" and row.status == "finished"
    assert standin.reports["1000001"].state == "finished"
    sent = ET.fromstring(standin.reports["1000001"].xml)
    info = [e.text or "" for e in sent.findall("additionalInfo")]
    assert f"File MD5: {MD5}" in info and f"File SHA-1: {SHA1}" in info
    assert sent.findtext("reporter/reportingPerson/email") == REPORTER.email
    with db.session() as s:
        assert [r.report_id for r in cybertip.session_reports(s, case_id)] == ["1000001"]
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "cybertip.report")).all()
        assert [e.subject for e in events] == [f"case:{case_id}"]


def test_kept_media_is_uploaded_with_its_file_details(
    db: Database, standin: StandIn, client: cybertip.CyberTipClient
) -> None:
    store = EvidenceStore(EvidenceSettings(enabled=True, key=generate_key()))
    picture = jpeg(64, 48)
    case_id = _case(db, decision=None)
    with db.session() as s:
        store.save(s, case_id, picture, filename="upload.jpg", content_type="image/jpeg")
    with db.session() as s:
        cases.decide_case(s, case_id, decision="escalate", actor="reviewer:rita")
    row = cybertip.report_case(
        db,
        case_id,
        client,
        reporter=REPORTER,
        incident_type=INCIDENT,
        classification="A2",
        evidence=store,
        actor="reviewer:rita",
    )
    assert standin.violations == []
    assert [p for _, p in standin.requests] == ["/submit", "/upload", "/fileinfo", "/finish"]
    ((file_id, stored),) = standin.reports[row.report_id or ""].files.items()
    assert stored["bytes"] == picture and row.file_ids == [file_id]
    details = ET.fromstring(stored["details"])
    assert details.findtext("industryClassification") == "A2"
    assert details.find("originalFileHash[@hashType='MD5']").text == MD5  # type: ignore[union-attr]


def test_no_media_leaves_when_the_deployment_keeps_none(
    db: Database, standin: StandIn, client: cybertip.CyberTipClient
) -> None:
    case_id = _case(db)
    off = EvidenceStore(EvidenceSettings(enabled=False))
    cybertip.report_case(
        db, case_id, client, reporter=REPORTER, incident_type=INCIDENT, evidence=off, actor="r"
    )
    assert ("POST", "/upload") not in standin.requests


@pytest.mark.parametrize("decision", [None, "false_positive"])
def test_a_case_no_reviewer_confirmed_or_escalated_is_never_sent(
    db: Database, standin: StandIn, client: cybertip.CyberTipClient, decision: str | None
) -> None:
    case_id = _case(db, decision=decision)
    with pytest.raises(cybertip.NotDecided):
        cybertip.report_case(
            db, case_id, client, reporter=REPORTER, incident_type=INCIDENT, actor="r"
        )
    assert standin.requests == []


def test_a_refusal_retracts_the_open_report_and_is_recorded(
    db: Database, standin: StandIn, client: cybertip.CyberTipClient
) -> None:
    standin.fail_path = "/finish"
    case_id = _case(db)
    with pytest.raises(cybertip.CyberTipRefused, match="1000"):
        cybertip.report_case(
            db, case_id, client, reporter=REPORTER, incident_type=INCIDENT, actor="r"
        )
    assert [p for _, p in standin.requests] == ["/submit", "/finish", "/retract"]
    assert standin.reports["1000001"].state == "retracted"
    with db.session() as s:
        (row,) = s.scalars(select(CyberTipReport)).all()
        assert (row.status, row.report_id) == ("failed", "1000001")
        assert row.error is not None and "1000" in row.error


def test_wrong_credentials_are_refused(standin: StandIn) -> None:
    bad = cybertip.CyberTipClient(standin.url, standin.username, "wrong")
    try:
        with pytest.raises(cybertip.CyberTipRefused, match="2000"):
            bad.status()
    finally:
        bad.close()


def test_the_stand_in_refuses_a_malformed_report(client: cybertip.CyberTipClient) -> None:
    with pytest.raises(cybertip.CyberTipRefused, match="4110"):
        client.submit(b"<report><incidentSummary>")


def test_report_documents_are_validated_before_they_leave() -> None:
    draft = cybertip.ReportDraft(INCIDENT, datetime(2026, 12, 1, tzinfo=UTC), REPORTER)
    document = cybertip.report_xml(draft)
    cybertip.validate_report(document)
    with pytest.raises(cybertip.InvalidReport, match="incidentType"):
        cybertip.report_xml(cybertip.ReportDraft("Something else", draft.incident_at, REPORTER))
    swapped = b"<report><reporter/><incidentSummary/></report>"
    with pytest.raises(cybertip.InvalidReport, match="order"):
        cybertip.validate_report(swapped)
    with pytest.raises(cybertip.InvalidReport, match="industryClassification"):
        cybertip.file_details_xml("1", "f", cybertip.FileHashes(industry_classification="C9"))


def test_the_cli_reports_a_decided_case(
    tmp_path: Path, standin: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from safeguard.cli.app import app
    from safeguard.store.db import open_database

    db = open_database(f"sqlite:///{tmp_path / 'cli.db'}")
    try:
        case_id = _case(db)
        monkeypatch.setenv("SAFEGUARD_CYBERTIP_PASSWORD", standin.password)
        result = CliRunner().invoke(
            app,
            [
                "--data-dir", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'cli.db'}",
                "exchange", "cybertip", str(case_id),
                "--reporter-email", REPORTER.email,
                "--reporter-first", REPORTER.first_name,
                "--reporter-last", REPORTER.last_name,
                "--endpoint", standin.url, "--username", standin.username, "--json",
            ],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert '"report_id":"1000001"' in result.stdout
        assert standin.violations == []
        again = CliRunner().invoke(
            app,
            [
                "--data-dir", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'cli.db'}",
                "exchange", "cybertip", str(case_id + 1),
                "--reporter-email", "a@b.example", "--reporter-first", "A",
                "--reporter-last", "B", "--endpoint", standin.url,
            ],
        )  # fmt: skip
        assert again.exit_code == 1
    finally:
        db.dispose()


def test_a_reviewer_reports_a_case_over_the_api(tmp_path: Path, standin: StandIn) -> None:
    from tests.conftest import live_service

    settings = {
        "cybertip_url": standin.url,
        "cybertip_user": standin.username,
        "cybertip_password": standin.password,
    }
    with live_service("sqlite", tmp_path, roles=("reviewer", "matcher"), **settings) as served:
        decided, undecided = _case(served.db), _case(served.db, decision=None)
        body = {
            "reporter": {"first_name": "Rita", "last_name": "Reviewer", "email": REPORTER.email},
            "classification": "B1",
        }
        with served.client("matcher") as c:
            assert (
                c.post("/v1/cybertip/reports", json={**body, "case_id": decided}).status_code == 403
            )
        with served.client("reviewer") as c:
            sent = c.post("/v1/cybertip/reports", json={**body, "case_id": decided})
            refused = c.post("/v1/cybertip/reports", json={**body, "case_id": undecided})
            listed = c.get("/v1/cybertip/reports", params={"case_id": decided}).json()
    assert sent.status_code == 201, sent.text
    assert sent.json()["report_id"] == "1000001"
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "case_not_decided"
    assert [r["report_id"] for r in listed] == ["1000001"]
    assert standin.violations == []

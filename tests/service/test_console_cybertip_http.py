"""The console's CyberTipline report page over HTTP, where reporting is not configured:
who may open it, what an undecided case shows, and that a post sends nothing without
configuration, the declaration, or the CSRF token. (The sending itself, in a browser
against a stand-in: ``test_console_exchange_browser.py``.)"""

from __future__ import annotations

import pytest

from safeguard.review import cases
from tests.service import test_console_http as console_http
from tests.service.test_console_http import (
    ConsoleServer,
    audit_actions,
    csrf_of,
    open_sample_case,
    signed_in,
)

# The console tests' fixtures: one live server per database, cheap argon2 while it runs
# (tests/service/conftest.py).
server = console_http.server
pytestmark = pytest.mark.usefixtures("cheap_argon2")


def test_an_undecided_case_offers_no_report(server: ConsoleServer) -> None:
    sample = open_sample_case(server, media=False)
    client = signed_in(server)
    case_page = client.get(f"/console/cases/{sample.case_id}")
    assert case_page.status_code == 200 and 'id="report-action"' not in case_page.text
    page = client.get(f"/console/cases/{sample.case_id}/report")
    assert page.status_code == 200
    assert "confirmed or escalated" in page.text and 'id="report-form"' not in page.text
    posted = client.post(
        f"/console/cases/{sample.case_id}/report",
        data={
            "csrf_token": csrf_of(page.text),
            "reporter_first": "Rita",
            "reporter_last": "Reviewer",
            "reporter_email": "rita@platform.example",
            "declaration": "yes",
        },
    )
    assert posted.status_code == 415  # not configured here: refused before anything
    assert "cybertip.form" in audit_actions(server, f"case:{sample.case_id}")
    assert "cybertip.report" not in audit_actions(server, f"case:{sample.case_id}")


def test_an_escalated_case_links_to_its_report_page(server: ConsoleServer) -> None:
    sample = open_sample_case(server, media=False)
    with server.db.session() as s:
        cases.decide_case(s, sample.case_id, decision="escalate", actor="console:rita")
    client = signed_in(server)
    case_page = client.get(f"/console/cases/{sample.case_id}")
    assert f'href="/console/cases/{sample.case_id}/report"' in case_page.text
    page = client.get(f"/console/cases/{sample.case_id}/report")
    assert "not configured on this deployment" in page.text
    assert 'id="report-form"' not in page.text
    no_csrf = client.post(f"/console/cases/{sample.case_id}/report", data={"declaration": "yes"})
    assert no_csrf.status_code == 403


def test_a_curator_may_not_open_the_report_page(server: ConsoleServer) -> None:
    sample = open_sample_case(server, media=False)
    client = signed_in(server, "carl")
    assert client.get(f"/console/cases/{sample.case_id}/report").status_code == 403


def test_an_unknown_case_is_not_found(server: ConsoleServer) -> None:
    client = signed_in(server)
    assert client.get("/console/cases/987654/report").status_code == 404

"""The console's sharing and reporting pages in a real browser (Debian's chromium driven by
Playwright) against the real service: a reviewer opens the prefilled NCMEC report of an
escalated case, cannot send it without ticking the declaration, sends it to a CyberTipline
stand-in on loopback and sees NCMEC's report id; an undecided case cannot be reported; the
publisher's bank page shows subscribers' opinion counts per entry."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from safeguard import banks
from safeguard.access import users
from safeguard.exchange import publisher
from safeguard.review import cases
from safeguard.service.testing import serve_process
from safeguard.store.db import open_database
from safeguard.store.models import Entry
from tests.exchange.cybertip_standin import StandIn

playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PASSWORD = "a long benign passphrase"
MD5 = "0123456789abcdef0123456789abcdef"
#: Where to keep screenshots (for looking at the layout); a temp dir when unset.
SHOTS = os.environ.get("SAFEGUARD_SCREENSHOT_DIR")

pytestmark = pytest.mark.slow


@dataclass
class Setup:
    base: str
    standin: StandIn
    escalated: int
    undecided: int
    entries: list[int]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed: apt-get install chromium (make test does)")
    folder = tmp_path_factory.mktemp("exchange-browser")
    url = f"sqlite:///{folder / 'safeguard.db'}"
    standin = StandIn().start()
    db = open_database(url)
    with db.session() as s:
        users.create_user(s, "rita", PASSWORD, "reviewer", actor="test")
        banks.create_bank(s, banks.BankSpec("hotline", source="Test hotline"), actor="test")
        cases.add_entries(
            s,
            "hotline",
            [cases.NewEntry("md5", f"{i:032x}", f"h-{i}") for i in range(1, 4)],
            actor="test",
        )
        entries = [e.id for e in s.query(Entry).order_by(Entry.id)]
        made = []
        for summary in ("escalated test case", "undecided test case"):
            case = cases.open_case(
                s,
                source="test",
                action="review",
                summary=summary,
                evidence={"signals": {"md5": MD5, "pdq": "ab" * 32}},
                actor="test",
            )
            made.append(case.id)
        publisher.publish(s, "hotline", feed="hotline", actor="test")
        feed = publisher.get_feed(s, "hotline")
        for who, opinion in (("org-a", "false_positive"), ("org-b", "false_positive")):
            _info, token = publisher.create_token(s, "hotline", subscriber=who, actor="test")
            auth = publisher.authenticate(s, "hotline", token)
            assert auth is not None
            publisher.record_opinions(s, feed, auth[1], [(entries[0], opinion)])
        _, token = publisher.create_token(s, "hotline", subscriber="org-c", actor="test")
        auth = publisher.authenticate(s, "hotline", token)
        assert auth is not None
        publisher.record_opinions(s, feed, auth[1], [(entries[1], "confirmed")])
    with db.session() as s:
        cases.decide_case(s, made[0], decision="escalate", actor="console:rita")
    db.dispose()
    env = {
        "SAFEGUARD_CYBERTIP_URL": standin.url,
        "SAFEGUARD_CYBERTIP_USER": standin.username,
        "SAFEGUARD_CYBERTIP_PASSWORD": standin.password,
    }
    try:
        with serve_process(folder / "data", url, workers=1, env=env, log=folder / "serve.log") as b:
            yield Setup(b, standin, made[0], made[1], entries)
    finally:
        standin.stop()


def test_report_a_case_to_ncmec_and_see_opinions(setup: Setup, tmp_path: Path) -> None:
    base = setup.base
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.set_default_timeout(20_000)
            page.goto(f"{base}/console/login")
            page.fill("input[name=username]", "rita")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/console/cases")

            # An undecided case has no report action, and its report page refuses.
            page.goto(f"{base}/console/cases/{setup.undecided}")
            assert page.locator("#report-action").count() == 0
            page.goto(f"{base}/console/cases/{setup.undecided}/report")
            assert "confirmed or escalated" in page.inner_text("#report-blocked")
            assert page.locator("#report-form").count() == 0

            page.goto(f"{base}/console/cases/{setup.escalated}")
            page.click("#report-action")
            page.wait_for_url(f"{base}/console/cases/{setup.escalated}/report")
            info = page.inner_text("#report-info")
            assert f"File MD5: {MD5}" in info and "Decision: escalate by console:rita" in info
            assert "hashes only" in page.inner_text("#report-media")

            # Without the declaration ticked nothing is sent.
            page.fill("input[name=reporter_first]", "Rita")
            page.fill("input[name=reporter_last]", "Reviewer")
            page.fill("input[name=reporter_email]", "trust-safety@platform.example")
            page.select_option("select[name=classification]", "B1")
            page.click("button:has-text('Send report to NCMEC')")
            page.wait_for_load_state()
            assert "Tick the declaration" in page.inner_text("main")
            assert setup.standin.requests == []
            assert page.input_value("input[name=reporter_email]") == (
                "trust-safety@platform.example"
            )

            page.check("input[name=declaration]")
            page.click("button:has-text('Send report to NCMEC')")
            page.wait_for_url(f"{base}/console/cases/{setup.escalated}/report?done=sent")
            assert "Sent to NCMEC" in page.inner_text("main")
            (report_id,) = setup.standin.reports
            assert report_id in page.inner_text("#reports")
            assert [p for _, p in setup.standin.requests] == ["/submit", "/finish"]
            assert setup.standin.violations == []
            page.screenshot(path=str(SHOTS or tmp_path) + "/report.png", full_page=True)
            shutil.copy(tmp_path / "report.png", "/tmp/exchange-report.png") if False else None

            page.click("text=← Back to the case")
            page.wait_for_url(f"{base}/console/cases/{setup.escalated}")
            assert f"report {report_id}" in page.inner_text(".cybertip-report")

            page.goto(f"{base}/console/audit")
            rows = page.inner_text("table")
            assert "cybertip.report" in rows and "cybertip.form" in rows

            page.goto(f"{base}/console/banks/hotline")
            page.screenshot(path=str(SHOTS or tmp_path) + "/bank-opinions.png", full_page=True)
            panel = page.inner_text("#opinions")
            assert "Published as feed hotline" in panel
            first = page.locator("#opinions tbody tr").first.inner_text()
            assert str(setup.entries[0]) in first and "\t2\t0" in first
            cells = page.locator("td.opinions").all_inner_texts()
            assert cells[0] == "2 false positive, 0 confirmed"
            assert cells[1] == "0 false positive, 1 confirmed"
            assert cells[2] == ""
        finally:
            browser.close()

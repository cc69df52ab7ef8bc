"""The console in a real browser (Debian's chromium driven by Playwright) against the real
service (``safeguard serve``, two uvicorn workers, SQLite): log in, open a case made by an
upload of a synthetic picture to ``/v1/check``, reveal its blurred evidence and watch it blur
again, decide, and find the decision and the reveal in the audit log."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from safeguard import banks
from safeguard.access import keys, users
from safeguard.review import cases
from safeguard.review.evidence import generate_key
from safeguard.service.testing import serve_process
from safeguard.signals.media import hash_bytes
from safeguard.store.db import open_database
from tests.service.test_console_http import synthetic_jpeg

playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PASSWORD = "a long benign passphrase"
#: Where to keep the screenshots of the case page (for looking at the layout); a temp dir
#: when unset.
SCREENSHOTS = os.environ.get("SAFEGUARD_SCREENSHOT_DIR")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The running service and a matcher key; a reviewer, and banks that know the picture."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed: apt-get install chromium (make test does)")
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'safeguard.db'}"
    image = synthetic_jpeg()
    pdq = hash_bytes("upload.jpg", image).pdq
    assert pdq is not None
    db = open_database(url)
    with db.session() as s:
        users.create_user(s, "rita", PASSWORD, "reviewer", actor="test")
        banks.create_bank(
            s,
            banks.BankSpec(
                "known-test",
                source="Test hotline",
                licence="CC0 test data",
                category="test-category",
            ),
            actor="test",
        )
        banks.create_bank(s, banks.BankSpec("confirmed-here", source="This platform"), "test")
        cases.add_entries(s, "known-test", [cases.NewEntry("pdq", pdq, "ext-1")], actor="test")
        _info, key = keys.create_key(s, role="matcher", name="uploads", actor="test")
    db.dispose()
    env = {
        "SAFEGUARD_EVIDENCE": "1",
        "SAFEGUARD_EVIDENCE_KEY": generate_key(),
        "SAFEGUARD_REFRESH_SECONDS": "0.2",
    }
    with serve_process(folder / "data", url, workers=2, env=env, log=folder / "serve.log") as base:
        yield base, key


def _upload_case(base: str, key: str) -> int:
    response = httpx.post(
        f"{base}/v1/check",
        headers={"Authorization": f"Bearer {key}"},
        files={"file": ("upload.jpg", synthetic_jpeg(), "image/jpeg")},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["action"] == "review" and body["case_id"] is not None
    return int(body["case_id"])


def _greyscale_and_flat(page: object, selector: str) -> dict[str, float]:
    """Read the displayed picture's pixels in the page: colourfulness and detail."""
    return page.eval_on_selector(  # type: ignore[attr-defined, no-any-return]
        selector,
        """img => {
            const c = document.createElement('canvas');
            c.width = img.naturalWidth; c.height = img.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height).data;
            let colour = 0, detail = 0, n = 0;
            for (let i = 0; i + 4 < d.length; i += 4) {
                colour += Math.abs(d[i] - d[i + 2]);
                detail += Math.abs(d[i] - d[i + 4]);
                n += 1;
            }
            return {colour: colour / n, detail: detail / n};
        }""",
    )


def test_review_a_case_in_the_browser(service: tuple[str, str], tmp_path: Path) -> None:
    base, key = service
    case_id = _upload_case(base, key)
    shots = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.set_default_timeout(20_000)

            page.goto(f"{base}/console/cases")
            assert "/console/login" in page.url
            page.fill("input[name=username]", "rita")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/console/cases")

            page.click(f"a[href='/console/cases/{case_id}'] >> nth=0")
            page.wait_for_url(f"{base}/console/cases/{case_id}")
            assert "Test hotline" in page.inner_text("main")
            assert "CC0 test data" in page.inner_text("main")
            img = f"#evidence-{case_id}"
            page.wait_for_function(f"() => document.querySelector('{img}').complete")
            blurred = _greyscale_and_flat(page, img)
            assert blurred["colour"] < 2.0
            assert page.inner_text("#reveals-today") == "0"
            page.screenshot(path=str(shots / "case-page.png"), full_page=True)

            page.click("form[data-reveal] button")
            page.wait_for_function(f"() => document.querySelector('{img}').src.startsWith('blob:')")
            page.wait_for_function(f"() => document.querySelector('{img}').complete")
            clear = _greyscale_and_flat(page, img)
            assert clear["colour"] > 5 * max(blurred["colour"], 1.0)
            assert clear["detail"] > 2 * blurred["detail"]
            assert "Revealed" in page.inner_text(f"#evidence-{case_id}-state")
            assert page.inner_text("#reveals-today") == "1"
            page.screenshot(path=str(shots / "case-page-revealed.png"), full_page=True)

            # The picture blurs again by itself after a few seconds.
            page.wait_for_function(
                f"() => document.querySelector('{img}').dataset.state === 'blurred' && "
                f"document.querySelector('{img}').src.endsWith('/thumbnail')",
            )
            assert page.inner_text(f"#evidence-{case_id}-state") == "Blurred and greyscale"

            page.select_option("select[name=bank] >> nth=0", "confirmed-here")
            page.fill("textarea[name=note] >> nth=0", "matches the known list")
            page.click("button:has-text('Confirm')")
            page.wait_for_url(f"{base}/console/cases/{case_id}?done=confirm")
            assert "Confirmed: the content" in page.inner_text("main")

            page.click("nav >> text=Audit log")
            page.wait_for_url(f"{base}/console/audit")
            rows = page.inner_text("table")
            assert f"case:{case_id}" in rows
            assert "case.decide" in rows and "evidence.reveal" in rows
            page.click("button:has-text('Verify the chain')")
            assert "Chain intact" in page.inner_text("#verify-result")
        finally:
            browser.close()

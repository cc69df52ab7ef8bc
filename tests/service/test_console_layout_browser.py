"""The console's tables fit a 1280 px wide window (Debian's chromium, Playwright): no table
is wider than the panel it is in, so nothing is hidden behind a sideways scroll."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import argon2
import pytest

from safeguard import banks
from safeguard.access import users
from safeguard.link.linking import build, groups
from safeguard.link.store import LinkStore
from safeguard.matching.matcher import Match
from safeguard.review import cases
from safeguard.service.testing import LiveServer, database_url, settings_for_tests
from safeguard.store.db import open_database
from tests.link.scenes import png_bytes, scene, views
from tests.service.test_console_case_views import CHAT_EVIDENCE, stream_evidence

playwright_sync = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "a long benign passphrase"
pytestmark = pytest.mark.slow

#: What the tables hold at their widest: long bank names, hashes, summaries, sources.
LONG_BANK = "national-hotline-known-content-list-2026-shared-with-partners"
PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed: apt-get install chromium (make test does)")
    tmp = tmp_path_factory.mktemp("layout")
    db = open_database(f"sqlite:///{tmp / 'sg.db'}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            users, "_hasher", argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        with db.session() as s:
            users.create_user(s, "ada", PASSWORD, "admin", actor="test")
            banks.create_bank(
                s,
                banks.BankSpec(LONG_BANK, source="A very long provenance " * 4, licence="x" * 80),
                "test",
            )
            entry = [banks.NewEntry("pdq", PDQ, "external-identifier-" + "9" * 40, "category-A")]
            banks.add_entries(s, LONG_BANK, entry, actor="test")
            match = Match(LONG_BANK, "block", 1, "pdq", PDQ, 3, "category-A", "ext-" + "7" * 40)
            ids = [
                cases.open_case(
                    s,
                    source="upload:" + "very-long-source-name-" * 4,
                    action="report",
                    summary="A long summary of what was found and why it matters " * 3,
                    evidence={"signals": {"pdq": PDQ, "md5": "0" * 32, "sha256": "a" * 64}},
                    matches=[match],
                    actor="test",
                ).id,
                cases.open_case(
                    s,
                    source="chat",
                    action="review",
                    summary="chat",
                    evidence=CHAT_EVIDENCE,
                    actor="test",
                ).id,
                cases.open_case(
                    s,
                    source="stream:live-9",
                    action="terminate",
                    summary="stream",
                    evidence=stream_evidence(),
                    actor="test",
                ).id,
            ]
        group = _link_group(tmp)
        server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
        try:
            paths = ["/console/cases", "/console/cases?status=all", "/console/banks"]
            paths += [f"/console/banks/{LONG_BANK}", "/console/audit", "/console/users"]
            paths += [f"/console/cases/{i}" for i in ids]
            paths += ["/console/link", f"/console/link/groups/{group}"]
            yield server.url, paths
        finally:
            server.stop()
            db.dispose()


def _link_group(data_dir: Path) -> str:
    """A link store in the service's data dir with one group of two views of a scene, in
    folders with long names, and a refused link from it to a third picture (a record as
    the conflict test writes one): the group page's widest tables."""
    media = data_dir / "media" / ("evidence-folder-with-a-long-name-" * 3) / "seized-device"
    media.mkdir(parents=True)
    (media / "kitchen-photograph-0001.png").write_bytes(png_bytes(scene("coffee")))
    (media / "kitchen-photograph-0002.jpg").write_bytes(views(scene("coffee"), 2)["combined"])
    (media / "another-room-0003.png").write_bytes(png_bytes(scene("astronaut")))
    store = LinkStore.open(data_dir / "link", create=True)
    build(store, [media])
    (group,) = groups(store)
    other = next(i for i in store.items if i not in group.members)
    record = group.links[0].to_json() | {"b": other, "conflict": True}
    store.add_shared_objects([record | {"missing": [31, 27], "confirmed": [40, 35]}])
    return group.id


def test_every_table_fits_its_panel_at_1280_px(pages: tuple[str, list[str]]) -> None:
    base, paths = pages
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/console/login")
        page.fill("input[name=username]", "ada")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/console/.*"))
        too_wide: dict[str, list[int]] = {}
        for path in paths:
            response = page.goto(base + path)
            assert response is not None and response.status == 200, path
            overflow = page.evaluate(
                """() => Array.from(document.querySelectorAll('table'))
                    .map(t => t.scrollWidth - t.parentElement.clientWidth)
                    .filter(d => d > 1)"""
            )
            page_overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            if overflow or page_overflow > 0:
                too_wide[path] = [*overflow, page_overflow]
        browser.close()
    assert too_wide == {}

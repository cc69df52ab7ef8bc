"""The review console over HTTP: a real uvicorn server on loopback, on SQLite and on
PostgreSQL, a browser-like client (cookies, forms). Pages, login, CSRF, roles, reveals,
decisions, banks, logs."""

from __future__ import annotations

import functools
import io
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select, update
from starlette.requests import Request

from safeguard import banks
from safeguard.access import users
from safeguard.matching.matcher import Match
from safeguard.review import cases, webhooks
from safeguard.review.evidence import EvidenceSettings, EvidenceStore, generate_key
from safeguard.service.console import add_template_folder, render, wellbeing
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.settings import ServiceSettings
from safeguard.service.testing import database_url, live_server, open_test_database
from safeguard.signals.media import hash_bytes
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, Entry

PASSWORD = "a long benign passphrase"
IMPORT_LIMIT = 64 * 1024
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class ConsoleServer:
    url: str
    db: Database
    settings: ServiceSettings

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, follow_redirects=False, timeout=30)


def service_settings(tmp_path: Path, db_url: str) -> ServiceSettings:
    key_file = tmp_path / "evidence.key"
    key_file.write_text(generate_key())
    return ServiceSettings.load(
        tmp_path / "data",
        db_url,
        run_deliverer=False,
        run_refresher=False,
        max_import_bytes=IMPORT_LIMIT,
        evidence=EvidenceSettings(enabled=True, key_file=key_file),
    )


#: Logins hash with the cheapest argon2id parameters (tests/service/conftest.py).
pytestmark = pytest.mark.usefixtures("cheap_argon2")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ConsoleServer]:
    """One server per database for the module (starting one costs a migration and argon2
    hashes); each test makes its own cases and banks, so none sees another's."""
    tmp_path = tmp_path_factory.mktemp("console")
    db = open_test_database(request.param, tmp_path)
    if db is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    settings = service_settings(tmp_path, database_url(db))
    with db.session() as s:
        users.create_user(s, "rita", PASSWORD, "reviewer", actor="test")
        users.create_user(s, "carl", PASSWORD, "curator", actor="test")
        users.create_user(s, "ada", PASSWORD, "admin", actor="test")
    try:
        with live_server(settings) as live:
            yield ConsoleServer(live.url, db, settings)
    finally:
        db.dispose()


@dataclass
class Sample:
    case_id: int
    entry_id: int
    image: bytes
    #: This case's banks: a block bank that matched (with provenance), a block bank to
    #: confirm into, an allowlist.
    known: str
    block: str
    allow: str


def synthetic_jpeg(width: int = 800, height: int = 600, seed: int = 7) -> bytes:
    """A benign picture made in code: coloured waves, noise and a few shapes (PDQ quality
    100), with colour and detail for the blur checks to measure."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    red = 127 + 100 * np.sin(x / 37.0) * np.cos(y / 53.0)
    green = 127 + 100 * np.sin((x + y) / 71.0)
    blue = 127 + 100 * np.cos(np.hypot(x - width / 2, y - height / 2) / 29.0)
    arr = np.stack([red, green, blue], axis=-1) + rng.normal(0, 6, (height, width, 3))
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(12):
        x0, y0 = int(rng.integers(0, width - 120)), int(rng.integers(0, height - 120))
        size = int(rng.integers(40, 160))
        fill = tuple(int(c) for c in rng.integers(0, 256, 3))
        box = (x0, y0, x0 + size, y0 + size)
        if rng.random() < 0.5:
            draw.ellipse(box, fill=fill)
        else:
            draw.rectangle(box, fill=fill)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=90)
    return out.getvalue()


@functools.cache
def sample_image() -> tuple[bytes, str, str]:
    image = synthetic_jpeg()
    signals = hash_bytes("upload.jpg", image)
    assert signals.pdq is not None and signals.md5 is not None
    return image, signals.pdq, signals.md5


def open_sample_case(server: ConsoleServer, *, media: bool = True) -> Sample:
    """A benign synthetic picture, matched against a block bank with
    provenance, opened as a review case with the picture kept as encrypted evidence."""
    image, pdq, md5 = sample_image()
    n = next(_serial)
    known, block, allow = f"known-{n}", f"confirmed-{n}", f"allow-{n}"
    with server.db.session() as s:
        for spec in (
            banks.BankSpec(
                known, source="Test hotline", licence="CC0 test data", category="test-category"
            ),
            banks.BankSpec(block, source="This platform", licence="internal"),
            banks.BankSpec(allow, kind="allow", source="This platform"),
        ):
            banks.create_bank(s, spec, actor="test")
        cases.add_entries(s, known, [cases.NewEntry("pdq", pdq, "ext-1")], actor="test")
        entry = s.scalar(
            select(Entry).where(Entry.value == pdq, Entry.bank_id == banks.get_bank(s, known).id)
        )
        assert entry is not None
        match = Match(
            bank=known,
            bank_kind="block",
            entry=entry.id,
            signal="pdq",
            value=pdq,
            distance=0,
            category="test-category",
            external_id="ext-1",
        )
        case = cases.open_case(
            s,
            source="upload",
            action="review",
            summary=f"upload matched {known}",
            evidence={"signals": {"pdq": pdq, "md5": md5}},
            matches=[match],
            actor="test",
        )
        if media:
            EvidenceStore(server.settings).save(
                s, case.id, image, filename="upload.jpg", content_type="image/jpeg"
            )
        return Sample(case.id, entry.id, image, known, block, allow)


_serial = itertools.count(1)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client: httpx.Client, username: str, password: str = PASSWORD) -> httpx.Response:
    page = client.get("/console/login")
    return client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
    )


def signed_in(server: ConsoleServer, username: str = "rita") -> httpx.Client:
    client = server.client()
    assert login(client, username).status_code == 303
    return client


def audit_actions(server: ConsoleServer, subject: str) -> list[str]:
    with server.db.session() as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.subject == subject)
                .order_by(AuditEvent.id)
            )
        )


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.float64)


# --- login, sessions, CSRF -------------------------------------------------------------


def test_pages_send_you_to_the_login_page_first(server: ConsoleServer) -> None:
    response = server.client().get("/console/cases?status=open")
    assert response.status_code == 303
    assert response.headers["location"] == "/console/login?next=/console/cases%3Fstatus%3Dopen"


def test_login_sets_an_httponly_samesite_session_cookie(server: ConsoleServer) -> None:
    response = login(server.client(), "rita")
    assert response.status_code == 303
    assert response.headers["location"] == "/console/cases"
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "sg_session" in v
    )
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Path=/console" in cookie


def test_wrong_password_shows_the_form_again_with_401(server: ConsoleServer) -> None:
    response = login(server.client(), "rita", "not the password")
    assert response.status_code == 401
    assert "Wrong user name or password" in response.text
    assert "sg_session" not in response.headers.get("set-cookie", "")


def test_login_without_the_form_token_is_refused(server: ConsoleServer) -> None:
    response = server.client().post(
        "/console/login", data={"username": "rita", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "expired" in response.text


def test_repeated_failed_logins_answer_429(server: ConsoleServer) -> None:
    with server.db.session() as s:
        users.create_user(s, "target", PASSWORD, "reviewer", actor="test")
    client = server.client()
    for _ in range(users.DEFAULT_LIMITS.per_user):
        assert login(client, "target", "wrong password").status_code == 401
    limited = login(client, "target")
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0


def test_next_never_leaves_the_console(server: ConsoleServer) -> None:
    client = server.client()
    page = client.get("/console/login")
    response = client.post(
        "/console/login",
        data={
            "username": "rita",
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
            "next": "//evil.example/console",
        },
    )
    assert response.headers["location"] == "/console/cases"


def test_logout_ends_the_session(server: ConsoleServer) -> None:
    client = signed_in(server)
    page = client.get("/console/cases")
    assert (
        client.post("/console/logout", data={"csrf_token": csrf_of(page.text)}).status_code == 303
    )
    assert client.get("/console/cases").status_code == 303


def test_logout_needs_the_csrf_token(server: ConsoleServer) -> None:
    client = signed_in(server)
    assert client.post("/console/logout").status_code == 403
    assert client.get("/console/cases").status_code == 200


def test_a_post_without_the_csrf_token_changes_nothing(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    response = client.post(f"/console/cases/{sample.case_id}/decide", data={"decision": "escalate"})
    assert response.status_code == 403
    forged = client.post(
        f"/console/cases/{sample.case_id}/decide",
        data={"decision": "escalate", "csrf_token": "forged"},
    )
    assert forged.status_code == 403
    with server.db.session() as s:
        assert cases.get_case(s, sample.case_id).status == "open"


def test_pages_carry_strict_security_headers(server: ConsoleServer) -> None:
    response = signed_in(server).get("/console/cases")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"


# --- roles -----------------------------------------------------------------------------


def test_a_curator_cannot_open_the_review_queue(server: ConsoleServer) -> None:
    page = signed_in(server, "carl").get("/console/cases")
    assert page.status_code == 403
    assert page.headers["content-type"].startswith("text/html")
    assert "needs the role reviewer" in page.text


def test_a_reviewer_can_browse_banks_but_not_create_one(server: ConsoleServer) -> None:
    client = signed_in(server, "rita")
    page = client.get("/console/banks")
    assert page.status_code == 200
    assert "New bank" not in page.text
    response = client.post(
        "/console/banks", data={"name": "sneaky", "csrf_token": csrf_of(page.text)}
    )
    assert response.status_code == 403


# --- the queue and the case page -------------------------------------------------------


def test_the_queue_lists_open_cases_and_filters_by_status(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    assert f'href="/console/cases/{sample.case_id}"' in client.get("/console/cases").text
    confirmed = client.get("/console/cases?status=confirmed").text
    assert f'href="/console/cases/{sample.case_id}"' not in confirmed


def test_the_case_page_shows_matches_with_bank_provenance(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    page = signed_in(server).get(f"/console/cases/{sample.case_id}")
    assert page.status_code == 200
    for shown in (sample.known, "Test hotline", "CC0 test data", "test-category", "ext-1"):
        assert shown in page.text
    assert "case.view" in audit_actions(server, f"case:{sample.case_id}")


def test_the_case_page_links_the_next_open_case(server: ConsoleServer) -> None:
    first, second = open_sample_case(server), open_sample_case(server)
    client = signed_in(server)
    page = client.get(f"/console/cases/{first.case_id}").text
    match = re.search(r'id="next-open" href="/console/cases/(\d+)"', page)
    assert match is not None
    assert int(match.group(1)) > first.case_id
    assert int(match.group(1)) <= second.case_id


def test_an_unknown_case_is_a_404_page(server: ConsoleServer) -> None:
    page = signed_in(server).get("/console/cases/999999")
    assert page.status_code == 404
    assert "No such case" in page.text


# --- evidence: blurred by default, revealed on purpose ----------------------------------


def test_the_thumbnail_is_blurred_and_greyscale_and_audited(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    response = signed_in(server).get(f"/console/cases/{sample.case_id}/thumbnail")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    thumb = pixels(response.content)
    assert np.allclose(thumb[..., 0], thumb[..., 1], atol=2)
    assert np.allclose(thumb[..., 1], thumb[..., 2], atol=2)
    original = pixels(sample.image)
    # No detail survives: neighbouring pixels barely differ, unlike the original's.
    assert (
        np.abs(np.diff(thumb[..., 0], axis=1)).mean()
        < 0.2 * np.abs(np.diff(original[..., 0], axis=1)).mean()
    )
    assert audit_actions(server, f"case:{sample.case_id}")[-1] == "evidence.view"


def test_the_case_page_never_embeds_the_clear_picture(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    page = signed_in(server).get(f"/console/cases/{sample.case_id}").text
    assert "data:image" not in page
    assert f'src="/console/cases/{sample.case_id}/thumbnail"' in page


def test_reveal_needs_a_post_with_the_csrf_token(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    assert client.get(f"/console/cases/{sample.case_id}/reveal").status_code == 405
    assert client.post(f"/console/cases/{sample.case_id}/reveal").status_code == 403
    assert "evidence.reveal" not in audit_actions(server, f"case:{sample.case_id}")


def test_reveal_sends_the_colour_picture_audits_and_counts(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    token = csrf_of(client.get(f"/console/cases/{sample.case_id}").text)
    for expected in (1, 2):
        response = client.post(
            f"/console/cases/{sample.case_id}/reveal",
            headers={"Accept": "image/jpeg", "X-CSRF-Token": token},
        )
        assert response.status_code == 200
        assert response.headers["x-reveals-today"] == str(expected)
    clear = pixels(response.content)
    assert np.abs(clear[..., 0] - clear[..., 2]).mean() > 5  # colour, not greyscale
    assert audit_actions(server, f"case:{sample.case_id}").count("evidence.reveal") == 2
    page = client.get(f"/console/cases/{sample.case_id}").text
    assert '<strong id="reveals-today">2</strong>' in page


def test_reveal_without_javascript_shows_a_page_that_returns_to_the_blur(
    server: ConsoleServer,
) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    token = csrf_of(client.get(f"/console/cases/{sample.case_id}").text)
    response = client.post(
        f"/console/cases/{sample.case_id}/reveal",
        data={"csrf_token": token},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 200
    assert "data:image/jpeg;base64," in response.text
    assert f'content="6;url=/console/cases/{sample.case_id}"' in response.text


def test_video_evidence_is_kept_but_never_previewed(server: ConsoleServer) -> None:
    sample = open_sample_case(server, media=False)
    with server.db.session() as s:
        EvidenceStore(server.settings).save(
            s, sample.case_id, b"\x00\x00\x00\x18ftypmp42", content_type="video/mp4"
        )
    client = signed_in(server)
    page = client.get(f"/console/cases/{sample.case_id}").text
    assert "previews of pictures only" in page
    assert "/thumbnail" not in page
    assert client.get(f"/console/cases/{sample.case_id}/thumbnail").status_code == 415


def test_many_reveals_in_a_day_bring_a_wellbeing_notice_and_show_to_admins(
    server: ConsoleServer,
) -> None:
    sample = open_sample_case(server)
    with server.db.session() as s:
        users.create_user(s, "busy", PASSWORD, "reviewer", actor="test")
        busy = users.get_user(s, "busy").id
    client = signed_in(server, "busy")
    assert "Consider a break" not in client.get(f"/console/cases/{sample.case_id}").text
    with server.db.session() as s:
        for _ in range(wellbeing.REVEALS_BEFORE_NOTICE):
            wellbeing.record_reveal(s, busy, sample.case_id)
    assert "Consider a break" in client.get(f"/console/cases/{sample.case_id}").text
    admin_page = signed_in(server, "ada").get("/console/users").text
    row = admin_page[admin_page.index("<td>busy</td>") :].split("</tr>")[0]
    assert f'<td class="num">{wellbeing.REVEALS_BEFORE_NOTICE}</td>' in row


def test_a_case_without_media_has_no_thumbnail(server: ConsoleServer) -> None:
    sample = open_sample_case(server, media=False)
    client = signed_in(server)
    assert "No media kept" in client.get(f"/console/cases/{sample.case_id}").text
    assert client.get(f"/console/cases/{sample.case_id}/thumbnail").status_code == 404


# --- decisions -------------------------------------------------------------------------


def _decide(
    client: httpx.Client, case_id: int, decision: str, bank: str = "", note: str = ""
) -> httpx.Response:
    token = csrf_of(client.get(f"/console/cases/{case_id}").text)
    return client.post(
        f"/console/cases/{case_id}/decide",
        data={"decision": decision, "bank": bank, "note": note, "csrf_token": token},
    )


def test_confirm_adds_the_signals_to_the_chosen_block_bank(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    response = _decide(client, sample.case_id, "confirm", sample.block, "seen before")
    assert response.status_code == 303
    assert response.headers["location"] == f"/console/cases/{sample.case_id}?done=confirm"
    with server.db.session() as s:
        case = cases.get_case(s, sample.case_id)
        assert (case.status, case.decided_by) == ("confirmed", "console:rita")
        bank = banks.get_bank(s, sample.block)
        assert banks.summarize(s, bank).entries == {"md5": 1, "pdq": 1}
    page = client.get(response.headers["location"]).text
    assert "Confirmed: the content" in page
    assert "case.decide" in page  # the case's history, from the audit log


def test_false_positive_disables_the_matched_entry(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    assert _decide(signed_in(server), sample.case_id, "false_positive").status_code == 303
    with server.db.session() as s:
        entry = s.get(Entry, sample.entry_id)
        assert entry is not None and entry.disabled


def test_false_positive_can_add_to_an_allowlist_instead(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    assert _decide(client, sample.case_id, "false_positive", sample.allow).status_code == 303
    with server.db.session() as s:
        entry = s.get(Entry, sample.entry_id)
        assert entry is not None and not entry.disabled
        assert banks.summarize(s, banks.get_bank(s, sample.allow)).entries["pdq"] == 1


def test_escalate_keeps_the_case_decidable(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    assert (
        _decide(client, sample.case_id, "escalate", note="needs a second look").status_code == 303
    )
    page = client.get(f"/console/cases/{sample.case_id}").text
    assert 'value="confirm"' in page


def test_confirming_into_an_allowlist_is_refused_and_changes_nothing(
    server: ConsoleServer,
) -> None:
    sample = open_sample_case(server)
    response = _decide(signed_in(server), sample.case_id, "confirm", sample.allow)
    assert response.status_code == 400
    assert "allow bank" in response.text
    with server.db.session() as s:
        assert cases.get_case(s, sample.case_id).status == "open"


def test_a_decided_case_cannot_be_decided_again(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server)
    assert _decide(client, sample.case_id, "false_positive").status_code == 303
    token = csrf_of(client.get("/console/cases").text)
    again = client.post(
        f"/console/cases/{sample.case_id}/decide",
        data={"decision": "confirm", "bank": sample.block, "csrf_token": token},
    )
    assert again.status_code == 409


# --- banks -----------------------------------------------------------------------------


def test_a_curator_creates_a_bank_imports_a_list_and_disables_an_entry(
    server: ConsoleServer,
) -> None:
    client = signed_in(server, "carl")
    token = csrf_of(client.get("/console/banks").text)
    created = client.post(
        "/console/banks",
        data={
            "name": "partner-list",
            "kind": "block",
            "source": "Partner NGO",
            "licence": "sharing agreement 7",
            "csrf_token": token,
        },
    )
    assert created.status_code == 303
    values = ["0" * 31 + "1", "f" * 32]
    imported = client.post(
        "/console/banks/partner-list/import",
        data={"format": "plain", "signal_type": "md5", "csrf_token": token},
        files={"file": ("list.txt", "\n".join(values).encode(), "text/plain")},
    )
    assert imported.status_code == 200
    assert "2 read, 2 added" in imported.text
    page = client.get("/console/banks/partner-list")
    assert all(v in page.text for v in values)
    assert "Partner NGO" in page.text and "sharing agreement 7" in page.text
    with server.db.session() as s:
        entry_id = s.scalar(select(Entry.id).where(Entry.value == values[0]))
    disabled = client.post(
        f"/console/banks/partner-list/entries/{entry_id}",
        data={"disabled": "true", "csrf_token": token},
    )
    assert disabled.status_code == 303
    with server.db.session() as s:
        entry = s.get(Entry, entry_id)
        assert entry is not None and entry.disabled


def test_a_bad_list_is_rejected_whole_with_its_line_number(server: ConsoleServer) -> None:
    client = signed_in(server, "carl")
    token = csrf_of(client.get("/console/banks").text)
    client.post("/console/banks", data={"name": "strict", "csrf_token": token})
    response = client.post(
        "/console/banks/strict/import",
        data={"format": "plain", "signal_type": "md5", "csrf_token": token},
        files={"file": ("bad.txt", b"0" * 32 + b"\nnot-a-hash\n", "text/plain")},
    )
    assert response.status_code == 400
    assert "bad.txt:2" in response.text
    with server.db.session() as s:
        assert banks.summarize(s, banks.get_bank(s, "strict")).entries == {}


def test_a_list_over_the_import_limit_is_refused_with_413(server: ConsoleServer) -> None:
    client = signed_in(server, "carl")
    token = csrf_of(client.get("/console/banks").text)
    client.post("/console/banks", data={"name": "too-big", "csrf_token": token})
    lines = b"".join(f"{i:032x}\n".encode() for i in range(IMPORT_LIMIT // 33 + 10))
    response = client.post(
        "/console/banks/too-big/import",
        data={"format": "plain", "signal_type": "md5", "csrf_token": token},
        files={"file": ("big.txt", lines, "text/plain")},
    )
    assert response.status_code == 413
    with server.db.session() as s:
        assert banks.summarize(s, banks.get_bank(s, "too-big")).entries == {}


def test_a_bank_with_a_bad_name_is_refused(server: ConsoleServer) -> None:
    client = signed_in(server, "carl")
    token = csrf_of(client.get("/console/banks").text)
    response = client.post("/console/banks", data={"name": "no spaces", "csrf_token": token})
    assert response.status_code == 400
    assert "letters, digits" in response.text


def test_disabling_a_bank_from_its_page(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    client = signed_in(server, "carl")
    token = csrf_of(client.get(f"/console/banks/{sample.known}").text)
    response = client.post(
        f"/console/banks/{sample.known}/enabled", data={"enabled": "false", "csrf_token": token}
    )
    assert response.status_code == 303
    with server.db.session() as s:
        assert not banks.get_bank(s, sample.known).enabled


# --- the logs --------------------------------------------------------------------------


def test_the_webhook_log_lists_deliveries_of_decisions(server: ConsoleServer) -> None:
    with server.db.session() as s:
        webhooks.add_endpoint(s, url="http://127.0.0.1:9/hook", actor="test")
    sample = open_sample_case(server)
    client = signed_in(server)
    _decide(client, sample.case_id, "escalate")
    page = client.get("/console/webhooks").text
    for event in ("case.opened", "case.decided", "case.reported"):
        assert event in page
    assert "http://127.0.0.1:9/hook" in page


def test_the_audit_log_verifies_and_spots_a_changed_record(server: ConsoleServer) -> None:
    open_sample_case(server)
    client = signed_in(server)
    token = csrf_of(client.get("/console/audit").text)
    assert "Chain intact" in client.post("/console/audit/verify", data={"csrf_token": token}).text
    with server.db.session() as s:
        first = s.scalars(select(AuditEvent).order_by(AuditEvent.id).limit(1)).one()
        first_id, actor = first.id, first.actor
        s.execute(update(AuditEvent).where(AuditEvent.id == first_id).values(actor="someone"))
    try:
        result = client.post("/console/audit/verify", data={"csrf_token": token}).text
        assert f"Chain broken at event {first_id}" in result
    finally:  # the other tests share this server's log
        with server.db.session() as s:
            s.execute(update(AuditEvent).where(AuditEvent.id == first_id).values(actor=actor))


def test_the_audit_log_filters_by_action_and_subject(server: ConsoleServer) -> None:
    sample = open_sample_case(server)
    page = signed_in(server).get(f"/console/audit?action=bank.create&subject={sample.known}")
    assert page.text.count(">bank.create</td>") == 1
    assert ">case.open</td>" not in page.text


# --- users (admins) -------------------------------------------------------------------


def test_only_admins_see_the_users_page(server: ConsoleServer) -> None:
    assert signed_in(server, "rita").get("/console/users").status_code == 403
    page = signed_in(server, "ada").get("/console/users")
    assert page.status_code == 200
    assert "rita" in page.text and "carl" in page.text


def test_an_admin_creates_a_user_who_can_then_log_in(server: ConsoleServer) -> None:
    client = signed_in(server, "ada")
    token = csrf_of(client.get("/console/users").text)
    form = {"username": "newbie", "role": "reviewer", "csrf_token": token}
    mismatch = client.post(
        "/console/users", data=form | {"password": PASSWORD, "password_again": PASSWORD + "x"}
    )
    assert mismatch.status_code == 400
    created = client.post(
        "/console/users", data=form | {"password": PASSWORD, "password_again": PASSWORD}
    )
    assert created.status_code == 303
    assert login(server.client(), "newbie").status_code == 303


def test_an_admin_disables_a_user_and_their_session_ends(server: ConsoleServer) -> None:
    with server.db.session() as s:
        users.create_user(s, "leaver", PASSWORD, "reviewer", actor="test")
    theirs = signed_in(server, "leaver")
    assert theirs.get("/console/cases").status_code == 200
    admin = signed_in(server, "ada")
    token = csrf_of(admin.get("/console/users").text)
    response = admin.post("/console/users/leaver", data={"disabled": "true", "csrf_token": token})
    assert response.status_code == 303
    assert theirs.get("/console/cases").status_code == 303  # back to the login page
    assert login(server.client(), "leaver").status_code == 401


def test_an_admin_cannot_lock_themself_out(server: ConsoleServer) -> None:
    client = signed_in(server, "ada")
    token = csrf_of(client.get("/console/users").text)
    response = client.post("/console/users/ada", data={"role": "reviewer", "csrf_token": token})
    assert response.status_code == 400
    with server.db.session() as s:
        assert users.get_user(s, "ada").role == "admin"


# --- rendering for other parts ---------------------------------------------------------


def test_render_serves_templates_of_other_packages_inside_the_console_layout(
    tmp_path: Path,
) -> None:
    (tmp_path / "elsewhere.html").write_text(
        '{% extends "base.html" %}{% block title %}Elsewhere{% endblock %}'
        "{% block content %}<p id=x>{{ thing }}</p>{% endblock %}"
    )
    add_template_folder(tmp_path)
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": []})
    request.state.console_user = SignedInUser(1, "rita", "reviewer", 1, "token123")
    page = render(request, "elsewhere.html", {"thing": "<b>escaped</b>", "nav": "streams"})
    body = page.body.decode()
    assert "<title>Elsewhere · Safeguard</title>" in body
    assert "&lt;b&gt;escaped&lt;/b&gt;" in body
    assert 'href="/console/streams" class="active"' in body
    assert 'value="token123"' in body  # the logout form's CSRF token
    assert page.headers["x-frame-options"] == "DENY"

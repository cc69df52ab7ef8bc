"""Triage in the console: the case page with counts, the review queue of unknown items (one
row per stack), blurred previews read back from the disk image, audited reveals, verdicts."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import select

pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

from safeguard.store.models.triage import TriageItem
from safeguard.triage.case import create_case
from safeguard.triage.runner import run_case
from tests.service import test_console_http as console_http
from tests.service.test_console_http import ConsoleServer, audit_actions, csrf_of, signed_in
from tests.triage.disks import fat_image, jpeg, picture, png, zip_of

# The console's own fixture: a live server per database (cheap_argon2 is in tests/conftest.py).
server = console_http.server


def _jpeg(img: Image.Image, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    img.resize(size).save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture(scope="module")
def case(server: ConsoleServer, tmp_path_factory: pytest.TempPathFactory, cluster: str) -> str:
    folder = tmp_path_factory.mktemp("console-triage")
    base = picture(31, (640, 480))
    image = fat_image(
        folder / "phone.img",
        {
            "DCIM/a.jpg": _jpeg(base, (640, 480)),
            "DCIM/a_small.jpg": _jpeg(base, (480, 360)),
            "DCIM/b.jpg": jpeg(32),
            "chat.zip": zip_of({"sent/c.png": png(33)}),
        },
    )
    with server.db.session() as s:
        create_case(s, "PHONE-1", [image], examiner="rita", scheme="uk", actor="test")
    run_case(server.db, "PHONE-1", matcher=None, actor="test", scheduler=cluster)
    return "PHONE-1"


def _items(server: ConsoleServer) -> dict[str, TriageItem]:
    with server.db.session() as s:
        return {i.path: i for i in s.scalars(select(TriageItem))}


def _grey_and_blurred(data: bytes) -> bool:
    img = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.float64)
    grey = (
        np.abs(img[..., 0] - img[..., 1]).max() < 8 and np.abs(img[..., 1] - img[..., 2]).max() < 8
    )
    return bool(grey)


def test_the_case_page_shows_counts_and_one_row_per_stack(server: ConsoleServer, case: str) -> None:
    client = signed_in(server)
    listing = client.get("/console/triage")
    assert listing.status_code == 200 and case in listing.text
    page = client.get(f"/console/triage/{case}")
    assert page.status_code == 200
    items = _items(server)
    stack = items["/DCIM/a.jpg"].stack
    assert stack is not None and items["/DCIM/a_small.jpg"].stack == stack
    rows = page.text.count('class="triage-item"')
    assert rows == len(items) - 1  # the two near-duplicates share a row
    assert f"stack {stack} of 2" in page.text
    assert "triage_case_viewed" in audit_actions(server, f"triage:{case}")


def test_previews_are_blurred_and_greyscale_and_read_from_the_image(
    server: ConsoleServer, case: str
) -> None:
    client = signed_in(server)
    items = _items(server)
    for path in ("/DCIM/b.jpg", "/chat.zip!/sent/c.png"):
        r = client.get(f"/console/triage/{case}/items/{items[path].id}/thumbnail")
        assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
        assert _grey_and_blurred(r.content)


def test_a_reveal_is_deliberate_audited_and_counted(server: ConsoleServer, case: str) -> None:
    client = signed_in(server)
    item = _items(server)["/DCIM/b.jpg"]
    page = client.get(f"/console/triage/{case}")
    r = client.post(
        f"/console/triage/{case}/items/{item.id}/reveal",
        data={"csrf_token": csrf_of(page.text)},
        headers={"Accept": "image/jpeg"},
    )
    assert r.status_code == 200 and not _grey_and_blurred(r.content)
    assert int(r.headers["X-Reveals-Today"]) >= 1
    assert "triage_item_revealed" in audit_actions(server, f"triage:{case}")
    refused = client.post(f"/console/triage/{case}/items/{item.id}/reveal", data={})
    assert refused.status_code in (400, 403)


def test_one_verdict_covers_a_stack_and_leaves_the_queue(server: ConsoleServer, case: str) -> None:
    client = signed_in(server)
    items = _items(server)
    stack = items["/DCIM/a.jpg"].stack
    page = client.get(f"/console/triage/{case}")
    r = client.post(
        f"/console/triage/{case}/categorise",
        data={"csrf_token": csrf_of(page.text), "stack": str(stack), "code": "C"},
    )
    assert r.status_code == 303
    after = _items(server)
    assert after["/DCIM/a.jpg"].examiner_code == "C" == after["/DCIM/a_small.jpg"].examiner_code
    assert after["/DCIM/a.jpg"].examiner_by == "examiner:rita"
    again = client.get(f"/console/triage/{case}")
    assert f'data-item="{items["/DCIM/a.jpg"].id}"' not in again.text


def test_a_curator_cannot_open_triage(server: ConsoleServer, case: str) -> None:
    client = signed_in(server, "carl")
    assert client.get(f"/console/triage/{case}").status_code == 403

"""The console's link pages: groups, a page per group, blurred thumbnails with the matched
region drawn, every thumbnail audited."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import argon2
import httpx
import numpy as np
import pytest
from PIL import Image
from scenes import grid, png_bytes, scene, views
from sqlalchemy import select

from safeguard.access import users
from safeguard.link.linking import build, groups
from safeguard.link.store import LinkStore
from safeguard.service.settings import ServiceSettings
from safeguard.service.testing import database_url, live_server, open_test_database
from safeguard.store.models import AuditEvent

PASSWORD = "a long benign passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Console:
    url: str
    store: LinkStore
    db: object

    def signed_in(self, username: str) -> httpx.Client:
        client = httpx.Client(base_url=self.url, follow_redirects=False, timeout=60)
        page = client.get("/console/login")
        token = CSRF.search(page.text)
        assert token
        r = client.post(
            "/console/login",
            data={"username": username, "password": PASSWORD, "csrf_token": token.group(1)},
        )
        assert r.status_code == 303
        return client


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    tmp = tmp_path_factory.mktemp("console-link")
    media = tmp / "media"
    media.mkdir()
    (media / "coffee.png").write_bytes(png_bytes(scene("coffee")))
    (media / "coffee-view.jpg").write_bytes(views(scene("coffee"), 2)["combined"])
    (media / "astronaut.png").write_bytes(png_bytes(scene("astronaut")))
    # A collage of coffee views: its tiles are views of their own (link.tiles).
    coffee = views(scene("coffee"), 5)
    tiles = [np.asarray(Image.open(io.BytesIO(coffee[k])).convert("RGB")) for k in coffee]
    (media / "collage.png").write_bytes(png_bytes(grid(tiles[:4], 2)))
    store = LinkStore.open(tmp / "data" / "link", create=True)
    build(store, [media])
    db = open_test_database("sqlite", tmp)
    assert db is not None
    settings = ServiceSettings.load(
        tmp / "data", database_url(db), run_deliverer=False, run_refresher=False
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            users, "_hasher", argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        with db.session() as s:
            users.create_user(s, "rita", PASSWORD, "reviewer", actor="test")
            users.create_user(s, "carl", PASSWORD, "curator", actor="test")
        try:
            with live_server(settings) as live:
                yield Console(live.url, LinkStore.open(tmp / "data" / "link"), db)
        finally:
            db.dispose()  # type: ignore[attr-defined]


def test_the_group_list_and_page_show_members_and_evidence(console: Console) -> None:
    (group,) = groups(console.store)
    c = console.signed_in("rita")
    listing = c.get("/console/link")
    page = c.get(f"/console/link/groups/{group.id}")
    assert listing.status_code == 200 and group.id in listing.text
    assert page.status_code == 200
    for member in group.members:
        assert f"/console/link/items/{member}/thumbnail" in page.text
    assert "inliers of" in page.text and "never an identification" in page.text
    assert "found in no other place" in page.text


def test_thumbnails_are_blurred_greyscale_with_the_matched_region_in_red(console: Console) -> None:
    (group,) = groups(console.store)
    link = group.links[0]
    box = ",".join(map(str, link.region_a))
    c = console.signed_in("rita")
    r = c.get(f"/console/link/items/{link.a}/thumbnail?view=0&box={box}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    rgb = np.asarray(Image.open(io.BytesIO(r.content)).convert("RGB"), np.float64)
    red = (rgb[:, :, 0] > 150) & (rgb[:, :, 1] < 90) & (rgb[:, :, 2] < 90)
    assert red.sum() > 50  # the box
    grey = ~red
    assert np.abs(rgb[:, :, 0] - rgb[:, :, 2])[grey].mean() < 6  # no colour but the box
    # Blurred: neighbouring pixels hardly differ away from the box.
    assert np.abs(np.diff(rgb[:, :, 1], axis=1))[grey[:, 1:]].mean() < 3
    with console.db.session() as s:  # type: ignore[attr-defined]
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.subject == f"link:{link.a}")
        ).all()
    assert "evidence.view" in actions


def test_link_pages_need_the_reviewer_role(console: Console) -> None:
    c = console.signed_in("carl")
    assert c.get("/console/link").status_code == 403


def test_an_unknown_group_is_404(console: Console) -> None:
    c = console.signed_in("rita")
    assert c.get("/console/link/groups/place-nothing").status_code == 404


def test_a_tile_views_region_is_drawn_where_the_tile_is(console: Console) -> None:
    """A link from a tile of the collage carries its region in the collage's pixels; the
    thumbnail (the whole collage) draws it inside that tile."""
    (group,) = groups(console.store)
    collage = next(i for i in console.store.items.values() if i.path.endswith("collage.png"))
    link = next(
        x
        for x in group.links
        if (x.a == collage.id and x.view_a > 0) or (x.b == collage.id and x.view_b > 0)
    )
    view, box = (
        (link.view_a, link.region_a) if link.a == collage.id else (link.view_b, link.region_b)
    )
    assert box is not None
    c = console.signed_in("rita")
    r = c.get(
        f"/console/link/items/{collage.id}/thumbnail?view={view}&box={','.join(map(str, box))}"
    )
    assert r.status_code == 200
    rgb = np.asarray(Image.open(io.BytesIO(r.content)).convert("RGB"), np.float64)
    red = (rgb[:, :, 0] > 150) & (rgb[:, :, 1] < 90) & (rgb[:, :, 2] < 90)
    ys, xs = np.nonzero(red)
    s = rgb.shape[1] / collage.views[0].width
    ox, oy = collage.views[view].origin
    w, h = collage.views[view].width, collage.views[view].height
    assert len(xs) > 50
    assert (ox - 3) * s <= xs.min() and xs.max() <= (ox + w + 3) * s
    assert (oy - 3) * s <= ys.min() and ys.max() <= (oy + h + 3) * s


def test_a_groups_refused_links_to_other_places_are_listed_with_their_evidence(
    console: Console,
) -> None:
    """A refused link (``objects.jsonl``, as the conflict test records one) from a member
    to a picture outside the group is shown with the test's finding, not as a link."""
    (group,) = groups(console.store)
    other = next(i for i in console.store.items if i not in group.members)
    link = group.links[0]
    record = link.to_json() | {"b": other, "conflict": True, "missing": [14, 22],
                               "confirmed": [20, 30]}  # fmt: skip
    console.store.add_shared_objects([record])
    c = console.signed_in("rita")
    page = c.get(f"/console/link/groups/{group.id}").text
    assert "Refused links to other places" in page
    assert other in page and "14 of 20 and 22 of 30 confirmed keypoints" in page
    assert "built alike" in page and "they may still be a lead" in page
    assert "withdrew" not in page
    # A link a later build withdrew says so.
    console.store.add_shared_objects([record | {"withdrawn": True}])
    page = c.get(f"/console/link/groups/{group.id}").text
    assert "a link until a later build withdrew it" in page
    # Still not a link: the group is as it was.
    assert [g.members for g in groups(LinkStore.open(console.store.root))] == [group.members]

"""Link groups in the console: the groups of the link store, and one page per group with
its members' thumbnails — blurred and greyscale, always — and the matched regions drawn.

Thumbnails are made from the files at the paths the link store recorded (the store keeps
no pictures). There is no reveal here: a reviewer who needs the clear picture opens the
file in the case it belongs to. Every thumbnail served is audited (``evidence.view``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from PIL import Image, ImageDraw

from safeguard import audit
from safeguard.errors import SafeguardError
from safeguard.link.linking import groups, refusal_in_words, refused_from
from safeguard.link.store import Group, ItemInfo, Link, LinkStore, open_kept
from safeguard.link.video import KeyframeOptions, keyframes
from safeguard.service.console import wellbeing
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import not_found, render
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.deps import get_settings
from safeguard.service.settings import ServiceSettings

router = APIRouter(route_class=ConsoleRoute)
Reviewer = Annotated[SignedInUser, Depends(require_user("reviewer"))]
Settings = Annotated[ServiceSettings, Depends(get_settings)]
Box = tuple[int, int, int, int]


def _store(settings: ServiceSettings) -> LinkStore | None:
    try:
        return open_kept(settings.data_dir / "link")
    except SafeguardError:
        return None


def _strongest(g: Group) -> str:
    best = max(g.links, key=lambda x: x.score)
    return f"{best.inliers} inliers" if best.inliers is not None else f"distance {best.distance}"


@router.get("/console/link", include_in_schema=False)
def link_groups(request: Request, user: Reviewer, settings: Settings) -> Response:
    store = _store(settings)
    rows = [] if store is None else groups(store)
    return render(
        request,
        "link_groups.html",
        {
            "nav": "link",
            "store": store is not None,
            "groups": [
                {"id": g.id, "kind": g.kind, "members": len(g.members), "best": _strongest(g)}
                for g in rows
            ],
        },
    )


@router.get("/console/link/groups/{group_id}", include_in_schema=False)
def link_group(request: Request, group_id: str, user: Reviewer, settings: Settings) -> Response:
    store = _store(settings)
    group = None if store is None else next((g for g in groups(store) if g.id == group_id), None)
    if store is None or group is None:
        return not_found(
            request,
            "No such link group",
            f"There is no link group {group_id}.",
            nav="link",
            back="/console/link",
        )
    # Each member's thumbnail shows the region of its strongest link in this group.
    region: dict[str, tuple[Box | None, int]] = {}
    for link in sorted(group.links, key=lambda x: x.score):
        region[link.a] = (link.region_a, link.view_a)
        region[link.b] = (link.region_b, link.view_b)
    members: list[dict[str, Any]] = []
    for item_id in group.members:
        info = store.items[item_id]
        box, view = region.get(item_id, (None, 0))
        query = f"?view={view}" + (f"&box={','.join(map(str, box))}" if box else "")
        members.append(
            {
                "id": item_id,
                "path": info.path,
                "kind": info.kind,
                "faces": info.faces,
                "thumbnail": f"/console/link/items/{item_id}/thumbnail{query}",
            }
        )
    links = [
        {
            "a": x.a,
            "b": x.b,
            "evidence": _evidence(x),
            "score": x.score,
        }
        for x in sorted(group.links, key=lambda x: -x.score)
    ]
    return render(
        request,
        "link_group.html",
        {
            "nav": "link",
            "group": group,
            "members": members,
            "links": links,
            "refused": _refused(store, group),
        },
    )


def _refused(store: LinkStore, group: Group) -> list[dict[str, Any]]:
    """The group's refused links to other pictures (``linking.refused_from``), each with
    the other picture's group and the test's finding in words."""
    if group.kind != "place":
        return []
    group_of = {m: g.id for g in groups(store) if g.kind == "place" for m in g.members}
    return [
        {
            "member": r["member"],
            "other": r["other"],
            "other_path": store.items[r["other"]].path,
            "other_group": group_of.get(r["other"]),
            "test": r["refused"].replace("_", " "),
            "evidence": (
                f"{r.get('inliers')} inliers; "
                + ("a link until a later build withdrew it: " if r.get("withdrawn") else "")
                + f"refused: {refusal_in_words(r)}"
            ),
            "score": float(r.get("score") or 0.0),
        }
        for r in refused_from(store, group.members)
    ]


def _evidence(x: Link) -> str:
    """A link's evidence in words; for a place link, how much of it is the pair's own
    content (found in no other place) when the common-content test counted it."""
    if x.inliers is None:
        return f"face distance {x.distance}"
    out = f"{x.inliers} inliers of {x.matches} matches ({x.model})"
    if x.own_share is not None:
        out += f"; {round(100 * x.own_share)} % of them found in no other place"
    return out


def _picture_bytes(info: ItemInfo, view: int) -> bytes:
    if info.kind == "video":
        for i, kf in enumerate(keyframes(info.path, KeyframeOptions(max_views=view + 1))):
            if i == view:
                out = io.BytesIO()
                Image.fromarray(kf.rgb).save(out, "PNG")
                return out.getvalue()
        raise wellbeing.NoPreview("no such keyframe")
    return Path(info.path).read_bytes()


def _with_box(jpeg: bytes, box: Box | None, width: int) -> bytes:
    im = Image.open(io.BytesIO(jpeg)).convert("RGB")
    if box is not None and width > 0:
        s = im.size[0] / width
        ImageDraw.Draw(im).rectangle(
            [box[0] * s, box[1] * s, box[2] * s, box[3] * s], outline=(220, 30, 30), width=3
        )
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85)
    return out.getvalue()


@router.get("/console/link/items/{item_id}/thumbnail", include_in_schema=False)
def link_thumbnail(
    item_id: str,
    user: Reviewer,
    session: DbSession,
    settings: Settings,
    view: int = 0,
    box: str | None = None,
) -> Response:
    """The item's picture (or keyframe), blurred and greyscale, the matched region drawn."""
    store = _store(settings)
    info = None if store is None else store.items.get(item_id)
    if info is None or not 0 <= view < len(info.views):
        return Response("no such item", status_code=404, media_type="text/plain")
    try:
        region = tuple(int(x) for x in box.split(",")) if box else None
        if region is not None and len(region) != 4:
            raise ValueError("a box is x0,y0,x1,y1")
    except ValueError as e:
        return Response(str(e), status_code=400, media_type="text/plain")
    try:
        data = _picture_bytes(info, view)
        # Boxes are in the file's picture: a composite picture's tile views (link.tiles)
        # are drawn on the whole picture, whose size is view 0's.
        width = info.views[view if info.kind == "video" else 0].width
        image = _with_box(wellbeing.blurred(data), region, width)
    except (OSError, SafeguardError, wellbeing.NoPreview) as e:
        return Response(f"no preview: {e}", status_code=415, media_type="text/plain")
    audit.record(session, user.actor, "evidence.view", f"link:{item_id}", {"form": "blurred"})
    return Response(
        image,
        media_type="image/jpeg",
        headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"},
    )

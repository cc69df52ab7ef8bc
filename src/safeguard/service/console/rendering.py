"""Server-side rendering for the console: one Jinja2 environment, shared by every page.

Templates live in ``console/templates``; another package can add a folder of its own with
``add_template_folder`` and extend ``base.html`` (blocks ``title``, ``content``, ``scripts``).
Every page gets ``user`` and ``csrf_token`` (when signed in) and strict security headers:
no framing, no scripts but the console's own, no caching of pages that show evidence.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; script-src 'self'; "
        "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; "
        "base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def when(at: datetime | None) -> str:
    """A stored time as ``2026-12-01 19:57 UTC`` (SQLite returns it without a zone)."""
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone(UTC)
    return at.strftime("%Y-%m-%d %H:%M:%S UTC")


_loaders: list[BaseLoader] = [FileSystemLoader(TEMPLATES)]
environment = Environment(
    loader=ChoiceLoader(_loaders),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters["when"] = when


def add_template_folder(folder: Path) -> None:
    """Make the templates in ``folder`` renderable (searched after the console's own)."""
    loader = FileSystemLoader(folder)
    if not any(
        isinstance(x, FileSystemLoader) and x.searchpath == loader.searchpath for x in _loaders
    ):
        _loaders.append(loader)


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render ``template`` as a full page for the signed-in user of ``request``."""
    user = getattr(request.state, "console_user", None)
    values: dict[str, Any] = {
        "request": request,
        "user": user,
        "csrf_token": user.csrf_token if user is not None else "",
        "nav": "",
        "flash": None,
        "error": None,
    }
    values.update(context or {})
    body = environment.get_template(template).render(values)
    return HTMLResponse(body, status_code=status_code, headers=SECURITY_HEADERS | (headers or {}))


def not_found(
    request: Request, heading: str, message: str, *, nav: str, back: str | None = None
) -> HTMLResponse:
    """The console's 404 page: what was not found, in the section ``nav``."""
    context: dict[str, Any] = {"heading": heading, "message": message, "nav": nav}
    if back is not None:
        context["back"] = back
    return render(request, "error.html", context, status_code=404)


def evidence_image(data: bytes) -> Response:
    """A picture of evidence as the browser gets it: never cached, never sniffed."""
    return Response(
        data,
        media_type="image/jpeg",
        headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"},
    )


def reveal_response(request: Request, image: bytes, subject_id: int, count: int) -> Response:
    """A deliberate reveal: the picture itself to a script that asked for an image, else
    the reveal page (which blurs it again by itself), with the reviewer's count for today."""
    from safeguard.service.console import wellbeing

    if "image/" in request.headers.get("accept", "").split(",")[0]:
        response = evidence_image(image)
        response.headers["X-Reveals-Today"] = str(count)
        return response
    return render(
        request,
        "reveal.html",
        {
            "case_id": subject_id,
            "image_b64": base64.b64encode(image).decode(),
            "reveals_today": count,
            "reblur_seconds": wellbeing.REBLUR_SECONDS,
        },
    )

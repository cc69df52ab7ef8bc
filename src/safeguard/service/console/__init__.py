"""The review console: server-rendered pages under ``/console`` for people, not programs.

``router`` serves the pages (login, the queue, cases with their evidence and decisions,
banks, the webhook log, the audit log, users for admins); ``render`` renders any template
that extends ``base.html``; ``auth.require_user`` is the dependency that signs people in.
Logic lives in the library (``safeguard.review.cases``, ``safeguard.banks``,
``safeguard.access.users``, ...): routes here only read forms, call it and render the result.
"""

from __future__ import annotations

from fastapi import APIRouter

from safeguard.service.console import (
    pages_admin,
    pages_banks,
    pages_cases,
    pages_cybertip,
    pages_link,
    pages_login,
    pages_triage,
    pages_users,
)
from safeguard.service.console.rendering import add_template_folder, render

router = APIRouter(tags=["console"])
for _pages in (
    pages_login,
    pages_cases,
    pages_cybertip,
    pages_banks,
    pages_admin,
    pages_users,
    pages_triage,
    pages_link,
):
    router.include_router(_pages.router)

__all__ = ["add_template_folder", "render", "router"]

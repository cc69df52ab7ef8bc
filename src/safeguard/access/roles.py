"""The one registry of roles. API keys and console users each hold one role; ``admin`` may
do everything. Every list of roles elsewhere (CLI choices, API schemas, checks) derives
from ``Role``.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    #: Hash content (``POST /v1/hash``); nothing is matched or stored.
    HASHER = "hasher"
    #: Check content against the banks; score chats; watch streams.
    MATCHER = "matcher"
    #: Manage banks, entries and rules.
    CURATOR = "curator"
    #: Work the review queue: view evidence, decide cases.
    REVIEWER = "reviewer"
    #: Everything, including keys, users, webhooks and the audit log.
    ADMIN = "admin"


ROLES: tuple[str, ...] = tuple(r.value for r in Role)

"""Bulk scanning: folders and archives hashed on Dask, matched against the banks, written
as resumable JSON lines (``safeguard scan``).

- ``archives``: zip and tar walked in memory, with limits against hostile archives;
- ``worker``: what a Dask task runs (hashing only);
- ``output``: the results file, and what a resumed scan skips;
- ``runner``: the client loop (planning, Dask, matching, writing).

The runner's names load on first use: a Dask worker that only needs ``archives`` (scan's
and triage's tasks) then never imports the matcher, SQLAlchemy and Alembic, which cost
each worker process about 0.65 s of start-up (measured with ``python -X importtime``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from safeguard.scan.archives import ArchiveLimits, walk_archive, walk_archive_bytes
from safeguard.scan.output import ScanError

if TYPE_CHECKING:
    from safeguard.scan.runner import ScanProgress, ScanSummary, scan

_LAZY = {"ScanProgress", "ScanSummary", "scan"}

__all__ = [
    "ArchiveLimits",
    "ScanError",
    "ScanProgress",
    "ScanSummary",
    "scan",
    "walk_archive",
    "walk_archive_bytes",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("safeguard.scan.runner"), name)
    raise AttributeError(f"module 'safeguard.scan' has no attribute {name!r}")

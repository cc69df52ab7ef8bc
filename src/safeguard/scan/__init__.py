"""Bulk scanning: folders and archives hashed on Dask, matched against the banks, written
as resumable JSON lines (``safeguard scan``).

- ``archives``: zip and tar walked in memory, with limits against hostile archives;
- ``worker``: what a Dask task runs (hashing only);
- ``output``: the results file, and what a resumed scan skips;
- ``runner``: the client loop (planning, Dask, matching, writing).
"""

from safeguard.scan.archives import ArchiveLimits, walk_archive, walk_archive_bytes
from safeguard.scan.output import ScanError
from safeguard.scan.runner import ScanProgress, ScanSummary, scan

__all__ = [
    "ArchiveLimits",
    "ScanError",
    "ScanProgress",
    "ScanSummary",
    "scan",
    "walk_archive",
    "walk_archive_bytes",
]

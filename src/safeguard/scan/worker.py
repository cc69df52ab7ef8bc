"""What a Dask worker runs: hash a batch of files (archives opened and walked) and return
one JSON-ready record per file, member and archive.

Records are plain dicts, the ``safeguard hash`` fields (``FileHashes.to_json``) plus:

- ``container``: on archive members, the display path of the archive they are in;
- ``archive`` and ``members``: on archives, their format and how many members they hold;
- ``skipped``: ``{"code", "reason"}`` on links and special files inside archives.

An archive's own record comes after all of its members', so a resumed scan that finds it
knows the whole archive was written. Nothing here raises for bad content, and a bug on one
file becomes an ``internal_error`` record for that file only.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from safeguard.scan.archives import (
    HEAD_BYTES,
    ArchiveEnd,
    ArchiveItem,
    ArchiveLimits,
    Member,
    MemberError,
    MemberSkipped,
    NotAnArchive,
    archive_format,
    walk_archive,
)
from safeguard.signals.crypto import CryptoDigests, digest_bytes, read_and_digest
from safeguard.signals.errors import SignalError
from safeguard.signals.media import FileHashes, HashOptions, hash_bytes, hash_file, sniff_kind

Record = dict[str, Any]
#: (display path, location the worker opens): the same unless the path was relative.
FileRef = tuple[str, str]


def failed_record(path: str, code: str, message: str) -> Record:
    return FileHashes(path=path, kind=sniff_kind(b"", path)).fail(code, message).to_json()


def hash_batch(
    files: Sequence[FileRef],
    options: HashOptions,
    limits: ArchiveLimits,
    skip: Mapping[str, Collection[str]] | None = None,
) -> list[Record]:
    """The Dask task: records for every file in ``files``. ``skip`` maps an archive's
    display path to member paths already in the output (a resumed scan): they are walked
    past but not hashed again."""
    out: list[Record] = []
    for display, location in files:
        try:
            out.extend(scan_file(display, location, options, limits, (skip or {}).get(display)))
        except Exception as e:  # noqa: BLE001 - a bug on one file must not lose the batch
            out.append(failed_record(display, "internal_error", f"internal error: {e!r}"))
    return out


def scan_file(
    display: str,
    location: str,
    options: HashOptions,
    limits: ArchiveLimits,
    skip: Collection[str] | None = None,
) -> list[Record]:
    """Records for one file on disk: one, or an archive's members then the archive."""
    try:
        with open(location, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        head = b""  # hash_file reports why, in the contract's words
    if archive_format(head, display) is None:
        record = hash_file(location, options)
        record.path = display
        return [record.to_json()]
    return archive_records(display, location, options, limits, skip or ())


def archive_records(
    display: str,
    location: str,
    options: HashOptions,
    limits: ArchiveLimits,
    skip: Collection[str] = (),
) -> list[Record]:
    out: list[Record] = []
    try:
        for item in walk_archive(location, limits, display=display):
            top = isinstance(item, ArchiveEnd) and item.container is None
            if item.path in skip and not top:
                continue
            try:
                out.append(item_record(item, location, options))
            except Exception as e:  # noqa: BLE001 - one member's bug must not lose the rest
                out.append(failed_record(item.path, "internal_error", f"internal error: {e!r}"))
    except (OSError, NotAnArchive) as e:
        # The file changed or vanished between the first look and the walk.
        record = hash_file(location, options)
        record.path = display
        if record.error is None:
            record.fail("unreadable", f"cannot read the archive: {e}")
        out.append(record.to_json())
    return out


def item_record(item: ArchiveItem, location: str, options: HashOptions) -> Record:
    """The record of one thing found in an archive."""
    if isinstance(item, Member):
        return hash_bytes(item.path, item.data, options).to_json() | {"container": item.container}
    if isinstance(item, MemberError):
        return failed_record(item.path, item.code, item.message) | {"container": item.container}
    if isinstance(item, MemberSkipped):
        return FileHashes(path=item.path).to_json() | {
            "container": item.container,
            "skipped": {"code": item.code, "reason": item.message},
        }
    return _archive_record(item, location)


def _archive_record(end: ArchiveEnd, location: str) -> Record:
    # An archive is reported as "other" content with its digests (lists of known archives
    # exist), whatever its name says.
    record = FileHashes(path=end.path, kind="other")
    try:
        digests: CryptoDigests = (
            read_and_digest(Path(location)).digests if end.data is None else digest_bytes(end.data)
        )
        record.size, record.md5, record.sha1, record.sha256 = (
            digests.size,
            digests.md5,
            digests.sha1,
            digests.sha256,
        )
    except SignalError as e:
        record.fail(e.code, str(e))
    if end.code is not None and record.error is None:
        record.fail(end.code, end.message or end.code)
    out = record.to_json() | {"archive": end.format, "members": end.members}
    if end.container is not None:
        out["container"] = end.container
    return out

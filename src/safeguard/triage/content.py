"""Reading one item's bytes back from its source, for a reviewer's (blurred) preview.

Triage keeps no media: when the console shows an item, its bytes are read again, read-only,
from the seized media where they are (by partition and inode inside a disk image; an
archive member by walking its archive in memory). Bounded by ``max_bytes``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard.errors import NotFound, TooLarge
from safeguard.scan.archives import ArchiveLimits, Member, walk_archive_bytes
from safeguard.scan.output import MEMBER_SEPARATOR
from safeguard.store.models.triage import TriageItem, TriageSource
from safeguard.triage.case import source_ref
from safeguard.triage.sources import FoundFile, open_file

MiB = 1 << 20


def ntfs_stream(item: TriageItem, source: TriageSource) -> str | None:
    """The NTFS alternate data stream an item is (``/list.txt:pic``, ``/:hidden`` on the
    root folder), or None. NTFS names cannot hold ``:``, so in an item of an NTFS volume
    (by the source's recorded layout) the last part's first ``:`` starts the stream's
    name; on other file systems a ``:`` is part of the name."""
    if item.inode is None or item.partition is None:
        return None
    name = item.path.rsplit("/", 1)[-1]
    if ":" not in name:
        return None
    fs_type = next(
        (
            str(v.get("fs_type") or "")
            for v in source.layout or []
            if isinstance(v, dict) and v.get("offset") == item.partition
        ),
        "",
    )
    if not fs_type.startswith("ntfs"):
        return None
    return name.split(":", 1)[1]


def _read(item: TriageItem, source: TriageSource, max_bytes: int) -> bytes:
    if item.size is not None and item.size > max_bytes:
        raise TooLarge(f"item {item.id} is {item.size} bytes, over {max_bytes}")
    found = FoundFile(
        path=item.path,
        size=item.size or 0,
        partition=item.partition,
        inode=item.inode,
        stream=ntfs_stream(item, source),
    )
    reader = open_file(source_ref(source), found)
    try:
        data = reader.read(max_bytes + 1)
    finally:
        close = getattr(reader, "close", None)
        if close is not None:
            close()
    if len(data) > max_bytes:
        raise TooLarge(f"item {item.id} is over {max_bytes} bytes")
    return data


def item_content(session: Session, item: TriageItem, max_bytes: int = 64 * MiB) -> bytes:
    """The bytes of ``item`` as they are in its source now."""
    source = session.get(TriageSource, item.source_id)
    if source is None:
        raise NotFound(f"item {item.id} has no source")
    if item.container is None:
        return _read(item, source, max_bytes)
    top_path = item.path.split(MEMBER_SEPARATOR, 1)[0]
    top = session.scalars(
        select(TriageItem).where(
            TriageItem.source_id == item.source_id,
            TriageItem.path == top_path,
            TriageItem.container.is_(None),
        )
    ).first()
    if top is None:
        raise NotFound(f"the archive holding item {item.id} is not in the case")
    archive = _read(top, source, 4 * max_bytes)
    limits = ArchiveLimits(max_member_bytes=max_bytes)
    for member in walk_archive_bytes(top.path, archive, limits):
        if isinstance(member, Member) and member.path == item.path:
            return member.data
    raise NotFound(f"item {item.id} was not found again in {top.path}")

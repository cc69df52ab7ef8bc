"""A triage case in the store: creating it, reading its items, the examiner's verdicts.

Every examiner act (a case opened, a run, a verdict, a report or an export) is appended to
the audit log in the same transaction as the change it records, with the subject
``triage:CASE``; the report's chain of custody is read back from there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from safeguard import __version__, audit
from safeguard.errors import Conflict, InvalidInput, NotFound
from safeguard.store.models import AuditEvent
from safeguard.store.models.triage import TriageCase, TriageItem, TriageSource
from safeguard.triage import categories
from safeguard.triage.disk import raw_size
from safeguard.triage.sources import (
    CARVED_DIR,
    SourceRef,
    carved_offset,
    detect_kind,
    is_unpartitioned,
)

#: Rows read from the store at a time when streaming a case's items.
PAGE = 2000


def subject(case: TriageCase) -> str:
    return f"triage:{case.name}"


def create_case(
    session: Session,
    name: str,
    sources: Sequence[str | Path],
    *,
    examiner: str,
    scheme: str,
    actor: str,
) -> TriageCase:
    """Open a case over ``sources`` (nothing is read yet but their kind)."""
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidInput("a case name is 1 to 200 characters", code="bad_case_name")
    if not sources:
        raise InvalidInput("a case needs at least one --source", code="no_source")
    scheme = categories.check_scheme(scheme)
    if session.scalar(select(TriageCase.id).where(TriageCase.name == name)) is not None:
        raise Conflict(f"case {name!r} exists already", code="case_exists")
    case = TriageCase(
        name=name,
        examiner=examiner,
        scheme=scheme,
        status="new",
        tool_version=f"safeguard {__version__}",
        created_at=datetime.now(UTC),
        created_by=actor,
    )
    session.add(case)
    session.flush()
    described = []
    for position, given in enumerate(sources):
        location = str(Path(given).resolve())
        kind = detect_kind(location)
        if kind == "raw":
            size = raw_size(location)  # every segment of a split image
        else:
            size = Path(location).stat().st_size if kind != "folder" else 0
        session.add(
            TriageSource(
                case_id=case.id, position=position, location=location, kind=kind, size=size
            )
        )
        described.append({"location": location, "kind": kind, "size": size})
    audit.record(
        session,
        actor,
        "triage_case_created",
        subject(case),
        {"examiner": examiner, "scheme": scheme, "sources": described},
    )
    return case


def get_case(session: Session, name: str) -> TriageCase:
    case = session.scalars(select(TriageCase).where(TriageCase.name == name)).first()
    if case is None:
        raise NotFound(f"no case {name!r}", code="case_not_found")
    return case


def case_sources(session: Session, case: TriageCase) -> list[TriageSource]:
    return list(
        session.scalars(
            select(TriageSource)
            .where(TriageSource.case_id == case.id)
            .order_by(TriageSource.position)
        )
    )


def source_ref(source: TriageSource) -> SourceRef:
    kind = source.kind
    if kind not in ("folder", "file", "raw", "e01"):
        raise InvalidInput(f"unknown source kind {kind!r}")
    return SourceRef(source.location, kind)  # type: ignore[arg-type]


# --- items -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemFilter:
    known: bool | None = None
    deleted: bool | None = None
    stack: int | None = None


def iter_items(
    session: Session, case: TriageCase, where: ItemFilter | None = None, *, order: str = "id"
) -> Iterator[TriageItem]:
    """The case's items page by page (bounded memory), by id or grouped by MD5."""
    where = where or ItemFilter()
    query = select(TriageItem).where(TriageItem.case_id == case.id)
    if where.known is not None:
        query = query.where(TriageItem.known.is_(where.known))
    if where.deleted is not None:
        query = query.where(TriageItem.allocated.is_(not where.deleted))
    if where.stack is not None:
        query = query.where(TriageItem.stack == where.stack)
    if order == "md5":
        # Keyset pagination on (md5, id); items without an MD5 come last, by id.
        last: tuple[str, int] = ("", 0)
        while True:
            page = list(
                session.scalars(
                    query.where(TriageItem.md5.is_not(None))
                    .where(
                        (TriageItem.md5 > last[0])
                        | ((TriageItem.md5 == last[0]) & (TriageItem.id > last[1]))
                    )
                    .order_by(TriageItem.md5, TriageItem.id)
                    .limit(PAGE)
                )
            )
            if not page:
                break
            yield from page
            session.expunge_all()
            last = (page[-1].md5 or "", page[-1].id)
        query = query.where(TriageItem.md5.is_(None))
    last_id = 0
    while True:
        page = list(
            session.scalars(
                query.where(TriageItem.id > last_id).order_by(TriageItem.id).limit(PAGE)
            )
        )
        if not page:
            return
        yield from page
        session.expunge_all()
        last_id = page[-1].id


def page_items(
    session: Session, case: TriageCase, where: ItemFilter, *, after: int = 0, limit: int = 100
) -> list[TriageItem]:
    """Up to ``limit`` items with ids above ``after``, in id order (one page of a listing)."""
    query = select(TriageItem).where(TriageItem.case_id == case.id, TriageItem.id > after)
    if where.known is not None:
        query = query.where(TriageItem.known.is_(where.known))
    if where.deleted is not None:
        query = query.where(TriageItem.allocated.is_(not where.deleted))
    if where.stack is not None:
        query = query.where(TriageItem.stack == where.stack)
    return list(session.scalars(query.order_by(TriageItem.id).limit(limit)))


def category_of(case: TriageCase, item: TriageItem) -> categories.Category | None:
    """The item's category: the examiner's verdict when there is one, else the one its
    hashes brought."""
    if item.examiner_code is not None:
        return categories.Category(case.scheme, item.examiner_code, item.examiner_by or "")
    if item.hash_code is not None:
        return categories.Category(case.scheme, item.hash_code, item.hash_by or "")
    return None


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def is_carved(item: TriageItem) -> bool:
    """Whether the item was carved from unallocated or unpartitioned space
    (``triage.carve``)."""
    if item.inode is not None or carved_offset(item.path) is None:
        return False
    return item.partition is not None or is_unpartitioned(item.path)


def item_row(case: TriageCase, item: TriageItem, source: str) -> dict[str, Any]:
    """One item as ``triage list --json`` prints it."""
    category = category_of(case, item)
    return {
        "id": item.id,
        "source": source,
        "path": item.path,
        "container": item.container,
        "kind": item.kind,
        "mime": item.mime,
        "size": item.size,
        "md5": item.md5,
        "sha1": item.sha1,
        "sha256": item.sha256,
        "pdq": item.pdq,
        "pdq_quality": item.pdq_quality,
        "vpdq": item.vpdq,
        "partition": item.partition,
        "inode": item.inode,
        "deleted": not item.allocated,
        "carved": is_carved(item),
        "offset": carved_offset(item.path) if is_carved(item) else None,
        "created": _iso(item.created),
        "modified": _iso(item.modified),
        "accessed": _iso(item.accessed),
        "changed": _iso(item.changed),
        "known": item.known,
        "matches": item.matches or [],
        "category": None if category is None else category.to_json(),
        "precategory": None
        if item.hash_code is None
        else {"scheme": case.scheme, "code": item.hash_code, "by": item.hash_by},
        "note": item.examiner_note,
        "stack": item.stack,
        "error": item.error,
        "error_code": item.error_code,
    }


def source_names(session: Session, case: TriageCase) -> dict[int, str]:
    return {s.id: s.location for s in case_sources(session, case)}


# --- the examiner's verdicts -----------------------------------------------------------------


def categorise(
    session: Session,
    case: TriageCase,
    *,
    code: str,
    examiner: str,
    actor: str,
    ids: Iterable[int] = (),
    stacks: Iterable[int] = (),
    note: str | None = None,
) -> int:
    """Record the examiner's verdict on items and whole stacks; returns how many items
    it covers. Items of another case, or missing, are refused (nothing is changed)."""
    canonical = categories.parse_code(case.scheme, code)
    wanted = sorted(set(ids))
    stack_ids = sorted(set(stacks))
    if not wanted and not stack_ids:
        raise InvalidInput("name item ids or --stack", code="nothing_to_categorise")
    if wanted:
        found = set(
            session.scalars(
                select(TriageItem.id).where(
                    TriageItem.case_id == case.id, TriageItem.id.in_(wanted)
                )
            )
        )
        missing = [i for i in wanted if i not in found]
        if missing:
            raise NotFound(
                f"no item {', '.join(map(str, missing[:10]))} in case {case.name!r}",
                code="item_not_found",
            )
    condition: ColumnElement[bool] = TriageItem.id.in_(wanted)
    if stack_ids:
        known_stacks = set(
            session.scalars(
                select(TriageItem.stack)
                .where(TriageItem.case_id == case.id, TriageItem.stack.in_(stack_ids))
                .distinct()
            )
        )
        missing = [s for s in stack_ids if s not in known_stacks]
        if missing:
            raise NotFound(
                f"no stack {', '.join(map(str, missing[:10]))} in case {case.name!r}",
                code="stack_not_found",
            )
        condition = condition | TriageItem.stack.in_(stack_ids)
    now = datetime.now(UTC)
    result = session.execute(
        update(TriageItem)
        .where(TriageItem.case_id == case.id, condition)
        .values(
            examiner_code=canonical,
            examiner_by=f"examiner:{examiner}",
            examiner_note=note,
            examiner_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    audit.record(
        session,
        actor,
        "triage_categorised",
        subject(case),
        {
            "examiner": examiner,
            "scheme": case.scheme,
            "code": canonical,
            "items": wanted,
            "stacks": stack_ids,
            "count": count,
            "note": note,
        },
    )
    return count


def examiner_actions(session: Session, case: TriageCase) -> list[AuditEvent]:
    """Every audit event about this case, oldest first."""
    return list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.subject == subject(case)).order_by(AuditEvent.id)
        )
    )


def counts(session: Session, case: TriageCase) -> dict[str, Any]:
    """Items, bytes, known/unknown, deleted (of which carved), errors, and items per
    effective category."""
    base = select(func.count(TriageItem.id)).where(TriageItem.case_id == case.id)
    total = session.scalar(base) or 0
    known = session.scalar(base.where(TriageItem.known.is_(True))) or 0
    deleted = session.scalar(base.where(TriageItem.allocated.is_(False))) or 0
    carved = (
        session.scalar(
            base.where(
                TriageItem.allocated.is_(False),
                TriageItem.inode.is_(None),
                TriageItem.path.contains(f"/{CARVED_DIR}/", autoescape=True),
            )
        )
        or 0
    )
    errors = session.scalar(base.where(TriageItem.error.is_not(None))) or 0
    size = (
        session.scalar(
            select(func.coalesce(func.sum(TriageItem.size), 0)).where(
                TriageItem.case_id == case.id, TriageItem.container.is_(None)
            )
        )
        or 0
    )
    effective = func.coalesce(TriageItem.examiner_code, TriageItem.hash_code)
    per_code = {
        str(code): int(n)
        for code, n in session.execute(
            select(effective, func.count(TriageItem.id))
            .where(TriageItem.case_id == case.id, effective.is_not(None))
            .group_by(effective)
        )
    }
    by_examiner = session.scalar(base.where(TriageItem.examiner_code.is_not(None))) or 0
    by_hash = session.scalar(base.where(TriageItem.hash_code.is_not(None))) or 0
    kinds = {
        str(kind): int(n)
        for kind, n in session.execute(
            select(TriageItem.kind, func.count(TriageItem.id))
            .where(TriageItem.case_id == case.id)
            .group_by(TriageItem.kind)
        )
    }
    stacks = (
        session.scalar(
            select(func.count(func.distinct(TriageItem.stack))).where(
                TriageItem.case_id == case.id, TriageItem.stack.is_not(None)
            )
        )
        or 0
    )
    return {
        "items": int(total),
        "bytes": int(size),
        "known": int(known),
        "unknown": int(total - known),
        "deleted": int(deleted),
        "carved": int(carved),
        "errors": int(errors),
        "kinds": kinds,
        "categories": {code: per_code.get(code, 0) for code in categories.ORDER[case.scheme]},
        "uncategorised": int(total - sum(per_code.values())),
        "precategorised": int(by_hash),
        "examined": int(by_examiner),
        "stacks": int(stacks),
    }


def list_cases(session: Session, *, limit: int = 200) -> list[TriageCase]:
    """The newest cases first."""
    return list(session.scalars(select(TriageCase).order_by(TriageCase.id.desc()).limit(limit)))


def get_item(session: Session, case: TriageCase, item_id: int) -> TriageItem | None:
    item = session.get(TriageItem, item_id)
    return item if item is not None and item.case_id == case.id else None


def review_queue(
    session: Session, case: TriageCase, *, page: int = 1, page_size: int = 40
) -> tuple[list[TriageItem], dict[int, int], bool]:
    """What an examiner still has to look at: unknown, not yet categorised items, one per
    near-duplicate stack (its first item) and items alone, in id order. Returns the page's
    items, each item's stack size by item id, and whether more pages follow."""
    pending = (
        TriageItem.case_id == case.id,
        TriageItem.known.is_(False),
        TriageItem.examiner_code.is_(None),
        TriageItem.md5.is_not(None),
    )
    firsts = (
        select(func.min(TriageItem.id))
        .where(*pending)
        .group_by(func.coalesce(TriageItem.stack, -TriageItem.id))
    )
    items = list(
        session.scalars(
            select(TriageItem)
            .where(*pending, TriageItem.id.in_(firsts))
            .order_by(TriageItem.id)
            .limit(page_size + 1)
            .offset((max(1, page) - 1) * page_size)
        )
    )
    more = len(items) > page_size
    items = items[:page_size]
    stacks = {i.stack for i in items if i.stack is not None}
    per_stack: dict[int, int] = {}
    if stacks:
        per_stack = {
            int(stack): int(n)
            for stack, n in session.execute(
                select(TriageItem.stack, func.count(TriageItem.id))
                .where(TriageItem.case_id == case.id, TriageItem.stack.in_(stacks))
                .group_by(TriageItem.stack)
            )
            if stack is not None
        }
    sizes = {i.id: per_stack.get(i.stack, 1) if i.stack is not None else 1 for i in items}
    return items, sizes, more

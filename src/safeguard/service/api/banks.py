"""Banks over HTTP: create, list, get, update, delete, streamed import, add entries,
disable/enable entries, browse entries. The same functions as ``safeguard banks ...``."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, Literal, cast

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from safeguard import banks
from safeguard.banks import NewEntry, add_entries
from safeguard.banks.formats.detect import resolve_format
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_runtime, get_session
from safeguard.service.errors import ApiError
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import (
    BankDeleted,
    BankIn,
    BankOut,
    BankPatch,
    EntriesAdded,
    EntriesChanged,
    EntriesIn,
    EntriesPage,
    EntryOut,
    ImportOut,
    ValuesIn,
)
from safeguard.service.uploads import media_type, receive_to_file

router = APIRouter(prefix="/v1/banks", tags=["banks"], responses=ERRORS)

curator = require_role("curator")
reader = require_role("curator", "reviewer")

IMPORT_TYPES = ("text/plain", "text/csv", "application/json", "application/octet-stream")
IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {t: {"schema": {"type": "string"}} for t in IMPORT_TYPES},
    }
}


def _out(session: Session, bank: Any) -> BankOut:
    return BankOut.model_validate(banks.summarize(session, bank).to_json())


@router.post("", response_model=BankOut, status_code=201)
def create_bank(
    body: BankIn,
    principal: Principal = Depends(curator),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> BankOut:
    spec = banks.BankSpec(**body.model_dump())
    bank = banks.create_bank(session, spec, principal.name)
    return _out(session, bank)


@router.get("", response_model=list[BankOut])
def list_banks(
    _principal: Principal = Depends(reader),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[BankOut]:
    return [BankOut.model_validate(b.to_json()) for b in banks.list_banks(session)]


@router.get("/{name}", response_model=BankOut)
def get_bank(
    name: str,
    _principal: Principal = Depends(reader),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> BankOut:
    return _out(session, banks.get_bank(session, name))


@router.patch("/{name}", response_model=BankOut)
def update_bank(
    name: str,
    body: BankPatch,
    principal: Principal = Depends(curator),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> BankOut:
    changes = body.model_dump(exclude_unset=True)
    enabled = changes.pop("enabled", None)
    bank = banks.get_bank(session, name)
    if changes:
        bank = banks.update_bank(session, name, principal.name, **changes)
    if enabled is not None:
        bank = banks.set_bank_enabled(session, name, bool(enabled), principal.name)
    return _out(session, bank)


@router.delete("/{name}", response_model=BankDeleted)
def delete_bank(
    name: str,
    principal: Principal = Depends(curator),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> BankDeleted:
    return BankDeleted(bank=name, entries_deleted=banks.delete_bank(session, name, principal.name))


@router.post("/{name}/import", response_model=ImportOut, openapi_extra=IMPORT_BODY)
async def import_list(
    name: str,
    request: Request,
    format: Literal["auto", "plain", "csv", "vics"] = Query("auto"),
    type: Literal["pdq", "md5", "sha1", "sha256"] | None = Query(None),
    principal: Principal = Depends(curator),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> ImportOut:
    """Import a hash list sent as the raw body (streamed to disk, then imported all or
    nothing: a bad line rejects the whole list with ``line: message`` issues). With
    ``format=auto`` (the default) the format is detected from the list's first line (a
    ``text/csv`` body counts as CSV when its content does not say); the answer says which."""
    kind = media_type(request)
    if kind not in IMPORT_TYPES:
        raise ApiError(
            415, "unsupported_media_type", f"send the list as one of {', '.join(IMPORT_TYPES)}"
        )
    with runtime.db.session() as s:
        banks.get_bank(s, name)
    spooled = await receive_to_file(request, max_bytes=runtime.settings.max_import_bytes)
    try:

        @contextmanager
        def reopen() -> Iterator[BinaryIO]:
            spooled.seek(0)
            yield cast(BinaryIO, spooled)

        hint = {"text/csv": "upload.csv", "application/json": "upload.json"}.get(kind)
        fmt = resolve_format(format, reopen, hint)
        report = await run_in_threadpool(
            banks.import_list,
            runtime.db,
            name,
            reopen,
            fmt=fmt,
            source=f"http:{principal.name}",
            default_type=type,
            actor=principal.name,
        )
    finally:
        spooled.close()
    return ImportOut.model_validate({**report.to_json(), "format": fmt})


EXPORT_TYPES = {"plain": "text/plain", "csv": "text/csv", "vics": "application/json"}


@router.get(
    "/{name}/export",
    response_class=Response,
    responses={200: {"content": {t: {} for t in EXPORT_TYPES.values()}}},
)
async def export_list(
    name: str,
    format: Literal["plain", "csv", "vics"] = Query("plain"),
    type: Literal["pdq", "md5", "sha1", "sha256"] | None = Query(None),
    principal: Principal = Depends(curator),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> Response:
    """Every enabled entry of the bank as a list (written to disk first, then streamed);
    the export is audited."""
    spooled = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response's task
    try:
        await run_in_threadpool(
            banks.export_list,
            runtime.db,
            name,
            cast(BinaryIO, spooled),
            fmt=format,
            types=[type] if type else None,
            actor=principal.name,
        )
    except BaseException:
        spooled.close()
        raise
    size = spooled.tell()
    spooled.seek(0)

    def chunks() -> Iterator[bytes]:
        try:
            while chunk := spooled.read(1 << 20):
                yield chunk
        finally:
            spooled.close()

    return StreamingResponse(
        chunks(),
        media_type=EXPORT_TYPES[format],
        headers={
            "Content-Length": str(size),
            "Content-Disposition": f'attachment; filename="{name}.{format}"',
        },
    )


@router.post("/{name}/entries", response_model=EntriesAdded)
def add_bank_entries(
    name: str,
    body: EntriesIn,
    principal: Principal = Depends(curator),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> EntriesAdded:
    """Add entries (JSON). Values already in the bank are kept (re-enabled if disabled)."""
    entries = [NewEntry(e.type, e.value, e.external_id, e.category, e.note) for e in body.entries]
    added = add_entries(session, name, entries, actor=principal.name)
    return EntriesAdded(bank=name, read=len(entries), added=added)


def _set_disabled(
    session: Session, name: str, body: ValuesIn, disabled: bool, actor: str
) -> EntriesChanged:
    changed, missing = banks.set_entries_disabled(
        session, name, [(v.type, v.value) for v in body.values], disabled, actor
    )
    return EntriesChanged(bank=name, changed=changed, missing=missing)


@router.post("/{name}/entries/disable", response_model=EntriesChanged)
def disable_entries(
    name: str,
    body: ValuesIn,
    principal: Principal = Depends(curator),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> EntriesChanged:
    """Disable entries: every worker stops matching them within a few seconds."""
    return _set_disabled(session, name, body, True, principal.name)


@router.post("/{name}/entries/enable", response_model=EntriesChanged)
def enable_entries(
    name: str,
    body: ValuesIn,
    principal: Principal = Depends(curator),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> EntriesChanged:
    return _set_disabled(session, name, body, False, principal.name)


@router.get("/{name}/entries", response_model=EntriesPage)
def browse_entries(
    name: str,
    after: int = Query(0, ge=0, le=2**63 - 1),
    limit: int = Query(100, ge=1, le=1000),
    _principal: Principal = Depends(reader),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> EntriesPage:
    """Entries in id order, disabled ones included; page with ``after``."""
    bank = banks.get_bank(session, name)
    rows = banks.page_entries(session, bank, after=after, limit=limit)
    entries = [
        EntryOut(
            id=e.id,
            type=e.signal_type,
            value=e.value,
            external_id=e.external_id,
            category=e.category,
            note=e.note,
            added_at=e.added_at,
            disabled=e.disabled,
        )
        for e in rows
    ]
    return EntriesPage(
        bank=name, entries=entries, next_after=rows[-1].id if len(rows) == limit else None
    )

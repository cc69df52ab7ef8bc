"""Banks pages: list and create, browse a bank's entries, import a list, disable entries
and banks. Reviewers may look; curators (and admins) may change."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, BinaryIO, cast

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from safeguard import banks
from safeguard.banks.formats import formats
from safeguard.banks.formats.detect import AUTO, resolve_format
from safeguard.exchange import feed_opinions
from safeguard.service.console.auth import ConsoleRoute, DbSession, require_user
from safeguard.service.console.rendering import not_found, render
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.deps import get_runtime
from safeguard.service.runtime import Runtime
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.types import SIGNAL_TYPES
from safeguard.store.models import Entry

router = APIRouter(route_class=ConsoleRoute)

PAGE = 50
Viewer = Annotated[SignedInUser, Depends(require_user("reviewer", "curator"))]
Curator = Annotated[SignedInUser, Depends(require_user("curator"))]
DONE = {
    "created": "Bank created.",
    "imported": "Import finished.",
    "entry": "Entry updated.",
    "state": "Bank updated.",
}


class UploadTooLarge(Exception):
    pass


def _banks_page(
    request: Request,
    user: SignedInUser,
    session: Session,
    *,
    flash: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "banks.html",
        {
            "nav": "banks",
            "banks": banks.list_banks(session),
            "may_curate": user.has_role("curator"),
            "flash": flash,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/console/banks", include_in_schema=False)
def banks_page(request: Request, user: Viewer, session: DbSession, done: str = "") -> Response:
    return _banks_page(request, user, session, flash=DONE.get(done))


@router.post("/console/banks", include_in_schema=False)
def create_bank(
    request: Request,
    user: Curator,
    session: DbSession,
    name: Annotated[str, Form(max_length=200)],
    kind: Annotated[str, Form(max_length=10)] = "block",
    category: Annotated[str, Form(max_length=100)] = "",
    source: Annotated[str, Form(max_length=2000)] = "",
    licence: Annotated[str, Form(max_length=2000)] = "",
    description: Annotated[str, Form(max_length=4000)] = "",
    pdq_threshold: Annotated[int, Form(ge=0, le=64)] = 31,
) -> Response:
    spec = banks.BankSpec(
        name=name.strip(),
        description=description.strip(),
        source=source.strip(),
        licence=licence.strip(),
        category=category.strip() or None,
        kind="allow" if kind == "allow" else "block",
        pdq_threshold=pdq_threshold,
    )
    try:
        with session.begin_nested():
            banks.create_bank(session, spec, user.actor)
    except banks.BankError as e:
        status = 409 if isinstance(e, banks.BankExists) else 400
        return _banks_page(request, user, session, error=str(e), status_code=status)
    return RedirectResponse(f"/console/banks/{spec.name}?done=created", status_code=303)


def _bank_page(
    request: Request,
    user: SignedInUser,
    session: Session,
    name: str,
    *,
    q: str = "",
    after: int = 0,
    flash: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    try:
        bank = banks.get_bank(session, name)
    except banks.BankNotFound:
        return not_found(request, "No such bank", f"There is no bank {name!r}.", nav="banks")
    needle = q.strip()
    entries = banks.page_entries(session, bank, after=after, limit=PAGE + 1, needle=needle)
    feeds = feed_opinions.feeds_of_bank(session, bank.id)
    return render(
        request,
        "bank.html",
        {
            "nav": "banks",
            "bank": banks.summarize(session, bank),
            "entries": entries[:PAGE],
            "q": needle,
            "after": after,
            "next_after": entries[PAGE - 1].id if len(entries) > PAGE else None,
            "may_curate": user.has_role("curator"),
            "formats": sorted(formats()),
            "signal_types": sorted(SIGNAL_TYPES),
            # Published as a feed: what subscribers said of its entries.
            "feeds": feeds,
            "opinions": feed_opinions.opinions_of_entries(
                session, bank.id, [e.id for e in entries[:PAGE]]
            )
            if feeds
            else {},
            "disputed": feed_opinions.most_disputed(session, bank.id) if feeds else [],
            "flash": flash,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/console/banks/{name}", include_in_schema=False)
def bank_page(
    request: Request,
    name: str,
    user: Viewer,
    session: DbSession,
    q: str = "",
    after: int = 0,
    done: str = "",
) -> Response:
    return _bank_page(request, user, session, name, q=q, after=max(0, after), flash=DONE.get(done))


def _spool(upload: UploadFile, limit: int) -> BinaryIO:
    """Copy the upload to a temporary file (the import reads it twice), at most ``limit``."""
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the caller
    copied = 0
    while chunk := upload.file.read(1 << 20):
        copied += len(chunk)
        if copied > limit:
            tmp.close()
            raise UploadTooLarge(f"the list is over the import limit of {limit:,} bytes")
        tmp.write(chunk)
    return cast(BinaryIO, tmp)


@router.post("/console/banks/{name}/import", include_in_schema=False)
def import_list(
    request: Request,
    name: str,
    user: Curator,
    session: DbSession,
    runtime: Annotated[Runtime, Depends(get_runtime)],
    file: UploadFile,
    format: Annotated[str, Form(max_length=20)] = AUTO,
    signal_type: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _bank_page(request, user, session, name, error=message, status_code=status_code)

    if format != AUTO and format not in formats():
        return refused(f"unknown format {format!r}", 400)
    try:
        spooled = _spool(file, runtime.settings.max_import_bytes)
    except UploadTooLarge as e:
        return refused(str(e), 413)

    @contextmanager
    def reopen() -> Iterator[BinaryIO]:
        spooled.seek(0)
        yield spooled

    try:
        fmt = resolve_format(format, reopen, file.filename)
        # Its own transaction (all or nothing, in batches), as from the command line.
        report = banks.import_list(
            runtime.db,
            name,
            reopen,
            fmt=fmt,
            source=file.filename or "upload",
            default_type=signal_type or None,
            actor=user.actor,
        )
    except banks.ImportRejected as e:
        return refused(str(e), 400)
    except banks.BankNotFound as e:
        return refused(str(e), 404)
    except (banks.BankError, InvalidSignal) as e:
        return refused(str(e), 400)
    finally:
        spooled.close()
    return _bank_page(
        request,
        user,
        session,
        name,
        flash=f"Imported {file.filename or 'the list'}: {report.read:,} read, "
        f"{report.added:,} added, {report.already_present:,} already present (format: {fmt}).",
    )


@router.post("/console/banks/{name}/entries/{entry_id}", include_in_schema=False)
def set_entry(
    request: Request,
    name: str,
    entry_id: int,
    user: Curator,
    session: DbSession,
    disabled: Annotated[str, Form(max_length=5)] = "true",
) -> Response:
    entry = session.get(Entry, entry_id)
    try:
        bank = banks.get_bank(session, name)
    except banks.BankNotFound:
        return _bank_page(request, user, session, name)
    if entry is None or entry.bank_id != bank.id:
        return _bank_page(
            request, user, session, name, error=f"no entry {entry_id} in {name}", status_code=404
        )
    banks.set_entries_disabled(
        session, name, [(entry.signal_type, entry.value)], disabled == "true", user.actor
    )
    return RedirectResponse(f"/console/banks/{name}?done=entry", status_code=303)


@router.post("/console/banks/{name}/enabled", include_in_schema=False)
def set_bank_enabled(
    request: Request,
    name: str,
    user: Curator,
    session: DbSession,
    enabled: Annotated[str, Form(max_length=5)] = "false",
) -> Response:
    try:
        banks.set_bank_enabled(session, name, enabled == "true", user.actor)
    except banks.BankNotFound:
        return _bank_page(request, user, session, name)
    return RedirectResponse(f"/console/banks/{name}?done=state", status_code=303)

"""``POST /v1/check``: check content on upload. Takes the file (multipart field ``file``)
or precomputed signals (JSON), matches them against the banks, decides the action by the
rules, opens a case for ``review``/``report``, and answers ``{action, matches, case_id}``.

The answer carries a ``Server-Timing`` header with the CPU milliseconds this request spent
hashing (decode + PDQ), matching and acting (rules, case, audit), for ``bench/service``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from safeguard.actions import CheckResult, Media, act
from safeguard.matching import CRYPTO_TYPES, Match
from safeguard.service import metrics
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_matcher, get_runtime
from safeguard.service.errors import ApiError
from safeguard.service.routers.hashing import ERRORS, decode_error, hash_upload
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import CheckIn, CheckOut, ErrorDetail, MatchOut
from safeguard.service.uploads import media_type, receive_json, receive_upload
from safeguard.signals.media import FileHashes

router = APIRouter(prefix="/v1", tags=["check"])

CHECK_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "source": {"type": "string", "maxLength": 200},
                    },
                }
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/CheckIn"}},
        },
    }
}


@dataclass
class _Timing:
    hash_ms: float = 0.0
    match_ms: float = 0.0
    act_ms: float = 0.0

    def header(self) -> str:
        return (
            f"hash;dur={self.hash_ms:.3f}, match;dur={self.match_ms:.3f}, act;dur={self.act_ms:.3f}"
        )


def _signals_of(record: FileHashes) -> dict[str, Any]:
    out: dict[str, Any] = {t: getattr(record, t) for t in CRYPTO_TYPES if getattr(record, t)}
    if record.pdq:
        out["pdq"] = record.pdq
        out["pdq_quality"] = record.pdq_quality
    if record.vpdq:
        out["vpdq"] = [f.to_json() for f in record.vpdq]
    out["kind"] = record.kind
    out["size"] = record.size
    return out


def _match_values(runtime: Runtime, values: dict[str, str], dihedral: bool) -> list[Match]:
    matcher = runtime.matcher
    assert matcher is not None
    found: list[Match] = []
    with runtime.db.session() as s:
        for kind, value in values.items():
            found.extend(matcher.match_value(kind, value, dihedral=dihedral, session=s))
    return found


def _act(
    runtime: Runtime,
    matches: list[Match],
    signals: dict[str, Any],
    source: str,
    principal: Principal,
    media: Media | None,
) -> CheckResult:
    with runtime.db.session() as s:
        return act(
            s,
            matches=matches,
            signals=signals,
            source=source,
            actor=principal.name,
            default=runtime.settings.default_action,
            media=media,
            keeper=runtime.evidence,
        )


def _check_signals(
    runtime: Runtime, payload: CheckIn, principal: Principal, timing: _Timing
) -> tuple[CheckResult, dict[str, Any]]:
    values = payload.signals.values()
    t0 = time.thread_time()
    matches = _match_values(runtime, values, payload.dihedral)
    t1 = time.thread_time()
    signals: dict[str, Any] = dict(values)
    if payload.signals.pdq_quality is not None:
        signals["pdq_quality"] = payload.signals.pdq_quality
    result = _act(runtime, matches, signals, payload.source, principal, None)
    timing.match_ms, timing.act_ms = (t1 - t0) * 1000, (time.thread_time() - t1) * 1000
    return result, signals


def _check_record(
    runtime: Runtime,
    record: FileHashes,
    data: bytes,
    filename: str,
    content_type: str,
    source: str,
    principal: Principal,
    timing: _Timing,
) -> tuple[CheckResult, dict[str, Any]]:
    matcher = runtime.matcher
    assert matcher is not None
    t0 = time.thread_time()
    matches = matcher.match_record(record, dihedral=runtime.settings.dihedral)
    t1 = time.thread_time()
    if record.error and not matches:
        raise decode_error(record)
    signals = _signals_of(record)
    media = Media(data, filename, content_type)
    result = _act(runtime, matches, signals, source, principal, media)
    timing.match_ms, timing.act_ms = (t1 - t0) * 1000, (time.thread_time() - t1) * 1000
    return result, signals


def _hash_timed(upload: Any, runtime: Runtime, timing: _Timing) -> tuple[FileHashes, bytes]:
    t0 = time.thread_time()
    out = hash_upload(upload, runtime.settings)
    timing.hash_ms = (time.thread_time() - t0) * 1000
    return out


@router.post("/check", response_model=CheckOut, responses=ERRORS, openapi_extra=CHECK_BODY)
async def check(
    request: Request,
    response: Response,
    principal: Principal = Depends(require_role("matcher")),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> CheckOut:
    """Match an upload (multipart ``file``) or precomputed signals (JSON ``{"signals":
    {"pdq": HEX, "md5": HEX, ...}}``) and act on the result."""
    settings = runtime.settings
    timing = _Timing()
    kind = media_type(request)
    media_error = None
    if kind == "application/json":
        body = await receive_json(request, max_bytes=settings.max_json_bytes)
        try:
            payload = CheckIn.model_validate(body)
        except ValidationError as e:
            raise RequestValidationError(e.errors(include_url=False)) from None
        if not payload.signals.values():
            raise ApiError(422, "no_signals", "give at least one of pdq, md5, sha1, sha256")
        get_matcher(request)
        result, signals = await run_in_threadpool(
            _check_signals, runtime, payload, principal, timing
        )
    elif kind == "multipart/form-data":
        get_matcher(request)
        upload = await receive_upload(request, max_bytes=settings.max_upload_bytes)
        try:
            record, data = await run_in_threadpool(_hash_timed, upload, runtime, timing)
        finally:
            upload.close()
        source = upload.fields.get("source", "api")[:200] or "api"
        result, signals = await run_in_threadpool(
            _check_record,
            runtime,
            record,
            data,
            upload.filename,
            upload.content_type,
            source,
            principal,
            timing,
        )
        if record.error:
            media_error = ErrorDetail(
                code=record.error_code or "signal_error", message=record.error
            )
    else:
        raise ApiError(
            415,
            "unsupported_media_type",
            "send multipart/form-data with the file in 'file', or application/json signals",
        )
    metrics.CHECKS.labels(result.action).inc()
    response.headers["Server-Timing"] = timing.header()
    return CheckOut(
        action=result.action,
        matches=[MatchOut.model_validate(m.to_json()) for m in result.matches],
        case_id=result.case_id,
        signals=signals,
        media_error=media_error,
    )

"""``POST /v1/check``: check content on upload. Takes the file (multipart field ``file``)
or precomputed signals (JSON); the route parses the request, calls the library's check
(``safeguard.review.check.Checker``) and answers ``{action, matches, case_id}``.

The answer carries a ``Server-Timing`` header with the CPU milliseconds this request spent
hashing (decode + PDQ), matching and acting (rules, case, audit), for ``bench/service``.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from safeguard.review.check import Checker, CheckResult, CheckTimings, Media
from safeguard.service import metrics
from safeguard.service.api.hashing import ERRORS, decode_error, hash_upload
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_checker, get_runtime
from safeguard.service.errors import ApiError
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import CheckIn, CheckOut, ErrorDetail, MatchOut
from safeguard.service.uploads import media_type, receive_json, receive_upload

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
                        "dihedral": {"type": "boolean"},
                    },
                }
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/CheckIn"}},
        },
    }
}


def _check_upload(
    checker: Checker,
    upload: Any,
    runtime: Runtime,
    source: str,
    actor: str,
    dihedral: bool | None = None,
) -> CheckResult:
    timings = CheckTimings()
    started = time.thread_time()
    record, data = hash_upload(upload, runtime.settings, runtime.decode_budget)
    timings.hash_ms = (time.thread_time() - started) * 1000
    media = Media(data, upload.filename, upload.content_type)
    result = checker.check_record(
        record, source=source, actor=actor, media=media, timings=timings, dihedral=dihedral
    )
    if record.error and not result.matches:
        raise decode_error(record)
    return result


def _form_flag(value: str | None) -> bool | None:
    """A multipart form's boolean field (``true``/``false``, ``1``/``0``); None if absent."""
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ApiError(422, "invalid_request", f"dihedral must be true or false, not {value[:20]!r}")


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
    kind = media_type(request)
    if kind == "application/json":
        body = await receive_json(request, max_bytes=settings.max_json_bytes)
        try:
            payload = CheckIn.model_validate(body)
        except ValidationError as e:
            raise RequestValidationError(e.errors(include_url=False)) from None
        values = payload.signals.values()
        if not values:
            raise ApiError(422, "no_signals", "give at least one of pdq, md5, sha1, sha256")
        checker = get_checker(request)
        result = await run_in_threadpool(
            checker.check_signals,
            values,
            source=payload.source,
            actor=principal.name,
            pdq_quality=payload.signals.pdq_quality,
            dihedral=payload.dihedral,
        )
    elif kind == "multipart/form-data":
        checker = get_checker(request)
        upload = await receive_upload(request, max_bytes=settings.max_upload_bytes)
        try:
            source = upload.fields.get("source", "api")[:200] or "api"
            dihedral = _form_flag(upload.fields.get("dihedral"))
            result = await run_in_threadpool(
                _check_upload, checker, upload, runtime, source, principal.name, dihedral
            )
        finally:
            upload.close()
    else:
        raise ApiError(
            415,
            "unsupported_media_type",
            "send multipart/form-data with the file in 'file', or application/json signals",
        )
    metrics.CHECKS.labels(result.action).inc()
    response.headers["Server-Timing"] = result.timings.server_timing()
    media_error = None
    if result.media_error is not None:
        media_error = ErrorDetail(code=result.media_error[0], message=result.media_error[1])
    return CheckOut(
        action=result.action,
        matches=[MatchOut.model_validate(m.to_json()) for m in result.matches],
        case_id=result.case_id,
        signals=result.signals,
        media_error=media_error,
    )

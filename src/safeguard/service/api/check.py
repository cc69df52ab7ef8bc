"""``POST /v1/check``: check content on upload. Takes the file (multipart field ``file``)
or precomputed signals (JSON); the route parses the request, calls the library's check
(``safeguard.review.check.Checker``) and answers ``{action, matches, case_id}``.

``POST /v1/check/batch`` takes up to ``MAX_BATCH`` sets of precomputed signals in one request
(one authentication, one index search per signal type) and answers each as ``/v1/check``
would, in order; matches open cases and are audited exactly as single checks are.

Precomputed signals take a fast path: the index search runs on the event loop (a fraction of
a millisecond, no I/O), and only a check that found candidates moves to a worker thread for
the database. The answer is written as JSON
directly (the response models still describe it in the OpenAPI schema).

The answer carries a ``Server-Timing`` header with the CPU milliseconds this request spent
hashing (decode + PDQ), matching and acting (rules, case, audit), for ``bench/service``.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import MutableMapping
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from safeguard.matching.matcher import Match
from safeguard.review.check import Checker, CheckResult, CheckTimings, Media, lowered_matches
from safeguard.service import metrics
from safeguard.service.api.hashing import ERRORS, decode_error, hash_upload
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_checker, get_runtime
from safeguard.service.errors import ApiError
from safeguard.service.protocol import waited
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import (
    MAX_BATCH,
    CheckBatchIn,
    CheckBatchOut,
    CheckIn,
    CheckOut,
    ErrorDetail,
    LoweredOut,
    MatchOut,
)
from safeguard.service.uploads import media_type, receive_json, receive_upload

router = APIRouter(prefix="/v1", tags=["check"])

#: Who may check content (``admin`` may too).
CHECK_ROLES = ("matcher",)

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
    principal: Principal = Depends(require_role(*CHECK_ROLES)),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> CheckOut | Response:
    """Match an upload (multipart ``file``) or precomputed signals (JSON ``{"signals":
    {"pdq": HEX, "md5": HEX, ...}}``) and act on the result."""
    started = time.perf_counter()
    settings = runtime.settings
    kind = media_type(request)
    if kind == "application/json":
        body = await receive_json(request, max_bytes=settings.max_json_bytes)
        payload = _validated(CheckIn, body)
        values = payload.signals.values()
        if not values:
            raise ApiError(422, "no_signals", "give at least one of pdq, md5, sha1, sha256")
        checker = get_checker(request)
        search = checker.search_signals(values, dihedral=payload.dihedral)
        finish: dict[str, Any] = {
            "source": payload.source,
            "actor": principal.name,
            "pdq_quality": payload.signals.pdq_quality,
        }
        if search.needs_database:
            result = await run_in_threadpool(checker.finish_signals, search, **finish)
        else:
            result = checker.finish_signals(search, **finish)
        metrics.count_checks(result.action)
        body, timing = check_response(result, request.scope, started)
        return Response(body, media_type="application/json", headers={"Server-Timing": timing})
    if kind == "multipart/form-data":
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
    metrics.count_checks(result.action)
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
        lowered_from=result.decision.lowered_from,
        lowered=[LoweredOut.model_validate(x) for x in lowered_matches(result.decision)],
    )


@router.post(
    "/check/batch",
    response_model=CheckBatchOut,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/CheckBatchIn"}}
            },
        }
    },
)
async def check_batch(
    request: Request,
    principal: Principal = Depends(require_role(*CHECK_ROLES)),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> Response:
    """Check up to 1,000 sets of precomputed signals (JSON ``{"signals": [{"pdq": HEX},
    {"md5": HEX, "sha1": HEX}, ...]}``); ``results`` answers each, in order, as ``POST
    /v1/check`` would. More than 1,000 sets is a 413; a malformed set makes the whole
    request a 422 that names it."""
    started = time.perf_counter()
    if media_type(request) != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the signals as application/json")
    body = await receive_json(request, max_bytes=runtime.settings.max_json_bytes)
    items = body.get("signals") if isinstance(body, dict) else None
    if isinstance(items, list) and len(items) > MAX_BATCH:
        raise ApiError(
            413, "too_many_signals", f"at most {MAX_BATCH} signal sets a request ({len(items)})"
        )
    payload = _validated(CheckBatchIn, body)
    values = [s.values() for s in payload.signals]
    empty = [i for i, v in enumerate(values) if not v]
    if empty:
        raise ApiError(
            422,
            "no_signals",
            f"signal set {empty[0]} is empty: give at least one of pdq, md5, sha1, sha256",
        )
    checker = get_checker(request)
    batch = await run_in_threadpool(
        checker.check_signal_batch,
        values,
        source=payload.source,
        actor=principal.name,
        pdq_qualities=[s.pdq_quality for s in payload.signals],
        dihedral=payload.dihedral,
    )
    for action, count in Counter(r.action for r in batch.results).items():
        metrics.count_checks(action, count)
    return Response(
        _json({"results": [answer(r) for r in batch.results]}),
        media_type="application/json",
        headers={"Server-Timing": batch.timings.server_timing() + waited(request.scope, started)},
    )


def _validated(model: type[Any], body: Any) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as e:
        raise RequestValidationError(e.errors(include_url=False)) from None


def _match_json(m: Match) -> dict[str, Any]:
    """A match as ``MatchOut`` writes it (``frame`` and ``ts`` always present)."""
    out = m.to_json()
    out.setdefault("frame", None)
    out.setdefault("ts", None)
    return out


def answer(result: CheckResult) -> dict[str, Any]:
    """A precomputed check's answer as ``CheckOut`` writes it."""
    return {
        "action": result.action,
        "matches": [_match_json(m) for m in result.matches],
        "case_id": result.case_id,
        "signals": result.signals,
        "media_error": None,
        "lowered_from": result.decision.lowered_from,
        "lowered": lowered_matches(result.decision),
    }


def _json(content: dict[str, Any]) -> bytes:
    return json.dumps(content, separators=(",", ":")).encode()


def check_response(
    result: CheckResult, scope: MutableMapping[str, Any], started: float
) -> tuple[bytes, str]:
    """A precomputed check's JSON answer and its ``Server-Timing`` header (CPU by step;
    ``wait`` and ``app`` from ``started``, when the app took the request up): what the route
    and the fast lane (``service/fastlane.py``) send."""
    return _json(answer(result)), result.timings.server_timing() + waited(scope, started)

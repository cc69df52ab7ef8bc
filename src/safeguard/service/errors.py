"""HTTP errors: one JSON shape, ``{"error": {"code", "message"}}``, with the right status.

Routes raise ``ApiError`` or let the library's typed exceptions through; ``install`` maps
those (by class, in ``STATUS_OF``), validation errors (422), unknown routes (404) and
wrong methods (405) onto the shape.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from safeguard.access.keys import ApiKeyError, ApiKeyNotFound
from safeguard.banks.service import BankError, BankExists, BankNotFound, ImportRejected
from safeguard.review.cases import CaseClosed, CaseError, CaseNotFound
from safeguard.review.evidence import EvidenceDisabled, EvidenceError, EvidenceKeyError
from safeguard.review.rules import InvalidRule, RuleError, RuleNotFound
from safeguard.review.webhooks import WebhookError, WebhookNotFound
from safeguard.signals.errors import (
    FileTooLarge,
    ImageTooLarge,
    InvalidSignal,
    SignalError,
    UnsupportedMedia,
)


class ApiError(Exception):
    def __init__(
        self, status_code: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        if status_code == 401:
            self.headers.setdefault("WWW-Authenticate", "Bearer")


#: Library exceptions and their statuses; the most specific class listed first wins.
STATUS_OF: tuple[tuple[type[Exception], int], ...] = (
    (BankNotFound, 404),
    (BankExists, 409),
    (ImportRejected, 422),
    (BankError, 400),
    (CaseNotFound, 404),
    (CaseClosed, 409),
    (CaseError, 400),
    (RuleNotFound, 404),
    (InvalidRule, 400),
    (RuleError, 400),
    (ApiKeyNotFound, 404),
    (ApiKeyError, 400),
    (WebhookNotFound, 404),
    (WebhookError, 400),
    (EvidenceDisabled, 404),
    (EvidenceKeyError, 500),
    (EvidenceError, 400),
    (InvalidSignal, 422),
    (FileTooLarge, 413),
    (ImageTooLarge, 422),
    (UnsupportedMedia, 415),
    (SignalError, 422),
)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def status_for(exc: Exception) -> int | None:
    for cls, status in STATUS_OF:
        if isinstance(exc, cls):
            return status
    return None


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status_code, exc.code, exc.message, exc.headers or None)


async def _library_error(_request: Request, exc: Exception) -> JSONResponse:
    status = status_for(exc) or 500
    code = str(getattr(exc, "code", "error"))
    extra: dict[str, Any] = {}
    if isinstance(exc, ImportRejected):
        extra["issues"] = [{"line": i.line, "message": i.message} for i in exc.issues]
        extra["problems"] = exc.total_issues
        return error_response(status, code, "import rejected, nothing changed", **extra)
    return error_response(status, code, str(exc))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "invalid_request", _validation_message(exc))


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, dict(exc.headers or {}) or None)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for cls, _status in STATUS_OF:
        app.add_exception_handler(cls, _library_error)

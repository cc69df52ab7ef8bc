"""``POST /v1/hash``: signals of an uploaded file, as ``safeguard hash`` prints them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_runtime
from safeguard.service.errors import ApiError
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import ErrorBody, HashOut
from safeguard.service.settings import ServiceSettings
from safeguard.service.uploads import Upload, receive_upload
from safeguard.signals.budget import DecodeBudget
from safeguard.signals.decode import ImageLimits
from safeguard.signals.media import FileHashes, HashOptions, hash_bytes

router = APIRouter(prefix="/v1", tags=["signals"])

UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 415, 422, 429, 503)
}


def hash_options(settings: ServiceSettings, budget: DecodeBudget | None = None) -> HashOptions:
    return HashOptions(
        fast=settings.fast_hash,
        dihedral=settings.dihedral,
        variants=settings.variants,
        local_features=settings.verify,
        image_limits=ImageLimits(max_bytes=settings.max_upload_bytes),
        decode_budget=budget,
    )


def hash_upload(
    upload: Upload, settings: ServiceSettings, budget: DecodeBudget | None = None
) -> tuple[FileHashes, bytes]:
    """Hash the spooled upload with the bounded decoders (run off the event loop), image
    decodes holding their memory from the process's ``budget``."""
    data = upload.read()
    return hash_bytes(upload.filename, data, hash_options(settings, budget)), data


#: Decoder error codes whose status is not 422 (unprocessable content).
_STATUS_OF_CODE = {"file_too_large": 413, "unsupported_media": 415}


def decode_error(record: FileHashes) -> ApiError:
    code = record.error_code or "signal_error"
    return ApiError(
        _STATUS_OF_CODE.get(code, 422), code, record.error or "the content could not be hashed"
    )


@router.post("/hash", response_model=HashOut, responses=ERRORS, openapi_extra=UPLOAD_BODY)
async def hash_content(
    request: Request,
    _principal: Principal = Depends(require_role("hasher", "matcher")),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> HashOut:
    """MD5, SHA-1, SHA-256 and PDQ (images) or per-frame PDQ (videos) of the file in the
    multipart field ``file``. Bad media (truncated, a decompression bomb, over the limits)
    answers 4xx with the decoder's error code."""
    settings = runtime.settings
    upload = await receive_upload(request, max_bytes=settings.max_upload_bytes)
    try:
        record, _ = await run_in_threadpool(hash_upload, upload, settings, runtime.decode_budget)
    finally:
        upload.close()
    if record.error:
        raise decode_error(record)
    return HashOut.model_validate(record.to_json())

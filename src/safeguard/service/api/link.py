"""``POST /v1/link/query``: which stored media shows the same place (or person) as an
uploaded picture or video. Answers suggestions with their evidence; nothing is stored."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from safeguard.link.extract import ExtractOptions
from safeguard.link.faces import faces_available
from safeguard.link.linking import query
from safeguard.link.store import open_kept
from safeguard.service.api.hashing import ERRORS, UPLOAD_BODY
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_settings
from safeguard.service.errors import ApiError
from safeguard.service.settings import ServiceSettings
from safeguard.service.uploads import Upload, receive_upload

router = APIRouter(prefix="/v1", tags=["link"])


#: Extraction error codes whose status is not 422 (unprocessable content).
_STATUS_OF_CODE = {"file_too_large": 413, "unsupported_media": 415}


def _query(upload: Upload, store_dir: Path) -> dict[str, Any]:
    # A missing store is NotFound (404) through the service's error mapping.
    # Kept open between requests while its files stay the same (``store.open_kept``).
    store = open_kept(store_dir)
    # Extraction reads a path (videos are demuxed from a file): spool to a temporary one.
    suffix = Path(upload.filename or "upload").suffix[:10]
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        upload.file.seek(0)
        while chunk := upload.file.read(1 << 20):
            tmp.write(chunk)
        tmp.flush()
        result = query(store, tmp.name, extract_options=ExtractOptions(faces=faces_available()))
    if result.error is not None:
        code = result.error_code or "link_error"
        raise ApiError(_STATUS_OF_CODE.get(code, 422), code, result.error)
    out = result.to_json()
    out["path"] = upload.filename
    return out


@router.post("/link/query", responses=ERRORS, openapi_extra=UPLOAD_BODY)
async def link_query(
    request: Request,
    _principal: Principal = Depends(require_role("reviewer")),  # noqa: B008
    settings: ServiceSettings = Depends(get_settings),  # noqa: B008
) -> dict[str, Any]:
    """Stored items and groups linked to the file in the multipart field ``file``:
    place links (inliers, matched regions) first, then face links (distance). Suggestions
    for a trained reviewer, never identifications."""
    upload = await receive_upload(request, max_bytes=settings.max_upload_bytes)
    try:
        return await run_in_threadpool(_query, upload, settings.data_dir / "link")
    finally:
        upload.close()

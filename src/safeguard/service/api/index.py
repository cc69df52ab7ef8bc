"""``GET /v1/index/status``: this worker's index, and how far behind the store it is."""

from __future__ import annotations

import os
from dataclasses import asdict

from fastapi import APIRouter, Depends

from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_runtime
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import IndexStatusOut

router = APIRouter(prefix="/v1/index", tags=["index"], responses=ERRORS)


@router.get("/status", response_model=IndexStatusOut)
def index_status(
    _principal: Principal = Depends(require_role("matcher", "curator")),  # noqa: B008
    runtime: Runtime = Depends(get_runtime),  # noqa: B008
) -> IndexStatusOut:
    status = runtime.index_status()
    behind = max(0, status.database_last_entry_id - status.last_entry_id)
    return IndexStatusOut(**asdict(status), behind=behind, worker=os.getpid())

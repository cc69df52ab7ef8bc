"""Liveness, readiness and metrics: the only endpoints without an API key."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response

from safeguard.service import metrics
from safeguard.service.deps import get_runtime
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz() -> Health:
    """The process is up (says nothing about the database or the index)."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, responses={503: {"model": Health}})
def readyz(runtime: Runtime = Depends(get_runtime)) -> Response:  # noqa: B008
    """Ready to serve checks: the database answers and this worker's index is loaded."""
    db_ok = runtime.database_ok()
    index_ok = runtime.matcher is not None
    body = Health(
        status="ok" if db_ok and index_ok else "unavailable",
        detail={"database": db_ok, "index": index_ok, "refresh_error": runtime.last_error},
    )
    return JSONResponse(body.model_dump(), status_code=200 if db_ok and index_ok else 503)


@router.get("/metrics", response_class=Response)
def prometheus_metrics(runtime: Runtime = Depends(get_runtime)) -> Response:  # noqa: B008
    """Prometheus text format."""
    m = runtime.matcher
    if m is not None:
        metrics.INDEX_ENTRIES.labels("pdq").set(len(m.pdq))
        for t, index in m.exact.items():
            metrics.INDEX_ENTRIES.labels(t).set(len(index))
    return Response(metrics.render(), media_type=metrics.CONTENT_TYPE)

"""API keys over HTTP (admin): create (the key is shown once), list, revoke."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from safeguard.access import keys
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_session
from safeguard.service.schemas import KeyCreated, KeyIn, KeyOut, RowId

router = APIRouter(prefix="/v1/keys", tags=["keys"], responses=ERRORS)
admin = require_role("admin")


@router.post("", response_model=KeyCreated, status_code=201)
def create_key(
    body: KeyIn,
    principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> KeyCreated:
    info, key = keys.create_key(
        session, role=body.role, name=body.name, actor=principal.name, rate_limit=body.rate_limit
    )
    return KeyCreated(**info.to_json(), key=key)


@router.get("", response_model=list[KeyOut])
def list_keys(
    include_revoked: bool = Query(False),
    _principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[KeyOut]:
    return [
        KeyOut.model_validate(k.to_json())
        for k in keys.list_keys(session, include_revoked=include_revoked)
    ]


@router.delete("/{key_id}", response_model=KeyOut)
def revoke_key(
    key_id: RowId,
    principal: Principal = Depends(admin),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> KeyOut:
    return KeyOut.model_validate(keys.revoke_key(session, key_id, actor=principal.name).to_json())

"""Action rules over HTTP: list (curator, reviewer), set and delete (curator)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from safeguard.review import rules
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_session
from safeguard.service.schemas import RowId, RuleIn, RuleOut

router = APIRouter(prefix="/v1/rules", tags=["rules"], responses=ERRORS)


@router.get("", response_model=list[RuleOut])
def list_rules(
    _principal: Principal = Depends(require_role("curator", "reviewer")),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> list[RuleOut]:
    return [RuleOut.model_validate(r.to_json()) for r in rules.load_rules(session)]


@router.post("", response_model=RuleOut, status_code=201)
def set_rule(
    body: RuleIn,
    principal: Principal = Depends(require_role("curator")),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> RuleOut:
    """One rule per (bank, category, variants, min_inliers); setting it again replaces its
    action. A bank that does not exist is 404 unless ``allow_missing`` is true; an unknown
    variant name is 400 (``invalid_rule``)."""
    rule = rules.add_rule(
        session,
        action=body.action,
        actor=principal.name,
        bank=body.bank,
        category=body.category,
        note=body.note,
        allow_missing=body.allow_missing,
        variants=body.variants,
        min_inliers=body.min_inliers,
    )
    return RuleOut.model_validate(rule.to_json())


@router.delete("/{rule_id}", response_model=RuleOut)
def delete_rule(
    rule_id: RowId,
    principal: Principal = Depends(require_role("curator")),  # noqa: B008
    session: Session = Depends(get_session, scope="function"),  # noqa: B008
) -> RuleOut:
    return RuleOut.model_validate(
        rules.delete_rule(session, rule_id, actor=principal.name).to_json()
    )

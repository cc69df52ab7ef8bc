"""Pydantic models of every request and response body (the OpenAPI schema comes from
these)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from safeguard.signals.errors import InvalidSignal
from safeguard.signals.types import SIGNAL_NAMES, signal_type


def _utc(at: datetime) -> datetime:
    # SQLite hands datetimes back without a zone; everything is stored in UTC.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


#: A timestamp always written with its zone (RFC 3339), whatever the database returned.
Timestamp = Annotated[datetime, AfterValidator(_utc)]

#: A row id in a path: a positive 64-bit integer (larger ones are a 422, not a database error).
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]

ActionName = Literal["allow", "review", "block", "report"]
RoleName = Literal["hasher", "matcher", "curator", "reviewer", "admin"]
SignalName = Literal["pdq", "md5", "sha1", "sha256", "url", "url_md5", "keyword"]
BankName = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


# --- signals, hashing, checking ----------------------------------------------------------


class FrameOut(BaseModel):
    frame: int
    ts: float
    pdq: str
    quality: int


class HashOut(BaseModel):
    """The ``safeguard hash`` record of the uploaded content."""

    path: str
    kind: Literal["image", "video", "other"]
    size: int | None = None
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: str | None = None
    pdq_quality: int | None = None
    pdq_dihedral: list[str] | None = None
    vpdq: list[FrameOut] | None = None
    width: int | None = None
    height: int | None = None
    exif_orientation: int | None = None
    error: str | None = None
    error_code: str | None = None


def _signal(kind: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return signal_type(kind).normalize(value)
    except InvalidSignal as e:
        raise ValueError(str(e)) from None


class Signals(Strict):
    """Precomputed signals of one piece of content (at least one)."""

    pdq: str | None = Field(default=None, examples=["f" * 64])
    pdq_quality: int | None = Field(default=None, ge=0, le=100)
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None

    @field_validator("pdq", "md5", "sha1", "sha256")
    @classmethod
    def _valid(cls, value: str | None, info: Any) -> str | None:
        return _signal(str(info.field_name), value)

    def values(self) -> dict[str, str]:
        # Read from the instance dict: getattr on a pydantic model for the registry's names
        # that are not fields (url, keyword) goes through a slow __getattr__ (≈ 15 µs a set
        # of a 1,000-set batch).
        fields = self.__dict__
        return {t: v for t in _SIGNAL_FIELDS if (v := fields.get(t)) is not None}


#: The signal names ``Signals`` has fields for, in the registry's order.
_SIGNAL_FIELDS = tuple(t for t in SIGNAL_NAMES if t in Signals.model_fields)


class CheckIn(Strict):
    signals: Signals
    #: Where the content was seen (platform, feature); kept in a case's evidence.
    source: str = Field(default="api", max_length=200)
    #: Also match the PDQ's 8 rotations/mirrors.
    dihedral: bool = False


#: Most signal sets one ``POST /v1/check/batch`` takes.
MAX_BATCH = 1000


class CheckBatchIn(Strict):
    #: One set of precomputed signals per piece of content (1 to ``MAX_BATCH``).
    signals: list[Signals] = Field(min_length=1, max_length=MAX_BATCH)
    #: Where the content was seen; kept in the evidence of every case the batch opens.
    source: str = Field(default="api", max_length=200)
    #: Also match each PDQ's 8 rotations/mirrors.
    dihedral: bool = False


class MatchOut(BaseModel):
    bank: str
    bank_kind: str
    entry: int
    signal: str
    value: str
    distance: int
    category: str | None
    external_id: str | None
    frame: int | None = None
    ts: float | None = None
    #: The query hash that matched: exact, trimmed[:<rule>], deskewed, dihedral:<k>; region:<k> when
    #: a stored region of the entry matched (``<variant>+region:<k>`` through a derived one);
    #: local (the local-feature shortlist); near (``<variant>+near``): a near miss beyond the
    #: bank's threshold that verification accepted.
    variant: str | None = None
    #: Inliers of the local-feature verification, when it ran (``SAFEGUARD_VERIFY=1``).
    inliers: int | None = None


class LoweredOut(BaseModel):
    """A match whose action the safe default lowered to review."""

    entry: int
    bank: str
    #: The action the rule (or the default action) gave it.
    lowered_from: ActionName
    #: The kinds no rule named: ``local`` (found by local features alone), ``near`` (a near
    #: miss beyond the bank's threshold that verification accepted).
    lowered_for: list[str]


class CheckOut(BaseModel):
    action: ActionName
    matches: list[MatchOut]
    case_id: int | None
    #: The signals that were matched (computed from the upload, or as sent).
    signals: dict[str, Any]
    #: For an upload that could not be decoded but whose digests were still checked.
    media_error: ErrorDetail | None = None
    #: The action the content would have had had the safe default not lowered a match to
    #: review (a ``local`` or ``near`` match no rule names); null when nothing was lowered.
    lowered_from: ActionName | None = None
    #: The matches lowered, each with the action it would have had.
    lowered: list[LoweredOut] = Field(default_factory=list)


class CheckBatchOut(BaseModel):
    #: One answer per signal set, in the order sent, each as ``POST /v1/check`` gives it.
    results: list[CheckOut]


# --- banks -------------------------------------------------------------------------------


class BankIn(Strict):
    name: str = BankName
    description: str = Field(default="", max_length=10_000)
    source: str = Field(default="", max_length=10_000)
    licence: str = Field(default="", max_length=10_000)
    category: str | None = Field(default=None, max_length=100)
    kind: Literal["block", "allow"] = "block"
    pdq_threshold: int = Field(default=31, ge=0, le=64)
    enabled: bool = True


class BankPatch(Strict):
    description: str | None = Field(default=None, max_length=10_000)
    source: str | None = Field(default=None, max_length=10_000)
    licence: str | None = Field(default=None, max_length=10_000)
    category: str | None = Field(default=None, max_length=100)
    kind: Literal["block", "allow"] | None = None
    pdq_threshold: int | None = Field(default=None, ge=0, le=64)
    enabled: bool | None = None


class BankOut(BaseModel):
    id: int
    name: str
    kind: str
    category: str | None
    enabled: bool
    pdq_threshold: int
    description: str
    source: str
    licence: str
    created_at: Timestamp
    entries: dict[str, int]
    disabled_entries: int
    #: PDQ of crops of pictures added from media (part of their entries).
    region_hashes: int = 0


class BankDeleted(BaseModel):
    bank: str
    entries_deleted: int


class ImportOut(BaseModel):
    bank: str
    read: int
    added: int
    already_present: int
    #: The format the list was read as (detected when the request said ``auto``).
    format: str = "plain"


class EntryIn(Strict):
    type: SignalName
    value: str = Field(min_length=1, max_length=200)
    external_id: str | None = Field(default=None, max_length=200)
    category: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=10_000)


class EntriesIn(Strict):
    entries: list[EntryIn] = Field(min_length=1, max_length=10_000)


class EntriesAdded(BaseModel):
    bank: str
    read: int
    added: int


class ValueRef(Strict):
    type: SignalName | None = None
    value: str = Field(min_length=1, max_length=200)


class ValuesIn(Strict):
    values: list[ValueRef] = Field(min_length=1, max_length=10_000)


class EntriesChanged(BaseModel):
    bank: str
    changed: int
    missing: list[str]


class EntryOut(BaseModel):
    id: int
    type: str
    value: str
    external_id: str | None
    category: str | None
    note: str | None
    added_at: Timestamp
    disabled: bool


class EntriesPage(BaseModel):
    bank: str
    entries: list[EntryOut]
    #: Pass as ``after`` for the next page (null: no more).
    next_after: int | None


class IndexStatusOut(BaseModel):
    #: The worker process that answered (each has its own index).
    worker: int
    ready: bool
    entries: dict[str, int]
    pdq_pending_merge: int
    last_entry_id: int
    last_change_seq: int
    database_last_entry_id: int
    database_last_change_seq: int
    #: Entries in the database this worker has not indexed yet.
    behind: int
    radius: int
    refreshed_seconds_ago: float | None
    last_error: str | None


# --- cases -------------------------------------------------------------------------------


class CaseOut(BaseModel):
    id: int
    status: Literal["open", "confirmed", "false_positive", "escalated"]
    action: str
    source: str
    summary: str
    created_at: Timestamp | None
    decision: str | None
    decided_at: Timestamp | None
    decided_by: str | None
    decision_note: str | None
    decision_bank: str | None
    has_media: bool
    evidence: dict[str, Any] | None = None


class CaseList(BaseModel):
    cases: list[CaseOut]
    total: int


class DecisionIn(Strict):
    decision: Literal["confirm", "false_positive", "escalate"]
    #: confirm: the block bank to add the signals to; false_positive: an allowlist bank
    #: to add them to (without it, the matched entries are disabled).
    bank: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=10_000)


# --- audit -------------------------------------------------------------------------------


class AuditEventOut(BaseModel):
    id: int
    at: Timestamp
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    events: list[AuditEventOut]
    next_before: int | None


class VerifyOut(BaseModel):
    ok: bool
    checked: int
    head: str
    first_bad_id: int | None
    reason: str | None


# --- keys, rules, webhooks ---------------------------------------------------------------


class KeyIn(Strict):
    role: RoleName
    name: str = Field(default="", max_length=200)
    rate_limit: float | None = Field(default=None, gt=0, le=1_000_000)


class KeyOut(BaseModel):
    id: int
    name: str
    role: str
    prefix: str
    created_at: Timestamp
    created_by: str
    revoked_at: Timestamp | None
    rate_limit: float | None


class KeyCreated(KeyOut):
    #: The key itself: shown this once, never again.
    key: str


class RuleIn(Strict):
    action: ActionName
    bank: str | None = Field(default=None, max_length=200)
    category: str | None = Field(default=None, max_length=100)
    note: str = Field(default="", max_length=10_000)
    #: Accept a bank that does not exist yet (otherwise 404).
    allow_missing: bool = False
    #: The kinds of match variant the rule applies to (null: any): ``exact``, ``trimmed``,
    #: ``deskewed``, ``dihedral``, ``region``, ``local``, ``near``, or ``derived`` (trimmed,
    #: deskewed, dihedral). A block/report for a ``local`` match (a verified near miss:
    #: ``near``) needs ``local`` (``near``) named here.
    variants: list[Annotated[str, Field(max_length=20)]] | None = Field(
        default=None, max_length=10, examples=[["exact", "derived"]]
    )
    #: Applies only to matches verified by local features with at least this many inliers.
    min_inliers: int | None = Field(default=None, ge=1, le=100_000)


class RuleOut(BaseModel):
    id: int | None
    bank: str | None
    category: str | None
    variants: list[str] | None = None
    min_inliers: int | None = None
    action: ActionName
    note: str


class WebhookIn(Strict):
    url: str = Field(min_length=1, max_length=2000, examples=["https://example.org/hook"])
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    #: Which events to deliver: a JSON list (``["case.opened", "stream.terminate"]``) or a
    #: comma-separated string; ``*`` for all.
    events: list[Annotated[str, Field(max_length=100)]] | str = Field(default="*", max_length=400)

    def events_text(self) -> str:
        return ",".join(self.events) if isinstance(self.events, list) else self.events


class WebhookOut(BaseModel):
    id: int
    url: str
    events: str
    enabled: bool
    created_at: Timestamp


class WebhookCreated(WebhookOut):
    #: The signing secret: shown this once.
    secret: str


class DeliveryOut(BaseModel):
    id: int
    event: str
    url: str
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: Timestamp
    next_attempt_at: Timestamp | None
    delivered_at: Timestamp | None


class AttemptOut(BaseModel):
    at: Timestamp
    status_code: int | None
    error: str | None
    duration_ms: float


class DeliveryDetail(DeliveryOut):
    attempts_log: list[AttemptOut]


class Health(BaseModel):
    status: str
    detail: dict[str, Any] = Field(default_factory=dict)

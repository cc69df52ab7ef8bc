"""Every table of the store, registered on one ``Base.metadata``.

Importing this package imports every model module, so the metadata that Alembic compares
against (``store/migrations/env.py``) and that tests create always has every table. A new
table is a class in a module here, imported below, and a migration.
"""

from safeguard.store.models.audit import AuditEvent
from safeguard.store.models.banks import Bank, Entry, EntryFeatures, IndexChange
from safeguard.store.models.base import Base, BigId, utcnow
from safeguard.store.models.chat import ChatConversation
from safeguard.store.models.console import (
    ConsoleSecret,
    ConsoleSession,
    ConsoleUser,
    EvidenceReveal,
    LoginFailure,
)
from safeguard.store.models.exchange import (
    CyberTipReport,
    ExchangeFeed,
    ExchangeOpinion,
    ExchangeOrigin,
    ExchangeOutbox,
    ExchangeSource,
    ExchangeSourceOutbox,
    ExchangeSourceRecord,
    ExchangeSubscription,
    ExchangeToken,
)
from safeguard.store.models.review import (
    ApiKey,
    Case,
    EvidenceMedia,
    Rule,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from safeguard.store.models.streams import Stream, StreamComment
from safeguard.store.models.triage import TriageCase, TriageItem, TriageSource

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Bank",
    "Base",
    "BigId",
    "Case",
    "ChatConversation",
    "ConsoleSecret",
    "ConsoleSession",
    "ConsoleUser",
    "CyberTipReport",
    "Entry",
    "EntryFeatures",
    "EvidenceMedia",
    "EvidenceReveal",
    "ExchangeFeed",
    "ExchangeOpinion",
    "ExchangeOrigin",
    "ExchangeOutbox",
    "ExchangeSource",
    "ExchangeSourceOutbox",
    "ExchangeSourceRecord",
    "ExchangeSubscription",
    "ExchangeToken",
    "IndexChange",
    "LoginFailure",
    "Rule",
    "Stream",
    "StreamComment",
    "TriageCase",
    "TriageItem",
    "TriageSource",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "utcnow",
]

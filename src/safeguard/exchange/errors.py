"""The exchange's failures, each a ``safeguard.errors`` kind."""

from __future__ import annotations

from safeguard.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    SafeguardError,
    Unprocessable,
    Unsupported,
)


class ExchangeError(SafeguardError):
    code = "exchange_error"


class FeedNotFound(ExchangeError, NotFound):
    code = "feed_not_found"


class FeedExists(ExchangeError, Conflict):
    code = "feed_exists"


class TokenNotFound(ExchangeError, NotFound):
    code = "token_not_found"


class TokenRefused(ExchangeError, Forbidden):
    """The publisher refused the subscriber's token (unknown, revoked, another feed)."""

    code = "token_refused"


class SubscriptionNotFound(ExchangeError, NotFound):
    code = "subscription_not_found"


class InvalidKey(ExchangeError, InvalidInput):
    code = "invalid_publisher_key"


class PageRejected(ExchangeError, Unprocessable):
    """A page that failed verification (signature, feed, order); nothing was written."""

    code = "page_rejected"


class PublisherUnavailable(ExchangeError, Unprocessable):
    """The publisher could not be reached or answered something that is not a page."""

    code = "publisher_unavailable"


class SourceNotFound(ExchangeError, NotFound):
    code = "source_not_found"


class SourceExists(ExchangeError, Conflict):
    code = "source_exists"


class AdapterUnavailable(ExchangeError, Unsupported):
    """The adapter's optional dependency (``threatexchange``) is not installed, or the kind
    is unknown."""

    code = "adapter_unavailable"


class AdapterSettingsInvalid(ExchangeError, InvalidInput):
    code = "adapter_settings_invalid"


class ExternalAuthRefused(ExchangeError, Forbidden):
    """The external exchange refused the credentials (401/403)."""

    code = "external_auth_refused"


class ExternalFetchFailed(ExchangeError, Unprocessable):
    """The external exchange could not be reached, or answered something that is not a
    well-formed page; nothing of that page was written."""

    code = "external_fetch_failed"


class OpinionsUnsupported(ExchangeError, Unsupported):
    code = "opinions_unsupported"

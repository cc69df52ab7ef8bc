"""The exchange's failures, each a ``safeguard.errors`` kind."""

from __future__ import annotations

from safeguard.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    SafeguardError,
    Unprocessable,
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

"""StopNCII.org's hash API through python-threatexchange's ``StopNCIIAPI`` client.

``GET {base}/FetchHashes?startTimestamp=…&pageSize=…[&nextPageToken=…]`` with the
``Ocp-Apim-Subscription-Key`` and ``x-functions-key`` headers answers JSON
``{count, nextPageToken, nextSetTimestamp, hasMoreRecords, hashRecords: [{lastModtimestamp,
signalType, hashValue, hashStatus, caseNumbers, CSPFeedbacks}]}``; each record is the whole
current state of one (signalType, hashValue), keyed so here. ``hashStatus`` ``Withdrawn``
or ``Deleted`` withdraws it. The checkpoint is the page's ``nextSetTimestamp``.

The client, not the library's ``StopNCIISignalExchangeAPI``, is used: that class tests
``hashValue`` instead of ``hashStatus`` for withdrawals (1.2.17), so withdrawn hashes would
never be removed. The client skips records it cannot parse; a page where it did is refused
here (nothing written) rather than applied with holes.

Types: ``ImagePDQ`` -> ``pdq``, ``VideoMD5`` -> ``md5``, ``URL`` -> ``url`` (hashed from
the canonical URL); ``VideoTMK`` and ``Text`` are counted as skipped.

Opinions: ``confirmed`` -> ``Blocked``, ``false_positive`` -> ``NotBlocked``
(``POST {base}/SubmitFeedback``, needs the ``feedback_key`` function key).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from safeguard.exchange.adapters.base import (
    ExchangeAdapter,
    ExternalRecord,
    ExternalSignal,
    FetchedPage,
    Opinion,
    OptionSpec,
)
from safeguard.exchange.adapters.signals import convert
from safeguard.exchange.errors import (
    AdapterSettingsInvalid,
    ExternalAuthRefused,
    ExternalFetchFailed,
)

if TYPE_CHECKING:
    from threatexchange.exchanges.clients.stopncii.api import StopNCIIAPI, StopNCIIHashRecord

TYPES = {"ImagePDQ": "pdq", "VideoMD5": "md5"}
SIGNAL_OF_TYPE = {"pdq": "ImagePDQ", "md5": "VideoMD5"}
PAGE_SIZE = 800
MAX_PAGES = 100_000


def _failure(e: Exception) -> ExternalAuthRefused | ExternalFetchFailed:
    import requests

    if isinstance(e, requests.HTTPError) and e.response is not None:
        status = e.response.status_code
        if status in (401, 403):
            return ExternalAuthRefused(f"StopNCII refused the keys ({status})")
        return ExternalFetchFailed(f"StopNCII answered {status}")
    if isinstance(e, ValueError):  # requests' JSONDecodeError is both
        return ExternalFetchFailed(f"StopNCII's answer is malformed (not JSON): {e}")
    if isinstance(e, requests.RequestException):
        return ExternalFetchFailed(f"StopNCII unreachable: {e}")
    return ExternalFetchFailed(f"StopNCII's answer is malformed: {type(e).__name__}: {e}"[:500])


class Adapter(ExchangeAdapter):
    kind = "stopncii"
    description = "StopNCII.org hashes (FetchHashes, JSON), via python-threatexchange"
    options = (
        OptionSpec("url", "Base URL (default https://api.stopncii.org/v1)."),
        OptionSpec("category", "Category given to every entry (e.g. ncii)."),
        OptionSpec("subscription_key", "Ocp-Apim-Subscription-Key.", required=True, secret=True),
        OptionSpec("fetch_key", "Function key of FetchHashes.", required=True, secret=True),
        OptionSpec("feedback_key", "Function key of SubmitFeedback (opinions).", secret=True),
    )
    takes_opinions = True
    needs = "threatexchange"

    def _client(self) -> tuple[StopNCIIAPI, list[int]]:
        """The library's client, and a list it appends the number of raw records of each
        answer to (to tell whether it dropped any)."""
        from threatexchange.exchanges.clients.stopncii.api import StopNCIIAPI, StopNCIIEndpoint

        raw_counts: list[int] = []

        class Client(StopNCIIAPI):
            def _get(self, endpoint: StopNCIIEndpoint, **params: Any) -> Any:
                body = super()._get(endpoint, **params)
                records = body.get("hashRecords") if isinstance(body, dict) else None
                raw_counts.append(len(records) if isinstance(records, list) else -1)
                return body

        extra = {}
        if self.credentials.get("feedback_key"):
            extra[StopNCIIEndpoint.SubmitFeedback] = self.credentials["feedback_key"]
        client = Client(
            self.credentials.get("subscription_key", ""),
            self.credentials.get("fetch_key", ""),
            extra,
            base_url_override=str(self.config["url"]).rstrip("/")
            if self.config.get("url")
            else None,
        )
        return client, raw_counts

    def fetch(self, checkpoint: Mapping[str, Any] | None) -> Iterator[FetchedPage]:
        from threatexchange.exchanges.clients.stopncii.api import StopNCIIAPI

        client, raw_counts = self._client()
        start = StopNCIIAPI.DEFAULT_START_TIME
        if checkpoint is not None:
            try:
                start = int(checkpoint["update_time"])
            except (KeyError, TypeError, ValueError):
                raise ExternalFetchFailed("a stored StopNCII checkpoint is malformed") from None
        token = ""
        for _ in range(MAX_PAGES):
            try:
                result = client.fetch_hashes(
                    page_size=PAGE_SIZE, start_timestamp=start, next_page=token
                )
            except Exception as e:  # noqa: BLE001 (requests, JSON or dacite errors from the library)
                raise _failure(e) from None
            if raw_counts and raw_counts[-1] != len(result.hashRecords):
                raise ExternalFetchFailed(
                    f"StopNCII sent {raw_counts[-1]} records of which "
                    f"{raw_counts[-1] - len(result.hashRecords)} are malformed; page refused"
                )
            page = FetchedPage([], {"update_time": result.nextSetTimestamp})
            for record in result.hashRecords:
                self._add(page, record)
            yield page
            token = result.nextPageToken or ""
            if not result.hasMoreRecords:
                return

    def _add(self, page: FetchedPage, record: StopNCIIHashRecord) -> None:
        from threatexchange.exchanges.clients.stopncii.api import StopNCIICaseStatus

        name = record.signalType.value
        signal = convert(name, record.hashValue, TYPES)
        if isinstance(signal, str):
            page.skipped[signal] = page.skipped.get(signal, 0) + 1
            return
        withdrawn = record.hashStatus in (StopNCIICaseStatus.Withdrawn, StopNCIICaseStatus.Deleted)
        tags = sorted({t for f in record.CSPFeedbacks for t in f.tags})
        category = self.config.get("category")
        page.records.append(
            ExternalRecord(
                f"{name}:{record.hashValue.strip().lower()}",
                (signal,),
                category=str(category) if category else None,
                tags=tuple(tags),
                deleted=withdrawn,
            )
        )

    def report_opinion(self, record_key: str, signal: ExternalSignal, opinion: Opinion) -> None:
        from threatexchange.exchanges.clients.stopncii.api import (
            StopNCIICSPFeedbackValue,
            StopNCIISignalType,
        )

        if not self.credentials.get("feedback_key"):
            raise AdapterSettingsInvalid("StopNCII opinions need the feedback_key option")
        name, _, value = record_key.partition(":")
        try:
            signal_type = StopNCIISignalType(name)
        except ValueError:
            raise AdapterSettingsInvalid(f"not a StopNCII record key: {record_key}") from None
        value = value or signal.value
        feedback = (
            StopNCIICSPFeedbackValue.Blocked
            if opinion == "confirmed"
            else StopNCIICSPFeedbackValue.NotBlocked
        )
        client, _ = self._client()
        try:
            client.submit_feedback(signal_type, value, feedback)
        except Exception as e:  # noqa: BLE001 (requests errors from the library)
            raise _failure(e) from None

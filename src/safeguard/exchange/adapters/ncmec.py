"""NCMEC's hash-sharing API through python-threatexchange's ``NCMECSignalExchangeAPI``.

The library does the protocol: ``GET {base}/v2/entries?from=…&to=…`` (HTTP Basic), XML
answers with ``<images>``/``<videos>`` of ``<image>``/``<video>`` entries (member, id,
classification, fingerprints) and ``<deletedImage>``/``<deletedVideo>`` tombstones, paging
by the ``<paging><next>`` link, and its flow control over time windows (entries are not in
time order, so a window is only done once exhausted). Each page it yields is one record per
entry keyed ``MEMBER-ID`` with its ``NCMECCheckpoint`` (the window start, and the paging
link to resume mid-window for 12 hours), which is stored here as JSON.

Fingerprints map to Safeguard signals: ``md5``, ``sha1``, ``pdq``; PhotoDNA, NetClean,
Videntifier and TMK fingerprints have no Safeguard counterpart and are counted as skipped.
The entry's ``classification`` (A1, A2, B1, B2) becomes its category; its member id a tag.

Opinions: ``confirmed`` is an affirmative and ``false_positive`` a negative feedback on
that fingerprint (``PUT /v2/entries/{member}/{id}/{TYPE}/feedback``); a negative needs a
reason, the ``negative_reason`` option's GUID, or the only one NCMEC offers.
"""

from __future__ import annotations

import dataclasses
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
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
    from threatexchange.exchanges.clients.ncmec.hash_api import NCMECHashAPI
    from threatexchange.exchanges.impl.ncmec_api import NCMECCheckpoint

#: NCMEC fingerprint element -> Safeguard signal type.
FINGERPRINTS = {"md5": "md5", "sha1": "sha1", "pdq": "pdq"}
#: Safeguard signal type -> NCMEC ``FingerprintType`` name (feedback).
FEEDBACK_TYPES = {"md5": "md5", "sha1": "sha1", "pdq": "pdq"}


def _utc(timestamp: int) -> str:
    """NCMEC's documented time form, in UTC."""
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _environment_url(name: str) -> str:
    from threatexchange.exchanges.clients.ncmec.hash_api import NCMECEnvironment

    try:
        return NCMECEnvironment[name].value
    except KeyError:
        known = ", ".join(e.name for e in NCMECEnvironment)
        raise AdapterSettingsInvalid(f"no NCMEC environment {name!r} (known: {known})") from None


def checkpoint_to_json(cp: NCMECCheckpoint) -> dict[str, Any]:
    paging = cp.paging_info
    return {
        "get_entries_max_ts": cp.get_entries_max_ts,
        "paging_info": dataclasses.asdict(paging) if paging is not None else None,
    }


def checkpoint_from_json(data: Mapping[str, Any]) -> NCMECCheckpoint:
    from threatexchange.exchanges.impl.ncmec_api import NCMECCheckpoint, _NCMECPagingInfo

    try:
        paging = data.get("paging_info")
        info = (
            _NCMECPagingInfo(
                str(paging["paging_url"]),
                int(paging["paging_end_ts"]),
                int(paging["paging_url_ts"]),
            )
            if paging
            else None
        )
        return NCMECCheckpoint(int(data["get_entries_max_ts"]), info)
    except (KeyError, TypeError, ValueError):
        raise ExternalFetchFailed(f"a stored NCMEC checkpoint is malformed: {data!r}") from None


def _failure(e: Exception) -> ExternalAuthRefused | ExternalFetchFailed:
    import requests

    if isinstance(e, requests.HTTPError) and e.response is not None:
        status = e.response.status_code
        if status in (401, 403):
            return ExternalAuthRefused(f"NCMEC refused the credentials ({status})")
        return ExternalFetchFailed(f"NCMEC answered {status}")
    if isinstance(e, requests.RequestException):
        return ExternalFetchFailed(f"NCMEC unreachable: {e}")
    if isinstance(e, ET.ParseError):
        return ExternalFetchFailed(f"NCMEC's answer is not XML: {e}")
    return ExternalFetchFailed(f"NCMEC's answer is malformed: {type(e).__name__}: {e}"[:500])


class Adapter(ExchangeAdapter):
    kind = "ncmec"
    description = "NCMEC hash sharing (v2 entries, XML), via python-threatexchange"
    options = (
        OptionSpec("environment", "An NCMECEnvironment name, e.g. Industry, test_Industry."),
        OptionSpec("url", "Base URL instead of an environment (…/hashsharing)."),
        OptionSpec("only_member", "Only entries of these member (ESP) ids.", repeated=True),
        OptionSpec("negative_reason", "GUID of the reason sent with a false positive."),
        OptionSpec("user", "Hash-sharing user name issued by NCMEC.", required=True, secret=True),
        OptionSpec("password", "Its password.", required=True, secret=True),
    )
    takes_opinions = True
    needs = "threatexchange"

    @classmethod
    def check_config(cls, config: Mapping[str, Any]) -> None:
        if bool(config.get("environment")) == bool(config.get("url")):
            raise AdapterSettingsInvalid("ncmec needs one of environment or url")
        if config.get("environment"):
            _environment_url(str(config["environment"]))
        try:
            [int(m) for m in config.get("only_member", [])]
        except ValueError:
            raise AdapterSettingsInvalid("only_member takes member ids (numbers)") from None

    @property
    def base_url(self) -> str:
        if self.config.get("url"):
            return str(self.config["url"]).rstrip("/")
        return _environment_url(str(self.config["environment"]))

    def _client(self) -> NCMECHashAPI:
        from threatexchange.exchanges.clients.ncmec.hash_api import (
            GetEntriesResponse,
            NCMECEndpoint,
            NCMECEnvironment,
            NCMECHashAPI,
            _XMLWrapper,
        )

        class UtcHashAPI(NCMECHashAPI):
            """``get_entries`` with ``from``/``to`` in UTC: the library (1.2.17) formats
            them in the machine's local time with a ``Z``, which skips entries whenever
            the local offset grows between two syncs (daylight saving) and fetches a
            shifted window on any machine not set to UTC."""

            def get_entries(
                self, *, start_timestamp: int = 0, end_timestamp: int = 0, next_: str = ""
            ) -> GetEntriesResponse:
                end_timestamp = end_timestamp or int(time.time())
                params = {"from": _utc(start_timestamp), "to": _utc(end_timestamp)}
                root = self._get(NCMECEndpoint.entries, next_=next_, **params)
                return GetEntriesResponse.from_xml(_XMLWrapper(root), int(time.time()))

        client = UtcHashAPI(
            self.credentials.get("user", ""),
            self.credentials.get("password", ""),
            NCMECEnvironment.test_Industry,
        )
        # The client takes an environment (a fixed URL); a configured URL replaces it.
        client._base_url = self.base_url
        return client

    def fetch(self, checkpoint: Mapping[str, Any] | None) -> Iterator[FetchedPage]:
        from threatexchange.exchanges.clients.ncmec import hash_api
        from threatexchange.exchanges.impl import ncmec_api

        client = self._client()

        class Exchange(ncmec_api.NCMECSignalExchangeAPI):
            def get_client(self, environment: hash_api.NCMECEnvironment) -> NCMECHashAPI:
                return client

        collab = ncmec_api.NCMECCollabConfig(
            name="safeguard",
            environment=hash_api.NCMECEnvironment.test_Industry,
            only_esp_ids={int(m) for m in self.config.get("only_member", [])},
        )
        api = Exchange(
            collab, self.credentials.get("user", ""), self.credentials.get("password", "")
        )
        start = checkpoint_from_json(checkpoint) if checkpoint else None
        deltas = api.fetch_iter([], start)
        while True:
            try:
                delta = next(deltas)
            except StopIteration:
                return
            except Exception as e:  # noqa: BLE001 (the library raises bare Exception for bad XML)
                raise _failure(e) from None
            yield self._page(delta.updates, checkpoint_to_json(delta.checkpoint), collab)

    @staticmethod
    def _page(updates: Mapping[str, Any], checkpoint: dict[str, Any], collab: Any) -> FetchedPage:
        page = FetchedPage([], checkpoint)
        for key, entry in updates.items():
            if entry is None:
                continue
            if collab.only_esp_ids and entry.member_id not in collab.only_esp_ids:
                page.skipped["other member"] = page.skipped.get("other member", 0) + 1
                continue
            signals: list[ExternalSignal] = []
            for name, value in entry.fingerprints.items():
                signal = convert(name.lower(), value, FINGERPRINTS)
                if isinstance(signal, str):
                    page.skipped[signal] = page.skipped.get(signal, 0) + 1
                else:
                    signals.append(signal)
            page.records.append(
                ExternalRecord(
                    key,
                    tuple(signals),
                    category=entry.classification,
                    tags=(f"ncmec-member:{entry.member_id}",),
                    deleted=entry.deleted,
                )
            )
        return page

    def report_opinion(self, record_key: str, signal: ExternalSignal, opinion: Opinion) -> None:
        from threatexchange.exchanges.clients.ncmec.hash_api import FeedbackType, FingerprintType

        member, _, entry_id = record_key.partition("-")
        kind = FEEDBACK_TYPES.get(signal.signal_type)
        if not member.isdigit() or not entry_id or kind is None:
            raise AdapterSettingsInvalid(f"no NCMEC fingerprint for {record_key} {signal}")
        feedback = FeedbackType.upvote if opinion == "confirmed" else FeedbackType.downvote
        client = self._client()
        try:
            reason = self.config.get("negative_reason")
            if feedback is FeedbackType.downvote and not reason:
                reason = self._only_reason(client, FingerprintType[kind])
            client.submit_feedback(int(member), entry_id, FingerprintType[kind], feedback, reason)
        except AdapterSettingsInvalid:
            raise
        except Exception as e:  # noqa: BLE001 (the library raises bare Exception)
            raise _failure(e) from None

    @staticmethod
    def _only_reason(client: NCMECHashAPI, kind: Any) -> str:
        """The GUID of NCMEC's only negative-feedback reason for this fingerprint type.
        Read here, not by the library's ``feedback_reasons``: that looks for
        ``availableFeedbackReasons`` *under* the root, where NCMEC's documented example has
        it *as* the root; both are accepted."""
        from threatexchange.exchanges.clients.ncmec.hash_api import NCMECEndpoint

        root = client._get(NCMECEndpoint.feedback, path=f"{kind.value}/reasons")
        holder = (
            root
            if root.tag == "availableFeedbackReasons"
            else root.find("availableFeedbackReasons")
        )
        reasons = {
            r.get("guid", ""): r.get("name", "")
            for r in (holder if holder is not None else [])
            if r.tag == "reason"
        }
        if len(reasons) != 1:
            raise AdapterSettingsInvalid(
                f"NCMEC offers {len(reasons)} reasons for a false positive on {kind.value}: "
                f"set negative_reason to one of {reasons}"
            )
        return next(iter(reasons))

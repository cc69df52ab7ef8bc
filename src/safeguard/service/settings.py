"""The service's configuration: one typed object, from arguments, then the environment.

Every worker process builds its own from the environment (``safeguard serve`` exports what
its options set), so all workers run with the same configuration.

| variable | meaning | default |
|---|---|---|
| ``SAFEGUARD_HOST`` / ``SAFEGUARD_PORT`` | where to listen | 127.0.0.1 / 8000 |
| ``SAFEGUARD_WORKERS`` | uvicorn worker processes | 2 |
| ``SAFEGUARD_MAX_UPLOAD_BYTES`` | largest upload (413 above) | 32 MiB |
| ``SAFEGUARD_MAX_IMPORT_BYTES`` | largest streamed bank import | 4 GiB |
| ``SAFEGUARD_RATE_LIMIT`` / ``_BURST`` | requests a second per key, burst | 100 / 200 |
| ``SAFEGUARD_REFRESH_SECONDS`` | how often each worker catches up with bank changes | 1.0 |
| ``SAFEGUARD_DEFAULT_ACTION`` | action for a match no rule covers | review |
| ``SAFEGUARD_FAST_HASH`` | reduced-size JPEG decoding for uploads | off |
| ``SAFEGUARD_DECODE_BUDGET_BYTES`` | decode memory a worker holds at once (then 503) | 1 GiB |
| ``SAFEGUARD_MAX_DECODE_BYTES`` | decode memory of one image (422 above) | 768 MiB |
| ``SAFEGUARD_DECODE_WAIT_SECONDS`` | how long an upload waits for decode memory before 503 | 2 |
| ``SAFEGUARD_TRUSTED_PROXIES`` | proxies whose ``X-Forwarded-For`` is believed | none |
| ``SAFEGUARD_EVIDENCE`` (+ key, retention) | keep media of opened cases, encrypted | off |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from safeguard.config import Settings
from safeguard.review.evidence import EvidenceSettings
from safeguard.review.rules import Action, as_action
from safeguard.review.webhooks import DeliveryPolicy

MiB = 1024 * 1024


def _env(name: str, default: str) -> str:
    return os.environ.get(f"SAFEGUARD_{name}", default)


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(f"SAFEGUARD_{name}")
    if value is None:
        return default
    return value.lower() in ("1", "true", "yes", "on")


DETERRENCE_MESSAGE = (
    "Sexual images of children are illegal. Viewing, sharing or searching for them causes "
    "real harm to real children. If you are worried about your own thoughts or behaviour, "
    "confidential and anonymous help is available."
)
#: Stop It Now (Lucy Faithfull Foundation), the helpline UK search deterrence points to.
DETERRENCE_LINK = "https://www.stopitnow.org.uk/"


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    base: Settings
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    max_upload_bytes: int = 32 * MiB
    max_json_bytes: int = 16 * MiB
    max_import_bytes: int = 4096 * MiB
    #: Requests a second per API key (one bucket per key, shared by the host's workers).
    rate_limit: float = 100.0
    rate_burst: float = 200.0
    refresh_seconds: float = 1.0
    default_action: Action = "review"
    fast_hash: bool = False
    dihedral: bool = False
    #: Derived queries (trimmed, deskewed) for padded, captioned and slightly turned copies;
    #: on by default since they became cheap (1.46x an upload's hashing, bench/robust).
    variants: bool = True
    #: ORB features of each upload, to verify near misses against entries that kept theirs.
    verify: bool = False
    #: Stored region rows of entries (crops) may match.
    regions: bool = True
    #: With ``verify``: an upload that matched nothing by hash is shortlisted by its local
    #: features against entries that kept theirs, the nearest verified (variant ``local``).
    local_search: bool = True
    #: With ``local_search``: a shortlist match must also agree with the upload over the
    #: whole region where they overlap (refuses two photographs sharing one flat object).
    whole_overlap: bool = True
    decode_budget_bytes: int = 1024 * MiB
    max_decode_bytes: int = 768 * MiB
    decode_wait_seconds: float = 2.0
    #: Addresses of reverse proxies whose ``X-Forwarded-For`` names the client; from any
    #: other peer the header is ignored (empty: believed from nobody).
    trusted_proxies: str = ""
    #: How long a worker trusts a key lookup (a revoked key stops working within this).
    key_cache_seconds: float = 2.0
    webhooks: DeliveryPolicy = field(default_factory=DeliveryPolicy)
    evidence: EvidenceSettings = field(default_factory=EvidenceSettings)
    #: Background threads; tests that drive them by hand turn them off.
    run_deliverer: bool = True
    run_refresher: bool = True
    #: Move every object alive once the matcher has loaded out of the cyclic garbage
    #: collector's reach (``gc.freeze``): a full collection otherwise walks those hundreds of
    #: thousands of objects now and then, a pause of 0.1-1 s that every request waiting on
    #: that worker sees (the p99 of ``bench/service``). Tests that build many apps in one
    #: process turn it off.
    freeze_gc: bool = True
    #: Shown for a search query that matches a keyword list (``POST /v1/check/query``).
    deterrence_message: str = DETERRENCE_MESSAGE
    deterrence_link: str = DETERRENCE_LINK
    #: NCMEC CyberTipline Reporting API (``POST /v1/cybertip/reports``); empty: off.
    cybertip_url: str = ""
    cybertip_user: str = ""
    cybertip_password: str = ""
    #: Seconds between syncs of the exchange subscriptions (``exchange sync``); 0: never.
    exchange_sync_seconds: float = 300.0
    run_exchange_sync: bool = True

    @property
    def data_dir(self) -> Path:
        return self.base.data_dir

    @property
    def db_url(self) -> str:
        return self.base.db_url

    @classmethod
    def load(
        cls,
        data_dir: str | Path | None = None,
        db_url: str | None = None,
        **overrides: Any,
    ) -> ServiceSettings:
        """Explicit arguments first, then ``SAFEGUARD_*`` variables, then the defaults."""
        settings = cls(
            base=Settings.load(data_dir, db_url),
            host=_env("HOST", "127.0.0.1"),
            port=int(_env("PORT", "8000")),
            workers=int(_env("WORKERS", "2")),
            max_upload_bytes=int(_env("MAX_UPLOAD_BYTES", str(32 * MiB))),
            max_json_bytes=int(_env("MAX_JSON_BYTES", str(16 * MiB))),
            max_import_bytes=int(_env("MAX_IMPORT_BYTES", str(4096 * MiB))),
            rate_limit=float(_env("RATE_LIMIT", "100")),
            rate_burst=float(_env("RATE_BURST", "200")),
            refresh_seconds=float(_env("REFRESH_SECONDS", "1.0")),
            default_action=as_action(_env("DEFAULT_ACTION", "review")),
            fast_hash=_flag("FAST_HASH"),
            dihedral=_flag("DIHEDRAL"),
            variants=_flag("VARIANTS", default=True),
            verify=_flag("VERIFY", default=False),
            regions=_flag("REGIONS", default=True),
            local_search=_flag("LOCAL_SEARCH", default=True),
            whole_overlap=_flag("WHOLE_OVERLAP", default=True),
            decode_budget_bytes=int(_env("DECODE_BUDGET_BYTES", str(1024 * MiB))),
            max_decode_bytes=int(_env("MAX_DECODE_BYTES", str(768 * MiB))),
            decode_wait_seconds=float(_env("DECODE_WAIT_SECONDS", "2")),
            trusted_proxies=_env("TRUSTED_PROXIES", ""),
            key_cache_seconds=float(_env("KEY_CACHE_SECONDS", "2.0")),
            webhooks=DeliveryPolicy(
                timeout=float(_env("WEBHOOK_TIMEOUT", "5")),
                max_attempts=int(_env("WEBHOOK_MAX_ATTEMPTS", "8")),
                base_delay=float(_env("WEBHOOK_BASE_DELAY", "2")),
            ),
            evidence=EvidenceSettings.from_env(),
            exchange_sync_seconds=float(_env("EXCHANGE_SYNC_SECONDS", "300")),
            deterrence_message=_env("DETERRENCE_MESSAGE", DETERRENCE_MESSAGE),
            deterrence_link=_env("DETERRENCE_LINK", DETERRENCE_LINK),
            cybertip_url=_env("CYBERTIP_URL", ""),
            cybertip_user=_env("CYBERTIP_USER", ""),
            cybertip_password=_env("CYBERTIP_PASSWORD", ""),
        )
        return replace(settings, **overrides) if overrides else settings

    def environment(self) -> dict[str, str]:
        """The variables that rebuild these settings in a worker process."""
        env = {
            "SAFEGUARD_DATA_DIR": str(self.base.data_dir),
            "SAFEGUARD_DB_URL": self.base.db_url,
            "SAFEGUARD_HOST": self.host,
            "SAFEGUARD_PORT": str(self.port),
            "SAFEGUARD_WORKERS": str(self.workers),
            "SAFEGUARD_MAX_UPLOAD_BYTES": str(self.max_upload_bytes),
            "SAFEGUARD_MAX_JSON_BYTES": str(self.max_json_bytes),
            "SAFEGUARD_MAX_IMPORT_BYTES": str(self.max_import_bytes),
            "SAFEGUARD_RATE_LIMIT": str(self.rate_limit),
            "SAFEGUARD_RATE_BURST": str(self.rate_burst),
            "SAFEGUARD_REFRESH_SECONDS": str(self.refresh_seconds),
            "SAFEGUARD_DEFAULT_ACTION": self.default_action,
            "SAFEGUARD_FAST_HASH": "1" if self.fast_hash else "0",
            "SAFEGUARD_DIHEDRAL": "1" if self.dihedral else "0",
            "SAFEGUARD_VARIANTS": "1" if self.variants else "0",
            "SAFEGUARD_VERIFY": "1" if self.verify else "0",
            "SAFEGUARD_REGIONS": "1" if self.regions else "0",
            "SAFEGUARD_LOCAL_SEARCH": "1" if self.local_search else "0",
            "SAFEGUARD_WHOLE_OVERLAP": "1" if self.whole_overlap else "0",
            "SAFEGUARD_DECODE_BUDGET_BYTES": str(self.decode_budget_bytes),
            "SAFEGUARD_MAX_DECODE_BYTES": str(self.max_decode_bytes),
            "SAFEGUARD_DECODE_WAIT_SECONDS": str(self.decode_wait_seconds),
            "SAFEGUARD_TRUSTED_PROXIES": self.trusted_proxies,
            "SAFEGUARD_KEY_CACHE_SECONDS": str(self.key_cache_seconds),
            "SAFEGUARD_WEBHOOK_TIMEOUT": str(self.webhooks.timeout),
            "SAFEGUARD_WEBHOOK_MAX_ATTEMPTS": str(self.webhooks.max_attempts),
            "SAFEGUARD_WEBHOOK_BASE_DELAY": str(self.webhooks.base_delay),
            "SAFEGUARD_EXCHANGE_SYNC_SECONDS": str(self.exchange_sync_seconds),
            "SAFEGUARD_DETERRENCE_MESSAGE": self.deterrence_message,
            "SAFEGUARD_DETERRENCE_LINK": self.deterrence_link,
            "SAFEGUARD_CYBERTIP_URL": self.cybertip_url,
            "SAFEGUARD_CYBERTIP_USER": self.cybertip_user,
            "SAFEGUARD_CYBERTIP_PASSWORD": self.cybertip_password,
            "SAFEGUARD_EVIDENCE": "1" if self.evidence.enabled else "0",
            "SAFEGUARD_EVIDENCE_RETENTION_DAYS": str(self.evidence.retention_days),
        }
        if self.evidence.key_file is not None:
            env["SAFEGUARD_EVIDENCE_KEY_FILE"] = str(self.evidence.key_file)
        return env

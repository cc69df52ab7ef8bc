"""Adapters to exchanges that are not Safeguard instances, behind one interface
(``base.ExchangeAdapter``): a new exchange is a new module here and one line in
``ADAPTERS``.

- ``file``: a ThreatExchange-style signal file (``TYPE VALUE`` lines, as
  python-threatexchange's ``LocalFileSignalExchangeAPI`` reads them) or the CSV its
  ``threatexchange dataset --csv`` writes.
- ``ncmec``: NCMEC's hash-sharing API (``/v2/entries``), through python-threatexchange's
  ``NCMECSignalExchangeAPI``.
- ``stopncii``: StopNCII.org's hash API (``/v1/FetchHashes``), through its ``StopNCIIAPI``.

All three use Meta's ``threatexchange`` package, an optional extra
(``pip install 'safeguard[exchanges]'``): only its API clients and dataclasses, never its
pickle-based storage. Modules load only when an adapter is used.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from safeguard.exchange.adapters.base import ExchangeAdapter
from safeguard.exchange.errors import AdapterUnavailable

#: kind -> module (each defines ``Adapter``).
ADAPTERS: dict[str, str] = {
    "file": "safeguard.exchange.adapters.file",
    "ncmec": "safeguard.exchange.adapters.ncmec",
    "stopncii": "safeguard.exchange.adapters.stopncii",
}

EXTRA_HINT = "install the optional extra: pip install 'safeguard[exchanges]'"


def missing_dependency(distribution: str | None) -> str | None:
    """Why an adapter needing ``distribution`` cannot run here, or None if it can."""
    if distribution is None:
        return None
    try:
        found = importlib.util.find_spec(distribution)
    except (ImportError, ValueError):
        found = None
    if found is None:
        return f"needs the {distribution!r} package: {EXTRA_HINT}"
    return None


def adapter_class(kind: str) -> type[ExchangeAdapter]:
    """The adapter class of ``kind`` (``AdapterUnavailable`` if unknown)."""
    module = ADAPTERS.get(kind)
    if module is None:
        raise AdapterUnavailable(f"no adapter {kind!r} (known: {', '.join(sorted(ADAPTERS))})")
    cls: type[ExchangeAdapter] = importlib.import_module(module).Adapter
    return cls


def build(kind: str, config: Mapping[str, Any], credentials: Mapping[str, str]) -> ExchangeAdapter:
    """A ready adapter; ``AdapterUnavailable`` saying what to install if it cannot run."""
    cls = adapter_class(kind)
    reason = missing_dependency(cls.needs)
    if reason:
        raise AdapterUnavailable(f"the {kind} adapter {reason}")
    return cls(config, credentials)


@dataclass(frozen=True, slots=True)
class AdapterInfo:
    kind: str
    description: str
    available: bool
    reason: str | None
    takes_opinions: bool
    options: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "description": self.description,
            "available": self.available,
            "reason": self.reason,
            "takes_opinions": self.takes_opinions,
            "options": list(self.options),
        }


def describe() -> list[AdapterInfo]:
    out = []
    for kind in ADAPTERS:
        cls = adapter_class(kind)
        reason = missing_dependency(cls.needs)
        out.append(
            AdapterInfo(
                kind,
                cls.description,
                reason is None,
                reason,
                cls.takes_opinions,
                tuple(o.name for o in cls.options),
            )
        )
    return out

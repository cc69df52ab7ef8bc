"""The adapter registry works without the optional ``threatexchange`` package: listing
says what to install, building an adapter that needs it refuses with that reason."""

from __future__ import annotations

import pytest

from safeguard.exchange import adapters
from safeguard.exchange.errors import AdapterUnavailable


def test_every_adapter_is_listed_with_its_options() -> None:
    found = {a.kind: a for a in adapters.describe()}
    assert set(found) == {"file", "ncmec", "stopncii"}
    assert "password" in found["ncmec"].options and found["ncmec"].takes_opinions
    assert not found["file"].takes_opinions


def test_a_missing_package_is_named_with_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cls = adapters.adapter_class("ncmec")
    monkeypatch.setattr(cls, "needs", "no_such_package_for_safeguard_tests")
    (ncmec,) = [a for a in adapters.describe() if a.kind == "ncmec"]
    assert not ncmec.available and "safeguard[exchanges]" in (ncmec.reason or "")
    with pytest.raises(AdapterUnavailable, match=r"safeguard\[exchanges\]"):
        adapters.build("ncmec", {"url": "http://127.0.0.1:9"}, {"user": "u", "password": "p"})


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(AdapterUnavailable, match="known: file, ncmec, stopncii"):
        adapters.adapter_class("threatexchange-graph")

"""One error base: every typed failure the library raises is a ``SafeguardError`` with a
kind, and the HTTP service maps kinds — not classes — to statuses."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import safeguard
from safeguard.errors import ErrorKind, SafeguardError
from safeguard.service.errors import STATUS_OF_KIND, status_for


def _all_error_classes() -> set[type[SafeguardError]]:
    for info in pkgutil.walk_packages(safeguard.__path__, "safeguard."):
        if info.name.endswith("__main__") or ".migrations." in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
    found: set[type[SafeguardError]] = set()
    todo = [SafeguardError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_every_kind_has_a_status() -> None:
    assert set(STATUS_OF_KIND) == set(ErrorKind)


def test_every_library_error_has_a_code_and_a_kind() -> None:
    classes = _all_error_classes()
    assert len(classes) > 30
    for cls in classes:
        assert isinstance(cls.kind, ErrorKind), cls
        assert cls.code and cls.code.replace("_", "").isalnum(), cls


@pytest.mark.parametrize(
    ("module", "name", "status"),
    [
        ("safeguard.banks", "BankNotFound", 404),
        ("safeguard.banks", "BankExists", 409),
        ("safeguard.banks", "InvalidBank", 400),
        ("safeguard.review.cases", "CaseClosed", 409),
        ("safeguard.review.evidence", "EvidenceKeyError", 500),
        ("safeguard.signals.errors", "FileTooLarge", 413),
        ("safeguard.signals.errors", "UnsupportedMedia", 415),
        ("safeguard.signals.errors", "CorruptMedia", 422),
        ("safeguard.signals.errors", "InvalidSignal", 422),
        ("safeguard.stream.hub", "StreamNotFound", 404),
        ("safeguard.stream.registry", "StreamEnded", 409),
        ("safeguard.chat.open_conversations", "ConversationBusy", 429),
    ],
)
def test_statuses_follow_from_kinds(module: str, name: str, status: int) -> None:
    cls = getattr(importlib.import_module(module), name)
    assert status_for(cls("x")) == status


def test_a_rate_limited_login_is_429() -> None:
    from safeguard.access.users import LoginRateLimited

    assert status_for(LoginRateLimited(120)) == 429

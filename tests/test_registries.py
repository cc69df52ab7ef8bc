"""One registry per concept: every list of signal names, roles and sampling modes elsewhere
derives from (or is checked against) its registry."""

from __future__ import annotations

from typing import get_args

from safeguard.access.roles import ROLES, Role
from safeguard.index.exact import ExactIndex
from safeguard.service.schemas import RoleName, SignalName
from safeguard.signals.types import EXACT_SIGNALS, SIGNAL_NAMES, SIGNAL_TYPES
from safeguard.signals.video import SAMPLING_MODES, SamplingMode


def test_signal_names_come_from_the_signal_types() -> None:
    assert tuple(SIGNAL_TYPES) == SIGNAL_NAMES
    assert set(get_args(SignalName)) == set(SIGNAL_NAMES)
    assert set(EXACT_SIGNALS) == {n for n, t in SIGNAL_TYPES.items() if not t.perceptual}
    for name in EXACT_SIGNALS:
        ExactIndex(name)  # every exact signal can be indexed


def test_roles_come_from_one_enum() -> None:
    assert tuple(r.value for r in Role) == ROLES
    assert set(get_args(RoleName)) == set(ROLES)


def test_sampling_modes_come_from_one_literal() -> None:
    assert get_args(SamplingMode) == SAMPLING_MODES
    assert set(SAMPLING_MODES) == {"interval", "every_frame", "keyframes"}

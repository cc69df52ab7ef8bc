"""``bench/link_region_band.py`` decides each rule from recorded values: with the
product's default rule it must agree with ``verify`` itself, pair by pair (a room seen
through a doorway, a poster and a checkerboard shared by two rooms, re-photographs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bench.link import room_v3, room_v4
from bench.link_region_band import MEASURED, RULES, decided, record

from safeguard.link.features import features_from_pixels
from safeguard.link.verify import DEFAULT_VERIFY, verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))
from scenes import crop, lighting, perspective, through_doorway

DEFAULT_RULE = (
    DEFAULT_VERIFY.min_region_cover,
    DEFAULT_VERIFY.region_cover_inliers,
    DEFAULT_VERIFY.min_region_cover_many,
    DEFAULT_VERIFY.texture_cover_inliers,
    DEFAULT_VERIFY.min_region_cover_textured,
)


def _pairs() -> list[tuple[str, object, object]]:
    door = room_v4(41, 400, 300)
    room = room_v4(99, 400, 300)
    return [
        ("doorway", lighting(door), through_doorway(perspective(door, 0.08, 41)[0], 0.5, 0.3, 41)),
        ("poster", lighting(room_v4(926, 400, 300)), crop(room_v4(528, 400, 300), 0.6, 0)),
        ("checker", room_v3(1538, 400, 300), crop(room_v3(1264, 400, 300), 0.6, 0)),
        ("same room", room, lighting(perspective(room, 0.1, 3)[0])),
        ("two rooms", room, room_v4(100, 400, 300)),
    ]


def test_the_default_rule_is_among_the_rules() -> None:
    assert DEFAULT_RULE in RULES


#: What verify decides for each pair (so the comparison covers both outcomes and the
#: textured path: the doorway links only through it).
EXPECTED = {"doorway": True, "poster": False, "checker": False, "same room": True}


@pytest.mark.parametrize(("name", "a", "b"), _pairs())
def test_the_default_rule_decides_as_verify_does(name: str, a: object, b: object) -> None:
    fa, fb = features_from_pixels(a), features_from_pixels(b)  # type: ignore[arg-type]
    measured = record(verify(fa, fb, MEASURED))
    linked = verify(fa, fb).linked
    assert decided(measured, *DEFAULT_RULE) == linked
    assert linked == EXPECTED.get(name, False)
    if name == "doorway":
        area_only = (*DEFAULT_RULE[:3], 0, 0.0)
        assert not decided(measured, *area_only)

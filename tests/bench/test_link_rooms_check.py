"""The crash check run before a held-out link bench (``bench.link_rooms_check``)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from bench.link_rooms_check import check, main

from bench import link, link_rooms_check


def _flaky(seed: int, w: int, h: int) -> np.ndarray:
    """A generator whose place 1 crashes and whose other places build."""
    if seed == 1:
        return np.zeros((h, w), np.uint8)[h + 5]  # an index past the picture's edge
    return np.full((h, w, 3), seed, np.uint8)


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(link.GENERATORS, "flaky", _flaky)
    return "flaky"


def test_a_real_generator_builds_its_first_places() -> None:
    record = check("v28", 2, (400, 300))
    assert record["built"] == 2 and record["crashes"] == []
    assert record["size"] == "400x300" and record["rooms"] == 2


def test_a_crash_is_named_by_seed_and_place_and_the_rest_build(flaky: str) -> None:
    record = check(flaky, 4, (64, 48), tb=True)
    assert record["built"] == 3
    [crash] = record["crashes"]
    assert crash["seed"] == 1 and crash["stage"] == "place"
    assert crash["error"].startswith("IndexError")
    assert crash["where"].startswith("test_link_rooms_check.py:")
    assert "_flaky" in crash["traceback"]


def test_first_shifts_the_seeds(flaky: str) -> None:
    assert check(flaky, 2, (64, 48), first=2)["crashes"] == []
    assert [c["seed"] for c in check(flaky, 2, (64, 48), first=1)["crashes"]] == [1]


def test_a_crash_in_the_views_is_told_from_one_in_the_place(
    monkeypatch: pytest.MonkeyPatch, flaky: str
) -> None:
    def views(img: np.ndarray, seed: int) -> dict[str, bytes]:
        raise ValueError("no views today")

    monkeypatch.setitem(link.VIEWS, flaky, views)
    record = check(flaky, 3, (64, 48))
    assert [(c["seed"], c["stage"]) for c in record["crashes"]] == [
        (0, "views"),
        (1, "place"),
        (2, "views"),
    ]


def test_the_command_exits_1_on_a_crash_and_prints_json(
    flaky: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--generator", flaky, "--rooms", "3", "--size", "64x48", "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["built"] == 2 and record["crashes"][0]["seed"] == 1
    assert main(["--generator", flaky, "--rooms", "1", "--size", "64x48"]) == 0
    assert "1 of 1 places built" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["--generator", "v28", "--size", "400by300"],
        ["--generator", "v28", "--size", "8x8"],
        ["--generator", "v28", "--rooms", "0"],
        ["--generator", "v99"],
    ],
)
def test_bad_arguments_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2


def test_the_check_builds_what_the_bench_writes() -> None:
    """Views are made with the place's index in the run, as ``make_collection`` does."""
    assert link_rooms_check.VIEWS is link.VIEWS and link.VIEWS["v28"] is link.views_v28

"""``bench/match_path_cost.py``: its padded uploads match only through a derived hash, its
CPU arithmetic counts processes born mid-block, and a tiny run against real ``safeguard
serve`` processes gets the answers it expects (an exact and a trimmed match opening cases
on the ``match`` server, nothing on the other)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bench import match_path_cost as bench
from bench import service
from safeguard.signals.media import HashOptions, hash_bytes


def _bits(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def test_spent_counts_a_process_born_between_readings() -> None:
    assert bench.spent({1: 1.0}, {1: 1.5, 2: 0.25}) == pytest.approx(0.75)


def test_a_process_gone_by_the_second_reading_is_not_counted() -> None:
    assert bench.spent({1: 1.0, 2: 3.0}, {1: 1.5}) == pytest.approx(0.5)


def test_padded_copies_match_only_through_their_trimmed_hash() -> None:
    pics = bench.pictures()
    known = bench.known_pdqs(pics["plain"])
    assert len(pics["padded"]) == len(known) == 5
    for data, original in zip(pics["padded"], known, strict=True):
        record = hash_bytes("p.jpg", data, HashOptions(variants=True))
        assert record.pdq is not None
        assert _bits(record.pdq, original) > 31
        trimmed = [v["pdq"] for v in record.pdq_variants or [] if v["variant"].startswith("trim")]
        assert trimmed and min(_bits(t, original) for t in trimmed) <= 31


@pytest.mark.slow
def test_tiny_run_answers_as_expected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(service, "CACHE", tmp_path / "cache")
    argv = ["match_path_cost", "--entries", "200", "--rounds", "1", "--repeat", "1"]
    monkeypatch.setattr(sys, "argv", [*argv, "--warmup", "1", "--profile", "3", "--out", ""])
    bench.main()
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == 0
    answers = result["answers"]
    assert answers["plain_match"] == {
        "actions": {"review": 5},
        "cases": 5,
        "variants": {"exact": 5},
    }
    assert answers["padded_match"]["cases"] == 5
    assert answers["padded_match"]["variants"] == {"trimmed": 5}
    for setting in ("plain_nomatch", "padded_nomatch"):
        assert answers[setting] == {"actions": {"allow": 5}, "cases": 0, "variants": {}}
    # Warm-up and measured passes: 2 x 5 matching uploads of each kind opened a case each.
    assert result["rows_written"]["match"]["cases"] == 20
    assert result["rows_written"]["nomatch"]["cases"] == 0
    assert all(ms > 0 for ms in result["server_cpu_ms_per_request_median"].values())
    # In process: the matched check spends time in the act's steps, the other in none.
    steps = result["profile"]["match"]["without_profile"]
    assert {"act", "open_case", "record", "head", "load_rules", "enqueue"} <= set(steps)
    assert steps["check_record"] > steps["act"] > steps["open_case"] > 0
    assert set(result["profile"]["nomatch"]["without_profile"]) == {"check_record"}

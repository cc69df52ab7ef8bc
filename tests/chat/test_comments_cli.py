"""``safeguard chat comments``: recorded comment streams scored as the monitor scores them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from safeguard.cli import app

runner = CliRunner()

CROWD = {
    "id": "crowd",
    "comments": [
        {"ts": "2026-03-02T19:04:11Z", "viewer": "a", "text": "hi"},
        {"ts": "2026-03-02T19:04:20Z", "viewer": "b", "text": "are your parents home?"},
        {"ts": "2026-03-02T19:04:30+00:00", "viewer": "b", "text": "stand on the chair"},
        {"ts": "2026-03-02T19:04:40Z", "viewer": "c", "text": "stand on the chair pls"},
        {"ts": "2026-03-02T19:04:50Z", "viewer": "d", "text": "come on do it"},
    ],
}
BENIGN = {
    "id": "music",
    "comments": [
        {"ts": 1, "viewer": "a", "text": "play wonderwall"},
        {"ts": 2.5, "viewer": "b", "text": "500 coins for a song"},
        {"ts": 4, "viewer": "c", "text": "whats ur discord"},
    ],
}


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_streams_are_scored_with_viewers_and_signals(tmp_path: Path) -> None:
    path = tmp_path / "streams.jsonl"
    path.write_text(json.dumps(CROWD) + "\n" + json.dumps(BENIGN) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["chat", "comments", "--json", str(path)])
    assert result.exit_code == 0, result.output
    crowd, music = lines(result.stdout)
    assert crowd["id"] == "crowd" and crowd["flagged"] is True
    assert 0.0 <= crowd["risk"] <= 1.0
    assert crowd["error"] is None
    viewers = crowd["viewers"]
    assert isinstance(viewers, dict)
    assert {s["category"] for s in viewers["b"]["signals"]} >= {"risk_assessment", "request_action"}
    assert viewers["b"]["risk"] > 0
    signals = crowd["signals"]
    assert isinstance(signals, list) and all(len(s["span"]) == 2 for s in signals)
    assert music["flagged"] is False


def test_a_json_file_holds_one_stream(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(BENIGN), encoding="utf-8")
    result = runner.invoke(app, ["chat", "comments", "--json", str(path)])
    assert result.exit_code == 0
    (row,) = lines(result.stdout)
    assert row["id"] == "music"


def test_a_bad_file_is_an_error_record_and_the_rest_is_scored(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "comments": [{"ts": "yesterday", "text": "hi"}]}\n')
    good = tmp_path / "good.json"
    good.write_text(json.dumps(BENIGN))
    result = runner.invoke(app, ["chat", "comments", "--json", str(bad), str(good)])
    assert result.exit_code == 1
    error, scored = lines(result.stdout)
    assert error["id"] is None and "ISO 8601" in str(error["error"])
    assert scored["id"] == "music" and scored["error"] is None


def test_a_missing_file_is_an_error_record(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chat", "comments", "--json", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    (row,) = lines(result.stdout)
    assert row["error"]


def test_no_file_is_a_usage_error() -> None:
    assert runner.invoke(app, ["chat", "comments"]).exit_code == 2


def test_the_table_goes_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(CROWD), encoding="utf-8")
    result = runner.invoke(app, ["chat", "comments", str(path)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "crowd" in result.stderr

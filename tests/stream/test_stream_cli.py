"""``safeguard stream watch``, run as a user runs it: a real process, real files, a real
database with a block bank."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from bench.stream import write_stream

from safeguard import banks
from safeguard.signals.video import VideoSampling, hash_video
from safeguard.store.db import open_database


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("stream-cli")
    banned = write_stream(root / "b.mp4", [(1, 4.0)])
    switch = write_stream(root / "switch.mp4", [(0, 4.0), (1, 4.0)])
    benign = write_stream(root / "a.mp4", [(0, 6.0)])
    data = root / "data"
    db = open_database(f"sqlite:///{data / 'safeguard.db'}")
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("known", kind="block"), "test")
    hashes = hash_video(banned, VideoSampling(mode="every_frame")).frames

    @contextmanager
    def lines() -> Iterator[BinaryIO]:
        yield io.BytesIO("\n".join(f.pdq.hex for f in hashes).encode())

    banks.import_list(db, "known", lines, fmt="plain", source="t", default_type="pdq", actor="t")
    db.dispose()
    return {"data": data, "switch": switch, "benign": benign}


def watch(
    setup: dict[str, Path], *args: str, stdin: str | None = None
) -> tuple[int, list[dict[str, Any]], str]:
    command = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(setup["data"])]
    proc = subprocess.run(
        [*command, "stream", "watch", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, events, proc.stderr


def test_watch_writes_json_events_and_decides_terminate_at_the_switch(
    setup: dict[str, Path],
) -> None:
    code, events, _ = watch(setup, "--json", str(setup["switch"]))
    assert code == 0
    assert {e["type"] for e in events} == {"frame", "decision", "end"}
    [decision] = [e for e in events if e["type"] == "decision"]
    assert (decision["action"], decision["stream_ts"]) == ("terminate", 4.0)
    assert decision["evidence"]["frames"][0]["matches"][0]["bank"] == "known"
    assert all("stream_ts" in e for e in events)


def test_comments_from_stdin_are_scored_and_a_benign_feed_stays_at_none(
    setup: dict[str, Path],
) -> None:
    feed = "\n".join(
        json.dumps({"viewer": f"v{i}", "text": t, "ts": i})
        for i, t in enumerate(["hello", "nice colours", "what game is this", "see you!"])
    )
    code, events, _ = watch(setup, "--json", "--comments", "-", str(setup["benign"]), stdin=feed)
    assert code == 0
    assert [e for e in events if e["type"] == "decision"] == []
    assert events[-1]["type"] == "end"


def test_abuse_to_order_comments_from_a_file_open_a_review_case(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    feed = tmp_path / "comments.jsonl"
    rows = [
        ("v1", "how old are you"),
        ("v2", "how old r u? what grade are you in"),
        ("v3", "do a dance for 500 tips"),
        ("v4", "add me on snapchat"),
        ("v5", "send me a pic on telegram"),
        ("v1", "come on telegram, i will tip you"),
    ]
    feed.write_text(
        "\n".join(
            json.dumps({"viewer": v, "text": t, "ts": 1 + i}) for i, (v, t) in enumerate(rows)
        )
    )
    code, events, _ = watch(
        setup, "--json", "--cases", "--comments", str(feed), str(setup["benign"])
    )
    assert code == 0
    [decision] = [e for e in events if e["type"] == "decision"]
    assert decision["action"] == "review" and isinstance(decision["case_id"], int)
    from safeguard.review import cases

    db = open_database(f"sqlite:///{setup['data'] / 'safeguard.db'}")
    try:
        with db.session() as s:
            case = cases.get_case(s, decision["case_id"])
            assert (case.action, case.source, case.status) == ("review", "stream:stream-1", "open")
            assert case.evidence["comments"]["signals"]
    finally:
        db.dispose()


def test_bad_comment_lines_are_reported_by_line_and_the_exit_code_is_1(
    setup: dict[str, Path],
) -> None:
    feed = '{"text": "hi", "ts": 1}\nnot json\n{"viewer": "v", "ts": 2}\n'
    code, events, _ = watch(setup, "--json", "--comments", "-", str(setup["benign"]), stdin=feed)
    assert code == 1
    errors = [e for e in events if e["type"] == "error"]
    assert [e["message"] for e in errors] == [
        "line 2: not JSON (Expecting value)",
        "line 3: 'text' must be a string",
    ]
    assert not any(e["fatal"] for e in errors)
    assert events[-1]["type"] == "end" and events[-1]["reason"] == "eof"


FEED_NOT_UTF8 = (
    b'{"text": "hi", "ts": 1}\n{"text": "caf\xe9", "ts": 2}\n\xff\xfe\n{"text": "ok", "ts": 3}\n'
)


def test_comment_lines_that_are_not_utf8_are_reported_and_the_feed_goes_on(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(FEED_NOT_UTF8)
    code, events, stderr = watch(setup, "--json", "--comments", str(feed), str(setup["benign"]))
    assert code == 1 and "Traceback" not in stderr
    errors = [e for e in events if e["type"] == "error"]
    assert [e["message"].split(" (")[0] for e in errors] == [
        "line 2: not UTF-8",
        "line 3: not UTF-8",
    ]
    assert not any(e["fatal"] for e in errors)
    end = events[-1]
    assert (end["type"], end["reason"], end["comments"]) == ("end", "eof", 2)  # the 2 good ones


def test_comment_lines_on_stdin_that_are_not_utf8_are_reported_and_the_feed_goes_on(
    setup: dict[str, Path],
) -> None:
    command = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(setup["data"])]
    proc = subprocess.run(
        [*command, "stream", "watch", "--json", "--comments", "-", str(setup["benign"])],
        capture_output=True,
        input=FEED_NOT_UTF8,
        timeout=120,
    )
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    errors = [e["message"] for e in events if e["type"] == "error"]
    assert [m.split(" (")[0] for m in errors] == ["line 2: not UTF-8", "line 3: not UTF-8"]
    assert (events[-1]["type"], events[-1]["comments"]) == ("end", 2)


def test_a_missing_source_is_an_error_event_and_exit_1_while_the_others_run(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    code, events, _ = watch(setup, "--json", str(tmp_path / "gone.mp4"), str(setup["benign"]))
    assert code == 1
    [error] = [e for e in events if e["type"] == "error"]
    assert (error["stream"], error["code"]) == ("stream-1", "stream_unavailable")
    ends = {e["stream"]: e["reason"] for e in events if e["type"] == "end"}
    assert ends == {"stream-1": "error", "stream-2": "eof"}


def test_the_human_summary_goes_to_stderr(setup: dict[str, Path]) -> None:
    code, events, err = watch(setup, str(setup["switch"]))
    assert code == 0 and events == []
    assert "terminate" in err and "Streams" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--id", "a", "--id", "b", "x.mp4"], "2 --id for 1 sources"),
        (["--review-risk", "2", "x.mp4"], "Invalid value"),
        (["--comments", "/nonexistent.jsonl", "x.mp4"], "no such file"),
    ],
)
def test_usage_errors_exit_2(setup: dict[str, Path], args: list[str], message: str) -> None:
    code, _, err = watch(setup, *args)
    assert code == 2
    assert message in err


def test_a_policy_file_with_an_unknown_setting_is_a_usage_error(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"review_risk": 0.5, "terminate_at_once": True}))
    code, _, err = watch(setup, "--policy", str(policy), str(setup["benign"]))
    assert code == 2 and "unknown policy setting" in err

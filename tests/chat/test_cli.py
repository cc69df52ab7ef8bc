"""``safeguard chat score|train|eval`` as a user runs them: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from safeguard.chat.model import GroomingModel


def safeguard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safeguard.cli", "chat", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc))
    return path


CONVERSATION = {
    "id": "demo",
    "participants": [{"id": "a", "age": 41}, {"id": "b", "age": 12}],
    "messages": [
        {"author": "a", "text": "hey how was school", "ts": 1},
        {"author": "a", "text": "how old are you btw?", "ts": 80},
        {"author": "b", "text": "12", "ts": 90},
        {"author": "a", "text": "are you home alone? dont tell your mum we talk", "ts": 130},
        {"author": "a", "text": "add me on snap, its more private", "ts": 150},
    ],
}


def test_score_json_writes_one_object_per_conversation(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", CONVERSATION)
    friends = write(
        tmp_path / "friends.json",
        {"id": "f", "messages": [{"author": "x", "text": "gg", "ts": 1}]},
    )
    proc = safeguard("score", "--json", str(good), str(friends))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == ["demo", "f"]
    assert records[0]["level"] in ("high", "critical")
    assert records[0]["suspect"] == "a"
    assert records[1]["level"] == "none"


def test_score_exits_1_when_an_input_is_bad_and_still_scores_the_rest(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", CONVERSATION)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    proc = safeguard("score", "--json", str(bad), str(good))
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "not JSON" in records[0]["error"]
    assert records[1]["id"] == "demo"


def test_score_with_a_model_of_another_version_is_a_usage_error(tmp_path: Path) -> None:
    model = tmp_path / "old.json"
    model.write_text(json.dumps({"format": "safeguard.chat.grooming/0"}))
    proc = safeguard("score", "--model", str(model), str(write(tmp_path / "c.json", CONVERSATION)))
    assert proc.returncode == 2
    assert "retrain" in proc.stderr


def test_score_without_files_is_a_usage_error() -> None:
    assert safeguard("score").returncode == 2


def test_train_then_eval_on_a_small_labelled_corpus(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "src/safeguard/chat/data/conversations_train.jsonl"
    corpus = tmp_path / "small.jsonl"
    corpus.write_text("".join(src.read_text().splitlines(keepends=True)[:120]))
    out = tmp_path / "model.json"
    proc = safeguard("train", "--corpus", str(corpus), "--out", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["sha256"] == GroomingModel.load(out).checksum
    proc = safeguard(
        "eval", "--model", str(out), "--corpus", str(corpus), "--train", str(corpus), "--only",
        "--json",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)["sets"]
    assert set(result) == {str(corpus), f"{corpus} + typos", f"{corpus} + synonyms"}
    systems = result[str(corpus)]
    assert set(systems) == {"model", "keywords", "tfidf_lr"}
    report = systems["model"]["report"]
    assert {"alerts", "predator_identification", "predator_lines", "calibration"} <= set(report)
    assert report["alerts"]["latency_f1"] <= report["alerts"]["f1"]
    summary = systems["tfidf_lr"]["summary"]
    assert summary["n"] == 120 and 0 <= summary["auc"] <= 1
    assert "en" in systems["model"]["by_language"]


def test_chat_help_lists_score_train_and_eval() -> None:
    proc = safeguard("--help")
    assert proc.returncode == 0
    assert all(command in proc.stdout for command in ("score", "train", "eval"))


def test_eval_reads_pan12_files(tmp_path: Path) -> None:
    xml = tmp_path / "pan12.xml"
    xml.write_text(
        "<conversations><conversation id='c1'>"
        "<message line='1'><author>p1</author><time>10:00</time><text>how old are you</text>"
        "</message><message line='2'><author>k1</author><time>10:01</time><text>12</text>"
        "</message><message line='3'><author>p1</author><time>10:02</time>"
        "<text>dont tell your mum, add me on snap</text></message></conversation>"
        "<conversation id='c2'><message line='1'><author>x</author><time>11:00</time>"
        "<text>gg</text></message></conversation></conversations>"
    )
    (tmp_path / "ids.txt").write_text("p1\n")
    (tmp_path / "lines.txt").write_text("c1\t3\n")
    proc = safeguard(
        "eval",
        "--pan12",
        str(xml),
        "--predators",
        str(tmp_path / "ids.txt"),
        "--predator-lines",
        str(tmp_path / "lines.txt"),
        "--train",
        str(_small_train(tmp_path)),
        "--only",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)["sets"]["PAN12 pan12.xml"]["model"]["report"]
    assert (report["conversations"], report["positives"]) == (2, 1)


def _small_train(tmp_path: Path) -> Path:
    src = Path(__file__).resolve().parents[2] / "src/safeguard/chat/data/conversations_train.jsonl"
    corpus = tmp_path / "train.jsonl"
    corpus.write_text("".join(src.read_text().splitlines(keepends=True)[:120]))
    return corpus


def test_eval_of_malformed_pan12_xml_exits_1(tmp_path: Path) -> None:
    xml = tmp_path / "bad.xml"
    xml.write_text("<conversations><conversation id='c1'><message")
    proc = safeguard("eval", "--pan12", str(xml))
    assert proc.returncode == 1
    assert "malformed XML" in proc.stderr

"""The evaluation harness reports, in one run, the synthetic split and the held-out folder
(``--heldout``, else the newest ``chat_eval_v*`` folder that is not a training edition) when
there is one. Tested on tiny folders written here in the editions' schema, never on real
held-out data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from safeguard.chat.model import default_model
from safeguard.chat.training import comments_eval, suite
from safeguard.chat.training.comments_data import build_streams
from safeguard.chat.training.corpus import shipped_conversations
from safeguard.cli import app

SYSTEMS = {"model", "keywords", "tfidf_lr"}


def _conversation(cid: str, label: int, lines: list[tuple[str, str]], **extra: Any) -> str:
    doc: dict[str, Any] = {
        "id": cid,
        "participants": [{"id": "a", "age": 38}, {"id": "c", "age": 12}],
        "messages": [{"author": a, "text": t} for a, t in lines],
        "label": label,
        "family": "grooming" if label else "grandparent",
        **extra,
    }
    if label:
        doc["predator"] = "a"
        doc["predator_lines"] = [i for i, (a, _) in enumerate(lines) if a == "a"][1:]
    return json.dumps(doc)


GROOMING_EN = [
    ("a", "hey, nice drawing"),
    ("a", "how old are you?"),
    ("c", "12"),
    ("a", "dont tell your mum we talk, its our secret"),
    ("a", "add me on snap its more private"),
    ("a", "are you home alone?"),
]
BENIGN_EN = [
    ("a", "happy birthday sweetheart, how old are you now?"),
    ("c", "12 grandpa!"),
    ("a", "mum will pick you up on saturday"),
]
GROOMING_ES = [
    ("a", "hola, que bonito dibujo"),
    ("a", "cuantos anos tienes?"),
    ("c", "12"),
    ("a", "no le digas a tu madre que hablamos, es nuestro secreto"),
    ("a", "estas sola en casa?"),
]
BENIGN_PL = [
    ("a", "czesc kochanie, ile masz teraz lat?"),
    ("c", "12 babciu"),
    ("a", "mama odbierze cie w sobote"),
]


def _write_set(folder: Path, tag: str) -> None:
    folder.mkdir(parents=True)
    (folder / "conversations_en.jsonl").write_text(
        "\n".join(
            [
                _conversation(f"{tag}-en-g", 1, GROOMING_EN),
                _conversation(f"{tag}-en-n", 0, BENIGN_EN, hard_negative=True),
            ]
        )
        + "\n"
    )
    (folder / "conversations_ml.jsonl").write_text(
        "\n".join(
            [
                _conversation(f"{tag}-es-g", 1, GROOMING_ES, language="es"),
                _conversation(f"{tag}-pl-n", 0, BENIGN_PL, language="pl", hard_negative=True),
            ]
        )
        + "\n"
    )
    streams = build_streams("test", 6, seed=3)
    (folder / "comments_en.jsonl").write_text("".join(json.dumps(s) + "\n" for s in streams[:4]))
    (folder / "comments_ml.jsonl").write_text(
        "".join(json.dumps({**s, "language": "es"}) + "\n" for s in streams[4:])
    )


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    _write_set(tmp_path / "chat_eval", "dev")
    _write_set(tmp_path / "chat_eval_v2", "dev2")
    _write_set(tmp_path / "chat_eval_v3", "dev3")
    _write_set(tmp_path / "chat_eval_v4", "dev4")
    _write_set(tmp_path / "chat_eval_v5", "dev5")
    _write_set(tmp_path / "chat_eval_v6", "dev6")
    _write_set(tmp_path / "chat_eval_v7", "dev7")
    _write_set(tmp_path / "chat_eval_v8", "held")
    return tmp_path


HELD = suite.heldout_name(Path("chat_eval_v8"))


def _small_train() -> list:  # type: ignore[type-arg]
    train = shipped_conversations("train")
    return train[:120] + [i for i in train if i.label][:40]


def test_the_standard_sets_are_the_synthetic_split_and_the_held_out_folder(data: Path) -> None:
    sets = suite.standard_sets(shipped_conversations("test")[:5], data)
    assert list(sets) == [suite.SYNTHETIC, HELD]
    assert {i.conversation.id for i in sets[HELD]} == {
        "held-en-g",
        "held-en-n",
        "held-es-g",
        "held-pl-n",
    }


def test_a_held_out_folder_given_by_name_is_read_whatever_it_is_called(
    data: Path, tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere" / "fresh"
    _write_set(other, "fresh")
    (other / "conversations_ml.jsonl").unlink()
    sets = suite.standard_sets(shipped_conversations("test")[:5], data, other)
    assert list(sets) == [suite.SYNTHETIC, "held out (fresh)"]
    assert {i.conversation.id for i in sets["held out (fresh)"]} == {"fresh-en-g", "fresh-en-n"}


def test_without_a_held_out_folder_only_the_synthetic_split_is_read(data: Path) -> None:
    for path in (data / "chat_eval_v8").iterdir():
        path.unlink()
    (data / "chat_eval_v8").rmdir()
    sets = suite.standard_sets(shipped_conversations("test")[:5], data)
    assert list(sets) == [suite.SYNTHETIC]


def test_one_run_reports_every_set_with_perturbations_and_languages(data: Path) -> None:
    sets = suite.standard_sets(shipped_conversations("test")[:20], data)
    result = suite.evaluate_all(
        default_model(), _small_train(), sets, [n for n in sets if suite.is_heldout(n)]
    )
    names = set(result["sets"])
    assert names == {suite.SYNTHETIC, HELD, f"{HELD} + typos", f"{HELD} + synonyms"}
    held = result["sets"][HELD]
    assert set(held) >= SYSTEMS
    for system in SYSTEMS:
        assert held[system]["summary"]["n"] == 4
        assert set(held[system]["by_language"]) == {"en", "es", "pl"}
    rows = suite.table_rows(result)
    assert {r[0] for r in rows} == names
    assert len(rows) == 3 * len(names)


def test_the_comment_report_covers_every_set_and_language(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguard.chat.training import corpus

    small = {"train": build_streams("train", 30, seed=5), "test": build_streams("test", 6, seed=5)}
    monkeypatch.setattr(corpus, "shipped_streams", lambda split: small[split])
    report = comments_eval.comments_report(root=data, train=small["train"])
    assert list(report["sets"]) == ["synthetic test split", HELD]
    held = report["sets"][HELD]
    assert set(held) >= SYSTEMS | {"by_language", "model_viewers"}
    assert held["model"]["streams"] == 6
    assert set(held["by_language"]) == {"en", "es"}
    assert held["by_language"]["es"]["model"]["streams"] == 2


def test_chat_eval_reports_the_held_out_folder_in_one_run(
    data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(suite, "data_root", lambda: data)
    train = tmp_path / "train.jsonl"
    train.write_text(
        "".join(
            json.dumps(
                {
                    "id": i.conversation.id,
                    "participants": [],
                    "messages": [
                        {"author": m.author, "text": m.text} for m in i.conversation.messages
                    ],
                    "label": i.label,
                    "predator_lines": sorted(i.predator_lines),
                }
            )
            + "\n"
            for i in _small_train()
        )
    )
    result = CliRunner().invoke(app, ["chat", "eval", "--json", "--train", str(train)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.strip().splitlines()[-1])
    assert {suite.SYNTHETIC, HELD, f"{HELD} + typos", f"{HELD} + synonyms"} <= set(doc["sets"])


def test_chat_eval_refuses_a_training_edition_as_held_out(data: Path) -> None:
    result = CliRunner().invoke(
        app, ["chat", "eval", "--json", "--heldout", str(data / "chat_eval_v3")]
    )
    assert result.exit_code == 2
    assert "training edition" in result.output

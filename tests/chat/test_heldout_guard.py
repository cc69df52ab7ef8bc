"""Training code never reads a held-out edition: not the ones named in
``editions.HELDOUT_EDITIONS``, not a folder passed as held-out, not a ``chat_eval_v*``
folder nobody has named as training data. Tested on small folders written here in the
editions' schema, never on a real held-out set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard.chat.training import editions, recipe, suite
from safeguard.chat.training.editions import HeldOutError


def _edition(folder: Path, tag: str) -> Path:
    folder.mkdir(parents=True)
    doc = {
        "id": f"{tag}-1",
        "participants": [{"id": "a"}, {"id": "b", "age": 12}],
        "messages": [{"author": "a", "text": "how old are you?"}, {"author": "b", "text": "12"}],
        "label": 1,
        "predator": "a",
        "grooming_lines": [0],
    }
    (folder / "conversations_en.jsonl").write_text(json.dumps(doc) + "\n")
    stream = {
        "id": f"{tag}-s",
        "label": 1,
        "bad_viewers": ["v"],
        "comments": [{"ts": 1.0, "viewer": "v", "text": "how old are you"}],
    }
    (folder / "comments_en.jsonl").write_text(json.dumps(stream) + "\n")
    return folder


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    for name in editions.TRAINING_EDITIONS.values():
        _edition(tmp_path / name, name)
    for name in editions.HELDOUT_EDITIONS:
        _edition(tmp_path / name, name)
    _edition(tmp_path / "chat_eval_v9", "v9")
    return tmp_path


def test_training_and_held_out_editions_are_disjoint() -> None:
    assert not set(editions.TRAINING_EDITIONS.values()) & set(editions.HELDOUT_EDITIONS)
    assert "chat_eval_v8" in editions.HELDOUT_EDITIONS
    assert editions.TRAINING_EDITIONS["v7"] == "chat_eval_v7"


def test_the_default_held_out_folder_is_the_newest_edition_not_trained_on(root: Path) -> None:
    assert editions.default_heldout(root) == root / "chat_eval_v9"
    (root / "chat_eval_v9" / "conversations_en.jsonl").unlink()
    (root / "chat_eval_v9" / "comments_en.jsonl").unlink()
    (root / "chat_eval_v9").rmdir()
    assert editions.default_heldout(root) == root / "chat_eval_v8"


def test_no_held_out_folder_when_only_training_editions_exist(tmp_path: Path) -> None:
    for name in editions.TRAINING_EDITIONS.values():
        _edition(tmp_path / name, name)
    assert editions.default_heldout(tmp_path) is None


def test_training_reads_the_training_editions(root: Path) -> None:
    items = editions.edition_conversations(list(editions.TRAINING_EDITIONS), root)
    assert {i.conversation.id for i in items} == {
        f"{n}-1" for n in editions.TRAINING_EDITIONS.values()
    }
    streams = editions.edition_streams(["v3"], root)
    assert [c["bad"] for c in streams[0]["comments"]] == [True]


def test_a_folder_passed_as_held_out_is_never_read_by_training(root: Path) -> None:
    with pytest.raises(HeldOutError):
        editions.edition_conversations(["v3"], root, heldout=[root / "chat_eval_v3"])
    with pytest.raises(HeldOutError):
        editions.edition_streams(["v2"], root, heldout=[root / "chat_eval_v2"])
    with pytest.raises(HeldOutError):
        recipe.grooming_training_data(root=root, heldout=[root / "chat_eval"])
    with pytest.raises(HeldOutError):
        editions.edition_streams(["v1"], root, heldout=[root])


def test_a_file_in_a_held_out_or_unnamed_edition_is_refused(root: Path) -> None:
    for name in (*editions.HELDOUT_EDITIONS, "chat_eval_v9"):
        with pytest.raises(HeldOutError):
            editions.check_training_file(root / name / "conversations_en.jsonl")
    with pytest.raises(HeldOutError):
        editions.check_training_file(
            root / "chat_eval" / "conversations_en.jsonl", heldout=[root / "chat_eval"]
        )
    path = root / "chat_eval" / "conversations_en.jsonl"
    assert editions.check_training_file(path) == path


def test_a_held_out_edition_cannot_be_named_as_training_data(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(editions.TRAINING_EDITIONS, "v8", "chat_eval_v8")
    with pytest.raises(HeldOutError):
        editions.edition_conversations(["v8"], root)
    with pytest.raises(HeldOutError):
        editions.edition_streams(["v8"], root)


def test_the_evaluation_refuses_a_training_edition_as_held_out(root: Path) -> None:
    with pytest.raises(HeldOutError):
        suite.heldout_folder(root, root / "chat_eval_v3")
    with pytest.raises(HeldOutError):
        suite.heldout_folder(root, root / "chat_eval_v4")
    with pytest.raises(HeldOutError):
        suite.heldout_folder(root, root / "chat_eval_v5")
    with pytest.raises(HeldOutError):
        suite.heldout_folder(root, root / "chat_eval_v6")
    with pytest.raises(HeldOutError):
        suite.heldout_folder(root, root / "chat_eval_v7")
    assert suite.heldout_folder(root, root / "chat_eval_v8") == root / "chat_eval_v8"
    assert suite.heldout_folder(root) == root / "chat_eval_v9"


@pytest.mark.slow
def test_leave_one_edition_out_trains_without_the_left_out_edition(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each fold's model is trained on the synthetic data and the other editions only, and
    the fold reports the model beside both baselines."""
    from safeguard.chat.training import loeo
    from safeguard.chat.training.corpus import shipped_conversations

    train = shipped_conversations("train")
    small = train[:100] + [i for i in train if i.label][:40]
    monkeypatch.setattr(recipe, "shipped_conversations", lambda split: small)
    seen: list[list[str]] = []
    real = recipe.grooming_training_data

    def spy(editions_: list[str], *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        seen.append(list(editions_))
        return real(editions_, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loeo, "grooming_training_data", spy)
    fold = loeo.run_fold("v2", loeo.Design(), root)
    assert seen == [["v1", "v3", "v4", "v5", "v6", "v7"]]
    assert [i.conversation.id for i in fold.items] == ["chat_eval_v2-1"]
    report = loeo.report([fold], 0.5)
    assert set(report["folds"]["v2"]) >= {"model", "tfidf_lr", "keywords"}
    with pytest.raises(HeldOutError):
        loeo.run_fold("v2", loeo.Design(), root, heldout=[root / "chat_eval_v3"])


def test_chat_train_refuses_a_corpus_inside_a_held_out_edition(root: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from safeguard.cli import app

    for name in (*editions.HELDOUT_EDITIONS, "chat_eval_v9"):
        corpus = root / name / "conversations_en.jsonl"
        result = CliRunner().invoke(
            app, ["chat", "train", "--corpus", str(corpus), "--out", str(tmp_path / "m.json")]
        )
        assert result.exit_code == 2, result.output
        assert "training edition" in result.output or "held" in result.output
        assert not (tmp_path / "m.json").exists()

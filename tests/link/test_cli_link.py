"""``safeguard link build|query|export`` as a user runs them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from scenes import png_bytes, scene, views
from typer.testing import CliRunner

from safeguard.cli import app


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pictures")
    for i, name in enumerate(("astronaut", "coffee", "chelsea")):
        img = scene(name)
        (root / f"{name}.png").write_bytes(png_bytes(img))
        (root / f"{name}-view.jpg").write_bytes(views(img, i)["combined"])
    (root / "query").mkdir()
    (root / "query" / "coffee-crop.png").write_bytes(views(scene("coffee"), 5)["crop"])
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _build(pictures: Path, store: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        "link", "build", str(pictures / "astronaut.png"), str(pictures / "astronaut-view.jpg"),
        str(pictures / "coffee.png"), str(pictures / "coffee-view.jpg"),
        str(pictures / "chelsea.png"), str(pictures / "chelsea-view.jpg"),
        "--store", str(store), "--no-faces", *extra,
    )  # fmt: skip


def test_build_writes_items_and_groups_and_prints_one_json_summary(
    pictures: Path, tmp_path: Path
) -> None:
    out = tmp_path / "links.json"
    code, stdout, stderr = _build(
        pictures, tmp_path / "store", "--out", str(out), "--json", "--workers", "0"
    )
    assert code == 0, stderr
    lines = stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["added"] == 6
    doc = json.loads(out.read_text())
    assert len(doc["items"]) == 6
    assert all(set(i) == {"id", "path", "kind", "faces"} for i in doc["items"])
    assert [g["kind"] for g in doc["groups"]] == ["place"] * 3
    for g in doc["groups"]:
        assert len(g["members"]) == 2
        assert {"a", "b", "score", "inliers"} <= set(g["links"][0])
    assert "place links" in stderr


def test_build_on_dask_gives_the_same_groups(pictures: Path, tmp_path: Path) -> None:
    code, _, stderr = _build(pictures, tmp_path / "local", "--out", str(tmp_path / "a.json"),
                             "--workers", "0")  # fmt: skip
    assert code == 0, stderr
    code, _, stderr = _build(pictures, tmp_path / "dask", "--out", str(tmp_path / "b.json"),
                             "--workers", "1")  # fmt: skip
    assert code == 0, stderr

    def members(p: Path) -> list[list[str]]:
        return sorted(g["members"] for g in json.loads(p.read_text())["groups"])

    assert members(tmp_path / "a.json") == members(tmp_path / "b.json")


def test_query_ranks_the_stored_pictures_of_the_same_place(pictures: Path, tmp_path: Path) -> None:
    _build(pictures, tmp_path / "store", "--workers", "0")
    code, stdout, _ = run(
        "link", "query", str(pictures / "query" / "coffee-crop.png"),
        "--store", str(tmp_path / "store"), "--json", "--no-faces",
    )  # fmt: skip
    assert code == 0
    result = json.loads(stdout)
    linked = [Path(m["path"]).name for m in result["items"]]
    assert set(linked) == {"coffee.png", "coffee-view.jpg"}
    assert result["items"][0]["inliers"] >= result["items"][1]["inliers"]
    assert len(result["groups"]) == 1


def test_export_writes_graphml_with_a_node_per_item_and_an_edge_per_link(
    pictures: Path, tmp_path: Path
) -> None:
    _build(pictures, tmp_path / "store", "--workers", "0")
    graph = tmp_path / "links.graphml"
    code, stdout, _ = run(
        "link", "export", "--store", str(tmp_path / "store"), "--graphml", str(graph), "--json"
    )
    assert code == 0 and len(stdout.strip().splitlines()) == 3
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(graph).getroot()
    assert len(root.findall(".//g:node", ns)) == 6
    assert len(root.findall(".//g:edge", ns)) == 3
    # Graph tools read it: networkx (a scikit-image dependency) as one.
    networkx = pytest.importorskip("networkx")
    graph_read = networkx.read_graphml(graph)
    assert graph_read.number_of_nodes() == 6 and graph_read.number_of_edges() == 3
    edge = next(iter(graph_read.edges(data=True)))[2]
    assert edge["link"] == "place" and edge["inliers"] >= 15
    # The other places hold none of a pair's content: nearly all of it is its own.
    assert 0.9 <= edge["own_share"] <= 1.0


def test_a_damaged_input_exits_1_and_is_listed(pictures: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    code, stdout, _ = run(
        "link", "build", str(bad), str(pictures / "coffee.png"), "--store", str(tmp_path / "s"),
        "--json", "--workers", "0", "--no-faces",
    )  # fmt: skip
    assert code == 1
    summary = json.loads(stdout)
    assert summary["failed"] == 1 and summary["errors"][0]["path"] == str(bad)


def test_query_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run(
        "link", "query", str(tmp_path / "x.png"), "--store", str(tmp_path / "none")
    )
    assert code == 2 and "link store" in stderr


def test_help_describes_every_command() -> None:
    for cmd in ("build", "query", "export", "upgrade"):
        code, stdout, _ = run("link", cmd, "--help")
        assert code == 0 and "--store" in stdout


def _query_finds_coffee(pictures: Path, store: Path) -> bool:
    """``link query`` of a crop of the coffee scene finds the coffee pictures only."""
    code, stdout, _ = run(
        "link", "query", str(pictures / "query" / "coffee-crop.png"),
        "--store", str(store), "--json", "--no-faces",
    )  # fmt: skip
    found = {Path(m["path"]).name for m in json.loads(stdout)["items"]}
    return code == 0 and found == {"coffee.png", "coffee-view.jpg"}


def test_upgrade_copies_an_old_store_and_refuses_a_new_one(pictures: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, _, stderr = _build(pictures, store, "--workers", "0")
    assert code == 0, stderr
    code, _, stderr = run("link", "upgrade", str(tmp_path / "copy"), "--store", str(store))
    assert code == 2 and "already" in stderr and not (tmp_path / "copy").exists()
    meta = json.loads((store / "store.json").read_text())
    del meta["global"]  # as stores made before bursts were left out
    (store / "store.json").write_text(json.dumps(meta))
    code, stdout, stderr = run(
        "link", "upgrade", str(tmp_path / "copy"), "--store", str(store), "--json"
    )
    assert code == 0, stderr
    assert json.loads(stdout) == {"store": str(tmp_path / "copy"), "from": str(store),
                                  "items": 6, "views": 6, "codebook_relearned": False}  # fmt: skip
    assert _query_finds_coffee(pictures, tmp_path / "copy")
    code, _, stderr = run("link", "upgrade", str(tmp_path / "copy"), "--store", str(store))
    assert code == 2 and "exists" in stderr


def test_a_store_begun_with_one_picture_is_told_to_learn_its_codebook_again(
    pictures: Path, tmp_path: Path
) -> None:
    """The codebook is learned from the first build's items; a store begun with one
    picture says so once it holds four times as many, and ``upgrade --relearn-codebook``
    learns it again from the whole store into a copy that still links."""
    store = tmp_path / "store"
    first = ("link", "build", str(pictures / "astronaut.png"), "--store", str(store))
    code, stdout, stderr = run(*first, "--no-faces", "--workers", "0", "--json")
    assert code == 0, stderr
    assert json.loads(stdout)["codebook_learned_from"] == 1
    assert "learns it again" not in stderr
    code, stdout, stderr = _build(pictures, store, "--workers", "0", "--json")
    assert code == 0, stderr
    assert json.loads(stdout)["codebook_learned_from"] == 1
    assert "learned from the first 1 items" in " ".join(stderr.split())
    code, stdout, stderr = run(
        "link", "upgrade", str(tmp_path / "copy"), "--store", str(store), "--relearn-codebook",
        "--json",
    )  # fmt: skip
    assert code == 0, stderr
    assert json.loads(stdout)["codebook_relearned"] is True
    meta = json.loads((tmp_path / "copy" / "store.json").read_text())
    assert meta["codebook_items"] == 6
    before = np.load(store / "codebook.npy")
    assert not np.array_equal(np.load(tmp_path / "copy" / "codebook.npy"), before)
    assert list((tmp_path / "copy" / "framebins").glob("*.npz"))
    assert _query_finds_coffee(pictures, tmp_path / "copy")
    # The old store is as it was.
    assert np.array_equal(np.load(store / "codebook.npy"), before)


def test_votes_can_be_turned_off_and_a_negative_count_is_a_usage_error(
    pictures: Path, tmp_path: Path
) -> None:
    code, stdout, stderr = _build(pictures, tmp_path / "on", "--json", "--workers", "0")
    assert code == 0, stderr
    assert "vote_pairs" in json.loads(stdout)
    code, stdout, stderr = _build(
        pictures, tmp_path / "off", "--json", "--workers", "0", "--votes", "0", "--shortlist", "1"
    )
    assert code == 0, stderr
    assert json.loads(stdout)["vote_pairs"] == 0
    code, _, stderr = _build(pictures, tmp_path / "bad", "--votes", "-1")
    assert code == 2 and "--votes" in stderr

"""The benchmark corpus generator (``bench.corpus``): deterministic bytes, declared sizes and
formats, and rebuilds that reuse what is already right. Runs on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.corpus import MANIFEST, build_corpus
from PIL import Image

# A tiny corpus: two files per size class, at 5 % of the real sizes.
SCALE = 0.05
COUNTS = {"640x480": 2, "1920x1080": 2, "4000x3000": 2, "png": 2}
EXPECTED_SIZES = {
    "640x480": {(32, 24)},
    "1920x1080": {(96, 54)},
    "4000x3000": {(200, 150)},
    "png": {(40, 30), (80, 60)},
}


def _build(out: Path) -> list[Path]:
    return build_corpus(out, scale=SCALE, counts=COUNTS)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _build(tmp_path_factory.mktemp("corpus"))


def test_two_builds_give_identical_bytes(corpus: list[Path], tmp_path: Path) -> None:
    again = _build(tmp_path)
    assert [p.name for p in again] == [p.name for p in corpus]
    for first, second in zip(corpus, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_files_have_the_declared_count_size_and_format(corpus: list[Path]) -> None:
    manifest = json.loads((corpus[0].parent / MANIFEST).read_text())["files"]
    assert len(corpus) == sum(COUNTS.values())
    assert set(manifest) == {p.name for p in corpus}
    for path in corpus:
        entry = manifest[path.name]
        with Image.open(path) as im:
            assert im.format == entry["format"]
            assert im.size == (entry["width"], entry["height"])
            assert im.mode == entry["mode"]
        assert im.size in EXPECTED_SIZES[entry["size_class"]]
        assert entry["format"] == ("PNG" if entry["size_class"] == "png" else "JPEG")
        assert path.suffix == (".png" if entry["format"] == "PNG" else ".jpg")


def test_files_are_distinct(corpus: list[Path]) -> None:
    manifest = json.loads((corpus[0].parent / MANIFEST).read_text())["files"]
    assert len({e["sha256"] for e in manifest.values()}) == len(corpus)


def test_rebuild_keeps_good_files_and_replaces_damaged_ones(tmp_path: Path) -> None:
    paths = _build(tmp_path)
    good, damaged = paths[0], paths[1]
    original = damaged.read_bytes()
    damaged.write_bytes(b"not a picture")
    made: dict[str, bool] = {}
    build_corpus(
        tmp_path, scale=SCALE, counts=COUNTS, on_file=lambda p, g: made.__setitem__(p.name, g)
    )
    assert made[good.name] is False
    assert made[damaged.name] is True
    assert damaged.read_bytes() == original


def test_a_changed_generator_rebuilds_everything(tmp_path: Path) -> None:
    _build(tmp_path)
    manifest_path = tmp_path / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["generator"]["source_sha256"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest))
    made: list[bool] = []
    build_corpus(tmp_path, scale=SCALE, counts=COUNTS, on_file=lambda p, g: made.append(g))
    assert made and all(made)

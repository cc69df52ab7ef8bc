"""Walking folders: order, links, loops and paths that cannot be walked."""

from __future__ import annotations

import os
from pathlib import Path

from safeguard.signals.files import WalkError, iter_files


def names(items: list[Path | WalkError], root: Path) -> list[str]:
    return [
        str(i.relative_to(root)) if isinstance(i, Path) else f"!{i.code}:{Path(i.path).name}"
        for i in items
    ]


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "a/z/1.txt", "a/0.txt", "c.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    assert names(list(iter_files([tmp_path])), tmp_path) == [
        "c.txt",
        "a/0.txt",
        "a/z/1.txt",
        "b/2.txt",
    ]


def test_a_symlink_loop_is_reported_and_the_walk_finishes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.txt").write_text("x")
    (tmp_path / "a" / "back").symlink_to(tmp_path)
    items = list(iter_files([tmp_path]))
    files = [i for i in items if isinstance(i, Path)]
    errors = [i for i in items if isinstance(i, WalkError)]
    assert [f.name for f in files] == ["f.txt"]
    assert [e.code for e in errors] == ["symlink_loop"]


def test_a_self_referencing_link_is_a_loop_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to(tmp_path / "self")
    items = list(iter_files([tmp_path]))
    assert [(i.code, Path(i.path).name) for i in items if isinstance(i, WalkError)] == [
        ("symlink_loop", "self")
    ]


def test_broken_links_and_missing_paths_are_errors(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    items = list(iter_files([tmp_path, tmp_path / "missing.jpg"]))
    assert names(items, tmp_path) == ["!broken_symlink:dangling", "!not_found:missing.jpg"]


def test_a_linked_file_and_a_linked_folder_are_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text("x")
    root = tmp_path / "root"
    root.mkdir()
    (root / "dir-link").symlink_to(outside)
    (root / "file-link").symlink_to(outside / "x.txt")
    assert names(list(iter_files([root])), root) == ["file-link", "dir-link/x.txt"]


def test_special_files_are_skipped_with_an_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert names(list(iter_files([tmp_path])), tmp_path) == ["!not_a_file:pipe"]

"""Walking the paths a user names: files as they are, folders recursively.

Symbolic links inside a walked folder that stay inside it are followed; every directory is
entered at most once, by its device and inode, so a link that points back up the tree is
reported as a loop instead of walking forever. A link that leads *out* of the folder (to
another volume, to ``/etc``) is followed when ``follow_outside`` is true (``safeguard hash``,
which hashes what it is pointed at) and otherwise recorded as a ``symlink_outside`` error
and not followed (``safeguard scan`` of an evidence tree, where a planted link must not make
the scan read the examiner's own machine). Anything that cannot be walked
(missing, broken link, no permission) becomes a ``WalkError`` in the stream rather than an
exception, so one bad path never stops the batch.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class WalkError:
    path: str
    code: str
    message: str


def iter_files(
    paths: Iterable[str | Path], *, follow_outside: bool = True
) -> Iterator[Path | WalkError]:
    """Yield every regular file under ``paths`` in a stable (sorted) order. The paths
    themselves are taken as given (links included); see the module docstring for links
    inside a folder."""
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        p = Path(given)
        try:
            st = p.stat()
        except FileNotFoundError:
            if p.is_symlink():
                yield WalkError(str(p), "broken_symlink", "broken symbolic link")
            else:
                yield WalkError(str(p), "not_found", "no such file or directory")
            continue
        except OSError as e:
            yield _os_error(p, e)
            continue
        if stat.S_ISDIR(st.st_mode):
            inside = None if follow_outside else Path(os.path.realpath(p))
            yield from _walk_dir(p, st, seen_dirs, inside)
        elif stat.S_ISREG(st.st_mode):
            yield p
        else:
            yield WalkError(str(p), "not_a_file", "not a regular file (device, socket or pipe)")


def _walk_dir(
    root: Path, root_stat: os.stat_result, seen: set[tuple[int, int]], inside: Path | None
) -> Iterator[Path | WalkError]:
    stack: list[tuple[Path, os.stat_result]] = [(root, root_stat)]
    while stack:
        directory, st = stack.pop()
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield WalkError(
                str(directory), "symlink_loop", "symbolic link loop: directory already walked"
            )
            continue
        seen.add(key)
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield _os_error(directory, e)
            continue
        subdirs: list[tuple[Path, os.stat_result]] = []
        for entry in entries:
            path = Path(entry.path)
            if inside is not None and entry.is_symlink():
                target = Path(os.path.realpath(path))
                if not target.is_relative_to(inside):
                    yield WalkError(
                        str(path),
                        "symlink_outside",
                        f"symbolic link to {target}, outside {root}: recorded, not followed",
                    )
                    continue
            try:
                est = entry.stat(follow_symlinks=True)
            except FileNotFoundError:
                yield WalkError(str(path), "broken_symlink", "broken symbolic link")
                continue
            except OSError as e:
                # ELOOP: a link chain that points at itself.
                yield _os_error(path, e)
                continue
            if stat.S_ISDIR(est.st_mode):
                subdirs.append((path, est))
            elif stat.S_ISREG(est.st_mode):
                yield path
            else:
                yield WalkError(str(path), "not_a_file", "not a regular file")
        # Reversed so the stack pops them in sorted order.
        stack.extend(reversed(subdirs))


def _os_error(path: Path, e: OSError) -> WalkError:
    if e.errno == 40:  # ELOOP
        return WalkError(str(path), "symlink_loop", "symbolic link loop")
    return WalkError(str(path), "unreadable", f"cannot read: {e.strerror or e}")

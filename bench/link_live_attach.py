"""Live linking with and without attaching, per checked frame (issue 14; development data).

A stream's linker verifies each checked frame against its ``candidates`` nearest stored
items; with attaching on (``LiveLinker(attach=...)``, ``link.guided``), a frame that links
to nothing plainly gets a guided pass for its near misses, and is a sighting of the place
group two or more of them agree on. That pass is paid on every frame of a stream that
shows no stored place, the usual case. Measured here, on a built store:

- **unrelated frames**: pictures of another collection, none of whose places is stored (a
  stream of places the store does not hold): CPU time a frame, and sightings, every one of
  them wrong;
- **known frames**: the store's own pictures, each checked against the store without
  itself (``LiveIndex`` over the other items: the picture as a new frame of a stored
  place): CPU time a frame, frames sighted at all, sightings of the right place and of
  another.

Each frame is checked with attaching off and on, one after the other (same load), with a
fresh linker (no cooldown between frames).

    PYTHONPATH=src:. python -m bench.link_live_attach \\
        --store bench/.cache/link/link-v10-rerun --unrelated bench/.cache/link/link-v11-heldout

Prints JSON; ``--name`` writes ``bench/results/<name>.json``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import cv2
import numpy as np
import numpy.typing as npt
from rich.progress import Progress

from bench.link_recall_stages import open_run
from bench.machine import cpu_model, emit
from safeguard.link.linking import DEFAULT_ATTACH, AttachOptions
from safeguard.link.live import LiveIndex, LiveLinker, PlaceSighting
from safeguard.link.store import GlobalRows, LinkStore

OFF = replace(DEFAULT_ATTACH, candidates=0)


def _rgb(path: Path) -> npt.NDArray[np.uint8]:
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if bgr is None:
        raise ValueError(f"cannot read {path}")
    return np.ascontiguousarray(bgr[:, :, ::-1])


class _StoreWithout:
    """A built store as the live linker reads it, but for one item: its rows (the
    shortlist and the refusal tests' candidates) and its record left out."""

    def __init__(self, store: LinkStore, item: str) -> None:
        self._store = store
        rows = store.global_rows()
        keep = rows.item != item
        self._rows = GlobalRows(rows.item[keep], rows.view[keep], rows.vlad[keep])
        self.items = {k: v for k, v in store.items.items() if k != item}

    def global_rows(self) -> GlobalRows:
        return self._rows

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _without(index: LiveIndex, item: str) -> LiveIndex:
    """The index as if ``item`` were not stored (its vectors, rows and group left out;
    the groups are not recomputed without it)."""
    keep = index.items != item
    return replace(
        index,
        store=cast(LinkStore, _StoreWithout(index.store, item)),
        vectors=index.vectors[keep],
        items=index.items[keep],
        views=index.views[keep],
        group_of={k: v for k, v in index.group_of.items() if k != item},
    )


def _check(
    index: LiveIndex, rgb: npt.NDArray[np.uint8], attach: AttachOptions
) -> tuple[float, list[PlaceSighting]]:
    linker = LiveLinker(index, every_s=0.0, faces=False, attach=attach)
    t = time.process_time()
    seen = [s for s in linker.on_frame(rgb, 0.0) if isinstance(s, PlaceSighting)]
    return time.process_time() - t, seen


def _ms(times: dict[str, list[float]]) -> dict[str, float]:
    return {k: round(1000 * float(np.mean(v)), 1) for k, v in times.items()}


def run(store_dir: Path, unrelated_dir: Path, frames: int, seed: int) -> dict[str, Any]:
    store, place = open_run(store_dir)
    index = LiveIndex.load(store)
    rng = random.Random(seed)
    unrelated = rng.sample(sorted((unrelated_dir / "collection").iterdir()), frames)
    known = rng.sample(sorted(store.items), frames)
    out: dict[str, Any] = {}
    with Progress(transient=True) as bar:
        task = bar.add_task("unrelated", total=frames)
        times: dict[str, list[float]] = {"off": [], "on": []}
        sightings = {"off": 0, "on": 0}
        frames_sighted = {"off": 0, "on": 0}
        for path in unrelated:
            rgb = _rgb(path)
            for name, attach in (("off", OFF), ("on", DEFAULT_ATTACH)):
                spent, seen = _check(index, rgb, attach)
                times[name].append(spent)
                sightings[name] += len(seen)
                frames_sighted[name] += bool(seen)
            bar.advance(task)
        out["unrelated"] = {
            "frames": frames,
            "ms_per_frame": _ms(times),
            "wrong_sightings": sightings,
            "frames_with_a_wrong_sighting": frames_sighted,
        }
        task = bar.add_task("known", total=frames)
        times = {"off": [], "on": []}
        right = {"off": 0, "on": 0}
        wrong = {"off": 0, "on": 0}
        sighted = {"off": 0, "on": 0}
        for item in known:
            rgb = _rgb(Path(store.items[item].path))
            others = _without(index, item)
            for name, attach in (("off", OFF), ("on", DEFAULT_ATTACH)):
                spent, seen = _check(others, rgb, attach)
                times[name].append(spent)
                good = [s for s in seen if place[s.item] == place[item]]
                right[name] += len(good)
                wrong[name] += len(seen) - len(good)
                sighted[name] += bool(good)
            bar.advance(task)
        out["known"] = {
            "frames": frames,
            "ms_per_frame": _ms(times),
            "frames_sighting_their_place": sighted,
            "right_sightings": right,
            "wrong_sightings": wrong,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a bench/link run's cache")
    parser.add_argument("--unrelated", type=Path, required=True,
                        help="another bench/link run's cache (its collection)")  # fmt: skip
    parser.add_argument("--frames", type=int, default=100)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--name", default=None, help="write bench/results/<name>.json")
    args = parser.parse_args()
    load = [round(x, 2) for x in os.getloadavg()]
    t = time.perf_counter()
    result: dict[str, Any] = {
        "machine": cpu_model(),
        "load_average_at_start": load,
        "store": str(args.store),
        "unrelated_collection": str(args.unrelated),
    }
    result |= run(args.store, args.unrelated, args.frames, args.seed)
    result["seconds"] = round(time.perf_counter() - t, 1)
    emit(result, args.name)


if __name__ == "__main__":
    main()

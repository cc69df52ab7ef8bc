"""Seconds a ``link query`` takes against a stored build, the way the service now answers
(the store and its vote index kept open, one pass over the stored vectors for all the
refusal tests of a query) against the way it answered before (anchor: the store opened
and ``votes.npz`` read at every request, a pass for each link found).

    python -m bench.link_query_speed --store link-v25-heldout --queries 20 --out F

The queries are every n-th picture of the build's collection (a stored picture asked
again: the query leaves its own item out). Both ways must give the same answers; the
JSON says whether they did.

``--frames N`` also times live linking (``link.live``): the same pictures shown to a
``LiveLinker`` as frames of a stream (one checked a frame, no cooldown), with the stored
vectors' word energy kept (``LiveIndex.energy``, now) and without it (the anchor: each
refusal test's search computes it again). Prints JSON; ``--out`` also writes it
(``bench/results/link-query-speed.json``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from safeguard.link import linking  # noqa: E402
from safeguard.link.extract import ExtractOptions  # noqa: E402
from safeguard.link.live import LiveIndex, LiveLinker  # noqa: E402
from safeguard.link.store import LinkStore, open_kept  # noqa: E402
from safeguard.signals.decode import decode_image  # noqa: E402

CACHE = ROOT / "bench" / ".cache" / "link"


@contextmanager
def previous_way() -> Iterator[None]:
    """The refusal tests' searches one link at a time, and no kept vote index."""
    one_pass = linking.sighting_similarities
    linking.sighting_similarities = lambda store, rows, links, *a, **k: [None] * len(links)
    try:
        yield
    finally:
        linking.sighting_similarities = one_pass


def _answer(r: linking.QueryResult) -> dict[str, Any]:
    return {"matches": r.matches, "refused": r.refused, "groups": r.groups}


def _run(
    pictures: list[Path], open_store: Callable[[], LinkStore], before: Callable[[], None]
) -> tuple[list[float], list[dict[str, Any]]]:
    seconds, answers = [], []
    for p in pictures:
        t = time.perf_counter()
        before()
        r = linking.query(open_store(), p, extract_options=ExtractOptions(faces=False))
        seconds.append(time.perf_counter() - t)
        answers.append(_answer(r))
    return seconds, answers


def live(store_dir: Path, pictures: list[Path]) -> dict[str, Any]:
    """Seconds a frame for live linking with and without the kept word energy."""
    index = LiveIndex.load(LinkStore.open(store_dir))
    frames = [decode_image(p.read_bytes()).pixels for p in pictures]
    out: dict[str, Any] = {"frames": len(frames)}
    seen: dict[str, list[list[tuple[str, int]]]] = {}
    for way, used in (("without_energy", replace(index, energy=None)), ("kept_energy", index)):
        linker = LiveLinker(used, every_s=0.0, cooldown_s=0.0, faces=False)
        t = time.perf_counter()
        found = [linker.on_frame(f, float(n)) for n, f in enumerate(frames)]
        out[way] = {"total_s": round(time.perf_counter() - t, 2)}
        seen[way] = [[(s.item, s.inliers) for s in fs] for fs in found]
    out["sightings"] = sum(len(x) for x in seen["kept_energy"])
    out["same_sightings"] = seen["kept_energy"] == seen["without_energy"]
    out["speedup"] = round(
        out["without_energy"]["total_s"] / max(1e-9, out["kept_energy"]["total_s"]), 2
    )
    return out


def measure(name: str, queries: int, frames: int = 0) -> dict[str, Any]:
    build = CACHE / name
    store_dir = next(p for p in sorted(build.glob("store*")) if (p / "store.json").exists())
    pictures = sorted((build / "collection").iterdir())
    step = max(1, len(pictures) // queries)
    asked = pictures[::step][:queries]
    with previous_way():
        old_s, old_a = _run(asked, lambda: LinkStore.open(store_dir), linking._QUERY_INDEX.clear)
    linking._QUERY_INDEX.clear()
    new_s, new_a = _run(asked, lambda: open_kept(store_dir), lambda: None)
    items = len(LinkStore.open(store_dir).items)

    def summary(s: list[float]) -> dict[str, float]:
        rest = sorted(s[1:])
        return {
            "total_s": round(sum(s), 2),
            "first_s": round(s[0], 2),
            "median_after_first_s": round(rest[len(rest) // 2], 2),
        }

    return {
        "live": live(store_dir, pictures[::step][:frames]) if frames > 0 else None,
        "store": name,
        "pictures_stored": items,
        "queries": len(asked),
        "previous": summary(old_s),
        "kept": summary(new_s),
        "speedup_total": round(sum(old_s) / sum(new_s), 2),
        "same_answers": old_a == new_a,
        "matches": sum(len(a["matches"]) for a in new_a),
        "refused": sum(len(a["refused"]) for a in new_a),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help=f"a stored build under {CACHE}")
    parser.add_argument("--queries", type=int, default=20, help="pictures asked (default 20)")
    parser.add_argument("--frames", type=int, default=0,
                        help="also time live linking on this many pictures")  # fmt: skip
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    text = json.dumps(measure(args.store, args.queries, args.frames), indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

"""Inverted lists for the local-feature shortlist (``matching.local_shortlist.CoarseLists``)
against its brute-force scan, at ``--entries`` codes: the top ``LOCAL_MAX`` of each query
by both, how much of the scan's top 5 the lists keep (recall@5 against brute force), how
often the query's own original is in each top 5, and CPU ms a search (the machine is
shared: process time), fit and assignment CPU time, and memory (the index's bytes, the
process's peak RSS).

The entries: the codes of ``bench/robust``'s 330 originals and of ``--rooms`` generated
benign rooms (``bench.link.room_v3``), then **synthetic** codes up to ``--entries``, each
the code of 300 ORB descriptors drawn from two random pictures of that pool (real pictures
at that count would take hours to generate and describe on this machine). A real bank's
codes cluster differently; the figures are for this mix. The synthetic codes are made in
batches (``mixture_codes``) by the same arithmetic as ``code_of`` on each mixture, in the
same float32 order, so they are the same codes (``tests/bench/test_robust_local_ivf.py``,
and a spot check of each run against ``_mixture``), and cached under ``bench/.cache/``.

The queries: the asymmetric crop, the one-side crop and the perspective copy of every
original (the copies the shortlist is for); ``--queries-every k`` keeps every k-th of
those 990 (brute force at 10^6 codes is about a second a search).

The lists: each of ``--lists`` fitted on all the codes (``CoarseLists.fit``, as a matcher
that loads a bank already this large builds them: ``LocalShortlist.build_default_lists``,
about sqrt(n) lists), and with ``--grown-from N`` also the lists a matcher has when its
bank grew past ``LISTS_FROM``: sqrt(N) lists fitted on the first N codes, every later
code assigned to its nearest existing centre (``CoarseLists.assign``). Nothing here is
tuned on: the list counts and probes are swept and all reported.

    python -m bench.robust_local_ivf --entries 100000
    python -m bench.robust_local_ivf --entries 1000000 --lists 1000 --probes 8 16 32 \\
        --queries-every 3 --grown-from 50000 --anchor-entries 100000 \\
        --out bench/results/robust-local-ivf-1e6.json
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import json
import math
import resource
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.link import room_v3
from bench.robust import originals
from bench.robust_local_scale import QUERIES
from bench.robust_transforms import TRANSFORMS
from safeguard.matching.local_shortlist import (
    WORDS,
    CoarseLists,
    LocalShortlist,
    _split,
    code_of,
    words,
)
from safeguard.matching.matcher import LOCAL_MAX
from safeguard.signals.local import OrbFeatures, orb_features

cv2.setNumThreads(1)
REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "bench" / ".cache"
#: Descriptors a synthetic code draws from its two pictures.
MIXED = 300
#: Synthetic codes made at once (bounds the batch's float32 sums to ~40 MB).
_BATCH = 1024
F32 = npt.NDArray[np.float32]


def _mixture(pool: list[OrbFeatures], rng: np.random.Generator) -> bytes:
    a, b = rng.choice(len(pool), 2, replace=False)
    desc = np.concatenate([pool[a].descriptors, pool[b].descriptors])
    if len(desc) == 0:
        return code_of(pool[a])
    pick = rng.choice(len(desc), min(MIXED, len(desc)), replace=False)
    return code_of(OrbFeatures(np.zeros((len(pick), 2), np.float32), desc[pick]))


def _residuals(pool: list[OrbFeatures]) -> tuple[npt.NDArray[np.intp], F32, npt.NDArray[np.intp]]:
    """Every descriptor of the pool, picture after picture: its nearest word and its
    residual, computed as ``signals.vlad.vlad`` computes them (a descriptor's word depends
    on it alone); and where each picture's rows start."""
    codebook = words()
    nearest: list[npt.NDArray[np.intp]] = []
    residual: list[F32] = []
    for f in pool:
        x = np.unpackbits(f.descriptors, axis=1).astype(np.float32)
        d2 = (x**2).sum(1)[:, None] - 2.0 * x @ codebook.T + (codebook**2).sum(1)[None, :]
        w = d2.argmin(axis=1) if len(x) else np.zeros(0, np.intp)
        nearest.append(w)
        residual.append(x - codebook[w])
    starts = np.cumsum([0] + [len(w) for w in nearest])
    return np.concatenate(nearest), np.concatenate(residual), starts


def mixture_codes(
    pool: list[OrbFeatures], rng: np.random.Generator, count: int
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.uint64]]:
    """``count`` codes, the same as ``count`` calls of ``_mixture(pool, rng)`` (same
    random draws, same float32 sums in the same order), as the shortlist's arrays
    (word mask (count, WORDS), sign bits (count, WORDS, 4))."""
    nearest, residual, starts = _residuals(pool)
    # Row 0 of the padded arrays: a residual of zeros in word 0 (adding 0.0 changes nothing).
    nearest = np.concatenate([[0], nearest])
    residual = np.concatenate([np.zeros((1, 256), np.float32), residual])
    used = np.zeros((count, WORDS), bool)
    signs = np.zeros((count, WORDS, 4), np.uint64)
    for start in range(0, count, _BATCH):
        size = min(_BATCH, count - start)
        picked = np.zeros((size, MIXED), np.intp)
        for k in range(size):
            a, b = rng.choice(len(pool), 2, replace=False)
            na, nb = starts[a + 1] - starts[a], starts[b + 1] - starts[b]
            if na + nb == 0:
                continue  # code_of(pool[a]) of a picture without descriptors: all zero
            pick = rng.choice(na + nb, min(MIXED, na + nb), replace=False)
            # Row of each picked descriptor of desc = concatenate([pool[a], pool[b]]).
            picked[k, : len(pick)] = 1 + np.where(
                pick < na, starts[a] + pick, starts[b] + pick - na
            )
        w = nearest[picked]
        # np.add.at in vlad adds the picked descriptors one after another in float32.
        out = np.zeros((size, WORDS, 256), np.float32)
        rows = np.arange(size)
        for j in range(MIXED):
            out[rows, w[:, j]] += residual[picked[:, j]]
        # vlad's normalisations keep every component's sign: a word is used when any of its
        # residual sums is non-zero, and a sign bit is set where the sum is positive.
        used[start : start + size] = (out != 0).any(axis=2)
        signs[start : start + size] = np.packbits(out > 0, axis=2).view(np.uint64)
    return used, signs


def _pool(rooms: int) -> tuple[list[tuple[str, Any, Any]], list[OrbFeatures]]:
    origs = originals(330)
    pool = [orb_features(p) for _, p, _ in origs]
    pool += [orb_features(room_v3(seed, 640, 480)) for seed in range(rooms)]
    return origs, pool


def codes(
    pool: list[OrbFeatures], entries: int, rooms: int
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.uint64], dict[str, Any]]:
    """Every entry's code (the pool's, then synthetic ones), from the cache if made before;
    with how they were made."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"robust-local-ivf-{entries}-{rooms}.npz"
    made: dict[str, Any] = {"cache": str(path.relative_to(REPO))}
    if path.exists():
        with np.load(path, allow_pickle=False) as z:
            made["from_cache"] = True
            return z["used"], z["signs"], made
    split = [_split(code_of(f)) for f in pool]
    real_used = np.array([u for u, _ in split]).reshape(-1, WORDS)
    real_signs = np.array([s for _, s in split]).reshape(-1, WORDS, 4)
    t0 = time.process_time()
    syn_used, syn_signs = mixture_codes(pool, np.random.default_rng(13), entries - len(pool))
    made["synthetic_s_cpu"] = round(time.process_time() - t0, 1)
    # Spot check: the first synthetic codes made one by one, as before.
    rng = np.random.default_rng(13)
    check = min(500, len(syn_used))
    one_by_one = [_split(_mixture(pool, rng)) for _ in range(check)]
    made["spot_check_codes"] = check
    made["spot_check_equal"] = bool(
        all(
            (u == syn_used[i]).all() and (s == syn_signs[i]).all()
            for i, (u, s) in enumerate(one_by_one)
        )
    )
    if not made["spot_check_equal"]:
        raise RuntimeError("batched synthetic codes differ from _mixture's")
    used = np.concatenate([real_used, syn_used])
    signs = np.concatenate([real_signs, syn_signs])
    with path.open("wb") as f:
        np.savez(f, used=used, signs=signs)
    made["from_cache"] = False
    return used, signs, made


def _lists_bytes(lists: CoarseLists) -> int:
    """The inverted lists' own arrays (centres, assignment, the rows grouped by list)."""
    order = lists._order.nbytes if lists._order is not None else 0
    return int(
        lists.centre_used.nbytes
        + lists.centre_signs.nbytes
        + lists.assigned.nbytes
        + order
        + lists._bounds.nbytes
    )


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _sweep(
    shortlist: LocalShortlist,
    label: str,
    fit_s: float,
    probes: list[int],
    queries: list[tuple[int, bytes]],
    brute: list[list[int]],
    brute_ms: float,
) -> list[dict[str, Any]]:
    assert shortlist.lists is not None
    nlist = len(shortlist.lists)
    sizes = np.bincount(shortlist.lists.assigned, minlength=nlist)
    rows: list[dict[str, Any]] = []
    for probe in probes:
        shortlist.probe = probe
        shortlist.search(queries[0][1], LOCAL_MAX)  # groups the rows by list, once
        t0 = time.process_time()
        tops = [[j for j, _ in shortlist.search(c, LOCAL_MAX)] for _, c in queries]
        ms = (time.process_time() - t0) * 1e3 / len(queries)
        kept = sum(len(set(a) & set(b)) for a, b in zip(tops, brute, strict=True))
        own = sum(i in top for (i, _), top in zip(queries, tops, strict=True))
        rows.append(
            {
                "lists_made": label,
                "lists": nlist,
                "probe": probe,
                "fit_and_assign_s_cpu": round(fit_s, 1),
                "largest_list": int(sizes.max()),
                "median_list": int(np.median(sizes)),
                "empty_lists": int((sizes == 0).sum()),
                "codes_scanned_mean": round(_scanned(shortlist, queries)),
                "recall_at_5_vs_brute_force": round(kept / (LOCAL_MAX * len(queries)), 4),
                "own_original_in_top5": round(own / len(queries), 4),
                "ms_per_search_cpu": round(ms, 2),
                "speed_up_vs_brute_force": round(brute_ms / ms, 1),
                "lists_bytes": _lists_bytes(shortlist.lists),
                "peak_rss_mb": _peak_rss_mb(),
                "load_average": os.getloadavg(),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def _scanned(shortlist: LocalShortlist, queries: list[tuple[int, bytes]]) -> float:
    """Mean codes a search scans (the rows of its probed lists)."""
    assert shortlist.lists is not None
    counts = []
    for _, c in queries:
        used, signs = _split(c)
        counts.append(len(shortlist.lists.rows_to_scan(used, signs, shortlist.probe)))
    return float(np.mean(counts))


def run(
    entries: int,
    rooms: int,
    lists: list[int],
    probes: list[int],
    *,
    queries_every: int = 1,
    grown_from: int | None = None,
    anchor_entries: int | None = None,
) -> dict[str, Any]:
    start = time.perf_counter()
    origs, pool = _pool(rooms)
    used, signs, made = codes(pool, entries, rooms)
    rss_codes = _peak_rss_mb()
    every = [(i, t, p) for t in QUERIES for i, (_, p, _) in enumerate(origs)][::queries_every]
    queries = [(i, code_of(orb_features(TRANSFORMS[t](p)))) for i, t, p in every]
    result: dict[str, Any] = {
        "benchmark": "robust-local-ivf",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_start": os.getloadavg(),
        "entries": len(used),
        "real_codes": len(pool),
        "synthetic_codes": len(used) - len(pool),
        "codes": made,
        "queries": len(queries),
        "queries_every": queries_every,
        "queries_of": len(QUERIES) * len(origs),
        "transforms": list(QUERIES),
        "peak_rss_mb_after_codes": rss_codes,
    }
    sizes = [entries] if anchor_entries is None else [anchor_entries, entries]
    for n in sizes:
        shortlist = LocalShortlist(np.arange(n, dtype=np.int64), used[:n], signs[:n])
        t0 = time.process_time()
        brute = [[j for j, _ in shortlist.search(c, LOCAL_MAX)] for _, c in queries]
        brute_ms = (time.process_time() - t0) * 1e3 / len(queries)
        own_brute = sum(i in top for (i, _), top in zip(queries, brute, strict=True))
        part: dict[str, Any] = {
            "entries": n,
            "index_bytes_codes": shortlist.nbytes(),
            "brute_force": {
                "ms_per_search_cpu": round(brute_ms, 2),
                "own_original_in_top5": round(own_brute / len(queries), 4),
                "load_average": os.getloadavg(),
            },
            "inverted_lists": [],
        }
        print(json.dumps(part), flush=True)
        counts = lists if n == entries else [max(16, round(math.sqrt(n)))]
        for nlist in counts:
            t0 = time.process_time()
            shortlist.lists = CoarseLists.fit(shortlist.used, shortlist.signs, nlist)
            fit_s = time.process_time() - t0
            part["inverted_lists"] += _sweep(
                shortlist, "fit on all codes", fit_s, probes, queries, brute, brute_ms
            )
            shortlist.lists = None
        if grown_from is not None and n == entries:
            nlist = max(16, round(math.sqrt(grown_from)))
            t0 = time.process_time()
            grown = CoarseLists.fit(used[:grown_from], signs[:grown_from], nlist)
            grown.assign(used[grown_from:n], signs[grown_from:n])
            fit_s = time.process_time() - t0
            shortlist.lists = grown
            part["inverted_lists"] += _sweep(
                shortlist,
                f"fit on the first {grown_from} codes, the rest assigned",
                fit_s,
                probes,
                queries,
                brute,
                brute_ms,
            )
            shortlist.lists = None
        result[f"at_{n}"] = part
    result["peak_rss_mb"] = _peak_rss_mb()
    result["load_average_end"] = os.getloadavg()
    result["seconds"] = round(time.perf_counter() - start, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rooms", type=int, default=300)
    parser.add_argument("--lists", type=int, nargs="+", default=[256])
    parser.add_argument("--probes", type=int, nargs="+", default=[4, 8, 16, 32])
    parser.add_argument(
        "--queries-every", type=int, default=1, help="keep every k-th of the 990 queries"
    )
    parser.add_argument(
        "--grown-from",
        type=int,
        default=None,
        help="also: sqrt(N) lists fitted on the first N codes, the rest assigned",
    )
    parser.add_argument(
        "--anchor-entries",
        type=int,
        default=None,
        help="also measure the first N codes (sqrt(N) lists) with the same queries",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "robust-local-ivf.json"
    )
    args = parser.parse_args()
    result = run(
        args.entries,
        args.rooms,
        args.lists,
        args.probes,
        queries_every=args.queries_every,
        grown_from=args.grown_from,
        anchor_entries=args.anchor_entries,
    )
    text = json.dumps(result, indent=2)
    print(text)
    if str(args.out):
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()

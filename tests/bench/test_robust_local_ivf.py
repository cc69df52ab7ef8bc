"""``bench/robust_local_ivf.py``: its batched synthetic codes are the codes the one-by-one
construction (``_mixture``: ``code_of`` over 300 descriptors of two pictures) gives, and a
tiny run reports what it says it reports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.robust_local_ivf import _mixture, mixture_codes
from skimage import data

from bench import robust_local_ivf as ivf
from safeguard.matching.local_shortlist import _split
from safeguard.signals.local import OrbFeatures, orb_features


def _pool() -> list[OrbFeatures]:
    pictures = [data.astronaut(), data.coffee(), data.chelsea(), data.rocket()]
    pool = [orb_features(p) for p in pictures]
    # A picture without features: its mixtures take the other one's descriptors only, or
    # (paired with itself... never: two distinct pictures) stay empty when both are empty.
    pool.append(OrbFeatures(np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8)))
    return pool


def test_batched_codes_equal_one_by_one_codes() -> None:
    pool = _pool()
    used, signs = mixture_codes(pool, np.random.default_rng(5), 300)
    rng = np.random.default_rng(5)
    for i in range(300):
        want_used, want_signs = _split(_mixture(pool, rng))
        assert (used[i] == want_used).all(), i
        assert (signs[i] == want_signs).all(), i


def test_batched_codes_differ_with_the_draws() -> None:
    pool = _pool()
    a = mixture_codes(pool, np.random.default_rng(1), 20)[1]
    b = mixture_codes(pool, np.random.default_rng(2), 20)[1]
    assert not (a == b).all()


def _tiny_pool(rooms: int) -> tuple[list[tuple[str, object, str]], list[OrbFeatures]]:
    """Four scikit-image pictures stand for the 330 originals (no download in tests)."""
    from bench.link import room_v3

    origs = [
        (name, getattr(data, name)(), "skimage")
        for name in ("astronaut", "coffee", "chelsea", "rocket")
    ]
    pool = [orb_features(p) for _, p, _ in origs]
    pool += [orb_features(room_v3(seed, 640, 480)) for seed in range(rooms)]
    return origs, pool


@pytest.mark.slow
def test_tiny_run_reports_lists_grown_lists_and_anchor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ivf, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(ivf, "REPO", tmp_path)
    monkeypatch.setattr(ivf, "_pool", _tiny_pool)
    result = ivf.run(1_000, 6, [16], [2, 16], queries_every=2, grown_from=500, anchor_entries=700)
    assert result["entries"] == 1_000
    assert result["real_codes"] == 10
    assert result["synthetic_codes"] == 990
    assert result["queries"] == 6  # every second of 3 transforms x 4 originals
    assert result["codes"]["spot_check_equal"] is True
    assert (tmp_path / "cache" / "robust-local-ivf-1000-6.npz").is_file()
    big = result["at_1000"]
    made = [row["lists_made"] for row in big["inverted_lists"]]
    assert made == ["fit on all codes"] * 2 + ["fit on the first 500 codes, the rest assigned"] * 2
    assert big["inverted_lists"][2]["lists"] == 22  # round(sqrt(500))
    assert result["at_700"]["inverted_lists"][0]["lists"] == 26  # round(sqrt(700))
    for row in big["inverted_lists"]:
        assert 0.0 <= row["recall_at_5_vs_brute_force"] <= 1.0
        assert 0.0 <= row["own_original_in_top5"] <= 1.0
        assert row["codes_scanned_mean"] <= 1_000
    # Probing every list scans every code: the lists give the brute force's top 5.
    every = [r for r in big["inverted_lists"] if r["probe"] == 16 and r["lists"] == 16]
    assert every[0]["recall_at_5_vs_brute_force"] == 1.0
    assert every[0]["codes_scanned_mean"] == 1_000
    assert every[0]["own_original_in_top5"] == big["brute_force"]["own_original_in_top5"]
    # A second run reads the cached codes.
    again = ivf.run(1_000, 6, [16], [2], queries_every=6)
    assert again["codes"]["from_cache"] is True


def test_fit_bench_compares_numpy_and_compiled_on_cached_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench import robust_local_ivf_fit as fit
    from safeguard.matching import local_shortlist as ls

    pool = _pool()
    used, signs = mixture_codes(pool, np.random.default_rng(3), 2_000)
    with (tmp_path / "robust-local-ivf-2000-0.npz").open("wb") as f:
        np.savez(f, used=used, signs=signs)
    monkeypatch.setattr(fit, "CACHE", tmp_path)
    monkeypatch.setattr(ls, "_COMPILED_FROM", 1)
    result = fit.run(2_000, 0, 16, 500)
    assert result["entries"] == 2_000
    assert result["first_500"]["same_centres"] is True
    assert result["first_500"]["same_as_the_fit_assigned"] is True
    assert result["largest_list"] >= result["median_list"] > 0

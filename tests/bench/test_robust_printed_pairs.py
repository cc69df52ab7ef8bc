"""``bench/robust_printed_pairs.py`` makes what it says: two different pictures that share
one printed card (not copies of each other, yet one flat object maps onto the other), and a
tiny run reports what it says it reports."""

from __future__ import annotations

import numpy as np

from bench import robust_printed_pairs as pp
from safeguard.signals.local import orb_features, verify_same_picture
from safeguard.signals.pdq import pdq_from_pixels


def test_two_scenes_of_one_card_are_different_pictures_sharing_the_card() -> None:
    rng = np.random.default_rng(7)
    card = pp.card(rng)
    first, second = pp.scene(rng, card, 0.6), pp.scene(rng, card, 0.6)
    other = pp.scene(rng, pp.card(rng), 0.6)
    assert first.shape == second.shape == (pp.HEIGHT, pp.WIDTH, 3)
    # Not near-duplicates: their PDQs are far apart, as two photographs' are.
    assert pdq_from_pixels(first).hash.distance(pdq_from_pixels(second).hash) > 31
    # But the card maps onto the card: the homography alone verifies them...
    fa, fb = orb_features(first), orb_features(second)
    assert verify_same_picture(fa, fb, whole_overlap=False).verified
    # ...and a scene with another card does not.
    assert not verify_same_picture(orb_features(other), fb, whole_overlap=False).verified


def test_a_tiny_run_reports_its_counts() -> None:
    out = pp.run(3, seed=11)
    assert out["wrong_pairs"] == 6
    assert out["wrong_accepted_at_default"] <= out["wrong_pass_homography"] <= 6
    assert sum(out["wrong_at_or_above_bar"].values()) >= out["wrong_accepted_at_default"]
    assert set(out["own_copies"]) == set(pp.COPIES)
    for copies in out["own_copies"].values():
        assert copies["copies"] == 3 and 0 <= copies["accepted_at_default"] <= 3

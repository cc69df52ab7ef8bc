"""Rules that see how a match was found: ``variants`` and ``min_inliers`` narrow a rule, and a
block or report for a match found only by the local-feature shortlist (variant ``local``) or
for a verified near miss (``near``) is lowered to review unless the rule names that kind
(docs/matching.md, docs/service.md); ``Decision.lowered_from`` says what it would have been."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguard.matching.matcher import Match
from safeguard.review import rules
from safeguard.review.rules import InvalidRule, StoredRule, decide, variant_kinds
from safeguard.store.db import Database


def _match(variant: str = "exact", *, entry: int = 1, inliers: int | None = None) -> Match:
    return Match(
        bank="known",
        bank_kind="block",
        entry=entry,
        signal="pdq",
        value="0" * 64,
        distance=0 if variant == "exact" else 60,
        category="A",
        external_id=f"e{entry}",
        variant=variant,
        inliers=inliers,
    )


BLOCK = StoredRule("block", bank="known", id=1)


def test_a_local_only_match_with_a_block_rule_goes_to_review() -> None:
    d = decide([_match("local", inliers=80)], [BLOCK], "allow")
    assert d.action == "review"
    [reason] = d.reasons
    assert reason["lowered_from"] == "block" and reason["rule"] == 1


def test_an_exact_match_still_blocks() -> None:
    d = decide([_match("exact")], [BLOCK], "allow")
    assert d.action == "block" and "lowered_from" not in d.reasons[0]


@pytest.mark.parametrize(
    "variant", ["trimmed", "trimmed:caption", "deskewed", "dihedral:rot90", "region:3"]
)
def test_hash_derived_matches_keep_the_rule_action(variant: str) -> None:
    assert decide([_match(variant)], [BLOCK], "allow").action == "block"


def test_a_report_for_a_local_match_is_lowered_too() -> None:
    report = StoredRule("report", bank="known", id=2)
    assert decide([_match("local", inliers=50)], [report], "allow").action == "review"


def test_the_default_action_is_lowered_for_a_local_match() -> None:
    d = decide([_match("local", inliers=50)], [], "block")
    assert d.action == "review" and d.reasons[0]["lowered_from"] == "block"


def test_allow_and_review_are_not_changed_for_a_local_match() -> None:
    for action in ("allow", "review"):
        rule = StoredRule(action, bank="known", id=3)  # type: ignore[arg-type]
        assert decide([_match("local", inliers=50)], [rule], "allow").action == action


def test_a_rule_naming_local_opts_into_blocking() -> None:
    opted = StoredRule("block", bank="known", id=4, variants=("local",))
    d = decide([_match("local", inliers=80)], [BLOCK, opted], "allow")
    assert d.action == "block" and d.reasons[0]["rule"] == 4


def test_a_rule_filtered_to_exact_ignores_region_and_local_matches() -> None:
    exact_only = StoredRule("block", bank="known", id=5, variants=("exact",))
    fallback = StoredRule("review", id=6)
    for variant, expected, rule in [
        ("exact", "block", 5),
        ("region:2", "review", 6),
        ("trimmed+region:2", "review", 6),
        ("local", "review", 6),
    ]:
        d = decide([_match(variant, inliers=40)], [exact_only, fallback], "allow")
        assert (d.action, d.reasons[0]["rule"]) == (expected, rule), variant
    # Without any other rule, the default action applies to what the filter left out.
    assert decide([_match("region:2")], [exact_only], "allow").action == "allow"


def test_derived_names_the_three_hash_derived_query_kinds() -> None:
    rule = StoredRule("block", id=7, variants=("derived",))
    assert decide([_match("deskewed")], [rule], "allow").action == "block"
    assert decide([_match("dihedral:flip")], [rule], "allow").action == "block"
    assert decide([_match("trimmed:nested")], [rule], "allow").action == "block"
    assert decide([_match("exact")], [rule], "allow").action == "allow"
    assert decide([_match("region:0")], [rule], "allow").action == "allow"
    # A derived query that found a region needs region named as well.
    both = StoredRule("block", id=8, variants=("derived", "region"))
    assert decide([_match("trimmed+region:1")], [rule], "allow").action == "allow"
    assert decide([_match("trimmed+region:1")], [both], "allow").action == "block"


def test_min_inliers_needs_a_verified_match_with_enough_inliers() -> None:
    rule = StoredRule("block", bank="known", id=9, variants=("local",), min_inliers=60)
    fallback = StoredRule("review", bank="known", id=10)
    assert decide([_match("local", inliers=59)], [rule, fallback], "allow").action == "review"
    assert decide([_match("local", inliers=60)], [rule, fallback], "allow").action == "block"
    any_way = StoredRule("block", id=11, min_inliers=30)
    # An unverified hash match has no inliers: it does not satisfy min_inliers.
    assert decide([_match("exact")], [any_way], "allow").action == "allow"
    assert decide([_match("exact", inliers=31)], [any_way], "allow").action == "block"


def test_a_rule_with_conditions_beats_the_same_rule_without() -> None:
    plain = StoredRule("block", bank="known", id=12)
    lenient = StoredRule("review", bank="known", id=13, variants=("region",))
    d = decide([_match("region:4")], [plain, lenient], "allow")
    assert (d.action, d.reasons[0]["rule"]) == ("review", 13)
    # ...but bank and category still come first.
    narrow = StoredRule("block", bank="known", category="A", id=14)
    assert decide([_match("region:4")], [narrow, lenient], "allow").reasons[0]["rule"] == 14


@pytest.mark.parametrize("variant", ["near", "trimmed+near", "region:3+near"])
def test_a_verified_near_miss_with_a_block_rule_goes_to_review(variant: str) -> None:
    d = decide([_match(variant, inliers=45)], [BLOCK], "allow")
    assert d.action == "review" and d.lowered_from == "block"
    [reason] = d.reasons
    assert reason["lowered_from"] == "block" and reason["lowered_for"] == ["near"]


def test_a_rule_naming_near_opts_into_blocking_near_misses() -> None:
    opted = StoredRule("block", bank="known", id=20, variants=("exact", "near"))
    d = decide([_match("near", inliers=45)], [BLOCK, opted], "allow")
    assert (d.action, d.reasons[0]["rule"], d.lowered_from) == ("block", 20, None)
    # Naming near alone does not opt a derived query's near miss in: trimmed is unnamed.
    assert decide([_match("trimmed+near", inliers=45)], [opted], "allow").action == "allow"


def test_a_rule_filtered_to_exact_does_not_apply_to_a_near_miss() -> None:
    exact_only = StoredRule("block", bank="known", id=21, variants=("exact",))
    fallback = StoredRule("block", id=22)
    d = decide([_match("near", inliers=45)], [exact_only, fallback], "allow")
    assert (d.action, d.reasons[0]["rule"], d.lowered_from) == ("review", 22, "block")


def test_lowered_from_is_none_when_another_match_keeps_the_action() -> None:
    d = decide([_match("local", entry=1, inliers=70), _match("exact", entry=2)], [BLOCK], "allow")
    assert d.action == "block" and d.lowered_from is None
    report = StoredRule("report", bank="known", id=23)
    d = decide([_match("near", entry=1, inliers=70)], [report], "block")
    assert (d.action, d.lowered_from) == ("review", "report")


def test_the_most_severe_match_decides_across_variants() -> None:
    d = decide([_match("local", entry=1, inliers=70), _match("exact", entry=2)], [BLOCK], "allow")
    assert d.action == "block"
    assert [r["action"] for r in d.reasons] == ["review", "block"]


@given(
    st.lists(
        st.sampled_from(["exact", "trimmed:x", "deskewed", "dihedral:rot90", "region:1", "local"]),
        min_size=1,
        max_size=3,
    )
)
def test_variant_kinds_reads_each_part(parts: list[str]) -> None:
    assert variant_kinds("+".join(parts)) == {p.split(":")[0] for p in parts}


def test_unknown_variant_names_are_a_clear_error() -> None:
    with pytest.raises(InvalidRule, match=r"'exactly'.*exact, trimmed"):
        rules.as_variants(["exact", "exactly"])
    with pytest.raises(InvalidRule, match="min_inliers"):
        rules.as_min_inliers(0)
    assert rules.as_variants("Local, exact,local") == ("exact", "local")
    assert rules.as_variants([]) is None and rules.as_variants(None) is None


def test_stored_rules_keep_their_conditions(db: Database) -> None:
    with db.session() as s:
        plain = rules.add_rule(s, action="review", actor="t", bank="known", allow_missing=True)
        local = rules.add_rule(
            s,
            action="block",
            actor="t",
            bank="known",
            allow_missing=True,
            variants=["local"],
            min_inliers=60,
        )
        # The same bank with other conditions is another rule; the same ones replace it.
        again = rules.add_rule(
            s,
            action="report",
            actor="t",
            bank="known",
            allow_missing=True,
            variants="local",
            min_inliers=60,
        )
        assert again.id == local.id and plain.id != local.id
    with db.session() as s:
        stored = {r.id: r for r in rules.load_rules(s)}
    assert stored[plain.id].variants is None and stored[plain.id].min_inliers is None
    assert stored[local.id].variants == ("local",) and stored[local.id].min_inliers == 60
    assert stored[local.id].action == "report"
    assert stored[local.id].to_json()["variants"] == ["local"]


def test_storing_a_rule_with_an_unknown_variant_is_refused(db: Database) -> None:
    with db.session() as s, pytest.raises(InvalidRule, match="'fuzzy'"):
        rules.add_rule(s, action="block", actor="t", variants=["fuzzy"])
    with db.session() as s:
        assert rules.load_rules(s) == []

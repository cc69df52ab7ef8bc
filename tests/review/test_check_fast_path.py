"""The library side of the precomputed fast path (``review.check.Checker``): a check that
matches nothing opens no database session, whatever the default action; the two steps give
the one-step answer; a batch answers each item as ``check_signals`` does."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from safeguard.banks import BankSpec, NewEntry, add_entries, create_bank
from safeguard.matching.matcher import Matcher
from safeguard.review.check import Checker, NoSignals
from safeguard.store.db import Database, open_database


class CountingDatabase(Database):
    """The database, counting the sessions opened on it."""

    def __init__(self, inner: Database) -> None:
        self.engine = inner.engine
        self._inner = inner
        self.sessions = 0

    @contextmanager
    def session(self) -> Iterator[Session]:
        self.sessions += 1
        with self._inner.session() as s:
            yield s


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[CountingDatabase, Matcher, str, str]]:
    db = open_database(f"sqlite:///{tmp_path / 'fast.db'}")
    pdq, md5 = secrets.token_hex(32), secrets.token_hex(16)
    with db.session() as s:
        create_bank(s, BankSpec("known"), "test")
        add_entries(s, "known", [NewEntry("pdq", pdq), NewEntry("md5", md5)], actor="test")
    counting = CountingDatabase(db)
    matcher = Matcher.open(counting)
    try:
        yield counting, matcher, pdq, md5
    finally:
        db.dispose()


@pytest.mark.parametrize("default", ["allow", "review", "block"])
def test_a_check_that_matches_nothing_opens_no_session(
    world: tuple[CountingDatabase, Matcher, str, str], default: str
) -> None:
    db, matcher, _, _ = world
    checker = Checker(db, matcher, default_action=default)  # type: ignore[arg-type]
    before = db.sessions
    result = checker.check_signals({"pdq": secrets.token_hex(32), "md5": "0" * 32}, actor="test")
    assert (result.action, result.matches, result.case_id) == ("allow", [], None)
    assert db.sessions == before


def test_a_batch_that_matches_nothing_opens_no_session(
    world: tuple[CountingDatabase, Matcher, str, str],
) -> None:
    db, matcher, _, _ = world
    checker = Checker(db, matcher, default_action="review")
    before = db.sessions
    batch = checker.check_signal_batch(
        [{"pdq": secrets.token_hex(32)} for _ in range(20)], actor="test"
    )
    assert {r.action for r in batch.results} == {"allow"}
    assert db.sessions == before


def test_the_search_step_says_whether_the_database_is_needed(
    world: tuple[CountingDatabase, Matcher, str, str],
) -> None:
    db, matcher, pdq, _ = world
    checker = Checker(db, matcher, default_action="review")
    assert not checker.search_signals({"pdq": secrets.token_hex(32)}).needs_database
    search = checker.search_signals({"pdq": pdq})
    assert search.needs_database
    result = checker.finish_signals(search, actor="test")
    assert result.action == "review" and result.case_id is not None


def test_a_batch_answers_as_single_checks_do(
    world: tuple[CountingDatabase, Matcher, str, str],
) -> None:
    db, matcher, pdq, md5 = world
    checker = Checker(db, matcher, default_action="review")
    near = f"{int(pdq, 16) ^ 0b111:064x}"
    items = [{"pdq": near}, {"md5": md5, "pdq": secrets.token_hex(32)}, {"md5": "1" * 32}]
    batch = checker.check_signal_batch(items, actor="test", pdq_qualities=[80, None, None])
    singles = [
        checker.check_signals(item, actor="test", pdq_quality=q)
        for item, q in zip(items, [80, None, None], strict=True)
    ]
    for got, want in zip(batch.results, singles, strict=True):
        assert (got.action, got.matches, got.signals) == (want.action, want.matches, want.signals)
        assert (got.case_id is None) == (want.case_id is None)
    assert [m.distance for m in batch.results[0].matches] == [3]


def test_a_batch_with_an_empty_item_is_refused(
    world: tuple[CountingDatabase, Matcher, str, str],
) -> None:
    db, matcher, _, _ = world
    with pytest.raises(NoSignals, match="item 1"):
        Checker(db, matcher).check_signal_batch([{"md5": "0" * 32}, {}], actor="test")

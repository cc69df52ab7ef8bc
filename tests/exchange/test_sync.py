"""Two real services on loopback: a publisher's bank reaches a subscriber's bank, entry by
entry, and later changes (metadata, disables, re-enables, additions) follow on the next
sync, which pulls only what changed."""

from __future__ import annotations

from pathlib import Path

from safeguard.banks import NewEntry, add_entries, set_entries_disabled, set_entry_metadata
from safeguard.exchange import subscriber
from tests.exchange.helpers import (
    publisher_and_subscriber,
    publisher_rows,
    subscriber_rows,
)

N = 100_000


def test_a_hundred_thousand_entries_and_their_changes_reach_the_subscriber(tmp_path: Path) -> None:
    with publisher_and_subscriber(tmp_path, N) as pair:
        first = subscriber.sync_one(pair.sub.db, pair.subscription)
        assert first.error is None
        assert first.items == N
        assert first.pages == N // subscriber.DEFAULT_LIMIT
        published = publisher_rows(pair.pub.db)
        assert len(published) == N
        assert subscriber_rows(pair.sub.db, pair.subscription) == published

        ordered = sorted(published)
        md5_ids = [i for i in ordered if published[i][0] == "md5"]
        md5s = [(published[i][0], published[i][1]) for i in md5_ids]
        recategorised = sum(1 for i in md5_ids[1000:1100] if published[i][3] != "B2")
        assert 0 < recategorised < 100
        with pair.pub.db.session() as s:
            set_entries_disabled(s, "hotline", md5s[:300], True, "test")
            set_entries_disabled(s, "hotline", md5s[:50], False, "test")
            set_entry_metadata(s, "hotline", md5s[1000:1100], category="B2", actor="test")
            added = add_entries(
                s,
                "hotline",
                [NewEntry("sha256", f"{i:064x}", external_id=f"s-{i}") for i in range(700)],
                actor="test",
            )
        assert added == 700

        second = subscriber.sync_one(pair.sub.db, pair.subscription)
        assert second.error is None
        # Only what changed: 700 new, 300 disabled (50 of them re-enabled), and those of the
        # 100 given category B2 that had another before.
        assert second.items == 700 + 300 + recategorised
        after = publisher_rows(pair.pub.db)
        assert subscriber_rows(pair.sub.db, pair.subscription) == after
        assert sum(1 for r in after.values() if r[5]) == 250

        third = subscriber.sync_one(pair.sub.db, pair.subscription)
        assert (third.error, third.items, third.pages) == (None, 0, 0)


def test_a_sync_resumes_from_its_checkpoint_not_from_the_start(tmp_path: Path) -> None:
    with publisher_and_subscriber(tmp_path, 250) as pair:
        first = subscriber.sync_one(pair.sub.db, pair.subscription, limit=100)
        assert (first.pages, first.items, first.cursor.split(".")[0]) == (3, 250, "3")
        with pair.pub.db.session() as s:
            add_entries(s, "hotline", [NewEntry("md5", "ab" * 16)], actor="test")
        again = subscriber.sync_one(pair.sub.db, pair.subscription, limit=100)
        assert (again.pages, again.items, again.cursor.split(".")[0]) == (1, 1, "4")
        assert subscriber_rows(pair.sub.db, pair.subscription) == publisher_rows(pair.pub.db)

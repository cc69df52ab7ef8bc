"""Opinions flow back: a reviewer at the subscriber deciding a case on a subscribed entry
sends the opinion to the publisher, who counts them per entry. ``serve`` syncs on a
schedule when enabled. The CLI drives the same operations."""

from __future__ import annotations

import json
import time
from pathlib import Path

from typer.testing import CliRunner

from safeguard.cli.app import app
from safeguard.exchange import subscriber
from safeguard.service.testing import database_url
from tests.exchange.helpers import (
    mirror_count,
    publisher_and_subscriber,
    publisher_rows,
    subscriber_rows,
)


def _wait(predicate: object, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_a_false_positive_at_the_subscriber_is_counted_at_the_publisher(tmp_path: Path) -> None:
    with publisher_and_subscriber(tmp_path, 20) as pair:
        assert subscriber.sync_one(pair.sub.db, pair.subscription).error is None
        published = publisher_rows(pair.pub.db)
        original_id, row = next((i, r) for i, r in sorted(published.items()) if r[0] == "md5")
        runtime = pair.sub.server.app.state.runtime
        assert _wait(lambda: runtime.refresh() >= 0 and runtime.matcher is not None)
        runtime.refresh()
        with pair.sub.client("matcher") as c:
            checked = c.post("/v1/check", json={"signals": {"md5": row[1]}}).json()
        assert checked["action"] == "review" and checked["case_id"] is not None
        assert checked["matches"][0]["bank"] == "mirror"
        with pair.sub.client("reviewer") as c:
            r = c.post(
                f"/v1/cases/{checked['case_id']}/decision", json={"decision": "false_positive"}
            )
            assert r.status_code == 200, r.text

        report = subscriber.sync_one(pair.sub.db, pair.subscription)
        assert report.error is None and report.opinions_sent == 1
        with pair.pub.client("reviewer") as c:
            counts = c.get(f"/v1/exchange/feeds/{pair.feed}/opinions").json()
        assert counts == [
            {
                "entry": original_id,
                "type": "md5",
                "value": row[1],
                "false_positive": 1,
                "confirmed": 0,
            }
        ]
        # Sent once: the next sync sends nothing more.
        assert subscriber.sync_one(pair.sub.db, pair.subscription).opinions_sent == 0


def test_serve_syncs_subscriptions_on_a_schedule_when_enabled(tmp_path: Path) -> None:
    settings = {"run_exchange_sync": True, "exchange_sync_seconds": 0.2}
    with publisher_and_subscriber(tmp_path, 40, sub_settings=settings) as pair:
        assert _wait(lambda: mirror_count(pair.sub.db) == 40)
        assert subscriber_rows(pair.sub.db, pair.subscription) == publisher_rows(pair.pub.db)


def test_serve_does_not_sync_in_tests_unless_enabled(tmp_path: Path) -> None:
    with publisher_and_subscriber(tmp_path, 5) as pair:
        assert pair.sub.server.app.state.runtime.syncer is None
        assert mirror_count(pair.sub.db) == 0


def test_the_cli_publishes_issues_tokens_prints_the_key_subscribes_and_syncs(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    with publisher_and_subscriber(tmp_path, 12) as pair:
        pub = ["--data-dir", str(tmp_path / "pub"), "--db", database_url(pair.pub.db)]
        sub = ["--data-dir", str(tmp_path / "sub"), "--db", database_url(pair.sub.db)]
        key = runner.invoke(app, [*pub, "exchange", "key"])
        assert key.exit_code == 0 and key.stdout.strip() == pair.key
        published = runner.invoke(app, [*pub, "exchange", "publish", "hotline", "--feed", "two"])
        assert published.exit_code == 0, published.output
        made = runner.invoke(
            app, [*pub, "exchange", "tokens", "create", "two", "--name", "org", "--json"]
        )
        assert made.exit_code == 0, made.output
        token = json.loads(made.stdout)["token"]
        runner.invoke(app, [*sub, "banks", "create", "second"])
        subscribed = runner.invoke(
            app,
            [
                *sub,
                "exchange",
                "subscribe",
                pair.pub.server.url,
                "--feed",
                "two",
                "--token",
                token,
                "--publisher-key",
                pair.key,
                "--into",
                "second",
            ],
        )
        assert subscribed.exit_code == 0, subscribed.output
        synced = runner.invoke(app, [*sub, "exchange", "sync", "--json"])
        assert synced.exit_code == 0, synced.output
        lines = [json.loads(line) for line in synced.stdout.splitlines()]
        assert [(r["feed"], r["items"], r["error"]) for r in lines] == [
            ("hotline-feed", 12, None),
            ("two", 12, None),
        ]
        prefix = json.loads(made.stdout)["prefix"]
        assert runner.invoke(app, [*pub, "exchange", "tokens", "revoke", prefix]).exit_code == 0
        with pair.pub.db.session() as s:
            from safeguard.banks import NewEntry, add_entries

            add_entries(s, "hotline", [NewEntry("md5", "cd" * 16)], actor="test")
        refused = runner.invoke(app, [*sub, "exchange", "sync", "--json"])
        assert refused.exit_code == 1
        rows = {r["feed"]: r for r in map(json.loads, refused.stdout.splitlines())}
        assert rows["hotline-feed"]["error"] is None and rows["hotline-feed"]["items"] == 1
        assert "refused the token" in rows["two"]["error"]

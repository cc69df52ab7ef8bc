"""Shared parts of the exchange tests: a list written as CSV, two live services, and the
comparison of both sides entry by entry."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from safeguard.banks import BankSpec, create_bank, import_list
from safeguard.exchange import publisher, signing, subscriber
from safeguard.store.db import Database
from safeguard.store.models import Entry, ExchangeOrigin
from tests.conftest import Served, live_service

CATEGORIES = ("A1", "A2", "B1", "B2")


def csv_list(n: int, seed: int = 1) -> bytes:
    """``n`` distinct benign random signals (MD5 and PDQ), with ids and categories."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write("type,value,id,category,note\n")
    for i in range(n):
        if i % 4 == 0:
            out.write(f"pdq,{rng.getrandbits(256):064x},p-{i},{CATEGORIES[i % 4]},\n")
        else:
            out.write(f"md5,{rng.getrandbits(128):032x},m-{i},{CATEGORIES[i % 4]},n{i}\n")
    return out.getvalue().encode()


def import_csv(db: Database, bank: str, data: bytes) -> None:
    @contextmanager
    def opener() -> Iterator[io.BytesIO]:
        yield io.BytesIO(data)

    import_list(db, bank, opener, fmt="csv", source="test.csv", actor="test")


@dataclass
class Pair:
    pub: Served
    sub: Served
    feed: str
    token: str
    token_prefix: str
    key: str
    subscription: int


@contextmanager
def publisher_and_subscriber(
    tmp: Path, entries: int, *, sub_settings: dict[str, Any] | None = None
) -> Iterator[Pair]:
    """Two real services on loopback, each with its own database and data dir; the
    publisher's bank ``hotline`` (``entries`` entries) published as feed ``hotline-feed``,
    the subscriber's bank ``mirror`` subscribed to it (nothing synced yet)."""
    (tmp / "pub").mkdir()
    (tmp / "sub").mkdir()
    with (
        live_service("sqlite", tmp / "pub", roles=("admin", "reviewer", "matcher")) as pub,
        live_service(
            "sqlite", tmp / "sub", roles=("admin", "matcher", "reviewer"), **(sub_settings or {})
        ) as sub,
    ):
        with pub.db.session() as s:
            create_bank(s, BankSpec("hotline", category="csam"), "test")
        if entries:
            import_csv(pub.db, "hotline", csv_list(entries))
        with pub.db.session() as s:
            publisher.publish(s, "hotline", feed="hotline-feed", actor="test")
            info, token = publisher.create_token(
                s, "hotline-feed", subscriber="sub-org", actor="test"
            )
        key = signing.public_key_text(signing.load_or_create_key(tmp / "pub"))
        with sub.db.session() as s:
            create_bank(s, BankSpec("mirror"), "test")
            made = subscriber.subscribe(
                s,
                pub.server.url,
                feed="hotline-feed",
                token=token,
                publisher_key=key,
                into="mirror",
                actor="test",
            )
        yield Pair(pub, sub, "hotline-feed", token, info.prefix, key, made.id)


Row = tuple[str, str, str | None, str | None, str | None, bool]


def publisher_rows(db: Database, bank: str = "hotline") -> dict[int, Row]:
    with db.session() as s:
        from safeguard.banks import get_bank

        b = get_bank(s, bank)
        return {
            e.id: (e.signal_type, e.value, e.external_id, e.category, e.note, e.disabled)
            for e in s.execute(
                select(
                    Entry.id,
                    Entry.signal_type,
                    Entry.value,
                    Entry.external_id,
                    Entry.category,
                    Entry.note,
                    Entry.disabled,
                ).where(Entry.bank_id == b.id)
            )
        }


def subscriber_rows(db: Database, subscription: int) -> dict[int, Row]:
    """The subscriber's entries keyed by their id at the publisher (their provenance)."""
    with db.session() as s:
        return {
            e.original_id: (e.signal_type, e.value, e.external_id, e.category, e.note, e.disabled)
            for e in s.execute(
                select(
                    ExchangeOrigin.original_id,
                    Entry.signal_type,
                    Entry.value,
                    Entry.external_id,
                    Entry.category,
                    Entry.note,
                    Entry.disabled,
                )
                .join(Entry, Entry.id == ExchangeOrigin.entry_id)
                .where(ExchangeOrigin.subscription_id == subscription)
            )
        }


def mirror_count(db: Database) -> int:
    with db.session() as s:
        from safeguard.banks import get_bank

        b = get_bank(s, "mirror")
        return len(list(s.scalars(select(Entry.id).where(Entry.bank_id == b.id))))

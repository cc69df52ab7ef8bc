"""Adapters to external exchanges (NCMEC hash sharing, StopNCII, ThreatExchange-style
files) against loopback stand-ins: paging, deletions, checkpoint resume, refused
credentials, malformed answers (an error record, nothing of that page written)."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

pytest.importorskip(
    "threatexchange",
    reason="the exchange adapters need the optional extra: pip install 'safeguard[exchanges]'",
)

from safeguard.banks import BankSpec, create_bank
from safeguard.cli.app import app
from safeguard.exchange import adapters, sources
from safeguard.exchange.adapters.base import ExternalSignal
from safeguard.exchange.errors import AdapterSettingsInvalid
from safeguard.service.testing import database_url
from safeguard.signals.urls import url_sha256
from safeguard.store.db import Database
from safeguard.store.models import Bank, Entry, ExchangeSource
from tests.exchange.external_standins import NcmecEntry, NcmecHashSharing, StopNcii

Rows = dict[tuple[str, str], tuple[bool, str | None]]


def _hex(rng: random.Random, bits: int) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def rows(db: Database, bank: str = "external") -> Rows:
    """(type, value) -> (disabled, category) of every entry of the bank."""
    with db.session() as s:
        bank_id = s.scalar(select(Bank.id).where(Bank.name == bank))
        return {
            (e.signal_type, e.value): (e.disabled, e.category)
            for e in s.scalars(select(Entry).where(Entry.bank_id == bank_id))
        }


def enabled(db: Database) -> set[tuple[str, str]]:
    return {k for k, (disabled, _) in rows(db).items() if not disabled}


def add(db: Database, name: str, kind: str, **options: object) -> int:
    with db.session() as s:
        if s.scalar(select(Bank.id).where(Bank.name == "external")) is None:
            create_bank(s, BankSpec("external"), actor="test")
        return sources.add_source(s, name, kind, into="external", options=options, actor="t").id


def checkpoint(db: Database, source: int) -> dict[str, object] | None:
    with db.session() as s:
        src = s.get(ExchangeSource, source)
        assert src is not None
        return src.checkpoint


def last_error(db: Database, source: int) -> str | None:
    with db.session() as s:
        src = s.get(ExchangeSource, source)
        assert src is not None
        return src.last_error


# -- NCMEC hash sharing ---------------------------------------------------------------


@pytest.fixture
def ncmec() -> Iterator[NcmecHashSharing]:
    standin = NcmecHashSharing(page_size=5).start()
    try:
        yield standin
    finally:
        standin.stop()


def fill_ncmec(standin: NcmecHashSharing, n: int, seed: int = 3) -> None:
    """``n`` entries of benign random fingerprints; a third share one second (so the
    library narrows its window to that second and must follow ``next`` links)."""
    rng = random.Random(seed)
    now = int(time.time())
    crowded = now - 3600
    for i in range(n):
        ts = crowded if i % 3 == 0 else now - 86400 * 5 + rng.randrange(86400 * 4)
        kind = "video" if i % 5 == 0 else "image"
        fps = {"md5": _hex(rng, 128), "sha1": _hex(rng, 160)}
        if kind == "image":
            fps["pdq"] = _hex(rng, 256)
            fps["pdna"] = "a1" * 20 + "..."  # PhotoDNA: no Safeguard counterpart
        standin.put(NcmecEntry(40 + i % 3, f"e{i}", kind, ts, ("A1", "A2", "B1", "B2")[i % 4], fps))


def ncmec_expected(standin: NcmecHashSharing) -> set[tuple[str, str]]:
    return {
        (t, v)
        for e in standin.entries.values()
        if not e.deleted
        for t, v in e.fingerprints.items()
        if t in ("md5", "sha1", "pdq")
    }


def ncmec_source(db: Database, standin: NcmecHashSharing, **extra: object) -> int:
    return add(
        db,
        "ncmec",
        "ncmec",
        url=standin.base,
        user=standin.user,
        password=standin.password,
        **extra,
    )


def test_ncmec_sync_follows_paging_and_keeps_provenance(
    db: Database, ncmec: NcmecHashSharing
) -> None:
    fill_ncmec(ncmec, 40)
    source = ncmec_source(db, ncmec)
    report = sources.sync_source(db, source)
    assert report.error is None
    assert enabled(db) == ncmec_expected(ncmec)
    assert report.skipped.get("unsupported pdna", 0) >= 32  # every image's PhotoDNA
    assert any("start=" in r for r in ncmec.requests), "no next link was followed"
    assert ncmec.violations == []
    cats = {v: c for (t, v), (_, c) in rows(db).items()}
    e0 = ncmec.entries[(40, "e0")]
    assert cats[e0.fingerprints["md5"]] == "A1"
    with db.session() as s:
        entry = s.scalar(select(Entry).where(Entry.value == e0.fingerprints["sha1"]))
        assert entry is not None and entry.external_id == "40-e0"
        assert entry.note == "tags: ncmec-member:40"


def test_ncmec_deletions_and_updates_reach_the_bank(db: Database, ncmec: NcmecHashSharing) -> None:
    fill_ncmec(ncmec, 20)
    source = ncmec_source(db, ncmec)
    assert sources.sync_source(db, source).error is None
    cp = checkpoint(db, source)
    assert cp is not None
    later = int(cp["get_entries_max_ts"])  # type: ignore[call-overload]
    gone = ncmec.entries[(41, "e1")]
    ncmec.delete(41, "e1", later)
    changed = ncmec.entries[(42, "e2")]
    old_md5 = changed.fingerprints["md5"]
    changed_fps = {**changed.fingerprints, "md5": "f" * 32}
    ncmec.put(NcmecEntry(42, "e2", changed.kind, later, "B2", changed_fps))
    time.sleep(1.1)  # the library fetches up to 5 s before now, in whole seconds
    report = sources.sync_source(db, source)
    assert report.error is None and report.deleted >= 1
    have = rows(db)
    assert enabled(db) == ncmec_expected(ncmec)
    for t in ("md5", "sha1", "pdq"):
        if t in gone.fingerprints:
            assert have[(t, gone.fingerprints[t])][0] is True
    assert have[("md5", old_md5)][0] is True
    assert have[("md5", "f" * 32)] == (False, "B2")
    assert ncmec.violations == []


def test_ncmec_entry_shared_by_two_members_stays_until_both_delete(
    db: Database, ncmec: NcmecHashSharing
) -> None:
    ts = int(time.time()) - 7200
    ncmec.put(NcmecEntry(1, "a", "image", ts, "A1", {"md5": "ab" * 16}))
    ncmec.put(NcmecEntry(2, "b", "image", ts, "A1", {"md5": "ab" * 16}))
    source = ncmec_source(db, ncmec)
    assert sources.sync_source(db, source).error is None
    later = int(checkpoint(db, source)["get_entries_max_ts"])  # type: ignore[index, call-overload]
    ncmec.delete(1, "a", later)
    time.sleep(1.1)
    assert sources.sync_source(db, source).error is None
    assert rows(db)[("md5", "ab" * 16)][0] is False  # member 2 still lists it
    later = int(checkpoint(db, source)["get_entries_max_ts"])  # type: ignore[index, call-overload]
    ncmec.delete(2, "b", later)
    time.sleep(1.1)
    assert sources.sync_source(db, source).error is None
    assert rows(db)[("md5", "ab" * 16)][0] is True


def test_ncmec_bad_credentials_change_nothing(db: Database, ncmec: NcmecHashSharing) -> None:
    fill_ncmec(ncmec, 6)
    source = add(db, "ncmec", "ncmec", url=ncmec.base, user="someone", password="wrong")
    report = sources.sync_source(db, source)
    assert report.error is not None and "refused the credentials (401)" in report.error
    assert rows(db) == {}
    assert checkpoint(db, source) is None
    assert "external_auth_refused" in (last_error(db, source) or "")


@pytest.mark.parametrize("status", [0, 500], ids=["malformed-xml", "server-error"])
def test_ncmec_failure_mid_paging_resumes_from_the_checkpoint(
    db: Database, ncmec: NcmecHashSharing, status: int
) -> None:
    fill_ncmec(ncmec, 45)
    source = ncmec_source(db, ncmec)
    ncmec.fail_next = (True, status)  # the first request that follows a next link
    ncmec.fail_times = 1 if status == 0 else 5  # the client retries a 500 four times
    report = sources.sync_source(db, source)
    assert report.error is not None
    assert ("malformed" in report.error) if status == 0 else ("500" in report.error)
    partial = rows(db)
    cp = checkpoint(db, source)
    assert cp is not None and cp["paging_info"], "the checkpoint should hold the paging link"
    assert partial and set(partial) < ncmec_expected(ncmec)  # pages before it stayed
    again = sources.sync_source(db, source)
    assert again.error is None
    assert enabled(db) == ncmec_expected(ncmec)
    assert last_error(db, source) is None
    assert ncmec.violations == []


def test_ncmec_only_member_filters(db: Database, ncmec: NcmecHashSharing) -> None:
    fill_ncmec(ncmec, 12)
    source = ncmec_source(db, ncmec, only_member=[40])
    assert sources.sync_source(db, source).error is None
    want = {
        (t, v)
        for e in ncmec.entries.values()
        if e.member == 40
        for t, v in e.fingerprints.items()
        if t in ("md5", "sha1", "pdq")
    }
    assert enabled(db) == want


def test_ncmec_opinions_are_feedback_on_the_fingerprint(ncmec: NcmecHashSharing) -> None:
    fill_ncmec(ncmec, 3)
    adapter = adapters.build(
        "ncmec", {"url": ncmec.base}, {"user": ncmec.user, "password": ncmec.password}
    )
    e = ncmec.entries[(40, "e0")]
    adapter.report_opinion("40-e0", ExternalSignal("md5", e.fingerprints["md5"]), "confirmed")
    adapter.report_opinion("40-e0", ExternalSignal("pdq", "0" * 64), "false_positive")
    assert ncmec.feedback == [(40, "e0", "MD5", "affirmative"), (40, "e0", "PDQ", "negative")]
    assert any("/v2/feedback/PDQ/reasons" in r for r in ncmec.requests)
    assert ncmec.violations == []


# -- StopNCII ------------------------------------------------------------------------


@pytest.fixture
def stopncii() -> Iterator[StopNcii]:
    standin = StopNcii(page_size_cap=4).start()
    try:
        yield standin
    finally:
        standin.stop()


def fill_stopncii(standin: StopNcii, n: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    for i in range(n):
        if i % 4 == 3:
            standin.put("VideoMD5", _hex(rng, 128), 1000 + i)
        elif i % 7 == 6:
            standin.put("VideoTMK", "tmk" + _hex(rng, 64), 1000 + i)
        else:
            standin.put("ImagePDQ", _hex(rng, 256), 1000 + i, tags=("reviewed",) if i % 2 else ())


def stopncii_expected(standin: StopNcii) -> set[tuple[str, str]]:
    types = {"ImagePDQ": "pdq", "VideoMD5": "md5"}
    return {
        (types[t], v)
        for (t, v), r in standin.records.items()
        if t in types and r["hashStatus"] not in ("Withdrawn", "Deleted")
    }


def stopncii_source(db: Database, standin: StopNcii, **extra: object) -> int:
    options: dict[str, object] = {
        "url": standin.base,
        "subscription_key": standin.subscription_key,
        "fetch_key": standin.fetch_key,
        "category": "ncii",
    }
    return add(db, "stopncii", "stopncii", **{**options, **extra})


def test_stopncii_sync_pages_and_withdrawals(db: Database, stopncii: StopNcii) -> None:
    fill_stopncii(stopncii, 22)
    source = stopncii_source(db, stopncii)
    report = sources.sync_source(db, source)
    assert report.error is None and report.pages >= 6
    assert enabled(db) == stopncii_expected(stopncii)
    assert report.skipped.get("unsupported VideoTMK", 0) >= 1
    assert all(c == "ncii" for _, c in rows(db).values())
    withdrawn = next(v for (t, v) in stopncii.records if t == "ImagePDQ")
    stopncii.put("ImagePDQ", withdrawn, 5000, status="Withdrawn")
    stopncii.put("ImagePDQ", "ee" * 32, 5001)
    report = sources.sync_source(db, source)
    assert report.error is None and report.deleted == 1
    assert rows(db)[("pdq", withdrawn)][0] is True
    assert enabled(db) == stopncii_expected(stopncii)
    assert any("nextPageToken=" in r for r in stopncii.requests)
    assert stopncii.violations == []


def test_stopncii_bad_keys_change_nothing(db: Database, stopncii: StopNcii) -> None:
    fill_stopncii(stopncii, 5)
    source = stopncii_source(db, stopncii, fetch_key="wrong")
    report = sources.sync_source(db, source)
    assert report.error is not None and "refused the keys (401)" in report.error
    assert rows(db) == {} and checkpoint(db, source) is None


def test_stopncii_malformed_record_refuses_the_page_and_resumes(
    db: Database, stopncii: StopNcii
) -> None:
    fill_stopncii(stopncii, 22)
    source = stopncii_source(db, stopncii)
    stopncii.fail_next = (True, 0)  # a record without hashStatus on the second page
    report = sources.sync_source(db, source)
    assert report.error is not None and "malformed" in report.error
    assert report.pages == 1
    assert len(rows(db)) == len(
        [r for r in list(stopncii.records)[:4] if r[0] in ("ImagePDQ", "VideoMD5")]
    )
    assert sources.sync_source(db, source).error is None
    assert enabled(db) == stopncii_expected(stopncii)


def test_stopncii_not_json_is_an_error(db: Database, stopncii: StopNcii) -> None:
    fill_stopncii(stopncii, 3)
    source = stopncii_source(db, stopncii)
    stopncii.fail_next = (False, 1)
    report = sources.sync_source(db, source)
    assert report.error is not None and "malformed" in report.error
    assert rows(db) == {} and checkpoint(db, source) is None


def test_stopncii_opinions(stopncii: StopNcii) -> None:
    options = {"url": stopncii.base}
    creds = {
        "subscription_key": stopncii.subscription_key,
        "fetch_key": stopncii.fetch_key,
        "feedback_key": stopncii.feedback_key,
    }
    adapter = adapters.build("stopncii", options, creds)
    adapter.report_opinion("ImagePDQ:" + "ab" * 32, ExternalSignal("pdq", "ab" * 32), "confirmed")
    adapter.report_opinion(
        "VideoMD5:" + "cd" * 16, ExternalSignal("md5", "cd" * 16), "false_positive"
    )
    assert [(f["hashValue"], f["feedbackValue"]) for f in stopncii.feedback] == [
        ("ab" * 32, "Blocked"),
        ("cd" * 16, "NotBlocked"),
    ]
    assert stopncii.violations == []
    without = adapters.build("stopncii", options, {**creds, "feedback_key": ""})
    with pytest.raises(AdapterSettingsInvalid):
        without.report_opinion(
            "ImagePDQ:" + "ab" * 32, ExternalSignal("pdq", "ab" * 32), "confirmed"
        )


# -- ThreatExchange-style files --------------------------------------------------------


def test_file_of_signal_lines(db: Database, tmp_path: Path) -> None:
    pdq, md5 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", "ab" * 16
    path = tmp_path / "signals.txt"
    path.write_text(
        f"pdq {pdq}\nvideo_md5 {md5}\nurl https://Example.org/a/../b/\nraw_text some words\n"
        "pdq nothex\n"
    )
    source = add(db, "tx-file", "file", path=str(path))
    report = sources.sync_source(db, source)
    assert report.error is None
    assert report.skipped == {"unsupported raw_text": 1, "invalid pdq": 1}
    assert enabled(db) == {
        ("pdq", pdq),
        ("md5", md5),
        ("url", url_sha256("http://example.org/b")),
    }
    assert sources.sync_source(db, source).pages == 0  # unchanged: nothing read
    path.write_text(f"pdq {pdq}\n")
    report = sources.sync_source(db, source)
    assert report.error is None
    assert enabled(db) == {("pdq", pdq)}
    assert rows(db)[("md5", md5)][0] is True


def test_file_values_only_with_a_signal_type(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "md5s.txt"
    path.write_text("ab" * 16 + "\n" + "cd" * 16 + "\n")
    source = add(db, "md5s", "file", path=str(path), signal_type="video_md5")
    assert sources.sync_source(db, source).error is None
    assert enabled(db) == {("md5", "ab" * 16), ("md5", "cd" * 16)}


def test_file_dataset_csv(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "collab.csv"
    path.write_text(
        "signal_type,signal_str,collab,category,tags\n"
        f"pdq,{'1' * 64},Sample,POSITIVE_CLASS,tag1 tag2\n"
        f"video_md5,{'2' * 32},Sample,NEGATIVE_CLASS,\n"
    )
    source = add(db, "csv", "file", path=str(path))
    assert sources.sync_source(db, source).error is None
    assert rows(db) == {("pdq", "1" * 64): (False, None), ("md5", "2" * 32): (True, None)}
    with db.session() as s:
        e = s.scalar(select(Entry).where(Entry.signal_type == "pdq"))
        assert e is not None and e.note == "tags: tag1 tag2"


def test_malformed_csv_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        f"signal_type,signal_str,collab,category,tags\npdq,{'1' * 64},S,POSITIVE_CLASS,\n"
        "pdq,only-two-fields\n"
    )
    source = add(db, "bad", "file", path=str(path))
    report = sources.sync_source(db, source)
    assert report.error is not None and "bad.csv:3" in report.error
    assert rows(db) == {} and checkpoint(db, source) is None


def test_options_are_checked_when_adding(db: Database) -> None:
    with pytest.raises(AdapterSettingsInvalid, match="needs user, password"):
        add(db, "x", "ncmec", url="http://127.0.0.1:1")
    with pytest.raises(AdapterSettingsInvalid, match="one of environment or url"):
        add(db, "x", "ncmec", user="u", password="p")
    with pytest.raises(AdapterSettingsInvalid, match="no NCMEC environment"):
        add(db, "x", "ncmec", environment="Nowhere", user="u", password="p")
    with pytest.raises(AdapterSettingsInvalid, match="takes no option"):
        add(db, "x", "file", path="/x", url="http://y")


def test_cli_end_to_end(db: Database, tmp_path: Path, ncmec: NcmecHashSharing) -> None:
    fill_ncmec(ncmec, 8)
    runner = CliRunner()
    base = ["--data-dir", str(tmp_path / "data"), "--db", database_url(db)]
    listed = runner.invoke(app, [*base, "exchange", "adapters", "--json"])
    assert listed.exit_code == 0
    kinds = {json.loads(line)["kind"]: json.loads(line) for line in listed.stdout.splitlines()}
    assert set(kinds) == {"file", "ncmec", "stopncii"} and kinds["ncmec"]["available"]
    assert runner.invoke(app, [*base, "banks", "create", "external"]).exit_code == 0
    made = runner.invoke(
        app,
        [*base, "exchange", "subscribe-external", "ncmec", "--name", "n", "--into", "external",
         "--url", ncmec.base, "--json"],
        env={"SAFEGUARD_NCMEC_USER": ncmec.user, "SAFEGUARD_NCMEC_PASSWORD": ncmec.password},
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "password" not in made.stdout and ncmec.password not in made.stdout
    synced = runner.invoke(app, [*base, "exchange", "sync", "--json"])
    assert synced.exit_code == 0, synced.output
    out = [json.loads(line) for line in synced.stdout.splitlines()]
    assert out[0]["source"] == "n" and out[0]["error"] is None and out[0]["records"] == 8
    assert enabled(db) == ncmec_expected(ncmec)
    shown = runner.invoke(app, [*base, "exchange", "sources", "--json"])
    assert ncmec.password not in shown.stdout
    removed = runner.invoke(app, [*base, "exchange", "remove-source", "n", "--json"])
    assert removed.exit_code == 0 and json.loads(removed.stdout)["name"] == "n"
    assert runner.invoke(app, [*base, "exchange", "sources", "--json"]).stdout == ""
    assert enabled(db) == ncmec_expected(ncmec)  # the entries stay
    assert runner.invoke(app, [*base, "exchange", "remove-source", "n"]).exit_code == 1
    bad = runner.invoke(
        app,
        [*base, "exchange", "subscribe-external", "file", "--name", "f", "--into", "external",
         "--url", "http://x"],
    )  # fmt: skip
    assert bad.exit_code == 2


def test_reviewer_decisions_reach_ncmec_as_feedback(
    db: Database, ncmec: NcmecHashSharing, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguard.exchange import opinions
    from safeguard.review import cases

    monkeypatch.setattr(cases, "DECISION_LISTENERS", [opinions.queue_opinions])
    fill_ncmec(ncmec, 4)
    source = ncmec_source(db, ncmec)
    assert sources.sync_source(db, source).error is None
    e1, e2 = ncmec.entries[(41, "e1")], ncmec.entries[(42, "e2")]
    with db.session() as s:
        ids = {
            v: i
            for i, v in s.execute(
                select(Entry.id, Entry.value).where(
                    Entry.value.in_([e1.fingerprints["md5"], e2.fingerprints["pdq"]])
                )
            )
        }
        made = []
        for value, decision in (
            (e1.fingerprints["md5"], "confirm"),
            (e2.fingerprints["pdq"], "false_positive"),
        ):
            case = cases.open_case(
                s,
                source="test",
                action="review",
                summary="benign test match",
                evidence={"matches": [{"entry": ids[value]}]},
                actor="test",
            )
            made.append((case.id, decision))
    for case_id, decision in made:
        with db.session() as s:
            cases.decide_case(s, case_id, decision=decision, actor="reviewer")
    report = sources.sync_source(db, source)
    assert report.error is None and report.opinions_sent == 2
    assert sorted(ncmec.feedback) == [
        (41, "e1", "MD5", "affirmative"),
        (42, "e2", "PDQ", "negative"),
    ]
    assert sources.sync_source(db, source).opinions_sent == 0  # sent once
    assert ncmec.violations == []


def test_serve_schedule_syncs_external_sources(db: Database, tmp_path: Path) -> None:
    from safeguard.exchange.subscriber import Syncer

    path = tmp_path / "list.txt"
    path.write_text("video_md5 " + "ab" * 16 + "\n")
    add(db, "scheduled", "file", path=str(path))
    syncer = Syncer(db, tmp_path / "data", interval=3600)
    syncer.lock_path.parent.mkdir(parents=True, exist_ok=True)
    assert syncer.run_once() is not None
    assert [r.error for r in syncer.last_source_reports] == [None]
    assert enabled(db) == {("md5", "ab" * 16)}


def test_cli_sync_exits_1_when_a_source_fails(db: Database, tmp_path: Path) -> None:
    add(db, "gone", "file", path=str(tmp_path / "missing.txt"))
    runner = CliRunner()
    base = ["--data-dir", str(tmp_path / "data"), "--db", database_url(db)]
    synced = runner.invoke(app, [*base, "exchange", "sync", "--json"])
    assert synced.exit_code == 1
    (line,) = synced.stdout.splitlines()
    assert json.loads(line)["error"].startswith("no file")
    shown = runner.invoke(app, [*base, "exchange", "sources", "--json"])
    assert "external_fetch_failed: no file" in json.loads(shown.stdout)["last_error"]


@pytest.fixture
def new_york_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local time zone five hours behind UTC (restored afterwards)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_ncmec_times_are_sent_in_utc_whatever_the_local_zone(
    db: Database, ncmec: NcmecHashSharing, new_york_time: None
) -> None:
    assert time.localtime().tm_gmtoff != 0
    fill_ncmec(ncmec, 12)  # a third of them an hour old: inside any UTC window up to now
    source = ncmec_source(db, ncmec)
    assert sources.sync_source(db, source).error is None
    assert enabled(db) == ncmec_expected(ncmec)

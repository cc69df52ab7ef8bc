"""Evidence media (opt-in): sealed with AES-GCM, opened only with the right key, purged
after the retention period with an audit record; and the service's CLI commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from safeguard.cli.app import app
from safeguard.review import cases
from safeguard.review.evidence import (
    EvidenceDisabled,
    EvidenceKeyError,
    EvidenceSettings,
    EvidenceStore,
    generate_key,
    parse_key,
)
from safeguard.store.db import Database, open_database
from safeguard.store.models import AuditEvent, EvidenceMedia

MEDIA = b"\x89PNG benign bytes standing in for an uploaded picture" * 10


def _case(db: Database) -> int:
    with db.session() as s:
        return cases.open_case(
            s, source="t", action="review", summary="", evidence={}, actor="t"
        ).id


def _store(key: str | None = None, days: float = 30.0) -> EvidenceStore:
    return EvidenceStore(
        EvidenceSettings(enabled=True, key=key or generate_key(), retention_days=days)
    )


def test_media_is_sealed_and_opened_with_its_key(db: Database) -> None:
    store, case_id = _store(), _case(db)
    with db.session() as s:
        store.save(s, case_id, MEDIA, filename="a.png", content_type="image/png")
    with db.session() as s:
        row = s.scalars(select(EvidenceMedia)).one()
        assert MEDIA[:16] not in row.ciphertext
        assert store.load(s, case_id) == MEDIA
        assert cases.get_case(s, case_id).has_media


def test_another_key_cannot_open_the_media(db: Database) -> None:
    case_id = _case(db)
    with db.session() as s:
        _store().save(s, case_id, MEDIA)
    with pytest.raises(EvidenceKeyError), db.session() as s:
        _store().load(s, case_id)


def test_media_moved_to_another_case_does_not_open(db: Database) -> None:
    key = generate_key()
    first, second = _case(db), _case(db)
    with db.session() as s:
        _store(key).save(s, first, MEDIA)
        s.execute(text("UPDATE evidence_media SET case_id = :b"), {"b": second})
    with pytest.raises(EvidenceKeyError), db.session() as s:
        _store(key).load(s, second)


def test_media_past_the_retention_period_is_purged_and_audited(db: Database) -> None:
    store = _store(days=7)
    old, recent = _case(db), _case(db)
    with db.session() as s:
        store.save(s, old, MEDIA)
        store.save(s, recent, MEDIA)
        s.execute(
            text("UPDATE evidence_media SET created_at = :at WHERE case_id = :c"),
            {"at": datetime.now(UTC) - timedelta(days=8), "c": old},
        )
    with db.session() as s:
        assert store.purge(s, actor="purge-job") == [old]
    with db.session() as s:
        assert store.load(s, old) is None
        assert store.load(s, recent) == MEDIA
        assert not cases.get_case(s, old).has_media
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "evidence.purge")).all()
        assert (event.subject, event.actor) == (f"case:{old}", "purge-job")


def test_a_deployment_without_evidence_keeps_nothing(db: Database) -> None:
    store = EvidenceStore(EvidenceSettings(enabled=False))
    with pytest.raises(EvidenceDisabled), db.session() as s:
        store.save(s, _case(db), MEDIA)


def test_evidence_without_a_key_fails_at_start_up() -> None:
    with pytest.raises(EvidenceKeyError):
        EvidenceStore(EvidenceSettings(enabled=True)).check()


@pytest.mark.parametrize("text_key", ["short", "00" * 31, "not base64 at all!!"])
def test_a_malformed_key_is_refused(text_key: str) -> None:
    with pytest.raises(EvidenceKeyError):
        parse_key(text_key)


def test_a_key_may_be_hex_or_base64() -> None:
    raw = bytes(range(32))
    assert parse_key(raw.hex()) == raw
    assert len(parse_key(generate_key())) == 32


# --- the CLI ------------------------------------------------------------------------------


def _cli(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), *args])
    return result.exit_code, result.stdout


def test_keys_are_created_listed_and_revoked_from_the_cli(tmp_path: Path) -> None:
    code, out = _cli(tmp_path, "keys", "create", "--role", "curator", "--name", "ops", "--json")
    assert code == 0
    created = json.loads(out)
    assert created["key"].startswith(created["prefix"] + "_")
    code, out = _cli(tmp_path, "keys", "list", "--json")
    assert [json.loads(line)["prefix"] for line in out.splitlines()] == [created["prefix"]]
    assert "key" not in json.loads(out.splitlines()[0])
    code, out = _cli(tmp_path, "keys", "revoke", created["prefix"], "--json")
    assert (code, json.loads(out)["revoked_at"] is not None) == (0, True)
    assert _cli(tmp_path, "keys", "list", "--json")[1] == ""


def test_revoking_an_unknown_key_exits_1(tmp_path: Path) -> None:
    assert _cli(tmp_path, "keys", "revoke", "sg_nosuchkk")[0] == 1


def test_audit_verify_exits_1_on_a_changed_record(tmp_path: Path) -> None:
    _cli(tmp_path, "keys", "create", "--role", "admin")
    _cli(tmp_path, "keys", "create", "--role", "hasher")
    code, out = _cli(tmp_path, "audit", "verify", "--json")
    assert (code, json.loads(out)["ok"], json.loads(out)["checked"]) == (0, True, 2)
    db = open_database(f"sqlite:///{tmp_path / 'safeguard.db'}")
    with db.session() as s:
        s.execute(text('UPDATE audit_events SET details = \'{"role": "admin"}\' WHERE id = 2'))
    db.dispose()
    code, out = _cli(tmp_path, "audit", "verify", "--json")
    assert (code, json.loads(out)["first_bad_id"]) == (1, 2)


def test_audit_verify_detects_a_deleted_record(tmp_path: Path) -> None:
    for role in ("admin", "hasher", "matcher"):
        _cli(tmp_path, "keys", "create", "--role", role)
    db = open_database(f"sqlite:///{tmp_path / 'safeguard.db'}")
    with db.session() as s:
        s.execute(text("DELETE FROM audit_events WHERE id = 2"))
    db.dispose()
    code, out = _cli(tmp_path, "audit", "verify", "--json")
    assert (code, json.loads(out)["first_bad_id"]) == (1, 3)


def test_evidence_purge_runs_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFEGUARD_EVIDENCE", "1")
    monkeypatch.setenv("SAFEGUARD_EVIDENCE_KEY", generate_key())
    code, out = _cli(tmp_path, "evidence", "purge", "--retention-days", "0", "--json")
    assert (code, json.loads(out)) == (0, {"purged": 0, "cases": []})


def test_evidence_keygen_writes_a_private_key_file(tmp_path: Path) -> None:
    target = tmp_path / "evidence.key"
    assert _cli(tmp_path, "evidence", "keygen", "--out", str(target))[0] == 0
    assert len(parse_key(target.read_text())) == 32
    assert target.stat().st_mode & 0o077 == 0
    assert _cli(tmp_path, "evidence", "keygen", "--out", str(target))[0] == 1


def test_rules_are_set_listed_and_deleted_from_the_cli(tmp_path: Path) -> None:
    code, out = _cli(
        tmp_path, "rules", "set", "block", "--bank", "known", "--allow-missing", "--json"
    )
    rule = json.loads(out)
    assert (code, rule["action"], rule["bank"]) == (0, "block", "known")
    assert json.loads(_cli(tmp_path, "rules", "list", "--json")[1])["id"] == rule["id"]
    assert _cli(tmp_path, "rules", "delete", str(rule["id"]))[0] == 0
    assert _cli(tmp_path, "rules", "delete", str(rule["id"]))[0] == 1


def test_webhooks_are_added_and_removed_from_the_cli(tmp_path: Path) -> None:
    code, out = _cli(tmp_path, "webhooks", "add", "http://127.0.0.1:9/hook", "--json")
    added = json.loads(out)
    assert code == 0 and added["secret"]
    assert _cli(tmp_path, "webhooks", "remove", str(added["id"]), "--json") == (
        0,
        json.dumps({"id": added["id"], "removed": True}, separators=(",", ":")) + "\n",
    )
    assert _cli(tmp_path, "webhooks", "remove", str(added["id"]))[0] == 1
    assert _cli(tmp_path, "webhooks", "add", "ftp://example.invalid/x")[0] == 2


def test_every_service_command_has_help(tmp_path: Path) -> None:
    for args in (
        ["serve"],
        ["keys", "create"],
        ["keys", "list"],
        ["keys", "revoke"],
        ["audit", "verify"],
        ["evidence", "purge"],
        ["evidence", "keygen"],
        ["rules", "set"],
        ["webhooks", "add"],
    ):
        assert _cli(tmp_path, *args, "--help")[0] == 0, args


def test_audit_verify_detects_reordered_records(tmp_path: Path) -> None:
    for role in ("admin", "hasher", "matcher"):
        _cli(tmp_path, "keys", "create", "--role", role)
    db = open_database(f"sqlite:///{tmp_path / 'safeguard.db'}")
    columns = "at, actor, action, subject, details, prev_hash, hash"
    with db.session() as s:
        two = s.execute(text(f"SELECT {columns} FROM audit_events WHERE id = 2")).one()
        three = s.execute(text(f"SELECT {columns} FROM audit_events WHERE id = 3")).one()
        move = (
            "UPDATE audit_events SET at = :at, actor = :actor, action = :action, "
            "subject = :subject, details = :details, prev_hash = :prev_hash, hash = :hash "
            "WHERE id = :id"
        )
        for i in (2, 3):  # free the unique hashes first
            s.execute(
                text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :id"),
                {"p": f"p{i}", "h": f"h{i}", "id": i},
            )
        s.execute(text(move), {**three._asdict(), "id": 2})
        s.execute(text(move), {**two._asdict(), "id": 3})
    db.dispose()
    code, out = _cli(tmp_path, "audit", "verify", "--json")
    assert (code, json.loads(out)["first_bad_id"]) == (1, 2)


def test_each_worker_purges_expired_evidence_on_a_schedule(db: Database, tmp_path: Path) -> None:
    from safeguard.service.runtime import PURGE_ACTOR, PURGE_EVERY_SECONDS, Runtime
    from safeguard.service.testing import database_url, settings_for_tests

    key = generate_key()
    settings = settings_for_tests(
        tmp_path,
        database_url(db),
        evidence=EvidenceSettings(enabled=True, key=key, retention_days=7),
    )
    runtime = Runtime(settings, db)
    old = _case(db)
    with db.session() as s:
        runtime.evidence.save(s, old, MEDIA)
        s.execute(
            text("UPDATE evidence_media SET created_at = :at WHERE case_id = :c"),
            {"at": datetime.now(UTC) - timedelta(days=8), "c": old},
        )
    assert runtime.purge_evidence_if_due(1000.0) == [old]
    assert runtime.purge_evidence_if_due(1001.0) is None  # not due again yet
    assert runtime.purge_evidence_if_due(1000.0 + PURGE_EVERY_SECONDS) == []
    with db.session() as s:
        assert runtime.evidence.load(s, old) is None
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "evidence.purge")).all()
        assert event.actor == PURGE_ACTOR


def test_a_deployment_without_evidence_never_runs_the_purge(db: Database, tmp_path: Path) -> None:
    from safeguard.service.runtime import Runtime
    from safeguard.service.testing import database_url, settings_for_tests

    settings = settings_for_tests(
        tmp_path, database_url(db), evidence=EvidenceSettings(enabled=False)
    )
    assert Runtime(settings, db).purge_evidence_if_due(1e9) is None

"""Banks and their entries in a real database: SQLite always, PostgreSQL when CI provides it."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import func, select

from safeguard import audit, banks
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, Entry, IndexChange

PDQ_A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
MD5_A = "d41d8cd98f00b204e9800998ecf8427e"
SHA1_A = "da39a3ee5e6b4b0d3255bfef95601890afd80709"


def opener(text: str | bytes) -> Callable[[], AbstractContextManager[BinaryIO]]:
    data = text.encode() if isinstance(text, str) else text

    @contextmanager
    def open_() -> Iterator[BinaryIO]:
        yield io.BytesIO(data)

    return open_


def make_bank(db: Database, name: str = "list", **kw: object) -> None:
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec(name, **kw), "test")  # type: ignore[arg-type]


def entries(db: Database, bank: str = "list") -> set[tuple[str, str]]:
    with db.session() as s:
        b = banks.get_bank(s, bank)
        return {(e.signal_type, e.value) for e in banks.iter_entries(s, b)}


def import_text(
    db: Database, text: str | bytes, fmt: str = "plain", **kw: object
) -> banks.ImportReport:
    return banks.import_list(
        db,
        "list",
        opener(text),
        fmt=fmt,
        source="list.txt",
        actor="test",
        **kw,  # type: ignore[arg-type]
    )


def test_create_list_and_show_a_bank(db: Database) -> None:
    make_bank(db, "ncmec-like", source="hotline feed", licence="members only", kind="block")
    with db.session() as s:
        [summary] = banks.list_banks(s)
    assert (summary.name, summary.source, summary.licence, summary.enabled) == (
        "ncmec-like",
        "hotline feed",
        "members only",
        True,
    )


def test_bank_names_are_unique_and_validated(db: Database) -> None:
    make_bank(db, "a")
    with pytest.raises(banks.BankExists):
        make_bank(db, "a")
    with pytest.raises(banks.InvalidBank):
        make_bank(db, "../etc")
    with pytest.raises(banks.InvalidBank):
        make_bank(db, "b", kind="maybe")


def test_plain_import_types_by_length_and_skips_comments(db: Database) -> None:
    make_bank(db)
    report = import_text(db, f"# list\n{MD5_A}\n\n{SHA1_A.upper()}\n")
    assert (report.read, report.added) == (2, 2)
    assert entries(db) == {("md5", MD5_A), ("sha1", SHA1_A)}


def test_reimport_adds_nothing_twice_and_duplicate_lines_are_harmless(db: Database) -> None:
    make_bank(db)
    import_text(db, f"{MD5_A}\n{MD5_A}\n")
    again = import_text(db, f"{MD5_A}\n{SHA1_A}\n")
    assert (again.read, again.added, again.already_present) == (2, 1, 1)
    assert len(entries(db)) == 2


def test_64_hex_digits_need_a_type(db: Database) -> None:
    make_bank(db)
    with pytest.raises(
        banks.ImportRejected, match=r"list\.txt:1: 64 hex digits may be pdq or sha256"
    ):
        import_text(db, PDQ_A + "\n")
    report = import_text(db, PDQ_A + "\n", default_type="pdq")
    assert report.added == 1 and entries(db) == {("pdq", PDQ_A)}


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (f"{MD5_A}\nnot-hex-at-all-but-32-chars-long\n", "list.txt:2", "must be hex"),
        (f"{MD5_A}\n{MD5_A[:-1]}\n", "list.txt:2", "31 characters"),
        (f"{MD5_A}\n{PDQ_A}zz\n", "list.txt:2", "66 characters"),
    ],
)
def test_a_bad_line_rejects_the_whole_import_with_file_and_line(
    db: Database, text: str, where: str, message: str
) -> None:
    make_bank(db)
    with pytest.raises(banks.ImportRejected) as e:
        import_text(db, text)
    assert where in str(e.value) and message in str(e.value)
    assert entries(db) == set()  # atomic: the good first line was not kept


def test_mixed_types_against_a_declared_type_are_rejected(db: Database) -> None:
    make_bank(db)
    with pytest.raises(
        banks.ImportRejected, match=r"list.txt:2: 32 characters is not a pdq value.*md5"
    ):
        import_text(db, f"{PDQ_A}\n{MD5_A}\n", default_type="pdq")


def test_csv_import_keeps_ids_categories_and_notes(db: Database) -> None:
    make_bank(db)
    text = f"type,value,id,category,note\nmd5,{MD5_A},ext-1,cat-a,first\npdq,{PDQ_A},ext-2,,\n"
    assert import_text(db, text, fmt="csv").added == 2
    with db.session() as s:
        e = s.scalars(select(Entry).where(Entry.value == MD5_A)).one()
        assert (e.external_id, e.category, e.note) == ("ext-1", "cat-a", "first")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"value\n{MD5_A}\n", "header lacks column(s) type"),
        (f"type,value\nmd5,{MD5_A},extra\n", "list.txt:2: 3 fields, but the header has 2"),
        ("", "empty CSV"),
        (f"type,value\nmd4,{MD5_A}\n", "unknown signal type 'md4'"),
    ],
)
def test_malformed_csv_is_rejected(db: Database, text: str, message: str) -> None:
    make_bank(db)
    with pytest.raises(banks.ImportRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_text(db, text, fmt="csv")


def vics(items: list[dict[str, object]], bom: bool = True) -> bytes:
    body = json.dumps({"@odata.context": "x", "value": items}).encode()
    return (b"\xef\xbb\xbf" if bom else b"") + body


def test_vics_hash_set_with_bom_imports_md5_and_sha1(db: Database) -> None:
    make_bank(db)
    data = vics([{"MediaID": 7, "Category": 1, "MD5": MD5_A.upper(), "SHA1": SHA1_A.upper()}])
    assert import_text(db, data, fmt="vics").added == 2
    with db.session() as s:
        rows = s.scalars(select(Entry)).all()
        assert {(r.signal_type, r.external_id, r.category) for r in rows} == {
            ("md5", "7", "1"),
            ("sha1", "7", "1"),
        }


def test_vics_case_export_media_are_imported(db: Database) -> None:
    make_bank(db)
    data = json.dumps(
        {
            "value": [
                {"CaseNumber": "c-1", "Media": [{"MediaID": 1, "MD5": MD5_A}, {"SHA1": SHA1_A}]}
            ]
        }
    ).encode()
    assert import_text(db, data, fmt="vics").added == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (vics([{"MD5": MD5_A}])[:-10], "truncated or malformed JSON"),
        (b'[{"MD5": "x"}]', "top level is an array"),
        (b'{"value": {"MD5": "x"}}', "'value' must be an array"),
        (b'{"media": []}', "no top-level 'value' array"),
        (vics([{"MD5": "abc"}]), r"value\[0\]: MD5: 3 characters"),
        (vics([{"Category": 1}]), r"value\[0\]: no MD5, SHA1 or SHA256"),
    ],
)
def test_malformed_vics_is_rejected(db: Database, data: bytes, message: str) -> None:
    make_bank(db)
    with pytest.raises(banks.ImportRejected, match=message):
        import_text(db, data, fmt="vics")
    assert entries(db) == set()


@pytest.mark.parametrize("fmt", ["plain", "csv", "vics"])
def test_export_then_import_round_trips(db: Database, fmt: str) -> None:
    make_bank(db)
    import_text(db, f"{MD5_A}\n{SHA1_A}\n")
    out = io.BytesIO()
    n = banks.export_list(db, "list", out, fmt=fmt, actor="test")
    assert n == 2
    make_bank(db, "copy")
    banks.import_list(db, "copy", opener(out.getvalue()), fmt=fmt, source="x", actor="test")
    assert entries(db, "copy") == entries(db)


def test_disabling_an_entry_hides_it_records_a_change_and_can_be_undone(db: Database) -> None:
    make_bank(db)
    import_text(db, f"{MD5_A}\n{SHA1_A}\n")
    with db.session() as s:
        changed, missing = banks.set_entries_disabled(
            s, "list", [(None, MD5_A), (None, "0" * 32)], True, "test"
        )
    assert (changed, missing) == (1, ["0" * 32])
    assert entries(db) == {("sha1", SHA1_A)}
    with db.session() as s:
        ops = s.scalars(select(IndexChange.op)).all()
        assert ops == ["entry_disabled"]
        banks.set_entries_disabled(s, "list", [(None, MD5_A)], False, "test")
    assert len(entries(db)) == 2


def test_deleting_a_bank_removes_its_entries(db: Database) -> None:
    make_bank(db)
    import_text(db, f"{MD5_A}\n")
    with db.session() as s:
        assert banks.delete_bank(s, "list", "test") == 1
        assert s.scalar(select(func.count()).select_from(Entry)) == 0
        with pytest.raises(banks.BankNotFound):
            banks.get_bank(s, "list")


def test_concurrent_imports_into_one_bank_lose_nothing_and_duplicate_nothing(db: Database) -> None:
    make_bank(db)
    lists = [
        "\n".join(f"{i:032x}" for i in range(k * 300, k * 300 + 600)) for k in range(4)
    ]  # overlapping halves
    errors: list[BaseException] = []

    def run(text: str) -> None:
        try:
            import_text(db, text)
        except BaseException as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(t,)) for t in lists]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(entries(db)) == 3 * 300 + 600


def test_every_bank_change_is_in_a_verifiable_audit_chain(db: Database) -> None:
    make_bank(db)
    import_text(db, f"{MD5_A}\n")
    with db.session() as s:
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
        assert actions == ["bank.create", "bank.import"]
        assert audit.verify(s).ok


def test_audit_verify_detects_a_changed_or_deleted_record(db: Database) -> None:
    for name in ("a", "b", "c"):
        make_bank(db, name)
    with db.session() as s:
        second = s.scalars(select(AuditEvent).order_by(AuditEvent.id).offset(1).limit(1)).one()
        second.subject = "tampered"
    with db.session() as s:
        result = audit.verify(s)
        assert (result.ok, result.first_bad_id, result.reason) == (
            False,
            second.id,
            "event content was changed",
        )
        s.delete(s.get(AuditEvent, second.id))
    with db.session() as s:
        result = audit.verify(s)
        assert not result.ok and result.reason is not None and "chain broken" in result.reason


def test_stdin_lists_are_spooled_so_they_can_be_read_twice(db: Database, tmp_path: Path) -> None:
    make_bank(db)
    open_ = banks.spool(None, io.BytesIO(f"{MD5_A}\n".encode()))
    report = banks.import_list(db, "list", open_, fmt="plain", source="<stdin>", actor="t")
    assert report.added == 1

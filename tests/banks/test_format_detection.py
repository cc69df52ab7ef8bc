"""Which format a list is in: from its first line first, its name second."""

from __future__ import annotations

import io

import pytest

from safeguard.banks import ImportRejected
from safeguard.banks.formats import LineIssue
from safeguard.banks.formats.csv_format import CsvFormat
from safeguard.banks.formats.detect import detect_format


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"type,value\npdq,abc\n", None, "csv"),
        (b"\xef\xbb\xbfValue,Type,id\n", "list.txt", "csv"),
        (b'"type","value"\n', None, "csv"),
        (b'{"value": []}', None, "vics"),
        (b'\xef\xbb\xbf  {"@odata.context": "x"}', "export", "vics"),
        (b"0123456789abcdef0123456789abcdef\n", None, "plain"),
        (b"0123456789abcdef0123456789abcdef\n", "list.csv", "csv"),
        (b"", "vics.JSON", "vics"),
        (b"# comment\nabc\n", "list.txt", "plain"),
    ],
)
def test_the_format_is_detected_from_the_header_then_the_name(
    head: bytes, name: str | None, expected: str
) -> None:
    assert detect_format(head, name) == expected


def test_reading_a_csv_list_leaves_the_callers_stream_open() -> None:
    stream = io.BytesIO(b"type,value\nmd5," + b"0" * 32 + b"\n")
    entries = list(CsvFormat().read(stream))
    assert not stream.closed
    assert len(entries) == 1 and not isinstance(entries[0], LineIssue)
    stream.seek(0)  # the import's second pass
    assert len(list(CsvFormat().read(stream))) == 1


def test_one_problem_is_not_called_problems() -> None:
    assert "(1 problem)" in str(ImportRejected("list.txt", [LineIssue(2, "bad")], 1))
    assert "(2 problems)" in str(ImportRejected("list.txt", [LineIssue(2, "bad")], 2))

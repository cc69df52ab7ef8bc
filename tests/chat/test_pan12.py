"""The PAN 2012 reader: streamed XML, predator ids and predator lines (benign test files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard.chat.training.pan12 import Pan12Error, iter_conversations, read_pan12

XML = """<?xml version="1.0" encoding="UTF-8"?>
<conversations>
<conversation id="c1">
<message line="1"><author>p1</author><time>23:58</time><text>how old are you</text></message>
<message line="2"><author>k1</author><time>23:59</time><text>12</text></message>
<message line="3"><author>p1</author><time>00:01</time><text>dont tell anyone</text></message>
</conversation>
<conversation id="c2">
<message line="1"><author>x</author><time>10:00</time><text>gg</text></message>
<message line="2"><author>y</author><time>10:01</time><text></text></message>
</conversation>
</conversations>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    xml = tmp_path / "pan12.xml"
    xml.write_text(XML)
    ids = tmp_path / "predators.txt"
    ids.write_text("p1\n")
    lines = tmp_path / "lines.txt"
    lines.write_text("c1\t3\n")
    return xml, ids, lines


def test_conversations_are_read_in_order_with_times_past_midnight(
    corpus: tuple[Path, Path, Path],
) -> None:
    (c1, lines1), (c2, _) = list(iter_conversations(corpus[0]))
    assert [c1.id, c2.id] == ["c1", "c2"]
    assert lines1 == [1, 2, 3]
    times = [m.ts for m in c1.messages]
    assert times == sorted(times)
    assert c2.messages[1].text == ""


def test_ground_truth_marks_predators_and_their_lines(corpus: tuple[Path, Path, Path]) -> None:
    c1, c2 = list(read_pan12(*corpus))
    assert (c1.label, c1.predator, c1.predator_lines) == (1, "p1", frozenset({2}))
    assert (c2.label, c2.predator) == (0, None)


def test_malformed_xml_is_an_error_with_its_position(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<conversations><conversation id='a'><message line='1'><author>x</auth")
    with pytest.raises(Pan12Error, match="malformed XML at line 1"):
        list(iter_conversations(bad))


def test_a_message_without_author_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(
        "<conversations><conversation id='a'><message line='1'></message>"
        "</conversation></conversations>"
    )
    with pytest.raises(Pan12Error, match="no <author>"):
        list(iter_conversations(bad))


def test_another_root_element_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<html><body/></html>")
    with pytest.raises(Pan12Error, match="not <conversations>"):
        list(iter_conversations(bad))


def test_a_malformed_predator_lines_file_is_refused(corpus: tuple[Path, Path, Path]) -> None:
    corpus[2].write_text("c1 3\n")
    with pytest.raises(Pan12Error, match="conversation_id<TAB>line"):
        list(read_pan12(*corpus))

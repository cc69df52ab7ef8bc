"""The pipelined digests (``triage.digests``) give hashlib's answers, whatever the chunks."""

from __future__ import annotations

import hashlib
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.triage.digests import SMALL, StreamDigests


def _expected(data: bytes) -> tuple[str, str, str]:
    return (
        hashlib.md5(data).hexdigest(),
        hashlib.sha1(data).hexdigest(),
        hashlib.sha256(data).hexdigest(),
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3 * SMALL), max_size=6), st.booleans())
def test_any_chunking_gives_the_digests_of_the_whole(sizes: list[int], threads: bool) -> None:
    chunks = [bytes([i % 251]) * n for i, n in enumerate(sizes)]
    with StreamDigests(threads=threads) as digests:
        for chunk in chunks:
            digests.update(chunk)
        got = digests.result()
    whole = b"".join(chunks)
    assert (got.md5, got.sha1, got.sha256) == _expected(whole)
    assert got.size == len(whole)


def test_large_chunks_are_hashed_on_threads_that_end_with_the_stream() -> None:
    before = threading.active_count()
    with StreamDigests() as digests:
        digests.update(b"x" * (2 * SMALL))
        assert threading.active_count() == before + 2
        digests.result()
    assert threading.active_count() == before


def test_the_threads_end_when_reading_fails() -> None:
    before = threading.active_count()
    with pytest.raises(OSError), StreamDigests() as digests:
        digests.update(b"y" * (2 * SMALL))
        raise OSError("the disk went away")
    assert threading.active_count() == before

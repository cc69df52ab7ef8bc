"""URL and search-term canonical forms: what a hotline's list and a platform's check must
agree on, byte for byte, before hashing."""

from __future__ import annotations

import hashlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguard.banks.formats import LineIssue, ParsedEntry, get_format
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.urls import (
    canonical_term,
    canonical_url,
    query_digests,
    term_sha256,
    url_md5,
    url_sha256,
)


@pytest.mark.parametrize(
    ("given_url", "canonical"),
    [
        ("HTTP://Example.COM:80/a/./b/%7euser/?q=1#top", "example.com/a/b/~user?q=1"),
        ("example.com", "example.com/"),
        ("https://example.com:443/", "example.com/"),
        ("https://example.com:8443/x", "example.com:8443/x"),
        ("http://user:secret@Example.com/x/", "example.com/x"),
        ("http://example.com//x/../y/", "example.com/y"),
        ("http://example.com./page", "example.com/page"),
        ("bücher.example/ä b", "xn--bcher-kva.example/%C3%A4%20b"),
        ("http://example.com/a%2fb?x=%7e%2a", "example.com/a%2Fb?x=~%2A"),
        ("//example.com/p?", "example.com/p"),
    ],
)
def test_urls_have_one_canonical_form(given_url: str, canonical: str) -> None:
    assert canonical_url(given_url) == canonical


def test_copies_of_one_location_hash_alike() -> None:
    copies = [
        "http://example.com/gallery/",
        "https://EXAMPLE.com/gallery",
        "example.com:80/./gallery",
        "http://example.com/%67allery",
    ]
    assert len({url_sha256(u) for u in copies}) == 1
    assert url_sha256(copies[0]) == hashlib.sha256(b"example.com/gallery").hexdigest()
    assert url_md5(copies[0]) == hashlib.md5(b"example.com/gallery").hexdigest()


def test_different_locations_hash_apart() -> None:
    assert url_sha256("example.com/a") != url_sha256("example.com/b")
    assert url_sha256("example.com/a?x=1") != url_sha256("example.com/a")
    assert url_sha256("example.com:8080/a") != url_sha256("example.com/a")


@pytest.mark.parametrize("bad", ["", "   ", "http://", "http://exa mple.com:99999/"])
def test_what_is_not_a_url_is_refused(bad: str) -> None:
    with pytest.raises(InvalidSignal):
        canonical_url(bad)


urlish = st.builds(
    lambda scheme, host, port, segs, q: f"{scheme}{host}{port}/{'/'.join(segs)}{q}",
    st.sampled_from(["http://", "https://", "HTTP://", ""]),
    st.from_regex(r"[a-zA-Z][a-zA-Z0-9-]{0,10}\.(com|org|example)", fullmatch=True),
    st.sampled_from(["", ":80", ":8080"]),
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=6),
        max_size=4,
    ),
    st.sampled_from(["", "?a=1", "?b=%7e"]),
)


@given(urlish)
def test_canonical_form_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once


def test_terms_and_queries_share_one_form() -> None:
    assert canonical_term("  Secret   GIFT card! ") == "secret gift card"
    assert term_sha256("ＳＥＣＲＥＴ gift") == term_sha256("secret gift")
    digests = query_digests("where to buy a Secret gift card?")
    assert term_sha256("secret gift") in digests
    assert term_sha256("gift secret") not in digests
    assert len(query_digests("a b c d e f")) == 6 + 5 + 4 + 3 + 2


def test_a_url_list_imports_plain_and_hashed_lines() -> None:
    text = (
        "# a hotline list\n"
        "http://example.com/a/\n"
        f"{url_sha256('example.org/b')}\n"
        f"{url_md5('example.net/c')}\n"
        "http://\n"
    ).encode()
    items = list(get_format("urls").read(io.BytesIO(text)))
    entries = [i for i in items if isinstance(i, ParsedEntry)]
    issues = [i for i in items if isinstance(i, LineIssue)]
    assert [(e.signal_type, e.value) for e in entries] == [
        ("url", url_sha256("example.com/a")),
        ("url", url_sha256("example.org/b")),
        ("url_md5", url_md5("example.net/c")),
    ]
    assert [i.line for i in issues] == [5]


def test_a_keyword_list_imports_terms_hashed() -> None:
    items = list(get_format("keywords").read(io.BytesIO(b"Secret Gift\n\n# note\n")))
    assert items == [ParsedEntry("keyword", term_sha256("secret gift"), 1)]

"""Page signing and verification as properties: any change to a signed page is caught,
key order does not matter, cursors round-trip."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from safeguard.exchange import signing
from safeguard.exchange.errors import InvalidKey, PageRejected
from safeguard.exchange.pages import Cursor
from safeguard.exchange.subscriber import Checkpoint, verify_page

KEY = Ed25519PrivateKey.generate()

items = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.integers(1, 10**9),
            "type": st.sampled_from(["md5", "pdq", "sha256"]),
            "value": st.text("0123456789abcdef", min_size=32, max_size=64),
            "external_id": st.none() | st.text(max_size=20),
            "category": st.none() | st.sampled_from(["A1", "A2", "B1", "B2"]),
            "note": st.none() | st.text(max_size=20),
            "disabled": st.booleans(),
        }
    ),
    min_size=1,
    max_size=5,
)


def _page(page_items: list[dict[str, Any]]) -> dict[str, Any]:
    body = {
        "v": 1,
        "feed": "f",
        "feed_uid": "u",
        "seq": 1,
        "prev": "",
        "next": str(Cursor(1, 9, 0)),
        "more": False,
        "issued_at": "2026-12-05T00:00:00+00:00",
        "items": page_items,
    }
    return {"page": body, "signature": signing.sign(KEY, body)}


START = Checkpoint("f", None, "", 0)


@given(items)
def test_a_signed_page_verifies_whatever_the_key_order(page_items: list[dict[str, Any]]) -> None:
    signed = _page(page_items)
    reordered = {k: signed["page"][k] for k in reversed(list(signed["page"]))}
    body, nxt = verify_page(
        {"page": reordered, "signature": signed["signature"]}, KEY.public_key(), START
    )
    assert body["items"] == page_items and nxt == Cursor(1, 9, 0)


@given(items, st.data())
def test_any_change_to_an_item_is_caught(
    page_items: list[dict[str, Any]], data: st.DataObject
) -> None:
    signed = _page(page_items)
    tampered = copy.deepcopy(signed)
    item = data.draw(st.sampled_from(tampered["page"]["items"]))
    field = data.draw(st.sampled_from(["id", "value", "category", "disabled"]))
    item[field] = {"id": item["id"] + 1, "value": item["value"] + "0", "category": "X",
                   "disabled": not item["disabled"]}[field]  # fmt: skip
    with pytest.raises(PageRejected, match="bad signature"):
        verify_page(tampered, KEY.public_key(), START)


@given(st.integers(0, 10**12), st.integers(0, 10**12), st.integers(0, 10**12))
def test_cursors_round_trip(seq: int, entry: int, change: int) -> None:
    cursor = Cursor(seq, entry, change)
    assert Cursor.parse(cursor.text) == cursor


@pytest.mark.parametrize("bad", ["ed25519:notbase64!", "ed25519:" + "A" * 8, ""])
def test_a_malformed_publisher_key_is_refused(bad: str) -> None:
    with pytest.raises(InvalidKey):
        signing.parse_public_key(bad)

"""Sharing hash lists between Safeguard instances.

A publisher offers a bank as a *feed* (``publisher``); subscribers hold a token per feed and
pull pages of changes since their checkpoint (``subscriber``). Every page is signed with the
publisher's Ed25519 key over a canonical JSON encoding (``signing``) and carries the feed's
id, its sequence number and the cursor it follows, so a subscriber verifies it against the
pinned key and its own checkpoint before writing anything. Reviewers' opinions of
subscribed entries (false positive, confirmed) flow back to the publisher (``opinions``).
"""

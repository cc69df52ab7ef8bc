"""Ed25519 signing of feed pages over a canonical JSON encoding.

Canonical JSON: keys sorted, no whitespace, UTF-8, no floats (pages carry only strings,
integers, booleans and nulls). The instance's key pair is generated once and kept in the
data dir (``exchange/ed25519.pem``, mode 0600); public keys are written
``ed25519:<base64 of the 32 raw bytes>``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from safeguard.exchange.errors import InvalidKey

KEY_PREFIX = "ed25519:"
KEY_FILE = Path("exchange") / "ed25519.pem"


def canonical(obj: Any) -> bytes:
    """The bytes that are signed: sorted keys, compact separators, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def load_or_create_key(data_dir: Path) -> Ed25519PrivateKey:
    """This instance's signing key, generated on first use."""
    path = data_dir / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise InvalidKey(f"{path} is not an Ed25519 private key")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    try:
        os.link(tmp, path)  # another process may have made one first: keep the first
    except FileExistsError:
        tmp.unlink()
        return load_or_create_key(data_dir)
    tmp.unlink()
    return key


def public_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode()


def parse_public_key(text: str) -> Ed25519PublicKey:
    """A public key written ``ed25519:<base64>``; ``InvalidKey`` otherwise."""
    body = text.strip().removeprefix(KEY_PREFIX)
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidKey("the publisher key is not base64 (expected ed25519:<base64>)") from None
    if len(raw) != 32:
        raise InvalidKey(f"an Ed25519 public key has 32 bytes, this one {len(raw)}")
    return Ed25519PublicKey.from_public_bytes(raw)


def sign(key: Ed25519PrivateKey, page: dict[str, Any]) -> str:
    return base64.b64encode(key.sign(canonical(page))).decode()


def verify(public: Ed25519PublicKey, page: dict[str, Any], signature: str) -> bool:
    try:
        public.verify(base64.b64decode(signature, validate=True), canonical(page))
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True

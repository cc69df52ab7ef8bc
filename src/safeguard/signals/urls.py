"""URLs and search terms as signals: the canonical form of a URL and of a term, and the
digests lists are distributed in.

A URL's canonical form (what is hashed), step by step:

1. Surrounding whitespace is dropped; a URL without ``scheme://`` is read as ``http://``.
2. The scheme is dropped from the canonical form (``http`` and ``https`` copies of a page
   are the same location); user info (``user:pass@``) and the fragment (``#...``) are
   dropped too.
3. The host is lower-cased, IDNA-encoded (``bücher.example`` → ``xn--bcher-kva.example``)
   and loses a trailing dot; the port is kept unless it is 80 or 443 (the web's defaults:
   the canonical form has no scheme, so neither can stay for ``http`` or ``https``).
4. In the path and query, percent-escapes of unreserved characters (letters, digits,
   ``-._~``) are decoded, other escapes get upper-case hex, and characters that must be
   escaped (space, non-ASCII as UTF-8) are escaped; ``.`` and ``..`` segments are resolved.
5. The path ends without a slash (``/a/b/`` → ``/a/b``); an empty path is ``/``. The query
   is kept as given (after step 4), without a trailing ``?``.

So ``HTTP://Example.COM:80/a/./b/%7euser/?q=1#top`` is ``example.com/a/b/~user?q=1``.
Lists are distributed hashed: ``url`` entries are the SHA-256 (hex) of the canonical form's
UTF-8 bytes, ``url_md5`` entries its MD5; a list of plain URLs is hashed on import and the
plain URLs are not kept.

A search term's canonical form is NFKC, case-folded, with punctuation at the edges of words
dropped and runs of whitespace made one space; ``keyword`` entries are the SHA-256 of it.
A query matches a term when the term's words occur consecutively in the query (every run of
1 to ``MAX_TERM_WORDS`` words is hashed and looked up).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from urllib.parse import urlsplit

from safeguard.signals.errors import InvalidSignal

#: Ports dropped from the canonical form (it has no scheme to tell them apart).
WEB_PORTS = (80, 443)
MAX_URL = 8192
MAX_QUERY = 2048
MAX_TERM_WORDS = 5
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters left as they are in a path or query (RFC 3986 reserved and unreserved).
_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/?")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _normalise_escapes(part: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "%" and _ESCAPE.match(part, i):
            byte = int(part[i + 1 : i + 3], 16)
            if chr(byte) in _UNRESERVED:
                out.append(chr(byte))
            else:
                out.append(f"%{byte:02X}")
            i += 3
            continue
        if ch in _SAFE:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
        i += 1
    return "".join(out)


def canonical_url(url: str) -> str:
    """The canonical form of ``url`` (see the module docstring); ``InvalidSignal`` if it is
    not a URL with a host."""
    text = url.strip()
    if not text or len(text) > MAX_URL:
        raise InvalidSignal(f"a URL is 1 to {MAX_URL} characters")
    if any(c in text for c in "\r\n\t"):
        raise InvalidSignal("a URL has no control characters")
    if not _SCHEME.match(text):
        text = "http://" + text.removeprefix("//")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as e:
        raise InvalidSignal(f"not a URL: {e}") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InvalidSignal(f"a URL needs a host: {url.strip()!r}")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        host = host.lower()
    if port is not None and not (scheme in ("http", "https") and port in WEB_PORTS):
        host = f"{host}:{port}"
    path = posixpath.normpath(_normalise_escapes(parts.path or "/"))
    path = ("/" + path.lstrip("/")).rstrip("/") or "/"
    query = _normalise_escapes(parts.query)
    return host + path + (f"?{query}" if query else "")


def url_sha256(url: str) -> str:
    return hashlib.sha256(canonical_url(url).encode()).hexdigest()


def url_md5(url: str) -> str:
    return hashlib.md5(canonical_url(url).encode()).hexdigest()


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def words(text: str) -> list[str]:
    """A text's words in canonical form (NFKC, case-folded, edge punctuation dropped)."""
    out = []
    for raw in unicodedata.normalize("NFKC", text).casefold().split():
        word = _EDGE.sub("", raw)
        if word:
            out.append(word)
    return out


def canonical_term(term: str) -> str:
    found = words(term)
    if not found:
        raise InvalidSignal(f"a search term needs at least one word: {term!r}")
    if len(found) > MAX_TERM_WORDS:
        raise InvalidSignal(f"a search term has at most {MAX_TERM_WORDS} words")
    return " ".join(found)


def term_sha256(term: str) -> str:
    return hashlib.sha256(canonical_term(term).encode()).hexdigest()


def query_digests(query: str) -> list[str]:
    """The SHA-256 of every run of 1..``MAX_TERM_WORDS`` consecutive words of a query,
    each once, in order of first appearance."""
    if len(query) > MAX_QUERY:
        raise InvalidSignal(f"a query is at most {MAX_QUERY} characters")
    found = words(query)
    seen: dict[str, None] = {}
    for n in range(1, MAX_TERM_WORDS + 1):
        for i in range(len(found) - n + 1):
            digest = hashlib.sha256(" ".join(found[i : i + n]).encode()).hexdigest()
            seen.setdefault(digest, None)
    return list(seen)

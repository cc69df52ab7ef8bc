"""Local stand-ins on loopback for NCMEC's hash-sharing API and StopNCII's hash API.

Each follows the documented requests and answers as far as they are public (NCMEC:
``GET /v2/entries?from=&to=`` with HTTP Basic, XML ``queryResult`` of ``images``/``videos``
with entries and ``deleted…`` tombstones, paging by ``<paging><next>`` carrying
``start``/``size``/``max``; feedback by ``PUT /v2/entries/{member}/{id}/{TYPE}/feedback``
and ``GET /v2/feedback/{TYPE}/reasons``. StopNCII: ``GET /v1/FetchHashes?startTimestamp=
&pageSize=[&nextPageToken=]`` with the ``Ocp-Apim-Subscription-Key`` and
``x-functions-key`` headers, JSON pages; ``POST /v1/SubmitFeedback``). Element and field
names are those of NCMEC's documentation examples as python-threatexchange's tests carry
them and of the library's dataclasses; the answers are built here. Every request's shape is
checked and problems kept in ``violations``. ``fail_next`` makes the next matching request
fail (a status, or a malformed body) to test refusals.
"""

from __future__ import annotations

import base64
import json
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

NS = "https://hashsharing.ncmec.org/hashsharing/v2"
NCMEC_TIME = ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ")
FEEDBACK_TYPES = {"MD5", "SHA1", "PDNA", "PDQ", "NETCLEAN", "VIDENTIFIER", "TMK_PDQF"}


class _Server:
    """A threaded HTTP server on loopback calling ``handle(handler, method)``."""

    url = ""
    _server: ThreadingHTTPServer | None = None

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        raise NotImplementedError

    def start(self) -> Any:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:
                owner.handle(self, "GET")

            def do_PUT(self) -> None:
                owner.handle(self, "PUT")

            def do_POST(self) -> None:
                owner.handle(self, "POST")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    @staticmethod
    def body(h: BaseHTTPRequestHandler) -> bytes:
        return h.rfile.read(int(h.headers.get("Content-Length") or 0))


def _ncmec_time(text: str) -> int | None:
    for fmt in NCMEC_TIME:
        try:
            return int(datetime.strptime(text, fmt).replace(tzinfo=UTC).timestamp())
        except ValueError:
            continue
    return None


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class NcmecEntry:
    member: int
    id: str
    kind: str  # image | video
    ts: int
    classification: str | None = "A1"
    fingerprints: dict[str, str] = field(default_factory=dict)
    deleted: bool = False
    serial: int = 0


@dataclass
class NcmecHashSharing(_Server):
    """NCMEC's hash-sharing API under ``{url}/hashsharing``."""

    user: str = "hs-user"
    password: str = "hs-pass"
    page_size: int = 5
    entries: dict[tuple[int, str], NcmecEntry] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    feedback: list[tuple[int, str, str, str]] = field(default_factory=list)
    #: (only requests following a ``next`` link?, status or 0 for a malformed body)
    fail_next: tuple[bool, int] | None = None
    #: How many requests in a row fail (the client retries GETs on 5xx).
    fail_times: int = 1
    _serial: int = 0

    @property
    def base(self) -> str:
        return f"{self.url}/hashsharing"

    def put(self, entry: NcmecEntry) -> None:
        """Add or replace an entry (a new version with its own time, later in the stream)."""
        self._serial += 1
        entry.serial = self._serial
        self.entries[(entry.member, entry.id)] = entry

    def delete(self, member: int, entry_id: str, ts: int) -> None:
        old = self.entries[(member, entry_id)]
        self.put(NcmecEntry(member, entry_id, old.kind, ts, None, {}, deleted=True))

    def _authorised(self, h: BaseHTTPRequestHandler) -> bool:
        auth = h.headers.get("Authorization", "")
        if not auth.startswith("Basic "):
            return False
        given = base64.b64decode(auth[6:]).decode()
        return given == f"{self.user}:{self.password}"

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(h.path)
        self.requests.append(f"{method} {h.path}")
        if not self._authorised(h):
            self.send(h, 401, b"Unauthorized", "text/plain")
            return
        path = parts.path.removeprefix("/hashsharing")
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        segments = path.strip("/").split("/")
        if method == "GET" and path == "/v2/entries":
            self.get_entries(h, query)
        elif method == "GET" and path == "/v2/status":
            root = ET.Element("status", xmlns=NS)
            ET.SubElement(root, "member", id="1").text = "Safeguard Test"
            self.send(h, 200, ET.tostring(root, xml_declaration=True), "application/xml")
        elif method == "GET" and segments[:2] == ["v2", "feedback"] and segments[3:] == ["reasons"]:
            if segments[2] not in FEEDBACK_TYPES:
                self.violations.append(f"unknown fingerprint type {segments[2]}")
            root = ET.Element("availableFeedbackReasons", xmlns=NS)
            ET.SubElement(
                root,
                "reason",
                guid="01234567-abcd-0123-4567-012345678900",
                name="Not the content described",
                type=segments[2],
            )
            self.send(h, 200, ET.tostring(root, xml_declaration=True), "application/xml")
        elif method == "PUT" and len(segments) == 6 and segments[5] == "feedback":
            self.put_feedback(h, segments)
        else:
            self.violations.append(f"undocumented request {method} {path}")
            self.send(h, 404, b"", "text/plain")

    def get_entries(self, h: BaseHTTPRequestHandler, q: dict[str, str]) -> None:
        frm, to = _ncmec_time(q.get("from", "")), _ncmec_time(q.get("to", ""))
        if frm is None or to is None:
            self.violations.append(f"entries without from/to in the documented form: {q}")
            self.send(h, 400, b"", "text/plain")
            return
        paging = "start" in q
        if self.fail_next is not None and (paging or not self.fail_next[0]):
            status = self.fail_next[1]
            self.fail_times -= 1
            if self.fail_times <= 0:
                self.fail_next = None
            if status:
                self.send(h, status, b"", "text/plain")
            else:  # an image without its id: the answer is malformed
                bad = f'<queryResult xmlns="{NS}"><images count="1" maxTimestamp="{_iso(to)}">'
                bad += '<image><member id="1">x</member></image></images></queryResult>'
                self.send(h, 200, bad.encode(), "application/xml")
            return
        chosen = sorted(
            (e for e in self.entries.values() if frm <= e.ts <= to), key=lambda e: e.serial
        )
        start = int(q.get("start", "1"))
        size = int(q.get("size", str(self.page_size)))
        page = chosen[start - 1 : start - 1 + size]
        root = ET.Element("queryResult", xmlns=NS)
        for kind in ("image", "video"):
            of_kind = [e for e in page if e.kind == kind]
            if not of_kind:
                continue
            group = ET.SubElement(
                root,
                kind + "s",
                count=str(len(of_kind)),
                maxTimestamp=_iso(max(e.ts for e in of_kind)),
            )
            for e in of_kind:
                tag = ("deleted" + kind.capitalize()) if e.deleted else kind
                el = ET.SubElement(group, tag)
                ET.SubElement(el, "member", id=str(e.member)).text = f"Member {e.member}"
                ET.SubElement(el, "timestamp").text = _iso(e.ts)
                ET.SubElement(el, "id").text = e.id
                if not e.deleted:
                    if e.classification:
                        ET.SubElement(el, "classification").text = e.classification
                    fps = ET.SubElement(el, "fingerprints")
                    for name, value in e.fingerprints.items():
                        ET.SubElement(fps, name).text = value
        if start - 1 + size < len(chosen):
            nxt = urlencode(
                {
                    "from": q["from"],
                    "to": q["to"],
                    "start": start + size,
                    "size": size,
                    "max": len(chosen),
                }
            )
            ET.SubElement(ET.SubElement(root, "paging"), "next").text = f"/v2/entries?{nxt}"
        self.send(h, 200, ET.tostring(root, xml_declaration=True), "application/xml")

    def put_feedback(self, h: BaseHTTPRequestHandler, segments: list[str]) -> None:
        _, _, member, entry_id, kind, _ = segments
        if not h.headers.get("Content-Type", "").startswith("application/xml"):
            self.violations.append("feedback without an XML content type")
        try:
            root = ET.fromstring(self.body(h))
        except ET.ParseError:
            self.violations.append("feedback body is not XML")
            self.send(h, 400, b"", "text/plain")
            return
        if root.tag not in ("feedbackSubmission", f"{{{NS}}}feedbackSubmission"):
            self.violations.append(f"feedback root {root.tag}")
        votes = [c.tag.split("}")[-1] for c in root]
        if votes not in (["affirmative"], ["negative"]):
            self.violations.append(f"feedback children {votes}")
        if votes == ["negative"] and not root.findall(".//guid") + root.findall(f".//{{{NS}}}guid"):
            self.violations.append("negative feedback without a reason guid")
        if kind not in FEEDBACK_TYPES:
            self.violations.append(f"feedback on unknown type {kind}")
        if (int(member), entry_id) not in self.entries:
            self.send(h, 404, b"", "text/plain")
            return
        self.feedback.append((int(member), entry_id, kind, votes[0] if votes else ""))
        root = ET.Element("submissionResult", xmlns=NS)
        self.send(h, 200, ET.tostring(root, xml_declaration=True), "application/xml")


@dataclass
class StopNcii(_Server):
    """StopNCII.org's hash API under ``{url}/v1``."""

    subscription_key: str = "sub-key"
    fetch_key: str = "fetch-key"
    feedback_key: str = "feedback-key"
    page_size_cap: int = 4
    records: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    feedback: list[dict[str, Any]] = field(default_factory=list)
    #: (only requests with a page token?, status, or 0 for a malformed record, 1 for a
    #: body that is not JSON)
    fail_next: tuple[bool, int] | None = None

    @property
    def base(self) -> str:
        return f"{self.url}/v1"

    def put(
        self,
        signal_type: str,
        value: str,
        ts: int,
        status: str = "Active",
        tags: tuple[str, ...] = (),
    ) -> None:
        self.records[(signal_type, value)] = {
            "lastModtimestamp": ts,
            "signalType": signal_type,
            "hashValue": value,
            "hashStatus": status,
            "caseNumbers": {f"case-{len(self.records)}": status},
            "CSPFeedbacks": [
                {"feedbackValue": "Blocked", "tags": list(tags), "source": "Other CSP"}
            ]
            if tags
            else [],
        }

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(h.path)
        self.requests.append(f"{method} {h.path}")
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        endpoint = parts.path.removeprefix("/v1/")
        key = {"FetchHashes": self.fetch_key, "SubmitFeedback": self.feedback_key}.get(endpoint)
        if key is None:
            self.violations.append(f"undocumented request {method} {parts.path}")
            self.send(h, 404, b"{}", "application/json")
            return
        if (
            h.headers.get("Ocp-Apim-Subscription-Key") != self.subscription_key
            or h.headers.get("x-functions-key") != key
        ):
            self.send(h, 401, b'{"message": "Access denied"}', "application/json")
            return
        if endpoint == "FetchHashes" and method == "GET":
            self.fetch(h, q)
        elif endpoint == "SubmitFeedback" and method == "POST":
            body = json.loads(self.body(h) or b"{}")
            items = body.get("hashFeedbacks")
            if not isinstance(items, list) or body.get("count") != len(items):
                self.violations.append(f"SubmitFeedback body {body}")
            for item in items or []:
                if set(item) != {"hashValue", "feedbackValue", "tags"}:
                    self.violations.append(f"SubmitFeedback item {item}")
                self.feedback.append(item)
            self.send(h, 200, b"{}", "application/json")
        else:
            self.violations.append(f"{method} on {endpoint}")
            self.send(h, 405, b"{}", "application/json")

    def fetch(self, h: BaseHTTPRequestHandler, q: dict[str, str]) -> None:
        try:
            start = int(q["startTimestamp"])
            size = int(q.get("pageSize", "800"))
        except (KeyError, ValueError):
            self.violations.append(f"FetchHashes without startTimestamp/pageSize: {q}")
            self.send(h, 400, b"{}", "application/json")
            return
        offset = 0
        if "nextPageToken" in q:
            token = json.loads(base64.urlsafe_b64decode(q["nextPageToken"]))
            start, offset = token["start"], token["offset"]
        size = min(size, self.page_size_cap)
        chosen = sorted(
            (r for r in self.records.values() if r["lastModtimestamp"] >= start),
            key=lambda r: (r["lastModtimestamp"], r["signalType"], r["hashValue"]),
        )
        page = [dict(r) for r in chosen[offset : offset + size]]
        if self.fail_next is not None and ("nextPageToken" in q or not self.fail_next[0]):
            status = self.fail_next[1]
            self.fail_next = None
            if status == 1:  # a proxy's error page, not JSON
                self.send(h, 200, b"<html>gateway</html>", "text/html")
                return
            if status:
                self.send(h, status, b"{}", "application/json")
                return
            if page:
                del page[0]["hashStatus"]  # a record the client cannot read
        more = offset + size < len(chosen)
        token = (
            base64.urlsafe_b64encode(
                json.dumps({"start": start, "offset": offset + size}).encode()
            ).decode()
            if more
            else None
        )
        body = {
            "count": len(page),
            "nextPageToken": token,
            "nextSetTimestamp": page[-1]["lastModtimestamp"] if page else start,
            "hasMoreRecords": more,
            "hashRecords": page,
        }
        self.send(h, 200, json.dumps(body).encode(), "application/json")

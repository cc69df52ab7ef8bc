"""A local stand-in for NCMEC's CyberTipline Reporting API on loopback: the documented
endpoints, HTTP Basic authentication, XML answers with ``responseCode``, and a check of
every request's shape (method, path, content type, form fields, XML elements) that is
written independently of ``safeguard.exchange.cybertip``'s own validation. Shape problems
are answered with the documented codes and kept in ``violations``."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

INCIDENT_TYPES = {
    "Child Pornography (possession, manufacture, and distribution)",
    "Child Sex Trafficking",
    "Child Sex Tourism",
    "Child Sexual Molestation",
    "Misleading Domain Name",
    "Misleading Words or Digital Images on the Internet",
    "Online Enticement of Children for Sexual Act",
    "Unsolicited Obscene Material Sent to a Child",
}
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@dataclass
class Report:
    id: str
    xml: bytes
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    state: str = "open"


@dataclass
class StandIn:
    username: str = "esp-user"
    password: str = "esp-pass"
    fail_path: str | None = None  # answer this path with responseCode 1000
    requests: list[tuple[str, str]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    reports: dict[str, Report] = field(default_factory=dict)
    next_id: int = 1000001
    url: str = ""
    _server: ThreadingHTTPServer | None = None

    def start(self) -> StandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:
                standin.handle(self, "GET")

            def do_POST(self) -> None:
                standin.handle(self, "POST")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/ispws"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- answers -------------------------------------------------------------------------

    def answer(
        self,
        h: BaseHTTPRequestHandler,
        code: int,
        status: int = 200,
        root: str = "reportResponse",
        **fields: Any,
    ) -> None:
        el = ET.Element(root)
        ET.SubElement(el, "responseCode").text = str(code)
        ET.SubElement(el, "responseDescription").text = "Success" if code == 0 else "Error"
        for k, v in fields.items():
            if k == "files":
                files = ET.SubElement(el, "files")
                for f in v:
                    ET.SubElement(files, "fileId").text = f
            else:
                ET.SubElement(el, k).text = str(v)
        body = ET.tostring(el, encoding="utf-8", xml_declaration=True)
        h.send_response(status)
        h.send_header("Content-Type", "application/xml")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def refuse(self, h: BaseHTTPRequestHandler, code: int, why: str, status: int = 400) -> None:
        self.violations.append(why)
        self.answer(h, code, status)

    # --- requests ------------------------------------------------------------------------

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        path = h.path.split("?", 1)[0].removeprefix("/ispws")
        self.requests.append((method, path))
        expected = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        if h.headers.get("Authorization") != f"Basic {expected}":
            self.answer(h, 2000, 401)
            return
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        routes = {
            ("GET", "/status"): self.status,
            ("POST", "/submit"): self.submit,
            ("POST", "/upload"): self.upload,
            ("POST", "/fileinfo"): self.fileinfo,
            ("POST", "/finish"): self.finish,
            ("POST", "/retract"): self.retract,
        }
        route = routes.get((method, path))
        if route is None:
            self.refuse(h, 4000, f"no such endpoint {method} {path}", 404)
            return
        if path == self.fail_path:
            self.answer(h, 1000, 500)
            return
        route(h, body)

    def status(self, h: BaseHTTPRequestHandler, _body: bytes) -> None:
        self.answer(h, 0)

    def _xml(self, h: BaseHTTPRequestHandler, body: bytes, root: str) -> ET.Element | None:
        if not (h.headers.get("Content-Type") or "").startswith("text/xml"):
            self.refuse(h, 4000, f"{root}: Content-Type is not text/xml")
            return None
        try:
            el = ET.fromstring(body)
        except ET.ParseError:
            self.refuse(h, 4110, f"{root}: malformed XML")
            return None
        if el.tag != root:
            self.refuse(h, 4110, f"expected <{root}>, got <{el.tag}>")
            return None
        return el

    def _form_id(self, h: BaseHTTPRequestHandler, body: bytes) -> Report | None:
        if h.headers.get("Content-Type") != "application/x-www-form-urlencoded":
            self.refuse(h, 4000, "finish/retract: not a form")
            return None
        ids = parse_qs(body.decode()).get("id", [])
        report = self.reports.get(ids[0]) if ids else None
        if report is None:
            self.refuse(h, 5001, f"no report {ids}", 404)
        return report

    def submit(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        el = self._xml(h, body, "report")
        if el is None:
            return
        order = [
            "incidentSummary",
            "internetDetails",
            "lawEnforcement",
            "reporter",
            "personOrUserReported",
            "intendedRecipient",
            "victim",
            "additionalInfo",
        ]
        tags = [c.tag for c in el]
        if any(t not in order for t in tags) or tags != sorted(tags, key=order.index):
            self.refuse(h, 4100, f"report children out of order or unknown: {tags}")
            return
        if el.findtext("incidentSummary/incidentType") not in INCIDENT_TYPES:
            self.refuse(h, 4100, "incidentType missing or unknown")
            return
        if not DATETIME.match(el.findtext("incidentSummary/incidentDateTime") or ""):
            self.refuse(h, 4100, "incidentDateTime missing or not a dateTime")
            return
        if el.find("reporter/reportingPerson") is None:
            self.refuse(h, 4100, "reporter/reportingPerson missing")
            return
        report = Report(str(self.next_id), body)
        self.next_id += 1
        self.reports[report.id] = report
        self.answer(h, 0, reportId=report.id)

    def upload(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        kind = h.headers.get("Content-Type") or ""
        if not kind.startswith("multipart/form-data"):
            self.refuse(h, 4200, "upload: not multipart/form-data")
            return
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {kind}\r\n\r\n".encode() + body
        )
        parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
        if set(parts) != {"id", "file"}:
            self.refuse(h, 4200, f"upload: fields {sorted(map(str, parts))}, want id and file")
            return
        report = self.reports.get(parts["id"].get_content().strip())
        if report is None or report.state != "open":
            self.refuse(h, 5001, "upload: no open report with that id", 404)
            return
        data = parts["file"].get_payload(decode=True)
        file_id = hashlib.sha1(data + report.id.encode()).hexdigest()[:16]
        report.files[file_id] = {"bytes": data, "details": None}
        self.answer(h, 0, reportId=report.id, fileId=file_id, hash=hashlib.md5(data).hexdigest())

    def fileinfo(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        el = self._xml(h, body, "fileDetails")
        if el is None:
            return
        report = self.reports.get(el.findtext("reportId") or "")
        file_id = el.findtext("fileId") or ""
        if report is None or file_id not in report.files:
            self.refuse(h, 5002, "fileinfo: unknown report or file", 404)
            return
        cls = el.findtext("industryClassification")
        if cls is not None and cls not in ("A1", "A2", "B1", "B2"):
            self.refuse(h, 4100, f"fileinfo: industryClassification {cls!r}")
            return
        report.files[file_id]["details"] = body
        self.answer(h, 0, reportId=report.id)

    def finish(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        report = self._form_id(h, body)
        if report is None:
            return
        if report.state != "open":
            self.answer(h, 5102 if report.state == "finished" else 5101, 409)
            return
        report.state = "finished"
        self.answer(h, 0, root="reportDoneResponse", reportId=report.id, files=list(report.files))

    def retract(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        report = self._form_id(h, body)
        if report is None:
            return
        if report.state != "open":
            self.answer(h, 5102 if report.state == "finished" else 5101, 409)
            return
        report.state = "retracted"
        self.answer(h, 0, reportId=report.id)

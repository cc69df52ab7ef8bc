"""Reports to NCMEC's CyberTipline through its Reporting API, opened from decided cases.

Followed: NCMEC's CyberTipline Reporting API documentation,
<https://report.cybertip.org/ispws/documentation> (base URIs ``https://report.cybertip.org/
ispws`` and, for testing, ``https://exttest.cybertip.org/ispws``; HTTPS with HTTP Basic
credentials NCMEC issues; ``GET /status``, ``GET /xsd``, ``POST /submit`` (a ``report``
XML document), ``POST /upload`` (multipart ``id`` and ``file``), ``POST /fileinfo`` (a
``fileDetails`` document), ``POST /finish`` and ``POST /retract`` (form field ``id``); every
answer an XML document whose ``responseCode`` is 0 on success). The element order and the
response codes below are as that documentation gives them (read through its section
anchors as cited by an independent client, CyberTipline-Tools); the authoritative schema is
the XSD the service serves at ``/xsd``, which a deployment should validate against before
going live — ``validate_report`` here checks the rules this module relies on, not the
whole XSD.

Safety: a report is only built for a case a reviewer decided (``confirmed`` or
``escalated``) and only sent by an explicit call made for a person (the API and CLI need a
reviewer); media is uploaded only when the deployment keeps evidence (opt-in) and the case
has it — otherwise the report carries the file's hashes and no file. Every report, sent or
failed, is a row in ``cybertip_reports`` with NCMEC's report id, and an audit event.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.errors import Conflict, InvalidInput, SafeguardError, Unprocessable
from safeguard.review.cases import get_case
from safeguard.review.evidence import EvidenceStore
from safeguard.store.db import Database
from safeguard.store.models import Case, CyberTipReport

INCIDENT_TYPES = (
    "Child Pornography (possession, manufacture, and distribution)",
    "Child Sex Trafficking",
    "Child Sex Tourism",
    "Child Sexual Molestation",
    "Misleading Domain Name",
    "Misleading Words or Digital Images on the Internet",
    "Online Enticement of Children for Sexual Act",
    "Unsolicited Obscene Material Sent to a Child",
)
#: Industry classification of a file (the ESP's categorisation).
CLASSIFICATIONS = ("A1", "A2", "B1", "B2")
#: responseCode values of the documentation (0 is success).
RESPONSE_CODES = {
    0: "Success",
    1000: "Server error",
    1100: "Save failed",
    1110: "Upload failed",
    1111: "File upload failed",
    1210: "Resource not found",
    1300: "Update failed",
    2000: "Authentication required",
    3000: "User is not authorized to perform this action",
    3100: "User does not have authorization to make submissions",
    3300: "User does not have authorization to make updates",
    4000: "Invalid request",
    4100: "Validation failed",
    4110: "Malformed XML submittal",
    4200: "Malformed file submittal",
    5001: "Report does not exist",
    5002: "File does not exist",
    5101: "Report already retracted",
    5102: "Report already finished",
}
REPORT_CHILDREN = (
    "incidentSummary",
    "internetDetails",
    "lawEnforcement",
    "reporter",
    "personOrUserReported",
    "intendedRecipient",
    "victim",
    "additionalInfo",
)
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
REPORTABLE_STATUSES = ("confirmed", "escalated")


class CyberTipError(SafeguardError):
    code = "cybertip_error"


class InvalidReport(CyberTipError, InvalidInput):
    code = "invalid_cybertip_report"


class NotDecided(CyberTipError, Conflict):
    """A case no reviewer has decided is never reported."""

    code = "case_not_decided"


class CyberTipRefused(CyberTipError, Unprocessable):
    """The CyberTipline answered with a non-zero responseCode (or not at all)."""

    code = "cybertip_refused"

    def __init__(self, message: str, response_code: int | None = None) -> None:
        super().__init__(message)
        self.response_code = response_code


@dataclass(frozen=True, slots=True)
class Reporter:
    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True, slots=True)
class ReportedUser:
    screen_name: str | None = None
    esp_identifier: str | None = None


@dataclass(frozen=True, slots=True)
class FileHashes:
    md5: str | None = None
    sha1: str | None = None
    industry_classification: str | None = None
    original_file_name: str | None = None


@dataclass
class ReportDraft:
    """What a report says; ``report_xml`` turns it into the ``report`` document."""

    incident_type: str
    incident_at: datetime
    reporter: Reporter
    reported: ReportedUser | None = None
    files: list[FileHashes] = field(default_factory=list)
    additional_info: list[str] = field(default_factory=list)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _when(at: datetime) -> str:
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _document(root: ET.Element) -> bytes:
    root.set("xmlns:xsi", XSI)
    root.set("xsi:noNamespaceSchemaLocation", "https://report.cybertip.org/ispws/xsd")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def report_xml(draft: ReportDraft) -> bytes:
    """The ``report`` document for ``POST /submit`` (validated first)."""
    if draft.incident_type not in INCIDENT_TYPES:
        raise InvalidReport(f"unknown incidentType {draft.incident_type!r}")
    root = ET.Element("report")
    summary = _sub(root, "incidentSummary")
    _sub(summary, "incidentType", draft.incident_type)
    _sub(summary, "incidentDateTime", _when(draft.incident_at))
    reporter = _sub(root, "reporter")
    person = _sub(reporter, "reportingPerson")
    _sub(person, "firstName", draft.reporter.first_name)
    _sub(person, "lastName", draft.reporter.last_name)
    _sub(person, "email", draft.reporter.email)
    if draft.reported is not None:
        reported = _sub(root, "personOrUserReported")
        if draft.reported.esp_identifier:
            _sub(reported, "espIdentifier", draft.reported.esp_identifier)
        if draft.reported.screen_name:
            _sub(reported, "screenName", draft.reported.screen_name)
    for info in draft.additional_info:
        _sub(root, "additionalInfo", info)
    data = _document(root)
    validate_report(data)
    return data


def file_details_xml(report_id: str, file_id: str, file: FileHashes) -> bytes:
    """The ``fileDetails`` document for ``POST /fileinfo`` of an uploaded file."""
    if file.industry_classification not in (None, *CLASSIFICATIONS):
        raise InvalidReport(
            f"industryClassification is one of {', '.join(CLASSIFICATIONS)}, "
            f"not {file.industry_classification!r}"
        )
    root = ET.Element("fileDetails")
    _sub(root, "reportId", report_id)
    _sub(root, "fileId", file_id)
    if file.original_file_name:
        _sub(root, "originalFileName", file.original_file_name)
    _sub(root, "fileRelevance", "Reported")
    if file.industry_classification:
        _sub(root, "industryClassification", file.industry_classification)
    if file.md5:
        _sub(root, "originalFileHash", file.md5, hashType="MD5")
    if file.sha1:
        _sub(root, "originalFileHash", file.sha1, hashType="SHA1")
    data = _document(root)
    validate_file_details(data)
    return data


def _parse(data: bytes, root_tag: str) -> ET.Element:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise InvalidReport(f"not well-formed XML: {e}") from None
    if root.tag != root_tag:
        raise InvalidReport(f"the root element is <{root.tag}>, not <{root_tag}>")
    return root


def validate_report(data: bytes) -> None:
    """The rules of a ``report`` this module relies on: top-level elements known and in the
    documented order; incidentSummary with a known incidentType and an xs:dateTime
    incidentDateTime; a reporter with a reportingPerson that has an email."""
    root = _parse(data, "report")
    order = [REPORT_CHILDREN.index(c.tag) if c.tag in REPORT_CHILDREN else -1 for c in root]
    if -1 in order:
        unknown = [c.tag for c in root if c.tag not in REPORT_CHILDREN]
        raise InvalidReport(f"unknown elements in <report>: {unknown}")
    if order != sorted(order):
        raise InvalidReport("the elements of <report> are not in the documented order")
    kind = root.findtext("incidentSummary/incidentType")
    if kind not in INCIDENT_TYPES:
        raise InvalidReport(f"incidentSummary/incidentType missing or unknown: {kind!r}")
    when = root.findtext("incidentSummary/incidentDateTime") or ""
    if not _DATETIME.match(when):
        raise InvalidReport(f"incidentSummary/incidentDateTime is not a dateTime: {when!r}")
    if not root.findtext("reporter/reportingPerson/email"):
        raise InvalidReport("reporter/reportingPerson/email is required")


def validate_file_details(data: bytes) -> None:
    root = _parse(data, "fileDetails")
    for tag in ("reportId", "fileId"):
        if not root.findtext(tag):
            raise InvalidReport(f"fileDetails/{tag} is required")
    classification = root.findtext("industryClassification")
    if classification is not None and classification not in CLASSIFICATIONS:
        raise InvalidReport(f"industryClassification {classification!r} is not A1/A2/B1/B2")
    for h in root.findall("originalFileHash"):
        if h.get("hashType") not in ("MD5", "SHA1", "SHA256") or not h.text:
            raise InvalidReport("originalFileHash needs a hashType and a value")


@dataclass(frozen=True, slots=True)
class Answer:
    code: int
    description: str
    report_id: str | None
    file_id: str | None
    file_ids: tuple[str, ...]


def parse_answer(response: httpx.Response) -> Answer:
    """The CyberTipline's XML answer; ``CyberTipRefused`` unless responseCode is 0."""
    try:
        root = ET.fromstring(response.content)
        code = int(root.findtext("responseCode") or "-1")
    except (ET.ParseError, ValueError):
        raise CyberTipRefused(
            f"the CyberTipline answered {response.status_code} without a report response"
        ) from None
    description = root.findtext("responseDescription") or RESPONSE_CODES.get(code, "")
    if code != 0:
        raise CyberTipRefused(f"CyberTipline refused ({code}): {description}", code)
    files = tuple(f.text or "" for f in root.iter("fileId"))
    return Answer(code, description, root.findtext("reportId"), files[0] if files else None, files)


class CyberTipClient:
    """The documented requests, one method each, over one HTTP client."""

    def __init__(self, base_url: str, username: str, password: str, *, timeout: float = 60):
        self.base = base_url.rstrip("/")
        self.http = httpx.Client(auth=(username, password), timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> Answer:
        try:
            response = self.http.request(method, self.base + path, **kwargs)
        except httpx.HTTPError as e:
            raise CyberTipRefused(f"CyberTipline unreachable: {e}") from None
        return parse_answer(response)

    def status(self) -> Answer:
        return self._send("GET", "/status")

    def submit(self, report: bytes) -> str:
        answer = self._send(
            "POST", "/submit", content=report, headers={"Content-Type": "text/xml; charset=utf-8"}
        )
        if not answer.report_id:
            raise CyberTipRefused("the submit answer has no reportId")
        return answer.report_id

    def upload(self, report_id: str, filename: str, data: bytes) -> str:
        answer = self._send(
            "POST", "/upload", data={"id": report_id}, files={"file": (filename, data)}
        )
        if not answer.file_id:
            raise CyberTipRefused("the upload answer has no fileId")
        return answer.file_id

    def fileinfo(self, details: bytes) -> None:
        self._send(
            "POST",
            "/fileinfo",
            content=details,
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )

    def finish(self, report_id: str) -> tuple[str, ...]:
        return self._send("POST", "/finish", data={"id": report_id}).file_ids

    def retract(self, report_id: str) -> None:
        self._send("POST", "/retract", data={"id": report_id})


def draft_for_case(
    case: Case, *, reporter: Reporter, incident_type: str, classification: str | None = None
) -> ReportDraft:
    """A report prefilled from a case: the content's hashes, its matches' banks and
    categories, the reviewer's decision and note."""
    signals = case.evidence.get("signals") or {}
    matches = case.evidence.get("matches") or []
    info = [
        f"Safeguard case {case.id}: {case.summary}".strip(),
        f"Decision: {case.decision} by {case.decided_by}"
        + (f" ({case.decision_note})" if case.decision_note else ""),
    ]
    for m in matches[:20]:
        info.append(
            f"Matched {m.get('signal')} in list {m.get('bank')!r} "
            f"(category {m.get('category')}, distance {m.get('distance')})"
        )
    hashes = FileHashes(
        md5=signals.get("md5"),
        sha1=signals.get("sha1"),
        industry_classification=classification,
    )
    for label, value in (("MD5", hashes.md5), ("SHA-1", hashes.sha1), ("PDQ", signals.get("pdq"))):
        if value:
            info.append(f"File {label}: {value}")
    return ReportDraft(
        incident_type=incident_type,
        incident_at=case.created_at,
        reporter=reporter,
        files=[hashes],
        additional_info=info,
    )


def report_case(
    db: Database,
    case_id: int,
    client: CyberTipClient,
    *,
    reporter: Reporter,
    incident_type: str,
    classification: str | None = None,
    evidence: EvidenceStore | None = None,
    actor: str,
) -> CyberTipReport:
    """Send a report for a decided case: submit, upload and describe the kept media (only
    if the deployment keeps evidence and the case has it), finish. On a refusal after
    submit, the open report is retracted. The outcome is stored and audited either way;
    a refusal is raised after it is recorded."""
    if classification not in (None, *CLASSIFICATIONS):
        raise InvalidReport(f"industry classification is one of {', '.join(CLASSIFICATIONS)}")
    with db.session() as session:
        case = get_case(session, case_id)
        if case.status not in REPORTABLE_STATUSES:
            raise NotDecided(
                f"case {case_id} is {case.status}: a reviewer must confirm or escalate it first"
            )
        draft = draft_for_case(
            case, reporter=reporter, incident_type=incident_type, classification=classification
        )
        document = report_xml(draft)
        media = None
        if evidence is not None and evidence.enabled and case.has_media:
            kept = evidence.info(session, case_id)
            data = evidence.load(session, case_id)
            media = (kept.filename if kept and kept.filename else f"case-{case_id}", data)
    report_id: str | None = None
    files: tuple[str, ...] = ()
    error: str | None = None
    try:
        report_id = client.submit(document)
        if media is not None and media[1] is not None:
            file_id = client.upload(report_id, media[0], media[1])
            details = FileHashes(draft.files[0].md5, draft.files[0].sha1, classification, media[0])
            client.fileinfo(file_details_xml(report_id, file_id, details))
        files = client.finish(report_id)
    except (CyberTipRefused, InvalidReport) as e:
        error = str(e)
        if report_id is not None:
            try:
                client.retract(report_id)
            except CyberTipRefused as retract_error:
                error += f"; retract failed: {retract_error}"
    with db.session() as session:
        record = _record(session, case_id, report_id, files, document, error, actor)
    if error is not None:
        raise CyberTipRefused(error)
    return record


def _record(
    session: Session,
    case_id: int,
    report_id: str | None,
    files: tuple[str, ...],
    document: bytes,
    error: str | None,
    actor: str,
) -> CyberTipReport:
    row = CyberTipReport(
        case_id=case_id,
        report_id=report_id,
        status="failed" if error else "finished",
        file_ids=list(files),
        xml=document.decode(),
        error=error,
        created_by=actor,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "cybertip.report" if error is None else "cybertip.failed",
        f"case:{case_id}",
        {"report_id": report_id, "files": len(files), "error": error},
    )
    return row


def session_reports(session: Session, case_id: int) -> list[CyberTipReport]:
    from sqlalchemy import select

    return list(
        session.scalars(
            select(CyberTipReport)
            .where(CyberTipReport.case_id == case_id)
            .order_by(CyberTipReport.id)
        )
    )

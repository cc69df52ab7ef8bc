"""The case report: what was found, and the chain of custody, as data, HTML or PDF.

A report holds counts (per category, known and unknown, deleted, kinds), a timeline of the
files' modification times (per month), and the chain of custody: each source with its
hashes before and after the run (and an E01's stored acquisition hashes and whether they
verified), the tool and its version, and every examiner action from the audit log with its
hash. It never holds media, thumbnails or file content: only hashes, paths and counts.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard import __version__
from safeguard.store.models.triage import TriageCase, TriageItem
from safeguard.triage import categories
from safeguard.triage.case import case_sources, counts, examiner_actions


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def timeline(session: Session, case: TriageCase) -> dict[str, Any]:
    """Files per month of their modification time, with the earliest and latest."""
    months: Counter[str] = Counter()
    earliest: datetime | None = None
    latest: datetime | None = None
    for (value,) in session.execute(
        select(TriageItem.modified)
        .where(TriageItem.case_id == case.id, TriageItem.modified.is_not(None))
        .execution_options(yield_per=5000)
    ):
        if value is None:
            continue
        modified: datetime = value
        months[modified.strftime("%Y-%m")] += 1
        if earliest is None or modified < earliest:
            earliest = modified
        if latest is None or modified > latest:
            latest = modified
    return {
        "field": "modified",
        "earliest": _iso(earliest),
        "latest": _iso(latest),
        "per_month": dict(sorted(months.items())),
    }


def build_report(session: Session, case: TriageCase) -> dict[str, Any]:
    summary = counts(session, case)
    scheme = case.scheme
    per_category = [
        {"code": code, "label": categories.label(scheme, code), "items": n}
        for code, n in summary["categories"].items()
    ]
    sources = []
    for src in case_sources(session, case):
        before, after = src.hash_before or {}, src.hash_after or {}
        fields = ("md5", "sha1", "sha256", "tree_sha256")
        sources.append(
            {
                "position": src.position + 1,
                "location": src.location,
                "kind": src.kind,
                "size": src.size,
                "layout": src.layout,
                "hash_before": src.hash_before,
                "hash_after": src.hash_after,
                "unchanged": None
                if not after
                else all(before.get(k) == after.get(k) for k in fields),
                "acquisition": src.acquisition,
            }
        )
    actions = [
        {
            "id": ev.id,
            "at": _iso(ev.at),
            "actor": ev.actor,
            "action": ev.action,
            "details": json.loads(ev.details),
            "hash": ev.hash,
        }
        for ev in examiner_actions(session, case)
    ]
    return {
        "case": case.name,
        "examiner": case.examiner,
        "scheme": scheme,
        "status": case.status,
        "created_at": _iso(case.created_at),
        "finished_at": _iso(case.finished_at),
        "tool": {"name": "Safeguard", "version": __version__, "case_tool": case.tool_version},
        "generated_at": datetime.now(UTC).isoformat(),
        "counts": summary,
        "categories": per_category,
        "timeline": timeline(session, case),
        "sources": sources,
        "actions": actions,
    }


# --- HTML ------------------------------------------------------------------------------------

_STYLE = """
body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}
table{border-collapse:collapse;margin:0.5em 0 1.5em}
td,th{border:1px solid #999;padding:0.2em 0.5em;text-align:left;vertical-align:top}
code{font-size:0.85em;word-break:break-all}
.bad{color:#a00;font-weight:bold}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _hashes(d: dict[str, Any] | None) -> str:
    if not d:
        return "not recorded"
    keys = ("md5", "sha1", "sha256", "tree_sha256", "size", "files", "at")
    return "<br>".join(f"{k}: <code>{_e(d[k])}</code>" for k in keys if k in d)


def render_html(report: dict[str, Any]) -> str:
    c = report["counts"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>Triage report: {_e(report['case'])}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Triage report: {_e(report['case'])}</h1>",
        _table(
            ["", ""],
            [
                ["Examiner", _e(report["examiner"])],
                ["Scheme", _e(report["scheme"].upper())],
                ["Status", _e(report["status"])],
                ["Opened", _e(report["created_at"])],
                ["Finished", _e(report["finished_at"])],
                ["Tool", _e(f"{report['tool']['name']} {report['tool']['version']}")],
                ["Report generated", _e(report["generated_at"])],
            ],
        ),
        "<h2>Summary</h2>",
        _table(
            ["items", "bytes", "known", "unknown", "deleted", "errors", "stacks"],
            [
                [_e(c[k]) for k in ("items", "bytes", "known", "unknown", "deleted", "errors")]
                + [_e(c["stacks"])]
            ],
        ),
        "<h2>Categories</h2>",
        _table(
            ["code", "label", "items"],
            [[_e(r["code"]), _e(r["label"]), _e(r["items"])] for r in report["categories"]]
            + [["", "Uncategorised", _e(c["uncategorised"])]],
        ),
        f"<p>Pre-categorised by known-hash sets: {_e(c['precategorised'])}; "
        f"categorised by the examiner: {_e(c['examined'])}.</p>",
        "<h2>Timeline (files by month last modified)</h2>",
        f"<p>Earliest {_e(report['timeline']['earliest'])}, "
        f"latest {_e(report['timeline']['latest'])}.</p>",
        _table(
            ["month", "files"],
            [[_e(m), _e(n)] for m, n in report["timeline"]["per_month"].items()],
        ),
        "<h2>Chain of custody</h2>",
        "<h3>Sources</h3>",
    ]
    rows = []
    for s in report["sources"]:
        unchanged = s["unchanged"]
        state = (
            "not yet checked"
            if unchanged is None
            else ("unchanged" if unchanged else "<span class='bad'>CHANGED</span>")
        )
        acq = s["acquisition"]
        acq_text = ""
        if acq:
            verdict = "verified" if acq["verified"] else "<span class='bad'>FAILED</span>"
            acq_text = f"{verdict}<br>{_hashes(acq['stored'])}"
        rows.append(
            [
                _e(s["position"]),
                f"<code>{_e(s['location'])}</code><br>{_e(s['kind'])}",
                _hashes(s["hash_before"]),
                _hashes(s["hash_after"]),
                state,
                acq_text,
            ]
        )
    parts.append(_table(["#", "source", "before", "after", "state", "acquisition hashes"], rows))
    parts.append("<h3>Examiner actions (audit log)</h3>")
    parts.append(
        _table(
            ["id", "time", "actor", "action", "details", "event hash"],
            [
                [
                    _e(a["id"]),
                    _e(a["at"]),
                    _e(a["actor"]),
                    _e(a["action"]),
                    f"<code>{_e(json.dumps(a['details'], sort_keys=True))}</code>",
                    f"<code>{_e(a['hash'])}</code>",
                ]
                for a in report["actions"]
            ],
        )
    )
    parts.append("<p>This report holds no media: only hashes, paths and counts.</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


# --- PDF -------------------------------------------------------------------------------------


def _ascii(value: Any) -> str:
    # The core PDF fonts are Latin-1: anything else is shown as an escape, never dropped.
    text = "" if value is None else str(value)
    return text.encode("latin-1", "backslashreplace").decode("latin-1")


def render_pdf(report: dict[str, Any]) -> bytes:
    from fpdf import FPDF  # the [forensics] extra; imported on use

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def heading(text: str, size: int = 13) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(width, 7, _ascii(text), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_font("Helvetica", "", 9)

    def line(text: str) -> None:
        pdf.multi_cell(width, 5, _ascii(text), new_x="LMARGIN", new_y="NEXT", align="L")

    def mono(text: str) -> None:
        pdf.set_font("Courier", "", 7)
        pdf.multi_cell(width, 4, _ascii(text), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_font("Helvetica", "", 9)

    c = report["counts"]
    heading(f"Triage report: {report['case']}", 16)
    for label, key in (
        ("Examiner", "examiner"),
        ("Scheme", "scheme"),
        ("Status", "status"),
        ("Opened", "created_at"),
        ("Finished", "finished_at"),
        ("Report generated", "generated_at"),
    ):
        line(f"{label}: {report[key]}")
    line(f"Tool: {report['tool']['name']} {report['tool']['version']}")
    heading("Summary")
    line(
        f"{c['items']} items, {c['bytes']} bytes; known {c['known']}, unknown {c['unknown']}; "
        f"deleted {c['deleted']}; errors {c['errors']}; stacks {c['stacks']}"
    )
    heading("Categories")
    for r in report["categories"]:
        line(f"{r['code']}  {r['label']}: {r['items']}")
    line(f"Uncategorised: {c['uncategorised']}")
    line(
        f"Pre-categorised by known-hash sets: {c['precategorised']}; by the examiner: "
        f"{c['examined']}"
    )
    heading("Timeline (files by month last modified)")
    t = report["timeline"]
    line(f"Earliest {t['earliest']}, latest {t['latest']}")
    for month, n in t["per_month"].items():
        line(f"{month}: {n}")
    heading("Chain of custody: sources")
    for s in report["sources"]:
        unchanged = s["unchanged"]
        state = (
            "not yet checked" if unchanged is None else ("unchanged" if unchanged else "CHANGED")
        )
        line(f"#{s['position']} {s['kind']}: {s['location']} ({state})")
        mono("before: " + json.dumps(s["hash_before"], sort_keys=True))
        mono("after:  " + json.dumps(s["hash_after"], sort_keys=True))
        if s["acquisition"]:
            verdict = "verified" if s["acquisition"]["verified"] else "FAILED"
            mono(f"acquisition ({verdict}): " + json.dumps(s["acquisition"]["stored"]))
    heading("Chain of custody: examiner actions (audit log)")
    for a in report["actions"]:
        line(f"#{a['id']} {a['at']} {a['actor']} {a['action']}")
        mono(json.dumps(a["details"], sort_keys=True) + f"  hash {a['hash']}")
    line("This report holds no media: only hashes, paths and counts.")
    return bytes(pdf.output())

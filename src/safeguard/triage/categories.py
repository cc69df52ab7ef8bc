"""Categorisation schemes: UK (A/B/C, as in the Sentencing Council's guideline and CAID)
and Project VIC US (0-4), stored as (scheme, code).

Codes come from two places, kept apart: a known-hash set's entry (``Entry.category``, as
the VICS importer stored it: a number or a letter) pre-categorises what it matches; the
examiner's verdict is their own. ``from_entry`` reads an entry's category in the case's
scheme; ``vics_number`` is the integer a VICS export carries.

The numeric forms of the UK scheme in VICS files differ between exporters; the mapping
here (1/2/3 = A/B/C) is written in one place so a force can check it against its CAID
export and change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeguard.errors import InvalidInput

SCHEMES = ("uk", "us")

#: code -> label, per scheme. "0" in the UK scheme is "not indecent" (not relevant).
LABELS: dict[str, dict[str, str]] = {
    "uk": {
        "A": "Category A",
        "B": "Category B",
        "C": "Category C",
        "0": "Not indecent / not relevant",
    },
    "us": {
        "0": "Non-pertinent",
        "1": "Child abuse material",
        "2": "Child exploitive (non-CAM)",
        "3": "CGI / animation",
        "4": "Comparison images",
    },
}
#: Severity order for sorting and reports (most serious first).
ORDER: dict[str, tuple[str, ...]] = {"uk": ("A", "B", "C", "0"), "us": ("1", "2", "3", "4", "0")}
_UK_NUMBERS = {"A": 1, "B": 2, "C": 3, "0": 0}


@dataclass(frozen=True, slots=True)
class Category:
    scheme: str
    code: str
    #: ``hash:BANK`` (pre-categorised by a known-hash set) or ``examiner:NAME``.
    by: str

    def to_json(self) -> dict[str, str]:
        return {"scheme": self.scheme, "code": self.code, "by": self.by}


def check_scheme(scheme: str) -> str:
    s = scheme.strip().lower()
    if s not in SCHEMES:
        raise InvalidInput(f"unknown scheme {scheme!r}: use uk or us", code="bad_scheme")
    return s


def parse_code(scheme: str, code: str) -> str:
    """The canonical form of a code the examiner typed (``a``, ``Cat A`` -> ``A``)."""
    text = code.strip().upper().removeprefix("CATEGORY").removeprefix("CAT").strip()
    if text in LABELS[scheme]:
        return text
    known = ", ".join(ORDER[scheme])
    raise InvalidInput(f"{code!r} is not a {scheme.upper()} code (use {known})", code="bad_code")


def from_entry(scheme: str, category: str | None) -> str | None:
    """A known-hash entry's category in the case's scheme, or None when it has none or
    it cannot be read in that scheme (it is then shown in ``matches`` only)."""
    if category is None or not category.strip():
        return None
    text = category.strip().upper().removeprefix("CATEGORY").removeprefix("CAT").strip()
    if scheme == "uk":
        if text in ("A", "B", "C"):
            return text
        by_number = {str(n): c for c, n in _UK_NUMBERS.items()}
        return by_number.get(text)
    return text if text in LABELS["us"] else None


def vics_number(scheme: str, code: str | None) -> int | None:
    """The integer ``Category`` of a VICS export."""
    if code is None:
        return None
    if scheme == "uk":
        return _UK_NUMBERS.get(code)
    return int(code) if code.isdigit() else None


def label(scheme: str, code: str | None) -> str:
    if code is None:
        return "Uncategorised"
    return LABELS.get(scheme, {}).get(code, code)

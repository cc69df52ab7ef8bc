"""What every adapter to an external exchange is: a class that fetches pages of records
after a checkpoint, and (where the exchange has one) reports a reviewer's opinion back.

A *record* is the exchange's own unit (an NCMEC entry with several fingerprints, a StopNCII
hash, a line of a file), keyed the way the exchange keys it, so a later page can replace or
delete it. A *page* is what one request brought back, with the checkpoint to resume after
it; ``sources.sync_source`` writes a page and its checkpoint in one transaction. A
checkpoint is plain JSON (the adapter turns the exchange's own checkpoint into it and back).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from safeguard.exchange.errors import AdapterSettingsInvalid, OpinionsUnsupported

Opinion = Literal["confirmed", "false_positive"]


@dataclass(frozen=True, slots=True)
class ExternalSignal:
    """A Safeguard signal (type, normalised value) converted from the exchange's form."""

    signal_type: str
    value: str


@dataclass(frozen=True, slots=True)
class ExternalRecord:
    """One record of the exchange after conversion. ``deleted`` withdraws the record (its
    entries are disabled unless another record of the same source still lists them);
    ``disabled`` keeps it but marks it not to be actioned (the list says false positive)."""

    key: str
    signals: tuple[ExternalSignal, ...] = ()
    category: str | None = None
    tags: tuple[str, ...] = ()
    deleted: bool = False
    disabled: bool = False

    @property
    def note(self) -> str | None:
        return "tags: " + " ".join(self.tags) if self.tags else None


@dataclass
class FetchedPage:
    """Records of one answer and the checkpoint that follows them. ``complete`` means the
    page is the whole list (a file): records of the source not in it are deleted.
    ``skipped`` counts what could not be converted, by reason."""

    records: list[ExternalRecord]
    checkpoint: dict[str, Any]
    complete: bool = False
    skipped: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """A setting an adapter takes: its name, whether it is a credential (kept out of
    listings), whether it is required, and what it means."""

    name: str
    help: str
    required: bool = False
    secret: bool = False
    repeated: bool = False


class ExchangeAdapter(ABC):
    """An external exchange. Subclasses say their ``kind``, their ``options``, and
    implement ``fetch``; ``report_opinion`` where the exchange takes opinions."""

    kind: ClassVar[str]
    description: ClassVar[str]
    options: ClassVar[tuple[OptionSpec, ...]] = ()
    takes_opinions: ClassVar[bool] = False
    #: The Python distribution the adapter needs beyond the core, if any.
    needs: ClassVar[str | None] = None

    def __init__(self, config: Mapping[str, Any], credentials: Mapping[str, str]) -> None:
        self.config = dict(config)
        self.credentials = dict(credentials)

    @classmethod
    def split_options(cls, given: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """(config, credentials) from the options given, checked against ``options``."""
        known = {o.name: o for o in cls.options}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise AdapterSettingsInvalid(
                f"{cls.kind} takes no option {', '.join(unknown)} "
                f"(it takes: {', '.join(known) or 'none'})"
            )
        missing = [o.name for o in cls.options if o.required and not given.get(o.name)]
        if missing:
            raise AdapterSettingsInvalid(f"{cls.kind} needs {', '.join(missing)}")
        config: dict[str, Any] = {}
        credentials: dict[str, str] = {}
        for name, value in given.items():
            if value in (None, "", [], ()):
                continue
            if known[name].secret:
                credentials[name] = str(value)
            else:
                config[name] = value
        cls.check_config(config)
        return config, credentials

    @classmethod
    def check_config(cls, config: Mapping[str, Any]) -> None:
        """Refuse settings that cannot work (``AdapterSettingsInvalid``); the default
        accepts anything ``split_options`` let through."""
        return None

    @abstractmethod
    def fetch(self, checkpoint: Mapping[str, Any] | None) -> Iterator[FetchedPage]:
        """Pages after ``checkpoint`` (None: from the start), until the exchange has no
        more. Raises ``ExternalAuthRefused`` or ``ExternalFetchFailed``; the pages already
        yielded stay valid."""

    def report_opinion(self, record_key: str, signal: ExternalSignal, opinion: Opinion) -> None:
        """Tell the exchange what a reviewer here decided of a signal of one of its records."""
        raise OpinionsUnsupported(f"{self.kind} takes no opinions")

"""ThreatExchange-style signal files: the whole list in one file, read again on every sync
when it changed (its SHA-256 is the checkpoint).

Two layouts, told apart by the first line:

- **Signal lines**, as python-threatexchange's ``LocalFileSignalExchangeAPI`` reads them
  (and is used to read them): ``TYPE VALUE`` per line, or ``VALUE`` alone with the
  ``signal_type`` option. Types are python-threatexchange names (``pdq``, ``video_md5``,
  ``url``, ``url_md5``, …) or Safeguard's.
- **CSV** with the header ``signal_type,signal_str,collab,category,tags``, as
  ``threatexchange dataset --print-signals --csv`` writes it. ``category`` is the
  aggregate opinion: ``NEGATIVE_CLASS`` (a known false positive) is kept disabled; ``tags``
  (space-separated) go to the entry's note.

A file is the whole list: a record no longer in it is deleted at the next sync.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from safeguard.exchange.adapters.base import (
    ExchangeAdapter,
    ExternalRecord,
    FetchedPage,
    OptionSpec,
)
from safeguard.exchange.adapters.signals import TX_NAMES, convert
from safeguard.exchange.errors import AdapterSettingsInvalid, ExternalFetchFailed

CSV_HEADER = ["signal_type", "signal_str", "collab", "category", "tags"]
#: Files larger than this are refused (a list is read into one transaction).
MAX_BYTES = 512 * 1024 * 1024


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


class Adapter(ExchangeAdapter):
    kind = "file"
    description = "ThreatExchange-style signal file or dataset CSV (whole list, re-read on change)"
    options = (
        OptionSpec("path", "The file (read on every sync).", required=True),
        OptionSpec("signal_type", "Type of lines that give only a value (e.g. pdq, video_md5)."),
    )
    needs = "threatexchange"

    @classmethod
    def check_config(cls, config: Mapping[str, Any]) -> None:
        st = config.get("signal_type")
        if st is not None and st not in TX_NAMES and st != "url":
            raise AdapterSettingsInvalid(f"unknown signal type {st!r}")

    def fetch(self, checkpoint: Mapping[str, Any] | None) -> Iterator[FetchedPage]:
        path = Path(str(self.config["path"]))
        if not path.is_file():
            raise ExternalFetchFailed(f"no file {path}")
        digest, size = _digest(path)
        if size > MAX_BYTES:
            raise ExternalFetchFailed(f"{path} is {size} bytes, over {MAX_BYTES}")
        if checkpoint and checkpoint.get("sha256") == digest:
            return
        with path.open("rb") as f:
            head = f.readline().decode("utf-8", "replace").strip().lstrip("\ufeff")
        if [c.strip() for c in head.split(",")] == CSV_HEADER:
            page = self._read_csv(path)
        else:
            page = self._read_lines(path)
        page.checkpoint = {"sha256": digest, "size": size}
        yield page

    def _read_lines(self, path: Path) -> FetchedPage:
        from threatexchange.exchanges.impl.file_api import (
            FileCollaborationConfig,
            LocalFileSignalExchangeAPI,
        )

        collab = FileCollaborationConfig(
            name=path.name, filename=str(path), signal_type=self.config.get("signal_type")
        )
        page = FetchedPage([], {}, complete=True)
        try:
            for delta in LocalFileSignalExchangeAPI(collab).fetch_iter([], None):
                for name, raw in delta.updates:
                    self._add(page, name, raw, None, ())
        except (OSError, UnicodeDecodeError) as e:
            raise ExternalFetchFailed(f"cannot read {path}: {e}") from None
        return page

    def _read_csv(self, path: Path) -> FetchedPage:
        page = FetchedPage([], {}, complete=True)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise ExternalFetchFailed(f"cannot read {path}: {e}") from None
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for line, row in enumerate(reader, start=2):
            if None in row or any(row.get(c) is None for c in CSV_HEADER):
                raise ExternalFetchFailed(f"{path}:{line}: not a row of {','.join(CSV_HEADER)}")
            tags = tuple(t for t in row["tags"].split() if t)
            self._add(page, row["signal_type"], row["signal_str"], row["category"], tags)
        return page

    @staticmethod
    def _add(
        page: FetchedPage, name: str, raw: str, category: str | None, tags: tuple[str, ...]
    ) -> None:
        signal = convert(name.strip(), raw, TX_NAMES)
        if isinstance(signal, str):
            page.skipped[signal] = page.skipped.get(signal, 0) + 1
            return
        page.records.append(
            ExternalRecord(
                f"{signal.signal_type}:{signal.value}",
                (signal,),
                tags=tags,
                disabled=(category or "").strip().upper() == "NEGATIVE_CLASS",
            )
        )

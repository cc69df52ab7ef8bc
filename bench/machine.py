"""What every benchmark records about the machine it ran on: the processor's model name
and the installed versions of the packages it measures; and how a result is printed and kept."""

from __future__ import annotations

import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def cpu_model() -> str:
    """The processor's model name from /proc/cpuinfo (``platform.processor()`` says only
    "x86_64" on Linux), or what the platform module knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def version(package: str) -> str | None:
    """The installed version of ``package``, or None when it is not installed."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def versions(*packages: str) -> dict[str, str | None]:
    return {p: version(p) for p in packages}


def rss() -> int:
    """Resident set size of this process, in bytes (0 where /proc does not say)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def emit(result: dict[str, Any], name: str | None) -> None:
    """Print ``result`` as JSON and, with a ``name``, keep it as ``bench/results/NAME.json``."""
    text = json.dumps(result, indent=1)
    print(text)
    if name:
        (RESULTS / f"{name}.json").write_text(text + "\n")

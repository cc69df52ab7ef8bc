"""The layers point one way (docs/architecture.md): a package imports only from its own
layer or below; only ``service`` knows HTTP (FastAPI, Starlette) and only ``cli`` knows
Typer. Every import in ``src/safeguard`` counts, including those inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "safeguard"

#: Lower numbers are lower layers. A package not listed here fails the test: place it.
LAYER = {
    "errors": 0,
    "config": 0,
    "signals": 1,
    "index": 1,
    "store": 2,
    "audit": 2,
    "banks": 3,
    "matching": 3,
    "access": 4,
    "review": 4,
    "scan": 5,
    "chat": 5,
    "stream": 5,
    "link": 5,
    "triage": 5,
    "exchange": 5,
    "service": 6,
    "cli": 7,
}
ONLY = {"fastapi": "service", "starlette": "service", "typer": "cli"}


def _package(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[0]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "safeguard":
                out.extend(f"safeguard.{alias.name}" for alias in node.names)
            else:
                out.append(node.module)
    return out


def _modules() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC]


def test_every_package_has_a_layer() -> None:
    packages = {_package(p) for p in _modules()}
    assert packages <= set(LAYER), packages - set(LAYER)


def test_imports_point_down() -> None:
    wrong = []
    for path in _modules():
        here = _package(path)
        for name in _imports(path):
            if not name.startswith("safeguard."):
                continue
            there = name.split(".")[1]
            if there in ("__version__",) or there == here:
                continue
            if LAYER.get(there, 99) > LAYER[here]:
                wrong.append(f"{path.relative_to(SRC)} imports {name}")
    assert wrong == []


def test_only_the_edges_know_http_and_the_command_line() -> None:
    wrong = []
    for path in _modules():
        here = _package(path)
        for name in _imports(path):
            owner = ONLY.get(name.split(".")[0])
            if owner is not None and owner != here:
                wrong.append(f"{path.relative_to(SRC)} imports {name}")
    assert wrong == []

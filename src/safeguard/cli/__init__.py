"""The ``safeguard`` command line: one module per command group, loaded when it is used."""

from safeguard.cli.app import app, main

__all__ = ["app", "main"]

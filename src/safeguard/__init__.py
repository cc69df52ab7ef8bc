"""Safeguard: find and stop online child sexual exploitation and abuse."""

__version__ = "0.1.0"

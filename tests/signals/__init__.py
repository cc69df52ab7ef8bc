"""Tests of safeguard.signals."""

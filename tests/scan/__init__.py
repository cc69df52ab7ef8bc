"""Tests of safeguard.scan."""

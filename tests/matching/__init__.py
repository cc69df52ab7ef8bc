"""Tests of safeguard.matching."""

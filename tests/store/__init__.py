"""Tests of safeguard.store."""

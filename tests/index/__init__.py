"""Tests of safeguard.index."""

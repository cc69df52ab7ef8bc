"""Tests of safeguard.review."""

"""Tests of safeguard.stream."""

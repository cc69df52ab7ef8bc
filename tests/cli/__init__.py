"""Tests of safeguard.cli."""

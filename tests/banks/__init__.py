"""Tests of safeguard.banks."""

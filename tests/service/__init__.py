"""Tests of safeguard.service."""

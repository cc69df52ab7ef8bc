"""Conversation and livestream-comment risk: signals with reasons, a learned model,
incremental scoring with bounded state, and evaluation (PAN12 metrics, eSPD latency)."""

"""Signals: decoding, fingerprints of content. No storage, no HTTP."""

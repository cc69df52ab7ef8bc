"""Benchmarks: each module measures one part of Safeguard against its anchors in the same run
and prints one JSON object. ``corpus`` builds the benign image corpus they share.

Nothing here is imported at package import time: ``bench.hashing`` must pin the BLAS thread
counts before numpy is loaded.
"""

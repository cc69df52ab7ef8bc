"""Matching: a matcher over the enabled banks' indexes, answering signals with matches."""

"""Offline tooling for the chat models: corpus generators, training and evaluation.

Nothing here runs while a platform scores conversations; ``safeguard.chat`` (the runtime
scorer) never imports this package.
"""

"""``python -m safeguard.cli``: the same as the ``safeguard`` command."""

from safeguard.cli.app import main

main()

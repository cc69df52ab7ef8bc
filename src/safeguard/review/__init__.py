"""Review: the central check (hash → match → rules → action → case → audit), rules, cases,
evidence kept for review, and webhooks that tell other systems about decisions."""

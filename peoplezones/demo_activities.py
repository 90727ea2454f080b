"""Demo data: activities and initiatives."""


def load(state: dict) -> None:
    """Load this part's demo data (safe to run again)."""

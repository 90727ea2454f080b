"""Demo data: reviews."""


def load(state: dict) -> None:
    """Load this part's demo data (safe to run again)."""

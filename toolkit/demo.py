"""Demo data: the toolkit's methods."""


def load(state: dict) -> None:
    """Load the toolkit's methods (safe to run again)."""

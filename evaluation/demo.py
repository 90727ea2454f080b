"""Demo data: indicators, measurements and board packs."""


def load(state: dict) -> None:
    """Load the evaluation demo data (safe to run again)."""

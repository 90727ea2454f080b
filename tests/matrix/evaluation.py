"""Permission matrix rows: evaluation (see tests/matrix/__init__.py)."""

ROWS: dict[str, tuple] = {}


def populate(world) -> None:
    """Create the objects this part's rows probe, as attributes of the world."""

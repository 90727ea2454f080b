"""Permission matrix rows: reviews (see tests/matrix/__init__.py)."""

ROWS: dict[str, tuple] = {}

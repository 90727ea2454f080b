"""Permission matrix rows: activities (see tests/matrix/__init__.py)."""

ROWS: dict[str, tuple] = {}

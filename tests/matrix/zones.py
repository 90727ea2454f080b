"""Permission matrix rows: zones (see tests/matrix/__init__.py)."""

ROWS: dict[str, tuple] = {}

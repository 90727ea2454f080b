"""Permission matrix rows: issues (see tests/matrix/__init__.py)."""

ROWS: dict[str, tuple] = {}

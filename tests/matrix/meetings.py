"""Permission matrix rows: meetings (see tests/matrix/__init__.py)."""

ROWS: dict[str, tuple] = {}

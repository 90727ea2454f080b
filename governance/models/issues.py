"""Governance models: issues."""

__all__: list[str] = []

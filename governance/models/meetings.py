"""Governance models: meetings."""

__all__: list[str] = []

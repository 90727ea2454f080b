"""Governance models: reviews."""

__all__: list[str] = []

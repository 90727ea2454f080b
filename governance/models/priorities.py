"""Governance models: priorities."""

__all__: list[str] = []

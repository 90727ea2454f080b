"""Governance URLs: issues."""

urlpatterns: list = []

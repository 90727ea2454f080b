"""Governance URLs: reviews."""

urlpatterns: list = []

"""Governance URLs: meetings."""

urlpatterns: list = []

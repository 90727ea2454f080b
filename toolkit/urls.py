"""Toolkit URLs."""

urlpatterns: list = []

"""Evaluation URLs."""

urlpatterns: list = []

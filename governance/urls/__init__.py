"""Governance URLs: each part of governance keeps its own list."""

from governance.urls import accounts, issues, meetings, reviews

urlpatterns = accounts.urlpatterns + meetings.urlpatterns + issues.urlpatterns + reviews.urlpatterns

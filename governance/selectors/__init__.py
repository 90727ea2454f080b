"""Reads of governance, one module per part: `governance.selectors.<part>`."""

from governance.selectors.people import ANONYMOUS, Roles, body_counts_by_level, roles_for

__all__ = ["ANONYMOUS", "Roles", "body_counts_by_level", "roles_for"]

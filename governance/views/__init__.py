"""Governance pages, one module per part: `governance.views.<part>`."""

"""Governance forms, one module per part: `governance.forms.<part>`."""

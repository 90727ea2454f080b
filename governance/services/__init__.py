"""Writes of governance, one module per part: `governance.services.<part>`."""

from governance.services.people import (
    body_upsert,
    membership_set,
    organisation_upsert,
    person_upsert,
)

__all__ = ["body_upsert", "membership_set", "organisation_upsert", "person_upsert"]

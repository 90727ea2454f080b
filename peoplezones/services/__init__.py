"""Writes of People Zones, one module per part: `peoplezones.services.<part>`."""

from peoplezones.services.zones import panel_member_set, zone_upsert

__all__ = ["panel_member_set", "zone_upsert"]

"""Reads of People Zones, one module per part: `peoplezones.selectors.<part>`."""

from peoplezones.selectors.zones import zone_list

__all__ = ["zone_list"]

"""Reads of People Zones."""

from django.db.models import QuerySet

from peoplezones.models import Zone


def zone_list(*, statuses: tuple[str, ...] | None = None) -> QuerySet[Zone]:
    """Zones with their CSP and JAG, optionally only those in the given statuses."""
    zones = Zone.objects.select_related("csp", "jag")
    if statuses:
        zones = zones.filter(status__in=statuses)
    return zones

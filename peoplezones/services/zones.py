"""Writes of People Zones and their community panels."""

from django.db import transaction

from governance.models import Body, User
from peoplezones.models import PanelMembership, Zone


@transaction.atomic
def zone_upsert(
    *,
    slug: str,
    name: str,
    area_type: str,
    district: str,
    csp: Body,
    jag: Body | None,
    status: str,
    description: str = "",
) -> Zone:
    """Create or update the zone with this slug."""
    zone = Zone.objects.filter(slug=slug).first() or Zone(slug=slug)
    zone.name, zone.area_type, zone.district = name, area_type, district
    zone.csp, zone.jag, zone.status, zone.description = csp, jag, status, description
    zone.full_clean()
    zone.save()
    return zone


@transaction.atomic
def panel_member_set(*, zone: Zone, user: User, is_chair: bool = False) -> PanelMembership:
    """Put the person on the zone's community panel, as its chair if asked."""
    if is_chair:
        zone.panel.filter(is_chair=True).exclude(user=user).update(is_chair=False)
    membership, _ = PanelMembership.objects.update_or_create(
        zone=zone, user=user, defaults={"is_chair": is_chair}
    )
    return membership

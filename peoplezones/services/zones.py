"""Writes of People Zones and their community panels."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from config.domain import DomainError
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
    **details,
) -> Zone:
    """Create or update the zone with this slug; `details` are its location and dates."""
    zone = Zone.objects.filter(slug=slug).first() or Zone(slug=slug)
    zone.name, zone.area_type, zone.district = name, area_type, district
    zone.csp, zone.jag, zone.status, zone.description = csp, jag, status, description
    for field in ("location", "latitude", "longitude", "opened_on", "closed_on"):
        if field in details:
            setattr(zone, field, details[field])
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


# Zones open and close over time; a closed zone may open again, but never goes back to
# being only proposed.
ZONE_TRANSITIONS: dict[str, set[str]] = {
    Zone.Status.PROPOSED: {Zone.Status.ACTIVE, Zone.Status.CLOSED},
    Zone.Status.ACTIVE: {Zone.Status.CLOSED},
    Zone.Status.CLOSED: {Zone.Status.ACTIVE},
}

ZONE_FIELDS = (
    "name",
    "area_type",
    "district",
    "csp",
    "jag",
    "description",
    "location",
    "latitude",
    "longitude",
)


# Addresses under /zones/ that are pages, not zones.
RESERVED_SLUGS = {"new"}


def _unique_slug(name: str, *, exclude: int | None = None) -> str:
    base = slugify(name)[:190] or "zone"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Zone.objects.filter(slug=slug).exclude(pk=exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def zone_create(*, actor: User, **values) -> Zone:
    """Propose a new zone; its address comes from its name."""
    zone = Zone(status=Zone.Status.PROPOSED, slug=_unique_slug(values["name"]))
    for name in ZONE_FIELDS:
        if name in values:
            setattr(zone, name, values[name])
    zone._history_user = actor
    zone.full_clean()
    zone.save()
    return zone


@transaction.atomic
def zone_update(*, actor: User, zone: Zone, **values) -> Zone:
    """Change a zone's details (not its status, which has its own moves)."""
    for name in ZONE_FIELDS:
        if name in values:
            setattr(zone, name, values[name])
    zone._history_user = actor
    zone.full_clean()
    zone.save()
    return zone


@transaction.atomic
def zone_status_change(
    *, actor: User, zone: Zone, status: str, on: datetime.date | None = None
) -> Zone:
    """Open, close or reopen a zone, recording the date."""
    zone = Zone.objects.select_for_update().get(pk=zone.pk)
    on = on or timezone.localdate()
    if status not in ZONE_TRANSITIONS[zone.status]:
        raise DomainError(
            f"A {zone.get_status_display().lower()} zone cannot become "
            f"{Zone.Status(status).label.lower()}.",
            field="status",
        )
    if on > timezone.localdate():
        raise DomainError("The date cannot be in the future.", field="on")
    if status == Zone.Status.ACTIVE:
        if zone.closed_on and on < zone.closed_on:
            raise DomainError("A zone cannot reopen before the day it closed.", field="on")
        zone.opened_on = zone.opened_on or on
        zone.closed_on = None
    else:
        if zone.opened_on and on < zone.opened_on:
            raise DomainError("A zone cannot close before the day it opened.", field="on")
        zone.closed_on = on
    zone.status = status
    zone._history_user = actor
    zone.full_clean()
    zone.save()
    return zone

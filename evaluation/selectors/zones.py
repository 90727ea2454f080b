"""Which zones a person's evaluation covers."""

from django.db.models import QuerySet

from evaluation.permissions import evaluation_zone_ids, zone_evaluation_or_refuse
from peoplezones.models import Zone


def readable_zones(user) -> QuerySet[Zone]:
    """The zones whose evaluation this person may read (proposed zones have none yet)."""
    zones = Zone.objects.exclude(status=Zone.Status.PROPOSED).select_related("csp", "jag")
    scope = evaluation_zone_ids(user)
    return (zones if scope is None else zones.filter(pk__in=scope)).order_by("name")


def evaluation_zone(user, slug: str, *, write: bool = False) -> Zone:
    """The zone if this person may read its evaluation (403 without any evaluation, 404 for
    another zone); with `write`, only for its indicators' editors."""
    zone = Zone.objects.select_related("csp", "jag").filter(slug=slug).first()
    zone_evaluation_or_refuse(user, zone, write=write)
    return zone

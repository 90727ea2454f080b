"""Reads of activities, each with a fixed number of queries whatever the zone holds."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from governance.selectors import roles_for
from peoplezones import permissions
from peoplezones.models import Activity, ActivityDomain, ResilienceDomain, Zone
from peoplezones.selectors.zones import zones_matching
from toolkit.models import Method

ACTIONS = {
    "view": lambda user, activity: True,
    "edit": permissions.can_edit_activity,
    "verify": permissions.can_verify_activity,
}
# An activity shows its toolkit method by title and links to it by slug: the method's long
# texts (and its search vector) are left in the database.
METHOD_SHOWN = {"id", "title", "slug", "status", "revision_of"}
METHOD_NOT_READ = [
    f"method__{field.name}"
    for field in Method._meta.concrete_fields
    if field.name not in METHOD_SHOWN
]
REFUSED = {
    "edit": "Only the panel member who logged an activity can change it.",
    "verify": "Only OPCC officers and the zone's core team verify activities, never their own.",
}


def _with_domains(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    return (
        activities.select_related("zone", "logged_by", "method")
        .defer(*METHOD_NOT_READ)
        .prefetch_related(Prefetch("domain_links", queryset=ActivityDomain.objects.order_by("pk")))
    )


NEWEST_FIRST = ("-occurred_on", "-pk")


def activity_list(*, user, **filters) -> QuerySet[Activity]:
    """The activities this person may read, newest first, filtered as asked (see
    `activities_filtered`), with their zone, author, method and domains."""
    return _with_domains(activities_filtered(user=user, **filters))


def activities_filtered(
    *,
    user,
    zone: Zone | None = None,
    domain: str = "",
    principle: str = "",
    month: datetime.date | None = None,
    verified: bool | None = None,
    zone_search: str = "",
) -> QuerySet[Activity]:
    """The activities this person may read, newest first, filtered as asked, without what
    a list shows of each; `zone_search` keeps the zones with that slug or with it in their
    name."""
    activities = Activity.objects.all()
    scope = permissions.activity_zone_ids(user)
    if scope is not None:
        activities = activities.filter(zone_id__in=scope)
    if zone is not None:
        activities = activities.filter(zone=zone)
    if zone_search:
        activities = activities.filter(zone_id__in=zones_matching(zone_search).values("pk"))
    # Each activity holds a domain or a principle once, so these joins add no duplicates.
    if domain:
        activities = activities.filter(domain_links__domain=domain)
    if principle:
        activities = activities.filter(principle_links__principle=principle)
    if month is not None:
        activities = activities.in_month(month)
    if verified is not None:
        activities = activities.verified(verified)
    return activities.order_by(*NEWEST_FIRST)


def activities_shown(window: QuerySet[Activity]) -> QuerySet[Activity]:
    """A slice of `activities_filtered` with what a list shows of each, in one query (and
    one for the domains). The slice is cut first, so the zone, author and method are read
    for the page's rows only, not for every activity of the zones searched."""
    return _with_domains(Activity.objects.filter(pk__in=window.values("pk"))).order_by(
        *NEWEST_FIRST
    )


def activity_get_for_user(user, pk: int, *, action: str = "view") -> Activity:
    """The activity if this person may read it (else 404) and do `action` (else 403)."""
    activity = (
        _with_domains(Activity.objects.filter(pk=pk))
        .select_related("verified_by", "objective")
        .prefetch_related("principle_links", "organisations")
        .first()
    )
    if activity is None or not permissions.can_view_activities_of_zone(user, activity.zone):
        raise Http404("No such activity.")
    if not ACTIONS[action](user, activity):
        raise PermissionDenied(REFUSED[action])
    return activity


def zone_for_activities(user, slug: str, *, action: str = "view") -> Zone:
    """The zone if this person may read its activities (else 404); for `action="log"`,
    only its panel members (others who may read them get 403)."""
    zone = Zone.objects.select_related("csp", "jag").filter(slug=slug).first()
    if zone is None or not permissions.can_view_activities_of_zone(user, zone):
        raise Http404("No such zone.")
    if action == "log" and not permissions.can_log_activity_in_zone(user, zone):
        raise PermissionDenied("Only members of the zone's community panel log its activities.")
    return zone


def zones_for_activities(user) -> QuerySet[Zone]:
    """The zones whose activities this person may read."""
    scope = permissions.activity_zone_ids(user)
    zones = Zone.objects.all()
    return zones if scope is None else zones.filter(pk__in=scope)


def activity_total_is_cheap(user, *, zone: Zone | None = None) -> bool:
    """Whether counting the list is cheap: so when it holds a few zones' activities (a
    zone's list, or a panel member's or core team's zones), not when it holds every zone's."""
    return zone is not None or permissions.activity_zone_ids(user) is not None


def recent_activities(zone: Zone, *, limit: int = 5) -> list[Activity]:
    """The zone's latest activities with their domains (two queries)."""
    return list(_with_domains(zone.activities.all()).order_by("-occurred_on", "-pk")[:limit])


def activities_logged_by(user, *, limit: int = 5) -> list[Activity]:
    """The person's own latest entries (two queries)."""
    activities = _with_domains(Activity.objects.filter(logged_by=user))
    return list(activities.order_by("-logged_at", "-pk")[:limit])


def activities_awaiting_verification(user, *, limit: int = 5) -> tuple[int, list[Activity]]:
    """How many activities this person could verify are waiting, and the oldest few."""
    activities = Activity.objects.verified(False).exclude(logged_by=user)
    if not roles_for(user).is_officer:
        activities = activities.filter(zone_id__in=permissions.core_team_zone_ids(user))
    waiting = _with_domains(activities).order_by("logged_at", "pk")
    return waiting.count(), list(waiting[:limit])


def activity_counts_by_domain(
    *,
    zones: QuerySet[Zone] | list[Zone] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    verified_only: bool = False,
) -> dict[str, int]:
    """How many activities touched each resilience domain (one query), every domain listed.

    A contract for evaluation and reports: `{domain value: count}` in the seed's order.
    """
    links = ActivityDomain.objects.all()
    if zones is not None:
        links = links.filter(activity__zone__in=zones)
    if since is not None:
        links = links.filter(activity__occurred_on__gte=since)
    if until is not None:
        links = links.filter(activity__occurred_on__lte=until)
    if verified_only:
        links = links.filter(activity__verified_at__isnull=False)
    counts = dict(links.values_list("domain").annotate(n=Count("id")).values_list("domain", "n"))
    return {value: counts.get(value, 0) for value in ResilienceDomain.values}


def recent_months(count: int = 24) -> list[datetime.date]:
    """The first day of this month and of the months before it, newest first."""
    month = timezone.localdate().replace(day=1)
    months = []
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months

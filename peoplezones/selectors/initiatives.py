"""Reads of partner initiatives: who sees which follows `permissions.can_view_initiative`."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from governance.selectors import roles_for
from peoplezones import permissions
from peoplezones.models import Initiative, InitiativeZone, Milestone, Objective, Zone
from peoplezones.selectors.zones import zones_matching

ACTIONS = {
    "view": lambda user, initiative: True,
    "review": permissions.can_review_initiative,
    "withdraw": permissions.can_withdraw_initiative,
}
REFUSED = {
    "review": "Only OPCC officers and the zone's core team review initiatives.",
    "withdraw": "Only the organisation that submitted an initiative can withdraw it.",
}


def _visible(user) -> Q | None:
    """What this person may see, as a filter; None means everything (officers)."""
    roles = roles_for(user)
    if roles.is_officer:
        return None
    seen = Q(pk__in=[])
    if roles.is_partner:
        seen |= Q(organisation=roles.organisation)
    core = permissions.core_team_zone_ids(user)
    if core:
        seen |= Q(zone_links__zone_id__in=core)
    if roles.zone_ids:
        seen |= Q(zone_links__zone_id__in=roles.zone_ids, status=Initiative.Status.ACCEPTED)
    return seen


def _with_zones(initiatives: QuerySet[Initiative], *, placed: bool = False) -> QuerySet:
    """With the organisation and the zones (and, when `placed`, where each sits in the
    zone's plan) in two queries."""
    links = InitiativeZone.objects.select_related("zone").order_by("zone__name")
    if placed:
        links = links.select_related("objective", "milestone")
    return initiatives.select_related("organisation").prefetch_related(
        Prefetch("zone_links", queryset=links)
    )


def initiative_list(
    *,
    user,
    status: str = "",
    zone: Zone | None = None,
    organisation_id: int | None = None,
    zone_search: str = "",
) -> QuerySet[Initiative]:
    """The initiatives this person may see, newest first, filtered as asked;
    `zone_search` keeps those for a zone with that slug or with it in its name."""
    initiatives = Initiative.objects.all()
    visible = _visible(user)
    if visible is not None:
        # Several links may match one initiative: filter by ids so no row comes twice.
        initiatives = initiatives.filter(pk__in=Initiative.objects.filter(visible).values("pk"))
    if status:
        initiatives = initiatives.filter(status=status)
    if zone is not None:
        initiatives = initiatives.filter(pk__in=zone.initiative_links.values("initiative_id"))
    if zone_search:
        links = InitiativeZone.objects.filter(zone__in=zones_matching(zone_search))
        initiatives = initiatives.filter(pk__in=links.values("initiative_id"))
    if organisation_id:
        initiatives = initiatives.filter(organisation_id=organisation_id)
    return _with_zones(initiatives).order_by("-submitted_at", "-pk")


def initiative_get_for_user(user, pk: int, *, action: str = "view") -> Initiative:
    """The initiative if this person may see it (else 404) and do `action` (else 403)."""
    initiative = (
        _with_zones(Initiative.objects.filter(pk=pk), placed=True)
        .select_related("submitted_by", "reviewer", "decided_by", "withdrawn_by")
        .first()
    )
    if initiative is None or not permissions.can_view_initiative(user, initiative):
        raise Http404("No such initiative.")
    if not ACTIONS[action](user, initiative):
        raise PermissionDenied(REFUSED[action])
    return initiative


def zone_open_initiatives(user, zone: Zone, *, limit: int = 5) -> list[Initiative]:
    """Initiatives for the zone this person may see that are awaiting a decision or
    accepted and not yet over, newest first."""
    running = Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate())
    open_now = Q(status__in=Initiative.UNDECIDED) | Q(running, status=Initiative.Status.ACCEPTED)
    initiatives = initiative_list(user=user, zone=zone).filter(open_now)
    return list(initiatives[:limit])


def initiatives_awaiting_review(user, *, limit: int = 5) -> tuple[int, list[Initiative]]:
    """How many initiatives this person could review await a decision, and the oldest few."""
    waiting = initiative_list(user=user).undecided()
    roles = roles_for(user)
    if not roles.is_officer:
        core = permissions.core_team_zone_ids(user)
        waiting = waiting.filter(
            pk__in=InitiativeZone.objects.filter(zone_id__in=core).values("initiative_id")
        )
        if roles.organisation is not None:
            # Their own organisation's offers are decided by others.
            waiting = waiting.exclude(organisation=roles.organisation)
    waiting = waiting.order_by("submitted_at", "pk")
    return waiting.count(), list(waiting[:limit])


def placement_choices(initiative: Initiative) -> list[tuple[Zone, list[Objective]]]:
    """For each of the initiative's zones, the objectives of its delivery plan with their
    milestones (two queries: the zones come with the initiative)."""
    zones = [link.zone for link in initiative.zone_links.all()]
    objectives = (
        Objective.objects.filter(zone__in=zones)
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk"))
        )
        .order_by("zone", "position", "pk")
    )
    by_zone = {zone.pk: [] for zone in zones}
    for objective in objectives:
        by_zone[objective.zone_id].append(objective)
    return [(zone, by_zone[zone.pk]) for zone in zones]

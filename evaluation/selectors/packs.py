"""Reads for board packs: what a pack covers (its zones and bodies), the figures of each of
its sections, read from live data with a fixed number of queries whatever the scope, and
the lists of packs."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from evaluation.models import BoardPack
from evaluation.periods import Period
from evaluation.selectors.activity import ActivitySummary, Totals, activity_summary
from evaluation.selectors.realisation import Realisation, realisation_for_zones
from governance.models import Body, Issue, Priority, PriorityAssignment, ReviewEvent
from governance.selectors.priorities import bodies_below, priority_list
from governance.selectors.reviews import Budget, review_budget, review_events_with_budget
from peoplezones.models import AmbitionStatement, Initiative, KeyIssue, Milestone, Zone

PARTNERSHIP_LEVELS = (Body.Level.SOG, Body.Level.SPB)
DONE = Milestone.Status.DONE


def pack_zones(pack: BoardPack) -> list[Zone]:
    """The People Zones a pack reports on: open during its period and within its scope."""
    zones = Zone.objects.exclude(status=Zone.Status.PROPOSED).select_related("csp", "jag")
    zones = zones.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=pack.period_start))
    if pack.scope == BoardPack.Scope.CSP:
        zones = zones.filter(csp_id=pack.csp_id)
    elif pack.scope == BoardPack.Scope.ZONE:
        zones = zones.filter(pk=pack.zone_id)
    return list(zones.order_by("name"))


def pack_body_ids(pack: BoardPack) -> set[int] | None:
    """The bodies whose issues a pack reports: None for all of LLR; a partnership and
    every body under it; a zone's partnership and Joint Action Group."""
    if pack.scope == BoardPack.Scope.CSP:
        return {pack.csp_id, *(body.pk for body in bodies_below(pack.csp))}
    if pack.scope == BoardPack.Scope.ZONE:
        return {pack.zone.csp_id, *([pack.zone.jag_id] if pack.zone.jag_id else [])}
    return None


@dataclass
class LocalArea:
    zone: Zone
    realisation: Realisation
    totals: Totals
    domains: list[tuple[str, int]]
    late_milestones: list[Milestone]
    open_key_issues: int


@dataclass
class PackFigures:
    """Everything a pack's document shows."""

    pack: BoardPack
    period: Period
    coming: Period
    zones: list[Zone]
    summary: ActivitySummary
    approvals: list[AmbitionStatement]
    milestones_done: list[Milestone]
    initiatives: list[Initiative]
    issues_raised: int
    issues_resolved: int
    priorities_set: list[Priority]
    events_held: list[ReviewEvent]
    events_coming: list[ReviewEvent]
    milestones_coming: list[Milestone]
    escalations: list[Issue]
    confidential_escalations: int
    priorities: list[Priority]
    budget_event: ReviewEvent | None
    budget: Budget | None
    allocations: list
    local_areas: list[LocalArea] = field(default_factory=list)


def _in(period: Period, column: str) -> Q:
    return Q(**{f"{column}__gte": period.start, f"{column}__lte": period.end})


def _issue_scope(issues: QuerySet[Issue], body_ids) -> QuerySet[Issue]:
    return issues if body_ids is None else issues.filter(raised_at_id__in=body_ids)


def _issue_counts(body_ids, period: Period) -> dict:
    issues = _issue_scope(Issue.objects.all(), body_ids)
    return issues.aggregate(
        raised=Count("pk", filter=_in(period, "created_at__date")),
        resolved=Count(
            "pk", filter=Q(status=Issue.Status.RESOLVED) & _in(period, "decided_at__date")
        ),
    )


def _priority_scope(priorities: QuerySet[Priority], body_ids) -> QuerySet[Priority]:
    """The priorities a pack's area has a part in: set by one of its bodies or routed to
    one. (A partnership's pack never lists every other area's priorities.)"""
    if body_ids is None:
        return priorities
    routed = PriorityAssignment.objects.filter(priority=OuterRef("pk"), body_id__in=body_ids)
    return priorities.filter(Q(setting_body_id__in=body_ids) | Exists(routed))


def _escalations(body_ids) -> tuple[list[Issue], int]:
    """Open issues waiting at the Senior Officers' Group or the Board; confidential ones
    are counted, never named, in a document that may be printed."""
    issues = _issue_scope(Issue.objects.open(), body_ids).filter(body__level__in=PARTNERSHIP_LEVELS)
    issues = list(issues.select_related("body", "raised_at").order_by("arrived_at", "pk"))
    named = [issue for issue in issues if not issue.is_confidential]
    return named, len(issues) - len(named)


def _budget(zones, body_ids, period: Period):
    """The latest review event up to the end of the period (else the next one), its
    totals, and the allocations to the pack's bodies and zones."""
    events = review_events_with_budget().exclude(status=ReviewEvent.Status.CANCELLED)
    event = events.filter(date__lte=period.end).first()
    if event is None:
        event = events.filter(date__gt=period.end).order_by("date", "pk").first()
    if event is None:
        return None, None, []
    zone_ids = {zone.pk for zone in zones}
    allocations = [
        allocation
        for allocation in event.allocations.all()
        if body_ids is None or allocation.body_id in body_ids or allocation.zone_id in zone_ids
    ]
    return event, review_budget(event), allocations


def _local_areas(zones, summary, realisations, late, open_issues) -> list[LocalArea]:
    labels = {row.key: row.label for row in summary.by_domain}
    areas = []
    for zone, realisation in zip(zones, realisations, strict=True):
        row = next(r for r in summary.by_zone if r.key == zone.pk)
        domains = [(labels[key], n) for key, n in row.extra["domains"].items()]
        areas.append(
            LocalArea(
                zone, realisation, row.totals, domains, late[zone.pk], open_issues.get(zone.pk, 0)
            )
        )
    return areas


def pack_figures(pack: BoardPack, *, today: datetime.date) -> PackFigures:
    """The figures of every section of the pack, read now from live data."""
    period = Period(pack.period_start, pack.period_end)
    coming = period.following()
    zones = pack_zones(pack)
    body_ids = pack_body_ids(pack)
    summary = activity_summary(zones=zones, period=period)
    realisations = realisation_for_zones(zones, on=min(period.end, today))
    counts = _issue_counts(body_ids, period)
    escalations, confidential = _escalations(body_ids)
    event, budget, allocations = _budget(zones, body_ids, period)
    milestones = Milestone.objects.filter(objective__zone__in=zones).select_related(
        "objective__zone", "owner_person", "owner_organisation"
    )
    late = defaultdict(list)
    for milestone in milestones.overdue(today).order_by("due_on", "pk"):
        late[milestone.objective.zone_id].append(milestone)
    open_issues = dict(
        KeyIssue.objects.filter(zone__in=zones, status__in=["open", "in_plan"])
        .values_list("zone_id")
        .annotate(n=Count("pk"))
    )
    return PackFigures(
        pack=pack,
        period=period,
        coming=coming,
        zones=zones,
        summary=summary,
        approvals=list(
            AmbitionStatement.objects.filter(zone__in=zones)
            .filter(_in(period, "approved_on"))
            .select_related("zone")
            .order_by("approved_on", "pk")
        ),
        milestones_done=list(
            milestones.filter(status=DONE)
            .filter(_in(period, "completed_on"))
            .order_by("completed_on")
        ),
        initiatives=list(
            Initiative.objects.filter(status=Initiative.Status.ACCEPTED, zone_links__zone__in=zones)
            .filter(_in(period, "decided_at__date"))
            .select_related("organisation")
            .distinct()
            .order_by("decided_at", "pk")
        ),
        issues_raised=counts["raised"],
        issues_resolved=counts["resolved"],
        priorities_set=list(
            _priority_scope(Priority.objects.filter(_in(period, "created_at__date")), body_ids)
            .select_related("setting_body")
            .order_by("created_at", "pk")
        ),
        events_held=list(
            ReviewEvent.objects.filter(status=ReviewEvent.Status.HELD).filter(_in(period, "date"))
        ),
        events_coming=list(ReviewEvent.objects.upcoming(today).filter(date__lte=coming.end)),
        milestones_coming=list(
            milestones.filter(_in(coming, "due_on")).exclude(status=DONE).order_by("due_on", "pk")
        ),
        escalations=escalations,
        confidential_escalations=confidential,
        priorities=list(_priority_scope(priority_list(status=Priority.Status.ACTIVE), body_ids)),
        budget_event=event,
        budget=budget,
        allocations=allocations,
        local_areas=_local_areas(zones, summary, realisations, late, open_issues),
    )


# Lists and pages of packs -------------------------------------------------------------------


def board_pack_list(*, drafts: bool) -> QuerySet[BoardPack]:
    """Packs newest period first, without their stored documents; `drafts` for officers."""
    packs = BoardPack.objects.without_documents().select_related("csp", "zone", "published_by")
    return packs if drafts else packs.for_board()


def board_pack_get(pk: int, *, drafts: bool) -> BoardPack:
    """One pack with its stored document (404 for a draft unless `drafts`)."""
    packs = BoardPack.objects.select_related("csp", "zone", "published_by", "withdrawn_by")
    pack = get_object_or_404(packs, pk=pk)
    if pack.is_draft and not drafts:
        raise Http404("No such report.")
    return pack


def latest_published_pack() -> BoardPack | None:
    """The newest published pack, for the board's dashboard panel."""
    packs = board_pack_list(drafts=False).filter(status=BoardPack.Status.PUBLISHED)
    return packs.order_by("-published_at", "-pk").first()

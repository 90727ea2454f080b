"""Reads of the bi-annual review events: lists, the event page and its pack, budget totals,
the dashboard panel, and the snapshots of the plans under review taken from live data."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from governance.models import (
    Action,
    Allocation,
    Body,
    InKindContribution,
    Issue,
    PriorityAssignment,
    ReviewEvent,
    Spend,
)
from peoplezones.models import AmbitionStatement, KeyIssue, Milestone, Objective, Zone

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)


def _total(model, link: str, column: str):
    rows = (
        model.objects.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=MONEY), Value(ZERO), output_field=MONEY)


def review_event_list() -> QuerySet[ReviewEvent]:
    """Every review event, newest first, with its money and in-kind totals (one query)."""
    return ReviewEvent.objects.annotate(
        allocated=_total(Allocation, "event", "amount"),
        spent=_total(Spend, "allocation__event", "amount"),
        in_kind_value=_total(InKindContribution, "event", "estimated_value"),
        in_kind_hours=_total(InKindContribution, "event", "hours"),
    ).order_by("-date", "-pk")


def allocations_with_spend() -> QuerySet[Allocation]:
    """Allocations with their recipient and `spent` (the sum of their spend)."""
    return Allocation.objects.select_related("body", "zone").annotate(
        spent=Coalesce(Sum("spends__amount"), Value(ZERO), output_field=MONEY)
    )


def review_events_with_budget() -> QuerySet[ReviewEvent]:
    """Events with everything their page, pack and API show: a fixed number of queries."""
    allocations = (
        allocations_with_spend()
        .order_by("pk")
        .prefetch_related(Prefetch("spends", queryset=Spend.objects.order_by("date", "pk")))
    )
    in_kind = InKindContribution.objects.select_related("organisation", "body", "zone")
    return ReviewEvent.objects.prefetch_related(
        "plans",
        Prefetch("direction_items", queryset=_direction_items()),
        Prefetch("allocations", queryset=allocations),
        Prefetch("in_kind_contributions", queryset=in_kind),
    ).order_by("-date", "-pk")


def review_event_get(pk: int) -> ReviewEvent:
    """One event with everything its page and pack show, or 404."""
    return get_object_or_404(review_events_with_budget(), pk=pk)


def _direction_items():
    from governance.models import ReviewDirectionItem

    return ReviewDirectionItem.objects.select_related("priority").order_by("action", "title")


@dataclass
class Budget:
    """The money of one event, and the contributions in kind beside it (never added in)."""

    allocated: Decimal = ZERO
    spent: Decimal = ZERO
    in_kind_hours: Decimal = Decimal("0")
    in_kind_value: Decimal = ZERO
    overspent: list = field(default_factory=list)

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.spent


def review_budget(event: ReviewEvent) -> Budget:
    """Totals of an event read by `review_event_get` (no further query)."""
    budget = Budget()
    for allocation in event.allocations.all():
        budget.allocated += allocation.amount
        budget.spent += allocation.spent
        if allocation.is_overspent:
            budget.overspent.append(allocation)
    for contribution in event.in_kind_contributions.all():
        budget.in_kind_hours += contribution.hours or 0
        budget.in_kind_value += contribution.estimated_value or ZERO
    return budget


def next_review_event(today: datetime.date | None = None) -> ReviewEvent | None:
    """The next review event still to come, if any."""
    return ReviewEvent.objects.upcoming(today or timezone.localdate()).first()


def overspent_allocations() -> list[Allocation]:
    """Allocations whose spend has gone past the amount allocated, with their event."""
    # Spend is summed once per allocation first (no joins), and only the few allocations
    # found are read with their recipient and event: across 43 areas, grouping every
    # allocation with its joins took most of the officer dashboard's time.
    over = (
        Spend.objects.values("allocation_id")
        .annotate(total=Sum("amount"))
        .filter(total__gt=F("allocation__amount"))
        .values("allocation_id")
    )
    return list(
        allocations_with_spend()
        .select_related("event")
        .filter(pk__in=over)
        .order_by("-event__date", "pk")
    )


# Snapshots of the plans under review -------------------------------------------------------


@dataclass
class PlanSnapshot:
    name: str
    summary: str
    progress: str
    figures: list
    body: Body | None = None
    zone: Zone | None = None


def plan_snapshots(today: datetime.date | None = None) -> list[PlanSnapshot]:
    """Each active CSP's and each active People Zone's plan and progress, read now."""
    today = today or timezone.localdate()
    return _csp_snapshots(today) + _zone_snapshots(today)


def _csp_snapshots(today: datetime.date) -> list[PlanSnapshot]:
    csps = list(Body.objects.filter(level=Body.Level.CSP, is_active=True).order_by("name"))
    jags = defaultdict(list)
    for jag_id, parent_id in Body.objects.filter(
        parent__in=csps, is_active=True, level=Body.Level.JAG
    ).values_list("pk", "parent_id"):
        jags[parent_id].append(jag_id)
    zones = dict(
        Zone.objects.filter(csp__in=csps, status=Zone.Status.ACTIVE)
        .values_list("csp_id")
        .annotate(n=Count("pk"))
    )
    area_of = {jag: csp for csp, ids in jags.items() for jag in ids} | {c.pk: c.pk for c in csps}
    open_issues = defaultdict(int)
    for body_id, n in (
        Issue.objects.open()
        .filter(body__in=list(area_of))
        .values_list("body_id")
        .annotate(n=Count("pk"))
    ):
        open_issues[area_of[body_id]] += n
    overdue = dict(
        Action.objects.overdue(today)
        .filter(body__in=csps)
        .values_list("body_id")
        .annotate(n=Count("pk"))
    )
    assignments = defaultdict(list)
    for assignment in (
        PriorityAssignment.objects.filter(body__in=csps, priority__status="active")
        .select_related("priority")
        .order_by("priority__title")
    ):
        assignments[assignment.body_id].append(assignment)
    return [
        _csp_snapshot(
            csp,
            len(jags[csp.pk]),
            zones.get(csp.pk, 0),
            open_issues[csp.pk],
            overdue.get(csp.pk, 0),
            assignments[csp.pk],
        )
        for csp in csps
    ]


def _csp_snapshot(csp, jag_count, zone_count, open_issues, overdue, assignments):
    acknowledged = [a for a in assignments if a.is_acknowledged]
    summary = "\n".join(
        f"{a.priority.title}: {a.response or 'not yet acknowledged.'}" for a in assignments
    )
    progress = "\n".join(
        f"{a.priority.title}: {a.get_last_rag_display()}, reported "
        f"{timezone.localdate(a.last_reported_at):%-d %B %Y}"
        if a.last_reported_at
        else f"{a.priority.title}: no report yet"
        for a in assignments
    )
    return PlanSnapshot(
        name=csp.name,
        body=csp,
        summary=summary or "No partnership priorities routed to it yet.",
        progress=progress,
        figures=[
            ["Joint Action Groups", jag_count],
            ["Active People Zones", zone_count],
            ["Open issues at the partnership and its JAGs", open_issues],
            ["Priorities acknowledged", f"{len(acknowledged)} of {len(assignments)}"],
            ["Overdue actions", overdue],
        ],
    )


def _zone_snapshots(today: datetime.date) -> list[PlanSnapshot]:
    zones = list(Zone.objects.filter(status=Zone.Status.ACTIVE).order_by("name"))
    statements = {}
    for statement in (
        AmbitionStatement.objects.filter(zone__in=zones)
        .exclude(status=AmbitionStatement.Status.SUPERSEDED)
        .order_by("zone", "-version")
    ):
        current = statements.get(statement.zone_id)
        if current is None or statement.status == AmbitionStatement.Status.APPROVED:
            statements[statement.zone_id] = statement
    objectives = defaultdict(list)
    milestones = Milestone.objects.annotate(
        late=Q(due_on__lt=today) & ~Q(status=Milestone.Status.DONE)
    )
    for objective in Objective.objects.filter(zone__in=zones).prefetch_related(
        Prefetch("milestones", queryset=milestones)
    ):
        objectives[objective.zone_id].append(objective)
    open_issues = dict(
        KeyIssue.objects.filter(zone__in=zones, status__in=["open", "in_plan"])
        .values_list("zone_id")
        .annotate(n=Count("pk"))
    )
    return [
        _zone_snapshot(zone, statements.get(zone.pk), objectives[zone.pk], open_issues)
        for zone in zones
    ]


def _zone_snapshot(zone, statement, objectives, open_issues):
    if statement is None:
        summary = "No ambition statement yet."
    elif statement.status == AmbitionStatement.Status.APPROVED:
        summary = f"Ambition statement (version {statement.version}): {statement.text}"
    else:
        summary = f"Ambition statement, version {statement.version} (not yet approved): " + (
            statement.text
        )
    every = [m for objective in objectives for m in objective.milestones.all()]
    progress = "\n".join(
        f"{o.title}: {sum(m.status == 'done' for m in o.milestones.all())} of "
        f"{len(o.milestones.all())} milestones done"
        for o in objectives
    )
    return PlanSnapshot(
        name=zone.name,
        zone=zone,
        summary=summary,
        progress=progress or "No delivery plan objectives yet.",
        figures=[
            ["Objectives", len(objectives)],
            ["Milestones done", f"{sum(m.status == 'done' for m in every)} of {len(every)}"],
            ["Milestones overdue", sum(bool(m.late) for m in every)],
            ["Open key issues", open_issues.get(zone.pk, 0)],
        ],
    )


def review_dashboard_panel(request, roles) -> dict | None:
    """The dashboard's review panel: the next event for officers and body members, and for
    officers the allocations overspent. Two queries at most."""
    if not (roles.is_officer or roles.is_body_member):
        return None
    return {
        "event": next_review_event(),
        "overspent": overspent_allocations() if roles.is_officer else [],
        "is_officer": roles.is_officer,
    }

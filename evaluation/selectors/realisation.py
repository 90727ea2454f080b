"""Realisation of each zone's ambition statement: its indicators' progress, its delivery
plan's milestones and the activities that served the plan's objectives, combined by the
plain method in `METHOD` (printed on the page). Five queries for any number of zones."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils import timezone

from evaluation.models import Indicator
from evaluation.progress import RAG_RULES, RAGS, mean, percent
from evaluation.selectors.activity import Totals, measure_sums
from evaluation.selectors.indicators import (
    IndicatorRow,
    current_statements,
    indicator_rows,
    with_latest,
)
from peoplezones.models import Activity, AmbitionStatement, Milestone, Objective, Zone

DONE = Milestone.Status.DONE

METHOD_PARTS = [
    (
        "Indicator progress",
        "the average progress of the statement's indicators that have been measured, each "
        "counted between 0 % and 100 %.",
    ),
    ("Milestones done", "the share of the delivery plan's milestones that are done."),
    (
        "Objectives served",
        "the share of the delivery plan's objectives that at least one logged activity has "
        "served since the statement was approved (or drafted, if it is not approved yet).",
    ),
]
METHOD_RULE = (
    "Realisation is the plain average of these three percentages, each weighing the same. "
    "A part with nothing to measure yet (no indicator measured, no milestone, no objective) "
    "is left out of the average, and the page says which."
)

# What the pages and the board pack print about the method, from the same constants.
METHOD = {"method_parts": METHOD_PARTS, "method_rule": METHOD_RULE, "rag_rules": RAG_RULES}


@dataclass
class ObjectiveService:
    objective: Objective
    totals: Totals

    @property
    def is_served(self) -> bool:
        return self.totals.activities > 0


@dataclass
class Part:
    label: str
    share: Decimal | None
    detail: str

    @property
    def percent(self) -> int | None:
        return percent(self.share)


@dataclass
class Realisation:
    zone: Zone
    statement: AmbitionStatement | None
    indicators: list[IndicatorRow] = field(default_factory=list)
    milestones_total: int = 0
    milestones_done: int = 0
    milestones_late: int = 0
    objectives: list[ObjectiveService] = field(default_factory=list)
    since: datetime.date | None = None

    @property
    def measured(self) -> list[IndicatorRow]:
        return [row for row in self.indicators if row.progress.is_measured]

    @property
    def served(self) -> list[ObjectiveService]:
        return [o for o in self.objectives if o.is_served]

    @property
    def activity_totals(self) -> Totals:
        totals = Totals()
        for service in self.objectives:
            totals.activities += service.totals.activities
            totals.participants += service.totals.participants
            totals.volunteer_hours += service.totals.volunteer_hours
            totals.in_kind_value += service.totals.in_kind_value
        return totals

    @property
    def parts(self) -> list[Part]:
        measured, n_indicators = self.measured, len(self.indicators)
        objectives = len(self.objectives)
        return [
            Part(
                METHOD_PARTS[0][0],
                mean(row.progress.share for row in measured),
                f"{len(measured)} of {n_indicators} indicators measured",
            ),
            Part(
                METHOD_PARTS[1][0],
                Decimal(self.milestones_done) / self.milestones_total
                if self.milestones_total
                else None,
                f"{self.milestones_done} of {self.milestones_total} milestones done",
            ),
            Part(
                METHOD_PARTS[2][0],
                Decimal(len(self.served)) / objectives if objectives else None,
                f"{len(self.served)} of {objectives} objectives served",
            ),
        ]

    @property
    def score(self) -> Decimal | None:
        return mean(part.share for part in self.parts if part.share is not None)

    @property
    def score_percent(self) -> int | None:
        return percent(self.score)

    @property
    def left_out(self) -> list[str]:
        return [part.label for part in self.parts if part.share is None]

    @property
    def rag_counts(self) -> list[tuple]:
        counts = defaultdict(int)
        for row in self.indicators:
            counts[row.progress.rag.key] += 1
        return [(rag, counts[rag.key]) for rag in RAGS if counts[rag.key]]


def _since(statement: AmbitionStatement) -> datetime.date:
    return statement.approved_on or timezone.localdate(statement.created_at)


def serving_filter(statements: dict[int, AmbitionStatement], on: datetime.date) -> Q | None:
    """Activities that served a zone's plan: linked to an objective, on or after the zone's
    statement was approved and no later than `on`. None when no zone has a statement."""
    terms = [
        Q(zone_id=zone_id, occurred_on__gte=_since(statement))
        for zone_id, statement in statements.items()
    ]
    if not terms:
        return None
    return Q(objective__isnull=False, occurred_on__lte=on) & reduce(or_, terms)


def realisation_for_zones(
    zones: list[Zone], *, on: datetime.date | None = None
) -> list[Realisation]:
    """The realisation of each zone's current ambition statement as at `on` (default
    today), in the zones' order (five queries)."""
    on = on or timezone.localdate()
    statements = current_statements(zones)
    results = {zone.pk: Realisation(zone=zone, statement=statements.get(zone.pk)) for zone in zones}
    for realisation in results.values():
        if realisation.statement:
            realisation.since = _since(realisation.statement)
    _add_indicators(results, statements, on)
    _add_milestones(results, on)
    _add_objectives(results, statements, on)
    return [results[zone.pk] for zone in zones]


def _add_indicators(results, statements, on) -> None:
    indicators = with_latest(
        Indicator.objects.filter(ambition_statement__in=list(statements.values())),
        on=on,
    )
    zone_of = {statement.pk: zone_id for zone_id, statement in statements.items()}
    for row in indicator_rows(indicators, on):
        results[zone_of[row.indicator.ambition_statement_id]].indicators.append(row)


def _add_milestones(results, on) -> None:
    done = Q(status=DONE, completed_on__lte=on)
    rows = (
        Milestone.objects.filter(objective__zone_id__in=list(results))
        .order_by()
        .values("objective__zone_id")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=done),
            late=Count("pk", filter=Q(due_on__lt=on) & ~done),
        )
    )
    for row in rows:
        realisation = results[row["objective__zone_id"]]
        realisation.milestones_total = row["total"]
        realisation.milestones_done = row["done"]
        realisation.milestones_late = row["late"]


def _add_objectives(results, statements, on) -> None:
    served = serving_filter(statements, on)
    totals = {}
    if served is not None:
        totals = {
            row["objective_id"]: Totals.of(row)
            for row in Activity.objects.filter(served)
            .order_by()
            .values("objective_id")
            .annotate(**measure_sums())
        }
    for objective in Objective.objects.filter(zone_id__in=list(results)).order_by(
        "zone", "position", "pk"
    ):
        results[objective.zone_id].objectives.append(
            ObjectiveService(objective, totals.get(objective.pk, Totals()))
        )


def serving_activities(realisation: Realisation, *, limit: int = 20) -> list[Activity]:
    """The latest activities that served the zone's plan (one query)."""
    served = serving_filter(
        {realisation.zone.pk: realisation.statement} if realisation.statement else {},
        timezone.localdate(),
    )
    if served is None:
        return []
    activities = Activity.objects.filter(served).select_related("objective")
    return list(activities.order_by("-occurred_on", "-pk")[:limit])

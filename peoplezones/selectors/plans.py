"""Reads of a zone's plans: each reads with a fixed number of queries, whatever it holds."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    KeyIssue,
    Milestone,
    Objective,
    Workshop,
    Zone,
    ZoneIngredient,
)


def ambition_current(zone: Zone) -> AmbitionStatement | None:
    """The zone's current approved ambition statement, if it has one."""
    return (
        zone.ambition_statements.filter(status=AmbitionStatement.Status.APPROVED)
        .select_related("approved_by")
        .first()
    )


def ambition_versions(zone: Zone) -> QuerySet[AmbitionStatement]:
    """Every version of the zone's ambition statement, newest first."""
    return zone.ambition_statements.select_related("approved_by").order_by("-version")


def ambition_get(zone: Zone, version: int) -> AmbitionStatement | None:
    """One version of the zone's ambition statement."""
    return ambition_versions(zone).filter(version=version).first()


def milestones_shown(today: datetime.date | None = None) -> QuerySet[Milestone]:
    """Milestones with their owners and `shown_status` (late once overdue)."""
    return Milestone.objects.with_shown_status(today).select_related(
        "owner_person__organisation", "owner_organisation"
    )


def objective_list(zone: Zone) -> QuerySet[Objective]:
    """The zone's delivery plan: objectives with their milestones and the key issues."""
    milestones = milestones_shown().order_by("due_on", "pk")
    return zone.objectives.prefetch_related(
        Prefetch("milestones", queryset=milestones), "key_issues"
    )


@dataclass
class Progress:
    """Milestone counts of a delivery plan or one objective, by the status people see."""

    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def done(self) -> int:
        return self.counts.get(Milestone.Status.DONE, 0)

    @property
    def late(self) -> int:
        return self.counts.get(Milestone.Status.LATE, 0)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def rows(self) -> list[tuple[str, str, int]]:
        """(status value, label, count) in the order of the statuses."""
        return [(s.value, s.label, self.counts.get(s.value, 0)) for s in Milestone.Status]


def _status_counts(today: datetime.date) -> dict:
    overdue = Q(milestones__due_on__lt=today) & ~Q(milestones__status=Milestone.Status.DONE)
    counts = {"total": Count("milestones")}
    for status in Milestone.Status:
        if status == Milestone.Status.LATE:
            condition = overdue | Q(milestones__status=status)
        elif status == Milestone.Status.DONE:
            condition = Q(milestones__status=status)
        else:
            condition = Q(milestones__status=status) & ~overdue
        counts[f"n_{status.value}"] = Count("milestones", filter=condition)
    return counts


def plan_progress(zone: Zone) -> tuple[list[tuple[Objective, Progress]], Progress]:
    """Each objective with its milestone counts, and the plan's totals (one query)."""
    objectives = zone.objectives.annotate(**_status_counts(timezone.localdate()))
    overall = Progress()
    rows = []
    for objective in objectives:
        counts = {s.value: getattr(objective, f"n_{s.value}") for s in Milestone.Status}
        progress = Progress(total=objective.total, counts=counts)
        rows.append((objective, progress))
        overall.total += progress.total
        for status, n in counts.items():
            overall.counts[status] = overall.counts.get(status, 0) + n
    return rows, overall


def late_milestones(zone: Zone, *, limit: int = 5) -> list[Milestone]:
    """The zone's overdue milestones, the longest overdue first."""
    return list(
        milestones_shown()
        .filter(objective__zone=zone)
        .overdue()
        .select_related("objective")
        .order_by("due_on", "pk")[:limit]
    )


def timeline(zone: Zone) -> list[tuple[datetime.date, list[Milestone]]]:
    """The zone's milestones by month of their due date: (first day of month, milestones)."""
    milestones = (
        milestones_shown().filter(objective__zone=zone).select_related("objective__zone")
    ).order_by("due_on", "objective__position", "pk")
    return [
        (month, list(items))
        for month, items in groupby(milestones, key=lambda m: m.due_on.replace(day=1))
    ]


def key_issue_list(zone: Zone, *, open_only: bool = False) -> QuerySet[KeyIssue]:
    """The zone's key issues with where they were found."""
    issues = zone.key_issues.select_related("source_workshop__zone", "source_consultation__zone")
    if open_only:
        issues = issues.filter(status__in=(KeyIssue.Status.OPEN, KeyIssue.Status.IN_PLAN))
    return issues


def workshop_list(zone: Zone) -> QuerySet[Workshop]:
    """The zone's workshops, newest first, with the organisations present and issue counts."""
    return zone.workshops.prefetch_related("organisations").annotate(
        issue_count=Count("key_issues")
    )


def workshop_get(zone: Zone, pk: int) -> Workshop | None:
    """One workshop of the zone with the key issues it found."""
    return zone.workshops.prefetch_related("organisations", "key_issues").filter(pk=pk).first()


def consultation_list(zone: Zone) -> QuerySet[Consultation]:
    """The zone's consultations, newest first, with their linked key issues."""
    return zone.consultations.prefetch_related("key_issues")


def consultation_get(zone: Zone, pk: int) -> Consultation | None:
    """One consultation of the zone with its linked and found key issues."""
    return zone.consultations.prefetch_related("key_issues", "found_issues").filter(pk=pk).first()


def core_team_list(zone: Zone) -> list[CoreTeamMember]:
    """The zone's core team with their accounts and organisations."""
    return list(
        zone.core_team.select_related("user__organisation", "organisation").order_by(
            "role", "organisation__name", "name", "pk"
        )
    )


def ingredient_checklist(zone: Zone) -> list[tuple[Ingredient, ZoneIngredient | None]]:
    """Each ingredient in use (and any retired one this zone recorded) with the zone's
    status, None where nothing is recorded yet."""
    recorded = ZoneIngredient.objects.filter(zone=zone)
    ingredients = (
        Ingredient.objects.filter(Q(is_active=True) | Q(zone_statuses__zone=zone))
        .distinct()
        .prefetch_related(Prefetch("zone_statuses", queryset=recorded, to_attr="for_zone"))
    )
    return [(i, i.for_zone[0] if i.for_zone else None) for i in ingredients]


def ingredient_summary(checklist) -> dict[str, int]:
    """How many ingredients stand at each status; unrecorded ones count as not yet."""
    counts = {status.value: 0 for status in ZoneIngredient.Status}
    for _, entry in checklist:
        counts[entry.status if entry else ZoneIngredient.Status.NOT_YET] += 1
    return counts

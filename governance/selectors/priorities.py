"""Reads of priorities, their assignments to bodies and the roll-up of answers."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from governance.models import Body, Priority, PriorityAssignment
from governance.selectors.bodies import descendants, tree_order

Status = PriorityAssignment.Status


def assignments_awaiting_body(*, body) -> list[PriorityAssignment]:
    """Assignments of active priorities to the body that still owe an acknowledgement or a
    first report, earliest acknowledge-by date first; each knows whether it `is_overdue`."""
    return list(
        PriorityAssignment.objects.awaiting()
        .filter(body=body)
        .select_related("priority", "priority__setting_body", "body")
        .order_by("priority__acknowledge_by", "priority__pk")
    )


def assignments_awaiting_bodies(*, body_ids, limit: int | None = None) -> list:
    """The same for several bodies at once (one query), the first `limit` when given."""
    awaiting = (
        PriorityAssignment.objects.awaiting()
        .filter(body_id__in=list(body_ids))
        .select_related("priority", "body")
        .order_by("priority__acknowledge_by", "body__name", "pk")
    )
    return list(awaiting[:limit] if limit else awaiting)


def bodies_below(body: Body) -> list[Body]:
    """Every active body under this one, at any depth, top down (one query, reading only
    the bodies of its own tree)."""
    below = descendants(body).filter(is_active=True).order_by("-level", "name", "pk")
    return tree_order([body, *below], root_id=body.pk)[1:]


def _rollup_counts(today) -> dict:
    return {
        "n_assigned": Count("assignments", distinct=True),
        "n_acknowledged": Count(
            "assignments", filter=~Q(assignments__status=Status.AWAITING), distinct=True
        ),
        "n_reporting": Count(
            "assignments", filter=Q(assignments__status=Status.REPORTING), distinct=True
        ),
        "n_silent": Count(
            "assignments",
            filter=Q(assignments__status=Status.AWAITING, acknowledge_by__lt=today),
            distinct=True,
        ),
    }


def priority_list(
    *, status: str | None = None, theme: str = "", setting_body: Body | None = None
) -> QuerySet[Priority]:
    """Priorities with their roll-up counts (one query), newest first."""
    priorities = Priority.objects.select_related("setting_body").annotate(
        **_rollup_counts(timezone.localdate())
    )
    if status:
        priorities = priorities.filter(status=status)
    if theme:
        priorities = priorities.filter(theme=theme)
    if setting_body is not None:
        priorities = priorities.filter(setting_body=setting_body)
    return priorities.order_by("-created_at", "-pk")


def priority_get(pk: int) -> Priority:
    """One priority with its roll-up counts (raises Priority.DoesNotExist)."""
    return priority_list().get(pk=pk)


@dataclass(frozen=True)
class Rollup:
    """How the bodies a priority was routed to have answered."""

    assignments: list[PriorityAssignment]

    def _count(self, test) -> int:
        return sum(1 for a in self.assignments if test(a))

    @property
    def total(self) -> int:
        return len(self.assignments)

    @property
    def acknowledged(self) -> int:
        return self._count(lambda a: a.is_acknowledged)

    @property
    def reporting(self) -> int:
        return self._count(lambda a: a.status == Status.REPORTING)

    @property
    def silent(self) -> int:
        return self._count(lambda a: a.is_overdue)

    @property
    def awaiting(self) -> int:
        return self._count(lambda a: not a.is_acknowledged and not a.is_overdue)


def priority_rollup(priority: Priority) -> Rollup:
    """Each receiving body's answer to the priority, highest level first (one query)."""
    assignments = (
        PriorityAssignment.objects.filter(priority=priority)
        .select_related("body", "body__parent", "acknowledged_by")
        .order_by("-body__level", "body__name")
    )
    for assignment in assignments:
        assignment.priority = priority  # spare a query per row in is_overdue
    return Rollup(assignments=list(assignments))


def assignment_get(*, priority_pk: int, pk: int) -> PriorityAssignment:
    """One assignment with its priority and body (raises DoesNotExist)."""
    return PriorityAssignment.objects.select_related(
        "priority", "priority__setting_body", "body", "acknowledged_by"
    ).get(priority_id=priority_pk, pk=pk)


def assignment_reports(assignment: PriorityAssignment) -> list:
    """The body's reports on the priority, newest first (one query)."""
    return list(assignment.reports.select_related("reported_by").order_by("-created_at", "-pk"))


def overdue_assignments(*, limit: int | None = None) -> tuple[list[PriorityAssignment], int]:
    """Assignments silent past their acknowledge-by date across the partnership: the first
    `limit` (oldest deadline first) and how many there are in all (two queries)."""
    overdue = PriorityAssignment.objects.overdue().select_related("priority", "body")
    overdue = overdue.order_by("priority__acknowledge_by", "body__name", "pk")
    rows = list(overdue[:limit] if limit else overdue)
    return rows, (overdue.count() if limit else len(rows))

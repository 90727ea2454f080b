"""Writes of priorities: setting one at the top of the partnership and routing it down,
and each receiving body's acknowledgement, response and reports."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from config.domain import DomainError
from governance.models import (
    Body,
    Notification,
    Priority,
    PriorityAssignment,
    PriorityReport,
    User,
)
from governance.selectors.people import roles_for
from governance.selectors.priorities import bodies_below
from governance.services.issues import body_contacts
from governance.services.notifications import notify_body_members, notify_users

SETTING_LEVELS = (Body.Level.SOG, Body.Level.SPB)
Assignment = PriorityAssignment


def check_may_set_at(*, actor: User, body: Body) -> None:
    """Raise DomainError unless the actor may set priorities at this body."""
    if body.level not in SETTING_LEVELS:
        raise DomainError(
            "Priorities are set at a Strategic Partnership Board or a Senior Officers' Group, "
            f"not at {body}.",
            field="setting_body",
        )
    if not (roles_for(actor).is_officer or _sits_on(actor, body)):
        raise DomainError(
            f"Only OPCC officers and members of {body} can set its priorities.",
            field="setting_body",
        )


def _sits_on(user: User, body: Body) -> bool:
    return user.memberships.filter(body=body).exists()


@transaction.atomic
def priority_set(
    *,
    actor: User,
    setting_body: Body,
    title: str,
    description: str,
    rationale: str,
    period_start: date,
    period_end: date,
    acknowledge_by: date,
    theme: str = "",
    route_to: Iterable[Body] | None = None,
) -> Priority:
    """Set a priority and route it to every active body below the setting body, or to the
    chosen ones among them; each receiving body's members are told."""
    check_may_set_at(actor=actor, body=setting_body)
    if acknowledge_by < timezone.localdate():
        raise DomainError("The acknowledge-by date must be today or later.", field="acknowledge_by")
    below = {body.pk: body for body in bodies_below(setting_body)}
    targets = _targets(below, route_to)
    priority = Priority(
        title=title.strip(),
        description=description.strip(),
        rationale=rationale.strip(),
        theme=theme,
        period_start=period_start,
        period_end=period_end,
        acknowledge_by=acknowledge_by,
        setting_body=setting_body,
        set_by=actor,
    )
    priority.full_clean()
    priority.save()
    assignments = Assignment.objects.bulk_create(
        [Assignment(priority=priority, body=body) for body in targets]
    )
    for assignment in assignments:
        _notify_routed(priority, assignment)
    return priority


def _targets(below: dict[int, Body], route_to: Iterable[Body] | None) -> list[Body]:
    if not below:
        raise DomainError("There is no active body below this one to route a priority to.")
    if route_to is None:
        return list(below.values())
    chosen = {body.pk: body for body in route_to}
    if not chosen:
        raise DomainError("Choose at least one body to route the priority to.", field="route_to")
    outside = [str(body) for pk, body in chosen.items() if pk not in below]
    if outside:
        raise DomainError(
            f"A priority can only be routed to active bodies below the setting body, "
            f"not to {', '.join(sorted(outside))}.",
            field="route_to",
        )
    return list(chosen.values())


def _notify_routed(priority: Priority, assignment: PriorityAssignment) -> None:
    notify_body_members(
        body=assignment.body,
        kind=Notification.Kind.PRIORITY_ROUTED,
        subject=f"New priority from {priority.setting_body}: {priority.title}",
        message=(
            f"{priority.setting_body} has set the priority “{priority.title}” and routed it to "
            f"{assignment.body}. Acknowledge it and say what you will do by "
            f"{priority.acknowledge_by:%-d %B %Y}."
        ),
        url=assignment.get_absolute_url(),
        key=f"priority-assignment:{assignment.pk}:routed",
    )


@transaction.atomic
def priority_retire(*, actor: User, priority: Priority) -> Priority:
    """Retire a priority: no more acknowledgements or reports are expected for it."""
    locked = (
        Priority.objects.select_for_update(of=("self",))
        .select_related("setting_body")
        .get(pk=priority.pk)
    )
    check_may_set_at(actor=actor, body=locked.setting_body)
    if not locked.is_active:
        raise DomainError("This priority is already retired.")
    locked.status = Priority.Status.RETIRED
    locked.retired_at = timezone.now()
    locked.full_clean()
    locked.save()
    return locked


def _lock_for_body(*, actor: User, assignment: PriorityAssignment) -> PriorityAssignment:
    locked = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("priority", "body")
        .get(pk=assignment.pk)
    )
    if not _sits_on(actor, locked.body):
        raise DomainError(f"Only members of {locked.body} can act on its priorities.")
    if not locked.priority.is_active:
        raise DomainError(
            "This priority has been retired: it needs no more acknowledgements or reports."
        )
    return locked


@transaction.atomic
def assignment_acknowledge(
    *, actor: User, assignment: PriorityAssignment, response: str
) -> PriorityAssignment:
    """A receiving body acknowledges the priority and says what it will do."""
    locked = _lock_for_body(actor=actor, assignment=assignment)
    if locked.is_acknowledged:
        raise DomainError(
            f"{locked.body} acknowledged this priority on {locked.acknowledged_at:%-d %B %Y}."
        )
    response = (response or "").strip()
    if not response:
        raise DomainError("Enter what your body will do about this priority.", field="response")
    locked.status = Assignment.Status.ACKNOWLEDGED
    locked.acknowledged_at = timezone.now()
    locked.acknowledged_by = actor
    locked.response = response
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def assignment_report(
    *, actor: User, assignment: PriorityAssignment, rag: str, text: str
) -> PriorityReport:
    """A receiving body reports progress on an acknowledged priority (any number of times)."""
    locked = _lock_for_body(actor=actor, assignment=assignment)
    if not locked.is_acknowledged:
        raise DomainError("Acknowledge the priority before reporting progress on it.")
    text = (text or "").strip()
    if not text:
        raise DomainError("Enter what has happened since the last report.", field="text")
    if rag not in Assignment.Rag.values:
        raise DomainError("Choose red, amber or green.", field="rag")
    report = PriorityReport(assignment=locked, rag=rag, text=text, reported_by=actor)
    report.full_clean()
    report.save()
    locked.status = Assignment.Status.REPORTING
    locked.last_reported_at = report.created_at
    locked.last_rag = rag
    locked.save(update_fields=["status", "last_reported_at", "last_rag"])
    return report


def assignments_flag_overdue() -> int:
    """Tell each body silent past a priority's acknowledge-by date (its secretariat, else
    its chair), once per assignment. Returns how many notifications were created."""
    overdue = list(
        Assignment.objects.overdue().select_related("priority", "priority__setting_body", "body")
    )
    contacts = body_contacts({assignment.body_id for assignment in overdue})
    created = 0
    for assignment in overdue:
        priority = assignment.priority
        created += len(
            notify_users(
                users=contacts.get(assignment.body_id, []),
                kind=Notification.Kind.PRIORITY_OVERDUE,
                subject=f"Priority not acknowledged: {priority.title}",
                message=f"{priority.setting_body} asked {assignment.body} to acknowledge "
                f"“{priority.title}” by {priority.acknowledge_by:%-d %B %Y}. Acknowledge it "
                "and say what the body will do.",
                url=assignment.get_absolute_url(),
                body=assignment.body,
                key=f"priority-assignment:{assignment.pk}:overdue",
            )
        )
    return created

"""Reads of priorities and their assignments to bodies."""

from governance.models import PriorityAssignment


def assignments_awaiting_body(*, body) -> list[PriorityAssignment]:
    """Assignments of active priorities to the body that still owe an acknowledgement or a
    first report, earliest acknowledge-by date first; each knows whether it `is_overdue`."""
    return list(
        PriorityAssignment.objects.awaiting()
        .filter(body=body)
        .select_related("priority", "priority__setting_body", "body")
        .order_by("priority__acknowledge_by", "priority__pk")
    )

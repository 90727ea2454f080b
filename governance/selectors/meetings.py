"""Reads of meetings, agendas and actions."""

from collections.abc import Iterable

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from governance.models import Action, Meeting


def next_meetings_by_body(*, body_ids: Iterable[int]) -> dict[int, Meeting]:
    """The next scheduled meeting of each body that has one, with its body (one query)."""
    body_ids = list(body_ids)
    if not body_ids:
        return {}
    now = timezone.now()
    first = (
        Meeting.objects.upcoming(now).filter(body_id=OuterRef("body_id")).values("pk")[:1]
    )
    next_ids = (
        Meeting.objects.upcoming(now)
        .filter(body_id__in=body_ids)
        .values("body_id")
        .distinct()
        .annotate(next_id=Subquery(first))
        .values_list("next_id", flat=True)
    )
    meetings = Meeting.objects.filter(pk__in=next_ids).select_related("body")
    return {meeting.body_id: meeting for meeting in meetings}


def overdue_action_counts_by_body(*, body_ids: Iterable[int]) -> dict[int, int]:
    """How many actions of each body are past their due date and not done (one query).
    Bodies without overdue actions are left out."""
    body_ids = list(body_ids)
    if not body_ids:
        return {}
    rows = (
        Action.objects.overdue()
        .filter(body_id__in=body_ids)
        .values("body_id")
        .annotate(n=Count("pk"))
        .values_list("body_id", "n")
    )
    return dict(rows)

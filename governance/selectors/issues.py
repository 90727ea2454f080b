"""Reads of issues: what waits at a body, what came back to it, and who may see what."""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from governance.models import Issue, IssueStep


def issues_awaiting_body(*, body) -> list[Issue]:
    """Open issues sitting at the body (raised there, escalated or returned to it), oldest
    arrival first; each knows whether it `is_stale`."""
    return list(
        Issue.objects.open()
        .filter(body=body)
        .select_related("body", "raised_at", "came_from")
        .order_by("arrived_at", "pk")
    )


def issue_outcomes_for_body(*, body, since: datetime | None = None) -> list[Issue]:
    """Issues the body raised that have been answered: resolved anywhere, or returned all
    the way down to it with a direction; newest answer first."""
    answered = Issue.objects.filter(raised_at=body, decided_at__isnull=False).filter(
        Q(status=Issue.Status.RESOLVED) | Q(status=Issue.Status.RETURNED, body=body)
    )
    if since is not None:
        answered = answered.filter(decided_at__gte=since)
    return list(
        answered.select_related("body", "raised_at", "decided_by_body").order_by(
            "-decided_at", "-pk"
        )
    )


def passed_through(body_ids) -> Exists:
    """Whether an issue has been at any of these bodies (raised, escalated or returned)."""
    return Exists(IssueStep.objects.filter(issue=OuterRef("pk"), to_body__in=list(body_ids)))


def issues_visible_to(roles) -> QuerySet[Issue]:
    """Every issue the person may read: officers and board members read all; other body
    members read open issues and the confidential ones of bodies it passed through."""
    issues = Issue.objects.all()
    if roles.is_officer or roles.is_board_member:
        return issues
    if not roles.is_body_member:
        return issues.none()
    return issues.filter(Q(is_confidential=False) | passed_through(roles.body_ids))

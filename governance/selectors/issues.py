"""Reads of issues: what waits at a body, what came back to it, and who may see what."""

from datetime import datetime

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from governance.models import Issue, IssueStep
from governance.models.issues import stale_cutoff
from governance.selectors.bodies import in_area


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
    return issue_outcomes_for_bodies(body_ids=[body.pk], since=since)


def issue_outcomes_for_bodies(
    *, body_ids, since: datetime | None = None, limit: int | None = None
) -> list[Issue]:
    """The same for several bodies at once (one query), the newest `limit` when given."""
    answered = Issue.objects.filter(raised_at_id__in=list(body_ids), decided_at__isnull=False)
    answered = answered.filter(
        Q(status=Issue.Status.RESOLVED) | Q(status=Issue.Status.RETURNED, body_id=F("raised_at_id"))
    )
    if since is not None:
        answered = answered.filter(decided_at__gte=since)
    answered = answered.select_related("body", "raised_at", "decided_by_body")
    answered = answered.order_by("-decided_at", "-pk")
    return list(answered[:limit] if limit else answered)


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


def issue_list(
    *,
    roles,
    status: str = "open",
    body=None,
    area=None,
    category: str = "",
    stale: bool = False,
) -> QuerySet[Issue]:
    """The issues a person may read, filtered as asked (`area`: the SPB at the top of the
    area where they sit), longest waiting first."""
    issues = issues_visible_to(roles).select_related("body", "raised_at")
    if status == "open" or stale:
        issues = issues.open()
    elif status == "resolved":
        issues = issues.filter(status=Issue.Status.RESOLVED)
    if stale:
        issues = issues.filter(arrived_at__lt=stale_cutoff())
    if body is not None:
        issues = issues.filter(body=body)
    if area is not None:
        issues = issues.filter(body__in=in_area(area))
    if category:
        issues = issues.filter(category=category)
    if status == "resolved":
        return issues.order_by("-decided_at", "-pk")
    return issues.order_by("arrived_at", "pk")


def issue_get_for_user(user, pk: int) -> Issue:
    """One issue with its trail, if the person may read it; Http404 otherwise (a person
    who may not see an issue is not told it exists)."""
    from governance.permissions import can_view_issue

    steps = IssueStep.objects.select_related("actor", "from_body", "to_body").order_by(
        "created_at", "pk"
    )
    issue = (
        Issue.objects.select_related(
            "body", "body__parent", "raised_at", "raised_by", "came_from", "decided_by_body"
        )
        .prefetch_related(Prefetch("steps", queryset=steps))
        .filter(pk=pk)
        .first()
    )
    if issue is None or not can_view_issue(user, issue):
        raise Http404("No such issue")
    return issue


def stale_issues(*, limit: int | None = None) -> tuple[list[Issue], int]:
    """Open issues waiting too long at one body across the partnership: the longest
    waiting first (up to `limit`) and how many there are in all."""
    stale = Issue.objects.stale().select_related("body").order_by("arrived_at", "pk")
    rows = list(stale[:limit] if limit else stale)
    return rows, (stale.count() if limit else len(rows))

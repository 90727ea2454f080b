"""Writes of issues: raising one, and the moves of its state machine (escalate, return,
resolve). Pages, the API and tasks all call these, so each rule lives here once."""

from django.db import transaction
from django.utils import timezone

from config.domain import DomainError
from governance.models import Body, Issue, IssueStep, Membership, Notification, User
from governance.services.notifications import notify_body_members, notify_users

Action = IssueStep.Action
Status = Issue.Status
OPEN = (Status.RAISED, Status.ESCALATED, Status.RETURNED)

# The state machine in one place: each move, the statuses it may start from, the status it
# leaves the issue in, and the field the person's text goes in.
MOVES: dict[str, tuple[tuple[str, ...], str, str]] = {
    Action.ESCALATED: (OPEN, Status.ESCALATED, "reason"),
    Action.RETURNED: (OPEN, Status.RETURNED, "decision"),
    Action.RESOLVED: (OPEN, Status.RESOLVED, "decision"),
}


def allowed_moves(issue: Issue) -> list[str]:
    """The moves the issue's state and place in the tree allow (whoever asks)."""
    return [action for action in MOVES if _refusal(issue, action) is None]


def _refusal(issue: Issue, action: str) -> str | None:
    """Why the move is not allowed from where the issue is, or None if it is."""
    starts, _, _ = MOVES[action]
    if issue.status not in starts:
        return f"This issue is {issue.get_status_display().lower()}: it can no longer change."
    if action == Action.ESCALATED and issue.body.parent_id is None:
        return f"{issue.body} is the top of the partnership: there is no body to escalate to."
    if action == Action.RETURNED and issue.came_from_id is None:
        return (
            f"This issue was raised at {issue.body}: there is no body below to return it to. "
            "Resolve it or escalate it instead."
        )
    return None


def check_move(*, actor: User, issue: Issue, action: str) -> None:
    """Raise DomainError unless the actor may make this move on the issue now."""
    if issue.body_id not in _seat_body_ids(actor):
        raise DomainError(f"This issue is at {issue.body}: only its members can act on it.")
    refusal = _refusal(issue, action)
    if refusal:
        raise DomainError(refusal)


def _seat_body_ids(user: User) -> set[int]:
    # Read afresh, not from the cached roles: a seat given up a minute ago no longer counts.
    return set(user.memberships.values_list("body_id", flat=True))


@transaction.atomic
def issue_raise(
    *,
    actor: User,
    body: Body,
    title: str,
    description: str,
    category: str,
    urgency: str = Issue.Urgency.MEDIUM,
    area: str = "",
    is_confidential: bool = False,
) -> Issue:
    """Raise an issue at a body the actor sits on; it waits there until someone acts."""
    if body.pk not in _seat_body_ids(actor):
        raise DomainError(f"Only members of {body} can raise an issue there.", field="body")
    if not body.is_active:
        raise DomainError(f"{body} is closed: issues can no longer be raised there.", field="body")
    now = timezone.now()
    issue = Issue(
        title=title.strip(),
        description=description.strip(),
        area=area.strip() or body.area,
        category=category,
        urgency=urgency,
        is_confidential=is_confidential,
        raised_at=body,
        raised_by=actor,
        body=body,
        arrived_at=now,
        created_at=now,
    )
    issue.full_clean()
    issue.save()
    IssueStep.objects.create(
        issue=issue, action=Action.RAISED, actor=actor, from_body=body, to_body=body, created_at=now
    )
    return issue


def issue_escalate(*, actor: User, issue: Issue, reason: str) -> Issue:
    """Send the issue up to the parent of the body it sits at, with the reason."""
    return _move(actor=actor, issue=issue, action=Action.ESCALATED, text=reason)


def issue_return(*, actor: User, issue: Issue, decision: str) -> Issue:
    """Send the issue back down to the body it came from, with a decision or direction."""
    return _move(actor=actor, issue=issue, action=Action.RETURNED, text=decision)


def issue_resolve(*, actor: User, issue: Issue, decision: str) -> Issue:
    """Close the issue at the body it sits at, with the decision; the raising body hears."""
    return _move(actor=actor, issue=issue, action=Action.RESOLVED, text=decision)


@transaction.atomic
def _move(*, actor: User, issue: Issue, action: str, text: str) -> Issue:
    # Lock the row and decide on what is in the database now: of two people acting at
    # once, the second finds the issue already moved and is refused.
    locked = (
        Issue.objects.select_for_update(of=("self",))
        .select_related("body", "body__parent", "came_from", "raised_at")
        .get(pk=issue.pk)
    )
    check_move(actor=actor, issue=locked, action=action)
    _, status_after, text_field = MOVES[action]
    text = (text or "").strip()
    if not text:
        what = "reason for escalating" if text_field == "reason" else "decision"
        raise DomainError(f"Enter the {what}.", field=text_field)
    now = timezone.now()
    origin = locked.body
    destination = _destination(locked, action)
    if action != Action.RESOLVED:
        locked.came_from = _came_from_after(locked, action, destination)
        locked.body = destination
        locked.arrived_at = now
    if action != Action.ESCALATED:
        locked.decision, locked.decided_at, locked.decided_by_body = text, now, origin
    locked.status = status_after
    locked.full_clean()
    locked.save()
    step = IssueStep.objects.create(
        issue=locked,
        action=action,
        actor=actor,
        from_body=origin,
        to_body=destination,
        text=text,
        created_at=now,
    )
    _notify(locked, step)
    return locked


def _destination(issue: Issue, action: str) -> Body:
    if action == Action.ESCALATED:
        return issue.body.parent
    if action == Action.RETURNED:
        return issue.came_from
    return issue.body


def _came_from_after(issue: Issue, action: str, destination: Body) -> Body | None:
    """The body below the destination that the issue reached it from: after an escalation
    the body it left; after a return, whoever escalated it into the destination before."""
    if action == Action.ESCALATED:
        return issue.body
    if destination.pk == issue.raised_at_id:
        return None
    arrival = (
        IssueStep.objects.filter(issue=issue, action=Action.ESCALATED, to_body=destination)
        .select_related("from_body")
        .order_by("-created_at", "-pk")
        .first()
    )
    return arrival.from_body


def _notify(issue: Issue, step: IssueStep) -> None:
    """Tell the body the issue went to (or, when resolved, the body that raised it)."""
    url = issue.get_absolute_url()
    key = f"issue:{issue.pk}:step:{step.pk}"
    # A confidential issue's e-mail says only where to look, never what it is about.
    about = "a confidential issue" if issue.is_confidential else f"“{issue.title}”"
    if step.action == Action.RESOLVED:
        kind, body = Notification.Kind.ISSUE_RESOLVED, issue.raised_at
        subject = f"Issue resolved by {step.from_body}"
        message = f"{step.from_body} resolved {about}, which {body} raised."
    elif step.action == Action.ESCALATED:
        kind, body = Notification.Kind.ISSUE_ESCALATED, step.to_body
        subject = f"Issue escalated to {body}"
        message = f"{step.from_body} escalated {about} to {body}. It waits for your decision."
    else:
        kind, body = Notification.Kind.ISSUE_RETURNED, step.to_body
        subject = f"Issue returned to {body}"
        message = f"{step.from_body} returned {about} to {body} with a decision or direction."
    if not issue.is_confidential:
        message += f"\n\n{step.get_action_display()}: {step.text}"
    notify_body_members(
        body=body, kind=kind, subject=subject, message=message, url=url, key=key, exclude=step.actor
    )


def body_contacts(body_ids) -> dict[int, list[User]]:
    """Who hears about a body's overdue business: its secretariat, or its chair when it
    has no secretariat (one query)."""
    seats = Membership.objects.filter(
        body_id__in=list(body_ids),
        role__in=[Membership.Role.SECRETARIAT, Membership.Role.CHAIR],
        user__is_active=True,
    ).select_related("user")
    by_role: dict[int, dict[str, list[User]]] = {}
    for seat in seats:
        by_role.setdefault(seat.body_id, {}).setdefault(seat.role, []).append(seat.user)
    return {
        body_id: roles.get(Membership.Role.SECRETARIAT) or roles.get(Membership.Role.CHAIR)
        for body_id, roles in by_role.items()
    }


def issues_flag_stale() -> int:
    """Tell each stale issue's body (secretariat, else chair) that it has waited too long:
    once per issue per stay at a body. Returns how many notifications were created."""
    stale = list(Issue.objects.stale().select_related("body"))
    contacts = body_contacts({issue.body_id for issue in stale})
    created = 0
    for issue in stale:
        about = "A confidential issue" if issue.is_confidential else f"“{issue.title}”"
        created += len(
            notify_users(
                users=contacts.get(issue.body_id, []),
                kind=Notification.Kind.ISSUE_STALE,
                subject=f"Issue waiting {issue.days_at_body} days at {issue.body}",
                message=f"{about} has waited at {issue.body} since "
                f"{issue.arrived_at:%-d %B %Y}. Resolve it, escalate it or return it.",
                url=issue.get_absolute_url(),
                body=issue.body,
                key=f"issue:{issue.pk}:stale:{issue.arrived_at.isoformat()}",
            )
        )
    return created

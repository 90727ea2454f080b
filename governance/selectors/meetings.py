"""Reads of meetings, agendas and actions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from governance.models import Action, AgendaItem, Body, Meeting, Membership
from governance.selectors.issues import issue_outcomes_for_body, issues_awaiting_body
from governance.selectors.priorities import assignments_awaiting_body


def next_meetings_by_body(*, body_ids: Iterable[int]) -> dict[int, Meeting]:
    """The next scheduled meeting of each body that has one, with its body (one query)."""
    body_ids = list(body_ids)
    if not body_ids:
        return {}
    now = timezone.now()
    first = Meeting.objects.upcoming(now).filter(body_id=OuterRef("body_id")).values("pk")[:1]
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


def overdue_action_counts_by_body(*, body_ids: Iterable[int] | None) -> dict[int, int]:
    """How many actions of each body are past their due date and not done (one query).
    Bodies without overdue actions are left out; `body_ids=None` counts for every body."""
    actions = Action.objects.overdue()
    if body_ids is not None:
        body_ids = list(body_ids)
        if not body_ids:
            return {}
        actions = actions.filter(body_id__in=body_ids)
    rows = actions.values("body_id").annotate(n=Count("pk")).values_list("body_id", "n")
    return dict(rows)


def last_held_meeting(*, body: Body, before: datetime | None = None) -> Meeting | None:
    """The body's most recent held meeting (before a moment, if given)."""
    held = Meeting.objects.filter(body=body, status=Meeting.Status.HELD)
    if before is not None:
        held = held.filter(starts_at__lt=before)
    return held.order_by("-starts_at", "-pk").first()


# A body that has never met hears of the answers of this many days past.
OUTCOMES_WITHOUT_MEETING_DAYS = 90


def outcomes_since(*, body: Body, before: datetime | None = None) -> datetime:
    """Answers to the body's issues are news from its last held meeting (before a moment,
    if given) onwards, or for a body that has not met, from 90 days back."""
    previous = last_held_meeting(body=body, before=before)
    if previous is not None:
        return previous.starts_at
    return (before or timezone.now()) - timedelta(days=OUTCOMES_WITHOUT_MEETING_DAYS)


@dataclass(frozen=True)
class AwaitingItem:
    """Something that awaits a body's attention, as its next agenda would show it."""

    kind: str
    source_key: str
    title: str
    detail: str = ""
    url: str = ""
    flag: str = ""
    is_confidential: bool = False


def _issue_items(body: Body, since: datetime | None) -> list[AwaitingItem]:
    items = []
    for issue in issues_awaiting_body(body=body):
        items.append(
            AwaitingItem(
                kind=AgendaItem.Kind.ISSUE,
                source_key=f"issue:{issue.pk}",
                title=issue.title,
                detail=f"Issue: {issue.get_status_display()}",
                url=issue.get_absolute_url(),
                flag="Waiting too long" if issue.is_stale else "",
                is_confidential=issue.is_confidential,
            )
        )
    for issue in issue_outcomes_for_body(body=body, since=since):
        items.append(
            AwaitingItem(
                kind=AgendaItem.Kind.OUTCOME,
                source_key=f"issue:{issue.pk}",
                title=f"Outcome: {issue.title}",
                detail=f"Issue raised here: {issue.get_status_display()}",
                url=issue.get_absolute_url(),
                is_confidential=issue.is_confidential,
            )
        )
    return items


def _priority_items(body: Body) -> list[AwaitingItem]:
    return [
        AwaitingItem(
            kind=AgendaItem.Kind.PRIORITY,
            source_key=f"priority-assignment:{assignment.pk}",
            title=f"Priority: {assignment.priority.title}",
            detail=assignment.get_status_display(),
            url=assignment.get_absolute_url(),
            flag="Overdue" if assignment.is_overdue else "",
        )
        for assignment in assignments_awaiting_body(body=body)
    ]


def _action_items(actions: Iterable[Action]) -> list[AwaitingItem]:
    return [
        AwaitingItem(
            kind=AgendaItem.Kind.ACTION,
            source_key=f"action:{action.pk}",
            title=f"Overdue action: {action.description}",
            detail=f"Owner: {action.owner_label}. Due {date_format(action.due_date)}.",
            url=action.meeting.get_absolute_url(),
            flag="Overdue",
            is_confidential=action.is_confidential,
        )
        for action in actions
        if action.is_overdue
    ]


def awaiting_body(
    *, body: Body, since: datetime | None = None, actions: list[Action] | None = None
) -> list[AwaitingItem]:
    """What awaits the body, in agenda order: issues sitting at it, answers to issues it
    raised (since a moment), priorities it owes an acknowledgement or report, and overdue
    actions. An issue both at the body and answered shows once. `actions`: the body's
    outstanding actions, when the caller has them already."""
    if actions is None:
        actions = list(outstanding_actions(body_ids=[body.pk]))
    items, seen = [], set()
    for item in [*_issue_items(body, since), *_priority_items(body), *_action_items(actions)]:
        if item.source_key not in seen:
            seen.add(item.source_key)
            items.append(item)
    return items


def outstanding_actions(*, body_ids: Iterable[int], before: datetime | None = None):
    """Actions of these bodies not yet done or dropped, soonest due first (agreed before a
    moment, if given), with their owners and meeting."""
    actions = Action.objects.not_done().filter(body_id__in=list(body_ids))
    if before is not None:
        actions = actions.filter(meeting__starts_at__lt=before)
    return actions.select_related(
        "owner_person", "owner_organisation", "meeting", "meeting__body", "body", "agenda_item"
    ).order_by("due_date", "pk")


# Pages -----------------------------------------------------------------------------------
def body_for_page(*, slug: str) -> Body:
    """The body with its parent; raises Body.DoesNotExist."""
    return Body.objects.select_related("parent").get(slug=slug)


def body_members(*, body: Body) -> list[Membership]:
    """The body's seats, chair first, with person and organisation."""
    order = {role: i for i, role in enumerate(Membership.Role.values)}
    seats = Membership.objects.filter(body=body).select_related("user", "organisation")
    return sorted(seats, key=lambda m: (order[m.role], m.user.last_name, m.user.first_name))


PAST_MEETINGS_SHOWN = 10


def body_meetings(*, body: Body) -> tuple[list[Meeting], list[Meeting]]:
    """The body's upcoming meetings (cancelled ones included, to say so) and its latest
    past ones."""
    now = timezone.now()
    upcoming = Meeting.objects.filter(body=body, starts_at__gte=now).order_by("starts_at", "pk")
    past = Meeting.objects.filter(body=body).past(now)[:PAST_MEETINGS_SHOWN]
    return list(upcoming.select_related("body")), list(past.select_related("body"))


@dataclass(frozen=True)
class Quorum:
    """How many voting members a meeting needs, and whether it had them."""

    required: int
    voting_members: int
    present: int
    from_setting: bool

    @property
    def is_met(self) -> bool:
        return self.present >= self.required


VOTING_ROLES = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER)


def quorum_of(*, body: Body, seats: list[Membership], attendances: list) -> Quorum:
    """The body's quorum setting, or else a third of its voting members rounded up (at
    least one). Observers and the secretariat do not count either way."""
    voting = {m.user_id for m in seats if m.role in VOTING_ROLES}
    required = body.quorum or max(1, -(-len(voting) // 3))
    present = sum(1 for a in attendances if a.status == "present" and a.person_id in voting)
    return Quorum(required, len(voting), present, body.quorum is not None)


def meeting_for_page(*, pk: int) -> Meeting:
    """The meeting with its body; raises Meeting.DoesNotExist."""
    return Meeting.objects.select_related("body", "body__parent").get(pk=pk)


def meeting_record(*, meeting: Meeting, can_see_confidential: bool) -> dict:
    """Everything a meeting page shows, in a fixed number of queries: the agenda (each item
    with its decisions and actions), attendance and quorum, the decisions not on an item,
    every action it agreed, and the body's earlier actions still outstanding."""

    def visible(rows):
        return [r for r in rows if can_see_confidential or not r.is_confidential]

    items = list(meeting.agenda_items.order_by("position", "pk"))
    decisions = list(meeting.decisions.all())
    actions = list(
        meeting.actions.select_related("owner_person", "owner_organisation").order_by(
            "due_date", "pk"
        )
    )
    for item in items:
        item.item_decisions = visible([d for d in decisions if d.agenda_item_id == item.pk])
        item.item_actions = visible([a for a in actions if a.agenda_item_id == item.pk])
    seats = body_members(body=meeting.body)
    attendances = list(meeting.attendances.select_related("person", "organisation"))
    shown_items = visible(items)
    return {
        "items": shown_items,
        "hidden_items": len(items) - len(shown_items),
        "decisions": visible([d for d in decisions if d.agenda_item_id is None]),
        "actions": visible(actions),
        "carried_forward": visible(
            outstanding_actions(body_ids=[meeting.body_id], before=meeting.starts_at)
        ),
        "attendances": attendances,
        "seats": seats,
        "quorum": quorum_of(body=meeting.body, seats=seats, attendances=attendances),
    }


MEETINGS_PAGE_SIZE = 25


def meeting_list(*, when: str = "upcoming", body_ids: Iterable[int] | None = None):
    """Meetings of every body (or of these bodies): upcoming soonest first, or past latest
    first, each with its body."""
    meetings = Meeting.objects.select_related("body")
    if body_ids is not None:
        meetings = meetings.filter(body_id__in=list(body_ids))
    now = timezone.now()
    if when == "past":
        return meetings.past(now)
    return meetings.filter(starts_at__gte=now).order_by("starts_at", "pk")


# Dashboard -------------------------------------------------------------------------------
def next_meetings_for(*, body_ids: Iterable[int], limit: int = 5) -> list[Meeting]:
    """The next scheduled meetings of these bodies, soonest first."""
    return list(
        Meeting.objects.upcoming().filter(body_id__in=list(body_ids)).select_related("body")[:limit]
    )


def open_actions_of(*, user, limit: int = 10) -> list[Action]:
    """Actions the person owns that are not done, soonest due first."""
    return list(
        Action.objects.not_done()
        .filter(owner_person=user)
        .select_related("body", "meeting", "meeting__body", "owner_person", "owner_organisation")
        .order_by("due_date", "pk")[:limit]
    )


def meetings_missing_minutes(*, limit: int = 10) -> list[Meeting]:
    """Meetings that have taken place without minutes: held ones with none recorded, and
    ones still marked scheduled although they have ended. Oldest first."""
    now = timezone.now()
    return list(
        Meeting.objects.filter(
            Q(status=Meeting.Status.HELD, minutes_recorded_at__isnull=True)
            | Q(status=Meeting.Status.SCHEDULED, ends_at__lt=now)
        )
        .select_related("body")
        .order_by("starts_at", "pk")[:limit]
    )


FEED_HISTORY_DAYS = 365


def feed_meetings(*, body: Body) -> tuple[list[Meeting], dict[int, list[str]]]:
    """The body's meetings of the last year and to come, and the titles of each one's
    agenda items that are not confidential (two queries)."""
    since = timezone.now() - timedelta(days=FEED_HISTORY_DAYS)
    meetings = list(
        Meeting.objects.filter(body=body, starts_at__gte=since)
        .select_related("body")
        .order_by("starts_at", "pk")
    )
    agendas: dict[int, list[str]] = {}
    items = AgendaItem.objects.filter(meeting__in=meetings, is_confidential=False).order_by(
        "meeting", "position", "pk"
    )
    for item in items.only("meeting_id", "title"):
        agendas.setdefault(item.meeting_id, []).append(item.title)
    return meetings, agendas


def meetings_dashboard_panel(request, roles) -> dict | None:
    """The dashboard's meetings panel: the next meetings of the person's bodies and the
    actions they own that are not done (two queries)."""
    if not (roles.is_officer or roles.is_body_member):
        return None
    meetings = next_meetings_for(body_ids=roles.body_ids) if roles.body_ids else []
    actions = open_actions_of(user=request.user)
    if not roles.is_body_member and not actions:
        return None
    return {"meetings": meetings, "actions": actions, "is_body_member": roles.is_body_member}


def minutes_dashboard_panel(request, roles) -> dict | None:
    """For officers: meetings that have taken place without minutes (one query)."""
    if not roles.is_officer:
        return None
    return {"meetings": meetings_missing_minutes()}

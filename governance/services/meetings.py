"""Writes of meetings: scheduling and status, the agenda, attendance, minutes, decisions,
actions, and the reminders members get before a meeting."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from config.domain import DomainError
from governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    Membership,
    Notification,
    Organisation,
    User,
)
from governance.selectors.meetings import awaiting_body, last_held_meeting, outcomes_since
from governance.services.notifications import notify_body_members

Status = Meeting.Status

# The one list of allowed moves of a meeting's status; anything else is refused.
MEETING_TRANSITIONS: dict[str, set[str]] = {
    Status.SCHEDULED: {Status.HELD, Status.CANCELLED},
    Status.CANCELLED: {Status.SCHEDULED},
    Status.HELD: set(),
}

ActionStatus = Action.Status
# Done and dropped actions can only be reopened; outstanding ones move freely.
ACTION_TRANSITIONS: dict[str, set[str]] = {
    ActionStatus.OPEN: {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED},
    ActionStatus.IN_PROGRESS: {ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED},
    ActionStatus.DONE: {ActionStatus.OPEN},
    ActionStatus.DROPPED: {ActionStatus.OPEN},
}

# Standing items every agenda opens and closes with: (source key, title, at the end).
STANDING_ITEMS = [
    ("standing:apologies", "Welcome, introductions and apologies", False),
    ("standing:minutes", "Minutes of the last meeting and matters arising", False),
    ("standing:actions", "Review of outstanding actions", False),
    ("standing:aob", "Any other business", True),
]
AOB_KEY = "standing:aob"


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y \\a\\t H:i")


def _locked(meeting: Meeting) -> Meeting:
    """The meeting read again under a row lock, so two changes never interleave."""
    return Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)


# Scheduling ------------------------------------------------------------------------------
def _check_times_and_place(meeting: Meeting) -> None:
    if meeting.ends_at <= meeting.starts_at:
        raise DomainError("The meeting must end after it starts.", field="ends_at")
    if not meeting.location and not meeting.online_url:
        raise DomainError("Give a place, an online meeting link, or both.", field="location")


@transaction.atomic
def meeting_create(
    *,
    actor: User | None,
    body: Body,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    online_url: str = "",
    title: str = "",
    fill_agenda: bool = True,
) -> Meeting:
    """Schedule a meeting of the body; its agenda is filled with what awaits the body."""
    if not body.is_active:
        raise DomainError(f"{body.name} is no longer active: it cannot meet.")
    meeting = Meeting(
        body=body,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_url=online_url,
        created_by=actor,
    )
    _check_times_and_place(meeting)
    meeting.full_clean()
    meeting.save()
    if fill_agenda:
        agenda_fill(actor=actor, meeting=meeting)
    return meeting


MEETING_EDITABLE = ("title", "starts_at", "ends_at", "location", "online_url")


@transaction.atomic
def meeting_update(*, actor: User | None, meeting: Meeting, **changes) -> Meeting:
    """Change when, where or what a scheduled meeting is."""
    meeting = _locked(meeting)
    if not meeting.is_scheduled:
        raise DomainError(
            f"A {meeting.get_status_display().lower()} meeting cannot be changed."
            + (" Reinstate it first." if meeting.is_cancelled else "")
        )
    unknown = set(changes) - set(MEETING_EDITABLE)
    if unknown:
        raise DomainError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    for name, value in changes.items():
        setattr(meeting, name, value)
    _check_times_and_place(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


def _refuse_move(meeting: Meeting, to_status: str) -> None:
    current = meeting.get_status_display().lower()
    target = Status(to_status).label.lower()
    if meeting.status == to_status:
        raise DomainError(f"The meeting is already {current}.", field="status")
    if meeting.is_held:
        raise DomainError(
            f"A meeting that has been held cannot be made {target}: its record stands.",
            field="status",
        )
    raise DomainError(
        f"A {current} meeting cannot be marked {target}: reinstate it first.", field="status"
    )


@transaction.atomic
def meeting_transition(
    *, actor: User | None, meeting: Meeting, to_status: str, reason: str = ""
) -> Meeting:
    """Mark a meeting held, cancel it (with a reason) or reinstate a cancelled one."""
    if to_status not in Status.values:
        raise DomainError(f"{to_status!r} is not a meeting status.", field="status")
    meeting = _locked(meeting)
    if to_status not in MEETING_TRANSITIONS[meeting.status]:
        _refuse_move(meeting, to_status)
    now = timezone.now()
    if to_status == Status.HELD and meeting.starts_at > now:
        raise DomainError(
            f"The meeting starts on {_when(meeting.starts_at)}: it cannot be marked held "
            "before it starts.",
            field="status",
        )
    if to_status == Status.CANCELLED and not reason.strip():
        raise DomainError("Say why the meeting is cancelled.", field="reason")
    if to_status == Status.SCHEDULED and meeting.starts_at <= now:
        raise DomainError(
            "The date of this meeting has passed: schedule a new meeting instead.",
            field="status",
        )
    meeting.status = to_status
    meeting.status_reason = reason.strip()
    meeting.full_clean()
    meeting.save()
    return meeting


# The agenda ------------------------------------------------------------------------------
def _require_agenda_open(meeting: Meeting) -> None:
    if not meeting.is_scheduled:
        raise DomainError(
            f"The agenda of a {meeting.get_status_display().lower()} meeting cannot change."
        )


def _renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def _ordered_items(meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order, any other business last."""
    items = list(meeting.agenda_items.order_by("position", "pk"))
    return [i for i in items if i.source_key != AOB_KEY] + [
        i for i in items if i.source_key == AOB_KEY
    ]


def _standing(meeting: Meeting, key: str, title: str) -> AgendaItem:
    item = AgendaItem(meeting=meeting, kind=AgendaItem.Kind.STANDING, title=title, source_key=key)
    if key == "standing:minutes":
        previous = last_held_meeting(body=meeting.body, before=meeting.starts_at)
        if previous is not None:
            item.title = f"{title} ({date_format(timezone.localtime(previous.starts_at))})"
            item.source_url = previous.get_absolute_url()
    return item


@transaction.atomic
def agenda_fill(*, actor: User | None, meeting: Meeting) -> list[AgendaItem]:
    """Add to a scheduled meeting's agenda what awaits the body and is not on it yet, and
    the standing items; returns the items added."""
    meeting = _locked(meeting)
    _require_agenda_open(meeting)
    present = set(meeting.agenda_items.exclude(source_key="").values_list("source_key", flat=True))
    opening, closing = [], []
    for key, title, at_end in STANDING_ITEMS:
        if key not in present:
            (closing if at_end else opening).append(_standing(meeting, key, title))
    since = outcomes_since(body=meeting.body, before=meeting.starts_at)
    awaiting = [
        AgendaItem(
            meeting=meeting,
            kind=item.kind,
            title=item.title[:300],
            detail=item.detail,
            source_key=item.source_key,
            source_url=item.url,
            flag=item.flag,
            is_confidential=item.is_confidential,
        )
        for item in awaiting_body(body=meeting.body, since=since)
        if item.source_key not in present
    ]
    existing = _ordered_items(meeting)
    aob = [i for i in existing if i.source_key == AOB_KEY]
    before_aob = [i for i in existing if i.source_key != AOB_KEY]
    added = opening + awaiting + closing
    for item in added:
        item.position = 0
        item.full_clean(exclude=["position"])
        item.save()
    # Opening standing items first, then what was there, then the new business, AOB last.
    _renumber(meeting, opening + before_aob + awaiting + aob + closing)
    return added


@transaction.atomic
def agenda_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    detail: str = "",
    presenter: str = "",
    is_confidential: bool = False,
) -> AgendaItem:
    """Add an item to a scheduled meeting's agenda, before any other business."""
    meeting = _locked(meeting)
    _require_agenda_open(meeting)
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem(
        meeting=meeting,
        position=last + 1,
        title=title,
        detail=detail,
        presenter=presenter,
        is_confidential=is_confidential,
    )
    item.full_clean(exclude=["position"])
    item.save()
    _renumber(meeting, _ordered_items(meeting))
    item.refresh_from_db()
    return item


AGENDA_EDITABLE = ("title", "detail", "presenter", "is_confidential")


@transaction.atomic
def agenda_item_update(*, actor: User | None, item: AgendaItem, **changes) -> AgendaItem:
    """Change an item of a scheduled meeting's agenda."""
    _require_agenda_open(_locked(item.meeting))
    unknown = set(changes) - set(AGENDA_EDITABLE)
    if unknown:
        raise DomainError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    for name, value in changes.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_move(*, actor: User | None, item: AgendaItem, up: bool) -> AgendaItem:
    """Move an item one place up or down the agenda."""
    meeting = _locked(item.meeting)
    _require_agenda_open(meeting)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if not 0 <= target < len(items):
        raise DomainError(f"The item is already {'first' if up else 'last'} on the agenda.")
    items[index], items[target] = items[target], items[index]
    _renumber(meeting, items)
    item.refresh_from_db()
    return item


@transaction.atomic
def agenda_item_remove(*, actor: User | None, item: AgendaItem) -> None:
    """Take an item off a scheduled meeting's agenda. Filling the agenda again brings an
    item that still awaits the body back."""
    meeting = _locked(item.meeting)
    _require_agenda_open(meeting)
    item.delete()
    _renumber(meeting, list(meeting.agenda_items.order_by("position", "pk")))


# The record of a meeting -----------------------------------------------------------------
def _require_started(meeting: Meeting, what: str) -> None:
    if meeting.is_cancelled:
        raise DomainError(f"The meeting was cancelled: there is no {what} to record.")
    if not meeting.has_started:
        raise DomainError(
            f"The meeting starts on {_when(meeting.starts_at)}: record its {what} once it "
            "has started."
        )


def _require_held(meeting: Meeting, what: str) -> None:
    if not meeting.is_held:
        raise DomainError(f"Mark the meeting as held before recording its {what}.")


@transaction.atomic
def attendance_record(
    *, actor: User | None, meeting: Meeting, statuses: dict[int, str]
) -> list[Attendance]:
    """Record who was present, sent apologies or was absent (by person id). A person left
    out keeps what was recorded before; only members of the body, or people already on the
    record, can be recorded."""
    meeting = _locked(meeting)
    _require_started(meeting, "attendance")
    seats = {
        m.user_id: m.organisation_id for m in Membership.objects.filter(body_id=meeting.body_id)
    }
    existing = {a.person_id: a for a in meeting.attendances.all()}
    strangers = set(statuses) - set(seats) - set(existing)
    if strangers:
        raise DomainError("Only members of the body can be recorded as attending.")
    saved = []
    for person_id, status in statuses.items():
        if status not in Attendance.Status.values:
            raise DomainError(f"{status!r} is not an attendance status.", field="status")
        row = existing.get(person_id) or Attendance(
            meeting=meeting, person_id=person_id, organisation_id=seats.get(person_id)
        )
        if row.pk is None or row.status != status:
            row.status = status
            row.save()
        saved.append(row)
    return saved


@transaction.atomic
def minutes_record(
    *,
    actor: User | None,
    meeting: Meeting,
    minutes: str,
    item_minutes: dict[int, str] | None = None,
) -> Meeting:
    """Record the minutes of a held meeting, in general and per agenda item."""
    meeting = _locked(meeting)
    _require_held(meeting, "minutes")
    items = {item.pk: item for item in meeting.agenda_items.all()}
    for pk, text in (item_minutes or {}).items():
        if pk not in items:
            raise DomainError("That agenda item is not on this meeting's agenda.")
        if items[pk].minutes != text:
            items[pk].minutes = text.strip()
            items[pk].save(update_fields=["minutes"])
    meeting.minutes = minutes.strip()
    has_minutes = bool(meeting.minutes) or any(i.minutes for i in items.values())
    if has_minutes and meeting.minutes_recorded_at is None:
        meeting.minutes_recorded_at = timezone.now()
    elif not has_minutes:
        meeting.minutes_recorded_at = None
    meeting.save(update_fields=["minutes", "minutes_recorded_at"])
    return meeting


def _item_of(meeting: Meeting, agenda_item: AgendaItem | None) -> AgendaItem | None:
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError("That agenda item belongs to another meeting.", field="agenda_item")
    return agenda_item


@transaction.atomic
def decision_record(
    *,
    actor: User | None,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None = None,
    is_confidential: bool = False,
) -> Decision:
    """Record a decision of a held meeting; one on a confidential item is confidential."""
    meeting = _locked(meeting)
    _require_held(meeting, "decisions")
    agenda_item = _item_of(meeting, agenda_item)
    decision = Decision(
        meeting=meeting,
        agenda_item=agenda_item,
        text=text.strip(),
        is_confidential=is_confidential or bool(agenda_item and agenda_item.is_confidential),
    )
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def action_create(
    *,
    actor: User | None,
    meeting: Meeting,
    description: str,
    due_date: date,
    owner_person: User | None = None,
    owner_organisation: Organisation | None = None,
    agenda_item: AgendaItem | None = None,
    is_confidential: bool = False,
) -> Action:
    """Record an action a held meeting agreed; it stays on the body's meetings until done."""
    meeting = _locked(meeting)
    _require_held(meeting, "actions")
    if owner_person is None and owner_organisation is None:
        raise DomainError(
            "Say who owns the action: a person, an organisation or both.", field="owner_person"
        )
    agenda_item = _item_of(meeting, agenda_item)
    action = Action(
        body=meeting.body,
        meeting=meeting,
        agenda_item=agenda_item,
        description=description.strip(),
        due_date=due_date,
        owner_person=owner_person,
        owner_organisation=owner_organisation,
        is_confidential=is_confidential or bool(agenda_item and agenda_item.is_confidential),
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update(
    *, actor: User | None, action: Action, status: str, progress: str | None = None
) -> Action:
    """Move an action on (open, in progress, done, dropped) and note progress."""
    if status not in ActionStatus.values:
        raise DomainError(f"{status!r} is not an action status.", field="status")
    action = Action.objects.select_for_update().get(pk=action.pk)
    if status != action.status and status not in ACTION_TRANSITIONS[action.status]:
        raise DomainError(
            f"A {action.get_status_display().lower()} action cannot be marked "
            f"{ActionStatus(status).label.lower()}: reopen it first.",
            field="status",
        )
    if status in (ActionStatus.DONE, ActionStatus.DROPPED):
        action.completed_at = action.completed_at if action.status == status else timezone.now()
    else:
        action.completed_at = None
    action.status = status
    if progress is not None:
        action.progress = progress.strip()
    action.full_clean()
    action.save()
    return action


# Reminders -------------------------------------------------------------------------------
def meeting_reminder_send(*, meeting: Meeting) -> list[Notification]:
    """Tell the body's members about a coming meeting, once per member."""
    where = ", ".join(part for part in (meeting.location, meeting.online_url) if part)
    return notify_body_members(
        body=meeting.body,
        kind=Notification.Kind.MEETING_REMINDER,
        subject=f"{meeting.display_title}: {_when(meeting.starts_at)}",
        message=(
            f"{meeting.body.name} meets on {_when(meeting.starts_at)}"
            f"{f' ({where})' if where else ''}. The agenda and papers are on the meeting page."
        ),
        url=meeting.get_absolute_url(),
        key=f"meeting-reminder:{meeting.pk}",
    )


def meeting_reminders_send(*, now: datetime | None = None) -> int:
    """Remind members of every scheduled meeting starting within MEETING_REMINDER_DAYS;
    returns how many notifications were created now (none for a second run)."""
    now = now or timezone.now()
    horizon = now + timedelta(days=settings.MEETING_REMINDER_DAYS)
    meetings = Meeting.objects.upcoming(now).filter(starts_at__lte=horizon).select_related("body")
    return sum(len(meeting_reminder_send(meeting=meeting)) for meeting in meetings)

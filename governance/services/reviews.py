"""Writes of the bi-annual review events: the event and its status, the plans captured for
the pre-read pack, the strategic direction, allocations, spend and in-kind contributions,
and the scheduled invitations, reminders and pack notices.

Every notice carries a key (`review:<event id>:<event date>:<what>`), so a task that runs
twice, or two that run at once, tell each person once. The event date is in the key: an
event that moves gets fresh invitations and reminders.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from config.domain import DomainError
from governance.models import (
    Allocation,
    Body,
    InKindContribution,
    Membership,
    Notification,
    Organisation,
    Priority,
    ReviewDirectionItem,
    ReviewEvent,
    ReviewPlan,
    Spend,
    User,
)
from governance.selectors.reviews import plan_snapshots
from governance.services.notifications import notify_users
from peoplezones.models import Zone

Status = ReviewEvent.Status

# The one list of allowed moves: status → {target status: verb, for messages}.
TRANSITIONS: dict[str, dict[str, str]] = {
    Status.PLANNED: {Status.INVITATIONS_SENT: "send invitations", Status.CANCELLED: "cancel"},
    Status.INVITATIONS_SENT: {Status.HELD: "mark as held", Status.CANCELLED: "cancel"},
    Status.CANCELLED: {Status.PLANNED: "reinstate"},
    Status.HELD: {},
}


# Dates and periods -----------------------------------------------------------------------


def period_of(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def default_event_date(year: int, month: int) -> datetime.date:
    """The third Thursday of the month: a weekday clear of the month's first meetings."""
    first = datetime.date(year, month, 1)
    first_thursday = first + datetime.timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + datetime.timedelta(weeks=2)


def periods_ahead(today: datetime.date, count: int = 2) -> list[tuple[int, int]]:
    """The next `count` configured review months, counting this month."""
    months = settings.REVIEW_EVENT_MONTHS
    found, year, month = [], today.year, today.month
    while len(found) < count:
        if month in months:
            found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _period_label(period: str) -> str:
    year, month = (int(part) for part in period.split("-"))
    return datetime.date(year, month, 1).strftime("%B %Y")


# The event ---------------------------------------------------------------------------------


def review_event_ensure(*, year: int, month: int) -> tuple[ReviewEvent, bool]:
    """The review event of this period, created on its default date if missing. Safe when
    two callers race: the unique period lets one create it and the other read it."""
    period = period_of(year, month)
    defaults = {
        "title": f"Bi-annual review event, {_period_label(period)}",
        "date": default_event_date(year, month),
    }
    try:
        with transaction.atomic():
            return ReviewEvent.objects.get_or_create(period=period, defaults=defaults)
    except IntegrityError:
        return ReviewEvent.objects.get(period=period), False


@transaction.atomic
def review_event_create(
    *, actor: User, title: str, date: datetime.date, venue: str = ""
) -> ReviewEvent:
    """An officer plans a review event; it belongs to the period of its date."""
    period = period_of(date.year, date.month)
    existing = ReviewEvent.objects.filter(period=period).first()
    if existing is not None:
        raise DomainError(
            f"There is already a review event for {_period_label(period)}: {existing.title}.",
            field="date",
        )
    _refuse_past(date)
    event = ReviewEvent(period=period, title=title, date=date, venue=venue)
    event.full_clean()
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError as error:
        raise DomainError(
            f"There is already a review event for {_period_label(period)}.", field="date"
        ) from error
    return event


@transaction.atomic
def review_event_update(
    *, actor: User, event: ReviewEvent, title: str, date: datetime.date, venue: str
) -> ReviewEvent:
    """Change the title, date or venue of an event still to be held. It keeps its period."""
    event = _locked(event)
    if not event.is_open:
        raise DomainError(
            f"A review event that is {event.get_status_display().lower()} cannot be changed."
        )
    moved = date != event.date
    if moved:
        _refuse_past(date)
    event.title, event.date, event.venue = title, date, venue
    if moved and event.invitations_sent_at:
        # Those invited hear of the new date; reminders then count from this invitation.
        event.invitations_sent_at = timezone.now()
        _notify_invitees(event, "invitation")
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def review_event_transition(
    *,
    actor: User | None,
    event: ReviewEvent,
    to: str,
    reason: str = "",
    today: datetime.date | None = None,
) -> ReviewEvent:
    """Move an event to another status, if the rules allow; an illegal move changes nothing
    and says why."""
    today = today or timezone.localdate()
    event = _locked(event)
    _check_transition(event, to, reason, today)
    now = _moment(today)
    if to == Status.INVITATIONS_SENT:
        event.invitations_sent_at = now
        _notify_invitees(event, "invitation")
    elif to == Status.HELD:
        event.held_at = now
    elif to == Status.CANCELLED:
        event.cancelled_reason = reason.strip()
        if event.invitations_sent_at:
            _notify_invitees(event, "cancelled")
    elif to == Status.PLANNED:
        event.cancelled_reason, event.invitations_sent_at = "", None
    event.status = to
    event.full_clean()
    event.save()
    return event


def transition_refusal(event: ReviewEvent, to: str, today: datetime.date | None = None) -> str:
    """Why this move is not allowed now, or "" when it is (reason aside)."""
    try:
        _check_transition(event, to, "reason", today or timezone.localdate())
    except DomainError as error:
        return error.message
    return ""


def _check_transition(event: ReviewEvent, to: str, reason: str, today: datetime.date) -> None:
    allowed = TRANSITIONS[event.status]
    if to not in allowed:
        current = event.get_status_display().lower()
        target = Status(to).label.lower() if to in Status.values else to
        raise DomainError(f"A review event that is {current} cannot become {target}.")
    if to == Status.HELD and event.date > today:
        raise DomainError(
            f"The event is on {event.date:%-d %B %Y}: it can be marked as held from that day."
        )
    if to in (Status.INVITATIONS_SENT, Status.PLANNED) and event.date < today:
        raise DomainError(
            f"The event's date, {event.date:%-d %B %Y}, has passed: "
            f"change the date first, or cancel it."
        )
    if to == Status.CANCELLED and not reason.strip():
        raise DomainError("Say why the event is cancelled.", field="reason")


def _moment(today: datetime.date) -> datetime.datetime:
    """Now, or noon of `today` when acting as of another day (the scheduler's `today`)."""
    now = timezone.now()
    if today == timezone.localdate(now):
        return now
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))


def _refuse_past(date: datetime.date) -> None:
    if date < timezone.localdate():
        raise DomainError("The date of a review event cannot be in the past.", field="date")


def _locked(event: ReviewEvent) -> ReviewEvent:
    # Read the row afresh and hold it: two officers, or a task and an officer, never both
    # act on the status they read before the other's change.
    return ReviewEvent.objects.select_for_update().get(pk=event.pk)


# Plans under review and the pre-read pack ----------------------------------------------------


@transaction.atomic
def review_plans_capture(*, event: ReviewEvent) -> list[ReviewPlan]:
    """Capture each active CSP's and People Zone's plan and progress for the event's pack,
    replacing an earlier capture. Only before the event: afterwards the record stands."""
    event = _locked(event)
    if not event.is_open:
        raise DomainError(
            f"The plans of a review event that is {event.get_status_display().lower()} "
            "stay as they were captured."
        )
    now = timezone.now()
    kept = []
    for position, snap in enumerate(plan_snapshots()):
        lookup = {"body": snap.body} if snap.body else {"zone": snap.zone}
        plan, _ = ReviewPlan.objects.update_or_create(
            event=event,
            **lookup,
            defaults={
                "name": snap.name,
                "summary": snap.summary,
                "progress": snap.progress,
                "figures": snap.figures,
                "position": position,
                "captured_at": now,
            },
        )
        kept.append(plan)
    event.plans.exclude(pk__in=[plan.pk for plan in kept]).delete()
    return kept


@transaction.atomic
def review_pack_compile(
    *, event: ReviewEvent, actor: User | None = None, today: datetime.date | None = None
) -> ReviewEvent:
    """Compile the pre-read pack: capture the plans under review, then tell the invitees
    the pack is ready (once per event date)."""
    review_plans_capture(event=event)
    event = _locked(event)
    event.pack_compiled_at = _moment(today or timezone.localdate())
    event.save(update_fields=["pack_compiled_at"])
    _notify_invitees(event, "pack")
    return event


# Strategic direction ---------------------------------------------------------------------------


@transaction.atomic
def review_direction_record(
    *,
    actor: User,
    event: ReviewEvent,
    direction: str,
    set_titles: Iterable[str] = (),
    retire: Iterable[Priority] = (),
) -> ReviewEvent:
    """Record the strategic direction a held event agreed, and the priorities it agreed to
    set (by title) and to retire. Replaces what was recorded before."""
    event = _locked(event)
    if not event.is_held:
        raise DomainError(
            "The strategic direction is recorded once the event has been held.", field="direction"
        )
    if not direction.strip():
        raise DomainError("Enter the strategic direction agreed.", field="direction")
    event.direction = direction.strip()
    event.save(update_fields=["direction"])
    wanted = [(ReviewDirectionItem.Action.SET, t.strip(), None) for t in set_titles if t.strip()]
    wanted += [(ReviewDirectionItem.Action.RETIRE, p.title, p) for p in retire]
    keep = Q(pk__in=[])
    for action, title, priority in wanted:
        item, _ = ReviewDirectionItem.objects.update_or_create(
            event=event, action=action, title=title, defaults={"priority": priority}
        )
        keep |= Q(pk=item.pk)
    event.direction_items.exclude(keep).delete()
    return event


# Budget: allocations, spend, in kind --------------------------------------------------------------


@transaction.atomic
def allocation_add(
    *,
    actor: User,
    event: ReviewEvent,
    amount: Decimal,
    purpose: str,
    funding_source: str,
    body: Body | None = None,
    zone: Zone | None = None,
) -> Allocation:
    """Allocate money to a body or a zone for the next period (planned before the event,
    agreed at it)."""
    event = _locked(event)
    if event.is_cancelled:
        raise DomainError("A cancelled review event takes no allocations.")
    _one_recipient(body, zone)
    allocation = Allocation(
        event=event,
        body=body,
        zone=zone,
        amount=amount,
        purpose=purpose,
        funding_source=funding_source,
    )
    allocation.full_clean()
    allocation.save()
    return allocation


@transaction.atomic
def spend_record(
    *,
    actor: User,
    allocation: Allocation,
    date: datetime.date,
    amount: Decimal,
    description: str,
) -> Spend:
    """Record money spent against an allocation agreed at a held event. Spending more than
    was allocated is recorded, and flagged wherever the allocation shows."""
    allocation = (
        Allocation.objects.select_related("event")
        .select_for_update(of=("self",))
        .get(pk=allocation.pk)
    )
    event = allocation.event
    if not event.is_held:
        raise DomainError(
            "Spend is recorded against allocations agreed at a held review event; "
            f"this one is {event.get_status_display().lower()}."
        )
    if date < event.date:
        raise DomainError(
            f"Spend cannot be dated before the event that agreed it ({event.date:%-d %B %Y}).",
            field="date",
        )
    if date > timezone.localdate():
        raise DomainError("Spend cannot be dated in the future.", field="date")
    spend = Spend(
        allocation=allocation,
        date=date,
        amount=amount,
        description=description,
        recorded_by=actor,
    )
    spend.full_clean()
    spend.save()
    return spend


@transaction.atomic
def in_kind_record(
    *,
    actor: User,
    event: ReviewEvent,
    organisation: Organisation,
    description: str,
    hours: Decimal | None = None,
    estimated_value: Decimal | None = None,
    body: Body | None = None,
    zone: Zone | None = None,
) -> InKindContribution:
    """Record a contribution in kind (staff hours, rooms, equipment), apart from money."""
    event = _locked(event)
    if event.is_cancelled:
        raise DomainError("A cancelled review event takes no contributions.")
    if hours is None and estimated_value is None:
        raise DomainError("Enter the staff hours, an estimated value, or both.", field="hours")
    if body is not None and zone is not None:
        raise DomainError("Choose a body or a zone, not both.", field="recipient")
    contribution = InKindContribution(
        event=event,
        organisation=organisation,
        description=description,
        hours=hours,
        estimated_value=estimated_value,
        body=body,
        zone=zone,
        recorded_by=actor,
    )
    contribution.full_clean()
    contribution.save()
    return contribution


def _one_recipient(body: Body | None, zone: Zone | None) -> None:
    if (body is None) == (zone is None):
        raise DomainError("Choose one body or one People Zone.", field="recipient")


# Invitees and scheduled notices -------------------------------------------------------------------


def review_invitees() -> list[User]:
    """Who is invited to review events: the members of the SPB and the SOG, the chairs of
    every CSP and county board, and OPCC officers."""
    seat_holders = Membership.objects.filter(body__is_active=True).filter(
        Q(body__level__in=[Body.Level.SPB, Body.Level.SOG])
        | Q(body__level__in=[Body.Level.CSP, Body.Level.COUNTY], role=Membership.Role.CHAIR)
    )
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(pk__in=seat_holders.values("user_id")) | Q(organisation__kind=Organisation.Kind.OPCC)
        )
        .order_by("pk")
    )


NOTICES = {
    "invitation": (
        Notification.Kind.REVIEW_INVITATION,
        "Invitation: {title}, {date}",
        "You are invited to the bi-annual review event on {date}{venue}. It reviews the "
        "plans of each Community Safety Partnership and People Zone, agrees the strategic "
        "direction and the budget for the next period.",
    ),
    "reminder": (
        Notification.Kind.REVIEW_REMINDER,
        "Reminder: {title} in {days} days, {date}",
        "The bi-annual review event is on {date}{venue}, in {days} days.",
    ),
    "pack": (
        Notification.Kind.REVIEW_PACK,
        "Pre-read pack ready: {title}",
        "The pre-read pack for the review event on {date} is ready: the plans under review, "
        "the budget and the contributions in kind. Read it before the event.",
    ),
    "cancelled": (
        Notification.Kind.REVIEW_CANCELLED,
        "Cancelled: {title}, {date}",
        "The bi-annual review event on {date} is cancelled. {reason}",
    ),
}


def _notify_invitees(event: ReviewEvent, what: str, days: int | None = None) -> list:
    kind, subject, message = NOTICES[what]
    facts = {
        "title": event.title,
        "date": f"{event.date:%A %-d %B %Y}",
        "venue": f" at {event.venue}" if event.venue else "",
        "days": days,
        "reason": event.cancelled_reason,
    }
    key = f"review:{event.pk}:{event.date.isoformat()}:{what}"
    if days is not None:
        key += f":{days}"
    url = reverse("review-event-pack" if what == "pack" else "review-event-detail", args=[event.pk])
    return notify_users(
        users=review_invitees(),
        kind=kind,
        subject=subject.format(**facts),
        message=message.format(**facts).strip(),
        url=url,
        key=key,
    )


def review_events_ensure(*, today: datetime.date) -> list[int]:
    """Make sure the next two review events exist; the ids of every event still to come."""
    for year, month in periods_ahead(today):
        review_event_ensure(year=year, month=month)
    return list(ReviewEvent.objects.upcoming(today).values_list("pk", flat=True))


@transaction.atomic
def review_event_due_work(*, event_id: int, today: datetime.date) -> list[str]:
    """Do what is due today for one event: invite, remind, compile the pack. Returns what
    was done. Safe to run again, and twice at once: the event row is locked, and each
    notice goes once per person."""
    event = ReviewEvent.objects.select_for_update().filter(pk=event_id).first()
    if event is None or not event.is_open or event.date < today:
        return []
    done = []
    days_left = (event.date - today).days
    if event.status == Status.PLANNED and days_left <= settings.REVIEW_INVITATION_DAYS:
        event = review_event_transition(
            actor=None, event=event, to=Status.INVITATIONS_SENT, today=today
        )
        done.append("invitation")
    reminder = _reminder_due(event, days_left)
    if reminder is not None and _notify_invitees(event, "reminder", days=reminder):
        done.append(f"reminder:{reminder}")
    if days_left <= settings.REVIEW_PACK_DAYS and event.pack_compiled_at is None:
        review_pack_compile(event=event, today=today)
        done.append("pack")
    return done


def _reminder_due(event: ReviewEvent, days_left: int) -> int | None:
    """The latest reminder lead time reached, if the invitation went out before it: a late
    invitation, or days without a run, never bring a burst of reminders."""
    if event.invitations_sent_at is None or days_left <= 0:
        return None
    invited_days_ahead = (event.date - timezone.localdate(event.invitations_sent_at)).days
    due = [d for d in settings.REVIEW_REMINDER_DAYS if days_left <= d < invited_days_ahead]
    return min(due) if due else None

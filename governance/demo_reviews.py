"""Demo data: review events. The last one (held, with the strategic direction agreed,
allocations, spend against them and contributions in kind) and the next one (planned, with
allocations proposed). Amounts are invented [demo]; safe to run again."""

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.models import (
    Allocation,
    InKindContribution,
    ReviewDirectionItem,
    ReviewEvent,
    Spend,
    User,
)
from governance.services import reviews as services

DIRECTION = (
    "The partnership keeps violence and vulnerability, and violence against women and "
    "girls, as its two shared priorities for the next six months.\n\n"
    "Each Community Safety Partnership reports progress on both at every meeting, and the "
    "People Zones lead on resident-led activity for young people in the evenings. Money "
    "goes first to work that partners will keep going within existing resources."
)

# (recipient kind, slug, amount, purpose, funding source, [(days after event, amount, what)])
PAST_ALLOCATIONS = [
    (
        "body",
        "safer-leicester-partnership",
        "12000.00",
        "Night-time economy safety patrols",
        "community_safety_fund",
        [
            (20, "4800.00", "Street pastors, first quarter"),
            (75, "5100.00", "Street pastors, second quarter"),
        ],
    ),
    (
        "zone",
        "new-parks",
        "3500.00",
        "Community café and youth evenings",
        "community_safety_fund",
        [(14, "2100.00", "Kitchen equipment"), (60, "1650.00", "Youth evening sessions")],
    ),
    (
        "zone",
        "bell-foundry-estate",
        "2500.00",
        "Resident leadership training",
        "partner",
        [(30, "900.00", "Training course, first cohort")],
    ),
    (
        "body",
        "north-west-leicestershire-csp",
        "6000.00",
        "Street-light audit and repairs",
        "commissioning",
        [(45, "2400.00", "Audit by the district council")],
    ),
]
NEXT_ALLOCATIONS = [
    (
        "body",
        "safer-leicester-partnership",
        "10000.00",
        "Night-time economy safety patrols",
        "community_safety_fund",
    ),
    (
        "zone",
        "coalville",
        "3000.00",
        "Residents' survey and community activity fund",
        "community_safety_fund",
    ),
    ("body", "charnwood-csp", "4500.00", "Student safety campaign", "grant"),
]
# (organisation, recipient kind, slug, description, hours, estimated value)
IN_KIND = [
    (
        "Leicestershire Fire and Rescue Service",
        "zone",
        "new-parks",
        "Meeting room at New Parks fire station, weekly",
        "52",
        "1560.00",
    ),
    (
        "Leicestershire Police",
        "zone",
        "new-parks",
        "Neighbourhood officer time at youth evenings",
        "96",
        None,
    ),
    (
        "Leicester City Council",
        "body",
        "safer-leicester-partnership",
        "Analyst time for the strategic assessment",
        "40",
        "1400.00",
    ),
    (
        "Voluntary Action LeicesterShire",
        "zone",
        "bell-foundry-estate",
        "Volunteer co-ordinator support",
        None,
        "800.00",
    ),
]


def load(state: dict) -> None:
    """The past and the next review event."""
    officer = User.objects.get(username="officer")
    today = timezone.localdate()
    (last_year, last_month), (next_year, next_month) = _last_and_next(today)
    past = _past_event(last_year, last_month, state, officer)
    upcoming, _ = services.review_event_ensure(year=next_year, month=next_month)
    if not upcoming.venue:
        ReviewEvent.objects.filter(pk=upcoming.pk).update(venue="City Hall, Leicester")
    for kind, slug, amount, purpose, source in NEXT_ALLOCATIONS:
        _allocation(upcoming, state, kind, slug, amount, purpose, source)
    state["review_events"] = {"past": past, "upcoming": upcoming}


def _last_and_next(today: datetime.date) -> tuple[tuple[int, int], tuple[int, int]]:
    """The review month before this one (for the held event) and the next one to come."""
    upcoming = services.periods_ahead(today, 1)[0]
    if services.default_event_date(*upcoming) < today:
        upcoming = services.periods_ahead(today, 2)[1]
    year, month = today.year, today.month
    while True:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        if month in services.settings.REVIEW_EVENT_MONTHS:
            return (year, month), upcoming


def _past_event(year: int, month: int, state: dict, officer: User) -> ReviewEvent:
    period = services.period_of(year, month)
    date = services.default_event_date(year, month)
    event = ReviewEvent.objects.filter(period=period).first()
    if event is None:
        event = ReviewEvent.objects.create(
            period=period,
            title=f"Bi-annual review event, {date:%B %Y}",
            date=date,
            venue="City Hall, Leicester",
        )
        # The plans as they stood for its pack, then the event as held.
        services.review_plans_capture(event=event)
        moment = timezone.make_aware(datetime.datetime.combine(date, datetime.time(17)))
        ReviewEvent.objects.filter(pk=event.pk).update(
            status=ReviewEvent.Status.HELD,
            invitations_sent_at=moment - datetime.timedelta(days=42),
            pack_compiled_at=moment - datetime.timedelta(days=14),
            held_at=moment,
            direction=DIRECTION,
        )
        event.refresh_from_db()
    _direction_items(event)
    for kind, slug, amount, purpose, source, spends in PAST_ALLOCATIONS:
        allocation = _allocation(event, state, kind, slug, amount, purpose, source)
        for days, spent, what in spends:
            when = min(date + datetime.timedelta(days=days), timezone.localdate())
            Spend.objects.get_or_create(
                allocation=allocation,
                description=what,
                defaults={"date": when, "amount": Decimal(spent), "recorded_by": officer},
            )
    for organisation, kind, slug, description, hours, value in IN_KIND:
        InKindContribution.objects.get_or_create(
            event=event,
            description=description,
            defaults={
                "organisation": state["organisations"][organisation],
                kind: _recipient(state, kind, slug),
                "hours": Decimal(hours) if hours else None,
                "estimated_value": Decimal(value) if value else None,
                "recorded_by": officer,
            },
        )
    return event


def _direction_items(event: ReviewEvent) -> None:
    ReviewDirectionItem.objects.get_or_create(
        event=event, action="set", title="Youth diversion in the evenings"
    )


def _recipient(state: dict, kind: str, slug: str):
    return state["bodies"][slug] if kind == "body" else state["zones"][slug]


def _allocation(event, state, kind, slug, amount, purpose, source) -> Allocation:
    allocation, _ = Allocation.objects.get_or_create(
        event=event,
        purpose=purpose,
        **{kind: _recipient(state, kind, slug)},
        defaults={"amount": Decimal(amount), "funding_source": source},
    )
    return allocation

"""Review events: every status change and every illegal move, the strategic direction,
allocations, spend and in-kind contributions, and the budget totals."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone

from config.domain import DomainError
from governance.models import Body, Notification, ReviewEvent, ReviewPlan
from governance.selectors.reviews import (
    overspent_allocations,
    plan_snapshots,
    review_budget,
    review_event_get,
)
from governance.services import reviews as services
from tests.factories import MembershipFactory, UserFactory, ZoneFactory
from tests.factories_reviews import (
    AllocationFactory,
    HeldReviewEventFactory,
    InKindFactory,
    ReviewEventFactory,
    SpendFactory,
)

Status = ReviewEvent.Status


def current_date():
    """Today, read when asked: a run that passes midnight must not compare with yesterday."""
    return timezone.localdate()


def unchanged(event: ReviewEvent) -> dict:
    fresh = ReviewEvent.objects.get(pk=event.pk)
    return {f.name: getattr(fresh, f.name) for f in ReviewEvent._meta.concrete_fields}


def move(event, to, *, reason="", today=None, actor=None):
    return services.review_event_transition(
        actor=actor, event=event, to=to, reason=reason, today=today
    )


# The state machine ------------------------------------------------------------------------


def test_sending_invitations_tells_every_invitee_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    event = ReviewEventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        move(event, Status.INVITATIONS_SENT, actor=world.people.officer)
    event.refresh_from_db()
    assert event.status == Status.INVITATIONS_SENT
    assert event.invitations_sent_at is not None
    invited = set(
        Notification.objects.filter(kind="review_invitation").values_list(
            "recipient__username", flat=True
        )
    )
    # Officers and SPB members are invited; a JAG chair, panel members and partners are not.
    assert invited == {"officer", "board"}
    assert sorted(m.to[0] for m in mailoutbox) == ["board@example.org", "officer@example.org"]


def test_invitees_are_spb_and_sog_members_csp_and_county_chairs_and_officers(world):
    county = Body.objects.create(
        name="County board",
        slug="county",
        level=Body.Level.COUNTY,
        parent=world.bodies.sog,
        area="County",
    )
    sog_member = MembershipFactory(body=world.bodies.sog).user
    csp_chair = MembershipFactory(body=world.bodies.csp_a, role="chair").user
    county_chair = MembershipFactory(body=county, role="chair").user
    csp_member = MembershipFactory(body=world.bodies.csp_b, role="member").user
    gone = MembershipFactory(body=world.bodies.spb, user=UserFactory(is_active=False)).user
    invitees = set(services.review_invitees())
    assert {world.people.officer, world.people.board, sog_member, csp_chair, county_chair} == (
        invitees
    )
    assert csp_member not in invitees and gone not in invitees
    assert world.people.body_member not in invitees  # a JAG chair


def test_an_event_is_held_on_or_after_its_date(world):
    event = ReviewEventFactory(
        date=current_date(), status=Status.INVITATIONS_SENT, invitations_sent_at=timezone.now()
    )
    move(event, Status.HELD)
    event.refresh_from_db()
    assert event.status == Status.HELD and event.held_at is not None


def test_holding_before_the_date_is_refused_and_changes_nothing(world):
    event = ReviewEventFactory(status=Status.INVITATIONS_SENT, invitations_sent_at=timezone.now())
    before = unchanged(event)
    with pytest.raises(DomainError, match="can be marked as held from that day"):
        move(event, Status.HELD)
    assert unchanged(event) == before


def test_a_planned_event_cannot_be_held_without_invitations(world):
    event = ReviewEventFactory(date=current_date())
    with pytest.raises(DomainError, match="planned cannot become held"):
        move(event, Status.HELD)
    assert ReviewEvent.objects.get(pk=event.pk).status == Status.PLANNED


@pytest.mark.parametrize("start", [Status.PLANNED, Status.INVITATIONS_SENT])
def test_cancelling_needs_a_reason_and_tells_those_invited(
    start, world, mailoutbox, django_capture_on_commit_callbacks
):
    event = ReviewEventFactory(
        status=start,
        invitations_sent_at=(timezone.now() if start == Status.INVITATIONS_SENT else None),
    )
    with pytest.raises(DomainError, match="Say why"):
        move(event, Status.CANCELLED, reason="  ")
    assert ReviewEvent.objects.get(pk=event.pk).status == start
    with django_capture_on_commit_callbacks(execute=True):
        move(event, Status.CANCELLED, reason="The venue is closed.")
    event.refresh_from_db()
    assert (event.status, event.cancelled_reason) == (Status.CANCELLED, "The venue is closed.")
    told = Notification.objects.filter(kind="review_cancelled").count()
    assert told == (2 if start == Status.INVITATIONS_SENT else 0)
    assert len(mailoutbox) == told


def test_a_cancelled_event_can_be_reinstated_while_its_date_is_ahead(world):
    event = ReviewEventFactory(status=Status.CANCELLED, cancelled_reason="Clash")
    move(event, Status.PLANNED)
    event.refresh_from_db()
    assert (event.status, event.cancelled_reason, event.invitations_sent_at) == (
        Status.PLANNED,
        "",
        None,
    )


def test_reinstating_a_past_cancelled_event_is_refused(world):
    event = ReviewEventFactory(
        date=current_date() - datetime.timedelta(days=1), status=Status.CANCELLED
    )
    with pytest.raises(DomainError, match="has passed"):
        move(event, Status.PLANNED)


def test_invitations_for_a_past_date_are_refused(world):
    event = ReviewEventFactory(date=current_date() - datetime.timedelta(days=1))
    with pytest.raises(DomainError, match="has passed"):
        move(event, Status.INVITATIONS_SENT)
    assert not Notification.objects.exists()


ILLEGAL = [
    (Status.PLANNED, Status.HELD),
    (Status.PLANNED, Status.PLANNED),
    (Status.INVITATIONS_SENT, Status.PLANNED),
    (Status.INVITATIONS_SENT, Status.INVITATIONS_SENT),
    (Status.HELD, Status.PLANNED),
    (Status.HELD, Status.INVITATIONS_SENT),
    (Status.HELD, Status.CANCELLED),
    (Status.HELD, Status.HELD),
    (Status.CANCELLED, Status.HELD),
    (Status.CANCELLED, Status.INVITATIONS_SENT),
    (Status.CANCELLED, Status.CANCELLED),
]


@pytest.mark.parametrize(("start", "to"), ILLEGAL)
def test_illegal_moves_are_refused_with_a_reason_and_change_nothing(start, to, world):
    factory = HeldReviewEventFactory if start == Status.HELD else ReviewEventFactory
    invited = timezone.now() if start == Status.INVITATIONS_SENT else None
    event = factory(status=start, **({"invitations_sent_at": invited} if invited else {}))
    before = unchanged(event)
    with pytest.raises(DomainError) as refused:
        move(event, to, reason="Because")
    assert "cannot become" in refused.value.message
    assert unchanged(event) == before
    assert not Notification.objects.exists()


def test_every_status_lists_its_moves():
    assert set(services.TRANSITIONS) == set(Status.values)


def test_the_database_keeps_one_event_per_period(world):
    event = ReviewEventFactory()
    with pytest.raises(IntegrityError):
        ReviewEvent.objects.create(period=event.period, title="Again", date=event.date)


def test_officers_plan_an_event_in_a_free_month_only(world):
    date = current_date() + datetime.timedelta(days=100)
    event = services.review_event_create(
        actor=world.people.officer, title="Extra review", date=date, venue="Online"
    )
    assert event.period == f"{date:%Y-%m}" and event.status == Status.PLANNED
    with pytest.raises(DomainError, match="already a review event") as refused:
        services.review_event_create(actor=world.people.officer, title="Twice", date=date)
    assert refused.value.field == "date"
    with pytest.raises(DomainError, match="past"):
        services.review_event_create(
            actor=world.people.officer,
            title="Late",
            date=current_date() - datetime.timedelta(days=400),
        )


def test_an_event_changes_while_open_and_keeps_its_period(world):
    event = ReviewEventFactory()
    later = event.date + datetime.timedelta(days=40)
    services.review_event_update(
        actor=world.people.officer, event=event, title="Moved", date=later, venue="Online"
    )
    event.refresh_from_db()
    assert (event.title, event.date, event.period) == ("Moved", later, event.period)
    held = HeldReviewEventFactory()
    with pytest.raises(DomainError, match="held cannot be changed"):
        services.review_event_update(
            actor=world.people.officer, event=held, title="X", date=held.date, venue=""
        )


# Plans under review, and the pack -----------------------------------------------------------


def test_capturing_plans_snapshots_each_active_csp_and_zone(world):
    ZoneFactory(name="Closed zone", csp=world.bodies.csp_a, status="closed")
    event = ReviewEventFactory()
    plans = services.review_plans_capture(event=event)
    names = [p.name for p in plans]
    assert names == ["CSP A", "CSP B", "Zone A", "Zone B"]
    csp_a = plans[0]
    assert csp_a.body == world.bodies.csp_a and csp_a.zone is None
    assert ["Joint Action Groups", 1] in csp_a.figures
    assert ["Active People Zones", 1] in csp_a.figures
    zone_a = plans[2]
    assert zone_a.summary == "No ambition statement yet." and zone_a.kind == "People Zone"
    # Capturing again replaces the snapshot rather than adding to it.
    services.review_plans_capture(event=event)
    assert ReviewPlan.objects.filter(event=event).count() == 4


def test_a_held_events_plans_stay_as_captured(world):
    event = HeldReviewEventFactory()
    with pytest.raises(DomainError, match="stay as they were captured"):
        services.review_plans_capture(event=event)


def test_zone_snapshot_reads_the_ambition_statement_and_milestones(world):
    from peoplezones.models import AmbitionStatement, Milestone, Objective

    zone = world.zones.a
    AmbitionStatement.objects.create(
        zone=zone,
        version=1,
        text="A proud, safe community.",
        status="approved",
        consulted_on=current_date(),
        approved_on=current_date(),
    )
    objective = Objective.objects.create(zone=zone, title="Young people's activities")
    Milestone.objects.create(
        objective=objective,
        title="Club opens",
        due_on=current_date(),
        status="done",
        completed_on=current_date(),
        owner_name="Panel",
    )
    Milestone.objects.create(
        objective=objective,
        title="Late one",
        due_on=current_date() - datetime.timedelta(days=3),
        owner_name="Panel",
    )
    snap = next(s for s in plan_snapshots() if s.zone == zone)
    assert snap.summary == "Ambition statement (version 1): A proud, safe community."
    assert "Young people's activities: 1 of 2 milestones done" in snap.progress
    assert ["Milestones done", "1 of 2"] in snap.figures
    assert ["Milestones overdue", 1] in snap.figures


def test_compiling_the_pack_notifies_invitees_once(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    event = ReviewEventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_pack_compile(event=event)
        services.review_pack_compile(event=event)
    event.refresh_from_db()
    assert event.pack_compiled_at is not None
    assert Notification.objects.filter(kind="review_pack").count() == 2
    assert len(mailoutbox) == 2
    assert "/pack/" in Notification.objects.filter(kind="review_pack").first().url


# Strategic direction ------------------------------------------------------------------------


def test_direction_is_recorded_for_a_held_event_with_priorities_to_set_and_retire(world):
    from governance.models import Priority

    priority = Priority.objects.create(
        title="Road safety",
        description="d",
        rationale="r",
        period_start=current_date(),
        period_end=current_date(),
        acknowledge_by=current_date(),
        setting_body=world.bodies.spb,
        set_by=world.people.officer,
    )
    event = HeldReviewEventFactory()
    services.review_direction_record(
        actor=world.people.officer,
        event=event,
        direction="Focus on young people.",
        set_titles=["Youth diversion", " "],
        retire=[priority],
    )
    event = review_event_get(event.pk)
    assert event.direction == "Focus on young people."
    items = [(i.action, i.title, i.priority) for i in event.direction_items.all()]
    assert items == [("retire", "Road safety", priority), ("set", "Youth diversion", None)]
    # Recording again replaces the list.
    services.review_direction_record(
        actor=world.people.officer, event=event, direction="Changed.", set_titles=["Other"]
    )
    assert [i.title for i in review_event_get(event.pk).direction_items.all()] == ["Other"]


def test_direction_before_the_event_is_held_is_refused(world):
    event = ReviewEventFactory()
    with pytest.raises(DomainError, match="once the event has been held"):
        services.review_direction_record(actor=world.people.officer, event=event, direction="X")
    assert ReviewEvent.objects.get(pk=event.pk).direction == ""


def test_empty_direction_is_refused(world):
    with pytest.raises(DomainError, match="Enter the strategic direction"):
        services.review_direction_record(
            actor=world.people.officer, event=HeldReviewEventFactory(), direction="  "
        )


# Budget --------------------------------------------------------------------------------------


def test_allocations_go_to_one_body_or_one_zone(world):
    event = ReviewEventFactory()
    officer = world.people.officer
    to_body = services.allocation_add(
        actor=officer,
        event=event,
        body=world.bodies.csp_a,
        amount=Decimal("5000"),
        purpose="Night-time economy",
        funding_source="community_safety_fund",
    )
    to_zone = services.allocation_add(
        actor=officer,
        event=event,
        zone=world.zones.a,
        amount=Decimal("2500.50"),
        purpose="Community café",
        funding_source="partner",
    )
    assert (to_body.recipient, to_zone.recipient) == (world.bodies.csp_a, world.zones.a)
    for recipient in ({}, {"body": world.bodies.csp_a, "zone": world.zones.a}):
        with pytest.raises(DomainError, match="Choose one body or one People Zone"):
            services.allocation_add(
                actor=officer,
                event=event,
                amount=Decimal("1"),
                purpose="x",
                funding_source="other",
                **recipient,
            )


def test_a_cancelled_event_takes_no_allocations_or_contributions(world):
    event = ReviewEventFactory(status=Status.CANCELLED)
    with pytest.raises(DomainError, match="cancelled"):
        services.allocation_add(
            actor=world.people.officer,
            event=event,
            body=world.bodies.csp_a,
            amount=Decimal("1"),
            purpose="x",
            funding_source="other",
        )
    with pytest.raises(DomainError, match="cancelled"):
        services.in_kind_record(
            actor=world.people.officer,
            event=event,
            organisation=world.organisations.x,
            description="Room",
            hours=Decimal("2"),
        )


def test_spend_needs_a_held_event_and_a_date_from_the_event_to_today(world):
    officer = world.people.officer
    planned = AllocationFactory(event=ReviewEventFactory())
    with pytest.raises(DomainError, match="held review event"):
        services.spend_record(
            actor=officer,
            allocation=planned,
            date=current_date(),
            amount=Decimal("1"),
            description="x",
        )
    allocation = AllocationFactory()
    event_date = allocation.event.date
    for bad_date, message in [
        (event_date - datetime.timedelta(days=1), "before the event"),
        (current_date() + datetime.timedelta(days=1), "in the future"),
    ]:
        with pytest.raises(DomainError, match=message) as refused:
            services.spend_record(
                actor=officer,
                allocation=allocation,
                date=bad_date,
                amount=Decimal("1"),
                description="x",
            )
        assert refused.value.field == "date"
    assert not allocation.spends.exists()
    spend = services.spend_record(
        actor=officer,
        allocation=allocation,
        date=current_date(),
        amount=Decimal("99.99"),
        description="Leaflets",
    )
    assert spend.recorded_by == officer


def test_budget_totals_spend_against_allocations_and_keep_in_kind_apart(world):
    event = HeldReviewEventFactory()
    under = AllocationFactory(event=event, amount=Decimal("1000.00"))
    over = AllocationFactory(event=event, amount=Decimal("500.00"))
    SpendFactory(allocation=under, amount=Decimal("250.00"))
    SpendFactory(allocation=under, amount=Decimal("100.50"))
    SpendFactory(allocation=over, amount=Decimal("600.00"))
    InKindFactory(event=event, hours=Decimal("12.5"), estimated_value=Decimal("300.00"))
    InKindFactory(event=event, hours=None, estimated_value=Decimal("200.00"))
    InKindFactory(event=event, hours=Decimal("4"), estimated_value=None)
    loaded = review_event_get(event.pk)
    budget = review_budget(loaded)
    assert budget.allocated == Decimal("1500.00")
    assert budget.spent == Decimal("950.50")
    assert budget.remaining == Decimal("549.50")
    # In kind is shown beside the money, never added to it.
    assert (budget.in_kind_hours, budget.in_kind_value) == (Decimal("16.5"), Decimal("500.00"))
    by_pk = {a.pk: a for a in loaded.allocations.all()}
    assert by_pk[under.pk].remaining == Decimal("649.50") and not by_pk[under.pk].is_overspent
    assert by_pk[over.pk].is_overspent and by_pk[over.pk].overspend == Decimal("100.00")
    assert [a.pk for a in budget.overspent] == [over.pk]
    assert [a.pk for a in overspent_allocations()] == [over.pk]


def test_in_kind_needs_hours_or_a_value_and_at_most_one_recipient(world):
    event = HeldReviewEventFactory()
    officer, org = world.people.officer, world.organisations.x
    with pytest.raises(DomainError, match="hours, an estimated value, or both"):
        services.in_kind_record(actor=officer, event=event, organisation=org, description="x")
    with pytest.raises(DomainError, match="not both"):
        services.in_kind_record(
            actor=officer,
            event=event,
            organisation=org,
            description="x",
            hours=Decimal("1"),
            body=world.bodies.csp_a,
            zone=world.zones.a,
        )
    made = services.in_kind_record(
        actor=officer,
        event=event,
        organisation=org,
        description="Fire station room, weekly",
        hours=Decimal("3"),
        zone=world.zones.a,
    )
    assert made.recipient == world.zones.a and made.estimated_value is None


def test_the_database_refuses_a_contribution_with_neither_hours_nor_value(world):
    with pytest.raises(IntegrityError):
        InKindFactory(hours=None, estimated_value=None)

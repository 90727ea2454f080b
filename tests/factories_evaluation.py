"""Factories and helpers for the evaluation: indicators, measurements and board packs."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from evaluation.models import Indicator, Measurement
from peoplezones.models import AmbitionStatement
from tests.factories import OrganisationFactory, UserFactory
from tests.factories_zones import AmbitionStatementFactory, CoreTeamMemberFactory


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def approved_statement(zone, **kwargs) -> AmbitionStatement:
    """The zone's approved ambition statement (made if missing)."""
    statement = zone.ambition_statements.filter(status="approved").first()
    if statement is not None:
        return statement
    return AmbitionStatementFactory(
        zone=zone,
        version=zone.ambition_statements.count() + 1,
        status="approved",
        consulted_on=kwargs.pop("consulted_on", days(-400)),
        approved_on=kwargs.pop("approved_on", days(-380)),
        **kwargs,
    )


class IndicatorFactory(factory.django.DjangoModelFactory):
    """Baseline 40 a year ago, target 60 a year from now, higher is better; pass the
    `ambition_statement`, such as approved_statement(world.zones.a)."""

    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicator {n}")
    domain = "safety"
    unit = "%"
    direction = "higher"
    baseline_value = Decimal(40)
    baseline_on = factory.LazyFunction(lambda: days(-365))
    target_value = Decimal(60)
    target_on = factory.LazyFunction(lambda: days(365))
    source = "Residents' survey"
    created_by = factory.SubFactory(UserFactory)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal(50)
    measured_on = factory.LazyFunction(lambda: days(-1))
    entered_by = factory.SubFactory(UserFactory)


def core_team_member(zone, username: str = "core-a"):
    """A partner agency's lead with an account, on the zone's core team (no other role)."""
    organisation = OrganisationFactory(name="Test Council")
    user = UserFactory(username=username, organisation=organisation)
    CoreTeamMemberFactory(zone=zone, user=user, name="", organisation=organisation)
    return user


def pack_world(world):
    """The world with something for every section of a board pack: zone A's indicators,
    plan and activities; an open escalation at the SOG and a confidential one at the SPB;
    an active priority routed to the CSPs; a held review event with allocations."""
    from governance.models import IssueStep
    from tests.factories_activities import ActivityFactory
    from tests.factories_issues import AssignmentFactory, IssueFactory, PriorityFactory
    from tests.factories_reviews import AllocationFactory, HeldReviewEventFactory
    from tests.factories_zones import MilestoneFactory, ObjectiveFactory

    bodies, zone = world.bodies, world.zones.a
    statement = approved_statement(zone, approved_on=days(-100))
    indicator = IndicatorFactory(ambition_statement=statement, name="Feeling safe after dark")
    MeasurementFactory(indicator=indicator, value=Decimal(50), measured_on=days(-20))
    objective = ObjectiveFactory(zone=zone, title="Youth evenings three nights a week")
    MilestoneFactory(objective=objective, title="Recruit youth leaders", due_on=days(-5))
    MilestoneFactory(
        objective=objective,
        title="Open the hall",
        status="done",
        completed_on=days(-10),
        due_on=days(-9),
    )
    MilestoneFactory(objective=objective, title="Review attendance", due_on=days(20))
    ActivityFactory(
        zone=zone,
        objective=objective,
        occurred_on=days(-15),
        participants=30,
        volunteer_hours=Decimal(12),
        domains=["safety", "health"],
    )
    ActivityFactory(
        zone=world.zones.b,
        occurred_on=days(-12),
        participants=7,
        volunteer_hours=Decimal(3),
        in_kind_value=Decimal(80),
        domains=["skills"],
    )
    escalated = IssueFactory(
        title="Youth diversion funding ends",
        raised_at=bodies.jag_a,
        raised_by=world.people.body_member,
    )
    escalated.body, escalated.status = bodies.sog, "escalated"
    escalated.save()
    IssueStep.objects.create(
        issue=escalated,
        action="escalated",
        actor=world.people.body_member,
        from_body=bodies.csp_a,
        to_body=bodies.sog,
        text="Beyond the partnership's means.",
    )
    secret = IssueFactory(
        title="Named family at risk",
        raised_at=bodies.csp_b,
        raised_by=world.people.body_member,
        is_confidential=True,
    )
    secret.body, secret.status = bodies.spb, "escalated"
    secret.save()
    priority = PriorityFactory(
        title="Violence against women and girls",
        setting_body=bodies.spb,
        set_by=world.people.officer,
    )
    for body in (bodies.csp_a, bodies.csp_b):
        AssignmentFactory(priority=priority, body=body)
    event = HeldReviewEventFactory(title="Review event, spring")
    AllocationFactory(
        event=event,
        body=None,
        zone=zone,
        amount=Decimal("3500.00"),
        purpose="Community café and youth evenings",
    )
    AllocationFactory(
        event=event, body=bodies.csp_b, amount=Decimal("6000.00"), purpose="Street-light audit"
    )
    return world


def draft_pack(world, **overrides):
    """A draft board pack over the last 90 days, drafted by the officer."""
    from evaluation.services.packs import board_pack_create

    values = {
        "title": "Report to the Board",
        "period_start": days(-90),
        "period_end": days(0),
        "recommendations": "The Board is asked to note this paper.",
    }
    values.update(overrides)
    return board_pack_create(actor=world.people.officer, **values)

"""Priorities: setting and routing, and every move of an assignment, legal and illegal."""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.domain import DomainError
from governance.models import Body, Notification, Priority, PriorityAssignment, PriorityReport
from governance.services.priorities import (
    assignment_acknowledge,
    assignment_report,
    priority_retire,
    priority_set,
)
from tests.factories import BodyFactory, MembershipFactory, UserFactory

Status = PriorityAssignment.Status
TODAY = timezone.localdate


def set_priority(world, actor=None, body=None, **extra):
    fields = {
        "title": "Reduce serious violence",
        "description": "Night-time economy.",
        "rationale": "The strategic assessment.",
        "period_start": TODAY(),
        "period_end": TODAY() + timedelta(days=365),
        "acknowledge_by": TODAY() + timedelta(days=14),
        **extra,
    }
    return priority_set(
        actor=actor or world.people.officer, setting_body=body or world.bodies.spb, **fields
    )


@pytest.fixture
def sog_member(world):
    user = UserFactory(username="sog-member")
    MembershipFactory(body=world.bodies.sog, user=user)
    return user


def snapshot(assignment):
    a = PriorityAssignment.objects.get(pk=assignment.pk)
    return (a.status, a.acknowledged_at, a.response, a.last_rag, a.reports.count())


def test_officer_sets_a_priority_routed_to_every_body_below(world):
    priority = set_priority(world, theme=Priority.Theme.VIOLENCE)
    b = world.bodies
    assert set(priority.assignments.values_list("body", flat=True)) == {
        body.pk for body in (b.sog, b.csp_a, b.csp_b, b.jag_a, b.jag_b)
    }
    assert set(priority.assignments.values_list("status", flat=True)) == {Status.AWAITING}


def test_routing_leaves_out_closed_bodies_and_bodies_in_other_trees(world):
    BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_a, is_active=False)
    BodyFactory(level=Body.Level.SPB, slug="other-spb")
    priority = set_priority(world, body=world.bodies.sog)
    assert priority.assignments.count() == 4


def test_a_priority_can_go_to_chosen_bodies_only(world):
    b = world.bodies
    priority = set_priority(world, route_to=[b.csp_a, b.jag_a])
    assert {a.body for a in priority.assignments.all()} == {b.csp_a, b.jag_a}


def test_each_receiving_body_is_told(world, sog_member):
    priority = set_priority(world, route_to=[world.bodies.sog, world.bodies.jag_a])
    told = Notification.objects.filter(kind=Notification.Kind.PRIORITY_ROUTED)
    assert {(n.recipient, n.body) for n in told} == {
        (sog_member, world.bodies.sog),
        (world.people.body_member, world.bodies.jag_a),
    }
    jag_note = told.get(recipient=world.people.body_member)
    assert jag_note.url == priority.assignments.get(body=world.bodies.jag_a).get_absolute_url()


def test_members_of_an_sog_or_spb_set_priorities_there(world, sog_member):
    assert set_priority(world, actor=sog_member, body=world.bodies.sog).assignments.count() == 4
    assert set_priority(world, actor=world.people.board).setting_body == world.bodies.spb


@pytest.mark.parametrize(
    ("actor", "body", "message"),
    [
        ("sog_member", "spb", "Only OPCC officers and members of Test SPB"),
        ("body_member", "spb", "Only OPCC officers and members of Test SPB"),
        ("officer", "csp_a", "Priorities are set at a Strategic Partnership Board"),
        ("partner_x", "sog", "Only OPCC officers and members of Test SOG"),
    ],
)
def test_setting_a_priority_is_refused_to_others_and_below_the_sog(
    world, sog_member, actor, body, message
):
    person = sog_member if actor == "sog_member" else getattr(world.people, actor)
    with pytest.raises(DomainError, match=message):
        set_priority(world, actor=person, body=getattr(world.bodies, body))
    assert not Priority.objects.exists() and not PriorityAssignment.objects.exists()


def test_routing_outside_the_bodies_below_is_refused_and_nothing_is_created(world):
    with pytest.raises(DomainError, match="not to Test SPB") as refused:
        set_priority(world, body=world.bodies.sog, route_to=[world.bodies.jag_a, world.bodies.spb])
    assert refused.value.field == "route_to"
    assert not Priority.objects.exists() and not PriorityAssignment.objects.exists()


def test_routing_to_no_body_is_refused(world):
    with pytest.raises(DomainError, match="Choose at least one body"):
        set_priority(world, route_to=[])


def test_an_acknowledge_by_date_in_the_past_is_refused(world):
    with pytest.raises(DomainError, match="today or later") as refused:
        set_priority(world, acknowledge_by=TODAY() - timedelta(days=1))
    assert refused.value.field == "acknowledge_by"


def test_a_period_that_ends_before_it_starts_is_refused(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        set_priority(world, period_end=TODAY() - timedelta(days=1))
    assert not Priority.objects.exists()


@pytest.fixture
def jag_assignment(world):
    return set_priority(world).assignments.get(body=world.bodies.jag_a)


def test_acknowledge_then_report_many_times(world, jag_assignment):
    chair = world.people.body_member
    assignment = assignment_acknowledge(
        actor=chair, assignment=jag_assignment, response="Patrols on Fridays."
    )
    assert assignment.status == Status.ACKNOWLEDGED
    assert (assignment.acknowledged_by, assignment.response) == (chair, "Patrols on Fridays.")
    assert assignment.acknowledged_at is not None
    first = assignment_report(actor=chair, assignment=assignment, rag="amber", text="Started")
    second = assignment_report(actor=chair, assignment=assignment, rag="green", text="On track")
    assignment.refresh_from_db()
    assert assignment.status == Status.REPORTING
    assert (assignment.last_rag, assignment.last_reported_at) == ("green", second.created_at)
    assert list(assignment.reports.all()) == [second, first]


def test_reporting_before_acknowledging_is_refused(world, jag_assignment):
    before = snapshot(jag_assignment)
    with pytest.raises(DomainError, match="Acknowledge the priority before reporting"):
        assignment_report(
            actor=world.people.body_member, assignment=jag_assignment, rag="green", text="t"
        )
    assert snapshot(jag_assignment) == before


def test_acknowledging_twice_is_refused(world, jag_assignment):
    assignment_acknowledge(actor=world.people.body_member, assignment=jag_assignment, response="A")
    before = snapshot(jag_assignment)
    with pytest.raises(DomainError, match="JAG A acknowledged this priority on"):
        assignment_acknowledge(
            actor=world.people.body_member, assignment=jag_assignment, response="B"
        )
    assert snapshot(jag_assignment) == before


@pytest.mark.parametrize("who", ["officer", "board", "partner_x"])
def test_acting_for_a_body_you_do_not_sit_on_is_refused(world, jag_assignment, who):
    person = getattr(world.people, who)
    before = snapshot(jag_assignment)
    with pytest.raises(DomainError, match="Only members of JAG A"):
        assignment_acknowledge(actor=person, assignment=jag_assignment, response="r")
    assert snapshot(jag_assignment) == before
    assignment_acknowledge(actor=world.people.body_member, assignment=jag_assignment, response="r")
    before = snapshot(jag_assignment)
    with pytest.raises(DomainError, match="Only members of JAG A"):
        assignment_report(actor=person, assignment=jag_assignment, rag="red", text="t")
    assert snapshot(jag_assignment) == before


def test_acknowledging_without_a_response_and_reporting_without_text_are_refused(
    world, jag_assignment
):
    chair = world.people.body_member
    with pytest.raises(DomainError, match="Enter what your body will do") as refused:
        assignment_acknowledge(actor=chair, assignment=jag_assignment, response="  ")
    assert refused.value.field == "response"
    assignment_acknowledge(actor=chair, assignment=jag_assignment, response="r")
    with pytest.raises(DomainError, match="Enter what has happened"):
        assignment_report(actor=chair, assignment=jag_assignment, rag="green", text="")
    with pytest.raises(DomainError, match="Choose red, amber or green"):
        assignment_report(actor=chair, assignment=jag_assignment, rag="blue", text="t")
    assert not PriorityReport.objects.exists()


def test_a_retired_priority_takes_no_more_answers(world, jag_assignment):
    priority = priority_retire(actor=world.people.officer, priority=jag_assignment.priority)
    assert priority.status == Priority.Status.RETIRED and priority.retired_at
    before = snapshot(jag_assignment)
    with pytest.raises(DomainError, match="retired"):
        assignment_acknowledge(
            actor=world.people.body_member, assignment=jag_assignment, response="r"
        )
    assert snapshot(jag_assignment) == before
    with pytest.raises(DomainError, match="already retired"):
        priority_retire(actor=world.people.officer, priority=priority)


def test_only_the_setting_body_and_officers_retire_a_priority(world, jag_assignment):
    priority = jag_assignment.priority
    with pytest.raises(DomainError, match="Only OPCC officers and members of Test SPB"):
        priority_retire(actor=world.people.body_member, priority=priority)
    assert Priority.objects.get(pk=priority.pk).is_active
    assert not priority_retire(actor=world.people.board, priority=priority).is_active


def test_overdue_is_an_unacknowledged_assignment_past_its_date(world, jag_assignment):
    assert not jag_assignment.is_overdue
    Priority.objects.filter(pk=jag_assignment.priority_id).update(
        acknowledge_by=TODAY() - timedelta(days=1)
    )
    jag_assignment.refresh_from_db()
    jag_assignment.priority.refresh_from_db()
    assert jag_assignment.is_overdue
    assert list(PriorityAssignment.objects.overdue()) != []
    assignment_acknowledge(actor=world.people.body_member, assignment=jag_assignment, response="r")
    jag_assignment.refresh_from_db()
    assert not jag_assignment.is_overdue

"""Meetings: the status machine, the record of a meeting and actions, tested on the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.domain import DomainError
from governance.models import Action, Attendance, Meeting
from governance.services.meetings import (
    ACTION_TRANSITIONS,
    MEETING_TRANSITIONS,
    action_create,
    action_update,
    attendance_record,
    decision_record,
    meeting_create,
    meeting_transition,
    meeting_update,
    minutes_record,
)
from tests.factories import MembershipFactory, UserFactory
from tests.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    HeldMeetingFactory,
    MeetingFactory,
)

NOW = timezone.now


def schedule(world, **overrides):
    starts = overrides.pop("starts_at", NOW() + timedelta(days=10))
    values = {
        "actor": world.people.officer,
        "body": world.bodies.jag_a,
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "location": "Community centre",
        **overrides,
    }
    return meeting_create(**values)


# Scheduling ------------------------------------------------------------------------------
def test_a_meeting_is_scheduled_with_a_place_or_a_link(world):
    meeting = schedule(world, location="", online_url="https://meet.example.org/jag")
    assert meeting.status == Meeting.Status.SCHEDULED
    assert meeting.created_by == world.people.officer
    assert str(meeting).startswith("JAG A meeting, ")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"location": "", "online_url": ""}, "location", "Give a place"),
        ({"ends_at": NOW() + timedelta(days=9)}, "ends_at", "must end after it starts"),
    ],
)
def test_a_meeting_without_a_place_or_ending_before_it_starts_is_refused(
    world, overrides, field, message
):
    with pytest.raises(DomainError) as error:
        schedule(world, **overrides)
    assert error.value.field == field and message in error.value.message
    assert not Meeting.objects.exists()


def test_an_inactive_body_cannot_meet(world):
    world.bodies.jag_a.is_active = False
    with pytest.raises(DomainError, match="no longer active"):
        schedule(world)


def test_a_scheduled_meeting_can_move_but_a_held_or_cancelled_one_cannot(world):
    meeting = schedule(world)
    later = meeting.starts_at + timedelta(days=1)
    meeting_update(actor=None, meeting=meeting, starts_at=later, ends_at=later + timedelta(hours=1))
    meeting.refresh_from_db()
    assert meeting.starts_at == later
    meeting_transition(actor=None, meeting=meeting, to_status="cancelled", reason="No quorum")
    with pytest.raises(DomainError, match="cancelled meeting cannot be changed. Reinstate"):
        meeting_update(actor=None, meeting=meeting, location="Elsewhere")
    held = HeldMeetingFactory(body=world.bodies.jag_a)
    with pytest.raises(DomainError, match="held meeting cannot be changed"):
        meeting_update(actor=None, meeting=held, location="Elsewhere")


# The status machine ----------------------------------------------------------------------
ALL_MOVES = [(a, b) for a in Meeting.Status.values for b in Meeting.Status.values]


@pytest.mark.parametrize(("start", "target"), ALL_MOVES)
def test_every_status_move_is_allowed_or_refused_as_the_table_says(world, start, target):
    # A past meeting can be marked held; a future one can be reinstated: pick the date
    # each allowed move needs, so that only the table decides.
    days = -1 if target == "held" else 5
    meeting = MeetingFactory(
        body=world.bodies.jag_a, status=start, starts_at=NOW() + timedelta(days=days)
    )
    if target in MEETING_TRANSITIONS[start]:
        moved = meeting_transition(actor=None, meeting=meeting, to_status=target, reason="Why")
        assert moved.status == target
    else:
        with pytest.raises(DomainError) as error:
            meeting_transition(actor=None, meeting=meeting, to_status=target, reason="Why")
        assert error.value.field == "status"
        meeting.refresh_from_db()
        assert meeting.status == start


def test_the_reasons_for_refused_moves_say_what_to_do(world):
    held = HeldMeetingFactory(body=world.bodies.jag_a)
    with pytest.raises(DomainError, match="already held"):
        meeting_transition(actor=None, meeting=held, to_status="held")
    with pytest.raises(DomainError, match="has been held cannot be made cancelled"):
        meeting_transition(actor=None, meeting=held, to_status="cancelled", reason="x")
    cancelled = MeetingFactory(body=world.bodies.jag_a, status="cancelled")
    with pytest.raises(DomainError, match="cancelled meeting cannot be marked held: reinstate"):
        meeting_transition(actor=None, meeting=cancelled, to_status="held")
    with pytest.raises(DomainError, match="not a meeting status"):
        meeting_transition(actor=None, meeting=cancelled, to_status="postponed")


def test_a_meeting_cannot_be_marked_held_before_it_starts(world):
    meeting = schedule(world)
    with pytest.raises(DomainError, match="cannot be marked held before it starts"):
        meeting_transition(actor=None, meeting=meeting, to_status="held")
    meeting.refresh_from_db()
    assert meeting.is_scheduled


def test_cancelling_needs_a_reason_and_keeps_it(world):
    meeting = schedule(world)
    with pytest.raises(DomainError) as error:
        meeting_transition(actor=None, meeting=meeting, to_status="cancelled", reason="  ")
    assert error.value.field == "reason"
    meeting_transition(actor=None, meeting=meeting, to_status="cancelled", reason="Room flooded")
    meeting.refresh_from_db()
    assert meeting.is_cancelled and meeting.status_reason == "Room flooded"


def test_a_cancelled_meeting_whose_date_has_passed_cannot_be_reinstated(world):
    meeting = MeetingFactory(
        body=world.bodies.jag_a, status="cancelled", starts_at=NOW() - timedelta(days=1)
    )
    with pytest.raises(DomainError, match="date of this meeting has passed"):
        meeting_transition(actor=None, meeting=meeting, to_status="scheduled")


# Attendance, minutes and decisions -------------------------------------------------------
def test_attendance_is_recorded_per_member_and_can_be_corrected(world):
    meeting = MeetingFactory(body=world.bodies.jag_a, starts_at=NOW() - timedelta(hours=1))
    chair = world.people.body_member
    other = MembershipFactory(body=world.bodies.jag_a).user
    attendance_record(
        actor=None, meeting=meeting, statuses={chair.pk: "present", other.pk: "apologies"}
    )
    attendance_record(actor=None, meeting=meeting, statuses={other.pk: "present"})
    rows = {a.person: a for a in Attendance.objects.filter(meeting=meeting)}
    assert rows[chair].status == "present"
    assert rows[chair].organisation == world.organisations.y  # the organisation of the seat
    assert rows[other].status == "present"
    assert rows[chair].history.count() == 1


def test_attendance_is_refused_for_strangers_future_and_cancelled_meetings(world):
    meeting = MeetingFactory(body=world.bodies.jag_a, starts_at=NOW() - timedelta(hours=1))
    with pytest.raises(DomainError, match="Only members of the body"):
        attendance_record(actor=None, meeting=meeting, statuses={world.people.board.pk: "present"})
    future = MeetingFactory(body=world.bodies.jag_a)
    with pytest.raises(DomainError, match="once it has started"):
        attendance_record(
            actor=None, meeting=future, statuses={world.people.body_member.pk: "present"}
        )
    cancelled = MeetingFactory(
        body=world.bodies.jag_a, status="cancelled", starts_at=NOW() - timedelta(days=1)
    )
    with pytest.raises(DomainError, match="was cancelled"):
        attendance_record(
            actor=None, meeting=cancelled, statuses={world.people.body_member.pk: "present"}
        )
    assert not Attendance.objects.exists()


def test_minutes_are_recorded_for_the_meeting_and_each_item_of_a_held_meeting(world):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    item = AgendaItemFactory(meeting=meeting)
    minutes_record(actor=None, meeting=meeting, minutes=" Quorate. ", item_minutes={item.pk: "Ok"})
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.minutes == "Quorate." and item.minutes == "Ok"
    assert meeting.minutes_recorded_at is not None
    minutes_record(actor=None, meeting=meeting, minutes="", item_minutes={item.pk: ""})
    meeting.refresh_from_db()
    assert meeting.minutes_recorded_at is None


def test_minutes_and_decisions_wait_until_the_meeting_is_held(world):
    meeting = MeetingFactory(body=world.bodies.jag_a, starts_at=NOW() - timedelta(hours=1))
    with pytest.raises(DomainError, match="Mark the meeting as held before recording its minutes"):
        minutes_record(actor=None, meeting=meeting, minutes="Too early")
    with pytest.raises(DomainError, match="decisions"):
        decision_record(actor=None, meeting=meeting, text="Too early")
    other = HeldMeetingFactory(body=world.bodies.jag_a)
    with pytest.raises(DomainError, match="not on this meeting's agenda"):
        minutes_record(
            actor=None, meeting=other, minutes="", item_minutes={AgendaItemFactory().pk: "x"}
        )


def test_a_decision_on_a_confidential_item_is_confidential(world):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    secret = AgendaItemFactory(meeting=meeting, is_confidential=True)
    decision = decision_record(actor=None, meeting=meeting, text="Agreed", agenda_item=secret)
    assert decision.is_confidential
    with pytest.raises(DomainError) as error:
        decision_record(actor=None, meeting=meeting, text="x", agenda_item=AgendaItemFactory())
    assert error.value.field == "agenda_item"


# Actions ---------------------------------------------------------------------------------
def test_an_action_needs_an_owner_and_a_held_meeting(world):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    due = timezone.localdate() + timedelta(days=7)
    with pytest.raises(DomainError) as error:
        action_create(actor=None, meeting=meeting, description="Fix lights", due_date=due)
    assert error.value.field == "owner_person"
    action = action_create(
        actor=None,
        meeting=meeting,
        description="Fix lights",
        due_date=due,
        owner_organisation=world.organisations.x,
    )
    assert action.body == world.bodies.jag_a and action.status == "open"
    with pytest.raises(DomainError, match="held"):
        action_create(
            actor=None,
            meeting=MeetingFactory(body=world.bodies.jag_a),
            description="x",
            due_date=due,
            owner_person=world.people.body_member,
        )


ACTION_MOVES = [(a, b) for a in Action.Status.values for b in Action.Status.values if a != b]


@pytest.mark.parametrize(("start", "target"), ACTION_MOVES)
def test_every_action_move_is_allowed_or_refused_as_the_table_says(world, start, target):
    action = ActionFactory(meeting__body=world.bodies.jag_a, status=start)
    if target in ACTION_TRANSITIONS[start]:
        moved = action_update(actor=None, action=action, status=target)
        assert moved.status == target
        assert (moved.completed_at is not None) == (target in ("done", "dropped"))
    else:
        with pytest.raises(DomainError, match="reopen it first") as error:
            action_update(actor=None, action=action, status=target)
        assert error.value.field == "status"
        action.refresh_from_db()
        assert action.status == start


def test_progress_can_be_noted_without_moving_the_action(world):
    action = ActionFactory(meeting__body=world.bodies.jag_a, status="in_progress")
    action_update(actor=None, action=action, status="in_progress", progress=" Half done ")
    action.refresh_from_db()
    assert action.progress == "Half done" and action.status == "in_progress"
    with pytest.raises(DomainError, match="not an action status"):
        action_update(actor=None, action=action, status="finished")


def test_an_owner_can_be_a_person_of_any_organisation(world):
    person = UserFactory(organisation=world.organisations.x)
    action = ActionFactory(meeting__body=world.bodies.jag_a, owner_person=person)
    assert action.owner_label == str(person)
